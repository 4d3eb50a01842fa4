"""A third voice for the training data: messages blended from sentences by their role.

grammar.py builds a message around one core sentence and voices.py around one ask; real buyers
mix roles freely: a thank-you, a gripe about last week and a recommendation with nothing asked;
a polite opener, two lines of backstory and the problem put as a statement ("still nothing",
"says delivered but it isn't here"), no question mark anywhere; praise followed by a question.
Here every sentence has a ROLE, and a message is a random sequence of roles whose label follows
from what is in it: any unresolved problem or request needs a reply; thanks, "it came",
"sorted it myself", praise, plans of the buyer's own, remarks and greetings do not. Many
sentences of both kinds share topic words (refund, courier, cancel, tracking), so the model must
learn what is asked, not what is talked about. Every template was written for this file (never
taken from the validation corpus); [a|b] and {slot} expand as in grammar.py.
"""
from __future__ import annotations

import random

from .grammar import add_noise, expand
from .sampling import print_sample, two_sided


# ----------------------------------------------------------------------------- needs a reply
# (intent) -> problems put as statements: nothing asked in words, yet the seller must act.
STATEMENTS: dict[str, list[str]] = {
    "where_is_my_order": [
        "[still|] [nothing|no sign of it|no parcel|no package|nothing here] [yet|so far|] [|and it's been {days} days]",
        "[my|the] [order|parcel|package|{product}|stuff] [still hasn't|hasn't|has not|never] [arrived|shown up|come|"
        "turned up|been delivered|shipped|been sent|been dispatched|left your warehouse]",
        "[the|] tracking [hasn't moved|hasn't updated|is stuck|still says label created|shows no movement|"
        "has said in transit|has not changed] since {weekday}",
        "it was [supposed|meant|due] to [arrive|be here|come|be delivered] {when} [and it didn't|but nothing|"
        "and still nothing|and it's not here|]",
        "[ordered|paid|placed the order] {when} and [still|] [nothing|no shipping email|no dispatch notice|"
        "not even a tracking number|no update at all]",
        "the [estimated|expected|promised] delivery date [has passed|was {weekday}|came and went|was {when}]",
        "[it's been|its been|been|it has been] [{days} days|{days} weeks|over a week|a month|ages] [and nothing|"
        "with no update|since i ordered|and still waiting|and no parcel]",
        "[the|my] [order|status] [still|] says [processing|pending|preparing|awaiting dispatch|out for delivery|"
        "in transit] [since {weekday}|for {days} days|]",
        "i was told it would [arrive|be here|ship] by {weekday}, [it's|its] now {weekday}",
        "still waiting [on|for] [my order|the parcel|the {product}|delivery|it to ship]",
        "[the|my] delivery [got delayed|was delayed again|keeps getting pushed back|has been rescheduled {days} times]",
        "out for delivery [all day|since this morning|since breakfast|since yesterday] and [nothing|no driver|nobody came]",
        "[i|we] [paid for|chose|picked] [express|next day|faster|priority] [shipping|delivery|postage] and [it's|its] "
        "[still not here|been {days} days|not even shipped]",
        "[no|haven't had any|never got a] [shipping|dispatch|tracking] [email|confirmation|number|update]",
        "[the|my] [parcel|package] [has been|is] [sitting|stuck] [in the depot|at customs|in the sorting centre|"
        "at the hub] [for {days} days|since {weekday}|for a week]",
        "i [ordered|bought] [the|a|two] {product} {when} and [nothing|still nothing|it never came|no sign]",
        "the last [update|scan] was {days} days ago",
        "[nothing|still nothing|not a thing] [has come|has arrived|in the post|at my door]",
        "[how do i|how can i|where can i] track my [order|parcel|purchase|delivery]",
        "[can you|could you|would you] [post|send|ship] it [tomorrow|today|this week|before {weekday}]",
        "[what's|what is] [happening|going on] with my [latest|recent|last] [order|purchase]",
        "[my|the] [purchase|goods|stuff|items] [never came|still aren't here|haven't been sent]",
    ],
    "delivery_problem": [
        "[tracking|the app|it|the website|the courier's page] says delivered but [it isn't here|there's nothing|"
        "nothing came|i never got it|nobody knocked|it's not at my door|i don't have it]",
        "[the|my] [box|parcel|package] [arrived|came|turned up] [crushed|ripped open|soaking wet|open|empty|"
        "smashed|badly damaged|with a hole in it]",
        "the {product} [is|was|came|arrived] {defect}",
        "[i got|i received|they sent me|you sent|you guys sent me] [the wrong item|the wrong size|the wrong colour|"
        "the wrong model|someone else's order|the wrong one|a completely different {product}]",
        "[only|just] [one|part|half|two] of [the|my] [order|items|parcels|things] [came|arrived|was in the box|"
        "turned up]",
        "the {product} [is missing|wasn't in the box|was not included|never came with the rest|was not in the parcel]",
        "[the|my] [parcel|package|order] [was lost|got lost|has been lost|was returned to sender|went to the wrong "
        "address|was left at the wrong house|was delivered to someone else]",
        "[the courier|the driver|{carrier}] [left it|dumped it|threw it|delivered it] [in the rain|over the fence|"
        "at the wrong house|with a neighbour i don't know|on the street|at a locker i never chose]",
        "[it|the {product}] [doesn't work|won't turn on|won't charge|stopped working after a day|is dead|"
        "makes a horrible noise]",
        "there [is|was|'s] no [charger|cable|manual|screws|lid|battery|remote] in the box",
        "[this is|that's] the [second|third] [late|damaged|missing] [parcel|delivery] in a row",
        "[got a message|received a notification|got an email|was told] that [the|my] [package|parcel] [was lost|"
        "was damaged|couldn't be delivered|was undeliverable]",
        "[the|a] [driver|courier] [marked it|said it was] [refused|delivered|attempted] but [i was home|nobody came|"
        "i never refused it]",
        "[a|a big] [box|parcel] [addressed to|meant for] [a neighbour|someone on another street] [ended up|was left] "
        "[here|on our step]",
        "[the|my] [post office|courier|{carrier}] says [the label was unreadable|they can't find the house|"
        "it's going back]",
        "[i|we] [received|got] [everything|all of it|all the items|the rest] [except|but] [the|one|my] {product}",
        "[just|only] the {product} [came|was inside][, nothing else| and nothing else]",
        "[the|my] [post office|courier|{carrier}] [is returning|sent|is sending] it [back|back to you] "
        "[as the address on it was incomplete|over a label problem|as nobody signed]",
        "[cheers for|great job on|well done on] [losing my parcel|the vanishing parcel|the no-show]",
        "[your|the] tracking [says one thing and the driver another|shows a different town|is clearly wrong]",
    ],
    "return_or_refund": [
        "[still|i'm still|i am still] waiting [on|for] [my|the] refund",
        "the refund [hasn't|still hasn't|never] [arrived|come through|shown up|reached my account|been processed]",
        "[i|we] [sent it back|returned it|posted it back|dropped the return off] {when} [and still no refund|"
        "and heard nothing|and no money yet|]",
        "[it|they|the {product}] [doesn't|don't|didn't] fit [at all||properly]",
        "i [want|would like|need|'d like] [my money back|a refund|to return it|to send it back|an exchange|"
        "a refund for the missing one]",
        "[i got|i received|you sent] the wrong [item|size|colour] and [want|need|would like] [a refund|to return it|"
        "to swap it|my money back]",
        "[the|this] {product} is [not as described|nothing like the photos|poor quality] and i want to return it",
        "[i|we] [were|was] [promised|told] a refund [{days} days ago|last week|{when}] and [nothing|still nothing]",
        "i'd [rather|prefer] a refund than a replacement",
        "the [refund|money] [amount|i got back] is less than [i paid|the order total]",
        "[a|the] return label [never came|doesn't work|wasn't in the email]",
        "[i'll|i will|i'm going to] [file|open|raise] a chargeback [unless|if] [i get a refund|this isn't sorted|"
        "i don't hear back] [today|this week|]",
        "[who|which department] [handles|deals with] refunds [here|]",
        "[it|the {product}] [broke|fell apart|snapped|cracked] [after|within] [a week|{days} days|two months] and "
        "i'd like [an exchange|a refund|a new one]",
    ],
    "cancel_or_change_order": [
        "[i've|i have] changed my mind [about|on] [the order|the {product}|this|it]",
        "[i|we] [don't|no longer|won't] need [it|the {product}|this|the order] [any more|anymore|after all]",
        "[i|we] [found|bought|got] [it|one] [elsewhere|cheaper elsewhere|locally|in a shop] [so|] [i don't need this "
        "one|i'd like to cancel|]",
        "[i|we] ordered [the wrong one|by mistake|twice by accident|the wrong size|the wrong colour]",
        "i [put|entered|gave|used] the wrong [address|postcode|house number|delivery address] [on the order|]",
        "[i'd|i would] rather [not go ahead|cancel|have the {colour} one instead|wait and order later]",
        "[decided against it|on second thoughts i don't want it|i've decided not to go ahead]",
        "[we're|i'm|we are] moving [house|] [next week|on {weekday}] so the address [will be|is] wrong",
        "i [need|want|would like] to [cancel|stop|change] [the order|my order|{order}|it]",
        "the [site|app] [won't|refuses to] [cancel it|process the cancellation|take the cancellation]",
        "please [hold|don't send|stop] [it|the order|the parcel] [until i'm back|for now|]",
        "[it|the order] [hasn't|has not] [shipped|been sent|gone out] yet so [i'd like to cancel|please cancel it|"
        "can you stop it]",
        "[help|assistance|some help] [with|for] [canceling|cancelling|a cancellation of] [my purchase|"
        "the order|{order}|this purchase]",
        "[wanna|want to|need to|i'd like to] change [an item|something|one item|the size|the colour] [in|on] my "
        "[purchase|order]",
        "[i|we] [picked one up|found one|got one] [at a local shop|somewhere else|nearer home] so [i|we] "
        "[need to cancel|don't need this|want to cancel]",
    ],
    "product_question": [
        "[i'd like|i'm trying|i want] to know [if|whether] [the|this] {product} [works with|fits|is compatible with] "
        "[my|the older|a {size}] [model|one|version]",
        "wondering [if|whether] you [ship|deliver|post] to {place}",
        "[looking for|interested in] the {product} in [{colour}|{size}|a bigger size] [if you have it|]",
        "[the listing|the page] [shows|has] [sold out|no stock] [since {weekday}|again|]",
        "i [can't|couldn't] find [the dimensions|the size chart|what it's made of|the voltage] [anywhere|on the listing]",
        "[not sure|unsure] [if|whether] [it|this|the {product}] [comes with|includes|needs] [batteries|a plug|"
        "an adapter|a case]",
        "[i'd like|i want|we'd like] to order [another|more|a few more|{days}] [of these|{product}s] [for our team|"
        "for the shop|]",
    ],
    "invoice_or_billing": [
        "[i|we] need [an invoice|a vat invoice|a receipt|an itemised receipt|a tax invoice] for [our records|"
        "my records|the company's records|accounting|bookkeeping|expenses|my tax return|reimbursement]",
        "[our|my] [accountant|finance team|accounts department|boss|bookkeeper] [needs|is asking for|wants] "
        "[an invoice|a receipt|the invoice|a copy of the invoice]",
        "[i was|we were|i've been|i have been] charged [twice|two times|double|for something i cancelled|"
        "the wrong amount|after cancelling]",
        "there's a [charge|payment] [on my card|on my statement|on my account] [i don't recognise|for {money} i don't "
        "understand|i never authorised]",
        "[the|my] [invoice|receipt] [shows|has] the wrong [address|company name|amount|vat number]",
        "[i never got|i didn't receive|there was no] [an invoice|a receipt|a proper receipt] [for this order|"
        "for one of the items|]",
        "the [discount|coupon|code|cashback|promo] [wasn't applied|didn't work|never came through|is missing]",
        "[the charge|the double payment] [left me short|put my account in the red] [this month|]",
        "[the|my] payment [went through|was taken] but [the order shows unpaid|i got no confirmation]",
        "[i|we] [lost|can't find|deleted] the [invoice|invoices|receipt|bill] [for this order|]",
        "[where do i|how can i] [get|find|print] [a copy of|] [my|the] [bill|invoice|receipt] [for {order}|]",
        "[i|we] paid [the|this] [invoice|bill] twice",
        "[there's|there is] [an error|a mistake|a problem] with [my payment|the payment|the bill|my bill]",
    ],
    "other": [
        "[i|we] [emailed|wrote|messaged|called] [on {weekday}|{when}|twice|three times] and [nobody|no one] "
        "[has answered|replied|got back to me]",
        "[my|an] email [from {weekday}|last week] [got|has had] no [answer|reply] [yet|so far]",
        "[second|third|fourth] [message|time asking|email] [about this|on this|now]",
        "[i|we] [want|would like|need] to [make|put in|raise] a complaint",
        "[my|the] account [was|has been|got] [closed|locked|suspended] [without warning|for no reason|]",
        "i [want|need|would like] to [speak|talk] to [a human|a manager|a supervisor|someone in charge]",
        "[i was|we were] [asked|told] to [write|message] again [if|when] [it didn't come|nothing happened] and "
        "[nobody answered|there's been silence]",
    ],
}

