"""One engine, marketplace facts as data: no Python, JS or page template outside the
marketplace folders (policy/<marketplace>/), the tests and the docs names a marketplace.

A marketplace's name, wording, order-ID format or links belong in its marketplace.toml;
code reads them from there (policy.marketplace, GET /api/marketplaces)."""
from __future__ import annotations

import re
from pathlib import Path

from policy.marketplace import POLICY_ROOT, marketplace_ids

REPO = Path(__file__).resolve().parents[2]
KNOWN = {"amazon", "ebay", "walmart", "etsy"}
SKIPPED = {".venv", ".git", "tests", "docs", "instance", "node_modules", "__pycache__"}
SUFFIXES = {".py", ".js", ".html"}


def _code_files():
    marketplace_folders = {POLICY_ROOT / m for m in marketplace_ids()} | {POLICY_ROOT / m for m in KNOWN}
    for path in sorted(REPO.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        parts = path.relative_to(REPO).parts
        if parts[0] in SKIPPED or "__pycache__" in parts:
            continue
        if any(folder in path.parents for folder in marketplace_folders):
            continue
        yield path


def test_no_code_names_a_marketplace():
    names = re.compile(r"\b(?:%s)\b" % "|".join(sorted(KNOWN | set(marketplace_ids()))), re.IGNORECASE)
    found = []
    for path in _code_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if names.search(line):
                found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()[:100]}")
    assert not found, "marketplace names in code:\n" + "\n".join(found)


def test_the_scan_sees_the_code():
    files = {str(p.relative_to(REPO)) for p in _code_files()}
    assert {"app.py", "policy/engine.py", "web/api.py", "templates/base.html",
            "static/compose.js"} <= files
