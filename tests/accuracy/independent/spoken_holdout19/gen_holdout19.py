#!/usr/bin/env python3
"""Holdout 19: AI phone-agent calls for small medical practices (fictitious PHI).

Standard library only. Deterministic for a seed, whatever PYTHONHASHSEED is.

  python3 gen_holdout19.py [--seed S] [--n COUNT] > holdout19.jsonl
  python3 gen_holdout19.py --stats [--seed S]
  python3 gen_holdout19.py --check holdout19.jsonl
"""
import argparse
import collections
import csv
import glob
import json
import os
import random
import re
import sys

SEED = 20261219
MK = re.compile("\ue000(\\d+)\ue001")

# ---------------------------------------------------------------- carrier text
CARRIER_DIRS = [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
                os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources")]


def _ok_carrier(t):
    if not (25 <= len(t) <= 170):
        return False
    if re.search(r"[0-9<>\[\]\"\\]", t):
        return False
    words = t.split()
    for i, w in enumerate(words):
        w2 = w.strip(".,?!;:'")
        if i > 0 and w2[:1].isupper() and w2 not in ("I", "I'm", "I've", "I'd", "I'll", "OK", "Okay"):
            return False
    low = t.lower()
    for bad in ("doctor", "dr", "name", "years old", "year old", "born", "address", "phone", "number",
                "mister", "miss", "mrs", "ms", "mr", "ma'am", "sir"):
        if re.search(r"\b" + bad + r"\b", low):
            return False
    return True


def load_carrier():
    base = None
    for d in CARRIER_DIRS:
        if d and os.path.isdir(os.path.join(d, "mts-dialog")):
            base = d
            break
    mts, pri = [], []
    if base is None:
        return mts, pri
    for f in sorted(glob.glob(os.path.join(base, "mts-dialog", "MTS-Dialog-TrainingSet.csv"))):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for line in row["dialogue"].split("\n"):
                    line = line.strip()
                    if line.startswith("Patient:"):
                        t = re.sub(r"\s+", " ", line[8:]).strip()
                        if _ok_carrier(t):
                            mts.append(t)
    for f in sorted(glob.glob(os.path.join(base, "primock57", "*_patient.TextGrid"))):
        with open(f, encoding="utf-8") as fh:
            for m in re.finditer(r'text = "(.*)"', fh.read()):
                t = re.sub(r"</?UNSURE>|<[A-Z_]+>", "", m.group(1))
                t = re.sub(r"\s+", " ", t).strip()
                if _ok_carrier(t):
                    pri.append(t)
    return sorted(set(mts)), sorted(set(pri))


# ---------------------------------------------------------------- vocab
FIRST = ["Dana", "Marcus", "Priya", "Tomas", "Keisha", "Owen", "Lucia", "Darnell", "Hannah", "Rafael",
         "Mei", "Jordan", "Brianna", "Samir", "Colleen", "Andre", "Yesenia", "Trevor", "Ngozi", "Wesley",
         "Imani", "Grady", "Rosalind", "Kenji", "Delia", "Malik", "Fiona", "Hector", "Tamsin", "Luis",
         "Greta", "Devon", "Ximena", "Calvin", "Noor", "Abigail", "Ezra", "Paloma", "Quinn", "Roshni"]
CHILD = ["Mia", "Liam", "Aiden", "Sofia", "Elijah", "Zoe", "Mateo", "Chloe", "Isaiah", "Ava", "Noah",
         "Layla", "Caleb", "Nora", "Jaylen", "Ruby", "Eli", "Harper", "Kai", "Stella"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Brannigan", "Thornbury", "Castellano", "Whitcomb", "Nakamura",
        "Delacroix", "Haverford", "Mbeki", "Sorensen", "Pruitt", "Galloway", "Vasquez", "Kowalczyk",
        "Ashby", "Fairweather", "Oyelaran", "Quintero", "Redfield", "Szabo", "Tennant", "Yarbrough",
        "Ellsworth", "Pham", "Marchetti", "Dunleavy", "Achebe", "Holloway", "Kincaid", "Ferreira"]
STAFF = ["Renee", "Carla", "Jamal", "Tina", "Brooke", "Manny", "Gloria", "Scott", "Leticia", "Pete"]
PROV_LAST = ["Albright", "Chaudhry", "Ostrowski", "Benally", "Weatherby", "Lindgren", "Acosta", "Mwangi"]
STREETS = ["Elm", "Juniper", "Harbor View", "Cedar Ridge", "Maple", "Lakeshore", "Pinecrest", "Willow",
           "Sycamore", "Orchard", "Birchwood", "Mill Creek", "Sunset", "Chestnut", "Quarry", "Ridgeline"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."), ("Road", "Rd."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way")]
CITIES = [("Fresno", "937"), ("Tacoma", "984"), ("Boise", "837"), ("Dayton", "454"), ("Eugene", "974"),
          ("Greenville", "296"), ("Fort Wayne", "468"), ("Spokane", "992"), ("Lansing", "489"),
          ("Chattanooga", "374"), ("Modesto", "953"), ("Allentown", "181"), ("Springfield", "657"),
          ("Santa Rosa", "954"), ("Grand Rapids", "495"), ("Bakersfield", "933")]
AREA = ["415", "312", "617", "503", "720", "919", "608", "206", "404", "713", "952", "859", "509", "231"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "comcast.net"]
PRACTICES = ["Maple Grove Family Medicine", "Sunny Hill Pediatrics", "Northside Physical Therapy",
             "Clearwater Behavioral Health", "Riverbend Primary Care", "Little Oaks Pediatrics",
             "Stride Physical Therapy", "Harborlight Counseling Center"]
MEDS = [("lisinopril", "10 milligrams", "ten milligrams"), ("metformin", "500 milligrams", "five hundred milligrams"),
        ("sertraline", "50 milligrams", "fifty milligrams"), ("atorvastatin", "20 milligrams", "twenty milligrams"),
        ("amlodipine", "5 milligrams", "five milligrams"), ("levothyroxine", "75 micrograms", "seventy five micrograms"),
        ("albuterol", "90 micrograms", "ninety micrograms"), ("bupropion", "150 milligrams", "one fifty milligrams"),
        ("montelukast", "4 milligrams", "four milligrams"), ("escitalopram", "10 milligrams", "ten milligrams")]
REASONS_AGENT = ["follow-up visit", "appointment", "visit", "follow-up", "check-in visit"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth",
       "thirtieth", "thirty first"]
NATO = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "alpha bravo charlie delta echo foxtrot golf hotel india juliet "
                "kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray "
                "yankee zulu".split()))
ASIN = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "apple boy cat david edward frank george henry ida john king "
                "larry mary nancy ocean peter queen robert sam tom unit victor william x-ray yellow zebra".split()))
MDAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def valid_date(y, m, d):
    return 1 <= m <= 12 and 1 <= d <= (29 if m == 2 and is_leap(y) else (28 if m == 2 else MDAYS[m - 1]))


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


def luhn_complete(prefix_body):
    for c in "0123456789":
        if luhn_ok(prefix_body + c):
            return prefix_body + c


def n2w(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + n2w(n % 100))
    return str(n)


def year_words(y, rng):
    if 2000 <= y < 2010:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    if y >= 2010:
        return rng.choice(["twenty ", "two thousand "]) + n2w(y - 2000)
    hi, lo = divmod(y, 100)
    return n2w(hi) + " " + ("oh " + ONES[lo] if lo < 10 else n2w(lo))


def dw(ch, zero):
    return zero if ch == "0" else ONES[int(ch)]


# ---------------------------------------------------------------- record builder
class Rec:
    def __init__(self, rng, style):
        self.rng = rng
        self.style = style
        self.items = []

    def v(self, text, ent, spoken, cue, form, value):
        self.items.append(("span", text, dict(entity=ent, spoken=spoken, cue=cue, form=form), value))
        return "\ue000%d\ue001" % (len(self.items) - 1)

    def n(self, text, what):
        self.items.append(("neg", text, dict(what=what), None))
        return "\ue000%d\ue001" % (len(self.items) - 1)

    def resolve(self, s):
        out, spans, negs = [], [], []
        pos = 0
        last = 0
        for m in MK.finditer(s):
            chunk = s[last:m.start()]
            out.append(chunk)
            pos += len(chunk.encode("utf-8"))
            kind, text, meta, value = self.items[int(m.group(1))]
            b = len(text.encode("utf-8"))
            d = dict(start=pos, end=pos + b)
            d.update(meta)
            if kind == "span":
                d["value"] = value
                spans.append(d)
            else:
                negs.append(d)
            out.append(text)
            pos += b
            last = m.end()
        out.append(s[last:])
        return "".join(out), spans, negs


