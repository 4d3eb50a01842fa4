"""The triage rule file: every cue's own examples, and clear errors for a malformed file."""
from __future__ import annotations

from pathlib import Path

import pytest

from policy import PolicyError, load_policy
from policy.triage import all_cues, load_triage_rules, load_triage_rules_from, _view

RULES = load_triage_rules()
CUES = all_cues(RULES)
SOURCE = Path(RULES.path).read_text(encoding="utf-8")


@pytest.mark.parametrize("cue", CUES, ids=lambda c: f"{c.group}:{c.id}")
def test_cue_matches_its_example_and_not_its_counter_example(cue):
    _, view = _view(cue.example)
    assert any(p.search(view) for p in cue.patterns), cue.example
    if cue.counter_example:
        _, view = _view(cue.counter_example)
        assert not any(p.search(view) for p in cue.patterns), cue.counter_example


def test_every_cue_explains_itself():
    for cue in CUES:
        assert cue.why and cue.why[0].isupper()


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "triage.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path, old: str, new: str) -> Path:
    assert old in SOURCE
    return _write(tmp_path, SOURCE.replace(old, new, 1))


def test_the_real_file_loads_from_a_copy(tmp_path):
    rules = load_triage_rules_from(_write(tmp_path, SOURCE))
    assert list(rules.intents) == list(RULES.intents)


def test_bad_regex_names_file_entry_and_problem(tmp_path):
    path = _broken(tmp_path, "patterns = ['\\?']", "patterns = ['(unclosed']")
    with pytest.raises(PolicyError) as e:
        load_triage_rules_from(path)
    message = str(e.value)
    assert str(path) in message and "question_mark" in message and "bad pattern" in message


def test_unknown_intent_is_refused(tmp_path):
    path = _broken(tmp_path, 'id = "product_question"', 'id = "product_questions"')
    with pytest.raises(PolicyError, match="not one of"):
        load_triage_rules_from(path)


def test_unknown_template_is_refused(tmp_path):
    path = _broken(tmp_path, '"reply-invoice-request"]', '"reply-invoice-requests"]')
    with pytest.raises(PolicyError, match="unknown template id.*reply-invoice-requests"):
        load_triage_rules_from(path, known_templates=set(load_policy().templates))


def test_example_that_no_longer_matches_is_refused(tmp_path):
    path = _broken(tmp_path, 'example = "Is it waterproof?"', 'example = "Lovely weather"')
    with pytest.raises(PolicyError, match="question_mark.*does not match"):
        load_triage_rules_from(path)


def test_typo_in_a_key_is_refused(tmp_path):
    path = _broken(tmp_path, 'why = "Asks a question"', 'wy = "Asks a question"')
    with pytest.raises(PolicyError, match="unknown key"):
        load_triage_rules_from(path)


def test_bad_weight_is_refused(tmp_path):
    path = _broken(tmp_path, "weight = 2.5", "weight = -1")
    with pytest.raises(PolicyError, match="positive number"):
        load_triage_rules_from(path)


def test_not_toml_is_refused(tmp_path):
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_triage_rules_from(_write(tmp_path, "[[open]\nid ="))


def test_missing_intent_is_refused(tmp_path):
    start = SOURCE.index('[[intent]]\nid = "other"')
    end = SOURCE.index("[extract]")
    path = _write(tmp_path, SOURCE[:start] + SOURCE[end:])
    with pytest.raises(PolicyError, match="missing intent.*other"):
        load_triage_rules_from(path)


def test_unknown_marketplace():
    with pytest.raises(PolicyError):
        load_triage_rules("nowhere")
    with pytest.raises(PolicyError):
        load_triage_rules("../amazon")


def test_unknown_template_on_a_cue_is_refused(tmp_path):
    path = _broken(tmp_path, 'templates = ["reply-parcel-not-received"]', 'templates = ["reply-nope"]')
    with pytest.raises(PolicyError, match="unknown template id.*reply-nope"):
        load_triage_rules_from(path, known_templates=set(load_policy().templates))
