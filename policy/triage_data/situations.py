"""A fourth voice for the training data: the situations the other generators teach worst, each
written in many registers.

Strangers' messages fail most where meaning and wording part ways: a thank-you that is a
complaint ("cheers for the no-show") and a complaint that is closed ("sorted it myself, wish the
chat had been better"); long praise full of "how", "what", "can", "is" that asks nothing; a bare
answer ("sent it in the app") with no message of the seller's to read it against; delivery
trouble, cancellations and invoice requests put as statements ("went and bought one in town",
"for our records"). Here each SITUATION has templates of its own, and a VOICE then rewrites the
message the way a kind of buyer types: terse, verbose with backstory, non-native, angry, polite
and formal, mobile-typed, a tweet to a support account, a post on a maker's tracker. Every line
was written for this file (never taken from the validation corpus); [a|b] and {slot} expand as in
grammar.py, plus the slots below.
"""
from __future__ import annotations

import random
import re

from .grammar import add_noise, expand
from .sampling import print_sample, two_sided

LOCAL_SLOTS = {
    "n": [str(n) for n in (2, 3, 4, 6, 8, 9, 11, 12, 14, 17, 19, 21, 23, 26, 28, 30)],
    "hour": ["7am", "8.15", "9:40am", "noon", "2pm", "3:30", "5pm", "6pm", "8pm", "10pm"],
    "status": ["out for delivery", "in transit", "label created", "awaiting dispatch", "processing",
               "held at depot", "arriving late", "preparing for shipment", "with courier"],
    "shop": ["Kestrel", "Oakmere", "Northfield", "Pixel & Pine", "Hollow Lane", "Redwing"],
    "maker": ["@maker_jo", "@boardsmith", "@kitworks", "@ferncraft", "@tinylabs", "@dev_anna"],
    "handle": ["@ShopCare", "@HelpTeam", "@StoreHelp", "@OrderDesk", "@{num}", "@{num} @{num}", "@CarrierHelp",
               ".@ShopCare", "@SupportUK"],
}


def say(rng: random.Random, template: str) -> str:
    """Expand a template: the local slots first, then grammar.py's [a|b] choices and slots."""
    def local(m: re.Match) -> str:
        value = rng.choice(LOCAL_SLOTS[m.group(1)])
        return value.replace("{num}", str(rng.randint(1000, 999999)))
    text = re.sub(r"\{(" + "|".join(LOCAL_SLOTS) + r")\}", local, template)
    text = re.sub(r"\{num\}", lambda m: str(rng.randint(1000, 999999)), text)
    return expand(text, rng)


# ============================================================================ needs a reply
# intent -> templates; each names a problem or a request, in words that also occur in closings.
SARCASTIC: dict[str, list[str]] = {
    "delivery_problem": [
        "[thanks|cheers|thank you|great job|well done|nice one] for [the no-show|another missed delivery|"
        "losing my parcel|leaving it out in the rain|delivering it to the wrong street|the empty box|"
        "the smashed {product}|the imaginary 'delivered' status]",
        "[oh great|brilliant|fantastic|lovely|wonderful|just perfect], [the|my] {product} [arrived in pieces|"
        "came {defect}|went to somebody else|turned up in pieces again]",
        "[love|really love|just love] how [the|your] [tracking|driver|courier] [says|claims|insists] it [was "
        "delivered|was signed for|was left somewhere safe] when [nothing is here|i was in all day|the doorstep is bare]",
        "[superb|stellar|top notch|five star] service [again|as always|once more][:|,|...] [the second|the third|another] "
        "[parcel|order] [this month|in a row] [that never showed|gone missing|left at the wrong house]",
        "[thanks|cheers|ok thanks]. [so what's the point of|why even have] [the|a] [tracking page|delivery "
        "estimate|'delivered' message] [if it's always wrong|when it's fiction][?|]",
        "[thanks for the apology|sorry doesn't really cut it|apology noted] but [i still don't have my parcel|"
        "the parcel is still missing|that doesn't bring my parcel back]",
        "[thanks|cheers] for [sending|delivering] [a|the] [broken|cracked|wrong|used-looking] {product}[, really|, "
        "very] [appreciated|helpful|impressive][ 🙄| not|]",
    ],
    "where_is_my_order": [
        "[thanks for the update|cheers for the 'update'|thanks for letting me know], [i guess|apparently|so] "
        "[it's|the order is] [still|now] [stuck|lost somewhere|on a world tour|going nowhere] [then|lol|]",
        "[great|amazing|wonderful], [another|a new|the fourth] [delivery date|estimate|'arriving tomorrow'] "
        "[come and gone|that came to nothing|missed]",
        "[thanks a lot|cheers|thanks so much], [a week|{days} days|ten days] [of|with] ['out for delivery'|"
        "'in transit'|no movement] [is|was] [just what i needed|exactly what i paid express for|a great gift]",
        "so much for [next day delivery|express shipping|'arrives by {weekday}'|fast shipping][.|!|...] "
        "[still nothing|nothing here|no parcel|no sign of it]",
        "[cheers|nice], [love|adore] that the [eta|estimate] [keeps jumping|changes every morning][.|,] [any "
        "chance of|could i get] a [real|proper|true] date[?|]",
    ],
    "return_or_refund": [
        "[thanks|cheers] for [the refund|'processing' my refund|the refund that never came][.|,] [still|] "
        "[nothing|not a penny|no money] [in my account|on my card|back] [after {days} weeks|since {weekday}|yet]",
        "[great|love] [that|how] [refunds take|a refund takes] [weeks|forever|a month] but [taking my money|"
        "the charge|the payment] [takes|took] [seconds|a minute|no time at all]",
    ],
    "other": [
        "[thanks for|cheers for|appreciate] [the silence|ignoring me|the radio silence|nothing]. [emailed|"
        "messaged|wrote] [{days} times|twice|on {weekday}] and [not a word|no reply|nothing back]",
        "[wow|great], [another|the same] [copy-paste|canned|automated] [answer|reply][.|,] [can|could|will] "
        "[a human|someone real|an actual person] [read|look at] [this|my message][?|]",
    ],
}

