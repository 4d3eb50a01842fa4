"""One message as the rules see it: the normalised view, its sentences, detector hits, context.

Built once per check and shared by every rule, so the text is normalised,
split and scanned by each detector only once.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from .normalize import Normalized, normalize

# Chinese and Japanese characters (kana, CJK ideographs, half-width katakana): text written
# without spaces between words or after a sentence's end.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A sentence ends after ., ! or ? followed by a space or the end, at a semicolon, or at a line
# break; in Chinese and Japanese also at 。 and at ! or ? (full-width ones fold to these) before
# the next character, since no space follows there ("ありがとうございます！今後とも...").
# (Written as one character class first, then which of these it continues as: `re` then skips
# to those characters instead of trying four alternatives at every position: 6x faster than
# "[.!?…]+(?=\s|$)|。+|[!?]+(?=[CJK])|;|\n", with the same matches.)
_SENTENCE_END = re.compile(r"[.!?…。;\n](?:(?<=[.!?…])[.!?…]*(?=\s|$)|(?<=。)。*|(?<=[!?])[!?]*(?=["
                           + CJK_CHARS + r"])|(?<=[;\n]))")


def split_sentences(view: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `view`, leading spaces trimmed, empties dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(view):
        _add(spans, view, start, m.end())
        start = m.end()
    _add(spans, view, start, len(view))
    return spans


def _add(spans: list, view: str, start: int, end: int) -> None:
    while start < end and view[start].isspace():
        start += 1
    if start < end:
        spans.append((start, end))


class ContextError(ValueError):
    """A check context the rules cannot work with (a date too late to compute a window
    from): bad input, for the API to answer 400 and the CLI to exit 2. `key` names it."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"context.{key}: {problem}")
        self.key = key


@dataclass
class MessageView:
    """Everything a rule may look at for one check."""

    text: str
    normalized: Normalized
    template: object | None = None      # policy.templates.Template or None
    context: dict = field(default_factory=dict)
    facts: object | None = None         # policy.marketplace.Marketplace or None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _hits: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # per-check cache shared by the rules
    language: str | None = None         # the message's language, as the check reads it

    @classmethod
    def build(cls, text: str, template=None, context: dict | None = None,
              facts=None) -> "MessageView":
        nv = normalize(text)
        sentences = split_sentences(nv.text)
        return cls(text, nv, template, dict(context or {}), facts, sentences,
                   [s for s, _ in sentences])

    @property
    def view(self) -> str:
        return self.normalized.text

    @property
    def sentence_index(self) -> tuple[list[int], list[tuple[int, int]]]:
        """(sentence starts, sentence spans), for scanning only the sentences that matter."""
        return self._starts, self.sentences

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding view position `pos` (the nearest one before it)."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.normalized.span(start, end)

    def hits(self, detector_name: str, detector) -> list:
        """Detector hits (original offsets), computed once per check."""
        if detector_name not in self._hits:
            self._hits[detector_name] = list(detector(self.text, self.normalized))
        return self._hits[detector_name]

    def context_date(self, key: str) -> date | None:
        value = self.context.get(key)
        if not value:
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return None

    def today(self) -> date:
        return self.context_date("today") or date.today()
