"""`python -m policy check`: lint seller messages from files, standard input or JSON Lines.

Exit status: 0 nothing blocks, 1 something blocks, 2 bad usage or unreadable input.
All input is read and validated before anything is checked, so a bad file or line
stops the run with a message naming it instead of leaving a half-written report.
"""
from __future__ import annotations

import bisect
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import CheckResult, ContextError, PolicyError, check_message, load_policy
from .cli_locale import Words
from .cli_input import ArgumentParser, UsageError, input_name, iter_jsonl, loads_json, read_text
from .context import CONTEXT_KEYS, DATE_KEYS, context_problem
from .language import AUTO, parse_language
from .localize import SOURCE_LOCALE, check_locale, localize
from .marketplace import default_marketplace
from .spelling import read_word_list

PROG = "python -m policy check"
# The seller's dictionary the app keeps (web/dictionary.py): the same words are right here.
INSTANCE_DICTIONARY = Path(__file__).resolve().parents[1] / "instance" / "dictionary.txt"
CONTEXT_DATE_KEYS = tuple(k for k in CONTEXT_KEYS if k in DATE_KEYS)
EXCERPT_WIDTH = 80


@dataclass(frozen=True)
class Message:
    """One message to check: where it came from and its text as submitted."""

    label: str            # file path, "<stdin>", or the JSONL id
    text: str
    id: object = None     # JSONL only
    template: str | None = None
    context: dict | None = None
    language: str = AUTO


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Check seller-to-buyer messages against the marketplace's messaging rules.",
        epilog="Exit status: 0 nothing blocks, 1 something blocks, 2 bad usage or unreadable input.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help='message files (UTF-8); standard input when none or "-"')
    parser.add_argument("--marketplace", default=None,
                        help="marketplace rules (default: the MARKETPLACE setting, else the "
                             "policy's default marketplace)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output for FILE input (default: text); --jsonl always writes JSON Lines")
    parser.add_argument("--language", default=AUTO, metavar="auto|TAG",
                        help='the buyer\'s language as a BCP 47 tag such as "en", or "auto" to '
                             'detect it from the text (default: auto)')
    parser.add_argument("--locale", default=SOURCE_LOCALE, metavar="LOCALE",
                        help='language of the findings\' messages and suggestions, e.g. "zh" '
                             '(default: en); replacements stay in the message\'s language')
    parser.add_argument("--template", metavar="ID", help="id of the approved template the message uses")
    parser.add_argument("--context", metavar="JSON",
                        help='check context as a JSON object, e.g. \'{"order_id": "112-1234567-1234567", '
                             '"delivered_on": "2026-11-02", "today": "2026-11-20"}\'')
    parser.add_argument("--dictionary", metavar="FILE", default=None,
                        help="the seller's own words for the spelling check, one per line (default: "
                             "$SELLER_DICTIONARY, else the app's instance/dictionary.txt when it exists)")
    parser.add_argument("--jsonl", metavar="FILE|-",
                        help='read JSON Lines of {"id": ..., "text": ...} (optional per line: "template", '
                             '"context", "language") and write one {"id", "ok", "language", '
                             '"findings"} line per input')
    return parser


# ---------------------------------------------------------------- input

def parse_context(raw: str | None, where: str = "--context") -> dict | None:
    """A check context from JSON: an object whose date fields are ISO dates."""
    if raw is None:
        return None
    return validate_context(loads_json(raw, where), where)


