"""Error pages: JSON for API callers, a plain HTML page for people."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

MESSAGES = {
    400: _l("The request could not be understood."),
    404: _l("There is no page at this address."),
    405: _l("This address does not accept that kind of request."),
    413: _l("The request is too large. Shorten the message and try again."),
    500: _l("Something went wrong on our side. Your text was not sent anywhere; try again."),
}


TITLES = {400: _l("Request not understood"), 404: _l("Page not found"), 405: _l("Not allowed here"),
          413: _l("Too large"), 500: _l("Something went wrong")}


def wants_json() -> bool:
    """API paths and JSON callers (the composer's fetch calls) get JSON errors."""
    if request.path.startswith("/api/") or request.is_json:
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and not request.accept_mimetypes.accept_html


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InternalServerError, _http_error)
    # Python's json module (and any parser of nested input) gives up on "[[[[..." with
    # RecursionError: the input is at fault, so it is a 400, whichever view parsed it.
    app.register_error_handler(RecursionError, _too_deep)


def _csrf_error(error: CSRFError):
    message = _l("The form's security token is missing or expired. "
                 "Reload the page and try again; your text is still in the page you came from.")
    return _respond(400, message, title=_l("The form has expired"))


def _too_deep(error: RecursionError):
    return _respond(400, _l("The request is nested too deeply to be read: send a flat JSON object."),
                    title=TITLES[400])


def _http_error(error: HTTPException):
    code = error.code or 500
    description = getattr(error, "description", None)
    # Werkzeug's generic descriptions are long-winded; ours are short. Views that abort with
    # their own message (abort(400, "...")) keep it.
    default = type(error).description if hasattr(type(error), "description") else None
    message = description if description and description != default else MESSAGES.get(code, error.name)
    return _respond(code, message, title=TITLES.get(code, error.name))


def _respond(code: int, message: str, title: str | None = None):
    message, title = str(message), str(title or _l("Error"))
    if wants_json():
        return jsonify({"error": message}), code
    return render_template("error.html", code=code, title=title, message=message), code
