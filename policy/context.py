"""The context keys a check may be given, declared once (DESIGN.md "Context for a check").

Rules that need one (review window, repeat request, order ID) read it from here by
name; the API, the CLI and the rules loader check a context against this table.
"""
from __future__ import annotations

import datetime

# key -> (type, what it is)
CONTEXT_KEYS: dict[str, tuple[str, str]] = {
    "order_id": ("text", "the order the message is about, in the marketplace's order-ID format"),
    "delivered_on": ("date", "the (earliest) delivery date"),
    "delivered_latest": ("date", "the latest delivery date, when a delivery window was given"),
    "today": ("date", "the date the message is sent (default: the server's date)"),
    "previous_request_on": ("date", "when a review request was already sent for this order"),
}
# The latest date a context may give: windows counted from it stay inside the calendar.
LATEST_DATE = datetime.date(9998, 12, 31)
DATE_KEYS = frozenset(k for k, (kind, _) in CONTEXT_KEYS.items() if kind == "date")


def context_problem(key: str, value: object) -> str | None:
    """Why `value` is not acceptable for context `key`, or None (None and "" are acceptable:
    the key is then simply absent)."""
    if key not in CONTEXT_KEYS:
        return f"Unknown context key {key!r} (expected {', '.join(CONTEXT_KEYS)})"
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return f"{key} must be a string"
    if key in DATE_KEYS:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return f"{key} must be an ISO date (YYYY-MM-DD), not {value[:40]!r}"
        if day > LATEST_DATE:
            # a review window counted from it would run past the calendar's end (9999-12-31)
            return f"{key} must be a date up to {LATEST_DATE.isoformat()}, not {value[:40]!r}"
    return None
