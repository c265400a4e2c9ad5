#!/usr/bin/env python3
"""holdout47: Medicare / Medicare Advantage enrollment and plan-service calls, spoken-PHI corpus.

Licensed-agent enrollment lines, plan member services (billing, claims, pharmacy, address
changes, a spouse's death), provider-services lines and SHIP counselling, written the way
speech-to-text engines and voice-agent platforms put them down. Standard library only;
the same seed gives byte-identical output whatever PYTHONHASHSEED is.

  python3 gen_holdout47.py [--seed N] [--n 150] > holdout47.jsonl
  python3 gen_holdout47.py --stats                 # counts of a fresh default run
  python3 gen_holdout47.py --check holdout47.jsonl # re-validate a file (+ its stats)

Carrier exchanges (a few medication-list exchanges) come from MTS-Dialog (CC BY 4.0) in
shared/carrier-sources/mts-dialog (--carrier-dir or CARRIER_DIR override).
"""
import argparse
import collections
import csv
import json
import os
import re
import random
import sys

DEFAULT_SEED = 4747
DEFAULT_N = 150
REF_YEAR = 2025

M0, M1, M2 = "\ue000", "\ue001", "\ue002"   # span markers (private use, stripped at the end)

# ----------------------------------------------------------------------------- words

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "Adam", "B": "Boy", "C": "Charlie", "D": "David", "E": "Edward", "F": "Frank",
        "G": "George", "H": "Henry", "I": "Ida", "J": "John", "K": "King", "L": "Larry",
        "M": "Mary", "N": "Nancy", "O": "Ocean", "P": "Peter", "Q": "Queen", "R": "Robert",
        "S": "Sam", "T": "Tom", "U": "Union", "V": "Victor", "W": "William", "X": "Xavier",
        "Y": "Yellow", "Z": "Zebra"}


def n2w(n, hy="-"):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (hy + ONES[o] if o else "")
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + (" " + n2w(r, hy) if r else "")


def ordw(n, hy="-"):
    if n < 10:
        return ORD_ONES[n]
    if n < 20:
        return ORD_TEENS[n - 10]
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t][:-1] + "ieth"
    return TENS[t] + hy + ORD_ONES[o]


def ordsuf(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def dw(c, z):
    return z if c == "0" else ONES[int(c)]


def g_digits(s, z, dbl=False):
    if not dbl:
        return " ".join(dw(c, z) for c in s)
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        run = j - i
        if run == 2:
            out.append("double " + dw(s[i], z))
        elif run == 3:
            out.append("triple " + dw(s[i], z))
        else:
            out.extend([dw(s[i], z)] * run)
        i = j
    return " ".join(out)


def g_pairs(s, z, hy="-"):
    if len(s) == 3 and s[1:] == "00" and s[0] != "0":
        return ONES[int(s[0])] + " hundred"
    if len(s) == 4 and s[2:] == "00" and s[0] != "0":
        return n2w(int(s[:2]), hy) + " hundred"
    out, i = [], 0
    if len(s) % 2:
        out.append(dw(s[0], z))
        i = 1
    while i < len(s):
        p = s[i:i + 2]
        i += 2
        if p[0] == "0":
            out.append(dw("0", z) + " " + dw(p[1], z))
        else:
            out.append(n2w(int(p), hy))
    return " ".join(out)


def year_words(y, hy="-", z="oh", style=0):
    if y >= 2000 and style == 1:
        return "two thousand" + (" " + n2w(y - 2000, hy) if y > 2000 else "")
    hi, lo = divmod(y, 100)
    if lo == 0:
        return n2w(hi, hy) + " hundred"
    if lo < 10:
        return n2w(hi, hy) + " " + z + " " + ONES[lo]
    return n2w(hi, hy) + " " + n2w(lo, hy)


def luhn_digit(body):
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
    return luhn_digit(num[:-1]) == num[-1]


# ----------------------------------------------------------------------------- people and places

F_FIRST = ["Dorothy", "Barbara", "Linda", "Patricia", "Carol", "Sharon", "Judith", "Shirley", "Joyce",
           "Gloria", "Marlene", "Bernice", "Lorraine", "Delores", "Wanda", "Yolanda", "Guadalupe",
           "Maxine", "Beverly", "Geraldine", "Rosalind", "Evelyn", "Loretta", "Darlene", "Imelda"]
M_FIRST = ["Raymond", "Gerald", "Walter", "Harold", "Donald", "Ronald", "Kenneth", "Richard", "Larry",
           "Dennis", "Eugene", "Earl", "Roberto", "Clarence", "Vernon", "Leonard", "Stanley", "Melvin",
           "Herbert", "Lyle", "Reginald", "Alfonso", "Milton", "Chester", "Wendell"]
LAST = ["Kowalczyk", "Nguyen", "Washington", "Okafor", "Castellano", "Brzezinski", "Hernandez",
        "Schaefer", "McAllister", "Thibodeaux", "Abernathy", "Delgado", "Lindqvist", "Pulaski",
        "Ferreira", "Henderson", "Whitfield", "Yamamoto", "Gallagher", "Jankowski", "Robichaux",
        "Villanueva", "Hollingsworth", "Dombrowski", "Fairbanks", "Mendoza", "Oyelaran", "Szymanski",
        "Tremblay", "Carmichael", "Pettigrew", "Haugen"]
REL_F = ["Jennifer", "Michelle", "Kimberly", "Lisa", "Angela", "Tammy", "Denise", "Stacy", "Renee",
         "Dawn", "Heather", "Monique"]
REL_M = ["Scott", "Brian", "Jason", "Kevin", "Troy", "Darren", "Shawn", "Marcus", "Derek", "Todd"]
REL_LAST = ["Moreno", "Bishop", "Keller", "Ramsey", "Ortiz", "Lambert", "Fontaine", "Crowley",
            "Navarro", "Pruitt"]
AGENTS = ["Tiffany", "Marcus", "Deja", "Ashley", "Jordan", "Brandon", "Keisha", "Carlos", "Brittany",
          "Andre", "Kayla", "Tyler", "Latoya", "Miguel", "Courtney", "Devon"]
DOCTORS = ["Alvarez", "Patel", "Okonkwo", "Feldman", "Raghavan", "Lindstrom", "Castillo", "Brennan",
           "Mukherjee", "Halvorsen", "Quintero", "Abernethy"]

# city, state (spoken), ZIP, area code
PLACES = [("Sarasota", "Florida", "34232", "941"), ("The Villages", "Florida", "32162", "352"),
          ("Mesa", "Arizona", "85205", "480"), ("Tucson", "Arizona", "85710", "520"),
          ("Scranton", "Pennsylvania", "18505", "570"), ("Toledo", "Ohio", "43614", "419"),
          ("Dayton", "Ohio", "45424", "937"), ("Spokane", "Washington", "99208", "509"),
          ("Boise", "Idaho", "83704", "208"), ("Lubbock", "Texas", "79413", "806"),
          ("El Paso", "Texas", "79912", "915"), ("Asheville", "North Carolina", "28806", "828"),
          ("Cape Coral", "Florida", "33904", "239"), ("Port Saint Lucie", "Florida", "34952", "772"),
          ("Green Valley", "Arizona", "85614", "520"), ("Myrtle Beach", "South Carolina", "29577", "843"),
          ("Youngstown", "Ohio", "44512", "330"), ("Erie", "Pennsylvania", "16506", "814"),
          ("Flint", "Michigan", "48507", "810"), ("Duluth", "Minnesota", "55811", "218"),
          ("Shreveport", "Louisiana", "71106", "318"), ("Knoxville", "Tennessee", "37918", "865"),
          ("Fresno", "California", "93720", "559"), ("Henderson", "Nevada", "89014", "702"),
          ("Albuquerque", "New Mexico", "87111", "505"), ("Syracuse", "New York", "13219", "315"),
          ("Worcester", "Massachusetts", "01605", "508"), ("Bangor", "Maine", "04401", "207"),
          ("Lakeland", "Florida", "33813", "863"), ("Ocala", "Florida", "34472", "352"),
          ("Edison", "New Jersey", "08817", "732"), ("Pueblo", "Colorado", "81005", "719")]
STREETS = ["Sandpiper", "Maple Grove", "Old Orchard", "Hummingbird", "Palmetto", "Willow Creek",
           "Cedar Ridge", "Lakeview", "Magnolia", "Sunset", "Pine Needle", "Heron Bay", "Country Club",
           "Quail Run", "Ironwood", "Saguaro", "Chestnut", "Bayberry", "Foxglove", "Mockingbird"]
SUFFIX = [("Lane", "Ln"), ("Drive", "Dr"), ("Court", "Ct"), ("Road", "Rd"), ("Avenue", "Ave"),
          ("Boulevard", "Blvd"), ("Circle", "Cir"), ("Way", "Way"), ("Street", "St"), ("Trail", "Trl"),
          ("Place", "Pl")]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com"]), ("yahoo.com", ["yahoo dot com"]),
           ("aol.com", ["a o l dot com", "aol dot com"]), ("comcast.net", ["comcast dot net"]),
           ("att.net", ["a t t dot net"]), ("hotmail.com", ["hotmail dot com"]),
           ("outlook.com", ["outlook dot com"]), ("icloud.com", ["icloud dot com", "i cloud dot com"]),
           ("sbcglobal.net", ["s b c global dot net"]), ("verizon.net", ["verizon dot net"])]
# fictitious plan sponsors: name, contract id, member-id pattern
PLANS = [("Bluewater Senior Choice HMO", "H3417", "012", "W9"),
         ("Keystone Elder Care PPO", "H5522", "004", "KEY8"),
         ("Heartland Gold Medicare Advantage", "H1036", "231", "11"),
         ("Sunvale Health Rx", "S4802", "117", "M10"),
         ("Evergreen Medicare Complete", "R7710", "001", "EV8"),
         ("Prairie Harvest Dual Plus", "H6108", "045", "PH9")]
HOSPITALS = ["Lakeside Regional Medical Center", "Mercy General", "Valley Baptist Hospital",
             "Riverbend Medical Center", "Summit Health Hospital", "Northgate Community Hospital"]
DRUGS = [("Eliquis", "five milligrams", "5 mg"), ("Januvia", "one hundred milligrams", "100 mg"),
         ("atorvastatin", "forty milligrams", "40 mg"), ("metformin", "five hundred milligrams", "500 mg"),
         ("Xarelto", "twenty milligrams", "20 mg"), ("lisinopril", "ten milligrams", "10 mg"),
         ("Trelegy", "one puff", "one puff"), ("Jardiance", "ten milligrams", "10 mg"),
         ("levothyroxine", "fifty micrograms", "50 mcg"), ("amlodipine", "five milligrams", "5 mg")]
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def gen_mbi(rng):
    L = lambda: rng.choice(MBI_LETTERS)
    D = lambda: str(rng.randint(0, 9))
    AN = lambda: rng.choice(MBI_LETTERS + "0123456789")
    return str(rng.randint(1, 9)) + L() + AN() + D() + L() + AN() + D() + L() + L() + D() + D()


def mbi_ok(m):
    if len(m) != 11 or m[0] not in "123456789":
        return False
    kinds = "CAANAANAANN"
    kinds = ["C", "A", "X", "N", "A", "X", "N", "A", "A", "N", "N"]
    for ch, k in zip(m, kinds):
        if k == "C" and ch not in "123456789":
            return False
        if k == "N" and not ch.isdigit():
            return False
        if k == "A" and ch not in MBI_LETTERS:
            return False
        if k == "X" and not (ch.isdigit() or ch in MBI_LETTERS):
            return False
    return True


def mbi_wrong(rng, m):
    pos = rng.choice([3, 6, 9, 10, 7, 8])
    cur = m[pos]
    pool = "0123456789" if cur.isdigit() else MBI_LETTERS
    new = rng.choice([c for c in pool if c != cur])
    return m[:pos] + new + m[pos + 1:]


CARD_PREFIX = [("Visa", "4111", 16), ("Visa", "4242", 16), ("Visa", "4000", 16),
               ("Mastercard", "5555", 16), ("Mastercard", "5105", 16), ("Mastercard", "2223", 16),
               ("Discover", "6011", 16), ("American Express", "3782", 15), ("American Express", "3714", 15)]


def gen_card(rng, amex_ok=True):
    pool = CARD_PREFIX if amex_ok else [c for c in CARD_PREFIX if c[2] == 16]
    brand, pre, n = rng.choice(pool)
    body = pre + "".join(str(rng.randint(0, 9)) for _ in range(n - 1 - len(pre)))
    return brand, body + luhn_digit(body)


def gen_npi(rng):
    body = str(rng.choice([1, 2])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_digit("80840" + body)


def npi_ok(n):
    return len(n) == 10 and n.isdigit() and n[0] in "12" and luhn_ok("80840" + n)


def gen_mrn(rng):
    k = rng.randrange(5)
    if k == 0:
        return "".join(str(rng.randint(0, 9)) for _ in range(1)) and str(rng.randint(1, 9)) + \
            "".join(str(rng.randint(0, 9)) for _ in range(7))
    if k == 1:
        return "00" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    if k == 2:
        return rng.choice("EMHV") + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if k == 3:
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(6))


def gen_member_id(rng, pat):
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    m = re.match(r"([A-Z]*)(\d+)", pat)
    pre, n = m.group(1), int(m.group(2))
    if not pre:
        return str(rng.randint(1, 9)) + digits(n - 3) + "01"
    return pre + str(rng.randint(1, 9)) + digits(n - 1)


def gen_email(rng, first, last, year):
    k = rng.randrange(6)
    yy = "%02d" % (year % 100)
    if k == 0:
        parts = [("i", first[0].lower()), ("w", last.lower()), ("n", yy)]
    elif k == 1:
        parts = [("w", first.lower()), ("p", "."), ("w", last.lower())]
    elif k == 2:
        parts = [("w", first.lower()), ("w", last.lower()), ("n", str(year))]
    elif k == 3:
        parts = [("w", last.lower()), ("p", "_"), ("w", first.lower())]
    elif k == 4:
        parts = [("w", first.lower()), ("i", last[0].lower()), ("n", "%02d" % rng.randint(1, 99))]
    else:
        parts = [("w", "grandma"), ("w", first.lower())] if rng.random() < 0.5 else \
            [("w", first.lower()), ("p", "."), ("w", last.lower()), ("n", yy)]
    dom, dom_sp = rng.choice(DOMAINS)
    return {"parts": parts, "domain": dom, "dom_sp": dom_sp,
            "value": "".join(p[1] for p in parts) + "@" + dom}


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, MDAYS[m - 1])
    return (y, m, d)


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:32])


