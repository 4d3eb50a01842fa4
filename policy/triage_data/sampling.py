"""Drawing a seeded, duplicate-free set of labelled messages from one generator.

Every English generator (grammar.py, voices.py, blends.py, situations.py) builds one message at a
time from a random.Random; this is the one loop that turns such a builder into `n` rows, the same
rows for the same seed, each text once.
"""
from __future__ import annotations

import random
from typing import Callable

# A builder: rng -> (needs_reply, text, intent, family)
Draw = Callable[[random.Random], tuple[bool, str, str, str]]
MAX_ATTEMPTS_PER_ROW = 5  # a generator whose space is nearly used up stops instead of looping


def unique_rows(prefix: str, n: int, seed: int, draw: Draw) -> list[dict]:
    """`n` rows {"id": "<prefix>-00001", "text", "needs_reply", "intent", "family"} from `draw`;
    a text already drawn (ignoring case and spacing) or one with no visible character is skipped."""
    rng = random.Random(seed)
    rows: list[dict] = []
    seen: set[str] = set()
    for _ in range(n * MAX_ATTEMPTS_PER_ROW):
        if len(rows) >= n:
            break
        needs, text, intent, family = draw(rng)
        key = " ".join(text.lower().split())
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append({"id": f"{prefix}-{len(rows) + 1:05d}", "text": text, "needs_reply": needs,
                     "intent": intent, "family": family})
    return rows
