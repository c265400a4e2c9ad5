#!/usr/bin/env python3
"""holdout11: a week of voice-AI calls for clinics and health plans, with injected fictitious PHI.

Standard library only, deterministic for a given --seed (independent of PYTHONHASHSEED).

  python3 gen_holdout11.py [--seed 20261211] [--n 150] > holdout11.jsonl
  python3 gen_holdout11.py --stats                  # counts of a fresh generation
  python3 gen_holdout11.py --check holdout11.jsonl  # validate a file (+ its counts)
"""
import argparse
import collections
import csv
import json
import os
import random
import re
import sys

DEFAULT_SEED = 20261211

# ---------------------------------------------------------------- vocab

FIRST = ["Dana", "Maria", "Tomasz", "Aisha", "Kwame", "Mei", "Rahul", "Priya", "Oluwaseun", "Carmen",
         "Diego", "Fatima", "Hiroshi", "Ingrid", "Jamal", "Keiko", "Liam", "Nadia", "Omar", "Paulette",
         "Quentin", "Rosa", "Sergei", "Thanh", "Ursula", "Valentina", "Wendell", "Ximena", "Yusuf", "Zofia",
         "Beatriz", "Colleen", "Darnell", "Esperanza", "Farid", "Gloria", "Hamza", "Imani", "Javier", "Kateryna",
         "Lucinda", "Marcus", "Nkechi", "Orlando", "Patrice", "Ramona", "Siobhan", "Tariq", "Vikram", "Winifred",
         "Anh", "Bogdan", "Chioma", "Dolores", "Emeka", "Francesca", "Gustavo", "Hye-jin", "Ifeoma", "Jorge",
         "Lakshmi", "Mohammed", "Noor", "Pedro", "Renata", "Soo-ah", "Teodoro", "Yolanda", "Earl", "Bernice",
         "Shirley", "Harold", "Gwen", "Arturo", "Maribel", "Desmond", "Latoya", "Raymond", "Agnieszka", "Kofi"]
LAST = ["Reyes", "Okafor", "Nguyen", "Kowalski", "Haddad", "Patel", "Mensah", "Tanaka", "Lindqvist", "Castillo",
        "Abernathy", "Brennan", "Chaudhry", "Delacroix", "Eze", "Fitzgerald", "Gonzales", "Horvath", "Ibrahim",
        "Jablonski", "Kim", "Lombardi", "Mahmoud", "Novak", "Oyelaran", "Petrov", "Quintero", "Rasmussen",
        "Santiago", "Takahashi", "Underwood", "Vasquez", "Washington", "Yilmaz", "Zielinski", "Adeyemi", "Bui",
        "Carmichael", "Dubois", "Esposito", "Fontaine", "Gutierrez", "Hollis", "Iyer", "Jankowski", "Kaur",
        "Lefebvre", "Moreno", "Nakamura", "Ortiz", "Pham", "Ruiz", "Sandoval", "Thompson", "Mbeki", "Whitfield",
        "Alvarado", "Baptiste", "Chen", "Dimitrov", "Espinoza", "Friedman", "Greene", "Hashemi", "Jovanovic",
        "Kuznetsov", "Levesque", "McAllister", "Obi", "Park", "Romero", "Sato", "Toussaint", "Villanueva",
        "Wojcik", "Asante", "Begay", "Chavez", "Dlamini", "Ferreira"]
STREETS = ["Elm", "Maple", "Oak", "Cedar", "Pine", "Birch", "Willow", "Sycamore", "Magnolia", "Chestnut",
           "Lincoln", "Jefferson", "Franklin", "Washington", "Madison", "Highland", "Lakeview", "Ridge",
           "Meadowbrook", "Orchard", "Sunset", "Harbor", "Prospect", "Fairview", "Cherry", "Juniper", "Hawthorne",
           "Riverside", "Valley", "Greenwood", "Mill", "Church", "Spring", "Park", "Walnut", "Hillcrest"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Place", "Pl."), ("Way", "Way"), ("Circle", "Cir."),
          ("Terrace", "Ter.")]
AREA = ["212", "312", "415", "503", "617", "713", "206", "305", "404", "602", "720", "919", "216", "412",
        "615", "801", "757", "904", "210", "313", "614", "502", "505", "907", "808", "718", "773", "520"]
ZIPS = ["94110", "60614", "97214", "02139", "77006", "98103", "33133", "30307", "85004", "80205", "27601",
        "44113", "15213", "37206", "84102", "23510", "32204", "78205", "48226", "43215", "40204", "87102",
        "99501", "96813", "11215", "60647", "85705", "10027", "19104", "55408", "53703", "63110", "21218"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net",
           "proton.me", "att.net"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth",
       "thirtieth", "thirty first"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
        "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
        "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu"}
ASIN = {"a": ["apple", "adam"], "b": ["boy", "bravo"], "c": ["cat", "charlie"], "d": ["david", "dog"],
        "e": ["edward", "echo"], "f": ["frank", "fox"], "g": ["george", "golf"], "h": ["henry", "house"],
        "i": ["ida", "igloo"], "j": ["john", "jack"], "k": ["king", "kite"], "l": ["larry", "lion"],
        "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "oscar"], "p": ["peter", "paul"],
        "q": ["queen", "quick"], "r": ["robert", "roger"], "s": ["sam", "sugar"], "t": ["tom", "tango"],
        "u": ["umbrella", "uncle"], "v": ["victor", "violet"], "w": ["william", "water"], "x": ["x-ray", "xavier"],
        "y": ["yellow", "yes"], "z": ["zebra", "zoo"]}
MBI_LET = "ACDEFGHJKMNPQRTUVWXY"  # CMS: no S L O I B Z


# ---------------------------------------------------------------- number words

def dword(d, zero="oh"):
    return zero if d == "0" else ONES[int(d)]


def two(n, zero="oh"):
    """two-digit group as people say it: 05 -> oh five, 17 -> seventeen, 40 -> forty, 42 -> forty two"""
    if n == 0:
        return zero + " " + zero
    if n < 10:
        return zero + " " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def digits_words(s, rng, zero=None, doubles=False):
    zero = zero or rng.choice(["oh", "zero", "o", "oh"])
    out = []
    i = 0
    while i < len(s):
        if doubles and i + 2 < len(s) and s[i] == s[i + 1] == s[i + 2]:
            out.append("triple " + dword(s[i], zero))
            i += 3
        elif doubles and i + 1 < len(s) and s[i] == s[i + 1]:
            out.append("double " + dword(s[i], zero))
            i += 2
        else:
            out.append(dword(s[i], zero))
            i += 1
    return " ".join(out)


def year_words(y, rng):
    if y >= 2000:
        r = y - 2000
        if r == 0:
            return "two thousand"
        return rng.choice(["two thousand ", "two thousand and "]) + (ONES[r] if r < 10 else two(r))
    return two(y // 100) + " " + two(y % 100)


def house_words(n, rng):
    s = str(n)
    if len(s) <= 2:
        return two(n) if n >= 10 else ONES[n]
    if len(s) == 3:
        return ONES[int(s[0])] + " " + two(int(s[1:]))
    if len(s) == 4:
        if s[2:] == "00" and s[1] != "0":
            return two(int(s[:2])) + " hundred"
        return rng.choice([two(int(s[:2])) + " " + two(int(s[2:])), digits_words(s, rng)])
    return digits_words(s, rng)


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


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c


# ---------------------------------------------------------------- values

BANNED_SSN = {"078051120", "123456789", "219099999"}


def new_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))
        if s not in BANNED_SSN:
            return s


def ssn_valid(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000" and s not in BANNED_SSN)


def new_phone(rng):
    return rng.choice(AREA) + "5550" + "1%02d" % rng.randint(0, 99)


def new_npi(rng):
    base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    full = luhn_complete("80840" + base)
    return full[5:]


def npi_valid(s):
    return len(s) == 10 and s.isdigit() and s[0] in "12" and luhn_ok("80840" + s)


def new_card(rng):
    kind = rng.choice(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        p, n = "4", 16
    elif kind == "mc":
        p, n = str(rng.randint(51, 55)), 16
    elif kind == "amex":
        p, n = rng.choice(["34", "37"]), 15
    else:
        p, n = "6011", 16
    body = p + "".join(rng.choice("0123456789") for _ in range(n - 1 - len(p)))
    return luhn_complete(body)


def new_mbi(rng):
    N = "0123456789"
    A = MBI_LET
    AN = A + N
    pat = [("123456789"), A, AN, N, A, AN, N, A, A, N, N]
    return "".join(rng.choice(p) for p in pat)


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                    r"[AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def new_member(rng):
    k = rng.randint(0, 4)
    L = "ABCDEFGHJKMNPRSTUVWXYZ"
    if k == 0:
        return "".join(rng.choice(L) for _ in range(3)) + "".join(rng.choice("0123456789") for _ in range(9))
    if k == 1:
        return "W" + "".join(rng.choice("0123456789") for _ in range(9))
    if k == 2:
        return "".join(rng.choice("0123456789") for _ in range(9)) + "0" + rng.choice("123")
    if k == 3:
        return rng.choice(L) + rng.choice(L) + "".join(rng.choice("0123456789") for _ in range(7))
    return "".join(rng.choice("0123456789") for _ in range(11))


def new_mrn(rng):
    k = rng.randint(0, 2)
    if k == 0:
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(6))
    if k == 1:
        return "".join(rng.choice("0123456789") for _ in range(8))
    return "".join(rng.choice("0123456789") for _ in range(6))


class Person:
    def __init__(self, rng):
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        self.y = rng.randint(1931, 2008)
        self.m = rng.randint(1, 12)
        self.d = rng.randint(1, 28)
        self.phone = new_phone(rng)
        self.ssn = new_ssn(rng)
        self.mrn = new_mrn(rng)
        self.mbi = new_mbi(rng)
        self.member = new_member(rng)
        self.card = new_card(rng)
        self.zip = rng.choice(ZIPS)
        self.house = rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9899),
                                 rng.randint(1, 48) * 100, rng.randint(10000, 24999)])
        self.street = rng.choice(STREETS)
        self.suffix = rng.choice(SUFFIX)
        self.unit = rng.choice([None, None, None, ("apartment", "Apt."), ("unit", "Unit"), ("suite", "Ste.")])
        self.unitno = rng.choice([str(rng.randint(1, 30)), str(rng.randint(1, 4)) + rng.choice("ABCD"),
                                  str(rng.randint(101, 412))])
        sep = rng.choice([".", "_", "", "."])
        tail = rng.choice(["", "", str(self.y % 100).zfill(2), str(rng.randint(1, 99))])
        local = rng.choice([self.first.lower().replace("-", "") + sep + self.last.lower(),
                            self.first[0].lower() + self.last.lower(),
                            self.last.lower() + sep + self.first[0].lower()]) + tail
        self.email_local = local
        self.email_dom = rng.choice(DOMAINS)


# ---------------------------------------------------------------- pieces

class Val:
    def __init__(self, text, entity, spoken, cue, form):
        self.text, self.entity, self.spoken, self.cue, self.form = text, entity, spoken, cue, form


class Neg:
    def __init__(self, text, what):
        self.text, self.what = text, what


def maybe(rng, p):
    return rng.random() < p


FILL = ["uh", "um", "uh", "hmm", "er"]


class Ctx:
    """rendering context for one record: STT style and rng"""

    def __init__(self, rng, style):
        self.rng = rng
        self.style = style  # lower | smart | partial | whisper

    @property
    def written(self):
        return self.style in ("smart", "whisper")


# ---- renderers: each returns (text, spoken, form)