# (intent) -> the same intents asked in words.
ASKS: dict[str, list[str]] = {
    "where_is_my_order": [
        "[where is|where's|wheres] [my|the] [order|parcel|package|{product}|stuff][?|??|]",
        "[any|any news|any update|an update] on [my order|{order}|the delivery|this][?|]",
        "when [will|can i expect|should i expect|is] [it|my order|the {product}] [arrive|to arrive|be sent|ship|"
        "be dispatched|get here|going to arrive][?|]",
        "[can|could] you [check|look into|find out|chase] [where it is|what's happening with it|the status|"
        "with the courier][?|]",
        "has it [shipped|been sent|been posted|left yet|gone out][?|]",
        "[is there|do you have|can i get] a tracking number[?|]",
        "[please|pls|kindly] [share|send|give me] [the|an] [update|tracking|eta|status][.|]",
        "[how much longer|how long] [will it take|do i have to wait|until it ships][?|]",
        "[is|has] [my order|it] [actually|even] [on its way|been sent|shipped][?|]",
    ],
    "delivery_problem": [
        "what [do i do|should i do|happens|do i need to do] now[?|]",
        "[can|could] you send [a replacement|the missing part|the rest|another one][?|]",
        "[please|can you|could you] [look into this|sort this out|help|check the order][.|?|]",
        "[what|how] [should i|do i] [do with|get rid of] the [damaged|broken|wrong] [one|item][?|]",
        "[can|could] the [driver|courier] [come back|try again|drop it round] [tomorrow|later|][?|]",
        "[is|will] the [rest|missing item|other part] [coming|arriving] [separately|in another parcel][?|]",
    ],
    "return_or_refund": [
        "how [do i|can i|would i] [return|send back] [it|this|the {product}|them][?|]",
        "can i [return|exchange|swap] [it|this|them] [for a {size}|for another colour|][?|]",
        "[who pays|do i pay|do i have to pay] for [return postage|the return|shipping it back][?|]",
        "[where|what] is the return address[?|]",
        "when will [my refund|the refund|the money] [arrive|go through|show up|be back][?|]",
        "is it too late to [return|send back] [it|this][?|]",
        "[can|could] you [refund|reimburse] [me|the difference|the postage][?|]",
        "[how come|why is it that] refunds take [so long|{days} days][?|]",
    ],
    "cancel_or_change_order": [
        "[can|could] you [cancel|stop|hold] [it|the order|my order][?|]",
        "[please|pls|plz] cancel [it|the order|{order}|my order]",
        "[can|could] [i|you] change the [address|delivery address|size|colour][?|]",
        "is it too late to [cancel|change the order|change the address][?|]",
        "why can't i cancel [my order|it][?|]",
        "[can i|could i] [swap|switch] to the {colour} one before it ships[?|]",
    ],
    "product_question": [
        "[does|will] [it|the {product}|this] [fit|work with|come with|need] [a {size}|batteries|the older model|"
        "an adapter|a stand][?|]",
        "is [it|the {product}|this] [waterproof|dishwasher safe|machine washable|real leather|solid wood|"
        "suitable for kids][?|]",
        "[do you|can you|will you] [ship|deliver|post] to {place}[?|]",
        "[will|when will] you [restock|have more|get more in][?|]",
        "[what|how big|how heavy] [are the dimensions|is it|is the {product}][?|]",
        "[do you have|is there] [it|this|the {product}] in [{colour}|{size}|a bigger size][?|]",
        "is [it|this] still available[?|]",
        "[how|where] can i [order|buy] [one|two|more][?|]",
    ],
    "invoice_or_billing": [
        "[can|could] you [send|email|issue|reissue] [an invoice|a receipt|a corrected invoice|a vat invoice][?|]",
        "[what|why] is [this|the] {money} charge[?|]",
        "why was i charged [twice|again|extra|after cancelling][?|]",
        "[when|how long until] [will|do] i get the [discount|credit|price match][?|]",
        "[can|could] you [refund|reverse] the [duplicate|second|extra] [payment|charge][?|]",
    ],
    "other": [
        "[can|could] [someone|you] [call me|ring me|get back to me][?|]",
        "[can|how do] i [escalate this|raise this higher|make a formal complaint][?|]",
        "why [was my account closed|is nobody answering|did you close my account][?|]",
        "[do you|can you] [do wholesale|take custom orders|offer trade prices][?|]",
        "[how|where] can i [contact you|reach you|speak to someone][?|]",
    ],
}

