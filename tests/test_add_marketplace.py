"""A second marketplace costs no code: one built from data alone (a temporary folder on
POLICY_PATH) checks messages through the API and the CLI, and is listed by /api/marketplaces."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import create_app
from tests import throwaway

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("policies")
    throwaway.build(root, "throwmart")
    return root


@pytest.fixture
def client(policy_path, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_PATH", str(policy_path))
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "MARKETPLACE": "throwmart",
                      "DATABASE": str(tmp_path / "history.sqlite3")})
    return app.test_client()


def test_the_api_checks_against_the_new_marketplace(client):
    body = client.post("/api/check", json={"text": "More bargains! Mail sam@example.com 😊"}).get_json()
    assert body["ok"] is False
    # (common rules hold too: "mail <address>" invites the buyer off the marketplace)
    assert {f["rule"] for f in body["findings"]} == {"promotional.bargain-bin", "email_address.address",
                                                     "external_contact.contact-detail-invitation"}
    clean = client.post("/api/check", json={"text": "Your parcel ships today 😊",
                                            "marketplace": "throwmart"}).get_json()
    assert clean["ok"] is True and clean["findings"] == []  # emoji is "off" on this marketplace
    templates = client.get("/api/templates?marketplace=throwmart").get_json()["templates"]
    assert [t["id"] for t in templates] == ["throwmart-note"]
    assert templates[0]["fields"][1]["pattern"] == r"^TM-\d{6}$"


def test_the_api_lists_every_marketplace_with_its_facts(client):
    body = client.get("/api/marketplaces").get_json()
    assert body["default"] == "throwmart"
    by_id = {m["id"]: m for m in body["marketplaces"]}
    assert {"amazon", "throwmart"} <= set(by_id)
    mart = by_id["throwmart"]
    assert mart["languages"] == ["en"]
    assert mart["reply_clock"]["hours"] == 72
    assert {k["id"]: k["max_length"] for k in mart["message_kinds"]} == {"note": 300, "answer": 500}
    assert mart["categories"]["external_contact"]["name"] == "Contact off Throwmart"
    assert mart["categories"]["emoji"]["applies"] is False
    assert by_id["amazon"]["categories"]["external_contact"]["name"] == "Contact off Amazon"
    assert client.get("/api/marketplaces?locale=<x>").status_code == 400


def test_an_unknown_marketplace_is_a_400(client):
    response = client.post("/api/check", json={"text": "hi", "marketplace": "nowhere"})
    assert response.status_code == 400 and "nowhere" in response.get_json()["error"]


def test_the_cli_checks_against_the_new_marketplace(policy_path):
    env = {**os.environ, "POLICY_PATH": str(policy_path)}
    run = subprocess.run([sys.executable, "-m", "policy", "check", "--marketplace", "throwmart",
                          "--format", "json"], input="Visit the bargain bin!", text=True,
                         capture_output=True, cwd=REPO, env=env, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "promotional.bargain-bin" in run.stdout
    env["MARKETPLACE"] = "throwmart"
    run = subprocess.run([sys.executable, "-m", "policy", "check"], input="Your parcel ships today.",
                         text=True, capture_output=True, cwd=REPO, env=env, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_marketplace_setting_comes_from_the_environment(policy_path, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_PATH", str(policy_path))
    monkeypatch.setenv("MARKETPLACE", "throwmart")
    app = create_app({"TESTING": True, "SECRET_KEY": "test",
                      "DATABASE": str(tmp_path / "history.sqlite3")})
    assert app.config["MARKETPLACE"] == "throwmart"
    body = app.test_client().post("/api/check", json={"text": "More steals inside."}).get_json()
    assert [f["rule"] for f in body["findings"]] == ["promotional.bargain-bin"]


def test_an_unknown_marketplace_setting_stops_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("MARKETPLACE", "nowhere")
    with pytest.raises(Exception, match="unknown marketplace 'nowhere'"):
        create_app({"TESTING": True, "SECRET_KEY": "test",
                    "DATABASE": str(tmp_path / "history.sqlite3")})


@pytest.mark.parametrize("path", ["/", "/compose", "/compose/throwmart-note", "/history"])
def test_the_pages_speak_the_new_marketplaces_words(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Throwmart" in html
    # The marketplace picker lists every marketplace by name; the rest of the page speaks
    # only the chosen one's words.
    picker = re.search(r'<select id="marketplace-choice".*?</select>', html, re.S)
    assert picker and ">Throwmart<" in picker.group(0)
    rest = html.replace(picker.group(0), "")
    assert "Amazon" not in rest and "Seller Central" not in rest


def test_the_form_explains_the_order_id_in_the_marketplaces_terms(client):
    import policy
    from web.forms import field_messages
    field = policy.load_policy("throwmart").templates["throwmart-note"].get_field("order_id")
    amazon = policy.load_policy("amazon").templates
    order_field = next(f for t in amazon.values() for f in t.fields if f.type == "order_id")
    with client.application.test_request_context():  # the messages are in the request's locale
        assert field_messages(field)["format"] == "Enter the order ID as TM- and 6 digits, for example TM-123456."
        assert field_messages(order_field)["format"].startswith("Enter the Amazon order ID as 3-7-7 digits")
