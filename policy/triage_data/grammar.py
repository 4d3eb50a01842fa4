"""A seeded grammar of buyer messages: thousands of varied, labelled messages for training triage.

Every message is built from a CORE sentence of one family (what the buyer means),
with optional greeting, story, second sentence, politeness and sign-off around it,
then passed through noise that imitates how people type (lower case, typos,
"thx"/"u"/"pls", run-together words, repeated letters and marks, emoji and text
emoticons, @handles, line breaks). Families are described by what the buyer
means, not copied from anyone's messages: this file was written for the project.

Template syntax: "[a|b|c]" picks one alternative ("[|x]" makes x optional),
"{slot}" picks a filler from SLOTS. Brackets nest.

    python -m policy.triage_data.grammar [N]   # print N samples (for a look)
"""
from __future__ import annotations

import random
import re

from .sampling import print_sample, unique_rows

SLOTS: dict[str, list[str]] = {
    "product": [
        "desk lamp", "kettle", "phone case", "charger", "usb cable", "hoodie", "jacket", "pair of jeans",
        "running shoes", "boots", "sofa cover", "duvet set", "pillow", "mug", "teapot", "frying pan",
        "knife set", "blender", "toaster", "coffee grinder", "headphones", "earbuds", "bluetooth speaker",
        "keyboard", "mouse", "monitor stand", "webcam", "printer ink", "toner", "notebook", "pen set",
        "backpack", "suitcase", "watch strap", "necklace", "ring", "earrings", "bracelet", "pendant",
        "candle", "vase", "picture frame", "rug", "curtains", "lamp shade", "garden hose", "drill bits",
        "screwdriver set", "bike light", "helmet", "yoga mat", "dumbbells", "water bottle", "lunch box",
        "baby monitor", "toy car", "puzzle", "board game", "lego set", "dog bed", "cat tree", "dog lead",
        "fish tank filter", "vitamins", "face cream", "shampoo", "perfume", "hair dryer", "shaver",
        "sd card", "hdmi cable", "router", "smart plug", "light bulbs", "battery pack", "tablet",
        "laptop sleeve", "guitar strings", "sewing machine", "wool", "fabric", "stickers", "poster",
        "print", "mousepad", "controller", "game", "dvd", "book", "cookbook", "calendar", "planner",
        "socks", "t-shirt", "dress", "scarf", "gloves", "hat", "sunglasses", "wallet", "handbag",
        "pcb", "sensor board", "kit", "spare part", "filter", "replacement blade", "lid", "cushion",
    ],
    "carrier": ["royal mail", "dpd", "ups", "usps", "fedex", "dhl", "hermes", "evri", "the courier",
                "the post office", "yodel", "canada post", "the driver", "the delivery firm", "parcelforce"],
    "weekday": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "when": ["yesterday", "today", "this morning", "last week", "on monday", "on friday", "2 weeks ago",
             "10 days ago", "a month ago", "last month", "on the 3rd", "on the 14th", "over a week ago",
             "three weeks ago", "last tuesday", "on black friday", "before christmas", "on 5 nov",
             "on 12/03", "days ago"],
    "days": ["2", "3", "4", "5", "7", "10", "12", "14", "two", "three", "five", "ten", "several"],
    "agent": ["Sarah", "Tom", "Priya", "Ahmed", "Lucy", "Marco", "Jen", "Kevin", "Ana", "Yuki", "Olu",
              "Chris", "Maria", "Dave", "Fatima", "Liam", "Sophie", "Raj", "Elena", "Ben", "Mei", "Sam"],
    "name": ["John", "Mary", "Steve", "Karen", "Paul", "Linda", "Mohammed", "Aisha", "Pedro", "Ingrid",
             "Tomasz", "Giulia", "Hannah", "Oscar", "Wei", "Nadia", "Pete", "Jo", "Rob", "Claire",
             "J. Smith", "M. Garcia", "Anne-Marie", "Dmitri", "Kofi", "Sven", "Lena", "Ravi", "Zoe"],
    "seller": ["team", "guys", "there", "seller", "shop", "support", "folks", "all", "sir", "madam",
               "sir/madam", "customer service"],
    "defect": ["cracked", "broken", "smashed", "dented", "scratched", "torn", "ripped", "chipped",
               "leaking", "bent", "snapped", "faulty", "dead on arrival", "stained", "missing a piece",
               "not working", "DOA", "shattered", "damaged", "melted"],
    "colour": ["blue", "red", "black", "white", "green", "grey", "pink", "navy", "beige"],
    "size": ["small", "medium", "large", "XL", "size 8", "size 10", "size 42", "the 2m one", "king size"],
    "money": ["£12.99", "$25", "€40", "$7.50", "£60", "19.99", "$120", "£5", "€15.80", "Rs 660"],
    "order": ["112-4456789-1234567", "#40511", "order 7781", "204-9912345-7654321", "my last order",
              "order no. 55213", "the order", "ORD-1182"],
    "place": ["Ireland", "Germany", "Australia", "the US", "Norway", "Italy", "a PO box",
              "Northern Ireland", "the Channel Islands", "Spain", "Japan", "Mexico"],
    "holiday": ["Merry Christmas", "Happy holidays", "Happy new year", "Season's greetings",
                "Happy Easter", "Happy Diwali", "Happy Eid", "Happy Thanksgiving", "Happy Hanukkah",
                "Merry Xmas", "Happy Lunar New Year", "Wishing you a great new year"],
}

