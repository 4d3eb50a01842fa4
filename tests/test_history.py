"""Review-request history: migrations, record/409/400, CSRF, CSV, delete, concurrency, the API's repeat block."""
from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from app import create_app
from web import history
from web.migrations import MigrationError, migrate, migrations

ORDER = "112-1234567-1234567"
OTHER = "113-7654321-7654321"


def token(client) -> str:
    html = client.get("/history").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def record(client, order_id=ORDER, template="review-request", csrf=None):
    headers = {"X-CSRFToken": csrf if csrf is not None else token(client)}
    return client.post("/history/record", json={"order_id": order_id, "template": template}, headers=headers)


def rows(app):
    conn = sqlite3.connect(app.config["DATABASE"])
    try:
        return conn.execute("SELECT order_id, template, requested_on FROM review_request").fetchall()
    finally:
        conn.close()


# ------------------------------------------------------------------ migrations

def test_database_is_created_and_migrated_at_start(app):
    conn = sqlite3.connect(app.config["DATABASE"])
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert versions == [m.version for m in migrations()] and versions[0] == 1
    assert {"schema_version", "review_request"} <= tables


def test_migrate_is_idempotent_and_applies_only_new_steps(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "001_first.sql").write_text("CREATE TABLE a (x INTEGER);\n")
    db = tmp_path / "db.sqlite3"
    assert migrate(db, folder) == 1
    assert migrate(db, folder) == 1  # nothing pending: the CREATE does not run twice
    (folder / "002_second.sql").write_text("-- add a column\nALTER TABLE a ADD COLUMN y TEXT;\n")
    assert migrate(db, folder) == 2
    conn = sqlite3.connect(db)
    assert [r[1] for r in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]
    conn.close()


def test_failing_migration_is_rolled_back_and_named(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "001_ok.sql").write_text("CREATE TABLE a (x INTEGER);\n")
    (folder / "002_bad.sql").write_text("CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);\n")
    db = tmp_path / "db.sqlite3"
    with pytest.raises(MigrationError, match="002_bad.sql"):
        migrate(db, folder)
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "b" not in tables and "a" not in tables  # one transaction: nothing half-applied


@pytest.mark.parametrize("names,problem", [
    (["001_a.sql", "003_c.sql"], "no gaps"),
    (["001_a.sql", "001_b.sql"], "also used"),
    (["1_a.sql"], "NNN_name.sql"),
])
def test_misnamed_migrations_are_refused(tmp_path, names, problem):
    for name in names:
        (tmp_path / name).write_text("SELECT 1;\n")
    with pytest.raises(MigrationError, match=problem):
        migrations(tmp_path)


def test_schema_refuses_malformed_order_ids(app):
    conn = sqlite3.connect(app.config["DATABASE"])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO review_request (order_id, template, requested_on) "
                     "VALUES ('12-3', 'review-request', '2026-11-20')")
    conn.close()


# ------------------------------------------------------------------ record

def test_first_copy_is_recorded_second_is_refused(client, app):
    first = record(client)
    assert first.status_code == 201
    body = first.get_json()
    assert body["recorded"] is True and re.fullmatch(r"\d{4}-\d{2}-\d{2}", body["requested_on"])
    second = record(client)
    assert second.status_code == 409
    again = second.get_json()
    assert again["first_requested_on"] == body["requested_on"]
    assert ORDER in again["error"] and body["requested_on"] in again["error"]
    assert rows(app) == [(ORDER, "review-request", body["requested_on"])]


def test_order_id_is_trimmed(client, app):
    assert record(client, order_id=f"  {ORDER} ").status_code == 201
    assert rows(app)[0][0] == ORDER


@pytest.mark.parametrize("order_id", ["", "112-123456-1234567", "1121234567-1234567", "abc-defghij-klmnopq",
                                      "112-1234567-12345678", None, 1121234567, "１１２-1234567-1234567"])
def test_bad_order_id_is_400(client, app, order_id):
    response = record(client, order_id=order_id)
    assert response.status_code == 400
    assert "3-7-7" in response.get_json()["error"]
    assert rows(app) == []


