"""`python -m policy check` and the message's language: --language, and `language` in output."""
from __future__ import annotations

import json

from policy.cli_check import main

POLISH = "Prosimy o wystawienie opinii na pięć gwiazdek!"  # a language without rules
ENGLISH = "Hi Sam, your order shipped today and should arrive on Friday. Thanks for your patience."


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_jsonl_lines_carry_the_language_and_a_polish_line_blocks(tmp_path, capsys):
    rows = [{"id": 1, "text": ENGLISH}, {"id": 2, "text": POLISH},
            {"id": 3, "text": "Dank je!", "language": "nl"}]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    assert main(["--jsonl", path]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["id"], o["language"], o["ok"]) for o in out] == [(1, "en", True), (2, "pl", False),
                                                                (3, "nl", False)]
    assert any(f["category"] == "language" for f in out[1]["findings"])


def test_json_format_carries_the_language(tmp_path, capsys):
    assert main(["--format", "json", write(tmp_path, "m.txt", ENGLISH)]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["language"] == "en"


def test_text_format_names_the_language_of_a_blocked_message(tmp_path, capsys):
    assert main([write(tmp_path, "m.txt", POLISH)]) == 1
    assert "looks Polish" in capsys.readouterr().out


def test_language_option_sets_the_buyers_language(tmp_path, capsys):
    path = write(tmp_path, "in.jsonl", json.dumps({"id": 1, "text": ENGLISH}))
    assert main(["--jsonl", path, "--language", "de"]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["language"] == "en"
    assert [f["severity"] for f in line["findings"] if f["category"] == "language"] == ["warn"]


def test_an_unknown_language_option_exits_two_with_a_message(tmp_path, capsys):
    assert main(["--language", "xx", write(tmp_path, "m.txt", ENGLISH)]) == 2
    err = capsys.readouterr().err
    assert "--language" in err and "Unknown language" in err and "Traceback" not in err


def test_a_bad_language_on_a_jsonl_line_names_file_and_line(tmp_path, capsys):
    path = write(tmp_path, "in.jsonl", json.dumps({"id": 1, "text": ENGLISH}) + "\n"
                 + json.dumps({"id": 2, "text": ENGLISH, "language": "Deutsch!"}))
    assert main(["--jsonl", path]) == 2
    captured = capsys.readouterr()
    assert "in.jsonl:2" in captured.err and '"language"' in captured.err and captured.out == ""
