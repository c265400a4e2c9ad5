#!/usr/bin/env python3
"""gen_holdout41.py - holdout 41: voice-agent post-call webhooks with spoken PHI.

About 70% of records are vendor payloads (Vapi end-of-call-report, Retell
call_analyzed, SignalWire post_prompt, Deepgram and AWS Transcribe results), the
rest are plain call transcripts.  Calls are scheduling, refill, billing and
lab-result calls.  Python 3 standard library only; deterministic for a seed.

  python3 gen_holdout41.py [--seed N] [--n 150] > holdout41.jsonl
  python3 gen_holdout41.py --stats            # counts for the default output
  python3 gen_holdout41.py --check holdout41.jsonl
"""
import argparse
import collections
import csv
import datetime
import json
import os
import random
import re
import sys

DEFAULT_SEED = 4141
VM, VS, VE, NQ = "\ue000", "\ue001", "\ue002", "\ue003"

# --------------------------------------------------------------------------- words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
        "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
        "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
        "s": "sam", "t": "tom", "u": "umbrella", "v": "victor", "w": "william", "x": "x-ray",
        "y": "yellow", "z": "zebra"}


def n2w(n, hy=False):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + (("-" if hy else " ") + ONES[o] if o else "")


def ordw(n):
    if n <= 20:
        return ORD[n]
    if n == 30:
        return "thirtieth"
    t, o = divmod(n, 10)
    return TENS[t] + " " + ORD[o]


def ordnum(n):
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def yy_words(y, hy=False):
    b = y % 100
    return n2w(b, hy) if b >= 10 else "oh " + ONES[b]


def year_words(y, rng, hy=False):
    if y < 2000:
        return "nineteen " + yy_words(y, hy)
    b = y - 2000
    if b >= 10 and rng.random() < 0.5:
        return "twenty " + n2w(b, hy)
    if b == 0:
        return "two thousand"
    return rng.choice(["two thousand ", "two thousand and "]) + n2w(b, hy)


def dw(ch, z):
    return z if ch == "0" else ONES[int(ch)]


def pair_w(xy, z):
    if xy[0] == "0":
        return z + " " + dw(xy[1], z)
    return n2w(int(xy))


def group_digits(g, z):
    return " ".join(dw(c, z) for c in g)


def group_double(g, z):
    out, i = [], 0
    while i < len(g):
        j = i
        while j < len(g) and g[j] == g[i]:
            j += 1
        run = j - i
        if run == 3:
            out.append("triple " + dw(g[i], z))
        elif run == 2:
            out.append("double " + dw(g[i], z))
        elif run > 3:
            out.append("double " + dw(g[i], z))
            j = i + 2
        else:
            out.append(dw(g[i], z))
        i = j
    return " ".join(out)


def group_pairs(g, z):
    if len(g) == 1:
        return dw(g, z)
    if len(g) == 2:
        return pair_w(g, z)
    if len(g) % 2 == 1:
        return dw(g[0], z) + " " + group_pairs(g[1:], z)
    return " ".join(pair_w(g[i:i + 2], z) for i in range(0, len(g), 2))


def render_groups(groups, z, mode, sep):
    parts = []
    for k, g in enumerate(groups):
        if mode == "pairs":
            w = group_pairs(g, z)
            last = w.split()[-1]
            if k < len(groups) - 1 and last in TENS[2:] + ["ten"]:
                w = group_digits(g, z)
            parts.append(w)
        elif mode == "double":
            parts.append(group_double(g, z))
        else:
            parts.append(group_digits(g, z))
    return sep.join(parts)


def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


# --------------------------------------------------------------------------- people and places
FIRST = ["Dana", "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
         "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty",
         "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua",
         "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa",
         "Ronald", "Stephanie", "Edward", "Sharon", "Gloria", "Hector", "Mei", "Priya", "Tuan",
         "Aaliyah", "Omar", "Yolanda", "Rosa", "Luis", "Minh", "Keisha", "Darnell", "Ingrid"]
FEMALE = {"Dana", "Maria", "Linda", "Patricia", "Jennifer", "Elizabeth", "Barbara", "Susan", "Jessica",
          "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
          "Michelle", "Carol", "Amanda", "Melissa", "Stephanie", "Sharon", "Gloria", "Mei", "Priya",
          "Aaliyah", "Yolanda", "Rosa", "Keisha", "Ingrid"}
LAST = ["Reyes", "Hughes", "Nguyen", "Patel", "Johnson", "Williams", "Garcia", "Martinez",
        "Robinson", "Clark", "Lewis", "Walker", "Young", "Allen", "Wright", "Lopez", "Hill",
        "Scott", "Green", "Adams", "Baker", "Gonzalez", "Nelson", "Carter", "Mitchell", "Perez",
        "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
        "Stewart", "Sanchez", "Morris", "Rogers", "Reed", "Morgan", "Murphy", "Bailey", "Rivera",
        "Cooper", "Richardson", "Howard", "Torres", "Peterson", "Ramirez", "Watson", "Brooks",
        "Kelly", "Sanders", "Bennett", "Barnes", "Henderson", "Coleman", "Jenkins", "Powell",
        "Patterson", "Flores", "Butler", "Simmons", "Foster", "Bryant", "Russell", "Griffin",
        "Diaz", "Hayes", "Kowalski", "Ozturk", "Tran", "Chen", "Haddad", "Moreno", "Delgado",
        "Abernathy", "Szymanski", "Oyelaran", "Castellanos"]
PROVIDERS = ["Okafor", "Lindqvist", "Brennan", "Castillo", "Nakamura", "Feldman", "Adeyemi",
             "Sorensen", "Whitfield", "Mehta", "Dubois", "Ferreira"]
AGENTS = ["Monica", "Trevor", "Alicia", "Devon", "Renee", "Marcus", "Tasha", "Jordan", "Celeste"]
CITIES = [("Columbus", "OH", "432", "614"), ("Tacoma", "WA", "984", "253"),
          ("Fresno", "CA", "937", "559"), ("Dayton", "OH", "454", "937"),
          ("Albany", "NY", "122", "518"), ("Tucson", "AZ", "857", "520"),
          ("Raleigh", "NC", "276", "919"), ("Boise", "ID", "837", "208"),
          ("Spokane", "WA", "992", "509"), ("Lansing", "MI", "489", "517"),
          ("Madison", "WI", "537", "608"), ("Omaha", "NE", "681", "402"),
          ("Savannah", "GA", "314", "912"), ("Eugene", "OR", "974", "541"),
          ("Wichita", "KS", "672", "316"), ("Toledo", "OH", "436", "419"),
          ("Reno", "NV", "895", "775"), ("Worcester", "MA", "016", "508"),
          ("Hartford", "CT", "061", "860"), ("Newark", "NJ", "071", "973"),
          ("Grand Rapids", "MI", "495", "616"), ("Baton Rouge", "LA", "708", "225"),
          ("Fort Wayne", "IN", "468", "260"), ("San Antonio", "TX", "782", "210")]
STREETS = ["Elm", "Maple", "Oak", "Cedar", "Willow", "Lakeview", "Hillcrest", "Birch", "Sycamore",
           "Juniper", "Chestnut", "Magnolia", "Prospect", "Linden", "Harmon", "Briarwood"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."), ("Road", "Rd."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
           "comcast.net", "example.com"]
CLINICS = ["Lakeside Family Medicine", "Northgate Internal Medicine", "Cedar Valley Health",
           "Summit Primary Care", "Riverbend Medical Group", "Harbor View Clinic",
           "Maple Grove Health Partners", "Westbrook Cardiology"]
PHARMACIES = ["the Walgreens by the mall", "CVS", "the Kroger pharmacy", "Rite Aid",
              "the Costco pharmacy", "the Walmart pharmacy", "Express Scripts mail order"]
MEDS = [("lisinopril", (10, "ten"), "mg"), ("metformin", (500, "five hundred"), "mg"),
        ("atorvastatin", (20, "twenty"), "mg"), ("amlodipine", (5, "five"), "mg"),
        ("levothyroxine", (50, "fifty"), "mcg"), ("sertraline", (50, "fifty"), "mg"),
        ("losartan", (25, "twenty five"), "mg"), ("gabapentin", (300, "three hundred"), "mg"),
        ("omeprazole", (40, "forty"), "mg"), ("metoprolol", (25, "twenty five"), "mg")]
UNITW = {"mg": "milligrams", "mcg": "micrograms"}
MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def make_person(rng, pediatric=False):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    city, state, zp, ac = rng.choice(CITIES)
    if pediatric:
        y = rng.randint(2011, 2021)
    else:
        y = rng.choice([rng.randint(1936, 1959), rng.randint(1940, 2003), rng.randint(1950, 1999)])
    dob = datetime.date(y, rng.randint(1, 12), 1)
    dob = dob.replace(day=rng.randint(1, 28 if dob.month == 2 else 30 if dob.month in (4, 6, 9, 11) else 31))
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    ssn = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
    phone = ac + "55501" + "%02d" % rng.randint(0, 99)
    nn = "%d%d" % (rng.randint(1, 9), rng.randint(1, 9))
    f, l = first.lower(), last.lower()
    local = rng.choice(["%s.%s" % (f, l), "%s%s%s" % (f[0], l, nn), "%s%s" % (f, l),
                        "%s_%s" % (f, l), "%s.%s" % (l, f[0]), "%s%s" % (f, nn)])
    email = local + "@" + rng.choice(DOMAINS)
    house = rng.choice([rng.randint(11, 99), rng.randint(101, 989), rng.randint(1001, 9899)])
    while house % 100 == 0:
        house += 1
    unit = rng.choice([None, None, None, "%d%s" % (rng.randint(1, 9), rng.choice("ABCD")),
                       str(rng.randint(2, 40))])
    street = {"house": house, "dir": rng.choice([None, None, None, "North", "South", "East", "West"]),
              "name": rng.choice(STREETS), "suffix": rng.choice(SUFFIX), "unit": unit}
    mrn = rng.choice(["", "", "", "E", "M"]) + str(rng.randint(1, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(rng.choice([6, 7, 7])))
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    member = rng.choice(["".join(rng.choice(letters) for _ in range(3)) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)), "W" + "".join(str(rng.randint(0, 9)) for _ in range(9))])
    mbi = (str(rng.randint(1, 9)) + rng.choice(MBI_L) + rng.choice(MBI_L + "0123456789") +
           str(rng.randint(0, 9)) + rng.choice(MBI_L) + rng.choice(MBI_L + "0123456789") +
           str(rng.randint(0, 9)) + rng.choice(MBI_L) + rng.choice(MBI_L) +
           str(rng.randint(0, 9)) + str(rng.randint(0, 9)))
    brand = rng.choice(["visa", "visa", "mc", "disc", "amex"])
    if brand == "visa":
        body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    elif brand == "mc":
        body = "5" + str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(13))
    elif brand == "disc":
        body = "6011" + "".join(str(rng.randint(0, 9)) for _ in range(11))
    else:
        body = "3" + rng.choice("47") + "".join(str(rng.randint(0, 9)) for _ in range(12))
    card = body + luhn_check_digit(body)
    return {"first": first, "last": last, "dob": dob, "ssn": ssn, "phone": phone, "email": email,
            "street": street, "city": city, "state": state,
            "zip": zp + "%02d" % rng.randint(1, 99), "mrn": mrn, "member": member, "mbi": mbi,
            "card": card, "brand": brand}


def make_npi(rng):
    body = str(rng.randint(1, 2)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_check_digit("80840" + body)


# --------------------------------------------------------------------------- renderers
# style: words (lowercase ASR, no punctuation), cased (ASR, punctuation, numbers in words),
# smart (ASR smart formatting: digits), llm (what an LLM agent says), written (LLM summary),
# struct (normalised field), half (half-normalised field).

def zero(rng, style):
    if style == "words":
        return rng.choice(["oh", "oh", "oh", "zero", "o"])
    return rng.choice(["oh", "oh", "zero"])


def filler(rng):
    return rng.choice(["uh", "um", "uh", "..."])


def r_digits(rng, style, groups, allow_pairs=True, name="digits"):
    """Generic spoken rendering of digit groups."""
    z = zero(rng, style)
    modes = ["digits", "digits", "double"] + (["pairs"] if allow_pairs else [])
    mode = rng.choice(modes)
    sep = rng.choice([", ", ", ", " ", "... "]) if style != "words" else " "
    parts = [render_groups([g], z, mode, sep) for g in groups]
    if mode == "pairs":
        # keep the cross-group fallback of render_groups
        full = render_groups(groups, z, mode, "\x00")
        parts = full.split("\x00")
    txt = sep.join(parts)
    form = "%s_%s_%s" % (name, mode, "oh" if z in ("oh", "o") else "zero")
    if rng.random() < 0.2 and len(groups) > 1:
        k = rng.randint(1, len(parts) - 1)
        txt = sep.join(parts[:k]) + (", " if style != "words" else " ") + rng.choice(["uh", "um"]) + " " + sep.join(parts[k:])
        form += "_filler"
    return txt, form


def r_phone(d, style, rng, correction_ok=True):
    g = [d[:3], d[3:6], d[6:]]
    fmt = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "space": "%s %s %s", "dot": "%s.%s.%s"}
    if style in ("words", "cased"):
        r = rng.random()
        if r < 0.12 and correction_ok:
            wrong = d[6:8] + str((int(d[8]) + 3) % 10) + d[9]
            z = zero(rng, style)
            a = render_groups(g[:2] + [wrong], z, "digits", ", ")
            b = render_groups([g[2]], z, rng.choice(["digits", "pairs"]), ", ")
            return a + rng.choice(["... sorry, ", ", no wait, ", ", sorry, I mean "]) + b, True, "digits_groups_correction"
        if r < 0.22:
            z = zero(rng, style)
            return "%s %s %s" % (render_groups([g[0]], z, "digits", ""), g[1], g[2]), True, "mixed_area_words"
        t, f = r_digits(rng, style, g, name="phone")
        return t, True, f
    if style == "smart":
        r = rng.random()
        if r < 0.25:
            z = zero(rng, style)
            return "%s %s %s" % (render_groups([g[0]], z, "digits", ""), g[1], g[2]), True, "mixed_area_words"
        if r < 0.35:
            return "%s %s %s" % (g[0], g[1], render_groups([g[2]], "oh", "digits", "")), True, "mixed_last4_words"
        k = rng.choice(["paren", "dash", "space", "plain"])
        return (d if k == "plain" else fmt[k] % tuple(g)), False, "written_" + k
    if style == "llm":
        r = rng.random()
        if r < 0.4:
            return render_groups(g, rng.choice(["zero", "oh"]), "digits", ", "), True, "llm_words_groups"
        if r < 0.7:
            return ", ".join("-".join(x) for x in g), False, "llm_digits_hyphen"
        return fmt["paren"] % tuple(g), False, "written_paren"
    if style == "written":
        k = rng.choice(["paren", "dash", "paren", "e164sp"])
        if k == "e164sp":
            return "+1 (%s) %s-%s" % tuple(g), False, "written_plus1_paren"
        return fmt[k] % tuple(g), False, "written_" + k
    if style == "struct":
        k = rng.choice(["e164", "plain", "dash"])
        return {"e164": "+1" + d, "plain": d, "dash": fmt["dash"] % tuple(g)}[k], False, "struct_" + k
    if style == "half":
        if rng.random() < 0.5:
            return "%s %s %s" % (render_groups([g[0]], "oh", "digits", ""), g[1], g[2]), True, "half_mixed_area_words"
        return "%s %s %s" % tuple(g), False, "half_space"
    if style == "e164":
        return "+1" + d, False, "e164"
    raise ValueError(style)


