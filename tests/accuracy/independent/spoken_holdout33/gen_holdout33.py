#!/usr/bin/env python3
"""Holdout 33: workers' compensation and auto-injury claim calls with spoken PHI.

Calls to an occupational-health clinic and to a third-party claims administrator (TPA):
injured workers, adjusters, HR staff, attorneys' paralegals, nurse case managers, billing.
Plain transcripts (several speaker-label styles) and Deepgram / Retell / Vapi style payloads.

  python3 gen_holdout33.py [--seed 3333] [--n 150] > holdout33.jsonl
  python3 gen_holdout33.py --stats                  # counts for the default seed
  python3 gen_holdout33.py --check holdout33.jsonl  # re-validate a file (+ stats)

Python 3 standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is (no set iteration, one random.Random).
"""
import argparse
import collections
import csv
import json
import os
import random
import re
import sys

DEFAULT_SEED = 3333
DEFAULT_N = 150

ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME"]
NEG_WHATS = ["dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
             "appointment_date", "year", "weight", "height", "lab_value", "vital_sign",
             "step_count", "confirmation_number", "order_number", "emergency_number",
             "menu_option", "common_word",
             # extras of this corpus (claims work)
             "claim_number", "policy_number", "reference_number", "employer_phone",
             "employer_tax_id", "office_phone", "extension", "impairment_rating"]

# --------------------------------------------------------------------------- words

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
AS_IN = {"A": ["apple", "Adam"], "B": ["boy", "bravo"], "C": ["cat", "Charlie"],
         "D": ["David", "dog"], "E": ["Edward", "echo"], "F": ["Frank", "fox"],
         "G": ["George", "girl"], "H": ["Henry", "house"], "I": ["igloo", "Ida"],
         "J": ["John", "jump"], "K": ["kite", "King"], "L": ["Larry", "lion"],
         "M": ["Mary", "mother"], "N": ["Nancy", "nut"], "O": ["ocean", "Oscar"],
         "P": ["Peter", "Paul"], "Q": ["queen", "Quincy"], "R": ["Robert", "red"],
         "S": ["Sam", "sugar"], "T": ["Tom", "tiger"], "U": ["umbrella", "uncle"],
         "V": ["Victor", "violin"], "W": ["William", "water"], "X": ["x-ray", "Xavier"],
         "Y": ["yellow", "yes"], "Z": ["zebra", "zoo"]}
FILLERS = ["uh", "um", "uh", "umm"]


