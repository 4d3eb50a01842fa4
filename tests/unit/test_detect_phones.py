"""Phone detector: numbers in national and international formats, exact spans; IDs,
dates, prices, tracking and serial numbers left alone."""
import pytest

from policy.detectors import DETECTORS, FOR_MARKETPLACE
from policy.marketplace import load_marketplace
from policy.normalize import normalize

# The phone detector as Amazon's policy builds it: its 3-7-7 order IDs are never phones.
AMAZON_PHONES = FOR_MARKETPLACE["phone"](load_marketplace("amazon"))


def found(text, detector=AMAZON_PHONES):
    hits = detector(text, normalize(text))
    assert all(h.kind == "phone" and h.severity == "block" for h in hits)
    return [text[h.start:h.end] for h in hits]


@pytest.mark.parametrize("text, covered", [
    ("Please ring our office on +44 (0)20 7946 0958 and", "+44 (0)20 7946 0958"),
    ("please call us: +49 (0)30 1234 5678.", "+49 (0)30 1234 5678"),
    ("call me at (212) 555-0147 and we'll reschedule", "(212) 555-0147"),
    ("Tel. 212.555.0182", "212.555.0182"),
    ("212-555-0147", "212-555-0147"),
    ("+1-212-555-0147", "+1-212-555-0147"),
    ("+1 (212) 555-0147", "+1 (212) 555-0147"),
    ("1-800-555-0199", "1-800-555-0199"),
    ("WhatsApp us at +1 646 555 0102 for", "+1 646 555 0102"),
    ("Text me on 07700 900123 when", "07700 900123"),
    ("call him directly on 0151 2345 6789 to agree", "0151 2345 6789"),
    ("020 7946 0958", "020 7946 0958"),
    ("030 12345678", "030 12345678"),
    ("01 23 45 67 89", "01 23 45 67 89"),
    ("Tel: 06 12 34 56 78", "06 12 34 56 78"),
    ("03-1234-5678", "03-1234-5678"),
    ("phone 912 345 678", "912 345 678"),
    ("call 0412 345 678", "0412 345 678"),
    ("+33 1 23 45 67 89", "+33 1 23 45 67 89"),
    ("+39 06 1234 5678", "+39 06 1234 5678"),
    ("+34 912 345 678", "+34 912 345 678"),
    ("+31 20 123 4567", "+31 20 123 4567"),
    ("+46 8 123 456 78", "+46 8 123 456 78"),
    ("+48 12 345 67 89", "+48 12 345 67 89"),
    ("+81 3-1234-5678", "+81 3-1234-5678"),
    ("+61 2 9876 5432", "+61 2 9876 5432"),
    ("+91 98765 43210", "+91 98765 43210"),
    ("+52 55 1234 5678", "+52 55 1234 5678"),
    ("+55 11 91234-5678", "+55 11 91234-5678"),
    ("+971 4 123 4567", "+971 4 123 4567"),
    ("+65 6123 4567", "+65 6123 4567"),
    ("0049 30 12345678", "0049 30 12345678"),
    ("our after-sale service phone: +86 139 1234 5678 (WeChat same number).", "+86 139 1234 5678"),
    ("Tel.+49-30-1234567", "+49-30-1234567"),
    ("+7 495 123-45-67", "+7 495 123-45-67"),
    ("0800 123 4567", "0800 123 4567"),
    ("(555) 123-4567", "(555) 123-4567"),
    ("Tel. 089/12345678", "089/12345678"),
    ("WeChat: 13912345678", "13912345678"),
    ("please call DHL on 0800 123 4567", "0800 123 4567"),
])
def test_phone_numbers(text, covered):
    assert found(text) == [covered]


