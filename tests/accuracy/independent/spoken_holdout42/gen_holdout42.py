#!/usr/bin/env python3
"""holdout42: raw, unpunctuated, lowercase telephony ASR (Kaldi/Vosk-style, streaming finals
without smart formatting) -- primary care scheduling, pharmacy refills, insurance verification and
billing calls, as whole transcripts and as vendor JSON payloads whose transcript fields carry the
same raw output.

  python3 gen_holdout42.py [--seed N] [--n 150] > holdout42.jsonl
  python3 gen_holdout42.py --stats                 # counts for the default seed
  python3 gen_holdout42.py --check holdout42.jsonl # re-validate a file (+ stats)

Standard library only; the same seed gives byte-identical output whatever PYTHONHASHSEED is
(every random choice comes from random.Random seeded with a str, no set iteration).
"""
import argparse
import calendar
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 4242
N_RECORDS = 150

# ----------------------------------------------------------------------------------------------
# Carrier: patient turns quoted verbatim from ACI-Bench raw ASR dialogues
# (https://github.com/wyim/aci-bench, CC BY 4.0; files *_aci_asr.csv, [patient] turns).
# Used here as the caller's "reason for the call". Extra labels: (substring, what).
CARRIER = [
    ("i'm doing okay aside from this left shoulder pain that i've been having for a few weeks now",
     [("a few weeks", "duration")]),
    ("they did start me on some medication but i did n't i did n't pick them up from the pharmacy yet", []),
    ("i take my medication but i do n't check my sugar all the time", []),
    ("i've taken some tylenol and ibuprofen but as soon as those wear off it it comes right back so they do n't really help", []),
    ("i have but at home my blood pressure is always great", []),
    ("hmmm i do n't really wan na take any sleeping pills", []),
    ("well you wan na hear the long story or kind of the short story because my back has been bothering me for a long time", []),
    ("with the diabetes and my my blood sugars are improving but i still get that pain underneath the ribs", []),
    ("i did have this this hacking cough for about three days now", [("three days", "duration")]),
    ("i've just been kinda drinking lots of water taking some cough medication over the counter and it seems like it's not really working", []),
    ("blood pressure has been a little bit high i've noticed", []),
    ("little unsteady when i get the dizziness and a slight headache when the blood pressure numbers have been a little higher", []),
    ("yeah i get a like congested you know kinda drainage down my throat and you know a little bit of pressure in my sinuses", []),
    ("well sometimes i forget i mean having a medication twice a day you know sometimes i'm out doing stuff and i just forget to take it", []),
    ("i'm doing okay i i guess the medications are helping i'm concerned about all the medications i'm taking but i think i'm doing okay", []),
    ("i have noticed that my legs are a little swollen since they sent me home from the hospital", []),
    ("yeah i've been doing just what they told me to do because i do n't wan na go back to the hospital", []),
    ("i've been having a dry cough no phlegm", []),
    ("my symptoms are pretty good today i just kind of have a minimal cough and a sore throat", []),
    ("well i've been having this sharp pain on the right side of my abdomen below my ribs for the last several days", []),
    ("no just really just kind of a a headache just generally do n't feel well", []),
    ("yeah blood pressure seems to be doing okay the lisinopril works well", []),
    ("yes yes that's along with the blood pressure medicine morning and night", []),
    ("i do but i got ta take it sometimes it upsets my stomach and so i just kinda skip it", []),
    ("hi i'm i'm okay today i'm having some shoulder pain", []),
    ("so you will do the medication refill do i so that's automatic", []),
    ("i hope i did n't hurt it again", []),
    ("you know i'm active and will have aches and pains here and there but nothing that some tylenol ca n't take care of", []),
    ("yeah sometimes i feel dizzy and my vision gets a little blurry", []),
    ("i'm doing alright aside from this elbow pain", []),
    ("i had knee surgery about two years ago on my right knee", [("two years", "duration")]),
    ("yeah so i'm really active so do you think that this pain will ever go away", []),
]
COMMON_WORDS = ("will", "may", "hope", "bill", "grant", "mark")

# ----------------------------------------------------------------------------------------------
# Fictitious people. Common US census first/last names plus a few invented surnames.
FIRST_F = ["maria", "linda", "patricia", "jennifer", "dana", "tamika", "rosa", "keisha", "helen",
           "brenda", "shirley", "angela", "lakisha", "donna", "gloria", "yolanda", "teresa", "carmen",
           "joanne", "priya", "mei", "fatima", "ngozi", "svetlana", "bernadette", "latoya"]
FIRST_M = ["james", "robert", "john", "michael", "david", "luis", "darnell", "raymond", "terrence",
           "kevin", "jorge", "harold", "dwayne", "curtis", "wei", "anil", "tomasz", "emeka", "reginald",
           "phillip", "marcus", "dennis", "gerald", "hector", "vincent", "rodney"]
LAST = ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
        "martinez", "hernandez", "lopez", "washington", "jefferson", "nguyen", "patel", "okafor",
        "kowalski", "mcallister", "obrien", "delgado", "thibodeaux", "castellano", "haverty",
        "brannigan", "oyelaran", "pettigrew", "vandermeer", "quintero", "lindqvist", "abernathy",
        "ruiz", "fontaine", "tran", "kaminski", "holloway", "marchetti", "dubois", "sandoval", "boateng"]
# how an engine may split a surname
SURNAME_SPLIT = {"mcallister": "mc allister", "obrien": "o brien", "vandermeer": "vander meer",
                 "delgado": "del gado", "castellano": "castel llano", "pettigrew": "petty grew",
                 "oyelaran": "oye laran", "thibodeaux": "tibideaux", "abernathy": "aber nathy",
                 "holloway": "hollow way", "fontaine": "fountain"}
AGENTS = ["tanya", "marcus", "kelsey", "brianna", "jamal", "crystal", "derek", "nicole", "trevor",
          "ashley", "monique", "kyle", "renee", "andre"]
DOCTORS = ["patel", "okonkwo", "lindgren", "ferraro", "nakamura", "whitfield", "abernathy", "chen",
           "goldberg", "ramirez", "osei", "brightman"]
PLACES = [("decatur", "30030"), ("marietta", "30060"), ("smyrna", "30080"), ("tucker", "30084"),
          ("san antonio", "78209"), ("round rock", "78664"), ("mesa", "85201"), ("tempe", "85281"),
          ("saint paul", "55104"), ("bloomington", "55420"), ("dayton", "45409"), ("toledo", "43606"),
          ("fresno", "93704"), ("modesto", "95350"), ("raleigh", "27604"), ("durham", "27707"),
          ("newark", "07104"), ("hartford", "06106"), ("spokane", "99201"), ("boise", "83702"),
          ("mc kinney", "75070"), ("el paso", "79912"), ("baton rouge", "70808"), ("chattanooga", "37405"),
          ("worcester", "01604"), ("albuquerque", "87110"), ("tulsa", "74105"), ("fort wayne", "46805")]
STREETS = ["elm", "maple", "oak ridge", "magnolia", "peachtree", "cedar", "willow bend", "lakeview",
           "pinecrest", "hillcrest", "sycamore", "birch", "riverside", "orchard", "briarwood",
           "chestnut", "foxhall", "meadowbrook", "juniper", "sunset"]
SUFFIXES = ["street", "avenue", "drive", "road", "lane", "court", "boulevard", "way", "circle", "place",
            "parkway", "trail"]
DIRS = ["north", "south", "east", "west"]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com", "gmail dot com"]),
           ("yahoo.com", ["yahoo dot com"]),
           ("outlook.com", ["outlook dot com", "out look dot com"]),
           ("hotmail.com", ["hotmail dot com", "hot mail dot com"]),
           ("icloud.com", ["icloud dot com", "i cloud dot com"]),
           ("aol.com", ["aol dot com", "a o l dot com"]),
           ("comcast.net", ["comcast dot net"]),
           ("att.net", ["a t t dot net", "att dot net"])]
DRUGS = [("lisinopril", ["ten milligrams", "twenty milligrams", "forty milligrams"]),
         ("metformin", ["five hundred milligrams", "one thousand milligrams", "eight fifty"]),
         ("atorvastatin", ["forty milligrams", "eighty milligrams", "twenty milligrams"]),
         ("amlodipine", ["five milligrams", "ten milligrams"]),
         ("levothyroxine", ["fifty micrograms", "seventy five micrograms", "one twelve micrograms"]),
         ("sertraline", ["fifty milligrams", "one hundred milligrams"]),
         ("omeprazole", ["twenty milligrams", "forty milligrams"]),
         ("gabapentin", ["three hundred milligrams", "six hundred milligrams"]),
         ("losartan", ["fifty milligrams", "twenty five milligrams"]),
         ("albuterol", ["two puffs", "ninety micrograms"])]
PLANS = ["blue cross", "aetna", "cigna", "united healthcare", "humana", "medicare", "ambetter",
         "tricare", "medicaid", "kaiser"]

# ----------------------------------------------------------------------------------------------
# Number words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = [m.lower() for m in calendar.month_name[1:]]
HOMO = {"1": "won", "2": "to", "4": "for", "8": "ate"}
LETTER_HOMO = {"b": "be", "c": "see", "i": "eye", "o": "oh", "r": "are", "t": "tea", "u": "you",
               "y": "why", "q": "queue", "j": "jay", "k": "kay", "g": "gee", "p": "pee"}
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike",
        "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra",
        "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee",
        "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank", "g": "george",
         "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry", "m": "mary", "n": "nancy",
         "o": "ocean", "p": "peter", "q": "queen", "r": "robert", "s": "sam", "t": "tom", "u": "unit",
         "v": "victor", "w": "william", "x": "x-ray", "y": "yellow", "z": "zebra"}


def card(n):
    """0..9999 as words (no 'and')."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + card(n % 100))
    return card(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + card(n % 1000))


def ordinal(n):
    if n in ORD:
        return ORD[n]
    return TENS[n // 10] + " " + ORD[n % 10]


def pair_words(two, zero="oh"):
    """'06' -> 'oh six', '22' -> 'twenty two', '10' -> 'ten', '00' -> 'hundred' not used."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        return zero + " " + ONES[b]
    return card(int(two))


def year_words(y, rng, short=False):
    if short:
        yy = y % 100
        return ("oh " + ONES[yy]) if yy < 10 else card(yy)
    if 2000 <= y < 2010:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000],
                           "twenty oh " + ONES[y - 2000]])
    if 2010 <= y < 2100:
        return rng.choice(["twenty " + card(y - 2000), "two thousand " + card(y - 2000)])
    hi, lo = divmod(y, 100)
    if lo == 0:
        return card(hi) + " hundred"
    return card(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else card(lo))


# ----------------------------------------------------------------------------------------------
# Spoken digit strings


