"""Approved fill-in message templates: loaded from a marketplace's templates.toml.

Templates are data so that a policy owner can add one without touching code;
this module reads them, refuses a malformed file at start (PolicyError naming
file, template and problem), and fills a template in.

Body syntax (also documented in the header of each templates.toml):

- ``{name}`` is replaced by the value of the field ``name``.
- ``[[ ... ]]`` is an optional segment: it is kept only when every field
  placeholder inside it has a non-empty value, and disappears whole otherwise.
  ``Hello[[ {buyer_name}]],`` renders "Hello Sam," or "Hello,".
  Segments do not nest and must contain at least one placeholder. A field that
  is not required may only appear inside an optional segment, so an empty
  optional value can never leave a dangling "Hello ,".
- No other braces or double brackets are allowed in a body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .patterns import PatternError, compile_plain
from .policyfile import PolicyError, read_toml

FIELD_TYPES = ("text", "order_id", "date", "textarea", "select", "number")

# Default value patterns per field type; an order_id field's comes from the marketplace's
# [order_id] formats (marketplace.toml), as do the template kinds and message kinds.
DEFAULT_PATTERNS = {
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "number": r"^\d+$",
}

TEMPLATE_KEYS = {"id", "title", "group", "when", "kind", "message_type", "max_length", "body", "field"}
REQUIRED_TEMPLATE_KEYS = TEMPLATE_KEYS - {"field"}
FIELD_KEYS = {"name", "label", "type", "required", "pattern", "example", "help", "choices", "context_only"}
REQUIRED_FIELD_KEYS = {"name", "label", "type"}

# Patterns are also run by the composer in the browser (JavaScript RegExp): refuse
# Python-only syntax (named groups, comments, \A \Z anchors, inline flags); order-ID
# formats in marketplace.toml become form-field patterns too.
PYTHON_ONLY_PATTERN_RE = re.compile(r"\(\?P|\(\?#|\\[AZ]|\(\?[aiLmsux]")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# One token of a body: an optional-segment bracket, a placeholder, a stray brace, or plain text.
_TOKEN_RE = re.compile(r"\[\[|\]\]|\{([a-z][a-z0-9_]*)\}|[{}]|[^{}\[\]]+|[\[\]]")


@dataclass(frozen=True)
class Field:
    """One blank of a template, with what the composer's form needs to ask for it."""

    name: str
    label: str
    type: str
    required: bool = True
    pattern: str | None = None
    example: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()
    context_only: bool = False  # feeds the check context (e.g. delivered_on), not the text
    # What the value must look like, in the marketplace's words ("order number as 2-5-5
    # digits", from marketplace.toml); empty for types whose format needs no explaining.
    format_hint: str = ""

    def problem(self, value: str) -> str | None:
        """Why `value` is not acceptable for this field, or None."""
        value = (value or "").strip()
        if not value:
            return f"{self.label} is required" if self.required else None
        if self.pattern and not re.search(self.pattern, value):
            return f"{self.label} does not have the expected format"
        if self.choices and value not in self.choices:
            return f"{self.label} must be one of the listed choices"
        return None

    def to_dict(self) -> dict:
        return {
            "name": self.name, "label": self.label, "type": self.type,
            "required": self.required, "pattern": self.pattern, "example": self.example,
            "help": self.help, "choices": list(self.choices), "context_only": self.context_only,
            "format_hint": self.format_hint,
        }


def order_id_hint(order_id_name: str, description: str) -> str:
    """How an order-ID field explains its format ("<order ID name> as <format>"); the
    catalog extractor (web.extract) builds the same text to translate it."""
    return f"{order_id_name} as {description}"


@dataclass(frozen=True)
class _Segment:
    """A run of the body: literal text, or an optional group of parts."""

    parts: tuple  # of str (literal) and ("field", name) tuples
    optional: bool


