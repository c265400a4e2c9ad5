#!/usr/bin/env python3
"""Holdout 45: home-health and care-management outreach calls with spoken PHI.

Post-discharge (transitional care) calls by RN care managers, home-health agency
scheduling, remote-patient-monitoring (RPM) check-ins, caregivers calling the agency,
and referral intake with physician offices; as speech-to-text engines write them down
(Whisper-like, older lowercase engines, ACI-style lowercase with fillers, Deepgram-like
words with punctuation) and as voice-agent / STT vendor payloads with LLM post-call
summaries (vapi, retell, signalwire, deepgram, transcribe).

  python3 gen_holdout45.py [--seed N] [--n 150] > holdout45.jsonl
  python3 gen_holdout45.py --stats               # counts of the default output
  python3 gen_holdout45.py --check holdout45.jsonl [--stats]

Python 3 standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is (every random.Random is seeded with a str, no set is iterated).
Carrier exchanges come from MTS-Dialog (CC BY 4.0) in shared/carrier-sources
(--carrier-dir, CARRIER_DIR, or found next to the repository / at /work/shared).
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

DEFAULT_SEED = 45045
DEFAULT_N = 150

# --------------------------------------------------------------------------- words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth"]
ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
ORD_TENS = {2: "twentieth", 3: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "Charlie", "d": "David", "e": "Edward", "f": "Frank",
         "g": "George", "h": "Henry", "i": "Ida", "j": "John", "k": "king", "l": "Larry",
         "m": "Mary", "n": "Nancy", "o": "ocean", "p": "Peter", "q": "queen", "r": "Robert",
         "s": "Sam", "t": "Tom", "u": "uncle", "v": "Victor", "w": "William", "x": "x-ray",
         "y": "yellow", "z": "zebra"}

# --------------------------------------------------------------------------- pools
FIRST_F = ["Dana", "Linda", "Patricia", "Barbara", "Margaret", "Dorothy", "Shirley", "Joyce",
           "Carol", "Gloria", "Evelyn", "Frances", "Rosa", "Mei", "Yolanda", "Hope", "Grace",
           "June", "Ruth", "Irene", "Wanda", "Lucille", "Teresa", "Ngozi", "Priya", "María",
           "Bernadette", "Loretta", "Imelda", "Darlene"]
FIRST_M = ["Harold", "Walter", "Eugene", "Raymond", "Gerald", "Curtis", "Leon", "Frank",
           "Dennis", "Roy", "Willie", "Earl", "Luis", "Tomasz", "Hector", "Jerome", "Mark",
           "Grant", "Will", "Otis", "Vernon", "Darnell", "Kenji", "Rajesh", "José", "Amos",
           "Clifford", "Ernest"]
LAST = ["Reyes", "Kowalski", "Henderson", "Okafor", "Nguyen", "Patel", "Washington", "Brennan",
        "Schmidt", "Delgado", "Castellanos", "Hargrove", "Whitfield", "O'Neil", "McAllister",
        "Yoder", "Stoltzfus", "Abernathy", "Pruitt", "Szymanski", "Tran", "Haddad", "Fairbanks",
        "Coleman", "Baptiste", "Ferreira", "Kaminski", "Dubois", "Gutierrez", "Novak",
        "Holloway", "Blevins", "Ashworth", "Pemberton", "Lockhart", "Villanueva", "Barnett",
        "Mullins", "Sandoval", "Oyelaran", "Whitaker", "Greer", "Caldwell", "Hoang", "Bishop"]
NURSE_F = ["Karen", "Tasha", "Megan", "Andrea", "Renee", "Colleen", "Monique", "Heather",
           "Lakisha", "Brooke", "Shannon", "Denise"]
NURSE_M = ["Brian", "Marcus", "Trevor", "Caleb", "Andre", "Nathan"]
CITIES = [("Columbus", "432", "614"), ("Dayton", "454", "937"), ("Toledo", "436", "419"),
          ("Louisville", "402", "502"), ("Indianapolis", "462", "317"),
          ("Pittsburgh", "152", "412"), ("Cleveland", "441", "216"),
          ("Cincinnati", "452", "513"), ("Lexington", "405", "859"), ("Akron", "443", "330"),
          ("Fort Wayne", "468", "260"), ("Erie", "165", "814"), ("Zanesville", "437", "740"),
          ("Chillicothe", "456", "740"), ("Mansfield", "449", "419"), ("Marion", "433", "740"),
          ("Lancaster", "431", "740"), ("Warren", "444", "330"), ("Huntington", "257", "304"),
          ("Wheeling", "260", "304"), ("Bowling Green", "434", "419"), ("Newark", "430", "740")]
STREETS = ["Elm", "Maple", "Linden", "Hawthorne", "Sunbury", "Parkview", "Brookside",
           "Meadowlark", "Chestnut", "Harding", "Kenwood", "Willow Creek", "Cherry Hill",
           "Oakwood", "Lockbourne", "Cedar Ridge", "Beechwood", "Fairmont", "Sycamore",
           "Riverside", "Mill Run", "Birchwood", "Glenmont", "Autumn Leaf", "Tamarack",
           "Dogwood", "Hillcrest", "Cobblestone"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl."), ("Circle", "Cir.")]
PREDIR = [("North", "N."), ("South", "S."), ("East", "E."), ("West", "W.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "comcast.net", "icloud.com",
           "hotmail.com", "att.net", "sbcglobal.net", "frontier.com"]
ORGS = ["Riverbend Home Health", "Buckeye Valley Visiting Nurses", "HomeWell Care Partners",
        "Summit Care Management", "Lakeshore Home Health", "Tri-County Home Care",
        "Heartland Transitional Care", "Greenway Remote Monitoring"]
HOSPITALS = ["Mercy West", "St. Brendan's", "Riverside Methodist", "Grant Memorial",
             "University Hospital", "Good Samaritan", "Fairview General"]
CARD_PREFIXES = [("4111 11", 16, "Visa"), ("4242 42", 16, "Visa"), ("4012 88", 16, "Visa"),
                 ("5555 55", 16, "Mastercard"), ("5105 10", 16, "Mastercard"),
                 ("6011 00", 16, "Discover"), ("6011 11", 16, "Discover"),
                 ("3782 82", 15, "American Express"), ("3714 49", 15, "American Express")]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
SAFE_ALPHA = "ACDEFGHJKMNPRTUVWXY"  # no B/I/L/O/S/Z in ids read aloud
CONDITIONS = [("heart failure exacerbation", "CHF"), ("COPD flare", "COPD"),
              ("pneumonia", "pneumonia"), ("a fall with a hip fracture", "hip fracture"),
              ("cellulitis of the left leg", "cellulitis"), ("a diabetic foot wound", "DM foot wound"),
              ("atrial fibrillation with rapid rate", "AFib RVR"), ("a UTI with sepsis", "urosepsis")]
MEDS = [("furosemide", [20, 40, 80], "milligrams", "mg"), ("metoprolol", [25, 50], "milligrams", "mg"),
        ("lisinopril", [10, 20], "milligrams", "mg"), ("apixaban", [5], "milligrams", "mg"),
        ("metformin", [500, 1000], "milligrams", "mg"), ("insulin glargine", [18, 24, 30], "units", "units"),
        ("potassium chloride", [10, 20], "milliequivalents", "mEq"),
        ("prednisone", [40, 20], "milligrams", "mg"), ("digoxin", [0.125], "milligrams", "mg"),
        ("amoxicillin", [875], "milligrams", "mg"), ("carvedilol", [6.25, 12.5], "milligrams", "mg")]

TRANSCRIPT_STYLES = ["whisper", "legacy", "aci", "words"]
JSON_PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
KEY_BLOCKS = ["ssn4", "ssnfull", "phone", "mrn", "addr", "card", "email"]
EXTRA_BLOCKS = ["mbi", "npi", "member", "dates"]


# --------------------------------------------------------------------------- numbers
def two_w(n, hy=False):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + (("-" if hy else " ") + ONES[u] if u else "")


def card_w(n, hy=False, use_and=False):
    """Cardinal words 0..9999."""
    if n < 100:
        return two_w(n, hy)
    if n < 1000:
        h, r = divmod(n, 100)
        s = ONES[h] + " hundred"
        if r:
            s += (" and " if use_and else " ") + two_w(r, hy)
        return s
    th, r = divmod(n, 1000)
    s = two_w(th, hy) + " thousand"
    if r:
        s += " " + card_w(r, hy, use_and)
    return s


def colloq3(n, hy=False):
    """138 -> one thirty eight, 105 -> one oh five, 200 -> two hundred."""
    if n < 100:
        return two_w(n, hy)
    h, r = divmod(n, 100)
    if r == 0:
        return ONES[h] + " hundred"
    if r < 10:
        return ONES[h] + " oh " + ONES[r]
    return ONES[h] + " " + two_w(r, hy)


def ord_w(d, hy=False):
    if d < 10:
        return ORD_UNITS[d]
    if d < 20:
        return ORD_TEENS[d - 10]
    t, u = divmod(d, 10)
    if u == 0:
        return ORD_TENS[t]
    return TENS[t] + ("-" if hy else " ") + ORD_UNITS[u]


def ord_suffix(d):
    if 10 <= d % 100 <= 20:
        return "%dth" % d
    return "%d%s" % (d, {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def year_w(y, hy=False):
    if 2000 <= y < 2010:
        return "two thousand" + (" " + ONES[y - 2000] if y > 2000 else "")
    hi, lo = divmod(y, 100)
    if lo == 0:
        return two_w(hi, hy) + " hundred"
    if lo < 10:
        return two_w(hi, hy) + " oh " + ONES[lo]
    return two_w(hi, hy) + " " + two_w(lo, hy)


def yy_w(y, hy=False):
    lo = y % 100
    return ("oh " + ONES[lo]) if lo < 10 else two_w(lo, hy)


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


# --------------------------------------------------------------------------- pieces
class V:
    """A PHI value to render at say() time with the speaker's style."""
    __slots__ = ("entity", "value", "cue", "kind")

    def __init__(self, entity, value, cue, kind=None):
        self.entity, self.value, self.cue, self.kind = entity, value, cue, kind


class NV:
    """A hard negative to render at say() time."""
    __slots__ = ("what", "args")

    def __init__(self, what, *args):
        self.what, self.args = what, args


class Span:
    __slots__ = ("text", "entity", "spoken", "cue", "form", "value")

    def __init__(self, text, entity, spoken, cue, form, value):
        self.text, self.entity, self.spoken = text, entity, spoken
        self.cue, self.form, self.value = cue, form, value


class Neg:
    __slots__ = ("text", "what")

    def __init__(self, text, what):
        self.text, self.what = text, what


def canon(entity, value):
    """Canonical string stored in the span's `value` field."""
    if entity in ("DOB", "DATE"):
        y, m, d = value[:3]
        return "%04d-%02d-%02d" % (y, m, d)
    if entity == "STREET":
        return street_written(value, abbr=False)
    return str(value)


def street_written(st, abbr=False):
    parts = [st["num"]]
    if st.get("predir"):
        parts.append(st["predir"][1] if abbr else st["predir"][0])
    parts.append(st["name"])
    parts.append(st["suffix"][1] if abbr else st["suffix"][0])
    s = " ".join(parts)
    if st.get("unit"):
        kind, uid = st["unit"]
        if abbr:
            s += ", " + {"Apartment": "Apt.", "Unit": "Unit", "Lot": "Lot", "Suite": "Ste."}[kind] + " " + uid
        else:
            s += " " + kind + " " + uid
    return s


