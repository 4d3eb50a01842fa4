"""Dates a check context may carry: real calendar dates the review window can be computed from.

A review window adds weeks (the number is marketplace data) to a delivery date; Python's
date type ends at 9999-12-31, so a date in the last year is refused here, naming the
field, instead of overflowing later. The API, the composer's form and the CLI all ask this one function.
"""
from __future__ import annotations

import datetime as dt
import re

# The latest date from which any window counted in days stays inside the calendar.
LATEST_DATE = dt.date(9998, 12, 31)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def date_problem(value: str, label: str) -> str | None:
    """Why `value` is not a usable ISO date (YYYY-MM-DD) for `label`, or None."""
    try:
        day = dt.date.fromisoformat(value.strip()) if _ISO_DATE.match(value.strip()) else None
    except ValueError:
        day = None
    if day is None:
        return f"{label} is not an ISO date (YYYY-MM-DD, e.g. 2026-11-02): “{value[:40]}”."
    if day > LATEST_DATE:
        return f"{label} is too far in the future: {day.isoformat()} (the latest accepted is {LATEST_DATE.isoformat()})."
    return None
