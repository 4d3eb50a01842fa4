"""The marketplace's own words on every page: `market` in every template is the facts of the
marketplace the page is for (policy/<marketplace>/marketplace.toml), so no page names one.

    {{ market.name }}                       the display name
    {{ market.wording.seller_tool }}        where the seller pastes the message
    {{ market.reply_clock.note }}           one line about the reply clock
"""
from __future__ import annotations

from flask import Flask, current_app

from policy.marketplace import load_marketplace


def page_marketplace():
    """The facts of the marketplace the pages show (the app's MARKETPLACE setting)."""
    return load_marketplace(current_app.config["MARKETPLACE"])


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"market": page_marketplace()})
