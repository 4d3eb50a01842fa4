"""How fast policy.check is on realistic messages and on hostile 100,000-character inputs.

Prints: the import and policy load (compile) time; median and p99 check time for
realistic messages of 500, 2,000 and 10,000 characters (deterministic, built from
ordinary customer-service sentences with some violations mixed in); the time and
peak traced memory of one check of each adversarial input; PASS/FAIL per target.

    .venv/bin/python benchmarks/speed.py [--runs 300] [--seed 2026] [--strict]

Each adversarial input runs in a forked child with a time limit, so a pattern that
backtracks catastrophically shows up as a FAIL instead of hanging the benchmark.
A report: exit status 0, unless --strict and a target is missed (then 1).
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_t0 = time.perf_counter()
import policy  # noqa: E402
IMPORT_SECONDS = time.perf_counter() - _t0

SIZES = (500, 2_000, 10_000)
ADVERSARIAL_SIZE = 100_000
P99_TARGET_MS = 5.0           # at 2,000 characters
MEAN_TARGET_MS = 1.5          # at 2,000 characters, the check itself (language detection aside)
P99_TARGET_SIZE = 2_000
ADVERSARIAL_TARGET_S = 1.0    # every 100,000-character input
CHILD_TIME_LIMIT_S = 10.0     # a child still running after this is killed and counted as FAIL

GREETINGS = ("Hi {name},", "Hello {name},", "Dear {name},", "Good morning {name},")
SIGN_OFFS = ("Best regards,\nNorthfield Home Goods", "Kind regards,\nThe MugMakers team",
             "Thanks,\nSam at Brightside Outdoor", "Regards,\nHeatright Spares")
NAMES = ("Jordan", "Ms. Patel", "Mr. Byrne", "Ellie", "Sam", "Mrs. Okafor", "Lukas", "Ana")
ORDINARY = (
    "Thank you for your order {order}.",
    "Your package left our warehouse this morning and is on its way.",
    "The carrier reports a short delay at the regional hub, so delivery is now expected on {date}.",
    "The tracking number is {tracking}, and it should update within 24 hours.",
    "I'm sorry the lid arrived cracked; a replacement ships today at no cost to you.",
    "Could you send a photo of the label on the back of the unit so we can check the batch?",
    "The adapter takes 100-240 V, so it works in both the UK and the US.",
    "We have issued a full refund of ${price} to your original payment method.",
    "Refunds usually appear on your statement within 3 to 5 business days.",
    "The size chart on the product page lists the chest measurement in both inches and centimetres.",
    "If the item hasn't arrived by {date}, please reply to this message and we'll look into it.",
    "Your custom engraving reads exactly as you typed it in the order notes.",
    "We checked with the courier and the parcel was left with your neighbour at number 12.",
    "Please use the return label from your orders page; the return is free.",
    "The replacement part number is AB-2041, and it fits all models made after 2019.",
    "Our team is available Monday to Friday and will answer any question here.",
    "We'd be glad to help if anything else comes up with order {order}.",
    "The instructions are also printed inside the lid of the box.",
    "Unfortunately the blue version is out of stock until {date}, so we sent the grey one as agreed.",
    "Your invoice for order {order} is attached as a PDF.",
)
VIOLATIONS = (
    "Leave a 5-star review and we'll refund you ${price}.",
    "Email me at jane.doe@example.com for a faster answer.",
    "Call us on +1 (415) 555-0132 any time.",
    "Use code SAVE20 for 20% off your next order!",
    "Visit www.brightside-outdoor.com for more great products.",
    "Message us on WhatsApp and we'll sort it out 👍",
    "If you're happy, please leave a review; if not, contact us first.",
    "<b>Thank you</b> for shopping with us!",
)
VIOLATION_SHARE = 0.1


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        name=rng.choice(NAMES),
        order=f"{rng.choice((112, 113, 114, 26))}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}",
        date=f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/2026",
        tracking=f"1Z{rng.randrange(10**16):016d}",
        price=f"{rng.randint(5, 120)}.{rng.randrange(100):02d}",
    )


def realistic_message(size: int, rng: random.Random) -> str:
    """A seller message of exactly `size` characters: greeting, paragraphs, sign-off."""
    parts = [_fill(rng.choice(GREETINGS), rng), "\n\n"]
    sign_off = "\n\n" + rng.choice(SIGN_OFFS)
    length = sum(map(len, parts))
    while length < size - len(sign_off):
        pool = VIOLATIONS if rng.random() < VIOLATION_SHARE else ORDINARY
        sentence = _fill(rng.choice(pool), rng)
        sep = "\n\n" if rng.random() < 0.2 else " "
        parts += [sentence, sep]
        length += len(sentence) + len(sep)
    body = "".join(parts).rstrip()[: size - len(sign_off)]
    return (body + sign_off)[:size].ljust(size, ".")


def _repeat(unit: str, size: int = ADVERSARIAL_SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def adversarial_inputs(seed: int) -> dict[str, str]:
    """Inputs shaped to make a careless pattern backtrack or a careless loop go quadratic."""
    rng = random.Random(seed)
    emoji_units = ("😀", "👍🏽", "❤️", "👨‍👩‍👧", "🇬🇧", "1️⃣", "⭐")
    inputs = {
        "near-matches 'review refund '": _repeat("review refund "),
        "near-matches 'leave a 5 star review'": _repeat("leave a 5 star review for a free "),
        "dots '....'": _repeat("."),
        "digits with separators '1-2-3-4-'": _repeat("1-2-3-4-5-6-7-8-9-0-"),
        "digit groups '12 34 (56) 78.90'": _repeat("12 34 (56) 78.90 "),
        "@ signs '@@@@'": _repeat("@"),
        "address-like 'a@b.'": _repeat("a@b."),
        "brackets '([{'": _repeat("([{"),
        "spaces": _repeat(" "),
        "newlines": _repeat("\n"),
        "invisible U+200B": _repeat("\u200b"),
        "letters split by U+200B": _repeat("f\u200b"),
        "spelled-out letters 'f r e e '": _repeat("f r e e "),
        "one long word": _repeat("reviewrefundfreegift"),
        "capitals 'SALE NOW '": _repeat("SALE NOW "),
        "emoji runs": "".join(rng.choice(emoji_units) for _ in range(ADVERSARIAL_SIZE))[:ADVERSARIAL_SIZE],
        "'<<<<'": _repeat("<"),
        "'www.www.www..'": _repeat("www."),
        "'http://' runs": _repeat("http://"),
    }
    fragments = [v[:rng.randint(5, 60)] for v in inputs.values()] + list(VIOLATIONS) + list(ORDINARY)
    mixed = []
    while sum(map(len, mixed)) < ADVERSARIAL_SIZE:
        mixed.append(rng.choice(fragments))
    inputs["mixed"] = "".join(mixed)[:ADVERSARIAL_SIZE]
    return inputs


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of already sorted values."""
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def time_realistic(size: int, runs: int, rng: random.Random) -> tuple[float, float, float, int, float, float]:
    """(median, p99, max, findings, mean, mean without language detection) in ms. The first
    pass detects each message's language afresh (as a new message would); the second pass
    checks the same messages again, the detector's answer remembered: the check itself."""
    messages = [realistic_message(size, rng) for _ in range(runs)]
    for m in messages[:20]:  # warm-up
        policy.check(m)
    from policy import language
    language._scores.cache_clear()
    times, findings = [], 0
    for m in messages:
        start = time.perf_counter()
        result = policy.check(m)
        times.append((time.perf_counter() - start) * 1000)
        findings += len(result)
    again = []
    for m in messages:
        start = time.perf_counter()
        policy.check(m)
        again.append((time.perf_counter() - start) * 1000)
    mean, mean_without = statistics.fmean(times), statistics.fmean(again)
    times.sort()
    return statistics.median(times), percentile(times, 99), times[-1], findings, mean, mean_without


