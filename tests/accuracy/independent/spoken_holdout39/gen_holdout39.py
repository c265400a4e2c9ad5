#!/usr/bin/env python3
"""gen_holdout39.py - holdout 39: noisy real-world ASR of healthcare calls, with spoken PHI.

Independent labelled corpus (see README.md next to this file). Python 3 standard library only;
the same seed gives byte-identical output whatever PYTHONHASHSEED is.

  python3 gen_holdout39.py [--seed N] [--n 150] > holdout39.jsonl
  python3 gen_holdout39.py --stats                 # stats of a fresh run (default seed)
  python3 gen_holdout39.py --check holdout39.jsonl # re-validate a file, then print its stats

Carrier exchanges come from MTS-Dialog (CC BY 4.0) in shared/carrier-sources (found next to the
repository, at /work/shared/carrier-sources, or via --carrier-dir / CARRIER_DIR).
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
import unicodedata

DEFAULT_SEED = 390039
N_RECORDS = 150
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]

MA, MB, MC = "\ue000", "\ue001", "\ue002"
MARK = re.compile("\ue000(\\d+)\ue001([^\ue000\ue001\ue002]*)\ue002")

ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL",
            "NPI", "MEMBER_ID", "NAME"]
NEG_WHATS = ["dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
             "appointment_date", "year", "weight", "height", "lab_value", "vital_sign", "step_count",
             "confirmation_number", "order_number", "emergency_number", "menu_option", "common_word",
             "reference_number", "extension"]

# --------------------------------------------------------------------------------------------
# fictitious people and places

FIRST = ["Dana", "Marcus", "Priya", "Tomasz", "Keisha", "Luis", "Mei", "Darnell", "Olga", "Rafael",
         "Siobhan", "Hiroshi", "Fatima", "Gregory", "Lakshmi", "Tyrone", "Ingrid", "Mateo", "Yolanda",
         "Desmond", "Anjali", "Brennan", "Carmen", "Dmitri", "Esperanza", "Femi", "Gloria", "Hamid",
         "Ivette", "Jerome", "Kalani", "Lorraine", "Nadia", "Omar", "Paulette", "Quentin", "Rosalind",
         "Sanjay", "Theresa", "Ulises", "Vera", "Wendell", "Ximena", "Yusuf", "Zora", "Bernadette",
         "Cornelius", "Delphine", "José", "Zoë", "Renée", "Aurelio", "Shonda", "Trinh", "Kwame",
         "Margarethe", "Lupe", "Arvid", "Noor", "Ezekiel"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Nguyen", "Abernathy", "Castellanos", "Whitfield",
        "Kowalczyk", "Delgado", "Fitzgerald", "Haddad", "Iwasaki", "Jablonski", "Kaur", "Ostrowski",
        "Pennington", "Quiñones", "Rasmussen", "Szabo", "Thibodeaux", "Underwood", "Vasquez", "Wojcik",
        "Yilmaz", "Zimmerman", "Brightwater", "Castillo", "Dubois", "Esposito", "Gallagher",
        "Henderson", "Ibarra", "Jankowski", "Lachance", "Moreau", "Novak", "Oyelaran", "Petrov",
        "Romero", "Sandoval", "Tran", "Villanueva", "Xiong", "Yazzie", "Núñez", "Albrecht",
        "McAllister", "O'Donnell", "Boateng", "Halvorsen", "Mendoza", "Takahashi"]
STAFF = ["Kendra", "Riley", "Brooke", "Javier", "Tamika", "Colin", "Marisol", "Devon", "Aisha",
         "Trevor", "Naomi", "Hector", "Leah", "Jasmine"]
DOCS = ["Whitcombe", "Adeyemi", "Halloran", "Vasquez-Lee", "Sorensen", "Patwardhan", "Mbatha",
        "Kessler", "Ferreira", "Lindgren", "Oduya", "Brannigan"]
CITIES = [("Springfield", "IL", "62704"), ("Rockford", "IL", "61107"), ("Tacoma", "WA", "98405"),
          ("Eugene", "OR", "97401"), ("Fresno", "CA", "93721"), ("San Jose", "CA", "95112"),
          ("Boise", "ID", "83702"), ("Tulsa", "OK", "74103"), ("Dayton", "OH", "45402"),
          ("Lansing", "MI", "48912"), ("Macon", "GA", "31201"), ("Albany", "NY", "12203"),
          ("Worcester", "MA", "01608"), ("Scranton", "PA", "18503"), ("Durham", "NC", "27701"),
          ("El Paso", "TX", "79901"), ("Mesa", "AZ", "85201"), ("Provo", "UT", "84601"),
          ("Fargo", "ND", "58102"), ("Duluth", "MN", "55802"), ("Savannah", "GA", "31401"),
          ("Bangor", "ME", "04401"), ("Pueblo", "CO", "81003"), ("Las Cruces", "NM", "88001"),
          ("Lafayette", "LA", "70501"), ("Hartford", "CT", "06103"), ("Newark", "NJ", "07102"),
          ("Yakima", "WA", "98901"), ("Chattanooga", "TN", "37402"), ("Sioux Falls", "SD", "57104")]
STREETS = ["Elm", "Maple", "Oak", "Cedar", "Willow", "Birch", "Sycamore", "Juniper", "Magnolia",
           "Chestnut", "Hawthorne", "Linden", "Aspen", "Poplar", "Laurel", "Dogwood", "Alder",
           "Spruce", "Briarwood", "Foxglove", "Old Mill", "Lakeview", "Ridgecrest", "Kingsley",
           "Prospect", "Harbor", "Quail Run", "Tamarack"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"), ("Place", "Pl."),
          ("Terrace", "Ter.")]
DIRS = [("north", "N."), ("south", "S."), ("east", "E."), ("west", "W.")]
AREA = ["415", "312", "617", "206", "503", "720", "919", "404", "702", "813", "614", "248", "860",
        "505", "208", "907", "808", "209", "410", "980", "347", "773"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net", "protonmail.com", "example.com", "example.org", "mail.example.net"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
CLINICS = ["Lakeside Family Medicine", "Northgate Internal Medicine", "Riverbend Pediatrics",
           "Cedar Hills Cardiology", "Summit Orthopedics", "Harborview Women's Health",
           "Parkway Community Pharmacy", "Valley Dermatology", "Bayside Imaging Center"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
ID_ALPHA = "ACDEFGHJKMNPRTUWXYZ"  # no O, I, B, L, S, Q-ish confusions with digits

NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima", "M": "mike",
        "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo", "S": "sierra",
        "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray", "Y": "yankee",
        "Z": "zulu"}
ASIN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank",
        "G": "george", "H": "henry", "I": "ida", "J": "john", "K": "king", "L": "larry", "M": "mary",
        "N": "nancy", "O": "ocean", "P": "peter", "Q": "queen", "R": "robert", "S": "sam", "T": "tom",
        "U": "uncle", "V": "victor", "W": "william", "X": "x-ray", "Y": "yellow", "Z": "zebra"}


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


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ssn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    a, g, n = s[:3], s[3:5], s[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000" and \
        s not in ("078051120", "219099999", "123456789")


def mbi_ok(m):
    if len(m) != 11:
        return False
    pat = ["C", "A", "X", "N", "A", "X", "N", "A", "A", "N", "N"]
    for ch, p in zip(m, pat):
        if p == "C" and ch not in "123456789":
            return False
        if p == "N" and not ch.isdigit():
            return False
        if p == "A" and ch not in MBI_ALPHA:
            return False
        if p == "X" and not (ch.isdigit() or ch in MBI_ALPHA):
            return False
    return True


def npi_ok(n):
    return bool(re.fullmatch(r"[12]\d{9}", n)) and luhn_ok("80840" + n)


class Person:
    def __init__(self, rng):
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        y = rng.randint(1936, 2006)
        start = datetime.date(y, 1, 1).toordinal()
        self.dob = datetime.date.fromordinal(start + rng.randint(0, 364))
        self.phone = rng.choice(AREA) + "55501" + "%02d" % rng.randint(0, 99)
        while True:
            s = "%03d%02d%04d" % (rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999))
            if ssn_ok(s):
                break
        self.ssn = s
        self.city, self.state, self.zip = rng.choice(CITIES)
        while True:
            h = str(rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                                rng.randint(1000, 9999), rng.randint(10000, 29999)]))
            if "00" not in h and not (len(h) % 2 == 0 and h[-1] == "0"):
                break
        self.house = h
        self.sname = rng.choice(STREETS)
        self.suffix = rng.choice(SUFFIX)
        self.dir = rng.choice(DIRS) if rng.random() < 0.25 else None
        self.unit = None
        if rng.random() < 0.3:
            self.unit = rng.choice([str(rng.randint(1, 9)) + rng.choice("ABCD"),
                                    str(rng.randint(101, 418)), str(rng.randint(2, 29))])
        f, l_ = ascii_fold(self.first).lower(), ascii_fold(self.last).lower().replace("'", "")
        yy = "%02d" % (self.dob.year % 100)
        local = rng.choice([f + "." + l_, f + l_ + yy, f[0] + l_, f + "_" + l_, l_ + "." + f + str(rng.randint(1, 9)),
                            f + l_[0] + str(rng.randint(10, 99)), f + "." + l_ + yy, f + "-" + l_])
        self.email = local + "@" + rng.choice(DOMAINS)
        mrn_kind = rng.random()
        if mrn_kind < 0.45:
            self.mrn = str(rng.randint(1000000, 9999999))
        elif mrn_kind < 0.75:
            self.mrn = str(rng.randint(10000000, 99999999))
        elif mrn_kind < 0.9:
            self.mrn = "E" + "%07d" % rng.randint(100000, 9999999)
        else:
            self.mrn = "%09d" % rng.randint(1000000, 999999999)
        k = rng.random()
        if k < 0.4:
            self.member = "".join(rng.choice(ID_ALPHA) for _ in range(3)) + str(rng.randint(100000000, 999999999))
        elif k < 0.7:
            self.member = rng.choice("WHMU") + str(rng.randint(100000000, 999999999))
        else:
            self.member = str(rng.randint(10000000, 99999999)) + "0" + str(rng.randint(1, 4))
        while True:
            m = str(rng.randint(1, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA + "0123456789") + \
                str(rng.randint(0, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA + "0123456789") + \
                str(rng.randint(0, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA) + \
                "%02d" % rng.randint(0, 99)
            if mbi_ok(m):
                break
        self.mbi = m
        prefixes = ["411111", "424242", "400005", "401288", "555555", "510510", "601100", "222300"]
        if rng.random() < 0.2:
            body = rng.choice(["378282", "371449", "340000"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        else:
            body = rng.choice(prefixes) + "".join(str(rng.randint(0, 9)) for _ in range(9))
        self.card = body + luhn_check_digit(body)
        self.alt_phone = rng.choice(AREA) + "55501" + "%02d" % rng.randint(0, 99)

    @property
    def full(self):
        return self.first + " " + self.last

    @property
    def age(self):
        return 2025 - self.dob.year


def make_npi(rng):
    body = str(rng.choice([1, 2])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_check_digit("80840" + body)


def recent_date(rng):
    start = datetime.date(2023, 6, 1).toordinal()
    return datetime.date.fromordinal(start + rng.randint(0, 700))


# --------------------------------------------------------------------------------------------
# numbers as ASR engines write them

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
HOMO = {"1": ["won"], "2": ["to", "too"], "4": ["for"], "8": ["ate"]}
UNITW = {"zero": "0", "oh": "0", "o": "0", "one": "1", "won": "1", "two": "2", "to": "2", "too": "2",
         "three": "3", "four": "4", "for": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
         "ate": "8", "nine": "9"}
TEENW = {w: str(10 + i) for i, w in enumerate(TEENS)}
TENSW = {w: str(i) for i, w in enumerate(TENS) if w}
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
for _d in range(21, 32):
    if _d not in ORD:
        ORD[_d] = TENS[_d // 10] + " " + ORD[_d % 10]


def spoken_digits(s):
    """Digits of a rendering the way a careful reader would hear them (used by --check)."""
    toks = re.findall(r"[a-z]+|\d+|[^\sa-z\d]", s.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in UNITW:
            out.append(UNITW[nxt] * (2 if t == "double" else 3))
            i += 1
        elif t in UNITW:
            out.append(UNITW[t])
        elif t in TEENW:
            out.append(TEENW[t])
        elif t in TENSW:
            if nxt in UNITW and UNITW[nxt] != "0":
                out.append(TENSW[t] + UNITW[nxt])
                i += 1
            else:
                out.append(TENSW[t] + "0")
        elif t == "hundred":
            out.append("00")
        i += 1
    return "".join(out)


class Voice:
    """How one speaker / engine renders one value: zero word, homophone rate, fillers."""

    def __init__(self, rng, style, homo=None):
        self.rng = rng
        self.zero = rng.choice(["oh", "oh", "oh", "zero", "o"])
        if homo is None:
            homo = rng.choice([0, 0, 0.2, 0.35, 0.6]) if style != "smart" else rng.choice([0, 0, 0.2])
        self.hp = homo
        self.tags = set()

    def d(self, ch, homo=True):
        if ch == "0":
            self.tags.add("zero_" + self.zero)
            return self.zero
        if homo and ch in HOMO and self.rng.random() < self.hp:
            self.tags.add("homophone")
            return self.rng.choice(HOMO[ch])
        return ONES[int(ch)]

    def digits(self, g, multi=False):
        out = []
        i = 0
        while i < len(g):
            ch = g[i]
            run = 1
            while i + run < len(g) and g[i + run] == ch:
                run += 1
            if multi and run >= 3 and self.rng.random() < 0.6:
                out += ["triple", self.d(ch, False)]
                self.tags.add("triple")
                i += 3
                continue
            if multi and run >= 2 and self.rng.random() < 0.6:
                out += ["double", self.d(ch, False)]
                self.tags.add("double")
                i += 2
                continue
            out.append(self.d(ch))
            i += 1
        return out

    def pair(self, pp, safe_end):
        a, b = pp
        if a == "0":
            return [self.d("0"), self.d(b)]
        if a == "1":
            return [TEENS[int(b)]]
        if b == "0":
            return [TENS[int(a)]] if safe_end else [self.d(a), self.d("0")]
        return [TENS[int(a)], self.d(b)]

    def pairs(self, g, safe_end):
        self.tags.add("pairs")
        if len(g) == 3 and g[1:] == "00" and g[0] != "0":
            return [self.d(g[0]), "hundred"]
        head = []
        if len(g) % 2 == 1:
            head = [g[0]]
            g = g[1:]
        # right to left: a bare "thirty" is only safe when the next word cannot join it ("thirty two")
        rendered = []
        nxt_safe = safe_end
        for k in range(len(g) - 2, -1, -2):
            words = self.pair(g[k:k + 2], nxt_safe)
            rendered.insert(0, words)
            nxt_safe = words[0] not in UNITW or UNITW[words[0]] == "0"
        out = [self.d(h) for h in head]
        for w in rendered:
            out += w
        return out


SEPS_PLAIN = [" ", ", ", ", ", ". ", "... ", " "]
SEPS_FILL = [" um ", ", uh, ", " uh ", " like ", "... um, ", " uh, "]


def render_groups(v, groups, mode, sep_pool=None, fill_p=0.0):
    """mode: w (digit words), p (pairs), wp (either per group), m (mix numerals/words), x (words, run-on)."""
    rng = v.rng
    sep_pool = sep_pool or SEPS_PLAIN
    parts = []
    seps = []
    for i in range(len(groups) - 1):
        if rng.random() < fill_p:
            seps.append(rng.choice(SEPS_FILL))
            v.tags.add("filler")
        else:
            seps.append(rng.choice(sep_pool))
    if mode == "m":
        kinds = [rng.choice("wn") for _ in groups]
        if "w" not in kinds:
            kinds[rng.randrange(len(groups))] = "w"
        if "n" not in kinds and len(groups) > 1:
            kinds[rng.randrange(len(groups))] = "n"
            if "w" not in kinds:
                kinds[0] = "w"
    elif mode == "wp":
        kinds = [rng.choice("wp") for _ in groups]
    elif mode == "x":
        kinds = ["w"] * len(groups)
        seps = [" "] * (len(groups) - 1)
    else:
        kinds = [mode] * len(groups)
    for i, (g, k) in enumerate(zip(groups, kinds)):
        last = i == len(groups) - 1
        safe = last or seps[i].strip() != ""
        if k == "w":
            parts.append(" ".join(v.digits(g, multi="multi" in v.tags)))
        elif k == "p":
            parts.append(" ".join(v.pairs(g, safe)))
        else:
            parts.append(g)
            v.tags.add("numerals")
    out = parts[0]
    for s, p in zip(seps, parts[1:]):
        out += s + p
    sepname = ""
    joined = "".join(seps)
    if "," in joined:
        sepname = "_comma"
    elif "." in joined:
        sepname = "_period"
    return out, sepname


def form_of(base, v, sepname=""):
    tags = sorted(t for t in v.tags if t not in ("pairs", "numerals", "multi"))
    return base + ("_" + "_".join(tags) if tags else "") + sepname


def split_at(s, sizes):
    out = []
    i = 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    return out


def random_regroup(rng, s):
    """An engine that puts spaces in the wrong places: '415 5550 132'."""
    n = len(s)
    while True:
        cuts = sorted(rng.sample(range(1, n), rng.randint(1, min(3, n - 1))))
        sizes = [b - a for a, b in zip([0] + cuts, cuts + [n])]
        if min(sizes) >= 2:
            break
    return " ".join(split_at(s, sizes))


def render_digit_value(rng, digits, groups, style, purpose, spoken_modes=("w", "p", "wp", "m", "x"),
                       cardinal=True):
    """Common renderer for digit strings (phone, SSN, card, ZIP, MRN, NPI)."""
    if purpose in ("summary", "field"):
        raise ValueError("written forms are entity specific")
    if purpose == "bot":
        k = rng.choice(["spaced", "dashed", "grouped", "grouped", "words"])
        if k == "spaced":
            return " ".join(digits), False, "bot_spaced_digits"
        if k == "dashed":
            return "-".join(digits), False, "bot_dashed_digits"
        if k == "grouped":
            sep = rng.choice([", ", " ", "-"])
            return sep.join(split_at(digits, groups)), False, "bot_grouped_digits"
        v = Voice(rng, "cased", homo=0)
        v.zero = rng.choice(["zero", "oh"])
        txt, sepn = render_groups(v, split_at(digits, groups), "w", [", "])
        return txt, True, form_of("bot_words", v, sepn)
    p_written = {"lower": 0.12, "cased": 0.35, "smart": 0.75}[style]
    if rng.random() < p_written:
        k = rng.choice(["regroup", "merged", "grouped", "grouped", "cardinal", "misplaced"])
        if k == "cardinal" and (not cardinal or digits[0] == "0" or len(digits) < 5):
            k = "grouped"
        if k == "regroup" and len(digits) >= 5:
            return random_regroup(rng, digits), False, "engine_regroup"
        if k == "merged" or (k == "regroup"):
            return digits, False, "engine_merged"
        if k == "cardinal":
            return "{:,}".format(int(digits)), False, "engine_cardinal_commas"
        if k == "misplaced" and len(digits) >= 6:
            g = random_regroup(rng, digits).split(" ")
            out = g[0]
            for p in g[1:]:
                out += rng.choice([". ", ", ", "."]) + p
            return out, False, "engine_misplaced_punct"
        sep = rng.choice([" ", "-", " ", "."])
        return sep.join(split_at(digits, groups)), False, "engine_grouped" + {" ": "_space", "-": "_dash", ".": "_dots"}[sep]
    v = Voice(rng, style)
    if rng.random() < 0.25:
        v.tags.add("multi")
    mode = rng.choice(spoken_modes)
    if mode == "m" and len(groups) < 2:
        mode = "w"
    fill_p = rng.choice([0, 0, 0.3, 0.6]) if purpose == "say" else 0.0
    txt, sepn = render_groups(v, split_at(digits, groups), mode, fill_p=fill_p)
    base = {"w": "digits", "p": "pairs", "wp": "digits_pairs", "m": "mixed_digits_words", "x": "digits_runon"}[mode]
    return txt, True, form_of(base, v, sepn)


# --------------------------------------------------------------------------------------------
# entity renderers: each returns (text, spoken, form)

def year_words(v, y, short=False):
    rng = v.rng
    if y >= 2000:
        if short:
            return v.d("0") + " " + v.d(str(y % 10)) if y < 2010 else " ".join(v.pair(str(y % 100), True))
        if y < 2010:
            return "two thousand " + ("and " if rng.random() < 0.3 else "") + ONES[y % 10]
        return rng.choice(["twenty " + " ".join(v.pair(str(y % 100), True)),
                           "two thousand " + " ".join(v.pair(str(y % 100), True))])
    hi = " ".join(v.pair(str(y // 100), True))
    lo = " ".join(v.pair("%02d" % (y % 100), True))
    return lo if short else hi + " " + lo


def r_date(rng, d, style, purpose, dob=True):
    m, day, y = d.month, d.day, d.year
    if purpose == "field":
        return d.isoformat(), False, "iso"
    if purpose in ("summary", "bot"):
        k = rng.choice(["mdy_slash", "mdy_slash", "month_d_y", "month_dth_y", "mdy_short", "dmy_mon"])
        if k == "mdy_slash":
            return "%02d/%02d/%d" % (m, day, y), False, "written_mdy_slash"
        if k == "month_d_y":
            return "%s %d, %d" % (MONTHS[m - 1], day, y), False, "written_month_d_y"
        if k == "month_dth_y":
            suf = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            return "%s %d%s, %d" % (MONTHS[m - 1], day, suf, y), False, "written_month_dth_y"
        if k == "mdy_short":
            return "%d/%d/%02d" % (m, day, y % 100), False, "written_mdy_short"
        return "%02d %s %d" % (day, MON3[m - 1], y), False, "written_d_mon_y"
    mon = MONTHS[m - 1] if style != "lower" else MONTHS[m - 1].lower()
    p_written = {"lower": 0.1, "cased": 0.3, "smart": 0.7}[style]
    v = Voice(rng, style)
    if rng.random() < p_written:
        k = rng.choice(["slash", "month_d_y", "split_year", "misplaced_comma", "spaced", "dash"])
        if k == "slash":
            return "%d/%d/%s" % (m, day, rng.choice([str(y), "%02d" % (y % 100)])), False, "engine_mdy_slash"
        if k == "month_d_y":
            return "%s %d, %d" % (mon, day, y), False, "engine_month_d_y"
        if k == "split_year":
            return "%s %d%s %d %02d" % (mon, day, rng.choice(["", "th" if day > 3 else ""]), y // 100, y % 100), False, "engine_split_year"
        if k == "misplaced_comma":
            return rng.choice(["%s, %d %d" % (mon, day, y), "%s %d, %d, %02d" % (mon, day, y // 100, y % 100),
                               "%d, %d, %d" % (m, day, y)]), False, "engine_misplaced_comma"
        if k == "spaced":
            return "%d %d %02d" % (m, day, y % 100), False, "engine_mdyy_spaced"
        return "%d-%d-%d" % (m, day, y), False, "engine_mdy_dash"
    k = rng.choice(["month_ord_full", "month_ord_full", "month_card_short", "the_ord_of", "num_md_yy",
                    "digits_mmddyy", "slash_words", "mixed", "month_ord_short"])
    if k == "month_ord_full":
        return "%s %s %s" % (mon, ORD[day], year_words(v, y)), True, form_of("month_ord_full", v)
    if k == "month_ord_short":
        return "%s %s %s" % (mon, ORD[day], year_words(v, y, True)), True, form_of("month_ord_short", v)
    if k == "month_card_short":
        dd = " ".join(v.pair("%02d" % day, True)) if day >= 10 else v.d(str(day))
        return "%s %s %s" % (mon, dd, year_words(v, y, True)), True, form_of("month_card_short", v)
    if k == "the_ord_of":
        return "the %s of %s %s" % (ORD[day], mon, year_words(v, y, rng.random() < 0.5)), True, form_of("the_d_of_m", v)
    if k == "num_md_yy":
        mm = " ".join(v.pair("%02d" % m, True)) if m >= 10 else v.d(str(m))
        dd = " ".join(v.pair("%02d" % day, True)) if day >= 10 else v.d(str(day))
        return "%s %s %s" % (mm, dd, year_words(v, y, rng.random() < 0.7)), True, form_of("num_md_yy", v)
    if k == "digits_mmddyy":
        s = "%02d%02d%s" % (m, day, rng.choice(["%02d" % (y % 100), str(y)]))
        txt, sepn = render_groups(v, [s[:2], s[2:4], s[4:]], rng.choice(["w", "w", "wp"]))
        return txt, True, form_of("digits_mmddyy", v, sepn)
    if k == "slash_words":
        mm = v.d(str(m)) if m < 10 else " ".join(v.pair(str(m), True))
        dd = v.d(str(day)) if day < 10 else " ".join(v.pair(str(day), True))
        return "%s slash %s slash %s" % (mm, dd, year_words(v, y, True)), True, form_of("slash_words", v)
    return rng.choice(["%s %s, %d" % (mon, ORD[day], y), "%s %d%s %s" % (mon, day, "th", year_words(v, y))]), True, form_of("mixed_month_digits_words", v)


def r_phone(rng, p, style, purpose):
    a, b, c = p[:3], p[3:6], p[6:]
    if purpose == "field":
        return "+1" + p, False, "e164"
    if purpose == "summary":
        k = rng.choice(["paren", "paren", "dash", "dots", "plus1"])
        return {"paren": "(%s) %s-%s" % (a, b, c), "dash": "%s-%s-%s" % (a, b, c), "dots": "%s.%s.%s" % (a, b, c),
                "plus1": "+1 %s-%s-%s" % (a, b, c)}[k], False, "written_" + k
    if style == "smart" and purpose == "say" and rng.random() < 0.35:
        return rng.choice(["(%s) %s-%s" % (a, b, c), "%s-%s-%s" % (a, b, c)]), False, "smart_format_phone"
    return render_digit_value(rng, p, [3, 3, 4], style, purpose)


def r_ssn(rng, s, style, purpose, last4=False):
    if last4:
        d = s[5:]
        if purpose in ("summary", "field"):
            k = rng.choice(["plain", "masked", "masked_x"])
            return {"plain": d, "masked": "***-**-" + d, "masked_x": "XXX-XX-" + d}[k], False, "last4_written_" + k
        if purpose == "bot":
            return rng.choice([" ".join(d), "-".join(d), d]), False, "last4_bot_digits"
        if rng.random() < {"lower": 0.1, "cased": 0.35, "smart": 0.7}[style]:
            return d, False, "last4_digits"
        v = Voice(rng, style)
        mode = rng.choice(["w", "w", "p"])
        txt = " ".join(v.digits(d) if mode == "w" else v.pairs(d, True))
        return txt, True, form_of("last4_" + ("words" if mode == "w" else "pairs"), v)
    if purpose in ("summary", "field"):
        return (s[:3] + "-" + s[3:5] + "-" + s[5:]) if rng.random() < 0.8 else s, False, "written_ssn"
    if style == "smart" and purpose == "say" and rng.random() < 0.3:
        return s[:3] + "-" + s[3:5] + "-" + s[5:], False, "smart_format_ssn"
    return render_digit_value(rng, s, [3, 2, 4], style, purpose)


def r_card(rng, c, style, purpose):
    groups = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
    if purpose in ("summary", "field"):
        sep = rng.choice([" ", "-", ""])
        return sep.join(split_at(c, groups)), False, "written_card"
    if purpose == "say" and rng.random() < 0.12:
        # the caller reads it in pairs of groups without pausing
        g = split_at(c, groups)
        v = Voice(rng, style)
        txt = " ".join(" ".join(v.digits(x)) for x in g)
        return txt, True, form_of("digits_runon", v)
    return render_digit_value(rng, c, groups, style, purpose)


def r_zip(rng, z, style, purpose):
    if purpose in ("summary", "field", "bot"):
        if purpose == "bot" and rng.random() < 0.5:
            return " ".join(z), False, "bot_spaced_digits"
        return z, False, "written_zip"
    groups = rng.choice([[5], [5], [2, 3], [3, 2], [1, 2, 2]])
    return render_digit_value(rng, z, groups, style, purpose, spoken_modes=("w", "w", "p", "wp"))


def r_plain_digits(rng, d, style, purpose, groups):
    if purpose in ("summary", "field"):
        return d, False, "written_digits"
    return render_digit_value(rng, d, groups, style, purpose)


def say_alnum(rng, s, style, purpose):
    """Letters+digits ids (MRN with prefix, member id, MBI)."""
    if purpose in ("summary", "field"):
        return s, False, "written_alnum"
    if purpose == "bot":
        return rng.choice([" ".join(s), "-".join(s), s]), False, "bot_alnum"
    if rng.random() < {"lower": 0.1, "cased": 0.3, "smart": 0.6}[style]:
        # engine writes it with letters capitalised and digits grouped oddly
        k = rng.choice(["spaced", "chunks", "solid"])
        if k == "spaced":
            return " ".join(s), False, "engine_alnum_spaced"
        if k == "chunks":
            out = re.sub(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])", " ", s)
            return out, False, "engine_alnum_chunks"
        return s, False, "engine_alnum_solid"
    v = Voice(rng, style)
    letter_style = rng.choice(["plain", "plain", "nato", "as_in", "dotted"])
    words = []
    digit_run = ""
    for ch in s + "#":
        if ch.isdigit():
            digit_run += ch
            continue
        if digit_run:
            if len(digit_run) >= 4 and rng.random() < 0.4:
                words.append(render_groups(v, split_at(digit_run, [2] * (len(digit_run) // 2) + ([len(digit_run) % 2] if len(digit_run) % 2 else [])), "wp")[0])
            else:
                words.append(" ".join(v.digits(digit_run)))
            digit_run = ""
        if ch == "#":
            break
        low = ch.lower() if style == "lower" else ch
        if letter_style == "plain":
            words.append(low)
        elif letter_style == "dotted":
            words.append(ch + ".")
        elif letter_style == "nato":
            words.append(NATO[ch])
        else:
            words.append("%s as in %s" % (low, ASIN[ch]))
    txt = " ".join(words)
    if letter_style == "as_in":
        txt = txt.replace(" as in", " as in")
    return txt, True, form_of("alnum_" + letter_style, v)


def r_mbi(rng, m, style, purpose):
    if purpose in ("summary", "field"):
        return (m[:4] + "-" + m[4:7] + "-" + m[7:]) if rng.random() < 0.5 else m, False, "written_mbi"
    return say_alnum(rng, m, style, purpose)


def r_member(rng, m, style, purpose):
    if m.isdigit():
        if purpose in ("summary", "field"):
            return m, False, "written_digits"
        return render_digit_value(rng, m, [3, 3, 2, 2] if len(m) == 10 else [3, 3, 4], style, purpose, cardinal=False)
    return say_alnum(rng, m, style, purpose)


def r_mrn(rng, m, style, purpose):
    if not m.isdigit():
        return say_alnum(rng, m, style, purpose)
    if purpose in ("summary", "field"):
        return m, False, "written_digits"
    groups = {7: [3, 4], 8: [4, 4], 9: [3, 3, 3]}[len(m)]
    if rng.random() < 0.3:
        groups = [len(m)]
    return render_digit_value(rng, m, groups, style, purpose)


def r_npi(rng, n, style, purpose):
    if purpose in ("summary", "field"):
        return n, False, "written_digits"
    return render_digit_value(rng, n, rng.choice([[3, 3, 4], [10], [4, 3, 3], [5, 5]]), style, purpose)


def spell_letters(rng, word, style):
    w = ascii_fold(word).replace("'", "")
    k = rng.choice(["space", "space", "dash", "nato", "as_in"])
    low = w.lower() if style == "lower" else w.upper()
    if k == "space":
        return " ".join(low), "spelled_space"
    if k == "dash":
        return "-".join(low), "spelled_dash"
    if k == "nato":
        return " ".join(NATO[c.upper()] for c in w), "spelled_nato"
    return ", ".join("%s as in %s" % (c, ASIN[c.upper()]) for c in low), "spelled_as_in_comma"


def r_name(rng, name, style, purpose, part="full"):
    """name is the canonical written name; part is full/first/last."""
    if purpose in ("summary", "field", "bot"):
        return name, False, "written_name"
    if style == "lower":
        return name.lower(), True, "name_" + part + "_lower"
    return name, True, "name_" + part


def r_email(rng, e, style, purpose):
    if purpose in ("summary", "field", "bot"):
        return e, False, "written_email"
    local, dom = e.split("@")
    p_written = {"lower": 0.1, "cased": 0.3, "smart": 0.6}[style]
    if rng.random() < p_written:
        k = rng.choice(["plain", "cap", "space_at", "space_dot"])
        if k == "plain":
            return e, False, "engine_email"
        if k == "cap":
            return local[:1].upper() + local[1:] + "@" + dom[:1].upper() + dom[1:], False, "engine_email_capitalised"
        if k == "space_at":
            return local + " @" + dom, False, "engine_email_space_at"
        i = dom.rfind(".")
        return local + "@" + dom[:i + 1] + " " + dom[i + 1:], False, "engine_email_split_tld"
    v = Voice(rng, style)
    spell = rng.random() < 0.25
    pieces = re.findall(r"[a-z]+|\d+|[._-]", local)
    words = []
    for pc in pieces:
        if pc == ".":
            words.append("dot")
        elif pc == "_":
            words.append("underscore")
        elif pc == "-":
            words.append(rng.choice(["dash", "hyphen"]))
        elif pc.isdigit():
            words.append(" ".join(v.pairs(pc, True) if len(pc) == 2 and rng.random() < 0.6 else v.digits(pc)))
        elif spell and len(pc) > 1:
            words.append(" ".join(pc))
        else:
            words.append(pc)
    at = rng.choice(["at", "at", "at", "at sign", "at symbol"])
    dk = rng.random()
    if dk < 0.5:
        dwords = dom.replace(".", " dot ")
        if dom.startswith("gmail") and rng.random() < 0.3:
            dwords = dwords.replace("gmail", "g mail")
    elif dk < 0.8:
        dwords = dom
    else:
        dwords = dom.replace(".", " dot ").replace("dot com", "dot calm") if dom.endswith(".com") else dom.replace(".", " dot ")
    txt = " ".join(words) + " " + at + " " + dwords
    form = "email_" + ("spelled" if spell else "words") + ("_domain_written" if "." in dwords else "")
    if "calm" in dwords:
        form += "_misheard_tld"
    if "g mail" in dwords:
        form += "_split_domain"
    if at != "at":
        form += "_" + at.replace(" ", "_")
    return txt, True, form_of(form, v)


def street_written(p, abbrev=True):
    s = p.house + " "
    if p.dir:
        s += p.dir[1] + " "
    s += p.sname + " " + (p.suffix[1] if abbrev else p.suffix[0])
    if p.unit:
        s += ", " + ("Apt. " if abbrev else "Apartment ") + p.unit
    return s


def r_street(rng, p, style, purpose):
    if purpose in ("summary", "field", "bot"):
        return street_written(p, rng.random() < 0.7), False, "written_street"
    if rng.random() < {"lower": 0.15, "cased": 0.35, "smart": 0.7}[style]:
        s = street_written(p, rng.random() < 0.3)
        if style == "lower":
            s = s.lower().replace(",", "")
        return s, False, "engine_street"
    v = Voice(rng, style)
    k = rng.choice(["pairs", "digits", "pairs"])
    house = " ".join(v.pairs(p.house, True) if k == "pairs" else v.digits(p.house))
    words = [house]
    if p.dir:
        words.append(p.dir[0])
    words.append(p.sname.lower() if style == "lower" else p.sname)
    suf = p.suffix[0]
    words.append(suf.lower() if style == "lower" else suf)
    form = "house_" + k
    if p.unit:
        unit = p.unit
        uw = []
        digs = re.match(r"\d+", unit).group(0)
        uw.append(" ".join(v.pairs(digs, True) if len(digs) == 3 and rng.random() < 0.5 else v.digits(digs)))
        if unit[-1].isalpha():
            uw.append(unit[-1].lower() if style == "lower" else unit[-1])
        words.append(rng.choice(["apartment", "unit", "apt"]) + " " + " ".join(uw))
        form += "_unit"
    return " ".join(words), True, form_of(form, v)


def r_city(rng, city, style, purpose):
    if purpose in ("summary", "field", "bot"):
        return city, False, "written_city"
    return (city.lower() if style == "lower" else city), True, "city_" + ("lower" if style == "lower" else "cased")


# --------------------------------------------------------------------------------------------
# hard negatives

def neg_text(rng, what, style, variant=None):
    v = Voice(rng, style)
    sm = style == "smart"
    lo = style == "lower"

    def pick(spoken, written):
        return rng.choice(written) if (sm and written) else rng.choice(spoken)

    if what == "dose":
        return pick(["ten milligrams", "five hundred milligrams", "twenty five milligrams", "for milligrams",
                     "two puffs", "one tablet", "forty units", "point five milligrams", "fifty mcg", "to tablets"],
                    ["10 mg", "500 mg", "25 mg", "0.5 mg", "40 units", "2 puffs", "81 mg"])
    if what == "blood_pressure":
        return pick(["one thirty over eighty five", "one forty two over ninety", "one twenty over seventy ate",
                     "hundred and ten over seventy"], ["130/85", "142/90", "118/76"])
    if what == "time":
        return pick(["two thirty", "ten fifteen", "eight forty five", "nine a m", "three o'clock", "quarter after ten"],
                    ["2:30 PM", "10:15", "8:45 a.m.", "3:00"])
    if what == "duration":
        return pick(["two weeks", "three days", "ten days", "about six months", "for five days", "ate weeks"],
                    ["2 weeks", "10 days", "3 days", "6 months"])
    if what == "money":
        return pick(["forty five dollars", "a hundred and twenty dollars", "thirty dollars", "two fifty", "twelve ninety nine"],
                    ["$45", "$120.00", "$30", "$12.99", "$250"])
    if what == "room_number":
        return pick(["room four twelve", "room two oh six", "room three fourteen b"], ["room 412", "Room 206"])
    if what == "count":
        return pick(["two", "three", "five", "to"], ["2", "3"])
    if what == "age":
        return pick(["seventy eight", "eighty four", "sixty two", "fifty one", "eighty ate"], ["78", "84", "62"])
    if what == "appointment_date":
        return pick(["tuesday the fourteenth", "march twenty first", "next thursday the ninth", "the twenty second",
                     "june third", "monday october sixth"], ["3/14", "June 3rd", "Tuesday, March 14", "10/6"])
    if what == "year":
        return pick(["twenty nineteen", "two thousand eighteen", "twenty twenty two"], ["2019", "2018", "2022"])
    if what == "weight":
        return pick(["one eighty five pounds", "two hundred and ten pounds", "one forty"], ["185 lbs", "210 pounds"])
    if what == "height":
        return pick(["five foot ten", "five eleven", "six foot two"], ["5 ft 10", "6 ft 2"])
    if what == "lab_value":
        if variant == "k":
            return pick(["four point one", "three point ate", "five point two"], ["4.1", "3.8", "5.2"])
        return pick(["seven point two", "six point ate", "nine point one"], ["7.2", "6.8%", "9.1"])
    if what == "vital_sign":
        if variant == "pulse":
            return pick(["seventy ate", "a hundred and four", "sixty two"], ["78", "104", "62 bpm"])
        if variant == "spo2":
            return pick(["ninety six percent", "ninety to percent", "eighty nine percent"], ["96%", "92%", "89%"])
        return pick(["ninety eight point six", "a hundred and one point two", "one oh one"], ["98.6", "101.2", "100.4 F"])
    if what == "step_count":
        return pick(["eight thousand steps", "like ten thousand steps", "six thousand five hundred steps"], ["8,000 steps", "10,000 steps"])
    if what == "confirmation_number":
        d = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([6, 7, 8])))
        if sm or rng.random() < 0.3:
            return rng.choice([d, "CNF-" + d, "C" + d])
        return " ".join(v.digits(d))
    if what == "order_number":
        d = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([8, 9, 10])))
        if sm or rng.random() < 0.4:
            return rng.choice([d, d[:4] + "-" + d[4:], "RX" + d])
        return " ".join(v.digits(d))
    if what == "reference_number":
        d = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([10, 11, 12])))
        if sm or rng.random() < 0.4:
            return rng.choice([d, d[:4] + " " + d[4:8] + " " + d[8:]])
        return render_groups(v, split_at(d, [4, 4, len(d) - 8]), "w")[0]
    if what == "emergency_number":
        return pick(["nine one one", "nine won won", "nine one one"], ["911"])
    if what == "menu_option":
        return pick(["press one", "press two", "press to", "press three", "press for", "press zero"], ["press 1", "press 2", "press 0"])
    if what == "extension":
        d = str(rng.randint(2000, 7999))
        return pick(["extension " + " ".join(v.digits(d)), "ext " + " ".join(v.digits(d))], ["ext. " + d, "extension " + d])
    if what == "common_word":
        return rng.choice(["will", "may", "bill", "hope", "mark", "grant"])
    raise KeyError(what)


# each template: list of (role, text); {what} placeholders become negatives
NEG_TEMPLATES = [
    [("A", "And you're still taking the lisinopril, {dose} once a day?"), ("C", "Yeah, {dose} in the morning.")],
    [("A", "Your blood pressure last visit was {blood_pressure}.")],
    [("C", "I checked it this morning, it was like {blood_pressure}, which is high for me.")],
    [("A", "I have an opening on {appointment_date} at {time}."), ("C", "Um, {time} works.")],
    [("C", "Can we do {appointment_date} instead? Mornings are better, like {time}.")],
    [("A", "Your copay for that visit will be {money}.")],
    [("C", "I already paid {money} on that last month.")],
    [("A", "Your confirmation number is {confirmation_number}.")],
    [("A", "Okay, I put the order in, order number {order_number}.")],
    [("A", "The claim number on that is {reference_number}.")],
    [("A", "If you get chest pain or trouble breathing, hang up and call {emergency_number}.")],
    [("C", "It's been going on for about {duration} now.")],
    [("A", "And how old is she?"), ("C", "She's {age}.")],
    [("C", "I weigh about {weight} right now, and I'm {height}.")],
    [("A", "Your A1C came back at {lab_value:a1c}, and the potassium was {lab_value:k}.")],
    [("A", "Pulse was {vital_sign:pulse} and the oxygen was {vital_sign:spo2}.")],
    [("C", "My temperature this morning was {vital_sign:temp}.")],
    [("C", "My watch says I do {step_count} a day, so.")],
    [("A", "She's up in {room_number} on the fourth floor.")],
    [("A", "You can reach the nurse line directly at {extension}.")],
    [("C", "I {common_word} try that, thank you.")],
    [("A", "That's {count} refills left on it."), ("C", "Okay good.")],
    [("C", "I take {count} of the white ones at night.")],
    [("C", "I had the surgery back in {year}.")],
    [("A", "It's gonna take {duration} for the prior auth to come back.")],
    [("C", "They gave me {dose} of prednisone for {duration}.")],
]
COMMON_WORD_TEMPLATES = {
    "will": [("C", "I {common_word} call back if it gets worse.")],
    "may": [("A", "{common_word} I place you on a brief hold?")],
    "bill": [("C", "I got a {common_word} in the mail I don't understand.")],
    "hope": [("C", "I {common_word} it's nothing serious.")],
    "mark": [("A", "I'll {common_word} that as urgent for the nurse.")],
    "grant": [("A", "I can't {common_word} access to her chart without the form.")],
}
IVR_TEMPLATES = [
    [("A", "Thank you for calling. For the pharmacy, {menu_option}. For billing, {menu_option}.")],
    [("A", "If this is a medical emergency, hang up and dial {emergency_number}. For scheduling, {menu_option}.")],
]


# --------------------------------------------------------------------------------------------
# carrier exchanges (MTS-Dialog, CC BY 4.0)

BAD_WORDS = re.compile(r"\b(doctor|dr|mister|mr|mrs|ms|miss|name|named|born|birthday|address|phone|"
                       r"number|email|social|insurance|years?|old|age|date|street|city|zip|call me)\b", re.I)
OK_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "Okay", "OK"}


def clean_line(t):
    if re.search(r"\d", t) or not 12 <= len(t) <= 170:
        return False
    if re.search(r"[\"\[\]{}<>@#/\\_*|=+~`$%^&]", t):
        return False
    if BAD_WORDS.search(t):
        return False
    start = True
    for tok in t.split():
        w = tok.strip(",.;:!?()'-")
        if w and not start and w[0].isupper() and w not in OK_CAPS:
            return False
        start = tok.endswith((".", "?", "!"))
    return True


def find_carrier(arg):
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [arg, os.environ.get("CARRIER_DIR"),
             os.path.join(here, "..", "..", "..", "..", "..", "shared", "carrier-sources"),
             os.path.join(here, "..", "..", "..", "..", "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")):
            return c
    sys.exit("carrier sources not found (use --carrier-dir or CARRIER_DIR)")


def load_carrier(d):
    windows = []
    for fn in ["MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"]:
        with open(os.path.join(d, "mts-dialog", fn), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient):\s*(.+?)\s*$", line)
                    if not m:
                        turns = []
                        break
                    turns.append(("A" if m.group(1) == "Doctor" else "C", re.sub(r"\s+", " ", m.group(2))))
                best = []
                for i in range(len(turns)):
                    if turns[i][0] != "A":
                        continue
                    w = []
                    for j in range(i, min(len(turns), i + 4)):
                        if not clean_line(turns[j][1]) or (w and turns[j][0] == w[-1][0]):
                            break
                        w.append(turns[j])
                    if len(w) >= 2 and len(w) > len(best):
                        best = w
                if best:
                    windows.append(best)
    return windows


# --------------------------------------------------------------------------------------------
# building a call

LABELSETS = {
    "lower": [("[agent]", "[caller]", "[family]"), ("[nurse]", "[patient]", "[daughter]"),
              ("[doctor]", "[patient]", "[wife]"), ("spk_0:", "spk_1:", "spk_2:"),
              ("speaker 0:", "speaker 1:", "speaker 2:"), ("[scheduler]", "[patient]", "[son]"),
              ("[pharmacist]", "[caller]", "[husband]")],
    "cased": [("Speaker 0:", "Speaker 1:", "Speaker 2:"), ("Agent:", "Customer:", "Speaker 3:"),
              ("SPEAKER_00:", "SPEAKER_01:", "SPEAKER_02:"), ("[Speaker 1]", "[Speaker 2]", "[Speaker 3]"),
              ("Rep:", "Member:", "Other:"), ("AI:", "User:", "User 2:"), ("A:", "B:", "C:"),
              ("Channel 0:", "Channel 1:", "Channel 2:"), ("Operator:", "Caller:", "Caller 2:"),
              ("Nurse:", "Patient:", "Family:"), ("PHARMACY:", "CALLER:", "THIRD PARTY:"),
              ("bot:", "human:", "human 2:"), ("Front Desk:", "Patient:", "Spouse:"),
              ("spk_0:", "spk_1:", "spk_2:"), ("Speaker A:", "Speaker B:", "Speaker C:")],
}
LABELSETS["smart"] = LABELSETS["cased"]

Q = {
    "NAME": ["Can I get your first and last name?", "Who am I speaking with today?",
             "Could I have your full name, please?", "And the patient's name?"],
    "DOB": ["Can you verify your date of birth?", "And what's the date of birth?", "What is your birthday?",
            "Date of birth for me?", "I just need the date of birth to pull up the chart."],
    "PHONE": ["What's the best number to reach you?", "And a callback number?",
              "What phone number should we have on file?", "Is there a good number for the pharmacist to call you back?",
              "Can I get a phone number?"],
    "SSN": ["Can I get your social security number?", "I'll need the social for the application.",
            "And the social?", "What's your social security number?"],
    "SSN4": ["Can you give me the last four of your social?", "For verification, the last four of your social security number?",
             "Last four of the social?"],
    "MRN": ["Do you have your medical record number handy?", "What's the MRN on that?",
            "Can you read me the medical record number off the paperwork?", "Do you have the patient's MRN?"],
    "ZIP": ["And what's your zip code?", "Billing zip code?", "Zip code on the account?", "And the zip?"],
    "CARD": ["Go ahead with the card number whenever you're ready.", "What's the card number?",
             "Okay, and the card number?", "Can you read me the long number on the front of the card?"],
    "EMAIL": ["What email should we send the portal link to?", "Can I get an email address?",
              "And your email?", "What's the best email for you?"],
    "STREET": ["What's your street address?", "And the mailing address?", "What address should we ship it to?",
               "What's the home address?"],
    "CITY": ["And what city is that?", "City?", "Which city is that in?"],
    "MEMBER_ID": ["Can you read me the member ID off the insurance card?", "What's the member ID?",
                  "And the subscriber ID number?", "Do you have the ID number from the card?"],
    "MBI": ["Do you have the Medicare number, the one on the red white and blue card?",
            "Can I get the Medicare beneficiary identifier?", "What's the Medicare ID?"],
    "NPI": ["What's the NPI of the ordering provider?", "Can I get the referring doctor's NPI?",
            "And the rendering provider NPI?"],
    "DATE_ADM": ["When was she admitted?", "What date was the admission?"],
    "DATE_DIS": ["And when was the discharge?", "What was the discharge date?"],
    "DATE_DEATH": ["I'm so sorry. What was the date of death?", "And the date he passed?"],
}
SAME = {
    "NAME": ["Hi, yeah, my name is {v}.", "This is {v}.", "My name's {v}.", "Yes, the patient's name is {v}."],
    "DOB": ["My date of birth is {v}.", "Birthday is {v}.", "Um, date of birth {v}.", "I was born {v}."],
    "PHONE": ["My cell is {v}.", "You can call me at {v}.", "My phone number is {v}.", "Best number is {v}."],
    "SSN": ["My social is {v}.", "Social security number is {v}.", "Okay, my social, {v}."],
    "SSN4": ["Last four of my social is {v}.", "Last four of the social, {v}.", "The last four of my social are {v}."],
    "MRN": ["The medical record number is {v}.", "It says MRN {v}.", "Her MRN is {v}."],
    "ZIP": ["Zip code is {v}.", "My zip is {v}.", "The zip code there is {v}."],
    "CARD": ["Okay, card number is {v}.", "The card number is {v}.", "It's a Visa, card number {v}."],
    "EMAIL": ["My email is {v}.", "Email address is {v}.", "You can email me at {v}."],
    "STREET": ["I live at {v}.", "Mailing address is {v}.", "The address is {v}."],
    "CITY": ["I'm over in {v}.", "The city is {v}.", "I live in {v}."],
    "MEMBER_ID": ["Member ID is {v}.", "The ID on the card is {v}.", "Subscriber ID {v}."],
    "MBI": ["My Medicare number is {v}.", "The Medicare ID is {v}."],
    "NPI": ["The NPI is {v}.", "Doctor's NPI, {v}."],
    "DATE_ADM": ["She was admitted {v}.", "Admission date was {v}."],
    "DATE_DIS": ["He was discharged {v}.", "They sent her home, discharge date was {v}."],
    "DATE_DEATH": ["He passed away {v}.", "She died {v}."],
}
Q3 = {
    "NAME": ["And the patient's name?", "What's the patient's full name?"],
    "DOB": ["And the patient's date of birth?", "Date of birth on the patient?", "What's the patient's birthday?"],
    "SSN": ["Do you have the patient's social security number?", "And the patient's social?"],
    "SSN4": ["Can you give me the last four of the patient's social?"],
    "MRN": ["Do you have the patient's MRN?", "What's the medical record number on the patient?"],
    "PHONE": ["Is there a good phone number for the patient?", "And a contact number for the patient?"],
}
SAME3 = {
    "NAME": ["The patient's name is {v}.", "Patient name is {v}."],
    "DOB": ["The patient's date of birth is {v}.", "Date of birth {v}."],
    "SSN": ["The patient's social is {v}.", "Social on the patient is {v}."],
    "SSN4": ["Last four of the patient's social, {v}."],
    "MRN": ["MRN is {v}.", "The medical record number is {v}."],
    "PHONE": ["The patient's number is {v}.", "Home phone for the patient is {v}."],
}
BARE = ["{v}.", "Yeah, it's {v}.", "Um, {v}.", "{v}, yeah.", "Sure, {v}.", "Okay, uh, {v}.", "It's {v}.",
        "Yeah, {v}."]
READBACK = ["Okay, I have {v}, is that right?", "Just to confirm, {v}?", "Let me read that back, {v}.",
            "{v}, got it.", "So that's {v}, correct?"]
NONE_MID = {
    "PHONE": ["Oh, and {v}, you can write that down.", "{v}, in case we get disconnected.",
              "Actually, uh, {v}, that one's better during the day."],
    "EMAIL": ["Oh and {v}, for the portal thing.", "And {v}, if you can send it there."],
    "MRN": ["Oh, I have the paper here, it says {v} up at the top."],
    "CARD": ["Okay, here, {v}. Did you get all that?"],
    "SSN": ["Okay, I have the card right here, {v}."],
    "ZIP": ["Oh wait, it changed, {v}, we moved."],
}
REASONS = {
    "scheduling": "a follow-up appointment", "refill": "a refill on my blood pressure medicine",
    "billing": "a bill I got", "insurance": "my insurance", "registration": "becoming a new patient",
    "triage": "my symptoms", "results": "my lab results", "referral": "a referral",
    "discharge": "my mom's discharge", "records": "my father's records", "portal": "the patient portal",
}


class Ctx:
    def __init__(self):
        self.labels = []

    def span(self, text, entity, spoken, cue, form, value, group=None):
        d = {"type": "span", "entity": entity, "spoken": spoken, "cue": cue, "form": form, "value": value}
        if group is not None:
            d["group"] = group
        self.labels.append(d)
        return MA + str(len(self.labels) - 1) + MB + text + MC

    def neg(self, text, what):
        self.labels.append({"type": "neg", "what": what})
        return MA + str(len(self.labels) - 1) + MB + text + MC


def unmark(ms):
    plain, lab = [], []
    pos = 0
    for m in MARK.finditer(ms):
        seg = ms[pos:m.start()]
        plain.append(seg)
        lab += [None] * len(seg)
        plain.append(m.group(2))
        lab += [int(m.group(1))] * len(m.group(2))
        pos = m.end()
    plain.append(ms[pos:])
    lab += [None] * (len(ms) - pos)
    return "".join(plain), lab


def extract(ctx, marked):
    """Marked string -> (text, spans, negatives) with byte offsets."""
    out = []
    spans, negs = [], []
    nbytes = 0
    pos = 0
    seen = collections.Counter()
    group_ids = {}
    for m in MARK.finditer(marked):
        seg = marked[pos:m.start()]
        out.append(seg)
        nbytes += len(seg.encode("utf-8"))
        t = m.group(2)
        idx = int(m.group(1))
        b0 = nbytes
        out.append(t)
        nbytes += len(t.encode("utf-8"))
        lab = ctx.labels[idx]
        if lab["type"] == "span":
            seen[idx] += 1
            s = {"start": b0, "end": nbytes, "entity": lab["entity"], "spoken": lab["spoken"],
                 "cue": lab["cue"], "form": lab["form"], "value": lab["value"]}
            if "group" in lab:
                key = (lab["group"], seen[idx])
                if key not in group_ids:
                    group_ids[key] = len(group_ids) + 1
                s["group"] = group_ids[key]
            spans.append(s)
        else:
            negs.append({"start": b0, "end": nbytes, "what": lab["what"]})
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert MA not in text and MB not in text and MC not in text
    return text, spans, negs


def apply_style(ms, style):
    """Lower style: lowercase and strip punctuation outside marked values; else capitalise."""
    if style == "lower":
        res = []
        pos = 0
        for m in MARK.finditer(ms):
            res.append(_lower_strip(ms[pos:m.start()]))
            res.append(m.group(0))
            pos = m.end()
        res.append(_lower_strip(ms[pos:]))
        s = re.sub(r" {2,}", " ", "".join(res)).strip()
        return s
    i = 0
    while i < len(ms) and ms[i] == MA:
        j = ms.index(MB, i)
        i = j + 1
    if i < len(ms) and ms[i].isalpha() and ms[i].islower():
        ms = ms[:i] + ms[i].upper() + ms[i + 1:]
    return ms


def _lower_strip(s):
    s = s.lower()
    s = re.sub(r"[.,?!;:](?=\s|$)", "", s)
    s = s.replace("--", " ")
    return s


class Call:
    def __init__(self, rng, ctx, style, channel, calltype):
        self.rng = rng
        self.ctx = ctx
        self.style = style
        self.channel = channel  # transcript or profile name
        self.calltype = calltype
        self.turns = []  # [role, marked]
        self.p = Person(rng)
        self.facts = collections.OrderedDict()
        self.negfacts = collections.OrderedDict()
        self.agent = rng.choice(STAFF)
        self.doc = rng.choice(DOCS)
        self.clinic = rng.choice(CLINICS)
        self.group_n = 0
        self.diarize_ok = channel in ("transcript", "deepgram", "transcribe")
        self.bot_agent = channel in ("vapi", "retell", "signalwire")
        self.used_neg = set()
        self.third = calltype in ("referral", "discharge", "records")

    # -- low level
    def say(self, role, text):
        if role != "A" or not self.bot_agent:
            if self.rng.random() < 0.2 and not text.startswith(MA):
                text = self.rng.choice(["Um, ", "Uh, ", "So, ", "Okay, ", "Like, ", "Yeah, um, "]) + text[0].lower() + text[1:] \
                    if not text.startswith("I ") and not text.startswith("I'") else self.rng.choice(["Um, ", "Uh, "]) + text
        self.turns.append([role, text])

    def purpose(self, role):
        return "bot" if (role == "A" and self.bot_agent) else "say"

    def value_style(self, role):
        return "smart" if (role == "A" and self.bot_agent) else self.style

    def render(self, ent, role, purpose=None):
        rng = self.rng
        p = self.p
        purpose = purpose or self.purpose(role)
        st = self.value_style(role)
        if ent == "NAME":
            return r_name(rng, p.full, st, purpose)
        if ent == "FIRST":
            return r_name(rng, p.first, st, purpose, "first")
        if ent == "LAST":
            return r_name(rng, p.last, st, purpose, "last")
        if ent == "DOB":
            return r_date(rng, p.dob, st, purpose)
        if ent.startswith("DATE_"):
            return r_date(rng, self.facts[ent], st, purpose, dob=False)
        if ent == "PHONE":
            return r_phone(rng, p.phone, st, purpose)
        if ent == "SSN":
            return r_ssn(rng, p.ssn, st, purpose)
        if ent == "SSN4":
            return r_ssn(rng, p.ssn, st, purpose, last4=True)
        if ent == "MRN":
            return r_mrn(rng, p.mrn, st, purpose)
        if ent == "ZIP":
            return r_zip(rng, p.zip, st, purpose)
        if ent == "CARD":
            return r_card(rng, p.card, st, purpose)
        if ent == "EMAIL":
            return r_email(rng, p.email, st, purpose)
        if ent == "STREET":
            return r_street(rng, p, st, purpose)
        if ent == "CITY":
            return r_city(rng, p.city, st, purpose)
        if ent == "MEMBER_ID":
            return r_member(rng, p.member, st, purpose)
        if ent == "MBI":
            return r_mbi(rng, p.mbi, st, purpose)
        if ent == "NPI":
            return r_npi(rng, self.facts["NPI"], st, purpose)
        raise KeyError(ent)

    def value_of(self, ent):
        p = self.p
        return {"NAME": p.full, "FIRST": p.first, "LAST": p.last, "DOB": p.dob.isoformat(), "PHONE": p.phone,
                "SSN": p.ssn, "SSN4": p.ssn, "MRN": p.mrn, "ZIP": p.zip, "CARD": p.card, "EMAIL": p.email,
                "STREET": street_written(p, False), "CITY": p.city, "MEMBER_ID": p.member, "MBI": p.mbi,
                "NPI": self.facts.get("NPI"),
                "DATE_ADM": str(self.facts.get("DATE_ADM")), "DATE_DIS": str(self.facts.get("DATE_DIS")),
                "DATE_DEATH": str(self.facts.get("DATE_DEATH"))}[ent]

    @staticmethod
    def entity_of(ent):
        return {"FIRST": "NAME", "LAST": "NAME", "SSN4": "SSN", "DATE_ADM": "DATE", "DATE_DIS": "DATE",
                "DATE_DEATH": "DATE"}.get(ent, ent)

    def mark(self, ent, rendered, cue, group=None):
        text, spoken, form = rendered
        return self.ctx.span(text, self.entity_of(ent), spoken, cue, form, self.value_of(ent), group)

    def fact(self, ent):
        if ent not in self.facts:
            self.facts[ent] = self.value_of(ent)

    # -- value exchanges
    def exchange(self, ent, cue=None, asker="A", answerer="C", readback=None):
        """Ask/answer (or volunteer) one value, with ASR accidents."""
        rng = self.rng
        self.fact(ent)
        if cue is None:
            cue = rng.choice(["prev", "prev", "same", "same"] + (["none"] if ent in NONE_MID else []))
        key = ent
        q, same = Q[key], SAME[key]
        if self.third and key in Q3 and (key != "PHONE" or self.calltype == "referral"):
            q, same = Q3[key], SAME3[key]
            if cue == "none":
                cue = "prev"
        if cue == "none":
            tmpl = rng.choice(NONE_MID[ent])
            self.answer(answerer, ent, tmpl, "none")
        elif cue == "prev":
            self.say(asker, rng.choice(q))
            self.answer(answerer, ent, rng.choice(BARE), "prev")
        else:
            if rng.random() < 0.6:
                self.say(asker, rng.choice(q))
            self.answer(answerer, ent, rng.choice(same), "same")
        if readback is None:
            readback = rng.random() < 0.45
        if readback and ent not in ("CITY",):
            rb = self.mark(ent, self.render(ent, asker), "prev")
            self.say(asker, rng.choice(READBACK).format(v=rb))
            if rng.random() < 0.2:
                self.say(answerer, self.rng.choice(["Sorry, let me say it again, ", "Uh, no, it's ", "Let me repeat that, "]) +
                         self.mark(ent, self.render(ent, answerer), "prev") + ".")
            else:
                self.say(answerer, rng.choice(["Yes.", "Yep, that's right.", "Mm-hmm.", "Correct.", "Yeah."]))

    def answer(self, role, ent, tmpl, cue):
        rng = self.rng
        r = self.render(ent, role)
        if role == "A" and self.bot_agent:
            self.say(role, tmpl.format(v=self.mark(ent, r, cue), clinic=self.clinic))
            return
        toks = r[0].split(" ")
        can_split = self.diarize_ok and len(toks) >= 4 and ent not in ("NAME", "FIRST", "LAST", "CITY", "EMAIL")
        x = rng.random()
        if can_split and x < 0.12:
            # diarization: the engine hands the tail of the value to the other speaker
            k = rng.randint(2, len(toks) - 2)
            a = " ".join(toks[:k]).rstrip(",.")
            b = " ".join(toks[k:]).rstrip(",.")
            ent_e = self.entity_of(ent)
            if not a or not b or a.endswith(("um", "uh", "like")) or (
                    ent_e in DIGIT_ENTS and spoken_digits(a) + spoken_digits(b) != spoken_digits(r[0])):
                can_split = False
            else:
                self.group_n += 1
                g = self.group_n
                ra = (a, r[1], r[2] + "_diar_split_a")
                rb = (b, r[1], r[2] + "_diar_split_b")
                first = tmpl.format(v=self.mark(ent, ra, cue, g), clinic=self.clinic)
                first = re.sub(r"[.,]\s*$", "", first)
                if not first.endswith(MC):
                    # template text after the value moves to the tail turn
                    i = first.rindex(MC) + 1
                    tail = first[i:]
                    first = first[:i]
                else:
                    tail = ""
                self.say(role, first)
                other = "A" if role != "A" else "C"
                self.turns.append([other, self.mark(ent, rb, cue, g) + tail + ("" if tail else rng.choice([".", "", "?"]))])
                if rng.random() < 0.5:
                    self.say("A" if role == "C" else "C", rng.choice(["Okay.", "Got it.", "Mm-hmm."]))
                return
        if can_split and x < 0.24:
            # overlapping speech: a fragment, the other side talks over it, then the whole value
            k = rng.randint(1, len(toks) - 2)
            frag = " ".join(toks[:k]).rstrip(",.")
            if frag and not frag.endswith(("um", "uh", "like")) and (
                    self.entity_of(ent) not in DIGIT_ENTS + ("STREET",) or (
                        spoken_digits(frag) and spoken_digits(r[0]).startswith(spoken_digits(frag)))):
                rf = (frag, r[1], "fragment_overlap_" + r[2])
                self.turns.append([role, self.mark(ent, rf, cue) + "--"])
                self.turns.append(["A" if role != "A" else "C",
                                   rng.choice(["Sorry, go ahead.", "Oh sorry, I cut you off.", "Go ahead, sorry.",
                                               "Mm-hmm, sorry, I'm listening."])])
                r = self.render(ent, role)
        self.say(role, tmpl.format(v=self.mark(ent, r, cue), clinic=self.clinic))

    def negs(self, n):
        rng = self.rng
        for _ in range(n):
            left = [k for k in range(len(NEG_TEMPLATES)) if k not in self.used_neg]
            k = rng.choice(left)
            self.used_neg.add(k)
            tpl = NEG_TEMPLATES[k]
            if any("{common_word}" in t for _, t in tpl):
                w = rng.choice(list(COMMON_WORD_TEMPLATES))
                tpl = COMMON_WORD_TEMPLATES[w]
                fixed = w
            else:
                fixed = None
            for role, t in tpl:
                def sub(m):
                    what = m.group(1)
                    if what == "common_word":
                        txt = fixed
                    else:
                        txt = neg_text(rng, what, self.value_style(role), m.group(2))
                    if what not in self.negfacts:
                        self.negfacts[what] = txt
                    return self.ctx.neg(txt, what)
                self.say(role, re.sub(r"\{(\w+)(?::(\w+))?\}", sub, t))

    def carrier(self, windows):
        w = self.rng.choice(windows)
        for role, t in w:
            self.turns.append([role, t])


def opening(call):
    rng = call.rng
    c = call.ctx
    ag = c.span(call.agent if call.style != "lower" else call.agent.lower(), "NAME", True, "same", "name_first_staff", call.agent)
    if call.bot_agent:
        ag = c.span(call.agent, "NAME", False, "same", "written_name_staff", call.agent)
    call.say("A", rng.choice(["Thank you for calling %s, this is %s, how can I help you?" % (call.clinic, ag),
                              "%s, this is %s speaking." % (call.clinic, ag),
                              "Hi, you've reached %s. My name is %s. What can I do for you today?" % (call.clinic, ag)]))


def build(call, windows):
    rng = call.rng
    ct = call.calltype
    p = call.p
    if rng.random() < 0.25 and call.channel in ("transcript", "transcribe", "vapi"):
        tpl = rng.choice(IVR_TEMPLATES)
        for role, t in tpl:
            call.say(role, re.sub(r"\{(\w+)\}", lambda m: call.ctx.neg(neg_text(rng, m.group(1), call.value_style(role)), m.group(1)), t))
    opening(call)
    # caller opening: name + DOB with no cue, or a plain reason
    x = rng.random()
    if x < 0.3 and not call.third:
        call.fact("NAME")
        call.fact("DOB")
        n = call.mark("NAME", call.render("NAME", "C"), "none")
        d = call.mark("DOB", call.render("DOB", "C"), "none")
        call.say("C", "Yeah, hi. %s. %s. Calling about %s." % (n, d, REASONS[ct]))
        got_id = True
    else:
        call.say("C", rng.choice(["Hi, yes, I'm calling about %s.", "Hey, um, I had a question about %s.",
                                  "Yeah hi, I need help with %s."]) % REASONS[ct])
        got_id = False
    if ct == "referral":
        return build_referral(call, windows)
    if not got_id:
        if rng.random() < 0.5:
            call.exchange("NAME")
        else:
            call.exchange("NAME", cue=rng.choice(["prev", "same"]), readback=False)
        if rng.random() < 0.35:
            # spell the last name
            call.say("A", rng.choice(["Can you spell the last name for me?", "How do you spell that?"]))
            txt, form = spell_letters(rng, p.last, call.style if not call.bot_agent else "cased")
            call.say("C", rng.choice(["{v}.", "It's {v}.", "Sure, {v}."]).format(
                v=call.ctx.span(txt, "NAME", True, "prev", form, p.last)))
        call.exchange("DOB")
    elif rng.random() < 0.4 and not call.third:
        rb = call.mark("LAST", call.render("LAST", "A"), "prev")
        call.say("A", rng.choice(["Thank you, Mr. {v}.", "Thanks, {v}, one moment.", "Okay, Ms. {v}, I found you."]).format(v=rb))
    steps = {
        "scheduling": [["PHONE"], ["EMAIL", None], ["NEG"], ["CARRIER", None], ["ZIP", None]],
        "refill": [["PHONE"], ["NEG"], ["STREET", "CITY", "ZIP", None], ["CARD", None], ["CARRIER", None]],
        "billing": [["SSN4", None], ["NEG"], ["CARD"], ["ZIP"], ["MEMBER_ID", None], ["PHONE", None]],
        "insurance": [["MEMBER_ID"], ["MBI", None], ["SSN", "SSN4"], ["NEG"], ["ZIP", None], ["CARD", None]],
        "registration": [["SSN"], ["STREET"], ["CITY", None], ["ZIP"], ["PHONE"], ["EMAIL"], ["CARD", None], ["NEG"]],
        "triage": [["MRN", None], ["CARRIER"], ["NEG"], ["PHONE"], ["SSN4", None]],
        "results": [["MRN"], ["CARRIER"], ["NEG"], ["PHONE", None], ["EMAIL", None]],
        "discharge": [["MRN"], ["DATES"], ["CARRIER"], ["NEG"], ["PHONE", None], ["SSN", None]],
        "records": [["DEATH"], ["SSN", "SSN4"], ["EMAIL"], ["STREET", None], ["ZIP", "CITY"], ["NEG"], ["CARD", None]],
        "portal": [["EMAIL"], ["PHONE"], ["ZIP", "SSN4"], ["NEG"], ["MRN", None], ["SSN", None]],
    }[ct]
    for opts in steps:
        step = rng.choice(opts)
        if step is None:
            continue
        if step == "NEG":
            call.negs(rng.randint(1, 3))
        elif step == "CARRIER":
            call.carrier(windows)
        elif step == "DATES":
            a = recent_date(rng)
            call.facts["DATE_ADM"] = a
            call.facts["DATE_DIS"] = a + datetime.timedelta(days=rng.randint(2, 12))
            call.exchange("DATE_ADM", cue=rng.choice(["prev", "same"]), readback=False)
            call.exchange("DATE_DIS", cue=rng.choice(["prev", "same"]), readback=rng.random() < 0.3)
        elif step == "DEATH":
            call.facts["DATE_DEATH"] = recent_date(rng)
            call.say("C", "My father passed away recently and I need his records sent to the estate attorney.")
            call.exchange("DATE_DEATH", cue=rng.choice(["prev", "same"]), readback=False)
        else:
            call.exchange(step)
    call.negs(rng.randint(0, 2))
    closing(call)


def build_referral(call, windows):
    """A provider's office calling about a patient: NPI, patient name, DOB, MRN, discharge date."""
    rng = call.rng
    p = call.p
    call.facts["NPI"] = make_npi(rng)
    doc = call.ctx.span(call.doc.lower() if call.style == "lower" and not call.bot_agent else call.doc, "NAME", not call.bot_agent, "same", "name_provider_title", call.doc)
    call.say("C", "This is the office of Dr. %s, we're sending over a referral." % doc)
    call.exchange("NPI", cue=rng.choice(["prev", "same"]))
    call.say("A", "Okay, and the patient?")
    call.fact("NAME")
    if rng.random() < 0.5:
        call.say("C", rng.choice(["{v}.", "Yeah, {v}."]).format(v=call.mark("NAME", call.render("NAME", "C"), "prev")))
    else:
        call.say("C", rng.choice(SAME3["NAME"]).format(v=call.mark("NAME", call.render("NAME", "C"), "same")))
    call.exchange("DOB", cue=rng.choice(["prev", "same"]))
    call.exchange("MRN")
    if rng.random() < 0.6:
        call.facts["DATE_DIS"] = recent_date(rng)
        call.exchange("DATE_DIS", cue=rng.choice(["prev", "same"]), readback=False)
    call.carrier(windows)
    call.negs(rng.randint(1, 3))
    if rng.random() < 0.5:
        call.exchange("PHONE")
    closing(call)