def make_persona(rng):
    sex = rng.choice("FM")
    first = rng.choice(F_FIRST if sex == "F" else M_FIRST)
    last = rng.choice(LAST)
    y, m, d = rand_date(rng, 1937, 1959)
    city, state, zip5, area = rng.choice(PLACES)
    plan = rng.choice(PLANS)
    rel_sex = rng.choice("FFM")
    rel = {"first": rng.choice(REL_F if rel_sex == "F" else REL_M),
           "last": rng.choice(REL_LAST + [last]), "sex": rel_sex,
           "relation": rng.choice(["daughter", "daughter", "niece", "granddaughter"]) if rel_sex == "F"
           else rng.choice(["son", "son", "nephew", "grandson"])}
    rel["email"] = gen_email(rng, rel["first"], rel["last"], rng.randint(1962, 1994))
    unit = None
    u = rng.random()
    if u < 0.15:
        unit = ("Apt", str(rng.randint(1, 4)) + rng.choice("ABCD"))
    elif u < 0.25:
        unit = ("Lot", str(rng.randint(2, 140)))
    elif u < 0.32:
        unit = ("Unit", str(rng.randint(1, 40)))
    suf = rng.choice(SUFFIX)
    hn = rng.choice([str(rng.randint(100, 999)), str(rng.randint(1000, 9999)),
                     str(rng.randint(10000, 19999)), str(rng.randint(1000, 9999))])
    street = {"num": hn, "name": rng.choice(STREETS), "suf": suf[0], "abbr": suf[1], "unit": unit}
    street["value"] = "%s %s %s" % (hn, street["name"], suf[0]) + (" %s %s" % unit if unit else "")
    sp_sex = "M" if sex == "F" else "F"
    brand, card = gen_card(rng)
    p = {
        "sex": sex, "first": first, "last": last, "full": first + " " + last,
        "title": ("Mrs." if rng.random() < 0.7 else "Ms.") if sex == "F" else "Mr.",
        "dob": (y, m, d), "age": REF_YEAR - y,
        "city": city, "state": state, "zip": zip5,
        "zip4": zip5 + "-" + "%04d" % rng.randint(1, 9999),
        "phone": area + "555" + "01" + "%02d" % rng.randint(0, 99),
        "phone2": rng.choice([area, rng.choice(PLACES)[3]]) + "555" + "01" + "%02d" % rng.randint(0, 99),
        "ssn": gen_ssn(rng), "mbi": gen_mbi(rng), "street": street,
        "plan": plan, "member_id": gen_member_id(rng, plan[3]),
        "rel": rel, "card": card, "card_brand": brand, "mrn": gen_mrn(rng), "npi": gen_npi(rng),
        "doc": rng.choice(DOCTORS), "agent": rng.choice(AGENTS),
        "npn": str(rng.randint(1000000, 20999999)),
        "hospital": rng.choice(HOSPITALS),
        "spouse": rng.choice(F_FIRST if sp_sex == "F" else M_FIRST),
        "spouse_sex": sp_sex, "spouse_dob": rand_date(rng, 1937, 1959),
        "spouse_mbi": gen_mbi(rng), "drug": rng.choice(DRUGS),
    }
    while p["phone2"] == p["phone"]:
        p["phone2"] = area + "555" + "01" + "%02d" % rng.randint(0, 99)
    adm = rand_date(rng, 2025, 2025)
    if adm[1] == 12:
        adm = (2025, 11, adm[2] if adm[2] <= 30 else 30)
    stay = rng.randint(2, 9)
    dd = adm[2] + stay
    dis = (2025, adm[1], dd) if dd <= MDAYS[adm[1] - 1] else (2025, adm[1] + 1, dd - MDAYS[adm[1] - 1])
    p["adm"], p["dis"] = adm, dis
    p["death"] = rand_date(rng, 2025, 2025)
    return p


# ----------------------------------------------------------------------------- record builder

class Rec:
    def __init__(self, rng, style, ai=False):
        self.rng = rng
        self.style = style            # formatted | mixed | raw | caps
        self.meta = []
        self.turns = []               # (role, marked text)
        self.ai = ai
        self.facts = {}
        self.punct = style in ("formatted", "mixed")
        self.z = rng.choice(["zero", "oh", "oh"]) if style == "formatted" else rng.choice(["oh", "oh", "o", "zero"])
        self.hy = "-" if self.punct and rng.random() < 0.6 else " "

    # ---- helpers
    def written(self, p=None):
        if p is None:
            p = {"formatted": 0.75, "mixed": 0.35}.get(self.style, 0.0)
        return self.rng.random() < p

    def sep(self):
        if not self.punct:
            return " "
        return self.rng.choice([", ", ", ", " ", "... ", ", ", " - "])

    def case(self, s):
        if self.style == "caps":
            return s.upper()
        if self.style == "raw":
            return s.lower()
        return s

    def mark(self, text, info):
        i = len(self.meta)
        self.meta.append(info)
        return "%s%d%s%s%s" % (M0, i, M1, text, M2)

    def span(self, ent, value, cue, text, spoken, form):
        text = self.case(text) if self.style in ("caps", "raw") else text
        return self.mark(text, {"t": "span", "entity": ent, "value": value, "cue": cue,
                                "spoken": spoken, "form": form})

    def v(self, ent, value, cue, **kw):
        # a rendering that cannot be read back unambiguously even with a pause-aware reading
        # ("sixty three nine" for 60 39) is drawn again
        for _ in range(12):
            text, spoken, form = RENDER[ent](self, value, **kw)
            ok, _why = check_value(ent, self.case(text) if self.style in ("caps", "raw") else text,
                                   {"value": canon(ent, value, kw), "form": form})
            if ok:
                break
        else:
            raise RuntimeError("no readable rendering for %s %r" % (ent, value))
        if self.style == "caps":
            form += "_caps"
        self.facts.setdefault(ent, value)
        if ent == "SSN" and not kw.get("last4"):
            self.facts["SSN_FULL"] = True
        return self.span(ent, canon(ent, value, kw), cue, text, spoken, form)

    def w(self, ent, value, cue="same", **kw):
        """a written (LLM / structured) rendering: no style change."""
        text, form = WRITTEN[ent](self, value, **kw)
        return self.mark(text, {"t": "span", "entity": ent, "value": canon(ent, value, kw),
                                "cue": cue, "spoken": False, "form": form})

    def neg(self, what, words, written=None, raw=False):
        if written is not None and not raw and self.written(
                {"formatted": 0.8, "mixed": 0.45}.get(self.style, 0.0)):
            text = written
        else:
            text = words
            if self.style == "caps":
                text = re.sub(r"[.,]", "", text.upper())
            elif self.style == "raw":
                text = re.sub(r"[.,]", "", text.lower().replace("-", " "))
        return self.mark(text, {"t": "neg", "what": what})

    def nw(self, what, text):
        """a negative in LLM-written text."""
        return self.mark(text, {"t": "neg", "what": what})

    def cw(self, word):
        return self.neg("common_word", word)

    def p(self, s):
        """punctuation of connecting words inside a value, by style."""
        if self.punct:
            return s
        s = re.sub(r"[,.;:!?]|--", " ", s)
        return re.sub(r"\s+", " ", s)

    def A(self, s):
        self.turns.append(("A", s))

    def C(self, s):
        self.turns.append(("C", s))

    def R(self, s):
        self.turns.append(("R", s))

    def S(self, s):
        self.turns.append(("S", s))

    def ch(self, *opts):
        return self.rng.choice(opts)


def canon(ent, value, kw):
    if ent == "SSN":
        return value[5:] if kw.get("last4") else value
    if ent in ("DOB", "DATE"):
        return "%04d-%02d-%02d" % value
    if ent == "STREET":
        return value["value"]
    if ent == "EMAIL":
        return value["value"]
    if ent == "NAME":
        return value
    if ent == "ZIP":
        return value
    return value


# ----------------------------------------------------------------------------- renderers (spoken)

def grp(R, s, mode):
    if mode == "num":
        return s
    if mode == "p":
        return g_pairs(s, R.z, R.hy)
    return g_digits(s, R.z, dbl=(mode == "dbl"))


def join_groups(R, parts, fill=False):
    out = parts[0]
    for g in parts[1:]:
        if fill and R.rng.random() < 0.5:
            out += R.ch(" uh ", "... um ", " uh... ", "... ") if R.punct else R.ch(" uh ", " um ")
        else:
            out += R.sep()
        out += g
    return out


def r_phone(R, ph, fill=None, restart=False, written=None):
    rng = R.rng
    a, m, l = ph[:3], ph[3:6], ph[6:]
    if written is None:
        written = R.written() and not restart
    if written:
        f = rng.choice(["paren", "dash", "dash", "dot", "space", "plus1", "paren"])
        t = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s", "space": "%s %s %s",
             "plus1": "+1 %s-%s-%s"}[f] % (a, m, l)
        return t, False, "written_" + f
    if fill is None:
        fill = rng.random() < 0.3
    modes = [rng.choice(["d", "d", "d", "p"]), rng.choice(["d", "d", "dbl"]), rng.choice(["d", "d", "p", "dbl"])]
    if R.style == "mixed" and rng.random() < 0.35:
        k = rng.randrange(3)
        modes[k] = "num"
        if modes == ["num", "num", "num"]:
            modes[0] = "d"
    parts = [grp(R, g, md) for g, md in zip([a, m, l], modes)]
    t = join_groups(R, parts, fill)
    kind = "mixed" if "num" in modes else "words"
    if restart:
        t = parts[0] + R.sep() + " ".join(parts[1].split()[:2]) + R.ch("-- ", "... ") if R.punct else \
            parts[0] + " " + " ".join(parts[1].split()[:2]) + " "
        t = t + join_groups(R, parts, False)
    form = "%s_%s%s%s%s" % (kind, "_".join(modes), "_uh" if fill else "", "_restart" if restart else "",
                            "_comma" if R.punct else "")
    return t, True, form


def r_ssn(R, ssn, last4=False, fill=None, restart=False, written=None):
    rng = R.rng
    if written is None:
        written = R.written() and not restart
    if last4:
        s = ssn[5:]
        if written:
            return s, False, "last4_digits"
        md = rng.choice(["d", "d", "p", "dbl"])
        if R.style == "mixed" and rng.random() < 0.2:
            return s, False, "last4_digits"
        return grp(R, s, md), True, "last4_words_" + md
    g = [ssn[:3], ssn[3:5], ssn[5:]]
    if written:
        f = rng.choice(["dash", "dash", "space", "plain"])
        t = {"dash": "-".join(g), "space": " ".join(g), "plain": ssn}[f]
        return t, False, "written_" + f
    if fill is None:
        fill = rng.random() < 0.3
    modes = [rng.choice(["d", "d", "p"]), rng.choice(["d", "p", "dbl"]), rng.choice(["d", "d", "p", "dbl"])]
    if R.style == "mixed" and rng.random() < 0.35:
        modes[rng.randrange(3)] = "num"
        if modes == ["num"] * 3:
            modes[0] = "d"
    if restart:
        modes[0] = "d"
    parts = [grp(R, x, md) for x, md in zip(g, modes)]
    t = join_groups(R, parts, fill)
    if restart:
        t = parts[0] + (R.ch("-- ", "... ") if R.punct else " ") + t
    kind = "mixed" if "num" in modes else "words"
    return t, True, "%s_%s%s%s" % (kind, "_".join(modes), "_uh" if fill else "", "_restart" if restart else "")


def r_dob(R, ymd, written=None, restart=False):
    rng = R.rng
    y, m, d = ymd
    if written is None:
        written = R.written() and not restart
    if written:
        f = rng.choice(["mdy_slash_lead", "mdy_slash", "mdy_slash_short", "month_ord", "month", "mdy_dash"])
        t = {"mdy_slash_lead": "%02d/%02d/%d" % (m, d, y), "mdy_slash": "%d/%d/%d" % (m, d, y),
             "mdy_slash_short": "%d/%d/%02d" % (m, d, y % 100),
             "month_ord": "%s %s, %d" % (MONTHS[m - 1], ordsuf(d), y),
             "month": "%s %d, %d" % (MONTHS[m - 1], d, y), "mdy_dash": "%02d-%02d-%d" % (m, d, y)}[f]
        return t, False, "written_" + f
    hy, z = R.hy, R.z
    s = R.ch(", ", " ", ", ", "... ") if R.punct else " "
    mon = MONTHS[m - 1]
    yw = year_words(y, hy, z)
    yy = n2w(y % 100, hy)
    mm = (z + " " + ONES[m]) if m < 10 else n2w(m, hy)
    dd = (z + " " + ONES[d]) if d < 10 else n2w(d, hy)
    opts = ["month_ord_full", "month_ord_full", "month_card_full", "month_ord_yy", "month_the_ord_yy",
            "the_d_of_m_full", "num_md_yy", "num_mmdd_oh_yy", "num_mmdd_oh_full"]
    if R.style == "mixed":
        opts += ["month_ord_digits", "month_ord_digits"]
    f = rng.choice(opts)
    t = {"month_ord_full": "%s %s%s%s" % (mon, ordw(d, hy), s, yw),
         "month_card_full": "%s %s%s%s" % (mon, n2w(d, hy), s, yw),
         "month_ord_yy": "%s %s%s%s" % (mon, ordw(d, hy), s, yy),
         "month_the_ord_yy": "%s the %s%s%s" % (mon, ordw(d, hy), s, yy),
         "the_d_of_m_full": "the %s of %s%s%s" % (ordw(d, hy), mon, s, yw),
         "num_md_yy": "%s %s %s" % (n2w(m, hy), n2w(d, hy), yy),
         "num_mmdd_oh_yy": "%s %s %s" % (mm, dd, yy),
         "num_mmdd_oh_full": "%s%s%s%s%s" % (mm, s, dd, s, yw),
         "month_ord_digits": "%s %s %d" % (mon, ordw(d, hy), y)}[f]
    if R.style == "raw":
        t = t.lower()
    if restart:
        first = t.split()[0]
        t = first + (R.ch("... ", "-- ") if R.punct else " ") + t
        f += "_restart"
    return t, True, f