def _measure_child(text: str, conn) -> None:
    start = time.perf_counter()
    findings = policy.check(text)
    conn.send((time.perf_counter() - start, len(findings)))
    tracemalloc.start()
    policy.check(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    conn.send(peak)
    conn.close()


def measure_adversarial(text: str) -> tuple[float | None, int | None, int | None, str]:
    """(seconds, peak bytes, findings, error) of one check, in a forked child with a time limit."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_measure_child, args=(text, send))
    child.start()
    send.close()
    try:
        if not receive.poll(CHILD_TIME_LIMIT_S):
            return None, None, None, f"still running after {CHILD_TIME_LIMIT_S:.0f} s: killed"
        seconds, count = receive.recv()
        # tracemalloc slows allocation-heavy code several times over: allow it longer.
        peak = receive.recv() if receive.poll(CHILD_TIME_LIMIT_S * 3) else None
        return seconds, peak, count, ""
    except EOFError:
        return None, None, None, "the child process died"
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300, help="timed checks per size (default 300)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed for the generated messages")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    failures = []

    start = time.perf_counter()
    policy.load_policy()
    load_seconds = time.perf_counter() - start
    pol = policy.load_policy()
    print(f"import policy: {IMPORT_SECONDS * 1000:.1f} ms; load_policy({pol.marketplace!r}) (compile): "
          f"{load_seconds * 1000:.1f} ms ({len(pol.rules)} rules, {len(pol.templates)} templates)")

    rng = random.Random(args.seed)
    print(f"\nRealistic messages ({args.runs} runs each after 20 warm-up; milliseconds)")
    print("(mean: with language detection; -detect: the same messages again, the detector's "
          "answer remembered)")
    print(f"{'chars':>7s} {'median':>8s} {'p99':>8s} {'max':>8s} {'mean':>8s} {'-detect':>8s} "
          f"{'findings/msg':>13s}")
    for size in SIZES:
        median, p99, worst, findings, mean, mean_without = time_realistic(size, args.runs, rng)
        print(f"{size:7,d} {median:8.3f} {p99:8.3f} {worst:8.3f} {mean:8.3f} {mean_without:8.3f} "
              f"{findings / args.runs:13.1f}")
        if size == P99_TARGET_SIZE:
            p99_at_target, mean_at_target = p99, mean_without

    print(f"\nAdversarial inputs ({ADVERSARIAL_SIZE:,} characters each; one check, then one traced for memory)")
    print(f"{'input':36s} {'seconds':>8s} {'peak MiB':>9s} {'findings':>9s}  target")
    peak_all = 0
    for name, text in adversarial_inputs(args.seed).items():
        assert len(text) == ADVERSARIAL_SIZE, name
        seconds, peak, count, error = measure_adversarial(text)
        if error:
            print(f"{name:36s} {'-':>8s} {'-':>9s} {'-':>9s}  FAIL ({error})")
            failures.append(f"adversarial {name}")
            continue
        ok = seconds <= ADVERSARIAL_TARGET_S
        if not ok:
            failures.append(f"adversarial {name}")
        peak_all = max(peak_all, peak or 0)
        peak_col = "timeout" if peak is None else f"{peak / 2**20:.1f}"
        print(f"{name:36s} {seconds:8.3f} {peak_col:>9s} {count:9d}  {'PASS' if ok else 'FAIL'}")

    print("\nTargets")
    ok = p99_at_target <= P99_TARGET_MS
    if not ok:
        failures.append("p99")
    print(f"  p99 at {P99_TARGET_SIZE:,} characters <= {P99_TARGET_MS} ms: "
          f"{'PASS' if ok else 'FAIL'} ({p99_at_target:.3f} ms)")
    mean_ok = mean_at_target <= MEAN_TARGET_MS
    if not mean_ok:
        failures.append("mean")
    print(f"  mean check at {P99_TARGET_SIZE:,} characters, language detection aside, <= "
          f"{MEAN_TARGET_MS} ms: {'PASS' if mean_ok else 'FAIL'} ({mean_at_target:.3f} ms)")
    adversarial_ok = not any(f.startswith("adversarial") for f in failures)
    print(f"  every {ADVERSARIAL_SIZE:,}-character input <= {ADVERSARIAL_TARGET_S} s: "
          f"{'PASS' if adversarial_ok else 'FAIL'}")
    print(f"  peak traced memory of a check on a {ADVERSARIAL_SIZE:,}-character input: "
          f"{peak_all / 2**20:.1f} MiB (no target; reported)")
    return 1 if args.strict and failures else 0


if __name__ == "__main__":
    sys.exit(main())
