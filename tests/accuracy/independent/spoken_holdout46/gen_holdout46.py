#!/usr/bin/env python3
"""Holdout 46: spoken-PHI corpus of behavioral-health calls.

Addiction-treatment intake lines, crisis-line follow-up calls, psychiatry scheduling, and calls
by parents, partners and case workers for a patient, as ASR engines write them down (Whisper-style,
Google/AWS-style lowercase words) and as voice-agent platforms post them (vapi, retell,
signalwire, deepgram, transcribe payloads with LLM summaries and structured extraction).

  python3 gen_holdout46.py [--seed N] [--n 150] > holdout46.jsonl
  python3 gen_holdout46.py --stats               # counts of the default output
  python3 gen_holdout46.py --check holdout46.jsonl

Standard library only; the same seed gives byte-identical output whatever PYTHONHASHSEED is.
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 4646
REF_DAY = datetime.date(2025, 6, 2)  # calls happen in spring 2025

SPAN_OPEN, SPAN_CLOSE = "\ue000", "\ue001"
IDX_BASE = 0xE100

ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]

# ---------------------------------------------------------------------------------------------
# Fictitious people and places
FIRST_F = ["Dana", "Brianna", "Jasmine", "Maria", "Keisha", "Destiny", "Megan", "Tanya", "Crystal",
           "Amber", "Latoya", "Rosa", "Monique", "Hannah", "Ashley", "Priya", "Kayla", "Lorena",
           "Shauna", "Valerie", "Noelle", "Imani", "Colleen", "Yesenia", "Tamsin"]
FIRST_M = ["Marcus", "Tyler", "Kevin", "Luis", "Andre", "Caleb", "Brandon", "Jose", "Derek",
           "Shawn", "Raymond", "Cody", "Travis", "Ethan", "Dylan", "Emre", "Darnell", "Wesley",
           "Rafael", "Dustin", "Julian", "Terrence", "Owen", "Nico", "Garrett"]
LAST = ["Reyes", "Brooks", "Okafor", "Delgado", "Whitfield", "Castillo", "Hughes", "Pruitt",
        "Nakamura", "Kowalski", "Ferreira", "Lindqvist", "Abernathy", "Tran", "Calloway",
        "Dubois", "Haskins", "Oyelaran", "Vasquez", "Greer", "Holloway", "Szabo", "McAllister",
        "Petrakis", "Runningwater", "Baptiste", "Moreau", "Albright", "Quintero", "Yilmaz",
        "Sandoval", "Whitaker", "Ostrowski", "Mahoney", "Achterberg", "Navarro"]
AGENTS = ["Kelsey", "Marisol", "Trevor", "Janelle", "Omar", "Bethany", "Curtis", "Renata",
          "Felix", "Gwen", "Isaiah", "Lupe"]
PROVIDERS = ["Okonkwo", "Feldman", "Ramanathan", "Gallagher", "Ostrander", "Iwasaki", "Delacroix",
             "Hartsell", "Bergstrom", "Mendoza", "Tillman", "Voss"]
# city, state, zip, area code (real places; every address below is invented)
PLACES = [("Columbus", "OH", "43215", "614"), ("Dayton", "OH", "45402", "937"),
          ("Toledo", "OH", "43604", "419"), ("Akron", "OH", "44308", "330"),
          ("Tacoma", "WA", "98402", "253"), ("Spokane", "WA", "99201", "509"),
          ("Fresno", "CA", "93721", "559"), ("Tucson", "AZ", "85701", "520"),
          ("Albuquerque", "NM", "87102", "505"), ("Omaha", "NE", "68102", "402"),
          ("Wichita", "KS", "67202", "316"), ("Tulsa", "OK", "74103", "918"),
          ("Knoxville", "TN", "37902", "865"), ("Chattanooga", "TN", "37402", "423"),
          ("Macon", "GA", "31201", "478"), ("Savannah", "GA", "31401", "912"),
          ("Flint", "MI", "48502", "810"), ("Lansing", "MI", "48933", "517"),
          ("Erie", "PA", "16501", "814"), ("Scranton", "PA", "18503", "570"),
          ("Worcester", "MA", "01608", "508"), ("Springfield", "MA", "01103", "413"),
          ("Providence", "RI", "02903", "401"), ("Bangor", "ME", "04401", "207"),
          ("Burlington", "VT", "05401", "802"), ("Syracuse", "NY", "13202", "315"),
          ("Rochester", "NY", "14604", "585"), ("Reno", "NV", "89501", "775"),
          ("Boise", "ID", "83702", "208"), ("Billings", "MT", "59101", "406")]
STREETS = [("Birchwood", "Avenue", "Ave."), ("Maple", "Street", "St."), ("Linden", "Court", "Ct."),
           ("Harrison", "Road", "Rd."), ("Old Mill", "Lane", "Ln."), ("Fairview", "Drive", "Dr."),
           ("Cottonwood", "Way", "Way"), ("Ridgeview", "Terrace", "Ter."),
           ("Sycamore", "Boulevard", "Blvd."), ("Prospect", "Street", "St."),
           ("Willow Bend", "Drive", "Dr."), ("Chestnut", "Avenue", "Ave."),
           ("Kessler", "Road", "Rd."), ("Garfield", "Place", "Pl."), ("Orchard", "Lane", "Ln.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "proton.me"]
ORGS = {
    "sud_intake": ["Harbor Light Recovery", "Riverbend Treatment Center", "New Dawn Recovery Services",
                   "Clearwater Addiction Services"],
    "crisis_followup": ["the Tri-County Crisis Line", "Lakeshore Crisis Services",
                        "the Mobile Crisis Team at Northgate", "Valley Crisis Connect"],
    "psych_scheduling": ["Lakeside Psychiatry", "Meridian Behavioral Health", "Cedar Hill Psychiatric Associates",
                         "Summit Mind Clinic"],
    "parent_call": ["Youth and Family Services at Northgate", "Brightpath Adolescent Program",
                    "Harbor Light Recovery", "Meridian Behavioral Health"],
    "case_worker": ["Riverbend Treatment Center", "Lakeside Psychiatry", "New Dawn Recovery Services",
                    "Cedar Hill Psychiatric Associates"],
    "discharge_followup": ["Meridian Behavioral Health", "Northgate Behavioral Hospital",
                           "Summit Mind Clinic", "Clearwater Addiction Services"],
}
MEMBER_LETTERS = "ABCDEFGHJKMNPRTUVWXYZ"  # no I, L, O, Q, S (read as digits on the phone)
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"      # CMS excludes S, L, O, I, B, Z

# ---------------------------------------------------------------------------------------------
# Number words
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
AS_IN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank",
         "G": "george", "H": "henry", "J": "john", "K": "king", "M": "mary", "N": "nancy",
         "P": "paul", "Q": "queen", "R": "robert", "T": "tom", "U": "umbrella", "V": "victor",
         "W": "william", "X": "x-ray", "Y": "yellow", "Z": "zebra"}


def num_words(n):
    """0..9999 in words, as a cardinal."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + num_words(rest))
    rest = n % 1000
    return num_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + num_words(rest))


def ordinal(n):
    if n <= 20:
        return ORD[n]
    if n % 10 == 0:
        return TENS[n // 10][:-1] + "ieth"
    return TENS[n // 10] + " " + ORD[n % 10]


def ord_suffix(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def digit_words(s, zero="oh"):
    return [zero if ch == "0" else ONES[int(ch)] for ch in s]


def pair_words(s, zero="oh"):
    """two digits as one spoken chunk: 42 forty two, 05 oh five, 15 fifteen."""
    a, b = s[0], s[1]
    if a == "0":
        return "%s %s" % (zero, zero if b == "0" else ONES[int(b)])
    return num_words(int(s))


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000]])
    if y >= 2010:
        return rng.choice(["twenty " + num_words(y - 2000), "two thousand " + num_words(y - 2000)])
    hi, lo = divmod(y, 100)
    return num_words(hi) + " " + ("oh " + ONES[lo] if lo < 10 else num_words(lo))


def yy_words(y):
    lo = y % 100
    return "oh " + ONES[lo] if lo < 10 else num_words(lo)


def luhn_digit(partial):
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# ---------------------------------------------------------------------------------------------
# Value makers
def make_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666 or area in (78, 219, 457):
            continue
        s = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
        if s not in ("078051120", "123456789", "219099999", "457555462"):
            return s


def make_phone(rng, area):
    return area + "5550" + "1" + str(rng.randint(0, 9)) if False else area + "55501" + "%02d" % rng.randint(0, 99)


def make_card(rng):
    kind = rng.choice(["visa", "visa", "visa", "mc", "mc", "disc", "amex"])
    prefix = {"visa": rng.choice(["4111", "4242", "4000", "4012"]),
              "mc": rng.choice(["5555", "5105", "5425", "2223"]),
              "disc": rng.choice(["6011", "6011"]),
              "amex": rng.choice(["3782", "3714", "3400"])}[kind]
    length = 15 if kind == "amex" else 16
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return body + luhn_digit(body), kind


def make_npi(rng):
    body = "1" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_digit("80840" + body)


def make_mbi(rng):
    L = MBI_LETTERS
    d = lambda a=0: str(rng.randint(a, 9))
    an = lambda: rng.choice(L + "0123456789")
    return (d(1) + rng.choice(L) + an() + d() + rng.choice(L) + an() + d() + rng.choice(L)
            + rng.choice(L) + d() + d())


def make_member(rng):
    k = rng.random()
    if k < 0.45:
        return "".join(rng.choice(MEMBER_LETTERS) for _ in range(3)) + "".join(
            str(rng.randint(0, 9)) for _ in range(9))
    if k < 0.75:
        return rng.choice("WMHKU") + "".join(str(rng.randint(0, 9)) for _ in range(9))
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))  # Medicaid


def make_mrn(rng):
    k = rng.random()
    if k < 0.55:
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if k < 0.8:
        return "00" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return rng.choice(["BH", "MR", "NG"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def make_dob(rng, teen=False):
    if teen == "older":
        y = rng.randint(1944, 1962)
    elif teen:
        y = rng.randint(2008, 2011)
    else:
        y = rng.choice([rng.randint(1946, 1969), rng.randint(1970, 1989), rng.randint(1985, 2004),
                        rng.randint(1990, 2005)])
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    return datetime.date(y, m, d)


def age_on(dob, day=REF_DAY):
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def make_email(rng, first, last, yob):
    f, l = first.lower(), last.lower()
    k = rng.randint(0, 6)
    local = [f + "." + l, f + l + "%02d" % (yob % 100), f[0] + l, f + "_" + l, f + "." + l + str(rng.randint(1, 9)),
             l + f[0] + "%02d" % (yob % 100), f + "." + l + str(yob)][k]
    return local + "@" + rng.choice(DOMAINS)


class Person:
    def __init__(self, rng, teen=False, sex=None):
        self.sex = sex or rng.choice("FM")
        self.first = rng.choice(FIRST_F if self.sex == "F" else FIRST_M)
        self.last = rng.choice(LAST)
        self.dob = make_dob(rng, teen)
        place = rng.choice(PLACES)
        self.city, self.state, self.zip, area = place
        self.phone = make_phone(rng, area)
        self.old_phone = make_phone(rng, rng.choice(PLACES)[3])
        self.ssn = make_ssn(rng)
        self.email = make_email(rng, self.first, self.last, self.dob.year)
        self.email2 = make_email(rng, self.first, self.last, self.dob.year)
        name, long_sfx, short_sfx = rng.choice(STREETS)
        self.house = rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 9899),
                                 rng.randint(1000, 4999), rng.randint(10000, 24999)])
        self.street_name, self.sfx_long, self.sfx_short = name, long_sfx, short_sfx
        self.unit = rng.choice([None, None, ("Apt", rng.choice(["2B", "3C", "12", "4A", "1F"])),
                                ("Unit", str(rng.randint(2, 40))), ("#", str(rng.randint(101, 412))),
                                ("Lot", str(rng.randint(3, 60)))])
        self.mrn = make_mrn(rng)
        self.member = make_member(rng)
        self.mbi = make_mbi(rng)
        self.card, self.card_kind = make_card(rng)

    def rename_last(self, rng, last):
        self.last = last
        self.email = make_email(rng, self.first, self.last, self.dob.year)
        self.email2 = make_email(rng, self.first, self.last, self.dob.year)

    @property
    def pron(self):
        return ("she", "her", "her") if self.sex == "F" else ("he", "him", "his")