@pytest.mark.parametrize("template", ["reply-product-question", "nope", None, ""])
def test_only_review_request_templates_are_recorded(client, app, template):
    response = record(client, template=template)
    assert response.status_code == 400
    assert rows(app) == []


@pytest.mark.parametrize("data", [b"not json", b"[1, 2]", b""])
def test_malformed_body_is_400(client, data):
    response = client.post("/history/record", data=data, content_type="application/json",
                           headers={"X-CSRFToken": token(client)})
    assert response.status_code == 400
    assert "error" in response.get_json()


def test_record_needs_the_csrf_header(client, app):
    response = client.post("/history/record", json={"order_id": ORDER, "template": "review-request"})
    assert response.status_code == 400
    assert record(client, csrf="forged").status_code == 400
    assert rows(app) == []


def test_oversized_body_is_413(client):
    response = client.post("/history/record", data=b"{" + b" " * 200_000 + b"}",
                           content_type="application/json", headers={"X-CSRFToken": token(client)})
    assert response.status_code == 413


def test_only_ids_and_dates_are_stored(client, app):
    client.post("/history/record", json={"order_id": ORDER, "template": "review-request",
                                         "text": "Hi Jane Doe, please review", "buyer_name": "Jane Doe"},
                headers={"X-CSRFToken": token(client)})
    dump = "\n".join(sqlite3.connect(app.config["DATABASE"]).iterdump())
    assert "Jane" not in dump and "please review" not in dump
    columns = [r[1] for r in sqlite3.connect(app.config["DATABASE"]).execute("PRAGMA table_info(review_request)")]
    assert columns == ["id", "marketplace", "order_id", "template", "requested_on"]


def test_concurrent_copies_record_exactly_one_row(app):
    """Two tabs (here: eight threads) copying the same order at once: one 201, the rest 409."""
    client = app.test_client()
    csrf = token(client)
    n = 8
    barrier = threading.Barrier(n)
    statuses: list[int] = []
    lock = threading.Lock()

    def tab():
        c = app.test_client()
        with client.session_transaction() as shared, c.session_transaction() as own:
            own.update(shared)  # same browser session, so the same CSRF token is valid
        barrier.wait()
        status = c.post("/history/record", json={"order_id": ORDER, "template": "review-request"},
                        headers={"X-CSRFToken": csrf}).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=tab) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(statuses) == [201] + [409] * (n - 1)
    assert len(rows(app)) == 1


# ------------------------------------------------------------------ previous_request_on and /api/check

def test_previous_request_on(app, client):
    with app.test_request_context():
        assert history.previous_request_on(ORDER) is None
        assert history.previous_request_on("not an id") is None
    day = record(client).get_json()["requested_on"]
    with app.test_request_context():
        assert history.previous_request_on(ORDER) == day
        assert history.previous_request_on(f" {ORDER} ") == day
        assert history.previous_request_on(OTHER) is None


def test_check_blocks_a_second_request_for_the_same_order(client):
    body = {"text": "Hello, we hope you enjoy your order. If you have a moment, we would welcome your honest review.",
            "template": "review-request", "context": {"order_id": ORDER}}
    before = client.post("/api/check", json=body).get_json()
    assert not any(f["category"] == "repeat_request" for f in before["findings"])
    record(client)
    after = client.post("/api/check", json=body).get_json()
    repeat = [f for f in after["findings"] if f["category"] == "repeat_request"]
    assert repeat and repeat[0]["severity"] == "block" and after["ok"] is False
    other = dict(body, context={"order_id": OTHER})
    assert not any(f["category"] == "repeat_request"
                   for f in client.post("/api/check", json=other).get_json()["findings"])


# ------------------------------------------------------------------ page, CSV, delete

def test_history_page_lists_records(client):
    assert "No review requests recorded yet" in client.get("/history").get_data(as_text=True)
    record(client)
    record(client, order_id=OTHER)
    html = client.get("/history").get_data(as_text=True)
    assert ORDER in html and OTHER in html and "review-request" in html
    assert "2 review requests recorded" in html
    assert html.count('name="csrf_token"') >= 3  # each delete form and the clear form


