"""A second, wider voice for the training data: messages as strangers write them.

grammar.py speaks in one tidy register; real buyers write tweets to a support account
(@mentions, a vent before the point), issue-tracker posts (a title-like first line, paragraphs
of backstory, the ask at the end), run-on mobile lines, stiff formal letters and non-native
phrasing, and they put delivery problems as statements ("still nothing"), cancellations as a
change of mind and invoice requests as a need for records. Every part below was written for
this file (never taken from the validation corpus); `generate` combines them, seeded.
"""
from __future__ import annotations

import random

from .sampling import two_sided

ITEMS = ["lamp", "mug set", "phone case", "keyboard", "scarf", "print", "kit", "board", "charger",
         "earrings", "hoodie", "planter", "blanket", "sensor module", "cable", "wallet", "candle set",
         "backpack", "puzzle", "teapot", "PCB", "headphones", "shelf bracket", "dress", "book"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend", "last week", "the 3rd",
        "the 14th", "Sunday", "the 21st", "early this month"]
AGENTS = ["Priya", "Tom", "Marco", "Jess", "Ahmed", "Lena", "Sam", "Olu", "Kate", "Raj"]
HANDLES = ["@ShopHelp", "@StoreSupport", "@help_desk", "@OrdersTeam", "@CarrierUK", "@MarketCare",
           "@QuickShipHelp", "@maker_studio", "@{digits}", "@{digits} @{digits}"]


def _order(rng: random.Random) -> str:
    return rng.choice(["#", "order ", "order #", "Order No. ", "ord-", ""]) + str(rng.randint(1000, 9999999))


def _fill(rng: random.Random, text: str) -> str:
    return (text.replace("{item}", rng.choice(ITEMS)).replace("{day}", rng.choice(DAYS))
            .replace("{order}", _order(rng)).replace("{agent}", rng.choice(AGENTS))
            .replace("{k}", str(rng.randint(2, 6))).replace("{handle}", rng.choice(HANDLES)).replace("{digits}", str(rng.randint(100, 999999))))


# Context a buyer gives before the point: it carries no intent of its own.
BACKSTORY = [
    "I ordered the {item} on {day}.", "Placed {order} about {k} weeks ago.",
    "Bought two of the {item} as a present for my sister.", "I've bought from you a few times and never had a problem.",
    "The confirmation email came through straight away.", "I paid extra for the faster shipping option.",
    "I messaged through the site {day} but haven't heard anything.", "Order number is {order}.",
    "This was meant to be a birthday gift, so timing matters a bit.", "I'm not usually one to chase.",
    "I know it's a busy time of year for everyone.", "I live in a flat so deliveries are always fun.",
    "My card was charged on {day}.", "For context I'm in Germany, shipping from the UK.",
    "I backed this on the first batch and have been really looking forward to it.",
    "Sorry if this is the wrong place to ask.", "I tried the contact form first, it just errored.",
    "We use these at our office.", "I'm writing on behalf of my dad who placed the order.",
    "The listing said 3-5 working days.", "I already checked with my neighbours and the concierge.",
    "Long time lurker, first order.", "The order page still shows processing.",
    "I ordered it together with a {item}.", "it was a pre-order i think",
    "English is not my first language, sorry for mistakes.", "I have the receipt screenshot if needed.",
]

