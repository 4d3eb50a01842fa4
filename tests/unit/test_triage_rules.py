"""The triage data files: every marketplace's triage.toml and the common file load; bad ones fail
at load naming file, entry and problem; every pattern is checked for linear time."""
from __future__ import annotations

import shutil

import pytest

from policy.policyfile import PolicyError
from policy.triage_rules import COMMON_PATH, INTENTS, POLICY_ROOT, load_common, load_rules_from, \
    load_triage_rules, marketplaces

MINIMAL = 'marketplace = "test"\nreply_hours = 24\n[extract]\norder_id = \'\\b\\d{3}\\b\'\n'


def test_every_marketplace_has_triage_rules():
    assert {"amazon", "ebay", "walmart", "etsy"} <= set(marketplaces())
    for marketplace in marketplaces():
        rules = load_triage_rules(marketplace)
        assert rules.marketplace == marketplace
        assert set(INTENTS) <= set(rules.intents)


def test_the_reply_clock_is_data():
    assert load_triage_rules("amazon").reply_hours == 24
    assert load_triage_rules("walmart").reply_hours == 48
    assert load_triage_rules("walmart").every_message_needs_reply is True
    assert load_triage_rules("amazon").no_reply_action == "Mark as no response needed"


def _write(tmp_path, text, name="triage.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_file_loads(tmp_path):
    rules = load_rules_from(_write(tmp_path, MINIMAL))
    assert rules.reply_hours == 24 and rules.extra_intents == ()


@pytest.mark.parametrize("extra,needle", [
    ('reply_hour = 24\n', "unknown key(s) ['reply_hour']"),
    ('[templates]\nwhere_is_my_parcel = []\n', "unknown key(s) ['where_is_my_parcel']"),
    ('[[intent]]\nid = "haggle"\ntitle = "Haggle"\nwhy = "Haggles"\npatterns = ["\\\\bdeal\\\\b"]\nweigth = 2\n',
     "unknown key(s) ['weigth']"),
])
def test_unknown_keys_are_refused(tmp_path, extra, needle):
    with pytest.raises(PolicyError) as info:
        load_rules_from(_write(tmp_path, MINIMAL + extra if not extra.startswith("reply_hour ") else extra + MINIMAL))
    assert str(tmp_path) in str(info.value) and needle in str(info.value)


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\s*\n)*x", r"(a|aa)*b", r"(\w+\s?)*$", r"(.)\1"])
def test_super_linear_patterns_are_refused(tmp_path, pattern):
    text = MINIMAL.replace("[extract]", f'[[intent]]\nid = "slow"\ntitle = "Slow"\nwhy = "Slow"\n'
                                        f"patterns = ['{pattern}']\n\n[extract]")
    with pytest.raises(PolicyError) as info:
        load_rules_from(_write(tmp_path, text))
    message = str(info.value)
    assert "[[intent]] slow pattern 1" in message
    assert "linear" in message or "back-reference" in message


def test_every_shipped_pattern_is_linear_time():
    """Loading runs policy.patterns' check on each; here the files' patterns are counted too."""
    count = 0
    for marketplace in marketplaces():
        rules = load_triage_rules(marketplace)
        count += len(rules.product) + 1 + sum(len(i.cues.patterns) for i in rules.extra_intents)
    assert count > 5


def test_a_bad_regex_names_file_entry_and_problem(tmp_path):
    text = MINIMAL.replace("order_id = '\\b\\d{3}\\b'", "order_id = '(unclosed'")
    with pytest.raises(PolicyError) as info:
        load_rules_from(_write(tmp_path, text))
    assert "[extract] order_id" in str(info.value) and "does not compile" in str(info.value)


def test_an_example_that_no_longer_matches_is_refused(tmp_path):
    text = MINIMAL.replace("[extract]", '[[intent]]\nid = "haggle"\ntitle = "Haggle"\nwhy = "Haggles"\n'
                                        "patterns = ['\\bbest price\\b']\nexamples = [\"any discount?\"]\n\n[extract]")
    with pytest.raises(PolicyError, match="example 'any discount\\?' does not match"):
        load_rules_from(_write(tmp_path, text))


def test_a_counter_example_that_matches_is_refused(tmp_path):
    text = MINIMAL.replace("[extract]", '[[intent]]\nid = "haggle"\ntitle = "Haggle"\nwhy = "Haggles"\n'
                                        "patterns = ['\\bprice\\b']\ncounter_examples = [\"what price?\"]\n\n[extract]")
    with pytest.raises(PolicyError, match="counter example 'what price\\?' matches"):
        load_rules_from(_write(tmp_path, text))


