"""Triage a buyer's message: does it need a reply, what is it about, which reply fits?

Amazon counts every unanswered buyer message against the seller after 24 hours
unless it is marked "no response needed". That mark is only safe for a message
that needs no answer at all, so the verdict leans to "needs a reply": a message
needs none only when it closes the matter (thanks, it arrived, solved) and
nothing in it asks, requests, denies or complains. The cues are data, in
policy/<marketplace>/triage.toml; this module loads, validates and applies them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .policyfile import PolicyError, read_toml
from .normalize import normalize

INTENTS = (
    "where_is_my_order", "delivery_problem", "return_or_refund", "cancel_or_change_order",
    "product_question", "invoice_or_billing", "thanks_or_resolved", "feedback_or_review", "other",
)
# Curly and modifier apostrophes become straight ones so patterns can write "n't" once.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_SENTENCE = regex.compile(r"[^.!?;\n]+[.!?;]*")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'&.-]*")
_STRIP = " \t,:-()[]\"'*"
_EDGE = frozenset(" \t\n.,;:!-")
# A second intent's templates are offered too when its cues weigh at least this much.
SECOND_INTENT_MIN_SCORE = 2.0
POLICY_ROOT = Path(__file__).resolve().parent  # one folder per marketplace
_MARKETPLACE = regex.compile(r"[a-z][a-z0-9_]{0,31}")


@dataclass(frozen=True)
class Cue:
    """A set of patterns that mean one thing ("asks a question", "says it arrived damaged")."""

    group: str  # "closing", "open" or an intent id
    id: str
    why: str
    weight: float
    opens: bool  # does a match keep the message open (needing a reply)?
    waives_reply: bool  # closing cue: the buyer says no reply is needed
    survives_waiver: bool  # open cue: still needs a reply after "no reply needed" (a question)
    resolves: bool  # closing cue: the problem described before it is solved ("all good now")
    survives_resolution: bool  # open cue: still needs a reply before a "resolves" cue
    patterns: tuple[regex.Pattern, ...]
    example: str
    counter_example: str | None
    templates: tuple[str, ...] = ()  # intent cue: reply templates to offer first when it matches


@dataclass(frozen=True)
class Intent:
    id: str
    title: str
    templates: tuple[str, ...]
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class TriageRules:
    """The validated contents of one marketplace's triage.toml."""

    path: Path
    default_intent: str
    neutral_why: str
    neutral: tuple[regex.Pattern, ...]
    signature_max_words: int
    closing: tuple[Cue, ...]
    open: tuple[Cue, ...]
    intents: dict[str, Intent]  # file order = tie-break order
    order_id: regex.Pattern
    product: tuple[regex.Pattern, ...]
    product_stopwords: frozenset[str]


@dataclass(frozen=True)
class _Hit:
    start: int  # offsets into the matching view
    end: int
    cue: Cue


# --------------------------------------------------------------------------- loading

def _fail(path: Path, where: str, problem: str) -> PolicyError:
    return PolicyError(f"{path}: {where}: {problem}")


def _compile(path: Path, where: str, pattern: object) -> regex.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, where, f"a pattern must be a non-empty string, got {pattern!r}")
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise _fail(path, where, f"bad pattern {pattern!r}: {exc}") from None


def _text(path: Path, where: str, table: dict, key: str, required: bool = True) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string")
    return value


_CUE_KEYS = {"id", "why", "weight", "opens", "patterns", "example", "counter_example", "templates",
             "waives_reply", "survives_waiver", "resolves", "survives_resolution"}


def _cue(path: Path, group: str, index: int, table: object, opens_default: bool,
         known_templates: set[str] | None = None) -> Cue:
    where = f"[[{group}]] #{index + 1}"
    if not isinstance(table, dict):
        raise _fail(path, where, "must be a table")
    if "id" in table:
        where += f" ({table['id']})"
    unknown = set(table) - _CUE_KEYS
    if unknown:
        raise _fail(path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_CUE_KEYS)}")
    why = _text(path, where, table, "why")
    weight = table.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
        raise _fail(path, where, f"'weight' must be a positive number, got {weight!r}")
    flags = {}
    for key, default in (("opens", opens_default), ("waives_reply", False), ("survives_waiver", False),
                         ("resolves", False), ("survives_resolution", False)):
        flags[key] = table.get(key, default)
        if not isinstance(flags[key], bool):
            raise _fail(path, where, f"'{key}' must be true or false")
    patterns = table.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise _fail(path, where, "'patterns' must be a non-empty list of regular expressions")
    compiled = tuple(_compile(path, f"{where} pattern {i + 1}", p) for i, p in enumerate(patterns))
    example = _text(path, where, table, "example")
    counter = _text(path, where, table, "counter_example", required=False)
    templates = _template_ids(path, where, table.get("templates", []), known_templates)
    return Cue(group, str(table.get("id", f"{group}-{index + 1}")), why, float(weight), flags["opens"],
               flags["waives_reply"], flags["survives_waiver"], flags["resolves"],
               flags["survives_resolution"], compiled, example, counter, templates)


