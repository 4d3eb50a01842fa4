"""The pattern dialect of rules.toml, and the check that keeps every pattern linear-time.

Rule authors write ordinary regular expressions against the normalised view
(lower-case, look-alikes folded), with three conveniences so patterns read
like the phrases they catch:

- a plain space matches any run of spaces or line breaks (" ?" or " *": none or more);
- an apostrophe ' also matches the typographic one;
- {gap} stands for "up to 4 other words, within the sentence", {gap N} for up to N (N <= 12);
- {name} stands for the word list `name` of the file's [words] table.

A pattern that could take more than linear time on a hostile input (a repeat
inside an unbounded repeat, a back-reference) is refused at load time.
"""
from __future__ import annotations

import re
import re._parser as sre_parse  # the stdlib parser: the exact tree `re` will run
from re._constants import MAXREPEAT

GAP_LIMIT = 12
_GAP = re.compile(r" ?\{gap(?: (\d+))?\} ?")
# A word inside a gap: anything but spaces and sentence ends, followed by spaces.
_GAP_WORD = r"[^\s.!?]+\s+"


class PatternError(ValueError):
    """A pattern that does not compile or is not linear-time."""


def _expand_gaps(pattern: str) -> str:
    def gap(m: re.Match) -> str:
        n = int(m.group(1) or 4)
        if n > GAP_LIMIT:
            raise PatternError(f"{{gap {n}}} is longer than the limit of {GAP_LIMIT} words")
        return rf"\W+(?:{_GAP_WORD}){{0,{n}}}?"
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


def expand_words(pattern: str, words: dict[str, str] | None) -> str:
    """Replace {name} by the [words] entry `name` (which may itself use other entries)."""
    words = words or {}
    for _ in range(4):
        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name == "gap":
                return m.group(0)
            if name not in words:
                raise PatternError(f"unknown word list {{{name}}}")
            return f"(?:{words[name]})"
        expanded = _WORD_REF.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise PatternError("word lists refer to each other too deeply (or in a circle)")


def translate(pattern: str, words: dict[str, str] | None = None) -> str:
    """The rules.toml dialect -> a plain `re` pattern."""
    return _expand_spaces(_expand_gaps(expand_words(pattern, words)))


def compile_pattern(pattern: str, words: dict[str, str] | None = None) -> re.Pattern:
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
    try:
        return re.compile(source)
    except re.error as exc:  # pragma: no cover - parse succeeded, compile should too
        raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from None


def compile_any(patterns: list[str], words: dict[str, str] | None = None) -> re.Pattern | None:
    """Compile a list of alternatives as one pattern (one scan instead of many)."""
    if not patterns:
        return None
    for p in patterns:
        compile_pattern(p, words)  # validate each alone, so the error names the bad one
    return re.compile("|".join(f"(?:{translate(p, words)})" for p in patterns))
