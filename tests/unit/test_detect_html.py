"""HTML detector: tags, comments, entities and tracking pixels; text that only looks
like markup left alone."""
import pytest

from policy.detectors.html_markup import markup_hits
from policy.normalize import normalize


def found(text):
    hits = markup_hits(text, normalize(text))
    return [(text[h.start:h.end], h.kind, h.replacement) for h in hits]


def test_tags_with_their_fixes():
    text = 'Hello,<br><b>Important:</b> see <a href="https://deskcraft.com/video">here</a>.'
    assert found(text) == [
        ("<br><b>", "tag", "\n"), ("</b>", "tag", ""),
        ('<a href="https://deskcraft.com/video">', "tag", ""), ("</a>", "tag", ""),
    ]


@pytest.mark.parametrize("text, covered", [
    ('<p style="color:red">Please read</p>', ['<p style="color:red">', "</p>"]),
    ('<font color="red">Do not</font> wash', ['<font color="red">', "</font>"]),
    ("<table><tr><td>Item</td></tr></table>", ["<table><tr><td>", "</td></tr></table>"]),
    ("line<br/>next<BR />", ["<br/>", "<BR />"]),
    ("<div>Don't want these? <a href='https://x.io/u'>Unsubscribe</a></div>",
     ["<div>", "<a href='https://x.io/u'>", "</a></div>"]),
    ("<style>p{color:red}</style>text", ["<style>p{color:red}</style>"]),
    ("<SCRIPT>alert(1)</Script > ok", ["<SCRIPT>alert(1)</Script >"]),
    ("<style>unclosed <b>x</b>", ["<style>", "<b>", "</b>"]),
    ("<span\nclass=\"x\">a</span>", ["<span\nclass=\"x\">", "</span>"]),
    ("<!DOCTYPE html><html><o:p></o:p>", ["<!DOCTYPE html><html><o:p></o:p>"]),
    ('<p class="MsoNormal" xml:lang="en">x</p>', ['<p class="MsoNormal" xml:lang="en">', "</p>"]),
])
def test_tags(text, covered):
    assert [c for c, kind, _ in found(text)] == covered


@pytest.mark.parametrize("text", [
    'Thanks!<img src="https://px.mailtrk.io/o.gif?u=8812" width="1" height="1" alt="">',
    '<img src="https://t.io/p.png" style="display:none">',
    '<img src="https://t.io/p.png" style="width:1px;height:1px">',
    '<img src="https://t.io/p.png" hidden>',
])
def test_tracking_pixels(text):
    hits = found(text)
    assert len(hits) == 1 and hits[0][1] == "tracking_pixel" and hits[0][0].startswith("<img")


def test_markup_back_to_back_is_one_hit_with_joined_fixes():
    assert found("Hello,<br><br>Thanks</td><td>x&nbsp;&nbsp;y") == [
        ("<br><br>", "tag", "\n\n"), ("</td><td>", "tag", ""), ("&nbsp;&nbsp;", "entity", "  "),
    ]


def test_a_visible_image_is_a_tag():
    assert found('<img src="logo.png" width="200">') == [('<img src="logo.png" width="200">', "tag", "")]


def test_comments_and_entities():
    text = "Ships today.&nbsp;Sorry for the wait!<!-- tpl: apology_v2 --> &#8203;&amp;"
    assert found(text) == [
        ("&nbsp;", "entity", " "), ("<!-- tpl: apology_v2 -->", "comment", ""),
        ("&#8203;&amp;", "entity", "&"),
    ]


def test_an_entity_for_an_emoji_is_removed_not_decoded():
    assert found("Thanks &#128512;") == [("&#128512;", "entity", "")]
    assert found("&copy; 2026") == [("&copy;", "entity", "©")]


def test_an_unclosed_comment_opening_is_flagged():
    assert found("text <!-- rest") == [("<!--", "comment", "")]


@pytest.mark.parametrize("text", [
    "Love it <3", "if a < b then", "size < 10 cm > 5", "USB-C <-> USB-C", "-> next step",
    "open Help > Activate licence", "reads < 22°C after 24 hours, or > 12 hours",
    "Please quote <order number> in your reply", "Dear <Your Name>,", "<name>",
    "if x<y and z>w", "Hollins & Reed Furniture", "AT&T", "R&D team", "fish & chips;",
    "&nosuchentity;", "5 > 3 and 2 < 4", "<<<>>>", "positive (+) and negative (−)",
])
def test_not_html(text):
    assert found(text) == []