# ----------------------------------------------------------------------------- no reply needed
NO_REPLY: dict[str, list[str]] = {
    # (intent, family) -> core templates
    "thanks": [
        "[thank you|thanks|many thanks|thanks a lot|thank you so much|thanks so much|thx|ty|cheers|"
        "thank u|tysm|tyvm|thx a lot|thanks v much|ta|thank you very much|much appreciated|appreciate it|really appreciate it]",
        "[thanks|thank you|cheers|thx] [for your help|for the help|for sorting it|for sorting this out|"
        "for the quick reply|for getting back to me|for the update|for the info|for the information|"
        "for letting me know|for your patience|for that|for everything|for the fast response|"
        "for looking into it|for the tracking number|for the speedy reply]",
        "[great|perfect|brilliant|lovely|awesome|wonderful|fab|super|excellent|amazing], [thanks|thank you|"
        "cheers|thx|ty]",
        "[ok|okay|ok great|okay cool|alright|right|got it|understood|noted|sounds good|fair enough|"
        "no worries|no problem|all clear|perfect|fine|ok no problem|oh ok|ah ok|k|kk] [|thanks|thank you|thx|cheers|ty]",
        "thanks [again|once again|a million|heaps|loads|a bunch|so much again] [|for all your help]",
        "[thank you|thanks|many thanks|big thanks|a big thank you] [to|for] {agent} [|from customer service|"
        "in support|on the chat] [for the help|for sorting it out|for fixing it|for being so patient|"
        "for all her help|for all his help|who helped me today|]",
        "[thanks|thank you|kudos|big thanks] to [the team|your team|the whole team|everyone there|"
        "your support team|the support team|you all|you guys] [|for the help|for sorting it|for being so quick]",
        "[please pass on my thanks to|please thank] {agent}[|, they were great|, really helpful]",
        "i [just] wanted to say [thanks|a big thank you|cheers] [|for the help|for being so helpful|for the great service]",
        "[that's|thats|that is] [great|perfect|fine|all i needed|very helpful|brilliant|wonderful], "
        "[thanks|thank you|cheers]",
        "[thanks|thank you] for the [refund|replacement|quick refund|credit|exchange|voucher|partial refund], "
        "[much appreciated|very kind|really appreciated|all sorted]",
        "thank you for the [response|reply|explanation|clarification], [i understand now|that makes sense|"
        "that answers it|all clear now]",
        "[thanks|thank you|ty], [will do|i will do that|i'll do that|i'll try that|i will try that]",
        "[thank you|thanks|many thanks|thx|cheers|big thanks] [for|for the|for such] [fast|quick|speedy|"
        "super fast|rapid|swift|early|careful|lovely|great|excellent] [delivery|shipping|dispatch|"
        "service|packaging|postage|turnaround|response|reply|communication|wrapping][!|.|| :)| 👍]",
        "[thank you|thanks|many thanks] for [the|my|your] [gift|card|note|freebie|sample|sweets|discount] "
        "[in the parcel|in the box|you included|]",
        "[thanks|thank you][!| :)| 🙏| 👍| ❤️| 😊]",
    ],
    "arrived": [
        "[it|the {product}|my order|the parcel|the package|my parcel|the order|everything|it all|the items|"
        "my {product}] [arrived|came|turned up|showed up|got here|was delivered|has arrived|has been delivered|"
        "just arrived|finally arrived|finally came|came today|arrived today|arrived yesterday|arrived this morning|"
        "has come|is here|came through]",
        "[it|the {product}|my order|the parcel|the package] [arrived|came|got here] [safe and sound|"
        "in one piece|in perfect condition|in great condition|all in good order|fine|ok|safely|quickly|"
        "early|on time|a day early|before the weekend|no problems|with no issues]",
        "[got it|got them|received|received it|received the parcel|received my order|got my {product}|"
        "got the package|got the parcel], [thanks|thank you|thx|cheers|ty|all good|great|brilliant]",
        "[received|got] [it|the {product}|my order] [today|yesterday|this morning|just now|earlier|last night]",
        "[just letting you know|just to let you know|fyi|just a quick note to say|this is to confirm|"
        "i can confirm|confirming] [it|the {product}|my order|the parcel] [has arrived|arrived|was delivered|"
        "has been delivered|came]",
        "[parcel|package|order|delivery] [received|arrived|here], [thanks|cheers|thank you|all good|great]",
        "[the|my] {carrier} [finally] [delivered it|dropped it off|brought it|came]",
        "[the replacement|the new one|the second one|the refund|the money|my refund] [arrived|came|came through|"
        "has arrived|went through|is in my account|has gone through|showed up] [|today|yesterday|this morning|fine]",
        "i [have|'ve] [received|got] [the replacement|my refund|the refund|the exchange|the credit|the invoice|"
        "the new {product}] [|today|now|thanks|already]",
        "it came [lol|haha|finally|at last|today|in the end|after all]",
        "[delivered|arrived|here] [|today|now|at last|finally] [|:)|!|👍|🎉]",
        "it [arrived|came] [late|a bit late|a few days late] but [it's|its|it is] [fine|all good|ok|in good shape], "
        "[no worries|no problem|thanks anyway|thanks]",
    ],
    "resolved": [
        "[never mind|nevermind|nvm|no worries|ignore my last message|please ignore my last message|"
        "ignore that|disregard my previous message|scratch that|forget it], [i found it|found it|it turned up|"
        "it came|it arrived|my husband had it|my wife had it|my neighbour had it|the neighbour took it in|"
        "it was in the porch|it was in the shed|it was behind the bins|it was at the back door|"
        "it was in my spam folder|i sorted it|all sorted|it's fine now|my mistake]",
        "[sorry|apologies|sorry about that|my bad|oops|silly me|sorry for the trouble|sorry for the hassle], "
        "[it was my mistake|my mistake|i found it|it was my fault|i ordered the wrong size myself|"
        "i had the wrong address on my account|i misread the listing|i was looking at the wrong order|"
        "it was in my junk folder|my partner had already collected it]",
        "[all sorted|problem solved|issue resolved|resolved|sorted|it's sorted|all good now|all fixed|"
        "it's working now|it works now|works now|fixed it|that fixed it|that worked|that did the trick|"
        "all fine now|everything is fine now|everything's ok now|issue fixed] [|thanks|, thank you|, cheers|"
        "!|:)|, thanks for your help]",
        "[i managed to|managed to|i was able to|was able to] [fix it|sort it|sort it out|resolve it|"
        "get it working|figure it out|work it out|solve it] [myself||in the end]",
        "[the problem|the issue|my issue|the tracking issue] [is|has been|was] [resolved|solved|sorted|fixed] "
        "[now|already||, thanks]",
        "[turns out|it turns out|looks like] [it was|the parcel was|my son had] [in the mailbox|with a neighbour|"
        "at the front desk|in the parcel locker|just delayed|taken in by reception|put in the garage]",
        "[i reset it|i charged it overnight|i updated the firmware|i read the manual again|i changed the batteries] "
        "and [now it works|it works fine now|it's working perfectly|that solved it|all good]",
        "the [tracking|status] [now shows|now says|updated to|shows] [out for delivery|it's on its way|in transit|"
        "arriving tomorrow|delivered], [all good|thanks|great|so no worries]",
        "[no need to reply|no reply needed|no need to respond|no response needed|you don't need to reply|"
        "no action needed|nothing needed from you|no need to get back to me]",
        "[found the refund|i see the refund now|i can see the refund in my account|the refund showed up], "
        "[thanks|sorry for the bother|all good]",
    ],
    "self_next": [
        "[thanks|ok|okay|thank you|alright|got it], i['ll| will] [check with my bank|"
        "check with the post office|ask my neighbours|check the porch|wait a few more days|try again tomorrow|"
        "contact {carrier} myself|do that|give that a go|try that|sort it from here|"
        "take it from here|keep an eye on the tracking|let you know if anything changes]",
        "i['ll| will] [wait|just wait] [a few more days|until friday|till monday|for the courier|for it] "
        "[|then|and see]",
        "i['ll| will] [return it through the site|send it back through the returns page|"
        "use the return label|drop it at the post office tomorrow|print the label] [|myself|, thanks]",
        "[i'm|i am|im] [going to|gonna] [try|give] [it|that] [again|a go|tonight|tomorrow] [|, thanks]",
        "[ok|okay|alright|fine], [i understand|understood|makes sense|that's fair|fair enough]"
        "[|, thanks|. i'll wait|. i will wait]",
    ],
    "praise": [
        "[love|loving|absolutely love|really love|we love|my daughter loves|my son loves|my mum loves] "
        "[it|the {product}|them|my {product}|this] [|so much|!|, thank you|, it's perfect]",
        "[it's|it is|its|they're|they are] [beautiful|gorgeous|perfect|stunning|lovely|great|brilliant|amazing|"
        "exactly what i wanted|even better than the photos|better than expected|top quality] [|!|, thanks]",
        "[great|excellent|fantastic|brilliant|superb|top|amazing|5*|five star] [seller|service|quality|"
        "product|packaging|communication], [would buy again|will buy again|highly recommend|a++|thanks|"
        "will be back|recommended]",
        "[fits perfectly|works perfectly|works great|works like a charm|does the job|does exactly what it says|"
        "exactly as described|just as described|as pictured|perfect fit|great fit]",
        "[you|you guys] [are|r] [the best|amazing|stars|legends|brilliant]",
        "[wow|omg|so happy|over the moon|delighted|thrilled|very pleased|really pleased|so pleased|chuffed], "
        "[the {product} is lovely|it's perfect|what a quality|thank you|love it|it arrived so fast]",
        "[super fast|really fast|very quick|speedy|quick] [delivery|shipping|dispatch|service], "
        "[thanks|thank you|great|impressed|cheers]",
        "[the {product}|it] [looks|works|feels|fits|sounds] [great|amazing|perfect|fantastic|lovely] "
        "[|on my desk|in the kitchen|on the wall|in the living room]",
        "my [daughter|son|wife|husband|mum|dad|friend|partner|grandson] [loved|adored|was thrilled with] "
        "[it|the gift|the {product}|the present]",
        "[keep up the good work|keep it up|great job|well done|nice work] [|guys|team|!]",
        "[will definitely|i will|will] [order again|buy from you again|be back|recommend you to friends]",
    ],
    "greeting": [
        "{holiday} [to you all|to the team|to everyone|and thanks for everything this year|from our family|"
        "!|and all the best]",
        "[saying hello from {place}|greetings from {place}|"
        "just dropping by to say hi|hi there, just saying hello]",
        "[have a great|have a lovely|enjoy your|have a nice] [weekend|day|holiday|christmas|summer|week]"
        "[|!|, thanks]",
        "{holiday}! [thanks for a great year|love your shop|hope you have a good break|"
        "keep making lovely things]",
    ],
    "review_left": [
        "[fyi|just so you know], i [already] [left|gave] [a review|my rating] [|yesterday|last night]",
        "[i've|i have|ive|just] [left|given|written|posted|put up|submitted] [a|you a|my|an] "
        "[review|5 star review|five star review|positive review|feedback|positive feedback|5 stars|good review|"
        "glowing review|rating]",
        "[left|gave] [you] [5 stars|five stars|a 5* review|positive feedback|a good rating|a review] "
        "[|, well deserved|, thanks|, you deserve it|!|:)]",
        "[will|i will|i'll|gonna] [leave|write|give] [you] [a good review|a review|5 stars|positive feedback|"
        "great feedback] [|soon|later|tonight|when i get a minute]",
        "[review done|feedback left|rated 5 stars|review posted] [|!|, thanks|👍]",
        "i [updated|changed] my [review|rating|feedback] to [5 stars|positive|reflect the great service] "
        "[|, thanks for sorting it]",
    ],
}
NO_REPLY["sigh"] = [
    "[thanks|cheers|got it, thanks|ok thanks], [took its time|slow boat|took the scenic route|"
    "a bit of a wait] but [it got here|worth it|it's here now|we got there] [lol|haha|😅|]",
    "[sorted|all sorted|fixed|done], [what a week|phew|finally|at last|about time] [haha|lol|😂|!]",
    "[thanks|thank you]. [the courier|the van driver|the postie] [clearly|obviously|definitely] "
    "[had a bad day|played football with it|took a detour] but [the {product} is fine|it survived|"
    "nothing's broken]",
    "[thanks|cheers], [my own fault|my fault entirely|user error|i'm an idiot] [really|haha|lol|🙈|]",
]
NO_REPLY["settled_story"] = [
    "[i thought it was lost|i thought it had gone missing|it was broken|it wasn't working|"
    "i couldn't find it|the tracking said delivered but i couldn't see it|the app said it was cancelled|"
    "i was worried it wouldn't come in time|i had a problem with the charger|the screen was blank at first]"
    "[.|,|...| -] [never mind, found it|all good now|sorted now|it's fine now|but it's fine now|"
    "but it turned up|turns out it was my mistake|problem solved|but it works now|no worries now|"
    "but my neighbour had it|all sorted, thanks]",
]
# Statements that ask nothing and report no problem: they ride along with a closing.
NEUTRAL_REMARKS = [
    "[it's|it is|this is] [for|going to] [my mum's birthday|a friend's wedding|my office|the spare room|"
    "our new flat|my grandson|the kitchen wall|my collection]",
    "[it'll|it will|this will|they will] [look great|sit|live] [on the shelf|on my desk|by the window|"
    "in the hallway|in the garden|in the nursery]",
    "[we've|we have|i've|i have] been using it [every day|all week|since it came|non stop|daily]",
    "[the kids|my kids|my partner|my husband|my wife|my dog|my cat|the whole family] [is|are] "
    "[thrilled|obsessed|so happy|loving it|impressed]",
    "[i'll|i will|we'll|i'm going to] [be ordering|order|buy] [more|another one|some for friends|"
    "a second one] [for christmas|soon|next month|for my sister|]",
    "[it was|this was] [my first|my second|another] [order|purchase] [from you|with you|here] "
    "[and it won't be the last|and not the last|and i'm impressed|]",
    "[it's even better|it's nicer|it looks better|it's bigger] [than|in person than] [i expected|"
    "the photos|i imagined|in the pictures]",
    "[hope|i hope] [business is good|you have a great week|the shop does well|you're keeping well]",
]
# Praise that talks about the order and the delivery (words that otherwise mean a problem).
NO_REPLY["order_praise"] = [
    "[the delivery|delivery|shipping|the parcel|my order] was [quick|fast|speedy|on time|early|smooth|"
    "painless] and [the {product}|everything|the item|it] [was packed|came packed|was wrapped] [really well|"
    "beautifully|carefully|with care|securely]",
    "[ordered|bought|got] [it|the {product}|this] {when} and [it's|it is] [already|been] [in use|on the wall|"
    "a hit|perfect|working great|exactly right] [|, thanks|, brilliant]",
    "[my order|the order|my parcel|the package] [came|arrived|was delivered] [ahead of schedule|sooner than "
    "expected|within a day|the day after i ordered|before the estimated date][, impressive|, great stuff|"
    ", thank you|!|]",
    "[no problems|no issues|not a single problem|zero issues] [with|at all with] [the order|the delivery|"
    "the {product}|this purchase][, thanks|, great|!|]",
    "[the tracking|the updates|the delivery notifications] [was|were] [spot on|really helpful|accurate|"
    "great], [arrived|came|turned up] [right on time|exactly when it said|as promised]",
]
NO_REPLY["hello_note"] = [
    "[i came across|i found|i stumbled on|i discovered] your [shop|page|work|designs] [last week|recently|"
    "through a friend|on a blog|today] and [just wanted to say|had to say|wanted to tell you] [how much i "
    "love it|it's lovely|hello|you made my day]",
    "[hello|hi|hey] [from a fan|from a happy customer|from an old customer|again]! [hope you're well|"
    "hope all is good|hope business is booming|keep up the lovely work]",
    "[i follow|i've been following|we follow] your [work|shop|page|updates] [for years|for a while|"
    "since last year] and [love|adore|enjoy] [every new piece|what you make|your style]",
]
# The same families in a formal, letter-like register (long sentences, no contractions).
NO_REPLY["formal"] = [
    "[i am writing to|i write to|this is to|i would like to|i wish to] [confirm|let you know|inform you] that "
    "[the order|the goods|the parcel|my purchase|the delivery|the replacement|the {product}] [has been received|"
    "arrived safely|was delivered|reached me|came] [this morning|yesterday|today|in good condition|intact|"
    "in perfect order|as expected]",
    "[please accept|may i offer|i would like to express|i wish to express] [my thanks|my gratitude|"
    "our sincere thanks|my appreciation] for [the prompt resolution|the swift handling|your assistance|"
    "the kind help|the professional service|the way my query was handled|the care taken with the packing]",
    "[further to|following] my [earlier|previous|last] [message|email|note], [please disregard it|"
    "kindly ignore it|it can be disregarded|no action is needed]: [the parcel|the item|the package] "
    "[has since arrived|was with a neighbour|had been left at reception|was found in our post room]",
    "[no further action is required|nothing further is needed|there is no need for a reply|"
    "the matter may be considered closed|i consider the matter resolved][.| on my part.| thank you.]",
    "[the quality|the finish|the workmanship|the craftsmanship|the presentation] [is|was] [excellent|"
    "superb|exceptional|first class|outstanding|beyond what i expected][; |. |, ]"
    "[i shall|i will|we will] [certainly|happily|gladly] [recommend you|order again|return to your shop]",
    "[we have|i have] [now|since] received [the refund|the credit|the replacement|the corrected invoice|"
    "the missing part] [into our account|as promised|in full|this morning]. [thank you for your assistance|"
    "many thanks for your help|with thanks]",
    "[having|after] [reread|read|followed|checked] [your instructions|the manual|the guide|your advice], "
    "i [managed to|was able to] [set it up|pair it|get it working|assemble it] [without difficulty|"
    "with no trouble|easily]",
]
NO_REPLY_INTENT = {
    "order_praise": "thanks_or_resolved", "hello_note": "other",
    "formal": "thanks_or_resolved",
    "settled_story": "thanks_or_resolved",
    "sigh": "thanks_or_resolved",
    "thanks": "thanks_or_resolved", "arrived": "thanks_or_resolved", "resolved": "thanks_or_resolved",
    "self_next": "thanks_or_resolved", "praise": "thanks_or_resolved", "greeting": "other",
    "review_left": "feedback_or_review",
}