def r_date(R, ymd, year=None, written=None):
    rng = R.rng
    y, m, d = ymd
    if year is None:
        year = rng.random() < 0.35
    if written is None:
        written = R.written()
    mon = MONTHS[m - 1]
    if written:
        if year:
            f = rng.choice(["mdy_slash", "month_year", "month_ord_year"])
            t = {"mdy_slash": "%d/%d/%d" % (m, d, y), "month_year": "%s %d, %d" % (mon, d, y),
                 "month_ord_year": "%s %s, %d" % (mon, ordsuf(d), y)}[f]
        else:
            f = rng.choice(["month_ord", "month_num"])
            t = {"month_ord": "%s %s" % (mon, ordsuf(d)), "month_num": "%s %d" % (mon, d)}[f]
        return t, False, "written_" + f
    hy = R.hy
    f = rng.choice(["month_ord", "month_the_ord", "the_d_of_m"])
    t = {"month_ord": "%s %s" % (mon, ordw(d, hy)), "month_the_ord": "%s the %s" % (mon, ordw(d, hy)),
         "the_d_of_m": "the %s of %s" % (ordw(d, hy), mon)}[f]
    if year:
        t += R.sep() + year_words(y, hy, R.z, style=rng.randrange(2))
        f += "_year"
    return t, True, f


def r_zip(R, z, written=None, fill=False):
    rng = R.rng
    if written is None:
        written = R.written()
    if written:
        return z, False, "written_zip%d" % len(z.replace("-", ""))
    digits = z.replace("-", "")
    if R.style == "mixed" and rng.random() < 0.15:
        return digits[:5], False, "digits_spaced_none"
    md = rng.choice(["d", "d", "d", "p"])
    if md == "p":
        t = g_pairs(digits[:2], R.z, R.hy) + " " + g_pairs(digits[2:5], R.z, R.hy)
    else:
        dbl = rng.random() < 0.3 and not fill
        t = g_digits(digits[:5], R.z, dbl=dbl)
        if fill:
            w = t.split()
            t = " ".join(w[:2]) + R.ch(" uh ", " um ") + " ".join(w[2:])
    if len(digits) == 9:
        t += R.p(", dash ") if rng.random() < 0.5 else R.sep()
        t += g_digits(digits[5:], R.z)
    return t, True, "words_%s%s%s" % (md, "_plus4" if len(digits) == 9 else "", "_uh" if fill else "")


def r_mbi(R, mbi, written=None, mode=None):
    rng = R.rng
    if written is None:
        written = R.written()
    g = [mbi[0:4], mbi[4:7], mbi[7:11]]
    if written:
        f = rng.choice(["dash", "plain", "space", "dash"])
        t = {"dash": "-".join(g), "plain": mbi, "space": " ".join(g)}[f]
        return t, False, "written_" + f
    if mode is None:
        mode = rng.choice(["letters", "letters", "letters", "nato", "asin", "pairs"])
        if R.style == "mixed" and rng.random() < 0.25:
            mode = "digits_letters"
    def ch(c, j):
        if c.isdigit():
            return c if mode == "digits_letters" else dw(c, R.z)
        if mode == "nato":
            return NATO[c]
        if mode == "asin" and rng.random() < 0.6:
            return R.p("%s as in %s" % (c, ASIN[c]))
        return c
    groups = []
    for gi, s in enumerate(g):
        if mode == "pairs" and gi == 2:
            groups.append(ch(s[0], 0) + " " + ch(s[1], 1) + " " + g_pairs(s[2:], R.z, R.hy))
        else:
            groups.append((R.p(", ") if mode == "asin" else " ").join(ch(c, j) for j, c in enumerate(s)))
    t = join_groups(R, groups, fill=rng.random() < 0.25)
    spoken = mode != "digits_letters"
    return t, spoken, "chars_" + mode


def r_card(R, num, written=None, restart=False, fill=None):
    rng = R.rng
    sizes = [4, 6, 5] if len(num) == 15 else [4, 4, 4, 4]
    g, i = [], 0
    for n in sizes:
        g.append(num[i:i + n])
        i += n
    if written is None:
        written = R.written() and not restart
    if written:
        f = rng.choice(["space", "space", "dash", "plain"])
        t = {"space": " ".join(g), "dash": "-".join(g), "plain": num}[f]
        return t, False, "written_" + f
    if fill is None:
        fill = rng.random() < 0.4
    modes = [rng.choice(["d", "d", "d", "p", "dbl"]) for _ in g]
    if R.style == "mixed" and rng.random() < 0.35:
        modes[rng.randrange(len(g))] = "num"
    parts = [grp(R, x, md) for x, md in zip(g, modes)]
    t = join_groups(R, parts, fill)
    if restart:
        t = parts[0] + " " + " ".join(parts[1].split()[:2]) + (R.ch("... ", "-- ") if R.punct else " ") + t
    kind = "mixed" if "num" in modes else "words"
    return t, True, "%s_%s%s%s" % (kind, "_".join(modes), "_uh" if fill else "", "_restart" if restart else "")


def r_email(R, em, written=None, mode=None):
    rng = R.rng
    if written is None:
        written = R.written()
    if written:
        return em["value"], False, "written"
    if mode is None:
        mode = rng.choice(["words", "words", "spell_user", "spell_first", "mixed_user"])
    dom = rng.choice(em["dom_sp"])
    out = []
    if mode == "mixed_user":
        user = "".join(p[1] for p in em["parts"])
        t = user + " at " + dom
        return t, True, "email_mixed_user"
    for kind, val in em["parts"]:
        if kind == "p":
            out.append({".": "dot", "_": "underscore"}[val])
        elif kind == "n":
            if len(val) == 4:
                out.append(year_words(int(val), R.hy, R.z) if rng.random() < 0.6 else g_digits(val, R.z))
            else:
                out.append(g_digits(val, R.z) if rng.random() < 0.5 or val[0] == "0" else n2w(int(val), R.hy))
        elif kind == "i":
            out.append(val)
        else:
            spell = mode == "spell_user" or (mode == "spell_first" and not out)
            if spell:
                sep = rng.choice([" ", " ", "-"]) if R.punct else " "
                out.append(sep.join(val))
            else:
                out.append(val)
    t = " ".join(out) + " at " + dom
    return t, True, "email_" + mode


def r_name(R, name, spelled=False, mode=None, part="full"):
    rng = R.rng
    if not spelled:
        return name, True, "name_" + part
    if mode is None:
        mode = rng.choice(["space", "space", "dash", "comma", "asin"]) if R.punct else "space"
    letters = [c for c in name.upper() if c.isalpha()]
    if mode == "asin":
        t = ", ".join(("%s as in %s" % (c, ASIN[c])) if k % 3 == 0 else c for k, c in enumerate(letters))
    else:
        t = {"space": " ", "dash": "-", "comma": ", "}[mode].join(letters)
    return t, True, "spelled_" + mode


def r_street(R, st, written=None):
    rng = R.rng
    if written is None:
        written = R.written()
    unit = st["unit"]
    if written:
        f = rng.choice(["abbr", "full"])
        t = "%s %s %s" % (st["num"], st["name"], st["abbr"] if f == "abbr" else st["suf"])
        if unit:
            t += rng.choice([", %s %s", " %s %s"]) % (unit[0], unit[1]) if unit[0] != "Apt" else \
                rng.choice([", Apt %s", " #%s", ", Apartment %s"]) % unit[1]
            f += "_unit"
        return t, False, "written_" + f
    n = st["num"]
    md = rng.choice(["d", "p", "p"])
    if R.style == "mixed" and rng.random() < 0.3:
        md = "num"
    t = grp(R, n, md) + " " + st["name"] + " " + st["suf"]
    if unit:
        uw = {"Apt": "apartment", "Lot": "lot", "Unit": "unit"}[unit[0]]
        val = unit[1]
        if val[-1].isalpha():
            vw = " ".join(dw(c, R.z) for c in val[:-1]) + " " + val[-1]
        else:
            vw = n2w(int(val), R.hy)
        t += R.sep() + uw + " " + vw
    return t, md != "num" or bool(unit), "house_%s%s" % (md, "_unit" if unit else "")


def r_alnum(R, s, written=None, group=3, nato=None):
    """member ids, MRNs, NPIs: letters then digits."""
    rng = R.rng
    if written is None:
        written = R.written()
    if written:
        return s, False, "written"
    m = re.match(r"([A-Z]*)(\d+)", s)
    pre, digs = m.group(1), m.group(2)
    if nato is None:
        nato = bool(pre) and rng.random() < 0.3
    md = rng.choice(["d", "d", "p", "dbl", "g"])
    if R.style == "mixed" and rng.random() < 0.25:
        md = "num"
    if md == "g":
        chunks = [digs[i:i + group] for i in range(0, len(digs), group)]
        body = R.sep().join(g_digits(c, R.z) for c in chunks)
    elif md == "num":
        body = digs
    else:
        body = grp(R, digs, md)
    head = ""
    if pre:
        head = " ".join(NATO[c] if nato else c for c in pre) + (R.sep() if rng.random() < 0.5 else " ")
    return head + body, md != "num" or nato, "alnum_%s%s" % ("nato_" if nato else "", md)


def r_plain(R, s, **kw):
    return s, True, "name_city"


def r_npi(R, s, **kw):
    return r_alnum(R, s, **kw)


RENDER = {"PHONE": r_phone, "SSN": r_ssn, "DOB": r_dob, "DATE": r_date, "ZIP": r_zip, "MBI": r_mbi,
          "CARD": r_card, "EMAIL": r_email, "NAME": r_name, "STREET": r_street, "CITY": r_plain,
          "MEMBER_ID": r_alnum, "MRN": r_alnum, "NPI": r_npi}


# ----------------------------------------------------------------------------- written (LLM / fields)

def w_phone(R, ph, fmt=None):
    fmt = fmt or R.rng.choice(["paren", "dash", "e164"])
    a, m, l = ph[:3], ph[3:6], ph[6:]
    return {"paren": "(%s) %s-%s" % (a, m, l), "dash": "%s-%s-%s" % (a, m, l), "e164": "+1" + ph}[fmt], "written_" + fmt


def w_dob(R, ymd, fmt=None):
    y, m, d = ymd
    fmt = fmt or R.rng.choice(["mdy", "iso", "month"])
    return {"mdy": "%02d/%02d/%d" % (m, d, y), "iso": "%04d-%02d-%02d" % (y, m, d),
            "month": "%s %d, %d" % (MONTHS[m - 1], d, y)}[fmt], "written_" + fmt


def w_ssn(R, ssn, last4=False, fmt=None):
    if last4:
        return ssn[5:], "last4_digits"
    fmt = fmt or R.rng.choice(["dash", "plain"])
    return ("%s-%s-%s" % (ssn[:3], ssn[3:5], ssn[5:]) if fmt == "dash" else ssn), "written_" + fmt


def w_mbi(R, m, fmt=None):
    fmt = fmt or R.rng.choice(["plain", "dash"])
    return (m if fmt == "plain" else "%s-%s-%s" % (m[:4], m[4:7], m[7:])), "written_" + fmt


def w_card(R, c, fmt=None):
    fmt = fmt or R.rng.choice(["plain", "space"])
    if fmt == "plain":
        return c, "written_plain"
    if len(c) == 15:
        return "%s %s %s" % (c[:4], c[4:10], c[10:]), "written_space"
    return " ".join(c[i:i + 4] for i in range(0, 16, 4)), "written_space"


def w_street(R, st, fmt=None):
    t = "%s %s %s" % (st["num"], st["name"], st["suf"])
    if st["unit"]:
        t += " %s %s" % st["unit"]
    return t, "written_full"


WRITTEN = {"PHONE": w_phone, "DOB": w_dob, "DATE": w_dob, "SSN": w_ssn, "MBI": w_mbi, "CARD": w_card,
           "STREET": w_street,
           "EMAIL": lambda R, e, **k: (e["value"], "written"),
           "ZIP": lambda R, z, **k: (z, "written_zip%d" % len(z.replace("-", ""))),
           "NAME": lambda R, n, **k: (n, "name_full" if " " in n else "name_single"),
           "CITY": lambda R, n, **k: (n, "name_city"),
           "MEMBER_ID": lambda R, n, **k: (n, "written"),
           "MRN": lambda R, n, **k: (n, "written"),
           "NPI": lambda R, n, **k: (n, "written")}


# ----------------------------------------------------------------------------- hard negatives