def lowerize(s):
    """STT without formatting: lower case, no punctuation, outside the markers."""
    parts = re.split("(\ue000\\d+\ue001)", s)
    res = []
    for p in parts:
        if MK.fullmatch(p):
            res.append(p)
        else:
            p = p.lower()
            p = re.sub(r"[.,?!;:\"]", "", p)
            p = p.replace(" - ", " ").replace("—", " ").replace("--", " ")
            res.append(p)
    return re.sub(r"  +", " ", "".join(res)).strip()


# ---------------------------------------------------------------- people & values
def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    an = MBI_L + "0123456789"
    return "".join([str(rng.randint(1, 9)), rng.choice(MBI_L), rng.choice(an), str(rng.randint(0, 9)),
                    rng.choice(MBI_L), rng.choice(an), str(rng.randint(0, 9)), rng.choice(MBI_L),
                    rng.choice(MBI_L), str(rng.randint(0, 9)), str(rng.randint(0, 9))])


def mbi_ok(s):
    if len(s) != 11:
        return False
    an = MBI_L + "0123456789"
    pat = ["123456789", MBI_L, an, "0123456789", MBI_L, an, "0123456789", MBI_L, MBI_L, "0123456789", "0123456789"]
    return s[0] in "123456789" and all(c in p for c, p in zip(s, pat))


def make_npi(rng):
    body = rng.choice("12") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c


CARD_PREFIX = [("411111", 16), ("400000", 16), ("555555", 16), ("510510", 16), ("378282", 15),
               ("601111", 16), ("371449", 15)]


def make_card(rng):
    p, ln = rng.choice(CARD_PREFIX)
    body = p + "".join(str(rng.randint(0, 9)) for _ in range(ln - len(p) - 1))
    return luhn_complete(body)


def make_date(rng, y0, y1):
    while True:
        y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 31)
        if valid_date(y, m, d):
            return (y, m, d)


def make_member(rng):
    f = rng.randint(0, 3)
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if f == 0:
        return "".join(rng.choice(L) for _ in range(3)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
    if f == 1:
        return rng.choice("WHMU") + "".join(str(rng.randint(0, 9)) for _ in range(9))
    if f == 2:
        return "".join(rng.choice(L) for _ in range(2)) + "".join(str(rng.randint(0, 9)) for _ in range(7)) + rng.choice(L)
    return "".join(str(rng.randint(0, 9)) for _ in range(9)) + "0" + str(rng.randint(1, 9))


class Person:
    def __init__(self, rng, child=False, senior=False):
        self.first = rng.choice(CHILD if child else FIRST)
        self.last = rng.choice(LAST)
        if child:
            self.dob = make_date(rng, 2010, 2024)
        elif senior:
            self.dob = make_date(rng, 1938, 1960)
        else:
            self.dob = make_date(rng, 1950, 2005)
        self.phone = rng.choice(AREA) + "55501" + "%02d" % rng.randint(0, 99)
        self.ssn = make_ssn(rng)
        self.mrn = rng.choice(["", "", "00", "1", "P"]) + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([6, 7, 8])))
        if self.mrn[:1] == "0" and len(self.mrn) < 8:
            self.mrn = "0" + self.mrn
        self.member = make_member(rng)
        self.mbi = make_mbi(rng)
        self.card = make_card(rng)
        city = rng.choice(CITIES)
        self.city = city[0]
        self.zip = city[1] + "%02d" % rng.randint(1, 99)
        sfx = rng.choice(SUFFIX)
        self.street_num = rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9899)])
        self.street_name = rng.choice(STREETS)
        self.sfx = sfx
        self.unit = rng.choice([None, None, None, "%d%s" % (rng.randint(1, 4), rng.choice("ABCD")),
                                str(rng.randint(101, 412))])
        sep = rng.choice([".", "_", "", "."])
        local = rng.choice([self.first.lower() + sep + self.last.lower(),
                            self.first[0].lower() + self.last.lower(),
                            self.first.lower() + self.last.lower()[:3] + str(self.dob[0] % 100).zfill(2),
                            self.last.lower() + sep + self.first.lower()])
        if rng.random() < 0.3 and not local[-1].isdigit():
            local += str(rng.randint(1, 99))
        self.email = local + "@" + rng.choice(DOMAINS)


# ---------------------------------------------------------------- renderings
def r_phone(rec, p, who, cue, value=None):
    """who: agent | caller | staff | summary | field"""
    rng, st = rec.rng, rec.style
    v = value or p.phone
    a, b, c = v[:3], v[3:6], v[6:]
    if who in ("agent", "summary"):
        f = rng.choice(["paren", "paren", "dash"])
        t = "(%s) %s-%s" % (a, b, c) if f == "paren" else "%s-%s-%s" % (a, b, c)
        return rec.v(t, "PHONE", False, cue, "written_" + f, v)
    if who == "field":
        f = rng.choice(["e164", "dash", "plain"])
        t = {"e164": "+1" + v, "dash": "%s-%s-%s" % (a, b, c), "plain": v}[f]
        return rec.v(t, "PHONE", False, cue, "field_" + f, v)
    if st == "punct":
        f = rng.choice(["paren", "dash", "space", "digits_spaced", "mixed_oh", "run"])
        if f == "paren":
            t = "(%s) %s-%s" % (a, b, c)
        elif f == "dash":
            t = "%s-%s-%s" % (a, b, c)
        elif f == "space":
            t = "%s %s %s" % (a, b, c)
        elif f == "digits_spaced":
            t = " ".join(v)
        elif f == "run":
            t = v
        else:
            t = "%s %s oh %s" % (a, b, " ".join(c[1:]))
        return rec.v(t, "PHONE", f == "mixed_oh", cue, "num_" + f, v)
    zero = rng.choice(["oh", "zero", "o"])
    f = rng.choice(["digits", "digits_uh", "pairs", "triple", "digits"])
    sep = ", " if st == "words" else " "
    if f == "pairs" and c[2] != "0":
        t = sep.join([" ".join(dw(x, zero) for x in a), " ".join(dw(x, zero) for x in b),
                      dw(c[0], zero) + " " + dw(c[1], zero) + " " + n2w(int(c[2:]))])
    elif f == "triple" and b == "555":
        t = sep.join([" ".join(dw(x, zero) for x in a), "triple five", " ".join(dw(x, zero) for x in c)])
    elif f == "digits_uh":
        t = " ".join(dw(x, zero) for x in a) + " uh " + " ".join(dw(x, zero) for x in b) + "... " + \
            " ".join(dw(x, zero) for x in c)
        if st == "lower":
            t = t.replace("...", "")
    else:
        f = "digits"
        t = sep.join([" ".join(dw(x, zero) for x in a), " ".join(dw(x, zero) for x in b),
                      " ".join(dw(x, zero) for x in c)])
    return rec.v(t, "PHONE", True, cue, "words_%s_%s" % (f, zero), v)


def r_date(rec, dt, who, cue, ent="DOB"):
    rng, st = rec.rng, rec.style
    y, m, d = dt
    val = "%04d-%02d-%02d" % dt
    sfx = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    if who in ("agent", "summary"):
        f = rng.choice(["long", "long", "slash"]) if who == "summary" else "long"
        t = "%s %d%s, %d" % (MONTHS[m - 1], d, sfx, y) if f == "long" else "%02d/%02d/%d" % (m, d, y)
        return rec.v(t, ent, False, cue, "written_" + f, val)
    if who == "field":
        f = rng.choice(["iso", "slash"])
        t = val if f == "iso" else "%02d/%02d/%d" % (m, d, y)
        return rec.v(t, ent, False, cue, "field_" + f, val)
    if st == "punct":
        f = rng.choice(["long", "long_nosfx", "slash", "slash_short", "dash_short", "mixed_ord"])
        if f == "long":
            t = "%s %d%s, %d" % (MONTHS[m - 1], d, sfx, y)
        elif f == "long_nosfx":
            t = "%s %d, %d" % (MONTHS[m - 1], d, y)
        elif f == "slash":
            t = "%d/%d/%d" % (m, d, y)
        elif f == "slash_short":
            t = "%02d/%02d/%02d" % (m, d, y % 100)
        elif f == "dash_short":
            t = "%d-%d-%02d" % (m, d, y % 100)
        else:
            t = "%s %s, %d" % (MONTHS[m - 1], ORD[d], y)
        return rec.v(t, ent, f == "mixed_ord", cue, "num_" + f, val)
    zero = rng.choice(["oh", "zero"])
    f = rng.choice(["month_ord_year", "the_d_of_m", "digits_mdy", "month_num_short", "num_nolead"])
    if f == "month_ord_year":
        t = "%s %s %s" % (MONTHS[m - 1], ORD[d], year_words(y, rng))
    elif f == "the_d_of_m":
        t = "the %s of %s %s" % (ORD[d], MONTHS[m - 1], year_words(y, rng) if y >= 2000 or rng.random() < .5 else n2w(y % 100) if y % 100 >= 10 else year_words(y, rng))
    elif f == "digits_mdy":
        yy = y % 100
        t = "%s %s %s %s %s" % (dw(("%02d" % m)[0], zero), dw(("%02d" % m)[1], zero),
                                dw(("%02d" % d)[0], zero), dw(("%02d" % d)[1], zero),
                                (zero + " " + ONES[yy]) if yy < 10 else n2w(yy))
    elif f == "month_num_short":
        yy = y % 100
        t = "%s %s %s" % (MONTHS[m - 1], n2w(d), (zero + " " + ONES[yy]) if yy < 10 else n2w(yy))
    else:
        yy = y % 100
        t = "%s %s %s" % (n2w(m), n2w(d), year_words(y, rng) if yy < 10 else n2w(yy))
    if st == "lower":
        t = t.lower()
    elif rng.random() < 0.5:
        t = t[0].upper() + t[1:]
    return rec.v(t, ent, True, cue, "words_" + f, val)