# ---------------------------------------------------------------------------------------------
# Marked text: spans and negatives are wrapped in private-use markers, resolved after serialising
class Doc:
    def __init__(self):
        self.meta = []

    def _wrap(self, text, meta):
        idx = len(self.meta)
        self.meta.append(meta)
        return SPAN_OPEN + chr(IDX_BASE + idx) + text + SPAN_CLOSE

    def span(self, text, entity, spoken, cue, form, value):
        return self._wrap(text, {"t": "span", "entity": entity, "spoken": spoken, "cue": cue,
                                 "form": form, "value": value})

    def neg(self, text, what):
        return self._wrap(text, {"t": "neg", "what": what})


def resolve(marked, doc):
    out = []
    spans, negs = [], []
    pos = 0
    i = 0
    cur = None
    while i < len(marked):
        ch = marked[i]
        if ch == SPAN_OPEN:
            cur = (doc.meta[ord(marked[i + 1]) - IDX_BASE], pos)
            i += 2
            continue
        if ch == SPAN_CLOSE:
            meta, start = cur
            if meta["t"] == "span":
                spans.append({"start": start, "end": pos, "entity": meta["entity"],
                              "spoken": meta["spoken"], "cue": meta["cue"], "form": meta["form"],
                              "value": meta["value"]})
            else:
                negs.append({"start": start, "end": pos, "what": meta["what"]})
            cur = None
            i += 1
            continue
        out.append(ch)
        pos += len(ch.encode("utf-8"))
        i += 1
    return "".join(out), spans, negs


def strip_marks(s):
    return re.sub("\ue000.|\ue001", "", s)


# ---------------------------------------------------------------------------------------------
# Renderers: each returns (text, spoken, form). style: whisper | mixed | lower
def _words_style(style, rng):
    if style == "lower":
        return rng.random() < 0.92
    if style == "mixed":
        return rng.random() < 0.8
    return rng.random() < 0.3


def _zero(rng):
    return rng.choice(["oh", "oh", "zero", "o"])


def _join_groups(groups, rng, style):
    if style == "lower":
        sep = rng.choice([" ", " ", " uh ", " "])
    else:
        sep = rng.choice([", ", " ", "... ", ", "])
    form = {" ": "space", ", ": "comma", "... ": "ellipsis", " uh ": "uh"}[sep]
    return sep.join(groups), form


def r_phone(p, rng, style, written_only=False):
    a, x, n = p[:3], p[3:6], p[6:]
    if written_only or not _words_style(style, rng):
        k = rng.choice(["paren", "dash", "dash", "dot", "plain", "space"])
        t = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s", "plain": "%s%s%s",
             "space": "%s %s %s"}[k] % (a, x, n)
        return t, False, "written_" + k
    z = _zero(rng)
    k = rng.choice(["digits", "digits", "area_pair", "last_pairs", "triple", "double", "mixed_itn", "run"])
    if k == "mixed_itn" and style != "lower":
        t = rng.choice(["%s %s" % (a, " ".join(digit_words(x + n, z))),
                        "%s %s-%s" % (" ".join(digit_words(a, z)), x, n)])
        return t, True, "mixed_digits_words"
    if k == "run":
        return " ".join(digit_words(p, z)), True, "digits_run_" + z
    ga = " ".join(digit_words(a, z))
    gx = " ".join(digit_words(x, z))
    gn = " ".join(digit_words(n, z))
    if k == "area_pair" and a[1] != "0" and a[2] != "0":
        ga = ONES[int(a[0])] + " " + pair_words(a[1:], z)
    if k == "last_pairs":
        gn = pair_words(n[:2], z) + " " + pair_words(n[2:], z)
    if k == "triple":
        gx = "triple five"
    if k == "double":
        gx = "five double five"
    t, sep = _join_groups([ga, gx, gn], rng, style)
    return t, True, "%s_%s_%s" % (k if k != "mixed_itn" else "digits", z, sep)


def r_ssn(s, rng, style, written_only=False):
    a, g, n = s[:3], s[3:5], s[5:]
    if written_only or not _words_style(style, rng):
        k = rng.choice(["dash", "dash", "dash", "space", "plain"])
        return {"dash": "%s-%s-%s", "space": "%s %s %s", "plain": "%s%s%s"}[k] % (a, g, n), False, "written_" + k
    z = _zero(rng)
    k = rng.choice(["digits", "digits", "pairs", "mixed", "digits"])
    if k == "mixed" and style != "lower":
        return "%s %s %s" % (a, g, " ".join(digit_words(n, z))), True, "mixed_digits_words"
    if k == "pairs":
        ga = " ".join(digit_words(a, z)) if a[1] == "0" else ONES[int(a[0])] + " " + pair_words(a[1:], z)
        t, sep = _join_groups([ga, pair_words(g, z), pair_words(n[:2], z) + " " + pair_words(n[2:], z)], rng, style)
        return t, True, "pairs_%s_%s" % (z, sep)
    t, sep = _join_groups([" ".join(digit_words(a, z)), " ".join(digit_words(g, z)),
                           " ".join(digit_words(n, z))], rng, style)
    return t, True, "digits_%s_%s" % (z, sep)


def r_last4(d4, rng, style, written_only=False):
    if written_only or not _words_style(style, rng):
        return d4, False, "last4_digits"
    z = _zero(rng)
    if rng.random() < 0.35 and d4[0] != "0" and d4[2] != "0":
        return pair_words(d4[:2], z) + " " + pair_words(d4[2:], z), True, "last4_pairs"
    return " ".join(digit_words(d4, z)), True, "last4_words_" + z


def r_digits(s, rng, style, written_only=False, group=None):
    """generic number read out (MRN, ZIP, NPI, group-like ids)."""
    if written_only or not _words_style(style, rng):
        if group and rng.random() < 0.4:
            parts, i = [], 0
            for g in group:
                parts.append(s[i:i + g])
                i += g
            return rng.choice(["-", " "]).join(parts), False, "written_grouped"
        return s, False, "written_digits"
    z = _zero(rng)
    k = rng.random()
    if k < 0.55 or len(s) % 2:
        words = digit_words(s, z)
        if style != "lower" and rng.random() < 0.3 and len(s) > 6:
            cut = rng.randint(2, len(s) - 3)
            words = words[:cut] + [rng.choice(["uh", "um", "..."])] + words[cut:]
            t = " ".join(words).replace(" ...", "...")
            return t, True, "digits_%s_filler" % z
        return " ".join(words), True, "digits_" + z
    if k < 0.8:
        return " ".join(pair_words(s[i:i + 2], z) for i in range(0, len(s), 2)), True, "pairs_" + z
    if style != "lower":
        h = len(s) // 2
        return s[:h] + " " + " ".join(digit_words(s[h:], z)), True, "mixed_digits_words"
    return " ".join(digit_words(s, z)), True, "digits_" + z


def r_zip(zp, rng, style, written_only=False):
    if written_only or not _words_style(style, rng):
        return zp, False, "written_zip5"
    z = _zero(rng)
    k = rng.choice(["digits", "digits", "pair_first", "pair_last"])
    if k == "pair_first" and zp[0] != "0":
        return pair_words(zp[:2], z) + " " + " ".join(digit_words(zp[2:], z)), True, "pair_first_" + z
    if k == "pair_last" and zp[3] != "0":
        return " ".join(digit_words(zp[:3], z)) + " " + pair_words(zp[3:], z), True, "pair_last_" + z
    return " ".join(digit_words(zp, z)), True, "digits_" + z


