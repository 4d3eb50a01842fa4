"""Babel extractors for the interface text kept in policy data (babel.cfg names them):

- templates.toml: each template's title, group and when line, and each field's label and
  help. Template bodies are not extracted: they are the message, in the buyer's language,
  never the interface's;
- marketplace.toml: the order-ID hint of its forms, the reply clock's and review requests'
  notes, the names of its own triage intents;
- triage files (policy/triage_data/common.toml, policy/<marketplace>/triage.toml): intents'
  titles and the words that explain a deciding phrase, and the "no reply needed" verdict.

Each becomes a msgid of the gettext catalog, so translators see it beside the page text and
tests/test_i18n_complete.py fails on one left untranslated."""
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
    lines = raw.splitlines()
    texts = [(data.get(table) or {}).get("note") for table in ("reply_clock", "review_requests")]
    texts += list((data.get("intents") or {}).values())
    for text in texts:
        if isinstance(text, str) and text.strip():
            yield _line_of(lines, text), "gettext", text, []


TRIAGE_TOP_KEYS = ("question_why", "unsure_why", "no_reply_label")
TRIAGE_INTENT_KEYS = ("title", "why", "why_no_reply")


def triage_texts(data: dict) -> list[str]:
    """The interface strings of a parsed triage file, in file order."""
    out = [data[k] for k in TRIAGE_TOP_KEYS if isinstance(data.get(k), str)]
    intents = data.get("intent") or {}
    tables = list(intents.values()) if isinstance(intents, dict) else list(intents)
    tables += [t for t in (data.get("previous") or {}).values()]
    for table in tables:
        if isinstance(table, dict):
            out.extend(table[k] for k in TRIAGE_INTENT_KEYS if isinstance(table.get(k), str))
    return out


def extract_triage_toml(fileobj, keywords, comment_tags, options):
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()
    for text in triage_texts(tomllib.loads(raw)):
        yield _line_of(lines, text), "gettext", text, []


def _line_of(lines: list[str], text: str) -> int:
    probe = text.split("\n", 1)[0][:40]
    return next((n for n, line in enumerate(lines, 1) if probe in line), 1)


def extract_templates_toml(fileobj, keywords, comment_tags, options):
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()
    for text in interface_texts(tomllib.loads(raw)):
        yield _line_of(lines, text), "gettext", text, []
