"""Triage verdicts and intents: messages that need no reply, messages that do, per intent."""
from __future__ import annotations

import pytest

import policy
from policy.triage import INTENTS, triage

NO_REPLY = [
    "Thank you!",
    "thx, got it",
    "Thanks, it arrived today.",
    "Problem solved, thanks anyway.",
    "All good now, it was my mistake.",
    "Never mind, found it behind the plant pot. Sorry for the bother!",
    "Received the replacement, works perfectly now. Thanks for sorting it out!",
    "Thanks for the refund, much appreciated.",
    "Just saying thanks, no reply needed.",
    "Hi Ana,\nthe lamp came in one piece and looks lovely.\nThanks again,\nRui Costa",
    "Arrived safe and sound. Great seller, would buy again.",
    "Thank you for your quick reply.",
    "Ok, understood. Have a nice day!",
    "I left you a 5 star review :)",
    # Amazon's wrapper around a pasted message is neither thanks nor a question
    "Order ID: 112-1234567-1234567\n1 of Desk Lamp [ASIN: B000000000]\n\n"
    "------------- Begin message -------------\nGot it, thanks!\n------------- End message -------------",
    # the buyer waives a reply: a problem only described no longer keeps it open
    "The box was a bit dented but the lamp is fine, no action needed.",
]

NEEDS_REPLY = [
    # a question, even after thanks
    "Thanks! Is it dishwasher safe?",
    # "arrived" with a problem
    "It arrived, but the box was crushed and the vase is chipped.",
    "Thanks, arrived today but the remote is missing.",
    # negation of resolution
    "The problem is still not solved.",
    "Thanks for the refund, but it still has not reached my account.",
    "I haven't received it yet.",
    # request verbs with no question mark
    "can you send the invoice",
    "Please cancel my order.",
    "i want to return it",
    "when my order will come",
    # a statement with no thanks or resolution: when in doubt, reply
    "Sent you the photo.",
    "The lid does not close properly.",
    # more than thanks
    "Thanks. The order number is 123-1234567-1234567 and it was a gift.",
    # review complaints need an answer
    "Why do you keep asking me for a review?",
    # waiving a reply does not cancel a request or a question
    "No need to reply, but please send the invoice.",
    "No reply needed. Is the lid oven safe?",
]


@pytest.mark.parametrize("text", NO_REPLY)
def test_messages_that_need_no_reply(text):
    result = triage(text)
    assert result["needs_reply"] is False, result
    assert result["intent"] in ("thanks_or_resolved", "feedback_or_review")
    assert result["templates"] == []
    assert result["reasons"], "the closing phrases are shown as reasons"


@pytest.mark.parametrize("text", NEEDS_REPLY)
def test_messages_that_need_a_reply(text):
    result = triage(text)
    assert result["needs_reply"] is True, result
    assert result["reasons"], "a reason is always given"


INTENT_CASES = [
    ("where_is_my_order", "Where is my parcel? It was due on Monday."),
    ("where_is_my_order", "Has my order shipped yet?"),
    ("where_is_my_order", "still waiting for the delivery, tracking has not moved in 5 days"),
    ("delivery_problem", "The frame arrived with the glass shattered."),
    ("delivery_problem", "I ordered a red kettle but you sent a black toaster."),
    ("delivery_problem", "Only 3 of the 4 chairs were in the box, one is missing."),
    ("return_or_refund", "How do I return these boots? They are too small."),
    ("return_or_refund", "I would like a refund please, the blender stopped working."),
    ("return_or_refund", "Can I exchange it for the large size?"),
    ("cancel_or_change_order", "Please cancel order 111-2222222-3333333, I ordered it twice by mistake."),
    ("cancel_or_change_order", "Can I change the delivery address to 5 Elm Road?"),
    ("product_question", "Is this compatible with the iPhone 15?"),
    ("product_question", "Do you ship to Norway?"),
    ("product_question", "Do these run true to size?"),
    ("invoice_or_billing", "Could you send me an invoice with VAT for my company?"),
    ("invoice_or_billing", "I was charged twice for one order."),
    ("thanks_or_resolved", "Thanks, all sorted now."),
    ("feedback_or_review", "I left a review for the jacket, great quality."),
    ("feedback_or_review", "How can I change my review?"),
    ("other", "I want to speak to a manager about your service."),
    ("other", "Tomorrow at 10 works for the pickup."),
]


@pytest.mark.parametrize("intent,text", INTENT_CASES)
def test_intent(intent, text):
    assert triage(text)["intent"] == intent


def test_every_intent_has_a_case():
    assert {intent for intent, _ in INTENT_CASES} == set(INTENTS)


@pytest.mark.parametrize("text,expected", [
    ("Where is my order 111-2222222-3333333?", "reply-where-is-my-order"),
    ("The mug arrived cracked.", "reply-damaged-or-wrong-item"),
    ("Can I return this?", "reply-return-or-refund"),
    ("Please cancel my order", "reply-cancel-or-change"),
    ("I need an invoice for this order", "reply-invoice-request"),
    ("Is it waterproof?", "reply-product-question"),
])
def test_best_template_first(text, expected):
    assert triage(text)["templates"][0] == expected


def test_template_ids_exist_in_the_template_library():
    known = set(policy.load_policy().templates)
    from policy.triage import load_triage_rules
    for intent in load_triage_rules().intents.values():
        assert set(intent.templates) <= known, intent.id


