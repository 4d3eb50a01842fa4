"""Link detector: web addresses flagged with exact spans; look-alikes left alone."""
import pytest

from policy.detectors import DETECTORS, FOR_MARKETPLACE
from policy.marketplace import load_marketplace
from policy.normalize import normalize

# The link detector as Amazon's policy builds it (its own site from marketplace.toml [links]).
AMAZON_LINKS = FOR_MARKETPLACE["link"](load_marketplace("amazon"))


def found(text, detector=AMAZON_LINKS):
    hits = detector(text, normalize(text))
    return [(text[h.start:h.end], h.kind, h.severity) for h in hits]


@pytest.mark.parametrize("text, covered, kind", [
    ("Visit https://shop.example.com/x?y=1.", "https://shop.example.com/x?y=1", "url"),
    ("Go to http://192.168.0.1/admin now", "http://192.168.0.1/admin", "url"),
    ("see www.cozyknits.co.uk/care.", "www.cozyknits.co.uk/care", "url"),
    ("SHOP AT WWW.SHOP.COM TODAY", "WWW.SHOP.COM", "url"),
    ("Our site: Shop.com/sale", "Shop.com/sale", "url"),
    ("(manuals.brightlamp.net/xr2000)", "manuals.brightlamp.net/xr2000", "url"),
    ("(see https://en.example.org/wiki/Tea_(drink)).", "https://en.example.org/wiki/Tea_(drink)", "url"),
    ("<https://x.com>", "https://x.com", "url"),
    ("defanged: hxxps://evil.example/login", "hxxps://evil.example/login", "url"),
    ("check out homefix.de today", "homefix.de", "bare_domain"),
    ("order from mybrand.shop", "mybrand.shop", "bare_domain"),
    ("see example.com.au.", "example.com.au", "bare_domain"),
    ("Visit HomeFix.Com", "HomeFix.Com", "bare_domain"),
    ("find us at mybrand.co", "mybrand.co", "bare_domain"),
    ("www.brand.love", "www.brand.love", "url"),
    ("brand.love/shop", "brand.love/shop", "url"),
    ("x.com", "x.com", "bare_domain"),
    ("the guide: bit.ly/3xK9pQz", "bit.ly/3xK9pQz", "short_link"),
    ("tinyurl.com/abc", "tinyurl.com/abc", "short_link"),
    ("claim here: forms.gle/Xy12AbC", "forms.gle/Xy12AbC", "short_link"),
    ("amzn.to/3xYz", "amzn.to/3xYz", "short_link"),
    ("message us: wa.me/15551234567", "wa.me/15551234567", "short_link"),
])
def test_plain_addresses_are_links(text, covered, kind):
    assert found(text) == [(covered, kind, "block")]


@pytest.mark.parametrize("text, covered", [
    ("shop[.]com", "shop[.]com"),
    ("shop(.)com", "shop(.)com"),
    ("at quickfit(dot)com/returns.", "quickfit(dot)com/returns"),
    ("shop {dot} com", "shop {dot} com"),
    ("our site is shop dot com", "shop dot com"),
    ("see brightbox dot store", "brightbox dot store"),
    ("from www dot deskcraft dot com slash guides.", "www dot deskcraft dot com slash guides"),
    ("chart: sizewise . com / charts. Thanks", "sizewise . com / charts"),
    ("see shop . co . uk", "shop . co . uk"),
    ("help: brand. com/help", "brand. com/help"),
    ("shop·com", "shop·com"),
    ("w w w . s h o p . c o m", "w w w . s h o p . c o m"),
    ("Register at ｈｏｍｅｆｉｘ．ｃｏｍ/warranty within", "ｈｏｍｅｆｉｘ．ｃｏｍ/warranty"),
    ("shop。com", "shop。com"),
    ("here: lumi\u200bfix\u200b.com/manuals", "lumi\u200bfix\u200b.com/manuals"),
    ("visit ѕhор.com", "ѕhор.com"),  # Cyrillic s, o, p
])
def test_disguised_addresses_are_links_with_original_offsets(text, covered):
    assert found(text) == [(covered, "obfuscated_url", "block")]


@pytest.mark.parametrize("text, covered", [
    ("https://www.amazon.com/review/create-review?asin=B0C7K2M4QX", "https://www.amazon.com/review/create-review?asin=B0C7K2M4QX"),
    ("page: https://www.amazon.co.uk/gp/your-account/order-details?orderID=204-1127734-8819052",
     "https://www.amazon.co.uk/gp/your-account/order-details?orderID=204-1127734-8819052"),
    ("please open amazon.de/returns, pick the order", "amazon.de/returns"),
    ("amazon.com/gp/css/order-history", "amazon.com/gp/css/order-history"),
    ("amazon.com/hz/feedback", "amazon.com/hz/feedback"),
])
def test_amazon_order_return_and_review_pages_only_warn(text, covered):
    assert found(text) == [(covered, "order_page", "warn")]


