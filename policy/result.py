"""What one check returns: the message's language and the findings (API, CLI and page alike)."""
from __future__ import annotations

from dataclasses import dataclass

from .finding import Finding


@dataclass(frozen=True)
class CheckResult:
    """`language`: the BCP 47 primary tag the message was checked as (detected or given)."""

    language: str
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        """False while any finding blocks."""
        return not any(f.blocks for f in self.findings)
