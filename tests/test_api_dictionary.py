"""POST /api/dictionary: the seller's own words for the spelling check, kept in the instance
folder; CSRF-protected (it changes state), 400 on anything but one word; a word added is no
longer flagged by /api/check, /api/compose or the CLI reading the same file."""
from __future__ import annotations

import re

import pytest

from policy.cli_check import main as cli_main

TEXT = "Your quillowette blanket ships today with the cushion.\n"


def token(client) -> str:
    html = client.get("/compose").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def add(client, word, csrf=None):
    headers = {"X-CSRFToken": csrf if csrf is not None else token(client)}
    return client.post("/api/dictionary", json={"word": word}, headers=headers)


def spelling_words(client, text=TEXT):
    body = client.post("/api/check", json={"text": text, "marketplace": "amazon"}).get_json()
    return [f["excerpt"] for f in body["findings"] if f["category"] == "spelling"]


def test_a_word_added_is_no_longer_flagged(client, app, tmp_path):
    assert spelling_words(client) == ["quillowette"]
    response = add(client, "Quillowette")
    assert response.status_code == 201
    assert response.get_json() == {"word": "Quillowette", "added": True}
    assert spelling_words(client) == []
    assert (tmp_path / "dictionary.txt").read_text(encoding="utf-8") == "Quillowette\n"
    again = add(client, "quillowette")
    assert again.status_code == 200 and again.get_json()["added"] is False
    assert (tmp_path / "dictionary.txt").read_text(encoding="utf-8") == "Quillowette\n"


def test_the_composer_offers_add_to_dictionary_and_drops_the_warning_after(client):
    body = {"text": TEXT, "edited": True, "marketplace": "amazon"}
    state = client.post("/api/compose", json=body).get_json()
    card = next(c for c in state["cards"] if c["category"] == "spelling")
    assert {"action": "add-word", "word": "quillowette"}.items() <= card["fixes"][-1].items()
    assert state["copy"]["allowed"]  # a warning: Copy stays open
    assert add(client, card["fixes"][-1]["word"]).status_code == 201
    state = client.post("/api/compose", json=body).get_json()
    assert not [c for c in state["cards"] if c["category"] == "spelling"]


def test_without_the_csrf_token_nothing_is_added(client, tmp_path):
    response = client.post("/api/dictionary", json={"word": "quillowette"})
    assert response.status_code == 400 and "error" in response.get_json()
    assert add(client, "quillowette", csrf="forged").status_code == 400
    assert not (tmp_path / "dictionary.txt").exists()
    assert spelling_words(client) == ["quillowette"]


@pytest.mark.parametrize("word", ["", "   ", "two words", "XR200", "a" * 41, "<b>", "hello!", None, 42,
                                  ["list"]])
def test_anything_but_one_word_is_a_400_with_a_message(client, word, tmp_path):
    response = add(client, word)
    assert response.status_code == 400
    assert response.get_json()["error"]
    assert not (tmp_path / "dictionary.txt").exists()


def test_a_body_that_is_not_a_json_object_is_a_400(client):
    csrf = token(client)
    response = client.post("/api/dictionary", data="word", headers={"X-CSRFToken": csrf,
                                                                    "Content-Type": "application/json"})
    assert response.status_code == 400 and response.get_json()["error"]


def test_the_cli_reads_the_same_list(client, tmp_path, capsys):
    message = tmp_path / "message.txt"
    message.write_text(TEXT, encoding="utf-8")
    assert add(client, "quillowette").status_code == 201
    assert cli_main(["--format", "json", "--dictionary", str(tmp_path / "dictionary.txt"), str(message)]) == 0
    assert "spelling" not in capsys.readouterr().out
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert cli_main(["--format", "json", "--dictionary", str(tmp_path / "empty.txt"), str(message)]) == 0
    assert "quillowette" in capsys.readouterr().out
    assert cli_main(["--format", "json", "--dictionary", str(tmp_path / "none.txt"), str(message)]) == 2
    assert "--dictionary" in capsys.readouterr().err
