"""Phrasing families fixed across the eBay, Walmart and Etsy packs (issue 8, "Measured, not
assumed"), checked where a rule's own examples cannot: per marketplace, and between rules."""
from __future__ import annotations

import pytest

import policy


def _categories(text, marketplace):
    return {f.category for f in policy.check(text, marketplace=marketplace) if f.severity == "block"}


@pytest.mark.parametrize("marketplace,text", [
    ("etsy", "Have a look at the rest of my shop at https://www.etsy.com/shop/WillowAndWax"),
    ("walmart", "Go to https://www.walmart.com/help for the return label."),
    ("ebay", "See the spare lens at https://www.ebay.co.uk/itm/204511223344 if you need one."),
])
def test_an_invitation_to_the_marketplaces_own_site_is_not_contact_off_it(marketplace, text):
    assert "external_contact" not in _categories(text, marketplace)


@pytest.mark.parametrize("marketplace", ("ebay", "walmart", "etsy"))
def test_the_sellers_own_website_is_contact_off_the_marketplace(marketplace):
    assert "external_contact" in _categories("Restocks go up on our website first.", marketplace)


def test_on_amazon_a_web_address_is_a_link_only():
    # Amazon's labelled corpus counts the seller's web address as a link (blocked), not as a
    # second, off-Amazon category: the shared own-website rule is disabled there.
    found = _categories("The sizing guide is on our website at www.willowwax.co.uk/size.", "amazon")
    assert "link" in found and "external_contact" not in found


@pytest.mark.parametrize("text", [
    "Leave me a positive and I'll knock a tenner off the postage.",
    "You gave a neutral. Say the word and 5 quid comes back to you once it's revised.",
])
def test_ebay_bare_feedback_nouns_and_slang_sums_are_inducement(text):
    assert "inducement" in _categories(text, "ebay")


@pytest.mark.parametrize("text", [
    "Connect the negative terminal first, then the red one.",
    "The pregnancy-safe test strips read positive within a minute.",
    "Thanks, I've left you a positive too!",
])
def test_ebay_bare_nouns_in_ordinary_sentences_block_nothing(text):
    assert not _categories(text, "ebay")


def test_asking_for_positive_feedback_stays_allowed_on_ebay_only():
    text = "Hope you love it! A positive would make my day."
    assert not _categories(text, "ebay")
    assert "review_manipulation" in _categories("Hope you love it! A positive review would make my day.", "walmart")
