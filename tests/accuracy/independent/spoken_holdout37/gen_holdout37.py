#!/usr/bin/env python3
"""holdout37 -- after-hours answering-service and nurse-triage calls with spoken PHI.

An independent, labelled evaluation corpus (150 records by default): transcripts of
after-hours calls (answering-service operators and AI agents taking messages for the
on-call provider, pediatric and adult nurse triage, urgent-care and ED follow-up
callbacks, poison-line calls, pharmacists, home aides, hospice family calls) and the
post-call JSON payloads voice platforms send (vapi, retell, signalwire, deepgram,
transcribe), with message-taking summaries.

    python3 gen_holdout37.py [--seed N] [--n 150] > holdout37.jsonl
    python3 gen_holdout37.py --stats            # counts for the default seed
    python3 gen_holdout37.py --check holdout37.jsonl

Python 3 standard library only.  Output depends only on --seed and --n (every random
choice comes from random.Random(str) instances; no set or hash ordering is used).
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys
import unicodedata

DEFAULT_SEED = 37
DEFAULT_N = 150
REF_YEAR = 2024

# ---------------------------------------------------------------------------
# pools (all invented / common census names; phones are 555-01xx)
# ---------------------------------------------------------------------------
FIRST_F = ["Maria", "Dana", "Keisha", "Linh", "Priya", "Rosa", "Tamara", "Heather", "Jasmine",
           "Carmen", "Aaliyah", "Megan", "Yolanda", "Nicole", "Brenda", "Fatima", "Ana", "Gloria",
           "Shanice", "Emily", "Hope", "June", "April", "Grace", "Renée", "Marisol", "Tonya",
           "Colleen", "Ngozi", "Whitney", "Lorraine", "Beatriz"]
FIRST_M = ["James", "Luis", "Darnell", "Kevin", "Tyrone", "Wei", "Andre", "Marcus", "Carlos",
           "Brian", "Jamal", "Eduardo", "Dmitri", "Mark", "Will", "Grant", "Bill", "Terrence",
           "Hector", "Raj", "Tomas", "Cody", "José", "Dwayne", "Curtis", "Oluwaseun", "Gary",
           "Rodney", "Ahmed", "Trevor"]
KID_F = ["Sofia", "Aubrey", "Kinsley", "Zoe", "Ximena", "Ava", "Nevaeh", "Harper", "Maya",
         "Aria", "Leilani", "Paisley"]
KID_M = ["Eli", "Mateo", "Jaylen", "Noah", "Liam", "Isaiah", "Kayden", "Ezra", "Micah", "Dominic",
         "Brayden", "Santiago"]
LAST = ["Reyes", "Nguyen", "Okafor", "Johnson", "Whitfield", "Castillo", "Patel", "Kowalski",
        "Hernandez", "Brooks", "Thibodeaux", "Yazzie", "Lindqvist", "Abernathy", "Delgado",
        "Washington", "Kim", "Moreno", "Gutierrez", "O'Brien", "Fitzgerald", "Baptiste",
        "Morrison", "Alvarez", "Haddad", "Pham", "Sandoval", "Greer", "McAllister", "Oyelaran",
        "Begay", "Dubois", "Vance", "Tran", "Mendoza", "Harper", "Holloway", "Schroeder",
        "Peña", "Muñoz", "Kaczmarek", "Runningwater", "Szabo", "Ferreira"]
SPELLABLE = [n for n in LAST if n.isascii() and n.isalpha() and len(n) <= 9]
PROVIDERS = ["Okonkwo", "Feldman", "Ramanathan", "Castellanos", "Whitaker", "Liang", "Abiodun",
             "Marchetti", "Sorensen", "Iverson", "Galloway", "Chaudhry", "Novak", "Beaumont",
             "Takahashi", "Lindgren", "Adeyemi", "Quintero"]
AGENTS = ["Tamika", "Jordan", "Priya", "Luis", "Denise", "Kevin", "Aisha", "Brandon", "Lupe",
          "Rochelle", "Marcy", "Trent", "Yesenia", "Darius", "Colette", "Imani"]
AI_NAMES = ["Ava", "Riley", "Sage", "Nova"]
PRACTICES = ["Riverbend Pediatrics", "Cedar Valley Family Medicine", "Northgate Internal Medicine",
             "Lakeshore Women's Health", "Summit Orthopedics", "Prairie View Cardiology",
             "Bayside Family Practice", "Maple Hollow Pediatrics", "Canyon Ridge Urology",
             "Eastside Community Health"]
URGENT = ["QuickCare", "FirstStep Urgent Care", "MedNow", "CareSpot Express", "Urgent Care Plus"]
HOSPITALS = ["Mercy General", "St. Brendan's", "Valley Regional", "County Medical Center",
             "Good Samaritan", "Lutheran Memorial"]
HOSPICES = ["Hearthstone Hospice", "Evening Star Hospice", "Valley Hospice and Palliative Care"]
PHARMACIES = ["Walgreens", "CVS", "Rite Aid", "the Kroger pharmacy", "Costco pharmacy",
              "Bartell Drugs", "the Safeway pharmacy"]
CITIES = [("Sacramento", "916", "958"), ("Fresno", "559", "937"), ("Tulsa", "918", "741"),
          ("Dayton", "937", "454"), ("Boise", "208", "837"), ("Spokane", "509", "992"),
          ("Tacoma", "253", "984"), ("Akron", "330", "443"), ("Lansing", "517", "489"),
          ("Toledo", "419", "436"), ("Mesa", "480", "852"), ("Plano", "972", "750"),
          ("Reno", "775", "895"), ("Savannah", "912", "314"), ("Eugene", "541", "974"),
          ("Albuquerque", "505", "871"), ("Chattanooga", "423", "374"), ("Des Moines", "515", "503"),
          ("Rio Rancho", "505", "871"), ("Baton Rouge", "225", "708")]
STREETS = [("Elm", "Street", "St"), ("Oak Ridge", "Drive", "Dr"), ("Magnolia", "Avenue", "Ave"),
           ("Juniper", "Lane", "Ln"), ("Cottonwood", "Court", "Ct"), ("Harbor View", "Road", "Rd"),
           ("Sycamore", "Boulevard", "Blvd"), ("Briarwood", "Way", "Way"),
           ("Pecan Hollow", "Drive", "Dr"), ("Larkspur", "Circle", "Cir"),
           ("Willow Bend", "Road", "Rd"), ("Kestrel", "Court", "Ct"), ("Aspen", "Trail", "Trl"),
           ("Mesquite", "Lane", "Ln"), ("Bluebonnet", "Drive", "Dr"), ("Cardinal", "Way", "Way")]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("icloud", "com"),
           ("hotmail", "com"), ("aol", "com"), ("comcast", "net"), ("att", "net"),
           ("protonmail", "com")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# ---------------------------------------------------------------------------
# number words
# ---------------------------------------------------------------------------
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
NATO = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
        "tango", "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu"]
AS_IN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank",
         "G": "george", "H": "henry", "J": "john", "K": "king", "M": "mary", "N": "nancy",
         "P": "peter", "R": "robert", "S": "sam", "T": "tom", "U": "umbrella", "V": "victor",
         "W": "william", "X": "x-ray", "Y": "yellow", "Z": "zebra", "L": "larry", "O": "ocean",
         "I": "ida", "Q": "queen"}


def n2w(n):
    """0..9999 as words (no 'and')."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + n2w(rest))
    rest = n % 1000
    return n2w(n // 1000) + " thousand" + ("" if rest == 0 else " " + n2w(rest))


def ordw(n):
    if n <= 20:
        return ORD[n]
    if n == 30:
        return "thirtieth"
    return TENS[n // 10] + " " + ORD[n % 10]


def pairw(s, zero="oh"):
    """two digits as a spoken pair: '05' -> 'oh five', '42' -> 'forty two'."""
    if s[0] == "0":
        return zero + " " + ONES[int(s[1])]
    return n2w(int(s))


def digw(s, zero="oh"):
    return " ".join(zero if c == "0" else ONES[int(c)] for c in s)


def yearw(y, rng):
    if 1900 <= y < 2000:
        return "nineteen " + pairw(str(y)[2:])
    if y == 2000:
        return "two thousand"
    if y < 2010:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000],
                           "twenty oh " + ONES[y - 2000]])
    return rng.choice(["twenty " + n2w(y - 2000), "two thousand " + n2w(y - 2000)])


def luhn_ok(s):
    tot = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
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


# ---------------------------------------------------------------------------
# value makers
# ---------------------------------------------------------------------------
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    A = MBI_ALPHA
    AN = A + "0123456789"
    pat = [("N1",), ("A",), ("AN",), ("N",), ("A",), ("AN",), ("N",), ("A",), ("A",), ("N",), ("N",)]
    out = []
    for (p,) in pat:
        if p == "N1":
            out.append(rng.choice("123456789"))
        elif p == "N":
            out.append(rng.choice("0123456789"))
        elif p == "A":
            out.append(rng.choice(A))
        else:
            out.append(rng.choice(AN))
    return "".join(out)