def _template_ids(path: Path, where: str, templates: object, known: set[str] | None) -> tuple[str, ...]:
    if not isinstance(templates, list) or not all(isinstance(t, str) for t in templates):
        raise _fail(path, where, "'templates' must be a list of template ids")
    if known is not None:
        missing = [t for t in templates if t not in known]
        if missing:
            raise _fail(path, where, f"unknown template id(s) {missing}; known: {sorted(known)}")
    return tuple(templates)


def _parse(path: Path, data: dict, known_templates: set[str] | None) -> TriageRules:
    default_intent = data.get("default_intent", "other")
    if default_intent not in INTENTS:
        raise _fail(path, "default_intent", f"{default_intent!r} is not one of {INTENTS}")

    neutral = data.get("neutral", {})
    if not isinstance(neutral, dict):
        raise _fail(path, "[neutral]", "must be a table")
    neutral_patterns = tuple(
        _compile(path, f"[neutral] sentence {i + 1}", p) for i, p in enumerate(neutral.get("sentences", [])))
    max_words = neutral.get("signature_max_words", 0)
    if not isinstance(max_words, int) or max_words < 0:
        raise _fail(path, "[neutral]", "'signature_max_words' must be a whole number >= 0")

    closing = tuple(_cue(path, "closing", i, t, False) for i, t in enumerate(data.get("closing", [])))
    opening = tuple(_cue(path, "open", i, t, True) for i, t in enumerate(data.get("open", [])))
    if not closing or not opening:
        raise _fail(path, "cues", "needs at least one [[closing]] and one [[open]] cue")

    intents: dict[str, Intent] = {}
    for i, table in enumerate(data.get("intent", [])):
        where = f"[[intent]] #{i + 1}"
        if not isinstance(table, dict):
            raise _fail(path, where, "must be a table")
        intent_id = table.get("id")
        if intent_id not in INTENTS:
            raise _fail(path, where, f"id {intent_id!r} is not one of {INTENTS}")
        if intent_id in intents:
            raise _fail(path, where, f"intent {intent_id!r} is defined twice")
        where = f"[[intent]] {intent_id}"
        unknown = set(table) - {"id", "title", "keeps_open", "templates", "cue"}
        if unknown:
            raise _fail(path, where, f"unknown key(s) {sorted(unknown)}")
        keeps_open = table.get("keeps_open", True)
        if not isinstance(keeps_open, bool):
            raise _fail(path, where, "'keeps_open' must be true or false")
        templates = _template_ids(path, where, table.get("templates", []), known_templates)
        cues = tuple(_cue(path, f"intent.{intent_id}", j, t, keeps_open, known_templates)
                     for j, t in enumerate(table.get("cue", [])))
        intents[intent_id] = Intent(intent_id, _text(path, where, table, "title"), tuple(templates), cues)
    absent = [i for i in INTENTS if i not in intents]
    if absent:
        raise _fail(path, "[[intent]]", f"missing intent(s) {absent}")

    extract = data.get("extract", {})
    order_id = _compile(path, "[extract] order_id", extract.get("order_id", r"\b\d{3}-\d{7}-\d{7}\b"))
    product = tuple(_compile(path, f"[extract] product {i + 1}", p)
                    for i, p in enumerate(extract.get("product", [])))
    for i, p in enumerate(product):
        if "product" not in p.groupindex:
            raise _fail(path, f"[extract] product {i + 1}", "needs a group named (?P<product>...)")
    stop = extract.get("product_stopwords", [])
    if not isinstance(stop, list) or not all(isinstance(w, str) for w in stop):
        raise _fail(path, "[extract]", "'product_stopwords' must be a list of words")

    rules = TriageRules(path, default_intent, str(neutral.get("why", "Greeting or sign-off")),
                        neutral_patterns, max_words, closing, opening, intents, order_id, product,
                        frozenset(w.lower() for w in stop))
    _check_examples(rules)
    return rules


def _check_examples(rules: TriageRules) -> None:
    """Each cue's own example must match it (a cheap guard against a broken edit)."""
    for cue in all_cues(rules):
        view = normalize(cue.example).text.translate(_APOSTROPHES)
        if not any(p.search(view) for p in cue.patterns):
            raise _fail(rules.path, f"{cue.group} cue {cue.id!r}",
                        f"its example {cue.example!r} does not match any of its patterns")


