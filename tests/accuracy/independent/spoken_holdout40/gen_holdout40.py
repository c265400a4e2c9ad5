#!/usr/bin/env python3
"""holdout40: workers' compensation / occupational-health / disability-leave phone calls.

An independent labelled corpus of spoken PHI (see README.md in this folder). Python 3 standard
library only; deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout40.py [--seed N] [--n 150] > holdout40.jsonl
  python3 gen_holdout40.py --stats                 # counts of the default output
  python3 gen_holdout40.py --check holdout40.jsonl # re-validate a file (+ its stats)

Carrier exchanges come from MTS-Dialog (CC BY 4.0) in shared/carrier-sources; the folder is
found next to the repository, at /work/shared/carrier-sources, or via --carrier-dir / CARRIER_DIR.
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

DEFAULT_SEED = 4040
DEFAULT_N = 150

# ---------------------------------------------------------------------------------------------
# pools (invented or common census names; fictitious everything)
FIRST_F = ["Dana", "Maria", "Linda", "Patricia", "Jennifer", "Angela", "Tamika", "Rosa", "Heather",
           "Kimberly", "Denise", "Latoya", "Brenda", "Yolanda", "Crystal", "Monica", "Shannon",
           "Teresa", "Veronica", "Wendy", "Carmen", "Priya", "Mei", "Ngozi", "Svetlana"]
FIRST_M = ["James", "Robert", "Luis", "Darnell", "Kevin", "Brian", "Jose", "Tyrone", "Gary",
           "Dennis", "Raymond", "Curtis", "Travis", "Marcus", "Hector", "Duane", "Randall",
           "Terrence", "Wesley", "Eduardo", "Anil", "Dmitri", "Kwame", "Tomasz", "Emre"]
LAST = ["Reyes", "Kowalski", "Washington", "Nguyen", "Okafor", "Brennan", "Castillo", "Hughes",
        "Lindqvist", "Patterson", "Delgado", "Mahoney", "Szymanski", "Robinson", "Yoder",
        "Fitzgerald", "Ramirez", "Ostrowski", "Jefferson", "Whitaker", "Nakamura", "Bergstrom",
        "Pruitt", "Gallagher", "Abernathy", "Villanueva", "Hollis", "Dombrowski", "Caldwell",
        "Sandoval", "Mckinney", "Ferreira", "Hartley", "Ozturk", "Chowdhury", "Vukovic"]
AGENT_F = ["Karen", "Stacy", "Nicole", "Tasha", "Erin", "Lauren", "Megan", "Renee", "Alicia",
           "Jasmine", "Kelly", "Amber"]
AGENT_M = ["Derek", "Jason", "Andre", "Scott", "Trevor", "Nate", "Omar", "Craig", "Phil", "Marco"]
DOC_LAST = ["Patel", "Okonkwo", "Sorensen", "Huang", "Barrientos", "Feldman", "Adeyemi",
            "Kaminski", "Rasmussen", "Iyer", "Lockhart", "Meyers"]
CITIES = [("Columbus", "Ohio", "432", "614"), ("Dayton", "Ohio", "454", "937"),
          ("Toledo", "Ohio", "436", "419"), ("Akron", "Ohio", "443", "330"),
          ("Lansing", "Michigan", "489", "517"), ("Flint", "Michigan", "485", "810"),
          ("Grand Rapids", "Michigan", "495", "616"), ("Fort Wayne", "Indiana", "468", "260"),
          ("Peoria", "Illinois", "616", "309"), ("Rockford", "Illinois", "611", "815"),
          ("Erie", "Pennsylvania", "165", "814"), ("Scranton", "Pennsylvania", "185", "570"),
          ("Allentown", "Pennsylvania", "181", "610"), ("Green Bay", "Wisconsin", "543", "920"),
          ("Kenosha", "Wisconsin", "531", "262"), ("Cedar Rapids", "Iowa", "524", "319"),
          ("Davenport", "Iowa", "528", "563"), ("Youngstown", "Ohio", "445", "330")]
STREET_NAMES = ["Maple", "Sycamore", "Linden", "Walnut", "Hickory", "Lakeview", "Birchwood",
                "Prospect", "Fairview", "Chestnut", "Ridgeway", "Orchard", "Willow Bend",
                "Cottonwood", "Millbrook", "Harrison", "Kenmore", "Elmwood", "Tecumseh", "Glenwood"]
SUFFIXES = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
            ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
           "comcast.net", "att.net"]
EMPLOYERS = ["Buckeye Pallet Company", "Tri-County Logistics", "Lakeshore Foods",
             "Maumee Valley Plastics", "Keystone Roofing", "Prairie State Poultry",
             "Great Lakes Tool and Die", "Riverbend Nursing Center", "Northfield Distribution",
             "Harbor Freight Lines", "Summit Ready Mix", "Crossroads Home Health"]
CLINICS = ["Midstate Occupational Health", "Riverside WorkCare", "Lakeside Occupational Medicine",
           "Keystone Work Injury Clinic", "Tri-County Industrial Health"]
INSURERS = ["Great Lakes Mutual", "Keystone Casualty", "Heartland Employers Insurance",
            "Allegheny Comp Services", "Prairie Risk Management"]
PBMS = ["CompRx Pharmacy Services", "WorkScript Pharmacy Benefits", "Injured Worker Rx"]
LEAVE_TPAS = ["Benefit Bridge Leave Services", "ClearPath Absence Management",
              "Mid-America Disability Services"]
DRUGS = [("meloxicam", [7.5, 15], "milligrams"), ("naproxen", [250, 500], "milligrams"),
         ("cyclobenzaprine", [5, 10], "milligrams"), ("gabapentin", [300, 600], "milligrams"),
         ("ibuprofen", [600, 800], "milligrams"), ("tizanidine", [2, 4], "milligrams"),
         ("lidocaine patches", [5], "percent"), ("methocarbamol", [500, 750], "milligrams")]
INJURIES = ["lower back", "right shoulder", "left knee", "right wrist", "neck", "left ankle",
            "right hand", "left shoulder"]
MECHANISMS = ["lifting a pallet", "coming down off a ladder", "unloading a trailer",
              "transferring a resident", "slipped on the loading dock", "pulling a hose",
              "catching a falling box", "climbing out of the cab"]

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
        "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
        "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
        "s": "sam", "t": "tom", "u": "umbrella", "v": "victor", "w": "william", "x": "x-ray",
        "y": "yellow", "z": "zebra"}


def num_words(n):
    """0..9999 in words, American style."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + num_words(r))
    t, r = divmod(n, 1000)
    return num_words(t) + " thousand" + ("" if r == 0 else " " + num_words(r))


def ord_words(n):
    if n in ORD:
        return ORD[n]
    return TENS[n // 10] + " " + ORD[n % 10]


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return rng.choice(["two thousand " + ONES[y - 2000] if y > 2000 else "two thousand",
                           "two thousand and " + ONES[y - 2000] if y > 2000 else "two thousand"])
    if y >= 2010:
        return rng.choice(["twenty " + num_words(y - 2000), "two thousand " + num_words(y - 2000)])
    hi, lo = divmod(y, 100)
    if lo == 0:
        return num_words(hi) + " hundred"
    return num_words(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else num_words(lo))


def pair_words(p, zero="oh"):
    n = int(p)
    if p == "00":
        return None
    if p[0] == "0":
        return zero + " " + ONES[n]
    return num_words(n)


def digit_words(s, zero="zero", dbl=False, sep=" "):
    out, i = [], 0
    zw = lambda d: zero if d == "0" else ONES[int(d)]
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        run = j - i
        if dbl and run == 3:
            out.append("triple " + zw(s[i]))
            i = j
            continue
        if dbl and run >= 2:
            out.append("double " + zw(s[i]))
            i += 2
            continue
        out.append(zw(s[i]))
        i += 1
    return sep.join(out)


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


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"^[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]$" % ((MBI_ALPHA,) * 6))


def ssn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    a, g, n = s[:3], s[3:5], s[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000" and \
        s not in ("078051120", "123456789", "219099999")


# ---------------------------------------------------------------------------------------------
# pieces

class V:
    """A gold PHI value inside a turn."""
    __slots__ = ("text", "entity", "spoken", "cue", "form", "value", "part")

    def __init__(self, text, entity, spoken, cue, form, value, part=None):
        self.text, self.entity, self.spoken, self.cue = text, entity, spoken, cue
        self.form, self.value, self.part = form, value, part

    def recue(self, cue):
        return V(self.text, self.entity, self.spoken, cue, self.form, self.value, self.part)


class N:
    """A labelled hard negative (canon: its written form, for summaries)."""
    __slots__ = ("text", "what", "canon")

    def __init__(self, text, what, canon=None):
        self.text, self.what, self.canon = text, what, canon


def rawify(s):
    s = s.lower()
    s = re.sub(r"[.,?!;:\"]", "", s)
    s = re.sub(r" {2,}", " ", s)
    return s


def assemble(pieces, raw):
    """Join pieces of one turn; returns (text, [(start, end, piece)]) in chars."""
    merged = []
    for p in pieces:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif p != "":
            merged.append(p)
    out, marks = "", []
    for k, p in enumerate(merged):
        if isinstance(p, str):
            s = rawify(p) if raw else p
            if out == "" or out.endswith(" "):
                s = s.lstrip(" ")
            if k == len(merged) - 1:
                s = s.rstrip(" ")
            if out and not out.endswith(" ") and s and s[0].isalnum() and raw and \
                    not isinstance(merged[k - 1], str):
                s = " " + s
            out += s
        else:
            if out and not out.endswith((" ", "(", "\"", "-", "\n")):
                out += " "
            st = len(out)
            out += p.text
            marks.append((st, len(out), p))
    out = re.sub(r" +$", "", out)
    return out, marks


# ---------------------------------------------------------------------------------------------
# persona and value renderers

class Persona:
    pass


def make_persona(rng, min_age=19):
    p = Persona()
    p.female = rng.random() < 0.5
    p.first = rng.choice(FIRST_F if p.female else FIRST_M)
    p.last = rng.choice(LAST)
    y = rng.randint(1952, 2005 - min_age + 19)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    p.dob = datetime.date(y, m, d)
    p.age = 2025 - y - (1 if (m, d) > (6, 1) else 0)
    while True:
        ssn = "%03d%02d%04d" % (rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999))
        if ssn_ok(ssn):
            break
    p.ssn = ssn
    city = rng.choice(CITIES)
    p.city, p.state, zp, area = city
    p.zip = zp + "%02d" % rng.randint(1, 99)
    p.zip4 = "%04d" % rng.randint(1, 9999) if rng.random() < 0.15 else ""
    p.phone = area + "555" + "01%02d" % rng.randint(0, 99)
    p.house = str(rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 9899)]))
    p.street = rng.choice(STREET_NAMES)
    p.suffix = rng.choice(SUFFIXES)
    p.unit = rng.choice(["", "", "", "", "2", "3B", "104", "C"])
    fn, ln = p.first.lower(), p.last.lower()
    style = rng.randint(0, 6)
    user = [fn + "." + ln, fn + ln + str(y % 100).zfill(2), fn[0] + ln, fn + "_" + ln,
            ln + fn[0] + str(rng.randint(1, 99)), fn + "." + ln + str(rng.randint(1, 9)),
            fn + ln[0] + str(y)][style]
    p.email = user + "@" + rng.choice(DOMAINS)
    kind = rng.randint(0, 3)
    if kind == 0:
        p.mrn = "%07d" % rng.randint(1000000, 9999999)
    elif kind == 1:
        p.mrn = "%08d" % rng.randint(10000000, 99999999)
    elif kind == 2:
        p.mrn = rng.choice("EMW") + "%07d" % rng.randint(100000, 9999999)
    else:
        p.mrn = "%06d" % rng.randint(200000, 999999)
    ck = rng.randint(0, 9)
    if ck <= 3:
        p.card = luhn_complete("4" + "".join(rng.choice("0123456789") for _ in range(14)))
    elif ck <= 6:
        p.card = luhn_complete(rng.choice(["51", "52", "53", "54", "55"]) +
                               "".join(rng.choice("0123456789") for _ in range(13)))
    elif ck <= 7:
        p.card = luhn_complete("6011" + "".join(rng.choice("0123456789") for _ in range(11)))
    else:
        p.card = luhn_complete(rng.choice(["34", "37"]) +
                               "".join(rng.choice("0123456789") for _ in range(12)))
    p.member = rng.choice(["XJH", "ZGP", "W", "MCR", "BKN", "YHA"]) + \
        "".join(rng.choice("0123456789") for _ in range(9))
    while True:
        chars = [rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA + "0123456789"),
                 rng.choice("0123456789"), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA + "0123456789"),
                 rng.choice("0123456789"), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA),
                 rng.choice("0123456789"), rng.choice("0123456789")]
        p.mbi = "".join(chars)
        if MBI_RE.match(p.mbi):
            break
    return p


