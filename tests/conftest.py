"""Fixtures shared by the app tests: the app with a test config and its own database, a client.

CSRF stays on (the default), as in production: the JSON API must work without a token and
form/history tests fetch one as the page does. Browser fixtures live in tests/browser/conftest.py.
"""
from __future__ import annotations

import pytest

import policy
from app import create_app


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "test",
                       "DATABASE": str(tmp_path / "history.sqlite3"),
                       "SELLER_DICTIONARY": str(tmp_path / "dictionary.txt")})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def templates():
    """The Amazon policy's templates, id -> Template."""
    return policy.load_policy("amazon").templates