def closing(call):
    rng = call.rng
    call.say("A", rng.choice(["Is there anything else I can help you with?", "Anything else today?",
                              "Alright, is there anything else?"]))
    call.say("C", rng.choice(["No, that's it. Thank you.", "Nope, thanks so much.", "No, thank you, bye.",
                              "That's all, thanks."]))
    if rng.random() < 0.5:
        call.say("A", rng.choice(["You're welcome, have a good day.", "Take care, bye bye.", "Okay, bye now."]))


# --------------------------------------------------------------------------------------------
# LLM summary and structured data (written form)

def summary(call):
    rng = call.rng
    f = call.facts
    c = call
    out = []

    def w(ent, cue="same"):
        return c.mark(ent, c.render(ent, "C", "summary"), cue)

    if "NAME" in f:
        if "DOB" in f:
            tpl, ncue = rng.choice([("{n} (DOB {d}) called regarding {r}.", "none"),
                                    ("Caller {n}, date of birth {d}, called about {r}.", "same"),
                                    ("Patient: {n}. DOB: {d}. Reason for call: {r}.", "same")])
            out.append(tpl.format(n=w("NAME", ncue), d=w("DOB"), r=REASONS[c.calltype].replace("my ", "their ")))
        else:
            out.append("Patient %s called regarding %s." % (w("NAME"), REASONS[c.calltype].replace("my ", "their ")))
    if "NPI" in f:
        out.append("Referral received from Dr. %s (NPI %s)." % (c.ctx.span(c.doc, "NAME", False, "same", "written_name_provider", c.doc),
                                                                c.mark("NPI", c.render("NPI", "C", "summary"), "same")))
    if "SSN" in f:
        out.append(rng.choice(["SSN provided for registration: %s.", "Caller gave social security number %s."]) % w("SSN"))
    elif "SSN4" in f:
        out.append(rng.choice(["Identity verified with last four of SSN (%s).", "Verified via SSN ending in %s."]) % w("SSN4"))
    if "MRN" in f:
        out.append("MRN %s." % w("MRN"))
    if "MEMBER_ID" in f:
        out.append("Member ID %s verified as active." % w("MEMBER_ID"))
    if "MBI" in f:
        out.append("Medicare MBI on file: %s." % w("MBI"))
    if "DATE_ADM" in f:
        out.append("Admitted %s, discharged %s." % (w("DATE_ADM"), w("DATE_DIS")))
    elif "DATE_DIS" in f:
        out.append("Discharge date %s." % w("DATE_DIS"))
    if "DATE_DEATH" in f:
        out.append("Caller reports the patient died on %s." % w("DATE_DEATH"))
    if "STREET" in f:
        addr = "Mailing address: " + w("STREET")
        if "CITY" in f:
            addr += ", " + w("CITY") + ", " + c.p.state
        if "ZIP" in f:
            addr += " " + w("ZIP")
        out.append(addr + ".")
    elif "ZIP" in f:
        out.append("Zip code %s confirmed." % w("ZIP"))
    if "CARD" in f:
        out.append("Payment taken by card over the phone.")
    if "EMAIL" in f:
        out.append(rng.choice(["Portal invite sent to %s.", "Email updated to %s."]) % w("EMAIL"))
    if "PHONE" in f:
        out.append(rng.choice(["Best callback number: %s.", "Callback %s.", "Prefers a call back at %s."]) % w("PHONE"))
    nf = call.negfacts
    for what, s in [("dose", "Medication discussed: lisinopril %s."), ("appointment_date", "Appointment booked for %s."),
                    ("money", "Copay of %s discussed."), ("confirmation_number", "Confirmation number %s."),
                    ("reference_number", "Claim reference %s."), ("emergency_number", "Advised to call %s if symptoms worsen."),
                    ("duration", "Symptoms for %s.")]:
        if what in nf:
            wv = {"dose": rng.choice(["10 mg", "20 mg", "5 mg"]), "appointment_date": rng.choice(["Tuesday 3/14 at 2:30 PM", "June 3 at 10:15 AM"]),
                  "money": rng.choice(["$45", "$30.00"]), "confirmation_number": re.sub(r"\D", "", nf[what]) or "448172",
                  "reference_number": re.sub(r"\D", "", nf[what]) or "20241187330", "emergency_number": "911",
                  "duration": rng.choice(["2 weeks", "3 days"])}[what]
            if what in ("confirmation_number", "reference_number") and not re.sub(r"\D", "", nf[what]):
                continue
            out.append(s % call.ctx.neg(wv, what))
    return " ".join(out)