def r_card(c, rng, style, written_only=False):
    groups = [c[:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]
    if written_only or not _words_style(style, rng):
        k = rng.choice(["space", "space", "dash", "plain"])
        return {"space": " ", "dash": "-", "plain": ""}[k].join(groups), False, "written_" + k
    z = _zero(rng)
    k = rng.choice(["digits", "digits", "pairs", "mixed"])
    if k == "mixed" and style != "lower":
        ws = [g if i % 2 == 0 else " ".join(digit_words(g, z)) for i, g in enumerate(groups)]
        return " ".join(ws), True, "mixed_digits_words"
    if k == "pairs" and len(c) == 16:
        ws = [" ".join(pair_words(g[i:i + 2], z) for i in (0, 2)) for g in groups]
    else:
        ws = [" ".join(digit_words(g, z)) for g in groups]
        k = "digits"
    t, sep = _join_groups(ws, rng, style)
    return t, True, "%s_%s_%s" % (k, z, sep)


def r_dob(d, rng, style, written_only=False, json_iso=False):
    if json_iso:
        return d.isoformat(), False, "written_iso"
    if written_only or not _words_style(style, rng):
        k = rng.choice(["mdy", "mdy_nolead", "mdy_short", "month", "month_ord", "month_abbr", "dash"])
        t = {"mdy": "%02d/%02d/%d" % (d.month, d.day, d.year),
             "mdy_nolead": "%d/%d/%d" % (d.month, d.day, d.year),
             "mdy_short": "%d/%d/%02d" % (d.month, d.day, d.year % 100),
             "month": "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
             "month_ord": "%s %s, %d" % (MONTHS[d.month - 1], ord_suffix(d.day), d.year),
             "month_abbr": "%s %d, %d" % (MON_ABBR[d.month - 1], d.day, d.year),
             "dash": "%d-%d-%02d" % (d.month, d.day, d.year % 100)}[k]
        return t, False, "written_" + k
    mon = MONTHS[d.month - 1].lower() if style == "lower" else MONTHS[d.month - 1]
    yr = year_words(d.year, rng)
    k = rng.choice(["month_ord_year", "month_card_yy", "num_mdy", "num_mdy_lead", "the_d_of_m",
                    "month_ord_yy", "digits8", "mixed_ord_digits"])
    if k == "month_ord_year":
        t = "%s %s %s" % (mon, ordinal(d.day), yr)
    elif k == "month_card_yy":
        t = "%s %s %s" % (mon, num_words(d.day), yy_words(d.year))
    elif k == "num_mdy":
        t = "%s %s %s" % (num_words(d.month), num_words(d.day), yy_words(d.year))
    elif k == "num_mdy_lead":
        t = "%s %s %s" % (pair_words("%02d" % d.month), pair_words("%02d" % d.day), yr)
    elif k == "the_d_of_m":
        t = "the %s of %s%s %s" % (ordinal(d.day), mon, "," if style != "lower" else "", yr)
    elif k == "month_ord_yy":
        t = "%s %s %s" % (mon, ordinal(d.day), yy_words(d.year))
    elif k == "digits8":
        t = " ".join(digit_words("%02d%02d%d" % (d.month, d.day, d.year), "oh"))
    else:
        if style == "lower":
            t = "%s %s %s" % (mon, ordinal(d.day), yr)
            k = "month_ord_year"
        else:
            t = "%s %s, %s" % (mon, ord_suffix(d.day), yr.replace(" ", "-", 1) if rng.random() < 0.5 else yr)
    return t, True, k


def r_date(d, rng, style, written_only=False, json_iso=False, with_year=True):
    """admission / discharge dates."""
    if json_iso:
        return d.isoformat(), False, "written_iso"
    if written_only or not _words_style(style, rng):
        k = rng.choice(["mdy", "month", "month_ord", "md"] if not with_year else ["mdy", "month", "month_ord"])
        t = {"mdy": "%d/%d/%d" % (d.month, d.day, d.year),
             "month": "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
             "month_ord": "%s %s" % (MONTHS[d.month - 1], ord_suffix(d.day)),
             "md": "%d/%d" % (d.month, d.day)}[k]
        return t, False, "written_" + k
    mon = MONTHS[d.month - 1].lower() if style == "lower" else MONTHS[d.month - 1]
    if rng.random() < 0.6:
        return "%s %s" % (mon, ordinal(d.day)), True, "month_ord"
    return "the %s of %s" % (ordinal(d.day), mon), True, "the_d_of_m"


def spell_letters(word, rng, style, mode=None):
    mode = mode or rng.choice(["space", "space", "hyphen", "as_in", "comma"])
    letters = [ch for ch in word if ch.isalpha()]
    if mode == "hyphen" and style != "lower":
        return "-".join(ch.upper() for ch in letters), "spelled_hyphen"
    if mode == "as_in":
        parts = []
        for i, ch in enumerate(letters):
            u = ch.upper()
            if i in (0, len(letters) // 2) and u in AS_IN:
                parts.append(("%s as in %s" % (u, AS_IN[u].capitalize())) if style != "lower" else
                             "%s as in %s" % (ch.lower(), AS_IN[u]))
            else:
                parts.append(u if style != "lower" else ch.lower())
        return ", ".join(parts) if style != "lower" else " ".join(parts), "spelled_as_in"
    if mode == "comma" and style != "lower":
        return ", ".join(ch.upper() for ch in letters), "spelled_comma"
    return " ".join(ch.upper() if style != "lower" else ch.lower() for ch in letters), "spelled_space"


def r_alnum(v, rng, style, written_only=False):
    """member IDs, MBIs, lettered MRNs read out."""
    if written_only or not _words_style(style, rng):
        return v, False, "written_alnum"
    z = _zero(rng)
    mode = rng.choice(["letters", "letters", "nato", "as_in"])
    parts = []
    for ch in v:
        if ch.isdigit():
            parts.append(z if ch == "0" else ONES[int(ch)])
        elif mode == "nato":
            parts.append(NATO[ch])
        elif mode == "as_in" and ch in AS_IN and rng.random() < 0.6:
            parts.append("%s as in %s" % (ch if style != "lower" else ch.lower(),
                                          AS_IN[ch] if style == "lower" else AS_IN[ch].capitalize()))
        else:
            parts.append(ch if style != "lower" else ch.lower())
    if style != "lower" and mode == "letters" and rng.random() < 0.4:
        # ASR writes the digit run as digits and keeps the letters
        lead = re.match(r"[A-Z]+", v)
        if lead and v[lead.end():].isdigit():
            return " ".join(lead.group(0)) + " " + v[lead.end():], True, "alnum_letters_digits"
    return " ".join(parts), True, "alnum_%s_%s" % (mode, z)


def r_email(e, rng, style, written_only=False):
    local, dom = e.split("@")
    if written_only or not _words_style(style, rng):
        return e, False, "written_email"
    dname, tld = dom.rsplit(".", 1)

    def say_local(mode):
        out = []
        for chunk in re.findall(r"[a-z]+|[0-9]+|[._]", local):
            if chunk == ".":
                out.append("dot")
            elif chunk == "_":
                out.append("underscore")
            elif chunk.isdigit():
                if len(chunk) == 2 and chunk[0] != "0":
                    out.append(num_words(int(chunk)))
                elif len(chunk) == 4:
                    out.append(num_words(int(chunk[:2])) + " " + num_words(int(chunk[2:])) if chunk[2] != "0"
                               else " ".join(digit_words(chunk, "zero")))
                else:
                    out.append(" ".join(digit_words(chunk, "zero")))
            else:
                if mode == "spell" and len(chunk) > 1:
                    out.append(spell_letters(chunk, rng, style, rng.choice(["space", "hyphen"]))[0])
                else:
                    out.append(chunk)
        return " ".join(out)

    mode = rng.choice(["words", "words", "spell", "partial"])
    if mode == "partial" and style != "lower":
        return "%s at %s" % (local, dom) if rng.random() < 0.5 else "%s at %s dot %s" % (local, dname, tld), True, "email_partial_at"
    if mode == "partial":
        mode = "words"
    t = "%s at %s dot %s" % (say_local(mode), dname, tld)
    return t, True, "email_" + mode


def r_street(p, rng, style, written_only=False):
    h = str(p.house)
    unit = p.unit
    if written_only or not _words_style(style, rng):
        sfx = rng.choice([p.sfx_long, p.sfx_short])
        t = "%s %s %s" % (h, p.street_name, sfx)
        if unit:
            t += ", %s %s" % ({"Apt": rng.choice(["Apt.", "Apartment"]), "Unit": "Unit", "#": "#", "Lot": "Lot"}[unit[0]], unit[1])
            t = t.replace("# ", "#")
        return t, False, "written_street" + ("_unit" if unit else "")
    if len(h) == 2:
        hw, hf = num_words(int(h)), "house_words"
    elif len(h) == 3:
        hw, hf = (ONES[int(h[0])] + " " + pair_words(h[1:]), "house_pairs") if rng.random() < 0.6 else (" ".join(digit_words(h)), "house_digits")
    elif len(h) == 4:
        hw, hf = (pair_words(h[:2]) + " " + (pair_words(h[2:]) if h[2:] != "00" else "hundred"), "house_pairs") if rng.random() < 0.7 else (" ".join(digit_words(h)), "house_digits")
    else:
        hw, hf = (pair_words(h[:2]) + " " + ONES[int(h[2])] + " " + pair_words(h[3:]), "house_pairs") if h[2] != "0" and rng.random() < 0.5 else (" ".join(digit_words(h)), "house_digits")
    name = p.street_name.lower() if style == "lower" else p.street_name
    sfx = p.sfx_long.lower() if style == "lower" else p.sfx_long
    t = "%s %s %s" % (hw, name, sfx)
    if unit:
        uw = {"Apt": "apartment", "Unit": "unit", "#": "number", "Lot": "lot"}[unit[0]]
        uv = unit[1]
        if uv.isdigit():
            uvw = num_words(int(uv)) if len(uv) < 3 else ONES[int(uv[0])] + " " + pair_words(uv[1:])
        else:
            uvw = num_words(int(uv[:-1])) + " " + (uv[-1].lower() if style == "lower" else uv[-1])
        t += (" " if style == "lower" else ", ") + uw + " " + uvw
        hf += "_unit"
    return t, True, hf


# ---------------------------------------------------------------------------------------------
# Style helpers for template text
def sty(style, s):
    """template text in the record's rendering style (never touches marked values)."""
    if style != "lower":
        return s
    parts = re.split("(\ue000.*?\ue001)", s, flags=re.S)
    out = []
    for p in parts:
        if p.startswith(SPAN_OPEN):
            out.append(p)
        else:
            q = p.lower()
            q = re.sub(r"[.,?!;:\"]+(?=\s|$)", "", q)
            q = q.replace("—", " ").replace(" -- ", " ").replace("...", " ")
            q = re.sub(r"[.,?!;:]+$", "", q)
            q = re.sub(r"  +", " ", q)
            out.append(q)
    s2 = "".join(out)
    return re.sub(r"  +", " ", s2).strip()


class Ctx:
    """one record being written."""

    def __init__(self, rng, style, scenario, doc):
        self.rng, self.style, self.scenario, self.doc = rng, style, scenario, doc
        self.turns = []  # (role, marked text)

    def _cap(self, s):
        """punctuated engines capitalise a sentence that starts with a spoken value."""
        if self.style == "lower":
            return s

        def up(m):
            meta = self.doc.meta[ord(m.group(2)[1]) - IDX_BASE] if m.group(2) else None
            if meta and (meta.get("entity") == "EMAIL" or meta.get("t") == "neg"):
                return m.group(0)
            return m.group(1) + m.group(2) + m.group(3).upper()
        return re.sub(r"(^|(?<!\.)[.?!] )(\ue000.|)([a-z])", up, s)

    def a(self, s):
        self.turns.append(("agent", self._cap(sty(self.style, s))))

    def c(self, s):
        self.turns.append(("caller", self._cap(sty(self.style, s))))

    def ivr(self, s):
        self.turns.append(("ivr", self._cap(sty(self.style, s))))

    # --- values
    def v(self, entity, value, cue, render=None, written=False, **kw):
        rng, st = self.rng, self.style
        if entity == "PHONE":
            t, sp, f = r_phone(value, rng, st, written)
        elif entity == "SSN":
            if len(value) == 4:
                t, sp, f = r_last4(value, rng, st, written)
            else:
                t, sp, f = r_ssn(value, rng, st, written)
        elif entity == "DOB":
            t, sp, f = r_dob(value, rng, st, written)
            value = value.isoformat()
        elif entity == "DATE":
            t, sp, f = r_date(value, rng, st, written)
            value = value.isoformat()
        elif entity in ("MRN", "MEMBER_ID", "MBI"):
            if value.isdigit():
                t, sp, f = r_digits(value, rng, st, written)
            else:
                t, sp, f = r_alnum(value, rng, st, written)
        elif entity == "NPI":
            t, sp, f = r_digits(value, rng, st, written, group=(3, 3, 4))
        elif entity == "ZIP":
            t, sp, f = r_zip(value, rng, st, written)
        elif entity == "CARD":
            t, sp, f = r_card(value, rng, st, written)
        elif entity == "EMAIL":
            t, sp, f = r_email(value, rng, st, written)
        elif entity == "STREET":
            t, sp, f = r_street(value, rng, st, written)
            value = "%d %s %s" % (value.house, value.street_name, value.sfx_long) + (
                " %s %s" % value.unit if value.unit else "")
        elif entity == "CITY":
            t, sp, f = (value.lower() if st == "lower" else value), not written, "city"
        elif entity == "NAME":
            t = value.lower() if st == "lower" else value
            sp, f = not written, kw.get("form", "name_full" if " " in value else "name_single")
            if st == "lower":
                f += "_lower"
        else:
            raise ValueError(entity)
        if render is not None:
            t, sp, f = render
        return self.doc.span(t, entity, sp, cue, f, value)

    def name(self, n, cue, spoken=True, form=None):
        t = n.lower() if self.style == "lower" and spoken else n
        f = form or ("name_full" if " " in n else "name_single")
        if self.style == "lower" and spoken:
            f += "_lower"
        return self.doc.span(t, "NAME", spoken, cue, f, n)

    def spelled(self, n, cue):
        t, f = spell_letters(n, self.rng, self.style)
        return self.doc.span(t, "NAME", True, cue, f, n)

    def neg(self, text, what):
        return self.doc.neg(text, what)

    def num(self, n, digits_ok=True):
        """a plain count / amount in the record's style."""
        if self.style == "whisper" and digits_ok and (n >= 10 or self.rng.random() < 0.3):
            return str(n)
        return num_words(n)


# ---------------------------------------------------------------------------------------------
# Hard negatives
MEDS = [("buprenorphine", [8, 12, 16, 24]), ("Suboxone", [8, 16]), ("methadone", [60, 80, 95, 110, 120]),
        ("naltrexone", [50]), ("sertraline", [50, 100, 150]), ("quetiapine", [25, 50, 100, 300]),
        ("lithium", [300, 600, 900]), ("lamotrigine", [100, 200]), ("hydroxyzine", [25, 50]),
        ("gabapentin", [300, 600]), ("fluoxetine", [20, 40]), ("Vivitrol", [380]), ("trazodone", [50, 100])]


def neg_dose(x):
    med, doses = x.rng.choice(MEDS)
    d = x.rng.choice(doses)
    medt = med.lower() if x.style == "lower" else med
    if x.style == "whisper" and x.rng.random() < 0.75:
        amt = "%d %s" % (d, x.rng.choice(["mg", "milligrams"]))
    else:
        amt = "%s milligrams" % num_words(d)
    if med == "Vivitrol":
        return "the %s shot, %s" % (medt, x.neg(amt, "dose"))
    return "%s %s" % (medt, x.neg(amt, "dose"))


def neg_crisis(x, which=None):
    which = which or x.rng.choice(["988", "988", "911"])
    if x.style == "whisper":
        t = which if x.rng.random() < 0.8 else ("nine eight eight" if which == "988" else "nine one one")
    elif x.style == "mixed":
        t = x.rng.choice([which, "nine eight eight" if which == "988" else "nine one one"])
    else:
        t = "nine eight eight" if which == "988" else "nine one one"
    return x.neg(t, "emergency_number")


def neg_time(x):
    h, m = x.rng.choice([(8, 30), (9, 0), (9, 15), (10, 0), (10, 45), (11, 30), (1, 0), (1, 30),
                         (2, 15), (2, 30), (3, 0), (3, 45), (4, 0), (4, 30)])
    ap = "a.m." if h >= 8 and h < 12 else "p.m."
    if x.style == "whisper":
        t = rng_pick(x, ["%d:%02d" % (h, m), "%d:%02d %s" % (h, m, ap), "%d:%02d" % (h, m)])
    else:
        t = num_words(h) + ("" if m == 0 else " " + (pair_words("%02d" % m) if m < 10 else num_words(m)))
        if m == 0:
            t += rng_pick(x, [" o'clock", "", " in the morning" if ap == "a.m." else " in the afternoon"])
    return x.neg(t, "time")


def rng_pick(x, seq):
    return x.rng.choice(seq)


def neg_appt(x):
    day = REF_DAY + datetime.timedelta(days=x.rng.randint(2, 30))
    wd = day.strftime("%A")
    mon = MONTHS[day.month - 1]
    if x.style == "whisper":
        t = rng_pick(x, ["%s, %s %s" % (wd, mon, ord_suffix(day.day)), "%s the %s" % (wd, ord_suffix(day.day)),
                         "%s %d" % (mon, day.day)])
    else:
        t = rng_pick(x, ["%s the %s" % (wd, ordinal(day.day)), "%s %s" % (mon, ordinal(day.day))])
        if x.style == "lower":
            t = t.lower()
    return x.neg(t, "appointment_date")


def neg_days_sober(x):
    n = x.rng.choice([9, 14, 21, 30, 43, 60, 87, 90, 112, 180, 365])
    unit = "days"
    return x.neg("%s %s" % (x.num(n), unit), "duration")


def neg_menu(x, n):
    if x.style == "whisper":
        t = "press %s" % (str(n) if x.rng.random() < 0.6 else ONES[n])
    else:
        t = "press %s" % ONES[n]
    return x.neg(t, "menu_option")


def neg_group(x):
    g = rng_pick(x, ["%07d" % x.rng.randint(1000, 999999), "%05d" % x.rng.randint(100, 99999),
                     "G%d" % x.rng.randint(10000, 99999)])
    if x.style != "whisper" and g.isdigit():
        t = " ".join(digit_words(g, rng_pick(x, ["oh", "zero"])))
    else:
        t = g
    return x.neg(t, "group_number")


def neg_auth(x):
    a = "%d" % x.rng.randint(10000000, 99999999)
    if x.style == "whisper":
        t = rng_pick(x, ["PA" + a[:7], a, "A-" + a[:6]])
    else:
        t = " ".join(digit_words(a[:7], "zero"))
    return x.neg(t, "authorization_number")


def neg_agency(x):
    a = rng_pick(x, ["%d" % x.rng.randint(1000, 9999), "%d-%02d" % (x.rng.randint(10, 99), x.rng.randint(1, 99))])
    if x.style == "whisper":
        t = a
    else:
        t = " ".join(digit_words(a.replace("-", ""), "oh"))
    return x.neg(t, "agency_number")


def neg_conf(x):
    c = "%s%d" % ("".join(x.rng.choice("BCDFGHKMPRTX") for _ in range(2)), x.rng.randint(1000, 9999))
    t = c if x.style == "whisper" else " ".join(ch.lower() if ch.isalpha() else ONES[int(ch)] for ch in c)
    return x.neg(t, "confirmation_number")


def neg_ext(x):
    e = x.rng.choice([214, 302, 117, 4410, 260, 5521])
    t = str(e) if x.style == "whisper" else (" ".join(digit_words(str(e))) if e > 999 else num_words(e) if e % 100 < 20 else ONES[e // 100] + " " + pair_words(str(e)[1:]))
    return x.neg(t, "extension")


def neg_money(x):
    n = x.rng.choice([25, 30, 35, 40, 50, 75])
    if x.style == "whisper":
        return x.neg("$%d" % n, "money")
    return x.neg("%s dollars" % num_words(n), "money")


def neg_age(x, n):
    return x.neg(x.num(n), "age")


# ---------------------------------------------------------------------------------------------
# Carrier exchanges: MTS-Dialog training set (CC BY 4.0), IDs given; "Doctor" -> agent,
# "Patient" -> caller. Used verbatim (trailing spaces trimmed) in the clinical middle of calls.
CARRIER = [
    ("mts-train-192", [("a", "Do you smoke cigarettes?"), ("c", "Yes."),
                       ("a", "Do you drink alcohol or use recreational drugs?"),
                       ("c", "Yes, I have been in and out of treatment. I am not doing so well with staying clean."),
                       ("a", "What substances do you use?"),
                       ("c", "I drink, and I did some coke today. I have been in treatment for heroin and alcohol.")]),
    ("mts-train-57", [("a", "Have you had any anxiety attacks lately?"), ("c", "No."),
                      ("a", "Have you felt depressed or had any mood swing problems?"), ("c", "No."),
                      ("a", "Any phobias?"), ("c", "No, not really.")]),
    ("mts-train-350", [("a", "Any history of smoking?"), ("c", "Uh yeah, but I quit in two thousand seven."),
                       ("a", "Any other drugs?"), ("c", "I used to do coke, but I quit that in two thousand five."),
                       ("a", "And any history of drinking?"),
                       ("c", "Um I used to drink one pint per day, but I quit drinking more than ten years ago.")]),
    ("mts-train-212", [("a", "What is your living status? Do you live alone or with family?"),
                       ("c", "I live with my boyfriend."), ("a", "Do you drink?"), ("c", "I do take beer."),
                       ("a", "How many do you drink a day?"), ("c", "I take around six bottles once a week.")]),
    ("mts-train-135", [("a", "Do you use tobacco products, alcohol, or recreational drugs, miss?"),
                       ("c", "I have a drink every once and a while."),
                       ("a", "How many drinks do you consume in a week?"),
                       ("c", "I don't even drink that often. I probably have one drink per month.")]),
    ("mts-train-153", [("a", "Do you smoke? Have you ever taken any Illicit drug?"), ("c", "No, none of them."),
                       ("a", "What about alcohol?"),
                       ("c", "I don't take any now. I was a heavy drinker, but I quit in the seventies.")]),
    ("mts-train-53", [("a", "How have you been feeling? Is the Wellbutrin keeping your mood stabilized?"),
                      ("c", "I have been feeling good. The Wellbutrin is working well for me."),
                      ("a", "It is important to not consume any alcohol or recreational drugs while taking Wellbutrin."),
                      ("c", "I don't drink or do drugs.")]),
    ("mts-train-197", [("a", "Have you not been feeling good other days?"),
                       ("c", "I have been feeling nervous and having some anxiety lately."),
                       ("a", "How often do you feel this way?"), ("c", "It comes and goes.")]),
]


def add_carrier(x, used):
    cid, turns = x.rng.choice([c for c in CARRIER if x.pat.sex == "F" or "miss" not in c[1][0][1]])
    used.append(cid)
    k = x.rng.choice([len(turns), len(turns), 4 if len(turns) >= 4 else len(turns)])
    for role, s in turns[:k]:
        (x.a if role == "a" else x.c)(s)


# ---------------------------------------------------------------------------------------------
# Distress, rambling and filler lines (no PHI)
RAMBLE = [
    "Sorry, I'm, I'm kind of all over the place right now.",
    "I haven't really slept, so if I'm not making sense just tell me.",
    "My hands are shaking, hold on, I'm trying to find the paper.",
    "I just, I need somebody to call me back, I can't do another night like last night.",
    "Okay. Okay. Sorry. Go ahead.",
    "Can you hold on one second, my phone's about to die, let me plug it in.",
    "I already told the other lady all of this, I'm sorry, I'm just frustrated.",
    "I don't want to go back to the ER, they just sit you in the hallway.",
]


def ramble(x):
    return x.rng.choice(RAMBLE)


# ---------------------------------------------------------------------------------------------
# Entity exchanges
def who(x):
    """how the agent refers to the patient: your / his / her."""
    return "your" if not x.third else x.pat.pron[2]


def ex_name_spell(x):
    x.a("And can you spell %s last name for me?" % who(x))
    x.c("%s." % x.spelled(x.pat.last, "prev") if x.rng.random() < 0.6 else
        "Yeah, it's %s." % x.spelled(x.pat.last, "prev"))


def ex_dob(x):
    w = who(x)
    x.a(x.rng.choice(["Can I get %s date of birth?" % w, "What's %s date of birth?" % w,
                      "And %s birthday?" % w, "Date of birth, please?"]))
    r = x.rng.random()
    if r < 0.45:
        x.c("%s." % x.v("DOB", x.pat.dob, "prev"))
    elif r < 0.75:
        lead = "My birthday is" if not x.third else x.rng.choice(["%s birthday is" % x.pat.pron[2].capitalize(), "%s was born" % x.pat.pron[0].capitalize()])
        x.c("%s %s." % (lead, x.v("DOB", x.pat.dob, "same")))
    else:
        x.c("Um, %s. Sorry, %s." % (x.v("DOB", x.pat.dob, "prev"), ramble(x).lower().rstrip(".")))
        x.a("No problem. I have %s, is that right?" % x.v("DOB", x.pat.dob, "prev"))
        x.c("Yes.")


def ex_phone(x):
    owner = x.caller
    x.a(x.rng.choice(["What's the best number to reach you at?",
                      "And a good callback number, in case we get disconnected?",
                      "What number should we call you back on?"]))
    r = x.rng.random()
    if r < 0.35:
        x.c("%s." % x.v("PHONE", owner.phone, "prev"))
    elif r < 0.6:
        x.c("%s %s." % (x.rng.choice(["My cell is", "My cell phone is", "The cell number is"]), x.v("PHONE", owner.phone, "same")))
    elif r < 0.8:
        x.c("Okay so it's %s, no wait, that's my old number, I got a new phone when I moved. The new number is %s."
            % (x.v("PHONE", owner.old_phone, "same"), x.v("PHONE", owner.phone, "same")))
        x.a("Got it, so not the first one.")
        x.c("Right, the new one.")
    else:
        x.c("%s." % x.v("PHONE", owner.phone, "prev"))
        x.a("Sorry, you cut out a little. Can you say that one more time, slowly?")
        x.c("%s." % x.v("PHONE", owner.phone, "prev"))
    if x.rng.random() < 0.2:
        x.a("Okay.")
        x.c("Oh, and %s. You can try that one too, if I don't pick up, I'm %s." % (
            x.v("PHONE", owner.old_phone, "none"), x.rng.choice(["at my mom's a lot", "at work till five", "bad about answering"])))
    if x.rng.random() < 0.4:
        x.a("Okay, I have %s. And is it okay to leave a voicemail there?" % x.v("PHONE", owner.phone, "prev"))
        x.c(x.rng.choice(["Yes, that's fine.", "Yeah, but don't say where you're calling from, please.",
                          "Text is better, but yes."]))


def ex_ssn(x, last4=None):
    w = who(x)
    if last4 is None:
        last4 = x.rng.random() < 0.4
    if last4:
        x.a("To verify, can I get the last four of %s Social?" % w)
        if x.rng.random() < 0.6:
            x.c("%s." % x.v("SSN", x.pat.ssn[-4:], "prev"))
        else:
            x.c("Last four is %s." % x.v("SSN", x.pat.ssn[-4:], "same"))
        return
    x.a("For the sliding-fee application I'll need %s Social Security number. Is that okay?" % w)
    r = x.rng.random()
    if r < 0.4:
        x.c("Yeah. %s." % x.v("SSN", x.pat.ssn, "prev"))
    elif r < 0.7:
        x.c("%s %s." % ("My Social is" if not x.third else "%s Social is" % x.pat.pron[2].capitalize(),
                         x.v("SSN", x.pat.ssn, "same")))
    else:
        x.c("Um, do you need the whole thing? I don't like giving that over the phone.")
        x.a("I understand. It's only used for the funding application, and it stays in %s chart." % w)
        x.c("Okay. %s." % x.v("SSN", x.pat.ssn, "prev"))
        x.a("Thank you. Let me read that back: %s." % x.v("SSN", x.pat.ssn, "prev"))
        x.c("That's it.")


def ex_mrn(x):
    w = who(x)
    x.a("Do you have %s medical record number? It's on the after-visit summary, top right corner." % w)
    r = x.rng.random()
    if r < 0.4:
        x.c("Hold on, let me find it... okay, it says %s." % x.v("MRN", x.pat.mrn, "prev"))
    elif r < 0.75:
        x.c("%s %s." % (x.rng.choice(["Yeah, the MRN is", "The chart number is", "MRN"]), x.v("MRN", x.pat.mrn, "same")))
    else:
        x.c("%s." % x.v("MRN", x.pat.mrn, "prev"))
        x.a("Let me repeat that back: %s?" % x.v("MRN", x.pat.mrn, "prev"))
        x.c("Yes.")


def ex_address(x, zip_only=False):
    p = x.pat if not x.caller_is_other else x.caller
    if zip_only or x.rng.random() < 0.35:
        x.a("And what zip code %s?" % ("are you in" if not x.third else "does %s live in" % x.pat.pron[0]))
        if x.rng.random() < 0.6:
            x.c("%s." % x.v("ZIP", p.zip, "prev"))
        else:
            x.c("Zip is %s. It's %s." % (x.v("ZIP", p.zip, "same"), x.v("CITY", p.city, "same")))
        return
    x.a("What's the current address?")
    if x.rng.random() < 0.5:
        x.c("%s, %s, %s." % (x.v("STREET", p, "prev"), x.v("CITY", p.city, "prev"), x.v("ZIP", p.zip, "prev")))
    else:
        x.c("Right now I'm staying at my %s place, it's %s in %s, %s %s."
            % (x.rng.choice(["sister's", "mom's", "cousin's", "friend's"]), x.v("STREET", p, "same"),
               x.v("CITY", p.city, "same"), p.state if x.style == "whisper" else p.state.lower(),
               x.v("ZIP", p.zip, "same")))
    if x.rng.random() < 0.5:
        x.a("And the zip again?")
        x.c("%s." % x.v("ZIP", p.zip, "prev"))


def ex_email(x):
    owner = x.caller
    x.a(x.rng.choice(["Do you have an email address for the patient portal?",
                      "What email should I send the intake paperwork to?",
                      "Is there an email we can send the safety plan and resources to?"]))
    r = x.rng.random()
    if r < 0.4:
        x.c("Yeah, it's %s." % x.v("EMAIL", owner.email, "prev"))
    elif r < 0.7:
        x.c("My email is %s." % x.v("EMAIL", owner.email, "same"))
    else:
        x.c("Um, %s. Actually, no, use my other email, %s, I don't check the first one anymore."
            % (x.v("EMAIL", owner.email2, "prev"), x.v("EMAIL", owner.email, "same")))
        x.a("Okay, so %s." % x.v("EMAIL", owner.email, "prev"))
        x.c("Yes.")


def ex_card(x):
    x.a("The intake assessment is self-pay today, %s, and you'd get reimbursed if the insurance goes through. "
        "What card would you like to use?" % neg_money(x))
    brand = {"visa": "Visa", "mc": "Mastercard", "disc": "Discover", "amex": "American Express"}[x.caller.card_kind]
    if x.rng.random() < 0.5:
        x.c("It's a %s, %s." % (brand if x.style != "lower" else brand.lower(),
                               x.v("CARD", x.caller.card, "same")))
    else:
        x.c("Hold on, I'm reading it off, the light's bad in here. Okay, %s." % x.v("CARD", x.caller.card, "prev"))
    if x.rng.random() < 0.4:
        x.a("Let me read that back, %s." % x.v("CARD", x.caller.card, "prev"))
        x.c("Yep.")
    x.a("Thank you, and I'll take the expiration and security code on the secure line in a second.")


def ex_member(x):
    x.a("What insurance does %s have, and what's the member ID on the card?" % ("the patient" if x.third else "she" if False else "you"))
    plan = x.rng.choice(["CareSource", "Medicaid", "Molina", "Aetna Better Health", "Blue Cross", "UnitedHealthcare Community Plan"])
    planw = plan.lower() if x.style == "lower" else plan
    if x.rng.random() < 0.5:
        x.c("It's %s. Member ID is %s, and there's a group number too, %s." % (
            planw, x.v("MEMBER_ID", x.pat.member, "same"), neg_group(x)))
    else:
        x.c("%s. Um." % planw.capitalize() if x.style != "lower" else "%s um" % planw)
        x.a("And the ID number on the front?")
        x.c("%s." % x.v("MEMBER_ID", x.pat.member, "prev"))
        x.a("Is there a group number?")
        x.c("%s." % neg_group(x))


def ex_mbi(x):
    w = who(x)
    x.a("Is %s on Medicare? I'd need the Medicare number off the red, white and blue card." % ("the client" if x.third else "you"))
    if x.rng.random() < 0.5:
        x.c("Yes. %s Medicare number is %s." % ("Her" if x.pat.sex == "F" else "His" if x.third else "My",
                                                x.v("MBI", x.pat.mbi, "same")))
    else:
        x.c("Yeah, hold on. %s." % x.v("MBI", x.pat.mbi, "prev"))
        if x.rng.random() < 0.5:
            x.a("Let me read that back: %s." % x.v("MBI", x.pat.mbi, "prev"))
            x.c("Correct.")


def ex_npi(x):
    x.a("Who's the referring prescriber, and do you have their NPI?")
    x.c("It's Dr. %s over at the %s clinic. The NPI is %s." % (
        x.name(x.provider, "same"), x.rng.choice(["county", "Eastside", "community", "FQHC"]),
        x.v("NPI", x.npi, "same")))
    if x.rng.random() < 0.35:
        x.a("I have %s for the NPI." % x.v("NPI", x.npi, "prev"))
        x.c("Yes.")


def ex_dates(x):
    adm = REF_DAY - datetime.timedelta(days=x.rng.randint(8, 40))
    dis = adm + datetime.timedelta(days=x.rng.randint(3, 12))
    x.a("When were %s discharged from the inpatient unit?" % ("you" if not x.third else "they"))
    if x.rng.random() < 0.5:
        x.c("%s." % x.v("DATE", dis, "prev"))
    else:
        x.c("%s was admitted on %s and discharged on %s." % ("I" if not x.third else x.pat.pron[0].capitalize(),
                                                           x.v("DATE", adm, "same"), x.v("DATE", dis, "same")))
    return adm, dis


EXCHANGES = {"DOB": ex_dob, "PHONE": ex_phone, "SSN": ex_ssn, "MRN": ex_mrn, "ZIP": ex_address,
             "EMAIL": ex_email, "CARD": ex_card, "MEMBER_ID": ex_member, "MBI": ex_mbi, "NPI": ex_npi,
             "DATE": ex_dates}


# ---------------------------------------------------------------------------------------------
# Scenario openers and middles
def opener(x):
    sc, org = x.scenario, x.org
    ag = x.agent
    if sc == "psych_scheduling" and x.rng.random() < 0.6:
        x.ivr("Thank you for calling %s. If this is a medical emergency, hang up and dial %s. If you are in "
              "crisis, call or text %s. For new patient appointments, %s. For prescription refills, %s. "
              "For billing, %s." % (org, neg_crisis(x, "911"), neg_crisis(x, "988"), neg_menu(x, 1),
                                    neg_menu(x, 2), neg_menu(x, 3)))
    if sc == "crisis_followup":
        x.a("Hi, this is %s calling from %s. I'm following up on a call to %s last night. Am I speaking with %s?"
            % (x.name(ag, "same"), org, neg_crisis(x, "988"), x.name(x.pat.first, "same")))
        x.c("Yeah, this is %s." % x.name(x.pat.first, "prev") if x.rng.random() < 0.5 else "Yeah. Yeah, that's me.")
        x.a("Thanks for picking up. How are you doing this morning?")
        x.c(x.rng.choice(["Honestly not great. But better than last night.",
                          "I'm okay. I slept a little. I didn't think anybody would actually call back.",
                          "Tired. Embarrassed, kind of. I don't usually do that."]))
        x.a("I'm really glad you reached out. Before we talk, I need to verify who I'm speaking with.")
        return
    x.a("Thank you for calling %s, this is %s. How can I help you?" % (org, x.name(ag, "same")))
    if x.third:
        rel = x.rel
        if x.rng.random() < 0.5:
            x.c("Hi, yes, my name is %s, I'm calling for my %s, %s. %s" % (
                x.name(x.caller.first + " " + x.caller.last, "same"), rel, x.name(x.pat.first + " " + x.pat.last, "same"),
                x.third_reason))
        else:
            # run-on opener, values unannounced
            x.c("Yeah hi, um, I'm calling about my %s, %s, %s, and I don't even know if I'm calling the right place. %s "
                "Sorry, I'm talking fast." % (rel, x.name(x.pat.first + " " + x.pat.last, "same"),
                                              x.v("DOB", x.pat.dob, "none"), x.third_reason))
            x.dob_done = True
            x.a("Okay, slow down, you're in the right place. And what's your name?")
            role = {"parent_call": "mom" if x.caller.sex == "F" else "dad", "case_worker": "case manager"}.get(
                x.scenario, "")
            if role:
                x.c("%s. I'm %s %s." % (x.name(x.caller.first + " " + x.caller.last, "prev"), x.pat.pron[2], role))
            else:
                x.c("%s." % x.name(x.caller.first + " " + x.caller.last, "prev"))
        x.a("Okay. I'm sorry you're dealing with this. Let's get some information." if x.scenario != "case_worker"
            else "Thanks. Let's get the referral started.")
        return
    r = x.rng.random()
    if r < 0.4:
        x.c("Yeah hi. %s. %s. I'm calling about %s." % (
            x.name(x.pat.first + " " + x.pat.last, "none"), x.v("DOB", x.pat.dob, "none"), x.reason))
        x.dob_done = True
        x.a("Okay, thank you, %s." % x.name(x.pat.first, "prev"))
    else:
        x.c("Hi, um, my name is %s and I'm calling about %s. %s" % (
            x.name(x.pat.first + " " + x.pat.last, "same"), x.reason, ramble(x) if x.rng.random() < 0.5 else ""))
        x.a("That's okay, take your time. You did the right thing calling.")


def middle(x):
    sc = x.scenario
    rng = x.rng
    if sc == "sud_intake" and x.third:
        s0, o, ps = x.pat.pron
        x.a("Is %s safe right now? If %s's having thoughts of hurting %sself, %s can call or text %s, or you call %s if it's an emergency."
            % (s0, s0, o if o == "him" else "her", s0, neg_crisis(x, "988"), neg_crisis(x, "911")))
        x.c("%s's here with me. %s's sick, %s's sweating and throwing up, but %s's safe." % (s0.capitalize(), s0.capitalize(), s0, s0))
        x.a("When did %s last use?" % s0)
        x.c("Last night, around %s I think. %s had %s clean and then it just, it all fell apart again." % (
            neg_time(x), s0.capitalize(), neg_days_sober(x)))
        x.a("Is %s on any medication for it?" % s0)
        x.c("%s was on %s from the clinic but %s missed like %s doses." % (
            s0.capitalize(), neg_dose(x), s0, x.neg(x.num(rng.randint(2, 6), False), "count")))
    elif sc == "psych_scheduling" and x.third:
        s0, o, ps = x.pat.pron
        x.a("What's going on with %s?" % o)
        x.c("%s stopped taking %s %s about a month ago and %s's not sleeping. %s's %s, and I can't keep doing this by myself." % (
            s0.capitalize(), ps, neg_dose(x), s0, s0.capitalize(), neg_age(x, age_on(x.pat.dob))))
        x.a("Okay. The first opening with a prescriber is %s at %s. Can %s come in then?" % (neg_appt(x), neg_time(x), s0))
        x.c("Yes. I'll bring %s myself." % o)
    elif sc == "sud_intake":
        x.a("First, are you safe right now? If you're ever having thoughts of hurting yourself you can call or "
            "text %s, or %s if it's an emergency." % (neg_crisis(x, "988"), neg_crisis(x, "911")))
        x.c(rng.choice(["Yeah, I'm safe. I'm just sick.", "I'm safe. I just need to get in somewhere.",
                        "I'm okay. I'm not gonna do anything."]))
        x.a("When did you last use, and how much?")
        x.c("This morning, like around %s. I was %s sober before this, and then I just, I don't know." % (
            neg_time(x), neg_days_sober(x)))
        x.a("Are you on any medications right now, anything for withdrawal?")
        x.c("They had me on %s at the clinic but I ran out %s days ago." % (
            neg_dose(x), x.neg(x.num(rng.randint(2, 6), False), "count")))
    elif sc == "crisis_followup":
        x.a("Are you having any thoughts of suicide right now?")
        x.c(rng.choice(["No. Not right now.", "Not like last night. No.", "No, I'm not going to do anything."]))
        x.a("Okay. Did you get a chance to look at the safety plan we went over?")
        x.c("Yeah, I put it on the fridge. I called my sister like you said. I %s it helps." % x.neg("hope", "common_word"))
        x.a("That's really good. How many hours did you sleep?")
        x.c("Maybe %s. I took the %s they gave me." % (x.neg(x.num(rng.randint(2, 5), False), "count"), neg_dose(x)))
    elif sc == "psych_scheduling":
        x.c("I was referred for medication management. My therapist thinks I need something for the anxiety. I'm %s." %
            neg_age(x, age_on(x.pat.dob)))
        x.a("Okay. The earliest new-patient slot I have is %s at %s. Would that work?" % (neg_appt(x), neg_time(x)))
        x.c(rng.choice(["Yes, I'll make it work.", "Is there anything sooner? No? Okay, yes.",
                        "I work until three, is there anything later? Okay, fine, I'll take it."]))
    elif sc == "parent_call":
        x.a("How old is %s?" % x.pat.pron[0])
        x.c("%s just turned %s. %s %s been using, I found vapes and pills in %s room, and last night %s said %s didn't want to be here anymore." % (
            x.pat.pron[0].capitalize(), neg_age(x, age_on(x.pat.dob)), x.pat.pron[0].capitalize(),
            "has", x.pat.pron[2], x.pat.pron[0], x.pat.pron[0]))
        x.a("Thank you for telling me. Is %s safe right now? If that happens again you can call %s, and for an emergency, %s." % (
            x.pat.pron[0], neg_crisis(x, "988"), neg_crisis(x, "911")))
        x.c("%s's asleep. I took the car keys and all the pills out of the house." % x.pat.pron[0].capitalize())
    elif sc == "case_worker":
        x.a("And you're with which agency?")
        x.c("Eastside Community Supports. Our agency number is %s if you need it for the referral. I'm %s's case manager." % (
            neg_agency(x), x.name(x.pat.first, "prev")))
        x.a("Got it. Does %s have a prior authorization for the program?" % x.pat.pron[0])
        x.c("Yes, the authorization number is %s, it's good for %s days." % (neg_auth(x), x.neg(x.num(30), "duration")))
    elif sc == "discharge_followup":
        x.a("How have you been since you got out?")
        x.c("Okay. Up and down. They started me on %s and it makes me really tired." % neg_dose(x))
        x.a("That's common the first couple weeks. You can call the nurse line, extension %s, if it doesn't let up." % neg_ext(x))


def closing(x, extra_vals):
    rng = x.rng
    sc = x.scenario
    if sc in ("sud_intake", "parent_call", "case_worker"):
        x.a("Okay. I have an assessment opening %s at %s. Your confirmation number is %s." % (
            neg_appt(x), neg_time(x), neg_conf(x)))
    elif sc == "crisis_followup":
        x.a("I'd like to check in again %s. Would around %s work?" % (neg_appt(x), neg_time(x)))
    elif sc == "discharge_followup":
        x.a("Your follow-up with Dr. %s is %s at %s." % (x.name(x.provider, "same"), neg_appt(x), neg_time(x)))
    else:
        x.a("You're all set. You'll get a reminder text two days before. If you need to cancel, call us back and %s." % neg_menu(x, rng.randint(1, 4)))
    x.c(rng.choice(["Okay. Thank you. Really.", "Thank you so much.", "Okay, thanks, bye.",
                    "Okay. I %s be there." % x.neg("will", "common_word"),
                    "Thanks. Sorry I was all over the place."]))
    x.a(rng.choice(["Take care of yourself. Bye now.", "You're welcome. Call us anytime.",
                    "Of course. Take care.", "We'll talk soon. Bye."]))


SCENARIOS = ["sud_intake", "crisis_followup", "psych_scheduling", "parent_call", "case_worker",
             "discharge_followup"]
SCEN_ENT = {  # entities a scenario can plausibly collect
    "sud_intake": ["DOB", "PHONE", "SSN", "ZIP", "EMAIL", "CARD", "MEMBER_ID", "MRN"],
    "crisis_followup": ["DOB", "PHONE", "ZIP", "EMAIL", "SSN", "MRN"],
    "psych_scheduling": ["DOB", "MRN", "PHONE", "EMAIL", "CARD", "MEMBER_ID", "NPI", "ZIP", "SSN"],
    "parent_call": ["DOB", "PHONE", "ZIP", "EMAIL", "MEMBER_ID", "SSN", "CARD", "MRN"],
    "case_worker": ["DOB", "MBI", "SSN", "PHONE", "ZIP", "MRN", "NPI", "DATE", "MEMBER_ID"],
    "discharge_followup": ["DATE", "MRN", "DOB", "PHONE", "ZIP", "EMAIL", "SSN", "CARD"],
}
ORDER = ["DOB", "SSN", "MRN", "PHONE", "ZIP", "EMAIL", "MEMBER_ID", "MBI", "NPI", "DATE", "CARD"]
REASONS = {"sud_intake": ["getting into detox", "the intensive outpatient program", "starting Suboxone",
                          "a bed, my counselor said you had openings"],
           "crisis_followup": ["the follow-up"],
           "psych_scheduling": ["scheduling a new patient appointment", "getting in with a psychiatrist",
                                "moving my med check appointment"],
           "discharge_followup": ["my follow-up after the hospital", "my discharge paperwork and the follow-up"]}
THIRD = {"parent_call": [("son", "M", True), ("daughter", "F", True)],
         "case_worker": [("client", None, False)],
         "sud_intake": [("husband", "M", False), ("girlfriend", "F", False), ("brother", "M", False),
                        ("son", "M", False)],
         "psych_scheduling": [("wife", "F", False), ("mother", "F", "older"), ("husband", "M", False)]}
THIRD_REASON = {"parent_call": "The ER said to call you about an assessment.",
                "case_worker": "I'm trying to get a referral in for the outpatient program.",
                "sud_intake": "{S} finally said {s}'s ready to go to treatment, and I don't want to lose the window.",
                "psych_scheduling": "{S} needs to get back in with the psychiatrist, {s} stopped {p} meds."}


def build_conversation(rng, style, scenario, ents, doc):
    x = Ctx(rng, style, scenario, doc)
    x.org = rng.choice(ORGS[scenario])
    x.agent = rng.choice(AGENTS)
    x.provider = rng.choice(PROVIDERS)
    x.npi = make_npi(rng)
    x.third = False
    x.caller_is_other = False
    x.dob_done = False
    x.carrier = []
    third_opts = THIRD.get(scenario)
    if scenario in ("parent_call", "case_worker") or (third_opts and rng.random() < 0.3):
        rel, sex, teen = rng.choice(third_opts)
        x.third = True
        x.rel = rel
        x.pat = Person(rng, teen=teen, sex=sex)
        x.caller = Person(rng)
        if scenario == "parent_call":
            if rng.random() < 0.7:
                x.caller.rename_last(rng, x.pat.last)
        x.third_reason = THIRD_REASON[scenario].format(S=x.pat.pron[0].capitalize(), s=x.pat.pron[0], p=x.pat.pron[2])
        x.caller_is_other = scenario != "case_worker" and rng.random() < 0.5
        if scenario == "case_worker":
            x.caller.phone = x.pat.phone  # callback for the client
    else:
        x.pat = Person(rng)
        x.caller = x.pat
    x.reason = rng.choice(REASONS.get(scenario, ["an appointment"]))
    opener(x)
    if not x.third or rng.random() < 0.5:
        ex_name_spell(x) if rng.random() < 0.45 else None
    order = [e for e in ORDER if e in ents]
    mid_at = rng.randint(0, max(0, len(order) - 1))
    for i, e in enumerate(order):
        if i == mid_at:
            middle(x)
            if rng.random() < 0.55 and not x.third:
                add_carrier(x, x.carrier)
        if e == "DOB" and x.dob_done:
            continue
        if e in ("ZIP",):
            ex_address(x)
        else:
            EXCHANGES[e](x)
        if rng.random() < 0.15:
            x.c(ramble(x))
            x.a("That's okay. We're almost done.")
    if not order:
        middle(x)
    closing(x, ents)
    return x


# ---------------------------------------------------------------------------------------------
# Rendering conversations: transcripts and vendor payloads
LABELS = {
    "whisper": [("Agent:", "Caller:", "IVR:"), ("Intake:", "Caller:", "Recording:"),
                ("SPEAKER_00:", "SPEAKER_01:", "SPEAKER_02:"), ("Speaker 1:", "Speaker 2:", "Speaker 3:"),
                ("[agent]", "[caller]", "[ivr]"), ("Staff:", "Caller:", "System:")],
    "mixed": [("Agent:", "Caller:", "IVR:"), ("Speaker 0:", "Speaker 1:", "Speaker 2:"),
              ("[agent]", "[caller]", "[ivr]")],
    "lower": [("spk_0:", "spk_1:", "spk_2:"), ("ch_0:", "ch_1:", "ch_2:"), ("agent:", "customer:", "ivr:"),
              ("[agent]", "[caller]", "[ivr]"), ("speaker 1:", "speaker 2:", "speaker 3:")],
}


def render_transcript(x, rng):
    labs = rng.choice(LABELS[x.style])
    if x.scenario == "crisis_followup" and labs[0] == "Agent:":
        labs = ("Counselor:", "Caller:", "IVR:")
    stamps = rng.random() < 0.35
    t = rng.randint(0, 4)
    lines = []
    for role, s in x.turns:
        lab = {"agent": labs[0], "caller": labs[1], "ivr": labs[2]}[role]
        pre = ""
        if stamps:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += rng.randint(3, 19) + len(strip_marks(s)) // 18
        lines.append("%s%s %s" % (pre, lab, s))
    return "\n".join(lines)


def uid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def written_summary(x, rng):
    """LLM-written post-call summary with written values; returns (summary, structured dict)."""
    d = x.doc
    p, c = x.pat, x.caller
    W = lambda ent, val, cue="same": x.v(ent, val, cue, written=True)
    name = d.span("%s %s" % (p.first, p.last), "NAME", False, "same", "name_full_written", "%s %s" % (p.first, p.last))
    parts = []
    st = {}
    if x.third:
        cname = d.span("%s %s" % (c.first, c.last), "NAME", False, "same", "name_full_written", "%s %s" % (c.first, c.last))
        cposs = "her" if c.sex == "F" else "his"
        if x.scenario == "case_worker":
            parts.append("Case manager %s (Eastside Community Supports) called to refer %s client %s." % (cname, cposs, name))
        else:
            parts.append(rng.choice(["%s called on behalf of %s %s, %s." % (cname, cposs, x.rel, name),
                                     "Third-party call: %s's %s %s phoned about the patient, %s." % (
                                         x.pat.first, {"son": "parent", "daughter": "parent"}.get(x.rel, "family member"), cname, name)]))
        st["caller_name"] = d.span("%s %s" % (c.first, c.last), "NAME", False, "same", "name_full_written", "%s %s" % (c.first, c.last))
        st["relationship"] = x.rel
    elif x.scenario == "crisis_followup":
        parts.append("Outbound follow-up to %s after a crisis-line contact the previous night; caller denies current SI." % name)
    else:
        parts.append(rng.choice(["%s called %s." % (name, x.org if not x.org.startswith("the ") else x.org[4:]),
                                 "Patient %s called the %s line." % (name, "intake" if x.scenario == "sud_intake" else "scheduling")]))
    st["patient_name"] = d.span("%s %s" % (p.first, p.last), "NAME", False, "same", "name_full_written", "%s %s" % (p.first, p.last))
    ents = x.ents
    if "DOB" in ents or x.dob_done:
        parts.append(rng.choice(["DOB %s.", "Date of birth %s.", "Born %s."]) % W("DOB", p.dob))
        st["date_of_birth"] = d.span(p.dob.isoformat(), "DOB", False, "same", "written_iso", p.dob.isoformat())
    if "PHONE" in ents:
        parts.append(rng.choice(["Best callback number is %s.", "Callback: %s.", "Call back at %s (okay to leave voicemail)."]) % W("PHONE", c.phone))
        st["callback_number"] = d.span("+1" + c.phone, "PHONE", False, "same", "written_e164", c.phone)
    if "SSN" in ents and rng.random() < 0.5:
        st["ssn_last4"] = d.span(p.ssn[-4:], "SSN", False, "same", "last4_digits", p.ssn[-4:])
    if "MRN" in ents:
        parts.append("MRN %s." % W("MRN", p.mrn))
        st["mrn"] = d.span(p.mrn, "MRN", False, "same", "written_digits" if p.mrn.isdigit() else "written_alnum", p.mrn)
    if "ZIP" in ents:
        st["zip"] = d.span(p.zip if not x.caller_is_other else c.zip, "ZIP", False, "same", "written_zip5",
                           p.zip if not x.caller_is_other else c.zip)
    if "EMAIL" in ents:
        parts.append(rng.choice(["Portal/paperwork email: %s.", "Intake packet to be emailed to %s."]) % W("EMAIL", c.email))
        st["email"] = d.span(c.email, "EMAIL", False, "same", "written_email", c.email)
    if "MEMBER_ID" in ents:
        st["insurance_member_id"] = d.span(p.member, "MEMBER_ID", False, "same", "written_alnum", p.member)
        st["insurance_group_number"] = d.neg("%05d" % rng.randint(100, 99999), "group_number")
    if "MBI" in ents:
        st["medicare_mbi"] = d.span(p.mbi, "MBI", False, "same", "written_alnum", p.mbi)
    if "NPI" in ents:
        parts.append("Referred by Dr. %s (NPI %s)." % (
            d.span(x.provider, "NAME", False, "same", "name_single_written", x.provider), W("NPI", x.npi)))
        st["referring_npi"] = d.span(x.npi, "NPI", False, "same", "written_digits", x.npi)
    if "CARD" in ents and rng.random() < 0.4:
        # the agent copied the full card number into structured output (a real-world leak pattern)
        st["payment_card"] = d.span(c.card, "CARD", False, "same", "written_plain", c.card)
    if x.scenario in ("sud_intake", "crisis_followup", "parent_call"):
        parts.append("Crisis resources reviewed (%s; %s for emergencies)." % (
            d.neg("988", "emergency_number"), d.neg("911", "emergency_number")))
        st["crisis_resources_given"] = True
    day = REF_DAY + datetime.timedelta(days=rng.randint(2, 20))
    appt = d.neg("%d/%d" % (day.month, day.day), "appointment_date")
    tm = d.neg(rng.choice(["10:00 AM", "2:30 PM", "9:15 AM", "3:45 PM"]), "time")
    parts.append("Next step: assessment/appointment on %s at %s." % (appt, tm))
    st["next_appointment"] = d.neg("%s %s" % (day.isoformat(), rng.choice(["10:00", "14:30", "09:15"])), "appointment_date")
    st["risk_level"] = rng.choice(["low", "moderate", "low - safety plan in place"])
    return " ".join(parts), st


def render_json(x, rng, profile):
    turns = x.turns
    caller_num = "+1" + x.caller.phone
    d = x.doc
    num_span = lambda: d.span(caller_num, "PHONE", False, "same", "written_e164", x.caller.phone)
    summary, st = written_summary(x, rng)
    t0 = 1746000000 + rng.randint(0, 3000000)
    secs = 0.0
    timed = []
    for role, s in turns:
        dur = 1.5 + len(strip_marks(s)) / 14.0
        timed.append((role, s, round(secs, 2), round(secs + dur, 2)))
        secs += dur + rng.uniform(0.3, 1.8)
    if profile == "vapi":
        lab = {"agent": "AI", "ivr": "AI", "caller": "User"}
        transcript = "\n".join("%s: %s" % (lab[r], s) for r, s, _, _ in timed)
        msgs = [{"role": "system", "message": "You are the after-hours intake assistant for %s. Be warm and brief." % strip_marks(x.org), "time": t0 * 1000, "secondsFromStart": 0}]
        for r, s, a, b in timed:
            msgs.append({"role": "bot" if r != "caller" else "user", "message": s, "time": t0 * 1000 + int(a * 1000),
                         "endTime": t0 * 1000 + int(b * 1000), "secondsFromStart": a, "duration": round(b - a, 2)})
        obj = {"message": {"timestamp": t0 * 1000 + int(secs * 1000), "type": "end-of-call-report",
                           "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uid(rng), "orgId": uid(rng), "type": "inboundPhoneCall",
                                    "customer": {"number": num_span()}, "status": "ended"},
                           "artifact": {"messages": msgs, "transcript": transcript},
                           "analysis": {"summary": summary, "structuredData": st, "successEvaluation": "true"},
                           "transcript": transcript, "summary": summary,
                           "durationSeconds": round(secs, 1), "cost": round(rng.uniform(0.08, 0.9), 4)}}
    elif profile == "retell":
        lab = {"agent": "Agent", "ivr": "Agent", "caller": "User"}
        transcript = "\n".join("%s: %s" % (lab[r], s) for r, s, _, _ in timed)
        obj = {"event": "call_analyzed",
               "call": {"call_type": "phone_call", "from_number": num_span(), "direction": "inbound",
                        "call_id": "call_" + uid(rng).replace("-", "")[:24], "agent_id": "agent_" + uid(rng).replace("-", "")[:24],
                        "call_status": "ended", "start_timestamp": t0 * 1000, "end_timestamp": t0 * 1000 + int(secs * 1000),
                        "duration_ms": int(secs * 1000), "transcript": transcript,
                        "transcript_object": [{"role": "agent" if r != "caller" else "user", "content": s} for r, s, _, _ in timed],
                        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                        "call_analysis": {"call_summary": summary, "in_voicemail": False,
                                          "user_sentiment": rng.choice(["Negative", "Neutral"]),
                                          "call_successful": True, "custom_analysis_data": st}}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "You are a behavioral health intake assistant. Collect identifying details and schedule an assessment."}]
        for r, s, a, b in timed:
            log.append({"role": "assistant" if r != "caller" else "user", "content": s, "start_ms": int(a * 1000)})
        obj = {"app_name": "bh_intake_agent", "call_id": uid(rng), "ai_session_id": uid(rng),
               "caller_id_name": d.span(("%s %s" % (x.caller.first, x.caller.last)).upper(), "NAME", False, "same",
                                        "name_full_upper_cnam", "%s %s" % (x.caller.first, x.caller.last))
               if rng.random() < 0.5 else "WIRELESS CALLER",
               "caller_id_num": num_span(), "call_start_date": t0 * 1000000, "call_end_date": int((t0 + secs) * 1000000),
               "call_log": log,
               "post_prompt_data": {"raw": summary, "substituted": summary, "parsed": [st]}}
    elif profile == "deepgram":
        full = " ".join(s for _, s, _, _ in timed)
        utts = [{"start": a, "end": b, "confidence": round(rng.uniform(0.82, 0.99), 4), "channel": 0,
                 "transcript": s, "speaker": 0 if r != "caller" else 1, "id": uid(rng)} for r, s, a, b in timed]
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uid(rng), "created": "2025-05-%02dT%02d:%02d:%02d.%03dZ" % (
                   rng.randint(1, 30), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                            "duration": round(secs, 3), "channels": 1, "models": [uid(rng)]},
               "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(rng.uniform(0.9, 0.99), 5)}]}],
                           "utterances": utts,
                           "summary": {"result": "success", "short": summary}}}
    else:  # transcribe call analytics
        segs = [{"Id": uid(rng), "ParticipantRole": "AGENT" if r != "caller" else "CUSTOMER", "Content": s,
                 "BeginOffsetMillis": int(a * 1000), "EndOffsetMillis": int(b * 1000),
                 "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "NEGATIVE", "MIXED"])} for r, s, a, b in timed]
        obj = {"JobName": "bh-intake-%d" % t0, "JobStatus": "COMPLETED", "LanguageCode": "en-US",
               "Channel": "VOICE", "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
               "Transcript": segs,
               "ConversationCharacteristics": {"TotalConversationDurationMillis": int(secs * 1000),
                                               "Sentiment": {"OverallSentiment": {"AGENT": 2.1, "CUSTOMER": -0.8}}},
               "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": summary}}},
               "CustomFields": st}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
