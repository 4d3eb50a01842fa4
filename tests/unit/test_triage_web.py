"""The /triage page and POST /api/triage, without a browser."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest

from policy.triage_rules import load_triage_rules
from web.triage import describe_left, reply_clock, segments

INBOX = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "triage_inbox"


def test_api_returns_the_triage_contract_and_composer_links(client):
    text = "The mug I ordered 112-1234567-1234567 arrived cracked. Can you send a new one?"
    response = client.post("/api/triage", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert {"needs_reply", "intent", "reasons", "templates"} <= set(body)
    assert body["needs_reply"] is True and body["intent"] in ("delivery_problem", "return_or_refund")
    assert body["verdict"] == "Needs a reply" and body["intent_title"]
    assert body["phrases"] == [{"text": text[r["start"]:r["end"]], "why": r["why"]} for r in body["reasons"]]
    first = body["suggestions"][0]
    assert first["id"] == body["templates"][0]
    url = urlparse(first["url"])
    assert url.path == f"/compose/{first['id']}"
    assert parse_qs(url.query)["order_id"] == ["112-1234567-1234567"]
    # The composer opened from the link has the order ID filled in.
    page = client.get(first["url"]).get_data(as_text=True)
    assert 'value="112-1234567-1234567"' in page


def test_api_needs_no_csrf_token_and_has_no_side_effects(client, app):
    assert client.post("/api/triage", json={"text": "Thanks!"}).get_json()["needs_reply"] is False


@pytest.mark.parametrize("data,status", [
    (b"not json", 400), (b"[]", 400), (b'{"text": 3}', 400), (b"{}", 400), (b"[" * 10_000, 400),
    (b'{"text": "hi", "previous": 3}', 400), (b'{"text": "hi", "marketplace": "nowhere"}', 400),
    (b'{"text": "hi", "marketplace": 7}', 400), (b'{"text": "hi", "arrived": "9999-12-31T00:00"}', 400),
    (b'{"text": "hi", "arrived": "yesterday"}', 400),
])
def test_api_bad_input(client, data, status):
    response = client.post("/api/triage", data=data, content_type="application/json")
    assert response.status_code == status
    assert "error" in response.get_json()


def test_api_takes_the_previous_message(client):
    answer = client.post("/api/triage", json={"text": "ok", "previous": "Could you confirm your address?"})
    assert answer.get_json()["needs_reply"] is True
    closed = client.post("/api/triage", json={"text": "ok thanks", "previous": "Your refund has been issued."})
    assert closed.get_json()["needs_reply"] is False


@pytest.mark.parametrize("arrived,reply_by", [
    ("2026-11-20T10:00", "2026-11-21T10:00:00"),
    ("2026-11-20T10:00+05:00", "2026-11-21T10:00:00+05:00"),
    ("2026-11-20T10:00:00Z", "2026-11-21T10:00:00+00:00"),
])
def test_api_arrival_times_with_or_without_a_zone(client, arrived, reply_by):
    body = client.post("/api/triage", json={"text": "Where is it?", "arrived": arrived}).get_json()
    assert body["reply_by"] == reply_by


@pytest.mark.parametrize("marketplace", ["amazon", "ebay", "walmart", "etsy"])
def test_api_and_page_work_for_every_marketplace(client, marketplace):
    body = client.post("/api/triage", json={"text": "Thanks, it arrived!", "marketplace": marketplace}).get_json()
    rules = load_triage_rules(marketplace)
    assert body["intent"] == "thanks_or_resolved"
    assert body["verdict"] == ("Needs a reply" if rules.every_message_needs_reply else rules.no_reply_label)
    html = client.get(f"/triage?marketplace={marketplace}").get_data(as_text=True)
    assert f'data-reply-hours="{rules.reply_hours}"' in html and rules.console in html


def test_a_marketplace_made_of_data_alone_triages_with_its_own_clock(tmp_path, monkeypatch):
    """No triage.toml, no code: the facts' reply clock and wording, the common intents."""
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    from throwaway import build

    from app import create_app
    build(tmp_path, "triagemart")
    monkeypatch.setenv("POLICY_PATH", str(tmp_path))
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "h.sqlite3"),
                      "MARKETPLACE": "triagemart"})
    client = app.test_client()
    html = client.get("/triage").get_data(as_text=True)
    assert 'data-reply-hours="72"' in html and "Triagemart Desk" in html
    body = client.post("/api/triage", json={"text": "Where is my parcel? Order TM-123456",
                                            "arrived": "2026-11-20T10:00:00Z"}).get_json()
    assert body["intent"] == "where_is_my_order" and body["fields"]["order_id"] == "TM-123456"
    assert body["reply_by"] == "2026-11-23T10:00:00+00:00"
    thanks = client.post("/api/triage", json={"text": "Thanks, it arrived!"}).get_json()
    assert thanks["needs_reply"] is True, "Triagemart has no 'no response needed' in its wording"


def test_api_oversized_text_is_413(client, app):
    limit = app.config["MAX_TEXT_CHARS"]
    response = client.post("/api/triage", json={"text": "a" * (limit + 1)})
    assert response.status_code == 413
    assert "limit" in response.get_json()["error"]


def test_page_has_the_labelled_textarea_and_clock(client):
    html = client.get("/triage").get_data(as_text=True)
    assert re.search(r'<label for="incoming"[^>]*>Incoming message</label>', html)
    assert '<textarea id="incoming" name="message"' in html
    assert re.search(r'<label for="previous"[^>]*>Your previous message \(optional\)</label>', html)
    assert 'enctype="multipart/form-data" id="inbox-form"' in html
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
    assert "No response needed" in text and "Mark as no response needed in Seller Central" in text
    assert 'id="suggestions-box" hidden' in text


