"""User text never runs as code: typed markup shows as text, and CSP holds without violations."""
from __future__ import annotations

import logging

import pytest
from playwright.sync_api import expect

PAYLOADS = [
    "<img src=x onerror=window.__xss=1>",
    "<script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
]


@pytest.mark.parametrize("url", ["/compose", "/compose/reply-where-is-my-order"])
def test_typed_markup_does_not_run_or_inject_elements(page, url):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    before = page.evaluate("document.querySelectorAll('img, script, svg').length")
    message = page.get_by_label("Message", exact=True)
    message.fill("Hello " + " ".join(PAYLOADS))
    expect(page.locator('#highlights mark[data-category="html"]').first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, script, svg').length") == before
    assert page.locator("#highlights img, #highlights script, #highlights svg, #findings img").count() == 0
    preview_text = page.locator("#highlights").text_content()
    for payload in PAYLOADS:
        assert payload in preview_text
    assert violations == []
    assert page.js_errors == []


def test_prefilled_markup_from_the_query_string_stays_text(page):
    page.goto("/compose/reply-where-is-my-order?carrier=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E")
    expect(page.locator("#carrier")).to_have_value("<img src=x onerror=window.__xss=1>")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#highlights img").count() == 0


def test_csp_header_reaches_the_browser(page):
    response = page.goto("/compose")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_history_record_requires_the_csrf_token(page):
    page.goto("/compose")
    status = page.evaluate("""async () => {
        const r = await fetch('/history/record', {method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({order_id: '112-1234567-1234567', template: 'review-request'})});
        return r.status; }""")
    assert status == 400


def test_access_log_keeps_no_buyer_data(page, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    page.goto("/compose/reply-where-is-my-order?order_id=112-9999999-1234567&buyer_name=Zebulon")
    page.get_by_label("Message", exact=True).fill("Hello Zebulon, about order 112-9999999-1234567.")
    expect(page.locator("#highlights")).to_contain_text("Hello Zebulon")
    page.wait_for_load_state("networkidle")
    log = caplog.text
    assert "/compose/reply-where-is-my-order?[redacted]" in log
    assert "POST /api/compose" in log
    assert "112-9999999-1234567" not in log and "Zebulon" not in log