# ----------------------------------------------------------------------------- needs a reply
NEEDS_REPLY: dict[str, list[str]] = {
    "where_is_my_order": [
        "[it was|my parcel was|the delivery was|it's] [supposed|meant|due|scheduled] to [come|arrive|turn up|"
        "be here] [today|yesterday|by 6pm|this morning|before noon] but [it got delayed|it's delayed again|"
        "the slot has passed|it's now late evening|nothing has come|the van never came]",
        "[i am writing to|i write to|i would like to] [enquire|inquire|ask] about [the status of|the whereabouts of|"
        "the delivery of] [my order|order {order}|the {product}|our purchase], [which|as it] [was due|"
        "was expected|should have arrived] [{when}|last week|some days ago]",
        "[i would be grateful if you could|could you kindly|might you] [confirm|advise|let me know] "
        "[when|whether] [the order|my parcel|the goods] [will be dispatched|has been sent|will arrive]",
        "[i'm|i am|just] [wondering|curious|hoping to find out] [when|if] [my order|it|the {product}|my parcel] "
        "[will ship|has shipped|will be sent|is on its way|will be dispatched|will arrive]",
        "[any idea|do you know|can you tell me] [when|if] [it|my order|the {product}] [will ship|will arrive|"
        "has gone out|is coming][?|]",
        "[i am not received|i not received|not receive|not yet received|i didn't receive] [my order|my parcel|"
        "the item|the {product}|anything] [till now|until now|yet|still][.|!|]",
        "[order|parcel|item|package] [not come|not arrive|not delivered|not reached] [yet|till now|still]"
        "[, please check|, what happen|, kindly check|]",
        "[when will deliver|when it will deliver|when deliver|when is delivery|when come] [my order|it|"
        "the {product}|][?|]",
        "[the order|my order|{order}] [was placed|went through] {when} [and|but] [i've had|i have had|there's been] "
        "[no update|no dispatch email|no news|no tracking|nothing] [since|at all|yet]",
        "[it's|it is|its] [been|now been] [{days} days|{days} weeks|over a week|ages] [since i ordered|"
        "since i paid|and nothing has come|with no update]",
        "[the|my] [delivery date|estimated date|expected date|arrival date] [has passed|came and went|"
        "was {weekday}|was yesterday|was last week] [and|but] [nothing|no parcel|no sign of it|still waiting]",
        "[still|yet again|once again] [no|no sign of|nothing from] [{carrier}|the courier|my parcel|the delivery]",
        "[where is|where's|wheres|where my] [my order|my parcel|my package|the {product}|my {product}|it|"
        "my stuff|{order}][?|??|| please|, please]",
        "[when will|when is|when does|when do|when can i expect|when should i expect|when's] [my order|"
        "the {product}|it|my parcel|my package|my {product}|the delivery] [arrive|ship|be delivered|get here|"
        "be sent|be dispatched|come|turn up|arriving|coming][?||]",
        "[when my order will come|when my parcel will arrive|when i will get my {product}|"
        "when i will receive my order|my order when coming|when it will reach me|please tell me when it ships]",
        "[still nothing|still no sign of it|still no sign of my order|still waiting|still waiting for my order|"
        "still haven't got it|still not here|still not arrived|still hasn't arrived|nothing yet|"
        "no sign of it yet|it hasn't come|it's not here yet|it never arrived|it still hasn't shown up|"
        "still waiting on it|no parcel yet|no package yet]",
        "[the tracking|tracking|the tracking number|the status|the order status] [hasn't|has not|hasnt|doesn't|"
        "didn't|hasn't been] [moved|updated|changed|shown anything] [since {weekday}|in {days} days|"
        "for a week|for days|since it was posted|since last week]",
        "[tracking|it|the tracking|the parcel] [has said|says|has been saying|still says|shows|has shown] "
        "['out for delivery'|out for delivery|in transit|label created|awaiting collection|"
        "shipping label created|pre-transit|dispatched|at the depot] [since {weekday}|for {days} days|all day|"
        "for a week|since yesterday|for ages]",
        "[i ordered|ordered|i bought|bought|i paid for] [a|the|my|two|some] {product} {when} and [it still "
        "hasn't arrived|nothing has arrived|i've heard nothing|it hasn't shipped|there's no tracking|"
        "still nothing|it's not here|no update since]",
        "[it was supposed to|it was meant to|it should have|it was due to|it was expected to] [arrive|come|"
        "be here|be delivered] [{when}|by {weekday}|last week|yesterday|days ago] [but nothing|and it hasn't|"
        "but still nothing|and still no sign|but it didn't]",
        "[has my order|has it|has the {product}|has my parcel] [been|] [shipped|dispatched|sent|posted] "
        "[yet|][?|]",
        "[can you|could you|can u|could u|please|pls|kindly] [check|tell me|let me know|give me an update on|"
        "update me on|look into] [where my order is|the status of my order|when it will ship|the tracking|"
        "where it is|if it has shipped|what is happening with my order][?|.|]",
        "[do you have|have you got|is there] [a|any] [tracking number|tracking info|update|eta|delivery date]"
        " [for my order|for it|for {order}|yet][?|]",
        "[any update|any news|any updates|an update please|update please|any eta|eta?|status?|any word] "
        "[on my order|on the delivery|on {order}|about my parcel|][?|??|]",
        "[i have been waiting|ive been waiting|i've waited|been waiting|waited] [{days} days|{days} weeks|"
        "ages|over a week|forever|almost a month] [for my order|for this|for the {product}|and nothing]",
        "[my order|order {order}|the {product}] [is late|is overdue|is delayed|is {days} days late|"
        "hasn't been dispatched|still hasn't shipped|still says processing|is stuck in customs|"
        "has not been sent]",
        "[estimated|expected] delivery was {weekday} [and it's|and it is|but it's] [now|] [{weekday}|"
        "a week later|way past that]",
        "[is my order|is it] [on its way|coming|still coming|lost|stuck][?|]",
        "[placed|made] [my|the|an] order {when}[,| and] [no dispatch email|no shipping confirmation|"
        "no tracking|nothing since|not dispatched yet|still processing]",
    ],
    "delivery_problem": [
        "[got|received|i got|i received|just got] [an email|a text|a notification|a message|an alert] "
        "[from {carrier}|from the courier|from you|] [saying|that|to say] [it's been lost|the parcel was lost|"
        "it was damaged in transit|delivery failed|it is being returned|it couldn't be delivered|"
        "the address couldn't be found]",
        "[thanks for nothing|cheers for nothing|thanks for wasting my day|thanks for the silence|"
        "great service, not|well done, another failed delivery][.|!|!!| 🙄]",
        "[i regret to say|unfortunately|i am sorry to report|i must inform you] that [the {product}|the item|"
        "the goods|the consignment] [arrived|was delivered|reached us] [damaged|in pieces|incomplete|"
        "with a cracked panel|with parts missing|in the wrong size]",
        "[item|product|parcel|goods] [is|are|was|came] [damage|damaged|broken|crush|wet] "
        "[, what to do|, what i do now|, please help|, kindly help|, please check]",
        "[they|you] [sent|gave|delivered] [me] [the wrong {product}|a different {product}|the wrong size|"
        "the wrong colour|a used one|a broken one]",
        "[brilliant|great|wonderful|fantastic], [another|a] [broken|damaged|missing|late] [parcel|delivery|item]"
        "[ 🙄| again|. thanks a lot|]",
        "[it|the {product}|my {product}|the parcel|the item|the box] [arrived|came|was delivered|turned up] "
        "[{defect}|completely {defect}|badly {defect}|totally {defect}|{defect} and unusable]",
        "[the|my] {product} [is|was|came] {defect} [when it arrived|on arrival|out of the box|in the box|]",
        "[it says|tracking says|the tracking says|the website says|the app says|it shows|it's marked as|"
        "it was marked] [delivered|as delivered] but [it isn't here|it's not here|i never got it|"
        "nothing came|i didn't get it|there's nothing here|no parcel|i have nothing|it never arrived|"
        "i was home all day and nothing came]",
        "[i received|i got|received|got] [the wrong item|the wrong {product}|the wrong size|the wrong colour|"
        "a {colour} one instead of {colour}|someone else's order|an empty box|the wrong model|"
        "{size} instead of {size}|a completely different item]",
        "[the|my] [package|parcel|box|order] [only had|was missing|didn't include|came without|had no] "
        "[the {product}|one item|the charger|the manual|half the items|the screws|the lid|the cable|a part|"
        "the second {product}]",
        "[one item|part of my order|the {product}|half my order|the second one] [is missing|was missing|"
        "didn't come|never came|wasn't in the box|wasn't there|is not there]",
        "[i only got|only got|i only received|only received] [one|1|two|part of my order|half the order] "
        "[of the|out of] [two|three|four|2|3|4|] [i ordered|items|{product}s|]",
        "[the courier|{carrier}|the driver|the delivery guy] [left it|threw it|put it|delivered it] "
        "[in the rain|at the wrong address|over the fence|with someone i don't know|at the wrong house|"
        "in a puddle|outside|next door]",
        "[my parcel|the package|my order|it] [was lost|got lost|is lost|has been lost|was stolen|"
        "went missing|was returned to sender|is being returned to you|was sent back] "
        "[in transit|by {carrier}|from my porch|]",
        "[it doesn't|it does not|doesnt|it won't|it wont|will not] [work|turn on|charge|switch on|connect|"
        "fit|close|pair|power up] [at all||out of the box|anymore|after one day]",
        "[the|my] {product} [stopped working|broke|died|fell apart|snapped|started leaking] [after|within] "
        "[a day|two days|a week|one use|a few hours]",
        "[received|got] [my|the] {product} [without|with no|missing the] [charger|cable|battery|remote|"
        "instructions|power supply|screws|lid]",
        "[the box was|the packaging was|it was] [crushed|soaked|open|torn open|ripped|wet|smashed] "
        "[and|,] [the {product}|the item|it|the contents] [is|are|was] [{defect}|damaged|ruined]",
        "[there's|there is|it has] [a crack|a dent|a scratch|a hole|a stain|a tear|a chip] [in|on] "
        "[the {product}|it|the screen|the side|the front]",
        "[photos|pictures|pics] [attached|below|here] [of the damage|of what arrived|]",
        "[a parcel|a box|a package] [for|addressed to] [my neighbour|someone on another street|a different name|"
        "number 14] [was left|came|turned up] [here|with mine|on my step] [by mistake|]",
        "[only problem is|the only problem is|one problem:|problem is|the thing is] [the handle wobbles|"
        "the lid doesn't fit|it's scratched|the colour is off|it rattles|it won't charge|the zip is stuck]",
        "[box was empty|the box was empty|2 pieces were shattered|two pieces were broken|the glass is cracked|"
        "the app keeps crashing|it keeps turning off|it keeps disconnecting|the screen flickers|"
        "instructions are missing|the instructions are in another language|the seal was broken|"
        "it smells of smoke|the battery is swollen|the strap snapped|the paint is peeling]",
        "[it|this|the {product}] [needs to be fixed|needs fixing|needs replacing|is broken again|"
        "broke again|has the same fault again|is still not working|still doesn't work|still isn't fixed]",
        "[get it fixed|fix it please|sort it out|please sort this|do something about it|i want this fixed]",
        "[the problem|the issue|my problem|the fault] [is still not solved|still isn't solved|hasn't been fixed|"
        "is back|came back|is still there|has not gone away]",
        "it was fixed [last time|before|once] [,|but|and] now [it is|it's|its] [broken|not working|dead] again",
    ],
    "return_or_refund": [
        "[i would like to|i wish to|we would like to] [arrange|request|organise] [a return|the return of the "
        "{product}|an exchange|a refund] [as|because|since] [it does not fit|it is not as described|"
        "it is faulty|we no longer need it|it arrived damaged]",
        "[i want return|i want to return back|i want refund|please to refund|kindly refund] [the|my|this] "
        "[item|{product}|order|money][.|!|]",
        "[my|the] [refund|money] [is|has been] [taking|pending for] [ages|weeks|{days} days|forever]"
        "[, when will i see it|, any news|]",
        "[i want|i would like|i'd like|id like|i wish|i need|can i|could i|may i|how do i|how can i] "
        "[to return|return|to send back|send back|a refund for|to get a refund for|refund|to exchange|"
        "exchange] [it|this|the {product}|my {product}|the item|my order][?|.|]",
        "[where is|wheres|what happened to|when will i get|when do i get|still waiting for|still no|"
        "i still haven't got|i haven't received|haven't had|no sign of] [my refund|the refund|my money|"
        "my money back|the credit|the reimbursement][?|.|]",
        "[i returned|i sent back|returned|sent back|posted back|i dropped off] [it|the {product}|the item|"
        "the parcel|my order] [{when}|weeks ago|{days} days ago|last week] [and|but] [still no refund|"
        "no refund yet|haven't been refunded|nothing back yet|no money|i am still waiting|heard nothing]",
        "[it's|it is|its|they're|they are] [too small|too big|too tight|too short|too long|not the right size|"
        "not what i expected|not as described|not as pictured|a different colour|poor quality], "
        "[can i|how do i|i want to|i'd like to|please let me] [return|exchange|swap|send back] [it|them][?|]",
        "[please|pls|kindly|can you|could you] [refund me|give me a refund|send a return label|"
        "send me a return label|issue a refund|process my refund|replace it|send a replacement|"
        "swap it for a {size}|exchange it for the {colour} one][.|!|?|]",
        "[is it|is it too late|am i still able|can i still|is there still time] [to return|to send back|"
        "for a return|to exchange][ it| this| the {product}|][?|]",
        "[what is|what's|whats] [your return address|the return address|your returns policy|the return policy|"
        "the return window|the process for returns][?|]",
        "[the|my] refund [hasn't|has not|didn't|did not|still hasn't] [come through|arrived|shown up|"
        "reached my account|been processed|hit my account] [yet|after {days} days|]",
        "[i have|i've|i|just] [sent it back|returned it|posted it back|dropped it off at the post office|"
        "shipped it back|handed it to the courier] [|today|yesterday|this morning|as you asked]"
        "[|, please refund me|, when will i get the refund|, please confirm]",
        "[i'd like|i want|i would like|i need] [my money back|a full refund|a partial refund|"
        "compensation|a replacement or a refund][ please|| asap|, this is not acceptable]",
        "[the {product} is|it is|its] [{defect}|faulty|defective], [i want|i'd like|i need|please send] "
        "[a replacement|a new one|a refund|my money back|an exchange]",
        "[can|could] [i|we] [swap|exchange|change] [it|the {product}|this] [for|to] [a {size}|"
        "the {colour} one|a different size|a different colour|another one][?|]",
        "[you sent|they sent|i was sent] [the wrong item|the wrong one|the wrong size], [how do i|"
        "do i need to] [send it back|return it|pay for the return][?|]",
    ],
    "cancel_or_change_order": [
        "[actually|on second thought|thinking about it|after all|sorry but] [i'd rather not|i don't want it|"
        "i won't need it|i need to pull out|it's no longer needed|we've sorted one already], [please|can you|"
        "could you] [cancel|stop it|call it off|not ship it][.|?|]",
        "[please|pls|kindly|can you|could you|can u|i want to|i'd like to|i would like to|i need to|"
        "how do i|how can i] [cancel|cancel my order|cancel the order|cancel this|cancel {order}|"
        "cancel the {product}][?|.|!| please|]",
        "[i changed my mind|changed my mind|i've changed my mind|ive changed my mind|i no longer need it|"
        "i don't need it anymore|i dont need it any more|i don't want it anymore|i found it cheaper elsewhere|"
        "i bought it elsewhere|i ordered by mistake|i ordered it by accident|i accidentally ordered two|"
        "ordered the wrong one], [can you|could you|please|is it possible to|i want to|can i] "
        "[cancel|stop the order|cancel it|not send it|call it off|scrap the order][?|.|]",
        "[i don't want|i dont want|don't send|dont send|please don't ship|please do not ship|"
        "no longer want] [it|the order|the {product}|this order|it anymore][.|!|]",
        "[can i|could i|is it possible to|i need to|i want to|please] [change|update|correct|fix] "
        "[the address|my address|the delivery address|my shipping address|the size|the colour|"
        "the quantity|my order] [|to {size}|to {colour}|before it ships|on my order][?|.|]",
        "[i entered|i used|i typed] [my old address|the wrong postcode|"
        "the wrong zip code|my work address] [by mistake||when ordering], "
        "[can you|could you|is there any way to|how do i] [change it|fix it|update it|correct it][?|]",
        "[is it too late|too late|can i still|is it still possible] [to cancel|to change my order|"
        "to change the address|to add an item][?|]",
        "[why can't i|it won't let me|i can't|i cannot] "
        "[cancel|cancel my order|cancel the order|change the order][?|.|]",
        "[please|pls] [hold|stop] [the order|my order|the parcel|shipment] [|until next week|, i'm away]",
        "[i'd like to|i want to|can i|could i] [add|combine] [another item|a second {product}|"
        "this with my other order|two orders] [to my order|for combined shipping|][?|]",
        "[the order|it] [hasn't shipped|hasn't been sent|isn't dispatched] yet so [please|can you] "
        "[cancel it|just cancel][?|.|]",
    ],
    "product_question": [
        "[is|does|will|can|do|would] [it|this|the {product}|the {colour} one|the {size}|this item|they] "
        "[work with|fit|come with|include|come in|suit|support|run on|need] [a {product}|{colour}|"
        "batteries|an adapter|a {size}|my model|mac|android|iphone|240v|a plug|a stand|a case|"
        "a larger size|other colours][?|]",
        "[what|what's|whats|what is] the [size|material|weight|capacity|length|width|height|wattage|"
        "voltage|battery life|warranty|lead time|thread count|fabric|difference between the two] "
        "[of|on|for] [it|the {product}|this|the {colour} one][?|]",
        "[is this|is the {product}|are these|is it] [waterproof|dishwasher safe|machine washable|"
        "microwave safe|vegan|real leather|solid wood|gold plated|in stock|available|still available|"
        "compatible with {product}|suitable for kids|handmade|made to order][?|]",
        "[do you have|have you got|will you have|when will you have|do u have] [it|this|the {product}|"
        "any|more] [in {colour}|in {size}|in stock|back in stock|in a bigger size|restocked][?|]",
        "[do you|can you|will you|do u] [ship|deliver|post|send] [to {place}|internationally|overseas|"
        "outside the uk|outside the us|express][?|]",
        "[how do i|how can i|how to|how do you] [use|assemble|set up|install|clean|charge|pair|reset|"
        "connect|wash] [it|this|the {product}|my {product}][?|]",
        "[are you going to|when will you|will u] [restock|bring back|make] [it|this|"
        "the {product}|more of these|the {colour} version] [again|soon|][?|]",
        "[i was wondering if|wondering if|i'd like to know if|could you tell me if|can you tell me if] "
        "[it|the {product}|this] [comes in|fits|works with|is available in|can be personalised with] "
        "[{colour}|a {size}|my {product}|a name|engraving]",
        "[can|could] [you|u] [personalise|engrave|customise|make] [it|this|one] [with|in|for] "
        "[a name|my initials|{colour}|a {size}|a custom size][?|]",
        "[how long|how many] [does the battery last|is the cable|watts is it|pieces are in the set|"
        "is the warranty|does it take to make][?|]",
        "[i have|i've got|i own] [model|a] [x200|the old version|the 2019 model|a {product}], "
        "[will this|does this|would this|will the {product}] [fit|work|be compatible][?|]",
        "[is there|are there] [a manual|instructions|a warranty|spare parts|a user guide|a size chart] "
        "[for|with] [it|this|the {product}][?|]",
        "[what's|what is] [the lead time|the delivery time|shipping time] [to {place}|for the {product}|"
        "for a custom order][?|]",
    ],
    "invoice_or_billing": [
        "[our company|my employer|the business|our office|my boss] [needs|requires|wants] [a copy of the invoice|"
        "an invoice|a receipt|the bill|a vat receipt] [for the books|for bookkeeping|to reimburse me|"
        "for the audit|for tax]",
        "[the amount|the total|the price] [charged|taken|on my card] [is|was] [wrong|more than|different from] "
        "[the listing|what i agreed|the checkout total|the price shown][.|, why?|]",
        "[can you|could you|please|pls|kindly|can i get|could i get|could i have|can i have|i need|i'd need|"
        "we need] [send me|send|provide|email] [an invoice|a vat invoice|a receipt|a tax invoice|"
        "an itemised receipt|a proper invoice|a copy of the invoice] [for my order|for {order}|"
        "for this purchase|for the {product}|][?|.|]",
        "[i need|we need|i require|i'll need|i have to have|my accountant needs|our accounts team needs] "
        "[an invoice|a receipt|a vat receipt|a vat invoice|proof of purchase|the invoice] "
        "[for our records|for the company's records|for my records|for my company|for my expenses|"
        "for expenses|to claim it back|for tax purposes|for the accounts]",
        "[i was charged|i've been charged|you charged me|i got charged|charged me] [twice|double|two times|"
        "the wrong amount|{money}|more than the listing price|after i cancelled|for shipping twice]",
        "[there's|there is|i see] [a charge|an extra charge|a double charge|an unknown charge|"
        "a payment] [of {money}|] [on my card|on my account|on my statement|"
        "i don't recognise]",
        "[what is|what's|whats] [this|the] [charge|payment|{money} charge|fee] [for|on my account|"
        "on my card][?|]",
        "[can you|could you|please] [put|add|include] [my company name|our vat number|the business name|"
        "my tax id|our company address] [on the invoice|on the receipt][?|.|]",
        "[i never got|i didn't get|i haven't received|no|never received] [a receipt|an invoice|"
        "an order confirmation|a payment confirmation] [|for my order|for one of the items]",
        "[the payment|my payment|my card] [failed|was declined|didn't go through|went through twice], "
        "[what should i do|can you check|was i charged|please check][?|.|]",
        "[i haven't received|still no|where is] [the|my] [promised discount|price adjustment|"
        "coupon discount] [of {money}|][?|.|]",
        "[can i|how can i|could i] [pay|pay by|pay with] [bank transfer|invoice|paypal|a different card|"
        "purchase order|instalments][?|]",
    ],
    "feedback_or_review": [
        "[why do you keep|please stop|stop|why are you] [asking|emailing|messaging] [me] [for a review|"
        "about a review|to leave feedback|for feedback][?|.|!]",
        "[how do i|how can i|where do i|can i] [leave|write|change|update|edit|remove|delete] "
        "[a review|my review|feedback|the review|my feedback|a rating][?|]",
        "[i left|i gave] [you] [a bad review|1 star|a negative review|negative feedback|a 2 star review] "
        "because [it arrived {defect}|it never came|nobody answered|the {product} broke]"
        "[, what are you going to do about it|, please fix this|. sort it out|]",
        "[i can't|i cannot|it won't let me] [leave|post|submit] [a review|feedback][, why|, can you help][?|.|]",
        "[is it ok|is it okay|would it be ok] [if|to] [i|] [leave|post|mention] [a review|feedback|"
        "this in my review][?|]",
    ],
    "other": [
        "[the order number is|my order number is|order id is|my address is|the tracking number is|"
        "my postcode is|the serial number is|my email on the order is] [{order}|below|12 high street|"
        "ab12 3cd|above|1z999aa10123456784|in the photo][|.]",
        "[i've|i have|i|just] [sent|attached|uploaded|added] [the photos|a photo|pictures|the video|"
        "the receipt|the screenshot|the details|it] [|in the app|just now|as you asked|to your email|"
        "here|below]",
        "[yes|yeah|yep|sure|ok|okay], [please|go ahead and|you can] [send|ship|post|refund|replace|"
        "resend|cancel] [it|a new one|the replacement|the rest|it to my work address][|.]",
        "[i need help|need help|i need some help|help me|please help me|can you help me] "
        "[with my account|with something|please|asap|]",
        "[i emailed|i sent an email|i messaged you|i wrote to you|already sent an email|i contacted you] "
        "[{when}|{days} days ago|last week|twice|] [and|but] [no response|no reply|heard nothing|"
        "nobody answered|still no answer|got no reply][ yet|]",
        "[is anyone there|is anybody there|hello??|anyone?|can someone help me|can anyone help]"
        "[?|??|!|]",
        "[how|where] [can i|do i|could i] [contact|reach|speak to|talk to|call] [you|someone|a manager|"
        "customer service|a real person|the seller][?|]",
        "[why was|why has|why did you] [my order|my purchase] [cancelled|canceled|refused|held|"
        "blocked][?|]",
        "[can you|could you|please|pls] [call me|ring me|phone me|get back to me|reply to me|respond|"
        "answer me|get in touch][ asap| urgently| today| please|]",
        "[what is|what's|whats] [your phone number|your email address|"
        "the best way to reach you|your opening hours][?|]",
        "[i have|i've got|got] [a question|a problem|an issue|a quick question|a complaint|a query] "
        "[about my order|with my account|for you|][,|.|] [please|can you|could you] [help|get back to me|"
        "contact me|respond][?|.|]",
        "[do you|are you] [do|doing|offer|take] [wholesale|bulk orders|trade accounts|custom orders|"
        "collaborations|commissions][?|]",
        "[waiting for your reply|still waiting for your answer|waiting for an answer|awaiting your response|"
        "i'm waiting to hear back|please answer my question|i need an answer|no answer yet]",
        "[i need it by|i need it before|it has to be here by|i must have it by] [friday|monday|the weekend|"
        "the 20th|christmas|tomorrow|next week][|!|, please]",
        "[please|pls|kindly] [reply|respond|answer|advise|help|look into this|get back to me]"
        "[!|.|!!|asap|urgently|]",
        "[this is|that's|this is absolutely|this is totally] [unacceptable|ridiculous|a joke|not good enough|"
        "terrible service|disgraceful][!|.|!!!]",
    ],
}

