"""Short text whose language the detector cannot be sure of is checked against every
candidate language's rules (and the function words pick the language): a message never
passes unchecked because detection guessed wrong. The texts are fresh (session 15)."""
import pytest

from policy import load_policy
from policy.language import detect


def blocking_rules(text: str) -> set[str]:
    result = load_policy("amazon").check_message(text)
    return {f.rule for f in result.findings if f.severity == "block"}


@pytest.mark.parametrize("text, rule", [
    # Read as English by lingua (few letters, English the expected language): Spanish rules run.
    ("Escribeme al whatsapp", "external_contact.off-marketplace-es"),
    ("Quita la opinion mala porfa", "review_manipulation.change-review-es"),
    ("Puedes borrar tu reseña?", "review_manipulation.change-review-es"),
    ("Si te gusto, dejanos 5 estrellas", "review_manipulation.star-rating-es"),
    ("Scrivimi su whatsapp", "external_contact.off-marketplace-it"),
])
def test_short_foreign_text_is_checked_by_its_own_rules(text, rule):
    assert rule in blocking_rules(text)


@pytest.mark.parametrize("text, language", [
    ("Puedes quitar la opinion?", "es"),   # lingua: Spanish 0.64, but unsure, English expected
    ("Si te gusto, dejanos review", "es"),
    ("Text me on whatsapp", "en"),          # lingua: Italian 0.23
    ("Desculpe a demora", "pt"),
])
def test_function_words_choose_between_unsure_candidates(text, language):
    assert detect(text, "en").language == language


def test_unsure_detection_names_the_other_candidates():
    found = detect("Escribeme al whatsapp", "en")
    assert found.language == "en" and "es" in found.also


@pytest.mark.parametrize("text", [
    "Your Kaffeemühle Edelstahl ships today.",        # a German product name
    "Thanks! Jürgen Schäfer, Küchenwelt GmbH",         # a German signature
    "Order 302-1234567-1234567 shipped today",         # an order ID
    "Cheers, Lucia Fernández",                         # a Spanish name
    "Your Casa Bonita mug is on the way",
])
def test_names_ids_and_signatures_do_not_flip_english(text):
    assert detect(text, "en").language == "en"
    result = load_policy("amazon").check_message(text)
    assert result.language == "en" and not [f for f in result.findings if f.severity == "block"]


def test_a_sure_reading_has_no_other_candidates():
    found = detect("Vielen Dank für Ihre Bestellung, das Paket ist heute rausgegangen.", "en")
    assert found.language == "de" and found.also == ()