def validate_context(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise UsageError(f"{where}: the context must be a JSON object")
    for key in CONTEXT_DATE_KEYS:
        if value.get(key) is None:
            continue
        if not isinstance(value[key], str):
            raise UsageError(f"{where}: {key} must be an ISO date string (YYYY-MM-DD)")
        problem = context_problem(key, value[key])  # one date rule (policy/dates.py)
        if problem:
            raise UsageError(f"{where}: {problem}")
    if value.get("order_id") is not None and not isinstance(value["order_id"], str):
        raise UsageError(f"{where}: order_id must be a string")
    return value


def validate_language(value: object, where: str) -> str:
    """A requested language: "auto" or a known BCP 47 tag (its primary subtag)."""
    try:
        return parse_language(value) or AUTO
    except ValueError as e:
        raise UsageError(f"{where}: {e}") from None


def read_jsonl(path: str, template: str | None, context: dict | None,
               language: str = AUTO) -> list[Message]:
    """Every line of a JSON Lines file as a Message; the first bad line names file and line."""
    messages = []
    for where, row in iter_jsonl(path):
        if "text" not in row:
            raise UsageError(f'{where}: missing "text"')
        if not isinstance(row["text"], str):
            raise UsageError(f'{where}: "text" must be a string')
        row_template = row.get("template", template)
        if row_template is not None and not isinstance(row_template, str):
            raise UsageError(f'{where}: "template" must be a string')
        row_context = context
        if row.get("context") is not None:
            row_context = validate_context(row["context"], f'{where}: "context"')
        row_language = language
        if row.get("language") is not None:
            row_language = validate_language(row["language"], f'{where}: "language"')
        messages.append(Message(label=where, text=row["text"], id=row.get("id"),
                                template=row_template, context=row_context, language=row_language))
    return messages


# ---------------------------------------------------------------- output

class LineIndex:
    """1-based line and column of a code-point offset; \\n, \\r\\n and a lone \\r each end a line."""

    def __init__(self, text: str):
        starts = [0]
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
                starts.append(i + 1)
            elif ch in "\r\n":
                starts.append(i + 1)
            i += 1
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _one_line(text: str, width: int = EXCERPT_WIDTH) -> str:
    """An excerpt on one terminal line: line breaks and tabs shown as escapes, long ones shortened."""
    flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def finding_with_position(finding, index: LineIndex) -> dict:
    data = finding.to_dict()
    data["line"], data["column"] = index.position(finding.start)
    return data


def format_text(label: str, text: str, findings: list, words: Words | None = None) -> list[str]:
    """One "file:line:column: severity: message [rule] (category)" line per finding (the
    severity, rule and category stay ids, for scripts), then its excerpt and first fix."""
    words = words or Words()
    index = LineIndex(text)
    lines = []
    for f in findings:
        line, column = index.position(f.start)
        lines.append(f"{label}:{line}:{column}: {f.severity}: {f.message} [{f.rule}] ({f.category})")
        lines.append(f"    {_one_line(f.excerpt or text[f.start:f.end])}")
        if f.suggestions:
            lines.append("    " + words._("suggestion: %(text)s", text=f.suggestions[0]))
        elif f.replacements:
            lines.append("    " + words._("suggestion: replace with %(text)s", text=repr(f.replacements[0])))
    return lines


def summary_line(files: int, blocking: int, warnings: int, words: Words | None = None) -> str:
    """The last line of a text report: "2 files, 1 blocking, 3 warnings"."""
    words = words or Words()
    return words._("%(files)s, %(blocking)s, %(warnings)s",
                   files=words.ngettext("%(num)d file", "%(num)d files", files),
                   blocking=words.ngettext("%(num)d blocking", "%(num)d blocking", blocking),
                   warnings=words.ngettext("%(num)d warning", "%(num)d warnings", warnings))


# ---------------------------------------------------------------- main

def seller_words(path: str | None) -> str:
    """The words of the seller's dictionary, one per line ("" without one). A file named on
    the command line must be readable; the default one may be absent."""
    if path is not None:
        try:
            return "\n".join(read_word_list(path)) if Path(path).is_file() else _missing(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--dictionary: cannot read {path}: {exc}") from None
    default = os.environ.get("SELLER_DICTIONARY") or INSTANCE_DICTIONARY
    try:
        return "\n".join(read_word_list(default))
    except (OSError, UnicodeDecodeError):
        return ""


def _missing(path: str) -> str:
    raise UsageError(f"--dictionary: no file {path}")


def _check(message: Message, marketplace: str, locale: str = SOURCE_LOCALE, known_words: str = ""):
    context = message.context
    if known_words:
        context = {**(context or {}),
                   "known_words": "\n".join(filter(None, ((context or {}).get("known_words"), known_words)))}
    try:
        result = check_message(message.text, marketplace=marketplace, template=message.template,
                               context=context, language=message.language)
    except ContextError as e:  # a context the rules cannot compute with: bad input
        raise UsageError(f"{message.label}: {e}") from None
    # Messages, sources and suggestions in the seller's locale; replacements stay as they are.
    return CheckResult(result.language, localize(result.findings, marketplace, locale))


def _blocks(findings: list) -> bool:
    return any(f.severity == "block" for f in findings)


def run_files(paths: list[str], args, context: dict | None, out) -> int:
    messages = [Message(label=input_name(p), text=read_text(p), template=args.template,
                        context=context, language=args.language) for p in paths]
    checked = [(m, _check(m, args.marketplace, args.locale, args.known_words)) for m in messages]
    results = [(m, result.findings) for m, result in checked]
    if args.format == "json":
        files = []
        for m, result in checked:
            index = LineIndex(m.text)
            files.append({"path": m.label, "ok": result.ok, "language": result.language,
                          "findings": [finding_with_position(f, index) for f in result.findings]})
        doc = {"files": files, "ok": all(f["ok"] for f in files)}
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        words = Words(args.locale)
        for m, findings in results:
            for line in format_text(m.label, m.text, findings, words):
                out.write(line + "\n")
        blocking = sum(f.severity == "block" for _, fs in results for f in fs)
        warnings = sum(f.severity != "block" for _, fs in results for f in fs)
        out.write(summary_line(len(results), blocking, warnings, words) + "\n")
    return 1 if any(_blocks(fs) for _, fs in results) else 0


def run_jsonl(path: str, args, context: dict | None, out) -> int:
    messages = read_jsonl(path, args.template, context, args.language)
    for m in messages:
        if m.template is not None:
            _require_template(args.marketplace, m.template, m.label)
    any_block = False
    for m in messages:
        result = _check(m, args.marketplace, args.locale, args.known_words)
        any_block |= not result.ok
        out.write(json.dumps({"id": m.id, "ok": result.ok, "language": result.language,
                              "findings": [f.to_dict() for f in result.findings]},
                             ensure_ascii=False) + "\n")
    return 1 if any_block else 0


def _require_template(marketplace: str, template: str, where: str) -> None:
    templates = load_policy(marketplace).templates
    if template not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise UsageError(f"{where}: unknown template {template!r} for {marketplace} (known: {known})")


def _usage_error(error: UsageError) -> int:
    sys.stderr.write(f"{PROG}: error: {error}\n")
    return 2


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as e:  # --help: argparse has printed it
        return e.code if isinstance(e.code, int) else 2
    except UsageError as e:
        return _usage_error(e)
    out = sys.stdout
    try:
        if args.jsonl is not None and args.files:
            raise UsageError("give either --jsonl or FILE arguments, not both")
        context = parse_context(args.context)
        args.known_words = seller_words(args.dictionary)
        args.language = validate_language(args.language, "--language")
        try:
            args.locale = check_locale(args.locale)
        except ValueError as exc:
            raise UsageError(f"--locale: {exc}") from None
        if args.marketplace is None:
            args.marketplace = default_marketplace()
        load_policy(args.marketplace)
        if args.template is not None:
            _require_template(args.marketplace, args.template, "--template")
        if args.jsonl is not None:
            return run_jsonl(args.jsonl, args, context, out)
        return run_files(args.files or ["-"], args, context, out)
    except UsageError as e:
        return _usage_error(e)
    except PolicyError as e:
        sys.stderr.write(f"{PROG}: error: the {args.marketplace} policy cannot be loaded: {e}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