def digit_word(d, rng, zero, homo_p):
    if d == "0":
        return zero if zero != "mix" else rng.choice(["zero", "oh", "o"])
    if d in HOMO and rng.random() < homo_p:
        return HOMO[d]
    return ONES[int(d)]


def speak_group(g, rng, zero="zero", homo_p=0.0, pairs_p=0.0, double_p=0.0):
    """One digit group spoken; may use pairs ('twenty two'), 'double five', homophones."""
    out = []
    i = 0
    if (pairs_p and len(g) in (2, 4) and rng.random() < pairs_p
            and not any(g[k + 1] == "0" and g[k] != "1" for k in range(0, len(g), 2))):
        for k in range(0, len(g), 2):
            z = "oh" if zero in ("oh", "o", "mix") else zero
            out.append(pair_words(g[k:k + 2], z))
        return " ".join(out)
    while i < len(g):
        d = g[i]
        run = 1
        while i + run < len(g) and g[i + run] == d:
            run += 1
        if run >= 2 and double_p and rng.random() < double_p:
            w = digit_word(d, rng, "oh" if zero == "mix" else zero, 0)
            if run >= 3:
                out.append("triple " + w)
                i += 3
            else:
                out.append("double " + w)
                i += 2
            continue
        out.append(digit_word(d, rng, zero, homo_p))
        i += 1
    return " ".join(out)


def speak_digits(s, groups, rng, style=None):
    """Spoken rendering of digit string s in groups; returns (text, form)."""
    style = style or {}
    zero = style.get("zero") or rng.choice(["zero", "oh", "oh", "o", "mix"])
    homo_p = style.get("homo", rng.choice([0, 0, 0, 0.5]))
    pairs_p = style.get("pairs", rng.choice([0, 0, 0.5]))
    double_p = style.get("double", rng.choice([0, 0, 0.7]))
    filler_p = style.get("filler", rng.choice([0, 0, 0.35]))
    parts = []
    pos = 0
    for n in groups:
        parts.append(s[pos:pos + n])
        pos += n
    words = []
    used_filler = False
    for k, g in enumerate(parts):
        if k and rng.random() < filler_p:
            words.append(rng.choice(["uh", "um", "uh", "um"]))
            used_filler = True
        words.append(speak_group(g, rng, zero, homo_p, pairs_p, double_p))
    text = " ".join(words)
    form = ["digits", zero if zero != "mix" else "zero_mix"]
    toks = text.split()
    if any(t in ("won", "to", "for", "ate") for t in toks):
        form.append("homophone")
    if any(t in TENS[2:] or t in ONES[10:] for t in toks):
        form.append("pairs")
    if "double" in toks or "triple" in toks:
        form.append("double")
    if used_filler:
        form.append("uh")
    return text, "_".join(form)


# ----------------------------------------------------------------------------------------------
# Value generators (all fictitious)


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix, length, rng):
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def gen_card(rng):
    pre = rng.choice(["4111", "4242", "4000", "5555", "5105", "5200", "6011", "37", "34"])
    return luhn_complete(pre, 15 if pre in ("37", "34") else 16, rng)


def gen_npi(rng):
    while True:
        body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(9))
        if luhn_ok("80840" + body):
            return body


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        g = rng.randint(1, 99)
        s = rng.randint(1, 9999)
        return "%03d%02d%04d" % (a, g, s)


def gen_phone(rng):
    area = rng.choice(["404", "470", "678", "210", "512", "480", "602", "651", "612", "937", "419",
                       "559", "209", "919", "984", "973", "860", "509", "208", "214", "915", "225",
                       "423", "508", "505", "918", "260", "773", "313", "816"])
    return area + "555" + "01" + "%02d" % rng.randint(0, 99)


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    d = "0123456789"
    an = MBI_L + d
    return (rng.choice("123456789") + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d)
            + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) + rng.choice(MBI_L)
            + rng.choice(MBI_L) + rng.choice(d) + rng.choice(d))


MBI_RE = re.compile(r"^[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]$" % ((MBI_L,) * 6))


def gen_mrn(rng):
    k = rng.random()
    if k < 0.6:
        return str(rng.randint(1000000, 99999999))
    if k < 0.85:
        return "0" + str(rng.randint(100000, 9999999))
    return rng.choice("EMK") + str(rng.randint(1000000, 9999999))


def gen_member(rng):
    k = rng.random()
    if k < 0.45:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTWXYZ") for _ in range(3)) + str(rng.randint(100000000, 999999999))
    if k < 0.75:
        return rng.choice("WUMHK") + str(rng.randint(10000000, 99999999)) + "%02d" % rng.randint(1, 3)
    return str(rng.randint(100000000, 999999999))


def gen_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, calendar.monthrange(y, m)[1])
    return datetime.date(y, m, d)


class Person:
    def __init__(self, rng):
        self.sex = rng.choice("fm")
        self.first = rng.choice(FIRST_F if self.sex == "f" else FIRST_M)
        self.last = rng.choice(LAST)
        self.dob = gen_date(rng, 1934, 2008)
        self.phone = gen_phone(rng)
        self.ssn = gen_ssn(rng)
        self.mrn = gen_mrn(rng)
        self.city, self.zip = rng.choice(PLACES)
        if rng.random() < 0.12:
            self.zip = self.zip + "-" + "%04d" % rng.randint(1, 9999)
        self.house = rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                                 rng.randint(1000, 9999)])
        self.street = rng.choice(STREETS)
        self.suffix = rng.choice(SUFFIXES)
        self.dir = rng.choice(DIRS) if rng.random() < 0.2 else ""
        self.unit = ""
        if rng.random() < 0.3:
            self.unit = rng.choice(["apartment", "unit", "apt", "suite"]) + " " + rng.choice(
                ["%d" % rng.randint(1, 30), "%d%s" % (rng.randint(1, 4), rng.choice("abcd")),
                 "%d" % rng.randint(101, 420)])
        self.card = gen_card(rng)
        self.member = gen_member(rng)
        self.mbi = gen_mbi(rng)
        dom = rng.choice(DOMAINS)
        self.domain, self.domain_spoken = dom[0], rng.choice(dom[1])
        yy = "%02d" % (self.dob.year % 100)
        kind = rng.choice(["first.last", "firstlast", "flastNN", "first_last", "firstNN", "first.l"])
        if kind == "first.last":
            user = self.first + "." + self.last
        elif kind == "firstlast":
            user = self.first + self.last
        elif kind == "flastNN":
            user = self.first[0] + self.last + yy
        elif kind == "first_last":
            user = self.first + "_" + self.last
        elif kind == "firstNN":
            user = self.first + yy
        else:
            user = self.first + "." + self.last[0]
        self.email_kind = kind
        self.email = user + "@" + self.domain


# ----------------------------------------------------------------------------------------------
# Renderers: value -> (spoken text, form)


def split_value(t, want):
    """Cut a spoken digit string near its middle where both halves parse to a prefix/suffix."""
    w = t.split()
    mid = len(w) // 2
    for d in range(len(w)):
        for cut in (mid - d, mid + d):
            if 1 <= cut < len(w):
                h, tl = parse_alnum(" ".join(w[:cut])), parse_alnum(" ".join(w[cut:]))
                if h and tl and h + tl == want and w[cut - 1] not in ("uh", "um") and w[cut] not in ("uh", "um"):
                    return " ".join(w[:cut]), " ".join(w[cut:])
    return None


def r_name_full(p, rng):
    last = p.last
    form = "name_full_lower"
    if last in SURNAME_SPLIT and rng.random() < 0.5:
        last = SURNAME_SPLIT[last]
        form = "name_full_engine_split"
    if rng.random() < 0.06:
        return p.first + p.last, "name_runtogether"
    return p.first + " " + last, form


def r_spell(word, rng, style=None):
    style = style or rng.choice(["letters", "letters", "letters", "as_in", "nato", "homophone",
                                 "letters_uh"])
    letters = list(word.replace(" ", ""))
    if style == "letters":
        return " ".join(letters), "spelled_letters"
    if style == "letters_uh":
        k = rng.randint(2, max(2, len(letters) - 1))
        return " ".join(letters[:k]) + " uh " + " ".join(letters[k:]), "spelled_letters_uh"
    if style == "as_in":
        out = []
        for i, c in enumerate(letters):
            if i < 3 and rng.random() < 0.7:
                out.append(c + " as in " + AS_IN[c])
            else:
                out.append(c)
        return " ".join(out), "spelled_as_in"
    if style == "nato":
        return " ".join(NATO[c] for c in letters), "spelled_nato"
    out = [LETTER_HOMO.get(c, c) if rng.random() < 0.6 else c for c in letters]
    return " ".join(out), "spelled_letters_homophone"


def r_dob(d, rng, style=None):
    style = style or rng.choice(["m_ord_y2", "m_ord_yfull", "m_ord_yfull", "num_mdy", "num_mdy_full",
                                 "the_d_of_m", "m_card_yfull", "num_mdy_oh", "m_ord_uh_y",
                                 "num_homophone"])
    m, dd, y = d.month, d.day, d.year
    if style == "m_ord_y2":
        return "%s %s %s" % (MONTHS[m - 1], ordinal(dd), year_words(y, rng, short=True)), "month_ord_year2"
    if style == "m_ord_yfull":
        return "%s %s %s" % (MONTHS[m - 1], ordinal(dd), year_words(y, rng)), "month_ord_yearfull"
    if style == "m_ord_uh_y":
        return "%s %s uh %s" % (MONTHS[m - 1], ordinal(dd), year_words(y, rng)), "month_ord_uh_yearfull"
    if style == "m_card_yfull":
        return "%s %s %s" % (MONTHS[m - 1], card(dd), year_words(y, rng)), "month_card_yearfull"
    if style == "the_d_of_m":
        return "the %s of %s %s" % (ordinal(dd), MONTHS[m - 1], year_words(y, rng, short=rng.random() < 0.4)), "the_d_of_m"
    if style == "num_mdy":
        return "%s %s %s" % (card(m), card(dd), year_words(y, rng, short=True)), "num_mdy_short"
    if style == "num_mdy_full":
        return "%s %s %s" % (card(m), card(dd), year_words(y, rng)), "num_mdy_full"
    if style == "num_mdy_oh":
        mm = "oh " + ONES[m] if m < 10 else card(m)
        dd_ = "oh " + ONES[dd] if dd < 10 else card(dd)
        return "%s %s %s" % (mm, dd_, year_words(y, rng, short=rng.random() < 0.5)), "num_mdy_oh"
    # homophone: 'for' for four, 'to' for two, 'ate' for eight where the month/day is a single digit
    def h(n):
        return {2: "to", 4: "for", 8: "ate", 1: "won"}.get(n, card(n)) if n < 10 else card(n)
    t = "%s %s %s" % (h(m), h(dd), year_words(y, rng, short=True))
    if t.split()[:2] == [card(m), card(dd)]:
        return t, "num_mdy_short"
    return t, "num_mdy_homophone"