def mbi_valid(s):
    return bool(re.fullmatch(r"[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s]{2}[0-9]{2}"
                             % ((MBI_ALPHA,) * 5), s))


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def ssn_valid(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000")


CARD_PREFIX = ["411111", "424242", "400005", "455673", "555555", "510510", "222300", "601111",
               "378282", "371449"]


def make_card(rng):
    p = rng.choice(CARD_PREFIX)
    n = 15 if p[:2] in ("34", "37") else 16
    body = p + "".join(rng.choice("0123456789") for _ in range(n - 1 - len(p)))
    return luhn_complete(body)


def card_valid(s):
    if not s.isdigit() or not luhn_ok(s):
        return False
    if len(s) == 15:
        return s[:2] in ("34", "37")
    return len(s) == 16 and s[0] in "4562"


def make_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    full = luhn_complete("80840" + body)
    return full[5:]


def npi_valid(s):
    return len(s) == 10 and s.isdigit() and s[0] in "12" and luhn_ok("80840" + s)


def make_mrn(rng):
    k = rng.randint(0, 5)
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if k == 0:
        return "00" + d(6)
    if k == 1:
        return "E" + rng.choice("123456789") + d(6)
    if k == 2:
        return "MR" + rng.choice("123456789") + d(6)
    if k == 3:
        return rng.choice("123456789") + d(7)
    if k == 4:
        return "H" + rng.choice("123456789") + d(5)
    return rng.choice("123456789") + d(8)


def make_member(rng):
    k = rng.randint(0, 3)
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    L = "ABCDEFGHJKMNPRTUVWXYZ"
    if k == 0:
        return "".join(rng.choice(L) for _ in range(3)) + d(9)
    if k == 1:
        return "W" + d(9)
    if k == 2:
        return "".join(rng.choice(L) for _ in range(2)) + d(8)
    return "U" + d(8) + "01"


def make_date(rng, lo, hi):
    y = rng.randint(lo, hi)
    m = rng.randint(1, 12)
    dmax = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return datetime.date(y, m, rng.randint(1, dmax))


# ---------------------------------------------------------------------------
# spoken / written renderers: each returns (text, spoken, form)
# ---------------------------------------------------------------------------
def r_phone(rng, p, mode):
    if mode == "written":
        k = rng.randint(0, 7)
        a, e, l = p[:3], p[3:6], p[6:]
        t = ["(%s) %s-%s" % (a, e, l), "%s-%s-%s" % (a, e, l), "%s.%s.%s" % (a, e, l),
             "+1 %s %s %s" % (a, e, l), "+1%s" % p, p, "%s %s %s" % (a, e, l),
             "1-%s-%s-%s" % (a, e, l)][k]
        f = ["written_paren_dash", "written_dash", "written_dots", "written_e164_space",
             "written_e164", "written_bare10", "written_space", "written_1_dash"][k]
        return t, False, f
    a, e, l = p[:3], p[3:6], p[6:]
    zero = rng.choice(["oh", "oh", "oh", "zero", "zero", "o"])
    form = ["digits_" + zero]
    A = digw(a, zero)
    k = rng.randint(0, 9)
    if k == 0:
        E = "triple five"; form.append("triple")
    elif k == 1:
        E = "five fifty five"; form.append("fifty5")
    elif k == 2:
        E = "double five five"; form.append("double")
    else:
        E = "five five five"
    if rng.random() < 0.3:
        L = pairw(l[:2], zero) + " " + pairw(l[2:], zero); form.append("pairs")
    else:
        L = digw(l, zero)
    if mode == "mixed" and rng.random() < 0.7:
        if rng.random() < 0.5:
            A = a; form.append("mixed_area_digits")
        else:
            E, L = e, l if rng.random() < 0.5 else l; form.append("mixed_tail_digits")
            if rng.random() < 0.5:
                E, L = e + "-" + l, ""
    seps = [(", ", "comma"), (" ", "space"), ("... ", "pause"), (" uh ", "uh"), (", ", "comma"),
            (" - ", "dash")]
    s1, n1 = rng.choice(seps)
    s2, n2 = rng.choice(seps[:3])
    form.append(n1)
    parts = [A, E] + ([L] if L else [])
    t = A + s1 + E + (s2 + L if L else "")
    if rng.random() < 0.08:
        t = "one " + t; form.append("lead1")
    if rng.random() < 0.06 and re.search(r"(?<!ty) four\b", t):
        t = re.sub(r"(?<!ty) four\b", " for", t, 1); form.append("asr_for")
    return t, True, "_".join(form)


def r_ssn(rng, s, mode):
    if mode == "written":
        k = rng.randint(0, 2)
        return ([s[:3] + "-" + s[3:5] + "-" + s[5:], s[:3] + " " + s[3:5] + " " + s[5:], s][k], False,
                ["written_dash", "written_space", "written_bare"][k])
    zero = rng.choice(["oh", "zero", "oh"])
    form = ["digits_" + zero]
    g1 = digw(s[:3], zero)
    g2 = pairw(s[3:5], zero) if rng.random() < 0.3 else digw(s[3:5], zero)
    if rng.random() < 0.25:
        g3 = pairw(s[5:7], zero) + " " + pairw(s[7:], zero); form.append("pairs")
    else:
        g3 = digw(s[5:], zero)
    if mode == "mixed" and rng.random() < 0.6:
        g3 = s[5:]; form.append("mixed_tail_digits")
    sep, sn = rng.choice([(", ", "comma"), (" ", "space"), ("... ", "pause"), (" uh ", "uh"),
                          (" dash ", "dashword")])
    t = g1 + sep + g2 + (", " if sep == ", " or g2.endswith("ty") else " ") + g3
    form.append(sn)
    for a, b in (("five five", "double five"), ("one one", "double one"), ("two two", "double two")):
        if a in t and rng.random() < 0.3:
            t = t.replace(a, b, 1); form.append("double"); break
    return t, True, "_".join(form)


def r_last4(rng, s4, mode):
    if mode == "written":
        return s4, False, "last4_digits"
    zero = rng.choice(["oh", "zero"])
    k = rng.randint(0, 3)
    if k == 0:
        return pairw(s4[:2], zero) + " " + pairw(s4[2:], zero), True, "last4_pairs"
    if k == 1:
        return digw(s4, zero).replace(" ", ", ", 1), True, "last4_words_comma"
    if k == 2 and mode == "mixed":
        return s4[:2] + " " + digw(s4[2:], zero), True, "last4_mixed"
    return digw(s4, zero), True, "last4_words"


def r_card(rng, c, mode):
    groups = [c[0:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]
    if mode == "written":
        k = rng.randint(0, 2)
        return ([" ".join(groups), "-".join(groups), c][k], False,
                ["written_groups_space", "written_groups_dash", "written_bare"][k])
    zero = rng.choice(["oh", "zero", "zero"])
    form = ["groups_" + zero]
    out = []
    pairs = rng.random() < 0.25
    for i, g in enumerate(groups):
        if mode == "mixed" and i >= 2 and rng.random() < 0.5:
            out.append(g); form.append("mixed%d" % i)
        elif pairs and len(g) == 4 and g[0] != "0" and g[2] != "0":
            out.append(n2w(int(g[:2])) + " " + n2w(int(g[2:])))
        else:
            out.append(digw(g, zero))
    if pairs:
        form.append("pairs")
    sep, sn = rng.choice([(", ", "comma"), (" ", "space"), ("... ", "pause"), (", uh ", "uh")])
    if pairs and sep == " ":
        sep, sn = ", ", "comma"
    form.append(sn)
    t = sep.join(out)
    if rng.random() < 0.06 and re.search(r"(?<!ty) four\b", t):
        t = re.sub(r"(?<!ty) four\b", " for", t, 1); form.append("asr_for")
    return t, True, "_".join(form)


def r_zip(rng, z, mode):
    if mode == "written":
        return (z[:5] + "-" + z[5:] if len(z) == 9 else z), False, "written_zip" + ("9" if len(z) == 9 else "5")
    zero = rng.choice(["oh", "zero"])
    k = rng.randint(0, 3)
    if k == 0 and z[3] != "0":
        t, f = digw(z[:3], zero) + " " + n2w(int(z[3:5])), "digits_pair_tail"
    elif k == 1 and mode == "mixed":
        t, f = z[:3] + " " + digw(z[3:5], zero), "mixed"
    elif k == 2:
        t, f = digw(z[:5], zero).replace(" ", "... ", 1), "digits_pause"
    else:
        t, f = digw(z[:5], zero), "digits_" + zero
    if len(z) == 9:
        t += " dash " + digw(z[5:], zero); f += "_plus4"
    return t, True, f


def spell_alnum(rng, s, how):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append("zero" if ch == "0" and how != "oh" else ("oh" if ch == "0" else ONES[int(ch)]))
        elif how == "nato":
            out.append(NATO[ord(ch) - 65])
        elif how == "asin":
            out.append("%s as in %s" % (ch, AS_IN[ch]))
        else:
            out.append(ch)
    return out


def r_alnum(rng, v, mode, kind):
    """MRN / MEMBER_ID / MBI."""
    if mode == "written":
        if kind == "MBI" and rng.random() < 0.4:
            return v[:4] + "-" + v[4:7] + "-" + v[7:], False, "written_dashed"
        if v.startswith("MR") and rng.random() < 0.5:
            return "MR-" + v[2:], False, "written_prefix_dash"
        return v, False, "written_plain"
    letters = sum(1 for c in v if c.isalpha())
    form = []
    if letters == 0 and len(v) % 2 == 0 and rng.random() < 0.35:
        # pairs, e.g. 'forty eight, twenty one, thirty three, seventy seven'
        chunks = [v[i:i + 2] for i in range(0, len(v), 2)]
        words = []
        for c in chunks:
            words.append(pairw(c) if len(c) == 2 else digw(c))
        t = ", ".join(words) if rng.random() < 0.5 else " ".join(words)
        return t, True, "numbers_pairs"
    how = rng.choice(["plain", "plain", "nato", "asin"]) if letters else "plain"
    zero = rng.choice(["oh", "zero"])
    toks = spell_alnum(rng, v, how if how != "plain" else zero)
    if how == "plain":
        toks = [t.upper() if len(t) == 1 and t.isalpha() else t for t in toks]
    form.append("alnum_" + how if letters else "digits_" + zero)
    if mode == "mixed" and rng.random() < 0.6:
        # ASR writes the digit run as numerals
        m = re.match(r"([A-Z]*)(\d+)([A-Z0-9]*)$", v)
        if m and kind != "MBI":
            head = " ".join(spell_alnum(rng, m.group(1), how if how != "plain" else zero))
            if how == "plain":
                head = head.upper()
            t = (head + " " if head else "") + m.group(2) + m.group(3)
            return t, True, "_".join(form) + "_mixed_digits"
    # group separators
    if len(toks) >= 8 and rng.random() < 0.5:
        cut = len(toks) // 2 if kind != "MBI" else 4
        t = " ".join(toks[:cut]) + rng.choice([", ", "... ", " uh "]) + " ".join(toks[cut:])
        form.append("grouped")
    else:
        t = " ".join(toks)
    for a, b in (("seven seven", "double seven"), ("three three", "double three"),
                 ("eight eight", "double eight"), ("zero zero", "double zero"),
                 ("oh oh", "double oh")):
        if a in t and rng.random() < 0.4:
            t = t.replace(a, b, 1); form.append("double"); break
    return t, True, "_".join(form)


def r_npi(rng, v, mode):
    if mode == "written":
        return v, False, "written_bare"
    zero = rng.choice(["oh", "zero"])
    if mode == "mixed" and rng.random() < 0.5:
        return digw(v[:3], zero) + " " + v[3:], True, "mixed_digits"
    g = rng.random() < 0.5
    t = (digw(v[:3], zero) + ", " + digw(v[3:6], zero) + ", " + digw(v[6:], zero)) if g else digw(v, zero)
    return t, True, "digits_%s%s" % (zero, "_grouped" if g else "")


def r_date(rng, d, mode):
    y, m, dd = d.year, d.month, d.day
    if mode == "written":
        k = rng.randint(0, 7)
        t = ["%02d/%02d/%d" % (m, dd, y), "%d/%d/%d" % (m, dd, y), "%d/%d/%02d" % (m, dd, y % 100),
             "%s %d, %d" % (MONTHS[m - 1], dd, y), "%s %d%s, %d" % (MONTHS[m - 1], dd, sfx(dd), y),
             d.isoformat(), "%02d-%02d-%d" % (m, dd, y), "%s %d, %d" % (MON_ABBR[m - 1], dd, y)][k]
        f = ["written_mdy_pad", "written_mdy", "written_mdy_short", "written_month_d_y",
             "written_month_dth_y", "written_iso", "written_mdy_dash", "written_mon_abbr"][k]
        return t, False, f
    k = rng.randint(0, 9)
    yy = "%02d" % (y % 100)
    if mode == "mixed" and k >= 8:
        return "%s %s %d" % (MONTHS[m - 1], ordw(dd), y), True, "month_ord_numyear"
    if k <= 2:
        return "%s %s %s" % (MONTHS[m - 1], ordw(dd), yearw(y, rng)), True, "month_ord_full"
    if k == 3 and y < 2000:
        return "%s %s, %s" % (MONTHS[m - 1], ordw(dd), pairw(yy)), True, "month_ord_yy"
    if k == 4:
        return "the %s of %s %s" % (ordw(dd), MONTHS[m - 1], yearw(y, rng)), True, "the_d_of_m_full"
    if k == 5:
        return "%s %s uh %s" % (MONTHS[m - 1], n2w(dd), yearw(y, rng)), True, "month_card_uh_full"
    if k == 6 and y < 2000:
        mm = ("oh " + ONES[m]) if m < 10 and rng.random() < 0.5 else n2w(m)
        dw = ("oh " + ONES[dd]) if dd < 10 and mm.startswith("oh") else n2w(dd)
        return "%s %s %s" % (mm, dw, pairw(yy)), True, "num_mdy_yy"
    if k == 7:
        mm = ("oh " + ONES[m]) if m < 10 else n2w(m)
        dw = ("oh " + ONES[dd]) if dd < 10 else n2w(dd)
        return "%s, %s, %s" % (mm, dw, yearw(y, rng)), True, "num_mdy_pad_full"
    return "%s %s%s %s" % (n2w(m), n2w(dd), "," if dd % 10 == 0 and dd > 10 else "", yearw(y, rng)), True, "num_mdy_nolead_full"


def sfx(d):
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def r_email(rng, e, mode):
    if mode == "written":
        return e, False, "email_written"
    user, dom = e.split("@")
    host, tld = dom.split(".")
    k = rng.randint(0, 4)

    def say_user(u, spell):
        out = []
        for piece in re.findall(r"[a-z]+|\d+|[._-]", u):
            if piece == ".":
                out.append("dot")
            elif piece == "_":
                out.append("underscore")
            elif piece == "-":
                out.append("dash")
            elif piece.isdigit():
                out.append(pairw(piece) if len(piece) == 2 and rng.random() < 0.6 else digw(piece))
            elif spell and len(piece) > 1:
                out.append(" ".join(piece))
            else:
                out.append(piece)
        return " ".join(out)

    hosts = host if host not in ("att",) else "a t t"
    if mode == "mixed" and k == 4:
        return "%s at %s.%s" % (user, host, tld), True, "email_mixed_at_word"
    if k == 0:
        return "%s at %s dot %s" % (say_user(user, False), hosts, tld), True, "email_words"
    if k == 1:
        return "%s at %s dot %s" % (say_user(user, True), hosts, tld), True, "email_spelled_user"
    if k == 2:
        first = re.match(r"[a-z]+", user).group(0)
        rest = user[len(first):]
        sp = ", ".join("%s as in %s" % (c, AS_IN[c.upper()]) for c in first[:3]) + (" " + " ".join(first[3:]) if len(first) > 3 else "")
        return "%s %s at %s dot %s" % (sp, say_user(rest, False), hosts, tld), True, "email_as_in_first"
    return "%s at %s dot %s" % (say_user(user, False).replace(" dot ", "... dot ", 1), hosts, tld), True, "email_words_pause"


def r_street(rng, house, name, suffix, abbr, unit, mode):
    if mode == "written":
        t = "%d %s %s" % (house, name, abbr + "." if rng.random() < 0.4 else suffix)
        if unit:
            t += rng.choice([", Apt %s", " Apt %s", " #%s", ", Unit %s"]) % unit
        return t, False, "written_street" + ("_unit" if unit else "")
    hs = str(house)
    k = rng.randint(0, 2)
    if len(hs) == 4 and k == 0 and hs[2] != "0":
        hw, f = n2w(int(hs[:2])) + " " + n2w(int(hs[2:])), "house_pairs"
    elif len(hs) == 4 and hs[2] == "0" and hs[1] != "0":
        hw, f = n2w(int(hs[:2])) + " oh " + ONES[int(hs[3])], "house_pairs_oh"
    elif len(hs) == 3 and k != 2 and hs[1] != "0":
        hw, f = ONES[int(hs[0])] + " " + n2w(int(hs[1:])), "house_pairs"
    elif mode == "mixed":
        hw, f = hs, "house_digits_mixed"
    else:
        hw, f = digw(hs), "house_digits"
    t = "%s %s %s" % (hw, name.lower(), suffix.lower())
    if unit:
        uw = " ".join(ONES[int(c)] if c.isdigit() else c.lower() for c in unit)
        t += rng.choice([" apartment ", ", apartment ", " unit ", " number "]) + uw
        f += "_unit"
    return t, True, f


# ---------------------------------------------------------------------------
# negatives: (words, digits)
# ---------------------------------------------------------------------------
NEG = {
    "temp": ("vital_sign", [("a hundred and two point four", "102.4"), ("one oh one point three", "101.3"),
                            ("a hundred and three", "103"), ("one hundred point nine", "100.9"),
                            ("a hundred and four point one", "104.1"), ("ninety nine point eight", "99.8"),
                            ("one oh two", "102")]),
    "pulse": ("vital_sign", [("one eighteen", "118"), ("a hundred and twenty two", "122"),
                             ("fifty two", "52"), ("one thirty", "130")]),
    "sats": ("vital_sign", [("ninety one percent", "91%"), ("eighty eight percent", "88%"),
                            ("ninety four percent", "94%")]),
    "bp": ("blood_pressure", [("one sixty eight over ninety four", "168/94"),
                              ("ninety over fifty eight", "90/58"), ("one eighty two over one oh four", "182/104"),
                              ("two oh one over ninety", "201/90")]),
    "sugar": ("lab_value", [("three twelve", "312"), ("four hundred and six", "406"),
                            ("fifty four", "54"), ("two eighty", "280")]),
    "inr": ("lab_value", [("four point two", "4.2"), ("five point six", "5.6")]),
    "potassium": ("lab_value", [("five point nine", "5.9"), ("two point eight", "2.8")]),
    "peddose": ("dose", [("five milliliters", "5 mL"), ("seven and a half mils", "7.5 mL"),
                         ("one sixty milligrams", "160 mg"), ("two hundred and forty milligrams", "240 mg"),
                         ("ten mils", "10 mL")]),
    "adultdose": ("dose", [("four hundred milligrams", "400 mg"), ("twenty five milligrams", "25 mg"),
                           ("eighty one milligrams", "81 mg"), ("two tablets", "2 tablets"),
                           ("five hundred milligrams", "500 mg"), ("ten units", "10 units"),
                           ("two puffs", "2 puffs")]),
    "kidweight": ("weight", [("thirty eight pounds", "38 pounds"), ("twenty six pounds", "26 lbs"),
                             ("seventeen kilos", "17 kg"), ("forty two pounds", "42 pounds"),
                             ("about twenty two pounds", "about 22 pounds")]),
    "weight": ("weight", [("one ninety", "190 pounds"), ("two hundred and ten pounds", "210 lbs"),
                          ("a hundred and twelve pounds", "112 pounds")]),
    "time": ("time", [("two a m", "2 AM"), ("nine thirty", "9:30"), ("eleven forty five", "11:45"),
                      ("ten fifteen", "10:15 PM"), ("three forty", "3:40 a.m."), ("midnight", "midnight"),
                      ("seven o'clock", "7 o'clock"), ("one twenty", "1:20")]),
    "duration": ("duration", [("three days", "3 days"), ("about twenty minutes", "about 20 minutes"),
                              ("every four to six hours", "every 4 to 6 hours"), ("twenty four hours", "24 hours"),
                              ("thirty minutes", "30 minutes"), ("two weeks", "2 weeks"),
                              ("forty five minutes", "45 minutes"), ("an hour", "an hour")]),
    "cbwait": ("duration", [("about twenty minutes", "about 20 minutes"), ("thirty minutes", "30 minutes"),
                            ("forty five minutes", "45 minutes"), ("an hour", "an hour"), ("fifteen minutes", "15 minutes")]),
    "count": ("count", [("four times", "4 times"), ("two wet diapers", "2 wet diapers"),
                        ("three times", "3 times"), ("six", "6"), ("maybe five pills", "maybe 5 pills")]),
    "kidage": ("age", [("three", "3"), ("fourteen months", "14 months"), ("seven", "7"), ("two", "2"),
                       ("eleven", "11"), ("nine months", "9 months")]),
    "money": ("money", [("forty nine dollars", "$49"), ("twenty five dollars", "$25"),
                        ("seventy five dollars", "$75"), ("thirty nine ninety nine", "$39.99")]),
    "appt": ("appointment_date", [("tomorrow at nine", "tomorrow at 9"), ("monday the fourteenth", "Monday the 14th"),
                                  ("march twenty second", "March 22nd"), ("the eighth at ten forty", "the 8th at 10:40"),
                                  ("friday morning", "Friday morning"), ("june third", "June 3rd")]),
    "year": ("year", [("twenty nineteen", "2019"), ("twenty twenty one", "2021"), ("two thousand eighteen", "2018")]),
    "height": ("height", [("five foot four", "5 ft 4 in"), ("six two", "6 ft 2 in")]),
    "room": ("room_number", [("four twelve", "412"), ("two oh nine", "209"), ("six thirty one", "631")]),
    "confirm": ("confirmation_number", [("four four seven one", "4471"), ("two oh nine eight three", "20983"),
                                        ("eight one one six", "8116"), ("A seven seven three", "A773")]),
    "order": ("order_number", [("five five two one nine", "55219"), ("three three oh eight", "3308")]),
    "e911": ("emergency_number", [("nine one one", "911")]),
    "e988": ("emergency_number", [("nine eight eight", "988")]),
    "press1": ("menu_option", [("press one", "press 1")]),
    "press2": ("menu_option", [("press two", "press 2")]),
    "press0": ("menu_option", [("press zero", "press 0")]),
    "press9": ("menu_option", [("press nine", "press 9")]),
    "pager": ("pager_number", [("two two four seven", "2247"), ("four four one seven", "4417"),
                               ("six oh three one", "6031"), ("three seven seven two", "3772")]),
    "ext": ("extension", [("four four one zero", "4410"), ("two two one", "221"), ("three oh five", "305")]),
    "poison": ("service_phone", [("one eight hundred two two two one two two two", "1-800-222-1222")]),
}


# ---------------------------------------------------------------------------
# record builder
# ---------------------------------------------------------------------------
MARK = re.compile("\ue000(\\d+)\ue001")


class Rec:
    def __init__(self, rng):
        self.rng = rng
        self.items = []
        self.sides = {}
        self.turns = []

    # --- low level
    def _add(self, kind, text, meta):
        self.items.append((kind, text, meta))
        return "\ue000%d\ue001" % (len(self.items) - 1)

    def case(self, text, side):
        c = self.sides[side]["case"]
        if c == "lower":
            return text.lower()
        if c == "upper":
            return text.upper()
        return text

    def mode(self, side):
        """'spoken' | 'mixed' | 'written' for the next value said on this side."""
        num = self.sides[side]["num"]
        r = self.rng.random()
        if num == "words":
            return "spoken"
        if num == "mixed":
            return "written" if r < 0.25 else "mixed"
        if num == "smart":
            return "written" if r < 0.8 else "spoken"
        if num == "llm":
            return "written" if r < 0.7 else "spoken"
        return "written"

    def span(self, entity, text, spoken, cue, form, value, side):
        return self._add("span", self.case(text, side),
                         {"entity": entity, "spoken": spoken, "cue": cue, "form": form, "value": value})

    def neg(self, key, side, idx=None):
        what, bank = NEG[key]
        w, d = bank[idx if idx is not None else self.rng.randrange(len(bank))]
        num = self.sides[side]["num"]
        use_d = num in ("smart", "llm", "written") or (num == "mixed" and self.rng.random() < 0.5)
        t = d if use_d else w
        return self._add("neg", self.case(t, side), {"what": what})

    def negt(self, what, words, digits, side):
        """an inline negative: words or digits depending on the side's style."""
        num = self.sides[side]["num"]
        use_d = num in ("smart", "llm", "written") or (num == "mixed" and self.rng.random() < 0.5)
        return self._add("neg", self.case(digits if use_d else words, side), {"what": what})

    def cw(self, word, side):
        """a common word (will, may, bill, grant, hope, mark) used as a word."""
        return self._add("neg", self.case(word, side), {"what": "common_word"})

    # --- entities
    def _m(self, side, force=None):
        if force:
            return force
        m = self.mode(side)
        return m

    def PHONE(self, p, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_phone(self.rng, p, m if m != "spoken" else "words")
        return self.span("PHONE", t, sp, cue, f, p, side)

    def E164(self, p):
        return self.span("PHONE", "+1" + p, False, "same", "written_e164", p, "S")

    def CNAM(self, p):
        """caller-ID name as carriers send it: 'REYES DANA' (15 chars max)."""
        v = strip_acc(p["last"] + " " + p["first"]).upper()[:15].strip()
        if not v.replace(" ", "").replace("'", "").isalpha() or len(p["last"] + p["first"]) + 1 > 15:
            v = strip_acc(p["first"] + " " + p["last"])
            return self.span("NAME", v, False, "same", "name_full_written", v, "S")
        return self.span("NAME", v, False, "same", "name_cnam_last_first", v, "S")

    def SSN(self, s, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_ssn(self.rng, s, m)
        return self.span("SSN", t, sp, cue, f, s, side)

    def LAST4(self, s, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_last4(self.rng, s[5:], m)
        return self.span("SSN", t, sp, cue, f, s[5:], side)

    def CARD(self, c, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_card(self.rng, c, m)
        return self.span("CARD", t, sp, cue, f, c, side)

    def ZIP(self, z, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_zip(self.rng, z, m)
        return self.span("ZIP", t, sp, cue, f, z, side)

    def ID(self, entity, v, cue, side, force=None):
        m = self._m(side, force)
        if entity == "NPI":
            t, sp, f = r_npi(self.rng, v, m)
        else:
            t, sp, f = r_alnum(self.rng, v, m, entity)
        return self.span(entity, t, sp, cue, f, v, side)

    def DATEV(self, entity, d, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_date(self.rng, d, m)
        return self.span(entity, t, sp, cue, f, d.isoformat(), side)

    def EMAIL(self, e, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_email(self.rng, e, m)
        return self.span("EMAIL", t, sp, cue, f, e, side)

    def STREET(self, a, cue, side, force=None):
        m = self._m(side, force)
        t, sp, f = r_street(self.rng, a["house"], a["name"], a["suffix"], a["abbr"], a["unit"], m)
        return self.span("STREET", t, sp, cue, f, "%d %s" % (a["house"], a["name"]), side)

    def CITY(self, c, cue, side):
        written = self.sides[side]["num"] in ("llm", "written")
        return self.span("CITY", c, not written, cue, "city_written" if written else "city", c, side)

    def NAME(self, p, part, cue, side):
        written = self.sides[side]["num"] in ("llm", "written")
        v = {"full": p["first"] + " " + p["last"], "first": p["first"], "last": p["last"]}[part]
        form = "name_%s_%s" % (part, "written" if written else self.sides[side]["case"])
        return self.span("NAME", v, not written, cue, form, v, side)

    def SPELL(self, word, cue, side):
        """spell a (last) name letter by letter."""
        rng = self.rng
        up = word.upper()
        k = rng.randint(0, 4)
        if k == 0:
            t, f = " ".join(up), "spelled_space"
        elif k == 1:
            t, f = "-".join(up), "spelled_hyphen"
        elif k == 2:
            t, f = ", ".join("%s as in %s" % (c, AS_IN[c]) for c in up), "spelled_as_in_comma"
        elif k == 3:
            t, f = " ".join(NATO[ord(c) - 65] for c in up), "spelled_nato_space"
        else:
            t, f = ", ".join(up), "spelled_comma"
        if self.sides[side]["case"] == "lower" and k in (0, 1, 4):
            t = t.lower()
        return self._add("span", t if self.sides[side]["case"] != "upper" else t.upper(),
                         {"entity": "NAME", "spoken": True, "cue": cue, "form": f, "value": up})

    # --- turns
    def say(self, side, text):
        if self.turns and self.turns[-1][0] == side:
            self.turns[-1] = (side, self.turns[-1][1] + " " + text)
        else:
            self.turns.append((side, text))

    def resolve(self, raw, json_mode):
        out = []
        spans, negs = [], []
        pos = 0
        last = 0
        for m in MARK.finditer(raw):
            chunk = raw[last:m.start()]
            out.append(chunk)
            pos += len(chunk.encode("utf-8"))
            kind, text, meta = self.items[int(m.group(1))]
            t = json.dumps(text, ensure_ascii=False)[1:-1] if json_mode else text
            b = len(t.encode("utf-8"))
            if kind == "span":
                s = {"start": pos, "end": pos + b}
                s.update(meta)
                spans.append(s)
            else:
                negs.append({"start": pos, "end": pos + b, "what": meta["what"]})
            out.append(t)
            pos += b
            last = m.end()
        out.append(raw[last:])
        return "".join(out), spans, negs


def style_text(text, st):
    if not st.get("punct", True):
        text = re.sub(r"[.,?!;:]+(?=\s|$|\ue000)", "", text)
        text = re.sub(r"(?<=\s)-\s", "", text)
    if st["case"] == "lower":
        text = text.lower()
    elif st["case"] == "upper":
        text = text.upper()
    return re.sub(r"\s{2,}", " ", text).strip()


# ---------------------------------------------------------------------------
# carrier exchanges (MTS-Dialog training set, CC BY 4.0; lightly trimmed)
# roles: D = clinician side (nurse/operator), P = patient, F = family member
# ---------------------------------------------------------------------------
CARRIER = {
    "self": [
        ("mts-17", [("D", "When did the nausea and vomiting start?"),
                    ("P", "About a few hours ago. I can't seem to stomach anything."),
                    ("D", "How many episodes of vomiting have you had?"), ("P", "At least four."),
                    ("D", "Any abdominal pain, fever, chill, or other symptoms?"),
                    ("P", "Just nausea and vomiting. It's been so terrible.")]),
        ("mts-283", [("P", "I am having stomach pain."), ("D", "Hm, any nausea or vomiting?"), ("P", "Yes, both.")]),
        ("mts-313", [("P", "My back started hurting last night. I have a stomachache. I have had pain with urination for the last two days."),
                     ("D", "Do you have any other symptoms?"),
                     ("P", "I just started coughing and now I have a fever."),
                     ("D", "Do you have any history of kidney stones?"),
                     ("P", "Yes. I had kidney stones less than a year ago. I had a urinary tract infection at the same time. It was awful.")]),
        ("mts-453", [("D", "Anything else that is going on?"), ("P", "Just some pain in the buttock."),
                     ("D", "Okay no fever, nausea, anything of that sort?"), ("P", "Nope.")]),
        ("mts-461", [("D", "How often are you vomiting?"), ("P", "At least three times until my stomach is empty."),
                     ("D", "Can you think of something this is related to?"),
                     ("P", "Just when I eat raw carrots and celery."), ("D", "Do you get belly pain?"), ("P", "Yes.")]),
        ("mts-648", [("D", "How long have you had this rash?"), ("P", "Not long. Less than a day if I had to guess."),
                     ("D", "Is it causing you any pain?"),
                     ("P", "No, it's just really itchy. I tried applying Cortisone to it, but it didn't help much."),
                     ("D", "Is the rash localized to the left arm?"), ("P", "Yeah. I've only noticed it on my left arm.")]),
        ("mts-124", [("D", "Any difficulty in swallowing?"), ("P", "No."),
                     ("D", "Any nausea, vomiting or blood in your vomit?"), ("P", "No, no vomit at all. No problem there."),
                     ("D", "Okay, any stomach pain?"), ("P", "No.")]),
        ("mts-331", [("D", "Oh, what is going on with you?"), ("P", "Well, I have lot of swelling in my legs."), ("D", "Hm, okay.")]),
        ("mts-342", [("D", "Do you have any medical conditions that I should know about?"),
                     ("P", "Yeah, I have chronic diarrhea, and C O P D."), ("D", "Are you a smoker?"),
                     ("P", "Yes, I have been for a long time.")]),
    ],
    "ingest": [
        ("mts-663", [("D", "Have you noticed her behaving strangely in any way?"), ("F", "No. She is acting perfectly normal."),
                     ("D", "Has she been gagging, coughing, vomiting or any other symptoms?"),
                     ("F", "No. The only thing that I noticed is that she spilled the liquid all over her clothes, the ground and on her hands."),
                     ("D", "Did you see her ingest any of the fluid?"),
                     ("F", "No. We didn't see her put it in her mouth. I looked inside her mouth and didn't see anything.")]),
    ],
    "family": [
        ("mts-614", [("D", "How're your other children doing?"), ("F", "Not so wonderful. They're all on antibiotics."),
                     ("D", "For the same?"), ("F", "Yep. They all have ear infections and chest colds.")]),
        ("mts-175", [("F", "So, you mean it is something simple?"),
                     ("D", "Yes, it is probably sinus infection and then cough secondary to that infection."),
                     ("F", "{cw:Will} that be treatable?"), ("D", "Yes, it is."), ("F", "Okay nice.")]),
    ],
}


def add_carrier(r, which, src_used):
    cid, lines = r.rng.choice(CARRIER[which])
    src_used.append(cid)
    for role, text in lines:
        side = "A" if role == "D" else "C"
        text = re.sub(r"\{cw:(\w+)\}", lambda m: r.cw(m.group(1), side), text)
        r.say(side, text)


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------
def make_person(rng, kind, sex=None, last=None):
    sex = sex or rng.choice("FM")
    if kind == "child":
        first = rng.choice(KID_F if sex == "F" else KID_M)
        dob = make_date(rng, 2011, 2023)
    elif kind == "elder":
        first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
        dob = make_date(rng, 1936, 1950)
    else:
        first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
        dob = make_date(rng, 1952, 2004)
    city, area, z3 = rng.choice(CITIES)
    zipc = z3 + "%02d" % rng.randint(1, 99)
    if rng.random() < 0.08:
        zipc += "%04d" % rng.randint(1, 9999)
    ln = last or rng.choice(LAST)
    user_style = rng.randint(0, 4)
    f_ascii = strip_acc(first).lower()
    l_ascii = re.sub(r"[^a-z]", "", strip_acc(ln).lower())
    user = [f_ascii + "." + l_ascii, f_ascii + l_ascii + "%02d" % rng.randint(1, 99), f_ascii[0] + l_ascii,
            f_ascii + "_" + l_ascii + str(dob.year), l_ascii + "." + f_ascii + "%d" % rng.randint(1, 9)][user_style]
    host, tld = rng.choice(DOMAINS)
    sname, suffix, abbr = rng.choice(STREETS)
    return {
        "sex": sex, "first": first, "last": ln, "dob": dob, "kind": kind,
        "age": REF_YEAR - dob.year - 1,
        "phone": area + "55501" + "%02d" % rng.randint(0, 99),
        "phone2": area + "55501" + "%02d" % rng.randint(0, 99),
        "ssn": make_ssn(rng), "card": make_card(rng), "mrn": make_mrn(rng), "mbi": make_mbi(rng),
        "member": make_member(rng), "npi": make_npi(rng),
        "email": "%s@%s.%s" % (user, host, tld), "city": city, "zip": zipc,
        "addr": {"house": rng.choice([rng.randint(100, 999), rng.randint(1000, 9899)]), "name": sname,
                 "suffix": suffix, "abbr": abbr,
                 "unit": rng.choice(["", "", "", "4B", "12", "210", "C"])},
    }


def strip_acc(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------
# conversation blocks
# ---------------------------------------------------------------------------
class Call:
    """Holds the people and the pronouns of one call."""

    def __init__(self, r, scenario, caller_rel):
        rng = r.rng
        self.r = r
        self.scenario = scenario
        self.rel = caller_rel  # self, parent, spouse, daughter, son, aide, pharmacist, family
        if scenario == "poison":
            pk = "elder" if caller_rel == "aide" else "child"
        else:
            pk = {"peds": "child", "aide": "elder", "hospice": "elder"}.get(
                scenario, rng.choice(["adult", "adult", "elder"]))
        self.pt = make_person(rng, pk)
        if caller_rel == "parent" and pk != "child":
            self.pt = make_person(rng, "child")
        elif caller_rel in ("daughter", "son") and pk == "adult":
            self.pt = make_person(rng, "elder")
        if caller_rel == "self":
            self.caller = self.pt
        else:
            same_last = caller_rel in ("parent", "spouse", "daughter", "son") and rng.random() < 0.6
            while True:
                self.caller = make_person(rng, "adult", sex={"daughter": "F", "son": "M"}.get(caller_rel),
                                          last=self.pt["last"] if same_last else None)
                if self.caller["first"] != self.pt["first"]:
                    break
        self.provider = rng.choice(PROVIDERS)
        self.agent = rng.choice(AGENTS)
        self.practice = (rng.choice(HOSPICES) if scenario == "hospice" else
                         rng.choice(["Riverbend Pediatrics", "Maple Hollow Pediatrics"]) if pk == "child" else
                         rng.choice([p for p in PRACTICES if "Pediatrics" not in p]))
        self.self_ = caller_rel == "self"
        he = self.pt["sex"] == "M"
        self.poss = "your" if self.self_ else ("his" if he else "her")
        self.subj = "you" if self.self_ else ("he" if he else "she")
        self.obj = "you" if self.self_ else ("him" if he else "her")
        self.subj_is = "you're" if self.self_ else ("he's" if he else "she's")
        # first-person forms, as the caller says them
        self.I = "I" if self.self_ else ("he" if he else "she")
        self.my = "my" if self.self_ else ("his" if he else "her")
        self.Im = "I'm" if self.self_ else ("he's" if he else "she's")
        self.Ihave = "I have" if self.self_ else ("he has" if he else "she has")
        self.Ive = "I've" if self.self_ else ("he's" if he else "she's")
        self.kid = "daughter" if self.pt["sex"] == "F" else "son"
        self.short = ""  # short reason, for the page to the provider
        self.vals = {}  # values given in the call, for the summary

    def prov(self, cue, side):
        return self.r.NAME({"first": "", "last": self.provider}, "last", cue, side)


def cap(s):
    return s[:1].upper() + s[1:]


def sayers(r):
    return (lambda t: r.say("A", t)), (lambda t: r.say("C", t)), (lambda t: r.say("P", t))


def rel_word(c):
    cl, pt = c.caller, c.pt
    if c.rel == "parent":
        return "mom" if cl["sex"] == "F" else "dad"
    if c.rel == "spouse":
        return "wife" if cl["sex"] == "F" else "husband"
    return {"daughter": "daughter", "son": "son", "aide": "home health aide", "family": "niece" if cl["sex"] == "F" else "nephew",
            "pharmacist": "pharmacist"}[c.rel]


def pt_word(c):
    pt = c.pt
    if c.rel == "parent":
        return c.kid
    if c.rel == "aide":
        return "client"
    if c.rel == "spouse":
        return "wife" if pt["sex"] == "F" else "husband"
    if c.rel in ("daughter", "son"):
        return "mother" if pt["sex"] == "F" else "father"
    return "aunt" if pt["sex"] == "F" else "uncle"


def blk_identity(c, ai=False):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    pt, cl = c.pt, c.caller
    k = rng.randint(0, 3)
    if c.self_:
        if k == 0:
            C("Yeah hi. %s. %s. Calling about a message for the doctor." % (
                r.NAME(pt, "full", "none", "C"), r.DATEV("DOB", pt["dob"], "none", "C")))
            A("Okay, thank you. Let me pull that up.")
            return
        A(rng.choice(["Can I get your first and last name?", "Okay, and who am I speaking with?",
                      "What's the patient's name, please?"]))
        if k == 1:
            C(r.NAME(pt, "full", "prev", "C"))
        elif k == 2:
            C("It's %s." % r.NAME(pt, "full", "same", "C"))
        else:
            C("Um, %s, but everybody calls me %s." % (r.NAME(pt, "full", "prev", "C"), r.NAME(pt, "first", "same", "C")))
        if rng.random() < 0.55 and pt["last"] in SPELLABLE:
            A(rng.choice(["And can you spell the last name for me?", "How do you spell the last name?"]))
            C(r.SPELL(pt["last"], "prev", "C"))
        A(rng.choice(["And your date of birth?", "What's your date of birth?", "Okay. Date of birth?",
                      "And the birthday?"]))
        C(rng.choice(["%s", "Uh, %s.", "It's %s.", "%s"]) % r.DATEV("DOB", pt["dob"], "prev", "C"))
        return
    rw = rel_word(c)
    if k == 0:
        C("Hi, this is %s, I'm %s %s. I'm calling about %s." % (
            r.NAME(cl, "full", "same", "C"), c.poss if c.rel != "aide" else "the", rw,
            r.NAME(pt, "full", "none", "C")))
        A("Okay. And what's %s date of birth?" % c.poss)
        C(r.DATEV("DOB", pt["dob"], "prev", "C"))
    elif k == 1:
        A("Who am I speaking with?")
        C("%s. I'm %s %s." % (r.NAME(cl, "full", "prev", "C"), c.poss if c.rel != "aide" else "the", rw))
        A("And the patient's name?")
        C("%s, %s" % (r.NAME(pt, "first", "prev", "C"), r.NAME(pt, "last", "prev", "C")))
        if rng.random() < 0.5 and pt["last"] in SPELLABLE:
            A("Spell the last name?")
            C(r.SPELL(pt["last"], "prev", "C"))
        A("And %s birthday?" % c.poss)
        C("%s birthday is %s." % (cap(c.my), r.DATEV("DOB", pt["dob"], "same", "C")))
    elif k == 2:
        A("Can I get your name, and the patient's name and date of birth?")
        C("Yeah, I'm %s, and it's for my %s, %s, date of birth %s." % (
            r.NAME(cl, "first", "same", "C"), pt_word(c), r.NAME(pt, "full", "same", "C"),
            r.DATEV("DOB", pt["dob"], "same", "C")))
    else:
        A("Who's calling, and who is the patient?")
        C("I'm %s, %s %s. Hold on, I have %s paperwork right here. %s. %s." % (
            r.NAME(cl, "first", "prev", "C"), c.poss if c.rel != "aide" else "the", rw, c.poss,
            r.NAME(pt, "full", "none", "C"), r.DATEV("DOB", pt["dob"], "none", "C")))
        A("Thank you.")
    if pt["kind"] == "child" and rng.random() < 0.7:
        A("And how old is %s now?" % c.subj)
        C("%s just turned %s." % (cap(c.subj), r.neg("kidage", "C")))


def blk_callback(c, ai=False):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    p = c.caller["phone"]
    k = rng.choice([0, 1, 2, 4]) if c.scenario in ("edfu", "ucb") else rng.randint(0, 5)
    if k == 0:
        A(rng.choice(["What's the best callback number?", "And a good number to call you back?",
                      "What number should the doctor call?"]))
        C(rng.choice(["%s", "Yeah it's %s.", "Um, %s", "%s. That's my cell."]) % r.PHONE(p, "prev", "C"))
    elif k == 1:
        A("And where can the provider reach you tonight?")
        C("You can call me back at %s." % r.PHONE(p, "same", "C"))
    elif k == 2:
        A("What's your callback number?")
        C("My cell is %s." % r.PHONE(p, "same", "C"))
    elif k == 3:
        A("Is the number you're calling from a good number?")
        C("No, this is my work phone. Better to use my cell, %s." % r.PHONE(p, "same", "C"))
    elif k == 4:
        A("Best number for a callback?")
        C(r.PHONE(p, "prev", "C"))
    else:
        C("Oh, and %s, in case it doesn't show up on your end." % r.PHONE(p, "none", "C"))
        A("Is that the best number for tonight?")
        C("Yes, that's my cell.")
    if rng.random() < 0.55:
        A(rng.choice(["Let me read that back. %s?", "I have %s, is that right?", "So that's %s.",
                      "Okay, %s, correct?"]) % r.PHONE(p, "prev", "A"))
        C(rng.choice(["Yes.", "Yep, that's it.", "Correct.", "Uh huh."]))
    if rng.random() < 0.25:
        C("And if I don't pick up, try my %s at %s." % (
            rng.choice(["husband's cell", "landline", "work phone", "mom"]), r.PHONE(c.caller["phone2"], "same", "C")))
        A("Got it.")


def blk_extra(c, what):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    pt = c.pt
    k = rng.randint(0, 3)
    c.vals[what] = {"email": c.caller["email"]}.get(what, True)
    if what == "ssn":
        A(rng.choice(["Since %s not in our system yet, I have to register %s first. Social security number?" % (
                          "you're" if c.self_ else c.subj + "'s", c.obj),
                      "The registration needs a social security number for %s." % c.obj,
                      "For the new patient registration, what's %s social?" % c.poss]))
        if k == 0:
            C(r.SSN(pt["ssn"], "prev", "C"))
        elif k == 1:
            C("Okay, %s social is %s." % (c.my, r.SSN(pt["ssn"], "same", "C")))
        elif k == 2:
            C("Hold on, it's on the card. Okay. %s." % r.SSN(pt["ssn"], "prev", "C"))
        else:
            C("Hang on, I've got %s wallet. Okay, I'll just read you the numbers. %s. %s. That's from the card." % (
                c.poss if not c.self_ else "my", r.NAME(pt, "full", "none", "C"), r.SSN(pt["ssn"], "none", "C")))
        if rng.random() < 0.5:
            A("Reading it back, %s." % r.SSN(pt["ssn"], "prev", "A"))
            C("That's right.")
    elif what == "last4":
        A(rng.choice(["To verify, can I have the last four of %s social?" % c.poss,
                      "And just to verify identity, last four of the social security number?"]))
        C(rng.choice(["%s", "It's %s.", "Uh, %s"]) % r.LAST4(pt["ssn"], "prev", "C"))
        A("Thank you, that matches.")
    elif what == "card":
        A("The after-hours telehealth visit is %s, and it's due before the callback. What card would you like to use?" % r.neg("money", "A"))
        if k == 0:
            C("Visa. %s" % r.CARD(pt["card"], "same", "C"))
        elif k == 1:
            C("Okay, the card number is %s." % r.CARD(pt["card"], "same", "C"))
        elif k == 2:
            C("Um, %s" % r.CARD(pt["card"], "prev", "C"))
        else:
            C("Hang on. Okay. %s. And the other one, no, that one's fine." % r.CARD(pt["card"], "none", "C"))
        if rng.random() < 0.5:
            A("I have %s. The expiration and the security code you can key in on the phone now." % r.CARD(pt["card"], "prev", "A"))
        else:
            A("Thank you. Key in the expiration and the code on the back when you hear the tone, then %s to confirm." % r.neg("press1", "A"))
        C("Okay, done.")
    elif what == "email":
        if k == 3:
            C("Oh, and %s, if you want to send me anything." % r.EMAIL(c.caller["email"], "none", "C"))
            A("Okay, I'll put that on the message.")
        else:
            A(rng.choice({"peds": ["What email should the school note go to?", "And an email for the patient portal invite?"],
                          "aide": ["Is there an email for the care team updates?"],
                          "hospice": ["Is there an email for the family, for the paperwork?"],
                          "poison": ["Do you want the follow-up sheet emailed to you?"]}.get(
                c.scenario, ["What email should we send the visit summary to?",
                             "Do you want the work note emailed? What's the address?",
                             "And an email for the patient portal invite?"])))
            if k == 0:
                C(r.EMAIL(c.caller["email"], "prev", "C"))
            elif k == 1:
                C("My email is %s." % r.EMAIL(c.caller["email"], "same", "C"))
            else:
                C("Yeah it's, um, %s, all lowercase." % r.EMAIL(c.caller["email"], "prev", "C"))
        if rng.random() < 0.6:
            A("Let me read that back. %s?" % r.EMAIL(c.caller["email"], "prev", "A"))
            C("Yes.")
    elif what == "address":
        A("And %s home address, in case we need to send someone out?" % c.poss
          if c.scenario in ("poison", "hospice", "aide") else "And the home address for the registration?")
        a = pt["addr"]
        if k <= 1:
            C("%s, %s, %s." % (r.STREET(a, "prev", "C"), r.CITY(pt["city"], "prev", "C"), r.ZIP(pt["zip"], "prev", "C")))
        else:
            C("We live at %s in %s." % (r.STREET(a, "same", "C"), r.CITY(pt["city"], "same", "C")))
            A("And the zip code?")
            C(r.ZIP(pt["zip"], "prev", "C"))
    elif what == "zip":
        if k == 3:
            A("What city are you in?")
            C("%s. Zip code %s." % (r.CITY(pt["city"], "prev", "C"), r.ZIP(pt["zip"], "same", "C")))
        else:
            A(rng.choice(["What zip code are you in right now?", "And what's the zip code there?",
                          "Can I get a zip code so I route this to the right on-call group?"]))
            C(rng.choice(["%s", "It's %s.", "Uh, %s"]) % r.ZIP(pt["zip"], "prev", "C"))
    elif what == "mrn":
        if k == 0:
            A("Do you have %s medical record number? It's on the after-visit summary." % c.poss)
            C("Yeah, hold on. %s" % r.ID("MRN", pt["mrn"], "prev", "C"))
        elif k == 1:
            A("I'm pulling up the chart. I have medical record number %s." % r.ID("MRN", pt["mrn"], "same", "A"))
            C("Okay, yes.")
        elif k == 2:
            C("I have the MRN if you need it, it's %s." % r.ID("MRN", pt["mrn"], "same", "C"))
            A("Thank you, that helps.")
        else:
            C("I've got the paper from the hospital here, it says %s up at the top, do you need that?" % r.ID("MRN", pt["mrn"], "none", "C"))
            A("Yes, that's the record number, thank you.")
    elif what == "member":
        A("Do you have the insurance card handy? I need the member ID.")
        C(rng.choice(["Okay, %s", "It says %s.", "Member ID %s."]) % r.ID("MEMBER_ID", pt["member"], "prev", "C"))
    elif what == "mbi":
        A("And %s Medicare number, from the red white and blue card?" % c.poss)
        C(rng.choice(["%s", "It's %s.", "Okay. %s."]) % r.ID("MBI", pt["mbi"], "prev", "C"))
        if rng.random() < 0.4:
            A("So %s." % r.ID("MBI", pt["mbi"], "prev", "A"))
            C(rng.choice(["Yes ma'am.", "Yeah."]))
    elif what == "date":
        kind = rng.choice(["discharged", "admitted"]) if c.scenario == "answering" and not c.self_ else "discharged"
        d = make_date(rng, 2023, 2024)
        c.vals["date"] = ({"discharged": "discharge", "admitted": "admission"}[kind], d)
        if c.self_:
            A("Have you been in the hospital recently? When were you discharged?")
        elif kind == "discharged":
            A("Has %s been in the hospital recently? When was %s discharged?" % (c.subj, c.subj))
        else:
            A("When was %s admitted?" % c.subj)
        C(rng.choice(["%s", "Um, %s.", "It was %s."]) % r.DATEV("DATE", d, "prev", "C"))
        if kind == "admitted":
            C("%s still upstairs, room %s." % (cap(c.Im), r.neg("room", "C")))
        elif rng.random() < 0.5:
            A("So %s was %s on %s." % (c.subj, kind, r.DATEV("DATE", d, "prev", "A")))
            C("Right.")


def blk_close(c, ai=False):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    k = rng.randint(0, 3)
    if k == 0:
        A("Okay. I'm sending this to Dr. %s now on pager %s. You should get a call back within %s." % (
            c.prov("same", "A"), r.neg("pager", "A"), r.neg("cbwait", "A")))
    elif k == 1:
        A("Dr. %s is on call tonight. I %s page %s now, and if you don't hear back in %s, call us back." % (
            c.prov("same", "A"), r.cw("will", "A"), rng.choice(["her", "him"]), r.neg("cbwait", "A")))
    elif k == 2:
        A("Your message number is %s. The on-call provider usually calls back within %s." % (
            r.neg("confirm", "A"), r.neg("cbwait", "A")))
    else:
        A("I've marked it urgent for Dr. %s." % c.prov("same", "A"))
    C(rng.choice(["Okay, thank you.", "Thank you so much.", "Okay. I %s keep my phone on me." % r.cw("will", "C"),
                  "Alright, I %s it's nothing." % r.cw("hope", "C")]))
    kk = rng.randint(0, 9)
    if kk == 0:
        A("And if anyone is having thoughts of hurting themselves, you can call or text %s any time." % r.neg("e988", "A"))
    elif kk <= 3:
        A("If anything gets worse before then, call %s." % r.neg("e911", "A"))
    elif kk <= 6 and not c.self_:
        A("If %s has trouble breathing or you can't wake %s up, hang up and call %s." % (c.subj, c.obj, r.neg("e911", "A")))
    elif kk <= 6:
        A("If you have chest pain or trouble breathing, hang up and call %s." % r.neg("e911", "A"))
    else:
        A("And if it's an emergency don't wait, call %s or go to the nearest ER." % r.neg("e911", "A"))
    C("Okay. Bye.")


def blk_patch(c):
    """the operator passes the message to the on-call provider (third speaker)."""
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    P(rng.choice(["Hi, this is Dr. %s, returning a page.", "Dr. %s here, you paged?",
                  "Yeah, this is %s, on call for the group."]) % c.prov("same", "P"))
    A("Hi doctor, I have a message from %s, date of birth %s. %s Callback is %s." % (
        r.NAME(c.pt, "full", "prev", "A"), r.DATEV("DOB", c.pt["dob"], "prev", "A"), cap(c.short) + ".",
        r.PHONE(c.caller["phone"], "prev", "A")))
    P(rng.choice(["Okay, say the number again?", "Can you repeat the callback?", "What was that number?"]))
    A(r.PHONE(c.caller["phone"], "prev", "A"))
    P("Got it, I'll call %s now. Thanks." % rng.choice(["them", "right", "her" if c.caller["sex"] == "F" else "him"]))


def blk_reason(c, src):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    sc = c.scenario
    S = cap(c.subj)
    if sc == "peds":
        A("What's going on with %s tonight?" % c.obj)
        C("%s's had a fever since about %s and it was %s when I checked it just now." % (S, r.neg("time", "C"), r.neg("temp", "C")))
        A("Did you give anything for it?")
        C("I gave %s of the children's Tylenol at %s." % (r.neg("peddose", "C"), r.neg("time", "C")))
        A("And about how much does %s weigh?" % c.subj)
        C("Like %s." % r.neg("kidweight", "C"))
        A("Is %s drinking? Wet diapers today?" % c.subj)
        C("Maybe %s, it %s be less." % (r.neg("count", "C", 1), r.cw("may", "C")))
        if rng.random() < 0.5:
            add_carrier(r, "family", src)
        c.short = "fever in a child since this evening"
    elif sc == "poison":
        if c.pt["kind"] == "child":
            A("What happened?")
            what, unit, liquid = rng.choice([("grandma's blood pressure pills", "pills", False),
                                             ("gummy vitamins", "gummies", False), ("melatonin gummies", "gummies", False),
                                             ("hand sanitizer", "", True), ("lamp oil", "", True)])
            C("My %s got into the %s, like %s ago." % (c.kid, what, r.neg("duration", "C", 1)))
            A("How old is %s, and about how much does %s weigh?" % (c.subj, c.subj))
            C("%s's %s and maybe %s." % (S, r.neg("kidage", "C"), r.neg("kidweight", "C")))
            if liquid:
                A("How much do you think %s could have swallowed?" % c.subj)
                C("Maybe %s, if anything." % r.negt("dose", "a teaspoon", "1 teaspoon", "C"))
                if rng.random() < 0.8:
                    add_carrier(r, "ingest", src)
            else:
                n = rng.randint(2, 6)
                A("How many do you think %s took?" % c.subj)
                C("I counted, %s %s missing." % (r.negt("count", ONES[n], str(n), "C"), unit))
        else:
            A("What happened?")
            C("I'm a home aide. My client took %s of %s twice this morning, I think, the pill box was mixed up." % (
                r.neg("adultdose", "C", 1), rng.choice(["metoprolol", "her sleeping pill", "amlodipine"])))
            A("How is %s now? Do you have a blood pressure?" % c.subj)
            C("%s's a little sleepy. Pressure is %s, pulse %s." % (S, r.neg("bp", "C", 1), r.neg("pulse", "C", 2)))
        A("If %s starts seizing or stops breathing, call %s right away." % (c.subj, r.neg("e911", "A")))
        c.short = "possible ingestion"
    elif sc == "aide":
        A("What are you seeing?")
        C("%s blood pressure is %s and %s pulse is %s." % (cap(c.poss), r.neg("bp", "C"), c.poss, r.neg("pulse", "C")))
        C("%s sugar was %s at %s, and %s took %s of insulin." % (
            cap(c.poss), r.neg("sugar", "C"), r.neg("time", "C"), c.subj, r.neg("adultdose", "C", 5)))
        A("Is %s confused or short of breath?" % c.subj)
        age = n2w(c.pt["age"]) if r.sides["C"]["num"] == "words" else str(c.pt["age"])
        C("A little confused. %s's %s, and usually sharp as a tack." % (S, r._add("neg", r.case(age, "C"), {"what": "age"})))
        if rng.random() < 0.5:
            C("And the oxygen company still hasn't come, the order number is %s." % r.neg("order", "C"))
        elif rng.random() < 0.5:
            C("%s's %s and only about %s now, %s lost weight." % (S, r.neg("height", "C"), r.neg("weight", "C", 2), c.subj + "'s"))
        c.short = "caregiver reports high blood pressure and confusion"
    elif sc == "hospice":
        C("%s passed about %s ago. %s was on hospice with you all." % (
            "My mom" if c.pt["sex"] == "F" else "My dad", r.neg("duration", "C", rng.choice([1, 7])), S))
        A("I'm so sorry for your loss. What time would you say %s passed?" % c.subj)
        C("Around %s." % r.neg("time", "C"))
        d = make_date(rng, 2024, 2024)
        c.vals["date"] = ("death", d)
        if rng.random() < 0.5:
            A("And I'm putting the date of death as %s, is that right?" % r.DATEV("DATE", d, "same", "A"))
            C("Yes. Well, it's after midnight now, but yes.")
        else:
            A("And the date?")
            C("%s passed %s." % (S, r.DATEV("DATE", d, "prev", "C")))
        A("You don't need to call %s. I'm paging the on-call hospice nurse on pager %s, and she'll call you within %s." % (
            r.neg("e911", "A"), r.neg("pager", "A"), r.neg("duration", "A", 4)))
        c.short = "hospice patient died at home, family needs RN for pronouncement"
    elif sc == "pharmacist":
        C("Hi, this is %s, I'm the pharmacist at %s. I've got a script from Dr. %s for %s." % (
            r.NAME(c.caller, "first", "same", "C"), rng.choice(PHARMACIES), c.prov("same", "C"),
            r.NAME(c.pt, "full", "same", "C")))
        A("And the patient's date of birth?")
        C("%s." % r.DATEV("DOB", c.pt["dob"], "prev", "C"))
        C("It's written for %s every eight hours, and for %s weight, %s, that's over the max." % (
            r.neg("adultdose", "C", rng.choice([0, 4])), c.poss, r.neg("weight", "C")))
        if rng.random() < 0.5:
            A("I have Dr. %s's NPI here if you need it. It's %s." % (c.prov("prev", "A"), r.ID("NPI", c.pt["npi"], "same", "A")))
        else:
            A("Do you need anything else for the script?")
            C("The prescriber NPI, it didn't print.")
            A("The NPI is %s." % r.ID("NPI", c.pt["npi"], "same", "A"))
        c.vals["npi"] = True
        C("Got it, %s." % r.ID("NPI", c.pt["npi"], "prev", "C"))
        A("And the best number for the doctor to call you back?")
        C("Call the pharmacy at %s, extension %s, ask for me." % (r.PHONE(c.caller["phone"], "same", "C"), r.neg("ext", "C")))
        c.short = "pharmacist needs dose clarification"
    elif sc == "edfu":
        if c.self_ and rng.random() < 0.5:
            A("I was your nurse in room %s last night. How are you feeling?" % r.neg("room", "A"))
            C("Better, thanks.")
        A("I'm calling to check on how %s doing since %s ER visit." % ("you're" if c.self_ else c.subj + "'s", c.poss))
        C("Better. The fever's down, it was %s this morning." % r.neg("temp", "C"))
        A("Good. %s taking the antibiotic, %s twice a day?" % ("Are you" if c.self_ else "Is " + c.subj, r.neg("adultdose", "A", 4)))
        C("Yes, %s left." % r.neg("count", "C", 3))
        A("Make sure to follow up with the primary doctor within %s. The appointment is %s." % (r.neg("duration", "A", 5), r.neg("appt", "A")))
        if c.self_ and rng.random() < 0.6:
            add_carrier(r, "self", src)
        c.short = "ED follow-up"
    elif sc == "ucb":
        A("I'm calling back about %s visit today. The strep test came back positive." % c.poss)
        C("Oh okay. So what do we do?")
        A("The provider sent amoxicillin, %s twice a day for ten days." % r.neg("adultdose", "A", 4))
        C("Okay. %s %s go back to %s %s?" % (r.cw("May", "C"), c.subj if not c.self_ else "I",
                                            "school" if c.pt["kind"] == "child" else "work", r.neg("appt", "C", 4)))
        A("Not until %s been on it %s." % ("you've" if c.self_ else c.subj + "'s", r.neg("duration", "A", 3)))
        c.short = "strep result callback"
    else:  # adult answering service / ai intake
        A(rng.choice(["What's the reason for the call?", "What's going on tonight?"]))
        kk = rng.randint(0, 4)
        if kk == 0:
            C("%s had surgery last week and the incision is red, and %s got a temp of %s." % (cap(c.I), "I've" if c.self_ else c.subj + "'s", r.neg("temp", "C")))
            c.short = "post-op incision redness with fever"
        elif kk == 1:
            C("%s blood pressure's %s and %s a headache. %s took %s of lisinopril at %s. %s had a stent put in back in %s." % (
                cap(c.my), r.neg("bp", "C"), "I have" if c.self_ else c.subj + " has", cap(c.I), r.neg("adultdose", "C", 1),
                r.neg("time", "C"), cap(c.I), r.neg("year", "C")))
            c.short = "elevated blood pressure with headache"
        elif kk == 2:
            C("%s on warfarin and the home test said %s, and %s nose has been bleeding for %s." % (cap(c.Im), r.neg("inr", "C"), c.my, r.neg("duration", "C", 7)))
            c.short = "nosebleed on warfarin, home INR high"
        elif kk == 3:
            C("%s out of the inhaler and %s used the old one %s tonight. %s at %s on the pulse ox." % (
                cap(c.Im), c.Ive if not c.self_ else "I've", r.neg("count", "C", 0), cap(c.Im), r.neg("sats", "C")))
            c.short = "asthma, out of inhaler"
        else:
            if c.self_:
                add_carrier(r, "self", src)
            else:
                C("%s been throwing up since %s, %s, and can't keep anything down." % (cap(c.Ive), r.neg("time", "C"), r.neg("count", "C", 2)))
            A("Have you checked for a fever?")
            C("It was %s at %s." % (r.neg("temp", "C"), r.neg("time", "C")))
            A("Any medicine so far?")
            C("%s took %s of ibuprofen about %s ago." % (cap(c.I), r.neg("adultdose", "C", 0), r.neg("duration", "C", 7)))
            c.short = "vomiting and fever"
        if rng.random() < 0.3:
            A("I %s %s this as urgent, okay?" % (r.cw("will", "A"), r.cw("mark", "A")))
            C("Okay.")


def blk_open(c, ai):
    r, rng = c.r, c.r.rng
    A, C, P = sayers(r)
    sc = c.scenario
    agent = lambda: r.NAME({"first": c.agent, "last": ""}, "first", "same", "A")
    if ai:
        extra = rng.choice(["", " To repeat these options, %s." % r.neg("press9", "A"),
                            " To reach the operator, %s." % r.neg("press0", "A")])
        A("Thanks for calling %s after hours. I'm %s, a virtual assistant. If this is a medical emergency, hang up and dial %s. For the pharmacy refill line, %s.%s" % (
            c.practice, rng.choice(AI_NAMES),
            r.neg("e911", "A"), r.neg("press2", "A"), extra))
        C(rng.choice(["Yeah, I need to leave a message for the doctor.", "Hi, um, I need the nurse.",
                      "I need to talk to somebody on call."]))
        return
    if sc == "edfu":
        A("Hi, this is %s, a nurse calling from the %s emergency department. May I speak with %s?" % (
            agent(), rng.choice(HOSPITALS), r.NAME(c.pt, "full", "same", "A")))
        if c.self_:
            C("This is %s." % r.NAME(c.pt, "first", "prev", "C") if rng.random() < 0.5 else "Speaking.")
        else:
            C("%s's sleeping, this is %s %s, %s." % (cap(c.subj), c.poss, rel_word(c), r.NAME(c.caller, "first", "same", "C")))
        A("Before I go on, can you confirm %s date of birth?" % c.poss)
        C(r.DATEV("DOB", c.pt["dob"], "prev", "C"))
        return
    if sc == "ucb":
        A("Hi, this is %s with %s returning your call. Is this %s?" % (agent(), rng.choice(URGENT), r.NAME(c.caller, "first", "same", "A")))
        C("Yes it is.")
        A("Can you confirm %s date of birth for me?" % ("your" if c.self_ else "the patient's"))
        C(r.DATEV("DOB", c.pt["dob"], "prev", "C"))
        return
    if sc == "poison":
        A("Poison Help line, this is %s." % agent())
        return
    if sc == "peds":
        A("%s nurse line, this is %s, I'm one of the nurses." % (c.practice, agent()))
        return
    if sc == "hospice":
        A("%s after-hours line, this is %s." % (c.practice, agent()))
        return
    if sc == "pharmacist":
        A("%s answering service, this is %s." % (c.practice, agent()))
        return
    A(rng.choice(["%s answering service, this is %s, is this an emergency?",
                  "After-hours answering service for %s, %s speaking. Is this a medical emergency?"]) % (c.practice, agent()))
    C(rng.choice(["No, no, I just need a message to the doctor on call.", "No, I don't think so.",
                  "Not an emergency, I just have a question for the on call."]))


SCENARIOS = [
    # name, caller relations, ai agent?
    ("answering", ["self", "self", "spouse", "daughter", "son"], False),
    ("peds", ["parent"], False),
    ("edfu", ["self", "self", "spouse"], False),
    ("ucb", ["self", "parent"], False),
    ("poison", ["parent", "parent", "aide"], False),
    ("pharmacist", ["pharmacist"], False),
    ("aide", ["aide"], False),
    ("hospice", ["daughter", "son", "family"], False),
    ("ai_intake", ["self", "parent", "spouse"], True),
]

EXTRA_POOL = (["ssn"] * 5 + ["last4"] * 4 + ["card"] * 6 + ["email"] * 6 + ["address"] * 4 + ["zip"] * 3
              + ["mrn"] * 6 + ["member"] * 3 + ["mbi"] * 2 + ["date"] * 3)


def build_call(r, scen_idx, extras_for, patch=False):
    rng = r.rng
    name, rels, ai = SCENARIOS[scen_idx]
    rel = rng.choice(rels)
    sc = "answering" if name == "ai_intake" else name
    if name == "ai_intake" and rel == "parent":
        sc = "peds"
    c = Call(r, sc, rel)
    src = []
    blk_open(c, ai)
    if sc == "pharmacist":
        blk_reason(c, src)
        for e in extras_for:
            if e in ("mrn", "member", "last4"):
                blk_extra(c, e)
        A, C, P = sayers(r)
        A("I'll have Dr. %s call the pharmacy within %s." % (c.prov("prev", "A"), r.neg("duration", "A", rng.choice([4, 7]))))
        C("Thanks, appreciate it.")
    else:
        if sc in ("poison", "hospice"):
            blk_reason(c, src)
            blk_identity(c, ai)
        elif sc in ("edfu", "ucb"):
            blk_reason(c, src)
        else:
            blk_identity(c, ai)
            blk_reason(c, src)
        if sc != "edfu" or rng.random() < 0.4:
            blk_callback(c, ai)
        done = []
        for e in extras_for:
            alt = {"edfu": {"ssn": "last4", "card": "date"},
                   "hospice": {"card": "mbi", "last4": "ssn"},
                   "poison": {"card": "address", "ssn": "zip", "member": "zip", "last4": "zip", "mrn": "email",
                              "mbi": "zip", "date": "email"},
                   "aide": {"card": "mbi"}}.get(sc, {})
            e = alt.get(e, e)
            if e in done or (e == "zip" and "address" in done) or (e == "address" and "zip" in done):
                continue
            done.append(e)
            blk_extra(c, e)
        if sc == "hospice":
            A, C, P = sayers(r)
            A("The nurse is %s. She'll call you at %s when she's on the way." % (
                r.NAME({"first": rng.choice(FIRST_F), "last": ""}, "first", "same", "A"),
                r.PHONE(c.caller["phone"], "prev", "A")))
            C("Thank you.")
        elif sc == "poison":
            A, C, P = sayers(r)
            A("I'll call you back in %s to check on %s. If anything changes before that, our number is %s." % (
                r.neg("duration", "A", 4), c.obj, r.neg("poison", "A")))
            C("Okay, thank you so much.")
        else:
            blk_close(c, ai)
    if patch and not ai and c.short:
        blk_patch(c)
    return c, src, name


# ---------------------------------------------------------------------------
# transcripts
# ---------------------------------------------------------------------------
LABELS = [
    # agent, caller, provider, numbers, case, punctuation
    ("Operator:", "Caller:", "Provider:", "words", "sentence", True),
    ("[operator]", "[caller]", "[provider]", "words", "lower", False),
    ("AGENT:", "CALLER:", "ONCALL:", "words", "upper", False),
    ("Speaker 0:", "Speaker 1:", "Speaker 2:", "smart", "sentence", True),
    ("spk_0:", "spk_1:", "spk_2:", "mixed", "sentence", True),
    ("Nurse:", "Caller:", "Doctor:", "words", "sentence", True),
    ("A:", "B:", "C:", "mixed", "lower", False),
    ("[nurse]", "[caller]", "[doctor]", "words", "lower", False),
    ("Answering Service:", "Caller:", "On Call:", "mixed", "sentence", True),
    ("TRIAGE RN:", "CALLER:", "MD:", "words", "upper", False),
    ("ch_0:", "ch_1:", "ch_2:", "words", "lower", False),
    ("Agent:", "Customer:", "Physician:", "mixed", "sentence", True),
]
AI_LABELS = [("assistant:", "user:"), ("Agent (AI):", "Caller:"), ("bot:", "human:"), ("AI:", "User:")]


def make_transcript(rid, rng, scen_idx, extras):
    r = Rec(rng)
    name = SCENARIOS[scen_idx][0]
    ai = SCENARIOS[scen_idx][2]
    lp = None
    if ai:
        la, lc = rng.choice(AI_LABELS)
        cnum, ccase, cp = rng.choice([("words", "lower", False), ("words", "sentence", True), ("mixed", "sentence", True)])
        r.sides = {"A": {"num": "llm", "case": "sentence", "punct": True},
                   "C": {"num": cnum, "case": ccase, "punct": cp}}
    else:
        la, lc, lp, num, case, punct = rng.choice(LABELS)
        if name == "poison" and la in ("Operator:", "Nurse:"):
            la = "Poison Specialist:"
        st = {"num": num, "case": case, "punct": punct}
        r.sides = {"A": dict(st), "C": dict(st), "P": dict(st)}
    patch = name in ("answering", "peds", "aide", "hospice") and rng.random() < 0.4
    c, src, kind = build_call(r, scen_idx, extras, patch=patch)
    ts = rng.random() < 0.25
    t0 = rng.randint(0, 20)
    lines = []
    for side, text in r.turns[:40]:
        lab = {"A": la, "C": lc, "P": lp}[side]
        line = lab + " " + style_text(text, r.sides[side])
        if ts:
            lines.append("[00:%02d:%02d] " % (t0 // 60, t0 % 60) + line)
            t0 += rng.randint(2, 14)
        else:
            lines.append(line)
    raw = "\n".join(lines)
    text, spans, negs = r.resolve(raw, False)
    rec = {"id": rid, "format": "transcript", "kind": "transcript_" + kind + ("_patch" if patch else ""), "text": text,
           "spans": spans, "negatives": negs}
    return rec, src


# ---------------------------------------------------------------------------
# JSON payloads
# ---------------------------------------------------------------------------
def summary_for(r, c, camel=False):
    """LLM-written message-taking summary (prose) and structured fields (side S)."""
    rng = r.rng
    pt, cl = c.pt, c.caller
    S = "S"
    extra_neg = {"peds": lambda: "temp %s after acetaminophen" % r.neg("temp", S),
                 "poison": lambda: "child approx %s" % r.neg("kidweight", S) if pt["kind"] == "child"
                 else "BP %s" % r.neg("bp", S),
                 "aide": lambda: "BP %s" % r.neg("bp", S),
                 "pharmacist": lambda: "ordered %s" % r.neg("adultdose", S),
                 "ucb": lambda: "amoxicillin %s BID" % r.neg("adultdose", S, 4)}.get(c.scenario, lambda: "temp %s" % r.neg("temp", S))
    reason = "%s (%s)" % (c.short or "message for on-call provider", extra_neg())
    who = "" if c.self_ else " Caller: %s (%s)." % (r.NAME(cl, "full", "same", S), c.rel)
    k = rng.randint(0, 2)
    if k == 0:
        prose = "Message for Dr. %s: %s, DOB %s, %s.%s Callback %s." % (
            c.prov("same", S), r.NAME(pt, "full", "same", S), r.DATEV("DOB", pt["dob"], "same", S), reason, who,
            r.PHONE(cl["phone"], "same", S))
    elif k == 1:
        prose = "Patient %s (DOB %s) - %s.%s Best callback number: %s. Urgency: %s." % (
            r.NAME(pt, "full", "same", S), r.DATEV("DOB", pt["dob"], "same", S), reason, who,
            r.PHONE(cl["phone"], "same", S), rng.choice(["routine", "urgent", "same night"]))
    else:
        prose = "The caller%s called about %s, born %s. Reason: %s. They can be reached at %s. Paged on-call pager %s." % (
            "" if c.self_ else ", " + r.NAME(cl, "full", "same", S) + " (" + c.rel + "),",
            r.NAME(pt, "full", "same", S), r.DATEV("DOB", pt["dob"], "same", S), reason,
            r.PHONE(cl["phone"], "same", S), r.neg("pager", S))
    v = c.vals
    if "email" in v:
        prose += " Email: %s." % r.EMAIL(v["email"], "same", S)
    if "date" in v:
        prose += " %s date: %s." % (cap(v["date"][0]), r.DATEV("DATE", v["date"][1], "same", S))
    key = (lambda a, b: b) if camel else (lambda a, b: a)
    fields = collections.OrderedDict()
    fields[key("patient_name", "patientName")] = r.NAME(pt, "full", "same", S)
    fields[key("date_of_birth", "dateOfBirth")] = r.DATEV("DOB", pt["dob"], "same", S)
    fields[key("callback_number", "callbackNumber")] = r.PHONE(cl["phone"], "same", S)
    if not c.self_:
        fields[key("caller_name", "callerName")] = r.NAME(cl, "full", "same", S)
        fields[key("caller_relationship", "callerRelationship")] = c.rel
    if "mrn" in v or rng.random() < 0.3:
        fields["mrn"] = r.ID("MRN", pt["mrn"], "same", S)
    if "email" in v:
        fields["email"] = r.EMAIL(v["email"], "same", S)
    if "zip" in v:
        fields[key("zip_code", "zipCode")] = r.ZIP(pt["zip"], "same", S)
    if "address" in v:
        fields[key("home_address", "homeAddress")] = "%s, %s %s" % (
            r.STREET(pt["addr"], "same", S), r.CITY(pt["city"], "same", S), r.ZIP(pt["zip"], "same", S))
    if "member" in v:
        fields[key("member_id", "memberId")] = r.ID("MEMBER_ID", pt["member"], "same", S)
    if "mbi" in v:
        fields[key("medicare_id", "medicareId")] = r.ID("MBI", pt["mbi"], "same", S)
    if "npi" in v:
        fields[key("prescriber_npi", "prescriberNpi")] = r.ID("NPI", pt["npi"], "same", S)
    if "date" in v:
        fields[key(v["date"][0] + "_date", v["date"][0] + "Date")] = r.DATEV("DATE", v["date"][1], "same", S, force="written")
    fields["reason"] = c.short or "message for on-call provider"
    fields["urgent"] = rng.random() < 0.4
    fields[key("on_call_provider", "onCallProvider")] = "Dr. " + c.prov("same", S)
    fields[key("message_id", "messageId")] = "MSG-%06d" % rng.randint(0, 999999)
    return prose, fields


def make_json(rid, rng, scen_idx, extras, profile):
    r = Rec(rng)
    if profile in ("vapi", "retell", "signalwire"):
        cnum = {"vapi": rng.choice(["mixed", "smart", "words"]), "retell": rng.choice(["words", "mixed"]),
                "signalwire": "words"}[profile]
        r.sides = {"A": {"num": "llm", "case": "sentence", "punct": True},
                   "C": {"num": cnum, "case": "sentence", "punct": True}}
        ai = True
    else:
        num = {"deepgram": rng.choice(["smart", "words", "words"]), "transcribe": rng.choice(["mixed", "words"])}[profile]
        case = "lower" if (profile == "deepgram" and num == "words" and rng.random() < 0.5) else "sentence"
        st = {"num": num, "case": case, "punct": case != "lower"}
        r.sides = {"A": dict(st), "C": dict(st)}
        ai = False
    r.sides["S"] = {"num": "written", "case": "sentence", "punct": True}
    name = SCENARIOS[scen_idx][0]
    if ai and name not in ("ai_intake",):
        scen_idx = [s[0] for s in SCENARIOS].index("ai_intake") if rng.random() < 0.5 else scen_idx
    c, src, kind = build_call(r, scen_idx, extras)
    turns = [(side, style_text(text, r.sides[side])) for side, text in r.turns[:40]]
    call_id = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                               rng.getrandbits(12), rng.getrandbits(48))
    t = 0.0
    times = []
    for side, text in turns:
        d = round(1.2 + len(text) / 14.0 + rng.random(), 2)
        times.append((round(t, 2), round(t + d, 2)))
        t += d + round(rng.random() * 0.8, 2)
    if profile == "vapi":
        prose, fields = summary_for(r, c, camel=True)
        msgs = [{"role": "system", "message": "You are the after-hours answering assistant. Take a message for the on-call provider."}]
        for (side, text), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if side == "A" else "user", "message": text, "time": 1718900000000 + int(a * 1000),
                         "endTime": 1718900000000 + int(b * 1000), "secondsFromStart": a, "duration": round(b - a, 2)})
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": call_id, "type": "inboundPhoneCall", "orgId": "org_after_hours",
                                    "customer": {"number": r.E164(c.caller["phone"])}},
                           "artifact": {"messages": msgs,
                                        "transcript": "\n".join(("AI: " if s == "A" else "User: ") + x for s, x in turns)},
                           "analysis": {"summary": prose, "structuredData": fields, "successEvaluation": "true"},
                           "durationSeconds": round(t, 1), "cost": round(0.05 + t / 600.0, 4)}}
    elif profile == "retell":
        prose, fields = summary_for(r, c)
        obj = {"event": "call_analyzed",
               "call": {"call_id": call_id, "agent_id": "agent_%012x" % rng.getrandbits(48), "call_type": "phone_call",
                        "call_status": "ended", "direction": "inbound",
                        "from_number": r.E164(c.caller["phone"]),
                        "start_timestamp": 1718900000000 + rng.randint(0, 10 ** 8),
                        "transcript": "\n".join(("Agent: " if s == "A" else "User: ") + x for s, x in turns),
                        "transcript_object": [{"role": "agent" if s == "A" else "user", "content": x,
                                               "words": []} for s, x in turns],
                        "call_analysis": {"call_summary": prose, "user_sentiment": rng.choice(["Neutral", "Negative"]),
                                          "call_successful": True, "custom_analysis_data": fields},
                        "disconnection_reason": "user_hangup"}}
    elif profile == "signalwire":
        prose, fields = summary_for(r, c)
        log = [{"role": "system", "content": "After-hours message taking for the on-call provider."}]
        for (side, text), (a, b) in zip(turns, times):
            log.append({"role": "assistant" if side == "A" else "user", "content": text,
                        "start_timestamp": int(a * 1e6), "end_timestamp": int(b * 1e6)})
        obj = {"action": "post_conversation", "app_name": "after_hours_triage", "ai_session_id": call_id,
               "caller_id_name": r.CNAM(c.caller),
               "caller_id_num": r.E164(c.caller["phone"]),
               "call_log": log,
               "post_prompt_data": {"raw": prose, "substituted": prose, "parsed": [fields]},
               "total_minutes": round(t / 60.0, 2)}
    elif profile == "deepgram":
        prose, _ = summary_for(r, c)
        utts = []
        for i, ((side, text), (a, b)) in enumerate(zip(turns, times)):
            utts.append({"start": a, "end": b, "confidence": round(0.82 + rng.random() * 0.17, 4), "channel": 0,
                         "transcript": text, "speaker": 0 if side == "A" else 1, "id": "%08x" % rng.getrandbits(32)})
        obj = {"metadata": {"request_id": call_id, "created": "2024-06-20T03:%02d:%02dZ" % (rng.randint(0, 59), rng.randint(0, 59)),
                            "duration": round(t, 3), "channels": 1, "models": ["nova-2-phonecall"]},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(x for _, x in turns),
                                                           "confidence": round(0.9 + rng.random() * 0.09, 4)}]}],
                           "utterances": utts,
                           "summary": {"result": "success", "short": prose}}}
    else:  # transcribe
        segs = []
        for i, ((side, text), (a, b)) in enumerate(zip(turns, times)):
            segs.append({"id": i, "transcript": text, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                         "speaker_label": "spk_0" if side == "A" else "spk_1", "items": []})
        obj = {"jobName": "afterhours-%s" % call_id[:8], "accountId": "000000000000", "status": "COMPLETED",
               "results": {"language_code": "en-US",
                           "transcripts": [{"transcript": " ".join(x for _, x in turns)}],
                           "audio_segments": segs}}
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = r.resolve(raw, True)
    rec = {"id": rid, "format": "json", "profile": profile, "kind": "%s_%s" % (profile, kind), "text": text,
           "spans": spans, "negatives": negs}
    return rec, src


# ---------------------------------------------------------------------------
# generation
# ---------------------------------------------------------------------------
def generate(seed, n):
    plan = random.Random("holdout37-plan-%d" % seed)
    n_json = int(round(n * 0.45))
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    plan.shuffle(fmts)
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    pool = []
    out = []
    srcs = collections.Counter()
    for i in range(n):
        rng = random.Random("holdout37-%d-%d" % (seed, i))
        scen_idx = i % len(SCENARIOS)
        k = 2 if rng.random() < 0.6 else 3
        extras = []
        while len(extras) < k:
            if not pool:
                pool = list(EXTRA_POOL)
                plan.shuffle(pool)
            e = pool.pop()
            if e not in extras and not (e == "address" and "zip" in extras) and not (e == "zip" and "address" in extras):
                extras.append(e)
        rid = "h37-%04d" % (i + 1)
        if fmts[i] == "json":
            rec, src = make_json(rid, rng, scen_idx, extras, profiles[i % 5])
        else:
            rec, src = make_transcript(rid, rng, scen_idx, extras)
        for s in src:
            srcs[s] += 1
        out.append(rec)
    return out


# ---------------------------------------------------------------------------
# normalisation + checking
# ---------------------------------------------------------------------------
W_ONES = {w: i for i, w in enumerate(ONES)}
W_ONES.update({"oh": 0, "o": 0})
W_TEENS = {w: 10 + i for i, w in enumerate(TEENS)}
W_TENS = {w: 10 * i for i, w in enumerate(TENS) if w}
W_ORD = {w: i for i, w in enumerate(ORD) if w}
W_ORD["thirtieth"] = 30
HOMO = {"for": "4", "to": "2", "too": "2", "ate": "8"}
FILLERS = {"uh", "um", "er", "ah", "erm", "hmm", "mm", "and", "dash", "hyphen", "the", "of", "number", ","}
NATO_MAP = {w: chr(65 + i) for i, w in enumerate(NATO)}
NATO_MAP["xray"] = "X"
NATO_MAP["juliett"] = "J"
MONTH_MAP = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
MONTH_MAP.update({m.lower(): i + 1 for i, m in enumerate(MON_ABBR)})


def parse_num(toks, i, homo=False):
    n = len(toks)
    t = toks[i]
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)?", t)
    if m:
        return m.group(1), i + 1
    if t in ("double", "triple") and i + 1 < n and (toks[i + 1] in W_ONES or re.fullmatch(r"\d", toks[i + 1])):
        d = str(W_ONES[toks[i + 1]]) if toks[i + 1] in W_ONES else toks[i + 1]
        return d * (2 if t == "double" else 3), i + 2
    if homo and t in HOMO:
        return HOMO[t], i + 1
    if t in W_ORD:
        return str(W_ORD[t]), i + 1
    if t in W_TEENS:
        return str(W_TEENS[t]), i + 1
    if t in W_TENS:
        v = W_TENS[t]
        if i + 1 < n and toks[i + 1] in W_ONES and toks[i + 1] not in ("zero", "oh", "o"):
            return str(v + W_ONES[toks[i + 1]]), i + 2
        if i + 1 < n and toks[i + 1] in W_ORD and W_ORD[toks[i + 1]] < 10:
            return str(v + W_ORD[toks[i + 1]]), i + 2
        return str(v), i + 1
    if t in W_ONES:
        d = W_ONES[t]
        j = i + 1
        if d and j < n and toks[j] in ("hundred", "thousand"):
            v = d * (100 if toks[j] == "hundred" else 1000)
            big = toks[j] == "thousand"
            j += 1
            if big and j + 1 < n and toks[j] in W_ONES and W_ONES[toks[j]] and toks[j + 1] == "hundred":
                v += W_ONES[toks[j]] * 100
                j += 2
            if j < n and toks[j] == "and" and j + 1 < n:
                j += 1
            if j < n:
                sub = None
                if toks[j] in W_TEENS or toks[j] in W_TENS or toks[j] in W_ORD or (toks[j] in W_ONES and W_ONES[toks[j]]):
                    sub = parse_num(toks, j)
                if sub and int(sub[0]) < 100:
                    v += int(sub[0])
                    j = sub[1]
            return str(v), j
        return str(d), j
    return None


