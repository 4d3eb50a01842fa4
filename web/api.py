"""The JSON API: check a message, compose a draft, list templates and marketplaces, turn pasted HTML into plain text.

None of these change anything, so they take requests without a CSRF token
(scripts and other tools call them); web.security exempts this blueprint.
"""
from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, jsonify, request

import policy
from policy.language import parse_language
from policy.context import CONTEXT_KEYS, context_problem
from policy.marketplace import load_marketplace, marketplace_ids, policy_version
from policy.localize import check_locale, localize
from policy.plaintext import html_to_text

from .bodies import json_object
from .checking import check_result
from .choice import chosen_marketplace
from .composing import compose_state
from .i18n import current_locale
from .security import csrf

bp = Blueprint("api", __name__, url_prefix="/api")
csrf.exempt(bp)

_MARKETPLACE_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@bp.post("/check")
def check():
    body = _json_object()
    text = _text(body)
    marketplace = _marketplace(body.get("marketplace", chosen_marketplace()))
    template_id = body.get("template")
    if template_id in ("", None):
        template_id = None
    elif not isinstance(template_id, str):
        abort(400, "“template” must be a template id (a string) or left out.")
    elif template_id not in marketplace.templates:
        abort(400, f"Unknown template “{template_id}” for marketplace “{marketplace.marketplace}”.")
    language = _language(body.get("language", "auto"))
    locale = _locale(body.get("locale"))
    result = check_result(text, marketplace, template_id, _context(body.get("context")), language)
    findings = localize(result.findings, marketplace.marketplace, locale)
    return jsonify({"ok": result.ok, "language": result.language, "locale": locale,
                    "findings": [f.to_dict() for f in findings],
                    "policy": {"marketplace": marketplace.marketplace,
                               "version": policy_version(marketplace.marketplace)}})


@bp.post("/compose")
def compose():
    """The composer's view of a draft, for compose.js:
    {"template"?, "fields"?, "text", "edited"?, "language"?} (the buyer's language: the template
    written in it, and the language the message is expected in).

    Renders the template from the fields (until "edited" is true), checks field values and the
    message, and says what the page shows: highlights, problem cards, summary, Copy allowed or
    why not (web.composing). No side effects, like /api/check.
    """
    body = _json_object()
    marketplace = _marketplace(body.get("marketplace", chosen_marketplace()))
    template_id = body.get("template")
    language = _language(body.get("language"))
    language = None if language == "auto" else language
    template = None
    if template_id not in ("", None):
        if not isinstance(template_id, str) or template_id not in marketplace.templates:
            abort(400, f"Unknown template “{str(template_id)[:60]}” for marketplace “{marketplace.marketplace}”.")
        template = marketplace.templates_in(language).get(template_id, marketplace.templates[template_id])
    fields = body.get("fields", {})
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        abort(400, "“fields” must be an object of field name -> text.")
    text = body.get("text", "")
    if not isinstance(text, str):
        abort(400, "“text” must be a string.")
    edited = body.get("edited", template is None)
    if not isinstance(edited, bool):
        abort(400, "“edited” must be true or false.")
    return jsonify(compose_state(marketplace, template, fields, text, edited, language))


@bp.get("/templates")
def templates():
    marketplace = _marketplace(request.args.get("marketplace", chosen_marketplace()))
    language = _language(request.args.get("language"))  # the buyer's: templates written in it
    wanted = None if language == "auto" else language
    chosen = marketplace.templates_in(wanted)
    written_in = wanted if chosen is not marketplace.templates else marketplace.facts.default_language
    return jsonify({"marketplace": marketplace.marketplace, "language": written_in,
                    "templates": [t.to_dict() for t in chosen.values()]})


@bp.get("/marketplaces")
def marketplaces():
    """Each marketplace's facts: languages, message kinds and limits, reply clock, category
    names (in ?locale=, English where it has none), and which one is the app's default."""
    locale = request.args.get("locale", "en")
    if not isinstance(locale, str) or not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?", locale):
        abort(400, "“locale” must be a language tag such as “en” or “zh”.")
    return jsonify({"default": current_app.config["MARKETPLACE"],
                    "marketplaces": [load_marketplace(m).to_dict(locale) for m in marketplace_ids()]})


@bp.post("/plain-text")
def plain_text():
    body = _json_object()
    return jsonify({"text": html_to_text(_text(body))})


def _json_object() -> dict:
    return json_object('{"text": "..."}')


def _text(body: dict) -> str:
    text = body.get("text")
    if not isinstance(text, str):
        abort(400, "“text” is required and must be a string.")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(text) > limit:
        abort(413, f"The text is {len(text):,} characters; the limit is {limit:,}.")
    return text


def _marketplace(name) -> policy.Policy:
    if not isinstance(name, str) or not _MARKETPLACE_ID.match(name):
        abort(400, f"“marketplace” must be a marketplace id ({', '.join(marketplace_ids())}).")
    try:
        return policy.load_policy(name)
    except policy.PolicyError:
        abort(400, f"Unknown marketplace “{name}”.")


def _locale(raw) -> str:
    """The interface locale of the answer: the body's "locale", else the request's (400 when
    the body names one there is no catalog for)."""
    if raw is None:
        return current_locale()
    try:
        return check_locale(raw)
    except ValueError as exc:
        abort(400, f"“locale”: {exc}.")


def _language(raw) -> str:
    """The requested language: "auto" or a known BCP 47 tag (400 otherwise)."""
    try:
        return parse_language(raw) or "auto"
    except ValueError as exc:
        abort(400, str(exc))


def _context(raw) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        abort(400, "“context” must be an object such as {\"order_id\": \"112-1234567-1234567\"}.")
    context = {}
    for key, value in raw.items():
        problem = context_problem(key, value)
        if problem:
            abort(400, f"context: {problem.rstrip('.')}.")
        if value not in (None, ""):
            context[key] = value.strip()
    return context
