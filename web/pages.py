"""People-facing pages: the template library and the composer (blank or from a template)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.datastructures import MultiDict

import policy
from policy.templates import groups

from .forms import MessageForm, field_messages, field_values, form_class

bp = Blueprint("pages", __name__)


def _policy():
    return policy.load_policy(current_app.config["MARKETPLACE"])


@bp.get("/")
def library():
    return render_template("library.html", groups=groups(_policy().templates))


@bp.route("/compose", methods=["GET", "POST"])
def blank():
    form = MessageForm()
    if request.method == "GET" and request.args.get("text"):
        form.message.data = request.args["text"]
    return render_template("compose.html", form=form, template=None,
                           page_data=_page_data(None))


@bp.route("/compose/<template_id>", methods=["GET", "POST"])
def compose(template_id: str):
    template = _policy().templates.get(template_id)
    if template is None:
        abort(404, f"There is no template called “{template_id}”. Pick one from the library.")
    cls = form_class(template)
    if request.method == "POST":
        form = cls()  # the posted fields, checked server-side; nothing typed is lost
        form.validate()
    else:
        # Query-string values prefill the fields (the triage page opens templates this way).
        names = {spec.name for spec in template.fields}
        form = cls(formdata=MultiDict([(k, v) for k, v in request.args.items(multi=True)
                                       if k in names]) or None)
    if form.edited.data != "1":
        form.message.data = template.render(field_values(form, template), partial=True)
    return render_template("compose.html", form=form, template=template,
                           page_data=_page_data(template))


def _page_data(template) -> dict:
    """What compose.js needs, handed over in a JSON data block (no inline script under CSP)."""
    data = {"marketplace": current_app.config["MARKETPLACE"], "template": None, "fields": {}}
    if template is not None:
        data["template"] = template.to_dict()
        data["fields"] = {spec.name: field_messages(spec) for spec in template.fields}
    return data
