"""Request bodies: the size limit holds for chunked bodies too, and JSON never breaks the app.

Werkzeug enforces MAX_CONTENT_LENGTH from the Content-Length header; a chunked body has
none, and Werkzeug then reads up to the limit and silently stops, so the app would see a
truncated body ("must be JSON") instead of answering 413. Python's json module raises
RecursionError, not ValueError, on deeply nested input ("[[[[..."); every JSON endpoint
parses through `json_object` so that is a 400 with a message, never a 500.
"""
from __future__ import annotations

import json

from flask import Flask, abort, current_app, request


def read_body() -> bytes:
    """The whole request body (cached for form parsing); 413 past MAX_CONTENT_LENGTH."""
    raw = request.get_data(cache=True)  # raises 413 itself when Content-Length is too large
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit is not None and request.content_length is None and len(raw) >= limit:
        # A body without Content-Length (chunked) was cut at the limit: it was at least that long.
        abort(413, f"The request body is over the {limit // 1024} KB limit. Shorten the message and try again.")
    return raw


def json_object(example: str = '{"text": "..."}') -> dict:
    """The request body as a JSON object; 400 naming the expected shape otherwise."""
    raw = read_body()
    try:
        body = json.loads(raw)
    except RecursionError:
        abort(400, f"The request body is nested too deeply to be read: send a flat JSON object, e.g. {example}.")
    except (UnicodeDecodeError, ValueError):
        abort(400, f"The request body must be JSON, e.g. {example}.")
    if not isinstance(body, dict):
        abort(400, f"The request body must be a JSON object, e.g. {example}.")
    return body


def _limit_chunked_bodies() -> None:
    """Form posts and JSON alike: a chunked body over the limit is 413 before a view reads it."""
    if request.content_length is None and "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        read_body()


def init_app(app: Flask) -> None:
    app.before_request(_limit_chunked_bodies)
