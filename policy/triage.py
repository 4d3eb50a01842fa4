"""Triage a buyer's message: does it need a reply, what is it about, which reply fits?

A marketplace counts an unanswered buyer message against the seller after its
reply clock runs out, unless the seller marks it as needing no reply. That mark
is only safe for a message that needs no answer at all, so the verdict leans to
"needs a reply": the trained model (policy/triage_model.py) must be at least
`threshold` sure that nothing is asked, a threshold chosen on held-out data for
no-reply precision. Around the model, data decides what is certain: the
seller's previous message (an answer to the seller's question always needs
action), a marketplace's own intents (cue patterns in its triage.toml), and a
marketplace with no "no reply needed" at all. The reasons are the phrases that
weighed most, in whole words, each once, with what they say in words.
"""
from __future__ import annotations

import datetime as dt

from .policyfile import PolicyError
from .triage_language import default_language, reading
from .triage_model import Scored, load_model
from .triage_rules import INTENTS, TriageRules, default_marketplace, load_triage_rules

__all__ = ["INTENTS", "PolicyError", "load_triage_rules", "triage", "reply_deadline"]

MAX_REASONS = 3
MAX_PHRASE_TOKENS = 7
NO_REPLY_INTENTS = ("thanks_or_resolved", "feedback_or_review", "other")
# Words that say nothing on their own: a phrase made only of them is not a reason.
_FILLER = frozenset("a an the i me my you your it its is are was be to of and or for on in at so "
                    "this that we our us he she they them with just".split())
_SENTENCE_END = frozenset(".!?")


def triage(text: str, marketplace: str | None = None, previous: str | None = None,
           arrived: dt.datetime | None = None, _unwrap: bool = True) -> dict:
    """Triage one buyer message (and, optionally, the seller's previous message).

    Returns {"needs_reply", "intent", "language", "reasons": [{"start", "end", "why"}], "templates",
    "fields", "confidence"} and "reply_by" (ISO) when `arrived` is given; offsets are code
    points into `text`; `fields` holds what could be read for the composer (order_id, product).
    """
    rules = load_triage_rules(marketplace or default_marketplace())
    marketplace = rules.marketplace
    inner = _wrapped_message(text) if _unwrap else None
    if inner is not None:  # a pasted notification: judge the buyer's words, point into the whole text
        start, end = inner
        result = triage(text[start:end], marketplace, previous, arrived, _unwrap=False)
        for reason in result["reasons"]:
            reason["start"] += start
            reason["end"] += start
        from .triage_features import view_of
        from .triage_inbox import product_line
        norm, view = view_of(text)
        result["fields"] = {**_extract(rules, norm, view), **result["fields"]}
        if product_line(text):
            result["fields"]["product"] = product_line(text)
        return result
    expected = _expected_language(marketplace)
    previous_language = _language_of(previous, expected)
    language, model = reading(text, previous_language or expected)
    readable = model is not None
    model = model or load_model()
    scored = model.score(text)
    has_words = any(t.word for t in scored.toks)
    needs_reply = not has_words or not readable or scored.p_no_reply < model.threshold
    reasons: list[dict] = []
    notes: list[str] = []
    if not readable and has_words:  # a language no model reads: answer to be safe
        reasons.append(_whole(scored, rules.unsure_why))

    answered = _answers_previous(rules, previous, (language, previous_language))
    # An answer to the seller's question ("ok", "ja, genau die") needs a reply only because of
    # what was asked: its words ask nothing of their own, so no intent of theirs is read into it.
    only_an_answer = answered and not needs_reply and has_words
    if only_an_answer:
        needs_reply = True
        reasons.append(_whole(scored, rules.previous_asks.why))

    intent = "other" if only_an_answer else _pick_intent(scored.intent_scores, needs_reply)
    extra = _extra_intent(rules, scored)
    if extra is not None:
        intent_rule, match = extra
        intent = intent_rule.id
        needs_reply = needs_reply or intent_rule.keeps_open
        start, end = scored.norm.span(match.start(), match.end())
        reasons.append({"start": start, "end": end, "why": intent_rule.why})

    if has_words and not reasons:
        reasons.extend(_phrase_reasons(rules, scored, needs_reply, intent))
    elif has_words and extra is not None:
        reasons.extend(r for r in _phrase_reasons(rules, scored, needs_reply, intent) if not _overlaps(r, reasons))
    if readable and language != default_language():
        reasons = [_to_clause(text, r) for r in reasons]  # a model read from a phrase book
    reasons = _distinct(reasons)[:MAX_REASONS]
    if needs_reply and has_words and not reasons:
        reasons.append(_whole(scored, rules.unsure_why))

    if rules.every_message_needs_reply and not needs_reply:
        needs_reply = True
        notes.append("every_message_needs_reply")

    result = {"needs_reply": needs_reply, "intent": intent, "language": language, "reasons": reasons,
              "templates": _templates(rules, scored, intent) if needs_reply else [],
              "fields": _extract(rules, scored.norm, scored.view), "confidence": round(
                  scored.p_no_reply if not needs_reply else 1 - scored.p_no_reply, 3)}
    if notes:
        result["notes"] = notes
    if arrived is not None:
        result["reply_by"] = reply_deadline(arrived, rules).isoformat()
    return result


