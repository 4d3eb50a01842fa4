"""Undo the ways people disguise the dots and at-signs of addresses.

"shop . com", "shop[.]com", "shop(dot)com", "www dot shop dot com",
"jane (at) mail [dot] com", "service AT brightlamp DOT co DOT uk". Each rewrite
keeps offsets (see base.View). The view these work on is already lower-case,
NFKC-folded (full-width dots and at-signs), free of invisible characters and
with spelled-out letters joined, so "j a n e @ g m a i l . c o m" arrives as
"jane @ gmail . com".

Every pattern starts with a distinctive character or word, so the regex engine
skips ordinary text quickly; the spaces around a match are taken in by hand.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from policy.normalize import Normalized
from policy.policyfile import PolicyError, read_toml, refuse_unknown

from .base import View

_SPACE = " \t"
DISGUISES_FILE = Path(__file__).resolve().parents[1] / "common" / "disguises.toml"


def _words(kind: str) -> tuple[str, ...]:
    """Every language's words for `kind` ("dot" or "at") in policy/common/disguises.toml."""
    raw = read_toml(DISGUISES_FILE, "the disguise words")
    refuse_unknown(DISGUISES_FILE, "top level", raw, {"dot", "at", "phrase", "digits"})
    table = raw.get(kind)
    if not isinstance(table, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) and w.isalpha() and w == w.lower() for w in v)
            for v in table.values()):
        raise PolicyError(f"{DISGUISES_FILE}: [{kind}] maps a language to a list of lower-case words")
    return tuple(sorted({w for words in table.values() for w in words}, key=len, reverse=True))


DOT_WORDS = _words("dot")   # "dot", "punkt", "punto", "ドット"
AT_WORDS = _words("at")     # "klammeraffe", "arroba", "chiocciola", "アットマーク": only ever "@"
PHRASE_WORDS = frozenset(_words("phrase"))  # "the", "au", "ce": "x dot y" after them is a phrase
_DOT_WORD = "(?:" + "|".join(DOT_WORDS) + ")"
_AT_WORD = "(?:" + "|".join(AT_WORDS) + ")"
# Words of a language written without spaces (Japanese): an address's dot or at-sign with or
# without spaces around it ("infoアットマークshopドットjp"), between the address's Latin letters.
UNSPACED_DOTS = tuple(w for w in DOT_WORDS if not w.isascii())
UNSPACED_ATS = tuple(w for w in AT_WORDS if not w.isascii())
_ASCII_NAME = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
# Whether a text may hold a spelled-out dot or at-sign (the detectors' quick pre-check).
SPELLED_DOT = re.compile(_DOT_WORD)
# (For a yes/no question: each word first, what stands before it checked behind it, so `re`
# skips to the words' first letters; true exactly where
# "(?:^|[ \t(\[{<])" + _AT_WORD + "(?=[ \t)\]}>])|" + the unspaced words is.)
SPELLED_AT = re.compile("|".join(f"{re.escape(w)}(?<![^ \t(\\[{{<]{re.escape(w)})(?=[ \t)\\]}}>])" for w in AT_WORDS)
                        + ("|" + "|".join(UNSPACED_ATS) if UNSPACED_ATS else ""))

# A bracketed dot, a word for "dot", a dot with a space before it, an ideographic full stop.
_DOT_PLAIN = re.compile(
    r"[(\[{<][ \t]*(?:" + _DOT_WORD[3:-1] + r"|\.)[ \t]*[)\]}>]"
    r"|" + _DOT_WORD + r"(?=[ \t]+[a-z0-9])"
    + ("|(?:" + "|".join(UNSPACED_DOTS) + r")(?=[ \t]*[a-z0-9])" if UNSPACED_DOTS else "") +
    r"|\.[ \t]+(?=com(?![a-z]))"   # "brand. com/help" (not "net"/"org": "250 ml. Net weight")
    r"|\.(?=[ \t]*[a-z0-9])"
    r"|[\u3002\uff61\u00b7\u2022\u2219\u22c5\u2027\u30fb\uff65](?=[a-z0-9])"   # 。 ｡ · • ∙ ⋅ ‧ ・
)