# A closing phrase in front of a request still needs a reply ("thanks! but where is the rest?").
CLOSING_PREFIX = [
    "thanks", "thank you", "thanks for the quick reply", "cheers", "thx", "it arrived", "got it",
    "thanks for the refund", "the {product} arrived", "received the parcel", "love it", "great, thanks",
    "ok thanks", "thank you for your help", "many thanks", "appreciate it", "it came today",
    "thank you for the update", "all good with the first one", "the replacement arrived",
    "love your work", "you were so helpful last time",
    "big fan of your shop", "the last order was perfect", "i sorted out the first issue",
]
CONNECTORS = [". ", ". ", "! ", ". ", "\n", ", ", "but", ", but", ". but", ". however", ". unfortunately", ". sadly", ". one thing though:",
              ". also", " - ", ". just one question:", ". quick question,", "... but", ". oh and",
              ". although"]

GREETINGS = ["hi", "hello", "hey", "hiya", "dear seller", "hi there", "good morning", "good afternoon",
             "hello {seller}", "hi {seller}", "dear {seller}", "hey {seller}", "hi {agent}", "dear {agent}",
             "hello, ", "greetings", "yo", "morning", "good evening", "hola"]
SIGNOFFS = ["thanks", "thank you", "regards", "kind regards", "best", "best regards", "cheers", "br",
            "many thanks", "thanks in advance", "sincerely", "rgds", "best wishes", "thx", "ty"]
