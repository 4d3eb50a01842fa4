"""Telephone numbers in any national or international format, checked with
`phonenumbers` (Google's libphonenumber metadata) for the main marketplace regions.

A cheap regex finds runs of digits and separators first; only those runs reach the
library, so a long message costs little. The view the runs are read from has no
invisible characters, full-width digits folded, and number words inside a digit
run turned into digits ("212 five five five 0123", "oh-two-oh, seven nine ...").

How a run is judged:
- a word that says "phone" near it ("call", "tel", "WhatsApp", "my number"), or a
  disguise (spelled, spaced out, invisible characters inside): a number the library
  finds possible is enough;
- a word that names it an identifier ("tracking", "SN", "ISBN", "VAT", "order", a
  carrier's name, a country prefix like "GB 123..."): it is not a phone number;
- neither: it must be written the way phone numbers are written, a valid number in a
  few groups (area code first), or grouped exactly as its region prints numbers. A
  single block of digits is an identifier.
Order IDs (112-1234567-1234567), dates, times, prices and ISBNs are masked first, and
a run followed by a unit ("65 75 85 95 cm") is a measurement.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import phonenumbers

from policy.normalize import Normalized

from .base import Hit, View

# Regions tried for a number written in national format. Numbers that start with a
# trunk zero are tried where national numbers are dialled with one; others where not.
TRUNK_REGIONS = ("GB", "DE", "FR", "IT", "NL", "SE", "AU", "JP", "IN", "AE", "BR", "CN", "AT", "BE", "CH", "IE", "TR", "SA")
PLAIN_REGIONS = ("US", "ES", "IT", "PL", "SG", "MX", "IN", "CN", "BR", "AU")
MAX_CANDIDATES = 400  # per message: keeps adversarial input (walls of digits) fast

def _digit_words() -> tuple[dict[str, str], int]:
    """Every language's words for the digits (policy/common/disguises.toml [digits]) and the
    fewest spelled digits that make a run a telephone number on their own."""
    from policy.policyfile import PolicyError, read_toml

    from .disguise import DISGUISES_FILE
    table = read_toml(DISGUISES_FILE, "the disguise words").get("digits")
    words: dict[str, str] = {}
    try:
        min_spelled = int(table["min_spelled"])
        for tag, entries in table.items():
            if tag == "min_spelled":
                continue
            if not isinstance(entries, list) or len(entries) != 10:
                raise ValueError(f"{tag}: ten entries, the words for 0 to 9")
            for value, entry in enumerate(entries):
                for word in entry.split():
                    if word != word.lower() or words.get(word, str(value)) != str(value):
                        raise ValueError(f"{tag}: {word!r}")
                    words[word] = str(value)
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{DISGUISES_FILE}: [digits] lists each language's lower-case words for "
                          f"the digits 0-9, with min_spelled: {exc}") from None
    return words, min_spelled


_WORDS, MIN_SPELLED = _digit_words()
# Words in Latin letters are whole words; Japanese ones ("ゼロ", "〇") are taken between any characters.
_LATIN = sorted((w for w in _WORDS if w.isascii()), key=len, reverse=True)
_UNSPACED = sorted((w for w in _WORDS if not w.isascii()), key=len, reverse=True)


def _trie(words: list[str]) -> str:
    """The words as one pattern that shares their common beginnings ("o(?:h|ne)" for "one",
    "oh"): `re` tries alternatives one by one, so the plain alternation of every language's
    digit words cost ~50 comparisons at each word of a message. The same matches as the words
    longest first: the words that match at one place are beginnings of one another, on one
    path of the trie, and the deeper one is tried first."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(alternatives) > 1 or len(body) > 1 else body + "?"
    return emit(root)


