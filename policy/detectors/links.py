"""Web addresses: URLs, "www." names, bare domains ("homefix.com/warranty"), short links,
and disguised ones ("shop . com", "shop[.]com", "shop(dot)com", "www dot shop dot com",
full-width letters, look-alike letters, zero-width spaces inside).

What is not a web address: a file name (IMG_2041.jpg, manual.pdf), a version (v2.1.4),
an abbreviation (e.g., a.m., St.), a missing space after a full stop ("arrived.Thanks"),
the marketplace's own site named bare as the marketplace ("Example.com"), and the domain
inside an email address.

The evidence asked for grows as the name gets less address-like. A scheme, "www." or
a path is enough with any real top-level domain. A bare name needs one shops use
(.com, a country code, .shop...), not one that is also a word ("it", "to", "love",
"today"), and no capital straight after the dot unless it is .com/.net/.org. The
list of real domains is the Public Suffix List bundled with tldextract.

Links to the marketplace's own site follow its [links] facts (marketplace.toml): pages it
allows (an order, return or review page; a seller's own shop) warn or pass, the pages it
lists as blocked (product and store pages) block like any link. `for_site(links)` gives
the detector for one marketplace; `detect` alone knows no marketplace site.
"""
from __future__ import annotations

import re
from typing import Callable

from policy.normalize import Normalized

from . import emails
from .base import Hit, View, drop_overlapping, take_in_spelled_letter
from .disguise import AT_WORDS, PHRASE_WORDS, SPELLED_DOT, undotted
from .domains import AMBIGUOUS_TLDS, CLASSIC_TLDS, SHOP_TLDS, SHORTENERS, split_host, tld_of

# Chinese and Japanese characters and punctuation end a link: they are written right after it
# ("shop.jp/itemをご覧ください"), with no space between.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff5b-\uff9f"
_URL_CHARS = r"[^\s<>\"'`\\{}|^" + _CJK + "]"
# ("hxxps://" is the defanged spelling people use to slip a link past filters.)
# (Both written with their first character first and what must not stand before it checked
# behind that character: `re` then skips to candidate characters instead of trying the
# look-behinds at every position. The same matches as
# (?<![a-z0-9])(?:h[tx]{2}ps?|ftp)://... and (?<![@.\-])(?<![^\W<CJK>])[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)+...)
_SCHEME_URL = re.compile(rf"[hf](?<![a-z0-9].)(?:(?<=h)[tx]{{2}}ps?|(?<=f)tp)://{_URL_CHARS}+")
_DOTTED = re.compile(
    r"[a-z0-9_\-](?<![@.\-].)(?<![^\W" + _CJK + "].)"  # a word character before it, but not a Chinese or Japanese one
    r"[a-z0-9_\-]*(?:\.[a-z0-9_\-]+)+"
    rf"(?:[/?#]{_URL_CHARS}*)?"
)
_ANY_DOT = re.compile(r"[.\u3002\uff61\u00b7\u2022\u2219\u22c5\u2027\u30fb\uff65]|dot")
_AT_BEFORE = re.compile(r"(?:@|\b(?:at|" + "|".join(AT_WORDS) + r")\b|[(\[{<][ \t]*(?:at|" + "|".join(AT_WORDS)
                        + r")[ \t]*[)\]}>])[ \t]*$")
_TRAILING = ".,;:!?)]}'\"*"

# Abbreviations that end in a dot, then a word with the space left out ("approx.one hour").
_ABBREVIATIONS = frozenset({"approx", "appx", "etc", "incl", "excl", "min", "max", "no", "nr", "vol",
                            "fig", "dept", "est", "ca", "vs", "ref", "qty", "pcs", "pp", "ed", "mr", "mrs",
                            "ms", "dr", "st", "co", "ltd", "inc", "corp", "jr", "sr", "ft", "mt", "eg", "ie"})
_SPELLED_TLDS = frozenset({"shop", "store", "online", "site", "app"})
# Names that make "x dot y" a phrase rather than an address ("the dot com era", "au point de
# retrait"): policy/common/disguises.toml [phrase].
_PHRASE_WORDS = PHRASE_WORDS


def _path_of(token: str) -> tuple[str, str]:
    for i, ch in enumerate(token):
        if ch in "/?#":
            return token[:i], token[i:]
    return token, ""


class Site:
    """A marketplace's own site, as its [links] facts describe it (policy.marketplace.Links)."""

    def __init__(self, links):
        self.own = links.own_domain
        self.blocked = [re.compile(p) for p in links.blocked_paths]
        self.allowed = [(a.kind, a.domain, [re.compile(p) for p in a.paths], a.severity)
                        for a in links.allowed]
        self.domains = {self.own} | {a.domain for a in links.allowed}

    def classify(self, name: str, path: str, explicit: bool) -> tuple[str, str] | None | bool:
        """(kind, severity) for a link to the site; None when it is only the marketplace's name;
        False when `name` is not the site's."""
        if name not in self.domains:
            return False
        if name == self.own and not path.strip("/") and not explicit:
            return None  # "Example.com" named as the marketplace, not a link
        if name == self.own and any(p.match(path) for p in self.blocked):
            return "url", "block"
        for kind, domain, paths, severity in self.allowed:
            if domain == name and (not paths or any(p.match(path) for p in paths)):
                return kind, severity
        return "url", "block"


