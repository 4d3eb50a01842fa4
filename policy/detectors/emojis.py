"""Emoji: code points and sequences drawn as pictures (⭐ ✅ ❤️ 👍🏽 🇬🇧, ZWJ families,
keycaps like 5️⃣), found with the `emoji` package's data (emoji.EMOJI_DATA).

Text symbols are not emoji: ★ ✓ ✗ → × ½ °, and a character whose default look is
text (™ ® © ↔ ✔ ♥ and bare # or digits) unless U+FE0F asks for the picture. A few
text-default characters that phones draw as pictures anyway (❤ ☺ ✌ ...) count.

Removing the emoji is the fix, so each hit offers "" and, when the emoji stands
between spaces, swallows the one after it: "your rug 😊 Thanks" -> "your rug Thanks".
A hit always starts on the emoji itself, so a highlight or a column points at it.
Emoji side by side, or with spaces or joiners between, make one hit.
"""
from __future__ import annotations

import re

import emoji
import regex

from policy.normalize import Normalized

from .base import Hit

_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
# Every code point that can be part of an emoji (checked against emoji.EMOJI_DATA in
# the tests). Only runs of these are looked at, so plain text costs one regex pass.
_EMOJI_CHARS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a-\u23ff\u24c2"
    "\u25aa-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001F000-\U0001FAFF"
    "\u200d\ufe0e\ufe0f\u20e3\U000E0020-\U000E007F"
)
_EMOJI_RUN = re.compile(f"[#*0-9]?[{_EMOJI_CHARS}][{_EMOJI_CHARS}#*0-9]*")
_DRAWN_ANYWAY = frozenset("❤☺☹✌☝✍❣")
_VS16 = "\ufe0f"


def is_picture(seq: str) -> bool:
    """Whether an emoji sequence is drawn as a picture without help from U+FE0F."""
    if len(seq) > 1:
        return True  # a sequence: variation selector, skin tone, ZWJ, keycap or flag
    return bool(_PRESENTATION.match(seq)) or seq in _DRAWN_ANYWAY


def _build_tree() -> dict:
    """A prefix tree of every sequence in emoji.EMOJI_DATA. The key None marks the end
    of a sequence and says whether it is drawn as a picture on its own. Walking the
    tree is several times faster than emoji_list on long runs of emoji."""
    tree: dict = {}
    for sequence in emoji.EMOJI_DATA:
        node = tree
        for ch in sequence:
            node = node.setdefault(ch, {})
        node[None] = is_picture(sequence)
    return tree


_TREE = _build_tree()
_JOINERS = frozenset(" \u200d\ufe0e\ufe0f")  # between two emoji, still one hit


def _emoji_in(text: str):
    """(start, end, picture) for each emoji: the longest sequence the data knows at each
    point, looked for only inside runs of characters that can belong to an emoji."""
    for run in _EMOJI_RUN.finditer(text):
        i, stop = run.start(), run.end()
        while i < stop:
            node, j, end, picture = _TREE.get(text[i]), i + 1, None, False
            if node is not None and None in node:
                end, picture = j, node[None]
            while node is not None and j < stop:
                node = node.get(text[j])
                j += 1
                if node is not None and None in node:
                    end, picture = j, node[None]
            if end is None:
                i += 1
                continue
            yield i, end, picture
            i = end


def detect(text: str, norm: Normalized) -> list[Hit]:
    if text.isascii():
        return []
    spans: list[list[int]] = []
    for start, end, picture in _emoji_in(text):
        if text[end:end + 1] == _VS16:
            end += 1  # U+FE0F asks for the picture, even of a text-default character
        elif not picture:
            continue
        if spans and (spans[-1][1] == start or all(ch in _JOINERS for ch in text[spans[-1][1]:start])):
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