def structured(call):
    f = call.facts
    c = call
    d = collections.OrderedDict()

    def w(ent):
        return c.mark(ent, c.render(ent, "C", "field"), "same")
    if "NAME" in f:
        d["patient_name"] = w("NAME")
    if "DOB" in f:
        d["date_of_birth"] = w("DOB")
    if "PHONE" in f:
        d["callback_number"] = w("PHONE")
    if "EMAIL" in f:
        d["email"] = w("EMAIL")
    if "MRN" in f:
        d["mrn"] = w("MRN")
    if "MEMBER_ID" in f:
        d["member_id"] = w("MEMBER_ID")
    if "ZIP" in f:
        d["zip"] = w("ZIP")
    d["call_reason"] = call.calltype
    if "appointment_date" in call.negfacts:
        d["appointment_date"] = call.ctx.neg(call.rng.choice(["2025-03-14", "2025-06-03", "2025-10-06"]), "appointment_date")
    d["urgent"] = call.rng.random() < 0.2
    return d


# --------------------------------------------------------------------------------------------
# vendor payloads

PUNCT = ".,?!;:()\"'-"


def word_items(call, marked):
    """Tokenise a marked turn into word items; each value token gets its own labels (one group per value)."""
    plain, lab = unmark(marked)
    groups = {}
    items = []
    for m in re.finditer(r"\S+", plain):
        a, b = m.span()
        a2, b2 = a, b
        while a2 < b2 and plain[a2] in PUNCT:
            a2 += 1
        while b2 > a2 and plain[b2 - 1] in PUNCT and plain[b2 - 1] != "'":
            b2 -= 1
        if a2 >= b2:
            continue
        ls = [i for i in range(a2, b2) if lab[i] is not None and call.ctx.labels[lab[i]]["type"] == "span"]
        if not ls:
            items.append({"word": plain[a2:b2].lower(), "punct": plain[a:b], "mk": None})
            continue
        la, lb = ls[0], ls[-1] + 1
        idx = lab[la]
        if idx not in groups:
            call.group_n += 1
            groups[idx] = call.group_n
        items.append({"word": plain[a2:b2].lower(), "punct": plain[a:b], "mk": (idx, groups[idx], la - a, lb - a, a2 - a, b2 - a)})
    return items


