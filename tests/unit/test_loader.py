"""The rules loader refuses malformed rule files at start, naming file, rule and problem."""
from __future__ import annotations

import textwrap

import pytest

from policy.detectors.base import Hit
from policy.engine import load_policy_from
from policy.loader import PolicyError, load_rules
from policy.patterns import PatternError, compile_pattern

DETECTORS = {"link": lambda text, norm: [Hit(0, 3, "url")]}

GOOD_RULE = '''
[[rule]]
id = "promotional.coupon"
kind = "phrases"
category = "promotional"
severity = "block"
source = "Amazon Communication Guidelines"
message = "Offers a coupon."
suggestions = ["Remove the coupon."]
patterns = ['\\bcoupons?\\b']
examples.flag = ["Here is a coupon."]
examples.pass = ["Here is your parcel."]
'''


def write(tmp_path, text: str, name="rules.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as info:
        load_rules(path, DETECTORS)
    message = str(info.value)
    assert str(path) in message  # every error names the file
    return message


def test_a_good_file_loads_and_its_rule_works(tmp_path):
    rules = load_rules(write(tmp_path, GOOD_RULE), DETECTORS)
    assert [r.id for r in rules] == ["promotional.coupon"]
    assert rules[0].options["patterns"].search("a coupon for you")
    assert not rules[0].options["patterns"].search("your parcel")


@pytest.mark.parametrize("field,value,problem", [
    ("category", '"marketing"', "unknown category 'marketing'"),
    ("kind", '"regexes"', "unknown kind 'regexes'"),
    ("severity", '"error"', "bad severity 'error'"),
])
def test_bad_values_are_named(tmp_path, field, value, problem):
    text = GOOD_RULE.replace(f'{field} = ', f'{field} = {value}\nx_{field} = ', 1)
    text = "\n".join(line for line in text.splitlines() if not line.startswith(f"x_{field}"))
    message = load_error(tmp_path, text)
    assert "promotional.coupon" in message and problem in message


def test_unknown_detector(tmp_path):
    text = GOOD_RULE.replace('kind = "phrases"', 'kind = "detector"\ndetector = "fax"').replace(
        "patterns = ['\\bcoupons?\\b']\n", "")
    message = load_error(tmp_path, text)
    assert "promotional.coupon" in message and "unknown detector 'fax'" in message


def test_pattern_that_does_not_compile(tmp_path):
    message = load_error(tmp_path, GOOD_RULE.replace("'\\bcoupons?\\b'", "'(coupon'"))
    assert "promotional.coupon" in message and "does not compile" in message


@pytest.mark.parametrize("pattern", ["(a+)+b", "(?:\\w+\\s?)*x", "(a|aa)*c", "(\\w+)\\1"])
def test_super_linear_patterns_are_refused(tmp_path, pattern):
    message = load_error(tmp_path, GOOD_RULE.replace("'\\bcoupons?\\b'", f"'{pattern}'"))
    assert "promotional.coupon" in message
    assert "not linear-time safe" in message


def test_bounded_gaps_are_allowed():
    compiled = compile_pattern("leave {gap 6} review")
    assert compiled.search("please leave us a short honest review")
    assert not compiled.search("please leave. we review photos")  # a gap stays in its sentence
    with pytest.raises(PatternError):
        compile_pattern("leave {gap 40} review")


def test_missing_field(tmp_path):
    message = load_error(tmp_path, GOOD_RULE.replace('message = "Offers a coupon."\n', ""))
    assert "promotional.coupon" in message and "missing field 'message'" in message


def test_missing_examples(tmp_path):
    message = load_error(tmp_path, GOOD_RULE.replace('examples.pass = ["Here is your parcel."]\n', ""))
    assert "needs at least one 'pass' example" in message


def test_unknown_field_is_a_typo(tmp_path):
    message = load_error(tmp_path, GOOD_RULE.replace("patterns =", "patern ="))
    assert "unknown field(s) patern" in message


def test_duplicate_id(tmp_path):
    message = load_error(tmp_path, GOOD_RULE + GOOD_RULE)
    assert "'promotional.coupon': duplicate id" in message


def test_unknown_word_list(tmp_path):
    message = load_error(tmp_path, GOOD_RULE.replace("'\\bcoupons?\\b'", "'{vouchers}'"))
    assert "unknown word list {vouchers}" in message


def test_word_lists_expand(tmp_path):
    text = "[words]\nvoucher = 'coupons?|vouchers?'\n" + GOOD_RULE.replace("'\\bcoupons?\\b'", "'\\b(?:{voucher})\\b'")
    rule = load_rules(write(tmp_path, text), DETECTORS)[0]
    assert rule.options["patterns"].search("a voucher")


def test_not_toml(tmp_path):
    message = load_error(tmp_path, "[[rule]\nid = ")
    assert "not valid TOML" in message


def test_unreadable_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read rules file"):
        load_rules(tmp_path / "missing.toml", DETECTORS)


def test_policy_folder_loads_from_any_path(tmp_path):
    write(tmp_path, GOOD_RULE)
    policy = load_policy_from(tmp_path, "testland", DETECTORS)
    assert policy.marketplace == "testland" and policy.templates == {}
    assert [f.rule for f in policy.check("A coupon!")] == ["promotional.coupon"]
    assert policy.check("Your parcel.") == []


def test_the_amazon_rules_load_and_cover_every_category():
    from policy import CATEGORIES, load_policy
    from policy.finding import ENGINE_CATEGORIES
    rules = load_policy("amazon").rules
    assert {r.category for r in rules} == set(CATEGORIES) - set(ENGINE_CATEGORIES)
    assert len({r.id for r in rules}) == len(rules)


def test_word_list_may_be_a_list_of_alternatives(tmp_path):
    text = "[words]\nvoucher = ['coupons?', 'vouchers?']\n" + GOOD_RULE.replace(
        "'\\bcoupons?\\b'", "'\\b(?:{voucher})\\b'")
    rule = load_rules(write(tmp_path, text), DETECTORS)[0]
    assert rule.options["patterns"].search("two vouchers") and rule.options["patterns"].search("a coupon")
    message = load_error(tmp_path, "[words]\nvoucher = 3\n" + GOOD_RULE)
    assert "word list 'voucher'" in message
