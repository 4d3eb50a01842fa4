"""The eBay, Walmart and Etsy packs: what each marketplace allows or forbids differently.

Each case is a message whose verdict depends on the marketplace: the same text checked
against two packs must block on one and pass on the other. The wording is this file's
own (not taken from the development sets).
"""
from __future__ import annotations

import pytest

import policy

PACKS = ("ebay", "walmart", "etsy")


def blocks(text: str, marketplace: str) -> bool:
    return any(f.blocks for f in policy.check(text, marketplace=marketplace))


def categories(text: str, marketplace: str) -> set[str]:
    return {f.category for f in policy.check(text, marketplace=marketplace)}


@pytest.mark.parametrize("marketplace", PACKS)
def test_each_pack_loads_with_rules_and_templates(marketplace):
    loaded = policy.load_policy(marketplace)
    assert loaded.marketplace == marketplace
    assert len(loaded.rules) > 20  # the common layer plus the pack's own
    assert len(loaded.templates) >= 8


# --------------------------------------------------------------------- eBay

@pytest.mark.parametrize("text", [
    "If the lamp arrived safely and you're pleased with it, positive feedback would make my day.",
    "Happy with your purchase? I'd be grateful for 5 stars on the detailed seller ratings.",
    "Any problem at all, get in touch before leaving neutral or negative feedback and I'll put it right.",
    "Pleased with the boots? Please leave me 5 stars feedback; if not, message me first.",
])
def test_ebay_allows_what_amazon_blocks(text):
    assert not blocks(text, "ebay"), policy.check(text, marketplace="ebay")
    assert blocks(text, "amazon")


@pytest.mark.parametrize("text", [
    "Now the return is closed I've sent a Feedback Revision Request through eBay; it's your call.",
    "The case is resolved, so I've requested a feedback revision; accept it only if you feel it's fair.",
])
def test_ebay_allows_a_revision_through_its_own_process(text):
    assert not blocks(text, "ebay"), policy.check(text, marketplace="ebay")
    assert blocks("Please revise your feedback now that it's resolved.", "ebay")


@pytest.mark.parametrize("text,category", [
    ("Leave me positive feedback before I post your parcel.", "inducement"),
    ("Give me good feedback and I will give you good feedback.", "inducement"),
    ("I'll refund you the 8 pounds once you change the neutral to a positive.", "inducement"),
    ("You have to give me all 5 stars, nothing less.", "review_manipulation"),
    ("Do not give me negative feedback.", "review_manipulation"),
    ("Please delete the negative feedback, it was the courier's fault.", "review_manipulation"),
    ("We can skip the listing and deal directly, it saves us both the eBay fees.", "external_contact"),
    ("Pay me by bank transfer and I'll post it today.", "external_contact"),
])
def test_ebay_blocks_extortion_revision_demands_and_off_ebay_deals(text, category):
    assert blocks(text, "ebay")
    assert category in categories(text, "ebay")


def test_ebay_order_numbers_and_emoji():
    assert not blocks("Your order 12-34567-89012 was posted today 👍", "ebay")
    assert blocks("Your order 12-34567-89012 was posted today 👍", "amazon")


# ------------------------------------------------------------------ Walmart

@pytest.mark.parametrize("text", [
    "You can also reach Walmart Customer Care at help.walmart.com for a missing delivery.",
    "Please start the return from Purchase History on Walmart.com.",
    "Walmart Customer Care is available at 1-800-925-6278 as well.",
])
def test_walmart_allows_its_own_help_channels(text):
    assert not blocks(text, "walmart"), policy.check(text, marketplace="walmart")


@pytest.mark.parametrize("text,category", [
    ("Call our returns desk on 866-555-0110 instead.", "phone_number"),
    ("Write to us at help@oakandiron-store.com.", "email_address"),
    ("If you're satisfied with the desk, please review it on Walmart.com!", "review_manipulation"),
    ("Post a review and we'll send you a $5 gift card.", "inducement"),
    ("Please don't leave a negative review, message us instead.", "review_manipulation"),
    ("Let us handle the return outside Walmart, it's quicker.", "external_contact"),
])
def test_walmart_blocks_off_walmart_contact_and_review_rules(text, category):
    assert blocks(text, "walmart")
    assert category in categories(text, "walmart")


# --------------------------------------------------------------------- Etsy

@pytest.mark.parametrize("text", [
    "Your wreath is on its way 🎄✨ Thank you!",
    "Here's my shop with the other sizes: https://www.etsy.com/shop/FernAndFable",
    "The matching pair is here: etsy.com/listing/1234567890/fern-earrings",
    "Here's my shop: fernandfable.etsy.com 😊",
])
def test_etsy_allows_emoji_and_its_own_shop_links(text):
    assert not blocks(text, "etsy"), policy.check(text, marketplace="etsy")
    assert blocks(text, "amazon")


@pytest.mark.parametrize("text,category", [
    ("Send the payment to my PayPal directly and I'll start today.", "external_contact"),
    ("I only take bank transfers for commissions.", "external_contact"),
    ("My own site has it for less: www.fernandfable.com", "link"),
    ("Leave a 5-star review and I'll pop a free bookmark in your next order.", "inducement"),
    ("Please chip in to my GoFundMe for a new sewing machine.", "promotional"),
    ("Message me on WhatsApp instead 😊", "external_contact"),
])
def test_etsy_blocks_off_etsy_payment_other_sites_and_incentives(text, category):
    assert blocks(text, "etsy")
    assert category in categories(text, "etsy")


@pytest.mark.parametrize("marketplace", PACKS)
def test_common_rules_hold_everywhere(marketplace):
    for text in ("Email me at rae.studio@gmail.com", "Call me on +1 415 555 0123",
                 "<b>Thanks</b> for your order", "You absolute idiot."):
        assert blocks(text, marketplace), (marketplace, text)