def two_words(n, zw, hyphen=False):
    """0..99 as a spoken pair; a leading zero is said ('oh five')."""
    if n < 10:
        return zw + " " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n % 10 == 0:
        return TENS[n // 10]
    return TENS[n // 10] + ("-" if hyphen else " ") + ONES[n % 10]


def zero_word(rng, zm):
    if zm == "mix":
        return rng.choice(["oh", "zero", "oh", "o"])
    return zm


def say_single(rng, g, zm):
    return " ".join(zero_word(rng, zm) if c == "0" else ONES[int(c)] for c in g)


def say_double(rng, g, zm):
    out, i = [], 0
    while i < len(g):
        j = i
        while j < len(g) and g[j] == g[i]:
            j += 1
        run = j - i
        w = zero_word(rng, zm) if g[i] == "0" else ONES[int(g[i])]
        if run == 2:
            out.append("double " + w)
        elif run == 3:
            out.append("triple " + w)
        else:
            out.extend(zero_word(rng, zm) if g[i] == "0" else ONES[int(g[i])] for _ in range(run))
        i = j
    return " ".join(out)


def say_pairs(rng, g, zm, hyphen=False):
    n = len(g)
    if n == 1:
        return say_single(rng, g, zm)
    if n == 2:
        return two_words(int(g), zero_word(rng, zm), hyphen)
    if n == 3:
        if g[1:] == "00" and g[0] != "0":
            return ONES[int(g[0])] + " hundred"
        return say_single(rng, g[0], zm) + " " + two_words(int(g[1:]), zero_word(rng, zm), hyphen)
    if n == 4:
        if g[2:] == "00" and g[0] != "0" and g[1] != "0":
            return two_words(int(g[:2]), "oh", hyphen) + " hundred"
        return (two_words(int(g[:2]), zero_word(rng, zm), hyphen) + " "
                + two_words(int(g[2:]), zero_word(rng, zm), hyphen))
    if n == 5:
        return say_pairs(rng, g[:3], zm, hyphen) + " " + say_pairs(rng, g[3:], zm, hyphen)
    return say_single(rng, g, zm)


def say_group(rng, g, style, zm):
    if style == "digits":
        return g
    if style == "single":
        return say_single(rng, g, zm)
    if style == "double":
        return say_double(rng, g, zm)
    if style == "pairs":
        return say_pairs(rng, g, zm, hyphen=rng.random() < 0.2)
    raise ValueError(style)


def split_groups(d, sizes):
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    return out


def speak_digits(rng, d, sizes, styles=("single", "pairs", "double", "mixed"), seps=None,
                 filler=0.15):
    """Spoken rendering of a digit string in groups. Returns (text, spoken, form)."""
    style = rng.choice(styles)
    zm = rng.choice(["oh", "zero", "mix", "oh", "o"])
    sep = rng.choice(seps or [", ", " ", ", ", " dash ", "... ", " - "])
    groups = split_groups(d, sizes)
    parts, gstyles = [], []
    for k, g in enumerate(groups):
        if style == "mixed":
            st = rng.choice(["digits", "single"]) if k else "single"
            if k == len(groups) - 1 and all(s == "single" for s in gstyles):
                st = "digits"
        elif style == "pairs":
            st = "pairs" if (len(g) >= 2 and rng.random() < 0.8) else "single"
        else:
            st = style
        gstyles.append(st)
        parts.append(say_group(rng, g, st, zm))
    text = ""
    used_filler = False
    for k, p in enumerate(parts):
        if k:
            if sep == " " and parts[k - 1].split()[-1] in TENS:
                text += ", "   # "three thirty five fifty five" would be heard as 335...
            elif rng.random() < filler:
                text += " " + rng.choice(FILLERS) + " "
                used_filler = True
            else:
                text += sep
        text += p
    spoken = any(s != "digits" for s in gstyles)
    sepname = {", ": "comma", " ": "space", " dash ": "dash", "... ": "pause", " - ": "hyphen"}[sep]
    form = "%s_%s_%s%s" % (style, zm, sepname, "_filler" if used_filler else "")
    return text, spoken, form


def spell_letters(rng, word, how=None):
    """Spell a word letter by letter. Returns (text, form)."""
    how = how or rng.choice(["nato", "as_in", "dash", "space", "as_in_first"])
    W = [c for c in word.upper() if c.isalpha()]
    if how == "nato":
        return " ".join(NATO[c] for c in W), "spelled_nato_space"
    if how == "as_in":
        sep = rng.choice([", ", " "])
        return sep.join("%s as in %s" % (c, rng.choice(AS_IN[c])) for c in W), "spelled_as_in"
    if how == "as_in_first":
        return ("%s as in %s, " % (W[0], rng.choice(AS_IN[W[0]]))
                + "-".join(W[1:])), "spelled_as_in_first_dash"
    if how == "dash":
        return "-".join(W), "spelled_dash"
    return " ".join(c.lower() for c in W), "spelled_lower_space"


def speak_alnum(rng, s, letter_how=None, zm=None):
    """Letters and digits one by one (ids). Returns (text, form)."""
    letter_how = letter_how or rng.choice(["plain", "nato", "as_in", "plain"])
    zm = zm or rng.choice(["oh", "zero", "mix"])
    out = []
    for c in s:
        if c.isdigit():
            out.append(zero_word(rng, zm) if c == "0" else ONES[int(c)])
        elif letter_how == "nato":
            out.append(NATO[c])
        elif letter_how == "as_in":
            out.append("%s as in %s" % (c, rng.choice(AS_IN[c])))
        else:
            out.append(c)
    return " ".join(out), "alnum_%s_%s" % (letter_how, zm)


def year_words(y, short=False):
    if short:
        return two_words(y % 100, "oh")
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    return two_words(y // 100, "oh") + " " + (two_words(y % 100, "oh") if y % 100 else "hundred")


# --------------------------------------------------------------------------- value makers

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer",
         "Carlos", "Tamika", "Kevin", "Angela", "Luis", "Denise", "Brandon", "Rosa", "Tyrone",
         "Heather", "Dustin", "Yolanda", "Marcus", "Crystal", "Jorge", "Shannon", "Travis",
         "Latoya", "Cody", "Veronica", "Ramon", "Kristen", "Andre", "Tiffany", "Darnell",
         "Brenda", "Jesús", "Monica", "Wade", "Gloria", "Dmitri", "Nadia", "Terrence", "Amber"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Jackson", "White",
        "Harris", "Thompson", "Ramirez", "Robinson", "Okafor", "Kowalski", "Nguyen", "Pham",
        "Castillo", "Brennan", "Yazzie", "Schneider", "Delgado", "Washington", "Muñoz",
        "Kaminski", "Oyelaran", "Fitzgerald", "Szymanski", "Villalobos", "McAllister", "Haddad"]
STAFF_FIRST = ["Karen", "Tonya", "Greg", "Melissa", "Darren", "Shayla", "Brian", "Renee",
               "Colleen", "Hector", "Janelle", "Phil", "Stacy", "Omar", "Lorraine", "Trent"]
DOC_LAST = ["Patel", "Okonkwo", "Lindqvist", "Barrera", "Chen", "Abernathy", "Sorensen",
            "Iyer", "Gallagher", "Mbeki", "Ostrowski", "Teague"]
STREETS = ["Maple", "Oak", "Elm", "Cedar", "Linden", "Walnut", "Sycamore", "Hickory", "Birch",
           "Willow", "Chestnut", "Ridgeview", "Lakeshore", "Mill Creek", "Church", "Harrison",
           "Sunset", "Bluebird", "Cottonwood", "Prairie", "Fairview", "Kingsley"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."), ("Road", "Rd."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl.")]
CITIES = [("Columbus", "OH", "432"), ("Dayton", "OH", "454"), ("Toledo", "OH", "436"),
          ("Akron", "OH", "443"), ("Fort Wayne", "IN", "468"), ("Gary", "IN", "464"),
          ("Lansing", "MI", "489"), ("Flint", "MI", "485"), ("Joliet", "IL", "604"),
          ("Peoria", "IL", "616"), ("Scranton", "PA", "185"), ("Erie", "PA", "165"),
          ("Louisville", "KY", "402"), ("Knoxville", "TN", "379"), ("Tulsa", "OK", "741"),
          ("Wichita", "KS", "672"), ("El Paso", "TX", "799"), ("Bakersfield", "CA", "933"),
          ("Stockton", "CA", "952"), ("Spokane", "WA", "992"), ("Tucson", "AZ", "857"),
          ("Albuquerque", "NM", "871"), ("Chattanooga", "TN", "374"), ("Mobile", "AL", "366")]
AREA = ["614", "937", "419", "330", "260", "219", "517", "810", "815", "309", "570", "814",
        "502", "865", "918", "316", "915", "661", "209", "509", "520", "505", "423", "251"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"]
EMPLOYERS = ["Midstate Freight", "Buckeye Precision Castings", "Tri-County Home Care",
             "Lakeside Distribution", "Northgate Poultry", "Summit Roofing", "Riverbend Foods",
             "Keller Warehouse Services", "Prairie Wind Turbines", "Allied Parcel Sort"]
CLINICS = ["WorkWell Occupational Health", "Concentra-style Occ Med", "Riverside Occupational Health",
           "Metro Work Injury Clinic", "Northside Occupational Medicine"]
CLINICS = ["WorkWell Occupational Health", "Riverside Occupational Health",
           "Metro Work Injury Clinic", "Northside Occupational Medicine",
           "Gateway Industrial Health"]
TPAS = ["Keystone Claims Services", "Tri-River Risk Management", "Harborline TPA",
        "Cornerstone Comp Administrators"]
AUTO_CARRIERS = ["Heartland Mutual Auto", "Prairie State Casualty", "Blue Ridge Auto Insurance"]


def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return s % 10 == 0


def luhn_complete(prefix, length, rng):
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


TEST_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "4012888888881881",
              "5105105105105100", "6011111111111117", "378282246310005", "371449635398431",
              "4000056655665556", "5200828282828210", "6011000990139424", "2223003122003222"]


def make_card(rng):
    r = rng.random()
    if r < 0.3:
        return rng.choice(TEST_CARDS)
    if r < 0.45:
        return luhn_complete(rng.choice(["34", "37"]), 15, rng)
    if r < 0.7:
        return luhn_complete("5" + rng.choice("12345"), 16, rng)
    if r < 0.8:
        return luhn_complete("6011", 16, rng)
    return luhn_complete("4", 16, rng)


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def ssn_ok(d):
    return (len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00"
            and d[5:] != "0000")


def make_npi(rng):
    body = "1" + "".join(rng.choice("0123456789") for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c
    raise AssertionError


def npi_ok(d):
    return len(d) == 10 and d[0] in "12" and luhn_ok("80840" + d)


MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    L = lambda: rng.choice(MBI_LET)
    D = lambda: rng.choice("0123456789")
    AN = lambda: rng.choice(MBI_LET + "0123456789")
    return (rng.choice("123456789") + L() + AN() + D() + L() + AN() + D() + L() + L() + D() + D())


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def days_in(m, y):
    return [31, 29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31,
            31, 30, 31, 30, 31][m - 1]


def make_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    return (y, m, rng.randint(1, days_in(m, y)))


# --------------------------------------------------------------------------- renderers
# each returns (text, spoken, form)

def r_phone(rng, d, mode):
    if mode == "written":
        a, b, c = d[:3], d[3:6], d[6:]
        opts = [("(%s) %s-%s" % (a, b, c), "written_paren"), ("%s-%s-%s" % (a, b, c), "written_dash"),
                ("%s.%s.%s" % (a, b, c), "written_dot"), (d, "written_run"),
                ("+1 %s-%s-%s" % (a, b, c), "written_plus1"), ("1-%s-%s-%s" % (a, b, c), "written_1dash")]
        t, f = rng.choice(opts)
        return t, False, f
    if rng.random() < 0.15:
        # area code in pairs style "six fourteen", exchange "five five five"
        t, _, f = speak_digits(rng, d, [3, 3, 4], styles=("pairs",))
        return t, True, "phone_" + f
    t, sp, f = speak_digits(rng, d, [3, 3, 4])
    return t, sp, "phone_" + f


def r_ssn(rng, d, mode):
    if mode == "written":
        t, f = rng.choice([("%s-%s-%s" % (d[:3], d[3:5], d[5:]), "written_dash"),
                           ("%s %s %s" % (d[:3], d[3:5], d[5:]), "written_space"),
                           (d, "written_run")])
        return t, False, f
    if rng.random() < 0.15:
        t = say_single(rng, d, rng.choice(["oh", "zero"]))
        return t, True, "run_single"
    t, sp, f = speak_digits(rng, d, [3, 2, 4])
    return t, sp, "ssn_" + f


def r_last4(rng, d4, mode):
    if mode == "written":
        return d4, False, "last4_digits"
    t, sp, f = speak_digits(rng, d4, rng.choice([[4], [2, 2]]),
                            styles=("single", "pairs", "double"), seps=[" ", ", ", " "], filler=0.05)
    return t, sp, "last4_" + f


def r_zip(rng, z, mode):
    if mode == "written":
        return z, False, "written_zip5" if len(z) == 5 else "written_zip9"
    if len(z) == 10:
        t, _, f = speak_digits(rng, z[:5], [5], styles=("single",), seps=[" "])
        t2 = say_single(rng, z[6:], "oh")
        return t + rng.choice([" dash ", " ", ", "]) + t2, True, "zip9_single"
    st = rng.choice(["single", "single", "pairs32", "double", "mixed"])
    if st == "pairs32":
        return say_pairs(rng, z[:3], "oh") + " " + say_pairs(rng, z[3:], "oh"), True, "zip_pairs_3_2"
    if st == "mixed":
        return say_single(rng, z[:3], "oh") + " " + z[3:], True, "zip_mixed_words_digits"
    zm = rng.choice(["oh", "zero"])
    return (say_single(rng, z, zm) if st == "single" else say_double(rng, z, zm)), True, \
        "zip_%s_%s" % (st, zm)


def r_card(rng, c, mode):
    sizes = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
    if mode == "written":
        g = split_groups(c, sizes)
        t, f = rng.choice([(" ".join(g), "written_space"), ("-".join(g), "written_dash"),
                           (c, "written_run")])
        return t, False, f + ("_amex" if len(c) == 15 else "")
    t, sp, f = speak_digits(rng, c, sizes, styles=("single", "single", "pairs", "double", "mixed"),
                            seps=[", ", " ", "... ", ", "])
    return t, sp, "card_" + f + ("_amex" if len(c) == 15 else "")


def r_mrn(rng, m, mode):
    if mode == "written":
        return m, False, "written_mrn"
    if m[0].isalpha():
        lt, lf = spell_letters(rng, m[0], rng.choice(["as_in", "nato", "plain"]) if False else None)
        lt = rng.choice([m[0], "%s as in %s" % (m[0], rng.choice(AS_IN[m[0]])), NATO[m[0]]])
        t, sp, f = speak_digits(rng, m[1:], [3, 4] if len(m) == 8 else [len(m) - 1],
                                styles=("single", "pairs", "double"), seps=[" ", ", ", "... "])
        return lt + " " + t, True, "mrn_letter_" + f
    sizes = [len(m)] if rng.random() < 0.4 else ([4, 4] if len(m) == 8 else [3, 4])
    t, sp, f = speak_digits(rng, m, sizes, seps=[" ", ", ", "... ", " dash "])
    return t, sp, "mrn_" + f


def r_npi(rng, n, mode):
    if mode == "written":
        return n, False, "written_npi"
    t, sp, f = speak_digits(rng, n, rng.choice([[10], [3, 3, 4], [5, 5]]),
                            styles=("single", "pairs", "double"))
    return t, sp, "npi_" + f


def r_alnum_id(rng, s, mode, written_forms):
    if mode == "written":
        t, f = rng.choice(written_forms)
        return t, False, f
    t, f = speak_alnum(rng, s)
    return t, True, f


def r_dob(rng, ymd, mode, allow_short=True):
    y, m, d = ymd
    if mode == "written":
        opts = [("%02d/%02d/%d" % (m, d, y), "written_mdy_lead"),
                ("%d/%d/%d" % (m, d, y), "written_mdy_nolead"),
                ("%s %d, %d" % (MONTHS[m - 1], d, y), "written_month_d_y"),
                ("%s %d%s, %d" % (MONTHS[m - 1], d, ordsuf(d), y), "written_month_dth_y"),
                ("%d-%02d-%02d" % (y, m, d), "written_iso"),
                ("%02d-%02d-%d" % (m, d, y), "written_mdy_dash")]
        t, f = rng.choice(opts)
        return t, False, f
    full = year_words(y)
    short = year_words(y, short=True) if allow_short else full
    yr = rng.choice([full, short, full])
    yform = "full" if yr == full else "short"
    k = rng.randint(0, 6)
    mon = MONTHS[m - 1].lower() if rng.random() < 0.6 else MONTHS[m - 1]
    if k == 0:
        return "%s %s %s" % (mon, ORD[d], yr), True, "month_ord_" + yform
    if k == 1:
        return "%s %s, %s" % (mon, two_words(d, "oh").replace("oh ", "") if d >= 10 else ONES[d], yr), \
            True, "month_card_" + yform
    if k == 2:
        return "the %s of %s %s" % (ORD[d], mon, yr), True, "the_d_of_m_" + yform
    if k == 3:
        zm = rng.choice(["oh", "zero"])
        mm = two_words(m, zm) if m >= 10 or rng.random() < 0.5 else ONES[m]
        dd = two_words(d, zm) if d >= 10 or rng.random() < 0.5 else ONES[d]
        sep = rng.choice([" ", ", ", " dash ", " slash "])
        return "%s%s%s%s%s" % (mm, sep, dd, sep, yr), True, "num_mdy_%s_%s" % (
            {" ": "space", ", ": "comma", " dash ": "dash", " slash ": "slash"}[sep], yform)
    if k == 4:
        # digit by digit, eight digits "oh three one five one nine six one"
        zm = rng.choice(["oh", "zero"])
        s = say_single(rng, "%02d%02d%d" % (m, d, y), zm)
        return s, True, "digits8_single_" + zm
    if k == 5:
        return "%s %s %d" % (mon, ORD[d], y), True, "month_ord_numyear"
    return "%s %s %s" % (ORD[d], "of " + mon, yr), True, "d_of_m_" + yform


def ordsuf(d):
    if 10 <= d % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def r_email(rng, e, mode):
    if mode == "written":
        return e, False, "written_email"
    local, dom = e.split("@")
    k = rng.randint(0, 4)

    def say_local(spell):
        out = []
        for tok in re.split(r"([._])", local):
            if tok == ".":
                out.append("dot")
            elif tok == "_":
                out.append("underscore")
            elif tok.isdigit():
                out.append(say_pairs(rng, tok, "oh") if len(tok) in (2, 4) else say_single(rng, tok, "oh"))
            else:
                m = re.match(r"([a-z]+)(\d*)$", tok)
                w, num = m.group(1), m.group(2)
                if spell and len(w) > 1:
                    out.append("-".join(w))
                else:
                    out.append(w)
                if num:
                    out.append(say_pairs(rng, num, "oh") if len(num) in (2, 4) else say_single(rng, num, "oh"))
        return " ".join(out)
    dname, tld = dom.split(".")
    domain = "%s dot %s" % (dname, tld)
    if k == 0:
        return "%s at %s" % (say_local(False), domain), True, "email_words"
    if k == 1:
        return "%s at %s" % (say_local(True), domain), True, "email_spell_local_dash"
    if k == 2:
        return "%s at %s" % (say_local(False), dom), True, "email_words_written_domain"
    if k == 3:
        return "%s at %s" % (say_local(False), domain.replace(" dot ", ".")), True, "email_words_dotted_domain"
    return "%s at %s" % (say_local(False).replace(" dot ", "."), domain), True, "email_local_dotted"


def r_street(rng, st, mode):
    num, name, suf, sufab, unit = st
    if mode == "written":
        t = "%s %s %s" % (num, name, sufab if rng.random() < 0.6 else suf)
        if unit:
            t += rng.choice([", Apt %s" % unit, " Apt. %s" % unit, " #%s" % unit, ", Unit %s" % unit])
        return t, False, "written_street" + ("_unit" if unit else "")
    k = rng.random()
    if k < 0.5 and len(num) >= 3:
        n = say_pairs(rng, num, "oh")
        form = "house_pairs"
    elif k < 0.8:
        n = say_single(rng, num, "oh")
        form = "house_single"
    else:
        n = num
        form = "house_digits"
    t = "%s %s %s" % (n, name, suf)
    if unit:
        u = " ".join(say_single(rng, c, "oh") if c.isdigit() else c for c in unit)
        t += rng.choice([" apartment ", ", apartment ", " unit ", " number "]) + u
        form += "_unit"
    return t, True, form


def r_date(rng, ymd, mode):
    if mode == "written":
        return r_dob(rng, ymd, "written")
    y, m, d = ymd
    mon = MONTHS[m - 1].lower()
    k = rng.randint(0, 3)
    if k == 0:
        return "%s %s" % (mon, ORD[d]), True, "month_ord_noyear"
    if k == 1:
        return "%s %s %s" % (mon, ORD[d], year_words(y)), True, "month_ord_full"
    if k == 2:
        return "the %s of %s" % (ORD[d], mon), True, "the_d_of_m_noyear"
    return "%s %s" % (ONES[m] if m < 10 else two_words(m, "oh"), two_words(d, "oh") if d >= 10 else ONES[d]), \
        True, "num_md"


def written_name(first, last):
    return "%s %s" % (first, last)


# --------------------------------------------------------------------------- record builder

SO, SS, SC, NO, NC = "\x01", "\x1f", "\x02", "\x03", "\x04"
MARK_RE = re.compile(r"(?:\x01|\\u0001)(\d+)(?:\x1f|\\u001f)(.*?)(?:\x02|\\u0002)"
                     r"|(?:\x03|\\u0003)(\d+)(?:\x1f|\\u001f)(.*?)(?:\x04|\\u0004)", re.S)


CAP_RE = re.compile(r"(^|(\w+)[.?!] )((?:[\x01\x03]\d+\x1f)?)([a-z])")
ABBR = {"St", "Dr", "Ave", "Rd", "Ln", "Ct", "Blvd", "Pl", "Apt"}


def _cap(m):
    if m.group(2) in ABBR:
        return m.group(0)
    rest = m.string[m.end():].split(" ", 1)[0]
    if "@" in rest:       # a written e-mail address stays lower case
        return m.group(0)
    return m.group(1) + m.group(3) + m.group(4).upper()


class Rec:
    def __init__(self, rng, mode):
        self.rng = rng
        self.mode = mode          # words / smart / mixed: how the ASR writes caller speech
        self.turns = []           # [role, text]
        self.meta = []            # span metadata by id
        self.nmeta = []

    def v(self, entity, text, spoken, cue, form, value):
        self.meta.append({"entity": entity, "spoken": spoken, "cue": cue, "form": form,
                          "value": value})
        return "%s%d%s%s%s" % (SO, len(self.meta) - 1, SS, text, SC)

    def n(self, what, text):
        self.nmeta.append(what)
        return "%s%d%s%s%s" % (NO, len(self.nmeta) - 1, SS, text, NC)

    def say(self, role, text, carrier=False):
        text = re.sub(r"  +", " ", text).strip()
        text = CAP_RE.sub(_cap, text)
        if self.turns and self.turns[-1][0] == role and not carrier:
            other = "C" if role == "A" else "A"
            self.turns.append([other, self.rng.choice(["Okay.", "Mm-hmm.", "Alright.", "Okay."])])
        self.turns.append([role, text])

    def vmode(self, role="C"):
        """Rendering mode for a value said by role: 'spoken' or 'written'."""
        if role == "L":   # LLM voice agent text
            return "written" if self.rng.random() < 0.55 else "spoken"
        if self.mode == "words":
            return "spoken" if self.rng.random() < 0.9 else "written"
        if self.mode == "smart":
            return "written" if self.rng.random() < 0.75 else "spoken"
        return "spoken" if self.rng.random() < 0.6 else "written"


def finalize(s):
    """Strip markers; return (clean text, spans, negatives) with byte offsets."""
    out, spans, negs = [], [], []
    pos = 0
    last = 0
    for m in MARK_RE.finditer(s):
        pre = s[last:m.start()]
        out.append(pre)
        pos += len(pre.encode("utf-8"))
        if m.group(1) is not None:
            body = m.group(2)
            spans.append((pos, pos + len(body.encode("utf-8")), int(m.group(1))))
        else:
            body = m.group(4)
            negs.append((pos, pos + len(body.encode("utf-8")), int(m.group(3))))
        out.append(body)
        pos += len(body.encode("utf-8"))
        last = m.end()
    out.append(s[last:])
    return "".join(out), spans, negs


def unmark(s):
    return MARK_RE.sub(lambda m: m.group(2) if m.group(1) is not None else m.group(4), s)


# --------------------------------------------------------------------------- persona

def make_persona(rng):
    P = {}
    P["first"] = rng.choice(FIRST)
    P["last"] = rng.choice(LAST)
    P["dob"] = make_date(rng, 1957, 2004)
    P["ssn"] = make_ssn(rng)
    P["phone"] = rng.choice(AREA) + "555" + "01%02d" % rng.randint(0, 99)
    city, state, zp = rng.choice(CITIES)
    P["city"], P["state"] = city, state
    P["zip"] = zp + "%02d" % rng.randint(1, 99)
    if rng.random() < 0.12:
        P["zip"] += "-%04d" % rng.randint(1000, 9999)
    num = str(rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                          rng.randint(1000, 9999), rng.randint(10000, 29999)]))
    suf, sufab = rng.choice(SUFFIX)
    unit = rng.choice(["", "", "", "3B", "12", "204", "C", "7"])
    P["street"] = (num, rng.choice(STREETS), suf, sufab, unit)
    fl, ll = strip_accents(P["first"]).lower(), strip_accents(P["last"]).lower()
    loc = rng.choice(["%s.%s" % (fl, ll), "%s%s" % (fl, ll), "%s%s%02d" % (fl[0], ll, rng.randint(1, 99)),
                      "%s_%s" % (fl, ll), "%s%d" % (fl, P["dob"][0]), "%s.%s%02d" % (fl, ll, P["dob"][0] % 100)])
    P["email"] = loc + "@" + rng.choice(DOMAINS)
    P["mrn"] = rng.choice(["%07d" % rng.randint(1000000, 9999999), "%08d" % rng.randint(100000, 9999999),
                           "M%07d" % rng.randint(1000000, 9999999),
                           "%08d" % rng.randint(10000000, 99999999)])
    P["card"] = make_card(rng)
    P["member"] = rng.choice(["".join(rng.choice("ABCDEFGHJKMNPRTUWXYZ") for _ in range(3))
                              + "%09d" % rng.randint(100000000, 999999999),
                              "W%09d" % rng.randint(100000000, 999999999),
                              "%s%d" % ("".join(rng.choice("ABCDEFGHJKMNPRTUWXYZ") for _ in range(2)),
                                        rng.randint(10000000, 99999999))])
    P["mbi"] = make_mbi(rng)
    P["npi"] = make_npi(rng)
    P["doc"] = rng.choice(DOC_LAST)
    P["staff"] = rng.choice(STAFF_FIRST)
    P["staff2"] = rng.choice([s for s in STAFF_FIRST if s != P["staff"]])
    P["staff2_last"] = rng.choice([l for l in LAST if l != P["last"]])
    P["employer"] = rng.choice(EMPLOYERS)
    P["emp_phone"] = rng.choice(["800", "888", "877"] + AREA[:6]) + "555" + "01%02d" % rng.randint(0, 99)
    P["office_phone"] = rng.choice(AREA) + "555" + "01%02d" % rng.randint(0, 99)
    P["clinic_phone"] = rng.choice(AREA) + "555" + "01%02d" % rng.randint(0, 99)
    P["fein"] = "%02d%07d" % (rng.randint(10, 98), rng.randint(1000000, 9999999))
    P["claim"] = rng.choice(["WC%02d%06d" % (rng.randint(22, 25), rng.randint(100000, 999999)),
                             "%d%07d" % (rng.randint(1, 9), rng.randint(1000000, 9999999)),
                             "C%d-%05d" % (rng.randint(23, 25), rng.randint(10000, 99999))])
    P["policy"] = "%s%d" % (rng.choice(["PA", "HM", "AU"]), rng.randint(1000000, 9999999))
    P["ref"] = "%d" % rng.randint(100000, 999999)
    P["clinic"] = rng.choice(CLINICS)
    P["tpa"] = rng.choice(TPAS)
    P["auto"] = rng.choice(AUTO_CARRIERS)
    P["admit"] = make_date(rng, 2024, 2024)
    P["age"] = 2024 - P["dob"][0]
    return P