def r_phone(c, num, part=None):
    rng = c.rng
    a, e, l = num[:3], num[3:6], num[6:]
    if part == "area":
        return (a, False, "split_area_digits") if c.written and maybe(rng, .6) else \
            (digits_words(a, rng), True, "split_area_words")
    if part == "rest":
        if c.written and maybe(rng, .6):
            return e + "-" + l, False, "split_rest_dash"
        return digits_words(e, rng, doubles=maybe(rng, .4)) + rng.choice([" ", ", ", " uh "]) + \
            digits_words(l, rng), True, "split_rest_words"
    if part == "last4":
        return (l, False, "last4_digits") if c.written else (digits_words(l, rng), True, "last4_words")
    if c.written and maybe(rng, .75):
        k = rng.randint(0, 6)
        if k == 0:
            return "(%s) %s-%s" % (a, e, l), False, "written_paren"
        if k == 1:
            return "%s-%s-%s" % (a, e, l), False, "written_dash"
        if k == 2:
            return "%s %s %s" % (a, e, l), False, "written_space"
        if k == 3:
            return num, False, "written_run"
        if k == 4:
            return "%s %s %s" % (a, num[3:7], num[7:]), False, "written_odd_grouping_343"
        if k == 5:
            return "+1 %s-%s-%s" % (a, e, l), False, "written_plus1"
        return "%s. %s. %s." % (a, e, l), False, "written_dotted_pauses"
    z = rng.choice(["oh", "zero", "o"])
    k = rng.randint(0, 6)
    if k == 0:
        return ", ".join([digits_words(a, rng, z), digits_words(e, rng, z), digits_words(l, rng, z)]), True, \
            "words_comma_groups"
    if k == 1:
        return digits_words(a, rng, z) + " " + digits_words(e + l, rng, z, doubles=True), True, "words_double_triple"
    if k == 2:
        f = rng.choice(FILL)
        return digits_words(a, rng, z) + " %s " % f + digits_words(e, rng, z) + " %s " % f + \
            digits_words(l, rng, z), True, "words_fillers"
    if k == 3:
        return digits_words(a, rng, z) + " " + e + " " + l, True, "mixed_words_digits"
    if k == 4:
        return digits_words(a, rng, z) + ", " + digits_words(e, rng, z) + ", " + two(int(l[:2]), z) + " " + \
            two(int(l[2:]), z), True, "words_pairs_tail"
    if k == 5:
        wrong = str((int(a[2]) + 3) % 10)
        return digits_words(a[:2], rng, z) + " " + dword(wrong, z) + " " + rng.choice(["no sorry", "sorry no", "wait"]) + \
            " " + digits_words(a, rng, z) + " " + digits_words(e + l, rng, z), True, "words_restart_area"
    return digits_words(a, rng, z) + " " + digits_words(e, rng, z) + " " + digits_words(l, rng, z), True, \
        "words_plain"


def r_ssn(c, s, part=None):
    rng = c.rng
    a, g, sr = s[:3], s[3:5], s[5:]
    if part == "last4":
        if c.written and maybe(rng, .7):
            return sr, False, "last4_digits"
        if maybe(rng, .4):
            return two(int(sr[:2])) + " " + two(int(sr[2:])), True, "last4_pairs"
        return digits_words(sr, rng), True, "last4_words"
    if c.written and maybe(rng, .75):
        k = rng.randint(0, 3)
        return [("%s-%s-%s" % (a, g, sr), False, "written_dash"), ("%s %s %s" % (a, g, sr), False, "written_space"),
                (s, False, "written_run"), ("%s-%s-%s" % (a, g, sr), False, "written_dash")][k]
    z = rng.choice(["oh", "zero", "o"])
    k = rng.randint(0, 4)
    if k == 0:
        return ", ".join([digits_words(a, rng, z), digits_words(g, rng, z), digits_words(sr, rng, z)]), True, \
            "words_comma_groups"
    if k == 1:
        return digits_words(a, rng, z) + " " + two(int(g), z) + " " + two(int(sr[:2]), z) + " " + two(int(sr[2:]), z), \
            True, "words_pairs"
    if k == 2:
        f = rng.choice(FILL)
        return digits_words(a, rng, z) + " " + f + " " + digits_words(g, rng, z) + " " + f + " " + \
            digits_words(sr, rng, z, doubles=True), True, "words_fillers_double"
    if k == 3:
        return digits_words(a, rng, z) + " " + g + " " + sr, True, "mixed_words_digits"
    return digits_words(s, rng, z), True, "words_run"


def r_dob(c, p, part=None):
    rng = c.rng
    y, m, d = p.y, p.m, p.d
    if part == "md":
        if c.written and maybe(rng, .5):
            return "%s %d" % (MONTHS[m - 1].capitalize(), d), False, "split_month_day_written"
        return MONTHS[m - 1] + " " + rng.choice([ORD[d], two(d) if d >= 10 else ONES[d]]), True, "split_month_day_words"
    if part == "year":
        if c.written and maybe(rng, .6):
            return str(y), False, "split_year_digits"
        return year_words(y, rng), True, "split_year_words"
    if c.written and maybe(rng, .7):
        k = rng.randint(0, 5)
        if k == 0:
            return "%02d/%02d/%d" % (m, d, y), False, "written_mdy_slash"
        if k == 1:
            return "%s %d, %d" % (MONTHS[m - 1].capitalize(), d, y), False, "written_month_d_y"
        if k == 2:
            suf = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
            return "%s %d%s, %d" % (MONTHS[m - 1].capitalize(), d, suf, y), False, "written_month_dth_y"
        if k == 3:
            return "%d/%d/%02d" % (m, d, y % 100), False, "written_mdy_short"
        if k == 4:
            return "%d-%d-%d" % (m, d, y), False, "written_mdy_dash"
        return "%s %d %d" % (MON_ABBR[m - 1], d, y), False, "written_abbr"
    k = rng.randint(0, 6)
    yw = year_words(y, rng)
    if k == 0:
        return MONTHS[m - 1] + " " + ORD[d] + " " + yw, True, "words_month_ord_year"
    if k == 1:
        return "the " + ORD[d] + " of " + MONTHS[m - 1] + " " + (two(y % 100) if maybe(rng, .5) else yw), True, \
            "words_the_d_of_m"
    if k == 2:
        z = rng.choice(["oh", "zero"])
        return two(m, z) + " " + two(d, z) + " " + (two(y % 100, z) if maybe(rng, .5) else yw), True, "words_num_mdy"
    if k == 3:
        return (ONES[m] if m < 10 else two(m)) + " " + (ONES[d] if d < 10 else two(d)) + " " + two(y % 100), True, \
            "words_num_mdy_nolead"
    if k == 4:
        return MONTHS[m - 1] + " " + (two(d) if d >= 10 else ONES[d]) + " " + str(y), True, "mixed_month_words_year_digits"
    if k == 5:
        f = rng.choice(FILL)
        return MONTHS[m - 1] + " " + f + " " + ORD[d] + " " + f + " " + yw, True, "words_month_fillers"
    return "%d %d %d" % (m, d, y), False, "digits_space_mdy"


def r_mrn(c, s, part=None):
    rng = c.rng
    if c.written and maybe(rng, .7):
        k = rng.randint(0, 2)
        if k == 0 or len(s) < 7:
            return s, False, "written_run"
        if k == 1:
            h = len(s) // 2
            return s[:h] + "-" + s[h:], False, "written_dash_half"
        return " ".join(s[i:i + 3] for i in range(0, len(s), 3)), False, "written_triplets"
    k = rng.randint(0, 3)
    if k == 0:
        return digits_words(s, rng), True, "words_run"
    if k == 1:
        return digits_words(s, rng, doubles=True), True, "words_double"
    if k == 2:
        h = len(s) // 2
        return digits_words(s[:h], rng) + " " + rng.choice(FILL) + " " + digits_words(s[h:], rng), True, "words_filler_mid"
    return " ".join(two(int(s[i:i + 2])) if len(s[i:i + 2]) == 2 else ONES[int(s[i])] for i in range(0, len(s), 2)), \
        True, "words_pairs"


def spell_alnum(c, s, mode):
    rng = c.rng
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(dword(ch, rng.choice(["oh", "zero"])))
        else:
            lo = ch.lower()
            if mode == "nato":
                out.append(NATO[lo])
            elif mode == "asin":
                out.append(lo + " as in " + rng.choice(ASIN[lo]))
            elif mode == "upper":
                out.append(ch)
            else:
                out.append(lo)
    return out


def r_alnum(c, s, part=None):
    """MBI / member ID spoken or written"""
    rng = c.rng
    if part in ("chunk1", "chunk2"):
        h = 4 if len(s) == 11 else len(s) // 2
        s2 = s[:h] if part == "chunk1" else s[h:]
        if c.written and maybe(rng, .6):
            return s2, False, "written_" + part
        mode = rng.choice(["plain", "nato", "asin"])
        return " ".join(spell_alnum(c, s2, mode)), True, mode + "_" + part
    if c.written and maybe(rng, .65):
        k = rng.randint(0, 2)
        if k == 0 or len(s) != 11:
            return s, False, "written_run"
        if k == 1:
            return s[:4] + "-" + s[4:7] + "-" + s[7:], False, "written_dash_4_3_4"
        return s[:4] + " " + s[4:7] + " " + s[7:], False, "written_space_4_3_4"
    k = rng.randint(0, 4)
    if k == 0:
        return " ".join(spell_alnum(c, s, "plain")), True, "spelled_plain"
    if k == 1:
        return " ".join(spell_alnum(c, s, "nato")), True, "spelled_nato"
    if k == 2:
        parts = spell_alnum(c, s, "asin")
        return ", ".join(parts), True, "spelled_as_in_comma"
    if k == 3:
        # letters spoken, digit runs grouped as digits
        out = []
        run = ""
        for ch in s:
            if ch.isdigit():
                run += ch
            else:
                if run:
                    out.append(run)
                    run = ""
                out.append(ch.lower())
        if run:
            out.append(run)
        return " ".join(out), True, "mixed_letters_digit_runs"
    parts = spell_alnum(c, s, rng.choice(["plain", "nato"]))
    i = rng.randint(2, max(2, len(parts) - 3))
    parts.insert(i, rng.choice(FILL))
    return " ".join(parts), True, "spelled_filler"


def r_card(c, s, part=None):
    rng = c.rng
    if part == "last4":
        if c.written and maybe(rng, .7):
            return s[-4:], False, "last4_digits"
        return digits_words(s[-4:], rng), True, "last4_words"
    if len(s) == 15:
        groups = [s[:4], s[4:10], s[10:]]
    else:
        groups = [s[i:i + 4] for i in range(0, 16, 4)]
    if c.written and maybe(rng, .75):
        k = rng.randint(0, 2)
        return [(" ".join(groups), False, "written_groups"), ("-".join(groups), False, "written_dash"),
                (s, False, "written_run")][k]
    k = rng.randint(0, 3)
    z = rng.choice(["oh", "zero"])
    if k == 0:
        return ", ".join(digits_words(g, rng, z) for g in groups), True, "words_groups_comma"
    if k == 1:
        return " ".join(two(int(g[:2]), z) + " " + two(int(g[2:]), z) if len(g) == 4 else digits_words(g, rng, z)
                        for g in groups), True, "words_pairs"
    if k == 2:
        return (" " + rng.choice(FILL) + " ").join(digits_words(g, rng, z) for g in groups), True, "words_fillers"
    return " ".join(g if i % 2 == 0 else digits_words(g, rng, z) for i, g in enumerate(groups)), True, \
        "mixed_digits_words"


def r_zip(c, z, part=None):
    rng = c.rng
    if c.written and maybe(rng, .75):
        if maybe(rng, .2):
            return z + "-" + "%04d" % rng.randint(1000, 9999), False, "written_zip4"
        return z, False, "written"
    k = rng.randint(0, 2)
    if k == 0:
        return digits_words(z, rng), True, "words_digits"
    if k == 1:
        return digits_words(z[:3], rng) + " " + two(int(z[3:]), "oh"), True, "words_three_then_pair"
    return digits_words(z, rng, doubles=True), True, "words_double"