def digits_words(s, rng, st, zero=None, group=None):
    zero = zero or rng.choice(["zero", "oh"])
    ws = [dw(c, zero) if c.isdigit() else c.upper() if st != "lower" else c.lower() for c in s]
    if group:
        out, i = [], 0
        for g in group:
            out.append(" ".join(ws[i:i + g]))
            i += g
        return (", " if st == "words" else " ").join(out)
    return " ".join(ws)


def r_digits(rec, ent, val, who, cue, written, groups=None, allow_last4=False):
    """Generic digit identifiers (SSN, MRN, NPI, CARD, ZIP)."""
    rng, st = rec.rng, rec.style
    if who in ("agent", "summary", "field"):
        return rec.v(written, ent, False, cue, "written", val)
    if allow_last4 and rng.random() < 0.25:
        l4 = val[-4:]
        if st == "punct":
            return rec.v(l4, ent, False, cue, "last4_digits", val)
        return rec.v(digits_words(l4, rng, st), ent, True, cue, "last4_words", val)
    if st == "punct":
        f = rng.choice(["written", "spaced", "mixed"])
        if f == "written":
            return rec.v(written, ent, False, cue, "num_written", val)
        if f == "spaced":
            return rec.v(" ".join(val), ent, False, cue, "num_digits_spaced", val)
        k = len(val) // 2
        t = " ".join(val[:k]) + " " + digits_words(val[k:], rng, st)
        return rec.v(t, ent, True, cue, "mixed_digits_words", val)
    t = digits_words(val, rng, st, group=groups if groups and rng.random() < 0.7 else None)
    if rng.random() < 0.3 and len(val) > 6:
        ws = t.split(" ")
        k = len(ws) // 2
        t = " ".join(ws[:k]) + rng.choice([" um ", " uh ", "... "]) + " ".join(ws[k:])
        if st == "lower":
            t = t.replace("...", "")
        return rec.v(t, ent, True, cue, "words_filler", val)
    return rec.v(t, ent, True, cue, "words_digits", val)


def r_alnum(rec, ent, val, who, cue, written=None):
    """MBI / MEMBER_ID."""
    rng, st = rec.rng, rec.style
    written = written or val
    if who in ("agent", "summary", "field"):
        return rec.v(written, ent, False, cue, "written", val)
    f = rng.choice(["plain", "nato", "as_in", "written"] if st == "punct" else ["plain", "nato", "as_in"])
    if f == "written":
        return rec.v(written, ent, False, cue, "num_written", val)
    zero = rng.choice(["zero", "oh"])
    ws = []
    for c in val:
        if c.isdigit():
            ws.append(c if st == "punct" else dw(c, zero))
        elif f == "nato":
            ws.append(NATO[c])
        elif f == "as_in":
            ws.append("%s as in %s" % (c if st != "lower" else c.lower(), ASIN[c]))
        else:
            ws.append(c if st != "lower" else c.lower())
    sep = ", " if (f == "as_in" and st != "lower") else " "
    t = sep.join(ws)
    return rec.v(t, ent, True, cue, "spelled_" + f, val)


def r_name(rec, first, last, who, cue, part="full"):
    st = rec.style
    t = {"full": first + " " + last, "first": first, "last": last}[part]
    sp = who in ("caller", "staff")
    if sp and st == "lower":
        t = t.lower()
    return rec.v(t, "NAME", sp, cue, "name_%s%s" % (part, "_lower" if sp and st == "lower" else ""), t)


def r_spell(rec, word, who, cue):
    rng, st = rec.rng, rec.style
    W = word.upper()
    if who == "agent":
        t = "-".join(W)
        return rec.v(t, "NAME", True, cue, "spelled_dash", word)
    f = rng.choice(["space", "as_in", "nato_some"])
    if f == "space":
        t = " ".join(W if st != "lower" else word.lower())
    elif f == "as_in":
        t = " ".join(W[:1] if st != "lower" else word[0].lower()) + " as in " + ASIN[W[0]] + " " + \
            " ".join(W[1:] if st != "lower" else word[1:].lower())
    else:
        t = ", ".join(W) if st == "words" else " ".join(W if st != "lower" else word.lower())
        f = "comma" if st == "words" else "space"
    return rec.v(t, "NAME", True, cue, "spelled_" + f, word)


def r_email(rec, p, who, cue):
    rng, st = rec.rng, rec.style
    e = p.email
    local, dom = e.split("@")
    if who in ("summary", "field"):
        return rec.v(e, "EMAIL", False, cue, "written", e)

    def say_local(spell):
        parts = re.split(r"([._]|\d+)", local)
        out = []
        for q in parts:
            if not q:
                continue
            if q == ".":
                out.append("dot")
            elif q == "_":
                out.append("underscore")
            elif q.isdigit():
                out.append(" ".join(ONES[int(c)] for c in q) if not spell else " ".join(q))
            else:
                out.append(" ".join(q.upper()) if spell == "upper" else ("-".join(q.upper()) if spell == "dash" else (" ".join(q) if spell else q)))
        return " ".join(out)
    dname, tld = dom.split(".", 1)
    if who == "agent":
        f = rng.choice(["written", "spell_dash"])
        if f == "written":
            return rec.v(e, "EMAIL", False, cue, "written", e)
        return rec.v(say_local("dash") + " at " + dname + " dot " + tld, "EMAIL", True, cue, "email_spell_dash", e)
    if st == "punct":
        f = rng.choice(["written", "spoken_dot", "spell_first"])
        if f == "written":
            return rec.v(e, "EMAIL", False, cue, "num_written", e)
        if f == "spell_first":
            return rec.v(say_local("upper") + " at " + dname + ".com" if tld == "com" else say_local("upper") + " at " + dom,
                         "EMAIL", True, cue, "email_spell_first", e)
        return rec.v(local.replace(".", " dot ") + " at " + dname + " dot " + tld, "EMAIL", True, cue, "email_spoken_dot", e)
    f = rng.choice(["spoken", "spell"])
    if f == "spell":
        t = say_local(True) + " at " + dname + " dot " + tld
    else:
        t = say_local(False) + " at " + dname + " dot " + tld
    return rec.v(t, "EMAIL", True, cue, "email_" + f, e)


