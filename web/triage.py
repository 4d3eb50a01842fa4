"""The /triage page: does a buyer's message need a reply, why, and which reply template fits.

One message triages live through POST /api/triage (no side effects, so no CSRF
token, like /api/check); without JavaScript the form posts to /triage (with the
token) and the same result is rendered on the server. A whole inbox (an .mbox
or .eml of notification emails, a CSV, or messages pasted one after another)
posts to /triage/inbox with the token; the list is rendered here, sorted by the
marketplace's reply clock, and the page only inserts it. Nothing uploaded is
kept after the request, and no message text is logged.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache

from babel import Locale
from babel.dates import format_datetime, match_skeleton
from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

import policy
from policy.language import UNDETERMINED
from policy.localize import language_name

from policy.cli_input import N_, UsageError
from policy.policyfile import PolicyError
from policy.templates import load_templates
from policy.triage import triage
from policy.triage_language import default_language
from policy.triage_inbox import parse_time, read_inbox, read_pasted, triage_all
from policy.marketplace import load_marketplace
from policy.triage_rules import TriageRules, load_triage_rules, marketplaces

from .choice import chosen_marketplace
from .i18n import current_locale, join_list, parse_locale, translate_data
from .security import csrf
from .wording import wording

bp = Blueprint("triage", __name__)

URGENT_WITHIN = dt.timedelta(hours=4)
MAX_INBOX_BYTES = 8 * 1024 * 1024
# Template fields the triage result can fill, by what triage reads from the message.
PREFILL_FIELDS = {"order_id": ("order_id",), "product": ("item_name", "product")}
# The reply clock's words ({name} places, filled here and by triage.js alike).
CLOCK_WORDS = {"span": N_("{hours} h {minutes} min"),
               "overdue": N_("Overdue: the {window}-hour window closed {span} ago. Reply now."),
               "urgent": N_("Urgent: {span} left to reply."), "ok": N_("{span} left to reply."),
               "reply_by": N_("Reply by {time}")}
# What the page calls each of them ("fills in the order ID and product").
PREFILL_NAMES = {"order_id": N_("order ID"), "product": N_("product")}
_MARKETPLACE_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _marketplace(requested: object = None) -> str:
    """The marketplace asked for (query, form or JSON), else the chosen one (web.choice); 400 if unknown."""
    marketplace = requested or chosen_marketplace()
    if not isinstance(marketplace, str) or not _MARKETPLACE_ID.match(marketplace):
        abort(400, _("“marketplace” must be one of %(choices)s.", choices=join_list(marketplaces(), "or")))
    try:
        load_triage_rules(marketplace)
    except PolicyError:
        abort(400, _("Unknown marketplace “%(marketplace)s”.", marketplace=marketplace[:40]))
    return marketplace


def _rules(marketplace: str) -> TriageRules:
    return load_triage_rules(marketplace)


def _check_length(text: str, previous: bool = False) -> None:
    limit = current_app.config.get("MAX_TEXT_CHARS", 20_000)
    if len(text) > limit:
        what = _("The previous message") if previous else _("The message")
        abort(413, _("%(what)s is %(length)s characters; the limit is %(limit)s.", what=what,
                     length=f"{len(text):,}", limit=f"{limit:,}"))


@lru_cache(maxsize=None)
def _templates(marketplace: str) -> dict:
    """The marketplace's templates, read once (triage does not need its rule engine)."""
    path = _rules(marketplace).path.with_name("templates.toml")
    return load_templates(path) if path.is_file() else {}


def _written_in(marketplace: str, language: str | None) -> dict:
    """The marketplace's templates written in `language` (policy/<marketplace>/<language>/
    templates.toml), {} when there are none: a folder added later is picked up as it lands."""
    if not language:
        return {}
    loaded = policy.load_policy(marketplace)
    return loaded.translations.get(language, {})


def _original_language(marketplace: str) -> str:
    """The language the marketplace's templates.toml is written in."""
    facts = policy.load_policy(marketplace).facts
    return facts.default_language if facts else default_language()


def template_language(template_id: str, marketplace: str, language: str | None) -> tuple[str, str | None]:
    """(the language the suggested template opens in, a note when it is not the buyer's)."""
    original = _original_language(marketplace)
    if not language or language == original or template_id in _written_in(marketplace, language):
        return language or original, None
    locale = current_locale()
    return original, _("No %(language)s version yet: this template is in %(original)s.",
                       language=language_name(language, locale), original=language_name(original, locale))