ASKS = {
    "where_is_my_order": [
        "Still nothing.", "Still no sign of it.", "Tracking hasn't moved since {day}.",
        "The tracking just says label created and has for days.", "It's been {k} weeks and nothing has arrived.",
        "Any update on my order?", "Any update on {order}?", "No shipping email yet.",
        "Wondering when it might ship?", "Is it actually on its way?", "Can you check where it is?",
        "where is my parcel", "when will it be dispatched", "has it been sent yet?",
        "I still haven't received it.", "Order hasn't shipped yet and it's been {k} weeks.",
        "not arrived yet!!", "The estimated date was {day} and it came and went.",
        "Could you tell me the status of my order?", "tracking number doesnt work",
        "Please advise on when I can expect it.", "no update at all since I ordered",
        "Order stuck in transit for a week now.", "Would appreciate an ETA.", "is this still shipping??",
        "I haven't got a dispatch notice, is everything ok with the order?",
        "Last tracking scan was in another country {k} days ago.", "Kindly share the delivery status.",
        "just wanted to check in on {order}, no movement on tracking",
    ],
    "delivery_problem": [
        "Tracking says delivered but it isn't here.", "It says delivered but there's nothing at my door.",
        "The box arrived crushed and the {item} is cracked.", "Only part of the order came, the {item} is missing.",
        "I got the wrong colour.", "The courier left it at the wrong address.",
        "Got a notification that the package was lost.", "The parcel was returned to sender apparently.",
        "It arrived damaged.", "One of the pieces was broken when I opened it.",
        "Received someone else's order.", "The {item} doesn't turn on out of the box.",
        "Second late parcel in a row.", "The driver marked it as refused, I never refused anything.",
        "It arrived soaking wet.", "Package says delivered to a locker I've never used.",
        "the item inside is not what i ordered", "half the order is missing",
        "received the box but it was empty", "Delivered to the neighbour and they say they don't have it.",
        "the screen was smashed on arrival", "there was a part missing from the kit",
        "courier says they attempted delivery but nobody knocked, I was home all day",
    ],
    "return_or_refund": [
        "I'd like to send it back.", "Still waiting on my refund.", "How do I return this?",
        "The refund hasn't shown up on my card.", "It doesn't fit, can I return it?", "I want my money back.",
        "Can I get a refund for the missing item?", "I sent it back {day}, when will the refund go through?",
        "Please refund me.", "What's the return address?", "Can I exchange it for a bigger size?",
        "Who do I talk to about a refund?", "I returned it weeks ago and still no money",
        "not happy with it, want to return", "do I need to pay for the return postage?",
        "The refund amount is less than what I paid.",
    ],
    "cancel_or_change_order": [
        "I've changed my mind about the order.", "Actually I don't need it anymore, please don't send it.",
        "I ordered the wrong size by mistake, can I change it before it ships?", "Please cancel it.",
        "Can I change the delivery address?", "I found it elsewhere so I'd rather not go ahead.",
        "On second thoughts I won't be needing it.", "can u cancel my order pls",
        "I'd like to swap the colour before it's posted.", "We're moving, can you send it to my new address instead?",
        "Is it too late to add another one to the order?", "I want to stop the order.",
        "Decided against it, sorry, can it be cancelled?", "please hold the order, I'll be away until the 20th",
    ],
    "product_question": [
        "Does it come with batteries?", "Is this compatible with the older model?", "What are the dimensions?",
        "Will it work on 220V?", "Is the {item} dishwasher safe?", "What material is the strap?",
        "Does the {item} come in blue?", "Is it suitable for kids?", "how heavy is it",
        "does it need an adapter in the EU?", "Any chance you'll restock the large one?",
        "Is the firmware updatable?", "can it be engraved?", "what's the difference between v1 and v2?",
    ],
    "invoice_or_billing": [
        "I need an invoice for our company records.", "Our accounts team needs a VAT receipt.",
        "Could you send a receipt with our company name on it?", "I was charged twice.",
        "I need a proper invoice for my expenses claim.", "The charge on my card is different from the order total.",
        "Can you reissue the invoice with our tax number?", "for bookkeeping I need an itemised receipt",
        "Why was I charged a second time?", "My finance department is asking for the invoice.",
        "I need the invoice in the company's name for reimbursement.",
    ],
    "other": [
        "Do you do wholesale?", "Are you at any markets this year?", "Can I collect in person?",
        "Do you take custom commissions?", "Is there anyone I could actually speak to?",
        "Why is nobody answering?", "How do I change my account email?", "Can you call me back?",
        "Do you have a discount code for repeat customers?", "Is there a phone number?",
    ],
}

