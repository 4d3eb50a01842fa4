"""Telephone numbers spelled out in words, in every language with rules (session 15): seven
or more digit words in a row (separators allowed) are a number; a few are not. The digit
words are data (policy/common/disguises.toml [digits])."""
import pytest

from policy import load_policy
from policy.detectors import phones
from policy.normalize import normalize


def phone_excerpts(text: str, language: str | None = None) -> list[str]:
    findings = load_policy("amazon").check(text, language=language or "auto")
    return [text[f.start:f.end].strip() for f in findings if f.category == "phone_number"]


@pytest.mark.parametrize("text, language", [
    ("Meine Nummer für Rückfragen: null eins sieben zwei, drei vier fünf, sechs sieben acht.", "de"),
    ("Bei Fragen gern unter null-eins-fünf-neun-acht-acht-zwo-drei melden.", "de"),
    ("Vous pouvez me joindre au zéro six, un deux, trois quatre, cinq six, sept huit.", "fr"),
    ("Para cualquier duda: seis cero cero, uno dos tres, cuatro cinco seis.", "es"),
    ("Per qualsiasi cosa: tre tre nove, uno due tre, quattro cinque sei sette.", "it"),
    ("何かあればゼロキュウゼロ・イチニサンヨン・ゴロクナナハチまでどうぞ。", "ja"),
    ("ご不明な点は〇九〇一二三四五六七八へお願いします。", "ja"),
    ("ご不明な点はぜろきゅうぜろ、いちにさんよん、ごろくななはちへ。", "ja"),
    ("If anything comes up, five five five, two one nine, eight eight four six.", "en"),
])
def test_spelled_out_numbers_are_phone_numbers(text, language):
    found = phone_excerpts(text, language)
    assert found, text
    assert any(len(f) >= 7 for f in found)


@pytest.mark.parametrize("text, language", [
    ("It should arrive in two or three days, four at the latest.", "en"),
    ("Es kommt in zwei oder drei Tagen, spätestens in vier.", "de"),
    ("Il arrivera dans deux ou trois jours, six au plus tard.", "fr"),
    ("Llegará en dos o tres días, cinco como mucho.", "es"),
    ("Arriva tra due o tre giorni, al massimo sei.", "it"),
    ("二、三日で届きます。", "ja"),
    ("Count them: one, two, three, four, five, six, seven, eight, nine.", "en"),
])
def test_a_few_number_words_are_not_a_phone_number(text, language):
    assert phone_excerpts(text, language) == []


def test_digit_words_are_data():
    assert phones._WORDS["sieben"] == "7" and phones._WORDS["キュウ"] == "9" and phones._WORDS["〇"] == "0"
    assert phones.MIN_SPELLED == 7


def test_a_spelled_number_is_found_by_the_detector_itself():
    text = "Ruf an: null eins sieben zwei drei vier fünf sechs"
    hits = phones.detect(text, normalize(text))
    assert [text[h.start:h.end] for h in hits] == ["null eins sieben zwei drei vier fünf sechs"]
