"""E-mail addresses disguised with words joined by hyphens or underscores (session 15):
the at-sign and the dots written as words of any language (policy/common/disguises.toml)."""
import pytest

from policy import load_policy
from policy.detectors import emails
from policy.normalize import normalize


def email_excerpts(text: str) -> list[str]:
    findings = load_policy("amazon").check(text)
    return [text[f.start:f.end].strip() for f in findings if f.category == "email_address"]


@pytest.mark.parametrize("text, address", [
    ("Schicken Sie das Paket zurück und schreiben Sie an reklamation-at-lampenhaus-punkt-de.",
     "reklamation-at-lampenhaus-punkt-de"),
    ("Die Rechnung kommt von buchhaltung-ät-moebelwerk-punkt-de, bitte antworten Sie dorthin.",
     "buchhaltung-ät-moebelwerk-punkt-de"),
    ("For the manual write to help_at_brightcase_dot_com and we reply fast.", "help_at_brightcase_dot_com"),
    ("Pour le suivi, écrivez à sav-arobase-maison-point-fr directement.", "sav-arobase-maison-point-fr"),
    ("Si necesita ayuda escriba a pedidos-arroba-casaluz-punto-es cuanto antes.", "pedidos-arroba-casaluz-punto-es"),
    ("Per il reso scriva a ordini-chiocciola-bottega-punto-it per favore.", "ordini-chiocciola-bottega-punto-it"),
    ("Please write to ｏｒｄｅｒｓ＿ａｔ＿ｌｏｏｍ＿ｄｏｔ＿ｃｏ＿ｄｏｔ＿ｕｋ today.", "ｏｒｄｅｒｓ＿ａｔ＿ｌｏｏｍ＿ｄｏｔ＿ｃｏ＿ｄｏｔ＿ｕｋ"),
    ("Mail us at team__at__quillpress__dot__net for a copy.", "team__at__quillpress__dot__net"),
])
def test_joined_words_make_an_address(text, address):
    assert any(address in excerpt for excerpt in email_excerpts(text))


@pytest.mark.parametrize("text", [
    "Our state-of-the-art lamp ships today.",
    "A look-at-me bag in bright red, punkt-genau geliefert.",
    "The up-to-date manual is in the box.",
    "Il punto-vendita di Milano è aperto.",
])
def test_hyphenated_words_are_no_address(text):
    assert email_excerpts(text) == []


def test_the_detector_reads_the_joined_address_as_one():
    text = "an kontakt-at-firma-punkt-de"
    hits = emails.detect(text, normalize(text))
    assert [(text[h.start:h.end], h.kind) for h in hits] == [("kontakt-at-firma-punkt-de", "obfuscated_email")]
