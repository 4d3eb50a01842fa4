"""`python -m policy triage`: does a buyer's message need a reply, and what is it about?

    python -m policy triage message.txt other.txt     # a readable verdict per file
    python -m policy triage < message.txt             # standard input
    python -m policy triage --jsonl messages.jsonl    # {"id", "text"} lines in, one result line out

Exit status: 0 triaged, 2 bad usage or unreadable input (a message on stderr).
All input is read and validated before anything is triaged, so a bad file or
line stops the run without a half-written report.
"""
from __future__ import annotations

import json
import sys

from .cli_input import ArgumentParser, UsageError, input_name, iter_jsonl, read_text
from .engine import PolicyError
from .triage import triage

PROG = "python -m policy triage"
EXCERPT_WIDTH = 70


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
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


def read_jsonl(path: str) -> list[tuple[object, str]]:
    """(id, text) per non-blank line; the first bad line is reported with file and line number."""
    rows = []
    for where, row in iter_jsonl(path):
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
            inputs = [(input_name(p), read_text(p)) for p in paths]
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