def _first_char_led(first_chars: str, alternatives: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex matching exactly what the alternation of `first + rest` does (in that order),
    written as a character class of the first characters followed by each rest behind a
    look-behind for its first: `re` skips straight to those characters instead of trying
    every alternative at every position of the text (an alternative with "" as its first
    checks its own first character)."""
    return re.compile(f"[{first_chars}](?:" + "|".join(f"(?<={first}){rest}" if first else rest
                                                       for first, rest in alternatives) + ")")


def _word_rests(words) -> str:
    return "(?:" + "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words) + ")"


# _DOT_PLAIN, led by its first characters (the same matches: tests/unit/test_detect_links.py).
_CJK_DOTS = "\u3002\uff61\u00b7\u2022\u2219\u22c5\u2027\u30fb\uff65"
_DOT = _first_char_led(
    "(\\[{<." + _CJK_DOTS + re.escape("".join(sorted({w[0] for w in DOT_WORDS}))),
    [("[(\\[{<]", r"[ \t]*(?:" + _DOT_WORD[3:-1] + r"|\.)[ \t]*[)\]}>]"),
     ("", _word_rests(DOT_WORDS) + r"(?=[ \t]+[a-z0-9])")]
    + ([("", _word_rests(UNSPACED_DOTS) + r"(?=[ \t]*[a-z0-9])")] if UNSPACED_DOTS else [])
    + [("\\.", r"[ \t]+(?=com(?![a-z]))"),
       ("\\.", r"(?=[ \t]*[a-z0-9])"),
       ("[" + _CJK_DOTS + "]", r"(?=[a-z0-9])")])
# A scheme with spaces in it ("https : //", or "h t t p s : / /" once letters are joined).
_SCHEME = re.compile(r"(?<![a-z])(h[tx]{2}ps?|ftp)[ \t]*:[ \t]*/[ \t]*/[ \t]*")
# "slash" spelled out, or a slash with spaces around it.
_SLASH = re.compile(r"(?:slash|/)(?=[ \t]+[a-z0-9])")
# A bracketed "at" or at-sign; an at-sign with a space beside it (the spaces are taken
# in). Two patterns, each starting on a distinctive character, so both scan fast.
_AT_BRACKETED = re.compile(r"[(\[{<][ \t]*(?:at|@|" + _AT_WORD[3:-1] + r")[ \t]*[)\]}>]")
AT_BRACKETED = _AT_BRACKETED  # (the email detector's pre-check)
_AT_SIGN = re.compile(r"@")
# A word that only ever means "@" ("Klammeraffe"), between spaces (or, for a language written
# without spaces, before the address's next letter).
_AT_SPELLED = re.compile(_AT_WORD + r"(?=[ \t]+[a-z0-9])"
                         + ("|(?:" + "|".join(UNSPACED_ATS) + r")(?=[ \t]*[a-z0-9])" if UNSPACED_ATS else ""))
# The bare word "at": only an address when the rest looks like one (see emails).
_WORD_AT = re.compile(r"at(?=[ \t]+[a-z0-9])")

WORD_AT_MARK = "\uE000"  # private-use stand-in for a bare-word "at", told apart from "@"

# An address whose at-sign and dots are words joined to it by hyphens or underscores
# ("retoure-at-shop-punkt-de", "info_at_shop_dot_com", "ventas-arroba-tienda-punto-es";
# full-width ones arrive folded). Both an at-word and a dot-word (or a dot) are needed:
# "state-of-the-art" or "look-at-this" is no address.
_JOIN = "[-_]{1,2}"
_JOINED_DOT = f"(?:{_JOIN}{_DOT_WORD}{_JOIN}|\\.)"
_JOINED_ADDRESS = re.compile(
    f"(?<![a-z0-9])(?P<local>[a-z0-9][a-z0-9.]{{0,63}})"
    f"{_JOIN}(?:at|{_AT_WORD[3:-1]}){_JOIN}"
    f"(?P<name>[a-z0-9]{{1,63}}(?:-[a-z0-9]{{1,63}}){{0,3}}?)"
    f"(?P<suffix>(?:{_JOINED_DOT}[a-z]{{2,6}}){{1,3}})(?![a-z0-9])")
_JOINED_DOT_RE = re.compile(_JOINED_DOT)
# Whether a text may hold one (the e-mail detector's quick pre-check).
JOINED_AT = re.compile(f"[a-z0-9]{_JOIN}(?:at|{_AT_WORD[3:-1]}){_JOIN}[a-z0-9]")


def _joined(m: re.Match[str]) -> str:
    return f"{m.group('local')}@{m.group('name')}" + _JOINED_DOT_RE.sub(".", m.group("suffix"))


def unjoined(view: View) -> View:
    """Addresses written with joined words ("info_at_shop_dot_com") become plain ones."""
    if not JOINED_AT.search(view.text):
        return view
    return view.rewrite(_JOINED_ADDRESS, _joined)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] in _SPACE:
        start -= 1
    while end < len(text) and text[end] in _SPACE:
        end += 1
    return start, end


def _after_name(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")


def _unspaced(m: re.Match[str], mark: str):
    """A dot or at-sign word of a language written without spaces, between Latin name characters."""
    start, end = _widen(m.string, m.start(), m.end())
    return (mark, start, end) if start > 0 and m.string[start - 1] in _ASCII_NAME else None


def _dot(m: re.Match[str]):
    text, token = m.string, m.group()
    if token in UNSPACED_DOTS:
        return _unspaced(m, ".")
    spaced_before = m.start() > 0 and text[m.start() - 1] in _SPACE
    if token[0] == "." and not spaced_before:
        if len(token) > 1 and _after_name(text, m.start()):
            return ".", m.start(), m.end()  # "brand. com/help"
        return None  # an ordinary dot ("shop.com", "arrived. Thanks")
    if token in DOT_WORDS and not (spaced_before and (m.end() == len(text) or text[m.end()] in _SPACE)):
        return None  # "dotted", "polkadot"
    start, end = _widen(text, m.start(), m.end())
    if not _after_name(text, start):
        return None
    return ".", start, end


def _slash(m: re.Match[str]):
    text = m.string
    if m.start() == 0 or text[m.start() - 1] not in _SPACE:
        return None
    start, end = _widen(text, m.start(), m.end())
    return ("/", start, end) if _after_name(text, start) else None


def _at(m: re.Match[str]):
    start, end = _widen(m.string, m.start(), m.end())
    if m.group() == "@" and (start, end) == m.span():
        return None  # a plain at-sign: nothing to undo
    return "@", start, end


def _word_at(m: re.Match[str]):
    text = m.string
    if m.start() == 0 or text[m.start() - 1] not in _SPACE:
        return None  # "that", "flat"
    start, end = _widen(text, m.start(), m.end())
    return (WORD_AT_MARK, start, end) if _after_name(text, start) else None


def _spelled_at(m: re.Match[str]):
    text = m.string
    if m.group() in UNSPACED_ATS:
        return _unspaced(m, "@")
    if m.start() == 0 or text[m.start() - 1] not in _SPACE:
        return None  # part of a longer word
    start, end = _widen(text, m.start(), m.end())
    return ("@", start, end) if _after_name(text, start) else None


@lru_cache(maxsize=4)
def undotted(norm: Normalized) -> View:
    """undot() of a message's view, shared by the link and email detectors."""
    return undot(View.of(norm))


def undot(view: View) -> View:
    """Dots and slashes written as words, brackets or with spaces become '.' and '/'."""
    view = view.rewrite(_DOT, _dot)
    if "slash" in view.text or "/ " in view.text:
        view = view.rewrite(_SLASH, _slash)
    if ":" in view.text and "/" in view.text:
        view = view.rewrite(_SCHEME, lambda m: None if m.group() == m.group(1) + "://" else m.group(1) + "://")
    return view


def unat(view: View) -> View:
    """Bracketed or spaced at-signs become '@'; a bare word "at" becomes WORD_AT_MARK."""
    view = view.rewrite(_AT_BRACKETED, _at)
    if "@" in view.text:
        view = view.rewrite(_AT_SIGN, _at)
    if SPELLED_AT.search(view.text):
        view = view.rewrite(_AT_SPELLED, _spelled_at)
    return view.rewrite(_WORD_AT, _word_at)