def r_street(c, p, part=None):
    rng = c.rng
    sfull, sabbr = p.suffix
    unit_sp = unit_wr = ""
    if p.unit:
        u = p.unitno
        if u.isdigit():
            us = spoken_num(int(u)) if int(u) < 100 else ONES[int(u[0])] + " " + two(int(u[1:]))
        else:
            us = " ".join(ONES[int(ch)] if ch.isdigit() else ch.lower() for ch in u)
        unit_sp = " " + p.unit[0] + " " + us
        unit_wr = ", " + p.unit[1] + " " + p.unitno
    if c.written and maybe(rng, .75):
        if maybe(rng, .5):
            return "%d %s %s%s" % (p.house, p.street, sabbr, unit_wr), False, "written_abbr" + ("_unit" if p.unit else "")
        return "%d %s %s%s" % (p.house, p.street, sfull, unit_wr), False, "written_full" + ("_unit" if p.unit else "")
    k = rng.randint(0, 2)
    st = p.street.lower() + " " + sfull.lower()
    if k == 0:
        return house_words(p.house, rng) + " " + st + unit_sp, True, "house_words" + ("_unit" if p.unit else "")
    if k == 1:
        return str(p.house) + " " + st + unit_sp, True, "house_digits_words" + ("_unit" if p.unit else "")
    return digits_words(str(p.house), rng) + " " + rng.choice(FILL) + " " + st + unit_sp, True, \
        "house_digit_by_digit" + ("_unit" if p.unit else "")


def r_email(c, p, part=None):
    rng = c.rng
    local, dom = p.email_local, p.email_dom
    full = local + "@" + dom
    if c.written and maybe(rng, .6):
        return full, False, "written"
    dname, tld = dom.rsplit(".", 1)

    def say_local(mode):
        out = []
        for chunk in re.split(r"([._]|\d+)", local):
            if not chunk:
                continue
            if chunk == ".":
                out.append("dot")
            elif chunk == "_":
                out.append("underscore")
            elif chunk.isdigit():
                out.append(rng.choice([digits_words(chunk, rng), chunk]))
            elif mode == "spell":
                out.append(" ".join(chunk))
            elif mode == "dash":
                out.append("-".join(chunk.upper()))
            else:
                out.append(chunk)
        return " ".join(out)

    dom_sp = dname + " dot " + tld
    k = rng.randint(0, 4)
    if k == 0:
        return say_local("word") + " at " + dom_sp, True, "email_words"
    if k == 1:
        return say_local("spell") + " at " + dom_sp, True, "email_spell_local"
    if k == 2:
        return say_local("dash") + " at " + dom_sp, True, "email_spell_caps_dash"
    if k == 3:
        return say_local("word") + " all one word at " + dom_sp, True, "email_all_one_word"
    return say_local("word") + " at " + dname + " dot " + tld + " " + \
        rng.choice(["no caps", "all lowercase", "lowercase"]), True, "email_lowercase_note"


def r_npi(c, s, part=None):
    rng = c.rng
    if c.written and maybe(rng, .7):
        return (s, False, "written_run") if maybe(rng, .6) else (s[:3] + " " + s[3:6] + " " + s[6:], False,
                                                                   "written_space_3_3_4")
    k = rng.randint(0, 2)
    if k == 0:
        return digits_words(s, rng), True, "words_run"
    if k == 1:
        return digits_words(s[:5], rng) + ", " + digits_words(s[5:], rng), True, "words_fives"
    return digits_words(s[:3], rng) + " " + s[3:6] + " " + digits_words(s[6:], rng, doubles=True), True, "mixed"


def r_name(c, p, part="full", who=None):
    rng = c.rng
    if part == "first":
        t = p.first
    elif part == "last":
        t = p.last
    elif part == "spell_last" or part == "spell_first":
        w = p.last if part == "spell_last" else p.first
        w = w.replace("-", "")
        mode = rng.choice(["plain", "plain", "dash", "nato", "asin", "upper"])
        if mode == "plain":
            return " ".join(w.lower()), True, "spelled_space"
        if mode == "dash":
            return "-".join(w.upper()), True, "spelled_dash_caps"
        if mode == "upper":
            return ". ".join(w.upper()) + ".", True, "spelled_caps_dots"
        if mode == "nato":
            return " ".join(NATO[ch] for ch in w.lower()), True, "spelled_nato"
        return ", ".join(ch + " as in " + rng.choice(ASIN[ch]) for ch in w.lower()), True, "spelled_as_in"
    elif part == "lastfirst":
        t = p.last + ", " + p.first if c.style != "lower" else p.last + " " + p.first
    else:
        t = p.first + " " + p.last
    if c.style == "lower":
        return t.lower(), True, "name_" + part + "_lower"
    return t, True, "name_" + part


def name_written(p, part="full"):
    return {"full": p.first + " " + p.last, "first": p.first, "last": p.last,
            "lastfirst": p.last + ", " + p.first}[part]


# ---------------------------------------------------------------- negatives

