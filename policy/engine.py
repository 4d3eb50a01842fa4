"""The engine: load a marketplace's policy once, check a message against every rule.

check(text, marketplace=None, template=None, context=None, language="auto") -> list[Finding]
check_message(...same...) -> CheckResult   (the findings and the message's language)
load_policy(marketplace=None) -> Policy   (cached; the only global state)
(marketplace None: the default, policy.marketplace.default_marketplace())

Flow: marketplace.toml (facts) + policy/common/rules.toml overlaid by the
marketplace's rules.toml -> loader (validated, compiled) -> each rule finds spans on
one MessageView -> each span snapped to whole words (tidy_finding) -> a finding that
yields to a stronger category is dropped only when that finding covers its words ->
within a category, a finding covered by a stronger one is absorbed; one that reaches
other words stays (every problem is shown at once) -> sorted by start.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from .finding import Finding
from .language import check_language, detect_language, language_data, load_detector
from .loader import PolicyError, load_language_rule_sets, load_rule_set, load_rules
from .marketplace import (FACTS_FILE, POLICY_ROOT, Marketplace, default_marketplace, load_marketplace,
                          load_marketplace_from, marketplace_folder)
from .patterns import Compiled, HintIndex
from .result import CheckResult
from .rulekinds import Rule, excerpt_of
from .normalize import override_runs
from .textview import CJK_CHARS, MessageView


__all__ = ["CheckResult", "Policy", "PolicyError", "check", "check_message", "load_policy",
           "load_policy_from"]


@dataclass
class Policy:
    marketplace: str
    rules: list[Rule] = field(default_factory=list)
    templates: dict = field(default_factory=dict)  # id -> policy.templates.Template
    facts: Marketplace | None = None               # policy/<marketplace>/marketplace.toml
    # language tag -> the marketplace's rules that read no words (in that language's word
    # lists) plus those written in it (policy/common/<lang>/, policy/<marketplace>/<lang>/):
    # a message gets its language's (loader.load_language_rule_sets).
    language_rules: dict[str, list[Rule]] = field(default_factory=dict)
    # language tag -> id -> the template written in that language (policy/<m>/<lang>/templates.toml)
    translations: dict[str, dict] = field(default_factory=dict)
    _either: dict[tuple, list[Rule]] = field(default_factory=dict, repr=False)  # rules_for, unsure

    def templates_in(self, language: str | None) -> dict:
        """The templates written in `language` (None or the marketplace's own: the originals)."""
        if language is None or language not in self.translations:
            return self.templates
        return self.translations[language]

    def rules_for(self, language: str, sure: bool = True, also: tuple[str, ...] = ()) -> list[Rule]:
        """The rules a message in `language` is checked against. Unsure of the language (a
        short text the detector names with low confidence), the marketplace's own word rules
        run beside the language's: a missed "Find us on TikTok" costs more than a false alarm.
        `also`: the other languages the message may be in (Detection.also), whose own rules
        run too (a short Spanish message read as English is still checked as Spanish)."""
        if not sure and self.facts is not None and self.facts.default_language not in also:
            also = (*also, self.facts.default_language)
        also = tuple(tag for tag in also if tag != language and self._has_rules(tag))
        if not also:
            return self.language_rules.get(language, self.rules)
        key = (language, also)
        if key not in self._either:
            rules = list(self.language_rules.get(language, self.rules))
            ids = {r.id for r in rules}
            for tag in also:
                more = [r for r in self.language_rules.get(tag, self.rules) if r.id not in ids]
                rules += more
                ids.update(r.id for r in more)
            self._either[key] = rules
        return self._either[key]

    def _has_rules(self, language: str) -> bool:
        """Whether the marketplace has rules written in `language` (its own first language's
        are its main rules)."""
        return language in self.language_rules or (
            self.facts is not None and language == self.facts.default_language)

    def _template(self, template, language: str | None = None):
        """A template by id (in the buyer's `language` when it is written in it) or as given."""
        if isinstance(template, str):
            if template not in self.templates:
                raise ValueError(f"unknown template {template!r} for {self.marketplace}")
            return self.translations.get(language, {}).get(template, self.templates[template])
        return template

    def asks_for_review(self, text: str, template=None, language: str | None = "auto") -> bool:
        """Whether the message is a review request: its template's kind is, or its text asks
        for a review in the message's language (the one-per-order history and the timing
        window then apply to it)."""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        template = self._template(template, language)
        detection = detect_language(text, self.facts, template, language)
        mv = MessageView.build(text, template, None, self.facts)
        rules = self.rules_for(detection.language, _sure(detection), detection.also)
        return any(rule.asks_for_review(mv) for rule in rules
                   if _is_request_rule(rule))

    def check(self, text: str, template=None, context: dict | None = None,
              language: str | None = "auto") -> list[Finding]:
        """All findings for `text`; `template` is a template id or a Template-like object."""
        return self.check_message(text, template, context, language).findings

    def check_message(self, text: str, template=None, context: dict | None = None,
                      language: str | None = "auto") -> CheckResult:
        """The findings for `text` and its language: `language` is "auto" (detect it) or a
        BCP 47 tag (the buyer's language); an unknown one is a ValueError."""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        template = self._template(template, language)
        detection = detect_language(text, self.facts, template, language)
        mv = MessageView.build(text, template, context, self.facts)
        mv.language = detection.language  # the spelling rule's dictionary
        findings: list[tuple[Rule, Finding]] = []
        own_blanks = _field_blanks(template)
        reversed_runs = override_runs(text)
        for rule in self.rules_for(detection.language, _sure(detection), detection.also):
            for f in rule.find(mv):
                if f.category == "placeholder" and text[f.start:f.end] in own_blanks:
                    continue  # the template's own unfilled field: the form asks for it
                f = tidy_finding(text, f)
                if f.replacements and any(a < f.end and f.start < b for a, b in reversed_runs):
                    # Words a screen shows reversed: a replacement typed in would show
                    # reversed too. Removing the override (its own finding) comes first.
                    f = replace(f, replacements=())
                findings.append((rule, f))
        return check_language(text, _widen_removals(text, merge(findings, text)), self.facts,
                              template, language, detection)


def _sure(detection) -> bool:
    """Whether the language is known well enough to run only its own rules: given or
    expected (not read from the text), or read with the detector's usual confidence."""
    return not detection.detected or detection.confidence >= language_data().min_confidence


def _is_request_rule(rule: Rule) -> bool:
    return callable(getattr(rule, "asks_for_review", None))


def _field_blanks(template) -> frozenset[str]:
    """"{name}" for each field of the template: left unfilled, the fill-in form reports it
    ("Fill in: ..."), so it is not also a placeholder finding. Other blanks are."""
    fields = getattr(template, "fields", None) or ()
    return frozenset("{" + f.name + "}" for f in fields if getattr(f, "name", None))


def load_policy_from(folder: str | Path, marketplace: str | None = None,
                     detectors: Mapping | None = None) -> Policy:
    """Load (uncached) the policy in `folder`: with a marketplace.toml, its facts, the included
    shared rules overlaid by rules.toml, and templates.toml when present; without one, the
    folder's rules.toml alone (facts, for the rules that need them, of the default)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PolicyError(f"no policy folder {folder}")
    if (folder / FACTS_FILE).is_file():
        facts = load_marketplace_from(folder)
        rules = load_rule_set(folder, facts, detectors)
        by_language = load_language_rule_sets(folder, facts, detectors)
    else:
        facts = load_marketplace(default_marketplace())
        rules = load_rules(folder / "rules.toml", detectors)
        by_language = {}
    every_rule = rules + [r for own in by_language.values() for r in own]
    for rule in every_rule:
        rule.bind(facts)
    # One index over every pattern: a check's scan of the message is shared by all its rules.
    HintIndex(_compiled_patterns(every_rule))
    templates, translations = {}, {}
    if (folder / "templates.toml").exists():
        from .templates import load_templates, load_translations
        templates = load_templates(folder / "templates.toml", facts)
        translations = {path.parent.name: load_translations(path, templates, path.parent.name)
                        for path in sorted(folder.glob("*/templates.toml"))}
    return Policy(marketplace or folder.name, rules, templates, facts, by_language, translations)


def _compiled_patterns(rules: list[Rule]) -> list[Compiled]:
    """Every compiled pattern the rules hold (in options, lists, tables and swap pairs)."""
    out: list[Compiled] = []

    def walk(value):
        if isinstance(value, Compiled):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
    for rule in rules:
        walk(rule.options)
    return out


def load_policy(marketplace: str | None = None) -> Policy:
    """The policy of policy/<marketplace>/ (None: the default marketplace), loaded and
    compiled once per process."""
    return _load_cached(default_marketplace() if marketplace is None else marketplace)


@lru_cache(maxsize=None)
def _load_cached(marketplace: str) -> Policy:
    policy = load_policy_from(marketplace_folder(marketplace), marketplace)
    load_detector()  # the language detector's models, once per process like the policy
    # The compiled policy (tens of thousands of objects) lives as long as the process. Freezing
    # it keeps the cyclic collector from re-scanning it in the full collections that checks
    # trigger, which was most of the check's p99 (benchmarks/speed.py).
    gc.collect()
    gc.freeze()
    return policy


def check(text: str, marketplace: str | None = None, template=None,
          context: dict | None = None, language: str | None = "auto") -> list[Finding]:
    """Findings for `text` under the marketplace's policy, sorted by start."""
    return load_policy(marketplace).check(text, template, context, language)


def check_message(text: str, marketplace: str | None = None, template=None,
                  context: dict | None = None, language: str | None = "auto") -> CheckResult:
    """The message's language and its findings under the marketplace's policy."""
    return load_policy(marketplace).check_message(text, template, context, language)


# -- whole words ------------------------------------------------------------------

def _joined(a: str, b: str) -> bool:
    """Whether a cut between characters a and b would split a word or a number. Chinese and
    Japanese are written without spaces: a cut next to one of their characters splits nothing
    (else a highlight on 「星5」 would take in the whole sentence)."""
    return a.isalnum() and b.isalnum() and not _CJK.match(a) and not _CJK.match(b)


def _match_case(original: str, replacement: str) -> str:
    """A replacement written for the middle of a sentence, capitalised where the words it
    replaces start with a capital ("if you have a moment" for "If you are pleased ..."),
    and the other way round ("Have a moment?" after a comma)."""
    if not original or not replacement:
        return replacement
    first, rest = replacement[0], replacement[1:2]
    if original[0].isupper() and first.islower():
        return first.upper() + replacement[1:]
    if original[0].islower() and first.isupper() and rest.islower() and rest.isalpha():
        return first.lower() + replacement[1:]
    return replacement


# A word left dangling when the contact detail after it is removed ("write to us at |x@y.com").
_DANGLING = re.compile(r"(?:(?<![\w'])(?:at|on|via|through|to|under|from|here)[ \t]*:?|:)[ \t]*$",
                       re.IGNORECASE)
DETAIL_CATEGORIES = frozenset({"link", "email_address", "phone_number"})
# Categories whose words are the purpose of their sentence ("Use code SPRING10 at checkout.",
# "Send the photos on WhatsApp, it's quicker."): removing the phrase alone would leave a
# fragment, so the fix takes out the sentence.
SENTENCE_CATEGORIES = frozenset({"promotional", "external_contact"})
# ([.!?…]+["')\]]*(?=\s|$) | [。｡！？]+[」』）]* | [!?]+(?=[CJK]) | [;\n], written as one character
# class, then which of these it continues as: `re` skips to those characters instead of trying
# four alternatives at every position; the same matches, 6x faster.)
_SENTENCE_BREAK = re.compile(r"[.!?…。｡！？;\n](?:(?<=[.!?…])[.!?…]*[\"')\]]*(?=\s|$)|(?<=[。｡！？])[。｡！？]*[」』）]*"
                             r"|(?<=[!?])[!?]*(?=[" + CJK_CHARS + r"])|(?<=[;\n]))")
_CJK = re.compile("[" + CJK_CHARS + "]")


class _Sentences:
    """The sentence breaks of a text, found once, for the sentence of any span."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [(m.start(), m.end(), m.group()) for m in _SENTENCE_BREAK.finditer(text)]
        self.starts = [b[0] for b in self.breaks]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding text[start:end], with its closing punctuation and the spaces
        after it (or, for the last sentence of a line, the spaces before it)."""
        text = self.text
        i = bisect_right(self.starts, start - 1) - 1  # the last break ending before start
        while i >= 0 and self.breaks[i][1] > start:
            i -= 1
        lo = self.breaks[i][1] if i >= 0 else 0
        while lo < start and text[lo] in " \t":
            lo += 1
        k = bisect_left(self.starts, end)
        if k < len(self.breaks):
            b_start, b_end, mark = self.breaks[k]
            hi = b_start if mark == "\n" else b_end
        else:
            hi = len(text)
        while hi < len(text) and text[hi] in " \t":
            hi += 1
        if hi == len(text) or text[hi] == "\n":
            while lo > 0 and text[lo - 1] in " \t":
                lo -= 1
            if (lo == 0 or text[lo - 1] == "\n") and hi < len(text):
                # the sentence is the whole line: the line goes, and with it one blank line
                # when it stood between two (no run of three line breaks is left)
                hi += 1
                if text[hi:hi + 1] == "\n" and (lo < 2 or text[lo - 2:lo] == "\n\n" or lo == 0):
                    hi += 1
        return lo, hi


def _removal_span(text: str, start: int, end: int, detail: bool) -> tuple[int, int]:
    """The stretch a "remove" fix takes out so the text left is tidy: a bracket pair around
    nothing else, a dangling "at"/"on"/":" before a contact detail, and one of the spaces
    around it (the one before, or the one after at the start of a line), so no double space
    and no space before punctuation or at the end of a line remains."""
    if text[start:end].strip() != text[start:end]:
        return start, end  # the rule chose its own spaces (an emoji taking its space along)
    if start > 0 and end < len(text) and text[start - 1] + text[end] in ("()", "[]", "{}"):
        start, end = start - 1, end + 1
    if detail:
        line_start = text.rfind("\n", 0, start) + 1
        m = _DANGLING.search(text, max(line_start, start - 12), start)
        if m and (m.start() == line_start or text[m.start() - 1] in " \t"):
            start = m.start()
    if start > 0 and text[start - 1] in " \t":
        start -= 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if end < len(text) and text[end] in " \t" and (start == 0 or text[start - 1] == "\n"):
            end += 1
    elif end < len(text) and text[end] in " \t":
        end += 1
    return start, end


def tidy_finding(text: str, f: Finding) -> Finding:
    """The finding with its span on word edges: a match that starts or ends inside a word or
    number ("call us on +4|4 ...", "...|0958") takes in the rest of it, so a highlight never
    cuts a word; spaces at its ends are left out (unless a replacement rewrites them).
    Replacements are extended by the text taken in, and match the case of what they replace."""
    start, end = f.start, f.end
    if end <= start:
        return f
    if not f.replacements:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            start, end = f.start, f.end
    while start > 0 and _joined(text[start - 1], text[start]):
        start -= 1
    if start > 0 and text[start - 1] == "+" and text[start].isdigit() and \
            (start < 2 or not text[start - 2].isalnum()):
        start -= 1  # "+44 20 ...": the plus belongs to the number
    while end < len(text) and _joined(text[end - 1], text[end]):
        end += 1
    replacements = f.replacements
    if replacements and replacements != ("",):
        before, after = text[start:f.start], text[f.end:end]
        replacements = tuple(_match_case(text[f.start:f.end], before + r + after) if not before
                             else before + r + after for r in replacements)
    if (start, end) == (f.start, f.end) and replacements == f.replacements:
        return f
    return replace(f, start=start, end=end, excerpt=excerpt_of(text, start, end),
                   replacements=replacements)


def with_removal_span(text: str, f: Finding, sentences: "_Sentences | None" = None) -> Finding:
    """A finding whose fix is removal ("" as its one replacement), widened to what removing
    it tidily takes out: for a contact detail, the dangling "at"/"on" before it and a space;
    for a promotion or a contact phrase, its sentence (the phrase alone would leave a
    fragment); otherwise one of the spaces around it. Done after merging, so which finding
    absorbs which is decided on the words themselves."""
    if f.replacements != ("",) or f.end <= f.start or not any(c.isprintable() for c in text[f.start:f.end]):
        return f  # (an invisible character goes alone: the spaces around it are what shows)
    if f.category in SENTENCE_CATEGORIES:
        start, end = (sentences or _Sentences(text)).span(f.start, f.end)
    else:
        start, end = _removal_span(text, f.start, f.end, f.category in DETAIL_CATEGORIES)
    if (start, end) == (f.start, f.end):
        return f
    return replace(f, start=start, end=end, excerpt=excerpt_of(text, start, end).strip())


def _widen_removals(text: str, findings: list[Finding]) -> list[Finding]:
    """with_removal_span for each; two of one category that now take out the same stretch
    (two contact phrases of one sentence) are one fix, the blocking one when either blocks
    (a warned pointer to a listing and a blocked sell-out push in one sentence still block)."""
    out, seen = [], {}
    sentences = None
    for f in findings:
        if sentences is None and f.category in SENTENCE_CATEGORIES and f.replacements == ("",):
            sentences = _Sentences(text)
        f = with_removal_span(text, f, sentences)
        key = (f.category, f.start, f.end) if f.replacements == ("",) else None
        if key is not None and key in seen:
            i = seen[key]
            if f.severity == "block" and out[i].severity != "block":
                out[i] = f
            continue
        if key is not None:
            seen[key] = len(out)
        out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.category))
    return out


