"""Amazon's templates in German (policy/amazon/de/templates.toml): each one, filled with its
German example values, is German and passes its own check; a translation keeps the original's
kind, limits and fields, and a malformed one fails at load naming file and template."""
from __future__ import annotations

import pytest

from policy import load_policy
from policy.loader import PolicyError
from policy.templates import load_templates, load_translations
from policy.marketplace import marketplace_folder

GERMAN = load_policy("amazon").templates_in("de")


def test_every_amazon_template_exists_in_german():
    assert list(GERMAN) == list(load_policy("amazon").templates)
    assert all(t.language == "de" for t in GERMAN.values())


@pytest.mark.parametrize("template_id", sorted(GERMAN))
def test_each_german_template_passes_its_own_check(template_id):
    template = GERMAN[template_id]
    result = load_policy("amazon").check_message(template.render(template.example_values()), template)
    assert result.language == "de"
    assert result.findings == [], [(f.rule, f.excerpt) for f in result.findings]


@pytest.mark.parametrize("template_id", sorted(GERMAN))
def test_a_translation_keeps_the_originals_kind_limits_and_fields(template_id):
    original, german = load_policy("amazon").templates[template_id], GERMAN[template_id]
    assert (german.kind, german.message_type, german.max_length) == \
        (original.kind, original.message_type, original.max_length)
    assert [(f.name, f.label, f.type, f.required) for f in german.fields] == \
        [(f.name, f.label, f.type, f.required) for f in original.fields]
    assert german.body != original.body


def test_the_template_id_with_the_buyers_language_checks_the_german_text():
    policy = load_policy("amazon")
    template = GERMAN["shipping-delay"]
    text = template.render(template.example_values())
    assert policy.check(text, "shipping-delay", None, "de") == []


@pytest.mark.parametrize("body, problem", [
    ('id = "nope"\nbody = "Hallo"', "no template with this id"),
    ('id = "send-invoice"\nbody = "Hallo {unknown}"', "has no declared field"),
    ('id = "shipping-delay"\nbody = "x {order_id} {item_name} {reason} {new_date} {seller_name} '
     '[[{buyer_name}]]"\nchoices.reason = ["nur eine"]', "give all 4 choices"),
])
def test_a_malformed_translation_names_file_template_and_problem(tmp_path, body, problem):
    originals = load_templates(marketplace_folder("amazon") / "templates.toml")
    path = tmp_path / "templates.toml"
    path.write_text("[[template]]\n" + body + "\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=problem) as error:
        load_translations(path, originals, "de")
    assert str(path) in str(error.value)
