"""Direction controls, zero-width characters and lone surrogates are seen through (the
words they disguise are checked) and flagged themselves."""
from __future__ import annotations

import pytest

from policy import check
from policy.normalize import normalize

REVERSED = "\u202eweiver rats-5 a evael\u202c"  # shows as "leave a 5-star review"


def test_the_view_reads_an_override_as_displayed():
    n = normalize("Hi " + REVERSED + " thanks")
    assert "leave a 5-star review" in n.text
    start = n.text.index("5-star")
    o_start, o_end = n.span(start, start + len("5-star review"))
    assert "Hi " + REVERSED + " thanks" and o_start >= 4 and o_end <= 4 + len(REVERSED)


def test_a_reversed_request_is_flagged_and_so_are_its_controls():
    found = check(REVERSED)
    assert any(f.category == "review_manipulation" and f.blocks for f in found)
    controls = [f for f in found if f.rule == "formatting.hidden-characters"]
    assert [(f.start, f.end) for f in controls] == [(0, 1), (len(REVERSED) - 1, len(REVERSED))]
    assert all(f.blocks and f.replacements == ("",) for f in controls)
    # a replacement typed into a reversed run would show reversed: none is offered there
    assert all(not f.replacements for f in found if f.rule != "formatting.hidden-characters")


@pytest.mark.parametrize("text", [
    "Hi \u202emoc.liamg@eoj\u202c",          # joe@gmail.com, reversed
    "Write to joe\ud800@example.com today",  # a lone surrogate inside the address
    "Write to joe\u2066@example.com\u2069",  # an isolate around the domain
    "Write to joe\u200b@\u200bexample.com",
])
def test_disguised_email_is_still_found(text):
    assert any(f.category == "email_address" for f in check(text))


@pytest.mark.parametrize("text,kind", [
    ("\u202dleave a review\u202c", "block"),
    ("Your lamp \u2067ships\u2069 today.", "block"),
    ("Broken \ud800 text", "warn"),
])
def test_the_controls_are_flagged(text, kind):
    hidden = [f for f in check(text) if f.rule == "formatting.hidden-characters"]
    assert hidden and hidden[0].severity == kind


@pytest.mark.parametrize("text", [
    "Family: \U0001F468\u200d\U0001F469\u200d\U0001F467",  # emoji joiners
    "\ufeffHello, your lamp ships today.",                   # a byte-order mark at the start
    "Extra\u00adordinary care",                              # a soft hyphen
    "שלום, your order ships today.",                         # right-to-left text, no controls
    "Leave a re\u200bview",  # a zero-width space: seen through (the word is checked), not flagged
])
def test_legitimate_invisible_characters_pass(text):
    assert [f for f in check(text) if f.rule == "formatting.hidden-characters"] == []


def test_blank_letters_are_spaces():
    assert normalize("free\u3164gift").text == "free gift"