def neg(c, what):
    rng = c.rng
    W = c.written
    if what == "dose":
        n = rng.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 500, 750, 1000])
        if W:
            return Neg("%d mg" % n, what)
        return Neg(spoken_num(n) + rng.choice([" milligrams", " milligram", " migs"]), what)
    if what == "blood_pressure":
        s, d = rng.randint(105, 168), rng.randint(62, 98)
        return Neg("%d/%d" % (s, d) if W else spoken_num(s) + " over " + spoken_num(d), what)
    if what == "time":
        h, mi = rng.randint(1, 12), rng.choice([0, 15, 30, 45, 10, 40])
        if W:
            return Neg("%d:%02d %s" % (h, mi, rng.choice(["AM", "PM", "a.m.", "p.m."])), what)
        return Neg(ONES[h] if h < 10 else TEENS[h - 10] if h < 20 else str(h), what) if mi == 0 else \
            Neg((ONES[h] if h < 10 else TEENS[h - 10]) + " " + (two(mi) if mi >= 10 else "oh five"), what)
    if what == "duration":
        n = rng.randint(2, 14)
        u = rng.choice(["days", "weeks", "hours", "months"])
        return Neg(("%d %s" % (n, u)) if W else spoken_num(n) + " " + u, what)
    if what == "money":
        n = rng.choice([15, 25, 40, 45, 60, 120, 250, 35])
        return Neg("$%d.00" % n if W else spoken_num(n) + " dollars", what)
    if what == "room_number":
        n = rng.randint(101, 640)
        return Neg(str(n) if W else ONES[n // 100] + " " + two(n % 100), what)
    if what == "count":
        n = rng.randint(2, 12)
        return Neg(str(n) if W and n >= 10 else spoken_num(n), what)
    if what == "age":
        n = rng.randint(19, 88)
        return Neg(str(n) if W else spoken_num(n), what)
    if what == "appointment_date":
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        if W:
            return Neg("%s %d" % (MONTHS[m - 1].capitalize(), d), what)
        return Neg(MONTHS[m - 1] + " " + ORD[d], what)
    if what == "confirmation_number":
        s = "".join(rng.choice("0123456789") for _ in range(rng.choice([5, 6])))
        return Neg(s if W else digits_words(s, rng), what)
    if what == "order_number":
        s = "".join(rng.choice("0123456789") for _ in range(rng.choice([6, 7])))
        return Neg(s if W else digits_words(s, rng), what)
    if what == "emergency_number":
        return Neg("911" if W else "nine one one", what)
    if what == "menu_option":
        return Neg(rng.choice(["one", "two", "three", "nine", "zero"]) if not W else rng.choice(["1", "2", "3", "9"]),
                   what)
    if what == "lab_value":
        a, b = rng.randint(5, 11), rng.randint(0, 9)
        return Neg("%d.%d" % (a, b) if W else spoken_num(a) + " point " + ONES[b], what)
    if what == "weight":
        n = rng.randint(110, 290)
        return Neg(("%d pounds" % n) if W else spoken_num(n) + " pounds", what)
    if what == "height":
        f, i = rng.randint(4, 6), rng.randint(0, 11)
        return Neg(("%d'%d\"" % (f, i)) if W and maybe(rng, .4) else ONES[f] + " foot " + spoken_num(i) if i else
                   ONES[f] + " foot", what)
    if what == "vital_sign":
        a = rng.choice([99, 100, 101, 102])
        b = rng.randint(1, 9)
        return Neg(("%d.%d" % (a, b)) if W else spoken_num(a) + " point " + ONES[b], what)
    if what == "year":
        y = rng.randint(2015, 2026)
        return Neg(str(y) if W else year_words(y, rng), what)
    raise ValueError(what)


def spoken_num(n):
    if n < 10:
        return ONES[n]
    if n < 100:
        return two(n)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + (two(r) if r >= 10 else ONES[r]))
    if n == 1000:
        return "one thousand"
    return str(n)


# ---------------------------------------------------------------- carrier dialogue

CUE_WORDS = set("""born birthday birth address street avenue road drive lane phone number numbers social security
insurance card zip email mail medicare medicaid member id ssn mrn record chart dob call calling name named mister
miss mrs ms dr doctor nurse apartment suite unit dot com gmail yahoo account policy license plate""".split())
NUMBER_WORDS = set(ONES + TEENS + TENS[2:] + ["hundred", "thousand", "oh", "double", "triple"])


def carrier_dir(arg):
    for d in [arg, os.environ.get("CARRIER_DIR"),
              os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources"),
              "/work/shared/carrier-sources"]:
        if d and os.path.isdir(d):
            return d
    sys.exit("carrier sources not found (use --carrier-dir)")


def load_carriers(d):
    csv.field_size_limit(10 ** 9)
    mts_dialogs = []
    for fn in sorted(os.listdir(os.path.join(d, "mts-dialog"))):
        if fn.endswith(".csv"):
            with open(os.path.join(d, "mts-dialog", fn), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    mts_dialogs.append(row["dialogue"])
    # vocabulary: words seen in lower case, not first in a sentence, in MTS-Dialog (names are capitalised there)
    vocab = collections.Counter()
    for dlg in mts_dialogs:
        for line in dlg.split("\n"):
            body = line.split(":", 1)[-1]
            for sent in re.split(r"[.?!]\s+", body):
                ws = re.findall(r"[A-Za-z']+", sent)
                for w in ws[1:]:
                    if w.islower():
                        vocab[w] += 1
    vocab = {w for w, n in vocab.items() if n >= 3}
    block = {w.lower() for w in FIRST + LAST + STREETS} | set(MONTHS) | CUE_WORDS | {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "dax", "dragon"}

    def ok(text):
        t = text.strip()
        if not t or re.search(r"[0-9<>\[\]$%/@#&*_]", t):
            return False
        ws = re.findall(r"[A-Za-z']+", t)
        if not (3 <= len(ws) <= 32):
            return False
        run = 0
        for w in ws:
            lw = w.lower()
            if lw in block or lw not in vocab and lw != "i" and lw not in ("i'm", "i've", "i'll", "i'd"):
                return False
            if lw in NUMBER_WORDS:
                run += 1
                if run >= 2:
                    return False
            else:
                run = 0
        # MTS capitals only at sentence starts or "I"
        for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z']*)", t):
            if m.group(1) not in ("I", "I'm", "I've", "I'll", "I'd"):
                return False
        return True

    snippets = {"mts": [], "aci": [], "primock": []}

    def harvest(src, turns):
        # turns: [(role, text)] roles doctor/patient; take alternating windows of 2-4 ok turns
        i = 0
        while i < len(turns) - 1:
            win = []
            j = i
            while j < len(turns) and len(win) < 4 and ok(turns[j][1]) and (not win or turns[j][0] != win[-1][0]):
                win.append(turns[j])
                j += 1
            if win and win[-1][0] == "doctor":
                win.pop()
            if len(win) >= 2 and win[0][0] == "doctor":
                snippets[src].append(tuple(win))
                i = j
            else:
                i += 1

    for dlg in mts_dialogs:
        turns = []
        for line in dlg.split("\n"):
            m = re.match(r"\s*(Doctor|Patient):\s*(.*)", line)
            if m:
                turns.append(("doctor" if m.group(1) == "Doctor" else "patient", m.group(2).strip()))
            else:
                turns.append(("other", line))
        harvest("mts", turns)
    for fn in sorted(os.listdir(os.path.join(d, "aci-bench"))):
        if not fn.endswith(".csv"):
            continue
        with open(os.path.join(d, "aci-bench", fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line)
                    if m:
                        turns.append((m.group(1), re.sub(r"\s+([,.?!])", r"\1", m.group(2)).strip()))
                    else:
                        turns.append(("other", line))
                harvest("aci", turns)
    pdir = os.path.join(d, "primock57")
    if os.path.isdir(pdir):
        cons = sorted({fn.rsplit("_", 1)[0] for fn in os.listdir(pdir) if fn.endswith(".TextGrid")})
        for cname in cons:
            ivs = []
            for role in ("doctor", "patient"):
                fn = os.path.join(pdir, "%s_%s.TextGrid" % (cname, role))
                if not os.path.exists(fn):
                    continue
                with open(fn, encoding="utf-8") as f:
                    txt = f.read()
                for m in re.finditer(r'xmin = ([0-9.]+)\s*\n\s*xmax = [0-9.]+\s*\n\s*text = "(.*)"', txt):
                    if m.group(2).strip():
                        ivs.append((float(m.group(1)), role, m.group(2).strip()))
            ivs.sort()
            harvest("primock", [(r, t) for _, r, t in ivs])
    for k in snippets:
        snippets[k].sort()
    return snippets


# ---------------------------------------------------------------- dialogue building

class Rec:
    def __init__(self, c, roles):
        self.c = c
        self.turns = []  # (role, [pieces])
        self.roles = roles

    def say(self, role, *pieces, merge=True):
        if getattr(self, "scen", "") == "interpreter" and role == self.roles[1] and getattr(self, "in_ask", False) \
                and self.c.rng.random() < .6:
            role = "interpreter"
            pieces = list(pieces)
            if pieces and isinstance(pieces[0], str) and pieces[0][:1].isupper() and pieces[0][:2] != "I ":
                pieces[0] = pieces[0][:1].lower() + pieces[0][1:]
            pieces = tuple([self.c.rng.choice(["She says ", "He says ", "Says ", "The patient says "])] + pieces)
        ps = []
        for p in pieces:
            if p is None or p == "":
                continue
            ps.append(p)
        if merge and self.turns and self.turns[-1][0] == role and getattr(self, "scen", "") != "voicemail" \
                and self.c.rng.random() < .75:
            self.turns[-1][1].extend([" "] + ps)
        else:
            self.turns.append((role, ps))


def style_plain(c, s):
    if c.style == "lower":
        s = s.lower()
        s = re.sub(r"[.,?!;:]", "", s)
        s = s.replace(" - ", " ").replace("—", " ")
    elif c.style == "partial":
        s = s.replace("—", "-")
    return s


def render_turn(c, pieces, raw=False):
    """-> list of (str, obj or None) with normalised spacing"""
    out = []
    for p in pieces:
        if isinstance(p, str):
            t = p if raw else style_plain(c, p)
            out.append([t, None])
        else:
            t = p.text
            if not raw and c.style == "lower" and isinstance(p, Val) and p.entity in ("NAME", "STREET", "EMAIL"):
                t = t.lower()
            if isinstance(p, Val):
                p = Val(t, p.entity, p.spoken, p.cue, p.form)
            else:
                p = Neg(t, p.what)
            out.append([t, p])
    # spacing cleanup
    res = []
    prev_end_space = True
    for i, (t, o) in enumerate(out):
        if o is None:
            t = re.sub(r"\s+", " ", t)
            if prev_end_space:
                t = t.lstrip()
            if not t:
                continue
            res.append([t, None])
            prev_end_space = t.endswith(" ")
        else:
            if not prev_end_space and res and res[-1][0] and res[-1][0][-1].isalnum():
                res.append([" ", None])
            res.append([t, o])
            prev_end_space = False
    # strip end
    while res and res[-1][1] is None and not res[-1][0].strip():
        res.pop()
    if res and res[-1][1] is None:
        res[-1][0] = res[-1][0].rstrip()
    for i in range(1, len(res)):
        if res[i][1] is None and res[i - 1][1] is not None and res[i - 1][0].endswith(".") \
                and res[i][0].startswith("."):
            res[i][0] = res[i][0][1:]
    res = [x for x in res if x[0]]
    # ensure no value glued to following word
    fixed = []
    for i, (t, o) in enumerate(res):
        if o is None and fixed and fixed[-1][1] is not None and t and t[0].isalnum():
            t = " " + t
        fixed.append((t, o))
    # capitalise first letter for non-lower styles
    if fixed and c.style != "lower" and fixed[0][1] is None and not raw:
        t = fixed[0][0]
        fixed[0] = (t[:1].upper() + t[1:], None)
    return fixed


# ---- emitter with byte offsets

class Emitter:
    def __init__(self):
        self.buf = []
        self.n = 0
        self.spans = []
        self.negs = []

    def raw(self, s):
        self.buf.append(s)
        self.n += len(s.encode("utf-8"))

    def piece(self, t, o, json_mode=False):
        s = json.dumps(t, ensure_ascii=False)[1:-1] if json_mode else t
        a = self.n
        self.raw(s)
        if o is not None:
            if isinstance(o, Val):
                self.spans.append({"start": a, "end": self.n, "entity": o.entity, "spoken": o.spoken,
                                   "cue": o.cue, "form": o.form})
            else:
                self.negs.append({"start": a, "end": self.n, "what": o.what})

    def text(self):
        return "".join(self.buf)


class Seg:
    """a JSON string value made of rendered pieces"""

    def __init__(self, pieces):
        self.pieces = pieces


def emit_json(em, v):
    if isinstance(v, Seg):
        em.raw('"')
        for t, o in v.pieces:
            em.piece(t, o, json_mode=True)
        em.raw('"')
    elif isinstance(v, dict):
        em.raw("{")
        for i, (k, x) in enumerate(v.items()):
            if i:
                em.raw(",")
            em.raw(json.dumps(k, ensure_ascii=False) + ":")
            emit_json(em, x)
        em.raw("}")
    elif isinstance(v, list):
        em.raw("[")
        for i, x in enumerate(v):
            if i:
                em.raw(",")
            emit_json(em, x)
        em.raw("]")
    else:
        em.raw(json.dumps(v, ensure_ascii=False, separators=(",", ":")))


# ---------------------------------------------------------------- scenarios

ENTS = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "NPI", "MEMBER_ID", "NAME"]

SCEN = {
    # name: (agent role, caller role, org, entity pool, negatives pool, carrier ok)
    "appt_reminder": ("agent", "patient", ["Lakeside Family Medicine", "Northgate Pediatrics", "Harbor View Dermatology",
                                           "Summit Orthopedics"],
                      ["DOB", "PHONE", "ZIP", "EMAIL", "MRN"],
                      ["appointment_date", "time", "menu_option", "duration"], False),
    "after_hours": ("operator", "caller", ["the after-hours answering service for Riverbend Internal Medicine",
                                           "the on-call line for Cedar Valley Pediatrics"],
                    ["PHONE", "DOB", "MRN", "STREET"],
                    ["dose", "vital_sign", "age", "emergency_number", "duration"], True),
    "rx_transfer": ("pharmacist", "pharmacy_tech", ["Eastside Community Pharmacy", "the Mill Road Apothecary",
                                                    "the outpatient pharmacy at St. Brendan's"],
                    ["DOB", "NPI", "PHONE", "STREET", "ZIP"],
                    ["dose", "count", "order_number", "duration"], False),
    "dme_order": ("agent", "caller", ["Keystone Home Medical Supply", "BrightPath DME"],
                  ["MBI", "DOB", "STREET", "ZIP", "PHONE", "NPI"],
                  ["order_number", "weight", "height", "count"], False),
    "prior_auth": ("plan_rep", "office_staff", ["Cascade Health Plan utilization management",
                                                "the prior authorization line at Meridian Care"],
                   ["MEMBER_ID", "NPI", "DOB", "MRN", "PHONE"],
                   ["confirmation_number", "dose", "count", "duration"], False),
    "portal_reset": ("agent", "caller", ["the patient portal help desk", "MyChart support for Ridgeway Health"],
                     ["DOB", "EMAIL", "PHONE", "ZIP", "MRN", "SSN"],
                     ["count", "menu_option", "time", "confirmation_number"], False),
    "transport": ("dispatcher", "caller", ["Metro Medical Transport scheduling", "the ride line for Sunrise Health Plan"],
                  ["STREET", "ZIP", "PHONE", "MEMBER_ID", "MBI", "DOB"],
                  ["time", "weight", "room_number", "appointment_date"], False),
    "interpreter": ("nurse", "patient", ["Westfield Clinic intake", "the cardiology front desk"],
                    ["DOB", "PHONE", "STREET", "MRN", "ZIP"],
                    ["dose", "blood_pressure", "age", "duration"], True),
    "voicemail": ("system", "caller", ["Dr. office voicemail"],
                  ["PHONE", "DOB", "MRN", "MEMBER_ID"],
                  ["time", "appointment_date", "dose"], False),
    "billing": ("agent", "caller", ["patient financial services", "the billing office at Pinecrest Medical Group"],
                ["CARD", "ZIP", "DOB", "MEMBER_ID", "SSN", "STREET"],
                ["money", "confirmation_number", "menu_option", "year"], False),
    "member_services": ("rep", "member", ["Silver Oaks Medicare Advantage member services",
                                          "BlueHarbor Health member services"],
                        ["MBI", "MEMBER_ID", "SSN", "DOB", "STREET", "ZIP", "EMAIL", "CARD", "NPI"],
                        ["money", "count", "year", "menu_option"], False),
    "intake": ("coordinator", "patient", ["new patient registration at Oakridge Medical Associates",
                                          "the intake team at Bayfront Behavioral Health"],
               ["SSN", "DOB", "STREET", "ZIP", "EMAIL", "PHONE", "MEMBER_ID", "CARD", "MBI"],
               ["age", "weight", "height", "appointment_date"], False),
    "triage": ("nurse", "caller", ["the nurse advice line", "the triage nurse line at Valley Children's"],
               ["DOB", "PHONE", "MRN", "NPI"],
               ["dose", "vital_sign", "lab_value", "blood_pressure", "emergency_number"], True),
    "lab_callback": ("nurse", "patient", ["Greenfield Primary Care", "the lab results line"],
                     ["DOB", "MRN", "PHONE", "EMAIL"],
                     ["lab_value", "dose", "appointment_date", "blood_pressure"], True),
}

ASK = {
    "DOB": ["Can I get your date of birth?", "And your date of birth, please?", "What's the patient's birthdate?",
            "Could you verify the date of birth for me?", "And when were you born?", "Date of birth?",
            "I just need the DOB to pull them up."],
    "PHONE": ["What's the best callback number?", "And what number can we reach you at?",
              "Is there a good phone number on file you'd like us to use?", "What's a good number for you?",
              "And the number you're calling from?", "Where should the provider call you back?"],
    "SSN": ["I'll need the Social Security number to verify.", "Can you give me your social?",
            "For verification, the last four of your social?", "What's the SSN on the account?"],
    "MRN": ["Do you have the medical record number handy?", "What's the MRN on the paperwork?",
            "Is there a chart number on that letter?", "Do you know the patient's chart number?"],
    "MBI": ["Can I have the Medicare number off the red, white and blue card?",
            "And the Medicare beneficiary identifier?", "What's the MBI?",
            "Read me the Medicare number, the one with letters and numbers."],
    "CARD": ["Go ahead with the card number when you're ready.", "What card would you like to use?",
             "Can I get the long number on the front of the card?"],
    "ZIP": ["And the ZIP code?", "What ZIP code is that?", "Can you confirm your zip?", "And your zip?"],
    "STREET": ["What's the street address?", "Can you confirm the address on file?",
               "What's the patient's home address?", "And your address?"],
    "EMAIL": ["What's the email on the account?", "And an email address for the confirmation?",
              "What email do you want on file?", "Can you spell the email for me?"],
    "NPI": ["Do you have the prescriber's NPI?", "What's the NPI of the ordering physician?",
            "And the rendering provider's NPI number?", "Can I get the doctor's NPI?"],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "And the subscriber ID?",
                  "Can you read me the ID number on the front of the card?", "Member ID, please?",
                  "What's the policy ID?"],
}
ASK_SC = {
    ("STREET", "transport", "same"): ["Pick me up at", "Pickup is at", "I'll be at home, that's"],
    ("STREET", "dme_order", "same"): ["Ship it to", "Deliver to", "It goes to my house,"],
    ("STREET", "transport"): ["And where will we be picking you up?", "What's the pickup address?"],
    ("STREET", "dme_order"): ["What address should we ship to?", "Where's the delivery going?"],
    ("STREET", "rx_transfer"): ["And the patient's address you have on file?"],
    ("ZIP", "billing"): ["Billing ZIP?", "And the ZIP code for the card?"],
    ("PHONE", "rx_transfer"): ["And a contact number for the patient?", "Do you have a phone for the patient?"],
    ("NPI", "rx_transfer"): ["Do you have the prescriber's NPI?"],
    ("NPI", "member_services"): ["Which doctor do you want as your PCP? If you have their NPI that's fastest."],
    ("MRN", "interpreter"): ["Can you ask her for the number on her clinic card?"],
    ("DOB", "interpreter"): ["Please ask her date of birth."],
    ("EMAIL", "portal_reset"): ["Which email should the reset link go to?", "What's the username, is it your email?"],
    ("MRN", "after_hours"): ["Do you have the medical record number from the hospital bracelet or paperwork?"],
    ("PHONE", "triage"): ["What number should the nurse call you back on if we get disconnected?"],
}
TOPIC = {"appt_reminder": ["my appointment", "rescheduling"], "after_hours": ["a fever that won't go down",
         "my prescription", "a rash"], "rx_transfer": ["a transfer"], "dme_order": ["an order", "a delivery",
         "equipment the doctor ordered"], "prior_auth": ["an authorization"], "portal_reset": ["my login",
         "the portal"], "transport": ["a ride", "my mother's ride"], "interpreter": ["my appointment"],
         "voicemail": ["a refill"], "billing": ["a bill I got", "my account"], "member_services": [
         "my benefits", "a claim", "my ID card"], "intake": ["becoming a new patient", "some paperwork"],
         "triage": ["a fever", "a cough that won't quit", "a bad headache"], "lab_callback": ["my lab results", "a missed call"]}
SAME = {
    "DOB": ["My date of birth is", "Birthday's", "DOB is", "I was born", "Date of birth", "My birthday is"],
    "PHONE": ["My number is", "You can call me back at", "My cell is", "Phone number's", "Best number is"],
    "SSN": ["My social is", "Social security number is", "Last four of my social are", "The SSN is"],
    "MRN": ["The medical record number is", "My MRN is", "The chart number is", "The MRN on the sheet says"],
    "MBI": ["My Medicare number is", "The Medicare ID is", "MBI is", "Medicare beneficiary number"],
    "CARD": ["The card number is", "Card number", "It's a Visa, number"],
    "ZIP": ["ZIP code is", "Zip is", "And the zip's"],
    "STREET": ["I live at", "The address is", "My address is", "Home address is"],
    "EMAIL": ["My email is", "Email's", "Send it to my email,"],
    "NPI": ["The NPI is", "NPI number", "Her NPI is", "Prescriber NPI"],
    "MEMBER_ID": ["My member ID is", "The ID on the card is", "Subscriber ID is", "Member number"],
}
READBACK = ["Let me read that back:", "Okay, so that's", "I have", "Just to confirm,", "Got it,", "So",
            "Perfect, I've got"]
ACK = ["Okay.", "Mm-hmm.", "Got it.", "Thank you.", "All right.", "Perfect.", "Okay, one moment.",
       "Thanks, let me pull that up.", "Mm-hmm, go ahead."]
CALLER_PRE = ["", "", "Uh, ", "Yeah, it's ", "Um, ", "Sure, ", "Okay, ", "It's ", "Hmm, let me see. "]


RENDER = {"PHONE": lambda c, p, part=None: r_phone(c, p.phone, part),
          "SSN": lambda c, p, part=None: r_ssn(c, p.ssn, part),
          "DOB": lambda c, p, part=None: r_dob(c, p, part),
          "MRN": lambda c, p, part=None: r_mrn(c, p.mrn, part),
          "MBI": lambda c, p, part=None: r_alnum(c, p.mbi, part),
          "MEMBER_ID": lambda c, p, part=None: r_alnum(c, p.member, part),
          "CARD": lambda c, p, part=None: r_card(c, p.card, part),
          "ZIP": lambda c, p, part=None: r_zip(c, p.zip, part),
          "STREET": lambda c, p, part=None: r_street(c, p, part),
          "EMAIL": lambda c, p, part=None: r_email(c, p, part),
          "NPI": lambda c, p, part=None: r_npi(c, p.npi, part)}


def V(c, ent, p, cue, part=None):
    t, sp, form = RENDER[ent](c, p, part)
    return Val(t, ent, sp, cue, form)


def NV(c, p, cue, part="full"):
    t, sp, form = r_name(c, p, part)
    return Val(t, "NAME", sp, cue, form)


def build_dialogue(c, scen, ents, counts, carriers):
    rng = c.rng
    arole, crole, orgs, pool, negpool, carrier_ok = SCEN[scen]
    org = rng.choice(orgs)
    pt = Person(rng)           # the patient
    pt.npi = new_npi(rng)
    agent = Person(rng)
    prov = Person(rng)
    prov.npi = pt.npi
    caller_is_relative = scen in ("after_hours", "triage", "transport", "interpreter", "intake") and maybe(rng, .35)
    relword = rng.choice(["mom", "dad", "son", "daughter", "husband", "wife", "grandmother", "father-in-law"])
    caller = Person(rng) if caller_is_relative else pt
    R = Rec(c, (arole, crole))
    R.scen = scen
    R.ents = ents
    R.age = 2026 - pt.y
    ent_left = list(ents)
    names_used = []

    def ack():
        R.say(arole, rng.choice(ACK))

    # ---- opening
    if scen == "voicemail":
        R.say("system", "You've reached %s. If this is an emergency, hang up and dial " % rng.choice(
            ["Dr. %s's office" % prov.last, "the clinic"]), neg(c, "emergency_number"),
            ". Otherwise leave a message after the tone.")
        tail = [" for Dr. ", NV(c, prov, "same", "last")] if maybe(rng, .6) else [" about my refill"]
        R.say(crole, "Hi, this is ", NV(c, caller, "same"), rng.choice([" calling", ", um, calling", ""]), *tail, ".")
    else:
        greet = rng.choice(["Thank you for calling %s, this is " % org, "Hi, %s, my name is " % org,
                            "Good morning, you've reached %s. This is " % org, "%s, " % org])
        an = NV(c, agent, "same" if "this is" in greet or "name is" in greet else "none", "first")
        tail = rng.choice([". How can I help?", " speaking, how can I help you today?", ". What can I do for you?",
                           ". Who am I speaking with?"])
        R.say(arole, greet, an, tail)
        if maybe(rng, .3) and "DOB" in ent_left and scen not in ("prior_auth", "rx_transfer"):
            # caller rattles off name and DOB with no cue at all
            ent_left.remove("DOB")
            R.say(crole, rng.choice(["Yeah hi. ", "Hi, yes. ", "Hey. "]), NV(c, pt, "none"), ". ",
                  V(c, "DOB", pt, "none"), ". Calling about " + rng.choice(TOPIC[scen]) + ".")
            names_used.append("pt_full")
        elif caller_is_relative:
            R.say(crole, rng.choice(["Hi, I'm calling for my %s." % relword,
                                     "Yes, hi, this is about my %s," % relword]), " ",
                  rng.choice(["The patient's name is ", "name is ", "The patient is "]), NV(c, pt, "same"), ".")
            R.say(arole, "Okay. And who am I speaking with?")
            R.say(crole, rng.choice(["This is ", "I'm ", "", "Uh, "]), NV(c, caller, "prev", "first"),
                  rng.choice([", I'm the caregiver.", ", family.", ".", ", I'm on the HIPAA form."]))
            names_used.append("pt_full")
        else:
            self_intro = maybe(rng, .5) and scen not in ("prior_auth", "rx_transfer")
            if self_intro:
                R.say(crole, rng.choice(["Hi, yeah, my name is ", "Hi, this is ", "Yes, hello, I'm "]), NV(c, pt, "same"),
                      rng.choice([", I'm calling about ", ". I have a question about ", ", um, it's regarding "]),
                      rng.choice(TOPIC[scen]) + ".")
            elif scen == "rx_transfer":
                R.say(crole, "Hi, this is ", NV(c, Person(rng), "same", "first"), " at ", rng.choice(
                    ["Walgreens", "a CVS", "Costco pharmacy", "Rite Aid on Main"]),
                    ", I'm calling to transfer a prescription.")
            elif scen == "prior_auth":
                R.say(crole, "Hi, this is ", NV(c, Person(rng), "same", "first"), rng.choice([
                    " calling from Dr. ", ", I'm the referral coordinator for Dr. "]), NV(c, prov, "same", "last"),
                    "'s office, checking on a prior auth for ", rng.choice([
                        "an MRI of the lumbar spine", "Ozempic", "a sleep study", "Humira", "physical therapy"]), ".")
            else:
                R.say(crole, rng.choice(["Hi, I need help with ", "Yeah, I'm calling about ", "Um, hi, I got a letter about "]),
                      rng.choice(TOPIC[scen]), ".")
            if not self_intro:
                R.say(arole, rng.choice(["Sure, can I have the patient's first and last name?",
                                         "And the patient's name?", "Okay, what's the patient's name?"]
                                        + ([] if scen in ("prior_auth", "rx_transfer") else
                                           ["I can help. What's your name?", "Who am I speaking with?"])))
                if maybe(rng, .4):
                    R.say(crole, NV(c, pt, "prev", "first"), " ", rng.choice(FILL), " ", NV(c, pt, "prev", "last"), ".")
                else:
                    R.say(crole, rng.choice(["", "It's ", "Yeah, "]), NV(c, pt, "prev"), ".")
            names_used.append("pt_full")
        # spelling the last name
        if maybe(rng, .45):
            R.say(arole, rng.choice(["Can you spell the last name?", "How do you spell that?",
                                     "And the spelling of the last name?"]))
            R.say(crole, rng.choice(["", "Sure, ", "Yep, "]), NV(c, pt, "prev", "spell_last"), ".")
            if maybe(rng, .5):
                R.say(arole, rng.choice(READBACK), " ", NV(c, pt, "prev", "last"), ".")

    # ---- scenario context turns
    context_turns(R, c, scen, arole, crole, prov, pt, negpool)

    # ---- carrier dialogue
    if carrier_ok and carriers and maybe(rng, .85):
        src = rng.choice(["mts", "aci", "primock", "mts", "aci"])
        if carriers[src]:
            snip = rng.choice(carriers[src])
            for role, text in snip:
                R.say(arole if role == "doctor" else crole, text, merge=False)
            R.carrier = src
    # ---- ask each entity
    R.in_ask = True
    for e in ent_left:
        if scen == "voicemail":
            ask_voicemail(R, c, e, pt, prov, crole)
        else:
            ask(R, c, e, pt, prov, arole, crole, caller_is_relative, relword)
        if len(R.turns) > 34:
            break
    R.in_ask = False
    # ---- padding: voicemails are cut into several short segments by the STT engine
    pads = ["Um, so yeah.", "I'm not sure if I should come in or just wait.", "Sorry, it's loud here.",
            "Okay, let me think what else.", "Sorry, one second, my dog is barking.", "Hello? Are you still there?",
            "I'm driving so I might cut out.", "Okay.", "Let me grab a pen."]
    while len(R.turns) < 7 and pads:
        R.say(crole, pads.pop(rng.randrange(len(pads))))
    # ---- closing
    if scen != "voicemail":
        if maybe(rng, .5) and not caller_is_relative and scen not in ("prior_auth", "rx_transfer"):
            R.say(arole, rng.choice(["Okay, ", "All right, ", "Thanks, "]), NV(c, pt, "prev", "first"),
                  rng.choice([", you're all set.", ", I've updated everything.", ", I'll send that over now."]))
        if "confirmation_number" in negpool and maybe(rng, .8):
            R.say(arole, rng.choice(["Your reference number for this call is ", "Your confirmation number is ",
                                     "Write this down, the case number is "]), neg(c, "confirmation_number"), ".")
        k = rng.randint(0, 5)
        if k == 0:
            R.say(arole, "I'll ", Neg("mark", "common_word"), " it urgent and someone ", Neg("will", "common_word"),
                  " call you back.")
        elif k == 1:
            R.say(arole, "You ", Neg("may", "common_word"), " get a short survey by text afterwards.")
        elif k == 2:
            R.say(arole, "We'll ", Neg("bill", "common_word"), " your plan first and send you whatever's left.")
        elif k == 3:
            R.say(arole, "I ", Neg("hope", "common_word"), " you feel better soon.")
        R.say(arole, rng.choice(["Is there anything else?", "Anything else I can help with?",
                                 "You'll get a text when it's done."]))
        R.say(crole, rng.choice(["No, that's it. Thank you.", "That's all, thanks.", "Nope. Thanks so much.",
                                 "No, you've been really helpful."]))
    else:
        R.say(crole, rng.choice(["Okay, thanks, bye.", "Thank you. Bye bye.", "Um, yeah, that's it. Thanks."]))
    return R, pt, prov


def context_turns(R, c, scen, arole, crole, prov, pt, negpool):
    rng = c.rng
    n1, n2 = neg(c, negpool[0]), neg(c, rng.choice(negpool[1:]))
    if scen == "appt_reminder":
        R.say(arole, "I'm calling to confirm your appointment on ", neg(c, "appointment_date"), " at ",
              neg(c, "time"), " with Dr. ", NV(c, prov, "same", "last"), ". Press ", neg(c, "menu_option"),
              " to confirm or say reschedule.")
        R.say(crole, rng.choice(["Confirm. Actually, wait, can I move it later?", "Uh, reschedule please.",
                                 "Yeah that's fine, confirm."]))
    elif scen == "after_hours":
        R.say(arole, "Okay. Is this an emergency? If it is, please hang up and call ", neg(c, "emergency_number"), ".")
        R.say(crole, "No, no. It's been going on for ", neg(c, "duration"), ", I just want to talk to the doctor on call.")
        if R.age < 90:
            R.say(arole, "Okay. And the patient is how old?")
            R.say(crole, Neg(str(R.age) if c.written else spoken_num(R.age), "age"), ".")
    elif scen == "rx_transfer":
        R.say(arole, "Sure, what's the medication?")
        R.say(crole, rng.choice(["Lisinopril", "Metformin", "Atorvastatin", "Levothyroxine", "Sertraline"]), " ",
              neg(c, "dose"), ", quantity ", neg(c, "count"), ", last filled ", rng.choice(["about a month ago",
              "in the spring"]), ".")
        R.say(arole, "And the Rx number on your end is ", neg(c, "order_number"), ".")
        R.say(crole, rng.choice(["Okay, and it was written by Dr. ", "Prescriber is Dr. "]), NV(c, prov, "same", "full"),
              ".")
    elif scen == "dme_order":
        R.say(crole, "The doctor ordered a ", rng.choice(["hospital bed", "rollator walker", "CPAP machine",
                                                            "wheelchair", "shower chair"]), " for ",
              rng.choice(["my mother", "my father", "my husband", "my wife", "me"]), ".")
        R.say(arole, "Okay. Do you know the patient's weight and height? It affects which model.")
        R.say(crole, "Uh, about ", neg(c, "weight"), ", and ", neg(c, "height"), ".")
        R.say(arole, "Okay, I'm starting order ", neg(c, "order_number"), ".")
    elif scen == "prior_auth":
        R.say(arole, "Sure. How many ", rng.choice(["visits", "units"]), " are being requested?")
        R.say(crole, neg(c, "count"), ", over ", neg(c, "duration"), ".")
    elif scen == "portal_reset":
        R.say(crole, "I'm locked out. I tried like ", neg(c, "count"), " times.")
        R.say(arole, "No problem. Your new password needs at least ", neg(c, "count"), " characters. I'll need to "
              "verify your identity first.")
    elif scen == "transport":
        R.say(crole, "I need a ride to dialysis on ", neg(c, "appointment_date"), ", the chair time is ",
              neg(c, "time"), ".")
        R.say(arole, "Okay. Will you need a wheelchair van? Over ", neg(c, "weight"),
              " we send the bariatric one.")
        R.say(crole, "Wheelchair, yes. And the pickup back is from room ", neg(c, "room_number"), " at the center.")
    elif scen == "interpreter":
        R.say("interpreter", "This is interpreter ", rng.choice(["number ", "ID "]), neg(c, "order_number"),
              ", ", rng.choice(["Spanish", "Vietnamese", "Somali", "Russian", "Haitian Creole", "Mandarin"]), ".")
        R.say(arole, "Thank you. Can you ask her how long she's had the chest pain?")
        R.say("interpreter", "She says about ", neg(c, "duration"), ". Her blood pressure at the pharmacy was ",
              neg(c, "blood_pressure"), ".")
    elif scen == "voicemail":
        R.say("caller", rng.choice(["I'm calling because I got a message to call back about my ",
                                    "I need a refill on my "]), rng.choice(["labs", "metoprolol", "results"]),
              ". I take ", neg(c, "dose"), " twice a day.")
        R.say("caller", "Um, you can call me after ", neg(c, "time"), ", I'm at work before that.")
    elif scen == "billing":
        R.say(crole, "I got a bill for ", neg(c, "money"), " and I thought my insurance covered it.")
        R.say(arole, "Let me look. That's from the ", neg(c, "year"), " visit, a copay of ", neg(c, "money"), ".")
        R.say(crole, "Fine, I'll just pay it.")
    elif scen == "member_services":
        R.say(arole, "If you're calling about a claim, press ", neg(c, "menu_option"), ". Otherwise stay on the line.")
        R.say(crole, "I want to know why my ", neg(c, "year"), " deductible went up to ", neg(c, "money"), ".")
    elif scen == "intake":
        R.say(arole, "We're scheduling new patient visits starting ", neg(c, "appointment_date"),
              ". How old is the patient?")
        R.say(crole, Neg(str(R.age) if c.written else spoken_num(R.age), "age") if R.age < 90 else "Older",
              ". And about ", neg(c, "weight"), " if you need that.")
    elif scen == "triage":
        R.say(arole, "What's going on today?")
        R.say(crole, "Fever since yesterday, it was ", neg(c, "vital_sign"), " this morning. I gave ",
              neg(c, "dose"), " of Tylenol.")
        R.say(arole, "Okay. If there's trouble breathing call ", neg(c, "emergency_number"), " right away.")
    elif scen == "lab_callback":
        R.say(arole, "I'm calling with your lab results. Your A1C came back at ", neg(c, "lab_value"),
              " and Dr. ", NV(c, prov, "same", "last"), " wants to go up to ", neg(c, "dose"), ".")
        R.say(crole, "Oh. Okay. Is that bad?")


def ask(R, c, e, pt, prov, arole, crole, relative, relword):
    rng = c.rng
    subj = prov if e == "NPI" else pt
    mode = rng.choices(["prev", "same", "none", "split"], [0.55, 0.27, 0.08, 0.10])[0]
    if e == "NAME":
        return
    if mode == "split":
        if e == "PHONE":
            R.say(arole, rng.choice(ASK_SC.get(("PHONE", R.scen)) or ASK["PHONE"]))
            R.say(crole, rng.choice(CALLER_PRE), V(c, "PHONE", subj, "prev", "area"), rng.choice(["...", ",", " and then"]))
            R.say(arole, "Mm-hmm.")
            R.say(crole, V(c, "PHONE", subj, "prev", "rest"), ".")
        elif e == "DOB":
            R.say(arole, rng.choice(ASK["DOB"]))
            R.say(crole, V(c, "DOB", subj, "prev", "md"), "...")
            R.say(arole, "And the year?")
            R.say(crole, V(c, "DOB", subj, "prev", "year"), ".")
        elif e in ("MBI", "MEMBER_ID"):
            R.say(arole, rng.choice(ASK[e]))
            R.say(crole, rng.choice(["Hold on, let me get the card. Okay. ", "It's ", "Okay, "]),
                  V(c, e, subj, "prev", "chunk1"), "...")
            R.say(arole, rng.choice(["Mm-hmm.", "Go on.", "Okay."]))
            R.say(crole, V(c, e, subj, "prev", "chunk2"), ".")
        elif e in ("SSN", "CARD"):
            R.say(arole, rng.choice(["For security, just the last four", "Can you verify the last four"]) +
                  (" of your social?" if e == "SSN" else " of the card on file?"))
            R.say(crole, rng.choice(CALLER_PRE), V(c, e, subj, "prev", "last4"), ".")
        else:
            mode = "prev"
    third = relative or R.scen in ("prior_auth", "rx_transfer")
    if mode == "prev":
        q = rng.choice(ASK_SC.get((e, R.scen)) or ASK[e]) if maybe(R.c.rng, .7) else rng.choice(ASK[e])
        if third:
            q = q.replace("you born", "the patient born").replace("for you", "for the patient").replace(
                "your social", "the patient's social").replace("your zip", "the patient's zip")
        if relative and e in ("DOB", "PHONE", "STREET") and maybe(rng, .5):
            q = q.replace("your", "your %s's" % relword)
        elif third:
            q = q.replace("your", "the patient's")
        R.say(arole, q)
        v = V(c, e, subj, "prev")
        if e == "STREET" and maybe(rng, .4) and ("ZIP" in R.ents or len(R.ents) < 4):
            # address and zip in one answer
            R.say(crole, rng.choice(CALLER_PRE), v, ", ", V(c, "ZIP", subj, "prev"), ".")
        elif maybe(rng, .15) and e in ("DOB", "PHONE", "MRN", "ZIP", "SSN"):
            # wrong value then correction in a new turn
            R.say(crole, rng.choice(CALLER_PRE), v, ".")
            R.say(crole, rng.choice(["Wait, no, sorry. It's ", "Oh, sorry, that's my old one. It's ",
                                     "No, hold on, let me look. "]), V(c, e, subj, "prev"), ".")
        else:
            R.say(crole, rng.choice(CALLER_PRE), v, rng.choice([".", "", "?", ". I think."]))
        if maybe(rng, .5):
            R.say(arole, rng.choice(READBACK), " ", V(c, e, subj, "prev"), rng.choice(["?", ".", ", correct?"]))
            R.say(crole, rng.choice(["Yes.", "Yep, that's right.", "Correct.", "Mm-hmm."]))
        else:
            R.say(arole, rng.choice(ACK))
    elif mode == "same":
        if maybe(rng, .5):
            R.say(arole, rng.choice(["What else can I use to verify?", "Okay, go ahead.",
                                     "I'll need one more thing from you.", "Anything else I should note?",
                                     "What other information do you have for me?"]))
        pre = rng.choice(ASK_SC.get((e, R.scen, "same")) or SAME[e]) if maybe(rng, .6) else rng.choice(SAME[e])
        part = "last4" if pre.startswith("Last four") else None
        if relative and e in ("DOB",):
            pre = rng.choice(["Their date of birth is", "My %s's birthday is" % relword, "The patient's DOB is"])
        elif third:
            pre = pre.replace("My ", "The patient's ").replace("my ", "the patient's ").replace(
                "I live at", "The patient lives at").replace("I was born", "The patient was born").replace(
                "Birthday's", "Patient's birthday is").replace("You can call me back at", "You can reach the patient at")
        R.say(crole, pre, " ", V(c, e, subj, "same", part), rng.choice([".", ", if that helps.", ".", ", yeah."]))
        if maybe(rng, .4):
            R.say(arole, rng.choice(READBACK), " ", V(c, e, subj, "prev", part), ".")
        else:
            R.say(arole, rng.choice(ACK))
    elif mode == "none":
        R.say(arole, rng.choice(["Okay, I've got that noted.", "Let me put in the request.", "Anything else?"]))
        R.say(crole, rng.choice(["Oh, and ", "Oh, also, ", "And, um, ", ""]), V(c, e, subj, "none"),
              rng.choice([", you can write that down.", ", just in case.", ", that's the other one.", "."]))
        R.say(arole, rng.choice(ACK))


def ask_voicemail(R, c, e, pt, prov, crole):
    rng = c.rng
    subj = prov if e == "NPI" else pt
    if e == "NAME":
        return
    if maybe(rng, .3):
        R.say(crole, rng.choice(["Oh, and ", "Also ", "Uh, "]), V(c, e, subj, "none"), rng.choice([".", ", okay.", "."]))
    else:
        R.say(crole, rng.choice(SAME[e]), " ", V(c, e, subj, "same"), ".")
    if maybe(rng, .35):
        R.say(crole, rng.choice(["Again that's ", "I'll repeat that, ", "That's "]), V(c, e, subj, "prev"), ".")


# ---------------------------------------------------------------- records

LABELS = [("[%s] ", "lower"), ("%s: ", "cap"), ("Speaker %d: ", "num"), ("spk_%d: ", "spk"), ("%s: ", "upper")]


def label_for(role, style, idx):
    fmt, kind = style
    if kind == "lower":
        return fmt % role.replace("_", " ")
    if kind == "cap":
        return fmt % role.replace("_", " ").title()
    if kind == "upper":
        return fmt % role.upper()
    return fmt % idx


def make_transcript(c, R, rid, scen):
    rng = c.rng
    lstyle = rng.choice(LABELS)
    ts = maybe(rng, .3)
    roles = []
    em = Emitter()
    t = rng.randint(0, 8)
    for i, (role, pieces) in enumerate(R.turns):
        if role not in roles:
            roles.append(role)
        if i:
            em.raw("\n")
        if ts:
            em.raw("[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60))
            t += rng.randint(2, 14)
        em.raw(label_for(role, lstyle, roles.index(role)))
        for tx, o in render_turn(c, pieces):
            em.piece(tx, o)
    return {"id": rid, "format": "transcript", "kind": "call_" + scen + "_" + c.style,
            "text": em.text(), "spans": em.spans, "negatives": em.negs}


def uuid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:])


