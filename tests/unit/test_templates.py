"""The approved templates: the Amazon set is complete and compliant, and the loader refuses bad files."""
from __future__ import annotations

import json
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

import policy
from policy import PolicyError
from policy.templates import Template, groups, load_templates

AMAZON_FILE = Path(policy.__file__).resolve().parent / "amazon" / "templates.toml"

REPLY_IDS = (
    "reply-product-question", "reply-where-is-my-order", "reply-damaged-or-wrong-item",
    "reply-return-or-refund", "reply-cancel-or-change", "reply-invoice-request",
)

# Every permitted proactive purpose needs at least one template of its SP-API type.
REQUIRED_MESSAGE_TYPES = (
    "createConfirmOrderDetails", "createConfirmDeliveryDetails", "confirmCustomizationDetails",
    "createUnexpectedProblem", "CreateWarranty", "sendInvoice", "createDigitalAccessKey",
    "createConfirmServiceDetails", "productReviewAndSellerFeedbackSolicitation", "reply",
)


@pytest.fixture(scope="module")
def templates() -> dict[str, Template]:
    return load_templates(AMAZON_FILE)


def _find(templates, *words):
    """Templates whose id, title or when mentions all of `words`."""
    return [t for t in templates.values()
            if all(w in f"{t.id} {t.title} {t.when}".lower() for w in words)]


# ---------------------------------------------------------------- the Amazon set

def test_at_least_fifteen_templates_loaded_through_the_policy(templates):
    assert len(templates) >= 15
    assert list(policy.load_policy("amazon").templates) == list(templates)


def test_every_required_purpose_has_a_template(templates):
    types = {t.message_type for t in templates.values()}
    for message_type in REQUIRED_MESSAGE_TYPES:
        assert message_type in types, message_type
    for rid in (*REPLY_IDS, "review-request"):
        assert rid in templates, rid
    assert _find(templates, "bulky"), "schedule a heavy or bulky delivery"
    assert _find(templates, "delay"), "unexpected problem: delay"
    assert _find(templates, "stock", "cancel"), "unexpected problem: out of stock, seller cancels"
    assert _find(templates, "instructions"), "product instructions"
    assert _find(templates, "return", "question"), "a return-related question"
    assert _find(templates, "appointment"), "home-service appointment"
    for rid in REPLY_IDS:
        assert templates[rid].kind == "reply" and templates[rid].message_type == "reply"


def test_ids_are_unique_and_kebab_case():
    raw_ids = [t["id"] for t in tomllib.loads(AMAZON_FILE.read_text("utf-8"))["template"]]
    assert len(raw_ids) == len(set(raw_ids))
    for tid in raw_ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tid), tid


def test_each_template_has_a_group_and_a_one_line_when(templates):
    headings = [g for g, _ in groups(templates)]
    assert headings[0] == "Before shipping" and headings[-1] == "Reviews"
    assert [t.id for _, group in groups(templates) for t in group] == \
        sorted(templates, key=lambda i: (headings.index(templates[i].group), list(templates).index(i)))
    assert {"Before shipping", "Problems with an order", "Replies to buyers", "Reviews"} <= set(headings)
    for t in templates.values():
        assert t.title and t.group and t.when
        assert "\n" not in t.when
        assert t.kind in ("proactive", "reply", "review_request")


def test_max_length_follows_the_message_type(templates):
    for t in templates.values():
        expected = {"confirmCustomizationDetails": 800, "createDigitalAccessKey": 400}.get(t.message_type, 2000)
        assert t.max_length == expected, t.id


def test_review_request_is_neutral_and_has_the_window_fields(templates):
    t = templates["review-request"]
    assert (t.kind, t.message_type) == ("review_request", "productReviewAndSellerFeedbackSolicitation")
    by_name = {f.name: f for f in t.fields}
    assert by_name["order_id"].required and by_name["order_id"].type == "order_id"
    assert by_name["delivered_on"].type == "date" and by_name["delivered_on"].required
    assert by_name["delivered_latest"].type == "date" and not by_name["delivered_latest"].required
    text = t.render(t.example_values()).lower()
    for banned in ("star", "positive", "happy", "satisf", "free", "gift", "discount", "refund", "contact us"):
        assert banned not in text, banned


def test_example_texts_respect_the_structural_rules(templates):
    for t in templates.values():
        text = t.render(t.example_values())
        assert len(text) <= t.max_length, t.id
        assert "\n\n\n" not in text, t.id
        assert "{" not in text and "[[" not in text, t.id
        assert not re.search(r"https?://|www\.|\.com\b|@", text), t.id
        if t.kind in ("proactive", "review_request"):
            assert t.get_field("order_id") is not None and t.get_field("order_id").required, t.id
            assert "112-1234567-1234567" in text, t.id


def test_order_id_fields_use_the_3_7_7_pattern(templates):
    for t in templates.values():
        f = t.get_field("order_id")
        if f:
            assert f.pattern == r"^\d{3}-\d{7}-\d{7}$"
            assert f.problem("112-1234567-1234567") is None
            assert f.problem("112-123456-1234567")
            assert f.problem("")