def mark_word(call, it, punctuated):
    if not it["mk"]:
        return it["punct"] if punctuated else it["word"]
    idx, g, la, lb, a2, b2 = it["mk"]
    lab = dict(call.ctx.labels[idx])
    s = it["punct"]
    core = s[la:lb] if punctuated else s[la:lb].lower()
    pre = s[:la] if punctuated else s[a2:la].lower()
    post = s[lb:] if punctuated else s[lb:b2].lower()
    frm = lab["form"] + "_word"
    gk = ("w", lab["group"] if "group" in lab else ("i", idx), punctuated)
    return pre + call.ctx.span(core, lab["entity"], lab["spoken"], lab["cue"], frm, lab["value"], gk) + post


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:])


def timeline(rng, turns):
    t = rng.uniform(0.3, 1.5)
    out = []
    for role, ms in turns:
        n = len(unmark(ms)[0].split())
        d = max(0.6, n * rng.uniform(0.28, 0.42))
        out.append((round(t, 2), round(t + d, 2)))
        t += d + rng.uniform(0.2, 1.4)
    return out


def payload(call, profile):
    rng = call.rng
    turns = [[r, apply_style(t, call.style if not (r == "A" and call.bot_agent) else "cased")] for r, t in call.turns]
    times = timeline(rng, turns)
    summ = summary(call)
    started = datetime.datetime(2025, 1, 6, 8, 0, 0) + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 200))
    dur = times[-1][1] + 1.2
    if call.calltype == "referral":
        phone_field = "+1" + rng.choice(AREA) + "55501" + "%02d" % rng.randint(0, 99)  # the referring office, not PHI
    else:
        phone_field = call.mark("PHONE", r_phone(rng, call.p.phone, "smart", "field"), "same")
    if profile == "vapi":
        ai, user = "AI", "User"
        msgs = [{"role": "system", "message": "You are %s, a friendly phone assistant for %s. Verify identity before sharing any health information." % (call.agent, call.clinic), "time": 0, "secondsFromStart": 0}]
        base = int(started.timestamp() * 1000)
        for (r, t), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if r == "A" else "user", "message": t, "time": base + int(a * 1000),
                         "endTime": base + int(b * 1000), "secondsFromStart": a, "duration": round(b - a, 2)})
        return {"message": {"timestamp": base + int(dur * 1000), "type": "end-of-call-report",
                            "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                            "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                     "status": "ended", "customer": {"number": phone_field}},
                            "artifact": {"messages": msgs,
                                         "transcript": "\n".join("%s: %s" % (ai if r == "A" else user, t) for r, t in turns),
                                         "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(rng)},
                            "analysis": {"summary": summ, "structuredData": structured(call), "successEvaluation": "true"},
                            "startedAt": started.isoformat() + "Z", "endedAt": (started + datetime.timedelta(seconds=dur)).isoformat() + "Z",
                            "cost": round(rng.uniform(0.05, 0.6), 4), "durationSeconds": round(dur, 2)}}
    if profile == "retell":
        obj = []
        with_words = rng.random() < 0.5
        for (r, t), (a, b) in zip(turns, times):
            o = {"role": "agent" if r == "A" else "user", "content": t}
            if with_words:
                items = word_items(call, t)
                step = (b - a) / max(1, len(items))
                o["words"] = [{"word": mark_word(call, it, True), "start": round(a + k * step, 3), "end": round(a + (k + 1) * step, 3)}
                              for k, it in enumerate(items)]
            obj.append(o)
        st = int(started.timestamp() * 1000)
        return {"event": "call_analyzed",
                "call": {"call_type": "phone_call", "from_number": phone_field, "direction": "inbound",
                         "call_id": "call_" + "%028x" % rng.getrandbits(112), "agent_id": "agent_" + "%024x" % rng.getrandbits(96),
                         "call_status": "ended", "start_timestamp": st, "end_timestamp": st + int(dur * 1000),
                         "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                         "transcript": "\n".join("%s: %s" % ("Agent" if r == "A" else "User", t) for r, t in turns),
                         "transcript_object": obj,
                         "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % uuid(rng),
                         "call_analysis": {"call_summary": summ, "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                           "call_successful": True, "custom_analysis_data": structured(call)}}}
    if profile == "signalwire":
        log = [{"role": "system", "content": "You are %s, the virtual receptionist for %s." % (call.agent, call.clinic)}]
        for (r, t), (a, b) in zip(turns, times):
            log.append({"role": "assistant" if r == "A" else "user", "content": t, "start_timestamp": int(a * 1e6), "end_timestamp": int(b * 1e6)})
        cnam = call.ctx.span((call.p.last + " " + call.p.first).upper()[:15], "NAME", False, "same", "cnam_last_first_upper", call.p.full) \
            if rng.random() < 0.6 and call.calltype != "referral" else rng.choice(["WIRELESS CALLER", "MEDICAL OFFICE"])
        summ2 = summ
        return {"app_name": "swml app", "project_id": uuid(rng), "space_id": uuid(rng), "caller_id_name": cnam,
                "caller_id_num": phone_field, "call_id": uuid(rng), "ai_session_id": uuid(rng),
                "call_start_date": int(started.timestamp() * 1e6), "call_end_date": int((started.timestamp() + dur) * 1e6),
                "call_log": log, "post_prompt_data": {"raw": summ, "substituted": summ2, "parsed": [structured(call)]},
                "SWMLVars": {"clinic": call.clinic, "lang": "en-US"}}
    if profile == "deepgram":
        words = []
        utts = []
        spk = {"A": 0, "C": 1}
        for (r, t), (a, b) in zip(turns, times):
            items = word_items(call, t)
            step = (b - a) / max(1, len(items))
            for k, it in enumerate(items):
                words.append({"word": mark_word(call, it, False), "start": round(a + k * step, 3),
                              "end": round(a + (k + 1) * step, 3), "confidence": round(rng.uniform(0.6, 0.999), 4),
                              "speaker": spk.get(r, 2), "speaker_confidence": round(rng.uniform(0.3, 0.9), 4),
                              "punctuated_word": mark_word(call, it, True)})
            utts.append({"start": a, "end": b, "confidence": round(rng.uniform(0.8, 0.99), 4), "channel": 0,
                         "transcript": t, "speaker": spk.get(r, 2), "id": uuid(rng)})
        res = {"channels": [{"alternatives": [{"transcript": " ".join(t for _, t in turns),
                                                "confidence": round(rng.uniform(0.85, 0.99), 4), "words": words}]}],
               "utterances": utts}
        if rng.random() < 0.75:
            res["summary"] = {"result": "success", "short": summ}
        return {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng), "sha256": "%064x" % rng.getrandbits(256),
                             "created": started.isoformat() + "Z", "duration": round(dur, 3), "channels": 1,
                             "models": [uuid(rng)], "extra": {"caller": phone_field, "clinic": call.clinic}},
                "results": res}
    if profile == "transcribe":
        if rng.random() < 0.55:
            tr = []
            for (r, t), (a, b) in zip(turns, times):
                tr.append({"LoudnessScores": [round(rng.uniform(60, 85), 2) for _ in range(3)], "Content": t, "Id": uuid(rng),
                           "BeginOffsetMillis": int(a * 1000), "EndOffsetMillis": int(b * 1000),
                           "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "POSITIVE"]),
                           "ParticipantRole": "AGENT" if r == "A" else "CUSTOMER"})
            return {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "AccountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
                    "Channel": "VOICE", "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
                    "Transcript": tr, "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": summ}}},
                    "ConversationCharacteristics": {"TotalConversationDurationMillis": int(dur * 1000),
                                                    "NonTalkTime": {"TotalTimeMillis": rng.randint(1000, 9000)}}}
        items = []
        segs = []
        for (r, t), (a, b) in zip(turns, times):
            spk = "spk_0" if r == "A" else "spk_1"
            its = word_items(call, t)
            step = (b - a) / max(1, len(its))
            segs.append({"start_time": "%.3f" % a, "end_time": "%.3f" % b, "speaker_label": spk})
            for k, it in enumerate(its):
                items.append({"type": "pronunciation", "alternatives": [{"confidence": "%.4f" % rng.uniform(0.6, 1.0),
                                                                         "content": mark_word(call, it, False) if it["mk"] else it["punct"].strip(PUNCT) or it["punct"]}],
                              "start_time": "%.3f" % (a + k * step), "end_time": "%.3f" % (a + (k + 1) * step), "speaker_label": spk})
                tail = it["punct"][len(it["punct"].rstrip(".,?!")):]
                if tail:
                    items.append({"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": tail[0]}]})
        return {"jobName": "call-%s" % uuid(rng)[:8], "accountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
                "status": "COMPLETED",
                "results": {"transcripts": [{"transcript": " ".join(t for _, t in turns)}],
                            "speaker_labels": {"speakers": 2, "segments": segs}, "items": items}}
    raise KeyError(profile)


