"""Email detector: plain and disguised addresses with exact spans; look-alikes left alone."""
import pytest

from policy.detectors import DETECTORS
from policy.normalize import normalize


def found(text):
    hits = DETECTORS["email"](text, normalize(text))
    return [(text[h.start:h.end], h.kind) for h in hits]


@pytest.mark.parametrize("text, covered", [
    ("please email the photo to sarah.lin@shopmail.com. Thanks", "sarah.lin@shopmail.com"),
    ("jane.doe+tag@shop-mail.co.uk", "jane.doe+tag@shop-mail.co.uk"),
    ("WRITE TO JANE@SHOP.COM", "JANE@SHOP.COM"),
    ("mailto:jane@shop.com", "jane@shop.com"),
    ("contact us by email sunled_service@163.com, we will", "sunled_service@163.com"),
])
def test_plain_addresses(text, covered):
    assert found(text) == [(covered, "email")]


@pytest.mark.parametrize("text, covered", [
    ("write to me at jane (at) shopmail dot com and I'll", "jane (at) shopmail dot com"),
    ("Customer care\njane[at]shopmail[.]com", "jane[at]shopmail[.]com"),
    ("Support: support {at} homegoods {dot} com", "support {at} homegoods {dot} com"),
    ("jane<at>shop<dot>com", "jane<at>shop<dot>com"),
    ("jane(@)shop.com", "jane(@)shop.com"),
    ("David\nservice AT brightlamp DOT co DOT uk", "service AT brightlamp DOT co DOT uk"),
    ("mail jane at gmail dot com", "jane at gmail dot com"),
    ("mail jane at gmail.com", "jane at gmail.com"),
    ("mail jane_88 at shop.com", "jane_88 at shop.com"),
    ("my email is j a n e @ g m a i l . c o m, send", "j a n e @ g m a i l . c o m"),
    ("email ｊａｎｅ＠ｓｈｏｐｍａｉｌ．ｃｏｍ and", "ｊａｎｅ＠ｓｈｏｐｍａｉｌ．ｃｏｍ"),
    ("Send it to anna\u200b@\u200bknitco.com so", "anna\u200b@\u200bknitco.com"),
    ("j\u0430ne@shop.com", "j\u0430ne@shop.com"),  # Cyrillic a
    ("Support: support at homegoods dot com", "support at homegoods dot com"),
    ("help at shop dot co dot uk", "help at shop dot co dot uk"),
    ("email me at jane at gmail dot com", "jane at gmail dot com"),
    ("jane dot doe at shop dot com", "jane dot doe at shop dot com"),
    ("my email is a n n a @ g m a i l . c o m thanks", "a n n a @ g m a i l . c o m"),
    ("i v a n @ s h o p . c o m", "i v a n @ s h o p . c o m"),
])
def test_disguised_addresses(text, covered):
    assert found(text) == [(covered, "obfuscated_email")]


@pytest.mark.parametrize("text", [
    "Follow us on Instagram @glowbeads first!",
    "Line items: 2 @ $12.99 (hand towels), 1 @ $19.99",
    "Regards,\nPriya at Loom & Lantern",
    "Cheers,\nTom at Westbrook Interiors",
    "It is available at amazon.com",
    "You can leave one from Your Orders on Amazon.com.",
    "We'll cut it at 10 am tomorrow.",
    "the polka dot cotton is at home",
    "Find our return policy at quickfit(dot)com/returns.",
    "Find our manuals at shop dot com", "email us at shop dot com", "our support at shop.com",
    "place orders at shop.com",
    "Look at the photo.jpg",
    "priced at 12.99",
    "Amazon will email you a prepaid UPS label",
    "Amazon will send the label to the email address on your Amazon account",
])
def test_not_email_addresses(text):
    assert found(text) == []