def neg_money(R, dollars, cents=0):
    if dollars == 0 and cents == 0:
        words = R.ch("zero dollars", "zero dollar", "no")
        return R.neg("money", words, "$0") if words != "no" else R.neg("money", "zero", "$0")
    words = n2w(dollars, R.hy) if dollars < 1000 else "%s thousand" % n2w(dollars // 1000)
    words += " dollars"
    if cents:
        words += " and %s cents" % n2w(cents, R.hy) if R.rng.random() < 0.5 else ""
        if not words.endswith("cents"):
            words = "%s %s" % (n2w(dollars, R.hy), n2w(cents, R.hy))
    written = "${:,}.{:02d}".format(dollars, cents) if cents else "${:,}".format(dollars)
    return R.neg("money", words, written)


def neg_plan_id(R, plan):
    c, pbp = plan[1], plan[2]
    k = R.rng.randrange(3)
    if k == 0:
        words = "%s %s %s" % (c[0], g_pairs(c[1:], R.z, R.hy), g_digits(pbp, R.z))
    elif k == 1:
        words = "%s %s dash %s" % (c[0], g_digits(c[1:], R.z), g_digits(pbp, R.z))
    else:
        words = "%s %s, %s" % (c[0], g_digits(c[1:], R.z), g_pairs(pbp, R.z, R.hy))
    return R.neg("plan_id", words, "%s-%s" % (c, pbp))


def neg_star(R):
    s = R.ch((4, "four stars", "4-star"), (4.5, "four and a half stars", "4.5-star"),
             (3.5, "three and a half stars", "3.5-star"), (5, "five stars", "5-star"))
    return s, R.neg("star_rating", s[1], s[2])


def neg_digits(R, what, s, group=None, pairs=False):
    if pairs:
        words = g_pairs(s, R.z, R.hy)
    elif group:
        words = R.sep().join(g_digits(s[i:i + group], R.z) for i in range(0, len(s), group))
    else:
        words = g_digits(s, R.z)
    return R.neg(what, words, s)


def neg_tier(R):
    n = R.rng.randint(1, 5)
    return R.neg("drug_tier", "tier " + ONES[n], "Tier %d" % n)


def neg_count(R, n):
    return R.neg("count", n2w(n, R.hy), str(n))


def ref_number(R):
    return "%d%02d%02d" % (R.rng.randint(2, 9), R.rng.randint(10, 99), R.rng.randint(10, 99)) + \
        "".join(str(R.rng.randint(0, 9)) for _ in range(5))


# ----------------------------------------------------------------------------- scenes

def sc_ivr(R, P):
    R.S("Thank you for calling %s. If this is a medical emergency, hang up and dial %s. For billing and "
        "premium payments, %s. For pharmacy and prescription questions, %s. For all other questions, "
        "%s." % (P["plan"][0], R.neg("emergency_number", "nine one one", "911"),
                 R.neg("menu_option", "press one"), R.neg("menu_option", "press two"),
                 R.neg("menu_option", "press three")))
    R.C(R.ch("Representative.", "Operator. Operator!", "Representative. I want a person."))


def greet_agent(R, P, dept):
    if R.ai:
        R.A("Thanks for calling %s %s. I'm a virtual assistant and this call %s be recorded. How can I "
            "help you today?" % (P["plan"][0], dept, R.cw("may")))
        return
    ag = R.v("NAME", P["agent"], "same", part="first")
    R.A(R.ch("Thank you for calling %s %s, my name is %s. This call %s be recorded for quality. How can I "
             "help you?" % (P["plan"][0], dept, ag, R.cw("may")),
             "%s %s, this is %s speaking, how %s I help you today?" % (P["plan"][0], dept, ag, R.cw("may"))))


def sc_greet_sales(R, P):
    if R.ai:
        R.A("Thanks for calling %s Medicare enrollment. I'm a virtual assistant. I'll collect your information "
            "and a licensed agent will review your application. This call %s be recorded." % (
                P["plan"][0].split()[0], R.cw("may")))
    else:
        ag = R.v("NAME", P["agent"], "same", part="first")
        R.A("Thank you for calling %s Medicare enrollment, my name is %s and I'm a licensed insurance "
            "agent. This call %s be recorded for quality and training purposes." % (
                P["plan"][0].split()[0], ag, R.cw("may")))
    R.C(R.ch("Oh, hello. I got a postcard in the mail about the Medicare plans and honestly I'm just so "
             "confused by all of it.",
             "Yes, hi. I'm turning sixty-five soon and everybody is calling me about Medicare. I don't know "
             "what I'm supposed to do.",
             "Hello? Can you hear me? I'm on the speaker phone."))
    R.A("I'm happy to help. Before we start I'm required to read a short statement. We do not offer "
        "every plan available in your area. Currently we represent %s organizations which offer %s "
        "products in your area. Please contact Medicare dot gov, %s, or your local State Health Insurance "
        "Program to get information on all of your options." % (
            neg_count(R, R.rng.randint(3, 9)), neg_count(R, R.rng.randint(20, 70)),
            R.neg("public_phone", "one eight hundred Medicare", "1-800-MEDICARE")))
    R.C("Okay. Alright.")
    if not R.ai and R.rng.random() < 0.6:
        R.A("And for your records, my national producer number is %s, and I'm licensed in %s, license "
            "number %s." % (neg_digits(R, "npn", P["npn"]), P["state"],
                            R.neg("license_number", "W " + g_digits(P["npn"][-6:], R.z), "W" + P["npn"][-6:])))


def sc_name(R, P, spell=None, ask=None):
    rng = R.rng
    if ask is None:
        ask = rng.random() < 0.7
    if ask:
        R.A(R.ch("Who do I have the pleasure of speaking with?", "Can I start with your first and last name?",
                 "May I have your full name, please?", "And who am I speaking with today?"))
        k = rng.randrange(3)
        if k == 0:
            R.C("%s." % R.v("NAME", P["full"], "prev"))
        elif k == 1:
            R.C("This is %s." % R.v("NAME", P["full"], "prev"))
        else:
            R.C("Oh, I'm sorry. It's %s." % R.v("NAME", P["full"], "prev"))
    else:
        R.C("My name is %s. %s" % (R.v("NAME", P["full"], "same"),
                                   R.ch("I've been on hold a long time.", "I'm a member of your plan.",
                                        "My daughter told me to call.")))
    if spell is None:
        spell = rng.random() < 0.5
    if spell:
        R.A("And can you spell your last name for me?")
        R.C(R.ch("Sure. %s.", "%s. Everybody gets it wrong.", "It's %s.") % R.v(
            "NAME", P["last"], "prev", spelled=True))
    R.A("Thank you, %s %s." % (P["title"], R.v("NAME", P["last"], "prev", part="last")))


def sc_dob(R, P, readback=None):
    rng = R.rng
    k = rng.randrange(5)
    if k == 0:
        R.A(R.ch("Can you verify your date of birth for me?", "And your date of birth?",
                 "What's your birth date?"))
        R.C(R.ch("", "Oh, uh, ", "Um. ", "Let's see, ") + R.v("DOB", P["dob"], "prev") + ".")
    elif k == 1:
        R.A("I'll just need to verify a couple of things first.")
        R.C("My date of birth is %s." % R.v("DOB", P["dob"], "same"))
    elif k == 2:
        R.A("And the date of birth?")
        R.C("What's that, dear?")
        R.A("Your date of birth.")
        R.C("Oh. %s. I'll be %s this year." % (R.v("DOB", P["dob"], "prev", restart=rng.random() < 0.3),
                                                R.neg("age", n2w(P["age"], R.hy), str(P["age"]))))
    elif k == 3:
        R.A("Can you confirm your birthday for me?")
        R.C("I was born %s." % R.v("DOB", P["dob"], "same"))
    else:
        R.A("Can I get your name and date of birth?")
        R.C("%s, %s." % (R.v("NAME", P["full"], "prev"), R.v("DOB", P["dob"], "prev")))
    if readback is None:
        readback = rng.random() < 0.5
    if readback:
        R.A(R.ch("I have %s, is that right?", "%s, thank you.", "Okay, %s. Perfect.") % R.v(
            "DOB", P["dob"], "prev"))
        R.C(R.ch("That's right.", "Yes.", "Yes ma'am.", "Mm-hmm."))


def sc_mbi(R, P, whose="your", mbi=None):
    rng = R.rng
    mbi = mbi or P["mbi"]
    R.A("Do you have %s red, white and blue Medicare card handy?" % whose)
    k = rng.randrange(3)
    if k == 0:
        R.C("Hold on, let me find my glasses. Okay. I have it here.")
    elif k == 1:
        sp = R.v("NAME", P["spouse"], "none", part="first")
        R.C("%s, where did you put my Medicare card? ... Okay, I've got it." % sp)
    else:
        R.C("It's in my purse somewhere. Just a minute. Okay.")
    R.A("Can you read me the Medicare number on it? It's %s characters, letters and numbers." %
        neg_count(R, 11))
    k = rng.randrange(3)
    if k == 0:
        R.C("%s." % R.v("MBI", mbi, "prev"))
    elif k == 1:
        R.C("Okay, it says Medicare number %s." % R.v("MBI", mbi, "same"))
    else:
        R.C("Alright. %s. Did you get that?" % R.v("MBI", mbi, "prev"))
    r = rng.random()
    if r < 0.35:
        R.A("Let me read that back. %s?" % R.v("MBI", mbi_wrong(rng, mbi), "prev", mode="letters"))
        R.C("No, no, I think you've got one wrong. It's %s." % R.v("MBI", mbi, "prev"))
        R.A("%s. Got it now, thank you." % R.v("MBI", mbi, "prev"))
    elif r < 0.75:
        R.A("I have %s." % R.v("MBI", mbi, "prev"))
        R.C("That's it.")
    if rng.random() < 0.4:
        R.C("It says my Part A started in %s, if that matters." % R.neg(
            "year", year_words(REF_YEAR - rng.randint(1, 15), R.hy, R.z), str(REF_YEAR - rng.randint(1, 15))))
        R.A("That's fine, I just need the number.")


def sc_ssn_full(R, P, why="For the Extra Help application"):
    rng = R.rng
    R.A("%s, I'll need your Social Security number." % why)
    k = rng.randrange(4)
    if k == 0:
        R.C("%s." % R.v("SSN", P["ssn"], "prev"))
    elif k == 1:
        R.C("Is it safe to give that out over the phone? My son says never give it out.")
        R.A("That's a good question to ask. You called us, and we only use it for the application.")
        R.C("Alright. My social security number is %s." % R.v("SSN", P["ssn"], "same"))
    elif k == 2:
        R.C("Okay, it's %s." % R.v("SSN", P["ssn"], "prev", restart=rng.random() < 0.5))
    else:
        R.C("My social is %s." % R.v("SSN", P["ssn"], "same"))
    r = rng.random()
    if r < 0.45:
        R.A("Let me repeat that: %s." % R.v("SSN", P["ssn"], "prev"))
        R.C("Yes.")
    elif r < 0.7:
        R.A("Okay, ending in %s." % R.v("SSN", P["ssn"], "prev", last4=True))
        R.C("That's right.")


def sc_ssn_last4(R, P):
    R.A(R.ch("For security, can you verify the last four digits of your Social Security number?",
             "And just the last four of your social, please."))
    if R.rng.random() < 0.7:
        R.C(R.ch("", "Um, ", "That's ") + R.v("SSN", P["ssn"], "prev", last4=True) + ".")
    else:
        R.C("The last four of my social are %s." % R.v("SSN", P["ssn"], "same", last4=True))
    R.A("Thank you, you're verified.")


def sc_address(R, P, verify=False):
    rng = R.rng
    st = P["street"]
    state = P["state"]
    if verify:
        R.A("Is your address still %s in %s?" % (R.v("STREET", st, "same"), R.v("CITY", P["city"], "same")))
        R.C(R.ch("Yes, that's right.", "Yes, same place for forty years.", "Mm-hmm."))
        R.A("And the zip code there?")
        R.C("%s." % R.v("ZIP", P["zip"], "prev"))
        return
    k = rng.randrange(3)
    if k == 0:
        R.A("What's your home address?")
        R.C("%s, %s, %s, %s." % (R.v("STREET", st, "prev"), R.v("CITY", P["city"], "prev"), state,
                                 R.v("ZIP", P["zip"], "prev")))
    elif k == 1:
        R.A("Can I get the address where you live?")
        R.C("I live at %s in %s. The zip is %s." % (R.v("STREET", st, "same"), R.v("CITY", P["city"], "same"),
                                                    R.v("ZIP", P["zip"], "same")))
    else:
        R.A("What's the street address?")
        R.C("It's %s." % R.v("STREET", st, "prev"))
        R.A("And the city?")
        R.C("%s, %s." % (R.v("CITY", P["city"], "prev"), state))
        R.A("And your zip code?")
        R.C("My what?")
        R.A("Your zip code, the %s numbers at the end of your address." % neg_count(R, 5))
        R.C("Oh. %s." % R.v("ZIP", P["zip"], "prev", fill=rng.random() < 0.4, written=False))
    if rng.random() < 0.5:
        R.A("So that's %s, %s, %s?" % (R.v("STREET", st, "prev"), R.v("CITY", P["city"], "prev"),
                                       R.v("ZIP", P["zip"], "prev")))
        R.C("That's it.")


def sc_phone(R, P):
    rng = R.rng
    R.A(R.ch("What's the best phone number to reach you?", "And a good callback number?",
             "What phone number should we have on file?"))
    k = rng.randrange(4)
    if k == 0:
        R.C("%s." % R.v("PHONE", P["phone"], "prev"))
    elif k == 1:
        R.C("My home number is %s." % R.v("PHONE", P["phone"], "same"))
    elif k == 2:
        R.C("Um, let me think. %s." % R.v("PHONE", P["phone"], "prev", restart=True))
    else:
        R.C("I have a cell phone but I never remember the number. The house phone is %s." %
            R.v("PHONE", P["phone"], "same"))
    r = rng.random()
    if r < 0.2:
        ph = P["phone"]
        wrong = ph[:-1] + str((int(ph[-1]) + rng.choice([1, 3, 5])) % 10)
        R.A("%s?" % R.v("PHONE", wrong, "prev"))
        R.C("No, %s." % R.v("PHONE", ph, "prev"))
        R.A("Sorry about that. %s." % R.v("PHONE", ph, "prev"))
    elif r < 0.65:
        R.A(R.ch("Let me repeat that back: %s.", "%s, got it.", "I have %s.") % R.v("PHONE", P["phone"], "prev"))
        R.C(R.ch("That's it.", "Yes.", "Right."))
    if rng.random() < 0.3:
        rel = P["rel"]
        R.C("And if you can't get me, call my %s %s at %s." % (
            rel["relation"], R.v("NAME", rel["first"], "same", part="first"), R.v("PHONE", P["phone2"], "same")))
        R.A("I'll add that as a secondary number.")


def sc_email(R, P, on_line=False):
    rng = R.rng
    rel = P["rel"]
    em = rel["email"]
    pron = "her" if rel["sex"] == "F" else "his"
    R.A(R.ch("Would you like your plan documents mailed, or sent by email?",
             "Is there an email address we can send the confirmation to?"))
    if on_line:
        R.C("Let me put my %s on, %s does all the computer things." % (rel["relation"], "she" if rel["sex"] == "F" else "he"))
        R.R("Hi, this is %s, I'm %s %s. You can use my email, it's %s." % (
            R.v("NAME", rel["first"] + " " + rel["last"], "same"), P["first"] if rng.random() < 0.5 else "her",
            rel["relation"], R.v("EMAIL", em, "same")))
        R.A("Thank you. Let me read that back: %s." % R.v("EMAIL", em, "prev"))
        R.R("Perfect.")
        return
    R.C("Oh, I don't do the email. My %s %s handles all that for me. Can you send it to %s?" % (
        rel["relation"], R.v("NAME", rel["first"], "same", part="first"), "her" if rel["sex"] == "F" else "him"))
    R.A("Of course. What's %s email address?" % pron)
    k = rng.randrange(3)
    if k == 0:
        R.C("%s. All lowercase." % R.v("EMAIL", em, "prev"))
    elif k == 1:
        R.C("I wrote it down here. It's %s." % R.v("EMAIL", em, "prev"))
    else:
        R.C("Let me see... %s." % R.v("EMAIL", em, "prev", mode="spell_user"))
    if rng.random() < 0.6:
        R.A("Let me read that back to make sure: %s." % R.v("EMAIL", em, "prev"))
        R.C(R.ch("That's it.", "Yes, I think so.", "Yes."))
    elif rng.random() < 0.5:
        R.A("Okay, I've added that.")
        R.C("%s wrote it on a card for me, let me just say it once more. %s. %s checks it every day." % (
            "She" if rel["sex"] == "F" else "He", R.v("EMAIL", em, "none"), "She" if rel["sex"] == "F" else "He"))


def sc_card(R, P, amount=None):
    rng = R.rng
    dollars = amount if amount is not None else rng.choice([0, 18, 24, 31, 38, 47, 52, 69, 88])
    cents = rng.choice([0, 0, 40, 90, 60]) if dollars else 0
    if dollars == 0:
        dollars, cents = 38, 40
    R.A("Your monthly premium is %s. Would you like to pay that today by card?" % neg_money(R, dollars, cents))
    R.C("Yes, I'd like to get that taken care of. Hold on, let me get my purse." if P["sex"] == "F" else
        "Yes, let's do that. Let me get my wallet.")
    R.A("Take your time.")
    k = rng.randrange(4)
    if k == 3:
        R.C("Okay, here it is. %s." % R.v("CARD", P["card"], "none"))
        R.A("And is that a Visa, Mastercard...?")
        R.C("It's %s." % ("an American Express" if P["card_brand"] == "American Express" else "a " + P["card_brand"]))
    else:
        R.C("Okay. It's %s." % ("an American Express" if P["card_brand"] == "American Express" else "a " + P["card_brand"]))
        R.A("Go ahead with the card number whenever you're ready.")
    if k == 0:
        R.C("%s." % R.v("CARD", P["card"], "prev"))
    elif k == 1:
        R.C("The card number is %s." % R.v("CARD", P["card"], "same"))
    else:
        R.C("Okay. %s. These numbers are so small." % R.v("CARD", P["card"], "prev", restart=True))
    if rng.random() < 0.7:
        R.A("Let me read that back. %s." % R.v("CARD", P["card"], "prev"))
        R.C("Yes, that's right.")
    R.A("And the billing zip code for that card?")
    R.C("%s." % R.v("ZIP", P["zip"], "prev"))
    R.A("Thank you. I'm going to pause the recording now while you give me the expiration date and the "
        "security code.")
    if rng.random() < 0.3:
        brand2, card2 = gen_card(rng, amex_ok=False)
        R.A("Okay, the recording is back on. I'm sorry, that card was declined. Do you have another card you'd "
            "like to use?")
        R.C("Declined? Oh for heaven's sake. Let me get my %s card then. Okay. %s." % (
            brand2, R.v("CARD", card2, "none" if rng.random() < 0.3 else "prev")))
        R.A("Thank you. That's %s?" % R.v("CARD", card2, "prev"))
        R.C("Yes.")
        R.A("I'll pause the recording again for the expiration and the code.")
    conf = "".join(str(rng.randint(0, 9)) for _ in range(7))
    R.A("Okay, the recording has resumed. Your payment of %s was approved. Your confirmation number is %s." % (
        neg_money(R, dollars, cents), neg_digits(R, "confirmation_number", conf)))
    R.C("Can you say that again? I need to write it down.")
    R.A("Of course. %s." % neg_digits(R, "confirmation_number", conf, group=rng.choice([3, 4])))


def sc_member_id(R, P):
    rng = R.rng
    plan = P["plan"]
    R.A("Can I have your member ID number? It's on the front of your %s card." % plan[0].split()[0])
    if rng.random() < 0.35:
        R.C("Is it the one that says R X BIN, %s?" % neg_digits(R, "rx_bin", rng.choice(["610014", "004336", "015581", "610097"])))
        R.A("No, that one's the same for all our members. Look for where it says Member ID, right under your name.")
        R.C("Oh, here it is. %s." % R.v("MEMBER_ID", P["member_id"], "prev"))
    else:
        k = rng.randrange(2)
        if k == 0:
            R.C("%s." % R.v("MEMBER_ID", P["member_id"], "prev"))
        else:
            R.C("My member number is %s." % R.v("MEMBER_ID", P["member_id"], "same"))
    if rng.random() < 0.3:
        grp_id = "RX" + str(rng.randint(1000, 9999))
        R.C("There's a group number too, %s. Do you need that?" % R.neg(
            "rx_group", "R X " + g_digits(grp_id[2:], R.z), grp_id))
        R.A("No, that's alright.")
    if rng.random() < 0.5:
        R.A("%s, thank you." % R.v("MEMBER_ID", P["member_id"], "prev"))


def sc_hospital(R, P):
    rng = R.rng
    R.C("I got a %s from %s and I don't understand why I owe %s. I thought my plan covered the hospital." % (
        R.cw("bill"), P["hospital"], neg_money(R, rng.choice([350, 1240, 475, 890, 2100]))))
    R.A("I can look into that for you. Do you have the statement in front of you?")
    R.C("Yes, right here.")
    R.A("Is there a medical record number on it? Usually up at the top.")
    k = rng.randrange(3)
    if k == 0:
        R.C("%s." % R.v("MRN", P["mrn"], "prev"))
    elif k == 1:
        R.C("It says M R N, %s." % R.v("MRN", P["mrn"], "same"))
    else:
        R.C("Medical record number %s. Is that the one?" % R.v("MRN", P["mrn"], "same"))
    if rng.random() < 0.6:
        R.A("%s, okay." % R.v("MRN", P["mrn"], "prev"))
    R.A("And what were the dates you were in the hospital?")
    if rng.random() < 0.5:
        R.C("I went in on %s and came home %s." % (R.v("DATE", P["adm"], "prev"), R.v("DATE", P["dis"], "prev")))
    else:
        R.C("Well, they admitted me %s, and I was discharged %s." % (
            R.v("DATE", P["adm"], "same"), R.v("DATE", P["dis"], "same")))
    claim = "".join(str(rng.randint(0, 9)) for _ in range(11))
    R.A("I see the claim, claim number %s. Your plan has a %s copay per day for days %s through %s of an "
        "inpatient stay, so that part is your share." % (
            neg_digits(R, "claim_number", claim, group=rng.choice([3, 4])),
            neg_money(R, rng.choice([295, 350, 395, 225])), R.neg("count", "one", "1"),
            R.neg("count", *R.ch(("five", "5"), ("six", "6"), ("seven", "7")))))
    R.C("Well, I %s pay it, but I don't have to like it." % R.cw("will"))
    R.A("I understand. I can send it for a review if you'd like.")


def sc_npi(R, P):
    rng = R.rng
    doc = P["doc"]
    R.C("I want to make sure I can keep seeing my doctor. Dr. %s." % R.v("NAME", doc, "same", part="last"))
    if rng.random() < 0.5:
        R.A("Do you happen to have the doctor's NPI number? The office can give it to you.")
        R.C("My %s wrote it down. %s." % (P["rel"]["relation"], R.v("NPI", P["npi"], "prev")))
        R.A("Thank you. %s." % R.v("NPI", P["npi"], "prev"))
    else:
        R.A("Let me search. I see Dr. %s, NPI %s, family medicine. Is that the right one?" % (
            R.v("NAME", doc, "same", part="last"), R.v("NPI", P["npi"], "same")))
        R.C("That sounds right.")
    R.A("Good news, Dr. %s is in network for this plan." % R.v("NAME", doc, "same", part="last"))


def sc_plan(R, P):
    rng = R.rng
    plan = P["plan"]
    drug, dose_w, dose_d = P["drug"]
    if rng.random() < 0.4:
        R.A("Let me look at what's available where you are.")
        R.C("I'm down in %s. %s, if that helps." % (R.v("CITY", P["city"], "same"), R.v("ZIP", P["zip"], "none")))
    R.A("Based on your doctors and prescriptions, the plan that fits best is %s. That's plan %s." % (
        plan[0], neg_plan_id(R, plan)))
    star = neg_star(R)[1]
    R.A(R.ch("It's rated %s by Medicare.", "Medicare gives it %s.") % star)
    R.C("And how much is that going to cost me?")
    R.A("The monthly premium is %s, and you'd keep paying your Part B premium of %s. Primary care visits are "
        "%s, specialists are %s." % (neg_money(R, rng.choice([0, 0, 19, 38])), neg_money(R, 185),
                                     neg_money(R, 0), neg_money(R, rng.choice([35, 40, 45, 50]))))
    R.C("What about my %s? I take %s every morning." % (drug, R.neg("dose", dose_w, dose_d)))
    R.A("%s is a %s drug on this plan, so it's %s for a %s-day supply at a preferred pharmacy." % (
        drug, neg_tier(R), neg_money(R, rng.choice([0, 10, 47, 100])), R.neg("count", R.ch("thirty", "ninety"))))
    R.C(R.ch("Oh, that's better than what I pay now.", "Hmm. I %s it's not going up next year." % R.cw("hope")))
    R.A("Since we're in the Annual Enrollment Period, which runs %s, your coverage would start %s." % (
        R.neg("enrollment_period", "October fifteenth through December seventh", "October 15 through December 7"),
        R.neg("effective_date", "January first", "January 1st")))


def sc_formulary(R, P):
    rng = R.rng
    drug, dose_w, dose_d = P["drug"]
    R.C("The pharmacy told me my %s isn't covered anymore. I've been on it since %s." % (
        drug, R.neg("year", year_words(rng.randint(2012, 2022), R.hy, R.z, style=rng.randrange(2)))))
    R.A("Let me check that for you. What strength do you take?")
    R.C("%s, %s a day." % (R.neg("dose", dose_w, dose_d), R.neg("count", R.ch("once", "twice"))))
    R.A("Okay. On our %s formulary, %s is a %s drug and it needs a prior authorization. For your pharmacist, "
        "the plan formulary ID is %s." % (
            R.neg("year", "twenty twenty-six", "2026"), drug, neg_tier(R),
            neg_digits(R, "formulary_id", "000" + str(rng.randint(20000, 26999)))))
    R.C("And who does the prior authorization?")
    R.A("Your doctor's office sends it to us. It usually takes %s." % R.neg(
        "duration", R.ch("three business days", "seventy-two hours"), "72 hours"))


def sc_death(R, P):
    rng = R.rng
    husband = "husband" if P["spouse_sex"] == "M" else "wife"
    pr = "his" if P["spouse_sex"] == "M" else "her"
    R.C("Hi. I'm calling because my %s, %s, passed away %s, and I don't know what I'm supposed to do about %s plan." % (
        husband, R.v("NAME", P["spouse"] + " " + P["last"], "same"), R.v("DATE", P["death"], "same"), pr))
    R.A("I'm so sorry for your loss. I can help you with that. Can I get %s Medicare number or member ID?" % pr)
    R.C("I have %s Medicare card here. %s." % (pr, R.v("MBI", P["spouse_mbi"], "prev")))
    if rng.random() < 0.5:
        R.A("Thank you. %s." % R.v("MBI", P["spouse_mbi"], "prev"))
    R.A("And %s date of birth?" % pr)
    R.C("%s." % R.v("DOB", P["spouse_dob"], "prev"))
    R.A("And the date of passing was %s?" % R.v("DATE", P["death"], "prev"))
    if rng.random() < 0.6:
        R.C("Yes. The hospital gave me a paper with %s medical record number on it, %s. Do you need that?" % (
            pr, R.v("MRN", P["mrn"], "same")))
        R.A("That's helpful, thank you. %s." % R.v("MRN", P["mrn"], "prev"))
    else:
        R.C("Yes. It's been hard.")
    R.A("I'm sorry. We'll end the coverage, and you should also let Social Security know at %s." %
        R.neg("public_phone", "one eight hundred, seven seven two, one two one three", "1-800-772-1213"))


def sc_ship_open(R, P):
    if R.ai:
        R.A("Thank you for calling the State Health Insurance Assistance Program help line. I'm an automated "
            "assistant; a volunteer counselor will follow up. We're a free, unbiased service and we don't sell "
            "insurance.")
    else:
        ag = R.v("NAME", P["agent"], "same", part="first")
        R.A("Thank you for calling the State Health Insurance Assistance Program, this is %s, I'm a volunteer "
            "counselor. We're a free, unbiased service and we don't sell insurance." % ag)
    R.C(R.ch("Oh good. I just want somebody who isn't trying to sell me something.",
             "The senior center gave me your number. I'm drowning in mail about Medicare."))


def sc_meds(R, P, mts):
    R.A("Okay, let's go over your medications so I can put them in the Plan Finder.")
    if mts:
        mid, ex = R.rng.choice(mts)
        for role, line in ex:
            (R.A if role == "Doctor" else R.C)(line)
        R.carrier = "MTS-Dialog TrainingSet ID %s (CC BY 4.0)" % mid
    drug, dose_w, dose_d = P["drug"]
    R.A("And do you take %s?" % drug)
    R.C("Yes, %s, %s a day." % (R.neg("dose", dose_w, dose_d), R.neg("count", R.ch("once", "twice"))))
    R.A("What zip code do you live in? The plans are different by county.")
    R.C("%s." % R.v("ZIP", P["zip"], "prev"))


def sc_close(R, P, ref=True):
    rng = R.rng
    R.A("Is there anything else I can help you with today?")
    if R.ai:
        R.C("No, that's all. Thank you.")
    else:
        R.C("No, I think that's everything. You've been very patient with me, %s." % R.v(
            "NAME", P["agent"], "prev", part="first"))
    bits = []
    if ref:
        bits.append("Your reference number for today's call is %s." % neg_digits(
            R, "call_reference", ref_number(R), group=rng.choice([3, 4, None])))
    if rng.random() < 0.5:
        bits.append("We're open %s to %s, seven days a week, and TTY users can dial %s." % (
            R.neg("time", "eight a.m.", "8 a.m."), R.neg("time", "eight p.m.", "8 p.m."),
            R.neg("tty_number", "seven one one", "711")))
    if not R.ai and rng.random() < 0.4:
        bits.append("If we get disconnected you can reach me directly at %s, extension %s." % (
            R.neg("plan_phone", "one eight hundred, five five five, " + g_digits("01" + "%02d" % rng.randint(50, 99), R.z),
                  "1-800-555-01%02d" % rng.randint(50, 99)),
            neg_digits(R, "extension", str(rng.randint(2000, 7999)))))
    R.A(" ".join(bits) if bits else "Alright.")
    if rng.random() < 0.15:
        R.C("Okay. Oh, and %s, in case we get cut off or something." % R.v("PHONE", P["phone"], "none"))
        R.A("Got it, thank you.")
    R.C(R.ch("Let me write that down.", "I %s mark that down. Thank you, dear." % R.cw("will"),
             "Okay. Thank you so much."))
    R.A("Have a wonderful day, %s %s." % (P["title"], R.v("NAME", P["last"], "prev", part="last")))


def sc_open_none(R, P):
    """Caller volunteers identifiers with no question."""
    k = R.rng.randrange(3)
    if k == 0:
        R.C("Yes, hi. %s, %s. I'm calling about my %s." % (
            R.v("NAME", P["full"], "none"), R.v("SSN", P["ssn"], "none"), R.ch("account", "bill", "plan")))
    elif k == 1:
        R.C("Hi. %s. %s. I got a letter from you people." % (R.v("NAME", P["full"], "none"),
                                                               R.v("DOB", P["dob"], "none")))
    else:
        R.C("Hello. This is %s, %s, %s. Somebody called me from this number." % (
            R.v("NAME", P["full"], "same"), R.v("MEMBER_ID", P["member_id"], "none"),
            R.v("PHONE", P["phone"], "none")))


def sc_income(R, P):
    rng = R.rng
    R.A("How much do you get from Social Security each month?")
    R.C("About %s. And a little pension, maybe %s." % (
        neg_money(R, rng.choice([1240, 1385, 1510, 1620])), neg_money(R, rng.choice([200, 310, 450]))))
    R.A("And how many people live in your household?")
    R.C("Just %s. Since my %s passed." % (R.neg("count", "me", "me") if False else neg_count(R, 1),
                                          "husband" if P["spouse_sex"] == "M" else "wife"))
    R.A("Okay, you'll likely qualify. Extra Help could bring your prescriptions down to about %s each." %
        neg_money(R, rng.choice([4, 5, 12])))


def sc_mrn_volunteer(R, P):
    R.C("Oh, and %s, that's the number on my hospital wristband, in case you need it." % R.v(
        "MRN", P["mrn"], "none"))
    R.A("Thank you, I'll note it.")


# ----------------------------------------------------------------------------- kinds

def k_enroll(R, P, mts):
    rng = R.rng
    sc_greet_sales(R, P)
    sc_name(R, P)
    sc_dob(R, P)
    sc_address(R, P)
    sc_phone(R, P)
    sc_mbi(R, P)
    if rng.random() < 0.5:
        sc_npi(R, P)
    sc_plan(R, P)
    if rng.random() < 0.5:
        sc_email(R, P, on_line=rng.random() < 0.3)
    if rng.random() < 0.5:
        sc_card(R, P)
    sc_close(R, P)


def k_premium(R, P, mts):
    rng = R.rng
    if rng.random() < 0.4:
        sc_ivr(R, P)
    greet_agent(R, P, "billing")
    if rng.random() < 0.4:
        sc_open_none(R, P)
        R.A("Okay, let me pull that up.")
    else:
        R.C("I need to pay my premium. I got a late notice.")
        sc_name(R, P, spell=False)
    sc_member_id(R, P)
    sc_dob(R, P, readback=False)
    sc_card(R, P)
    if rng.random() < 0.4:
        sc_phone(R, P)
    if rng.random() < 0.3:
        sc_email(R, P)
    sc_close(R, P)


def k_claim(R, P, mts):
    rng = R.rng
    greet_agent(R, P, "member services")
    if rng.random() < 0.3:
        sc_open_none(R, P)
        R.A("Okay, one moment while I pull up your account.")
    else:
        sc_name(R, P, spell=rng.random() < 0.3)
    sc_member_id(R, P)
    sc_dob(R, P)
    sc_hospital(R, P)
    if rng.random() < 0.4:
        sc_address(R, P, verify=True)
    if rng.random() < 0.5:
        sc_phone(R, P)
    sc_close(R, P)


def k_ship(R, P, mts):
    rng = R.rng
    sc_ship_open(R, P)
    sc_name(R, P)
    sc_dob(R, P)
    sc_meds(R, P, mts)
    if rng.random() < 0.7:
        sc_ssn_full(R, P)
    if rng.random() < 0.5:
        sc_mbi(R, P)
    sc_email(R, P, on_line=rng.random() < 0.3)
    if rng.random() < 0.5:
        sc_phone(R, P)
    if rng.random() < 0.3:
        sc_mrn_volunteer(R, P)
    sc_close(R, P, ref=False)


def k_bereave(R, P, mts):
    rng = R.rng
    greet_agent(R, P, "member services")
    sc_death(R, P)
    R.A("And who am I speaking with?")
    R.C("This is %s, %s %s." % (R.v("NAME", P["full"], "prev"), "his" if P["spouse_sex"] == "M" else "her",
                                "wife" if P["sex"] == "F" else "husband"))
    sc_address(R, P, verify=rng.random() < 0.5)
    sc_phone(R, P)
    if rng.random() < 0.5:
        sc_email(R, P)
    sc_close(R, P)


def k_provider(R, P, mts):
    rng = R.rng
    ag = R.v("NAME", P["agent"], "same", part="first") if not R.ai else None
    if ag:
        R.A("Provider services, this is %s. Can I have your name and the office you're calling from?" % ag)
    else:
        R.A("Provider services. Can I have your name and the office you're calling from?")
    staff = rng.choice(REL_F + REL_M)
    R.C("Hi, this is %s from Dr. %s's office. We need to start an authorization for an inpatient admission." % (
        R.v("NAME", staff, "same", part="first"), R.v("NAME", P["doc"], "same", part="last")))
    R.A("Sure. What's the rendering provider's NPI?")
    R.C("%s." % R.v("NPI", P["npi"], "prev"))
    R.A("And the patient's name and date of birth?")
    R.C("%s, %s." % (R.v("NAME", P["full"], "prev"), R.v("DOB", P["dob"], "prev")))
    R.A("Member ID?")
    R.C("%s." % R.v("MEMBER_ID", P["member_id"], "prev"))
    R.C("And our MRN for %s is %s, if you need it for the notes." % (
        "her" if P["sex"] == "F" else "him", R.v("MRN", P["mrn"], "same")))
    R.A("Let me read that back: %s." % R.v("MRN", P["mrn"], "prev"))
    R.C("Correct.")
    R.A("What's the admission date?")
    R.C("%s, at %s." % (R.v("DATE", P["adm"], "prev"), P["hospital"]))
    R.A("And the expected discharge?")
    R.C("Probably %s, depending on therapy." % R.v("DATE", P["dis"], "prev"))
    R.A("Okay. Clinicals can be faxed to the number on the form, attention utilization management, "
        "extension %s. Your reference number for this request is %s, and the determination is due within %s." % (
            neg_digits(R, "extension", str(rng.randint(2000, 7999))),
            neg_digits(R, "call_reference", ref_number(R), group=rng.choice([3, 4])),
            R.neg("duration", R.ch("seventy-two hours", "fourteen days"), "72 hours")))
    R.C(R.ch("Perfect, thank you.", "Great, thanks so much."))


def k_address(R, P, mts):
    rng = R.rng
    greet_agent(R, P, "member services")
    R.C("I moved in with my %s and I need to change my address." % P["rel"]["relation"])
    sc_name(R, P, spell=rng.random() < 0.4)
    sc_member_id(R, P) if rng.random() < 0.6 else sc_mbi(R, P)
    sc_dob(R, P, readback=False)
    sc_ssn_last4(R, P)
    sc_address(R, P)
    R.A("Since you moved out of the service area, you %s qualify for a special enrollment period. "
        "You'd have %s months to pick a new plan." % (R.cw("may"), R.neg("count", "two", "2")))
    sc_phone(R, P)
    if rng.random() < 0.6:
        sc_email(R, P, on_line=rng.random() < 0.4)
    sc_close(R, P)


def k_formulary(R, P, mts):
    rng = R.rng
    if rng.random() < 0.5:
        sc_ivr(R, P)
    greet_agent(R, P, "pharmacy services")
    sc_name(R, P, spell=False)
    sc_member_id(R, P)
    sc_dob(R, P)
    sc_formulary(R, P)
    R.A("Would you like me to find a preferred pharmacy near you? What's your zip code?")
    R.C("%s." % R.v("ZIP", P["zip"], "prev"))
    if rng.random() < 0.5:
        sc_mrn_volunteer(R, P)
    sc_phone(R, P)
    sc_close(R, P)


def k_extrahelp(R, P, mts):
    rng = R.rng
    if rng.random() < 0.5:
        sc_ship_open(R, P)
    else:
        greet_agent(R, P, "member services")
        R.C("I heard there's a program that helps pay for the prescriptions.")
    sc_name(R, P)
    sc_ssn_full(R, P)
    sc_dob(R, P)
    sc_mbi(R, P)
    sc_income(R, P)
    sc_address(R, P)
    sc_phone(R, P)
    sc_close(R, P, ref=rng.random() < 0.5)


# (kind, builder, records out of 150)
KINDS = [("ma_enrollment", k_enroll, 30), ("premium_payment", k_premium, 24), ("hospital_claim", k_claim, 20),
         ("ship_counseling", k_ship, 18), ("bereavement", k_bereave, 10), ("provider_auth", k_provider, 12),
         ("address_change", k_address, 14), ("pharmacy_formulary", k_formulary, 10),
         ("extra_help", k_extrahelp, 12)]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
JSON_SHARE = 0.45


# ----------------------------------------------------------------------------- carriers

def load_mts(carrier_dir):
    path = os.path.join(carrier_dir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    out = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["section_header"] != "MEDICATIONS":
                continue
            d = r["dialogue"]
            lines = [l.strip() for l in d.split("\n") if l.strip()]
            if not lines or not all(l.startswith(("Doctor:", "Patient:")) for l in lines):
                continue
            if re.search(r"\b(Dr|Mr|Mrs|Ms|Miss)\b|Doctor [A-Z]|prescri|pharmacy|acne|Accutane|Ovcon|pregnan|"
                         r"\d|" + "|".join(MONTHS), d):
                continue
            if not (3 <= len(lines) <= 6) or not lines[0].startswith("Doctor:") or "?" not in lines[0]:
                continue
            ex = []
            for l in lines[:4]:
                role, _, txt = l.partition(":")
                txt = re.sub(r"\s+", " ", txt).strip()
                ex.append((role, txt))
            out.append((r["ID"], ex))
    return out


def find_carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR")]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cands.append(os.path.join(d, "shared", "carrier-sources"))
        d = os.path.dirname(d)
    cands.append("/work/shared/carrier-sources")
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")):
            return c
    sys.exit("carrier sources not found (shared/carrier-sources); use --carrier-dir or CARRIER_DIR")


# ----------------------------------------------------------------------------- assembly

LABELS = [
    ("colon", {"A": "Agent", "C": "Caller", "S": "IVR"}),
    ("colon", {"A": "AGENT", "C": "CUSTOMER", "S": "SYSTEM"}),
    ("bracket", {"A": "agent", "C": "caller", "S": "ivr"}),
    ("colon", {"A": "Rep", "C": "Member", "S": "IVR"}),
    ("colon", {"A": "Speaker 1", "C": "Speaker 2", "S": "Speaker 0", "R": "Speaker 3"}),
    ("colon", {"A": "spk_0", "C": "spk_1", "S": "spk_2", "R": "spk_3"}),
    ("bracket", {"A": "representative", "C": "beneficiary", "S": "system"}),
]
SPLIT_RE = re.compile(M0 + r"\d+" + M1 + ".*?" + M2)


def style_outside(style, s):
    if style not in ("raw", "caps"):
        return s
    out = []
    pos = 0
    for m in SPLIT_RE.finditer(s):
        out.append(("o", s[pos:m.start()]))
        out.append(("m", m.group(0)))
        pos = m.end()
    out.append(("o", s[pos:]))
    res = []
    for k, piece in out:
        if k == "o":
            piece = re.sub(r"[,.?!;:\"]|--", " ", piece)
            piece = piece.replace("-", " ")
            piece = piece.lower() if style == "raw" else piece.upper()
            piece = re.sub(r" {2,}", " ", piece)
        res.append(piece)
    t = "".join(res).strip()
    return re.sub(r" {2,}", " ", t)


def finalize(marked, meta):
    out, spans, negs = [], [], []
    b = 0
    i = 0
    cur = None
    n = len(marked)
    while i < n:
        c = marked[i]
        if c == M0:
            j = marked.index(M1, i)
            cur = (int(marked[i + 1:j]), b)
            i = j + 1
            continue
        if c == M2:
            k, start = cur
            info = meta[k]
            if info["t"] == "span":
                spans.append({"start": start, "end": b, "entity": info["entity"], "spoken": info["spoken"],
                              "cue": info["cue"], "form": info["form"], "value": info["value"]})
            else:
                negs.append({"start": start, "end": b, "what": info["what"]})
            cur = None
            i += 1
            continue
        out.append(c)
        b += len(c.encode("utf-8"))
        i += 1
    return "".join(out), spans, negs


def build_transcript(R, rng):
    scheme, labels = rng.choice(LABELS)
    labels = dict(labels)
    if "R" not in labels:
        labels["R"] = {"colon": R.P["rel"]["relation"].capitalize()}.get(scheme, R.P["rel"]["relation"])
    if labels["A"] == "AGENT":
        labels["R"] = labels["R"].upper()
    ts = rng.random() < 0.3
    t = rng.randint(0, 3)
    lines = []
    for role, s in R.turns:
        s = style_outside(R.style, s)
        lab = labels[role]
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += rng.randint(3, 24)
        if scheme == "bracket":
            lines.append("%s[%s] %s" % (pre, lab, s))
        else:
            lines.append("%s%s: %s" % (pre, lab, s))
    return "\n".join(lines)


def summary_text(R, P, kind):
    f = R.facts
    w = R.w
    bits = []
    name = w("NAME", P["full"])
    purpose = {"ma_enrollment": "to enroll in a Medicare Advantage plan",
               "premium_payment": "to pay a past-due monthly premium",
               "hospital_claim": "about a hospital bill",
               "ship_counseling": "for help comparing Part D plans",
               "bereavement": "to report the death of %s spouse" % ("her" if P["sex"] == "F" else "his"),
               "provider_auth": "", "address_change": "to update the address on file",
               "pharmacy_formulary": "about a medication that is no longer covered",
               "extra_help": "about applying for Extra Help"}[kind]
    if kind == "provider_auth":
        bits.append("Provider office for Dr. %s (NPI %s) requested inpatient authorization for member %s, "
                    "DOB %s, member ID %s, MRN %s. Admitted %s at %s. Reference %s." % (
                        w("NAME", P["doc"]), w("NPI", P["npi"]), name, w("DOB", P["dob"]),
                        w("MEMBER_ID", P["member_id"]), w("MRN", P["mrn"]), w("DATE", P["adm"], fmt="mdy"),
                        P["hospital"], R.nw("call_reference", ref_number(R))))
        return " ".join(bits)
    bits.append("%s called %s." % (name, purpose))
    ver = []
    if "DOB" in f and kind != "bereavement":
        ver.append("DOB %s" % w("DOB", P["dob"]))
    if "MBI" in f and kind != "bereavement":
        ver.append("MBI %s" % w("MBI", P["mbi"]))
    if "MEMBER_ID" in f:
        ver.append("member ID %s" % w("MEMBER_ID", P["member_id"]))
    if "SSN" in f:
        if "SSN_FULL" in f and R.rng.random() < 0.6:
            ver.append("SSN %s" % w("SSN", P["ssn"]))
        else:
            ver.append("SSN last 4 %s" % w("SSN", P["ssn"], last4=True))
    if ver:
        bits.append("Identity verified with %s." % ", ".join(ver))
    if kind == "bereavement":
        bits.append("Spouse %s (DOB %s, MBI %s) died %s; disenrollment started." % (
            w("NAME", P["spouse"] + " " + P["last"]), w("DOB", P["spouse_dob"]), w("MBI", P["spouse_mbi"]),
            w("DATE", P["death"])))
    if kind == "ma_enrollment":
        bits.append("Enrolled in %s (%s), premium %s, effective %s." % (
            P["plan"][0], R.nw("plan_id", "%s-%s" % (P["plan"][1], P["plan"][2])), R.nw("money", "$0"),
            R.nw("effective_date", "01/01/2026")))
    if kind == "hospital_claim":
        bits.append("Inpatient stay at %s %s to %s (MRN %s); copay explained, review offered." % (
            P["hospital"], w("DATE", P["adm"], fmt="mdy"), w("DATE", P["dis"], fmt="mdy"), w("MRN", P["mrn"])))
    if "STREET" in f:
        bits.append("Address: %s, %s, %s %s." % (w("STREET", P["street"]), w("CITY", P["city"]), P["state"],
                                                 w("ZIP", P["zip"])))
    elif "ZIP" in f:
        bits.append("ZIP %s." % w("ZIP", P["zip"]))
    if "CARD" in f:
        if R.rng.random() < 0.5:
            bits.append("Payment taken on %s card %s." % (P["card_brand"], w("CARD", P["card"])))
        else:
            bits.append("Card payment processed; confirmation read back.")
    if "PHONE" in f:
        bits.append("Callback %s." % w("PHONE", P["phone"]))
    if "EMAIL" in f:
        bits.append("Documents to %s %s at %s." % (P["rel"]["relation"], w("NAME", P["rel"]["first"]),
                                                   w("EMAIL", P["rel"]["email"])))
    return " ".join(bits)


def structured(R, P, kind):
    f = R.facts
    w = R.w
    d = {"caller_name": w("NAME", P["full"]), "call_type": kind}
    if "DOB" in f and kind != "bereavement":
        d["date_of_birth"] = w("DOB", P["dob"], fmt="iso")
    if "MBI" in f and kind != "bereavement":
        d["medicare_number"] = w("MBI", P["mbi"], fmt="plain")
    if "MEMBER_ID" in f:
        d["member_id"] = w("MEMBER_ID", P["member_id"])
    if "PHONE" in f:
        d["callback_number"] = w("PHONE", P["phone"], fmt="e164")
    if "ZIP" in f:
        d["zip_code"] = w("ZIP", P["zip"])
    if "EMAIL" in f:
        d["email"] = w("EMAIL", P["rel"]["email"])
    if "MRN" in f:
        d["mrn"] = w("MRN", P["mrn"])
    if kind == "ma_enrollment":
        d["plan_id"] = R.nw("plan_id", "%s-%s" % (P["plan"][1], P["plan"][2]))
    d["follow_up_needed"] = R.rng.random() < 0.3
    return d


def caller_num(R, P, kind):
    """the calling number: the member's phone, or a provider office's main line (not PHI)."""
    if kind == "provider_auth":
        return R.nw("office_phone", "+1%s55501%02d" % (P["phone"][:3], R.rng.randint(0, 99)))
    return R.w("PHONE", P["phone"], fmt="e164")


def build_json(R, P, kind, profile, rng):
    rng2 = rng
    turns = [(role, style_outside(R.style, s)) for role, s in R.turns]
    secs = 0.0
    timed = []
    for role, s in turns:
        dur = round(rng2.uniform(1.5, 14.0), 2)
        timed.append((role, s, round(secs, 2), round(secs + dur, 2)))
        secs += dur + rng2.uniform(0.2, 1.5)
    call_id = uuid(rng2)
    started = 1733000000 + rng2.randint(0, 20000000)
    summary = summary_text(R, P, kind)
    if profile == "vapi":
        role_name = {"A": "bot", "C": "user", "R": "user", "S": "bot"}
        tr = "\n".join("%s: %s" % ("AI" if r in "AS" else "User", s) for r, s in turns)
        msgs = [{"role": "system", "message": "You are a friendly member-services assistant for a Medicare plan. "
                 "Verify identity before discussing benefits.", "time": started * 1000, "secondsFromStart": 0}]
        for r, s, a, b in timed:
            msgs.append({"role": role_name[r], "message": s, "time": started * 1000 + int(a * 1000),
                         "endTime": started * 1000 + int(b * 1000), "secondsFromStart": a,
                         "duration": int((b - a) * 1000)})
        payload = {"message": {"type": "end-of-call-report", "endedReason": rng2.choice(
            ["customer-ended-call", "assistant-ended-call"]),
            "call": {"id": call_id, "orgId": uuid(rng2), "type": "inboundPhoneCall",
                     "phoneNumberId": uuid(rng2), "status": "ended"},
            "customer": {"number": caller_num(R, P, kind)},
            "startedAt": "2025-%02d-%02dT%02d:%02d:%02d.000Z" % (rng2.randint(1, 12), rng2.randint(1, 28),
                                                                rng2.randint(13, 22), rng2.randint(0, 59), rng2.randint(0, 59)),
            "durationSeconds": round(secs, 1), "cost": round(rng2.uniform(0.1, 0.9), 4),
            "artifact": {"messages": msgs, "transcript": tr,
                         "recordingUrl": "https://storage.vapi.ai/%s-1733.wav" % call_id},
            "analysis": {"summary": summary, "structuredData": structured(R, P, kind),
                         "successEvaluation": "true"}}}
    elif profile == "retell":
        tr = "\n".join("%s: %s" % ("Agent" if r in "AS" else "User", s) for r, s in turns)
        obj = [{"role": "agent" if r in "AS" else "user", "content": s} for r, s, a, b in timed]
        payload = {"event": "call_analyzed", "call": {
            "call_type": "phone_call", "from_number": caller_num(R, P, kind),
            "to_number": R.nw("plan_phone", "+1800555%04d" % rng2.randint(150, 199)), "direction": "inbound",
            "call_id": "call_" + uuid(rng2).replace("-", "")[:24], "agent_id": "agent_" + uuid(rng2).replace("-", "")[:20],
            "call_status": "ended", "start_timestamp": started * 1000, "end_timestamp": int((started + secs) * 1000),
            "disconnection_reason": "user_hangup", "transcript": tr, "transcript_object": obj,
            "call_analysis": {"call_summary": summary, "user_sentiment": rng2.choice(["Neutral", "Positive"]),
                              "call_successful": True, "custom_analysis_data": structured(R, P, kind)},
            "metadata": {"line": "medicare-member-services"}}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "You are the after-hours voice assistant for a Medicare Advantage plan."}]
        for r, s, a, b in timed:
            log.append({"role": "assistant" if r in "AS" else "user", "content": s})
        payload = {"app_name": "medicare_" + kind, "call_id": call_id, "ai_session_id": uuid(rng2),
                   "caller_id_name": R.w("NAME", (P["last"] + " " + P["first"]).upper()) if kind != "provider_auth"
                   else R.rng.choice(["MEDICAL OFFICE", "FAMILY PRACTICE", "WIRELESS CALLER"]),
                   "caller_id_num": caller_num(R, P, kind),
                   "call_start_date": started * 1000000, "call_end_date": int((started + secs) * 1000000),
                   "call_log": log,
                   "post_prompt_data": {"raw": summary, "substituted": "", "parsed": [structured(R, P, kind)]},
                   "SWMLVars": {"plan_line": "member-services", "language": "en-US"},
                   "total_minutes": round(secs / 60, 2)}
        if rng2.random() < 0.5:
            payload["raw_call_log"] = [dict(x) for x in log]
    elif profile == "deepgram":
        full = " ".join(s for r, s in turns)
        spk = {"A": 0, "S": 0, "C": 1, "R": 2}
        paras = "".join("\n\nSpeaker %d: %s" % (spk[r], s) for r, s in turns)[1:]
        utts = [{"start": a, "end": b, "confidence": round(rng2.uniform(0.8, 0.99), 4), "channel": 0,
                 "transcript": s, "speaker": spk[r], "id": uuid(rng2)} for r, s, a, b in timed]
        pp = [{"sentences": [{"text": s, "start": a, "end": b}], "speaker": spk[r], "num_words": len(s.split()),
               "start": a, "end": b} for r, s, a, b in timed]
        mid = uuid(rng2)
        payload = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng2),
                                "sha256": "%064x" % rng2.getrandbits(256),
                                "created": "2025-%02d-%02dT15:%02d:11.402Z" % (rng2.randint(1, 12), rng2.randint(1, 28), rng2.randint(0, 59)),
                                "duration": round(secs, 3), "channels": 1, "models": [mid],
                                "model_info": {mid: {"name": "2-phonecall-nova", "version": "2024-02-06.5882", "arch": "nova-2"}}},
                   "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(rng2.uniform(0.85, 0.99), 4),
                                                               "paragraphs": {"transcript": paras, "paragraphs": pp}}]}],
                               "utterances": utts}}
        if rng2.random() < 0.5:
            payload["results"]["summary"] = {"result": "success", "short": summary}
    else:  # transcribe (call analytics)
        segs = []
        for r, s, a, b in timed:
            segs.append({"LoudnessScores": [round(rng2.uniform(60, 85), 2) for _ in range(3)], "Content": s,
                         "Id": uuid(rng2), "BeginOffsetMillis": int(a * 1000), "EndOffsetMillis": int(b * 1000),
                         "Sentiment": rng2.choice(["NEUTRAL", "NEUTRAL", "POSITIVE"]),
                         "ParticipantRole": "AGENT" if r in "AS" else "CUSTOMER"})
        payload = {"JobName": "medicare-%s-%d" % (kind.replace("_", "-"), rng2.randint(10000, 99999)),
                   "LanguageCode": "en-US", "AccountId": str(rng2.randint(10 ** 11, 10 ** 12 - 1)),
                   "Channel": "VOICE", "JobStatus": "COMPLETED",
                   "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
                   "Transcript": segs,
                   "Categories": {"MatchedCategories": [kind], "MatchedDetails": {}},
                   "ConversationCharacteristics": {
                       "TotalConversationDurationMillis": int(secs * 1000),
                       "Sentiment": {"OverallSentiment": {"AGENT": round(rng2.uniform(1, 4), 1), "CUSTOMER": round(rng2.uniform(-1, 3), 1)}},
                       "NonTalkTime": {"TotalTimeMillis": rng2.randint(2000, 40000), "Instances": []},
                       "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": summary}}}}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def schedule(rng, n):
    """balanced kinds, formats and profiles for n records."""
    total = sum(k[2] for k in KINDS)
    kinds = []
    for name, _, w in KINDS:
        kinds += [name] * int(round(w * n / total))
    while len(kinds) < n:
        kinds.append(KINDS[len(kinds) % len(KINDS)][0])
    kinds = kinds[:n]
    rng.shuffle(kinds)
    n_json = int(round(n * JSON_SHARE))
    idx = list(range(n))
    rng.shuffle(idx)
    prof = [None] * n
    for j, i in enumerate(idx[:n_json]):
        prof[i] = PROFILES[j % len(PROFILES)]
    return list(zip(kinds, prof))