class Style:
    def __init__(self, rng, raw, p_written):
        self.rng, self.raw, self.pw = rng, raw, p_written

    def written(self):
        return self.rng.random() < self.pw

    def low(self, s):
        return s.lower() if self.raw else s

    # -- numbers used in negatives
    def num(self, n, unit=""):
        if not self.raw and self.rng.random() < 0.75:
            s = ("%g" % n) if isinstance(n, float) else str(n)
        else:
            if isinstance(n, float) and n != int(n):
                a, b = str(n).split(".")
                s = num_words(int(a)) + " point " + digit_words(b)
            else:
                s = num_words(int(n))
        return s + (" " + unit if unit else "")

    def zero(self):
        return self.rng.choice(["oh", "oh", "zero", "o"] if self.raw else ["oh", "zero", "oh"])

    def sep(self):
        if self.raw:
            return self.rng.choice([" ", " ", " ", "... ", " uh "])
        return self.rng.choice([", ", ", ", " ", "... ", "-", ", uh, "])

    def _groups(self, groups, allow_pairs=True, allow_digits=True):
        """Render digit groups in words, with a mix of styles; returns (text, spoken, form)."""
        r = self.rng
        zero = self.zero()
        dbl = r.random() < 0.3
        sep = self.sep()
        if sep == "-":
            sep = r.choice([", ", " "])
        parts, tags = [], set()
        mixed_digit_group = allow_digits and r.random() < 0.18
        for gi, g in enumerate(groups):
            mode = "words"
            if mixed_digit_group and gi == len(groups) // 2:
                mode = "digits"
            elif allow_pairs and len(g) == 4 and gi == len(groups) - 1 and r.random() < 0.3 \
                    and "00" not in (g[:2], g[2:]):
                mode = "pairs"
            if mode == "digits":
                parts.append(g)
                tags.add("digitgroup")
            elif mode == "pairs":
                parts.append(" ".join(pair_words(g[i:i + 2], zero) for i in range(0, len(g), 2)))
                tags.add("pairs")
            else:
                parts.append(digit_words(g, zero, dbl))
                if dbl and re.search(r"(\d)\1", g):
                    tags.add("double")
        text = sep.join(parts)
        form = "digits_" + {"oh": "oh", "zero": "zero", "o": "o"}[zero]
        if "double" in tags:
            form += "_double"
        if "pairs" in tags:
            form += "_pairs"
        if "digitgroup" in tags:
            form = "mixed_digits_words"
        form += {", ": "_comma", " ": "_space", "... ": "_pause", " uh ": "_uh", ", uh, ": "_uh"}[sep]
        return text, True, form

    # -- identifiers
    def phone(self, v, cue, allow_written=True):
        r = self.rng
        if allow_written and self.written():
            k = r.choice([3, 4]) if self.raw else r.randint(0, 6)
            t = ["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s%s%s", "%s %s %s", "+1 %s-%s-%s",
                 "1-%s-%s-%s"][k] % (v[:3], v[3:6], v[6:])
            return V(t, "PHONE", False, cue, ["paren_dash", "dash", "dots", "bare10", "spaced",
                                               "plus1_dash", "one_dash"][k], v)
        t, sp, f = self._groups([v[:3], v[3:6], v[6:]])
        if r.random() < 0.12:
            t = digit_words("1", "") + " " + t
            f = "one_" + f
        return V(t, "PHONE", sp, cue, f, v)

    def ssn(self, v, cue):
        r = self.rng
        if self.written():
            k = r.choice([1, 2]) if self.raw else r.randint(0, 2)
            t = ["%s-%s-%s", "%s %s %s", "%s%s%s"][k] % (v[:3], v[3:5], v[5:])
            return V(t, "SSN", False, cue, ["dash", "spaced", "bare9"][k], v)
        t, sp, f = self._groups([v[:3], v[3:5], v[5:]])
        return V(t, "SSN", sp, cue, f, v)

    def ssn4(self, v, cue):
        r = self.rng
        l4 = v[5:]
        if self.written():
            return V(l4, "SSN", False, cue, "last4_digits", v)
        if r.random() < 0.3 and "00" not in (l4[:2], l4[2:]) and l4[0] != "0":
            return V(" ".join(pair_words(l4[i:i + 2]) for i in (0, 2)), "SSN", True, cue,
                     "last4_pairs", v)
        return V(digit_words(l4, self.zero(), r.random() < 0.4), "SSN", True, cue, "last4_words", v)

    def zip(self, v, cue, plus4=""):
        r = self.rng
        full = v + ("-" + plus4 if plus4 else "")
        if self.written():
            return V(full, "ZIP", False, cue, "zip_digits" + ("_plus4" if plus4 else ""), full)
        k = r.randint(0, 5)
        zero = self.zero()
        if k <= 3:
            t = digit_words(v, zero, r.random() < 0.3)
            f = "zip_words"
        elif k == 4 and v[3] != "0" and v[1] != "0":
            t = num_words(int(v[:2])) + " " + digit_words(v[2], zero) + " " + num_words(int(v[3:]))
            f = "zip_pairs"
        else:
            t = digit_words(v[:3], zero) + "... " + digit_words(v[3:], zero)
            f = "zip_words_pause"
        if plus4:
            t += (" dash " if f == "zip_pairs" else r.choice([" dash ", " "])) + digit_words(plus4, zero)
            f += "_plus4"
        return V(t, "ZIP", True, cue, f, full)

    def card(self, v, cue):
        r = self.rng
        groups = [v[:4], v[4:10], v[10:]] if len(v) == 15 else [v[i:i + 4] for i in (0, 4, 8, 12)]
        if self.written():
            k = r.choice([0, 2]) if self.raw else r.randint(0, 2)
            t = [" ", "-", ""][k].join(groups)
            return V(t, "CARD", False, cue, ["card_spaced", "card_dash", "card_bare"][k], v)
        if r.random() < 0.2 and len(v) == 16:
            ok = all(g[0] != "0" and "00" not in (g[:2], g[2:]) for g in groups)
            if ok:
                t = ", ".join(pair_words(g[:2]) + " " + pair_words(g[2:]) for g in groups)
                return V(t, "CARD", True, cue, "card_pairs", v)
        t, sp, f = self._groups(groups, allow_pairs=False)
        return V(t, "CARD", sp, cue, "card_" + f, v)

    def npi(self, v, cue):
        if self.written():
            return V(v, "NPI", False, cue, "npi_digits", v)
        t, sp, f = self._groups([v[:3], v[3:6], v[6:]], allow_pairs=False)
        return V(t, "NPI", sp, cue, "npi_" + f, v)

    def letter(self, ch, mode):
        ch = ch.lower()
        if mode == "nato":
            return NATO[ch]
        if mode == "asin":
            return ch + " as in " + ASIN[ch]
        return ch if self.raw else ch.upper()

    def alnum(self, v, entity, cue, groups=None, prefix=""):
        """Letters and digits (MRN, MEMBER_ID, MBI)."""
        r = self.rng
        if self.written():
            t = v if not groups else "-".join(v[a:b] for a, b in groups)
            if self.raw:
                t = t.lower().replace("-", " ")
            return V(t, entity, False, cue, prefix + ("alnum_written" if re.search("[A-Z]", v)
                                                      else "digits_written"), v)
        mode = r.choice(["plain", "plain", "nato", "asin"]) if re.search("[A-Z]", v) else "plain"
        zero = self.zero()
        spans = groups or [(0, len(v))]
        gparts = []
        for a, b in spans:
            g = v[a:b]
            toks, i = [], 0
            while i < len(g):
                if g[i].isdigit():
                    j = i
                    while j < len(g) and g[j].isdigit():
                        j += 1
                    toks.append(digit_words(g[i:j], zero, r.random() < 0.3))
                    i = j
                else:
                    toks.append(self.letter(g[i], mode if (mode != "asin" or i == 0) else "plain"))
                    i += 1
            gparts.append(" ".join(toks))
        sep = self.rng.choice([", ", " ", "... "]) if not self.raw else r.choice([" ", "... "])
        t = sep.join(gparts)
        form = prefix + ("alnum_" + mode if re.search("[A-Z]", v) else "digits") + "_" + zero
        return V(t, entity, True, cue, form, v)

    def mrn(self, v, cue):
        r = self.rng
        if not self.written() and v.isdigit() and len(v) in (6, 8) and r.random() < 0.3 and \
                all(v[i] != "0" for i in range(0, len(v), 2)):
            t = " ".join(pair_words(v[i:i + 2]) for i in range(0, len(v), 2))
            return V(t, "MRN", True, cue, "mrn_pairs", v)
        grp = [(0, 3), (3, len(v))] if len(v) in (6, 7) and r.random() < 0.5 else \
            ([(0, 4), (4, 8)] if len(v) == 8 and r.random() < 0.5 else None)
        return self.alnum(v, "MRN", cue, grp, "mrn_")

    def member(self, v, cue):
        grp = None
        if self.rng.random() < 0.5:
            k = len(v) - 9
            grp = [(0, k), (k, k + 3), (k + 3, k + 6), (k + 6, len(v))] if k else \
                [(0, 3), (3, 6), (6, 9)]
        return self.alnum(v, "MEMBER_ID", cue, grp, "member_")

    def mbi(self, v, cue):
        return self.alnum(v, "MBI", cue, [(0, 4), (4, 7), (7, 11)], "mbi_")

    def dob(self, d, cue, entity="DOB"):
        r = self.rng
        val = d.isoformat()
        if self.written():
            k = r.choice([0, 1, 6]) if self.raw else r.randint(0, 6)
            t = ["%02d/%02d/%d" % (d.month, d.day, d.year), "%d/%d/%d" % (d.month, d.day, d.year),
                 "%s %s, %d" % (MONTHS[d.month - 1], self._th(d.day), d.year),
                 "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
                 "%d-%02d-%02d" % (d.year, d.month, d.day),
                 "%d-%d-%02d" % (d.month, d.day, d.year % 100),
                 "%d/%d/%02d" % (d.month, d.day, d.year % 100)][k]
            return V(t, entity, False, cue, ["written_mdy_lead", "written_mdy_nolead",
                                              "written_month_th", "written_month_comma",
                                              "written_iso", "written_mdy_dash_short",
                                              "written_mdy_short"][k], val)
        mon = MONTHS[d.month - 1]
        if self.raw:
            mon = mon.lower()
        k = r.randint(0, 8)
        yw = year_words(d.year, r)
        yshort = (("oh " + ONES[d.year % 100]) if d.year % 100 < 10 else num_words(d.year % 100))
        if k <= 2:
            t, f = "%s %s %s" % (mon, ord_words(d.day), yw), "month_ord_full"
            if not self.raw and r.random() < 0.5:
                t = "%s %s, %s" % (mon, ord_words(d.day), yw)
        elif k == 3:
            t, f = "%s %s %s" % (mon, num_words(d.day) if d.day % 10 else ord_words(d.day), yw), "month_card_full"
        elif k == 4:
            t, f = "the %s of %s %s" % (ord_words(d.day), mon, r.choice([yw, yshort])), "the_d_of_m"
        elif k == 5:
            mw = num_words(d.month) if (r.random() < 0.6 or d.month >= 10) else digit_words("%02d" % d.month, "oh")
            t, f = "%s %s %s" % (mw, num_words(d.day), yshort), "num_mdy_short"
            if d.day < 10 and r.random() < 0.5:
                t = "%s oh %s %s" % (mw, ONES[d.day], yshort)
                f = "num_mdy_oh"
        elif k == 6:
            t = digit_words("%02d%02d%02d" % (d.month, d.day, d.year % 100), self.zero())
            f = "digits_mmddyy"
        elif k == 7:
            t, f = "%s %s %s" % (num_words(d.month), num_words(d.day) if d.day % 10 else ord_words(d.day), yw), \
                "num_mdy_full"
        else:
            t, f = "%s %s %d" % (mon, ord_words(d.day), d.year), "month_ord_digits_year"
        return V(t, entity, True, cue, f, val)

    @staticmethod
    def _th(n):
        return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))

    def email(self, e, cue, first=None):
        r = self.rng
        user, dom = e.split("@")
        if self.written():
            return V(e, "EMAIL", False, cue, "email_written", e)
        k = r.randint(0, 5)
        dword = dom.replace(".", " dot ")

        def spoken_user(u, spell):
            out = []
            for tok in re.findall(r"[a-z]+|\d+|[._]", u):
                if tok == ".":
                    out.append("dot")
                elif tok == "_":
                    out.append("underscore")
                elif tok.isdigit():
                    if len(tok) == 2 and tok[0] != "0":
                        out.append(num_words(int(tok)))
                    elif len(tok) == 4 and r.random() < 0.5 and tok[2] != "0":
                        out.append(year_words(int(tok), r))
                    else:
                        out.append(digit_words(tok, "zero"))
                elif spell:
                    out.append(spell(tok))
                else:
                    out.append(tok)
            return " ".join(out)
        if k <= 1:
            t, f = spoken_user(user, None) + " at " + dword, "email_words"
        elif k == 2:
            t, f = spoken_user(user, lambda w: " ".join(w)) + " at " + dword, "email_spelled"
        elif k == 3:
            t = spoken_user(user, lambda w: "-".join(w)) + " at " + dword
            f = "email_spelled_dash"
        elif k == 4:
            t = spoken_user(user, None) + " at " + dom
            f = "email_words_domain_written"
        else:
            t = spoken_user(user, lambda w: w[0] + " as in " + ASIN[w[0]] + " " + " ".join(w[1:])
                            if len(w) > 1 else w[0] + " as in " + ASIN[w[0]]) + " at " + dword
            f = "email_spelled_as_in"
        return V(t, "EMAIL", True, cue, f, e)

    def name(self, first, last, cue, which="full"):
        val = {"full": first + " " + last, "first": first, "last": last}[which]
        if self.raw:
            return V(val.lower(), "NAME", True, cue, "name_%s_lower" % which, val)
        return V(val, "NAME", True, cue, "name_" + which, val)

    def spell(self, word, cue):
        r = self.rng
        k = r.randint(0, 4)
        w = word.lower()
        if k == 0:
            t, f = " ".join(c.upper() if not self.raw else c for c in w), "spelled_space"
        elif k == 1:
            t, f = "-".join(c.upper() for c in w), "spelled_dash"
        elif k == 2:
            t, f = ", ".join(c.upper() if not self.raw else c for c in w), "spelled_comma"
        elif k == 3:
            t = ", ".join((c + " as in " + ASIN[c]) if i in (0, len(w) // 2) else c
                          for i, c in enumerate(w))
            f = "spelled_as_in_comma"
        else:
            t, f = " ".join(NATO[c] for c in w), "spelled_nato_space"
        if self.raw:
            t = t.replace(",", "").lower()
        return V(t, "NAME", True, cue, f, word)

    def street(self, p, cue):
        r = self.rng
        long_s, short_s = p.suffix
        if self.written():
            t = "%s %s %s" % (p.house, p.street, r.choice([long_s, short_s]))
            if p.unit:
                t += r.choice([", Apt. ", " Apt ", " #", ", Unit "]) + p.unit
            if self.raw:
                t = ("%s %s %s" % (p.house, p.street, long_s) + (" apartment " + p.unit if p.unit else "")).lower()
            return V(t, "STREET", False, cue, "street_written" + ("_unit" if p.unit else ""),
                     p.house + " " + p.street)
        h = p.house
        k = r.randint(0, 2)
        if len(h) == 4 and k == 0 and h[2] != "0":
            hw, f = num_words(int(h[:2])) + " " + num_words(int(h[2:])), "house_pairs"
        elif len(h) == 3 and k == 0 and h[1] != "0":
            hw, f = ONES[int(h[0])] + " " + num_words(int(h[1:])), "house_pairs"
        elif k == 1:
            hw, f = digit_words(h, "oh"), "house_digits"
        else:
            hw, f = num_words(int(h)), "house_number_words"
            if len(h) == 4:
                hw, f = digit_words(h, "oh"), "house_digits"
        t = "%s %s %s" % (hw, p.street, long_s)
        if p.unit:
            t += r.choice([" apartment ", " unit ", " apt "]) + " ".join(
                digit_words(c, "oh") if c.isdigit() else c for c in p.unit)
            f += "_unit"
        if self.raw:
            t = t.lower()
        return V(t, "STREET", True, cue, f, p.house + " " + p.street)

    def city(self, p, cue):
        return V(self.low(p.city), "CITY", True, cue, "city_lower" if self.raw else "city", p.city)


def npi_make(rng):
    return luhn_complete_npi("1" + "".join(rng.choice("0123456789") for _ in range(8)))


def luhn_complete_npi(body9):
    for c in "0123456789":
        if luhn_ok("80840" + body9 + c):
            return body9 + c
    raise AssertionError


def npi_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn_ok("80840" + s)


# ---------------------------------------------------------------------------------------------
# hard negatives

class Neg:
    def __init__(self, st):
        self.st, self.r = st, st.rng

    def _ident(self, letters, digits, what, dash=True):
        """An identifier that is not the patient's (claim, policy, case, auth, confirmation)."""
        st, r = self.st, self.r
        canon = (letters + ("-" if dash else "") if letters else "") + "-".join(digits)
        if st.raw or (not st.pw > 0.5 and r.random() < 0.6):
            lt = " ".join(c.lower() if st.raw else c for c in letters)
            zero = st.zero()
            dw = " ".join(digit_words(d, zero, r.random() < 0.3) for d in digits)
            t = (lt + (" dash " if dash and r.random() < 0.4 else " ") if letters else "") + dw
            return N(t.strip(), what, canon)
        return N(canon, what, canon)

    def claim(self):
        r = self.r
        yy = str(r.randint(22, 25))
        return self._ident(r.choice(["WC", "C", "WC", ""]), [yy, "%06d" % r.randint(1000, 999999)],
                           "claim_number")

    def policy(self):
        r = self.r
        return self._ident(r.choice(["WCP", "P", "WC"]), ["%07d" % r.randint(100000, 9999999)],
                           "policy_number")

    def case(self):
        r = self.r
        return self._ident("", [str(r.randint(22, 25)), "%06d" % r.randint(100000, 999999)], "case_number")

    def auth(self):
        r = self.r
        return self._ident(r.choice(["A", "PA", "UR"]), ["%05d" % r.randint(10000, 99999)],
                           "authorization_number")

    def confirm(self):
        r = self.r
        return self._ident("".join(r.choice("BCDFGHJKMNPRTVX") for _ in range(2)),
                           ["%04d" % r.randint(1000, 9999)], "confirmation_number", dash=False)

    def employer_account(self):
        r = self.r
        return self._ident("", ["%04d" % r.randint(1000, 9999), "%03d" % r.randint(1, 999)],
                           "employer_account")

    def fein(self):
        r = self.r
        d = "%02d%07d" % (r.randint(10, 88), r.randint(1000000, 9999999))
        st = self.st
        if st.raw or r.random() < 0.5:
            return N(digit_words(d[:2], st.zero()) + " " + digit_words(d[2:], st.zero()), "employer_fein")
        return N(d[:2] + "-" + d[2:], "employer_fein")

    def office_phone(self, what="office_phone"):
        r, st = self.r, self.st
        v = r.choice(["800", "866", "877", "888"]) + "555" + "01%02d" % r.randint(0, 99)
        if st.raw or r.random() < 0.5:
            t = ", ".join([digit_words(v[:3], "oh") if r.random() < 0.5 else
                           "one " + digit_words(v[:3], "oh"), digit_words(v[3:6], "oh", True),
                           digit_words(v[6:], "oh")])
            if st.raw:
                t = t.replace(",", "")
        else:
            t = "%s-%s-%s" % (v[:3], v[3:6], v[6:])
            if r.random() < 0.5:
                t = "1-" + t
        return N(t, what)

    def extension(self):
        r, st = self.r, self.st
        v = "%04d" % r.randint(2000, 7999)
        return N(digit_words(v, "oh") if (st.raw or r.random() < 0.5) else v, "extension")

    def menu(self):
        k = self.r.choice(["one", "two", "three", "four", "nine"])
        return N(("press " + k) if (self.st.raw or self.r.random() < 0.6) else "press " +
                 str(ONES.index(k)), "menu_option")

    def emergency(self):
        return N("nine one one" if (self.st.raw or self.r.random() < 0.6) else "911",
                 "emergency_number")

    def weight(self):
        n = self.r.choice([10, 15, 20, 25, 30, 35, 40, 50])
        return N(self.st.num(n, self.r.choice(["pounds", "pounds", "lbs"]) if not self.st.raw
                             else "pounds"), "weight")

    def duration(self, unit=None):
        r = self.r
        unit = unit or r.choice(["hours", "weeks", "days", "months"])
        n = {"hours": r.choice([2, 4, 6]), "weeks": r.choice([2, 3, 4, 6, 8]),
             "days": r.choice([10, 14, 21, 38, 45, 60]), "months": r.choice([2, 3, 4])}[unit]
        return N(self.st.num(n, unit), "duration")

    def money(self):
        r, st = self.r, self.st
        d, c = r.randint(12, 1400), r.choice([0, 18, 40, 75, 6])
        if st.raw or r.random() < 0.4:
            t = num_words(d) + " dollars" + ("" if not c else " and " + num_words(c) + " cents")
        else:
            t = "$%d.%02d" % (d, c) if c else "$%d" % d
        return N(t, "money")

    def dose(self, drug=None):
        r = self.r
        name, strengths, unit = drug or r.choice(DRUGS)
        n = r.choice(strengths)
        if not self.st.raw and r.random() < 0.5:
            unit = {"milligrams": "mg", "percent": "%"}[unit]
            return N(("%g" % n) + (" " if unit == "mg" else "") + unit, "dose")
        return N(self.st.num(n, unit) if unit != "percent" else self.st.num(n, "percent"), "dose")

    def count(self, unit):
        n = self.r.choice([12, 20, 30, 60, 90]) if unit == "tablets" else self.r.choice([6, 8, 12])
        return N(self.st.num(n, unit), "count")

    def time(self):
        r, st = self.r, self.st
        h, m = r.choice([7, 8, 9, 10, 11, 1, 2, 3, 4]), r.choice([0, 15, 30, 45, 20, 40])
        ap = "a.m." if h >= 7 and h != 12 and h <= 11 else "p.m."
        if st.raw or r.random() < 0.4:
            t = num_words(h) + (" " + (("oh " + ONES[m]) if m < 10 and m else num_words(m)) if m else
                                r.choice([" o'clock", ""]))
            if r.random() < 0.5:
                t += " " + ("a m" if ap == "a.m." else "p m")
        else:
            t = "%d:%02d %s" % (h, m, r.choice([ap, ap.replace(".", "").upper()]))
        return N(t, "time")

    def appt_date(self):
        r, st = self.r, self.st
        wd = r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        dd = r.randint(2, 28)
        k = r.randint(0, 2)
        if st.raw or r.random() < 0.5:
            t = [wd + " the " + ord_words(dd), wd + " " + MONTHS[r.randint(5, 8)] + " " + ord_words(dd),
                 "the " + ord_words(dd)][k]
        else:
            t = [wd + " the " + Style._th(dd), wd, MONTHS[r.randint(5, 8)] + " " + Style._th(dd)][k]
        return N(st.low(t), "appointment_date")

    def age(self, a):
        return N(self.st.num(a), "age")

    def year(self):
        y = self.r.randint(2009, 2023)
        return N(year_words(y, self.r) if (self.st.raw or self.r.random() < 0.5) else str(y), "year")

    def pain(self):
        n = self.r.randint(3, 9)
        return N(self.st.num(n) + " out of ten" if self.st.raw else
                 (str(n) + "/10" if self.r.random() < 0.4 else self.st.num(n) + " out of 10"),
                 "pain_score")

    def rating(self):
        return N(self.st.num(self.r.choice([3, 5, 8, 11, 14]), "percent"), "impairment_rating")

    def rx_bin(self):
        v = "%06d" % self.r.randint(1000, 999999)
        return N(digit_words(v, "zero") if (self.st.raw or self.r.random() < 0.5) else v, "rx_bin")

    def group(self):
        v = self.r.choice(["WCRX", "COMP", "WKC"]) + "%02d" % self.r.randint(1, 99)
        if self.st.raw:
            return N(" ".join(c.lower() if c.isalpha() else ONES[int(c)] for c in v), "group_number")
        return N(v, "group_number")

    def room(self):
        r = self.r
        if r.random() < 0.5:
            n = r.choice([110, 204, 210, 315, 120])
            return N(self.st.low("Suite ") + (self.st.num(n) if not self.st.raw else
                                              ONES[n // 100] + " " + (num_words(n % 100) if n % 100 >= 10
                                                                      else "oh " + ONES[n % 10])), "room_number")
        return N(self.st.low("exam room ") + self.st.num(r.randint(2, 9)), "room_number")

    def hours_bank(self):
        return N(self.st.num(self.r.choice([480, 240, 120, 96]), "hours"), "hours")

    def weekly_hours(self):
        return N(self.st.num(self.r.choice([32, 36, 40, 45, 50]), "hours"), "hours")

    def word(self, w):
        return N(w, "common_word")


# ---------------------------------------------------------------------------------------------
# calls

class Call:
    def __init__(self, rng, st, p, ai=False):
        self.r, self.st, self.p, self.ai = rng, st, p, ai
        self.neg = Neg(st)
        # the agent side of an AI call is LLM text read by TTS: written values more often
        self.ast = Style(rng, st.raw, 0.85) if ai else st
        self.turns = []
        self.facts = collections.OrderedDict()
        self.org = ""
        self.kind = ""
        self.agent = None
        self.carrier_ids = []
        self.third = False

    def t(self, role, *pieces):
        self.turns.append((role, list(pieces)))

    def L(self, s):
        return self.st.low(s)

    def fact(self, key, val):
        self.facts.setdefault(key, val)


def seg_open(c, org, agent_role_desc, reason):
    r, st, neg = c.r, c.st, c.neg
    c.org = org
    if c.ai:
        if r.random() < 0.5:
            c.t("A", "Thanks for calling %s. I'm the automated assistant and this call " % org,
                neg.word("may"), " be recorded. How can I help you today?")
        else:
            c.t("A", "Hi, you've reached %s. I can help with %s. What can I do for you?" % (org, agent_role_desc))
    else:
        first = r.choice(AGENT_F + AGENT_M)
        last = r.choice(LAST)
        c.agent = (first, last)
        k = r.randint(0, 3)
        if k == 0:
            c.t("A", "Thank you for calling %s, this is " % org, st.name(first, last, "same", "first"),
                ", how can I help you?")
        elif k == 1:
            c.t("A", "%s, %s speaking, this call " % (org, agent_role_desc), neg.word("may"),
                " be recorded for quality. My name is ", st.name(first, last, "same", "full"),
                ". What can I do for you?")
        elif k == 2:
            c.t("A", "Good morning, %s, " % org, st.name(first, last, "same", "first"), " here.")
        else:
            c.t("A", "For claims, ", neg.menu(), ". For pharmacy, ", neg.menu(),
                ". ... Hi, you've reached %s, my name's " % org, st.name(first, last, "same", "first"),
                ".")
    c.t("C", *reason)


def seg_name(c, mode=None):
    r, st, p = c.r, c.st, c.p
    mode = mode or r.choice(["prev", "same", "same", "spell", "none"])
    if mode == "none" and c.turns and c.turns[-1][0] == "C":
        extra = []
        if r.random() < 0.5:
            extra = [st.dob(p.dob, "none"), ". "]
            c.fact("dob_given", 1)
        c.turns[-1] = ("C", [r.choice(["Yeah hi. ", "Hi, yes, ", "Hello, this is, uh, "]),
                             st.name(p.first, p.last, "none"), ". "] + extra + c.turns[-1][1])
        c.fact("name", 1)
        return
    c.t("A", r.choice(["Can I get your first and last name?", "Who am I speaking with?",
                       "Okay, and what's the injured worker's name?", "Can I have your full name please?"]))
    if mode == "same" or mode == "none":
        c.t("C", r.choice(["My name is ", "Yeah, it's ", "This is "]), st.name(p.first, p.last,
                                                                           "same" if mode == "same" else "prev"))
    else:
        c.t("C", st.name(p.first, p.last, "prev"))
    if mode == "spell" or r.random() < 0.3:
        c.t("A", "And how do you spell the last name?")
        c.t("C", st.spell(p.last, "prev"))
    if r.random() < 0.5:
        title = ("Ms. " if p.female else "Mr. ") if not st.raw else ("miss " if p.female else "mister ")
        c.t("A", "Thank you, " + title, st.name(p.first, p.last, "prev", "last"), ".")
    c.fact("name", 1)


def seg_dob(c, mode=None):
    r, st, p = c.r, c.st, c.p
    mode = mode or r.choice(["prev", "prev", "same", "split", "readback"])
    if "dob_given" in c.facts:
        c.t("A", r.choice(["And I have your date of birth as ", "Okay, so date of birth "]),
            c.ast.dob(p.dob, "prev"), ", right?")
        c.t("C", "Yes.")
        mode = "done"
    elif mode == "same":
        c.t("A", r.choice(["And to verify the claim?", "Okay, I need to verify some information."]))
        c.t("C", r.choice(["Date of birth is ", "My birthday's ", "My DOB is "]), st.dob(p.dob, "same"))
    elif mode == "split":
        c.t("A", "What's your date of birth?")
        mon = MONTHS[p.dob.month - 1]
        t1 = (mon.lower() if st.raw else mon) + " " + ord_words(p.dob.day)
        c.t("C", V(t1, "DOB", True, "prev", "split_month_day", p.dob.isoformat(), part="1/2"))
        c.t("A", "And the year?")
        c.t("C", V(year_words(p.dob.year, r), "DOB", True, "prev", "split_year",
                   p.dob.isoformat(), part="2/2"))
    else:
        c.t("A", r.choice(["What's your date of birth?", "Can you verify your date of birth for me?",
                           "And the date of birth?", "Birthdate?"]))
        c.t("C", st.dob(p.dob, "prev"))
        if mode == "readback":
            c.t("A", r.choice(["I have ", "Just to confirm, "]), c.ast.dob(p.dob, "prev"), ", correct?")
            c.t("C", r.choice(["Yes.", "That's right.", "Mm-hmm."]))
    c.fact("dob", 1)


def seg_ssn(c, last4=None):
    r, st, p = c.r, c.st, c.p
    last4 = r.random() < 0.45 if last4 is None else last4
    if last4:
        c.t("A", r.choice(["Can you verify the last four of their social?",
                           "And the last four of their Social Security number?"]) if c.third else
            r.choice(["Can you verify the last four of your social?",
                      "And the last four digits of your Social Security number?"]))
        if r.random() < 0.3:
            c.t("C", "Last four is ", st.ssn4(p.ssn, "same"))
        else:
            c.t("C", st.ssn4(p.ssn, "prev"))
        c.fact("ssn4", 1)
        return
    k = r.randint(0, 3)
    if k == 0:
        c.t("A", "I'll need the Social Security number on the claim.")
        c.t("C", st.ssn(p.ssn, "prev"))
    elif k == 1:
        c.t("A", "Okay, what else do you need?")
        c.t("C", r.choice(["My social is ", "Social security number is ", "My SSN is "]),
            st.ssn(p.ssn, "same"))
    elif k == 2:
        c.t("A", "And your social?")
        v = st.ssn(p.ssn, "prev")
        s = p.ssn
        wrong = digit_words(s[:3], "oh") + " " + digit_words(s[3:5][::-1], "oh")
        if st.raw or v.spoken:
            v = V(wrong + r.choice([", no wait, ", "... sorry, ", " no "]) + v.text, "SSN",
                  True, "prev", "correction_" + v.form, s)
            if st.raw:
                v.text = v.text.replace(",", "")
        c.t("C", v)
    else:
        c.t("A", "And the social?")
        c.t("C", st.ssn(p.ssn, "prev"))
        c.t("A", "Let me read that back. ", c.ast.ssn(p.ssn, "prev"), "?")
        c.t("C", "Yep.")
    c.fact("ssn", 1)


def seg_phone(c, mode=None):
    r, st, p = c.r, c.st, c.p
    mode = mode or r.choice(["prev", "prev", "same", "split", "readback", "none", "correction"])
    if mode == "same":
        c.t("C", r.choice(["You can call me back at ", "My cell is ", "Best number for me is "]),
            st.phone(p.phone, "same"))
        c.t("A", "Got it.")
    elif mode == "none":
        c.t("A", "Okay, I've got that updated.")
        c.t("C", "Oh, and ", st.phone(p.phone, "none"), r.choice([", in case you need me.",
                                                                   ", write that down.", "."]))
    elif mode == "split":
        c.t("A", "What's a good phone number for you?")
        c.t("C", r.choice(["Area code ", "It's "]),
            V(digit_words(p.phone[:3], st.zero()), "PHONE", True, "prev", "split_area", p.phone,
              part="1/2"))
        c.t("A", "Mm-hmm.")
        rest = st._groups([p.phone[3:6], p.phone[6:]])
        c.t("C", V(rest[0], "PHONE", True, "prev", "split_rest_" + rest[2], p.phone, part="2/2"))
    elif mode == "correction":
        c.t("A", "Best callback number?")
        head = st._groups([p.phone[:3], p.phone[3:6]], allow_pairs=False, allow_digits=False)
        last = p.phone[6:]
        wrong = last[:2] + last[3] + last[2]
        if wrong == last:
            wrong = last[:2] + ("98" if last[2:] != "98" else "87")
        z = st.zero()
        txt = head[0] + " " + digit_words(wrong, z) + r.choice([", no sorry, ", "... wait, ", " no "]) + \
            digit_words(last, z)
        if st.raw:
            txt = txt.replace(",", "")
        c.t("C", V(txt, "PHONE", True, "prev", "correction_" + head[2], p.phone))
    else:
        c.t("A", r.choice(["What's the best callback number?", "And a phone number where we can reach you?",
                           "Is there a good number to call you back?"]))
        c.t("C", st.phone(p.phone, "prev"))
        if mode == "readback":
            c.t("A", "Okay, that's ", c.ast.phone(p.phone, "prev"), "?")
            c.t("C", r.choice(["Correct.", "Yes ma'am.", "Yep, that's it."]))
    c.fact("phone", 1)


def seg_address(c, zip_only=None):
    r, st, p = c.r, c.st, c.p
    zip_only = r.random() < 0.35 if zip_only is None else zip_only
    if zip_only:
        c.t("A", r.choice(["And what's the zip code on file?", "Can you give me your zip?"]))
        c.t("C", st.zip(p.zip, "prev", p.zip4))
        c.fact("zip", 1)
        return
    k = r.randint(0, 2)
    if k == 0:
        c.t("A", "Can you confirm your mailing address?")
        c.t("C", st.street(p, "prev"), ", ", st.city(p, "prev"), ", %s, " % p.state,
            st.zip(p.zip, "prev", p.zip4))
    elif k == 1:
        c.t("A", "Where should we mail the paperwork?")
        c.t("C", "They live at " if c.third else "I live at ", st.street(p, "same"), " in ",
            st.city(p, "same"), ".")
        c.t("A", "And the zip code?")
        c.t("C", st.zip(p.zip, "prev", p.zip4))
    else:
        c.t("A", "What's the home address?")
        c.t("C", st.street(p, "prev"))
        c.t("A", "City?")
        c.t("C", st.city(p, "prev"), r.choice([", ", " "]), st.zip(p.zip, "prev", p.zip4))
    c.fact("street", 1)
    c.fact("zip", 1)


def seg_email(c):
    r, st, p = c.r, c.st, c.p
    k = r.randint(0, 3)
    if k == 0:
        c.t("A", r.choice(["Do you have an email address for the portal?",
                           "What email should we send the forms to?"]))
        c.t("C", st.email(p.email, "prev"))
    elif k == 1:
        c.t("A", "Would you like the forms emailed?")
        c.t("C", "Yes. Their email is " if c.third else "Yes. My email is ", st.email(p.email, "same"))
    elif k == 2:
        c.t("A", "And an email?")
        c.t("C", st.email(p.email, "prev"))
        c.t("A", "Could you spell that for me?")
        old = st.pw
        st.pw = 0.0
        while True:
            v = st.email(p.email, "prev")
            if v.form.startswith("email_spelled"):
                break
        st.pw = old
        c.t("C", v)
    else:
        c.t("A", "What's your email?")
        c.t("C", st.email(p.email, "prev"))
        c.t("A", "So that's ", c.ast.email(p.email, "prev"), "?")
        c.t("C", "That's right.")
    c.fact("email", 1)


def seg_mrn(c):
    r, st, p = c.r, c.st, c.p
    k = r.randint(0, 2)
    if c.third:
        c.t("A", "What's the patient's medical record number at your clinic?")
        c.t("C", st.mrn(p.mrn, "prev"))
    elif k == 0:
        c.t("A", r.choice(["Do you have the medical record number from your last visit?",
                           "Can I get the patient ID number off the clinic paperwork?",
                           "Do you have your chart number handy?"]))
        c.t("C", r.choice(["Hang on. Okay. ", "Um, yeah. ", ""]), st.mrn(p.mrn, "prev"))
    elif k == 1:
        c.t("C", r.choice(["My medical record number is ", "The MRN on my paperwork says ",
                           "I have my chart number, it's "]), st.mrn(p.mrn, "same"))
    else:
        c.t("A", "I'll need the MRN to pull up the visit.")
        c.t("C", st.mrn(p.mrn, "prev"))
        c.t("A", "I have ", c.ast.mrn(p.mrn, "prev"), ", is that right?")
        c.t("C", "Yes.")
    c.fact("mrn", 1)


def seg_card(c, amount=None):
    r, st, p = c.r, c.st, c.p
    neg = c.neg
    c.t("A", "The balance is ", amount or neg.money(), ". I can take a card over the phone, ",
        "go ahead with the card number whenever you're ready.")
    k = r.randint(0, 3)
    if k == 0 and len(p.card) == 16 and not st.raw:
        v = st.card(p.card, "prev")
        c.t("C", v)
    elif k == 1 and len(p.card) == 16:
        g1 = digit_words(p.card[:8], st.zero(), r.random() < 0.4)
        c.t("C", V(g1, "CARD", True, "prev", "split_first8", p.card, part="1/2"))
        c.t("A", "Okay.")
        g2 = digit_words(p.card[8:], st.zero(), r.random() < 0.4)
        c.t("C", V(g2, "CARD", True, "prev", "split_last8", p.card, part="2/2"))
    elif k == 2:
        c.t("C", "Okay, it's a %s. " % ("Visa" if p.card[0] == "4" else "Mastercard" if p.card[0] == "5"
                                      else "Discover" if p.card[0] == "6" else "American Express"),
            "Card number is ", st.card(p.card, "same"))
    else:
        c.t("C", st.card(p.card, "prev"))
        c.t("A", "Let me repeat that, ", c.ast.card(p.card, "prev"), ".")
        c.t("C", "Yes.")
    c.t("A", "Thank you, that went through. Your confirmation number is ", neg.confirm(), ".")
    c.fact("card", 1)


def seg_member(c):
    r, st, p = c.r, c.st, c.p
    c.t("A", r.choice(["Since the comp claim is still pending, we can bill your health plan. "
                       "What's the member ID on your insurance card?",
                       "Do you have your health insurance card? I need the member ID."]))
    if r.random() < 0.4:
        c.t("C", "Member ID is ", st.member(p.member, "same"))
    else:
        c.t("C", st.member(p.member, "prev"))
    if r.random() < 0.4:
        c.t("C", "And the group number on it is ", c.neg.group(), ", if you need that.")
    c.fact("member", 1)


def seg_mbi(c):
    r, st, p = c.r, c.st, c.p
    c.t("A", "Are you a Medicare beneficiary? We have to report that to Medicare on comp claims.")
    c.t("C", "Yes, I'm on disability, so I have Medicare.")
    c.t("A", "Okay, can you read me the Medicare number from the red, white and blue card?")
    c.t("C", st.mbi(p.mbi, "prev"))
    if r.random() < 0.4:
        c.t("A", "Thank you. I have ", c.ast.mbi(p.mbi, "prev"), ".")
    c.fact("mbi", 1)


def seg_claim(c):
    r, neg = c.r, c.neg
    cl = neg.claim()
    c.t("A", r.choice(["Do you have your claim number?", "What's the claim number?",
                       "Is there a claim number on the letter?"]))
    c.t("C", r.choice(["Yeah, it's ", "Claim number is ", ""]), cl)
    c.fact("claim", cl.canon)
    if r.random() < 0.35:
        c.t("A", "And the employer's policy number is ", neg.policy(), ", with %s?" % r.choice(INSURERS))
        c.t("C", "I guess, I don't know that one.")


def seg_restrictions(c):
    r, neg = c.r, c.neg
    c.t("A", "The doctor has you on modified duty: no lifting more than ", neg.weight(),
        ", no overhead reaching, and no more than ", neg.duration("hours"), " a shift.")
    c.t("C", "My supervisor says they ", neg.word("will"), " work with that.")
    if r.random() < 0.5:
        c.t("A", "How's the pain today?")
        c.t("C", "About ", neg.pain(), ". It's been ", neg.duration("days"), " since I got hurt.")


def seg_wage(c):
    r, neg = c.r, c.neg
    c.t("A", "Based on your wage statement your average weekly wage is ", neg.money(),
        ", so the temporary total rate comes to ", neg.money(), " a week.")
    c.t("C", "I was working ", neg.weekly_hours(), " a week, with overtime.")
    if r.random() < 0.5:
        c.t("A", "And how long have you been with the company?")
        c.t("C", "Since ", neg.year(), ".")


def seg_appt(c):
    r, neg = c.r, c.neg
    c.t("A", "I can get you in for your recheck on ", neg.appt_date(), " at ", neg.time(), ".")
    c.t("C", "That works.")
    if r.random() < 0.5:
        c.t("A", "Check in at ", neg.room(), ", and bring your work status form.")


def seg_meds(c):
    r, neg = c.r, c.neg
    drug = r.choice(DRUGS)
    c.t("A", "I see a prescription for %s, " % drug[0], neg.dose(drug), ", quantity ", neg.count("tablets"), ".")
    c.t("C", "Yeah, the doctor at the clinic gave me that.")
    if r.random() < 0.5:
        c.t("A", "Tell the pharmacy to bill it under BIN ", neg.rx_bin(), " and it should go through.")


def seg_fax(c):
    r, neg = c.r, c.neg
    if r.random() < 0.5:
        c.t("A", "Have the clinic fax the work status report to our office at ", neg.office_phone("office_fax"), ".")
    else:
        c.t("A", "If you have questions my direct line is ", neg.office_phone("office_phone"),
            ", extension ", neg.extension(), ".")
    c.t("C", "Okay, let me write that down.")


def seg_close(c):
    r, neg = c.r, c.neg
    c.t("A", r.choice(["Is there anything else I can help with?", "Anything else today?"]))
    k = r.randint(0, 2) if not c.third else 2
    if k == 0:
        c.t("C", "No, that's it. I ", neg.word("hope"), " this gets sorted out.")
    elif k == 1:
        c.t("C", "No. Do I need to do anything with the ", neg.word("bill"), " I got?")
        c.t("A", "No, just send it to us and we'll take care of it.")
    else:
        c.t("C", "No, thank you.")
    if r.random() < 0.4 and not c.third:
        c.t("A", r.choice(["If the pain gets severe or you lose feeling in your leg, call ",
                           "If you have trouble breathing or chest pain, hang up and dial ",
                           "And if it's ever an emergency, call "]), neg.emergency(), ".")
    c.t("A" if r.random() < 0.5 else "C", r.choice(["Take care.", "Thanks, bye.", "Have a good day."]))


CARRIERS = []


def load_carriers(d):
    path = os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    keep = {"GENHX", "CC", "PASTMEDICALHX", "ROS", "MEDICATIONS", "PASTSURGICAL", "FAM/SOCHX"}
    month = re.compile(r"\b(%s|monday|tuesday|wednesday|thursday|friday|saturday|sunday|nineteen|"
                       r"thousand|warts?|sex\w*|poop|rectal|vagin\w*)\b" % "|".join(m.lower() for m in MONTHS), re.I)
    topic = re.compile(r"\b(work\w*|job|lift\w*|injur\w*|back pain|shoulder|fell|wrist|knee|ankle|neck|"
                       r"hurt|sprain\w*|strain\w*)\b", re.I)
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["section_header"] not in keep:
                continue
            lines = [l.strip() for l in row["dialogue"].splitlines() if l.strip()]
            if not 2 <= len(lines) <= 8:
                continue
            if not all(re.match(r"^(Doctor|Patient): \S", l) for l in lines):
                continue
            d_ = row["dialogue"]
            if re.search(r"\d", d_) or month.search(d_) or not topic.search(d_):
                continue
            bad = False
            turns = []
            for l in lines:
                who, body = l.split(": ", 1)
                body = re.sub(r"\s+", " ", body).strip()
                for m in re.finditer(r"\b[A-Z][a-z]+", body):
                    pre = body[:m.start()].rstrip()
                    if pre and pre[-1] not in ".?!" and m.group(0) not in ("I",):
                        bad = True
                turns.append(("A" if who == "Doctor" else "C", body))
            if not bad:
                out.append((row["ID"], turns))
    out.sort(key=lambda x: int(x[0]))
    return out


def seg_carrier(c):
    if not CARRIERS:
        return
    cid, turns = c.r.choice(CARRIERS)
    c.carrier_ids.append(cid)
    for role, body in turns:
        c.t(role, body)


def seg_event_dates(c, death=False):
    r, st, p = c.r, c.st, c.p
    admit = datetime.date(2024, 1, 1) + datetime.timedelta(days=r.randint(0, 480))
    if death:
        c.t("A", "I'm very sorry for your loss. Can you tell me the date of death?")
        c.t("C", r.choice(["He passed on ", "It was ", ""]) if r.random() < 0.7 else "",
            st.dob(admit, "prev", "DATE"))
        c.fact("death", admit)
        return
    dis = admit + datetime.timedelta(days=r.randint(2, 9))
    c.t("A", "Was there an inpatient stay?")
    c.t("C", "Yes, admitted on ", st.dob(admit, "same", "DATE"), " and discharged ",
        st.dob(dis, "same", "DATE"), ".")
    if r.random() < 0.5:
        c.t("A", "So discharge was ", c.ast.dob(dis, "prev", "DATE"), ". And off work since then?")
        c.t("C", "Yes, about ", c.neg.duration("weeks"), " now.")
    c.fact("admit", admit)


def seg_pad(c, k):
    r = c.r
    pads = [("A", "Bear with me one second, the system is slow today."), ("C", "No problem."),
            ("A", "Okay, I'm pulling that up now."), ("C", "Sure."),
            ("C", "Sorry, my dog is barking."), ("A", "That's okay, take your time."),
            ("A", "Thanks for holding."), ("C", "Mm-hmm.")]
    for i in range(k):
        c.t(*pads[i % len(pads)])


# -- scenarios -----------------------------------------------------------------------------------

def sc_scheduler(c):
    r, p = c.r, c.p
    clinic = r.choice(CLINICS)
    c.kind = "wc_clinic_scheduling"
    seg_open(c, clinic, "scheduling", ["Hi, I need to reschedule my follow-up. It's for my %s, "
                                       "a work injury, workers comp." % r.choice(INJURIES)])
    seg_name(c)
    seg_dob(c)
    if r.random() < 0.65:
        seg_mrn(c)
    seg_appt(c)
    if r.random() < 0.5:
        seg_claim(c)
    if r.random() < 0.6:
        seg_phone(c)
    if r.random() < 0.35:
        seg_email(c)
    if r.random() < 0.2:
        seg_member(c)
    if r.random() < 0.3:
        seg_restrictions(c)
    seg_close(c)


def sc_adjuster(c):
    r, st, p, neg = c.r, c.st, c.p, c.neg
    ins = r.choice(INSURERS)
    c.kind = "wc_adjuster_outbound"
    c.org = ins
    a1, a2 = r.choice(AGENT_F + AGENT_M), r.choice(LAST)
    c.t("A", "Hi, this is ", st.name(a1, a2, "same"), " with %s, I'm the adjuster on your claim. Is this " % ins,
        st.name(p.first, p.last, "none", "first"), "?")
    c.t("C", "Yes, speaking.")
    c.t("A", "I'm calling about the injury at %s, when you hurt your %s %s. Before we go on I need to "
        "verify a couple of things." % (r.choice(EMPLOYERS), r.choice(INJURIES), r.choice(MECHANISMS)))
    c.t("C", "Okay.")
    seg_dob(c)
    seg_ssn(c)
    if r.random() < 0.7:
        seg_address(c)
    if r.random() < 0.5:
        seg_phone(c)
    seg_wage(c)
    if r.random() < 0.4 or p.age >= 62:
        seg_mbi(c)
    if r.random() < 0.5:
        seg_fax(c)
    if r.random() < 0.3:
        c.t("A", "Your claim number for reference is ", neg.claim(), ".")
    if r.random() < 0.35:
        c.t("A", "Your hearing is docketed with the state board under case number ", neg.case(), ".")
        c.t("C", "Okay.")
    seg_close(c)


def sc_pbm(c):
    r, p = c.r, c.p
    c.kind = "wc_pharmacy_benefit_line"
    seg_open(c, r.choice(PBMS), "pharmacy benefits",
             ["Yeah, the pharmacy says my workers comp prescription got rejected."])
    seg_name(c)
    seg_dob(c)
    if r.random() < 0.7:
        seg_address(c, zip_only=True)
    seg_claim(c)
    seg_meds(c)
    if r.random() < 0.6:
        seg_member(c)
    if r.random() < 0.75:
        c.t("A", "Until the adjuster approves it, the pharmacy can fill it if you pay out of pocket, and you "
            "can submit for reimbursement.")
        c.t("C", "Can I just pay you now?")
        seg_card(c)
    if r.random() < 0.3:
        seg_email(c)
    seg_close(c)


def sc_ncm(c):
    r, st, p = c.r, c.st, c.p
    c.kind = "wc_nurse_case_manager"
    ins = r.choice(INSURERS)
    c.org = ins
    a1, a2 = r.choice(AGENT_F), r.choice(LAST)
    c.t("A", "Hi ", st.name(p.first, p.last, "none", "first"), ", it's ", st.name(a1, a2, "same", "first"),
        ", your nurse case manager with %s. Do you have a few minutes?" % ins)
    c.t("C", "Sure, yeah.")
    seg_dob(c)
    c.t("A", "Great. I have some questions from the doctor's note.")
    seg_carrier(c)
    if r.random() < 0.5:
        seg_carrier(c)
    seg_restrictions(c)
    if r.random() < 0.4:
        c.t("A", "The independent medical exam came back with a rating of ", c.neg.rating(),
            " whole person, so we'll talk about permanent partial next month.")
        c.t("C", "What does that mean for my check?")
    if r.random() < 0.6:
        seg_appt(c)
    if r.random() < 0.45:
        seg_mrn(c)
    if r.random() < 0.5:
        seg_phone(c)
    seg_close(c)


def sc_leave(c):
    r, st, p, neg = c.r, c.st, c.p, c.neg
    c.kind = "leave_disability_intake_hr"
    c.third = True
    tpa = r.choice(LEAVE_TPAS)
    c.org = tpa
    seg_open(c, tpa, "leave intake", ["Hi, I'm calling from HR at %s to open a short term disability "
                                      "and FMLA claim for one of our employees." % r.choice(EMPLOYERS)])
    h1, h2 = r.choice(AGENT_F + AGENT_M), r.choice(LAST)
    c.t("A", "Sure. And your name?")
    c.t("C", st.name(h1, h2, "prev"), ", HR generalist.")
    c.t("A", "What's your employer account number with us?")
    c.t("C", neg.employer_account(), ".")
    if r.random() < 0.4:
        c.t("A", "And the employer's federal tax ID?")
        c.t("C", neg.fein())
    c.t("A", "Okay, and the employee's name?")
    c.t("C", "The employee is ", st.name(p.first, p.last, "same"), ".")
    seg_ssn(c, last4=r.random() < 0.5)
    c.t("A", "Employee date of birth?")
    c.t("C", st.dob(p.dob, "prev"))
    c.fact("dob", 1)
    c.t("A", "Phone number for the employee?")
    c.t("C", st.phone(p.phone, "prev"))
    c.fact("phone", 1)
    if r.random() < 0.55:
        seg_event_dates(c)
    if r.random() < 0.5:
        seg_email(c)
    if r.random() < 0.4:
        seg_address(c)
    c.t("A", "They'll have up to ", neg.hours_bank(), " of FMLA for the year. Scheduled hours?")
    c.t("C", neg.weekly_hours(), " a week.")
    seg_close(c)


def sc_auth(c):
    r, st, p, neg = c.r, c.st, c.p, c.neg
    c.kind = "wc_clinic_to_adjuster_authorization"
    c.third = True
    ins = r.choice(INSURERS)
    c.org = ins
    clinic = r.choice(CLINICS)
    seg_open(c, ins, "claims", ["Hi, this is %s, I'm calling for authorization for physical therapy on "
                                "one of your claimants." % clinic])
    c.t("A", "Sure. Patient name?")
    c.t("C", st.name(p.first, p.last, "prev"))
    if r.random() < 0.5:
        c.t("C", st.spell(p.last, "none"))
    c.t("A", "Date of birth?")
    c.t("C", st.dob(p.dob, "prev"))
    c.fact("dob", 1)
    seg_claim(c)
    doc = r.choice(DOC_LAST)
    npi = npi_make(r)
    dtitle = "Doctor " if (st.raw or r.random() < 0.5) else "Dr. "
    c.t("A", "Who's the treating provider?")
    c.t("C", st.low(dtitle), V(st.low(doc), "NAME", True, "same", "name_last_title", doc),
        ". NPI is ", st.npi(npi, "same"), ".")
    c.fact("npi", (doc, npi))
    if r.random() < 0.4:
        c.t("A", "Let me confirm the NPI, ", c.ast.npi(npi, "prev"), "?")
        c.t("C", "Correct.")
    if r.random() < 0.5:
        seg_mrn(c)
    if r.random() < 0.4:
        seg_ssn(c, last4=True)
    c.t("A", "How many visits?")
    c.t("C", neg.count("visits"), " of PT, ", st.low("two to three times a week."))
    c.t("A", "Okay, that's approved, authorization number ", neg.auth(), ".")
    seg_fax(c)
    seg_close(c)


def sc_death(c):
    r, st, p, neg = c.r, c.st, c.p, c.neg
    c.kind = "wc_death_benefit_dependent"
    ins = r.choice(INSURERS)
    sp = make_persona(r)
    sp.last = p.last
    sp.first = r.choice(FIRST_F if not p.female else FIRST_M)
    seg_open(c, ins, "claims", ["Hi. My husband was killed at work and I was told to call about death benefits."
                                if not p.female else
                                "Hi. My wife died from an accident at work and they said to call about benefits."])
    c.t("A", "I'm so sorry. Can I have your name?")
    c.t("C", st.name(sp.first, sp.last, "prev"))
    c.t("A", "And your %s's full name?" % ("husband" if not p.female else "wife"))
    c.t("C", st.name(p.first, p.last, "prev"))
    seg_event_dates(c, death=True)
    c.t("A", "And his date of birth?" if not p.female else "And her date of birth?")
    c.t("C", st.dob(p.dob, "prev"))
    c.fact("dob", 1)
    seg_ssn(c, last4=False)
    if r.random() < 0.5:
        c.t("A", "Was he on Medicare?" if not p.female else "Was she on Medicare?")
        c.t("C", "Yes, I have the card here.")
        c.t("A", "Can you read me the Medicare number?")
        c.t("C", st.mbi(p.mbi, "prev"))
    c.p = sp
    sp.street, sp.house, sp.suffix, sp.unit, sp.city, sp.state, sp.zip, sp.zip4 = \
        p.street, p.house, p.suffix, p.unit, p.city, p.state, p.zip, p.zip4
    seg_phone(c)
    if r.random() < 0.6:
        seg_address(c)
    if r.random() < 0.4:
        seg_email(c)
    c.p = p
    c.t("A", "The funeral benefit is up to ", neg.money(), ", and there's a weekly dependency benefit.")
    seg_close(c)


def sc_billing(c):
    r, p = c.r, c.p
    c.kind = "wc_clinic_billing"
    seg_open(c, r.choice(CLINICS) + " billing", "billing",
             ["I got a ", c.neg.word("bill"), " from you but it was a work injury, it should go to workers comp."])
    seg_name(c)
    seg_dob(c)
    seg_mrn(c)
    if r.random() < 0.5:
        seg_claim(c)
    if r.random() < 0.45:
        seg_address(c)
    if r.random() < 0.65:
        c.t("A", "I'll send the comp visits to the carrier. The sports physical wasn't work related, "
            "so that part is yours.")
        seg_card(c)
    if r.random() < 0.35:
        seg_email(c)
    if r.random() < 0.4:
        seg_member(c)
    seg_close(c)


def sc_status(c):
    r, p, neg = c.r, c.p, c.neg
    c.kind = "disability_claim_status_line"
    c.org = r.choice(LEAVE_TPAS)
    c.t("A", "Thank you for calling %s. For a new claim, " % c.org, neg.menu(), ". For claim status, ",
        neg.menu(), ".")
    c.t("C", "Claim status.")
    seg_ssn(c, last4=True)
    seg_dob(c)
    if r.random() < 0.7:
        seg_address(c, zip_only=True)
    c.t("A", "Your short term disability claim is approved. Your weekly benefit is ", neg.money(),
        ", paid every ", neg.duration("weeks"), ".")
    c.t("C", "Okay. I also moved, can I update my info?")
    seg_phone(c, r.choice(["correction", "split", "same", "prev"]))
    if r.random() < 0.6:
        seg_email(c)
    if r.random() < 0.4:
        seg_address(c, zip_only=False)
    seg_close(c)


SCENARIOS = [(sc_scheduler, 16), (sc_adjuster, 14), (sc_pbm, 16), (sc_ncm, 10), (sc_leave, 10),
             (sc_auth, 12), (sc_death, 5), (sc_billing, 12), (sc_status, 10)]
AI_SCENARIOS = [(sc_scheduler, 20), (sc_pbm, 20), (sc_billing, 16), (sc_status, 14), (sc_leave, 4)]


# ---------------------------------------------------------------------------------------------
# records

LABELS = {
    "wc_clinic_scheduling": [("[scheduler]", "[patient]"), ("Scheduler:", "Patient:")],
    "wc_adjuster_outbound": [("[adjuster]", "[claimant]"), ("Adjuster:", "Claimant:")],
    "wc_pharmacy_benefit_line": [("[rep]", "[member]"), ("Pharmacy Rep:", "Member:")],
    "wc_nurse_case_manager": [("[nurse]", "[patient]"), ("Case Manager:", "Injured Worker:")],
    "leave_disability_intake_hr": [("[intake]", "[hr]"), ("Intake:", "HR:")],
    "wc_clinic_to_adjuster_authorization": [("[adjuster]", "[clinic]"), ("Adjuster:", "Clinic:")],
    "wc_death_benefit_dependent": [("[claims rep]", "[caller]"), ("Rep:", "Caller:")],
    "wc_clinic_billing": [("[billing]", "[patient]"), ("Billing:", "Patient:")],
    "disability_claim_status_line": [("[agent]", "[caller]"), ("Agent:", "Caller:")],
}
GENERIC_LABELS = [("[agent]", "[caller]"), ("Agent:", "Caller:"), ("AGENT:", "CUSTOMER:"),
                  ("Speaker 1:", "Speaker 2:"), ("spk_0:", "spk_1:"), ("[speaker 1]", "[speaker 2]")]


def make_call(rng, scen, raw, pw, ai=False):
    st = Style(rng, raw, pw)
    for _ in range(20):
        p = make_persona(rng)
        c = Call(rng, st, p, ai)
        scen(c)
        merged = []
        for role, pcs in c.turns:
            if merged and merged[-1][0] == role:
                merged[-1] = (role, merged[-1][1] + [" "] + pcs)
            else:
                merged.append((role, pcs))
        c.turns = merged
        n = len(c.turns)
        if n < 8:
            k = 8 - n + ((8 - n) % 2)
            at = max(i for i in range(1, n) if c.turns[i - 1][0] == "C")
            extra = Call(rng, st, p, ai)
            seg_pad(extra, k)
            c.turns[at:at] = extra.turns
        if 8 <= len(c.turns) <= 40:
            return c
    raise RuntimeError("could not fit a call")


class Builder:
    """Accumulates text with spans/negatives in character offsets."""

    def __init__(self):
        self.parts, self.pos, self.spans, self.negs = [], 0, [], []

    def add(self, s):
        self.parts.append(s)
        self.pos += len(s)

    def add_marks(self, text, marks):
        base = self.pos
        self.add(text)
        for a, b, p in marks:
            self._mark(base + a, base + b, p)

    def add_piece(self, p):
        a = self.pos
        self.add(p.text)
        self._mark(a, self.pos, p)

    def _mark(self, a, b, p):
        if isinstance(p, V):
            d = {"start": a, "end": b, "entity": p.entity, "spoken": p.spoken, "cue": p.cue,
                 "form": p.form, "value": p.value}
            if p.part:
                d["part"] = p.part
            self.spans.append(d)
        else:
            self.negs.append({"start": a, "end": b, "what": p.what})

    def text(self):
        return "".join(self.parts)


def to_bytes(text, items):
    b2 = [0]
    for ch in text:
        b2.append(b2[-1] + len(ch.encode("utf-8")))
    out = []
    for it in items:
        it = dict(it)
        it["start"], it["end"] = b2[it["start"]], b2[it["end"]]
        out.append(it)
    return out


def transcript_record(rng, idx, c):
    labels = rng.choice(LABELS[c.kind] + GENERIC_LABELS)
    if c.kind == "leave_disability_intake_hr" and labels[1] in ("[patient]",):
        labels = ("[intake]", "[hr]")
    stamps = rng.random() < 0.3
    t = rng.randint(0, 20)
    b = Builder()
    for i, (role, pieces) in enumerate(c.turns):
        if i:
            b.add("\n")
        if stamps:
            b.add("[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60))
            t += rng.randint(2, 14)
        lab = labels[0] if role == "A" else labels[1]
        if c.st.raw and lab.endswith(":"):
            lab = lab.lower()
        b.add(lab + " ")
        text, marks = assemble(pieces, c.st.raw)
        b.add_marks(text, marks)
    text = b.text()
    return {"id": "h40-%05d" % idx, "format": "transcript", "kind": "transcript_" + c.kind,
            "text": text, "spans": to_bytes(text, b.spans), "negatives": to_bytes(text, b.negs)}


# -- JSON payloads ---------------------------------------------------------------------------------

class M:
    """A JSON string assembled from pieces (str, V, N) so spans can be located."""

    def __init__(self, pieces):
        self.pieces = pieces


def ser(obj, b):
    if isinstance(obj, M):
        b.add('"')
        for p in obj.pieces:
            if isinstance(p, str):
                b.add(json.dumps(p, ensure_ascii=False)[1:-1])
            else:
                enc = json.dumps(p.text, ensure_ascii=False)[1:-1]
                assert enc == p.text, p.text
                b.add_piece(p)
        b.add('"')
    elif isinstance(obj, dict):
        b.add("{")
        for i, (k, v) in enumerate(obj.items()):
            if i:
                b.add(",")
            b.add(json.dumps(k, ensure_ascii=False) + ":")
            ser(v, b)
        b.add("}")
    elif isinstance(obj, list):
        b.add("[")
        for i, v in enumerate(obj):
            if i:
                b.add(",")
            ser(v, b)
        b.add("]")
    elif isinstance(obj, (V, N)):
        ser(M([obj]), b)
    else:
        b.add(json.dumps(obj, ensure_ascii=False))


def turn_pieces(pieces, raw):
    text, marks = assemble(pieces, raw)
    out, pos = [], 0
    for a, z, p in marks:
        out.append(text[pos:a])
        out.append(p)
        pos = z
    out.append(text[pos:])
    return [x for x in out if x != ""]


def joined(c, fmt_label, sep="\n", lead=""):
    out = [lead] if lead else []
    for i, (role, pieces) in enumerate(c.turns):
        if i:
            out.append(sep)
        lab = fmt_label(role, i)
        if lab:
            out.append(lab)
        out.extend(turn_pieces(pieces, c.st.raw))
    return M(out)


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:32])


