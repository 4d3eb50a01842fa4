"""The eBay, Walmart and Etsy template sets: complete for each marketplace, and compliant.

Every template, filled with its example values, must pass its own marketplace's check
with nothing that blocks; the purposes every seller needs must be covered, in that
marketplace's terms.
"""
from __future__ import annotations

import re

import pytest

import policy

PACKS = ("ebay", "walmart", "etsy")

# (words that must all appear in a template's id, title or "when"), per purpose
PURPOSES = {
    "shipping or delay": (("ship",), ("dispatch",), ("delay",), ("late",)),
    "item question": (("question",),),
    "return or refund": (("return",), ("refund",)),
    "missing or damaged": (("damaged",), ("missing",), ("not arrived",), ("not received",)),
    "cancellation": (("cancel",),),
    "feedback or review request": (("feedback",), ("review",)),
}
# The interface each marketplace's templates speak of (policy-facts and the brief).
WORDING = {"ebay": ("My eBay", "eBay"), "walmart": ("Walmart.com",), "etsy": ("Etsy",)}
ORDER_EXAMPLE = {"ebay": r"^\d{2}-\d{5}-\d{5}$", "walmart": r"^\d{13,15}$", "etsy": r"^\d{10}$"}


def _templates(marketplace):
    return policy.load_policy(marketplace).templates


def _mentions(template, words) -> bool:
    blob = f"{template.id} {template.title} {template.when}".lower()
    return all(w in blob for w in words)


@pytest.mark.parametrize("marketplace", PACKS)
def test_at_least_eight_templates_covering_every_purpose(marketplace):
    templates = _templates(marketplace)
    assert len(templates) >= 8
    for purpose, alternatives in PURPOSES.items():
        assert any(_mentions(t, words) for t in templates.values() for words in alternatives), \
            f"{marketplace}: no template for {purpose}"


def _filled():
    for marketplace in PACKS:
        for template in _templates(marketplace).values():
            yield pytest.param(marketplace, template, id=f"{marketplace}-{template.id}")


@pytest.mark.parametrize("marketplace,template", list(_filled()))
def test_template_with_its_examples_passes_its_own_check(marketplace, template):
    text = template.render(template.example_values())
    findings = policy.check(text, marketplace=marketplace, template=template.id)
    blocking = [f for f in findings if f.blocks]
    assert not blocking, [(f.rule, text[f.start:f.end]) for f in blocking]
    assert len(text) <= template.max_length


@pytest.mark.parametrize("marketplace", PACKS)
def test_order_number_examples_have_the_marketplace_format(marketplace):
    for template in _templates(marketplace).values():
        for field in template.fields:
            if field.name == "order_id":
                assert re.match(ORDER_EXAMPLE[marketplace], field.example), (template.id, field.example)


@pytest.mark.parametrize("marketplace", PACKS)
def test_templates_use_the_marketplace_wording(marketplace):
    bodies = " ".join(t.render(t.example_values()) for t in _templates(marketplace).values())
    for words in WORDING[marketplace]:
        assert words in bodies, (marketplace, words)
    others = {"ebay": "eBay", "walmart": "Walmart", "etsy": "Etsy", "amazon": "Amazon"}
    for other, name in others.items():
        if other != marketplace:
            assert name not in bodies, f"{marketplace} templates name {name}"