@pytest.mark.parametrize("text, covered", [
    ("available here: https://www.amazon.com/dp/B0D4QX8R2L - limited", "https://www.amazon.com/dp/B0D4QX8R2L"),
    ("Amazon.com/dp/B0C7K2M4QX", "Amazon.com/dp/B0C7K2M4QX"),
    ("amazon.com/gp/product/B0C7K2M4QX", "amazon.com/gp/product/B0C7K2M4QX"),
    ("amazon.co.uk/stores/Brand/page/1", "amazon.co.uk/stores/Brand/page/1"),
])
def test_amazon_product_pages_block(text, covered):
    assert found(text) == [(covered, "url", "block")]


@pytest.mark.parametrize("text", ["https://www.amazon.com", "www.amazon.co.uk", "smile.amazon.com", "amazon.com/gp/help/customer"])
def test_other_amazon_pages_warn(text):
    assert found(text) == [(text, "marketplace_page", "warn")]


@pytest.mark.parametrize("text", [
    "Your order was placed on Amazon.co.uk, so VAT applies.",
    "sold and fulfilled by Amazon.com.", "AMAZON.COM", "Amazon.de",
    "Your return is received.Please allow 2-3 days for the refund.Thank you.",
    "arrived.Thanks", "it.Thanks", "today.Shop now", "soon.Love it", "item.Best regards",
    "Hello.How are you", "Hi John.Your order", "box.Click the button", "Step 1.Open the box",
    "e.g. this", "i.e. that", "9 a.m. to 5 p.m.", "Main St. 5", "Script No.3", "approx. 5",
    "Co.,Ltd", "Trading Co.Ltd", "U.S.A.", "U.K.", "Mr.Smith", "J.Mehta",
    "The file IMG_2041.jpg is 480 x 640", "manual.pdf", "XR2000_Update_Guide_EN.pdf", "notes.md",
    "photos.zip", "video.mov", "setup.exe", "script.py", "book.mobi", "file.name", "firmware v2.1.4", "1.5 kg", "3.5mm jack",
    "the dot com era", "polka dot cotton", "a blue dot design", "polka dot shoes", "white dot top", "a red dot in the corner", "10.5x20.3cm",
    "Write to jane@shopmail.com", "jane (at) shop dot com", "approx.one hour", "Wi-Fi 802.11ac",
    "Made in the U.S.A.", "vol.2 fig.3", "e.g.amazon", "by 9 a.m.today", "enjoy.love it",
    "thanks.best regards", "B.Sc.", "M.Sc in physics", "3 x 250 ml. Net weight 750 g.", "the team. Org chart attached", "U.S.Army", "the U.K.shop", "it.is", "arrived.today", "durable•washable•cheap", "durable • washable", "Please see the instructions.Kind regards", "Clay & Co.Thanks",
])
def test_not_links(text):
    assert found(text) == []


def test_the_domain_of_an_email_is_not_also_a_link_but_a_link_beside_it_is():
    text = "mail sarah.lin@shopmail.com or see shopmail.com/faq"
    assert found(text) == [("shopmail.com/faq", "url", "block")]


def test_link_inside_html_attribute_is_found():
    text = '<a href="https://deskcraft.com/video">here</a>'
    hits = DETECTORS["link"](text, normalize(text))
    assert [(h.start, h.end) for h in hits] == [(9, 36)]


def test_names_inside_a_url_are_not_counted_again():
    text = "first https://www.a.io/x.html then b.io/y"
    assert found(text) == [("https://www.a.io/x.html", "url", "block"), ("b.io/y", "url", "block")]


@pytest.mark.parametrize("text, covered", [
    ("go to https : // shop.example/x", "https : // shop.example/x"),
    ("h t t p s : / / evil.example", "h t t p s : / / evil.example"),
])
def test_scheme_with_spaces(text, covered):
    assert found(text) == [(covered, "url", "block")]


def test_without_a_marketplace_its_site_is_a_link_like_any_other():
    plain = DETECTORS["link"]
    assert found("amazon.de/returns", plain) == [("amazon.de/returns", "url", "block")]
    assert found("Sold by Amazon.com.", plain) == [("Amazon.com", "bare_domain", "block")]


def test_the_first_character_led_dot_pattern_matches_what_the_plain_alternation_does():
    import random

    from policy.detectors import disguise
    rng = random.Random(20261202)
    pieces = list("(){}[]<>. \t\u3002\uff61\u00b7\u2022\u2219\u22c5\u2027\u30fbazc0") + list(disguise.DOT_WORDS) + [
        "com", "comx", "dots", "p", "d"]
    texts = ["shop (dot) com", "shop[.]com", "www dot shop dot com", "brand. com/help", "arrived. Thanks",
             "info ドット shop", "250 ml. net weight", "a.b.c", "dotted polkadot"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    spans = lambda rx, t: [(m.start(), m.end(), m.group()) for m in rx.finditer(t)]  # noqa: E731
    assert any(spans(disguise._DOT, t) for t in texts)
    for text in texts:
        assert spans(disguise._DOT, text) == spans(disguise._DOT_PLAIN, text), text