def strip_accents(s):
    return s.replace("é", "e").replace("ñ", "n").replace("ú", "u").replace("á", "a")


# --------------------------------------------------------------------------- negatives phrases

def neg_claim(rec, P):
    rng = rec.rng
    c = P["claim"]
    if rng.random() < 0.5 or rec.mode == "smart":
        return rec.n("claim_number", c)
    if c.startswith("WC"):
        t = "W C " + say_single(rng, c[2:4], "oh") + ", " + say_single(rng, c[4:7], "oh") + ", " + \
            say_single(rng, c[7:], "oh")
    elif c.startswith("C"):
        t = "C " + say_pairs(rng, c[1:3], "oh") + " dash " + say_single(rng, c[4:], "zero")
    else:
        t = say_single(rng, c, rng.choice(["oh", "zero"]))
    return rec.n("claim_number", t)


def neg_spoken_digits(rec, what, d, sizes):
    if rec.mode == "smart" and rec.rng.random() < 0.6:
        return rec.n(what, d)
    t, _, _ = speak_digits(rec.rng, d, sizes, styles=("single", "pairs"), filler=0.0)
    return rec.n(what, t)


def neg_fein(rec, P):
    f = P["fein"]
    if rec.mode == "smart" and rec.rng.random() < 0.6:
        return rec.n("employer_tax_id", f[:2] + "-" + f[2:])
    t = say_single(rec.rng, f[:2], "oh") + rec.rng.choice([" dash ", ", ", " "]) + \
        say_single(rec.rng, f[2:], rec.rng.choice(["oh", "zero"]))
    return rec.n("employer_tax_id", t)


def neg_phone_words(rec, what, d):
    if rec.mode == "smart" and rec.rng.random() < 0.6:
        return rec.n(what, "%s-%s-%s" % (d[:3], d[3:6], d[6:]))
    if d[:3] in ("800", "888", "877"):
        head = {"800": "eight hundred", "888": "triple eight", "877": "eight seven seven"}[d[:3]]
        t = "1 " + head if rec.rng.random() < 0.3 else head
        return rec.n(what, t + ", " + say_single(rec.rng, d[3:6], "oh") + ", " + say_single(rec.rng, d[6:], "oh"))
    t, _, _ = speak_digits(rec.rng, d, [3, 3, 4], styles=("single",), filler=0.0)
    return rec.n(what, t)


# --------------------------------------------------------------------------- blocks
# Roles: "A" = the answering side (clinic staff, adjuster, intake, voice agent), "C" = the caller.
# The value-speaker role letter "L" asks for LLM-agent style text (JSON agent turns).

def agent_role(rec):
    return "L" if rec.llm_agent else "A"


def b_name(rec, P, style):
    rng = rec.rng
    who = style.get("subject", "your")
    name = "%s %s" % (P["first"], P["last"])
    k = rng.randint(0, 3)
    low = rec.mode == "words" and rng.random() < 0.5
    shown = name.lower() if low else name
    if k == 0:
        rec.say("A", rng.choice(["Can I get %s first and last name?" % who,
                                 "Okay, and what's the %s name?" % ("patient's" if who == "the patient's" else "injured worker's"),
                                 "Who am I speaking with?" if who == "your" else "What's the claimant's name?"]))
        rec.say("C", rec.v("NAME", shown, True, "prev", "name_full" + ("_lower" if low else ""), name)
                + rng.choice(["", ".", "?"]))
    elif k == 1:
        lead = "My name is " if who == "your" else rng.choice(["The employee is ", "Claimant's name is ",
                                                               "It's for my client, "])
        rec.say("C", lead + rec.v("NAME", shown, True, "same", "name_full" + ("_lower" if low else ""), name)
                + rng.choice([".", ", and I'm calling about a claim.", "."]))
    elif k == 2:
        rec.say("A", "Last name first, please.")
        rec.say("C", rec.v("NAME", P["last"], True, "prev", "name_last_first", "%s %s" % (P["first"], P["last"]) and P["last"])
                + ", " + rec.v("NAME", P["first"], True, "prev", "name_first", P["first"]) + ".")
    else:
        rec.say("A", "Can I have the name on the claim?")
        rec.say("C", rng.choice(["Yeah, ", "Sure, it's ", "Um, "]) + rec.v("NAME", shown, True, "prev",
                                                                           "name_full", name) + ".")
    # spelling
    if rng.random() < 0.55:
        rec.say("A", rng.choice(["And how do you spell the last name?", "Can you spell that last name for me?",
                                 "Spell the last name?"]))
        t, f = spell_letters(rng, strip_accents(P["last"]))
        rec.say("C", rng.choice(["", "Sure. ", "It's "]) + rec.v("NAME", t, True, "prev", f, P["last"]) + ".")
        if rng.random() < 0.4:
            t2 = P["last"] if rng.random() < 0.5 else "-".join(strip_accents(P["last"]).upper())
            f2 = "name_last" if "-" not in t2 else "spelled_dash_readback"
            rec.say("A", "Got it, " + rec.v("NAME", t2, True, "prev", f2, P["last"]) + ".")
            rec.say("C", "Yep.")
    rec.facts["name"] = 1


