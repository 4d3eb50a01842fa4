"""Every finding of every message of every corpus, under every marketplace, as one text file:
the guard that a speed change of the engine leaves the findings exactly as they were.

    .venv/bin/python benchmarks/findings_dump.py [OUT] [--repo PATH] [--corpus DIR ...]
    .venv/bin/python benchmarks/findings_dump.py OUT --compare OLD   (exit 1 when they differ)

Messages: each line with a "text" of tests/data/*.jsonl and of the shared corpus
(/work/shared/corpus/*.jsonl when present), the realistic messages of
benchmarks/speed.py (500, 2,000 and 10,000 characters) and 5,000-character pieces of its
adversarial inputs; each checked with language "auto" under every marketplace of
policy/. One line per finding: source, id, marketplace, language, rule, start, end,
severity, category, replacements and message. `--repo` imports the engine of another
checkout (e.g. /work/main) to compare two engines on the same policy files. The dump holds
rule ids, offsets and rule prose, not message text; it is written where you say (keep it
out of the repository).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = Path("/work/shared/corpus")


def _messages(corpora: list[Path]) -> list[tuple[str, str, str]]:
    """(source, id, text) of every message to check, in a fixed order."""
    out = []
    for folder in corpora:
        for path in sorted(folder.glob("*.jsonl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                if not line.strip():
                    continue
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    out.append((f"{folder.name}/{path.name}", str(record.get("id", n)), record["text"]))
    sys.path.insert(0, str(REPO / "benchmarks"))
    import speed  # the benchmark's generator: the same realistic and hostile texts it times
    rng = random.Random(2026)
    for size in speed.SIZES:
        for k in range(20):
            out.append(("speed", f"{size}-{k}", speed.realistic_message(size, rng)))
    for name, text in speed.adversarial_inputs(2026).items():
        out.append(("adversarial", name, text[:5_000]))
    return out


def dump(repo: Path, corpora: list[Path]) -> list[str]:
    sys.path.insert(0, str(repo))
    import policy
    from policy.marketplace import marketplace_ids
    lines = []
    messages = _messages(corpora)
    for marketplace in marketplace_ids():
        pol = policy.load_policy(marketplace)
        for source, ident, text in messages:
            result = pol.check_message(text)
            for f in result.findings:
                lines.append("\t".join(map(str, (
                    source, ident, marketplace, result.language, f.rule, f.start, f.end,
                    f.severity, f.category, json.dumps(list(f.replacements), ensure_ascii=False),
                    f.message))))
            if not result.findings:
                lines.append("\t".join((source, ident, marketplace, result.language, "-")))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?",
                        default=Path(tempfile.gettempdir()) / "findings-dump.tsv",
                        help="file to write the dump to (default: findings-dump.tsv in the temp folder)")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose engine to run")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="folder of *.jsonl (default: tests/data and the shared corpus)")
    parser.add_argument("--compare", type=Path, help="an earlier dump: report the differences")
    args = parser.parse_args(argv)
    corpora = args.corpus or [REPO / "tests" / "data"] + ([SHARED_CORPUS] if SHARED_CORPUS.is_dir() else [])
    lines = dump(args.repo.resolve(), corpora)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines written to {args.out}")
    if args.compare:
        old = args.compare.read_text(encoding="utf-8").splitlines()
        if old == lines:
            print(f"identical to {args.compare}")
            return 0
        gone, new = sorted(set(old) - set(lines)), sorted(set(lines) - set(old))
        print(f"DIFFERENT from {args.compare}: {len(gone)} lines gone, {len(new)} new")
        for line in gone[:15]:
            print("  -", line[:200])
        for line in new[:15]:
            print("  +", line[:200])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
