"""Undo the ways people disguise the dots and at-signs of addresses.

"shop . com", "shop[.]com", "shop(dot)com", "www dot shop dot com",
"jane (at) mail [dot] com", "service AT brightlamp DOT co DOT uk". Each rewrite
keeps offsets (see base.View). The view these work on is already lower-case,
NFKC-folded (full-width dots and at-signs), free of invisible characters and
with spelled-out letters joined, so "j a n e @ g m a i l . c o m" arrives as
"jane @ gmail . com".
"""
from __future__ import annotations

import re

from .base import View

_OPEN = r"[(\[{<]"
_CLOSE = r"[)\]}>]"

# (Each pattern starts only where a run of spaces starts: linear on long runs.)
# A bracketed dot or the word "dot" between spaces; a dot with spaces around it.
_DOT = re.compile(
    rf"(?<![ \t])[ \t]*{_OPEN}[ \t]*(?:dot|\.)[ \t]*{_CLOSE}[ \t]*"
    r"|(?<![ \t])[ \t]+dot[ \t]+(?=[a-z0-9])"
    r"|(?<![ \t])[ \t]+\.[ \t]*(?=[a-z0-9])"
)
# "slash" spelled out, or a slash with spaces around it, right after a name.
_SLASH = re.compile(r"(?<=[a-z0-9])[ \t]+(?:slash|/)[ \t]+(?=[a-z0-9])")

# Bracketed "at", or an at-sign with spaces around it: unambiguous.
_AT = re.compile(rf"(?<![ \t])[ \t]*(?:{_OPEN}[ \t]*(?:at|@)[ \t]*{_CLOSE}|@)[ \t]*")
# The bare word "at" between spaces: only an address when the rest looks like one.
_WORD_AT = re.compile(r"(?<=[a-z0-9_])[ \t]+at[ \t]+(?=[a-z0-9])")

WORD_AT_MARK = "\uE000"  # private-use stand-in for a bare-word "at", told apart from "@"


def undot(view: View) -> View:
    """Dots and slashes written as words, brackets or with spaces become '.' and '/'."""
    view = view.rewrite(_DOT, lambda m: ".")
    return view.rewrite(_SLASH, lambda m: "/")


def unat(view: View) -> View:
    """Bracketed or spaced at-signs become '@'; a bare word "at" becomes WORD_AT_MARK."""
    view = view.rewrite(_AT, lambda m: "@")
    return view.rewrite(_WORD_AT, lambda m: WORD_AT_MARK)
