"""The message's language: detection (tricky cases one by one) and the `language` findings.

A message in a language the marketplace has no rules for is blocked and the finding names
the language; English passes, including English that names German products, carries an
order ID or a foreign signature; very short text is never blocked.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import policy
from policy import CATEGORIES, PolicyError
from policy.language import Detection, detect, language_data, load_language_data, parse_language
from policy.language_view import language_views

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "language_samples.jsonl"


def language_of(text: str, expected: str = "en") -> str:
    return detect(text, expected).language


def language_findings(text: str, **kwargs) -> list:
    return [f for f in policy.check(text, **kwargs) if f.category == "language"]


# ---------------------------------------------------------------- detection

@pytest.mark.parametrize("text, language", [
    ("Bitte hinterlassen Sie uns eine 5-Sterne-Bewertung!", "de"),
    ("Laissez-nous un avis 5 étoiles svp", "fr"),
    ("Por favor, déjenos una valoración positiva en la tienda.", "es"),
    ("La preghiamo di lasciarci una recensione positiva.", "it"),
    ("レビューで星5をつけていただけますか？", "ja"),
    ("Prosimy o pozytywną opinię o naszym sklepie.", "pl"),
    ("Wilt u ons een positieve beoordeling geven?", "nl"),
    ("Vi skulle uppskatta ett positivt betyg från dig.", "sv"),
    ("Mağazamız hakkında olumlu bir yorum yazar mısınız?", "tr"),
    ("请您给我们的店铺一个好评。", "zh"),
    ("Poderia deixar uma avaliação positiva da nossa loja?", "pt"),
])
def test_short_messages_in_each_language(text, language):
    assert language_of(text) == language


def test_a_german_product_name_inside_english_stays_english():
    assert language_of("Hi Anna, your Edelstahl Küchenmesser Set 5-teilig mit Holzblock "
                       "is on its way.") == "en"
    assert language_of("The Gartenschlauch aus Kunststoff you asked about is back in stock.") == "en"


def test_a_lower_case_foreign_product_name_inside_english_stays_english():
    assert language_of("Hello, the zestaw garnków ze stali nierdzewnej you ordered is back "
                       "in stock now.") == "en"


def test_a_quoted_foreign_title_or_engraving_stays_english():
    assert language_of('Thanks for ordering the "Kuscheldecke mit Ärmeln, extra weich" - '
                       "it shipped today.") == "en"
    assert language_of("Please confirm the engraving: „Für immer dein, Jonas“.") == "en"


def test_a_foreign_signature_does_not_flip_an_english_message():
    assert language_of("The replacement left our warehouse this morning.\n\nMit freundlichen "
                       "Grüßen\nKlaus-Dieter Schäfer\nSchäfer Gartenbedarf GmbH") == "en"
    assert language_of("We are sorry for the delay with your parcel.\n\nCordialement,\n"
                       "Hélène Bérégovoy\nLa Maison Bérégovoy SARL") == "en"


def test_order_ids_tracking_numbers_and_links_do_not_count():
    assert language_of("Order 302-4417720-9918235, tracking DE48392017745.") == "en"
    assert language_of("The manual is at https://www.kaffee-zubehoer.de/anleitung/muehle.pdf, "
                       "see page 4.") == "en"


def test_an_english_message_naming_a_chinese_company_stays_english():
    assert language_of("Invoice attached for your order. Seller: 广州市天河区美佳贸易有限公司, "
                       "Guangzhou.") == "en"


def test_a_foreign_greeting_and_name_inside_english_stays_english():
    assert language_of("Hallo Frau Becker, the refund for the cracked bowl has been issued "
                       "today.") == "en"


@pytest.mark.parametrize("text", ["Thanks!", "OK", "112-1234567-1234567", "Danke!", "Merci",
                                  "Thanks, Klaus!", "👍", "", "   "])
def test_very_short_text_takes_the_expected_language(text):
    detection = detect(text, "en")
    assert detection.language == "en" and not detection.detected
    assert detect(text, "de").language == "de"


@pytest.mark.parametrize("text", ["迷惑です。", "LINEのIDはabc123です。", "届きました", "OK です"])
def test_very_short_text_with_hiragana_is_japanese(text):
    # Only Japanese writes hiragana: a short Japanese message gets the Japanese rules, not the
    # marketplace's English ones, whatever language was expected.
    assert detect(text, "en") == detect(text, "de") == Detection("ja", detected=True, confidence=1.0)


def test_a_short_katakana_product_name_does_not_make_a_message_japanese():
    assert detect("Shipped: ポケモン", "en").language == "en"


def test_a_short_japanese_line_id_is_blocked():
    findings = policy.check("LINEのIDはabc123です。", "amazon")
    assert any(f.category == "external_contact" and f.severity == "block" for f in findings)


def test_a_script_no_configured_language_uses_is_undetermined():
    assert language_of("Շնորհակալություն պատվերի համար, փաթեթն այսօր ուղարկվեց") == "und"


def test_a_language_outside_the_set_is_never_taken_for_english():
    for text in ("Tak for din bestilling, pakken er sendt i dag og kommer fredag.",
                 "Köszönjük a rendelését, a csomagot ma feladtuk.",
                 "Terima kasih atas pesanan Anda, paket sudah dikirim hari ini."):
        assert language_of(text) not in ("en", "und")


def test_every_labelled_sample_is_detected_as_labelled():
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line]
    wrong = [(r["id"], language_of(r["text"])) for r in rows if language_of(r["text"]) != r["lang"]]
    assert len(rows) >= 70 and wrong == []


def test_views_set_aside_what_carries_no_language():
    views = language_views("Order 112-1234567-1234567 is at <b>shop.de/x</b> for jane@shop.de "
                           "and @handle #tag", 12, 2, 400)
    assert views.words == "Order is at for and"
    assert views.lower == "is at for and"


# ---------------------------------------------------------------- findings

@pytest.mark.parametrize("text, name", [
    ("Poderia nos deixar uma avaliação de cinco estrelas, por favor?", "Portuguese"),
    ("Prosimy o wystawienie opinii na pięć gwiazdek!", "Polish"),
    ("Laat u alstublieft een recensie van vijf sterren achter?", "Dutch"),
    ("请给我们五星好评，谢谢！", "Chinese"),
    ("별 다섯 개짜리 리뷰를 남겨 주세요!", "Korean"),
    ("Lämna gärna ett omdöme med fem stjärnor!", "Swedish"),
    ("Lütfen bize beş yıldızlı bir yorum bırakın!", "Turkish"),
])
def test_a_message_in_a_language_without_rules_is_blocked_naming_it(text, name):
    result = policy.check_message(text)
    assert not result.ok
    [finding] = [f for f in result.findings if f.category == "language"]
    assert finding.severity == "block" and finding.rule == "language.unsupported"
    assert f"looks {name}" in finding.message and "cannot be checked" in finding.message
    assert "Amazon" in finding.message and "English" in finding.source
    assert (finding.start, finding.end) == (0, 0)


@pytest.mark.parametrize("text", [
    "Hi Sam, your order shipped today and should arrive on Friday. Thanks for your patience.",
    "Hi Anna, your Edelstahl Küchenmesser Set 5-teilig mit Holzblock is on its way.",
    "Your order 302-4417720-9918235 has shipped.",
    "We have sent the replacement today.\n\nMit freundlichen Grüßen\nJürgen Weißmüller",
    "Thanks!", "OK", "112-1234567-1234567",
])
def test_english_and_very_short_messages_get_no_language_finding(text):
    result = policy.check_message(text)
    assert result.language == "en" and language_findings(text) == []


def test_the_language_finding_blocks_even_when_nothing_else_does():
    text = "Uw pakket is onderweg en komt vrijdag aan."
    assert [f.category for f in policy.check(text)] == ["language"]


def test_german_has_rules_on_amazon_and_a_clean_german_message_passes():
    text = "Ihr Paket ist unterwegs und kommt am Freitag an."
    result = policy.check_message(text)
    assert result.language == "de" and result.findings == [] and result.ok


def test_an_unrecognised_script_is_blocked_as_unrecognised():
    [finding] = language_findings("Շնորհակալություն պատվերի համար, փաթեթն այսօր ուղարկվեց")
    assert finding.severity == "block" and "could not be recognised" in finding.message


def test_a_message_in_another_language_than_the_buyers_gets_a_warning():
    text = "Your parcel is on its way and should arrive on Friday."
    result = policy.check_message(text, language="de")
    assert result.language == "en"
    [finding] = [f for f in result.findings if f.category == "language"]
    assert finding.severity == "warn" and finding.rule == "language.mismatch"
    assert "looks English" in finding.message and "buyer's language is German" in finding.message
    assert language_findings(text, language="en") == []


def test_a_short_message_takes_the_buyers_language_and_is_blocked_when_it_has_no_rules():
    result = policy.check_message("Dank je!", language="nl")
    assert result.language == "nl"
    [finding] = [f for f in result.findings if f.category == "language"]
    assert finding.severity == "block" and "set to Dutch" in finding.message


def test_a_template_language_is_the_expected_one():
    class GermanTemplate:
        id, kind, fields, language = "t", "reply", (), "de"

    text = "Your parcel is on its way and should arrive on Friday."
    [finding] = language_findings(text, template=GermanTemplate())
    assert finding.severity == "warn" and "template is in German" in finding.message


def test_check_keeps_returning_a_list_of_findings():
    findings = policy.check("Bitte hinterlassen Sie uns eine 5-Sterne-Bewertung!")
    assert isinstance(findings, list) and all(isinstance(f, policy.Finding) for f in findings)


def test_language_is_a_fixed_category_with_a_display_name():
    from policy.marketplace import load_marketplace
    assert "language" in CATEGORIES
    assert load_marketplace("amazon").names()["language"] == "Language"


# ---------------------------------------------------------------- the requested language

@pytest.mark.parametrize("value, expected", [
    ("auto", None), (None, None), ("de", "de"), ("DE", "de"), ("pt-BR", "pt"), ("zh-Hans", "zh")])
def test_requested_language_parses_to_its_primary_tag(value, expected):
    assert parse_language(value) == expected


@pytest.mark.parametrize("value, problem", [
    ("xx", "Unknown language"), ("english", "language tag"), ("", "language tag"),
    (5, "language tag"), ("de_DE", "language tag")])
def test_a_bad_requested_language_is_refused_with_a_message(value, problem):
    with pytest.raises(ValueError, match=problem):
        parse_language(value)
    with pytest.raises(ValueError):
        policy.check("Hello there", language=value)


# ---------------------------------------------------------------- the settings file

def test_the_shipped_settings_name_every_configured_language():
    data = language_data()
    assert all(tag in data.names for tag in data.languages)


@pytest.mark.parametrize("edit, problem", [
    (lambda s: s.replace('"en", "de",', '"en", "xq",'), "lingua does not know xq"),
    (lambda s: s.replace("min_letters = 12\n", ""), "min_letters"),
    (lambda s: s.replace('de = "German"\n', ""), "lacks de"),
    (lambda s: s.replace("mismatch_source =", "mismatch_sauce ="), "mismatch_source"),
    (lambda s: s.replace("[detector]", "[detector"), "not valid TOML"),
    (lambda s: s.replace('{ ja = "', '{ xq = "'), "short_text_scripts: not in languages: xq"),
    (lambda s: s.replace("\\u3041-\\u309f", "\\u309f-\\u3041"), "malformed setting: bad character range"),
])
def test_a_malformed_settings_file_fails_naming_file_and_problem(tmp_path, edit, problem):
    from policy.language import LANGUAGES_FILE
    path = tmp_path / "languages.toml"
    path.write_text(edit(LANGUAGES_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(PolicyError, match=problem) as error:
        load_language_data(path)
    assert str(path) in str(error.value)