def choose_entities(rng, scenario, need):
    pool = SCEN_ENT[scenario]
    k = rng.randint(3, 5)
    weights = [(need.get(e, 0) + 1.0) * (1 + rng.random()) for e in pool]
    chosen = []
    cand = list(pool)
    for _ in range(min(k, len(cand))):
        i = max(range(len(cand)), key=lambda j: weights[j])
        chosen.append(cand.pop(i))
        weights.pop(i)
    if scenario in ("discharge_followup",) and "DATE" not in chosen:
        chosen.append("DATE")
    if scenario == "case_worker" and "MBI" not in chosen and rng.random() < 0.6:
        chosen.append("MBI")
    return chosen


def generate(seed, n):
    rng = random.Random(seed)
    need = {e: 30 for e in ["SSN", "PHONE", "DOB", "MRN", "ZIP", "CARD", "EMAIL"]}
    need.update({"MEMBER_ID": 10, "MBI": 8, "NPI": 8, "DATE": 6})
    records = []
    n_json = round(n * 0.45)
    kinds = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(kinds)
    json_i = 0
    for i in range(n):
        fmt = kinds[i]
        scenario = SCENARIOS[i % len(SCENARIOS)] if rng.random() < 0.7 else rng.choice(SCENARIOS)
        style = rng.choice(["whisper", "whisper", "mixed", "lower", "lower"])
        profile = None
        if fmt == "json":
            profile = PROFILES[json_i % len(PROFILES)]
            json_i += 1
            if profile in ("vapi", "retell", "signalwire"):
                style = rng.choice(["whisper", "whisper", "mixed"])
            elif profile == "deepgram":
                style = rng.choice(["lower", "mixed", "whisper"])
            else:
                style = rng.choice(["whisper", "lower"])
        for _ in range(20):
            doc = Doc()
            ents = choose_entities(rng, scenario, need)
            x = build_conversation(rng, style, scenario, ents, doc)
            x.ents = ents
            if 8 <= len(x.turns) <= 40:
                break
        if fmt == "transcript":
            marked = render_transcript(x, rng)
            kind = "transcript_%s_%s" % (style, scenario)
        else:
            marked = render_json(x, rng, profile)
            kind = "%s_%s_%s" % (profile, style, scenario)
        text, spans, negs = resolve(marked, doc)
        for s in spans:
            if s["spoken"] and s["entity"] in need:
                need[s["entity"]] = max(0, need[s["entity"]] - 1)
        rec = {"id": "h46-%03d" % (i + 1), "format": fmt}
        if profile:
            rec["profile"] = profile
        rec.update({"kind": kind, "scenario": scenario, "style": style, "text": text, "spans": spans,
                    "negatives": negs})
        if x.carrier:
            rec["carrier"] = ["MTS-Dialog " + c for c in x.carrier]
        records.append(rec)
    return records


