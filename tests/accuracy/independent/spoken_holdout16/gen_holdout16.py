#!/usr/bin/env python3
"""Holdout 16: healthcare phone calls (answering service, DME, lab callbacks, dental
scheduling, hospital billing) as STT output, plus voice-agent JSON payloads, with
fictitious PHI.  Standard library only; deterministic for a seed.

  python3 gen_holdout16.py [--seed S] [--n COUNT] > holdout16.jsonl
  python3 gen_holdout16.py --stats
  python3 gen_holdout16.py --check holdout16.jsonl
"""
import argparse
import calendar
import collections
import csv
import datetime
import json
import os
import random
import re
import sys

DEFAULT_SEED = 20261216
ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME"]

# ----------------------------------------------------------------------------- markers
SO, SE, NO, NE = "\ue000", "\ue001", "\ue002", "\ue003"
BASE = 0xF0000


class Rec:
    def __init__(self):
        self.spans = []
        self.negs = []

    def v(self, text, entity, spoken, cue, form, value):
        self.spans.append({"entity": entity, "spoken": bool(spoken), "cue": cue, "form": form,
                           "value": value})
        return SO + chr(BASE + len(self.spans) - 1) + text + SE

    def n(self, text, what):
        self.negs.append({"what": what})
        return NO + chr(BASE + len(self.negs) - 1) + text + NE

    def finish(self, marked):
        out = []
        spans, negs = [], []
        stack = []
        pos = 0
        i = 0
        while i < len(marked):
            ch = marked[i]
            if ch in (SO, NO):
                stack.append((ch, ord(marked[i + 1]) - BASE, pos))
                i += 2
                continue
            if ch in (SE, NE):
                kind, idx, st = stack.pop()
                if kind == SO:
                    d = dict(self.spans[idx])
                    d["start"], d["end"] = st, pos
                    spans.append(d)
                else:
                    d = dict(self.negs[idx])
                    d["start"], d["end"] = st, pos
                    negs.append(d)
                i += 1
                continue
            b = ch.encode("utf-8")
            out.append(ch)
            pos += len(b)
            i += 1
        assert not stack
        spans.sort(key=lambda s: s["start"])
        negs.sort(key=lambda s: s["start"])
        key = ["start", "end", "entity", "spoken", "cue", "form", "value"]
        spans = [{k: s[k] for k in key} for s in spans]
        negs = [{"start": s["start"], "end": s["end"], "what": s["what"]} for s in negs]
        return "".join(out), spans, negs


def strip_markers(s):
    return re.sub("[\ue000\ue002][\U000F0000-\U000FFFFD]|[\ue001\ue003]", "", s)


def map_outside(s, fn):
    """Apply fn to the text outside markers (values and negatives are left alone)."""
    out, depth, buf, i = [], 0, [], 0
    while i < len(s):
        ch = s[i]
        if ch in (SO, NO):
            if depth == 0 and buf:
                out.append(fn("".join(buf)))
                buf = []
            out.append(s[i:i + 2])
            depth += 1
            i += 2
            continue
        if ch in (SE, NE):
            depth -= 1
            out.append(ch)
            i += 1
            continue
        (buf if depth == 0 else out).append(ch)
        i += 1
    if buf:
        out.append(fn("".join(buf)))
    return "".join(out)


# ----------------------------------------------------------------------------- words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth",
       20: "twentieth", 30: "thirtieth"}
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "Adam", "B": "boy", "C": "Charlie", "D": "David", "E": "Edward", "F": "Frank",
        "G": "George", "H": "Henry", "I": "Ida", "J": "John", "K": "King", "L": "Larry",
        "M": "Mary", "N": "Nancy", "O": "Ocean", "P": "Paul", "Q": "queen", "R": "Robert",
        "S": "Sam", "T": "Tom", "U": "Union", "V": "Victor", "W": "William", "X": "x-ray",
        "Y": "yellow", "Z": "zebra"}


def ordinal(n):
    if n in ORD:
        return ORD[n]
    if n < 10:
        return ONES[n] + "th"
    if n < 20:
        return TEENS[n - 10] + "th"
    t, u = divmod(n, 10)
    if u == 0:
        return ORD.get(n, TENS[t][:-1] + "ieth")
    return TENS[t] + "-" + ordinal(u) if False else TENS[t] + " " + ordinal(u)


def two(n, zero="oh"):
    """0..99 as a spoken pair: 05 -> oh five, 45 -> forty five."""
    if n < 10:
        return zero + " " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + ONES[u])


