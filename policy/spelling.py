"""Spelling: the words of a message that no dictionary of its language knows, with corrections.

Why these libraries (benchmarks/spelling.py has the figures):

- Whether a word is right is decided by hunspell, through chunspell (a maintained binding
  whose wheel carries libhunspell), with Debian's dictionaries (hunspell-en-us/-en-gb/-de-de/
  -fr/-es/-it in /usr/share/hunspell; nothing is downloaded at run time). Hunspell knows
  morphology: German compounds ("Versandbestätigung"), French and Italian elisions
  ("l'article", "dell'ordine"), Spanish verb forms. On our own clean messages it flagged
  0.0-11.6 words per 1,000 (most of them names and British spellings, which the en_GB
  dictionary and the name rules below now take); pyspellchecker 0.9.1, whose word lists
  are frequency lists, flagged 3-237 per 1,000 (it lacks elided and many inflected forms:
  "d'autres", "llegará", "recensione").
- Corrections come from pyspellchecker's frequency lists (shipped inside the package): the
  most frequent words one edit away, plus the same word with its accents restored, each
  confirmed by hunspell so a correction is never itself flagged. Hunspell's own suggest()
  took 20-500 ms a word (German and French compounds the slowest); this takes about 1 ms.

What is not looked up: words of one letter, anything with a digit or symbols in it (order
IDs, tracking and model numbers, prices, links, e-mail addresses, {placeholders}: the other
rules report those), words in capitals (ASIN, USB), words with a capital inside
(KettleCraft, iPhone, Italian "fornirLe"), capitalised words in the middle of a sentence
(names and brands; in German, where every noun has a capital, only after a title such as
"Frau" or on a name line), the capitalised words of a short line without punctuation (a
greeting or a signature), the last word while it is still being typed (nothing follows it),
the words the check is told are known (the order's field values, the seller's own word list)
and the words policy/common/spelling.toml accepts. Japanese and Chinese are written without
spaces between words: a word list cannot tell where a word ends, so they are not checked.

Linear in the text: one pass over its lines and words; each distinct word is looked up once
per process (remembered), corrections only for the few words that are wrong.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .policyfile import PolicyError, read_toml, refuse_unknown

SPELLING_FILE = Path(__file__).resolve().parent / "common" / "spelling.toml"
log = logging.getLogger(__name__)

# A stretch between spaces holding any of these is not prose: a number, a code, a link, an
# address, a placeholder, markup ("112-1234567-1234567", "XR-200", "shop.com", "{name}").
_NOT_PROSE = re.compile(r"[\d@/\\_{}<>=#%$&*+|~^\[\]€£¥]|\.[^\W\d_]|:[^\W\d_]")
# Scripts written without spaces between words (Chinese, Japanese, Thai...): a run of them is
# no one word a dictionary could look up (a Chinese company name in an English message).
_UNSPACED = re.compile("[\u0e00-\u0eff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")
# A word: letters, with apostrophes and hyphens inside ("don't", "l'article", "E-Mail").
_WORD = re.compile(r"[^\W\d_]+(?:['’‘-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?…:;¡¿")
_APOSTROPHES = str.maketrans("’‘", "''")
_REMEMBER = 200_000  # distinct words remembered per language before the memory starts afresh


_CORRECTION_LOOKUPS = 60  # dictionary look-ups to confirm one word's corrections, at most


class _OutOfBudget(Exception):
    """A check used up its dictionary look-ups (a pasted text of thousands of new words)."""


@dataclass(frozen=True)
class LanguageSettings:
    tag: str
    dictionaries: tuple[str, ...]
    frequency_list: str | None
    accept: frozenset[str]
    capitalised_nouns: bool = False
    name_titles: frozenset[str] = frozenset()
    compounds: bool = False


@dataclass(frozen=True)
class SpellingData:
    """policy/common/spelling.toml, validated."""

    search_path: tuple[str, ...]
    max_word_length: int
    name_line_words: int
    max_corrected_words: int
    max_new_lookups: int
    languages: dict[str, LanguageSettings]


@dataclass(frozen=True)
class Misspelling:
    start: int          # code-point offsets into the text as given
    end: int
    word: str
    corrections: tuple[str, ...]


@lru_cache(maxsize=None)
def spelling_data() -> SpellingData:
    return load_spelling_data(SPELLING_FILE)


def load_spelling_data(path: Path) -> SpellingData:
    """The spelling settings in `path`; a malformed one is a PolicyError naming file and key."""
    raw = read_toml(path, "the spelling settings")
    refuse_unknown(path, "top level", raw, {"search_path", "max_word_length", "name_line_words",
                                            "max_corrected_words", "max_new_lookups", "accept", "languages"})

    def fail(problem: str) -> PolicyError:
        return PolicyError(f"{path}: {problem}")

    def words(value, key: str) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise fail(f"{key}: expected a list of words")
        return frozenset(w.strip().lower().translate(_APOSTROPHES) for w in value)

    def number(key: str) -> int:
        value = raw.get(key)
        if not isinstance(value, int) or value < 1:
            raise fail(f"{key}: expected a whole number above 0")
        return value

    path_list = raw.get("search_path")
    if not isinstance(path_list, list) or not all(isinstance(p, str) for p in path_list):
        raise fail("search_path: expected a list of folders")
    everywhere = words(raw.get("accept", []), "accept")
    languages = {}
    for tag, table in (raw.get("languages") or {}).items():
        where = f"[languages.{tag}]"
        if not isinstance(table, dict):
            raise fail(f"{where}: expected a table")
        unknown = set(table) - {"dictionaries", "frequency_list", "accept", "capitalised_nouns",
                                "name_titles", "compounds"}
        if unknown:
            raise fail(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        names = table.get("dictionaries")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            raise fail(f"{where} dictionaries: expected a list of hunspell dictionary names")
        frequency = table.get("frequency_list")
        if frequency is not None and not isinstance(frequency, str):
            raise fail(f"{where} frequency_list: expected a language tag")
        languages[tag] = LanguageSettings(
            tag, tuple(names), frequency,
            words(table.get("accept", []), f"{where} accept") | everywhere,
            bool(table.get("capitalised_nouns", False)),
            words(table.get("name_titles", []), f"{where} name_titles"),
            bool(table.get("compounds", False)))
    return SpellingData(tuple(path_list), number("max_word_length"), number("name_line_words"),
                        number("max_corrected_words"), number("max_new_lookups"), languages)


# -- dictionaries ---------------------------------------------------------------------------

def _bundled_folder() -> Path | None:
    """The dictionaries the hunspell binding ships (an en_US)."""
    try:
        import hunspell
    except ImportError:
        return None
    folder = Path(hunspell.__file__).parent / "dictionaries"
    return folder if folder.is_dir() else None


def find_dictionaries(settings: LanguageSettings, search_path: tuple[str, ...]) -> list[Path]:
    """The .aff files of the language's dictionaries found on the search path (then in the
    binding's own folder), one per dictionary name."""
    folders = [Path(p) for p in search_path]
    bundled = _bundled_folder()
    if bundled is not None:
        folders.append(bundled)
    found = []
    for name in settings.dictionaries:
        for folder in folders:
            aff = folder / f"{name}.aff"
            if aff.is_file() and aff.with_suffix(".dic").is_file():
                found.append(aff)
                break
    return found


