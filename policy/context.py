"""The context keys a check may be given, declared once (DESIGN.md "Context for a check").

Rules that need one (review window, repeat request, order ID) read it from here by
name; the API, the CLI and the rules loader check a context against this table.
"""
from __future__ import annotations

from .dates import date_problem

# key -> (type, what it is)
CONTEXT_KEYS: dict[str, tuple[str, str]] = {
    "order_id": ("text", "the order the message is about, in the marketplace's order-ID format"),
    "delivered_on": ("date", "the (earliest) delivery date"),
    "delivered_latest": ("date", "the latest delivery date, when a delivery window was given"),
    "today": ("date", "the date the message is sent (default: the server's date)"),
    "previous_request_on": ("date", "when a review request was already sent for this order"),
    "known_words": ("text", "words the spelling check takes as right (the order's product and "
                            "people's names, the seller's own list), separated by spaces or line breaks"),
}
# The latest date a context may give (windows counted from it stay inside the calendar)
# is policy.dates.LATEST_DATE; date_problem checks it.
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
        return date_problem(value, key)  # a real date, early enough for the review window
    return None