def build_record(idx, rng, mts, kind, profile):
    fn = dict((k[0], k[1]) for k in KINDS)[kind]
    is_json = profile is not None
    ai = profile in ("vapi", "retell", "signalwire")
    if profile == "deepgram":
        style = rng.choice(["formatted", "formatted", "raw", "mixed"])
    elif profile == "transcribe":
        style = rng.choice(["formatted", "mixed"])
    elif ai:
        style = rng.choice(["formatted", "mixed", "mixed", "raw"])
    else:
        style = rng.choice(["formatted", "mixed", "raw", "raw", "caps"])
    for attempt in range(20):
        P = make_persona(rng)
        R = Rec(rng, style, ai=ai)
        R.P = P
        R.carrier = None
        fn(R, P, mts)
        merged = []
        for role, t in R.turns:
            if merged and merged[-1][0] == role:
                merged[-1] = (role, merged[-1][1] + " " + t)
            else:
                merged.append((role, t))
        R.turns = merged
        if 8 <= len(R.turns) <= 40:
            break
    if is_json:
        marked = build_json(R, P, kind, profile, rng)
    else:
        marked = build_transcript(R, rng)
    text, spans, negs = finalize(marked, R.meta)
    rec = {"id": "h47-%05d" % idx, "format": "json" if is_json else "transcript"}
    if is_json:
        rec["profile"] = profile
    rec.update({"kind": kind, "style": style})
    if R.carrier:
        rec["carrier"] = R.carrier
    rec.update({"text": text, "spans": spans, "negatives": negs})
    return rec


