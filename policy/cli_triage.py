"""`python -m policy triage`: does a buyer's message need a reply, and what is it about?

    python -m policy triage message.txt other.txt        # a readable verdict per file
    python -m policy triage < message.txt                # standard input
    python -m policy triage --previous "Could you confirm your address?" reply.txt
    python -m policy triage --jsonl messages.jsonl       # {"id", "text", "previous"?, "arrived"?} lines
    python -m policy triage inbox.mbox export.csv        # whole inboxes, sorted by reply deadline
    python -m policy triage --inbox pasted.txt           # several messages separated by --- lines

Files ending .mbox, .eml or .csv are read as inboxes (notification emails, or a CSV with
text, received time and optional order ID); --inbox reads any file or standard input so.
Exit status: 0 triaged, 2 bad usage or unreadable input (a message on stderr). All input
is read and validated before anything is triaged, so a bad file or line stops the run
without a half-written report.
"""
from __future__ import annotations

import json
import sys

from .cli_input import ArgumentParser, UsageError, input_name, iter_jsonl, read_text
from .cli_locale import Words
from .engine import PolicyError
from .localize import SOURCE_LOCALE, check_locale, language_name
from .triage import triage
from .triage_inbox import kind_of, parse_time, read_inbox, triage_all
from .triage_rules import default_marketplace, load_triage_rules

PROG = "python -m policy triage"
EXCERPT_WIDTH = 70
INBOX_SUFFIXES = (".mbox", ".mbx", ".eml", ".csv")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Triage buyer messages: needs a reply or not, intent, the phrases that decided, "
                    "and the reply templates that fit.",
        epilog="Exit status: 0 triaged, 2 bad usage or unreadable input.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help='buyer message files (UTF-8), or inboxes (.mbox, .eml, .csv); '
                             'standard input when none or "-"')
    parser.add_argument("--marketplace", default=None,
                        help="marketplace (default: the MARKETPLACE setting)")
    parser.add_argument("--previous", metavar="TEXT",
                        help="the seller's previous message, which the buyer is answering")
    parser.add_argument("--inbox", action="store_true",
                        help="read every FILE (or standard input) as an inbox: mbox, eml, csv, "
                             "or messages separated by a line of ---")
    parser.add_argument("--locale", default=SOURCE_LOCALE, metavar="LOCALE",
                        help='language of the readable report, e.g. "zh" (default: en); JSON keeps ids')
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="inbox output: readable text (default) or one JSON line per message")
    parser.add_argument("--jsonl", metavar="FILE|-",
                        help='read JSON Lines of {"id": ..., "text": ...} (optional "previous", '
                             '"arrived") and write one line {"id", "needs_reply", "intent", "reasons", '
                             '"templates"} per input, in order')
    return parser


def read_jsonl(path: str) -> list[dict]:
    """One dict per non-blank line; the first bad line is reported with file and line number."""
    rows = []
    for where, row in iter_jsonl(path):
        if not isinstance(row.get("text"), str):
            raise UsageError(f'{where}: "text" is required and must be a string')
        previous = row.get("previous")
        if previous is not None and not isinstance(previous, str):
            raise UsageError(f'{where}: "previous" must be a string')
        arrived = row.get("arrived")
        if arrived is not None:
            parsed = parse_time(arrived) if isinstance(arrived, str) else None
            if parsed is None:
                raise UsageError(f'{where}: "arrived" must be a date and time like 2026-11-20T14:30')
            arrived = parsed
        rows.append({"id": row.get("id"), "text": row["text"], "previous": previous, "arrived": arrived})
    return rows


def _one_line(text: str, width: int = EXCERPT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_verdict(label: str, text: str, result: dict, marketplace: str,
                   words: Words | None = None) -> list[str]:
    """A readable verdict: "<label>: needs a reply — <intent>", then why, templates, fields."""
    words = words or Words()
    _ = words._
    rules = load_triage_rules(marketplace)
    verdict = _("needs a reply") if result["needs_reply"] else _(rules.no_reply_label).lower()
    lines = [f"{label}: {verdict} — {_(rules.intents[result['intent']].title)}"]
    if result.get("language"):
        lines.append("    " + _("language: %(language)s", language=language_name(result["language"], words.locale)))
    if result.get("reply_by"):
        lines.append("    " + _("reply by: %(time)s", time=result["reply_by"]))
    for reason in result["reasons"]:
        lines.append(f"    \"{_one_line(text[reason['start']:reason['end']])}\": {_(reason['why'])}")
    if result["templates"]:
        lines.append("    " + _("reply templates: %(ids)s", ids=words.join(result["templates"])))
    names = {"order_id": _("order id"), "product": _("product")}
    for key, value in result.get("fields", {}).items():
        lines.append(f"    {names.get(key, key.replace('_', ' '))}: {value}")
    return lines


def _is_inbox(path: str, forced: bool) -> bool:
    return forced or path.lower().endswith(INBOX_SUFFIXES)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as e:
        raise UsageError(f"{path}: cannot read: {e.strerror or e}") from None


def _read_inbox(path: str):
    data = _read_bytes(path)
    try:
        return read_inbox(data, None if path == "-" else path, kind_of(None if path == "-" else path, data))
    except UsageError as e:
        raise UsageError(f"{input_name(path)}: {e}") from None


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.jsonl is not None and args.files:
            raise UsageError("give either --jsonl or message files, not both")
        args.marketplace = load_triage_rules(args.marketplace or default_marketplace()).marketplace
        try:
            words = Words(check_locale(args.locale))
        except ValueError as exc:
            raise UsageError(f"--locale: {exc}") from None
        if args.jsonl is not None:
            rows = read_jsonl(args.jsonl)
            results = [triage(r["text"], marketplace=args.marketplace, previous=r["previous"],
                              arrived=r["arrived"]) for r in rows]
            inboxes, singles = [], []
        else:
            paths = args.files or ["-"]
            inboxes = [(input_name(p), _read_inbox(p)) for p in paths if _is_inbox(p, args.inbox)]
            singles = [(input_name(p), read_text(p)) for p in paths if not _is_inbox(p, args.inbox)]
            results = [triage(text, marketplace=args.marketplace, previous=args.previous) for _, text in singles]
            inboxes = [(name, triage_all(messages, args.marketplace)) for name, messages in inboxes]
    except (UsageError, PolicyError) as e:
        sys.stderr.write(f"{PROG}: {e}\n")
        return 2
    out = sys.stdout
    if args.jsonl is not None:
        for row, result in zip(rows, results):
            line = {"id": row["id"], "needs_reply": result["needs_reply"], "intent": result["intent"],
                    "language": result.get("language"), "reasons": result["reasons"],
                    "templates": result["templates"]}
            if "reply_by" in result:
                line["reply_by"] = result["reply_by"]
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 0
    for (label, text), result in zip(singles, results):
        out.write("\n".join(format_verdict(label, text, result, args.marketplace, words)) + "\n")
    for name, triaged in inboxes:
        for result in triaged:
            if args.format == "json":
                keep = ("source", "received", "reply_by", "needs_reply", "intent", "language", "reasons",
                        "templates", "fields", "text")
                out.write(json.dumps({"inbox": name, **{k: result.get(k) for k in keep}},
                                     ensure_ascii=False) + "\n")
            else:
                label = f"{name} {result['source']}"
                out.write("\n".join(format_verdict(label, result["text"], result, args.marketplace, words)) + "\n")
    return 0
