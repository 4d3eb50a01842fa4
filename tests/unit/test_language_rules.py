"""Rules written in one language (policy/common/<lang>/, policy/<marketplace>/<lang>/): loaded
as data, run only on a message in that language, on top of the marketplace's rules; and the
detectors see each language's spelled-out dots and at-signs (policy/common/disguises.toml)."""
from __future__ import annotations

import textwrap

import pytest

import policy
from policy.engine import load_policy, load_policy_from
from policy.loader import PolicyError

from tests.throwaway import build


def rules_of(text: str, language: str = "auto", marketplace: str = "amazon") -> set[str]:
    return {f.rule for f in policy.check(text, marketplace, language=language)}


def test_german_rules_run_on_german_messages_only():
    pol = load_policy("amazon")
    german = {r.id for r in pol.rules_for("de")} - {r.id for r in pol.rules}
    assert "inducement.money-for-review-de" in german
    assert pol.rules_for("en") is pol.rules  # an English check runs exactly the English set
    assert not german & {r.id for r in pol.rules_for("pl")}


def test_a_german_review_offer_is_blocked_and_customer_service_passes():
    assert "inducement.money-for-review-de" in rules_of(
        "Für eine 5-Sterne-Bewertung erstatten wir Ihnen 10 € per PayPal.")
    assert policy.check("Wir haben Ihnen den vollen Betrag erstattet.", "amazon") == []


def test_the_language_comes_from_the_request_when_the_text_is_short():
    # Too short to detect: the buyer's language chosen in the request picks the rules.
    assert "review_manipulation.positive-review-de" in rules_of("5-Sterne-Bewertung?", "de")


def test_detectors_run_on_german_text_and_english_word_rules_do_not():
    german = {r.id for r in load_policy("amazon").rules_for("de")}
    assert {"email_address.address", "phone_number.number", "formatting.line-breaks",
            "timing.review-window", "repeat_request.already-requested"} <= german
    assert "external_contact.email-us" not in german  # English words, not German ones
    assert {"email_address.address", "phone_number.number"} <= rules_of(
        "Mail: info@lampenshop.de, Telefon 0221 9876543.", "de")


def test_an_english_phrase_inside_german_text_is_no_false_alarm():
    # "per E-Mail" is the English rule's "by/per email"; here it says there is no e-mail.
    text = ("Hallo Frau Schulte, leider können wir Ihnen keine Rechnung per E-Mail schicken. "
            "Sie finden die Rechnung jederzeit in Ihrem Amazon-Konto.")
    assert policy.check(text, "amazon") == []
    assert "external_contact.email-us" in rules_of("Let's sort this out by email instead.")


GERMAN_REQUESTS = [
    "Guten Tag, Ihre Lampe ist angekommen. Über eine ehrliche Bewertung würden wir uns sehr freuen.",
    "Hallo, würden Sie den Artikel bitte bewerten? Vielen Dank!",
    "Bitte hinterlassen Sie uns eine Rezension auf Amazon.",
    "Wir freuen uns über Ihr Feedback zum Produkt.",
]


@pytest.mark.parametrize("text", GERMAN_REQUESTS)
def test_a_free_typed_german_review_request_gets_the_timing_and_once_per_order_checks(text):
    early = {"delivered_on": "2026-11-02", "today": "2026-11-04"}
    assert "timing.review-window" in rules_of_in(text, early)
    assert "repeat_request.already-requested" in rules_of_in(text, {"previous_request_on": "2026-10-01"})
    assert load_policy("amazon").asks_for_review(text)


@pytest.mark.parametrize("text", [
    "Vielen Dank, dass Sie eine Bewertung hinterlassen haben.",
    "Ihre Lampe ist angekommen. Wir wünschen Ihnen viel Freude damit.",
    "Die Bewertung des Schadens durch den Paketdienst liegt uns noch nicht vor.",
])
def test_a_german_message_that_asks_for_no_review_gets_no_timing_check(text):
    assert not {"timing.review-window", "repeat_request.already-requested"} & rules_of_in(
        text, {"delivered_on": "2026-11-02", "today": "2026-11-04", "previous_request_on": "2026-10-01"})
    assert not load_policy("amazon").asks_for_review(text)


def rules_of_in(text: str, context: dict) -> set[str]:
    return {f.rule for f in policy.check(text, "amazon", context=context)}


@pytest.mark.parametrize("text", [
    "Schreiben Sie an service Klammeraffe lampenshop Punkt de",
    "Mail: info(Klammeraffe)lampenshop.de",
    "Escríbanos a ventas arroba tienda punto es",
    "Scriveteci a info chiocciola negozio punto it",
    "Écrivez à contact arobase boutique.fr",
])
def test_spelled_out_at_signs_of_each_language_are_addresses(text):
    assert "email_address.address" in rules_of(text)