# Opinions a buyer adds after a closing, asking nothing (a suggestion, a gripe, a hope).
OPINIONS = [
    "It was way harder than it should be to find the cancel button.", "Your website could be clearer about delivery times.",
    "As a suggestion, an email when the status changes would help a lot.", "Shame the courier was so slow.",
    "Wish the chat had been a bit more flexible.", "Hope the next one is as quick.", "Proud customer for years.",
    "The packaging was a bit much but the product is great.", "Not sure why it took three messages, but fine.",
    "Will definitely be ordering again.", "Honestly expected worse after the reviews.",
    "A phone line would be nice one day.", "Happy with the delivery speed, under a day!",
    "Keep up the good work.", "The app kept logging me out, just so you know.",
]

# Replies to something the seller asked (a time, a photo, an address, a choice): the seller
# must act on them, so without the previous message they need a reply.
ANSWERS = [
    "Tomorrow afternoon is fine for collection.", "I've sent the photos over.", "Friday works for me.",
    "Just uploaded the pictures of the damage.", "Yes please go ahead.", "The blue one please.",
    "The serial number is on the sticker, it's {digits}.", "My new address is 14 Park Road.",
    "Sent the screenshot through the app.", "Either day is fine, whichever suits.",
    "Size M please.", "OK, do that then.", "I'll be in after 5 if the driver can come then.",
    "Attached the receipt as requested.", "Replacement is fine, no need to refund.",
]

# Closings that ask nothing: (text, intent, family)
NO_REPLY = {
    "thanks": ["thx", "ty", "cheers", "thanks!!", "thank u sooo much", "tyvm", "thanks...", "thanksss",
               "thankyou", "thank you:)", "ta", "many thanks", "cheers mate", "thx a lot 👍", "ty ty",
               "thanks a bunch", "thankyouuu", "thnks", "thaks!", "thank you 🙏", "mny thanks",
               "great thx", "perfect ty", "ok cool thanks", "lovely, ta", "thanks heaps",
               "thanks so much, all sorted", "appreciate it!", "brill thanks", "ok thank you..",
               "thanks, that's all I needed", "amazing thank you!!!", "ok got it thanks", "noted, thanks",
               "Thank you for your help.", "Much appreciated.", "thanks for getting back to me so fast",
               "thanks {agent}!", "thanks to {agent} for sorting it", "big thanks to the team",
               "shout out to {agent} in support, top job", "thanks to the whole team, really helpful",
               "thanks for your help {agent} :)", "{agent} was brilliant, thank you"],
    "sigh": ["thanks, finally lol", "thanks, only took three tries haha", "phew, thanks",
             "thanks, my blood pressure thanks you too", "ok thanks, crisis averted 😅",
             "thank god, thanks", "cheers, you saved my bacon", "thanks... long day",
             "thanks, sorted it myself in the end but appreciate the effort",
             "thanks for trying, managed to fix it on my own",
             "thanks, wasn't the smoothest process but it's done",
             "thanks. would be nice if the app made this easier though",
             "thanks, shame it took a week but we got there",
             "cheers. the courier could learn a thing or two from you lot",
             "thanks, sorted. your website could do with a clearer contact page tbh",
             "ok thanks, not thrilled about the wait but fair enough",
             "thanks for nothing courier, but you were great {agent}"],
    "arrived": ["it came today.", "parcel's here", "got it this morning", "arrived, all good",
                "it turned up today", "received!", "the {item} came yesterday", "it's here :)",
                "delivered today, all fine", "package arrived safe and sound", "got it", "came in the end",
                "arrived just in time for the party", "it arrived", "finally arrived",
                "received in perfect condition", "got delivery in under a day, impressive"],
    "resolved": ["never mind, found it", "ignore my last message, it turned up", "my mistake, it was in the other box",
                 "sorry my bad, my neighbour had it", "scratch that, it's just arrived",
                 "found it in the porch, sorry for the fuss", "disregard, it's sorted",
                 "all sorted now", "no worries, figured it out", "nvm got it", "problem solved",
                 "false alarm, it was in my spam folder", "oops, it was delivered to my work",
                 "turns up my husband took it in, apologies"],
    "self_next": ["I'll wait until Friday and see", "I'll check with my bank tomorrow",
                  "will pick it up from the depot after work", "I'll sort it with the courier myself",
                  "I'll leave a review once it's here", "I'll give it another day", "I'll just reorder it",
                  "I'll try resetting it tonight", "going to ask my neighbours first",
                  "I'll keep an eye on the tracking", "we'll collect it on Saturday"],
    "praise": ["love it!!", "absolutely gorgeous, my mum cried", "best purchase this year",
               "great quality as always", "the {item} is even nicer in person", "so happy with it",
               "obsessed with it 😍", "works perfectly", "10/10 would buy again",
               "honestly the nicest {item} I own", "my daughter loves it", "what a fantastic product",
               "feel lucky to have one of these", "beautiful work, truly",
               "your chat support is genuinely great, quick and friendly",
               "really pleased, it fits perfectly", "you are so talented, it's stunning",
               "happy customer here, delivery was lightning fast"],
    "greeting": ["merry christmas to you all!", "happy new year from us", "happy holidays 🎄",
                 "have a lovely weekend", "season's greetings to the team", "enjoy the bank holiday!",
                 "happy easter!", "hope you have a great summer"],
    "review_left": ["just left you 5 stars", "left a review, well deserved", "posted a review just now",
                    "gave you five stars", "left feedback on the app", "review done ⭐⭐⭐⭐⭐",
                    "I've left a (not so nice) review for the courier, not you"],
}
NO_REPLY_INTENT = {"thanks": "thanks_or_resolved", "sigh": "thanks_or_resolved", "arrived": "thanks_or_resolved",
                   "resolved": "thanks_or_resolved", "self_next": "thanks_or_resolved",
                   "praise": "thanks_or_resolved", "greeting": "other", "review_left": "feedback_or_review"}