def cardinal(n):
    if n < 10:
        return ONES[n]
    if n < 100:
        return two(n)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + cardinal(r))
    th, r = divmod(n, 1000)
    return cardinal(th) + " thousand" + ("" if r == 0 else " " + cardinal(r))


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000]]) \
            if y > 2000 else "two thousand"
    if y >= 2010:
        return rng.choice(["twenty " + two(y - 2000), "two thousand " + cardinal(y - 2000)])
    return two(y // 100) + " " + two(y % 100)


def digit_words(s, rng, zero=None, doubles=0.0):
    """'0132' -> ['oh','one','three','two'] with optional double/triple."""
    zero = zero or rng.choice(["oh", "zero", "oh", "o"])
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if not c.isdigit():
            out.append(c)
            i += 1
            continue
        w = zero if c == "0" else ONES[int(c)]
        if i + 2 < len(s) and s[i + 1] == c and s[i + 2] == c and rng.random() < doubles:
            out.append("triple " + w)
            i += 3
            continue
        if i + 1 < len(s) and s[i + 1] == c and rng.random() < doubles:
            out.append("double " + w)
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def say_groups(groups, rng, style, sep=None, zero=None, doubles=0.3, numerals=None, fill=0.0):
    """Spoken or mixed rendering of digit groups.  Returns (text, spoken, form)."""
    zero = zero or rng.choice(["oh", "zero", "oh", "o"])
    if numerals is None:
        numerals = 0.25 if style == "whisper" else (0.2 if style == "google" else 0.0)
    if sep is None:
        if style == "whisper":
            sep = rng.choice([", ", ". ", "... ", " - ", ", "])
        elif style == "google":
            sep = " "
        else:
            sep = rng.choice([", ", " ", "... ", " uh "])
    parts, anyword, anynum = [], False, False
    for k, g in enumerate(groups):
        if rng.random() < numerals:
            parts.append(g)
            anynum = True
        else:
            parts.append(" ".join(digit_words(g, rng, zero, doubles)))
            anyword = True
        if k < len(groups) - 1 and rng.random() < fill:
            parts[-1] += rng.choice([" um", " uh", "..."])
    if sep == ". ":
        parts = [p[0].upper() + p[1:] for p in parts]
        if style == "whisper" and rng.random() < 0.5:
            parts[0] = parts[0]
    text = sep.join(parts)
    if not anyword:
        # all numerals: force a word group so the value stays spoken
        j = rng.randrange(len(groups))
        parts[j] = " ".join(digit_words(groups[j], rng, zero, doubles))
        if sep == ". ":
            parts[j] = parts[j][0].upper() + parts[j][1:]
        text = sep.join(parts)
        anynum = len(groups) > 1
    form = ("mixed_digits_words" if anynum else "digits_" + zero) + \
        {", ": "_comma", ". ": "_fullstop", "... ": "_ellipsis", " - ": "_dash", " ": "_space",
         " uh ": "_uh"}.get(sep, "_sep")
    return text, True, form


def spell(word, rng, how):
    L = [c.upper() for c in word if c.isalpha()]
    if how == "nato":
        return " ".join(NATO[c] for c in L)
    if how == "asin":
        return ", ".join("%s as in %s" % (c, ASIN[c]) for c in L)
    if how == "dash":
        return "-".join(L)
    if how == "lowerspace":
        return " ".join(c.lower() for c in L)
    return " ".join(L)


# ----------------------------------------------------------------------------- values
FIRST = ["Dana", "Marcus", "Leticia", "Howard", "Priya", "Tomasz", "Gwen", "Darnell", "Imelda",
         "Reuben", "Colette", "Arjun", "Maribel", "Vernon", "Ingrid", "Desmond", "Yolanda", "Kwame",
         "Bettina", "Lowell", "Soraya", "Ignacio", "Henrietta", "Callum", "Noreen", "Otis", "Rosalind",
         "Femi", "Lucinda", "Wendell", "Anneliese", "Jovan", "Marisol", "Thaddeus", "Corinne", "Emeka",
         "Delphine", "Rupert", "Nadia", "Cyrus", "Ofelia", "Garrett", "Blessing", "Mirela", "Quentin"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Pettibone", "Castellano", "Nguyen", "Haverford", "Mbeki",
        "Szymanski", "Thornbury", "Abernathy", "Delacroix", "Kowalczyk", "Yamashiro", "Brannigan",
        "Oyelaran", "Fairweather", "Hollister", "Vasquez", "Dunmore", "Achterberg", "Quintero",
        "Ravenscroft", "Mulcahy", "Ferreira", "Greenhalgh", "Pruitt", "Oduya", "Whitcombe", "Lisowski",
        "Amankwah", "Bellweather", "Carrow", "Estrada", "Fennimore", "Gallardo", "Iwasaki", "Jorgensen"]
STREETS = ["Elm", "Birchwood", "Harbor View", "Quarry", "Linden", "Old Mill", "Sycamore", "Juniper",
           "Cottonwood", "Fairmont", "Kessler", "Ridgeline", "Wexford", "Tamarack", "Orchard Hill",
           "Pelham", "Marigold", "Stonegate", "Bramble", "Caldwell"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl."), ("Terrace", "Ter.")]
CITIES = [("Springfield", "IL"), ("Fairview", "OR"), ("Riverside", "CA"), ("Greenville", "SC"),
          ("Madison", "WI"), ("Clinton", "IA"), ("Franklin", "TN"), ("Georgetown", "TX"),
          ("Salem", "MA"), ("Ashland", "KY"), ("Dover", "DE"), ("Burlington", "VT"),
          ("Milford", "CT"), ("Oxford", "MS"), ("Kingston", "NY"), ("Bristol", "VA"),
          ("Lakewood", "CO"), ("Hudson", "OH"), ("Newport", "RI"), ("Marion", "IN"),
          ("Chesterfield", "MO"), ("Bellevue", "NE"), ("Winchester", "VA"), ("Auburn", "AL")]
AREAS = ["212", "312", "415", "503", "602", "617", "713", "804", "919", "206", "303", "404", "512",
         "608", "720", "916", "248", "330", "series"][:18]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com",
           "comcast.net", "example.com", "protonmail.com"]
CLINICS = ["Lakeside Family Practice", "Northgate Pediatrics", "Cedar Ridge Cardiology",
           "Brightwater Dermatology", "Eastfield Orthopedics", "Maple Grove OB-GYN",
           "Summit Pulmonary Associates", "Riverbend Internal Medicine"]
DENTAL = ["Bright Smiles Dental", "Parkway Family Dentistry", "Harbor Dental Group",
          "Gentle Care Dental"]
HOSPITAL = ["St. Brendan Regional Medical Center", "Mercy Valley Hospital", "Highland General"]
PAYERS = ["Blue Cross", "Aetna", "UnitedHealthcare", "Cigna", "Humana", "Medicaid", "Tricare",
          "Anthem", "Kaiser"]
AGENTS = ["Tasha", "Glen", "Marisa", "Derek", "Bonnie", "Luis", "Kendra", "Ray", "Shauna", "Phil"]


def luhn_ok(num):
    tot = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


class Vals:
    def __init__(self, rng):
        self.r = rng

    def ssn(self):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        return "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))

    def phone(self):
        return self.r.choice(AREAS) + "555" + "01%02d" % self.r.randint(0, 99)

    def date(self, y0, y1):
        r = self.r
        y = r.randint(y0, y1)
        m = r.randint(1, 12)
        d = r.randint(1, calendar.monthrange(y, m)[1])
        return datetime.date(y, m, d)

    def dob(self):
        return self.date(1932, 2020)

    def event_date(self):
        return self.date(2024, 2026)

    def mrn(self):
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return "%08d" % r.randint(100000, 99999999)
        if k == 1:
            return "MR%07d" % r.randint(0, 9999999)
        if k == 2:
            return "".join(r.choice("ABCDEFGHJKLMNPRSTVWXY") for _ in range(2)) + "%06d" % r.randint(0, 999999)
        if k == 3:
            return "%d%06d" % (r.randint(1, 9), r.randint(0, 999999))
        return "H" + "%09d" % r.randint(0, 999999999)

    def mbi(self):
        r = self.r
        L = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        pat = "CAANAANAANN"
        pat = ["C", "A", "X", "N", "A", "X", "N", "A", "A", "N", "N"]
        out = []
        for p in pat:
            if p == "C":
                out.append(r.choice("123456789"))
            elif p == "A":
                out.append(r.choice(L))
            elif p == "N":
                out.append(r.choice(N))
            else:
                out.append(r.choice(L + N))
        return "".join(out)

    def card(self):
        r = self.r
        pre = r.choice(["4111", "4242", "5555", "5105", "3782", "6011"])
        ln = 15 if pre == "3782" else 16
        body = pre + "".join(r.choice("0123456789") for _ in range(ln - len(pre) - 1))
        return luhn_complete(body)

    def zip(self):
        z = "%05d" % self.r.randint(1001, 99950)
        if self.r.random() < 0.2:
            z += "-%04d" % self.r.randint(1, 9999)
        return z

    def npi(self):
        body = self.r.choice("12") + "".join(self.r.choice("0123456789") for _ in range(8))
        return luhn_complete("80840" + body)[5:]

    def member(self):
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "%09d" % r.randint(0, 999999999)
        if k == 1:
            return "W%09d" % r.randint(0, 999999999)
        if k == 2:
            return "%09d01" % r.randint(100000000, 999999999)
        if k == 3:
            return "%s%08d" % (r.choice("ABCDJKMXZ"), r.randint(0, 99999999))
        return "%d%s%06d" % (r.randint(1, 9), "".join(r.choice("ABCDEFGHJKLMN") for _ in range(2)),
                             r.randint(0, 999999))

    def name(self):
        return self.r.choice(FIRST), self.r.choice(LAST)

    def street(self):
        r = self.r
        num = r.choice([r.randint(1, 99), r.randint(100, 999), r.randint(1000, 9999),
                        r.randint(10000, 24999)])
        st = r.choice(STREETS)
        suf = r.choice(SUFFIX)
        unit = None
        if r.random() < 0.3:
            unit = (r.choice(["Apartment", "Apt.", "Unit", "Suite"]),
                    r.choice(["%d" % r.randint(1, 40), "%d%s" % (r.randint(1, 9), r.choice("ABCD")),
                              "%d" % r.randint(101, 920)]))
        return num, st, suf, unit

    def email(self, first, last):
        r = self.r
        k = r.randrange(5)
        f, l = first.lower(), last.lower()
        local = [f + "." + l, f[0] + l, f + l[0] + str(r.randint(1, 99)), f + "_" + l,
                 l + f[0] + str(r.randint(1950, 2005))][k]
        return local, r.choice(DOMAINS)


# ----------------------------------------------------------------------------- renderers
class R:
    """Renders values for one call in one STT style.  style: whisper | google | plain."""

    def __init__(self, rec, rng, style):
        self.rec, self.r, self.style = rec, rng, style

    def cap(self, s):
        return s if self.style == "google" else s

    # --- digit-like -------------------------------------------------------
    def ssn(self, v, cue, mode=None):
        r, st = self.r, self.style
        mode = mode or r.choice(["spoken", "spoken", "odd", "pairs", "written", "last4"])
        g = [v[:3], v[3:5], v[5:]]
        if mode == "written":
            txt = r.choice(["%s-%s-%s" % tuple(g), "%s %s %s" % tuple(g), v])
            return self.rec.v(txt, "SSN", False, cue, "written_ssn", v)
        if mode == "odd":
            groups = [v[:2], v[2:5], v[5:]]
            t, sp, f = say_groups(groups, r, st)
            return self.rec.v(t, "SSN", sp, cue, "odd_2_3_4_" + f, v)
        if mode == "pairs":
            groups = [v[0:2], v[2:4], v[4:6], v[6:8], v[8]]
            if r.random() < 0.5 and st != "google":
                words = [two(int(p), zero=r.choice(["oh", "zero"])) if len(p) == 2 else ONES[int(p)]
                         for p in groups]
                t = (", " if st == "whisper" else " ").join(words)
                return self.rec.v(t, "SSN", True, cue, "pairs_words", v)
            t, sp, f = say_groups(groups, r, st)
            return self.rec.v(t, "SSN", sp, cue, "pairs_" + f, v)
        if mode == "last4":
            t, sp, f = say_groups([v[5:]], r, st, numerals=0.3)
            return self.rec.v(t, "SSN", sp, cue, "last4_" + f, v)
        t, sp, f = say_groups(g, r, st, fill=0.2)
        return self.rec.v(t, "SSN", sp, cue, f, v)

    def phone(self, v, cue, mode=None):
        r, st = self.r, self.style
        mode = mode or r.choice(["spoken", "spoken", "written", "whisper_mix", "chunks"])
        g = [v[:3], v[3:6], v[6:]]
        if mode == "written" or (st == "google" and r.random() < 0.35):
            txt = r.choice(["(%s) %s-%s" % tuple(g), "%s-%s-%s" % tuple(g), "%s %s %s" % tuple(g), v,
                            "%s.%s.%s" % tuple(g)])
            return self.rec.v(txt, "PHONE", False, cue, "written_phone", v)
        if mode == "whisper_mix":
            t = "%s %s %s" % (g[0], r.choice(["five five five", "triple five", "555"]),
                              " ".join(digit_words(g[2], r)))
            return self.rec.v(t, "PHONE", True, cue, "mixed_area_digits_line_words", v)
        if mode == "chunks":
            # line number said as two pairs
            t = "%s, %s, %s %s" % (" ".join(digit_words(g[0], r)), " ".join(digit_words(g[1], r, doubles=0.5)),
                                   two(int(g[2][:2]), zero=r.choice(["oh", "zero"])),
                                   two(int(g[2][2:]), zero=r.choice(["oh", "zero"])))
            if st == "google":
                t = t.replace(",", "")
            return self.rec.v(t, "PHONE", True, cue, "digits_line_pairs", v)
        t, sp, f = say_groups(g, r, st, doubles=0.4, fill=0.15)
        return self.rec.v(t, "PHONE", sp, cue, f, v)

    def digits_entity(self, ent, v, cue, written_p=0.3):
        r, st = self.r, self.style
        if r.random() < written_p:
            return self.rec.v(v, ent, False, cue, "written_" + ent.lower(), v)
        if len(v) == 10:
            groups = r.choice([[v[:3], v[3:6], v[6:]], [v[:5], v[5:]], [v[:4], v[4:7], v[7:]], [v]])
        elif len(v) >= 15:
            groups = [v[i:i + 4] for i in range(0, len(v), 4)]
        elif len(v) == 5:
            groups = r.choice([[v], [v[:2], v[2:]], [v[:3], v[3:]]])
        else:
            groups = [v[i:i + 3] for i in range(0, len(v), 3)]
        t, sp, f = say_groups(groups, r, st, doubles=0.3, fill=0.1)
        return self.rec.v(t, ent, sp, cue, f, v)

    def zip(self, v, cue):
        r = self.r
        if r.random() < 0.35 or "-" in v and r.random() < 0.5:
            return self.rec.v(v, "ZIP", False, cue, "written_zip", v)
        z = v[:5]
        if r.random() < 0.3 and self.style != "google":
            t = "%s %s" % (ONES[int(z[0])], " ".join(two(int(z[i:i + 2]), zero="oh") for i in (1, 3)))
            form = "digit_pairs"
        else:
            t, _, form = say_groups([z], r, self.style, numerals=0.0)
        if "-" in v:
            t += " dash " + " ".join(digit_words(v[6:], r))
            form += "_plus4"
        return self.rec.v(t, "ZIP", True, cue, form, v)

    def alnum(self, ent, v, cue, written_p=0.3):
        """Record numbers with letters: MRN, MBI, MEMBER_ID."""
        r, st = self.r, self.style
        if r.random() < written_p:
            txt = v
            if ent == "MBI" and r.random() < 0.5:
                txt = v[:4] + "-" + v[4:7] + "-" + v[7:]
            return self.rec.v(txt, ent, False, cue, "written_" + ent.lower(), v)
        how = r.choice(["plain", "plain", "nato", "asin", "numbers"])
        out = []
        i = 0
        while i < len(v):
            c = v[i]
            if c.isalpha():
                if how == "nato":
                    out.append(NATO[c])
                elif how == "asin" and st != "google":
                    out.append("%s as in %s" % (c, ASIN[c]))
                else:
                    out.append(c if st != "google" else c.lower())
                i += 1
            else:
                j = i
                while j < len(v) and v[j].isdigit():
                    j += 1
                run = v[i:j]
                if how == "numbers" and st == "whisper" and r.random() < 0.6:
                    out.append(run)
                else:
                    chunks = [run[k:k + 3] for k in range(0, len(run), 3)]
                    sep = ", " if st == "whisper" else r.choice([" ", "... ", " uh "]) if st == "plain" else " "
                    out.append(sep.join(" ".join(digit_words(c2, r, doubles=0.3)) for c2 in chunks))
                i = j
        joiner = ", " if how == "asin" else " "
        t = joiner.join(out)
        return self.rec.v(t, ent, True, cue, "alnum_" + how, v)

    # --- dates -------------------------------------------------------------
    def date(self, ent, d, cue, written_p=None):
        r, st = self.r, self.style
        if written_p is None:
            written_p = 0.45 if st == "whisper" else 0.25
        val = d.isoformat()
        if r.random() < written_p:
            k = r.randrange(6)
            txt = ["%02d/%02d/%d" % (d.month, d.day, d.year), "%d/%d/%02d" % (d.month, d.day, d.year % 100),
                   "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
                   "%s %d%s, %d" % (MONTHS[d.month - 1], d.day, sfx(d.day), d.year),
                   "%d/%d/%d" % (d.month, d.day, d.year), "%d-%02d-%02d" % (d.year, d.month, d.day)][k]
            if st == "google" and k in (2, 3):
                txt = txt.replace(",", "").lower()
            return self.rec.v(txt, ent, False, cue, "written_date_%d" % k, val)
        M = MONTHS[d.month - 1]
        if st != "whisper":
            M = M.lower()
        yw = year_words(d.year, r) if r.random() < 0.75 else (
            str(d.year) if st != "plain" else year_words(d.year, r))
        short = r.random() < 0.3 and d.year < 2000
        if short:
            yw = two(d.year % 100)
        k = r.randrange(7)
        comma = "," if st == "whisper" else ""
        if k == 0:
            t, f = "%s %s%s %s" % (M, ordinal(d.day), comma, yw), "month_ord_year"
        elif k == 1:
            t, f = "the %s of %s%s %s" % (ordinal(d.day), M, comma, yw), "the_d_of_m"
        elif k == 2:
            t, f = "%s %s %s" % (two(d.month, r.choice(["oh", "zero"])), two(d.day, r.choice(["oh", "zero"])), yw), "num_mdy_lead"
        elif k == 3:
            t, f = "%s %s %s" % (cardinal(d.month), cardinal(d.day), yw), "num_mdy_nolead"
        elif k == 4:
            t, f = "%s%s %s %s" % (yw, comma, M, ordinal(d.day)), "year_first"
        elif k == 5:
            t, f = "%s %s%s %s" % (M, d.day if st == "whisper" else cardinal(d.day), comma, yw), "month_card_year"
        else:
            t, f = "%s %s %s" % (ordinal(d.day), M, yw), "dmy_ord"
        if st == "google":
            t = t.replace("-", " ")
        return self.rec.v(t, ent, True, cue, f + ("_short" if short else "_full"), val)

    # --- names and places --------------------------------------------------
    def name(self, first, last, cue, which="full", spoken=True):
        txt = {"full": first + " " + last, "first": first, "last": last}[which]
        if self.style == "google" and spoken:
            txt = txt.lower()
        return self.rec.v(txt, "NAME", spoken, cue, "name_" + which + ("_lower" if self.style == "google" else ""),
                          (first + " " + last).strip())

    def spelled(self, word, cue, full):
        how = self.r.choice(["letters", "nato", "asin", "dash"])
        if self.style == "google":
            how = self.r.choice(["lowerspace", "nato"])
        t = spell(word, self.r, how)
        return self.rec.v(t, "NAME", True, cue, "spelled_" + how, full)

    def street(self, s, cue, written=False):
        num, st_, suf, unit = s
        r = self.r
        val = "%d %s %s" % (num, st_, suf[0]) + (" %s %s" % unit if unit else "")
        if written:
            t = "%d %s %s" % (num, st_, r.choice(suf))
            if unit:
                t += ", %s %s" % unit
            return self.rec.v(t, "STREET", False, cue, "written_street", val)
        if self.style == "whisper" and r.random() < 0.5:
            numt = str(num)
            f = "house_digits"
        elif num >= 1000 and r.random() < 0.6:
            hi, lo = divmod(num, 100)
            numt = cardinal(hi) + " " + (two(lo) if lo else "hundred")
            f = "house_pairs"
        else:
            numt = " ".join(digit_words(str(num), r))
            f = "house_single"
        name = st_ if self.style != "google" else st_.lower()
        sx = suf[0] if self.style != "google" else suf[0].lower()
        t = "%s %s %s" % (numt, name, sx)
        if unit:
            u = unit[0].replace("Apt.", "Apartment")
            if self.style == "google":
                u = u.lower()
            un = unit[1]
            if un.isdigit() and self.style != "whisper":
                un = cardinal(int(un)) if int(un) < 100 else " ".join(digit_words(un, r))
            t += (", " if self.style == "whisper" else " ") + u + " " + (un.lower() if self.style == "google" else un)
            f += "_unit"
        return self.rec.v(t, "STREET", True, cue, f, val)

    def city(self, c, cue, spoken=True):
        t = c if (self.style != "google" or not spoken) else c.lower()
        return self.rec.v(t, "CITY", spoken, cue, "city", c)

    def email(self, local, dom, cue, mode=None):
        r, st = self.r, self.style
        val = local + "@" + dom
        mode = mode or r.choice(["words", "words", "spell_first", "whisper_mix", "written"])
        if mode == "written":
            return self.rec.v(val, "EMAIL", False, cue, "written_email", val)
        d1, d2 = dom.split(".")

        def loc_words(spell_first):
            parts = re.split(r"([._])", local)
            out = []
            for k, p in enumerate(parts):
                if p == ".":
                    out.append("dot")
                elif p == "_":
                    out.append("underscore")
                elif p.isdigit():
                    out.append(" ".join(digit_words(p, r)) if r.random() < 0.5 else p)
                else:
                    m = re.match(r"([a-z]+)(\d*)$", p)
                    w = m.group(1)
                    if spell_first and k == 0:
                        out.append(" ".join(w.upper() if st != "google" else w))
                    else:
                        out.append(w)
                    if m.group(2):
                        out.append(m.group(2) if st == "whisper" else " ".join(digit_words(m.group(2), r)))
            return " ".join(out)

        if mode == "whisper_mix" and st == "whisper":
            t = local + " at " + dom
            f = "email_at_word"
        else:
            t = loc_words(mode == "spell_first") + " at " + d1 + " dot " + d2
            f = "email_spell_first" if mode == "spell_first" else "email_words"
        return self.rec.v(t, "EMAIL", True, cue, f, val)


def sfx(d):
    if 10 <= d % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


# ----------------------------------------------------------------------------- negatives
class Neg:
    def __init__(self, rec, rng, style):
        self.rec, self.r, self.st = rec, rng, style

    def w(self, spoken, written):
        return written if (self.st == "whisper" and self.r.random() < 0.6) else spoken

    def dose(self):
        r = self.r
        mg = r.choice([5, 10, 20, 25, 40, 50, 81, 250, 500, 875])
        return self.rec.n(self.w(cardinal(mg) + " milligrams", "%d mg" % mg if r.random() < 0.5 else "%d milligrams" % mg), "dose")

    def bp(self):
        a, b = self.r.randint(104, 178), self.r.randint(62, 104)
        return self.rec.n(self.w("%s over %s" % (cardinal(a), cardinal(b)), "%d/%d" % (a, b)), "blood_pressure")

    def time(self):
        h, m = self.r.randint(1, 11), self.r.choice([0, 15, 30, 45, 10, 20])
        sp = cardinal(h) + (" o'clock" if m == 0 else " " + two(m)) + " " + self.r.choice(["a m", "p m", "tonight", "in the morning"])
        wr = "%d:%02d %s" % (h, m, self.r.choice(["a.m.", "p.m.", "AM", "PM"]))
        return self.rec.n(self.w(sp, wr), "time")

    def money(self):
        d, c = self.r.randint(15, 2400), self.r.choice([0, 50, 25, 99, 17])
        sp = cardinal(d) + " dollars" + ("" if c == 0 else " and " + cardinal(c) + " cents")
        wr = "$%d.%02d" % (d, c) if c else "$%d" % d
        return self.rec.n(self.w(sp, wr), "money")

    def temp(self):
        t = self.r.choice(["101.4", "102.2", "100.8", "103.1", "99.9"])
        a, b = t.split(".")
        return self.rec.n(self.w(cardinal(int(a)) + " point " + ONES[int(b)], t), "vital_sign")

    def lab(self):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            v = r.choice(["6.8", "7.2", "8.1", "5.9"])
            a, b = v.split(".")
            return self.rec.n(self.w(cardinal(int(a)) + " point " + ONES[int(b)], v), "lab_value")
        if k == 1:
            v = r.randint(88, 312)
            return self.rec.n(self.w(cardinal(v), str(v)), "lab_value")
        if k == 2:
            v = r.choice(["1.1", "2.4", "3.0", "0.9"])
            a, b = v.split(".")
            return self.rec.n(self.w(("zero" if a == "0" else ONES[int(a)]) + " point " + ONES[int(b)], v), "lab_value")
        v = r.randint(3, 14)
        return self.rec.n(self.w(cardinal(v) + " point " + ONES[r.randint(0, 9)], "%d.%d" % (v, r.randint(0, 9))), "lab_value")

    def age(self):
        a = self.r.randint(3, 88)
        return self.rec.n(self.w(cardinal(a), str(a)), "age")

    def count(self):
        c = self.r.randint(2, 90)
        return self.rec.n(self.w(cardinal(c), str(c)), "count")

    def room(self):
        n = self.r.randint(101, 899)
        return self.rec.n(self.w(" ".join(ONES[int(c)] for c in str(n)), str(n)), "room_number")

    def conf(self):
        r = self.r
        v = "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2)) + "%d" % r.randint(1000, 99999)
        return self.rec.n(v if self.st != "google" else v.lower(), "confirmation_number")

    def order(self):
        v = "%d" % self.r.randint(100000, 9999999)
        return self.rec.n(self.w(" ".join(digit_words(v, self.r)), v), "order_number")

    def appt(self):
        r = self.r
        wd = r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        m, d = r.randint(1, 12), r.randint(1, 28)
        sp = "%s the %s" % (wd, ordinal(d)) if r.random() < 0.5 else "%s %s" % (MONTHS[m - 1], ordinal(d))
        wr = "%s, %s %d" % (wd, MONTHS[m - 1], d)
        t = self.w(sp, wr)
        if self.st == "google":
            t = t.lower().replace(",", "")
        return self.rec.n(t, "appointment_date")

    def duration(self, units=("days", "weeks", "hours", "minutes")):
        n = self.r.randint(2, 14)
        u = self.r.choice(units)
        return self.rec.n(self.w(cardinal(n) + " " + u, "%d %s" % (n, u)), "duration")

    def weight(self):
        n = self.r.randint(98, 290)
        return self.rec.n(self.w(cardinal(n) + " pounds", "%d pounds" % n), "weight")

    def year(self):
        y = self.r.randint(2009, 2023)
        return self.rec.n(self.w(year_words(y, self.r), str(y)), "year")

    def menu(self):
        k = self.r.randint(1, 9)
        return self.rec.n("press " + (ONES[k] if self.st != "whisper" else str(k)), "menu_option")

    def e911(self):
        return self.rec.n(self.w("nine one one", "911"), "emergency_number")

    def steps(self):
        n = self.r.choice([4000, 6500, 8200, 10000, 12000])
        return self.rec.n(self.w(cardinal(n), "{:,}".format(n)), "step_count")


# ----------------------------------------------------------------------------- carrier
def load_carrier():
    cands = [os.environ.get("CARRIER_DIR", ""),
             os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..",
                          "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        p = os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
        if c and os.path.exists(p):
            break
    else:
        return []
    bad = re.compile(r"[0-9@#$%/]|\b(?:Dr|Mr|Mrs|Ms|Miss)\b")
    runs = []
    with open(p, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lines = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
            run = []
            for l in lines:
                m = re.match(r"(Doctor|Patient|Guest_family|Guest_clinician): (.*)$", l)
                ok = False
                if m and m.group(1) in ("Doctor", "Patient"):
                    body = m.group(2).strip()
                    words = body.split()
                    caps = [w for w in words[1:] if w[:1].isupper() and w.strip(".,?!'") not in ("I", "I'm", "I've", "I'll", "I'd")]
                    ok = 3 <= len(words) <= 24 and not bad.search(body) and not caps
                if ok:
                    run.append((m.group(1), m.group(2).strip()))
                else:
                    if len(run) >= 4:
                        runs.append(run[:6])
                    run = []
            if len(run) >= 4:
                runs.append(run[:6])
    return runs


FALLBACK = [[("Doctor", "How long have you had the fever?"), ("Patient", "Since yesterday afternoon."),
             ("Doctor", "Any vomiting or diarrhea?"), ("Patient", "No, just the chills and a headache.")]]


# ----------------------------------------------------------------------------- calls
STYLES = ["whisper", "google", "plain"]
LABELS = [("Agent", "Caller"), ("AGENT", "CALLER"), ("Operator", "Caller"), ("Speaker 1", "Speaker 2"),
          ("spk_0", "spk_1"), ("[agent]", "[caller]"), ("Rep", "Customer"), ("A", "B"),
          ("Channel 0", "Channel 1"), ("Representative", "Patient")]


def stylize(text, style):
    """Casing/punctuation of the carrier words; edge whitespace is kept (values sit next to it)."""
    m = re.match(r"^(\s*)(.*?)(\s*)$", text, re.S)
    lead, t, trail = m.groups()
    if style == "google":
        t = t.lower()
        t = re.sub(r"[,.?!;:]+(?=\s|$)", "", t)
        t = re.sub(r"\s+", " ", t)
    elif style == "plain":
        t = re.sub(r",(?=\s|$)", "", t)
        t = re.sub(r"\b(Uh|Um|Yeah|Okay|So)\b", lambda x: x.group(1).lower(), t)
        t = re.sub(r"\s+", " ", t)
    if not t:
        return lead or trail
    return lead + t + trail


class Call:
    def __init__(self, rng, rec, style, carrier):
        self.r, self.rec, self.style = rng, rec, style
        self.turns = []  # (role, text)
        self.R = R(rec, rng, style)
        self.N = Neg(rec, rng, style)
        self.V = Vals(rng)
        self.carrier = carrier

    def a(self, *parts):
        self.turns.append(("a", "".join(parts)))

    def c(self, *parts):
        t = "".join(parts)
        t = re.sub(r"^((?:Uh|Um|Yeah|Okay|So), )([A-Z])(?=[a-z])", lambda m: m.group(1) + m.group(2).lower(), t)
        self.turns.append(("c", t))

    def d(self, *parts):
        self.turns.append(("d", "".join(parts)))

    def fill(self):
        if self.style == "whisper":
            return self.r.choice(["Uh, ", "Um, ", "Yeah, ", "", "Okay, ", "So, "])
        return self.r.choice(["uh ", "um ", "yeah ", "", "okay ", "so "])

    def pick(self, *xs):
        return self.r.choice(xs)

    def add_carrier(self, n=4):
        run = self.r.choice(self.carrier or FALLBACK)
        for who, txt in run[:n]:
            self.turns.append(("d" if who == "Doctor" else "c", txt))

    def render(self, labels, extra_role):
        r = self.r
        ts = r.random() < 0.35
        t = r.randint(0, 20)
        lines = []
        for role, txt in self.turns:
            lab = {"a": labels[0], "c": labels[1], "d": extra_role}[role]
            body = map_outside(txt, lambda s: stylize(s, self.style))
            body = body.strip() if strip_markers(body).strip() else body
            if lab.startswith("["):
                line = lab + " " + body
            else:
                line = lab + ": " + body
            if ts:
                line = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60) + line
                t += r.randint(2, 19)
            lines.append(line)
        return "\n".join(lines)


def caller_identity(k, full_name=True):
    """Name (+spelled), DOB; returns dict."""
    r, R_, V = k.r, k.R, k.V
    fn, ln = V.name()
    dob = V.dob()
    return {"fn": fn, "ln": ln, "dob": dob}


def ask_dob(k, p, reader=None):
    """DOB exchange, maybe with correction."""
    r = k.r
    if r.random() < 0.5:
        k.a(k.pick("And the date of birth?", "What's the patient's date of birth?", "Can I get a birthdate?",
                   "And when was the patient born?", "Date of birth please."))
        if r.random() < 0.15:
            wrong = p["dob"].replace(day=min(28, p["dob"].day % 28 + 1))
            k.c(k.fill(), k.R.date("DOB", wrong, "prev"), k.pick(". No wait, sorry, ", " no sorry ", "... actually no, "),
                k.R.date("DOB", p["dob"], "prev"))
        else:
            k.c(k.fill(), k.R.date("DOB", p["dob"], "prev"))
    else:
        k.c(k.fill(), k.pick("Her date of birth is ", "DOB is ", "he was born ", "birthday is ", "my date of birth is "),
            k.R.date("DOB", p["dob"], "same"), ".")
    if r.random() < 0.35:
        k.a(k.pick("Just to confirm, ", "Okay, I have ", "So that's "), k.R.date("DOB", p["dob"], "prev"),
            k.pick("?", ", correct?", "."))
        k.c(k.pick("Yes.", "Correct.", "Yep, that's right.", "Mm-hmm."))


def ask_phone(k, v, who="you"):
    r = k.r
    if r.random() < 0.55:
        k.a(k.pick("What's the best callback number?", "And a good number to reach %s?" % who,
                   "What number should the doctor call?", "Can I get a phone number?"))
        if r.random() < 0.25:
            # split over turns with interruption
            g = [v[:3], v[3:6], v[6:]]
            k.c(k.fill(), k.R.rec.v(" ".join(digit_words(g[0], r)), "PHONE", True, "prev", "split_area", v), "...")
            k.a(k.pick("Mm-hmm.", "Go ahead.", "Okay."))
            k.c(k.R.rec.v(" ".join(digit_words(g[1] + g[2], r, doubles=0.4)), "PHONE", True, "prev", "split_rest", v))
        else:
            k.c(k.fill(), k.R.phone(v, "prev"))
    else:
        k.c(k.pick("You can call me back at ", "My number is ", "The callback number is ", "Best number's "),
            k.R.phone(v, "same"), k.pick(".", "", ", that's my cell."))
    if r.random() < 0.4:
        g = [v[:3], v[3:6], v[6:]]
        if k.style == "whisper" and r.random() < 0.5:
            t = "%s... %s... %s" % tuple(g)
            rb = k.rec.v(t, "PHONE", False, "prev", "readback_numerals_ellipsis", v)
        else:
            t, sp, f = say_groups(g, r, k.style, sep=", " if k.style != "google" else " ", numerals=0.0)
            rb = k.rec.v(t, "PHONE", sp, "prev", "readback_" + f, v)
        k.a(k.pick("Let me read that back. ", "That's ", "I have "), rb, "?")
        k.c(k.pick("Yes.", "Yeah that's it.", "Correct."))


def ask_name(k, p, role="patient"):
    r = k.r
    k.a(k.pick("Can I get the %s's name?" % role, "And who am I speaking with?", "What's the %s's first and last name?" % role,
               "Name of the %s?" % role))
    if r.random() < 0.4:
        k.c(k.fill(), k.R.name(p["fn"], p["ln"], "prev"), k.pick(". ", ", ", " "),
            k.pick("Last name is ", "That's ", ""), k.R.spelled(p["ln"], "same" if False else "prev", p["fn"] + " " + p["ln"]), ".")
    else:
        k.c(k.fill(), k.R.name(p["fn"], p["ln"], "prev"), ".")
        if r.random() < 0.4:
            k.a(k.pick("How do you spell the last name?", "Could you spell that for me?"))
            k.c(k.R.spelled(p["ln"], "prev", p["fn"] + " " + p["ln"]))


def address_block(k, p, written=False):
    r, V = k.r, k.V
    s = V.street()
    city, stt = r.choice(CITIES)
    z = V.zip()
    if r.random() < 0.5:
        k.a(k.pick("What's the delivery address?", "And the address on file?", "Can I get the street address?",
                   "Where should we ship it?"))
        k.c(k.fill(), k.R.street(s, "prev"), ".")
    else:
        k.c(k.pick("I live at ", "The address is ", "Ship it to my house, "), k.R.street(s, "same"), ".")
    if r.random() < 0.5:
        k.a(k.pick("City and zip?", "And the city?"))
        k.c(k.R.city(city, "prev"), ", ", stt if k.style != "google" else stt.lower(), " ", k.R.zip(z, "prev"))
    else:
        k.c(k.R.city(city, "none"), k.pick(". Zip code is ", ", zip ", " and the zip is "), k.R.zip(z, "same"), ".")
    return s, city, z


# ---- call types -------------------------------------------------------------
def call_answering(k):
    """After-hours answering service: patient message / on-call page, sometimes patched doctor."""
    r, V, N = k.r, k.V, k.N
    clinic = r.choice(CLINICS)
    agent = r.choice(AGENTS)
    p = caller_identity(k)
    doc_fn, doc_ln = V.name()
    k.a("Thank you for calling the after-hours line for %s. This is " % clinic, k.R.name(agent, "", "same", "first"), ". Is this a medical emergency?")
    if r.random() < 0.3:
        k.c(k.fill(), "No, it's not an emergency, I know to call ", N.e911(), " for that.")
    else:
        k.c(k.pick("No, no.", "No. Well, I don't think so.", "Uh, no."))
    k.a("Okay. Are you the patient?")
    caller_is_patient = r.random() < 0.5
    if caller_is_patient:
        k.c("Yes, this is ", k.R.name(p["fn"], p["ln"], "same"), ".")
    else:
        cf, cl = k.pick(p["fn"], V.name()[0]), p["ln"]
        k.c(k.pick("No, I'm calling for my ", "It's for my "), k.pick("son", "daughter", "mother", "husband", "dad"),
            ". My name's ", k.R.name(cf, cl, "same"), ".")
        ask_name(k, p)
    if r.random() < 0.4 and caller_is_patient:
        k.a(k.pick("Can you spell the last name for me?", "And spell the last name?"))
        k.c(k.R.spelled(p["ln"], "prev", p["fn"] + " " + p["ln"]))
    ask_dob(k, p)
    if r.random() < 0.5:
        k.a("Do you have the medical record number, it's on the after-visit summary?")
        mrn = V.mrn()
        k.c(k.fill(), k.pick("Yeah it says ", "", "Hold on. Okay, "), k.R.alnum("MRN", mrn, "prev"), ".")
    else:
        if r.random() < 0.5:
            k.c(k.pick("Oh and his MRN is ", "Her chart number is ", "The MRN on the paper is "),
                k.R.alnum("MRN", V.mrn(), "same"), ".")
    k.a("What's going on tonight?")
    sym = r.randrange(4)
    if sym == 0:
        k.c(k.fill(), "she's had a fever since this morning, it was ", N.temp(), " about an hour ago, and she's ", N.age(), " so I'm worried.")
    elif sym == 1:
        k.c("I started the new blood pressure pill, the ", N.dose(), " one, and I'm dizzy. My reading just now was ", N.bp(), ".")
    elif sym == 2:
        k.c("I had surgery with Dr. ", k.R.name(doc_fn, doc_ln, "same", "last"), " and the incision is red. I've been taking the antibiotic for ", N.duration(("days",)), ".")
    else:
        k.c("I ran out of my ", N.dose(), " and the pharmacy closes at ", N.time(), ". I need a refill.")
    k.a(k.pick("Okay, I'm going to page the on-call provider.", "All right, I'll send this to the doctor on call."),
        k.pick(" Who's your regular doctor?", ""))
    if k.turns[-1][1].endswith("?"):
        k.c(k.fill(), "Dr. ", k.R.name(doc_fn, doc_ln, "same", k.pick("full", "last")), ".")
    ask_phone(k, V.phone())
    if r.random() < 0.35:
        k.c(k.pick("Oh, and if I don't pick up, try my husband at ", "Or my work line, "), k.R.phone(V.phone(), "same"), ".")
    if r.random() < 0.3:
        k.a("And can you confirm your home zip code?")
        k.c(k.R.zip(V.zip(), "prev"))
    if r.random() < 0.45:
        k.a("Okay. Dr. ", k.R.name(doc_fn, doc_ln, "same", "last"), " is on call, I'm paging now. Please keep your line open, it can take up to ", N.duration(("minutes",)), ".")
        k.c("Okay, thank you.")
        # patched callback, carrier dialogue as the on-call conversation
        k.d("Hi, this is Dr. ", k.R.name(doc_fn, doc_ln, "same", "last"), " returning your page. Is this ", k.R.name(p["fn"], p["ln"], "none", "first"), "?")
        k.c(k.pick("Yes it is.", "Yes, hi."))
        k.add_carrier(r.randint(2, 6))
        if r.random() < 0.4:
            k.d("For my note, what's the NPI on your pharmacy fax? Never mind, I'll send it under mine, ",
                k.R.digits_entity("NPI", V.npi(), "same"), ".")
    else:
        k.a("Your message number is ", N.conf(), ". If things get worse, go to the ER or call ", N.e911(), ".")
        k.c(k.pick("Got it. Thanks.", "Okay thanks bye.", "Thank you so much."))


def call_dme(k):
    """Durable medical equipment order: clinic or patient calling a DME supplier."""
    r, V, N = k.r, k.V, k.N
    agent = r.choice(AGENTS)
    p = caller_identity(k)
    doc_fn, doc_ln = V.name()
    item = r.choice(["a CPAP machine", "a hospital bed", "a rollator walker", "a wheelchair", "oxygen concentrator",
                     "a nebulizer", "diabetic test strips", "compression stockings"])
    k.a(k.pick("Thanks for calling HomeCare Medical Supply, option for new orders, this is ",
               "Medical supply, order desk, this is "), k.R.name(agent, "", "same", "first"), ".")
    from_office = r.random() < 0.5
    if from_office:
        off_fn, off_ln = V.name()
        k.c("Hi, this is ", k.R.name(off_fn, off_ln, "same"), " calling from Dr. ", k.R.name(doc_fn, doc_ln, "same"),
            "'s office. We faxed over an order for ", item, " and I wanted to make sure you got it.")
    else:
        k.c(k.fill(), "I'm calling about ", item, ", my doctor said you'd be sending it. My name is ",
            k.R.name(p["fn"], p["ln"], "same"), ".")
    if from_office:
        ask_name(k, p)
    ask_dob(k, p)
    k.a(k.pick("And the insurance?", "Who is the primary insurance?"))
    payer = r.choice(PAYERS + ["Medicare", "Medicare", "Medicare"])
    if payer == "Medicare":
        k.c("Medicare, part B.")
        k.a("Can I get the Medicare number, the M B I on the red white and blue card?")
        mbi = V.mbi()
        k.c(k.fill(), k.R.alnum("MBI", mbi, "prev", written_p=0.25))
        if r.random() < 0.4:
            k.a("Let me repeat: ", k.R.alnum("MBI", mbi, "prev", written_p=0.0), "?")
            k.c("Yes.")
        if r.random() < 0.4:
            k.c("There's also a secondary, ", r.choice(PAYERS), ", member ID ", k.R.alnum("MEMBER_ID", V.member(), "same"), ".")
    else:
        k.c(payer + ".")
        k.a("Member ID?")
        k.c(k.fill(), k.R.alnum("MEMBER_ID", V.member(), "prev"))
        if r.random() < 0.3:
            k.c("And the group number is ", N.order(), ", if you need that.")
    k.a("Who's the ordering physician, and do you have their NPI?")
    npi = V.npi()
    if r.random() < 0.5:
        k.c("Dr. ", k.R.name(doc_fn, doc_ln, "same"), ", NPI ", k.R.digits_entity("NPI", npi, "same"), ".")
    else:
        k.c(k.R.name(doc_fn, doc_ln, "prev"), ". Um, the NPI number is ", k.R.digits_entity("NPI", npi, "same"), ".")
        if r.random() < 0.5:
            t, sp, f = say_groups([npi[:3], npi[3:6], npi[6:]], r, k.style, numerals=0.5 if k.style == "whisper" else 0.0)
            k.a("Reading back, ", k.rec.v(t, "NPI", sp, "prev", "readback_" + f, npi), ".")
            k.c("That's right.")
    address_block(k, p)
    if r.random() < 0.6:
        k.a("And a phone number for delivery scheduling?")
        k.c(k.fill(), k.R.phone(V.phone(), "prev"))
    if r.random() < 0.6:
        k.a("Email for the tracking link?")
        loc, dom = V.email(p["fn"], p["ln"])
        k.c(k.fill(), k.R.email(loc, dom, "prev"))
        if r.random() < 0.3:
            k.a("So that's ", k.R.email(loc, dom, "prev", mode="words"), "?")
            k.c("Yep.")
    if r.random() < 0.4:
        k.c("The old one we've had since ", N.year(), ", it's ", N.count(), " years old, I ", k.rec.n("hope", "common_word"), " insurance covers a new one.")
    if r.random() < 0.5:
        k.c("Oh and the patient weighs ", N.weight(), " if that matters for the ", k.pick("bed", "wheelchair", "walker"), ".")
    k.a("Okay, your order number is ", N.order(), ". Delivery should be ", N.appt(), " between ", N.time(), " and ", N.time(), ".")
    k.c(k.pick("Perfect, thank you.", "Okay great.", "Thanks."))


def call_lab(k):
    """Lab result callback: nurse or lab calling the patient, or patient calling for results."""
    r, V, N = k.r, k.V, k.N
    p = caller_identity(k)
    nurse = r.choice(AGENTS)
    doc_fn, doc_ln = V.name()
    outbound = r.random() < 0.5
    if outbound:
        k.a("Hi, this is ", k.R.name(nurse, "", "same", "first"), ", I'm a nurse with Dr. ", k.R.name(doc_fn, doc_ln, "same", "last"),
            "'s office. Am I speaking with ", k.R.name(p["fn"], p["ln"], "same"), "?")
        k.c(k.pick("Yes, speaking.", "This is she.", "Yeah that's me."))
        k.a("Before I go over results I need to verify. Can you give me your date of birth?")
        k.c(k.fill(), k.R.date("DOB", p["dob"], "prev"))
    else:
        if r.random() < 0.5:
            k.a("Quest patient line, how can I help you?")
        else:
            k.a("Lab services, this is ", k.R.name(nurse, "", "same", "first"), ".")
        k.c(k.fill(), "I'm calling to get my blood work results. ", k.R.name(p["fn"], p["ln"], "none"), ", ",
            k.R.date("DOB", p["dob"], "none"), ".")
        if r.random() < 0.5:
            k.a("And the last four of your social?")
            k.c(k.R.ssn(V.ssn(), "prev", mode="last4"))
        else:
            k.a("Do you have the requisition or your medical record number?")
            k.c(k.pick("The MRN is ", "Medical record number ", "It's "), k.R.alnum("MRN", V.mrn(), "same"), ".")
    k.a(k.pick("So your A one C came back at ", "Your potassium was ", "The cholesterol total was ", "Your hemoglobin was "),
        N.lab(), k.pick(", which is a little high.", ", that's in range.", ". The doctor wants to repeat it in ", ""), N.duration() if r.random() < 0.3 else "")
    k.c(k.pick("Okay. Is that bad?", "Oh okay.", "Hmm, what does that mean?"))
    if r.random() < 0.4:
        k.a("You ", k.rec.n("may", "common_word"), " want to walk more, aim for about ", N.steps(), " steps a day, and your weight was ", N.weight(), " at the visit.")
    if r.random() < 0.5:
        k.add_carrier(r.randint(2, 4))
    k.a("The doctor also wants a referral sent. Which provider do you see for that? If you have the NPI that helps.")
    npi = V.npi()
    o_fn, o_ln = V.name()
    if r.random() < 0.5:
        k.c("Dr. ", k.R.name(o_fn, o_ln, "same"), ". I have her card here, the NPI is ", k.R.digits_entity("NPI", npi, "same"), ".")
    else:
        k.c(k.fill(), k.R.name(o_fn, o_ln, "prev"), ". Her card says ", k.R.digits_entity("NPI", npi, "same" if False else "none"), ".")
    k.a("Do you want the results sent to your portal email?")
    loc, dom = V.email(p["fn"], p["ln"])
    k.c(k.fill(), k.pick("Yes, it's ", "Sure, ", "Yeah, my email is "), k.R.email(loc, dom, "same"), ".")
    if r.random() < 0.5:
        k.a("And is ", k.R.phone(V.phone(), "same"), " still the best number?")
        k.c(k.pick("Yes.", "No, use my cell, ") + ("" if r.random() < 0.5 else ""))
        if k.turns[-1][1].startswith("No"):
            k.turns.pop()
            k.c("No, use my cell, ", k.R.phone(V.phone(), "same"), ".")
    if r.random() < 0.4:
        k.c("Also my insurance changed, new member ID is ", k.R.alnum("MEMBER_ID", V.member(), "same"), ".")
    k.a("Your next draw is ", N.appt(), " at ", N.time(), ". Please fast for ", N.duration(("hours",)), ".")
    k.c(k.pick("Thank you.", "Okay, bye.", "Great, thanks."))


def call_dental(k):
    r, V, N = k.r, k.V, k.N
    office = r.choice(DENTAL)
    agent = r.choice(AGENTS)
    p = caller_identity(k)
    if r.random() < 0.5:
        k.a("Good morning, %s. For billing, " % office, N.menu(), ". Otherwise please hold. This is ",
            k.R.name(agent, "", "same", "first"), ", how can I help?")
    else:
        k.a("Good morning, %s, this is " % office, k.R.name(agent, "", "same", "first"), ". How can I help you?")
    k.c(k.fill(), k.pick("I need to schedule a cleaning for my ", "I'd like to book a filling for my ", "I cracked a tooth, can I get in"),
        "" if "cracked" in k.turns[-1][1] else k.pick("son", "daughter", "self"), ".")
    k.a("Is the patient new or established?")
    new = r.random() < 0.5
    k.c(k.pick("New.", "We're new.") if new else k.pick("Established, we've been there before.", "We've been coming for years."))
    ask_name(k, p)
    ask_dob(k, p)
    if new:
        address_block(k, p)
        k.a("And the dental insurance?")
        k.c(r.choice(["Delta Dental", "MetLife", "Guardian", "Cigna dental"]), ", subscriber ID ",
            k.R.alnum("MEMBER_ID", V.member(), "same"), ".")
        if r.random() < 0.7:
            k.a("Some plans need the subscriber's social, do you have that?")
            mode = r.choice(["spoken", "odd", "pairs", "written"])
            ssn = V.ssn()
            k.c(k.fill(), k.R.ssn(ssn, "prev", mode=mode))
            if r.random() < 0.4:
                k.a("Sorry, you cut out, was that ", k.R.ssn(ssn, "prev", mode="spoken"), "?")
                k.c("Yes.")
        k.a("Email for the intake forms?")
        loc, dom = V.email(p["fn"], p["ln"])
        k.c(k.R.email(loc, dom, "prev"))
    else:
        if r.random() < 0.5:
            k.a("What's the chart number, it's on your last statement.")
            k.c(k.R.alnum("MRN", V.mrn(), "prev"))
    ask_phone(k, V.phone())
    k.a("I have ", N.appt(), " at ", N.time(), " with Dr. ", k.R.name(*V.name(), "same", which="last"), ", that's ", N.duration(), " for a cleaning.")
    k.c(k.pick("That works.", "Anything earlier?", "Perfect."))
    if r.random() < 0.5:
        k.c("He's ", N.age(), " now, and he ", k.rec.n("will", "common_word"), " need the fluoride too, last time was ", N.year(), ".")
    if r.random() < 0.4:
        k.a("There's a ", N.money(), " copay and a ", N.money(), " cancellation fee, ", N.count(), " hours notice.")
    k.a("You're confirmed, confirmation ", N.conf(), ".")
    k.c("Thanks, bye.")


def call_billing(k):
    r, V, N = k.r, k.V, k.N
    hosp = r.choice(HOSPITAL)
    agent = r.choice(AGENTS)
    p = caller_identity(k)
    k.a("Patient financial services at %s, my name is " % hosp, k.R.name(agent, "", "same", "first"), ", can I have your account number?")
    if r.random() < 0.5:
        k.c(k.fill(), "I don't have it. The statement says account ", N.order(), " maybe? I got a bill for ", N.money(), ".")
    else:
        k.c(k.fill(), "I got a ", k.N.rec.n("bill", "common_word"), " for ", N.money(), " and I don't understand it.")
    k.a("No problem, I can look it up. Patient's full name?")
    k.c(k.R.name(p["fn"], p["ln"], "prev"), k.pick(".", ", I'm the guarantor too."))
    ask_dob(k, p)
    if r.random() < 0.6:
        k.a("And for verification, the social security number?")
        ssn = V.ssn()
        k.c(k.fill(), k.R.ssn(ssn, "prev"))
        if r.random() < 0.3:
            k.a(k.pick("I got ", "Is that "), k.R.ssn(ssn, "prev", mode=r.choice(["spoken", "last4"])), "?")
            k.c(k.pick("Right.", "No, the middle is different. ") if True else "")
            if "different" in k.turns[-1][1]:
                k.turns[-1] = ("c", "Yeah.")
    else:
        k.a("And the medical record number if you have it?")
        k.c(k.R.alnum("MRN", V.mrn(), "prev"))
    k.a("I see an inpatient stay. What were the dates?")
    adm = V.event_date()
    dis = adm + datetime.timedelta(days=r.randint(1, 9))
    k.c(k.fill(), "I was admitted ", k.R.date("DATE", adm, "same"), k.pick(" and discharged ", " and went home "),
        k.R.date("DATE", dis, "same"), ".")
    if r.random() < 0.3:
        dd = V.event_date()
        k.c("And my father's bill too, he passed away on ", k.R.date("DATE", dd, "same"), ", I'm handling his estate.")
    k.a("The claim went to ", r.choice(PAYERS), " and they denied it. Can you give me the member ID?")
    k.c(k.fill(), k.R.alnum("MEMBER_ID", V.member(), "prev"))
    if r.random() < 0.45:
        k.a("Also, the attending on the claim shows NPI ", k.R.digits_entity("NPI", V.npi(), "same"), ", so I'll resubmit.")
    if r.random() < 0.5:
        k.c("Medicare is secondary, number ", k.R.alnum("MBI", V.mbi(), "same"), ".")
    k.a("Your balance is ", N.money(), ". Would you like to pay today?")
    if r.random() < 0.6:
        k.c("Yes, with a card.")
        card = V.card()
        k.a("Go ahead with the card number.")
        if r.random() < 0.5:
            k.c(k.fill(), k.R.digits_entity("CARD", card, "prev", written_p=0.3))
        else:
            g = [card[i:i + 4] for i in range(0, len(card), 4)]
            half = len(g) // 2
            k.c(k.rec.v(say_groups(g[:half], r, k.style)[0], "CARD", True, "prev", "split_first_half", card))
            k.a("Mm-hmm.")
            k.c(k.rec.v(say_groups(g[half:], r, k.style)[0], "CARD", True, "prev", "split_second_half", card))
        k.a("Expiration and the billing zip?")
        k.c(N.year() if False else "", k.pick("Oh nine twenty eight", "twelve twenty seven", "Oh three thirty"),
            k.pick(", zip ", " and "), k.R.zip(V.zip(), "same" if True else "prev"), ".")
    else:
        k.c("Can you mail me an itemized bill? My address changed.")
        address_block(k, p)
    if r.random() < 0.5:
        k.a("I'll email the receipt. What address?")
        loc, dom = V.email(p["fn"], p["ln"])
        k.c(k.R.email(loc, dom, "prev"))
    ask_phone(k, V.phone(), "you")
    k.a("Your confirmation number is ", N.conf(), ". Is there anything else?")
    k.c(k.pick("No, that's it.", "That's all, thank you.", "No thanks."))


CALLS = [("answering_service", call_answering), ("dme_order", call_dme), ("lab_callback", call_lab),
         ("dental_scheduling", call_dental), ("hospital_billing", call_billing)]


def fix_turn_count(k):
    while len(k.turns) < 8:
        k.add_carrier(2)
    if len(k.turns) > 40:
        k.turns = k.turns[:40]


def make_transcript(rng, idx, carrier):
    rec = Rec()
    style = STYLES[idx % 3] if rng.random() < 0.7 else rng.choice(STYLES)
    kind, fn = CALLS[idx % len(CALLS)]
    k = Call(rng, rec, style, carrier)
    fn(k)
    fix_turn_count(k)
    labels = rng.choice(LABELS)
    extra = {"answering_service": "Dr", "lab_callback": "Doctor"}.get(kind, "Doctor")
    if labels[0].startswith("["):
        extra = "[doctor]"
    elif labels[0].startswith("spk"):
        extra = "spk_2"
    elif labels[0].startswith("Speaker"):
        extra = "Speaker 3"
    elif labels[0] == "A":
        extra = "C"
    elif labels[0].startswith("Channel"):
        extra = "Channel 2"
    marked = k.render(labels, extra)
    text, spans, negs = rec.finish(marked)
    return {"format": "transcript", "kind": kind + "_" + style, "text": text, "spans": spans, "negatives": negs}


# ----------------------------------------------------------------------------- JSON
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]


def json_call(rng, rec, carrier):
    """A short voice-agent call: list of (role, marked text) plus summary facts."""
    style = "whisper"
    k = Call(rng, rec, style, carrier)
    V, N = k.V, k.N
    p = caller_identity(k)
    kind = rng.choice(["answering", "dme", "lab", "dental", "billing"])
    facts = {"fn": p["fn"], "ln": p["ln"], "dob": p["dob"]}
    k.a({"answering": "Thanks for calling the after-hours line. Is this an emergency?",
         "dme": "Thanks for calling the supply order line. How can I help?",
         "lab": "You've reached the lab results line. Who am I speaking with?",
         "dental": "Hi, this is the scheduling assistant for the dental office.",
         "billing": "Billing department, this is the virtual assistant."}[kind])
    k.c(k.fill(), "This is ", k.R.name(p["fn"], p["ln"], "same"), ". ", {
        "answering": "Not an emergency, I need the on-call doctor to call me about my ",
        "dme": "I need to reorder supplies for my ",
        "lab": "I want my results from the draw on my ",
        "dental": "I need to move my cleaning for my ",
        "billing": "I have a question about my bill for my "}[kind], k.pick("knee", "sleep apnea", "diabetes", "kid", "cholesterol"), ".")
    k.a("Sure. What's your date of birth?")
    k.c(k.R.date("DOB", p["dob"], "prev"))
    ph = V.phone()
    facts["phone"] = ph
    k.a("And a callback number?")
    k.c(k.fill(), k.R.phone(ph, "prev"))
    extra_ent = rng.sample(["SSN", "MRN", "MBI", "MEMBER_ID", "NPI", "EMAIL", "ZIP", "ADDR", "CARD"], 3)
    if "EMAIL" not in extra_ent and rng.random() < 0.5:
        extra_ent.append("EMAIL")
    if "NPI" not in extra_ent and rng.random() < 0.5:
        extra_ent.append("NPI")
    if "MEMBER_ID" not in extra_ent and rng.random() < 0.4:
        extra_ent.append("MEMBER_ID")
    for e in extra_ent:
        if e == "SSN":
            v = V.ssn()
            facts["ssn"] = v
            k.a("For verification, the last four of your social, or the full number?")
            k.c(k.R.ssn(v, "prev", mode=rng.choice(["spoken", "odd", "written"])))
        elif e == "MRN":
            v = V.mrn()
            facts["mrn"] = v
            k.a("Do you have your medical record number?")
            k.c(k.pick("Yes, ", "It's "), k.R.alnum("MRN", v, "prev"))
        elif e == "MBI":
            v = V.mbi()
            facts["mbi"] = v
            k.a("And your Medicare number?")
            k.c(k.R.alnum("MBI", v, "prev"))
        elif e == "MEMBER_ID":
            v = V.member()
            facts["member"] = v
            k.c("My insurance member ID is ", k.R.alnum("MEMBER_ID", v, "same"), ".")
        elif e == "NPI":
            v = V.npi()
            facts["npi"] = v
            dfn, dln = V.name()
            facts["doc"] = (dfn, dln)
            k.c("My doctor is Dr. ", k.R.name(dfn, dln, "same"), ", NPI ", k.R.digits_entity("NPI", v, "same"), ".")
        elif e == "EMAIL":
            loc, dom = V.email(p["fn"], p["ln"])
            facts["email"] = loc + "@" + dom
            k.a("What email should we use?")
            k.c(k.R.email(loc, dom, "prev"))
        elif e == "ZIP":
            z = V.zip()
            facts["zip"] = z
            k.a("What's your zip code?")
            k.c(k.R.zip(z, "prev"))
        elif e == "CARD":
            v = V.card()
            facts["card_last4"] = v[-4:]
            k.a("To pay the balance of ", N.money(), ", please say the card number.")
            k.c(k.R.digits_entity("CARD", v, "prev", written_p=0.5))
        else:
            s, city, z = address_block(k, p)
            facts["street"] = s
            facts["city"] = city
            facts["zip"] = z
    k.a(k.pick("Got it. Your reference number is ", "Thanks. Confirmation "), N.conf(), ". Anything else?")
    k.c(k.pick("No, that's all.", "Nope, thanks.", "That's it."))
    for role, txt in k.turns:
        pass
    return k, facts, kind


def summary(rec, facts, kind, rng):
    """LLM-style summary; every value written, cue same."""
    parts = []
    nm = facts["fn"] + " " + facts["ln"]
    d = facts["dob"]
    parts.append("Caller " + rec.v(nm, "NAME", False, "same", "name_full_summary", nm))
    dobt = rng.choice(["%02d/%02d/%d" % (d.month, d.day, d.year), "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
                       d.isoformat()])
    parts[-1] += " (DOB " + rec.v(dobt, "DOB", False, "same", "written_summary", d.isoformat()) + ")"
    parts[-1] += {"answering": " requested an on-call callback.", "dme": " requested a supply reorder.",
                  "lab": " asked for lab results.", "dental": " asked to reschedule a cleaning.",
                  "billing": " asked about a hospital bill."}[kind]
    ph = facts["phone"]
    parts.append("Callback number " + rec.v("(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "PHONE", False, "same",
                                            "written_phone_summary", ph) + ".")
    if "mrn" in facts:
        parts.append("MRN " + rec.v(facts["mrn"], "MRN", False, "same", "written_summary", facts["mrn"]) + ".")
    if "member" in facts:
        parts.append("Member ID " + rec.v(facts["member"], "MEMBER_ID", False, "same", "written_summary", facts["member"]) + ".")
    if "email" in facts:
        parts.append("Email: " + rec.v(facts["email"], "EMAIL", False, "same", "written_summary", facts["email"]) + ".")
    if "npi" in facts:
        parts.append("Provider NPI " + rec.v(facts["npi"], "NPI", False, "same", "written_summary", facts["npi"]) + ".")
    if "street" in facts:
        n_, st_, suf, unit = facts["street"]
        val = "%d %s %s" % (n_, st_, suf[0]) + (" %s %s" % unit if unit else "")
        parts.append("Address: " + rec.v("%d %s %s" % (n_, st_, suf[1]) + (", %s %s" % unit if unit else ""), "STREET", False, "same",
                                         "written_summary", val) + ", " +
                     rec.v(facts["city"], "CITY", False, "none", "city_summary", facts["city"]) + " " +
                     rec.v(facts["zip"], "ZIP", False, "none", "written_summary", facts["zip"]) + ".")
    elif "zip" in facts:
        parts.append("ZIP " + rec.v(facts["zip"], "ZIP", False, "same", "written_summary", facts["zip"]) + ".")
    if "ssn" in facts:
        parts.append("Identity verified.")
    return " ".join(parts)


def uid(rng, n=32, alpha="0123456789abcdef"):
    return "".join(rng.choice(alpha) for _ in range(n))


def uuid(rng):
    h = uid(rng)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:])


