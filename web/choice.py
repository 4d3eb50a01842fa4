"""Which marketplace a request is for: `?marketplace=`, else the browser's remembered choice, else
the app's MARKETPLACE default. Every page, the API defaults and the marketplace control read it here.

The choice is a preference, not state: a GET (the control's form, a link) with `?marketplace=`
is remembered in a cookie (SameSite=Lax), the same way the interface locale is
(`remember_query_choice`, shared with web.i18n). An unknown `?marketplace=` is a 400 on every
page and API call, before the view runs.
"""
from __future__ import annotations

import re
from typing import Callable

from flask import Flask, abort, current_app, g, request, url_for
from flask_babel import gettext as _

from policy.marketplace import load_marketplace, marketplace_ids

ARG = COOKIE = "marketplace"
COOKIE_MAX_AGE = 365 * 24 * 3600
_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def parse_marketplace(raw) -> str | None:
    """`raw` when it is an installed marketplace's id, else None."""
    if not isinstance(raw, str) or not _ID.match(raw.strip().lower()):
        return None
    raw = raw.strip().lower()
    return raw if raw in marketplace_ids() else None


def chosen_marketplace() -> str:
    """The request's marketplace id (an invalid `?marketplace=` was refused by `_refuse_unknown`;
    an error page showing that refusal falls back to the cookie or the default)."""
    if "chosen_marketplace" not in g:
        g.chosen_marketplace = (parse_marketplace(request.args.get(ARG))
                                or parse_marketplace(request.cookies.get(COOKIE))
                                or current_app.config["MARKETPLACE"])
    return g.chosen_marketplace


def marketplace_choices() -> list[dict]:
    """The control's options: each marketplace's id and display name, by name."""
    found = [{"id": m, "name": load_marketplace(m).name} for m in marketplace_ids()]
    return sorted(found, key=lambda c: c["name"].casefold())


def choice_action() -> str:
    """Where the control's GET form goes: this page when it answers a GET, else the library."""
    rule = request.url_rule
    if rule is None or request.endpoint == "static" or "GET" not in (rule.methods or ()):
        return url_for("pages.library")
    return request.path


def _refuse_unknown():
    raw = request.args.get(ARG)
    if raw is not None and parse_marketplace(raw) is None:
        abort(400, _("There is no marketplace “%(marketplace)s”. Choose one of: %(choices)s.",
                     marketplace=raw[:40], choices=", ".join(marketplace_ids())))


def remember_query_choice(app: Flask, arg: str, cookie: str, parse: Callable[[object], str | None],
                          max_age: int = COOKIE_MAX_AGE) -> None:
    """After each response, remember a valid `?<arg>=` in the browser (a preference: SameSite=Lax)."""
    def remember(response):
        chosen = parse(request.args.get(arg))
        if chosen and request.cookies.get(cookie) != chosen:
            response.set_cookie(cookie, chosen, max_age=max_age, samesite="Lax",
                                httponly=True, secure=request.is_secure)
        return response
    app.after_request(remember)


def init_app(app: Flask) -> None:
    app.before_request(_refuse_unknown)
    remember_query_choice(app, ARG, COOKIE, parse_marketplace)
    app.jinja_env.globals.update(marketplace_choices=marketplace_choices, choice_action=choice_action,
                                 chosen_marketplace=chosen_marketplace)
