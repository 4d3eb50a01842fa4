"""Triage speed: per message, on hostile input (linear in length), and a 1,000-message inbox.

    .venv/bin/python benchmarks/triage_speed.py

Prints CPU and wall time. Targets: under 2 ms per typical message; every adversarial
20,000-character input (newline runs included) in well under a second; 1,000
notification emails from an mbox read and triaged in under 5 s.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy.triage import triage  # noqa: E402
from policy.triage_data.mail_samples import sample_inbox  # noqa: E402
from policy.triage_inbox import read_inbox, triage_all  # noqa: E402

TYPICAL = [
    "Thanks, it arrived today!",
    "Hi, I ordered a lamp last week and the tracking hasn't moved since Monday. Any update? Thanks",
    "The mug arrived cracked. Can you send a new one? Order 112-1234567-1234567",
    "Could you send an invoice with our VAT number for the company's records please?",
]
ADVERSARIAL = {
    "20,000 newlines": "\n" * 20_000,
    "20,000 newlines and spaces": "\n \n" * 6_667,
    "one 20,000-letter word": "a" * 20_000,
    "20,000 question marks": "?" * 20_000,
    "10,000 emoji": "😀" * 10_000,
    "'ab ' x 7,000": "ab " * 7_000,
    "'- ' x 10,000": "- " * 10_000,
    "thanks x 2,800": ("thanks " * 2_900)[:20_000],
    "Begin message markers x 500": "------------- Begin message -------------\n" * 476,
}


def timed(fn, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn(*args)
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    for text in TYPICAL:
        triage(text)
    runs = 300
    _, wall, cpu = timed(lambda: [triage(t) for _ in range(runs) for t in TYPICAL])
    print(f"typical message: {cpu / (runs * len(TYPICAL)) * 1000:.2f} ms CPU "
          f"({wall / (runs * len(TYPICAL)) * 1000:.2f} ms wall) per message")
    for name, text in ADVERSARIAL.items():
        _, wall, cpu = timed(triage, text)
        print(f"adversarial {name:34} {cpu * 1000:7.1f} ms CPU ({wall * 1000:.1f} ms wall)")
    for n in (5_000, 10_000, 20_000):  # linear: time grows with length, not faster
        text = ("Hello, the tracking hasn't moved since Monday. Could you check? Thanks. " * 300)[:n]
        _, wall, cpu = timed(triage, text)
        print(f"realistic text of {n:>6,} characters: {cpu * 1000:6.1f} ms CPU")
    data = sample_inbox(1000, start=dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc))
    messages, wall_read, cpu_read = timed(read_inbox, data, "inbox.mbox")
    results, wall_triage, cpu_triage = timed(triage_all, messages)
    print(f"inbox: {len(results)} messages ({len(data) / 1e6:.2f} MB mbox): read {cpu_read:.2f} s CPU, "
          f"triaged {cpu_triage:.2f} s CPU; total {cpu_read + cpu_triage:.2f} s CPU "
          f"({wall_read + wall_triage:.2f} s wall); target < 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
