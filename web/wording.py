"""The marketplace's names in the interface locale ("Seller Central" is 卖家后台 in zh), for
pages and messages that name the marketplace without naming it in code."""
from __future__ import annotations

from flask import current_app

from policy.localize import locale_pack

from .i18n import current_locale


def wording(key: str, marketplace: str | None = None) -> str:
    pack = locale_pack(marketplace or current_app.config["MARKETPLACE"], current_locale())
    return pack.wording.get(key, pack.wording.get("marketplace", key) if key == "marketplace" else key)


def init_app(app) -> None:
    app.jinja_env.globals["wording"] = wording
