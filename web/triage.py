"""The /triage page: does a buyer's message need a reply, why, and which reply template fits.

The page triages live through POST /api/triage (no side effects, so no CSRF
token, like /api/check); without JavaScript the form posts to /triage (with
the token) and the same result is rendered on the server. It also runs the
reply clock: Amazon counts a message as late after 24 hours, weekends included.
"""
from __future__ import annotations

import datetime as dt
import json

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for

import policy
from policy.triage import load_triage_rules, triage

from .security import csrf

bp = Blueprint("triage", __name__)

REPLY_WINDOW = dt.timedelta(hours=24)
URGENT_WITHIN = dt.timedelta(hours=4)
# Template fields the triage result can fill, by what triage reads from the message.
PREFILL_FIELDS = {"order_id": ("order_id",), "product": ("item_name", "product")}


def _marketplace() -> str:
    return current_app.config["MARKETPLACE"]


def _check_length(text: str) -> None:
    limit = current_app.config.get("MAX_TEXT_CHARS", 20_000)
    if len(text) > limit:
        abort(413, f"The message is {len(text):,} characters; the limit is {limit:,}.")


def suggestions(result: dict) -> list[dict]:
    """Each suggested template with its title and a composer link pre-filled from the message."""
    templates = policy.load_policy(_marketplace()).templates
    out = []
    for template_id in result["templates"]:
        template = templates.get(template_id)
        if template is None:
            continue
        names = {field.name for field in template.fields}
        params, filled = {}, []
        for key, value in result.get("fields", {}).items():
            for name in PREFILL_FIELDS.get(key, ()):
                if name in names:
                    params[name] = value
                    filled.append(key)
                    break
        out.append({"id": template_id, "title": template.title,
                    "url": url_for("pages.compose", template_id=template_id, **params),
                    "prefilled": filled})
    return out


def triage_result(text: str) -> dict:
    """The triage contract plus what the page shows: intent title and composer links."""
    result = triage(text, marketplace=_marketplace())
    intents = load_triage_rules(_marketplace()).intents
    result["intent_title"] = intents[result["intent"]].title
    result["suggestions"] = suggestions(result)
    if result["needs_reply"] and not result["suggestions"]:
        # No template fits (a complaint, a review question...): a blank message still gets checked.
        result["suggestions"] = [{"id": None, "title": "Blank message", "url": url_for("pages.blank"),
                                  "prefilled": []}]
    return result


def segments(text: str, reasons: list[dict]) -> list[dict]:
    """The text cut into plain and highlighted pieces (overlapping reasons merged) for the template."""
    merged: list[dict] = []
    for r in sorted(reasons, key=lambda r: (r["start"], r["end"])):
        if merged and r["start"] < merged[-1]["end"]:
            last = merged[-1]
            last["end"] = max(last["end"], r["end"])
            if r["why"] not in last["why"]:
                last["why"].append(r["why"])
        else:
            merged.append({"start": r["start"], "end": r["end"], "why": [r["why"]]})
    pieces, at = [], 0
    for m in merged:
        if m["start"] > at:
            pieces.append({"text": text[at:m["start"]], "why": None})
        pieces.append({"text": text[m["start"]:m["end"]], "why": "; ".join(m["why"])})
        at = m["end"]
    if at < len(text):
        pieces.append({"text": text[at:], "why": None})
    return pieces


def reply_clock(arrived: str | None, now: dt.datetime | None = None) -> dict | None:
    """Time left in the 24-hour reply window (server time; the page recomputes in the browser's)."""
    if not arrived:
        return None
    try:
        received = dt.datetime.fromisoformat(arrived)
    except ValueError:
        return {"error": "Enter the date and time the message arrived, for example 2026-11-20 14:30."}
    now = now or dt.datetime.now()
    deadline = received + REPLY_WINDOW
    left = deadline - now
    state = "overdue" if left <= dt.timedelta(0) else "urgent" if left <= URGENT_WITHIN else "ok"
    return {"arrived": arrived, "deadline": deadline.strftime("%a %d %b %Y, %H:%M"),
            "state": state, "text": describe_left(left)}


def describe_left(left: dt.timedelta) -> str:
    minutes = int(abs(left).total_seconds() // 60)
    span = f"{minutes // 60} h {minutes % 60:02d} min"
    if left <= dt.timedelta(0):
        return f"Overdue: the 24-hour window closed {span} ago. Reply now."
    if left <= URGENT_WITHIN:
        return f"Urgent: {span} left to reply."
    return f"{span} left to reply."


@bp.get("/triage")
def page():
    return render_template("triage.html", text="", result=None, pieces=[], clock=None)


@bp.post("/triage")
def page_post():
    """The no-JavaScript path: the form posts here (CSRF-protected) and the result is rendered."""
    text = request.form.get("message", "")
    _check_length(text)
    result = triage_result(text) if text.strip() else None
    pieces = segments(text, result["reasons"]) if result else []
    return render_template("triage.html", text=text, result=result, pieces=pieces,
                           clock=reply_clock(request.form.get("arrived", "").strip()))


@bp.post("/api/triage")
@csrf.exempt
def api_triage():
    """JSON {"text"} -> the triage result. No side effects, so no CSRF token (like /api/check)."""
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except (UnicodeDecodeError, ValueError):
        abort(400, 'The request body must be JSON, e.g. {"text": "..."}.')
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        abort(400, '“text” is required and must be a string, e.g. {"text": "Where is my order?"}.')
    _check_length(body["text"])
    return jsonify(triage_result(body["text"]))