def generate(seed, n, carrier_dir):
    mts = load_mts(carrier_dir)
    rng = random.Random(seed)
    plan = schedule(rng, n)
    return [build_record(i + 1, rng, mts, kind, prof) for i, (kind, prof) in enumerate(plan)]


# ----------------------------------------------------------------------------- check

WORD2D = {w: i for i, w in enumerate(ONES)}
WORD2D.update({"oh": 0, "o": 0})
TEEN2D = {w: 10 + i for i, w in enumerate(TEENS)}
TEN2D = {w: i for i, w in enumerate(TENS) if w}
ORD2D = {w: i for i, w in enumerate(ORD_ONES) if w}
ORDT2D = {w: 10 + i for i, w in enumerate(ORD_TEENS)}
ORDTEN = {"twentieth": 20, "thirtieth": 30}
NATO2L = {v: k for k, v in NATO.items()}
NATO2L["xray"] = "X"
MONTH2N = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
FILLERS = {"uh", "um", "er", "hmm"}


def tokens(s, keep_hyphen=False):
    s = s.lower().replace("x-ray", "xray")
    s = re.sub(r"[,;:!?()\"/#+]|\.\.\.|--", " ", s)
    s = re.sub(r"(?<=\d)\.(?=\d)", " ", s)
    s = re.sub(r"\.(\s|$)", " ", s)
    if keep_hyphen:
        s = re.sub(r"(?<=[a-z])-(?=[a-z])", "+", s)
    s = s.replace("-", " ")
    return [t.replace("+", "-") for t in s.split()]


