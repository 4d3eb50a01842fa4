"""The engine end to end: context beats keywords, disguises, offsets, merging, context rules."""
from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from policy import check, load_policy


def categories(text, **kw):
    return {f.category for f in check(text, **kw)}


def blocks(text, **kw):
    return any(f.severity == "block" for f in check(text, **kw))


# -- context beats keywords -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We have issued a full refund for the damaged kettle.",
    "A free replacement ships today, and there is nothing to send back.",
    "Please review the attached instructions before the first use.",
    "We reviewed your photos and the refund is on its way.",
    "We'll refund you in full as soon as we review the pictures.",
    "Your refund is processed. When you have time, we'd welcome an honest review.",
    "We'll send a new charger regardless of whether you leave a review.",
    "Here's a $10 credit for the late delivery - no review needed, of course.",
    "Feel free to write a review whenever suits you.",
])
def test_customer_service_with_value_words_passes(text):
    assert "inducement" not in categories(text), check(text)
    assert not blocks(text)


@pytest.mark.parametrize("text", [
    "We will refund the full price once you post a review.",
    "Drop us a review and we'll mail you a twenty dollars voucher.",
    "Leave feedback, then send us a screenshot to get your cashback.",
    "We'll send you a free replacement if you change your rating to five.",
    "Happy to give you 50% off your next order for an honest review.",
    "We've refunded your order. In exchange, please delete your review.",
])
def test_value_in_exchange_for_a_review_is_inducement(text):
    assert "inducement" in categories(text), check(text)
    assert blocks(text)


def test_discount_for_review_is_inducement_not_also_promotional():
    found = categories("Write a review and get 20% off your next order!")
    assert "inducement" in found and "promotional" not in found


def test_coupon_without_review_is_promotional():
    assert "promotional" in categories("Sorry for the delay! Use code SORRY15 for 15% off next time.")


# -- review manipulation -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Please consider a 5⭐ review!",
    "★★★★★ would mean a lot to us.",
    "Would you leave us a f i v e - s t a r review?",
    "Could you give us five stars?",
    "If you loved it, please leave a review; if not, contact us first.",
    "Please don't leave negative feedback before talking to us.",
    "Now that it's fixed, could you update your feedback?",
])
def test_review_manipulation(text):
    assert "review_manipulation" in categories(text), check(text)


@pytest.mark.parametrize("text", [
    "We'd appreciate an honest review of the lamp, whatever your experience.",
    "The set has 5 stars, 2 moons and a comet.",
    "Connect the negative wire to the black terminal.",
])
def test_neutral_review_wording_passes(text):
    assert "review_manipulation" not in categories(text)


# -- disguises and offsets ------------------------------------------------------------

def test_offsets_point_into_the_original_text_through_disguises():
    text = "Hi! Leave a 5-st\u0430r r\u200beview and you get a gift card."  # Cyrillic a, ZWSP
    findings = check(text)
    review = next(f for f in findings if f.category == "review_manipulation")
    assert text[review.start:review.end] == "5-st\u0430r r\u200beview"
    assert review.excerpt == text[review.start:review.end]
    assert review.replacements == ("review",)
    assert any(f.category == "inducement" for f in findings)


def test_fullwidth_and_spelled_out_words():
    assert "external_contact" in categories("Message us on ＷｈａｔｓＡｐｐ please")
    assert "promotional" in categories("Join our n e w s l e t t e r today")


# -- merging and order -----------------------------------------------------------------