def r_ssn(s, style, rng, last4=False):
    g = [s[:3], s[3:5], s[5:]] if not last4 else [s[5:]]
    pre = "last4_" if last4 else ""
    if style in ("words", "cased", "half"):
        if not last4 and rng.random() < 0.1 and style != "half":
            z = zero(rng, style)
            wrong = g[1][0] + str((int(g[1][1]) + 2) % 10)
            a = render_groups([g[0], wrong], z, "digits", ", ")
            b = render_groups(g[1:], z, "digits", ", ")
            return a + rng.choice(["... no, ", ", sorry, "]) + b, True, "digits_correction"
        t, f = r_digits(rng, style if style != "half" else "cased", g, name=pre + "ssn")
        return t, True, f
    if style == "smart":
        if last4:
            return s[5:], False, "last4_written"
        r = rng.random()
        if r < 0.3:
            return "%s %s %s" % (render_groups([g[0]], zero(rng, style), "digits", ""), g[1], g[2]), True, "mixed_words_digits"
        k = rng.choice(["dash", "space", "plain"])
        return {"dash": "-".join(g), "space": " ".join(g), "plain": s}[k], False, "written_" + k
    if style == "llm":
        if last4:
            if rng.random() < 0.5:
                return render_groups(g, "zero", "digits", ""), True, "last4_llm_words"
            return "-".join(s[5:]), False, "last4_llm_digits_hyphen"
        return "-".join(g), False, "written_dash"
    if style in ("written", "struct"):
        if last4:
            return s[5:], False, "last4_" + style
        return ("-".join(g) if rng.random() < 0.7 else s), False, style + "_ssn"
    raise ValueError(style)


def card_groups(c):
    if len(c) == 15:
        return [c[:4], c[4:10], c[10:]]
    return [c[i:i + 4] for i in range(0, 16, 4)]


def r_card(c, style, rng):
    g = card_groups(c)
    if style in ("words", "cased"):
        if rng.random() < 0.15:
            k = rng.randint(1, len(g) - 1)
            return " ".join(g[:k]) + " " + render_groups(g[k:], zero(rng, style), "digits", " "), True, "mixed_digits_then_words"
        t, f = r_digits(rng, style, g, name="card")
        return t, True, f
    if style == "smart":
        if rng.random() < 0.3:
            k = rng.randint(1, len(g) - 1)
            return " ".join(g[:k]) + " " + render_groups(g[k:], "oh", "digits", " "), True, "mixed_digits_then_words"
        k = rng.choice(["space", "dash", "plain"])
        return {"space": " ".join(g), "dash": "-".join(g), "plain": c}[k], False, "written_" + k
    if style == "llm":
        if rng.random() < 0.5:
            return render_groups(g, "zero", "digits", ", "), True, "llm_words_groups"
        return " ".join(g), False, "written_space"
    if style in ("written", "struct"):
        return (c if rng.random() < 0.6 else " ".join(g)), False, style + "_card"
    if style == "half":
        return " ".join(g), False, "half_space"
    raise ValueError(style)


def split_mrn(m):
    pre = m[0] if m[0].isalpha() else ""
    d = m[len(pre):]
    if len(d) == 7:
        gs = [d[:3], d[3:]]
    elif len(d) == 8:
        gs = [d[:4], d[4:]]
    else:
        gs = [d[:4], d[4:]]
    return pre, gs


def letter_say(ch, rng, how):
    ch = ch.lower()
    if how == "nato":
        return NATO[ch]
    if how == "asin":
        return "%s as in %s" % (ch, ASIN[ch])
    return ch


def r_mrn(m, style, rng):
    pre, gs = split_mrn(m)
    if style in ("words", "cased", "half"):
        t, f = r_digits(rng, "cased" if style == "half" else style, gs, name="mrn")
        if pre:
            how = rng.choice(["plain", "asin", "nato"])
            t = letter_say(pre, rng, how) + (", " if how == "asin" and style != "words" else " ") + t
            f = "alnum_" + how + "_" + f
        return t, True, f
    if style == "smart":
        if rng.random() < 0.25:
            t = render_groups(gs, "oh", "digits", " ")
            return (pre.lower() + " " if pre else "") + t, True, "mixed_letter_words"
        return (m if rng.random() < 0.7 else pre + " ".join(gs)), False, "written_mrn"
    if style == "llm":
        if rng.random() < 0.5:
            return ((pre + ", ") if pre else "") + render_groups(gs, "zero", "digits", ", "), True, "llm_words_groups"
        return ((pre + "-") if pre else "") + "-".join(m[len(pre):]), False, "llm_digits_hyphen"
    if style in ("written", "struct"):
        return m, False, style + "_mrn"
    raise ValueError(style)


def r_zip(zp, style, rng):
    if style in ("words", "cased"):
        z = zero(rng, style)
        r = rng.random()
        if r < 0.2 and zp[3] != "0":
            return group_digits(zp[:3], z) + " " + n2w(int(zp[3:])), True, "zip_digits_last_pair"
        if r < 0.3:
            return group_double(zp, z), True, "zip_double"
        return group_digits(zp, z), True, "zip_digits_" + ("oh" if z in ("oh", "o") else "zero")
    if style == "smart":
        if rng.random() < 0.2:
            return zp[:3] + " " + group_digits(zp[3:], "oh"), True, "mixed_zip"
        return zp, False, "written_zip"
    if style == "llm":
        if rng.random() < 0.5:
            return group_digits(zp, "zero"), True, "llm_words"
        return zp, False, "written_zip"
    return zp, False, style + "_zip"


def email_parts(e):
    local, dom = e.split("@")
    return local, dom


def say_local(local, rng, spell=False):
    out = []
    for tok in re.findall(r"[a-z]+|[0-9]+|[._]", local):
        if tok == ".":
            out.append("dot")
        elif tok == "_":
            out.append("underscore")
        elif tok.isdigit():
            out.append(n2w(int(tok)) if rng.random() < 0.6 else " ".join(ONES[int(c)] for c in tok))
        elif spell:
            out.append(" ".join(tok))
        else:
            out.append(tok)
    return " ".join(out)


def say_domain(dom, rng):
    name, tld = dom.split(".")
    if name == "gmail" and rng.random() < 0.4:
        name = "g mail"
    return "%s dot %s" % (name, tld)


def r_email(e, style, rng):
    local, dom = email_parts(e)
    if style in ("words", "cased"):
        r = rng.random()
        if r < 0.35:
            return "%s at %s" % (say_local(local, rng), say_domain(dom, rng)), True, "email_words"
        if r < 0.65:
            return "%s at %s" % (say_local(local, rng, spell=True), say_domain(dom, rng)), True, "email_spelled_local"
        if r < 0.85:
            first = re.findall(r"[a-z]+", local)[0]
            rest = say_local(local[len(first):], rng) if local[len(first):] else ""
            return "%s, %s, %sat %s" % (first, " ".join(first), rest + " " if rest else "", say_domain(dom, rng)), True, "email_spell_first_inline"
        sp = say_local(local, rng)
        return "%s at %s" % (sp.replace(" dot ", ".") if style == "cased" else sp, dom.replace(".", " dot ")), True, "email_words_partial"
    if style == "smart":
        r = rng.random()
        if r < 0.4:
            return e, False, "written_email"
        if r < 0.7:
            return "%s at %s" % (local, dom), True, "email_at_word"
        return "%s at %s" % (say_local(local, rng), say_domain(dom, rng)), True, "email_words"
    if style == "llm":
        if rng.random() < 0.35:
            return "%s at %s" % (say_local(local, rng, spell=True), say_domain(dom, rng)), True, "llm_spelled"
        return e, False, "written_email"
    if style == "half":
        if rng.random() < 0.5:
            return "%s at %s" % (say_local(local, rng), say_domain(dom, rng)), True, "half_email_words"
        return "%s @ %s" % (local, dom), False, "half_email_spaced"
    return e, False, style + "_email"


def r_dob(d, style, rng, kind="dob"):
    m, dd, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    if style in ("words", "cased", "llm_words"):
        hy = style == "cased" and rng.random() < 0.3
        yw = year_words(y, rng, hy)
        opts = ["month_ord_year", "month_ord_yy", "num_mdy_nolead", "num_mdy_lead", "the_d_of_m",
                "month_card_year", "num_mdy_full"]
        if kind == "date":
            opts = ["month_ord_year", "month_ord_noyear", "the_d_of_m_noyear", "the_d_of_m", "month_ord_noyear"]
        f = rng.choice(opts)
        while f.startswith("num_mdy") and dd % 10 == 0:
            f = rng.choice(opts)
        z = zero(rng, style)
        t = {"month_ord_year": "%s %s %s" % (mon, ordw(dd), yw),
             "month_ord_yy": "%s %s, %s" % (mon, ordw(dd), yy_words(y, hy)),
             "month_ord_noyear": "%s %s" % (mon, ordw(dd)),
             "num_mdy_nolead": "%s %s %s" % (n2w(m), n2w(dd), yy_words(y, hy)),
             "num_mdy_lead": "%s %s %s" % (pair_w("%02d" % m, z), pair_w("%02d" % dd, z), yy_words(y, hy)),
             "the_d_of_m": "the %s of %s, %s" % (ordw(dd), mon, yw),
             "the_d_of_m_noyear": "the %s of %s" % (ordw(dd), mon),
             "month_card_year": "%s %s %s" % (mon, n2w(dd), yw),
             "num_mdy_full": "%s %s %s" % (n2w(m), n2w(dd), yw)}[f]
        if kind == "dob" and rng.random() < 0.12 and f.startswith("month_ord") and dd < 28:
            t = "%s %s... no, %s" % (mon, ordw(dd + 1), t)
            f += "_correction"
        elif rng.random() < 0.12:
            ws = t.split(" ")
            ks = [k for k in range(1, len(ws)) if ws[k - 1].strip(",") not in TENS and ws[k - 1] != "the"]
            k = rng.choice(ks)
            t = " ".join(ws[:k]) + " " + filler(rng) + " " + " ".join(ws[k:])
            f += "_filler"
        if style == "words":
            t = t.lower()
        return t, True, f
    if style == "smart":
        r = rng.random()
        if r < 0.25:
            return "%s %s %d" % (mon.lower(), ordw(dd), y), True, "mixed_month_ord_digits_year"
        f = rng.choice(["slash", "slash_nolead", "month_ordnum", "month_num"])
        return {"slash": "%02d/%02d/%d" % (m, dd, y), "slash_nolead": "%d/%d/%d" % (m, dd, y),
                "month_ordnum": "%s %s, %d" % (mon, ordnum(dd), y),
                "month_num": "%s %d, %d" % (mon, dd, y)}[f], False, "written_" + f
    if style == "llm":
        r = rng.random()
        if r < 0.35:
            return "%s %s, %s" % (mon, ordw(dd), year_words(y, rng, True)), True, "llm_month_ord_year_words"
        if r < 0.7:
            return "%s %s, %d" % (mon, ordnum(dd), y), False, "written_month_ordnum"
        return "%02d/%02d/%d" % (m, dd, y), False, "written_slash"
    if style == "written":
        f = rng.choice(["slash", "month_num", "slash", "month_ordnum"])
        return {"slash": "%02d/%02d/%d" % (m, dd, y), "month_num": "%s %d, %d" % (mon, dd, y),
                "month_ordnum": "%s %s, %d" % (mon, ordnum(dd), y)}[f], False, "written_" + f
    if style == "struct":
        if rng.random() < 0.7:
            return d.isoformat(), False, "struct_iso"
        return "%02d/%02d/%d" % (m, dd, y), False, "struct_slash"
    if style == "half":
        r = rng.random()
        if r < 0.35:
            return "%s %s %d" % (mon.lower(), ordw(dd), y), True, "half_month_ord_digits_year"
        if r < 0.7:
            return "%s %s %d" % (mon, ordnum(dd), y), False, "half_month_ordnum"
        return "%d/%d/%02d" % (m, dd, y % 100), False, "half_slash_short"
    raise ValueError(style)


