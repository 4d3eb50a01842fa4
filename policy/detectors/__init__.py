"""Detectors: code that finds contact details, links, emoji and markup in a message.

Each takes the original text and its normalised view (policy.normalize) and returns
Hits in ORIGINAL code-point offsets; rules of kind "detector" in a policy file name
one of these by its key. Hit kinds, by detector:

- link:  url, bare_domain, short_link, obfuscated_url (block); for a link to the
         marketplace's own site, the kind of its [links.allowed.<kind>] entry (warn)
- email: email, obfuscated_email
- phone: phone
- emoji: emoji (replacement "" removes it, and a space after it when it stood alone)
- html:  tag, comment, entity, tracking_pixel (each with a plain-text replacement)
- invisible: direction (block), invalid (warn: a lone surrogate, a private-use character);
         replacement "" removes them
- placeholder: curly, double_square, double_angle, percent, square, angle, xxx (a blank
         left unfilled; no replacement: only the seller knows the value)

All are linear in the length of the message and need no network.
"""
from __future__ import annotations

from typing import Callable

from policy.normalize import Normalized

from . import emails, emojis, html_markup, invisible, links, phones, placeholders
from .base import Hit

Detector = Callable[[str, Normalized], "list[Hit]"]

DETECTORS: dict[str, Detector] = {
    "link": links.detect,
    "email": emails.detect,
    "phone": phones.detect,
    "emoji": emojis.detect,
    "html": html_markup.detect,
    "placeholder": placeholders.detect,
    "invisible": invisible.detect,
}

# Detectors that read the marketplace's facts (policy.marketplace.Marketplace): name -> the
# builder of that marketplace's detector. A rule of kind "detector" gets the built one.
FOR_MARKETPLACE: dict[str, Callable[[object], Detector]] = {
    "link": lambda facts: links.for_site(facts.links),
    "phone": lambda facts: phones.for_order_ids(facts.order_id.pattern,
                                                getattr(facts, "allowed_phone_numbers", ())),
}

__all__ = ["DETECTORS", "FOR_MARKETPLACE", "Detector", "Hit"]
