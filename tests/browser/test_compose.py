"""The composer in Chromium: library -> template -> fields -> live check -> fix -> copy."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import zlib
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

import policy

ORDER = "112-1234567-1234567"
# Orders of their own: a copied message that asks for a review is recorded for its order, and
# the browser tests share one history database.
ORDER_FLOW = "115-0000000-0000101"
ORDER_SCREENSHOT = "115-0000000-0000102"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot.png"


def order_template():
    """A non-review template that asks for the order ID (the usual proactive or reply case)."""
    return next(t for t in policy.load_policy("amazon").templates.values()
                if t.get_field("order_id") and t.kind != "review_request")


def fill_fields(page, template, **overrides):
    for spec in template.fields:
        value = overrides.get(spec.name, spec.example)
        if spec.type == "select":
            page.select_option(f"#{spec.name}", value or "")
        elif value or spec.required:
            page.fill(f"#{spec.name}", value)


def wait_checked(page):
    """Wait until the check has run on the message as it now stands."""
    page.wait_for_function(
        "() => document.querySelector('#copy-reason').textContent !== 'Checking the message…'")
    page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")


def append_to_message(page, text):
    box = page.locator("#message")
    box.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_library_to_copy_full_flow(page):
    template = order_template()
    page.goto("/")
    page.get_by_role("link", name=template.title, exact=True).click()
    expect(page).to_have_url(f"{page.url.split('/compose')[0]}/compose/{template.id}")
    expect(page.get_by_label("Message", exact=True)).to_be_visible()

    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_disabled()
    expect(page.locator("#copy-reason")).to_contain_text("Fill in:")

    fill_fields(page, template, order_id=ORDER_FLOW)  # copying records any review ask
    message = page.get_by_label("Message", exact=True)
    expect(message).to_have_value(template.render({**template.example_values(), "order_id": ORDER_FLOW}))
    expect(copy).to_be_enabled()
    expect(page.locator("#highlights mark")).to_have_count(0)

    # A flagged phrase typed by hand: highlighted, Copy locked with the reason.
    append_to_message(page, "\n\nWhen you have a moment, please leave us a 5-star review.")
    mark = page.locator('#highlights mark[data-category="review_manipulation"]')
    expect(mark).to_have_count(1)
    expect(mark).to_have_attribute("data-severity", "block")
    expect(copy).to_be_disabled()
    expect(page.locator("#copy-reason")).to_contain_text("Fix 1 blocking problem first")
    expect(page.locator("#check-summary")).to_contain_text("1 problem blocks copying")

    # Apply the suggested replacement with a click.
    fix = page.locator('.finding[data-category="review_manipulation"] .button--fix').first
    fix.click()
    expect(page.locator("#highlights mark")).to_have_count(0)
    expect(copy).to_be_enabled()
    assert "5-star" not in message.input_value()

    # Another one, applied with Enter from the keyboard.
    append_to_message(page, " Please leave us a 5-star review.")
    fix = page.locator('.finding[data-category="review_manipulation"] .button--fix').first
    expect(fix).to_be_visible()
    fix.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#highlights mark")).to_have_count(0)
    expect(copy).to_be_enabled()

    # The message was edited by hand: field edits no longer overwrite it.
    expect(page.locator("#edited-notice")).to_be_visible()
    edited_text = message.input_value()
    page.fill("#order_id", "113-7654321-7654321")
    page.wait_for_timeout(200)
    assert message.input_value() == edited_text

    copy.click()
    expect(page.locator("#copy-reason")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == message.input_value()

    # Rebuild from fields brings the fields back in (and drops the hand edits).
    page.get_by_role("button", name="Rebuild from fields").click()
    assert "113-7654321-7654321" in message.input_value()
    expect(page.locator("#edited-notice")).to_be_hidden()
    # ... and Undo in the message brings the hand-edited text back.
    page.keyboard.press("Control+z")
    expect(message).to_have_value(edited_text)
    expect(page.locator("#edited-notice")).to_be_visible()
    assert page.js_errors == []


def test_invalid_order_id_shows_message_beside_field_and_locks_copy(page):
    template = order_template()
    page.goto(f"/compose/{template.id}")
    fill_fields(page, template, order_id="12-345")
    page.locator("#order_id").blur()
    error = page.locator("#order_id-error")
    expect(error).to_contain_text("3-7-7 digits")
    assert "order_id-error" in page.get_attribute("#order_id", "aria-describedby")
    expect(page.locator("#order_id")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()
    expect(page.locator("#copy-reason")).to_contain_text("Correct: Order ID")
    # Typed values are kept; fixing the field unlocks.
    page.fill("#order_id", ORDER)
    expect(error).to_have_text("")
    expect(page.get_by_role("button", name="Copy")).to_be_enabled()


def test_check_fields_button_validates_without_a_round_trip(page):
    template = order_template()
    page.goto(f"/compose/{template.id}")
    page.fill("#order_id", "nope")
    requests = []
    page.on("request", lambda r: requests.append(r.method + " " + r.url))
    page.get_by_role("button", name="Check fields").click()
    expect(page.locator("#order_id-error")).to_contain_text("3-7-7 digits")
    required = [f for f in template.fields if f.required and f.name != "order_id"]
    expect(page.locator(f"#{required[0].name}-error")).to_contain_text(f"Fill in {required[0].label}")
    assert not [r for r in requests if r.startswith("POST") and "/compose/" in r]
    expect(page.locator("#order_id")).to_have_value("nope")


def test_query_string_prefills_the_form(page):
    template = order_template()
    page.goto(f"/compose/{template.id}?order_id={ORDER}")
    expect(page.locator("#order_id")).to_have_value(ORDER)
    assert ORDER in page.get_by_label("Message", exact=True).input_value()


def test_highlight_after_emoji_lands_on_the_right_characters(page):
    page.goto("/compose")
    page.get_by_label("Message", exact=True).fill("Thanks 😀👍🏽 for your order! Details at www.example.com soon.")
    mark = page.locator('#highlights mark[data-category="link"]')
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(re.compile(r"^(\s*at)?\s*www\.example\.com$"))
    emoji_marks = page.locator('#highlights mark[data-category="emoji"]')
    assert emoji_marks.count() >= 1
    assert "😀" in "".join(emoji_marks.all_text_contents())
    # every <mark> on the page is a highlight of the preview, with its category and severity
    assert page.locator("mark").count() == page.locator(
        "#highlights mark[data-category][data-severity]").count()
    assert page.locator("#highlights").text_content() == page.locator("#message").input_value()


def test_pasted_html_converts_to_plain_text(page):
    page.goto("/compose")
    message = page.get_by_label("Message", exact=True)
    message.fill("<p>Hello Sam,</p><p>Your order has shipped.<br>Kind regards,<br>Alex</p>")
    expect(page.locator('#highlights mark[data-category="html"]').first).to_be_visible()
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()
    page.get_by_role("button", name="Convert to plain text").first.click()
    expect(message).to_have_value("Hello Sam,\n\nYour order has shipped.\nKind regards,\nAlex")
    expect(page.locator('#highlights mark[data-category="html"]')).to_have_count(0)
    expect(page.get_by_role("button", name="Copy")).to_be_enabled()


def test_warnings_do_not_lock_copy(page):
    page.goto("/compose")
    page.get_by_label("Message", exact=True).fill(
        "Hello,\n\n\n\nYour order has shipped and should arrive on Friday.\n\nKind regards,\nAlex")
    expect(page.locator('#highlights mark[data-severity="warn"]').first).to_be_attached()
    # Line breaks alone would be an invisible highlight: it carries a visible bar.
    expect(page.locator('#highlights mark[data-severity="warn"].is-blank').first).to_be_attached()
    bar = page.evaluate("""getComputedStyle(document.querySelector('#highlights mark.is-blank'), '::before').width""")
    assert bar == "4px"
    expect(page.get_by_role("button", name="Copy")).to_be_enabled()
    expect(page.locator("#copy-reason")).to_contain_text("warning")


def test_screenshot_for_the_readme(page, tmp_path):
    """docs/screenshot.png: a template being filled, with a flagged phrase and its fix."""
    templates = policy.load_policy("amazon").templates.values()
    template = min((t for t in templates if t.get_field("order_id") and t.kind != "review_request"),
                   key=lambda t: (len(t.fields), len(t.body)))
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"/compose/{template.id}")
    fill_fields(page, template, order_id=ORDER_SCREENSHOT)
    wait_checked(page)  # the message is built from the fields before the seller types in it
    append_to_message(page, "\n\nIf you are happy, please leave us a 5-star review at www.example.com")
    expect(page.locator("#highlights mark").first).to_be_visible()
    wait_checked(page)
    page.locator("#highlights mark").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("document.activeElement.blur()")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    fresh = tmp_path / "screenshot.png"
    page.screenshot(path=str(fresh), full_page=False, animations="disabled", caret="hide")
    assert fresh.stat().st_size > 10_000
    # Chromium varies a few pixels between runs: keep the committed file unless the page changed.
    if not SCREENSHOT.exists() or _changed_rows(SCREENSHOT, fresh) > 10:
        shutil.copyfile(fresh, SCREENSHOT)


def _png_rows(path: Path) -> list[bytes]:
    """The (filtered) pixel rows of a PNG, enough to tell two screenshots apart."""
    data = path.read_bytes()
    pos, idat, width, height, row_bytes = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, chunk = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            row_bytes = 1 + width * {0: 1, 2: 3, 4: 2, 6: 4}.get(colour, 4) * depth // 8
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    return [raw[i * row_bytes:(i + 1) * row_bytes] for i in range(height)]


def _changed_rows(old: Path, new: Path) -> int:
    a, b = _png_rows(old), _png_rows(new)
    if len(a) != len(b):
        return max(len(a), len(b))
    return sum(x != y for x, y in zip(a, b))


@pytest.mark.parametrize("fill", ["all", "required"])
def test_message_in_the_page_is_the_server_render(page, fill):
    """The page shows Template.render's text as the fields are filled in, for every template."""
    for template in policy.load_policy("amazon").templates.values():
        values = {f.name: f.example for f in template.fields if f.example and (fill == "all" or f.required)}
        page.goto(f"/compose/{template.id}", wait_until="domcontentloaded")
        expected = template.render(values, partial=True)
        for spec in template.fields:
            if spec.name in values:
                if spec.type == "select":
                    page.select_option(f"#{spec.name}", values[spec.name])
                else:
                    page.fill(f"#{spec.name}", values[spec.name])
        expect(page.locator("#message"), template.id).to_have_value(expected)


