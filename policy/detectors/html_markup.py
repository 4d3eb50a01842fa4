"""HTML in a message: tags, comments, character entities and tracking pixels, found
with the standard library's HTML parser.

Only real markup counts. A tag must name an HTML element and carry only HTML
attributes, so "<3", "a < b", "size < 10 cm > 5", "<->", "Help > Activate" and a
placeholder such as "<order number>" or "<your name>" are plain text. (A placeholder
left in is the template's problem, not markup.) An entity needs its closing
semicolon and a known name ("&nbsp;", "&#8203;"); "Hollins & Reed" is text.

Kinds: "tracking_pixel" (an image of 1x1 pixels, or hidden), "tag", "comment",
"entity". `markup_hits` finds each piece with its own plain-text fix: the tag removed,
<br> as a line break, an entity as the character it stands for. A <style> or <script>
element is one hit from its opening to its closing tag, so the fix leaves no CSS behind;
tags (or entities) back to back are one hit ("</td><td>").

`detect` (what the html rule sees) reports markup as ONE problem: a pasted HTML template
is one thing to fix, not forty. Its span runs from the first piece of markup to the last,
and its one replacement is that stretch converted to plain text (policy.plaintext, the
same conversion as "Convert to plain text"), so the words the markup wrapped (a link's
"Leave a review") stay in the message and are checked like any others.
"""
from __future__ import annotations

import html
import re
from html.entities import html5
from functools import lru_cache
from html.parser import HTMLParser

from policy.normalize import Normalized

from .base import Hit
from .emojis import is_picture

ELEMENTS = frozenset("""
a abbr address area article aside audio b base bdi bdo big blink blockquote body br button
canvas caption center cite code col colgroup data dd del details dfn dialog div dl dt em
embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head
header hr html i iframe img input ins kbd label legend li link main map mark marquee menu
meta meter nav nobr noscript object ol optgroup option output p param picture pre progress
q s samp script section select small source span strike strong style sub summary sup svg
table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr
""".split())

_ATTRIBUTE = re.compile(
    r"(?:accept|action|align|alt|aria-[\w-]+|background|bgcolor|border|cellpadding|cellspacing"
    r"|charset|checked|cite|class|color|cols|colspan|content|coords|data|data-[\w-]+|datetime"
    r"|dir|disabled|download|face|for|frameborder|headers|height|hidden|href|hreflang|http-equiv"
    r"|id|lang|loading|media|method|name|on\w+|rel|referrerpolicy|role|rows|rowspan|scope"
    r"|shape|size|sizes|span|src|srcset|start|style|tabindex|target|title|type|valign|value"
    r"|width|xmlns(?::\w+)?)"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d]*[1-9])")


def _tiny(value: str | None) -> bool:
    m = re.match(r"\s*(\d+(?:\.\d+)?)", value or "")
    return bool(m) and float(m.group(1)) <= 1


def _style_size(style: str, prop: str) -> str | None:
    m = re.search(rf"(?<![\w-]){prop}\s*:\s*([\d.]+)", style)
    return m.group(1) if m else None


def _is_pixel(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    style = attrs.get("style") or ""
    width = attrs.get("width") or _style_size(style, "width")
    height = attrs.get("height") or _style_size(style, "height")
    return _tiny(width) or _tiny(height)


_WHOLE_ELEMENTS = frozenset({"style", "script"})
_CLOSERS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _WHOLE_ELEMENTS}

# Cheap first pass: things shaped like a tag, a comment opening or an entity. Each is
# then read by the HTML parser on its own, which keeps the whole linear (the parser
# fed a wall of "<a <a <a" at once is not).
_CANDIDATE = re.compile(
    r"<(?:!--|![dD][oO][cC][tT][yY][pP][eE][^<>]{0,200}>"
    r"|/?[a-zA-Z][a-zA-Z0-9]{0,15}(?::[a-zA-Z][a-zA-Z0-9]{0,15})?(?=[\s/>])[^<>]{0,2000}>)"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
)