GREETINGS = ["", "", "Hi,", "Hello,", "Hey", "hi there", "Dear Sir or Madam,", "Hello team,", "Good morning,",
             "Hiya", "To whom it may concern,", "hey guys"]
SIGNOFFS = ["", "", "", "Thanks", "Thanks in advance!", "Regards, {agent}", "Kind regards", "thx", "Cheers",
            "Please advise.", "Best wishes", "ty", "Looking forward to hearing from you.", "Thank you so much!"]
TITLES = {  # a tracker post's first line: generic, or naming its own intent
    "": ["Order {order}", "Help please", "[help] order {order}", "Question", "Re: my order", "Contact attempt"],
    "where_is_my_order": ["Order {order} not received", "Still waiting on my order", "Where is my order?",
                          "Shipping status?", "No update on order", "Order placed {k} weeks ago - no shipment"],
    "delivery_problem": ["Missing item", "Damaged on arrival", "Wrong item received", "Delivered but not here"],
    "return_or_refund": ["Refund", "Return request", "Refund not received"],
    "cancel_or_change_order": ["Cancel order", "Change of address", "Order change"],
    "product_question": ["Compatibility question", "Question about the {item}"],
    "invoice_or_billing": ["Invoice request", "Double charge", "Receipt for company"],
    "other": ["Contact", "Quick question"],
}
EMOJI = ["", "", "", " :)", " :D", " 🙂", " 😊", " 👍", " ❤️", " xx", " x", " !!", " ^^", " :-)", " 🙏", "..."]
VENTS = ["Honestly this is getting ridiculous.", "Not impressed.", "Really disappointed tbh.",
         "Third time messaging about this.", "Please sort this out.", "This is so frustrating.",
         "I'm losing patience here.", "Come on guys."]


def _noise(rng: random.Random, text: str) -> str:
    """Mobile typing: lower case, dropped punctuation, a doubled letter, a run-together pair."""
    r = rng.random()
    if r < 0.25:
        text = text.lower()
    elif r < 0.3:
        text = text.upper()
    if rng.random() < 0.2:
        text = text.rstrip(".!")
    if rng.random() < 0.12 and " " in text:
        i = text.index(" ")
        text = text[:i] + text[i + 1:]
    if rng.random() < 0.1:
        words = text.split(" ")
        j = rng.randrange(len(words))
        if words[j] and words[j][-1].isalpha():
            words[j] += words[j][-1] * rng.randint(1, 3)
        text = " ".join(words)
    return text


