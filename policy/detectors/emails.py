"""Email addresses, plain or disguised ("jane (at) shop dot com", "jane[at]shop[.]com",
"ｊａｎｅ＠ｓｈｏｐ．ｃｏｍ", "j a n e @ g m a i l . c o m", a zero-width space by the @).

"@handle" has no name before the at-sign, so it is not an address (naming a social
network is the external_contact rule's business). "Priya at Loom & Lantern" or "2 @
$12.99" have no domain after it, so they are not addresses either.
"""
from __future__ import annotations

import re
from functools import lru_cache

from policy.normalize import Normalized

from .base import Hit, View, take_in_spelled_letter
from .disguise import AT_BRACKETED, JOINED_AT, SPELLED_AT, WORD_AT_MARK, unat, undotted, unjoined
from .domains import split_host

# An at-sign (or a marked word "at") with a name character before it and a domain
# character after it; a wall of "@@@@" yields nothing and costs one regex pass.
_AT_MARKS = re.compile(f"(?<=[a-z0-9._%+\\-])[@{WORD_AT_MARK}](?=[a-z0-9])")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+")
_HAS_WORD_AT = re.compile(r"[ \t]at[ \t]|[(\[{<][ \t]*at[ \t]*[)\]}>]")
# A bare word "at" with the start of a dotted domain after it: without an at-sign, what an
# address needs (the start of _DOMAIN right after the "at" and its spaces; a superset).
_WORD_AT_DOMAIN = re.compile(r"at[ \t]+[a-z0-9][a-z0-9\-]*\.[a-z0-9]")
_DETERMINER_BEFORE = re.compile(r"\b(?:our|your|the|my|a|an|this|its|their|his|her)[ \t]+$")

# Mail providers: "jane at gmail.com" is an address even though "at" is a plain word.
_PROVIDERS = frozenset({
    "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "icloud",
    "me", "mac", "aol", "gmx", "web", "t-online", "proton", "protonmail", "pm", "mail",
    "yandex", "qq", "163", "126", "sina", "sohu", "naver", "orange", "free", "laposte",
    "libero", "virgilio", "btinternet", "sky", "zoho", "fastmail", "tutanota", "hey",
})

# Words that end a phrase like "available at shop.com" or "sold at bigstore.com": with the
# bare word "at" after them, what follows is a place, not the second half of an address.
_NEVER_A_NAME = frozenset({
    "a", "an", "the", "we", "us", "me", "you", "it", "them", "him", "her", "our", "your",
    "is", "are", "am", "be", "was", "were", "been", "here", "there", "available", "sold",
    "bought", "buy", "find", "found", "visit", "shop", "look", "arrive", "arrived", "arrives",
    "delivered", "online", "listed", "purchased", "only", "also", "now", "just", "placed",
    "stock", "stocked", "both", "sell", "sells", "selling", "cheaper", "priced", "or", "and",
})
# ...and words that are also the names of role mailboxes ("support at shop dot com"):
# a place only when the domain is written plainly ("our support at shop.com").
_PLACE_WORDS = _NEVER_A_NAME | frozenset({
    "order", "orders", "ordered", "items", "item", "product", "products", "price", "store",
    "stores", "reviews", "review", "rated", "support", "help", "email", "mail", "write",
    "message", "contact", "reach", "login", "log", "sign", "account",
})


def _addresses(view: View):
    """(local start, at index, domain match) for each at-sign with a name before it
    and a dotted domain after it. Walks out from each at-sign: linear in the text."""
    text = view.text
    for at in _AT_MARKS.finditer(text):
        i = at.start()
        start = i
        while start > 0 and i - start < 64 and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        while start < i and not text[start].isalnum():
            start += 1  # a name starts with a letter or digit
        if start == i:
            continue
        domain = _DOMAIN.match(text, i + 1)
        if domain:
            yield start, i, domain


def detect(text: str, norm: Normalized) -> list[Hit]:
    if "@" not in norm.text and not _HAS_WORD_AT.search(norm.text) and \
            not SPELLED_AT.search(norm.text) and not JOINED_AT.search(norm.text):
        return []
    if "@" not in norm.text and not SPELLED_AT.search(norm.text) and not _may_hold_word_at(norm):
        return []
    if text != norm.original:
        return _find(text, norm)
    # The link detector asks too (an email's domain is not also a link): one check of a
    # message computes the addresses once.
    return list(_find_cached(norm))


def _may_hold_word_at(norm: Normalized) -> bool:
    """With no at-sign and no spelled one, whether the bare word "at" may start an address:
    followed by a dotted name once dots are undone, an at-sign in brackets ("(at)") or an
    address of joined words ("info_at_shop_dot_com", disguise.unjoined).
    Most messages say "at" ("at no cost", "at the hub") and hold no address; this pre-check
    spares them the rewriting and the walk of _find (the link detector shares undotted)."""
    view = undotted(norm).text
    return ("@" in view or WORD_AT_MARK in view or AT_BRACKETED.search(view) is not None
            or JOINED_AT.search(view) is not None
            or SPELLED_AT.search(view) is not None or _WORD_AT_DOMAIN.search(view) is not None)


@lru_cache(maxsize=2)
def _find_cached(norm: Normalized) -> tuple[Hit, ...]:
    return tuple(_find(norm.original, norm))


def _find(text: str, norm: Normalized) -> list[Hit]:
    view = unat(unjoined(undotted(norm)))
    hits: list[Hit] = []
    for start, at_index, m in _addresses(view):
        local, at, domain = view.text[start:at_index].rstrip(".-"), view.text[at_index], m.group()
        if not local:
            continue
        _subdomain, name, suffix = split_host(domain)
        if not suffix or not name:
            continue
        end = m.end()
        o_start, o_end = view.span(start, end)
        disguised = text[o_start:o_end].lower() != view.text[start:end]
        if at == WORD_AT_MARK:
            # "name at gmail dot com" is an address; "available at shop.com" is a place.
            domain_disguised = text[slice(*view.span(m.start(), m.end()))].lower() != domain
            if local in (_NEVER_A_NAME if domain_disguised else _PLACE_WORDS) or view.text[end:end + 1] == "/":
                continue  # "available at ...", "policy at shop dot com/returns" (a page)
            if _DETERMINER_BEFORE.search(view.text, max(0, start - 8), start):
                continue  # "our manuals at shop dot com": a noun phrase, not a name
            if not (domain_disguised or name in _PROVIDERS or re.search(r"[._\d]", local)):
                continue
        if disguised:
            o_start = take_in_spelled_letter(text, o_start)
        hits.append(Hit(o_start, o_end, "obfuscated_email" if disguised else "email"))
    return hits