def make_json(rng, idx, carrier):
    rec = Rec()
    prof = PROFILES[idx % len(PROFILES)]
    k, facts, kind = json_call(rng, rec, carrier)
    turns = k.turns
    t0 = 1765900000 + rng.randint(0, 9000000)
    secs = []
    s = 0.4
    for _ in turns:
        secs.append(round(s, 2))
        s += rng.uniform(2.0, 9.0)
    dur = round(s, 1)
    caller = facts["phone"]
    e164 = "+1" + caller

    def tx(role_a, role_c, sep="\n"):
        return sep.join(("%s: %s" % (role_a if r_ == "a" else role_c, t)) for r_, t in turns)

    # Each field is built from re-marked copies: every occurrence of a value gets a span.
    # Re-render turns for each field by re-marking via a remap of the marked text.
    def copy(marked):
        return remark(rec, marked)

    if prof == "vapi":
        msgs = [{"role": "system", "message": "You are a friendly after-hours intake assistant for a medical practice.",
                 "time": t0 * 1000, "secondsFromStart": 0}]
        for (r_, t), sec in zip(turns, secs):
            msgs.append({"role": "bot" if r_ == "a" else "user", "message": copy(t),
                         "time": t0 * 1000 + int(sec * 1000), "endTime": t0 * 1000 + int(sec * 1000) + 2100,
                         "secondsFromStart": sec, "duration": 2100})
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                    "status": "ended"},
                           "customer": {"number": rec.v("+1" + caller, "PHONE", False, "none", "e164_field", caller)},
                           "artifact": {"transcript": copy(tx("AI", "User")), "messages": msgs,
                                        "recordingUrl": "https://storage.vapi.example/recordings/%s.wav" % uid(rng, 12)},
                           "analysis": {"summary": summary(rec, facts, kind, rng), "successEvaluation": "true"},
                           "startedAt": "2026-%02d-%02dT%02d:%02d:%02d.000Z" % (rng.randint(1, 11), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                           "durationSeconds": dur, "cost": round(rng.uniform(0.05, 0.9), 4)}}
    elif prof == "retell":
        tobj = []
        for (r_, t), sec in zip(turns, secs):
            tobj.append({"role": "agent" if r_ == "a" else "user", "content": copy(t)})
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + uid(rng, 24), "agent_id": "agent_" + uid(rng, 24), "call_type": "phone_call",
                        "call_status": "ended", "direction": "inbound",
                        "from_number": rec.v(e164, "PHONE", False, "none", "e164_field", caller),
                        "to_number": "+1" + rng.choice(AREAS) + "5550" + "1%02d" % rng.randint(0, 99) if False else "+18005550100",
                        "start_timestamp": t0 * 1000, "end_timestamp": int((t0 + dur) * 1000),
                        "transcript": copy(tx("Agent", "User")), "transcript_object": tobj,
                        "call_analysis": {"call_summary": summary(rec, facts, kind, rng), "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                          "call_successful": True,
                                          "custom_analysis_data": {"callback_requested": kind == "answering",
                                                                   "patient_name": rec.v(facts["fn"] + " " + facts["ln"], "NAME", False, "none", "name_field", facts["fn"] + " " + facts["ln"])}},
                        "disconnection_reason": "user_hangup"}}
    elif prof == "signalwire":
        log = [{"role": "system", "content": "Medical intake agent. Collect identity and reason for call."}]
        for (r_, t), sec in zip(turns, secs):
            log.append({"role": "assistant" if r_ == "a" else "user", "content": copy(t),
                        "timestamp": int((t0 + sec) * 1000000)})
        obj = {"app_name": "swml app", "project_id": uuid(rng), "space_id": uuid(rng), "call_id": uuid(rng),
               "ai_session_id": uuid(rng), "caller_id_name": rec.v(facts["ln"].upper() + " " + facts["fn"].upper(), "NAME", False, "none", "callerid_caps", facts["fn"] + " " + facts["ln"]),
               "caller_id_num": rec.v(e164, "PHONE", False, "none", "e164_field", caller),
               "call_start_date": int(t0 * 1000000), "call_end_date": int((t0 + dur) * 1000000),
               "post_prompt_data": {"raw": summary(rec, facts, kind, rng), "substituted": "", "parsed": []},
               "call_log": log, "total_output_tokens": rng.randint(300, 2000), "total_input_tokens": rng.randint(2000, 9000)}
    elif prof == "deepgram":
        utt = []
        chan_txt = []
        for (r_, t), sec in zip(turns, secs):
            utt.append({"start": sec, "end": round(sec + 1.9, 2), "confidence": round(rng.uniform(0.82, 0.99), 3),
                        "channel": 0, "transcript": copy(t), "speaker": 0 if r_ == "a" else 1,
                        "id": uuid(rng)})
            chan_txt.append(t)
        first = strip_markers(turns[0][1]).split()
        words = []
        tt = secs[0]
        for w in first:
            words.append({"word": re.sub(r"[^\w']", "", w).lower(), "start": round(tt, 2), "end": round(tt + 0.3, 2),
                          "confidence": round(rng.uniform(0.8, 1.0), 3), "speaker": 0, "punctuated_word": w})
            tt += 0.32
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng), "created": "2026-11-%02dT17:%02d:11.402Z" % (rng.randint(1, 28), rng.randint(0, 59)),
                            "duration": dur, "channels": 1, "models": [uuid(rng)],
                            "model_info": {uuid(rng): {"name": "general-nova-3", "version": "2025-01-01", "arch": "nova-3"}}},
               "results": {"channels": [{"alternatives": [{"transcript": copy(" ".join(chan_txt)), "confidence": 0.97,
                                                            "words": words}]}],
                           "utterances": utt}}
    else:  # transcribe (Call Analytics style)
        tr = []
        for (r_, t), sec in zip(turns, secs):
            tr.append({"BeginOffsetMillis": int(sec * 1000), "EndOffsetMillis": int(sec * 1000) + 1900,
                       "Content": copy(t), "Id": uuid(rng), "ParticipantRole": "AGENT" if r_ == "a" else "CUSTOMER",
                       "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "POSITIVE"]), "LoudnessScores": [round(rng.uniform(60, 80), 2)]})
        obj = {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "AccountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
               "JobName": "callcenter-%s" % uid(rng, 10), "Channel": "VOICE",
               "Transcript": tr,
               "ConversationCharacteristics": {"TotalConversationDurationMillis": int(dur * 1000),
                                               "NonTalkTime": {"TotalTimeMillis": rng.randint(1000, 9000)}},
               "ContactSummary": {"AutoGenerated": {"OverallSummary": {"Content": summary(rec, facts, kind, rng)}}}}
    marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = rec.finish(marked)
    return {"format": "json", "profile": prof, "kind": "payload_" + prof + "_" + kind, "text": text,
            "spans": spans, "negatives": negs}


def remark(rec, marked):
    """Copy a marked string giving every span/negative a fresh index (one span per occurrence)."""
    out = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == SO:
            idx = ord(marked[i + 1]) - BASE
            rec.spans.append(dict(rec.spans[idx]))
            out.append(SO + chr(BASE + len(rec.spans) - 1))
            i += 2
        elif ch == NO:
            idx = ord(marked[i + 1]) - BASE
            rec.negs.append(dict(rec.negs[idx]))
            out.append(NO + chr(BASE + len(rec.negs) - 1))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# ----------------------------------------------------------------------------- generate
def generate(seed, n):
    carrier = load_carrier()
    n_json = round(n * 35 / 150)
    n_tr = n - n_json
    out = []
    for i in range(n_tr):
        rng = random.Random("%d/t/%d" % (seed, i))
        r = make_transcript(rng, i, carrier)
        out.append(r)
    for i in range(n_json):
        rng = random.Random("%d/j/%d" % (seed, i))
        r = make_json(rng, i, carrier)
        out.append(r)
    order = random.Random("%d/order" % seed)
    order.shuffle(out)
    res = []
    for i, r in enumerate(out):
        d = {"id": "h16-%04d" % (i + 1)}
        d.update(r)
        # drop transcript-only json markers and clean
        if d["format"] == "transcript":
            # remove a JSON-unused key ordering issue
            pass
        # drop json records whose stripped JSON (marked copies) left unused template spans
        res.append(d)
    return res


def drop_unused(rec_dict):
    return rec_dict


# ----------------------------------------------------------------------------- check
DIGW = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
        "six": "6", "seven": "7", "eight": "8", "nine": "9"}
TEENW = {w: str(10 + i) for i, w in enumerate(TEENS)}
TENW = {w: str(i) for i, w in enumerate(TENS) if w}
NATOR = {v.replace("-", ""): k for k, v in NATO.items()}


def spoken_digits(s):
    """Best-effort reading of a spoken/mixed digit or alphanumeric string as characters."""
    s = s.lower().replace("x-ray", "xray").replace("-", " ")
    s = re.sub(r"\b([a-z]) as in \w+", r"\1", s)
    toks = re.findall(r"[a-z']+|\d+", s)
    out, mult = [], 1
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.isdigit():
            out.append(t * mult)
            mult = 1
        elif t == "double":
            mult = 2
        elif t == "triple":
            mult = 3
        elif t in DIGW:
            out.append(DIGW[t] * mult)
            mult = 1
        elif t in TEENW:
            out.append(TEENW[t])
        elif t in TENW:
            if i + 1 < len(toks) and toks[i + 1] in DIGW and DIGW[toks[i + 1]] != "0" and toks[i + 1] not in ("oh", "o"):
                out.append(TENW[t] + DIGW[toks[i + 1]])
                i += 1
            else:
                out.append(TENW[t] + "0")
        elif t == "hundred":
            out.append("00")
        elif t in NATOR:
            out.append(NATOR[t])
        elif len(t) == 1:
            out.append(t.upper())
        elif t in ("uh", "um", "dash"):
            pass
        else:
            out.append("?")
        i += 1
    return "".join(out)


def valid_value(ent, v):
    d = re.sub(r"\D", "", v)
    if ent == "SSN":
        return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"
    if ent == "PHONE":
        return len(d) == 10 and d[3:6] == "555" and d[6:8] == "01"
    if ent in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    if ent == "NPI":
        return len(d) == 10 and luhn_ok("80840" + d)
    if ent == "CARD":
        return d[:4] in ("4111", "4242", "5555", "5105", "3782", "6011") and luhn_ok(d) and len(d) in (15, 16)
    if ent == "MBI":
        return re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                            r"[AC-HJKMNP-RT-Y]{2}[0-9]{2}", v) is not None
    if ent == "ZIP":
        return re.fullmatch(r"\d{5}(-\d{4})?", v) is not None and v[:5] != "00000"
    if ent == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", v) is not None
    if ent in ("MRN", "MEMBER_ID"):
        return re.fullmatch(r"[A-Z0-9]{6,14}", v) is not None
    return bool(v.strip())


