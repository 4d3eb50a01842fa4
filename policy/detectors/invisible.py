"""Characters that change what the buyer sees without being seen: direction controls
(U+202A-202E, U+2066-2069: "\u202eweiver\u202c" shows as "review"), zero-width spaces
and word joiners inside words, lone surrogates and private-use characters.

The normaliser already sees through them (policy.normalize), so the words they hide are
checked; this detector flags the characters themselves, since in a seller's message
their only use is to disguise. A direction override blocks; a zero-width character warns
(it is also left behind by copying from some editors). Zero-width joiners and variation
selectors are not flagged: emoji and some scripts need them.
Each hit offers "" (remove it). Linear: one regex pass.
"""
from __future__ import annotations

import re

from policy.normalize import Normalized

from .base import Hit

_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b\u2060\u2061-\u2064\u180e\ufeff\u00ad"
_ANY = re.compile(f"[{_DIRECTION}]+|[{_ZERO_WIDTH}]+|[\ud800-\udfff\ue000-\uf8ff]+")
_HAS = re.compile(f"[{_DIRECTION}{_ZERO_WIDTH}\ud800-\udfff\ue000-\uf8ff]")


def detect(text: str, norm: Normalized) -> list[Hit]:
    if not _HAS.search(text):
        return []
    hits = []
    for m in _ANY.finditer(text):
        ch = m.group()[0]
        if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
            hits.append(Hit(m.start(), m.end(), "direction", "block", ""))
        elif "\ud800" <= ch <= "\udfff" or "\ue000" <= ch <= "\uf8ff":
            hits.append(Hit(m.start(), m.end(), "invalid", "warn", ""))
        elif ch == "\ufeff" and m.start() == 0:
            continue  # a byte-order mark at the very start is an encoding artefact
        elif ch == "\u00ad":
            continue  # a soft hyphen is a hyphenation hint, shown only at a line end
        else:
            hits.append(Hit(m.start(), m.end(), "zero_width", "warn", ""))
    return hits
