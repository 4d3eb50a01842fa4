"""Browser fixtures: the app on a free local port, driven by Debian's headless Chromium."""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Base URL of the app served by a real WSGI server in a background thread."""
    instance = tmp_path_factory.mktemp("instance")
    app = create_app({"TESTING": True, "SECRET_KEY": "browser-tests",
                      "DATABASE": str(instance / "history.sqlite3"),
                      "SELLER_DICTIONARY": str(instance / "dictionary.txt")})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page (own context, clipboard allowed) whose relative URLs hit the app."""
    context = browser.new_context(base_url=live_server,
                                  permissions=["clipboard-read", "clipboard-write"])
    errors: list[str] = []
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors  # tests may assert this stays empty
    yield pg
    context.close()