def e164(v):
    return "+1" + v


def summary(c, rng):
    """LLM-written summary (written values) and structured data for AI platforms."""
    p, f = c.p, c.facts
    w = Style(rng, False, 1.0)
    pcs = []
    subj = "Caller" if c.kind != "leave_disability_intake_hr" else "HR called about employee"
    if "name" in f or c.kind == "leave_disability_intake_hr":
        pcs += [subj + " ", V(p.first + " " + p.last, "NAME", False, "same", "name_summary", p.first + " " + p.last)]
    else:
        pcs += ["The caller"]
    bits = []
    if "dob" in f:
        bits.append(["DOB ", w.dob(p.dob, "same")])
    if "ssn4" in f:
        bits.append(["SSN last four ", V(p.ssn[5:], "SSN", False, "same", "last4_digits", p.ssn)])
    if "mrn" in f:
        bits.append(["MRN ", w.mrn(p.mrn, "same")])
    if bits:
        pcs.append(" (")
        for i, x in enumerate(bits):
            if i:
                pcs.append(", ")
            pcs += x
        pcs.append(")")
    pcs.append(" contacted %s" % c.org)
    if "claim" in f:
        pcs += [" regarding workers' compensation claim ", N(f["claim"], "claim_number"), "."]
    else:
        pcs.append(" about a %s." % ("disability claim" if "disability" in c.kind or "leave" in c.kind
                                     else "work injury claim"))
    if c.kind == "wc_pharmacy_benefit_line":
        pcs.append(" Prescription was rejected pending adjuster approval.")
    if "card" in f:
        pcs.append(" Caller paid the balance by card.")
    if "phone" in f:
        pcs += [" Callback number: ", w.phone(p.phone, "same"), "."]
    if "email" in f:
        pcs += [" Email on file updated to ", w.email(p.email, "same"), "."]
    if "zip" in f and "street" not in f:
        pcs += [" ZIP ", w.zip(p.zip, "same", p.zip4), " verified."]
    if "street" in f:
        pcs += [" Mailing address: ", w.street(p, "same"), ", ",
                V(p.city, "CITY", False, "same", "city_summary", p.city), ", %s " % p.state,
                w.zip(p.zip, "same", p.zip4), "."]
    if "member" in f:
        pcs += [" Health plan member ID ", w.member(p.member, "same"), "."]
    if "admit" in f:
        pcs.append(" Inpatient stay reported.")
    sd = collections.OrderedDict()
    if "name" in f or c.kind == "leave_disability_intake_hr":
        sd["caller_name" if c.kind != "leave_disability_intake_hr" else "employee_name"] = \
            V(p.first + " " + p.last, "NAME", False, "same", "name_structured", p.first + " " + p.last)
    if "dob" in f:
        sd["date_of_birth"] = V(p.dob.isoformat() if rng.random() < 0.5 else p.dob.strftime("%m/%d/%Y"),
                                "DOB", False, "same", "structured_date", p.dob.isoformat())
    if "claim" in f:
        sd["claim_number"] = N(f["claim"], "claim_number")
    if "phone" in f:
        sd["callback_number"] = V(e164(p.phone), "PHONE", False, "same", "e164", p.phone)
    if "email" in f:
        sd["email"] = V(p.email, "EMAIL", False, "same", "email_written", p.email)
    if "zip" in f:
        sd["zip_code"] = V(p.zip, "ZIP", False, "same", "zip_digits", p.zip)
    if "mrn" in f:
        sd["mrn"] = V(p.mrn, "MRN", False, "same", "mrn_digits_written", p.mrn)
    if "ssn4" in f:
        sd["ssn_last4"] = V(p.ssn[5:], "SSN", False, "same", "last4_digits", p.ssn)
    if "member" in f:
        sd["member_id"] = V(p.member, "MEMBER_ID", False, "same", "member_alnum_written", p.member)
    sd["resolution"] = rng.choice(["resolved", "callback_needed", "transferred_to_adjuster"])
    return M(pcs), sd