# ---------------------------------------------------------------------------------------------
# Checking
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENNUM = {w: 10 * i for i, w in enumerate(TENS) if w}
NATO_REV = {v.replace("-", ""): k for k, v in NATO.items()}
IGNORE = {"uh", "um", "er", "and", "is", "its", "it's", "that", "thats", "that's", "sorry", "okay"}


def decode_alnum(text):
    """digits / letters a reader would type for a spoken or written id."""
    toks = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?|[0-9]+", text)
    toks = [t.replace("-", "") if t.lower() == "x-ray" else t for t in toks]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        lo = t.lower()
        if t.isdigit():
            out.append(t)
        elif lo in ("double", "triple") and i + 1 < len(toks) and toks[i + 1].lower() in WORDNUM:
            out.append(str(WORDNUM[toks[i + 1].lower()]) * (2 if lo == "double" else 3))
            i += 1
        elif lo in TENNUM:
            if i + 1 < len(toks) and toks[i + 1].lower() in WORDNUM and WORDNUM[toks[i + 1].lower()] > 0 \
                    and toks[i + 1].lower() not in ("oh", "o"):
                out.append(str(TENNUM[lo] + WORDNUM[toks[i + 1].lower()]))
                i += 1
            else:
                out.append(str(TENNUM[lo]))
        elif lo in TEENNUM:
            out.append(str(TEENNUM[lo]))
        elif lo in WORDNUM:
            out.append(str(WORDNUM[lo]))
        elif lo == "hundred":
            out.append("00")
        elif lo in NATO_REV:
            out.append(NATO_REV[lo])
        elif lo == "as" and i + 2 < len(toks) and toks[i + 1].lower() == "in":
            i += 2
        elif len(t) == 1:
            out.append(t.upper())
        elif lo in IGNORE:
            pass
        elif t.isupper() and len(t) <= 3:
            out.append(t)
        else:
            out.append("?" + t)
        i += 1
    return "".join(out).upper()


