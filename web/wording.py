"""The marketplace's own words on every page, so no page or script names one.

`market` in every template is the facts of the marketplace the page is for
(policy/<marketplace>/marketplace.toml); `wording(key)` is one of its names in the interface
locale (messages.<locale>.toml [wording] beside the marketplace's rules).

    {{ market.name }}                       the display name
    {{ market.wording.seller_tool }}        where the seller pastes the message
    {{ market.reply_clock.note }}           one line about the reply clock
    {{ wording("seller_tool") }}            the same, in the interface locale
"""
from __future__ import annotations

from flask import Flask

from policy.localize import locale_pack
from policy.marketplace import load_marketplace

from .choice import chosen_marketplace
from .i18n import current_locale


def page_marketplace():
    """The facts of the marketplace the page is for (web.choice: query, cookie, app default)."""
    return load_marketplace(chosen_marketplace())


def wording(key: str, marketplace: str | None = None) -> str:
    """A marketplace name ("marketplace", "seller_tool", ...) in the interface locale."""
    pack = locale_pack(marketplace or chosen_marketplace(), current_locale())
    return pack.wording.get(key, key)


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"market": page_marketplace()})
    app.jinja_env.globals["wording"] = wording
