"""Every violation is shown at once (a stronger finding absorbs only a weaker one on the
same words), and every highlight starts and ends on word or token edges."""
from __future__ import annotations

import pytest

from policy import check
from policy.engine import tidy_finding
from policy.finding import Finding


def spans(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in check(text):
        out.setdefault(f.category, []).append(text[f.start:f.end])
    return out


def test_contact_phrase_email_and_gating_together():
    text = "Please contact us at support@x.com before leaving feedback."
    found = spans(text)
    assert any("support@x.com" in m for m in found["email_address"])
    assert found["external_contact"]
    assert found["review_manipulation"]  # the gating is shown with the rest, not after


def test_condition_and_five_stars_both_marked():
    text = "If you're happy please leave us 5 stars"
    marked = spans(text)["review_manipulation"]
    assert "If you're happy" in marked
    assert any("5 stars" in m for m in marked)


def test_a_weaker_finding_on_the_same_words_is_absorbed():
    text = "Would you mind leaving a five-star review?"
    marked = [f for f in check(text) if f.category == "review_manipulation"]
    assert len(marked) == 1 and text[marked[0].start:marked[0].end] == "five-star review"


def test_yielding_only_on_covered_words():
    # the discount is the price of the review (inducement, not also promotion) ...
    text = "Leave a review and get 20% off your next order."
    assert "inducement" in spans(text) and "promotional" not in spans(text)
    # ... but a coupon in another sentence is promotion in its own right
    text = "Use code SPRING10 at checkout. Leave a review and get a free gift."
    found = spans(text)
    assert "inducement" in found and "promotional" in found


@pytest.mark.parametrize("text,category,whole", [
    ("call us on +44 20 7946 0958", "phone_number", "+44 20 7946 0958"),
    ("Call me on 07700 900123", "phone_number", "07700 900123"),
    ("Please leave us 5 stars if you liked it", "review_manipulation", "leave us 5 stars"),
])
def test_a_highlight_covers_the_whole_phrase(text, category, whole):
    assert any(whole in m for m in spans(text)[category])


@pytest.mark.parametrize("text", [
    "call us on +44 20 7946 0958", "Call me on 07700 900123",
    "Please leave us 5 stars if you liked it", "Text me on +1 212 555 0147 today.",
    "Ring us at 0161 496 0734.", "Email us at sam@example.com please.",
])
def test_no_highlight_cuts_a_word_or_number(text):
    for f in check(text):
        if f.end > f.start:
            # a removal takes a space along so no double space is left; words stay whole
            start = f.start + len(text[f.start:f.end]) - len(text[f.start:f.end].lstrip())
            end = f.start + len(text[f.start:f.end].rstrip())
            assert start == 0 or not (text[start - 1].isalnum() and text[start].isalnum()), f
            assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum()), f
            if f.replacements != ("",):
                assert (start, end) == (f.start, f.end), f


def test_the_number_and_the_phrase_come_out_whole():
    text = "call us on +44 20 7946 0958"
    phone = next(f for f in check(text) if f.category == "phone_number")
    assert text[:phone.start] + text[phone.end:] == "call us"
    phrase = next(f for f in check(text) if f.category == "external_contact")
    assert (phrase.start, phrase.end) == (0, len(text))  # the sentence: no "+4" cut off


def _finding(start, end, replacements=()):
    return Finding("r", "link", "block", start, end, "", "m", "s", (), tuple(replacements))


def test_tidy_extends_a_cut_word_and_its_replacement():
    text = "see example.com now"
    f = tidy_finding(text, _finding(6, 13, ["X"]))  # "ample.c" -> "example.com"
    assert (f.start, f.end) == (4, 15) and f.replacements == ("exX" + "om",)
    assert f.excerpt == "example.com"


def test_tidy_matches_the_case_of_what_it_replaces():
    text = "If you are pleased, a review helps."
    f = tidy_finding(text, _finding(0, 18, ["if you have a moment"]))
    assert f.replacements == ("If you have a moment",)
    text = "Thanks, happy with it? Leave a review."
    f = tidy_finding(text, _finding(8, 22, ["Have a moment?"]))
    assert f.replacements == ("have a moment?",)


def test_tidy_keeps_whitespace_a_replacement_rewrites():
    text = "Hello,\n\n\n\nBye"
    f = tidy_finding(text, _finding(6, 10, ["\n\n"]))
    assert (f.start, f.end) == (6, 10)


def test_a_long_excerpt_is_cut_between_words():
    from policy.rulekinds import excerpt_of
    text = "Please confirm the engraving text for order 112-1234567-1234567 today. " * 3
    short = excerpt_of(text, 0, len(text))
    head, tail = short.split(" ... ")
    assert text.startswith(head) and text.rstrip().endswith(tail.rstrip())
    assert text[len(head)] == " " and text[len(text.rstrip()) - len(tail.rstrip()) - 1] == " "


def test_hostile_walls_stay_linear():
    import time
    wall = "SALE NOW " * 11000 + "Use code X1 now. " * 3000
    start = time.perf_counter()
    check(wall)
    assert time.perf_counter() - start < 20  # quadratic sentence lookups took minutes
