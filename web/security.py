"""Browser-facing protections: CSRF on every state change, strict headers, logs without buyer data."""
from __future__ import annotations

import logging
import re

from flask import Flask
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# A request line's query string ("GET /compose/x?order_id=112-...&buyer_name=... HTTP/1.1"):
# the template prefill puts buyer data there, so access logs keep only the path. The dev
# server logs the DECODED URL, so the query may hold quotes, spaces, anything: everything from
# the first "?" to the protocol version (or to the end) goes, whatever it contains.
_QUERY = re.compile(r"\?(?:.*(?= HTTP/[0-9])|.*)", re.DOTALL)


class RedactQueryStrings(logging.Filter):
    """Drop query strings from log records (werkzeug's and gunicorn's access logs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact(a) for a in record.args)
        elif isinstance(record.args, dict):  # gunicorn's access log passes its atoms as a dict
            record.args = {k: "[redacted]" if k == "q" else _redact(v) for k, v in record.args.items()}
        return True


def _redact(value):
    return _QUERY.sub("?[redacted]", value) if isinstance(value, str) else value


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    app.after_request(_add_security_headers)
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactQueryStrings) for f in logger.filters):
            logger.addFilter(RedactQueryStrings())


def _add_security_headers(response):
    for header, value in SECURITY_HEADERS.items():
        response.headers.setdefault(header, value)
    # API answers describe one message: never cache them. Pages stay cacheable so the
    # browser's Back button restores what the seller typed.
    if response.mimetype == "application/json":
        response.headers.setdefault("Cache-Control", "no-store")
    return response