def tokens(text, keep=""):
    text = text.lower().replace("…", " ").replace("x-ray", "xray")
    text = re.sub(r"\.\.\.|[,;!?]", " , ", text)
    text = re.sub(r"[()/+%s]" % ("" if "-" in keep else "\\-"), " ", text)
    if "." not in keep:
        text = re.sub(r"\.", " ", text)
    return text.split()


def norm_digits(text):
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t in FILLERS or t in ("a", "m", "p"):
            i += 1
            continue
        p = parse_num(toks, i, homo=True)
        if p is None:
            return None
        out.append(p[0])
        i = p[1]
    return "".join(out)


def norm_alnum(text):
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t in ("uh", "um", "dash", "hyphen", ","):
            i += 1
            continue
        if t in NATO_MAP:
            out.append(NATO_MAP[t]); i += 1
            continue
        p = parse_num(toks, i)
        if p is not None:
            out.append(p[0]); i = p[1]
            continue
        if re.fullmatch(r"[a-z0-9]+", t) and (len(t) <= 3 or re.search(r"\d", t)):
            out.append(t.upper()); i += 1
            continue
        return None
    return "".join(out)


def norm_email(text):
    if "@" in text:
        return text.lower().strip()
    toks = text.lower().replace(",", " ").replace("...", " ").split()
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t in ("uh", "um", "sign"):
            i += 1
            continue
        mp = {"at": "@", "dot": ".", "period": ".", "underscore": "_", "dash": "-", "hyphen": "-"}
        if t in mp:
            out.append(mp[t]); i += 1
            continue
        if re.fullmatch(r"([a-z0-9]-)+[a-z0-9]", t):
            out.append(t.replace("-", "")); i += 1
            continue
        p = parse_num(toks, i)
        if p is not None and t not in ("o",):
            out.append(p[0]); i = p[1]
            continue
        out.append(t); i += 1
    return "".join(out)


