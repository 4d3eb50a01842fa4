"""The trained triage model: a small versioned artefact with no pickle; retraining reproduces it
and its held-out figures do not fall."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from policy.policyfile import PolicyError
from policy.triage_model import MODEL_PATH, load_model, load_model_from
from policy.triage_train import DATA, evaluate, held_out, load_rows, train


def test_the_artefact_is_small_json_data():
    assert MODEL_PATH.suffix == ".json" and MODEL_PATH.stat().st_size < 4_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == 1 and 0.5 <= data["threshold"] < 1
    assert len(data["features"]) > 5_000


def test_the_training_set_is_large_and_varied():
    rows = load_rows()
    assert len(rows) >= 5_000
    families = {r.get("family") for r in rows}
    for family in ("thanks", "arrived", "resolved", "self_next", "praise", "greeting", "review_left",
                   "sigh", "handwritten"):
        assert family in families
    assert any(r["family"].startswith("closing+") for r in rows), "thanks followed by a request"
    assert {r["intent"] for r in rows} >= {"where_is_my_order", "delivery_problem", "return_or_refund",
                                          "cancel_or_change_order", "product_question", "invoice_or_billing",
                                          "thanks_or_resolved", "feedback_or_review", "other"}


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_the_training_data_is_not_the_validation_corpus():
    """The strangers' messages are for validation only: no training message repeats one, nor
    eight words in a row of one."""
    corpus = next((p / "shared" / "corpus" for p in Path(__file__).resolve().parents
                   if (p / "shared" / "corpus").is_dir()), None)
    if corpus is None:
        # CI always has shared/ beside the checkout: there the check must run, never skip.
        if os.environ.get("CI"):
            pytest.fail("CI has no shared/corpus beside the checkout: cannot prove the training "
                        "data is not the validation corpus")
        pytest.skip("the shared corpus is not on this machine")
    theirs = [json.loads(line)["text"] for name in ("buyer_messages_real.jsonl", "buyer_messages_dev.jsonl")
              for line in (corpus / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    their_texts = {" ".join(t.lower().split()) for t in theirs}
    their_shingles = set().union(*(_shingles(t) for t in theirs))
    for row in load_rows():
        assert " ".join(row["text"].lower().split()) not in their_texts, row["id"]
        assert not (_shingles(row["text"]) & their_shingles), row["id"]


@pytest.fixture(scope="module")
def retrained():
    return train()


def test_retraining_reproduces_the_figures(retrained):
    data, metrics = retrained
    stored = json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["messages"] == stored["messages"]
    assert data["threshold"] == stored["threshold"]
    for key in ("no_reply_precision", "no_reply_recall", "intent_accuracy"):
        assert metrics["held_out_figures"][key] >= stored["held_out_figures"][key] - 0.005, key
    assert metrics["held_out_figures"]["no_reply_precision"] >= 0.97


def test_the_shipped_model_meets_its_own_held_out_figures():
    stored = json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))
    figures = evaluate(load_model(), [r for r in load_rows() if held_out(r)])
    assert figures["no_reply_precision"] >= 0.97
    for key in ("no_reply_precision", "no_reply_recall", "intent_accuracy"):
        assert figures[key] == pytest.approx(stored["held_out_figures"][key], abs=0.001), key


def test_a_malformed_model_fails_naming_the_file(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid JSON"):
        load_model_from(bad)
    bad.write_text(json.dumps({"format": 1, "intents": ["a"], "threshold": 0.5, "reply_bias": 0,
                               "intent_bias": [0, 0], "features": {}}), encoding="utf-8")
    with pytest.raises(PolicyError, match="do not match"):
        load_model_from(bad)
    bad.write_text(json.dumps({"format": 9}), encoding="utf-8")
    with pytest.raises(PolicyError, match="format"):
        load_model_from(bad)


def test_the_training_set_speaks_in_strangers_voices_too():
    """Tweets to a support account, tracker posts with backstory, answers to the seller's question."""
    families = {r.get("family") for r in load_rows()}
    assert {"voice_tweet", "voice_tracker", "voice_letter", "voice_answer", "voice_closing+ask",
            "voice_resolved", "voice_review_left"} <= families


def test_the_training_set_blends_sentences_by_role():
    """policy/triage_data/blends.py: problems put as statements, remarks that ask nothing, praise
    before a question, answers to the seller; thousands of them."""
    rows = [r for r in load_rows() if r["family"].startswith("blend_")]
    assert len(rows) >= 5_000
    families = {r["family"] for r in rows}
    assert {"blend_where_is_my_order", "blend_delivery_problem", "blend_closing+return_or_refund",
            "blend_answer", "blend_thanks", "blend_resolved", "blend_praise", "blend_self_next",
            "blend_review_left", "blend_greeting"} <= families
    asks = [r for r in rows if r["needs_reply"] and r["family"] != "blend_answer"]
    assert sum("?" not in r["text"] for r in asks) > len(asks) / 3, "many problems are statements"


