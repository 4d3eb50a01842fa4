"""`python -m policy triage`: readable verdicts, JSON Lines in order, exit statuses."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policy.__main__ import main as policy_main
from policy.cli_triage import main

ROOT = Path(__file__).resolve().parents[2]


def run(argv, stdin: str | bytes = "", capsys=None, monkeypatch=None):
    data = stdin.encode() if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_files_get_a_readable_verdict_each(tmp_path, capsys, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_text("Where is my parcel? Order 112-1234567-1234567", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Thanks, it arrived!", encoding="utf-8")
    code, out, err = run([str(a), str(b)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    assert f"{a}: needs a reply (intent: where_is_my_order)" in out
    assert f"{b}: no response needed (intent: thanks_or_resolved)" in out
    assert "reply templates: reply-where-is-my-order" in out
    assert "order_id: 112-1234567-1234567" in out
    assert out.index(str(a)) < out.index(str(b))


def test_standard_input(capsys, monkeypatch):
    code, out, _ = run([], stdin="Can I return it?", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith("<stdin>: needs a reply (intent: return_or_refund)")


def test_jsonl_one_line_per_input_in_order(tmp_path, capsys, monkeypatch):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "m1", "text": "Thank you!"}, {"id": 2, "text": "Where is my order?"},
            {"id": None, "text": "Is it 😀 waterproof?"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    code, out, err = run(["--jsonl", str(path)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["m1", 2, None]
    assert set(lines[0]) == {"id", "needs_reply", "intent", "reasons", "templates"}
    assert lines[0]["needs_reply"] is False and lines[0]["templates"] == []
    assert lines[1]["intent"] == "where_is_my_order" and lines[1]["templates"]
    text = rows[2]["text"]
    assert any(text[r["start"]:r["end"]] == "?" for r in lines[2]["reasons"])


def test_jsonl_from_standard_input(capsys, monkeypatch):
    code, out, _ = run(["--jsonl", "-"], stdin='{"id": 1, "text": "ok thanks"}\n',
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["needs_reply"] is False


@pytest.mark.parametrize("content,needle", [
    ('{"id": 1, "text": "ok"}\nnot json\n', ":2: not valid JSON"),
    ('[1, 2]\n', 'expected a JSON object'),
    ('{"id": 1}\n', '"text" is required'),
    ('{"id": 1, "text": 5}\n', '"text" is required'),
])
def test_bad_jsonl_exits_2_naming_the_line(tmp_path, capsys, monkeypatch, content, needle):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(["--jsonl", str(path)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and out == ""
    assert needle in err and str(path) in err


def test_missing_file_exits_2(tmp_path, capsys, monkeypatch):
    code, out, err = run([str(tmp_path / "nope.txt")], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and out == "" and "cannot read" in err


def test_not_utf8_exits_2(tmp_path, capsys, monkeypatch):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\u00e9".encode("latin-1"))
    code, _, err = run([str(path)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and "not UTF-8" in err


def test_bad_usage_exits_2(tmp_path, capsys, monkeypatch):
    code, _, err = run(["--bogus"], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and "unrecognized arguments" in err
    code, _, err = run(["--jsonl", "-", "file.txt"], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and "not both" in err
    code, _, err = run(["--marketplace", "nowhere"], stdin="hi", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and "nowhere" in err


def test_dispatch_from_python_dash_m_policy(tmp_path, capsys, monkeypatch):
    path = tmp_path / "m.txt"
    path.write_text("Never mind, found it.", encoding="utf-8")
    assert policy_main(["triage", str(path)]) == 0
    assert "no response needed" in capsys.readouterr().out


def test_real_process():
    proc = subprocess.run([sys.executable, "-m", "policy", "triage", "--jsonl", "-"],
                          input='{"id": "a", "text": "Has it shipped?"}\n', capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["intent"] == "where_is_my_order"