SIGNOFFS_NO_REPLY = ["regards", "kind regards", "best", "best regards", "cheers", "br", "best wishes",
                     "take care", "all the best", "have a nice day", "warm regards", "x", "xx"]
# Things buyers say around their point that change nothing.
STORY = [
    "i ordered [a|the|two] {product} {when}.", "order {order}.", "this is about {order}.",
    "it was a [gift|present|birthday present] for my [son|daughter|mum|husband|wife|friend].",
    "i bought the {product} from you {when}.", "re: {product}", "regarding my order of the {product}.",
    "i'm writing about the {product} i bought.", "[this is|it's] my [first|second|third] order with you.",
    "i am a regular customer.", "[sorry|apologies] for [messaging here|the long message|bothering you].",
]
AFTER_REQUEST = ["please advise", "thanks in advance", "please help", "thank you in advance", "asap please",
                 "looking forward to your reply", "let me know", "please get back to me", "awaiting your reply",
                 "hope to hear from you soon", "please respond", "urgent", "thanks for your help",
                 "thank you", "thanks"]
EMOJI_POS = ["🙂", "😊", "🙏", "👍", "❤️", "😀", "🎉", "😍", "✨", "💕", "🥰", "👌", ":)", ":-)", ":D", ";)",
             "<3", "xx", "x", ";o)", "=)", "^_^", "(:", ":]"]