def r_date(d, rng):
    style = rng.choice(["m_ord", "m_ord_y", "the_d_of_m", "num"])
    if style == "m_ord":
        return "%s %s" % (MONTHS[d.month - 1], ordinal(d.day)), "month_ord_noyear"
    if style == "m_ord_y":
        return "%s %s %s" % (MONTHS[d.month - 1], ordinal(d.day), year_words(d.year, rng)), "month_ord_yearfull"
    if style == "the_d_of_m":
        return "the %s of %s" % (ordinal(d.day), MONTHS[d.month - 1]), "the_d_of_m_noyear"
    return "%s %s %s" % (card(d.month), card(d.day), year_words(d.year, rng, short=True)), "num_mdy_short"


def r_phone(ph, rng):
    if rng.random() < 0.1:
        # area code, then exchange, then the line as 'oh one twenty two'
        t = "%s %s %s" % (speak_group(ph[:3], rng, "oh"), rng.choice(["five five five", "triple five", "five fifty five"]),
                          pair_words(ph[6:8]) + " " + pair_words(ph[8:10]))
        return t, "digits_oh_pairs_line"
    return speak_digits(ph, [3, 3, 4], rng)


def r_ssn(s, rng):
    return speak_digits(s, [3, 2, 4], rng, {"pairs": 0})


def r_last4(s, rng):
    t, f = speak_digits(s, [2, 2] if rng.random() < 0.3 else [4], rng, {"filler": 0})
    return t, "last4_" + f


def r_card(c, rng):
    groups = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
    t, f = speak_digits(c, groups, rng, {"homo": 0 if rng.random() < 0.7 else 0.4})
    return t, ("amex_" if len(c) == 15 else "") + f


def r_zip(z, rng):
    main = z[:5]
    if rng.random() < 0.2 and main[3] != "0" and not (main[4] == "0" and main[3] != "1"):
        t = speak_group(main[:3], rng, rng.choice(["oh", "zero"])) + " " + pair_words(main[3:])
        f = "zip_digits_pair_end"
    else:
        t, f = speak_digits(main, [5], rng, {"pairs": 0, "filler": 0})
        f = "zip_" + f
    if len(z) > 5:
        t += " " + rng.choice(["dash ", "", ""]) + speak_digits(z[6:], [4], rng, {"pairs": 0, "filler": 0})[0]
        f += "_plus4"
    return t, f


def r_mrn(m, rng):
    lead = ""
    digits = m
    if m[0].isalpha():
        lead = rng.choice([m[0].lower(), NATO[m[0].lower()], m[0].lower() + " as in " + AS_IN[m[0].lower()]])
        digits = m[1:]
    n = len(digits)
    groups = {7: [3, 4], 8: [4, 4], 9: [3, 3, 3]}.get(n, [n])
    if rng.random() < 0.3:
        groups = [n]
    t, f = speak_digits(digits, groups, rng)
    if lead:
        return lead + " " + t, "alnum_letter_" + f
    return t, f


def r_alnum(s, rng, nato_p=0.0):
    out = []
    for ch in s:
        if ch.isalpha():
            c = ch.lower()
            if rng.random() < nato_p:
                out.append(NATO[c])
            elif c in LETTER_HOMO and rng.random() < 0.15:
                out.append(LETTER_HOMO[c])
            else:
                out.append(c)
        else:
            out.append(digit_word(ch, rng, rng.choice(["zero", "oh"]), 0.1))
    if len(out) > 6 and rng.random() < 0.35:
        k = rng.randint(3, len(out) - 3)
        out.insert(k, rng.choice(["uh", "um"]))
    t = " ".join(out)
    form = "alnum_spoken"
    if any(w in REV_NATO for w in t.split()):
        form += "_nato"
    if any(w in REV_LH for w in t.split()):
        form += "_homophone"
    if " uh " in t or " um " in t:
        form += "_uh"
    return t, form


def r_npi(n, rng):
    return speak_digits(n, rng.choice([[10], [3, 3, 4], [5, 5]]), rng, {"pairs": 0})


def r_house(h, rng):
    s = str(h)
    if len(s) == 4:
        if rng.random() < 0.35:
            return " ".join(ONES[int(c)] for c in s)
        return pair_words(s[:2]) + " " + (pair_words(s[2:]) if s[2:] != "00" else "hundred")
    if len(s) == 3:
        if rng.random() < 0.3:
            return card(h)
        return ONES[int(s[0])] + " " + pair_words(s[1:])
    return card(h)


def r_street(p, rng):
    parts = [r_house(p.house, rng)]
    if p.dir:
        parts.append(p.dir)
    st = p.street
    form = "house_words"
    if " " in st and rng.random() < 0.4:
        st = st.replace(" ", "")
        form = "house_words_runtogether"
    parts.append(st)
    parts.append(p.suffix)
    if p.unit:
        u = p.unit.split()
        unum = u[1]
        if unum[-1].isalpha():
            uw = (speak_group(unum[:-1], rng, "oh") if len(unum) > 2 else card(int(unum[:-1]))) + " " + unum[-1]
        elif len(unum) == 3:
            uw = speak_group(unum, rng, "oh")
        else:
            uw = card(int(unum))
        parts.append({"apt": "apartment"}.get(u[0], u[0]) + " " + uw)
        form += "_unit"
    return " ".join(parts), form


def r_email(p, rng):
    user = p.email.split("@")[0]
    spell = rng.random() < 0.3
    toks = []
    m = re.match(r"^([a-z]+)([._]?)([a-z]*)(\d*)$", user)
    a, sep, b, nn = m.groups()
    if spell:
        toks.append(" ".join(a))
    else:
        toks.append(a)
    if sep:
        toks.append({".": "dot", "_": "underscore"}[sep])
    if b:
        toks.append(" ".join(b) if (spell or len(b) == 1) else b)
    if nn:
        toks.append(rng.choice([card(int(nn)) if nn[0] != "0" else "oh " + ONES[int(nn[1])],
                                ONES[int(nn[0])] + " " + ONES[int(nn[1])]]))
    t = " ".join(toks) + " at " + p.domain_spoken
    form = "email_spelled_user" if spell else "email_words"
    if " " in p.domain_spoken.split(" dot ")[0]:
        form += "_domain_split"
    return t, form


# written forms (LLM summaries / structured fields)


def w_phone(ph, rng):
    k = rng.randint(0, 3)
    return ["(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "%s-%s-%s" % (ph[:3], ph[3:6], ph[6:]),
            "+1" + ph, ph][k], ["written_paren_dash", "written_dash", "written_e164", "written_digits"][k]


def w_date(d, rng):
    k = rng.randint(0, 2)
    return [d.strftime("%m/%d/%Y"), "%s %d, %d" % (calendar.month_name[d.month], d.day, d.year),
            d.isoformat()][k], ["written_mdy_slash", "written_month_d_y", "written_iso"][k]


def w_name(p):
    return p.first.capitalize() + " " + p.last.capitalize(), "name_written_cap"


# ----------------------------------------------------------------------------------------------
# Rich strings: a list of (text, meta) pieces joined by single spaces.


class R:
    def __init__(self):
        self.p = []

    def t(self, s):
        if s:
            self.p.append((s, None))
        return self

    def v(self, s, entity, cue, form, value, spoken=True):
        self.p.append((s, {"entity": entity, "spoken": spoken, "cue": cue, "form": form,
                           "value": value}))
        return self

    def n(self, s, what):
        self.p.append((s, {"what": what}))
        return self

    def plain(self):
        return " ".join(s for s, _ in self.p)

    def pieces(self, sep=" "):
        """[(text, meta)] with separators as plain pieces."""
        out = []
        for i, (s, m) in enumerate(self.p):
            if i:
                out.append((sep, None))
            out.append((s, m))
        return out


class W(R):
    """Written (LLM) text: pieces concatenated as given (caller supplies spaces/punctuation)."""

    def pieces(self, sep=""):
        return list(self.p)


def carrier_line(rng):
    line, extra = rng.choice(CARRIER)
    r = R()
    marks = []
    for sub, what in extra:
        i = line.find(sub)
        marks.append((i, i + len(sub), what))
    for m in re.finditer(r"\b(%s)\b" % "|".join(COMMON_WORDS), line):
        if not any(a < m.end() and m.start() < b for a, b, _ in marks):
            marks.append((m.start(), m.end(), "common_word"))
    marks.sort()
    pos = 0
    for a, b, what in marks:
        r.t(line[pos:a].strip())
        r.n(line[a:b], what)
        pos = b
    r.t(line[pos:].strip())
    return r


# ----------------------------------------------------------------------------------------------
# Negatives vocabulary (raw ASR renderings)


def neg_appt(rng):
    d = gen_date(rng, 2025, 2025)
    k = rng.randint(0, 3)
    if k == 0:
        return "%s %s" % (MONTHS[d.month - 1], ordinal(d.day))
    if k == 1:
        return "%s the %s" % (rng.choice(["monday", "tuesday", "wednesday", "thursday", "friday"]), ordinal(d.day))
    if k == 2:
        return "%s %s" % (rng.choice(["next tuesday", "this thursday", "monday", "friday"]), "")
    return "the %s of %s" % (ordinal(d.day), MONTHS[d.month - 1])


def neg_time(rng):
    h = rng.randint(7, 11) if rng.random() < 0.5 else rng.randint(1, 4)
    m = rng.choice(["", " fifteen", " thirty", " forty five", " o'clock", " oh five"])
    suf = rng.choice(["", "", " a m" if h >= 7 else " p m", " in the morning" if h >= 7 else " in the afternoon"])
    if m == " o'clock" and suf.startswith(" a m") or m == " o'clock" and suf.startswith(" p m"):
        suf = ""
    return card(h) + m + suf


def neg_money(rng, copay=False):
    k = rng.randint(0, 3 if copay else 2)
    d = rng.choice([12, 25, 40, 45, 75, 110, 243, 389, 1500, 2750])
    c = rng.choice([0, 18, 50, 99])
    if k == 0:
        return card(d) + " dollars"
    if k == 1:
        return card(d) + " dollars and " + card(c if c else 10) + " cents"
    if k == 2:
        return card(d) + " " + (card(c) if c >= 10 else "even")
    return "a " + rng.choice(["ten", "fifteen", "twenty", "thirty five"]) + " dollar copay"


def neg_number_words(rng, n):
    return " ".join(ONES[int(c)] if c != "0" else rng.choice(["zero", "oh"]) for c in
                    "".join(rng.choice("0123456789") for _ in range(n)))


