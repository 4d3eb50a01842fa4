"""The detector registry, the Hit shape, the offset-keeping View, and the promise
that the suffix list is the bundled one (no download)."""
import dataclasses
import re
import socket

import pytest

from policy.detectors import DETECTORS, Hit
from policy.detectors.base import View, drop_overlapping
from policy.detectors.disguise import undot, unat, WORD_AT_MARK
from policy.normalize import normalize


def test_registry_names_and_signature():
    assert set(DETECTORS) == {"link", "email", "phone", "emoji", "html", "placeholder", "invisible"}
    for detect in DETECTORS.values():
        assert detect("", normalize("")) == []
        assert detect("Hello, your order shipped today.", normalize("Hello, your order shipped today.")) == []


def test_hit_is_small_and_frozen():
    hit = Hit(1, 4, "url")
    assert (hit.severity, hit.replacement) == ("block", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.start = 2


def test_view_rewrites_map_back_to_the_original():
    text = "Mail: JANE (at) Shop DOT com!"
    view = unat(undot(View.of(normalize(text))))
    assert view.text == "mail: jane@shop.com!"
    start = view.text.index("jane")
    end = view.text.index("!")
    assert text[slice(*view.span(start, end))] == "JANE (at) Shop DOT com"
    assert text[slice(*view.span(view.text.index("shop"), view.text.index("shop") + 4))] == "Shop"


def test_span_ending_on_a_shortened_replacement_covers_all_of_it():
    text = "zero one two three four five six seven"
    view = View.of(normalize(text)).rewrite(re.compile(r"[a-z]+"), lambda m: "x")
    assert view.text == "x x x x x x x x"
    assert text[slice(*view.span(0, len(view.text)))] == text
    assert text[slice(*view.span(14, 15))] == "seven"


def test_word_at_is_marked_apart_from_an_at_sign():
    view = unat(View.of(normalize("jane at shop")))
    assert view.text == f"jane{WORD_AT_MARK}shop"
    assert unat(View.of(normalize("flat at"))).text == "flat at"


def test_view_span_through_removed_invisible_characters():
    text = "x lumi\u200bfix.com y"
    view = undot(View.of(normalize(text)))
    i = view.text.index("lumifix")
    assert view.span(i, i + len("lumifix.com")) == (2, 14)


def test_drop_overlapping():
    hits = [Hit(0, 3, "a"), Hit(5, 9, "b"), Hit(10, 12, "c")]
    assert drop_overlapping(hits, [Hit(8, 10, "x")]) == [Hit(0, 3, "a"), Hit(10, 12, "c")]
    assert drop_overlapping(hits, []) == hits


def test_no_network_is_touched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a detector tried to use the network")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    import tldextract
    fresh = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    assert fresh("www.example.co.uk").suffix == "co.uk"
    text = "see shop.example.io/x or mail a@b.de, +44 20 7946 0958 😀 <b>x</b> {name} \u202ex\u202c"
    assert all(detect(text, normalize(text)) for detect in DETECTORS.values())


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_long_hostile_input_is_handled(name):
    """Not a timing test (benchmarks print those): a wall of near-matches still returns."""
    text = ("a.b (dot) x@y. 1-2-3 <a &nbsp \u200b 😀 " * 800)[:20000]
    hits = DETECTORS[name](text, normalize(text))
    assert all(0 <= h.start < h.end <= len(text) for h in hits)