@pytest.mark.parametrize("text, covered", [
    ("Call our hotline: 212 five five five 0123.", "212 five five five 0123"),
    ("my number 2 1 2 5 5 5 0 1 6 4 call anytime", "2 1 2 5 5 5 0 1 6 4"),
    ("call me: 2125550164", "2125550164"),
    ("212\u200b555\u200b0147", "212\u200b555\u200b0147"),
    ("２１２－５５５－０１４７", "２１２－５５５－０１４７"),
    ("212\u2013555\u20130147", "212\u2013555\u20130147"),
    ("212-555-0147 ext. 12 any time", "212-555-0147 ext. 12"),
    ("212-555-0147 x12", "212-555-0147 x12"),
    ("call 212-555-0147 in the morning", "212-555-0147"),
    ("two one two five five five zero one four seven", "two one two five five five zero one four seven"),
    ("Call us on oh-two-oh, seven nine four six, oh nine five eight.",
     "oh-two-oh, seven nine four six, oh nine five eight"),
    ("text 0 7 7 0 0 9 0 0 1 2 3 pls", "0 7 7 0 0 9 0 0 1 2 3"),
    ("0 7 7 0 0 9 0 0 1 2 3", "0 7 7 0 0 9 0 0 1 2 3"),
    ("call 9123 4567", "9123 4567"),
    ("M: 07700 900123", "07700 900123"),
    ("Jane Smith\nCustomer care\n07700 900123", "07700 900123"),
    ("01632 960123", "01632 960123"),
    ("Please call: 1800 123 456", "1800 123 456"),
    ("telefono 612 345 678", "612 345 678"),
    ("(+44) 20 7946 0958", "(+44) 20 7946 0958"),
    ("tel:+12125550147", "+12125550147"),
    ("+44(0)7700900123", "+44(0)7700900123"),
    ("(see 212-555-0147)", "212-555-0147"),
    ("98765 43210 is my number", "98765 43210"),
    ("0123456789 is our hotline", "0123456789"),
    ("6123 4567 89 (WhatsApp)", "6123 4567 89"),
    ("333 123 4567", "333 123 4567"),
    ("For order questions: 212-555-0147", "212-555-0147"),
    ("Order help line 0800 123 4567", "0800 123 4567"),
    ("Tel UK 020 7946 0958", "020 7946 0958"),
])
def test_disguised_numbers_and_extensions(text, covered):
    assert found(text) == [covered]


@pytest.mark.parametrize("text, covered", [
    ("Tel: +49 (0) 30 / 1234 5678", "+49 (0) 30 / 1234 5678"),
    ("Tel. 030 / 1234567", "030 / 1234567"),
])
def test_area_code_slash_number_is_one_number(text, covered):
    assert found(text) == [covered]


def test_two_numbers_with_a_slash_between():
    assert found("+1 212 555 0147 / +1 212 555 0148") == ["+1 212 555 0147", "+1 212 555 0148"]


def test_order_id_next_to_a_phone_number():
    assert found("Order 112-1234567-1234567 212-555-0147") == ["212-555-0147"]