# --------------------------------------------------------------------------- renderer
class Render:
    """Renders values and negatives for one speaker style.

    whisper: digits and smart formatting, capitalised, punctuated (sometimes words)
    words:   capitalised and punctuated but numbers as words (Deepgram without smart format)
    aci:     lowercase, light punctuation, numbers as words, fillers
    legacy:  lowercase words, no punctuation at all
    llm:     an LLM writing (agent turns of voice agents, summaries): written forms only
    """

    def __init__(self, rng, style, summary=False):
        self.rng = rng
        self.style = style
        self.summary = summary  # LLM-written summary: names and cities are not spoken
        self.hy = style == "words" and rng.random() < 0.5

    # helpers ---------------------------------------------------------------
    def ch(self, seq):
        return self.rng.choice(seq)

    @property
    def wordy(self):
        return self.style in ("words", "aci", "legacy")

    @property
    def lower(self):
        return self.style in ("aci", "legacy")

    def written_turn(self):
        """whisper sometimes writes words; llm never."""
        if self.style == "llm":
            return True
        if self.style == "whisper":
            return self.rng.random() < 0.7
        return False

    def zero(self):
        if self.style == "legacy":
            return self.ch(["oh", "zero", "o"])
        return self.ch(["oh", "zero", "oh"])

    def dwords(self, digits, zero):
        return " ".join(zero if c == "0" else ONES[int(c)] for c in digits)

    def gsep(self):
        """separator between spoken groups; returns (sep, filler?)"""
        if self.style == "legacy":
            return self.ch([" ", " ", " uh "]), False
        if self.style == "aci":
            s = self.ch([" ", ", ", " uh ", ", um, ", ", uh, "])
            return s, "u" in s
        if self.style == "words":
            return self.ch([", ", ", ", " ", "... "]), False
        return self.ch([", ", "... ", " "]), False

    def join_groups(self, groups):
        out = groups[0]
        fill = False
        for g in groups[1:]:
            s, f = self.gsep()
            fill = fill or f
            out += s + g
        return out, fill

    def pairs(self, digits, zero, final=True):
        """'0142' -> 'oh one forty two'; each 2-digit chunk as a number when it can.

        A chunk like 40 said "forty" is only used at the very end of a value (or before a
        word that is not a digit), so "forty" never runs into a following "six"."""
        out = []
        for i in range(0, len(digits), 2):
            c = digits[i:i + 2]
            last = i + 2 >= len(digits) and final
            if len(c) == 1 or c[0] == "0" or (c[1] == "0" and not last):
                out.append(self.dwords(c, zero))
            else:
                out.append(two_w(int(c), self.hy))
        return " ".join(out)

    def cap(self, s):
        return s.lower() if self.lower else s

    def letters(self, s, mode):
        """spell an alphanumeric run: mode single|nato|asin; digits as words."""
        out = []
        zero = self.ch(["zero", "oh"])
        for c in s:
            if c.isdigit():
                out.append(zero if c == "0" else ONES[int(c)])
            elif mode == "nato":
                out.append(NATO[c.lower()])
            elif mode == "asin":
                up = c.lower() if self.lower else c.upper()
                w = AS_IN[c.lower()]
                out.append(up + " as in " + (w.lower() if self.lower else w))
            else:
                out.append(c.lower() if self.lower else c.upper())
        return out

    # entities ----------------------------------------------------------------
    def render(self, v):
        f = getattr(self, "r_" + v.entity.lower())
        text, spoken, form = f(v.value, v.kind)
        return Span(text, v.entity, spoken, v.cue, form, canon(v.entity, v.value))

    def r_phone(self, val, kind):
        a, b, c = val[:3], val[3:6], val[6:]
        if self.written_turn():
            opts = [("(%s) %s-%s", "paren_dash"), ("%s-%s-%s", "dash"), ("%s %s %s", "space"),
                    ("%s.%s.%s", "dot")]
            if self.style == "llm":
                opts += [("+1 %s-%s-%s", "e164_dash")]
            else:
                opts += [("%s%s%s", "bare"), ("1-%s-%s-%s", "one_dash")]
            fmt, form = self.ch(opts)
            return fmt % (a, b, c), False, "written_" + form
        if self.style == "whisper":
            z = self.ch(["zero", "oh"])
            if self.rng.random() < 0.5:
                return "%s %s %s" % (self.dwords(a, z), b, c), True, "mixed_words_digits"
            return "%s, %s, %s" % (self.dwords(a, z), self.dwords(b, z),
                                   self.dwords(c, z)), True, "words_commas_" + z
        z = self.zero()
        ga = self.dwords(a, z)
        r = self.rng.random()
        if b[0] == b[1] == b[2] and r < 0.15:
            gb, bform = "triple " + ONES[int(b[0])], "triple"
        elif b[1] == b[2] and r < 0.3:
            gb, bform = ONES[int(b[0])] + " double " + ONES[int(b[1])], "double"
        else:
            gb, bform = self.dwords(b, z), "digits"
        if self.rng.random() < 0.35 and c[2] != "0":
            gc, cform = self.pairs(c, z), "pairs"
        else:
            gc, cform = self.dwords(c, z), "digits"
        text, fill = self.join_groups([ga, gb, gc])
        return text, True, "words_%s_%s_%s%s" % (z, bform, cform, "_uh" if fill else "")

    def _date_written(self, y, m, d, with_year):
        if not with_year:
            opts = [("%s %s" % (MONTHS[m - 1], ord_suffix(d)), "written_md_ord"),
                    ("%s %d" % (MONTHS[m - 1], d), "written_md"), ("%d/%d" % (m, d), "written_md_slash")]
            return self.ch(opts)
        opts = [("%s %s, %d" % (MONTHS[m - 1], ord_suffix(d), y), "written_mdy_ord"),
                ("%s %d, %d" % (MONTHS[m - 1], d, y), "written_mdy_long"),
                ("%d/%d/%d" % (m, d, y), "written_mdy_slash"),
                ("%02d/%02d/%d" % (m, d, y), "written_mdy_slash_lead")]
        if self.style == "llm":
            opts += [("%04d-%02d-%02d" % (y, m, d), "written_iso"),
                     ("%s %d, %d" % (MONTH_ABBR[m - 1], d, y), "written_mdy_abbr")]
        else:
            opts += [("%d/%d/%02d" % (m, d, y % 100), "written_mdy_short"),
                     ("%02d-%02d-%d" % (m, d, y), "written_mdy_dash")]
        return self.ch(opts)

    def r_dob(self, val, kind):
        y, m, d = val[:3]
        with_year = True if kind is None else kind != "noyear"
        if self.written_turn():
            t, f = self._date_written(y, m, d, with_year)
            return t, False, f
        hy = self.hy
        mon = MONTHS[m - 1].lower() if self.lower else MONTHS[m - 1]
        if self.style == "whisper":
            if with_year:
                return "%s %s, %d" % (mon, ord_w(d), y), True, "mixed_month_ord_year4"
            return "%s %s" % (mon, ord_w(d)), True, "month_ord_noyear"
        com = "," if self.style in ("words", "aci") and self.rng.random() < 0.5 else ""
        if not with_year:
            opts = [("%s %s" % (mon, ord_w(d, hy)), "month_ord_noyear"),
                    ("the %s of %s" % (ord_w(d, hy), mon), "the_d_of_m_noyear")]
            t, f = self.ch(opts)
            return t, True, f
        z = self.zero()
        opts = [("%s %s%s %s" % (mon, ord_w(d, hy), com, year_w(y, hy)), "month_ord_year_full"),
                ("%s %s%s %s" % (mon, two_w(d, hy), com, year_w(y, hy)), "month_card_year_full"),
                ("%s %s%s %s" % (mon, ord_w(d, hy), com, yy_w(y, hy)), "month_ord_yy"),
                ("the %s of %s%s %s" % (ord_w(d, hy), mon, com, year_w(y, hy)), "the_d_of_m_full"),
                ("%s %s %s" % (two_w(m, hy), two_w(d, hy), yy_w(y, hy)), "num_mdy_nolead_yy"),
                ("%s %s %s" % (self.dwords("%02d" % m, z), self.dwords("%02d" % d, z),
                               year_w(y, hy)), "num_mdy_lead_full_" + z),
                ("%s %s %s" % (self.dwords("%02d" % m, z), self.dwords("%02d" % d, z),
                               yy_w(y, hy)), "num_mdy_lead_yy_" + z)]
        text, form = self.ch(opts)
        if self.style == "aci" and self.rng.random() < 0.3:
            parts = text.split(" ")
            k = len(parts) - (2 if len(parts) > 3 else 1)
            text = " ".join(parts[:k]) + " uh " + " ".join(parts[k:])
            form += "_uh"
        return text, True, form

    r_date = r_dob

    def _digits_grouped(self, digits, sizes, pair_last=False, pair_mid=False):
        z = self.zero()
        groups = []
        pos = 0
        for i, n in enumerate(sizes):
            g = digits[pos:pos + n]
            pos += n
            last = i == len(sizes) - 1
            if (last and pair_last) or (pair_mid and 0 < i < len(sizes) - 1):
                groups.append(self.pairs(g, z, final=last))
            else:
                groups.append(self.dwords(g, z))
        text, fill = self.join_groups(groups)
        return text, z, fill

    def r_ssn(self, val, kind):
        if len(val) == 4:
            if self.written_turn():
                t, f = self.ch([(val, "last4_digits"), (val[:2] + " " + val[2:], "last4_digits_space")])
                return t, False, f
            z = self.zero()
            if val[0] != "0" and val[2] != "0" and self.rng.random() < 0.35:
                return self.pairs(val, z), True, "last4_pairs"
            return self.dwords(val, z), True, "last4_words_" + z
        a, b, c = val[:3], val[3:5], val[5:]
        if self.written_turn():
            t, f = self.ch([("%s-%s-%s" % (a, b, c), "written_dash"), ("%s %s %s" % (a, b, c), "written_space"),
                            (val, "written_bare")] if self.style != "llm" else
                           [("%s-%s-%s" % (a, b, c), "written_dash")])
            return t, False, f
        if self.style == "whisper":
            z = self.ch(["zero", "oh"])
            return "%s, %s, %s" % (self.dwords(a, z), self.dwords(b, z), c), True, "mixed_words_digits"
        pl = val[5] != "0" and val[7] != "0" and self.rng.random() < 0.3
        pm = val[3] != "0" and self.rng.random() < 0.25
        text, z, fill = self._digits_grouped(val, [3, 2, 4], pair_last=pl, pair_mid=pm)
        return text, True, "words_3_2_4_%s%s%s%s" % (z, "_pairmid" if pm else "", "_pairlast" if pl else "",
                                                     "_uh" if fill else "")

    def _alnum_spoken(self, val, digit_groups=3):
        """letters then digits (MRN, member id, MBI-like)."""
        mode = self.ch(["single", "single", "nato", "asin"])
        lead = re.match(r"[A-Z]*", val).group(0)
        rest = val[len(lead):]
        parts = []
        if lead:
            parts.append(" ".join(self.letters(lead, mode)))
        z = self.zero()
        groups = []
        i = 0
        while i < len(rest):
            n = digit_groups if len(rest) - i != digit_groups + 1 else 2
            groups.append(rest[i:i + n])
            i += n
        gw = []
        for k, g in enumerate(groups):
            if len(g) == 2 and g[0] != "0" and (g[1] != "0" or k == len(groups) - 1) and self.rng.random() < 0.4:
                gw.append(two_w(int(g), self.hy))
            else:
                gw.append(self.dwords(g, z))
        digits_text, fill = self.join_groups(gw) if gw else ("", False)
        if parts and digits_text:
            s, f2 = self.gsep()
            text = parts[0] + s + digits_text
            fill = fill or f2
        else:
            text = parts[0] if parts else digits_text
        form = ("spelled_%s_" % mode if lead else "") + "digits_" + z + ("_uh" if fill else "")
        return text, form

    def r_mrn(self, val, kind):
        if self.written_turn():
            if val.isdigit() and len(val) >= 7 and self.rng.random() < 0.4:
                return val[:3] + "-" + val[3:], False, "written_dash"
            return val, False, "written_plain"
        if self.style == "whisper":
            lead = re.match(r"[A-Z]*", val).group(0)
            z = self.ch(["zero", "oh"])
            return ("-".join(lead) + (" " if lead else "") + self.dwords(val[len(lead):], z)).strip(), True, \
                "words_letters_dash"
        text, form = self._alnum_spoken(val, self.ch([3, 4]))
        return text, True, form

    r_member_id = r_mrn

    def r_mbi(self, val, kind):
        if self.written_turn():
            if self.rng.random() < 0.5:
                return "%s-%s-%s" % (val[:4], val[4:7], val[7:]), False, "written_dash"
            return val, False, "written_plain"
        mode = self.ch(["single", "single", "nato", "asin"]) if self.style != "whisper" else "single"
        groups = [" ".join(self.letters(g, mode)) for g in (val[:4], val[4:7], val[7:])]
        text, fill = self.join_groups(groups)
        return text, True, "spelled_%s_groups%s" % (mode, "_uh" if fill else "")

    def r_zip(self, val, kind):
        if self.written_turn():
            return val, False, "written_zip9" if "-" in val else "written_zip5"
        z = self.zero()
        five = val[:5]
        r = self.rng.random() if len(val) == 5 else 1.0
        if r < 0.2 and five[3] != "0":
            t, form = self.dwords(five[:3], z) + " " + two_w(int(five[3:]), self.hy), "words_3_pair"
        elif r < 0.35 and five[1] != "0":
            t, form = ONES[int(five[0])] + " " + two_w(int(five[1:3]), self.hy) + " " + \
                self.pairs(five[3:], z), "words_1_2_2"
        else:
            t, form = self.dwords(five, z), "words_digits_" + z
        if len(val) > 5:
            plus = self.dwords(val[6:], z)
            sep = self.ch([" dash ", ", ", " "]) if self.style != "legacy" else self.ch([" dash ", " "])
            t += sep + plus
            form += "_plus4"
        return t, True, form

    def r_card(self, val, kind):
        sizes = [4, 6, 5] if len(val) == 15 else [4, 4, 4, 4]
        gs = []
        p = 0
        for n in sizes:
            gs.append(val[p:p + n])
            p += n
        if self.written_turn():
            t, f = self.ch([(" ".join(gs), "written_space"), ("-".join(gs), "written_dash"),
                            (val, "written_bare")] if self.style != "llm" else [(" ".join(gs), "written_space")])
            return t, False, f + ("_amex" if len(val) == 15 else "")
        if self.style == "whisper":
            z = self.ch(["zero", "oh"])
            k = self.rng.randrange(1, len(gs))
            words = [self.dwords(g, z) for g in gs[:k]]
            return ", ".join(words + gs[k:]), True, "mixed_words_digits" + ("_amex" if len(val) == 15 else "")
        z = self.zero()
        gw = []
        paired = False
        for k, g in enumerate(gs):
            if len(g) == 4 and g[0] != "0" and g[2] != "0" and self.rng.random() < 0.25:
                gw.append(self.pairs(g, z, final=k == len(gs) - 1))
                paired = True
            else:
                gw.append(self.dwords(g, z))
        text, fill = self.join_groups(gw)
        return text, True, "words_groups_%s%s%s%s" % (z, "_pairs" if paired else "", "_uh" if fill else "",
                                                      "_amex" if len(val) == 15 else "")

    def r_npi(self, val, kind):
        if self.written_turn():
            return val, False, "written_plain"
        text, z, fill = self._digits_grouped(val, self.ch([[3, 3, 4], [4, 3, 3], [10]]))
        return text, True, "words_digits_%s%s" % (z, "_uh" if fill else "")

    def r_email(self, val, kind):
        """val: canonical address; kind: token list [(t, s)] t in w|n|dot|us|dash."""
        if self.written_turn() or kind is None:
            return val, False, "written_plain"
        toks, domain = kind
        spell = self.rng.random() < 0.35
        out = []
        for t, s in toks:
            if t == "w":
                if spell and len(s) > 1:
                    if self.style in ("words", "whisper"):
                        out.append("-".join(s.upper()))
                    else:
                        out.append(" ".join(s))
                else:
                    out.append(s if self.lower else (s.capitalize() if self.style == "words"
                                                    and self.rng.random() < 0.3 else s))
            elif t == "n":
                if self.style == "whisper":
                    out.append(s)
                elif len(s) == 2 and s[0] != "0" and self.rng.random() < 0.6:
                    out.append(two_w(int(s), self.hy))
                elif len(s) == 4 and s[:2] == "19":
                    out.append(year_w(int(s), self.hy))
                else:
                    out.append(self.dwords(s, self.ch(["zero", "oh"])))
            elif t == "dot":
                out.append("dot")
            elif t == "us":
                out.append("underscore")
            elif t == "dash":
                out.append("dash")
        dname, tld = domain.split(".")
        if self.style == "whisper" and self.rng.random() < 0.5:
            dom = domain
            form_dom = "dom_written"
        else:
            dom = dname + " dot " + tld
            form_dom = "dom_words"
        filler = ""
        if self.style == "aci" and self.rng.random() < 0.3:
            filler = " uh"
        text = " ".join(out) + filler + " at " + dom
        return text, True, "email_%s_%s%s" % ("spell_local" if spell else "words", form_dom, "_uh" if filler else "")

    def r_name(self, val, kind):
        """kind: None (as said), 'spell', 'spell_asin'."""
        if kind in ("spell", "spell_asin"):
            letters = [c for c in val if c.isalpha()]
            if kind == "spell_asin":
                first = letters[0]
                up = first.lower() if self.lower else first.upper()
                w = AS_IN[unicodedata.normalize("NFD", first.lower())[0]]
                head = "%s as in %s" % (up, w.lower() if self.lower else w)
                rest = [c.lower() if self.lower else c.upper() for c in letters[1:]]
                sep = " " if self.style == "legacy" else ", "
                return head + sep + sep.join(rest), True, "spelled_as_in_first"
            if self.style in ("whisper", "words", "llm"):
                return "-".join(c.upper() for c in letters), True, "spelled_dash_upper"
            return " ".join(c.lower() for c in letters), True, "spelled_space_lower"
        if self.summary:
            return val, False, "written_name"
        if self.lower:
            return val.lower(), True, "name_lower"
        return val, True, "name_cased"

    def r_city(self, val, kind):
        if self.summary:
            return val, False, "written_city"
        if self.lower:
            return val.lower(), True, "city_lower"
        return val, True, "city_cased"

    def r_street(self, st, kind):
        if self.written_turn():
            return street_written(st, abbr=self.style == "llm" and self.rng.random() < 0.6), False, \
                "written_street" + ("_unit" if st.get("unit") else "")
        num = st["num"]
        z = self.zero()
        r = self.rng.random()
        if len(num) == 4 and num[2:] == "00" and num[:2] != "10":
            nw, nf = two_w(int(num[:2]), self.hy) + " hundred", "house_hundred"
        elif len(num) == 4 and num[0] != "0" and r < 0.6:
            lo = num[2:]
            nw = two_w(int(num[:2]), self.hy) + " " + (self.dwords(lo, z) if lo[0] == "0" else two_w(int(lo), self.hy))
            nf = "house_pairs"
        elif len(num) == 3 and r < 0.6:
            lo = num[1:]
            nw = ONES[int(num[0])] + " " + (self.dwords(lo, z) if lo[0] == "0" else two_w(int(lo), self.hy))
            nf = "house_1_2"
        else:
            nw, nf = self.dwords(num, z), "house_digits"
        parts = [nw]
        if st.get("predir"):
            parts.append(st["predir"][0])
        parts.append(st["name"])
        parts.append(st["suffix"][0])
        text = " ".join(parts)
        if st.get("unit"):
            k, uid = st["unit"]
            uw = []
            for c in uid:
                uw.append(ONES[int(c)] if c.isdigit() and c != "0" else (z if c == "0" else c.lower()))
            if uid.isdigit() and len(uid) == 2 and uid[0] != "0" and self.rng.random() < 0.5:
                uw = [two_w(int(uid), self.hy)]
            text += (", " if self.style in ("words", "aci", "whisper") and self.rng.random() < 0.5 else " ") + \
                k + " " + " ".join(uw)
            nf += "_unit"
        if self.lower:
            text = text.lower()
        return text, True, nf

    # negatives ---------------------------------------------------------------
    def neg(self, nv):
        text = getattr(self, "n_" + nv.what)(*nv.args)
        what = {"bp": "blood_pressure", "glucose": "lab_value", "a1c": "lab_value", "inr": "lab_value",
                "weight": "weight", "o2": "vital_sign", "temp": "vital_sign", "hr": "vital_sign",
                "dose": "dose", "time": "time", "window": "time", "duration": "duration", "count": "count",
                "age": "age", "appt": "appointment_date", "confirm": "confirmation_number",
                "order": "order_number", "serial": "device_serial", "ext": "extension",
                "menu": "menu_option", "e911": "emergency_number", "money": "money", "steps": "step_count",
                "year": "year", "room": "room_number", "word": "common_word", "height": "height"}[nv.what]
        return Neg(text, what)

    def _num(self, n):
        return str(n) if not self.wordy else (colloq3(n, self.hy) if n >= 100 else two_w(n, self.hy))

    def _dec(self, x):
        if not self.wordy:
            return ("%g" % x)
        ip = int(x)
        frac = ("%g" % x).split(".")[1] if "." in "%g" % x else ""
        s = (colloq3(ip, self.hy) if ip >= 100 else (two_w(ip, self.hy) if ip else "")) if ip else ""
        if frac:
            s = (s + " " if s else "") + "point " + " ".join(ONES[int(c)] for c in frac)
        return s

    def n_bp(self, s, d):
        if not self.wordy:
            return self.ch(["%d/%d" % (s, d), "%d over %d" % (s, d)]) if self.style != "llm" else "%d/%d" % (s, d)
        return "%s over %s" % (colloq3(s, self.hy), two_w(d, self.hy) if d < 100 else colloq3(d, self.hy))

    def n_glucose(self, n):
        if self.wordy and 100 <= n < 200 and self.rng.random() < 0.3:
            return "a hundred and " + two_w(n - 100, self.hy) if n % 100 else "a hundred"
        return self._num(n)

    def n_a1c(self, x):
        return self._dec(x)

    n_inr = n_a1c

    def n_weight(self, w):
        unit = "lb" if self.style == "llm" else "pounds"
        if isinstance(w, float):
            return "%s %s" % (self._dec(w), unit)
        return "%s %s" % (self._num(w), unit)

    def n_height(self, ft, inch):
        if not self.wordy:
            return "%d'%d\"" % (ft, inch) if self.style == "llm" else "%d foot %d" % (ft, inch)
        return "%s foot %s" % (ONES[ft], two_w(inch, self.hy))

    def n_o2(self, n):
        if not self.wordy:
            return "%d%%" % n
        return two_w(n, self.hy) + " percent"

    def n_temp(self, x):
        return self._dec(x)

    def n_hr(self, n):
        return self._num(n)

    def n_dose(self, amt, unit_w, unit_a):
        if not self.wordy:
            a = ("%g" % amt)
            if self.style == "llm" or self.rng.random() < 0.3:
                return "%s %s" % (a, unit_a)
            return "%s %s" % (a, unit_w)
        if isinstance(amt, float) and amt != int(amt):
            return "%s %s" % (self._dec(amt), unit_w)
        amt = int(amt)
        if amt >= 1000:
            return "%s %s" % (card_w(amt, self.hy), unit_w)
        if amt >= 100:
            return "%s %s" % (self.ch([colloq3(amt, self.hy), card_w(amt, self.hy)]), unit_w)
        return "%s %s" % (two_w(amt, self.hy), unit_w)

    def n_time(self, h, mi, ap):
        if not self.wordy:
            if self.style == "llm":
                return "%d:%02d %s" % (h, mi, ap.upper())
            return self.ch(["%d:%02d %s.m." % (h, mi, ap[0]), "%d:%02d" % (h, mi)]) if mi else \
                self.ch(["%d %s.m." % (h, ap[0]), "%d o'clock" % h])
        hw = two_w(h, self.hy)
        if mi:
            mw = ("oh " + ONES[mi]) if mi < 10 else two_w(mi, self.hy)
            return "%s %s" % (hw, mw) + self.ch(["", " " + ("a m" if ap == "am" else "p m")])
        return self.ch([hw + " o'clock", hw + (" a m" if ap == "am" else " p m"),
                        hw + (" in the morning" if ap == "am" else " in the afternoon")])

    def n_window(self, a, b):
        if not self.wordy:
            return "%d and %d" % (a, b) if self.style != "llm" else "%d:00-%d:00" % (a, b)
        return "%s and %s" % (two_w(a, self.hy), two_w(b, self.hy))

    def n_duration(self, n, unit):
        if not self.wordy:
            return "%d %s" % (n, unit)
        return "%s %s" % (two_w(n, self.hy), unit)

    def n_count(self, n, noun):
        if not self.wordy and self.style != "whisper":
            return "%d %s" % (n, noun)
        return "%s %s" % (two_w(n, self.hy), noun)

    def n_age(self, n):
        return self._num(n)

    def n_appt(self, wd, m, d):
        if not self.wordy:
            if self.style == "llm":
                return "%s, %s %d" % (wd, MONTHS[m - 1], d)
            return self.ch(["%s, %s %s" % (wd, MONTHS[m - 1], ord_suffix(d)), "%s the %s" % (wd, ord_suffix(d))])
        w = wd.lower() if self.lower else wd
        mon = MONTHS[m - 1].lower() if self.lower else MONTHS[m - 1]
        return self.ch(["%s %s %s" % (w, mon, ord_w(d, self.hy)), "%s the %s" % (w, ord_w(d, self.hy))])

    def n_confirm(self, code):
        if not self.wordy:
            return code
        return " ".join(self.letters(code.replace("-", ""), "single"))

    def n_order(self, code):
        if not self.wordy:
            return code
        return self.dwords(code, self.zero())

    n_serial = n_confirm

    def n_ext(self, n):
        if not self.wordy:
            return n
        if n[0] != "0" and n[2] != "0" and self.rng.random() < 0.4:
            return self.pairs(n, "oh")
        return self.dwords(n, "oh")

    def n_menu(self, k):
        if not self.wordy:
            return "press %d" % k if self.style != "llm" else "press %d" % k
        return "press " + ONES[k]

    def n_e911(self):
        if not self.wordy:
            return "911"
        return self.ch(["nine one one", "nine one one", "nine eleven"])

    def n_money(self, dollars, cents=0):
        if not self.wordy:
            return "$%d.%02d" % (dollars, cents) if cents else "$%d" % dollars
        if cents:
            return "%s %s" % (two_w(dollars, self.hy) if dollars < 100 else card_w(dollars, self.hy),
                              two_w(cents, self.hy))
        return "%s dollars" % (two_w(dollars, self.hy) if dollars < 100 else card_w(dollars, self.hy))

    def n_steps(self, n):
        if not self.wordy:
            return "{:,} steps".format(n)
        hi, lo = divmod(n, 100)
        if lo == 0 and hi < 100:
            return "%s hundred steps" % two_w(hi, self.hy)
        return "%s steps" % card_w(n, self.hy)

    def n_year(self, y):
        return str(y) if not self.wordy else year_w(y, self.hy)

    def n_room(self, n):
        return str(n) if not self.wordy else colloq3(n, self.hy)

    def n_word(self, w):
        return w.lower() if self.lower else w


