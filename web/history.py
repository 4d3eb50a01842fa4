"""Review-request history: one request per marketplace and order, in a local SQLite database.

A marketplace that allows review requests allows one per order. Copying a review request in
the composer records the marketplace, the order ID, the template id and the date here
(nothing else: no message text, no buyer names), and the check reads it back to block a
second request for the same order. Order IDs are checked against the marketplace's own
format (its marketplace.toml). The database lives at app.config["DATABASE"] and is created
and migrated when the app starts.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3

from flask import (Blueprint, Response, abort, current_app, flash, g, jsonify, redirect,
                   render_template, request, url_for)
from flask_babel import gettext as _, ngettext

import policy
from policy.marketplace import marketplace_ids

from . import checking
from .bodies import json_object
from .choice import chosen_marketplace
from .i18n import join_list
from .migrations import connect, migrate
from .wording import wording

bp = Blueprint("history", __name__)

_MARKETPLACE_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@bp.record_once
def _create_database(state) -> None:
    """Create or migrate the database when the app is built, not on the first request."""
    migrate(state.app.config["DATABASE"])


def _db() -> sqlite3.Connection:
    if "history_db" not in g:
        g.history_db = connect(current_app.config["DATABASE"])
    return g.history_db


@bp.teardown_app_request
def _close(exc) -> None:
    conn = g.pop("history_db", None)
    if conn is not None:
        conn.close()


def _facts(marketplace: str):
    return policy.load_policy(marketplace).facts


def _valid_order_id(value, marketplace: str) -> str | None:
    """The trimmed order ID if it has the marketplace's format, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    # ASCII only: a format's \d would also take other scripts' digits ("１１２-...").
    return value if value.isascii() and _facts(marketplace).order_id.matches(value) else None


def _order_id_problem(marketplace: str) -> str:
    fmt = _facts(marketplace).order_id
    return f"Enter the order ID as {fmt.description}, for example {fmt.example}."


def _marketplace(value) -> str:
    """A marketplace id from a request (default: the app's), 400 when there is no such one."""
    if value in (None, ""):
        return chosen_marketplace()
    if not isinstance(value, str) or not _MARKETPLACE_ID.match(value):
        abort(400, "“marketplace” must be a marketplace id.")
    try:
        policy.load_policy(value)
    except policy.PolicyError:
        abort(400, f"Unknown marketplace “{value}”.")
    return value


# --------------------------------------------------------------------------- queries

def previous_request_on(order_id: str, marketplace: str | None = None) -> str | None:
    """ISO date of an earlier review request for `order_id` on `marketplace` (default: the
    app's), or None (reads app.config["DATABASE"])."""
    marketplace = marketplace or current_app.config["MARKETPLACE"]
    order_id = _valid_order_id(order_id, marketplace)
    if order_id is None:
        return None
    row = _db().execute("SELECT requested_on FROM review_request WHERE marketplace = ? AND order_id = ?",
                        (marketplace, order_id)).fetchone()
    return row["requested_on"] if row else None


def record_request(order_id: str, template: str, today: dt.date | None = None,
                   marketplace: str | None = None) -> tuple[bool, str]:
    """Record a request; (True, date) if recorded now, (False, first date) if the order already has one.

    INSERT ... ON CONFLICT DO NOTHING on the UNIQUE (marketplace, order_id) makes this atomic:
    of two tabs copying at the same moment, exactly one records.
    """
    marketplace = marketplace or current_app.config["MARKETPLACE"]
    requested_on = (today or dt.date.today()).isoformat()
    conn = _db()
    cursor = conn.execute(
        "INSERT INTO review_request (marketplace, order_id, template, requested_on) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (marketplace, order_id) DO NOTHING", (marketplace, order_id, template, requested_on))
    if cursor.rowcount == 1:
        return True, requested_on
    row = conn.execute("SELECT requested_on FROM review_request WHERE marketplace = ? AND order_id = ?",
                       (marketplace, order_id)).fetchone()
    return False, row["requested_on"]


def all_requests(marketplace: str | None = None) -> list[sqlite3.Row]:
    """Every record, newest first; only `marketplace`'s when one is given."""
    where, params = ("WHERE marketplace = ? ", (marketplace,)) if marketplace else ("", ())
    return _db().execute("SELECT marketplace, order_id, template, requested_on FROM review_request "
                         f"{where}ORDER BY requested_on DESC, id DESC", params).fetchall()


# ?only=<marketplace> filters the page and its CSV (not ?marketplace=, which chooses the
# marketplace every page works for, and is remembered).
FILTER_ARG = "only"


def _shown_marketplace() -> str | None:
    """The marketplace the page and the export are filtered to, None for all; 400 if unknown."""
    value = request.args.get(FILTER_ARG, "")
    if value == "":
        return None
    if value not in _filter_choices():
        abort(400, _("There is no marketplace “%(marketplace)s” to show. Choose one of: %(choices)s.",
                     marketplace=value[:40], choices=join_list(_filter_choices(), "or")))
    return value


