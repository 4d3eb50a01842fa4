"""The speed-ups in policy.patterns must never change what a pattern matches."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policy import load_policy
from policy.normalize import normalize
from policy.patterns import _expand_gaps, _expand_spaces, _fast_word_starts, compile_pattern

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"


def _texts() -> list[str]:
    texts = []
    for rule in load_policy("amazon").rules:
        texts += [e["text"] for e in rule.examples_flag + rule.examples_pass]
    if CORPUS.exists():
        texts += [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    return [normalize(t).text for t in texts]


def _parts():
    seen = {}
    for rule in load_policy("amazon").rules:
        for value in rule.options.values():
            compiled = [value] if hasattr(value, "parts") else []
            if isinstance(value, list):
                compiled = [item[0] for item in value
                            if isinstance(item, tuple) and hasattr(item[0], "parts")]
            for c in compiled:
                for regex, hints in c.parts:
                    seen[regex.pattern] = (regex, hints)
    return list(seen.values())


def test_required_strings_are_really_required():
    texts = _texts()
    for regex, hints in _parts():
        if not hints:
            continue
        for text in texts:
            if regex.search(text):
                for strings in hints:  # one string of every required set
                    assert any(h in text for h in strings), (regex.pattern, strings, text)


@pytest.mark.parametrize("source", [
    r"\bpoints\b", r"\b(?:leave|post)s? x", r"\b(?:very|so)?bad", r"\bf+u", r"x\b(?:foo|bar)",
    r"(?<!\bx)y", r"\b(?:a|\d)", r"\bgo (?:up|down)",
])
def test_fast_word_starts_match_the_same(source):
    plain = re.compile(_expand_spaces(source))
    fast = re.compile(_fast_word_starts(_expand_spaces(source)))
    for text in ["points and xpoints", "leaves x posts x", "so bad verybad bad", "ffu fu",
                 "xfoo x foo", "xy y", "a 1 ba", "go up, go  down", "ago up"]:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_gap_is_bounded_and_stays_in_the_sentence():
    p = compile_pattern("leave {gap 2} review")
    assert p.search("leave us a review")
    assert not p.search("leave us a nice long review")
    assert not p.search("leave it! review")
    assert _expand_gaps("a {gap 3} b").count("{0,3}") == 1


def test_spaces_and_apostrophes_are_forgiving():
    p = compile_pattern("don't leave")
    assert p.search("don’t   leave") and p.search("don't\nleave")


def test_hint_index_finds_the_same_strings_as_substring_search():
    from policy.patterns import HintIndex
    rule = next(r for r in load_policy("amazon").rules if r.id == "inducement.money-for-review")
    parts = rule.options["first"]
    index = parts.index
    # Hyperscan and pyahocorasick are pinned requirements: the index must have a scanner here.
    assert index is not None and index.scan.available
    strings = {h for _, hints in parts.parts for group in hints for h in group}
    for text in _texts():
        scan = index.found(text, {})
        assert {h for h in strings if h in text} == scan.present & strings, text
        for h in strings:
            assert scan.positions[h] == [i for i in range(len(text)) if text.startswith(h, i)], (h, text)
        # a candidate part is one whose every required set has a string in the text
        for key, (_, hints) in zip(parts._keys, parts.parts):
            assert (key in scan.candidates) == all(any(h in text for h in g) for g in hints), text
    assert not HintIndex([]).scan.available  # nothing to index: no scanner, no error


def test_each_scanner_finds_the_same_strings(monkeypatch):
    import policy.string_scan as string_scan
    strings = ["review", "revi", "view", "five", "★", "星5", "é", "www."]
    texts = _texts() + ["", "a\ud800 review ★★ 星5", "reviewreview", "www.www."]
    with_hyperscan = string_scan.StringScan(strings)
    monkeypatch.setattr(string_scan, "hyperscan", None)
    with_automaton = string_scan.StringScan(strings)
    assert with_hyperscan._db is not None and with_automaton._automaton is not None
    for text in texts:
        expected = {s for s in strings if s in text}
        assert with_hyperscan.present(text) == expected == with_automaton.present(text), text


def test_indexed_and_plain_checks_give_the_same_findings(monkeypatch):
    import policy.string_scan as string_scan
    from policy.engine import POLICY_ROOT, load_policy_from
    indexed = load_policy_from(POLICY_ROOT / "amazon", "amazon")
    monkeypatch.setattr(string_scan, "hyperscan", None)
    automaton = load_policy_from(POLICY_ROOT / "amazon", "amazon")
    monkeypatch.setattr(string_scan, "ahocorasick", None)
    plain = load_policy_from(POLICY_ROOT / "amazon", "amazon")
    texts = _texts()
    texts.append("\n\n".join(texts[:40]))  # one long message: many sentences, many windows
    for text in texts:
        expected = [f.to_dict() for f in plain.check(text)]
        assert [f.to_dict() for f in indexed.check(text)] == expected, text
        assert [f.to_dict() for f in automaton.check(text)] == expected, text


def test_long_text_still_sees_a_run_of_line_breaks():
    filler = "The lamp is fine and works well. " * 110  # over the whole-text scan limit
    found = {f.rule for f in load_policy("amazon").check("Hello there.\n\n\nYour order ships today. " + filler)}
    assert "formatting.line-breaks" in found


def test_scanning_around_required_strings_finds_what_a_whole_scan_finds(monkeypatch):
    import policy.patterns as patterns
    texts = [e["text"] for rule in load_policy("amazon").rules
             for e in rule.examples_flag + rule.examples_pass]
    if CORPUS.exists():
        texts += [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    texts.append("\n\n".join(texts[:40]))  # one long message: many sentences, many windows
    policy = load_policy("amazon")
    windowed = [[f.to_dict() for f in policy.check(t)] for t in texts]
    monkeypatch.setattr(patterns, "SCAN_WHOLE_BELOW", 10**9)
    assert [[f.to_dict() for f in policy.check(t)] for t in texts] == windowed


def test_the_sentence_break_patterns_match_what_their_plain_alternations_do():
    import random
    import re

    from policy import engine, textview
    cjk = textview.CJK_CHARS
    plain_end = re.compile(r"[.!?…]+(?=\s|$)|。+|[!?]+(?=[" + cjk + "])|;|\n")
    plain_break = re.compile(r"[.!?…]+[\"')\]]*(?=\s|$)|[。｡！？]+[」』）]*|[!?]+(?=[" + cjk + "])|[;\n]")
    rng = random.Random(20261202)
    pieces = list(".!?…。｡！？;\n\"')]」』） \tab日ア") + ["...", "?!", "\r\n", "\u2028"]
    texts = ["Hi. Thanks! Really?", "ありがとう！今後とも。", "Done;\nnext...", "He said \"ok.\" Then"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    spans = lambda rx, t: [(m.start(), m.end(), m.group()) for m in rx.finditer(t)]  # noqa: E731
    for text in texts:
        assert spans(textview._SENTENCE_END, text) == spans(plain_end, text), text
        assert spans(engine._SENTENCE_BREAK, text) == spans(plain_break, text), text
