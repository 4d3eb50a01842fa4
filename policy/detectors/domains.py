"""Which dotted names are internet domains, from the Public Suffix List bundled
with tldextract (its snapshot ships in the wheel: no download, ever).
"""
from __future__ import annotations

from functools import lru_cache

import tldextract

# suffix_list_urls=() and cache_dir=None: use only the snapshot inside the package,
# never fetch a fresh list and never write a cache file.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)

# Top-level domains that are also everyday English words, abbreviations or file
# extensions ("arrived.it", "Main St.", "notes.md", "photos.zip"). A name ending in one
# counts as a web address only with more evidence: a scheme, "www.", or a path.
AMBIGUOUS_TLDS = frozenset({
    "am", "as", "at", "be", "by", "do", "id", "in", "is", "it", "me", "my", "no", "so",
    "to", "us", "st", "mr", "ms", "ai", "md", "mov", "zip", "py", "sh", "rs", "ps",
    "pm", "nu", "im", "an", "ad", "al", "cd", "dj", "ga", "ge", "gg", "la",
    "lo", "ma", "mo", "mu", "na", "ne", "nr", "ok", "oh", "op", "pa", "pe", "re", "sa",
    "sv", "tel", "to", "vs", "ye", "hi", "ie", "eg", "cm", "mm", "kg", "lb", "oz",
})

# Top-level domains whose use is a web address even right after a full stop
# with a capital ("HomeFix.Com"): the classic ones nobody writes by accident.
CLASSIC_TLDS = frozenset({"com", "net", "org", "edu", "gov", "info", "biz", "io"})

# Generic top-level domains that shops really use: a disguised name ("brand dot shop")
# counts with one of these, a two-letter country code, or a classic one.
SHOP_TLDS = frozenset({
    "shop", "store", "online", "site", "website", "app", "xyz", "top", "club", "link", "tech",
    "shopping", "market", "deals", "sale", "page", "blog", "web", "company", "dev", "cloud",
    "digital", "design", "studio", "global", "group", "agency", "services", "boutique",
    "fashion", "clothing", "jewelry", "beauty", "art", "eu", "asia",
})

# Hosts that shorten links: always a web address.
SHORTENERS = frozenset({
    "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
    "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "s.id", "t.ly", "forms.gle", "amzn.to",
    "a.co", "amzn.eu", "lnkd.in", "wa.me", "t.me", "m.me", "linktr.ee", "bl.ink", "v.gd",
})


@lru_cache(maxsize=8192)
def split_host(host: str) -> tuple[str, str, str]:
    """(subdomain, registered name, public suffix) of `host`; suffix '' if none."""
    r = _EXTRACT(host)
    return r.subdomain, r.domain, r.suffix


def tld_of(suffix: str) -> str:
    return suffix.rsplit(".", 1)[-1]


split_host("example.com")  # load the bundled list now, not on the first message