def json_record(rng, idx, c, profile):
    t0 = 1735000000 + rng.randint(0, 15000000)
    dur = 40 + 9 * len(c.turns) + rng.randint(0, 60)
    raw = c.st.raw
    office = "1" + rng.choice(["800", "866", "877", "888"]) + "555" + "01%02d" % rng.randint(0, 99)
    caller_is_patient = c.kind not in ("leave_disability_intake_hr", "wc_clinic_to_adjuster_authorization",
                                       "wc_death_benefit_dependent")
    caller_num = V(e164(c.p.phone), "PHONE", False, "same", "e164", c.p.phone) if caller_is_patient else \
        N(e164(office[1:4] + "5550" + "1%02d" % rng.randint(0, 99)), "office_phone")
    times = []
    s = 0.4
    for role, pieces in c.turns:
        d = round(1.2 + 0.07 * sum(len(x) if isinstance(x, str) else len(x.text) for x in pieces), 2)
        times.append((round(s, 2), round(s + d, 2)))
        s += d + rng.uniform(0.3, 1.4)
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are the phone assistant for %s. Verify identity before "
                 "discussing claims." % c.org, "time": t0 * 1000, "secondsFromStart": 0}]
        for (role, pieces), (a, z) in zip(c.turns, times):
            msgs.append({"role": "bot" if role == "A" else "user", "message": M(turn_pieces(pieces, raw)),
                         "time": int(t0 * 1000 + a * 1000), "endTime": int(t0 * 1000 + z * 1000),
                         "secondsFromStart": a, "duration": int((z - a) * 1000)})
        summ, sd = summary(c, rng)
        obj = {"message": {"timestamp": (t0 + dur) * 1000, "type": "end-of-call-report",
                           "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                    "status": "ended", "phoneNumberId": uuid(rng),
                                    "customer": {"number": caller_num}},
                           "artifact": {"messages": msgs,
                                        "transcript": joined(c, lambda r_, i: "AI: " if r_ == "A" else "User: "),
                                        "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(rng)},
                           "analysis": {"summary": summ, "structuredData": sd, "successEvaluation": "true"},
                           "startedAt": iso(t0), "endedAt": iso(t0 + dur), "durationSeconds": float(dur),
                           "cost": round(rng.uniform(0.08, 0.6), 4)}}
    elif profile == "retell":
        summ, sd = summary(c, rng)
        obj = {"event": "call_analyzed",
               "call": {"call_type": "phone_call", "from_number": caller_num,
                        "to_number": N(e164(office[1:]), "office_phone"), "direction": "inbound",
                        "call_id": "call_%032x" % rng.getrandbits(128),
                        "agent_id": "agent_%024x" % rng.getrandbits(96), "call_status": "ended",
                        "start_timestamp": t0 * 1000, "end_timestamp": (t0 + dur) * 1000,
                        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                        "transcript": joined(c, lambda r_, i: "Agent: " if r_ == "A" else "User: "),
                        "transcript_object": [{"role": "agent" if r_ == "A" else "user",
                                               "content": M(turn_pieces(pc, raw))} for r_, pc in c.turns],
                        "call_analysis": {"call_summary": summ, "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                          "call_successful": True, "in_voicemail": False,
                                          "custom_analysis_data": sd}}}
    elif profile == "signalwire":
        summ, sd = summary(c, rng)
        log = [{"role": "system", "content": "You are the virtual agent for %s." % c.org}]
        for (r_, pc), (a, z) in zip(c.turns, times):
            log.append({"role": "assistant" if r_ == "A" else "user", "content": M(turn_pieces(pc, raw)),
                        "latency": rng.randint(300, 1400), "utterance_latency": rng.randint(200, 900)})
        cid_name = V((c.p.first + " " + c.p.last).upper(), "NAME", False, "same", "caller_id_upper",
                     c.p.first + " " + c.p.last) if caller_is_patient and rng.random() < 0.6 else "WIRELESS CALLER"
        obj = {"action": "post_conversation", "ai_session_id": uuid(rng), "app_name": "wc_intake_agent",
               "call_id": uuid(rng), "call_start_date": t0 * 1000000, "call_end_date": (t0 + dur) * 1000000,
               "caller_id_name": cid_name, "caller_id_number": caller_num, "call_log": log,
               "post_prompt_data": {"raw": summ, "substituted": summ, "parsed": [sd]},
               "project_id": uuid(rng), "space_id": uuid(rng), "version": "2.0"}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1}
        paras = []
        for (r_, pc), (a, z) in zip(c.turns, times):
            paras.append({"sentences": [{"text": M(turn_pieces(pc, raw)), "start": a, "end": z}],
                          "speaker": spk[r_], "num_words": sum(len((x if isinstance(x, str) else x.text).split())
                                                              for x in pc), "start": a, "end": z})
        utts = [{"start": a, "end": z, "confidence": round(rng.uniform(0.82, 0.99), 4), "channel": 0,
                 "transcript": M(turn_pieces(pc, raw)), "speaker": spk[r_], "id": uuid(rng)}
                for (r_, pc), (a, z) in zip(c.turns, times)]
        model = uuid(rng)
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng),
                            "sha256": "%064x" % rng.getrandbits(256), "created": iso(t0 + dur + 5),
                            "duration": float(dur), "channels": 1, "models": [model],
                            "model_info": {model: {"name": "2-phonecall-nova", "version": "2024-01-09.29447",
                                                   "arch": "nova-2"}}},
               "results": {"channels": [{"alternatives": [{
                   "transcript": joined(c, lambda r_, i: "", sep=" "),
                   "confidence": round(rng.uniform(0.9, 0.99), 4),
                   "paragraphs": {"transcript": joined(c, lambda r_, i: "Speaker %d: " % spk[r_],
                                                       sep="\n\n", lead="\n"),
                                  "paragraphs": paras}}]}],
                   "utterances": utts}}
    else:  # transcribe
        acct = N("%012d" % rng.randint(10 ** 11, 10 ** 12 - 1), "account_id")
        if rng.random() < 0.5:
            segs = [{"id": i, "transcript": M(turn_pieces(pc, raw)), "start_time": "%.2f" % a,
                     "end_time": "%.2f" % z, "speaker_label": "spk_%d" % (0 if r_ == "A" else 1), "items": []}
                    for i, ((r_, pc), (a, z)) in enumerate(zip(c.turns, times))]
            obj = {"jobName": "wc-call-%06d" % rng.randint(0, 999999), "accountId": acct,
                   "status": "COMPLETED",
                   "results": {"transcripts": [{"transcript": joined(c, lambda r_, i: "", sep=" ")}],
                               "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                               "audio_segments": segs}}
        else:
            tr = [{"LoudnessScores": [round(rng.uniform(60, 85), 2) for _ in range(3)],
                   "Content": M(turn_pieces(pc, raw)), "Id": uuid(rng), "BeginOffsetMillis": int(a * 1000),
                   "EndOffsetMillis": int(z * 1000), "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "NEGATIVE"]),
                   "ParticipantRole": "AGENT" if r_ == "A" else "CUSTOMER"}
                  for (r_, pc), (a, z) in zip(c.turns, times)]
            obj = {"JobName": "wc-analytics-%06d" % rng.randint(0, 999999), "AccountId": acct,
                   "JobStatus": "COMPLETED", "LanguageCode": "en-US", "Channel": "VOICE",
                   "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
                   "Transcript": tr,
                   "ConversationCharacteristics": {"TotalConversationDurationMillis": dur * 1000,
                                                   "Sentiment": {"OverallSentiment": {"AGENT": 1.2, "CUSTOMER": -0.4}}}}
    b = Builder()
    ser(obj, b)
    text = b.text()
    assert json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) == text
    return {"id": "h40-%05d" % idx, "format": "json", "profile": profile, "kind": "json_%s_%s" % (profile, c.kind),
            "text": text, "spans": to_bytes(text, b.spans), "negatives": to_bytes(text, b.negs)}


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def weighted(rng, items):
    tot = sum(w for _, w in items)
    x = rng.uniform(0, tot)
    for it, w in items:
        x -= w
        if x <= 0:
            return it
    return items[-1][0]


def generate(seed, n):
    rng = random.Random(seed)
    recs = []
    n_json = round(n * 0.45)
    kinds = ["transcript"] * (n - n_json) + ["json"] * n_json
    rng.shuffle(kinds)
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    for i, k in enumerate(kinds, 1):
        if k == "transcript":
            mode = rng.choice(["raw", "raw", "smart", "mixed"])
            raw = mode == "raw"
            pw = {"raw": 0.06, "smart": 0.55, "mixed": 0.3}[mode]
            c = make_call(rng, weighted(rng, SCENARIOS), raw, pw)
            recs.append(transcript_record(rng, i, c))
        else:
            prof = profiles[(i * 7 + rng.randint(0, 4)) % 5]
            if prof in ("deepgram", "transcribe"):
                c = make_call(rng, weighted(rng, SCENARIOS), False, rng.choice([0.35, 0.6]))
            else:
                c = make_call(rng, weighted(rng, AI_SCENARIOS), False, rng.choice([0.2, 0.4]), ai=True)
            recs.append(json_record(rng, i, c, prof))
    return recs


# ---------------------------------------------------------------------------------------------
# checking

WORD_DIGIT = {w: i for i, w in enumerate(ONES)}
WORD_DIGIT.update({"oh": 0, "o": 0})
TEEN_NUM = {w: 10 + i for i, w in enumerate(TEENS)}
TEN_NUM = {w: i for i, w in enumerate(TENS) if w}
ORD_NUM = {v: k for k, v in ORD.items()}
NATO_REV = {v.replace("-", ""): k for k, v in NATO.items()}
FILLERS = {"uh", "um", "no", "sorry", "wait", "and", "dash"}
MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}


