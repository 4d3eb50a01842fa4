"""Emoji: code points and sequences drawn as pictures (⭐ ✅ ❤️ 👍🏽 🇬🇧, ZWJ families,
keycaps like 5️⃣), found with the `emoji` package.

Text symbols are not emoji: ★ ✓ ✗ → × ½ °, and a character whose default look is
text (™ ® © ↔ ✔ ♥ and bare # or digits) unless U+FE0F asks for the picture. A few
text-default characters that phones draw as pictures anyway (❤ ☺ ✌ ...) count.

Removing the emoji is the fix, so each hit offers "" and swallows one neighbouring
space, leaving "your rug 😊 Thanks" as "your rug Thanks". Emoji side by side, or
with spaces between, make one hit.
"""
from __future__ import annotations

import emoji
import regex

from policy.normalize import Normalized

from .base import Hit

_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
_DRAWN_ANYWAY = frozenset("❤☺☹✌☝✍❣")
_VS16 = "\ufe0f"


def _is_picture(seq: str) -> bool:
    if len(seq) > 1:
        return True  # a sequence: variation selector, skin tone, ZWJ, keycap or flag
    return bool(_PRESENTATION.match(seq)) or seq in _DRAWN_ANYWAY


def detect(text: str, norm: Normalized) -> list[Hit]:
    if text.isascii():
        return []
    spans: list[list[int]] = []
    for m in emoji.emoji_list(text):
        start, end = m["match_start"], m["match_end"]
        if not _is_picture(m["emoji"]) and text[end:end + 1] != _VS16:
            continue
        if text[end:end + 1] == _VS16:
            end += 1
        if spans and text[spans[-1][1]:start].strip(" ") == "":
            spans[-1][1] = end  # neighbours become one hit
        else:
            spans.append([start, end])
    hits = []
    for start, end in spans:
        before = text[start - 1:start] if start else "\n"
        after = text[end:end + 1]
        if after == " " and before in (" ", "\n", "\t", ""):
            end += 1      # "🔥 Flash sale" -> "Flash sale"; "rug 😊 Thanks" -> "rug Thanks"
        elif before == " " and (after in ("", "\n", "\r") or after in ".,;:!?)"):
            start -= 1    # "tomorrow 👍🏽" -> "tomorrow"; "review ❤️!" -> "review!"
        hits.append(Hit(start, end, "emoji", "block", ""))
    return hits