@dataclass(frozen=True)
class Template:
    """An approved message with blanks; `render` fills them in."""

    id: str
    title: str
    group: str
    when: str
    kind: str
    message_type: str
    max_length: int
    body: str
    fields: tuple[Field, ...]
    language: str | None = None  # the language its body is written in (None: the marketplace's)
    _segments: tuple[_Segment, ...] = field(default=(), repr=False, compare=False)

    def get_field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def example_values(self) -> dict[str, str]:
        """Each field's example value (empty for an optional field without one)."""
        return {f.name: f.example for f in self.fields}

    def problems(self, values: dict[str, str]) -> dict[str, str]:
        """Field name -> why its value is not acceptable, for the fields that have a problem."""
        found = {}
        for f in self.fields:
            why = f.problem(values.get(f.name, ""))
            if why:
                found[f.name] = why
        return found

    def render(self, values: dict[str, str], partial: bool = False) -> str:
        """The message text with `values` filled in.

        A required field without a value raises ValueError naming it, unless
        `partial` is true (a live preview): then its `{name}` stays visible.
        """
        clean = {f.name: _clean_value(values.get(f.name, ""), f.type) for f in self.fields}
        missing = [f.name for f in self.fields
                   if f.required and not f.context_only and not clean[f.name]]
        if missing and not partial:
            raise ValueError(f"template {self.id!r}: missing value for {', '.join(missing)}")
        out: list[str] = []
        dropped = False
        for segment in self._segments:
            names = [p[1] for p in segment.parts if isinstance(p, tuple)]
            if segment.optional and not all(clean[n] for n in names):
                dropped = True
                continue
            for part in segment.parts:
                text = (clean[part[1]] or "{" + part[1] + "}") if isinstance(part, tuple) else part
                if dropped:
                    text = _merge_breaks(out, text)
                    dropped = False
                out.append(text)
        return "".join(out).strip()

    def to_dict(self) -> dict:
        """The JSON shape served by GET /api/templates."""
        return {
            "id": self.id, "title": self.title, "group": self.group, "when": self.when,
            "kind": self.kind, "message_type": self.message_type,
            "max_length": self.max_length, "body": self.body, "language": self.language,
            "fields": [f.to_dict() for f in self.fields],
            "segments": [
                {"optional": seg.optional,
                 "parts": [{"field": p[1]} if isinstance(p, tuple) else {"text": p} for p in seg.parts]}
                for seg in self._segments
            ],
            "example_text": self.render(self.example_values()),
        }


def _merge_breaks(out: list[str], text: str) -> str:
    """After a dropped segment, merge the line breaks on both sides into the larger run.

    A segment written as its own paragraph then disappears without leaving an
    empty paragraph (three or more line breaks in a row) behind.
    """
    before = "".join(out)
    trailing = len(before) - len(before.rstrip("\n"))
    stripped = text.lstrip("\n")
    leading = len(text) - len(stripped)
    return "\n" * max(0, max(trailing, leading) - trailing) + stripped