# --------------------------------------------------------------------------------------------
# records

CALLTYPES = ["scheduling", "refill", "billing", "billing", "insurance", "registration", "registration", "triage",
             "results", "referral", "discharge", "records", "portal", "billing", "refill"]


def make_record(rng, i, windows, fmt, profile):
    ctx = Ctx()
    ct = rng.choice(CALLTYPES)
    if fmt == "transcript":
        style = rng.choice(["lower", "lower", "cased", "cased", "smart"])
    elif profile == "deepgram":
        style = rng.choice(["lower", "smart", "cased"])
    else:
        style = rng.choice(["cased", "smart", "smart"])
    call = Call(rng, ctx, style, "transcript" if fmt == "transcript" else profile, ct)
    build(call, windows)
    if fmt == "transcript":
        sets = LABELSETS[style]
        if ct == "referral":
            sets = [x for x in sets if not re.search(r"patient|member|customer|user|human", x[1], re.I)]
        labels = rng.choice(sets)
        if re.search(r"\d", labels[0]) and rng.random() < 0.3:
            labels = (labels[1], labels[0], labels[2])  # the engine numbered the caller first
        role_ix = {"A": 0, "C": 1, "X": 2}
        ts = rng.random() < 0.3
        t = rng.randint(0, 5)
        lines = []
        for role, ms in call.turns:
            line = labels[role_ix[role]] + " " + apply_style(ms, style)
            if ts:
                line = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60) + line
                t += rng.randint(2, 14)
            lines.append(line)
        marked = "\n".join(lines)
        text, spans, negs = extract(ctx, marked)
        return {"id": "h39-%04d" % i, "format": "transcript", "kind": "%s_%s" % (ct, style), "text": text,
                "spans": spans, "negatives": negs}
    obj = payload(call, profile)
    marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = extract(ctx, marked)
    return {"id": "h39-%04d" % i, "format": "json", "profile": profile, "kind": "%s_%s" % (profile, ct), "text": text,
            "spans": spans, "negatives": negs}


