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
from flask_babel import format_number, gettext as _, ngettext

import policy
from policy.localize import localize
from policy.templates import Template

from .checking import CONTEXT_FIELDS, asks_for_review, category_labels, check_result, preview_pieces
from .forms import field_problem
from .i18n import current_locale, join_list

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
                  text: str | None, edited: bool, language: str | None = None) -> dict:
    """The composer's whole view of a draft (see the module docstring); JSON-ready.

    `language` is the buyer's language the seller chose (None: the template's, or read from
    the text): a message written in another gets a warning, never a silent pass."""
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
    # The words of the order (names, products, the signature) are right whatever a dictionary says.
    field_words = " ".join(v for v in values.values() if v.strip())
    if field_words:
        context["known_words"] = field_words

    limit = template.max_length if template else DEFAULT_LIMIT
    check_limit = current_app.config["MAX_TEXT_CHARS"]
    findings: list[policy.Finding] = []
    check_error = None
    if len(text) > check_limit:
        check_error = _("This message is %(length)s characters: too long to check (the checker reads "
                        "up to %(check_limit)s; a message may have %(limit)s). Shorten it and check "
                        "again: your text is kept.", length=format_number(len(text)),
                        check_limit=format_number(check_limit), limit=format_number(limit))
    elif text.strip():
        result = check_result(text, marketplace, template.id if template else None, context,
                              language or "auto")
        findings = localize(result.findings, marketplace.marketplace, current_locale())

    blocking = sum(f.blocks for f in findings)
    warnings = len(findings) - blocking
    reasons = []
    if not text.strip():
        reasons.append(_("Write a message first."))
    if missing:
        reasons.append(_("Fill in: %(fields)s.", fields=join_list(_(m) for m in missing)))
    if invalid:
        reasons.append(_("Correct: %(fields)s.", fields=join_list(_(m) for m in invalid)))
    if check_error:
        reasons.append(_("The message could not be checked."))
    if blocking:
        reasons.append(ngettext("Fix %(num)d blocking problem first.", "Fix %(num)d blocking problems first.",
                                blocking))
    return {
        "text": text,
        "generated": generated,
        "generated_digest": text_digest(generated) if generated is not None else "",
        "edited": edited,
        "fields": fields,
        "ok": not blocking and not check_error,
        "findings": [f.to_dict() for f in findings],
        "pieces": _pieces(text, findings),
        "cards": _cards(findings, marketplace),
        "check_error": check_error,
        "summary": _summary(text, blocking, warnings, check_error),
        "copy": {"allowed": not reasons,
                 "reason": " ".join(reasons) or _ready(warnings)},
        "counter": {"limit": limit},
        # Copying it records the order in the review-request history (one request per order).
        "records_review": bool(template and template.get_field("order_id") and text.strip()
                               and asks_for_review(text, marketplace, template.id, language or "auto")),
    }


def _ready(warnings: int) -> str:
    if warnings:
        return ngettext("Ready to copy. Look at the %(num)d warning first.",
                        "Ready to copy. Look at the %(num)d warnings first.", warnings)
    return _("Ready to copy.")


def _summary(text: str, blocking: int, warnings: int, check_error: str | None) -> dict:
    if check_error:
        return {"text": check_error, "level": "block"}
    parts = []
    if blocking:
        parts.append(ngettext("%(num)d problem blocks copying", "%(num)d problems block copying", blocking))
    if warnings:
        parts.append(ngettext("%(num)d warning", "%(num)d warnings", warnings))
    if parts:
        return {"text": _("%(parts)s.", parts=_(", ").join(parts)), "level": "block" if blocking else "warn"}
    return {"text": _("No problems found.") if text.strip() else "", "level": "ok"}


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
    return _("“%(text)s”", text=text)


def _cards(findings: list[policy.Finding], marketplace: policy.Policy) -> list[dict]:
    """One card per rule, message and fix (“<p>”, “</p>” and 3 more), blocking ones first."""
    groups: dict[tuple, list[int]] = {}
    for i, f in enumerate(findings):
        groups.setdefault((f.rule, f.severity, f.message, f.replacements), []).append(i)
    ordered = sorted(groups.values(), key=lambda members: not findings[members[0]].blocks)
    cards = []
    labels = category_labels(marketplace, current_locale())
    for number, members in enumerate(ordered):
        first = findings[members[0]]
        many = len(members)
        seen = list(dict.fromkeys(findings[i].excerpt for i in members
                                  if findings[i].end > findings[i].start and findings[i].excerpt))
        shown = [_quote(e) for e in seen[:4]]
        if len(seen) > 4:
            shown.append(_("%(num)d more", num=len(seen) - 4))
        excerpts = join_list(shown)
        fixes = []
        if first.category == "html":
            fixes.append({"action": "plain-text", "label": _("Convert to plain text"),
                          "name": _("Convert to plain text")})
        for option, replacement in enumerate(first.replacements):
            quoted = _quote(replacement)
            if replacement and many > 1:
                label = _("Replace all with %(replacement)s", replacement=quoted)
                name = _("Replace all %(num)d with %(replacement)s", num=many, replacement=quoted)
            elif replacement:
                label = _("Replace with %(replacement)s", replacement=quoted)
                name = _("Replace %(excerpt)s with %(replacement)s", excerpt=_quote(first.excerpt),
                         replacement=quoted)
            elif many > 1:
                label = name = _("Remove all %(num)d", num=many)
            else:
                label = _("Remove it")
                name = _("Remove %(excerpt)s", excerpt=_quote(first.excerpt))
            fixes.append({"action": "replace", "option": option, "label": label, "name": name})
        if first.category == "spelling" and first.excerpt:
            # The seller decides a word is right (a name, a product word): the server keeps it.
            fixes.append({"action": "add-word", "word": first.excerpt, "label": _("Add to dictionary"),
                          "name": _("Add %(word)s to your dictionary", word=_quote(first.excerpt))})
        spans = [i for i in members if findings[i].end > findings[i].start]
        cards.append({
            "id": f"finding-{number}", "findings": members, "spans": spans,
            "rule": first.rule, "category": first.category,
            "category_label": labels.get(first.category, first.category),
            "severity": first.severity, "blocks": first.blocks,
            "badge": _("Blocks copying") if first.blocks else _("Warning"),
            "message": first.message, "count": many, "excerpts": excerpts,
            "source": first.source, "suggestions": list(first.suggestions), "fixes": fixes,
            "show_name": (_("Show %(excerpt)s in the message", excerpt=_quote(first.excerpt)) if len(spans) == 1
                          else _("Show the %(num)d places in the message, one at a time", num=len(spans))),
        })
    return cards
