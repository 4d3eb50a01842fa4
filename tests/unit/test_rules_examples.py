"""Every rule's own examples: each `flag` text must produce a finding of that rule,
each `pass` text must not (LanguageTool-style examples carried by the rules)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from policy import load_policy


def _template(example: dict):
    if "template" in example:
        return example["template"]  # an id in templates.toml
    if "template_kind" in example:
        return SimpleNamespace(kind=example["template_kind"],
                               max_length=example.get("max_length", 2000))
    return None


def _cases(which: str):
    policy = load_policy("amazon")
    for rule in policy.rules:
        examples = rule.examples_flag if which == "flag" else rule.examples_pass
        for n, example in enumerate(examples, 1):
            yield pytest.param(rule.id, example, id=f"{rule.id}-{which}{n}")


def _rule_ids(example: dict) -> set[str]:
    findings = load_policy("amazon").check(example["text"], _template(example),
                                           example.get("context"))
    return {f.rule for f in findings}


@pytest.mark.parametrize("rule_id,example", list(_cases("flag")))
def test_rule_flags_its_flag_examples(rule_id, example):
    assert rule_id in _rule_ids(example), f"{rule_id} did not flag {example['text']!r}"


@pytest.mark.parametrize("rule_id,example", list(_cases("pass")))
def test_rule_passes_its_pass_examples(rule_id, example):
    assert rule_id not in _rule_ids(example), f"{rule_id} flagged {example['text']!r}"


def test_every_rule_has_both_kinds_of_example():
    for rule in load_policy("amazon").rules:
        assert rule.examples_flag and rule.examples_pass, rule.id