# --------------------------------------------------------------------------- persona
def make_persona(rng):
    female = rng.random() < 0.6
    first = rng.choice(FIRST_F if female else FIRST_M)
    last = rng.choice(LAST)
    city, zp, area = rng.choice(CITIES)
    y = rng.randint(1936, 1972)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30)

    def phone(area_):
        return "%s555%04d" % (area_, rng.randint(100, 199))

    def zipc(zp_):
        z = zp_ + "%02d" % rng.randint(1, 99)
        if rng.random() < 0.15:
            z += "-%04d" % rng.randint(1000, 9899)
        return z

    def street():
        n = rng.random()
        if n < 0.1:
            num = "%d00" % rng.randint(11, 49)
        elif n < 0.55:
            num = str(rng.randint(1100, 9899))
        elif n < 0.85:
            num = str(rng.randint(110, 989))
        else:
            num = str(rng.randint(10100, 29899))
        st = {"num": num, "name": rng.choice(STREETS), "suffix": rng.choice(SUFFIX)}
        if rng.random() < 0.2:
            st["predir"] = rng.choice(PREDIR)
        u = rng.random()
        if u < 0.15:
            st["unit"] = ("Apartment", "%d%s" % (rng.randint(1, 9), rng.choice("ACDEFGH")))
        elif u < 0.25:
            st["unit"] = ("Apartment", str(rng.randint(101, 412)))
        elif u < 0.32:
            st["unit"] = ("Unit", str(rng.randint(11, 48)))
        elif u < 0.37:
            st["unit"] = ("Lot", str(rng.randint(12, 96)))
        return st

    def ssn():
        while True:
            a = rng.randint(1, 899)
            if a != 666:
                break
        return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))

    def mrn():
        k = rng.random()
        if k < 0.45:
            return str(rng.randint(10000000, 99999999))
        if k < 0.75:
            return "HH" + str(rng.randint(1000000, 9999999))
        return rng.choice("EMK") + str(rng.randint(1000000, 9999999)) + str(rng.randint(0, 9))

    def mbi():
        c = [str(rng.randint(1, 9)), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA + "0123456789"),
             str(rng.randint(0, 9)), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA + "0123456789"),
             str(rng.randint(0, 9)), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA),
             str(rng.randint(0, 9)), str(rng.randint(0, 9))]
        return "".join(c)

    def npi():
        body = str(rng.choice([1, 2])) + "%08d" % rng.randint(0, 99999999)
        return body + luhn_digit("80840" + body)

    def member():
        k = rng.random()
        if k < 0.35:
            return "W" + str(rng.randint(100000000, 999999999))
        if k < 0.7:
            return "".join(rng.choice(SAFE_ALPHA) for _ in range(3)) + str(rng.randint(100000000, 999999999))
        return str(rng.randint(1000000000, 9999999999)) + "0" + str(rng.randint(1, 3))

    def card():
        pre, n, brand = rng.choice(CARD_PREFIXES)
        body = pre.replace(" ", "")
        while len(body) < n - 1:
            body += str(rng.randint(0, 9))
        return body + luhn_digit(body), brand

    cg_female = rng.random() < 0.6
    cg_first = rng.choice(FIRST_F if cg_female else FIRST_M)
    while cg_first == first:
        cg_first = rng.choice(FIRST_F if cg_female else FIRST_M)
    cg_last = last if rng.random() < 0.6 else rng.choice(LAST)
    relation = rng.choice(["daughter", "son", "niece", "wife", "husband", "grandson"])
    if relation in ("daughter", "niece", "wife"):
        cg_first = rng.choice([f for f in FIRST_F if f != first])
    elif relation in ("son", "husband", "grandson"):
        cg_first = rng.choice([f for f in FIRST_M if f != first])
    if relation in ("wife", "husband"):
        cg_last = last

    def email(fn, ln):
        fn_a = ascii_fold(fn).lower()
        ln_a = re.sub(r"[^a-z]", "", ascii_fold(ln).lower())
        k = rng.random()
        if k < 0.3:
            toks = [("w", fn_a), ("dot", "."), ("w", ln_a)]
        elif k < 0.5:
            toks = [("w", fn_a), ("w", ln_a), ("n", "%02d" % rng.randint(10, 99))]
        elif k < 0.65:
            toks = [("w", fn_a[0] + ln_a)]
        elif k < 0.8:
            toks = [("w", fn_a), ("us", "_"), ("w", ln_a), ("n", str(rng.randint(1940, 1975)))]
        else:
            toks = [("w", rng.choice(["nana", "grandpa", "pops", "mimi", "gigi"])), ("w", ln_a),
                    ("n", str(rng.randint(1, 9)))]
        # merge adjacent word tokens into the written address
        written = ""
        for t, s in toks:
            written += s
        dom = rng.choice(DOMAINS)
        return written + "@" + dom, (toks, dom)

    dis = datetime.date(2025, rng.randint(3, 7), rng.randint(1, 28))
    adm = dis - datetime.timedelta(days=rng.randint(2, 9))
    city2, zp2, area2 = rng.choice(CITIES)
    p = {
        "female": female, "first": first, "last": last, "name": first + " " + last,
        "dob": (y, m, d), "age": 2025 - y - (1 if (m, d) > (6, 15) else 0),
        "phone": phone(area), "phone2": phone(area2 if rng.random() < 0.4 else area),
        "city": city, "zip": zipc(zp), "street": street(),
        "city2": city2, "zip2": zipc(zp2), "street2": street(),
        "ssn": ssn(), "mrn": mrn(), "mbi": mbi(), "member": member(), "npi": npi(),
        "card": card(), "cg_first": cg_first, "cg_last": cg_last,
        "cg_name": cg_first + " " + cg_last, "relation": relation,
        "nurse_first": rng.choice(NURSE_F + NURSE_M), "nurse_last": rng.choice(LAST),
        "doc_last": rng.choice(LAST), "doc_first": rng.choice(FIRST_F + FIRST_M),
        "discharge": (dis.year, dis.month, dis.day), "admit": (adm.year, adm.month, adm.day),
        "org": rng.choice(ORGS), "hospital": rng.choice(HOSPITALS),
        "condition": rng.choice(CONDITIONS),
        "meds": rng.sample(MEDS, 3),
    }
    p["email"], p["email_kind"] = email(p["cg_first"] if rng.random() < 0.5 else first,
                                        p["cg_last"] if rng.random() < 0.5 else last)
    fu = dis + datetime.timedelta(days=rng.randint(5, 12))
    while fu.weekday() >= 5:
        fu += datetime.timedelta(days=1)
    p["followup"] = (WEEKDAYS[fu.weekday()], fu.month, fu.day)
    nv = dis + datetime.timedelta(days=rng.randint(1, 3))
    while nv.weekday() == 6:
        nv += datetime.timedelta(days=1)
    p["visit"] = (WEEKDAYS[nv.weekday()], nv.month, nv.day)
    p["vitals"] = {
        "bp": (rng.randint(112, 168), rng.randint(62, 96)),
        "weight": rng.choice([float("%d.%d" % (rng.randint(128, 262), rng.randint(1, 9))),
                              rng.randint(128, 262)]),
        "gain": rng.randint(2, 5),
        "o2": rng.randint(88, 99), "hr": rng.randint(58, 104),
        "temp": float("%d.%d" % (rng.choice([97, 98, 99, 100]), rng.randint(1, 9))),
        "glucose": rng.randint(88, 289), "a1c": float("%d.%d" % (rng.randint(6, 9), rng.randint(1, 9))),
        "inr": float("%d.%d" % (rng.randint(1, 3), rng.randint(1, 9))),
        "steps": rng.choice([rng.randint(8, 45) * 100, rng.randint(800, 5200)]),
    }
    p["serial"] = "%s%d-%04d-%04d" % (rng.choice(["BPM", "GLX", "SCL", "HUB"]), rng.randint(1, 9),
                                     rng.randint(1000, 9999), rng.randint(1000, 9999))
    p["ext"] = str(rng.randint(2100, 7899))
    p["confirm"] = "%s-%d" % (rng.choice(["HV", "SN", "RPM", "TC"]), rng.randint(10000, 99999))
    p["order"] = str(rng.randint(4000000, 8999999))
    return p


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# --------------------------------------------------------------------------- conversation
class Conv:
    def __init__(self, rng, styles, p, roles):
        self.rng = rng
        self.styles = styles  # role -> style
        self.renderers = {r: Render(random.Random("%s-%s" % (rng.random(), r)), s) for r, s in styles.items()}
        self.p = p
        self.roles = roles  # logical: "N" staff, "P" client (patient or caregiver)
        self.turns = []
        self.facts = collections.OrderedDict()
        self.negfacts = []

    def say(self, role, *pieces):
        R = self.renderers[role]
        out = []
        merge = bool(self.turns) and self.turns[-1][0] == role
        prev = "" if not merge else ". "
        for x in pieces:
            if isinstance(x, V):
                sp = R.render(x)
                # a value that starts a sentence is capitalised by cased engines
                if R.style in ("whisper", "words") and re.search(r"(^|[.?!] )$", prev) and sp.text[:1].islower():
                    sp.text = sp.text[0].upper() + sp.text[1:]
                out.append(sp)
                prev = sp.text
            elif isinstance(x, NV):
                ng = R.neg(x)
                out.append(ng)
                prev = ng.text
            else:
                if x.startswith(".") and prev.endswith("."):
                    x = x[1:]  # "7:30 a.m." ends the sentence already
                out.append(x)
                prev = (prev + x) if x else prev
        if merge:
            # one speaker, one line: the engine keeps talking turns together
            self.turns[-1][1].extend([" "] + out)
        else:
            self.turns.append((role, out))

    def fact(self, key, entity, value, kind=None):
        if key not in self.facts:
            self.facts[key] = (entity, value, kind)

    def negfact(self, what, *args):
        self.negfacts.append(NV(what, *args))

    def ch(self, seq):
        return self.rng.choice(seq)

    def r(self):
        return self.rng.random()