@pytest.mark.parametrize("text", [
    "Thanks for your patience with order 112-4839201-7731046.",
    "The tracking number is unchanged: 1Z999AA10123456784.",
    "via USPS, tracking 9400 1000 0000 0000 0000 00.",
    "tracking 9405 5036 9930 0123 4567 89", "TBA123456789000", "tracking number GM605112270084521364",
    "expected between 12/05/2026 and 12/08/2026", "shipped on 2026-04-02", "dated 05.03.2026",
    "a morning (8:00-12:00) slot", "at 2:40 pm on 11/03/2026", "3-5 working days",
    "Net amount €84.03, total €1,234.56", "24,99\xa0€", "$1,234,567.00",
    "It is only 480 x 640 pixels", "The box measures 215 x 95 x 90 cm",
    "ISBN 978-0-306-40615-7 (EAN 9780306406157 on the barcode)",
    "SN 7741 0093 2210 is covered", "waybill number 4829105736.", "Tracking: 15505012345678.",
    "invoice no. INV-2026-00418", "model XR-2000", "format XR2K-26-004417",
    "key K7QX-22MB-9RTA-58LD", "SKU 1234-5678-90", "ZIP 90210-1234", "part 12-345-678",
    "IBAN DE89 3704 0044 0532 0130 00", "card 4111 1111 1111 1111",
    "1,000,000 units", "a 3,000 V grid", "from 2019 to 2024", "the 2024 2025 2026 catalogue",
    "sizes 36 38 40 42 44", "Bristol BS6 5QX", "1.234.567 downloads", "about 1 200 000 units",
    "4829105736", "15505012345678", "1234567", "100 200 300 400", "5 10 15 20 25",
    "pages 12-34, 56-78", "from 05/19/2026 09:00 to 05/21/2026 15:00",
    "weights: 1.25 2.50 3.75 kg", "the 40 stars, 5 planets and a moon", "one two three",
    "one, two, three, four, five, six, seven, eight, nine", "Oh, one more thing: 5 boxes",
    "FedEx 7712 3456 7890", "Evri parcel 1234 5678 9012 3456", "DHL 00340434161094042557",
    "Ticket 0012345678", "Our VAT number is GB123456789", "UPC 012345678905", "Lot no. 2026-0412-77",
    "Order placed 11/02/26, shipped 11/03/26", "Mon 12.05.2026 - Fri 16.05.2026", "costs 1.299,00 EUR",
    "Serial: 0123-4567-8901", "coordinates 51.5074, -0.1278", "1/2 inch, 3/4 inch, 5/8 inch",
    "65 75 85 95 cm", "codes 6123 4567", "2026 0412 77", "12345678 number of units",
    "4829105736 is the waybill number", "12345678 phones sold", "0034 5678 9012", "07700900123", "9123 4567", "sizes 36 38 40 42 44", "EU 36 37 38 39 40 41",
    "800 1000 1200 1400 rpm", "The serial number of your unit is 0123 4567 8901",
    "VAT reg. no. GB 123 4567 89", "Seller VAT: GB 123 4567 89", "DE 123456789", "Our VAT number is GB 123 4567 89; it is printed on the invoice", "sizes 12 / 14 / 16 / 18", "120-240 V 50/60 Hz", "Sizes: 38-40-42-44", "2024-2025-2026",
])
def test_not_phone_numbers(text):
    assert found(text) == []


def test_the_marketplaces_order_ids_are_not_phone_numbers():
    facts = type("Facts", (), {"order_id": type("Format", (), {"pattern": r"\d{3}-\d{3}-\d{4}"})()})()
    phone_shaped_ids = FOR_MARKETPLACE["phone"](facts)
    text = "It is 212-555-0147, shipped today."
    assert found(text, DETECTORS["phone"]) == ["212-555-0147"]
    assert found(text, phone_shaped_ids) == []
    # Amazon's 3-7-7 ID set aside, the number next to it is seen on its own.
    text = "Order 112-1234567-1234567 212-555-0147"
    assert found(text, DETECTORS["phone"]) == [] and found(text) == ["212-555-0147"]


def test_the_first_character_led_run_pattern_matches_what_the_plain_one_does():
    import random
    import re

    from policy.detectors import phones
    plain = re.compile(r"(?<![+\-/])(?<![^\W" + phones._CJK + r"])(?<!\d\.)(?:\(\+|\+[ ]?\(?|\(?)\d"
                       r"[\d\-./() \u2010-\u2015\u30fc]*\d")
    rng = random.Random(20261202)
    pieces = list("()+-/. 0123456789a日\n\u2010\u30fc\u0663_x") + ["12", "+4", "(+", "1.", "((", "++"]
    texts = ["Call +44 (0)20 7946 0958", "電話03-1234-5678", "v1.2.3", "(+1) 415-555-0132", "a1 2 3"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(20_000)]
    spans = lambda rx, t, *w: [m.span() for m in rx.finditer(t, *w)]  # noqa: E731
    assert any(spans(phones._RUN, t) for t in texts)
    for text in texts:
        assert spans(phones._RUN, text) == spans(plain, text), text
        assert spans(phones._RUN, text, 1, len(text) - 1) == spans(plain, text, 1, len(text) - 1), text
