"""Regression guard: each pack keeps its development set at the targets.

The development sets (tests/data/<marketplace>_dev.jsonl) are what the packs were tuned
on, so this only guards against a later change breaking them; the held-out sets are
measured by benchmarks/marketplaces.py and deliberately not asserted here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import policy

DATA = Path(__file__).resolve().parents[1] / "data"
TARGET = 0.95


def _rows(marketplace):
    with open(DATA / f"{marketplace}_dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.parametrize("marketplace", ("ebay", "walmart", "etsy"))
def test_dev_set_blocked_and_passed_shares(marketplace):
    rows = _rows(marketplace)
    assert len(rows) >= 60
    verdicts = [(row, any(f.blocks for f in policy.check(row["text"], marketplace=marketplace)))
                for row in rows]
    violating = [blocked for row, blocked in verdicts if row["expect_block"]]
    clean = [not blocked for row, blocked in verdicts if not row["expect_block"]]
    wrong = [row["id"] for row, blocked in verdicts if blocked != row["expect_block"]]
    assert sum(violating) / len(violating) >= TARGET, wrong
    assert sum(clean) / len(clean) >= TARGET, wrong