def review_request_url(order_id, delivered_days_ago):
    delivered = (dt.date.today() - dt.timedelta(days=delivered_days_ago)).isoformat()
    return "/compose/review-request?" + urlencode(
        {"order_id": order_id, "delivered_on": delivered, "seller_name": "Hollow Oak Home"})


def test_context_finding_is_listed_without_a_mark(page):
    page.goto(review_request_url("114-0000000-0000001", delivered_days_ago=1))
    timing = page.locator('.finding[data-category="timing"]')
    expect(timing).to_be_visible()
    expect(timing).to_have_attribute("data-severity", "block")
    expect(page.locator("#highlights mark")).to_have_count(0)
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()
    expect(page.locator("#check-summary")).to_contain_text("1 problem blocks copying")


def test_review_request_copy_records_it_once(page):
    order = "114-0000000-0000002"
    page.goto(review_request_url(order, delivered_days_ago=10))
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    copy.click()
    expect(page.locator("#copy-reason")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#message").input_value()

    # Opening the same order again: the check knows it was asked already.
    page.goto(review_request_url(order, delivered_days_ago=10))
    expect(page.locator('.finding[data-category="repeat_request"]')).to_be_visible()
    expect(copy).to_be_disabled()


def test_review_request_refused_by_history_is_not_copied(page):
    order = "114-0000000-0000003"
    page.goto(review_request_url(order, delivered_days_ago=10))
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    page.evaluate("navigator.clipboard.writeText('untouched')")
    # Another tab records the request first.
    status = page.evaluate("""order => fetch('/history/record', {method: 'POST',
        headers: {'Content-Type': 'application/json',
                  'X-CSRFToken': document.querySelector('meta[name=csrf-token]').content},
        body: JSON.stringify({order_id: order, template: 'review-request'})}).then(r => r.status)""", order)
    assert status == 201
    copy.click()
    expect(page.locator("#copy-note")).not_to_be_empty()
    expect(page.locator('.finding[data-category="repeat_request"]')).to_be_visible()
    expect(copy).to_be_disabled()
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"


def test_clicking_a_highlight_shows_its_explanation(page):
    page.goto("/compose")
    page.get_by_label("Message", exact=True).fill("Hello, details at www.example.com. Thanks!")
    mark = page.locator('#highlights mark[data-category="link"]')
    expect(mark).to_have_count(1)
    box = mark.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # lands in the textarea
    expect(page.locator('.finding--current[data-category="link"]')).to_have_count(1)
    expect(mark).to_have_class("is-current")
