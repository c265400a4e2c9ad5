#!/usr/bin/env python3
"""holdout32: spoken-PHI corpus for behavioral-health / substance-use intake lines,
crisis-line follow-up callbacks and psychiatric medication refill calls.

Python 3 standard library only; deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout32.py [--seed 3232] [--n 150] > holdout32.jsonl
  python3 gen_holdout32.py --stats                  # counts for the default seed
  python3 gen_holdout32.py --check holdout32.jsonl  # re-validate a file (+ stats)
"""
import argparse
import collections
import csv
import json
import os
import random
import re
import sys

DEFAULT_SEED = 3232
ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME"]
NEG_WHAT = ["dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
            "appointment_date", "year", "weight", "height", "lab_value", "vital_sign",
            "step_count", "confirmation_number", "order_number", "emergency_number",
            "menu_option", "common_word"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]

# ---------------------------------------------------------------- number words
ONES = "zero one two three four five six seven eight nine".split()
TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
         "nineteen").split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
MONTHS = ["", "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
        "g": "george", "h": "henry", "j": "john", "k": "king", "m": "mary", "n": "nancy",
        "p": "paul", "q": "queen", "r": "robert", "t": "tom", "u": "umbrella", "v": "victor",
        "w": "william", "x": "x-ray", "y": "yellow"}


