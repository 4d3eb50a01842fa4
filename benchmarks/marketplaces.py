"""How well each marketplace's policy pack agrees with its labelled message sets.

For every marketplace with sets in tests/data/ (<marketplace>_<set>.jsonl, the sets in
SETS below, each marked with whether the rules were tuned on it) it prints: the share of
violating messages blocked, the share of clean messages passed, and the recall of each
labelled category (a category counts as found when any finding, warn or block, has it).
Only a set marked "not tuned on" is an honest estimate for text no one here wrote.

    .venv/bin/python benchmarks/marketplaces.py                  # every marketplace, every set
    .venv/bin/python benchmarks/marketplaces.py MARKETPLACE --errors    # one marketplace, with misses
    .venv/bin/python benchmarks/marketplaces.py --policy MARKETPLACE  # every set against one pack

A report: exit status 0, unless --strict and a target is missed (then 1).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import policy  # noqa: E402  (after the path so the script runs from anywhere)

DATA = REPO / "tests" / "data"
# Each set, in the order written, and how it was used. A set scored blind and then studied
# for misses counts as tuned on from then on; its first (blind) score is in
# benchmarks/README.md.
SETS = {
    "dev": "tuned on (written with the packs)",
    "heldout": "tuned on (written with the packs; its misses were fixed by phrasing family later)",
    "heldout2": "tuned on (written blind before the family fixes, scored once, then studied)",
    "heldout3": "tuned on (written after the first family fixes, scored once blind, then studied)",
    "heldout4": "not tuned on (written after the second family fixes, scored once)",
    "heldout5": "tuned on (written blind after session 13's fixes, scored once, then studied)",
    "heldout6": "tuned on (written after session 14's first family fixes, scored once, then studied)",
    "heldout7": "tuned on (written after session 14's second family fixes, scored once; its misses fixed by "
                "family in session 15)",
    "practice8": "tuned on (written by the helper before its fixes, scored once, then tuned on; first "
                 "score, marketplaces in alphabetical order: 8/12 blocked, 7/8 passed; 8/12, 7/8; 9/12, 8/8)",
    "blind8": "tuned on (written blind by a helper who read no rules and no sets, session 15; scored "
              "once (first score in benchmarks/README.md), then its misses fixed by family in session 15)",
    "practice9": "tuned on (written blind by someone who never saw the rules, session 16; scored once, then "
                 "tuned on; first score, marketplaces in alphabetical order: 16/20 blocked, 19/20 passed; "
                 "15/20, 20/20; 16/20, 19/20)",
}
TARGET = 0.95  # blocked share of violating messages, passed share of clean ones


@dataclass
class Outcome:
    row: dict
    findings: list
    blocked: bool

    @property
    def found(self) -> set[str]:
        return {f.category for f in self.findings}


def marketplaces_with_sets() -> list[str]:
    """Marketplaces (folders under policy/) that have at least one labelled set."""
    names = {p.name.rsplit("_", 1)[0] for s in SETS for p in DATA.glob(f"*_{s}.jsonl")}
    return sorted(n for n in names if (REPO / "policy" / n).is_dir())


def load_set(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(rows: list[dict], marketplace: str) -> list[Outcome]:
    outcomes = []
    for row in rows:
        findings = policy.check(row["text"], marketplace=marketplace)
        outcomes.append(Outcome(row, findings, any(f.severity == "block" for f in findings)))
    return outcomes


def shares(outcomes: list[Outcome]) -> tuple[int, int, int, int]:
    violating = [o for o in outcomes if o.row["expect_block"]]
    clean = [o for o in outcomes if not o.row["expect_block"]]
    return (sum(o.blocked for o in violating), len(violating),
            sum(not o.blocked for o in clean), len(clean))


def recall_by_category(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    labelled, found = Counter(), Counter()
    for o in outcomes:
        for c in o.row["categories"]:
            labelled[c] += 1
            found[c] += c in o.found
    return {c: (found[c], labelled[c]) for c in sorted(labelled)}


def ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "-"


def report(name: str, outcomes: list[Outcome], out, use: str = "") -> bool:
    blocked, violating, passed, clean = shares(outcomes)
    ok = (not violating or blocked / violating >= TARGET) and (not clean or passed / clean >= TARGET)
    out.write(f"  {name}: {len(outcomes)} messages" + (f" [{use}]" if use else "") + "\n")
    out.write(f"    violating blocked: {ratio(blocked, violating)}\n")
    out.write(f"    clean passed:      {ratio(passed, clean)}\n")
    recalls = recall_by_category(outcomes)
    if recalls:
        out.write("    recall by category: " + ", ".join(
            f"{c} {n}/{d}" for c, (n, d) in recalls.items()) + "\n")
    out.write(f"    target (>= {TARGET} both): {'met' if ok else 'MISSED'}\n")
    return ok


def print_errors(outcomes: list[Outcome], out) -> None:
    for o in outcomes:
        expected = set(o.row["categories"])
        problems = [f"MISS {c}" for c in sorted(expected - o.found)]
        if o.row["expect_block"] and not o.blocked:
            problems.append("NOT BLOCKED")
        if not o.row["expect_block"] and o.blocked:
            problems.append("BLOCKED (should pass)")
        if not problems:
            continue
        out.write(f"      {o.row['id']}: {', '.join(problems)}  text: {o.row['text'][:160]!r}\n")
        for f in o.findings:
            out.write(f"        {f.severity:5s} {f.category:19s} {f.rule} "
                      f"{o.row['text'][f.start:f.end]!r}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("marketplace", nargs="*", help="marketplaces to report (default: all with sets)")
    parser.add_argument("--policy", help="check every set against this one marketplace's pack "
                        "(a baseline: how another marketplace's rules would judge these messages)")
    parser.add_argument("--errors", action="store_true", help="list every wrong verdict and missed category")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    names = args.marketplace or marketplaces_with_sets()
    all_ok = True
    for name in names:
        pack = args.policy or name
        try:
            policy.load_policy(pack)
        except (KeyError, ValueError, policy.PolicyError) as exc:
            print(f"{name}: cannot load the {pack!r} policy: {exc}", file=sys.stderr)
            return 2
        print(f"{name} (checked with the {pack!r} policy)")
        for set_name, use in SETS.items():
            path = DATA / f"{name}_{set_name}.jsonl"
            if not path.exists():
                continue
            outcomes = run(load_set(path), pack)
            all_ok &= report(path.name, outcomes, sys.stdout, use)
            if args.errors:
                print_errors(outcomes, sys.stdout)
        print()
    return 1 if args.strict and not all_ok else 0


if __name__ == "__main__":
    sys.exit(main())