# Replies to something the seller asked: the seller acts on them (intent "other" unless it names one).
ANSWERS = [
    "[yes|yep|yeah] [please|go ahead|that's fine|do that]", "[monday|tuesday|{weekday}] [works|is fine|is better] "
    "[for me|]", "[the|my] [address|new address] is [{days} park road|flat {days}, mill street|{days} high st]",
    "[i've|i have|just] [sent|attached|uploaded] the [photos|pictures|screenshot|receipt][ now| as asked|]",
    "[size|the] {size} [please|is fine]", "the {colour} one [please|is fine]", "[no|nope], [that's not it|wrong one]",
    "[the|it's] [number|serial|code] is {days}{days}{days}", "[either|any] [day|time] is fine",
    "[after|before] [5|noon|lunch] [is best|works]", "{carrier}", "[it was|it's] {carrier} i think",
    "[replacement|a new one] [please|is fine|would be great]",
    "[sent|done, sent|uploaded|submitted|posted] [it|them|the form|the photos] [in the app|through the site|"
    "by email|just now|a minute ago|]", "[the|my] order number is {order}", "[thanks!|ok.|] [it was|i] "
    "[bought|purchased|ordered] [it|them] {when}", "[back to my card|store credit|the same card] [please|is fine|works]",
    "[it's|it is] {colour}[, size {size}|]", "[i'm|i am] home [all day|after 5|on {weekday}]",
    "[done|all done|ok done][,|.|] [i've|just] [sent|uploaded|filled in] [it|the form|them]",
    "[here you go|here it is|there you go][:|,|] {order}", "[it's|it is|that's] [the|my] [work|home|old] address",
    "[the first one|the second one|both of them|just the one]", "[i'd|i would] [prefer|like] [the refund|a "
    "replacement|store credit|to keep it]", "[no|yes], [it's|it was] [sealed|unopened|still in the box|used once]",
    "[yes|yeah|yep|no|nope][,|.|] [it|they|that] [is|was|are|were] [correct|right|wrong|the one]",
    "[i|we] [tried|did] that [already|twice|this morning] [and it still doesn't work|no luck|same problem]",
]

