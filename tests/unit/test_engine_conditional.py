"""A review request that depends on the buyer being happy is review_manipulation, however
it is phrased; its one-click fix gives a sentence that passes."""
from __future__ import annotations

import pytest

from policy import check

CONDITIONAL = [
    "If you are pleased with the replacement, a review would be much appreciated.",
    "Happy with it? Leave us a review!",
    "Loved it? Tell others in a review.",
    "If you're happy with your new kettle, please leave us a review.",
    "If you love the rug, we'd be grateful for a review on Amazon.",
    "Should you be satisfied with the lamp, please consider writing a review.",
    "Should you feel happy with the service, a quick review would help us.",
    "When you're happy with the fit, we'd love your feedback.",
    "When you are pleased with it, please share your experience in a review.",
    "Once you're satisfied with the repair, could you rate us on Amazon?",
    "As long as you're happy with it, a review would mean a lot.",
    "Please leave a review if you enjoyed using it.",
    "We'd appreciate a review if you liked the mug.",
    "Enjoying your new headphones? Please rate them on Amazon.",
    "Are you happy with your purchase? We'd love a review.",
    "Delighted with the blender? Then tell others in a review!",
    "Satisfied with your order? Leave us some feedback on Amazon.",
    "Is everything perfect? A quick review would help us a lot.",
    "If everything arrived as expected, we'd welcome your feedback.",
    "Hi Sam, if you're really happy with the chair, please write a short review.",
]

NEIGHBOURS = [
    "If you have any problem, contact us.",
    "Happy to help. If you have a moment, an honest review helps.",
    "If you're happy with the size, we'll ship it today.",
    "If you like, you can leave a review on Amazon.",
    "Feel free to leave a review whenever you like.",
    "Happy with the colour? Reply and we'll send the matching cover.",
    "If you love the colour, the matching lid is in the box.",
    "We hope you're happy with the replacement. An honest review, good or bad, helps others.",
    "If you are not happy with it, message us and we will refund you.",
    "We're glad you like it! Thanks for the review you left last week.",
    "If the fit is not right, we can exchange it.",
]


@pytest.mark.parametrize("text", CONDITIONAL)
def test_a_conditional_review_request_is_flagged(text):
    found = [f for f in check(text) if f.category == "review_manipulation" and f.blocks]
    assert found, text


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_neighbours_pass(text):
    assert [f.rule for f in check(text) if f.category == "review_manipulation"] == []


def _apply(text: str, f) -> str:
    return text[:f.start] + f.replacements[0] + text[f.end:]


@pytest.mark.parametrize("text,fixed", [
    ("If you are pleased with the replacement, a review would be much appreciated.",
     "If you have a moment, a review would be much appreciated."),
    ("Happy with it? Leave us a review!", "Have a moment? Leave us a review!"),
    ("Loved it? Tell others in a review.", "Have a moment? Tell others in a review."),
    ("Please leave a review if you enjoyed using it.",
     "Please leave a review if you have a moment."),
    ("We'd be grateful for a positive review.", "We'd be grateful for an honest review."),
])
def test_the_fix_removes_the_condition_and_reads_well(text, fixed):
    found = [f for f in check(text) if f.category == "review_manipulation" and f.replacements]
    assert found
    assert _apply(text, found[0]) == fixed
    assert [f for f in check(fixed) if f.category == "review_manipulation"] == []