def all_cues(rules: TriageRules) -> list[Cue]:
    cues = list(rules.closing) + list(rules.open)
    for intent in rules.intents.values():
        cues.extend(intent.cues)
    return cues


def load_triage_rules_from(path: Path, known_templates: set[str] | None = None) -> TriageRules:
    """Load and validate one triage file; raises PolicyError naming file, entry and problem."""
    data = read_toml(path, "triage file")
    return _parse(Path(path), data, known_templates)


@lru_cache(maxsize=None)
def load_triage_rules(marketplace: str = "amazon") -> TriageRules:
    """The marketplace's triage rules, validated against its templates (cached)."""
    if not isinstance(marketplace, str) or not _MARKETPLACE.fullmatch(marketplace):
        raise PolicyError(f"unknown marketplace {marketplace!r}")
    path = POLICY_ROOT / marketplace / "triage.toml"
    if not path.is_file():
        raise PolicyError(f"no triage rules for marketplace {marketplace!r}: {path} is missing")
    # The templates file directly (not load_policy): triage must not depend on the rule engine.
    from .templates import load_templates
    templates_path = path.with_name("templates.toml")
    known = set(load_templates(templates_path)) if templates_path.is_file() else None
    return load_triage_rules_from(path, known)


# --------------------------------------------------------------------------- matching

def _view(text: str):
    norm = normalize(text)
    return norm, norm.text.translate(_APOSTROPHES)


def _hits(cues, view: str) -> list[_Hit]:
    found = []
    for cue in cues:
        for pattern in cue.patterns:
            for m in pattern.finditer(view):
                if m.end() > m.start():
                    found.append(_Hit(m.start(), m.end(), cue))
    return found


