"""The one shape a finding takes, for the API, the CLI and the page alike (DESIGN.md)."""
from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "inducement", "review_manipulation", "promotional", "link", "email_address",
    "phone_number", "external_contact", "emoji", "html", "sensitive",
    "formatting", "not_permitted", "missing_content", "length", "placeholder",
    "timing", "repeat_request", "language", "spelling",
)
# Reported by the engine itself (policy/language.py), not by a rule of a rules file.
ENGINE_CATEGORIES = ("language",)
SEVERITIES = ("block", "warn")


@dataclass(frozen=True)
class Finding:
    """A flagged span of the submitted text.

    start/end are code-point offsets into the text exactly as submitted.
    `replacements` are texts that can replace text[start:end] as they stand
    (one click in the composer); `suggestions` are advice for a person.
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    excerpt: str
    message: str
    source: str
    suggestions: tuple[str, ...] = ()
    replacements: tuple[str, ...] = field(default=())

    @property
    def blocks(self) -> bool:
        return self.severity == "block"

    def to_dict(self) -> dict:
        return {
            "rule": self.rule, "category": self.category, "severity": self.severity,
            "start": self.start, "end": self.end, "excerpt": self.excerpt,
            "message": self.message, "source": self.source,
            "suggestions": list(self.suggestions),
            "replacements": list(self.replacements),
        }