def norm_letters(text):
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t == ",":
            i += 1
            continue
        if t in NATO_MAP:
            out.append(NATO_MAP[t])
        elif len(t) == 1 and t.isalpha():
            out.append(t.upper())
        else:
            return None
        i += 1
    return "".join(out)


def date_ok(text, iso):
    d = datetime.date.fromisoformat(iso)
    if text.strip() == iso:
        return True
    toks = tokens(text)
    month = None
    groups = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in MONTH_MAP:
            month = MONTH_MAP[t]; i += 1
            continue
        if t in FILLERS:
            i += 1
            continue
        p = parse_num(toks, i)
        if p is None:
            return False
        groups.append(p[0]); i = p[1]
    ys = {str(d.year), "%02d" % (d.year % 100)}
    if month is not None:
        return month == d.month and groups and int(groups[0]) == d.day and "".join(groups[1:]) in ys
    cat = "".join(groups)
    cands = set()
    for mm in (str(d.month), "%02d" % d.month):
        for dd in (str(d.day), "%02d" % d.day):
            for yy in ys:
                cands.add(mm + dd + yy)
    return cat in cands


def value_valid(ent, v):
    if ent == "PHONE":
        return len(v) == 10 and v[0] in "23456789" and v[3:6] == "555" and v[6:8] == "01"
    if ent == "SSN":
        return ssn_valid(v) if len(v) == 9 else (len(v) == 4 and v.isdigit() and v != "0000")
    if ent == "CARD":
        return card_valid(v)
    if ent == "NPI":
        return npi_valid(v)
    if ent == "MBI":
        return mbi_valid(v)
    if ent == "ZIP":
        return v.isdigit() and len(v) in (5, 9) and v[:5] != "00000"
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return 1920 <= d.year <= REF_YEAR
    if ent in ("MRN", "MEMBER_ID"):
        return bool(re.fullmatch(r"[A-Z0-9]{6,14}", v)) and any(c.isdigit() for c in v)
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}", v))
    if ent in ("NAME", "CITY"):
        return bool(v) and all(ch.isalpha() or ch in " '-" for ch in v)
    if ent == "STREET":
        return bool(re.fullmatch(r"\d{1,5} [A-Za-z ]+", v))
    return False


