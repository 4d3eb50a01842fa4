"""Blanks left unfilled: "{buyer_name}", "{{order}}", "${x}", "[[order-id]]", "%SELLER%",
"[Buyer Name]", "<your name>", "XXX" standing in for a name or a number.

A message with a blank in it reads as a form letter gone wrong, so every one is a
finding; the seller fills it in (no replacement is offered: only they know the value).

What is not a blank: "[sic]", "[1]", "[at]", "{dot}" (a disguised address is the
email and link detectors' business), a lone "{" or "}" in text, "50% off 20%",
clothing sizes ("XXL", "XXXL"), "xxx" kisses at the end of a note, and X's inside an
identifier ("AB-XXX12", "XXX-4411"). Square and angle brackets only count when the
words inside name what a blank stands for (a name, a number, a date, the order...)
or are written in capitals like a form field ("[BUYER]").

Matched on the text as submitted (case matters: "%SELLER%", "XXX"); linear in its length.
"""
from __future__ import annotations

import re

from policy.normalize import Normalized

from .base import Hit

# The words a bracketed blank is made of: what it stands for.
_BLANK_WORDS = (
    r"name|names|first|last|surname|number|no|nr|num|id|date|day|time|order|orders|buyer|buyers"
    r"|customer|customers|seller|shop|store|company|brand|product|item|sku|asin|tracking|carrier"
    r"|courier|address|email|e-mail|phone|link|url|insert|your|here|amount|price|total|signature"
    r"|title|code|reason|details|detail|model|colou?r|size|quantity|qty|recipient|sender|agent"
    r"|team|status|eta|value|field|placeholder|tbd|tbc"
)
_CURLY = re.compile(
    r"\$\{[ \t]*[A-Za-z_][\w.\- ]{0,40}?[ \t]*\}"           # ${x}
    r"|\{\{[ \t]*[A-Za-z_][\w.\- ]{0,40}?[ \t]*\}\}"         # {{x}}
    r"|(?<![{$])\{[A-Za-z_][\w.\-]{0,30}(?: [\w.\-]{1,30}){0,3}\}(?!\})"  # {x}, not "{ and }"
)
_DOUBLE_SQUARE = re.compile(r"\[\[[ \t]*[A-Za-z_#][^\[\]\n]{0,40}?\]\]")
_DOUBLE_ANGLE = re.compile(r"<<[ \t]*[A-Za-z_][^<>\n]{0,40}?>>")
_PERCENT = re.compile(r"(?<![\w%])%[A-Za-z_][A-Za-z0-9_]{1,30}%(?![\w%])")
_SQUARE = re.compile(r"(?<!\[)\[([A-Za-z][A-Za-z0-9' _./\-]{0,40})\](?!\])")
_ANGLE = re.compile(r"<([A-Za-z][A-Za-z0-9' _./\-]{0,40})>")
_WORD_IN = re.compile(r"[A-Za-z0-9]+")
_BLANK_WORD = re.compile(rf"(?:{_BLANK_WORDS})", re.IGNORECASE)
# Three or more capital X's as a token of their own (not "XXL", "AB-XXX12", "XXX-4411").
_XXX = re.compile(r"(?<![\w\-/])X{3,}(?![\w\-/])")
# Not blanks inside brackets: editorial marks and the disguised "at" / "dot" of addresses.
_NOT_BLANKS = frozenset({"sic", "at", "dot", "sic!", "sp", "ed", "cont", "sarcasm", "joke"})


def _words_name_a_blank(inside: str) -> bool:
    words = _WORD_IN.findall(inside)
    if not words or len(words) > 5 or inside.strip().lower() in _NOT_BLANKS:
        return False
    if all(w.isdigit() for w in words):
        return False  # "[1]": a footnote
    if any(_BLANK_WORD.fullmatch(w) for w in words):
        return True
    # Written in capitals like a form field ("[BUYER]", "<SHOP>"), at least two letters.
    letters = "".join(w for w in words if not w.isdigit())
    return len(letters) >= 2 and letters.isupper()


def detect(text: str, norm: Normalized) -> list[Hit]:
    hits: list[Hit] = []
    if "{" in text:
        hits += [Hit(m.start(), m.end(), "curly") for m in _CURLY.finditer(text)
                 if m.group().strip("${} \t").lower() not in _NOT_BLANKS]
    if "[[" in text:
        hits += [Hit(m.start(), m.end(), "double_square") for m in _DOUBLE_SQUARE.finditer(text)]
    if "<<" in text:
        hits += [Hit(m.start(), m.end(), "double_angle") for m in _DOUBLE_ANGLE.finditer(text)]
    if "%" in text:
        hits += [Hit(m.start(), m.end(), "percent") for m in _PERCENT.finditer(text)]
    if "[" in text:
        hits += [Hit(m.start(), m.end(), "square") for m in _SQUARE.finditer(text)
                 if _words_name_a_blank(m.group(1))]
    if "<" in text:
        hits += [Hit(m.start(), m.end(), "angle") for m in _ANGLE.finditer(text)
                 if _words_name_a_blank(m.group(1)) and not _is_tag(m.group(1))]
    if "XXX" in text:
        hits += [Hit(m.start(), m.end(), "xxx") for m in _XXX.finditer(text)]
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for hit in hits:  # "[[order]]" is one blank, not also a "[order]" inside it
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


_TAG_NAME = re.compile(r"/?[a-z][a-z0-9]*(?:\s|/|$)")


def _is_tag(inside: str) -> bool:
    """"<b>", "<br/>", "<p class=x>": markup, the html detector's."""
    from .html_markup import ELEMENTS
    m = _TAG_NAME.match(inside)
    return bool(m) and m.group().strip(" /") in ELEMENTS