_WORD = _trie(_LATIN)
_JA_WORD = "|".join(_UNSPACED) or "(?!)"
# Digits and number words with up to two separators between ("oh-two-oh, seven nine").
_SPELLED_RUN = re.compile(rf"\b(?:\d+|{_WORD})(?:[ \-.,/]{{1,2}}(?:\d+|{_WORD})\b)+")
# Japanese: digit words with a space, dot, comma or dash (the long-vowel mark too) between, or none.
_JA_RUN = re.compile(rf"(?:{_JA_WORD})(?:[ \-.,、・\u30fc\u2010-\u2015]{{0,2}}(?:{_JA_WORD}|\d))+")
_IN_SPELLED_RUN = re.compile(rf"\b(?:{_WORD})\b|,|{_JA_WORD}")
_TOKEN = re.compile(rf"\d+|\b(?:{_WORD})\b|{_JA_WORD}")
_ONE_WORD = re.compile(rf"\b(?:{_WORD})\b|{_JA_WORD}")
_LATIN_SET = frozenset(_LATIN)
_WORD_RUN = re.compile(r"\w+")
_JA_ONE = re.compile(_JA_WORD)


def _has_digit_word(text: str) -> bool:
    """Whether `_ONE_WORD` occurs in `text`: a Latin digit word is a whole run of word
    characters (what its \\b...\\b asks), so the text's runs are looked up in a set; the
    alternation of every language's words, tried at each position, cost 0.2 ms a message."""
    if not _LATIN_SET.isdisjoint(_WORD_RUN.findall(text)):
        return True
    return not text.isascii() and _JA_ONE.search(text) is not None

# Things made of digits that are not phone numbers, blanked out before the search.
# The marketplace's order-ID formats are added in front by for_order_ids().
_NOT_PHONES = re.compile(
    r"(?<![\d./\-])(?:\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})|\d{4}[./\-]\d{1,2}[./\-]\d{1,2})"
    r"(?![\d]|[./\-]\d)"                                                     # dates
    r"|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"                                 # times
    r"|[$€£¥₹][ ]?\d[\d.,']*|(?<![\d.,])\d[\d.,]*[ ]?(?:€|eur\b|usd\b|gbp\b)"  # money
    r"|\b97[89][\- ]?\d{1,5}[\- ]?\d{1,7}[\- ]?\d{1,7}[\- ]?[\dx]\b"          # ISBN-13
)
# Chinese and Japanese characters: written right before a number ("電話03-1234-5678"), no space.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of digits and separators (the katakana long-vowel mark "ー" is typed as a dash in Japan).
# (Written with its first character first, "(", "+" or a digit, and what must not stand before
# it checked behind that character: `re` skips to those characters instead of trying three
# look-behinds at every position. The same matches as
# (?<![+\-/])(?<![^\W<CJK>])(?<!\d\.)(?:\(\+|\+[ ]?\(?|\(?)\d[\d\-./() \u2010-\u2015\u30fc]*\d.)
_RUN = re.compile(r"[(+\d](?<![+\-/].)(?<![^\W" + _CJK + r"].)(?<!\d\..)"
                  r"(?:(?<=\()\+\d|(?<=\+)[ ]?\(?\d|(?<=\()\d|(?<=\d))[\d\-./() \u2010-\u2015\u30fc]*\d")
_DATE_SHAPE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}")
_ANY_DIGIT = re.compile(r"\d")
_LAST_DIGIT = re.compile(r"\d(?=\D*$)")
_PIECE_BREAK = re.compile(r" / |  +")
# A unit after the digits makes them a measurement or a list of sizes ("65 75 85 95 cm").
# (Only units that are not also words that could follow a number: not "in", "a", "m".)
_UNIT_AFTER = re.compile(r"[ ]?(?:cm|mm|km|kg|mg|lbs?|oz|inch(?:es)?|ft|kw|mah|hz|khz|mhz"
                         r"|rpm|gb|mb|tb|pcs|ml|psi|db|px|dpi)\b|[ ]?[%°]")
