"""The command line's own words (summary lines, labels) in the seller's locale.

They come from the pages' gettext catalog, translations/<locale>/LC_MESSAGES/messages.po
(babel.cfg extracts policy/cli_*.py), read here without Flask: the .po is compiled in memory,
so the CLI needs no compiled .mo and no running app. English is the msgids themselves.
"""
from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LOCALE = "en"


@lru_cache(maxsize=None)
def translations(locale: str) -> gettext.NullTranslations:
    path = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
    if locale == SOURCE_LOCALE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


class Words:
    """gettext, ngettext and list joining for one locale (the catalog's %(name)s style)."""

    def __init__(self, locale: str = SOURCE_LOCALE):
        self.locale = locale
        self._t = translations(locale)

    def _(self, text: str, /, **values) -> str:
        said = self._t.gettext(text)
        return said % values if values else said

    def ngettext(self, singular: str, plural: str, num: int, /, **values) -> str:
        return self._t.ngettext(singular, plural, num) % {"num": num, **values}

    def join(self, items) -> str:
        """Items the locale's way: "a, b, and c", "a、b和c"."""
        items = [str(i) for i in items]
        return format_list(items, locale=self.locale) if items else ""
