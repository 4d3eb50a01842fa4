"""The engine: load a marketplace's policy once, check a message against every rule.

check(text, marketplace=None, template=None, context=None) -> list[Finding]
load_policy(marketplace=None) -> Policy   (cached; the only global state)
(marketplace None: the default, policy.marketplace.default_marketplace())

Flow: marketplace.toml (facts) + policy/common/rules.toml overlaid by the
marketplace's rules.toml -> loader (validated, compiled) -> each rule finds spans on
one MessageView -> findings that yield to a stronger category are dropped -> one
finding per (category, span), overlaps of a category merged -> sorted by start.
"""
from __future__ import annotations

import gc
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from .finding import Finding
from .loader import PolicyError, load_rule_set, load_rules
from .marketplace import (FACTS_FILE, POLICY_ROOT, Marketplace, default_marketplace, load_marketplace,
                          load_marketplace_from, marketplace_folder)
from .patterns import Compiled, HintIndex
from .rulekinds import Rule
from .textview import MessageView


__all__ = ["Policy", "PolicyError", "check", "load_policy", "load_policy_from"]


@dataclass
class Policy:
    marketplace: str
    rules: list[Rule] = field(default_factory=list)
    templates: dict = field(default_factory=dict)  # id -> policy.templates.Template
    facts: Marketplace | None = None               # policy/<marketplace>/marketplace.toml

    def check(self, text: str, template=None, context: dict | None = None) -> list[Finding]:
        """All findings for `text`; `template` is a template id or a Template-like object."""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if isinstance(template, str):
            if template not in self.templates:
                raise ValueError(f"unknown template {template!r} for {self.marketplace}")
            template = self.templates[template]
        mv = MessageView.build(text, template, context, self.facts)
        findings: list[tuple[Rule, Finding]] = []
        for rule in self.rules:
            for f in rule.find(mv):
                findings.append((rule, f))
        return merge(findings)


def load_policy_from(folder: str | Path, marketplace: str | None = None,
                     detectors: Mapping | None = None) -> Policy:
    """Load (uncached) the policy in `folder`: with a marketplace.toml, its facts, the included
    shared rules overlaid by rules.toml, and templates.toml when present; without one, the
    folder's rules.toml alone (facts, for the rules that need them, of the default)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PolicyError(f"no policy folder {folder}")
    if (folder / FACTS_FILE).is_file():
        facts = load_marketplace_from(folder)
        rules = load_rule_set(folder, facts, detectors)
    else:
        facts = load_marketplace(default_marketplace())
        rules = load_rules(folder / "rules.toml", detectors)
    for rule in rules:
        rule.bind(facts)
    HintIndex(_compiled_patterns(rules))
    templates = {}
    if (folder / "templates.toml").exists():
        from .templates import load_templates
        templates = load_templates(folder / "templates.toml", facts)
    return Policy(marketplace or folder.name, rules, templates, facts)


def _compiled_patterns(rules: list[Rule]) -> list[Compiled]:
    """Every compiled pattern the rules hold (in options, lists, tables and swap pairs)."""
    out: list[Compiled] = []

    def walk(value):
        if isinstance(value, Compiled):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
    for rule in rules:
        walk(rule.options)
    return out


def load_policy(marketplace: str | None = None) -> Policy:
    """The policy of policy/<marketplace>/ (None: the default marketplace), loaded and
    compiled once per process."""
    return _load_cached(default_marketplace() if marketplace is None else marketplace)


@lru_cache(maxsize=None)
def _load_cached(marketplace: str) -> Policy:
    policy = load_policy_from(marketplace_folder(marketplace), marketplace)
    # The compiled policy (tens of thousands of objects) lives as long as the process. Freezing
    # it keeps the cyclic collector from re-scanning it in the full collections that checks
    # trigger, which was most of the check's p99 (benchmarks/speed.py).
    gc.collect()
    gc.freeze()
    return policy


def check(text: str, marketplace: str | None = None, template=None,
          context: dict | None = None) -> list[Finding]:
    """Findings for `text` under the marketplace's policy, sorted by start."""
    return load_policy(marketplace).check(text, template, context)


# -- combining findings ------------------------------------------------------------

def _overlaps(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return (a.start, a.end) == (b.start, b.end)
    return a.start < b.end and b.start < a.end


def _rank(f: Finding) -> tuple:
    """Which of two overlapping findings of a category to keep: block first, then one that
    offers a one-click replacement, then the wider."""
    return (f.severity == "block", bool(f.replacements), f.end - f.start)


def _drop_yielding(findings: list[tuple[Rule, Finding]]) -> list[Finding]:
    """Drop a finding whose rule yields to a category that has an overlapping finding
    (a discount offered FOR a review is an inducement, not also promotion)."""
    kept = []
    cache: dict[tuple, tuple[list[int], list[int]]] = {}
    for rule, f in findings:
        if rule.yields_to:
            if rule.yields_to not in cache:
                targets = sorted((g.start, g.end) for _, g in findings if g.category in rule.yields_to)
                starts, max_end, best = [], [], -1
                for s, e in targets:
                    best = max(best, e)
                    starts.append(s)
                    max_end.append(best)
                cache[rule.yields_to] = (starts, max_end)
            starts, max_end = cache[rule.yields_to]
            i = bisect_left(starts, max(f.end, f.start + 1))  # targets starting before f ends
            if i and max_end[i - 1] > f.start:
                continue
        kept.append(f)
    return kept


def merge(findings: list[tuple[Rule, Finding]]) -> list[Finding]:
    """One finding per category for each cluster of overlapping spans (the blocking, then the
    widest wins; findings of the cluster that do not overlap the winner stay), sorted by start."""
    by_category: dict[str, list[Finding]] = {}
    for f in _drop_yielding(findings):
        by_category.setdefault(f.category, []).append(f)
    out: list[Finding] = []
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, f.end))
        cluster: list[Finding] = []
        cluster_end = -1
        for f in group + [None]:
            if f is not None and cluster and (f.start < cluster_end or
                                              (f.start, f.end) == (cluster[-1].start, cluster[-1].end)):
                cluster.append(f)
                cluster_end = max(cluster_end, f.end)
                continue
            chosen: list[Finding] = []
            for c in sorted(cluster, key=_rank, reverse=True):
                if not any(_overlaps(c, k) for k in chosen):
                    chosen.append(c)
            out.extend(chosen)
            if f is not None:
                cluster, cluster_end = [f], f.end
    out.sort(key=lambda f: (f.start, f.end, f.category))
    return out