def test_an_unknown_template_is_refused(tmp_path):
    text = MINIMAL + '[templates]\nwhere_is_my_order = ["no-such-template"]\n'
    text = text.replace("[extract]\norder_id = '\\b\\d{3}\\b'\n", "") + "[extract]\norder_id = '\\b\\d{3}\\b'\n"
    with pytest.raises(PolicyError, match="unknown template id"):
        load_rules_from(_write(tmp_path, text), known_templates={"reply-where-is-my-order"})


def test_an_intent_may_not_redefine_a_common_one(tmp_path):
    text = MINIMAL.replace("[extract]", '[[intent]]\nid = "other"\ntitle = "x"\nwhy = "x y"\n'
                                        "patterns = ['x']\n\n[extract]")
    with pytest.raises(PolicyError, match="already defined"):
        load_rules_from(_write(tmp_path, text))


@pytest.mark.parametrize("hours", ["0", "-5", '"24"', "true", "100000"])
def test_a_bad_reply_clock_is_refused(tmp_path, hours):
    with pytest.raises(PolicyError, match="reply_hours"):
        load_rules_from(_write(tmp_path, MINIMAL.replace("reply_hours = 24", f"reply_hours = {hours}")))


def test_not_toml_is_refused(tmp_path):
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_rules_from(_write(tmp_path, "marketplace = ["))


def test_unknown_marketplace():
    for bad in ("nowhere", "../amazon", "Amazon", ""):
        with pytest.raises(PolicyError):
            load_triage_rules(bad)


def test_the_common_file_refuses_unknown_keys(tmp_path):
    copy = tmp_path / "common.toml"
    shutil.copy(COMMON_PATH, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace('[intent.other]\ntitle', '[intent.other]\ntitel'),
                    encoding="utf-8")
    with pytest.raises(PolicyError, match=r"\[intent.other\]: unknown key\(s\) \['titel'\]"):
        load_common(copy)


def test_the_common_file_checks_previous_message_cues(tmp_path):
    copy = tmp_path / "common.toml"
    shutil.copy(COMMON_PATH, copy)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("[previous.asks]\n", "[previous.asks]\nexamples_ = []\n"), encoding="utf-8")
    with pytest.raises(PolicyError, match="examples_"):
        load_common(copy)


def test_the_real_files_load_from_a_copy(tmp_path):
    from policy.marketplace import load_marketplace
    for marketplace in marketplaces():
        copy = tmp_path / f"{marketplace}.toml"
        shutil.copy(POLICY_ROOT / marketplace / "triage.toml", copy)
        has_facts = (POLICY_ROOT / marketplace / "marketplace.toml").is_file()
        facts = load_marketplace(marketplace) if has_facts else None
        assert load_rules_from(copy, facts=facts).marketplace == marketplace


def test_marketplace_facts_are_the_one_source_of_the_clock_and_wording():
    from policy.marketplace import load_marketplace
    facts = load_marketplace("amazon")
    rules = load_triage_rules("amazon")
    assert rules.reply_hours == facts.reply_clock.hours and rules.reply_note == facts.reply_clock.note
    assert rules.no_reply_action == facts.wording["no_response_needed"]
    assert rules.console == facts.wording["seller_tool"]
    assert rules.order_id.search("order 112-1234567-1234567") and not rules.order_id.search("12-34567-89012")


def test_without_marketplace_facts_the_triage_file_must_give_the_clock(tmp_path):
    with pytest.raises(PolicyError, match="missing key\\(s\\) \\['reply_hours'\\]"):
        load_rules_from(_write(tmp_path, 'marketplace = "x"\n[extract]\norder_id = \'\\d\'\n'))


WORDS_INTENT = ('[[intent]]\nid = "haggle"\ntitle = "Haggle"\nwhy = "Haggles"\n'
                "patterns = ['\\bwould you (?:take|accept) {offer}\\b']\n"
                'examples = ["Would you take a lower price?"]\ncounter_examples = ["Would you take a photo?"]\n')


def test_triage_cues_use_the_files_word_lists(tmp_path):
    # a long set of alternatives is a [words] list, one a line, as in rules.toml
    text = MINIMAL + "\n" + WORDS_INTENT + "\n[words]\noffer = [\n  'less',\n  'a lower price',\n  'an offer',\n]\n"
    rules = load_rules_from(_write(tmp_path, text))
    (haggle,) = rules.extra_intents
    assert haggle.cues.first("would you accept an offer") is not None
    assert haggle.cues.first("would you accept a parcel") is None


@pytest.mark.parametrize("words, problem", [
    ("", "unknown word list {offer}"),
    ("\n[words]\noffer = 'less'\n", "[words] offer: must be a non-empty list"),
    ("\n[words]\noffer = ['(a+)+']\n", "[words] offer"),
])
def test_a_bad_word_list_names_file_and_list(tmp_path, words, problem):
    with pytest.raises(PolicyError) as info:
        load_rules_from(_write(tmp_path, MINIMAL + "\n" + WORDS_INTENT + words))
    assert "triage.toml" in str(info.value) and problem in str(info.value)
