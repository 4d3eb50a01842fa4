"""Issue 7 items 9, 10, 11 in Chromium: Copy stays "Copied", unused fields do not block,
highlights live in the message box, Copy is always in sight, the keyboard reaches every highlight."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

import policy

SIZES = [(1440, 900), (375, 812)]


def in_viewport(page, selector) -> bool:
    """The element is inside the viewport and is what a click at its centre would hit."""
    return page.evaluate("""sel => { const el = document.querySelector(sel); const r = el.getBoundingClientRect();
        if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth || !r.width) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return el === hit || el.contains(hit); }""", selector)


def test_copied_review_request_stays_copied_and_recorded(page):
    """Item 9: typing in "Signed by" and clicking Copy with the cursor still there."""
    delivered = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    page.goto(f"/compose/review-request?order_id=114-0000009-0000001&delivered_on={delivered}")
    page.locator("#seller_name").click()
    page.keyboard.type("Hollow Oak Home")
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    copy.click()  # the field's change event fires on the way
    reason = page.locator("#copy-reason")
    expect(reason).to_contain_text("Copied and recorded")
    page.wait_for_timeout(600)
    page.wait_for_load_state("networkidle")
    expect(reason).to_contain_text("Copied and recorded")
    expect(reason).to_have_class(re.compile("copy-reason--ready"))
    expect(page.locator('.finding[data-category="repeat_request"]')).to_have_count(0)
    assert "Hollow Oak Home" in page.evaluate("navigator.clipboard.readText()")
    # Changing the text afterwards is a new message: now the history applies to it.
    page.locator("#message").focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Thanks again.")
    expect(page.locator('.finding[data-category="repeat_request"]')).to_have_count(1)
    expect(copy).to_be_disabled()


def test_a_field_replaced_by_own_words_does_not_block_copy(page):
    """Item 10: every field but "Where the parcel is", and {status} written out by hand."""
    template = policy.load_policy("amazon").templates["reply-where-is-my-order"]
    page.goto(f"/compose/{template.id}")
    for spec in template.fields:
        if spec.name != "status" and spec.type != "select" and spec.example:
            page.fill(f"#{spec.name}", spec.example)
    reason = page.locator("#copy-reason")
    expect(reason).to_contain_text("Fill in: Where the parcel is")
    message = page.locator("#message")
    expect(message).to_have_value(re.compile(r"\{status\}"))
    text = message.input_value().replace("{status}", "is at the local depot")
    message.fill(text)
    expect(reason).not_to_contain_text("Where the parcel is")
    expect(page.get_by_role("button", name="Copy")).to_be_enabled()


def long_template_with_violation_at_the_end(page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/compose/reply-where-is-my-order?order_id=112-1234567-1234567&buyer_name=Sam"
              "&carrier=DHL&seller_name=Al&expected_date=Friday")
    message = page.locator("#message")
    message.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nMore news soon.\n\n\nThanks\n\nAl\n\nP.S. Please leave us a 5-star review at www.example.com")
    # The check of the last keystroke decides: until its answer comes, a mark may still cover
    # the link as it was a keystroke earlier ("www.example.co").
    expect(page.locator('#highlights mark[data-category="link"]')).to_have_text(re.compile(r"www\.example\.com$"))


@pytest.mark.parametrize("width,height", SIZES)
def test_highlights_sit_in_the_message_box_under_their_words(page, width, height):
    """Item 11: the marks are in the message box, aligned and scrolled with the text."""
    long_template_with_violation_at_the_end(page, width, height)
    geometry = page.evaluate("""() => {
        const box = document.getElementById('message'), mirror = document.getElementById('highlights');
        const mark = mirror.querySelector('mark[data-category="link"]');
        const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
        return {same: mirror.textContent === box.value, widths: [box.clientWidth, mirror.clientWidth],
                scroll: [box.scrollTop, mirror.scrollTop], inside: m.top >= b.top && m.bottom <= b.bottom
                && m.left >= b.left && m.right <= b.right, visible: m.top >= 0 && m.bottom <= innerHeight}; }""")
    assert geometry["same"]
    assert geometry["widths"][0] == geometry["widths"][1]
    assert geometry["scroll"][0] == geometry["scroll"][1]
    assert geometry["inside"] and geometry["visible"], geometry
    # The mark covers exactly the flagged characters: select them in the textarea and compare
    # where the selection's text would wrap with where the mark is (same line, same start).
    mark_text = page.locator('#highlights mark[data-category="link"]').text_content()
    assert mark_text.endswith("www.example.com")  # (a link's span may take a leading " at" along)
    value = page.locator("#message").input_value()
    assert page.evaluate("t => document.getElementById('highlights').textContent.indexOf(t)", mark_text) \
        == value.index(mark_text)
    assert page.locator("mark").count() == page.locator("#highlights mark[data-category][data-severity]").count()


@pytest.mark.parametrize("width,height", SIZES)
def test_copy_and_its_reason_stay_in_sight(page, width, height):
    """Item 11: Copy and the reason beside it without scrolling, on load and while typing."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/compose/review-request")
    assert in_viewport(page, "#copy") and in_viewport(page, "#copy-reason")
    long_template_with_violation_at_the_end(page, width, height)
    assert in_viewport(page, "#copy") and in_viewport(page, "#copy-reason")
    expect(page.locator("#copy-reason")).to_contain_text("Fix")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The caret (end of the text) is above the sticky bar, not hidden under it.
    assert page.evaluate("""() => document.querySelector('.editor__caret').getBoundingClientRect().bottom
                             <= document.getElementById('copy-bar').getBoundingClientRect().top""")


def test_keyboard_reaches_each_highlight_and_its_card(page):
    """Item 11: Alt+Down walks the highlights; a card's "Show in message" selects its words."""
    page.goto("/compose")
    message = page.get_by_label("Message", exact=True)
    text = "Details: www.example.com and help@example.com today."
    message.fill(text)
    expect(page.locator("#highlights mark")).to_have_count(2)
    message.focus()
    page.keyboard.press("Control+Home")
    page.keyboard.press("Alt+ArrowDown")
    selected = page.evaluate("(() => { const m = document.getElementById('message'); return m.value.slice(m.selectionStart, m.selectionEnd); })()")
    assert selected.endswith("www.example.com")
    expect(page.locator('.finding--current[data-category="link"]')).to_have_count(1)
    page.keyboard.press("Alt+ArrowDown")
    selected = page.evaluate("(() => { const m = document.getElementById('message'); return m.value.slice(m.selectionStart, m.selectionEnd); })()")
    assert selected.strip().endswith("help@example.com")
    expect(page.locator('.finding--current[data-category="email_address"]')).to_have_count(1)
    # From the card: Tab to its "Show" button and press Enter.
    show = page.locator('.finding[data-category="link"]').get_by_role("button", name=re.compile("^Show"))
    show.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "message"
    selected = page.evaluate("(() => { const m = document.getElementById('message'); return m.value.slice(m.selectionStart, m.selectionEnd); })()")
    assert selected.endswith("www.example.com")


def test_history_fits_a_phone_screen(page):
    """Item 11: /history at 375 px has no sideways scrolling."""
    page.goto("/compose")
    for n in range(3):
        status = page.evaluate("""order => fetch('/history/record', {method: 'POST',
            headers: {'Content-Type': 'application/json',
                      'X-CSRFToken': document.querySelector('meta[name=csrf-token]').content},
            body: JSON.stringify({order_id: order, template: 'review-request'})}).then(r => r.status)""",
                               f"171-0000375-000000{n}")
        assert status in (201, 409)
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/history")
    expect(page.locator("td", has_text="171-0000375-0000000")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