def test_buyer_name_is_optional_everywhere(templates):
    for t in templates.values():
        f = t.get_field("buyer_name")
        assert f is not None and not f.required, t.id


# ---------------------------------------------------------------- rendering

def test_render_with_and_without_buyer_name(templates):
    for t in templates.values():
        values = t.example_values()
        assert t.render({**values, "buyer_name": "Maria"}).startswith("Hello Maria,\n\n"), t.id
        without = t.render({**values, "buyer_name": ""})
        assert without.startswith("Hello,\n\n"), t.id
        assert "Hello ," not in without and "  " not in without
        assert t.render({k: v for k, v in values.items() if k != "buyer_name"}) == without


def test_render_trims_values_and_keeps_single_line_fields_on_one_line(templates):
    t = templates["shipping-delay"]
    text = t.render({**t.example_values(), "buyer_name": "  Maria\n ", "new_date": " Friday,\nMay 8 "})
    assert text.startswith("Hello Maria,")
    assert "reach you by Friday, May 8." in text


def test_dropped_optional_paragraph_leaves_no_empty_paragraph(templates):
    t = templates["reply-damaged-or-wrong-item"]
    with_note = t.render(t.example_values())
    without = t.render({**t.example_values(), "photo_request": ""})
    assert "photo of the damage" in with_note
    assert "photo" not in without
    assert "\n\n\n" not in without
    assert "on its way.\n\nKind regards," in t.render({
        **t.example_values(), "photo_request": "",
        "remedy": t.get_field("remedy").choices[1]})


def test_optional_sentence_needs_all_its_fields(templates):
    t = templates["confirm-order-details"]
    full = t.render(t.example_values())
    assert "we will ship it with the zip closure." in full
    half = t.render({**t.example_values(), "default_option": ""})
    assert "Thursday, November 12" not in half and "we will ship it" not in half


def test_values_are_inserted_literally(templates):
    t = templates["reply-product-question"]
    text = t.render({**t.example_values(), "answer": "Use {order_id} and [[ brackets ]] as written."})
    assert "Use {order_id} and [[ brackets ]] as written." in text


def test_missing_required_value_raises_unless_partial(templates):
    t = templates["shipping-delay"]
    values = {**t.example_values(), "new_date": ""}
    with pytest.raises(ValueError, match="new_date"):
        t.render(values)
    assert "reach you by {new_date}." in t.render(values, partial=True)
    assert t.problems(values) == {"new_date": "New expected delivery is required"}
    assert t.problems(t.example_values()) == {}


def test_review_request_renders_without_its_context_only_dates(templates):
    t = templates["review-request"]
    values = {"order_id": "112-1234567-1234567", "seller_name": "Ana"}
    text = t.render(values)
    assert "2026" not in text and text.endswith("Ana")
    assert t.problems(values) == {"delivered_on": "Delivered on (earliest delivery date) is required"}


def test_to_dict_is_the_json_shape(templates):
    data = json.loads(json.dumps([t.to_dict() for t in templates.values()]))
    first = data[0]
    for key in ("id", "title", "group", "when", "kind", "message_type", "max_length", "body",
                "fields", "segments", "example_text"):
        assert key in first
    assert {"name", "label", "type", "required", "pattern", "example", "help", "choices"} <= set(first["fields"][0])
    greeting = first["segments"][1]
    assert greeting == {"optional": True, "parts": [{"text": " "}, {"field": "buyer_name"}]}


# ---------------------------------------------------------------- the loader refuses bad files

VALID = '''
[[template]]
id = "good-one"
title = "Good"
group = "Tests"
when = "When testing."
kind = "proactive"
message_type = "createUnexpectedProblem"
max_length = 2000
body = """
Hello[[ {buyer_name}]],

About order {order_id}: {detail}
"""

[[template.field]]
name = "buyer_name"
label = "Name"
type = "text"
required = false

[[template.field]]
name = "order_id"
label = "Order ID"
type = "order_id"
example = "112-1234567-1234567"

[[template.field]]
name = "detail"
label = "Detail"
type = "text"
example = "it ships Monday."
'''


def _write(tmp_path, text) -> Path:
    path = tmp_path / "templates.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_minimal_file_loads(tmp_path):
    loaded = load_templates(_write(tmp_path, VALID))
    assert list(loaded) == ["good-one"]
    assert loaded["good-one"].render({"order_id": "112-1234567-1234567", "detail": "ok"}) == \
        "Hello,\n\nAbout order 112-1234567-1234567: ok"