STATEMENTS: dict[str, list[str]] = {
    "delivery_problem": [
        "[the|my] [package|parcel|order] [is being returned to you|went back to the warehouse|got marked return "
        "to sender] [because|as|since] [the|my] [address|postcode|flat number] [was wrong|wasn't on the label|"
        "got cut off]",
        "[i think|looks like|pretty sure] [{carrier}|the courier|the post] [has|have] lost [it|my parcel|"
        "the order|the {product}] [somewhere|on the way|for good]",
        "[i|we] [got|received|only got] the [{product}|smaller box|first parcel] but not the [{product}|rest|"
        "other half|second item] [i ordered with it|that was on the same order|]",
        "[everything|all of it|the whole order] came except [the|one] {product}",
        "[the|my] {product} [came|arrived] [without a charger|without the cable|with no screws|with no instructions|"
        "without its strap|with no lid] [in the box|inside|]",
        "[it|the parcel] [was|got] [delivered|left] [to|at] [the wrong house|number {n}|the shop next door|"
        "a building i don't live in]",
        "[the driver|the courier|they] [didn't|never] [even|] [knock|ring|come to the door] and [marked it|"
        "left a card saying] [failed|we were out|no access]",
        "the [label|tracking] says [it's|it was] signed for by [someone called {name}|a neighbour] [i don't know|"
        "who doesn't live here|i've never met]",
        "[the driver|the courier] [kept|took] [it|the parcel] [back to the depot|away again] and [i|we] "
        "[need|must have] [it|the {product}] [for {weekday}|this week|for work][.|,] [can|could] [someone|they] "
        "[bring it round|drop it off] [again|today|tomorrow][?|]",
        "[the|my] [box|parcel] [was|came] [open|taped back up|wet through] and [the|a] {product} [was missing|"
        "is gone|isn't there]",
        "[i|we] [opened|unpacked] [it|the box] and [found|there was] [a|the] [different|wrong] [model|colour|size|"
        "item] [inside|in the box|]",
        "[got|received] [somebody else's|someone else's|another customer's] [order|parcel] [instead of mine|"
        "with their name on it|]",
        "[only|just] the {product} [was|came] in the [parcel|box|package][,|.] [is|will] the [rest|other item|"
        "{product}] [coming|going to come|being sent] [separately|in another parcel|later][?|] [they were|it was] "
        "[ordered|paid for] together",
        "[everything|all of it|the rest] [turned up|came|arrived] [apart from|except for|bar] the {product}[.|,] "
        "[could|can] you [check|look at|go over] the order[?|, please?| please]",
        "[the|my] {product} [was|came] [on its own|alone|by itself] in the [box|parcel][.|,] [not sure|i don't know|"
        "no idea] [if|whether] the [other|second] [part|item|one] [will|is going to] [turn up|show up|follow|arrive] "
        "[on its own|in another box|later] or [should have|was meant to have] [been|come] [with it|in the same box]",
        "[i|we] [ordered|bought] [a {product} and a {product}|two things|three items] [together|at once|on one order] "
        "[but|and] only [one|the {product}|two] [came|arrived|showed up]",
        "[half|part|some] of [my|the] order [is|was] [missing|not there|absent][.|,] [the box|the parcel] "
        "[only had|just had|held] the {product}",
        "[one|a] [box|parcel] [came|arrived] [but|and] [the order page|my account|the email] [lists|shows|says] "
        "[two|three] [items|parcels][.|,] [where's|what about] the [other|second|missing] one[?|]",
        "[looks like|seems] [{carrier}|the courier|the post] [lost|mislaid|lost track of] [my|the] [order|parcel|"
        "{product}][.|,] [should i|do i] [order again|reorder|wait][?|] [i|we] [don't want to|can't afford to] "
        "pay twice",
        "[the|my] [tracking|parcel] [went|was] [back|returned] to [the sender|you|the depot] [as|because] [the "
        "courier|they] [couldn't find|had the wrong] [the address|my street|the house number]",
        "[the|my] {product} [is|was] [scratched|dented|cracked|bent] [out of the box|on arrival|when it came][,|.] "
        "[photos|pictures] [attached|below|to follow]",
        "[we've|i've] got a [parcel|box] [for|addressed to] [number {n}|another street|someone we don't know] "
        "[here|in our hall][.|,] [what do we do with it|who collects it|can it be picked up][?|]",
        "[the|my] order [got|was] [rerouted|redirected] to [the wrong depot|an old address|another town][!?|?!|."
        "| #fail]",
    ],
    "where_is_my_order": [
        "[it|the order|my parcel] [was|had been] [promised|guaranteed|meant] [for|by] [{weekday}|the {n}th|today] "
        "[and|but] [it's|its] [now|] [{weekday}|late evening|past 9pm|the next week]",
        "[i|we] paid [{money}|extra|for express|for next-day] [so it would|to have it] [arrive|come] [by|before] "
        "[{weekday}|the weekend|the party|the {n}th][,|.|] [still|and still|] [nothing|waiting|no sign]",
        "[status|tracking|the order page] [still|] [reads|shows|says] ['{status}'|{status}] [since|from] [{hour}|"
        "this morning|{weekday}|the {n}th]",
        "[ordered|bought it] [on the {n}th|{when}][,|.] [expected|estimated|due] [the {n}th|{weekday}][,|.] "
        "[still|] [not dispatched|not shipped|nothing|no tracking]",
        "[no|not a] [word|peep|update|email] since [i ordered|i paid|the order confirmation|{weekday}]",
        "[as|like] [agreed|suggested] [i'm|i am] [chasing|writing again|following up] [since|as] [it|the parcel] "
        "[still|] [isn't|is not] here [on {weekday}|today|a day later]",
        "[the|my] [order|parcel] [is|has been] [sitting|stuck] ['awaiting dispatch'|'processing'|'preparing'|"
        "at the depot] for [{days} days|a week|ages]",
        "[my|the] parcel [should have|was meant to have] [been here|arrived|come] [by now|days ago|{when}]",
        "[parcel|order|my item] [is not|not] [reach|reached|come|arrive] [to me|at my home|] [till now|until "
        "today|still][,|.] [kindly|please] [check|see] [status|it|what happened]",
        "estimated [delivery|arrival] [is|says] [the {n}th|{weekday}] but [i|we] ordered [on the {n}th|{when}][.|,] "
        "[that's|seems] [a long time|very long|quite a wait][, isn't it?|?|]",
        "[i|we] [paid|spent] [{money}|extra] [on|for] [express|priority|next-day|faster] [delivery|shipping|"
        "postage] [and was|and were|with a] [promised|told|guarantee of] [the {n}th|{weekday}|two days][,|.] "
        "[it's|we're at] [the {n}th|{weekday}|day {n}] [now|already] [and nothing|with nothing|]",
        "[you|your team|the chat] [asked|told] me to [get back to you|write again|check in] if [it|the parcel] "
        "[wasn't|was not] [here|delivered] by [today|{weekday}|now][.|,] [well|so|] [i did|here i am|it isn't] "
        "[and heard nothing|and no one answered|and still silence|]",
        "[followed up|chased|wrote] [on|since] {weekday} [about|re] [my|the] [order|parcel] [not arriving|still "
        "missing|being late] [and|but] [no one|nobody] [came back to me|has answered|replied]",
        "[placed|made] [the|my] order [weeks|{days} weeks|a month] ago[.|,] [nothing|no shipping email|"
        "no tracking] [yet|so far|at all]",
        "[still|yet again|day {n} and still] [no|nothing|no sign of the] [parcel|package|{product}][.|!|...]",
    ],
    "cancel_or_change_order": [
        "[i|we] [picked|grabbed] [one|the same thing|a {product}] [up|] [in a shop|at the market|in town] [in the "
        "end|meanwhile|yesterday][,|.|] so [please|kindly] [call off|scrap|cancel] [the|my|this] order",
        "[i've|we've] [thought it over|talked it over|changed my mind|changed our minds][,|.] [please|can you|"
        "could you] [cancel|stop] [it|the order|my order][?|.|]",
        "[the site|your app|my account page|it] [won't|doesn't|will not] let me cancel[,|.] [even though|"
        "although|but] [it|the order] [hasn't|has not] [shipped|been sent|left] [yet|]",
        "the cancel [button|option|link] is [greyed out|missing|not there] [though|even though|and yet] "
        "[nothing has shipped|it's still processing|it hasn't gone out][.|?|]",
        "[turns out|it turns out|actually] [i|we] [don't|won't] need [it|the {product}|this] [anymore|after all|"
        "any more][,|.|] [sorry|apologies|oops|]",
        "[my|our] [plans|circumstances] [changed|have changed][,|.] so [i|we] [won't|will not|no longer] need "
        "the {product}",
        "[i|we] [accidentally|mistakenly|by mistake] [ordered|bought|paid for] [two|twice|the same thing twice|"
        "a second one]",
        "[put|entered|typed] [my|the] [old|wrong|previous] [address|postcode] [on the order|at checkout|by accident]",
        "[please|pls] [don't|do not] [send|ship|post] [it|the order|anything] [yet|until i confirm|for now]",
        "[i've had|had] [a change of heart|cold feet|second thoughts] [about|on] [the|my] {product}[, sorry|"
        "| - sorry|, apologies]",
        "[i'm|we're] going to [hold off|pass|give it a miss] [on|with] [the|this] [order|{product}] [after all|"
        "for now|this time][, sorry|]",
        "[not|no longer] going ahead with [the|this|my] [order|purchase][, sorry|, apologies| thanks|]",
        "[my|our] [budget|situation] [changed|is tight now][,|.] [i|we] [can't|won't] [go ahead with|keep] "
        "[the|this] order",
        "[too late now|forget it|i give up waiting][,|.] [it's|it is] [still|] not here [so|and] [i'd like|i want] "
        "[my order cancelled|to cancel|out of this order]",
    ],
    "invoice_or_billing": [
        "[for|just for] [our|my|the company's|the firm's|the school's] [records|files|accounts|audit|books][,|] "
        "[i|we] [need|require|will need] [a|an|the] [invoice|vat invoice|receipt|proper invoice|tax invoice] "
        "[for {order}|for this order|]",
        "[our|the] [accounts|finance|purchasing|admin] [team|office|department] [won't|can't|cannot] [pay|"
        "reimburse|process] [it|this|me] without [an invoice|a receipt|an itemised invoice|an invoice with "
        "our vat number]",
        "[two|three] [orders|parcels] [went through|were paid] but [there's|i have] [only one|a single] "
        "[invoice|receipt] [in my inbox|in my account|]",
        "[my bank shows|the statement shows|i can see] the money [taken|gone] [but|and yet] [no|not a single] "
        "[receipt|invoice|order email] [came|arrived|reached me]",
        "[i|we] [haven't|have not|never] [received|got] [the|my] [cashback|discount|voucher credit|promo credit] "
        "[for|on] [the|my] [order|purchase] [from the {n}th|{when}|]",
        "[i|we] [cancelled|canceled] [the|my] order [and got|and received|with] [a|the] [confirmation|"
        "cancellation email] but [was|got|have been] [still|] charged [anyway|regardless|today]",
        "[there's|there is|i see] a [charge|payment|debit] of {money} [on|in] my [account|statement|card] "
        "[i don't know what it's for|i can't match to any order|that i don't recognise]",
        "[please|kindly] [put|issue|reissue] the [invoice|receipt] [in the name of|under|for] [our company|"
        "my business|{shop} ltd] [rather than mine|not my own name|with our tax number]",
        "[the|my] [expenses|reimbursement] claim [needs|requires] [an invoice|a receipt|a vat receipt] "
        "[with the vat on it|with the company address|showing what was bought]",
    ],
    "return_or_refund": [
        "[the|your] [email|message|site] [promised|said] the refund [within|in] [a few days|a week][,|.] [it's "
        "been|we're at] [{days} weeks|a month|almost three weeks] [now|]",
        "[can|could] i [speak|talk] [with|to] [someone|a person|somebody senior] [about|to fix|to sort] [my|the] "
        "refund[?|, please| please] [the chat|the bot|email] [goes nowhere|keeps looping|isn't helping]",
        "[i|we] [just|only] need [someone|a person|a human] to [sort out|approve|push through] [the|my|a] refund"
        "[, please|. please|]",
        "[who|which person] [handles|deals with|can approve] refunds[,|?] [i've|i have] [asked|tried] [{days} "
        "times|twice|for weeks]",
        "[my|the] return window [closes|ends|runs out] [today|tomorrow|on {weekday}][,|.] [where|how] [do i|can i] "
        "[send|post|drop] it[?|]",
        "[i've only just|i only just] [posted|sent] the return[,|.] [the deadline was|it was due] [last week|"
        "on {weekday}][.|,] [will it still count|is that still ok|can you still accept it][?|]",
        "[i|we] [returned|sent back] [it|the {product}|my order] [{days} days|a month|weeks] ago and [the refund|"
        "my refund] [still|] [hasn't|has not] [even started|shown up|been processed|come through]",
        "[why|how come] [does|will] [the|my] refund take [{days} days|a week|so long][?|] [the payment|the "
        "charge] [was instant|took a second|happened straight away]",
        "[i|we] [just|only] want [my money back|a refund|one thing: a refund][.|,|!] [please|] [refund me|"
        "sort it|process it] [and close this|and we're done|]",
        "[if|should] [it|the {product}] [doesn't fit|is too small|isn't right][,|] [can i|am i able to] [return|"
        "exchange|send back] it [until|by|before] [the end of january|{weekday}|after christmas][?|]",
    ],
    "product_question": [
        "[will|do] you [ever|] [sell|stock|carry|get] [the|a] {product} [again|soon|in {colour}|at some point][?|]",
        "[could|would] you [post|send] [it|one] to {place} [yourselves|directly|by normal mail][?|] [checkout|the "
        "basket|the site] [only offers|won't take] [local addresses|my country]",
        "[the|your] [listing|page] [went|turned] [grey|to 'unavailable'|to sold out] [overnight|this morning][,|.] "
        "[gone for good|coming back|any more coming][?|]",
        "[roughly|] how [long|many days] [from order to dispatch|until it ships|before it goes out] [for|if i'm "
        "in|to] {place}[?|]",
        "[will|does|would] [it|this|the {product}] [work|fit|run] [on|with|in] [a mac|my car|an older model|"
        "a {size} frame|windows|the uk version]",
        "[do|can] you [post|ship|deliver] to {place}[?|] [the site|checkout] [won't|doesn't] [offer|list] it",
        "[are|will] you [be|] [shipping|sending|delivering] to {place} [directly|yourselves|at some point|any time "
        "soon][?|]",
        "[any|are there any] plans to [ship|sell|open shipping] [to|in] {place}[?|] [the store|the site] [only "
        "lists|won't do] [a few countries|domestic addresses]",
        "[would|could] you [combine|put] [two orders|both items|my orders] [in|into] one [parcel|shipment] [to save "
        "on postage|so i pay postage once][?|]",
        "[is|are] [the|this] {product} [back|in stock|available] [yet|again|now][?|] [i|we] [want|would like] "
        "to [order|buy] [one|two|a couple]",
        "[is there|do you have] a [size chart|spec sheet|manual|datasheet] [for|of] the {product}[?|]",
        "[can|could] [i|we] [order|buy] [two|a couple|both] [and|but] [pay|be charged] [shipping|postage] "
        "[only once|just once|for one parcel][?|]",
        "[are|will] [more|new] [batches|stock|units] [coming|being made] [soon|this year|before christmas][?|] "
        "[i missed|we missed] the last [drop|run|batch]",
    ],
}

