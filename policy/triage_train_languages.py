"""Train one triage model per language with a phrase book (policy/triage_data/<tag>/phrases.toml).

    .venv/bin/python -m policy.triage_train_languages           # write <tag>/model.json and metrics.json
    .venv/bin/python -m policy.triage_train_languages --check   # train in memory, print figures, write nothing
    .venv/bin/python -m policy.triage_train_languages de ja      # only these languages

The same features, models, export, fixed split and threshold rule as the main (English)
model (policy.triage_train), on each language's own messages (policy.triage_data.phrasebook,
seeded), so a German message is judged by a model that has read German and English
figures cannot move. The figures in metrics.json are on the language's held-out split.
The threshold is each language's own: the lowest at which "no response needed" is >= 0.99
precise on the split and >= 0.97 on the language's hand-written sets written after earlier
trainings (tests/data/triage_<tag>_blind.jsonl, _blind2.jsonl: in the voices of real buyers,
which generated messages are easier than). tests/data/triage_<tag>_heldout.jsonl, written
before any training, and the later blind sets (blind3, blind4) are never used here
(benchmarks/triage_accuracy.py reports them).
"""
from __future__ import annotations

import json
import sys

from .triage_data import phrasebook
from .triage_train import SEED, choose_threshold, evaluate, export, fit, held_out

MESSAGES = 4000  # generated per language (the hand-written ones come on top)
# The threshold's precision target on the language's held-out split: about 300 no-reply messages,
# so one error costs 0.003 and the main model's 0.997 would let one contradictory generated
# message ("arrived ... scratched") push the threshold to 0.95 and halve the recall.
MIN_PRECISION = 0.99
OWN_SETS = ("blind", "blind2")  # tests/data/triage_<tag>_<kind>.jsonl that choose the threshold too
OWN_SETS_PRECISION = 0.97
TESTS_DATA = phrasebook.ROOT.parent.parent / "tests" / "data"


def own_sets(language: str) -> list[dict]:
    """The language's hand-written sets that take part in choosing its threshold."""
    rows = []
    for kind in OWN_SETS:
        path = TESTS_DATA / f"triage_{language}_{kind}.jsonl"
        if path.is_file():
            rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return rows


def train(language: str) -> tuple[dict, dict]:
    from .triage_model import TriageModel
    rows = phrasebook.generate(language, MESSAGES, SEED)
    train_rows = [r for r in rows if not held_out(r)]
    test_rows = [r for r in rows if held_out(r)]
    vectorizer, reply, intent = fit(train_rows)
    data = export(vectorizer, reply, intent)
    path = phrasebook.ROOT / language / "model.json"
    model = TriageModel(data, path)
    own = own_sets(language)
    data["threshold"] = model.threshold = max(choose_threshold(model, test_rows, MIN_PRECISION),
                                              choose_threshold(model, own, OWN_SETS_PRECISION) if own else 0.5)
    figures = evaluate(model, test_rows)
    metrics = {"language": language, "seed": SEED, "messages": len(rows), "trained_on": len(train_rows),
               "held_out": len(test_rows), "handwritten": sum(r["family"] == "handwritten" for r in rows),
               "features": len(data["features"]), "threshold": data["threshold"],
               "held_out_figures": {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}}
    data["meta"] = {"seed": SEED, "trained_on": len(train_rows), "language": language}
    return data, metrics


def main(argv: list[str]) -> int:
    wanted = [a for a in argv if not a.startswith("--")] or phrasebook.languages()
    unknown = sorted(set(wanted) - set(phrasebook.languages()))
    if unknown:
        sys.stderr.write(f"no phrase book for {', '.join(unknown)} (policy/triage_data/<tag>/phrases.toml)\n")
        return 2
    for language in wanted:
        data, metrics = train(language)
        print(json.dumps(metrics))
        if "--check" in argv:
            continue
        folder = phrasebook.ROOT / language
        (folder / "model.json").write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n",
                                           encoding="utf-8")
        (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
