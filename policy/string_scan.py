"""Which of a policy's required strings occur in a message, found in one pass.

Every pattern part of a policy (patterns.Compiled) lists strings it cannot match without;
a part whose strings are absent is never run. A policy has about 4,000 such strings and a
2,000-character message holds about 150 of them, each several times. Why a literal
scanner: one pass in C tells which strings occur, instead of a substring search per string
(about 10x slower) or a Python step per occurrence (what pyahocorasick's iterator costs:
~500 per message). Hyperscan's literal mode reports each string once (SINGLEMATCH), so
the Python work is one step per distinct string found. pyahocorasick stands in where
Hyperscan's wheel does not run (it needs an x86-64 CPU with SSSE3); with neither, no scan
is built and every part checks its strings itself (patterns.Compiled, correct, slower).

Where a string starts is asked for only for the few parts that can match, so positions
are found then, with str.find (every occurrence, overlapping ones too, in order: what an
Aho-Corasick automaton reports).
"""
from __future__ import annotations

import threading

try:
    import hyperscan
except ImportError:  # pragma: no cover - pinned in requirements.txt; a CPU it does not run on
    hyperscan = None
try:
    import ahocorasick
except ImportError:  # pragma: no cover - pinned in requirements.txt
    ahocorasick = None


class StringScan:
    """The strings of `strings` that occur in a text (`present`), in one pass."""

    def __init__(self, strings):
        self.strings = tuple(sorted(s for s in set(strings) if s))
        self.known = frozenset(self.strings)
        self._db = self._automaton = None
        if not self.strings:
            return
        if hyperscan is not None:
            try:
                self._db = _literal_database(self.strings)
                self._new_scratch = hyperscan.Scratch
                self._local = threading.local()  # a scratch space per thread (not shareable)
                return
            except hyperscan.error:  # pragma: no cover - e.g. a CPU without SSSE3
                self._db = None
        if ahocorasick is not None:
            automaton = ahocorasick.Automaton()
            for s in self.strings:
                automaton.add_word(s, s)
            automaton.make_automaton()
            self._automaton = automaton

    @property
    def available(self) -> bool:
        return self._db is not None or self._automaton is not None

    def present(self, text: str) -> set[str]:
        """The strings that occur in `text`."""
        if not text:
            return set()
        if self._db is not None:
            scratch = getattr(self._local, "scratch", None)
            if scratch is None:
                scratch = self._local.scratch = self._new_scratch(self._db)
            ids: list[int] = []
            # surrogatepass: a lone surrogate (JSON may carry one) must not stop the scan;
            # the strings hold none, so it can never be part of a match.
            self._db.scan(text.encode("utf-8", "surrogatepass"),
                          match_event_handler=lambda i, _start, _end, _flags, _ctx: ids.append(i),
                          scratch=scratch)
            strings = self.strings
            return {strings[i] for i in ids}
        return {s for _end, s in self._automaton.iter(text)}


def _literal_database(strings: tuple[str, ...]):
    """A Hyperscan database of the strings as literals (UTF-8 bytes: a string occurs in a
    text exactly when its bytes occur in the text's), each reported once per scan."""
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[s.encode("utf-8") for s in strings], ids=list(range(len(strings))),
               elements=len(strings), flags=hyperscan.HS_FLAG_SINGLEMATCH, literal=True)
    return db


class Positions(dict):
    """Where each string starts in `text` (sorted; overlapping occurrences too), found on
    first asking: absent strings the scan knows of cost nothing."""

    __slots__ = ("text", "present", "known")

    def __init__(self, text: str, present: set[str], known: frozenset[str]):
        super().__init__()
        self.text, self.present, self.known = text, present, known

    def __missing__(self, h: str) -> list[int]:
        out: list[int] = []
        if h in self.present or h not in self.known:
            text, i = self.text, self.text.find(h)
            while i >= 0:
                out.append(i)
                i = text.find(h, i + 1)
        self[h] = out
        return out
