"""Review-request timing and one request per order, in Chromium; the history page."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect


def open_review_request(page, order_id, delivered_days_ago):
    page.goto("/compose/review-request")
    page.fill("#order_id", order_id)
    if page.locator("#seller_name").count():
        page.fill("#seller_name", "Hollow Oak Home")
    delivered = dt.date.today() - dt.timedelta(days=delivered_days_ago)
    page.fill("#delivered_on", delivered.isoformat())
    page.locator("#delivered_on").dispatch_event("change")
    return delivered


def timing_findings(page):
    return page.locator('.finding[data-category="timing"]')


def test_too_early_says_when_the_window_opens_and_locks_copy(page):
    delivered = open_review_request(page, "171-0000000-0000001", delivered_days_ago=2)
    finding = timing_findings(page)
    expect(finding).to_have_count(1)
    expect(finding).to_have_attribute("data-severity", "block")
    opens = (delivered + dt.timedelta(days=5)).isoformat()
    expect(finding).to_contain_text(opens)
    expect(finding).to_contain_text(re.compile("opens", re.I))
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()


def test_too_late_says_when_the_window_closed(page):
    delivered = open_review_request(page, "171-0000000-0000002", delivered_days_ago=40)
    finding = timing_findings(page)
    expect(finding).to_have_count(1)
    expect(finding).to_have_attribute("data-severity", "block")
    expect(finding).to_contain_text((delivered + dt.timedelta(days=30)).isoformat())
    expect(finding).to_contain_text(re.compile("closed", re.I))
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()


def test_inside_the_window_there_is_no_timing_finding(page):
    open_review_request(page, "171-0000000-0000003", delivered_days_ago=10)
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    expect(timing_findings(page)).to_have_count(0)


def test_second_request_for_the_same_order_is_blocked(page):
    order = "171-0000000-0000004"
    open_review_request(page, order, delivered_days_ago=10)
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()
    copy.click()
    expect(page.locator("#copy-reason")).to_contain_text("Copied")

    # The record is on the history page.
    page.goto("/history")
    row = page.get_by_role("row").filter(has_text=order)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("review-request")
    # Shown in the locale's format; the ISO date stays machine-readable in <time datetime>.
    expect(row.locator("time")).to_have_attribute("datetime", dt.date.today().isoformat())

    # Opening review-request for the same order again: a blocking repeat_request finding.
    open_review_request(page, order, delivered_days_ago=10)
    repeat = page.locator('.finding[data-category="repeat_request"]')
    expect(repeat).to_have_count(1)
    expect(repeat).to_have_attribute("data-severity", "block")
    expect(repeat).to_contain_text(dt.date.today().isoformat())
    expect(copy).to_be_disabled()

    # Another order is not affected.
    open_review_request(page, "171-0000000-0000005", delivered_days_ago=10)
    expect(page.locator('.finding[data-category="repeat_request"]')).to_have_count(0)
    expect(copy).to_be_enabled()


def _record(page, order):
    return page.evaluate("""order => fetch('/history/record', {method: 'POST',
        headers: {'Content-Type': 'application/json',
                  'X-CSRFToken': document.querySelector('meta[name=csrf-token]').content},
        body: JSON.stringify({order_id: order, template: 'review-request'})}).then(r => r.status)""", order)


def test_history_page_csv_and_delete_with_confirmation(page):
    page.goto("/history")
    orders = ["172-0000000-0000001", "172-0000000-0000002"]
    assert [_record(page, o) for o in orders] == [201, 201]
    assert _record(page, orders[0]) == 409
    page.goto("/history")
    for order in orders:
        expect(page.get_by_role("row").filter(has_text=order)).to_have_count(1)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as CSV").click()
    csv_text = open(info.value.path(), encoding="utf-8").read()
    assert csv_text.splitlines()[0] == "marketplace,order_id,template,requested_on"
    assert all(o in csv_text for o in orders)

    # Delete one: a confirmation step first, then it is gone.
    page.get_by_role("button", name=f"Delete the record for Amazon order {orders[0]}…").click()
    expect(page.get_by_role("heading", name=f"Delete the record for Amazon order {orders[0]}?")).to_be_visible()
    page.get_by_role("button", name=f"Yes, delete the record for order {orders[0]}").click()
    expect(page.get_by_role("status")).to_contain_text(f"Deleted the record for order {orders[0]}")
    expect(page.get_by_role("row").filter(has_text=orders[0])).to_have_count(0)
    expect(page.get_by_role("row").filter(has_text=orders[1])).to_have_count(1)

    # Cancel keeps the records.
    page.get_by_role("button", name="Delete all records…").click()
    page.get_by_role("link", name="Cancel, keep them").click()
    expect(page.get_by_role("row").filter(has_text=orders[1])).to_have_count(1)
    assert page.js_errors == []
