"""The per-language violation model: load its JSON artefact, score sentences of a message.

The artefact (policy/violation_data/<lang>/model.json, written by `python -m
policy.violation_train --language <lang>`) holds the feature settings, the labels ("clean"
and the blocking categories it learnt), per feature its idf weight and one coefficient per
label (multinomial logistic regression over TF-IDF weighted features), and the threshold the
trainer chose. Scoring reproduces scikit-learn's TF-IDF and softmax in plain Python + numpy
(policy.triage_model.tfidf_decision), so the file is data: loading it runs nothing.

Features (`features`): of the normalised view of a sentence (policy.normalize: lower case,
accents and disguises folded), digits read as 0, character n-grams inside each word padded
with spaces ("char_wb", any script: Japanese, written without spaces, is one run) and word
unigrams and bigrams ("w:..."). A pair of adjacent sentences is scored with the features of
both and their cross features (`cross`: a stem of one with a stem of the other), since a
condition often spans two: "Schreiben Sie eine Bewertung. Dann bekommen Sie 10 € zurück." is an
inducement, though each sentence alone is harmless.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from .policyfile import PolicyError
from .textview import CJK_CHARS
from .triage_model import read_artefact, tfidf_decision

FORMAT = 1
ROOT = Path(__file__).resolve().parent  # model paths in rules are relative to policy/
CLEAN = "clean"
_DIGITS = re.compile(r"\d")
_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_CJK_RUN = re.compile("[" + CJK_CHARS + "]")


def features(text: str, char_range: tuple[int, int] = (3, 5), words: int = 2) -> list[str]:
    """The features of one normalised sentence (the trainer's analyzer too: training and the app
    read a sentence the same way)."""
    toks = _WORDS.findall(_DIGITS.sub("0", text))
    lo, hi = char_range
    out = []
    for tok in toks:
        padded = f" {tok} "
        size = len(padded)
        for n in range(lo, min(hi, size) + 1):
            out.extend(padded[i:i + n] for i in range(size - n + 1))
    out.extend("w:" + t for t in toks)
    if words >= 2:
        out.extend(f"w:{a} {b}" for a, b in zip(toks, toks[1:]))
    return out


CROSS_KEYS = 30  # the keys of a sentence that pair with the other's (bounds a pair's cost)


def keys(text: str) -> list[str]:
    """What a sentence contributes to a pair's cross features: the first six letters of each word
    of three letters or more (a crude stem: "bewertung", "bewerten" -> "bewert"), or, in a run of
    Chinese or Japanese characters, its character pairs. Unique, in order, at most CROSS_KEYS."""
    out: dict[str, None] = {}
    for tok in _WORDS.findall(_DIGITS.sub("0", text)):
        if _CJK_RUN.match(tok):
            for i in range(len(tok) - 1):
                out.setdefault(tok[i:i + 2])
        elif len(tok) >= 3:
            out.setdefault(tok[:6])
        if len(out) >= CROSS_KEYS:
            break
    return list(out)[:CROSS_KEYS]


def cross(first: list[str], second: list[str]) -> list[str]:
    """A pair's conjunction features, one per key of one sentence with a key of the other, in
    either order ("x:bewert|zuruck"): a linear model cannot otherwise learn that a review
    request and money back are a violation together and harmless apart."""
    return [f"x:{a}|{b}" if a <= b else f"x:{b}|{a}" for a in first for b in second if a != b]


class ViolationModel:
    """One language's model: per sentence (or pair) the probability of each label."""

    def __init__(self, data: dict, path: Path):
        if data.get("format") != FORMAT:
            raise PolicyError(f"{path}: violation model format {data.get('format')!r}, expected {FORMAT}")
        try:
            self.language = str(data["language"])
            self.labels: list[str] = [str(x) for x in data["labels"]]
            self.threshold = float(data["threshold"])
            self.char_range = tuple(int(n) for n in data["char_range"])
            self.words = int(data["words"])
            self.bias = np.array([float(b) for b in data["bias"]])
            rows = data["features"]
            self.index = {name: i for i, name in enumerate(rows)}
            self.idf = np.array([float(r[0]) for r in rows.values()])
            self.table = np.array([[float(x) for x in r[1:]] for r in rows.values()], dtype=float)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise PolicyError(f"{path}: malformed violation model: {exc}") from None
        if CLEAN not in self.labels or len(self.bias) != len(self.labels) or len(self.char_range) != 2 or (
                len(self.table) and self.table.shape[1] != len(self.labels)):
            raise PolicyError(f"{path}: violation model rows do not match its labels {self.labels}")
        if not 0.0 < self.threshold < 1.0:
            raise PolicyError(f"{path}: violation model threshold {self.threshold} is not between 0 and 1")
        self.meta = data.get("meta", {})
        self.clean = self.labels.index(CLEAN)

    def counts(self, text: str) -> Counter:
        """Feature rows of one sentence the model knows, with their occurrences."""
        index = self.index
        return Counter(index[f] for f in features(text, self.char_range, self.words) if f in index)

    def probabilities(self, counts: Counter) -> dict[str, float]:
        decision, _ = tfidf_decision(counts, self.idf, self.table, len(self.labels))
        z = self.bias + decision
        z = np.exp(z - z.max())
        return dict(zip(self.labels, (z / z.sum()).tolist()))

    def verdict(self, counts: Counter) -> tuple[str, float]:
        """(the most likely blocking category, the probability that the text is not clean)."""
        p = self.probabilities(counts)
        category = max((label for label in self.labels if label != CLEAN), key=p.__getitem__)
        return category, 1.0 - p[CLEAN]

    def pair_counts(self, first: Counter, second: Counter, first_keys: list[str],
                    second_keys: list[str]) -> Counter:
        """A pair's feature rows: both sentences' and their cross features the model knows."""
        index = self.index
        both = first + second
        both.update(index[f] for f in cross(first_keys, second_keys) if f in index)
        return both

    def readings(self, sentences: list[str]) -> list[tuple[int, int, str, float]]:
        """(first sentence, last sentence, category, probability of a violation) for each sentence
        and each pair of adjacent sentences."""
        counts = [self.counts(s) for s in sentences]
        out = [(i, i, *self.verdict(c)) for i, c in enumerate(counts)]
        if len(sentences) > 1:
            ks = [keys(s) for s in sentences]
            out.extend((i, i + 1, *self.verdict(self.pair_counts(counts[i], counts[i + 1], ks[i], ks[i + 1])))
                       for i in range(len(counts) - 1))
        return out


def model_path(relative: str) -> Path:
    """A model named in a rule, relative to policy/ (no absolute path, no way out of it)."""
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".json":
        raise ValueError(f"a model is a .json file named relative to policy/ (got {relative!r})")
    return ROOT / path


@lru_cache(maxsize=None)
def load_violation_model(path: Path) -> ViolationModel:
    return ViolationModel(read_artefact(path, "violation model"), Path(path))
