"""docs/policy-dialect.md is the reference for the rule dialect: it has a section and an
example for every rule kind, and every example in it loads."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from policy.loader import read_rules
from policy.marketplace import POLICY_ROOT, load_marketplace_from
from policy.rulekinds import KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "policy-dialect.md"
BLOCKS = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
RULE_BLOCKS = [b for b in BLOCKS if re.search(r'^kind = "', b, re.M) and "[[rule]]" not in b]
REQUIRED = '''id = "{category}.doc-example"
category = "{category}"
severity = "block"
source = "inferred"
suggestions = ["x"]
examples.flag = ["x"]
examples.pass = ["y"]
'''


def test_every_kind_has_a_section():
    sections = set(re.findall(r"^### (\w+)$", DOC.read_text(encoding="utf-8"), re.M))
    assert sections == set(KINDS)


@pytest.mark.parametrize("block", RULE_BLOCKS, ids=lambda b: re.search(r'kind = "(\w+)"', b).group(1))
def test_every_kind_example_loads(tmp_path, block):
    text = REQUIRED.format(category="promotional") + block
    if "message =" not in block:
        text += 'message = "x"\n'
    if '"review_window"' in block:
        text += "opens_after_days = 5\ncloses_after_days = 30\n"
    path = tmp_path / "rules.toml"
    path.write_text("[[rule]]\n" + text, encoding="utf-8")
    common_words = read_rules(POLICY_ROOT / "common" / "rules.toml",
                              inherited_words={"marketplace_name": "amazon"})[1]
    rules, _ = read_rules(path, inherited_words=common_words)
    assert rules[0].kind == re.search(r'kind = "(\w+)"', block).group(1)


def test_the_marketplace_example_is_a_valid_facts_file(tmp_path):
    facts = next(b for b in BLOCKS if b.startswith('name = "Amazon"'))
    tomllib.loads(facts)
    folder = tmp_path / "docmart"
    folder.mkdir()
    (folder / "marketplace.toml").write_text(facts, encoding="utf-8")
    loaded = load_marketplace_from(folder)
    assert loaded.order_id.matches("112-1234567-1234567")
