"""The JSON API: /api/check, /api/templates, /api/plain-text (shapes, errors, limits)."""
from __future__ import annotations

import json

import pytest

import policy
import web.api
import web.checking

ORDER = "112-1234567-1234567"
FINDING_KEYS = {"rule", "category", "severity", "start", "end", "excerpt", "message", "source",
                "suggestions", "replacements"}


def check(client, **body):
    return client.post("/api/check", json=body)


# ---------- /api/check ----------

def test_clean_message_is_ok(client):
    response = check(client, text="Hello, your order has shipped today and should arrive on Friday.",
                     marketplace="amazon")
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True
    assert not [f for f in body["findings"] if f["severity"] == "block"]


@pytest.mark.parametrize("text, category", [
    ("Please leave us a 5-star review!", "review_manipulation"),
    ("You can reach me at bob@example.com any time.", "email_address"),
    ("See www.example.com for more.", "link"),
])
def test_flagged_message_blocks_with_findings(client, text, category):
    body = check(client, text=text, marketplace="amazon").get_json()
    assert body["ok"] is False
    assert any(f["category"] == category and f["severity"] == "block" for f in body["findings"])
    for finding in body["findings"]:
        assert set(finding) == FINDING_KEYS
        assert 0 <= finding["start"] <= finding["end"] <= len(text)


def test_offsets_are_code_points_after_an_emoji(client):
    text = "Thanks 😀 see www.example.com"
    body = check(client, text=text).get_json()
    links = [f for f in body["findings"] if f["category"] == "link"]
    assert links
    # (the span takes the space before along: its fix removes the link tidily)
    assert text[links[0]["start"]:links[0]["end"]].strip() == "www.example.com"


def test_check_names_the_policy_that_judged_it(client, tmp_path, monkeypatch):
    # DESIGN.md: /api/check -> {..., "policy": {"marketplace", "version"}}; the version follows
    # the policy files' content, so it differs between marketplaces and changes with a rule
    bodies = {m: check(client, text="Hello", marketplace=m).get_json() for m in ("amazon", "ebay")}
    for marketplace, body in bodies.items():
        assert set(body["policy"]) == {"marketplace", "version"}
        assert body["policy"]["marketplace"] == marketplace
        assert len(body["policy"]["version"]) == 12
    assert bodies["amazon"]["policy"]["version"] != bodies["ebay"]["policy"]["version"]
    from policy.marketplace import POLICY_ROOT, policy_version
    import shutil
    for name in ("ebay", "common"):
        shutil.copytree(POLICY_ROOT / name, tmp_path / name)
    monkeypatch.setenv("POLICY_PATH", str(tmp_path))
    policy_version.cache_clear()
    try:
        copied = policy_version("ebay")
        assert copied == bodies["ebay"]["policy"]["version"]  # the same files, the same version
        rules = tmp_path / "ebay" / "rules.toml"
        rules.write_text(rules.read_text(encoding="utf-8") + "\n# a changed line\n", encoding="utf-8")
        policy_version.cache_clear()
        assert policy_version("ebay") != copied
    finally:
        policy_version.cache_clear()


def test_marketplace_defaults_to_amazon_and_no_csrf_token_is_needed(client):
    response = client.post("/api/check", data=json.dumps({"text": "Hello"}),
                           content_type="application/json")
    assert response.status_code == 200
    assert response.get_json()["ok"] is True


def test_check_passes_template_and_context_to_the_engine(client, templates, monkeypatch):
    seen = {}

    def spy(text, marketplace="amazon", template=None, context=None, language="auto"):
        seen.update(text=text, marketplace=marketplace, template=template, context=context)
        return policy.CheckResult("en", [])

    monkeypatch.setattr(web.api.policy, "check_message", spy)
    template_id = next(iter(templates))
    response = check(client, text="Hi", template=template_id,
                     context={"order_id": ORDER, "delivered_on": "2026-11-02", "delivered_latest": ""})
    assert response.status_code == 200
    assert seen == {"text": "Hi", "marketplace": "amazon", "template": template_id,
                    "context": {"order_id": ORDER, "delivered_on": "2026-11-02"}}


def test_review_request_context_gets_previous_request_from_history(client, templates, monkeypatch):
    review = next(t for t in templates.values() if t.kind == "review_request")
    other = next(t for t in templates.values() if t.kind != "review_request")
    contexts = []
    monkeypatch.setattr(web.api.policy, "check_message",
                        lambda text, marketplace="amazon", template=None, context=None, language="auto":
                        contexts.append(context) or policy.CheckResult("en", []))
    monkeypatch.setattr(web.checking.history, "previous_request_on",
                        lambda order_id, marketplace=None: "2026-11-10" if order_id == ORDER else None)
    check(client, text="Hi", template=review.id, context={"order_id": ORDER})
    check(client, text="Hi", template=review.id, context={"order_id": "111-1111111-1111111"})
    check(client, text="Hi", template=other.id, context={"order_id": ORDER})
    assert contexts[0] == {"order_id": ORDER, "previous_request_on": "2026-11-10"}
    assert contexts[1] == {"order_id": "111-1111111-1111111"}
    assert "previous_request_on" not in contexts[2]