@pytest.mark.parametrize("text, found", [
    ("Besuchen Sie www Punkt lampenshop Punkt de", True),
    ("Bitte beachten Sie Punkt 3 der Anleitung.", False),
    ("Der wichtigste Punkt ist die Größe.", False),
    ("Bringen wir es auf den Punkt de facto fehlt nur die Schraube.", False),
    ("Bestellen Sie direkt auf lampenhof24 Punkt de", True),
])
def test_punkt_is_a_dot_only_inside_an_address(text, found):
    assert ("link.web-address" in rules_of(text, "de")) is found


def _marketplace_with_german_overlay(tmp_path):
    folder = build(tmp_path)
    (folder / "de").mkdir()
    return folder


def test_a_marketplace_language_folder_overlays_the_common_one(tmp_path):
    folder = _marketplace_with_german_overlay(tmp_path)
    (folder / "de" / "rules.toml").write_text(textwrap.dedent('''
        [[rule]]
        id = "promotional.coupon-de"
        kind = "phrases"
        category = "promotional"
        severity = "warn"
        replacements = [""]
        source = "Testmart rules"
        message = "A coupon."
        suggestions = ["Remove it."]
        patterns = ['\\bgutscheincode\\b']
        examples.flag = ["Ihr Gutscheincode lautet X."]
        examples.pass = ["Ihr Paket ist unterwegs."]
        '''), encoding="utf-8")
    pol = load_policy_from(folder, "testmart")
    german = {r.id: r for r in pol.rules_for("de")}
    assert german["promotional.coupon-de"].severity == "warn"      # the marketplace's own
    assert "inducement.money-for-review-de" in german               # the common one kept
    assert german["promotional.coupon-de"].language == "de"


def test_a_malformed_language_rules_file_names_file_and_rule(tmp_path):
    folder = _marketplace_with_german_overlay(tmp_path)
    (folder / "de" / "rules.toml").write_text(
        '[[rule]]\nid = "x-de"\nkind = "nope"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"de[/\\]rules\.toml: rule 'x-de': unknown kind"):
        load_policy_from(folder, "testmart")


def test_any_language_must_be_true_or_false(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(textwrap.dedent('''\
        [[rule]]
        id = "formatting.breaks"
        kind = "phrases"
        category = "formatting"
        severity = "warn"
        source = "inferred"
        message = "x"
        suggestions = ["x"]
        any_language = "yes"
        patterns = ['\\n\\n\\n']
        examples.flag = ["a\\n\\n\\nb"]
        examples.pass = ["a"]
        '''), encoding="utf-8")
    from policy.loader import load_rules
    with pytest.raises(PolicyError, match=r"rule 'formatting.breaks': field 'any_language': expected true or false"):
        load_rules(path)


# ---------------------------------------------------------------- Japanese

def test_japanese_rules_run_on_japanese_messages_only():
    pol = load_policy("amazon")
    japanese = {r.id for r in pol.rules_for("ja")} - {r.id for r in pol.rules}
    assert {"inducement.money-for-review-ja", "external_contact.off-marketplace-ja"} <= japanese
    assert not japanese & {r.id for r in pol.rules_for("de")}
    assert "ja" in pol.facts.languages


def test_a_japanese_review_offer_is_blocked_and_customer_service_passes():
    result = policy.check_message("星5のレビューを書いていただけましたら、商品代金を全額返金いたします。", "amazon")
    assert result.language == "ja"
    assert {"inducement", "review_manipulation"} <= {f.category for f in result.findings if f.blocks}
    assert policy.check_message("本日、全額返金いたしました。反映まで数日かかる場合がございます。", "amazon").findings == []


@pytest.mark.parametrize("text", [
    "お急ぎの場合はLINE ID「kagu_tanaka」までメッセージをください。",
    "公式ＬＩＮＥに友だち登録いただくと、サポートがスムーズです。",
    "詳しくはラインでお話しさせてください。",
])
def test_line_is_contact_off_the_marketplace(text):
    assert "external_contact.off-marketplace-ja" in rules_of(text)


def test_line_inside_a_japanese_or_english_word_is_not_the_app():
    assert rules_of("こちらの商品はオンラインでの設定は不要です。ガイドラインに沿って発送いたします。") == set()


def test_a_japanese_sentence_break_keeps_an_offer_apart_from_a_review():
    # One sentence: the refund is tied to the review. Two: it is customer service and a request.
    assert "inducement.money-for-review-ja" in rules_of("返金いたしますので、代わりにレビューを投稿してください。")
    assert not {"inducement.money-for-review-ja", "inducement.gift-for-review-ja"} & rules_of(
        "返金いたしました。お時間がございましたら、レビューをお寄せください。")
