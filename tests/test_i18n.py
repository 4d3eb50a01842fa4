"""The interface locale (issue 10): chosen by ?locale=, remembered, Accept-Language, default
English; findings in the seller's locale, replacements in the message's language."""
from __future__ import annotations

import io
import json
import re

import pytest

import policy
from policy import cli_check
from policy.localize import _rule_prose, locale_pack, localize
from policy.policyfile import PolicyError

INDUCEMENT = "Leave a 5-star review and we will send you a $10 gift card."
CJK = re.compile(r"[\u4e00-\u9fff]")


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_default_is_english(client):
    html = client.get("/").get_data(as_text=True)
    assert html_lang(html) == "en"
    assert "Template library" in html and not CJK.search(html.split("locale-switch")[0])


def test_query_chooses_zh_and_a_cookie_remembers_it(client):
    first = client.get("/?locale=zh")
    html = first.get_data(as_text=True)
    assert html_lang(html) == "zh-Hans"
    assert "模板库" in html
    assert "locale=zh" in first.headers["Set-Cookie"]
    again = client.get("/compose").get_data(as_text=True)  # no ?locale=: the cookie holds it
    assert html_lang(again) == "zh-Hans" and "空白消息" in again
    back = client.get("/compose?locale=en").get_data(as_text=True)
    assert html_lang(back) == "en" and "Blank message" in back


def test_accept_language_is_used_when_nothing_is_chosen(client):
    html = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert html_lang(html) == "zh-Hans"
    html = client.get("/", headers={"Accept-Language": "fr-FR,de;q=0.8"}).get_data(as_text=True)
    assert html_lang(html) == "en"


def test_unknown_locale_on_a_page_falls_back_quietly(client):
    response = client.get("/?locale=xx")
    assert response.status_code == 200 and html_lang(response.get_data(as_text=True)) == "en"
    assert "locale=" not in response.headers.get("Set-Cookie", "")


def test_every_page_has_the_locale_control_keeping_only_safe_arguments(client):
    for url in ("/", "/compose", "/triage", "/history", "/no-such-page"):
        html = client.get(url + "?text=buyer+secret").get_data(as_text=True)
        control = re.search(r'<nav class="locale-switch".*?</nav>', html, re.S).group(0)
        assert 'hreflang="zh-Hans"' in control and 'hreflang="en"' in control, url
        assert "secret" not in control, url


def test_error_page_in_zh(client):
    response = client.get("/compose/no-such-template?locale=zh")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "找不到页面" in html and "no-such-template" in html


def test_api_check_answers_in_the_locale_and_keeps_replacements_english(client):
    en = client.post("/api/check", json={"text": INDUCEMENT}).get_json()
    zh = client.post("/api/check", json={"text": INDUCEMENT, "locale": "zh"}).get_json()
    assert zh["locale"] == "zh" and en["locale"] == "en"
    # The locale never changes what is checked: same rules, spans, severities, replacements.
    shape = lambda fs: [(f["rule"], f["start"], f["end"], f["severity"], f["replacements"]) for f in fs]  # noqa: E731
    assert shape(en["findings"]) == shape(zh["findings"]) and en["findings"]
    for finding in zh["findings"]:
        assert CJK.search(finding["message"]) and CJK.search(finding["source"])
        assert all(CJK.search(s) for s in finding["suggestions"])
        assert not any(CJK.search(r) for r in finding["replacements"])
    assert any(f["replacements"] for f in zh["findings"])


@pytest.mark.parametrize("locale", ["xx", 5, "", "zh;drop"])
def test_api_check_refuses_an_unknown_locale(client, locale):
    response = client.post("/api/check", json={"text": "Hello", "locale": locale})
    assert response.status_code == 400 and "locale" in response.get_json()["error"]