class _Cover:
    """Answers "is this span inside one of those spans?" in O(log n)."""

    def __init__(self, spans: list[_Hit]):
        ordered = sorted(spans, key=lambda h: h.start)
        self.starts = [h.start for h in ordered]
        self.reach, furthest = [], -1
        for h in ordered:
            furthest = max(furthest, h.end)
            self.reach.append(furthest)

    def covers(self, hit: _Hit) -> bool:
        i = bisect.bisect_right(self.starts, hit.start)
        return i > 0 and self.reach[i - 1] >= hit.end

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def _sentences(view: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(view):
        start, end = m.start(), m.end()
        while start < end and view[start] in _STRIP:
            start += 1
        while end > start and view[end - 1] in _STRIP + ".!?;":
            end -= 1
        if any(ch.isalpha() for ch in view[start:end]):
            spans.append((start, end))
    return spans


def _is_signature(original: str, max_words: int) -> bool:
    words = _WORD.findall(original)
    return 0 < len(words) <= max_words and all(w[0].isupper() for w in words)


def _extract(rules: TriageRules, norm, view: str) -> dict:
    fields = {}
    m = rules.order_id.search(view)
    if m:
        a, b = norm.span(m.start(), m.end())
        fields["order_id"] = norm.original[a:b]
    for pattern in rules.product:
        m = pattern.search(view)
        if not m:
            continue
        words = m.group("product").split()
        if 1 <= len(words) <= 4 and not any(w in rules.product_stopwords for w in words):
            a, b = norm.span(m.start("product"), m.end("product"))
            fields["product"] = norm.original[a:b]
            break
    return fields


def _reasons(norm, view: str, hits: list[_Hit]) -> list[dict]:
    """Distinct original spans with why they counted; a span inside a longer one is dropped."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for h in hits:
        if kept and h.start >= kept[-1].start and h.end <= kept[-1].end:
            continue
        kept.append(h)
    out = []
    for h in kept:
        a, b = _trim(view, h.start, h.end)
        start, end = norm.span(a, b)
        out.append({"start": start, "end": end, "why": h.cue.why})
    return out


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    """Drop the punctuation and spaces a pattern matched around the words (". Can you" -> "Can you")."""
    a, b = start, end
    while a < b and view[a] in _EDGE:
        a += 1
    while b > a and view[b - 1] in _EDGE:
        b -= 1
    return (a, b) if b > a else (start, end)


def _scores(rules: TriageRules, hits: list[_Hit]) -> dict[str, float]:
    """Sum of distinct cue weights per intent."""
    seen: dict[str, dict[int, float]] = {}
    for h in hits:
        if h.cue.group.startswith("intent."):
            intent = h.cue.group.split(".")[1]
            seen.setdefault(intent, {})[id(h.cue)] = h.cue.weight
    return {i: sum(w.values()) for i, w in seen.items()}


def _best(rules: TriageRules, scores: dict[str, float], allowed) -> str | None:
    best, best_score = None, 0.0
    for intent_id in rules.intents:  # file order breaks ties
        if intent_id in allowed and scores.get(intent_id, 0) > best_score:
            best, best_score = intent_id, scores[intent_id]
    return best


def triage(text: str, marketplace: str = "amazon") -> dict:
    """Triage one buyer message.

    Returns {"needs_reply", "intent", "reasons": [{"start", "end", "why"}], "templates",
    "fields"}: offsets are code points into `text`; `fields` holds what could be read for
    the composer (order_id, product).
    """
    rules = load_triage_rules(marketplace)
    norm, view = _view(text)
    closing = _hits(rules.closing, view)
    candidates = _hits(rules.open, view)
    for intent in rules.intents.values():
        candidates.extend(_hits(intent.cues, view))
    # A cue inside a closing phrase ("no reply needed", "thanks for the refund") does not count.
    cover = _Cover(closing)
    live = [h for h in candidates if not cover.covers(h)]
    opening = [h for h in live if h.cue.opens]
    waived = any(h.cue.waives_reply for h in closing)
    if waived:  # "no reply needed": only a question or a request still needs one
        opening = [h for h in opening if h.cue.survives_waiver]
    resolved_at = max((h.start for h in closing if h.cue.resolves), default=-1)
    # "It was broken ... all good now": what was described before the resolution is settled.
    opening = [h for h in opening if h.start >= resolved_at
               or h.cue.survives_waiver or h.cue.survives_resolution]
    topic_hits = [h for h in live if h.cue.group.startswith("intent.")]
    # The intent counts masked cues too: "I left a 1 star review because..." is about a review.
    scores = _scores(rules, [h for h in candidates if h.cue.group.startswith("intent.")])

    needs_reply, reason_hits, extra_reasons = True, opening, []
    if not opening:
        if not closing:
            extra_reasons.append((0, len(view), "Neither thanks nor a closed matter: answer to be safe"))
        else:
            loose = [] if waived else _unaccounted_sentences(rules, norm, view, closing, resolved_at)
            if loose:
                extra_reasons.extend((a, b, "Says more than thanks: answer to be safe") for a, b in loose)
            else:
                needs_reply, reason_hits = False, closing

    if needs_reply:
        allowed = [i for i in rules.intents if i != "thanks_or_resolved"]
        intent = _best(rules, scores, allowed) or rules.default_intent
    else:
        intent = _best(rules, _scores(rules, _hits(
            rules.intents["feedback_or_review"].cues + rules.intents["thanks_or_resolved"].cues, view)),
            ("feedback_or_review", "thanks_or_resolved")) or "thanks_or_resolved"

    reasons = _reasons(norm, view, reason_hits + [h for h in topic_hits if h.cue.group == f"intent.{intent}"])
    for a, b, why in extra_reasons:
        if b > a:
            start, end = norm.span(a, b)
            reasons.append({"start": start, "end": end, "why": why})
    reasons.sort(key=lambda r: (r["start"], r["end"]))

    templates: list[str] = []
    if needs_reply:
        # A matched cue may name the reply that fits it best ("shows delivered" -> not received).
        for h in sorted(topic_hits, key=lambda h: -h.cue.weight):
            if h.cue.group == f"intent.{intent}":
                for t in h.cue.templates:
                    if t not in templates:
                        templates.append(t)
        ranked = sorted((i for i in scores if i != intent and scores[i] >= SECOND_INTENT_MIN_SCORE),
                        key=lambda i: -scores[i])
        for intent_id in [intent, *ranked]:
            for t in rules.intents[intent_id].templates:
                if t not in templates:
                    templates.append(t)
    return {"needs_reply": needs_reply, "intent": intent, "reasons": reasons,
            "templates": templates, "fields": _extract(rules, norm, view)}


def _unaccounted_sentences(rules: TriageRules, norm, view: str, closing: list[_Hit],
                          resolved_at: int = -1) -> list[tuple[int, int]]:
    """Sentences that neither close the matter nor greet/sign off: they may carry a request.

    Sentences before a resolution ("it was broken. All good now") tell the settled story.
    """
    loose = []
    cover = _Cover(closing)
    for start, end in _sentences(view):
        if end <= resolved_at or cover.overlaps(start, end):
            continue
        sentence = view[start:end].strip()
        if any(p.fullmatch(sentence) for p in rules.neutral):
            continue
        a, b = norm.span(start, end)
        if _is_signature(norm.original[a:b], rules.signature_max_words):
            continue
        loose.append((start, end))
    return loose
