"""Triage's data: the common intents and cues, and each marketplace's triage.toml, validated.

policy/triage_data/common.toml holds what every marketplace shares: the intents'
titles and the words that explain a deciding phrase, and the cues that read the
seller's previous message. policy/<marketplace>/triage.toml holds what differs:
the reply clock, the wording of the "no reply needed" action, which reply
templates fit each intent, intents of its own (found by cue patterns), and how
order IDs and product names are read. Every table refuses unknown keys and
every pattern goes through policy.patterns' linear-time check, so a malformed
file fails at start naming file, entry and problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .patterns import PatternError, compile_pattern, translate
from .policyfile import PolicyError, read_toml

POLICY_ROOT = Path(__file__).resolve().parent
COMMON_PATH = POLICY_ROOT / "triage_data" / "common.toml"
INTENTS = (
    "where_is_my_order", "delivery_problem", "return_or_refund", "cancel_or_change_order",
    "product_question", "invoice_or_billing", "thanks_or_resolved", "feedback_or_review", "other",
)
_MARKETPLACE = re.compile(r"[a-z][a-z0-9_]{0,31}")
_ID = re.compile(r"[a-z][a-z0-9_]{0,40}")


@dataclass(frozen=True)
class Cues:
    """Patterns that mean one thing, each checked for linear time and compiled once."""

    why: str
    patterns: tuple[re.Pattern, ...]

    def first(self, view: str) -> re.Match | None:
        found = [m for p in self.patterns for m in [p.search(view)] if m]
        return min(found, key=lambda m: m.start()) if found else None


@dataclass(frozen=True)
class Intent:
    id: str
    title: str
    why: str  # what a deciding phrase of this intent says, in words
    why_no_reply: str  # the same when the message needs no reply
    templates: tuple[str, ...]
    cues: Cues | None = None  # marketplace intents: found by patterns, not by the model
    keeps_open: bool = True


@dataclass(frozen=True)
class TriageRules:
    """One marketplace's triage settings merged over the common ones."""

    marketplace: str
    path: Path
    reply_hours: int
    reply_note: str  # one line about the clock for the seller (marketplace.toml's reply_clock.note)
    every_message_needs_reply: bool  # the marketplace has no "no response needed"
    no_reply_label: str  # the verdict, in the marketplace's words ("No response needed")
    no_reply_action: str  # "Mark as no response needed", in the marketplace's words
    console: str  # where the seller does it ("Seller Central")
    intents: dict[str, Intent]  # common intents first, then the marketplace's own
    extra_intents: tuple[Intent, ...]
    question_why: str
    unsure_why: str
    previous_asks: Cues
    previous_closes: Cues
    order_id: re.Pattern
    product: tuple[re.Pattern, ...]
    product_stopwords: frozenset[str]


def _fail(path: Path, where: str, problem: str) -> PolicyError:
    return PolicyError(f"{path}: {where}: {problem}")