EMOJI_NEG = ["😡", "😤", "😞", "😢", "😠", "🙄", "😩", "😕", ":(", ":-(", ">:(", ":/", "=\\", "😭", "🤬"]
EMOJI_MILD = ["😅", "🤷", "😂", "lol", "haha", "lmao", "phew", "ugh", "sigh", "*sigh*", "hehe"]
HANDLES = ["@ShopHelp", "@support", "@seller", "@StoreCare", "@HelpDesk", "@AcmeHelp"]

ABBREVIATIONS = {
    "you": ["u", "ya"], "your": ["ur", "yr"], "please": ["pls", "plz", "plse"], "thanks": ["thx", "thanx",
    "thnx", "tks", "ty"], "thank you": ["ty", "thankyou", "thanku", "thank u"], "because": ["bc", "cos"],
    "tomorrow": ["tmrw", "tmr"], "message": ["msg"], "okay": ["ok", "k"], "received": ["recieved", "recived",
    "receved"], "arrived": ["arived", "arrieved"], "are": ["r"], "the": ["teh", "da"], "what": ["wat", "wht"],
    "when": ["wen"], "really": ["rly"], "order": ["oder", "ordr"], "delivery": ["delievery", "delivary"],
    "refund": ["refnd"], "package": ["pakage", "packge"], "great": ["gr8"], "to": ["2"], "for": ["4"],
}


