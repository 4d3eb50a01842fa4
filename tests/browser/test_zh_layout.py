"""zh layout (issue 10): at 375 and 1440 px nothing in the zh pages runs past the viewport.

SCREENSHOTS=docs python -m pytest tests/browser/test_zh_layout.py also saves the pages'
screenshots as docs/screenshot-zh-<name>-<width>.png (the README shows two): 1440x900 and
375x812, the whole page (the composer at 1440 as its screen shows it: its Copy bar sticks to
the bottom of the window, which a whole-page picture would put halfway down)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

PAGES = {
    "library": "/?locale=zh",
    "template": "/compose/reply-where-is-my-order?locale=zh&order_id=112-1234567-1234567",
    "triage": "/triage?locale=zh",
    "history": "/history?locale=zh",
}
TRIAGE = ("Hello, my order 112-1234567-1234567 arrived today but the box was crushed and the lamp is "
          "broken. Can you send a new one?")
FINDINGS = " Please leave us a 5-star review and we will send you a $10 gift card. Email sam@example.com"


HEIGHTS = {375: 812, 1440: 900}
HISTORY_ORDERS = ("173-0000000-0000001", "173-0000000-0000002")


def record_review_requests(page):
    for order in HISTORY_ORDERS:  # a second run finds them recorded (409): the page shows them all the same
        page.evaluate("""order => fetch('/history/record', {method: 'POST',
            headers: {'Content-Type': 'application/json',
                      'X-CSRFToken': document.querySelector('meta[name=csrf-token]').content},
            body: JSON.stringify({order_id: order, template: 'review-request'})}).then(r => r.status)""", order)


@pytest.mark.parametrize("width", [375, 1440])
@pytest.mark.parametrize("name", list(PAGES))
def test_zh_pages_fit_the_viewport(page, name, width):
    page.set_viewport_size({"width": width, "height": HEIGHTS[width]})
    page.goto(PAGES[name])
    if name == "history":
        record_review_requests(page)
        page.reload()
        expect(page.locator("table tbody tr").first).to_be_visible()
    if name == "triage":
        page.get_by_label("买家来信", exact=True).fill(TRIAGE)
        expect(page.locator("#suggestions a").first).to_be_visible()
        page.locator("#arrived").fill((dt.datetime.now() - dt.timedelta(hours=21)).strftime("%Y-%m-%dT%H:%M"))
        expect(page.locator("#clock-left")).to_be_visible()
    if name == "template":
        message = page.locator("#message")
        message.focus()
        page.keyboard.press("Control+End")
        page.keyboard.type(FINDINGS)
        expect(page.locator("#findings .finding").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} at {width}px is {overflow}px wider than the viewport"
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"screenshot-zh-{name}-{width}.png"),
                        full_page=not (name == "template" and width == 1440))