def tokens(text):
    return re.findall(r"[a-z]+|\d+|[@._+]", text.lower().replace("x-ray", "xray"))


def parse_digits(toks, zero_words=("zero", "oh", "o")):
    """Spoken or written digits -> digit string (number words, double/triple, hundred, thousand)."""
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in WORD_DIGIT:
            out.append(str(WORD_DIGIT[nxt]) * (2 if t == "double" else 3))
            i += 1
        elif t in WORD_DIGIT and (t not in ("oh", "o", "zero") or t in zero_words):
            if nxt in ("hundred", "thousand"):
                mult = 2 if nxt == "hundred" else 3
                rest_toks = []
                j = i + 2
                if j < len(toks) and toks[j] == "and":
                    j += 1
                while j < len(toks) and (toks[j] in WORD_DIGIT or toks[j] in TEEN_NUM or toks[j] in TEN_NUM
                                         or toks[j] == "hundred"):
                    rest_toks.append(toks[j])
                    j += 1
                    if len(rest_toks) >= (2 if mult == 2 else 4):
                        break
                rest = parse_digits(rest_toks) if rest_toks else ""
                if rest and int(rest) < 10 ** mult:
                    out.append(str(WORD_DIGIT[t]) + rest.zfill(mult))
                    i = j
                    continue
                out.append(str(WORD_DIGIT[t]) + "0" * mult)
                i += 2
                continue
            out.append(str(WORD_DIGIT[t]))
        elif t in TEEN_NUM:
            out.append(str(TEEN_NUM[t]))
            if nxt == "hundred":
                out[-1] += "00"
                i += 1
        elif t in TEN_NUM:
            if nxt in WORD_DIGIT and nxt not in ("zero", "oh", "o"):
                out.append(str(TEN_NUM[t] * 10 + WORD_DIGIT[nxt]))
                i += 1
            else:
                out.append(str(TEN_NUM[t] * 10))
        i += 1
    return "".join(out)


