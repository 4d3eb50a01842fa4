"""PLACEHOLDER (owned by the engine helper; to be replaced): the public engine interface.

check(text, marketplace="amazon", template=None, context=None) -> list[Finding]
load_policy(marketplace="amazon") -> Policy   (cached; the only global state)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .finding import Finding

POLICY_ROOT = Path(__file__).resolve().parent


class PolicyError(Exception):
    """A rule or template file is malformed: the message names file, rule and problem."""


@dataclass
class Policy:
    marketplace: str
    rules: list = field(default_factory=list)
    templates: dict = field(default_factory=dict)  # id -> policy.templates.Template


@lru_cache(maxsize=None)
def load_policy(marketplace: str = "amazon") -> Policy:
    folder = POLICY_ROOT / marketplace
    if not folder.is_dir():
        raise PolicyError(f"unknown marketplace {marketplace!r}: no folder {folder}")
    templates = {}
    if (folder / "templates.toml").exists():
        from .templates import load_templates
        templates = load_templates(folder / "templates.toml")
    return Policy(marketplace, [], templates)


def check(text: str, marketplace: str = "amazon", template: str | None = None,
          context: dict | None = None) -> list[Finding]:
    load_policy(marketplace)
    return []
