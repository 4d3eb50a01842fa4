"""zh layout (issue 10): at 375 and 1440 px nothing in the zh pages runs past the viewport.

SCREENSHOTS=docs python -m pytest tests/browser/test_zh_layout.py also saves the pages'
screenshots as docs/screenshot-zh-<name>-<width>.png (the README shows two)."""
from __future__ import annotations

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
FINDINGS = " Please leave us a 5-star review and we will send you a $10 gift card. Email sam@example.com"


@pytest.mark.parametrize("width", [375, 1440])
@pytest.mark.parametrize("name", list(PAGES))
def test_zh_pages_fit_the_viewport(page, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PAGES[name])
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
        page.screenshot(path=str(Path(folder) / f"screenshot-zh-{name}-{width}.png"), full_page=True)
