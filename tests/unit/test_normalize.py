"""The matching view: sees through disguises, and every view span maps back to what was typed."""
from __future__ import annotations

import re

import pytest

from policy.normalize import normalize


def original_of(text: str, word: str) -> str:
    """The original text under the first occurrence of `word` in the view."""
    n = normalize(text)
    i = n.text.index(word)
    start, end = n.span(i, i + len(word))
    return text[start:end]


def assert_well_formed(text: str) -> None:
    n = normalize(text)
    assert n.original == text
    assert len(n.origin) == len(n.text) + 1
    assert n.origin[-1] == len(text)
    assert all(a <= b for a, b in zip(n.origin, n.origin[1:])), "origin must not go backwards"
    assert all(0 <= o < len(text) for o in n.origin[:-1])


# ---------------------------------------------------------------- plain text is left alone

@pytest.mark.parametrize("text", [
    "Your order 112-1234567-1234567 shipped on 12/05/2026.",
    "I am a cat, and I think a b is fine.",
    "Plan A or plan B? U.S. customers pay $12.99 at 3 p.m.",
    "e-mail, T-shirt, A/B test, Q&A, 100% cotton",
])
def test_plain_text_is_only_lower_cased(text):
    n = normalize(text)
    assert n.text == text.lower()
    assert n.origin == tuple(range(len(text) + 1))


def test_empty_text():
    n = normalize("")
    assert n.text == "" and n.origin == (0,) and n.span(0, 0) == (0, 0)


# ---------------------------------------------------------------- full-width and compatibility forms

def test_full_width_letters_and_ideographic_space_fold_to_ascii():
    text = "Ｌｅａｖｅ\u3000ａ　ＲＥＶＩＥＷ"
    assert normalize(text).text == "leave a review"
    assert original_of(text, "review") == "ＲＥＶＩＥＷ"


def test_full_width_digits_and_mathematical_letters():
    assert normalize("５ ｓｔａｒ").text == "5 star"
    assert normalize("𝐟𝐫𝐞𝐞 𝗴𝗶𝗳𝘁").text == "free gift"
    assert normalize("Ⓕⓡⓔⓔ").text == "free"


def test_ligature_expands_and_both_letters_map_to_it():
    text = "ﬁve stars"
    n = normalize(text)
    assert n.text == "five stars"
    assert n.origin[:2] == (0, 0)
    assert n.span(0, 4) == (0, 3)          # "five" is "ﬁve"
    assert n.span(1, 2) == (0, 1)          # the "i" alone still lands on the ligature


def test_sharp_s_and_dotted_capital_i():
    assert normalize("Straße").text == "strasse"
    assert normalize("İstanbul").text == "istanbul"


# ---------------------------------------------------------------- look-alike letters

def test_cyrillic_a_inside_star():
    text = "Give us 5 st\u0430rs"
    n = normalize(text)
    assert n.text == "give us 5 stars"
    assert original_of(text, "stars") == "st\u0430rs"


@pytest.mark.parametrize("disguised, plain", [
    ("r\u0435vi\u0435w", "review"),            # Cyrillic е
    ("\u0441oupon", "coupon"),                  # Cyrillic с
    ("R\u0415VI\u0415W", "review"),            # capital Cyrillic Е
    ("c\u03bfupon", "coupon"),                  # Greek omicron
    ("\u0455ale", "sale"),                      # Cyrillic dze
    ("\u0440r\u043emo", "promo"),              # Cyrillic р and о
])
def test_cyrillic_and_greek_look_alikes_become_latin(disguised, plain):
    assert normalize(disguised).text == plain


def test_small_capitals_become_latin():
    assert normalize("ʀᴇᴠɪᴇᴡ").text == "review"
    assert normalize("ꜰʀᴇᴇ ɢɪꜰᴛ").text == "free gift"


# ---------------------------------------------------------------- invisible characters

@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"])
def test_invisible_characters_inside_words_are_removed(invisible):
    text = f"re{invisible}vi{invisible}ew"
    n = normalize(text)
    assert n.text == "review"
    assert n.span(0, 6) == (0, len(text))


def test_zero_width_space_between_words_is_not_a_space():
    assert normalize("free\u200bgift").text == "freegift"


