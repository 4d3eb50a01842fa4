"""Each marketplace's templates in every language it has a folder for
(policy/<marketplace>/<lang>/templates.toml: de, fr, it, ...): every template exists in that
language; each one, filled with its example values in that language, is detected as that
language and passes its own check; a translation keeps the original's kind, limits and
fields; and a malformed one fails at load naming file, template and problem."""
from __future__ import annotations

import pytest

from policy import load_policy
from policy.loader import PolicyError
from policy.marketplace import marketplace_folder, marketplace_ids
from policy.templates import load_templates, load_translations


def _translated() -> list[tuple[str, str]]:
    """(marketplace, language) for every language folder holding a templates.toml."""
    return [(m, lang) for m in marketplace_ids() for lang in sorted(load_policy(m).translations)]


def _cases() -> list:
    return [pytest.param(m, lang, t, id=f"{m}-{lang}-{t}")
            for m, lang in _translated() for t in load_policy(m).translations[lang]]


def test_the_amazon_languages_all_have_their_templates():
    assert {"de", "fr", "it", "es"} <= set(load_policy("amazon").translations)


@pytest.mark.parametrize("marketplace, language", _translated(), ids=[f"{m}-{lang}" for m, lang in _translated()])
def test_every_template_exists_in_each_language(marketplace, language):
    policy = load_policy(marketplace)
    translated = policy.templates_in(language)
    assert list(translated) == list(policy.templates)
    assert all(t.language == language for t in translated.values())


@pytest.mark.parametrize("marketplace, language", _translated(), ids=[f"{m}-{lang}" for m, lang in _translated()])
def test_each_language_with_templates_is_one_the_marketplace_checks(marketplace, language):
    assert language in load_policy(marketplace).facts.languages


def _known(values: dict) -> dict:
    return {"known_words": " ".join(values.values())}


@pytest.mark.parametrize("marketplace, language, template_id", _cases())
def test_each_translated_template_passes_its_own_check(marketplace, language, template_id):
    policy = load_policy(marketplace)
    template = policy.templates_in(language)[template_id]
    values = template.example_values()
    # the form's values are the order's own words, as the composer tells the spelling check
    result = policy.check_message(template.render(values), template, _known(values))
    assert result.language == language
    assert result.findings == [], [(f.rule, f.excerpt) for f in result.findings]


@pytest.mark.parametrize("marketplace, language, template_id", _cases())
def test_a_translation_keeps_the_originals_kind_limits_and_fields(marketplace, language, template_id):
    policy = load_policy(marketplace)
    original, translated = policy.templates[template_id], policy.templates_in(language)[template_id]
    assert (translated.kind, translated.message_type, translated.max_length) == \
        (original.kind, original.message_type, original.max_length)
    assert [(f.name, f.label, f.type, f.required) for f in translated.fields] == \
        [(f.name, f.label, f.type, f.required) for f in original.fields]
    assert translated.body != original.body


@pytest.mark.parametrize("language", ["de", "fr", "it", "es"])
def test_the_template_id_with_the_buyers_language_checks_the_translated_text(language):
    policy = load_policy("amazon")
    template = policy.templates_in(language)["shipping-delay"]
    values = template.example_values()
    assert policy.check(template.render(values), "shipping-delay", _known(values), language) == []


@pytest.mark.parametrize("language", ["fr", "it"])
def test_the_english_template_text_gets_a_warning_when_the_buyer_reads_another_language(language):
    policy = load_policy("amazon")
    template = policy.templates["shipping-delay"]
    text = template.render(template.example_values())
    findings = policy.check(text, "shipping-delay", None, language)
    assert any(f.category == "language" for f in findings)


@pytest.mark.parametrize("body, problem", [
    ('id = "nope"\nbody = "Bonjour"', "no template with this id"),
    ('id = "send-invoice"\nbody = "Bonjour {unknown}"', "has no declared field"),
    ('id = "shipping-delay"\nbody = "x {order_id} {item_name} {reason} {new_date} {seller_name} '
     '[[{buyer_name}]]"\nchoices.reason = ["une seule"]', "give all 4 choices"),
])
def test_a_malformed_translation_names_file_template_and_problem(tmp_path, body, problem):
    originals = load_templates(marketplace_folder("amazon") / "templates.toml")
    path = tmp_path / "templates.toml"
    path.write_text("[[template]]\n" + body + "\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=problem) as error:
        load_translations(path, originals, "fr")
    assert str(path) in str(error.value)