# Openers that thank or praise: the same ones start a complaint (needs a reply) and a closing (none),
# so that the model learns the rest of the message decides, not the "thanks".
SHARED_OPENERS = [
    "thanks for the update", "thanks for the refund", "cheers for the reply", "thank you for the link",
    "thanks for getting back to me", "great", "brilliant", "lovely", "ok thanks", "thanks a lot", "well done",
    "wow", "thanks for the apology", "cheers", "thanks for the help so far", "appreciate the quick answer",
    "thanks for sorting the last one", "thanks for the tracking number", "perfect", "thank you for the replacement",
    "thank you so much", "thanks so much", "many thanks", "thank you", "thanks", "ok",
]
OPENER_PROBLEMS = {  # intent -> what follows the opener when something is still wrong
    "where_is_my_order": ["[but|though|] [it's|the parcel is] still [not here|missing|nowhere to be seen]",
                          "[but|] [the|that] tracking [number|link] [shows nothing|doesn't work|has no updates]",
                          "[but|] [the|my] order [still|] says [{status}|'{status}'] [since {weekday}|for {days} days]",
                          "[shame|pity] [nothing|not a thing] has [arrived|come|moved] [though|since]"],
    "delivery_problem": ["[but|sadly|unfortunately] [the|this one|the new one] [came|arrived|is] {defect} [too|as well|again|]",
                         "[but|though] [it|the parcel] went to [the wrong house|a neighbour i don't know|another town]",
                         "[but|] [there's|there was] no {product} in the [box|parcel]"],
    "return_or_refund": ["[but|] [it's|the money is] [only|] [half|part|not the full amount] of what i paid",
                         "[but|] [nothing|no money] has [reached|hit|shown up in] my [account|card] [yet|after {days} days]",
                         "[but|] [how|where] do i [send the old one back|return the faulty one][?|]"],
    "invoice_or_billing": ["[but|] [i|we] [still|] need [an invoice|a receipt|a vat invoice] for [our records|the accounts]",
                           "[but|] [i've|i have] been charged [twice|again|for the cancelled one]"],
    "other": ["[but|] [nobody|no one] has [answered|replied to] my [other|first|last] [message|question][ yet|]",
              "[but|] [can|could] [someone|you] [call|ring] me [back|today][?|]"],
}
OPENER_CLOSINGS = [
    "[much appreciated|really appreciated|very kind]", "all sorted now", "[that's|that is] everything, [cheers|thanks]",
    "have a [good|great|lovely] [day|weekend|one]", "nothing more from me", "[it's|everything's] [all|] working [now|again]",
    "[received|got] it this morning", "you're [stars|a star|the best]", "[that|this] [answers|covers] it",
    "[it|the money] [came through|arrived|landed] [fine|already|today]", "nothing else needed", "[i'm|we're] happy now",
    "[all|everything] [good|fine] [here|now]", "[it|that] did the trick", "[i'll|we'll] [wait|see] [for it|how it goes]",
    "[that|this] [answers|covers|settles] my [question|query|worry]", "no more [questions|queries] from me",
    "[great|good] to know", "[again|once more|], [much obliged|thanks a million]", "", "", "",
]