class _TagReader(HTMLParser):
    """Reads one candidate: what it is, if it is markup at all."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tag: tuple[str, str, list] | None = None  # (how, name, attrs)

    def handle_starttag(self, tag, attrs):
        self.tag = self.tag or ("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.tag = self.tag or ("start", tag, attrs)

    def handle_endtag(self, tag):
        self.tag = self.tag or ("end", tag, [])


_PLAIN_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\s*/?>")


@lru_cache(maxsize=1024)
def _read_tag(raw: str) -> tuple[str, str, tuple] | None:
    """(how, name, attributes) of a candidate tag, or None if the parser sees text.
    A tag with no attributes ("<b>", "</p>", "<br/>") is read without the parser."""
    plain = _PLAIN_TAG.fullmatch(raw)
    if plain:
        return ("end" if plain.group(1) else "start"), plain.group(2).lower(), ()
    reader = _TagReader()
    reader.feed(raw)
    if reader.tag is None:
        return None
    how, name, attrs = reader.tag
    return how, name, tuple(attrs)


@lru_cache(maxsize=1024)
def _tag_kind(raw: str) -> tuple[str, str, str] | None:
    """(kind, replacement, element name) for a candidate tag, or None if it is text."""
    found = _read_tag(raw)
    if found is None:
        return None
    how, tag, attrs = found
    # "o:p", "v:shape": the namespaced tags of HTML pasted from a word processor.
    known = tag in ELEMENTS or re.fullmatch(r"[a-z]{1,8}:[a-z][a-z0-9]*", tag)
    if not known or not all(_ATTRIBUTE.fullmatch(name) or ":" in name for name, _ in attrs):
        return None  # "<order number>", "a<b and c>d": not markup
    if how == "start" and tag == "img" and _is_pixel(dict(attrs)):
        return "tracking_pixel", "", tag
    return "tag", "\n" if tag == "br" else "", tag


def _entity_hit(start: int, raw: str) -> Hit | None:
    if not raw.startswith("&#") and raw[1:] not in html5:
        return None
    char = html.unescape(raw).replace("\xa0", " ")
    if char == raw:
        return None
    # The character it stands for is the fix, unless that is invisible or an emoji.
    keep = char.isprintable() and not is_picture(char)
    return Hit(start, start + len(raw), "entity", "block", char if keep else "")


def _merged(found: list[Hit]) -> list[Hit]:
    """Markup of one kind back to back ("</td><td>", "<br><br>") as one hit."""
    runs: list[list] = []  # [first hit, end, replacement pieces]
    for hit in found:
        if runs and runs[-1][1] == hit.start and runs[-1][0].kind == hit.kind in ("tag", "entity"):
            runs[-1][1] = hit.end
            runs[-1][2].append(hit.replacement or "")
        else:
            runs.append([hit, hit.end, [hit.replacement or ""]])
    return [first if len(parts) == 1 else Hit(first.start, end, first.kind, first.severity, "".join(parts))
            for first, end, parts in runs]


def detect(text: str, norm: Normalized) -> list[Hit]:
    """All the markup of the message as one hit whose fix converts it to plain text."""
    pieces = markup_hits(text, norm)
    if not pieces:
        return []
    start, end = pieces[0].start, max(h.end for h in pieces)
    kind = "tracking_pixel" if any(h.kind == "tracking_pixel" for h in pieces) else \
        "tag" if any(h.kind == "tag" for h in pieces) else pieces[0].kind
    if len(pieces) == 1:
        return [Hit(start, end, kind, "block", pieces[0].replacement)]
    if end - start > PLAIN_TEXT_LIMIT:  # past what the composer takes: piece by piece, linear
        return [Hit(start, end, kind, "block", _joined(text, pieces))]
    return [Hit(start, end, kind, "block", _plain(text, start, end))]


# The stretch of markup converted with the full HTML parser; a longer one (past any message
# the composer accepts) gets each piece's own fix, joined.
PLAIN_TEXT_LIMIT = 40_000


def _joined(text: str, pieces: list[Hit]) -> str:
    out, pos = [], pieces[0].start
    for h in pieces:
        out.append(text[pos:h.start])
        out.append(h.replacement or "")
        pos = h.end
    return "".join(out)


_BLOCK_EDGE = re.compile(r"<(?:br|p|div|li|tr|table|h[1-6]|ul|ol|blockquote|hr)\b", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"</(?:p|div|li|tr|table|h[1-6]|ul|ol|blockquote)\s*>$|<br\s*/?>$", re.IGNORECASE)


def _plain(text: str, start: int, end: int) -> str:
    """text[start:end] as plain text, kept apart from the words around it by a line break
    where the markup at its edge would have broken the line."""
    from policy.plaintext import html_to_text
    piece = text[start:end]
    plain = html_to_text(piece)
    if start > 0 and not text[start - 1].isspace() and _BLOCK_EDGE.match(piece):
        plain = "\n" + plain
    if end < len(text) and not text[end].isspace() and _BLOCK_CLOSE.search(piece):
        plain += "\n"
    return plain


def markup_hits(text: str, norm: Normalized | None = None) -> list[Hit]:
    """Each piece of markup, with its own plain-text fix."""
    if "<" not in text and "&" not in text:
        return []
    hits: list[Hit] = []
    skip_to = 0  # end of the comment or style/script element just reported
    no_close: set[str] = set()  # closers known to be absent from here on: no more searching
    for m in _CANDIDATE.finditer(text):
        raw, start = m.group(), m.start()
        if start < skip_to:
            continue
        if raw[:2] == "<!" and raw != "<!--":
            hits.append(Hit(start, start + len(raw), "tag", "block", ""))  # <!DOCTYPE html>
            continue
        if raw == "<!--":
            close = text.find("-->", m.end()) if "-->" not in no_close else -1
            if close < 0:
                no_close.add("-->")
            skip_to = close + 3 if close >= 0 else m.end()  # unclosed: flag the opening
            hits.append(Hit(start, skip_to, "comment", "block", ""))
            continue
        if raw[0] == "&":
            hit = _entity_hit(start, raw)
            if hit:
                hits.append(hit)
            continue
        tag = _tag_kind(raw)
        if tag is None:
            continue
        kind, replacement, name = tag
        hit = Hit(start, start + len(raw), kind, "block", replacement)
        if name in _WHOLE_ELEMENTS and raw[1] != "/":
            # A style sheet or script is markup through and through: take it whole, so
            # removing the hit leaves no CSS or code behind.
            closer = _CLOSERS[name].search(text, hit.end) if name not in no_close else None
            if closer is None:
                no_close.add(name)
            else:
                hit = Hit(hit.start, closer.end(), hit.kind, hit.severity, "")
                skip_to = closer.end()
        hits.append(hit)
    return _merged(hits)