def style_plain(text, style):
    if style == "legacy":
        t = text.replace("—", " ").replace("...", " ")
        t = re.sub(r"[.,?!;:\"]", "", t).lower()
        t = re.sub(r"-(?=\s|$)", "", t)
        return re.sub(r" {2,}", " ", t)
    if style == "aci":
        t = text.replace("—", ",").replace("...", ",").replace("!", ".").replace(";", ",")
        return re.sub(r" {2,}", " ", t.lower())
    return text


# --------------------------------------------------------------------------- blocks
# Staff role "N", client role "P" (patient) or "C" (caregiver); blocks take who=client role.

def b_greet_outbound(cv, who, ai=False):
    p = cv.p
    if ai:
        cv.say("N", "Hello, this is the automated care assistant calling from %s on behalf of nurse " % p["org"],
               V("NAME", p["nurse_first"] + " " + p["nurse_last"], "same"), ". Am I speaking with ",
               V("NAME", p["name"], "same"), "?")
    else:
        intro = cv.ch(["Hi, good morning, this is ", "Hello, this is ", "Hi, my name is "])
        role = cv.ch(["a nurse care manager", "one of the RN care managers", "the transitional care nurse",
                      "a monitoring nurse"])
        cv.say("N", intro, V("NAME", p["nurse_first"] + " " + p["nurse_last"], "same"),
               ", %s with %s. Am I speaking with " % (role, p["org"]),
               V("NAME", p["name"], "same"), "?")
    if who == "P":
        cv.say("P", cv.ch(["Yes, this is ", "Speaking. This is ", "Yeah, this is "]),
               V("NAME", p["first"], "same"), ".")
    else:
        cv.say("C", "No, this is %s %s, " % ("her" if p["female"] else "his", p["relation"]),
               V("NAME", p["cg_name"], "same"), ". I help ", V("NAME", p["first"], "prev"),
               " with all the calls. I'm on the list.")
        cv.say("N", "Okay, thank you, ", V("NAME", p["cg_first"], "prev"),
               ". I do see you listed as an authorized contact.")


def b_verify(cv, who):
    p = cv.p
    k = cv.r()
    subj = "your" if who == "P" else ("her" if p["female"] else "his")
    if k < 0.45:
        cv.say("N", "Before we go over anything, can you verify %s date of birth for me?" % subj)
        cv.say(who, V("DOB", p["dob"], "prev"), cv.ch(["", ".", "."]))
        if cv.r() < 0.5:
            cv.say("N", "Thank you. I have ", V("DOB", p["dob"], "prev"), ", that matches.")
    elif k < 0.75:
        cv.say("N", "For privacy, I need to verify a couple of things. Can you give me %s full name and date of birth?" % subj)
        if who == "P":
            cv.say("P", "Sure. ", V("NAME", p["name"], "prev"), ", and my birthday is ", V("DOB", p["dob"], "same"), ".")
        else:
            cv.say("C", "It's ", V("NAME", p["name"], "prev"), ", date of birth ", V("DOB", p["dob"], "same"), ".")
        if cv.r() < 0.5:
            cv.say("N", "And how do you spell the last name?")
            cv.say(who, V("NAME", p["last"], "prev", cv.ch(["spell", "spell", "spell_asin"])), ".")
    else:
        cv.say("N", "I just need to confirm I have the right chart. What is %s date of birth?" % subj)
        cv.say(who, cv.ch(["Um, ", "Oh, ", "It's "]), V("DOB", p["dob"], "prev"), ".")
        cv.say("N", "Perfect. And can you spell the last name for me?")
        cv.say(who, V("NAME", p["last"], "prev", cv.ch(["spell", "spell_asin"])), ".")
    cv.fact("name", "NAME", p["name"])
    cv.fact("dob", "DOB", p["dob"])


def b_inbound_open(cv, who):
    """client calls the agency; sometimes opens with bare name + DOB (cue none)."""
    p = cv.p
    cv.say("N", "%s, this is " % p["org"], V("NAME", p["nurse_first"], "same"), ", how can I help you?")
    if who == "P":
        cv.say("P", "Yeah, hi. ", V("NAME", p["name"], "none"), ". ", V("DOB", p["dob"], "none"),
               ". Somebody left a message about my visits.")
        cv.say("N", "Okay, thank you, ", V("NAME", p["first"], "prev"),
               ", let me pull you up. I see the message from the scheduling team.")
    else:
        cv.say("C", "Hi, this is ", V("NAME", p["cg_name"], "same"), ", I'm calling for my %s, " %
               ({"daughter": "mother", "son": "father", "niece": "aunt", "wife": "husband",
                 "husband": "wife", "grandson": "grandmother"}[p["relation"]]),
               V("NAME", p["name"], "none"), ". ", V("DOB", p["dob"], "none"), ".")
        cv.say("N", "Thanks. And you're listed on the release? Let me check. Yes, I see ",
               V("NAME", p["cg_first"], "prev"), " listed. What can I do for you today?")
    cv.fact("name", "NAME", p["name"])
    cv.fact("dob", "DOB", p["dob"])


def b_ssn4(cv, who):
    p = cv.p
    last4 = p["ssn"][5:]
    k = cv.r()
    if k < 0.5:
        cv.say("N", "And one more identifier, the last four of the Social?")
        cv.say(who, V("SSN", last4, "prev"), cv.ch([".", "", "."]))
    elif k < 0.8:
        cv.say("N", "Can you also verify the last four digits of %s social security number?" %
               ("your" if who == "P" else "the patient's"))
        cv.say(who, cv.ch(["Last four is ", "The last four are ", "Last four of the social, "]),
               V("SSN", last4, "same"), ".")
    elif k < 0.9:
        cv.say("N", "I'm going to need one more thing to match the chart.")
        cv.say(who, "My social ends in ", V("SSN", last4, "same"), ", is that what you need?")
        cv.say("N", "Yes, ", V("SSN", last4, "prev"), ", that matches, thank you.")
    else:
        cv.say("N", "I'm going to need one more thing to match the chart.")
        cv.say(who, "Uh, ", V("SSN", last4, "none"), "? They usually ask me for that.")
        cv.say("N", "Yes, the last four of the Social match. Thank you.")
    cv.fact("ssn4", "SSN", last4)


