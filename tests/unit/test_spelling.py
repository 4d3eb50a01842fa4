"""The spelling check (policy/spelling.py, rule spelling.unknown-word): misspelt words in each
language flagged with corrections, right text passed, names, codes and the order's words left
alone, the seller's words respected, never blocking, and a missing dictionary never fatal."""
from __future__ import annotations

import logging

import pytest

import policy
from policy import spelling

RULE = "spelling.unknown-word"


def spelling_findings(text, language="auto", context=None, template=None):
    result = policy.check_message(text, template=template, context=context, language=language)
    return [f for f in result.findings if f.rule == RULE]


def flagged(text, language="auto", context=None):
    return [f.excerpt for f in spelling_findings(text, language, context)]


@pytest.mark.parametrize("language,text,word,correction", [
    ("en", "Thank you, we will recieve the parcel tomorrow.", "recieve", "receive"),
    ("en", "Your packge left our warehouse this morning.", "packge", "package"),
    ("de", "Ihre Lieferrung wurde heute an DHL übergeben.", "Lieferrung", "Lieferung"),
    ("de", "Wir haben Ihre Bestelung heute verschickt.", "Bestelung", "Bestellung"),
    ("fr", "Votre comande a été expédiée ce matin.", "comande", "commande"),
    ("fr", "Votre commmande a été expédiée ce matin.", "commmande", "commande"),
    ("es", "Su pedidio ha salido hoy de nuestro almacén.", "pedidio", "pedido"),
    ("it", "La sua spedizone è partita stamattina.", "spedizone", "spedizione"),
])
def test_a_misspelt_word_is_a_warning_with_its_correction(language, text, word, correction):
    found = spelling_findings(text, language)
    assert [f.excerpt for f in found] == [word]
    f = found[0]
    assert f.category == "spelling" and f.severity == "warn" and not f.blocks
    assert text[f.start:f.end] == word
    assert f.replacements[0] == correction and len(f.replacements) <= 3
    assert word in f.message


@pytest.mark.parametrize("language,text", [
    ("en", "Thank you for your order. Your package left our warehouse this morning and should "
           "arrive on Thursday; we've attached the invoice you asked for."),
    ("en", "We're sorry the colour isn't what you expected: we'll send a grey one and cancelled the first."),
    ("de", "Vielen Dank für Ihre Bestellung. Ihre Sendung wurde heute an DHL übergeben; die "
           "Sendungsnummer und die Rechnung finden Sie in Ihrem Kundenkonto."),
    ("fr", "Merci pour votre commande. Votre colis est parti aujourd'hui ; vous trouverez "
           "l'avis d'expédition et la facture dans votre espace client."),
    ("es", "Gracias por su pedido. Su paquete ha salido hoy de nuestro almacén y llegará el jueves; "
           "le enviaremos la factura por este medio."),
    ("it", "Grazie per il suo ordine. Il pacco è partito oggi dal nostro magazzino e arriverà "
           "giovedì; le invieremo la fattura dell'ordine qui."),
])
def test_right_text_in_each_language_passes(language, text):
    assert flagged(text, language) == []


def test_codes_numbers_capitals_links_and_placeholders_are_not_words():
    text = ("Order 112-1234567-1234567 (tracking 1Z999AA10123456784, model XR-200B, part ABX7) "
            "ships with the ASIN B0CXYZ1234 and a KettleCraft lid; see {nmae} or {{buyer}}. "
            "Our FAQ is at www.exampel-shop.com and help@exampel.com. Made by 深圳市明辉电子有限公司.\n")
    assert flagged(text) == []


def test_names_and_brands_inside_a_sentence_or_after_a_title_are_not_flagged():
    text = ("Hello Mr. Achterberg,\n\nThe Zyntrax blender from Brevolo left today.\n\n"
            "Best regards,\nTamsin Okoye\nWoodgrain Co.\n")
    assert flagged(text) == []


def test_german_names_after_a_title_and_on_a_signature_line_are_not_flagged():
    text = ("Sehr geehrte Frau Wojciechowska,\n\nIhre Sendung ist unterwegs.\n\n"
            "Viele Grüße\nHolzwerk Bergmeierhof\n")
    assert flagged(text, "de") == []


def test_german_nouns_are_checked_in_mid_sentence_and_compounds_are_words():
    assert flagged("Die Versandbestätigung und die Rücksendeetikettnummer kommen per Mail.", "de") == []
    assert flagged("Bitte geben Sie Ihre Wohnungs- oder Hausnummer an.", "de") == []
    assert flagged("Wir senden die Rechnnung heute.", "de") == ["Rechnnung"]


