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
                "the post office", "yodel", "canada post", "the driver", "amazon logistics", "parcelforce"],
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
    "place": ["Canada", "Ireland", "Germany", "Australia", "the US", "Norway", "Italy", "a PO box",
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
        "thank u|tysm|ta|thank you very much|much appreciated|appreciate it|really appreciate it]",
        "[thanks|thank you|cheers|thx] [for your help|for the help|for sorting it|for sorting this out|"
        "for the quick reply|for getting back to me|for the update|for the info|for the information|"
        "for letting me know|for your patience|for that|for everything|for the fast response|"
        "for looking into it|for the link|for the tracking number|for the speedy reply]",
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
        "i [just] wanted to say [thanks|thank you] [|for the help|for being so helpful|for the great service]",
        "[that's|thats|that is] [great|perfect|fine|all i needed|very helpful|brilliant|wonderful], "
        "[thanks|thank you|cheers]",
        "[thanks|thank you] for the [refund|replacement|quick refund|credit|exchange|voucher|partial refund], "
        "[much appreciated|very kind|really appreciated|all sorted]",
        "thank you for the [response|reply|explanation|clarification], [i understand now|that makes sense|"
        "that answers it|all clear now|i will look into it]",
        "[thanks|thank you|ty], [will do|i will do that|i'll do that|i'll try that|i will try that]",
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
        "get it working|figure it out|work it out|solve it] [myself|on my own||in the end]",
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
        "[thanks|ok|okay|thank you|alright|got it], i['ll| will] [look into it|check with my bank|"
        "check with the post office|ask my neighbours|check the porch|wait a few more days|try again tomorrow|"
        "contact {carrier} myself|fill it in|fill in the form|do that|give that a go|try that|sort it from here|"
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
        "[you|you guys] [are|r] [the best|amazing|stars|legends|so talented|brilliant]",
        "[wow|omg|so happy|over the moon|delighted|thrilled|very pleased|really pleased|so pleased|chuffed], "
        "[the {product} is lovely|it's perfect|what a quality|thank you|love it|it arrived so fast]",
        "[super fast|really fast|very quick|lightning fast|speedy|quick] [delivery|shipping|dispatch|service], "
        "[thanks|thank you|great|impressed|cheers]",
        "[the {product}|it] [looks|works|feels|fits|sounds] [great|amazing|perfect|fantastic|lovely] "
        "[|on my desk|in the kitchen|on the wall|in the living room]",
        "my [daughter|son|wife|husband|mum|dad|friend|partner|grandson] [loved|adored|was thrilled with] "
        "[it|the gift|the {product}|the present]",
        "[your chat support is|the customer service was|your service is|the support was] [amazing|brilliant|"
        "so helpful|excellent|outstanding|fabulous], [|thank you|couldn't be happier|so refreshing]",
        "[keep up the good work|keep it up|great job|well done|nice work] [|guys|team|!]",
        "[will definitely|i will|will] [order again|buy from you again|be back|recommend you to friends]",
    ],
    "greeting": [
        "{holiday} [to you all|to the team|to everyone|and thanks for everything this year|from our family|"
        "!|and all the best]",
        "[just wanted to say hi|just saying hello|hello from {place}|greetings from {place}|"
        "just dropping by to say hi|hi there, just saying hello]",
        "[have a great|have a lovely|enjoy your|have a nice] [weekend|day|holiday|christmas|summer|week]"
        "[|!|, thanks]",
        "{holiday}! [thanks for a great year|love your shop|hope you have a good break|"
        "keep making lovely things]",
    ],
    "review_left": [
        "[i've|i have|ive|just] [left|given|written|posted|put up|submitted] [a|you a|my|an] "
        "[review|5 star review|five star review|positive review|feedback|positive feedback|5 stars|good review|"
        "glowing review|rating]",
        "[left|gave] [you] [5 stars|five stars|a 5* review|positive feedback|a good rating|a review] "
        "[|, well deserved|, thanks|, you deserve it|!|:)]",
        "[don't worry|no worries|fyi|just so you know], i [already] [left|submitted|gave] [feedback|a review|"
        "my rating] [|after it arrived|on the app|yesterday]",
        "[will|i will|i'll|gonna] [leave|write|give] [you] [a good review|a review|5 stars|positive feedback|"
        "great feedback] [|soon|later|tonight|when i get a minute]",
        "[review done|feedback left|rated 5 stars|review posted] [|!|, thanks|👍]",
        "i [updated|changed] my [review|rating|feedback] to [5 stars|positive|reflect the great service] "
        "[|, thanks for sorting it]",
    ],
}
NO_REPLY["long_thanks"] = [
    "[thank you|thanks|big thanks|a huge thank you] [for|for the] [lightning fast|super quick|speedy|"
    "next day|really fast|quick] [delivery|shipping|dispatch], [it came|got it|it arrived|received it] "
    "[within 24 hours|in less than a day|the next morning|in two days|before the weekend] [|, amazing|"
    ", so happy|, impressed]",
    "[so happy|really happy|very happy|delighted|impressed] with [your shop|the service|my order|"
    "the delivery] because [i got it|it arrived|it came|the parcel came] [in less than a day|so fast|"
    "a day early|the next day|within hours]",
    "[my order|the parcel|it] was [finally|eventually|] delivered[,| and] [i really appreciate|"
    "i very much appreciate|thanks for|many thanks for] [the help|all the help|your help] [from|of] "
    "{agent}[| and {agent}][|, thank you both|. thanks!]",
    "[thank you|thanks|a big thank you] to {agent} [from|in|on] [customer service|your support team|"
    "the chat|the help desk] for [all her help|all his help|all their help|the help] with my order "
    "[this morning|today|yesterday|earlier] and [fixing it|sorting it out|getting it resolved]",
    "[just had|had] [another|a] [great|fabulous|brilliant|really good] [chat|interaction|experience] "
    "with your [team|support|customer service][, thank you| and couldn't be happier|. so refreshing]",
    "[thanks|thank you] for [choosing me|the invite|the early invitation|the free sample|the gift], "
    "[so excited|overwhelmed|can't wait to try it|what a nice surprise]",
    "[hope|i hope] [it lasts|this lasts|it will last] [a long time|for years|as long as the last one], "
    "[thanks|thank you|cheers] [again|for the quick delivery|]",
    "[i have|i've] [just] [received|got] [it|my {product}|the parcel] and [i love it|it's perfect|"
    "it looks great|it works fine|everything is there][|, thanks|!]",
]
NO_REPLY["sigh"] = [
    "[thanks|resolved, thanks|sorted, thanks|ok thanks|it arrived, thanks|all fixed now, thanks]. "
    "[it would be nice if|it'd be good if|would be nice if|i wish] [you had a clearer way to contact you|"
    "the tracking was more accurate|the cancel button was easier to find|the courier was more careful|"
    "the website showed stock levels|the emails were clearer]",
    "[thanks|thank you|got it, thanks][,|.] [not impressed with the courier though|the courier was "
    "useless but not your fault|bit of a wait but got there|took a while but worth it|"
    "the box had seen better days but the item is fine|shame about the wait but never mind]",
    "[thanks|ok thanks|cheers]. [it was made|it was] [unnecessarily|really|a bit] [difficult|hard|"
    "annoying] to [find the cancel option|find your contact details|track it] but [i'm not surprised|"
    "whatever|got there in the end|it's done now]",
    "[thanks for trying to help|thanks for your attempt to help|thanks anyway], [i was able to|i managed to] "
    "[resolve it|sort it|fix it] [on my own|myself], [wish|i wish] [customer service|support|the site] "
    "[was more helpful|had more options|was quicker]",
    "[it's|its] [okay|ok|fine] now, [i've|i have|i] [solved|sorted|fixed] it. [as a suggestion|"
    "just a suggestion|for next time], [a clearer notification|an email|a text] would be [appreciated|"
    "nice|helpful] [when the status changes|if something goes wrong|]",
]
NO_REPLY_INTENT = {
    "long_thanks": "thanks_or_resolved", "sigh": "thanks_or_resolved",
    "thanks": "thanks_or_resolved", "arrived": "thanks_or_resolved", "resolved": "thanks_or_resolved",
    "self_next": "thanks_or_resolved", "praise": "thanks_or_resolved", "greeting": "other",
    "review_left": "feedback_or_review",
}

