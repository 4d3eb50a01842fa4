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


def two_sided(prefix: str, n: int, seed: int, share: float, needs_reply, no_reply) -> list[dict]:
    """unique_rows of messages that need a reply with probability `share`, built by
    `needs_reply(rng)` or `no_reply(rng)` -> (text, intent, family)."""
    def draw(rng: random.Random) -> tuple[bool, str, str, str]:
        needs = rng.random() < share
        return (needs, *(needs_reply(rng) if needs else no_reply(rng)))
    return unique_rows(prefix, n, seed, draw)


def print_sample(generate: Callable[..., list[dict]], argv: list[str]) -> None:
    """`python -m policy.triage_data.<generator> [N] [SEED]`: print N rows (20) of seed SEED (1), for a look."""
    n = int(argv[0]) if argv else 20
    seed = int(argv[1]) if len(argv) > 1 else 1
    for row in generate(n, seed=seed):
        print(row["needs_reply"], row["intent"], row["family"], "|", row["text"].replace("\n", " / "))
