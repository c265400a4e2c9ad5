#!/usr/bin/env python3
"""Independent spoken-PHI evaluation corpus generator.

Builds healthcare phone-call / clinic-visit transcripts and voice-agent
post-call payloads in which fictitious PHI is spoken the way callers say it
and the way speech-to-text engines write it down, with byte-exact gold spans
and labelled non-PHI look-alikes ("negatives").

    python3 gen_spoken.py --split dev|test [--seed N] > out.jsonl
    python3 gen_spoken.py --split test --stats
    python3 gen_spoken.py --check dev.jsonl test.jsonl

Written from how people speak and how ASR engines render speech; it does not
look at the redaction tool's rules.  Python 3.11 standard library only.
See README.md for sources and licences of the carrier dialogues.

Layout of this file:
  1. configuration, split partitioning
  2. data pools (names, places, phrasings, negatives ...)
  3. number / letter words
  4. value generators (all values fictitious and valid for their type)
  5. renderers (spoken / written forms of each value)
  6. rich text (segments with span / negative tags) and templates
  7. carrier dialogues (loading, PHI screening, splitting)
  8. exchanges (question / answer / read-back turns)
  9. conversation assembly, transcript and vendor-JSON records
 10. validation, statistics, main
"""

import argparse
import csv
import glob
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

# ---------------------------------------------------------------------------
# 1. configuration, split partitioning
# ---------------------------------------------------------------------------

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = 20240611
PARTITION_SALT = "spoken-partition-v1"   # fixed: decides dev/test pools
DEV_SHARE = 0.6                           # share of each phrasing pool in dev

# per-split target counts of injected values (transcript + JSON conversation;
# the duplicate copies inside one JSON payload are not counted here)
TARGETS = {
    "NAME": 720, "DOB": 300, "PHONE": 300, "SSN": 215, "MRN": 215, "ZIP": 225,
    "CARD": 260, "EMAIL": 220, "MBI": 105, "NPI": 95, "STREET": 150,
    "MEMBER_ID": 115, "CITY": 120, "DATE": 40,
}


def _h(*parts):
    return int(hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16], 16)


def split_pool(name, items, split):
    """Deterministically partition a pool ~60% dev / 40% test.

    Independent of list order: an item's side depends only on the pool name and
    the item itself, so test always holds phrasings / renderings that dev never
    uses."""
    items = list(dict.fromkeys(items))
    if len(items) < 2:
        return items
    order = sorted(items, key=lambda x: _h(PARTITION_SALT, name, repr(x)))
    k = max(1, min(len(items) - 1, round(len(items) * DEV_SHARE)))
    return order[:k] if split == "dev" else order[k:]


def carrier_side(source, key):
    """~50/50 partition of carrier dialogues by a fixed hash."""
    return "dev" if _h(PARTITION_SALT, "carrier", source, key) % 2 == 0 else "test"


# ---------------------------------------------------------------------------
# 2. data pools
# ---------------------------------------------------------------------------
# Names are fictitious combinations drawn from common given names / surnames of
# many origins.  "g" = f / m / x (used only to pick Mr./Ms.).

FIRST_NAMES = {
    "hispanic": "maria:f jose:m luis:m carmen:f alejandro:m guadalupe:f sofia:f diego:m ximena:f rosa:f "
                "javier:m lucia:f mateo:m valentina:f ramon:m yesenia:f esperanza:f joaquin:m marisol:f "
                "rafael:m beatriz:f ignacio:m paola:f adrian:m graciela:f octavio:m",
    "vietnamese": "linh:f minh:m thanh:m huong:f tuan:m phuong:f duc:m quang:m thuy:f hoa:f bao:m ngoc:f "
                  "khanh:x trang:f hieu:m",
    "nigerian": "chinedu:m ngozi:f oluwaseun:x adaeze:f emeka:m funmilayo:f tunde:m chiamaka:f obinna:m "
                "yetunde:f ifeoma:f babatunde:m kelechi:x temitope:x uchenna:x",
    "polish": "agnieszka:f krzysztof:m malgorzata:f wojciech:m katarzyna:f tomasz:m zofia:f grzegorz:m "
              "bartosz:m jadwiga:f pawel:m magdalena:f",
    "turkish": "mehmet:m ayse:f emre:m zeynep:f mustafa:m elif:f burak:m fatma:f selin:f oguz:m derya:f "
               "hakan:m",
    "indian": "priya:f rajesh:m ananya:f vikram:m lakshmi:f sanjay:m deepa:f rohan:m kavitha:f suresh:m "
              "meera:f aditya:m pooja:f venkat:m sunita:f",
    "chinese": "wei:x xiaoming:m jing:f hao:m jianhua:m xiulan:f zhiwei:m yuting:f haoran:m lihua:f qiang:m "
               "fang:f",
    "arabic": "ahmed:m fatima:f omar:m layla:f youssef:m amira:f khalid:m noor:f hassan:m yasmin:f tariq:m "
              "samira:f karim:m rania:f",
    "anglo": "dana:f brian:m jennifer:f kevin:m margaret:f tyler:m ashley:f gregory:m heather:f douglas:m "
             "megan:f russell:m courtney:f wayne:m brittany:f harold:m donna:f scott:m kayla:f dennis:m "
             "shirley:f curtis:m",
    "other": "jiwoo:x minjun:m seoyeon:f jocelyn:f rodel:m maricel:f dmitri:m svetlana:f olga:f tigist:f "
             "abebe:m haruto:m yuki:f kwame:m akosua:f bongani:m thandiwe:f",
}

LAST_NAMES = {
    "hispanic": "garcia rodriguez hernandez martinez lopez gonzalez perez sanchez ramirez torres flores "
                "rivera gomez diaz reyes morales ortiz castillo mendoza vasquez delgado aguilar navarro "
                "quintero salazar villanueva espinoza zamora",
    "vietnamese": "nguyen tran pham hoang huynh phan vu dang bui ngo duong truong lam trinh dinh",
    "nigerian": "okafor adeyemi okonkwo eze balogun nwosu oyelaran adebayo chukwu obi olawale ogunleye "
                "akinola ibekwe adeleke",
    "polish": "kowalski nowak wisniewski wojcik kaminski lewandowski zielinski szymanski dabrowski kozlowski "
              "jankowski mazur krawczyk piotrowski grabowski",
    "turkish": "yilmaz kaya demir sahin celik yildiz aydin ozturk arslan dogan kilic aslan cetin koc",
    "indian": "patel sharma reddy iyer gupta nair krishnan chatterjee desai mehta rao kulkarni banerjee "
              "subramanian venkataraman joshi pillai",
    "chinese": "wang zhang liu chen yang huang zhao zhou xu zhu guo gao luo liang tang feng deng cao xie peng",
    "arabic": "haddad khoury mansour nasser hamdan saleh farouk aziz rahman abdullah qureshi hussein "
              "suleiman awad habib",
    "anglo": "hughes thompson mitchell caldwell whitaker brennan fitzgerald harrington lawson prescott "
             "sullivan hawthorne bradford kendall pemberton o'brien mcallister donnelly",
    "other": "choi jung tanaka suzuki yamamoto ivanova petrov mensah tesfaye baptiste santos fernandes "
             "haile dlamini osei",
}

CLINICS = [
    "Lakeside Family Medicine", "Pinecrest Medical Group", "Meadowbrook Primary Care", "Brightpath Pharmacy",
    "Sunridge Orthopedics", "Willowbend Dermatology", "Northgate Pediatrics", "Bluewater Family Practice",
    "Stonebridge Cardiology", "Evergreen Specialty Pharmacy", "Silverleaf Women's Health", "Oakhaven Imaging",
    "Maple Crest Internal Medicine", "Riverstone Health Partners", "Crescent Valley Urgent Care",
    "Highpoint Behavioral Health", "Fairmeadow Endocrinology", "Copperfield Eye Center",
]
PLANS = [
    "BrightCare Health Plan", "Unity Mutual", "Keystone Benefit Services", "Northstar Health", "Harborlight Medicare Advantage",
    "Summit Choice PPO", "Cornerstone Dental", "Beacon Community Plan",
]

STREET_NAMES = [
    "elm", "oak", "maple", "cedar", "pine", "birch", "willow", "magnolia", "sycamore", "chestnut", "walnut",
    "juniper", "hawthorn", "dogwood", "aspen", "cypress", "hickory", "laurel", "poplar", "spruce",
    "main", "church", "lake", "hill", "river", "spring", "ridge", "meadow", "valley", "sunset", "highland",
    "forest", "orchard", "mill", "market", "harbor", "prospect", "union", "franklin", "jefferson",
    "lincoln", "adams", "monroe", "garfield", "cleveland", "kensington", "brookside", "fairview",
    "greenwood", "lakeview", "riverside", "woodland", "country club", "old mill", "quail run", "deer creek",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "twelfth", "fourteenth", "twenty third", "forty second",
]
STREET_SUFFIXES = [
    ("street", "St"), ("avenue", "Ave"), ("road", "Rd"), ("drive", "Dr"), ("lane", "Ln"), ("court", "Ct"),
    ("boulevard", "Blvd"), ("way", "Way"), ("place", "Pl"), ("circle", "Cir"), ("terrace", "Ter"),
    ("parkway", "Pkwy"), ("trail", "Trl"), ("loop", "Loop"),
]
DIRECTIONS = [("north", "N"), ("south", "S"), ("east", "E"), ("west", "W")]

CITIES = [
    "fresno", "bakersfield", "stockton", "modesto", "sacramento", "oakland", "san jose", "tucson", "mesa",
    "el paso", "albuquerque", "tulsa", "omaha", "des moines", "boise", "spokane", "reno",
    "henderson", "gilbert", "glendale", "scottsdale", "aurora", "lakewood", "pueblo", "laredo", "lubbock",
    "amarillo", "corpus christi", "brownsville", "san antonio", "fort worth", "plano", "garland",
    "shreveport", "baton rouge", "memphis", "nashville", "knoxville", "chattanooga", "louisville",
    "lexington", "dayton", "toledo", "akron", "cleveland", "allentown", "scranton", "newark",
    "paterson", "yonkers", "syracuse", "rochester", "buffalo", "albany", "hartford", "providence",
    "worcester", "lowell", "portland", "raleigh", "durham", "greensboro", "charlotte", "savannah",
    "augusta", "macon", "jacksonville", "tampa", "orlando", "hialeah", "fort lauderdale", "birmingham",
    "huntsville", "montgomery", "little rock", "kansas city", "topeka", "sioux falls", "fargo",
    "billings", "salt lake city", "provo", "anchorage", "honolulu", "milwaukee", "green bay",
    "minneapolis", "saint paul", "grand rapids", "lansing", "flint", "fort wayne", "indianapolis",
    "evansville", "peoria", "rockford", "joliet", "naperville", "cedar rapids", "davenport", "chicago",
    "philadelphia", "phoenix", "atlanta", "miami", "columbus", "riverside", "santa ana", "long beach",
]
STATES = {  # spoken / written state after a city (states are not PHI)
    "california": "CA", "arizona": "AZ", "texas": "TX", "oklahoma": "OK", "nebraska": "NE", "iowa": "IA",
    "idaho": "ID", "washington": "WA", "nevada": "NV", "colorado": "CO", "louisiana": "LA",
    "tennessee": "TN", "kentucky": "KY", "ohio": "OH", "pennsylvania": "PA", "new jersey": "NJ",
    "new york": "NY", "connecticut": "CT", "rhode island": "RI", "massachusetts": "MA", "oregon": "OR",
    "north carolina": "NC", "georgia": "GA", "florida": "FL", "alabama": "AL", "arkansas": "AR",
    "missouri": "MO", "kansas": "KS", "south dakota": "SD", "north dakota": "ND", "montana": "MT",
    "utah": "UT", "alaska": "AK", "hawaii": "HI", "wisconsin": "WI", "minnesota": "MN", "michigan": "MI",
    "indiana": "IN", "illinois": "IL",
}

# e-mail domains: written form -> list of spoken forms
EMAIL_DOMAINS = {
    "gmail.com": ["gmail dot com", "g mail dot com", "g-mail dot com"],
    "yahoo.com": ["yahoo dot com"],
    "outlook.com": ["outlook dot com"],
    "hotmail.com": ["hotmail dot com", "hot mail dot com"],
    "icloud.com": ["icloud dot com", "i cloud dot com"],
    "aol.com": ["a o l dot com", "aol dot com"],
    "comcast.net": ["comcast dot net"],
    "att.net": ["a t t dot net", "att dot net"],
    "verizon.net": ["verizon dot net"],
    "protonmail.com": ["proton mail dot com", "protonmail dot com"],
    "me.com": ["me dot com"],
    "live.com": ["live dot com"],
    "msn.com": ["m s n dot com", "msn dot com"],
    "sbcglobal.net": ["s b c global dot net", "sbcglobal dot net"],
    "charter.net": ["charter dot net"],
    "cox.net": ["cox dot net"],
    "ymail.com": ["y mail dot com", "ymail dot com"],
    "mail.com": ["mail dot com"],
}

US_AREA_CODES = [
    "205", "206", "207", "208", "209", "210", "212", "213", "214", "215", "216", "217", "218", "219", "224",
    "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254", "256", "260", "262",
    "267", "269", "270", "276", "281", "301", "302", "303", "304", "305", "307", "308", "309", "310", "312",
    "313", "314", "315", "316", "317", "318", "319", "320", "321", "323", "325", "330", "334", "336", "337",
    "339", "347", "351", "352", "360", "361", "385", "386", "401", "402", "404", "405", "406", "407", "408",
    "409", "410", "412", "413", "414", "415", "417", "419", "423", "424", "425", "430", "432", "434", "435",
    "440", "443", "469", "478", "479", "480", "484", "501", "502", "503", "504", "505", "507", "508", "509",
    "510", "512", "513", "515", "516", "517", "518", "520", "530", "540", "541", "559", "561", "562", "563",
    "567", "570", "571", "573", "574", "580", "585", "586", "601", "602", "603", "605", "606", "607", "608",
    "609", "610", "612", "614", "615", "616", "617", "618", "619", "620", "623", "626", "630", "631", "636",
    "641", "646", "650", "651", "660", "661", "662", "678", "682", "701", "702", "703", "704", "706", "707",
    "708", "712", "713", "714", "715", "716", "717", "718", "719", "720", "724", "727", "731", "732", "734",
    "740", "754", "757", "760", "763", "765", "770", "772", "773", "774", "775", "781", "785", "786", "801",
    "802", "803", "804", "805", "806", "808", "810", "812", "813", "814", "815", "816", "817", "818", "828",
    "830", "831", "832", "843", "845", "847", "848", "850", "856", "857", "858", "859", "860", "862", "863",
    "864", "865", "870", "901", "903", "904", "906", "907", "908", "909", "910", "912", "913", "914", "915",
    "916", "917", "918", "919", "920", "925", "928", "931", "936", "937", "940", "941", "947", "949", "951",
    "952", "954", "956", "970", "971", "972", "973", "978", "979", "980", "985", "989",
]

# Well-known public test card numbers (payment-processor sandboxes).  Every one
# is Luhn-checked at start-up; more are generated from test BINs.
TEST_CARDS = [
    "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4000002500003155",
    "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "5454545454545454",
    "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3530111333300000",
    "3566002020360505", "30569309025904", "38520000023237", "6200000000000005",
]
TEST_BINS = ["411111", "424242", "401288", "400005", "555555", "510510", "520082", "601100", "601111",
             "378282", "371449", "353011"]

MEMBER_PREFIXES = ["XJH", "ZGP", "QMB", "WKR", "HPN", "YLD", "BCX", "TRV", "MCU", "AEP", "JQS", "VNE"]

# letter words -----------------------------------------------------------------
NATO = {
    "a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
    "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
    "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
    "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu",
}
AS_IN = {   # "m as in mary" words (NATO words are a separate style)
    "a": ["apple", "adam", "alligator", "ant"], "b": ["boy", "bob", "baker", "banana"],
    "c": ["cat", "charles", "candy", "car"], "d": ["dog", "david", "dad", "donut"],
    "e": ["edward", "egg", "elephant", "easy"], "f": ["frank", "fox", "frog", "fred"],
    "g": ["george", "girl", "goat", "green"], "h": ["henry", "harry", "house", "hat"],
    "i": ["ice", "ida", "igloo", "italy"], "j": ["john", "jack", "jelly", "jane"],
    "k": ["king", "kite", "kangaroo", "karen"], "l": ["larry", "lion", "lincoln", "lucy"],
    "m": ["mary", "mother", "mountain", "money"], "n": ["nancy", "nora", "nut", "nose"],
    "o": ["ocean", "orange", "otto", "octopus"], "p": ["peter", "paul", "pizza", "pumpkin"],
    "q": ["queen", "quiet", "quilt"], "r": ["robert", "red", "rabbit", "roger"],
    "s": ["sam", "sugar", "sun", "snake"], "t": ["tom", "tiger", "table", "tree"],
    "u": ["umbrella", "uncle", "unicorn"], "v": ["victory", "violet", "van", "vincent"],
    "w": ["william", "water", "walter", "wagon"], "x": ["xylophone", "x-ray"],
    "y": ["yellow", "yes", "yo-yo"], "z": ["zebra", "zoo", "zero"],
}

# speaker-label styles (role A = agent/doctor/assistant, role C = caller/patient/user)
CORE_LABELS = [("Agent:", "Caller:"), ("[doctor]", "[patient]"), ("Speaker 1:", "Speaker 2:"), ("Speaker 0:", "Speaker 1:"),
               ("assistant:", "user:"), ("AI:", "User:"), ("Rep:", "Member:"), ("Doctor:", "Patient:")]
EXTRA_LABELS = [("Speaker 2:", "Speaker 1:"), ("spk_0:", "spk_1:"), ("Nurse:", "Patient:"),
                ("Agent:", "Customer:"), ("Representative:", "Caller:"), ("Speaker A:", "Speaker B:"),
                ("Bot:", "Caller:"), ("Pharmacist:", "Patient:"), ("Provider:", "Patient:"),
                ("Scheduler:", "Caller:"), ("Clinician:", "Patient:"), ("Assistant:", "Caller:")]
# which label pairs suit which kind of conversation
LABEL_FITS = {
    "clinical": {"[doctor]", "Doctor:", "Speaker 1:", "Speaker 0:", "Speaker 2:", "spk_0:", "Nurse:", "Speaker A:",
                 "Provider:", "Clinician:"},
    "call": {"Agent:", "Rep:", "Speaker 1:", "Speaker 0:", "Speaker 2:", "spk_0:", "Representative:", "Speaker A:",
             "Pharmacist:", "Scheduler:", "Nurse:"},
    "ai_call": {"AI:", "assistant:", "Bot:", "Assistant:", "Agent:", "Speaker 0:"},
}

# --- phrasing pools --------------------------------------------------------------
# Template mini-language:  {V} value slot (also {V2}, {CITY}, {ZIP}, {STATE} ...),
# {CLINIC}/{PLAN}/{AGENT_TITLE_LAST} plain fills, <<type>> a generated negative
# (see NEG_GEN), <<type|literal>> a literal negative.  Every template is written
# cased and punctuated; lower-case ASR styles strip case and punctuation.