def test_repeat_review_request_blocks(client, templates, monkeypatch):
    review = next(t for t in templates.values() if t.kind == "review_request")
    monkeypatch.setattr(web.checking.history, "previous_request_on", lambda order_id, marketplace=None: "2026-11-10")
    body = check(client, text=review.render(review.example_values()), template=review.id,
                 context={"order_id": ORDER}).get_json()
    assert body["ok"] is False
    assert any(f["category"] == "repeat_request" for f in body["findings"])


@pytest.mark.parametrize("raw, message", [
    (b"{not json", "must be JSON"),
    (b"[1, 2]", "JSON object"),
    (b'"text"', "JSON object"),
    (b"\xff\xfe", "must be JSON"),
    (b"{}", "text"),
    (b'{"text": 5}', "text"),
    (b'{"text": "hi", "template": 3}', "template"),
    (b'{"text": "hi", "context": "x"}', "context"),
    (b'{"text": "hi", "context": {"order_id": 5}}', "order_id"),
    (b'{"text": "hi", "context": {"delivered_on": "next week"}}', "ISO date"),
    (b'{"text": "hi", "context": {"colour": "red"}}', "Unknown context key"),
    (b'{"text": "hi", "marketplace": "../etc"}', "marketplace"),
    (b'{"text": "hi", "marketplace": 7}', "marketplace"),
])
def test_bad_requests_get_400_with_a_json_error(client, raw, message):
    response = client.post("/api/check", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    assert message in response.get_json()["error"]


def test_unknown_marketplace_and_template_are_named(client):
    response = check(client, text="hi", marketplace="ebayx")
    assert response.status_code == 400 and "ebayx" in response.get_json()["error"]
    response = check(client, text="hi", template="no-such-template")
    assert response.status_code == 400 and "no-such-template" in response.get_json()["error"]


def test_body_over_the_size_limit_is_413_json(client, app):
    text = "a" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    response = check(client, text=text)
    assert response.status_code == 413
    assert response.mimetype == "application/json"
    assert "too large" in response.get_json()["error"]


def test_text_over_the_length_cap_is_413_json(client, app):
    text = "a" * (app.config["MAX_TEXT_CHARS"] + 1)
    response = check(client, text=text)
    assert response.status_code == 413
    assert "limit" in response.get_json()["error"]


def test_wrong_method_and_unknown_api_path_are_json(client):
    response = client.get("/api/check")
    assert response.status_code == 405 and "error" in response.get_json()
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and "error" in response.get_json()


# ---------- /api/templates ----------

def test_templates_shape(client, templates):
    response = client.get("/api/templates?marketplace=amazon")
    assert response.status_code == 200
    body = response.get_json()
    assert body["marketplace"] == "amazon"
    assert [t["id"] for t in body["templates"]] == list(templates)
    for t in body["templates"]:
        assert {"id", "title", "group", "when", "kind", "body", "fields", "max_length"} <= set(t)
        for f in t["fields"]:
            assert {"name", "label", "type", "required", "pattern", "example", "help"} <= set(f)
    # every listed id opens a compose page
    for t in body["templates"]:
        assert client.get(f"/compose/{t['id']}").status_code == 200


def test_templates_default_marketplace_and_unknown_one(client):
    assert client.get("/api/templates").get_json()["marketplace"] == "amazon"
    response = client.get("/api/templates?marketplace=nowhere")
    assert response.status_code == 400 and "nowhere" in response.get_json()["error"]


# ---------- /api/plain-text ----------

def test_plain_text_endpoint(client):
    html = "<p>Hello &amp; welcome,</p><script>alert(1)</script><p>Thanks<br>Sam</p>"
    response = client.post("/api/plain-text", json={"text": html})
    assert response.status_code == 200
    assert response.get_json() == {"text": "Hello & welcome,\n\nThanks\nSam"}


def test_plain_text_endpoint_rejects_bad_input(client, app):
    assert client.post("/api/plain-text", json={"html": "x"}).status_code == 400
    assert client.post("/api/plain-text", data=b"nope",
                       content_type="application/json").status_code == 400
    big = "a" * (app.config["MAX_TEXT_CHARS"] + 1)
    assert client.post("/api/plain-text", json={"text": big}).status_code == 413