def _table(path: Path, where: str, value: object, allowed: set[str], required: set[str] = frozenset()) -> dict:
    if not isinstance(value, dict):
        raise _fail(path, where, "must be a table")
    unknown = set(value) - allowed
    if unknown:
        raise _fail(path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = set(required) - set(value)
    if missing:
        raise _fail(path, where, f"missing key(s) {sorted(missing)}")
    return value


def _text(path: Path, where: str, value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string")
    return value


def _pattern(path: Path, where: str, source: object, flags: int = 0, words: dict[str, str] | None = None) -> re.Pattern:
    """A policy pattern (the rules dialect of policy/patterns.py, `{name}` a word list of the
    file's [words]), refused unless linear-time."""
    try:
        compile_pattern(source, words)  # validates: compiles, and no nested or overlapping repeats
    except PatternError as exc:
        raise _fail(path, where, str(exc)) from None
    return re.compile(translate(source, words), flags)


def _words(path: Path, value: object) -> dict[str, str]:
    """A file's [words]: name -> a list of alternatives (one per line), as in rules.toml."""
    if not isinstance(value, dict):
        raise _fail(path, "[words]", "must map names to lists of alternatives")
    words = {}
    for name, entry in value.items():
        if not isinstance(entry, list) or not entry or not all(isinstance(e, str) and e for e in entry):
            raise _fail(path, f"[words] {name}", "must be a non-empty list of alternatives")
        words[name] = "|".join(entry)
    for name in words:
        _pattern(path, f"[words] {name}", words[name], words=words)
    return words


def _cues(path: Path, where: str, table: object, needs_why: bool = True, words: dict[str, str] | None = None) -> Cues:
    table = _table(path, where, table, {"why", "patterns", "examples", "counter_examples"}, {"patterns"})
    why = _text(path, where, table.get("why"), "why") if needs_why else str(table.get("why", ""))
    patterns = table["patterns"]
    if not isinstance(patterns, list) or not patterns:
        raise _fail(path, where, "'patterns' must be a non-empty list")
    cues = Cues(why, tuple(_pattern(path, f"{where} pattern {i + 1}", p, words=words) for i, p in enumerate(patterns)))
    from .triage_features import view_of
    for key, should in (("examples", True), ("counter_examples", False)):
        examples = table.get(key, [])
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise _fail(path, where, f"'{key}' must be a list of strings")
        for example in examples:
            if (cues.first(view_of(example)[1]) is not None) != should:
                raise _fail(path, where, f"{key[:-1].replace('_', ' ')} {example!r} "
                                         f"{'does not match' if should else 'matches'} its patterns")
    return cues


def _templates(path: Path, where: str, value: object, known: set[str] | None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise _fail(path, where, "'templates' must be a list of template ids")
    if known is not None:
        missing = [t for t in value if t not in known]
        if missing:
            raise _fail(path, where, f"unknown template id(s) {missing}; known: {sorted(known)}")
    return tuple(value)


def load_common(path: Path = COMMON_PATH) -> dict:
    data = _table(path, "top level", read_toml(path, "common triage file"),
                  {"question_why", "unsure_why", "intent", "previous", "words"},
                  {"question_why", "unsure_why", "intent", "previous"})
    words = _words(path, data.get("words", {}))
    intents = _table(path, "[intent]", data["intent"], set(INTENTS), set(INTENTS))
    out = {}
    for intent_id in INTENTS:
        where = f"[intent.{intent_id}]"
        t = _table(path, where, intents[intent_id], {"title", "why", "why_no_reply"}, {"title", "why"})
        out[intent_id] = (_text(path, where, t["title"], "title"), _text(path, where, t["why"], "why"),
                          _text(path, where, t.get("why_no_reply", t["why"]), "why_no_reply"))
    previous = _table(path, "[previous]", data["previous"], {"asks", "closes"}, {"asks", "closes"})
    return {"question_why": _text(path, "top level", data["question_why"], "question_why"),
            "unsure_why": _text(path, "top level", data["unsure_why"], "unsure_why"),
            "intents": out,
            "asks": _cues(path, "[previous.asks]", previous["asks"], words=words),
            "closes": _cues(path, "[previous.closes]", previous["closes"], words=words)}


_TOP_KEYS = {"marketplace", "reply_hours", "every_message_needs_reply", "no_reply_label", "no_reply_action",
             "console",
             "templates", "intent", "extract", "words"}


def load_rules_from(path: Path, known_templates: set[str] | None = None,
                    common: dict | None = None, facts=None) -> TriageRules:
    """Load and validate one marketplace's triage.toml over the common file.

    `facts` (policy.marketplace.Marketplace, from the folder's marketplace.toml) is the one
    source of the reply clock, the order-ID format, the marketplace's own intents' names and
    its wording; triage.toml's reply_hours, every_message_needs_reply, no_reply_action,
    console and [extract] order_id are read only for a folder without marketplace.toml.
    """
    path = Path(path)
    common = common or load_common()
    raw = read_toml(path, "triage file") if facts is None or path.is_file() else {"marketplace": path.parent.name}
    data = _table(path, "top level", raw, _TOP_KEYS,
                  {"marketplace"} if facts is not None else {"marketplace", "reply_hours"})
    marketplace = data["marketplace"]
    if not isinstance(marketplace, str) or not _MARKETPLACE.fullmatch(marketplace):
        raise _fail(path, "marketplace", f"{marketplace!r} is not a marketplace id")
    label = _text(path, "no_reply_label", data.get("no_reply_label", "No reply needed"), "no_reply_label")
    if facts is not None:
        hours, note = facts.reply_clock.hours, facts.reply_clock.note
        every = "no_response_needed" not in facts.wording
        action = facts.wording.get("no_response_needed", "Reply briefly")
        console = facts.wording.get("seller_tool", facts.name)
    else:
        hours = data["reply_hours"]
        if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= 24 * 30:
            raise _fail(path, "reply_hours", f"must be a whole number of hours from 1 to 720, got {hours!r}")
        note = f"The reply window is {hours} hours, weekends included."
        every = data.get("every_message_needs_reply", False)
        if not isinstance(every, bool):
            raise _fail(path, "every_message_needs_reply", "must be true or false")
        action = _text(path, "no_reply_action", data.get("no_reply_action", "Mark it as needing no reply"),
                       "no_reply_action")
        console = _text(path, "console", data.get("console", "your seller account"), "console")

    words = _words(path, data.get("words", {}))
    templates = _table(path, "[templates]", data.get("templates", {}), set(INTENTS))
    intents: dict[str, Intent] = {}
    for intent_id, (title, why, why_none) in common["intents"].items():
        chosen = _templates(path, f"[templates] {intent_id}", templates.get(intent_id, []), known_templates)
        intents[intent_id] = Intent(intent_id, title, why, why_none, chosen)

    extra = []
    for i, table in enumerate(data.get("intent", [])):
        where = f"[[intent]] #{i + 1}"
        table = _table(path, where, table, {"id", "title", "why", "templates", "patterns", "examples",
                                            "counter_examples", "keeps_open"}, {"id", "title", "why", "patterns"})
        intent_id = table["id"]
        if not isinstance(intent_id, str) or not _ID.fullmatch(intent_id):
            raise _fail(path, where, f"id {intent_id!r} must be lower-case letters, digits and _")
        if intent_id in intents:
            raise _fail(path, where, f"intent {intent_id!r} is already defined")
        where = f"[[intent]] {intent_id}"
        keeps_open = table.get("keeps_open", True)
        if not isinstance(keeps_open, bool):
            raise _fail(path, where, "'keeps_open' must be true or false")
        cues = _cues(path, where, {k: table[k] for k in ("why", "patterns", "examples", "counter_examples")
                                   if k in table}, words=words)
        title = _text(path, where, table["title"], "title")
        if facts is not None:
            title = facts.intents.get(intent_id, title)  # the marketplace names its intents
        intent = Intent(intent_id, title, cues.why, cues.why,
                        _templates(path, where, table.get("templates", []), known_templates), cues, keeps_open)
        intents[intent_id] = intent
        extra.append(intent)

    extract = _table(path, "[extract]", data.get("extract", {}), {"order_id", "product", "product_stopwords"},
                     set() if facts is not None else {"order_id"})
    if facts is not None:
        # The facts' format is written for the text as typed; triage reads the lower-case view.
        order_id = _pattern(path.with_name("marketplace.toml"), "[order_id]", facts.order_id.in_text, re.I)
    else:
        order_id = _pattern(path, "[extract] order_id", extract["order_id"], words=words)
    product = tuple(_pattern(path, f"[extract] product {i + 1}", p, words=words)
                    for i, p in enumerate(extract.get("product", [])))
    for i, p in enumerate(product):
        if "product" not in p.groupindex:
            raise _fail(path, f"[extract] product {i + 1}", "needs a group named (?P<product>...)")
    stop = extract.get("product_stopwords", [])
    if not isinstance(stop, list) or not all(isinstance(w, str) for w in stop):
        raise _fail(path, "[extract]", "'product_stopwords' must be a list of words")
    return TriageRules(marketplace, path, hours, note, every, label, action, console, intents, tuple(extra),
                       common["question_why"], common["unsure_why"], common["asks"], common["closes"], order_id, product,
                       frozenset(w.lower() for w in stop))


LANGUAGE_PREVIOUS = "previous.toml"


@lru_cache(maxsize=None)
def previous_cues(language: str) -> tuple[Cues, Cues] | None:
    """(asks, closes): the cues of policy/triage_data/<language>/previous.toml that read a seller's
    previous message written in `language`, with common.toml's words for why; None without a file.

    The words a seller asks or reports with are data per language, like the phrase books; what
    the page says about them is the interface's, so a language file carries patterns only."""
    if not _ID.fullmatch(language or ""):
        return None
    path = POLICY_ROOT / "triage_data" / language / LANGUAGE_PREVIOUS
    if not path.is_file():
        return None
    common = load_common()
    data = _table(path, "top level", read_toml(path, "triage cues of the previous message"),
                  {"asks", "closes", "words"}, {"asks", "closes"})
    words = _words(path, data.get("words", {}))
    out = []
    for key in ("asks", "closes"):
        table = _table(path, f"[{key}]", data[key], {"patterns", "examples", "counter_examples"}, {"patterns"})
        cues = _cues(path, f"[{key}]", table, needs_why=False, words=words)
        out.append(Cues(common[key].why, cues.patterns))
    return out[0], out[1]


def default_marketplace() -> str:
    """The app's default marketplace (MARKETPLACE, else policy/common/common.toml)."""
    from .marketplace import default_marketplace as chosen
    return chosen()


def marketplaces() -> list[str]:
    """Every marketplace triage can serve: those with facts, and folders with a triage.toml."""
    from .marketplace import marketplace_ids
    return sorted(set(marketplace_ids()) | {p.parent.name for p in POLICY_ROOT.glob("*/triage.toml")})


def _folder(marketplace: str) -> Path:
    """policy/<marketplace>/, or the POLICY_PATH folder holding it (policy.marketplace decides)."""
    from .marketplace import marketplace_folder
    try:
        return marketplace_folder(marketplace)
    except PolicyError:
        return POLICY_ROOT / marketplace


@lru_cache(maxsize=None)
def load_triage_rules(marketplace: str) -> TriageRules:
    """The marketplace's triage rules, validated against its templates (cached).

    A marketplace with a marketplace.toml triages without a triage.toml (a new marketplace
    costs no code and no triage file): the common intents, the facts' clock and wording.
    """
    if not isinstance(marketplace, str) or not _MARKETPLACE.fullmatch(marketplace):
        raise PolicyError(f"unknown marketplace {marketplace!r}")
    folder = _folder(marketplace)
    path = folder / "triage.toml"
    has_facts = (folder / "marketplace.toml").is_file()
    if not path.is_file() and not has_facts:
        raise PolicyError(f"no triage rules for marketplace {marketplace!r}: {path} is missing")
    from .templates import load_templates
    templates_path = folder / "templates.toml"
    known = set(load_templates(templates_path)) if templates_path.is_file() else None
    facts = None
    if has_facts:
        from .marketplace import load_marketplace
        facts = load_marketplace(marketplace)
    return load_rules_from(path, known, facts=facts)
