"""The pattern dialect of rules.toml, and the check that keeps every pattern linear-time.

Rule authors write ordinary regular expressions against the normalised view
(lower-case, look-alikes folded), with three conveniences so patterns read
like the phrases they catch:

- a plain space matches any run of spaces or line breaks (" ?" or " *": none or more);
- an apostrophe ' also matches the typographic one;
- {gap} stands for "up to 4 other words, within the sentence", {gap N} for up to N (N <= 12);
- {chars N} stands for "up to N characters, within the sentence" (N <= 40), for Japanese;
- {name} stands for the word list `name` of the file's [words] table;
- a line break and the indentation after it are dropped, so a long pattern can be written
  over several lines (break it before a "|").

A pattern that could take more than linear time on a hostile input (a repeat
inside an unbounded repeat, overlapping alternatives inside one, a back-reference)
is refused at load time.

Speed: each alternative of a rule's patterns is compiled on its own (`Compiled`),
with the strings it cannot match without; a part whose strings are absent from the
message is never run, a part shared by several rules runs once per message, and a
leading \b is moved after the first letter so `re` can skip ahead to candidates.
"""
from __future__ import annotations

import re
import re._parser as sre_parse  # the stdlib parser: the exact tree `re` will run
from bisect import bisect_left, bisect_right
from functools import lru_cache
from re._constants import MAXREPEAT

GAP_LIMIT = 12
# {chars N}: up to N characters in between, within the sentence: the gap of a language
# written without spaces between words (Japanese), where {gap} has no words to count.
CHARS_LIMIT = 40
_CHARS = re.compile(r"\{chars (\d+)\}")
_GAP = re.compile(r" ?\{gap(?: (\d+))?\} ?")
# A word inside a gap: anything but spaces and sentence ends, followed by spaces.
_GAP_WORD = r"[^\s.!?]+[^\S\n]+"


class PatternError(ValueError):
    """A pattern that does not compile or is not linear-time."""


def _expand_gaps(pattern: str) -> str:
    def gap(m: re.Match) -> str:
        n = int(m.group(1) or 4)
        if n > GAP_LIMIT:
            raise PatternError(f"{{gap {n}}} is longer than the limit of {GAP_LIMIT} words")
        return rf"[^\w.!?\n]+(?:{_GAP_WORD}){{0,{n}}}?"

    def chars(m: re.Match) -> str:
        n = int(m.group(1))
        if n > CHARS_LIMIT:
            raise PatternError(f"{{chars {n}}} is longer than the limit of {CHARS_LIMIT} characters")
        return rf"[^。!?\n]{{0,{n}}}?"
    if "{chars" in pattern:
        pattern = _CHARS.sub(chars, pattern)
    return _GAP.sub(gap, pattern)