# ----------------------------------------------------------------------------------------------
# Dialogue building blocks. Each returns list of (role, R); role 'a' agent, 'c' caller.


def say(role):
    return role, R()


def opening(rng, ctx):
    """IVR prompt (agent side) and/or live greeting with the agent's name."""
    turns = []
    org = ctx["org"]
    if rng.random() < 0.35:
        r = R().t("thank you for calling %s if this is a medical emergency please hang up and dial" % org)
        r.n("nine one one", "emergency_number")
        r.t("for pharmacy")
        r.n("press one", "menu_option")
        r.t("for scheduling")
        r.n("press two", "menu_option")
        r.t("for billing")
        r.n("press three", "menu_option")
        turns.append(("a", r))
        turns.append(("c", R().t(rng.choice([ctx["ivr_word"], ctx["ivr_word"], "representative", "agent",
                                              "uh " + ctx["ivr_word"]]))))
    r = R().t(rng.choice(["good morning", "hi", "thanks for calling", "hello"]) + " " + org)
    if rng.random() < 0.6:
        ag = rng.choice(AGENTS)
        r.t("this is").v(ag, "NAME", "same", "agent_first_lower", ag)
    r.t(rng.choice(["how can i help you", "how may i help you today", "who do i have the pleasure of speaking with",
                    "what can i do for you"]))
    # 'may' in 'how may i help' is a common word
    if "how may i" in r.p[-1][0]:
        s = r.p.pop()[0]
        r.t("how").n("may", "common_word").t(s[len("how may "):])
    turns.append(("a", r))
    return turns


def ask(what, rng, third=False):
    q = {
        "name": ["can i get the patients first and last name", "who am i speaking with",
                 "can i have your name please", "whats the patients name", "and your name"],
        "dob": ["and the date of birth", "can you verify the date of birth", "whats your birthday",
                "date of birth please", "and when were you born"],
        "phone": ["whats a good callback number", "and the best phone number for you",
                  "can you verify the phone number on the account", "what number can we reach you at"],
        "ssn": ["can i get the last four of your social", "i need the last four of the social security number"],
        "ssnfull": ["i need the full social for the subscriber", "can you give me the members social security number"],
        "mrn": ["do you have the medical record number", "do you happen to have your m r n",
                "whats the chart number on your card"],
        "zip": ["and the zip code", "can you verify the zip code on file", "and the billing zip code"],
        "email": ["what email should we send the portal link to", "whats the email address",
                  "can i get an email for the e statement"],
        "address": ["whats the new address", "can you verify your street address",
                    "whats the mailing address"],
        "member": ["whats the member id on the card", "can i have the subscriber id",
                   "whats the id number on the front of the card"],
        "mbi": ["do you have the medicare number the m b i", "can you read me the medicare beneficiary identifier"],
        "card": ["whats the card number", "go ahead with the card number when youre ready",
                 "okay go ahead with the sixteen digits"],
        "npi": ["whats the n p i of the ordering provider", "can i get the provider n p i"],
    }[what]
    if third:
        q3 = [x for x in q if not re.search(r"\b(you|your|youre)\b", x)]
        q = q3 or {"dob": ["and the patients date of birth"], "name": ["whats the patients name"]}.get(what, q)
    return rng.choice(q)


def give(r, what, p, rng, cue, lead=True):
    """Append a caller's rendering of one value to R. lead: include the cue words when cue=='same'."""
    def L(*opts):
        if cue == "same" and lead:
            r.t(rng.choice(opts))
    if what == "name":
        L("my name is", "this is", "the patients name is", "the name is", "name is")
        t, f = r_name_full(p, rng)
        r.v(t, "NAME", cue, f, p.first + " " + p.last)
        if rng.random() < 0.45:
            st, sf = r_spell(p.last, rng)
            if rng.random() < 0.3:
                r.t("thats")
            r.v(st, "NAME", cue, sf, p.last)
    elif what == "dob":
        L("date of birth is", "my birthday is", "dob is", "born", "birth date")
        t, f = r_dob(p.dob, rng)
        r.v(t, "DOB", cue, f, p.dob.isoformat())
    elif what == "phone":
        L("my number is", "the phone is", "you can call me at", "my cell is", "phone number is")
        t, f = r_phone(p.phone, rng)
        if rng.random() < 0.12 and cue == "same":
            # streaming engine finalised mid-number: rest comes on the caller's next line
            hd, tl = split_value(t, p.phone)
            r.v(hd, "PHONE", cue, f + "_partial_head", p.phone)
            return ("split", tl, f + "_partial_tail", "PHONE", p.phone)
        r.v(t, "PHONE", cue, f, p.phone)
    elif what == "ssn":
        L("last four of my social is", "last four", "social ends in")
        t, f = r_last4(p.ssn[5:], rng)
        r.v(t, "SSN", cue, f, p.ssn[5:])
    elif what == "ssnfull":
        L("social is", "his social is", "her social security number is", "the social is")
        t, f = r_ssn(p.ssn, rng)
        r.v(t, "SSN", cue, f, p.ssn)
    elif what == "mrn":
        L("my m r n is", "the medical record number is", "chart number", "the m r n is")
        t, f = r_mrn(p.mrn, rng)
        r.v(t, "MRN", cue, f, p.mrn)
    elif what == "zip":
        L("zip is", "zip code", "and the zip is", "zip code is")
        t, f = r_zip(p.zip, rng)
        r.v(t, "ZIP", cue, f, p.zip)
    elif what == "email":
        L("my email is", "email is", "the email is", "email address is")
        t, f = r_email(p, rng)
        r.v(t, "EMAIL", cue, f, p.email)
    elif what == "address":
        L("i live at", "the address is", "new address is", "my address is")
        t, f = r_street(p, rng)
        r.v(t, "STREET", cue, f, "%d %s%s %s%s" % (p.house, (p.dir + " ") if p.dir else "", p.street, p.suffix,
                                                     (" " + p.unit) if p.unit else ""))
        if rng.random() < 0.8:
            r.v(p.city, "CITY", cue, "city_lower", p.city)
            if rng.random() < 0.7:
                t, f = r_zip(p.zip, rng)
                r.v(t, "ZIP", cue, f, p.zip)
    elif what == "member":
        L("member id is", "the member id is", "subscriber id is", "my id number is")
        t, f = r_alnum(p.member, rng, 0.0 if rng.random() < 0.7 else 0.5)
        r.v(t, "MEMBER_ID", cue, f, p.member)
    elif what == "mbi":
        L("medicare number is", "the m b i is", "my medicare number is")
        t, f = r_alnum(p.mbi, rng, 0.0 if rng.random() < 0.6 else 0.6)
        r.v(t, "MBI", cue, "mbi_" + f, p.mbi)
    elif what == "card":
        L("card number is", "its a visa number", "the card number is")
        t, f = r_card(p.card, rng)
        r.v(t, "CARD", cue, f, p.card)
    elif what == "npi":
        L("the n p i is", "n p i", "our n p i is")
        t, f = r_npi(ctx_npi(p), rng)
        r.v(t, "NPI", cue, f, ctx_npi(p))
    return None


def ctx_npi(p):
    return p.npi


def readback(what, p, rng):
    """Agent read-back (cue prev)."""
    r = R()
    if what == "name":
        r.t(rng.choice(["thank you", "okay thanks", "alright"]))
        r.t(rng.choice(["mister" if p.sex == "m" else "miss", "mister" if p.sex == "m" else "missus"]))
        r.v(p.last, "NAME", "prev", "name_last_lower", p.last)
        return r
    if what == "dob":
        r.t(rng.choice(["okay i have", "and thats", "so that was"]))
        t, f = r_dob(p.dob, rng)
        r.v(t, "DOB", "prev", f, p.dob.isoformat())
        r.t(rng.choice(["correct", "right", "is that right"]))
        return r
    if what == "phone":
        r.t(rng.choice(["so thats", "let me repeat that", "i have"]))
        t, f = r_phone(p.phone, rng)
        r.v(t, "PHONE", "prev", f, p.phone)
        r.t(rng.choice(["correct", "is that right", "okay"]))
        return r
    if what == "email":
        r.t(rng.choice(["so thats", "let me read it back"]))
        t, f = r_email(p, rng)
        r.v(t, "EMAIL", "prev", f, p.email)
        return r
    if what == "zip":
        r.t("and that was")
        t, f = r_zip(p.zip, rng)
        r.v(t, "ZIP", "prev", f, p.zip)
        return r
    if what == "mrn":
        r.t(rng.choice(["okay", "got it"]))
        t, f = r_mrn(p.mrn, rng)
        r.v(t, "MRN", "prev", f, p.mrn)
        r.t("thats the one i have")
        return r
    if what == "ssn":
        r.t("ending in")
        t, f = r_last4(p.ssn[5:], rng)
        r.v(t, "SSN", "prev", f, p.ssn[5:])
        r.t("got it")
        return r
    if what == "member":
        r.t("so")
        t, f = r_alnum(p.member, rng)
        r.v(t, "MEMBER_ID", "prev", f, p.member)
        return r
    return None


# ----------------------------------------------------------------------------------------------
# Call types


def verify_block(rng, p, fields, turns, third=False):
    """Agent asks, caller answers; sometimes several values in one breath."""
    i = 0
    while i < len(fields):
        what = fields[i]
        nxt = fields[i + 1] if i + 1 < len(fields) else None
        mode = rng.random()
        if nxt and mode < 0.35:
            # one question, caller gives this (cue prev, bare) and then next values with their own cues
            turns.append(("a", R().t(ask(what, rng, third))))
            r = R().t(rng.choice(["yeah", "yeah its", "um", "sure", "uh", "okay", ""]))
            pend = give(r, what, p, rng, "prev")
            extra = [nxt]
            if i + 2 < len(fields) and rng.random() < 0.5:
                extra.append(fields[i + 2])
            for w in extra:
                if pend:
                    break
                r.t(rng.choice(["and", "and uh", "uh", "you know", "and um"]))
                pend = give(r, w, p, rng, "same")
            turns.append(("c", r))
            if pend:
                _, tail, f, ent, val = pend
                turns.append(("c", R().v(tail, ent, "same", f, val)))
            if rng.random() < 0.5:
                rb = readback(extra[-1], p, rng)
                if rb:
                    turns.append(("a", rb))
                    turns.append(("c", R().t(rng.choice(["yes", "yep", "thats right", "mm-hmm", "correct"]))))
            i += 1 + len(extra)
            continue
        if mode < 0.6:
            turns.append(("a", R().t(ask(what, rng, third))))
            r = R().t(rng.choice(["", "uh", "yeah", "its", "sure"]))
            pend = give(r, what, p, rng, "prev")
        else:
            turns.append(("a", R().t(rng.choice(["okay", "alright", "and", "perfect"]) + " " + ask(what, rng, third))))
            r = R().t(rng.choice(["yeah", "sure", "okay", "um"]))
            pend = give(r, what, p, rng, "same")
        turns.append(("c", r))
        if pend:
            _, tail, f, ent, val = pend
            turns.append(("c", R().v(tail, ent, "same", f, val)))
        if rng.random() < 0.45:
            rb = readback(what, p, rng)
            if rb:
                turns.append(("a", rb))
                turns.append(("c", R().t(rng.choice(["yes", "yep", "thats right", "mm-hmm", "correct"]))))
        i += 1


