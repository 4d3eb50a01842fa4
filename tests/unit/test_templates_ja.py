"""Amazon's templates in Japanese (policy/amazon/ja/templates.toml): each one, filled with its
Japanese example values, is Japanese and passes its own check; a translation keeps the original's
kind, limits and fields; the limits count characters, which a Japanese text uses fewer of."""
from __future__ import annotations

import pytest

from policy import load_policy

JAPANESE = load_policy("amazon").templates_in("ja")


def test_every_amazon_template_exists_in_japanese():
    assert list(JAPANESE) == list(load_policy("amazon").templates)
    assert all(t.language == "ja" for t in JAPANESE.values())


@pytest.mark.parametrize("template_id", sorted(JAPANESE))
def test_each_japanese_template_passes_its_own_check(template_id):
    template = JAPANESE[template_id]
    result = load_policy("amazon").check_message(template.render(template.example_values()), template)
    assert result.language == "ja"
    assert result.findings == [], [(f.rule, f.excerpt) for f in result.findings]


@pytest.mark.parametrize("template_id", sorted(JAPANESE))
def test_a_japanese_translation_keeps_the_originals_kind_limits_and_fields(template_id):
    original, japanese = load_policy("amazon").templates[template_id], JAPANESE[template_id]
    assert (japanese.kind, japanese.message_type, japanese.max_length) == \
        (original.kind, original.message_type, original.max_length)
    assert [(f.name, f.label, f.type, f.required) for f in japanese.fields] == \
        [(f.name, f.label, f.type, f.required) for f in original.fields]


def test_without_the_buyers_name_the_greeting_line_goes_with_it():
    template = JAPANESE["shipping-delay"]
    text = template.render({**template.example_values(), "buyer_name": ""})
    assert text.startswith("この度はご注文いただき") and "様" not in text.split("\n")[0]


def test_a_japanese_review_offer_in_a_review_request_is_blocked():
    template = JAPANESE["review-request"]
    text = template.render(template.example_values()) + "\nレビューを書いていただいた方にはギフト券を差し上げます。"
    blocking = {f.category for f in load_policy("amazon").check(text, template) if f.severity == "block"}
    assert "inducement" in blocking


def test_the_length_limit_counts_japanese_characters():
    policy = load_policy("amazon")
    template = JAPANESE["digital-access-key"]  # createDigitalAccessKey: at most 400 characters
    text = template.render(template.example_values())
    assert len(text) <= 400 and policy.check(text, template) == []
    long_text = text + "ご不明な点は本メッセージにご返信ください。" * 20
    found = [f for f in policy.check(long_text, template) if f.category == "length"]
    assert found and found[0].severity == "block" and found[0].start == 400
