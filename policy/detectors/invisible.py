"""Characters that change what the buyer sees without being seen: direction controls
(U+202A-202E, U+2066-2069: "\u202eweiver\u202c" shows as "review"), and lone surrogates
or private-use characters (shown as nothing or a box).

The normaliser already sees through them and through zero-width spaces (policy.normalize),
so the words they hide are checked. A direction control is flagged itself (blocking): in a
seller's message its only use is to make the text show differently from how it is
written. A broken character warns. Zero-width spaces are not flagged on their own: the
word they split is found and flagged as it is, and editors leave them behind in
ordinary text. Each hit offers "" (remove it). Linear: one regex pass.
"""
from __future__ import annotations

import re

from policy.normalize import Normalized

from .base import Hit

_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_ANY = re.compile(f"[{_DIRECTION}]+|[\ud800-\udfff\ue000-\uf8ff]+")
_HAS = re.compile(f"[{_DIRECTION}\ud800-\udfff\ue000-\uf8ff]")


def detect(text: str, norm: Normalized) -> list[Hit]:
    if not _HAS.search(text):
        return []
    hits = []
    for m in _ANY.finditer(text):
        ch = m.group()[0]
        if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
            hits.append(Hit(m.start(), m.end(), "direction", "block", ""))
        else:
            hits.append(Hit(m.start(), m.end(), "invalid", "warn", ""))
    return hits
