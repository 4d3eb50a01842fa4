"""`python -m policy triage`: readable verdicts, JSON Lines in order, inboxes, the previous message,
exit statuses."""
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
INBOX = ROOT / "tests" / "data" / "triage_inbox"


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
    assert f"{a}: needs a reply — Where is my order" in out
    assert f"{b}: no response needed — Thanks or resolved" in out
    assert "reply templates: reply-where-is-my-order" in out
    assert "order id: 112-1234567-1234567" in out
    assert "where_is_my_order" not in out.split("reply templates")[0], "in words, no internal ids"
    assert out.index(str(a)) < out.index(str(b))


def test_standard_input(capsys, monkeypatch):
    code, out, _ = run([], stdin="Can I return it?", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith("<stdin>: needs a reply — Return, exchange or refund")


def test_jsonl_one_line_per_input_in_order(tmp_path, capsys, monkeypatch):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "m1", "text": "Thank you!"}, {"id": 2, "text": "Where is my order?"},
            {"id": None, "text": "Is it 😀 waterproof?"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    code, out, err = run(["--jsonl", str(path)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["m1", 2, None]
    assert set(lines[0]) == {"id", "needs_reply", "intent", "language", "reasons", "templates"}
    assert lines[0]["needs_reply"] is False and lines[0]["templates"] == []
    assert lines[1]["intent"] == "where_is_my_order" and lines[1]["templates"]
    text = rows[2]["text"]
    assert any(text[r["start"]:r["end"]].endswith("waterproof?") for r in lines[2]["reasons"])


def test_jsonl_takes_the_previous_message_and_the_arrival_time(tmp_path, capsys, monkeypatch):
    rows = [{"id": 1, "text": "ok", "previous": "Could you confirm your address?",
             "arrived": "2026-11-30T10:00:00Z"},
            {"id": 2, "text": "ok thanks", "previous": "Your refund has been issued."}]
    code, out, err = run(["--jsonl", "-"], stdin="\n".join(json.dumps(r) for r in rows),
                         capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0, err
    first, second = [json.loads(line) for line in out.splitlines()]
    assert first["needs_reply"] is True and first["reply_by"] == "2026-12-01T10:00:00+00:00"
    assert second["needs_reply"] is False


def test_previous_option(tmp_path, capsys, monkeypatch):
    code, out, _ = run(["--previous", "Which size would you like?"], stdin="ok thanks",
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and "needs a reply" in out and "Answers what you asked" in out


@pytest.mark.parametrize("name", ["notifications.mbox", "notification.eml", "messages.csv"])
def test_inbox_files_are_triaged_in_deadline_order(capsys, monkeypatch, name):
    code, out, err = run([str(INBOX / name), "--format", "json"], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines and all(line["inbox"] == str(INBOX / name) for line in lines)
    deadlines = [line["reply_by"] for line in lines if line["needs_reply"] and line["reply_by"]]
    assert deadlines == sorted(deadlines)
    assert [line["needs_reply"] for line in lines] == sorted((line["needs_reply"] for line in lines), reverse=True)


def test_inbox_text_output_names_each_message(capsys, monkeypatch):
    code, out, _ = run([str(INBOX / "notifications.mbox")], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert "notifications.mbox message 4: needs a reply — Invoice, payment or billing" in out
    assert "reply by: 2026-11-29T22:00:00+00:00" in out and "product: Wool Throw Blanket" in out


def test_pasted_messages_with_the_inbox_flag(capsys, monkeypatch):
    code, out, _ = run(["--inbox", "--format", "json"], stdin=(INBOX / "pasted.txt").read_text(encoding="utf-8"),
                       capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0
    assert [json.loads(line)["needs_reply"] for line in out.splitlines()] == [True, True, False]


def test_a_bad_inbox_exits_2(tmp_path, capsys, monkeypatch):
    path = tmp_path / "x.csv"
    path.write_text("note\nhello\n", encoding="utf-8")
    code, out, err = run([str(path)], capsys=capsys, monkeypatch=monkeypatch)
    assert code == 2 and out == "" and f"{path}: the CSV needs a column" in err


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
