"""What the composer shows for a draft, decided once, on the server, for the page and its script.

A draft is a template (or none), the values of its fields, the message text and whether the
seller has edited that text by hand. `compose_state` turns it into everything the page shows:
the text (rendered from the fields until the seller edits it), each field's problem, the
findings, the highlight pieces, the problem cards with their fixes, the summary, and whether
Copy is allowed and why not. The server-rendered page (which works without JavaScript) and
POST /api/compose (which compose.js calls as the seller types) both return this one result,
so no rule about templates, fields or gating is written a second time in JavaScript.
"""
from __future__ import annotations

import hashlib

from flask import current_app

import policy
from policy.templates import Template

from .checking import CONTEXT_FIELDS, asks_for_review, category_labels, check_message, preview_pieces
from .forms import field_problem

# Length the engine is asked to check at most (pasted HTML runs longer than any message kind).
DEFAULT_LIMIT = 2000


def normalise_newlines(text: str) -> str:
    """Browsers submit a textarea with CRLF line breaks; the page and the engine see LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_digest(text: str) -> str:
    """A short fingerprint of generated text: a form post whose message still matches it was not
    edited by hand (the no-JavaScript path has no other way to tell)."""
    return hashlib.sha256(normalise_newlines(text).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def field_is_needed(spec, template: Template, text: str, value: str, edited: bool) -> bool:
    """Whether a field still matters: it feeds the check, or the message still uses it.

    Until the seller edits the text, every field is in it. Afterwards a field the seller's own
    words replaced (no "{name}" left and its value nowhere in the text) no longer blocks Copy.
    """
    if not edited or spec.context_only or spec.name in CONTEXT_FIELDS:
        return True
    if "{" + spec.name + "}" in text:
        return True
    value = " ".join(value.split())
    return bool(value) and value in " ".join(text.split())


def compose_state(marketplace: policy.Policy, template: Template | None, values: dict[str, str],
                  text: str | None, edited: bool) -> dict:
    """The composer's whole view of a draft (see the module docstring); JSON-ready."""
    values = {k: v if isinstance(v, str) else "" for k, v in (values or {}).items()}
    generated = template.render(values, partial=True) if template is not None else None
    if template is not None and not edited:
        text = generated
    text = normalise_newlines(text or "")
    edited = template is not None and edited and text != generated

    fields, missing, invalid, context = {}, [], [], {}
    for spec in (template.fields if template else ()):
        value = (values.get(spec.name) or "").strip()
        problem = field_problem(spec, value)
        needed = field_is_needed(spec, template, text, value, edited)
        fields[spec.name] = {"problem": problem, "needed": needed}
        if problem and needed:
            (invalid if value else missing).append(spec.label)
        elif not problem and value and spec.name in CONTEXT_FIELDS:
            context[spec.name] = value

    limit = template.max_length if template else DEFAULT_LIMIT
    check_limit = current_app.config["MAX_TEXT_CHARS"]
    findings: list[policy.Finding] = []
    check_error = None
    if len(text) > check_limit:
        check_error = (f"This message is {len(text):,} characters: too long to check (the checker "
                       f"reads up to {check_limit:,}; a message may have {limit:,}). Shorten it and "
                       "check again: your text is kept.")
    elif text.strip():
        findings = check_message(text, marketplace, template.id if template else None, context)

    blocking = sum(f.blocks for f in findings)
    warnings = len(findings) - blocking
    reasons = []
    if not text.strip():
        reasons.append("Write a message first.")
    if missing:
        reasons.append(f"Fill in: {', '.join(missing)}.")
    if invalid:
        reasons.append(f"Correct: {', '.join(invalid)}.")
    if check_error:
        reasons.append("The message could not be checked.")
    if blocking:
        reasons.append(f"Fix {_plural(blocking, 'blocking problem', 'blocking problems')} first.")
    return {
        "text": text,
        "generated": generated,
        "generated_digest": text_digest(generated) if generated is not None else "",
        "edited": edited,
        "fields": fields,
        "ok": not blocking and not check_error,
        "findings": [f.to_dict() for f in findings],
        "pieces": _pieces(text, findings),
        "cards": _cards(findings, category_labels(marketplace)),
        "check_error": check_error,
        "summary": _summary(text, blocking, warnings, check_error),
        "copy": {"allowed": not reasons,
                 "reason": " ".join(reasons) or _ready(warnings)},
        "counter": {"limit": limit},
        # Copying it records the order in the review-request history (one request per order).
        "records_review": bool(template and template.get_field("order_id") and text.strip()
                               and asks_for_review(text, marketplace, template.id)),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _ready(warnings: int) -> str:
    if warnings:
        return f"Ready to copy. Look at the {_plural(warnings, 'warning', 'warnings')} first."
    return "Ready to copy."


def _summary(text: str, blocking: int, warnings: int, check_error: str | None) -> dict:
    if check_error:
        return {"text": check_error, "level": "block"}
    parts = []
    if blocking:
        parts.append(_plural(blocking, "problem blocks", "problems block") + " copying")
    if warnings:
        parts.append(_plural(warnings, "warning", "warnings"))
    if parts:
        return {"text": ", ".join(parts) + ".", "level": "block" if blocking else "warn"}
    return {"text": "No problems found." if text.strip() else "", "level": "ok"}


def _pieces(text: str, findings: list[policy.Finding]) -> list[dict]:
    """The message cut where highlights start and end (code-point offsets, as findings are)."""
    index = {id(f): i for i, f in enumerate(findings)}
    out, pos = [], 0
    for piece in preview_pieces(text, findings):
        end = pos + len(piece.text)
        item = {"start": pos, "end": end, "text": piece.text}
        if piece.finding is not None:
            covering = [i for i, f in enumerate(findings)
                        if f.end > f.start and f.start <= pos and f.end >= end]
            item.update(category=piece.finding.category, severity=piece.finding.severity,
                        findings=covering, strongest=index[id(piece.finding)],
                        title="\n".join(findings[i].message for i in covering))
        out.append(item)
        pos = end
    return out


def _quote(text: str) -> str:
    return f"“{text}”"


def _cards(findings: list[policy.Finding], labels: dict[str, str]) -> list[dict]:
    """One card per rule, message and fix (“<p>”, “</p>” and 3 more), blocking ones first."""
    groups: dict[tuple, list[int]] = {}
    for i, f in enumerate(findings):
        groups.setdefault((f.rule, f.severity, f.message, f.replacements), []).append(i)
    ordered = sorted(groups.values(), key=lambda members: not findings[members[0]].blocks)
    cards = []
    for number, members in enumerate(ordered):
        first = findings[members[0]]
        many = len(members)
        seen = list(dict.fromkeys(findings[i].excerpt for i in members
                                  if findings[i].end > findings[i].start and findings[i].excerpt))
        excerpts = ", ".join(_quote(e) for e in seen[:4])
        if len(seen) > 4:
            excerpts += f" and {len(seen) - 4} more"
        fixes = []
        if first.category == "html":
            fixes.append({"action": "plain-text", "label": "Convert to plain text",
                          "name": "Convert to plain text"})
        target = f"all {many}" if many > 1 else _quote(first.excerpt)
        for option, replacement in enumerate(first.replacements):
            if replacement:
                label = ("Replace all with " if many > 1 else "Replace with ") + _quote(replacement)
                name = f"Replace {target} with {_quote(replacement)}"
            else:
                label = f"Remove all {many}" if many > 1 else "Remove it"
                name = f"Remove {target}"
            fixes.append({"action": "replace", "option": option, "label": label, "name": name})
        spans = [i for i in members if findings[i].end > findings[i].start]
        cards.append({
            "id": f"finding-{number}", "findings": members, "spans": spans,
            "rule": first.rule, "category": first.category,
            "category_label": labels.get(first.category, first.category),
            "severity": first.severity, "blocks": first.blocks,
            "badge": "Blocks copying" if first.blocks else "Warning",
            "message": first.message, "count": many, "excerpts": excerpts,
            "source": first.source, "suggestions": list(first.suggestions), "fixes": fixes,
            "show_name": (f"Show {_quote(first.excerpt)} in the message" if len(spans) == 1
                          else f"Show the {len(spans)} places in the message, one at a time"),
        })
    return cards