def test_no_js_form_post_needs_the_csrf_token(client):
    assert client.post("/triage", data={"message": "Where is it?"}).status_code == 400


def test_no_js_form_post_with_the_clock(client):
    arrived = (dt.datetime.now() - dt.timedelta(hours=22)).strftime("%Y-%m-%dT%H:%M")
    html = client.post("/triage", data={"message": "Where is it?", "arrived": arrived,
                                        "csrf_token": _token(client)}).get_data(as_text=True)
    assert "clock--urgent" in html and "Urgent:" in html


def test_reply_clock_states():
    amazon, walmart = load_triage_rules("amazon"), load_triage_rules("walmart")
    now = dt.datetime(2026, 11, 28, 12, 0)  # a Saturday: weekends count like any day
    assert reply_clock(dt.datetime(2026, 11, 27, 18, 0), amazon, now)["state"] == "ok"
    urgent = reply_clock(dt.datetime(2026, 11, 27, 14, 30), amazon, now)
    assert urgent["state"] == "urgent" and urgent["text"] == "Urgent: 2 h 30 min left to reply."
    overdue = reply_clock(dt.datetime(2026, 11, 27, 11, 0), amazon, now)
    assert overdue["state"] == "overdue" and "closed 1 h 00 min ago" in overdue["text"]
    assert reply_clock(dt.datetime(2026, 11, 27, 11, 0), walmart, now)["state"] == "ok"
    assert reply_clock(None, amazon, now) is None


def test_no_js_form_bad_arrival_is_400_and_keeps_nothing_half_done(client):
    for bad in ("9999-12-31T00:00", "yesterday"):
        response = client.post("/triage", data={"message": "Where is it?", "arrived": bad,
                                                "csrf_token": _token(client)})
        assert response.status_code == 400 and "arrived" in response.get_data(as_text=True)
    ok = client.post("/triage", data={"message": "Where is it?", "arrived": "2026-11-20T10:00+05:00",
                                      "csrf_token": _token(client)})
    assert ok.status_code == 200


def test_describe_left():
    assert describe_left(dt.timedelta(hours=10, minutes=5)) == "10 h 05 min left to reply."
    assert describe_left(dt.timedelta(hours=4)).startswith("Urgent:")
    assert "48-hour window" in describe_left(-dt.timedelta(hours=1), 48)


def test_segments_cover_the_text():
    text = "Please can I return it?"
    pieces = segments(text, [{"start": 0, "end": 6, "why": "a"}, {"start": 13, "end": 23, "why": "b"}])
    assert "".join(p["text"] for p in pieces) == text
    assert [p["why"] for p in pieces] == ["a", None, "b"]


# ------------------------------------------------------------------ a whole inbox

def test_inbox_upload_needs_the_csrf_token(client):
    response = client.post("/triage/inbox", data={"pasted": "where is it?"})
    assert response.status_code == 400 and "security token" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["notifications.mbox", "notification.eml", "messages.csv"])
def test_inbox_upload_lists_messages_by_deadline_with_a_reply_link(client, name):
    data = {"csrf_token": _token(client), "inbox": ((INBOX / name).open("rb"), name)}
    response = client.post("/triage/inbox?fragment=1", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="inbox-list"' in html and "<html" not in html
    assert "Begin message" not in html
    if name == "notifications.mbox":
        assert html.index("Wool Throw Blanket") < html.index("Ceramic Planter") if "Ceramic Planter" in html else True
        assert "/compose/reply-invoice-request?order_id=112-4410987-2219903" in html
        assert html.count('class="inbox__item ') == 4


def test_inbox_pasted_without_javascript_renders_the_page(client):
    pasted = (INBOX / "pasted.txt").read_text(encoding="utf-8")
    response = client.post("/triage/inbox", data={"csrf_token": _token(client), "pasted": pasted})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html
    assert "3 messages:" in html and "2 need a reply." in html
    assert pasted.split("\n")[0] in html  # the pasted text survives in its box


def test_inbox_bad_file_says_why_and_nothing_else_breaks(client):
    data = {"csrf_token": _token(client), "inbox": (__import__("io").BytesIO(b"note\nhi\n"), "x.csv")}
    response = client.post("/triage/inbox?fragment=1", data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and "needs a column" in response.get_data(as_text=True)
    empty = client.post("/triage/inbox?fragment=1", data={"csrf_token": _token(client)})
    assert empty.status_code == 400 and "Choose a file" in empty.get_data(as_text=True)


def test_inbox_upload_is_not_logged(client, caplog):
    secret = "my secret parcel question 4242"
    with caplog.at_level("DEBUG"):
        client.post("/triage/inbox", data={"csrf_token": _token(client), "pasted": secret})
    assert secret not in caplog.text


def test_inbox_upload_over_the_limit_is_413(client, app):
    app.config["MAX_INBOX_BYTES"] = 1000
    data = {"csrf_token": _token(client), "inbox": (__import__("io").BytesIO(b"x" * 5000), "x.csv")}
    assert client.post("/triage/inbox", data=data, content_type="multipart/form-data").status_code == 413


def test_a_message_no_template_fits_offers_a_blank_message(client):
    body = client.post("/api/triage", json={"text": "I want to speak to a manager."}).get_json()
    assert body["needs_reply"] is True and body["templates"] == []
    assert body["suggestions"] == [{"id": None, "title": "Blank message", "url": "/compose", "prefilled": [],
                                    "label": "Open “Blank message”", "reply_label": "Reply: “Blank message”",
                                    "prefill_note": ""}]
    assert client.post("/api/triage", json={"text": "Thanks!"}).get_json()["suggestions"] == []
