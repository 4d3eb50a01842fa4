"""/triage in zh (issue 10): a pasted message's verdict, reasons, template link, the reply
clock counting down, a pasted inbox and an empty upload's error, with no English interface
text on the page at any step; axe finds nothing serious."""
from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from tests.browser.test_a11y import serious_violations
from tests.test_i18n_complete import english_runs

ORDER = "112-1234567-1234567"
CJK = re.compile(r"[\u4e00-\u9fff]")


def no_english(page):
    runs = english_runs(page.content())
    assert runs == [], f"English interface text in zh: {runs[:8]}"


def local(delta: dt.timedelta) -> str:
    return (dt.datetime.now() + delta).strftime("%Y-%m-%dT%H:%M")


def test_triage_flow_in_zh_shows_no_english(page):
    page.goto("/triage?locale=zh")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    no_english(page)
    page.get_by_label("买家来信", exact=True).fill(
        f"Hello, my order {ORDER} arrived today but the lamp inside is broken. Could you send a new one?")
    expect(page.locator("#verdict")).to_have_text("需要回复")
    expect(page.locator("#intent-title")).to_have_text(CJK)
    expect(page.locator("#reason-list li").first).to_have_text(CJK)
    link = page.locator("#suggestions a").first
    expect(link).to_have_text(re.compile(r"^打开“"))
    expect(page.locator("#suggestions .prefill-note").first).to_contain_text("订单号")
    page.get_by_label("买家的消息是什么时候收到的？").fill(local(-dt.timedelta(hours=22)))
    expect(page.locator("#clock-left")).to_contain_text("紧急")
    expect(page.locator("#clock-deadline")).to_have_text(re.compile(r"^请在 .*月.*日.* 之前回复$"))
    page.wait_for_load_state("networkidle")
    no_english(page)
    assert serious_violations(page) == []

    page.get_by_label("或者粘贴多条消息").fill("Thanks, it came today!\n---\nWhere is my parcel? It was due on Monday.")
    page.get_by_role("button", name="分析收件箱").click()
    expect(page.locator("#inbox-summary")).to_contain_text("共 2 条消息")
    expect(page.locator("#inbox-status")).to_contain_text("共 2 条消息")
    expect(page.locator("#inbox-list > li").first).to_contain_text("需要回复")
    no_english(page)
    assert serious_violations(page) == []

    page.get_by_label("或者粘贴多条消息").fill("")
    page.get_by_role("button", name="分析收件箱").click()
    expect(page.locator("#inbox-error")).to_contain_text("请选择一个文件")
    no_english(page)
    assert page.js_errors == []