def b_dob(rec, P, style):
    rng = rec.rng
    mode = rec.vmode("C")
    t, sp, f = r_dob(rng, P["dob"], mode)
    val = "%04d-%02d-%02d" % P["dob"]
    k = rng.randint(0, 3)
    if k == 0:
        rec.say("A", rng.choice(["And date of birth?", "Can you verify the date of birth?",
                                 "What's %s date of birth?" % style.get("subject", "your"), "DOB?"]))
        rec.say("C", rec.v("DOB", t, sp, "prev", f, val) + rng.choice(["", ".", "?"]))
    elif k == 1:
        rec.say("C", rng.choice(["Date of birth is ", "Birthday's ", "DOB is ", "Born "])
                + rec.v("DOB", t, sp, "same", f, val) + ".")
    elif k == 2:
        rec.say("A", "And what's the birth date on file?")
        rec.say("C", rng.choice(["Let me think, uh, ", "It's ", "Sure, "]) + rec.v("DOB", t, sp, "prev", f, val) + ".")
    else:
        rec.say("A", "I need to verify two identifiers. Date of birth first.")
        rec.say("C", "Oh. " + rec.v("DOB", t, sp, "prev", f, val) + ".")
    if rng.random() < 0.4:
        rm = rec.vmode(agent_role(rec))
        t2, sp2, f2 = r_dob(rng, P["dob"], rm)
        rec.say("A", rng.choice(["So that's ", "I have ", "Okay, "]) + rec.v("DOB", t2, sp2, "prev", f2, val)
                + rng.choice([", correct?", ". Is that right?", "."]))
        rec.say("C", rng.choice(["Correct.", "Yes ma'am.", "That's right.", "Yep."]))
    rec.facts["dob"] = 1


def b_ssn(rec, P, style):
    rng = rec.rng
    mode = rec.vmode("C")
    full = rng.random() < 0.5
    d = P["ssn"] if full else P["ssn"][5:]
    if full:
        t, sp, f = r_ssn(rng, d, mode)
    else:
        t, sp, f = r_last4(rng, d, mode)
        if not f.startswith("last4"):
            f = "last4_" + f
    val = d
    k = rng.randint(0, 3)
    if k == 0:
        q = ("the social security number" if full else "the last four of the social")
        rec.say("A", rng.choice(["I'll need %s." % q, "And %s?" % q, "Can you give me %s?" % q]))
        rec.say("C", rng.choice(["", "Yeah, it's ", "Okay, ", "Uh, "]) + rec.v("SSN", t, sp, "prev", f, val) + ".")
    elif k == 1:
        if style.get("third"):
            lead = rng.choice(["%s social is " % style["pro"].capitalize(), "Social's ", "SSN is "]) if full else \
                rng.choice(["Last four of %s social is " % style["pro"], "Last four of the social, ", "Last four SSN "])
        else:
            lead = rng.choice(["My social is ", "Social's ", "SSN is "]) if full else \
                rng.choice(["Last four of my social is ", "Last four of the social, ", "Last four SSN "])
        rec.say("C", lead + rec.v("SSN", t, sp, "same", f, val) + ".")
    elif k == 2:
        q = "the full social" if full else "last four of the social"
        rec.say("A", "Okay and %s, please." % q)
        rec.say("C", "Hang on, I have the form here. " + rng.choice(["Okay.", "Alright."]))
        rec.say("A", rng.choice(["Take your time.", "No problem.", "Sure."]))
        rec.say("C", rec.v("SSN", t, sp, "prev", f, val) + ".")
    else:
        rec.say("A", "What's the Social on the claim?" if full else "And the last four?")
        rec.say("C", rec.v("SSN", t, sp, "prev", f, val) + ".")
    if full and rng.random() < 0.35:
        t2, sp2, f2 = r_last4(rng, d[5:], rec.vmode(agent_role(rec)))
        rec.say("A", "Thank you, ending in " + rec.v("SSN", t2, sp2, "prev", "last4_" + f2 if not f2.startswith("last4") else f2, d[5:]) + ".")
        rec.say("C", "Mm-hmm.")
    rec.facts["ssn_full" if full else "ssn4"] = 1


def b_phone(rec, P, style):
    rng = rec.rng
    t, sp, f = r_phone(rng, P["phone"], rec.vmode("C"))
    val = P["phone"]
    k = rng.randint(0, 3)
    if k == 0:
        rec.say("A", rng.choice(["What's the best callback number?", "Good phone number for you?",
                                 "And a phone number where we can reach you?", "Phone?"]))
        rec.say("C", rng.choice(["", "Um, ", "It's ", "My cell, "]) + rec.v("PHONE", t, sp, "prev", f, val) + ".")
    elif k == 1:
        rec.say("C", rng.choice((["%s cell is " % style.get("pro", "my").capitalize(), "Home phone is ", "Cell phone "]
                                 if style.get("third") else ["My cell is ", "You can call me at ", "My number's ", "Cell phone "]))
                + rec.v("PHONE", t, sp, "same", f, val) + ".")
    elif k == 2:
        rec.say("A", "Is the number on file still good?")
        rec.say("C", ("No, %s changed it. It's " % ("they" if style.get("third") else "I"))
                + rec.v("PHONE", t, sp, "prev", f, val) + ".")
    else:
        rec.say("A", "And a number for the adjuster to reach you?")
        rec.say("C", rec.v("PHONE", t, sp, "prev", f, val) + "... that's a cell.")
    if rng.random() < 0.35:
        t2, sp2, f2 = r_phone(rng, val, rec.vmode(agent_role(rec)))
        rec.say("A", rng.choice(["Let me read that back, ", "I have ", "Okay, "]) +
                rec.v("PHONE", t2, sp2, "prev", f2, val) + rng.choice(["?", ".", ", right?"]))
        rec.say("C", rng.choice(["Yes.", "Yup, that's it.", "Correct."]))
    rec.facts["phone"] = 1


def b_address(rec, P, style):
    rng = rec.rng
    mode = rec.vmode("C")
    st, sps, fs = r_street(rng, P["street"], mode)
    stv = "%s %s %s%s" % (P["street"][0], P["street"][1], P["street"][2],
                          " Apt %s" % P["street"][4] if P["street"][4] else "")
    zt, spz, fz = r_zip(rng, P["zip"], rec.vmode("C"))
    k = rng.randint(0, 2)
    if k == 0:
        rec.say("A", rng.choice(["And the home address?", "What's the mailing address?",
                                 "Where should we mail the paperwork?"]))
        rec.say("C", rec.v("STREET", st, sps, "prev", fs, stv) + ", " +
                rec.v("CITY", P["city"], True, "prev", "city", P["city"]) + ", " + P["state"] + " "
                + rec.v("ZIP", zt, spz, "prev", fz, P["zip"]) + ".")
    elif k == 1:
        rec.say("C", ("Home address is " if style.get("third") else "I live at ")
                + rec.v("STREET", st, sps, "same", fs, stv) + " in " +
                rec.v("CITY", P["city"], True, "same", "city", P["city"]) + ", zip code " +
                rec.v("ZIP", zt, spz, "same", fz, P["zip"]) + ".")
    else:
        rec.say("A", "Street address?")
        rec.say("C", rec.v("STREET", st, sps, "prev", fs, stv) + ".")
        rec.say("A", "City?")
        rec.say("C", rec.v("CITY", P["city"], True, "prev", "city", P["city"]) + ".")
        rec.say("A", rng.choice(["And the zip?", "Zip code?"]))
        rec.say("C", rng.choice(["", "It's ", "Um "]) + rec.v("ZIP", zt, spz, "prev", fz, P["zip"]) + ".")
    rec.facts["address"] = 1


def b_email(rec, P, style):
    rng = rec.rng
    t, sp, f = r_email(rng, P["email"], rec.vmode("C"))
    val = P["email"]
    k = rng.randint(0, 2)
    if k == 0:
        rec.say("A", rng.choice(["Do you have an email for the patient portal?",
                                 "What email should the claim forms go to?", "Email address?"]))
        rec.say("C", rng.choice(["", "Yeah, ", "Sure, it's "]) + rec.v("EMAIL", t, sp, "prev", f, val) + ".")
    elif k == 1:
        rec.say("C", rng.choice(["%s email is " % ("The employee's" if style.get("third") else "My"),
                                 "Email's ", "Email address is "]) +
                rec.v("EMAIL", t, sp, "same", f, val) + ".")
    else:
        rec.say("A", "And an email?")
        rec.say("C", "It's, hold on, " + rec.v("EMAIL", t, sp, "prev", f, val) + ", all lowercase.")
    if rng.random() < 0.3:
        t2, sp2, f2 = r_email(rng, val, rec.vmode(agent_role(rec)))
        rec.say("A", "So that's " + rec.v("EMAIL", t2, sp2, "prev", f2, val) + "?")
        rec.say("C", "Yes.")
    rec.facts["email"] = 1


def b_mrn(rec, P, style):
    rng = rec.rng
    val = P["mrn"]
    if style.get("clinic_gives"):
        t, sp, f = r_mrn(rng, val, rec.vmode(agent_role(rec)))
        k = rng.randint(0, 1)
        if k == 0:
            rec.say("A", rng.choice(["Her medical record number here is ", "His MRN with us is ",
                                     "Our chart number for the patient is "]) + rec.v("MRN", t, sp, "same", f, val) + ".")
            rec.say("C", "Okay, " + rng.choice(["I'll note that.", "got it.", "thank you."]))
        else:
            rec.say("C", "Do you have a medical record number I can reference?")
            rec.say("A", rng.choice(["Yes, ", "Sure, ", ""]) + rec.v("MRN", t, sp, "prev", f, val) + ".")
    else:
        t, sp, f = r_mrn(rng, val, rec.vmode("C"))
        k = rng.randint(0, 2)
        if k == 0:
            rec.say("A", rng.choice(["Do you have your MRN? It's on the top of the visit summary.",
                                     "Do you have the medical record number from your paperwork?"]))
            rec.say("C", rng.choice(["Yeah, ", "Um, ", "Okay it says "]) + rec.v("MRN", t, sp, "prev", f, val) + ".")
        elif k == 1:
            rec.say("C", rng.choice(["%s medical record number is " % ("The" if style.get("third") else "My"),
                                     "The paper says MRN ", "Chart number "]) + rec.v("MRN", t, sp, "same", f, val) + ".")
        else:
            rec.say("A", "Medical record number?")
            rec.say("C", rec.v("MRN", t, sp, "prev", f, val))
    if rng.random() < 0.3:
        t2, sp2, f2 = r_mrn(rng, val, rec.vmode(agent_role(rec)))
        rec.say("A" if not style.get("clinic_gives") else "C",
                "Just to confirm, " + rec.v("MRN", t2, sp2, "prev", f2, val) + "?")
        rec.say("C" if not style.get("clinic_gives") else "A", "That's correct.")
    rec.facts["mrn"] = 1


