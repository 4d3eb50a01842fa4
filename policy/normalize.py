"""A matching view of a message that sees through disguises, mapped back to the original.

Rules match against `Normalized.text`; `Normalized.span()` turns a match back
into code-point offsets of the text as submitted, so highlights land on what
the seller actually typed. The view is lower-case, NFKC-folded (full-width
letters, ligatures), with look-alike letters from other scripts replaced by
Latin ones, accents (not the voicing marks of Japanese kana) and invisible characters removed (zero-width spaces,
direction controls, lone surrogates, private-use characters), every space-like
character turned into a plain space (Hangul fillers and the braille blank
included), and letters spelled out with spaces or dots ("f r e e", "s.t.a.r")
joined up. A right-to-left override ("\u202eweiver\u202c", which a screen shows
as "review") is read as it is displayed: its run is reversed in the view.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

# Cyrillic and Greek letters that render like Latin ones (lower-case after casefold).
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i",
    "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ꜰ": "f", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
    "ı": "i", "ℓ": "l", "ø": "o", "ð": "d", "ł": "l", "đ": "d", "ħ": "h",
    # Typographic dashes and quotes -> ASCII, so "five‑star" and "don’t" match like typed ones.
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "‘": "'", "’": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "„": '"',
}
# Format characters that hide inside words: zero-width space/joiners, word joiner, BOM, soft hyphen.
# Lone surrogates (Cs: JSON may carry "\ud800") and private-use characters (Co) show as
# nothing or a box: they must not split an address either.
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me", "Cc", "Cs", "Co"}
# Letters that render as blank space: Hangul fillers, the braille blank, halfwidth filler.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# A right-to-left override runs to the pop-directional-formatting character (or the end of
# an isolate, or of the line): what it holds is displayed reversed.
_OVERRIDE_RUN = regex.compile(r"\u202e([^\u202c\u2069\n]*)")
_KEEP_CONTROL = {"\n", "\t"}
# Hiragana and katakana (full-width; half-width katakana fold to these).
_KANA = regex.compile("[\u3040-\u30ff]")

# Three or more single letters/digits separated by one space, dot, dash, underscore or asterisk
# ("f r e e", "s.t.a.r.s", "r-e-v-i-e-w"); the separators are dropped.
_SPELLED_OUT = regex.compile(r"(?<!\w)(?:\p{L}[ .\-_*]){2,}\p{L}(?!\w)")
# A cheap necessary condition for it (stdlib `re` skips ahead several times faster than
# `regex` on this): three letters, each but the last followed by one separator, with no ASCII
# word character before. Any non-ASCII character stands in for a letter, so no letter of any
# script or Unicode version is missed; the exact pattern then decides.
_LETTER_OR_NON_ASCII = r"(?:[A-Za-z]|[^\x00-\x7f])"
_MAYBE_SPELLED_OUT = re.compile(r"(?<![0-9A-Za-z_])" + _LETTER_OR_NON_ASCII + r"[ .\-_*]"
                                + _LETTER_OR_NON_ASCII + r"[ .\-_*]" + _LETTER_OR_NON_ASCII)
_ONE_LETTER_WORDS = ("a", "i")


def _is_article(letters: list[str]) -> bool:
    """Whether the first of a run of spelled-out letters is the word "a" or "I" on its own.

    "a f r e e gift" keeps its article; "I N S T A G R A M" and "i n s t a g r a m" are one
    word: an article is written "a"/"A" and the pronoun "I", and neither comes before a run
    that is all capitals.
    """
    first, rest = letters[0], "".join(letters[1:])
    if rest.isupper():
        return False
    return first in ("a", "A") or (first == "I" and rest.islower())
# Characters the fold must look at one by one: all but printable ASCII, tab and line feed.
_NOT_PLAIN = regex.compile(r"[^\x09\x0a\x20-\x7f]")


@dataclass(frozen=True, eq=False)
class Normalized:
    """The matching view and, for each of its characters, the original index.

    Compared and hashed by identity (eq=False): the detectors' per-message caches are keyed
    by it, and hashing `origin` (one int per character) on every lookup cost more than the
    cache saved."""

    original: str
    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)
    in_order: bool = True    # False when a reversed run makes `origin` go backwards

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for the view's [start, end)."""
        if end <= start:
            o = self.origin[start]
            return o, o
        if not self.in_order:
            piece = self.origin[start:end]
            return min(piece), max(piece) + 1
        stop, limit = self.origin[end - 1] + 1, self.origin[end]
        # Marks dropped from the view (accents, U+FE0F, keycap) belong to the last character.
        while stop < limit and _attaches_to_previous(self.original[stop]):
            stop += 1
        return self.origin[start], stop


