"""The language a message is written in, and the findings that follow from it.

A message in a language the marketplace has no rules for is never reported clean: it
gets a blocking `language` finding that names the language. A message whose language
differs from the buyer's chosen language or the template's gets a warning.

Detection uses lingua-language-detector (models ship inside the package; nothing is
downloaded), restricted to the languages of policy/common/languages.toml and loaded once per
process. It looks at the words that carry the language (policy.language_view); a text
too short or too uncertain to tell takes the expected language: the request's, else the
template's, else the marketplace's. docs/language-detection.md has the measurements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .finding import Finding
from .language_view import language_views, letter_count
from .normalize import displayed
from .policyfile import PolicyError, read_toml, refuse_unknown
from .result import CheckResult

LANGUAGES_FILE = Path(__file__).resolve().parent / "common" / "languages.toml"
AUTO = "auto"
UNDETERMINED = "und"  # BCP 47: a language that could not be determined
LOCALE = "en"
# BCP 47 language tag: a primary subtag, then optional subtags ("de", "pt-BR", "zh-Hans").
# Latin letters: the warm-up loads the models of every configured Latin-script language.
WARM_UP_TEXT = "abcdefghijklmnopqrstuvwxyz"
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

@dataclass(frozen=True)
class LanguageData:
    """policy/common/languages.toml, validated."""

    languages: tuple[str, ...]
    min_letters: int
    cjk_letter_weight: int
    min_confidence: float
    expected_floor: float
    max_chars: int
    vote_words: int
    mixed_share: float
    candidate_floor: float
    candidates: int
    min_function_words: int
    min_function_words_names: int
    function_word_share: float
    function_words: dict[str, frozenset]  # tag -> its commonest short words (lower case)
    short_text_scripts: dict[str, re.Pattern]  # tag -> a script only that language writes
    names: dict[str, str]
    messages: dict[str, str]

    def name(self, tag: str) -> str:
        return self.names.get(tag, tag)


@dataclass(frozen=True)
class Detection:
    """`language`: a BCP 47 primary tag (or "und"); `detected`: it was read from the text
    (False: the text was too short or unsure and `language` is the expected one)."""

    language: str
    detected: bool
    confidence: float = 0.0
    # Unsure of the language (a short or mixed text): the other candidates, whose rules run
    # too, so a message never passes unchecked because the guess was wrong.
    also: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def language_data() -> LanguageData:
    """policy/common/languages.toml, read once per process."""
    return load_language_data(LANGUAGES_FILE)


_DETECTOR_KEYS = frozenset({"languages", "min_letters", "cjk_letter_weight", "min_confidence", "expected_floor",
                            "max_chars", "vote_words", "mixed_share", "candidate_floor", "candidates",
                            "min_function_words", "min_function_words_names", "function_word_share",
                            "short_text_scripts"})
# The language findings' prose, in every locale ([messages.<locale>]).
_MESSAGE_KEYS = frozenset({"unsupported", "unsupported_given", "unrecognised", "unsupported_source",
                           "unsupported_suggestion", "mismatch_buyer", "mismatch_template", "mismatch_source"})


def load_language_data(path: Path) -> LanguageData:
    """The language settings in `path`; a missing or malformed one is a PolicyError naming it."""
    raw = read_toml(path, "the language settings")
    refuse_unknown(path, "top level", raw, {"detector", "function_words", "names", "messages"})
    refuse_unknown(path, "[detector]", raw.get("detector"), _DETECTOR_KEYS)
    for locale, table in (raw.get("messages") or {}).items():
        refuse_unknown(path, f"[messages.{locale}]", table, _MESSAGE_KEYS)
    try:
        detector = raw["detector"]
        names = dict(raw["names"][LOCALE])
        messages = dict(raw["messages"][LOCALE])
        data = LanguageData(
            languages=tuple(detector["languages"]), min_letters=int(detector["min_letters"]),
            cjk_letter_weight=int(detector["cjk_letter_weight"]),
            min_confidence=float(detector["min_confidence"]),
            expected_floor=float(detector["expected_floor"]), max_chars=int(detector["max_chars"]),
            vote_words=int(detector["vote_words"]), mixed_share=float(detector["mixed_share"]),
            candidate_floor=float(detector["candidate_floor"]), candidates=int(detector["candidates"]),
            min_function_words=int(detector["min_function_words"]),
            min_function_words_names=int(detector["min_function_words_names"]),
            function_word_share=float(detector["function_word_share"]),
            function_words={tag: frozenset(words) for tag, words
                            in dict(raw.get("function_words", {})).items()},
            short_text_scripts={tag: re.compile(f"[{chars}]") for tag, chars
                                in dict(detector.get("short_text_scripts", {})).items()},
            names=names, messages=messages)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise PolicyError(f"{path}: missing or malformed setting: {exc}") from None
    from lingua import IsoCode639_1
    unknown = [tag for tag in data.languages if not hasattr(IsoCode639_1, tag.upper())]
    if unknown:
        raise PolicyError(f"{path}: [detector] languages: lingua does not know {', '.join(unknown)}")
    unlisted = [tag for tag in data.short_text_scripts if tag not in data.languages]
    if unlisted:
        raise PolicyError(f"{path}: [detector] short_text_scripts: not in languages: {', '.join(unlisted)}")
    unlisted = [tag for tag in data.function_words if tag not in data.languages]
    if unlisted:
        raise PolicyError(f"{path}: [function_words]: not in languages: {', '.join(unlisted)}")
    unnamed = [tag for tag in data.languages if tag not in names]
    if unnamed:
        raise PolicyError(f"{path}: [names.{LOCALE}] lacks {', '.join(unnamed)}")
    needed = _MESSAGE_KEYS
    if needed - set(messages):
        raise PolicyError(f"{path}: [messages.{LOCALE}] lacks "
                          f"{', '.join(sorted(needed - set(messages)))}")
    return data


def load_detector() -> None:
    """Build the detector now (at start, with the policy) rather than on the first check."""
    _detector()


@lru_cache(maxsize=None)
def _detector():
    """The lingua detector for the configured languages, built once.

    High-accuracy mode: the low-accuracy one (trigrams only) calls short English text
    Danish or French far too often (docs/language-detection.md). A language's models load
    on first need; the warm-up loads those of the Latin script, which nearly every message
    needs, so the first check does not pay for them.
    """
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, tag.upper()) for tag in language_data().languages]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    detector.compute_language_confidence_values(WARM_UP_TEXT)
    return detector


def parse_language(value: object) -> str | None:
    """The primary tag of a requested language, None for "auto" (or no value).

    Raises ValueError with a message for the person when it is not a language tag or
    not one this checker knows.
    """
    if value is None or value == AUTO:
        return None
    if not isinstance(value, str) or not _TAG.match(value):
        raise ValueError(f"“language” must be “{AUTO}” or a language tag such as “en”, "
                         f"not {str(value)[:40]!r}.")
    primary = value.split("-", 1)[0].lower()
    data = language_data()
    if primary not in data.names:
        raise ValueError(f"Unknown language “{value[:40]}” (known: {AUTO}, "
                         f"{', '.join(sorted(data.names))}).")
    return primary


def detect(text: str, expected: str) -> Detection:
    """The language of `text`; `expected` when the text is too short or unsure to tell.

    Unsure (too few letters, or the detector's confidence under `min_confidence`), the
    language whose function words the text holds clearly (`min_function_words`, more than
    any other candidate's) is taken: "Puedes quitar la opinion?" is Spanish, however few
    its letters. The other candidates go in `also`: their rules run too."""
    data = language_data()
    views = language_views(text, data.min_letters, data.cjk_letter_weight, data.max_chars)
    view = next((v for v in (views.lower, views.words)
                 if letter_count(v, data.cjk_letter_weight) >= data.min_letters), None)
    if view is None:
        # Too short to tell, unless it is written in a script only one language uses.
        script_language = next((tag for tag, script in data.short_text_scripts.items()
                                if script.search(text)), None)
        if script_language is not None:
            return Detection(script_language, detected=True, confidence=1.0)
        few = views.words if letter_count(views.words, 1) else ""
        scores = _scores(few[:data.max_chars]) if few else {}
        return _unsure(few, scores, expected, Detection(expected, detected=False), data)
    scores = _scores(view[:data.max_chars])
    best = max(scores, key=scores.get)
    if scores[best] == 0:  # a script none of the configured languages is written in
        return Detection(UNDETERMINED, detected=True)
    if scores[best] < data.min_confidence and scores.get(expected, 0.0) >= data.expected_floor:
        return _unsure(views.words, scores, expected,
                       Detection(expected, detected=False, confidence=scores[expected]), data)
    if best != expected and expected in scores and _mostly(expected, best, view, data):
        # Mixed text: an English message naming a Polish product stays English.
        return _unsure(views.words, scores, expected,
                       Detection(expected, detected=True, confidence=scores[expected]), data,
                       by_function_words=False)
    if view is not views.lower or scores[best] < data.min_confidence:
        # Read from capitalised words only (names, a shop's signature) or unsure.
        return _unsure(views.words, scores, expected,
                       Detection(best, detected=True, confidence=scores[best]), data,
                       needed=data.min_function_words_names if view is not views.lower else None)
    return Detection(best, detected=True, confidence=scores[best])


def _unsure(words: str, scores: dict[str, float], expected: str, guess: Detection,
            data: LanguageData, by_function_words: bool = True, needed: int | None = None
            ) -> Detection:
    """`guess` with its rivals in `also`: the top `candidates` languages of `scores` that reach
    `candidate_floor`, and `expected`. A rival whose function words the text holds clearly
    (at least `min_function_words`, more than every other candidate's) is taken instead."""
    ranked = sorted((tag for tag, value in scores.items() if value >= data.candidate_floor),
                    key=scores.get, reverse=True)[:data.candidates]
    rivals = list(dict.fromkeys([guess.language, *ranked, expected]))
    if by_function_words and data.function_words:
        tokens = [w.strip(_EDGE).lower() for w in words.split()]
        counts = {tag: sum(t in data.function_words.get(tag, ()) for t in tokens) for tag in rivals}
        top = max(counts.values(), default=0)
        leaders = [tag for tag, n in counts.items() if n == top]
        share = 0.0 if needed else data.function_word_share  # names: their count says nothing
        if top >= (needed or data.min_function_words) and top >= share * len(tokens) \
                and len(leaders) == 1 and leaders[0] != guess.language:
            guess = Detection(leaders[0], detected=True, confidence=scores.get(leaders[0], 0.0))
    also = tuple(tag for tag in rivals if tag != guess.language)
    return Detection(guess.language, guess.detected, guess.confidence, also)


_EDGE = "\"'“”„«»‹›()[]{}<>.,;:!?¡¿…·*_~-–—/|"


@lru_cache(maxsize=2048)
def _scores(view: str) -> dict[str, float]:
    """The detector's confidence per language tag for `view` (read, never changed, by callers).

    Remembered: the view is the start of the message, so while a seller types on at the end
    of a longer message, the live check asks again about the same view.
    """
    return {v.language.iso_code_639_1.name.lower(): v.value
            for v in _detector().compute_language_confidence_values(view)}


def _mostly(expected: str, best: str, view: str, data: LanguageData) -> bool:
    """Whether at least `mixed_share` of the first `vote_words` words of `view` read more
    like `expected` than like `best`, each word judged on its own."""
    words = view.split()[:data.vote_words]
    votes = 0
    for word in words:
        scores = _scores(word)
        votes += scores.get(expected, 0.0) > scores.get(best, 0.0)
    return bool(words) and votes >= data.mixed_share * len(words)


def detect_language(text: str, facts, template=None, requested: str | None = AUTO) -> Detection:
    """The language of `text` as the check reads it: detected, else the expected one (the
    requested, else the template's, else the marketplace's default)."""
    template_language = getattr(template, "language", None)  # templates written per language
    expected = parse_language(requested) or template_language or facts.default_language
    return detect(displayed(text), expected)  # read as shown: a reversed run is not a language


def check_language(text: str, findings: list[Finding], facts, template=None,
                   requested: str | None = AUTO, detection: Detection | None = None
                   ) -> CheckResult:
    """The check's result: `findings` plus the `language` findings for `text`.

    `facts` is the marketplace's (policy.marketplace.Marketplace): its `languages` are those
    it has rules for. The expected language is the requested one, else the template's, else
    the marketplace's default; it is taken when the text is too short or unsure to tell.
    """
    buyer_language = parse_language(requested)
    template_language = getattr(template, "language", None)  # templates written per language
    if detection is None:
        detection = detect(text, buyer_language or template_language or facts.default_language)
    if not facts.applies("language"):
        return CheckResult(detection.language, findings)
    extra = language_findings(detection, facts.name, tuple(facts.languages),
                              buyer_language, template_language)
    if extra:
        findings = sorted(findings + extra, key=lambda f: (f.start, f.end, f.category))
    return CheckResult(detection.language, findings)


def language_findings(detection: Detection, marketplace: str,
                      supported: tuple[str, ...], buyer_language: str | None,
                      template_language: str | None) -> list[Finding]:
    """The `language` findings for a message whose language is `detection.language`."""
    data = language_data()
    fill = {"language": data.name(detection.language), "marketplace": marketplace,
            "supported": ", ".join(data.name(tag) for tag in supported) or "none"}
    found = []
    if detection.language not in supported:
        key = ("unrecognised" if detection.language == UNDETERMINED
               else "unsupported" if detection.detected else "unsupported_given")
        found.append(_finding("language.unsupported", "block", data.messages[key].format(**fill),
                              data.messages["unsupported_source"].format(**fill),
                              (data.messages["unsupported_suggestion"].format(**fill),)))
    if detection.detected and detection.language != UNDETERMINED:
        for expected, key in ((buyer_language, "mismatch_buyer"),
                              (template_language, "mismatch_template")):
            if expected and expected != detection.language:
                found.append(_finding(
                    "language.mismatch", "warn",
                    data.messages[key].format(**fill, expected=data.name(expected)),
                    data.messages["mismatch_source"].format(**fill), ()))
                break
    return found


def _finding(rule: str, severity: str, message: str, source: str,
             suggestions: tuple[str, ...]) -> Finding:
    """A finding about the whole message: an empty span at its start (nothing to highlight)."""
    return Finding(rule=rule, category="language", severity=severity, start=0, end=0,
                   excerpt="", message=message, source=source, suggestions=suggestions)