QUESTIONS = {
    "NAME": [
        "Can I get your first and last name?", "Who am I speaking with today?",
        "May I have the patient's full name?", "And what's your name?", "Could you give me your name, please?",
        "Can you tell me the name on the account?", "What's the patient's first and last name?",
        "Who do I have the pleasure of speaking with?", "Let's start with your full name.",
        "And your name, please?", "Could I get the name the appointment is under?",
        "Can I have your name as it appears on your insurance card?", "Okay, and who's calling?",
        "What name is the prescription under?", "And whose account are we looking at today?",
        "Can you give me the member's full name?", "Sure, what's the name of the patient?",
        "And I'm speaking with?",
    ],
    "NAME_SPELL": [
        "Could you spell the last name for me?", "How do you spell that?", "Can you spell your first name?",
        "Would you mind spelling that out?", "And how is that spelled?", "Spell the last name for me, please.",
        "Can you spell that slowly?", "I want to make sure I have it right, can you spell it?",
        "Sorry, could you spell the patient's last name?", "Can you spell the last name letter by letter?",
        "Let me make sure I type it right. Spelling?", "And the spelling of that?",
        "I didn't quite catch that, can you spell it for me?", "Could you spell the first name too?",
    ],
    "DOB": [
        "Can you verify your date of birth for me?", "And what's your date of birth?",
        "What is the patient's date of birth?", "Could you confirm your birthday, month, day and year?",
        "Can I get your DOB?", "And your date of birth, please?", "To verify your identity, what's your date of birth?",
        "When were you born?", "Could you give me the date of birth on file?",
        "I just need your date of birth to pull up the chart.", "What's the birth date?",
        "And the member's date of birth?", "Can you confirm the patient's date of birth?",
        "And birthday?", "What's the date of birth on the account?", "Okay, and your birth date?",
    ],
    "PHONE": [
        "What's the best number to reach you?", "Can I get a good callback number?",
        "What phone number should we use?", "Is there a number where we can call you back?",
        "And your phone number?", "What's a good contact number in case we get disconnected?",
        "Can you confirm the phone number on file?", "What number can the pharmacy call?",
        "Do you have a cell phone number we can text?", "What's your daytime number?",
        "And a home phone, if you have one?", "What number should the doctor call with the results?",
        "Is this the best number for you, or is there another one?", "What's the number for your emergency contact?",
        "Where can the nurse reach you this afternoon?", "And a phone number for the appointment reminders?",
    ],
    "SSN": [
        "Can I get your Social Security number?", "I'll need the Social Security number to run the eligibility check.",
        "And the patient's social?", "What's your SSN?", "For the application I need your Social Security number.",
        "Can you give me your social for verification?", "Do you have the Social Security number handy?",
        "And what is the Social Security number?", "The form asks for a social, what is it?",
        "Could you read me the Social Security number?",
    ],
    "SSN_LAST4": [
        "What's the last four of your social?", "Could you verify the last four digits of your social?",
        "Just the last four of your Social, please.", "Can you confirm the last four of the Social Security number?",
        "And the last four of your SSN?", "For security, the last four of your social?",
        "Can I get the last four digits of the patient's social?", "What are the last four of your Social Security?",
    ],
    "MRN": [
        "Do you have your medical record number?", "What's the MRN on your paperwork?",
        "Can you read me the medical record number from the top of the form?", "Is there a chart number on that letter?",
        "What's the patient's MRN?", "Could you give me the record number on the wristband?",
        "Do you have the patient ID number from the portal?", "What's the medical record number?",
        "Is there an MRN on the discharge papers?", "Could you read off the medical record number for me?",
        "Can you give me the chart number?", "What MRN do you have for the patient?",
    ],
    "MBI": [
        "And your Medicare number?", "Can you read me the Medicare Beneficiary Identifier off your card?",
        "What's the Medicare ID on your card?", "Do you have your new Medicare card with you? I need the number.",
        "I need the MBI, it's <<count|eleven characters>>.", "What's your Medicare beneficiary number?",
        "Could you give me the Medicare number, letters and numbers?", "And what's the number on the Medicare card?",
        "Can you read the Medicare number slowly?", "What's the MBI on the red, white and blue card?",
        "And the Medicare ID, please?", "Could you read me the Medicare number exactly as it's printed?",
    ],
    "CARD": [
        "What card would you like to use?", "Go ahead with the card number whenever you're ready.",
        "Can I get the card number, please?", "What's the long number on the front of the card?",
        "I can take a payment now, what's the card number?", "And the <<count|sixteen digit>> card number?",
        "Could you read me the credit card number?", "Which card, and what's the number?",
        "What's the debit card number?", "Please read the number across the front of the card.",
        "Okay, and the card number?", "What's the number on the HSA card?",
    ],
    "ZIP": [
        "And the zip code there?", "What's the zip code?", "What's the zip on the billing address?",
        "Zip code for the address?", "And your zip?", "What's the billing zip code?",
        "Can you confirm the zip code?", "What zip code are you in, so I can find a pharmacy near you?",
        "And the postal code?", "Which zip code should I search?", "What's the zip where you live?",
        "Can I get the zip code on file?",
    ],
    "STREET": [
        "What's your current address?", "Can I get your mailing address?", "What's the street address?",
        "Where should we mail the kit?", "What address should we send the statement to?",
        "Is your address still the same? What is it?", "And your home address?",
        "Where do you live, the street address?", "What address should the home health nurse go to?",
        "Where should the pharmacy deliver the medication?", "What's the address we should have on file?",
        "And where should the replacement card go?",
    ],
    "CITY": [
        "And what city is that in?", "Which city?", "And the city?", "What city do you live in?",
        "And what town is that?", "Which city should I put down?", "And the city, please?",
    ],
    "EMAIL": [
        "What's a good email address?", "Can I get an email for the portal invite?",
        "Where should I send the receipt?", "What email should we use for the reminders?",
        "Do you have an email address on file? What is it?", "And your email?",
        "What's the email address for the patient portal?", "Where can I email the forms?",
        "Could you give me your email, slowly?", "What's the best email to send the intake paperwork to?",
        "Which email should the visit summary go to?", "And an email address for the account?",
    ],
    "NPI": [
        "Can I have the ordering provider's NPI?", "What's the NPI number for the referring physician?",
        "And the rendering provider's NPI?", "I'll need the national provider identifier.",
        "What's the doctor's NPI?", "Could you give me the prescriber's NPI number?", "And your NPI?",
        "Which NPI should I put on the claim?", "Can you read me the NPI?", "And the NPI of the supervising provider?",
        "What NPI is the referral going under?",
    ],
    "MEMBER_ID": [
        "What is the member ID on your card?", "Can I get the insurance member number?",
        "What's the subscriber ID?", "And the member ID?", "Could you read me the ID number on the front of the insurance card?",
        "What's the policy number on the card?", "Do you have the member ID handy?",
        "And the ID number for the primary insurance?", "Could you give me the subscriber number?",
        "What's the member ID for {PLAN}?", "And the member number, letters and all?",
    ],
    "DATE_ADMIT": [
        "When was she admitted?", "What date was the admission?", "When were you admitted?",
        "And what was the admission date?", "When did he go into the hospital?", "When were you discharged?",
        "What was the discharge date?",
    ],
    "DATE_DEATH": [
        "I'm so sorry for your loss. What was the date of death?", "When did he pass?", "When did she pass away?",
        "And the date of death, for the records request?", "What date did the patient pass?",
    ],
    "PROVIDER": [
        "And who is the ordering provider?", "Which doctor is this for?", "Who's the referring physician?",
        "Who is your primary care doctor?", "And the prescriber's name?", "Who is the patient seeing?",
        "Which provider are you calling from?", "Who is the rendering provider on the claim?",
    ],
}

# answers that carry their own cue -> cue "same"
ANSWERS_SAME = {
    "NAME": ["My name is {V}.", "This is {V}.", "I'm {V}.", "Name's {V}.", "Yeah, my name is {V}.",
             "The patient's name is {V}.", "It's for my mother, {V}.", "My full name is {V}.",
             "It's under my name, {V}.", "Hi, this is {V} calling.", "First and last name is {V}.",
             "The account is under {V}, that's my name."],
    "DOB": ["My date of birth is {V}.", "I was born {V}.", "I was born on {V}.", "Birthday's {V}.",
            "It's {V}, that's my birthday.", "DOB is {V}.", "My birth date is {V}.", "Date of birth, {V}.",
            "Her date of birth is {V}.", "His birthday is {V}.", "Born {V}.", "Birth date {V}."],
    "PHONE": ["My number is {V}.", "You can reach me at {V}.", "My cell is {V}.", "Call me back at {V}.",
              "The best number is {V}.", "My phone number's {V}.", "It's my cell, {V}.", "Text me at {V}.",
              "You can call my daughter at {V}.", "The home number is {V}.", "My work number is {V}.",
              "Cell phone is {V}."],
    "SSN": ["My social is {V}.", "Social Security number is {V}.", "My SSN is {V}.", "The social is {V}.",
            "It's {V}, that's my social.", "Her social is {V}.", "Social's {V}."],
    "SSN_LAST4": ["Last four are {V}.", "The last four of my social is {V}.", "Last four, {V}.",
                  "My last four is {V}.", "The last four digits are {V}."],
    "MRN": ["My medical record number is {V}.", "The MRN is {V}.", "It says MRN {V}.", "Medical record number {V}.",
            "My chart number is {V}.", "Record number, {V}.", "The patient ID on the bracelet is {V}.",
            "The medical record number on here is {V}."],
    "MBI": ["My Medicare number is {V}.", "The Medicare ID is {V}.", "It says {V} on the card, that's the Medicare number.",
            "Medicare number, {V}.", "MBI is {V}.", "My Medicare is {V}.", "The Medicare beneficiary number is {V}."],
    "CARD": ["My card number is {V}.", "It's a Visa, {V}.", "The card number's {V}.", "Credit card is {V}.",
             "Use my debit card, {V}.", "Card number {V}.", "It's a Mastercard, the number is {V}.",
             "The number on the card is {V}."],
    "ZIP": ["The zip is {V}.", "Zip code's {V}.", "Billing zip {V}.", "It's {V}, that's the zip.",
            "My zip code is {V}.", "Zip {V}.", "The zip code there is {V}."],
    "STREET": ["I live at {V}.", "My address is {V}.", "The address is {V}.", "Mail it to {V}.",
               "We're at {V}.", "My street address is {V}.", "Home address is {V}.", "Send it to my house, {V}."],
    "CITY": ["It's in {V}.", "That's in {V}.", "We live in {V}.", "The city is {V}.", "I'm over in {V}.",
             "I live in {V}.", "The city's {V}."],
    "EMAIL": ["My email is {V}.", "Email me at {V}.", "It's my email, {V}.", "My email address is {V}.",
              "You can email me at {V}.", "The email on file should be {V}.", "Email's {V}."],
    "NPI": ["The NPI is {V}.", "Our NPI number is {V}.", "The doctor's NPI is {V}.", "Provider NPI is {V}.", "NPI {V}.",
            "The national provider identifier is {V}.", "The prescriber NPI is {V}."],
    "MEMBER_ID": ["My member ID is {V}.", "The member number is {V}.", "Subscriber ID {V}.",
                  "It's {V}, that's the ID on the card.", "Member ID, {V}.", "The policy number is {V}.",
                  "My insurance ID is {V}."],
    "DATE_ADMIT": ["She was admitted on {V}.", "I was admitted {V}.", "He went in on {V}.",
                   "I was discharged on {V}.", "The admission date was {V}."],
    "DATE_DEATH": ["He passed away on {V}.", "She passed {V}.", "Date of death was {V}.", "My father died on {V}."],
    "PROVIDER": ["It's Dr. {V}.", "The ordering provider is Dr. {V}.", "I see Dr. {V}.",
                 "My doctor is Dr. {V}.", "Doctor {V} ordered it."],
}

# bare answers: the cue is only in the previous (agent) turn -> cue "prev"
BARE_FRAMES = [
    "{V}.", "Yeah, it's {V}.", "Sure, {V}.", "Um, {V}.", "It's {V}.", "Okay, {V}.", "Yes, {V}.",
    "Uh, let me see... {V}.", "Hold on, let me grab it. Okay, {V}.", "{V}, I think.", "That would be {V}.",
    "Yep, {V}.", "Alright, it's {V}.", "Got it right here, {V}.", "Oh, um, {V}.", "{V}. Did you get that?",
    "Sure thing, {V}.", "Okay so it's {V}.", "Mm-hmm, {V}.", "Hang on. {V}.", "Yeah. {V}.",
    "It should be {V}.", "I have it, {V}.", "Let me find my glasses. Okay, {V}.",
]
# unprompted values with no cue at all -> cue "none"
NONE_FRAMES = [
    "Oh, and {V} if anything changes.", "{V}, that's the one to use.", "Just in case, {V}.",
    "And uh {V}, you can write that down.", "Before I forget, {V}.", "Oh wait, {V}, sorry, that's the right one.",
]
READBACK_FRAMES = [
    "Okay, I have {V}, is that correct?", "Let me read that back: {V}.", "Thank you. So that's {V}?",
    "Got it, {V}.", "Just to confirm, {V}?", "{V}, perfect.", "I'm showing {V}, is that right?",
    "Great, {V}. Thank you.", "Perfect, I've got {V} on file.", "So {V}, correct?",
    "Alright, {V}. Did I get that right?", "I heard {V}. Is that right?",
]
CONFIRMS = ["Yes.", "That's right.", "Yep, that's it.", "Correct.", "Mm-hmm.", "Yes ma'am.", "Yes sir.",
            "Uh-huh, that's right.", "Yeah.", "That's correct.", "Yup.", "Right."]
REPEAT_REQUESTS = ["Sorry, could you repeat that?", "I'm sorry, you cut out. Say that again?",
                   "Can you say that one more time, slower?", "Sorry, one more time?",
                   "I missed the last part, could you repeat it?", "Say that again for me?"]
NAME_READBACKS = ["Thank you, {TITLE} {V}.", "Thanks, {VF}.", "Okay {VF}, I found your chart.",
                  "Alright {TITLE} {V}, let's get you taken care of.", "Perfect, thank you {TITLE} {V}.",
                  "Okay, thank you {VF}. One moment.", "Great, {VF}, I see you here.",
                  "Thanks {TITLE} {V}, I appreciate your patience."]
COMBO_QUESTIONS = [  # two values asked at once -> both "prev"
    "Can I get your name and date of birth?", "First and last name and date of birth, please.",
    "To get started, what's the patient's name and birthday?", "Can you verify your name and DOB for me?",
    "I'll need your full name and your date of birth.", "Name and date of birth on the account?",
]
COMBO_ANSWERS = ["{V}, {V2}.", "Yeah, {V}, and {V2}.", "It's {V}... {V2}.", "{V}. Birthday {V2}.",
                 "Sure, {V}, um, {V2}."]

GREETINGS_AGENT = [
    "Thank you for calling {CLINIC}, this is {V}, how can I help you?", "{CLINIC}, {V} speaking.",
    "Hi, you've reached {CLINIC} scheduling. My name is {V}.", "Good morning, {CLINIC}, this is {V}.",
    "Thanks for holding, this is {V} with {CLINIC}. What can I do for you?",
    "{CLINIC} refill line, my name is {V}. How can I help?", "Good afternoon, {CLINIC}, you're speaking with {V}.",
]
GREETINGS_AGENT_NONAME = [
    "Thank you for calling {CLINIC}, how can I help you today?", "{CLINIC}, how may I help you?",
    "Hi there, thanks for calling {CLINIC}. What can I do for you?", "{CLINIC}, this call may be recorded. How can I help?",
]
GREETINGS_AI = [
    "Hi! This is {V}, the virtual assistant for {CLINIC}. How can I help today?",
    "Hello, thanks for calling {CLINIC}. I'm {V}, an automated assistant. What can I help you with?",
    "Hi there! You've reached {CLINIC}. I'm {V}, and I can help with appointments, refills and billing.",
    "Thanks for calling {CLINIC}! My name is {V}. Before we begin, this call may be recorded. How can I help?",
]
GREETINGS_AI_NONAME = [
    "Hi! Thanks for calling {CLINIC}. How can I help you today?",
    "Hello, you've reached the automated assistant for {CLINIC}. What can I do for you?",
    "Thanks for calling {CLINIC}. I can help with scheduling, prescriptions, and billing. What do you need?",
]
DOCTOR_GREETINGS = [  # clinic visit openings, first name without cue -> "none"
    "Hi {V}, how are you doing today?", "Hey {V}, good to see you.", "Good morning {V}, come on in.",
    "Hi {V}, it's nice to see you again.", "{V}, hi, have a seat.", "Hello {V}, how have you been?",
]
CALLER_GREETINGS = ["Hi {V}.", "Hey {V}, thanks.", "Oh hi {V}.", "Hi {V}, how are you?"]

REASONS = {
    "scheduling": ["Hi, I'm calling to schedule a follow-up.", "I need to reschedule my appointment.",
                   "Yeah, I need to make an appointment with the doctor.", "I'd like to book a physical.",
                   "Hi, I got a message to call and set up my visit.", "I need to move my appointment, something came up."],
    "refill": ["I need a refill on my blood pressure medicine.", "Hi, I'm calling about a prescription refill.",
               "My pharmacy said they sent a refill request and haven't heard back.", "I'm almost out of my inhaler.",
               "I need my metformin refilled.", "I want to transfer a prescription."],
    "billing": ["I got a bill I don't understand.", "I want to pay my balance.", "I'm calling about a charge on my statement.",
                "I think my insurance should have covered this.", "Hi, I'd like to set up a payment plan."],
    "records": ["I'd like to request my medical records.", "I need a copy of my records sent to a new doctor.",
                "I'm calling to get my mother's records.", "I need my immunization records for work."],
    "medicare": ["I have a question about my Medicare coverage.", "I'm turning sixty five and need to update my insurance.",
                 "I just got my new Medicare card.", "I need to check if my Medicare plan covers this."],
    "lab_results": ["I'm calling about my lab results.", "I had blood work done and wanted to get the results.",
                    "The portal says my results are in but I can't see them."],
    "registration": ["I'm a new patient and I'd like to register.", "I need to set up a new patient account.",
                     "I'm moving here and I need a new primary care doctor."],
    "triage": ["I've been having some symptoms and wanted to talk to a nurse.", "I'm not feeling well and I don't know if I should come in.",
               "My son has a fever and I wanted to ask a nurse."],
    "provider_auth": ["Hi, I'm calling from Dr. {AGENT_TITLE_LAST}'s office about a prior authorization.",
                      "I'm calling to check on a referral we faxed over.", "I'm with a provider office, calling to verify benefits for a patient."],
    "bereavement": ["My father passed away and I need to close out his account.", "I'm calling about my late wife's bills."],
}

TRANSITIONS_AGENT = [
    "Okay, give me one second to pull that up.", "Thanks for your patience.", "Alright, I see your chart here.",
    "Let me check the schedule.", "Bear with me, the system is a little slow today.", "Okay, I've got you.",
    "Perfect, thank you.", "Great, I found the account.", "One moment while I verify that.", "Okay, let me look.",
    "Thank you, that matches what I have.", "Okay, you're all verified.", "Got it, let me make a note of that.",
    "Alright, so tell me what's going on.", "Okay, what can I help you with today?", "Thanks. Just a second.",
]
CLOSINGS_AGENT = [
    "Is there anything else I can help you with?", "You're all set. Anything else today?",
    "Okay, that's all done. Have a great day.", "Alright, you should get a confirmation shortly. Take care.",
    "Thanks for calling, have a good one.", "Perfect. We'll see you then.",
]
CLOSINGS_CALLER = ["No, that's it, thank you.", "That's all, thanks.", "Nope, thank you so much.",
                   "Okay, bye bye.", "Great, thanks, bye.", "That's everything. Thank you."]
ANYTHING_ELSE = ["Anything else I should note on the account?", "Is there anything else you'd like to add?",
                 "Anything else before I let you go?"]

# non-PHI look-alikes: sentences with <<type>> slots, by role A (agent/doctor) / C (caller/patient)
NEG_SENTENCES = [
    ("A", "Take <<dose>> <<frequency>> with food."), ("A", "So you'll go up to <<dose>> starting tomorrow."),
    ("A", "Your blood pressure today is <<bp>>, which is pretty good.", "clinic"), ("A", "Your pressure was <<bp>> at the pharmacy?"),
    ("A", "There's <<copay>> for this visit."), ("C", "I think I have <<copay>> for specialists."),
    ("A", "We have an opening <<appointment_date>> at <<time>>."), ("A", "Can you come in <<appointment_date>>? We have <<time>> open."),
    ("A", "Your copay will be <<money>>."), ("A", "The remaining balance is <<money>>."),
    ("A", "Please arrive <<duration_early>> before your appointment."), ("A", "The nurse will call you back <<duration_in>>."),
    ("A", "Go to <<room>> when you check in."), ("A", "She's in <<room>> on the <<floor>>.", "clinic"),
    ("A", "Your <<lab>>, so that looks better than last time."), ("A", "Your confirmation number is <<confirmation>>."),
    ("A", "I'm giving you <<refills>> on that."), ("A", "That's <<supply>>."), ("A", "The order number is <<order>>.", "call"),
    ("A", "If you have chest pain, call <<emergency>> right away."), ("A", "Try to get <<steps>> a day."),
    ("A", "You've lost <<weight_change>> since your last visit."), ("A", "Your weight today is <<weight>>.", "clinic"),
    ("A", "I <<common_will|will>> send that over to the pharmacy."), ("A", "You <<common_may|may>> feel a little dizzy at first."),
    ("A", "Your <<common_bill|bill>> should come in the mail."), ("A", "There's a <<common_grant|grant>> program that can help with the cost."),
    ("A", "I <<common_hope|hope>> you feel better soon."), ("A", "I'll <<common_mark|mark>> that down in your chart."),
    ("A", "Your temperature is <<temperature>>.", "clinic"), ("A", "Oxygen is <<oxygen>>, that's good.", "clinic"),
    ("A", "Use <<puffs>> every four hours as needed."), ("A", "The visit is <<visit_length>>."),
    ("A", "It'll be about <<wait>> on hold if you want to wait.", "call"),
    ("A", "Press <<menu|one>> for pharmacy or <<menu|two>> for billing.", "call"),
    ("C", "I've been taking <<dose>> <<frequency>>."), ("C", "I'm <<age>>, so I don't know if that matters."),
    ("C", "It's been going on <<duration>>."), ("C", "I checked my pressure this morning and it was <<bp>>."),
    ("C", "I usually walk <<steps>>."), ("C", "I weigh about <<weight>>."), ("C", "That was back in <<year>>."),
    ("C", "I had the surgery in <<year>>."), ("C", "I can do <<appointment_date>>, maybe around <<time>>."),
    ("C", "I already paid <<money>> last month."), ("C", "My husband is <<age_other>>."),
    ("C", "My kids are <<age_kid>> and <<age_kid>>."), ("C", "I <<common_will|will>> be out of town next week."),
    ("C", "I <<common_hope|hope>> it's nothing serious."), ("C", "I got a <<common_bill|bill>> for the lab work."),
    ("C", "I wake up <<count_night>> to use the bathroom."), ("C", "My sugar was <<glucose>> this morning."),
    ("C", "I have <<count_pills>> left."), ("C", "My fever was <<temperature>> last night."),
    ("C", "I'm about <<height>>."), ("C", "I've had <<count_episodes>> since Sunday."),
    ("C", "The copay was <<money>> last time."), ("C", "I work <<shift>>."), ("C", "It started <<duration_ago>>."),
    ("C", "They put me in <<room>> last time."), ("A", "Last time your <<lab>>."),
    ("C", "I have a confirmation number from last time, <<confirmation>>."), ("A", "I placed the order, number <<order>>.", "call"),
    ("A", "Your order number for the supplies is <<order>>.", "call"), ("C", "Should I just call <<emergency>> if it happens again?"),
    ("A", "And how tall are you, about <<height>>?"), ("A", "The pharmacy closes at <<time>> today."),
    ("A", "You can also press <<menu|zero>> to reach an operator.", "call"), ("C", "My mom is <<age_other>> and lives with us."),
    ("A", "Your <<lab>>, which is in range."), ("C", "I've been on it since <<year>>."),
]

