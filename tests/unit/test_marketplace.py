"""Marketplace facts are data: policy/<marketplace>/marketplace.toml, validated at start, and
a marketplace folder includes policy/common/ and overlays it by rule id."""
from __future__ import annotations

import textwrap

import pytest

import policy
from policy import PolicyError
from policy.engine import load_policy_from
from policy.marketplace import (default_marketplace, load_marketplace, load_marketplace_from,
                                marketplace_ids)
from tests import throwaway


def test_every_folder_with_a_facts_file_is_a_marketplace():
    assert "amazon" in marketplace_ids()
    assert "common" not in marketplace_ids()


def test_the_amazon_facts_hold_what_code_used_to_hard_code():
    facts = load_marketplace("amazon")
    assert facts.order_id.matches("112-1234567-1234567")
    assert not facts.order_id.matches("12-34567-89012")
    assert facts.message_kinds["createDigitalAccessKey"].max_length == 400
    assert facts.reply_clock.hours == 24 and facts.reply_clock.counts_weekends
    assert (facts.review_requests.opens_after_days, facts.review_requests.closes_after_days) == (5, 30)
    assert facts.names()["external_contact"] == "Contact off Amazon"
    assert facts.wording["seller_tool"] == "Seller Central"


def test_default_marketplace_comes_from_the_environment_then_the_data(monkeypatch):
    monkeypatch.delenv("MARKETPLACE", raising=False)
    assert default_marketplace() == "amazon"
    monkeypatch.setenv("MARKETPLACE", "testmart")
    assert default_marketplace() == "testmart"


