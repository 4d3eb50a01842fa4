"""Nothing half-translated (issue 10): every string the zh interface shows is in its catalog.

Four walks, each failing on the first gap it finds:
- the gettext catalog: a fresh extraction (babel.cfg: Python, templates, templates.toml,
  marketplace.toml) against translations/zh/.../messages.po: every msgid translated, none fuzzy,
  and the committed messages.pot up to date;
- the rule files: every rule of every marketplace and of every language rule set has zh prose for each text it can show
  (policy.localize), every language name and language message, every category name;
- the script: compose.js shows no text of its own, only the page's strings;
- the pages: the library, the blank composer and every template page of every marketplace,
  rendered in zh, show no run of English words outside the message itself.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

import policy
from policy.finding import CATEGORIES
from policy.localize import language_gaps, locale_pack
from policy.marketplace import load_marketplace, marketplace_ids

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "translations" / "zh" / "LC_MESSAGES" / "messages.po"
LOCALE = "zh"
# Words that stay as they are in a Chinese interface: names, keys, formats.
KEPT = {"Seller", "Central", "Hub", "Center", "Shop", "Manager", "Ctrl", "Alt", "C", "Z", "HTML",
        "JavaScript", "PDF", "GIF", "ISO", "API", "SP", "eBay", "Etsy", "Walmart", "com",
        "Important", "English", "XXX", "ID", "YYYY", "MM", "DD", "Feedback", "Trading", "CSV", "csv", "mbox",
        "eml", "UTF", "Star", "Revision", "Request"}


def extracted_msgids() -> set:
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map,
                                                keywords={"_": None, "gettext": None, "_l": None, "N_": None,
                                                          "lazy_gettext": None, "ngettext": (1, 2)}):
        ids.add(message if isinstance(message, str) else tuple(message))
    return ids


def test_every_interface_string_is_in_the_zh_catalog(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale=LOCALE)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        translated[key] = all(strings) and not message.fuzzy
    ids = extracted_msgids()
    assert len(ids) > 300
    missing = sorted(str(i) for i in ids if not translated.get(i))
    assert not missing, f"{len(missing)} strings lack a zh translation:\n" + "\n".join(missing[:40])
    with (ROOT / "translations" / "messages.pot").open("rb") as handle:
        pot = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle) if m.id}
    assert pot == ids, "translations/messages.pot is stale: re-run pybabel extract (README)"


@pytest.mark.parametrize("marketplace", marketplace_ids())
def test_every_rule_text_and_category_has_zh(marketplace):
    pack = locale_pack(marketplace, LOCALE)
    assert pack.missing == (), f"{marketplace}: no zh for " + ", ".join(pack.missing)
    # The rules of every language rule set (policy/common/<lang>/, policy/<marketplace>/<lang>/)
    # are covered too: each has its prose in the pack, and the pack lacks none of its texts.
    loaded = policy.load_policy(marketplace)
    every_rule = {r.id for rules in (loaded.rules, *loaded.language_rules.values()) for r in rules}
    assert every_rule <= set(pack.rules), f"{marketplace}: rules without prose: {every_rule - set(pack.rules)}"
    assert all(pack.rules[i].texts.get("message") for i in every_rule)
    names = load_marketplace(marketplace).category_names.get(LOCALE, {})
    english = load_marketplace(marketplace).names("en")
    assert set(CATEGORIES) <= set(names), f"{marketplace}: categories without a zh name"
    for category, name in names.items():
        assert re.search(r"[\u4e00-\u9fff]", name) or name == english[category] == "HTML", category
    for key in ("marketplace", "policy_name", "seller_tool", "messages_page", "customer"):
        assert key in pack.wording


def test_every_language_name_and_message_has_zh():
    assert language_gaps(LOCALE) == []


def test_compose_js_shows_no_text_of_its_own(app):
    script = (ROOT / "static" / "compose.js").read_text(encoding="utf-8")
    with app.test_request_context("/?locale=zh"):
        from web.pages import script_strings
        keys = set(script_strings())
    used = set(re.findall(r'\btext\("(\w+)"', script))
    assert used and used <= keys
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', script)
    # CSS class lists, the strict-mode directive and an internal error name are not shown.
    shown = [s for s in literals if s not in ("use strict", "copy refused") and not re.search(r"--", s)
             and not re.fullmatch(r"[a-z-]+(?: [a-z-]+)*", s.strip()) or re.search(r"[A-Z].* ", s)]
    prose = [s for s in shown if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", s)]
    assert prose == [], f"interface text written in compose.js: {prose}"


class VisibleText(HTMLParser):
    """The text a seller reads, leaving out the message itself (textarea, its highlight
    mirror, excerpts quoting it, a buyer's message quoted on /triage), select choices that go
    into it, and the JSON data blocks."""

    SKIP_IDS = {"highlights", "compose-data"}
    SKIP_CLASSES = {"finding__excerpt", "triage-text", "inbox__text", "inbox__subject"}
    SKIP_TAGS = {"textarea", "option", "script", "style", "q"}

    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "meta", "link", "input", "img", "hr"}:
            return
        a = dict(attrs)
        skip = (tag in self.SKIP_TAGS or a.get("id") in self.SKIP_IDS
                or set((a.get("class") or "").split()) & self.SKIP_CLASSES
                or a.get("lang") == "en")  # the locale control names English in English
        self.stack.append(bool(skip) or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if tag not in {"br", "meta", "link", "input", "img", "hr"} and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.out.append(data.strip())


def english_runs(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    runs = []
    for text in parser.out:
        # Words quoted as the message says them (“Hello,”) and web addresses stay as they are.
        text = re.sub(r"“[^”]*”|\S+\.\S+/\S*", " ", text)
        for run in re.findall(r"[A-Za-z][A-Za-z'’-]*(?:[ ,.:;]+[A-Za-z][A-Za-z'’-]*)+|[A-Za-z]{3,}", text):
            words = [w for w in re.findall(r"[A-Za-z]+", run) if w not in KEPT]
            if words:
                runs.append(run)
    return runs


def zh_pages(client):
    yield "/"
    yield "/compose"
    yield "/no-such-page"
    for marketplace in marketplace_ids():
        for template_id in policy.load_policy(marketplace).templates:
            yield f"/compose/{template_id}?marketplace={marketplace}"


@pytest.mark.parametrize("marketplace", marketplace_ids())
def test_the_pages_in_zh_show_no_english_interface_text(tmp_path, marketplace):
    from app import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "h.sqlite3"),
                      "MARKETPLACE": marketplace})
    client = app.test_client()
    urls = ["/", "/compose", "/no-such-page", "/history"] + [f"/compose/{t}" for t in policy.load_policy(marketplace).templates]
    found = {}
    for url in urls:
        html = client.get(url + ("&" if "?" in url else "?") + "locale=zh").get_data(as_text=True)
        runs = english_runs(html)
        if runs:
            found[url] = runs[:5]
    assert not found, f"English left in the zh pages of {marketplace}: {found}"


TRIAGE_MESSAGES = [
    "Hello, my parcel was due on Monday and still has not arrived. Order 112-1234567-1234567. Where is it?",
    "Thank you, everything arrived safely and works well.",
    "The mug came broken in two pieces, can I get a replacement?",
]


@pytest.mark.parametrize("marketplace", marketplace_ids())
def test_triage_in_zh_shows_no_english_interface_text(tmp_path, marketplace):
    """/triage in zh: the empty page, a verdict rendered by the no-JS form, an inbox, an
    unreadable upload, and the live API's words (verdict, intent, reasons, link labels)."""
    from app import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "h.sqlite3"),
                      "MARKETPLACE": marketplace})
    client = app.test_client()
    pages = {"empty": client.get("/triage?locale=zh")}
    token = re.search(r'name="csrf_token" value="([^"]+)"', pages["empty"].get_data(as_text=True)).group(1)
    for i, text in enumerate(TRIAGE_MESSAGES):
        pages[f"verdict {i}"] = client.post("/triage", data={"message": text, "arrived": "2026-11-20T09:30",
                                                             "csrf_token": token})
    pages["inbox"] = client.post("/triage/inbox", data={"pasted": "\n---\n".join(TRIAGE_MESSAGES),
                                                        "csrf_token": token})
    pages["bad inbox"] = client.post("/triage/inbox", data={"pasted": "", "csrf_token": token})
    found = {name: english_runs(r.get_data(as_text=True))[:5] for name, r in pages.items()}
    assert not any(found.values()), f"English left in /triage of {marketplace}: {found}"
    assert pages["bad inbox"].status_code == 400
    assert 'id="inbox-list"' in pages["inbox"].get_data(as_text=True)
    assert 'id="verdict"' in pages["verdict 0"].get_data(as_text=True)
    for text in TRIAGE_MESSAGES:
        result = client.post("/api/triage", json={"text": text, "locale": "zh"}).get_json()
        shown = [result["verdict"], result["verdict_help"], result["intent_title"]]
        shown += [r["why"] for r in result["reasons"]]
        shown += [s["label"] for s in result["suggestions"]] + [s["prefill_note"] for s in result["suggestions"]]
        for said in filter(None, shown):
            assert re.search(r"[\u4e00-\u9fff]", said), f"{marketplace}: {said!r}"


def test_triage_js_shows_no_text_of_its_own(app):
    script = (ROOT / "static" / "triage.js").read_text(encoding="utf-8")
    with app.test_request_context("/triage?locale=zh"):
        from web.triage import script_strings
        keys = set(script_strings())
    used = set(re.findall(r'\bsay\("(\w+)"', script)) | {"overdue", "urgent", "ok"}
    assert used <= keys
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', script)
    prose = [s for s in literals if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", s) and s != "use strict"
             and not re.fullmatch(r"[a-z-]+(?: [a-z-]+)*", s)]  # CSS class lists
    assert prose == [], f"interface text written in triage.js: {prose}"
