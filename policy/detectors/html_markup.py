"""HTML in a message: tags, comments, character entities and tracking pixels, found
with the standard library's HTML parser.

Only real markup counts. A tag must name an HTML element and carry only HTML
attributes, so "<3", "a < b", "size < 10 cm > 5", "<->", "Help > Activate" and a
placeholder such as "<order number>" or "<your name>" are plain text. (A placeholder
left in is the template's problem, not markup.) An entity needs its closing
semicolon and a known name ("&nbsp;", "&#8203;"); "Hollins & Reed" is text.

Kinds: "tracking_pixel" (an image of 1x1 pixels, or hidden), "tag", "comment",
"entity". Each hit offers the plain-text fix: the tag removed, <br> as a line
break, an entity as the character it stands for.
"""
from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser

from policy.normalize import Normalized

from .base import Hit

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
_TAG_END = re.compile(r">")


def _tiny(value: str | None) -> bool:
    m = re.match(r"\s*(\d+(?:\.\d+)?)", value or "")
    return bool(m) and float(m.group(1)) <= 1


def _is_pixel(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    style = attrs.get("style") or ""
    w = attrs.get("width") or (re.search(r"width\s*:\s*([\d.]+)", style) or [None, None])[1]
    h = attrs.get("height") or (re.search(r"height\s*:\s*([\d.]+)", style) or [None, None])[1]
    return _tiny(w) or _tiny(h)


class _Finder(HTMLParser):
    """Collects markup as (start, end, kind, replacement), in code-point offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.found: list[Hit] = []

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, self.get_starttag_text() or "")

    def _tag(self, tag: str, attrs, raw: str) -> None:
        if tag not in ELEMENTS or not all(_ATTRIBUTE.fullmatch(name) for name, _ in attrs):
            return
        start = self._here()
        end = start + len(raw)
        values = dict(attrs)
        if tag == "img" and _is_pixel(values):
            self.found.append(Hit(start, end, "tracking_pixel", "block", ""))
        else:
            self.found.append(Hit(start, end, "tag", "block", "\n" if tag == "br" else ""))

    def handle_endtag(self, tag):
        if tag not in ELEMENTS:
            return
        start = self._here()
        m = _TAG_END.search(self.text, start)
        end = m.end() if m else len(self.text)
        self.found.append(Hit(start, end, "tag", "block", ""))

    def handle_comment(self, data):
        start = self._here()
        self.found.append(Hit(start, start + len(data) + 7, "comment", "block", ""))

    def handle_entityref(self, name):
        start = self._here()
        end = start + 1 + len(name)
        if self.text[end:end + 1] == ";" and f"{name};" in html5:
            self.found.append(Hit(start, end + 1, "entity", "block", html.unescape(f"&{name};").replace("\xa0", " ")))

    def handle_charref(self, name):
        start = self._here()
        end = start + 2 + len(name)
        if self.text[end:end + 1] == ";":
            char = html.unescape(f"&#{name};").replace("\xa0", " ")
            self.found.append(Hit(start, end + 1, "entity", "block", char if char.isprintable() else ""))


def detect(text: str, norm: Normalized) -> list[Hit]:
    if "<" not in text and "&" not in text:
        return []
    finder = _Finder(text)
    finder.feed(text)
    finder.close()
    return sorted(finder.found, key=lambda h: h.start)
