"""Detectors: code that finds contact details, links, emoji and markup in a message.

Each takes the original text and its normalised view (policy.normalize) and returns
Hits in ORIGINAL code-point offsets; rules of kind "detector" in a policy file name
one of these by its key.
"""
from __future__ import annotations

from typing import Callable

from policy.normalize import Normalized

from . import emails, emojis, html_markup, links, phones
from .base import Hit

Detector = Callable[[str, Normalized], "list[Hit]"]

DETECTORS: dict[str, Detector] = {
    "link": links.detect,
    "email": emails.detect,
    "phone": phones.detect,
    "emoji": emojis.detect,
    "html": html_markup.detect,
}

__all__ = ["DETECTORS", "Detector", "Hit"]
