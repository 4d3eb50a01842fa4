"""Review-request history: one request per order, kept in a local SQLite database."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("history", __name__)


def previous_request_on(order_id: str) -> str | None:
    """ISO date of an earlier review request for `order_id`, or None."""
    return None