def summary_pieces(c, R, pt, scen, prof):
    """an LLM-written summary: written forms of the values in the call"""
    rng = c.rng
    vals = []
    seen = set()
    for role, pieces in R.turns:
        for p in pieces:
            if isinstance(p, Val) and p.entity != "NAME" and p.entity not in seen and "last4" not in p.form \
                    and "split" not in p.form and "chunk" not in p.form:
                seen.add(p.entity)
                vals.append(p.entity)
    wc = Ctx(rng, "smart")
    out = [NV(wc, pt, "same")]
    out[0].spoken = False
    out[0].form = "summary_name_full"
    out = [rng.choice(["Caller ", "The caller, ", "Patient "]), out[0],
           rng.choice([" called regarding ", ", called about "]), SUMMARY_TOPIC[scen], "."]
    lab = {"DOB": "DOB", "PHONE": "Callback number", "SSN": "SSN", "MRN": "MRN", "MBI": "MBI", "CARD": "Card",
           "ZIP": "ZIP", "STREET": "Address", "EMAIL": "Email", "NPI": "Prescriber NPI", "MEMBER_ID": "Member ID"}
    for e in vals[:3]:
        t = sum_written(e, pt, rng)
        out += [" %s: " % lab[e], Val(t[0], e, False, "same", "summary_" + t[1]), "."]
    return out