# A UPS tracking number ("1Z 999 AA1 01 2345 6784"): its letters split the digits into runs
# that would each look like a phone number.
_UPS_TRACKING = re.compile(r"\b1z(?:[ ]?[0-9a-z]){16}\b", re.IGNORECASE)
_EXTENSION = re.compile(r"[ ]?(?:,[ ]?)?(?:ext\.?|extension|x|#|durchwahl|poste)[ ]?\d{1,6}\b")

_NEAR = 40  # characters looked back for the word that says what a number is
_CUES = re.compile(
    r"\b(?P<neg>(?:tracking|track|trk|waybill|awb|consignment|shipment|parcel|order|invoice|inv"
    r"|receipt|transaction|ref|reference|sn|s/n|serial|isbn|ean|upc|gtin|asin|sku|model|part"
    r"|item|article|lot|batch|barcode|account|acct|iban|bic|swift|card|vat|tax|id|code|key|pin"
    r"|licen[cs]e|case|ticket|claim|rma|po|confirmation|booking|voucher|coupon|patent|version"
    r"|zip|postcode|postal|plz|sendungsnummer|bestellnummer|rechnung)s?)\b"
    r"|(?P<neg_ja>注文番号|追跡番号|問い合わせ番号|問合せ番号|伝票番号|郵便番号|〒|型番|品番|製造番号|シリアル"
    r"|口座|会員番号|請求書番号|予約番号)"
    r"|\b(?P<pos>(?:call|calling|phone|tel|telephone|tlf|mobile|mob|cell|cellphone|ring|text|sms"
    r"|whatsapp|wechat|viber|telegram|hotline|helpline|fax|dial|reach|contact|handy|telefon"
    r"|telefono|movil|cellulare|portable|anrufen|appelez|llamar|chiamare"
    r"|llamenos|llamanos|llame|llamarnos|llamada|celular|durchklingeln|anklingeln|erreichbar"
    r"|my number|our number)\b|(?:ph|t|m|p)(?=[ ]?:))"
    r"|(?P<pos_ja>電話|携帯|連絡先|フリーダイ[ヤア]ル|ファックス|ライン|ショートメール)"
    r"|\b(?P<carrier>ups|usps|fedex|dhl|dpd|gls|hermes|evri|royal mail|parcelforce|tnt|ontrac"
    r"|lasership|yodel|colissimo|chronopost|correos|postnl|poste|sagawa|yamato|purolator"
    r"|canada post|australia post|amzl|4px|yanwen|cainiao|aramex)\b"
)
_POS_AFTER = re.compile(
    r"[ ]?[(,\-]?[ ]?(?:(?:is )?(?:my|our) (?:number|phone|mobile|cell|line|hotline|whatsapp)"
    r"|(?:phone|mobile|cell|tel|whatsapp|wechat|viber|telegram|hotline|call me|text me|sms)\b)"
)
# What may stand between an ID word and its number: a few words ("serial number of
# your unit is ..."), but none that turns the phrase into a topic to call about
# ("for order questions: ...").
_GAP_WORD = re.compile(r"[a-z]+")
_TOPIC_WORDS = frozenset({
    "question", "questions", "help", "support", "enquiries", "enquiry", "inquiries", "inquiry",
    "issues", "issue", "problems", "problem", "queries", "query", "info", "information",
    "service", "assistance", "changes", "updates", "status", "returns",
})


def _names_the_number(gap: str) -> bool:
    words = _GAP_WORD.findall(gap)
    return len(words) <= 6 and not any(w in _TOPIC_WORDS for w in words)


_COUNTRY_PREFIX = re.compile(r"(?<![A-Za-z])[A-Z]{2}[ ]?$")
_NANP_SHAPE = re.compile(r"^(?:\+?1[ \-.]?)?(?:\(\d{3}\)[ ]?|\d{3}[\-. ])\d{3}[\-. ]\d{4}$")


def _load_metadata() -> None:
    """Load the regions' numbering plans now, not during the first message."""
    for region in set(TRUNK_REGIONS + PLAIN_REGIONS):
        phonenumbers.is_valid_number(phonenumbers.parse("0123456789", region))