def _expand_spaces(pattern: str) -> str:
    """Plain spaces -> \\s+ (or \\s* before ? or *), ' -> ['’], outside character classes."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    groups: list[bool] = []  # for each open group: is it a look-behind (fixed width)?
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "'":
                out.append("'’")
                i += 1
                continue
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a leading ] is a literal
                out.append("]")
                i += 1
        elif ch == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i) or any(groups))
            out.append(ch)
        elif ch == ")":
            if groups:
                groups.pop()
            out.append(ch)
        elif ch == " " and any(groups):
            out.append(r"\s")  # a look-behind must have a fixed width: one space
        elif ch == " ":
            nxt = pattern[i + 1:i + 2]
            if nxt in ("?", "*"):
                out.append(r"\s*")
                i += 2
                continue
            out.append(r"\s+")
        elif ch == "'":
            out.append("['’]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _max_width_unbounded(items) -> bool:
    """True when the parsed sub-pattern contains a repeat with no upper bound."""
    for op, av in items:
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if hi == MAXREPEAT or _max_width_unbounded(sub):
                return True
        elif op == sre_parse.SUBPATTERN:
            if _max_width_unbounded(av[-1]):
                return True
        elif op == sre_parse.BRANCH:
            if any(_max_width_unbounded(b) for b in av[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            if _max_width_unbounded(av[1]):
                return True
    return False


def _overlapping_branch(items) -> bool:
    """True when a repeated sequence holds alternatives that could match alike
    (an empty alternative, or two starting with the same or a non-literal character)."""
    for op, av in items:
        if op == sre_parse.SUBPATTERN and _overlapping_branch(av[-1]):
            return True
        if op == sre_parse.BRANCH:
            firsts = []
            for b in av[1]:
                if not b or b[0][0] != sre_parse.LITERAL:
                    return True
                firsts.append(b[0][1])
            if len(set(firsts)) != len(firsts):
                return True
    return False


def _check_linear(items, bounded_outer: int = 12) -> str | None:
    """Return a problem description, or None when the tree is safe."""
    for op, av in items:
        if op in (sre_parse.GROUPREF, sre_parse.GROUPREF_EXISTS):
            return "back-references are not allowed (they can take exponential time)"
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if _max_width_unbounded(sub) and (hi == MAXREPEAT or hi > bounded_outer):
                return ("nested quantifiers: a repeated group contains an unbounded repeat "
                        "(use a bounded count like {0,6} on the outer group)")
            if (hi == MAXREPEAT or hi > bounded_outer) and _overlapping_branch(sub):
                return ("alternatives inside an unbounded repeat may match the same text "
                        "(e.g. (a|aa)*); make them start differently or bound the repeat")
            problem = _check_linear(sub, bounded_outer)
            if problem:
                return problem
        elif op == sre_parse.SUBPATTERN:
            problem = _check_linear(av[-1], bounded_outer)
            if problem:
                return problem
        elif op == sre_parse.BRANCH:
            for b in av[1]:
                problem = _check_linear(b, bounded_outer)
                if problem:
                    return problem
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            problem = _check_linear(av[1], bounded_outer)
            if problem:
                return problem
    return None


_WORD_REF = re.compile(r"\{([a-z_]+)\}")


# A line break inside a pattern, and the indentation after it, are dropped: a long pattern
# is written over several lines of a '''...''' string, broken before a "|".
_LINE_BREAK = re.compile(r"\r?\n[ \t]*")


def unfold(pattern: str) -> str:
    """`pattern` with its line breaks (and the indentation after each) removed."""
    return _LINE_BREAK.sub("", pattern) if "\n" in pattern else pattern


def expand_words(pattern: str, words: dict[str, str] | None) -> str:
    """Replace {name} by the [words] entry `name` (which may itself use other entries)."""
    words = words or {}
    pattern = unfold(pattern)
    for _ in range(4):
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name == "gap":
                return m.group(0)
            if name not in words:
                raise PatternError(f"unknown word list {{{name}}}")
            return f"(?:{unfold(words[name])})"
        expanded = _WORD_REF.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise PatternError("word lists refer to each other too deeply (or in a circle)")


# Strings in nearly every message: a poor sign that a pattern might match.
_EVERYDAY = frozenset("""a i it is to in on at of or an as us me we my be by do if no so up you
your our the and for with that this are can will have not was from they them their there
please thank thanks order""".split())


def _small_class(op, av) -> list[str] | None:
    """The characters of a small set of literal characters ([*#@], or [*#@]{2,}), else None."""
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
        if av[0] < 1 or len(av[2]) != 1:
            return None
        op, av = av[2][0]
    if op != sre_parse.IN or len(av) > 10 or any(o != sre_parse.LITERAL for o, _ in av):
        return None
    return [chr(c) for _, c in av]


def _rarity(s: str) -> int:
    """How seldom a string occurs in ordinary text, 1..3: its length up to 3, or 3 when it
    holds a symbol ("*", "@", "#": masked words and addresses are rare)."""
    if any(not ch.isalnum() and not ch.isspace() for ch in s):
        return 3
    return min(3, len(s))


def _rank(c: frozenset[str]) -> tuple:
    """How well a set of strings tells that a pattern cannot match: sets without everyday
    words first, then none of a low rarity, then the fewest strings."""
    shortest = min(len(x) for x in c)
    return (not (c & _EVERYDAY), min(map(_rarity, c)), -len(c), shortest)


def _required_sets(items, keep: int = 6) -> tuple[frozenset[str], ...]:
    """Up to `keep` sets of strings, best first, such that any text the sequence `items`
    matches holds at least one string of EVERY set. Beyond the best set, only sets that
    tell something are kept: no everyday word and no string under 3 characters (with the
    HintIndex each extra set costs a set lookup, but every short string costs a hit)."""
    ranked = sorted(set(_candidates(items)), key=_rank, reverse=True)
    extra = [c for c in ranked[1:] if _rank(c)[:2] == (True, 3)]
    return tuple(ranked[:1] + extra[:keep - 1])


def _required_literals(items) -> frozenset[str] | None:
    """The best single set of strings of which one must occur in any text `items` matches
    (None when no such set can be read off the pattern)."""
    candidates = _candidates(items)
    return max(candidates, key=_rank) if candidates else None


def _candidates(items) -> list[frozenset[str]]:
    """Every set of strings the sequence `items` cannot match without."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run():
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op == sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if op in (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            continue  # zero-width: neither breaks nor extends a literal run
        chars = _small_class(op, av)
        if run and chars:  # "s[*#]" -> "s*", "s#": one of them must occur
            candidates.append(frozenset("".join(run) + c for c in chars))
            run.clear()
            continue
        if chars:  # "[*#]{2,}": one of the characters must occur
            candidates.append(frozenset(chars))
            continue
        if run and op in (sre_parse.SUBPATTERN, sre_parse.BRANCH):
            # "r" then (?:eview|ate): one of "review", "rate" must occur (sre factors a
            # common first letter out of alternatives, leaving only their weaker tails).
            following = _item_prefixes(op, av)
            if following:
                candidates.append(frozenset("".join(run) + p for p in following))
        close_run()
        found = None
        if op == sre_parse.SUBPATTERN:
            found = _required_literals(av[-1])
        elif op == sre_parse.BRANCH:
            parts = [_required_literals(b) for b in av[1]]
            if parts and all(parts):
                found = frozenset().union(*parts)
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                found = _required_literals(av[2])
        if found:
            candidates.append(found)
    close_run()
    return candidates


PREFIX_LIMIT = 64  # strings: more alternatives than this and a prefix set is not worth it


def _item_prefixes(op, av) -> frozenset[str] | None:
    """Non-empty literal strings one of which starts every match of a group or a choice of
    alternatives (None when some match may start otherwise, or there are too many)."""
    if op == sre_parse.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            return None  # the strings would have to be found in any case
        return _sequence_prefixes(av[-1])
    if op == sre_parse.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _sequence_prefixes(branch)
            if not found:
                return None
            out |= found
            if len(out) > PREFIX_LIMIT:
                return None
        return frozenset(out)
    return None


def _sequence_prefixes(items) -> frozenset[str] | None:
    """Like _item_prefixes for a sequence: its leading literals (zero-width assertions
    between them change nothing), extended by the prefixes of a group that follows."""
    run: list[str] = []
    for op, av in items:
        if op == sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if _zero_width(op, av):
            continue
        chars = _small_class(op, av) if op == sre_parse.IN else None
        following = frozenset(chars) if chars else _item_prefixes(op, av)
        if following:
            return frozenset("".join(run) + p for p in following)
        break
    return frozenset(["".join(run)]) if run else None


def _zero_width(op, av) -> bool:
    """An assertion, or a group or choice of nothing but assertions ("(?:^|(?<=\\n))")."""
    if op in (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return True
    if op == sre_parse.SUBPATTERN:
        return all(_zero_width(o, a) for o, a in av[-1])
    if op == sre_parse.BRANCH:
        return all(all(_zero_width(o, a) for o, a in b) for b in av[1])
    return False


SCAN_WHOLE_BELOW = 0  # characters: shorter texts are scanned whole (0: window every text)
MAX_HINT_HITS = 48       # more occurrences than this: scan the whole text


def _fewest(hints, positions: dict[str, list[int]]) -> tuple[frozenset[str], list[int]]:
    """The required set that occurs least often, with its start positions (every match
    holds one of its strings, so scanning around those positions finds every match)."""
    best, best_group = None, hints[0]
    # Only the strings the scan found can have positions (every non-empty required string is
    # one it scans for): a word list of fifty strings costs a set intersection, not fifty look-ups.
    present = getattr(positions, "present", None)
    for group in hints:
        found = group if present is None or "" in group else group.intersection(present)
        starts = [i for h in found for i in positions[h]]
        if best is None or len(starts) < len(best):
            best, best_group = starts, group
            if len(best) <= 1:
                break
    return best_group, best or []


def _ranges_at(starts: list[int], sentences) -> list[tuple[int, int]] | None:
    """Merged spans from the sentence before to the sentence after each position, or None
    when there are so many positions that scanning the whole text is simpler."""
    if len(starts) > MAX_HINT_HITS:
        return None
    sentence_starts, spans = sentences
    if not spans:
        return None
    last = len(spans) - 1
    out: list[tuple[int, int]] = []
    lo_k = hi_k = -2
    for k in sorted({bisect_right(sentence_starts, i) - 1 for i in starts}):
        lo, hi = (k - 1 if k > 0 else 0), (k + 1 if k < last else last)
        if lo <= hi_k:  # overlaps the window being built (sentence indices)
            hi_k = hi
            continue
        if hi_k >= 0:
            out.append((spans[lo_k][0], spans[hi_k][1]))
        lo_k, hi_k = lo, hi
    if hi_k >= 0:
        out.append((spans[lo_k][0], spans[hi_k][1]))
    return out


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows.sort()
    merged: list[tuple[int, int]] = []
    for s, e in windows:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _ranges(hints, text: str, sentences) -> list[tuple[int, int]] | None:
    """Merged spans (the sentences before and after included) around every occurrence of a hint,
    or None when scanning the whole text is simpler."""
    if not hints or len(text) < SCAN_WHOLE_BELOW:
        return None
    starts, spans = sentences
    if not spans:
        return None
    windows = []
    for h in hints:
        i = text.find(h)
        while i >= 0:
            if len(windows) >= MAX_HINT_HITS:
                return None
            k = max(bisect_right(starts, i) - 1, 0)
            windows.append((spans[max(k - 1, 0)][0], spans[min(k + 1, len(spans) - 1)][1]))
            i = text.find(h, i + 1)
    return _merge(windows)


from .string_scan import Positions, StringScan

_FOUND = object()    # memo key: the TextScan of the text last scanned
_SCANNED = object()  # memo key: part key -> its matches in the text


MAX_START_POSITIONS = 64  # more candidate starts than this: a scan is as quick


@lru_cache(maxsize=None)
def start_strings(source: str) -> frozenset[str] | None:
    """The strings one of which every match of `source` starts with, when they are few and
    none is a single ASCII character (else None: the part is scanned). `re` tries a
    pattern at every position; with these, it is tried only where one of them starts."""
    tree = sre_parse.parse(source, 0)
    if tree.state.flags & re.IGNORECASE:
        return None
    found = _sequence_prefixes(list(tree))
    if not found or len(found) > PREFIX_LIMIT or any(len(h) < 2 and h.isascii() for h in found):
        return None
    return found


def indexed(h: str) -> bool:
    """Whether the HintIndex automaton holds start string `h`: everyday words and short
    strings occur so often that finding them one by one, only when asked, is cheaper."""
    return len(h) >= 3 and h not in _EVERYDAY


_POSITIONS = object()  # memo key: start string not in the automaton -> its positions
_AT = object()         # memo key: set of start strings -> where one of them starts


def _start_positions(starts: frozenset[str], positions: dict[str, list[int]], text: str,
                     memo: dict) -> list[int] | None:
    """Sorted positions where one of `starts` begins (None when there are too many);
    remembered per check (parts sharing a word list share them)."""
    by_set = memo.get(_AT)
    if by_set is None:
        by_set = memo[_AT] = {}
        memo[_POSITIONS] = {}
    if starts not in by_set:
        by_set[starts] = _collect_positions(starts, positions, text, memo[_POSITIONS])
    return by_set[starts]


def _collect_positions(starts, positions: Positions, text, found_here) -> list[int] | None:
    at: set[int] = set()
    scanned, others = _split_starts(starts)
    for h in scanned.intersection(positions.present):  # the scan knows which occur
        at.update(positions[h])
        if len(at) > MAX_START_POSITIONS:
            return None
    for h in others:
        found = found_here.get(h)
        if found is None:
            found, i = [], text.find(h)
            while i >= 0 and len(found) <= MAX_START_POSITIONS:
                found.append(i)
                i = text.find(h, i + 1)
            found_here[h] = found
        if found:
            at.update(found)
            if len(at) > MAX_START_POSITIONS:
                return None
    return sorted(at)


@lru_cache(maxsize=None)
def _split_starts(starts: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The start strings the HintIndex scans for, and the others (found one by one)."""
    return frozenset(h for h in starts if indexed(h)), tuple(h for h in starts if not indexed(h))


def _matches_at(regex: re.Pattern, text: str, at: list[int], end: int) -> list[re.Match]:
    """What `regex.finditer(text, 0, end)` yields when every match starts at one of the sorted
    positions `at`: a match tried only there (each non-empty, as a start string is; the next
    tried after the end of the last, as finditer does)."""
    out = []
    last = 0
    for p in at:
        if p >= end:
            break
        if p < last:
            continue
        m = regex.match(text, p, end)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _scan(regex: re.Pattern, hints, text: str, memo: dict, positions, sentences) -> list[re.Match]:
    """The matches of a part with no known start strings: with `sentences`, only around the
    sentences holding its rarest required strings; else the whole text."""
    if not sentences or not hints or len(text) < SCAN_WHOLE_BELOW:
        ranges = None
    elif positions is not None:
        group, starts = _fewest(hints, positions)
        window_key = ("windows", group)  # parts sharing a word list share it
        if window_key not in memo:
            memo[window_key] = _ranges_at(starts, sentences)
        ranges = memo[window_key]
    else:
        ranges = _ranges(hints[0], text, sentences)
    if ranges is None:
        return list(regex.finditer(text))
    return [m for s, e in ranges for m in regex.finditer(text, s, e)]


class TextScan:
    """What one pass over a text tells the policy's patterns: the required strings present,
    where each starts (looked up when asked), and the parts whose required strings are
    all present (`candidates`: the only ones that can match)."""

    __slots__ = ("text", "present", "positions", "candidates")

    def __init__(self, text: str, present: set[str], positions: Positions, candidates: set):
        self.text, self.present, self.positions, self.candidates = text, present, positions, candidates


class HintIndex:
    """The required strings of all of a policy's patterns in one scanner (policy.string_scan),
    and which parts each string can make possible. Why inverted: a check used to ask each of
    a policy's ~900 parts in turn whether its strings were present, a Python step each; now
    the strings found lead to the ~100 parts that can match, with set operations in C."""

    def __init__(self, compiled: list["Compiled"]):
        strings = {h for c in compiled for _, hints in c.parts for group in hints for h in group}
        strings |= {h for c in compiled for starts in c.starts if starts for h in starts if indexed(h)}
        self.scan = StringScan(strings)
        if not self.scan.available:
            return  # no scanner: each Compiled checks its own strings
        ids: dict[str, int] = {}  # equal patterns (shared word lists) share one scan per check
        by_first: dict[str, set[int]] = {}  # string -> parts whose first required set holds it
        self._rest: dict[int, tuple[frozenset[str], ...]] = {}  # part -> its other required sets
        self._always: set[int] = set()  # parts without required strings
        for c in compiled:
            c.index = self
            c._keys = [ids.setdefault(r.pattern, len(ids)) for r, _ in c.parts]
            c._key_set = frozenset(c._keys)
            c._at = {}  # key -> the indices of the parts with it (a pattern may recur)
            for n, key in enumerate(c._keys):
                c._at.setdefault(key, []).append(n)
            for key, (_, hints) in zip(c._keys, c.parts):
                if not hints:
                    self._always.add(key)
                    continue
                for h in hints[0]:
                    by_first.setdefault(h, set()).add(key)
                if len(hints) > 1:
                    self._rest[key] = hints[1:]
        # string -> the parts it makes possible alone, and those that need more sets as well
        self._by_first = {h: frozenset(k for k in keys if k not in self._rest) for h, keys in by_first.items()}
        self._by_first = {h: keys for h, keys in self._by_first.items() if keys}
        self._by_first_rest = {h: frozenset(k for k in keys if k in self._rest) for h, keys in by_first.items()}
        self._by_first_rest = {h: keys for h, keys in self._by_first_rest.items() if keys}

    def found(self, text: str, memo: dict) -> TextScan:
        """The scan of `text`, computed once per text (per check)."""
        cached = memo.get(_FOUND)
        if cached is not None and cached.text is text:
            return cached
        present = self.scan.present(text)
        by_first, by_first_rest, rest = self._by_first, self._by_first_rest, self._rest
        candidates = set(self._always).union(*[by_first[h] for h in present if h in by_first])
        # (A loop, not all() over a generator: this runs for ~300 parts per check.)
        for key in set().union(*[by_first_rest[h] for h in present if h in by_first_rest]):
            for group in rest[key]:
                if group.isdisjoint(present):
                    break
            else:
                candidates.add(key)
        found = memo[_FOUND] = TextScan(text, present, Positions(text, present, self.scan.known), candidates)
        return found


class Compiled:
    """A rule's patterns, each compiled alone with the strings it cannot match without.

    Before scanning, a pattern checks that one of those strings is in the text (with the
    policy's HintIndex: set lookups after one automaton pass), so most patterns are skipped
    on most messages; the ones that run start with a literal, which `re` can jump to
    instead of trying every position.
    """

    __slots__ = ("parts", "pattern", "index", "_keys", "_key_set", "_at", "starts", "_firsts")

    def __init__(self, parts: list[tuple[re.Pattern, tuple[frozenset[str], ...]]]):
        self.parts = parts
        # per part: the strings one of which every match starts with (None: unknown)
        self.starts = [start_strings(r.pattern) for r, _ in parts]
        # every part needs one of these: none in the text, and no part need be looked at
        self._firsts = frozenset().union(*(h[0] for _, h in parts)) if all(h for _, h in parts) else None
        self.pattern = "|".join(r.pattern for r, _ in parts)
        self.index: HintIndex | None = None
        self._keys = [("part", r.pattern) for r, _ in parts]
        self._key_set = frozenset()
        self._at: dict = {}

    @staticmethod
    def _possible(hints, text: str, pos: int, end: int) -> bool:
        """Every required set has one of its strings in text[pos:end]."""
        return all(any(text.find(h, pos, end) >= 0 for h in strings) for strings in hints)

    @staticmethod
    def _present(hints, text: str, memo: dict) -> bool:
        """Like _possible on the whole text, remembering each string's answer for the check."""
        for strings in hints:
            for h in strings:
                found = memo.get(h)
                if found is None:
                    found = memo[h] = h in text
                if found:
                    break
            else:
                return False
        return True

    def possible(self, text: str, memo: dict) -> bool:
        """False when no part can match: none has its required strings in the text."""
        if self.index is not None:
            return not self._key_set.isdisjoint(self.index.found(text, memo).candidates)
        return any(self._present(hints, text, memo) for _, hints in self.parts)

    def finditer(self, text: str, memo: dict | None = None, sentences=None):
        """Matches of every part, by start (parts may overlap one another). With `memo`
        (a per-text dict), a part shared by several rules is scanned once; with
        `sentences` ((starts, spans) of the text), a long text is scanned only around
        the sentences holding one of the part's required strings."""
        found = []
        if memo is None:
            for regex, hints in self.parts:
                if self._possible(hints, text, 0, len(text)):
                    found.extend(regex.finditer(text))
        else:
            scan = self.index.found(text, memo) if self.index is not None else None
            if scan is not None and self._key_set.isdisjoint(scan.candidates):
                return iter(())  # no part has all its required strings in the text
            scanned = memo.get(_SCANNED)
            if scanned is None:
                scanned = memo[_SCANNED] = {}
            for n in self._tried(scan):
                (regex, hints), key, first = self.parts[n], self._keys[n], self.starts[n]
                matches = scanned.get(key)
                if matches is None:
                    if scan is not None:
                        positions = scan.positions
                    elif not self._present(hints, text, memo):
                        scanned[key] = ()
                        continue
                    else:
                        positions = None
                    if first is not None and positions is not None and \
                            (at := _start_positions(first, positions, text, memo)) is not None:
                        # Tried only where a match can start: no need to narrow the scan.
                        matches = _matches_at(regex, text, at, len(text))
                    else:
                        matches = _scan(regex, hints, text, memo, positions, sentences)
                    scanned[key] = matches
                if matches:
                    found.extend(matches)
        if len(self.parts) > 1:
            found.sort(key=lambda m: (m.start(), -m.end()))
        return iter(found)

    def _tried(self, scan: "TextScan | None"):
        """Indices, in order, of the parts that may match: with a scan, only its candidates
        (a set intersection in C, where a loop over a policy's ~2,000 parts asking each
        whether it is one was a Python step per part per check)."""
        if scan is None:
            return range(len(self.parts))
        hit = self._key_set.intersection(scan.candidates)
        if len(hit) == len(self._key_set):
            return range(len(self.parts))
        at = self._at
        if len(hit) == 1:
            return at[next(iter(hit))]
        return sorted(n for key in hit for n in at[key])

    def search(self, text: str, pos: int = 0, endpos: int | None = None, memo: dict | None = None):
        """The earliest match of any part within text[pos:endpos] (of two at one place, the
        earlier part's). With `memo` (a per-text dict), parts whose required strings are
        nowhere in the text are skipped, and parts with start strings tried only where
        those start."""
        end = len(text) if endpos is None else endpos
        best = None
        short = end - pos < 300  # a sentence: scanning it is cheaper than the pre-check
        scan = positions = None
        if memo is not None and self.index is not None:
            scan = self.index.found(text, memo)
            if self._key_set.isdisjoint(scan.candidates):
                return None
            positions = scan.positions
        for n in self._tried(scan):
            (regex, hints), first = self.parts[n], self.starts[n]
            if scan is None and not (short or self._possible(hints, text, pos, end)):
                continue
            at = _start_positions(first, positions, text, memo) if first and scan is not None else None
            if at is not None:
                m = None
                for i in range(bisect_left(at, pos), len(at)):
                    if at[i] >= end or (best is not None and at[i] >= best.start()):
                        break
                    m = regex.match(text, at[i], end)
                    if m is not None:
                        break
            else:
                m = regex.search(text, pos, end)
            if m and (best is None or m.start() < best.start()):
                best = m
                if best.start() == pos:
                    break  # nothing can start earlier
        return best

    def sub(self, repl, text: str) -> str:
        for regex, hints in self.parts:
            if self._possible(hints, text, 0, len(text)):
                text = regex.sub(repl, text)
        return text


_QUANTIFIERS = "*+?{"


def _structure(pattern: str, i: int = 0):
    """(index, char, depth after it) for each pattern character outside escapes and classes."""
    depth, in_class, n = 0, False, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _closing_paren(pattern: str, i: int) -> int:
    """Index of the ')' closing the group that opens at pattern[i] == '('; -1 if none."""
    for j, ch, depth in _structure(pattern, i):
        if ch == ")" and depth == 0:
            return j
    return -1


def _split_branches(body: str) -> list[str]:
    """The top-level alternatives of `body` (its '|' outside any group)."""
    parts, start = [], 0
    for i, ch, depth in _structure(body):
        if ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def _word_start(branch: str) -> str | None:
    """`c(?<=\\bc)rest` for a branch starting with a plain letter or digit c, else None."""
    if len(branch) >= 1 and branch[0].isalnum() and branch[0].isascii() and \
            branch[1:2] not in tuple(_QUANTIFIERS):
        return branch[0] + r"(?<=\b" + branch[0] + ")" + branch[1:]
    return None


def _fast_word_starts(pattern: str) -> str:
    """Rewrite a leading \\b as a look-behind after the first letter: `\\bword` becomes
    `w(?<=\\bw)ord`, the same test, but `re` can then skip ahead to candidate letters
    instead of trying the pattern at every position (about 4x faster per rule)."""
    out, i, n, in_class = [], 0, len(pattern), False
    behind: list[bool] = []  # for each open group: inside a look-behind?
    while i < n:
        ch = pattern[i]
        if in_class:
            if ch == "\\":
                out.append(pattern[i:i + 2])
                i += 2
                continue
            in_class = ch != "]"
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
        elif ch == "(":
            behind.append(pattern.startswith(("(?<=", "(?<!"), i) or any(behind))
        elif ch == ")" and behind:
            behind.pop()
        if pattern.startswith(r"\b", i) and not any(behind):
            rest = pattern[i + 2:]
            if rest.startswith("(?:"):
                close = _closing_paren(rest, 0)
                if close > 0 and rest[close + 1:close + 2] not in tuple(_QUANTIFIERS):
                    branches = [_word_start(b) for b in _split_branches(rest[3:close])]
                    if all(branches):
                        out.append("(?:" + "|".join(branches) + ")")
                        i += 2 + close + 1
                        continue
            elif rest[:1].isalnum() and rest[:1].isascii() and rest[1:2] not in tuple(_QUANTIFIERS):
                out.append(rest[0] + r"(?<=\b" + rest[0] + ")")
                i += 3
                continue
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def translate(pattern: str, words: dict[str, str] | None = None) -> str:
    """The rules.toml dialect -> a plain `re` pattern."""
    return _fast_word_starts(_expand_spaces(_expand_gaps(expand_words(pattern, words))))


def compile_pattern(pattern: str, words: dict[str, str] | None = None) -> Compiled:
    """Compile a rules.toml pattern, refusing broken or super-linear ones (PatternError)."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("a pattern must be a non-empty string")
    source = translate(pattern, words)
    try:
        tree = sre_parse.parse(source, 0)
    except re.error as exc:
        raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from None
    problem = _check_linear(list(tree))
    if problem:
        raise PatternError(f"pattern {pattern!r} is not linear-time safe: {problem}")
    try:  # the parts are what runs; compiling them also checks the whole
        return Compiled([_part(branch) for branch in _alternatives(expand_words(pattern, words))])
    except re.error as exc:  # pragma: no cover - parse succeeded, compile should too
        raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from None


def _alternatives(expanded: str) -> list[str]:
    """Top-level alternatives of a pattern, looking inside a group that spans all of it
    ("(?:a|b)" -> a, b), so each can be compiled and skipped on its own."""
    branches = _split_branches(expanded)
    if len(branches) == 1 and expanded.startswith("(?:") and _closing_paren(expanded, 0) == len(expanded) - 1:
        branches = _split_branches(expanded[3:-1])
    out = []
    for b in branches:
        if len(branches) > 1 and b.startswith("(?:") and _closing_paren(b, 0) == len(b) - 1:
            out.extend(_alternatives(b))
        else:
            out.append(b)
    return out


def _part(branch: str) -> tuple[re.Pattern, tuple[frozenset[str], ...]]:
    source = _fast_word_starts(_expand_spaces(_expand_gaps(branch)))
    return re.compile(source), _required_sets(list(sre_parse.parse(source, 0)))


def compile_any(patterns: list[str], words: dict[str, str] | None = None) -> Compiled | None:
    """Compile a list of alternatives as one pattern (one scan instead of many)."""
    if not patterns:
        return None
    compiled = [compile_pattern(p, words) for p in patterns]  # each alone: an error names the bad one
    return Compiled([part for c in compiled for part in c.parts])


def compile_plain(pattern: str) -> re.Pattern:
    """Compile a plain regular expression written outside the rules dialect (an order-ID
    format, a link path), refusing broken or super-linear ones (PatternError)."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("a pattern must be a non-empty string")
    try:
        tree = sre_parse.parse(pattern, 0)
        compiled = re.compile(pattern)
    except re.error as exc:
        raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from None
    problem = _check_linear(list(tree))
    if problem:
        raise PatternError(f"pattern {pattern!r} is not linear-time safe: {problem}")
    return compiled

# Where a pattern lives in a policy file: these keys hold patterns (or lists of them).
PATTERN_KEYS = frozenset({"patterns", "unless", "near", "first", "second", "between", "joins", "only", "ignore",
                          "find", "product", "order_id", "blocked_paths", "paths"})


def patterns_in(value, key: str = ""):
    """Every pattern string in a parsed policy file (word lists, examples and context left out),
    for the readability report and its test: one walk, so the two count the same things."""
    if isinstance(value, str):
        if key in PATTERN_KEYS:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from patterns_in(item, key)
    elif isinstance(value, dict):
        for k, item in value.items():
            if k not in ("words", "examples", "context"):
                yield from patterns_in(item, k if k in PATTERN_KEYS or key not in PATTERN_KEYS else key)


def alternation_sizes(pattern: str) -> list[int]:
    """How many alternatives each group of `pattern` (and the pattern itself) holds, written
    out in the pattern (a {name} word list counts as one): how readable the policy files are
    (docs/policy-dialect.md: a long set of alternatives belongs in a word list)."""
    pattern = unfold(pattern)
    bodies, stack, i, in_class = [pattern], [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            stack.append(i)
        elif c == ")" and stack:
            body = pattern[stack.pop() + 1:i]
            if body.startswith("?:") or body.startswith("?P<"):
                body = body[2:] if body.startswith("?:") else body[body.index(">") + 1:]
            elif body.startswith("?"):
                body = ""  # a look-around or a flag group: its own length is counted inside
            bodies.append(body)
        i += 1
    return [len(_split_branches(b)) for b in bodies if b]
