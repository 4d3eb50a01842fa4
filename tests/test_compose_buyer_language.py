"""The buyer's language in the composer: offered beside the marketplace, switching it keeps
what the seller filled in, and the check and the live API use it."""
from __future__ import annotations

import re

import pytest

from tests.test_app import csrf_token, parse

TEMPLATE = "reply-where-is-my-order"
ORDER = "112-1234567-1234567"


def test_the_composer_offers_the_languages_the_template_is_written_in(client):
    tags = parse(client.get(f"/compose/{TEMPLATE}").get_data(as_text=True))
    options = [a["value"] for a in tags.find("option") if a.get("lang")]
    assert options[0] == "en" and {"de", "fr", "it", "es", "ja"} <= set(options)
    assert [a["value"] for a in tags.find("option") if a.get("lang") and "selected" in a] == ["en"]


def test_switching_the_language_keeps_the_fields_and_writes_the_template_in_it(client):
    url = f"/compose/{TEMPLATE}"
    english = client.post("/api/compose", json={"template": TEMPLATE, "fields": {}, "text": ""}).get_json()
    data = {"csrf_token": csrf_token(client, url), "order_id": ORDER, "buyer_name": "Frau Becker",
            "message": english["text"], "generated": english["generated_digest"], "language": "de",
            "action": "language"}
    html = client.post(url, data=data).get_data(as_text=True)
    tags = parse(html)
    assert tags.find("input", id="order_id")[0]["value"] == ORDER
    assert tags.find("input", id="buyer_name")[0]["value"] == "Frau Becker"
    message = re.search(r'<textarea[^>]*id="message"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert ORDER in message and "Frau Becker" in message
    assert "Guten Tag" in message and "Hello" not in message
    assert [a for a in tags.find("option", value="de") if "selected" in a]


def test_a_hand_edited_message_survives_a_language_switch(client):
    url = f"/compose/{TEMPLATE}"
    data = {"csrf_token": csrf_token(client, url), "order_id": ORDER, "message": "My own words, by hand.",
            "generated": "not the generated text", "language": "fr"}
    html = client.post(url, data=data).get_data(as_text=True)
    assert "My own words, by hand." in html


def test_the_live_api_writes_the_template_in_the_buyers_language_and_checks_in_it(client):
    state = client.post("/api/compose", json={"template": TEMPLATE, "language": "de",
                                              "fields": {"order_id": ORDER}, "text": ""}).get_json()
    assert "Guten Tag" in state["text"] and ORDER in state["text"]
    assert not [f for f in state["findings"] if f["category"] == "language"]
    # English text where the buyer's language is German: a warning, never a silent pass.
    typed = client.post("/api/compose", json={"language": "de", "text": "Your parcel left our warehouse "
                                              "this morning and should reach you on Friday."}).get_json()
    language = [f for f in typed["findings"] if f["category"] == "language"]
    assert language and language[0]["severity"] == "warn"


@pytest.mark.parametrize("language", ["klingon", 5, "xx"])
def test_the_live_api_refuses_an_unknown_language(client, language):
    response = client.post("/api/compose", json={"template": TEMPLATE, "language": language, "text": ""})
    assert response.status_code == 400
    assert "language" in response.get_json()["error"]


def test_a_blank_message_can_be_checked_in_a_chosen_language(client):
    tags = parse(client.get("/compose?language=de").get_data(as_text=True))
    assert [a for a in tags.find("option", value="de") if "selected" in a]
    assert tags.find("option", value="auto")
