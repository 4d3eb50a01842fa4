"""The seller's own dictionary: words the spelling check takes as right (names, product words).

Kept in the instance folder (instance/dictionary.txt, or the SELLER_DICTIONARY setting), one
word per line, so it survives restarts, is shared by every worker and can be edited by hand
(delete a line to take a word out). `POST /api/dictionary {"word": "..."}` adds one; it
changes state, so it needs the page's CSRF token (X-CSRFToken), unlike /api/check. The check
(web.checking) hands the list to the engine as the context's known words; the CLI reads the
same file (python -m policy check --dictionary FILE).
"""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify

from policy.spelling import read_word_list

from .bodies import json_object

bp = Blueprint("dictionary", __name__, url_prefix="/api")

MAX_WORD_CHARS = 40
MAX_WORDS = 5_000
# One word: letters, with an apostrophe or a hyphen inside ("O'Neill", "Wi-Fi").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_lock = threading.Lock()
_cache: dict[str, tuple[float, int, str]] = {}


def dictionary_path() -> Path:
    return Path(current_app.config["SELLER_DICTIONARY"])


def seller_words() -> str:
    """The seller's words, one per line ("" when there are none); re-read when the file changes
    (another worker may have added a word)."""
    path = dictionary_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ""
    key = str(path)
    cached = _cache.get(key)
    if cached is None or cached[:2] != (stat.st_mtime, stat.st_size):
        words = "\n".join(read_word_list(path))
        cached = (stat.st_mtime, stat.st_size, words)
        _cache[key] = cached
    return cached[2]


def word_problem(word) -> str | None:
    """Why `word` cannot go in the dictionary, or None."""
    if not isinstance(word, str) or not word.strip():
        return "“word” is required: one word, such as a name or a product word."
    word = word.strip()
    if len(word) > MAX_WORD_CHARS:
        return f"A word may have at most {MAX_WORD_CHARS} characters."
    if not _WORD.fullmatch(word):
        return "Only one word, made of letters (an apostrophe or a hyphen inside is fine), can be added."
    return None


def add_word(word: str) -> bool:
    """Add `word` to the dictionary; False when it is there already. Appends one line (one
    write, so two workers adding at once do not mix their lines)."""
    path = dictionary_path()
    with _lock:
        known = {w.lower() for w in seller_words().split("\n") if w}
        if word.lower() in known:
            return False
        if len(known) >= MAX_WORDS:
            abort(400, f"Your dictionary is full ({MAX_WORDS:,} words): remove some from {path.name} first.")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (word + "\n").encode("utf-8"))
        finally:
            os.close(fd)
        _cache.pop(str(path), None)
    return True


@bp.post("/dictionary")
def add():
    """{"word": "Okafor"} -> 201 {"word", "added": true}; 200 with "added": false when it was
    there already; 400 for anything but one word of letters of at most 40 characters."""
    body = json_object('{"word": "..."}')
    problem = word_problem(body.get("word"))
    if problem:
        abort(400, problem)
    word = body["word"].strip()
    added = add_word(word)
    return jsonify({"word": word, "added": added}), 201 if added else 200
