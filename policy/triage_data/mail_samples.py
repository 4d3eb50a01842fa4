"""Synthetic buyer-message notification emails (for tests, the inbox benchmark and the demo).

Shaped like a marketplace's forward of a buyer message to the seller's mailbox:
a subject naming the buyer and the order, the buyer's words between "Begin
message" and "End message" lines, then the order ID and "1 of <product>".
Every name, address and order here is made up.

    python -m policy.triage_data.mail_samples 1000 > inbox.mbox
"""
from __future__ import annotations

import datetime as dt
import email.utils
import random
from email.message import EmailMessage

from .grammar import generate

PRODUCTS = ["Desk Lamp, Brushed Steel", "Ceramic Mug Set (4)", "USB-C Charger 65W", "Wool Scarf - Navy",
            "Garden Hose 15m", "Yoga Mat Pro", "Bluetooth Speaker Mini", "Kids' Puzzle 500 pcs"]
BUYERS = ["Jane", "Ravi", "Ola", "Marta", "Chen", "Luis", "Amara", "Piotr"]


def notification(text: str, order_id: str, product: str, buyer: str, sent: dt.datetime,
                 html: bool = False) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f'"{buyer} - Marketplace" <buyer-{buyer.lower()}@marketplace.example>'
    message["To"] = "seller@example.com"
    message["Subject"] = f"Inquiry from customer {buyer} (Order: {order_id})"
    message["Date"] = email.utils.format_datetime(sent)
    body = (f"------------- Begin message -------------\n\n{text}\n\n"
            f"------------- End message -------------\n\n"
            f"Order ID: {order_id}\n1 of {product} [ASIN: B0{random.Random(order_id).randint(10**7, 10**8 - 1)}]\n\n"
            "You can reply to this message from your seller account.\n")
    if html:
        escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        message.set_content(body)
        message.add_alternative(f"<html><body><pre>{escaped}</pre></body></html>", subtype="html")
    else:
        message.set_content(body)
    return message


def mbox_bytes(messages: list[EmailMessage]) -> bytes:
    """An mbox file of `messages` (From_ lines, ">From " escaping), as `mailbox.mbox` writes it."""
    out = []
    for m in messages:
        raw = m.as_bytes(policy=m.policy.clone(linesep="\n"))
        lines = [b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n")]
        out.append(b"From seller@example.com Mon Nov 30 09:00:00 2026\n" + b"\n".join(lines).rstrip(b"\n") + b"\n\n")
    return b"".join(out)


def sample_inbox(n: int, seed: int = 7, start: dt.datetime | None = None) -> bytes:
    """An mbox of `n` notifications carrying generated buyer messages, an hour or so apart."""
    rng = random.Random(seed)
    start = start or dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone.utc)
    rows = generate(n, seed=seed)
    messages = []
    for i, row in enumerate(rows):
        order_id = f"{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(10**6, 10**7 - 1)}"
        sent = start + dt.timedelta(minutes=37 * i + rng.randint(0, 30))
        messages.append(notification(row["text"], order_id, rng.choice(PRODUCTS), rng.choice(BUYERS), sent,
                                     html=i % 5 == 0))
    return mbox_bytes(messages)


if __name__ == "__main__":
    import sys
    sys.stdout.buffer.write(sample_inbox(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