def spell(word, rng, style, how=None):
    how = how or rng.choice(["letters", "letters", "hyphen", "asin", "nato"])
    w = word.lower()
    if how == "hyphen" and style != "words":
        return "-".join(w.upper()), "spelled_hyphen_caps"
    if how == "asin":
        sep = ", " if style != "words" else " "
        return sep.join("%s as in %s" % (c, ASIN[c]) if i % 2 == 0 else c for i, c in enumerate(w)), "spelled_as_in_alternate"
    if how == "nato":
        return " ".join(NATO[c] for c in w), "spelled_nato_space"
    return " ".join(w), "spelled_letters_space"


def house_words(n, rng):
    s = str(n)
    if len(s) == 2:
        return n2w(n), "house_cardinal"
    if len(s) == 3:
        return ONES[int(s[0])] + " " + pair_w(s[1:], "oh"), "house_pairs"
    if rng.random() < 0.25:
        return group_digits(s, "oh"), "house_digits"
    return pair_w(s[:2], "oh") + " " + pair_w(s[2:], "oh"), "house_pairs"


def r_street(st, style, rng):
    suffix_full, suffix_abbr = st["suffix"]
    if style in ("words", "cased"):
        h, f = house_words(st["house"], rng)
        t = h + " " + ((st["dir"].lower() if style == "words" else st["dir"]) + " " if st["dir"] else "") + \
            st["name"] + " " + suffix_full
        if st["unit"]:
            u = st["unit"]
            uw = " ".join(n2w(int(c)) if c.isdigit() else c.lower() for c in re.findall(r"\d+|[A-Z]", u))
            t += rng.choice([", apartment ", " apartment ", ", unit ", " number "]) + uw
            f += "_unit"
        if style == "words":
            t = t.lower()
        return t, True, f
    t = "%d %s%s %s" % (st["house"], (st["dir"][0] + ". ") if st["dir"] else "", st["name"],
                        suffix_abbr if style in ("written", "struct", "llm") else suffix_full)
    if st["unit"]:
        t += rng.choice([", Apt ", " Apt. ", ", Unit ", " #"]) + st["unit"]
    return t, False, "written_street" + ("_unit" if st["unit"] else "")


def r_alnum(v, style, rng, name):
    """Member id / MBI: letters and digits."""
    if style in ("words", "cased", "half"):
        how = rng.choice(["plain", "plain", "asin", "nato"]) if name == "member" else rng.choice(["plain", "plain", "asin"])
        parts = []
        for chunk in re.findall(r"[A-Z]+|\d+", v):
            if chunk.isalpha():
                parts.append((", " if how == "asin" and style != "words" else " ").join(letter_say(c, rng, how) for c in chunk))
            else:
                gs = [chunk[i:i + 3] for i in range(0, len(chunk), 3)]
                parts.append(render_groups(gs, zero(rng, style), rng.choice(["digits", "digits", "double"]), ", " if style != "words" else " "))
        t = (", " if style != "words" else " ").join(parts)
        return (t.lower() if style == "words" else t), True, "alnum_%s_%s" % (name, how)
    if style == "smart":
        if rng.random() < 0.3:
            parts = [(" ".join(c.lower() for c in ch) if ch.isalpha() else ch) for ch in re.findall(r"[A-Z]+|\d+", v)]
            return " ".join(parts), True, "mixed_letters_words_digits"
        return v, False, "written_" + name
    if style == "llm":
        if name == "mbi" and rng.random() < 0.5:
            return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, "written_mbi_dashed"
        return v, False, "written_" + name
    if name == "mbi" and rng.random() < 0.4:
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, style + "_mbi_dashed"
    return v, False, style + "_" + name


def r_npi(v, style, rng):
    if style in ("words", "cased"):
        t, f = r_digits(rng, style, [v[:3], v[3:6], v[6:]], allow_pairs=False, name="npi")
        return t, True, f
    if style == "smart" and rng.random() < 0.3:
        return v[:5] + " " + group_digits(v[5:], "oh"), True, "mixed_npi"
    return v, False, "written_npi"


# --------------------------------------------------------------------------- negatives
def neg_text(what, key, style, rng):
    """(spoken text, written text) choices for hard negatives."""
    spoken = style in ("words", "cased")
    T = {
        "911": ("nine one one", "911"),
        "press1": ("press one", "press 1"), "press2": ("press two", "press 2"),
        "press3": ("press three", "press 3"),
    }
    if key in T:
        return T[key][0 if spoken else 1]
    raise KeyError(key)


TIMES = [("two thirty", "2:30", "2:30 PM"), ("nine fifteen", "9:15", "9:15 AM"),
         ("ten forty five", "10:45", "10:45 AM"), ("eleven o'clock", "11:00", "11:00 AM"),
         ("one fifteen", "1:15", "1:15 PM"), ("three forty", "3:40", "3:40 PM"),
         ("eight thirty", "8:30", "8:30 AM"), ("four o'clock", "4:00", "4:00 PM")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONEY = [("one hundred forty two dollars and fifty cents", "$142.50"),
         ("eighty five dollars", "$85.00"), ("two hundred and ten dollars", "$210"),
         ("thirty five dollars", "$35"), ("sixty seven twenty", "$67.20"),
         ("three hundred eighteen dollars", "$318.00"), ("forty dollars", "$40")]
LABS = [("A1C", "six point eight", "6.8"), ("A1C", "seven point two", "7.2"),
        ("potassium", "four point one", "4.1"), ("LDL", "one fifty two", "152"),
        ("TSH", "three point nine", "3.9"), ("hemoglobin", "twelve point four", "12.4"),
        ("creatinine", "one point one", "1.1"), ("fasting glucose", "one oh eight", "108"),
        ("vitamin D", "twenty two", "22")]
BPS = [("one thirty two over eighty four", "132/84"), ("one eighteen over seventy six", "118/76"),
       ("one forty over ninety", "140/90")]
DURS = [("about twenty minutes", "20 minutes"), ("forty five minutes", "45 minutes"),
        ("forty eight hours", "48 hours"), ("three months", "3 months"),
        ("two to three business days", "2-3 business days"), ("fifteen minutes", "15 minutes")]
COUNTS = [("ninety tablets", "90 tablets"), ("thirty day supply", "30-day supply"),
          ("two refills", "2 refills"), ("sixty capsules", "60 capsules"),
          ("ninety day supply", "90-day supply")]


# --------------------------------------------------------------------------- record context
class Ctx:
    def __init__(self, rng, p, cstyle, astyle):
        self.rng, self.p, self.cs, self.as_ = rng, p, cstyle, astyle
        self.reg = []
        self.log = []   # caller spans (entity, text, spoken, form, value) for entity lists

    def style(self, who):
        return {"caller": self.cs, "agent": self.as_}.get(who, who)

    def _mark(self, text, info):
        if not text or text != text.strip() or '"' in text or "\\" in text:
            raise ValueError("bad value text %r" % text)
        self.reg.append(info)
        return "%s%d%s%s%s" % (VM, len(self.reg) - 1, VS, text, VE)

    def span(self, ent, text, spoken, form, cue, value, neutral=False, who=None):
        if self.style(who) == "words" and who in ("caller", "agent"):
            text = wordsify(text)
        info = {"t": "s", "entity": ent, "spoken": spoken, "cue": cue, "form": form, "value": value}
        if neutral:
            info["neutral"] = True
        m = self._mark(text, info)
        if who == "caller":
            self.log.append((m, ent, text, spoken, form, value))
        return m

    def neg(self, what, text, who=None):
        if self.style(who) == "words" and who in ("caller", "agent"):
            text = wordsify(text)
        return self._mark(text, {"t": "n", "what": what})

    def num(self, what, number):
        self.reg.append({"t": "num", "what": what, "lit": json.dumps(number)})
        return "%s%d%s" % (NQ, len(self.reg) - 1, NQ)

    # ---- PHI values, by who says it
    def v(self, ent, cue, who, **kw):
        st = self.style(who)
        p, rng = self.p, self.rng
        if ent == "PHONE":
            t, sp, f = r_phone(kw.get("val", p["phone"]), st, rng, correction_ok=(who == "caller"))
            val = kw.get("val", p["phone"])
        elif ent == "SSN":
            last4 = kw.get("last4", False)
            t, sp, f = r_ssn(p["ssn"], st, rng, last4=last4)
            if who != "caller" and "correction" in f:
                t, sp, f = r_ssn(p["ssn"], st, rng, last4=last4)
            val = p["ssn"][5:] if last4 else p["ssn"]
        elif ent == "DOB":
            d = kw.get("val", p["dob"])
            t, sp, f = r_dob(d, st, rng)
            while who != "caller" and "correction" in f:
                t, sp, f = r_dob(d, st, rng)
            val = d.isoformat()
        elif ent == "DATE":
            d = kw["val"]
            t, sp, f = r_dob(d, st, rng, kind="date")
            val = d.isoformat()
        elif ent == "CARD":
            t, sp, f = r_card(p["card"], st, rng)
            val = p["card"]
        elif ent == "MRN":
            t, sp, f = r_mrn(p["mrn"], st, rng)
            val = p["mrn"]
        elif ent == "ZIP":
            t, sp, f = r_zip(p["zip"], st, rng)
            val = p["zip"]
        elif ent == "EMAIL":
            t, sp, f = r_email(p["email"], st, rng)
            if who != "caller" and "inline" in f:
                t, sp, f = p["email"], False, "written_email"
            val = p["email"]
        elif ent == "STREET":
            t, sp, f = r_street(p["street"], st, rng)
            val = str(p["street"]["house"])
        elif ent == "CITY":
            t = p["city"].lower() if st == "words" else p["city"]
            sp, f, val = who in ("caller", "agent"), "city", p["city"]
        elif ent == "MBI":
            t, sp, f = r_alnum(p["mbi"], st, rng, "mbi")
            val = p["mbi"]
        elif ent == "MEMBER_ID":
            t, sp, f = r_alnum(p["member"], st, rng, "member")
            val = p["member"]
        elif ent == "NPI":
            t, sp, f = r_npi(p["npi"], st, rng)
            val = p["npi"]
        else:
            raise ValueError(ent)
        if who == "half" and ("filler" in f or "correction" in f):
            return self.v(ent, cue, who, **kw)
        return self.span(ent, t, sp, f, cue, val, who=who)

    def name(self, which, part, cue, who, how=None):
        """which: patient/caller/provider/agent; part: full/first/last/spell_last/spell_first."""
        st = self.style(who)
        p = self.p
        first, last = {"patient": ("first", "last"), "caller": ("cfirst", "clast"),
                       "provider": ("pfirst", "prov"), "agent": ("agent", "agent")}[which]
        first, last = p[first], p[last]
        spoken = who in ("caller", "agent")
        if part == "full":
            t, f = "%s %s" % (first, last), "name_full"
        elif part == "first":
            t, f = first, "name_first"
        elif part == "last":
            t, f = last, "name_last"
        elif part == "lastfirst":
            t, f = "%s %s" % (last.upper(), first.upper()), "name_cnam_caps"
        elif part == "spell_last":
            t, f = spell(last, self.rng, st, how)
        elif part == "spell_first":
            t, f = spell(first, self.rng, st, how)
        else:
            raise ValueError(part)
        if st == "words":
            t = t.lower()
            f += "_lower"
        val = t if part.startswith("spell") else re.sub(r"\s+", " ", t)
        if part.startswith("spell"):
            val = last if part == "spell_last" else first
        return self.span("NAME", t, spoken, f, cue, val, who=who)

    # ---- negatives
    def n_time(self, who, k=None):
        st = self.style(who)
        if k is None:
            k = self.p.setdefault("time_k", self.rng.randrange(len(TIMES)))
        s, d, full = TIMES[k]
        t = s if st in ("words", "cased") else (full if st in ("llm", "written", "struct") else d)
        return self.neg("time", t, who)

    def n_appt(self, who, slot=0):
        st = self.style(who)
        rng = self.rng
        key = "appt%d" % slot
        if key not in self.p:
            self.p[key] = (rng.choice(WEEKDAYS), rng.randint(2, 28), rng.choice(MONTHS[5:9]))
        wd, day, mon = self.p[key]
        if st in ("words", "cased"):
            t = rng.choice(["%s the %s" % (wd, ordw(day)), "%s %s" % (mon, ordw(day)), "next %s" % wd])
        elif st in ("written", "struct") and rng.random() < 0.5:
            t = "2024-%02d-%02d" % (MONTHS.index(mon) + 1, day)
        else:
            t = rng.choice(["%s, %s %s" % (wd, mon, ordnum(day)), "%s %s" % (mon, ordnum(day))])
        return self.neg("appointment_date", t, who)

    def n_pair(self, what, pair, who):
        st = self.style(who)
        return self.neg(what, pair[0] if st in ("words", "cased") else pair[1], who)

    def n_conf(self, what, who, digits=None):
        st = self.style(who)
        rng = self.rng
        digits = digits or "".join(str(rng.randint(1, 9)) for _ in range(rng.choice([5, 6, 7])))
        self.p.setdefault("conf_" + what, digits)
        digits = self.p["conf_" + what]
        if st in ("words", "cased"):
            t = " ".join(ONES[int(c)] for c in digits)
        elif st == "llm" and rng.random() < 0.5:
            t = "-".join(digits)
        else:
            t = digits
        return self.neg(what, t, who)

    def n_dose(self, who):
        med = self.p["med"]
        st = self.style(who)
        if st in ("words", "cased"):
            t = "%s %s" % (med[1][1], UNITW[med[2]])
        else:
            t = "%d %s" % (med[1][0], med[2])
        return self.neg("dose", t, who)


def wordsify(s):
    s = s.lower()
    s = s.replace("...", " ")
    s = re.sub(r"[,.?!;:]", "", s)
    s = re.sub(r" +", " ", s)
    return s.strip()


# --------------------------------------------------------------------------- carrier
MTS_BAD = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|sixty|hundred|first|second|third|name|born|"
                     r"birth|address|phone|email|years?|old|months?|weeks?|days?|today|"
                     r"yesterday|mg|milligrams?|daughter|son|wife|husband)\b", re.I)