def _facts_error(tmp_path, old: str, new: str) -> str:
    folder = throwaway.build(tmp_path)
    path = folder / "marketplace.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(PolicyError) as caught:
        load_marketplace_from(folder)
    message = str(caught.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize("old,new,problem", [
    ('name = "Testmart"', 'name = "Testmart"\ncolour = "red"', "unknown key(s) colour"),
    ("hours = 72", 'hours = "72"', "[reply_clock]: key 'hours' must be a whole number"),
    ("hours = 72", "hourz = 72", "[reply_clock]: unknown key(s) hourz"),
    ("['TM-\\d{6}']", "['(\\d+)+x']", "not linear-time safe"),
    ("['TM-\\d{6}']", "['^TM-\\d{6}$']", "write the bare format"),
    ('example = "TM-123456"', 'example = "TM-12"', "example 'TM-12' matches no pattern"),
    ('template_kind = "first"', 'template_kind = "letter"', "unknown template kind(s) letter"),
    ('emoji = { severity = "off" }', 'emoji = { severity = "loud" }', "severity must be one of"),
    ('emoji = { severity = "off" }', 'emojis = { severity = "off" }', "unknown category 'emojis'"),
    ('applies_to = "first_message"', 'applies_to = "sometimes"', "applies_to must be one of"),
    ('customer = "customer"\n', '', "[wording]: missing key 'customer'"),
])
def test_a_malformed_facts_file_names_file_key_and_problem(tmp_path, old, new, problem):
    assert problem in _facts_error(tmp_path, old, new)


def test_a_throwaway_marketplace_includes_common_and_its_own_rules(tmp_path):
    loaded = load_policy_from(throwaway.build(tmp_path))
    ids = {r.id for r in loaded.rules}
    assert "promotional.bargain-bin" in ids and "email_address.address" in ids
    assert "emoji.emoji" not in ids            # [categories] emoji = "off"
    found = {f.rule: f for f in loaded.check("More bargains! Write to sam@example.com 😊")}
    # (common rules hold too: "write to <address>" invites the buyer off the marketplace)
    assert set(found) == {"promotional.bargain-bin", "email_address.address",
                          "external_contact.contact-detail-invitation"}
    # wording filled into the shared rule's message and the own rule's
    assert "Testmart messaging" in found["email_address.address"].message
    assert found["promotional.bargain-bin"].message.endswith("Testmart does not allow promotion.")
    assert found["email_address.address"].source.startswith("Testmart Seller Rules")


def test_the_order_id_format_is_the_marketplaces(tmp_path):
    loaded = load_policy_from(throwaway.build(tmp_path))
    template = loaded.templates["testmart-note"]
    assert template.get_field("order_id").pattern == r"^TM-\d{6}$"
    missing = loaded.check("It ships Monday.", template)
    assert [f.rule for f in missing] == ["missing_content.order-id"]
    assert missing[0].message == "Name the order, e.g. TM-123456."
    present = [f.rule for f in loaded.check("Order TM-123456 ships Monday.", template)]
    assert "missing_content.order-id" not in present


def _overlay(tmp_path, rules: str, facts_extra: str = ""):
    folder = throwaway.build(tmp_path)
    (folder / "rules.toml").write_text(textwrap.dedent(rules))
    if facts_extra:
        path = folder / "marketplace.toml"
        path.write_text(facts_extra + "\n" + path.read_text())
    return folder


def test_a_rule_with_a_common_id_replaces_the_common_rule(tmp_path):
    folder = _overlay(tmp_path, '''
        [[rule]]
        id = "email_address.address"
        kind = "phrases"
        category = "email_address"
        severity = "warn"
        source = "inferred"
        message = "Mentions email."
        suggestions = ["Keep it here."]
        patterns = ['\\bemail us\\b']
        examples.flag = ["Email us."]
        examples.pass = ["sam@example.com"]
        ''')
    loaded = load_policy_from(folder)
    assert [r.kind for r in loaded.rules if r.id == "email_address.address"] == ["phrases"]
    # the replacement does not flag the address (the common invitation rule still sees "Write to")
    assert not [f for f in loaded.check("Write to sam@example.com") if f.category == "email_address"]


def test_disabled_rules_and_category_severity(tmp_path):
    folder = _overlay(tmp_path, throwaway.RULES,
                      'disabled_rules = ["phone_number.number"]\n')
    path = folder / "marketplace.toml"
    path.write_text(path.read_text().replace(
        'emoji = { severity = "off" }', 'emoji = { severity = "off" }\nsensitive = { severity = "warn" }'))
    loaded = load_policy_from(folder)
    assert "phone_number.number" not in {r.id for r in loaded.rules}
    assert {r.severity for r in loaded.rules if r.category == "sensitive"} == {"warn"}
    # no phone finding ("Call" is still an invitation off the marketplace, a common rule)
    assert not [f for f in loaded.check("Call (212) 555-0147.") if f.category == "phone_number"]


def test_disabling_an_unknown_rule_is_an_error(tmp_path):
    folder = _overlay(tmp_path, throwaway.RULES, 'disabled_rules = ["emoji.emojis"]\n')
    with pytest.raises(PolicyError, match="disabled_rules: no rule 'emoji.emojis'"):
        load_policy_from(folder)


def test_templates_refuse_message_kinds_the_marketplace_does_not_have(tmp_path):
    folder = throwaway.build(tmp_path)
    path = folder / "templates.toml"
    path.write_text(path.read_text().replace('message_type = "note"', 'message_type = "sendInvoice"'))
    with pytest.raises(PolicyError, match="unknown message_type 'sendInvoice'"):
        load_policy_from(folder)


def test_common_rules_are_written_once():
    from policy.marketplace import POLICY_ROOT
    from policy.policyfile import read_toml
    ids = lambda folder: {r["id"] for r in read_toml(POLICY_ROOT / folder / "rules.toml", "rules")["rule"]}  # noqa: E731
    common = ids("common")
    amazon = policy.load_policy("amazon")  # keeps every shared rule but those it disables by name
    assert common and common - set(amazon.facts.disabled_rules) <= {r.id for r in amazon.rules}
    for folder in marketplace_ids():  # an override by id is allowed; the shared file holds the rest
        assert len(common & ids(folder)) < len(common) / 2, folder


def test_rule_kinds_read_only_declared_context_keys():
    from policy.context import CONTEXT_KEYS
    from policy.rulekinds import KINDS
    read = {key for kind in KINDS.values() for key in kind.CONTEXT}
    assert read and read <= set(CONTEXT_KEYS)
    assert {"order_id", "delivered_on", "previous_request_on"} <= read


def test_one_cooccurrence_kind_serves_inducement_and_gating():
    rules = {r.id: r for r in policy.load_policy("amazon").rules}
    assert rules["inducement.money-for-review"].kind == "cooccurrence"
    assert rules["review_manipulation.gating"].kind == "cooccurrence"
    assert {"exchange", "gating"}.isdisjoint(__import__("policy.rulekinds").rulekinds.KINDS)


@pytest.mark.parametrize("text,flagged", [
    ("We'll send a bonus if you review it.", True),      # first, `between`, then second
    ("Review it and we'll send a bonus.", True),          # second first: nothing needed
    ("We'll send a bonus. Please review it.", False),     # two sentences, window 1
    ("We'll send a bonus. In return, review it.", True),  # `joins` reads them together
    ("We'll send a bonus whether or not you review it.", False),  # `unless`
])
def test_cooccurrence_options(tmp_path, text, flagged):
    path = tmp_path / "rules.toml"
    path.write_text(textwrap.dedent('''
        [[rule]]
        id = "inducement.t"
        kind = "cooccurrence"
        category = "inducement"
        severity = "block"
        source = "inferred"
        message = "Offer for a review."
        suggestions = ["Remove it."]
        first = ['\\bbonus\\b']
        second = ['\\breview it\\b']
        between = ['\\bif you\\b', '\\bin return\\b']
        joins = ['\\bin return\\b']
        unless = ['\\bwhether or not\\b']
        examples.flag = ["A bonus if you review it."]
        examples.pass = ["A bonus."]
        '''))
    from policy.loader import load_rules
    from policy.textview import MessageView
    rule = load_rules(path)[0]
    assert bool(rule.find(MessageView.build(text))) is flagged


def test_allowed_links_are_the_marketplaces(tmp_path):
    loaded = load_policy_from(throwaway.build(tmp_path))
    shop = loaded.check("Our shop: testmart.com/shop/lamps")
    assert [(f.category, f.severity) for f in shop] == [("link", "warn")]
    assert shop[0].message == "A link to a Testmart shop page."
    other = loaded.check("See testmart.com/item/123")
    assert [(f.category, f.severity) for f in other] == [("link", "block")]
    assert loaded.check("Sold on Testmart.com since 2019.") == []     # the marketplace's name
    amazon_page = loaded.check("See amazon.com/gp/your-account/order-history")
    assert [(f.category, f.severity) for f in amazon_page] == [("link", "block")]