def r_street(rec, p, who, cue):
    rng, st = rec.rng, rec.style
    num, nm, (lsfx, ssfx), unit = p.street_num, p.street_name, p.sfx, p.unit
    canon = "%d %s %s" % (num, nm, lsfx) + (" Apt %s" % unit if unit else "")
    if who in ("summary", "field", "agent"):
        t = "%d %s %s" % (num, nm, ssfx if who != "agent" else lsfx) + ((", Apt %s" % unit) if unit else "")
        return rec.v(t, "STREET", False, cue, "written", canon)
    if st == "punct":
        t = "%d %s %s" % (num, nm, lsfx) + ((", apartment %s" % unit) if unit else "")
        return rec.v(t, "STREET", True, cue, "num_street", canon)
    if num >= 1000 and num % 100 >= 10:
        ns = n2w(num // 100) + " " + n2w(num % 100)
    elif num >= 1000:
        ns = n2w(num // 100) + " oh " + ONES[num % 100] if num % 100 else n2w(num // 100) + " hundred"
    elif num >= 100:
        ns = ONES[num // 100] + " " + (n2w(num % 100) if num % 100 >= 10 else "oh " + ONES[num % 10])
    else:
        ns = n2w(num)
    u = ""
    if unit:
        u = " apartment " + " ".join(dw(c, "oh") if c.isdigit() else c for c in unit)
    t = "%s %s %s%s" % (ns, nm, lsfx, u)
    if st == "lower":
        t = t.lower()
    return rec.v(t, "STREET", True, cue, "words_street" + ("_unit" if unit else ""), canon)


def r_city(rec, p, who, cue):
    t = p.city if not (who in ("caller", "staff") and rec.style == "lower") else p.city.lower()
    return rec.v(t, "CITY", who in ("caller", "staff"), cue, "city", p.city)


def r_zip(rec, p, who, cue):
    return r_digits(rec, "ZIP", p.zip, who, cue, p.zip)


def r_ssn(rec, p, who, cue, last4=False):
    s = p.ssn
    if who == "agent" or last4:
        return rec.v(s[-4:], "SSN", False, cue, "last4_digits", s)
    return r_digits(rec, "SSN", s, who, cue, "%s-%s-%s" % (s[:3], s[3:5], s[5:]), groups=[3, 2, 4], allow_last4=True)


def r_card(rec, p, who, cue):
    c = p.card
    w = " ".join(c[i:i + 4] for i in range(0, 16, 4)) if len(c) == 16 else "%s %s %s" % (c[:4], c[4:10], c[10:])
    g = [4, 4, 4, 4] if len(c) == 16 else [4, 6, 5]
    return r_digits(rec, "CARD", c, who, cue, w, groups=g)


def r_npi(rec, npi, who, cue):
    return r_digits(rec, "NPI", npi, who, cue, npi, groups=[3, 3, 4])


def r_mrn(rec, p, who, cue):
    return r_digits(rec, "MRN", p.mrn, who, cue, p.mrn)


def r_mbi(rec, p, who, cue):
    m = p.mbi
    w = m if rec.rng.random() < 0.5 or who == "field" else "%s-%s-%s" % (m[:4], m[4:7], m[7:])
    return r_alnum(rec, "MBI", m, who, cue, w)


def r_member(rec, p, who, cue):
    return r_alnum(rec, "MEMBER_ID", p.member, who, cue)


# ---------------------------------------------------------------- negatives
def neg_time(rec, who):
    rng = rec.rng
    h, mi = rng.randint(8, 16), rng.choice([0, 15, 30, 45])
    if who == "agent" or rec.style == "punct":
        t = "%d:%02d %s" % (h if h <= 12 else h - 12, mi, "AM" if h < 12 else "PM")
    else:
        hh = h if h <= 12 else h - 12
        t = n2w(hh) + ("" if mi == 0 else " " + n2w(mi)) + rng.choice(["", " in the morning" if h < 12 else " in the afternoon"])
    return rec.n(t, "time")


def neg_appt(rec, who):
    rng = rec.rng
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    sfx = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    if who == "agent" or rec.style == "punct":
        t = "%s, %s %d%s" % (rng.choice(DAYS), MONTHS[m - 1], d, sfx)
    else:
        t = "%s the %s" % (rng.choice(DAYS), ORD[d])
        if rec.style == "lower":
            t = t.lower()
    return rec.n(t, "appointment_date")


def neg_money(rec, who):
    rng = rec.rng
    amt = rng.choice([20, 25, 30, 35, 40, 45, 50, 75, 120, 185])
    cents = rng.choice([0, 0, 0, 50, 18, 62])
    if who == "agent" or rec.style == "punct":
        t = "$%d" % amt + (".%02d" % cents if cents else "")
    else:
        t = n2w(amt) + " dollars" + ("" if not cents else " and " + n2w(cents) + " cents")
    return rec.n(t, "money")


def neg_conf(rec):
    rng = rec.rng
    c = "".join(rng.choice("ABCDEFGHJKLMNPQRTUVWXYZ23456789") for _ in range(6))
    return rec.n(c, "confirmation_number")


def neg_menu(rec, who):
    k = rec.rng.randint(1, 5)
    if who == "agent":
        return rec.n("press %d" % k, "menu_option")
    return rec.n("press " + ONES[k], "menu_option") if rec.style != "punct" else rec.n("press %d" % k, "menu_option")


def neg_num(rec, what, n, who, unit=""):
    if who == "agent" or rec.style == "punct":
        t = "%d%s" % (n, unit)
    else:
        t = n2w(n) + unit
    return rec.n(t, what)


def neg_group(rec, who):
    g = "".join(str(rec.rng.randint(0, 9)) for _ in range(rec.rng.choice([5, 6, 7])))
    if who == "agent" or rec.style == "punct":
        return rec.n(g, "group_number")
    return rec.n(digits_words(g, rec.rng, rec.style), "group_number")


# ---------------------------------------------------------------- scenarios
class Call:
    def __init__(self, rng, style, carrier):
        self.rng = rng
        self.rec = Rec(rng, style)
        self.turns = []  # (role, text)
        self.style = style
        self.carrier = carrier
        self.summary = []
        self.fields = {}
        self.practice = rng.choice(PRACTICES)

    def a(self, t):
        self.turns.append(("agent", t))

    def c(self, t):
        self.turns.append(("caller", lowerize(t) if self.style == "lower" else t))

    def s(self, t):
        self.turns.append(("staff", t))

    def filler(self):
        mts, pri = self.carrier
        pool = mts if (self.rng.random() < 0.6 and mts) else pri
        if not pool:
            return "It's been bothering me for a while now."
        return self.rng.choice(pool)

    def f(self, key, marker):
        self.fields[key] = marker


def greet(call):
    rng = call.rng
    g = rng.choice(["Thank you for calling %s. This is the virtual assistant. How can I help you today?",
                    "Hi, you've reached %s. I'm an automated assistant and this call may be recorded. What can I do for you?",
                    "%s, this is the after-hours line. If this is a medical emergency, please hang up and dial 911. How can I help?"])
    t = g % call.practice
    if rng.random() < 0.3:
        t += " For billing questions, %s. For prescription refills, %s." % ("\ue002", "\ue003")
        t = t.replace("\ue002", call.rec.n("press 2", "menu_option")).replace("\ue003", call.rec.n("press 3", "menu_option"))
    if "911" in t:
        pre, post = t.split("911")
        t = pre + call.rec.n("911", "emergency_number") + post
    call.a(t)


def verify_identity(call, p, correction=True, who_name="the patient"):
    rec, rng = call.rec, call.rng
    call.a("Can I get %s's full name, please?" % who_name if who_name != "the patient" else
           rng.choice(["Can I get the patient's full name, please?", "Sure. What is your first and last name?"]))
    f = rng.random()
    if f < 0.4:
        call.c("Yeah it's %s." % r_name(rec, p.first, p.last, "caller", "same"))
    elif f < 0.7:
        call.c("%s. %s, %s." % (r_name(rec, p.first, p.last, "caller", "prev"), r_name(rec, p.first, p.last, "caller", "prev", "last"), r_spell(rec, p.last, "caller", "prev")))
    else:
        call.c("Um, first name %s, last name %s." % (r_name(rec, p.first, p.last, "caller", "same", "first"), r_name(rec, p.first, p.last, "caller", "same", "last")))
    if rng.random() < 0.5:
        call.a("Thank you. Let me spell that back: %s. Is that right?" % r_spell(rec, p.last, "agent", "prev"))
        call.c(rng.choice(["Yep.", "Yes that's right.", "Mm-hmm, correct."]))
    x = rng.random()
    if x < 0.25:
        call.a("Thanks. And can I also get the date of bi--")
        call.c(rng.choice(["oh sorry yeah it's %s", "%s sorry go ahead"]) % r_date(rec, p.dob, "caller", "prev"))
    else:
        call.a("And the date of birth?" if x < 0.6 else "Thanks, %s. What is the date of birth?" % r_name(rec, p.first, p.last, "agent", "prev", "first"))
        call.c(rng.choice(["%s.", "It's %s.", "Uh, %s."]) % r_date(rec, p.dob, "caller", "prev"))
    call.a("I have %s. Is that correct?" % r_date(rec, p.dob, "agent", "prev"))
    call.c(rng.choice(["Yes.", "Correct.", "Yep that's it."]))


def sc_booking(call, reschedule=False):
    rec, rng = call.rec, call.rng
    p = Person(rng)
    greet(call)
    if reschedule:
        call.c("Hi, yeah, I need to move my appointment, I can't make it on %s." % neg_appt(rec, "caller"))
    else:
        call.c("Hi, I'd like to make an appointment. %s" % call.filler())
    verify_identity(call, p)
    if rng.random() < 0.5:
        call.a("Thank you. Do you have your medical record number handy? It's on your patient portal.")
        call.c("Hold on... okay it says %s." % r_mrn(rec, p, "caller", "prev"))
        call.a("Got it, %s." % r_mrn(rec, p, "agent", "prev"))
    call.a("And what is the best phone number to reach you?")
    wrong = rng.random()
    if wrong < 0.15:
        a3, rest = p.phone[:6], p.phone[6:]
        st = call.style
        call.c("%s" % rec.v(digits_words(a3, rng, st, group=[3, 3]) if st != "punct" else a3[:3] + " " + a3[3:], "PHONE", st != "punct", "prev", "split_first6", p.phone))
        call.a("Mm-hmm. Go ahead.")
        call.c("%s" % rec.v(digits_words(rest, rng, st) if st != "punct" else rest, "PHONE", st != "punct", "prev", "split_last4", p.phone))
        call.a("Thank you. I have %s." % r_phone(rec, p, "agent", "prev"))
    elif wrong < 0.45:
        call.c("%s." % r_phone(rec, p, "caller", "prev"))
        bad = p.phone[:6] + "01" + ("%02d" % ((int(p.phone[8:]) + rng.randint(1, 9)) % 100))
        call.a("I have %s. Is that correct?" % r_phone(rec, p, "agent", "prev", bad))
        call.c("No, the last part is %s, %s." % (rec.v(digits_words(p.phone[6:], rng, call.style) if call.style != "punct" else p.phone[6:], "PHONE", call.style != "punct", "prev", "last4_correction", p.phone), r_phone(rec, p, "caller", "prev")))
        call.a("Thank you for correcting me. I've updated it to %s." % r_phone(rec, p, "agent", "prev"))
    else:
        call.c("Yeah it's %s%s" % (r_phone(rec, p, "caller", "prev"), rng.choice([" but that's my cell.", ".", " you can text that."])))
        call.a("Thank you. I have %s." % r_phone(rec, p, "agent", "prev"))
    if reschedule:
        call.a("I can move your %s. The earliest opening is %s at %s. Would that work?" % (rng.choice(REASONS_AGENT), neg_appt(rec, "agent"), neg_time(rec, "agent")))
        call.c("Do you have anything later in the day? I work until %s." % neg_time(rec, "caller"))
        call.a("Yes, there's %s at %s with Dr. %s." % (neg_appt(rec, "agent"), neg_time(rec, "agent"), rec.v(prov_last(rng), "NAME", False, "same", "provider_last", "provider")))
    else:
        call.a("I have %s at %s for a %s. Does that work?" % (neg_appt(rec, "agent"), neg_time(rec, "agent"), rng.choice(REASONS_AGENT)))
    call.c(rng.choice(["Yeah that's fine.", "Perfect.", "Okay, sure."]))
    if rng.random() < 0.5:
        call.a("Would you like a reminder by email?")
        call.c("Sure, it's %s." % r_email(rec, p, "caller", "same"))
        call.a("Let me read that back: %s." % r_email(rec, p, "agent", "prev"))
        call.c("Yes.")
        call.f("email", r_email(rec, p, "field", "same"))
    call.a("You're all set. Your confirmation code is %s. Your copay will be %s. Anything else?" % (neg_conf(rec), neg_money(rec, "agent")))
    call.c("No that's it thanks.")
    call.summary = ["%s %s (DOB %s) %s appointment. Callback %s." % (
        "Patient", r_name(rec, p.first, p.last, "summary", "same"), r_date(rec, p.dob, "summary", "same"),
        "rescheduled" if reschedule else "booked", r_phone(rec, p, "summary", "same"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("date_of_birth", r_date(rec, p.dob, "field", "same"))
    call.f("callback_number", r_phone(rec, p, "field", "same"))
    call.f("appointment_type", rng.choice(REASONS_AGENT))


def sc_intake(call):
    rec, rng = call.rec, call.rng
    senior = rng.random() < 0.35
    p = Person(rng, senior=senior)
    greet(call)
    call.c("Hi, um, I'm a new patient, I was hoping to get established. %s" % call.filler())
    verify_identity(call, p)
    call.a("Welcome. What is your home address, including the ZIP code?")
    if rng.random() < 0.5:
        call.c("%s, %s, %s." % (r_street(rec, p, "caller", "prev"), r_city(rec, p, "caller", "prev"), r_zip(rec, p, "caller", "prev")))
    else:
        call.c("I live at %s in %s." % (r_street(rec, p, "caller", "same"), r_city(rec, p, "caller", "same")))
        call.a("And the ZIP code?")
        call.c("Yeah it's %s but we just moved so it might be wrong on my card." % r_zip(rec, p, "caller", "prev"))
    call.a("Thank you. I have %s, %s, %s." % (r_street(rec, p, "agent", "prev"), r_city(rec, p, "agent", "prev"), r_zip(rec, p, "agent", "prev")))
    call.c("Yes.")
    call.a("What's a good phone number and email for you?")
    call.c("My cell is %s and email is %s." % (r_phone(rec, p, "caller", "same"), r_email(rec, p, "caller", "same")))
    call.a("I'll spell the email back: %s. Did I get that right?" % r_email(rec, p, "agent", "prev"))
    call.c("Yep.")
    if senior:
        call.a("Are you on Medicare? If so, I'll need the Medicare number from your red, white and blue card.")
        call.c("Yes hang on. Okay, %s." % r_mbi(rec, p, "caller", "prev"))
        call.a("Thank you, I have %s." % r_mbi(rec, p, "agent", "prev"))
        call.f("medicare_number", r_mbi(rec, p, "field", "same"))
    call.a("Do you have a commercial insurance card? I'll need the member ID and group number.")
    call.c("Member ID is %s and the group is %s." % (r_member(rec, p, "caller", "same"), neg_group(rec, "caller")))
    call.a("Got it. Member ID %s." % r_member(rec, p, "agent", "prev"))
    if rng.random() < 0.6:
        call.a("For our records, can you provide your Social Security number? It's optional.")
        if rng.random() < 0.2:
            call.c("I'd rather not give that over the phone.")
        else:
            call.c("Sure, %s." % r_ssn(rec, p, "caller", "prev"))
            call.a("Thank you. I've saved the number ending in %s." % r_ssn(rec, p, "agent", "prev"))
    if "Physical" in call.practice or "Stride" in call.practice:
        npi = make_npi(rng)
        prov = (rng.choice(FIRST), rng.choice(PROV_LAST))
        call.a("Do you have a referral? I'll need the referring provider's name and NPI.")
        call.c("It's Dr. %s, the NPI on the paper is %s. They approved %s visits." % (r_name(rec, prov[0], prov[1], "caller", "same", "last"), r_npi(rec, npi, "caller", "same"), neg_num(rec, "count", rng.choice([8, 10, 12, 6]), "caller")))
        call.a("Thank you. NPI %s." % r_npi(rec, npi, "agent", "prev"))
        call.f("referring_npi", r_npi(rec, npi, "field", "same"))
    if rng.random() < 0.4:
        call.a("We'll keep a card on file for copays. What card would you like to use?")
        call.c("Okay the card number is %s." % r_card(rec, p, "caller", "prev"))
        call.a("Thank you. And the billing ZIP?")
        call.c("Same as home, %s." % r_zip(rec, p, "caller", "prev"))
    call.a("Thanks. Our new patient visits are %s long. You'll get a text with forms. Anything else?" % neg_num(rec, "duration", 60, "agent", " minutes"))
    call.c("No, thank you.")
    call.summary = ["New patient intake: %s, DOB %s, %s, %s %s. Email %s." % (
        r_name(rec, p.first, p.last, "summary", "none"), r_date(rec, p.dob, "summary", "same"),
        r_street(rec, p, "summary", "none"), r_city(rec, p, "summary", "none"), r_zip(rec, p, "summary", "none"),
        r_email(rec, p, "summary", "same"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("dob", r_date(rec, p.dob, "field", "same"))
    call.f("zip", r_zip(rec, p, "field", "same"))
    call.f("member_id", r_member(rec, p, "field", "same"))
    call.f("phone", r_phone(rec, p, "field", "same"))


def sc_pediatric(call):
    rec, rng = call.rec, call.rng
    par = Person(rng)
    kid = Person(rng, child=True)
    kid.last = par.last if rng.random() < 0.75 else kid.last
    greet(call)
    age = max(1, 2026 - kid.dob[0] - 1)
    rel, pro = rng.choice([("son", "he"), ("daughter", "she"), ("kid", "they")])
    call.c("Hi, this is %s, I'm calling for my %s %s, %s had a fever since last night." % (
        r_name(rec, par.first, par.last, "caller", "same", "first"), rel,
        r_name(rec, kid.first, kid.last, "caller", "none", "first"), {"he": "he's", "she": "she's", "they": "they've"}[pro]))
    call.a("I'm sorry to hear that. What is the child's full name and date of birth?")
    call.c("%s. Birthday is %s. %s" % (r_name(rec, kid.first, kid.last, "caller", "prev"), r_date(rec, kid.dob, "caller", "same"),
                                        "%s %s." % ({"he": "He is", "she": "She is", "they": "They're"}[pro], neg_num(rec, "age", age, "caller"))))
    call.a("Thank you. I have %s, born %s." % (r_name(rec, kid.first, kid.last, "agent", "prev"), r_date(rec, kid.dob, "agent", "prev")))
    if rng.random() < 0.5:
        call.c("No wait -- sorry, I mean %s. I always mix it up." % r_date(rec, kid.dob, "caller", "prev"))
        call.a("Thank you, I've corrected it to %s." % r_date(rec, kid.dob, "agent", "prev"))
    call.a("What was the highest temperature?")
    call.c("%s last night. I gave %s of the children's Tylenol at %s." % (
        rec.n("101.8" if call.style == "punct" else "a hundred and one point eight", "vital_sign"),
        rec.n("5 mL" if call.style == "punct" else "five mls", "dose"), neg_time(rec, "caller")))
    call.a("And what's the best number for the nurse to call you back?")
    call.c("%s. That's my cell. %s" % (r_phone(rec, par, "caller", "prev"), call.filler()))
    call.a("Got it, %s." % r_phone(rec, par, "agent", "prev"))
    if rng.random() < 0.5:
        call.a("Is the insurance still under the same member ID?")
        call.c("Actually it changed in January, new one is %s." % r_member(rec, kid, "caller", "same"))
        call.a("Thank you. I have %s." % r_member(rec, kid, "agent", "prev"))
    call.a("A nurse will call you back within %s. If %s has trouble breathing, call %s." % (
        neg_num(rec, "duration", 30, "agent", " minutes"), r_name(rec, kid.first, kid.last, "agent", "prev", "first"),
        rec.n("911", "emergency_number")))
    call.c("Okay thank you.")
    call.summary = ["Parent %s called about child %s (DOB %s), fever. Callback %s." % (
        r_name(rec, par.first, par.last, "summary", "same"), r_name(rec, kid.first, kid.last, "summary", "same"),
        r_date(rec, kid.dob, "summary", "same"), r_phone(rec, par, "summary", "same"))]
    call.f("caller_name", r_name(rec, par.first, par.last, "summary", "same"))
    call.f("patient_name", r_name(rec, kid.first, kid.last, "summary", "same"))
    call.f("patient_dob", r_date(rec, kid.dob, "field", "same"))
    call.f("callback_phone", r_phone(rec, par, "field", "same"))


def sc_refill(call):
    rec, rng = call.rec, call.rng
    p = Person(rng, senior=rng.random() < 0.3)
    med, dose_w, dose_s = rng.choice(MEDS)
    greet(call)
    pharmacy = rng.random() < 0.45
    if pharmacy:
        staffn = rng.choice(STAFF)
        call.c("Hi this is %s from the pharmacy, calling for a refill authorization on a patient." % r_name(rec, staffn, "", "caller", "same", "first"))
        call.a("Sure. What is the patient's name and date of birth?")
        call.c("%s, %s." % (r_name(rec, p.first, p.last, "caller", "prev"), r_date(rec, p.dob, "caller", "prev")))
        npi = make_npi(rng)
        call.c("It's for %s %s, prescriber NPI %s." % (med, rec.n(dose_w if call.style == "punct" else dose_s, "dose"), r_npi(rec, npi, "caller", "same")))
        call.a("Let me confirm: NPI %s, %s %s." % (r_npi(rec, npi, "agent", "prev"), med, rec.n(dose_w, "dose")))
        call.c("Correct. And our callback is %s." % r_phone(rec, p, "caller", "same"))
        call.f("prescriber_npi", r_npi(rec, npi, "field", "same"))
    else:
        call.c("Hey, yeah, I need a refill on my %s, the %s one." % (med, rec.n(dose_w if call.style == "punct" else dose_s, "dose")))
        verify_identity(call, p)
        call.a("Thank you. For extra security, can you give me your medical record number or the last four of your social?")
        if rng.random() < 0.5:
            call.c("The chart number is %s." % r_mrn(rec, p, "caller", "same"))
            call.f("mrn", r_mrn(rec, p, "field", "same"))
        else:
            call.c("Last four %s." % r_ssn(rec, p, "caller", "same", last4=True) if call.style == "punct" else
                   "Last four %s." % rec.v(digits_words(p.ssn[-4:], rng, call.style), "SSN", True, "same", "last4_words", p.ssn))
        if p.dob[0] <= 1960 and rng.random() < 0.7:
            call.a("Since you're on Medicare, can you confirm your Medicare number?")
            call.c("Okay, um, %s." % r_mbi(rec, p, "caller", "prev"))
            call.a("Thank you, %s." % r_mbi(rec, p, "agent", "prev"))
        call.a("How many pills do you have left?")
        call.c("Like %s, I take %s a day." % (neg_num(rec, "count", rng.randint(2, 6), "caller"), neg_num(rec, "count", rng.choice([1, 2]), "caller")))
        call.a("I'll send the request to Dr. %s. A %s supply usually takes %s. Which pharmacy phone should we use?" % (
            rec.v(prov_last(rng), "NAME", False, "same", "provider_last", "provider"), neg_num(rec, "duration", 90, "agent", "-day"),
            neg_num(rec, "duration", 2, "agent", " business days")))
        call.c("Same one as always. Oh and if they need me it's %s." % r_phone(rec, p, "caller", "none"))
        call.a("Noted, %s." % r_phone(rec, p, "agent", "prev"))
    call.c("Thanks.")
    call.summary = ["Refill request for %s, DOB %s: %s %s." % (r_name(rec, p.first, p.last, "summary", "same"),
                                                               r_date(rec, p.dob, "summary", "same"), med, rec.n(dose_w, "dose"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("dob", r_date(rec, p.dob, "field", "same"))
    call.f("medication", med)


def prov_last(rng):
    return rng.choice(PROV_LAST)


def handoff(call, dept):
    rng = call.rng
    staff = rng.choice(STAFF)
    call.a("Let me transfer you to %s in our %s office. One moment please." % (call.rec.v(staff, "NAME", False, "same", "staff_first", staff), dept))
    call.s("Hi, this is %s, I've got the notes from the assistant." % call.rec.v(staff, "NAME", True, "same", "staff_first", staff))
    return staff


def sc_billing(call):
    rec, rng = call.rec, call.rng
    p = Person(rng)
    greet(call)
    call.c("Yeah hi I got a bill for %s and I thought insurance was covering it." % neg_money(rec, "caller"))
    verify_identity(call, p)
    call.a("Thank you. Can you read me the account number or MRN from the top of the statement?")
    call.c("%s." % r_mrn(rec, p, "caller", "prev"))
    human = rng.random() < 0.6
    if human:
        handoff(call, "billing")
        call.s("So I see the claim for %s was denied, the member ID on file might be old. What's on your card?" % neg_appt(rec, "agent"))
        call.c("%s. Group %s." % (r_member(rec, p, "caller", "prev"), neg_group(rec, "caller")))
        call.s("Okay I'll resubmit with %s. You'd still owe the %s copay." % (rec.v(p.member, "MEMBER_ID", False, "prev", "staff_readback", p.member), neg_money(rec, "caller")))
        call.c("Fine, can I pay that now?")
        call.s("Sure, go ahead with the card number whenever you're ready.")
        call.c("%s" % r_card(rec, p, "caller", "prev"))
        call.s("And the billing ZIP code?")
        call.c("%s." % r_zip(rec, p, "caller", "prev"))
        call.s("You're all set, receipt number %s. Anything else?" % neg_conf(rec))
    else:
        call.a("I see a balance of %s. Would you like to pay by card today? Or %s to speak with billing." % (neg_money(rec, "agent"), neg_menu(rec, "agent")))
        call.c("Card is fine. %s" % r_card(rec, p, "caller", "prev"))
        call.a("Thank you. What's the billing ZIP code?")
        call.c("It's %s." % r_zip(rec, p, "caller", "prev"))
        call.a("Payment received. Your confirmation number is %s." % neg_conf(rec))
        if rng.random() < 0.5:
            call.a("Would you like a receipt by email?")
            call.c("Yes please, %s." % r_email(rec, p, "caller", "prev"))
    call.c("No that's all.")
    call.summary = ["Billing call from %s (MRN %s). Payment taken, billing ZIP %s." % (
        r_name(rec, p.first, p.last, "summary", "same"), r_mrn(rec, p, "summary", "same"), r_zip(rec, p, "summary", "same"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("mrn", r_mrn(rec, p, "field", "same"))
    call.f("member_id", r_member(rec, p, "field", "same"))


def sc_triage(call):
    rec, rng = call.rec, call.rng
    p = Person(rng, senior=rng.random() < 0.4)
    greet(call)
    call.c("Yeah hi. %s. %s. %s" % (r_name(rec, p.first, p.last, "caller", "none"), r_date(rec, p.dob, "caller", "none"), call.filler()))
    call.a("I'm sorry you're not feeling well. I'll take a message for the on-call provider. Were you recently in the hospital?")
    adm = make_date(rng, 2025, 2026)
    call.c("Yeah I was discharged on %s, from the hospital over on %s." % (r_date(rec, adm, "caller", "same", ent="DATE"), rng.choice(["Main", "Fifth", "the highway"])))
    call.a("Thank you. I have a discharge date of %s. Any fever?" % r_date(rec, adm, "agent", "prev", ent="DATE"))
    call.c("%s this evening. My blood pressure was %s." % (rec.n("100.4" if call.style == "punct" else "a hundred point four", "vital_sign"),
                                                          rec.n("150 over 92" if call.style == "punct" else "one fifty over ninety two", "blood_pressure")))
    call.a("What number should the provider call back?")
    call.c("%s. Or my daughter %s at %s." % (r_phone(rec, p, "caller", "prev"), r_name(rec, rng.choice(FIRST), p.last, "caller", "same", "first"),
                                             r_phone(rec, Person(rng), "caller", "same")))
    if rng.random() < 0.5:
        call.a("And your Medicare or insurance ID, if you have it?")
        if rng.random() < 0.5:
            call.c("%s" % r_mbi(rec, p, "caller", "prev"))
        else:
            call.c("%s" % r_member(rec, p, "caller", "prev"))
    if rng.random() < 0.5:
        staff = handoff(call, "nurse triage")
        call.s("Can you tell me how many times you've vomited today?")
        call.c("Like %s times. %s" % (neg_num(rec, "count", rng.randint(2, 6), "caller"), call.filler()))
        call.s("Okay. I'm going to page Dr. %s. Your chart number is %s, right?" % (rec.v(prov_last(rng), "NAME", True, "same", "provider_last", "provider"), r_mrn(rec, p, "staff", "same") if call.style != "punct" else rec.v(p.mrn, "MRN", False, "same", "staff_written", p.mrn)))
        call.c("I think so.")
    call.a("Your message has been sent. If symptoms get worse, call %s." % rec.n("911", "emergency_number"))
    call.summary = ["After-hours message from %s, DOB %s, discharged %s. Callback %s." % (
        r_name(rec, p.first, p.last, "summary", "same"), r_date(rec, p.dob, "summary", "same"),
        r_date(rec, adm, "summary", "same", ent="DATE"), r_phone(rec, p, "summary", "same"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("dob", r_date(rec, p.dob, "field", "same"))
    call.f("discharge_date", r_date(rec, adm, "field", "same", ent="DATE"))
    call.f("callback", r_phone(rec, p, "field", "same"))


def sc_behavioral(call):
    rec, rng = call.rec, call.rng
    p = Person(rng)
    greet(call)
    call.c("Hi. I, um. I saw a therapist there last year and I want to come back. %s" % call.filler())
    verify_identity(call, p)
    call.a("Thank you. Your last visit was over a year ago, so I need to update your information. What's your email?")
    call.c("%s" % r_email(rec, p, "caller", "prev"))
    call.a("Let me spell that back: %s." % r_email(rec, p, "agent", "prev"))
    call.c(rng.choice(["Yes.", "Yeah.", "Perfect."]))
    call.a("And your insurance member ID?")
    call.c("%s, and the group number is %s." % (r_member(rec, p, "caller", "prev"), neg_group(rec, "caller")))
    call.a("Your plan covers %s sessions per year. You've used %s. Would %s at %s work?" % (
        neg_num(rec, "count", 20, "agent"), neg_num(rec, "count", rng.randint(0, 6), "agent"), neg_appt(rec, "agent"), neg_time(rec, "agent")))
    call.c("Yes. And can you send the intake forms to my address, it's %s." % r_street(rec, p, "caller", "same"))
    call.a("Of course. And the ZIP code?")
    call.c("%s." % r_zip(rec, p, "caller", "prev"))
    call.a("All set. If you're in crisis, call or text %s." % rec.n("988", "emergency_number"))
    call.summary = ["Returning patient %s (DOB %s) scheduled therapy intake. Member ID %s." % (
        r_name(rec, p.first, p.last, "summary", "same"), r_date(rec, p.dob, "summary", "same"), r_member(rec, p, "summary", "same"))]
    call.f("patient_name", r_name(rec, p.first, p.last, "summary", "same"))
    call.f("email", r_email(rec, p, "field", "same"))
    call.f("member_id", r_member(rec, p, "field", "same"))
    call.f("ssn_last4_on_file", r_ssn(rec, p, "summary", "same", last4=True) if rng.random() < 0.4 else "declined")


PRACTICE_BY_KIND = {
    "booking": PRACTICES, "reschedule": PRACTICES,
    "intake": ["Maple Grove Family Medicine", "Riverbend Primary Care", "Northside Physical Therapy", "Stride Physical Therapy"],
    "pediatric": ["Sunny Hill Pediatrics", "Little Oaks Pediatrics"],
    "refill": ["Maple Grove Family Medicine", "Riverbend Primary Care", "Clearwater Behavioral Health"],
    "billing": PRACTICES,
    "triage": ["Maple Grove Family Medicine", "Riverbend Primary Care"],
    "behavioral": ["Clearwater Behavioral Health", "Harborlight Counseling Center"]}

SCENARIOS = [("booking", sc_booking), ("reschedule", lambda c: sc_booking(c, True)), ("intake", sc_intake),
             ("intake", sc_intake), ("pediatric", sc_pediatric), ("refill", sc_refill), ("refill", sc_refill),
             ("billing", sc_billing), ("billing", sc_billing), ("triage", sc_triage), ("behavioral", sc_behavioral)]

# ---------------------------------------------------------------- transcript / json assembly
LABELSETS = [{"agent": "AI", "caller": "Caller", "staff": "Staff"},
             {"agent": "Agent", "caller": "Patient", "staff": "Front Desk"},
             {"agent": "assistant", "caller": "user", "staff": "human"},
             {"agent": "BOT", "caller": "CUSTOMER", "staff": "NURSE"},
             {"agent": "Virtual Assistant", "caller": "Speaker 1", "staff": "Speaker 2"}]


def ts(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def build_transcript(call, rid):
    rng = call.rng
    labels = rng.choice(LABELSETS)
    bracket = rng.random() < 0.3
    stamps = rng.random() < 0.4
    t = rng.randint(0, 5)
    lines = []
    turns = call.turns[:40]
    for role, text in turns:
        lab = labels[role]
        if role == "staff" and labels["agent"] == "assistant":
            lab = "human_agent"
        head = ("[%s] " % lab.lower()) if bracket else ("%s: " % lab)
        pre = (ts(t) + " ") if stamps else ""
        t += rng.randint(3, 14)
        lines.append(pre + head + text.replace("\n", " "))
    text, spans, negs = call.rec.resolve("\n".join(lines))
    return {"id": rid, "format": "transcript", "kind": "transcript_" + call.kind + "_" + call.style,
            "text": text, "spans": spans, "negatives": negs}


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:])


def build_json(call, rid, profile):
    rng = call.rng
    summary = " ".join(call.summary)
    fields = dict(call.fields)
    msgs = []
    sec = 0.0
    for role, text in call.turns:
        msgs.append((role, text, round(sec, 2)))
        sec += rng.uniform(2.5, 11.0)
    if profile == "vapi":
        tr = "\n".join(("AI: " if r == "agent" else "User: " if r == "caller" else "Staff: ") + t for r, t, _ in msgs)
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-forwarded-call", "assistant-ended-call"]),
                           "call": {"id": uuid(rng), "type": "inboundPhoneCall", "orgId": uuid(rng)},
                           "artifact": {"transcript": tr, "messages": [
                               {"role": "bot" if r == "agent" else "user", "message": t, "time": 1766100000000 + int(s * 1000),
                                "secondsFromStart": s} for r, t, s in msgs]},
                           "analysis": {"summary": summary, "structuredData": fields, "successEvaluation": "true"},
                           "durationSeconds": round(sec, 1)}}
    elif profile == "retell":
        tr = "\n".join(("Agent: " if r == "agent" else "User: ") + t for r, t, _ in msgs)
        obj = {"event": "call_analyzed", "call": {"call_id": "call_" + uuid(rng).replace("-", "")[:24], "agent_id": "agent_" + "%x" % rng.getrandbits(64),
                                                  "call_status": "ended", "direction": "inbound",
                                                  "transcript": tr,
                                                  "transcript_object": [{"role": "agent" if r == "agent" else "user", "content": t} for r, t, _ in msgs],
                                                  "call_analysis": {"call_summary": summary, "user_sentiment": "Neutral", "call_successful": True,
                                                                    "custom_analysis_data": fields},
                                                  "disconnection_reason": "user_hangup"}}
    elif profile == "signalwire":
        obj = {"app_name": "front_desk_agent", "call_id": uuid(rng), "ai_session_id": uuid(rng),
               "post_prompt_data": {"raw": summary, "parsed": [fields]},
               "call_log": [{"role": "assistant" if r == "agent" else "user", "content": t, "start_offset_ms": int(s * 1000)} for r, t, s in msgs],
               "total_minutes": round(sec / 60, 2)}
    elif profile == "deepgram":
        spk = {"agent": 0, "caller": 1, "staff": 2}
        obj = {"metadata": {"request_id": uuid(rng), "created": "2026-12-1%dT1%d:%02d:11.402Z" % (rng.randint(0, 8), rng.randint(0, 9), rng.randint(0, 59)),
                            "duration": round(sec, 3), "channels": 1, "extra": fields},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(t for _, t, _ in msgs), "confidence": round(rng.uniform(0.86, 0.99), 4)}]}],
                           "utterances": [{"start": s, "end": round(s + 2.1, 2), "speaker": spk[r], "channel": 0, "transcript": t,
                                           "confidence": round(rng.uniform(0.8, 0.99), 3)} for r, t, s in msgs],
                           "summary": {"result": "success", "short": summary}}}
    else:
        obj = {"JobName": "clinic-call-%d" % rng.randint(10000, 99999), "JobStatus": "COMPLETED", "LanguageCode": "en-US",
               "Transcript": [{"Id": uuid(rng), "ParticipantRole": "AGENT" if r != "caller" else "CUSTOMER", "Content": t,
                               "BeginOffsetMillis": int(s * 1000), "EndOffsetMillis": int(s * 1000) + 2100, "Sentiment": "NEUTRAL"} for r, t, s in msgs],
               "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": summary}}},
               "CustomerMetadata": {"ExtractedFields": fields}}
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = call.rec.resolve(raw)
    return {"id": rid, "format": "json", "profile": profile, "kind": "json_%s_%s" % (profile, call.kind),
            "text": text, "spans": spans, "negatives": negs}


def generate(seed, n):
    rng0 = random.Random(seed)
    carrier = load_carrier()
    recs = []
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    n_json = round(n / 3)
    kinds = ["transcript"] * (n - n_json) + ["json"] * n_json
    random.Random(seed + 1).shuffle(kinds)
    ji = 0
    for i, kind in enumerate(kinds):
        rng = random.Random(rng0.getrandbits(64))
        style = rng.choice(["lower", "punct", "words"])
        name, fn = SCENARIOS[i % len(SCENARIOS)]
        call = Call(rng, style, carrier)
        call.kind = name
        call.practice = rng.choice(PRACTICE_BY_KIND[name])
        fn(call)
        rid = "h19-%04d" % i
        if kind == "transcript":
            recs.append(build_transcript(call, rid))
        else:
            recs.append(build_json(call, rid, profiles[ji % 5]))
            ji += 1
    return recs


# ---------------------------------------------------------------- check / stats
ENTS = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"]
LINE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z0-9_ ]+\] |[A-Za-z][A-Za-z0-9_ ]*: )")


def json_string_ranges(raw):
    """Byte ranges of the insides of every JSON string token."""
    b = raw.encode("utf-8")
    out, i, n = [], 0, len(b)
    while i < n:
        if b[i] == 0x22:
            j = i + 1
            while b[j] != 0x22:
                j += 2 if b[j] == 0x5C else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def check_value(s):
    e, v = s["entity"], s.get("value", "")
    if e == "SSN":
        return len(v) == 9 and v.isdigit() and v[:3] not in ("000", "666") and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000"
    if e == "PHONE":
        return len(v) == 10 and v.isdigit() and v[3:8] == "55501"
    if e in ("DOB", "DATE"):
        y, m, d = map(int, v.split("-"))
        return valid_date(y, m, d)
    if e == "NPI":
        return len(v) == 10 and v[0] in "12" and luhn_ok("80840" + v)
    if e == "CARD":
        return luhn_ok(v) and any(v.startswith(p) and len(v) == ln for p, ln in CARD_PREFIX)
    if e == "MBI":
        return mbi_ok(v)
    if e == "ZIP":
        return len(v) == 5 and v.isdigit()
    if e == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", v) is not None
    return True


def check(recs):
    errs = []
    for r in recs:
        t = r["text"]
        b = t.encode("utf-8")
        rng_ = [(s["start"], s["end"], "s") for s in r["spans"]] + [(x["start"], x["end"], "n") for x in r["negatives"]]
        rng_.sort()
        for k in range(1, len(rng_)):
            if rng_[k][0] < rng_[k - 1][1]:
                errs.append("%s overlap %s" % (r["id"], rng_[k]))
        for s in r["spans"] + r["negatives"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s bad offsets" % r["id"])
                continue
            piece = b[s["start"]:s["end"]].decode("utf-8")
            if piece != piece.strip() or not piece:
                errs.append("%s span whitespace %r" % (r["id"], piece))
        for s in r["spans"]:
            if s["entity"] not in ENTS:
                errs.append("%s bad entity" % r["id"])
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errs.append("%s bad cue/spoken" % r["id"])
            if not check_value(s):
                errs.append("%s invalid value %s %r" % (r["id"], s["entity"], s.get("value")))
        if r["format"] == "transcript":
            lines = t.split("\n")
            if not (8 <= len(lines) <= 40):
                errs.append("%s %d turns" % (r["id"], len(lines)))
            for ln in lines:
                if not ln.strip() or not LINE.match(ln):
                    errs.append("%s bad line %r" % (r["id"], ln[:40]))
        elif r["format"] == "json":
            try:
                json.loads(t)
            except ValueError:
                errs.append("%s json invalid" % r["id"])
            if json.dumps(json.loads(t), ensure_ascii=False, separators=(",", ":")) != t:
                errs.append("%s json not compact" % r["id"])
            sr = json_string_ranges(t)
            for s in r["spans"] + r["negatives"]:
                if not any(a <= s["start"] and s["end"] <= z for a, z in sr):
                    errs.append("%s span outside JSON string" % r["id"])
        else:
            errs.append("%s bad format" % r["id"])
    return errs


def stats(recs):
    c = collections.Counter()
    cue = collections.Counter()
    neg = collections.Counter()
    kinds = collections.Counter()
    for r in recs:
        kinds[r["format"] + ("/" + r["profile"] if "profile" in r else "")] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written")] += 1
            cue[(s["entity"], s["cue"])] += 1
        for x in r["negatives"]:
            neg[x["what"]] += 1
    print("records:", len(recs), dict(sorted(kinds.items())))
    print("%-10s %6s %7s %7s %5s %5s %5s" % ("entity", "total", "spoken", "written", "same", "prev", "none"))
    for e in ENTS:
        print("%-10s %6d %7d %7d %5d %5d %5d" % (e, c[(e, "spoken")] + c[(e, "written")], c[(e, "spoken")], c[(e, "written")],
                                                  cue[(e, "same")], cue[(e, "prev")], cue[(e, "none")]))
    print("spans:", sum(c.values()), " negatives:", sum(neg.values()), dict(sorted(neg.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        with open(a.check, encoding="utf-8") as fh:
            recs = [json.loads(l) for l in fh if l.strip()]
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        stats(recs)
        print("errors:", len(errs))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
