"""Typed keys of a policy data table: unknown keys refused, every problem named with its key.

Every policy file (marketplace facts, rules, templates, triage cues) is read by
hand-written code; this is the one place that says "this key is a whole number",
so a typo or a wrong type fails at start with the file, the table and the key.
"""
from __future__ import annotations

from .policyfile import PolicyError

# type name -> (check, what the author should have written)
_TYPES = {
    "str": (lambda v: isinstance(v, str), "a string"),
    "text": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
            "a whole number >= 0"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "str_list": (lambda v: isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v),
                 "a list of non-empty strings"),
    "table": (lambda v: isinstance(v, dict), "a table"),
    "str_table": (lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
                  "a table of strings"),
}


def check_table(table, spec: dict[str, tuple[str, bool]], where: str) -> dict:
    """`table` checked against `spec` (key -> (type name, required)); returns it unchanged.

    `where` names the file and table ("policy/<marketplace>/marketplace.toml: [order_id]")."""
    if not isinstance(table, dict):
        raise PolicyError(f"{where}: expected a table")
    unknown = sorted(set(table) - set(spec))
    if unknown:
        raise PolicyError(f"{where}: unknown key(s) {', '.join(unknown)} "
                          f"(expected {', '.join(spec)})")
    for key, (type_name, required) in spec.items():
        if key not in table:
            if required:
                raise PolicyError(f"{where}: missing key {key!r}")
            continue
        ok, expected = _TYPES[type_name]
        if not ok(table[key]):
            raise PolicyError(f"{where}: key {key!r} must be {expected}")
    return table