def _expected_language(marketplace: str) -> str:
    """The marketplace's default language: taken when a message is too short to tell."""
    from .marketplace import load_marketplace
    from .triage_language import default_language
    try:
        return load_marketplace(marketplace).default_language
    except PolicyError:
        return default_language()


def _wrapped_message(text: str) -> tuple[int, int] | None:
    """Where the buyer's words are in a pasted notification ("Begin message" ... "End message")."""
    from .triage_inbox import BEGIN, END
    begin = BEGIN.search(text)
    if not begin:
        return None
    end = END.search(text, begin.end())
    stop = end.start() if end else len(text)
    start = begin.end()
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop > start else None


def reply_deadline(arrived: dt.datetime, rules: TriageRules) -> dt.datetime:
    """When the marketplace's reply clock runs out for a message that arrived at `arrived`."""
    return arrived + dt.timedelta(hours=rules.reply_hours)


# --------------------------------------------------------------------------- decisions

OTHER_MARGIN = 1.0  # "other" only when it beats the next intent by this much (decision units)


def _pick_intent(scores: dict[str, float], needs_reply: bool) -> str:
    """The best intent that fits the verdict: a message needing a reply is not 'thanks', and
    "other" (the catch-all, which absorbs any request wording) must win clearly."""
    allowed = [i for i in scores if i != "thanks_or_resolved"] if needs_reply else \
        [i for i in scores if i in NO_REPLY_INTENTS]
    ranked = sorted(allowed, key=lambda i: -scores[i])
    if ranked[0] == "other" and len(ranked) > 1 and scores["other"] - scores[ranked[1]] < OTHER_MARGIN:
        return ranked[1]
    return ranked[0]


def _language_of(previous: str | None, expected: str) -> str | None:
    """The language of the seller's previous message when the detector is sure: the buyer answers
    in it, so it is the one to expect of a reply too short to tell ("ok", "ja, genau")."""
    if not previous or not previous.strip():
        return None
    from .language import detect
    from .triage_language import model_languages
    found = detect(previous, expected)
    return found.language if found.detected and found.language in model_languages() else None


def _answers_previous(rules: TriageRules, previous: str | None, languages: tuple[str | None, ...]) -> bool:
    """Whether the seller's previous message asked the buyer something: the common cues, and those
    of each language in play (the buyer's, the previous message's; policy/triage_data/<tag>/)."""
    if not previous or not previous.strip():
        return False
    from .triage_features import view_of
    from .triage_rules import previous_cues
    view = view_of(previous)[1]
    if rules.previous_asks.first(view) is not None:
        return True
    return any(cues is not None and cues[0].first(view) is not None
               for cues in map(previous_cues, dict.fromkeys(t for t in languages if t)))


def _extra_intent(rules: TriageRules, scored: Scored):
    """The marketplace intent whose cue appears first, with its match (or None)."""
    best = None
    for intent in rules.extra_intents:
        m = intent.cues.first(scored.view)
        if m and (best is None or m.start() < best[1].start()):
            best = (intent, m)
    return best