def _filter_choices() -> list[str]:
    """Every installed marketplace, and any other one that still has records."""
    return sorted(set(marketplace_ids()) | set(_stored_marketplaces()))


def _stored_marketplaces() -> list[str]:
    return [r[0] for r in _db().execute("SELECT DISTINCT marketplace FROM review_request")]


def _marketplace_name(marketplace: str) -> str:
    try:
        return wording("marketplace", marketplace)
    except policy.PolicyError:  # a marketplace no longer installed: its id
        return marketplace


# --------------------------------------------------------------------------- views

def _review_templates(marketplace: str) -> dict:
    templates = policy.load_policy(marketplace).templates
    return {tid: t for tid, t in templates.items() if t.kind == "review_request"}


@bp.post("/history/record")
def record():
    """JSON {"order_id", "template", "text"?} -> 201 recorded, 409 already requested, 400 bad input.

    A review-request template is recorded as such; any other template is recorded when its
    text (judged here, never stored) asks for a review: the one-per-order rule applies to a
    review request wherever it is written.
    """
    body = json_object('{"order_id": "...", "template": "...", "text": "...", "marketplace": "..."}')
    marketplace_id = _marketplace(body.get("marketplace"))
    order_id = _valid_order_id(body.get("order_id"), marketplace_id)
    if order_id is None:
        abort(400, _order_id_problem(marketplace_id))
    template = body.get("template")
    text = body.get("text", "")
    marketplace = policy.load_policy(marketplace_id)
    if not isinstance(text, str):
        abort(400, "“text” must be a string.")
    if not isinstance(template, str) or template not in marketplace.templates or (
            template not in _review_templates(marketplace_id)
            and not checking.asks_for_review(text, marketplace, template)):
        abort(400, "Only review requests are recorded: “template” must be the id of a review-request "
                   "template, or “text” must ask for a review.")
    recorded, requested_on = record_request(order_id, template, marketplace=marketplace_id)
    if recorded:
        return jsonify({"recorded": True, "requested_on": requested_on}), 201
    return jsonify({"error": f"A review request for order {order_id} was already sent on {requested_on}. "
                             f"{marketplace.facts.name} allows one request per order.",
                    "first_requested_on": requested_on}), 409


@bp.get("/history")
def page():
    shown = _shown_marketplace()
    rows = []
    for r in all_requests(shown):
        try:
            loaded = policy.load_policy(r["marketplace"])
            name, templates = wording("marketplace", r["marketplace"]), loaded.templates
        except policy.PolicyError:  # a marketplace no longer installed: show its id
            name, templates = r["marketplace"], {}
        rows.append({"marketplace": r["marketplace"], "marketplace_name": name,
                     "order_id": r["order_id"], "template": r["template"],
                     "template_title": templates[r["template"]].title if r["template"] in templates
                     else r["template"], "requested_on": r["requested_on"]})
    # The select offers the marketplaces that have records (and the one shown, if it has none).
    listed = sorted(set(_stored_marketplaces()) | ({shown} if shown else set()))
    choices = [{"id": m, "name": _marketplace_name(m)} for m in listed]
    return render_template("history.html", rows=rows, confirm=None, shown=shown, choices=choices,
                           shown_name=_marketplace_name(shown) if shown else None)


@bp.get("/history.csv")
def export_csv():
    """The records as CSV, the marketplace of each first; ?only= as on the page."""
    shown = _shown_marketplace()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["marketplace", "order_id", "template", "requested_on"])
    for row in all_requests(shown):
        writer.writerow([row["marketplace"], row["order_id"], row["template"], row["requested_on"]])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition":
                             f'attachment; filename="review-requests{"-" + shown if shown else ""}.csv"'})


@bp.post("/history/delete")
def delete_one():
    """Delete one record: the first POST asks for confirmation, the second (confirm=yes) deletes."""
    marketplace = _marketplace(request.form.get("marketplace"))
    order_id = _valid_order_id(request.form.get("order_id"), marketplace)
    if order_id is None:
        abort(400, _order_id_problem(marketplace))
    if request.form.get("confirm") != "yes":
        return render_template("history.html", rows=[],
                               confirm={"order_id": order_id, "marketplace": marketplace,
                                        "marketplace_name": _facts(marketplace).name})
    deleted = _db().execute("DELETE FROM review_request WHERE marketplace = ? AND order_id = ?",
                            (marketplace, order_id)).rowcount
    if deleted:
        flash(_("Deleted the record for order %(order_id)s. A new review request for it can be sent.",
                order_id=order_id))
    else:
        flash(_("There was no record for order %(order_id)s.", order_id=order_id))
    return redirect(url_for("history.page"), code=303)


@bp.post("/history/clear")
def delete_all():
    """Delete every record, after a confirmation step."""
    if request.form.get("confirm") != "yes":
        return render_template("history.html", rows=[], confirm={"all": True, "count": len(all_requests())})
    deleted = _db().execute("DELETE FROM review_request").rowcount
    flash(ngettext("Deleted %(num)d record.", "Deleted all %(num)d records.", deleted))
    return redirect(url_for("history.page"), code=303)
