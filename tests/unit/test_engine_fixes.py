"""One-click fixes: links, emails, phone numbers, promotions and contact phrases come out
leaving tidy text; review asks get a neutral rewrite; pasted HTML is one problem whose fix
converts it to plain text, after which the words it wrapped are still checked."""
from __future__ import annotations

import pytest

from policy import check


def apply_fix(text: str, category: str) -> str:
    found = [f for f in check(text) if f.category == category and f.replacements]
    assert found, (category, text)
    f = found[0]
    return text[:f.start] + f.replacements[0] + text[f.end:]


@pytest.mark.parametrize("text,category,fixed", [
    ("Please write to us at sam.lee@example.com for help.", "email_address",
     "Please write to us for help."),
    ("Spare parts: call us on +44 20 7946 0958.", "phone_number", "Spare parts: call us."),
    ("See the guide (www.example-shop.com/care) before use.", "link", "See the guide before use."),
    ("Manual: www.example-shop.com/manual\nThanks!", "link", "Manual:\nThanks!"),
    ("www.example-shop.com/manual has the steps.", "link", "has the steps."),
    ("Thanks! Follow our store to hear about launches.", "promotional", "Thanks!"),
    ("Hi Sam. Send the photos on WhatsApp, it's quicker. Thanks!", "external_contact", "Hi Sam. Thanks!"),
    ("Your lamp ships today.\nUse code SPRING10 next time!\nBest, Jo", "promotional",
     "Your lamp ships today.\nBest, Jo"),
])
def test_removal_leaves_tidy_text(text, category, fixed):
    assert apply_fix(text, category) == fixed


@pytest.mark.parametrize("text,category", [
    ("Please write to us at sam.lee@example.com for help.", "email_address"),
    ("Spare parts: call us on +44 20 7946 0958.", "phone_number"),
    ("Text me on 07700 900123 when it arrives.", "phone_number"),
    ("Find the video at https://example.com/v please", "link"),
    ("Use code SPRING10 at checkout, thanks.", "promotional"),
    ("Send the photos on WhatsApp, it's quicker.", "external_contact"),
])
def test_removal_never_leaves_double_spaces_dangling_words_or_trailing_spaces(text, category):
    fixed = apply_fix(text, category)
    assert "  " not in fixed and " ." not in fixed and " ," not in fixed
    assert not any(line.endswith((" ", " at", " on", " via")) for line in fixed.split("\n"))
    assert category not in {f.category for f in check(fixed)} or category == "external_contact"


@pytest.mark.parametrize("text,fixed", [
    ("Please leave us 5 stars if you can.", "Please leave an honest review if you can."),
    ("Would you mind giving it five stars?", "Would you mind leaving an honest review?"),
    ("★★★★★ would make our day", "An honest review would make our day"),
    ("Could you rate us 5 stars?", "Could you leave an honest review?"),
])
def test_review_asks_get_a_neutral_rewrite(text, fixed):
    assert apply_fix(text, "review_manipulation") == fixed
    assert "review_manipulation" not in {f.category for f in check(fixed)}


OLD_TEMPLATE = """<html><head><style>p { color: #333; }</style></head><body>
<table><tr><td><p>Dear customer,</p>
<p>Thank you for your order!&nbsp;We hope you love it.</p>
<p><a href="https://www.amazon.com/review/create-review?asin=B0X">Leave us a 5-star review</a></p>
<p>Best regards,<br>The Lumo team</p></td></tr></table>
<img src="https://t.example/p.gif" width="1" height="1"></body></html>"""


def test_pasted_html_is_one_problem_with_one_fix():
    html = [f for f in check(OLD_TEMPLATE) if f.category == "html"]
    assert len(html) == 1 and html[0].blocks and len(html[0].replacements) == 1
    plain = OLD_TEMPLATE[:html[0].start] + html[0].replacements[0] + OLD_TEMPLATE[html[0].end:]
    assert "<" not in plain and "&nbsp;" not in plain and "color" not in plain
    assert "Thank you for your order! We hope you love it." in plain


def test_the_link_text_left_after_conversion_is_checked():
    # before: the words inside the markup are checked as well as the markup itself ...
    assert "review_manipulation" in {f.category for f in check(OLD_TEMPLATE)}
    html = next(f for f in check(OLD_TEMPLATE) if f.category == "html")
    plain = OLD_TEMPLATE[:html.start] + html.replacements[0] + OLD_TEMPLATE[html.end:]
    after = check(plain)
    # ... and after: no markup left, the request for five stars still flagged
    assert "html" not in {f.category for f in after}
    assert any(f.category == "review_manipulation" and "5-star review" in plain[f.start:f.end]
               for f in after)


def test_a_single_tag_keeps_its_own_fix():
    text = "<b>Important</b>: unplug first."
    html = [f for f in check(text) if f.category == "html"]
    assert len(html) == 1 and html[0].replacements == ("Important",)
