"""Reading a policy data file (rules, templates, triage cues): TOML in, a clear error out."""
from __future__ import annotations

import tomllib
from pathlib import Path


class PolicyError(Exception):
    """A policy file is malformed; the message names the file, the entry and the problem."""


def read_toml(path: str | Path, what: str) -> dict:
    """The parsed TOML at `path`; a missing or malformed file is a PolicyError naming it."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read {what}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None


def refuse_unknown(path: str | Path, where: str, table: object, allowed: set[str] | frozenset[str]) -> None:
    """A PolicyError naming the file, the table and its keys not in `allowed` (a typo never
    silently switches a setting off); nothing when `table` is not a table (the caller's check)."""
    if isinstance(table, dict):
        unknown = set(table) - set(allowed)
        if unknown:
            raise PolicyError(f"{path}: {where}: unknown key(s) {', '.join(sorted(unknown))}; "
                              f"allowed: {', '.join(sorted(allowed))}")