def card(n):
    """Cardinal words for 0 <= n < 10000."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        r = n % 100
        return ONES[n // 100] + " hundred" + ("" if r == 0 else " " + card(r))
    r = n % 1000
    return card(n // 1000) + " thousand" + ("" if r == 0 else " " + card(r))


def dw(d, zero="zero"):
    return zero if d == "0" else ONES[int(d)]


def digits_single(s, zero="zero", doubles=False, rng=None):
    out = []
    i = 0
    while i < len(s):
        if doubles and i + 2 < len(s) + 0 and s[i:i + 3] == s[i] * 3 and len(s) >= 3:
            out.append("triple " + dw(s[i], zero))
            i += 3
            continue
        if doubles and i + 1 < len(s) and s[i + 1] == s[i]:
            out.append("double " + dw(s[i], zero))
            i += 2
            continue
        out.append(dw(s[i], zero))
        i += 1
    return " ".join(out)


def pair_word(p, zero="oh", final=True):
    """Two digits as a spoken pair; round tens only at the end of a value (no ambiguity)."""
    a, b = p[0], p[1]
    if a == "0":
        return zero + " " + dw(b, zero)
    if a == "1":
        return TEENS[int(b)]
    if b == "0" and not final:
        return ONES[int(a)] + " " + zero
    return TENS[int(a)] + ("" if b == "0" else " " + ONES[int(b)])


def digits_pairs(s, zero="oh", final=True):
    out = []
    i = 0
    if len(s) % 2 == 1:
        out.append(dw(s[0], zero))
        i = 1
    while i < len(s):
        out.append(pair_word(s[i:i + 2], zero, final=(final and i + 2 >= len(s))))
        i += 2
    return " ".join(out)


def year_words(y, rng):
    if 1900 <= y < 2000:
        return "nineteen " + pair_word(str(y)[2:], "oh")
    if 2000 <= y < 2010:
        return rng.choice(["two thousand ", "two thousand and "]) + ONES[y - 2000] if y > 2000 \
            else "two thousand"
    return "twenty " + pair_word(str(y)[2:], "oh")


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


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


# ---------------------------------------------------------------- fictitious people
FIRST = ["Dana", "Marcus", "Keisha", "Tyler", "Rosa", "Andre", "Brittany", "Caleb", "Imani",
         "Travis", "Lucia", "Devon", "Hannah", "Jamal", "Kayla", "Miguel", "Shannon", "Trevor",
         "Adaeze", "Nikolai", "Priya", "Darnell", "Yesenia", "Colton", "Latoya", "Ezra",
         "Mariah", "Quinn", "Stephanie", "Wesley", "Tanisha", "Ruben", "Autumn", "Dustin",
         "Fatima", "Gordon", "Ileana", "Jonah", "Kendra", "Lamar"]
LAST = ["Reyes", "Whitaker", "Okafor", "Brennan", "Castillo", "Dupree", "Halvorsen", "Jenkins",
        "Kowalski", "Lindqvist", "Moreno", "Nakamura", "Oyelaran", "Pruitt", "Quintero",
        "Rasmussen", "Sandoval", "Thibodeaux", "Underwood", "Vasquez", "Wojcik", "Yazzie",
        "Zamora", "Abernathy", "Beaulieu", "Carmichael", "Delgado", "Esposito", "Fairbanks",
        "Gallagher", "Hollister", "Iverson", "McAllister", "Petrosyan", "Tran", "Nguyen",
        "Sullivan", "Washington", "Begay", "Kaur"]
STAFF = ["Kelsey", "Jordan", "Bri", "Marisol", "Owen", "Tasha", "Reggie", "Nora", "Felix",
         "Renee", "Sam", "Alana", "Desmond", "Ingrid"]
PROVIDERS = ["Patel", "Abernethy", "Osei", "Lindgren", "Chaudhry", "Fontaine", "Mbeki",
             "Hargrove", "Saldana", "Whitcomb"]
STREETS = ["Maple", "Cedar", "Pine Ridge", "Elm", "Lakeview", "Sycamore", "Harrison", "Juniper",
           "Alder", "Willow Creek", "Ridgeway", "Fulton", "Magnolia", "Chestnut", "Orchard"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way")]
# city, state, zip prefix, area code
PLACES = [("Tacoma", "Washington", "984", "253"), ("Spokane", "Washington", "992", "509"),
          ("Eugene", "Oregon", "974", "541"), ("Boise", "Idaho", "837", "208"),
          ("Pueblo", "Colorado", "810", "719"), ("Albuquerque", "New Mexico", "871", "505"),
          ("Tulsa", "Oklahoma", "741", "918"), ("Dayton", "Ohio", "454", "937"),
          ("Scranton", "Pennsylvania", "185", "570"), ("Worcester", "Massachusetts", "016", "508"),
          ("Knoxville", "Tennessee", "379", "865"), ("Macon", "Georgia", "312", "478"),
          ("Duluth", "Minnesota", "558", "218"), ("Flagstaff", "Arizona", "860", "928"),
          ("Huntington", "West Virginia", "257", "304"), ("Bangor", "Maine", "044", "207"),
          ("Fresno", "California", "937", "559"), ("Lansing", "Michigan", "489", "517")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "proton.me",
           "aol.com", "comcast.net"]
MEDS = [("sertraline", [25, 50, 100, 150]), ("fluoxetine", [10, 20, 40]),
        ("bupropion", [150, 300]), ("escitalopram", [5, 10, 20]), ("quetiapine", [25, 50, 100]),
        ("lamotrigine", [25, 100, 200]), ("lithium", [300, 600]), ("aripiprazole", [2, 5, 10]),
        ("buprenorphine", [2, 8, 16]), ("naltrexone", [50]), ("hydroxyzine", [25, 50]),
        ("trazodone", [50, 100]), ("mirtazapine", [15, 30]), ("venlafaxine", [75, 150])]
MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


class Person:
    def __init__(self, rng):
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        y = rng.randint(1952, 2006)
        m = rng.randint(1, 12)
        d = rng.randint(1, MDAYS[m])
        self.dob = (y, m, d)
        self.city, self.state, zp, self.area = rng.choice(PLACES)
        self.zip = zp + "%02d" % rng.randint(1, 99)
        self.phone = self.area + "555" + "01" + "%02d" % rng.randint(0, 99)
        while True:
            a = rng.randint(1, 899)
            if a == 666:
                continue
            s = "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))
            if s not in ("078051120", "123456789", "219099999"):
                break
        self.ssn = s
        num = rng.choice([rng.randint(100, 999), rng.randint(1000, 9899), rng.randint(10, 99)])
        self.house = str(num)
        self.street = rng.choice(STREETS)
        self.suffix = rng.choice(SUFFIX)
        self.unit = rng.choice([None, None, str(rng.randint(1, 9)) + rng.choice("ABCD"),
                                str(rng.randint(100, 412))])
        kind = rng.randint(0, 2)
        if kind == 0:
            self.mrn = "%08d" % rng.randint(10000000, 99999999)
        elif kind == 1:
            self.mrn = rng.choice(["BH", "RC", "MH", "TX"]) + "%06d" % rng.randint(100000, 999999)
        else:
            self.mrn = "%07d" % rng.randint(1000000, 9999999)
        mk = rng.randint(0, 2)
        if mk == 0:
            self.member = rng.choice(["XGH", "JQW", "YRM", "KHP"]) + "%09d" % rng.randint(0, 10**9 - 1)
        elif mk == 1:
            self.member = "W" + "%09d" % rng.randint(10**8, 10**9 - 1)
        else:
            self.member = rng.choice(["MA", "MC", "CH"]) + "%08d" % rng.randint(10**7, 10**8 - 1)
        c = [str(rng.randint(1, 9)), rng.choice(MBI_LET), rng.choice(MBI_LET + "0123456789"),
             str(rng.randint(0, 9)), rng.choice(MBI_LET), rng.choice(MBI_LET + "0123456789"),
             str(rng.randint(0, 9)), rng.choice(MBI_LET), rng.choice(MBI_LET),
             str(rng.randint(0, 9)), str(rng.randint(0, 9))]
        self.mbi = "".join(c)
        ct = rng.randint(0, 5)
        if ct <= 2:
            self.card = luhn_complete("4" + "".join(str(rng.randint(0, 9)) for _ in range(14)))
        elif ct == 3:
            self.card = luhn_complete("5" + str(rng.randint(1, 5)) +
                                      "".join(str(rng.randint(0, 9)) for _ in range(13)))
        elif ct == 4:
            self.card = luhn_complete("6011" + "".join(str(rng.randint(0, 9)) for _ in range(11)))
        else:
            self.card = luhn_complete(rng.choice(["34", "37"]) +
                                      "".join(str(rng.randint(0, 9)) for _ in range(12)))
        local = rng.choice(["{f}.{l}", "{f0}{l}{yy}", "{l}.{f}", "{f}{l0}{n}", "{f}_{l}",
                            "{f}{yy}"])
        self.email = local.format(f=self.first.lower(), l=self.last.lower(),
                                  f0=self.first[0].lower(), l0=self.last[0].lower(),
                                  yy=str(y)[2:], n=str(rng.randint(1, 99))) + "@" + rng.choice(DOMAINS)
        self.npi = luhn_check_npi(rng.choice("12") + "".join(str(rng.randint(0, 9)) for _ in range(8)))
        self.agent = rng.choice(STAFF)
        self.provider = rng.choice(PROVIDERS)
        self.relative = (rng.choice(FIRST), rng.choice(["mom", "sister", "brother", "husband",
                                                        "wife", "partner", "sponsor"]))
        self.med, doses = rng.choice(MEDS)
        self.dose = rng.choice(doses)
        self.age = 2024 - y


def luhn_check_npi(body9):
    for c in "0123456789":
        if luhn_ok("80840" + body9 + c):
            return body9 + c
    raise AssertionError


# ---------------------------------------------------------------- record context / markers
MK_RE = re.compile("\ue000(\\d+)\ue002(.*?)\ue001", re.S)


class Ctx:
    def __init__(self):
        self.ann = []

    def v(self, text, entity, spoken, cue, form):
        self.ann.append(("span", entity, spoken, cue, form))
        return "\ue000%d\ue002%s\ue001" % (len(self.ann) - 1, text)

    def n(self, text, what):
        self.ann.append(("neg", what))
        return "\ue000%d\ue002%s\ue001" % (len(self.ann) - 1, text)

    def finalize(self, marked):
        out = []
        blen = 0
        spans, negs = [], []
        pos = 0
        for m in MK_RE.finditer(marked):
            pre = marked[pos:m.start()]
            out.append(pre)
            blen += len(pre.encode("utf-8"))
            inner = m.group(2)
            a = self.ann[int(m.group(1))]
            s, e = blen, blen + len(inner.encode("utf-8"))
            if a[0] == "span":
                spans.append({"start": s, "end": e, "entity": a[1], "spoken": a[2], "cue": a[3],
                              "form": a[4]})
            else:
                negs.append({"start": s, "end": e, "what": a[1]})
            out.append(inner)
            blen = e
            pos = m.end()
        out.append(marked[pos:])
        text = "".join(out)
        assert "\ue000" not in text and "\ue001" not in text and "\ue002" not in text
        return text, spans, negs


def plainify(turn, ctx):
    """AWS/Google style outside annotated pieces: lowercase, no punctuation."""
    parts = []
    pos = 0
    for m in MK_RE.finditer(turn):
        parts.append(_plain(turn[pos:m.start()]))
        if ctx.ann[int(m.group(1))][0] == "neg":
            parts.append("\ue000%s\ue002%s\ue001" % (m.group(1), m.group(2).lower()))
        else:
            parts.append(m.group(0))
        pos = m.end()
    parts.append(_plain(turn[pos:]))
    s = "".join(parts)
    s = re.sub(" {2,}", " ", s)
    return s.strip()


def _plain(s):
    s = s.lower().replace("—", " ").replace("...", " ")
    s = re.sub(r"[.,?!;:\"()]", "", s)
    return re.sub(" {2,}", " ", s)


# ---------------------------------------------------------------- value renderers
# Each returns (text, spoken, form). W = whisper-like (punctuated, partly numerals),
# P = plain (AWS Transcribe / Google STT: lowercase words, no punctuation).

def sep(W, rng, strong=False):
    if W:
        return rng.choice([", ", ", ", "... ", " "]) if not strong else rng.choice([", ", "... "])
    return " "


def fill(rng, p=0.3):
    return rng.choice(["uh ", "um ", "uh ", "er "]) if rng.random() < p else ""


def r_phone(p, W, rng, mode=None):
    a, x, l = p.phone[:3], p.phone[3:6], p.phone[6:]
    zero = rng.choice(["oh", "zero", "o"]) if not W else rng.choice(["oh", "zero"])
    opts = ["words", "words", "pairs", "triple", "filler", "selfcorrect", "lead1"]
    if W:
        opts += ["mixed", "mixed", "dash", "paren", "pause"]
    mode = mode or rng.choice(opts)
    s1 = sep(W, rng)
    if mode == "words":
        t = digits_single(a, zero) + s1 + digits_single(x, zero) + s1 + digits_single(l, zero)
        return t, True, "digits_%s_%s" % (zero, "comma" if "," in s1 else "space")
    if mode == "pairs":
        t = digits_single(a, zero) + s1 + digits_single(x, zero) + s1 + digits_pairs(l, zero)
        return t, True, "digits_last4_pairs"
    if mode == "triple":
        t = digits_single(a, zero) + s1 + "triple five" + s1 + digits_single(l, zero)
        return t, True, "digits_triple_five"
    if mode == "filler":
        t = (digits_single(a, zero) + " " + rng.choice(["uh", "um"]) + " " + digits_single(x, zero)
             + " " + rng.choice(["uh", "um", "let me see"]) + " " + digits_single(l, zero))
        return t, True, "digits_fillers"
    if mode == "selfcorrect":
        wrong = str((int(a[1]) + rng.choice([1, 2, 7])) % 10)
        fs = dw(a[0], zero) + " " + dw(wrong, zero)
        corr = rng.choice(["— sorry, ", "— no, ", "... wait, ", "— I mean "]) if W else \
            rng.choice([" sorry ", " no ", " wait ", " i mean "])
        t = fs + corr + digits_single(a, zero) + s1 + digits_single(x, zero) + s1 + \
            digits_single(l, zero)
        return t, True, "digits_selfcorrect"
    if mode == "lead1":
        t = "one" + s1 + digits_single(a, zero) + s1 + digits_single(x, zero) + s1 + \
            digits_single(l, zero)
        return t, True, "digits_lead_one"
    if mode == "mixed":
        return digits_single(a, zero) + ", " + x + "-" + l, True, "mixed_words_area_numerals"
    if mode == "dash":
        return a + "-" + x + "-" + l, False, "numerals_dash"
    if mode == "paren":
        return "(" + a + ") " + x + "-" + l, False, "numerals_paren"
    if mode == "pause":
        return a + "... " + x + "... " + l, False, "numerals_pauses"
    raise ValueError(mode)


def phone_parts(p, W, rng):
    zero = rng.choice(["oh", "zero"])
    return [digits_single(p.phone[:3], zero), digits_single(p.phone[3:6], zero),
            rng.choice([digits_single(p.phone[6:], zero), digits_pairs(p.phone[6:], zero)])]


def r_ssn(p, W, rng, mode=None):
    s = p.ssn
    g = [s[:3], s[3:5], s[5:]]
    zero = rng.choice(["oh", "zero"])
    opts = ["words", "words", "pairs", "filler", "restart"]
    if W:
        opts += ["dash", "mixed", "space_num"]
    mode = mode or rng.choice(opts)
    s1 = sep(W, rng)
    if mode == "words":
        return s1.join(digits_single(x, zero) for x in g), True, "digits_3_2_4"
    if mode == "pairs":
        return (digits_single(g[0], zero) + s1 + pair_word(g[1], zero, final=False) + s1 +
                digits_pairs(g[2], zero)), True, "digits_groups_pairs"
    if mode == "filler":
        return (digits_single(g[0], zero) + " uh " + digits_single(g[1], zero) + " " +
                rng.choice(["um", "uh", "hold on"]) + " " + digits_single(g[2], zero)), True, \
            "digits_fillers"
    if mode == "restart":
        fs = dw(g[0][0], zero) + " " + dw(g[0][1], zero)
        rs = ("... " if W else " ") + rng.choice(["sorry", "hang on", "let me start over"]) + \
            (", " if W else " ")
        return fs + rs + s1.join(digits_single(x, zero) for x in g), True, "digits_restart"
    if mode == "dash":
        return "-".join(g), False, "numerals_dash"
    if mode == "space_num":
        return " ".join(g), False, "numerals_space"
    if mode == "mixed":
        return digits_single(g[0], zero) + ", " + g[1] + ", " + g[2], True, "mixed_words_numerals"
    raise ValueError(mode)


def r_last4(p, W, rng):
    l = p.ssn[5:]
    zero = rng.choice(["oh", "zero"])
    opts = ["single", "pairs", "double"]
    if W:
        opts += ["num"]
    m = rng.choice(opts)
    if m == "single":
        return digits_single(l, zero), True, "last4_words"
    if m == "pairs":
        return digits_pairs(l, zero), True, "last4_pairs"
    if m == "double":
        t = digits_single(l, zero, doubles=True)
        return t, True, "last4_words_double" if ("double" in t or "triple" in t) else "last4_words"
    return l, False, "last4_digits"


def r_date(date, W, rng, with_year=True, mode=None):
    y, m, d = date
    opts = ["month_ord", "month_ord_yy", "the_d_of_m", "num_md_yy", "num_oh", "month_card"]
    if not with_year:
        opts = ["month_ord", "the_d_of_m", "month_card"]
    if W:
        opts += ["written_long", "written_slash", "mixed_month_numyear"] if with_year else \
            ["written_long"]
    if with_year:
        opts += ["digits8"] if not W else []
    mode = mode or rng.choice(opts)
    mon = MONTHS[m] if not W else MONTHS[m].capitalize()
    yw = year_words(y, rng)
    yy = pair_word(str(y)[2:], "oh")
    c = ", " if W else " "
    if mode == "month_ord":
        t = mon + " " + ORD[d] + ((c + yw) if with_year else "")
        return t, True, "month_ord_full" if with_year else "month_ord_noyear"
    if mode == "month_ord_yy":
        return mon + " " + ORD[d] + c + yy, True, "month_ord_yy"
    if mode == "the_d_of_m":
        t = "the " + ORD[d] + " of " + mon + ((c + yw) if with_year else "")
        return t, True, "the_d_of_m_full" if with_year else "the_d_of_m_noyear"
    if mode == "month_card":
        t = mon + " " + card(d) + ((" " + yw) if with_year else "")
        return t, True, "month_cardinal_full" if with_year else "month_cardinal_noyear"
    if mode == "num_md_yy":
        return card(m) + " " + card(d) + " " + yy, True, "num_mdy_nolead_yy"
    if mode == "num_oh":
        z = rng.choice(["oh", "zero"])
        mm = "%02d" % m
        dd = "%02d" % d
        return (pair_word(mm, z) + " " + pair_word(dd, z) + " " + yw), True, "num_mdy_lead_full"
    if mode == "digits8":
        return digits_single("%02d%02d%04d" % (m, d, y), rng.choice(["zero", "oh"])), True, \
            "digits_mmddyyyy"
    if mode == "written_long":
        suf = "th" if d in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        t = MONTHS[m].capitalize() + " " + str(d) + rng.choice([suf, ""])
        return (t + ", " + str(y)) if with_year else t, False, \
            "written_mdy_long" if with_year else "written_md_long"
    if mode == "written_slash":
        if rng.random() < 0.5:
            return "%02d/%02d/%04d" % (m, d, y), False, "written_mdy_slash_full"
        return "%d/%d/%s" % (m, d, str(y)[2:]), False, "written_mdy_slash_short"
    if mode == "mixed_month_numyear":
        return mon + " " + ORD[d] + ", " + str(y), True, "month_ord_numyear"
    raise ValueError(mode)


def date_written(date, rng):
    y, m, d = date
    k = rng.randint(0, 2)
    if k == 0:
        return "%02d/%02d/%04d" % (m, d, y), "written_mdy_slash_full"
    if k == 1:
        return "%s %d, %d" % (MONTHS[m].capitalize(), d, y), "written_mdy_long"
    return "%04d-%02d-%02d" % (y, m, d), "written_iso"


def spell_letters(word, W, rng, mode=None):
    w = word.lower()
    mode = mode or rng.choice(["space", "dash", "nato", "asin"] if W else ["space", "nato", "asin"])
    if mode == "space":
        return " ".join(w if not W else w.upper()), "spelled_space"
    if mode == "dash":
        return "-".join(w.upper()), "spelled_dash"
    if mode == "nato":
        return " ".join(NATO[ch] for ch in w), "spelled_nato"
    out = []
    for ch in w:
        if ch in ASIN:
            out.append((ch.upper() if W else ch) + " as in " + ASIN[ch])
        else:
            out.append(ch.upper() if W else ch)
    return (", " if W else " ").join(out), "spelled_as_in"


def r_alnum(val, W, rng, zero=None):
    """Letters + digits (MRN, member id, MBI)."""
    zero = zero or rng.choice(["zero", "oh"])
    lets = re.match(r"[A-Z]*", val).group(0)
    mode = rng.choice(["single", "asin", "pairs"] + (["written", "mixed"] if W else ["nato"]))
    if not re.fullmatch(r"[A-Z]*\d+", val):      # interleaved (MBI)
        mode = rng.choice(["single", "asin", "nato"] + (["written", "written_dash"] if W else []))
        toks = []
        for ch in val:
            if ch.isdigit():
                toks.append(dw(ch, "zero"))
            elif mode == "nato":
                toks.append(NATO[ch.lower()])
            elif mode == "asin" and ch.lower() in ASIN:
                toks.append((ch if W else ch.lower()) + " as in " + ASIN[ch.lower()])
            else:
                toks.append(ch if W else ch.lower())
        if mode == "written":
            return val, False, "written_compact"
        if mode == "written_dash":
            return val[:4] + "-" + val[4:7] + "-" + val[7:], False, "written_dash"
        return (", " if (W and mode == "asin") else " ").join(toks), True, "alnum_" + mode
    digs = val[len(lets):]
    lw = spell_letters(lets, W, rng, "asin" if mode == "asin" else
                       ("nato" if mode == "nato" else "space"))[0] if lets else ""
    if mode == "written":
        return val if rng.random() < 0.5 else (lets + "-" + digs if lets else digs), False, \
            "written_compact"
    if mode == "mixed":
        return ((lets + " " if lets else "") + digits_single(digs, zero)), True, \
            "alnum_letters_digitwords" if lets else "digits_single"
    if mode == "pairs":
        dws = digits_pairs(digs, zero)
    else:
        dws = digits_single(digs, zero)
    joiner = ", " if W and lets and mode == "asin" else " "
    if not lets:
        return dws, True, "digits_pairs" if mode == "pairs" else "digits_single"
    return lw + joiner + dws, True, "alnum_" + mode


def r_zip(p, W, rng):
    z = p.zip
    zero = rng.choice(["zero", "oh", "o"])
    opts = ["single", "single", "pairs_tail", "split"]
    if W:
        opts += ["num", "num"]
    m = rng.choice(opts)
    if m == "single":
        return digits_single(z, zero), True, "digits_%s" % zero
    if m == "pairs_tail":
        return digits_single(z[:3], zero) + " " + pair_word(z[3:], zero), True, "digits_pair_tail"
    if m == "split":
        return digits_single(z[:2], zero) + ("... " if W else " ") + digits_single(z[2:], zero), \
            True, "digits_split_pause"
    return z, False, "numerals"


def r_card(p, W, rng):
    c = p.card
    g = [c[:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]
    zero = rng.choice(["zero", "oh"])
    opts = ["words", "words", "filler"] + (["written", "mixed"] if W else [])
    m = rng.choice(opts)
    s1 = sep(W, rng, strong=True)
    if m == "words":
        return s1.join(digits_single(x, zero) for x in g), True, "digits_groups"
    if m == "filler":
        return (" " + rng.choice(["uh", "um"]) + " ").join(digits_single(x, zero) for x in g), \
            True, "digits_groups_fillers"
    if m == "written":
        return " ".join(g), False, "numerals_groups"
    return digits_single(g[0], zero) + ", " + " ".join(g[1:]), True, "mixed_words_numerals"


def card_groups(p):
    c = p.card
    return [c[:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]


def r_email(p, W, rng):
    e = p.email
    local, dom = e.split("@")
    dname, tld = dom.rsplit(".", 1)

    def spoken_local(spell):
        out = []
        for tok in re.split(r"([._])", local):
            if tok == ".":
                out.append("dot")
            elif tok == "_":
                out.append("underscore")
            elif tok.isdigit():
                out.append(digits_single(tok) if rng.random() < 0.5 else pair_word(tok) if
                           len(tok) == 2 else digits_single(tok))
            else:
                m = re.match(r"([a-z]+)(\d*)", tok)
                w, n = m.group(1), m.group(2)
                out.append(" ".join(w) if spell else w)
                if n:
                    out.append(digits_single(n) if len(n) != 2 else pair_word(n))
        return " ".join(out)

    opts = ["spoken", "spoken", "spelled"] + (["written", "written", "half"] if W else [])
    m = rng.choice(opts)
    if m == "written":
        return e, False, "written"
    if m == "half":
        return local + " at " + dname + "." + tld, True, "half_at_word"
    spell = m == "spelled"
    t = spoken_local(spell) + " at " + dname + " dot " + tld
    if W and rng.random() < 0.3:
        t = t.replace(" dot " + tld, "." + tld)
    return t, True, "email_spelled" if spell else "email_words"


def r_street(p, W, rng):
    h = p.house
    sfx = p.suffix[0]
    if W and rng.random() < 0.5:
        t = h + " " + p.street + " " + (p.suffix[1] if rng.random() < 0.4 else sfx)
        if p.unit:
            t += rng.choice([", Apt ", ", Apartment ", " #", ", Unit "]) + p.unit
        return t, False, "written_num" + ("_unit" if p.unit else "")
    if len(h) == 4 and rng.random() < 0.6:
        hw = pair_word(h[:2], final=False) + " " + pair_word(h[2:], "oh")
        f = "house_pairs"
    elif len(h) == 3 and rng.random() < 0.6:
        hw = ONES[int(h[0])] + " " + pair_word(h[1:], "oh")
        f = "house_one_pair"
    else:
        hw = digits_single(h, "oh")
        f = "house_digits"
    st = p.street + " " + sfx
    if not W:
        st = st.lower()
    t = hw + " " + st
    if p.unit:
        u = p.unit
        uw = " ".join(dw(ch) if ch.isdigit() else (ch.lower() if not W else ch) for ch in u)
        t += (", " if W else " ") + rng.choice(["apartment ", "unit ", "number "]) + uw
        f += "_unit"
    return t, True, f


def r_name(first, last, W, rng, which="full"):
    if which == "first":
        n = first
    elif which == "last":
        n = last
    else:
        n = first + " " + last
    return (n if W else n.lower()), True, "name_" + which + ("" if W else "_lower")


def r_npi(p, W, rng):
    m = rng.choice(["single", "pairs"] + (["written"] if W else []))
    if m == "written":
        return p.npi, False, "numerals"
    if m == "pairs":
        return digits_pairs(p.npi, rng.choice(["oh", "zero"])), True, "digits_pairs"
    return digits_single(p.npi, rng.choice(["oh", "zero"])), True, "digits_single"


# ---------------------------------------------------------------- negatives
def neg_dose(p, W, rng):
    if W and rng.random() < 0.5:
        return "%d %s" % (p.dose, rng.choice(["mg", "milligrams"]))
    return card(p.dose) + " milligrams"


def num(n, W, rng, p=0.5):
    return str(n) if (W and rng.random() < p) else card(n)


# ---------------------------------------------------------------- carrier exchanges
BUILTIN_CARRIER = [
    ("How have you been sleeping?", "Not great. I wake up a lot and then I can't get back to sleep."),
    ("Have you been feeling down or hopeless lately?", "Some days, yeah. It comes and goes."),
    ("Do you drink alcohol?", "I used to, pretty heavily. I'm trying to stop."),
    ("Any thoughts of hurting yourself right now?", "No. Not right now. I just want to get help."),
    ("How is your appetite?", "I don't really feel like eating most days."),
    ("Do you have people around you for support?", "My sister, mostly. She's the one who told me to call."),
]


def load_carrier(cdir):
    path = os.path.join(cdir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    if not os.path.exists(path):
        return list(BUILTIN_CARRIER), False
    kw = re.compile(r"\b(anxi|depress|alcohol|drink|sleep|panic|mood|smok|drug|stress|therap|"
                    r"counsel|nervous|worr|sad)", re.I)
    numw = re.compile(r"\b(" + "|".join(ONES[1:] + TEENS + TENS[2:] + ["hundred", "zero"]) +
                      r")\b", re.I)
    pairs = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            lines = [l.strip() for l in r["dialogue"].split("\n") if l.strip()]
            for a, b in zip(lines, lines[1:]):
                if not (a.startswith("Doctor:") and b.startswith("Patient:")):
                    continue
                q, ans = " ".join(a[7:].split()), " ".join(b[8:].split())
                t = q + " " + ans
                if not kw.search(t) or re.search(r"\d", t) or numw.search(t):
                    continue
                if len(q) > 140 or len(ans) > 140 or len(q) < 8 or len(ans) < 2:
                    continue
                caps = re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z']+", t)
                if any(w not in ("I", "I'm", "I've", "I'll", "I'd") for w in caps):
                    continue
                if re.search(r"\b(doctor|mister|miss|missus|will|may|bill|mark|hope|grant)\b", t, re.I):
                    continue
                if (q, ans) not in pairs:
                    pairs.append((q, ans))
    return pairs, True


# ---------------------------------------------------------------- conversation blocks
class Conv:
    """Turns as (role, marked text); role 'A' agent/bot, 'C' caller."""

    def __init__(self, ctx, p, W, rng, agent_written=False):
        self.ctx, self.p, self.W, self.rng = ctx, p, W, rng
        self.turns = []
        self.agent_written = agent_written     # bot text written by an LLM (JSON payloads)
        self.summary_bits = []                  # (label, entity, value) for written summaries

    def A(self, t):
        self.turns.append(("A", t))

    def C(self, t):
        self.turns.append(("C", t))

    def hes(self, p=0.35):
        r = self.rng
        if r.random() < p:
            return r.choice(["Um, ", "Uh, ", "Sorry, ", "Okay, um, ", "Yeah, uh, ", "Hold on. ",
                             "I— okay. ", "Yeah. "])
        return ""

    def val(self, entity, rendered, cue):
        t, sp, form = rendered
        return self.ctx.v(t, entity, sp, cue, form)

    def cuechoice(self, allow_none=False, w=(4, 5, 1)):
        opts = ["same"] * w[0] + ["prev"] * w[1] + (["none"] * w[2] if allow_none else [])
        return self.rng.choice(opts)

    def readback(self, entity, spoken_renderer, written_value, written_form, lead, tail="?"):
        """Agent reads a value back (cue prev)."""
        c, r = self.ctx, self.rng
        if self.agent_written and r.random() < 0.7:
            self.A(lead + c.v(written_value, entity, False, "prev", written_form) + tail)
        else:
            t, sp, f = spoken_renderer()
            self.A(lead + c.v(t, entity, sp, "prev", f) + tail)
        self.C(r.choice(["Yes.", "Yeah, that's right.", "Mm-hm.", "Correct.", "Yep."]))

    # ---- identity
    def ask_name(self, spelled=None):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        cue = self.cuechoice()
        nm = r_name(p.first, p.last, W, r)
        if cue == "same":
            self.A(r.choice(["Who am I speaking with?", "Can I get your name?",
                             "Okay. And who's calling today?"]))
            # the turn itself names it
            self.C(self.hes() + r.choice(["My name is ", "My name's ", "This is ", "It's— my name is "])
                   + self.val("NAME", nm, "same") + ".")
        else:
            self.A(r.choice(["Can I get your first and last name?", "What's the patient's full name?",
                             "And your full name, please?"]))
            self.C(self.hes() + self.val("NAME", nm, "prev") + ".")
        if spelled if spelled is not None else r.random() < 0.45:
            self.A(r.choice(["Can you spell the last name for me?", "How do you spell your last name?"]))
            sp, form = spell_letters(p.last, W, r)
            if r.random() < 0.5:
                self.C(self.hes(0.2) + c.v(sp, "NAME", True, "prev", form) + ".")
            else:
                self.C(r.choice(["Sure, it's ", "Yeah, last name is ", "It's "]) +
                       c.v(sp, "NAME", True, "same", form) + ".")
        self.summary_bits.append(("name", "NAME", p.first + " " + p.last))

    def ask_dob(self, split=False):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        if split:
            self.A(r.choice(["And your date of birth?", "Date of birth?"]))
            y, m, d = p.dob
            mon = MONTHS[m].capitalize() if W else MONTHS[m]
            self.C(self.hes() + c.v(mon + " " + ORD[d], "DOB", True, "prev", "month_ord_part1of2") + "...")
            self.A(r.choice(["And the year?", "Okay, what year?"]))
            self.C(c.v(year_words(y, r), "DOB", True, "prev", "year_words_part2of2") + ".")
        else:
            cue = self.cuechoice()
            rd = r_date(p.dob, W, r)
            if r.random() < 0.15 and W:   # self-correction on the day
                y, m, d = p.dob
                wrong = d + 1 if d < MDAYS[m] else d - 1
                mon = MONTHS[m].capitalize()
                rd = (mon + " " + ORD[wrong] + "— no, sorry, " + mon + " " + ORD[d] + ", " +
                      year_words(y, r), True, "month_ord_selfcorrect")
            if cue == "same":
                self.A(r.choice(["I'll need to verify a couple things.", "Okay, let me pull you up.",
                                 "Thanks. And to find your chart?"]))
                self.C(self.hes() + r.choice(["My date of birth is ", "My birthday's ", "I was born ",
                                              "DOB is ", "Date of birth, "]) +
                       self.val("DOB", rd, "same") + ".")
            else:
                self.A(r.choice(["And what's your date of birth?", "Can you verify your date of birth?",
                                 "Date of birth for the patient?"]))
                self.C(self.hes() + self.val("DOB", rd, "prev") + ".")
        if r.random() < 0.3:
            self.readback("DOB", lambda: r_date(p.dob, W, r, mode="month_ord"),
                          *date_written(p.dob, r), lead=r.choice(["That's ", "So "]))
        self.summary_bits.append(("DOB", "DOB", p.dob))

    def ask_phone(self, split=False):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        if split:
            self.A(r.choice(["What's a good number for callbacks?", "And your phone number?"]))
            parts = phone_parts(p, W, r)
            self.C(self.hes() + c.v(parts[0], "PHONE", True, "prev", "area_part1of3") + "...")
            self.A(r.choice(["Mm-hm.", "Okay.", "Go ahead."]))
            self.C(c.v(parts[1], "PHONE", True, "prev", "exchange_part2of3") + "...")
            self.A(r.choice(["Uh-huh.", "Okay.", "Mm-hm."]))
            self.C(c.v(parts[2], "PHONE", True, "prev", "line_part3of3") + ".")
        else:
            cue = self.cuechoice(allow_none=True, w=(4, 4, 2))
            rd = r_phone(p, W, r)
            if cue == "same":
                self.A(r.choice(["In case we get disconnected—", "Okay.", "And how can we reach you?"]))
                self.C(self.hes() + r.choice(["My cell is ", "You can reach me at ", "My number's ",
                                              "Best number is ", "Call me back at "]) +
                       self.val("PHONE", rd, "same") + ".")
            elif cue == "prev":
                self.A(r.choice(["What's the best number to reach you?", "And a callback number?",
                                 "Is there a phone number we can use?"]))
                self.C(self.hes() + self.val("PHONE", rd, "prev") + ".")
            else:
                self.A(r.choice(["Okay, I've got that noted.", "All right.", "Thanks for holding."]))
                self.C(r.choice(["Oh, and ", "Also, uh, ", "Oh— "]) + self.val("PHONE", rd, "none") +
                       r.choice([", you can write that down.", ". If I don't pick up just text.",
                                 ". That's the one that works."]))
        if r.random() < 0.45:
            a, x, l = p.phone[:3], p.phone[3:6], p.phone[6:]
            self.readback("PHONE", lambda: r_phone(p, W, r, mode="words"),
                          r.choice(["(%s) %s-%s" % (a, x, l), "%s-%s-%s" % (a, x, l)]),
                          "written_readback", lead=r.choice(["Let me read that back: ", "So that's ",
                                                             "Okay, "]))
        self.summary_bits.append(("callback", "PHONE", p.phone))

    def ask_address(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        cue = self.cuechoice()
        st = r_street(p, W, r)
        city = p.city if W else p.city.lower()
        state = p.state if W else p.state.lower()
        zcue = "none" if r.random() < 0.5 else None
        if cue == "same":
            self.A(r.choice(["Where are you staying right now?", "Do you have a mailing address?"]))
            lead = r.choice(["I'm staying at ", "Address is ", "Mailing address is ", "I live at "])
        else:
            self.A(r.choice(["What's your current address?", "And a mailing address for paperwork?"]))
            lead = self.hes()
        if zcue == "none":
            self.C(lead + self.val("STREET", st, cue) + (", " if W else " ") +
                   c.v(city, "CITY", True, cue, "city_word") + (", " if W else " ") + state +
                   (", " if W else " ") + self.val("ZIP", r_zip(p, W, r), "none") + ".")
        else:
            self.C(lead + self.val("STREET", st, cue) + (" in " if r.random() < 0.5 else ", ") +
                   c.v(city, "CITY", True, cue, "city_word") + ".")
            self.A(r.choice(["And the zip code?", "Zip?", "What's the zip there?"]))
            if r.random() < 0.5:
                self.C(self.hes() + self.val("ZIP", r_zip(p, W, r), "prev") + ".")
            else:
                self.C(r.choice(["Zip is ", "It's zip code ", "The zip's "]) +
                       self.val("ZIP", r_zip(p, W, r), "same") + ".")
        self.summary_bits.append(("zip", "ZIP", p.zip))

    def ask_ssn(self, split=False):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        self.A(r.choice(["For the Medicaid application I'll need your social security number.",
                         "The sliding-scale form asks for a social. Do you have it?",
                         "I need the social to run the eligibility check."]))
        if split:
            z = r.choice(["oh", "zero"])
            g = [p.ssn[:3], p.ssn[3:5], p.ssn[5:]]
            self.C(self.hes() + c.v(digits_single(g[0], z), "SSN", True, "prev", "group1_part1of3") + "...")
            self.A(r.choice(["Mm-hm.", "Okay."]))
            self.C(c.v(digits_single(g[1], z), "SSN", True, "prev", "group2_part2of3") + "...")
            self.A(r.choice(["Go ahead.", "Uh-huh."]))
            self.C(c.v(digits_single(g[2], z), "SSN", True, "prev", "group3_part3of3") + ".")
            return
        if r.random() < 0.5:
            self.C(self.hes() + r.choice(["Yeah, my social is ", "Okay. Social security number is ",
                                          "Um, it's— my social's "]) +
                   self.val("SSN", r_ssn(p, W, r), "same") + ".")
        else:
            self.C(r.choice(["Okay.", "Yeah, one sec.", "Uh, hold on, let me find my card."]))
            self.A(r.choice(["Take your time.", "Go ahead whenever you're ready."]))
            self.C(self.hes() + self.val("SSN", r_ssn(p, W, r), "prev") + ".")
        if r.random() < 0.3:
            self.readback("SSN", lambda: r_last4(p, W, r), p.ssn[5:], "last4_digits",
                          lead="Last four ")

    def ask_last4(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        if r.random() < 0.5:
            self.A(r.choice(["Can you verify the last four of your social?",
                             "And the last four digits of your social security number?"]))
            self.C(self.hes() + self.val("SSN", r_last4(p, W, r), "prev") + ".")
        else:
            self.A("I just need one more identifier.")
            self.C(r.choice(["Last four of my social is ", "The last four of my social are ",
                             "Um, last four of the social, "]) +
                   self.val("SSN", r_last4(p, W, r), "same") + ".")

    def ask_email(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        cue = self.cuechoice()
        if cue == "same":
            self.A(r.choice(["We can send the intake packet by email or mail.",
                             "Do you want the portal invite by email?"]))
            self.C(self.hes() + r.choice(["Email's fine. It's ", "My email is ", "Email address is "]) +
                   self.val("EMAIL", r_email(p, W, r), "same") + ".")
        else:
            self.A(r.choice(["What email should we use?", "And an email address?"]))
            self.C(self.hes() + self.val("EMAIL", r_email(p, W, r), "prev") + ".")
        if r.random() < 0.3:
            self.readback("EMAIL", lambda: (p.email.replace("@", " at ").replace(".", " dot "), True,
                                            "email_words_readback"),
                          p.email, "written_readback", lead="Got it, ")
        self.summary_bits.append(("email", "EMAIL", p.email))

    def ask_mrn(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        cue = self.cuechoice(allow_none=True, w=(4, 4, 1))
        rd = r_alnum(p.mrn, W, r)
        if cue == "same":
            self.A(r.choice(["Do you have your patient ID handy?", "If you have your discharge papers, that helps."]))
            self.C(self.hes() + r.choice(["Yeah, my MRN is ", "The medical record number says ",
                                          "It says patient number ", "My chart number is "]) +
                   self.val("MRN", rd, "same") + ".")
        elif cue == "prev":
            self.A(r.choice(["What's the medical record number on your paperwork?",
                             "Can you read me the MRN from the top of the sheet?"]))
            self.C(self.hes() + self.val("MRN", rd, "prev") + ".")
        else:
            self.A(r.choice(["Okay, give me one second.", "Sure, let me look."]))
            self.C(r.choice(["I have the paper right here, ", "Oh— it's on the wristband thing, "]) +
                   self.val("MRN", rd, "none") + ", " + r.choice(["if that helps.", "does that help?"]))
        self.summary_bits.append(("MRN", "MRN", p.mrn))

    def ask_member(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        self.A(r.choice(["Do you have insurance?", "Who's your insurance carrier?"]))
        plan = r.choice(["Medicaid", "Molina", "Ambetter", "the state plan", "Blue Cross"])
        if r.random() < 0.5:
            self.C(self.hes() + "Yeah, " + plan + ". The member ID is " +
                   self.val("MEMBER_ID", r_alnum(p.member, W, r), "same") + ".")
        else:
            self.C(plan + (", I think." if r.random() < 0.5 else "."))
            self.A(r.choice(["And the ID number on the card?", "What's the member ID?"]))
            self.C(self.hes() + self.val("MEMBER_ID", r_alnum(p.member, W, r), "prev") + ".")
        self.summary_bits.append(("member ID", "MEMBER_ID", p.member))

    def ask_mbi(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        self.A(r.choice(["Is that Medicare?", "Are you on Medicare for the partial program?"]))
        if r.random() < 0.5:
            self.C("Yeah, through disability. My Medicare number is " +
                   self.val("MBI", r_alnum(p.mbi, W, r), "same") + ".")
        else:
            self.C("Yes, Medicare.")
            self.A("Can you read me the Medicare number off the red white and blue card?")
            self.C(self.hes() + self.val("MBI", r_alnum(p.mbi, W, r), "prev") + ".")
        self.summary_bits.append(("MBI", "MBI", p.mbi))

    def ask_card(self, split=None):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        self.A(r.choice(["The deposit for the residential bed is " +
                         c.n("$" + str(r.choice([150, 250, 500])) if W else
                             card(r.choice([150, 250, 500])) + " dollars", "money") +
                         ". How would you like to pay?",
                         "Your copay today is " + c.n(num(r.choice([15, 20, 35, 40]), W, r) +
                                                      (" dollars" if True else ""), "money") +
                         ". Do you want to put that on a card?"]))
        split = r.random() < 0.2 if split is None else split
        if split:
            self.C(r.choice(["Yeah, debit card. Okay, it's", "Okay. Card number is", "Yeah, ready?"]))
            g = card_groups(p)
            z = r.choice(["zero", "oh"])
            for i, x in enumerate(g):
                self.C(c.v(digits_single(x, z), "CARD", True, "prev",
                           "group%d_part%dof%d" % (i + 1, i + 1, len(g))) + ("." if i == len(g) - 1 else "..."))
                if i < len(g) - 1:
                    self.A(r.choice(["Mm-hm.", "Okay.", "Got it.", "Uh-huh."]))
        elif r.random() < 0.5:
            self.C(self.hes() + r.choice(["Card number is ", "The card is ", "Okay, the number is "]) +
                   self.val("CARD", r_card(p, W, r), "same") + ".")
        else:
            self.C("Card, yeah. Hang on.")
            self.A("Go ahead with the number when you're ready.")
            self.C(self.hes() + self.val("CARD", r_card(p, W, r), "prev") + ".")
        self.A(r.choice(["And the billing zip code?", "Zip code for the card?"]))
        self.C(self.hes() + self.val("ZIP", r_zip(p, W, r), "prev") + ".")
        if r.random() < 0.4:
            self.readback("CARD", lambda: (digits_single(p.card[-4:], "zero"), True, "last4_words_readback"),
                          p.card[-4:], "last4_digits_readback", lead="Card ending in ", tail=", correct?")

    def npi_block(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        self.A(r.choice(["Which prescriber is this for?", "I need the prescriber's NPI to send it."]))
        self.C("Doctor " + c.v(p.provider if W else p.provider.lower(), "NAME", True, "same", "name_last_title") +
               ". The NPI is " + self.val("NPI", r_npi(p, W, r), "same") + ".")

    def discharge_date(self):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        d = (2024, r.randint(1, 11), 0)
        d = (d[0], d[1], r.randint(1, MDAYS[d[1]]))
        rd = r_date(d, W, r, with_year=r.random() < 0.4)
        if r.random() < 0.5:
            self.A("Our records show you were discharged from the inpatient unit on " +
                   self.val("DATE", rd, "same") + ". How have things been since then?")
        else:
            self.A("When were you discharged?")
            self.C(self.hes() + self.val("DATE", rd, "prev") + ", I think.")
            self.A("How have things been since then?")
        self.C(r.choice(["Up and down, honestly.", "Better. Mostly.", "Harder than I thought."]))
        if r.random() < 0.5:
            ad = (2024, r.randint(1, 11), 0)
            ad = (ad[0], ad[1], r.randint(1, MDAYS[ad[1]]))
            self.A("And you were admitted on " + self.val("DATE", r_date(ad, W, r, with_year=False),
                                                           "same") + ", right?")
            self.C("Yeah, that sounds right.")
        self.summary_bits.append(("discharged", "DATE", d))

    # ---- clinical talk with hard negatives
    def clinical(self, carrier, k=2):
        p, r, c, W = self.p, self.rng, self.ctx, self.W
        items = ["dose", "phq", "sober", "group", "count", "age", "bp", "carrier", "carrier",
                 "weight", "year", "lab", "hope"]
        r.shuffle(items)
        for it in items[:k]:
            if it == "dose":
                self.A("What are you taking right now?")
                self.C(self.hes() + c.n(neg_dose(p, W, r), "dose") + " of " + p.med +
                       r.choice([" in the morning.", " at night.", ", once a day."]))
            elif it == "phq":
                sc = r.randint(5, 24)
                self.A("Your PHQ-9 came out to " + c.n(num(sc, W, r), "lab_value") +
                       ", which is " + ("moderate." if sc < 15 else "moderately severe."))
                self.C(r.choice(["Okay.", "Yeah, that tracks.", "Is that bad?"]))
            elif it == "sober":
                dd = r.choice([r.randint(3, 120), r.randint(2, 11)])
                unit = "days" if dd > 11 else r.choice(["weeks", "months"])
                self.A("How long since your last use?")
                self.C(self.hes() + c.n(num(dd, W, r) + " " + unit, "duration") + ". " +
                       r.choice(["I'm trying.", "Longest I've gone.", "I relapsed before that."]))
            elif it == "group":
                h = r.choice([9, 10, 5, 6, 7])
                mm = r.choice(["", ":30"])
                t = (str(h) + mm if mm else str(h)) if W else (card(h) + (" thirty" if mm else ""))
                self.A("The IOP group meets Monday, Wednesday and Thursday at " +
                       c.n(t + (" PM" if W and h < 9 else (" AM" if W else "")), "time") +
                       " in room " + c.n(num(r.choice([104, 212, 3, 7, 118]), W, r), "room_number") + ".")
                self.C("Okay. I can do that.")
            elif it == "count":
                n = r.choice([30, 60, 90])
                self.A("Looks like a " + c.n(num(n, W, r) + "-day", "duration") + " supply with " +
                       c.n(num(r.randint(1, 5), W, r), "count") + " refills left.")
                self.C(r.choice(["Okay good.", "I thought I was out."]))
            elif it == "age":
                self.A("And how old are you?")
                a = min(p.age, 88)
                self.C("I'm " + c.n(num(a, W, r), "age") + ".")
            elif it == "bp":
                s, d = r.randint(108, 146), r.randint(66, 94)
                bp = "%d/%d" % (s, d) if W and r.random() < 0.5 else card(s) + " over " + card(d)
                self.A("At the clinic your blood pressure was " + c.n(bp, "blood_pressure") + ".")
                self.C("Is that okay with the meds?")
            elif it == "weight":
                self.C("I lost like " + c.n(num(r.randint(8, 30), W, r) + " pounds", "weight") +
                       " since this started.")
                self.A("Okay, I'll note that for the prescriber.")
            elif it == "year":
                y = r.randint(2012, 2022)
                self.C("I was sober from " + c.n(str(y) if W else year_words(y, r), "year") +
                       " until last spring.")
                self.A("That's a long stretch. That counts for something.")
            elif it == "lab":
                v = r.choice(["0.6", "0.8", "1.1"])
                vt = v if W else ("point " + ONES[int(v[2])] if v[0] == "0" else "one point one")
                self.A("Your last lithium level was " + c.n(vt, "lab_value") + ", that's in range.")
                self.C("Okay.")
            elif it == "hope":
                self.C("I " + c.n("hope", "common_word") + " this " + c.n("will", "common_word") +
                       " work this time.")
                self.A("We'll do everything we can on our end.")
            elif it == "carrier" and carrier:
                q, ans = r.choice(carrier)
                self.A(q)
                self.C(ans)


# ---------------------------------------------------------------- scenarios
def scenario(kind, ctx, p, W, rng, carrier, agent_written=False):
    cv = Conv(ctx, p, W, rng, agent_written)
    c = ctx
    staff = p.agent if W else p.agent.lower()
    if kind == "sud_intake":
        cv.A(rng.choice(["Thanks for calling the recovery center intake line, this is ",
                         "Substance use intake, this is "]) + c.v(staff, "NAME", True, "same", "name_first_agent") +
             ". How can I help?")
        cv.C(cv.hes(0.8) + rng.choice(["I need to get into detox. Or— I think I do.",
                                       "My " + p.relative[1] + " said I should call about the program.",
                                       "I want to start treatment. For alcohol."]))
        cv.A("Okay. I'm glad you called. Let's get some basic information.")
        blocks = ["name", "dob", "phone", "address", "ssn", "member", "clinical", "email"]
        if rng.random() < 0.35:
            blocks.append("card")
    elif kind == "bh_intake":
        cv.A(rng.choice(["Behavioral health access center, this is ",
                         "Outpatient mental health scheduling, my name is "]) +
             c.v(staff, "NAME", True, "same", "name_first_agent") + ".")
        cv.C(cv.hes(0.8) + rng.choice(["I'm calling to set up, um, therapy. For anxiety.",
                                       "Hi. My doctor gave me a referral for a psychiatrist.",
                                       "I was told to call here for a med evaluation."]))
        blocks = ["name", "dob", "phone", "email", "member", "clinical", "zip_only", "mrn"]
    elif kind == "crisis_callback":
        nm = c.v(r_name(p.first, p.last, W, rng)[0], "NAME", True, "same", "name_full" + ("" if W else "_lower"))
        cv.A("Hi, this is " + c.v(staff, "NAME", True, "same", "name_first_agent") +
             " with the crisis follow-up team. I'm calling for " + nm + ".")
        cv.C(rng.choice(["Yeah, this is her. I mean— this is me.", "Speaking.", "Uh, yeah. That's me."]))
        cv.A("I'm just checking in after your call to " +
             c.n("nine eight eight" if not W or rng.random() < 0.5 else "988", "emergency_number") +
             " on " + c.n(rng.choice(["Tuesday", "Sunday", "Friday night"]), "appointment_date") +
             ". Before we talk, can I verify a couple things?")
        cv.C(rng.choice(["Okay.", "Um, sure.", "Yeah, go ahead."]))
        blocks = ["dob", "discharge", "clinical", "phone", "mrn", "safety"]
        if rng.random() < 0.4:
            blocks.append("last4")
    elif kind == "refill":
        opt = rng.choice(["two", "three"])
        cv.A("You've reached the psychiatry refill line. For new appointments, " +
             c.n("press one", "menu_option") + ". For medication refills, " +
             c.n("press " + opt, "menu_option") + ".")
        cv.C(rng.choice(["Uh— " + opt + ".", opt.capitalize() + ".", "Refill. Refills."]))
        cv.A("Refill line, this is " + c.v(staff, "NAME", True, "same", "name_first_agent") + ".")
        cv.C(cv.hes(0.6) + "Hi, I need a refill on my " + p.med + ".")
        blocks = ["name", "dob", "mrn", "clinical", "phone", "rxnum"]
        if rng.random() < 0.4:
            blocks.append("last4")
        if rng.random() < 0.5:
            blocks.append("card")
    elif kind == "pharmacy":
        cv.A("Doctor " + c.v(p.provider if W else p.provider.lower(), "NAME", True, "same",
                              "name_last_title") + "'s office, this is " +
             c.v(staff, "NAME", True, "same", "name_first_agent") + ".")
        cv.C("Hi, this is " + c.v(rng.choice(FIRST) if W else rng.choice(FIRST).lower(), "NAME", True,
                                 "same", "name_first_pharmacist") +
             " calling from the pharmacy about a refill authorization.")
        blocks = ["patient", "npi", "rxnum", "clinical", "callback_pharm"]
    elif kind == "medicare_php":
        cv.A("Partial hospitalization program intake, this is " +
             c.v(staff, "NAME", True, "same", "name_first_agent") + ".")
        cv.C(cv.hes(0.8) + "I was told to call about the day program after my hospital stay.")
        blocks = ["name", "dob", "mbi", "discharge", "address", "phone", "clinical"]
        if rng.random() < 0.5:
            blocks.append("ssn")
    elif kind == "selfpay":
        cv.A("Billing for the treatment center, this is " +
             c.v(staff, "NAME", True, "same", "name_first_agent") + ".")
        cv.C(cv.hes(0.8) + "I'm calling to pay the balance for my " + p.relative[1] + "'s stay.")
        blocks = ["name", "last4", "card", "email"]
    else:
        raise ValueError(kind)
    # open with volunteered identifiers sometimes (cue none)
    if "name" in blocks and rng.random() < 0.2:
        blocks.remove("name")
        if "dob" in blocks:
            blocks.remove("dob")
        cv.A("Can I get some information to pull up your chart?")
        cv.C(rng.choice(["Yeah. ", "Okay. ", ""]) + c.v(r_name(p.first, p.last, W, rng)[0], "NAME", True,
                                                     "none", "name_full" + ("" if W else "_lower")) +
             (". " if W else " ") + cv.val("DOB", r_date(p.dob, W, rng), "none") + ".")
    head = [b for b in blocks if b in ("name", "patient", "dob")]
    rest = [b for b in blocks if b not in head]
    rng.shuffle(rest)
    blocks = head + rest
    for b in blocks:
        if b == "name":
            cv.ask_name()
        elif b == "dob":
            cv.ask_dob(split=rng.random() < 0.08)
        elif b == "phone":
            cv.ask_phone(split=rng.random() < 0.1)
        elif b == "address":
            cv.ask_address()
        elif b == "zip_only":
            cv.A("What zip code do you live in? It helps me find the closest clinic.")
            cv.C(cv.hes() + cv.val("ZIP", r_zip(p, W, rng), "prev") + ".")
        elif b == "ssn":
            if rng.random() < 0.75:
                cv.ask_ssn(split=rng.random() < 0.1)
        elif b == "last4":
            cv.ask_last4()
        elif b == "email":
            cv.ask_email()
        elif b == "mrn":
            cv.ask_mrn()
        elif b == "member":
            cv.ask_member()
        elif b == "mbi":
            cv.ask_mbi()
        elif b == "card":
            cv.ask_card()
        elif b == "discharge":
            cv.discharge_date()
        elif b == "clinical":
            cv.clinical(carrier, k=rng.randint(1, 3))
        elif b == "npi":
            cv.npi_block()
        elif b == "patient":
            cv.A("Sure, what's the patient's name and date of birth?")
            cv.C(cv.val("NAME", r_name(p.first, p.last, W, rng), "prev") + (", " if W else " ") +
                 cv.val("DOB", r_date(p.dob, W, rng), "prev") + ".")
            cv.summary_bits.append(("name", "NAME", p.first + " " + p.last))
            cv.summary_bits.append(("DOB", "DOB", p.dob))
        elif b == "rxnum":
            rx = str(rng.randint(1000000, 9999999))
            rxw = rx if W and rng.random() < 0.5 else digits_single(rx, "zero")
            cv.A("Do you have the prescription number?")
            cv.C("It's " + c.n(rxw, "order_number") + ", for " + c.n(neg_dose(p, W, rng), "dose") + ".")
        elif b == "callback_pharm":
            cv.A("What's the pharmacy callback number?")
            pp = Person(rng)
            pp.phone = p.area + "5550" + "1%02d" % rng.randint(0, 99)
            cv.C(cv.val("PHONE", r_phone(pp, W, rng), "prev") + ", " +
                 rng.choice(["then " + c.n("press two", "menu_option") + " for the pharmacist.",
                             "extension " + c.n(num(rng.randint(200, 299), W, rng), "menu_option") + "."]))
        elif b == "safety":
            cv.A("If things get bad again tonight, you can call or text " +
                 c.n("nine eight eight" if not W else "988", "emergency_number") + ", or " +
                 c.n("nine one one" if not W else "911", "emergency_number") + " if you're in danger.")
            cv.C(rng.choice(["I know. I've got it in my phone.", "Okay. Yeah."]))
            if rng.random() < 0.5:
                rel = p.relative[0] if W else p.relative[0].lower()
                cv.A("Is your " + p.relative[1] + " still on your safety plan?")
                cv.C("Yeah, " + c.v(rel, "NAME", True, "prev", "name_first_relative") + ". " +
                     rng.choice(["She checks on me.", "They know to come over."]))
    # closing
    if rng.random() < 0.6:
        d = rng.randint(2, 28)
        ap = (MONTHS[rng.randint(1, 12)].capitalize() + " " + str(d)) if W and rng.random() < 0.5 \
            else rng.choice(["Thursday the " + ORD[d], "next Tuesday", "Monday the " + ORD[d]])
        cv.A("I have you scheduled for " + c.n(ap, "appointment_date") + " at " +
             c.n(rng.choice(["10:30", "2:15", "9 AM"]) if W else rng.choice(["ten thirty", "two fifteen",
                                                                             "nine a m"]), "time") +
             ". Your confirmation number is " +
             c.n(str(rng.randint(10000, 99999)) if W and rng.random() < 0.5 else
                 digits_single(str(rng.randint(10000, 99999)), "zero"), "confirmation_number") + ".")
        cv.C("Okay. Thank you.")
    else:
        cv.A(rng.choice(["Okay, you're all set. Anything else I can help with?",
                         "All right, I've sent that over. Anything else?"]))
        cv.C(rng.choice(["No, that's it. Thanks.", "No. Thank you for being patient with me.",
                         "That's all. Thanks."]))
    if not W:
        cv.turns = [(ro, plainify(t, ctx)) for ro, t in cv.turns]
    else:
        cv.turns = [(ro, re.sub("^((?:\ue000\\d+\ue002)?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), t))
                    for ro, t in cv.turns]
    return cv


KINDS = ["sud_intake", "bh_intake", "crisis_callback", "refill", "pharmacy", "medicare_php", "selfpay"]
KIND_W = [5, 4, 4, 5, 2, 2, 2]

LABELSETS = [("spk_0:", "spk_1:"), ("SPEAKER_00:", "SPEAKER_01:"), ("Intake:", "Patient:"),
             ("Counselor:", "Caller:"), ("Agent:", "Caller:"), ("[agent]", "[caller]"),
             ("Speaker 1:", "Speaker 2:"), ("Pharmacy Line:", "Patient:")]


def build_transcript(ctx, cv, rng, kind):
    sets = [x for x in LABELSETS if not (x[0] == "Pharmacy Line:" and kind != "refill")]
    if kind == "pharmacy":
        sets = [x for x in sets if x[1] != "Patient:"] + [("Office:", "Pharmacist:")]
    ls = rng.choice(sets)
    swap = ls[0].startswith("spk") and rng.random() < 0.3
    lab = {"A": ls[1] if swap else ls[0], "C": ls[0] if swap else ls[1]}
    ts = rng.random() < 0.35
    t0 = rng.randint(0, 20)
    lines = []
    for role, t in cv.turns[:40]:
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t0 // 3600, (t0 // 60) % 60, t0 % 60)
            t0 += rng.randint(2, 14)
        lines.append(pre + lab[role] + " " + t)
    return "\n".join(lines), ls


def summary_text(ctx, cv, rng, kind):
    p = cv.p
    parts = []
    done = set()
    for lab, ent, val in cv.summary_bits:
        if ent in done:
            continue
        done.add(ent)
        if ent == "NAME":
            parts.append("Caller " + ctx.v(val, "NAME", False, "same", "summary_name"))
        elif ent == "DOB":
            t, f = date_written(val, rng)
            parts.append("DOB " + ctx.v(t, "DOB", False, "same", "summary_" + f))
        elif ent == "PHONE":
            parts.append("callback " + ctx.v("(%s) %s-%s" % (val[:3], val[3:6], val[6:]), "PHONE",
                                             False, "same", "summary_paren"))
        elif ent == "EMAIL":
            parts.append("email " + ctx.v(val, "EMAIL", False, "same", "summary_written"))
        elif ent == "MRN":
            parts.append("MRN " + ctx.v(val, "MRN", False, "same", "summary_written"))
        elif ent == "ZIP":
            parts.append("ZIP " + ctx.v(val, "ZIP", False, "same", "summary_written"))
        elif ent == "MEMBER_ID":
            parts.append("member ID " + ctx.v(val, "MEMBER_ID", False, "same", "summary_written"))
        elif ent == "MBI":
            parts.append("MBI " + ctx.v(val, "MBI", False, "same", "summary_written"))
        elif ent == "DATE":
            t, f = date_written(val, rng)
            parts.append("discharged " + ctx.v(t, "DATE", False, "same", "summary_" + f))
    what = {"sud_intake": "Substance-use treatment intake call.",
            "bh_intake": "Outpatient behavioral-health intake call.",
            "crisis_callback": "Crisis-line follow-up callback completed; caller reports no current plan to self-harm.",
            "refill": "Psychiatric medication refill request for " + p.med + " " +
                      ctx.n("%d mg" % p.dose, "dose") + ".",
            "pharmacy": "Pharmacy requested refill authorization for " + p.med + ".",
            "medicare_php": "Partial hospitalization program intake after inpatient discharge.",
            "selfpay": "Self-pay balance payment call."}[kind]
    return what + " " + "; ".join(parts[:rng.randint(2, 5)]) + "."


def structured(ctx, cv, rng):
    p = cv.p
    d = {}
    for lab, ent, val in cv.summary_bits:
        if ent == "NAME" and "patient_name" not in d:
            d["patient_name"] = ctx.v(val, "NAME", False, "same", "field_name")
        elif ent == "DOB" and "date_of_birth" not in d:
            d["date_of_birth"] = ctx.v("%04d-%02d-%02d" % val, "DOB", False, "same", "field_iso")
        elif ent == "PHONE" and "callback_number" not in d:
            d["callback_number"] = ctx.v("+1" + val, "PHONE", False, "same", "field_e164")
        elif ent == "ZIP" and "zip" not in d:
            d["zip"] = ctx.v(val, "ZIP", False, "same", "field_written")
        elif ent == "EMAIL" and "email" not in d:
            d["email"] = ctx.v(val, "EMAIL", False, "same", "field_written")
    d["medication"] = p.med
    d["dose"] = ctx.n("%d mg" % p.dose, "dose")
    d["urgent"] = rng.random() < 0.2
    return d


def build_json(ctx, cv, rng, profile, kind):
    turns = cv.turns
    cid = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                          rng.getrandbits(12), rng.getrandbits(48))
    t = 0.0
    times = []
    for _ in turns:
        st = t
        t += rng.uniform(1.5, 9.0)
        times.append((round(st, 2), round(t, 2)))
    summ = summary_text(ctx, cv, rng, kind) if profile in ("vapi", "retell", "signalwire") else None
    if profile == "vapi":
        lab = {"A": "AI", "C": "User"}
        msgs = [{"role": "system", "message": "You are a calm intake assistant for a behavioral health clinic.",
                 "time": 1718000000000, "secondsFromStart": 0}]
        for (ro, tx), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if ro == "A" else "user", "message": tx,
                         "time": 1718000000000 + int(a * 1000), "endTime": 1718000000000 + int(b * 1000),
                         "secondsFromStart": a, "duration": round(b - a, 2)})
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": cid, "type": "inboundPhoneCall"},
                           "artifact": {"transcript": "\n".join(lab[ro] + ": " + tx for ro, tx in turns),
                                        "messages": msgs},
                           "analysis": {"summary": summ, "structuredData": structured(ctx, cv, rng),
                                        "successEvaluation": "true"},
                           "durationSeconds": round(t, 1), "cost": round(rng.uniform(0.05, 0.9), 4)}}
    elif profile == "retell":
        lab = {"A": "Agent", "C": "User"}
        obj = {"event": "call_analyzed",
               "call": {"call_id": cid.replace("-", ""), "agent_id": "agent_" + "%012x" % rng.getrandbits(48),
                        "call_status": "ended", "direction": "inbound",
                        "start_timestamp": 1718000000000, "end_timestamp": 1718000000000 + int(t * 1000),
                        "transcript": "\n".join(lab[ro] + ": " + tx for ro, tx in turns),
                        "transcript_object": [{"role": "agent" if ro == "A" else "user", "content": tx}
                                              for ro, tx in turns],
                        "call_analysis": {"call_summary": summ, "user_sentiment": "Neutral",
                                          "call_successful": True,
                                          "custom_analysis_data": structured(ctx, cv, rng)},
                        "disconnection_reason": "user_hangup"}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "Behavioral health refill and intake agent."}]
        for (ro, tx), (a, b) in zip(turns, times):
            log.append({"role": "assistant" if ro == "A" else "user", "content": tx,
                        "timestamp": 1718000000000000 + int(a * 1e6)})
        obj = {"ai_session_id": cid, "call_id": cid[::-1], "app_name": "bh_intake_agent",
               "post_prompt_data": {"raw": summ, "substituted": summ},
               "call_log": log, "total_input_tokens": rng.randint(900, 6000),
               "conversation_type": "phone"}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1} if rng.random() < 0.6 else {"A": 1, "C": 0}
        utts = []
        for (ro, tx), (a, b) in zip(turns, times):
            utts.append({"start": a, "end": b, "confidence": round(rng.uniform(0.8, 0.99), 4), "channel": 0,
                         "transcript": tx, "speaker": spk[ro],
                         "id": "%08x-%04x-%04x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16))})
        para = "".join("\nSpeaker %d: %s\n" % (spk[ro], tx) for ro, tx in turns)
        obj = {"metadata": {"request_id": cid, "duration": round(t, 2), "channels": 1,
                            "models": ["%08x" % rng.getrandbits(32)]},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(tx for _, tx in turns),
                                                           "confidence": 0.97,
                                                           "paragraphs": {"transcript": para}}]}],
                           "utterances": utts}}
    elif profile == "transcribe":
        segs = []
        for i, ((ro, tx), (a, b)) in enumerate(zip(turns, times)):
            segs.append({"id": i, "transcript": tx, "start_time": "%.2f" % a, "end_time": "%.2f" % b,
                         "speaker_label": "spk_0" if ro == "A" else "spk_1"})
        obj = {"jobName": "bh-call-" + cid[:8], "accountId": "000000000000", "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(tx for _, tx in turns)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                           "audio_segments": segs}}
    else:
        raise ValueError(profile)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def generate(seed, n, carrier):
    rng = random.Random(seed)
    recs = []
    n_json = round(n * 0.45)
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(fmts)
    pi = 0
    for i, fmt in enumerate(fmts):
        for attempt in range(50):
            ctx = Ctx()
            p = Person(rng)
            kind = rng.choices(KINDS, KIND_W)[0]
            if fmt == "json":
                profile = PROFILES[pi % len(PROFILES)]
                if profile == "transcribe":
                    W = rng.random() < 0.25
                elif profile == "deepgram":
                    W = rng.random() < 0.55
                else:
                    W = rng.random() < 0.75
                cv = scenario(kind, ctx, p, W, rng, carrier, agent_written=profile in ("vapi", "retell",
                                                                                       "signalwire"))
                if not (4 <= len(cv.turns) <= 60):
                    continue
                text, spans, negs = ctx.finalize(build_json(ctx, cv, rng, profile, kind))
                pi += 1
                rec = {"id": "h32-%04d" % (i + 1), "format": "json", "profile": profile,
                       "kind": "json_%s_%s_%s" % (profile, kind, "smart" if W else "plain"),
                       "text": text, "spans": spans, "negatives": negs}
            else:
                W = rng.random() < 0.5
                cv = scenario(kind, ctx, p, W, rng, carrier)
                if not (8 <= len(cv.turns) <= 40):
                    continue
                marked, ls = build_transcript(ctx, cv, rng, kind)
                text, spans, negs = ctx.finalize(marked)
                lsname = "bracket" if ls[0].startswith("[") else re.sub(r"[^a-z0-9]+", "", ls[0].lower())
                rec = {"id": "h32-%04d" % (i + 1), "format": "transcript",
                       "kind": "transcript_%s_%s_%s" % (lsname, kind, "whisper" if W else "plain"),
                       "text": text, "spans": spans, "negatives": negs}
            break
        else:
            raise RuntimeError("could not build record %d" % i)
        recs.append(rec)
    return recs


# ---------------------------------------------------------------- validation
NUMW = {w: i for i, w in enumerate(ONES)}
NUMW.update({"oh": 0, "o": 0})
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENW = {TENS[i]: i for i in range(2, 10)}
ORDW = {}
for _i in range(1, 32):
    ORDW[ORD[_i]] = _i
CORR = re.compile(r"(—|\.\.\.)?\s*\b(sorry|no|wait|i mean|hang on|let me start over)\b[,.]?\s*", re.I)


def after_correction(text):
    last = None
    for m in CORR.finditer(text):
        last = m
    return text[last.end():] if last else text


def digits_of(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nx = toks[i + 1] if i + 1 < len(toks) else None
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nx in NUMW:
            out.append(str(NUMW[nx]) * (2 if t == "double" else 3))
            i += 1
        elif t in NUMW:
            out.append(str(NUMW[t]))
        elif t in TEENW:
            out.append(str(TEENW[t]))
        elif t in TENW:
            if nx in NUMW and nx not in ("oh", "o", "zero"):
                out.append(str(TENW[t]) + str(NUMW[nx]))
                i += 1
            else:
                out.append(str(TENW[t]) + "0")
        elif t == "hundred":
            out.append("00")
        i += 1
    return "".join(out)


def alnum_of(text):
    """Letters and digits of a spoken/written alphanumeric id."""
    toks = re.findall(r"[a-z]+(?:-[a-z]+)?|\d+", text.lower().replace("x-ray", "xray"))
    rev = {v.replace("-", ""): k for k, v in NATO.items()}
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
            out.append(t)
            i += 4
            continue
        if t.isdigit():
            out.append(t)
        elif t in NUMW and t != "o":
            out.append(str(NUMW[t]))
        elif t in TEENW or t in TENW:
            out.append(digits_of(" ".join(toks[i:i + 2])) if t in TENW and i + 1 < len(toks) and
                       toks[i + 1] in NUMW and toks[i + 1] not in ("oh", "o", "zero") else digits_of(t))
            if t in TENW and i + 1 < len(toks) and toks[i + 1] in NUMW and toks[i + 1] not in ("oh", "o", "zero"):
                i += 1
        elif t in rev:
            out.append(rev[t])
        elif t in ("double", "triple"):
            pass
        else:
            out.append(t)
        i += 1
    return "".join(out).upper()


def nums_of(text, merge=True):
    """Number tokens for dates: [(value, ndigits_spoken)]."""
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    toks = [t for t in toks if t not in ("st", "nd", "rd", "th", "the", "of", "and")]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nx = toks[i + 1] if i + 1 < len(toks) else None
        if t.isdigit():
            out.append(("n", int(t), len(t)))
        elif t in MONTHS[1:]:
            out.append(("m", MONTHS.index(t), 0))
        elif t in ("oh", "zero", "o") and nx in NUMW:
            out.append(("n", NUMW[nx], 2))
            i += 1
        elif t == "two" and nx == "thousand":
            y = 2000
            if i + 2 < len(toks) and toks[i + 2] in NUMW:
                y += NUMW[toks[i + 2]]
                i += 1
            out.append(("n", y, 4))
            i += 1
        elif t in TENW:
            v = TENW[t] * 10
            if nx in ORDW and nx in ONES[1:] + ["first", "second", "third", "fourth", "fifth", "sixth",
                                               "seventh", "eighth", "ninth"]:
                pass
            nx2 = toks[i + 2] if i + 2 < len(toks) else None
            if nx in NUMW and nx not in ("oh", "o", "zero") and nx2 != "thousand":
                v += NUMW[nx]
                i += 1
                out.append(("n", v, 2))
            elif nx in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                        "ninth"):
                out.append(("o", v + ORDW[nx], 0))
                i += 1
            else:
                out.append(("n", v, 2))
        elif t in TEENW:
            out.append(("n", TEENW[t], 2))
        elif t in NUMW:
            out.append(("n", NUMW[t], 1))
        elif t in ORDW:
            out.append(("o", ORDW[t], 0))
        i += 1
    if not merge:
        return out
    # merge century + two-digit year (the year comes last)
    if len(out) >= 2 and out[-2][0] == "n" and out[-2][1] in (19, 20) and out[-2][2] == 2 \
            and out[-1][0] == "n" and out[-1][2] == 2:
        out = out[:-2] + [("n", out[-2][1] * 100 + out[-1][1], 4)]
    return out


def date_ok(text, need_year):
    t = after_correction(text)
    words = re.findall(r"[a-z]+|\d+", t.lower())
    if len(words) == 8 and all(w in NUMW for w in words):
        s = digits_of(t)
        return _date_valid(int(s[:2]), int(s[2:4]), int(s[4:]))
    return _date_toks(nums_of(t), need_year) or _date_toks(nums_of(t, merge=False), need_year)


def _date_valid(m, d, y):
    if not (1 <= m <= 12 and 1 <= d <= MDAYS[m] + (1 if m == 2 else 0)):
        return False
    return y is None or 0 <= y < 100 or 1900 <= y <= 2025


def _date_toks(toks, need_year):
    m = d = y = None
    kinds = "".join(t[0] for t in toks)
    vals = [t[1] for t in toks]
    if "m" in kinds:
        m = vals[kinds.index("m")]
        rest = [t for t in toks if t[0] != "m"]
        if not rest:
            return False
        d = rest[0][1]
        if len(rest) > 1:
            y = rest[1][1]
    elif kinds and set(kinds) == {"n"}:
        if all(t[2] == 1 for t in toks) and len(toks) == 8:
            s = "".join(str(v) for v in vals)
            m, d, y = int(s[:2]), int(s[2:4]), int(s[4:])
        elif len(toks) == 3 and toks[0][2] == 4:
            y, m, d = vals
        elif len(toks) == 3:
            m, d, y = vals
        elif len(toks) == 2:
            m, d = vals
        elif len(toks) == 1 and toks[0][2] == 4:
            return not need_year or True
        else:
            return False
    else:
        return False
    return _date_valid(m, d, y)


def value_ok(ent, form, text):
    t = after_correction(text) if "selfcorrect" in form or "restart" in form else text
    part = "part" in form
    if ent == "PHONE":
        d = digits_of(t)
        if part:
            return len(d) in (3, 4)
        if d.startswith("1") and len(d) == 11:
            d = d[1:]
        return len(d) == 10 and d[3:6] == "555" and d[6:8] == "01"
    if ent == "SSN":
        d = digits_of(t)
        if part:
            return len(d) in (2, 3, 4)
        if form.startswith("last4"):
            return len(d) == 4 and d != "0000"
        return (len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00"
                and d[5:] != "0000")
    if ent == "CARD":
        d = digits_of(t)
        if part:
            return len(d) in (4, 5, 6)
        if "last4" in form:
            return len(d) == 4
        return len(d) in (15, 16) and luhn_ok(d)
    if ent == "ZIP":
        return len(digits_of(t)) == 5
    if ent == "NPI":
        d = digits_of(t)
        return len(d) == 10 and luhn_ok("80840" + d)
    if ent == "MBI":
        a = alnum_of(t)
        return bool(re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]"
                                 r"[AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d", a))
    if ent in ("MRN", "MEMBER_ID"):
        a = alnum_of(t)
        return bool(re.fullmatch(r"[A-Z]{0,3}\d{6,10}", a))
    if ent in ("DOB", "DATE"):
        if part:
            return bool(nums_of(t))
        return date_ok(t, ent == "DOB")
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[A-Za-z0-9._]+@[a-z]+\.[a-z]+", t)) or (" at " in t and
                                                                          (" dot " in t or "." in t))
    if ent in ("NAME", "CITY"):
        return bool(t.strip()) and not re.search(r"\d", t)
    if ent == "STREET":
        return bool(re.match(r"\d|[a-z]", t, re.I)) and bool(
            re.search(r"\b(street|avenue|road|drive|lane|court|boulevard|way|st|ave|rd|dr|ln|ct|blvd)\b",
                      t, re.I))
    return False


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z_][A-Za-z0-9_ ]*:) \S")


def json_string_ranges(raw):
    """Char ranges (inside the quotes) of every JSON string token."""
    out = []
    i = 0
    n = len(raw)
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def check_records(recs):
    errs = []
    for r in recs:
        rid = r.get("id")
        for k in ("id", "format", "kind", "text", "spans", "negatives"):
            if k not in r:
                errs.append("%s: missing %s" % (rid, k))
        text = r["text"]
        b = text.encode("utf-8")
        occ = []
        for s in r["spans"]:
            if s["entity"] not in ENTITIES:
                errs.append("%s: bad entity %s" % (rid, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool) \
                    or not s.get("form"):
                errs.append("%s: bad span labels %r" % (rid, s))
            occ.append((s["start"], s["end"], "span"))
            try:
                v = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span not on char boundary %r" % (rid, s))
                continue
            if not v or v != v.strip() or not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s: bad span extent %r %r" % (rid, s, v))
            if not value_ok(s["entity"], s["form"], v):
                errs.append("%s: invalid %s value %r (%s)" % (rid, s["entity"], v, s["form"]))
        for ng in r["negatives"]:
            if ng["what"] not in NEG_WHAT:
                errs.append("%s: bad negative kind %s" % (rid, ng["what"]))
            occ.append((ng["start"], ng["end"], "neg"))
            v = b[ng["start"]:ng["end"]].decode("utf-8", "replace")
            if not v.strip() or v != v.strip():
                errs.append("%s: bad negative extent %r" % (rid, v))
        occ.sort()
        for x, y in zip(occ, occ[1:]):
            if y[0] < x[1]:
                errs.append("%s: overlap %r %r" % (rid, x, y))
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            if text.endswith("\n") or any(not l.strip() for l in lines):
                errs.append("%s: blank line / trailing newline" % rid)
            for l in lines:
                if not LINE_RE.match(l):
                    errs.append("%s: bad line %r" % (rid, l[:60]))
        elif r["format"] == "json":
            if r.get("profile") not in PROFILES:
                errs.append("%s: bad profile" % rid)
            try:
                obj = json.loads(text)
            except ValueError as e:
                errs.append("%s: JSON does not parse: %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact JSON" % rid)
            # byte ranges of strings
            ranges = []
            for cs, ce in json_string_ranges(text):
                ranges.append((len(text[:cs].encode("utf-8")), len(text[:ce].encode("utf-8"))))
            for s, e, kind in occ:
                if not any(a <= s and e <= z for a, z in ranges):
                    errs.append("%s: %s %d-%d not inside a JSON string" % (rid, kind, s, e))
        else:
            errs.append("%s: bad format" % rid)
    return errs


def stats(recs):
    out = []
    ent = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fm = collections.Counter()
    kinds = collections.Counter()
    for r in recs:
        fm[(r["format"], r.get("profile", ""))] += 1
        kinds[r["kind"].split("_", 2)[-1].rsplit("_", 1)[0] if r["format"] == "json" else
              "_".join(r["kind"].split("_")[2:-1])] += 1
        for s in r["spans"]:
            ent[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out.append("records: %d  (%s)" % (len(recs), ", ".join("%s%s %d" % (f, "/" + p if p else "", c)
                                                           for (f, p), c in sorted(fm.items()))))
    out.append("call types: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("")
    out.append("| entity | total | spoken | written | same | prev | none | spoken same/prev/none |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|")
    tot = collections.Counter()
    for e in ENTITIES:
        sp = sum(v for k, v in ent.items() if k[0] == e and k[1] == "spoken")
        wr = sum(v for k, v in ent.items() if k[0] == e and k[1] == "written")
        cues = [sum(v for k, v in ent.items() if k[0] == e and k[2] == c) for c in ("same", "prev", "none")]
        spc = [ent[(e, "spoken", c)] for c in ("same", "prev", "none")]
        tot["all"] += sp + wr
        tot["sp"] += sp
        out.append("| %s | %d | %d | %d | %d | %d | %d | %d/%d/%d |" % (e, sp + wr, sp, wr, cues[0], cues[1],
                                                                      cues[2], *spc))
    out.append("| all | %d | %d | %d | | | | |" % (tot["all"], tot["sp"], tot["all"] - tot["sp"]))
    out.append("")
    out.append("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in
                                                                     sorted(negs.items()))))
    out.append("")
    out.append("forms:")
    for e in ENTITIES:
        fs = sorted((f, c) for (ee, f), c in forms.items() if ee == e)
        if fs:
            out.append("  %s: %s" % (e, ", ".join("%s %d" % fc for fc in fs)))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", ""))
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        recs.append(json.loads(line))
        errs = check_records(recs)
        ids = [r["id"] for r in recs]
        if len(set(ids)) != len(ids):
            errs.append("duplicate ids")
        for e in errs[:50]:
            print("ERROR", e, file=sys.stderr)
        print(stats(recs))
        if errs:
            print("%d errors" % len(errs), file=sys.stderr)
            sys.exit(1)
        print("\ncheck OK: %d records" % len(recs))
        return
    cdir = a.carrier_dir
    if not cdir:
        here = os.path.dirname(os.path.abspath(__file__))
        for cand in [os.path.join(here, *([".."] * k), "shared", "carrier-sources") for k in range(1, 7)] + \
                ["/work/shared/carrier-sources"]:
            if os.path.isdir(cand):
                cdir = cand
                break
    carrier, found = load_carrier(cdir or "/nonexistent")
    if not found:
        print("warning: MTS-Dialog not found, using built-in carrier exchanges", file=sys.stderr)
    recs = generate(a.seed, a.n, carrier)
    errs = check_records(recs)
    if errs:
        for e in errs[:30]:
            print("ERROR", e, file=sys.stderr)
        sys.exit("generated records fail --check (%d errors)" % len(errs))
    if a.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
