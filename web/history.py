"""Review-request history: one request per order, kept in a local SQLite database.

Amazon allows one review request per order. Copying a review request in the
composer records the order ID, the template id and the date here (nothing
else: no message text, no buyer names), and the check API reads it back to
block a second request for the same order. The database lives at
app.config["DATABASE"] and is created and migrated when the app starts.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3

from flask import (Blueprint, Response, abort, current_app, flash, g, jsonify, redirect,
                   render_template, request, url_for)

import policy

from .bodies import json_object
from .migrations import connect, migrate

bp = Blueprint("history", __name__)

ORDER_ID = re.compile(r"^[0-9]{3}-[0-9]{7}-[0-9]{7}$")
ORDER_ID_EXAMPLE = "112-1234567-1234567"


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


def _valid_order_id(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if ORDER_ID.match(value) else None


# --------------------------------------------------------------------------- queries

def previous_request_on(order_id: str) -> str | None:
    """ISO date of an earlier review request for `order_id`, or None (reads app.config["DATABASE"])."""
    order_id = _valid_order_id(order_id)
    if order_id is None:
        return None
    row = _db().execute("SELECT requested_on FROM review_request WHERE order_id = ?",
                        (order_id,)).fetchone()
    return row["requested_on"] if row else None


def record_request(order_id: str, template: str, today: dt.date | None = None) -> tuple[bool, str]:
    """Record a request; (True, date) if recorded now, (False, first date) if the order already has one.

    INSERT ... ON CONFLICT DO NOTHING on the UNIQUE order_id makes this atomic:
    of two tabs copying at the same moment, exactly one records.
    """
    requested_on = (today or dt.date.today()).isoformat()
    conn = _db()
    cursor = conn.execute(
        "INSERT INTO review_request (order_id, template, requested_on) VALUES (?, ?, ?) "
        "ON CONFLICT (order_id) DO NOTHING", (order_id, template, requested_on))
    if cursor.rowcount == 1:
        return True, requested_on
    row = conn.execute("SELECT requested_on FROM review_request WHERE order_id = ?", (order_id,)).fetchone()
    return False, row["requested_on"]


def all_requests() -> list[sqlite3.Row]:
    return _db().execute("SELECT order_id, template, requested_on FROM review_request "
                         "ORDER BY requested_on DESC, id DESC").fetchall()


# --------------------------------------------------------------------------- views

def _review_templates() -> dict:
    templates = policy.load_policy(current_app.config["MARKETPLACE"]).templates
    return {tid: t for tid, t in templates.items() if t.kind == "review_request"}


@bp.post("/history/record")
def record():
    """JSON {"order_id", "template"} -> 201 recorded, 409 already requested, 400 bad input."""
    body = json_object('{"order_id": "...", "template": "..."}')
    order_id = _valid_order_id(body.get("order_id"))
    if order_id is None:
        abort(400, f"Enter the Amazon order ID as 3-7-7 digits, for example {ORDER_ID_EXAMPLE}.")
    template = body.get("template")
    if not isinstance(template, str) or template not in _review_templates():
        abort(400, "Only review requests are recorded: “template” must be the id of a review-request template.")
    recorded, requested_on = record_request(order_id, template)
    if recorded:
        return jsonify({"recorded": True, "requested_on": requested_on}), 201
    return jsonify({"error": f"A review request for order {order_id} was already sent on {requested_on}. "
                             "Amazon allows one request per order.",
                    "first_requested_on": requested_on}), 409


@bp.get("/history")
def page():
    templates = _review_templates()
    rows = [{"order_id": r["order_id"], "template": r["template"],
             "template_title": templates[r["template"]].title if r["template"] in templates else r["template"],
             "requested_on": r["requested_on"]} for r in all_requests()]
    return render_template("history.html", rows=rows, confirm=None)


@bp.get("/history.csv")
def export_csv():
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["order_id", "template", "requested_on"])
    for row in all_requests():
        writer.writerow([row["order_id"], row["template"], row["requested_on"]])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="review-requests.csv"'})


@bp.post("/history/delete")
def delete_one():
    """Delete one record: the first POST asks for confirmation, the second (confirm=yes) deletes."""
    order_id = _valid_order_id(request.form.get("order_id"))
    if order_id is None:
        abort(400, f"Enter the Amazon order ID as 3-7-7 digits, for example {ORDER_ID_EXAMPLE}.")
    if request.form.get("confirm") != "yes":
        return render_template("history.html", rows=[], confirm={"order_id": order_id})
    deleted = _db().execute("DELETE FROM review_request WHERE order_id = ?", (order_id,)).rowcount
    if deleted:
        flash(f"Deleted the record for order {order_id}. A new review request for it can be sent.")
    else:
        flash(f"There was no record for order {order_id}.")
    return redirect(url_for("history.page"), code=303)


@bp.post("/history/clear")
def delete_all():
    """Delete every record, after a confirmation step."""
    if request.form.get("confirm") != "yes":
        return render_template("history.html", rows=[], confirm={"all": True, "count": len(all_requests())})
    deleted = _db().execute("DELETE FROM review_request").rowcount
    flash(f"Deleted all {deleted} record{'s' if deleted != 1 else ''}.")
    return redirect(url_for("history.page"), code=303)