def b_ssnfull(cv, who):
    p = cv.p
    cv.say("N", cv.ch(["For the Medicaid waiver application the caseworker needs the full Social Security number.",
                       "The aide program paperwork asks for the full Social, is that okay to give over the phone?",
                       "I need the full social on the intake form since the insurance didn't come over with the referral."]))
    k = cv.r()
    if k < 0.5:
        cv.say(who, "Okay. It's ", V("SSN", p["ssn"], "prev"), ".")
    elif k < 0.8:
        cv.say(who, "Yeah, hold on, let me get the card. Okay, the social security number is ",
               V("SSN", p["ssn"], "same"), ".")
    else:
        cv.say(who, "Sure. ", V("SSN", p["ssn"], "prev"), ".")
    if cv.r() < 0.6:
        cv.say("N", "Let me read that back: ", V("SSN", p["ssn"], "prev"), "?")
        cv.say(who, "That's right.")
    cv.fact("ssn", "SSN", p["ssn"])


def b_phone(cv, who):
    p = cv.p
    k = cv.r()
    if k < 0.35:
        cv.say(who, "Oh, and I have a new cell phone now, the number is ", V("PHONE", p["phone2"], "same"), ".")
        cv.say("N", "Let me update that. I have ", V("PHONE", p["phone2"], "prev"), ", is that right?")
        cv.say(who, "Yes ma'am." if cv.r() < 0.5 else "Yep.")
    elif k < 0.7:
        cv.say("N", "What's the best number to reach you at if the nurse is running late?")
        cv.say(who, V("PHONE", p["phone2"], "prev"), ".")
        if cv.r() < 0.6:
            cv.say("N", "Got it, ", V("PHONE", p["phone2"], "prev"), ".")
    elif k < 0.85:
        cv.say("N", "Is ", V("PHONE", p["phone"], "same"), " still a good number for you?")
        cv.say(who, "No, that's the landline, we had it shut off. Use my cell, ", V("PHONE", p["phone2"], "same"), ".")
    else:
        cv.say(who, "Oh, and ", V("PHONE", p["phone2"], "none"), ", you can write that one down too, that's the one I answer.")
        cv.say("N", "Okay, I'll put that in as the primary.")
    cv.fact("phone", "PHONE", p["phone2"])


def b_mrn(cv, who):
    p = cv.p
    k = cv.r()
    if k < 0.35:
        cv.say("N", "Do you have your discharge papers handy? There's a medical record number at the top of the first page.")
        cv.say(who, "Hold on. Okay, it says M R N ", V("MRN", p["mrn"], "same"), ".")
    elif k < 0.7:
        cv.say("N", "Can you read me the medical record number off the discharge summary?")
        cv.say(who, V("MRN", p["mrn"], "prev"), ".")
        cv.say("N", "Thank you, that pulled up the right chart.")
    else:
        cv.say("N", "I'm going to note the call under %s medical record number, " %
               ("your" if who == "P" else ("her" if p["female"] else "his")), V("MRN", p["mrn"], "same"),
               ", so the home health nurse can see it.")
        cv.say(who, "Okay.")
    cv.fact("mrn", "MRN", p["mrn"])


def b_addr(cv, who):
    p = cv.p
    k = cv.r()
    if k < 0.5:
        cv.say(who, "Oh, I should tell you, we moved. I'm staying at my daughter's now." if who == "P" else
               "Oh, I should tell you, %s moved in with me last week." % ("she" if p["female"] else "he"))
        cv.say("N", "Okay, what's the new address so the nurse goes to the right house?")
        if cv.r() < 0.5:
            cv.say(who, V("STREET", p["street2"], "prev"), ", ", V("CITY", p["city2"], "prev"), ", ",
                   V("ZIP", p["zip2"], "prev"), ".")
        else:
            cv.say(who, "It's ", V("STREET", p["street2"], "prev"), " in ", V("CITY", p["city2"], "prev"), ".")
            cv.say("N", "And the zip code there?")
            cv.say(who, V("ZIP", p["zip2"], "prev"), ".")
        if cv.r() < 0.6:
            cv.say("N", "Let me read it back. ", V("STREET", p["street2"], "prev"), ", ",
                   V("CITY", p["city2"], "prev"), ", ", V("ZIP", p["zip2"], "prev"), ".")
            cv.say(who, "That's it.")
        cv.fact("street", "STREET", p["street2"])
        cv.fact("city", "CITY", p["city2"])
        cv.fact("zip", "ZIP", p["zip2"])
    else:
        cv.say("N", "Is the nurse still coming out to ", V("STREET", p["street"], "same"), "?")
        cv.say(who, "Yes, same place.")
        if cv.r() < 0.4:
            cv.say(who, "Zip code is ", V("ZIP", p["zip"], "same"), ", the nurse had trouble finding it last time.")
            cv.fact("street", "STREET", p["street"])
            cv.fact("zip", "ZIP", p["zip"])
            return
        cv.say("N", "And the zip code there is?")
        cv.say(who, V("ZIP", p["zip"], "prev"), cv.ch([".", ", in " , "."]))
        if cv.turns[-1][1][-1] == ", in ":
            cv.turns[-1][1].append(cv.renderers[who].render(V("CITY", p["city"], "same")))
            cv.turns[-1][1].append(".")
        cv.fact("street", "STREET", p["street"])
        cv.fact("zip", "ZIP", p["zip"])


def b_card(cv, who):
    p = cv.p
    num, brand = p["card"]
    item = cv.ch([("the shower chair and the raised toilet seat", (64, 0)), ("the private-duty aide hours", (112, 50)),
                  ("the copay for the blood pressure cuff", (20, 0)), ("the pulse oximeter", (34, 99))])
    cv.say("N", "There's a balance of ", NV("money", *item[1]), " for %s. Would you like to take care of that by card today?" % item[0])
    k = cv.r()
    if k < 0.5:
        cv.say(who, "Yeah, let's do it. It's %s %s, " % ("an" if brand[0] in "AEIOU" else "a", brand),
               V("CARD", num, "same"), ".")
    else:
        cv.say(who, "Sure, hang on, let me find my purse.")
        cv.say("N", "Take your time. Go ahead with the card number when you're ready.")
        cv.say(who, V("CARD", num, "prev"), ".")
    if cv.r() < 0.5:
        cv.say("N", "Thank you, I have ", V("CARD", num, "prev"),
               ". Billing will call you for the expiration and the security code, we don't take those on a recorded line.")
    else:
        cv.say("N", "Okay. The expiration and code I'll have billing get from you, they can't be on the recording.")
    cv.fact("card", "CARD", num)


def b_email(cv, who):
    p = cv.p
    k = cv.r()
    kind = p["email_kind"]
    if k < 0.4:
        cv.say("N", "We can send the visit schedule and the portal invite by email. What email should I use?")
        cv.say(who, V("EMAIL", p["email"], "prev", kind), ".")
    elif k < 0.75:
        cv.say(who, "Can you email the med list to my %s? Her email is " %
               ("daughter" if who == "P" else "sister"), V("EMAIL", p["email"], "same", kind), ".")
    else:
        cv.say("N", "Do you have an email for the alerts from the monitoring program?")
        cv.say(who, "Yeah, the email is ", V("EMAIL", p["email"], "same", kind), ".")
    if cv.r() < 0.6:
        cv.say("N", "Okay, so that's ", V("EMAIL", p["email"], "prev", kind), "?")
        cv.say(who, "Yep, that's it.")
    cv.fact("email", "EMAIL", p["email"])


def b_mbi(cv, who):
    p = cv.p
    cv.say("N", "Do you have the red, white and blue Medicare card close by? I need the Medicare number for the home health start of care.")
    if cv.r() < 0.5:
        cv.say(who, "Yes. It's ", V("MBI", p["mbi"], "prev"), ".")
    else:
        cv.say(who, "Okay, my Medicare number is ", V("MBI", p["mbi"], "same"), ".")
    cv.fact("mbi", "MBI", p["mbi"])


def b_member(cv, who):
    p = cv.p
    cv.say("N", "And it says here you switched to a Medicare Advantage plan. Can you read me the member ID off the card?")
    if cv.r() < 0.4:
        cv.say(who, cv.ch(["The member ID is ", "Member ID number, "]), V("MEMBER_ID", p["member"], "same"), ".")
    else:
        cv.say(who, cv.ch(["Sure, ", "", "Okay, "]), V("MEMBER_ID", p["member"], "prev"), ".")
    cv.fact("member", "MEMBER_ID", p["member"])


def b_npi(cv, who):
    p = cv.p
    doc = p["doc_first"] + " " + p["doc_last"]
    cv.say("N", "Who's the doctor signing the home health orders?")
    cv.say(who, "That's Dr. ", V("NAME", doc, "same"), ", the cardiologist.")
    cv.say("N", "Do you happen to have the NPI? The office left it on the referral fax but I can't read it.")
    if cv.r() < 0.5:
        cv.say(who, "It's on the letter. N P I ", V("NPI", p["npi"], "same"), ".")
    else:
        cv.say(who, "Hold on, I have the letter. ", V("NPI", p["npi"], "prev"), ".")
    cv.fact("npi", "NPI", p["npi"])
    cv.fact("doc", "NAME", doc)


def b_dates(cv, who):
    p = cv.p
    cond = p["condition"][0]
    if cv.r() < 0.5:
        cv.say("N", "I see you were in %s for %s, and you were discharged on " % (p["hospital"], cond),
               V("DATE", p["discharge"], "same", cv.ch([None, "noyear"])), ", is that right?")
        cv.say(who, "Yes, that's right.")
        cv.say("N", "And when did you go in?")
        cv.say(who, "I was admitted ", V("DATE", p["admit"], "same"), ".")
    else:
        cv.say("N", "When were you discharged from %s?" % p["hospital"])
        cv.say(who, V("DATE", p["discharge"], "prev"), ". I was in there about ",
               NV("duration", (datetime.date(*p["discharge"]) - datetime.date(*p["admit"])).days, "days"),
               " with %s." % cond)
    cv.fact("discharge", "DATE", p["discharge"])


def b_vitals(cv, who):
    p = cv.p
    v = p["vitals"]
    cv.say("N", "Have you been weighing yourself every morning?")
    cv.say(who, "Yes, this morning it was ", NV("weight", v["weight"]), ". That's up about ",
           NV("weight", v["gain"]), " from Monday.")
    cv.say("N", "Okay. And the blood pressure and the oxygen?")
    cv.say(who, "Blood pressure was ", NV("bp", *v["bp"]), ", the oxygen said ", NV("o2", v["o2"]),
           " and the pulse was ", NV("hr", v["hr"]), ".")
    if cv.r() < 0.5:
        cv.say("N", "Any fever? What's the temperature been?")
        cv.say(who, "It was ", NV("temp", v["temp"]), " last night, nothing since.")
    cv.negfact("bp", *v["bp"])
    cv.negfact("weight", v["weight"])
    cv.negfact("o2", v["o2"])


def b_meds(cv, who):
    p = cv.p
    m1, m2, m3 = p["meds"]
    cv.say("N", "Let's go over the medicines. Are you taking the %s?" % m1[0])
    a1 = cv.ch(m1[1])
    cv.say(who, "Yes, ", NV("dose", a1, m1[2], m1[3]), " in the morning, with breakfast, around ",
           NV("time", cv.ch([7, 8, 9]), cv.ch([0, 30]), "am"), ".")
    a2 = cv.ch(m2[1])
    cv.say("N", "And the hospital changed your %s to " % m2[0], NV("dose", a2, m2[2], m2[3]),
           " twice a day. Did you pick that up from the pharmacy?")
    cv.say(who, cv.ch(["Yes, my %s picked it up." % cv.p["relation"], "I did, on Tuesday.",
                       "I think so, it's in the pill box."]))
    if cv.r() < 0.5:
        cv.say("N", "Good. You ", NV("word", "may"), " notice some dizziness when you stand up the first few days. Take it slow.")
    cv.negfact("dose", a1, m1[2], m1[3])


def b_rpm(cv, who):
    p = cv.p
    v = p["vitals"]
    cv.say("N", "The reason I'm calling, your readings came across on the monitoring dashboard. Is the cuff the one with serial number ",
           NV("serial", p["serial"]), " on the back?")
    cv.say(who, "Let me look. Yes, that's the one.")
    cv.say("N", "Your pressure this morning was ", NV("bp", *v["bp"]), " and your sugar was ", NV("glucose", v["glucose"]),
           ". Did you eat before you checked it?")
    cv.say(who, cv.ch(["No, that was fasting.", "I had some toast first.", "I had coffee, that's all."]))
    if cv.r() < 0.6:
        cv.say("N", "Your step count has been about ", NV("steps", v["steps"]),
               " a day. That's good. Try to walk ", NV("count", cv.ch([2, 3]), "times"), " a day.")
    cv.negfact("bp", *v["bp"])
    cv.negfact("glucose", v["glucose"])


def b_followup(cv, who):
    p = cv.p
    wd, m, d = p["followup"]
    hh = cv.ch([9, 10, 11, 1, 2, 3])
    cv.say("N", "You have the follow-up with the cardiologist on ", NV("appt", wd, m, d), " at ",
           NV("time", hh, cv.ch([0, 15, 30, 45]), "am" if hh >= 9 else "pm"),
           ". Do you have a ride?")
    cv.say(who, cv.ch(["My %s will take me." % p["relation"], "I'm going to call the van.",
                       "I hope so, I have to ask my neighbor."]))
    cv.say("N", "Okay. Your confirmation number for the transport is ", NV("confirm", p["confirm"]),
           ". The visit takes about ", NV("duration", cv.ch([30, 45, 60]), "minutes"), ".")
    wd2, m2, d2 = p["visit"]
    cv.say("N", "And the home health nurse will come out ", NV("appt", wd2, m2, d2), " between ",
           NV("window", 10, 12), ".")
    cv.negfact("appt", wd, m, d)