SUMMARY_TOPIC = {"appt_reminder": "an upcoming appointment", "after_hours": "symptoms after hours",
                 "rx_transfer": "a prescription transfer", "dme_order": "a durable medical equipment order",
                 "prior_auth": "a prior authorization", "portal_reset": "a portal password reset",
                 "transport": "non-emergency transport", "interpreter": "an intake visit with an interpreter",
                 "voicemail": "a callback", "billing": "a balance on the account",
                 "member_services": "plan benefits", "intake": "new patient registration",
                 "triage": "a fever", "lab_callback": "lab results"}


def sum_written(e, p, rng):
    if e == "DOB":
        return "%02d/%02d/%d" % (p.m, p.d, p.y), "written_mdy_slash"
    if e == "PHONE":
        return "(%s) %s-%s" % (p.phone[:3], p.phone[3:6], p.phone[6:]), "written_paren"
    if e == "SSN":
        return "%s-%s-%s" % (p.ssn[:3], p.ssn[3:5], p.ssn[5:]), "written_dash"
    if e == "MRN":
        return p.mrn, "written_run"
    if e == "MBI":
        return p.mbi, "written_run"
    if e == "CARD":
        return p.card, "written_run"
    if e == "ZIP":
        return p.zip, "written"
    if e == "STREET":
        return "%d %s %s" % (p.house, p.street, p.suffix[1]) + (", %s %s" % (p.unit[1], p.unitno) if p.unit else ""), \
            "written_abbr"
    if e == "EMAIL":
        return p.email_local + "@" + p.email_dom, "written"
    if e == "NPI":
        return p.npi, "written_run"
    if e == "MEMBER_ID":
        return p.member, "written_run"