def test_csv_export(client):
    record(client)
    record(client, order_id=OTHER)
    response = client.get("/history.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert table[0] == ["marketplace", "order_id", "template", "requested_on"]
    assert sorted(r[1] for r in table[1:]) == sorted([ORDER, OTHER])
    assert all(r[0] == "amazon" and r[2] == "review-request" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[3])
               for r in table[1:])


def test_csv_export_when_empty_has_only_the_header(client):
    assert client.get("/history.csv").get_data(as_text=True) == "marketplace,order_id,template,requested_on\r\n"


def test_delete_one_asks_first_then_deletes(client, app):
    record(client)
    record(client, order_id=OTHER)
    csrf = token(client)
    ask = client.post("/history/delete", data={"order_id": ORDER, "csrf_token": csrf})
    assert ask.status_code == 200
    assert f"Delete the record for Amazon order {ORDER}?" in ask.get_data(as_text=True)
    assert len(rows(app)) == 2
    done = client.post("/history/delete", data={"order_id": ORDER, "confirm": "yes", "csrf_token": csrf})
    assert done.status_code == 303 and done.headers["Location"].endswith("/history")
    assert [r[0] for r in rows(app)] == [OTHER]
    assert f"Deleted the record for order {ORDER}" in client.get("/history").get_data(as_text=True)
    assert record(client).status_code == 201  # a new request is possible again


def test_delete_all_asks_first_then_deletes(client, app):
    record(client)
    record(client, order_id=OTHER)
    csrf = token(client)
    ask = client.post("/history/clear", data={"csrf_token": csrf})
    assert "Delete all 2 records?" in ask.get_data(as_text=True)
    assert len(rows(app)) == 2
    client.post("/history/clear", data={"confirm": "yes", "csrf_token": csrf})
    assert rows(app) == []


@pytest.mark.parametrize("path,data", [
    ("/history/delete", {"order_id": ORDER, "confirm": "yes"}),
    ("/history/clear", {"confirm": "yes"}),
])
def test_deleting_needs_the_csrf_token(client, app, path, data):
    record(client)
    assert client.post(path, data=data).status_code == 400
    assert client.post(path, data=dict(data, csrf_token="forged")).status_code == 400
    assert len(rows(app)) == 1


def test_delete_with_a_bad_order_id_is_400(client):
    response = client.post("/history/delete", data={"order_id": "x", "confirm": "yes", "csrf_token": token(client)})
    assert response.status_code == 400


def test_database_path_comes_from_config(tmp_path):
    path = tmp_path / "nested" / "dir" / "custom.sqlite3"
    create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(path)})
    assert Path(path).is_file()


def test_unusable_database_path_fails_at_start_naming_it(tmp_path):
    folder = tmp_path / "a-directory"
    folder.mkdir()
    with pytest.raises(MigrationError, match="cannot open the history database at .*a-directory"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(folder)})


def test_a_review_ask_inside_another_template_is_recorded_and_blocks_a_second(client, app):
    """Issue 7 item 4 (page side): a review request written into a reply counts as one."""
    text = ("Hello Sam, your order 112-1234567-1234567 is on its way with DHL. "
            "We would appreciate an honest review once it arrives.")
    headers = {"X-CSRFToken": token(client)}
    state = client.post("/api/compose", json={"template": "reply-where-is-my-order", "text": text,
                                              "edited": True, "fields": {"order_id": ORDER}}).get_json()
    assert state["records_review"] is True
    response = client.post("/history/record", headers=headers,
                           json={"order_id": ORDER, "template": "reply-where-is-my-order", "text": text})
    assert response.status_code == 201
    assert rows(app)[0][:2] == (ORDER, "reply-where-is-my-order")
    # The same template without a review ask is not a review request: not recorded.
    plain = "Hello Sam, your order is on its way with DHL."
    assert client.post("/api/compose", json={"template": "reply-where-is-my-order", "text": plain,
                                             "edited": True, "fields": {}}).get_json()["records_review"] is False
    refused = client.post("/history/record", headers=headers,
                          json={"order_id": "113-1234567-1234567", "template": "reply-where-is-my-order",
                                "text": plain})
    assert refused.status_code == 400 and len(rows(app)) == 1