def b_history(cv, who):
    """non-PHI numbers from the hospital stay: age, year, room, DME order, common words."""
    p = cv.p
    k = cv.r()
    subj = "you" if who == "P" else ("she" if p["female"] else "he")
    if k < 0.35:
        cv.say("N", "The discharge summary says %s %s in room " % (subj, "were" if who == "P" else "was"),
               NV("room", cv.ch([212, 318, 407, 514, 622, 731])), " on the cardiac floor. How was the stay?")
        cv.say(who, "Long. The food was terrible, but the nurses were good. I ", NV("word", "hope"),
               " I don't go back.")
    elif k < 0.7:
        cv.say("N", "I see %s had the pacemaker put in back in " % subj, NV("year", cv.ch([2014, 2017, 2019, 2021])),
               ". Has anyone checked it since?")
        cv.say(who, "The device clinic checks it every ", NV("duration", cv.ch([3, 6]), "months"), ". ",
               "And %s " % ("I'm" if who == "P" else ("she's" if p["female"] else "he's")), NV("age", p["age"]),
               ", so they keep an eye on it.")
    else:
        cv.say("N", "The walker and the shower chair were ordered. The order number is ", NV("order", p["order"]),
               ", and Medicare ", NV("word", "will"), " ", NV("word", "bill"), " the supplier directly.")
        cv.say(who, cv.ch(["Good, because I can't afford another bill.", "Okay. Do I need to do anything?",
                           "Oh good. The last one took weeks."]))
        cv.say("N", "No, just ", NV("word", "mark"), " the delivery day on the calendar.")


def b_close(cv, who):
    p = cv.p
    k = cv.r()
    if k < 0.4:
        cv.say("N", "If you have questions, call the nurse line and ask for extension ", NV("ext", p["ext"]),
               ", or after hours ", NV("menu", cv.ch([1, 2, 3])), " for the on-call nurse. If you get short of breath or chest pain, call ",
               NV("e911"), ".")
    elif k < 0.6:
        cv.say("N", "My direct extension is ", NV("ext", p["ext"]), " if anything changes before the visit.")
    elif k < 0.8:
        cv.say("N", "Remember, chest pain or trouble breathing, don't wait for us, call ", NV("e911"), ".")
    else:
        cv.say("N", "When you call the main line, ", NV("menu", cv.ch([1, 2, 3])), " for scheduling and ask for me.")
    if who == "P":
        cv.say("P", cv.ch(["Okay, I will. Thank you, honey.", "Thank you so much.", "All right, thanks for calling."]))
    else:
        cv.say("C", "Will do. Thanks, ", V("NAME", p["nurse_first"], "prev"), ".")
    cv.say("N", "You're welcome, ", V("NAME", p["first"] if who == "P" else p["cg_first"], "prev"), ". Take care.")


BLOCKS = {"ssn4": b_ssn4, "ssnfull": b_ssnfull, "phone": b_phone, "mrn": b_mrn, "addr": b_addr, "card": b_card,
          "email": b_email, "mbi": b_mbi, "npi": b_npi, "member": b_member, "dates": b_dates}


# --------------------------------------------------------------------------- carrier
def find_carrier_dir(arg):
    cands = []
    if arg:
        cands.append(arg)
    if os.environ.get("CARRIER_DIR"):
        cands.append(os.environ["CARRIER_DIR"])
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cands.append(os.path.join(d, "shared", "carrier-sources"))
        d = os.path.dirname(d)
    cands.append("/work/shared/carrier-sources")
    for c in cands:
        if os.path.isfile(os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")):
            return c
    sys.exit("carrier sources not found (use --carrier-dir)")


def load_carriers(cdir):
    path = os.path.join(cdir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    months = [m.lower() for m in MONTHS]
    keep = ("ROS", "ALLERGY", "MEDICATIONS", "FAM/SOCHX", "PASTMEDICALHX")
    wl = {"I", "I'm", "I've", "I'd", "I'll", "OK", "Okay"}
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["section_header"] not in keep:
                continue
            lines = [ln.strip() for ln in r["dialogue"].split("\n") if ln.strip()]
            if not 2 <= len(lines) <= 4:
                continue
            if not all(re.match(r"(Doctor|Patient): \S", ln) for ln in lines):
                continue
            if not lines[0].startswith("Doctor:"):
                continue
            if any(len(ln) > 220 for ln in lines):
                continue
            t = " ".join(ln.split(": ", 1)[1] for ln in lines)
            if re.search(r"\d", t) or any(re.search(r"\b" + m + r"\b", t.lower()) for m in months):
                continue
            if re.search(r"\b(exam|look at|take a look|press|breathe in|lie down|touch|come in|clinic|office|"
                         r"visit|birthday|old|years|Mr|Mrs|Ms|Dr|Doctor|miss|sir|ma'am|here)\b", t, re.I):
                continue
            bad = False
            for s in re.split(r"(?<=[.?!])\s+", t):
                for x in s.split()[1:]:
                    x2 = x.strip(".,?!;:\"()")
                    if x2[:1].isupper() and x2 not in wl and not (len(x2) == 1):
                        bad = True
            if re.search(r"\b[A-Z] [A-Z]\b", t):
                bad = True
            if bad:
                continue
            turns = []
            for ln in lines:
                sp, txt = ln.split(": ", 1)
                turns.append(("N" if sp == "Doctor" else "P", txt.strip()))
            out.append(("mts-train:" + r["ID"], turns))
    out.sort(key=lambda x: int(x[0].split(":")[1]))
    return out


def b_carrier(cv, who, carriers, used):
    cid, turns = cv.rng.choice(carriers)
    used.append(cid)
    for role, txt in turns:
        cv.say("N" if role == "N" else who, txt)


# --------------------------------------------------------------------------- assembly
class Builder:
    """Collects text pieces and records byte offsets."""

    def __init__(self):
        self.parts = []
        self.nbytes = 0
        self.spans = []
        self.negs = []

    def text(self):
        return "".join(self.parts)

    def last_char(self):
        for p in reversed(self.parts):
            if p:
                return p[-1]
        return ""

    def add(self, s):
        self.parts.append(s)
        self.nbytes += len(s.encode("utf-8"))

    def add_piece(self, x, style):
        if isinstance(x, Span):
            st = self.nbytes
            self.add(x.text)
            self.spans.append({"start": st, "end": self.nbytes, "entity": x.entity, "spoken": x.spoken,
                               "cue": x.cue, "form": x.form, "value": x.value})
        elif isinstance(x, Neg):
            st = self.nbytes
            self.add(x.text)
            self.negs.append({"start": st, "end": self.nbytes, "what": x.what})
        else:
            s = style_plain(x, style)
            if self.last_char() in (" ", "") and s.startswith(" "):
                s = s.lstrip(" ")
            self.add(s)


def turn_pieces(pieces, style):
    """drop trailing plain pieces that the style reduces to nothing."""
    out = list(pieces)
    while out and isinstance(out[-1], str) and not style_plain(out[-1], style).strip():
        out.pop()
    return out


def plain_end(b):
    return not (b.spans and b.spans[-1]["end"] == b.nbytes) and not (b.negs and b.negs[-1]["end"] == b.nbytes)


def render_transcript(cv, labels, style_of, stamps, rng):
    b = Builder()
    t = rng.randint(2, 9)
    for i, (role, pieces) in enumerate(cv.turns):
        if i:
            b.add("\n")
        if stamps:
            b.add("[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60))
            t += rng.randint(3, 19)
        b.add(labels[role] + " ")
        style = style_of[role]
        for x in turn_pieces(pieces, style):
            b.add_piece(x, style)
        # strip trailing spaces of the line (only from a plain piece)
        while b.parts and b.parts[-1] == "" and plain_end(b):
            b.parts.pop()
        if b.parts[-1].endswith(" ") and plain_end(b):
            s = b.parts.pop()
            b.nbytes -= len(s.encode("utf-8"))
            b.add(s.rstrip(" "))
    return b


# --------------------------------------------------------------------------- JSON
class RS:
    """A JSON string made of pieces (plain str, Span, Neg)."""

    def __init__(self, pieces, style):
        self.pieces = list(pieces)
        self.style = style

    def plain(self):
        return "".join(x if isinstance(x, str) else x.text for x in self.styled())

    def styled(self):
        out = []
        last = ""
        for x in self.pieces:
            if isinstance(x, str):
                s = style_plain(x, self.style)
                if last.endswith(" ") and s.startswith(" "):
                    s = s.lstrip(" ")
                out.append(s)
                if s:
                    last = s
            else:
                out.append(x)
                last = x.text
        while out and isinstance(out[-1], str) and out[-1].endswith(" "):
            out[-1] = out[-1].rstrip(" ")
        return out


def to_plain(o):
    if isinstance(o, RS):
        return o.plain()
    if isinstance(o, dict):
        return {k: to_plain(v) for k, v in o.items()}
    if isinstance(o, list):
        return [to_plain(v) for v in o]
    return o


def serialise(obj):
    b = Builder()

    def esc(s):
        return json.dumps(s, ensure_ascii=False)[1:-1]

    def w(o):
        if isinstance(o, RS):
            b.add('"')
            for x in o.styled():
                if isinstance(x, str):
                    b.add(esc(x))
                elif isinstance(x, Span):
                    b.add_piece(Span(esc(x.text), x.entity, x.spoken, x.cue, x.form, x.value), None)
                else:
                    b.add_piece(Neg(esc(x.text), x.what), None)
            b.add('"')
        elif isinstance(o, dict):
            b.add("{")
            for i, (k, v) in enumerate(o.items()):
                if i:
                    b.add(",")
                b.add(json.dumps(k, ensure_ascii=False) + ":")
                w(v)
            b.add("}")
        elif isinstance(o, list):
            b.add("[")
            for i, v in enumerate(o):
                if i:
                    b.add(",")
                w(v)
            b.add("]")
        else:
            b.add(json.dumps(o, ensure_ascii=False))

    w(obj)
    expect = json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))
    assert b.text() == expect, "serialiser mismatch"
    return b


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def summary_pieces(cv, rng, kind):
    """LLM-written post-call summary (written forms)."""
    R = Render(random.Random("%s-sum" % rng.random()), "llm", summary=True)
    p = cv.p
    f = cv.facts
    out = []
    lead = {"tcm": "Post-discharge transitional care call", "sched": "Home health scheduling call",
            "rpm": "Remote patient monitoring check-in", "inbound": "Inbound call from caregiver",
            "intake": "Referral intake call"}[kind]
    out += [lead + " with patient "]
    out += [R.render(V("NAME", p["name"], "same")), " (DOB ", R.render(V("DOB", p["dob"], "same")), "). "]
    if "discharge" in f:
        out += ["Discharged from %s on " % p["hospital"], R.render(V("DATE", p["discharge"], "same")),
                " after %s. " % p["condition"][1]]
    for nf in cv.negfacts[:3]:
        label = {"bp": "BP", "weight": "Weight", "o2": "SpO2", "glucose": "Glucose", "dose": "Taking " + p["meds"][0][0],
                 "appt": "Cardiology follow-up"}.get(nf.what, nf.what)
        out += [label + " ", R.neg(nf), ". "]
    if "ssn4" in f:
        out += ["Identity verified with DOB and SSN last 4 ", R.render(V("SSN", f["ssn4"][1], "same")), ". "]
    if "ssn" in f:
        out += ["Full SSN collected for Medicaid waiver application: ", R.render(V("SSN", f["ssn"][1], "same")), ". "]
    if "mrn" in f:
        out += ["MRN ", R.render(V("MRN", f["mrn"][1], "same")), ". "]
    if "phone" in f:
        out += ["New primary phone: ", R.render(V("PHONE", f["phone"][1], "same")), ". "]
    if "street" in f:
        out += ["Visit address: ", R.render(V("STREET", f["street"][1], "same"))]
        if "city" in f:
            out += [", ", R.render(V("CITY", f["city"][1], "same"))]
        if "zip" in f:
            out += [" ", R.render(V("ZIP", f["zip"][1], "same"))]
        out += [". "]
    if "email" in f:
        out += ["Portal/alert email: ", R.render(V("EMAIL", f["email"][1], "same")), ". "]
    if "card" in f:
        if rng.random() < 0.6:
            out += ["Card payment taken, card number ", R.render(V("CARD", f["card"][1], "same")),
                    "; billing to collect expiration and CVV off the recording. "]
        else:
            out += ["Patient paid balance by card over the phone. "]
    if "mbi" in f:
        out += ["Medicare MBI ", R.render(V("MBI", f["mbi"][1], "same")), ". "]
    if "member" in f:
        out += ["MA plan member ID ", R.render(V("MEMBER_ID", f["member"][1], "same")), ". "]
    if "npi" in f:
        out += ["Ordering physician Dr. ", R.render(V("NAME", f["doc"][1], "same")), ", NPI ",
                R.render(V("NPI", f["npi"][1], "same")), ". "]
    out += ["Nurse line extension ", R.neg(NV("ext", p["ext"])), " given; advised to call ", R.neg(NV("e911")),
            " for chest pain or shortness of breath."]
    return out


def structured(cv, rng):
    R = Render(random.Random("%s-sd" % rng.random()), "llm", summary=True)
    p = cv.p
    f = cv.facts
    d = collections.OrderedDict()
    d["patient_name"] = RS([R.render(V("NAME", p["name"], "same"))], "llm")
    y, m, dd = p["dob"]
    d["date_of_birth"] = RS([Span("%04d-%02d-%02d" % (y, m, dd), "DOB", False, "same", "written_iso",
                                  canon("DOB", p["dob"]))], "llm")
    keys = {"ssn4": ("ssn_last4", "SSN"), "ssn": ("ssn", "SSN"), "mrn": ("mrn", "MRN"), "phone": ("callback_number", "PHONE"),
            "email": ("email", "EMAIL"), "zip": ("zip", "ZIP"), "street": ("street_address", "STREET"),
            "city": ("city", "CITY"), "mbi": ("medicare_id", "MBI"), "member": ("member_id", "MEMBER_ID"),
            "npi": ("ordering_npi", "NPI"), "card": ("card_number", "CARD"), "discharge": ("discharge_date", "DATE")}
    for k, (name, ent) in keys.items():
        if k not in f:
            continue
        val = f[k][1]
        if ent == "PHONE":
            sp = Span("+1" + val, "PHONE", False, "same", "written_e164", val)
        elif ent == "DATE":
            sp = Span("%04d-%02d-%02d" % val[:3], "DATE", False, "same", "written_iso", canon("DATE", val))
        elif ent == "STREET":
            sp = Span(street_written(val, abbr=True), "STREET", False, "same", "written_street_abbr", canon("STREET", val))
        else:
            sp = R.render(V(ent, val, "same"))
            if ent == "SSN" and len(val) == 9:
                sp.text, sp.form = "%s-%s-%s" % (val[:3], val[3:5], val[5:]), "written_dash"
        d[name] = RS([sp], "llm")
    v = p["vitals"]
    d["bp_reading"] = RS([Neg("%d/%d" % v["bp"], "blood_pressure")], "llm")
    d["follow_up_needed"] = rng.random() < 0.5
    return d


def conv_lines(cv, style_of, names):
    """[(speaker_name, RS)] per turn"""
    out = []
    for role, pieces in cv.turns:
        out.append((role, names[role], RS(pieces, style_of[role])))
    return out


def payload_vapi(cv, style_of, rng, kind):
    lines = conv_lines(cv, style_of, {"N": "AI", "P": "User", "C": "User"})
    tr = []
    for i, (_, nm, rs) in enumerate(lines):
        tr += ([("\n")] if i else []) + [nm + ": "] + rs.pieces
    msgs = []
    t0 = 1718000000000 + rng.randint(0, 10 ** 10)
    sec = 0.6
    msgs.append({"role": "system", "message": "You are a friendly care assistant for %s. Verify identity before discussing health information." % cv.p["org"],
                 "time": t0, "secondsFromStart": 0})
    for role, nm, rs in lines:
        sec += rng.uniform(2.0, 9.0)
        msgs.append({"role": "bot" if role == "N" else "user", "message": rs, "time": t0 + int(sec * 1000),
                     "endTime": t0 + int((sec + 2.1) * 1000), "secondsFromStart": round(sec, 2)})
    rs_tr = RS(tr, "mixed")
    rs_tr.styled = lambda rs=rs_tr, lines=lines: _styled_mixed(lines, True)
    call = {"id": uuid4(rng), "orgId": uuid4(rng), "type": "outboundPhoneCall", "status": "ended",
            "assistantId": uuid4(rng)}
    cust = {}
    if "phone" in cv.facts or rng.random() < 0.5:
        num = cv.p["phone"]
        cust = {"number": RS([Span("+1" + num, "PHONE", False, "same", "written_e164", num)], "llm")}
    msg = {"message": {"timestamp": t0 + int(sec * 1000) + 900, "type": "end-of-call-report",
                       "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                       "call": call, "customer": cust,
                       "artifact": {"messages": msgs, "transcript": rs_tr,
                                    "recordingUrl": "https://storage.vapi.ai/%s-%d-mono.wav" % (call["id"], t0)},
                       "analysis": {"summary": RS(summary_pieces(cv, rng, kind), "llm"),
                                    "structuredData": structured(cv, rng), "successEvaluation": "true"},
                       "startedAt": iso_ms(t0), "endedAt": iso_ms(t0 + int(sec * 1000)),
                       "cost": round(rng.uniform(0.08, 0.6), 4), "durationSeconds": round(sec, 3)}}
    return msg


def _styled_mixed(lines, sep_newline, joiner="\n", tagger=None):
    out = []
    for i, (role, nm, rs) in enumerate(lines):
        if i:
            out.append(joiner)
        out.append((tagger(role, nm) if tagger else nm + ": "))
        out += rs.styled()
    return out


def iso_ms(ms):
    dt = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def payload_retell(cv, style_of, rng, kind):
    lines = conv_lines(cv, style_of, {"N": "Agent", "P": "User", "C": "User"})
    rs_tr = RS([], "mixed")
    rs_tr.styled = lambda lines=lines: _styled_mixed(lines, True)
    t0 = 1718000000000 + rng.randint(0, 10 ** 10)
    dur = rng.randint(90000, 420000)
    objs = [{"role": "agent" if r == "N" else "user", "content": rs} for r, nm, rs in lines]
    num = cv.p["phone"]
    call = {"call_type": "phone_call", "to_number": RS([Span("+1" + num, "PHONE", False, "same", "written_e164", num)], "llm"),
            "direction": "outbound", "call_id": "call_%032x" % rng.getrandbits(128),
            "agent_id": "agent_%024x" % rng.getrandbits(96), "call_status": "ended",
            "metadata": {"campaign": kind + "_outreach", "patient_ref": RS([Span(cv.p["mrn"], "MRN", False, "same", "written_plain", cv.p["mrn"])], "llm")},
            "retell_llm_dynamic_variables": {"patient_name": RS([Span(cv.p["name"], "NAME", False, "same", "written_name", cv.p["name"])], "llm"),
                                             "agency": cv.p["org"]},
            "start_timestamp": t0, "end_timestamp": t0 + dur, "duration_ms": dur,
            "transcript": rs_tr, "transcript_object": objs,
            "recording_url": "https://dxc03zgurdly9.cloudfront.net/%032x/recording.wav" % rng.getrandbits(128),
            "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
            "call_analysis": {"call_summary": RS(summary_pieces(cv, rng, kind), "llm"),
                              "user_sentiment": rng.choice(["Positive", "Neutral"]), "call_successful": True,
                              "in_voicemail": False, "custom_analysis_data": structured(cv, rng)}}
    return {"event": "call_analyzed", "call": call}


def payload_signalwire(cv, style_of, rng, kind):
    lines = conv_lines(cv, style_of, {"N": "assistant", "P": "user", "C": "user"})
    log = [{"role": "system", "content": "You are the after-discharge outreach assistant for %s." % cv.p["org"]}]
    for r, nm, rs in lines:
        log.append({"role": nm, "content": rs})
    raw = [dict(x) for x in log]
    summ = summary_pieces(cv, rng, kind)
    num = cv.p["phone"]
    t0 = 1718000000000000 + rng.randint(0, 10 ** 13)
    return {"action": "post_conversation", "project_id": uuid4(rng), "space_id": uuid4(rng),
            "call_id": uuid4(rng), "ai_session_id": uuid4(rng), "conversation_id": kind + "-" + "%08x" % rng.getrandbits(32),
            "caller_id_number": RS([Span("+1" + num, "PHONE", False, "same", "written_e164", num)], "llm"),
            "call_start_date": t0, "call_end_date": t0 + rng.randint(60, 400) * 1000000,
            "call_log": log, "raw_call_log": raw,
            "post_prompt_data": {"raw": RS(summ, "llm"), "substituted": RS(summ, "llm"),
                                 "parsed": [structured(cv, rng)]},
            "SWMLVars": {"agency": cv.p["org"]}}


def payload_deepgram(cv, style_of, rng, kind):
    lines = conv_lines(cv, style_of, {"N": 0, "P": 1, "C": 1})
    t = 0.4
    utts = []
    paras = []
    for r, spk, rs in lines:
        d = rng.uniform(1.5, 8.0)
        utts.append({"start": round(t, 2), "end": round(t + d, 2), "confidence": round(rng.uniform(0.86, 0.99), 4),
                     "channel": 0, "transcript": rs, "speaker": spk, "id": uuid4(rng)})
        paras.append({"sentences": [{"text": rs, "start": round(t, 2), "end": round(t + d, 2)}], "speaker": spk,
                      "num_words": len(rs.plain().split()), "start": round(t, 2), "end": round(t + d, 2)})
        t += d + rng.uniform(0.2, 1.2)
    full = RS([], "mixed")
    full.styled = lambda lines=lines: _styled_mixed(lines, False, " ", lambda r, n: "")
    ptr = RS([], "mixed")
    ptr.styled = lambda lines=lines: ["\n"] + _styled_mixed(lines, False, "\n\n", lambda r, n: "Speaker %d: " % n)
    mid = uuid4(rng)
    return {"metadata": {"transaction_key": "deprecated", "request_id": uuid4(rng), "sha256": "%064x" % rng.getrandbits(256),
                         "created": iso_ms(1718000000000 + rng.randint(0, 10 ** 10)), "duration": round(t, 3), "channels": 1,
                         "models": [mid], "model_info": {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}},
                         "summary_info": {"model_uuid": uuid4(rng), "input_tokens": rng.randint(300, 1400), "output_tokens": rng.randint(60, 160)}},
            "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(rng.uniform(0.9, 0.99), 4),
                                                        "paragraphs": {"transcript": ptr, "paragraphs": paras}}]}],
                        "utterances": utts,
                        "summary": {"result": "success", "short": RS(summary_pieces(cv, rng, kind), "llm")}}}


