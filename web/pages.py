"""People-facing pages: the template library and the composer (blank or from a template)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.datastructures import MultiDict

import policy
from policy.templates import groups

from .checking import CATEGORY_LABELS, CONTEXT_FIELDS, check_message, preview_pieces
from .forms import MessageForm, field_messages, field_problem, field_values, form_class

bp = Blueprint("pages", __name__)


def _policy():
    return policy.load_policy(current_app.config["MARKETPLACE"])


@bp.get("/")
def library():
    return render_template("library.html", groups=groups(_policy().templates))


@bp.route("/compose", methods=["GET", "POST"])
def blank():
    form = MessageForm()
    if request.method == "GET" and request.args.get("text"):
        form.message.data = request.args["text"]
    return render_template("compose.html", form=form, template=None,
                           page_data=_page_data(None), check=_check_view(form.message.data, None, {}))


@bp.route("/compose/<template_id>", methods=["GET", "POST"])
def compose(template_id: str):
    template = _policy().templates.get(template_id)
    if template is None:
        abort(404, f"There is no template called “{template_id}”. Pick one from the library.")
    cls = form_class(template)
    if request.method == "POST":
        form = cls()  # the posted fields, checked server-side; nothing typed is lost
        form.validate()
    else:
        # Query-string values prefill the fields (the triage page opens templates this way).
        names = {spec.name for spec in template.fields}
        form = cls(formdata=MultiDict([(k, v) for k, v in request.args.items(multi=True)
                                       if k in names]) or None)
    values = field_values(form, template)
    if form.edited.data != "1":
        form.message.data = template.render(values, partial=True)
    return render_template("compose.html", form=form, template=template,
                           page_data=_page_data(template),
                           check=_check_view(form.message.data, template, values))


def _page_data(template) -> dict:
    """What compose.js needs, handed over in a JSON data block (no inline script under CSP)."""
    data = {"marketplace": current_app.config["MARKETPLACE"], "template": None, "fields": {},
            "categories": CATEGORY_LABELS}
    if template is not None:
        data["template"] = template.to_dict()
        data["fields"] = {spec.name: field_messages(spec) for spec in template.fields}
    return data


def _check_view(text: str | None, template, values: dict) -> dict:
    """The check as the page first shows it (compose.js takes over and keeps it live)."""
    text = text or ""
    context = {}
    problems = {"missing": [], "invalid": []}
    for spec in (template.fields if template else ()):
        value = (values.get(spec.name) or "").strip()
        if field_problem(spec, value):
            problems["invalid" if value else "missing"].append(spec.label)
        elif spec.name in CONTEXT_FIELDS and value:
            context[spec.name] = value
    findings = []
    if text.strip() and len(text) <= current_app.config["MAX_TEXT_CHARS"]:
        findings = check_message(text, _policy(), template.id if template else None, context)
    blocking = sum(f.blocks for f in findings)
    warnings = len(findings) - blocking
    reasons = []
    if not text.strip():
        reasons.append("Write a message first.")
    if problems["missing"]:
        reasons.append(f"Fill in: {', '.join(problems['missing'])}.")
    if problems["invalid"]:
        reasons.append(f"Correct: {', '.join(problems['invalid'])}.")
    if blocking:
        reasons.append(f"Fix {_plural(blocking, 'blocking problem', 'blocking problems')} first.")
    parts = []
    if blocking:
        parts.append(_plural(blocking, "problem blocks", "problems block") + " copying")
    if warnings:
        parts.append(_plural(warnings, "warning", "warnings"))
    summary = (", ".join(parts) + ".") if parts else ("No problems found." if text.strip() else "")
    groups: dict[tuple, list] = {}
    for f in sorted(findings, key=lambda f: not f.blocks):
        groups.setdefault((f.rule, f.severity, f.message, f.replacements), []).append(f)
    return {
        "text": text,
        "pieces": preview_pieces(text, findings),
        "groups": [{"finding": members[0], "count": len(members), "excerpts": _excerpts(members)}
                   for members in groups.values()],
        "summary": summary,
        "level": "block" if blocking else "warn" if warnings else "ok",
        "reason": " ".join(reasons) or "Ready to copy.",
        "categories": CATEGORY_LABELS,
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _excerpts(findings) -> str:
    """“<p>”, “</p>” and 3 more: the distinct flagged texts of a group, as compose.js shows them."""
    seen = list(dict.fromkeys(f.excerpt for f in findings if f.end > f.start and f.excerpt))
    shown = ", ".join(f"“{e}”" for e in seen[:4])
    return f"{shown} and {len(seen) - 4} more" if len(seen) > 4 else shown
