"""The /triage page and POST /api/triage, without a browser."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest

from web.triage import describe_left, reply_clock, segments


def test_api_returns_the_triage_contract_and_composer_links(client):
    text = "The mug I ordered 112-1234567-1234567 arrived cracked. Can you send a new one?"
    response = client.post("/api/triage", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert {"needs_reply", "intent", "reasons", "templates"} <= set(body)
    assert body["needs_reply"] is True and body["intent"] == "delivery_problem"
    first = body["suggestions"][0]
    assert first["id"] == body["templates"][0] == "reply-damaged-or-wrong-item"
    url = urlparse(first["url"])
    assert url.path == "/compose/reply-damaged-or-wrong-item"
    assert parse_qs(url.query)["order_id"] == ["112-1234567-1234567"]
    # The composer opened from the link has the order ID filled in.
    page = client.get(first["url"]).get_data(as_text=True)
    assert 'value="112-1234567-1234567"' in page


def test_api_needs_no_csrf_token_and_has_no_side_effects(client, app):
    assert client.post("/api/triage", json={"text": "Thanks!"}).get_json()["needs_reply"] is False


@pytest.mark.parametrize("data,status", [
    (b"not json", 400), (b"[]", 400), (b'{"text": 3}', 400), (b"{}", 400),
])
def test_api_bad_input(client, data, status):
    response = client.post("/api/triage", data=data, content_type="application/json")
    assert response.status_code == status
    assert "error" in response.get_json()


def test_api_oversized_text_is_413(client, app):
    limit = app.config["MAX_TEXT_CHARS"]
    response = client.post("/api/triage", json={"text": "a" * (limit + 1)})
    assert response.status_code == 413
    assert "limit" in response.get_json()["error"]


def test_page_has_the_labelled_textarea_and_clock(client):
    html = client.get("/triage").get_data(as_text=True)
    assert re.search(r'<label for="incoming"[^>]*>Incoming message</label>', html)
    assert '<textarea id="incoming" name="message"' in html
    assert 'type="datetime-local" id="arrived"' in html
    assert "<mark" not in html
    assert '<script src="/static/triage.js"' in html and "<script>" not in html


def _token(client) -> str:
    html = client.get("/triage").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_no_js_form_post_renders_the_result_escaped(client):
    text = "<b>Where</b> is my order 112-1234567-1234567?"
    html = client.post("/triage", data={"message": text, "csrf_token": _token(client)}).get_data(as_text=True)
    assert "Needs a reply" in html and "Where is my order" in html
    assert '<span class="reason"' in html
    assert "&lt;b&gt;" in html and "<b>Where</b>" not in html
    assert "/compose/reply-where-is-my-order?order_id=112-1234567-1234567" in html
    assert "<mark" not in html


def test_no_js_form_post_no_reply(client):
    html = client.post("/triage", data={"message": "Thanks, all good now!", "csrf_token": _token(client)})
    text = html.get_data(as_text=True)
    assert "No response needed" in text and "Mark it" in text
    assert 'id="suggestions-box" hidden' in text


def test_no_js_form_post_needs_the_csrf_token(client):
    assert client.post("/triage", data={"message": "Where is it?"}).status_code == 400


def test_no_js_form_post_with_the_clock(client):
    arrived = (dt.datetime.now() - dt.timedelta(hours=22)).strftime("%Y-%m-%dT%H:%M")
    html = client.post("/triage", data={"message": "Where is it?", "arrived": arrived,
                                        "csrf_token": _token(client)}).get_data(as_text=True)
    assert "clock--urgent" in html and "Urgent:" in html


def test_reply_clock_states():
    now = dt.datetime(2026, 11, 28, 12, 0)  # a Saturday: weekends count like any day
    assert reply_clock("2026-11-27T18:00", now)["state"] == "ok"
    urgent = reply_clock("2026-11-27T14:30", now)
    assert urgent["state"] == "urgent" and urgent["text"] == "Urgent: 2 h 30 min left to reply."
    overdue = reply_clock("2026-11-27T11:00", now)
    assert overdue["state"] == "overdue" and "closed 1 h 00 min ago" in overdue["text"]
    assert reply_clock("yesterday", now)["error"]
    assert reply_clock("", now) is None


def test_describe_left():
    assert describe_left(dt.timedelta(hours=10, minutes=5)) == "10 h 05 min left to reply."
    assert describe_left(dt.timedelta(hours=4)).startswith("Urgent:")


def test_segments_merge_overlapping_reasons():
    text = "Please can I return it?"
    pieces = segments(text, [{"start": 0, "end": 12, "why": "a"}, {"start": 7, "end": 19, "why": "b"},
                             {"start": 22, "end": 23, "why": "c"}])
    assert "".join(p["text"] for p in pieces) == text
    assert [p["why"] for p in pieces] == ["a; b", None, "c"]


def test_a_message_no_template_fits_offers_a_blank_message(client):
    body = client.post("/api/triage", json={"text": "I want to speak to a manager."}).get_json()
    assert body["needs_reply"] is True and body["templates"] == []
    assert body["suggestions"] == [{"id": None, "title": "Blank message", "url": "/compose", "prefilled": []}]
    assert client.post("/api/triage", json={"text": "Thanks!"}).get_json()["suggestions"] == []
