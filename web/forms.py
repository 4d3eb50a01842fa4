"""A WTForms form built from a template's fields, so adding a template needs no Python."""
from __future__ import annotations


import datetime as dt
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import DateInput, TextInput

from policy.dates import date_problem
from policy.templates import Field, Template

from .i18n import translate_data

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def field_messages(spec: Field) -> dict[str, str]:
    """What to tell the seller when a field is empty or malformed (server and browser alike),
    in the interface locale."""
    example = spec.example
    label = _(spec.label)
    if spec.type == "order_id":  # the format in the marketplace's words (marketplace.toml), translated
        hint = translate_data(spec.format_hint)
        fmt = (_("Enter the %(hint)s, for example %(example)s.", hint=hint, example=example) if example
               else _("Enter the %(hint)s.", hint=hint))
    elif spec.type == "date":
        fmt = _("Enter a date as year-month-day, for example %(example)s.", example=example or "2026-11-02")
    elif spec.type == "number":
        fmt = (_("Enter a whole number, for example %(example)s.", example=example) if example
               else _("Enter a whole number."))
    elif spec.type == "select":
        fmt = _("Choose one of the listed options for %(label)s.", label=label)
    else:
        fmt = (_("%(label)s does not look right; for example: %(example)s.", label=label, example=example)
               if example else _("%(label)s does not look right.", label=label))
    return {"required": _("Fill in %(label)s.", label=label), "format": fmt}


def field_problem(spec: Field, value: str | None) -> str | None:
    """What to tell the seller about `value`, or None: the one check of a field's value.

    The template's own rule (Field.problem: required, pattern, choices) decides; a date must
    also be a real calendar date the review window can be computed from. The form, the
    server-rendered page and POST /api/compose all ask this function; the browser only shows it.
    """
    value = (value or "").strip()
    if spec.problem(value) is not None:
        return field_messages(spec)["required" if not value else "format"]
    if value and spec.type == "date":
        return _date_problem(value, _(spec.label))
    return None


def _date_problem(value: str, label: str) -> str | None:
    """policy.dates' verdict, worded in the interface locale."""
    if date_problem(value, label) is None:
        return None
    from policy.dates import LATEST_DATE
    if _ISO_DATE.match(value.strip()):
        try:
            dt.date.fromisoformat(value.strip())
            return _("%(label)s is too far in the future: %(date)s (the latest accepted is %(latest)s).",
                     label=label, date=value.strip(), latest=LATEST_DATE.isoformat())
        except ValueError:
            pass
    return _("%(label)s is not an ISO date (YYYY-MM-DD, e.g. 2026-11-02): “%(value)s”.",
             label=label, value=value[:40])


def _validator(spec: Field):
    def validate(form, field):
        problem = field_problem(spec, field.data)
        if problem:
            raise ValidationError(problem)
    return validate


def _form_field(spec: Field):
    """The WTForms field for one template field; values stay strings exactly as typed."""
    render_kw = {"autocomplete": "off", "data-field": spec.name, "data-type": spec.type}
    if spec.example and spec.type != "select":
        render_kw["placeholder"] = spec.example
    if spec.required:
        render_kw["aria-required"] = "true"
    kwargs = {"label": _l(spec.label), "validators": [_validator(spec)], "render_kw": render_kw,
              "description": _l(spec.help) if spec.help else spec.help}
    if spec.type == "select":
        choices = [SelectChoice("", _l("Choose…"))] + [SelectChoice(c, c) for c in spec.choices]
        return SelectField(choices=choices, validate_choice=False, **kwargs)
    if spec.type == "textarea":
        render_kw["rows"] = 3
        return TextAreaField(**kwargs)
    if spec.type == "date":
        return StringField(widget=DateInput(), **kwargs)
    if spec.type in ("number", "order_id"):
        render_kw["inputmode"] = "numeric"
        render_kw["spellcheck"] = "false"
    return StringField(widget=TextInput(), **kwargs)


class MessageForm(FlaskForm):
    """The message box alone (the blank composer); template forms add their fields to it."""

    message = TextAreaField(_l("Message"), render_kw={"rows": 14, "spellcheck": "true"})
    # Fingerprint of the text last generated from the fields: a posted message that no longer
    # matches it was edited by hand and is kept (see web.composing.text_digest).
    generated = HiddenField(default="")


RESERVED_NAMES = {"message", "generated", "csrf_token", "action"}


def form_class(template: Template) -> type[MessageForm]:
    """A form class with one field per template field (file order), then the message."""
    clash = {spec.name for spec in template.fields} & RESERVED_NAMES
    if clash:
        raise ValueError(f"template {template.id!r}: field name(s) {', '.join(sorted(clash))} "
                         "are reserved by the composer's form; rename them in templates.toml")
    attrs = {spec.name: _form_field(spec) for spec in template.fields}
    return type(f"{template.id.title().replace('-', '')}Form", (MessageForm,), attrs)


def field_values(form: MessageForm, template: Template) -> dict[str, str]:
    return {spec.name: (form[spec.name].data or "") for spec in template.fields}