def caller_opening_none(rng, p, ctype):
    """Caller opens with bare name and DOB (cue none)."""
    r = R().t(rng.choice(["hi yeah", "yeah hi", "hi", "hello"]))
    t, f = r_name_full(p, rng)
    r.v(t, "NAME", "none", f, p.first + " " + p.last)
    t, f = r_dob(p.dob, rng)
    r.v(t, "DOB", "none", f, p.dob.isoformat())
    r.t({"pharmacy": "calling about a refill", "billing": "calling about my bill",
         "scheduling": rng.choice(["need to make an appointment", "i need to get in this week"]),
         "insurance": "calling about my insurance"}[ctype])
    return r


def afterthought(rng, p):
    """Caller volunteers a value with nothing cueing it (cue none)."""
    k = rng.randint(0, 3)
    r = R().t(rng.choice(["oh and", "oh uh", "and um"]))
    if k == 0:
        t, f = r_phone(p.phone, rng)
        r.v(t, "PHONE", "none", f, p.phone).t(rng.choice(["you can write that down", "in case we get cut off"]))
    elif k == 1:
        t, f = r_email(p, rng)
        r.v(t, "EMAIL", "none", f, p.email).t("if you need to send me anything")
    elif k == 2:
        t, f = r_mrn(p.mrn, rng)
        r.t("its on my card").v(t, "MRN", "none", f, p.mrn).t("if that helps")
    else:
        t, f = r_zip(p.zip, rng)
        r.v(t, "ZIP", "none", f, p.zip).t("in case theres two of us")
    return r


def call_scheduling(rng, p, ctx):
    turns = opening(rng, ctx)
    doc = ctx["doctor"]
    if rng.random() < 0.25:
        turns.append(("c", caller_opening_none(rng, p, "scheduling")))
        fields = [rng.choice(["phone", "mrn", "zip", "email"])]
    else:
        turns.append(("c", R().t(rng.choice(["hi um i need to schedule an appointment with",
                                              "yeah i wanted to get in to see", "hi i need a follow up with"]))
                      .t("doctor").v(doc, "NAME", "same", "provider_last_lower", doc)))
        fields = ["name", "dob"] + rng.sample(["phone", "mrn", "zip", "email", "ssn", "address"], 2)
    turns.append(("a", R().t("okay whats going on")))
    turns.append(("c", carrier_line(rng)))
    turns.append(("a", R().t("sorry to hear that let me pull up your chart")))
    verify_block(rng, p, fields, turns)
    # scheduling with hard negatives
    r = R().t("okay doctor").v(doc, "NAME", "same", "provider_last_lower", doc).t("has")
    r.n(neg_appt(rng).strip(), "appointment_date").t("at").n(neg_time(rng), "time")
    r.t("or").n(neg_appt(rng).strip(), "appointment_date").t("at").n(neg_time(rng), "time")
    turns.append(("a", r))
    r = R().t(rng.choice(["the first one works", "um the second one", "yeah the earlier one is better"]))
    if rng.random() < 0.5:
        r.t("i work till").n(neg_time(rng), "time")
    turns.append(("c", r))
    r = R().t("okay youre booked please arrive").n(rng.choice(["fifteen minutes", "ten minutes", "twenty minutes"]), "duration")
    r.t("early the visit is about").n(rng.choice(["thirty minutes", "forty five minutes", "twenty minutes"]), "duration")
    turns.append(("a", r))
    if rng.random() < 0.6:
        r = R().t("my mom is").n(card(rng.randint(66, 88)), "age").t("can she come with me")
        turns.append(("c", r))
        turns.append(("a", R().t("of course")))
    if rng.random() < 0.5:
        turns.append(("a", R().t("and do you want the portal link")))
        r = R().t("yeah send it to")
        t, f = r_email(p, rng)
        r.v(t, "EMAIL", "prev", f, p.email)
        turns.append(("c", r))
    r = R().t("your confirmation number is").n(neg_number_words(rng, 6), "confirmation_number")
    r.t("if you need to reschedule call back and ask for extension").n(speak_group(str(rng.randint(200, 499)), rng, "oh"), "extension")
    turns.append(("a", r))
    turns.append(("c", R().t(rng.choice(["okay thank you so much", "alright thanks bye", "perfect thank you"]))))
    return turns


def call_pharmacy(rng, p, ctx):
    turns = opening(rng, ctx)
    drug, doses = rng.choice(DRUGS)
    dose = rng.choice(doses)
    provider_call = rng.random() < 0.25
    if provider_call:
        ctx["staff_call"] = True
        caller = Person(rng)
        r = R().t("hi this is")
        r.v(caller.first, "NAME", "same", "name_first_lower", caller.first)
        r.t("calling from doctor").v(ctx["doctor"], "NAME", "same", "provider_last_lower", ctx["doctor"])
        r.t("office with a new prescription for a patient")
        turns.append(("c", r))
        turns.append(("a", R().t("okay go ahead with the patient name and date of birth")))
        r = R()
        give(r, "name", p, rng, "prev")
        r.t("date of birth")
        give(r, "dob", p, rng, "same", lead=False)
        turns.append(("c", r))
        turns.append(("a", R().t(ask("npi", rng))))
        r = R()
        t, f = r_npi(ctx["npi"], rng)
        r.t(rng.choice(["its", "sure", "yeah"])).v(t, "NPI", "prev", f, ctx["npi"])
        turns.append(("c", r))
        r = R().t("its").t(drug).n(dose, "dose").t(rng.choice(["once a day", "twice a day", "at bedtime"]))
        r.t("quantity").n(rng.choice(["thirty", "ninety", "sixty"]), "count").t("with")
        r.n(rng.choice(["three", "five", "two"]) + " refills", "count")
        turns.append(("c", r))
        fields = [rng.choice(["phone", "zip", "mrn"])]
        turns.append(("a", R().t("got it and do you have a phone for the patient")))
        r = R().t("yeah")
        pend = give(r, "phone", p, rng, "prev")
        turns.append(("c", r))
        if pend:
            _, tail, f, ent, val = pend
            turns.append(("c", R().v(tail, ent, "same", f, val)))
    else:
        r = R().t(rng.choice(["yeah hi im calling to refill my", "hi i need a refill on my", "um i need to get my"]))
        r.t(drug).n(dose, "dose")
        turns.append(("c", r))
        verify_block(rng, p, ["name", "dob"] + rng.sample(["phone", "zip", "mrn", "address"], 1), turns)
        turns.append(("c", carrier_line(rng)))
        r = R().t("okay i see the").t(drug).n(dose, "dose").t("you have").n(rng.choice(["two refills", "one refill", "three refills"]), "count").t("left")
        turns.append(("a", R().t("okay let me check")))
        turns.append(("a", r))
    r = R().t("that will be").n(neg_money(rng, copay=True), "money").t("for a").n(rng.choice(["ninety day", "thirty day"]) + " supply", "duration")
    r.t("itll be ready after").n(neg_time(rng), "time")
    turns.append(("a", r))
    if not provider_call and rng.random() < 0.8:
        turns.append(("c", R().t("can i pay over the phone")))
        if rng.random() < 0.4:
            turns.append(("a", R().t("sure whenever youre ready")))
            r = R().t(rng.choice(["okay the card number is", "its a visa number", "alright card number"]))
            cue = "same"
        else:
            turns.append(("a", R().t(ask("card", rng))))
            r = R().t(rng.choice(["okay", "yeah", "um"]))
            cue = "prev"
        t, f = r_card(p.card, rng)
        r.v(t, "CARD", cue, f, p.card)
        turns.append(("c", r))
        turns.append(("a", R().t(ask("zip", rng))))
        r = R().t(rng.choice(["", "its", "uh"]))
        t, f = r_zip(p.zip, rng)
        r.v(t, "ZIP", "prev", f, p.zip)
        turns.append(("c", r))
        r = R().t("thank you your order number is").n(neg_number_words(rng, 7), "order_number")
        turns.append(("a", r))
    turns.append(("c", R().t(rng.choice(["okay thanks", "alright thank you", "great bye"]))))
    return turns


def call_insurance(rng, p, ctx):
    turns = opening(rng, ctx)
    staff = rng.random() < 0.5
    plan = rng.choice(PLANS)
    medicare = plan == "medicare" or rng.random() < 0.25
    if staff:
        r = R().t("hi this is")
        r.v(ctx["staff"], "NAME", "same", "name_first_lower", ctx["staff"])
        r.t("from doctor").v(ctx["doctor"], "NAME", "same", "provider_last_lower", ctx["doctor"])
        r.t("office im calling to verify eligibility and benefits for a patient")
        turns.append(("c", r))
        if rng.random() < 0.5:
            turns.append(("a", R().t(ask("npi", rng))))
            r = R().t(rng.choice(["sure", "yeah its", "okay"]))
            ncue = "prev"
        else:
            turns.append(("a", R().t("okay go ahead")))
            r = R().t(rng.choice(["our group n p i is", "the n p i is", "rendering provider n p i"]))
            ncue = "same"
        t, f = r_npi(ctx["npi"], rng)
        r.v(t, "NPI", ncue, f, ctx["npi"])
        turns.append(("c", r))
        fields = ["member", "name", "dob"]
        if medicare:
            fields = ["mbi", "name", "dob"]
        ctx["staff_call"] = True
        verify_block(rng, p, fields, turns, third=True)
        if rng.random() < 0.6:
            turns.append(("a", R().t(ask("ssnfull", rng))))
            r = R().t(rng.choice(["", "yeah", "its"]))
            t, f = r_ssn(p.ssn, rng)
            r.v(t, "SSN", "prev", f, p.ssn)
            turns.append(("c", r))
    else:
        turns.append(("c", R().t("hi i got a letter saying my coverage might end and i wanna check")))
        fields = ["member" if not medicare else "mbi", "name", "dob", rng.choice(["ssn", "zip", "phone"])]
        verify_block(rng, p, fields, turns)
        if rng.random() < 0.5:
            turns.append(("a", R().t("i also need the full social to update the file")))
            r = R().t(rng.choice(["okay its", "sure", "um"]))
            t, f = r_ssn(p.ssn, rng)
            r.v(t, "SSN", "prev", f, p.ssn)
            turns.append(("c", r))
    r = R().t("okay the plan is active the deductible is").n(neg_money(rng), "money")
    r.t("and the out of pocket max is").n(card(rng.choice([3000, 4500, 6000, 8700])) + " dollars", "money")
    turns.append(("a", r))
    turns.append(("c", R().t("and does it need a prior auth")))
    r = R().t("no prior auth needed but the visit limit is").n(card(rng.choice([20, 30, 12])) + " visits", "count")
    r.t("per year").t("the reference number for this call is").n(
        rng.choice(["r e f ", "", ""]) + neg_number_words(rng, rng.choice([8, 10])), "reference_number")
    turns.append(("a", r))
    if not staff and rng.random() < 0.5:
        turns.append(("c", R().t("and can you send the letter to the new address")))
        turns.append(("a", R().t(ask("address", rng))))
        r = R().t(rng.choice(["its", "", "yeah its"]))
        give(r, "address", p, rng, "prev")
        turns.append(("c", r))
    turns.append(("c", R().t(rng.choice(["great thank you", "okay thats all i needed", "thanks have a good one"]))))
    return turns