def span_matches(s, text):
    ent, v = s["entity"], s["value"]
    if ent == "PHONE":
        d = norm_digits(text)
        return d in (v, "1" + v)
    if ent in ("SSN", "CARD", "ZIP", "NPI"):
        return norm_digits(text) == v
    if ent in ("MRN", "MEMBER_ID", "MBI"):
        return norm_alnum(text) == v
    if ent in ("DOB", "DATE"):
        return date_ok(text, v)
    if ent == "EMAIL":
        return norm_email(text) == v
    if ent == "NAME":
        if s["form"].startswith("spelled"):
            return norm_letters(text) == v
        f = lambda x: "".join(ch for ch in x.casefold() if ch.isalpha())
        return f(text) == f(v)
    if ent == "CITY":
        return text.casefold() == v.casefold()
    if ent == "STREET":
        num, name = v.split(" ", 1)
        toks = tokens(text)
        lead = []
        i = 0
        while i < len(toks):
            p = parse_num(toks, i)
            if p is None:
                break
            lead.append(p[0]); i = p[1]
        return "".join(lead) == num and name.casefold() in text.casefold()
    return False


ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"]
NEG_WHATS = sorted({w for w, _ in NEG.values()} | {"common_word"})
LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_]+\]|[A-Za-z][A-Za-z0-9_ ()]*:) \S")