# Bare answers to a question the seller asked: with no previous message to read them against
# they need a reply (the seller must act on them).
ANSWERS = [
    "[sent|sent over|sent across] [the photos|the pics|the receipt|a screenshot|the video|the form|them] "
    "[via|through|by|on] [the chat|email|the messages tab|the portal|whatsapp|the order page] [just now|earlier|]",
    "[uploaded|attached|emailed|forwarded|put] [them|the photos|the pics|the receipt|a screenshot|the video] "
    "[via|through|on|to] [the chat|email|the messages tab|the portal|your inbox] [earlier|a minute ago|already|]",
    "[done|did it|all done|ok done]. [sent|uploaded|attached] [the|a] [photo|picture|screenshot|form]",
    "[the|it's the] [blue|second|bigger|smaller|{colour}|first] one[ please| thanks| ta|]",
    "[yes|yeah|yep|ok|sure] [please|go ahead|do that][ and send it| with the replacement| then|]",
    "[no|nope], [it was|it's|i ordered] [the|a] [{size}|{colour}|other] one",
    "[{weekday}|tomorrow|after {hour}|any time after {hour}|mornings] [works|is fine|suits me|is best]",
    "[usps|ups|{carrier}|royal mail|dhl][.|]",
    "[my|the] [address|postcode] is [{n} elm road|{n} high street|flat {n}, mill lane|unit {n}]",
    "[it's|its] [order|number] {order}",
    "[replacement|refund|exchange|store credit] [please|would be great|is fine|is best][.|]",
    "[i|we] [did|have] [already|just] [sent|filled in|done] [it|the form|the photos|that]",
    "[same|the same] [address|as before|details|as last time][ thanks|]",
    "[no|nope], [it|the box] [wasn't|was not] [opened|damaged|used]",
    "[yes|yep], [it|the seal] [was|is] [still|] [sealed|unopened|in the packaging]",
]