def test_trailing_invisible_character_is_outside_the_span():
    text = "free\u200b gift"
    n = normalize(text)
    assert n.span(0, 4) == (0, 4)


def test_space_like_characters_become_plain_spaces():
    text = "free\u00a0gift\u2009card\u202fnow\u3000ok"
    assert normalize(text).text == "free gift card now ok"


def test_control_characters_are_dropped_tabs_and_newlines_kept():
    assert normalize("a\tb\nc\x00d\x07e").text == "a\tb\ncde"


# ---------------------------------------------------------------- spelled-out letters

@pytest.mark.parametrize("text, view", [
    ("f r e e gift", "free gift"),
    ("F R E E", "free"),
    ("5 s.t.a.r review", "5 star review"),
    ("r-e-v-i-e-w", "review"),
    ("f_r_e_e", "free"),
    ("f*r*e*e", "free"),
    ("w h a t s a p p me", "whatsapp me"),
    ("j a n e @ g m a i l . c o m", "jane @ gmail . com"),
    ("ｆ ｒ ｅ ｅ", "free"),
    ("f\u200b \u200br e e", "free"),
])
def test_spelled_out_letters_are_joined(text, view):
    assert normalize(text).text == view


def test_spelled_out_word_maps_back_to_the_whole_spelling():
    text = "get a f r e e gift"
    assert original_of(text, "free") == "f r e e"


@pytest.mark.parametrize("text, view", [
    ("get a f r e e gift", "get a free gift"),
    ("a f r e e gift", "a free gift"),
    ("I l o v e it", "i love it"),
])
def test_the_article_before_a_spelled_word_stays_a_word(text, view):
    assert normalize(text).text == view


@pytest.mark.parametrize("text", ["a b", "Plan A B", "x y and z", "a. b. c.", "e.g. i.e. a.m."])
def test_two_letters_or_abbreviations_are_not_joined(text):
    assert normalize(text).text == text.lower()


@pytest.mark.parametrize("text, word", [
    ("Find us on I N S T A G R A M", "instagram"),
    ("message me on i n s t a g r a m", "instagram"),
    ("Get a f r e e gift", "a free gift"),
    ("I l o v e it", "i love it"),
])
def test_spelled_word_starting_with_an_article_letter_is_joined_whole(text, word):
    assert word in normalize(text).text


# ---------------------------------------------------------------- line breaks

def test_crlf_is_one_line_break_mapped_to_the_lf():
    text = "Line one\r\n\r\n\r\nLine two"
    n = normalize(text)
    assert n.text == "line one\n\n\nline two"
    breaks = [n.origin[i] for i, c in enumerate(n.text) if c == "\n"]
    assert [text[b] for b in breaks] == ["\n"] * 3
    assert original_of(text, "line two") == "Line two"


def test_lone_carriage_return_is_a_line_break_not_nothing():
    # Bug found: a lone CR (old Mac line ending) was dropped, gluing the lines' words together.
    assert normalize("refund\rreview").text == "refund\nreview"
    assert normalize("a\r\rb").text == "a\n\nb"


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1f", "\x85"])
def test_whitespace_control_characters_separate_words(separator):
    # Bug found: vertical tab, form feed, NEL... were dropped like invisible characters.
    assert normalize(f"free{separator}gift").text in ("free gift", "free\ngift")


def test_unicode_line_and_paragraph_separators_are_line_breaks():
    assert normalize("a\u2028b\u2029c").text == "a\nb\nc"


# ---------------------------------------------------------------- combining marks

def test_combining_marks_inside_words_are_removed():
    text = "re\u0301vie\u0300w"
    n = normalize(text)
    assert n.text == "review"
    assert n.span(0, 6) == (0, len(text))


def test_precomposed_accents_are_removed():
    assert normalize("Révîew càfé naïve").text == "review cafe naive"


def test_span_ending_on_a_letter_keeps_its_combining_mark():
    # Bug found: the span stopped before a trailing combining mark, so a highlight or a
    # one-click replacement of text[start:end] left the accent behind on the next character.
    text = "cafe\u0301 open"
    n = normalize(text)
    assert n.text == "cafe open"
    assert n.span(0, 4) == (0, 5)
    assert original_of(text, "open") == "open"


