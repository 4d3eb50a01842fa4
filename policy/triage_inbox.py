"""Read a whole inbox of buyer messages: an mbox or .eml of notification emails, a CSV, or pasted text.

Marketplaces forward each buyer message to the seller's email as a notification
("------------- Begin message -------------" ... "End message", the order ID and
the product in the body or the subject). Sellers export those as an .mbox or
.eml, or a help desk exports a CSV. Everything here works in memory on the bytes
given: nothing is written to disk, and nothing is logged.
"""
from __future__ import annotations

import csv
import datetime as dt
import email
import email.errors
import email.header
import email.utils
import io
import re
from dataclasses import dataclass, field

from .cli_input import N_, UsageError
from .plaintext import html_to_text

MAX_MESSAGES = 5000
# A line of three or more dashes, equals signs, underscores or stars separates pasted messages.
_PASTE_SEPARATOR = re.compile(r"^[ \t]*(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t\r]*$", re.M)  # \r: forms send CRLF
# The text a notification wraps around the buyer's words.
BEGIN = re.compile(r"^[ \t]*-{3,}[ \t]*begin message[ \t]*-{3,}[ \t\r]*$", re.I | re.M)
END = re.compile(r"^[ \t]*-{3,}[ \t]*end message[ \t]*-{3,}[ \t\r]*$", re.I | re.M)
# "1 of Desk Lamp [ASIN: B000000000]", "Item: Desk Lamp", "Product: Desk Lamp"
_PRODUCT_LINES = (
    re.compile(r"^[ \t]*\d{1,3} of ([^\[\n]{2,120}?)[ \t]*(?:\[|$)", re.M),
    re.compile(r"^[ \t]*(?:item|product|listing)(?: name)?[ \t]*:[ \t]*([^\n]{2,120}?)[ \t]*$", re.M | re.I),
)
_ORDER_LINE = re.compile(r"^[ \t]*order(?: id| number| no\.?| #)?[ \t]*[:#][ \t]*([A-Za-z0-9#-]{4,40})", re.M | re.I)
_QUOTED = re.compile(r"^[ \t]*>.*$\n?", re.M)
_SIGNATURE = re.compile(r"^-- ?$.*", re.M | re.S)
TEXT_COLUMNS = ("text", "message", "body", "content", "buyer message")
TIME_COLUMNS = ("received", "received_at", "received at", "time", "date", "sent", "arrived", "timestamp")
ORDER_COLUMNS = ("order_id", "order id", "order", "order number", "order_number")


@dataclass
class Incoming:
    """One buyer message as read from the inbox."""

    text: str
    received: dt.datetime | None = None
    order_id: str | None = None
    product: str | None = None
    subject: str | None = None
    source: str = ""  # "message 3", "row 7": where it was in the upload
    fields: dict = field(default_factory=dict)


def kind_of(filename: str | None, data: bytes) -> str:
    """'mbox', 'eml', 'csv' or 'text', from the file name first and the content second."""
    name = (filename or "").lower()
    for ext, kind in ((".mbox", "mbox"), (".mbx", "mbox"), (".eml", "eml"), (".csv", "csv"), (".txt", "text")):
        if name.endswith(ext):
            return kind
    head = data[:2000]
    if head.startswith(b"From "):
        return "mbox"
    if re.match(rb"(?:[A-Za-z-]+:[^\n]*\n){2,}", head):
        return "eml"
    return "text"


def read_inbox(data: bytes, filename: str | None = None, kind: str | None = None) -> list[Incoming]:
    """The messages in an upload; a file that cannot be read raises UsageError saying why."""
    kind = kind or kind_of(filename, data)
    if kind == "mbox":
        messages = [_from_email(raw, f"message {i}") for i, raw in enumerate(split_mbox(data), 1)]
    elif kind == "eml":
        messages = [_from_email(data, "the email")]
    elif kind == "csv":
        messages = read_csv(_decode(data))
    elif kind == "text":
        messages = read_pasted(_decode(data))
    else:
        raise UsageError.of(N_("unknown inbox format {kind}: use mbox, eml, csv or text"), kind=repr(kind))
    messages = [m for m in messages if m.text.strip()]
    if len(messages) > MAX_MESSAGES:
        raise UsageError.of(N_("{count} messages is more than the {limit} one upload may hold"),
                            count=f"{len(messages):,}", limit=f"{MAX_MESSAGES:,}")
    return messages


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError.of(N_("the file is not UTF-8 text")) from None


def split_mbox(data: bytes) -> list[bytes]:
    """The raw messages of an mbox (the format Python's `mailbox.mbox` reads: each message starts
    with a "From " line at the start of the file or after a blank line; ">From " is unescaped)."""
    if not data.startswith(b"From "):
        raise UsageError.of(N_('not an mbox file: it must start with a "From " line'))
    messages, current = [], []
    previous_blank = True
    for line in data.splitlines(keepends=True):
        if line.startswith(b"From ") and previous_blank:
            if current:
                messages.append(b"".join(current))
            current = []
        else:
            if re.match(rb">+From ", line):
                line = line[1:]
            current.append(line)
        previous_blank = not line.strip()
    if current:
        messages.append(b"".join(current))
    return messages