# ============================================================================ no reply needed
NO_REPLY: dict[str, list[str]] = {
    "resolved_gripe": [  # closed, with a gripe or a suggestion: nothing asked
        "[appreciate you looking into it|thanks for having a go|cheers for trying][,|.] [got it working|figured "
        "it out|worked it out] [by myself|alone|without help] [in the end|after all|]. [your|the] [chat|help desk|"
        "phone line] could do with [more options|fewer scripts|a bit of common sense]",
        "[all fine|fixed|working] now[,|.] [i|we] [sorted|worked] it out. [one idea|a thought|feedback]: [ping|"
        "email|text] people when [an order changes|a parcel is held|the date moves][,|] [it'd|it would] [save "
        "a lot of hassle|stop people worrying|make a difference]",
        "[got there|done|sorted] [in the end|at last][, cheers|, ta|]. [finding|getting] [a way to|how to] "
        "[contact you|reach a person|report it] [took|was] [ages|forever|a treasure hunt] [though|tbh|]",
        "[cheers|ta|ok thanks][.|,] [hiding|burying] the [cancel button|returns form|contact link] [three|four] "
        "[menus|pages] deep [is|was] [a choice|something else|quite something][,|] but [it's done|whatever|"
        "fine|we got there][.|!|]",
        "[the {carrier}|the courier|the post office] [drama|mix-up|nonsense|saga] [is|has been] [resolved|"
        "sorted|over][.|!] [thanks|thank you|cheers][!|.|]",
        "[thanks|ok thanks][.|,] [an hour|a week|ages] on hold [was fun|builds character|lol] [but it's sorted|"
        "but it's done now|but we got there][.|!|]",
        "[got|received] [it|the refund|the replacement] [in the end|eventually|at last][.|,] [not|wasn't] the "
        "[smoothest|quickest|easiest] [ride|process|experience] [but|though] [thanks|cheers|fair play]",
        "[never mind|nvm|forget it], [i|we] [sorted|found|fixed] it. [your|the] [help pages|faq|app] [could|"
        "should|might] [be clearer|explain this better|mention that] [though|tbh|]",
    ],
    "praise_story": [],  # filled from PRAISE_SENTENCES below, several sentences a message
    "review_done": [
        "[relax|all good|no stress], [my|the] [rating|review|feedback] [is|went] [in|up] [already|on {weekday}|"
        "last night][,|.] [the courier|{carrier}|the delivery firm] [got|gets] [a piece of my mind|the low "
        "score|one star][, not you|, you're fine|]",
        "[feedback|my review|a review] [left|done|posted][,|.] [five stars|5 stars|one star for the courier|"
        "honest but fair][.|!|]",
    ],
    "done_myself": [
        "[nice one|great|cheers] for the [code|voucher|tip|invite][,|.] [used it|already used it|ordered with it|"
        "signed up with it][!|.|]",
        "[ok|right|got you][,|.] [i'll|i will] [read up on it|go through the steps|try the reset|have a look] "
        "[tonight|later|at the weekend][ :)| 👍|.|]",
        "[ok|okay|right], [i've|i have] [reordered|booked the collection|printed the label|filled in the form] "
        "[myself|already|just now][.|, thanks|]",
        "[i'll|gonna|i will] [take|bring] the [return|parcel] to [the post office|the locker|the shop] [tomorrow|"
        "on {weekday}|after work][.|, cheers|]",
    ],
    "agent_thanks": [
        "{agent} [on the chat|from support|in your team] [was|has been] [brilliant|a star|so patient|amazing] "
        "[today|this morning|with me][,|.|!] [please|do] [pass that on|tell their manager|let them know][.|!|]",
        "[it|the parcel] [came|turned up|got here] [at last|in the end][,|.] [big|many|huge] thanks to {agent} "
        "[and {agent}|] for [chasing it|sorting the courier out|not giving up][.|!]",
        "[best|nicest|most helpful] [support|service] [chat|call] [i've had|in years|ever][,|.|!] [cheers|thanks] "
        "{agent}[!|]",
    ],
    "arrived_note": [
        "[it|the {product}|my parcel] [has|] [arrived|turned up|come] [already|after all|at last|this morning][!|.]",
        "[hi|hey|hello] [{agent}|again|] - [it|the parcel] [has arrived|came|is here] [already|now]![ thanks|]",
        "[item|parcel|order] [is|was] [reach|reached|received] [today|yesterday][,|.] [very|so] [happy|good|nice]"
        "[, thank you|, thanks|]",
        "[i am|i'm] [received|got] the [parcel|{product}|order] [today|now][,|.] thank you [very much|so much|]",
        "[it's|its] [here|come][,|.] [no thanks to|despite] [the tracking|{carrier}|the app][ lol| haha|]",
        "[the pallet|the consignment|the goods|the shipment|the delivery] [came in|was received|was booked in|"
        "arrived] [this morning|today|at {hour}] [in good order|with no damage|all intact|complete and correct]"
        "[.|,] [regards|thanks|many thanks], [goods-in|the warehouse team|stores|accounts payable]",
        "[no damage|nothing broken|nothing missing|no problems|not a scratch] [at all|this time|whatsoever|][,|.|] "
        "[the|our|my] [order|parcel|{product}] [is|was] [perfect|fine|all there|spot on][.|!|]",
        "[i|we] [confirm|acknowledge|can confirm] [receipt|delivery] of [the goods|the order|{order}|the "
        "replacement][.|,] [regards|with thanks|kind regards], {name}",
    ],
    "non_native_thanks": [
        "many thank for [the|your] [help|support][,|.] now [it is|is] working [good|fine|very good]",
        "[thanks|thank you] for [fast|quick|speedy] [shipping|delivery][,|.] [product|item] is [very|so] [good|"
        "nice] quality",
        "[all is|everything is] [ok|good|fine] now, thank you [for your kind help|for support|very much]",
    ],
    "fast_delivery_praise": [
        "[wow|amazing|brilliant][!!|!|,] [i am|i'm|really] [happy|impressed|amazed] [with|by] [you|the shop|the "
        "service] [because|as|since] [the|my] [parcel|order|{product}] [came|arrived|was delivered] in [less than|"
        "under|just] [{n} hours|a day|{days} days]",
        "[delivery|shipping|the courier] [in|within|under] [{n} hours|a day|{days} days][,|.|!] [what a|that's] "
        "[service|speed|record][!|.|]",
        "[ordered|bought it] [at|on] [{hour}|{weekday}] and [it was|it's] [here|at my door|in my hands] [by|before] "
        "[{hour}|the next morning|lunch][,|.|!] [incredible|unreal|well done|impressed]",
        "[the|your] [delivery|shipping|dispatch] [speed|time] [was|is] [unbelievable|top class|spot on][,|.] "
        "[{days} days|{n} hours|one day] [door to door|from order to delivery|start to finish]",
    ],
    "invite_note": [
        "[so|really] [excited|chuffed|pleased] to be [picked|chosen] for the [beta|early batch|tester list][!|.] "
        "[can't wait|looking forward] to [trying it|getting started][!|]",
        "[it came|the parcel came|delivery took] [in|within|in under] [{n} hours|a day|two days][,|.|!] [that's|"
        "what] [speedy|quick|impressive][!|.|!!] [really|so] [happy|pleased]",
    ],
}
NO_REPLY_INTENT = {"resolved_gripe": "thanks_or_resolved", "praise_story": "thanks_or_resolved",
                   "review_done": "feedback_or_review", "done_myself": "thanks_or_resolved",
                   "agent_thanks": "thanks_or_resolved", "arrived_note": "thanks_or_resolved",
                   "non_native_thanks": "thanks_or_resolved", "invite_note": "thanks_or_resolved",
                   "fast_delivery_praise": "thanks_or_resolved"}