def string_ranges(raw):
    """char ranges (open quote, close quote) of every JSON string token."""
    out = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def check(records):
    errs = []
    seen = set()
    for r in records:
        rid = r.get("id")
        def bad(msg):
            errs.append("%s: %s" % (rid, msg))
        if rid in seen:
            bad("duplicate id")
        seen.add(rid)
        for k in ("id", "format", "kind", "text", "spans", "negatives"):
            if k not in r:
                bad("missing " + k)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                bad("%d turns" % len(lines))
            for ln in lines:
                if not ln.strip() or not LABEL_RE.match(ln):
                    bad("bad line %r" % ln[:60])
            if text.endswith("\n"):
                bad("trailing newline")
        elif r["format"] == "json":
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                bad("bad profile")
            try:
                obj = json.loads(text)
            except ValueError as e:
                bad("json: %s" % e)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                bad("not compact json")
            b2c = []
            for ci, ch in enumerate(text):
                b2c.extend([ci] * len(ch.encode("utf-8")))
            b2c.append(len(text))
            ranges = string_ranges(text)
        else:
            bad("bad format")
        occ = []
        for s in r["spans"]:
            for k in ("start", "end", "entity", "spoken", "cue", "form"):
                if k not in s:
                    bad("span missing " + k)
            if not (0 <= s["start"] < s["end"] <= len(b)):
                bad("span offsets")
                continue
            try:
                val = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                bad("span splits a character")
                continue
            if val != val.strip() or not val:
                bad("span has edge whitespace %r" % val)
            if s["entity"] not in ENTITIES:
                bad("entity " + s["entity"])
            if s["cue"] not in ("same", "prev", "none"):
                bad("cue")
            if not isinstance(s["spoken"], bool):
                bad("spoken")
            if r["format"] == "json":
                val_src = json.loads('"%s"' % val)
                cs, ce = b2c[s["start"]], b2c[s["end"]]
                if not any(a < cs and ce <= z for a, z in ranges):
                    bad("span outside a JSON string")
            else:
                val_src = val
            if not value_valid(s["entity"], s.get("value", "")):
                bad("invalid value %s %r" % (s["entity"], s.get("value")))
            elif not span_matches(s, val_src):
                bad("span text %r does not render %s %r" % (val_src, s["entity"], s.get("value")))
            if s["spoken"] != bool(re.search(r"[A-Za-z]", val_src)) and s["entity"] in ("PHONE", "SSN", "CARD", "ZIP", "NPI"):
                bad("spoken flag vs text %r" % val_src)
            occ.append((s["start"], s["end"], "span"))
        for ng in r["negatives"]:
            if ng.get("what") not in NEG_WHATS:
                bad("neg what %s" % ng.get("what"))
            if not (0 <= ng["start"] < ng["end"] <= len(b)):
                bad("neg offsets")
                continue
            if r["format"] == "json":
                cs, ce = b2c[ng["start"]], b2c[ng["end"]]
                if not any(a < cs and ce <= z for a, z in ranges):
                    bad("negative outside a JSON string")
            occ.append((ng["start"], ng["end"], "neg"))
        occ.sort()
        for x, y in zip(occ, occ[1:]):
            if y[0] < x[1]:
                bad("overlap %r %r" % (x, y))
    return errs