# plain filler turns (no values) used to pad voice-agent / call-centre calls
SMALLTALK = [
    ("C", "Sorry, it's a little loud here."), ("A", "No worries at all."), ("C", "Can you hear me okay?"),
    ("A", "Yes, I can hear you fine."), ("C", "Hold on one second, let me find my card."),
    ("A", "Sure, take your time."), ("C", "Okay, I'm back."), ("A", "I appreciate your patience today."),
    ("C", "It's been a long week."), ("A", "I understand, let's get this sorted out for you."),
]

# ---------------------------------------------------------------------------
# 3. number / letter words
# ---------------------------------------------------------------------------

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth"]
ORD_TENS = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def cardinal(n, use_and=False):
    """0 .. 999,999 in words (American, optional 'and')."""
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else " " + ONES[o])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else (" and " if use_and else " ") + cardinal(r))
    th, r = divmod(n, 1000)
    return cardinal(th) + " thousand" + ("" if r == 0 else (" and " if (use_and and r < 100) else " ") + cardinal(r, use_and))


def ordinal(n):
    if n < 20:
        return ORD_ONES[n]
    t, o = divmod(n, 10)
    if o == 0:
        return ORD_TENS.get(n, TENS[t][:-1] + "ieth")
    return TENS[t] + " " + ORD_ONES[o]


