"""Which language a buyer's message is written in, and which triage model can read it.

The language comes from the same detector as the check (policy.language: lingua, with the
marketplace's default language when the text is too short or unsure to tell). The main
model reads the language named in policy/triage_data/languages.toml; each other language
with a folder policy/triage_data/<tag>/model.json has its own (policy.triage_train_languages).
A text too short to tell ("Danke!", 「届きました」) goes to the model that knows most of
its words, the expected language's on a tie. A language no model reads gets None: triage
then never marks the message "no response needed".
"""
from __future__ import annotations

from functools import lru_cache

from .policyfile import PolicyError, read_toml, refuse_unknown
from .triage_data import phrasebook
from .triage_model import MODEL_PATH, TriageModel, load_model, load_model_from

LANGUAGES_FILE = MODEL_PATH.parent / "languages.toml"
SURE = 0.8  # the detector's confidence at which the expected language needs no second look


@lru_cache(maxsize=None)
def default_language() -> str:
    """The language of the main model (policy/triage_data/model.json)."""
    raw = read_toml(LANGUAGES_FILE, "the triage languages")
    refuse_unknown(LANGUAGES_FILE, "top level", raw, {"default"})
    if not isinstance(raw.get("default"), str):
        raise PolicyError(f"{LANGUAGES_FILE}: `default` must name the main model's language")
    return raw["default"]


@lru_cache(maxsize=None)
def model_languages() -> tuple[str, ...]:
    """Every language some triage model reads: the main model's first."""
    own = [tag for tag in phrasebook.languages() if (phrasebook.ROOT / tag / "model.json").is_file()]
    return (default_language(), *[tag for tag in own if tag != default_language()])


@lru_cache(maxsize=None)
def model_for(language: str) -> TriageModel | None:
    """The model that reads `language`, or None."""
    if language == default_language():
        return load_model()
    if language in model_languages():
        return load_model_from(phrasebook.ROOT / language / "model.json")
    return None


def _words(text: str) -> list[str]:
    from .triage_features import tokens, view_of
    return [t.text for t in tokens(view_of(text)[1]) if t.word]


def _known(language: str, words: list[str]) -> int:
    """How many of `words` the model of `language` has read (0 without a model)."""
    model = model_for(language)
    return sum(f"w:{w}" in model.index for w in words) if model else 0


def reading(text: str, expected: str) -> tuple[str, TriageModel | None]:
    """(language of `text`, the model that reads it or None).

    The detector decides, with one check against its slips on chat-style or mistyped text
    ("Tyvm!!!!" read as Swedish, Spanish without its accents read as Portuguese): another
    language's model is taken instead when it knows at least half of the words and more
    of them than the detected language's model (which, when there is none, knows nothing).
    """
    from .language import _scores, detect
    found = detect(text, expected)
    if found.detected and found.language == expected and found.confidence >= SURE:
        return found.language, model_for(found.language)
    words = _words(text)
    known = {tag: _known(tag, words) for tag in model_languages()}
    if found.detected:
        mine = known.get(found.language, 0)
        best = max(known, key=lambda tag: (known[tag], tag == expected))
        if words and known[best] > mine and known[best] >= len(words) / 2:
            return best, model_for(best)
        return found.language, model_for(found.language)
    # Too short to tell: the model that knows most of the words, the expected one on a tie,
    # else the detector's leaning ("Merci !": German or French).
    if known.get(found.language, -1) == max(known.values()):
        return found.language, model_for(found.language)
    leaning = _scores(text.lower())
    best = max(known, key=lambda tag: (known[tag], leaning.get(tag, 0.0)))
    return best, model_for(best)