def generate(seed, n, carrier_dir):
    windows = load_carrier(find_carrier(carrier_dir))
    rng = random.Random(seed)
    n_json = round(n * 0.45)
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(fmts)
    out = []
    pk = 0
    for i, fmt in enumerate(fmts):
        prof = None
        if fmt == "json":
            prof = PROFILES[pk % len(PROFILES)]
            pk += 1
        for _ in range(50):
            rec = make_record(rng, i + 1, windows, fmt, prof)
            if rec["format"] == "json" or 8 <= rec["text"].count("\n") + 1 <= 40:
                break
        out.append(rec)
    return out


# --------------------------------------------------------------------------------------------
# checking and stats

SPEAKER_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z][A-Za-z0-9 _]*\]|[A-Za-z][A-Za-z0-9 _]*:) \S")
DIGIT_ENTS = ("SSN", "PHONE", "CARD", "ZIP", "NPI", "MRN", "MEMBER_ID", "MBI")


def value_valid(ent, v):
    if ent == "SSN":
        return ssn_ok(v)
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d{2}55501\d\d", v))
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return d.year >= 1930 and d <= datetime.date(2025, 12, 31)
    if ent == "CARD":
        return luhn_ok(v) and (len(v) == 16 or (len(v) == 15 and v[:2] in ("34", "37")))
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}", v))
    if ent == "NPI":
        return npi_ok(v)
    if ent == "MBI":
        return mbi_ok(v)
    if ent == "MRN":
        return bool(re.fullmatch(r"[A-Z]{0,2}\d{6,10}", v))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z]{0,3}\d{8,12}", v))
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}", v))
    if ent in ("NAME", "CITY"):
        return bool(re.fullmatch(r"[^\W\d_]+(?:['\- ][^\W\d_]+)*", v))
    if ent == "STREET":
        return bool(re.match(r"\d+ ", v))
    return False