# ----------------------------------------------------------------------------- no reply needed
THANKS = [
    "[thanks|thank you|thx|ty|cheers|many thanks|much appreciated|appreciate it][!|.|| :)|!!]",
    "[thanks|thank you|cheers] for [the help|your help|sorting it|the quick reply|the response|the link|the info|"
    "getting back to me|trying|looking into it|the update|your patience|the fast reply]",
    "[thanks|thank you|a big thank you|special thanks|kudos] to {agent} [and {name}|] [for the help|for all the help|"
    "for sorting it|on the chat|in customer service|this morning|]",
    "{agent} [and {name}|] [were|was] [so kind|a great help|brilliant] [today|on the phone|]",
    "[thanks|thank you] [to the team|to your team|to you all|to everyone there|guys]",
    "[thanks|thank you] for [the lightning|the super fast|the speedy|the quick|the careful] [delivery|shipping|"
    "packaging|service][!|]",
    "[ok|okay|alright|got it|noted|understood|perfect|great|brilliant|lovely|fab|cool] [thanks|thank you|thx|ty|"
    "cheers|]",
    "[thank you|thanks] [so much|a lot|a million|heaps|again|both|all][!|!!| :)| x| 🙏]",
]
RESOLVED = [
    "[it's|it is|its|all] [ok|okay|fine|sorted|fixed|resolved|solved|good] now",
    "[i|we] [sorted|fixed|solved|figured] it [out|] [myself|in the end|after all]",
    "[i|we] [managed|got round] to [sort|fix|work out] it [myself|ourselves|in the end]",
    "[the|my] [issue|problem] [is|has been|seems to be|looks] [fixed|resolved|sorted] [now|]",
    "[it|my parcel] [was|got] [dropped off|handed over|brought round] [at last|eventually|in the end|this afternoon]",
    "[the|my] [refund|money|credit] [came through|arrived|is in my account|has landed|showed up]",
    "[the|that] [courier|delivery|{carrier}|postal] [issue|mix-up|problem|drama] [got|has been|is] "
    "[sorted|resolved|cleared up]",
    "[never mind|nvm|ignore my last message|forget it|scratch that|disregard that], [it's here|found it|"
    "it turned up|sorted|my mistake|my bad]",
    "[it|the parcel|the {product}|everything] [arrived|came|turned up|got here] [today|yesterday|this morning|"
    "in the end|safe and sound|fine|already]",
    "[found it|it was] [in the porch|with a neighbour|behind the bins|in the garage|at the back door]",
    "[sorry|apologies], [my mistake|my fault|i misread the tracking|i had the wrong order]",
    "[the|my] [cancellation|return|exchange|address change] [went through|is done|worked|was confirmed]",
]
PRAISE = [
    "[here|arrived|turned up] [within|in] [a day|{days} hours|no time|record time] [of ordering|]",
    "[your|the] [chat|customer service|support|team|staff] [is|was|are|were] [amazing|brilliant|fantastic|"
    "so helpful|really great|excellent]",
    "[it|the {product}] [is|looks] [beautiful|stunning|perfect|gorgeous|lovely|even better in person] "
    "[and the fit is spot on|and works great|]",
    "i feel [lucky|honoured|so happy|proud] to [own|have] [it|one|these]",
    "[this|it] [will|is going to] [go|hang|sit|live] [on my wall|in the kitchen|on my desk|by the door|"
    "in the living room]",
    "[i'm|i am] [a fan for life|hooked|your newest regular] [now|]",
    "[really|so|very] [happy|pleased|impressed] with [the|my] [order|purchase|service|{product}]",
    "[wow|amazing|incredible][!|!!|] [what a|such a] [fast|quick|smooth] [delivery|service|experience]",
    "[the agent|your rep|the person on the chat] [actually listened|was a pleasure to deal with|knew their stuff]",
    "[my|our] [son|daughter|mum|wife|husband|kids] [loves|love|adores] it",
    "[proud|happy|loyal] [customer|member|shopper] [for years|since day one|]",
    "you [are|guys are] [so talented|the best|stars]",
    "[great|top|excellent|lovely] [quality|work|job|service][!|]",
    "[delivery|it] [took|was] [under a day|{days} hours|two days][, impressed|, brilliant|, well done]",
    "[over the moon|buzzing|so chuffed] [it came|to get it] [early|so soon|today]",
]
SELF_NEXT = [
    "[i'll|i will|will] [look into it|fill it in|give it a go|try that|check again tomorrow|wait and see|"
    "keep an eye on it|ring the courier|sort it with my bank|pick it up tomorrow|try it tonight]",
    "[i'll|i will|we'll] [wait|give it] [until {weekday}|a few more days|another day]",
    "[going to|gonna|i'm going to] [try that|collect it|reorder|give it another go|ask my neighbour]",
    "[i'll|i will] [let you know|update you] if [it doesn't come|anything changes|i need anything]",
]
REMARKS = [
    "[a phone number|an email when the status changes|an easier cancel button|proper notifications|a live chat] "
    "would [make life easier|be a big improvement|help people like me]",
    "[finding your contact details|reaching a person|getting hold of anyone] [was hard work|took ages|was a mission]",
    "[wish|i wish] [the|your] [courier|app|website|support|returns process] [was|were|had been] "
    "[faster|clearer|more flexible|easier to use]",
    "[your|the] [returns page|website|app|tracking|checkout] [is|was] [a maze|confusing|useless|a nightmare|"
    "not great] [though|tbh|honestly|]",
    "[shame|a pity|a bit annoying] [it took|about] [{days} emails|the delay|the courier|so long]",
    "[not thrilled|not impressed|not happy] [about|with] the [wait|delay|courier] but [fine|it's done|"
    "fair enough|whatever]",
    "[the|my] [refund|cancellation|order|delivery|return] was [harder|slower|more hassle|more work] than it "
    "[should be|needed to be|should have been]",
    "[hope|hopefully] [the next one|it lasts|this doesn't happen again|the courier does better next time]",
    "[just|] a [suggestion|tip|thought]: [an email when it ships|clearer tracking|a phone line] would [help|be nice]",
    "[the|your] [courier|delivery partner|postal service] [really|] [let you down|needs to do better|was the problem]",
    "[no thanks to|not thanks to] [the courier|{carrier}|the app] [though|haha|lol|]",
    "[typical|classic] {carrier} [lol|haha|tbh|]",
    "[i|we] [wasn't|weren't] [surprised|expecting much] [honestly|tbh|]",
]
GREETING = [
    "{holiday}[!| to you all| to the team| from us|]",
    "[have a|enjoy the|wishing you a] [lovely|great|good|happy] [weekend|holiday|summer|break|bank holiday]",
]
REVIEW_LEFT = [
    "[i've|i have|just|already] [left|posted|written|submitted|given] [a review|feedback|5 stars|a rating|"
    "my review|delivery feedback] [on|via|in|through] [the app|the site|your page|the listing]",
    "[left|gave] [you|the shop] [5|five] stars[!|]",
    "[my|the] review is [up|posted|done] [now|]",
    "[i've|i have] [rated|reviewed] [the order|the seller|the delivery|it] [already|just now|]",
    "[no need to chase|all good], [my|the] [feedback|review|rating] [is in|went in|is done] [already|]",
    "[i|we] [left|gave|posted] [a negative|a bad|an honest|a one-star] [review|rating] [for the courier|"
    "for the delivery|after it came late|]",
]
HELLO = [
    "[popping in|dropping a line|a quick note] to say [hi|hello] [from {place}|]", "[i|we] [came across|found|saw] your [shop|blog|page] "
    "[through a friend|on a list|this morning]", "been [following|watching] your [work|shop] for [years|ages|a while]",
]