# Sentences of a pleased buyer's story, full of words that elsewhere start a question
# ("how", "what", "can", "is", "would", "why") and asking nothing.
PRAISE_SENTENCES = [
    "[honestly,|] i'm [so|really] [happy|pleased] with [it|the {product}|my order], more than i [expected|can say]",
    "you [wouldn't|would not] believe how [long|many shops] i [spent|searched] [looking for|for] [something like "
    "this|one of these]",
    "what a [lovely|beautiful|wonderful] [surprise|thing to open|piece][!|.]",
    "i don't know how you [do it|manage it|make them so well], but [it is|they are] [perfect|gorgeous]",
    "a friend [sent|showed] me [a link to|a photo from] your [page|shop] [last week|a while ago] and [i'm so glad "
    "she did|i had to order|i was hooked]",
    "[it has|it's] found [a spot|its place|a home] [on the shelf|in the hall|above the fireplace|by my bed] "
    "where [i can|everyone can] see it [every day|all the time]",
    "[you've|you have] [got|won] [a|yourself a] [fan|regular|customer for life] [here|now][!|.]",
    "[i|we] might [have to|need to] [come back|order] for [the matching one|another|a second one] [soon|at some point]",
    "it [is|was] [so|really] [nice|refreshing|lovely] to [deal|talk] with [a shop|people|someone] who "
    "[actually|really|genuinely] [care|cares|listens]",
    "i [will|am going to] [keep|be] [telling|recommending] [everyone|my friends|people at work] about "
    "[you|your shop]",
    "[it's|it is] a [present|gift] for [my aunt|my brother|a colleague] and [i know|i'm sure] [she'll|he'll|"
    "they'll] [love|adore] it",
    "how lucky [am i|are we][!|!!]",
    "it is [even|so much] [better|nicer|prettier] than [it looked|i thought it would be|the photos]",
    "[i've been|we've been|i have been|we've been] [using|wearing] it [every day|all week|non stop] [since it came|already|]",
    "[my|our] [kids|neighbours|friends|colleagues] [keep|kept] asking where [it is|i got it] from",
    "[the|your] [work|craft|detail] is [just|simply] [wonderful|breathtaking|gorgeous][.|!]",
    "what [would|could] i [ask|wish] for more[!|.]",
    "[your|these|the] [pieces|creations|designs|little works of art] are [wonderful|a joy|gorgeous|so clever]",
    "[thank you|thanks] for [making|designing|dreaming up] [such|these] [lovely|brilliant|unusual] [pieces|"
    "things|designs][!|.]",
    "[every|each] [piece|part|detail] [is|feels] [made|finished|put together] with [care|love|real skill]",
    "[i'm|i am] [so|really] [proud|happy|glad] to [have|own|wear] [them|these|it] [now|at last|]",
    "[it|the {product}] [does|is] [exactly|just] what [i wanted|the listing promised|i pictured]",
    "[it's|it is] [the|my] [second|third] [one|order] [from you|here] and [it won't be the last|not the last]",
    "i wish i [had|'d] [found|known about] you [sooner|years ago][!|.| haha]",
]