def test_cli_takes_a_locale(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(INDUCEMENT))
    assert cli_check.main(["--locale", "zh", "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    findings = out["files"][0]["findings"]
    assert findings and all(CJK.search(f["message"]) for f in findings)


def test_cli_refuses_an_unknown_locale(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("Hello"))
    assert cli_check.main(["--locale", "klingon"]) == 2
    assert "--locale" in capsys.readouterr().err


def test_check_time_values_go_into_the_translation():
    result = policy.check_message("x " * 1100, marketplace="amazon")
    too_long = [f for f in localize(result.findings, "amazon", "zh") if f.rule == "length.too-long"]
    assert too_long and "2200" in too_long[0].message and CJK.search(too_long[0].message)
    early = policy.check("Could you leave a review of the item?", marketplace="amazon", template=None,
                         context={"order_id": "112-1234567-1234567", "delivered_on": "2026-11-02",
                                  "today": "2026-11-03"})
    window = [f for f in localize(early, "amazon", "zh") if f.rule == "timing.review-window"]
    assert window and "2026-11-07" in window[0].message and "太早" in window[0].message


def test_language_findings_name_languages_in_the_locale():
    result = policy.check_message("Olá, obrigado pelo seu pedido. Enviaremos o pacote amanhã de manhã.",
                                  marketplace="amazon")
    zh = localize(result.findings, "amazon", "zh")
    assert zh and "葡萄牙语" in zh[0].message and "英语" in zh[0].source


@pytest.mark.parametrize("table, problem", [
    ({"message": "没有占位符"}, "placeholders"),
    ({"mesage": "拼错的字段"}, "unknown field"),
    ({"suggestions": ["一条", "两条", "三条"]}, "suggestions"),
    ({"message_early": "这条规则没有这个变体"}, "unknown field"),
])
def test_a_malformed_translation_is_refused_naming_file_and_rule(table, problem, tmp_path):
    rule = next(r for r in policy.load_policy("amazon").rules if r.id == "length.too-long")
    with pytest.raises(PolicyError) as caught:
        _rule_prose(rule, table, tmp_path / "messages.zh.toml", {})
    assert "length.too-long" in str(caught.value) and problem in str(caught.value)
    assert "messages.zh.toml" in str(caught.value)


def test_a_translation_for_no_rule_is_refused(tmp_path, monkeypatch):
    import policy.localize as localize_module
    folder = tmp_path / "common"
    folder.mkdir()
    (folder / "rules.toml").write_text("")
    (folder / "messages.zh.toml").write_text('[rules."no.such-rule"]\nmessage = "无"\n')
    monkeypatch.setattr(localize_module, "shared_folder", lambda name, root: folder)
    locale_pack.cache_clear()
    try:
        with pytest.raises(PolicyError, match="no.such-rule"):
            locale_pack("amazon", "zh")
    finally:
        locale_pack.cache_clear()


GERMAN_INDUCEMENT = "Bitte hinterlassen Sie uns eine 5-Sterne-Bewertung, dafür erstatten wir Ihnen 10 Euro."


def test_a_german_rule_explains_in_zh_and_replaces_in_german(client):
    zh = client.post("/api/check", json={"text": GERMAN_INDUCEMENT, "locale": "zh"}).get_json()
    german = [f for f in zh["findings"] if f["rule"].endswith("-de")]
    assert zh["language"] == "de" and german
    for finding in german:
        assert CJK.search(finding["message"]) and CJK.search(finding["source"]), finding["rule"]
        assert all(CJK.search(s) for s in finding["suggestions"]), finding["rule"]
        assert not any(CJK.search(r) for r in finding["replacements"])
    swapped = [f for f in german if f["replacements"]]
    assert swapped and "ehrliche" in swapped[0]["replacements"][0]


@pytest.mark.parametrize("content, problem", [
    ('[rules."no.such-rule"]\nmessage = "无"\n', "no.such-rule"),
    ('[wording]\nmarketplace = "别处"\n', "wording"),
    ('[rules."inducement.money-for-review-de"]\nmessage = "少了{date}"\n', "placeholders"),
])
def test_a_language_folder_translation_is_validated(tmp_path, monkeypatch, content, problem):
    import shutil

    import policy.localize as localize_module
    folder = tmp_path / "common"
    (folder / "de").mkdir(parents=True)
    shutil.copy(localize_module.POLICY_ROOT / "common" / "de" / "rules.toml", folder / "de" / "rules.toml")
    (folder / "de" / "messages.zh.toml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(localize_module, "shared_folder", lambda name, root: folder)
    locale_pack.cache_clear()
    try:
        with pytest.raises(PolicyError, match=problem) as caught:
            locale_pack("amazon", "zh")
        assert str(folder / "de" / "messages.zh.toml") in str(caught.value)
    finally:
        locale_pack.cache_clear()


def test_history_page_in_zh_with_dates_in_the_locale_format(app, client):
    from web import history
    with app.test_request_context():
        history.record_request("112-1234567-1234567", "review-request", today=__import__("datetime").date(2026, 11, 2))
    zh = client.get("/history?locale=zh").get_data(as_text=True)
    assert "索评记录" in zh and "2026年11月2日" in zh and "亚马逊" in zh
    en = client.get("/history?locale=en").get_data(as_text=True)
    assert "Nov 2, 2026" in en and 'datetime="2026-11-02"' in en


def test_cli_text_report_and_summary_in_zh(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(INDUCEMENT))
    assert cli_check.main(["--locale", "zh"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"1 个文件，\d+ 处拦截，\d+ 条提醒", lines[-1]), lines[-1]
    assert any(line.strip().startswith("建议：") for line in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO(INDUCEMENT))
    assert cli_check.main([]) == 1
    assert re.fullmatch(r"1 file, \d+ blocking, \d+ warnings?", capsys.readouterr().out.splitlines()[-1])


def test_cli_triage_speaks_zh(monkeypatch, capsys):
    from policy import cli_triage
    monkeypatch.setattr("sys.stdin", io.StringIO("Where is my parcel? Order 112-1234567-1234567 has not come."))
    assert cli_triage.main(["--locale", "zh"]) == 0
    out = capsys.readouterr().out
    assert "需要回复 — 催问物流" in out and "订单号：112-1234567-1234567" in out.replace(": ", "：")
    assert "回复模板：" in out
    assert cli_triage.main(["--locale", "xx"]) == 2


def test_lists_are_joined_the_locale_way(app):
    from web.i18n import join_list
    with app.test_request_context("/?locale=zh"):
        assert join_list(["订单号", "买家姓名", "商品"]) == "订单号、买家姓名和商品"
    with app.test_request_context("/?locale=en"):
        assert join_list(["order ID", "buyer name", "product"]) == "order ID, buyer name, and product"
    result = policy.check_message("Dziękujemy za zamówienie, paczka zostanie wysłana jutro rano.", marketplace="amazon")
    zh = localize(result.findings, "amazon", "zh")
    source = zh[0].source
    assert ("、" in source or "和" in source) and ", " not in source, source