def make_json(c, R, rid, scen, prof, pt):
    rng = c.rng
    # JSON payloads: two-party; interpreter/system roles folded into the agent side
    turns = []
    for role, pieces in R.turns:
        side = "caller" if role == R.roles[1] or role == "caller" else "agent"
        turns.append((side, render_turn(c, pieces)))
    summ = render_turn(c, summary_pieces(c, R, pt, scen, prof), raw=True)
    t0 = 1764670000 + rng.randint(0, 2000000)
    dur = 40 + 9 * len(turns) + rng.randint(0, 60)

    def joined(prefix_agent, prefix_user, sep="\n"):
        ps = []
        for i, (side, pcs) in enumerate(turns):
            if i:
                ps.append((sep, None))
            ps.append((prefix_agent if side == "agent" else prefix_user, None))
            ps.extend(pcs)
        return Seg(ps)

    def times():
        out = []
        t = 0.4
        for side, pcs in turns:
            ln = 1.0 + 0.32 * sum(len(x.split()) for x, _ in pcs)
            out.append((round(t, 2), round(t + ln, 2)))
            t += ln + rng.uniform(0.2, 1.4)
        return out

    tm = times()
    caller_phone = Seg([("+1" + pt.phone, Val("+1" + pt.phone, "PHONE", False, "same", "e164_field"))]) \
        if maybe(rng, .5) else Seg([("+1" + rng.choice(AREA) + "5550" + "1%02d" % rng.randint(0, 99), None)])
    if caller_phone.pieces[0][1] is None:
        p = caller_phone.pieces[0][0]
        caller_phone = Seg([(p, Val(p, "PHONE", False, "same", "e164_field_other_line"))])
    org_phone = "+1" + rng.choice(AREA) + "5550" + "1%02d" % rng.randint(0, 99)
    if prof == "vapi":
        msgs = [{"role": "system", "message": "You are a friendly scheduling assistant.", "time": t0 * 1000,
                 "secondsFromStart": 0}]
        for (side, pcs), (a, b) in zip(turns, tm):
            msgs.append({"role": "bot" if side == "agent" else "user", "message": Seg(pcs),
                         "time": t0 * 1000 + int(a * 1000), "endTime": t0 * 1000 + int(b * 1000),
                         "secondsFromStart": a, "duration": round(b - a, 2)})
        doc = {"message": {"timestamp": (t0 + dur) * 1000, "type": "end-of-call-report",
                           "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                    "phoneNumberId": uuid(rng), "customer": {"number": caller_phone},
                                    "status": "ended", "assistantId": uuid(rng)},
                           "artifact": {"transcript": joined("AI: ", "User: "), "messages": msgs,
                                        "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(rng)},
                           "analysis": {"summary": Seg(summ), "successEvaluation": "true"},
                           "startedAt": "2026-11-%02dT%02d:%02d:%02d.000Z" % (rng.randint(23, 29), rng.randint(13, 23),
                                                                            rng.randint(0, 59), rng.randint(0, 59)),
                           "cost": round(rng.uniform(0.05, 0.6), 4), "durationSeconds": dur}}
    elif prof == "retell":
        tobj = []
        for (side, pcs), (a, b) in zip(turns, tm):
            tobj.append({"role": "agent" if side == "agent" else "user", "content": Seg(pcs)})
        doc = {"event": "call_analyzed",
               "call": {"call_type": "phone_call", "from_number": caller_phone, "to_number": org_phone,
                        "direction": "inbound", "call_id": "call_" + uuid(rng).replace("-", "")[:24],
                        "agent_id": "agent_" + uuid(rng).replace("-", "")[:24], "call_status": "ended",
                        "start_timestamp": t0 * 1000, "end_timestamp": (t0 + dur) * 1000,
                        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                        "transcript": joined("Agent: ", "User: "), "transcript_object": tobj,
                        "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % uuid(rng),
                        "call_analysis": {"call_summary": Seg(summ), "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                          "call_successful": True, "in_voicemail": False},
                        "metadata": {}}}
    elif prof == "signalwire":
        log = [{"role": "system", "content": "You are a helpful assistant for a medical office."}]
        for (side, pcs), (a, b) in zip(turns, tm):
            log.append({"role": "assistant" if side == "agent" else "user", "content": Seg(pcs),
                        "latency": rng.randint(300, 1400) if side == "agent" else 0})
        doc = {"app_name": "clinic_agent", "call_id": uuid(rng), "ai_session_id": uuid(rng),
               "caller_id_name": Seg([(name_written(pt, "full").upper(),
                                       Val(name_written(pt, "full").upper(), "NAME", False, "same", "cnam_upper"))])
               if maybe(rng, .5) else "WIRELESS CALLER",
               "caller_id_num": caller_phone, "call_start_date": t0 * 1000000, "call_end_date": (t0 + dur) * 1000000,
               "post_prompt_data": {"raw": Seg(summ), "substituted": ""}, "call_log": log,
               "total_input_tokens": rng.randint(2000, 9000), "total_output_tokens": rng.randint(200, 900)}
    elif prof == "deepgram":
        utts = []
        for i, ((side, pcs), (a, b)) in enumerate(zip(turns, tm)):
            utts.append({"start": a, "end": b, "confidence": round(rng.uniform(0.82, 0.99), 4), "channel": 0,
                         "transcript": Seg(pcs), "speaker": 0 if side == "agent" else 1, "id": uuid(rng)})
        plain = []
        for i, (side, pcs) in enumerate(turns):
            if i:
                plain.append((" ", None))
            plain.extend(pcs)
        paras = []
        for i, (side, pcs) in enumerate(turns):
            paras.append(("\n\nSpeaker %d: " % (0 if side == "agent" else 1), None))
            paras.extend(pcs)
        doc = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng), "sha256": "".join(
            rng.choice("0123456789abcdef") for _ in range(64)), "created": "2026-11-%02dT%02d:%02d:%02d.%03dZ" % (
            rng.randint(23, 29), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
            "duration": round(tm[-1][1] + 1.1, 3), "channels": 1, "models": [uuid(rng)],
            "model_info": {}},
            "results": {"channels": [{"alternatives": [{"transcript": Seg(plain), "confidence": 0.97,
                                                         "words": [], "paragraphs": {"transcript": Seg(paras)}}]}],
                        "utterances": utts}}
    else:  # transcribe
        segs = []
        for i, ((side, pcs), (a, b)) in enumerate(zip(turns, tm)):
            segs.append({"id": i, "transcript": Seg(pcs), "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                         "speaker_label": "spk_0" if side == "agent" else "spk_1", "items": []})
        plain = []
        for i, (side, pcs) in enumerate(turns):
            if i:
                plain.append((" ", None))
            plain.extend(pcs)
        doc = {"jobName": "call-%d" % t0, "accountId": "".join(rng.choice("0123456789") for _ in range(12)),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": Seg(plain)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0", "segments": []},
                           "items": [], "audio_segments": segs}}
    em = Emitter()
    emit_json(em, doc)
    return {"id": rid, "format": "json", "profile": prof, "kind": "payload_" + prof + "_" + scen,
            "text": em.text(), "spans": em.spans, "negatives": em.negs}


