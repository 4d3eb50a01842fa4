"""Fixes to the common layer that the eBay, Walmart and Etsy development sets showed were
needed; they hold on every marketplace, Amazon included."""
from __future__ import annotations

import pytest

import policy


@pytest.mark.parametrize("marketplace", ("amazon", "ebay", "walmart", "etsy"))
def test_a_spaced_ups_tracking_number_is_not_a_phone_number(marketplace):
    text = "Posted with UPS today. Tracking: 1Z 999 AA1 01 2345 6784."
    assert "phone_number" not in {f.category for f in policy.check(text, marketplace=marketplace)}


def test_a_phone_number_next_to_a_ups_tracking_number_is_still_found():
    text = "Tracking 1Z 999 AA1 01 2345 6784, or ring 0161 496 0733."
    spans = [text[f.start:f.end].strip() for f in policy.check(text) if f.category == "phone_number"]
    assert spans == ["0161 496 0733"]