def decode_email(text):
    toks = text.replace(",", " ").split()
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        lo = t.lower()
        if lo == "at":
            out.append("@")
        elif lo == "dot":
            out.append(".")
        elif lo == "underscore":
            out.append("_")
        elif lo in TENNUM:
            if i + 1 < len(toks) and toks[i + 1].lower() in WORDNUM and toks[i + 1].lower() not in ("zero", "o", "oh"):
                out.append(str(TENNUM[lo] + WORDNUM[toks[i + 1].lower()]))
                i += 1
            else:
                out.append(str(TENNUM[lo]))
        elif lo in TEENNUM:
            out.append(str(TEENNUM[lo]))
        elif lo in WORDNUM and len(lo) > 1:
            out.append(str(WORDNUM[lo]))
        elif re.fullmatch(r"[A-Za-z](-[A-Za-z])+", t):
            out.append(t.replace("-", "").lower())
        else:
            out.append(lo)
        i += 1
    return "".join(out)


def ssn_ok(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000")


def mbi_ok(s):
    L = "[%s]" % MBI_LETTERS
    return re.fullmatch(r"[1-9]%s[%s0-9][0-9]%s[%s0-9][0-9]%s%s[0-9][0-9]" % (L, MBI_LETTERS, L, MBI_LETTERS, L, L), s) is not None


def value_problem(sp, covered):
    e, v = sp["entity"], sp.get("value")
    if v is None:
        return "no value"
    if e == "SSN":
        if len(v) == 4:
            if not v.isdigit():
                return "bad last4"
        elif not ssn_ok(v):
            return "bad ssn"
    elif e == "PHONE":
        if not re.fullmatch(r"[2-9][0-8][0-9]55501[0-9]{2}", v):
            return "phone not 555-01xx"
    elif e == "CARD":
        if not (v.isdigit() and len(v) in (15, 16) and luhn_ok(v)):
            return "card not luhn"
        if len(v) == 15 and v[:2] not in ("34", "37"):
            return "15-digit non-amex"
    elif e == "NPI":
        if not (len(v) == 10 and v.isdigit() and luhn_ok("80840" + v)):
            return "bad npi"
    elif e == "MBI":
        if not mbi_ok(v):
            return "bad mbi"
    elif e == "ZIP":
        if not re.fullmatch(r"[0-9]{5}", v) or v == "00000":
            return "bad zip"
    elif e in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return "bad date"
        if e == "DOB" and not (0 < age_on(d) < 90):
            return "dob age out of range"
        if e == "DATE" and not (REF_DAY - datetime.timedelta(days=400) <= d <= REF_DAY):
            return "date not recent"
    elif e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", v):
            return "bad email"
    elif e == "MRN":
        if not re.fullmatch(r"[A-Z]{0,2}[0-9]{6,9}", v):
            return "bad mrn"
    elif e == "MEMBER_ID":
        if not re.fullmatch(r"[A-Z]{0,3}[0-9]{8,11}", v):
            return "bad member id"
    # the span text must say the value
    if e in ("SSN", "PHONE", "CARD", "NPI", "MBI", "ZIP", "MRN", "MEMBER_ID"):
        got = decode_alnum(covered)
        want = v.upper()
        if got.startswith("1") and e == "PHONE" and got[1:] == want:
            got = got[1:]
        if got != want:
            return "span says %r, value %r" % (got, want)
    elif e == "EMAIL":
        if decode_email(covered) != v:
            return "email span says %r" % decode_email(covered)
    elif e in ("DOB", "DATE") and not sp["spoken"]:
        d = datetime.date.fromisoformat(v)
        ok = (str(d.year) in covered or "%02d" % (d.year % 100) in covered or e == "DATE") and (
            str(d.day) in covered)
        if not ok:
            return "written date does not show the value"
    elif e == "NAME":
        letters = re.sub(r"[^a-z]", "", re.sub(r"\bas in [A-Za-z-]+", "", covered, flags=re.I).lower())
        if letters != re.sub(r"[^a-z]", "", v.lower()):
            return "name span says %r" % covered
    return None


def json_string_ranges(raw):
    """char ranges (inside the quotes) of every JSON string in a compact JSON line."""
    out = []
    i, n = 0, len(raw)
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


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_]+\]|[A-Za-z][A-Za-z0-9_ ]*:) \S")


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid = r.get("id")
        E = lambda m: errs.append("%s: %s" % (rid, m))
        if rid in ids:
            E("duplicate id")
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "json":
            if r.get("profile") not in PROFILES:
                E("bad profile")
            try:
                obj = json.loads(text)
            except ValueError as ex:
                E("json does not parse: %s" % ex)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                E("json not compact")
            ranges = json_string_ranges(text)
            # char -> byte
            c2b = []
            pos = 0
            for ch in text:
                c2b.append(pos)
                pos += len(ch.encode("utf-8"))
            c2b.append(pos)
            branges = [(c2b[a], c2b[z]) for a, z in ranges]
        elif r["format"] == "transcript":
            lines = text.split("\n")
            if not (8 <= len(lines) <= 40):
                E("transcript has %d turns" % len(lines))
            if text.endswith("\n") or any(not ln.strip() for ln in lines):
                E("blank line or trailing newline")
            for ln in lines:
                if not LINE_RE.match(ln):
                    E("line without speaker label: %r" % ln[:40])
        else:
            E("bad format")
        items = []
        for s in r["spans"]:
            if s["entity"] not in ENTITIES:
                E("bad entity %s" % s["entity"])
            if s.get("cue") not in ("same", "prev", "none"):
                E("bad cue")
            if not isinstance(s.get("spoken"), bool) or not s.get("form"):
                E("spoken/form missing")
            items.append((s["start"], s["end"], "span", s))
        for ng in r["negatives"]:
            if not ng.get("what"):
                E("negative without what")
            items.append((ng["start"], ng["end"], "neg", ng))
        items.sort(key=lambda t: (t[0], t[1]))
        prev_end = -1
        for st, en, kind, it in items:
            if not (0 <= st < en <= len(b)):
                E("offsets out of range")
                continue
            if st < prev_end:
                E("overlap at %d" % st)
            prev_end = max(prev_end, en)
            try:
                cov = b[st:en].decode("utf-8")
            except UnicodeDecodeError:
                E("offsets split a character")
                continue
            if cov != cov.strip() or not cov:
                E("span has outer whitespace: %r" % cov)
            if r["format"] == "json" and not any(a <= st and en <= z for a, z in branges):
                E("%s not inside a JSON string: %r" % (kind, cov))
            if kind == "span":
                pr = value_problem(it, cov)
                if pr:
                    E("%s %s %r: %s" % (it["entity"], it["form"], cov, pr))
    return errs


