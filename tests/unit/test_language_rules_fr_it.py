"""French and Italian rules (policy/common/fr/, policy/common/it/) on Amazon: they run only on a
message in their language, block what sellers really write and pass customer service; the
spelled-out dots and at-signs of each language are addresses only inside an address; and the
labelled dev sets (tests/data/amazon_fr_dev.jsonl, amazon_it_dev.jsonl) keep their verdicts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import policy
from policy.engine import load_policy

DATA = Path(__file__).resolve().parents[1] / "data"


def rules_of(text: str, language: str = "auto") -> set[str]:
    return {f.rule for f in policy.check(text, "amazon", language=language)}


@pytest.mark.parametrize("language", ["fr", "it"])
def test_the_rules_of_a_language_run_on_its_messages_only(language):
    pol = load_policy("amazon")
    own = {r.id for r in pol.rules_for(language)} - {r.id for r in pol.rules}
    assert f"inducement.money-for-review-{language}" in own
    assert language in pol.facts.languages
    for other in ("en", "de", "pl"):
        assert not own & {r.id for r in pol.rules_for(other)}


@pytest.mark.parametrize("text, rule", [
    ("Laissez-nous un avis 5 étoiles svp, nous vous remboursons 10 € par PayPal.", "inducement.money-for-review-fr"),
    ("Si vous êtes satisfait, laissez un avis. Sinon, contactez-nous d'abord.", "review_manipulation.gating-fr"),
    ("Ci lasci una recensione a 5 stelle e Le rimborsiamo 10 € con PayPal.", "inducement.money-for-review-it"),
    ("Se è soddisfatto lasci una recensione, altrimenti ci contatti prima.", "review_manipulation.gating-it"),
])
def test_a_review_offer_or_gating_is_blocked_in_the_detected_language(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", [
    "Nous vous avons remboursé l'intégralité de la commande, vous n'avez rien à renvoyer.",
    "Le abbiamo rimborsato l'intero importo; non deve restituire nulla.",
])
def test_a_refund_as_customer_service_passes(text):
    assert policy.check(text, "amazon") == []


@pytest.mark.parametrize("text, found", [
    ("Écrivez-nous à sav arobase boutique point fr", True),
    ("Allez sur www point boutique point com pour la notice", True),
    ("Ci scriva a info chiocciola negozio punto it", True),
    ("Votre colis vous attend au point de retrait depuis hier.", False),
    ("Sur ce point je vous rejoins tout à fait.", False),
    ("Il pacco è al punto di ritiro del Suo quartiere.", False),
    ("A che punto è la Sua pratica di reso?", False),
])
def test_point_and_punto_are_dots_only_inside_an_address(text, found):
    categories = {f.category for f in policy.check(text, "amazon")}
    assert bool(categories & {"link", "email_address"}) is found, categories


@pytest.mark.parametrize("name", ["amazon_fr_dev", "amazon_it_dev"])
def test_the_dev_sets_keep_their_verdicts(name):
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    wrong = []
    for row in rows:
        findings = policy.check(row["text"], "amazon")
        if any(f.severity == "block" for f in findings) != row["expect_block"]:
            wrong.append((row["id"], [f.rule for f in findings]))
    assert not wrong


@pytest.mark.parametrize("text", [
    "Le mandiamo un buono regalo se lascia una recensione.",
    "Una carta regalo da 10 € per chi scrive una recensione.",
    "ciao, mi lasci una rece? poi ti mando un buono amazon",
])
def test_an_italian_voucher_named_in_the_singular_is_something_of_value(text):
    assert "inducement" in {f.category for f in policy.check(text, "amazon")}


def test_a_singular_italian_sale_price_is_promotion():
    assert "promotional" in {f.category for f in policy.check("Solo oggi prezzo bomba su tutte le lampade!", "amazon")}


@pytest.mark.parametrize("text, links", [
    ("I ricambi li trova su ferramenta-rossi.it a metà prezzo.", 1),
    ("Il sito www.ferramenta-rossi.it ha le istruzioni.", 1),
    ("Il pacco è partito ieri, lo riceverà giovedì.", 0),
])
def test_an_italian_shop_domain_is_one_link(text, links):
    assert sum(f.category == "link" for f in policy.check(text, "amazon")) == links


@pytest.mark.parametrize("text, found", [
    ("Rejoignez notre groupe Telegram pour suivre vos commandes.", True),
    ("Entri nel nostro gruppo Telegram per le novità.", True),
    ("Nous ne sommes pas présents sur WhatsApp, écrivez-nous ici.", False),
    ("Non siamo presenti su WhatsApp, ci scriva qui.", False),
    ("Le signal Bluetooth porte jusqu'à 10 mètres.", False),
])
def test_a_messaging_app_takes_the_buyer_off_the_marketplace(text, found):
    assert ("external_contact" in {f.category for f in policy.check(text, "amazon")}) is found
