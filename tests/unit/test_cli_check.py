"""`python -m policy check`: exit codes, text/json/jsonl output, stdin, bad input.

Output-format tests swap the engine for a fake with known findings, so they test the
CLI alone; the end-to-end tests at the bottom run the real engine with messages whose
verdict is unambiguous.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policy import CheckResult, Finding, PolicyError, cli_check
from policy.cli_check import LineIndex, main

REPO = Path(__file__).resolve().parents[2]
BLOCKING_REVIEW = "Leave a 5-star review and we'll refund you $10"
BLOCKING_EMAIL = "Email me at jane@example.com"
CLEAN = "Hi Sam, your order shipped today and should arrive on Friday. Thanks for your patience."


def fake_check(text, marketplace="amazon", template=None, context=None):
    """Block on the word "refund", warn on "SHOUT", nothing else: a predictable engine."""
    findings = []
    for word, severity, category in (("refund", "block", "inducement"), ("SHOUT", "warn", "formatting")):
        start = text.find(word)
        if start >= 0:
            findings.append(Finding(
                rule=f"{category}.fake", category=category, severity=severity,
                start=start, end=start + len(word), excerpt=text[start:start + len(word)],
                message=f"Fake {category} finding.", source="test",
                suggestions=("Say it another way.",) if severity == "block" else (),
                replacements=("HELLO",) if severity == "warn" else ()))
    return sorted(findings, key=lambda f: f.start)


@pytest.fixture
def fake_engine(monkeypatch):
    calls = []

    def recording_check(text, marketplace="amazon", template=None, context=None, language="auto"):
        calls.append({"text": text, "marketplace": marketplace, "template": template, "context": context})
        return CheckResult("en" if language == "auto" else language,
                           fake_check(text, marketplace, template, context))

    monkeypatch.setattr(cli_check, "check_message", recording_check)
    return calls


def set_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def write(tmp_path, name, text, newline=""):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline=newline)
    return str(path)


# ---------------------------------------------------------------- line/column

def test_line_index_counts_lf_crlf_and_cr_as_one_break_each():
    text = "ab\r\ncd\nef\rgh"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(text.index("c")) == (2, 1)
    assert index.position(text.index("f")) == (3, 2)
    assert index.position(text.index("h")) == (4, 2)


def test_line_index_columns_are_code_points_not_utf16_units():
    text = "😀😀 refund"
    assert LineIndex(text).position(text.index("refund")) == (1, 4)


# ---------------------------------------------------------------- text format

def test_text_format_reads_like_a_linter(tmp_path, fake_engine, capsys):
    path = write(tmp_path, "msg.txt", "Hello there,\r\nwe will refund you.\nSHOUT\n")
    assert main([path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:2:9: block: Fake inducement finding. [inducement.fake] (inducement)"
    assert out[1] == "    refund"
    assert out[2] == "    suggestion: Say it another way."
    assert out[3] == f"{path}:3:1: warn: Fake formatting finding. [formatting.fake] (formatting)"
    assert out[4] == "    SHOUT"
    assert out[5] == "    suggestion: replace with 'HELLO'"
    assert out[-1] == "1 file, 1 blocking, 1 warning"


def test_text_format_clean_file_prints_only_the_summary(tmp_path, fake_engine, capsys):
    assert main([write(tmp_path, "a.txt", CLEAN), write(tmp_path, "b.txt", "fine")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "2 files, 0 blocking, 0 warnings\n"
    assert captured.err == ""


def test_warnings_alone_exit_zero(tmp_path, fake_engine, capsys):
    assert main([write(tmp_path, "w.txt", "SHOUT please")]) == 0
    assert capsys.readouterr().out.endswith("1 file, 0 blocking, 1 warning\n")


def test_one_blocking_file_among_several_exits_one(tmp_path, fake_engine, capsys):
    ok = write(tmp_path, "ok.txt", "all good")
    bad = write(tmp_path, "bad.txt", "a refund")
    assert main([ok, bad]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1:3: block:" in out and f"{ok}:" not in out
    assert out.endswith("2 files, 1 blocking, 0 warnings\n")


def test_byte_order_mark_is_not_counted_as_a_column(tmp_path, fake_engine, capsys):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffrefund".encode("utf-8"))
    assert main(["--format", "json", str(path)]) == 1
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert (finding["start"], finding["line"], finding["column"]) == (0, 1, 1)


def test_long_multiline_excerpt_stays_on_one_line(monkeypatch, tmp_path, capsys):
    text = "x\n" * 100

    def whole(text_, **kwargs):
        return CheckResult("en", [Finding("formatting.fake", "formatting", "warn", 0, len(text_),
                                          text_, "m", "s")])

    monkeypatch.setattr(cli_check, "check_message", whole)
    main([write(tmp_path, "x.txt", text)])
    excerpt = capsys.readouterr().out.splitlines()[1]
    assert excerpt.startswith("    x\\nx\\n") and excerpt.endswith("…") and len(excerpt) <= 4 + 80


# ---------------------------------------------------------------- json format

def test_json_format_has_files_findings_with_line_and_column(tmp_path, fake_engine, capsys):
    bad = write(tmp_path, "bad.txt", "line one\n  refund SHOUT")
    ok = write(tmp_path, "ok.txt", "fine")
    assert main(["--format", "json", bad, ok]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    assert [f["path"] for f in doc["files"]] == [bad, ok]
    assert [f["ok"] for f in doc["files"]] == [False, True]
    first, second = doc["files"][0]["findings"]
    assert first == {
        "rule": "inducement.fake", "category": "inducement", "severity": "block",
        "start": 11, "end": 17, "excerpt": "refund", "message": "Fake inducement finding.",
        "source": "test", "suggestions": ["Say it another way."], "replacements": [],
        "line": 2, "column": 3,
    }
    assert (second["line"], second["column"], second["severity"]) == (2, 10, "warn")
    assert doc["files"][1]["findings"] == []


def test_json_format_clean_exits_zero(tmp_path, fake_engine, capsys):
    assert main(["--format", "json", write(tmp_path, "ok.txt", "fine")]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "files": [{"path": str(tmp_path / "ok.txt"), "ok": True, "language": "en", "findings": []}],
        "ok": True}


def test_offsets_are_into_the_file_as_written_crlf_kept(tmp_path, fake_engine, capsys):
    text = "a\r\nb\r\nrefund"
    main(["--format", "json", write(tmp_path, "crlf.txt", text)])
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert text[finding["start"]:finding["end"]] == "refund"
    assert (finding["line"], finding["column"]) == (3, 1)


# ---------------------------------------------------------------- stdin

def test_reads_standard_input_without_files(monkeypatch, fake_engine, capsys):
    set_stdin(monkeypatch, "We will refund you".encode("utf-8"))
    assert main([]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>:1:9: block:")
    assert fake_engine[0]["text"] == "We will refund you"


def test_dash_means_standard_input(monkeypatch, fake_engine, capsys):
    set_stdin(monkeypatch, b"all fine")
    assert main(["--format", "json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["path"] == "<stdin>"


def test_standard_input_not_utf8_exits_two(monkeypatch, fake_engine, capsys):
    set_stdin(monkeypatch, b"caf\xe9")
    assert main([]) == 2
    assert "<stdin>: not UTF-8" in capsys.readouterr().err


# ---------------------------------------------------------------- options passed through

def test_marketplace_template_and_context_reach_the_engine(tmp_path, monkeypatch, fake_engine, capsys):
    class FakePolicy:
        templates = {"shipping-delay": object()}

    monkeypatch.setattr(cli_check, "load_policy", lambda marketplace="amazon": FakePolicy())
    context = {"order_id": "112-1234567-1234567", "delivered_on": "2026-11-02", "today": "2026-11-20"}
    path = write(tmp_path, "m.txt", "hello")
    assert main(["--marketplace", "amazon", "--template", "shipping-delay",
                 "--context", json.dumps(context), path]) == 0
    assert fake_engine == [{"text": "hello", "marketplace": "amazon",
                            "template": "shipping-delay", "context": context}]


def test_unknown_template_exits_two_naming_it(tmp_path, fake_engine, capsys):
    assert main(["--template", "no-such-template", write(tmp_path, "m.txt", "hi")]) == 2
    err = capsys.readouterr().err
    assert "unknown template 'no-such-template'" in err
    assert fake_engine == []


@pytest.mark.parametrize("context, problem", [
    ("{not json", "--context: not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"today": "20/11/2026"}', "today is not an ISO date"),
    ('{"delivered_on": 20261102}', "delivered_on must be an ISO date string"),
    ('{"order_id": 112}', "order_id must be a string"),
])
def test_bad_context_exits_two(tmp_path, fake_engine, capsys, context, problem):
    assert main(["--context", context, write(tmp_path, "m.txt", "hi")]) == 2
    assert problem in capsys.readouterr().err
    assert fake_engine == []


# ---------------------------------------------------------------- usage and unreadable input

def test_missing_file_exits_two_naming_it_and_checks_nothing(tmp_path, fake_engine, capsys):
    ok = write(tmp_path, "ok.txt", "fine")
    missing = str(tmp_path / "missing.txt")
    assert main([ok, missing]) == 2
    captured = capsys.readouterr()
    assert f"{missing}: cannot read: No such file or directory" in captured.err
    assert captured.out == "" and fake_engine == []


def test_directory_is_unreadable(tmp_path, fake_engine, capsys):
    assert main([str(tmp_path)]) == 2
    assert f"{tmp_path}: cannot read" in capsys.readouterr().err


def test_file_not_utf8_exits_two(tmp_path, fake_engine, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café refund".encode("latin-1"))
    assert main([str(path)]) == 2
    assert f"{path}: not UTF-8 text (invalid byte at offset 3)" in capsys.readouterr().err


def test_unknown_option_exits_two_with_usage(fake_engine, capsys):
    assert main(["--bogus"]) == 2
    err = capsys.readouterr().err
    assert "usage: python -m policy check" in err and "--bogus" in err


def test_bad_format_choice_exits_two(fake_engine, capsys):
    assert main(["--format", "xml", "x.txt"]) == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_help_exits_zero(capsys):
    assert main(["--help"]) == 0
    assert "--jsonl" in capsys.readouterr().out


def test_jsonl_and_files_together_is_bad_usage(tmp_path, fake_engine, capsys):
    path = write(tmp_path, "m.txt", "hi")
    assert main(["--jsonl", path, path]) == 2
    assert "either --jsonl or FILE" in capsys.readouterr().err


def test_policy_error_at_load_exits_two_with_its_message(tmp_path, monkeypatch, capsys):
    def broken(marketplace="amazon"):
        raise PolicyError("rules.toml: rule 'x.y': unknown kind 'regexx'")

    monkeypatch.setattr(cli_check, "load_policy", broken)
    assert main([write(tmp_path, "m.txt", "hi")]) == 2
    assert "rules.toml: rule 'x.y': unknown kind 'regexx'" in capsys.readouterr().err


def test_unknown_marketplace_exits_two(tmp_path, capsys):
    assert main(["--marketplace", "no-such-market", write(tmp_path, "m.txt", "hi")]) == 2
    assert "no-such-market" in capsys.readouterr().err


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_writes_one_line_per_input_in_order(tmp_path, fake_engine, capsys):
    rows = [{"id": "a", "text": "fine"}, {"id": 2, "text": "a refund"}, {"id": None, "text": "SHOUT"}]
    path = write(tmp_path, "in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    assert main(["--jsonl", path]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["ok"]) for r in lines] == [("a", True), (2, False), (None, True)]
    assert lines[0]["findings"] == []
    assert lines[1]["findings"][0]["category"] == "inducement"
    assert lines[1]["findings"][0]["start"] == 2 and "line" not in lines[1]["findings"][0]
    assert lines[2]["findings"][0]["severity"] == "warn"


def test_jsonl_all_clean_exits_zero_and_skips_blank_lines(tmp_path, fake_engine, capsys):
    path = write(tmp_path, "in.jsonl", '{"id": 1, "text": "ok"}\r\n\r\n{"id": 2, "text": "fine"}\r\n')
    assert main(["--jsonl", path]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == [1, 2]


def test_jsonl_from_standard_input(monkeypatch, fake_engine, capsys):
    set_stdin(monkeypatch, b'{"id": "x", "text": "refund"}\n')
    assert main(["--jsonl", "-"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_jsonl_text_with_line_separator_is_one_line(tmp_path, fake_engine, capsys):
    # U+2028 is legal unescaped inside a JSON string: it must not split the line.
    path = write(tmp_path, "in.jsonl", json.dumps({"id": 1, "text": "a\u2028b"}, ensure_ascii=False) + "\n")
    assert main(["--jsonl", path]) == 0
    assert fake_engine[0]["text"] == "a\u2028b"


def test_jsonl_per_line_template_and_context(tmp_path, monkeypatch, fake_engine, capsys):
    class FakePolicy:
        templates = {"t1": object(), "t2": object()}

    monkeypatch.setattr(cli_check, "load_policy", lambda marketplace="amazon": FakePolicy())
    rows = [{"id": 1, "text": "a"},
            {"id": 2, "text": "b", "template": "t2", "context": {"today": "2026-11-20"}}]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert main(["--jsonl", path, "--template", "t1"]) == 0
    assert [(c["template"], c["context"]) for c in fake_engine] == [
        ("t1", None), ("t2", {"today": "2026-11-20"})]


@pytest.mark.parametrize("content, problem", [
    ('{"id": 1, "text": "ok"}\n{"id": 2, "text": \n', "in.jsonl:2: not valid JSON"),
    ('{"id": 1, "text": "ok"}\n\n{"id": 3}\n', 'in.jsonl:3: missing "text"'),
    ('{"id": 1, "text": 5}\n', 'in.jsonl:1: "text" must be a string'),
    ('["text", "x"]\n', "in.jsonl:1: expected a JSON object"),
    ('{"id": 1, "text": "x", "context": {"today": "soon"}}\n', "in.jsonl:1: \"context\": today is not"),
])
def test_bad_jsonl_line_exits_two_naming_file_and_line(tmp_path, fake_engine, capsys, content, problem):
    path = write(tmp_path, "in.jsonl", content)
    assert main(["--jsonl", path]) == 2
    captured = capsys.readouterr()
    assert problem in captured.err
    assert captured.out == "" and fake_engine == []  # nothing half-written


def test_bad_jsonl_on_stdin_names_stdin_and_line(monkeypatch, fake_engine, capsys):
    set_stdin(monkeypatch, b'{"id": 1, "text": "ok"}\nnope\n')
    assert main(["--jsonl", "-"]) == 2
    assert "<stdin>:2: not valid JSON" in capsys.readouterr().err


def test_jsonl_missing_file_exits_two(tmp_path, fake_engine, capsys):
    assert main(["--jsonl", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl: cannot read" in capsys.readouterr().err


def test_jsonl_unknown_template_on_a_line_exits_two(tmp_path, fake_engine, capsys):
    path = write(tmp_path, "in.jsonl", '{"id": 1, "text": "ok", "template": "nope-nope"}\n')
    assert main(["--jsonl", path]) == 2
    assert "in.jsonl:1: unknown template 'nope-nope'" in capsys.readouterr().err


# ---------------------------------------------------------------- end to end (real engine)

@pytest.mark.parametrize("text", [BLOCKING_REVIEW, BLOCKING_EMAIL])
def test_real_engine_blocks_unambiguous_violations(monkeypatch, capsys, text):
    set_stdin(monkeypatch, text.encode("utf-8"))
    assert main([]) == 1
    out = capsys.readouterr().out
    assert "<stdin>:1:" in out and ": block: " in out


def test_real_engine_passes_a_plain_shipping_update(monkeypatch, capsys):
    set_stdin(monkeypatch, CLEAN.encode("utf-8"))
    assert main(["--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_real_engine_jsonl_finds_the_email(tmp_path, capsys):
    rows = [{"id": "clean", "text": CLEAN}, {"id": "email", "text": BLOCKING_EMAIL}]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert main(["--jsonl", path]) == 1
    clean, email = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert clean["ok"] is True
    assert email["ok"] is False
    assert any(f["category"] == "email_address" and "jane@example.com" in BLOCKING_EMAIL[f["start"]:f["end"]]
               for f in email["findings"])


def run_cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "policy", "check", *args], input=stdin.encode("utf-8"),
                          capture_output=True, cwd=REPO, timeout=60)


def test_subprocess_blocking_message_on_stdin_exits_one():
    result = run_cli(stdin=BLOCKING_REVIEW)
    assert result.returncode == 1, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert ": block: " in out
    assert re.fullmatch(r"1 file, [1-9]\d* blocking, \d+ warnings?", out.splitlines()[-1])


def test_subprocess_clean_json_and_unreadable_file(tmp_path):
    clean = write(tmp_path, "clean.txt", CLEAN)
    result = run_cli("--format", "json", clean)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["ok"] is True

    result = run_cli(str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert b"missing.txt: cannot read" in result.stderr and result.stdout == b""


def test_subprocess_jsonl_bad_line_exits_two():
    result = run_cli("--jsonl", "-", stdin='{"id": 1, "text": "ok"}\n{"id": 2}\n')
    assert result.returncode == 2
    assert b'<stdin>:2: missing "text"' in result.stderr