def _templates(rules: TriageRules, scored: Scored, intent: str) -> list[str]:
    """The intent's templates, then the runner-up intent's when the model nearly chose it."""
    out = list(rules.intents[intent].templates)
    ranked = sorted((i for i in scored.intent_scores if i not in (intent, "thanks_or_resolved")),
                    key=lambda i: -scored.intent_scores[i])
    if ranked and intent != "other" and intent in scored.intent_scores and \
            scored.intent_scores[intent] - scored.intent_scores[ranked[0]] < 1.0:
        out.extend(t for t in rules.intents[ranked[0]].templates if t not in out)
    return out


# --------------------------------------------------------------------------- reasons

def _whole(scored: Scored, why: str) -> dict:
    toks = scored.toks
    start, end = scored.norm.span(toks[0].start, toks[-1].end)
    return {"start": start, "end": end, "why": why}


def _runs(scored: Scored, weights: list[float]) -> list[tuple[float, int, int]]:
    """(weight, first, last) of each run of consecutive tokens pushing the verdict, per sentence."""
    toks, view = scored.toks, scored.view
    runs, first, total = [], None, 0.0
    for i, tok in enumerate(toks):
        broken = i > 0 and ("\n" in view[toks[i - 1].end:tok.start]
                            or (not toks[i - 1].word and set(toks[i - 1].text) & _SENTENCE_END))
        if first is not None and (weights[i] <= 0 or broken):
            runs.append((total, first, i - 1))
            first, total = None, 0.0
        if weights[i] > 0:
            if first is None:
                first, total = i, 0.0
            total += weights[i]
    if first is not None:
        runs.append((total, first, len(toks) - 1))
    return runs


def _best_window(weights: list[float], first: int, last: int) -> tuple[int, int]:
    if last - first + 1 <= MAX_PHRASE_TOKENS:
        return first, last
    best, at = None, first
    for a in range(first, last - MAX_PHRASE_TOKENS + 2):
        s = sum(weights[a:a + MAX_PHRASE_TOKENS])
        if best is None or s > best:
            best, at = s, a
    return at, at + MAX_PHRASE_TOKENS - 1


def _clause_start(scored: Scored, index: int) -> int:
    """Back from a lone "?" to where its sentence starts (at most a phrase's length)."""
    toks, view = scored.toks, scored.view
    i = index
    while i > 0 and index - i < MAX_PHRASE_TOKENS - 1:
        prev = toks[i - 1]
        if "\n" in view[prev.end:toks[i].start] or (not prev.word and set(prev.text) & _SENTENCE_END):
            break
        i -= 1
    return i


def _same_sentence(scored: Scored, a: int, b: int) -> bool:
    """No line break or sentence end between tokens a < b."""
    toks, view = scored.toks, scored.view
    for i in range(a + 1, b + 1):
        prev = toks[i - 1]
        if "\n" in view[prev.end:toks[i].start] or (not prev.word and set(prev.text) & _SENTENCE_END):
            return False
    return True


def _merge_close(scored: Scored, weights: list[float], runs):
    """Join runs of one sentence split by a word or two that weigh little the other way
    ("tracking hasn't [moved] since Monday")."""
    out = []
    for total, first, last in sorted(runs, key=lambda r: r[1]):
        if out:
            p_total, p_first, p_last = out[-1]
            gap = sum(weights[p_last + 1:first])
            if first - p_last - 1 <= 2 and gap > -1.0 * min(p_total, total) \
                    and _same_sentence(scored, p_last, first):
                out[-1] = (p_total + total + gap, p_first, last)
                continue
        out.append((total, first, last))
    return out


def _extend(scored: Scored, sign: float, first: int, last: int) -> tuple[int, int]:
    """Take in a neighbouring word when the pair weighs the verdict's way ("never" + "mind")."""
    toks, model = scored.toks, scored.model
    if first > 0 and toks[first - 1].word and _same_sentence(scored, first - 1, first) and \
            sign * model.weight(f"b:{toks[first - 1].text} {toks[first].text}") > 0:
        first -= 1
    if last + 1 < len(toks) and toks[last + 1].word and _same_sentence(scored, last, last + 1) and \
            sign * model.weight(f"b:{toks[last].text} {toks[last + 1].text}") > 0:
        last += 1
    return first, last


def _is_filler(word: str) -> bool:
    return word in _FILLER or not word.strip("0")