def stats(records, out=sys.stdout):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fm = collections.Counter()
    for r in records:
        kinds[r["kind"]] += 1
        fm[r["format"] + ("/" + r["profile"] if r.get("profile") else "")] += 1
        for s in r["spans"]:
            sp = "spoken" if s["spoken"] else "written"
            c[(s["entity"], sp, s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    p = lambda *a: print(*a, file=out)
    p("records: %d  (%s)" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fm.items()))))
    p("")
    p("| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |")
    p("|---|---:|---:|---:|---|---|")
    tot = collections.Counter()
    for e in ENTITIES:
        sp = sum(c[(e, "spoken", q)] for q in ("same", "prev", "none"))
        wr = sum(c[(e, "written", q)] for q in ("same", "prev", "none"))
        tot["spoken"] += sp
        tot["written"] += wr
        p("| %s | %d | %d | %d | %s | %s |" % (e, sp + wr, sp, wr,
                                               "/".join(str(c[(e, "spoken", q)]) for q in ("same", "prev", "none")),
                                               "/".join(str(c[(e, "written", q)]) for q in ("same", "prev", "none"))))
    p("| **all** | %d | %d | %d | | |" % (tot["spoken"] + tot["written"], tot["spoken"], tot["written"]))
    p("")
    p("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    p("")
    p("kinds: %s" % ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    p("")
    p("forms (%d distinct):" % len(forms))
    for e in ENTITIES:
        fs = sorted(((f, n) for (ee, f), n in forms.items() if ee == e), key=lambda x: (-x[1], x[0]))
        if fs:
            p("  %s: %s" % (e, ", ".join("%s %d" % fn for fn in fs)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--stats", action="store_true", help="print counts for the generated corpus")
    ap.add_argument("--check", nargs="+", metavar="FILE", help="re-validate committed files (+ stats)")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        recs.append(json.loads(line))
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        stats(recs)
        print("\n%s: %d records, %d errors" % ("FAIL" if errs else "OK", len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        errs = check(recs)
        stats(recs)
        print("\nself-check: %d errors" % len(errs))
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