def b_card(rec, P, style):
    rng = rec.rng
    amt = rng.choice(["twenty five dollars", "forty dollars", "$35", "$50.00", "fifteen dollars", "$20"])
    rec.say("A", "The copay for today's visit is " + rec.n("money", amt) + ". " +
            rng.choice(["Would you like to pay that by card?", "Do you want to put that on a card?"]))
    rec.say("C", rng.choice(["Yeah, go ahead.", "Sure, let me get my card.", "Yes please."]))
    val = P["card"]
    t, sp, f = r_card(rng, val, rec.vmode("C"))
    k = rng.randint(0, 2)
    if k == 0:
        rec.say("A", "Okay, go ahead with the card number whenever you're ready.")
        rec.say("C", rec.v("CARD", t, sp, "prev", f, val) + ".")
    elif k == 1:
        rec.say("A", rng.choice(["Card number?", "What's the number on the card?"]))
        rec.say("C", "Okay it's " + rec.v("CARD", t, sp, "prev", f, val) + ".")
    else:
        rec.say("C", "Card number is " + rec.v("CARD", t, sp, "same", f, val) + ".")
    if rng.random() < 0.3:
        t2, sp2, f2 = r_card(rng, val, rec.vmode(agent_role(rec)))
        rec.say("A", "I have " + rec.v("CARD", t2, sp2, "prev", f2, val) + ", is that right?")
        rec.say("C", "Yes.")
    if rng.random() < 0.6:
        zt, spz, fz = r_zip(rng, P["zip"], rec.vmode("C"))
        if rng.random() < 0.5:
            rec.say("A", "And the billing zip code for the card?")
            rec.say("C", rec.v("ZIP", zt, spz, "prev", fz, P["zip"]) + ".")
        else:
            rec.say("A", "And is the billing address the same as your home?")
            rec.say("C", "Yes, zip is " + rec.v("ZIP", zt, spz, "same", fz, P["zip"]) + ".")
    rec.say("A", "That went through. " + rng.choice([
        "Your confirmation number is " + neg_spoken_digits(rec, "confirmation_number", P["ref"], [3, 3]) + ".",
        "You'll get a receipt by text.",
        "We'll " + rec.n("common_word", "bill") + " the rest to the carrier."]))
    rec.facts["card"] = 1


def b_member(rec, P, style):
    rng = rec.rng
    val = P["member"]
    t, sp, f = r_alnum_id(rng, val, rec.vmode("C"), [(val, "written_member"),
                                                      (val[:3] + " " + val[3:], "written_member_space")])
    if rng.random() < 0.5:
        rec.say("A", "Since this is an auto claim, we also need the health insurance. Member ID on the card?")
        rec.say("C", rec.v("MEMBER_ID", t, sp, "prev", f, val) + ".")
    else:
        rec.say("C", "My health insurance member ID is " + rec.v("MEMBER_ID", t, sp, "same", f, val) +
                ", if you need it for the secondary.")
        rec.say("A", "Thank you, I'll put that in as secondary.")
    rec.facts["member"] = 1


def b_mbi(rec, P, style):
    rng = rec.rng
    val = P["mbi"]
    t, sp, f = r_alnum_id(rng, val, rec.vmode("C"), [(val, "written_mbi"),
                                                      ("%s-%s-%s" % (val[:4], val[4:7], val[7:]), "written_mbi_dash")])
    rec.say("A", "For the Medicare reporting I have to ask: is the " +
            rng.choice(["claimant", "injured worker"]) + " on Medicare?")
    rec.say("C", rng.choice(["Yes, on disability Medicare.", "Yes.", "Yes, since last year."] if style.get("third")
                            else ["Yeah, I'm on disability Medicare.", "Yeah, I am."]))
    if rng.random() < 0.6:
        rec.say("A", "Can I get the Medicare number off the red white and blue card?")
        rec.say("C", rng.choice(["", "Okay, ", "Yes, "]) + rec.v("MBI", t, sp, "prev", f, val) + ".")
    else:
        rec.say("A", "Okay.")
        rec.say("C", rng.choice(["Medicare number is ", "The MBI is ", "Medicare ID "]) + rec.v("MBI", t, sp, "same", f, val) + ".")
    rec.facts["mbi"] = 1


def b_npi(rec, P, style):
    rng = rec.rng
    val = P["npi"]
    t, sp, f = r_npi(rng, val, rec.vmode(agent_role(rec)))
    doc = rec.v("NAME", P["doc"], True, "same", "name_title_last", P["doc"])
    if rng.random() < 0.5:
        rec.say("C", "And who's the treating provider? I need the NPI for the bill review.")
        rec.say("A", "That's Dr. " + doc + ". NPI is " + rec.v("NPI", t, sp, "same", f, val) + ".")
    else:
        rec.say("C", "Can I get the treating physician's NPI?")
        rec.say("A", rec.v("NPI", t, sp, "prev", f, val) + ". That's Dr. " + doc + ".")
    rec.facts["npi"] = 1


def b_dates(rec, P, style):
    rng = rec.rng
    y, m, d = P["admit"]
    dd = min(days_in(m, y), d + rng.randint(1, 3))
    dis = (y, m, dd) if dd != d else (y, m, d)
    ta, spa, fa = r_date(rng, P["admit"], rec.vmode(agent_role(rec)))
    td, spd, fd = r_date(rng, dis, rec.vmode(agent_role(rec)))
    if rng.random() < 0.5:
        rec.say("C", "Was there an inpatient stay?")
        rec.say("A", "Yes, admitted " + rec.v("DATE", ta, spa, "same", "admit_" + fa, "%04d-%02d-%02d" % P["admit"])
                + " for the wrist surgery, discharged " + rec.v("DATE", td, spd, "same", "discharge_" + fd,
                                                               "%04d-%02d-%02d" % dis) + ".")
    else:
        rec.say("C", "What was the admission date?")
        rec.say("A", rec.v("DATE", ta, spa, "prev", "admit_" + fa, "%04d-%02d-%02d" % P["admit"]) + ".")
        rec.say("C", "And discharge?")
        rec.say("A", rec.v("DATE", td, spd, "prev", "discharge_" + fd, "%04d-%02d-%02d" % dis) +
                ", " + rec.n("duration", rng.choice(["two nights", "three days", "48 hours"])) + " total.")
    rec.facts["dates"] = 1


# ---- negatives-heavy blocks

def b_claim(rec, P, style):
    rng = rec.rng
    rec.say("A", rng.choice(["Do you have a claim number?", "What's the claim number?",
                             "Is there a claim number assigned yet?"]))
    rec.say("C", rng.choice(["Yeah, it's ", "The claim number is ", "Um, "]) + neg_claim(rec, P) + ".")
    if rng.random() < 0.4:
        rec.say("A", "Okay, and that's with " + P["tpa"] + "?")
        rec.say("C", "Right.")


def b_employer(rec, P, style):
    rng = rec.rng
    rec.say("A", "And who's the employer?")
    rec.say("C", P["employer"] + ".")
    if rng.random() < 0.7:
        rec.say("A", rng.choice(["Phone number for the employer?", "Do you have a number for HR there?"]))
        rec.say("C", rng.choice(["Their main line is ", "It's ", "HR is "]) +
                neg_phone_words(rec, "employer_phone", P["emp_phone"]) +
                (", extension " + neg_spoken_digits(rec, "extension", str(rng.randint(200, 4999)), [3 if rng.random() < 0.5 else 4])
                 if rng.random() < 0.4 else "") + ".")
    if rng.random() < 0.6:
        rec.say("A", "And the employer's federal tax ID, the FEIN?")
        rec.say("C", neg_fein(rec, P) + ".")


def b_clinical(rec, P, style):
    rng = rec.rng
    opts = [
        lambda: (("A", "How's the back feeling since the last visit?"),
                 ("C", "Still sore. Pain's about a " + rec.n("count", rng.choice(["six", "seven", "5"])) + " out of ten.")),
        lambda: (("A", "Are you taking the ibuprofen?"),
                 ("C", "Yeah, " + rec.n("dose", rng.choice(["eight hundred milligrams", "600 mg", "four hundred milligrams"]))
                  + " " + rng.choice(["three times a day", "twice a day"]) + ".")),
        lambda: (("A", "The doctor has you on restrictions, no lifting over " +
                  rec.n("weight", rng.choice(["twenty five pounds", "ten pounds", "15 lbs", "fifty pounds"])) + "."),
                 ("C", "Yeah, for " + rec.n("duration", rng.choice(["two more weeks", "six weeks", "another ten days"])) + ".")),
        lambda: (("A", "Your blood pressure was " + rec.n("blood_pressure", rng.choice(["one thirty eight over eighty six", "142/90", "one twenty over seventy"]))
                  + " at intake, a little high."),
                 ("C", "I was nervous, I " + rec.n("common_word", "hope") + " that's all it is.")),
        lambda: (("A", "PT authorized " + rec.n("count", rng.choice(["eight visits", "twelve sessions", "6 visits"])) + " so far."),
                 ("C", "I've done " + rec.n("count", rng.choice(["three", "four", "5"])) + " of them.")),
        lambda: (("A", "How old are you, for the form?"),
                 ("C", "I'm " + rec.n("age", two_words(P["age"], "oh") if P["age"] >= 20 else str(P["age"])) + ".")),
        lambda: (("A", "The doctor gave a " + rec.n("impairment_rating", rng.choice(["five percent", "8%", "twelve percent"]))
                  + " rating on the shoulder."),
                 ("C", "Is that good or bad?")),
        lambda: (("A", "You hurt the same knee before?"),
                 ("C", "Yeah, back in " + rec.n("year", rng.choice(["twenty nineteen", "2017", "two thousand fifteen"])) + ", playing softball.")),
    ]
    if style.get("third"):
        opts = [
            lambda: (("C", "What are the current restrictions?"),
                     ("A", "Modified duty, no lifting over " + rec.n("weight", rng.choice(["twenty pounds", "10 lbs", "thirty five pounds"]))
                      + " and no overhead work for " + rec.n("duration", rng.choice(["two weeks", "30 days", "another month"])) + ".")),
            lambda: (("C", "Is PT authorized?"),
                     ("A", "The doctor ordered " + rec.n("count", rng.choice(["twelve visits", "8 sessions", "six visits"])) +
                      ", you'd have to " + rec.n("common_word", "grant") + " the authorization on your end.")),
            lambda: (("C", "Any meds prescribed?"),
                     ("A", "Cyclobenzaprine " + rec.n("dose", rng.choice(["ten milligrams", "5 mg"])) + " at bedtime and naproxen "
                      + rec.n("dose", rng.choice(["five hundred milligrams", "500 mg"])) + " twice daily.")),
            lambda: (("C", "Did the doctor give an impairment rating?"),
                     ("A", "Yes, " + rec.n("impairment_rating", rng.choice(["six percent", "4%", "ten percent whole person"])) + ".")),
            lambda: (("C", "When's the next visit?"),
                     ("A", rec.n("appointment_date", rng.choice(["Next Thursday", "The twenty first", "Monday the 9th"])) +
                      " at " + rec.n("time", rng.choice(["ten thirty", "1:15", "three o'clock"])) + ".")),
        ]
    for _ in range(rng.randint(1, 2)):
        a, c = rng.choice(opts)()
        rec.say(*a)
        rec.say(*c)
    if rec.carrier and rng.random() < 0.5:
        for role, line in rng.choice(rec.carrier):
            rec.say(role, line, carrier=True)
        rec.used_carrier = True


def b_appt(rec, P, style):
    rng = rec.rng
    day = rng.choice(["Thursday the fourteenth", "Monday", "next Tuesday", "the twenty second",
                      "Friday, June 7th", "Wednesday the 3rd"])
    tm = rng.choice(["two fifteen", "9:30", "ten forty five", "3:00 PM", "eight o'clock"])
    rec.say("A", "I can get you in " + rec.n("appointment_date", day) + " at " + rec.n("time", tm) + ".")
    rec.say("C", rng.choice(["That works.", "Can I do later in the day?", "Okay, that's fine."]))
    if rng.random() < 0.5:
        rec.say("A", "Please get here " + rec.n("duration", rng.choice(["fifteen minutes", "15 minutes", "half an hour"])) +
                " early and bring the work status form. Room " + rec.n("room_number", rng.choice(["two twelve", "104", "B seven"])) + ".")
        rec.say("C", "Okay.")


