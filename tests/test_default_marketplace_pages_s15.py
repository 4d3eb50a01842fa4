"""MARKETPLACE (the environment variable, as a seller would set it) makes any marketplace the
default, and then every page and API of DESIGN.md works for it and speaks its wording: no
request names the marketplace, so each answer is the default's (issue 8: "Setting
MARKETPLACE=ebay makes eBay the default, and every page and API works for it")."""
from __future__ import annotations

import re

import pytest

import policy
from app import create_app
from policy.marketplace import marketplace_ids

MARKETPLACES = marketplace_ids()


@pytest.fixture(params=MARKETPLACES)
def default(request, tmp_path, monkeypatch):
    monkeypatch.setenv("MARKETPLACE", request.param)
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                      "DATABASE": str(tmp_path / "history.sqlite3"),
                      "SELLER_DICTIONARY": str(tmp_path / "dictionary.txt")})
    assert app.config["MARKETPLACE"] == request.param
    return request.param, app.test_client()


def _others_tools(marketplace: str) -> set[str]:
    own = policy.load_policy(marketplace).facts.wording["seller_tool"]
    return {policy.load_policy(m).facts.wording["seller_tool"] for m in MARKETPLACES} - {own}


def test_every_page_works_for_the_default_marketplace(default):
    marketplace, client = default
    loaded = policy.load_policy(marketplace)
    tool = loaded.facts.wording["seller_tool"]
    template = next(iter(loaded.templates))
    order = loaded.facts.order_id.example
    pages = ["/", "/compose", "/compose?text=Hello", f"/compose/{template}", f"/compose/{template}?order_id={order}",
             "/triage", "/history", "/?locale=zh", f"/compose/{template}?locale=zh", "/triage?locale=zh"]
    for url in pages:
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert f'<option value="{marketplace}" selected>' in html, url
        if "locale=zh" not in url:
            body = html.split("<footer")[0]
            assert tool in html, f"{url}: {tool!r} missing"
            assert not [t for t in _others_tools(marketplace) if t in body], url
    posted = [("/compose", {"message": "Hello, your parcel ships today."}),
              (f"/compose/{template}", {}),
              ("/triage", {"message": "Where is my order? It has not arrived."})]
    for url, form in posted:
        response = client.post(url, data=form)
        assert response.status_code == 200, url
    csv = client.get("/history.csv")
    assert csv.status_code == 200 and csv.get_data(as_text=True).startswith("marketplace,")


def test_every_api_answers_for_the_default_marketplace(default):
    marketplace, client = default
    loaded = policy.load_policy(marketplace)
    template = next(iter(loaded.templates))
    check = client.post("/api/check", json={"text": "Leave a positive review and I will refund you."})
    assert check.status_code == 200
    body = check.get_json()
    assert body["policy"]["marketplace"] == marketplace and body["ok"] is False
    templates = client.get("/api/templates").get_json()
    assert templates["marketplace"] == marketplace
    assert {t["id"] for t in templates["templates"]} == set(loaded.templates)
    assert client.get("/api/marketplaces").get_json()["default"] == marketplace
    composed = client.post("/api/compose", json={"template": template, "fields": {}, "text": ""})
    assert composed.status_code == 200 and "copy" in composed.get_json()
    triaged = client.post("/api/triage", json={"text": "Where is my order? It has not arrived yet."})
    assert triaged.status_code == 200
    suggested = triaged.get_json()["templates"]
    assert suggested and set(suggested) <= set(loaded.templates)
    assert client.post("/api/plain-text", json={"text": "<p>Hi</p>"}).get_json() == {"text": "Hi"}
    assert re.fullmatch(r"[0-9a-f]{12}", body["policy"]["version"])