BROKEN = {
    "duplicate id": (VALID + VALID, "duplicate id"),
    "missing required key": (VALID.replace('when = "When testing."\n', ""), "missing required key(s) when"),
    "unknown field type": (VALID.replace('type = "text"\nexample = "it ships', 'type = "colour"\nexample = "it ships'),
                           "unknown field type 'colour'"),
    "undeclared placeholder": (VALID.replace("{detail}", "{detail} {tracking}"),
                               "placeholder {tracking} in the body has no declared field"),
    "unused field": (VALID.replace(": {detail}", "."), "declared field 'detail' is not used in the body"),
    "bad pattern": (VALID.replace('type = "text"\nexample = "it ships', 'type = "text"\npattern = "([a-z"\nexample = "it ships'),
                    "pattern '([a-z' does not compile"),
    # a field pattern is checked for linear time like every other pattern (a hostile value
    # typed into the form must not keep the server busy)
    "super-linear pattern": (VALID.replace('type = "text"\nexample = "it ships',
                                           'type = "text"\npattern = "^([a-z ]+)+$"\nexample = "it ships'),
                             "pattern '^([a-z ]+)+$' is not linear-time safe"),
    "example does not match": (VALID.replace('example = "112-1234567-1234567"', 'example = "112-12345-1234567"'),
                               "example '112-12345-1234567' does not match its pattern"),
    "example missing": (VALID.replace('example = "it ships Monday."\n', ""),
                        "field 'detail': example value missing for a required field"),
    "pattern the browser cannot run": (VALID.replace('type = "text"\nexample = "it ships', 'type = "text"\npattern = "(?i)^it"\nexample = "it ships'),
                                       "uses Python-only syntax"),
    "unknown kind": (VALID.replace('kind = "proactive"', 'kind = "newsletter"'), "unknown kind 'newsletter'"),
    "too long": (VALID.replace('example = "it ships Monday."', 'example = "' + "x" * 2000 + '"'),
                 "over max_length 2000"),
    "stray brace": (VALID.replace("About order", "About {order"), "stray '{'"),
    "unclosed segment": (VALID.replace("Hello[[ {buyer_name}]],", "Hello[[ {buyer_name},"), "'[[' without a matching ']]'"),
    "optional field outside a segment": (VALID.replace("Hello[[ {buyer_name}]],", "Hello {buyer_name},"),
                                         "optional field 'buyer_name' must sit inside"),
    "kind and type disagree": (VALID.replace('message_type = "createUnexpectedProblem"', 'message_type = "reply"'),
                               "does not go with message_type"),
    "over the type limit": (VALID.replace('message_type = "createUnexpectedProblem"',
                                          'message_type = "createDigitalAccessKey"'),
                            "exceeds the createDigitalAccessKey limit of 400"),
    "id not kebab-case": (VALID.replace('id = "good-one"', 'id = "Good_One"'), "kebab-case"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_file_names_file_template_and_problem(tmp_path, case):
    text, problem = BROKEN[case]
    path = _write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_templates(path)
    message = str(caught.value)
    assert str(path) in message
    expected_id = "Good_One" if case == "id not kebab-case" else "good-one"
    assert f"template '{expected_id}'" in message
    assert problem in message


def test_invalid_toml_names_the_file(tmp_path):
    path = _write(tmp_path, VALID.replace('title = "Good"', 'title = "Good'))
    with pytest.raises(PolicyError, match="not valid TOML") as caught:
        load_templates(path)
    assert str(path) in str(caught.value)


def test_shared_fields_are_inherited_and_overridable(tmp_path):
    text = '''
[fields.order_id]
label = "Order ID"
type = "order_id"
example = "112-1234567-1234567"
''' + VALID.replace('''name = "order_id"
label = "Order ID"
type = "order_id"
example = "112-1234567-1234567"''', '''name = "order_id"
label = "Amazon order"''')
    loaded = load_templates(_write(tmp_path, text))
    f = loaded["good-one"].get_field("order_id")
    assert (f.label, f.type, f.example) == ("Amazon order", "order_id", "112-1234567-1234567")


# ---------------------------------------------------------------- every template passes its own check

def _variants(t: Template):
    """The example values, then without the optional fields, then each select choice."""
    values = t.example_values()
    yield values
    yield {k: (v if t.get_field(k).required else "") for k, v in values.items()}
    for f in t.fields:
        for choice in f.choices:
            yield {**values, f.name: choice}


def test_every_template_filled_with_its_examples_passes_the_check(templates):
    blocking = {}
    for t in templates.values():
        values = t.example_values()
        delivered_on = values.get("delivered_on") or "2026-11-02"
        context = {
            "order_id": values.get("order_id", "112-1234567-1234567"),
            "delivered_on": delivered_on,
            "today": (date.fromisoformat(delivered_on) + timedelta(days=10)).isoformat(),
        }
        if values.get("delivered_latest"):
            context["delivered_latest"] = values["delivered_latest"]
        for v in _variants(t):
            text = t.render(v)
            found = [f for f in policy.check(text, template=t.id, context=context) if f.blocks]
            if found:
                blocking.setdefault(t.id, []).extend((f.rule, text[f.start:f.end]) for f in found)
    assert blocking == {}
