"""The marketplace of a request: ?marketplace=, else the remembered cookie, else MARKETPLACE."""
from __future__ import annotations

import policy


def _ids(marketplace):
    return set(policy.load_policy(marketplace).templates)


def test_default_is_the_app_setting(client):
    html = client.get("/").get_data(as_text=True)
    assert "Seller Central" in html and "Seller Hub" not in html.split("<footer")[1]
    assert '<option value="amazon" selected>' in html


def test_query_chooses_and_is_remembered_in_a_lax_cookie(client):
    response = client.get("/?marketplace=ebay")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Seller Hub" in html and "Seller Central" not in html
    assert '<option value="ebay" selected>' in html
    cookie = response.headers["Set-Cookie"]
    assert "marketplace=ebay" in cookie and "SameSite=Lax" in cookie
    # no query: the cookie chooses
    again = client.get("/compose").get_data(as_text=True)
    assert "Seller Hub" in again and '"marketplace": "ebay"' in again


def test_unknown_marketplace_is_a_400_page_and_json_error(client):
    response = client.get("/?marketplace=nowhere")
    assert response.status_code == 400
    assert "nowhere" in response.get_data(as_text=True)
    api = client.get("/api/templates?marketplace=nowhere", headers={"Accept": "application/json"})
    assert api.status_code == 400 and "nowhere" in api.get_json()["error"]
    assert client.get("/triage?marketplace=x<y").status_code == 400


def test_library_lists_that_marketplaces_templates(client):
    ebay_only = sorted(_ids("ebay") - _ids("amazon"))
    amazon_only = sorted(_ids("amazon") - _ids("ebay"))
    assert ebay_only and amazon_only
    html = client.get("/?marketplace=ebay").get_data(as_text=True)
    assert f"/compose/{ebay_only[0]}" in html and f"/compose/{amazon_only[0]}" not in html
    html = client.get("/?marketplace=amazon").get_data(as_text=True)
    assert f"/compose/{amazon_only[0]}" in html and f"/compose/{ebay_only[0]}" not in html


def test_ebay_template_opens_with_ebay_and_is_404_on_amazon(client):
    template = sorted(_ids("ebay") - _ids("amazon"))[0]
    ok = client.get(f"/compose/{template}?marketplace=ebay")
    assert ok.status_code == 200 and "Seller Hub" in ok.get_data(as_text=True)
    missing = client.get(f"/compose/{template}?marketplace=amazon")
    html = missing.get_data(as_text=True)
    assert missing.status_code == 404
    assert "Amazon has no template" in html and 'href="/?marketplace=amazon"' in html


def test_api_defaults_to_the_chosen_marketplace(client):
    client.get("/?marketplace=etsy")
    listed = client.get("/api/templates").get_json()
    assert listed["marketplace"] == "etsy"
    # an emoji is fine on Etsy, blocked on Amazon (the page's JS sends the page's marketplace)
    etsy = client.post("/api/check", json={"text": "Thank you for your order! 😊"}).get_json()
    amazon = client.post("/api/check", json={"text": "Thank you for your order! 😊",
                                             "marketplace": "amazon"}).get_json()
    assert "emoji" not in {f["category"] for f in etsy["findings"]}
    assert "emoji" in {f["category"] for f in amazon["findings"]}


def test_triage_uses_the_chosen_marketplace(client):
    html = client.get("/triage?marketplace=ebay").get_data(as_text=True)
    assert 'data-marketplace="ebay"' in html
    assert str(policy.load_policy("ebay").facts.reply_clock.hours) in html


def test_control_keeps_the_path_and_falls_back_to_library_for_post_only(client):
    html = client.get("/history").get_data(as_text=True)
    assert 'action="/history"' in html and 'name="marketplace"' in html
    assert 'for="marketplace-choice"' in html
