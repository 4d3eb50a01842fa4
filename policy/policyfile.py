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