def _part_text(part) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", errors="replace")


def _body(message) -> str:
    """The plain-text body (the HTML one turned into text when there is no plain one)."""
    html = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            return _part_text(part)
        if kind == "text/html" and html is None:
            html = _part_text(part)
    return html_to_text(html) if html is not None else ""


def _header(message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except (ValueError, LookupError, email.errors.HeaderParseError):
        return str(value)


def buyer_words(body: str) -> str:
    """The buyer's own words: between the notification's Begin/End markers when it has them,
    else the body without quoted lines and signature."""
    begin = BEGIN.search(body)
    if begin:
        end = END.search(body, begin.end())
        return body[begin.end():end.start() if end else len(body)].strip()
    return _SIGNATURE.sub("", _QUOTED.sub("", body)).strip()


def product_line(body: str) -> str | None:
    """The product a notification names ("1 of Desk Lamp [ASIN: ...]", "Item: Desk Lamp")."""
    return next((m.group(1).strip() for p in _PRODUCT_LINES for m in [p.search(body)] if m), None)


def _from_email(raw: bytes, source: str) -> Incoming:
    # The compat32 parser: several times faster than email.policy.default on a big mbox.
    message = email.message_from_bytes(raw)
    subject = _header(message, "subject")
    body = _body(message)
    received = None
    date = _header(message, "date")
    if date:
        try:
            received = email.utils.parsedate_to_datetime(str(date))
        except (TypeError, ValueError):
            received = None
    product = product_line(body)
    order = _ORDER_LINE.search(body)
    order_id = order.group(1) if order else None
    if order_id is None:
        in_subject = re.search(r"order(?: id)?[ \t]*[:#]?[ \t]*([0-9][0-9-]{6,30}[0-9])", subject, re.I)
        order_id = in_subject.group(1) if in_subject else None
    return Incoming(buyer_words(body), received, order_id, product, subject or None, source)


def parse_time(value: str) -> dt.datetime | None:
    """An ISO date-time ("2026-11-20 14:30", "...T14:30:00+01:00", "...Z") or an email date."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def read_csv(text: str) -> list[Incoming]:
    """Rows of a CSV with a header: text (or message/body), received time, optional order ID."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(rows)
    except StopIteration:
        raise UsageError.of(N_("the CSV file is empty")) from None
    except csv.Error as exc:
        raise UsageError.of(N_("the CSV file cannot be read: {problem}"), problem=str(exc)) from None
    text_at = _column(header, TEXT_COLUMNS)
    if text_at is None:
        raise UsageError.of(N_("the CSV needs a column named one of {names}; its header is {header}"),
                            names=", ".join(TEXT_COLUMNS), header=", ".join(header))
    time_at, order_at = _column(header, TIME_COLUMNS), _column(header, ORDER_COLUMNS)
    out = []
    try:
        for number, row in enumerate(rows, 2):
            if not row or text_at >= len(row):
                continue
            received = None
            if time_at is not None and time_at < len(row) and row[time_at].strip():
                received = parse_time(row[time_at])
                if received is None:
                    raise UsageError.of(N_("CSV row {number}: {value} is not a date and time (use 2026-11-20 14:30)"),
                                        number=number, value=repr(row[time_at]))
            order_id = row[order_at].strip() or None if order_at is not None and order_at < len(row) else None
            out.append(Incoming(row[text_at], received, order_id, None, None, f"row {number}"))
    except csv.Error as exc:
        raise UsageError.of(N_("the CSV file cannot be read: {problem}"), problem=str(exc)) from None
    return out


def read_pasted(text: str) -> list[Incoming]:
    """Several messages pasted one after another, separated by a line of dashes (---)."""
    parts = _PASTE_SEPARATOR.split(text)
    return [Incoming(p.strip(), source=f"message {i}") for i, p in enumerate(parts, 1) if p.strip()]


def triage_all(messages: list[Incoming], marketplace: str | None = None) -> list[dict]:
    """Triage every message; the list comes sorted by reply deadline.

    Messages that need a reply come first, soonest deadline first (those without an
    arrival time after the dated ones, in upload order); messages needing none come last.
    """
    from .triage import triage
    out = []
    for position, message in enumerate(messages):
        result = triage(message.text, marketplace=marketplace, arrived=message.received)
        fields = dict(result["fields"])
        if message.order_id:
            fields["order_id"] = message.order_id
        if message.product:
            fields["product"] = message.product
        result["fields"] = fields
        result.update({"text": message.text, "source": message.source, "position": position,
                       "received": message.received.isoformat() if message.received else None,
                       "subject": message.subject})
        out.append(result)
    return sorted(out, key=_deadline_order)


def _deadline_order(result: dict):
    if not result["needs_reply"]:
        return (2, 0.0, result["position"])
    reply_by = result.get("reply_by")
    if reply_by is None:
        return (1, 0.0, result["position"])
    when = dt.datetime.fromisoformat(reply_by)
    if when.tzinfo is None:  # a naive time is local: compare it as such
        when = when.astimezone()
    return (0, when.timestamp(), result["position"])
