"""Reduce pasted HTML (an old email template) to the plain text marketplaces accept.

Buyer messages must not contain HTML, so a seller pasting an old
email template needs its words without its markup. bleach (html5lib) does the
parsing; a small token filter keeps line breaks where the HTML had them and
drops what a reader never sees (scripts, styles, the document head).
"""
from __future__ import annotations

import html
import re

import bleach
from bleach.html5lib_shim import Filter

# Elements whose text content is never shown to a reader.
_HIDDEN = {"script", "style", "head", "title", "template", "noscript", "iframe", "object"}
# Elements that start a new line where they open or close.
_BLOCKS = {"p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "section", "article", "header", "footer", "address", "dl", "dt", "dd"}
_ALLOWED = _HIDDEN | _BLOCKS | {"br", "hr", "td", "th"}
_HAS_STRUCTURE = re.compile(r"<\s*(?:br|p|div|li|tr|h[1-6]|table)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _TextOnly(Filter):
    """Turn the token stream into text tokens: markup becomes line breaks or nothing."""

    collapse_source_whitespace = False

    def __iter__(self):
        hidden_depth = 0
        for token in super().__iter__():
            kind = token["type"]
            name = token.get("name", "")
            if kind in ("StartTag", "EmptyTag"):
                if name in _HIDDEN:
                    hidden_depth += kind == "StartTag"
                elif hidden_depth:
                    continue
                elif name == "br":
                    yield {"type": "Characters", "data": "\n"}
                elif name == "li":
                    yield {"type": "Characters", "data": "\n- "}
                elif name in ("td", "th"):
                    yield {"type": "Characters", "data": " "}
                elif name in _BLOCKS or name == "hr":
                    yield {"type": "Characters", "data": "\n\n" if name == "p" else "\n"}
            elif kind == "EndTag":
                if name in _HIDDEN:
                    hidden_depth = max(0, hidden_depth - 1)
                elif not hidden_depth and name in _BLOCKS and name != "li":
                    yield {"type": "Characters", "data": "\n\n" if name == "p" else "\n"}
            elif kind == "Entity" and not hidden_depth:
                # bleach passes entities through as their own tokens ("&lt;" stays text).
                yield {"type": "Characters", "data": html.unescape(f"&{token['name']};")}
            elif kind in ("Characters", "SpaceCharacters") and not hidden_depth:
                data = token["data"]
                if self.collapse_source_whitespace:
                    data = re.sub(r"\s+", " ", data)
                yield {"type": "Characters", "data": data}


def html_to_text(markup: str) -> str:
    """Plain text of `markup`: breaks kept for <br>/<p>/<li>, tags/scripts/styles dropped,
    entities unescaped, runs of blank lines collapsed to one."""
    # When the HTML marks its own line breaks, the source's newlines are just layout
    # (a browser would collapse them); otherwise they are the seller's line breaks.
    structured = bool(_HAS_STRUCTURE.search(markup))
    filter_class = type("_Filter", (_TextOnly,), {"collapse_source_whitespace": structured})
    cleaner = bleach.Cleaner(tags=_ALLOWED, attributes={}, strip=True, strip_comments=True,
                             filters=[filter_class])
    text = html.unescape(cleaner.clean(markup))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