def parse_seq(s, keep_o_letter=False, combine=True):
    """spoken or written rendering -> list of chunks: digit strings, letters, words.

    combine=False reads a tens word followed by a unit word as two numbers ("five seventy five five
    five" = 570 555), except when hyphen-joined ("seventy-five")."""
    tk = tokens(s, keep_hyphen=not combine)
    out = []
    i = 0
    while i < len(tk):
        t = tk[i]
        nxt = tk[i + 1] if i + 1 < len(tk) else None
        if t in FILLERS:
            i += 1
            continue
        if t == "as" and nxt == "in":
            i += 3
            continue
        if t in ("double", "triple") and nxt is not None:
            rep = 2 if t == "double" else 3
            if nxt in WORD2D:
                out.append(("d", str(WORD2D[nxt]) * rep))
            else:
                out.append(("l", nxt.upper() * rep))
            i += 2
            continue
        if "-" in t and t.split("-")[0] in TEN2D:
            a, _, u = t.partition("-")
            out.append(("n", str(TEN2D[a] * 10 + (WORD2D.get(u) or ORD2D.get(u, 0)))))
            i += 1
            continue
        if t in TEN2D and not combine:
            out.append(("n", str(TEN2D[t] * 10)))
            i += 1
            continue
        if t in TEN2D:
            if nxt in WORD2D and nxt not in ("oh", "o", "zero"):
                out.append(("n", str(TEN2D[t] * 10 + WORD2D[nxt])))
                i += 2
                continue
            if nxt in ORD2D:
                out.append(("n", str(TEN2D[t] * 10 + ORD2D[nxt])))
                i += 2
                continue
            out.append(("n", str(TEN2D[t] * 10)))
            i += 1
            continue
        if t in TEEN2D:
            out.append(("n", str(TEEN2D[t])))
        elif t in ORDT2D:
            out.append(("n", str(ORDT2D[t])))
        elif t in ORDTEN:
            out.append(("n", str(ORDTEN[t])))
        elif t in ORD2D:
            out.append(("n", str(ORD2D[t])))
        elif t in WORD2D and not (keep_o_letter and t == "o"):
            out.append(("n", str(WORD2D[t])))
        elif t == "hundred":
            out.append(("H", ""))
        elif t == "thousand":
            out.append(("T", ""))
        elif re.fullmatch(r"\d+(st|nd|rd|th)", t):
            out.append(("d", re.match(r"\d+", t).group(0)))
        elif t.isdigit():
            out.append(("d", t))
        elif t in NATO2L:
            out.append(("l", NATO2L[t]))
        elif len(t) == 1 and t.isalpha():
            out.append(("l", t.upper()))
        elif re.fullmatch(r"[a-z]+\d+|\d+[a-z]+|[a-z0-9]+", t) and any(c.isdigit() for c in t):
            out.append(("a", t.upper()))
        else:
            out.append(("w", t))
        i += 1
    # hundreds / thousands
    res = []
    k = 0
    while k < len(out):
        kind, val = out[k]
        if kind in ("H", "T") and res and res[-1][0] == "n":
            width = 2 if kind == "H" else 3
            nx = out[k + 1] if k + 1 < len(out) else None
            if nx and nx[0] == "n" and len(nx[1]) <= width:
                res[-1] = ("n", res[-1][1] + nx[1].zfill(width))
                k += 2
                continue
            res[-1] = ("n", res[-1][1] + "0" * width)
            k += 1
            continue
        res.append((kind, val))
        k += 1
    return res


