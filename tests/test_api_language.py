"""/api/check and the message's language: the `language` field in and out, 400 on a bad one."""
from __future__ import annotations

import pytest

POLISH_REVIEW_REQUEST = "Prosimy o wystawienie opinii na pięć gwiazdek!"  # no rules for Polish
ENGLISH = "Hello, your order has shipped today and should arrive on Friday."


def check(client, **body):
    return client.post("/api/check", json=body)


def test_every_check_result_carries_the_detected_language(client):
    body = check(client, text=ENGLISH).get_json()
    assert body["language"] == "en" and body["ok"] is True


def test_a_polish_message_is_blocked_with_a_language_finding(client):
    body = check(client, text=POLISH_REVIEW_REQUEST, language="auto").get_json()
    assert body["language"] == "pl" and body["ok"] is False
    [finding] = [f for f in body["findings"] if f["category"] == "language"]
    assert finding["severity"] == "block" and "looks Polish" in finding["message"]


def test_a_french_message_is_no_longer_ready_to_copy(client):
    body = check(client, text="Laissez-nous un avis 5 étoiles svp").get_json()
    assert body["language"] == "fr" and body["ok"] is False
    assert "review_manipulation.positive-review-fr" in {f["rule"] for f in body["findings"]}


def test_the_requested_language_is_the_buyers(client):
    body = check(client, text=ENGLISH, language="de").get_json()
    assert body["language"] == "en" and body["ok"] is True
    assert [f["severity"] for f in body["findings"] if f["category"] == "language"] == ["warn"]
    short = check(client, text="Dank je!", language="nl").get_json()
    assert short["language"] == "nl" and short["ok"] is False


@pytest.mark.parametrize("language, problem", [
    ("xx", "Unknown language"), ("English", "language tag"), (7, "language tag"),
    (["de"], "language tag"), ("", "language tag")])
def test_a_bad_language_is_a_400_with_a_message(client, language, problem):
    response = check(client, text=ENGLISH, language=language)
    assert response.status_code == 400
    assert problem in response.get_json()["error"]


def test_templates_in_the_buyers_language(client):
    body = client.get("/api/templates?language=de").get_json()
    assert body["language"] == "de" and body["templates"]
    assert all(t["language"] == "de" for t in body["templates"])
    delay = next(t for t in body["templates"] if t["id"] == "shipping-delay")
    assert delay["body"].startswith("Guten Tag")
    english = client.get("/api/templates").get_json()
    assert english["language"] == "en" and len(english["templates"]) == len(body["templates"])
    assert all(t["language"] is None for t in english["templates"])
    assert client.get("/api/templates?language=xx").status_code == 400


def test_the_composer_opens_a_template_in_the_buyers_language(client):
    page = client.get("/compose/shipping-delay?language=de").get_data(as_text=True)
    assert "Guten Tag" in page and "Mit freundlichen Grüßen" in page
    assert "Kind regards" in client.get("/compose/shipping-delay").get_data(as_text=True)

