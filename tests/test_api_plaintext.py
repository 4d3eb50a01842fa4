"""policy.plaintext.html_to_text: pasted HTML email templates become plain message text."""
from policy.plaintext import html_to_text


def test_paragraphs_breaks_and_list_items_keep_their_lines():
    html = "<p>Hello Sam,</p><p>Your order:<br>arrives Friday</p><ul><li>lamp</li><li>shade</li></ul>"
    assert html_to_text(html) == "Hello Sam,\n\nYour order:\narrives Friday\n\n- lamp\n- shade"


def test_scripts_styles_head_and_comments_are_dropped():
    html = ("<html><head><title>Mail</title><style>p{color:red}</style></head><body>"
            "<!-- tracking --><p>Hi</p><script>window.__xss=1</script>"
            "<img src='https://t.example/pixel.gif' width=1><p>Bye</p></body></html>")
    assert html_to_text(html) == "Hi\n\nBye"


def test_entities_are_unescaped_once():
    assert html_to_text("<p>Fish &amp; chips &lt;b&gt; &copy; &amp;lt;</p>") == "Fish & chips <b> © &lt;"


def test_excess_blank_lines_and_spaces_collapse():
    html = "<p>One</p>\n\n\n<p></p><p></p><div>   Two \n  words</div><br><br><br><br>Three"
    assert html_to_text(html) == "One\n\nTwo words\n\nThree"


def test_plain_text_with_a_stray_tag_keeps_its_own_line_breaks():
    assert html_to_text("Hi <b>Sam</b>,\n\nThanks\nAlex") == "Hi Sam,\n\nThanks\nAlex"


def test_link_text_stays_and_markup_goes():
    assert html_to_text('<div>See <a href="http://shop.example">our shop</a></div>') == "See our shop"


def test_text_without_markup_is_unchanged():
    text = "Hello,\n\nYour parcel is on its way.\n\nKind regards,\nAlex"
    assert html_to_text(text) == text
