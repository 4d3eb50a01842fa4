"""`python -m policy triage`: does a buyer's message need a reply, and what is it about?

    python -m policy triage message.txt other.txt     # a readable verdict per file
    python -m policy triage < message.txt             # standard input
    python -m policy triage --jsonl messages.jsonl    # {"id", "text"} lines in, one result line out

Exit status: 0 triaged, 2 bad usage or unreadable input (a message on stderr).
All input is read and validated before anything is triaged, so a bad file or
line stops the run without a half-written report.
"""
from __future__ import annotations

import argparse
import json
import sys

from .engine import PolicyError
from .triage import triage

PROG = "python -m policy triage"
STDIN_NAME = "<stdin>"
EXCERPT_WIDTH = 70


class UsageError(Exception):
    """Bad arguments or unreadable input: reported on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits itself; raise so main() returns 2
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Triage buyer messages: needs a reply or 'no response needed', intent, "
                    "the phrases that decided, and the reply templates that fit.",
        epilog="Exit status: 0 triaged, 2 bad usage or unreadable input.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help='buyer message files (UTF-8); standard input when none or "-"')
    parser.add_argument("--marketplace", default="amazon", help="marketplace (default: amazon)")
    parser.add_argument("--jsonl", metavar="FILE|-",
                        help='read JSON Lines of {"id": ..., "text": ...} and write one line '
                             '{"id", "needs_reply", "intent", "reasons", "templates"} per input, in order')
    return parser


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UsageError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def _read(path: str) -> str:
    if path == "-":
        if sys.stdin is None:
            raise UsageError(f"{STDIN_NAME}: standard input is closed")
        buffer = getattr(sys.stdin, "buffer", None)
        return _decode(buffer.read(), STDIN_NAME) if buffer is not None else sys.stdin.read()
    try:
        with open(path, "rb") as f:
            return _decode(f.read(), path)
    except OSError as e:
        raise UsageError(f"{path}: cannot read: {e.strerror or e}") from None


def read_jsonl(path: str) -> list[tuple[object, str]]:
    """(id, text) per non-blank line; the first bad line is reported with file and line number."""
    name = STDIN_NAME if path == "-" else path
    rows = []
    for number, line in enumerate(_read(path).split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
        except ValueError as e:
            raise UsageError(f"{where}: not valid JSON: {e}") from None
        if not isinstance(row, dict):
            raise UsageError(f'{where}: expected a JSON object with a "text" field')
        if not isinstance(row.get("text"), str):
            raise UsageError(f'{where}: "text" is required and must be a string')
        rows.append((row.get("id"), row["text"]))
    return rows


def _one_line(text: str, width: int = EXCERPT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_verdict(label: str, text: str, result: dict) -> list[str]:
    verdict = "needs a reply" if result["needs_reply"] else "no response needed"
    lines = [f"{label}: {verdict} (intent: {result['intent']})"]
    for reason in result["reasons"]:
        lines.append(f"    {reason['why']}: \"{_one_line(text[reason['start']:reason['end']])}\"")
    if result["templates"]:
        lines.append(f"    reply templates: {', '.join(result['templates'])}")
    for key, value in result.get("fields", {}).items():
        lines.append(f"    {key}: {value}")
    return lines


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.jsonl is not None and args.files:
            raise UsageError("give either --jsonl or message files, not both")
        if args.jsonl is not None:
            inputs = [(id_, text) for id_, text in read_jsonl(args.jsonl)]
        else:
            paths = args.files or ["-"]
            inputs = [(STDIN_NAME if p == "-" else p, _read(p)) for p in paths]
        results = [triage(text, marketplace=args.marketplace) for _, text in inputs]
    except UsageError as e:
        sys.stderr.write(f"{PROG}: {e}\n")
        return 2
    except PolicyError as e:
        sys.stderr.write(f"{PROG}: {e}\n")
        return 2
    out = sys.stdout
    if args.jsonl is not None:
        for (id_, _), result in zip(inputs, results):
            line = {"id": id_, "needs_reply": result["needs_reply"], "intent": result["intent"],
                    "reasons": result["reasons"], "templates": result["templates"]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        for (label, text), result in zip(inputs, results):
            out.write("\n".join(format_verdict(label, text, result)) + "\n")
    return 0
