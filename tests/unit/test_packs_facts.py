"""Marketplace facts the eBay, Walmart and Etsy packs needed: one rule's severity changed
without copying it ([rule_severity]) and a marketplace's own help line
(allowed_phone_numbers); plus the packs' facts themselves."""
from __future__ import annotations

import pytest

import policy
from policy import PolicyError
from policy.engine import load_policy_from
from policy.marketplace import load_marketplace
from tests import throwaway


def _with_facts(tmp_path, extra: str):
    folder = throwaway.build(tmp_path)
    path = folder / "marketplace.toml"
    path.write_text(extra + "\n" + path.read_text())
    return folder


def test_rule_severity_changes_one_included_rule_only(tmp_path):
    loaded = load_policy_from(_with_facts(tmp_path, 'rule_severity = { "promotional.coupon" = "warn" }'))
    severity = {r.id: r.severity for r in loaded.rules}
    assert severity["promotional.coupon"] == "warn"
    assert severity["promotional.sale"] == "block"
    assert {f.severity for f in loaded.check("Use code SPRING10 at checkout.")} == {"warn"}


@pytest.mark.parametrize("extra,problem", [
    ('rule_severity = { "promotional.coupons" = "warn" }', "no rule 'promotional.coupons'"),
    ('rule_severity = { "promotional.coupon" = "off" }', "is not block or warn"),
    ('allowed_phone_numbers = ["call us"]', "is not a phone number"),
])
def test_bad_facts_are_refused_naming_the_problem(tmp_path, extra, problem):
    with pytest.raises(PolicyError, match=problem):
        load_policy_from(_with_facts(tmp_path, extra))


def test_an_allowed_phone_number_is_not_flagged_in_any_spelling(tmp_path):
    loaded = load_policy_from(_with_facts(tmp_path, 'allowed_phone_numbers = ["1-800-925-6278"]'))
    for text in ("Customer Care: 1-800-925-6278.", "Customer Care: (800) 925-6278.",
                 "Customer Care: +1 800 925 6278."):
        assert "phone_number" not in {f.category for f in loaded.check(text)}, text
    assert "phone_number" in {f.category for f in loaded.check("Our line: (800) 925-6279.")}


def test_walmart_customer_care_passes_on_walmart_only():
    text = "Walmart Customer Care can also help at 1-800-925-6278."
    assert "phone_number" not in {f.category for f in policy.check(text, marketplace="walmart")}
    assert "phone_number" in {f.category for f in policy.check(text, marketplace="etsy")}


@pytest.mark.parametrize("marketplace,hours,applies_to,example", [
    ("ebay", 24, "every_message", "12-34567-89012"),
    ("walmart", 48, "every_message", "1088234567123"),
    ("etsy", 24, "first_message", "3094857261"),
])
def test_pack_facts(marketplace, hours, applies_to, example):
    facts = load_marketplace(marketplace)
    assert facts.reply_clock.hours == hours and facts.reply_clock.applies_to == applies_to
    assert facts.order_id.example == example and facts.order_id.matches(example)
    assert facts.review_requests.allowed and facts.review_requests.once_per_order
    assert "no_response_needed" not in facts.wording or marketplace != "walmart"


def test_interface_wording_is_each_marketplaces():
    assert load_marketplace("ebay").wording["seller_tool"] == "Seller Hub"
    assert load_marketplace("walmart").wording["seller_tool"] == "Seller Center"
    assert load_marketplace("etsy").wording["seller_tool"] == "Shop Manager"
    assert load_marketplace("etsy").wording["messages_page"] == "Etsy Messages"