def needs_reply(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.06:
        text = _noise(rng, _fill(rng, rng.choice(ANSWERS)))
        if rng.random() < 0.3:
            text += " " + rng.choice(["Thanks", "thx", "Cheers!", "ty"])
        return text, "other", "voice_answer"
    intent = rng.choice(list(ASKS) + ["where_is_my_order", "delivery_problem"])
    ask = _noise(rng, _fill(rng, rng.choice(ASKS[intent])))
    if rng.random() < 0.1:  # a gripe before the ask
        ask = rng.choice(OPINIONS) + " " + ask
    style = rng.random()
    back = " ".join(_fill(rng, s) for s in rng.sample(BACKSTORY, rng.randint(0, 3)))
    if style < 0.3:  # a tweet to a support account
        parts = [_fill(rng, rng.choice(HANDLES))]
        if rng.random() < 0.3:
            parts.append(rng.choice(VENTS))
        parts += [back if rng.random() < 0.4 else "", ask]
        if rng.random() < 0.25:
            parts.append(rng.choice(NO_REPLY["thanks"]).replace("{agent}", rng.choice(AGENTS)))
        text = " ".join(p for p in parts if p)
        family = "voice_tweet"
    elif style < 0.55:  # an issue-tracker or forum post: title line, backstory, ask
        title = _fill(rng, rng.choice(TITLES[rng.choice(["", intent])]))
        body = "\n\n".join(p for p in [rng.choice(GREETINGS), back, ask, _fill(rng, rng.choice(SIGNOFFS))] if p)
        text = title + "\n\n" + body
        family = "voice_tracker"
    elif style < 0.65:  # a closing with a request attached: still needs a reply
        thanks = _fill(rng, rng.choice(NO_REPLY["thanks"] + NO_REPLY["arrived"]))
        text = thanks + rng.choice([". ", " - ", ", but ", "! Also "]) + ask
        family = "voice_closing+ask"
    else:  # an email or message: greeting, backstory, ask, sign-off
        text = " ".join(p for p in [rng.choice(GREETINGS), back, ask, _fill(rng, rng.choice(SIGNOFFS))] if p)
        family = "voice_letter"
    return text + rng.choice(EMOJI[:6]), intent, family


def no_reply(rng: random.Random) -> tuple[str, str, str]:
    kind = rng.choice(list(NO_REPLY) + ["thanks", "thanks", "arrived", "resolved"])
    text = _noise(rng, _fill(rng, rng.choice(NO_REPLY[kind])))
    r = rng.random()
    if r < 0.3:
        text = _fill(rng, rng.choice(HANDLES)) + " " + text
    elif r < 0.45:
        text = rng.choice(["Hi,", "Hey", "hi", "Hello again,"]) + " " + text
    if rng.random() < 0.3:  # a second closing sentence
        second = rng.choice(["thanks", "praise", "arrived", "sigh", "greeting"])
        text += rng.choice([". ", "! ", " ", "\n"]) + _noise(rng, _fill(rng, rng.choice(NO_REPLY[second])))
    if rng.random() < 0.2 and kind in ("thanks", "sigh", "resolved", "praise", "arrived"):
        text += rng.choice([". ", " ", "! "]) + rng.choice(OPINIONS)
    if rng.random() < 0.2:  # context that asks nothing
        text = _fill(rng, rng.choice(["Order {order}.", "Re the {item}:", "Update on {order}:",
                                      "About the {item} from {day}:"])) + " " + text
    return text + rng.choice(EMOJI), NO_REPLY_INTENT[kind], "voice_" + kind


def generate(n: int, seed: int) -> list[dict]:
    """`n` labelled messages in the wider voice, the same ones for the same seed (duplicates dropped)."""
    return two_sided("voice", n, seed, 0.6, needs_reply, no_reply)
