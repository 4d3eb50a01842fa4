"""Training messages in other languages than English, generated from a language's phrase book.

Each language the triage model reads besides English has a folder policy/triage_data/<tag>/
with a `phrases.toml` (its phrase book, written for the project: never taken from the
validation corpus) and, optionally, `handwritten.jsonl`. A phrase book holds the message
families (an intent, whether the message needs a reply, and its sentences), the openings,
closings and signatures of each register (formal Sie/vous/usted/Lei/敬語 and casual),
context sentences that carry no intent, polite extras, and how people in that language
mistype (accents left out, letters swapped, no spaces for Japanese). `generate` combines
them, seeded, so training is reproducible; a new language is a new folder, not new code.

In a sentence `{a|b|}` picks one alternative (empty allowed) and `{order}`, `{product}`,
`{day}`, `{name}` fill a slot from the book's lists.
"""
from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..policyfile import PolicyError, read_toml, refuse_unknown

ROOT = Path(__file__).resolve().parent
BOOK = "phrases.toml"
HANDWRITTEN = "handwritten.jsonl"
_CHOICE = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_SLOT = re.compile(r"\{(order|product|day|name)\}")
SLOTS = ("order", "product", "day", "name")
# How a composed message is roughened (see _noisy): what [noise] may set.
NOISE_KEYS = frozenset({"lowercase", "fold", "folds", "typos", "drop_end", "emoji", "emojis", "swaps"})


@dataclass(frozen=True)
class Family:
    name: str
    intent: str
    needs_reply: bool
    weight: float
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Book:
    language: str
    path: Path
    families: tuple[Family, ...]
    registers: dict  # name -> {"openings": [...], "closings": [...], "signatures": [...]}
    context: tuple[str, ...]  # sentences without an intent, before the point
    reply_extras: tuple[str, ...]  # "thanks in advance": joined to messages that need a reply
    slots: dict  # slot name -> values
    noise: dict
    joiner: str  # between sentences: " " (or "" in a language written without spaces)
    # The no-reply families whose sentences may open or close a message that needs a reply
    # ("Thanks! One more question: ..."); empty: every one. "Never mind, found it" next to a
    # new request is a contradiction, not a voice, and would teach the threshold to doubt.
    request_company: tuple[str, ...] = ()


def languages() -> list[str]:
    """The language tags that have a phrase book (policy/triage_data/<tag>/phrases.toml)."""
    return sorted(p.parent.name for p in ROOT.glob(f"*/{BOOK}"))


def load_book(language: str) -> Book:
    path = ROOT / language / BOOK
    raw = read_toml(path, "the triage phrase book")
    refuse_unknown(path, "top level", raw, {"joiner", "request_company", "context", "reply_extras", "slots",
                                            "registers", "noise", "families"})
    refuse_unknown(path, "[slots]", raw.get("slots"), set(SLOTS))
    refuse_unknown(path, "[noise]", raw.get("noise"), NOISE_KEYS)
    for name, table in (raw.get("registers") or {}).items():
        refuse_unknown(path, f"[registers.{name}]", table, {"openings", "closings", "signatures"})
    for name, table in (raw.get("families") or {}).items():
        refuse_unknown(path, f"[families.{name}]", table, {"intent", "needs_reply", "weight", "texts"})
    try:
        families = tuple(
            Family(name, f["intent"], bool(f["needs_reply"]), float(f.get("weight", 1.0)), tuple(f["texts"]))
            for name, f in raw["families"].items())
        registers = {name: {k: list(r.get(k, [""])) for k in ("openings", "closings", "signatures")}
                     for name, r in raw["registers"].items()}
        slots = {k: list(raw["slots"][k]) for k in SLOTS}
        book = Book(language, path, families, registers, tuple(raw.get("context", [])),
                    tuple(raw.get("reply_extras", [])), slots, dict(raw.get("noise", {})),
                    str(raw.get("joiner", " ")), tuple(raw.get("request_company", ())))
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{path}: missing or malformed entry: {exc}") from None
    from ..triage_train import INTENTS
    for family in book.families:
        if family.intent not in INTENTS:
            raise PolicyError(f"{path}: family {family.name!r}: unknown intent {family.intent!r}")
        if not family.texts:
            raise PolicyError(f"{path}: family {family.name!r} has no texts")
    quiet = {f.name for f in book.families if not f.needs_reply}
    strays = [name for name in book.request_company if name not in quiet]
    if strays:
        raise PolicyError(f"{path}: request_company names {strays}, which are not no-reply families")
    return book


def _expand(rng: random.Random, book: Book, text: str) -> str:
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    return _SLOT.sub(lambda m: _slot(rng, book, m.group(1)), text)


