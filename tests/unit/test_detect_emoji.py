"""Emoji detector: pictures flagged (with a removal fix), text symbols left alone."""
import emoji
import pytest

from policy.detectors import DETECTORS, emojis
from policy.normalize import normalize


def found(text):
    hits = DETECTORS["emoji"](text, normalize(text))
    assert all(h.kind == "emoji" and h.severity == "block" and h.replacement == "" for h in hits)
    return [text[h.start:h.end] for h in hits]


def fixed(text):
    """The text with every hit's replacement applied."""
    for h in sorted(DETECTORS["emoji"](text, normalize(text)), key=lambda h: -h.start):
        text = text[:h.start] + h.replacement + text[h.end:]
    return text


@pytest.mark.parametrize("text, covered", [
    ("Stop lying about the damage, you clown 😡", ["😡"]),
    ("Got it, we'll send the bigger size tomorrow 👍🏽", ["👍🏽"]),
    ("Please rate us 5️⃣ stars!", ["5️⃣ "]),
    ("our UK warehouse 🇬🇧 It should arrive", ["🇬🇧 "]),
    ("the whole family 👨\u200d👩\u200d👧 enjoys", ["👨\u200d👩\u200d👧 "]),
    ("your honest review ❤️", ["❤️"]),
    ("your honest review ❤", ["❤"]),
    ("✅ Refund issued\n✅ Replacement shipped", ["✅ ", "✅ "]),
    ("A quick 5⭐ review", ["⭐"]),
    ("Box #️⃣2", ["#️⃣"]),
    ("Brand™️ kettle", ["™️"]),
    ("🔥 Flash sale! 30% off 🔥", ["🔥 ", "🔥"]),
    ("Thanks 😊😊 😊 see you", ["😊😊 😊 "]),
    ("on its way 📦 Tracking 1Z999AA10123456784.", ["📦 "]),
    ("pride 🏳️\u200d🌈 flag", ["🏳️\u200d🌈 "]),
    ("great!👍", ["👍"]),
])
def test_emoji(text, covered):
    assert found(text) == covered


@pytest.mark.parametrize("text, expected", [
    ("our UK warehouse 🇬🇧 It should arrive", "our UK warehouse It should arrive"),
    ("tomorrow 👍🏽 See you", "tomorrow See you"),
    ("your honest review ❤️", "your honest review "),
    ("🔥 Flash sale!", "Flash sale!"),
    ("A quick 5⭐ review", "A quick 5 review"),
])
def test_removing_emoji_leaves_tidy_spacing(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "Rated ★★★★★ by buyers", "✓ 2 × shelf panels (80 × 30 cm)\n✗ wall plugs → shipped separately",
    "16 × screws (½ inch)", "100°C", "The ThermoSafe™ kettle", "Riverton Appliances®", "© 2026 Brand",
    "Box #1 and box #3", "5 stars", "USB-C <-> USB-C", "Seller: 深圳市明辉电子有限公司", "Grüße, Amélie",
    "24,99\xa0€", "a ↔ b", "✔ done", "♥ suit", ":) thanks",
])
def test_not_emoji(text):
    assert found(text) == []


def test_every_emoji_code_point_is_in_the_prefilter():
    """Only runs of these characters reach emoji_list: a missing one would be missed."""
    for sequence in emoji.EMOJI_DATA:
        assert emojis._EMOJI_RUN.search(sequence), ascii(sequence)
