"""A small marketplace written from data alone, for tests that prove a new one costs no code."""
from __future__ import annotations

import textwrap
from pathlib import Path

FACTS = '''
name = "Testmart"
languages = ["en"]
max_length = 500

[categories]
external_contact = { name = "Contact off Testmart" }
emoji = { severity = "off" }

[template_kinds]
first = "a message the seller starts"
answer = "an answer to a customer"

[message_kinds]
note = { title = "A note", template_kind = "first", max_length = 300 }
answer = { title = "An answer", template_kind = "answer", max_length = 500 }

[order_id]
patterns = ['TM-\\d{6}']
example = "TM-123456"
description = "TM- and 6 digits"
required_in = ["first"]

[reply_clock]
hours = 72
counts_weekends = false
applies_to = "first_message"
note = "Testmart counts first messages not answered within 72 hours."

[review_requests]
allowed = false
once_per_order = false
note = "Testmart sends its own review requests."

[links]
own_domain = "testmart"

[links.allowed.shop]
paths = ['/shop/']
severity = "warn"
message = "A link to a Testmart shop page."

[intents]
price_match = "Price match request"

[wording]
policy_name = "Testmart Seller Rules"
seller_tool = "Testmart Desk"
messages_page = "Testmart Inbox"
customer = "customer"
'''

RULES = '''
[words]
bargain = ['bargains?', 'steals?']

[[rule]]
id = "promotional.bargain-bin"
kind = "phrases"
category = "promotional"
severity = "block"
source = "{policy_name} (inferred)"
message = "Advertises bargains; {marketplace} does not allow promotion."
suggestions = ["Remove the advert."]
patterns = ['\\bbargain bin\\b', '\\bmore {bargain}\\b']
examples.flag = ["Visit the bargain bin!", "More bargains inside."]
examples.pass = ["Your parcel ships today."]

[[rule]]
id = "missing_content.order-id"
kind = "order_id_required"
category = "missing_content"
severity = "warn"
source = "{policy_name} (inferred)"
message = "Name the order, e.g. {order_id_example}."
suggestions = ["Add the order number."]
examples.flag = [{ text = "It ships Monday.", template_kind = "first" }]
examples.pass = [{ text = "Order TM-123456 ships Monday.", template_kind = "first" }]
'''

TEMPLATES = '''
[[template]]
id = "testmart-note"
title = "A note about the order"
group = "Notes"
when = "When the order needs a word."
kind = "first"
message_type = "note"
max_length = 300
body = """
Hello[[ {buyer_name}]],

About order {order_id}: {detail}
"""

[[template.field]]
name = "buyer_name"
label = "Customer name"
type = "text"
required = false

[[template.field]]
name = "order_id"
label = "Order number"
type = "order_id"
example = "TM-123456"

[[template.field]]
name = "detail"
label = "Detail"
type = "text"
example = "it ships Monday."
'''


def build(root: Path, name: str = "testmart") -> Path:
    """Write the marketplace `name` under `root` (a POLICY_PATH folder) and return its folder."""
    folder = root / name
    folder.mkdir(parents=True)
    for file, text in (("marketplace.toml", FACTS), ("rules.toml", RULES),
                       ("templates.toml", TEMPLATES)):
        (folder / file).write_text(textwrap.dedent(text).replace("Testmart", name.capitalize())
                                   .replace("testmart", name), encoding="utf-8")
    return folder