# -- combining findings ------------------------------------------------------------

def _rank(f: Finding) -> tuple:
    """Which of two overlapping findings of a category to keep: block first, then one that
    offers a one-click replacement, then the wider."""
    return (f.severity == "block", bool(f.replacements), f.end - f.start)


def _covers(k: Finding, c: Finding) -> bool:
    """Whether k's words include all of c's (a whole-message finding covers only its like)."""
    if c.start == c.end or k.start == k.end:
        return (c.start, c.end) == (k.start, k.end)
    return k.start <= c.start and c.end <= k.end


def _drop_yielding(findings: list[tuple[Rule, Finding]]) -> list[Finding]:
    """Drop a finding whose rule yields to a category with a finding covering the same words
    (a discount offered FOR a review is an inducement, not also promotion). A finding of
    that category on other words hides nothing."""
    kept = []
    cache: dict[tuple, tuple[list[int], list[int]]] = {}
    for rule, f in findings:
        if rule.yields_to:
            if rule.yields_to not in cache:
                targets = sorted((g.start, g.end) for _, g in findings
                                 if g.category in rule.yields_to and g.end > g.start)
                starts, max_end, best = [], [], -1
                for s, e in targets:
                    best = max(best, e)
                    starts.append(s)
                    max_end.append(best)
                cache[rule.yields_to] = (starts, max_end)
            starts, max_end = cache[rule.yields_to]
            i = bisect_right(starts, f.start)  # targets starting at or before f
            if i and max_end[i - 1] >= f.end > f.start:
                continue
        kept.append(f)
    return kept


