"""The composer's application factory (`flask --app app run`, or gunicorn 'app:create_app()')."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

# JSON and form bodies above this are refused with 413 before they are read.
MAX_CONTENT_LENGTH = 64 * 1024
# Longest message text /api/check accepts (marketplaces' own limits are near 2000; pasted HTML
# runs longer).
MAX_TEXT_CHARS = 20_000


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config (instance folder, environment, test overrides), security, blueprints."""
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY") or _development_secret(app.instance_path),
        DATABASE=os.environ.get("DATABASE") or os.path.join(app.instance_path, "history.sqlite3"),
        # The seller's own words for the spelling check (web/dictionary.py), one per line.
        SELLER_DICTIONARY=os.environ.get("SELLER_DICTIONARY") or os.path.join(app.instance_path, "dictionary.txt"),
        MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH,
        MAX_TEXT_CHARS=MAX_TEXT_CHARS,
        # The default marketplace: the MARKETPLACE environment variable, else policy data.
        MARKETPLACE=_default_marketplace(),
        # A seller may keep a message open for hours: the CSRF token lives as long as the
        # browser session instead of expiring after an hour and refusing the review record.
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)

    import policy
    from web import api, bodies, choice, dictionary, errors, forms, history, i18n, pages, security, triage, wording

    # Load and compile every marketplace's policy now: a malformed facts, rule or template file
    # stops the app here, naming the file, rule and problem (an unknown MARKETPLACE too), and
    # the first check a seller runs is not slowed down.
    from policy import spelling
    from policy.localize import available_locales, locale_pack
    from policy.marketplace import marketplace_folder, marketplace_ids
    marketplace_folder(app.config["MARKETPLACE"])
    for marketplace in marketplace_ids():
        loaded = policy.load_policy(marketplace)
        policy.check("Hello", marketplace=marketplace)
        for template in loaded.templates.values():
            forms.form_class(template)  # a field name the form cannot take fails here, not per request
        for locale in available_locales():
            locale_pack(marketplace, locale)  # each rule's prose in each locale, validated now
    spelling.load_every_language()  # the first misspelt word of a language waits for nothing

    bodies.init_app(app)  # first: the CSRF check reads the form, which must not be a cut body
    security.init_app(app)
    i18n.init_app(app)  # the interface locale (compiles translations/*.po when stale)
    choice.init_app(app)  # the request's marketplace (?marketplace=, remembered in a cookie)
    wording.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(triage.bp)
    app.register_blueprint(history.bp)
    app.register_blueprint(dictionary.bp)
    return app


def _default_marketplace() -> str:
    from policy.marketplace import default_marketplace
    return default_marketplace()


def _development_secret(instance_path: str) -> str:
    """A random key kept in the instance folder, so restarts and several workers agree on it.

    Production sets SECRET_KEY in the environment instead.
    """
    path = Path(instance_path) / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if key:
            return key
        raise RuntimeError(f"{path} is empty: delete it or set SECRET_KEY") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