# Story a pleased buyer tells with nothing asked: long, full of "i", "is", "of", "me", "can't",
# "how", so the model cannot take length or function words for a request.
NARRATIVE = [
    "[i|we] [used|wore|gave] it [at|for] [the party|the wedding|my mum's birthday|our anniversary] and "
    "[everyone|people|all my friends] asked where it was from",
    "[my|a] [friend|neighbour|colleague|sister] [recommended|told me about] [you|your shop] [and i'm glad she did|"
    "last month|ages ago]",
    "i can't [stop looking at it|wait to use it|believe how quick that was|get over how good it is]",
    "[it|this one] [is going|went|will go] [to|on|in] [my|the] [office|hallway|daughter's room|shelf above the desk]",
    "[the|my] [cat|dog|toddler|husband] [has|have] already [claimed|stolen|taken over] it",
    "i [was|had been] [looking for|after] one of these for [ages|months|years] and [this is|it's] [exactly|just] "
    "what i [wanted|had in mind|pictured]",
    "[the|your] [note|card|wrapping|little sticker] in the [box|parcel] made my day",
    "[it's|it is] [the|my] [second|third|fourth] one [of yours|from you] [and it won't be the last|now]",
    "[i|we] [had|have had] [a bad experience|a lot of trouble] with other [shops|sellers] so this was [a relief|"
    "refreshing|a nice change]",
    "[what a|such a] [difference|change] from [last time|my last order|the other place]",
    "[i'm|i am] [telling|going to tell] [everyone|all my friends|my whole family] about you",
    "[honestly|truly|really] [one of|the] [best|nicest] [purchases|things] [i've made|i've bought] [this year|in ages|]",
    "[it|the {product}] [does|is] exactly what [it says|i needed|the listing said]",
]

