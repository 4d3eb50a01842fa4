"""The wording families the blind seller_final set exposed (masked profanity, veiled and
legal threats, indirect rewards, shipping-only messages, short product links, Amazon-thread
contact). Each family: paraphrases that must be flagged with the category, and ordinary
customer service using the same words that must not. None is copied from a corpus."""
from __future__ import annotations

import pytest

from policy import check


def _categories(text):
    return {f.category for f in check(text)}


FLAGGED = [
    # masked profanity: symbols inside or instead of letters
    ("Enough of this cr*p about late parcels.", "sensitive"),
    ("Who the f*** opens three claims?", "sensitive"),
    ("Stop the f#cking complaints.", "sensitive"),
    ("That claim is total bullsh!t.", "sensitive"),
    ("Your story is b*llsh*t and you know it.", "sensitive"),
    ("Don't be such a pain in the a**.", "sensitive"),
    ("This $hit is getting old.", "sensitive"),
    ("Honestly, you are an @ss.", "sensitive"),
    ("Spare me the bulls**t.", "sensitive"),
    # veiled and legal threats
    ("We know where you live from the label. Be careful what you write next.", "sensitive"),
    ("We have your full address, so think twice before complaining again.", "sensitive"),
    ("Think very hard before you open one more case against us.", "sensitive"),
    ("Our solicitors are going to be in touch.", "sensitive"),
    ("Expect a call from our legal team.", "sensitive"),
    ("We will take legal action if the review stays up.", "review_manipulation"),
    ("Carry on like this and, believe me, you don't want to see what comes next.", "sensitive"),
    ("Delete the review today or our attorneys will be in touch.", "review_manipulation"),
    # indirect rewards for a review
    ("Share a few honest words on the listing and we'll make it worth your while.", "inducement"),
    ("Post your review, then drop us a line here. You might just find a little surprise in the next parcel.", "inducement"),
    ("As a thank-you for reviewing it, we'll tuck a bonus filter into your next delivery.", "inducement"),
    ("Once you have written your review, reply DONE and we will send your surprise.", "inducement"),
    ("Every rating left this month enters you into our giveaway for a free blender.", "inducement"),
    ("We refund you all the money and you keep it. The only thing we ask is you delete your comment.", "inducement"),
    ("We refund you all the money and you keep it. The only thing we ask is you delete your comment.", "review_manipulation"),
    ("We pay back the shipping, all we ask is that you remove the negative evaluation.", "inducement"),
    # promotional
    ("Want a second one for the kitchen? Here you go: amzn.to/2Bc9XyZ", "promotional"),
    ("Our web shop has the same grinder 15% cheaper.", "promotional"),
    ("Order from our own online store next time and skip the Amazon fees, it's cheaper.", "promotional"),
    # external contact
    ("Please reply to accounts@hollin-tools.example with your VAT number.", "external_contact"),
]

PASSED = [
    "Send the photos here; please don't use our email, help@ourshop.example is not monitored.",
    "Prices marked * include VAT; see the note below.",
    "Contact: sales@crap-free.example",
    "We have your address as 4 Mill Lane; is that still right?",
    "If you don't want that colour, we can swap it for grey.",
    "Our lawyers will be in touch with the courier about the damaged pallet.",
    "Think carefully before you choose the size: the 40 cm one is small.",
    "There might be a short delay with your next parcel because of the holiday.",
    "We included the missing screws in your replacement parcel.",
    "The only thing we ask is that you return the item in its original box.",
    "Please remove the comment from the gift note field so we can reprint it.",
    "Thank you for reviewing the attached invoice; the VAT line is now correct.",
    "Please contact us directly through this Amazon chat if a part is missing.",
    "HomeGlow Lighting\nHotline: 0800 123 4567",
    "Replacement shipped. Tracking: 1Z999AA10123456784",
    "Mail x@ss.example for help.",
    "Total $100, shipping $5.",
    "We will take legal action against the courier for the lost pallet.",
    "Our website lists the user manual in more languages.",
]

SHIPPING_ONLY = [
    "Hi Ana, your parcel was handed to DHL this morning, tracking 1234 5678 9012. Thanks!",
    "Your order 114-5556667-7778889 has been dispatched with Royal Mail and should arrive in 1-2 working days.",
    "Hello Tom, we just wanted you to know our support team is always here to help. Have a good day!",
    "Just letting you know we are here if you need anything. Best wishes!",
]


@pytest.mark.parametrize("text,category", FLAGGED)
def test_family_is_flagged(text, category):
    assert category in _categories(text), text


@pytest.mark.parametrize("text", PASSED)
def test_ordinary_wording_passes(text):
    assert not [f for f in check(text) if f.severity == "block" and f.category
                not in ("email_address", "phone_number", "link")], text


@pytest.mark.parametrize("text", SHIPPING_ONLY)
def test_shipping_or_help_only_message_is_not_permitted(text):
    findings = check(text)
    assert {f.category for f in findings} == {"not_permitted"}, text
    assert all(f.severity == "warn" for f in findings)


def test_a_replacement_shipping_note_is_not_no_content():
    assert "not_permitted" not in _categories("Your replacement was handed to Evri today, tracking 7788 9900 1122.")
