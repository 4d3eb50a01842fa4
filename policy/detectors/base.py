"""What a detector returns, and a rewritable view that keeps offsets honest.

Detectors match on a view of the message that sees through disguises; every
rewrite keeps, for each view character, the index of the character it came
from, so a hit always lands on what the seller actually typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from policy.normalize import Normalized


@dataclass(frozen=True)
class Hit:
    """One span a detector found, in ORIGINAL code-point offsets."""

    start: int
    end: int
    kind: str
    severity: str = "block"
    replacement: str | None = None


@dataclass(frozen=True)
class View:
    """A rewritten copy of `Normalized.text`; `index[i]` is the norm-view index of char i."""

    norm: Normalized
    text: str
    index: tuple[int, ...]

    @classmethod
    def of(cls, norm: Normalized) -> "View":
        return cls(norm, norm.text, tuple(range(len(norm.text))))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """ORIGINAL (start, end) for this view's [start, end)."""
        if end <= start:
            o = self.norm.origin[self.index[start]] if start < len(self.index) else len(self.norm.original)
            return o, o
        return self.norm.span(self.index[start], self.index[end - 1] + 1)

    def rewrite(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> "View":
        """Replace each match of `pattern` by `replace(match)` (None keeps it).

        The replacement's characters all map to the match's first character,
        so a span that starts or ends on a rewritten piece covers all of it.
        """
        pieces: list[str] = []
        index: list[int] = []
        last = 0
        changed = False
        for m in pattern.finditer(self.text):
            new = replace(m)
            if new is None:
                continue
            changed = True
            pieces.append(self.text[last:m.start()])
            index.extend(self.index[last:m.start()])
            pieces.append(new)
            if new:
                # First char maps to the match start, the rest to the match end - 1,
                # so a span over the whole replacement covers the whole original.
                index.append(self.index[m.start()])
                index.extend([self.index[m.end() - 1]] * (len(new) - 1))
            last = m.end()
        if not changed:
            return self
        pieces.append(self.text[last:])
        index.extend(self.index[last:])
        return View(self.norm, "".join(pieces), tuple(index))


def drop_overlapping(hits: Iterable[Hit], blockers: Iterable[Hit]) -> list[Hit]:
    """Hits that overlap none of `blockers`."""
    blocked = sorted((b.start, b.end) for b in blockers)
    out = []
    for h in hits:
        if not any(s < h.end and h.start < e for s, e in blocked):
            out.append(h)
    return out