BACKGROUND = [
    "[i|we] ordered [the|a|two] {product} {when}.", "order {order}.", "[it was|it's] for my [son|daughter|mum|wife|"
    "husband|friend|office].", "[i've|i have] [ordered|bought] from you [before|a few times|loads].",
    "[sorry|apologies] [if this is the wrong place|for messaging here|for the long message|to bother you].",
    "[i|we] [tried|used] the contact form [first|already] [but it errored|but nothing|].",
    "[i'm|i am] in {place}.", "[i|we] paid [{money}|extra] for [shipping|express|it].",
    "[english is not my first language|sorry for my english|excuse my english].", "[hi|hello] again.",
    "[me again|it's me again].", "[i|we] [checked|asked] [with the neighbours|the concierge|at the post office].",
    "[i|we] use these [at work|in our shop|every day].", "[it|this] was [a gift|a birthday present|for christmas].",
    "[ok|okay|so],", "[no|nope], [the|my] {product} [was|is] a different one.",
]
VENTS = ["[this is|honestly this is|it's] [ridiculous|unacceptable|a joke|so frustrating]", "[really|very|so] "
         "[disappointed|annoyed|fed up]", "[please|just] sort this out", "[i'm|i am] losing patience",
         "[come on|seriously]", "[not good enough|poor service|terrible service]", "#fail", "😡", "😩", "🙄"]
