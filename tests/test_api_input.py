"""Bad input never gets a 500, a hang or a leak: nesting, chunked bodies, far dates, access logs."""
from __future__ import annotations

import io
import logging
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from web.security import RedactQueryStrings

ROOT = Path(__file__).resolve().parents[1]
DEEP = "[" * 10_000
ORDER = "112-1234567-1234567"


def csrf_token(client, url="/compose"):
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


@pytest.mark.parametrize("path", ["/api/check", "/api/triage", "/api/plain-text", "/history/record"])
@pytest.mark.parametrize("body", [DEEP, '{"text": "hi", "context": ' + DEEP + "}"])
def test_deeply_nested_json_is_400_with_a_message(client, path, body):
    headers = {"X-CSRFToken": csrf_token(client)}
    response = client.post(path, data=body, content_type="application/json", headers=headers)
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["error"]


def chunked_post(client, path, body: bytes, content_type="application/json"):
    return client.post(path, input_stream=io.BytesIO(body), content_type=content_type,
                       headers={"Transfer-Encoding": "chunked"},
                       environ_overrides={"wsgi.input_terminated": True})


def test_chunked_body_over_the_limit_is_413_not_cut(client):
    response = chunked_post(client, "/api/check", b'{"text": "' + b"a" * 70_000 + b'"}')
    assert response.status_code == 413
    assert "limit" in response.get_json()["error"]


def test_chunked_body_under_the_limit_is_read_whole(client):
    response = chunked_post(client, "/api/check", b'{"text": "Thanks for your order."}')
    assert response.status_code == 200
    assert response.get_json()["ok"] is True


def test_chunked_form_post_over_the_limit_is_413(client):
    response = chunked_post(client, "/compose", b"message=" + b"a" * 70_000,
                            content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413


@pytest.mark.parametrize("key", ["delivered_on", "delivered_latest", "today"])
@pytest.mark.parametrize("value", ["9999-12-02", "9999-12-31"])
def test_delivery_date_past_9999_12_01_is_400_naming_the_field(client, key, value):
    context = {"order_id": ORDER, "delivered_on": "2026-11-02", key: value}
    response = client.post("/api/check", json={"text": "Hi", "template": "review-request",
                                               "context": context})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error.startswith("context") and key in error and "9998-12-31" in error


def test_latest_accepted_date_is_checked(client):
    response = client.post("/api/check", json={"text": "Hi", "template": "review-request", "context": {
        "order_id": ORDER, "delivered_on": "9998-12-31", "delivered_latest": "9998-12-31"}})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["2026-02-30", "2026-W45-1", "20261102"])
def test_impossible_or_odd_dates_are_400(client, value):
    response = client.post("/api/check", json={"text": "Hi", "context": {"delivered_on": value}})
    assert response.status_code == 400
    assert "delivered_on" in response.get_json()["error"]


def test_form_with_a_far_delivery_date_names_the_field_and_keeps_everything(client):
    token = csrf_token(client, "/compose/review-request")
    response = client.post("/compose/review-request", data={
        "csrf_token": token, "order_id": ORDER, "delivered_on": "9999-12-31", "seller_name": "Hollow Oak",
        "buyer_name": "Sam", "action": "check-fields"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    error = re.search(r'id="delivered_on-error">([^<]*)<', html).group(1)
    assert "Delivered on" in error and "9998-12-31" in error
    assert 'value="9999-12-31"' in html and "Hollow Oak" in html


# ---------------------------------------------------------------- access logs

def test_redaction_takes_the_whole_decoded_query_whatever_it_holds():
    line = f'GET /compose/x?buyer_name=Jane"JR" Roe&order_id={ORDER} HTTP/1.1'
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - "%s" %s %s',
                               ("127.0.0.1", line, "200", "-"), None)
    RedactQueryStrings().filter(record)
    message = record.getMessage()
    assert ORDER not in message and "Roe" not in message and "JR" not in message
    assert '"GET /compose/x?[redacted] HTTP/1.1" 200' in message


def test_gunicorn_request_line_and_referer_with_quotes_are_redacted():
    atoms = {"r": f'GET /x?a="b" c&order_id={ORDER} HTTP/1.1', "q": f"order_id={ORDER}",
             "f": f"http://host/x?order_id={ORDER}", "s": "200"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1,
                               '"%(r)s" %(q)s "%(f)s" %(s)s', (atoms,), None)
    RedactQueryStrings().filter(record)
    assert ORDER not in record.getMessage()
    assert '"GET /x?[redacted] HTTP/1.1"' in record.getMessage()


def test_dev_server_access_log_keeps_no_query(app, caplog):
    """Werkzeug's own request logging (it decodes %22 and %20 before logging)."""
    caplog.set_level(logging.INFO, logger="werkzeug")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = (f"http://127.0.0.1:{server.server_port}/compose/review-request"
               f"?buyer_name=Jane%22JR%22%20Roe&order_id={ORDER}")
        assert urllib.request.urlopen(url, timeout=10).status == 200
    finally:
        server.shutdown()
    assert "/compose/review-request?[redacted] HTTP/1.1" in caplog.text
    assert ORDER not in caplog.text and "Roe" not in caplog.text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_bin_run_starts_gunicorn_whose_access_log_is_redacted(tmp_path):
    port = _free_port()
    env = dict(os.environ, PORT=str(port), WORKERS="1", SECRET_KEY="run-test",
               DATABASE=str(tmp_path / "history.sqlite3"))
    log = tmp_path / "run.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(ROOT / "bin" / "run")], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/compose/review-request?buyer_name=Jane%22JR%22Roe&order_id={ORDER}"
        deadline = time.monotonic() + 150  # pip's check and gunicorn's start on a busy machine
        while True:
            try:
                assert urllib.request.urlopen(url, timeout=2).status == 200
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.3)
        for _ in range(100):  # let the access line reach the log
            if "GET /compose/review-request" in log.read_text():
                break
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    text = log.read_text()
    assert "gunicorn" in text.lower()
    assert '"GET /compose/review-request?[redacted] HTTP/1.1" 200' in text
    assert ORDER not in text and "Roe" not in text


# ---------------------------------------------------------------- the CLI

def test_cli_deeply_nested_context_and_jsonl_exit_2_without_traceback(tmp_path, capsys):
    from policy import cli_check, cli_triage

    message = tmp_path / "m.txt"
    message.write_text("Thanks for your order.")
    assert cli_check.main(["--context", DEEP, str(message)]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": 1, "text": ' + DEEP + "}\n")
    assert cli_check.main(["--jsonl", str(deep)]) == 2
    assert "deep.jsonl:1: JSON nested too deeply" in capsys.readouterr().err
    assert cli_triage.main(["--jsonl", str(deep)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["9999-12-02", "9999-12-31"])
def test_cli_far_delivery_date_exits_2_naming_the_field(tmp_path, capsys, value):
    from policy import cli_check

    message = tmp_path / "m.txt"
    message.write_text("We would appreciate an honest review.")
    context = '{"order_id": "%s", "delivered_on": "%s"}' % (ORDER, value)
    assert cli_check.main(["--template", "review-request", "--context", context, str(message)]) == 2
    err = capsys.readouterr().err
    assert "delivered_on" in err and "Traceback" not in err
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": 1, "text": "Hi", "context": {"delivered_latest": "%s"}}\n' % value)
    assert cli_check.main(["--jsonl", str(lines)]) == 2
    assert "delivered_latest" in capsys.readouterr().err