def _attaches_to_previous(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me") or "\U000e0020" <= ch <= "\U000e007f"


def _fold_char(ch: str) -> str:
    if ch in _KEEP_CONTROL:
        return ch
    if ch == "\r":
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cc" and ch.isspace():  # vertical tab, form feed, NEL...: separators, not invisible
        return " "
    if cat in _INVISIBLE_CATEGORIES:
        return ""
    if ch in _BLANK_LETTERS:
        return " "
    if cat == "Zs" or cat == "Zl" or cat == "Zp":
        return "\n" if cat in ("Zl", "Zp") else " "
    out = []
    folded = unicodedata.normalize("NFKC", ch)
    # Accents go, but not the voicing marks of kana: 「ド」 is not 「ト」, 「ご」 not 「こ」.
    for c in folded if _KANA.match(folded) else unicodedata.normalize("NFKD", folded):
        if unicodedata.category(c) in ("Mn", "Me"):
            continue
        for lc in c.casefold():
            out.append(_CONFUSABLES.get(lc, lc))
    return "".join(out)


@lru_cache(maxsize=4096)
def _fold_cached(ch: str) -> str:
    return _fold_char(ch)


def _fold_one(text: str, i: int, ch: str) -> str:
    """The view text for original character `ch` at index `i` (an ASCII letter is handled
    by the caller in bulk)."""
    if ch.isascii():
        if ch == "\r":
            if text[i + 1:i + 2] == "\n":
                return ""
            return "\n"  # a lone CR (old Mac line ending) is a line break
        folded = ch.lower() if ch.isalpha() else ch
        if folded < " " and folded not in _KEEP_CONTROL:
            return " " if folded.isspace() else ""
        return folded
    return _fold_cached(ch)


def _fold_text(text: str) -> tuple[str, list[int]]:
    """The fold: the view and each view character's original index. Plain ASCII stretches
    (printable, tab, line feed) are lower-cased in bulk; other characters one by one."""
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _NOT_PLAIN.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i].lower())
            origin.extend(range(pos, i))
        folded = _fold_one(text, i, m.group())
        if folded:
            parts.append(folded)
            origin.extend([i] * len(folded))
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:].lower())
        origin.extend(range(pos, len(text)))
    return "".join(parts), origin


def displayed(text: str) -> str:
    """`text` as a screen shows it: each right-to-left override run reversed (its case and
    accents kept, for the language detector)."""
    return _OVERRIDE_RUN.sub(lambda run: run.group(1)[::-1], text) if "\u202e" in text else text


def override_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run a right-to-left override shows reversed."""
    return [run.span(1) for run in _OVERRIDE_RUN.finditer(text)] if "\u202e" in text else []


def _display_order(text: str, view: str, origin: list[int]) -> tuple[str, list[int]]:
    """The view with each right-to-left override run reversed, as a screen shows it."""
    chars = list(view)
    runs = [(bisect_left(origin, run.start(1)), bisect_left(origin, run.end(1)))
            for run in _OVERRIDE_RUN.finditer(text)]  # found while origin is still in order
    for lo, hi in runs:
        chars[lo:hi] = chars[lo:hi][::-1]
        origin[lo:hi] = origin[lo:hi][::-1]
    return "".join(chars), origin


def normalize(text: str) -> Normalized:
    """Build the matching view of `text`. Linear in the length of the text."""
    view, origin = _fold_text(text)
    in_order = True
    if "\u202e" in text:
        view, origin = _display_order(text, view, origin)
        in_order = False
    # Join letters spelled out with separators.
    if _MAYBE_SPELLED_OUT.search(view) and _SPELLED_OUT.search(view):
        keep = [True] * len(view)
        for m in _SPELLED_OUT.finditer(view):
            first = m.start() + 1
            # "a f r e e gift": the article stays a word of its own.
            if (view[m.start()] in _ONE_LETTER_WORDS and m.end() - m.start() >= 7
                    and _is_article([text[origin[j]] for j in range(m.start(), m.end(), 2)])):
                first += 2
            for j in range(first, m.end(), 2):
                keep[j] = False
        chars = [c for c, k in zip(view, keep) if k]
        origin = [o for o, k in zip(origin, keep) if k]
        view = "".join(chars)
    origin.append(len(text))
    return Normalized(text, view, tuple(origin), in_order)
