"""Japanese is written without spaces between words or after a sentence's end: the generic
machinery (sentences, pattern windows, highlights, word counts, the view's folding and the
detectors) must work on it."""
from __future__ import annotations

import pytest

import policy
from policy.engine import tidy_finding
from policy.finding import Finding
from policy.normalize import normalize
from policy.patterns import PatternError, compile_pattern
from policy.rulekinds import Capitals, MessageOnly
from policy.textview import MessageView, split_sentences


def sentences(text: str) -> list[str]:
    view = normalize(text).text
    return [view[s:e] for s, e in split_sentences(view)]


def test_sentences_end_at_the_ideographic_full_stop_and_full_width_marks():
    assert sentences("ご注文ありがとうございます。発送は明日です！ご不明点は？こちらへ") == [
        "ご注文ありがとうございます。", "発送は明日です!", "ご不明点は?", "こちらへ"]
    assert sentences("レビューをお願いします\nギフト券は不要です") == ["レビューをお願いします\n", "ギフト券は不要です"]


def test_an_english_exclamation_inside_a_word_does_not_end_a_sentence():
    assert sentences("Yahoo!mail is down. Really?yes") == ["yahoo!mail is down.", "really?yes"]


def test_the_view_keeps_the_voicing_marks_of_kana_and_folds_full_width_forms():
    assert normalize("ギフト券をご用意、ドット").text == "ギフト券をご用意、ドット"
    assert normalize("ＬＩＮＥ＠ｓｈｏｐ．ｊｐ　０９０").text == "line@shop.jp 090"
    assert normalize("ｱｯﾄﾏｰｸ").text == "アットマーク"


def test_a_character_window_stays_within_the_sentence():
    pattern = compile_pattern("レビュー{chars 12}ギフト券")
    assert pattern.search("レビューを書いていただければギフト券を")
    assert not pattern.search("レビューを書きました。ギフト券は別です")
    assert not pattern.search("レビュー" + "あ" * 13 + "ギフト券")
    with pytest.raises(PatternError, match="limit of 40 characters"):
        compile_pattern("a{chars 41}b")


def test_a_highlight_in_japanese_does_not_swallow_the_sentence():
    text = "ぜひ星5をお願いします"
    start = text.index("星5")
    f = Finding(rule="x", category="review_manipulation", severity="block", start=start,
                end=start + 2, excerpt="星5", message="m", source="s", suggestions=(),
                replacements=("評価",))
    tidy = tidy_finding(text, f)
    assert (tidy.start, tidy.end) == (start, start + 2)
    # Latin words and numbers are still taken whole ("+44" stays "+44 ...").
    g = Finding(rule="x", category="c", severity="block", start=2, end=4, excerpt="",
                message="m", source="s", suggestions=())
    assert (tidy_finding("a review", g).start, tidy_finding("a review", g).end) == (2, 8)


def _rule(cls, **options):
    return cls(id="x", kind="k", category="not_permitted", severity="warn", source="s",
               message="m", suggestions=(), options=options)


def test_message_only_counts_japanese_words_by_characters():
    only = compile_pattern("ご注文ありがとうございま(?:す|した)")
    rule = _rule(MessageOnly, only=only)
    assert rule.find(MessageView.build("山本様、ご注文ありがとうございました。"))
    assert not rule.find(MessageView.build(
        "ご注文ありがとうございました。商品の色を黒と白のどちらになさるかお知らせください。"))


def test_capitals_never_fire_on_kana_or_kanji():
    rule = _rule(Capitals)
    assert rule.find(MessageView.build("ご注文 ありがとう ございます 発送 いたしました 明日 届きます")) == []


def found(text: str) -> list[tuple[str, str]]:
    return [(f.category, text[f.start:f.end].strip()) for f in policy.check(text, "amazon", language="ja")
            if f.category != "language"]


@pytest.mark.parametrize("text, address", [
    ("写真は info アットマーク kagu-shop ドット jp までお願いいたします。", "info アットマーク kagu-shop ドット jp"),
    ("写真はinfoアットマークkagu-shopドットjpまで。", "infoアットマークkagu-shopドットjp"),
    ("ｉｎｆｏ＠ｋａｇｕ．ｊｐまでご連絡ください。", "ｉｎｆｏ＠ｋａｇｕ．ｊｐ"),
    ("メールはtanaka あっと gmail どっと comです", "tanaka あっと gmail どっと com"),
    ("お問い合わせはtanaka@example.co.jpまで。", "tanaka@example.co.jp"),
])
def test_japanese_disguises_of_an_email_address(text, address):
    assert ("email_address", address) in found(text)


def test_a_word_that_starts_like_at_is_no_address():
    assert found("アットホームな雰囲気のお店です。") == []


@pytest.mark.parametrize("text, link", [
    ("詳しくはkagu-shop.jpをご覧ください", "kagu-shop.jp"),
    ("詳しくはhttps://kagu-shop.jp/item/3をご覧ください。", "https://kagu-shop.jp/item/3"),
    ("www ドット kagu-shop ドット jp をご覧ください", "www ドット kagu-shop ドット jp"),
])
def test_links_written_right_next_to_japanese(text, link):
    assert ("link", link) in found(text)


@pytest.mark.parametrize("text, number", [
    ("電話03-1234-5678までご連絡ください。", "03-1234-5678"),
    ("携帯：090-1234-5678", "090-1234-5678"),
    ("０９０－１２３４－５６７８までお気軽に", "０９０－１２３４－５６７８"),
    ("フリーダイヤル0120-987-654でも承っております", "0120-987-654"),
    ("0120-12-3456", "0120-12-3456"),
    ("090ー1234ー5678にお電話ください", "090ー1234ー5678"),
    ("お問い合わせは06-6123-4567まで", "06-6123-4567"),
    ("電話番号は0312345678です", "0312345678"),
])
def test_japanese_phone_numbers(text, number):
    assert ("phone_number", number) in found(text)


@pytest.mark.parametrize("text", [
    "注文番号：250-1234567-7654321",
    "郵便番号123-4567の住所",
    "〒150-0001 東京都渋谷区",
    "2024年12月1日に発送いたしました",
    "追跡番号：1234-5678-9012",
    "お問い合わせ番号 3456-7890-1234",
    "サイズは120-150cmです",
])
def test_japanese_numbers_that_are_not_phone_numbers(text):
    assert [c for c, _ in found(text) if c == "phone_number"] == []


def test_japanese_rules_put_no_word_edge_next_to_kana_or_kanji():
    """`\\b` between two kana or kanji never matches: a pattern written that way is dead."""
    from policy.marketplace import POLICY_ROOT
    import re
    text = (POLICY_ROOT / "common" / "ja" / "rules.toml").read_text(encoding="utf-8")
    cjk = "[\u3040-\u30ff\u3400-\u9fff]"
    assert not re.findall(rf"\\b(?=\(?(?:\?:)?{cjk})|{cjk}\\b", text)
