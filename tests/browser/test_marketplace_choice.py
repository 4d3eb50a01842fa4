"""The marketplace control: picking eBay reloads the page with eBay's library and wording, the
choice is remembered on the next page, and each marketplace's rules check the draft."""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import policy



def serious_violations(page):
    return [v["id"] for v in Axe().run(page).response["violations"]
            if v["impact"] in {"serious", "critical"}]


def test_pick_ebay_then_compose_remembers_it(page):
    page.goto("/")
    expect(page.locator(".site-footer")).to_contain_text("Seller Central")
    expect(page.locator(".choice__go")).to_be_hidden()  # JS submits on change
    page.get_by_label("Marketplace").select_option(label="eBay")
    page.wait_for_url(re.compile(r"marketplace=ebay"))
    expect(page.locator(".site-footer")).to_contain_text("Seller Hub")
    ebay_only = sorted(set(policy.load_policy("ebay").templates) - set(policy.load_policy("amazon").templates))
    expect(page.locator(f'a[href^="/compose/{ebay_only[0]}"]').first).to_be_visible()
    assert serious_violations(page) == []
    page.goto("/compose")
    expect(page.get_by_label("Marketplace")).to_have_value("ebay")
    expect(page.locator(".site-footer")).to_contain_text("Seller Hub")
    assert page.js_errors == []


def _blocked_after_typing(page, marketplace: str) -> str:
    page.goto(f"/compose?marketplace={marketplace}")
    page.get_by_label("Message", exact=True).fill("Thanks so much for your order! 😊 Enjoy it.")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(600)  # the debounced check
    page.wait_for_load_state("networkidle")
    return page.locator("#findings").inner_text()


def test_emoji_fine_on_etsy_blocked_on_amazon(page):
    etsy = _blocked_after_typing(page, "etsy")
    amazon = _blocked_after_typing(page, "amazon")
    labels = policy.load_policy("amazon").facts.names()
    assert labels["emoji"] in amazon
    assert labels["emoji"] not in etsy