def expand(template: str, rng: random.Random) -> str:
    """Fill one template: innermost [a|b] choices first, then {slot} fillers."""
    pattern = re.compile(r"\[([^\[\]]*)\]")
    while True:
        m = pattern.search(template)
        if not m:
            break
        choice = rng.choice(m.group(1).split("|"))
        template = template[:m.start()] + choice + template[m.end():]
    template = re.sub(r"\{(\w+)\}", lambda m: rng.choice(SLOTS[m.group(1)]), template)
    return re.sub(r"\s+([,.?!])", r"\1", re.sub(r" {2,}", " ", template)).strip()


# ----------------------------------------------------------------------------- noise

def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swap
    if kind == 1:
        return word[:i] + word[i + 1:]  # drop
    if kind == 2:
        return word[:i] + word[i] + word[i:]  # double
    return word[:i] + rng.choice("qwertyuiopasdfghjklzxcvbnm") + word[i + 1:]  # neighbour-ish


def add_noise(text: str, rng: random.Random, mood: str) -> str:
    """Type it the way real people do; `mood` ("pos", "neg", "any") picks emoji."""
    if rng.random() < 0.25:
        for full, short in ABBREVIATIONS.items():
            if rng.random() < 0.5:
                text = re.sub(rf"\b{full}\b", lambda m: rng.choice(short), text)
    if rng.random() < 0.3:
        text = text.replace("'", "")
    if rng.random() < 0.3:
        words = text.split(" ")
        text = " ".join(_typo(w, rng) if rng.random() < 0.08 else w for w in words)
    if rng.random() < 0.08:  # run-together words ("thankyou", "gotit")
        words = text.split(" ")
        if len(words) > 1:
            i = rng.randrange(len(words) - 1)
            words[i:i + 2] = [words[i] + words[i + 1]]
            text = " ".join(words)
    if rng.random() < 0.1:  # stretched letters ("sooo", "thanksss")
        words = text.split(" ")
        i = rng.randrange(len(words))
        if words[i] and words[i][-1].isalpha():
            words[i] += words[i][-1] * rng.randint(1, 4)
        text = " ".join(words)
    if rng.random() < 0.15:
        marks = ["!!!", "!!", "...", "..", "!!!!!"] + (["??", "?!", "!?"] if text.rstrip().endswith("?") else [])
        text = re.sub(r"[.!?]$", "", text) + rng.choice(marks)
    if rng.random() < 0.2:
        text = re.sub(r"[.!]$", "", text)
    if rng.random() < 0.25:
        pool = {"pos": EMOJI_POS, "neg": EMOJI_NEG}.get(mood, EMOJI_POS + EMOJI_NEG)
        pool = pool + EMOJI_MILD if rng.random() < 0.3 else pool
        text += rng.choice(["", " "]) + rng.choice(pool) * rng.choice([1, 1, 1, 2, 3])
    case = rng.random()
    if case < 0.4:
        text = text.lower()
    elif case < 0.45:
        text = text.upper()
    elif case < 0.9:
        text = re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
        text = re.sub(r"\bi\b", "I", text)
    if rng.random() < 0.12:
        text = rng.choice(HANDLES + ["@" + str(rng.randint(100, 999999))]) + " " + text
    if rng.random() < 0.04:
        text += " " + rng.choice(["#fail", "#happy", "#customerservice", "#prime", "#delivery", "#love"])
    if rng.random() < 0.04:
        text += " https://t.co/" + "".join(rng.choice("abcdefghijkLMNOP0123456789") for _ in range(10))
    return text