# ----------------------------------------------------------------------------- needs a reply
NEEDS_REPLY: dict[str, list[str]] = {
    "where_is_my_order": [
        "[i want to|i'd like to|how do i|how can i|can i|help me] [track|trace|check on|follow] "
        "[my order|my parcel|it|my purchase|{order}][?|]",
        "[did|has] [my|the] [{product}|order|parcel|purchase] [ship|shipped|go out|get sent|leave yet][?|]",
        "[can you|could you|please] [post|ship|send] [it] [tomorrow|today|this week|asap|first class][?|]",
        "[will it|is it going to|does it] [take long|take much longer|be long|be much longer][?|]",
        "[can you|could you] [provide|give me|share] [more details|an update|some info|news] "
        "[about|on] [my recent order|my order|{order}|the shipment][?|]",
        "[can you|could you] [contact|ring|chase|call] [the courier|{carrier}|the post office] "
        "[to see where it is|and find out where it is|about my parcel][?|]",
        "[i was promised|they promised|you promised|i paid extra for] [express delivery|next day delivery|"
        "delivery by {weekday}|it by the 14th] [and|but] [it's not here|nothing|still waiting|it's late]",
        "[it was|it's|my order was] [delayed|held up] [and|but] [the site|the app|tracking] [said|says] "
        "[by 8pm today|today|tomorrow] [and it's|but it's|and now it's] [11pm|late|already tomorrow]",
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
        "for a week|since this morning|since yesterday|for ages]",
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
        "[the|my|one] [{product}|mug|pair|item|lamp|box|jar|bottle] [came|arrived|is|was] [{defect}|"
        "with a hole|with a crack|in bits|dented|bent|wet]",
        "[one pair|one of them|the second one|the other one|one item] [has|had|came with] [a hole|"
        "a crack|a tear|a stain|a scratch|a chip] [already|in it|on it|]",
        "[i received|received|i got|got] [everything|all the items|all] [but|except] [the {product}|"
        "one item|the charger|the second part|the cable]",
        "[the|my] [{product}|encoder|charger|lid] was the only thing [in the box|in the package|that came]",
        "[{carrier}|the courier|the post office] [says|said|told me] [they are|it is|they're] "
        "[returning it to sender|sending it back|holding it] because [the address was wrong|"
        "the label was damaged|nobody was home]",
        "[the|my] [preorder|order|parcel] [was mishandled|got mixed up|went to the wrong place|"
        "was sent to a po box|was misrouted]",
        "[thanks for the|great,] non[-| ]delivery [with no explanation|again|]",
        "[{carrier}|the courier] [appears to have|seems to have|has] lost [it|my parcel|my order|the {product}]",
        "[got|received] [totally|completely|badly] [damaged|broken|crushed] [shoes|{product}|goods|items]"
        "[, please check|, pls look into this|, see photos|]",
        "[it|the {product}|my {product}|the parcel|the item|the box] [arrived|came|was delivered|turned up] "
        "[{defect}|completely {defect}|badly {defect}|totally {defect}|{defect} and unusable]",
        "[the|my] {product} [is|was|came] {defect} [when it arrived|on arrival|out of the box|in the box|]",
        "[it says|tracking says|the tracking says|amazon says|the app says|it shows|it's marked as|"
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
        "[you delivered|they delivered|we got] [someone else's|a] [package|parcel] [to our house|here|"
        "by mistake] [|and need it picked up|that isn't ours]",
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
        "[my delivery|the delivery|my parcel] [was|has been] [delayed|late] [again|twice|for the second time]",
    ],
    "return_or_refund": [
        "[it was|i bought it as] a [gift|present|christmas gift] [but|and] [they already have one|"
        "they have something similar|it turns out they have one|it's a duplicate], [can i|could i|"
        "how do i|is it possible to] [return it|send it back|get a refund][?|]",
        "[i need help|need help|help me|i need some help] [with|to get] [a refund|a return|my refund|"
        "returning it|sending it back]",
        "[is there anyone|can i speak to someone|who can i talk to] [to sort out|about] [a refund|my refund|"
        "a return][?|]",
        "[i just found|i found] [a parcel|the package|the box] [i thought i|i meant to] [sent back|returned|"
        "posted] [weeks ago|last month], [is it too late|can i still return it|can i still send it][?|]",
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
        "[why will|why does|why is|why has] [my refund|the refund] [take|taking|been] [so long|{days} days|"
        "weeks][?|]",
        "[i'd like|i want|i would like|i need] [my money back|a full refund|a partial refund|"
        "compensation|a replacement or a refund][ please|| asap|, this is not acceptable]",
        "[the {product} is|it is|its] [{defect}|faulty|defective], [i want|i'd like|i need|please send] "
        "[a replacement|a new one|a refund|my money back|an exchange]",
        "[can|could] [i|we] [swap|exchange|change] [it|the {product}|this] [for|to] [a {size}|"
        "the {colour} one|a different size|a different colour|another one][?|]",
        "[you sent|they sent|i was sent] [the wrong item|the wrong one|the wrong size], [how do i|"
        "why do i have to|do i need to] [send it back|return it|pay for the return][?|]",
    ],
    "cancel_or_change_order": [
        "[i need help|need help|help me|i need some help] [with|to] [cancelling|canceling|cancel|"
        "changing|change] [my order|my purchase|purchase {order}|an item|order {order}]",
        "[wanna|want to|gonna need to|need to] [change|cancel|swap] [an article of|an item in|something in|"
        "one item on] [my purchase|my order|{order}]",
        "[the package|my order|it] [still has not arrived|never came|is taking forever], [i|so i] "
        "[bought|got] [the items|it|one] elsewhere[,|.] [i need to|please|can you|i want to] "
        "[cancel|cancel the order|cancel it]",
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
        "[i put|i entered|i used|i typed] [the wrong address|my old address|the wrong postcode|"
        "the wrong zip code|my work address] [on my order|by mistake||when ordering], "
        "[can you|could you|is there any way to|how do i] [change it|fix it|update it|correct it][?|]",
        "[is it too late|too late|can i still|is it still possible] [to cancel|to change my order|"
        "to change the address|to add an item][?|]",
        "[why can't i|why am i unable to|it won't let me|it doesn't let me|i can't|i cannot] "
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
        "[will you|are you going to|when will you|will u] [sell|restock|bring back|make] [it|this|"
        "the {product}|more of these|the {colour} version] [again|soon|anytime soon|][?|]",
        "[i was wondering if|wondering if|i'd like to know if|could you tell me if|can you tell me if] "
        "[it|the {product}|this] [comes in|fits|works with|is available in|can be personalised with] "
        "[{colour}|a {size}|my {product}|a name|engraving]",
        "[can|could] [you|u] [personalise|engrave|customise|make] [it|this|one] [with|in|for] "
        "[a name|my initials|{colour}|a {size}|a custom size][?|]",
        "[how long|how many] [does the battery last|is the cable|watts is it|pieces are in the set|"
        "is the warranty|does it take to make][?|]",
        "[i have|i've got|i own] [model|a] [h612|x200|the old version|the 2019 model|a {product}], "
        "[will this|does this|would this|will the {product}] [fit|work|be compatible][?|]",
        "[is there|are there] [a manual|instructions|a warranty|spare parts|a user guide|a size chart] "
        "[for|with] [it|this|the {product}][?|]",
        "[what's|what is] [the lead time|the delivery time|shipping time] [to {place}|for the {product}|"
        "for a custom order][?|]",
        "[any chance|is there any chance] [you|you'd|you could] [ship|sell|make|stock] [to {place}|"
        "a {size}|it in {colour}|more][?|]",
    ],
    "invoice_or_billing": [
        "[i need|need|help me|how do i|how can i|i want] [to download|download|to get|a copy of|to print] "
        "[my bill|my invoice|the invoice|the receipt|bill {order}|invoice {order}][, help me|, please|?|]",
        "[i|we] [only got|only received] [a receipt|an invoice] for [one of the two|one item|part of the order]",
        "[i've been|i was|i got] charged [for it|today|again] [even though|although|after] [i cancelled|"
        "it was cancelled|i returned it][, so i'm overdrawn|, please sort it|]",
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
        "a payment|an unauthorised payment] [of {money}|] [on my card|on my account|on my statement|"
        "i don't recognise]",
        "[what is|what's|whats] [this|the] [charge|payment|{money} charge|fee] [for|on my account|"
        "on my card][?|]",
        "[can you|could you|please] [put|add|include] [my company name|our vat number|the business name|"
        "my tax id|our company address] [on the invoice|on the receipt][?|.|]",
        "[i never got|i didn't get|i haven't received|no|never received] [a receipt|an invoice|"
        "an order confirmation|a payment confirmation] [|for my order|for one of the items]",
        "[the payment|my payment|my card] [failed|was declined|didn't go through|went through twice], "
        "[what should i do|can you check|was i charged|please check][?|.|]",
        "[i haven't received|still no|where is] [the|my] [cashback|promised discount|price adjustment|"
        "coupon discount] [of {money}|][?|.|]",
        "[can i|how can i|could i] [pay|pay by|pay with] [bank transfer|invoice|paypal|a different card|"
        "purchase order|instalments][?|]",
    ],
    "feedback_or_review": [
        "[need help|i need help|help me|can you help me] [to write|writing|to leave|to post] [a review|"
        "an opinion|feedback|a rating] [about|on|for] [your products|the {product}|my order|it]",
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
        "[{carrier}|{order}|tomorrow morning|monday works|any time after 5|the {colour} one|{size}|yes|"
        "yes please|no|yes, go ahead|yes that's fine|the second address|my new address]"
        "[| works for me| is fine| please| is better|]",
        "[the order number is|my order number is|order id is|my address is|the tracking number is|"
        "my postcode is|the serial number is|my email on the order is] [{order}|below|12 high street|"
        "ab12 3cd|above|1z999aa10123456784|in the photo][|.]",
        "[i've|i have|i|just] [sent|attached|uploaded|added] [the photos|a photo|pictures|the video|"
        "the receipt|the screenshot|the details|it] [|in the app|just now|as you asked|to your email|"
        "here|below]",
        "[yes|yeah|yep|sure|ok|okay], [please|go ahead and|you can] [send|ship|post|refund|replace|"
        "resend|cancel] [it|a new one|the replacement|the rest|it to my work address][|.]",
        "[tomorrow morning|friday afternoon|any day next week|monday between 9 and 12|after 6pm] "
        "[works|is good|suits me|is fine] for [the pickup|collection|delivery|the engineer|the call]",
        "[i need help|need help|i need some help|help me|please help me|can you help me] "
        "[with my account|with something|please|asap|]",
        "[i tried to|tried to] [respond to|reply to] [the email|the receipt|the order email|"
        "your message] but [heard nothing|got nothing back|it bounced|no reply], [so i'm|so i am] "
        "[reaching out|writing|messaging] here",
        "[i emailed|i sent an email|i messaged you|i wrote to you|already sent an email|i contacted you] "
        "[{when}|{days} days ago|last week|twice|] [and|but] [no response|no reply|heard nothing|"
        "nobody answered|still no answer|got no reply][ yet|]",
        "[is anyone there|is anybody there|hello??|anyone?|can someone help me|can anyone help]"
        "[?|??|!|]",
        "[how|where] [can i|do i|could i] [contact|reach|speak to|talk to|call] [you|someone|a manager|"
        "customer service|a real person|the seller][?|]",
        "[why was|why has|why did you] [my order|my account] [cancelled|canceled|closed|suspended|"
        "blocked][?|]",
        "[can you|could you|please|pls] [call me|ring me|phone me|get back to me|reply to me|respond|"
        "answer me|get in touch][ asap| urgently| today| please|]",
        "[what is|what's|whats] [the escalation process|your phone number|your email address|"
        "the best way to reach you|your opening hours][?|]",
        "[i have|i've got|got] [a question|a problem|an issue|a quick question|a complaint|a query] "
        "[about my order|with my account|for you|][,|.|] [please|can you|could you] [help|get back to me|"
        "contact me|respond][?|.|]",
        "[do you|are you] [do|doing|offer|take] [wholesale|bulk orders|trade accounts|custom orders|"
        "collaborations|commissions][?|]",
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
    "the ones you made last year have been flawless, great job", "love your work", "you were so helpful last time",
    "big fan of your shop", "the last order was perfect", "i sorted out the first issue",
]
CONNECTORS = ["but", ", but", ". but", ". however", ". unfortunately", ". sadly", ". one thing though:",
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
    text = add_noise(_wrap(core, rng, False), rng, "pos" if family != "resolved" else "any")
    return text, NO_REPLY_INTENT[family], family


def needs_reply_message(rng: random.Random) -> tuple[str, str, str]:
    intent = rng.choice(list(NEEDS_REPLY))
    core = expand(rng.choice(NEEDS_REPLY[intent]), rng)
    family = intent
    roll = rng.random()
    if roll < 0.2:  # closing first, then the point: the hard negatives for "no reply"
        prefix = expand(rng.choice(CLOSING_PREFIX), rng)
        core = f"{prefix}{rng.choice(CONNECTORS)} {core}"
        family = "closing+" + intent
    elif roll < 0.35:  # a second sentence of the same intent
        core = _join([core, expand(rng.choice(NEEDS_REPLY[intent]), rng)], rng)
    mood = "neg" if intent in ("delivery_problem", "where_is_my_order", "other") else "any"
    return add_noise(_wrap(core, rng, True), rng, mood), intent, family


def generate(n: int, seed: int = 20261201, no_reply_share: float = 0.4) -> list[dict]:
    """`n` labelled messages, the same ones for the same seed (duplicates dropped)."""
    rng = random.Random(seed)
    rows, seen = [], set()
    attempts = 0
    while len(rows) < n and attempts < n * 5:
        attempts += 1
        if rng.random() < no_reply_share:
            text, intent, family = no_reply_message(rng)
            needs = False
        else:
            text, intent, family = needs_reply_message(rng)
            needs = True
        key = text.lower()
        if key in seen or not text.strip():
            continue
        seen.add(key)
        rows.append({"id": f"gen-{len(rows) + 1:05d}", "text": text, "needs_reply": needs,
                     "intent": intent, "family": family})
    return rows


if __name__ == "__main__":
    import sys
    for row in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 20, seed=int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        print(row["needs_reply"], row["intent"], "|", row["text"].replace("\n", " / "))
