"""How well policy.check agrees with the labelled development corpus.

A category counts as predicted for a message when any finding (warn or block) has it.
Precision is measured over every message; the near-miss column counts false alarms
on the clean messages written as look-alikes for that category (dev_nearmiss.json).
Then: the share of violating messages blocked and of clean messages passed.

    .venv/bin/python benchmarks/accuracy.py [--corpus PATH] [--errors] [--strict]

A report: exit status 0, unless --strict and a target is missed (then 1).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import policy  # noqa: E402  (after the path so the script runs from anywhere)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev.jsonl"
# The 13 categories the corpus labels (dev_check.py); timing/repeat_request need a context.
CATEGORIES = ("inducement", "review_manipulation", "promotional", "link", "email_address",
              "phone_number", "external_contact", "emoji", "html", "sensitive",
              "formatting", "not_permitted", "missing_content")
# The corpus predates the `length` category (DESIGN.md): it labels an over-long message
# missing_content, so a `length` finding is scored under that label.
CORPUS_LABEL_OF = {"length": "missing_content"}
CATEGORY_TARGET = 0.95   # recall and precision, every category
VERDICT_TARGET = 0.97    # share of violating messages blocked, of clean messages passed


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    near_total: int = 0
    near_fp: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def meets(self, target: float) -> bool:
        # No predictions at all means no false alarms; no positives means nothing to miss.
        return all(v is None or v >= target for v in (self.precision, self.recall))


@dataclass
class Result:
    row: dict
    findings: list
    predicted: set = field(default_factory=set)
    blocked: bool = False


def load_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_near_misses(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run(rows: list[dict]) -> list[Result]:
    results = []
    for row in rows:
        findings = policy.check(row["text"])
        results.append(Result(row, findings, {CORPUS_LABEL_OF.get(f.category, f.category)
                                              for f in findings},
                              any(f.severity == "block" for f in findings)))
    return results


def tally(results: list[Result], near: dict[str, list[str]]) -> dict[str, Tally]:
    tallies = {c: Tally() for c in CATEGORIES}
    for r in results:
        expected = set(r.row["categories"])
        for c in CATEGORIES:
            if c in expected and c in r.predicted:
                tallies[c].tp += 1
            elif c in expected:
                tallies[c].fn += 1
            elif c in r.predicted:
                tallies[c].fp += 1
        for c in near.get(r.row["id"], ()):
            if c in tallies:
                tallies[c].near_total += 1
                tallies[c].near_fp += c in r.predicted
    return tallies


def fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def describe_findings(r: Result) -> list[str]:
    text = r.row["text"]
    if not r.findings:
        return ["      (no findings)"]
    return [f"      {f.severity:5s} {f.category:19s} {f.rule} [{f.start}:{f.end}] "
            f"{text[f.start:f.end]!r}" for f in r.findings]


def print_errors(results: list[Result], out) -> None:
    out.write("\nErrors (category misses and false alarms, then wrong verdicts)\n")
    for r in results:
        expected = set(r.row["categories"])
        problems = [f"MISS {c}" for c in CATEGORIES if c in expected and c not in r.predicted]
        problems += [f"FALSE ALARM {c}" for c in CATEGORIES if c in r.predicted and c not in expected]
        if r.row["expect_block"] and not r.blocked:
            problems.append("NOT BLOCKED")
        if not r.row["expect_block"] and r.blocked:
            problems.append("BLOCKED (should pass)")
        if not problems:
            continue
        out.write(f"\n{r.row['id']}: {', '.join(problems)}\n")
        out.write(f"    expected: {sorted(expected) or '[]'}  expect_block={r.row['expect_block']}\n")
        out.write(f"    note: {r.row['note']}\n")
        out.write(f"    text: {r.row['text'][:300]!r}{' ...' if len(r.row['text']) > 300 else ''}\n")
        out.write("    findings:\n")
        for line in describe_findings(r):
            out.write(line + "\n")


def report(results: list[Result], near: dict, elapsed: float, out) -> bool:
    tallies = tally(results, near)
    out.write(f"{len(results)} messages checked in {elapsed:.2f} s\n\n")
    out.write(f"{'category':20s} {'prec':>6s} {'recall':>6s} {'TP':>4s} {'FP':>4s} {'FN':>4s}"
              f"  {'near-miss false alarms':>22s}  target\n")
    all_met = True
    for c in CATEGORIES:
        t = tallies[c]
        met = t.meets(CATEGORY_TARGET)
        all_met &= met
        near_col = f"{t.near_fp}/{t.near_total}" if t.near_total else "-"
        out.write(f"{c:20s} {fmt(t.precision)} {fmt(t.recall)} {t.tp:4d} {t.fp:4d} {t.fn:4d}"
                  f"  {near_col:>22s}  {'ok' if met else 'MISSED'}\n")

    violating = [r for r in results if r.row["expect_block"]]
    clean = [r for r in results if not r.row["expect_block"]]
    blocked = sum(r.blocked for r in violating)
    passed = sum(not r.blocked for r in clean)
    blocked_share = blocked / len(violating) if violating else 1.0
    passed_share = passed / len(clean) if clean else 1.0
    out.write(f"\nviolating messages blocked: {blocked}/{len(violating)} = {blocked_share:.3f}\n")
    out.write(f"clean messages passed:      {passed}/{len(clean)} = {passed_share:.3f}\n")

    other = sorted({c for r in results for c in r.predicted} - set(CATEGORIES))
    if other:
        out.write(f"(also predicted, not labelled in this corpus: {', '.join(other)})\n")

    verdict_met = blocked_share >= VERDICT_TARGET and passed_share >= VERDICT_TARGET
    out.write("\nTargets\n")
    out.write(f"  every category precision and recall >= {CATEGORY_TARGET}: "
              f"{'PASS' if all_met else 'FAIL'}")
    if not all_met:
        out.write(f" (missed: {', '.join(c for c in CATEGORIES if not tallies[c].meets(CATEGORY_TARGET))})")
    out.write("\n")
    out.write(f"  blocked >= {VERDICT_TARGET} and passed >= {VERDICT_TARGET}: "
              f"{'PASS' if verdict_met else 'FAIL'}\n")
    return all_met and verdict_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"labelled JSON Lines corpus (default: {DEFAULT_CORPUS})")
    parser.add_argument("--nearmiss", type=Path,
                        help="near-miss map (default: dev_nearmiss.json next to the corpus)")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    if not args.corpus.is_file():
        parser.exit(2, f"no corpus at {args.corpus}: put shared/ beside the checkout, or pass "
                       "--corpus tests/data/seller_final.jsonl\n")
    rows = load_corpus(args.corpus)
    near = load_near_misses(args.nearmiss or args.corpus.with_name("dev_nearmiss.json"))
    policy.load_policy()  # compile once, outside the timing
    start = time.perf_counter()
    results = run(rows)
    elapsed = time.perf_counter() - start
    met = report(results, near, elapsed, sys.stdout)
    if args.errors:
        print_errors(results, sys.stdout)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
