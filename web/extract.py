"""Babel extractor for the interface text of templates.toml (babel.cfg names it): each
template's title, group and when line, and each field's label and help, become msgids of
the gettext catalog. Template bodies are not extracted: they are the message, in the buyer's
language, never the interface's."""
from __future__ import annotations

import tomllib

TEMPLATE_KEYS = ("title", "group", "when")
FIELD_KEYS = ("label", "help")


def interface_texts(data: dict) -> list[str]:
    """The interface strings of a parsed templates.toml, in file order (duplicates kept)."""
    out = []
    for field in (data.get("fields") or {}).values():  # shared field definitions
        if isinstance(field, dict):
            out.extend(field[k] for k in FIELD_KEYS if isinstance(field.get(k), str) and field[k])
    for template in data.get("template", []):
        out.extend(template[k] for k in TEMPLATE_KEYS if isinstance(template.get(k), str))
        for field in template.get("field", []):
            out.extend(field[k] for k in FIELD_KEYS if isinstance(field.get(k), str) and field[k])
    return out


def extract_marketplace_toml(fileobj, keywords, comment_tags, options):
    """The order-ID format hint a marketplace's forms show ("<order ID name> as <format>")."""
    from policy.templates import order_id_hint
    raw = fileobj.read().decode("utf-8")
    data = tomllib.loads(raw)
    order_id = data.get("order_id") or {}
    if isinstance(order_id.get("description"), str):
        name = (data.get("wording") or {}).get("order_id_name", "order ID")
        yield 1, "gettext", order_id_hint(name, order_id["description"]), []


def extract_templates_toml(fileobj, keywords, comment_tags, options):
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()
    for text in interface_texts(tomllib.loads(raw)):
        probe = text.split("\n", 1)[0][:40]
        lineno = next((n for n, line in enumerate(lines, 1) if probe in line), 1)
        yield lineno, "gettext", text, []
