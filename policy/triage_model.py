"""The trained triage model: load its JSON artefact, score a message, name the deciding words.

The artefact (policy/triage_data/model.json, written by `python -m policy.triage_train`)
holds, per feature, its idf weight and its coefficient in two linear models:
needs-a-reply vs. not (logistic regression) and the intent (multinomial logistic
regression). Scoring here reproduces scikit-learn's TF-IDF (sublinear tf, l2
norm) and decision functions in plain Python, so the app needs neither
scikit-learn nor a pickle at run time: the file is data, not code, and
loading it cannot execute anything (numpy does the arithmetic).
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .policyfile import PolicyError
from .triage_features import Token, features_at, tokens, view_of

MODEL_PATH = Path(__file__).resolve().parent / "triage_data" / "model.json"
FORMAT = 1


@dataclass(frozen=True)
class Scored:
    """One message as the model saw it."""

    norm: object  # policy.normalize.Normalized
    view: str
    toks: list[Token]
    p_no_reply: float
    intent_scores: dict[str, float]  # decision values (higher = more likely)
    reply_by_token: list[float]  # contribution of each token towards "needs a reply"
    # (row in the weight table, share of its value, first token, last token) per occurrence
    occurrences: list[tuple[int, float, int, int]]
    model: "TriageModel"

    def intent_weights(self, first: int, last: int) -> dict[str, float]:
        """How much tokens first..last push towards each intent (for naming a phrase)."""
        rows, shares = [], []
        for row, share, a, b in self.occurrences:
            if a <= last and b >= first:
                rows.append(row)
                shares.append(share * (min(b, last) - max(a, first) + 1))
        if not rows:
            return dict.fromkeys(self.model.intents, 0.0)
        totals = np.asarray(shares) @ self.model.table[rows, 1:]
        return dict(zip(self.model.intents, totals.tolist()))


class TriageModel:
    def __init__(self, data: dict, path: Path):
        if data.get("format") != FORMAT:
            raise PolicyError(f"{path}: triage model format {data.get('format')!r}, expected {FORMAT}")
        try:
            self.intents: list[str] = list(data["intents"])
            self.threshold = float(data["threshold"])
            self.reply_bias = float(data["reply_bias"])
            self.intent_bias = np.array([float(b) for b in data["intent_bias"]])
            rows = data["features"]
            self.index = {name: i for i, name in enumerate(rows)}
            self.idf = np.array([float(r[0]) for r in rows.values()])
            # columns: reply coefficient, then one per intent
            self.table = np.array([[float(x) for x in r[1:]] for r in rows.values()], dtype=float)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise PolicyError(f"{path}: malformed triage model: {exc}") from None
        if len(self.intent_bias) != len(self.intents) or (
                len(self.table) and self.table.shape[1] != len(self.intents) + 1):
            raise PolicyError(f"{path}: triage model rows do not match its {len(self.intents)} intents")
        self.meta = data.get("meta", {})
        # Plain lists for per-token attribution: indexing numpy one scalar at a time is slow.
        self.rows = self.table.tolist()

    def score(self, text: str) -> Scored:
        norm, view = view_of(text)
        toks = tokens(view)
        index = self.index
        found = [(index[name], first, last) for name, first, last in features_at(toks) if name in index]
        counts: dict[int, int] = defaultdict(int)
        for row, _, _ in found:
            counts[row] += 1
        decision, values = tfidf_decision(counts, self.idf, self.table, len(self.intents) + 1)
        value_of = dict(zip(counts, values))
        reply = self.reply_bias + float(decision[0])
        intent = (self.intent_bias + decision[1:]).tolist()
        reply_tok = [0.0] * len(toks)
        occurrences = []
        table = self.rows
        for row, first, last in found:
            if first < 0:
                continue
            share = value_of[row] / counts[row] / (last - first + 1)
            occurrences.append((row, share, first, last))
            push = table[row][0] * share
            for t in range(first, last + 1):
                reply_tok[t] += push
        p_reply = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, reply))))
        return Scored(norm, view, toks, 1.0 - p_reply, dict(zip(self.intents, intent)), reply_tok,
                      occurrences, self)

    def weight(self, feature: str) -> float:
        """A feature's coefficient towards "needs a reply" (0 when the model does not know it)."""
        row = self.index.get(feature)
        return self.rows[row][0] if row is not None else 0.0


def tfidf_decision(counts: dict[int, int], idf, table, width: int) -> tuple:
    """scikit-learn's TF-IDF (sublinear tf, l2 norm) of the feature rows counted in `counts`
    (row -> occurrences) times the coefficient `table` (rows x `width` outputs): the decision values
    (before the intercepts) and each counted row's TF-IDF value, in `counts` order. Shared by
    the triage and violation models (policy/violation_model.py)."""
    rows = np.fromiter(counts, dtype=np.int64, count=len(counts))
    if not len(rows):
        return np.zeros(width), []
    tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))
    values = tf * idf[rows]
    values /= math.sqrt(float(values @ values)) or 1.0
    return values @ table[rows], values.tolist()


def read_artefact(path: Path, what: str) -> dict:
    """A model artefact: a JSON object (data, never a pickle), or a PolicyError naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read the {what}: {exc}") from None
    except ValueError as exc:
        raise PolicyError(f"{path}: the {what} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: the {what} must be a JSON object")
    return data


def load_model_from(path: Path) -> TriageModel:
    return TriageModel(read_artefact(path, "triage model"), Path(path))


@lru_cache(maxsize=None)
def load_model() -> TriageModel:
    return load_model_from(MODEL_PATH)
