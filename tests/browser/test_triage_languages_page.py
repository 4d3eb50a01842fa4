"""The Incoming message page in Chromium with a German buyer: the language is shown as the verdict
updates live, and the suggested template opens in German."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def test_a_german_message_shows_its_language_and_opens_the_german_template(page):
    page.goto("/triage")
    page.get_by_label("Incoming message", exact=True).fill(
        "Guten Tag, meine Bestellung ist seit zwei Wochen unterwegs. Wann kommt sie endlich an?")
    # The first triage of a fresh server loads the models and the language detector: give it time.
    expect(page.locator("#verdict")).to_have_text("Needs a reply", timeout=30_000)
    expect(page.locator("#intent-title")).to_have_text("Where is my order")
    expect(page.locator("#language-line")).to_have_text("Written in German")
    link = page.get_by_role("link", name=re.compile("^Open “")).first
    expect(link).to_have_attribute("href", re.compile(r"language=de"))
    link.click()
    expect(page.get_by_label("Message", exact=True)).to_contain_text("Guten Tag")
    page.get_by_role("link", name="Incoming message").first.click()
    page.get_by_label("Incoming message", exact=True).fill("Thanks, it arrived!")
    expect(page.locator("#language-line")).to_have_text("Written in English")
    assert page.js_errors == []