POLITE_BEFORE = ["thanks for the reply", "thank you for getting back to me", "thanks", "thank you",
                 "i love your shop", "the last order was perfect", "thanks for the help last time",
                 "great product by the way", "love the {product}"]
BUT = [" but ", ", but ", ". but ", ". however ", ". ", "! ", ". unfortunately ", " - "]
SIGNOFFS_ASK = ["please advise", "thanks in advance", "thanks", "regards", "kind regards", "cheers", "thx",
                "any help appreciated", "let me know", "please help"]
SIGNOFFS_CLOSE = ["", "", "regards", "best", "cheers", "x", "xx", "take care", "have a good day", "best wishes"]
TAGS = ["#happycustomer", "#fail", "#delivery", "#thankyou", "#customerservice", "#love", "#prime", "#shoplocal",
        "#order", "#christmas"]
HANDLES = ["@ShopHelp", "@CareTeam", "@{n}", "@{n} @{n}", "@OrdersDesk", "@support_uk", ".@ShopHelp", "@MakerCo",
           "@TheStore", "@help"]


def _say(rng: random.Random, templates: list[str]) -> str:
    return expand(rng.choice(templates), rng)


def _join(parts: list[str], rng: random.Random) -> str:
    out = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and out[-1][-1:].isalnum() and rng.random() < 0.75:
            out[-1] += rng.choice([".", ".", "!", ",", "...", " -"])
        out.append(part)
    sep = rng.choice([" ", " ", " ", "\n", "\n\n"])
    return sep.join(out)


def _decorate(rng: random.Random, text: str, mood: str) -> str:
    text = add_noise(text, rng, mood)
    if rng.random() < 0.3:
        handle = rng.choice(HANDLES)
        while "{n}" in handle:
            handle = handle.replace("{n}", str(rng.randint(1000, 999999)), 1)
        text = handle + " " + text
    if rng.random() < 0.06:
        text += " " + rng.choice(TAGS)
    if rng.random() < 0.06:
        text += " https://t.co/" + "".join(rng.choice("abcdefghXYZ0123456789") for _ in range(10))
    return text