def seq_str(chunks, words=False):
    return "".join(v for k, v in chunks if k in ("n", "d", "l", "a") or (words and k == "w"))


def ssn_ok(s):
    return len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9" and s[3:5] != "00" and s[5:] != "0000"


def date_ok(v):
    try:
        y, m, d = int(v[:4]), int(v[5:7]), int(v[8:10])
    except ValueError:
        return None
    if not (1 <= m <= 12 and 1 <= d <= MDAYS[m - 1]):
        return None
    return y, m, d


def check_date_text(txt, v):
    y, m, d = v
    tk = tokens(txt)
    months = [MONTH2N[t] for t in tk if t in MONTH2N]
    ch = parse_seq(" ".join(t for t in tk if t not in MONTH2N and t not in ("the", "of")))
    digits = seq_str(ch)
    if months:
        if months[0] != m:
            return False
        cands = {str(d), str(d) + str(y), str(d) + "%02d" % (y % 100)}
        return digits in cands
    cands = {"%02d%02d%d" % (m, d, y), "%d%d%d" % (m, d, y), "%02d%02d%02d" % (m, d, y % 100),
             "%d%d%02d" % (m, d, y % 100), "%d%02d%02d" % (y, m, d)}
    return digits in cands


def digit_reads(txt):
    return [seq_str(parse_seq(txt)), seq_str(parse_seq(txt, combine=False))]


def check_value(ent, txt, sp):
    ok, why = check_value1(ent, txt, sp, 0)
    if not ok and ent in ("PHONE", "SSN", "CARD", "ZIP", "NPI", "MRN", "MEMBER_ID", "MBI"):
        ok2, why2 = check_value1(ent, txt, sp, 1)
        if ok2:
            return ok2, why2
    return ok, why


def check_value1(ent, txt, sp, alt):
    """(ok, why)"""
    v = sp["value"]
    form = sp["form"]
    if ent == "PHONE":
        if not (len(v) == 10 and v.isdigit() and v[0] in "23456789" and v[3:6] == "555" and v[6:8] == "01"):
            return False, "phone value"
        got = digit_reads(txt)[alt]
        return (got.endswith(v) and (len(got) in (10, 11) or "restart" in form)), "phone text " + got
    if ent == "SSN":
        if "last4" in form:
            return (len(v) == 4 and v.isdigit() and digit_reads(txt)[alt] == v), "ssn4"
        if not ssn_ok(v):
            return False, "ssn value"
        got = digit_reads(txt)[alt]
        return (got == v or ("restart" in form and got.endswith(v))), "ssn text " + got
    if ent in ("DOB", "DATE"):
        ymd = date_ok(v)
        if not ymd:
            return False, "date value"
        if ent == "DOB" and not (65 <= REF_YEAR - ymd[0] <= 89):
            return False, "dob age"
        t = txt
        if "restart" in form:
            t = re.split(r"\.\.\. |-- | ", txt, maxsplit=1)[1] if re.search(r"\.\.\. |-- ", txt) else " ".join(txt.split()[1:])
        return check_date_text(t, ymd), "date text"
    if ent == "ZIP":
        dz = v.replace("-", "")
        if not (re.fullmatch(r"\d{5}(-\d{4})?", v)):
            return False, "zip value"
        got = digit_reads(txt)[alt]
        return got == dz, "zip text " + got
    if ent == "MBI":
        if not mbi_ok(v):
            return False, "mbi value"
        got = digit_reads(txt)[alt]
        return got.upper() == v, "mbi text " + got
    if ent == "CARD":
        if not (v.isdigit() and len(v) in (15, 16) and luhn_ok(v)):
            return False, "card value"
        if len(v) == 15 and v[:2] not in ("34", "37"):
            return False, "amex prefix"
        got = digit_reads(txt)[alt]
        return (got == v or ("restart" in form and got.endswith(v))), "card text " + got
    if ent == "NPI":
        if not npi_ok(v):
            return False, "npi value"
        return digit_reads(txt)[alt] == v, "npi text"
    if ent in ("MRN", "MEMBER_ID"):
        if not (re.fullmatch(r"[A-Z]{0,3}\d{6,12}", v)):
            return False, "id value"
        got = digit_reads(txt)[alt].upper()
        return got == v, "id text " + got
    if ent == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z]+\.(com|net)", v):
            return False, "email value"
        if "@" in txt:
            return txt.lower() == v, "email written"
        ch = parse_seq(txt.replace("@", " at "), keep_o_letter=True)
        s = ""
        for k, val in ch:
            if k == "w":
                s += {"at": "@", "dot": ".", "underscore": "_"}.get(val, val)
            else:
                s += val.lower()
        return s.replace("0", "o") == v.replace("0", "o"), "email text " + s
    if ent == "NAME":
        a = re.sub(r"\bas in \w+", "", txt, flags=re.I)
        return re.sub(r"[^a-z]", "", a.lower()) == re.sub(r"[^a-z]", "", v.lower()), "name"
    if ent == "CITY":
        return txt.lower() == v.lower() and any(p[0] == v for p in PLACES), "city"
    if ent == "STREET":
        num = v.split()[0]
        got = parse_seq(txt)
        lead = ""
        for k, val in got:
            if k in ("n", "d"):
                lead += val
            else:
                break
        name_ok = all(wd.lower() in txt.lower() for wd in v.split()[1:2])
        return lead == num and name_ok, "street " + lead
    return False, "unknown entity"


JSON_STR = re.compile(r'"(?:[^"\\]|\\.)*"')


def string_ranges(text):
    """byte ranges of the contents of every JSON string."""
    b = text.encode("utf-8")
    s = b.decode("utf-8")
    rngs = []
    for m in JSON_STR.finditer(s):
        a = len(s[:m.start() + 1].encode("utf-8"))
        z = len(s[:m.end() - 1].encode("utf-8"))
        rngs.append((a, z))
    return rngs


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z][A-Za-z0-9_ ]*\] |[A-Za-z][A-Za-z0-9_ ]*: )\S")


def check(records):
    errors = []
    ids = set()
    for r in records:
        rid = r.get("id")
        if rid in ids:
            errors.append("%s duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not (8 <= len(lines) <= 40):
                errors.append("%s %d lines" % (rid, len(lines)))
            for ln in lines:
                if not LINE_RE.match(ln):
                    errors.append("%s bad line: %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errors.append("%s blank/trailing line" % rid)
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as e:
                errors.append("%s json: %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errors.append("%s not compact json" % rid)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errors.append("%s profile" % rid)
            srs = string_ranges(text)
        else:
            errors.append("%s format" % rid)
        ivs = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errors.append("%s span range" % rid)
                continue
            try:
                txt = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errors.append("%s span not on char boundary" % rid)
                continue
            if txt != txt.strip() or not txt:
                errors.append("%s span whitespace %r" % (rid, txt))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errors.append("%s span labels" % rid)
            ok, why = check_value(s["entity"], txt, s)
            if not ok:
                errors.append("%s %s %s %r: %s" % (rid, s["entity"], s["form"], txt, why))
            ivs.append((s["start"], s["end"], "span"))
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z for a, z in srs):
                errors.append("%s span outside JSON string" % rid)
            if "\n" in txt:
                errors.append("%s span crosses lines" % rid)
        for n in r["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)):
                errors.append("%s neg range" % rid)
                continue
            ivs.append((n["start"], n["end"], "neg"))
            if r["format"] == "json" and not any(a <= n["start"] and n["end"] <= z for a, z in srs):
                errors.append("%s negative outside JSON string" % rid)
        ivs.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(ivs, ivs[1:]):
            if a2 < z1:
                errors.append("%s overlap %s/%s at %d" % (rid, k1, k2, a2))
    return errors


# ----------------------------------------------------------------------------- stats

def stats(records):
    out = []
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fmts = collections.Counter()
    distinct = collections.Counter()
    for r in records:
        b = r["text"].encode("utf-8")
        seen = set()
        for s in r["spans"]:
            key = (s["entity"], b[s["start"]:s["end"]], s["cue"])
            if s["spoken"] and key not in seen:
                seen.add(key)
                distinct[s["entity"]] += 1
        kinds[r["kind"]] += 1
        fmts[(r["format"], r.get("profile") or r.get("style"))] += 1
        for s in r["spans"]:
            sp = "spoken" if s["spoken"] else "written"
            c[(s["entity"], sp, s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out.append("records: %d (%s)" % (len(records), ", ".join(
        "%s %d" % (f, sum(v for (ff, _), v in fmts.items() if ff == f)) for f in ("transcript", "json"))))
    out.append("format/profile-or-style: " + ", ".join("%s/%s %d" % (a, b, v) for (a, b), v in sorted(fmts.items())))
    out.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("")
    out.append("| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |")
    out.append("|---|---:|---:|---:|---|---|")
    ents = sorted({k[0] for k in c})
    tot = 0
    for e in ents:
        sp = sum(c[(e, "spoken", q)] for q in ("same", "prev", "none"))
        wr = sum(c[(e, "written", q)] for q in ("same", "prev", "none"))
        tot += sp + wr
        out.append("| %s | %d | %d | %d | %s | %s |" % (
            e, sp + wr, sp, wr, "/".join(str(c[(e, "spoken", q)]) for q in ("same", "prev", "none")),
            "/".join(str(c[(e, "written", q)]) for q in ("same", "prev", "none"))))
    out.append("| **all** | %d | | | | |" % tot)
    out.append("")
    out.append("distinct spoken renderings per record (a value repeated verbatim in several JSON fields counted "
               "once): " + ", ".join("%s %d" % kv for kv in sorted(distinct.items())))
    out.append("")
    out.append("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    out.append("")
    out.append("forms:")
    for e in ents:
        fs = sorted(((v, f) for (ee, f), v in forms.items() if ee == e), reverse=True)
        out.append("  %s (%d forms): %s" % (e, len(fs), ", ".join("%s %d" % (f, v) for v, f in fs)))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--carrier-dir", default=None)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        recs.append(json.loads(line))
        errs = check(recs)
        print(stats(recs))
        if errs:
            print("\n%d problems:" % len(errs))
            for e in errs[:80]:
                print("  " + e)
            sys.exit(1)
        print("\ncheck: OK (%d records)" % len(recs))
        return
    recs = generate(a.seed, a.n, find_carrier_dir(a.carrier_dir))
    if a.stats:
        errs = check(recs)
        print(stats(recs))
        if errs:
            print("\n%d problems" % len(errs))
            for e in errs[:40]:
                print("  " + e)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