def test_offsets_are_code_points_into_the_original_text():
    text = "👍🏽 Héllo! Whеre is my pаrcel?"  # emoji, accent, Cyrillic е and а
    result = triage(text)
    assert result["intent"] == "where_is_my_order"
    spans = {text[r["start"]:r["end"]] for r in result["reasons"]}
    assert "?" in spans
    assert any(s.startswith("Whеre is my") for s in spans), spans
    for r in result["reasons"]:
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert isinstance(r["why"], str) and r["why"]


def test_curly_apostrophes_count_as_negation():
    assert triage("Thanks, but it hasn’t arrived.")["needs_reply"] is True
    assert triage("It doesn’t work")["intent"] == "delivery_problem"


def test_reasons_of_a_no_reply_message_are_its_closing_phrases():
    text = "Thanks, it arrived."
    result = triage(text)
    whys = {text[r["start"]:r["end"]].lower(): r["why"] for r in result["reasons"]}
    assert "thanks" in whys and "arrived" in whys


def test_empty_and_blank_messages_need_a_reply():
    for text in ("", "   ", "\n\n"):
        result = triage(text)
        assert result["needs_reply"] is True
        assert result["intent"] == "other"


def test_fields_for_the_composer():
    result = triage("Hi, where is my bivy sack? Order 112-1234567-1234567.")
    assert result["fields"] == {"order_id": "112-1234567-1234567", "product": "bivy sack"}
    result = triage("I ordered a Garden Hose Reel but got a watering can.")
    assert result["fields"]["product"] == "Garden Hose Reel"


def test_no_product_when_not_readable():
    assert "product" not in triage("Where is my order?")["fields"]
    assert "product" not in triage("My package arrived damaged")["fields"]
    assert "order_id" not in triage("Order 1234-5678 please")["fields"]


def test_long_message_is_linear_enough():
    text = ("Thanks for the quick reply, the parcel arrived today in perfect condition. " * 300)
    result = triage(text)
    assert result["needs_reply"] is False


# Short replies buyers send after the seller's answer: the verdict must hold both ways.
@pytest.mark.parametrize("text,needs_reply", [
    ("Thank you for letting me know, I'll wait for it.", False),
    ("No thanks, I'm fine", False),
    ("Not needed, thanks", False),
    ("Will do, thanks", False),
    ("Thanks, I recieved it", False),
    ("Thanks, it's working now", False),
    ("Thank you! My son loves it", False),
    ("Yes please", True),
    ("Thanks. Waiting for your reply", True),
    ("Thanks, the colour is different from the photo", True),
    ("Received, thanks. Only 1 box though", True),
    ("Thanks, I have sent it back", True),
    ("thanks, the refund hasn't shown up yet", True),
    ("Thanks, it's still not working", True),
    ("Thanks for the reply. I sent the photos to your email", True),
])
def test_short_follow_ups(text, needs_reply):
    assert triage(text)["needs_reply"] is needs_reply


def test_how_long_is_about_the_product_or_the_delivery():
    assert triage("How long does the battery last?")["intent"] == "product_question"
    assert triage("How long will it take to arrive?")["intent"] == "where_is_my_order"


@pytest.mark.parametrize("text,needs_reply", [
    # a problem told before it was solved is settled ...
    ("It was broken. All good now, thanks.", False),
    ("It was my fault, I typed the wrong email. All good now, thanks.", False),
    ("I ordered a lamp and thought it was lost. Never mind, found it", False),
    # ... unless a question, a request, a "but" or something said after it keeps it open
    ("Where is the charger. Never mind, found it.", True),
    ("Problem solved for the mug, but the plate is cracked", True),
    ("It was fixed last time, now it is broken again", True),
    ("The lid is cracked. Never mind the delivery date.", True),
    # "fixed" alone is not a resolution
    ("This needs to be fixed.", True),
    ("Get it fixed.", True),
])
def test_resolution_settles_only_what_came_before(text, needs_reply):
    assert triage(text)["needs_reply"] is needs_reply


# Thanks or "it arrived" followed by something that still needs an answer: never "no response needed".
@pytest.mark.parametrize("text", [
    "Thanks, it arrived. The lid is loose though.",
    "Thanks, I got the parcel. It's smaller than I thought.",
    "Thank you. My order number is 112-1234567-1234567.",
    "Thanks for the update. When can I expect it",
    "Perfect, thanks! I would also like to order two more",
    "Received with thanks, though the colour is off",
    "Arrived fine. Only problem is the handle wobbles.",
    "Thanks, it works. The app keeps crashing",
    "All good now, thanks. Please cancel the duplicate order.",
    "Never mind, found it. Oh and the charger doesn't work",
    "Delivered, thanks. 2 pieces were shattered.",
    "It's here, thanks. Not what I expected though.",
    "Thanks, the parcel came. Box was empty.",
    "Thanks, received. Instructions are in Chinese only.",
    "Thanks. I need it by Friday",
])
def test_thanks_plus_a_remaining_point_needs_a_reply(text):
    assert triage(text)["needs_reply"] is True


def test_a_cue_can_put_its_own_template_first():
    result = triage("Tracking says delivered on Tuesday but nothing was left at my door.")
    assert result["intent"] == "where_is_my_order"
    assert result["templates"][:2] == ["reply-parcel-not-received", "reply-where-is-my-order"]
    assert triage("Where is my parcel?")["templates"][0] == "reply-where-is-my-order"
