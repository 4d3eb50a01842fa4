"""Spelling in the composer (issue 9 item 5), in Chromium: a misspelt word gets a warning with
its corrections, one click fixes it, "Add to dictionary" keeps a word the seller knows is
right, and Copy stays enabled throughout (spelling only warns).

SCREENSHOTS=/some/folder python -m pytest tests/browser/test_compose_spelling.py saves the composer
with its spelling warnings at 1440x900 and 375x812 as spelling-<width>.png there.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Made-up words: no dictionary has them, and no other test adds them to the shared list.
TEXT = "Thank you for your order. We will recieve the parcel tomorrow and pack your brenvolite lamp.\n"


def type_message(page, text=TEXT):
    page.goto("/compose")
    page.locator("#message").fill(text)
    expect(page.locator('#highlights mark[data-category="spelling"]')).to_have_count(2)


def test_a_correction_fixes_the_word_and_add_to_dictionary_keeps_another(page):
    type_message(page)
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    marks = page.locator('#highlights mark[data-category="spelling"]')
    expect(marks.first).to_have_attribute("data-severity", "warn")
    expect(marks.first).to_have_text("recieve")

    page.get_by_role("button", name="Replace “recieve” with “receive”").click()
    expect(page.locator("#message")).to_have_value(TEXT.replace("recieve", "receive"))
    expect(marks).to_have_count(1)
    expect(marks.first).to_have_text("brenvolite")
    expect(copy).to_be_enabled()

    page.get_by_role("button", name="Add “brenvolite” to your dictionary").click()
    expect(marks).to_have_count(0)
    expect(page.locator('.finding[data-category="spelling"]')).to_have_count(0)
    expect(copy).to_be_enabled()
    # The server keeps it: a fresh page knows the word too.
    page.goto("/compose")
    page.locator("#message").fill("The brenvolite lamp ships today, we will recieve the base later.\n")
    expect(page.locator('#highlights mark[data-category="spelling"]')).to_have_count(1)
    expect(page.locator('#highlights mark[data-category="spelling"]').first).to_have_text("recieve")


@pytest.mark.parametrize("width,height", [(1440, 900), (375, 812)])
def test_spelling_warnings_fit_the_page(page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    type_message(page, "Thank you for your order. We will recieve the parcel tomorrow and send the "
                       "packge with the tracking number soon.\n")
    card = page.locator('.finding[data-category="spelling"]').first
    expect(card).to_contain_text("recieve")
    expect(card.get_by_role("button", name="Add “recieve” to your dictionary")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        card.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(folder) / f"spelling-{width}.png"), full_page=width < 600)