def ordinal_suffix(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def digit_word(d, zero):
    return zero if d == "0" else ONES[int(d)]


def say_pair(p, zero):
    """Two digits as people say them: '05' -> 'oh five', '15' -> 'fifteen'."""
    if p[0] == "0":
        return f"{zero} {digit_word(p[1], zero)}"
    return cardinal(int(p))


def say_group_number(g, zero):
    """A 1-4 digit group said as a number: '415' four fifteen, '0132' oh one thirty two,
    '1200' twelve hundred, '2000' two thousand, '800' eight hundred."""
    if len(g) == 1:
        return digit_word(g, zero)
    if len(g) == 2:
        return say_pair(g, zero)
    if len(g) == 3:
        if g[0] != "0" and g[1:] == "00":
            return f"{ONES[int(g[0])]} hundred"
        return f"{digit_word(g[0], zero)} {say_pair(g[1:], zero)}"
    if len(g) == 4:
        if g[0] != "0" and g[1:] == "000":
            return f"{ONES[int(g[0])]} thousand"
        if g[0] != "0" and g[2:] == "00":
            return f"{say_pair(g[:2], zero)} hundred"
        return f"{say_pair(g[:2], zero)} {say_pair(g[2:], zero)}"
    # longer: split into pairs from the left (odd length starts with one digit)
    parts = []
    s = g
    if len(s) % 2:
        parts.append(digit_word(s[0], zero))
        s = s[1:]
    parts += [say_pair(s[i:i + 2], zero) for i in range(0, len(s), 2)]
    return " ".join(parts)


def say_digits(ds, zero, compress):
    """Digit by digit; with compress, runs become 'double five' / 'triple two'."""
    out = []
    i = 0
    while i < len(ds):
        j = i
        while j < len(ds) and ds[j] == ds[i]:
            j += 1
        run = j - i
        w = digit_word(ds[i], zero)
        if compress and run >= 2:
            while run > 0:
                if run == 3 or run >= 5:
                    out.append("triple " + w)
                    run -= 3
                elif run >= 2:
                    out.append("double " + w)
                    run -= 2
                else:
                    out.append(w)
                    run -= 1
        else:
            out += [w] * run
        i = j
    return " ".join(out)


def has_run(ds):
    return any(ds[i] == ds[i + 1] for i in range(len(ds) - 1))


def year_words(y, style):
    """style: full ('nineteen eighty two'), two ('eighty two'), thousand ('two thousand four'),
    thousand_and ('two thousand and four'), twenty_oh ('twenty oh four')."""
    c, r = divmod(y, 100)
    if style == "two":
        return say_pair(f"{r:02d}", "oh")
    if y >= 2000:
        if style == "thousand_and" and r < 100:
            return "two thousand" + ("" if r == 0 else " and " + cardinal(r))
        if style == "twenty_oh" or (style == "full" and r >= 10):
            return "twenty " + say_pair(f"{r:02d}", "oh") if r else "two thousand"
        return "two thousand" + ("" if r == 0 else " " + cardinal(r))
    if r == 0:
        return cardinal(c) + " hundred"
    return cardinal(c) + " " + say_pair(f"{r:02d}", "oh")


def cap_words(s):
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


def cap_name(s):
    """'o'brien' -> "O'Brien", 'garcia-lopez' -> 'Garcia-Lopez', 'mcallister' -> 'McAllister'."""
    def one(w):
        w = "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        if w.lower().startswith("o'") and len(w) > 2:
            w = "O'" + w[2:3].upper() + w[3:]
        if w.lower().startswith("mc") and len(w) > 3:
            w = "Mc" + w[2:3].upper() + w[3:]
        return w
    return " ".join(one(w) for w in s.split(" "))


# ---------------------------------------------------------------------------
# 4. value generators and validators (all values fictitious)
# ---------------------------------------------------------------------------

def luhn_ok(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_check_digit(payload):
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError


def gen_phone(rng):
    return rng.choice(US_AREA_CODES) + "555" + "01" + f"{rng.randrange(100):02d}"


def valid_phone(p):
    return len(p) == 10 and p[3:6] == "555" and p[6:8] == "01" and p[0] not in "01"


def gen_ssn(rng, last4_only=False):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        group = rng.randint(1, 99)
        serial = rng.randint(1, 9999)
        s = f"{area:03d}{group:02d}{serial:04d}"
        if s in ("078051120", "219099999", "123456789"):
            continue
        return s


def valid_ssn(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000")


def gen_date(rng, y0, y1):
    import datetime
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def gen_mrn(rng):
    kind = rng.choice(["d7", "d8", "d8z", "d9", "d10", "L8", "LL7", "d6d", "E9"])
    if kind == "d7":
        return str(rng.randint(1000000, 9999999))
    if kind == "d8":
        return str(rng.randint(10000000, 99999999))
    if kind == "d8z":
        return "00" + str(rng.randint(100000, 999999))
    if kind == "d9":
        return str(rng.randint(100000000, 999999999))
    if kind == "d10":
        return "10" + str(rng.randint(10000000, 99999999))
    if kind == "L8":
        return rng.choice("MAKHPTRE") + str(rng.randint(10000000, 99999999))
    if kind == "LL7":
        return rng.choice(["MR", "HX", "PT", "CH"]) + str(rng.randint(1000000, 9999999))
    if kind == "d6d":
        return str(rng.randint(100000, 999999)) + str(rng.randint(10, 99))
    return "E" + str(rng.randint(100000000, 999999999))


MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"   # no S L O I B Z


def gen_mbi(rng):
    L = MBI_LETTERS
    AN = L + "0123456789"
    c = [rng.choice("123456789"), rng.choice(L), rng.choice(AN), rng.choice("0123456789"), rng.choice(L),
         rng.choice(AN), rng.choice("0123456789"), rng.choice(L), rng.choice(L), rng.choice("0123456789"),
         rng.choice("0123456789")]
    return "".join(c)


def valid_mbi(m):
    L = set(MBI_LETTERS)
    D = set("0123456789")
    pat = [set("123456789"), L, L | D, D, L, L | D, D, L, L, D, D]
    return len(m) == 11 and all(ch in s for ch, s in zip(m, pat))


def gen_card(rng):
    if rng.random() < 0.5:
        return rng.choice(TEST_CARDS)
    bin_ = rng.choice(TEST_BINS)
    n = 15 if bin_.startswith("3") else 16
    body = bin_ + "".join(rng.choice("0123456789") for _ in range(n - len(bin_) - 1))
    return body + luhn_check_digit(body)


def card_groups(c):
    if len(c) == 15:
        return [4, 6, 5]
    if len(c) == 14:
        return [4, 6, 4]
    return [4, 4, 4, 4]


def gen_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + luhn_check_digit("80840" + body)


def valid_npi(n):
    return len(n) == 10 and n.isdigit() and n[0] in "12" and luhn_ok("80840" + n)


def gen_zip(rng):
    while True:
        z = rng.randint(1001, 99950)
        if z // 100 not in (0, 2, 3, 4, 99):   # skip unused 3-digit prefixes like 000, 002
            return f"{z:05d}"


def gen_member_id(rng):
    kind = rng.choice(["L3D9", "WD9", "D9S", "LD8", "UD10", "L3D8", "D11"])
    digs = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if kind == "L3D9":
        return rng.choice(MEMBER_PREFIXES) + digs(9)
    if kind == "WD9":
        return "W" + str(rng.randint(1, 9)) + digs(8)
    if kind == "D9S":
        return str(rng.randint(1, 9)) + digs(8) + "0" + str(rng.randint(1, 3))
    if kind == "LD8":
        return rng.choice("HMKRTJ") + str(rng.randint(1, 9)) + digs(7)
    if kind == "UD10":
        return "U" + str(rng.randint(1, 9)) + digs(7) + "0" + str(rng.randint(1, 3))
    if kind == "L3D8":
        return rng.choice(MEMBER_PREFIXES) + "W" + digs(8)
    return str(rng.randint(1, 9)) + digs(10)


for _c in TEST_CARDS:
    assert luhn_ok(_c), _c

# ---------------------------------------------------------------------------
# 5. renderers: each returns (pre, text, post, spoken, form); pre/post are
#    literal words around the value that are NOT part of the span
# ---------------------------------------------------------------------------

SEPS_CASED = {"space": " ", "comma": ", ", "ellipsis": "... ", "um": ", um, ", "uh": " uh ",
              "dash": " dash ", "period": ". ", "hyphen": " hyphen ", "dot": " dot ", "point": " point "}
SEPS_LOWER = {"space": " ", "um": " um ", "uh": " uh ", "dash": " dash ", "hyphen": " hyphen ", "dot": " dot ",
              "point": " point "}
ZEROS = ["zero", "oh", "o"]
DIGIT_MODES = ["digits", "numbers", "mixed"]


def digit_recipes(entity):
    out = []
    seps = [s for s in SEPS_CASED if s not in ("hyphen", "dot", "point") or
            (entity == "PHONE" and s in ("dot", "point", "hyphen")) or (entity in ("SSN", "CARD") and s == "hyphen")]
    for mode in DIGIT_MODES:
        for zero in ZEROS:
            for comp in (False, True):
                for sep in seps:
                    if mode == "numbers" and comp:
                        continue
                    out.append(f"{mode}|{zero}|{int(comp)}|{sep}")
    return out


def join_chunks(chunks, sep_key, lower):
    sep = (SEPS_LOWER if lower else SEPS_CASED)[sep_key]
    out = chunks[0]
    for c in chunks[1:]:
        if sep_key == "period" and not lower:
            c = c[:1].upper() + c[1:]
        out += sep + c
    return out


def split_groups(ds, groups):
    out, i = [], 0
    for g in groups:
        out.append(ds[i:i + g])
        i += g
    assert i == len(ds), (ds, groups)
    return out


def render_digits(ctx, entity, ds, groups, recipe=None):
    """Spoken digit string.  Returns (text, form)."""
    recipe = recipe or ctx.pick_recipe("digits_" + entity, digit_recipes(entity))
    mode, zero, comp, sep = recipe.split("|")
    comp = comp == "1"
    chunks = split_groups(ds, groups)
    if len(chunks) == 1 and mode == "mixed":
        mode = "digits"
    words = []
    numeral_idx = set()
    if mode == "mixed":
        k = ctx.rng.randint(1, len(chunks) - 1)
        numeral_idx = set(ctx.rng.sample(range(len(chunks)), k))
    used_comp = False
    for i, c in enumerate(chunks):
        if i in numeral_idx:
            words.append(c)
        elif mode == "numbers":
            words.append(say_group_number(c, zero))
        else:
            words.append(say_digits(c, zero, comp))
            used_comp = used_comp or (comp and has_run(c))
    text = join_chunks(words, sep, ctx.lower) if len(words) > 1 else words[0]
    if mode == "mixed":
        form = "mixed_digits_words"
    else:
        form = mode
    if "0" in "".join(c for i, c in enumerate(chunks) if i not in numeral_idx):
        form += "_" + zero
    if used_comp:
        form += "_double_triple"
    if len(words) > 1:
        form += "_" + sep
    return text, form


def letter_recipes():
    out = ["plain|space"]      # canonical, in both splits
    for ls in ["plain", "upper", "dotted", "as_in", "nato", "mixed_as_in"]:
        for sep in ["space", "hyphen", "comma", "chunked"]:
            if ls == "dotted" and sep in ("hyphen", "comma"):
                continue
            out.append(f"{ls}|{sep}")
    return out


LOWER_LETTER_STYLES = {"plain", "as_in", "nato", "mixed_as_in"}
CONFUSABLE = set("bcdegmnpstvzf")


def say_letter(ctx, ch, ls):
    l = ch.lower()
    if ls == "plain":
        return l if ctx.lower else l.upper()
    if ls == "upper":
        return l.upper()
    if ls == "dotted":
        return l.upper() + "."
    if ls == "nato":
        return NATO[l]
    if ls == "as_in" or (ls == "mixed_as_in" and l in CONFUSABLE and ctx.rng.random() < 0.7):
        w = ctx.rng.choice(ctx.pick_list("asin_" + l, AS_IN[l] + [NATO[l]]))
        L = l if ctx.lower else l.upper()
        return f"{L} as in {w if ctx.lower else w.capitalize()}"
    return l if ctx.lower else l.upper()


def render_spelled(ctx, word, recipe=None):
    """Spell a name: 'r e y e s', 'R-E-Y-E-S', 'R. E. Y. E. S.', 'r as in robert ...', NATO."""
    letters = [c for c in word if c.isalpha()]
    recipes = [r for r in ctx.pick_list("spell", letter_recipes(), core=1)
               if not ctx.lower or (r.split("|")[0] in LOWER_LETTER_STYLES and r.split("|")[1] in ("space", "chunked"))]
    recipe = recipe or ctx.rng.choice(recipes)
    ls, sep = recipe.split("|")
    if ctx.lower and ls not in LOWER_LETTER_STYLES:
        ls = "plain"
    said = [say_letter(ctx, c, ls) for c in letters]
    long_words = ls in ("as_in", "nato") or any(" as in " in s for s in said)
    if sep == "hyphen" and not long_words:
        text = "-".join(said)
    elif sep == "comma" or (sep == "hyphen" and long_words):
        text = ", ".join(said)
        sep = "comma"
    elif sep == "chunked" and len(said) > 3:
        cut = ctx.rng.randint(2, len(said) - 2)
        mid = " " if ctx.lower else ctx.rng.choice(["... ", ", "])
        text = " ".join(said[:cut]) + mid + " ".join(said[cut:])
    else:
        text = " ".join(said)
        sep = "space"
    return text, f"spelled_{ls}_{sep}"


def render_alnum(ctx, entity, value, groups):
    """Letters + digits (MBI, MRN with prefix, member IDs)."""
    recipes = ctx.pick_list("alnum_" + entity,
                            [f"{ls}|{dm}|{z}|{sep}" for ls in ["plain", "as_in", "nato", "mixed_as_in", "upper"]
                             for dm in ["digits", "numbers", "numerals"] for z in ["zero", "oh"]
                             for sep in ["space", "comma", "ellipsis", "dash", "um"]])
    if ctx.lower:
        recipes = [r for r in recipes if r.split("|")[0] != "upper" and r.split("|")[3] in SEPS_LOWER] or recipes
    if ctx.role == "A":
        recipes = [r for r in recipes if r.split("|")[3] not in ("um", "uh")] or recipes
    ls, dm, zero, sep = ctx.rng.choice(recipes).split("|")
    if ctx.lower and ls == "upper":
        ls = "plain"
    if ctx.lower and sep not in SEPS_LOWER:
        sep = "space"
    chunks = split_groups(value, groups)
    out_chunks = []
    for c in chunks:
        toks = []
        for run in re.findall(r"[A-Za-z]|[0-9]+", c):
            if run.isalpha():
                toks.append(say_letter(ctx, run, ls))
            elif dm == "numerals":
                toks.append(run)
            elif dm == "numbers" and len(run) >= 2:
                toks.append(say_group_number(run, zero) if len(run) <= 4 else
                            " ".join(say_group_number(run[i:i + 2], zero) for i in range(0, len(run), 2)))
            else:
                toks.append(say_digits(run, zero, False))
        out_chunks.append(" ".join(toks))
    text = join_chunks(out_chunks, sep, ctx.lower) if len(out_chunks) > 1 else out_chunks[0]
    form = f"alnum_{ls}_{dm}" + (f"_{zero}" if "0" in value and dm != "numerals" else "") + (f"_{sep}" if len(out_chunks) > 1 else "")
    return text, form


# --- per-entity renderers -----------------------------------------------------------

WRITTEN = {
    "PHONE": ["paren", "dash", "dots", "plain", "plus1_dash", "e164", "spaces", "one_dash"],
    "SSN": ["dash", "spaces", "plain"],
    "ZIP": ["plain", "zip4"],
    "CARD": ["spaces", "dashes", "plain"],
    "NPI": ["plain", "split"],
    "MRN": ["plain", "dashed", "spaced"],
    "MBI": ["dashes", "plain", "spaces"],
    "MEMBER_ID": ["plain", "space", "dashes"],
    "DOB": ["mdY_slash", "mdy_short", "mdY_dash", "Bd_Y", "Bd_Y_nocomma", "Bth_Y", "dB_Y", "iso", "bd_Y", "mdy_slash2"],
    "STREET": ["abbr", "full"],
    "EMAIL": ["plain"],
}


def written_phone(p, style):
    a, b, c = p[:3], p[3:6], p[6:]
    return {"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dots": f"{a}.{b}.{c}", "plain": p,
            "plus1_dash": f"+1 {a}-{b}-{c}", "e164": f"+1{p}", "spaces": f"{a} {b} {c}",
            "one_dash": f"1-{a}-{b}-{c}"}[style]


def written_date(d, style, lower=False):
    m, dd, y = d.month, d.day, d.year
    B = MONTHS[m - 1].capitalize()
    s = {"mdY_slash": f"{m:02d}/{dd:02d}/{y}", "mdy_short": f"{m}/{dd}/{y % 100:02d}",
         "mdY_dash": f"{m:02d}-{dd:02d}-{y}", "Bd_Y": f"{B} {dd}, {y}", "Bd_Y_nocomma": f"{B} {dd} {y}",
         "Bth_Y": f"{B} {ordinal_suffix(dd)}, {y}", "dB_Y": f"{dd} {B} {y}", "iso": f"{y}-{m:02d}-{dd:02d}",
         "bd_Y": f"{MONTH_ABBR[m - 1]} {dd}, {y}", "mdy_slash2": f"{m}/{dd}/{y}"}[style]
    if lower:
        s = s.lower().replace(",", "")
    return s


def choose_written(ctx, role):
    return ctx.rng.random() < ctx.p_written(role)


def r_phone(ctx, v, role):
    if choose_written(ctx, role):
        styles = ctx.pick_list("written_PHONE", WRITTEN["PHONE"], core=1)
        st = ctx.rng.choice(styles)
        return "", written_phone(v, st), "", False, f"written_{st}"
    groups = ctx.rng.choice([[3, 3, 4], [3, 3, 4], [3, 3, 4], [3, 7], [10], [3, 3, 2, 2]])
    text, form = render_digits(ctx, "PHONE", v, groups)
    pre = post = ""
    x = ctx.rng.random()
    if x < 0.08:
        pre = "area code "
        form += "_area_code"
    elif x < 0.13:
        text = ("1 " if (not ctx.lower and text[:1].isdigit()) else "one ") + text
        form += "_country_one"
    elif x < 0.19:
        ext = f"{ctx.rng.randint(2, 9)}{ctx.rng.randint(0, 9)}{ctx.rng.randint(0, 9)}"
        ext_s = say_digits(ext, ctx.rng.choice(["oh", "zero"]), False) if ctx.rng.random() < 0.7 else say_group_number(ext, "oh")
        text = text + ("" if ctx.lower else ",") + " extension " + ext_s
        form += "_extension"
    return pre, text, post, True, form


def r_ssn(ctx, v, role, last4=False):
    if last4:
        v = v[5:]
        if choose_written(ctx, role):
            return "", v, "", False, "written_last4"
        text, form = render_digits(ctx, "SSN", v, ctx.rng.choice([[4], [2, 2]]))
        return "", text, "", True, "last4_" + form
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_SSN", WRITTEN["SSN"], core=1))
        s = {"dash": f"{v[:3]}-{v[3:5]}-{v[5:]}", "spaces": f"{v[:3]} {v[3:5]} {v[5:]}", "plain": v}[st]
        return "", s, "", False, f"written_{st}"
    groups = ctx.rng.choice([[3, 2, 4], [3, 2, 4], [3, 2, 4], [9], [3, 2, 2, 2], [3, 3, 3]])
    text, form = render_digits(ctx, "SSN", v, groups)
    return "", text, "", True, form


def r_zip(ctx, v, role, plus4=None):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_ZIP", WRITTEN["ZIP"], core=1))
        if st == "zip4":
            p4 = plus4 or f"{ctx.rng.randint(1, 9999):04d}"
            return "", f"{v}-{p4}", "", False, "written_zip4"
        return "", v, "", False, "written_plain"
    groups = ctx.rng.choice([[5], [5], [2, 3], [3, 2], [1, 2, 2]])
    if groups == [1, 2, 2] and v[1] != "0" and v[3] != "0":
        text = f"{digit_word(v[0], 'oh')} {cardinal(int(v[1:3]))} {cardinal(int(v[3:]))}"
        form = "numbers_split122"
    else:
        text, form = render_digits(ctx, "ZIP", v, groups)
    if ctx.rng.random() < 0.1:
        p4 = f"{ctx.rng.randint(1, 9999):04d}"
        t4, _ = render_digits(ctx, "ZIP", p4, [4])
        text = text + ctx.rng.choice([" dash ", " ", ", "] if not ctx.lower else [" dash ", " "]) + t4
        form += "_plus4"
    return "", text, "", True, form


def r_card(ctx, v, role):
    groups = card_groups(v)
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_CARD", WRITTEN["CARD"], core=1))
        parts = split_groups(v, groups)
        s = {"spaces": " ".join(parts), "dashes": "-".join(parts), "plain": v}[st]
        return "", s, "", False, f"written_{st}"
    text, form = render_digits(ctx, "CARD", v, groups)
    return "", text, "", True, form


def r_npi(ctx, v, role):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_NPI", WRITTEN["NPI"], core=1))
        return "", (v if st == "plain" else v[:5] + " " + v[5:]), "", False, f"written_{st}"
    groups = ctx.rng.choice([[10], [3, 3, 4], [4, 3, 3], [5, 5], [2, 2, 2, 2, 2]])
    text, form = render_digits(ctx, "NPI", v, groups)
    return "", text, "", True, form


def r_mrn(ctx, v, role):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_MRN", WRITTEN["MRN"], core=1))
        m = re.match(r"([A-Z]*)(\d+)$", v)
        L, D = m.group(1), m.group(2)
        if st == "dashed":
            w = (L + "-" if L else "") + "-".join(D[i:i + 3] for i in range(0, len(D), 3))
        elif st == "spaced":
            w = (L + " " if L else "") + " ".join(D[i:i + 4] for i in range(0, len(D), 4))
        else:
            w = v
        return "", w, "", False, f"written_{st}"
    m = re.match(r"([A-Z]*)(\d+)$", v)
    letters, digits = m.group(1), m.group(2)
    n = len(digits)
    groups = ctx.rng.choice([[n], [n], [3] * (n // 3) + ([n % 3] if n % 3 else []),
                             [2] * (n // 2) + ([n % 2] if n % 2 else []), [4, n - 4]])
    if letters:
        return _mrn_alnum(ctx, v, letters, groups)
    text, form = render_digits(ctx, "MRN", digits, groups)
    return "", text, "", True, form


def _mrn_alnum(ctx, v, letters, groups):
    text, form = render_alnum(ctx, "MRN", v, [len(letters)] + groups)
    return "", text, "", True, form


def r_mbi(ctx, v, role):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_MBI", WRITTEN["MBI"], core=1))
        s = {"dashes": f"{v[:4]}-{v[4:7]}-{v[7:]}", "plain": v, "spaces": f"{v[:4]} {v[4:7]} {v[7:]}"}[st]
        return "", s, "", False, f"written_{st}"
    groups = ctx.rng.choice([[4, 3, 4], [4, 3, 4], [11], [3, 4, 4], [2, 3, 3, 3]])
    text, form = render_alnum(ctx, "MBI", v, groups)
    return "", text, "", True, form


def r_member(ctx, v, role):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_MEMBER_ID", WRITTEN["MEMBER_ID"], core=1))
        m = re.match(r"([A-Z]*)(\d+)(.*)$", v)
        if st == "space" and m.group(1):
            s = m.group(1) + " " + v[len(m.group(1)):]
        elif st == "dashes" and len(v) >= 9:
            s = "-".join(v[i:i + 3] for i in range(0, len(v), 3))
        else:
            s = v
        return "", s, "", False, f"written_{st}"
    m = re.match(r"([A-Z]*)(.*)$", v)
    head, rest = m.group(1), m.group(2)
    n = len(rest)
    groups = ([len(head)] if head else []) + ctx.rng.choice(
        [[n], [3] * (n // 3) + ([n % 3] if n % 3 else []), [4] * (n // 4) + ([n % 4] if n % 4 else [])])
    if head or re.search(r"[A-Z]", rest):
        text, form = render_alnum(ctx, "MEMBER_ID", v, groups)
    else:
        text, form = render_digits(ctx, "MEMBER_ID", v, groups)
    return "", text, "", True, form


def dob_recipes():
    out = []
    for pat in ["mdy_name_ord", "mdy_name_card", "the_d_of_m", "d_of_m", "num_mdy", "num_mdy_nolead",
                "num_digits", "num_slash", "name_ord_digits_year", "num_m_dd_yyyy", "year_only"]:
        for ys in ["full", "two", "thousand", "thousand_and", "twenty_oh"]:
            for sep in ["space", "comma", "ellipsis"]:
                out.append(f"{pat}|{ys}|{sep}")
    return out


def spoken_date(ctx, d, pool):
    """A date said aloud.  Returns (text, spoken, form)."""
    pat, ys, sep = ctx.pick_recipe(pool, dob_recipes()).split("|")
    rng = ctx.rng
    if pat == "year_only" and (pool != "DOB" or rng.random() < 0.6):
        pat = "mdy_name_ord"   # year-only birth dates are rare; never for other dates
    m, dd, y = d.month, d.day, d.year
    if ys == "two" and (y % 100 == 0 or y >= 2010):
        ys = "full"
    if ys in ("thousand", "thousand_and", "twenty_oh") and y < 2000:
        ys = "full"
    yw = year_words(y, ys)
    month = MONTHS[m - 1] if ctx.lower else MONTHS[m - 1].capitalize()
    c = "" if ctx.lower else ","
    s = (SEPS_LOWER if ctx.lower else SEPS_CASED).get(sep, " ")
    spoken = True
    if pat == "mdy_name_ord":
        text = f"{month} {ordinal(dd)}{c if sep != 'space' else ''} {yw}"
    elif pat == "mdy_name_card":
        text = f"{month} {cardinal(dd)}{c if sep != 'space' else ''} {yw}"
    elif pat == "the_d_of_m":
        text = f"the {ordinal(dd)} of {month}{c if sep != 'space' else ''} {yw}"
    elif pat == "d_of_m":
        text = f"{ordinal(dd)} of {month} {yw}"
    elif pat in ("num_mdy", "num_mdy_nolead", "num_slash"):
        zero = rng.choice(["oh", "zero"])
        mw = (f"{zero} {ONES[m]}" if (m < 10 and pat != "num_mdy_nolead") else cardinal(m))
        dw = (f"{zero} {ONES[dd]}" if (dd < 10 and pat != "num_mdy_nolead") else cardinal(dd))
        if pat == "num_slash":
            text = f"{mw} slash {dw} slash {yw}"
        else:
            text = f"{mw}{s}{dw}{s}{yw}"
    elif pat == "num_digits":
        zero = rng.choice(["oh", "zero"])
        yy = f"{y % 100:02d}" if ys == "two" else f"{y}"
        ds = f"{m:02d}{dd:02d}{yy}"
        text = join_chunks([say_digits(ds[:2], zero, False), say_digits(ds[2:4], zero, False),
                            say_digits(ds[4:], zero, False)], sep if sep in SEPS_CASED else "space", ctx.lower)
        pat = f"num_digits_{zero}"
    elif pat == "year_only":   # callers who give just the year ("date of birth, um, nineteen eighty")
        if ys == "two":
            yw = year_words(y, "full")
        text = yw
        return text, True, f"year_only_{ys if ys != 'two' else 'full'}"
    elif pat == "num_m_dd_yyyy":
        text = f"{cardinal(m)}{s}{cardinal(dd) if dd >= 10 else 'oh ' + ONES[dd]}{s}{yw}"
    else:  # name_ord_digits_year: partly formatted, e.g. 'march fifth 1982' / 'March 5th, 1982'
        if rng.random() < 0.5:
            text = f"{month} {ordinal(dd)}{c} {y}"
        else:
            text = f"{month} {ordinal_suffix(dd)}{c} {y}"
            spoken = False
            return text, spoken, "month_name_digits"
    return text, spoken, f"{pat}_{ys}" + ("" if sep == "space" or pat in ("d_of_m", "num_slash") else f"_{sep}")


def r_date(ctx, d, role, pool="DOB"):
    if choose_written(ctx, role):
        st = ctx.rng.choice(ctx.pick_list("written_DOB", WRITTEN["DOB"], core=1))
        return "", written_date(d, st, ctx.lower), "", False, f"written_{st}"
    text, spoken, form = spoken_date(ctx, d, pool)
    return "", text, "", spoken, form


def name_text(ctx, s):
    return s if ctx.lower else cap_name(s)


def r_name(ctx, person, role, form="full"):
    f, l = person["first"], person["last"]
    low = ctx.lower
    nt = lambda x: x if low else cap_name(x)
    if form == "first":
        t = nt(f)
    elif form == "last":
        t = nt(l)
    elif form == "last_first":
        t = f"{nt(l)}{'' if low else ','} {nt(f)}"
    elif form == "full_middle":
        mi = person["middle"].lower() if low else person["middle"] + ("." if ctx.rng.random() < 0.7 else "")
        t = f"{nt(f)} {mi} {nt(l)}"
    else:
        t = f"{nt(f)} {nt(l)}"
    return "", t, "", True, f"name_{form}" + ("_lower" if low else "")


def r_city(ctx, city, role):
    return "", (city if ctx.lower else cap_words(city)), "", True, "city" + ("_lower" if ctx.lower else "")


def house_number_spoken(ctx, n):
    s = str(n)
    mode = ctx.rng.choice(ctx.pick_list("house_mode", ["pairs", "digits", "cardinal"], core=1))
    if mode == "digits" or (mode == "cardinal" and n >= 1000):
        return say_digits(s, ctx.rng.choice(["oh", "zero"]), False), "digits"
    if mode == "cardinal":
        return cardinal(n), "cardinal"
    if len(s) == 5:
        return f"{say_group_number(s[:2], 'oh')} {say_group_number(s[2:], 'oh')}", "pairs"
    return say_group_number(s, "oh"), "pairs"


def r_street(ctx, st, role):
    """st: dict(number, dir=(spoken, abbr) or None, name, suffix=(spoken, abbr), unit=(kind, val) or None)."""
    written = choose_written(ctx, role)
    low = ctx.lower
    cap = (lambda w: w) if low else cap_words
    if written:
        words = [str(st["number"])]
        form = "written"
    else:
        hn, mode = house_number_spoken(ctx, st["number"])
        words = [hn]
        form = f"house_{mode}"
    abbr = written and not low and ctx.rng.random() < 0.6
    dot = "." if (abbr and ctx.rng.random() < 0.5) else ""
    if st["dir"]:
        words.append(st["dir"][1] + dot if abbr else cap(st["dir"][0]))
    name = ORDINAL_STREETS.get(st["name"], st["name"]) if written else st["name"]
    words.append(cap(name))
    sfx = st["suffix"]
    words.append((sfx[1] + (dot if sfx[1] not in ("Way", "Loop") else "")) if abbr else cap(sfx[0]))
    text = " ".join(words)
    if st["unit"]:
        kind, val = st["unit"]
        if written:
            u = {"apartment": f"Apt {val.upper()}", "unit": f"Unit {val.upper()}", "number": f"#{val.upper()}",
                 "suite": f"Suite {val.upper()}"}[kind]
            text += ("" if low else ",") + " " + (u.lower() if low else u)
        else:
            vs = " ".join(say_group_number(ch, "oh") if ch.isdigit() else (ch if low else ch.upper())
                          for ch in re.findall(r"\d+|[a-z]", val))
            unit_word = {"apartment": ctx.rng.choice(["apartment", "apt", "apartment number"]), "unit": "unit",
                         "number": "number", "suite": "suite"}[kind]
            text += ("," if (not low and ctx.rng.random() < 0.5) else "") + " " + cap(unit_word) + " " + vs
        form += "_unit"
    if abbr:
        form += "_abbr"
    return "", text, "", not written, form


ORDINAL_STREETS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
                   "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "twelfth": "12th",
                   "fourteenth": "14th", "twenty third": "23rd", "forty second": "42nd"}


def email_local_parts(person, rng):
    f = re.sub(r"[^a-z]", "", person["first"])
    l = re.sub(r"[^a-z]", "", person["last"])
    yy = f"{person['dob'].year % 100:02d}"
    n = str(rng.randint(1, 999))
    kind = rng.choice(["f.l", "fl", "f_l", "f-l", "f.l+n", "f+yy", "il", "l.f", "fl+n", "f.il"])
    toks = {  # list of (token, type)  type: w word, s symbol, d digits
        "f.l": [(f, "w"), (".", "s"), (l, "w")], "fl": [(f, "w"), ("", "j"), (l, "w")],
        "f_l": [(f, "w"), ("_", "s"), (l, "w")], "f-l": [(f, "w"), ("-", "s"), (l, "w")],
        "f.l+n": [(f, "w"), (".", "s"), (l, "w"), (n, "d")], "f+yy": [(f, "w"), (yy, "d")],
        "il": [(f[0], "w"), ("", "j"), (l, "w")], "l.f": [(l, "w"), (".", "s"), (f, "w")],
        "fl+n": [(f, "w"), ("", "j"), (l, "w"), (n, "d")], "f.il": [(f, "w"), (".", "s"), (l[0], "w")],
    }[kind]
    return toks


def make_email(person, rng, domains):
    toks = email_local_parts(person, rng)
    local = "".join(t for t, _ in toks)
    return {"local_toks": toks, "local": local, "domain": rng.choice(domains)}


def r_email(ctx, em, role):
    rng = ctx.rng
    addr = em["local"] + "@" + em["domain"]
    if choose_written(ctx, role):
        return "", addr, "", False, "written"
    style = ctx.rng.choice(ctx.pick_list("email_style", ["words", "spell_first", "spell_all", "spell_last",
                                                         "partly_written_local", "partly_written_domain",
                                                         "one_word", "words_at_sign", "spell_first_as_in"], core=1) + ["words"])
    sym = {".": ctx.rng.choice(["dot", "dot", "period"]), "_": ctx.rng.choice(["underscore", "under score"]),
           "-": ctx.rng.choice(["dash", "hyphen"])}
    out = []
    toks = em["local_toks"]
    if style == "partly_written_local":
        out.append(em["local"])
    else:
        word_idx = [i for i, (t, k) in enumerate(toks) if k == "w"]
        for i, (t, k) in enumerate(toks):
            if k == "s":
                out.append(sym[t])
            elif k == "j":
                continue
            elif k == "d":
                out.append(cardinal(int(t)) if (len(t) == 2 and t[0] != "0" and rng.random() < 0.6) else say_digits(t, "oh", False))
            else:
                spell = (style == "spell_all" or (style in ("spell_first", "spell_first_as_in") and i == word_idx[0])
                         or (style == "spell_last" and i == word_idx[-1]) or len(t) == 1)
                if spell:
                    ls = "as_in" if style == "spell_first_as_in" else ctx.rng.choice(["plain", "plain", "mixed_as_in"])
                    out.append(" ".join(say_letter(ctx, c, ls) for c in t))
                else:
                    out.append(t if ctx.lower or rng.random() < 0.6 else t.capitalize())
        if style == "one_word" and any(k == "j" for _, k in toks):
            out.append("all one word" if ctx.lower else ", all one word,")
    local_s = " ".join(out).replace(" ,", ",")
    at = "at sign" if style == "words_at_sign" else "at"
    if style == "partly_written_domain":
        text = f"{local_s}@{em['domain']}"
    else:
        dom = ctx.rng.choice(EMAIL_DOMAINS[em["domain"]])
        text = f"{local_s} {at} {dom}"
    return "", text, "", True, f"email_{style}"


# ---------------------------------------------------------------------------
# 6. rich text: a turn is {"role": "A"|"C", "segs": [(text, tag), ...]}; tag is
#    None, {"kind": "span", ...} or {"kind": "neg", "what": ...}
# ---------------------------------------------------------------------------

class Val:
    """A value slot: renders through fn(ctx, role) -> (pre, text, post, spoken, form)."""

    def __init__(self, entity, fn, cue):
        self.entity, self.fn, self.cue = entity, fn, cue


def span_tag(entity, spoken, cue, form):
    return {"kind": "span", "entity": entity, "spoken": bool(spoken), "cue": cue, "form": form}


PUNCT_RE = re.compile(r"[.,?!;:\"()]")


def style_literal(text, lower):
    if lower:
        text = PUNCT_RE.sub(" ", text.lower())
    return text


def neg_dose(rng, low):
    if not low and rng.random() < 0.3:
        return f"{rng.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 500, 1000])} mg"
    amt = rng.choice(["five", "ten", "twenty", "twenty five", "forty", "fifty", "eighty one", "one hundred",
                      "two hundred fifty", "five hundred", "one thousand", "point five", "two point five",
                      "seven and a half", "twelve point five"])
    unit = rng.choice(["milligrams", "milligrams", "milligram", "micrograms", "units", "mg"])
    if rng.random() < 0.25:
        return rng.choice(["one tablet", "two tablets", "half a pill", "one capsule", "two pills", "one and a half tablets"])
    return f"{amt} {unit}"


def neg_frequency(rng, low):
    return rng.choice(["twice a day", "once a day", "three times a day", "every eight hours", "every twelve hours",
                       "at bedtime", "every other day", "once a week", "two times daily", "every six hours as needed"])


def neg_bp(rng, low):
    s = rng.choice([110, 118, 120, 124, 128, 130, 132, 135, 138, 140, 142, 150, 160])
    d = rng.choice([70, 72, 76, 78, 80, 82, 84, 85, 88, 90, 95])
    if not low and rng.random() < 0.35:
        return f"{s}/{d}"
    sw = f"{ONES[s // 100]} {say_pair(f'{s % 100:02d}', 'oh')}" if rng.random() < 0.85 else cardinal(s)
    return f"{sw} over {cardinal(d)}"


def neg_time(rng, low):
    h = rng.choice([7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5])
    m = rng.choice([0, 15, 30, 45, 0, 30, 10, 20, 40])
    if not low and rng.random() < 0.35:
        return f"{h}:{m:02d} {rng.choice(['AM', 'PM', 'a.m.', 'p.m.'])}" if m else f"{h} {rng.choice(['AM', 'PM'])}"
    if m == 0:
        tail = rng.choice(["o clock" if low else "o'clock", "a m" if low else "a.m.", "p m" if low else "p.m.",
                           "in the morning", "in the afternoon"])
        return f"{cardinal(h)} {tail}"
    if m == 15 and rng.random() < 0.4:
        return f"quarter after {cardinal(h)}"
    if m == 30 and rng.random() < 0.3:
        return f"half past {cardinal(h)}"
    return f"{cardinal(h)} {cardinal(m)}"


def neg_appt_date(rng, low):
    days = ["monday", "tuesday", "wednesday", "thursday", "friday"]
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    mon = MONTHS[m - 1] if low else MONTHS[m - 1].capitalize()
    day = rng.choice(days)
    day = day if low else day.capitalize()
    c = rng.random()
    if c < 0.25:
        return f"next {day}"
    if c < 0.5:
        return f"on {day} the {ordinal(d)}"
    if c < 0.75:
        return f"on {mon} {ordinal(d)}"
    if not low and c < 0.85:
        return f"on {mon} {ordinal_suffix(d)}"
    return f"{day}, {mon} {ordinal(d)}".replace(",", "" if low else ",")


def neg_money(rng, low):
    if not low and rng.random() < 0.35:
        return rng.choice([f"${rng.choice([20, 25, 35, 40, 50, 75, 120, 250])}", f"${rng.randint(10, 999)}.{rng.randint(0, 99):02d}"])
    return rng.choice([f"{cardinal(rng.choice([20, 25, 30, 35, 40, 45, 50, 75]))} dollars",
                       f"{cardinal(rng.choice([100, 120, 150, 200, 250, 300, 2000]))} dollars",
                       f"two thousand dollars", f"{cardinal(rng.randint(11, 99))} dollars and {cardinal(rng.randint(11, 99))} cents",
                       f"one hundred {cardinal(rng.randint(20, 90))} dollars"])


def neg_duration(rng, low):
    return rng.choice([f"for {cardinal(rng.randint(2, 6))} weeks", f"for about {cardinal(rng.randint(2, 10))} days",
                       f"for the past {cardinal(rng.randint(2, 11))} months", "for a couple of weeks",
                       f"for {cardinal(rng.randint(2, 15))} years", "since last tuesday", "for about a month"])


def neg_duration_ago(rng, low):
    return rng.choice([f"{cardinal(rng.randint(2, 9))} days ago", f"about {cardinal(rng.randint(2, 6))} weeks ago",
                       "a couple months ago", f"{cardinal(rng.randint(2, 12))} hours ago"])


def neg_room(rng, low):
    n = rng.choice([104, 112, 208, 215, 312, 412, 415, 506, 620, 3, 7, 12])
    if not low and rng.random() < 0.3:
        return f"room {n}"
    return f"{rng.choice(['room', 'exam room', 'room number'])} {say_group_number(str(n), 'oh') if n > 99 else cardinal(n)}"


def neg_lab(rng, low):
    return rng.choice([f"a one c was {cardinal(rng.randint(5, 9))} point {ONES[rng.randint(1, 9)]}",
                       f"cholesterol was {cardinal(rng.choice([180, 190, 210, 225, 240]))}",
                       f"potassium was {ONES[rng.randint(3, 5)]} point {ONES[rng.randint(0, 9)]}",
                       f"creatinine was {ONES[rng.randint(0, 1)]} point {ONES[rng.randint(1, 9)]}",
                       f"hemoglobin was {cardinal(rng.randint(9, 15))} point {ONES[rng.randint(0, 9)]}",
                       f"tsh was {ONES[rng.randint(1, 6)]} point {ONES[rng.randint(0, 9)]}"]).replace(
        "a one c", "a one c" if low else "A1C").replace("tsh", "tsh" if low else "TSH")


def neg_conf(rng, low):
    ds = "".join(rng.choice("0123456789") for _ in range(rng.choice([6, 7, 8])))
    if not low and rng.random() < 0.4:
        return ds
    return say_digits(ds, rng.choice(["oh", "zero"]), rng.random() < 0.3)


def neg_order(rng, low):
    ds = rng.choice(["A", "B", "W", "R"]) + "".join(rng.choice("0123456789") for _ in range(6))
    if not low and rng.random() < 0.5:
        return ds
    return (ds[0].lower() if low else ds[0]) + " " + say_digits(ds[1:], "zero", False)


def neg_age(rng, low, lo=25, hi=88):
    a = rng.randint(lo, hi)
    return rng.choice([f"{cardinal(a)}", f"{cardinal(a)} years old", f"{cardinal(a)} now"])


def neg_weight(rng, low):
    w = rng.randint(105, 260)
    if not low and rng.random() < 0.3:
        return f"{w} pounds"
    return f"{cardinal(w)} pounds"


def neg_temperature(rng, low):
    return rng.choice(["ninety nine point eight", "a hundred and one", "one hundred point four", "ninety eight point six",
                       "a hundred and two"] + ([] if low else ["101.3", "99.5 degrees"]))


def neg_steps(rng, low):
    return rng.choice(["ten thousand steps", "about six thousand steps", "eight thousand steps", "five thousand steps",
                       "twelve thousand steps"])


NEG_GEN = {  # type -> (what, generator)
    "dose": ("dose", neg_dose), "frequency": ("dose", neg_frequency), "bp": ("blood_pressure", neg_bp),
    "time": ("time", neg_time), "appointment_date": ("appointment_date", neg_appt_date), "money": ("money", neg_money),
    "copay": ("money", lambda r, l: f"a {cardinal(r.choice([10, 15, 20, 25, 30, 40, 50, 75]))} dollar copay"),
    "duration": ("duration", neg_duration), "duration_ago": ("duration", neg_duration_ago),
    "duration_early": ("duration", lambda r, l: r.choice(["fifteen minutes", "twenty minutes", "ten minutes", "half an hour"])),
    "duration_in": ("duration", lambda r, l: r.choice(["in ten minutes", "within the hour", "in about thirty minutes", "in two hours"])),
    "visit_length": ("duration", lambda r, l: r.choice(["about forty five minutes", "thirty minutes", "an hour long", "twenty minutes"])),
    "wait": ("duration", lambda r, l: r.choice(["five minutes", "ten to fifteen minutes", "twenty minutes"])),
    "room": ("room_number", neg_room),
    "floor": ("room_number", lambda r, l: r.choice(["third floor", "fourth floor", "second floor", "fifth floor"])),
    "lab": ("lab_value", neg_lab),
    "glucose": ("lab_value", lambda r, l: r.choice(["one forty", "two ten", "ninety five", "one hundred eighty", "a hundred and twenty"])),
    "confirmation": ("confirmation_number", neg_conf), "order": ("order_number", neg_order),
    "refills": ("count", lambda r, l: r.choice(["two refills", "three refills", "one refill", "five refills"])),
    "supply": ("count", lambda r, l: r.choice(["a ninety day supply", "a thirty day supply", "thirty tablets", "sixty capsules"])),
    "count_night": ("count", lambda r, l: r.choice(["two or three times", "three times a night", "once or twice", "four times"])),
    "count_pills": ("count", lambda r, l: r.choice(["about six pills", "two tablets", "maybe four days worth", "three pills"])),
    "count_episodes": ("count", lambda r, l: r.choice(["three episodes", "two of those", "four or five of them"])),
    "puffs": ("dose", lambda r, l: r.choice(["two puffs", "one puff", "two sprays in each nostril"])),
    "emergency": ("emergency_number", lambda r, l: r.choice(["nine one one", "911"] if not l else ["nine one one"])),
    "steps": ("step_count", neg_steps),
    "weight_change": ("weight", lambda r, l: f"{cardinal(r.randint(3, 25))} pounds"),
    "weight": ("weight", neg_weight),
    "height": ("height", lambda r, l: r.choice(["five foot six", "five ten", "six foot one", "five foot two"])),
    "temperature": ("vital_sign", neg_temperature),
    "oxygen": ("vital_sign", lambda r, l: r.choice(["ninety eight percent", "ninety six percent", "ninety nine percent"])),
    "age": ("age", neg_age), "age_other": ("age", lambda r, l: neg_age(r, l, 30, 88)),
    "age_kid": ("age", lambda r, l: cardinal(r.randint(2, 17))),
    "year": ("year", lambda r, l: r.choice([year_words(y, "full") for y in (1998, 2005, 2011, 2015, 2019, 2020, 2021)] +
                                           ["two thousand eight", "twenty twenty two"] + ([] if l else ["2019", "2016"]))),
    "shift": ("time", lambda r, l: r.choice(["nights, seven to seven", "the early shift, six to two", "nine to five"])),
    "menu": ("menu_option", None), "count": ("count", None),
}


def gen_negative(ctx, ntype, literal):
    what, fn = NEG_GEN[ntype] if ntype in NEG_GEN else (ntype.replace("common_", "common_word_"), None)
    if ntype.startswith("common_"):
        what = "common_word"
    text = literal if literal is not None else fn(ctx.rng, ctx.lower)
    if ctx.lower:
        text = style_literal(text, True)
        text = re.sub(r" +", " ", text).strip()
    return text, what


SLOT_RE = re.compile(r"\{(\w+)\}|<<(\w+)(?:\|([^>]*))?>>")


def fill(ctx, template, role, slots=None):
    """Fill a template for a speaker role into a list of segments."""
    slots = slots or {}
    ctx.role = role
    segs = []
    pos = 0
    for m in SLOT_RE.finditer(template):
        if m.start() > pos:
            segs.append((style_literal(template[pos:m.start()], ctx.lower), None))
        if m.group(1):
            v = slots[m.group(1)]
            if isinstance(v, Val):
                pre, text, post, spoken, form = v.fn(ctx, role)
                if pre:
                    segs.append((pre, None))
                segs.append((text, span_tag(v.entity, spoken, v.cue, form)))
                if post:
                    segs.append((post, None))
            else:
                segs.append((style_literal(v, ctx.lower), None))
        else:
            text, what = gen_negative(ctx, m.group(2), m.group(3))
            segs.append((text, {"kind": "neg", "what": what}))
        pos = m.end()
    if pos < len(template):
        segs.append((style_literal(template[pos:], ctx.lower), None))
    return normalize_segs(segs, ctx.lower)


def normalize_segs(segs, lower):
    """Collapse spaces, trim, capitalise sentence starts in cased styles."""
    out = []
    for text, tag in segs:
        if tag is None:
            text = re.sub(r"\s+", " ", text)
        if not text:
            continue
        if out and out[-1][0].endswith(".") and tag is None and text.startswith("."):
            text = text[1:]
            if not text:
                continue
        if out and out[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
            if not text:
                continue
        if out and out[-1][1] is None and tag is None:
            out[-1] = (out[-1][0] + text, None)
            continue
        out.append((text, tag))
    while out and out[0][1] is None and out[0][0].startswith(" "):
        t = out[0][0].lstrip()
        out = ([(t, None)] if t else []) + out[1:]
    while out and out[-1][1] is None and out[-1][0].endswith(" "):
        t = out[-1][0].rstrip()
        out = out[:-1] + ([(t, None)] if t else [])
    if not lower:
        prev = ""
        for i, (text, tag) in enumerate(out):
            at_start = (i == 0 and prev == "") or re.search(r"(?<!\.)[.?!] $", prev)
            if at_start and text[:1].islower() and not (tag and tag.get("entity") == "EMAIL"):
                text = text[0].upper() + text[1:]
                out[i] = (text, tag)
            prev = (prev + text)[-4:]
    return out


def turn(role, segs):
    return {"role": role, "segs": segs}


def turn_text(t):
    return "".join(s for s, _ in t["segs"])


# ---------------------------------------------------------------------------
# 7. carrier dialogues
# ---------------------------------------------------------------------------
# Names and places already present in the public carrier dialogues (found by
# reading them) plus common given names and surnames.  A carrier turn that
# mentions one of them, a title followed by a name, a birth date, an age over
# 89, a long digit string, an address or an e-mail is dropped, so the only
# PHI left in a record is what this generator injected and labelled.

CARRIER_NAMES = set("""
martha charles bobby sean diana christine hernandez gutierrez smith jones jacob mary joe sophia patrick
betty matthew anna murphy james sarah vincent philip edwards sanchez clark jackson barbara rex kyle allen
cruz kim wilson mcdonald russell pamela tyler donna julie jeremy jerry gregory angela michael brian johnson
vera carter lin jane stephanie bryan joseph edward peterson davis alice paul ruth nicole roy donald eugene
lewis torres stewart reyes christina carolyn teresa nelson karen scott elizabeth wayne jacqueline sandra
dennis thompson beverly tim jessica amanda dan robert adriana laura doris daniel lizzy townsend emma claire
henley marie christian ryan jonah morse nathan walter mathis thomas morton pratt sherman stanley ferguson
hawkins gina ethan tara luna andrew keith louis rachel taylor mira alan diane george dylan bruce abigail
moore brittany linda elijah isabella ramirez jean raymond gloria gabriel dewey morales william harris larry
kenneth weber michelle collins brandon barron nita noah julia erin jose alexis kevin emily howard zachary
hannah theresa steven lowe sharon helen brenda joshua tatum jason camilla andrea lawrence david megan
charlie nicholas richard alex oscar polly lou katherine richards adam chapman tracy tia jim anthony ben
lloyd jonathan irving leonard tina roberto mendoza susan valerie sloane dey helm arjun shimada pai miya
purdy baylis cheng kumar blackman gertzbein reitman roszhart hanine winkel sunil siskin jena mina hudyncia
shami frankland rath sherry yen chandler welch kirkland jaqueline billy maria martin roger newton john
jen breckenridge bartow barney hilton coolidge conway easton bremer john johnny jimmy tommy danny
eric mark? kelly ashley amy melissa deborah stephen rebecca cynthia kathleen amy shirley angela anna
samuel gary nancy dorothy lisa betty sandra ashley kimberly donna carol michelle emily amanda melissa
deborah stephanie rebecca sharon cynthia kathleen ann frances joyce alice judy christina ann evelyn
cheryl mildred katherine joan ashley judith rose janice kelly nicole judy christina kathy theresa
beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise sara anne jacqueline wanda
bonnie julia ruby lois tina phyllis norma paula diana annie lillian emily robin peggy crystal gladys
rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria edith kim sherry
sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte monica esther
pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara lucille jamie joanne
eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill erin geraldine
lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey yvonne annette
samantha marion dana stacy ana renee ida vivian roberta holly brittany melanie loretta yolanda jeanette
laurie katie kristen vanessa alma sue elsie beth jeanne vicki carla tara rosemary eileen terri gertrude
lucy tonya ella stacey wilma gina kristin jessie natalie agnes vera willie charlene bessie delores
melinda pearl arlene maureen colleen allison tamara joy georgia constance lillie claudia jackie marcia
tanya nellie minnie marlene heidi glenda lydia viola courtney marian stella caroline dora jo vickie
mattie terry maxine irma mabel marsha myrtle lena christy deanna patsy hilda gwendolyn jennie nora
margie nina cassandra leah penny kay priscilla naomi carole brandy olga billie dianne tracey leona
jenny felicia sonia miriam velma becky bobbie violet kristina toni misty mae shelly daisy ramona
sherri erika katrina claire matt carter chapman lou ruthsanchez bartley jobie knightsbridge kurry ayrton
tracy josh
""".replace("?", "").split())
CARRIER_PLACES = set("""
wichita seattle tacoma houston madison vegas newport munich fayetteville baltimore cheyenne kirkland
bremerton london sacaton norwich detroit pittsburgh boston denver arlington brooklyn cincinnati columbus
dallas springfield amsterdam hanover mazatlan francisco cruces diego hopkins bahamas philadelphia chicago
atlanta phoenix miami manchester birmingham leeds glasgow liverpool bristol sheffield edinburgh cardiff
belfast oxford cambridge croydon
""".split())
# names that are also ordinary words: only treated as names after a title or greeting
AMBIGUOUS_NAMES = set("""will may hope mark bill grant frank jay ray sue rose june april august dawn faith joy
grace brown white green gray grey king hill wood ward walker miller baker fisher cole long young rich al art
pat jack dean chase miles summer autumn hunter mason park lane max ed gene rob don guy van carol victor
warren
""".split())
TITLE_RE = re.compile(r"\b(dr|doctor|mr|mrs|ms|miss|mister|misses|nurse|aunt|uncle|hi|hey|hello|morning|bye|"
                      r"thanks|thank you|dear|named|name is|name's|this is)\b[.,]?\s+(?=([A-Za-z']+))", re.I)
GREETING_WORDS = {"hi", "hey", "hello", "morning", "bye", "thanks", "thank you", "dear", "named", "name is",
                  "name's", "this is", "dr", "doctor", "mr", "mrs", "ms", "miss", "mister", "misses", "nurse",
                  "aunt", "uncle"}
MONTH_DAY_RE = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december)"
                          r"\s+(\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"eleventh|twelfth|[a-z]*teenth|twentieth|twenty|thirtieth|thirty)\b", re.I)
UNSAFE_RES = [
    re.compile(r"\b(born|birth|birthday|birthdate|dob|b-day|bday)\b", re.I),
    re.compile(r"\bninety\b|\b(9\d|1[01]\d)[- ]?(years?|yrs?|yo)\b", re.I),
    re.compile(r"\d{5,}|\d{3}[-. ]\d{3,4}|\d+/\d+/\d+|\d{1,2}/\d{1,2}\b"),
    re.compile(r"@|www|\.com\b|dot com|e-?mail address", re.I),
    re.compile(r"\b\d+\s+[A-Za-z]+\s+(street|avenue|road|drive|lane|boulevard)\b", re.I),
    re.compile(r"\b(social security number|medical record number|medicare number|member id|phone number is|"
               r"my number is|npi|zip code|address is|post ?code|my name is|name's|i'm called|call me)\b", re.I),
    re.compile(r"\b(A B C|X Y Z|ABC|XYZ|YYYY|MM/DD|Doctor X|Doctor_\d)\b"),
    re.compile(r"\b(Doctor|Patient|Guest_\w+|Gest_\w+)\w*:"),
    re.compile(r"\b[A-Z][a-z]+ (Street|Road|Avenue|Lane|Drive|Close|Crescent|Way|Court|Place|Gardens|Terrace|Hospital|"
               r"Clinic|Medical Center|Health Center)\b"),
]
UNSAFE_RES.append(MONTH_DAY_RE)
UNSAFE_RES.append(re.compile(r"\b(\d{1,2}(st|nd|rd|th)|[a-z]*(first|second|third|th))\s+of\s+(january|february|march|"
                             r"april|may|june|july|august|september|october|november|december)\b", re.I))
# a turn that asks for a name / birth date / age taints the next turns (bare answers)
ASKS_IDENTITY_RE = re.compile(r"\b(your name|full name|first name|last name|surname|date of birth|birth|how old|"
                              r"your age|spell)\b", re.I)
TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def build_blocklist():
    names = set(CARRIER_NAMES) | set(CARRIER_PLACES)
    for pool in FIRST_NAMES.values():
        names |= {x.split(":")[0] for x in pool.split()}
    for pool in LAST_NAMES.values():
        names |= set(pool.split())
    for c in CITIES:
        names |= set(c.split()) if " " not in c else {c}
    # drop tokens that are ordinary words / ambiguous (handled by the title rule)
    common = {"do", "le", "ho", "ma", "he", "sun", "long", "young", "lane", "park", "will", "may", "mark", "grant",
              "rose", "april", "june", "august", "joy", "grace", "faith", "dawn", "hope", "bill", "victor", "china",
              "lam", "cao", "ly", "vu", "obi", "koc", "kaya", "tang", "wu", "xu", "gao", "luo", "zhu", "peng",
              "feng", "deng", "xie", "guo", "liang", "jung", "choi", "osei", "haile", "santos", "nair", "rao",
              "eze", "mazur", "nowak", "demir", "cetin", "aslan", "dinh", "bui", "ngo", "pham", "tran", "iyer",
              "wei", "hao", "jing", "fang", "qiang", "ann", "anne", "ida", "sue", "terry", "jo", "kay", "mae",
              "gene", "lynn", "dana", "nina", "toni", "pearl", "stella", "ruby", "daisy", "violet", "olga",
              "sally", "holly", "amber", "crystal", "misty", "penny", "brandy", "robin", "regina", "ella", "eva",
              "minnie", "kim", "lin", "jean", "roy", "rex", "luna", "mira", "alma", "vera", "willie",
              "sara", "ana", "nora", "leah", "lena", "ellen", "lucy", "elsie", "edith", "agnes", "clara", "wanda",
              "louise", "gary", "ray", "paul", "amy",
              "eric", "erin", "ryan", "dean", "miles", "hunter", "marion", "beth", "kelly", "lowe", "mason", "morse", "newton", "pratt", "welch", "irving", "lincoln", "jackson",
              "madison", "aurora", "mesa", "reno", "provo", "flint", "macon", "augusta", "lowell", "durham",
              "riverside", "plano", "laredo", "pueblo", "cleveland", "columbus", "glendale", "henderson",
              "gilbert", "chandler", "lakewood", "portland", "rochester", "buffalo", "albany", "savannah",
              "billings", "lexington", "dayton", "peoria", "joliet", "fargo", "topeka", "evansville", "akron",
              "toledo", "syracuse", "newark", "tampa", "orlando", "miami", "phoenix", "atlanta", "chicago",
              "boise", "omaha", "tulsa", "mobile", "davenport", "lansing", "rockford"}
    names = {n for n in names if n not in common}
    # but keep the unambiguous ones among them for lower-case matching
    names |= {"pham", "tran", "bui", "ngo", "iyer", "nowak", "demir", "okafor", "madison", "phoenix", "chicago",
              "atlanta", "miami", "orlando", "tampa", "omaha", "tulsa", "boise", "syracuse", "akron", "toledo",
              "ben", "dan", "tim", "jim", "joe", "adam", "allen", "taylor", "roy", "kim", "rex", "virginia",
              "topeka", "fargo", "peoria", "joliet", "evansville", "lansing", "rockford", "savannah", "laredo",
              "plano", "reno", "provo"}
    return names, common | AMBIGUOUS_NAMES


BLOCK_NAMES, SOFT_NAMES = build_blocklist()
MULTIWORD_BLOCK = [c for c in CITIES if " " in c] + ["gig harbor", "las vegas", "santa cruz", "san diego",
                                                     "lake city", "new york", "johns hopkins"]


RARE_WORDS = set()   # filled by load_carriers: tokens seen in fewer than 8 carrier dialogues


def carrier_turn_ok(text):
    low = text.lower()
    for rx in UNSAFE_RES:
        if rx.search(text):
            return False
    toks = TOKEN_RE.findall(text)
    for i, tok in enumerate(toks):
        t = tok.lower()
        if t in BLOCK_NAMES:
            return False
        if t.endswith("'s") and t[:-2] in BLOCK_NAMES:
            return False
    for mw in MULTIWORD_BLOCK:
        if re.search(r"\b" + re.escape(mw) + r"\b", low):
            return False
    for m in TITLE_RE.finditer(text):
        nxt = m.group(2).lower().split("'")[0]
        if nxt in SOFT_NAMES or nxt in BLOCK_NAMES or nxt in RARE_WORDS:
            return False
        # capitalised word after a title in cased text: a surname we do not know
        if m.group(2)[:1].isupper() and m.group(1).lower() in ("dr", "doctor", "mr", "mrs", "ms", "miss", "mister",
                                                                 "misses", "nurse", "dear", "named"):
            return False
    # cased text: a capitalised ambiguous name in mid-sentence ("... saw Will yesterday")
    for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+)\b", text):
        if m.group(1).lower() in AMBIGUOUS_NAMES and m.start() > 0 and m.group(1).lower() not in MONTHS:
            return False
    return True


def clean_carrier_text(t):
    t = re.sub(r"</?UNSURE>", "", t)
    t = re.sub(r"<[A-Z_]+/>", " ", t)
    t = re.sub(r"\s+([,.?!])", r"\1", t)          # ' , ' -> ', ' (virtassist tokenisation)
    t = re.sub(r"\bwan na\b", "wanna", t)
    t = re.sub(r"\bgon na\b", "gonna", t)
    t = t.replace("\t", " ").replace("\r", " ").replace("\n", " ").replace('"', "")
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"^[,.]\s*", "", t)
    if len(t) > 320:
        cut = t[:320].rsplit(" ", 1)[0]
        m = re.search(r"^(.*[.?!])\s", cut)
        t = m.group(1) if (m and len(m.group(1)) > 120) else cut
    return t


def load_carriers(root):
    dialogues = []
    # MTS-Dialog: "Doctor: ..." / "Patient: ..." lines
    for f in sorted(glob.glob(os.path.join(root, "mts-dialog", "*.csv"))):
        base = os.path.basename(f)
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    line = line.strip()
                    m = re.match(r"([A-Za-z_]+):\s*(.*)$", line)
                    if m and m.group(1).lower() in ("doctor", "patient", "guest_family", "guest_clinician",
                                                    "guest_clinican", "gest_family"):
                        role = "A" if m.group(1).lower().startswith(("doctor", "guest_clin")) else "C"
                        turns.append([role, m.group(2)])
                    elif line and turns:
                        turns[-1][1] += " " + line
                dialogues.append({"source": "mts", "key": f"{base}:{row['ID']}", "turns": turns})
    # ACI-bench: "[doctor] ..." / "[patient] ..." markers
    for f in sorted(glob.glob(os.path.join(root, "aci-bench", "*.csv"))):
        base = os.path.basename(f)
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rid = row.get("id") or row.get("encounter_id")
                parts = re.split(r"\[([a-z_]+)\]", row["dialogue"])
                turns = []
                for i in range(1, len(parts) - 1, 2):
                    role = "A" if parts[i].startswith("doctor") else "C"
                    turns.append([role, parts[i + 1]])
                dialogues.append({"source": "aci", "key": f"{base}:{rid}", "turns": turns})
    # PriMock57: per-speaker TextGrids merged by time
    docs = sorted(glob.glob(os.path.join(root, "primock57", "*_doctor.TextGrid")))
    for fd in docs:
        fp = fd.replace("_doctor.TextGrid", "_patient.TextGrid")
        if not os.path.exists(fp):
            continue
        ivs = []
        for path, role in ((fd, "A"), (fp, "C")):
            txt = open(path, encoding="utf-8").read()
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = ([\d.]+)\s*\n\s*text = "(.*)"', txt):
                if m.group(3).strip():
                    ivs.append((float(m.group(1)), role, m.group(3)))
        ivs.sort()
        turns = []
        for _, role, text in ivs:
            if turns and turns[-1][0] == role:
                turns[-1][1] += " " + text
            else:
                turns.append([role, text])
        dialogues.append({"source": "primock", "key": os.path.basename(fd).replace("_doctor.TextGrid", ""), "turns": turns})
    # vocabulary: a rare word right after a greeting or title is taken for a name
    df = Counter()
    for d in dialogues:
        df.update({t.lower() for _, text in d["turns"] for t in TOKEN_RE.findall(text)})
    RARE_WORDS.clear()
    RARE_WORDS.update(t for t, n in df.items() if n < 8)
    # clean + screen
    stats = Counter()
    for d in dialogues:
        kept = []
        taint = 0
        for role, text in d["turns"]:
            t = clean_carrier_text(text)
            stats["turns"] += 1
            if not t or len(t) < 2:
                continue
            tainted = taint > 0
            taint = max(0, taint - 1)
            if ASKS_IDENTITY_RE.search(t):
                taint = 3
            if tainted or not carrier_turn_ok(t):
                stats["dropped"] += 1
                continue
            kept.append((role, t))
        d["turns"] = kept
        d["side"] = carrier_side(d["source"], d["key"])
    return [d for d in dialogues if len(d["turns"]) >= 2], stats


# ---------------------------------------------------------------------------
# 8. exchanges: blocks of turns that inject values
# ---------------------------------------------------------------------------

_POOL_CACHE = {}


class Ctx:
    """Per-record rendering context: rng, split pools, speaker-role style."""

    def __init__(self, split, rng, style):
        self.split, self.rng, self.style = split, rng, style
        self.role = "A"

    @property
    def lower(self):
        return self.style["lower"][self.role]

    def p_written(self, role):
        return self.style["p_written"][role]

    def pick_list(self, name, items, core=0):
        """This split's share of a pool; the first `core` items (the canonical rendering)
        are kept in both splits, the rest is partitioned 60/40."""
        key = (self.split, name)
        if key not in _POOL_CACHE:
            items = list(items)
            _POOL_CACHE[key] = items[:core] + split_pool(name, items[core:], self.split)
        return _POOL_CACHE[key]

    def pick(self, name, items):
        return self.rng.choice(self.pick_list(name, items))

    def pick_recipe(self, name, items):
        lst = self.pick_list(name, items)
        if self.lower:
            lst = [r for r in lst if r.split("|")[-1] in SEPS_LOWER] or lst
        if self.role == "A":   # agents reading back do not say "um"
            lst = [r for r in lst if r.split("|")[-1] not in ("um", "uh")] or lst
            if self.style.get("llm_agent") and name in ("DOB", "DATE"):   # LLM agents say dates in full
                lst = [r for r in lst if r.split("|")[0] in ("mdy_name_ord", "the_d_of_m", "mdy_name_card")
                       and r.split("|")[1] != "two"] or lst
        return self.rng.choice(lst)


def make_person(ctx, origin=None):
    rng = ctx.rng
    origin = origin or rng.choice(list(FIRST_NAMES))
    first_pool = ctx.pick_list("first_" + origin, FIRST_NAMES[origin].split())
    f, g = rng.choice(first_pool).split(":")
    lo = origin if rng.random() < 0.8 else rng.choice(list(LAST_NAMES))
    last = rng.choice(ctx.pick_list("last_" + lo, LAST_NAMES[lo].split()))
    if rng.random() < 0.04:
        last2 = rng.choice(ctx.pick_list("last_hispanic", LAST_NAMES["hispanic"].split()))
        if last2 != last:
            last = f"{last}-{last2}"
    return {"first": f, "last": last, "gender": g, "middle": rng.choice("abcdefghjklmnprstw").upper(),
            "dob": gen_date(rng, 1931, 2012), "origin": origin}


class Rec:
    """The people and values of one conversation (generated lazily, reused for read-backs)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.person = make_person(ctx)
        self.agent = make_person(ctx)
        while self.agent["first"] == self.person["first"]:
            self.agent = make_person(ctx)
        self.provider = make_person(ctx)
        while self.provider["last"] == self.person["last"]:
            self.provider = make_person(ctx)
        self.done = set()       # exchange types already used in this conversation
        self.clinical = False
        self.vals = {}
        self.clinic = ctx.pick("clinics", CLINICS)
        self.name_given = False
        self.given = set()

    def v(self, key):
        if key in self.vals:
            return self.vals[key]
        rng = self.ctx.rng
        ctx = self.ctx
        if key == "phone":
            val = gen_phone(rng)
        elif key == "ssn":
            val = gen_ssn(rng)
        elif key == "mrn":
            val = gen_mrn(rng)
        elif key == "mbi":
            val = gen_mbi(rng)
        elif key == "card":
            val = gen_card(rng)
        elif key == "zip":
            val = gen_zip(rng)
        elif key == "npi":
            val = gen_npi(rng)
        elif key == "member":
            val = gen_member_id(rng)
        elif key == "city":
            val = rng.choice(ctx.pick_list("cities", CITIES))
        elif key == "state":
            val = rng.choice(list(STATES))
        elif key == "street":
            n = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(100, 999), rng.randint(1000, 9999),
                            rng.randint(1000, 9999), rng.randint(10000, 24999)])
            unit = None
            if rng.random() < 0.3:
                kind = rng.choice(["apartment", "apartment", "unit", "number", "suite"])
                unit = (kind, rng.choice([str(rng.randint(1, 40)), f"{rng.randint(1, 9)}{rng.choice('abcd')}",
                                          str(rng.randint(101, 420))]))
            val = {"number": n, "dir": rng.choice(DIRECTIONS) if rng.random() < 0.2 else None,
                   "name": rng.choice(ctx.pick_list("street_names", STREET_NAMES)),
                   "suffix": rng.choice(ctx.pick_list("street_suffixes", STREET_SUFFIXES)), "unit": unit}
        elif key == "email":
            val = make_email(self.person, rng, ctx.pick_list("email_domains", list(EMAIL_DOMAINS)))
        elif key == "admit":
            val = gen_date(rng, 2019, 2025)
        elif key == "death":
            val = gen_date(rng, 2018, 2025)
        else:
            raise KeyError(key)
        self.vals[key] = val
        return val

    def title(self, person=None):
        p = person or self.person
        t = {"f": self.ctx.rng.choice(["Ms.", "Mrs.", "Ms."]), "m": "Mr.", "x": "Mx."}[p["gender"]]
        return t


def V(rec, entity, key_or_fn, cue, **kw):
    """Build a value slot bound to the record's canonical value."""
    r = {"PHONE": r_phone, "SSN": r_ssn, "ZIP": r_zip, "CARD": r_card, "NPI": r_npi, "MRN": r_mrn,
         "MBI": r_mbi, "MEMBER_ID": r_member, "EMAIL": r_email, "STREET": r_street, "CITY": r_city}
    if callable(key_or_fn):
        return Val(entity, key_or_fn, cue)
    fn = r[entity]
    return Val(entity, lambda c, role: fn(c, rec.v(key_or_fn), role, **kw), cue)


def Vname(rec, person, form, cue):
    return Val("NAME", lambda c, role: r_name(c, person, role, form), cue)


def Vspell(rec, word, cue):
    def fn(c, role):
        text, form = render_spelled(c, word)
        return "", text, "", True, form
    return Val("NAME", fn, cue)


def Vdate(rec, d, cue, pool="DOB"):
    ent = "DOB" if pool == "DOB" else "DATE"
    return Val(ent, lambda c, role: r_date(c, d, role, pool), cue)


def maybe_neg_tail(ctx, segs, role, p=0.12):
    """Sometimes a look-alike follows a value in the same turn ("..., I'm sixty two")."""
    if ctx.rng.random() < p:
        cands = [x[1] for xs in neg_pool(ctx).values() for x in xs if x[0] == role and len(x) == 2]
        if cands:
            extra = fill(ctx, ctx.rng.choice(cands), role)
            return normalize_segs(segs + [(" ", None)] + extra, ctx.lower)
    return segs


THIRD_PERSON_RE = re.compile(r"\b(Her|His|her|his|my mother|my daughter|my father|The patient's)\b")


def ask_answer(ctx, rec, qkey, entity, slot, akey=None, allow_none=False, readback_p=0.3, repeat_p=0.1,
               q_slots=None, p_bare=0.5):
    """Agent asks, caller answers bare (cue prev) or with its own cue (same); optional
    repeat request and read-back (prev).  slot(cue) -> Val."""
    akey = akey or qkey
    rng = ctx.rng
    T = []
    x = rng.random()
    if allow_none and x > 0.93:
        T.append(turn("A", fill(ctx, ctx.pick("anything_else", ANYTHING_ELSE), "A")))
        T.append(turn("C", fill(ctx, ctx.pick("none_frames", NONE_FRAMES), "C", {"V": slot("none")})))
        return T
    T.append(turn("A", fill(ctx, ctx.pick("Q_" + qkey, QUESTIONS[qkey]), "A", q_slots)))
    if x < p_bare:
        segs = fill(ctx, ctx.pick("bare_frames", BARE_FRAMES), "C", {"V": slot("prev")})
    else:
        frames = ctx.pick_list("A_" + akey, ANSWERS_SAME[akey])
        if rec.clinical:   # the patient is speaking for themself
            frames = [f for f in frames if not THIRD_PERSON_RE.search(f)] or frames
        segs = fill(ctx, ctx.rng.choice(frames), "C", {"V": slot("same")})
    T.append(turn("C", maybe_neg_tail(ctx, segs, "C")))
    if rng.random() < repeat_p:
        T.append(turn("A", fill(ctx, ctx.pick("repeat_requests", REPEAT_REQUESTS), "A")))
        T.append(turn("C", fill(ctx, ctx.pick("bare_frames", BARE_FRAMES), "C", {"V": slot("prev")})))
    if rng.random() < readback_p:
        T.append(turn("A", fill(ctx, ctx.pick("readback_frames", READBACK_FRAMES), "A", {"V": slot("prev")})))
        T.append(turn("C", fill(ctx, ctx.pick("confirms", CONFIRMS), "C")))
    return T


def name_readback(ctx, rec):
    p = rec.person
    tmpl = ctx.pick("name_readbacks", NAME_READBACKS)
    slots = {"TITLE": rec.title(), "V": Vname(rec, p, "last", "prev"), "VF": Vname(rec, p, "first", "prev")}
    return [turn("A", fill(ctx, tmpl, "A", slots))]


def ex_name(ctx, rec):
    p = rec.person
    form = ctx.rng.choice(["full", "full", "full", "full", "last_first", "full_middle", "first_last_split"])
    T = []
    if form == "first_last_split":
        T += ask_answer(ctx, rec, "NAME", "NAME", lambda cue: Vname(rec, p, "full", cue), readback_p=0, repeat_p=0.05)
    else:
        T += ask_answer(ctx, rec, "NAME", "NAME", lambda cue: Vname(rec, p, form, cue), readback_p=0, repeat_p=0.05)
    rec.name_given = True
    rec.done.add("name")
    if ctx.rng.random() < 0.4:
        T += ex_spell(ctx, rec)
    if ctx.rng.random() < 0.35:
        T += name_readback(ctx, rec)
    return T


def ex_spell(ctx, rec):
    p = rec.person
    q = ctx.pick("Q_NAME_SPELL", QUESTIONS["NAME_SPELL"])
    if "first name" in q.lower():
        word_form = "first"
    elif "last name" in q.lower():
        word_form = "last"
    else:
        word_form = "last" if ctx.rng.random() < 0.75 else "first"
    word = p[word_form]
    T = [turn("A", fill(ctx, q, "A"))]
    x = ctx.rng.random()
    if x < 0.55:
        frame = ctx.pick("bare_frames", BARE_FRAMES)
        T.append(turn("C", fill(ctx, frame, "C", {"V": Vspell(rec, word, "prev")})))
    elif x < 0.85:   # "Nguyen, N G U Y E N"
        frame = ctx.pick("spell_after_name", ["{W}, {V}.", "It's {W}. {V}.", "{W}... that's {V}.", "Sure, {W}, {V}.",
                                              "{W}, spelled {V}.", "Yeah, {W}, {V}."])
        T.append(turn("C", fill(ctx, frame, "C", {"W": Vname(rec, p, word_form, "prev"), "V": Vspell(rec, word, "prev")})))
    else:
        frame = ctx.pick("spell_same", ["My last name is spelled {V}.", "It's spelled {V}.", "The spelling is {V}.",
                                        "Last name, {V}.", "That's {V}, like it sounds."])
        T.append(turn("C", fill(ctx, frame, "C", {"V": Vspell(rec, word, "same")})))
    if ctx.rng.random() < 0.25:
        T.append(turn("A", fill(ctx, ctx.pick("readback_frames", READBACK_FRAMES), "A", {"V": Vspell(rec, word, "prev")})))
        T.append(turn("C", fill(ctx, ctx.pick("confirms", CONFIRMS), "C")))
    rec.name_given = True
    rec.done.add("spell")
    return T


def ex_dob(ctx, rec):
    d = rec.person["dob"]
    T = ask_answer(ctx, rec, "DOB", "DOB", lambda cue: Vdate(rec, d, cue), readback_p=0.3, repeat_p=0.08)
    rec.done.add("dob")
    return T


def ex_combo(ctx, rec):
    p, d = rec.person, rec.person["dob"]
    T = [turn("A", fill(ctx, ctx.pick("combo_q", COMBO_QUESTIONS), "A"))]
    T.append(turn("C", fill(ctx, ctx.pick("combo_a", COMBO_ANSWERS), "C",
                            {"V": Vname(rec, p, "full", "prev"), "V2": Vdate(rec, d, "prev")})))
    rec.name_given = True
    if ctx.rng.random() < 0.3:
        T += name_readback(ctx, rec)
    return T


def ex_volunteer(ctx, rec):
    """Caller opens with name and birth date, no cue at all."""
    p, d = rec.person, rec.person["dob"]
    frame = ctx.pick("volunteer", ["Hi, yes, {V}, {V2}, I'm calling about {WHAT}.", "Yeah hi. {V}. {V2}. {WHAT_CAP}.",
                                   "Hi, um, {V}... {V2}, and I'm calling about {WHAT}.",
                                   "Hello. {V}, {V2}. I had a question about {WHAT}."])
    what = ctx.rng.choice(["my refill", "my appointment", "a bill I got", "my lab results", "my prescription",
                           "a referral"])
    T = [turn("C", fill(ctx, frame, "C", {"V": Vname(rec, p, "full", "none"), "V2": Vdate(rec, d, "none"),
                                         "WHAT": what, "WHAT_CAP": "Calling about " + what}))]
    rec.name_given = True
    return T


def ex_phone(ctx, rec):
    return ask_answer(ctx, rec, "PHONE", "PHONE", lambda cue: V(rec, "PHONE", "phone", cue), allow_none=True,
                      readback_p=0.35, repeat_p=0.12)


def ex_ssn(ctx, rec):
    if ctx.rng.random() < 0.25:
        return ask_answer(ctx, rec, "SSN_LAST4", "SSN", lambda cue: V(rec, "SSN", "ssn", cue, last4=True),
                          akey="SSN_LAST4", readback_p=0.15)
    return ask_answer(ctx, rec, "SSN", "SSN", lambda cue: V(rec, "SSN", "ssn", cue), readback_p=0.3, repeat_p=0.1)


def ex_mrn(ctx, rec):
    return ask_answer(ctx, rec, "MRN", "MRN", lambda cue: V(rec, "MRN", "mrn", cue), readback_p=0.3, repeat_p=0.08)


def ex_mbi(ctx, rec):
    return ask_answer(ctx, rec, "MBI", "MBI", lambda cue: V(rec, "MBI", "mbi", cue), readback_p=0.35, repeat_p=0.15)


def ex_card(ctx, rec):
    T = ask_answer(ctx, rec, "CARD", "CARD", lambda cue: V(rec, "CARD", "card", cue), readback_p=0.2, repeat_p=0.1)
    if ctx.rng.random() < 0.45:
        T += ask_answer(ctx, rec, "ZIP", "ZIP", lambda cue: V(rec, "ZIP", "zip", cue), readback_p=0.1, repeat_p=0)
        rec.done.add("zip")
    if ctx.rng.random() < 0.5:
        T.append(turn("A", fill(ctx, ctx.pick("neg_payment", ["Okay, I'm processing <<money>> now.",
                                                               "That payment of <<money>> went through.",
                                                               "Great, your confirmation number is <<confirmation>>.",
                                                               "Alright, I've applied <<money>> to the balance."]), "A")))
    return T


def ex_zip(ctx, rec):
    return ask_answer(ctx, rec, "ZIP", "ZIP", lambda cue: V(rec, "ZIP", "zip", cue), readback_p=0.25, repeat_p=0.05)


def ex_city(ctx, rec):
    return ask_answer(ctx, rec, "CITY", "CITY", lambda cue: V(rec, "CITY", "city", cue), readback_p=0.1, repeat_p=0)


def ex_address(ctx, rec):
    rng = ctx.rng
    T = [turn("A", fill(ctx, ctx.pick("Q_STREET", QUESTIONS["STREET"]), "A"))]
    st = rec.v("state")
    if ctx.style["lower"]["C"]:
        state = st
    else:
        state = cap_words(st) if ctx.rng.random() < 0.6 else STATES[st]
    x = rng.random()
    same = rng.random() < 0.45
    cue = "same" if same else "prev"
    if x < 0.4:   # whole line at once
        frame = ctx.pick("addr_full", ["{S}, {CITY}, {STATE} {ZIP}.", "{S} in {CITY}, {ZIP}.",
                                       "It's {S}, {CITY} {STATE}, {ZIP}.", "{S}... {CITY}... {ZIP}."])
        if same:
            frame = ctx.pick("addr_full_same", ["My address is {S}, {CITY}, {STATE} {ZIP}.",
                                                "I live at {S} in {CITY}, zip {ZIP}.",
                                                "Mailing address is {S}, {CITY}, {STATE}, {ZIP}."])
        T.append(turn("C", fill(ctx, frame, "C", {"S": V(rec, "STREET", "street", cue), "CITY": V(rec, "CITY", "city", cue),
                                                 "ZIP": V(rec, "ZIP", "zip", "same" if "zip" in frame else cue),
                                                 "STATE": state})))
    else:
        if same:
            T.append(turn("C", fill(ctx, ctx.pick("A_STREET", ANSWERS_SAME["STREET"]), "C", {"V": V(rec, "STREET", "street", "same")})))
        else:
            T.append(turn("C", fill(ctx, ctx.pick("bare_frames", BARE_FRAMES), "C", {"V": V(rec, "STREET", "street", "prev")})))
        if rng.random() < 0.7:
            T += ask_answer(ctx, rec, "CITY", "CITY", lambda c: V(rec, "CITY", "city", c), readback_p=0, repeat_p=0)
        T += ask_answer(ctx, rec, "ZIP", "ZIP", lambda c: V(rec, "ZIP", "zip", c), readback_p=0.15, repeat_p=0)
    if rng.random() < 0.2:
        T.append(turn("A", fill(ctx, ctx.pick("readback_frames", READBACK_FRAMES), "A", {"V": V(rec, "STREET", "street", "prev")})))
        T.append(turn("C", fill(ctx, ctx.pick("confirms", CONFIRMS), "C")))
    rec.done |= {"address", "city", "zip"}
    return T


def ex_email(ctx, rec):
    return ask_answer(ctx, rec, "EMAIL", "EMAIL", lambda cue: V(rec, "EMAIL", "email", cue), allow_none=True,
                      readback_p=0.35, repeat_p=0.12)


def ex_member(ctx, rec):
    plan = ctx.pick("plans", PLANS)
    return ask_answer(ctx, rec, "MEMBER_ID", "MEMBER_ID", lambda cue: V(rec, "MEMBER_ID", "member", cue),
                      readback_p=0.3, repeat_p=0.1, q_slots={"PLAN": plan})


def ex_provider(ctx, rec, with_npi=None):
    pr = rec.provider
    rng = ctx.rng
    T = [turn("A", fill(ctx, ctx.pick("Q_PROVIDER", QUESTIONS["PROVIDER"]), "A"))]
    if rng.random() < 0.6:
        T.append(turn("C", fill(ctx, ctx.pick("A_PROVIDER", ANSWERS_SAME["PROVIDER"]), "C",
                                {"V": Vname(rec, pr, rng.choice(["last", "full"]), "same")})))
    else:
        T.append(turn("C", fill(ctx, ctx.pick("bare_frames", BARE_FRAMES), "C", {"V": Vname(rec, pr, "full", "prev")})))
    if with_npi or (with_npi is None and rng.random() < 0.6):
        T += ask_answer(ctx, rec, "NPI", "NPI", lambda cue: V(rec, "NPI", "npi", cue), readback_p=0.3, repeat_p=0.1)
    return T


def ex_npi(ctx, rec):
    if ctx.rng.random() < 0.5:
        return ex_provider(ctx, rec, with_npi=True)
    return ask_answer(ctx, rec, "NPI", "NPI", lambda cue: V(rec, "NPI", "npi", cue), readback_p=0.3, repeat_p=0.1)


DICTATION = [
    "Please send a copy of this note to Dr. {P}, NPI {V}.", "The referring physician is Dr. {P}, the NPI is {V}.",
    "Referral to cardiology, Dr. {P}, NPI number {V}.", "For the prior auth, ordering provider is Dr. {P}, NPI {V}.",
    "Cc Dr. {P}, national provider identifier {V}.", "Refer to Dr. {P} in orthopedics, NPI {V}, for evaluation.",
]


def ex_dictation(ctx, rec):
    """Doctor dictating to the scribe: provider name + NPI in one turn (cue same)."""
    pr = rec.provider
    return [turn("A", fill(ctx, ctx.pick("dictation", DICTATION), "A",
                           {"P": Vname(rec, pr, ctx.rng.choice(["last", "full"]), "same"), "V": V(rec, "NPI", "npi", "same")}))]


def ex_date_admit(ctx, rec):
    d = rec.v("admit")
    return ask_answer(ctx, rec, "DATE_ADMIT", "DATE", lambda cue: Vdate(rec, d, cue, "DATE"), readback_p=0.15, repeat_p=0)


def ex_date_death(ctx, rec):
    d = rec.v("death")
    return ask_answer(ctx, rec, "DATE_DEATH", "DATE", lambda cue: Vdate(rec, d, cue, "DATE"), readback_p=0.1, repeat_p=0)


EXCHANGES = {  # name -> (function, main entity, base weight)
    "name": (ex_name, "NAME", 1.0), "spell": (ex_spell, "NAME", 0.8), "dob": (ex_dob, "DOB", 1.0),
    "phone": (ex_phone, "PHONE", 1.0), "ssn": (ex_ssn, "SSN", 1.0), "mrn": (ex_mrn, "MRN", 1.0),
    "mbi": (ex_mbi, "MBI", 1.0), "card": (ex_card, "CARD", 1.4), "zip": (ex_zip, "ZIP", 0.8),
    "city": (ex_city, "CITY", 0.5), "address": (ex_address, "STREET", 1.0), "email": (ex_email, "EMAIL", 1.0),
    "member": (ex_member, "MEMBER_ID", 1.0), "provider": (ex_provider, "NPI", 0.7), "npi": (ex_npi, "NPI", 0.8),
    "dictation": (ex_dictation, "NPI", 1.0), "date_admit": (ex_date_admit, "DATE", 0.6),
    "date_death": (ex_date_death, "DATE", 0.4),
}

SCENARIOS = {  # scenario -> optional exchanges
    "scheduling": ["phone", "email", "member", "zip", "address", "spell", "mrn", "ssn", "city", "card"],
    "refill": ["phone", "mrn", "zip", "address", "member", "spell", "npi", "email", "card"],
    "billing": ["card", "zip", "email", "mrn", "phone", "ssn", "address", "member"],
    "records": ["ssn", "email", "address", "mrn", "date_admit", "phone", "spell", "city", "card"],
    "medicare": ["mbi", "zip", "phone", "ssn", "address", "member", "spell", "card"],
    "lab_results": ["mrn", "phone", "email", "member", "spell", "zip", "card", "ssn"],
    "registration": ["ssn", "address", "phone", "email", "member", "mbi", "spell", "card", "city"],
    "triage": ["phone", "city", "address", "mrn", "zip", "member", "email"],
    "provider_auth": ["member", "npi", "mrn", "phone", "mbi", "date_admit", "zip"],
    "bereavement": ["date_death", "ssn", "address", "email", "phone", "mrn", "card"],
}
CLINICAL_EXCHANGES = ["dob", "phone", "email", "zip", "address", "mrn", "member", "mbi", "dictation", "spell",
                      "date_admit", "city", "ssn", "name"]


# ---------------------------------------------------------------------------
# 9. conversation assembly and records
# ---------------------------------------------------------------------------

def style_for(kind, rng):
    """lower: lower-case/no-punctuation ASR text per role; p_written: chance a value is
    formatted with digits (smart-format / LLM agent) per role."""
    L = lambda a, c: {"A": a, "C": c, "S": False}
    if kind == "transcript_aci_style":
        return {"lower": L(True, True), "p_written": L(0.0, 0.02), "disfluent": True}
    if kind in ("transcript_mts_style", "transcript_primock_style"):
        return {"lower": L(False, False), "p_written": L(0.04, 0.04), "disfluent": kind.endswith("primock_style")}
    if kind in ("transcript_deepgram_style", "transcript_whisper_style", "transcript_transcribe_style",
                "deepgram_prerecorded", "transcribe_output"):
        return {"lower": L(False, False), "p_written": L(0.25, 0.25), "disfluent": False}
    if kind in ("transcript_voice_agent", "vapi_report", "retell_report", "signalwire_post_prompt"):
        low_user = rng.random() < 0.35
        return {"lower": L(False, low_user), "p_written": L(0.25, 0.0 if low_user else 0.22), "disfluent": low_user,
                "llm_agent": True}
    return {"lower": L(False, False), "p_written": L(0.06, 0.06), "disfluent": False}   # call centre


TRANSCRIPT_KINDS = [  # kind, count per split, conversation type
    ("transcript_aci_style", 150, "clinical"), ("transcript_mts_style", 85, "clinical"),
    ("transcript_primock_style", 45, "clinical"), ("transcript_deepgram_style", 70, "mixed"),
    ("transcript_whisper_style", 45, "mixed"), ("transcript_transcribe_style", 45, "mixed"),
    ("transcript_voice_agent", 60, "ai_call"), ("transcript_callcenter", 50, "call"),
]
JSON_KINDS = [("vapi_report", "vapi", 35, "ai_call"), ("retell_report", "retell", 35, "ai_call"),
              ("signalwire_post_prompt", "signalwire", 30, "ai_call"), ("deepgram_prerecorded", "deepgram", 25, "call"),
              ("transcribe_output", "transcribe", 25, "call")]

KIND_LABELS = {
    "transcript_aci_style": [("[doctor]", "[patient]")] * 3 + [("Doctor:", "Patient:"), ("Speaker 1:", "Speaker 2:")],
    "transcript_mts_style": [("Doctor:", "Patient:")] * 3 + [("Speaker 1:", "Speaker 2:"), ("[doctor]", "[patient]")],
    "transcript_primock_style": [("Doctor:", "Patient:"), ("Speaker 1:", "Speaker 2:"), ("Speaker 0:", "Speaker 1:")],
    "transcript_deepgram_style": [("Speaker 0:", "Speaker 1:"), ("Speaker 1:", "Speaker 2:"), ("Agent:", "Caller:")],
    "transcript_whisper_style": [("Speaker 1:", "Speaker 2:"), ("Agent:", "Caller:"), ("Doctor:", "Patient:")],
    "transcript_transcribe_style": [("Speaker 1:", "Speaker 2:"), ("Agent:", "Caller:"), ("Speaker 0:", "Speaker 1:")],
    "transcript_voice_agent": [("AI:", "User:"), ("assistant:", "user:"), ("AI:", "User:")],
    "transcript_callcenter": [("Agent:", "Caller:"), ("Rep:", "Member:"), ("Agent:", "Caller:")],
}


def uid(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[rng.randrange(4)]}{h[17:20]}-{h[20:32]}"


def pick_exchanges(ctx, counts, options, k, done=()):
    opts = [o for o in dict.fromkeys(options) if o in EXCHANGES and o not in done]
    chosen = []
    for _ in range(min(k, len(opts))):
        ws = []
        for o in opts:
            _, ent, base = EXCHANGES[o]
            deficit = max(0.02, 1.0 - counts[ent] / TARGETS[ent])
            ws.append(base * deficit ** 2)
        o = ctx.rng.choices(opts, weights=ws)[0]
        chosen.append(o)
        opts.remove(o)
    return chosen


def carrier_turns(ctx, carriers, sources, n):
    """A window of n screened turns from one carrier dialogue of this split."""
    rng = ctx.rng
    pool = [d for d in carriers if d["side"] == ctx.split and d["source"] in sources]
    for _ in range(20):
        d = rng.choice(pool)
        if len(d["turns"]) >= min(n, 4):
            break
    n = min(n, len(d["turns"]))
    start = rng.randint(0, len(d["turns"]) - n)
    out = []
    for role, text in d["turns"][start:start + n]:
        if re.search(r"\b(bye|goodbye|take care)\b", text, re.I):
            continue
        ctx.role = role
        t = text
        if ctx.lower:
            t = re.sub(r"\s+", " ", style_literal(t, True).replace("-", " - ").replace(" - ", "-")).strip()
        if t:
            out.append({"role": role, "segs": [(t, None)], "carrier": True})
    return out, d


def neg_what(template):
    t = SLOT_RE.search(template).group(2)
    return "common_word" if t.startswith("common_") else NEG_GEN[t][0]


def neg_pool(ctx):
    """Look-alike sentences partitioned dev/test within each kind of look-alike, so both
    splits have every kind but test phrasings differ."""
    key = (ctx.split, "neg_by_what")
    if key not in _POOL_CACHE:
        groups = defaultdict(list)
        for x in NEG_SENTENCES:
            groups[neg_what(x[1])].append(x)
        _POOL_CACHE[key] = {w: split_pool("neg_" + w, xs, ctx.split) for w, xs in sorted(groups.items())}
    return _POOL_CACHE[key]


def neg_turns(ctx, n, ctype):
    where = ("any", "clinic" if ctype == "clinical" else "call")
    groups = {w: [x for x in xs if (x[2] if len(x) > 2 else "any") in where] for w, xs in neg_pool(ctx).items()}
    groups = {w: xs for w, xs in groups.items() if xs}
    out = []
    kinds = ctx.rng.sample(sorted(groups), min(n, len(groups)))
    for w in kinds:
        x = ctx.rng.choice(groups[w])
        out.append(turn(x[0], fill(ctx, x[1], x[0])))
    return out


def insert_block(rng, body, block, lo=0):
    """Insert a block where the next turn is an agent/doctor turn (or at the end), so a
    carrier question is never separated from its answer."""
    ok = [i for i in range(lo, len(body) + 1) if i == len(body) or body[i][0]["role"] == "A"]
    body.insert(rng.choice(ok) if ok else len(body), block)


def disfluent(ctx, t):
    """Add ASR disfluencies to a generated lower-case turn (only outside spans)."""
    rng = ctx.rng
    segs = list(t["segs"])
    if not segs or segs[0][1] is not None:
        return t
    text = segs[0][0]
    if rng.random() < 0.3:
        text = rng.choice(["um ", "uh ", "so ", "okay ", "yeah ", "um so "]) + text
    words = text.split(" ")
    if len(words) > 2 and rng.random() < 0.15:
        i = rng.randrange(len(words) - 1)
        if words[i]:
            words.insert(i, words[i])
    text = " ".join(words)
    segs[0] = (text, None)
    return {**t, "segs": normalize_segs(segs, True)}


def build_conversation(ctx, rec, kind, ctype, carriers, counts, rng):
    """Return (turns, meta)."""
    if ctype == "mixed":
        ctype = "clinical" if rng.random() < 0.4 else "call"
    blocks = []
    meta = {"ctype": ctype}
    rec.clinical = ctype == "clinical"
    if ctype == "clinical":
        srcs = {"transcript_aci_style": ["aci"] * 4 + ["mts", "primock"], "transcript_mts_style": ["mts"],
                "transcript_primock_style": ["primock"]}.get(kind, ["mts", "primock"])
        src = rng.choice(srcs)
        if src == "aci" and not ctx.style["lower"]["A"]:
            src = "mts"
        if rng.random() < 0.6:
            blocks.append([turn("A", fill(ctx, ctx.pick("doctor_greetings", DOCTOR_GREETINGS), "A",
                                          {"V": Vname(rec, rec.person, "first", "none")}))])
        ids = []
        if rng.random() < 0.55:
            ids.append(ex_dob)
        if rng.random() < 0.25:
            ids.insert(0, ex_name)
        for f in ids:
            blocks.append(f(ctx, rec))
        k = rng.choice([1, 2, 2, 3, 3, 4])
        extras = pick_exchanges(ctx, counts, CLINICAL_EXCHANGES, k, rec.done)
        extra_blocks = [EXCHANGES[e][0](ctx, rec) for e in extras]
        n_fixed = sum(len(b) for b in blocks + extra_blocks)
        target = rng.randint(12, 40)
        n_neg = rng.choice([2, 2, 3, 3, 4])
        w = max(3, target - n_fixed - n_neg)
        ct, d = carrier_turns(ctx, carriers, [src], w)
        meta["carrier"] = f"{d['source']}:{d['key']}"
        body = [[t] for t in ct]
        for eb in extra_blocks:
            insert_block(rng, body, eb, lo=1)
        for nt in neg_turns(ctx, n_neg, "clinical"):
            insert_block(rng, body, [nt])
        blocks += body
    else:
        ai = ctype == "ai_call"
        scenario = rng.choice(list(SCENARIOS))
        meta["scenario"] = scenario
        if scenario == "medicare":
            rec.person["dob"] = gen_date(rng, 1932, 1959)
        clinic = rec.clinic
        named = rng.random() < (0.55 if ai else 0.65)
        if ai:
            g = ctx.pick("greet_ai" if named else "greet_ai_noname", GREETINGS_AI if named else GREETINGS_AI_NONAME)
        else:
            g = ctx.pick("greet_agent" if named else "greet_agent_noname", GREETINGS_AGENT if named else GREETINGS_AGENT_NONAME)
        blocks.append([turn("A", fill(ctx, g, "A", {"CLINIC": clinic, "V": Vname(rec, rec.agent, "first", "same")}))])
        volunteer = scenario != "provider_auth" and rng.random() < 0.12
        if volunteer:
            blocks.append(ex_volunteer(ctx, rec))
        else:
            opening = []
            if named and rng.random() < 0.25:
                opening = fill(ctx, ctx.pick("caller_greet", CALLER_GREETINGS), "C",
                               {"V": Vname(rec, rec.agent, "first", "prev")}) + [(" ", None)]
            reason = ctx.pick("reason_" + scenario, REASONS[scenario])
            segs = fill(ctx, reason, "C", {"AGENT_TITLE_LAST": Vname(rec, rec.provider, "last", "same")})
            blocks.append([turn("C", normalize_segs(opening + segs, ctx.lower))])
        if not volunteer:
            x = rng.random()
            if x < 0.45:
                ids = [ex_name, ex_dob]
            elif x < 0.65:
                ids = [ex_combo]
            elif x < 0.85:
                ids = [ex_name]
            else:
                ids = [ex_dob]
            for f in ids:
                blocks.append(f(ctx, rec))
        elif rng.random() < 0.4:
            blocks.append(name_readback(ctx, rec))
        blocks.append([turn("A", fill(ctx, ctx.pick("trans_agent", TRANSITIONS_AGENT), "A"))])
        k = rng.choice([2, 2, 3, 3, 4])
        opts = SCENARIOS[scenario] + (["spell"] if rng.random() < 0.3 else [])
        extras = pick_exchanges(ctx, counts, opts, k, rec.done)
        extra_blocks = [EXCHANGES[e][0](ctx, rec) for e in extras]
        n_fixed = sum(len(b) for b in blocks + extra_blocks) + 2
        target = rng.randint(12, 38) if kind.startswith("transcript") else rng.randint(10, 30)
        n_neg = rng.choice([1, 2, 2, 3, 3])
        w = max(2, min(10, target - n_fixed - n_neg))
        ct, d = carrier_turns(ctx, carriers, ["mts", "primock"], w)
        meta["carrier"] = f"{d['source']}:{d['key']}"
        body = [[t] for t in ct]
        mid = rng.randint(0, len(extra_blocks))
        for eb in extra_blocks[:mid]:
            insert_block(rng, body, eb)
        tail = extra_blocks[mid:]
        for nt in neg_turns(ctx, n_neg, "call"):
            insert_block(rng, body, [nt])
        blocks += body + tail
        if rng.random() < 0.3:
            blocks.append([turn(r, fill(ctx, t, r)) for r, t in [ctx.pick("smalltalk", SMALLTALK)]])
        blocks.append([turn("A", fill(ctx, ctx.pick("closing_agent", CLOSINGS_AGENT), "A")),
                       turn("C", fill(ctx, ctx.pick("closing_caller", CLOSINGS_CALLER), "C"))])
    turns = [t for b in blocks for t in b]
    # keep 8..40 turns: trim carrier turns from the end, pad with small talk
    while len(turns) > 40:
        idx = [i for i, t in enumerate(turns) if t.get("carrier")]
        if not idx:
            break
        del turns[idx[-1]]
    while len(turns) < 8:
        r, tm = ctx.pick("smalltalk", SMALLTALK)
        turns.insert(len(turns) - 1, turn(r, fill(ctx, tm, r)))
    if ctx.style.get("disfluent"):
        out = []
        for t in turns:
            ctx.role = t["role"]
            out.append(disfluent(ctx, t) if (ctx.lower and not t.get("carrier")) else t)
        turns = out
    turns = [t for t in turns if turn_text(t).strip()]
    return turns, meta


class Rich:
    """A string made of tagged segments; serialises with byte-exact span offsets."""

    def __init__(self, segs=None):
        self.segs = list(segs or [])

    def add(self, text, tag=None):
        self.segs.append((text, tag))
        return self

    def extend(self, segs):
        self.segs.extend(segs)
        return self

    def plain(self):
        return "".join(t for t, _ in self.segs)


def serialise(obj, as_json):
    """obj: Rich (transcript) or JSON-able structure containing Rich values.
    Returns (text, spans, negatives) with byte offsets into text.encode('utf-8')."""
    reg = []

    def conv(o):
        if isinstance(o, Rich):
            parts = []
            for text, tag in o.segs:
                if tag is None:
                    parts.append(text)
                else:
                    parts.append(f"\ue000{len(reg)}\ue001")
                    reg.append((text, tag))
            return "".join(parts)
        if isinstance(o, dict):
            return {k: conv(v) for k, v in o.items()}
        if isinstance(o, list):
            return [conv(v) for v in o]
        return o

    raw = conv(obj)
    line = json.dumps(raw, ensure_ascii=False, separators=(",", ":")) if as_json else raw
    out = bytearray()
    spans, negs = [], []
    pos = 0
    for m in re.finditer("\ue000(\\d+)\ue001", line):
        out += line[pos:m.start()].encode("utf-8")
        text, tag = reg[int(m.group(1))]
        enc = (json.dumps(text, ensure_ascii=False)[1:-1] if as_json else text).encode("utf-8")
        start = len(out)
        out += enc
        if tag["kind"] == "span":
            spans.append({"start": start, "end": len(out), "entity": tag["entity"], "spoken": tag["spoken"],
                          "cue": tag["cue"], "form": tag["form"], "_text": enc})
        else:
            negs.append({"start": start, "end": len(out), "what": tag["what"], "_text": enc})
        pos = m.end()
    out += line[pos:].encode("utf-8")
    for x in spans + negs:   # the slice of the encoded text is exactly the intended rendering
        assert bytes(out[x["start"]:x["end"]]) == x.pop("_text"), x
    return out.decode("utf-8"), spans, negs


def transcript_rich(ctx, turns, labels, stamps):
    rich = Rich()
    t0 = ctx.rng.randint(0, 20)
    for i, t in enumerate(turns):
        if i:
            rich.add("\n")
        if stamps:
            t0 += ctx.rng.randint(2, 14)
            rich.add(f"[{t0 // 3600:02d}:{t0 // 60 % 60:02d}:{t0 % 60:02d}] ")
        rich.add(labels[0 if t["role"] == "A" else 1] + " ")
        rich.extend(t["segs"])
    return rich


def make_transcript_record(ctx, rec, kind, ctype, carriers, counts):
    rng = ctx.rng
    turns, meta = build_conversation(ctx, rec, kind, ctype, carriers, counts, rng)
    labels = rng.choice(KIND_LABELS[kind])
    fits = [l for l in ctx.pick_list("extra_labels", EXTRA_LABELS) + CORE_LABELS if l[0] in LABEL_FITS[meta["ctype"]]]
    if not labels[0] in LABEL_FITS[meta["ctype"]] or rng.random() < 0.25:
        labels = rng.choice(fits)
    stamps = rng.random() < 0.2
    return transcript_rich(ctx, turns, labels, stamps), turns, meta


# --- vendor payloads -------------------------------------------------------------------

SUMMARY_TEMPLATES = [
    "{NAME} called to {REASON}. Identity verified with date of birth {DOB}.",
    "Caller {NAME} (DOB {DOB}) requested help to {REASON}.",
    "The patient, {NAME}, called to {REASON}. Verified DOB {DOB}.",
    "Patient {NAME}, date of birth {DOB}, contacted the office to {REASON}.",
    "{NAME} (born {DOB}) reached the assistant to {REASON}.",
    "Inbound call from {NAME}; DOB {DOB}. Reason: {REASON}.",
]
SUMMARY_EXTRAS = {
    "phone": ["Callback number: {V}.", "Best contact number is {V}.", "Prefers a call back at {V}."],
    "email": ["Email on file updated to {V}.", "Confirmation will be emailed to {V}."],
    "mrn": ["MRN {V}.", "Medical record number {V} confirmed."],
    "member": ["Member ID {V} verified.", "Insurance member ID: {V}."],
    "zip": ["ZIP code {V} on file."],
    "mbi": ["Medicare ID {V} verified."],
}
SUMMARY_REASONS = {
    "scheduling": "schedule a follow-up appointment", "refill": "request a prescription refill",
    "billing": "ask about a balance on the statement", "records": "request a copy of medical records",
    "medicare": "ask about Medicare coverage", "lab_results": "ask about recent lab results",
    "registration": "register as a new patient", "triage": "speak with a nurse about symptoms",
    "provider_auth": "check on a prior authorization", "bereavement": "close an account after a death in the family",
}


def summary_rich(ctx, rec, scenario):
    """LLM-written post-call summary: values in written form (spoken False, cue same)."""
    saved = ctx.style
    ctx.style = {"lower": {"A": False, "C": False, "S": False}, "p_written": {"A": 1.0, "C": 1.0, "S": 1.0}}
    p = rec.person
    tmpl = ctx.pick("summary_templates", SUMMARY_TEMPLATES)
    reason = SUMMARY_REASONS.get(scenario or "triage", "ask a question about care")
    slots = {"NAME": Vname(rec, p, "full", "same"), "DOB": Vdate(rec, p["dob"], "same"), "REASON": reason}
    segs = fill(ctx, tmpl, "S", slots)
    have = [k for k in ("phone", "email", "mrn", "member", "zip", "mbi") if k in rec.vals]
    ctx.rng.shuffle(have)
    ent = {"phone": "PHONE", "email": "EMAIL", "mrn": "MRN", "member": "MEMBER_ID", "zip": "ZIP", "mbi": "MBI"}
    for k in have[:2]:
        e = ctx.pick("summary_extra_" + k, SUMMARY_EXTRAS[k])
        segs += [(" ", None)] + fill(ctx, e, "S", {"V": V(rec, ent[k], k, "same")})
    ctx.style = saved
    out = []
    for text, tag in segs:
        if tag and tag["kind"] == "span":
            tag = {**tag, "spoken": False, "cue": "same"}
        out.append((text, tag))
    return Rich(normalize_segs(out, False))


def turn_rich(t):
    return Rich(t["segs"])


def joined(turns, la, lc, sep="\n"):
    r = Rich()
    for i, t in enumerate(turns):
        if i:
            r.add(sep)
        r.add((la if t["role"] == "A" else lc) + " ")
        r.extend(t["segs"])
    return r


def space_joined(turns):
    r = Rich()
    for i, t in enumerate(turns):
        if i:
            r.add(" ")
        r.extend(t["segs"])
    return r


def timeline(rng, turns, t0=0.0):
    out = []
    t = t0 + rng.uniform(0.3, 2.0)
    for tr in turns:
        dur = max(0.8, len(turn_text(tr)) / rng.uniform(11, 16))
        out.append((round(t, 3), round(t + dur, 3)))
        t += dur + rng.uniform(0.3, 1.6)
    return out


SYSTEM_PROMPTS = [
    "You are a friendly front-desk assistant for {CLINIC}. Verify the caller before discussing their care. Keep answers short.",
    "You are the scheduling assistant for {CLINIC}. Collect the information needed, confirm it back, and never give medical advice.",
    "You answer the phone for {CLINIC}. Be warm and concise. Read numbers back one digit at a time.",
]


def iso(ts_ms):
    import datetime
    return datetime.datetime.fromtimestamp(ts_ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{ts_ms % 1000:03d}Z"


def payload_vapi(ctx, rec, turns, meta):
    rng = ctx.rng
    tl = timeline(rng, turns)
    start = rng.randint(1704067200000, 1767139200000)   # 2024-01-01 .. 2025-12-31
    dur = tl[-1][1] + rng.uniform(1, 4)
    end = start + int(dur * 1000)
    clinic = rec.clinic
    sysmsg = rng.choice(SYSTEM_PROMPTS).replace("{CLINIC}", clinic)
    msgs = [{"role": "system", "message": sysmsg, "time": start, "secondsFromStart": 0}]
    oai = [{"role": "system", "content": sysmsg}]
    for t, (a, b) in zip(turns, tl):
        m = {"role": "bot" if t["role"] == "A" else "user", "message": turn_rich(t), "time": start + int(a * 1000),
             "endTime": start + int(b * 1000), "secondsFromStart": a, "duration": round((b - a) * 1000, 1)}
        if t["role"] == "A":
            m["source"] = ""
        msgs.append(m)
        oai.append({"role": "assistant" if t["role"] == "A" else "user", "content": turn_rich(t)})
    transcript = joined(turns, "AI:", "User:")
    summ = summary_rich(ctx, rec, meta.get("scenario"))
    cid = uid(rng)
    cost_parts = {"transport": round(rng.uniform(0.002, 0.02), 4), "stt": round(rng.uniform(0.005, 0.03), 4),
                  "llm": round(rng.uniform(0.002, 0.04), 4), "tts": round(rng.uniform(0.01, 0.06), 4),
                  "vapi": round(dur / 60 * 0.05, 4)}
    total = round(sum(cost_parts.values()), 4)
    rec_url = f"https://storage.vapi.ai/{cid}-{end}-{uid(rng)}-mono.wav"
    artifact = {"messages": msgs, "transcript": transcript, "recordingUrl": rec_url,
                "stereoRecordingUrl": rec_url.replace("-mono", "-stereo")}
    if rng.random() < 0.5:
        artifact["messagesOpenAIFormatted"] = oai
    message = {
        "timestamp": end + rng.randint(500, 4000), "type": "end-of-call-report",
        "analysis": {"summary": summ, "successEvaluation": rng.choice(["true", "false", "8", "9"])},
        "artifact": artifact,
        "startedAt": iso(start), "endedAt": iso(end),
        "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase",
                                   "silence-timed-out", "assistant-forwarded-call"]),
        "cost": total, "costBreakdown": {**cost_parts, "total": total, "llmPromptTokens": rng.randint(2000, 30000),
                                         "llmCompletionTokens": rng.randint(100, 1500), "ttsCharacters": rng.randint(400, 4000)},
        "durationMs": int(dur * 1000), "durationSeconds": round(dur, 3), "durationMinutes": round(dur / 60, 4),
        "recordingUrl": rec_url, "stereoRecordingUrl": rec_url.replace("-mono", "-stereo"),
        "call": {"id": cid, "orgId": uid(rng), "createdAt": iso(start - 1500), "updatedAt": iso(end + 900),
                 "type": rng.choice(["inboundPhoneCall", "outboundPhoneCall", "webCall"]), "status": "ended",
                 "phoneCallProvider": rng.choice(["twilio", "vonage", "telnyx"]), "phoneCallTransport": "pstn",
                 "assistantId": uid(rng), "phoneNumberId": uid(rng)},
        "assistant": {"id": uid(rng), "name": "Front Desk Assistant",
                      "model": {"provider": "openai", "model": rng.choice(["gpt-4o", "gpt-4o-mini", "gpt-4.1"])},
                      "voice": {"provider": "11labs",
                                "voiceId": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                                                   for _ in range(20))},
                      "transcriber": {"provider": "deepgram", "model": rng.choice(["nova-2", "nova-3"]), "language": "en",
                                      "smartFormat": ctx.style["p_written"]["C"] > 0}},
    }
    if rng.random() < 0.6:
        message["summary"] = summary_rich(ctx, rec, meta.get("scenario")) if rng.random() < 0.3 else summ
        message["transcript"] = transcript
    if rng.random() < 0.4:
        message["messages"] = msgs
    return {"message": message}


def payload_retell(ctx, rec, turns, meta):
    rng = ctx.rng
    tl = timeline(rng, turns)
    start = rng.randint(1704067200000, 1767139200000)
    dur = tl[-1][1] + rng.uniform(1, 4)
    end = start + int(dur * 1000)
    event = rng.choice(["call_analyzed", "call_analyzed", "call_ended"])
    cid = "call_" + "%032x" % rng.getrandbits(128)
    call = {
        "call_type": "phone_call", "direction": rng.choice(["inbound", "outbound"]), "call_id": cid,
        "agent_id": "agent_" + "%024x" % rng.getrandbits(96), "agent_version": rng.randint(1, 40),
        "call_status": "ended", "metadata": {}, "retell_llm_dynamic_variables": {"clinic_name": rec.clinic},
        "opt_out_sensitive_data_storage": False, "start_timestamp": start, "end_timestamp": end,
        "duration_ms": end - start, "transcript": joined(turns, "Agent:", "User:"),
        "transcript_object": [{"role": "agent" if t["role"] == "A" else "user", "content": turn_rich(t)} for t in turns],
        "recording_url": f"https://dxc03zgurdly9.cloudfront.net/{'%064x' % rng.getrandbits(256)}/recording.wav",
        "public_log_url": f"https://dxc03zgurdly9.cloudfront.net/{'%064x' % rng.getrandbits(256)}/public.log",
        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup", "call_transfer", "inactivity"]),
        "latency": {"e2e": {"p50": rng.randint(700, 1300), "p90": rng.randint(1300, 2200), "p95": rng.randint(1500, 2600),
                            "p99": rng.randint(2000, 3500), "max": rng.randint(2500, 5000), "min": rng.randint(400, 700),
                            "num": len(turns) // 2},
                    "llm": {"p50": rng.randint(300, 700), "p90": rng.randint(700, 1200), "num": len(turns) // 2}},
        "call_cost": {"product_costs": [{"product": "elevenlabs_tts", "unit_price": 0.07, "cost": round(dur / 60 * 7, 3)},
                                        {"product": "gpt_4o", "unit_price": 0.05, "cost": round(dur / 60 * 5, 3)}],
                      "total_duration_seconds": int(dur), "total_duration_unit_price": 0.12,
                      "combined_cost": round(dur / 60 * 12, 3)},
    }
    if event == "call_analyzed":
        call["call_analysis"] = {"call_summary": summary_rich(ctx, rec, meta.get("scenario")), "in_voicemail": False,
                                 "user_sentiment": rng.choice(["Positive", "Neutral", "Negative"]),
                                 "call_successful": rng.random() < 0.85,
                                 "custom_analysis_data": {"appointment_booked": rng.random() < 0.5,
                                                          "follow_up_needed": rng.random() < 0.5}}
    return {"event": event, "call": call}


def payload_signalwire(ctx, rec, turns, meta):
    rng = ctx.rng
    start_us = rng.randint(1704067200000000, 1767139200000000)
    tl = timeline(rng, turns)
    dur_us = int((tl[-1][1] + rng.uniform(1, 4)) * 1e6)
    clinic = rec.clinic
    log = [{"role": "system", "content": rng.choice(SYSTEM_PROMPTS).replace("{CLINIC}", clinic)}]
    for t in turns:
        log.append({"role": "assistant" if t["role"] == "A" else "user", "content": turn_rich(t)})
    summ = summary_rich(ctx, rec, meta.get("scenario"))
    return {
        "action": "post_conversation", "app_name": "swml app", "version": "2.0", "content_type": "text/swaig",
        "content_disposition": "Conversation Log", "ai_session_id": uid(rng), "call_id": uid(rng),
        "conversation_id": uid(rng), "project_id": uid(rng), "space_id": uid(rng),
        "caller_id_name": "WIRELESS CALLER", "call_start_date": start_us, "call_answer_date": start_us + 900000,
        "ai_start_date": start_us + 1200000, "ai_end_date": start_us + dur_us, "call_end_date": start_us + dur_us + 400000,
        "call_log": log, "post_prompt_data": {"raw": summ, "substituted": summ, "parsed": []},
        "SWMLVars": {"clinic": clinic, "ai_result": rng.choice(["success", "transferred", "hangup"])},
        "total_input_tokens": rng.randint(3000, 40000), "total_output_tokens": rng.randint(200, 2500),
        "total_minutes": round(dur_us / 6e7, 2),
    }


def payload_deepgram(ctx, rec, turns, meta):
    rng = ctx.rng
    tl = timeline(rng, turns)
    dur = round(tl[-1][1] + rng.uniform(0.5, 3), 5)
    model_id = uid(rng)
    speakers = {"A": 0, "C": 1} if rng.random() < 0.6 else {"A": 1, "C": 0}
    para = Rich()
    for t in turns:
        para.add(f"\nSpeaker {speakers[t['role']]}: ")
        para.extend(t["segs"])
        para.add("\n")
    utterances = []
    for t, (a, b) in zip(turns, tl):
        utterances.append({"start": a, "end": b, "confidence": round(rng.uniform(0.82, 0.99), 6), "channel": 0,
                           "transcript": turn_rich(t), "speaker": speakers[t["role"]], "id": uid(rng)})
    return {
        "metadata": {"transaction_key": "deprecated", "request_id": uid(rng), "sha256": "%064x" % rng.getrandbits(256),
                     "created": iso(rng.randint(1704067200000, 1767139200000)), "duration": dur, "channels": 1,
                     "models": [model_id],
                     "model_info": {model_id: {"name": rng.choice(["2-general-nova", "general-nova-3", "2-phonecall-nova"]),
                                               "version": "2024-01-09.29447", "arch": rng.choice(["nova-2", "nova-3"])}}},
        "results": {"channels": [{"alternatives": [{"transcript": space_joined(turns),
                                                     "confidence": round(rng.uniform(0.9, 0.995), 6),
                                                     "paragraphs": {"transcript": para}}]}],
                    "utterances": utterances},
    }


def payload_transcribe(ctx, rec, turns, meta):
    rng = ctx.rng
    tl = timeline(rng, turns)
    spk = {"A": "spk_0", "C": "spk_1"} if rng.random() < 0.6 else {"A": "spk_1", "C": "spk_0"}
    segs = []
    for i, (t, (a, b)) in enumerate(zip(turns, tl)):
        segs.append({"id": i, "transcript": turn_rich(t), "start_time": f"{a:.3f}", "end_time": f"{b:.3f}",
                     "speaker_label": spk[t["role"]]})
    return {
        "jobName": f"call-{rng.randint(100000, 999999)}-{rng.choice(['intake', 'billing', 'pharmacy', 'triage'])}",
        "accountId": str(rng.randint(10 ** 11, 10 ** 12 - 1)), "status": "COMPLETED",
        "results": {"language_code": "en-US", "transcripts": [{"transcript": space_joined(turns)}],
                    "speaker_labels": {"channel_label": "ch_0", "speakers": 2,
                                       "segments": [{"start_time": s["start_time"], "end_time": s["end_time"],
                                                     "speaker_label": s["speaker_label"], "items": []} for s in segs]},
                    "audio_segments": segs},
    }


PAYLOADS = {"vapi": payload_vapi, "retell": payload_retell, "signalwire": payload_signalwire,
            "deepgram": payload_deepgram, "transcribe": payload_transcribe}


# ---------------------------------------------------------------------------
# 10. validation, statistics, main
# ---------------------------------------------------------------------------

VALIDATORS = {"phone": valid_phone, "ssn": valid_ssn, "mbi": valid_mbi, "npi": valid_npi,
              "card": lambda c: luhn_ok(c) and 14 <= len(c) <= 16}


def check_values(rec):
    for k, fn in VALIDATORS.items():
        if k in rec.vals:
            assert fn(rec.vals[k]), (k, rec.vals[k])


def _all_strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield from _all_strings(k)
            yield from _all_strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from _all_strings(v)


def validate_record(r):
    """Raise AssertionError if a record is malformed."""
    text = r["text"]
    b = text.encode("utf-8")
    assert r["format"] in ("transcript", "json")
    items = sorted([(s["start"], s["end"], "span") for s in r["spans"]] +
                   [(n["start"], n["end"], "neg") for n in r["negatives"]])
    for (s1, e1, k1), (s2, e2, k2) in zip(items, items[1:]):
        assert e1 <= s2, ("overlap", r["id"], s1, e1, k1, s2, e2, k2)
    for s in r["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(b), (r["id"], s)
        piece = b[s["start"]:s["end"]].decode("utf-8")
        assert piece == piece.strip() and "\n" not in piece, (r["id"], piece)
        assert s["entity"] in TARGETS and s["cue"] in ("same", "prev", "none") and isinstance(s["spoken"], bool)
    for n in r["negatives"]:
        piece = b[n["start"]:n["end"]].decode("utf-8")
        assert piece and piece == piece.strip(), (r["id"], piece)
    if r["format"] == "transcript":
        lines = text.split("\n")
        assert 8 <= len(lines) <= 40, (r["id"], len(lines))
        assert all(l.strip() for l in lines) and not text.endswith("\n")
        lab = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z_0-9 ]+:) \S")
        assert all(lab.match(l) for l in lines), (r["id"], [l for l in lines if not lab.match(l)][:1])
    else:
        obj = json.loads(text)
        strings = list(_all_strings(obj))
        for s in r["spans"]:
            piece = json.loads('"' + b[s["start"]:s["end"]].decode("utf-8") + '"')
            assert any(piece in x for x in strings), (r["id"], piece)
        assert "\n" not in text


def generate(split, seed, carriers):
    rng = random.Random(f"{seed}:{split}")
    counts = Counter()
    jobs = [(k, None, ct) for k, n, ct in TRANSCRIPT_KINDS for _ in range(n)] + \
           [(k, prof, ct) for k, prof, n, ct in JSON_KINDS for _ in range(n)]
    rng.shuffle(jobs)
    records = []
    for i, (kind, profile, ctype) in enumerate(jobs):
        rrng = random.Random(rng.getrandbits(64))
        ctx = Ctx(split, rrng, style_for(kind, rrng))
        rec = Rec(ctx)
        if profile is None:
            rich, turns, meta = make_transcript_record(ctx, rec, kind, ctype, carriers, counts)
            text, spans, negs = serialise(rich, False)
        else:
            turns, meta = build_conversation(ctx, rec, kind, ctype, carriers, counts, rrng)
            payload = PAYLOADS[profile](ctx, rec, turns, meta)
            text, spans, negs = serialise(payload, True)
        check_values(rec)
        for t in turns:
            for _, tag in t["segs"]:
                if tag and tag["kind"] == "span":
                    counts[tag["entity"]] += 1
        r = {"id": f"spk-{split}-{i:05d}", "format": "transcript" if profile is None else "json", "kind": kind}
        if profile:
            r["profile"] = profile
        r.update({"text": text, "spans": spans, "negatives": negs})
        validate_record(r)
        records.append(r)
    return records


def stats(records, out=sys.stdout):
    ent = Counter()
    ent_sp = Counter()
    cue = Counter()
    ent_cue = Counter()
    forms = defaultdict(Counter)
    kinds = Counter()
    negs = Counter()
    fmt = Counter()
    spelled = 0
    uniq = Counter()
    for r in records:
        kinds[r["kind"]] += 1
        fmt[r["format"]] += 1
        b = r["text"].encode("utf-8")
        seen = set()
        for s in r["spans"]:   # JSON payloads repeat a value in several fields: count it once
            key = (s["entity"], b[s["start"]:s["end"]], s["spoken"]) if r["format"] == "json" else id(s)
            if key not in seen:
                seen.add(key)
                if s["spoken"]:
                    uniq[s["entity"]] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            ent_sp[(s["entity"], s["spoken"])] += 1
            cue[s["cue"]] += 1
            ent_cue[(s["entity"], s["cue"])] += 1
            forms[s["entity"]][s["form"]] += 1
            if s["entity"] == "NAME" and s["form"].startswith("spelled"):
                spelled += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    tot = sum(ent.values())
    p = lambda *a: print(*a, file=out)
    p(f"records: {len(records)}  {dict(fmt)}")
    p("kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    p(f"spans: {tot}   cue: " + ", ".join(f"{k}={v} ({v / tot:.0%})" for k, v in sorted(cue.items())))
    p(f"written (spoken=false): {sum(v for (e, s), v in ent_sp.items() if not s)} "
      f"({sum(v for (e, s), v in ent_sp.items() if not s) / tot:.0%})")
    p("(spoken_uniq: spoken values counting a value repeated across fields of one JSON payload once)")
    p(f"{'entity':<10} {'total':>6} {'spoken':>7} {'spoken_uniq':>11} {'written':>7} {'same':>6} {'prev':>6} {'none':>6}  forms")
    for e in sorted(ent, key=lambda e: -ent[e]):
        p(f"{e:<10} {ent[e]:>6} {ent_sp[(e, True)]:>7} {uniq[e]:>11} {ent_sp[(e, False)]:>7} {ent_cue[(e, 'same')]:>6} "
          f"{ent_cue[(e, 'prev')]:>6} {ent_cue[(e, 'none')]:>6}  {len(forms[e])}")
    p(f"NAME spelled: {spelled}")
    p(f"negatives: {sum(negs.values())}  " + ", ".join(f"{k}={v}" for k, v in negs.most_common()))
    p("rendering families per entity (first word of form):")
    for e in sorted(forms):
        fam = Counter()
        for f, n in forms[e].items():
            fam[f.split("_")[0]] += n
        p(f"  {e}: " + ", ".join(f"{f}={n}" for f, n in fam.most_common()))
    p("top forms per entity:")
    for e in sorted(forms):
        p(f"  {e}: " + ", ".join(f"{f}={n}" for f, n in forms[e].most_common(10)))
    p("cue by kind:")
    kc = defaultdict(Counter)
    for r in records:
        for s in r["spans"]:
            kc[r["kind"]][s["cue"]] += 1
    for k in sorted(kc):
        p(f"  {k}: " + ", ".join(f"{c}={n}" for c, n in sorted(kc[k].items())))


def default_carrier_dir():
    cands = [os.environ.get("CARRIER_DIR", ""),
             os.path.join(HERE, *([".."] * 5), "shared", "carrier-sources"),
             os.path.join(HERE, *([".."] * 4), "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "mts-dialog")):
            return c
    raise SystemExit("carrier sources not found; pass --carrier-dir")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--stats", action="store_true", help="print statistics instead of records")
    ap.add_argument("--carrier-dir", default=None)
    ap.add_argument("--check", nargs="*", metavar="JSONL", help="validate existing JSONL files")
    a = ap.parse_args(argv)
    if a.check is not None:
        for path in a.check:
            recs = [json.loads(l) for l in open(path, encoding="utf-8")]
            for r in recs:
                validate_record(r)
            print(f"{path}: {len(recs)} records OK")
            stats(recs)
        return
    if not a.split:
        ap.error("--split is required")
    carriers, _ = load_carriers(a.carrier_dir or default_carrier_dir())
    records = generate(a.split, a.seed, carriers)
    if a.stats:
        stats(records)
        return
    w = sys.stdout
    for r in records:
        w.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