_load_metadata()


def _spelled_runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, wholly spelled) of each run of digits and digit words holding at least one
    word that reads as a number: nine digits or more, or `MIN_SPELLED` spelled-out digits
    ("null eins sieben zwei ...", 「ゼロキュウゼロ…」). A count ("one, two, three, ... nine") is none."""
    runs = []
    for m in [*_SPELLED_RUN.finditer(text), *_JA_RUN.finditer(text)]:
        tokens = _TOKEN.findall(m.group())
        digits = "".join(t if t.isdigit() else _WORDS[t] for t in tokens)
        spelled = sum(len(_WORDS[t]) for t in tokens if not t.isdigit())
        counting = digits in "0123456789"  # "one, two, three, ... nine" counts, it is no number
        if spelled and not counting and (len(digits) >= 9 or spelled >= MIN_SPELLED):
            runs.append((m.start(), m.end(), spelled >= MIN_SPELLED))
    return sorted(runs)


def _spell_digits(view: View, spelled_runs: list | None = None) -> View:
    """'212 five five five 0123' -> '212 5 5 5 0123', 'oh-two-oh, seven nine four six'
    -> '0-2-0 7 9 4 6': number words become digits (and commas go) inside a run that
    holds at least nine digits and at least one word, or seven spelled-out digits.
    (`spelled_runs`: _spelled_runs(view.text), when the caller has them already.)"""
    if spelled_runs is None:
        if not _has_digit_word(view.text):
            return view
        spelled_runs = _spelled_runs(view.text)
    runs = [(start, end) for start, end, _ in spelled_runs]
    if not runs:
        return view
    starts = [start for start, _ in runs]

    def digit(w: re.Match[str]) -> str | None:
        i = bisect_right(starts, w.start()) - 1
        if i < 0 or w.start() >= runs[i][1]:
            return None
        return "" if w.group() == "," else _WORDS[w.group()]
    return view.rewrite(_IN_SPELLED_RUN, digit)


def _pieces(run: re.Match[str]):
    """(start, text) of each part of a run split at ' / ' or a double space."""
    pos = run.start()
    for brk in _PIECE_BREAK.finditer(run.group()):
        yield pos, run.string[pos:run.start() + brk.start()]
        pos = run.start() + brk.end()
    yield pos, run.string[pos:run.end()]


def _cue(view_text: str, start: int) -> str | None:
    """'pos' or 'neg' from the nearest cue word before `start` on the same line."""
    lo = max(0, start - _NEAR)
    nl = view_text.rfind("\n", lo, start)
    window = view_text[nl + 1 if nl >= 0 else lo:start]
    # A cue before an earlier number belongs to that number ("order 112-... 212-555-0147").
    earlier = _LAST_DIGIT.search(window)
    if earlier:
        window = window[earlier.end():]
    last = carrier = None
    for m in _CUES.finditer(window):
        if m.group("pos") or m.group("pos_ja"):
            last = "pos"
        elif m.group("neg_ja"):
            # Japanese: the ID word right before its number ("注文番号：...", "〒123-4567").
            if len(window[m.end():].strip(" :：は")) == 0:
                last = "neg"
        elif _names_the_number(window[m.end():]):
            # An ID word names the number right after it ("tracking number: ...", "SN
            # 7741 ..."), not one further on ("for order questions, call ...").
            if m.group("carrier"):
                carrier = "neg"  # "FedEx 7712 3456 7890", unless a call word says otherwise
            else:
                last = "neg"
    return last or carrier


@lru_cache(maxsize=4096)
def _judge(candidate: str, cue: str | None) -> bool:
    digits = re.sub(r"\D", "", candidate)
    groups = [len(g) for g in re.findall(r"\d+", candidate)]
    international = candidate.lstrip("( ").startswith("+")
    if not international and digits.startswith("00") and len(digits) >= 9:
        international, candidate = True, "+" + candidate.lstrip("( ")[2:]
    if not 7 <= len(digits) <= 15 or cue == "neg":
        return False
    if international:
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_possible_number(number)
    valid = possible = styled = False
    for region in TRUNK_REGIONS if digits.startswith("0") else PLAIN_REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            valid = possible = True
            break
        if phonenumbers.is_possible_number(number):
            possible = True
            # Grouped exactly as the region prints its numbers ("07700 900123"): a phone
            # number, even in a range the library does not list as assigned.
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            styled = styled or (len(groups) >= 2 and [len(g) for g in re.findall(r"\d+", national)] == groups)
    if cue == "pos":
        return possible
    if groups.count(1) >= 9:
        return valid  # "0 7 7 0 0 9 0 0 1 2 3": nobody spaces out an ID like that
    # With no cue, only a number written the way phone numbers are written counts:
    # a few groups of 2-5 digits, not one block (an ID) or single spaced digits.
    # ("030 12345678": an area code, then the subscriber number in one block.)
    grouped = 2 <= len(groups) <= 5 and min(groups) >= 2 and (
        max(groups) <= 5 or (len(groups) == 2 and digits.startswith("0") and groups[0] <= 5))
    if _NANP_SHAPE.match(candidate):
        return possible
    # Short numbers without a trunk zero ("9123 4567") are as often references as phones.
    # Five groups without a trunk zero ("36 38 40 42 44") are a list of sizes.
    if digits.startswith("0") or "(" in candidate:
        return valid and grouped or styled
    # Without a trunk zero, the first group is the 3-digit area or mobile prefix, or the
    # grouping is the region's own ("2026 0412 77" is not a Washington number).
    # ("98765 43210": the Indian way of writing a mobile number.)
    first_ok = groups[0] == 3 or groups == [5, 5]
    return len(digits) >= 9 and len(groups) <= 4 and (valid and grouped and first_ok or styled)


def _disguised(text: str, view: View, start: int, end: int) -> bool:
    """True when the original has characters the view dropped (zero-width spaces...)."""
    o_start, o_end = view.span(start, end)
    return o_end - o_start != end - start


def _plausible_date(token: str) -> bool:
    """A day and a month (either order), with a year first or last."""
    parts = [int(p) for p in re.split(r"[./\-]", token)]
    a, b = parts[1:] if re.match(r"\d{4}", token) else parts[:2]
    return 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12


def _mask(m: re.Match[str]) -> str:
    token = m.group()
    if _DATE_SHAPE.fullmatch(token) and not _plausible_date(token):
        return token  # "123-45-67" is the end of a phone number, not a date
    return "x" * len(token)


def _tidy(start: int, piece: str) -> tuple[int, str]:
    """Strip separators and an unmatched bracket from the ends of a piece of a run."""
    start += len(piece) - len(piece.lstrip(" -./"))
    candidate = piece.strip(" -./")
    if candidate.endswith("("):
        candidate = candidate[:-1].rstrip(" -./")
    if candidate.count("(") < candidate.count(")") and candidate.endswith(")"):
        candidate = candidate[:-1]
    return start, candidate


def _candidates(view: View, not_phones: re.Pattern = _NOT_PHONES):
    """For each stretch of digits and separators worth judging, a list of readings to
    try in turn: the whole stretch, then its parts split at " / " or a double space
    ("030 / 1234567" is one number, "+1 212 555 0147 / +1 212 555 0148" two).

    Order IDs, dates, times, prices and ISBNs are blanked out first, but only
    around the runs themselves: most of a message has no digits at all.
    """
    text = view.text
    for run in _RUN.finditer(text):
        if sum(map(str.isdigit, run.group())) < 7:
            continue
        lo, hi = max(0, run.start() - 2), min(len(text), run.end() + 5)
        masked = not_phones.sub(_mask, text[lo:hi])
        for part in _RUN.finditer(masked, run.start() - lo, run.end() - lo):
            whole = [_tidy(lo + part.start(), part.group())]
            pieces = [_tidy(lo + start, piece) for start, piece in _pieces(part)]
            readings = whole + (pieces if len(pieces) > 1 else [])
            yield [(start, c) for start, c in readings if sum(map(str.isdigit, c)) >= 7]


def _inside_ups_tracking(text: str, start: int, end: int) -> bool:
    window = _UPS_TRACKING.finditer(text, max(0, start - 24), min(len(text), end + 24))
    return any(m.start() <= start and end <= m.end() for m in window)


def _phone_at(text: str, view: View, start: int, candidate: str) -> Hit | None:
    end = start + len(candidate)
    if _UNIT_AFTER.match(view.text, end) or _inside_ups_tracking(view.text, start, end):
        return None
    cue = _cue(view.text, start)
    if cue is None and not candidate.startswith(("+", "(+")) and _COUNTRY_PREFIX.search(
            text, max(0, view.span(start, end)[0] - 4), view.span(start, end)[0]):
        cue = "neg"  # "GB 123 4567 89", "DE 123456789": a VAT or company number
    if cue is None and _POS_AFTER.match(view.text, end):
        cue = "pos"  # "98765 43210 is my number", "+1 646 555 0102 (WhatsApp)"
    if cue is None and _disguised(text, view, start, end):
        cue = "pos"  # zero-width spaces or digits spelled as words inside
    if not _judge(candidate, cue):
        return None
    ext = _EXTENSION.match(view.text, end)
    if ext:
        end = ext.end()
    return Hit(*view.span(start, end), "phone")


def for_order_ids(order_id_pattern: str, allowed_numbers: tuple[str, ...] = ()):
    """The phone detector of a marketplace: its order IDs (a plain pattern, marketplace.toml
    [order_id]) are never phone numbers, and the numbers of its own help channels
    (`allowed_phone_numbers`, a marketplace's customer care line) are not flagged."""
    not_phones = re.compile(rf"(?<![\d\-])(?i:{order_id_pattern})(?![\d\-])|{_NOT_PHONES.pattern}")
    allowed = frozenset(_national_digits(n) for n in allowed_numbers)

    def detect_for_marketplace(text: str, norm: Normalized) -> list[Hit]:
        hits = detect(text, norm, not_phones)
        return [h for h in hits if _national_digits(text[h.start:h.end]) not in allowed] if allowed else hits
    return detect_for_marketplace


def _national_digits(number: str) -> str:
    """The digits of a number without a leading North American "1" ("1-800-925-6278" and
    "800 925 6278" are the same number)."""
    digits = re.sub(r"\D", "", number)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def detect(text: str, norm: Normalized, not_phones: re.Pattern = _NOT_PHONES) -> list[Hit]:
    has_word = _has_digit_word(norm.text)
    if not has_word and not _ANY_DIGIT.search(norm.text):
        return []
    base = View.of(norm)
    # Seven or more digits spelled out in words are a telephone number, however grouped: nobody
    # writes an order or tracking number that way ("null eins sieben zwei ...").
    runs = _spelled_runs(base.text) if has_word else []
    spelled = [Hit(*base.span(start, end), "phone") for start, end, whole in runs if whole]
    view = _spell_digits(base, runs)
    hits: list[Hit] = []
    budget = MAX_CANDIDATES
    for readings in _candidates(view, not_phones):
        budget -= len(readings)
        if budget < 0:
            break
        if not readings:
            continue
        # Parts that are numbers of their own win; otherwise the stretch as a whole.
        parts = [hit for hit in (_phone_at(text, view, *r) for r in readings[1:]) if hit]
        whole = None if parts else _phone_at(text, view, *readings[0])
        hits.extend(parts or ([whole] if whole else []))
    hits = spelled + [h for h in hits if not any(o.start < h.end and h.start < o.end for o in spelled)]
    return sorted(hits, key=lambda h: (h.start, h.end))