def _trim(token: str) -> str:
    """Drop sentence punctuation after an address, but keep a closing bracket that
    belongs to it ("wiki/Tea_(drink)")."""
    while token and token[-1] in _TRAILING:
        closer = token[-1]
        opener = {")": "(", "]": "[", "}": "{"}.get(closer)
        if opener and token.count(opener) >= token.count(closer):
            break
        token = token[:-1]
    return token


def _classify(text: str, view: View, start: int, token: str, scheme: bool,
              site: Site | None = None) -> Hit | None:
    token = _trim(token)
    host, path = _path_of(token.split("://", 1)[1] if scheme else token)
    host = host.split("@")[-1].split(":")[0].strip(".")
    end = start + len(token)
    if not host:
        return None
    o_start, o_end = view.span(start, end)
    www = host.startswith("www.")
    sub, name, suffix = split_host(host)
    if not scheme:
        if not suffix or not name or not re.search(r"[a-z]", host):
            return None
        if name.isdigit() and len(name) < 3:
            return None  # "Step 1.Open the box"
    disguised = text[o_start:o_end].lower() != view.text[start:end]
    if site is not None and suffix:
        found = site.classify(name, path, scheme or www or sub not in ("", "www"))
        if found is not False:
            if found is None or found[1] == "off":
                return None
            return Hit(o_start, o_end, *found)
    registered = f"{name}.{suffix}" if suffix else host
    if registered in SHORTENERS or host in SHORTENERS:
        return Hit(o_start, o_end, "short_link")
    if scheme:
        return Hit(o_start, o_end, "url")
    tld = tld_of(suffix)
    strong = www or bool(path.strip("/?#")) or host in SHORTENERS
    if not strong:
        if tld in AMBIGUOUS_TLDS or (name in _ABBREVIATIONS and not disguised and not sub):
            return None
        # Only the top-level domains shops really use count without a path or "www.":
        # "thanks.best", "enjoy.love", "a.m.today" are sentences run together.
        if not (tld in CLASSIC_TLDS or len(tld) == 2 or tld in SHOP_TLDS):
            return None
        if sum(len(label) == 1 for label in host.split(".")[:-1]) >= 2:
            return None  # "e.g.shop", "U.S.Army": initials
        if len(name) == 1 and tld not in CLASSIC_TLDS:
            return None  # "B.Sc", "M.Sc": a degree, not a one-letter domain
    if disguised and not strong:
        # "the dot com era", "a blue dot design": a phrase, not an address. Spelled-out
        # dots count before the domains people actually spell that way.
        if name in _PHRASE_WORDS or not (tld in CLASSIC_TLDS or len(tld) == 2 or tld in _SPELLED_TLDS):
            return None
    if not strong and not disguised and "." not in suffix and tld not in CLASSIC_TLDS:
        # "arrived.Today": a full stop with the space left out, then a capital.
        o_tld = view.span(start + len(host) - len(tld), start + len(host))[0]
        before = text[o_tld - 2:o_tld - 1]
        if text[o_tld].isupper() and text[o_tld - 1:o_tld] == "." and (before.islower() or before.isdigit()):
            return None
    if disguised:
        return Hit(take_in_spelled_letter(text, o_start), o_end, "obfuscated_url")
    return Hit(o_start, o_end, "url" if (www or path) else "bare_domain")


def for_site(links) -> "Callable[[str, Normalized], list[Hit]]":
    """The link detector of one marketplace (its [links] facts)."""
    site = Site(links)

    def detect_on_site(text: str, norm: Normalized) -> list[Hit]:
        return detect(text, norm, site)
    # What a finding says for a link the marketplace allows (its [links.allowed] messages).
    detect_on_site.kind_messages = {a.kind: a.message for a in links.allowed}
    return detect_on_site


def detect(text: str, norm: Normalized, site: Site | None = None) -> list[Hit]:
    if not _ANY_DOT.search(norm.text) and not SPELLED_DOT.search(norm.text):
        return []
    view = undotted(norm)
    hits: list[Hit] = []
    starts: list[int] = []  # view offsets of bare names found
    scheme_spans: list[tuple[int, int]] = []
    for m in _SCHEME_URL.finditer(view.text):
        scheme_spans.append(m.span())
        hit = _classify(text, view, m.start(), m.group(), scheme=True, site=site)
        if hit:
            hits.append(hit)
    next_url = 0  # scheme_spans before this one end before the current name
    for m in _DOTTED.finditer(view.text):
        # A name inside a URL already found ("https://www.shop.com") is not a second link.
        while next_url < len(scheme_spans) and scheme_spans[next_url][1] <= m.start():
            next_url += 1
        if next_url < len(scheme_spans) and scheme_spans[next_url][0] <= m.start():
            continue
        if view.text.startswith("@", m.end()):
            continue  # the name before an at-sign ("yamada.shop@gmail.com"): the email detector's
        hit = _classify(text, view, m.start(), m.group(), scheme=False, site=site)
        if hit:
            hits.append(hit)
            starts.append(m.start())
    hits.sort(key=lambda h: h.start)
    if any(_AT_BEFORE.search(view.text, max(0, s - 16), s) for s in starts):
        # Some name follows an at-sign or the word "at": if it is an email's domain,
        # it is the email detector's (the same span must not be a link as well).
        hits = drop_overlapping(hits, emails.detect(text, norm))
    return hits