def test_words_of_the_order_given_in_the_context_are_right():
    text = "Your quillowette blanket and the lumbrix cushion ship today.\n"
    assert flagged(text) == ["quillowette", "lumbrix"]
    assert flagged(text, context={"known_words": "Quillowette\nlumbrix"}) == []


def test_the_template_fields_are_known_words_in_the_composer(app):
    from web.composing import compose_state
    loaded = policy.load_policy("amazon")
    template = next(iter(loaded.templates.values()))
    values = template.example_values()
    with app.test_request_context():
        state = compose_state(loaded, template, {**values, template.fields[0].name: "Quillowette"},
                              None, edited=False)
    assert "Quillowette" in state["text"]
    assert not [f for f in state["findings"] if f["category"] == "spelling"]


def test_the_last_word_is_checked_once_something_follows_it():
    assert flagged("We will recieve") == []
    assert flagged("We will recieve ") == ["recieve"]


def test_applying_the_correction_clears_the_finding_and_brings_none():
    text = "Thank you, we will recieve the parcel tomorrow and send the packge on."
    before = spelling_findings(text)
    assert len(before) == 2
    for f in before:
        fixed = text[:f.start] + f.replacements[0] + text[f.end:]
        after = spelling_findings(fixed)
        assert len(after) == 1 and after[0].excerpt != f.excerpt


def test_a_capitalised_misspelling_gets_capitalised_corrections():
    found = spelling_findings("Recieve the parcel from the locker, please.")
    assert found and found[0].replacements[0] == "Receive"


def test_japanese_is_not_spell_checked():
    text = "ご注文いただきありがとうございます。商品は本日発送いたしました。"
    assert spelling.speller("ja") is None
    assert flagged(text, "ja") == []


def test_spelling_never_blocks_copy():
    result = policy.check_message("We will recieve the parcel and the packge tomorrow.\n")
    assert result.findings and result.ok


def test_every_template_passes_its_own_check_without_a_spelling_warning():
    from policy.marketplace import marketplace_ids
    bad = []
    for marketplace in marketplace_ids():
        loaded = policy.load_policy(marketplace)
        sets = [(None, loaded.templates), *loaded.translations.items()]
        for language, templates in sets:
            for template in templates.values():
                values = template.example_values()
                result = loaded.check_message(template.render(values), template,
                                              {"known_words": " ".join(values.values())}, language or "auto")
                bad += [(marketplace, language, template.id, f.excerpt)
                        for f in result.findings if f.category == "spelling"]
    assert bad == []


def test_a_long_text_of_new_words_stays_bounded(monkeypatch):
    import random
    import time
    rng = random.Random(7)
    words = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
             for _ in range(6000)]
    text = " ".join(words) + "\n"
    t0 = time.process_time()
    found = spelling.misspellings(text, "en")
    assert time.process_time() - t0 < 10  # the look-up budget bounds it (a few hundred ms alone)
    assert found  # flagged as far as the budget went


def test_a_missing_dictionary_means_no_finding_and_a_logged_warning(monkeypatch, tmp_path, caplog):
    """A machine without Debian's dictionaries: no spelling finding, a warning at start, no error."""
    data = spelling.spelling_data()
    bare = spelling.SpellingData((str(tmp_path),), data.max_word_length, data.name_line_words,
                                 data.max_corrected_words, data.max_new_lookups,
                                 {"de": data.languages["de"]})
    monkeypatch.setattr(spelling, "spelling_data", lambda: bare)
    spelling.speller.cache_clear()
    spelling.report_missing_dictionaries.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="policy.spelling"):
            assert spelling.report_missing_dictionaries() == ("de",)
        assert "de_DE" in caplog.text and "not spell-checked" in caplog.text
        assert spelling.misspellings("Ihre Lieferrung ist da. Danke.", "de") == []
    finally:
        monkeypatch.undo()
        spelling.speller.cache_clear()
        spelling.report_missing_dictionaries.cache_clear()
    assert spelling.misspellings("Ihre Lieferrung ist da. Danke.", "de")  # and back


def test_a_malformed_spelling_file_names_file_and_key(tmp_path):
    path = tmp_path / "spelling.toml"
    path.write_text('search_path = ["/x"]\nmax_word_length = 40\nname_line_words = 4\n'
                    'max_corrected_words = 5\nmax_new_lookups = 10\n[languages.en]\ndictionaries = []\n')
    with pytest.raises(policy.PolicyError, match=r"spelling.toml: \[languages.en\] dictionaries"):
        spelling.load_spelling_data(path)


def test_the_app_loads_every_languages_dictionaries_at_start(app):
    """The first misspelt word of each language waited 0.3-1.7 s for its lists (live check)."""
    for language in ("en", "de", "fr", "es", "it"):
        checker = spelling.speller(language)
        assert checker is not None and checker._dictionaries is not None, language
        assert checker._frequency is not None and checker._accent_index, language
