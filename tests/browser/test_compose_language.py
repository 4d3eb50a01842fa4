"""The composer in Chromium: a message in a language without rules never reads "Ready to copy"."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def wait_checked(page):
    page.wait_for_function(
        "() => document.querySelector('#copy-reason').textContent !== 'Checking the message…'")
    page.wait_for_load_state("networkidle")


def test_a_polish_message_keeps_copy_disabled_with_the_language_reason(page):
    page.goto("/compose")
    message = page.get_by_label("Message")
    message.fill("Your parcel is on its way and should arrive on Friday.")
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    message.fill("")
    message.type("Prosimy o wystawienie opinii na pięć gwiazdek!")
    wait_checked(page)
    finding = page.locator('.finding[data-category="language"]')
    expect(finding).to_be_visible()
    expect(finding).to_have_attribute("data-severity", "block")
    expect(finding).to_contain_text("Language")
    expect(finding).to_contain_text("This message looks Polish")
    expect(finding).to_contain_text("cannot be checked")
    expect(copy).to_be_disabled()
    expect(page.locator("#copy-reason")).to_contain_text("Fix 1 blocking problem first")
    expect(page.locator("#check-summary")).not_to_contain_text("No problems found")
    expect(page.locator("#preview mark")).to_have_count(0)  # nothing in the text to highlight
    assert page.js_errors == []


def test_switching_the_buyers_language_keeps_the_fields_and_rewrites_the_template(page):
    page.goto("/compose/reply-where-is-my-order")
    page.locator("#order_id").fill("112-1234567-1234567")
    page.locator("#buyer_name").fill("Frau Becker")
    wait_checked(page)
    expect(page.get_by_role("button", name="Switch language")).to_be_hidden()  # JS: a change is enough
    page.get_by_label("Buyer's language").select_option("de")
    page.wait_for_load_state("load")
    expect(page.get_by_label("Buyer's language")).to_have_value("de")
    expect(page.locator("#order_id")).to_have_value("112-1234567-1234567")
    expect(page.locator("#buyer_name")).to_have_value("Frau Becker")
    message = page.get_by_label("Message")
    expect(message).to_have_value(re.compile(r"^Guten Tag Frau Becker,.*112-1234567-1234567", re.S))
    wait_checked(page)
    # The live check keeps the language: a field edit rewrites the German text, not the English.
    page.locator("#buyer_name").fill("Herr Wolf")
    expect(message).to_have_value(re.compile(r"^Guten Tag Herr Wolf,"))
    wait_checked(page)
    expect(page.locator('.finding[data-category="language"]')).to_have_count(0)
    assert page.js_errors == []
