"""The kinds of rule a rules.toml may declare, and how each one finds its spans.

Every kind reads one MessageView (normalised text, sentences, detector hits,
context) and returns Findings in ORIGINAL offsets. Each kind declares the
fields it takes (`FIELDS`: name -> (type, required)); the loader validates a
rule table against that declaration and passes the compiled values in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import timedelta
from itertools import islice
from typing import ClassVar

from .finding import Finding
from .patterns import Compiled
from .textview import CJK_CHARS, ContextError, MessageView

EXCERPT_LIMIT = 120


def excerpt_of(text: str, start: int, end: int) -> str:
    """The flagged text, shortened in the middle when it is long ("refund ... review"); the
    cuts fall between words."""
    piece = text[start:end]
    if len(piece) <= EXCERPT_LIMIT:
        return piece
    head, tail = piece[:60], piece[-50:]
    if not piece[60].isspace() and " " in head.strip():
        head = head[:head.rstrip().rfind(" ")]
    if not piece[-51].isspace() and " " in tail.strip():
        tail = tail[tail.find(" ", len(tail) - len(tail.lstrip())) + 1:]
    return head.rstrip() + " ... " + tail.lstrip()


class _Blank(dict):
    def __missing__(self, key):  # an unknown {placeholder} in a message stays as written
        return "{" + key + "}"


@dataclass
class Rule:
    """Fields common to every kind; subclasses add their own and implement `find`."""

    id: str
    kind: str
    category: str
    severity: str
    source: str
    message: str
    suggestions: tuple[str, ...]
    replacements: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()
    examples_flag: tuple = ()
    examples_pass: tuple = ()
    options: dict = field(default_factory=dict)
    language: str | None = None  # the language it is written for (None: every message)

    FIELDS: ClassVar[dict] = {}
    # Whether the kind looks for words of one language (phrases): such a rule, written in the
    # marketplace's own files, runs only on a message in a language that has no rules of its
    # own. A kind that reads no words (detectors, lengths, timing) runs on every message.
    READS_WORDS: ClassVar[bool] = False
    # The check-context keys the kind reads (all declared in policy/context.py).
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    # A kind whose findings only add to the others' (a statistical reading): the engine drops
    # such a finding where another kind's finding of a category the rule reads covers its words.
    SUPPLEMENTARY: ClassVar[bool] = False

    def check_options(self) -> str | None:
        """A problem with the rule's options as a whole (the loader names file and rule), or None."""
        return None

    def find(self, mv: MessageView) -> list[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def bind(self, facts) -> None:
        """Take what the rule leaves unsaid from the marketplace's facts (policy.marketplace);
        called once at load. Kinds that read facts override it."""

    # -- helpers for the kinds -------------------------------------------------
    def make(self, mv: MessageView, start: int, end: int, *, view_span: bool = True,
             severity: str | None = None, replacements: tuple[str, ...] | None = None,
             message: str | None = None, values: dict | None = None) -> Finding:
        if view_span:
            start, end = mv.original_span(start, end)
        text = message or self.message
        if values:
            text = text.format_map(_Blank(values))
        return Finding(
            rule=self.id, category=self.category, severity=severity or self.severity,
            start=start, end=end, excerpt=excerpt_of(mv.text, start, end), message=text,
            source=self.source, suggestions=self.suggestions,
            replacements=self.replacements if replacements is None else replacements,
        )

    def whole_message(self, mv: MessageView, **kw) -> Finding:
        """A finding about the message as a whole or its context: no highlight (0, 0)."""
        return self.make(mv, 0, 0, view_span=False, **kw)


def _in_scope(pattern: Compiled | None, mv: MessageView, first: int, last: int) -> re.Match | None:
    """First match of `pattern` within sentences first..last (inclusive); remembered per
    check, so a text repeating one phrase thousands of times is still scanned once."""
    if pattern is None:
        return None
    first, last = max(first, 0), min(last, len(mv.sentences) - 1)
    if first > last:
        return None
    key = (id(pattern), first, last)
    if key not in mv.memo:
        mv.memo[key] = pattern.search(mv.view, mv.sentences[first][0], mv.sentences[last][1], mv.memo)
    return mv.memo[key]


def _bucket(pattern: Compiled, mv: MessageView) -> dict[int, list[re.Match]]:
    """Matches of `pattern` over the whole view, grouped by the sentence they start in
    (computed once per check and pattern: rules sharing a word list share the scan)."""
    key = ("bucket", pattern.pattern)
    if key not in mv.memo:
        out: dict[int, list[re.Match]] = {}
        for m in pattern.finditer(mv.view, mv.memo, mv.sentence_index):
            if m.end() > m.start():
                out.setdefault(mv.sentence_of(m.start()), []).append(m)
        mv.memo[key] = out
    return mv.memo[key]


def _detector_near(mv: MessageView, detectors: list, first: int, last: int) -> bool:
    first, last = max(first, 0), min(last, len(mv.sentences) - 1)
    if first > last:
        return False
    key = ("near", tuple(name for name, _ in detectors), first, last)
    if key in mv.memo:
        return mv.memo[key]
    lo, _ = mv.original_span(*mv.sentences[first])
    _, hi = mv.original_span(*mv.sentences[last])
    found = any(hit.start < hi and hit.end > lo
                for name, fn in detectors for hit in mv.hits(name, fn))
    mv.memo[key] = found
    return found


@dataclass
class Phrases(Rule):
    """Flags each match of `patterns`, unless an `unless` pattern is in the same sentence;
    with `near` / `near_detectors`, only when one of those is also within `window` sentences."""

    READS_WORDS = True
    FIELDS = {"patterns": ("patterns", True), "unless": ("patterns", False),
              "near": ("patterns", False), "near_detectors": ("detectors", False),
              "window": ("int", False)}

    def find(self, mv: MessageView) -> list[Finding]:
        o = self.options
        reach = max(o.get("window") or 1, 1) - 1
        if o.get("near") or o.get("near_detectors"):
            # Skip the scan when what the phrase must be near is nowhere in the message.
            near_text = o.get("near") is not None and o["near"].possible(mv.view, mv.memo)
            near_hits = any(mv.hits(name, fn) for name, fn in o.get("near_detectors") or ())
            if not near_text and not near_hits:
                return []
        out = []
        for m in o["patterns"].finditer(mv.view, mv.memo, mv.sentence_index):
            if m.end() == m.start():
                continue
            i = mv.sentence_of(m.start())
            if _in_scope(o.get("unless"), mv, i, i):
                continue
            if o.get("near") or o.get("near_detectors"):
                near = _in_scope(o.get("near"), mv, i - reach, i + reach)
                if not near and not (o.get("near_detectors") and
                                     _detector_near(mv, o["near_detectors"], i - reach, i + reach)):
                    continue
            out.append(self.make(mv, m.start(), m.end()))
        return out


@dataclass
class Substitution(Rule):
    """Flags each `swaps` entry's `find` pattern and offers its `replace` text(s)."""

    READS_WORDS = True
    FIELDS = {"swaps": ("swaps", True), "unless": ("patterns", False)}

    def find(self, mv: MessageView) -> list[Finding]:
        out = []
        for pattern, replacements in self.options["swaps"]:
            for m in pattern.finditer(mv.view, mv.memo, mv.sentence_index):
                if m.end() == m.start():
                    continue
                i = mv.sentence_of(m.start())
                if _in_scope(self.options.get("unless"), mv, i, i):
                    continue
                out.append(self.make(mv, m.start(), m.end(), replacements=replacements))
        return out


@dataclass
class CoOccurrence(Rule):
    """Two things within `window` consecutive sentences (default 1: the same sentence):
    a `first` match and a `second` match. The data says what they mean: "something of
    value" and "a review action" (an inducement), or "a review mention" and "a steer of
    unhappy buyers to the seller" (review gating).

    - `between`: when the `first` match comes before the `second`, one of these must lie
      between them ("a refund IF you review"); when the `second` comes first ("review
      and get a refund"), nothing is needed.
    - `joins`: a sentence holding one of these ("in return", "for your time") is read
      together with the sentence before it, whatever the window.
    - `unless`: a match anywhere in the sentences considered clears them
      ("whether or not you leave a review").
    The highlight runs from the one match to the other."""

    READS_WORDS = True
    FIELDS = {"first": ("patterns", True), "second": ("patterns", True),
              "window": ("int", False), "between": ("patterns", False),
              "joins": ("patterns", False), "unless": ("patterns", False)}

    def find(self, mv: MessageView) -> list[Finding]:
        o = self.options
        if not o["first"].possible(mv.view, mv.memo):
            return []  # (asked first: a set lookup, where the scan of `second` is a regex run)
        seconds = _bucket(o["second"], mv)
        if not seconds:
            return []
        firsts = _bucket(o["first"], mv)
        if not firsts:
            return []
        reach = max(o.get("window") or 1, 1) - 1
        last_sentence = len(mv.sentences) - 1
        out, seen = [], set()

        def add(first: int, last: int) -> bool:
            pair = self._pair(mv, firsts, seconds, first, last)
            if pair is None or _in_scope(o.get("unless"), mv, first, last):
                return False
            span = (min(pair[0].start(), pair[1].start()), max(pair[0].end(), pair[1].end()))
            if span not in seen:
                seen.add(span)
                out.append(self.make(mv, *span))
            return True

        joined = set()
        for i in sorted(seconds):
            # The windows holding sentence i, the one starting at it first; the first that
            # holds a pair is reported (one finding per sentence, not one per window).
            for k in range(reach + 1):
                if add(max(i - k, 0), min(i - k + reach, last_sentence)):
                    break
            if o.get("joins") is None:
                continue
            if i > 0 and (i in firsts or i - 1 in firsts) and _in_scope(o["joins"], mv, i, i):
                joined.add((i - 1, i))
            if i + 1 in firsts and _in_scope(o["joins"], mv, i + 1, i + 1):
                joined.add((i, i + 1))
        for first, last in sorted(joined):
            add(first, last)
        out.sort(key=lambda f: (f.start, f.end))
        return out

    def _pair(self, mv, firsts, seconds, first, last):
        """Without `between`: the first match of each in the sentences first..last. With it:
        the first `second` match with a `first` match after it, or with one before it and a
        `between` match leading from that one to it."""
        candidates = [m for i in range(first, last + 1) for m in firsts.get(i, ())]
        if not candidates:
            return None
        between = self.options.get("between")
        matches = (m for i in range(first, last + 1) for m in seconds.get(i, ()))
        if between is None:  # no order asked for: the first of each
            match = next(matches, None)
            return (candidates[0], match) if match is not None else None
        for match in islice(matches, 50):  # a hostile text may repeat a phrase thousands of times
            after = next((m for m in candidates if m.start() >= match.end()), None)
            if after is not None:
                return after, match
            before = [m for m in candidates if m.end() <= match.start()]
            if before and (between is None or
                           between.search(mv.view, before[-1].end(), match.end(), mv.memo)):
                return before[-1], match
        return None


# A word, for counting: Latin letters and digits, or two Chinese or Japanese characters (about
# a word's length in a text without spaces, so message_only works on 「ご注文ありがとうございました」).
_WORD = re.compile(r"[a-z0-9][a-z0-9'’]*|[" + CJK_CHARS + "]{1,2}")


@dataclass
class MessageOnly(Rule):
    """Whole-message rule: flags a message in which every sentence is one of the `only`
    kinds of content (e.g. thanks, an order confirmation). Sentences of 3 words or
    fewer (greetings, sign-offs, names) and `ignore` matches do not count; a sentence
    with more than `max_other_words` words besides the `only` matches is real content.
    An `unless` match anywhere (e.g. a replacement being sent) makes the message needed."""

    READS_WORDS = True
    FIELDS = {"only": ("patterns", True), "ignore": ("patterns", False),
              "max_other_words": ("int", False), "unless": ("patterns", False)}

    def find(self, mv: MessageView) -> list[Finding]:
        o = self.options
        allowance = o.get("max_other_words") or 3
        matched_any = False
        for s, e in mv.sentences:
            sentence = mv.view[s:e]
            if len(_WORD.findall(sentence)) <= 3:
                continue
            rest = o["only"].sub(" ", sentence)
            hit = rest != sentence
            if o.get("ignore"):
                rest = o["ignore"].sub(" ", rest)
            if len(_WORD.findall(rest)) > allowance:
                return []
            matched_any = matched_any or hit
        if not matched_any or (o.get("unless") and o["unless"].search(mv.view, memo=mv.memo)):
            return []
        return [self.whole_message(mv)]


_CAPS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A cheap superset of a shouting run: 5 words with no lower-case ASCII letter, only
# digits, spaces or punctuation between them.
# (Its first word's first letter comes first, the word boundary before it checked behind it:
# `re` then skips to letters that are not lower-case ASCII instead of trying every position.
# The same matches as "(?:\b[^\W\da-z_]+\b[^a-zA-Z\n]{1,12}){4}\b[^\W\da-z_]+\b".)
_CAPS_CANDIDATE = re.compile(r"[^\W\da-z_](?<!\w.)[^\W\da-z_]*\b[^a-zA-Z\n]{1,12}"
                             r"(?:\b[^\W\da-z_]+\b[^a-zA-Z\n]{1,12}){3}\b[^\W\da-z_]+\b")


@dataclass
class Capitals(Rule):
    """Shouting: a run of at least `min_words` words written wholly in capitals
    (single acronyms inside normal text never make such a run)."""

    FIELDS = {"min_words": ("int", False)}

    def find(self, mv: MessageView) -> list[Finding]:
        need = self.options.get("min_words") or 5
        if not _CAPS_CANDIDATE.search(mv.text):
            return []  # no run of 5 words without lower-case ASCII letters: nothing to check
        out, run = [], []
        for m in _CAPS_WORD.finditer(mv.text):
            word = m.group()
            if word.isupper():
                run.append(m)
                continue
            self._close(mv, run, need, out)
            run = []
        self._close(mv, run, need, out)
        return out

    def _close(self, mv, run, need, out):
        if len(run) >= need and sum(len(m.group()) >= 3 for m in run) >= 2:
            out.append(self.make(mv, run[0].start(), run[-1].end(), view_span=False,
                                 replacements=(mv.text[run[0].start():run[-1].end()].capitalize(),)))


@dataclass
class MaxLength(Rule):
    """Text over the template's max_length, or over `default_limit` without a template
    (default: the marketplace's max_length); the overflow is highlighted. The rule's
    severity holds where the template's message kind rejects longer text (marketplace.toml
    `rejects_longer`: an SP-API operation); without a template, or for a kind that only
    advises a length (a reply, Seller Central's Contact Buyer page), it only warns."""

    FIELDS = {"default_limit": ("int", False)}

    def bind(self, facts) -> None:
        self.options.setdefault("default_limit", facts.max_length)
        self.options["rejects_longer"] = frozenset(
            kind_id for kind_id, kind in facts.message_kinds.items() if kind.rejects_longer)

    def find(self, mv: MessageView) -> list[Finding]:
        declared = getattr(mv.template, "max_length", None)
        limit = declared or self.options["default_limit"]
        if len(mv.text) <= limit:
            return []
        message_type = getattr(mv.template, "message_type", None)
        # A template stand-in that declares a limit but no message type is taken at its word.
        hard = bool(declared) and (message_type is None or
                                   message_type in self.options.get("rejects_longer", ()))
        return [self.make(mv, limit, len(mv.text), view_span=False,
                          severity=None if hard else "warn",
                          values={"length": len(mv.text), "limit": limit})]


def _template_kind(mv: MessageView) -> str | None:
    return getattr(mv.template, "kind", None)


@dataclass
class OrderIdRequired(Rule):
    """A message from a template of one of `template_kinds` must carry the order ID in its
    TEXT (the buyer reads the text, not our context): an ID in one of the marketplace's
    order-ID formats, and when the context names the order, that very ID (compared digit
    by digit). `template_kinds` defaults to the marketplace's [order_id] required_in."""

    FIELDS = {"template_kinds": ("str_list", False), "message_other": ("str", False)}
    CONTEXT = ("order_id",)

    def bind(self, facts) -> None:
        # A plain pattern (not the rules dialect), any case: "TM-123456" in the lower-case view.
        self.options["order_id"] = re.compile(facts.order_id.in_text, re.IGNORECASE)
        self.options.setdefault("template_kinds", list(facts.order_id.required_in))

    def find(self, mv: MessageView) -> list[Finding]:
        if _template_kind(mv) not in self.options["template_kinds"]:
            return []
        found = [re.sub(r"\D", "", m.group()) for m in self.options["order_id"].finditer(mv.view)]
        if not found:
            return [self.whole_message(mv)]
        expected = re.sub(r"\D", "", str(mv.context.get("order_id") or ""))
        if expected and expected not in found:
            return [self.whole_message(mv, message=self.options.get("message_other"),
                                       values={"order_id": mv.context["order_id"]})]
        return []


def _asks_for_review(rule: Rule, mv: MessageView) -> bool:
    """A review request: a template of the rule's `template_kinds`, or any message whose text
    asks for a review (`requests`: a where-is-my-order reply or a blank message can too)."""
    if _template_kind(mv) in rule.options["template_kinds"]:
        return True
    requests = rule.options.get("requests")
    if requests is None:
        return False
    key = ("asks", requests.pattern)
    if key not in mv.memo:
        mv.memo[key] = next(iter(requests.finditer(mv.view, mv.memo, mv.sentence_index)), None) is not None
    return mv.memo[key]


@dataclass
class ReviewWindow(Rule):
    """Review requests only from `opens_after_days` after delivered_on to
    `closes_after_days` after delivered_latest (or delivered_on), for a template of
    `template_kinds` or any message whose text asks for a review (`requests`). Needs context. The window
    and `template_kinds` default to the marketplace's [review_requests]; a marketplace
    without a window leaves the rule silent."""

    FIELDS = {"opens_after_days": ("int", False), "closes_after_days": ("int", False),
              "template_kinds": ("str_list", False), "requests": ("patterns", False),
              "message_early": ("str", True), "message_late": ("str", True)}
    CONTEXT = ("delivered_on", "delivered_latest", "today")

    def asks_for_review(self, mv: MessageView) -> bool:
        return _asks_for_review(self, mv)

    def bind(self, facts) -> None:
        rules = facts.review_requests
        if rules.opens_after_days is not None:
            self.options.setdefault("opens_after_days", rules.opens_after_days)
            self.options.setdefault("closes_after_days", rules.closes_after_days)
        self.options.setdefault("template_kinds", list(rules.template_kinds))

    def find(self, mv: MessageView) -> list[Finding]:
        o = self.options
        delivered = mv.context_date("delivered_on")
        if delivered is None or o.get("opens_after_days") is None or not _asks_for_review(self, mv):
            return []
        latest = mv.context_date("delivered_latest") or delivered
        today = mv.today()
        try:
            opens = delivered + timedelta(days=o["opens_after_days"])
        except OverflowError:
            raise ContextError("delivered_on", f"{delivered.isoformat()} is too late a date: "
                               "the review window would end after 9999-12-31") from None
        try:
            closes = max(latest, delivered) + timedelta(days=o["closes_after_days"])
        except OverflowError:
            key = "delivered_latest" if latest > delivered else "delivered_on"
            raise ContextError(key, f"{max(latest, delivered).isoformat()} is too late a date: "
                               "the review window would end after 9999-12-31") from None
        if today < opens:
            return [self.whole_message(mv, message=o["message_early"],
                                       values={"date": opens.isoformat()})]
        if today > closes:
            return [self.whole_message(mv, message=o["message_late"],
                                       values={"date": closes.isoformat()})]
        return []


@dataclass
class RepeatRequest(Rule):
    """A review request (a template of `template_kinds`, or any text matching `requests`)
    when context says a request was already sent, on a marketplace that allows one per
    order (`template_kinds` defaults to its review-request kinds)."""

    FIELDS = {"template_kinds": ("str_list", False), "requests": ("patterns", False)}
    CONTEXT = ("previous_request_on",)

    def bind(self, facts) -> None:
        self.options.setdefault("template_kinds", list(facts.review_requests.template_kinds))
        self.options["once_per_order"] = facts.review_requests.once_per_order

    def asks_for_review(self, mv: MessageView) -> bool:
        return _asks_for_review(self, mv)

    def find(self, mv: MessageView) -> list[Finding]:
        previous = mv.context.get("previous_request_on")
        if not previous or not self.options.get("once_per_order", True) \
                or not _asks_for_review(self, mv):
            return []
        return [self.whole_message(mv, values={"date": str(previous)[:10]})]


@dataclass
class Detector(Rule):
    """Hands the message to a detector (policy.detectors.DETECTORS[name]); the detector's
    hit decides the span, the severity and a replacement (the rule's `replacements` when
    the hit has none: [""] removes it). `kind_messages` may give a message per hit kind."""

    FIELDS = {"detector": ("detector", True), "kind_messages": ("str_table", False)}

    def bind(self, facts) -> None:
        from .detectors import DETECTORS, FOR_MARKETPLACE
        name, fn = self.options["detector"]
        if name in FOR_MARKETPLACE and fn is DETECTORS.get(name):
            built = FOR_MARKETPLACE[name](facts)
            self.options["detector"] = (name, built)
            # Messages the facts give for some hit kinds, unless the rule gives its own.
            self.options["kind_messages"] = {**getattr(built, "kind_messages", {}),
                                             **(self.options.get("kind_messages") or {})}

    def find(self, mv: MessageView) -> list[Finding]:
        name, fn = self.options["detector"]
        messages = self.options.get("kind_messages") or {}
        out = []
        for hit in mv.hits(name, fn):
            out.append(self.make(
                mv, hit.start, hit.end, view_span=False,
                severity="warn" if self.severity == "warn" else hit.severity,
                replacements=(hit.replacement,) if hit.replacement is not None else self.replacements,
                message=messages.get(hit.kind)))
        return out


@dataclass
class Spelling(Rule):
    """The words no dictionary of the message's language knows (policy.spelling), each with up
    to three corrections; `{word}` in the message is the word. Runs on a message in every
    language; one that is not spell-checked (Japanese) gets nothing. The context's
    `known_words` (the order's field values, the seller's own list) and the marketplace's
    names are taken as right."""

    CONTEXT = ("known_words",)

    def bind(self, facts) -> None:
        from .spelling import report_missing_dictionaries
        report_missing_dictionaries()  # at start: a missing dictionary is logged, never fatal
        # The marketplace's own names (its name, "Seller Central") are right in every language.
        self.options["marketplace_words"] = " ".join([facts.name, *facts.wording.values()])

    def find(self, mv: MessageView) -> list[Finding]:
        from .spelling import misspellings
        known = (self.options.get("marketplace_words", ""), mv.context.get("known_words") or "")
        return [self.make(mv, m.start, m.end, view_span=False, replacements=m.corrections,
                          values={"word": m.word})
                for m in misspellings(mv.text, mv.language, known)]


PAIR_MARGIN = 0.15  # how much more likely two sentences together must be than either alone
_BLANK = re.compile(r"\{[^{}\s]+\}")
_TEMPLATE_WORD = re.compile(r"\w{2,}")


@lru_cache(maxsize=256)
def _approved_patterns(body: str) -> tuple[re.Pattern, ...]:
    """The sentences of a template's body as patterns over the normalised view, each blank a
    stretch of up to 80 characters within the sentence; a sentence of fewer than three words of
    its own (a lone "{question}", which the seller writes) is not approved wording."""
    from .normalize import normalize
    from .textview import split_sentences
    view = normalize(body.replace("[[", "").replace("]]", "")).text
    out = []
    for start, end in split_sentences(view):
        sentence = view[start:end].strip()
        pieces = _BLANK.split(sentence)
        if len(_TEMPLATE_WORD.findall(" ".join(pieces))) < 3:
            continue
        out.append(re.compile(r"[^.!?。]{1,80}?".join(re.escape(p) for p in pieces)))
    return tuple(out)


def _template_sentences(mv: MessageView) -> set[int]:
    """The sentences of the message that are its template's own wording (blanks filled)."""
    body = getattr(mv.template, "body", None)
    if not isinstance(body, str) or not body:
        return set()
    patterns = _approved_patterns(body)
    return {i for i, (s, e) in enumerate(mv.sentences)
            if any(p.fullmatch(mv.view[s:e].strip()) for p in patterns)}


@dataclass
class Classifier(Rule):
    """A statistical reading of the message: each sentence, and each pair of adjacent sentences,
    scored by a language's trained model (`model`: a JSON artefact named relative to policy/,
    policy/violation_model.py). A sentence (or pair) whose probability of breaking a rule is at
    least `threshold` (default: the one the trainer chose, in the artefact) and whose most likely
    category is the rule's own is a finding over that sentence; a pair is one where neither of its
    sentences is alone, or where together they are at least PAIR_MARGIN more likely a violation
    than either alone (the finding then covers both, instead of the one sentence). The model is
    scored once per check, shared by the rules naming it (one per category). A finding of this kind is SUPPLEMENTARY: the engine drops it where a
    rule of another kind already flags the same words for one of the model's categories. The
    sentences of the message's template, as approved (its blanks filled with anything), are not
    read: the model reads what the seller wrote."""

    READS_WORDS = True
    SUPPLEMENTARY = True
    FIELDS = {"model": ("model", True), "threshold": ("probability", False)}

    def supplemented_categories(self) -> frozenset[str]:
        """The categories whose findings by other kinds make this rule's finding redundant: every
        one the model reads (a sentence the hand rules call an inducement and the model a review
        request is one problem, already explained)."""
        return frozenset(label for label in self.options["model"].labels if label != "clean")

    def check_options(self) -> str | None:
        model = self.options["model"]
        if self.category not in model.labels:
            return f"category {self.category!r} is not one the model learnt ({', '.join(model.labels)})"
        return None

    def find(self, mv: MessageView) -> list[Finding]:
        if self.language is not None and mv.language != self.language:
            # Checked as another language (this one's rules running beside it for a short text
            # the detector is unsure of): the model reads only text in the language it learnt.
            return []
        model = self.options["model"]
        threshold = self.options.get("threshold")
        threshold = model.threshold if threshold is None else threshold
        key = ("classifier", id(model))
        if key not in mv.memo:  # once per check, shared by the model's rules (one per category)
            readings = model.readings([mv.view[s:e] for s, e in mv.sentences])
            approved = _template_sentences(mv)
            if approved:  # the template's own wording was approved with it: the model reads the rest
                readings = [r for r in readings if not all(i in approved for i in range(r[0], r[1] + 1))]
            mv.memo[key] = readings
        readings = mv.memo[key]
        alone = dict.fromkeys(range(len(mv.sentences)), 0.0)
        alone.update((first, p) for first, last, _, p in readings if first == last)
        # A pair is read where its sentences together say more than either alone ("Write a
        # review." + "Then you get 10 € back."); a sentence flagged alone is then part of it.
        pairs = {(first, last) for first, last, _, p in readings
                 if first != last and p >= threshold and (max(alone[first], alone[last]) < threshold
                                                          or p - max(alone[first], alone[last]) >= PAIR_MARGIN)}
        in_pair = {i for pair in pairs for i in pair}
        out = []
        for first, last, category, p in readings:
            if p < threshold or category != self.category:
                continue
            if (first in in_pair) if first == last else (first, last) not in pairs:
                continue
            out.append(self.make(mv, mv.sentences[first][0], mv.sentences[last][1],
                                 values={"probability": f"{p:.0%}"}))
        return out


KINDS: dict[str, type[Rule]] = {
    "phrases": Phrases,
    "substitution": Substitution,
    "cooccurrence": CoOccurrence,
    "message_only": MessageOnly,
    "capitals": Capitals,
    "max_length": MaxLength,
    "order_id_required": OrderIdRequired,
    "review_window": ReviewWindow,
    "repeat_request": RepeatRequest,
    "detector": Detector,
    "spelling": Spelling,
    "classifier": Classifier,
}
