"""A delivery date at the end of the calendar is bad input (a named ValueError; the CLI
exits 2 naming the field), never an OverflowError from the review-window arithmetic."""
from __future__ import annotations

import io
import json
from contextlib import redirect_stderr

import pytest

from policy import ContextError, check
from policy.cli_check import main
from policy.context import context_problem

REQUEST = "We'd welcome your honest review of the lamp."


@pytest.mark.parametrize("context,key", [
    ({"delivered_on": "9999-12-30"}, "delivered_on"),
    ({"delivered_on": "9999-12-10", "today": "9999-12-20"}, "delivered_on"),
    ({"delivered_on": "2026-11-02", "delivered_latest": "9999-12-25"}, "delivered_latest"),
])
def test_python_check_raises_a_named_value_error(context, key):
    with pytest.raises(ContextError) as caught:
        check(REQUEST, template="review-request", context=context)
    assert isinstance(caught.value, ValueError) and caught.value.key == key
    assert key in str(caught.value)


def test_context_validation_names_the_field():
    assert "delivered_on" in context_problem("delivered_on", "9999-12-05")
    assert context_problem("delivered_on", "2026-11-02") is None


@pytest.mark.parametrize("argv", [
    ["check", "--template", "review-request", "--context", json.dumps({"delivered_on": "9999-12-30"})],
    ["check", "--template", "review-request", "--context", json.dumps({"delivered_latest": "9999-12-31"})],
])
def test_cli_exits_2_naming_the_field(argv, tmp_path, monkeypatch):
    path = tmp_path / "m.txt"
    path.write_text(REQUEST, encoding="utf-8")
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(argv[1:] + [str(path)])
    assert code == 2
    assert "delivered_" in err.getvalue() and "Traceback" not in err.getvalue()
