"""Emoji: code points and sequences drawn as pictures (⭐ ✅ ❤️ 👍🏽 🇬🇧, ZWJ families,
keycaps like 5️⃣), found with the `emoji` package.

Text symbols are not emoji: ★ ✓ ✗ → × ½ °, and a character whose default look is
text (™ ® © ↔ ✔ ♥ and bare # or digits) unless U+FE0F asks for the picture. A few
text-default characters that phones draw as pictures anyway (❤ ☺ ✌ ...) count.

Removing the emoji is the fix, so each hit offers "" and, when the emoji stands
between spaces, swallows the one after it: "your rug 😊 Thanks" -> "your rug Thanks".
A hit always starts on the emoji itself, so a highlight or a column points at it. Emoji side by side, or
with spaces between, make one hit.
"""
from __future__ import annotations

import re

import emoji
import regex

from policy.normalize import Normalized

from .base import Hit

_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
# Every code point that can be part of an emoji (checked against emoji.EMOJI_DATA in
# the tests). Only runs of these go to emoji_list, which is slow on long plain text.
_EMOJI_CHARS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a-\u23ff\u24c2"
    "\u25aa-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001F000-\U0001FAFF"
    "\u200d\ufe0e\ufe0f\u20e3\U000E0020-\U000E007F"
)
_EMOJI_RUN = re.compile(f"[#*0-9]?[{_EMOJI_CHARS}][{_EMOJI_CHARS}#*0-9]*")
_DRAWN_ANYWAY = frozenset("❤☺☹✌☝✍❣")
_VS16 = "\ufe0f"


emoji.emoji_list("\U0001F600")  # build the package's search tree now, not on the first message


def _is_picture(seq: str) -> bool:
    if len(seq) > 1:
        return True  # a sequence: variation selector, skin tone, ZWJ, keycap or flag
    return bool(_PRESENTATION.match(seq)) or seq in _DRAWN_ANYWAY


def _emoji_in(text: str):
    """(start, end, emoji) for each emoji the `emoji` package finds, run by run."""
    for run in _EMOJI_RUN.finditer(text):
        for m in emoji.emoji_list(run.group()):
            yield run.start() + m["match_start"], run.start() + m["match_end"], m["emoji"]


def detect(text: str, norm: Normalized) -> list[Hit]:
    if text.isascii():
        return []
    spans: list[list[int]] = []
    for start, end, seq in _emoji_in(text):
        if not _is_picture(seq) and text[end:end + 1] != _VS16:
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
        if text[end:end + 1] == " " and before in (" ", "\n", "\t"):
            end += 1  # "🔥 Flash sale" -> "Flash sale"; "rug 😊 Thanks" -> "rug Thanks"
        hits.append(Hit(start, end, "emoji", "block", ""))
    return hits