LINE = re.compile(r"^(\[\d\d:[0-5]\d:[0-5]\d\] )?(\[[a-z]+\] |[A-Za-z][A-Za-z0-9_ ]{0,18}: )\S")


def check(records):
    errs = []
    for r in records:
        rid = r.get("id")
        t = r["text"]
        b = t.encode("utf-8")
        if r["format"] == "transcript":
            lines = t.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for l in lines:
                if not LINE.match(l):
                    errs.append("%s: bad line %r" % (rid, l[:60]))
            if t.endswith("\n"):
                errs.append("%s: trailing newline" % rid)
        elif r["format"] == "json":
            try:
                obj = json.loads(t)
            except ValueError as e:
                errs.append("%s: bad json %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != t:
                errs.append("%s: not compact json" % rid)
            if r.get("profile") not in PROFILES:
                errs.append("%s: profile" % rid)
            strs = string_ranges(t)
        else:
            errs.append("%s: format" % rid)
        prev = []
        for s in r["spans"]:
            if s["entity"] not in ENTITIES:
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s["cue"] not in ("same", "prev", "none"):
                errs.append("%s: cue" % rid)
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s: offsets" % rid)
                continue
            try:
                seg = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: offsets not on char boundary" % rid)
                continue
            if seg != seg.strip() or not seg:
                errs.append("%s: span has edge whitespace %r" % (rid, seg))
            if not valid_value(s["entity"], s["value"]):
                errs.append("%s: invalid %s value %r" % (rid, s["entity"], s["value"]))
            if s["entity"] in ("SSN", "PHONE", "NPI", "CARD", "ZIP", "MRN", "MBI", "MEMBER_ID"):
                got = spoken_digits(seg) if s["spoken"] else re.sub(r"[^0-9A-Za-z]", "", seg).upper()
                if s["form"] == "e164_field" and got.startswith("1"):
                    got = got[1:]
                want = re.sub(r"[^0-9A-Z]", "", s["value"].upper())
                if s["form"].startswith("written_summary") or not got or got not in want:
                    if not (got and got in want):
                        errs.append("%s: %s text %r reads %r, value %r" % (rid, s["entity"], seg, got, want))
            if s["entity"] == "EMAIL" and not s["spoken"] and seg != s["value"]:
                errs.append("%s: email text" % rid)
            if r["format"] == "json":
                cs = len(b[:s["start"]].decode("utf-8"))
                ce = len(b[:s["end"]].decode("utf-8"))
                if not any(a < cs and ce <= z for a, z in strs):
                    errs.append("%s: span outside JSON string" % rid)
        iv = sorted([(s["start"], s["end"], "s") for s in r["spans"]] +
                    [(n["start"], n["end"], "n") for n in r["negatives"]])
        for (a1, z1, _), (a2, z2, _) in zip(iv, iv[1:]):
            if a2 < z1:
                errs.append("%s: overlap %d-%d / %d-%d" % (rid, a1, z1, a2, z2))
        for n in r["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)):
                errs.append("%s: neg offsets" % rid)
            if r["format"] == "json":
                cs = len(b[:n["start"]].decode("utf-8"))
                ce = len(b[:n["end"]].decode("utf-8"))
                if not any(a < cs and ce <= z for a, z in strs):
                    errs.append("%s: negative outside JSON string" % rid)
    return errs


def string_ranges(raw):
    """(start, end) char ranges of JSON string tokens (quotes included)."""
    out = []
    i = 0
    while i < len(raw):
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def stats(records):
    c = collections.Counter()
    cue = collections.Counter()
    ent = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    for r in records:
        kinds[r["kind"]] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written")] += 1
            cue[(s["entity"], s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records %d (transcript %d, json %d)" % (len(records), sum(r["format"] == "transcript" for r in records),
                                                     sum(r["format"] == "json" for r in records))]
    lines.append("%-10s %5s %7s %7s %5s %5s %5s" % ("entity", "total", "spoken", "written", "same", "prev", "none"))
    for e in ENTITIES:
        lines.append("%-10s %5d %7d %7d %5d %5d %5d" % (e, ent[e], c[(e, "spoken")], c[(e, "written")],
                                                       cue[(e, "same")], cue[(e, "prev")], cue[(e, "none")]))
    lines.append("%-10s %5d" % ("all", sum(ent.values())))
    lines.append("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negs.items())) + " (total %d)" % sum(negs.values()))
    lines.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check is not None:
        recs = []
        for p in a.check:
            with open(p, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(recs))
        print("%d errors" % len(errs))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        errs = check(recs)
        print("%d errors" % len(errs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
