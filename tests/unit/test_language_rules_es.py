"""Spanish on Amazon (policy/common/es/, policy/amazon/es/): the rules run on a Spanish message
and the marketplace's English word rules do not; context beats keywords; a free-typed Spanish
review request gets the timing and once-per-order checks. (The Spanish templates are checked
with every other language's in test_templates_languages.py.)"""
from __future__ import annotations

import pytest

import policy
from policy.engine import load_policy


def rules_of(text: str, context: dict | None = None, language: str = "auto") -> set[str]:
    return {f.rule for f in policy.check(text, "amazon", context=context, language=language)}


def test_spanish_is_checked_on_amazon_with_its_own_rules():
    pol = load_policy("amazon")
    assert "es" in pol.facts.languages
    spanish = {r.id for r in pol.rules_for("es")}
    assert "inducement.money-for-review-es" in spanish
    assert "external_contact.email-us" not in spanish
    assert {"email_address.address", "phone_number.number", "timing.review-window"} <= spanish


@pytest.mark.parametrize("text, rule", [
    ("Si nos deja una reseña de 5 estrellas, le reembolsamos 10 € por PayPal.", "inducement.money-for-review-es"),
    ("¿Podría eliminar su valoración negativa? Ya está todo resuelto.", "review_manipulation.change-review-es"),
    ("Escríbanos por WhatsApp y se lo solucionamos hoy.", "external_contact.off-marketplace-es"),
    ("Escríbanos a ventas arroba tienda punto es", "email_address.address"),
])
def test_a_spanish_violation_is_blocked(text, rule):
    found = policy.check(text, "amazon")
    assert rule in {f.rule for f in found}
    assert any(f.severity == "block" for f in found)


@pytest.mark.parametrize("text", [
    "Le hemos reembolsado el importe íntegro.",
    "Muchas gracias por su reseña, nos alegra que la lámpara le haya gustado.",
    "No podemos enviarle la factura por correo electrónico; la encontrará en su cuenta de Amazon.",
    "El transportista le llamará por teléfono antes de la entrega.",
])
def test_spanish_customer_service_passes(text):
    assert policy.check(text, "amazon") == []


SPANISH_REQUESTS = [
    "Hola, su lámpara ya ha llegado. Si tiene un momento, nos ayudaría mucho una reseña sincera.",
    "Buenos días, ¿podría valorar el producto en Amazon? Muchas gracias.",
    "Le agradeceríamos que compartiera su opinión sobre el pedido.",
]


@pytest.mark.parametrize("text", SPANISH_REQUESTS)
def test_a_free_typed_spanish_review_request_gets_the_timing_and_once_per_order_checks(text):
    assert "timing.review-window" in rules_of(text, {"delivered_on": "2026-11-02", "today": "2026-11-04"})
    assert "repeat_request.already-requested" in rules_of(text, {"previous_request_on": "2026-10-01"})
    assert load_policy("amazon").asks_for_review(text)


def test_a_spanish_message_that_asks_for_no_review_gets_no_timing_check():
    text = "Muchas gracias por su reseña. El recambio sale hoy y llegará el jueves."
    assert not {"timing.review-window", "repeat_request.already-requested"} & rules_of(
        text, {"delivered_on": "2026-11-02", "today": "2026-11-04", "previous_request_on": "2026-10-01"})


@pytest.mark.parametrize("text, found", [
    ("Envíe las fotos a soporte arroba casaverde punto es", True),
    ("Pida en nuestra web hogarsur punto es", True),
    ("Su paquete está en el punto de recogida de la calle Mayor.", False),
    ("Desde nuestro punto de vista, el fallo es del transportista.", False),
    ("Cada punto de venta tiene su horario.", False),
])
def test_punto_is_a_dot_only_inside_an_address(text, found):
    categories = {f.category for f in policy.check(text, "amazon", language="es")}
    assert bool(categories & {"link", "email_address"}) is found, categories