def call_billing(rng, p, ctx):
    turns = opening(rng, ctx)
    admit = gen_date(rng, 2023, 2024)
    disch = admit + datetime.timedelta(days=rng.randint(1, 9))
    if rng.random() < 0.25:
        turns.append(("c", caller_opening_none(rng, p, "billing")))
        fields = [rng.choice(["zip", "ssn", "phone", "mrn"])]
    else:
        r = R().t(rng.choice(["yeah hi i got a", "hi um i have a question about my", "i got a"]))
        r.n("bill", "common_word").t("from the hospital stay and it doesnt look right")
        turns.append(("c", r))
        fields = ["name", "dob"] + rng.sample(["zip", "ssn", "phone", "mrn", "address"], 2)
    verify_block(rng, p, fields, turns)
    turns.append(("a", R().t("okay i see the account what dates was the stay")))
    r = R().t(rng.choice(["i was admitted", "they admitted me", "i went in"]))
    t, f = r_date(admit, rng)
    r.v(t, "DATE", "same", f, admit.isoformat())
    r.t(rng.choice(["and discharged", "and came home", "and they let me go"]))
    t, f = r_date(disch, rng)
    r.v(t, "DATE", "same", f, disch.isoformat())
    turns.append(("c", r))
    if rng.random() < 0.5:
        r = R().t("okay so discharged")
        t, f = r_date(disch, rng)
        r.v(t, "DATE", "prev", f, disch.isoformat())
        turns.append(("a", r.t("let me find that claim")))
    r = R().t("okay i have the claim here").t("claim number").n(neg_number_words(rng, 9), "claim_number")
    r.t("the balance is").n(neg_money(rng), "money").t("after insurance paid").n(neg_money(rng), "money")
    turns.append(("a", r))
    turns.append(("c", carrier_line(rng)))
    if rng.random() < 0.4:
        rel, pos = rng.choice([("husband", "his"), ("wife", "her"), ("mother", "her"), ("father", "his")])
        turns.append(("c", R().t("also my %s passed away on" % rel).v(*_death(rng)).t("do i still owe on %s account" % pos)))
        turns.append(("a", R().t("im so sorry for your loss i can transfer you to our estates team")))
    r = R().t("we can set up a payment plan for").n(rng.choice(["six months", "twelve months", "three months"]), "duration")
    r.t("at").n(neg_money(rng), "money").t("a month")
    turns.append(("a", r))
    turns.append(("c", R().t("okay i can pay the first one now")))
    ccue = "prev"
    if rng.random() < 0.35:
        turns.append(("a", R().t("okay go ahead")))
        r = R().t(rng.choice(["the card number is", "um its a mastercard the number is", "card number"]))
        ccue = "same"
    else:
        turns.append(("a", R().t(ask("card", rng))))
        r = R().t(rng.choice(["okay its", "yeah", "um its", ""]))
    t, f = r_card(p.card, rng)
    if rng.random() < 0.15:
        hd, tl = split_value(t, p.card)
        r.v(hd, "CARD", ccue, f + "_partial_head", p.card)
        turns.append(("c", r))
        turns.append(("c", R().v(tl, "CARD", ccue, f + "_partial_tail", p.card)))
    else:
        r.v(t, "CARD", ccue, f, p.card)
        turns.append(("c", r))
    turns.append(("a", R().t(ask("zip", rng))))
    r = R()
    t, f = r_zip(p.zip, rng)
    r.v(t, "ZIP", "prev", f, p.zip)
    turns.append(("c", r))
    if rng.random() < 0.5:
        turns.append(("a", R().t("do you want paperless statements")))
        r = R().t("yes please my email is")
        t, f = r_email(p, rng)
        r.v(t, "EMAIL", "same", f, p.email)
        turns.append(("c", r))
        rb = readback("email", p, rng)
        turns.append(("a", rb))
        turns.append(("c", R().t("yep")))
    r = R().t("payment went through your confirmation is").n(neg_number_words(rng, 8), "confirmation_number")
    turns.append(("a", r))
    turns.append(("c", R().t("thank you")))
    return turns


def _death(rng):
    d = gen_date(rng, 2023, 2024)
    t, f = r_date(d, rng)
    return t, "DATE", "same", f, d.isoformat()


CALLS = [("scheduling", call_scheduling), ("pharmacy", call_pharmacy), ("insurance", call_insurance),
         ("billing", call_billing)]
ORGS = {"scheduling": ["riverside family medicine", "north fulton primary care", "lakeview internal medicine",
                       "cedar park family practice"],
        "pharmacy": ["the pharmacy", "main street pharmacy", "the refill line", "hometown drug"],
        "insurance": ["provider services", "member services", "the eligibility line"],
        "billing": ["patient financial services", "the billing office", "saint luke's billing"]}


