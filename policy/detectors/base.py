"""What a detector returns, and a rewritable view that keeps offsets honest.

Detectors match on a view of the message that sees through disguises; every
rewrite records what it replaced, so a hit found in the view maps back to what
the seller actually typed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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


# What a rewrite callback returns: keep (None), a new string, or a new string for a
# wider stretch (string, start, end).
Replacement = "str | tuple[str, int, int] | None"


@dataclass(frozen=True)
class View:
    """A rewritten copy of `Normalized.text` that can map its offsets back.

    Each rewrite records its edits (new_start, new_end, old_start, old_end) instead of
    a per-character table, so building a view costs one pass; mapping back costs a
    bisect per view generation, and is only done for the few spans that are hits.
    """

    norm: Normalized
    text: str
    parent: "View | None" = None
    edits: tuple[tuple[int, int, int, int], ...] = ()

    @classmethod
    def of(cls, norm: Normalized) -> "View":
        return cls(norm, norm.text)

    def _to_parent(self, pos: int, is_end: bool) -> int:
        i = bisect_right(self.edits, (pos, float("inf"))) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self.edits[i]
        if pos < new_end:
            # Inside a replacement: a span starting there starts where the match
            # started, one ending there ends where it ended ("seven" -> "7").
            return old_end - 1 if is_end else old_start
        return pos - new_end + old_end

    def to_norm(self, pos: int, is_end: bool = False) -> int:
        """Index into `norm.text` of this view's character `pos` (the last character
        of a span when `is_end`)."""
        view: View | None = self
        while view is not None and view.parent is not None:
            pos = view._to_parent(pos, is_end)
            view = view.parent
        return pos

    def span(self, start: int, end: int) -> tuple[int, int]:
        """ORIGINAL (start, end) for this view's [start, end)."""
        if end <= start:
            i = self.to_norm(start) if start < len(self.text) else len(self.norm.text)
            return self.norm.span(i, i)
        return self.norm.span(self.to_norm(start), self.to_norm(end - 1, is_end=True) + 1)

    def rewrite(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], Replacement]) -> "View":
        """Replace each match of `pattern` by what `replace(match)` returns.

        `replace` returns None (keep the match), a string, or (string, start, end) to
        replace a wider stretch than the match itself (e.g. the spaces around it).
        """
        pieces: list[str] = []
        edits: list[tuple[int, int, int, int]] = []
        last = 0
        length = 0  # length of the new text so far
        for m in pattern.finditer(self.text):
            new = replace(m)
            if new is None:
                continue
            start, end = m.start(), m.end()
            if not isinstance(new, str):
                new, start, end = new
            if start < last:
                continue  # overlaps the previous replacement
            kept = self.text[last:start]
            pieces.append(kept)
            length += len(kept)
            pieces.append(new)
            edits.append((length, length + len(new), start, end))
            length += len(new)
            last = end
        if not edits:
            return self
        pieces.append(self.text[last:])
        return View(self.norm, "".join(pieces), self, tuple(edits))


def take_in_spelled_letter(text: str, start: int) -> int:
    """Start of a spelled-out address, counting a first letter the normaliser kept apart.

    normalize() leaves a leading "a" or "i" out of a spelled-out run, taking it for an
    article ("a n n a @ ..." -> "a nna@..."). When a hit starts on a spelled-out letter
    right after such a lone letter, the lone letter belongs to it.
    """
    if (start >= 2 and text[start - 1] == " " and text[start - 2] in "aAiI"
            and (start == 2 or not text[start - 3].isalnum())
            and text[start + 1:start + 2] == " "):
        return start - 2
    return start


def drop_overlapping(hits: Iterable[Hit], blockers: Iterable[Hit]) -> list[Hit]:
    """Hits that overlap none of `blockers` (n log n: a bisect per hit)."""
    blocked = sorted((b.start, b.end) for b in blockers)
    starts = [s for s, _ in blocked]
    # reach[i]: the furthest end among blocked[0..i]
    reach: list[int] = []
    for _, e in blocked:
        reach.append(max(e, reach[-1]) if reach else e)
    out = []
    for h in hits:
        i = bisect_left(starts, h.end) - 1  # last blocker starting before h ends
        if i < 0 or reach[i] <= h.start:
            out.append(h)
    return out