def _join_removals(chosen: list[Finding], text: str | None) -> list[Finding]:
    """Overlapping findings of ONE rule whose fix is removal are one problem: one finding over
    their union ("Message us on Signal" + "on Signal:"), so one click takes it all out."""
    if len(chosen) < 2:
        return chosen
    out: list[Finding] = []
    for f in sorted(chosen, key=lambda f: (f.start, f.end)):
        last = out[-1] if out else None
        if (last is not None and last.rule == f.rule and last.replacements == ("",) ==
                f.replacements and f.start < last.end and f.end > f.start):
            if f.end > last.end:
                excerpt = excerpt_of(text, last.start, f.end).strip() if text is not None \
                    else f"{last.excerpt} ... {f.excerpt}"
                out[-1] = replace(last, end=f.end, excerpt=excerpt)
            continue
        out.append(f)
    return out


def _drop_supplementary(findings: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Drop a finding of a SUPPLEMENTARY kind (the statistical reading, rulekinds.Classifier) whose
    words another kind's finding, of a category that rule reads, already touches: the hand rule's
    finding names the problem more precisely; the model's reading adds only what they miss."""
    if not any(getattr(rule, "SUPPLEMENTARY", False) for rule, _ in findings):
        return findings
    firm = [f for rule, f in findings if not getattr(rule, "SUPPLEMENTARY", False) and f.end > f.start]
    kept = []
    for rule, f in findings:
        if getattr(rule, "SUPPLEMENTARY", False):
            reads = rule.supplemented_categories()
            if any(g.category in reads and g.start < f.end and f.start < g.end for g in firm):
                continue
        kept.append((rule, f))
    return kept


def merge(findings: list[tuple[Rule, Finding]], text: str | None = None) -> list[Finding]:
    """Per category, each cluster of overlapping spans keeps its strongest findings (the
    blocking, then one with a fix, then the widest); a weaker one is absorbed only when a kept
    one covers all its words, so a finding that reaches other words still shows. A statistical
    reading is dropped first where a hand rule already flags its words (_drop_supplementary).
    Sorted."""
    by_category: dict[str, list[Finding]] = {}
    for f in _drop_yielding(_drop_supplementary(findings)):
        by_category.setdefault(f.category, []).append(f)
    out: list[Finding] = []
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, f.end))
        cluster: list[Finding] = []
        cluster_end = -1
        for f in group + [None]:
            if f is not None and cluster and (f.start < cluster_end or
                                              (f.start, f.end) == (cluster[-1].start, cluster[-1].end)):
                cluster.append(f)
                cluster_end = max(cluster_end, f.end)
                continue
            chosen: list[Finding] = []
            for c in sorted(cluster, key=_rank, reverse=True):
                if not any(_covers(k, c) for k in chosen):
                    chosen.append(c)
            out.extend(_join_removals(chosen, text))
            if f is not None:
                cluster, cluster_end = [f], f.end
    out.sort(key=lambda f: (f.start, f.end, f.category))
    return out