class Words:
    """gettext that translates each msgid once (and the clock's dates' patterns are cached too):
    an inbox of 300 messages asks for the same dozen texts on every row."""

    def __init__(self):
        self.seen: dict[str, str] = {}

    def __call__(self, text: str, **values) -> str:
        said = self.seen.get(text)
        if said is None:
            said = self.seen[text] = translate_data(text)
        return said % values if values else said


def suggestions(result: dict, marketplace: str, words: Words | None = None) -> list[dict]:
    """Each suggested template with its title and a composer link pre-filled from the message,
    in the buyer's language when the template is written in it."""
    _ = say = words or Words()  # say(): texts from data, which the extractor must not read as msgids
    templates = _templates(marketplace)
    extra = {} if marketplace == chosen_marketplace() else {"marketplace": marketplace}
    out = []
    for template_id in result["templates"]:
        template = templates.get(template_id)
        if template is None:
            continue
        language, note = template_language(template_id, marketplace, result.get("language"))
        in_language = {} if note or language == _original_language(marketplace) else {"language": language}
        names = {field.name for field in template.fields}
        params, filled = {}, []
        for key, value in result.get("fields", {}).items():
            for name in PREFILL_FIELDS.get(key, ()):
                if name in names:
                    params[name] = value
                    filled.append(say(PREFILL_NAMES[key]) if key in PREFILL_NAMES else key.replace("_", " "))
                    break
        out.append({**_suggestion(template_id, say(template.title),
                                  url_for("pages.compose", template_id=template_id, **params, **in_language,
                                          **extra), filled, _),
                    "language": language, "language_note": note})
    if result["needs_reply"] and not out:
        # No template fits (a complaint, a review question...): a blank message still gets checked.
        out.append(_suggestion(None, _("Blank message"), url_for("pages.blank", **extra), [], _))
    return out


def _suggestion(template_id, title: str, url: str, filled: list[str], _: Words) -> dict:
    """A reply template as the page shows it: its link's words and what it fills in."""
    return {"id": template_id, "title": title, "url": url, "prefilled": filled,
            "label": _("Open “%(title)s”", title=title), "reply_label": _("Reply: “%(title)s”", title=title),
            "prefill_note": _("fills in the %(fields)s", fields=join_list(filled)) if filled else ""}


def _said(marketplace: str, key: str, fallback: str) -> str:
    """The marketplace's wording in the interface locale; a triage-only folder's own words."""
    try:
        return wording(key, marketplace) if key in load_marketplace(marketplace).wording else fallback
    except PolicyError:
        return fallback


def presented(result: dict, marketplace: str, text: str, words: Words | None = None) -> dict:
    """The triage contract plus what the page shows: the verdict and intent in words,
    each reason with its phrase, composer links (`words`: one for every row of an inbox)."""
    _ = say = words or Words()  # say(): texts from data, which the extractor must not read as msgids
    rules = _rules(marketplace)
    result["intent_title"] = say(rules.intents[result["intent"]].title)
    result["verdict"] = _("Needs a reply") if result["needs_reply"] else say(rules.no_reply_label)
    if "every_message_needs_reply" in result.get("notes", ()):
        result["verdict_help"] = _("This marketplace expects an answer to every message: reply within "
                                   "%(hours)d hours, a short acknowledgement is enough.", hours=rules.reply_hours)
    elif result["needs_reply"]:
        result["verdict_help"] = _("Answer within %(hours)d hours of the message's arrival.",
                                   hours=rules.reply_hours)
    else:
        result["verdict_help"] = _("%(action)s in %(console)s so it does not count as a late response.",
                                   action=_said(marketplace, "no_response_needed", rules.no_reply_action),
                                   console=_said(marketplace, "seller_tool", rules.console))
    language = result.get("language")
    result["language_title"] = _("Written in %(language)s", language=language_name(language, current_locale())) \
        if language and language != UNDETERMINED else None
    # Each reason's words in the interface locale (extracted from the triage files by web.extract).
    result["reasons"] = [{**r, "why": say(r["why"])} for r in result["reasons"]]
    result["phrases"] = [{"text": text[r["start"]:r["end"]], "why": r["why"]} for r in result["reasons"]]
    result["suggestions"] = suggestions(result, marketplace, _)
    return result


def segments(text: str, reasons: list[dict]) -> list[dict]:
    """The text cut into plain and highlighted pieces for the template (reasons do not overlap)."""
    pieces, at = [], 0
    for r in sorted(reasons, key=lambda r: (r["start"], r["end"])):
        if r["start"] < at:
            continue
        if r["start"] > at:
            pieces.append({"text": text[at:r["start"]], "why": None})
        pieces.append({"text": text[r["start"]:r["end"]], "why": r["why"]})
        at = r["end"]
    if at < len(text):
        pieces.append({"text": text[at:], "why": None})
    return pieces


