"""Every rule's own examples, on every marketplace: each `flag` text must produce a finding of
that rule, each `pass` text must not (LanguageTool-style examples carried by the rules).

A marketplace's rules are its own rules.toml and the shared policy/common/ rules it keeps, so
the common rules' examples run once per marketplace that includes them. Rules written in one
language (policy/common/<lang>/, policy/<marketplace>/<lang>/) run their examples as messages in
that language, the way the engine runs them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from policy import load_policy
from policy.marketplace import marketplace_ids


def _template(example: dict, marketplace: str):
    if "template" in example:
        return example["template"]  # an id in templates.toml
    if "template_kind" in example:
        default = load_policy(marketplace).facts.max_length
        return SimpleNamespace(kind=example["template_kind"],
                               max_length=example.get("max_length", default))
    return None


def _rules(marketplace: str):
    """The marketplace's rules, then each language's own (a rule once, not once per set; the
    marketplace's rules read again for a language carry no language and run here once)."""
    policy = load_policy(marketplace)
    seen = {id(r) for r in policy.rules}
    yield from policy.rules
    for rules in policy.language_rules.values():
        for rule in rules:
            if rule.language and id(rule) not in seen:
                seen.add(id(rule))
                yield rule


def _cases(which: str):
    for marketplace in marketplace_ids():
        for rule in _rules(marketplace):
            examples = rule.examples_flag if which == "flag" else rule.examples_pass
            for n, example in enumerate(examples, 1):
                yield pytest.param(marketplace, rule.id, _in(rule, example),
                                   id=f"{marketplace}-{rule.id}-{which}{n}")


def _in(rule, example: dict) -> dict:
    """The example with the rule's language, if it is written for one."""
    return {**example, "language": rule.language} if rule.language else example


def _rule_ids(marketplace: str, example: dict) -> set[str]:
    findings = load_policy(marketplace).check(example["text"], _template(example, marketplace),
                                              example.get("context"), example.get("language", "auto"))
    return {f.rule for f in findings}


@pytest.mark.parametrize("marketplace,rule_id,example", list(_cases("flag")))
def test_rule_flags_its_flag_examples(marketplace, rule_id, example):
    assert rule_id in _rule_ids(marketplace, example), \
        f"{marketplace}: {rule_id} did not flag {example['text']!r}"


@pytest.mark.parametrize("marketplace,rule_id,example", list(_cases("pass")))
def test_rule_passes_its_pass_examples(marketplace, rule_id, example):
    assert rule_id not in _rule_ids(marketplace, example), \
        f"{marketplace}: {rule_id} flagged {example['text']!r}"


@pytest.mark.parametrize("marketplace", marketplace_ids())
def test_every_rule_has_both_kinds_of_example(marketplace):
    for rule in load_policy(marketplace).rules:
        assert rule.examples_flag and rule.examples_pass, rule.id


def test_every_common_rule_runs_its_examples_somewhere():
    from policy.marketplace import POLICY_ROOT
    from policy.policyfile import read_toml
    common = {r["id"] for r in read_toml(POLICY_ROOT / "common" / "rules.toml", "rules")["rule"]}
    kept = {r.id for m in marketplace_ids() for r in load_policy(m).rules}
    assert common and common <= kept, f"no marketplace runs {sorted(common - kept)}"


def _counts(findings) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.rule] = out.get(f.rule, 0) + 1
    return out


def _categories(findings) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.category] = out.get(f.category, 0) + 1
    return out


def _fix_cases():
    for marketplace in marketplace_ids():
        for rule in _rules(marketplace):
            for n, example in enumerate(rule.examples_flag, 1):
                yield pytest.param(marketplace, rule.id, _in(rule, example),
                                   id=f"{marketplace}-{rule.id}-fix{n}")


@pytest.mark.parametrize("marketplace,rule_id,example", list(_fix_cases()))
def test_applying_a_replacement_clears_the_finding_and_creates_none(marketplace, rule_id, example):
    """LanguageTool's way: every replacement each rule offers on its own flag examples, applied
    as the composer applies it, removes that finding and brings no finding that was not there."""
    policy = load_policy(marketplace)
    template, context = _template(example, marketplace), example.get("context")
    text, language = example["text"], example.get("language", "auto")
    before = policy.check(text, template, context, language)
    for f in (f for f in before if f.rule == rule_id):
        for replacement in f.replacements:
            fixed = text[:f.start] + replacement + text[f.end:]
            found = policy.check(fixed, template, context, language)
            assert _counts(found).get(rule_id, 0) < _counts(before)[rule_id], (rule_id, text, fixed)
            # No problem appears that was not there (a rule of the same category taking over
            # the words left, "Call ... anytime" -> "Call anytime", is the same problem).
            after, counts = _categories(found), _categories(before)
            new = {c for c, n in after.items() if n > counts.get(c, 0)}
            assert not new, f"{rule_id}: {text!r} -> {fixed!r} brought {sorted(new)}"
            assert "  " not in fixed.replace(text, "") or "  " in text, (text, fixed)
            assert not any(line != line.rstrip(" \t") for line in fixed.split("\n")
                           if line not in text.split("\n")), (text, fixed)


def test_every_contact_detail_promotion_and_contact_phrase_rule_offers_a_removal():
    for marketplace in marketplace_ids():
        for rule in _rules(marketplace):
            if rule.category in ("link", "email_address", "phone_number", "promotional",
                                 "external_contact"):
                assert "" in rule.replacements, f"{marketplace}: {rule.id} offers no removal"
