"""Accessibility: axe-core finds nothing serious, and the whole flow works from the keyboard."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import policy

SERIOUS = {"serious", "critical"}


def order_template():
    return next(t for t in policy.load_policy("amazon").templates.values()
                if t.get_field("order_id") and t.kind != "review_request")


def serious_violations(page):
    results = Axe().run(page)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("url", ["/", "/compose", "TEMPLATE"])
def test_axe_reports_no_serious_violations(page, url):
    if url == "TEMPLATE":
        url = f"/compose/{order_template().id}"
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []


def test_axe_with_findings_and_field_errors_showing(page):
    template = order_template()
    page.goto(f"/compose/{template.id}?order_id=12-3")
    page.get_by_label("Message", exact=True).fill("Leave a 5-star review at www.example.com 😀")
    expect(page.locator("#highlights mark").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []


def tab_to(page, predicate_js, limit=80):
    """Press Tab until the focused element satisfies predicate_js (a JS function of it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"never reached {predicate_js} with Tab")


def test_keyboard_only_flow(page):
    template = order_template()
    page.goto("/")
    # Library: Tab to the template link and open it with Enter.
    tab_to(page, f"el => el.getAttribute('href') === '/compose/{template.id}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/compose/{template.id}")

    # Fields in order, by typing; selects with the keyboard.
    for spec in template.fields:
        tab_to(page, f"el => el.id === '{spec.name}'")
        if spec.type == "select":
            page.keyboard.press("ArrowDown")
        elif spec.name == "order_id":  # its own order: the copy below records the review ask
            page.keyboard.type("115-0000000-0000103")
        elif spec.example:
            page.keyboard.type(spec.example)
    tab_to(page, "el => el.id === 'message'")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Please leave us a 5-star review.")
    expect(page.locator('#highlights mark[data-category="review_manipulation"]')).to_have_count(1)
    expect(page.get_by_role("button", name="Copy")).to_be_disabled()

    # Tab on to the fix and apply it with Enter; focus stays in the list of problems.
    tab_to(page, "el => el.classList.contains('button--fix')")
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none", "focused controls show a visible focus ring"
    page.keyboard.press("Enter")
    expect(page.locator("#highlights mark")).to_have_count(0)
    copy = page.get_by_role("button", name="Copy")
    expect(copy).to_be_enabled()

    # Shift+Tab back to Copy and press it.
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "copy":
            break
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "copy"
    page.keyboard.press("Enter")
    expect(page.locator("#copy-reason")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#message").input_value()
