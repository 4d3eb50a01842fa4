"""Reading a whole inbox: mbox and .eml notification emails, CSV, pasted messages; sorted by deadline."""
from __future__ import annotations

import datetime as dt
import mailbox
import time
from pathlib import Path

import pytest

from policy.cli_input import UsageError
from policy.triage_data.mail_samples import sample_inbox
from policy.triage_inbox import kind_of, read_inbox, read_pasted, split_mbox, triage_all

DATA = Path(__file__).resolve().parents[1] / "data" / "triage_inbox"
UTC = dt.timezone.utc


def test_an_eml_notification_gives_the_buyer_words_order_product_and_time():
    [m] = read_inbox((DATA / "notification.eml").read_bytes(), "notification.eml")
    assert m.text.startswith("Hello, the tracking hasn’t moved since Thursday")
    assert "Begin message" not in m.text and "Order ID" not in m.text and m.text.endswith("Priya")
    assert m.order_id == "204-3391187-5560321"
    assert m.product == "Linen Table Runner, Sage Green"
    assert m.received == dt.datetime(2026, 11, 30, 7, 42, 10, tzinfo=UTC)


def test_an_mbox_splits_like_pythons_mailbox():
    data = (DATA / "notifications.mbox").read_bytes()
    assert len(split_mbox(data)) == len(mailbox.mbox(DATA / "notifications.mbox")) == 4
    messages = read_inbox(data, "notifications.mbox")
    by_order = {m.order_id: m for m in messages}
    html_only = by_order["112-5550192-7730011"]
    assert html_only.text.startswith("Please cancel my order")
    assert "From now on" in html_only.text  # the ">From " escape is undone
    assert by_order["112-9920001-3318840"].product == "Ceramic Planter 20cm"


def test_an_inbox_is_sorted_by_reply_deadline():
    results = triage_all(read_inbox((DATA / "notifications.mbox").read_bytes(), "x.mbox"))
    assert [r["needs_reply"] for r in results] == [True, True, True, False]
    deadlines = [r["reply_by"] for r in results if r["needs_reply"]]
    assert deadlines == sorted(deadlines)
    assert [r["fields"]["order_id"] for r in results] == [
        "112-4410987-2219903", "112-9920001-3318840", "112-5550192-7730011", "112-7781234-0045512"]
    assert results[0]["intent"] == "invoice_or_billing" and results[2]["intent"] == "cancel_or_change_order"
    assert results[0]["fields"] == {"order_id": "112-4410987-2219903", "product": "Wool Throw Blanket"}
    assert results[0]["reply_by"] == "2026-11-29T22:00:00+00:00"


def test_a_csv_with_text_time_and_optional_order():
    messages = read_inbox((DATA / "messages.csv").read_bytes(), "messages.csv")
    assert [m.order_id for m in messages] == ["112-1111111-2222222", "112-3333333-4444444", None]
    assert messages[1].received == dt.datetime(2026, 11, 29, 10, tzinfo=UTC)
    results = triage_all(messages)
    assert results[0]["intent"] == "where_is_my_order" and results[-1]["needs_reply"] is False


def test_csv_problems_are_named():
    with pytest.raises(UsageError, match="needs a column named one of text"):
        read_inbox(b"note,when\nhi,2026-11-30\n", "x.csv")
    with pytest.raises(UsageError, match="row 2: 'yesterday' is not a date"):
        read_inbox(b"text,received\nhi,yesterday\n", "x.csv")
    with pytest.raises(UsageError, match="not UTF-8"):
        read_inbox(b"text\n\xff\xfe\n", "x.csv")


def test_pasted_messages_are_split_on_a_line_of_dashes():
    messages = read_pasted((DATA / "pasted.txt").read_text(encoding="utf-8"))
    assert [m.text[:10] for m in messages] == ["Hi, where ", "Thanks so ", "I'd like t"]
    assert read_pasted("one message\nwith two lines") [0].text == "one message\nwith two lines"


def test_the_format_is_read_from_the_name_or_the_content():
    assert kind_of("a.MBOX", b"") == "mbox" and kind_of("x.eml", b"") == "eml" and kind_of("x.csv", b"") == "csv"
    assert kind_of(None, b"From a@b Mon Nov 30 09:00:00 2026\n") == "mbox"
    assert kind_of(None, b"From: a@b\nSubject: x\n\nhi") == "eml"
    assert kind_of(None, b"where is it?") == "text"


def test_not_an_mbox():
    with pytest.raises(UsageError, match="not an mbox"):
        read_inbox(b"hello", "x.mbox")


def test_messages_without_a_time_come_after_the_dated_ones():
    messages = read_pasted("where is my order?\n---\nthanks!\n---\ncan I return it?")
    results = triage_all(messages)
    assert [r["needs_reply"] for r in results] == [True, True, False]
    assert [r["position"] for r in results] == [0, 2, 1]


def test_a_thousand_notifications_are_all_triaged():
    """All of them, in order. The 5 s target is benchmarks/triage_speed.py's to measure (about
    3.3 s of CPU here); this bound only catches something gone quadratic."""
    data = sample_inbox(1000, start=dt.datetime(2026, 11, 30, tzinfo=UTC))
    started = time.process_time()
    results = triage_all(read_inbox(data, "inbox.mbox"))
    assert len(results) == 1000
    assert time.process_time() - started < 30.0


def test_pasted_messages_from_a_form_with_crlf_line_ends():
    assert len(read_pasted("where is it?\r\n---\r\nthanks!\r\n")) == 2
