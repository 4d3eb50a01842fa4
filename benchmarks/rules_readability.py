"""How readable the policy files are: per file, lines over 120 and over 200 characters,
the longest line, the look-behinds and look-aheads in it, and the groups of 10 or more
alternatives written out in a pattern (rather than as a [words] list).

    .venv/bin/python benchmarks/rules_readability.py [FILE ...]   (default: policy/**/*.toml)

A report: exit status 0.
"""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from policy.patterns import alternation_sizes, patterns_in  # noqa: E402


def measure(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines)
    return {"lines": len(lines), "over_120": sum(len(l) > 120 for l in lines),
            "over_200": sum(len(l) > 200 for l in lines),
            "longest": max((len(l) for l in lines), default=0),
            "lookbehinds": text.count("(?<!") + text.count("(?<="),
            "lookaheads": text.count("(?!") + text.count("(?="),
            "long_alternations": sum(n >= 10 for p in patterns_in(tomllib.loads(path.read_text(encoding="utf-8")))
                                     for n in alternation_sizes(p))}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((REPO / "policy").glob("**/*.toml"))
    print(f"{'file':44s} {'lines':>6s} {'>120':>5s} {'>200':>5s} {'longest':>8s} "
          f"{'look-behind':>12s} {'look-ahead':>11s} {'alt>=10':>8s}")
    for path in paths:
        m = measure(path)
        name = str(path.resolve().relative_to(REPO)) if path.resolve().is_relative_to(REPO) else str(path)
        print(f"{name:44s} {m['lines']:6d} {m['over_120']:5d} {m['over_200']:5d} {m['longest']:8d} "
              f"{m['lookbehinds']:12d} {m['lookaheads']:11d} {m['long_alternations']:8d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
