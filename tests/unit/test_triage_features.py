"""The triage model's features: the ones that carry a meaning past the training wording."""
from __future__ import annotations

from policy.triage_features import analyze, features_at, tokens, view_of


def _named(text: str, prefix: str) -> list[str]:
    return [f for f in analyze(text) if f.startswith(prefix)]


def test_words_in_a_negation_scope_also_count_as_negated():
    assert {"n:arrived", "n:yet"} <= set(_named("it never arrived yet", "n:"))
    assert "n:moved" in _named("tracking hasnt moved", "n:"), "apostrophe dropped on a phone"
    assert "n:lid" in _named("got everything except the lid", "n:")


def test_a_negation_stops_at_punctuation_and_after_three_words():
    assert _named("not bad. arrived today", "n:") == ["n:bad"]
    assert _named("no problem at all with the lamp", "n:") == ["n:problem", "n:at", "n:all"]
    assert _named("it arrived today, thanks", "n:") == []


def test_a_negated_word_points_from_the_negation_to_the_word():
    toks = tokens(view_of("It hasn't arrived")[1])
    spans = {name: (first, last) for name, first, last in features_at(toks)}
    assert spans["n:arrived"] == (1, 2)


def test_emoji_and_emoticons_count_as_their_mood():
    assert _named("thanks 👍", "e:") == ["e:pleased"]
    assert _named("still nothing 😡😡", "e:") == ["e:upset"]
    assert _named("ok :(", "e:") == ["e:upset"]
    assert _named("found it 😅", "e:") == ["e:wry"]
    assert _named("merry christmas 🎄", "e:") == ["e:festive"]
    assert _named("thanks!!", "e:") == []


def test_web_addresses_and_handles_are_one_token_each():
    words = [f for f in analyze("@AcmeHelp @12345 see https://t.co/Ab12 thx") if f.startswith("w:")]
    assert words == ["w:@user", "w:@user", "w:see", "w:url", "w:thx"]
    assert not any(f.startswith("c:") and ("acme" in f or "t.co" in f) for f in analyze("@AcmeHelp https://t.co/Ab12"))