PROF_STYLE = {"vapi": ["smart", "partial"], "retell": ["smart", "partial"], "signalwire": ["partial", "smart"],
              "deepgram": ["smart", "lower", "partial"], "transcribe": ["whisper", "partial", "smart"]}


def generate(seed, n, carriers):
    rng = random.Random(seed)
    counts = collections.Counter()
    recs = []
    n_json = round(n * 0.3)
    kinds = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(kinds)
    profs = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    scen_names = sorted(SCEN)
    for i, kind in enumerate(kinds):
        r = random.Random("%d-%d" % (seed, i))
        scen = scen_names[i % len(scen_names)] if r.random() < 0.5 else r.choice(scen_names)
        if kind == "json" and scen in ("voicemail", "interpreter"):
            scen = r.choice(["appt_reminder", "portal_reset", "transport", "member_services", "billing"])
        pool = SCEN[scen][3]
        k = r.randint(2, min(5, len(pool)))
        ents = sorted(pool, key=lambda e: (counts[e] + r.random() * 25 + (1000 if counts[e] > 85 else 0)))[:k]
        r.shuffle(ents)
        if kind == "json":
            prof = profs[i % 5] if r.random() < .6 else r.choice(profs)
            style = r.choice(PROF_STYLE[prof])
        else:
            prof = None
            style = r.choice(["lower", "lower", "smart", "partial", "whisper"])
        c = Ctx(r, style)
        for attempt in range(20):
            R, pt, prov = build_dialogue(c, scen, ents, counts, carriers)
            if 8 <= len(R.turns) <= 40:
                break
        rid = "h11-%04d" % i
        if kind == "json":
            rec = make_json(c, R, rid, scen, prof, pt)
        else:
            rec = make_transcript(c, R, rid, scen)
        if getattr(R, "carrier", None):
            rec["carrier"] = {"mts": "MTS-Dialog", "aci": "ACI-bench", "primock": "PriMock57"}[R.carrier]
        for s in rec["spans"]:
            counts[s["entity"]] += 1
        recs.append(rec)
    return recs


# ---------------------------------------------------------------- check

W2D = {w: str(i) for i, w in enumerate(ONES)}
W2D.update({"oh": "0", "o": "0"})


def norm(text):
    """spoken/written value -> digits and letters"""
    toks = re.findall(r"[a-z]+(?:-[a-z]+)?|\d+", text.lower())
    nato_rev = {v: k for k, v in NATO.items()}
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("double", "triple") and nxt in W2D:
            out.append(W2D[nxt] * (2 if t == "double" else 3))
            i += 2
            continue
        if t == "as" and nxt == "in":
            i += 3
            continue
        if t in W2D:
            out.append(W2D[t])
        elif t in TEENS:
            out.append(str(10 + TEENS.index(t)))
        elif t in TENS[2:]:
            v = TENS.index(t) * 10
            if nxt in ONES[1:]:
                v += ONES.index(nxt)
                i += 1
            out.append(str(v))
        elif t == "hundred":
            out.append("00")
        elif t == "thousand":
            prev = int(out.pop()) if out and out[-1].isdigit() else 1
            j = i + 1
            if j < len(toks) and toks[j] == "and":
                j += 1
            v = 0
            if j < len(toks):
                if toks[j] in TENS[2:]:
                    v = TENS.index(toks[j]) * 10
                    if j + 1 < len(toks) and toks[j + 1] in ONES[1:]:
                        v += ONES.index(toks[j + 1])
                        j += 1
                    j += 1
                elif toks[j] in TEENS:
                    v = 10 + TEENS.index(toks[j])
                    j += 1
                elif toks[j] in ONES:
                    v = ONES.index(toks[j])
                    j += 1
            out.append(str(prev * 1000 + v))
            i = j
            continue
        elif t in nato_rev:
            out.append(nato_rev[t])
        elif t.isdigit():
            out.append(t)
        elif len(t) == 1:
            out.append(t)
        i += 1
    return "".join(out)


def value_ok(ent, form, text):
    if form.split("_")[0] in ("written", "summary", "e164", "cnam"):
        v = re.sub(r"[^a-z0-9@.]", "", text.lower()) if ent in ("EMAIL",) else re.sub(r"[^a-z0-9]", "", text.lower())
    else:
        v = norm(text)
    digits = re.sub(r"\D", "", v)
    if ent == "SSN":
        if "last4" in form:
            return len(digits) == 4
        return ssn_valid(digits)
    if ent == "PHONE":
        if "split_area" in form:
            return len(digits) == 3 and digits in AREA
        if "split_rest" in form:
            return len(digits) == 7 and digits.startswith("55501")
        if "last4" in form:
            return len(digits) == 4 and digits.startswith("01")
        if "restart" in form:
            digits = digits[3:]
        if len(digits) == 11 and digits[0] == "1":
            digits = digits[1:]
        return len(digits) == 10 and digits[:3] in AREA and digits[3:8] == "55501"
    if ent == "CARD":
        if "last4" in form:
            return len(digits) == 4
        return len(digits) in (15, 16) and luhn_ok(digits)
    if ent == "NPI":
        return npi_valid(digits)
    if ent == "MBI":
        u = v.upper()
        if "chunk1" in form:
            return len(u) == 4 and MBI_RE.match(u + "AA0AA00") is not None
        if "chunk2" in form:
            return len(u) == 7 and MBI_RE.match("1AA0" + u) is not None
        return MBI_RE.match(u) is not None
    if ent == "MEMBER_ID":
        if "chunk" in form:
            return 3 <= len(v) <= 8 and v.isalnum()
        return 9 <= len(v) <= 12 and v.isalnum() and any(ch.isdigit() for ch in v)
    if ent == "MRN":
        return 6 <= len(digits) <= 8 and digits == v
    if ent == "ZIP":
        return len(digits) in (5, 9)
    if ent == "DOB":
        low = text.lower()
        if "split_year" in form:
            return len(digits) == 4 and 1930 <= int(digits) <= 2010
        if "split_month" in form:
            return any(m in low for m in MONTHS)
        has_month = any(m in low for m in MONTHS) or any(a.lower().rstrip(".") in low for a in MON_ABBR)
        return has_month or 4 <= len(digits) <= 8
    if ent == "STREET":
        low = text.lower()
        return bool(re.match(r"^(\d|[a-z]+)", low)) and (digits != "") and any(
            s[0].lower() in low or s[1].lower().rstrip(".") in low for s in SUFFIX)
    if ent == "EMAIL":
        low = text.lower()
        return ("@" in low or " at " in low) and (". " in low or "." in low or " dot " in low)
    if ent == "NAME":
        return bool(re.fullmatch(r"[A-Za-z][A-Za-z ,.'-]*", text)) and not any(ch.isdigit() for ch in text)
    return False


def json_string_ranges(raw):
    """byte ranges (inside quotes) of every JSON string token in compact JSON"""
    b = raw.encode("utf-8")
    out = []
    i = 0
    while i < len(b):
        if b[i:i + 1] == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z _]+\] |[A-Za-z _]+: |Speaker \d+: |spk_\d+: )")


def check(recs):
    errs = []
    ids = set()
    for r in recs:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s %d lines" % (rid, len(lines)))
            for ln in lines:
                if not ln.strip():
                    errs.append("%s blank line" % rid)
                elif not LINE_RE.match(ln):
                    errs.append("%s no speaker label: %r" % (rid, ln[:40]))
            if text.endswith("\n"):
                errs.append("%s trailing newline" % rid)
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as ex:
                errs.append("%s bad json %s" % (rid, ex))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s json not compact/canonical" % rid)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s bad profile" % rid)
            sr = json_string_ranges(text)
        else:
            errs.append("%s bad format" % rid)
        allr = []
        for s in r["spans"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s span out of range" % rid)
                continue
            try:
                v = b[a:z].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s span not on char boundary" % rid)
                continue
            if v != v.strip():
                errs.append("%s span outer whitespace %r" % (rid, v))
            if a > 0 and b[a - 1:a].decode("latin-1").isalnum() or z < len(b) and b[z:z + 1].decode("latin-1").isalnum():
                errs.append("%s span glued %r" % (rid, v))
            if s["entity"] not in ENTS:
                errs.append("%s entity %s" % (rid, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none"):
                errs.append("%s cue" % rid)
            if not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s spoken/form" % rid)
            if r["format"] == "json":
                if not any(x <= a and z <= y for x, y in sr):
                    errs.append("%s span outside JSON string %r" % (rid, v))
                vv = json.loads('"' + v + '"')
            else:
                vv = v
            if not value_ok(s["entity"], s["form"], vv):
                errs.append("%s invalid %s (%s): %r" % (rid, s["entity"], s["form"], vv))
            allr.append((a, z, "span"))
        for n in r.get("negatives", []):
            a, z = n["start"], n["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s neg out of range" % rid)
                continue
            v = b[a:z].decode("utf-8")
            if v != v.strip() or not n.get("what"):
                errs.append("%s neg bad %r" % (rid, v))
            allr.append((a, z, "neg"))
        allr.sort()
        for (a1, z1, _), (a2, z2, _) in zip(allr, allr[1:]):
            if a2 < z1:
                errs.append("%s overlap at %d" % (rid, a2))
    return errs


def stats(recs):
    by = collections.Counter()
    ent = collections.Counter()
    cue = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    for r in recs:
        fmt[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            by[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            cue[s["cue"]] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records: %d  spans: %d  negatives: %d" % (len(recs), sum(ent.values()), sum(negs.values())),
             "formats: " + ", ".join("%s%s %d" % (f, "/" + p if p else "", n) for (f, p), n in sorted(fmt.items())),
             "", "| entity | total | spoken same | spoken prev | spoken none | written same | written prev | written none |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for e in ENTS:
        lines.append("| %s | %d | %s |" % (e, ent[e], " | ".join(str(by[(e, sp, cu)]) for sp in ("spoken", "written")
                                                             for cu in ("same", "prev", "none"))))
    lines.append("")
    lines.append("cues: " + ", ".join("%s %d" % kv for kv in sorted(cue.items())))
    lines.append("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negs.items())))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default="")
    a = ap.parse_args()
    if a.check:
        recs = []
        for fn in a.check:
            with open(fn, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(recs))
        print("errors: %d" % len(errs))
        sys.exit(1 if errs else 0)
    carriers = load_carriers(carrier_dir(a.carrier_dir))
    recs = generate(a.seed, a.n, carriers)
    if a.stats:
        errs = check(recs)
        print(stats(recs))
        print("errors: %d" % len(errs))
        for e in errs[:60]:
            print("ERROR", e)
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
