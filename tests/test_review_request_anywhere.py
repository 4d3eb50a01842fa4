"""A review request written outside the review template is still one: the once-per-order
history applies to it through /api/check, and the app can tell that it asks for a review."""
from __future__ import annotations

import policy
from web.checking import asks_for_review

from .test_history import ORDER, OTHER, record

ASK = "Your parcel is at the depot and arrives tomorrow. We would appreciate an honest review."


def test_a_request_in_a_reply_or_a_blank_message_is_checked_against_the_history(client):
    record(client)  # the review request already sent for ORDER
    for template in ("reply-where-is-my-order", None):
        body = {"text": ASK, "context": {"order_id": ORDER}}
        if template:
            body["template"] = template
        found = client.post("/api/check", json=body).get_json()
        repeat = [f for f in found["findings"] if f["category"] == "repeat_request"]
        assert repeat and repeat[0]["severity"] == "block" and found["ok"] is False, template
    other = client.post("/api/check", json={"text": ASK, "context": {"order_id": OTHER}}).get_json()
    assert not any(f["category"] == "repeat_request" for f in other["findings"])


def test_a_plain_reply_is_not_a_request(client):
    record(client)
    body = {"text": "Your parcel is at the depot and arrives tomorrow.",
            "template": "reply-where-is-my-order", "context": {"order_id": ORDER}}
    found = client.post("/api/check", json=body).get_json()
    assert not any(f["category"] == "repeat_request" for f in found["findings"])


def test_asks_for_review():
    amazon = policy.load_policy("amazon")
    assert asks_for_review(ASK, amazon, "reply-where-is-my-order")
    assert asks_for_review("Happy with it? Leave us a review!", amazon, None)
    assert asks_for_review("Hello.", amazon, "review-request")
    assert not asks_for_review("Thank you for your review, the lid ships today.", amazon, None)
    assert not asks_for_review("Your parcel arrives tomorrow.", amazon, "reply-where-is-my-order")
