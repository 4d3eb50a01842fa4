"""Input handling shared by the `python -m policy` CLIs: arguments, files, stdin, JSON Lines.

Everything that can go wrong with what the user handed over raises UsageError, which
each CLI reports on stderr with exit status 2; the CLIs keep their own output.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

STDIN_NAME = "<stdin>"


class UsageError(Exception):
    """Bad arguments or unreadable input: reported on stderr, exit status 2.

    `UsageError.of(template, **values)` keeps the message's words apart from its values, so an
    interface can show it in its own locale (the template is a msgid of the gettext catalog;
    babel.cfg extracts the N_() marks around it)."""

    template: str | None = None
    values: dict = {}

    @classmethod
    def of(cls, template: str, **values) -> "UsageError":
        error = cls(template.format(**values))
        error.template, error.values = template, values
        return error


def N_(text: str) -> str:
    """Marks a message for the catalog without translating it here (the CLI speaks English)."""
    return text


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting, so main() decides the exit status."""

    def error(self, message):
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def input_name(path: str) -> str:
    """How an input is named in messages: "-" is standard input."""
    return STDIN_NAME if path == "-" else path


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UsageError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from None
    # A byte-order mark is not part of the message; editors do not count it as a column either.
    return text[1:] if text.startswith("\ufeff") else text


def _read_stdin() -> str:
    stream = sys.stdin
    if stream is None:
        raise UsageError(f"{STDIN_NAME}: standard input is closed")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return _decode(buffer.read(), STDIN_NAME)
    return stream.read()


def read_text(path: str) -> str:
    """A file's UTF-8 text exactly as written (no newline translation, so offsets match the
    file), or standard input for "-"."""
    if path == "-":
        return _read_stdin()
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise UsageError(f"{path}: cannot read: {e.strerror or e}") from None
    return _decode(data, path)


def loads_json(raw: str, where: str):
    """Parsed JSON, or UsageError naming `where` (deep nesting is RecursionError in Python's json)."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise UsageError(f"{where}: JSON nested too deeply to read") from None
    except ValueError as e:
        raise UsageError(f"{where}: not valid JSON: {e}") from None


def iter_jsonl(path: str) -> Iterator[tuple[str, dict]]:
    """("file:line", object) for each non-blank line of a JSON Lines file or "-" stdin.

    A line that is not a JSON object raises UsageError naming file and line; checking the
    object's fields is the caller's job, with the same "file:line" prefix.
    """
    name = input_name(path)
    # Split on \n only: str.splitlines() would also split inside JSON strings at U+2028 and friends.
    for number, line in enumerate(read_text(path).split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{name}:{number}"
        row = loads_json(line, where)
        if not isinstance(row, dict):
            raise UsageError(f'{where}: expected a JSON object with a "text" field')
        yield where, row