def test_migration_003_keys_history_by_marketplace_and_keeps_existing_rows(tmp_path):
    """Issue 8 item 6: a database from before marketplaces keeps its rows, now Amazon's."""
    db = tmp_path / "old.sqlite3"
    folder = tmp_path / "before"
    folder.mkdir()
    for step in migrations()[:2]:
        (folder / step.path.name).write_text(step.path.read_text())
    assert migrate(db, folder) == 2
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO review_request (order_id, template, requested_on) "
                 "VALUES ('112-1234567-1234567', 'review-request', '2026-11-20')")
    conn.commit()
    conn.close()
    assert migrate(db) == len(migrations())
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT marketplace, order_id, template, requested_on FROM review_request").fetchall() == [
        ("amazon", "112-1234567-1234567", "review-request", "2026-11-20")]
    # The same order number on another marketplace is another order; on the same one, refused.
    conn.execute("INSERT INTO review_request (marketplace, order_id, template, requested_on) "
                 "VALUES ('ebay', '112-1234567-1234567', 'x', '2026-11-21')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO review_request (marketplace, order_id, template, requested_on) "
                     "VALUES ('amazon', '112-1234567-1234567', 'x', '2026-11-21')")
    conn.close()


def test_history_page_and_csv_name_each_records_marketplace(client):
    record(client)
    html = client.get("/history").get_data(as_text=True)
    assert '<th scope="col">Marketplace</th>' in html
    assert 'data-marketplace="amazon">Amazon</td>' in html
    assert 'name="marketplace" value="amazon"' in html
    assert client.get("/history.csv").get_data(as_text=True).splitlines()[1].startswith(f"amazon,{ORDER},")


def test_record_names_an_unknown_marketplace(client, app):
    response = client.post("/history/record", headers={"X-CSRFToken": token(client)},
                           json={"order_id": ORDER, "template": "review-request", "marketplace": "nowhere"})
    assert response.status_code == 400 and "nowhere" in response.get_json()["error"]
    assert rows(app) == []


def test_history_page_and_csv_filter_by_marketplace(client, app):
    with app.test_request_context():
        history.record_request(ORDER, "review-request", marketplace="amazon")
        history.record_request("12-34567-89012", "feedback-request", marketplace="ebay")
    everything = client.get("/history").get_data(as_text=True)
    assert ORDER in everything and "12-34567-89012" in everything
    assert '<select id="history-only" name="only"' in everything
    assert '<option value="ebay">eBay</option>' in everything
    ebay = client.get("/history?only=ebay")
    html = ebay.get_data(as_text=True)
    assert ebay.status_code == 200 and "12-34567-89012" in html and ORDER not in html
    assert '<option value="ebay" selected>' in html
    assert 'href="/history.csv?only=ebay"' in html
    # The filter is not the marketplace choice: the page is still Amazon's, nothing remembered.
    assert "marketplace=" not in ebay.headers.get("Set-Cookie", "")
    table = list(csv.reader(io.StringIO(client.get("/history.csv?only=ebay").get_data(as_text=True))))
    assert table[1:] == [["ebay", "12-34567-89012", "feedback-request", table[1][3]]]
    assert "review-requests-ebay.csv" in client.get("/history.csv?only=ebay").headers["Content-Disposition"]
    assert len(list(csv.reader(io.StringIO(client.get("/history.csv").get_data(as_text=True))))) == 3
    walmart = client.get("/history?only=walmart").get_data(as_text=True)
    assert "No review requests recorded for Walmart." in walmart


@pytest.mark.parametrize("path", ["/history?only=nowhere", "/history.csv?only=nowhere", "/history?only=%3Cb%3E"])
def test_history_filter_names_an_unknown_marketplace(client, path):
    response = client.get(path)
    assert response.status_code == 400 and "<b>" not in response.get_data(as_text=True)