def stats(records):
    out = []
    fmt = collections.Counter((r["format"], r.get("profile", "")) for r in records)
    out.append("records: %d  (%s)" % (len(records), ", ".join("%s%s %d" % (f, "/" + p if p else "", n) for (f, p), n in sorted(fmt.items()))))
    out.append("scenarios: " + ", ".join("%s %d" % kv for kv in sorted(collections.Counter(r["scenario"] for r in records).items())))
    out.append("styles: " + ", ".join("%s %d" % kv for kv in sorted(collections.Counter(r["style"] for r in records).items())))
    tab = collections.Counter()
    for r in records:
        for s in r["spans"]:
            tab[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
    out.append("")
    out.append("| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |")
    out.append("|---|---:|---:|---:|---|---|")
    tot = 0
    for e in ENTITIES:
        sp = sum(tab[(e, "spoken", c)] for c in ("same", "prev", "none"))
        wr = sum(tab[(e, "written", c)] for c in ("same", "prev", "none"))
        tot += sp + wr
        out.append("| %s | %d | %d | %d | %s | %s |" % (
            e, sp + wr, sp, wr, "/".join(str(tab[(e, "spoken", c)]) for c in ("same", "prev", "none")),
            "/".join(str(tab[(e, "written", c)]) for c in ("same", "prev", "none"))))
    out.append("| all | %d | | | | |" % tot)
    out.append("")
    forms = collections.Counter((s["entity"], s["form"]) for r in records for s in r["spans"])
    by_e = collections.defaultdict(list)
    for (e, f), n in sorted(forms.items()):
        by_e[e].append("%s %d" % (f, n))
    out.append("forms:")
    for e in ENTITIES:
        if by_e[e]:
            out.append("  %s: %s" % (e, ", ".join(by_e[e])))
    negs = collections.Counter(n["what"] for r in records for n in r["negatives"])
    out.append("")
    out.append("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true", help="print counts of the generated corpus")
    ap.add_argument("--check", metavar="FILE", help="re-validate a written corpus and print its counts")
    args = ap.parse_args()
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            records = [json.loads(ln) for ln in f if ln.strip()]
        errs = check(records)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(records))
        print("\ncheck: %d records, %d errors" % (len(records), len(errs)))
        sys.exit(1 if errs else 0)
    records = generate(args.seed, args.n)
    if args.stats:
        errs = check(records)
        print(stats(records))
        print("\ncheck: %d errors" % len(errs))
        return
    out = sys.stdout
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
