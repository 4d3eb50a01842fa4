"""Print how well triage does on labelled buyer messages.

    .venv/bin/python benchmarks/triage_accuracy.py [FILE.jsonl ...]

For the "no response needed" verdict (the costly one: a wrong one is a late
response on the seller's record):
  precision = of the messages marked no-response-needed, the share that truly need none
  recall    = of the messages that truly need none, the share marked so
and intent accuracy over all messages. Targets: precision >= 0.95, recall >= 0.85,
intent accuracy >= 0.80. Default sets: the shared development corpus and this
project's own messages in tests/data/.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.triage import triage  # noqa: E402

DEFAULT_SETS = [
    ROOT.parent / "shared" / "corpus" / "buyer_messages_dev.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_extra.jsonl",
    # Rounds 2-5 were each written fresh, scored once before any change made for them
    # (those first scores are in tests/data/README.md), then used for tuning.
    ROOT / "tests" / "data" / "buyer_messages_round2.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round3.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round4.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round5.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round6.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round7.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round8.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round9.jsonl",
    ROOT / "tests" / "data" / "buyer_messages_round10.jsonl",
]
TARGETS = {"precision": 0.95, "recall": 0.85, "intent": 0.80}


def load(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            for key in ("id", "text", "needs_reply", "intent"):
                if key not in row:
                    raise SystemExit(f"{path}:{number}: missing {key!r}")
            rows.append(row)
    return rows


def measure(rows: list[dict]) -> dict:
    tp = fp = fn = 0
    intent_ok = 0
    confusion: Counter = Counter()
    errors = []
    for row in rows:
        result = triage(row["text"])
        said_none, truly_none = not result["needs_reply"], not row["needs_reply"]
        tp += said_none and truly_none
        fp += said_none and not truly_none
        fn += truly_none and not said_none
        if result["intent"] == row["intent"]:
            intent_ok += 1
        else:
            confusion[(row["intent"], result["intent"])] += 1
        if result["intent"] != row["intent"] or said_none != truly_none:
            errors.append((row["id"], row["needs_reply"], row["intent"],
                           result["needs_reply"], result["intent"]))
    return {
        "n": len(rows), "need_none": tp + fn, "marked_none": tp + fp,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
        "intent": intent_ok / len(rows) if rows else float("nan"),
        "confusion": confusion, "errors": errors,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(p) for p in argv if p != "-v"] or [p for p in DEFAULT_SETS if p.exists()]
    all_rows = []
    print(f"{'set':44} {'n':>4} {'none':>5} {'marked':>6} {'prec':>6} {'recall':>6} {'intent':>6}")
    for path in paths:
        rows = load(path)
        all_rows.extend(rows)
        m = measure(rows)
        print(f"{path.name:44} {m['n']:>4} {m['need_none']:>5} {m['marked_none']:>6} "
              f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['intent']:>6.3f}")
        if verbose:
            for error in m["errors"]:
                print("    id={} gold=({}, {}) got=({}, {})".format(*error))
    m = measure(all_rows)
    print(f"{'all':44} {m['n']:>4} {m['need_none']:>5} {m['marked_none']:>6} "
          f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['intent']:>6.3f}")
    print("targets: no-response-needed precision >= {precision}, recall >= {recall}; "
          "intent accuracy >= {intent}".format(**TARGETS))
    started = time.perf_counter()
    for row in all_rows:
        triage(row["text"])
    per_message = (time.perf_counter() - started) / max(1, len(all_rows)) * 1000
    long_text = ("Thanks for the refund, but where is my order? It arrived damaged. " * 300)[:20_000]
    started = time.perf_counter()
    triage(long_text)
    print(f"speed: {per_message:.2f} ms per message on average; "
          f"{(time.perf_counter() - started) * 1000:.0f} ms for a 20,000-character message")
    if m["confusion"]:
        print("intent confusions (gold -> got):",
              ", ".join(f"{g}->{p} x{c}" for (g, p), c in m["confusion"].most_common(8)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