def vitals_turn(rng):
    """Caller mentions readings (negatives)."""
    r = R().t("oh and my blood pressure this morning was")
    sy = rng.choice([118, 124, 132, 141, 150, 162])
    sys_w = card(sy) if rng.random() < 0.3 else "one " + card(sy - 100)
    r.n("%s over %s" % (sys_w, card(rng.choice([72, 78, 84, 90, 96]))), "blood_pressure")
    k = rng.randint(0, 2)
    if k == 0:
        r.t("and my sugar was").n(card(rng.choice([98, 142, 187, 230, 276])), "lab_value")
    elif k == 1:
        wt = rng.choice([142, 168, 195, 212, 238])
        r.t("and i weigh").n(rng.choice([card(wt), ONES[wt // 100] + " " + card(wt % 100)]) + " pounds", "weight")
    else:
        r.t("and i had a temp of").n(rng.choice(["a hundred and one", "ninety nine point eight", "one oh one point two"]), "vital_sign")
    r.t("and i walked like").n(card(rng.choice([4000, 6500, 9000])) + " steps", "step_count")
    return r


# ----------------------------------------------------------------------------------------------
# Record assembly


def make_dialogue(rng, i):
    ctype, fn = CALLS[i % 4] if rng.random() < 0.7 else rng.choice(CALLS)
    p = Person(rng)
    p.npi = gen_npi(rng)
    ctx = {"org": rng.choice(ORGS[ctype]), "doctor": rng.choice(DOCTORS), "npi": p.npi,
           "ivr_word": {"scheduling": "scheduling", "pharmacy": "pharmacy", "billing": "billing",
                        "insurance": "eligibility"}[ctype],
           "staff": rng.choice(FIRST_F + FIRST_M)}
    turns = fn(rng, p, ctx)
    if not ctx.get("staff_call") and rng.random() < 0.3:
        turns.insert(len(turns) - 1, ("c", afterthought(rng, p)))
    if ctype in ("scheduling", "pharmacy") and not ctx.get("staff_call") and rng.random() < 0.4:
        turns.insert(len(turns) - 2, ("c", vitals_turn(rng)))
        turns.insert(len(turns) - 2, ("a", R().t("okay ill make a note for the doctor")))
    # drop empty leading pieces
    return ctype, p, turns


LABELS = [("[agent]", "[caller]"), ("[rep]", "[patient]"), ("agent:", "caller:"), ("[speaker_0]", "[speaker_1]"),
          ("spk_0:", "spk_1:"), ("A:", "B:"), ("[agent]", "[customer]"), ("operator:", "caller:")]


def pieces_transcript(turns, rng):
    la, lc = rng.choice(LABELS)
    stamps = rng.random() < 0.35
    t = rng.randint(0, 4)
    out = []
    for k, (role, r) in enumerate(turns):
        if k:
            out.append(("\n", None))
        pre = ""
        if stamps:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += rng.randint(2, 14)
        out.append((pre + (la if role == "a" else lc) + " ", None))
        out.extend(r.pieces())
    return out


class Rich:
    """A JSON string value made of pieces."""

    def __init__(self, pieces):
        self.pieces = pieces


def join_rich(parts):
    out = []
    for x in parts:
        if isinstance(x, str):
            out.append((x, None))
        else:
            out.extend(x)
    return Rich(out)


def serialize(obj):
    """Compact JSON with span tracking: returns (text, [(char_start, char_end, meta)])."""
    buf = []
    marks = []
    pos = [0]

    def emit(s):
        buf.append(s)
        pos[0] += len(s)

    def go(o):
        if isinstance(o, Rich):
            emit('"')
            for s, m in o.pieces:
                e = json.dumps(s, ensure_ascii=False)[1:-1]
                a = pos[0]
                emit(e)
                if m is not None:
                    marks.append((a, pos[0], m))
            emit('"')
        elif isinstance(o, dict):
            emit("{")
            for k, (key, val) in enumerate(o.items()):
                if k:
                    emit(",")
                emit(json.dumps(key, ensure_ascii=False) + ":")
                go(val)
            emit("}")
        elif isinstance(o, list):
            emit("[")
            for k, val in enumerate(o):
                if k:
                    emit(",")
                go(val)
            emit("]")
        else:
            emit(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
    go(obj)
    return "".join(buf), marks


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


def summary_for(ctype, p, rng, turns):
    """LLM-written summary (written forms, punctuated as an LLM would)."""
    w = W()
    nm, f = w_name(p)
    w.t("Caller ").v(nm, "NAME", "same", f, p.first + " " + p.last, spoken=False)
    dt, f = w_date(p.dob, rng)
    w.t(" (DOB ").v(dt, "DOB", "same", f, p.dob.isoformat(), spoken=False).t(") ")
    w.t({"scheduling": "called to book a follow-up visit", "pharmacy": "requested a prescription refill",
         "insurance": "called to verify eligibility and benefits", "billing": "called about a hospital bill"}[ctype])
    if rng.random() < 0.6:
        ph, f = w_phone(p.phone, rng)
        w.t(". Callback number: ").v(ph, "PHONE", "same", f, p.phone, spoken=False)
    if rng.random() < 0.3:
        w.t(". Email on file: ").v(p.email, "EMAIL", "same", "written_email", p.email, spoken=False)
    if rng.random() < 0.3:
        w.t(". ZIP ").v(p.zip, "ZIP", "same", "written_zip", p.zip, spoken=False)
    if rng.random() < 0.25:
        w.t(". MRN ").v(p.mrn, "MRN", "same", "written_mrn", p.mrn, spoken=False)
    w.t(". Follow-up in ").n(rng.choice(["2 weeks", "3 months", "10 days"]), "duration").t(".")
    return w


def structured_for(p, rng):
    d = {}
    d["patient_name"] = Rich([(p.first.capitalize() + " " + p.last.capitalize(),
                               {"entity": "NAME", "spoken": False, "cue": "same", "form": "name_written_cap",
                                "value": p.first + " " + p.last})])
    d["date_of_birth"] = Rich([(p.dob.isoformat(), {"entity": "DOB", "spoken": False, "cue": "same",
                                                    "form": "written_iso", "value": p.dob.isoformat()})])
    if rng.random() < 0.6:
        d["callback_number"] = Rich([(p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                "form": "written_digits", "value": p.phone})])
    d["appointment_requested"] = rng.choice([True, False])
    return d


def role_text(turns, ra, rc, sep="\n"):
    """Whole transcript as one Rich: 'AI: ...\\nUser: ...'."""
    pieces = []
    for k, (role, r) in enumerate(turns):
        if k:
            pieces.append((sep, None))
        pieces.append(((ra if role == "a" else rc), None))
        pieces.extend(r.pieces())
    return Rich(pieces)


def utt_rich(r):
    return Rich(r.pieces())


def json_payload(profile, ctype, p, turns, rng):
    t0 = 1717000000 + rng.randint(0, 20000000)
    secs = 0.0
    times = []
    for role, r in turns:
        dur = round(0.4 + 0.32 * len(r.plain().split()), 2)
        times.append((round(secs, 2), round(secs + dur, 2)))
        secs += dur + round(rng.uniform(0.3, 1.6), 2)
    total = round(secs, 2)
    if profile == "vapi":
        msgs = [{"role": "system", "message": "you are a friendly phone assistant for a medical office keep answers short",
                 "time": t0 * 1000, "secondsFromStart": 0}]
        for (role, r), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if role == "a" else "user", "message": utt_rich(r),
                         "time": t0 * 1000 + int(a * 1000), "endTime": t0 * 1000 + int(b * 1000),
                         "secondsFromStart": a, "duration": int((b - a) * 1000)})
        msg = {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
               "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall", "status": "ended"}}
        if rng.random() < 0.6:
            msg["customer"] = {"number": Rich([("+1" + p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                                 "form": "written_e164", "value": p.phone})])}
        msg["startedAt"] = datetime.datetime.utcfromtimestamp(t0).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        msg["endedAt"] = datetime.datetime.utcfromtimestamp(t0 + int(total)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        msg["cost"] = round(rng.uniform(0.05, 0.6), 4)
        msg["transcript"] = role_text(turns, "AI: ", "User: ")
        msg["messages"] = msgs
        an = {"summary": Rich(summary_for(ctype, p, rng, turns).pieces())}
        if rng.random() < 0.5:
            an["structuredData"] = structured_for(p, rng)
        an["successEvaluation"] = rng.choice(["true", "false"])
        msg["analysis"] = an
        msg["recordingUrl"] = "https://storage.vapi.ai/%s-%d-mono.wav" % (uuid(rng), t0 * 1000)
        msg["durationSeconds"] = total
        return {"message": msg}
    if profile == "retell":
        call = {"call_type": "phone_call", "direction": "inbound", "call_id": "call_%032x" % rng.getrandbits(128),
                "agent_id": "agent_%024x" % rng.getrandbits(96), "call_status": "ended"}
        if rng.random() < 0.6:
            call["from_number"] = Rich([("+1" + p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                          "form": "written_e164", "value": p.phone})])
        call["start_timestamp"] = t0 * 1000
        call["end_timestamp"] = t0 * 1000 + int(total * 1000)
        call["disconnection_reason"] = rng.choice(["user_hangup", "agent_hangup"])
        call["transcript"] = role_text(turns, "Agent: ", "User: ")
        call["transcript_object"] = [{"role": "agent" if role == "a" else "user", "content": utt_rich(r)}
                                     for role, r in turns]
        call["call_analysis"] = {"call_summary": Rich(summary_for(ctype, p, rng, turns).pieces()),
                                 "user_sentiment": rng.choice(["Neutral", "Positive", "Negative"]),
                                 "call_successful": True, "in_voicemail": False}
        call["recording_url"] = "https://dxc03zgurdly9.cloudfront.net/%032x/recording.wav" % rng.getrandbits(128)
        return {"event": "call_analyzed", "call": call}
    if profile == "signalwire":
        log = [{"role": "system", "content": "you are the after hours line for a medical office"}]
        for (role, r), (a, b) in zip(turns, times):
            log.append({"role": "assistant" if role == "a" else "user", "content": utt_rich(r),
                        "timestamp": t0 * 1000000 + int(a * 1e6)})
        d = {"app_name": "clinic_line", "call_id": uuid(rng), "ai_session_id": uuid(rng),
             "call_start_date": t0 * 1000000, "call_end_date": (t0 + int(total)) * 1000000}
        if rng.random() < 0.5:
            d["caller_id_name"] = Rich([(("%s %s" % (p.last, p.first)).upper()[:15],
                                         {"entity": "NAME", "spoken": False, "cue": "same", "form": "cnam_upper",
                                          "value": p.first + " " + p.last})])
        if rng.random() < 0.7:
            d["caller_id_num"] = Rich([("+1" + p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                         "form": "written_e164", "value": p.phone})])
        d["post_prompt_data"] = {"raw": Rich(summary_for(ctype, p, rng, turns).pieces()), "parsed": []}
        d["call_log"] = log
        d["total_minutes"] = round(total / 60, 2)
        return d
    if profile == "deepgram":
        speaker = {"a": 0, "c": 1}
        utts = []
        for (role, r), (a, b) in zip(turns, times):
            utts.append({"start": a, "end": b, "confidence": round(rng.uniform(0.72, 0.99), 4), "channel": 0,
                         "transcript": utt_rich(r), "speaker": speaker[role], "id": uuid(rng)})
        whole = []
        for k, (role, r) in enumerate(turns):
            if k:
                whole.append((" ", None))
            whole.extend(r.pieces())
        mid = uuid(rng)
        return {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng),
                             "sha256": "%064x" % rng.getrandbits(256),
                             "created": datetime.datetime.utcfromtimestamp(t0).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                             "duration": total, "channels": 1, "models": [mid],
                             "model_info": {mid: {"name": "2-phonecall-nova", "version": "2024-01-09.29447",
                                                  "arch": "nova-2"}}},
                "results": {"channels": [{"alternatives": [{"transcript": Rich(whole),
                                                            "confidence": round(rng.uniform(0.8, 0.97), 4)}]}],
                            "utterances": utts}}
    # transcribe
    segs = []
    whole = []
    for k, ((role, r), (a, b)) in enumerate(zip(turns, times)):
        if k:
            whole.append((" ", None))
        whole.extend(r.pieces())
        segs.append({"id": k, "transcript": utt_rich(r), "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                     "speaker_label": "spk_%d" % (0 if role == "a" else 1)})
    return {"jobName": "clinic-call-%d" % rng.randint(100000, 999999), "accountId": str(rng.randint(10 ** 11, 10 ** 12 - 1)),
            "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": Rich(whole)}], "audio_segments": segs}}


PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]


def finalize(rid, fmt, kind, pieces_or_obj, profile=None):
    if fmt == "transcript":
        text = ""
        marks = []
        for s, m in pieces_or_obj:
            a = len(text)
            text += s
            if m is not None:
                marks.append((a, len(text), m))
    else:
        text, marks = serialize(pieces_or_obj)
    spans, negs = [], []
    for a, b, m in marks:
        sa = len(text[:a].encode("utf-8"))
        sb = sa + len(text[a:b].encode("utf-8"))
        if "entity" in m:
            d = {"start": sa, "end": sb, "entity": m["entity"], "spoken": m["spoken"], "cue": m["cue"],
                 "form": m["form"], "value": m["value"]}
            spans.append(d)
        else:
            negs.append({"start": sa, "end": sb, "what": m["what"]})
    rec = {"id": rid, "format": fmt}
    if profile:
        rec["profile"] = profile
    rec["kind"] = kind
    rec["text"] = text
    rec["spans"] = spans
    rec["negatives"] = negs
    return rec


def generate(seed, n):
    out = []
    for i in range(n):
        rng = random.Random("holdout42-%d-%d" % (seed, i))
        ctype, p, turns = make_dialogue(rng, i)
        # remove pieces with empty text
        for _, r in turns:
            r.p = [(s, m) for s, m in r.p if s]
        turns = [(role, r) for role, r in turns if r.p]
        turns = turns[:40]
        rid = "h42-%04d" % i
        if rng.random() < 0.43:
            prof = PROFILES[i % 5] if rng.random() < 0.7 else rng.choice(PROFILES)
            obj = json_payload(prof, ctype, p, turns, rng)
            out.append(finalize(rid, "json", "%s_raw_%s" % (prof, ctype), obj, prof))
        else:
            out.append(finalize(rid, "transcript", "raw_asr_%s" % ctype, pieces_transcript(turns, rng)))
    return out


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


# ----------------------------------------------------------------------------------------------
# Check


FILLERS = {"uh", "um", "dash"}
DIG = {"zero": "0", "oh": "0", "o": "0", "one": "1", "won": "1", "two": "2", "to": "2", "too": "2",
       "three": "3", "four": "4", "for": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
       "ate": "8", "nine": "9"}
TEENS = {w: str(10 + k) for k, w in enumerate(ONES[10:])}
TENW = {w: k for k, w in enumerate(TENS) if w}
REV_NATO = {v: k for k, v in NATO.items()}
REV_LH = {v: k for k, v in LETTER_HOMO.items()}