def spelled_letters(toks, letters_only=False):
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t in ("o", "oh") and not letters_only:
            out.append("0")
        elif len(t) == 1 and t.isalpha():
            out.append(t)
        elif t in NATO_REV:
            out.append(NATO_REV[t])
        elif t.isdigit() or t in WORD_DIGIT or t in ("double", "triple"):
            out.append(parse_digits([t] + ([toks[i + 1]] if t in ("double", "triple") and i + 1 < len(toks) else [])))
            if t in ("double", "triple"):
                i += 1
        i += 1
    return "".join(out)


def email_norm(text):
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t == "at":
            out.append("@")
        elif t == "dot":
            out.append(".")
        elif t == "underscore":
            out.append("_")
        elif t in TEEN_NUM or t in TEN_NUM or (t in WORD_DIGIT and t not in ("o", "oh")) or t == "zero":
            j = i
            run = []
            while j < len(toks) and (toks[j] in TEEN_NUM or toks[j] in TEN_NUM or toks[j] in ("hundred", "thousand")
                                     or (toks[j] in WORD_DIGIT and toks[j] not in ("o", "oh"))):
                run.append(toks[j])
                j += 1
            out.append(parse_digits(run))
            i = j
            continue
        else:
            out.append(t)
        i += 1
    return "".join(out)