def _phrase_reasons(rules: TriageRules, scored: Scored, needs_reply: bool, intent: str) -> list[dict]:
    """The phrases that weighed most towards the verdict; a weak one that points to another
    intent than the message's is left out (it would explain nothing)."""
    sign = 1.0 if needs_reply else -1.0
    weights = [sign * w for w in scored.reply_by_token]
    toks = scored.toks
    runs = sorted(_merge_close(scored, weights, _runs(scored, weights)), key=lambda r: -r[0])
    if not runs:
        return []
    strongest = runs[0][0]
    out = []
    for total, first, last in runs:
        if total < 0.2 * strongest or len(out) >= MAX_REASONS:
            break
        first, last = _best_window(weights, first, last)
        while first < last and not toks[first].word:
            first += 1
        while last > first and not toks[last].word and "?" not in toks[last].text:
            last -= 1
        if not any(t.word for t in toks[first:last + 1]):
            if "?" not in toks[last].text:
                continue
            first = _clause_start(scored, last)
        words = [t.text for t in toks[first:last + 1] if t.word]
        if not words or all(_is_filler(w) for w in words):
            continue
        first, last = _extend(scored, sign, first, last)
        best = _phrase_intent(scored, first, last, needs_reply)
        if best != intent and total < 0.3 * strongest and out:
            continue
        start, end = scored.norm.span(toks[first].start, toks[last].end)
        out.append({"start": start, "end": end, "why": _why(rules, scored, first, last, needs_reply, best)})
    return sorted(out, key=lambda r: r["start"])


def _phrase_intent(scored: Scored, first: int, last: int, needs_reply: bool) -> str:
    """The intent tokens first..last point to most, among those that fit the verdict."""
    if needs_reply:
        allowed = [i for i in scored.intent_scores if i != "thanks_or_resolved"]
    else:
        allowed = [i for i in scored.intent_scores if i in NO_REPLY_INTENTS]
    pushes = scored.intent_weights(first, last)
    return max(allowed, key=lambda i: pushes[i])


def _why(rules: TriageRules, scored: Scored, first: int, last: int, needs_reply: bool, best: str) -> str:
    asks = any("?" in t.text for t in scored.toks[first:last + 1] if not t.word)
    if needs_reply and asks and best == "other":
        return rules.question_why
    intent = rules.intents[best]
    return intent.why if needs_reply else intent.why_no_reply


CLAUSE_MARKS = frozenset(".,;:!?\n。、！？」「…")
MAX_CLAUSE_STRETCH = 40  # characters a phrase may grow by on each side to reach its clause's edges


def _to_clause(text: str, reason: dict) -> dict:
    """The phrase grown to the whole clause it sits in ("Mein Paket liegt seit gestern in der"
    -> "... in der Filiale"; Japanese, cut by script, needs it most: 「いしたいのですが」 ->
    「お願いしたいのですが」), when the clause's edges are near; otherwise as it was."""
    start, end = reason["start"], reason["end"]
    a = start
    while a > 0 and text[a - 1] not in CLAUSE_MARKS and start - a < MAX_CLAUSE_STRETCH:
        a -= 1
    b = end
    while b < len(text) and text[b - 1] not in CLAUSE_MARKS and text[b] not in CLAUSE_MARKS \
            and b - end < MAX_CLAUSE_STRETCH:
        b += 1
    if a > 0 and text[a - 1] not in CLAUSE_MARKS:
        a = start
    if b < len(text) and text[b] not in CLAUSE_MARKS:
        b = end
    if b < len(text) and text[b] in "?？!！":  # a question or an exclamation keeps its mark
        b += 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return {**reason, "start": a, "end": b}


def _overlaps(reason: dict, others: list[dict]) -> bool:
    return any(reason["start"] < o["end"] and o["start"] < reason["end"] for o in others)


def _distinct(reasons: list[dict]) -> list[dict]:
    """Each span once; a span inside another is dropped."""
    out: list[dict] = []
    for r in sorted(reasons, key=lambda r: (r["start"], -(r["end"] - r["start"]))):
        if any(o["start"] <= r["start"] and r["end"] <= o["end"] for o in out):
            continue
        out.append(r)
    return out


# --------------------------------------------------------------------------- fields

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