def b_close(rec, P, style):
    rng = rec.rng
    k = rng.randint(0, 3)
    if k == 0:
        rec.say("A", "Your reference number for today's call is " +
                neg_spoken_digits(rec, "reference_number", P["ref"], [3, 3]) + ".")
    elif k == 1:
        rec.say("A", "If anything gets worse, or it's an emergency, call " + rec.n("emergency_number", "nine one one") + ".")
    elif k == 2:
        rec.say("A", "You can fax anything to us at " + neg_phone_words(rec, "office_phone", P["office_phone"]) + ".")
    elif style.get("third"):
        rec.say("A", "I'll " + rec.n("common_word", "mark") + " the chart, and records " +
                rec.n("common_word", "will") + " fax it over today.")
    else:
        rec.say("A", "I'll " + rec.n("common_word", "mark") + " the file and the adjuster " +
                rec.n("common_word", "will") + " call you back.")
    rec.say("C", rng.choice(["Thank you.", "Okay, thanks.", "Alright, bye.", "Appreciate it."]))
    rec.say("A", rng.choice(["You're welcome, take care.", "Have a good day.", "Bye now."]))


def b_none_volunteer(rec, P, style):
    """Caller volunteers identifiers without being asked or cued."""
    rng = rec.rng
    name = "%s %s" % (P["first"], P["last"])
    t, sp, f = r_dob(rng, P["dob"], rec.vmode("C"))
    if rng.random() < 0.5:
        rec.say("C", "Yeah hi. " + rec.v("NAME", name, True, "none", "name_full", name) + ". " +
                rec.v("DOB", t, sp, "none", f, "%04d-%02d-%02d" % P["dob"]) + ". Calling about my follow up.")
        rec.facts["name"] = rec.facts["dob"] = 1
    else:
        pt, psp, pf = r_phone(rng, P["phone"], rec.vmode("C"))
        rec.say("C", "Oh, and " + rec.v("PHONE", pt, psp, "none", pf, P["phone"]) + ", in case we get cut off.")
    rec.say("A", rng.choice(["Okay, one moment.", "Got it.", "Thank you."]))


def b_ssn4_none(rec, P, style):
    rng = rec.rng
    rec.say("A", "Pulling it up now.")
    t, sp, f = r_last4(rng, P["ssn"][5:], rec.vmode("C"))
    rec.say("C", "It'd be under " + rec.v("NAME", P["last"], True, "none", "name_last", P["last"]) + ", "
            + rec.v("SSN", t, sp, "none", f if f.startswith("last4") else "last4_" + f, P["ssn"][5:]) + ".")


# --------------------------------------------------------------------------- call types

LABELS = {
    "worker_clinic": [("Agent", "Caller"), ("Front Desk", "Patient"), ("Agent", "Claimant"),
                      ("[agent]", "[caller]"), ("Speaker 1", "Speaker 2"), ("AGENT", "CUSTOMER")],
    "adjuster_clinic": [("Clinic", "Adjuster"), ("Agent", "Adjuster"), ("Speaker 2", "Speaker 1"),
                        ("[clinic]", "[adjuster]")],
    "worker_tpa": [("Adjuster", "Claimant"), ("Agent", "Caller"), ("Speaker 0", "Speaker 1"),
                   ("[adjuster]", "[claimant]")],
    "hr_tpa": [("Intake", "HR"), ("Agent", "Caller"), ("Speaker 1", "Speaker 2")],
    "paralegal_clinic": [("Records", "Paralegal"), ("Agent", "Caller"), ("Speaker 1", "Speaker 2")],
    "auto_pip": [("Billing", "Caller"), ("Agent", "Caller"), ("Speaker 1", "Speaker 2")],
    "nurse_triage": [("Nurse", "Claimant"), ("Speaker 1", "Speaker 2"), ("Agent", "Claimant")],
}
CALL_TYPES = list(LABELS)


def opening(rec, P, ct):
    rng = rec.rng
    staff = P["staff"]
    sn = rec.v("NAME", staff, True, "same", "name_first", staff)
    if ct in ("worker_clinic", "auto_pip"):
        if rng.random() < 0.3:
            rec.say("A", "Thanks for calling %s. For scheduling, press %s. For billing, press %s." % (
                P["clinic"], rec.n("menu_option", "one"), rec.n("menu_option", "two")))
            rec.say("C", "Billing." if ct == "auto_pip" else "Scheduling.")
        rec.say("A", "%s, this is %s, how can I help you?" % (P["clinic"], sn))
        if ct == "auto_pip":
            rec.say("C", "Hi, I was in a car accident and I'm being treated there, I got a bill and "
                         "I think it should go to " + P["auto"] + ".")
        elif rng.random() < 0.5:
            b_none_volunteer(rec, P, {})
        else:
            rec.say("C", rng.choice(["Hi, yeah, I got hurt at work and my adjuster said to call you for a follow up.",
                                     "Hi, I need to reschedule my work comp appointment.",
                                     "Yeah, I'm calling about my work injury visit."]))
        return {"subject": "your"}
    if ct == "adjuster_clinic":
        rec.say("A", "%s, %s speaking." % (P["clinic"], sn))
        an = "%s %s" % (P["staff2"], P["staff2_last"])
        rec.say("C", "Hi %s, this is %s, I'm the adjuster with %s. I'm calling for a work status update on a mutual patient." % (
            staff, rec.v("NAME", an, True, "same", "name_full", an), P["tpa"]))
        rec.say("A", "Sure. " + rec.n("common_word", "May") + " I have the patient's information?")
        if rng.random() < 0.45:
            dt, dsp, df = r_dob(rng, P["dob"], rec.vmode("C"))
            lt, lsp, lf = r_last4(rng, P["ssn"][5:], rec.vmode("C"))
            rec.say("C", "Yeah, it's " + rec.v("NAME", P["last"], True, "none", "name_last", P["last"]) + ", "
                    + rec.v("NAME", P["first"], True, "none", "name_first", P["first"]) + ". "
                    + rec.v("DOB", dt, dsp, "none", df, "%04d-%02d-%02d" % P["dob"]) + ". "
                    + rec.v("SSN", lt, lsp, "none", lf, P["ssn"][5:]) + ".")
            rec.say("A", "Okay, I found " + rng.choice(["her", "him"]) + ".")
            rec.facts["name"] = rec.facts["dob"] = rec.facts["ssn4"] = 1
        return {"subject": "the patient's", "clinic_gives": True, "third": True, "pro": "the patient's"}
    if ct == "worker_tpa":
        rec.say("A", "%s, this is %s, I'm the adjuster handling workers' comp for %s." % (P["tpa"], sn, P["employer"]))
        if rng.random() < 0.3:
            b_ssn4_none(rec, P, {})
        else:
            rec.say("C", rng.choice(["Hi, I haven't gotten my check and I wanted to see what's going on.",
                                     "Hi, I'm calling about my claim, I got a letter saying something was missing.",
                                     "Yeah, I need to update my address on my comp claim."]))
        return {"subject": "your"}
    if ct == "hr_tpa":
        rec.say("A", "%s claims intake, this is %s." % (P["tpa"], sn))
        hn = P["staff2"]
        rec.say("C", "Hi, this is %s in HR at %s, I need to report an employee injury." % (
            rec.v("NAME", hn, True, "same", "name_first", hn), P["employer"]))
        rec.say("A", "Okay, I can take the first report. What happened?")
        rec.say("C", rng.choice(["He slipped on the loading dock and hurt his wrist.",
                                 "She strained her back lifting a patient.",
                                 "He got his hand caught in a press, he's okay but needed stitches."]))
        return {"subject": "the employee's", "third": True, "pro": "the employee's"}
    if ct == "paralegal_clinic":
        rec.say("A", "Medical records, this is %s." % sn)
        pn = "%s %s" % (P["staff2"], P["staff2_last"])
        rec.say("C", "Hi, my name is %s, I'm a paralegal with a law office, we represent one of your patients on a comp claim "
                     "and we sent a records request. I'm following up." % rec.v("NAME", pn, True, "same", "name_full", pn))
        rec.say("A", "Okay, I'll need the patient's information and we need the signed authorization on file.")
        return {"subject": "the patient's", "clinic_gives": rng.random() < 0.5, "third": True,
                "pro": "the patient's"}
    # nurse triage (outbound)
    rec.say("A", "Hi, this is %s, the nurse case manager from %s. Is this a good time?" % (sn, P["tpa"]))
    rec.say("C", "Yeah, it's fine.")
    rec.say("A", "Before we talk I need to verify who I'm speaking with.")
    return {"subject": "your"}


PLANS = {
    "worker_clinic": (["name", "dob"], ["phone", "email", "address", "mrn", "card", "ssn", "appt", "clinical", "claim"]),
    "adjuster_clinic": (["name", "dob", "ssn"], ["claim", "mrn", "npi", "dates", "clinical", "mbi", "employer"]),
    "worker_tpa": (["name", "ssn"], ["dob", "address", "phone", "email", "claim", "mbi", "clinical", "employer"]),
    "hr_tpa": (["name", "ssn", "dob"], ["address", "phone", "employer", "claim", "email", "clinical"]),
    "paralegal_clinic": (["name", "dob"], ["ssn", "mrn", "dates", "npi", "claim", "email", "clinical"]),
    "auto_pip": (["name", "dob"], ["claim", "member", "card", "address", "phone", "mrn", "email", "clinical"]),
    "nurse_triage": (["name", "dob", "clinical"], ["phone", "appt", "ssn", "email", "mrn", "address"]),
}
BLOCKS = {"name": b_name, "dob": b_dob, "ssn": b_ssn, "phone": b_phone, "address": b_address,
          "email": b_email, "mrn": b_mrn, "card": b_card, "member": b_member, "mbi": b_mbi,
          "npi": b_npi, "dates": b_dates, "claim": b_claim, "employer": b_employer,
          "clinical": b_clinical, "appt": b_appt}


def build_conversation(rec, P, ct):
    rng = rec.rng
    style = opening(rec, P, ct)
    must, optional = PLANS[ct]
    picks = list(must)
    opt = list(optional)
    rng.shuffle(opt)
    picks += opt[:rng.randint(2, min(5, len(opt)))]
    # key entities get a boost
    for key in ("card", "mrn", "email", "phone"):
        if key in optional and key not in picks and rng.random() < 0.35:
            picks.append(key)
    if ct == "auto_pip" and "policy" not in picks:
        picks.insert(2, "policy")
    head = [p for p in picks if p in must]
    tail = [p for p in picks if p not in must]
    if "name" in head and rec.facts.get("name"):
        head.remove("name")
    for p in head + tail:
        if p == "policy":
            rec.say("A", "And the auto policy number?")
            rec.say("C", neg_spoken_digits(rec, "policy_number", P["policy"][2:], [3, 4]) +
                    ", it's with " + P["auto"] + ".")
            continue
        if p == "name" and rec.facts.get("name"):
            continue
        if p == "dob" and rec.facts.get("dob"):
            continue
        BLOCKS[p](rec, P, style)
        if len(rec.turns) > 34:
            break
    b_close(rec, P, style)


# --------------------------------------------------------------------------- renderings

