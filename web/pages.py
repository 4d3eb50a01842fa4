"""People-facing pages: the template library and the composer (blank or from a template).

The composer works without JavaScript: its form posts back here, the server checks the draft
(web.composing) and renders the same result compose.js would show, keeping what was typed.
"""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

import policy
from policy.language import parse_language
from policy.localize import language_name
from policy.templates import groups

from .choice import chosen_marketplace
from .composing import compose_state, normalise_newlines, text_digest
from .errors import TITLES
from .forms import MessageForm, field_values, form_class
from .i18n import current_locale
from .wording import wording

bp = Blueprint("pages", __name__)



def copy_notes() -> dict:
    """What the page says after a copy; here (not in compose.js) so the wording has one home."""
    tool = wording("seller_tool")
    return {
        "copied": _("Copied. Paste it into the buyer's message in %(seller_tool)s.", seller_tool=tool),
        "recorded": _("Copied and recorded. Paste it into the buyer's message in %(seller_tool)s.",
                      seller_tool=tool),
        "refused": _("Your browser refused the copy: select the message and press Ctrl+C."),
    }


def script_strings() -> dict:
    """Every other word compose.js shows, in the interface locale ({name} is filled in by it)."""
    return {
        "check_failed": _("The check failed ({status})."),
        "check_unreachable": _("The check could not reach the server. Your text is safe; try again."),
        "places": _("{count} places"),
        "why": _("Why: "),
        "show_in_message": _("Show in message"),
        "not_checked": _("The message could not be checked."),
        "counter": _("{length} / {limit} characters"),
        "convert_failed": _("Could not convert the text."),
        "add_word_failed": _("Could not add the word to your dictionary."),
        "record_failed": _("Could not record the review request ({status})."),
        "copy_failed": _("Could not copy right now. Your text is safe; try again."),
    }


def _policy():
    """The policy of the request's marketplace (web.choice: query, cookie, app default)."""
    return policy.load_policy(chosen_marketplace())


@bp.get("/")
def library():
    return render_template("library.html", groups=groups(_policy().templates))


@bp.route("/compose", methods=["GET", "POST"])
def blank():
    form = MessageForm()
    if request.method == "GET" and request.args.get("text"):
        form.message.data = request.args["text"]
    language = buyer_language()
    state = compose_state(_policy(), None, {}, form.message.data, edited=True, language=language)
    return _render(form, None, state, language)


@bp.route("/compose/<template_id>", methods=["GET", "POST"])
def compose(template_id: str):
    template = _policy().templates.get(template_id)
    language = buyer_language()  # the buyer's: the template written in it, if any
    if template is not None and language:
        template = _policy().templates_in(language).get(template_id, template)
        language = template.language or _policy().facts.default_language
    if template is None:
        library = url_for("pages.library", marketplace=chosen_marketplace())
        return render_template("error.html", title=str(TITLES[404]), back_url=library,
                               back_label=_("%(marketplace)s template library", marketplace=wording("marketplace")),
                               message=_("%(marketplace)s has no template called “%(template)s”. "
                                         "Pick one from its library.",
                                         marketplace=wording("marketplace"), template=template_id)), 404
    cls = form_class(template)
    edited = False
    if request.method == "POST":
        form = cls()  # the posted fields, checked server-side; nothing typed is lost
        form.validate()
        # The message was edited by hand when it no longer matches the text generated last time.
        posted = normalise_newlines(form.message.data or "")
        edited = text_digest(posted) != (form.generated.data or "")
    else:
        # Query-string values prefill the fields (the triage page opens templates this way).
        names = {spec.name for spec in template.fields}
        form = cls(formdata=MultiDict([(k, v) for k, v in request.args.items(multi=True)
                                       if k in names]) or None)
    state = compose_state(_policy(), template, field_values(form, template), form.message.data, edited,
                          language=language)
    for spec in template.fields:  # a field the seller's own words replaced is not an error
        if not state["fields"][spec.name]["needed"]:
            form[spec.name].errors = []
    form.message.data = state["text"]
    form.generated.data = state["generated_digest"]
    return _render(form, template, state, language)


def buyer_language() -> str | None:
    """The buyer's language the seller chose (the switch posts it with the whole form, so the
    fields are kept; a link gives it as ?language=); None for "detect it" or an unknown tag."""
    raw = request.form.get("language") if request.method == "POST" else request.args.get("language")
    try:
        return parse_language(raw or None)
    except ValueError:
        return None


def language_choices(marketplace: policy.Policy, template) -> list[dict]:
    """The buyer's languages the composer offers: for a template, those it is written in (the
    marketplace's own first); for a blank message, every language the marketplace has rules for."""
    own = marketplace.facts.default_language
    tags = [own] + [tag for tag in marketplace.facts.languages if tag != own]
    if template is not None:
        tags = [tag for tag in tags if tag == own or template.id in marketplace.templates_in(tag)]
    return [{"tag": tag, "name": language_name(tag, current_locale())} for tag in tags]


def _render(form, template, state: dict, language: str | None = None):
    if template is not None and language is None:
        language = template.language or _policy().facts.default_language
    return render_template("compose.html", form=form, template=template, check=state,
                           languages=language_choices(_policy(), template), language=language,
                           page_data=_page_data(template, state, language))


def _page_data(template, state: dict, language: str | None) -> dict:
    """What compose.js needs, handed over in a JSON data block (no inline script under CSP)."""
    data = {"marketplace": chosen_marketplace(), "template": None, "fields": [], "language": language,
            "notes": copy_notes(), "strings": script_strings(), "state": state}
    if template is not None:
        data["template"] = {"id": template.id, "kind": template.kind}
        data["fields"] = [spec.name for spec in template.fields]
    return data