class Speller:
    """One language's dictionaries, loaded on first use; remembers every word it looked up."""

    def __init__(self, settings: LanguageSettings, affixes: list[Path]):
        self.settings = settings
        self.affixes = affixes
        self._dictionaries = None
        self._verdicts: dict[str, bool] = {}
        self._chunks: dict[str, tuple[tuple[int, str], ...]] = {}
        self.max_length = spelling_data().max_word_length
        self._budget = 0
        self._corrections: dict[str, tuple[str, ...]] = {}
        self._frequency = None

    def _loaded(self) -> list:
        if self._dictionaries is None:
            import hunspell
            self._dictionaries = [hunspell.Hunspell(aff.stem, hunspell_data_dir=str(aff.parent))
                                  for aff in self.affixes]
        return self._dictionaries

    def unknown_in(self, chunk: str) -> tuple[tuple[int, str], ...]:
        """(offset, word) of each word of `chunk` (a stretch between spaces) no dictionary
        knows, judged out of context; () for a chunk that is not prose (a number, code, link,
        address or placeholder) or holds no such word. Remembered per chunk: a live check
        re-reads mostly the same text. Raises _OutOfBudget when the check's look-ups run out."""
        verdict = self._chunks.get(chunk)
        if verdict is None:
            verdict = () if _NOT_PROSE.search(chunk) else tuple(
                (m.start(), m.group()) for m in _WORD.finditer(chunk) if not self._passes(m.group()))
            if len(self._chunks) >= _REMEMBER:
                self._chunks.clear()
            self._chunks[chunk] = verdict
        return verdict

    def _passes(self, raw: str) -> bool:
        """Whether a word needs no further look: known or accepted, or not a word the check
        reads (one letter, too long, in capitals, a capital inside: ASIN, KettleCraft, fornirLe;
        written in a script without spaces)."""
        word = raw.translate(_APOSTROPHES)
        return (len(word) < 2 or len(word) > self.max_length or word.isupper()
                or any(c.isupper() for c in word[1:]) or _UNSPACED.search(word) is not None
                or self.knows(word))

    def begin(self, lookups: int) -> None:
        """A new check: at most `lookups` dictionary look-ups of words never seen before."""
        self._budget = lookups

    def _spell(self, word: str) -> bool:
        self._budget -= 1
        if self._budget < 0:
            raise _OutOfBudget
        return any(d.spell(word) for d in self._loaded())

    def knows(self, word: str) -> bool:
        """Whether any dictionary of the language knows `word` (each part of a hyphenated one)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._lookup(word) or ("-" in word and all(self._lookup(p) for p in word.split("-") if p))
            if len(self._verdicts) >= _REMEMBER:
                self._verdicts.clear()
            self._verdicts[word] = verdict
        return verdict

    def _lookup(self, word: str) -> bool:
        return (word.lower() in self.settings.accept or self._spell(word)
                or (self.settings.compounds and self._compound(word, 2)))

    def knows_head(self, word: str) -> bool:
        """Whether `word` is the first part of a compound ("Wohnungs-" for "Wohnungs- oder
        Hausnummer"): known as it is, or without its joining s."""
        return self.settings.compounds and (word.endswith("s") and self.knows(word[:-1]))

    def _compound(self, word: str, depth: int) -> bool:
        """Whether `word` is two known words run together, as German writes them
        ("Sendungs|nummer", "Verkäufer|bewertung", "Servier|schüssel"): a known last part of
        at least 4 letters (a noun, with its capital), after a known first part, which may
        end in a joining s/es/n or drop an ending e/en ("Schul|weg", "Servier|en") and may be
        such a word itself ("Sendungs|verfolgungs|nummer"). One look-up per cut, so linear."""
        spell = self._spell
        for cut in range(3, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            tail = tail[0].upper() + tail[1:]
            if not spell(tail):
                continue
            low = head.lower()
            heads = {head, head.capitalize(), low}
            for joint, after in (("s", ""), ("es", ""), ("n", "e")):  # Sendung|s, Kunde|n
                if low.endswith(after + joint) and len(low) - len(joint) >= 3:
                    heads.add(head[:-len(joint)].capitalize())
            heads |= {head.capitalize() + "e", low + "en", low + "n", low + "e"}
            if any(spell(h) for h in heads) or (depth > 1 and self._compound(head.capitalize(), depth - 1)):
                return True
        return False

    def corrections(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Up to `limit` corrections, most frequent first, in the word's case, each known."""
        if word in self._corrections:
            return self._corrections[word]
        frequency = self._frequency_list()
        out: list[str] = []
        if frequency is not None:
            low = word.lower()
            candidates = set(frequency.known(frequency.edit_distance_1(low)))
            if low in frequency:
                candidates.add(low)  # the same word in another case (German "paket" -> "Paket")
            candidates |= self._accented().get(_fold(low), set())
            ranked = sorted(candidates, key=lambda c: (-frequency.word_usage_frequency(c), c))
            self.begin(_CORRECTION_LOOKUPS)
            try:
                for candidate in ranked:
                    for form in (_same_case(word, candidate), candidate.capitalize()):
                        if form != word and form not in out and self.knows(form):
                            out.append(form)
                            break
                    if len(out) >= limit:
                        break
            except _OutOfBudget:
                pass
        result = tuple(out)
        if len(self._corrections) >= _REMEMBER // 10:
            self._corrections.clear()
        self._corrections[word] = result
        return result

    def _frequency_list(self):
        if self._frequency is None and self.settings.frequency_list:
            from spellchecker import SpellChecker
            self._frequency = SpellChecker(language=self.settings.frequency_list, distance=1)
            self._accent_index = None
        return self._frequency

    def _accented(self) -> dict[str, set[str]]:
        """Unaccented form -> the frequent words written with accents ("desole" -> "désolé")."""
        if getattr(self, "_accent_index", None) is None:
            index: dict[str, set[str]] = {}
            for w in self._frequency.word_frequency.dictionary:
                folded = _fold(w)
                if folded != w:
                    index.setdefault(folded, set()).add(w)
            self._accent_index = index
        return self._accent_index


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _same_case(original: str, word: str) -> str:
    if original[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=None)
def speller(language: str | None) -> Speller | None:
    """The speller of `language`; None when the language is not spell-checked or its
    dictionaries are missing (see missing_dictionaries)."""
    data = spelling_data()
    settings = data.languages.get(language or "")
    if settings is None:
        return None
    try:
        import hunspell  # noqa: F401
    except ImportError:
        return None
    affixes = find_dictionaries(settings, data.search_path)
    return Speller(settings, affixes) if affixes else None


def load_every_language() -> None:
    """Load each language's dictionaries and correction lists now: loaded on first use, they
    made the first misspelt word of each language wait 0.3-1.7 s in the live check. The web
    app calls this at start; the CLI, which checks a message or two, does not."""
    for language in spelling_data().languages:
        checker = speller(language)
        if checker is None:
            continue
        checker._loaded()
        if checker._frequency_list() is not None:
            checker._accented()


@lru_cache(maxsize=None)
def report_missing_dictionaries() -> tuple[str, ...]:
    """Log, once per process, each language whose dictionaries are missing (its messages are
    then not spell-checked: no finding, never an error); returns those languages."""
    data = spelling_data()
    missing = []
    try:
        import hunspell  # noqa: F401
    except ImportError as exc:
        log.warning("spelling: the hunspell binding (chunspell) cannot be loaded (%s): "
                    "no message is spell-checked", exc)
        return tuple(sorted(data.languages))
    for tag, settings in sorted(data.languages.items()):
        if not find_dictionaries(settings, data.search_path):
            missing.append(tag)
            log.warning("spelling: no hunspell dictionary %s in %s: messages in %r are not "
                        "spell-checked (install Debian's hunspell dictionaries: bin/run does as root)",
                        " or ".join(settings.dictionaries), ", ".join(data.search_path), tag)
    return tuple(missing)


# -- the words of a message -----------------------------------------------------------------

def read_word_list(path) -> list[str]:
    """The words of a word list file: one per line; blank lines and lines starting with #
    are skipped. A missing file is an empty list."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=64)
def parse_known_words(value) -> frozenset[str]:
    """Words the check is told are right (context "known_words": separated by spaces, commas
    or line breaks; or a collection of texts), in lower case."""
    if not value:
        return frozenset()
    texts = (value,) if isinstance(value, str) else tuple(value)
    out = set()
    for text in texts:
        for m in _WORD.finditer(str(text)):
            word = m.group().translate(_APOSTROPHES).lower()
            out.add(word)
            out.update(word.split("-"))
    return frozenset(out)


def misspellings(text: str, language: str | None, known=None) -> list[Misspelling]:
    """The misspelt words of `text` in `language`, in order; [] when it is not spell-checked.

    Each distinct stretch between spaces is judged once, out of context, and remembered per
    process (a live check re-reads mostly the same text); only the few words no dictionary
    knows are then placed in their sentence and line to see whether they are names, codes or
    still being typed. A text of thousands of words never seen before is looked up as far as
    the check's budget of look-ups goes (max_new_lookups): the time stays bounded.
    """
    checker = speller(language)
    if checker is None or not text:
        return []
    data = spelling_data()
    checker.begin(data.max_new_lookups)
    chunks = []
    for chunk in set(text.split()):
        try:
            if checker.unknown_in(chunk):
                chunks.append(chunk)
        except _OutOfBudget:
            break
    if not chunks:
        return []
    known_words = parse_known_words(known if isinstance(known, (str, type(None))) else tuple(known))
    words_of = {}
    for chunk in chunks:
        words = [(offset, raw) for offset, raw in checker.unknown_in(chunk)
                 if raw.translate(_APOSTROPHES).lower() not in known_words]
        if words:
            words_of[chunk] = words
    places = []
    if len(words_of) <= _FEW:  # a few stretches: found where they are
        for chunk, words in words_of.items():
            pos = text.find(chunk)
            while pos >= 0:
                end = pos + len(chunk)
                if (pos == 0 or text[pos - 1].isspace()) and (end == len(text) or text[end].isspace()):
                    places.extend((pos + offset, raw) for offset, raw in words)
                pos = text.find(chunk, pos + 1)
    else:  # many: one pass over the text, so the time stays linear
        for m in _STRETCH.finditer(text):
            for offset, raw in words_of.get(m.group(), ()):
                places.append((m.start() + offset, raw))
    found: list[Misspelling] = []
    for start, raw in sorted(places):
        end = start + len(raw)
        if end == len(text) or not _is_prose_word(text, start, end, raw, checker, data):
            continue  # (the last word is still being typed: checked once something follows it)
        corrections = checker.corrections(raw.translate(_APOSTROPHES)) \
            if len(found) < data.max_corrected_words else ()
        found.append(Misspelling(start, end, raw, corrections))
    return found


def _is_prose_word(text: str, start: int, end: int, raw: str, checker: "Speller",
                   data: SpellingData) -> bool:
    """Whether the unknown word at text[start:end] (in a stretch of prose) is one to flag: not a
    name (a capitalised word after a title such as "Mr." or "Frau", inside a sentence, or on a
    short line without sentence punctuation: a greeting, a signature), not the first part of a
    compound left standing ("Wohnungs- oder Hausnummer"). Looks at most _NEAR characters around."""
    if text[end:end + 1] == "-" and checker.knows_head(raw):
        return False
    if not raw[0].isupper():
        return True
    low = max(0, start - _NEAR)
    line_start = text.rfind("\n", low, start) + 1 or (0 if low == 0 else -1)
    line_end = text.find("\n", end, end + _NEAR)
    if line_start >= 0 and (line_end >= 0 or len(text) - end <= _NEAR):
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        words = line.split()
        if len(words) <= data.name_line_words and not any(c in line for c in "!?") and (
                "." not in line or (line.count(".") == 1 and line.rstrip().endswith(".")
                                    and len(words[-1]) <= 4)):
            return False  # a greeting, a signature, a name ("Woodgrain Co.")
    before = text[max(low, line_start):start].rstrip(" \t\"'«“‘(¡¿")
    settings = checker.settings
    previous = _LAST_WORD.search(before)
    if previous and previous.group(1).lower() in settings.name_titles:
        return False  # "Mr. Lindgren", "Frau Becker"
    if not before or before[-1] in _SENTENCE_END:
        return True  # the first word of a sentence
    if not settings.capitalised_nouns:
        return False  # a name or a brand
    # German: a noun, unless it stands in a run of capitalised words no dictionary knows
    # (a shop or product name such as "Hollow Oak Home").
    after = _NEXT_WORD.match(text, end, end + _NEAR)
    return not any(w and w[0].isupper() and not _knows_quietly(checker, w)
                   for w in (previous.group(1) if previous else "", after.group(1) if after else ""))


def _knows_quietly(checker: "Speller", word: str) -> bool:
    try:
        return checker.knows(word)
    except _OutOfBudget:
        return True


_NEAR = 120
_FEW = 8
_STRETCH = re.compile(r"\S+")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
_NEXT_WORD = re.compile(r"[^\w\n]*([^\W\d_]+)")