# ============================================================================ voices
OPENERS_POLITE = ["hello,", "hi there,", "good morning,", "dear {seller},", "hello {agent},",
                  "i hope you are well.", "hello, i hope you're keeping well.", "dear sir or madam,"]
CONTEXT = [
    "i'm sorry to write here but i couldn't find an email address anywhere.",
    "i tried the contact form first and heard nothing, so i'm trying here.",
    "i ordered [the|a] {product} [on the {n}th|{when}].", "my order number is {order}.",
    "[this|it] was meant to be a [present|birthday gift|surprise] so the date matters.",
    "i've [ordered|bought] from you [before|a few times] and it was always fine.",
    "sorry for the long message.", "i'm in {place}, if that matters.", "[me|it's me] again.",
    "i know you're [busy|a small shop|short staffed] at the moment.", "i paid with my [card|partner's card].",
    "this is my [first|second] time [ordering|buying] [here|from you].",
]
CLOSE_ASK = ["thanks in advance!", "please advise.", "any help appreciated.", "thank you so much.",
             "looking forward to hearing from you.", "regards, {name}", "many thanks, {name}", "cheers",
             "kind regards"]
CLOSE_NO_ASK = ["", "", "regards, {name}", "best, {name}", "x", "take care", "{name}", "all the best",
                "thank you so much!", "thanks again, {name}", "many thanks", "thanks so much x"]
# When and why it matters: context that rides along with a problem (and, now and then, a closing).
OCCASIONS = [
    "[the party|the wedding|her birthday|the trip|our event|the exam|the match] is [tonight|tomorrow|on {weekday}|"
    "this weekend]",
    "i need it [by {weekday}|for tonight|for the weekend|before we fly|for work on {weekday}]",
    "[it's|it is|it was] a [gift|present|surprise] for [my mum|my son|a friend|my wife|my grandad]",
    "[we're|i'm] [away|travelling|moving] from {weekday}", "[my|our] [daughter|son|friend] [is|was] [so|really] "
    "[looking forward to it|excited about it]",
]
VENTS = ["unacceptable.", "this is ridiculous.", "not good enough.", "seriously??", "fed up.", "sort it out.",
         "#fail", "😡😡", "🙄", "worst service ever."]
_NON_NATIVE = [  # (pattern, replacements): how a learner of English might put it
    (r"\bi haven't received\b", ["i am not received", "i not received", "i did not received"]),
    (r"\bhasn't arrived\b", ["is not arrived", "not arrive", "is not come"]),
    (r"\bwhat should i do\b", ["what i should do", "what i need to do"]),
    (r"\bcan you\b", ["please can you", "kindly", "can u please"]),
    (r"\byet\b", ["till now", "until now"]),
    (r"\bi would like\b", ["i want", "i need"]),
    (r"\b(?:the|a) ", ["", "the "]),
]


def _non_native(rng: random.Random, text: str) -> str:
    for pattern, options in _NON_NATIVE:
        if rng.random() < 0.6:
            text = re.sub(pattern, lambda m: rng.choice(options), text, count=2)
    return re.sub(r" {2,}", " ", text)