def ts(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec % 3600 // 60, sec % 60)


def render_transcript(rec, ct):
    rng = rec.rng
    a, c = rng.choice(LABELS[ct])
    stamp = rng.random() < 0.35 and not a.startswith("[")
    t = rng.randint(0, 20)
    lines = []
    for role, text in rec.turns:
        lab = a if role == "A" else c
        if not lab.startswith("["):
            lab += ":"
        pre = ""
        if stamp:
            pre = ts(t) + " "
            t += rng.randint(2, 14)
        lines.append("%s%s %s" % (pre, lab, text))
    return "\n".join(lines), "%s_%s%s" % (ct, "bracket" if a.startswith("[") else
                                          ("speakerN" if a.startswith("Speaker") else "role"),
                                          "_ts" if stamp else "")


def uuid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab") + h[17:20], h[20:])


def summary_text(rec, P, ct):
    """LLM-written post-call summary with written values (new spans)."""
    rng = rec.rng
    name = "%s %s" % (P["first"], P["last"])
    parts = []
    who = {"worker_clinic": "Caller", "adjuster_clinic": "Adjuster called regarding patient",
           "worker_tpa": "Claimant", "hr_tpa": "HR reported an injury to employee",
           "paralegal_clinic": "Paralegal requested records for patient", "auto_pip": "Caller",
           "nurse_triage": "Nurse case manager spoke with claimant"}[ct]
    parts.append("%s %s" % (who, rec.v("NAME", name, False, "same", "summary_name", name)))
    if rec.facts.get("dob"):
        t, _, f = r_dob(rng, P["dob"], "written")
        parts[-1] += " (DOB " + rec.v("DOB", t, False, "same", f, "%04d-%02d-%02d" % P["dob"]) + ")"
    parts[-1] += "."
    if rec.facts.get("ssn4") or rec.facts.get("ssn_full"):
        parts.append("Identity verified with SSN last four " + rec.v("SSN", P["ssn"][5:], False, "same", "last4_digits", P["ssn"][5:]) + ".")
    parts.append("Claim " + rec.n("claim_number", P["claim"]) + " discussed.")
    if rec.facts.get("phone"):
        t, _, f = r_phone(rng, P["phone"], "written")
        parts.append("Callback number " + rec.v("PHONE", t, False, "same", f, P["phone"]) + ".")
    if rec.facts.get("email"):
        parts.append("Email on file updated to " + rec.v("EMAIL", P["email"], False, "same", "written_email", P["email"]) + ".")
    if rec.facts.get("address"):
        s = "%s %s %s%s" % (P["street"][0], P["street"][1], P["street"][3], ", Apt %s" % P["street"][4] if P["street"][4] else "")
        stv = "%s %s %s%s" % (P["street"][0], P["street"][1], P["street"][2], " Apt %s" % P["street"][4] if P["street"][4] else "")
        parts.append("Mailing address: " + rec.v("STREET", s, False, "same", "written_street", stv) + ", " +
                     rec.v("CITY", P["city"], False, "same", "city_written", P["city"]) + ", " + P["state"] + " " +
                     rec.v("ZIP", P["zip"], False, "same", "written_zip", P["zip"]) + ".")
    if rec.facts.get("mrn"):
        parts.append("MRN " + rec.v("MRN", P["mrn"], False, "same", "written_mrn", P["mrn"]) + ".")
    if rec.facts.get("card"):
        parts.append("Copay collected by card; " + rng.choice(["payment approved.", "receipt sent."]))
    parts.append(rng.choice(["Follow-up needed.", "No further action.", "Adjuster to return call within " +
                             rec.n("duration", "24 hours") + "."]))
    return " ".join(parts)


def structured(rec, P, ct):
    d = {}
    name = "%s %s" % (P["first"], P["last"])
    d["claimant_name"] = rec.v("NAME", name, False, "same", "field_name", name)
    if rec.facts.get("dob"):
        d["date_of_birth"] = rec.v("DOB", "%02d/%02d/%d" % (P["dob"][1], P["dob"][2], P["dob"][0]), False, "same",
                                   "field_mdy", "%04d-%02d-%02d" % P["dob"])
    if rec.facts.get("ssn4") or rec.facts.get("ssn_full"):
        d["ssn_last4"] = rec.v("SSN", P["ssn"][5:], False, "same", "field_last4", P["ssn"][5:])
    if rec.facts.get("phone"):
        d["callback_number"] = rec.v("PHONE", "+1" + P["phone"], False, "same", "field_e164", P["phone"])
    if rec.facts.get("zip") or rec.facts.get("address"):
        d["zip"] = rec.v("ZIP", P["zip"], False, "same", "field_zip", P["zip"])
    d["claim_number"] = rec.n("claim_number", P["claim"])
    d["call_reason"] = {"worker_clinic": "scheduling", "adjuster_clinic": "work_status",
                        "worker_tpa": "claim_status", "hr_tpa": "first_report",
                        "paralegal_clinic": "records_request", "auto_pip": "billing",
                        "nurse_triage": "case_management"}[ct]
    return d


WORKER_CALLS = ("worker_clinic", "worker_tpa", "auto_pip", "nurse_triage")


def render_json(rec, P, ct, profile):
    rng = rec.rng
    base = 1718000000 + rng.randint(0, 9000000)
    turns = rec.turns
    if profile == "deepgram":
        utts, t = [], 0.4
        for role, text in turns:
            dur = round(0.35 * len(unmark(text).split()) + rng.uniform(0.3, 1.5), 2)
            utts.append({"start": round(t, 2), "end": round(t + dur, 2),
                         "confidence": round(rng.uniform(0.86, 0.99), 4), "channel": 0,
                         "transcript": text, "speaker": 0 if role == "A" else 1, "id": uuid(rng)})
            t += dur + rng.uniform(0.2, 1.2)
        para = "".join("\nSpeaker %d: %s\n" % (0 if r == "A" else 1, x) for r, x in turns)
        alt = {"transcript": " ".join(x for _, x in turns), "confidence": round(rng.uniform(0.9, 0.99), 4),
               "paragraphs": {"transcript": para}}
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng),
                            "sha256": "".join(rng.choice("0123456789abcdef") for _ in range(64)),
                            "created": "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (rng.randint(1, 12), rng.randint(1, 28),
                                                                                rng.randint(0, 23), rng.randint(0, 59),
                                                                                rng.randint(0, 59), rng.randint(0, 999)),
                            "duration": round(t, 3), "channels": 1, "models": [uuid(rng)],
                            "model_info": {}},
               "results": {"channels": [{"alternatives": [alt]}], "utterances": utts}}
        if rng.random() < 0.5:
            obj["results"]["summary"] = {"result": "success", "short": summary_text(rec, P, ct)}
        return obj
    if profile == "retell":
        tx = "\n".join("%s: %s" % ("Agent" if r == "A" else "User", x) for r, x in turns) + "\n"
        call = {"call_id": "call_" + uuid(rng).replace("-", "")[:24], "agent_id": "agent_" + uuid(rng).replace("-", "")[:24],
                "call_type": "phone_call", "direction": "inbound",
                "call_status": "ended", "start_timestamp": base * 1000, "end_timestamp": base * 1000 + rng.randint(90000, 600000),
                "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                "transcript": tx,
                "transcript_object": [{"role": "agent" if r == "A" else "user", "content": x} for r, x in turns]}
        # caller id: the worker's own phone when the worker is on the line, else a business line
        worker = rec.v("PHONE", "+1" + P["phone"], False, "same", "field_e164", P["phone"]) \
            if ct in WORKER_CALLS else rec.n("office_phone", "+1" + P["office_phone"])
        ours = rec.n("office_phone", "+1" + P["clinic_phone"])
        if ct == "nurse_triage":
            call["direction"] = "outbound"
            call["from_number"], call["to_number"] = ours, worker
        else:
            call["from_number"], call["to_number"] = worker, ours
        call["call_analysis"] = {"call_summary": summary_text(rec, P, ct), "in_voicemail": False,
                                 "user_sentiment": rng.choice(["Neutral", "Positive", "Negative"]),
                                 "call_successful": True, "custom_analysis_data": structured(rec, P, ct)}
        call["opt_out_sensitive_data_storage"] = False
        return {"event": "call_analyzed", "call": call}
    # vapi
    msgs, t = [], 0.0
    for role, text in turns:
        dur = round(0.33 * len(unmark(text).split()) + rng.uniform(0.3, 1.2), 2)
        msgs.append({"role": "bot" if role == "A" else "user", "message": text, "time": base * 1000 + int(t * 1000),
                     "endTime": base * 1000 + int((t + dur) * 1000), "secondsFromStart": round(t, 2),
                     "duration": int(dur * 1000)})
        t += dur + rng.uniform(0.2, 1.0)
    tx = "\n".join("%s: %s" % ("AI" if r == "A" else "User", x) for r, x in turns)
    cust = {}
    if ct in WORKER_CALLS:
        cust["number"] = rec.v("PHONE", "+1" + P["phone"], False, "same", "field_e164", P["phone"])
    else:
        cust["number"] = rec.n("office_phone", "+1" + P["office_phone"])
    return {"message": {"timestamp": base * 1000 + int(t * 1000), "type": "end-of-call-report",
                        "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                        "call": {"id": uuid(rng), "orgId": uuid(rng),
                                 "type": "outboundPhoneCall" if ct == "nurse_triage" else "inboundPhoneCall",
                                 "status": "ended", "phoneNumberId": uuid(rng)},
                        "customer": cust,
                        "artifact": {"messages": msgs, "transcript": tx},
                        "analysis": {"summary": summary_text(rec, P, ct), "structuredData": structured(rec, P, ct),
                                     "successEvaluation": "true"},
                        "startedAt": "2024-06-%02dT%02d:%02d:%02d.000Z" % (rng.randint(1, 28), rng.randint(12, 22),
                                                                         rng.randint(0, 59), rng.randint(0, 59)),
                        "cost": round(rng.uniform(0.08, 0.9), 4)}}


# --------------------------------------------------------------------------- carrier

