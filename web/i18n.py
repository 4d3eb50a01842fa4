"""The interface locale: Flask-Babel, the catalogs in translations/, and how a locale is chosen.

A locale is a folder translations/<locale>/LC_MESSAGES/ holding messages.po (English, the
source language, needs none): a third locale is a new catalog, not new code. The .po files are
the only ones kept in git; each is compiled to its .mo here, at start, when the .mo is missing
or older (bin/run and bin/test start the app, so nothing is compiled by hand).

The locale is `?locale=` (remembered in a cookie), else the cookie, else the browser's
Accept-Language, else English. It changes what the seller reads, never what is checked.
"""
from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, request, url_for
from flask_babel import Babel, format_date, format_datetime, get_locale, gettext
from werkzeug.routing import BuildError

from .choice import remember_query_choice

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LOCALE = "en"
COOKIE = "locale"
COOKIE_MAX_AGE = 365 * 24 * 3600


def catalog_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def available_locales() -> tuple[str, ...]:
    """English first, then every locale that has a catalog, in folder order."""
    found = sorted(p.parent.parent.name for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    return (SOURCE_LOCALE, *[loc for loc in found if loc != SOURCE_LOCALE])


def compile_catalogs() -> None:
    """Compile each messages.po to messages.mo when the .mo is missing or older than the .po."""
    for locale in available_locales()[1:]:
        po = catalog_path(locale)
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog)
        tmp.replace(mo)  # atomic: several workers may start at once


def parse_locale(raw) -> str | None:
    """`raw` when it names an available locale (case and region tolerated: zh-CN -> zh)."""
    if not isinstance(raw, str):
        return None
    tag = raw.strip().replace("_", "-").lower()
    locales = available_locales()
    if tag in locales:
        return tag
    primary = tag.split("-", 1)[0]
    return primary if primary in locales else None


def select_locale() -> str:
    chosen = parse_locale(request.args.get("locale")) or parse_locale(request.cookies.get(COOKIE))
    if chosen:
        return chosen
    return request.accept_languages.best_match(available_locales()) or SOURCE_LOCALE


def current_locale() -> str:
    """The request's locale as a plain tag ("en", "zh")."""
    return str(get_locale() or SOURCE_LOCALE).split("_")[0]


def _full(code: str) -> Locale:
    """The locale with its likely script: zh is Simplified Chinese (zh_Hans)."""
    likely = get_global("likely_subtags").get(code, code)
    parts = likely.split("_")
    script = next((p for p in parts[1:] if len(p) == 4), None)
    try:  # only locales whose script matters (zh_Hans, sr_Latn) exist with one
        return Locale(parts[0], script=script)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(code)


def locale_choices() -> list[dict]:
    """The locale control: each locale named in its own language ("English", "中文 (简体)")."""
    return [{"code": code, "name": _full(code).display_name, "lang": bcp47(code)}
            for code in available_locales()]


def bcp47(code: str) -> str:
    """A locale as a BCP 47 tag for lang attributes: zh -> zh-Hans, en -> en."""
    locale = _full(code)
    return f"{locale.language}-{locale.script}" if locale.script else locale.language


def html_lang() -> str:
    return bcp47(current_locale())


# The query arguments a locale link keeps (what the page shows, never what the seller typed).
KEPT_ARGS = ("marketplace", "language")


def locale_url(code: str) -> str:
    """This page in another locale (an error page, whose endpoint is unknown: the library)."""
    args = {k: v for k, v in request.args.items() if k in KEPT_ARGS}
    if request.endpoint is None or request.endpoint == "static":
        return url_for("pages.library", locale=code)
    try:
        return url_for(request.endpoint, **(request.view_args or {}), **args, locale=code)
    except BuildError:  # an endpoint that needs what only a POST had
        return url_for("pages.library", locale=code)


def local_date(value):
    """An ISO date (or date-time) in the locale's format: "Nov 2, 2026", "2026年11月2日"."""
    import datetime as dt
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return value
    return format_date(day, "medium")


def join_list(items, style: str = "standard") -> str:
    """Items joined the locale's way (CLDR, through Babel): "a, b, and c", "a、b和c"."""
    items = [str(i) for i in items]
    return format_list(items, style=style, locale=str(get_locale() or SOURCE_LOCALE)) if items else ""


def local_datetime(value, format: str = "medium") -> str:
    """A date and time in the locale's format ("Nov 20, 2026, 2:30 PM", "2026年11月20日 14:30")."""
    return format_datetime(value, format, rebase=False)


def translate_data(text):
    """The catalog's translation of a policy text (extracted by web.extract), else the text."""
    return gettext(text) if isinstance(text, str) and text else text


def init_app(app: Flask) -> None:
    compile_catalogs()
    app.config.setdefault("BABEL_DEFAULT_LOCALE", SOURCE_LOCALE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=select_locale)
    remember_query_choice(app, "locale", COOKIE, parse_locale, COOKIE_MAX_AGE)
    app.jinja_env.globals.update(locale_choices=locale_choices, html_lang=html_lang, locale_url=locale_url,
                                 current_locale=current_locale)
    # Policy data (a template's title, a field's help) in the locale: a plain string, escaped
    # like any other value (Jinja's _() would mark it safe).
    app.jinja_env.filters["tr"] = translate_data
    app.jinja_env.filters["local_date"] = local_date
    app.jinja_env.filters["join_list"] = join_list