def _arrival(value: object, field: str = "arrived") -> dt.datetime | None:
    if value in (None, ""):
        return None
    parsed = parse_time(value) if isinstance(value, str) else None
    if parsed is None or parsed.year > 9000:
        abort(400, _("“%(field)s” must be a date and time like 2026-11-20T14:30 (a zone such as +01:00 "
                     "or Z is optional).", field=field))
    return parsed


def reply_clock(arrived: dt.datetime | None, rules: TriageRules, now: dt.datetime | None = None,
                words: Words | None = None) -> dict | None:
    """Time left in the marketplace's reply window (server time; the page recomputes in the browser's)."""
    if arrived is None:
        return None
    if now is None:
        now = dt.datetime.now(arrived.tzinfo) if arrived.tzinfo else dt.datetime.now()
    deadline = arrived + dt.timedelta(hours=rules.reply_hours)
    left = deadline - now
    state = "overdue" if left <= dt.timedelta(0) else "urgent" if left <= URGENT_WITHIN else "ok"
    return {"arrived": arrived.strftime("%Y-%m-%dT%H:%M"), "deadline": _local_time(deadline, "yMMMEd Hm"),
            "state": state, "text": describe_left(left, rules.reply_hours, words)}


def _local_time(moment: dt.datetime, skeleton: str) -> str:
    """A date and time in the locale's own pattern for `skeleton` (CLDR: "Fri, Nov 20, 14:30",
    "11月20日周五 14:30"; `skeleton` is a date part and a time part), with the zone's name when it has one."""
    text = format_datetime(moment, _pattern(str(get_locale() or "en"), skeleton), locale=Locale.parse(
        str(get_locale() or "en")))
    return f"{text} {moment.tzname()}" if moment.tzinfo and moment.tzname() else text


@lru_cache(maxsize=None)
def _pattern(locale_id: str, skeleton: str) -> str:
    """The locale's date-time pattern for a "date time" skeleton pair, found once (CLDR's
    skeleton matching is slow to repeat for every row of an inbox)."""
    locale = Locale.parse(locale_id)
    day, time = (locale.datetime_skeletons[match_skeleton(part, locale.datetime_skeletons)].pattern
                 for part in skeleton.split(" "))
    return locale.datetime_formats["medium"].format(time, day)  # CLDR's "{1}, {0}" / "{1} {0}"


def clock_strings() -> dict:
    """The reply clock's words in the interface locale, for the page's script (which counts
    down in the browser's time and fills the same places describe_left fills here)."""
    return {key: translate_data(text) for key, text in CLOCK_WORDS.items()}


def script_strings() -> dict:
    """Every word triage.js shows besides the server's results, in the interface locale."""
    return {**clock_strings(),
            "failed": _("Could not triage the message."),
            "unreachable": _("Could not triage right now. Your text is still here; try again."),
            "uploading": _("Uploading…"), "uploading_percent": _("Uploading… {percent}%"),
            "triaging": _("Triaging…"),
            "too_large": _("The file is too large for one upload. Split it and try again."),
            "inbox_failed": _("Could not triage the inbox right now. Try again."),
            "upload_failed": _("Could not upload the inbox. Check the connection and try again.")}