def parse_alnum(text, letters_ok=True):
    toks = text.split()
    out = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if w in FILLERS:
            i += 1
            continue
        if w in ("double", "triple") and i + 1 < len(toks):
            d = DIG.get(toks[i + 1])
            if d is None:
                return None
            out.append(d * (2 if w == "double" else 3))
            i += 2
            continue
        if w in TENW:
            if i + 1 < len(toks) and toks[i + 1] in DIG and DIG[toks[i + 1]] != "0" and toks[i + 1] not in ("oh", "o"):
                out.append(str(TENW[w]) + DIG[toks[i + 1]])
                i += 2
            else:
                out.append(str(TENW[w]) + "0")
                i += 1
            continue
        if w in TEENS:
            out.append(TEENS[w])
            i += 1
            continue
        if w == "ten":
            out.append("10")
            i += 1
            continue
        if w in DIG and not (letters_ok and w == "o" and False):
            out.append(DIG[w])
            i += 1
            continue
        if letters_ok:
            if len(w) == 1 and w.isalpha():
                if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
                    i += 4
                else:
                    i += 1
                out.append(w.upper())
                continue
            if w in REV_NATO:
                out.append(REV_NATO[w].upper())
                i += 1
                continue
            if w in REV_LH:
                out.append(REV_LH[w].upper())
                i += 1
                continue
        return None
    return "".join(out)


DATE_VOCAB = set(MONTHS) | set(ONES) | set(TENS[2:]) | set(ORD.values()) | {
    "the", "of", "uh", "um", "hundred", "thousand", "and", "oh", "to", "for", "ate", "won"}


def year_candidates(y):
    yy = y % 100
    c = [("oh " + ONES[yy]) if yy < 10 else card(yy)]
    if y < 2000:
        c.append(card(y // 100) + " " + c[0])
    elif y < 2010:
        c += ["two thousand " + ONES[yy], "two thousand and " + ONES[yy], "twenty oh " + ONES[yy]]
    else:
        c += ["twenty " + card(yy), "two thousand " + card(yy)]
    return c


def value_ok(ent, val, frm):
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", val))
    if ent == "SSN":
        if frm.startswith("last4"):
            return bool(re.fullmatch(r"\d{4}", val)) and val != "0000"
        return (bool(re.fullmatch(r"\d{9}", val)) and val[:3] not in ("000", "666") and val[0] != "9"
                and val[3:5] != "00" and val[5:] != "0000")
    if ent == "CARD":
        return bool(re.fullmatch(r"\d{15,16}", val)) and luhn_ok(val) and (
            (len(val) == 15 and val[:2] in ("34", "37")) or (len(val) == 16 and val[0] in "456"))
    if ent == "NPI":
        return bool(re.fullmatch(r"[12]\d{9}", val)) and luhn_ok("80840" + val)
    if ent == "MBI":
        return bool(MBI_RE.match(val))
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(val)
        except ValueError:
            return False
        return 1920 <= d.year <= 2025
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}(-\d{4})?", val)) and val[:5] != "00000"
    if ent == "MRN":
        return bool(re.fullmatch(r"[A-Z]?\d{7,9}", val))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z0-9]{9,13}", val)) and sum(c.isdigit() for c in val) >= 8
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._]+@[a-z]+\.(com|net)", val))
    if ent in ("NAME", "CITY", "STREET"):
        return bool(val) and not any(c.isdigit() for c in val if ent != "STREET")
    return False


def render_ok(ent, val, frm, s, spoken):
    """Does the span text render the value?"""
    if not spoken:
        if ent in ("PHONE", "ZIP", "MRN", "SSN"):
            return re.sub(r"\D", "", s).endswith(re.sub(r"\D", "", val)) or re.sub(r"[^0-9A-Z]", "", s) == val
        if ent in ("DOB", "DATE"):
            d = datetime.date.fromisoformat(val)
            return s in (d.strftime("%m/%d/%Y"), d.isoformat(), "%s %d, %d" % (calendar.month_name[d.month], d.day, d.year))
        if ent == "EMAIL":
            return s == val
        if ent == "NAME":
            if frm == "cnam_upper":
                f, l = val.split()
                return s == ("%s %s" % (l, f)).upper()[:15]
            return s.lower().replace(" ", "") == val.replace(" ", "") or sorted(s.lower().split()) == sorted(val.split())
        return True
    if ent in ("PHONE", "SSN", "CARD", "ZIP", "MRN", "NPI", "MEMBER_ID", "MBI"):
        got = parse_alnum(s)
        if got is None:
            return False
        want = val.replace("-", "")
        if frm.endswith("_partial_head"):
            return want.startswith(got) and got
        if frm.endswith("_partial_tail"):
            return want.endswith(got) and got
        return got == want
    if ent in ("DOB", "DATE"):
        toks = s.split()
        d = datetime.date.fromisoformat(val)
        if not all(t in DATE_VOCAB for t in toks):
            return False
        if "noyear" in frm:
            return True
        return any(s.endswith(y) for y in year_candidates(d.year))
    if ent == "NAME":
        if frm.startswith("spelled"):
            letters = []
            toks = s.split()
            i = 0
            while i < len(toks):
                w = toks[i]
                if w in ("uh", "um"):
                    i += 1
                    continue
                if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
                    letters.append(w)
                    i += 4
                    continue
                letters.append(REV_NATO.get(w, REV_LH.get(w, w)))
                i += 1
            return "".join(letters) == val.replace(" ", "")
        flat = s.replace(" ", "")
        return flat == val.replace(" ", "") or s in SURNAME_SPLIT.values() or any(
            s == val.split()[0] + " " + SURNAME_SPLIT.get(val.split()[-1], "") for _ in [0]) or s == val.split()[-1]
    if ent == "EMAIL":
        toks = s.split()
        out = []
        i = 0
        while i < len(toks):
            w = toks[i]
            if w == "dot":
                out.append(".")
            elif w == "at":
                out.append("@")
            elif w == "underscore":
                out.append("_")
            elif w in TENW:
                if i + 1 < len(toks) and toks[i + 1] in DIG:
                    out.append(str(TENW[w]) + DIG[toks[i + 1]])
                    i += 1
                else:
                    out.append(str(TENW[w]) + "0")
            elif w in TEENS:
                out.append(TEENS[w])
            elif w in ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
                out.append(DIG[w])
            else:
                out.append(w)
            i += 1
        return "".join(out) == val
    if ent == "CITY":
        return s == val
    if ent == "STREET":
        return val.split()[-1] in s or True
    return True


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s: duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d lines" % (rid, len(lines)))
            for ln in lines:
                if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_0-9]+\]|[A-Za-z_0-9]+:) \S", ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
            if text.endswith("\n"):
                errs.append("%s: trailing newline" % rid)
        elif r["format"] == "json":
            if r.get("profile") not in PROFILES:
                errs.append("%s: profile" % rid)
            try:
                obj = json.loads(text)
            except ValueError as e:
                errs.append("%s: json %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact json" % rid)
            # string ranges (byte offsets)
            import importlib  # noqa: F401  (standard library only)
            ranges = string_ranges(text)
        else:
            errs.append("%s: format" % rid)
        items = []
        for s in r["spans"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s: span range" % rid)
                continue
            seg = b[a:z].decode("utf-8")
            if seg != seg.strip() or not seg:
                errs.append("%s: span whitespace %r" % (rid, seg))
            if s["cue"] not in ("same", "prev", "none"):
                errs.append("%s: cue" % rid)
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
                                   "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if not value_ok(s["entity"], s["value"], s["form"]):
                errs.append("%s: invalid value %s %r" % (rid, s["entity"], s["value"]))
            if not render_ok(s["entity"], s["value"], s["form"], seg, s["spoken"]):
                errs.append("%s: span %s %r does not render %r" % (rid, s["entity"], seg, s["value"]))
            if s["spoken"] and (seg != seg.lower() or re.search(r"[.,?!]", seg) and s["entity"] != "EMAIL"):
                errs.append("%s: spoken span not raw %r" % (rid, seg))
            items.append((a, z, "span"))
            if r["format"] == "json":
                if not any(x <= a and z <= y for x, y in ranges):
                    errs.append("%s: span outside string" % rid)
        for n in r["negatives"]:
            a, z = n["start"], n["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s: neg range" % rid)
                continue
            seg = b[a:z].decode("utf-8")
            if seg != seg.strip():
                errs.append("%s: neg whitespace %r" % (rid, seg))
            items.append((a, z, "neg"))
        items.sort()
        for (a1, z1, _), (a2, z2, _) in zip(items, items[1:]):
            if a2 < z1:
                errs.append("%s: overlap at %d" % (rid, a2))
        # word boundaries
        for a, z, _ in items:
            if a > 0 and (chr(b[a - 1]).isalnum()) or z < len(b) and chr(b[z]).isalnum():
                errs.append("%s: span/neg cuts a word at %d-%d" % (rid, a, z))
    return errs


def string_ranges(text):
    """Byte ranges of the contents of every JSON string value (not keys)."""
    b = text.encode("utf-8")
    out = []
    i = 0
    n = len(b)
    stack = []
    expect_key = False
    while i < n:
        c = b[i:i + 1]
        if c == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            k = j + 1
            while k < n and b[k:k + 1] in b" ":
                k += 1
            is_key = stack and stack[-1] == "{" and b[k:k + 1] == b":"
            if not is_key:
                out.append((i + 1, j))
            i = j + 1
            continue
        if c in (b"{", b"["):
            stack.append(c.decode())
        elif c in (b"}", b"]"):
            stack.pop()
        i += 1
    return out


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    for r in records:
        fmt[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records: %d (%s)" % (len(records), ", ".join("%s%s %d" % (f, ("/" + p) if p else "", k)
                                                            for (f, p), k in sorted(fmt.items())))]
    ents = sorted({e for e, _, _ in c})
    lines.append("%-10s %6s | %-26s | %-26s" % ("entity", "total", "spoken same/prev/none", "written same/prev/none"))
    tot = 0
    for e in ents:
        sp = [c[(e, "spoken", k)] for k in ("same", "prev", "none")]
        wr = [c[(e, "written", k)] for k in ("same", "prev", "none")]
        t = sum(sp) + sum(wr)
        tot += t
        lines.append("%-10s %6d | %3d spoken: %3d/%3d/%3d  | %3d written: %3d/%3d/%3d" % (
            e, t, sum(sp), sp[0], sp[1], sp[2], sum(wr), wr[0], wr[1], wr[2]))
    lines.append("spans total: %d" % tot)
    lines.append("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    lines.append("forms: %d distinct" % len(forms))
    for e in ents:
        fs = sorted(((k, f) for (en, f), k in forms.items() if en == e), key=lambda x: (-x[0], x[1]))
        lines.append("  %s: %s" % (e, ", ".join("%s %d" % (f, k) for k, f in fs)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=N_RECORDS)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for f in a.check:
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        recs.append(json.loads(line))
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        if errs:
            print("%d errors" % len(errs))
            sys.exit(1)
        print("check: OK (%d records)" % len(recs))
        return
    recs = generate(a.seed, a.n)
    if a.stats:
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        return
    sys.stdout.write("".join(dumps(r) + "\n" for r in recs))


if __name__ == "__main__":
    main()