def _triage_figures(name: str) -> dict:
    """No-reply precision and recall and intent accuracy of policy.triage (the seller's previous
    message included) on tests/data/<name>."""
    from policy.triage import triage
    rows = [json.loads(line) for line in (DATA.parent.parent / "tests" / "data" / name)
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [triage(r["text"], previous=r.get("previous")) for r in rows]
    said_none = [not res["needs_reply"] for res in results]
    truly_none = [not r["needs_reply"] for r in rows]
    right = sum(s and t for s, t in zip(said_none, truly_none))
    return {"no_reply_precision": right / sum(said_none), "no_reply_recall": right / sum(truly_none),
            "intent_accuracy": sum(res["intent"] == r["intent"] for res, r in zip(results, rows)) / len(rows)}


@pytest.mark.parametrize("name, precision, recall, intent", [
    ("triage_blind3.jsonl", 0.97, 0.85, 0.90),
    ("triage_blind4.jsonl", 0.97, 0.80, 0.85),
])
def test_the_shipped_model_holds_on_sets_written_before_a_retraining(name, precision, recall, intent):
    """Never trained on: triage_blind3.jsonl (151 messages, some with the seller's previous message)
    was written before blends.py (before it: 0.984 / 0.873 / 0.881); triage_blind4.jsonl (60, two
    with a previous message) before situations.py (before it: 0.955 / 0.808 / 0.783)."""
    figures = _triage_figures(name)
    assert figures["no_reply_precision"] >= precision
    assert figures["no_reply_recall"] >= recall
    assert figures["intent_accuracy"] >= intent


def test_the_shipped_model_holds_on_the_set_written_after_retraining():
    """tests/data/triage_blind2.jsonl was written after training and never trained on (before the
    wider voice: 1.00 / 0.875 / 0.80)."""
    rows = [json.loads(line) for line in (DATA.parent.parent / "tests" / "data" / "triage_blind2.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    figures = evaluate(load_model(), rows)
    assert figures["no_reply_precision"] >= 0.97
    assert figures["no_reply_recall"] >= 0.9
    assert figures["intent_accuracy"] >= 0.85


def test_the_training_set_has_the_hard_situations_in_many_voices():
    """policy/triage_data/situations.py: the families strangers' messages failed on (issue 11), each
    message in one of several registers; a thank-you opener leads to a problem and to a closing alike."""
    rows = [r for r in load_rows() if r["family"].startswith("situation_")]
    assert len(rows) >= 5_000
    families = {r["family"] for r in rows}
    assert {"situation_sarcastic", "situation_answer", "situation_praise_story", "situation_resolved_gripe",
            "situation_review_done", "situation_opener+closing", "situation_where_is_my_order",
            "situation_delivery_problem", "situation_cancel_or_change_order", "situation_invoice_or_billing",
            "situation_fast_delivery_praise"} <= families
    assert any(f.startswith("situation_opener+") and f != "situation_opener+closing" for f in families)
    sarcastic = [r for r in rows if r["family"] == "situation_sarcastic"]
    assert all(r["needs_reply"] for r in sarcastic)
    assert sum(bool(re.search(r"\b(thanks|thank you|cheers|great|love)\b", r["text"].lower()))
               for r in sarcastic) > len(sarcastic) / 2, "sarcasm mostly starts with a thank-you or praise"
    praise = [r for r in rows if r["family"] == "situation_praise_story"]
    assert not any(r["needs_reply"] for r in praise)
    assert sum(len(r["text"].split()) >= 25 for r in praise) > len(praise) / 4, "long praise"


def test_every_english_generator_draws_through_one_loop():
    """grammar.py, voices.py, blends.py and situations.py share sampling.unique_rows: the same rows for
    the same seed, each text once (ignoring case and spacing), ids numbered in order."""
    from policy.triage_data import blends, grammar, situations, voices
    from policy.triage_data.sampling import unique_rows
    for module, prefix in ((grammar, "gen"), (voices, "voice"), (blends, "blend"), (situations, "situation")):
        rows = module.generate(300, seed=7)
        assert rows == module.generate(300, seed=7)
        assert [r["id"] for r in rows] == [f"{prefix}-{i:05d}" for i in range(1, 301)]
        keys = [" ".join(r["text"].lower().split()) for r in rows]
        assert len(set(keys)) == len(keys) and all(keys)
    same = unique_rows("x", 5, 1, lambda rng: (True, rng.choice(["A  b", "a b", " "]), "other", "f"))
    assert [r["text"] for r in same] == ["A  b"] or [r["text"] for r in same] == ["a b"]


def test_the_threshold_does_not_jump_with_a_few_messages():
    """The reply threshold is the bootstrap median of the precision rule: leaving out a tenth of the
    held-out split and of the hand-written sets moves it by at most 0.03 (the bare rule moved by up
    to 0.09 as data changed)."""
    import random

    from policy.triage_train import own_test_sets, stable_threshold, threshold_sets
    model = load_model()
    held = [r for r in load_rows() if held_out(r)]
    own = own_test_sets()
    shipped = json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))["threshold"]
    assert stable_threshold(threshold_sets(model, held, own)) == shipped
    sets = threshold_sets(model, held, own)
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        thinned = []
        for p, t, target in sets:
            keep = [i for i in range(len(p)) if rng.random() >= 0.1]
            thinned.append(([p[i] for i in keep], [t[i] for i in keep], target))
        assert abs(stable_threshold(thinned) - shipped) <= 0.03, seed
