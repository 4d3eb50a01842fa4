"""Blanks left unfilled are a blocking `placeholder` finding, in blank messages and
templates alike; brackets, braces, percent signs and X's that are not blanks pass."""
from __future__ import annotations

import pytest

from policy import check
from policy.detectors import placeholders
from policy.normalize import normalize
from policy.plaintext import html_to_text


def blanks(text: str) -> list[str]:
    return [text[f.start:f.end] for f in check(text) if f.category == "placeholder"]


def test_the_issue_message_is_blocked_three_times():
    text = "Hi {buyer_name}, your order [[order-id]] ships today. Regards, %SELLER%"
    found = [f for f in check(text) if f.category == "placeholder"]
    assert [text[f.start:f.end] for f in found] == ["{buyer_name}", "[[order-id]]", "%SELLER%"]
    assert all(f.severity == "block" for f in found)


@pytest.mark.parametrize("text,blank", [
    ("Dear {{buyer}}, thanks.", "{{buyer}}"),
    ("Dear {{ buyer_name }}, thanks.", "{{ buyer_name }}"),
    ("Your key: ${access_key}", "${access_key}"),
    ("Order [[order-id]] ships.", "[[order-id]]"),
    ("Regards, %SELLER_NAME%", "%SELLER_NAME%"),
    ("Hello [Buyer Name], thanks.", "[Buyer Name]"),
    ("Hello [BUYER], thanks.", "[BUYER]"),
    ("Order [order number] ships.", "[order number]"),
    ("Dear XXX, your parcel left today.", "XXX"),
    ("Your order number is XXXXXXX.", "XXXXXXX"),
    ("Kind regards, <your name>", "<your name>"),
    ("Hi <<first_name>>!", "<<first_name>>"),
    ("Hi {Buyer Name}, thanks.", "{Buyer Name}"),
])
def test_each_kind_of_blank(text, blank):
    assert blanks(text) == [blank]


@pytest.mark.parametrize("text", [
    "He wrote it was fine [sic] and returned it.",
    "We stock it in XXL and XXXL.",
    "Love, Jane xxx",
    "Part AB-XXX12 and XXX-4411 fit the old model.",
    "Take 20% off... no: we refunded 20% of the price.",
    "See note [1] on the invoice.",
    "Set the dial between { and } as printed.",
    "Write to jane [at] example [dot] com",  # a disguised email, not a blank
    "Write to jane{at}example{dot}com",
    "<b>Important</b>: unplug first.",
    "Thanks {: it fits.",
    "Sizes: S, M, L, XL, XXL.",
])
def test_look_alikes_are_not_blanks(text):
    assert blanks(text) == []


def test_blank_left_in_a_template_is_flagged():
    # a blank that is not one of the template's fields (pasted from an old template) blocks
    text = "Hello [Buyer Name], order 112-1234567-1234567 is delayed: {status}. {seller_name}"
    found = [f for f in check(text, template="shipping-delay") if f.category == "placeholder"]
    assert [text[f.start:f.end] for f in found] == ["[Buyer Name]", "{status}"]
    # the template's own unfilled field is the form's "Fill in: ..." (not reported twice)
    assert "{seller_name}" in blanks(text)


def test_blank_left_after_html_conversion_is_flagged():
    plain = html_to_text("<p>Hi [[buyer-name]],</p><p>Your order ships today.</p>")
    assert "[[buyer-name]]" in plain
    assert blanks(plain) == ["[[buyer-name]]"]


def test_linear_on_a_wall_of_brackets():
    text = "[" * 20000 + "{" * 20000 + "%" * 20000 + "[a] " * 5000
    assert placeholders.detect(text, normalize(text)) == []