def expected_digits(s):
    ent, v, form = s["entity"], s["value"], s["form"]
    if ent == "SSN" and "last4" in form:
        return v[5:]
    return re.sub(r"\D", "", v)


def check_span_text(s, t, errs, rid):
    ent, form = s["entity"], s["form"]
    if t != t.strip() or not t:
        errs.append("%s: span has outer whitespace %r" % (rid, t))
    if re.search(r"[\"\\\n]", t):
        errs.append("%s: span contains quote/backslash/newline %r" % (rid, t))
    if "group" in s:
        return
    if ent in DIGIT_ENTS:
        got = spoken_digits(t)
        exp = expected_digits(s)
        if form.startswith("fragment_overlap"):
            if not exp.startswith(got) or not got:
                errs.append("%s: fragment %r not a prefix of %s" % (rid, t, exp))
        elif got != exp and not (ent == "PHONE" and got == "1" + exp):
            errs.append("%s: %s rendering %r reads %s, value %s" % (rid, ent, t, got, exp))
    elif ent == "EMAIL":
        dom = s["value"].split("@")[1].split(".")[0]
        if dom not in re.sub(r"[^a-z]", "", t.lower()):
            errs.append("%s: email %r lacks domain %s" % (rid, t, dom))
    elif ent == "NAME":
        letters = re.sub(r"[^\w]", "", ascii_fold(t).lower())
        val = re.sub(r"[^\w]", "", ascii_fold(s["value"]).lower())
        if form.startswith("spelled_nato") or form.startswith("spelled_as_in"):
            pass
        elif form.startswith("cnam"):
            if not letters or letters not in re.sub(r"[^\w]", "", ascii_fold(s["value"].split(" ")[-1] + s["value"].split(" ")[0]).lower()):
                errs.append("%s: cnam %r vs %s" % (rid, t, s["value"]))
        elif letters != val:
            errs.append("%s: name %r vs %s" % (rid, t, s["value"]))
    elif ent == "CITY":
        if t.lower() != s["value"].lower():
            errs.append("%s: city %r vs %s" % (rid, t, s["value"]))
    elif ent == "STREET":
        house = re.match(r"\d+", s["value"]).group(0)
        got = spoken_digits(t)
        if form.startswith("fragment_overlap"):
            if not got or not house.startswith(got):
                errs.append("%s: street fragment %r house %s" % (rid, t, house))
        elif not got.startswith(house):
            errs.append("%s: street %r house %s" % (rid, t, house))


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid = r.get("id")
        if rid in ids:
            errs.append("duplicate id %s" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not SPEAKER_RE.match(ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank or trailing newline" % rid)
            strings = None
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
            strings = json_string_ranges(text)
        else:
            errs.append("%s: bad format" % rid)
            continue
        items = [(s["start"], s["end"], "span") for s in r["spans"]] + [(n["start"], n["end"], "neg") for n in r["negatives"]]
        items.sort()
        for (a1, e1, k1), (a2, e2, k2) in zip(items, items[1:]):
            if a2 < e1:
                errs.append("%s: overlap %s %d-%d / %s %d-%d" % (rid, k1, a1, e1, k2, a2, e2))
        for s in r["spans"]:
            if not 0 <= s["start"] < s["end"] <= len(b):
                errs.append("%s: bad offsets" % rid)
                continue
            try:
                t = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span cuts a character" % rid)
                continue
            if s["entity"] not in ENTITIES:
                errs.append("%s: bad entity %s" % (rid, s["entity"]))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool) or not s.get("form"):
                errs.append("%s: bad cue/spoken/form" % rid)
            if not value_valid(s["entity"], s["value"]):
                errs.append("%s: invalid %s value %r" % (rid, s["entity"], s["value"]))
            if strings is not None and not any(a <= s["start"] and s["end"] <= e for a, e in strings):
                errs.append("%s: span outside a JSON string" % rid)
            check_span_text(s, t, errs, rid)
        groups = collections.defaultdict(list)
        for s in r["spans"]:
            if "group" in s:
                groups[s["group"]].append(s)
        for g, ss in groups.items():
            ent = ss[0]["entity"]
            if any(x["entity"] != ent or x["value"] != ss[0]["value"] for x in ss):
                errs.append("%s: group %s mixes values" % (rid, g))
            if ent in DIGIT_ENTS:
                texts = [b[x["start"]:x["end"]].decode("utf-8") for x in ss]
                got = group_readings(texts)
                if expected_digits(ss[0]) not in got and not ss[0]["form"].startswith("fragment"):
                    errs.append("%s: group %s reads %s, value %s" % (rid, g, got, expected_digits(ss[0])))
        for n in r["negatives"]:
            if n["what"] not in NEG_WHATS:
                errs.append("%s: bad negative kind %s" % (rid, n["what"]))
            if not 0 <= n["start"] < n["end"] <= len(b):
                errs.append("%s: bad negative offsets" % rid)
            elif strings is not None and not any(a <= n["start"] and n["end"] <= e for a, e in strings):
                errs.append("%s: negative outside a JSON string" % rid)
    return errs


def group_readings(texts):
    """Readings of a value cut into word items: a word boundary after "eighty" may or may not have
    had a pause (comma) before the next digit word, so both joins are tried there."""
    amb = []
    for i in range(len(texts) - 1):
        a = re.findall(r"[a-z]+", texts[i].lower())
        z = re.findall(r"[a-z]+", texts[i + 1].lower())
        if a and z and a[-1] in TENSW and z[0] in UNITW and UNITW[z[0]] != "0":
            amb.append(i)
    out = set()
    for mask in range(2 ** min(len(amb), 10)):
        seps = [" "] * (len(texts) - 1)
        for k, i in enumerate(amb[:10]):
            if mask >> k & 1:
                seps[i] = ", "
        j = texts[0]
        for sp, t in zip(seps, texts[1:]):
            j += sp + t
        out.add(spoken_digits(j))
    return out


def json_string_ranges(raw):
    """Byte ranges of the contents of every JSON string (keys and values) in compact JSON."""
    b = raw.encode("utf-8")
    out = []
    i = 0
    n = len(b)
    while i < n:
        if b[i:i + 1] == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def stats(records):
    c = collections.Counter()
    vals = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    nspans = 0
    for r in records:
        kinds[(r["format"], r.get("profile") or "-")] += 1
        seen_groups = set()
        for s in r["spans"]:
            nspans += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            g = s.get("group")
            if g is not None:
                if g in seen_groups:
                    continue
                seen_groups.add(g)
            vals[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], re.sub(r"_word$", "", s["form"]))] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out = ["records: %d (%s)" % (len(records), ", ".join("%s/%s %d" % (f, p, k) for (f, p), k in sorted(kinds.items()))),
           "spans: %d (values, split/word-level parts counted once: %d); negatives: %d" % (nspans, sum(vals.values()), sum(negs.values())),
           "", "values per entity (parts of one split or word-level value counted once):",
           "| entity | total | spoken | written | spoken same/prev/none | written same/prev/none | spans |",
           "|---|---:|---:|---:|---|---|---:|"]
    for e in ENTITIES:
        sp = [vals[(e, "spoken", q)] for q in ("same", "prev", "none")]
        wr = [vals[(e, "written", q)] for q in ("same", "prev", "none")]
        sc = sum(c[(e, a, q)] for a in ("spoken", "written") for q in ("same", "prev", "none"))
        out.append("| %s | %d | %d | %d | %s | %s | %d |" % (e, sum(sp) + sum(wr), sum(sp), sum(wr), "/".join(map(str, sp)),
                                                           "/".join(map(str, wr)), sc))
    out += ["", "negatives: " + ", ".join("%s %d" % (w, k) for w, k in sorted(negs.items(), key=lambda x: (-x[1], x[0])))]
    out += ["", "forms (%d distinct):" % len(forms)]
    per = collections.defaultdict(list)
    for (e, f), k in sorted(forms.items()):
        per[e].append("%s %d" % (f, k))
    for e in ENTITIES:
        if per[e]:
            out.append("  %s: %s" % (e, ", ".join(per[e])))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=N_RECORDS)
    ap.add_argument("--carrier-dir", default="")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for fn in a.check:
            with open(fn, encoding="utf-8") as f:
                recs += [json.loads(line) for line in f if line.strip()]
        errs = check(recs)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(recs))
        if errs:
            print("%d errors" % len(errs))
            sys.exit(1)
        print("check passed: %d records" % len(recs))
        return
    recs = generate(a.seed, a.n, a.carrier_dir or None)
    if a.stats:
        errs = check(recs)
        print(stats(recs))
        if errs:
            print("%d errors (first: %s)" % (len(errs), errs[0]))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
