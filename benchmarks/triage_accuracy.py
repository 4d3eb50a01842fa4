"""Print how well triage does on labelled buyer messages it was not trained on.

    .venv/bin/python benchmarks/triage_accuracy.py [-v] [FILE.jsonl ...]

Sets (default):
  held-out    the fixed 20% of policy/triage_data the model never saw (policy.triage_train.held_out)
  blind       tests/data/triage_blind.jsonl, written after training in another style
  blind2      tests/data/triage_blind2.jsonl, written after the voices.py retraining, never trained on
  blind3      tests/data/triage_blind3.jsonl, written before the blends.py retraining, never trained on
  blind4      tests/data/triage_blind4.jsonl, written before the situations.py retraining, never trained on
  real, dev   ../shared/corpus/buyer_messages_{real,dev}.jsonl: strangers' messages, validation only
              (never trained on, never copied)
  rounds      tests/data/buyer_messages_*.jsonl, the project's earlier hand-written sets
  <tag>       per language with its own model (policy/triage_data/<tag>/): its fixed 20% split;
              tests/data/triage_<tag>_heldout.jsonl, written before that language's training data;
              triage_<tag>_blind.jsonl, written after a first training, harder on purpose (its
              errors led to wider phrase books); triage_<tag>_blind2.jsonl, written after the
              next training (it and blind take part in choosing the language's threshold since);
              triage_<tag>_blind3.jsonl, written before the wider-voices retraining and scored
              once before it (30 a language, with the seller's previous message in some);
              triage_<tag>_blind4.jsonl, written after that retraining and never used to change
              anything (15 a language): the untuned figure

For the "no response needed" verdict (the costly one: a wrong one is a late response):
  precision = of the messages marked no-response-needed, the share that truly need none
  recall    = of the messages that truly need none, the share marked so
and for "needs a reply" the same two the other way round; intent accuracy over all messages,
with a confusion table of intents (gold rows, predicted columns; -v lists every error).
Targets on real data: no-reply precision >= 0.97, recall >= 0.85, intent accuracy >= 0.80.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.triage import INTENTS, triage  # noqa: E402
from policy.triage_model import MODEL_PATH, load_model  # noqa: E402
from policy.triage_data.phrasebook import generate  # noqa: E402
from policy.triage_language import model_languages  # noqa: E402
from policy.triage_train import SEED, held_out, load_rows  # noqa: E402
from policy.triage_train_languages import MESSAGES  # noqa: E402

# ../shared/corpus from the main checkout (/work/main) or a worktree (/work/wt/<name>)
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
TARGETS = {"precision": 0.97, "recall": 0.85, "intent": 0.80}
SHORT = {"where_is_my_order": "wismo", "delivery_problem": "deliv", "return_or_refund": "return",
         "cancel_or_change_order": "cancel", "product_question": "product", "invoice_or_billing": "invoice",
         "thanks_or_resolved": "thanks", "feedback_or_review": "review", "other": "other"}


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


def default_sets() -> list[tuple[str, list[dict]]]:
    sets = [("held-out split (own data)", [r for r in load_rows() if held_out(r)]),
            ("triage_blind.jsonl (own, after training)", load(ROOT / "tests" / "data" / "triage_blind.jsonl")),
            ("triage_blind2.jsonl (own, after retraining)", load(ROOT / "tests" / "data" / "triage_blind2.jsonl")),
            ("triage_blind3.jsonl (own, before retraining)", load(ROOT / "tests" / "data" / "triage_blind3.jsonl")),
            ("triage_blind4.jsonl (own, before situations)", load(ROOT / "tests" / "data" / "triage_blind4.jsonl"))]
    for name in ("buyer_messages_real.jsonl", "buyer_messages_dev.jsonl"):
        if (CORPUS / name).exists():
            sets.append((f"{name} (strangers, validation)", load(CORPUS / name)))
    rounds = []
    for path in sorted((ROOT / "tests" / "data").glob("buyer_messages_*.jsonl")):
        rounds.extend(load(path))
    if rounds:
        sets.append(("tests/data/buyer_messages_* (earlier own sets)", rounds))
    for language in model_languages()[1:]:
        split = [r for r in generate(language, MESSAGES, SEED) if held_out(r)]
        sets.append((f"{language}: held-out split (own data)", split))
        for kind, when in (("heldout", "before training"), ("blind", "after training"),
                           ("blind2", "after retraining"), ("blind3", "before the last training"),
                           ("blind4", "after the last training")):
            path = ROOT / "tests" / "data" / f"triage_{language}_{kind}.jsonl"
            if path.exists():
                sets.append((f"{language}: {path.name} ({when})", load(path)))
    return sets


def measure(rows: list[dict]) -> dict:
    none_tp = none_fp = none_fn = 0
    intent_ok = 0
    confusion: Counter = Counter()
    languages: Counter = Counter()
    errors = []
    for row in rows:
        result = triage(row["text"], previous=row.get("previous"))
        languages[result["language"]] += 1
        said_none, truly_none = not result["needs_reply"], not row["needs_reply"]
        none_tp += said_none and truly_none
        none_fp += said_none and not truly_none
        none_fn += truly_none and not said_none
        confusion[(row["intent"], result["intent"])] += 1
        intent_ok += result["intent"] == row["intent"]
        if result["intent"] != row["intent"] or said_none != truly_none:
            errors.append((row["id"], row["needs_reply"], row["intent"], result["needs_reply"], result["intent"]))
    n = len(rows)
    reply_tp = n - none_tp - none_fp - none_fn
    return {
        "n": n, "need_none": none_tp + none_fn, "marked_none": none_tp + none_fp,
        "precision": none_tp / (none_tp + none_fp) if none_tp + none_fp else float("nan"),
        "recall": none_tp / (none_tp + none_fn) if none_tp + none_fn else float("nan"),
        "reply_precision": reply_tp / (reply_tp + none_fn) if reply_tp + none_fn else float("nan"),
        "reply_recall": reply_tp / (reply_tp + none_fp) if reply_tp + none_fp else float("nan"),
        "intent": intent_ok / n if n else float("nan"), "confusion": confusion, "errors": errors,
        "languages": languages,
    }


def print_confusion(confusion: Counter) -> None:
    print("intent confusion (rows gold, columns predicted):")
    print(" " * 9 + "".join(f"{SHORT[i]:>8}" for i in INTENTS))
    for gold in INTENTS:
        if any(confusion[(gold, p)] for p in INTENTS):
            print(f"{SHORT[gold]:>9}" + "".join(f"{confusion[(gold, p)] or '.':>8}" for p in INTENTS))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(p) for p in argv if p != "-v"]
    sets = [(p.name, load(p)) for p in paths] if paths else default_sets()
    print(f"{'set':48} {'n':>5} {'none':>5} {'marked':>6} {'prec':>6} {'recall':>6} "
          f"{'r-prec':>6} {'r-rec':>6} {'intent':>6}")
    for name, rows in sets:
        m = measure(rows)
        print(f"{name:48} {m['n']:>5} {m['need_none']:>5} {m['marked_none']:>6} {m['precision']:>6.3f} "
              f"{m['recall']:>6.3f} {m['reply_precision']:>6.3f} {m['reply_recall']:>6.3f} {m['intent']:>6.3f}")
        if ":" in name:  # a language's set: which languages triage read its messages as
            print(f"{'':8}read as: " + ", ".join(f"{tag} {k}" for tag, k in m["languages"].most_common()))
        if verbose:
            print_confusion(m["confusion"])
            for error in m["errors"]:
                print("    id={} gold=({}, {}) got=({}, {})".format(*error))
    print("prec/recall: the 'no response needed' verdict; r-prec/r-rec: 'needs a reply'.")
    print("targets on real data: no-reply precision >= {precision}, recall >= {recall}; "
          "intent accuracy >= {intent}".format(**TARGETS))
    if not verbose:
        strangers = [rows for name, rows in sets if "strangers" in name]
        if strangers:
            print_confusion(measure([r for rows in strangers for r in rows])["confusion"])
    model = load_model()
    sample = [r["text"] for _, rows in sets for r in rows][:2000]
    started = time.process_time()
    for text in sample:
        triage(text)
    per_message = (time.process_time() - started) / max(1, len(sample)) * 1000
    print(f"model: {MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(model.index):,} features, "
          f"threshold {model.threshold}; {per_message:.2f} ms CPU per message (mean of {len(sample)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