def date_ok(text, iso_val, part=None, form=""):
    d = datetime.date.fromisoformat(iso_val)
    low = text.lower()
    toks = tokens(low)
    if form == "digits_mmddyy":
        return parse_digits(toks) == "%02d%02d%02d" % (d.month, d.day, d.year % 100)
    nums = []
    i = 0
    ONE9 = {w: k for w, k in WORD_DIGIT.items() if k}

    def sub(j):
        """A number below 100 at toks[j]: (value, next index) or (None, j)."""
        t = toks[j] if j < len(toks) else ""
        n2 = toks[j + 1] if j + 1 < len(toks) else ""
        if t in TEEN_NUM:
            return TEEN_NUM[t], j + 1
        if t in TEN_NUM:
            if n2 in ONE9:
                return TEN_NUM[t] * 10 + ONE9[n2], j + 2
            return TEN_NUM[t] * 10, j + 1
        if t in ("oh", "o") and n2 in ONE9:
            return ONE9[n2], j + 2
        if t in WORD_DIGIT:
            return WORD_DIGIT[t], j + 1
        return None, j
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in MONTH_NUM:
            nums.append(("m", MONTH_NUM[t]))
        elif t.isdigit():
            nums.append(("n", int(t)))
        elif t in ORD_NUM:
            nums.append(("n", ORD_NUM[t]))
        elif t in TEN_NUM and nxt in ORD_NUM:
            nums.append(("n", TEN_NUM[t] * 10 + ORD_NUM[nxt]))
            i += 1
        elif t in WORD_DIGIT and nxt == "thousand":
            j = i + 2
            if j < len(toks) and toks[j] == "and":
                j += 1
            v, j2 = sub(j)
            nums.append(("n", WORD_DIGIT[t] * 1000 + (v or 0)))
            i = j2
            continue
        else:
            v, j = sub(i)
            if v is not None:
                nums.append(("n", v))
                i = j
                continue
        i += 1
    vals = [v for _, v in nums]
    months = [v for k, v in nums if k == "m"]
    want_year = {d.year, d.year % 100, d.year // 100}
    if part == "1/2":
        return d.month in months and d.day in vals
    if part == "2/2":
        return d.year in vals or (d.year // 100 in vals and d.year % 100 in vals) or \
            (d.year >= 2000 and int(parse_digits(toks) or 0) == d.year)
    year_hit = d.year in vals or d.year % 100 in vals or (d.year >= 2000 and str(d.year) in parse_digits(toks))
    return (d.month in months or d.month in vals) and d.day in vals and year_hit and bool(want_year)


def value_ok(ent, text, s):
    v, form, part = s.get("value", ""), s.get("form", ""), s.get("part")
    toks = tokens(text)
    if ent == "PHONE":
        if not re.fullmatch(r"\d{3}55501\d\d", v):
            return False
        d = parse_digits(toks)
        if part == "1/2":
            return d == v[:3]
        if part == "2/2":
            return d == v[3:]
        if form.startswith("correction"):
            return d.startswith(v[:6]) and d.endswith(v[6:])
        return d in (v, "1" + v)
    if ent == "SSN":
        if not ssn_ok(v):
            return False
        d = parse_digits(toks)
        if form.startswith("last4"):
            return d == v[5:]
        if form.startswith("correction"):
            return d.endswith(v) and d.startswith(v[:3])
        return d == v
    if ent == "CARD":
        if not (luhn_ok(v) and (len(v) == 16 or (len(v) == 15 and v[:2] in ("34", "37")))):
            return False
        d = parse_digits(toks)
        if part == "1/2":
            return d == v[:8]
        if part == "2/2":
            return d == v[8:]
        return d == v
    if ent == "ZIP":
        return re.fullmatch(r"\d{5}(-\d{4})?", v) is not None and parse_digits(toks) == v.replace("-", "")
    if ent == "NPI":
        return npi_ok(v) and parse_digits(toks) == v
    if ent in ("MRN", "MEMBER_ID", "MBI"):
        if ent == "MBI" and not MBI_RE.match(v):
            return False
        if not re.fullmatch(r"[A-Z0-9]{6,14}", v):
            return False
        if not s["spoken"]:
            return re.sub(r"[^0-9A-Z]", "", text.upper()) == v
        if v.isdigit():
            return parse_digits(toks) == v
        return spelled_letters(toks).upper() == v
    if ent == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", v) is not None and email_norm(text) == v
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        if ent == "DOB" and not (1900 <= d.year <= 2010):
            return False
        return date_ok(text, v, part, form)
    if ent == "NAME":
        if "spelled" in form:
            return spelled_letters(toks, True) == v.lower()
        return text.lower() == v.lower()
    if ent == "CITY":
        return text.lower() == v.lower()
    if ent == "STREET":
        house, name = v.split(" ", 1)
        k = text.lower().find(name.lower())
        return k > 0 and parse_digits(tokens(text[:k])) == house
    return False


ENTITIES = {"SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"}
LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z][a-z0-9 _]*\]|[A-Za-z][A-Za-z0-9 _]*:) \S")


