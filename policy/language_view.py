"""The part of a message that shows its language, for the language detector.

Order IDs, tracking and model numbers, links, e-mail addresses, handles, HTML tags,
quoted titles and the closing signature say nothing about the language the seller
writes in, yet a German shop name or a ".de" link is enough to flip a short English
message to German. They are set aside here. `Views.lower` also drops every word
that starts with a capital (names, product titles, nouns in German), which is how
"your Edelstahl Küchenmesser Set is on its way" stays English; German and French
keep their verbs, articles and function words in lower case, so they stay themselves.
Chinese or Japanese inside mostly other text (a company name) is set aside the same way.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Tags of pasted HTML and quoted runs (a product title, an engraving) on one line.
_TAG = re.compile(r"<[^<>\n]{0,300}>")
_QUOTED = re.compile(r'"[^"\n]{1,300}"|“[^“”\n]{1,300}[”“]|„[^„“”\n]{1,300}[“”]'
                     r"|«[^«»\n]{1,300}»|‹[^‹›\n]{1,300}›")
# Chinese, Japanese and Korean characters: kana, CJK ideographs, Hangul.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_RUNS = re.compile("[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
# Not a word of prose: digits (order IDs, prices, model numbers), addresses, handles, links.
_NOT_PROSE = re.compile(r"\d|@|#|://|\w[./]\w")
_SENTENCE_END = ".!?。！？…"
_EDGE_PUNCTUATION = "\"'“”„«»‹›()[]{}<>.,;:!?¡¿…·*_~-–—/\\|。、！？「」『』（）【】"
# Of a text longer than this many times `max_chars`, only that much of its start is read.
_HEAD_FACTOR = 4
_SIGNATURE_MAX_LINES = 4
_SIGNATURE_MAX_WORDS = 5


@dataclass(frozen=True)
class Views:
    """`words`: the words that carry the language; `lower`: those not starting with a capital."""

    words: str
    lower: str


def language_views(text: str, min_letters: int, cjk_weight: int, max_chars: int) -> Views:
    """The two views the detector looks at (see the module docstring), read from the start of
    the text until `lower` holds about `max_chars`: the first words are enough."""
    head = _HEAD_FACTOR * max_chars
    if len(text) > head:  # a long message: its start shows the language, a signature is far
        text = text[:head]
        lines = _QUOTED.sub(" ", _TAG.sub(" ", unicodedata.normalize("NFKC", text))).splitlines()
    else:
        text = _QUOTED.sub(" ", _TAG.sub(" ", unicodedata.normalize("NFKC", text)))
        lines = _without_signature(text.splitlines(), min_letters, cjk_weight)
    words: list[str] = []
    lower_size = 0
    for token in "\n".join(lines).split():
        word = _word(token)
        if word:
            words.append(word)
            if not word[0].isupper():
                lower_size += len(word) + 1
                if lower_size >= max_chars:
                    break
    cjk = [w for w in words if _CJK.match(w)]
    if cjk and cjk_weight * sum(map(len, cjk)) < letter_count(" ".join(words), 1) - sum(map(len, cjk)):
        words = [w for w in words if not _CJK.match(w)]
    lower = [w for w in words if not w[0].isupper()]
    return Views(" ".join(words), " ".join(lower))


def letter_count(text: str, cjk_weight: int) -> int:
    """Letters in `text`; a Chinese, Japanese or Korean character counts `cjk_weight` times."""
    return sum(map(str.isalpha, text)) + (cjk_weight - 1) * len(_CJK.findall(text))


def _word(token: str) -> str:
    """The word in a whitespace-separated token, or "" when the token is not prose.
    A Chinese or Japanese run (no spaces between words) keeps just its characters."""
    if _CJK.search(token):
        return _CJK_RUNS.sub("", token)
    if _NOT_PROSE.search(token):
        return ""
    word = token.strip(_EDGE_PUNCTUATION)
    return word if any(map(str.isalpha, word)) else ""


def _without_signature(lines: list[str], min_letters: int, cjk_weight: int) -> list[str]:
    """The lines without a closing block of short lines (sign-off, name, shop, address)
    when enough of the message stands before it to tell its language."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    cut = end
    for _ in range(_SIGNATURE_MAX_LINES):
        if not cut or not _signature_like(lines[cut - 1]):
            break
        cut -= 1
        while cut and not lines[cut - 1].strip():
            cut -= 1
    if cut < end and _has_letters(lines[:cut], min_letters, cjk_weight):
        return lines[:cut]
    return lines[:end]


def _has_letters(lines: list[str], wanted: int, cjk_weight: int) -> bool:
    count = 0
    for line in lines:
        count += letter_count(line, cjk_weight)
        if count >= wanted:
            return True
    return False


def _signature_like(line: str) -> bool:
    stripped = line.strip()
    return (bool(stripped) and len(stripped.split()) <= _SIGNATURE_MAX_WORDS
            and stripped[-1] not in _SENTENCE_END)