def _mobile(rng: random.Random, text: str) -> str:
    text = text.lower()
    for full, short in (("you", "u"), ("please", "pls"), ("and", "n"), ("thanks", "thx"), ("are", "r"),
                        ("tomorrow", "tmrw"), ("because", "cos"), ("right now", "rn")):
        if rng.random() < 0.5:
            text = re.sub(rf"\b{full}\b", short, text)
    if rng.random() < 0.5:
        text = re.sub(r"[.,](\s|$)", r"\1", text)
    return text


def voice(rng: random.Random, sentences: list[str], needs: bool, mood: str) -> tuple[str, str]:
    """The message in one of the registers, and that register's name."""
    kind = rng.choice(["terse", "terse", "verbose", "polite", "non_native", "mobile", "mobile", "tweet",
                       "tweet", "tracker", "angry" if needs else "warm"])
    parts = list(sentences)
    if kind == "terse":
        text = " ".join(s.rstrip(".") + "." if s[-1:].isalnum() else s for s in parts)
    elif kind == "verbose":
        before = [say(rng, c) for c in rng.sample(CONTEXT, rng.randint(1, 3))] if needs or rng.random() < 0.3 else []
        text = " ".join(before + parts + [say(rng, rng.choice(CLOSE_ASK if needs else CLOSE_NO_ASK))])
    elif kind == "polite":
        closing = say(rng, rng.choice(CLOSE_ASK if needs else CLOSE_NO_ASK))
        text = "\n\n".join(p for p in [say(rng, rng.choice(OPENERS_POLITE)), " ".join(parts), closing] if p)
        text = re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    elif kind == "non_native":
        text = _non_native(rng, " ".join(parts))
    elif kind == "mobile":
        text = _mobile(rng, " ".join(parts))
    elif kind == "tweet":
        text = say(rng, rng.choice(LOCAL_SLOTS["handle"])) + " " + " ".join(parts)
        if rng.random() < 0.2:
            text += " https://t.co/" + "".join(rng.choice("abcdefXYZ0123456789") for _ in range(10))
    elif kind == "tracker":
        opener = say(rng, rng.choice(["hello {maker},", "hi {maker}", "hey {maker}!", "hi,"]))
        body = [say(rng, c) for c in rng.sample(CONTEXT, rng.randint(0, 2))] + parts
        closing = say(rng, rng.choice(CLOSE_ASK if needs else CLOSE_NO_ASK))
        text = "\n\n".join(p for p in [opener, " ".join(body), closing] if p)
    elif kind == "angry":
        text = " ".join(parts) + " " + rng.choice(VENTS)
        if rng.random() < 0.4:
            words = text.split(" ")
            i = rng.randrange(len(words))
            words[i] = words[i].upper()
            text = " ".join(words)
    else:  # warm
        text = " ".join(parts) + rng.choice(["", " :)", " 😊", " x", "!!", " ❤️"])
    return add_noise(text, rng, mood), kind


def needs_reply(rng: random.Random) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.12:
        sentences, intent, family = [say(rng, rng.choice(ANSWERS))], "other", "situation_answer"
    elif roll < 0.3:
        intent = rng.choice(list(SARCASTIC) + ["delivery_problem", "where_is_my_order"])
        sentences, family = [say(rng, rng.choice(SARCASTIC[intent]))], "situation_sarcastic"
    elif roll < 0.45:
        intent = rng.choice(list(OPENER_PROBLEMS))
        sentences = [say(rng, rng.choice(SHARED_OPENERS)) + rng.choice([", ", ". ", " - ", "! "])
                     + say(rng, rng.choice(OPENER_PROBLEMS[intent]))]
        family = "situation_opener+" + intent
    else:
        intent = rng.choice(list(STATEMENTS) + ["delivery_problem", "cancel_or_change_order", "invoice_or_billing"])
        sentences, family = [say(rng, rng.choice(STATEMENTS[intent]))], "situation_" + intent
        if rng.random() < 0.25:
            sentences.append(say(rng, rng.choice(STATEMENTS[intent])))
    if rng.random() < 0.2 and family != "situation_answer":  # when and why it matters
        sentences.insert(rng.randint(0, len(sentences)), say(rng, rng.choice(OCCASIONS)))
    if rng.random() < 0.15 and family != "situation_answer":  # a kind word first: still needs a reply
        sentences.insert(0, say(rng, rng.choice(["thanks for the reply.", "love your shop!", "hope you're well.",
                                                  "thanks for all the help so far.", "the last order was lovely."])))
    text, kind = voice(rng, sentences, True, "neg" if family == "situation_sarcastic" else "any")
    return text, intent, family


def no_reply(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.35:  # a thank-you opener and a closed tail (the twin of situation_opener+...)
        text = say(rng, rng.choice(SHARED_OPENERS)) + rng.choice([", ", ". ", " - ", "! ", " "]) \
            + say(rng, rng.choice(OPENER_CLOSINGS))
        return voice(rng, [text], False, "pos")[0], "thanks_or_resolved", "situation_opener+closing"
    family = rng.choice(list(NO_REPLY) + ["praise_story", "praise_story", "resolved_gripe"])
    if family == "praise_story":
        sentences = [say(rng, s) for s in rng.sample(PRAISE_SENTENCES, rng.randint(2, 5))]
    else:
        sentences = [say(rng, rng.choice(NO_REPLY[family]))]
        if rng.random() < 0.25:
            sentences.append(say(rng, rng.choice(PRAISE_SENTENCES)))
    if rng.random() < 0.1:
        sentences.insert(rng.randint(0, len(sentences)), say(rng, rng.choice(OCCASIONS[2:])))
    text, kind = voice(rng, sentences, False, "pos")
    return text, NO_REPLY_INTENT[family], "situation_" + family


def generate(n: int, seed: int) -> list[dict]:
    """`n` labelled messages of the hard situations, the same ones for the same seed."""
    return two_sided("situation", n, seed, 0.55, needs_reply, no_reply)


if __name__ == "__main__":
    import sys
    print_sample(generate, sys.argv[1:])
