"""The features the triage model reads, with where in the message each one was found.

One function, used by training (as scikit-learn's analyzer) and by triage (to
score and to point at the deciding words), so the two can never disagree.
Features are words, word pairs, character 3-5-grams inside words (which see
through typos, run-together words and "thx"/"thanksss"), punctuation runs
(":)", "?", "!!"), the message's first and last token, and three that generalise past the
training wording: a word inside the scope of a negation ("never arrived", "hasn't moved")
also counts as "not-<word>", an emoji or emoticon also counts as its class (pleased, upset,
wry), and every web address and every @handle read as one token each ("url", "@user"). (No length feature: the grammar's closings are
shorter than strangers' ones, and a length band taught the model that long means "needs a reply".)
Everything is linear in the length of the message: one pass of one regular
expression, a bounded number of n-grams per token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import Normalized, normalize

# A web address, an @handle, a word (letters/digits, inner apostrophes kept: "hasn't"), or a run
# of other visible marks.
_TOKEN = re.compile(r"(?P<url>(?:https?://|www\.)\S+)|(?P<handle>@\w+)|[^\W_]+(?:'[^\W_]+)*|[^\w\s]+")
_STRETCHED = re.compile(r"(.)\1{2,}")  # "sooo" -> "soo", "!!!!!" -> "!!"
_DIGIT = re.compile(r"\d")  # every digit reads as 0: "14th" -> "00th", "115850" -> "00"
MAX_CHAR_TOKEN = 24  # longer tokens add char n-grams from their first 24 characters only
CHAR_NGRAMS = (3, 4, 5)
MAX_MARKS = 3
LENGTH_BANDS = ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"), (25, "13-25"), (60, "26-60"))
# Negation: the next words up to a punctuation mark, at most NEGATION_SCOPE of them, are negated
# ("except" and "instead" too: "got everything except the lid" is not "got everything").
_NEGATORS = frozenset("not no never nothing nobody none nowhere without cannot neither nor nope except instead "
                      "dont didnt doesnt "
                      "hasnt havent isnt wasnt wont cant couldnt wouldnt arent werent aint".split())
NEGATION_SCOPE = 3
# Emoji and emoticons by what they say about the buyer's mood.
_EMOJI_CLASSES = {
    "pleased": "🙂😊😀😃😄😁😍🥰😘❤💕💖💗💙💚💛🧡💜👍👌🙌👏🙏✨🎉🎊🌟⭐☺🤗😇🥳💯✅",
    "upset": "😡😠🤬😤😞😢😭😩😫😕😟🙁☹😒🙄👎💔😣😖😰😱",
    "wry": "😅😂🤣😆🤷😬🙃😉😏🤦😜😛",
    "festive": "🎄🎅🎁🐣🎃🕎🪔🌙🎆",
}
_EMOJI_CLASS = {ch: name for name, chars in _EMOJI_CLASSES.items() for ch in chars}
_EMOTICONS = {":)": "pleased", ":-)": "pleased", ";)": "wry", "(:": "pleased", "=)": "pleased", ":]": "pleased",
              "^^": "pleased", "^_^": "pleased", ":(": "upset", ":-(": "upset", ":/": "upset", "=\\": "upset",
              ">:(": "upset", ":'(": "upset", ";-)": "wry"}
# Japanese (and Chinese) is written without spaces: a run of it is cut where the script changes
# (kanji | hiragana | katakana), a stand-in for words that needs no dictionary:
# 「まだ届いていません」 -> まだ / 届 / いていません.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SCRIPT_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]+|[\u3040-\u309f]+|[\u30a0-\u30ff]+"
                         "|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


@dataclass(frozen=True)
class Token:
    text: str  # as the model sees it
    start: int  # offsets into the normalised view
    end: int
    word: bool  # a word, not punctuation or a symbol


def tokens(view: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(view):
        if m.group("url"):
            out.append(Token("url", m.start(), m.end(), False))
            continue
        if m.group("handle"):
            out.append(Token("@user", m.start(), m.end(), False))
            continue
        raw = m.group()
        word = raw[0].isalnum()
        if word and _CJK.search(raw):
            out.extend(Token(_DIGIT.sub("0", r.group()), m.start() + r.start(), m.start() + r.end(), True)
                       for r in _SCRIPT_RUN.finditer(raw))
            continue
        if not word:
            raw = _STRETCHED.sub(r"\1\1", raw)[:MAX_MARKS]
        else:
            raw = _STRETCHED.sub(r"\1\1", _DIGIT.sub("0", raw))
        out.append(Token(raw, m.start(), m.end(), word))
    return out


def view_of(text: str) -> tuple[Normalized, str]:
    """The normalised matching view (lower case, look-alikes folded, straight apostrophes)."""
    norm = normalize(text)
    return norm, norm.text.translate(_APOSTROPHES)


def _band(n: int) -> str:
    for limit, name in LENGTH_BANDS:
        if n <= limit:
            return name
    return "61+"


def _negates(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def _mood(mark: str) -> str | None:
    """The class of an emoji or emoticon run ("pleased", "upset", ...), or None."""
    for ch in mark:
        name = _EMOJI_CLASS.get(ch)
        if name:
            return name
    return _EMOTICONS.get(mark)


def features_at(toks: list[Token]) -> list[tuple[str, int, int]]:
    """(feature, first token index, last token index) for every feature occurrence;
    whole-message features carry (-1, -1)."""
    out: list[tuple[str, int, int]] = []
    negated_from, scope = -1, 0
    for i, tok in enumerate(toks):
        out.append(("w:" + tok.text, i, i))
        if tok.word:
            if scope and tok.text not in _NEGATORS:
                out.append(("n:" + tok.text, negated_from, i))
                scope -= 1
            if _negates(tok.text):
                negated_from, scope = i, NEGATION_SCOPE
        else:
            scope = 0
            mood = _mood(tok.text)
            if mood:
                out.append(("e:" + mood, i, i))
        if i + 1 < len(toks):
            out.append(("b:" + tok.text + " " + toks[i + 1].text, i, i + 1))
        if tok.word and len(tok.text) > 2:
            padded = " " + tok.text[:MAX_CHAR_TOKEN] + " "
            for n in CHAR_NGRAMS:
                for j in range(0, len(padded) - n + 1):
                    out.append(("c:" + padded[j:j + n], i, i))
    if toks:
        out.append(("first:" + toks[0].text, 0, 0))
        out.append(("last:" + toks[-1].text, len(toks) - 1, len(toks) - 1))
    questions = sum(1 for t in toks if not t.word and "?" in t.text)
    out.append(("q:" + ("0" if not questions else "1" if questions == 1 else "2+"), -1, -1))
    return out


def analyze(text: str) -> list[str]:
    """The feature names of `text` (scikit-learn's analyzer during training)."""
    _, view = view_of(text)
    return [f for f, _, _ in features_at(tokens(view))]