def _clean_value(value, field_type: str) -> str:
    """A value as it goes into the text: trimmed; single-line types kept on one line."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if field_type != "textarea":
        text = " ".join(text.split())
    return text


def groups(templates: dict[str, Template]) -> list[tuple[str, list[Template]]]:
    """Templates grouped by purpose heading, headings and templates in file order."""
    ordered: dict[str, list[Template]] = {}
    for template in templates.values():
        ordered.setdefault(template.group, []).append(template)
    return list(ordered.items())


def load_templates(path, facts=None) -> dict[str, Template]:
    """Read and validate a templates.toml against the marketplace's facts (its template kinds,
    message kinds and limits, order-ID format); id -> Template in file order. Without
    `facts`: those of the marketplace.toml beside the file, else of the default marketplace."""
    path = Path(path)
    if facts is None:
        from .marketplace import (FACTS_FILE, default_marketplace, load_marketplace,
                                  load_marketplace_from)
        beside = path.parent / FACTS_FILE
        facts = load_marketplace_from(path.parent) if beside.is_file() \
            else load_marketplace(default_marketplace())
    data = read_toml(path, "templates file")

    unknown = set(data) - {"template", "fields"}
    if unknown:
        raise PolicyError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    shared = data.get("fields", {})
    if not isinstance(shared, dict):
        raise PolicyError(f"{path}: [fields] must be a table of shared field definitions")
    raw_templates = data.get("template")
    if not isinstance(raw_templates, list) or not raw_templates:
        raise PolicyError(f"{path}: no [[template]] entries")

    templates: dict[str, Template] = {}
    for index, raw in enumerate(raw_templates, start=1):
        template_id = raw.get("id") if isinstance(raw.get("id"), str) else f"#{index}"

        def fail(problem: str, _id=template_id) -> PolicyError:
            return PolicyError(f"{path}: template {_id!r}: {problem}")

        template = _build_template(raw, shared, fail, facts)
        if template.id in templates:
            raise fail("duplicate id (already used by an earlier template)")
        templates[template.id] = template
    return templates


def _check_keys(table: dict, required: set, allowed: set, fail, where: str = "") -> None:
    missing = sorted(required - set(table))
    if missing:
        raise fail(f"{where}missing required key(s) {', '.join(missing)}")
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise fail(f"{where}unknown key(s) {', '.join(unknown)}")


def _build_template(raw: dict, shared: dict, fail, facts) -> Template:
    _check_keys(raw, REQUIRED_TEMPLATE_KEYS, TEMPLATE_KEYS, fail)
    for key in ("id", "title", "group", "when", "kind", "message_type", "body"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise fail(f"{key} must be a non-empty string")
    if not _ID_RE.match(raw["id"]):
        raise fail("id must be kebab-case (lower-case letters, digits and single hyphens)")
    if "\n" in raw["when"].strip():
        raise fail("when must be one line")
    kind, message_type = raw["kind"], raw["message_type"]
    if kind not in facts.template_kinds:
        raise fail(f"unknown kind {kind!r} (expected one of {', '.join(facts.template_kinds)})")
    if message_type not in facts.message_kinds:
        raise fail(f"unknown message_type {message_type!r} (the marketplace's [message_kinds]: "
                   f"{', '.join(facts.message_kinds)})")
    message_kind = facts.message_kinds[message_type]
    if message_kind.template_kind != kind:
        raise fail(f"kind {kind!r} does not go with message_type {message_type!r}")
    max_length = raw["max_length"]
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise fail("max_length must be a positive integer")
    if max_length > message_kind.max_length:
        raise fail(f"max_length {max_length} exceeds the {message_type} limit "
                   f"of {message_kind.max_length}")

    raw_fields = raw.get("field", [])
    if not isinstance(raw_fields, list):
        raise fail("field must be an array of tables ([[template.field]])")
    fields: list[Field] = []
    for raw_field in raw_fields:
        built = _build_field(raw_field, shared, fail, facts)
        if any(f.name == built.name for f in fields):
            raise fail(f"field {built.name!r} declared twice")
        fields.append(built)

    body = raw["body"].strip()
    segments = _checked_body(body, fields, fail)

    template = Template(
        id=raw["id"], title=raw["title"].strip(), group=raw["group"].strip(),
        when=raw["when"].strip(), kind=kind, message_type=message_type,
        max_length=max_length, body=body, fields=tuple(fields), _segments=segments,
    )
    _check_example_length(template, fail)
    return template


def _checked_body(body: str, fields, fail) -> tuple[_Segment, ...]:
    """The body's segments, once every placeholder names a declared field, an optional field
    sits inside [[ ]], and every field (but context-only ones) is used."""
    segments = _parse_body(body, fail)
    by_name = {f.name: f for f in fields}
    used: set[str] = set()
    for segment in segments:
        for part in segment.parts:
            if not isinstance(part, tuple):
                continue
            name = part[1]
            if name not in by_name:
                raise fail(f"placeholder {{{name}}} in the body has no declared field")
            if by_name[name].context_only:
                raise fail(f"field {name!r} is context_only but appears in the body")
            if not by_name[name].required and not segment.optional:
                raise fail(f"optional field {name!r} must sit inside an optional [[ ... ]] segment")
            used.add(name)
    for f in fields:
        if f.name not in used and not f.context_only:
            raise fail(f"declared field {f.name!r} is not used in the body")
    return segments


def _check_example_length(template: "Template", fail) -> None:
    example_text = template.render(template.example_values())
    if len(example_text) > template.max_length:
        raise fail(f"filled with its example values the body is {len(example_text)} characters, "
                   f"over max_length {template.max_length}")


TRANSLATION_KEYS = {"id", "body", "examples", "choices"}


def load_translations(path, templates: dict[str, "Template"], language: str) -> dict[str, "Template"]:
    """The templates of `path` (policy/<marketplace>/<lang>/templates.toml): each gives a
    template of `templates` in `language`: its `body`, and for its fields the `examples`
    and the select `choices` in that language (the rest, kind, limits, labels and help in
    the interface locale, is the original's). id -> Template, in the original's order."""
    path = Path(path)
    data = read_toml(path, "templates file")
    if set(data) - {"template"} or not isinstance(data.get("template"), list):
        raise PolicyError(f"{path}: expected only [[template]] entries (id, body, examples, choices)")
    out: dict[str, Template] = {}
    for index, raw in enumerate(data["template"], start=1):
        template_id = raw.get("id") if isinstance(raw, dict) else None

        def fail(problem: str, _id=template_id or f"#{index}") -> PolicyError:
            return PolicyError(f"{path}: template {_id!r}: {problem}")

        if not isinstance(raw, dict):
            raise fail("expected a [[template]] table")
        _check_keys(raw, {"id", "body"}, TRANSLATION_KEYS, fail)
        if template_id not in templates:
            raise fail("no template with this id in the marketplace's templates.toml")
        if template_id in out:
            raise fail("duplicate id (already used by an earlier template)")
        original = templates[template_id]
        examples, choices = raw.get("examples", {}), raw.get("choices", {})
        if not isinstance(examples, dict) or not isinstance(choices, dict):
            raise fail("examples and choices are tables keyed by field name")
        for name in set(examples) | set(choices):
            if original.get_field(name) is None:
                raise fail(f"examples/choices name {name!r}, which is not one of its fields")
        fields = []
        for f in original.fields:
            new_choices = tuple(choices.get(f.name, f.choices))
            if f.type == "select" and len(new_choices) != len(f.choices):
                raise fail(f"field {f.name!r}: give all {len(f.choices)} choices in {language}")
            example = examples.get(f.name, f.example)
            if not isinstance(example, str):
                raise fail(f"field {f.name!r}: the example must be a string")
            if new_choices and example not in new_choices:
                raise fail(f"field {f.name!r}: example {example!r} is not one of its choices")
            fields.append(replace(f, example=example, choices=new_choices))
        if not isinstance(raw["body"], str) or not raw["body"].strip():
            raise fail("body must be a non-empty string")
        body = raw["body"].strip()
        template = replace(original, body=body, fields=tuple(fields), language=language,
                           _segments=_checked_body(body, fields, fail))
        _check_example_length(template, fail)
        out[template_id] = template
    return {i: out[i] for i in templates if i in out}


def _build_field(raw_field, shared: dict, fail, facts) -> Field:
    if not isinstance(raw_field, dict):
        raise fail("each field must be a table")
    name = raw_field.get("name")
    if not isinstance(name, str) or not _FIELD_NAME_RE.match(name):
        raise fail(f"field name {name!r} must be lower_snake_case")
    base = shared.get(name, {})
    if not isinstance(base, dict):
        raise fail(f"shared field {name!r} must be a table")
    merged = {**base, **raw_field}
    _check_keys(merged, REQUIRED_FIELD_KEYS, FIELD_KEYS, fail, f"field {name!r}: ")
    field_type = merged["type"]
    if field_type not in FIELD_TYPES:
        raise fail(f"field {name!r}: unknown field type {field_type!r} "
                   f"(expected one of {', '.join(FIELD_TYPES)})")
    for key in ("label", "help", "example"):
        if key in merged and not isinstance(merged[key], str):
            raise fail(f"field {name!r}: {key} must be a string")
    if not merged["label"].strip():
        raise fail(f"field {name!r}: label must not be empty")
    required = merged.get("required", True)
    context_only = merged.get("context_only", False)
    if not isinstance(required, bool) or not isinstance(context_only, bool):
        raise fail(f"field {name!r}: required and context_only must be true or false")
    default = facts.order_id.field_pattern if field_type == "order_id" else DEFAULT_PATTERNS.get(field_type)
    pattern = merged.get("pattern", default)
    if pattern is not None:
        if not isinstance(pattern, str):
            raise fail(f"field {name!r}: pattern must be a string")
        try:
            compile_plain(pattern)  # compiles, and no nested or overlapping repeats
        except PatternError as exc:
            raise fail(f"field {name!r}: {exc}") from exc
        if PYTHON_ONLY_PATTERN_RE.search(pattern):
            raise fail(f"field {name!r}: pattern {pattern!r} uses Python-only syntax "
                       "(named groups, comments, \\A, \\Z or inline flags) the browser cannot run")
    choices = merged.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) and c.strip() for c in choices):
        raise fail(f"field {name!r}: choices must be a list of non-empty strings")
    if field_type == "select" and not choices:
        raise fail(f"field {name!r}: a select field needs choices")
    if choices and field_type != "select":
        raise fail(f"field {name!r}: only a select field takes choices")
    example = merged.get("example", "").strip()
    if required and not example:
        raise fail(f"field {name!r}: example value missing for a required field")
    if example and pattern and not re.search(pattern, example):
        raise fail(f"field {name!r}: example {example!r} does not match its pattern {pattern!r}")
    if example and choices and example not in choices:
        raise fail(f"field {name!r}: example {example!r} is not one of its choices")
    hint = ""
    if field_type == "order_id":
        hint = order_id_hint(facts.wording.get("order_id_name", "order ID"), facts.order_id.description)
    return Field(
        name=name, label=merged["label"], type=field_type, required=required,
        pattern=pattern, example=example, help=merged.get("help", ""),
        choices=tuple(choices), context_only=context_only, format_hint=hint,
    )


def _parse_body(body: str, fail) -> tuple[_Segment, ...]:
    """Split a body into literal and optional segments, refusing malformed syntax."""
    segments: list[_Segment] = []
    parts: list = []
    in_optional = False
    for match in _TOKEN_RE.finditer(body):
        token = match.group(0)
        if token == "[[":
            if in_optional:
                raise fail("optional segments [[ ... ]] cannot nest")
            if parts:
                segments.append(_Segment(tuple(parts), False))
            parts, in_optional = [], True
        elif token == "]]":
            if not in_optional:
                raise fail("']]' without a matching '[['")
            if not any(isinstance(p, tuple) for p in parts):
                raise fail("an optional segment [[ ... ]] must contain a {placeholder}")
            segments.append(_Segment(tuple(parts), True))
            parts, in_optional = [], False
        elif match.group(1):
            parts.append(("field", match.group(1)))
        elif token in "{}":
            raise fail(f"stray {token!r} in the body (placeholders are {{lower_snake_case}})")
        else:
            parts.append(token)
    if in_optional:
        raise fail("'[[' without a matching ']]'")
    if parts:
        segments.append(_Segment(tuple(parts), False))
    return tuple(segments)