def needs_reply(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.1:  # an answer to the seller's question, sometimes thanked
        text = _say(rng, ANSWERS)
        if rng.random() < 0.12:
            text = _join([rng.choice(["thanks!", "thank you.", "ok.", "sure.", "hi,"]), text], rng) \
                if rng.random() < 0.5 else _join([text, rng.choice(["thanks", "thx", "cheers", "ty"])], rng)
        return _decorate(rng, text, "any"), "other", "blend_answer"
    intent = rng.choice(list(STATEMENTS) + ["where_is_my_order", "delivery_problem", "return_or_refund"])
    core = []
    roll = rng.random()
    if roll < 0.45:
        core.append(_say(rng, STATEMENTS[intent]))
    elif roll < 0.7:
        core.append(_say(rng, ASKS[intent]))
    else:
        core += [_say(rng, STATEMENTS[intent]), _say(rng, ASKS[intent])]
    parts = [_say(rng, BACKGROUND) for _ in range(rng.choice([0, 0, 1, 1, 2]))] + core
    if rng.random() < 0.2:
        parts.append(_say(rng, VENTS))
    family = "blend_" + intent
    if rng.random() < 0.22:  # a closing or praise first, the problem after: the hard negatives
        before = _say(rng, POLITE_BEFORE + THANKS[:3] + PRAISE[2:4] + RESOLVED[4:5])
        parts = [before + rng.choice(BUT) + parts[0]] + parts[1:]
        family = "blend_closing+" + intent
    elif rng.random() < 0.08:  # a remark about something else, then the problem
        parts.insert(0, _say(rng, REMARKS))
    if rng.random() < 0.3:
        parts.append(_say(rng, SIGNOFFS_ASK))
    if rng.random() < 0.2:
        parts.insert(0, rng.choice(["hi", "hello", "hey", "dear seller", "hi there", "good morning", "hello team"]))
    return _decorate(rng, _join(parts, rng), "neg" if rng.random() < 0.6 else "any"), intent, family


SHORT_CLOSINGS = {
    "thanks": ["[k|ok|okay|kk|okie|okey|alright|sure|right|great|cool|nice|perfect|fab|brill|super|lovely|ace] "
               "[thx|thanks|ty|thank you|cheers|ta|tks|thnx|tysm|thank u|many thanks]",
               "[thx|thanks|ty|cheers|ta|tks|thnx|thank u|thank you] [again|a lot|loads|mate|guys|sooo much|heaps|"
               "very much|both|all|x|:)|!!]",
               "[got it|noted|understood|will do|all clear|makes sense|sounds good|fair enough|no worries|np] "
               "[thx|thanks|ty|cheers|]"],
    "resolved": ["[parcel|package|order|it|the {product}|everything|my stuff|the replacement] "
                 "[came|arrived|turned up|got here|is here|landed] [this morning|today|yesterday|earlier|just now|"
                 "at lunch|last night|ok|fine|]",
                 "[got|received] [it|the parcel|my order|the {product}|them] [this morning|today|yesterday|ok|fine|]",
                 "[sorted|all sorted|all good|fixed|resolved|done|found it|nvm|never mind|no need] [now|then|thx|"
                 "thanks|:)|]"],
}

NO_REPLY_ROLES = {"thanks": THANKS, "resolved": RESOLVED, "praise": PRAISE, "self_next": SELF_NEXT,
                  "greeting": GREETING, "review_left": REVIEW_LEFT, "hello": HELLO, "narrative": NARRATIVE}


def no_reply(rng: random.Random) -> tuple[str, str, str]:
    main = rng.choice(["thanks", "thanks", "resolved", "resolved", "praise", "praise", "self_next", "greeting",
                       "review_left", "hello"])
    if rng.random() < 0.25:  # one short closing, as typed on a phone
        kind = rng.choice(["thanks", "thanks", "resolved"])
        text = add_noise(_say(rng, SHORT_CLOSINGS[kind]), rng, "pos")
        return text, "thanks_or_resolved", "blend_short_" + kind
    roles = [main] + [rng.choice(["thanks", "resolved", "praise", "self_next", "narrative"])
                      for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))]
    parts = [_say(rng, NO_REPLY_ROLES[r]) for r in roles]
    if rng.random() < 0.35:  # a gripe or suggestion that asks nothing
        parts.insert(rng.randrange(len(parts) + 1), _say(rng, REMARKS))
    if rng.random() < 0.25:
        parts.insert(0, _say(rng, BACKGROUND[:4] + BACKGROUND[-6:-2]))
    if rng.random() < 0.2:
        rng.shuffle(parts)
    if rng.random() < 0.2:
        parts.append(rng.choice(SIGNOFFS_CLOSE))
    kinds = set(roles)
    if "review_left" in kinds:
        intent = "feedback_or_review"
    elif kinds & {"thanks", "resolved", "praise", "self_next", "narrative"}:
        intent = "thanks_or_resolved"
    else:
        intent = "other"
    return _decorate(rng, _join(parts, rng), "pos"), intent, "blend_" + main


def generate(n: int, seed: int) -> list[dict]:
    """`n` labelled blended messages, the same ones for the same seed (duplicates dropped)."""
    return two_sided("blend", n, seed, 0.5, needs_reply, no_reply)


if __name__ == "__main__":
    import sys
    print_sample(generate, sys.argv[1:])
