"""The whole compose flow in zh (issue 10): fields, live findings, a fix, Copy and its status
line, with no English interface text on the page at any step; axe finds nothing serious."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import policy
from tests.test_i18n_complete import english_runs

from tests.browser.test_a11y import serious_violations



def no_english(page):
    runs = english_runs(page.content())
    assert runs == [], f"English interface text in zh: {runs[:8]}"


def test_compose_flow_in_zh_shows_no_english(page):
    template = policy.load_policy("amazon").templates["reply-where-is-my-order"]
    page.goto(f"/compose/{template.id}?locale=zh")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    no_english(page)
    for spec in template.fields:
        if spec.type == "select":
            page.select_option(f"#{spec.name}", index=1)
        elif spec.example:
            page.fill(f"#{spec.name}", spec.example)
    message = page.get_by_label("消息内容", exact=True)
    message.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Please leave us a 5-star review. Email me at sam@example.com")
    expect(page.locator("#highlights mark").first).to_be_visible()
    copy = page.get_by_role("button", name="复制消息")
    expect(copy).to_be_disabled()
    expect(page.locator("#copy-reason")).to_contain_text("请先修改")
    cards = page.locator("#findings .finding")
    expect(cards.first).to_be_visible()
    expect(cards.first.locator(".finding__message")).to_have_text(re.compile(r"[\u4e00-\u9fff]"))
    page.wait_for_load_state("networkidle")
    no_english(page)
    # A fix: its replacement is English text (the buyer's language), its label Chinese.
    fix = page.locator(".button--fix").first
    expect(fix).to_have_text(re.compile(r"[\u4e00-\u9fff]"))
    fix.click()
    page.wait_for_load_state("networkidle")
    no_english(page)
    # Write the rest plainly: nothing blocks, Copy says so in Chinese.
    text = message.input_value()
    text = re.sub(r" ?Please leave us a.*", "", text, flags=re.S)
    message.fill(text)
    expect(copy).to_be_enabled()
    copy.click()
    expect(page.locator("#copy-reason")).to_contain_text("已复制")
    no_english(page)
    assert page.js_errors == []


@pytest.mark.parametrize("url", ["/?locale=zh", "/compose?locale=zh"])
def test_axe_in_zh(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []


def test_axe_in_zh_with_findings(page):
    page.goto("/compose/reply-where-is-my-order?locale=zh&order_id=12-3")
    page.get_by_label("消息内容", exact=True).fill("Leave a 5-star review at www.example.com 😀")
    expect(page.locator("#highlights mark").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []
