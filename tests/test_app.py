"""The composer's pages: library, compose form, server-side validation, security, logging."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import pytest

from app import _development_secret, create_app
from web.security import RedactQueryStrings

ORDER = "112-1234567-1234567"


class Tags(HTMLParser):
    """Every start tag as (name, attrs dict), plus the text of each element id'd."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag=None, **attrs):
        return [a for t, a in self.tags if (tag is None or t == tag)
                and all(a.get(k) == v for k, v in attrs.items())]


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def csrf_token(client, url) -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def template_with_order_id(templates):
    return next(t for t in templates.values()
                if t.get_field("order_id") and t.kind != "review_request")


# ---------- library ----------

def test_library_lists_every_template_by_group_with_when_and_link(client, templates):
    html = client.get("/").get_data(as_text=True)
    assert templates, "the Amazon policy ships templates"
    for t in templates.values():
        assert f'href="/compose/{t.id}"' in html
        assert t.title.replace("'", "&#39;") in html
        assert t.when.replace("'", "&#39;").replace('"', "&#34;") in html
    for group in {t.group for t in templates.values()}:
        assert f">{group}</h3>" in html
    for link in ('href="/compose"', 'href="/triage"', 'href="/history"'):
        assert link in html


def test_library_nav_marks_current_page(client):
    tags = parse(client.get("/").get_data(as_text=True))
    current = tags.find("a", **{"aria-current": "page"})
    assert [a["href"] for a in current] == ["/"]


# ---------- compose page ----------

def test_template_page_has_labelled_message_fields_and_locked_copy(client, templates):
    t = template_with_order_id(templates)
    html = client.get(f"/compose/{t.id}").get_data(as_text=True)
    tags = parse(html)
    assert tags.find("label", **{"for": "message"}), "textarea labelled Message"
    assert re.search(r'<label[^>]*for="message"[^>]*>Message</label>', html)
    assert tags.find("textarea", id="message")
    for spec in t.fields:
        assert tags.find("label", **{"for": spec.name}), spec.name
        (field,) = tags.find(id=spec.name)
        assert f"{spec.name}-error" in field["aria-describedby"]
    copy = tags.find("button", id="copy")[0]
    assert "disabled" in copy and copy["aria-describedby"] == "copy-reason"
    assert tags.find(id="copy-reason")
    assert tags.find(**{"aria-live": "polite"})
    assert 'name="csrf-token"' in html


def test_blank_compose_page(client):
    html = client.get("/compose").get_data(as_text=True)
    tags = parse(html)
    assert tags.find("textarea", id="message")
    assert tags.find("button", id="copy")
    assert "<mark" not in html


def test_unknown_template_is_a_404_page(client):
    response = client.get("/compose/no-such-template")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "no-such-template" in response.get_data(as_text=True)


def test_query_string_prefills_fields_and_message(client, templates):
    t = template_with_order_id(templates)
    text_field = next(f for f in t.fields if f.type == "text" and f.name != "buyer_name")
    response = client.get(f"/compose/{t.id}?order_id={ORDER}&{text_field.name}=Blue+lamp&bogus=1")
    html = response.get_data(as_text=True)
    tags = parse(html)
    assert tags.find("input", id="order_id")[0]["value"] == ORDER
    assert tags.find("input", id=text_field.name)[0]["value"] == "Blue lamp"
    message = re.search(r'<textarea[^>]*id="message"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert ORDER in message and "Blue lamp" in message
    assert "bogus" not in html


def test_prefilled_markup_is_escaped(client, templates):
    t = template_with_order_id(templates)
    text_field = next(f for f in t.fields if f.type == "text" and f.name != "buyer_name")
    html = client.get(f"/compose/{t.id}", query_string={
        text_field.name: "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_form_post_without_csrf_token_is_rejected(client, templates):
    t = template_with_order_id(templates)
    response = client.post(f"/compose/{t.id}", data={"order_id": ORDER, "message": "Hi"})
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)


def test_server_side_validation_keeps_everything_typed(client, templates):
    t = template_with_order_id(templates)
    url = f"/compose/{t.id}"
    data = {spec.name: spec.example for spec in t.fields}
    data.update(order_id="12-345", message="My own words, typed by hand.",
                csrf_token=csrf_token(client, url))
    response = client.post(url, data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    tags = parse(html)
    (order_input,) = tags.find("input", id="order_id")
    assert order_input["value"] == "12-345"
    assert order_input["aria-invalid"] == "true"
    error = re.search(r'<p class="field__error" id="order_id-error">([^<]*)</p>', html).group(1)
    assert "3-7-7 digits" in error
    assert "My own words, typed by hand." in html
    for spec in t.fields:
        if spec.example and spec.name != "order_id" and spec.type != "select":
            assert spec.example.replace("'", "&#39;").replace('"', "&#34;") in html


def test_server_side_validation_names_missing_required_fields(client, templates):
    t = template_with_order_id(templates)
    url = f"/compose/{t.id}"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "message": ""})
    html = response.get_data(as_text=True)
    required = [f for f in t.fields if f.required]
    assert required
    for spec in required:
        assert f"Fill in {spec.label}." .replace("'", "&#39;") in html


def page_form(html: str) -> dict:
    """The values a browser without JavaScript would post back: inputs, selects and the message."""
    values = {}
    for tag, attrs in parse(html).tags:
        if tag == "input" and attrs.get("name"):
            values[attrs["name"]] = attrs.get("value", "")
    message = re.search(r'<textarea[^>]*id="message"[^>]*>(?:\r\n|\n)?(.*?)</textarea>', html, re.S).group(1)
    import html as html_lib
    values["message"] = html_lib.unescape(message).replace("\n", "\r\n")  # as browsers submit it
    return values


def test_valid_post_rebuilds_the_message_from_fields_unless_edited(client, templates):
    t = template_with_order_id(templates)
    url = f"/compose/{t.id}"
    data = page_form(client.get(url).get_data(as_text=True))
    data.update({spec.name: spec.example for spec in t.fields if spec.type != "select"})
    html = client.post(url, data=data).get_data(as_text=True)
    assert ORDER in html and 'aria-invalid="true"' not in html
    assert "{order_id}" not in page_form(html)["message"]


def test_without_javascript_edits_survive_check_fields_and_are_checked(client, templates):
    """Issue 7 item 8: edit the review request's text, press "Check fields": the edit stays."""
    url = "/compose/review-request"
    data = page_form(client.get(url).get_data(as_text=True))
    data.update(order_id=ORDER, delivered_on="2026-11-02", seller_name="Hollow Oak", action="check-fields")
    data["message"] = data["message"].replace("Kind regards", "Leave us 5 stars!\r\n\r\nKind regards")
    html = client.post(url, data=data).get_data(as_text=True)
    message = page_form(html)["message"]
    assert "Leave us 5 stars!" in message and "Hollow Oak" not in message  # the seller's text, kept
    assert "No problems found" not in html
    assert re.search(r'<mark data-category="review_manipulation" data-severity="block">', html)
    # ... and another round trip keeps it too (the page now carries the new fingerprint).
    again = page_form(html)
    again.update(action="check-fields", buyer_name="Sam")
    assert "Leave us 5 stars!" in page_form(client.post(url, data=again).get_data(as_text=True))["message"]


def test_a_message_too_long_to_check_is_never_reported_clean(client):
    text = ("Your order has shipped and should arrive on Friday. " * 700)[:32_000]
    html = client.post("/compose", data={"csrf_token": csrf_token(client, "/compose"),
                                         "message": text, "action": "check"}).get_data(as_text=True)
    assert "No problems found" not in html and "Ready to copy" not in html
    error = re.search(r'<p class="message-error" id="message-error" role="alert">([^<]*)</p>', html).group(1)
    assert "32,000 characters" in error and "too long to check" in error
    assert text[-200:] in html  # the text is kept


def test_a_field_the_seller_wrote_out_no_longer_blocks_copy(client, templates):
    """Issue 7 item 10: replace {status} with own words; "Where the parcel is" stops blocking."""
    from web.composing import compose_state

    template = templates["reply-where-is-my-order"]
    values = {spec.name: spec.example for spec in template.fields if spec.name != "status"}
    with client.application.test_request_context():
        policy_ = __import__("policy").load_policy("amazon")
        generated = compose_state(policy_, template, values, "", edited=False)
        assert "Fill in: Where the parcel is." in generated["copy"]["reason"]
        own = generated["text"].replace("{status}", "is with the local depot")
        state = compose_state(policy_, template, values, own, edited=True)
    assert state["copy"]["allowed"], state["copy"]["reason"]
    assert state["fields"]["status"] == {"problem": "Fill in Where the parcel is.", "needed": False}
    # An order ID stays needed whatever the text says: it feeds the check.
    with client.application.test_request_context():
        bad = compose_state(policy_, template, {**values, "order_id": "12-3"}, own, edited=True)
    assert not bad["copy"]["allowed"] and "Correct: Order ID." in bad["copy"]["reason"]


def test_compose_api_renders_checks_and_gates_in_one_answer(client, templates):
    """Issue 7 item 19: the server renders the template, checks fields and text, and decides Copy."""
    template = templates["review-request"]
    values = {"order_id": ORDER, "delivered_on": "2026-11-02", "seller_name": "Hollow Oak",
              "buyer_name": "Sam"}
    body = client.post("/api/compose", json={"template": "review-request", "fields": values,
                                             "context": None, "edited": False} | {"text": ""})
    assert body.status_code == 200
    state = body.get_json()
    assert state["text"] == template.render(values, partial=True)
    assert state["edited"] is False
    assert set(state) >= {"fields", "findings", "pieces", "cards", "summary", "copy", "generated_digest"}
    # Hand-edited text with a violation: highlighted pieces, a card with a fix, Copy locked.
    text = state["text"] + " Please leave us a 5-star review."
    state = client.post("/api/compose", json={"template": "review-request", "fields": values,
                                              "text": text, "edited": True}).get_json()
    assert state["text"] == text and state["edited"] is True
    marked = [p for p in state["pieces"] if p.get("category")]
    assert any(text[p["start"]:p["end"]] == "5-star review" or "5-star" in text[p["start"]:p["end"]]
               for p in marked)
    assert "".join(p["text"] for p in state["pieces"]) == text
    card = next(c for c in state["cards"] if c["category"] == "review_manipulation")
    assert card["badge"] == "Blocks copying" and card["fixes"]
    assert state["copy"]["allowed"] is False
    assert state["copy"]["reason"].startswith("Fix ")
    assert state["summary"]["level"] == "block"


@pytest.mark.parametrize("body", [
    {"template": 7}, {"template": "nope"}, {"fields": []}, {"fields": {"a": 1}}, {"text": 5},
    {"edited": "yes"}, {"marketplace": "../x"},
])
def test_compose_api_bad_input_is_400(client, body):
    response = client.post("/api/compose", json={"text": "hi", **body})
    assert response.status_code == 400
    assert response.get_json()["error"]


# ---------- security ----------

@pytest.mark.parametrize("url", ["/", "/compose", "/compose/no-such-template"])
def test_security_headers(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                      "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                      "form-action 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_pages_have_no_inline_script_style_or_handlers_and_no_outside_assets(client, templates):
    urls = ["/", "/compose"] + [f"/compose/{t}" for t in templates]
    for url in urls:
        html = client.get(url).get_data(as_text=True)
        for tag, attrs in parse(html).tags:
            assert "style" not in attrs, (url, tag)
            assert not any(name.startswith("on") for name in attrs), (url, tag)
            if tag == "script":
                assert attrs.get("src", "").startswith("/static/") or \
                    attrs.get("type") == "application/json", (url, attrs)
            if tag == "link":
                assert attrs["href"].startswith("/static/"), (url, attrs)
        assert "<style" not in html, url
        assert "<mark" not in html, "only the live preview's highlights use <mark>"
        assert "http://" not in html and "https://" not in html, url


def test_static_assets_are_served(client):
    for name in ("app.css", "compose.js", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200


def test_access_log_filter_drops_query_strings(app):
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - "%s" %s %s', (
        "127.0.0.1", f"GET /compose/x?order_id={ORDER}&product=Lamp HTTP/1.1", "200", "-"), None)
    assert RedactQueryStrings().filter(record)
    line = record.getMessage()
    assert ORDER not in line and "Lamp" not in line
    assert "GET /compose/x?[redacted] HTTP/1.1" in line
    assert any(isinstance(f, RedactQueryStrings) for f in logging.getLogger("werkzeug").filters)


def test_gunicorn_style_access_record_is_redacted():
    atoms = {"r": f"GET /compose/x?order_id={ORDER} HTTP/1.1", "q": f"order_id={ORDER}", "s": "200"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(r)s %(q)s %(s)s",
                               (atoms,), None)
    RedactQueryStrings().filter(record)
    assert ORDER not in record.getMessage()


def test_development_secret_is_generated_once_and_private(tmp_path):
    first = _development_secret(str(tmp_path))
    assert len(first) >= 32
    assert _development_secret(str(tmp_path)) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_config_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("DATABASE", str(tmp_path / "other.sqlite3"))
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["DATABASE"] == str(tmp_path / "other.sqlite3")
    assert app.config["MAX_CONTENT_LENGTH"] == 64 * 1024


def test_default_database_lives_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x")
    app = create_app()
    assert app.config["DATABASE"].endswith("history.sqlite3")
    assert app.config["DATABASE"].startswith(app.instance_path)


def test_blank_message_post_keeps_the_text(client):
    text = "Hello,\n\nyour parcel left today. <b>bold</b>"
    response = client.post("/compose", data={"csrf_token": csrf_token(client, "/compose"),
                                             "message": text})
    assert response.status_code == 200
    assert "Hello,\n\nyour parcel left today. &lt;b&gt;bold&lt;/b&gt;" in response.get_data(as_text=True)


def test_unexpected_error_is_a_500_without_details(app, monkeypatch):
    import web.api

    def broken(*args, **kwargs):
        raise RuntimeError("engine exploded on: secret buyer text")

    monkeypatch.setattr(web.api.policy, "check_message", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().post("/api/check", json={"text": "secret buyer text"})
    assert response.status_code == 500
    assert response.get_json() == {"error": "Something went wrong on our side. Your text was not sent anywhere; try again."}


def test_every_template_builds_a_form_and_reserved_names_are_refused(templates):
    from dataclasses import replace

    from web.forms import form_class

    for t in templates.values():
        assert form_class(t)
    t = next(iter(templates.values()))
    clashing = replace(t, fields=t.fields + (replace(t.fields[0], name="message"),))
    with pytest.raises(ValueError, match="reserved"):
        form_class(clashing)


def test_the_page_shows_the_check_before_any_script_runs(client):
    import html as html_lib

    text = "Thanks 😀 see www.example.com <b>now</b>"
    page = client.post("/compose", data={"csrf_token": csrf_token(client, "/compose"),
                                         "message": text}).get_data(as_text=True)
    assert re.search(r'<mark data-category="link" data-severity="block"[^>]*> ?www\.example\.com</mark>', page)
    mirror = re.search(r'<div class="editor__mirror" id="highlights"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", mirror)) == text
    assert "problems block copying" in page
    assert re.search(r'id="copy-reason"[^>]*>Fix \d+ blocking problems first\.</p>', page)
    assert 'data-category="html"' in page


def test_preview_pieces_split_overlaps_and_prefer_blocking():
    from policy import Finding
    from web.checking import preview_pieces

    def finding(start, end, severity):
        return Finding("r." + severity, "link", severity, start, end, "", "m", "s")

    text = "0123456789"
    pieces = preview_pieces(text, [finding(2, 6, "warn"), finding(4, 8, "block"), finding(9, 9, "block")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.finding and p.finding.severity) for p in pieces] == [
        ("01", None), ("23", "warn"), ("45", "block"), ("67", "block"), ("89", None)]