def _join(parts: list[str], rng: random.Random) -> str:
    sep = rng.choice([" ", " ", " ", "\n", "\n\n", "  "])
    out = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and not re.search(r"[.!?,:)\]]$|[^\w\s]$", out[-1]) and rng.random() < 0.7:
            out[-1] += rng.choice([".", ".", "!", ","])
        out.append(p)
    return sep.join(out)


def _wrap(core: str, rng: random.Random, needs_reply: bool) -> str:
    parts = []
    if rng.random() < 0.35:
        parts.append(expand(rng.choice(GREETINGS), rng) + rng.choice([",", "", "!", " -"]))
    if needs_reply and rng.random() < 0.3:
        parts.append(expand(rng.choice(STORY), rng))
    elif not needs_reply and rng.random() < 0.08:
        parts.append(expand(rng.choice(STORY[:3]), rng))
    parts.append(core)
    if needs_reply and rng.random() < 0.3:
        parts.append(expand(rng.choice(AFTER_REQUEST), rng))
    signoffs = SIGNOFFS if needs_reply else SIGNOFFS_NO_REPLY
    if rng.random() < 0.25:
        parts.append(rng.choice(signoffs) + rng.choice([",", "", "!"]))
        if rng.random() < 0.6:
            parts.append(expand("{name}", rng))
    elif rng.random() < 0.1:
        parts.append(expand("{name}", rng))
    return _join(parts, rng)


def no_reply_message(rng: random.Random) -> tuple[str, str, str]:
    family = rng.choice(list(NO_REPLY))
    core = expand(rng.choice(NO_REPLY[family]), rng)
    if rng.random() < 0.3:  # two closing sentences ("arrived today. love it, thanks")
        other = rng.choice(["thanks", "arrived", "praise", "resolved"])
        core = _join([core, expand(rng.choice(NO_REPLY[other]), rng)], rng)
    if family in ("thanks", "arrived", "praise", "order_praise", "hello_note") and rng.random() < 0.35:
        remarks = [expand(rng.choice(NEUTRAL_REMARKS), rng) for _ in range(rng.choice([1, 1, 2]))]
        core = _join([core] + remarks if rng.random() < 0.7 else remarks + [core], rng)
    text = add_noise(_wrap(core, rng, False), rng, "pos" if family != "resolved" else "any")
    return text, NO_REPLY_INTENT[family], family


def needs_reply_message(rng: random.Random) -> tuple[str, str, str]:
    intent = rng.choice(list(NEEDS_REPLY))
    core = expand(rng.choice(NEEDS_REPLY[intent]), rng)
    family = intent
    roll = rng.random()
    if roll < 0.25:  # closing first, then the point: the hard negatives for "no reply"
        prefix = expand(rng.choice(CLOSING_PREFIX), rng)
        core = f"{prefix}{rng.choice(CONNECTORS)} {core}"
        family = "closing+" + intent
    elif roll < 0.45:  # more sentences of the same intent
        more = [expand(rng.choice(NEEDS_REPLY[intent]), rng) for _ in range(rng.choice([1, 1, 2]))]
        core = _join([core] + more, rng)
    mood = "neg" if intent in ("delivery_problem", "where_is_my_order", "other") else "any"
    return add_noise(_wrap(core, rng, True), rng, mood), intent, family


def generate(n: int, seed: int = 20261201, no_reply_share: float = 0.4) -> list[dict]:
    """`n` labelled messages, the same ones for the same seed (duplicates dropped)."""
    def draw(rng: random.Random) -> tuple[bool, str, str, str]:
        if rng.random() < no_reply_share:
            return (False, *no_reply_message(rng))
        return (True, *needs_reply_message(rng))
    return unique_rows("gen", n, seed, draw)


if __name__ == "__main__":
    import sys
    print_sample(generate, sys.argv[1:])