def test_stacked_combining_marks_all_belong_to_the_letter():
    text = "fre\u0301\u0323e\u0308\u0301 gift"
    assert original_of(text, "free") == "fre\u0301\u0323e\u0308\u0301"


# ---------------------------------------------------------------- emoji

@pytest.mark.parametrize("emoji", ["😀", "🔥", "👍🏽", "🇬🇧", "⭐", "★", "✓"])
def test_emoji_and_symbols_stay_in_the_view(emoji):
    text = f"Thanks {emoji} so much"
    n = normalize(text)
    assert emoji in n.text
    i = n.text.index(emoji)
    start, end = n.span(i, i + len(emoji))
    assert text[start:end] == emoji
    assert original_of(text, "so much") == "so much"


def test_zwj_sequence_maps_back_whole():
    family = "👨\u200d👩\u200d👧"
    text = f"Hi {family} there"
    n = normalize(text)
    assert "👨👩👧" in n.text               # the joiners are invisible characters
    i = n.text.index("👨")
    assert text[slice(*n.span(i, i + 3))] == family


@pytest.mark.parametrize("emoji", ["❤\ufe0f", "1\ufe0f\u20e3", "\u2122\ufe0f"])
def test_emoji_span_includes_its_variation_selector_and_keycap(emoji):
    # Same bug as the combining mark: U+FE0F and U+20E3 are dropped from the view, and a span
    # over the base character must still cover them.
    text = f"ok {emoji} ok"
    n = normalize(text)
    start = n.origin.index(3)
    end = start + 1
    while end < len(n.text) and n.origin[end] == 3:  # ™ expands to "tm"
        end += 1
    assert text[slice(*n.span(start, end))] == emoji


# ---------------------------------------------------------------- span() and origin in general

@pytest.mark.parametrize("text", [
    "Ｆｒｅｅ\u200b ｇｉｆｔ\r\nｆ ｒ ｅ ｅ 😀 cafe\u0301 st\u0430r ﬁve Straße",
    "a f r e e\r\r\n\u2028x\u0301\u0301\x00",
    "\u200b\u200bleading and trailing\u200b\u200b",
    "😀👍🏽🇬🇧" * 5,
])
def test_origin_is_well_formed(text):
    assert_well_formed(text)


def test_every_word_of_a_disguised_message_maps_back_to_its_original_form():
    text = "Ｌｅａｖｅ a 5-st\u0430r re\u200bview\r\nand get a f r e e gift 🎁 café"
    n = normalize(text)
    expected = {"leave": "Ｌｅａｖｅ", "star": "st\u0430r", "review": "re\u200bview",
                "free": "f r e e", "gift": "gift", "🎁": "🎁", "cafe": "café"}
    for word, original in expected.items():
        m = re.search(re.escape(word), n.text)
        assert m, word
        start, end = n.span(*m.span())
        assert text[start:end] == original, word


def test_empty_span_maps_to_a_point():
    n = normalize("ab\u200bcd")
    assert n.span(2, 2) == (3, 3)
    assert n.span(4, 4) == (5, 5)


def test_the_quick_check_for_spelled_out_letters_misses_none():
    # Normalisation only looks for spelled-out letters where the cheap check says they may be;
    # it must say so wherever the exact pattern matches (any script, any separator).
    from policy.normalize import _MAYBE_SPELLED_OUT, _SPELLED_OUT
    letters = ["a", "Z", "é", "ж", "ß", "ǅ", "ア", "漢", "ﬀ", "ᴀ"]
    separators = [" ", ".", "-", "_", "*"]
    befores = ["", " ", "(", "1", "x", "é", "\n"]
    for before in befores:
        for sep in separators:
            for a in letters:
                for b in letters[:4]:
                    text = f"{before}{a}{sep}{b}{sep}{a}{sep}{b} next"
                    if _SPELLED_OUT.search(text):
                        assert _MAYBE_SPELLED_OUT.search(text), repr(text)
    assert not _MAYBE_SPELLED_OUT.search("leave a review for a free gift, it is ok")