def load_carrier(path_hint):
    cands = [path_hint, os.environ.get("CARRIER_DIR", ""),
             os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 5, "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        f = os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv") if c else ""
        if f and os.path.exists(f):
            break
    else:
        return FALLBACK_CARRIER
    out = []
    with open(f, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["section_header"] not in ("ROS", "CC", "ALLERGY", "MEDICATIONS"):
                continue
            lines = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
            if not 2 <= len(lines) <= 6:
                continue
            turns = []
            ok = True
            for i, l in enumerate(lines):
                want = "Doctor:" if i % 2 == 0 else "Patient:"
                if not l.startswith(want):
                    ok = False
                    break
                body = l[len(want):].strip()
                if not body or len(body) > 140 or MTS_BAD.search(body):
                    ok = False
                    break
                for m in re.finditer(r"\b[A-Z][a-zA-Z']*", body):
                    w = m.group(0)
                    before = body[:m.start()].rstrip()
                    if w in ("I", "I'm", "I've", "I'd", "I'll") or not before or before[-1] in ".?!":
                        continue
                    ok = False
                    break
                if i == 0 and not body.endswith("?"):
                    ok = False
                    break
                turns.append(("agent" if i % 2 == 0 else "caller", body))
            if ok and len(turns) >= 2:
                out.append(turns)
    return out or FALLBACK_CARRIER


FALLBACK_CARRIER = [[("agent", "Any side effects from the medication?"), ("caller", "No, nothing I've noticed.")],
                    [("agent", "Are you having any chest pain or shortness of breath?"), ("caller", "No, I feel fine.")]]


# --------------------------------------------------------------------------- scenarios
def greet(c, scen, ivr):
    rng = c.rng
    clinic = c.p["clinic"]
    who = "agent"
    if c.as_ == "llm" or c.p.get("bot"):
        t = rng.choice(["Thank you for calling %s. I'm the virtual assistant. This call %s be recorded. " % (clinic, c.neg("common_word", "may", who)),
                        "Hi, you've reached %s. I'm an automated assistant and this call %s be recorded. " % (clinic, c.neg("common_word", "may", who))])
    else:
        t = rng.choice(["Thank you for calling %s, this is %s. " % (clinic, c.name("agent", "first", "same", who)),
                        "%s, %s speaking. " % (clinic, c.name("agent", "first", "same", who))])
    if ivr:
        t += "If this is a medical emergency, hang up and dial %s. For pharmacy refills, %s. For billing, %s. " % (
            c.neg("emergency_number", neg_text("", "911", c.style(who), rng), who),
            c.neg("menu_option", neg_text("", "press1", c.style(who), rng), who),
            c.neg("menu_option", neg_text("", "press2", c.style(who), rng), who))
    t += rng.choice(["How can I help you today?", "How can I help?", "What can I do for you today?"])
    return ("agent", t)


def verify(c, turns, struct, tools, kinds):
    """Name + DOB + one extra identifier. Returns list of extra kinds used."""
    rng = c.rng
    A, C = "agent", "caller"
    opener_none = c.p.get("opener_none")
    if not opener_none:
        turns.append((A, rng.choice(["Can I have the patient's first and last name?",
                                     "Sure. What is your full name, please?",
                                     "I can help with that. First, can I get your name?"])))
        if c.p["relative"]:
            turns.append((C, "It's for my %s, %s." % (c.p["relation"], c.name("patient", "full", "prev", C))))
        else:
            r = rng.random()
            if r < 0.45:
                turns.append((C, "%s. Last name is %s." % (c.name("patient", "full", "prev", C), c.name("patient", "spell_last", "same", C))))
            elif r < 0.6:
                turns.append((C, "%s, %s, and the last name %s, %s." % (
                    c.name("patient", "first", "prev", C), c.name("patient", "spell_first", "same", C),
                    c.name("patient", "last", "same", C), c.name("patient", "spell_last", "same", C))))
            else:
                turns.append((C, "Yeah, it's %s." % c.name("patient", "full", "prev", C)))
        q = rng.choice(["And the date of birth?", "Thank you. And what is the date of birth?",
                        "Thanks %s. Can you verify the date of birth?" % c.name("patient", "first", "prev", A)])
        turns.append((A, q))
        if rng.random() < 0.6:
            turns.append((C, "%s." % c.v("DOB", "prev", C)))
        else:
            if c.p["relative"]:
                turns.append((C, "%s date of birth is %s." % (c.p["poss"].capitalize(), c.v("DOB", "same", C))))
            elif rng.random() < 0.3:
                turns.append((C, "Uh, it's %s." % c.v("DOB", "prev", C)))
            else:
                turns.append((C, rng.choice(["Sure, my birthday is %s.", "Date of birth is %s.", "I was born %s."]) % c.v("DOB", "same", C)))
        if rng.random() < 0.5:
            turns.append((A, "I have %s, is that right?" % c.v("DOB", "prev", A)))
            turns.append((C, rng.choice(["Yes.", "Yep, that's right.", "Correct."])))
    extra = kinds or rng.sample(["PHONE", "ZIP", "SSN4", "MRN"], 1)
    for k in extra:
        if k == "PHONE":
            turns.append((A, rng.choice(["Can you confirm the phone number on the account?",
                                         "And for verification, what's the best phone number for you?"])))
            turns.append((C, "%s." % c.v("PHONE", "prev", C) if rng.random() < 0.6 else "My cell is %s." % c.v("PHONE", "same", C)))
            struct["phone"] = ("PHONE",)
        elif k == "ZIP":
            turns.append((A, "And the zip code on file?"))
            turns.append((C, "%s." % c.v("ZIP", "prev", C) if rng.random() < 0.6 else "Zip is %s." % c.v("ZIP", "same", C)))
            struct["zip_code"] = ("ZIP",)
        elif k == "SSN4":
            turns.append((A, rng.choice(["Can you give me the last four digits of your social?",
                                         "And the last four of the Social Security number?"])))
            turns.append((C, "%s." % c.v("SSN", "prev", C, last4=True) if rng.random() < 0.6 else "Last four is %s." % c.v("SSN", "same", C, last4=True)))
            struct["ssn_last4"] = ("SSN4",)
        elif k == "MRN":
            turns.append((A, "Do you have the medical record number? It's on the after visit summary."))
            turns.append((C, "Hold on... okay, %s." % c.v("MRN", "prev", C) if rng.random() < 0.5 else "Yes, the MRN is %s." % c.v("MRN", "same", C)))
            if rng.random() < 0.4:
                turns.append((A, "Let me repeat that, %s." % c.v("MRN", "prev", A)))
                turns.append((C, "That's it."))
            struct["mrn"] = ("MRN",)
    tools.append((len(turns) - 1, "verify_patient", {"full_name": ("NAMEFULL",), "date_of_birth": ("DOB",),
                                                     **({"mrn": ("MRN",)} if "MRN" in extra else {}),
                                                     **({"phone": ("PHONE",)} if "PHONE" in extra else {}),
                                                     **({"zip": ("ZIP",)} if "ZIP" in extra else {})},
                  ("mrn_result" if "MRN" not in extra and rng.random() < 0.4 else "ok")))
    return extra


def opener_line(c, reason):
    rng = c.rng
    C = "caller"
    if c.p.get("opener_none"):
        r = rng.random()
        extra = ""
        if r < 0.3:
            extra = c.v("PHONE", "none", C) + ". "
        elif r < 0.5:
            extra = c.v("MRN", "none", C) + ". "
        elif r < 0.65:
            extra = c.v("ZIP", "none", C) + ". "
        return (C, "Yeah hi. %s. %s. %s%s" % (c.name("patient", "full", "none", C), c.v("DOB", "none", C), extra, reason))
    if c.p["relative"]:
        return (C, "Hi, this is %s, I'm calling for my %s. %s" % (c.name("caller", "full", "same", C), c.p["relation"], reason))
    return (C, rng.choice(["Hi, yes. ", "Hi. ", "Yeah, hi, ", "Good morning. "]) + reason)


def closing(c, turns):
    rng = c.rng
    turns.append(("agent", rng.choice(["Is there anything else I can help you with?", "Anything else today?"])))
    r = rng.random()
    if r < 0.2 and not c.p["pharmacist"]:
        turns.append(("caller", "No. Oh, and %s, you can write that down in case we get cut off." % c.v("PHONE", "none", "caller")))
    elif r < 0.3 and not c.p["pharmacist"]:
        turns.append(("caller", "Um, no. Actually, %s, just so you have it. That's all." % c.v("EMAIL", "none", "caller")))
    else:
        turns.append(("caller", rng.choice(["No, that's it. Thank you.", "Nope, that's all. Thanks so much.",
                                            "No. I %s call back if I need to. Thanks." % c.neg("common_word", "will", "caller")])))
    who = "agent"
    first = c.name("caller" if (c.p["relative"] or c.p["pharmacist"]) else "patient", "first", "prev", who)
    turns.append((who, rng.choice(["You're welcome, %s. Have a great day." % first,
                                   "Thanks for calling, %s. Take care." % first,
                                   "Okay. I %s you have a good rest of your day. Goodbye." % c.neg("common_word", "hope", who)])))


def carrier_block(c, turns):
    snip = c.rng.choice(c.carrier)
    for role, body in snip:
        turns.append((role, wordsify(body) if c.style(role) == "words" else body))
    c.p["carrier_used"] = True


def scen_scheduling(c):
    rng = c.rng
    A, C = "agent", "caller"
    turns, struct, tools = [greet(c, "scheduling", rng.random() < 0.3)], collections.OrderedDict(), []
    wellness = c.p["age"] >= 65 and rng.random() < 0.6
    reason = rng.choice(["I need to make a follow up appointment with Dr. %s." % c.name("provider", "last", "same", C),
                         "I'd like to schedule my annual physical.",
                         "I need to get in to see somebody about my knee."])
    if wellness:
        reason = "I need to schedule my Medicare wellness visit."
    elif 45 <= c.p["age"] < 90 and not c.p["relative"] and rng.random() < 0.5:
        reason = "I'm %s now, so I need my physical and they said I'm due for a colonoscopy." % c.n_pair("age", (n2w(c.p["age"]), str(c.p["age"])), C)
    turns.append(opener_line(c, reason))
    verify(c, turns, struct, tools, None)
    struct["patient_name"] = ("NAMEFULL",)
    struct["date_of_birth"] = ("DOB",)
    if wellness:
        turns.append((A, "Since this is a Medicare wellness visit, can I get the Medicare number on the red white and blue card?"))
        turns.append((C, "Okay it's %s." % c.v("MBI", "prev", C)))
        struct["medicare_id"] = ("MBI",)
    if c.p["new_address"]:
        address_block(c, turns, struct)
    if not wellness and rng.random() < 0.35:
        turns.append((A, "Has your insurance changed since your last visit?"))
        if rng.random() < 0.5:
            turns.append((C, "Yes, I have a new card. The member ID is %s." % c.v("MEMBER_ID", "same", C)))
        else:
            turns.append((C, "Yeah, it did."))
            turns.append((A, "Okay, what's the member ID on the front of the card?"))
            turns.append((C, "%s." % c.v("MEMBER_ID", "prev", C)))
        struct["member_id"] = ("MEMBER_ID",)
    k1, k2 = rng.sample(range(len(TIMES)), 2)
    turns.append((A, "Dr. %s has an opening %s at %s, or %s at %s. Which works better?" % (
        c.name("provider", "last", "same", A), c.n_appt(A, 1), c.n_time(A, k1), c.n_appt(A, 2), c.n_time(A, k2))))
    pick = rng.choice([1, 2, 2])
    c.p["appt0"] = c.p["appt%d" % pick]
    c.p["time_k"] = k1 if pick == 1 else k2
    if pick == 1:
        turns.append((C, rng.choice(["The first one.", "The first one works."])))
    elif rng.random() < 0.5:
        turns.append((C, "The second one, please."))
    else:
        turns.append((C, "Um, the %s one works." % c.neg("time", TIMES[k2][0] if c.cs in ("words", "cased") else TIMES[k2][1], C)))
    turns.append((A, "You're all set. The visit is %s, so please arrive %s early." % (
        c.n_pair("duration", DURS[1], A), c.n_pair("duration", DURS[5], A))))
    struct["appointment_date"] = ("NEG_APPT",)
    struct["appointment_time"] = ("NEG_TIME",)
    if rng.random() < 0.75:
        email_block(c, turns, struct, "confirmation")
    turns.append((A, "Your confirmation number is %s." % c.n_conf("confirmation_number", A)))
    if rng.random() < 0.5:
        turns.append((C, "Can you repeat that?"))
        turns.append((A, "Sure, %s." % c.n_conf("confirmation_number", A)))
    closing(c, turns)
    summ = summary(c, "scheduling", struct)
    tools.append((len(turns) - 4, "book_appointment", {"patient_name": ("NAMEFULL",), "dob": ("DOB",),
                                                       "provider": ("PROVIDER",), "date": ("NEG_APPT",), "time": ("NEG_TIME",)},
                  "booked"))
    return turns, summ, struct, tools


def email_block(c, turns, struct, why):
    rng = c.rng
    A, C = "agent", "caller"
    turns.append((A, rng.choice(["Would you like the %s sent by email?" % why,
                                 "What email address should we send the %s to?" % why])))
    r = rng.random()
    yes = "Sure" if "Would" in turns[-1][1] else "Okay"
    if r < 0.5:
        turns.append((C, "%s, it's %s." % (yes, c.v("EMAIL", "prev", C))))
    elif r < 0.8:
        turns.append((C, "%s, my email is %s." % (yes, c.v("EMAIL", "same", C))))
    elif yes == "Sure":
        turns.append((C, "Yes please."))
        turns.append((A, "What's the address?"))
        turns.append((C, "%s." % c.v("EMAIL", "prev", C)))
    if rng.random() < 0.55:
        turns.append((A, "Let me read that back: %s." % c.v("EMAIL", "prev", A)))
        turns.append((C, rng.choice(["Yes.", "Yep.", "That's right."])))
    struct["email"] = ("EMAIL",)


def address_block(c, turns, struct):
    rng = c.rng
    A, C = "agent", "caller"
    turns.append((A, rng.choice(["I see we have an old address on file. What's your current address?",
                                 "Can you give me the mailing address?"])))
    if rng.random() < 0.6:
        turns.append((C, "I live at %s, in %s, %s." % (c.v("STREET", "same", C), c.v("CITY", "same", C), c.v("ZIP", "same", C))))
    else:
        turns.append((C, "%s." % c.v("STREET", "prev", C)))
        turns.append((A, "And the city and zip?"))
        turns.append((C, "%s, %s." % (c.v("CITY", "prev", C), c.v("ZIP", "prev", C))))
    struct["street"] = ("STREET",)
    struct["city"] = ("CITY",)
    struct["zip_code"] = ("ZIP",)


def scen_refill(c):
    rng = c.rng
    A, C = "agent", "caller"
    turns, struct, tools = [greet(c, "refill", rng.random() < 0.3)], collections.OrderedDict(), []
    pharm = c.p["pharmacist"]
    if pharm:
        turns.append((C, "Hi, this is %s, I'm the pharmacist at %s. I'm calling for a refill authorization." % (
            c.name("caller", "full", "same", C), rng.choice(PHARMACIES))))
        turns.append((A, "Sure. What's the patient's name and date of birth?"))
        turns.append((C, "Patient is %s, date of birth %s." % (c.name("patient", "full", "same", C), c.v("DOB", "same", C))))
        turns.append((A, "And the medication?"))
        turns.append((C, "%s %s, %s." % (c.p["med"][0], c.n_dose(C), c.n_pair("count", COUNTS[0], C))))
        turns.append((A, "Who is the prescriber?"))
        turns.append((C, "Dr. %s %s, NPI %s." % (c.name("provider", "first", "same", C), c.name("provider", "last", "same", C), c.v("NPI", "same", C))))
        if rng.random() < 0.5:
            turns.append((A, "I have the NPI as %s." % c.v("NPI", "prev", A)))
            turns.append((C, "Correct."))
        struct["patient_name"] = ("NAMEFULL",)
        struct["date_of_birth"] = ("DOB",)
        struct["prescriber_npi"] = ("NPI",)
        tools.append((len(turns) - 1, "lookup_prescriber", {"npi": ("NPI",)}, "prescriber"))
    else:
        turns.append(opener_line(c, "I need a refill on my %s %s." % (c.p["med"][0], c.n_dose(C))))
        verify(c, turns, struct, tools, rng.choice([None, ["MRN"], ["PHONE"], ["SSN4"]]))
        struct["patient_name"] = ("NAMEFULL",)
        struct["date_of_birth"] = ("DOB",)
        turns.append((A, "I see %s of %s with %s left. Which pharmacy?" % (
            c.n_pair("count", COUNTS[rng.choice([0, 3])], A), c.p["med"][0], c.n_pair("count", COUNTS[2], A))))
        ph = rng.choice(PHARMACIES)
        turns.append((C, "%s, same as last time." % (ph[0].upper() + ph[1:])))
        if rng.random() < 0.6:
            carrier_block(c, turns)
        turns.append((A, "What's the best callback number in case the pharmacy has questions?"))
        if rng.random() < 0.65:
            turns.append((C, "%s." % c.v("PHONE", "prev", C)))
        else:
            turns.append((C, "You can call my cell, %s." % c.v("PHONE", "same", C)))
        turns.append((A, "Just to confirm, %s?" % c.v("PHONE", "prev", A)))
        turns.append((C, "Yes."))
        struct["callback_number"] = ("PHONE",)
        if rng.random() < 0.3:
            turns.append((A, "There's a copay of %s for this fill. Would you like to pay now by card?" % c.n_pair("money", MONEY[3], A)))
            turns.append((C, "Sure, the card number is %s." % c.v("CARD", "same", C)))
            struct["card_number"] = ("CARD",)
    struct["medication"] = ("MED",)
    struct["dose"] = ("NEG_DOSE",)
    turns.append((A, "I've sent the request to Dr. %s. Your refill request number is %s, and it usually takes %s." % (
        c.name("provider", "last", "same", A), c.n_conf("order_number", A), c.n_pair("duration", DURS[2], A))))
    tools.append((len(turns) - 1, "submit_refill", {"patient_name": ("NAMEFULL",), "dob": ("DOB",), "medication": ("MED",),
                                                    "dose": ("NEG_DOSE",), **({"callback_number": ("PHONE",)} if not pharm else {})},
                  "refill"))
    if rng.random() < 0.3:
        turns.append((C, "And if I run out before then?"))
        turns.append((A, "Call us back or, if you have trouble breathing or chest pain, call %s." % c.neg("emergency_number", neg_text("", "911", c.style(A), rng), A)))
    closing(c, turns)
    return turns, summary(c, "refill", struct), struct, tools


def scen_billing(c):
    rng = c.rng
    A, C = "agent", "caller"
    turns, struct, tools = [greet(c, "billing", rng.random() < 0.4)], collections.OrderedDict(), []
    turns.append(opener_line(c, rng.choice(["I got a %s in the mail and I want to pay it." % c.neg("common_word", "bill", C),
                                            "I have a question about my %s." % c.neg("common_word", "bill", C)])))
    verify(c, turns, struct, tools, rng.choice([["ZIP"], ["SSN4"], ["PHONE"], ["ZIP"]]))
    struct["patient_name"] = ("NAMEFULL",)
    struct["date_of_birth"] = ("DOB",)
    mk = rng.choice(MONEY)
    turns.append((A, "I see a balance of %s from your visit on %s." % (c.n_pair("money", mk, A), c.n_appt(A))))
    struct["balance"] = ("NEG_MONEY", mk)
    mode = rng.random()
    if mode < 0.7:
        cr = rng.random()
        if cr < 0.2:
            turns.append((C, "Okay, let's just take care of it. Um... %s." % c.v("CARD", "none", C)))
            turns.append((A, "Thank you. Was that a %s?" % {"visa": "Visa", "mc": "Mastercard", "disc": "Discover", "amex": "American Express"}[c.p["brand"]]))
            turns.append((C, "Yes."))
        else:
            turns.append((C, "Okay. Can I pay that with a card?"))
            turns.append((A, "Of course. Go ahead with the card number whenever you're ready."))
        if cr < 0.2:
            pass
        elif rng.random() < 0.5:
            turns.append((C, "%s." % c.v("CARD", "prev", C)))
        else:
            turns.append((C, "Okay, it's a %s, the number is %s." % ({"visa": "Visa", "mc": "Mastercard", "disc": "Discover", "amex": "American Express"}[c.p["brand"]], c.v("CARD", "same", C))))
        if rng.random() < 0.4:
            turns.append((A, "I have %s. Is that correct?" % c.v("CARD", "prev", A)))
            turns.append((C, "Yes."))
        turns.append((A, "And the billing zip code for the card?"))
        turns.append((C, "%s." % c.v("ZIP", "prev", C)))
        turns.append((A, "Thank you. I'll text you a secure link for the expiration and security code. The payment of %s is processed and your confirmation number is %s." % (
            c.n_pair("money", mk, A), c.n_conf("confirmation_number", A))))
        struct["card_number"] = ("CARD",)
        struct["billing_zip"] = ("ZIP",)
        tools.append((len(turns) - 1, "take_payment", {"card_number": ("CARD",), "zip": ("ZIP",), "amount": ("NEG_MONEY", mk)}, "paid"))
        if rng.random() < 0.6:
            email_block(c, turns, struct, "receipt")
    else:
        turns.append((C, "I can't pay all of that right now. Is there financial assistance?"))
        turns.append((A, "Yes. I can start the application. I'll need your Social Security number."))
        if rng.random() < 0.5:
            turns.append((C, "Okay. %s." % c.v("SSN", "prev", C)))
        else:
            turns.append((C, "My social is %s." % c.v("SSN", "same", C)))
        turns.append((A, "Thank you, that's the one ending in %s." % c.v("SSN", "prev", A, last4=True)))
        turns.append((C, "Yes."))
        struct["ssn"] = ("SSN",)
        tools.append((len(turns) - 1, "start_financial_assistance", {"patient_name": ("NAMEFULL",), "ssn": ("SSN",)}, "fa"))
        address_block(c, turns, struct)
        turns.append((A, "Your reference number is %s. You'll hear back in %s." % (c.n_conf("confirmation_number", A), c.n_pair("duration", DURS[4], A))))
    if rng.random() < 0.4:
        turns.append((C, "Also, I have new insurance."))
        if c.p["age"] >= 65:
            turns.append((A, "Is that Medicare? What's the Medicare number?"))
            turns.append((C, "Yes, my Medicare number is %s." % c.v("MBI", "same", C)))
            struct["medicare_id"] = ("MBI",)
        else:
            turns.append((A, "Okay, what's the member ID on the card?"))
            turns.append((C, "%s." % c.v("MEMBER_ID", "prev", C)))
            struct["member_id"] = ("MEMBER_ID",)
    closing(c, turns)
    return turns, summary(c, "billing", struct), struct, tools


def scen_labs(c):
    rng = c.rng
    A, C = "agent", "caller"
    turns, struct, tools = [greet(c, "labs", rng.random() < 0.2)], collections.OrderedDict(), []
    disch = rng.random() < 0.45
    reason = "I'm calling to get my lab results."
    if c.p["relative"]:
        reason = "I'd like to get %s lab results. %s's %s." % (c.p["poss"], c.p["pron"].capitalize(), c.n_pair("age", (n2w(c.p["age"]), str(c.p["age"])), C)) \
            if c.p["age"] < 90 else reason
    turns.append(opener_line(c, reason))
    verify(c, turns, struct, tools, rng.choice([["MRN"], ["MRN"], ["PHONE"], ["SSN4"], ["ZIP"]]))
    struct["patient_name"] = ("NAMEFULL",)
    struct["date_of_birth"] = ("DOB",)
    if disch:
        d = datetime.date(2024, rng.randint(1, 4), rng.randint(1, 28))
        c.p["discharge"] = d
        if c.p["relative"]:
            turns.append((C, "%s was discharged from the hospital on %s and they said to follow up." % (c.p["pron"].capitalize(), c.v("DATE", "same", C, val=d))))
        else:
            turns.append((C, rng.choice(["I was discharged from the hospital on %s and they said to follow up.",
                                         "They discharged me %s, so these are the follow-up labs."]) % c.v("DATE", "same", C, val=d)))
        if rng.random() < 0.4:
            adm = d - datetime.timedelta(days=rng.randint(2, 6))
            c.p["admission"] = adm
            turns.append((A, "I see you were admitted on %s. Let me look at the results." % c.v("DATE", "same", A, val=adm)))
        struct["discharge_date"] = ("DATE", d)
    lab1, lab2 = rng.sample(LABS, 2)
    turns.append((A, "Okay. Your %s came back at %s, and your %s was %s." % (
        lab1[0], c.n_pair("lab_value", lab1[1:], A), lab2[0], c.n_pair("lab_value", lab2[1:], A))))
    if rng.random() < 0.5:
        turns.append((A, "Your blood pressure at the visit was %s." % c.n_pair("blood_pressure", rng.choice(BPS), A)))
    if rng.random() < 0.4:
        w = rng.randint(120, 240)
        turns.append((A, "And your weight was %s, down a little from last time." % c.n_pair("weight", ("%s %s pounds" % (ONES[w // 100], n2w(w % 100)) if w % 100 >= 10 else "%d pounds" % w, "%d lbs" % w), A)))
    if rng.random() < 0.7:
        carrier_block(c, turns)
    turns.append((A, "Dr. %s wants to repeat the labs in %s." % (c.name("provider", "last", "same", A), c.n_pair("duration", DURS[3], A))))
    struct["lab_summary"] = ("LABS", lab1, lab2)
    if rng.random() < 0.6:
        email_block(c, turns, struct, "results")
    else:
        turns.append((A, "If Dr. %s needs to call you, what's the best number?" % c.name("provider", "last", "same", A)))
        turns.append((C, "%s." % c.v("PHONE", "prev", C)))
        struct["callback_number"] = ("PHONE",)
    closing(c, turns)
    tools.append((len(turns) - 4, "get_lab_results", {"mrn": ("MRN",), "dob": ("DOB",)}, "labs"))
    return turns, summary(c, "labs", struct), struct, tools


# --------------------------------------------------------------------------- summaries / structured
def struct_val(c, spec, mode):
    """Render a structured field. mode: struct/half/written. Returns marked string."""
    k = spec[0]
    p, rng = c.p, c.rng
    cue = "same"
    if k == "NAMEFULL":
        t = "%s %s" % (p["first"], p["last"])
        return c.span("NAME", t, False, "struct_name_full", cue, t)
    if k == "PROVIDER":
        t = "Dr. %s" % p["prov"]
        return "Dr. " + c.span("NAME", p["prov"], False, "struct_name_last", cue, p["prov"])
    if k == "DOB":
        return c.v("DOB", cue, mode)
    if k == "DATE":
        t, sp, f = r_dob(spec[1], "struct" if mode != "written" else "written", rng, kind="date")
        return c.span("DATE", t, sp, f, cue, spec[1].isoformat())
    if k == "SSN4":
        return c.v("SSN", cue, mode, last4=True)
    if k == "MED":
        return p["med"][0]
    if k == "NEG_DOSE":
        return c.n_dose("struct")
    if k == "NEG_MONEY":
        return c.neg("money", spec[1][1])
    if k == "NEG_APPT":
        return c.n_appt("struct")
    if k == "NEG_TIME":
        return c.n_time("struct")
    if k == "LABS":
        return "%s %s; %s %s" % (spec[1][0], c.neg("lab_value", spec[1][2]), spec[2][0], c.neg("lab_value", spec[2][2]))
    return c.v(k, cue, mode)


def summary(c, scen, struct):
    rng = c.rng
    p = c.p
    W = "written"
    nm = c.span("NAME", "%s %s" % (p["first"], p["last"]), False, "written_name_full", "none", "%s %s" % (p["first"], p["last"]))
    dob = c.v("DOB", "same", W)
    lead = rng.choice(["%s (DOB %s)" % (nm, dob), "The caller, %s, born %s," % (nm, dob),
                       "Patient %s, date of birth %s," % (nm, dob)])
    if rng.random() < 0.25 and not p["relative"]:
        nm2 = c.span("NAME", "%s %s" % (p["first"], p["last"]), False, "written_name_full", "none", "%s %s" % (p["first"], p["last"]))
        lead = "%s, %s, %s -" % (nm2, c.v("DOB", "none", W), c.v("PHONE", "none", W))
    if p["relative"]:
        lead = "%s called on behalf of their %s %s (DOB %s)" % (
            c.span("NAME", "%s %s" % (p["cfirst"], p["clast"]), False, "written_name_full", "none", "%s %s" % (p["cfirst"], p["clast"])),
            p["relation"], nm, dob)
        verb = ""
    else:
        verb = " called"
    if scen == "scheduling":
        s = "%s%s to schedule an appointment with Dr. %s. Booked for %s at %s." % (
            lead, verb, c.span("NAME", p["prov"], False, "written_name_last", "same", p["prov"]), c.n_appt(W), c.n_time(W))
    elif scen == "refill":
        if p["pharmacist"]:
            s = "Pharmacist %s requested refill authorization for %s %s for patient %s (DOB %s). Prescriber NPI %s." % (
                c.span("NAME", "%s %s" % (p["cfirst"], p["clast"]), False, "written_name_full", "same", "%s %s" % (p["cfirst"], p["clast"])),
                p["med"][0], c.n_dose(W), nm, dob, c.v("NPI", "same", W))
        else:
            s = "%s%s requesting a refill of %s %s." % (lead, verb, p["med"][0], c.n_dose(W))
        s += " Request number %s." % c.n_conf("order_number", W)
    elif scen == "billing":
        s = "%s%s about a balance of %s." % (lead, verb, c.neg("money", struct["balance"][1][1]))
        if "card_number" in struct:
            s += " Payment was made by card; confirmation %s." % c.n_conf("confirmation_number", W)
        if "ssn" in struct:
            s += " Started a financial assistance application (SSN %s)." % c.v("SSN", "same", W)
    else:
        s = "%s%s for lab results." % (lead, verb)
        if "discharge_date" in struct:
            s += " Recently discharged on %s." % struct_val(c, struct["discharge_date"], W)
        s += " Results reviewed; repeat in %s." % c.n_pair("duration", DURS[3], W)
    extras = []
    if "mrn" in struct and rng.random() < 0.7:
        extras.append("MRN %s" % c.v("MRN", "same", W))
    if "phone" in struct or "callback_number" in struct:
        extras.append(rng.choice(["callback number %s", "best number %s", "phone %s"]) % c.v("PHONE", "same", W))
    if "email" in struct:
        extras.append("email %s" % c.v("EMAIL", "same", W))
    if "zip_code" in struct and "street" in struct:
        extras.append("new address %s, %s %s" % (c.v("STREET", "same", W), c.span("CITY", p["city"], False, "written_city", "same", p["city"]), c.v("ZIP", "same", W)))
    if "ssn_last4" in struct and rng.random() < 0.6:
        extras.append("verified with SSN last four %s" % c.v("SSN", "same", W, last4=True))
    if "medicare_id" in struct:
        extras.append("Medicare ID %s" % c.v("MBI", "same", W))
    if "member_id" in struct:
        extras.append("new member ID %s" % c.v("MEMBER_ID", "same", W))
    if extras:
        s += " " + rng.choice(["Contact and identifiers: ", "Details: ", ""]) + "; ".join(extras) + "."
    return s


def build_struct(c, struct, half_p=0.3):
    out = collections.OrderedDict()
    for k, spec in struct.items():
        mode = "half" if c.rng.random() < half_p and spec[0] in ("PHONE", "DOB", "EMAIL", "SSN", "CARD", "MRN", "MEMBER_ID") else "struct"
        out[k] = struct_val(c, spec, mode)
    return out


def tool_args(c, args):
    return json.dumps(collections.OrderedDict((k, struct_val(c, spec, "struct")) for k, spec in args.items()),
                      ensure_ascii=False)


def tool_result(c, kind):
    p = c.p
    if kind == "mrn_result":
        return json.dumps({"verified": True, "mrn": c.v("MRN", "same", "struct")}, ensure_ascii=False)
    if kind == "ok":
        return json.dumps({"verified": True}, ensure_ascii=False)
    if kind == "booked":
        return json.dumps({"status": "booked", "confirmation": c.n_conf("confirmation_number", "struct")}, ensure_ascii=False)
    if kind == "refill":
        return json.dumps({"status": "submitted", "request_id": c.n_conf("order_number", "struct")}, ensure_ascii=False)
    if kind == "paid":
        return json.dumps({"status": "approved", "confirmation": c.n_conf("confirmation_number", "struct")}, ensure_ascii=False)
    if kind == "fa":
        return json.dumps({"status": "started"}, ensure_ascii=False)
    if kind == "prescriber":
        return json.dumps({"found": True, "name": "Dr. " + c.span("NAME", p["prov"], False, "struct_name_last", "same", p["prov"])}, ensure_ascii=False)
    if kind == "labs":
        return json.dumps({"status": "final", "released": True}, ensure_ascii=False)
    return json.dumps({"ok": True})


# --------------------------------------------------------------------------- payload builders
def uid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


def rid(rng, n=32, alpha="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alpha) for _ in range(n))


def iso(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % int((ts % 1) * 1000)


def timings(rng, turns, t0):
    out, t = [], 0.4
    for role, text in turns:
        d = round(0.8 + len(text) / 16.0 + rng.random(), 2)
        out.append((round(t, 2), round(t + d, 2)))
        t += d + round(0.3 + rng.random() * 1.2, 2)
    return out, t


def neg_or_plain(c, what, value, p=0.6):
    return c.num(what, value) if c.rng.random() < p else value


def build_vapi(c, turns, summ, struct, tools):
    rng = c.rng
    t0 = 1714000000 + rng.randint(0, 9000000) + rng.random()
    tim, total = timings(rng, turns, t0)
    sysmsg = "You are the phone assistant for %s. Verify the caller's name and date of birth before discussing any records." % c.p["clinic"]
    msgs = [{"role": "system", "message": sysmsg, "time": neg_or_plain(c, "timestamp", int(t0 * 1000), 0.3), "secondsFromStart": 0}]
    oai = [{"role": "system", "content": sysmsg}]
    tmap = collections.defaultdict(list)
    for tc in tools:
        tmap[tc[0]].append(tc)
    lines = []
    for i, (role, text) in enumerate(turns):
        a, b = tim[i]
        r = "bot" if role == "agent" else "user"
        lines.append(("AI: " if role == "agent" else "User: ") + text)
        m = collections.OrderedDict([("role", r), ("message", text), ("time", neg_or_plain(c, "timestamp", int((t0 + a) * 1000), 0.25)),
                                     ("endTime", int((t0 + b) * 1000)), ("secondsFromStart", neg_or_plain(c, "duration", a, 0.2)),
                                     ("duration", int((b - a) * 1000))])
        if r == "bot":
            m["source"] = ""
        msgs.append(m)
        oai.append({"role": "assistant" if r == "bot" else "user", "content": text})
        for _, name, args, res in tmap.get(i, []):
            cid = "call_" + rid(rng, 24)
            argstr = tool_args(c, args)
            msgs.append({"role": "tool_calls", "toolCalls": [{"id": cid, "type": "function", "function": {"name": name, "arguments": argstr}}],
                         "time": int((t0 + b + 0.2) * 1000), "secondsFromStart": round(b + 0.2, 2)})
            rs = tool_result(c, res)
            msgs.append({"role": "tool_call_result", "toolCallId": cid, "name": name, "result": rs,
                         "time": int((t0 + b + 0.6) * 1000), "secondsFromStart": round(b + 0.6, 2)})
            oai.append({"role": "assistant", "tool_calls": [{"id": cid, "type": "function", "function": {"name": name, "arguments": argstr}}]})
            oai.append({"role": "tool", "tool_call_id": cid, "content": rs})
    transcript = "\n".join(lines)
    call_id = uid(rng)
    cost = round(0.05 + total * 0.0021 + rng.random() * 0.03, 4)
    sd = build_struct(c, struct)
    rec = "https://storage.vapi.ai/%s-%d-%s-mono.wav" % (call_id, int(t0 * 1000), uid(rng))
    msg = collections.OrderedDict()
    msg["timestamp"] = c.num("timestamp", int((t0 + total) * 1000))
    msg["type"] = "end-of-call-report"
    msg["endedReason"] = rng.choice(["customer-ended-call", "assistant-ended-call"])
    msg["call"] = {"id": c.neg("call_id", call_id), "orgId": uid(rng), "createdAt": c.neg("timestamp", iso(t0)),
                   "type": "inboundPhoneCall", "status": "ended", "phoneNumberId": uid(rng), "assistantId": uid(rng),
                   "customer": {"number": c.v("PHONE", "same", "e164")}}
    msg["phoneNumber"] = {"number": c.span("PHONE", "+1" + c.p["clinic_phone"], False, "clinic_line_e164", "same", c.p["clinic_phone"], neutral=True)}
    msg["customer"] = {"number": c.v("PHONE", "same", "e164")}
    msg["startedAt"] = c.neg("timestamp", iso(t0))
    msg["endedAt"] = c.neg("timestamp", iso(t0 + total))
    msg["cost"] = c.num("money", cost)
    msg["costBreakdown"] = {"transport": round(cost * 0.1, 4), "stt": c.num("money", round(cost * 0.2, 4)),
                            "llm": round(cost * 0.35, 4), "tts": round(cost * 0.25, 4), "vapi": round(cost * 0.1, 4),
                            "total": cost, "llmPromptTokens": rng.randint(4000, 20000), "llmCompletionTokens": rng.randint(200, 900)}
    msg["durationSeconds"] = c.num("duration", round(total, 3))
    msg["durationMs"] = int(total * 1000)
    msg["summary"] = summ
    msg["transcript"] = transcript
    msg["recordingUrl"] = rec
    msg["analysis"] = {"summary": summ, "structuredData": sd, "successEvaluation": rng.choice(["true", "8", "Pass"])}
    art = {"transcript": transcript, "messages": msgs, "recordingUrl": rec}
    if rng.random() < 0.35:
        art["messagesOpenAIFormatted"] = oai
    msg["artifact"] = art
    return {"message": msg}


def build_retell(c, turns, summ, struct, tools):
    rng = c.rng
    t0 = 1714000000 + rng.randint(0, 9000000) + rng.random()
    tim, total = timings(rng, turns, t0)
    tmap = collections.defaultdict(list)
    for tc in tools:
        tmap[tc[0]].append(tc)
    tobj, twt, lines = [], [], []
    for i, (role, text) in enumerate(turns):
        r = "agent" if role == "agent" else "user"
        lines.append(("Agent: " if r == "agent" else "User: ") + text)
        o = {"role": r, "content": text}
        if i == 0:
            o["words"] = [{"word": w, "start": round(tim[0][0] + 0.3 * k, 3), "end": round(tim[0][0] + 0.3 * k + 0.25, 3)}
                          for k, w in enumerate(["Thank", "you", "for", "calling"])]
        tobj.append(o)
        twt.append({"role": r, "content": text})
        for _, name, args, res in tmap.get(i, []):
            tid = rid(rng, 16, "0123456789abcdef")
            twt.append({"role": "tool_call_invocation", "tool_call_id": tid, "name": name, "arguments": tool_args(c, args)})
            twt.append({"role": "tool_call_result", "tool_call_id": tid, "content": tool_result(c, res)})
    call = collections.OrderedDict()
    call["call_type"] = "phone_call"
    call["from_number"] = c.v("PHONE", "same", "e164")
    call["to_number"] = c.span("PHONE", "+1" + c.p["clinic_phone"], False, "clinic_line_e164", "same", c.p["clinic_phone"], neutral=True)
    call["direction"] = "inbound"
    call["call_id"] = c.neg("call_id", rid(rng, 32))
    call["agent_id"] = rid(rng, 32)
    call["agent_version"] = rng.randint(1, 14)
    call["call_status"] = "ended"
    call["metadata"] = {}
    if rng.random() < 0.4:
        call["retell_llm_dynamic_variables"] = {"customer_name": c.span("NAME", "%s %s" % (c.p["first"], c.p["last"]), False, "crm_name_full", "same", "%s %s" % (c.p["first"], c.p["last"]))}
    call["start_timestamp"] = c.num("timestamp", int(t0 * 1000))
    call["end_timestamp"] = c.num("timestamp", int((t0 + total) * 1000))
    call["duration_ms"] = c.num("duration", int(total * 1000))
    call["transcript"] = "\n".join(lines)
    call["transcript_object"] = tobj
    call["transcript_with_tool_calls"] = twt
    call["recording_url"] = "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % rid(rng, 40, "0123456789abcdef")
    call["public_log_url"] = "https://dxc03zgurdly9.cloudfront.net/%s/public.log" % rid(rng, 40, "0123456789abcdef")
    call["disconnection_reason"] = rng.choice(["user_hangup", "agent_hangup"])
    call["latency"] = {"e2e": {"p50": c.num("duration", rng.randint(700, 1300)), "p90": rng.randint(1300, 2100), "num": len(turns) // 2}}
    cad = build_struct(c, struct)
    call["call_analysis"] = {"call_summary": summ, "in_voicemail": False, "user_sentiment": rng.choice(["Positive", "Neutral"]),
                             "call_successful": True, "custom_analysis_data": cad}
    cc = round(total * 0.0012 * 100, 3)
    call["call_cost"] = {"product_costs": [{"product": "elevenlabs_tts", "unitPrice": 0.1167, "cost": round(cc * 0.6, 3)},
                                           {"product": "gpt_4o", "unitPrice": 0.0833, "cost": round(cc * 0.4, 3)}],
                         "total_duration_seconds": c.num("duration", int(total)), "combined_cost": c.num("money", cc)}
    call["opt_out_sensitive_data_storage"] = False
    return {"event": "call_analyzed", "call": call}


def build_signalwire(c, turns, summ, struct, tools):
    rng = c.rng
    t0 = 1714000000 + rng.randint(0, 9000000) + rng.random()
    tim, total = timings(rng, turns, t0)
    us = lambda s: int(s * 1000000)
    log = [{"role": "system", "content": "You are a friendly assistant for %s. Collect and verify the caller's identity." % c.p["clinic"]}]
    for i, (role, text) in enumerate(turns):
        e = {"role": "assistant" if role == "agent" else "user", "content": text}
        if role == "caller":
            e["confidence"] = neg_or_plain(c, "confidence", round(0.82 + rng.random() * 0.17, 4), 0.5)
            e["start_timestamp"] = us(t0 + tim[i][0])
        else:
            e["latency"] = rng.randint(400, 1400)
        log.append(e)
    swaig = []
    for idx, name, args, res in tools:
        swaig.append({"command_name": name, "command_arg": tool_args(c, args),
                      "epoch_time": c.num("timestamp", int(t0 + tim[min(idx, len(tim) - 1)][1])),
                      "post_response": {"response": tool_result(c, res)}})
    sd = build_struct(c, struct)
    pp = collections.OrderedDict()
    if rng.random() < 0.55:
        sd2 = collections.OrderedDict(sd)
        sd2["summary"] = summ
        raw = json.dumps(sd2, ensure_ascii=False, indent=rng.choice([None, 2]))
        pp["raw"] = raw
        pp["substituted"] = raw
        pp["parsed"] = [sd2]
    else:
        pp["raw"] = summ
        pp["substituted"] = summ
    out = collections.OrderedDict()
    out["app_name"] = rng.choice(["clinic-frontdesk", "refill-line", "billing-agent", "nurse-line"])
    out["call_id"] = c.neg("call_id", uid(rng))
    out["ai_session_id"] = uid(rng)
    out["project_id"] = uid(rng)
    out["space_id"] = uid(rng)
    if rng.random() < 0.6:
        out["caller_id_name"] = c.name("patient" if not c.p["relative"] else "caller", "lastfirst", "same", "struct")
    out["caller_id_number"] = c.v("PHONE", "same", "e164")
    out["call_start_date"] = c.num("timestamp", us(t0))
    out["call_answer_date"] = us(t0 + 0.9)
    out["call_end_date"] = c.num("timestamp", us(t0 + total))
    out["content_type"] = "text/swaig"
    out["content_disposition"] = "Conversation Summary"
    out["conversation_id"] = uid(rng)
    out["post_prompt_data"] = pp
    out["call_log"] = log
    out["swaig_log"] = swaig
    out["total_input_tokens"] = rng.randint(3000, 15000)
    out["total_output_tokens"] = rng.randint(200, 900)
    out["total_minutes"] = c.num("duration", round(total / 60.0, 2))
    out["version"] = "2.0"
    return out


DG_LABEL = {"PHONE": "PHONE_NUMBER", "EMAIL": "EMAIL_ADDRESS", "NAME": "NAME", "DOB": "DOB", "SSN": "SSN",
            "CARD": "CREDIT_CARD", "ZIP": "LOCATION_ZIP", "MRN": "NUMERICAL_PII", "STREET": "LOCATION_ADDRESS",
            "CITY": "LOCATION_CITY", "MEMBER_ID": "ACCOUNT_NUMBER", "MBI": "ACCOUNT_NUMBER", "DATE": "DATE"}


def build_deepgram(c, turns, summ, struct, tools):
    rng = c.rng
    t0 = 1714000000 + rng.randint(0, 9000000) + rng.random()
    tim, total = timings(rng, turns, t0)
    spk = {"agent": 0, "caller": 1}
    paras, utts = [], []
    ptxt = ""
    for i, (role, text) in enumerate(turns):
        a, b = tim[i]
        ptxt += "\n\nSpeaker %d: %s" % (spk[role], text) if i else "\nSpeaker %d: %s" % (spk[role], text)
        paras.append({"sentences": [{"text": text, "start": a, "end": b}], "speaker": spk[role],
                      "num_words": len(re.sub(VM + r"\d+" + VS, "", text).split()), "start": a, "end": b})
        utts.append({"start": a, "end": b, "confidence": neg_or_plain(c, "confidence", round(0.85 + rng.random() * 0.14, 5), 0.3),
                     "channel": 0, "transcript": text, "speaker": spk[role], "id": uid(rng)})
    alt = collections.OrderedDict()
    alt["transcript"] = " ".join(t for _, t in turns)
    alt["confidence"] = c.num("confidence", round(0.9 + rng.random() * 0.09, 5))
    first_words = turns[0][1].split(VM)[0].split()[:3]
    alt["words"] = [{"word": w.lower().strip(",."), "start": round(0.4 + k * 0.3, 2), "end": round(0.65 + k * 0.3, 2),
                     "confidence": round(0.95 + rng.random() * 0.04, 4), "speaker": 0, "punctuated_word": w}
                    for k, w in enumerate(first_words)]
    alt["paragraphs"] = {"transcript": ptxt, "paragraphs": paras}
    if rng.random() < 0.5 and c.log:
        ents = []
        said = "\n".join(t for _, t in turns)
        for m, ent, text, sp, form, val in c.log:
            if ent in DG_LABEL and m in said:
                ents.append({"label": DG_LABEL[ent], "value": c.span(ent, text, sp, form, "same", val),
                             "confidence": round(0.7 + rng.random() * 0.29, 4), "start_word": rng.randint(5, 300), "end_word": rng.randint(301, 400)})
        alt["entities"] = ents
    res = collections.OrderedDict()
    res["channels"] = [{"alternatives": [alt]}]
    res["utterances"] = utts
    if rng.random() < 0.8:
        res["summary"] = {"result": "success", "short": summ}
    mid = uid(rng)
    meta = collections.OrderedDict([("transaction_key", "deprecated"), ("request_id", c.neg("call_id", uid(rng))),
                                    ("sha256", rid(rng, 64, "0123456789abcdef")), ("created", c.neg("timestamp", iso(t0))),
                                    ("duration", c.num("duration", round(total, 5))), ("channels", 1), ("models", [mid]),
                                    ("model_info", {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}})])
    return {"metadata": meta, "results": res}


def build_transcribe(c, turns, summ, struct, tools):
    rng = c.rng
    t0 = 1714000000 + rng.randint(0, 9000000) + rng.random()
    tim, total = timings(rng, turns, t0)
    spk = {"agent": "spk_0", "caller": "spk_1"}
    segs, asegs = [], []
    first_words = turns[0][1].split(VM)[0].split()[:4]
    items = []
    for k, w in enumerate(first_words):
        items.append({"id": k, "type": "pronunciation", "alternatives": [{"confidence": c.neg("confidence", "%.3f" % (0.9 + rng.random() * 0.099)), "content": w.strip(",.")}],
                      "start_time": "%.2f" % (0.4 + k * 0.3), "end_time": "%.2f" % (0.65 + k * 0.3), "speaker_label": "spk_0"})
    for i, (role, text) in enumerate(turns):
        a, b = tim[i]
        segs.append({"start_time": "%.2f" % a, "end_time": "%.2f" % b, "speaker_label": spk[role], "items": []})
        asegs.append({"id": i, "transcript": text, "start_time": "%.2f" % a, "end_time": "%.2f" % b,
                      "speaker_label": spk[role], "items": list(range(len(first_words))) if i == 0 else []})
    job = "%s-%s" % (rng.choice(["nurse-line", "refill-vm", "billing-calls", "frontdesk"]), rid(rng, 12, "0123456789abcdef"))
    return collections.OrderedDict([
        ("jobName", c.neg("call_id", job)), ("accountId", c.neg("account_id", "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1))),
        ("status", "COMPLETED"),
        ("results", collections.OrderedDict([
            ("transcripts", [{"transcript": " ".join(t for _, t in turns)}]),
            ("speaker_labels", {"speakers": 2, "channel_label": "ch_0", "segments": segs}),
            ("items", items),
            ("audio_segments", asegs)]))])


BUILDERS = {"vapi": build_vapi, "retell": build_retell, "signalwire": build_signalwire,
            "deepgram": build_deepgram, "transcribe": build_transcribe}

LABELS = [("[agent]", "[caller]"), ("Agent:", "Caller:"), ("AI:", "User:"), ("Speaker 0:", "Speaker 1:"),
          ("[nurse]", "[patient]"), ("Rep:", "Caller:"), ("spk_0:", "spk_1:"), ("[bot]", "[user]")]


def build_transcript(c, turns):
    rng = c.rng
    la, lc = c.p["labels"]
    ts = rng.random() < 0.5
    t = rng.randint(0, 20)
    lines = []
    for role, text in turns:
        lab = la if role == "agent" else lc
        pre = "[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60) if ts else ""
        lines.append("%s%s %s" % (pre, lab, text))
        t += rng.randint(3, 14)
    return "\n".join(lines)


# --------------------------------------------------------------------------- extraction
MARK_RE = re.compile(VM + r"(\d+)" + VS + "(.*?)" + VE + "|\"" + NQ + r"(\d+)" + NQ + "\"", re.S)


def extract(marked, reg):
    out, spans, negs = [], [], []
    pos = 0
    blen = 0
    for m in MARK_RE.finditer(marked):
        pre = marked[pos:m.start()]
        out.append(pre)
        blen += len(pre.encode("utf-8"))
        if m.group(1) is not None:
            info = reg[int(m.group(1))]
            txt = m.group(2)
        else:
            info = reg[int(m.group(3))]
            txt = info["lit"]
        b = len(txt.encode("utf-8"))
        if info["t"] == "s":
            s = {"start": blen, "end": blen + b, "entity": info["entity"], "spoken": info["spoken"],
                 "cue": info["cue"], "form": info["form"], "value": info["value"]}
            if info.get("neutral"):
                s["neutral"] = True
            spans.append(s)
        else:
            negs.append({"start": blen, "end": blen + b, "what": info["what"]})
        out.append(txt)
        blen += b
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if any(ch in text for ch in (VM, VS, VE, NQ)):
        raise ValueError("leftover marker")
    return text, spans, negs


# --------------------------------------------------------------------------- generation
SCENS = [("scheduling", scen_scheduling), ("refill", scen_refill), ("billing", scen_billing), ("labs", scen_labs)]


def gen_record(rng, i, fmt, profile, scen_name, carrier):
    fn = dict(SCENS)[scen_name]
    ped = scen_name in ("scheduling", "labs") and rng.random() < 0.08
    p = make_person(rng, pediatric=ped)
    p["age"] = 2024 - p["dob"].year
    p["relative"] = ped or (rng.random() < 0.15 and p["age"] >= 70)
    fem = p["first"] in FEMALE
    p["relation"] = ("daughter" if fem else "son") if ped else (rng.choice(["mother", "mom"]) if fem else rng.choice(["father", "dad"]))
    p["pron"], p["poss"] = ("she", "her") if fem else ("he", "his")
    if p["relative"]:
        p["cfirst"], p["clast"] = rng.choice(FIRST), (p["last"] if rng.random() < 0.7 else rng.choice(LAST))
    p["pharmacist"] = scen_name == "refill" and rng.random() < 0.25
    if p["pharmacist"]:
        p["relative"] = False
        p["cfirst"], p["clast"] = rng.choice(FIRST), rng.choice(LAST)
    p["prov"] = rng.choice(PROVIDERS)
    p["pfirst"] = rng.choice(FIRST)
    p["agent"] = rng.choice(AGENTS)
    p["npi"] = make_npi(rng)
    p["clinic"] = rng.choice(CLINICS)
    p["clinic_phone"] = rng.choice(["614", "919", "608", "402"]) + "55501" + "%02d" % rng.randint(0, 99)
    p["med"] = rng.choice(MEDS)
    p["new_address"] = rng.random() < 0.3
    p["opener_none"] = rng.random() < 0.15 and not p["relative"] and not p["pharmacist"]
    if fmt == "transcript":
        cs = rng.choice(["words"] * 10 + ["cased"] * 7 + ["smart"] * 3)
        as_ = cs
    elif profile in ("vapi", "retell", "signalwire"):
        cs = rng.choice(["cased"] * 11 + ["smart"] * 6 + ["words"] * 3)
        as_ = "llm"
    elif profile == "deepgram":
        cs = rng.choice(["cased"] * 5 + ["smart"] * 4 + ["words"])
        as_ = cs
    else:
        cs = rng.choice(["smart"] * 6 + ["cased"] * 4)
        as_ = cs
    labs = [l for l in LABELS if scen_name == "labs" or l[0] != "[nurse]"]
    p["labels"] = rng.choice(labs)
    p["bot"] = fmt == "transcript" and p["labels"][0] in ("AI:", "[bot]")
    c = Ctx(rng, p, cs, as_)
    c.carrier = carrier
    turns, summ, struct, tools = fn(c)
    turns = [(r, wordsify(t) if c.style(r) == "words" else t) for r, t in turns]
    if fmt == "transcript":
        marked = build_transcript(c, turns)
        kind = "transcript_%s_%s" % (scen_name, cs)
    else:
        obj = BUILDERS[profile](c, turns, summ, struct, tools)
        marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        kind = "%s_%s" % ({"vapi": "vapi_end_of_call_report", "retell": "retell_call_analyzed",
                           "signalwire": "signalwire_post_prompt", "deepgram": "deepgram_prerecorded",
                           "transcribe": "transcribe_job"}[profile], scen_name)
    text, spans, negs = extract(marked, c.reg)
    rec = collections.OrderedDict([("id", "spk-h41-%05d" % i), ("format", fmt)])
    if fmt == "json":
        rec["profile"] = profile
    rec["kind"] = kind
    rec["asr_style"] = cs
    rec["carrier"] = "MTS-Dialog (CC BY 4.0)" if p.get("carrier_used") else ""
    rec["text"] = text
    rec["spans"] = spans
    rec["negatives"] = negs
    return rec


def generate(seed, n, carrier_dir=""):
    rng = random.Random(seed)
    carrier = load_carrier(carrier_dir)
    n_json = round(n * 0.7)
    plan = [("json", ["vapi", "retell", "signalwire", "deepgram", "transcribe"][k % 5]) for k in range(n_json)] + \
           [("transcript", None)] * (n - n_json)
    rng.shuffle(plan)
    out = []
    for i, (fmt, prof) in enumerate(plan):
        scen = ["scheduling", "refill", "billing", "labs"][i % 4]
        if rng.random() < 0.2:
            scen = rng.choice(["billing", "labs", "refill", "scheduling"])
        for attempt in range(20):
            try:
                r = gen_record(random.Random("%d-%d-%d" % (seed, i, attempt)), i + 1, fmt, prof, scen, carrier)
            except ValueError:
                continue
            nl = r["text"].count("\n") + 1
            if fmt == "transcript" and not 8 <= nl <= 40:
                continue
            break
        else:
            raise SystemExit("could not generate record %d" % i)
        out.append(r)
    return out


# --------------------------------------------------------------------------- checking
NUMW = {w: i for i, w in enumerate(ONES)}
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENW = {w: i * 10 for i, w in enumerate(TENS) if w}
NATO_R = {v.replace("-", ""): k for k, v in NATO.items()}
FILLERS = {"uh", "um", "er", "and", "its", "thats", "is", "the"}


def norm(text, mode):
    """Collapse a rendering to letters/digits. mode: digits (o=zero), letters (o=letter)."""
    t = text.lower().replace("x-ray", "xray").replace("'", "")
    toks = re.findall(r"[a-z0-9]+", t)
    out = []
    i = 0
    drop = FILLERS | ({"dot", "at", "underscore", "dash"} if mode == "letters" else set())
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w == "as" and nxt == "in":
            i += 3
            continue
        if w in drop:
            i += 1
            continue
        if w in ("double", "triple") and nxt:
            d = norm(nxt, mode)
            out.append(d * (2 if w == "double" else 3))
            i += 2
            continue
        if w in TENW:
            if nxt in NUMW and nxt != "zero":
                out.append(str(TENW[w] + NUMW[nxt]))
                i += 2
            else:
                out.append(str(TENW[w]))
                i += 1
            continue
        if w in TEENW:
            out.append(str(TEENW[w]))
            i += 1
            continue
        if w in NUMW or (mode == "digits" and w in ("oh", "o")):
            v = NUMW.get(w, 0)
            if nxt == "thousand":
                rest = toks[i + 2:]
                if rest and rest[0] == "and":
                    rest = rest[1:]
                tail = 0
                used = 0
                if rest and rest[0] in TENW:
                    tail = TENW[rest[0]]
                    used = 1
                    if len(rest) > 1 and rest[1] in NUMW and rest[1] != "zero":
                        tail += NUMW[rest[1]]
                        used = 2
                elif rest and rest[0] in TEENW:
                    tail, used = TEENW[rest[0]], 1
                elif rest and rest[0] in NUMW:
                    tail, used = NUMW[rest[0]], 1
                out.append(str(v * 1000 + tail))
                i = len(toks) - len(rest) + used
                continue
            out.append(str(v))
            i += 1
            continue
        if w in NATO_R:
            out.append(NATO_R[w])
            i += 1
            continue
        out.append(w)
        i += 1
    return "".join(out)


def valid_value(ent, v):
    if ent == "SSN":
        if len(v) == 4:
            return v.isdigit()
        return bool(re.fullmatch(r"\d{9}", v)) and v[:3] not in ("000", "666") and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000"
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", v))
    if ent == "CARD":
        return v.isdigit() and len(v) in (15, 16) and luhn_ok(v) and (len(v) == 16) == (v[0] != "3")
    if ent == "NPI":
        return bool(re.fullmatch(r"[12]\d{9}", v)) and luhn_ok("80840" + v)
    if ent == "MBI":
        L = "[AC-HJKMNP-RT-Y]"
        return bool(re.fullmatch(r"[1-9]%s[0-9AC-HJKMNP-RT-Y]\d%s[0-9AC-HJKMNP-RT-Y]\d%s%s\d\d" % (L, L, L, L), v))
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}", v))
    if ent == "MRN":
        return bool(re.fullmatch(r"[A-Z]?[1-9]\d{6,7}", v))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z]{1,3}\d{9}", v))
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._]+@[a-z0-9]+\.[a-z]+", v))
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return datetime.date(1900, 1, 1) < d < datetime.date(2025, 1, 1)
    return bool(v.strip())


def json_string_ranges(raw):
    """Byte ranges (start, end) of the contents of every JSON string token (keys included)."""
    rng = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            rng.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return rng


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_0-9 ]+\]|[A-Za-z][A-Za-z0-9 _]*:) \S")


def check_record(r):
    errs = []
    text = r["text"]
    b = text.encode("utf-8")
    if r["format"] == "json":
        try:
            json.loads(text)
        except ValueError as e:
            errs.append("json: %s" % e)
        if json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) != text:
            errs.append("not compact json")
        bt = text.encode("utf-8")
        sranges = [(len(text[:a].encode("utf-8")), len(text[:z].encode("utf-8"))) for a, z in json_string_ranges(text)]
    else:
        lines = text.split("\n")
        if not 8 <= len(lines) <= 40:
            errs.append("turns %d" % len(lines))
        for l in lines:
            if not LINE_RE.match(l):
                errs.append("bad line %r" % l[:60])
        if text.endswith("\n") or "\n\n" in text:
            errs.append("blank/trailing line")
    iv = []
    for s in r["spans"]:
        st, en = s["start"], s["end"]
        if not 0 <= st < en <= len(b):
            errs.append("span bounds")
            continue
        try:
            seg = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("span splits a character")
            continue
        if seg != seg.strip() or not seg.strip(" ,") == seg:
            errs.append("span edge %r" % seg)
        if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
            errs.append("cue/spoken")
        ent, val = s["entity"], s["value"]
        if not valid_value(ent, val):
            errs.append("invalid %s %r" % (ent, val))
        f = s["form"]
        if ent in ("PHONE", "SSN", "CARD", "ZIP", "NPI", "MRN", "MBI", "MEMBER_ID"):
            got = norm(seg, "digits")
            want = val.lower()
            if ent == "PHONE" and len(got) == 11 and got[0] == "1":
                got = got[1:]
            if "correction" in f:
                if not (got.startswith(want[:3]) and got.endswith(want[-4:])):
                    errs.append("correction %s %r" % (ent, seg))
            elif got != want:
                errs.append("value mismatch %s %r -> %r != %r" % (ent, seg, got, want))
        elif ent == "DOB":
            if ("%02d" % (int(val[:4]) % 100)) not in norm(seg, "digits"):
                errs.append("dob year %r %s" % (seg, val))
        elif ent in ("NAME", "CITY"):
            if norm(seg, "letters") != re.sub(r"[^a-z0-9]", "", val.lower()) and ent == "NAME" and "cnam" not in f:
                errs.append("name mismatch %r %r" % (seg, val))
        elif ent == "EMAIL":
            want = re.sub(r"[^a-z0-9]", "", val)
            got = norm(seg, "letters")
            if "inline" in f:
                if not got.endswith(re.sub(r"[^a-z0-9]", "", val.split("@")[1])):
                    errs.append("email inline %r" % seg)
            elif got != want:
                errs.append("email mismatch %r %r %r" % (seg, got, want))
        elif ent == "STREET":
            if not norm(seg, "digits").startswith(val):
                errs.append("street %r %s" % (seg, val))
        if r["format"] == "json" and not any(a <= st and en <= z for a, z in sranges):
            errs.append("span outside json string %r" % seg)
        iv.append((st, en, "span"))
    for n in r["negatives"]:
        if not 0 <= n["start"] < n["end"] <= len(b) or not n.get("what"):
            errs.append("negative bounds")
            continue
        iv.append((n["start"], n["end"], "neg"))
    iv.sort()
    for (a1, z1, k1), (a2, z2, k2) in zip(iv, iv[1:]):
        if a2 < z1:
            errs.append("overlap %s/%s at %d" % (k1, k2, a2))
    return errs


def stats(recs, out=sys.stdout):
    ent = collections.Counter()
    ent_sp = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    neutral = 0
    for r in recs:
        kinds[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                neutral += 1
                continue
            ent[s["entity"]] += 1
            ent_sp[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    p = lambda *a: print(*a, file=out)
    p("records: %d  (%s)" % (len(recs), ", ".join("%s%s %d" % (f, "/" + pr if pr else "", k) for (f, pr), k in sorted(kinds.items()))))
    p("gold spans: %d  neutral spans: %d  negatives: %d" % (sum(ent.values()), neutral, sum(negs.values())))
    p("")
    p("| entity | total | spoken same | spoken prev | spoken none | written same | written prev | written none |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
    for e in sorted(ent):
        p("| %s | %d | %s |" % (e, ent[e], " | ".join(str(ent_sp[(e, sw, cu)]) for sw in ("spoken", "written") for cu in ("same", "prev", "none"))))
    p("")
    p("negatives: " + ", ".join("%s %d" % (w, k) for w, k in negs.most_common()))
    p("")
    p("forms (%d distinct): " % len(forms) + ", ".join("%s/%s %d" % (e, f, k) for (e, f), k in sorted(forms.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--carrier-dir", default="")
    a = ap.parse_args()
    if a.check:
        recs = []
        bad = 0
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                for ln, line in enumerate(f, 1):
                    r = json.loads(line)
                    recs.append(r)
                    for e in check_record(r):
                        bad += 1
                        print("%s:%d %s: %s" % (path, ln, r.get("id"), e), file=sys.stderr)
        ids = [r["id"] for r in recs]
        if len(set(ids)) != len(ids):
            bad += 1
            print("duplicate ids", file=sys.stderr)
        stats(recs)
        print("\ncheck: %s (%d records, %d problems)" % ("OK" if not bad else "FAILED", len(recs), bad))
        sys.exit(1 if bad else 0)
    recs = generate(a.seed, a.n, a.carrier_dir)
    if a.stats:
        stats(recs)
        return
    w = sys.stdout
    for r in recs:
        w.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
