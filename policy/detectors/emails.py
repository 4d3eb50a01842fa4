"""Email addresses, plain or disguised ("jane (at) shop dot com", "jane[at]shop[.]com",
"ｊａｎｅ＠ｓｈｏｐ．ｃｏｍ", "j a n e @ g m a i l . c o m", a zero-width space by the @).

"@handle" has no name before the at-sign, so it is not an address (naming a social
network is the external_contact rule's business). "Priya at Loom & Lantern" or "2 @
$12.99" have no domain after it, so they are not addresses either.
"""
from __future__ import annotations

import re

from policy.normalize import Normalized

from .base import Hit, View
from .disguise import WORD_AT_MARK, unat, undot
from .domains import split_host

_ADDRESS = re.compile(
    r"(?<![a-z0-9._%+\-])"
    r"([a-z0-9][a-z0-9._%+\-]*)"            # local part
    rf"([@{WORD_AT_MARK}])"
    r"([a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+)"  # domain
)

_DETERMINER_BEFORE = re.compile(r"\b(?:our|your|the|my|a|an|this|its|their|his|her)[ \t]+$")

# Mail providers: "jane at gmail.com" is an address even though "at" is a plain word.
_PROVIDERS = frozenset({
    "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "icloud",
    "me", "mac", "aol", "gmx", "web", "t-online", "proton", "protonmail", "pm", "mail",
    "yandex", "qq", "163", "126", "sina", "sohu", "naver", "orange", "free", "laposte",
    "libero", "virgilio", "btinternet", "sky", "zoho", "fastmail", "tutanota", "hey",
})

# Words that end a phrase like "available at shop.com" or "sold at amazon.com": with the
# bare word "at" after them, what follows is a place, not the second half of an address.
_NOT_A_NAME = frozenset({
    "a", "an", "the", "we", "us", "me", "you", "it", "them", "him", "her", "our", "your",
    "is", "are", "am", "be", "was", "were", "been", "here", "there", "available", "sold",
    "bought", "buy", "find", "found", "visit", "shop", "order", "orders", "ordered", "look",
    "arrive", "arrived", "arrives", "delivered", "online", "listed", "purchased", "only",
    "also", "now", "just", "placed", "stock", "stocked", "both", "items", "item", "product",
    "products", "us", "sell", "sells", "selling", "cheaper", "price", "priced", "store",
    "stores", "reviews", "review", "rated", "support", "help", "or", "and", "email", "mail",
    "write", "message", "contact", "reach", "login", "log", "sign", "account",
})


def detect(text: str, norm: Normalized) -> list[Hit]:
    if "@" not in norm.text and "at" not in norm.text:
        return []
    view = unat(undot(View.of(norm)))
    hits: list[Hit] = []
    for m in _ADDRESS.finditer(view.text):
        local, at, domain = m.group(1).rstrip(".-"), m.group(2), m.group(3)
        if not local:
            continue
        _sub, name, suffix = split_host(domain)
        if not suffix or not name:
            continue
        start = m.start(1)
        end = m.end(3)
        o_start, o_end = view.span(start, end)
        disguised = text[o_start:o_end].lower() != view.text[start:end]
        if at == WORD_AT_MARK:
            # "name at gmail dot com" is an address; "available at shop.com" is a place.
            domain_disguised = text[slice(*view.span(m.start(3), m.end(3)))].lower() != domain
            if local in _NOT_A_NAME or view.text[end:end + 1] == "/":
                continue  # "available at ...", "policy at shop dot com/returns" (a page)
            if _DETERMINER_BEFORE.search(view.text, max(0, start - 8), start):
                continue  # "our manuals at shop dot com": a noun phrase, not a name
            if not (domain_disguised or name in _PROVIDERS or re.search(r"[._\d]", local)):
                continue
        hits.append(Hit(o_start, o_end, "obfuscated_email" if disguised else "email"))
    return hits