def describe_left(left: dt.timedelta, hours: int = 24, words: Words | None = None) -> str:
    say = words or Words()
    minutes = int(abs(left).total_seconds() // 60)
    span = say(CLOCK_WORDS["span"]).format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")
    if left <= dt.timedelta(0):
        return say(CLOCK_WORDS["overdue"]).format(window=hours, span=span)
    if left <= URGENT_WITHIN:
        return say(CLOCK_WORDS["urgent"]).format(span=span)
    return say(CLOCK_WORDS["ok"]).format(span=span)


def _page(marketplace: str, **values):
    rules = _rules(marketplace)
    defaults = {"text": "", "previous": "", "result": None, "pieces": [], "clock": None, "inbox": None,
                "inbox_error": None, "pasted": ""}
    defaults.update(values)
    return render_template("triage.html", rules=rules, marketplace=marketplace, strings=script_strings(),
                           reply_note=translate_data(rules.reply_note),
                           no_reply_action=_said(marketplace, "no_response_needed", rules.no_reply_action),
                           console=_said(marketplace, "seller_tool", rules.console), **defaults)


@bp.get("/triage")
def page():
    return _page(_marketplace(request.args.get("marketplace")))


@bp.post("/triage")
def page_post():
    """The no-JavaScript path: the form posts here (CSRF-protected) and the result is rendered."""
    marketplace = _marketplace(request.form.get("marketplace"))
    text = request.form.get("message", "")
    previous = request.form.get("previous", "")
    _check_length(text)
    _check_length(previous, previous=True)
    arrived_raw = request.form.get("arrived", "").strip()
    arrived = _arrival(arrived_raw)
    result = presented(triage(text, marketplace, previous=previous or None), marketplace, text) \
        if text.strip() else None
    pieces = segments(text, result["reasons"]) if result else []
    return _page(marketplace, text=text, previous=previous, result=result, pieces=pieces,
                 clock=reply_clock(arrived, _rules(marketplace)))


@bp.post("/triage/inbox")
@csrf.exempt  # checked below, once the upload limit is raised for this route (not skipped)
def inbox_post():
    """A whole inbox (file upload or pasted messages), CSRF-protected. With ?fragment=1 (the
    page's script) only the list is returned, to be inserted as is."""
    request.max_content_length = current_app.config.get("MAX_INBOX_BYTES", MAX_INBOX_BYTES)
    csrf.protect()
    marketplace = _marketplace(request.form.get("marketplace"))
    upload = request.files.get("inbox")
    pasted = request.form.get("pasted", "")
    error, triaged = None, None
    try:
        if upload is not None and upload.filename:
            messages = read_inbox(upload.read(), upload.filename)
        elif pasted.strip():
            messages = read_pasted(pasted)
        else:
            raise UsageError(_("Choose a file (.mbox, .eml or .csv) or paste messages separated by a line of ---."))
        for message in messages:
            _check_length(message.text)
        words = Words()
        triaged = [_inbox_row(r, marketplace, words) for r in triage_all(messages, marketplace)]
    except UsageError as exc:
        error = _inbox_error(exc)
    status = 400 if error else 200
    if request.args.get("fragment") == "1":
        return render_template("triage_inbox.html", inbox=triaged, inbox_error=error,
                               rules=_rules(marketplace)), status
    return _page(marketplace, inbox=triaged, inbox_error=error, pasted=pasted), status


def _inbox_error(exc: UsageError) -> str:
    """An unreadable upload's reason in the interface locale (policy.triage_inbox marks its
    messages with their values apart, so the catalog holds each one once)."""
    template, values = getattr(exc, "template", None), getattr(exc, "values", {})
    error = translate_data(template).format(**values) if template else str(exc)
    return error[0].upper() + error[1:]


def _inbox_row(result: dict, marketplace: str, words: Words) -> dict:
    result = presented(result, marketplace, result["text"], words)
    rules = _rules(marketplace)
    if result.get("reply_by"):
        deadline = dt.datetime.fromisoformat(result["reply_by"])
        result["deadline_text"] = _local_time(deadline, "MMMEd Hm")
        result["clock"] = reply_clock(dt.datetime.fromisoformat(result["received"]), rules, words=words)
    return result


@bp.post("/api/triage")
@csrf.exempt
def api_triage():
    """JSON {"text", "previous"?, "marketplace"?, "arrived"?} -> the triage result.
    No side effects, so no CSRF token (like /api/check)."""
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except RecursionError:
        abort(400, _("The request body is nested too deeply."))
    except (UnicodeDecodeError, ValueError):
        abort(400, _('The request body must be JSON, e.g. {"text": "..."}.'))
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        abort(400, _('“text” is required and must be a string, e.g. {"text": "Where is my order?"}.'))
    locale = body.get("locale")
    if locale is not None and parse_locale(locale) is None:
        abort(400, _("“locale” must be one of %(choices)s.", choices=join_list(_locales(), "or")))
    with force_locale(parse_locale(locale) or current_locale()):
        previous = body.get("previous")
        if previous is not None and not isinstance(previous, str):
            abort(400, _("“previous” must be a string (the seller's previous message) or left out."))
        marketplace = _marketplace(body.get("marketplace"))
        _check_length(body["text"])
        _check_length(previous or "", previous=True)
        arrived = _arrival(body.get("arrived"))
        result = triage(body["text"], marketplace, previous=previous, arrived=arrived)
        return jsonify(presented(result, marketplace, body["text"]))


def _locales() -> list[str]:
    from .i18n import available_locales
    return list(available_locales())