def json_string_ranges(raw):
    """Char ranges of the insides of every JSON string token in raw (keys included)."""
    out, i, n = [], 0, len(raw)
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


NUMWORDS = set(ONES) | set(TEENS) | set(TEN_NUM) | set(ORD.values()) | {"oh", "o", "double", "triple",
                                                                       "hundred", "thousand"}


def spoken_flag(ent, seg):
    """Expected `spoken` from the text alone (None: decided by context, e.g. names)."""
    toks = tokens(seg)
    if ent in ("NAME", "CITY"):
        return None
    if ent == "EMAIL":
        return "@" not in seg or any(t in ("dot", "at") for t in toks)
    return any(t in NUMWORDS for t in toks)


def check_record(r):
    errs = []
    text = r["text"]
    b = text.encode("utf-8")
    c2b = [0]
    for ch in text:
        c2b.append(c2b[-1] + len(ch.encode("utf-8")))
    b2c = {v: k for k, v in enumerate(c2b)}
    if r["format"] == "transcript":
        lines = text.split("\n")
        if not 8 <= len(lines) <= 40:
            errs.append("turns %d" % len(lines))
        for ln in lines:
            if not LINE_RE.match(ln):
                errs.append("bad line: %r" % ln[:60])
        if text.endswith("\n") or "\n\n" in text:
            errs.append("blank/trailing line")
    else:
        if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
            errs.append("profile")
        try:
            obj = json.loads(text)
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("not compact json")
        except ValueError as e:
            errs.append("json: %s" % e)
        ranges = json_string_ranges(text)
    items = []
    for s in r["spans"]:
        if s["entity"] not in ENTITIES:
            errs.append("entity %s" % s["entity"])
        if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool) or not s.get("form"):
            errs.append("span fields %r" % s)
        if s["start"] not in b2c or s["end"] not in b2c or s["start"] >= s["end"]:
            errs.append("offsets %r" % s)
            continue
        seg = b[s["start"]:s["end"]].decode("utf-8")
        if seg != seg.strip() or seg.strip(",?!") != seg or (seg.endswith(".") and s["entity"] != "STREET"):
            errs.append("span edges %r" % seg)
        if not value_ok(s["entity"], seg, s):
            errs.append("value %s %r (%s)" % (s["entity"], seg, s.get("value")))
        want = spoken_flag(s["entity"], seg)
        if want is not None and want != s["spoken"]:
            errs.append("spoken flag %r" % seg)
        if r["format"] == "json":
            cs, ce = b2c[s["start"]], b2c[s["end"]]
            if not any(a <= cs and ce <= z for a, z in ranges):
                errs.append("span outside JSON string %r" % seg)
        items.append((s["start"], s["end"], "span"))
    for n in r["negatives"]:
        if n["start"] not in b2c or n["end"] not in b2c or n["start"] >= n["end"] or not n.get("what"):
            errs.append("neg offsets %r" % n)
            continue
        seg = b[n["start"]:n["end"]].decode("utf-8")
        if seg != seg.strip():
            errs.append("neg edges %r" % seg)
        if r["format"] == "json":
            cs, ce = b2c[n["start"]], b2c[n["end"]]
            if not any(a <= cs and ce <= z for a, z in ranges):
                errs.append("neg outside JSON string %r" % seg)
        items.append((n["start"], n["end"], "neg"))
    items.sort()
    for (a1, z1, _), (a2, z2, _) in zip(items, items[1:]):
        if a2 < z1:
            errs.append("overlap at %d" % a2)
    return errs


def stats(recs, out=sys.stdout):
    ent = collections.Counter()
    cues = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    kinds = collections.Counter()
    for r in recs:
        fmt[(r["format"], r.get("profile", ""))] += 1
        kinds[r["kind"]] += 1
        for s in r["spans"]:
            sw = "spoken" if s["spoken"] else "written"
            ent[(s["entity"], sw)] += 1
            cues[(s["entity"], sw, s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    w = out.write
    w("records: %d (%s)\n" % (len(recs), ", ".join("%s%s %d" % (f, "/" + p if p else "", k)
                                                   for (f, p), k in sorted(fmt.items()))))
    w("\n| entity | spoken | written | spoken same/prev/none | written same/prev/none |\n|---|---:|---:|---|---|\n")
    tot_s = tot_w = 0
    for e in sorted({e for e, _ in ent}):
        s_, w_ = ent[(e, "spoken")], ent[(e, "written")]
        tot_s += s_
        tot_w += w_
        w("| %s | %d | %d | %s | %s |\n" % (e, s_, w_,
                                            "/".join(str(cues[(e, "spoken", c)]) for c in ("same", "prev", "none")),
                                            "/".join(str(cues[(e, "written", c)]) for c in ("same", "prev", "none"))))
    w("| all | %d | %d | | |\n" % (tot_s, tot_w))
    w("\nnegatives: %d (%s)\n" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items(),
                                                                                                key=lambda x: (-x[1], x[0])))))
    w("\nkinds: %s\n" % ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    w("\nforms per entity: %d distinct\n" % len(forms))
    by_e = collections.defaultdict(list)
    for (e, f), k in sorted(forms.items()):
        by_e[e].append("%s %d" % (f, k))
    for e in sorted(by_e):
        w("  %s: %s\n" % (e, ", ".join(by_e[e])))


def find_carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR", "")]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cands.append(os.path.join(d, "shared", "carrier-sources"))
        d = os.path.dirname(d)
    cands.append("/work/shared/carrier-sources")
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")):
            return c
    sys.exit("carrier sources not found (use --carrier-dir or CARRIER_DIR)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--carrier-dir", default="")
    a = ap.parse_args()
    if a.check:
        recs, bad = [], 0
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
        if bad:
            sys.exit("check FAILED: %d problems" % bad)
        print("\ncheck OK: %d records" % len(recs))
        return
    CARRIERS[:] = load_carriers(find_carrier_dir(a.carrier_dir))
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