def payload_transcribe(cv, style_of, rng, kind):
    lines = conv_lines(cv, style_of, {"N": "AGENT", "P": "CUSTOMER", "C": "CUSTOMER"})
    t = 300
    items = []
    for r, role, rs in lines:
        d = rng.randint(1500, 9000)
        items.append({"LoudnessScores": [round(rng.uniform(60, 85), 2) for _ in range(rng.randint(1, 4))],
                      "Content": rs, "Id": uuid4(rng), "BeginOffsetMillis": t, "EndOffsetMillis": t + d,
                      "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "POSITIVE"]), "ParticipantRole": role})
        t += d + rng.randint(100, 900)
    return {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "Transcript": items,
            "Categories": {"MatchedCategories": [], "MatchedDetails": {}},
            "ConversationCharacteristics": {"NonTalkTime": {"Instances": [], "TotalTimeMillis": rng.randint(800, 9000)},
                                            "TotalConversationDurationMillis": t,
                                            "Sentiment": {"OverallSentiment": {"AGENT": round(rng.uniform(0, 3), 1),
                                                                               "CUSTOMER": round(rng.uniform(-1, 3), 1)}},
                                            "Interruptions": {"TotalCount": rng.randint(0, 4)}},
            "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": RS(summary_pieces(cv, rng, kind), "llm")}}},
            "JobName": "hh-%s-%08x" % (kind, rng.getrandbits(32)), "ContentMetadata": {"Output": "Raw"}}


PAYLOADS = {"vapi": payload_vapi, "retell": payload_retell, "signalwire": payload_signalwire,
            "deepgram": payload_deepgram, "transcribe": payload_transcribe}


# --------------------------------------------------------------------------- records
LABELSETS = [
    {"N": "[nurse]", "P": "[patient]", "C": "[caregiver]"},
    {"N": "Nurse:", "P": "Patient:", "C": "Caregiver:"},
    {"N": "Speaker 0:", "P": "Speaker 1:", "C": "Speaker 1:"},
    {"N": "AGENT:", "P": "CUSTOMER:", "C": "CUSTOMER:"},
    {"N": "Care Manager:", "P": "Patient:", "C": "Family:"},
    {"N": "spk_0:", "P": "spk_1:", "C": "spk_1:"},
    {"N": "[agent]", "P": "[caller]", "C": "[caller]"},
    {"N": "Scheduler:", "P": "Patient:", "C": "Caller:"},
]


class Balancer:
    def __init__(self, keys):
        self.c = collections.OrderedDict((k, 0) for k in keys)

    def take(self, rng, n, allowed=None):
        keys = [k for k in self.c if allowed is None or k in allowed]
        keys.sort(key=lambda k: (self.c[k], rng.random()))
        got = keys[:n]
        for k in got:
            self.c[k] += 1
        return got


def build_conv(rng, p, kind, who, styles, picks, carriers, used, ai=False):
    cv = build_conv1(rng, p, kind, who, styles, picks, carriers, used, ai)
    if len(cv.turns) > 40:
        # too long for one call: drop the history chat and the carrier exchange
        del used[:]
        cv = build_conv1(random.Random("%s-short" % rng.random()), p, kind, who, styles, picks, carriers, used,
                         ai, short=True)
    return cv


def build_conv1(rng, p, kind, who, styles, picks, carriers, used, ai=False, short=False):
    cv = Conv(rng, styles, p, None)
    if kind == "inbound":
        b_inbound_open(cv, who)
        if rng.random() < 0.5:
            b_verify(cv, who)
    else:
        b_greet_outbound(cv, who, ai)
        b_verify(cv, who)
    body = []
    if kind == "tcm":
        body = ["dates", "carrier", "vitals", "meds", "history", "followup"]
    elif kind == "sched":
        body = ["followup", "carrier", "history"]
    elif kind == "rpm":
        body = ["rpm", "vitals", "carrier"]
    elif kind == "inbound":
        body = ["carrier", "history", "meds"]
    if rng.random() < 0.3 and len(body) > 3:
        body.remove(rng.choice([b for b in body if b not in ("dates",)]))
    if short:
        body = [b for b in body if b not in ("carrier", "history", "vitals")]
    body = [b for b in body if not (b == "dates" and "dates" in picks)]
    seq = []
    for b in body:
        seq.append(b)
    for k in picks:
        pos = rng.randint(1, len(seq))
        seq.insert(pos, k)
    for b in seq:
        if b == "carrier":
            b_carrier(cv, who, carriers, used)
        elif b in BLOCKS:
            BLOCKS[b](cv, who)
        else:
            {"vitals": b_vitals, "meds": b_meds, "followup": b_followup, "rpm": b_rpm, "history": b_history}[b](cv, who)
    b_close(cv, who)
    return cv


