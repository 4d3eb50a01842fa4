"""The spelling check: false alarms on our own clean messages, and the time it adds.

    .venv/bin/python benchmarks/spelling.py            # the figures
    .venv/bin/python benchmarks/spelling.py --words    # plus every flagged word, per set

False alarms: words flagged per 1,000 words of the text (every run of letters counts), on
messages that are clean (expect_block false) in
tests/data/amazon_<lang>_*.jsonl, the English clean sets (tests/data/seller_final.jsonl,
seller_heldout.jsonl and ../shared/corpus/dev.jsonl when it is there), and every template
of every marketplace filled with its example values (the values passed as known words, as
the composer passes a form's fields). "tuned on": the set's flagged words were read while
the name rules and accepted words of policy/common/spelling.toml were written (the sets of
tests/data but de_heldout4 and es_heldout3, which came later); ../shared/corpus/dev.jsonl never was. Some clean messages are written the way non-native sellers
write ("desole", lower-case German nouns): a flag there is a right one, counted all the same.

Time: 2,000-character messages per language, built from those clean messages: the spelling
rule's own time, and the mean check time with the rule and with it taken out (in turn, in
one process), on messages checked before (the live check re-reads the same text as the
seller types), and the first check of each (every word looked up afresh). CPU time of the
thread, so other processes on a shared machine weigh less on the figures.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import policy  # noqa: E402
from policy.marketplace import marketplace_ids  # noqa: E402

DATA = REPO / "tests" / "data"
# The shared corpus beside the repository (a worktree sits one folder deeper).
CORPUS = next((p / "shared" / "corpus" / "dev.jsonl" for p in REPO.parents[:2]
               if (p / "shared" / "corpus" / "dev.jsonl").is_file()), REPO.parent / "shared" / "corpus" / "dev.jsonl")
LANGUAGES = ("en", "de", "fr", "es", "it")
# Every set of tests/data had its flagged words read once while the name rules and accepted
# words were written, except these (added later); the shared corpus never had.
UNTUNED = {"dev.jsonl", "amazon_de_heldout4.jsonl", "amazon_es_heldout3.jsonl"}
LETTERS = re.compile(r"[^\W\d_]+")
RULE = "spelling.unknown-word"
SIZE = 2_000
RUNS = 20


def clean_sets() -> list[tuple[str, str, list[str]]]:
    """(language, file name, clean texts) for each labelled set."""
    out = []
    for lang in LANGUAGES:
        files = sorted(DATA.glob(f"amazon_{lang}_*.jsonl"))
        if lang == "en":
            files = [DATA / "seller_final.jsonl", DATA / "seller_heldout.jsonl"]
            if CORPUS.is_file():
                files.append(CORPUS)
        for path in files:
            texts = [row["text"] for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                     if row.get("expect_block") is False]
            if texts:
                out.append((lang, path.name, texts))
    return out


def template_texts() -> dict[str, list[tuple[str, object, str]]]:
    """language -> (text, template, known words) for every template with its example values."""
    out: dict[str, list] = {}
    for marketplace in marketplace_ids():
        loaded = policy.load_policy(marketplace)
        sets = [(loaded.facts.default_language, loaded.templates), *loaded.translations.items()]
        for lang, templates in sets:
            for template in templates.values():
                values = template.example_values()
                out.setdefault(lang, []).append(
                    (template.render(values), template, " ".join(values.values()), marketplace))
    return out


def flagged(text: str, language: str, template=None, known: str = "", marketplace: str | None = None):
    context = {"known_words": known} if known else None
    result = policy.load_policy(marketplace).check_message(text, template, context, language)
    return [f.excerpt for f in result.findings if f.rule == RULE]


def false_alarms(show_words: bool) -> None:
    print("False alarms (words flagged per 1,000 words of clean text)")
    print(f"{'language':8} {'set':34} {'msgs':>5} {'words':>6} {'flagged':>7} {'per 1k':>7}  used")
    totals: dict[str, list[int]] = {}
    for lang, name, texts in clean_sets():
        words = sum(len(LETTERS.findall(t)) for t in texts)
        found = [w for t in texts for w in flagged(t, lang)]
        used = "not tuned on" if name in UNTUNED else "tuned on"
        _row(lang, name, len(texts), words, found, used, show_words)
        totals.setdefault(lang, [0, 0])
        totals[lang][0] += words
        totals[lang][1] += len(found)
    for lang, items in sorted(template_texts().items()):
        if lang not in LANGUAGES and lang != "ja":
            continue
        words = sum(len(LETTERS.findall(text)) for text, *_ in items)
        found = [w for text, template, known, market in items for w in flagged(text, lang, template, known, market)]
        _row(lang, "templates, example values", len(items), words, found, "must be 0", show_words)
    print("All clean sets, per language: " + ", ".join(
        f"{lang} {1000 * n / w:.1f}" for lang, (w, n) in sorted(totals.items()) if w))


def _row(lang, name, count, words, found, used, show_words):
    print(f"{lang:8} {name:34} {count:5d} {words:6d} {len(found):7d} {1000 * len(found) / max(words, 1):7.1f}  {used}")
    if show_words and found:
        print("         " + ", ".join(sorted(set(found))))


def long_messages(texts: list[str]) -> list[str]:
    """2,000-character messages made of the clean messages, each starting at another one."""
    out = []
    for start in range(min(len(texts), 8)):
        parts, size, i = [], 0, start
        while size < SIZE:
            piece = texts[i % len(texts)]
            parts.append(piece)
            size += len(piece) + 2
            i += 1
        out.append("\n\n".join(parts)[:SIZE])
    return out


def timing() -> None:
    from policy.spelling import misspellings
    loaded = policy.load_policy()  # the default marketplace
    by_language: dict[str, list[str]] = {}
    for lang, _name, texts in clean_sets():
        by_language.setdefault(lang, []).extend(texts)
    rule_lists = [loaded.rules, *loaded.language_rules.values()]
    places = [(rules, rules.index(r), r) for rules in rule_lists for r in rules if r.id == RULE]
    rule = places[0][2]

    def spelling_on(on: bool) -> None:
        for rules, index, r in places:
            if on and r not in rules:
                rules.insert(index, r)
            elif not on and r in rules:
                rules.remove(r)
        loaded._either.clear()

    def cpu_ms(fn) -> float:
        t0 = time.thread_time()
        fn()
        return 1000 * (time.thread_time() - t0)

    print(f"\nTime on {SIZE:,}-character messages (CPU time of this thread, mean of {RUNS} rounds x 8"
          " messages, language given)")
    print(f"{'language':8} {'first ms':>9} {'spelling ms':>12} {'check with':>11} {'without':>8} {'added ms':>9}")
    for lang in LANGUAGES:
        messages = long_messages(by_language[lang])
        first = statistics.mean(cpu_ms(lambda t=t: loaded.check_message(t, None, None, lang)) for t in messages)
        own, with_ms, without_ms = [], [], []
        for _ in range(RUNS):
            for text in messages:  # with and without in turn, so a busy machine weighs on both
                known = (rule.options.get("marketplace_words", ""), "")
                own.append(cpu_ms(lambda: misspellings(text, lang, known)))
                with_ms.append(cpu_ms(lambda: loaded.check_message(text, None, None, lang)))
                spelling_on(False)
                try:
                    without_ms.append(cpu_ms(lambda: loaded.check_message(text, None, None, lang)))
                finally:
                    spelling_on(True)
        print(f"{lang:8} {first:9.2f} {statistics.mean(own):12.3f} {statistics.mean(with_ms):11.2f}"
              f" {statistics.mean(without_ms):8.2f} {statistics.mean(with_ms) - statistics.mean(without_ms):9.3f}")
    print("first: the first check of those messages in the process (dictionaries loaded, every word looked"
          " up afresh); spelling: the spelling rule's own work on a message checked before (as the live"
          " check re-reads the text while the seller types); added: check with the rule minus without.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", action="store_true", help="list every flagged word per set")
    args = parser.parse_args()
    false_alarms(args.words)
    timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