def load_carrier(rng, carrier_dir):
    path = os.path.join(carrier_dir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    snippets = []
    if not os.path.exists(path):
        return snippets
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for x in rows:
        d = x["dialogue"].strip()
        lines = [l.strip() for l in d.split("\n") if l.strip()]
        if not (2 <= len(lines) <= 4):
            continue
        if not all(re.match(r"^(Doctor|Patient): \S", l) for l in lines):
            continue
        if re.search(r"\d|nineteen|thousand|hundred", d, re.I):
            continue
        body = " ".join(l.split(": ", 1)[1] for l in lines)
        caps = [c for c in re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+", body) if c != "I"]
        if caps:
            continue
        if re.search(r"\b(will|may|bill|grant|hope|mark)\b", body, re.I):
            continue
        if not re.search(r"\b(pain|injur|hurt|back|knee|shoulder|wrist|ankle|neck|fell|lift|swelling|numb)",
                         body, re.I):
            continue
        snippets.append([("A" if l.startswith("Doctor") else "C", re.sub(r"\s+", " ", l.split(": ", 1)[1]))
                         for l in lines])
    return snippets


def find_carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR"),
             os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..",
                          "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        if c and os.path.isdir(c):
            return c
    return ""


# --------------------------------------------------------------------------- generate

def generate(seed, n, carrier_dir):
    rng = random.Random(seed)
    carrier = load_carrier(rng, carrier_dir) if carrier_dir else []
    n_json = round(n * 0.45)
    kinds = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(kinds)
    profiles = (["vapi", "retell", "deepgram"] * n)[:n_json]
    rng.shuffle(profiles)
    out = []
    pj = 0
    for i in range(n):
        fmt = kinds[i]
        ct = CALL_TYPES[i % len(CALL_TYPES)] if rng.random() < 0.7 else rng.choice(CALL_TYPES)
        mode = rng.choice(["words", "words", "words", "smart", "mixed"])
        P = make_persona(rng)
        for _ in range(20):
            state = rng.getstate()
            rec = Rec(rng, mode)
            rec.facts = {}
            rec.carrier = carrier if ct == "nurse_triage" or (ct == "worker_clinic" and rng.random() < 0.3) else []
            rec.used_carrier = False
            profile = profiles[pj] if fmt == "json" else None
            rec.llm_agent = profile in ("vapi", "retell")
            build_conversation(rec, P, ct)
            if 8 <= len(rec.turns) <= 40:
                break
            rng.setstate(state)
            rng.random()
        else:
            raise RuntimeError("could not fit turns")
        if fmt == "transcript":
            raw, kind = render_transcript(rec, ct)
            kind = "transcript_" + kind
        else:
            profile = profiles[pj]
            pj += 1
            obj = render_json(rec, P, ct, profile)
            raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            kind = "json_%s_%s" % (profile, ct)
        text, spans, negs = finalize(raw)
        r = {"id": "h33-%05d" % (i + 1), "format": fmt}
        if fmt == "json":
            r["profile"] = profile
        r["kind"] = kind + ("_carrier" if rec.used_carrier else "")
        r["text"] = text
        r["spans"] = [dict({"start": a, "end": b}, **rec.meta[k]) for a, b, k in spans]
        r["negatives"] = [{"start": a, "end": b, "what": rec.nmeta[k]} for a, b, k in negs]
        out.append(r)
    return out


# --------------------------------------------------------------------------- check

NUMW = {w: i for i, w in enumerate(ONES)}
NUMW.update({"oh": 0, "o": 0})
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENW = {w: i for i, w in enumerate(TENS) if w}
NATO_REV = {v: k for k, v in NATO.items()}
SKIP = {"uh", "um", "umm", "dash", "and", "slash", "hyphen"}


def spoken_to_alnum(s, keep_words=False):
    """Spoken / written id -> uppercase letters and digits (best effort, for checking)."""
    chunks = re.split(r",|\.\.\.| - | dash ", s.lower())
    if len(chunks) > 1:
        return "".join(spoken_to_alnum(c) for c in chunks)
    toks = [t for t in re.split(r"[\s,.\-–/()+#]+", s.lower().replace("x-ray", "x")) if t]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) + 1 and i + 1 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t in ("double", "triple") and i + 1 < len(toks):
            rep = 2 if t == "double" else 3
            nxt = toks[i + 1]
            if nxt in NUMW:
                out.append(str(NUMW[nxt]) * rep)
            elif len(nxt) == 1:
                out.append(nxt.upper() * rep)
            i += 2
            continue
        if t in SKIP:
            i += 1
            continue
        if t in NUMW:
            out.append(str(NUMW[t]))
        elif t in TEENW:
            out.append(str(TEENW[t]))
        elif t in TENW:
            if i + 1 < len(toks) and toks[i + 1] in NUMW and toks[i + 1] not in ("oh", "o", "zero"):
                out.append(str(TENW[t] * 10 + NUMW[toks[i + 1]]))
                i += 1
            else:
                out.append(str(TENW[t] * 10))
        elif t == "hundred":
            out.append("00")
        elif t == "thousand":
            out.append("000")
        elif t in NATO_REV:
            out.append(NATO_REV[t])
        elif t.isdigit():
            out.append(t)
        elif len(t) == 1 and t.isalpha():
            out.append(t.upper())
        elif re.match(r"^[a-z]\d+$|^\d+[a-z]$|^[a-z0-9]+$", t):
            out.append(t.upper() if keep_words else t.upper())
        else:
            out.append("?" + t)
        i += 1
    return "".join(out)


def spelled_to_letters(s):
    toks = [t for t in re.split(r"[\s,.\-]+", s.lower()) if t]
    out, i = [], 0
    while i < len(toks):
        if toks[i] == "as" and i + 1 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if toks[i] == "x" and i + 1 < len(toks) and toks[i + 1] == "ray":
            out.append("x")
            i += 2
            continue
        out.append(NATO_REV[toks[i]].lower() if toks[i] in NATO_REV else toks[i])
        i += 1
    return "".join(out)


def email_from_spoken(s):
    toks = [t for t in re.split(r"\s+", s.strip()) if t]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i].strip(",")
        if t == "dot":
            out.append(".")
        elif t == "at":
            out.append("@")
        elif t == "underscore":
            out.append("_")
        elif t in NUMW or t in TEENW or t in TENW:
            j = i
            nums = []
            while j < len(toks) and (toks[j] in NUMW or toks[j] in TEENW or toks[j] in TENW):
                nums.append(toks[j])
                j += 1
            out.append(spoken_to_alnum(" ".join(nums)))
            i = j
            continue
        else:
            out.append(t.replace("-", ""))
        i += 1
    return "".join(out).lower()


def string_ranges(raw_bytes):
    """Byte ranges (inside quotes) of every JSON string in a compact JSON line."""
    ranges = []
    i, n = 0, len(raw_bytes)
    while i < n:
        if raw_bytes[i:i + 1] == b'"':
            j = i + 1
            while j < n:
                c = raw_bytes[j:j + 1]
                if c == b"\\":
                    j += 2
                    continue
                if c == b'"':
                    break
                j += 1
            ranges.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return ranges


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Z][A-Za-z]*( [A-Za-z0-9]+)?:) \S")


def check_value(sp, txt):
    e, v = sp["entity"], sp["value"]
    if e in ("SSN", "PHONE", "ZIP", "CARD", "NPI", "MRN", "MBI", "MEMBER_ID"):
        got = spoken_to_alnum(txt)
        want = v.replace("-", "")
        if e == "PHONE" and len(got) == 11 and got[0] == "1":
            got = got[1:]
        if got != want:
            return "value mismatch %r -> %r != %r" % (txt, got, want)
        if e == "SSN" and not (ssn_ok(v) or (len(v) == 4 and v.isdigit() and v != "0000")):
            return "bad ssn"
        if e == "PHONE" and not (len(v) == 10 and v[3:8] == "55501"):
            return "phone not 555-01xx"
        if e == "CARD" and not (luhn_ok(v) and len(v) in (15, 16)):
            return "bad card"
        if e == "NPI" and not npi_ok(v):
            return "bad npi"
        if e == "MBI" and not MBI_RE.match(v):
            return "bad mbi"
        if e == "ZIP" and not re.match(r"^\d{5}(-\d{4})?$", v):
            return "bad zip"
    elif e == "EMAIL":
        got = email_from_spoken(txt)
        if got != v:
            return "email mismatch %r -> %r" % (txt, got)
    elif e == "NAME":
        got = re.sub(r"[^a-z]", "", spelled_to_letters(txt) if ("as in" in txt or "-" in txt or
                     all(len(w) == 1 for w in txt.split()) or txt.split()[0].lower() in NATO_REV) else strip_accents(txt).lower())
        want = re.sub(r"[^a-z]", "", strip_accents(v).lower())
        if got != want:
            return "name mismatch %r -> %r != %r" % (txt, got, want)
    elif e in ("DOB", "DATE"):
        m = re.match(r"^(\d{4})-(\d\d)-(\d\d)$", v)
        if not m:
            return "bad date value"
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= d <= days_in(mo, y)):
            return "impossible date"
        if not sp["spoken"]:
            ok = any(fmt in txt for fmt in ("%02d/%02d/%d" % (mo, d, y), "%d/%d/%d" % (mo, d, y),
                                            "%s %d" % (MONTHS[mo - 1], d), "%d-%02d-%02d" % (y, mo, d),
                                            "%02d-%02d-%d" % (mo, d, y)))
            if not ok:
                return "written date mismatch %r" % txt
        elif sp["form"].startswith("digits8"):
            if spoken_to_alnum(txt) != "%02d%02d%d" % (mo, d, y):
                return "digits8 date mismatch %r" % txt
        elif MONTHS[mo - 1].lower() not in txt.lower() and not re.search(r"\b(%s|%s)\b" % (
                ONES[mo] if mo < 10 else "x", TEENS[mo - 10] if mo >= 10 else "x"), txt.lower()):
            return "spoken date lacks month %r" % txt
    elif e == "CITY":
        if txt != v:
            return "city mismatch"
    elif e == "STREET":
        if v.split()[1] not in txt:
            return "street mismatch"
    return None


def check(records):
    errs = []
    ids = []
    for r in records:
        rid = r.get("id")
        ids.append(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] not in ("transcript", "json"):
            errs.append("%s: bad format" % rid)
        if r["format"] == "json":
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s: bad profile" % rid)
            try:
                obj = json.loads(text)
            except ValueError as ex:
                errs.append("%s: json does not parse: %s" % (rid, ex))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: json not compact canonical" % rid)
            sranges = string_ranges(b)
        else:
            lines = text.split("\n")
            if not (8 <= len(lines) <= 40):
                errs.append("%s: %d turns" % (rid, len(lines)))
            if text.endswith("\n") or "" in [l.strip() for l in lines]:
                errs.append("%s: blank line or trailing newline" % rid)
            for l in lines:
                if not LABEL_RE.match(l):
                    errs.append("%s: bad line label %r" % (rid, l[:40]))
        occ = []
        for s in r["spans"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s: span out of range" % rid)
                continue
            try:
                txt = b[a:z].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span not on utf-8 boundary" % rid)
                continue
            if txt != txt.strip() or txt.strip(",.;:?!") != txt and not txt.endswith("St.") and not re.search(r"(Ave|Dr|Rd|Ln|Ct|Blvd|Pl|St|Apt)\.$", txt):
                errs.append("%s: span has edge whitespace/punct %r" % (rid, txt))
            if s["entity"] not in ENTITIES:
                errs.append("%s: bad entity %s" % (rid, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none"):
                errs.append("%s: bad cue" % rid)
            if not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s: spoken/form missing" % rid)
            if s["spoken"] != bool(re.search(r"[a-z]{2,}", txt.lower())) and s["entity"] in (
                    "SSN", "PHONE", "ZIP", "CARD", "NPI", "MRN"):
                errs.append("%s: spoken flag wrong for %r" % (rid, txt))
            msg = check_value(s, txt)
            if msg:
                errs.append("%s: %s %s" % (rid, s["entity"], msg))
            if r["format"] == "json" and not any(x <= a and z <= y for x, y in sranges):
                errs.append("%s: span outside a JSON string" % rid)
            occ.append((a, z, "span"))
        for nn in r["negatives"]:
            a, z = nn["start"], nn["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s: negative out of range" % rid)
                continue
            if nn["what"] not in NEG_WHATS:
                errs.append("%s: bad negative what %s" % (rid, nn["what"]))
            occ.append((a, z, "neg"))
        occ.sort()
        for (a1, z1, _), (a2, z2, _) in zip(occ, occ[1:]):
            if a2 < z1:
                errs.append("%s: overlap at %d" % (rid, a2))
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    return errs


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    kinds = collections.Counter()
    for r in records:
        fmt[r["format"] + ("/" + r["profile"] if r.get("profile") else "")] += 1
        kinds[re.sub(r"_(bracket|speakerN|role)(_ts)?", "", r["kind"])] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records: %d  (%s)" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fmt.items())))]
    lines.append("")
    lines.append("| entity | total | spoken | written | same | prev | none | spoken same/prev/none |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    tot = 0
    for e in ENTITIES:
        sp = sum(v for k, v in c.items() if k[0] == e and k[1] == "spoken")
        wr = sum(v for k, v in c.items() if k[0] == e and k[1] == "written")
        cues = [sum(v for k, v in c.items() if k[0] == e and k[2] == q) for q in ("same", "prev", "none")]
        spc = "/".join(str(c[(e, "spoken", q)]) for q in ("same", "prev", "none"))
        tot += sp + wr
        lines.append("| %s | %d | %d | %d | %d | %d | %d | %s |" % (e, sp + wr, sp, wr, cues[0], cues[1], cues[2], spc))
    lines.append("| all | %d | | | | | | |" % tot)
    lines.append("")
    lines.append("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items(), key=lambda x: (-x[1], x[0])))))
    lines.append("")
    lines.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    lines.append("")
    lines.append("distinct forms per entity: " + ", ".join(
        "%s %d" % (e, len([f for (ee, f) in forms if ee == e])) for e in ENTITIES))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--carrier-dir", default="")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--forms", action="store_true", help="with --stats: list every form")
    args = ap.parse_args()
    if args.check:
        recs = []
        for p in args.check:
            with open(p, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        print("check: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(args.seed, args.n, find_carrier_dir(args.carrier_dir))
    if args.stats:
        print(stats(recs))
        errs = check(recs)
        print("check: %d errors" % len(errs))
        for e in errs[:30]:
            print("ERROR", e)
        if args.forms:
            fc = collections.Counter((s["entity"], s["form"]) for r in recs for s in r["spans"])
            for (e, f), k in sorted(fc.items()):
                print(e, f, k)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