def gen_records(seed, n, carriers):
    master = random.Random("holdout45-%d" % seed)
    n_json = round(n * 0.45)
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    master.shuffle(fmts)
    keybal = Balancer(KEY_BLOCKS)
    extbal = Balancer(EXTRA_BLOCKS)
    profbal = Balancer(JSON_PROFILES)
    stylebal = Balancer(TRANSCRIPT_STYLES)
    recs = []
    for i in range(n):
        rng = random.Random("holdout45-%d-%d" % (seed, i))
        p = make_persona(rng)
        fmt = fmts[i]
        kind = rng.choice(["tcm", "tcm", "sched", "rpm", "inbound"])
        who = "C" if rng.random() < 0.3 else "P"
        picks = keybal.take(rng, 3)
        if kind == "inbound":
            picks = [k for k in picks if k != "mrn"] or picks
        picks += extbal.take(rng, 1 if rng.random() < 0.7 else 2)
        used = []
        if fmt == "transcript":
            style = stylebal.take(rng, 1)[0]
            styles = {"N": style, "P": style, "C": style}
            cv = build_conv(rng, p, kind, who, styles, picks, carriers, used)
            if len(cv.turns) > 40:
                cv.turns = cv.turns[:40]
            labels = dict(rng.choice(LABELSETS))
            if labels["N"] in ("Scheduler:",) and kind != "sched":
                labels["N"] = "Nurse:"
            b = render_transcript(cv, labels, styles, rng.random() < 0.35, rng)
            rec = {"id": "h45-%03d" % i, "format": "transcript", "kind": "transcript_%s_%s" % (kind, style),
                   "text": b.text(), "spans": b.spans, "negatives": b.negs, "carrier": used}
        else:
            prof = profbal.take(rng, 1)[0]
            ai = prof in ("vapi", "retell", "signalwire")
            stt = rng.choice(["whisper", "words", "legacy", "aci"])
            styles = {"N": "llm" if ai else stt, "P": stt, "C": stt}
            cv = build_conv(rng, p, kind, who, styles, picks, carriers, used, ai=ai)
            obj = PAYLOADS[prof](cv, styles, rng, kind)
            b = serialise(obj)
            rec = {"id": "h45-%03d" % i, "format": "json", "profile": prof,
                   "kind": "json_%s_%s_%s" % (prof, kind, stt),
                   "text": b.text(), "spans": b.spans, "negatives": b.negs, "carrier": used}
        recs.append(rec)
    return recs


# --------------------------------------------------------------------------- check
FILLERS = {"uh", "um", "er", "hmm", "uhm"}
UNITS = {w: i for i, w in enumerate(ONES)}
UNITS["oh"] = 0
UNITS_O = dict(UNITS)
UNITS_O["o"] = 0
TEEN = {w: 10 + i for i, w in enumerate(TEENS)}
TEN = {w: 10 * i for i, w in enumerate(TENS) if w}
ORDU = {w: i for i, w in enumerate(ORD_UNITS) if w}
ORDT = {w: 10 + i for i, w in enumerate(ORD_TEENS)}
ORDTEN = {"twentieth": 20, "thirtieth": 30}
NATO_R = {v: k for k, v in NATO.items()}
NUMW = set(UNITS_O) | set(TEEN) | set(TEN) | set(ORDU) | set(ORDT) | set(ORDTEN) | {"hundred", "thousand", "double", "triple"}


def conv_stream(text, email=False):
    """Spoken -> tokens with number words as digits, NATO/as-in letters, dot/at/underscore."""
    t = ascii_fold(text).lower()
    t = re.sub(r"\bas in [a-z'-]+", " ", t)
    t = t.replace("...", " ")
    raw = [x for x in re.split(r"[\s,;()/]+", t) if x]
    toks = []
    for r in raw:
        r = r.strip("?!:\"")
        if not email:
            r = r.strip(".")
        r = r.rstrip(".")
        if not r:
            continue
        if "-" in r:
            parts = [x for x in r.split("-") if x]
            if all(x in NUMW or len(x) == 1 or x in NATO_R for x in parts):
                toks.extend(parts)
                continue
        toks.append(r)
    units = UNITS if email else UNITS_O
    out = []
    i = 0
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w in FILLERS:
            i += 1
            continue
        if w in ("double", "triple") and nxt in units:
            out.append(str(units[nxt]) * (2 if w == "double" else 3))
            i += 2
            continue
        if w in units:
            out.append(str(units[w]))
        elif w in TEEN:
            out.append(str(TEEN[w]))
        elif w in TEN:
            if nxt in UNITS and UNITS[nxt] and nxt not in ("oh",):
                out.append(str(TEN[w] + UNITS[nxt]))
                i += 1
            elif nxt in ORDU:
                out.append(str(TEN[w] + ORDU[nxt]))
                i += 1
            else:
                out.append(str(TEN[w]))
        elif w in ORDU:
            out.append(str(ORDU[w]))
        elif w in ORDT:
            out.append(str(ORDT[w]))
        elif w in ORDTEN:
            out.append(str(ORDTEN[w]))
        elif w == "hundred":
            if nxt in TEEN or nxt in TEN:
                pass
            elif nxt in UNITS and nxt not in ("oh", "zero"):
                out.append("0")
            elif nxt == "and":
                n2 = toks[i + 2] if i + 2 < len(toks) else ""
                out.append("" if (n2 in TEEN or n2 in TEN) else "0")
                i += 1
            else:
                out.append("00")
        elif w == "thousand":
            if nxt in TEEN or nxt in TEN:
                out.append("0")
            elif nxt in UNITS and nxt not in ("oh", "zero"):
                out.append("00")
            else:
                out.append("000")
        elif w == "dot":
            out.append(".")
        elif w == "at":
            out.append("@")
        elif w == "underscore":
            out.append("_")
        elif w in ("dash", "hyphen"):
            out.append("-")
        elif w in NATO_R and not email:
            out.append(NATO_R[w])
        elif w == "capital":
            pass
        else:
            out.append(w)
        i += 1
    return out


def digits_of(text):
    return re.sub(r"\D", "", "".join(conv_stream(text)))


def date_ok(text, value):
    y, m, d = (int(x) for x in value.split("-"))
    low = ascii_fold(text).lower()
    named = None
    for k, mn in enumerate(MONTHS):
        if re.search(r"\b(%s|%s)\b" % (mn.lower(), MONTH_ABBR[k].lower()), low):
            named = k + 1
    if named is not None and named != m:
        return False
    s = digits_of(text)
    ms = [""] if named else [str(m), "%02d" % m]
    ds = [str(d), "%02d" % d]
    ys = [str(y), "%02d" % (y % 100), ""]
    cands = set()
    for a in ms:
        for b in ds:
            for c in ys:
                cands.update([a + b + c, b + a + c, c + a + b])
    return s in cands


def value_ok(entity, text, value):
    if entity == "PHONE":
        dg = digits_of(text)
        return (dg == value or dg == "1" + value) and len(value) == 10 and value[3:6] == "555" and value[6:8] == "01"
    if entity == "SSN":
        dg = digits_of(text)
        if dg != value:
            return False
        if len(value) == 4:
            return value.isdigit()
        return len(value) == 9 and value[:3] not in ("000", "666") and value[0] != "9" and value[3:5] != "00" and value[5:] != "0000"
    if entity == "CARD":
        dg = digits_of(text)
        return dg == value and len(value) in (15, 16) and luhn_ok(value)
    if entity == "NPI":
        dg = digits_of(text)
        return dg == value and len(value) == 10 and luhn_ok("80840" + value)
    if entity == "ZIP":
        return digits_of(text) == value.replace("-", "") and len(value) in (5, 10)
    if entity in ("MRN", "MEMBER_ID", "MBI"):
        got = re.sub(r"[^0-9a-z]", "", "".join(conv_stream(text)))
        if got != value.lower():
            return False
        if entity == "MBI":
            return bool(re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                                     r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}", value))
        return len(re.sub(r"\D", "", value)) >= 6
    if entity == "EMAIL":
        got = "".join(conv_stream(text, email=True))
        return got == value.lower() and bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]+", value))
    if entity in ("NAME", "CITY"):
        t = re.sub(r"\bas in [A-Za-z'-]+", " ", text, flags=re.I)
        a = "".join(c for c in ascii_fold(t).lower() if c.isalpha())
        b = "".join(c for c in ascii_fold(value).lower() if c.isalpha())
        return a == b and len(a) >= 2
    if entity == "STREET":
        if digits_of(text) != re.sub(r"\D", "", value):
            return False
        # the street name and its suffix (or the abbreviation) are there
        low = text.lower()
        name = value.lower()
        nm = [s for s in STREETS if s.lower() in name]
        return bool(nm) and any(s.lower() in low for s in nm)
    if entity in ("DOB", "DATE"):
        return date_ok(text, value)
    return False


def json_string_ranges(raw_bytes):
    """byte ranges (start, end) of the contents of every JSON string token."""
    out = []
    i = 0
    n = len(raw_bytes)
    while i < n:
        c = raw_bytes[i]
        if c == 0x22:
            j = i + 1
            while raw_bytes[j] != 0x22:
                j += 2 if raw_bytes[j] == 0x5C else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z][a-z _]*\]|[A-Za-z][A-Za-z0-9 _]*:) \S")
ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"]


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s: duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        tb = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not LABEL_RE.match(ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank/trailing line" % rid)
            ranges = None
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as e:
                errs.append("%s: json %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact json" % rid)
            if r.get("profile") not in JSON_PROFILES:
                errs.append("%s: profile" % rid)
            ranges = json_string_ranges(tb)
        else:
            errs.append("%s: format" % rid)
            continue
        occ = []
        for s in r["spans"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(tb)):
                errs.append("%s: span range" % rid)
                continue
            try:
                val = tb[a:z].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span splits a character" % rid)
                continue
            if val != val.strip() or not val:
                errs.append("%s: span has outer space %r" % (rid, val))
            if s["entity"] not in ENTITIES:
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s: span labels %r" % (rid, s))
            if ranges is not None:
                if not any(ra <= a and z <= rz for ra, rz in ranges):
                    errs.append("%s: span outside a JSON string" % rid)
                val = json.loads('"' + val + '"')
            if not value_ok(s["entity"], val, s.get("value", "")):
                errs.append("%s: invalid %s %r (value %r)" % (rid, s["entity"], val, s.get("value")))
            toks = re.findall(r"[a-z]+", ascii_fold(val).lower())
            wordy = any(t in NUMW or t in ("dot", "at", "underscore") or
                        (t in NATO_R and s["entity"] in ("MRN", "MBI", "MEMBER_ID")) for t in toks)
            if s["entity"] not in ("NAME", "CITY") and s["spoken"] != wordy:
                errs.append("%s: spoken flag %r for %s %r" % (rid, s["spoken"], s["entity"], val))
            occ.append((a, z, "span"))
        for ng in r.get("negatives", []):
            a, z = ng["start"], ng["end"]
            if not (0 <= a < z <= len(tb)):
                errs.append("%s: neg range" % rid)
                continue
            if not ng.get("what"):
                errs.append("%s: neg what" % rid)
            occ.append((a, z, "neg"))
        occ.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(occ, occ[1:]):
            if a2 < z1:
                errs.append("%s: overlap %s/%s at %d" % (rid, k1, k2, a2))
    return errs


# --------------------------------------------------------------------------- stats
def stats(records):
    ent = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    prof = collections.Counter()
    kinds = collections.Counter()
    for r in records:
        fmt[r["format"]] += 1
        if r.get("profile"):
            prof[r["profile"]] += 1
        kinds[r["kind"].split("_")[1] if r["format"] == "transcript" else r["kind"].split("_")[2]] += 1
        for s in r["spans"]:
            ent[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out = []
    out.append("records: %d (%s); json profiles: %s; call kinds: %s" % (
        len(records), ", ".join("%s %d" % kv for kv in sorted(fmt.items())),
        ", ".join("%s %d" % kv for kv in sorted(prof.items())),
        ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    out.append("")
    out.append("| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |")
    out.append("|---|---:|---:|---:|---|---|")
    tot = collections.Counter()
    for e in ENTITIES:
        sp = sum(ent[(e, "spoken", c)] for c in ("same", "prev", "none"))
        wr = sum(ent[(e, "written", c)] for c in ("same", "prev", "none"))
        tot["spoken"] += sp
        tot["written"] += wr
        out.append("| %s | %d | %d | %d | %s | %s |" % (
            e, sp + wr, sp, wr, "/".join(str(ent[(e, "spoken", c)]) for c in ("same", "prev", "none")),
            "/".join(str(ent[(e, "written", c)]) for c in ("same", "prev", "none"))))
    out.append("| **all** | %d | %d | %d | | |" % (tot["spoken"] + tot["written"], tot["spoken"], tot["written"]))
    out.append("")
    out.append("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    out.append("")
    out.append("forms:")
    for e in ENTITIES:
        fs = sorted((f, c) for (ee, f), c in forms.items() if ee == e)
        out.append("  %s: %s" % (e, ", ".join("%s %d" % fc for fc in fs)))
    return "\n".join(out)


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--carrier-dir", default="")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="*", metavar="FILE")
    args = ap.parse_args()
    if args.check is not None:
        recs = []
        for path in args.check:
            with open(path, encoding="utf-8") as f:
                recs += [json.loads(ln) for ln in f if ln.strip()]
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e, file=sys.stderr)
        print("%d records, %d errors" % (len(recs), len(errs)), file=sys.stderr)
        if args.stats:
            print(stats(recs))
        sys.exit(1 if errs else 0)
    carriers = load_carriers(find_carrier_dir(args.carrier_dir))
    recs = gen_records(args.seed, args.n, carriers)
    errs = check(recs)
    if errs:
        for e in errs[:50]:
            print("ERROR", e, file=sys.stderr)
        sys.exit("generated records fail the check (%d errors)" % len(errs))
    if args.stats:
        print(stats(recs))
    else:
        sys.stdout.write(dump(recs))


if __name__ == "__main__":
    main()