def _slot(rng: random.Random, book: Book, name: str) -> str:
    if name == "order":
        digits = f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}"
        return rng.choice(book.slots["order"]).replace("#", digits)
    return rng.choice(book.slots[name])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _typo(rng: random.Random, text: str) -> str:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]{4,}", text)]
    if not words:
        return text
    a, b = rng.choice(words)
    word = text[a:b]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swapped
    elif kind < 0.75:
        word = word[:i] + word[i + 1:]  # dropped
    else:
        word = word[:i] + word[i] + word[i:]  # doubled
    return text[:a] + word + text[b:]


def _fold(text: str, folds: dict) -> str:
    for a, b in folds.items():
        text = text.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _noisy(rng: random.Random, book: Book, text: str, casual: bool) -> str:
    noise = book.noise
    if casual and rng.random() < noise.get("lowercase", 0.3):
        text = text.lower()
    if rng.random() < noise.get("fold", 0.15):
        text = _fold(text, noise.get("folds", {}))
    if noise.get("typos", True):
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            text = _typo(rng, text)
    if rng.random() < noise.get("drop_end", 0.2):
        text = text.rstrip(".。!！?？ ") or text
    if casual and rng.random() < noise.get("emoji", 0.12):
        text += rng.choice(noise.get("emojis", [" :)", " 🙂", " 👍", "!!", " 😊", " 🙏"]))
    for a, b in noise.get("swaps", {}).items():  # e.g. "?" -> "？" in full width
        if rng.random() < 0.3:
            text = text.replace(a, b)
    return text


def compose(rng: random.Random, book: Book, family: Family) -> str:
    register = rng.choice(sorted(book.registers))
    parts = book.registers[register]
    casual = register != "formal"
    sentences = []
    if rng.random() < 0.5:
        sentences.append(_expand(rng, book, rng.choice(parts["openings"])))
    if family.needs_reply and book.context and rng.random() < 0.35:
        sentences.append(_expand(rng, book, rng.choice(book.context)))
    sentences.append(_expand(rng, book, rng.choice(family.texts)))
    if rng.random() < 0.15:  # two sentences of one family ("it came. thanks!")
        sentences.append(_expand(rng, book, rng.choice(family.texts)))
    if family.needs_reply and rng.random() < 0.25:
        # A closing next to the point ("Thanks! One more question: ...", "It came, but it's
        # broken"): the message still needs a reply; a thank-you decides nothing on its own.
        closing = rng.choice([f for f in book.families if not f.needs_reply
                              and (not book.request_company or f.name in book.request_company)])
        at = 0 if rng.random() < 0.7 else len(sentences)
        sentences.insert(at, _expand(rng, book, rng.choice(closing.texts)))
    if family.needs_reply and book.reply_extras and rng.random() < 0.3:
        sentences.append(_expand(rng, book, rng.choice(book.reply_extras)))
    if rng.random() < 0.4:
        sentences.append(_expand(rng, book, rng.choice(parts["closings"])))
        if rng.random() < 0.5:
            sentences.append(_expand(rng, book, rng.choice(parts["signatures"])))
    sentences = [s for s in sentences if s.strip()]
    joiner = "\n" if not casual and rng.random() < 0.4 else book.joiner
    return _noisy(rng, book, joiner.join(_capital(s) for s in sentences), casual)


TEST_SETS = ROOT.parent.parent / "tests" / "data"


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def measured(language: str) -> set[str]:
    """The texts of the language's test sets (tests/data/triage_<tag>_*.jsonl), flattened: the
    phrase book's combinations can hit a short one ("Ok grazie"), and a set written to measure
    must stay unseen."""
    out = set()
    for path in sorted(TEST_SETS.glob(f"triage_{language}_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(_flat(json.loads(line)["text"]))
    return out


def generate(language: str, n: int, seed: int) -> list[dict]:
    """`n` messages of `language`'s phrase book, the same for the same seed, plus its hand-written
    ones; none is the text of a message in the language's test sets."""
    book = load_book(language)
    rng = random.Random(f"{seed}-{language}")
    weights = [f.weight for f in book.families]
    rows, seen, held = [], set(), measured(language)
    for i in range(n * 3):
        if len(rows) >= n:
            break
        family = rng.choices(book.families, weights)[0]
        text = compose(rng, book, family)
        if text in seen or _flat(text) in held:
            continue
        seen.add(text)
        rows.append({"id": f"book-{language}-{i:05d}", "text": text, "needs_reply": family.needs_reply,
                     "intent": family.intent, "family": family.name, "language": language})
    path = ROOT / language / HANDWRITTEN
    if path.is_file():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                    rows.append({"id": row["id"], "text": row["text"], "needs_reply": bool(row["needs_reply"]),
                                 "intent": row["intent"], "family": "handwritten", "language": language})
                except (ValueError, KeyError) as exc:
                    raise PolicyError(f"{path}:{number}: {exc}") from None
    return rows
