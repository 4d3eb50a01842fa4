"""The `classifier` rule kind and the per-language violation models (policy/violation_model.py,
policy/violation_data/<lang>/model.json): fresh sentences (not in the phrase files, not in any
rule's examples) are flagged or passed, the artefact is data that matches its phrase file, the
loader validates the kind's options, and a hand rule's finding is not repeated by the model."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import policy
from policy import load_policy
from policy.loader import PolicyError, load_rules
from policy.violation_model import ROOT, load_violation_model, model_path

DATA = ROOT / "violation_data"
LANGUAGES = sorted(p.parent.name for p in DATA.glob("*/model.json"))


def model_findings(text: str, language: str) -> list:
    return [f for f in policy.check(text, "amazon", language=language) if f.rule.endswith(f".model-{language}")]


FRESH_VIOLATING = {
    "de": [
        ("Schreiben Sie eine Bewertung. Dann bekommen Sie 10 € zurück.", "inducement"),
        ("Wer uns mit fünf Sternen bewertet, bekommt die Versandkosten zurück.", "inducement"),
        ("Am besten schreiben Sie mir gleich privat, dann klären wir das unter uns.", "external_contact"),
        ("Die Restzahlung bitte direkt an mich per Paypal senden.", "external_contact"),
        ("Tipp von uns: das passende Kissen dazu ist gerade reduziert.", "promotional"),
    ],
    "fr": [
        ("Pour nous, tout ce qui n'est pas cinq étoiles est un échec, pensez-y en nous évaluant.",
         "review_manipulation"),
        ("Vous êtes vraiment le client le plus bête qu'on ait eu.", "sensitive"),
    ],
    "it": [
        ("Le facciamo avere un buono da 15 euro quando ci manda il link della recensione.", "inducement"),
        ("Prima di recensire, se c'è qualcosa che non va ci contatti.", "review_manipulation"),
        ("Trova anche le nostre nuove borracce termiche, appena arrivate.", "promotional"),
        ("Lei non capisce niente di elettronica.", "sensitive"),
    ],
}
FRESH_CLEAN = {
    "de": [
        "Wir haben Ihnen den vollen Betrag erstattet.",
        "Die Rückerstattung wurde heute angewiesen.",
        "Über eine ehrliche Bewertung würden wir uns freuen.",
        "Bitte schreiben Sie uns über die Amazon-Nachrichten, wenn etwas fehlt.",
        "Wir schicken Ihnen kostenlos ein neues Ladekabel zu.",
        "Vielen Dank für Ihre Bestellung, das Paket ist heute an DHL gegangen.",
        "Der Kaufbetrag ist Ihnen gestern gutgeschrieben worden. Eine Bewertung ist natürlich freiwillig.",
    ],
    "fr": [
        "Le remboursement a été lancé aujourd'hui.",
        "Un avis sincère nous ferait plaisir.",
        "Nous comprenons votre colère, mais le colis a bien été livré selon La Poste.",
        "Le montant vous a été recrédité hier. Laisser un avis reste bien sûr facultatif.",
    ],
    "it": [  # neutral review requests: allowed, and blocked at 0.90 by the session-15 model
        "Gentile cliente, quando avrà montato la libreria, ci farebbe piacere conoscere il suo parere.",
        "Ehi, grazie per l'ordine! Lasciaci pure una recensione quando hai tempo.",
        "Il rimborso è già stato accreditato e non è collegato ad alcuna recensione.",
        "Il buono del 5% che compare sotto il prezzo è una promozione di Amazon.",
    ],
}


@pytest.mark.parametrize("language,text,category",
                         [(lang, t, c) for lang, cases in FRESH_VIOLATING.items() for t, c in cases])
def test_a_fresh_violating_sentence_is_read_as_its_category(language, text, category):
    found = model_findings(text, language)
    assert category in {f.category for f in found}, [(f.rule, f.excerpt) for f in found]
    assert all(f.severity == "block" for f in found)
    assert all("Statistical reading" in f.message for f in found)


@pytest.mark.parametrize("language,text", [(lang, t) for lang, texts in FRESH_CLEAN.items() for t in texts])
def test_a_fresh_clean_hard_negative_passes(language, text):
    assert policy.check(text, "amazon", language=language) == []


def test_a_condition_over_two_sentences_is_one_finding_over_both():
    text = "Hallo Frau Roth,\nSchreiben Sie eine Bewertung. Dann bekommen Sie 10 € zurück.\nViele Grüße"
    found = model_findings(text, "de")
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == "Schreiben Sie eine Bewertung. Dann bekommen Sie 10 € zurück."
    assert "%" in found[0].message  # the model's probability, filled in


def test_the_model_does_not_repeat_what_a_hand_rule_flags():
    text = "Für eine 5-Sterne-Bewertung erstatten wir Ihnen 10 €."
    rules = {f.rule for f in policy.check(text, "amazon", language="de")}
    assert "inducement.money-for-review-de" in rules
    assert not {r for r in rules if ".model-" in r}


def test_the_models_run_only_on_messages_in_their_language():
    pol = load_policy("amazon")
    assert not [r for r in pol.rules_for("en") if r.kind == "classifier"]
    wired = [lang for lang in LANGUAGES if any(r.kind == "classifier" for r in pol.rules_for(lang))]
    assert {"de", "fr"} <= set(wired)
    for language in wired:
        own = [r for r in pol.rules_for(language) if r.kind == "classifier"]
        assert len(own) == 5 and all(r.language == language for r in own)
        assert {r.options["model"].language for r in own} == {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_artefact_is_data_and_matches_its_phrase_file(language):
    path = DATA / language / "model.json"
    raw = path.read_bytes()
    assert raw.lstrip().startswith(b"{")  # JSON, not a pickle
    data = json.loads(raw)
    assert data["format"] == 1 and data["language"] == language
    assert path.stat().st_size < 1.5e6
    digest = hashlib.sha256((DATA / language / "phrases.toml").read_bytes()).hexdigest()
    assert data["meta"]["phrases_sha256"] == digest, \
        f"retrain: python -m policy.violation_train --language {language}"
    metrics = json.loads((DATA / language / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["phrases_sha256"] == digest and metrics["threshold"] == data["threshold"]
    model = load_violation_model(path)
    assert "clean" in model.labels and 0 < model.threshold < 1


RULE = '''[[rule]]
id = "promotional.model-test"
kind = "classifier"
category = "{category}"
severity = "block"
source = "inferred"
message = "Statistical reading: marketing ({{probability}})."
suggestions = ["Remove it."]
model = "{model}"
{extra}
examples.flag = ["x"]
examples.pass = ["y"]
'''


def _load(tmp_path: Path, model="violation_data/de/model.json", category="promotional", extra=""):
    path = tmp_path / "rules.toml"
    path.write_text(RULE.format(model=model, category=category, extra=extra), encoding="utf-8")
    return load_rules(path)


def test_the_loader_takes_a_valid_classifier_rule(tmp_path):
    rule = _load(tmp_path, extra="threshold = 0.9")[0]
    assert rule.options["threshold"] == 0.9
    assert rule.options["model"] is load_violation_model(model_path("violation_data/de/model.json"))


@pytest.mark.parametrize("kwargs,problem", [
    ({"extra": "threshold = 1.5"}, "between 0 and 1"),
    ({"extra": "threshold = true"}, "between 0 and 1"),
    ({"extra": 'threshold = "high"'}, "between 0 and 1"),
    ({"model": "/etc/model.json"}, "relative to policy/"),
    ({"model": "../outside/model.json"}, "relative to policy/"),
    ({"model": "violation_data/de/phrases.toml"}, "relative to policy/"),
    ({"model": "violation_data/xx/model.json"}, "cannot read the violation model"),
    ({"model": "triage_data/model.json"}, "malformed violation model"),
    ({"category": "link"}, "not one the model learnt"),
    ({"extra": "window = 2"}, "unknown field"),
])
def test_the_loader_refuses_bad_classifier_options(tmp_path, kwargs, problem):
    with pytest.raises(PolicyError, match=problem):
        _load(tmp_path, **kwargs)


@pytest.mark.parametrize("add", ["colour = 1", "[[families]]\nlabel = \"clean\"\nforms = [\"x\"]\nweight = 2",
                                 "opening", "[families_extra]\nx = 1"])
def test_a_phrase_file_refuses_what_it_does_not_know(tmp_path, monkeypatch, add):
    from policy import violation_train
    folder = tmp_path / "de"
    folder.mkdir()
    text = (DATA / "de" / "phrases.toml").read_text(encoding="utf-8")
    if add == "opening":  # a key [compose] does not know
        text = text.replace("\ngreeting = [", '\nopening = ["Hallo"]\ngreeting = [', 1)
    elif add.startswith("["):
        text = text + "\n" + add + "\n"
    else:
        text = add + "\n" + text
    (folder / "phrases.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(violation_train, "DATA", tmp_path)
    with pytest.raises(PolicyError, match="unknown"):
        violation_train.load_phrases("de")