def test_one_finding_per_category_and_span_sorted_by_start():
    text = "Give us a 5-star review!!! Visit our storefront and follow us."
    findings = check(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    spans = [(f.category, f.start, f.end) for f in findings]
    assert len(spans) == len(set(spans))
    for a in findings:
        for b in findings:
            if a is not b and a.category == b.category:
                assert a.end <= b.start or b.end <= a.start  # no overlap within a category


def test_finding_shape():
    f = check("Use code SAVE10 at checkout.")[0]
    d = f.to_dict()
    assert set(d) == {"rule", "category", "severity", "start", "end", "excerpt", "message",
                      "source", "suggestions", "replacements"}
    assert d["rule"].startswith("promotional.") and d["severity"] == "block"


def test_clean_message_has_no_findings():
    text = ("Hello Ms. Reyes,\n\nYour order 112-1234567-1234567 left our warehouse today; "
            "the courier expects to deliver it on Thursday.\n\nKind regards,\nOak & Ember")
    assert check(text) == []


# -- formatting, not permitted ------------------------------------------------------------

def test_line_breaks_crlf_counts_as_one():
    assert "formatting" not in categories("Hello,\r\n\r\nThanks")
    found = [f for f in check("Hello,\r\n\r\n\r\nThanks") if f.category == "formatting"]
    assert found and found[0].severity == "warn" and found[0].replacements == ("\n\n",)


def test_shouting_is_a_warning_and_acronyms_are_not_shouting():
    assert "formatting" in categories("PLEASE DO NOT RETURN THE ITEM without a label.")
    assert "formatting" not in categories("It ships via USPS with an LED, a USB-C cable and a PDF.")
    assert not blocks("PLEASE DO NOT RETURN THE ITEM without a label.")


def test_thanks_only_message_is_not_permitted_warning():
    found = check("Thanks so much for your purchase! We appreciate you.")
    assert [f.category for f in found] == ["not_permitted"]
    assert found[0].severity == "warn" and (found[0].start, found[0].end) == (0, 0)
    assert "not_permitted" not in categories(
        "Thanks for your order! The grey colour is sold out; shall we send the blue one?")


# -- context rules ---------------------------------------------------------------------------

REVIEW_REQUEST = "We hope the lamp works well. We'd welcome your honest review on Amazon."


def test_review_window_too_early_and_too_late():
    early = check(REVIEW_REQUEST, template="review-request",
                  context={"order_id": "112-1234567-1234567", "delivered_on": "2026-11-02",
                           "today": "2026-11-05"})
    timing = [f for f in early if f.category == "timing"]
    assert timing and "2026-11-07" in timing[0].message and timing[0].severity == "block"
    assert (timing[0].start, timing[0].end, timing[0].excerpt) == (0, 0, "")
    late = check(REVIEW_REQUEST, template="review-request",
                 context={"order_id": "112-1234567-1234567", "delivered_on": "2026-10-01",
                          "delivered_latest": "2026-10-03", "today": "2026-11-03"})
    assert any(f.category == "timing" and "2026-11-02" in f.message for f in late)
    inside = check(REVIEW_REQUEST, template="review-request",
                   context={"order_id": "112-1234567-1234567", "delivered_on": "2026-10-01",
                            "delivered_latest": "2026-10-03", "today": "2026-11-02"})
    assert "timing" not in {f.category for f in inside}


def test_timing_needs_a_review_request_and_dates():
    early = {"delivered_on": "2026-11-02", "today": "2026-11-03"}
    # a review request is one wherever it is written (issue 7, item 4) ...
    assert "timing" in categories(REVIEW_REQUEST, context=early)
    # ... but a message that asks for none is not, and without dates the rule is silent
    assert "timing" not in categories("Your lamp ships on Monday.", context=early)
    assert "timing" not in categories(REVIEW_REQUEST, template="review-request")


def test_repeat_request_names_the_earlier_date():
    found = check(REVIEW_REQUEST, template="review-request",
                  context={"order_id": "112-1234567-1234567", "previous_request_on": "2026-10-20"})
    repeat = [f for f in found if f.category == "repeat_request"]
    assert repeat and "2026-10-20" in repeat[0].message and repeat[0].severity == "block"
    assert "repeat_request" in categories(REVIEW_REQUEST, context={"previous_request_on": "2026-10-20"})
    assert "repeat_request" not in categories("Your lamp ships on Monday.",
                                              context={"previous_request_on": "2026-10-20"})


def test_missing_order_id_only_for_proactive_templates():
    text = "Your sofa ships on Monday in two boxes."
    order = {"order_id": "112-1234567-1234567"}
    assert "missing_content" in categories(text, template="shipping-delay")
    # The buyer reads the text, not the context: an ID in context alone is not enough.
    assert "missing_content" in categories(text, template="shipping-delay", context=order)
    assert "missing_content" not in categories(text + " Order 112-1234567-1234567.",
                                               template="shipping-delay")
    assert "missing_content" not in categories(text + " Order 112-1234567-1234567.",
                                               template="shipping-delay", context=order)
    other = [f for f in check(text + " Order 112-7654321-7654321.", template="shipping-delay",
                              context=order) if f.category == "missing_content"]
    assert other and "112-1234567-1234567" in other[0].message and other[0].severity == "warn"
    assert "missing_content" not in categories(text, template="reply-product-question")
    assert "missing_content" not in categories(text)


def test_length_limit_from_template_or_2000():
    text = "Please confirm the engraving text for order 112-1234567-1234567. " * 14  # 910 chars
    assert "length" not in categories(text)
    over = [f for f in check(text, template="confirm-customization-details")
            if f.category == "length"]
    # an SP-API type refuses longer text: blocking; the highlight starts on a word edge
    assert over and over[0].end == len(text.rstrip()) and over[0].severity == "block"
    assert over[0].start <= 800 and text[over[0].start - 1] == " "
    assert "800" in over[0].message and "910" in over[0].message
    long = [f for f in check("word " * 401) if f.category == "length"]
    assert long and long[0].start == 2000 and long[0].severity == "warn"
    assert "missing_content" not in categories("word " * 401)


def test_template_object_and_unknown_template_id():
    stand_in = SimpleNamespace(kind="proactive", max_length=10)
    assert "length" in categories("A message longer than ten.", template=stand_in)
    with pytest.raises(ValueError, match="unknown template"):
        check("Hello", template="no-such-template")


def test_policy_is_loaded_once():
    assert load_policy("amazon") is load_policy("amazon")


def test_hostile_input_finishes():
    text = ("leave a review and get . " * 800 + "a@b. " * 2000 + "1-2 " * 3000 + "\u200b" * 5000)
    start = time.perf_counter()
    check(text)
    assert time.perf_counter() - start < 10  # generous: a guard against catastrophic backtracking


# -- paraphrases (fresh wording, not the corpus's) ------------------------------------------

@pytest.mark.parametrize("text,category", [
    ("If you could spare a minute to rate the toaster on Amazon, we'll pop a $5 voucher in the post.", "inducement"),
    ("Reviewers of our candles get a bonus wick trimmer.", "inducement"),
    ("Send us a link to your review and we'll refund 50%.", "inducement"),
    ("We will give you an extra year of warranty for your feedback.", "inducement"),
    ("Your honest review earns you an entry into our monthly prize draw!", "inducement"),
    ("We'll happily send you a second unit at no cost once your review is up.", "inducement"),
    ("Get a full refund after leaving your review - just send the link!", "inducement"),
    ("Could you please be so kind as to give us full marks?", "review_manipulation"),
    ("We'd really appreciate five stars from you!", "review_manipulation"),
    ("Your 1-star review hurts our business. Please reconsider it.", "review_manipulation"),
    ("We'd appreciate it if you took down your negative review.", "review_manipulation"),
    ("Please only leave a review if you are happy with it.", "review_manipulation"),
    ("Satisfied? Leave us a review. Not satisfied? Contact us before reviewing.", "review_manipulation"),
    ("Tell your friends: refer a friend and you both get 10% off!", "promotional"),
    ("Psst... our holiday gift guide is out now - you'll love our new candles.", "promotional"),
    ("Buy 2 get 1 free this week!", "promotional"),
    ("Ping us on WhatsApp for faster service.", "external_contact"),
    ("Our customer service team can be reached at 1-800-555-0199.", "external_contact"),
    ("Please contact me at my personal email so we can settle this.", "external_contact"),
    ("What a bunch of morons you people are.", "sensitive"),
    ("Dont be an idiot, the charger is in the box.", "sensitive"),
    ("This is sh**t service.", "sensitive"),
    ("HUGE SALE!!! 50% OFF EVERYTHING NOW", "formatting"),
    ("What the f**k did you do to the box?", "sensitive"),
    ("Prior to leaving a review, please reach out to us so we can fix any issue.", "review_manipulation"),
    ("We noticed you gave us 2 stars. We'd be grateful if you could raise it now.", "review_manipulation"),
    ("Join our loyalty programme: every review earns 200 points towards free products.", "inducement"),
    ("Can we talk over the phone instead? It would be quicker.", "external_contact"),
    ("Please do not open case with Amazon, we refund you directly by PayPal.", "external_contact"),
    ("Your complaint is ridiculous and we will not answer again.", "sensitive"),
])
def test_paraphrases_are_caught(text, category):
    assert category in categories(text), check(text)


@pytest.mark.parametrize("text", [
    "We're sorry the kettle arrived dented; a full refund has been issued today.",
    "We reviewed the video you sent and a replacement is on its way at no cost.",
    "Your order will be picked up by the courier; UPS will call you to arrange a time.",
    "Sorry, we're not able to continue over WhatsApp; please keep replying here.",
    "Your feedback about the fit helps us; we have sent a larger size at no charge.",
    "The sale price you paid is correct; the listing changed afterwards.",
    "The item you ordered is part of our lighting collection, model LC-20.",
    "It's a terrible feeling to receive a broken item, and we're sorry.",
    "We refunded you, thanks for leaving a review.",
    "We'd love to hear your thoughts. Please leave a review. If you have any issues, please contact us here.",
    "The promo code field at checkout was not applied to your order; we refunded the difference.",
    "Thanks for your feedback on the size. We will change it on the listing.",
    "Your complaint about the smell is fair; the new batch uses a different glue and we're sending one free.",
    "I'm sorry, that was a stupid mistake on our part.",
    "Hello, the new collection date for your return is Tuesday; the courier will text you a time slot.",
    "Dear Mr. Patel, I understand you'd prefer to talk by phone, but we can only help through Amazon messages.",
    "Dear customer, we never ask buyers to leave positive reviews, and we don't offer anything for reviews.",
    "Hi, the 'free' label on the listing refers to free returns within 30 days, which still applies.",
    "Hi Tom, your review of the assembly instructions was helpful; we've updated the PDF for everyone.",
    "Hi Dana, we can't offer a discount, but we can send a replacement hinge free of charge.",
    "Please don't file a claim with the carrier, we already did.",
])
def test_look_alikes_pass(text):
    assert not blocks(text), check(text)


@pytest.mark.parametrize("text,flagged", [
    ("We have received your order and will ship it within 2 business days. Thank you!", True),
    ("Hi Tom, your order has been dispatched and should arrive tomorrow. Thanks for shopping with us.", True),
    ("Hello, we are here to help with anything you need regarding your order.", True),
    ("Your replacement will ship tomorrow; sorry about the cracked lid.", False),
    ("We received your return and the refund will be sent within 2 days.", False),
])
def test_confirmations_and_courtesy_only(text, flagged):
    assert ("not_permitted" in categories(text)) is flagged
    assert not blocks(text)


def test_unknown_marketplace_is_a_policy_error():
    from policy import PolicyError
    with pytest.raises(PolicyError):
        check("Hello", marketplace="../etc")
    with pytest.raises(PolicyError):
        load_policy("nowhere")


def test_offer_in_a_list_item_after_the_review_item():
    text = "Special offer for our reviewers:\n- Write a review\n- Get 20% off your next order"
    assert "inducement" in categories(text)
    assert "inducement" not in categories("Steps:\n- Unplug the unit\n- Get a towel ready")


def test_every_proactive_template_carries_its_order_id_in_the_text():
    policy = load_policy("amazon")
    missing = {}
    for t in policy.templates.values():
        values = t.example_values()
        context = {"order_id": values.get("order_id", "112-1234567-1234567")}
        found = [f.rule for f in policy.check(t.render(values), template=t.id, context=context)
                 if f.category == "missing_content"]
        if found:
            missing[t.id] = found
    assert missing == {}
