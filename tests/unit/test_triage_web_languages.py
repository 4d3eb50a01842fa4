"""Triage in the buyer's language on the API, the page and the CLI: the language is reported and
the reply template opens in it when the marketplace has it written in that language."""
from __future__ import annotations

import io
import json
import re
import sys
from urllib.parse import parse_qs, urlparse

import web.triage
from policy.cli_triage import main as triage_cli

GERMAN_WISMO = "Hallo, ich warte seit zehn Tagen auf meine Bestellung. Wann kommt das Paket?"


def test_api_reports_the_language_and_links_the_template_written_in_it(client):
    body = client.post("/api/triage", json={"text": GERMAN_WISMO, "marketplace": "amazon"}).get_json()
    assert body["language"] == "de" and body["language_title"] == "Written in German"
    assert body["needs_reply"] is True and body["intent"] == "where_is_my_order"
    first = body["suggestions"][0]
    assert first["id"] == "reply-where-is-my-order" and first["language"] == "de"
    assert first["language_note"] is None
    assert parse_qs(urlparse(first["url"]).query)["language"] == ["de"]
    composer = client.get(first["url"]).get_data(as_text=True)
    assert "Guten Tag" in composer, "the composer opens the German template"


def test_a_language_without_that_template_gets_the_original_with_a_note(client, monkeypatch):
    monkeypatch.setattr(web.triage, "_written_in", lambda marketplace, language: {})
    text = "Bonjour, je n'ai toujours pas reçu ma commande. Où en est-elle ?"
    body = client.post("/api/triage", json={"text": text, "marketplace": "amazon"}).get_json()
    assert body["language"] == "fr" and body["intent"] == "where_is_my_order"
    first = body["suggestions"][0]
    assert first["language"] == "en"
    assert first["language_note"] == "No French version yet: this template is in English."
    assert "language" not in parse_qs(urlparse(first["url"]).query)


def test_english_messages_carry_no_note(client):
    body = client.post("/api/triage", json={"text": "Where is my order? It's late.", "marketplace": "amazon"}).get_json()
    assert body["language"] == "en" and body["language_title"] == "Written in English"
    assert all(s["language_note"] is None and s["language"] == "en" for s in body["suggestions"])


def test_the_page_shows_the_language_in_the_interface_locale(client):
    html = client.get("/triage?marketplace=amazon").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    page = client.post("/triage", data={"message": GERMAN_WISMO, "marketplace": "amazon", "csrf_token": token})
    assert re.search(r'id="language-line"\s*>Written in German</p>', page.get_data(as_text=True))
    body = client.post("/api/triage?locale=zh", json={"text": GERMAN_WISMO, "marketplace": "amazon"}).get_json()
    assert body["language_title"] == "买家使用的语言：德语"


def test_cli_reports_the_language(capsys, monkeypatch):
    rows = [{"id": 1, "text": "Vielen Dank, alles ist gut angekommen!"}, {"id": 2, "text": "注文をキャンセルしたいです。"}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()), encoding="utf-8"))
    assert triage_cli(["--jsonl", "-"]) == 0
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (first["language"], first["needs_reply"]) == ("de", False)
    assert (second["language"], second["intent"]) == ("ja", "cancel_or_change_order")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GERMAN_WISMO.encode()), encoding="utf-8"))
    assert triage_cli([]) == 0
    assert "    language: German" in capsys.readouterr().out
