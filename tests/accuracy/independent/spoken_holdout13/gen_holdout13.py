#!/usr/bin/env python3
"""Holdout 13: spoken PHI in healthcare call transcripts and voice-agent payloads.

Standard library only, deterministic for a given --seed (independent of PYTHONHASHSEED).

  python3 gen_holdout13.py [--seed N] [--n N] > holdout13.jsonl
  python3 gen_holdout13.py --stats                 # counts for the generated corpus
  python3 gen_holdout13.py --check holdout13.jsonl # validate a written file (+ stats)
"""
import argparse
import collections
import csv
import json
import os
import re
import sys

import random

DEFAULT_SEED = 20261213
ENTITIES = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]

MS, MM, ME = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile(MS + r"(\d+)" + MM + "(.*?)" + ME, re.S)

# ----------------------------------------------------------------------------- value pools
AREA_CODES = [212, 312, 415, 617, 213, 305, 404, 713, 214, 602, 206, 303, 503, 702, 612, 313,
              216, 412, 314, 816, 504, 615, 704, 919, 804, 410, 202, 301, 718, 646, 917, 510,
              408, 619, 858, 714, 949, 562, 909, 916, 971, 425, 801, 505, 520, 915, 210, 512,
              281, 832, 469, 972, 817, 405, 918, 316, 402, 515, 319, 608, 414, 262, 651, 763,
              773, 630, 847, 708, 317, 502, 859, 513, 614, 937, 330, 419, 716, 585, 315, 518,
              860, 203, 401, 603, 802, 207, 508, 781, 978, 973, 201, 732, 908, 856, 609, 215,
              267, 610, 717, 570, 843, 803, 864, 706, 770, 678, 912, 904, 407, 321, 813, 727,
              941, 239, 561, 954, 786, 850, 205, 601, 901, 423, 865, 501, 318, 225]
ZIP3 = ["606", "100", "112", "331", "770", "752", "850", "941", "981", "972", "802", "554",
        "482", "441", "152", "191", "212", "303", "372", "402", "462", "531", "631", "641",
        "731", "787", "841", "891", "956", "021", "060", "074", "088", "104", "142", "190",
        "230", "276", "292", "322", "336", "352", "376", "405", "432", "452", "482", "500",
        "551", "601", "631", "660", "681", "701", "730", "750", "761", "782", "800", "871",
        "900", "913", "926", "945", "958", "970", "980", "995", "967", "836"]
FIRST = ["Dana", "Maria", "James", "Aisha", "Wei", "Priya", "Carlos", "Fatima", "Olga", "Kwame",
         "Linh", "Mohammed", "Sofia", "Deshawn", "Yuki", "Emeka", "Rosa", "Tomasz", "Ingrid",
         "Rahul", "Leticia", "Marcus", "Hannah", "Jamal", "Mei", "Diego", "Ana", "Bogdan",
         "Chinwe", "Patrick", "Shanice", "Hector", "Nadia", "Oluwaseun", "Gloria", "Raymond",
         "Thanh", "Imani", "Esperanza", "Dmitri", "Keisha", "Arjun", "Brenda", "Tariq", "Lucia",
         "Gary", "Svetlana", "Kenji", "Ama", "Francisco", "Doris", "Samir", "Latoya", "Eun-ji",
         "Wanda", "Reginald", "Mariam", "Bao", "Yolanda", "Ahmed", "Colleen", "Tyrone", "Ximena",
         "Harold", "Parisa", "Luis", "Beatriz", "Ngozi", "Frank", "Anh", "Guadalupe", "Kofi",
         "Sunita", "Earl", "Renata", "Hyun", "Marisol", "Abdul", "Joan", "Terrence"]
LAST = ["Reyes", "Nguyen", "Okafor", "Patel", "Kowalski", "Haddad", "Johnson", "Chen",
        "Gonzalez", "Mensah", "Ivanova", "Williams", "Tanaka", "Adeyemi", "Brooks", "Castillo",
        "Schmidt", "Khan", "Washington", "Oyelaran", "Novak", "Flores", "Kim", "Abernathy",
        "Morales", "Park", "Hernandez", "Osei", "Murphy", "Ramirez", "Singh", "Baptiste",
        "Petrov", "Thompson", "Yamamoto", "Diallo", "Sullivan", "Vasquez", "Liu", "Delgado",
        "Jackson", "Mahmoud", "Fitzgerald", "Tran", "Boateng", "Rossi", "Alvarez", "Chowdhury",
        "Lindqvist", "Moreno", "Greene", "Hoang", "Abdullah", "Bianchi", "Pham", "Ortiz",
        "Robinson", "Santos", "Eze", "Kaminski", "Navarro", "Campbell", "Dubois", "Agarwal",
        "Mitchell", "Figueroa", "Wojcik", "Sato", "Coleman", "Nakamura"]
_FEM = """Dana Maria Aisha Priya Fatima Olga Sofia Rosa Ingrid Leticia Hannah Mei Ana Chinwe Shanice Nadia Gloria
Imani Esperanza Keisha Brenda Lucia Svetlana Ama Doris Latoya Eun-ji Wanda Mariam Yolanda Colleen Ximena Parisa Beatriz
Ngozi Guadalupe Sunita Renata Marisol Joan Linh""".split()
_MASC = """James Wei Carlos Kwame Mohammed Deshawn Emeka Tomasz Rahul Marcus Jamal Diego Bogdan Patrick Hector Raymond
Dmitri Arjun Tariq Gary Kenji Francisco Samir Reginald Ahmed Tyrone Harold Luis Frank Kofi Earl Abdul Terrence""".split()
GENDER = dict([(f, "f") for f in _FEM] + [(m, "m") for m in _MASC])
STREETS = ["Maple", "Oak", "Cedar", "Elm", "Pine", "Washington", "Lincoln", "Jefferson", "Park",
           "Lake", "Hill", "Sunset", "Ridge", "Willow", "Chestnut", "Walnut", "Highland",
           "Meadow", "Spring", "River", "Church", "Mill", "Franklin", "Madison", "Forest",
           "Cherry", "Dogwood", "Magnolia", "Juniper", "Alder", "Birch", "Laurel", "Sycamore",
           "Hawthorne", "Bayview", "Grand", "Central", "Kingston", "Orchard", "Mission", "Vine",
           "Prospect", "Linden", "Harbor", "Cottonwood", "Quail Run", "Red Fox", "Stonegate"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl."), ("Circle", "Cir."), ("Terrace", "Ter."), ("Parkway", "Pkwy.")]
SUFFIX_WORDS = {w.lower().rstrip(".") for pair in SUFFIX for w in pair}
DIRS = [("North", "N."), ("South", "S."), ("East", "E."), ("West", "W.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net", "att.net", "protonmail.com", "live.com"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "adam"], "B": ["boy", "bravo"], "C": ["cat", "charlie"],
        "D": ["david", "dog"], "E": ["edward", "echo"], "F": ["frank", "fox"],
        "G": ["george", "golf"], "H": ["henry", "house"], "J": ["john", "jack"],
        "K": ["king", "kite"], "L": ["larry", "lion"], "M": ["mary", "mike"],
        "N": ["nancy", "nora"], "P": ["peter", "paul"], "Q": ["queen"], "R": ["robert", "red"],
        "S": ["sam", "sugar"], "T": ["tom", "tango"], "U": ["umbrella"], "V": ["victor", "violet"],
        "W": ["william", "water"], "X": ["x-ray"], "Y": ["yellow"], "Z": ["zebra"],
        "I": ["ice"], "O": ["ocean"]}

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]


def num2words(n):
    """0..99 in words."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + ONES[u])


def suffix_th(d):
    if 10 <= d % 100 <= 20:
        return "%dth" % d
    return "%d%s" % (d, {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


class Gen:
    def __init__(self, rng):
        self.r = rng

    def ssn(self):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a == 666:
                continue
            g, s = r.randint(1, 99), r.randint(1, 9999)
            v = "%03d%02d%04d" % (a, g, s)
            if v not in ("078051120", "123456789", "219099999"):
                return v

    def phone(self):
        return "%d555%04d" % (self.r.choice(AREA_CODES), self.r.randint(100, 199))

    def dob(self):
        r = self.r
        y = r.randint(1937, 2008)
        m = r.randint(1, 12)
        d = r.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
        return (y, m, d)

    def mrn(self):
        r = self.r
        k = r.choice(["d8", "d8", "d9", "d7", "l2d6", "d10", "ld7"])
        if k.startswith("d"):
            n = int(k[1:])
            return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(n - 1))
        if k == "l2d6":
            return "".join(r.choice("ACEFHKMRTW") for _ in range(2)) + "".join(
                r.choice("0123456789") for _ in range(6))
        return r.choice("EMPK") + "".join(r.choice("0123456789") for _ in range(7))

    def mbi(self):
        r = self.r
        an = MBI_ALPHA + "0123456789"
        d = "0123456789"
        return (r.choice("123456789") + r.choice(MBI_ALPHA) + r.choice(an) + r.choice(d)
                + r.choice(MBI_ALPHA) + r.choice(an) + r.choice(d) + r.choice(MBI_ALPHA)
                + r.choice(MBI_ALPHA) + r.choice(d) + r.choice(d))

    def card(self):
        r = self.r
        kind = r.choice(["visa", "visa", "mc", "mc", "amex", "disc"])
        if kind == "visa":
            p, n = "4", 16
        elif kind == "mc":
            p, n = str(r.randint(51, 55)), 16
        elif kind == "amex":
            p, n = r.choice(["34", "37"]), 15
        else:
            p, n = "6011", 16
        body = p + "".join(r.choice("0123456789") for _ in range(n - 1 - len(p)))
        return luhn_complete(body)

    def zip(self):
        return self.r.choice(ZIP3) + "%02d" % self.r.randint(1, 99)

    def npi(self):
        r = self.r
        while True:
            body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
            for c in "0123456789":
                if luhn_ok("80840" + body + c):
                    return body + c

    def member(self):
        r = self.r
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        k = r.choice(["l3d9", "Wd9", "d9s", "l1d8", "l3d8", "d11", "l2d7"])
        dd = lambda n: "".join(r.choice("0123456789") for _ in range(n))
        if k == "l3d9":
            return "".join(r.choice(L) for _ in range(3)) + dd(9)
        if k == "Wd9":
            return "W" + dd(9)
        if k == "d9s":
            return str(r.randint(1, 9)) + dd(8) + "0" + str(r.randint(1, 3))
        if k == "l1d8":
            return r.choice("HMRUJ") + dd(8)
        if k == "l3d8":
            return "".join(r.choice(L) for _ in range(3)) + dd(8)
        if k == "d11":
            return str(r.randint(1, 9)) + dd(10)
        return "".join(r.choice(L) for _ in range(2)) + dd(7)

    def name(self, gender=None):
        pool = FIRST if gender is None else [f for f in FIRST if GENDER.get(f, "x") == gender]
        return (self.r.choice(pool), self.r.choice(LAST))

    def street(self):
        r = self.r
        house = r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(100, 999),
                          r.randint(1000, 9999), r.randint(1000, 9999), r.randint(10000, 29999)])
        d = r.choice(DIRS) if r.random() < 0.2 else None
        nm = r.choice(STREETS)
        sf = r.choice(SUFFIX)
        unit = None
        if r.random() < 0.3:
            unit = (r.choice(["apartment", "apt", "unit", "suite", "#"]),
                    r.choice([str(r.randint(1, 30)), "%d%s" % (r.randint(1, 6), r.choice("ABCD")),
                              str(r.randint(101, 420))]))
        return (house, d, nm, sf, unit)

    def email(self, name=None):
        r = self.r
        f, l = name if name else self.name()
        f = f.lower().replace("-", "")
        l = l.lower()
        local = r.choice([f + "." + l, f + l, f + "_" + l, f[0] + l, f + "." + l + str(r.randint(1, 99)),
                          f + str(r.randint(60, 99)), l + "." + f, f + l[0] + str(r.randint(1, 9))])
        return local + "@" + r.choice(DOMAINS)


# ----------------------------------------------------------------------------- renderers
class Render:
    """Renders a canonical value as speech or smart-formatted text.

    style: 'lower' (raw ASR, lower case, no punctuation), 'cased' (Whisper-like, words and
    punctuation), 'smart' (smart formatting, digits).
    """

    def __init__(self, rng):
        self.r = rng

    def zero(self):
        return self.r.choice(["oh", "oh", "zero", "o"])

    def digit_words(self, digs, zero=None, doubles=False):
        r = self.r
        z = zero or self.zero()
        out = []
        i = 0
        while i < len(digs):
            c = digs[i]
            w = z if c == "0" else ONES[int(c)]
            if doubles and i + 2 < len(digs) + 0 and digs[i + 1:i + 3] == c + c and r.random() < 0.7:
                out.append("triple " + w)
                i += 3
                continue
            if doubles and i + 1 < len(digs) and digs[i + 1] == c and r.random() < 0.6:
                out.append("double " + w)
                i += 2
                continue
            out.append(w)
            i += 1
        return " ".join(out)

    def pairs(self, digs):
        """'0142' -> 'oh one forty two'; '1982' -> 'nineteen eighty two'."""
        out = []
        for k in range(0, len(digs), 2):
            p = digs[k:k + 2]
            if len(p) == 1:
                out.append(ONES[int(p)])
            elif p[0] == "0":
                out.append(self.zero() + " " + ONES[int(p[1])])
            elif p == "00":
                out.append("hundred")
            else:
                out.append(num2words(int(p)))
        return " ".join(out)

    def grouped(self, digs, groups, style, sep=None, doubles=None, zero=None, pairs_last=False,
                filler=0.0):
        r = self.r
        z = zero or self.zero()
        if doubles is None:
            doubles = r.random() < 0.3
        if sep is None:
            if style == "lower":
                sep = r.choice([" ", " ", " uh ", " um "]) if filler else " "
            else:
                sep = r.choice([", ", ", ", "... ", " - ", " "])
        parts = []
        i = 0
        for gi, g in enumerate(groups):
            chunk = digs[i:i + g]
            i += g
            if pairs_last and gi == len(groups) - 1 and len(chunk) == 4 and chunk[0] != "0" or \
                    pairs_last and gi == len(groups) - 1 and len(chunk) == 4 and chunk[:2] == "01" and r.random() < 0.5:
                parts.append(self.pairs(chunk))
            else:
                parts.append(self.digit_words(chunk, z, doubles))
        out = parts[0]
        for p in parts[1:]:
            s = sep
            if filler and r.random() < filler:
                s = r.choice([" uh ", " um ", "... uh ", ", um, "]) if style != "lower" else r.choice([" uh ", " um "])
            out += s + p
        return out

    def cap(self, s, style):
        return s if style != "cased" else s

    # ---- per entity: return (text, spoken, form)
    def phone(self, v, style, who="caller"):
        r = self.r
        a, e, l = v[:3], v[3:6], v[6:]
        if style == "smart" or (style == "cased" and r.random() < 0.12):
            k = r.choice(["paren", "dash", "dash", "dot", "plain", "space", "plus1"])
            t = {"paren": "(%s) %s-%s" % (a, e, l), "dash": "%s-%s-%s" % (a, e, l),
                 "dot": "%s.%s.%s" % (a, e, l), "plain": v, "space": "%s %s %s" % (a, e, l),
                 "plus1": "+1 %s-%s-%s" % (a, e, l)}[k]
            return t, False, "written_" + k
        k = r.choice(["digits", "digits", "digits", "fivefifty", "pairs", "mixed", "mixed_tail"])
        if k == "digits":
            t = self.grouped(v, [3, 3, 4], style, filler=0.3 if who == "caller" else 0)
            return t, True, "digits_grouped"
        if k == "fivefifty":
            sep = ", " if style != "lower" else " "
            t = self.digit_words(a) + sep + "five fifty five" + sep + self.grouped(l, [4], style, pairs_last=True)
            return t, True, "digits_five_fifty_five"
        if k == "pairs":
            sep = ", " if style != "lower" else " "
            t = self.digit_words(a) + sep + self.digit_words(e, doubles=True) + sep + self.pairs(l)
            return t, True, "digits_pairs_tail"
        if k == "mixed":
            sep = " " if style == "lower" else r.choice([" ", ", "])
            t = "%s%s%s%s%s" % (self.digit_words(a), sep, e, sep, l)
            return t, True, "mixed_words_digits"
        t = "%s %s %s" % (a, self.digit_words(e), self.digit_words(l))
        return t, True, "mixed_digits_words"

    def ssn(self, v, style, who="caller", last4=False):
        r = self.r
        if last4:
            t = v[5:]
            if style == "smart":
                return t, False, "last4_digits"
            return self.digit_words(t), True, "last4_words"
        if style == "smart" or (style == "cased" and r.random() < 0.2):
            k = r.choice(["dash", "dash", "space", "plain"])
            t = {"dash": "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "space": "%s %s %s" % (v[:3], v[3:5], v[5:]),
                 "plain": v}[k]
            return t, False, "written_" + k
        k = r.choice(["grouped", "grouped", "flat", "mixed", "pairs"])
        if k == "grouped":
            return self.grouped(v, [3, 2, 4], style, filler=0.25 if who == "caller" else 0), True, "digits_grouped"
        if k == "flat":
            return self.digit_words(v, doubles=r.random() < 0.4), True, "digits_flat"
        if k == "pairs":
            sep = ", " if style != "lower" else " "
            return self.digit_words(v[:3]) + sep + self.pairs(v[3:5]) + sep + self.pairs(v[5:]), True, "groups_pairs"
        return "%s %s %s" % (self.digit_words(v[:3]), v[3:5], v[5:]), True, "mixed_words_digits"

    def digits_id(self, v, style, who, groups=None, ent=""):
        """Numeric identifiers (MRN, NPI, ZIP, card)."""
        r = self.r
        if style == "smart" or (style == "cased" and r.random() < 0.25):
            if groups and r.random() < 0.6:
                out, i = [], 0
                for g in groups:
                    out.append(v[i:i + g])
                    i += g
                return r.choice([" ", " ", "-"]).join(out), False, "written_grouped"
            return v, False, "written_plain"
        k = r.choice(["grouped", "flat", "pairs", "mixed"]) if groups else r.choice(["flat", "flat", "pairs", "mixed"])
        if k == "grouped":
            return self.grouped(v, groups, style, filler=0.2 if who == "caller" else 0), True, "digits_grouped"
        if k == "flat":
            return self.digit_words(v, doubles=r.random() < 0.4), True, "digits_flat"
        if k == "pairs":
            if v[0] == "0":
                return self.digit_words(v), True, "digits_flat"
            parts = [self.pairs(v[i:i + 4]) if len(v[i:i + 4]) == 4 and v[i] != "0" else self.digit_words(v[i:i + 4])
                     for i in range(0, len(v), 4)]
            sep = ", " if style != "lower" else " "
            return sep.join(parts), True, "pairs_by_four"
        cut = r.randint(2, max(2, len(v) - 2))
        return "%s %s" % (self.digit_words(v[:cut]), v[cut:]), True, "mixed_words_digits"

    def zip(self, v, style, who="caller"):
        r = self.r
        if style == "smart" or (style == "cased" and r.random() < 0.3):
            return v, False, "written_5"
        k = r.choice(["flat", "flat", "flat", "split", "pairs"])
        if k == "flat":
            return self.digit_words(v, doubles=r.random() < 0.4), True, "digits_flat"
        if k == "split":
            sep = ", " if style != "lower" else " "
            return self.digit_words(v[:3]) + sep + self.digit_words(v[3:]), True, "digits_3_2"
        if v[1] == "0" or v[3] == "0":
            return self.digit_words(v), True, "digits_flat"
        return ONES[int(v[0])] + " " + num2words(int(v[1:3])) + " " + num2words(int(v[3:])), True, "digit_pair_pair"

    def card(self, v, style, who="caller"):
        groups = [4, 6, 5] if len(v) == 15 else [4, 4, 4, 4]
        return self.digits_id(v, style, who, groups, "CARD")

    def npi(self, v, style, who="caller"):
        r = self.r
        return self.digits_id(v, style, who, r.choice([[3, 3, 4], [4, 3, 3], [5, 5], None]), "NPI")

    def mrn(self, v, style, who="caller"):
        if v[0].isalpha():
            return self.alnum(v, style, who)
        return self.digits_id(v, style, who, None if len(v) < 8 else [len(v) // 2, len(v) - len(v) // 2], "MRN")

    def letter(self, c, mode, style):
        if mode == "nato":
            return NATO[c]
        if mode == "asin":
            return "%s as in %s" % (c.lower() if style == "lower" else c, self.r.choice(ASIN[c]))
        return c.lower() if style == "lower" else c

    def alnum(self, v, style, who="caller", dash_groups=None):
        r = self.r
        if style == "smart" or (style == "cased" and r.random() < 0.3):
            if dash_groups and r.random() < 0.5:
                out, i = [], 0
                for g in dash_groups:
                    out.append(v[i:i + g])
                    i += g
                return "-".join(out), False, "written_dashed"
            return v, False, "written_plain"
        mode = r.choice(["plain", "plain", "nato", "asin", "mixed"])
        toks = []
        lead_letters = []
        i = 0
        comma = ", " if style != "lower" else " "
        z = self.zero() if mode != "plain" else r.choice(["zero", "oh", "zero"])
        form = {"plain": "letters_digits_words", "nato": "spelled_nato", "asin": "spelled_as_in",
                "mixed": "letters_words_digits_numerals"}[mode]
        if mode == "mixed":
            # letters spoken, digit run written as numerals by ASR
            for c in v:
                if c.isalpha():
                    toks.append(self.letter(c, "plain", style))
                else:
                    if toks and toks[-1].isdigit():
                        toks[-1] += c
                    else:
                        toks.append(c)
            return " ".join(toks), True, form
        seg = []
        for c in v:
            if c.isalpha():
                seg.append(self.letter(c, mode, style) + (comma.rstrip() if mode == "asin" and style != "lower" else ""))
            else:
                seg.append(z if c == "0" else ONES[int(c)])
        t = " ".join(seg).rstrip(",")
        return t, True, form

    def mbi(self, v, style, who="caller"):
        return self.alnum(v, style, who, dash_groups=[4, 3, 4])

    def member(self, v, style, who="caller"):
        return self.alnum(v, style, who) if v[0].isalpha() else self.digits_id(
            v, style, who, self.r.choice([None, [3, 3, len(v) - 6]]), "MEMBER_ID")

    def dob(self, v, style, who="caller", nonnative=False):
        r = self.r
        y, m, d = v
        mon = MONTHS[m - 1]
        if style == "smart" or (style == "cased" and r.random() < 0.3):
            k = r.choice(["mdy_slash", "mdy_slash_pad", "long", "long_th", "mdy_dash_short", "long_nocomma"])
            t = {"mdy_slash": "%d/%d/%d" % (m, d, y), "mdy_slash_pad": "%02d/%02d/%d" % (m, d, y),
                 "long": "%s %d, %d" % (mon, d, y), "long_th": "%s %s, %d" % (mon, suffix_th(d), y),
                 "mdy_dash_short": "%d-%d-%02d" % (m, d, y % 100),
                 "long_nocomma": "%s %s %d" % (mon, suffix_th(d), y)}[k]
            return t, False, "written_" + k
        yw = self.year_words(y)
        ys = num2words(y % 100) if y % 100 >= 10 else self.zero() + " " + ONES[y % 10]
        mon_s = mon.lower() if style == "lower" else mon
        if nonnative:
            k = r.choice(["d_of_m", "d_m_y", "num_dmy"])
        else:
            k = r.choice(["m_ord_y", "m_ord_y", "m_card_y", "m_ord_yshort", "num_mdy", "num_mdy_pad",
                          "the_d_of_m", "digits8"])
        comma = ", " if style != "lower" else " "
        if k == "m_ord_y":
            t = "%s %s%s%s" % (mon_s, ORD[d], comma if r.random() < 0.5 else " ", yw)
        elif k == "m_card_y":
            t = "%s %s %s" % (mon_s, num2words(d), yw)
        elif k == "m_ord_yshort":
            t = "%s %s %s" % (mon_s, ORD[d], ys)
        elif k == "num_mdy":
            t = "%s %s %s" % (num2words(m), num2words(d), ys)
        elif k == "num_mdy_pad":
            z = self.zero()
            mm = (z + " " + ONES[m]) if m < 10 else num2words(m)
            dd = (z + " " + ONES[d]) if d < 10 else num2words(d)
            t = "%s %s %s" % (mm, dd, ys)
        elif k == "the_d_of_m":
            t = "the %s of %s%s%s" % (ORD[d], mon_s, comma if r.random() < 0.5 else " ", yw)
        elif k == "digits8":
            t = self.grouped("%02d%02d%d" % (m, d, y), [2, 2, 4], style, doubles=False)
        elif k == "d_of_m":
            t = "%s of %s%s%s" % (num2words(d), mon_s, comma, yw)
        elif k == "d_m_y":
            t = "%s %s %s" % (ORD[d], mon_s, yw)
        else:
            t = "%s %s %s" % (num2words(d), num2words(m), yw)
        return t, True, k

    def year_words(self, y):
        if y >= 2000:
            return "two thousand" + ("" if y == 2000 else " " + num2words(y - 2000))
        hi, lo = divmod(y, 100)
        if lo == 0:
            return num2words(hi) + " hundred"
        if lo < 10:
            return num2words(hi) + " " + self.r.choice(["oh", "o"]) + " " + ONES[lo]
        return num2words(hi) + " " + num2words(lo)

    def house(self, n):
        r = self.r
        s = str(n)
        if n < 100:
            return num2words(n)
        if n < 1000:
            if s[1] == "0":
                return ONES[int(s[0])] + " " + self.zero() + " " + ONES[int(s[2])] if s[2] != "0" else ONES[int(s[0])] + " hundred"
            return ONES[int(s[0])] + " " + num2words(int(s[1:]))
        if n < 10000:
            if r.random() < 0.3:
                return self.digit_words(s)
            if s[2] == "0":
                return num2words(int(s[:2])) + " " + (self.zero() + " " + ONES[int(s[3])] if s[3] != "0" else "hundred")
            return num2words(int(s[:2])) + " " + num2words(int(s[2:]))
        return self.digit_words(s)

    def street(self, v, style, who="caller"):
        r = self.r
        house, d, nm, sf, unit = v
        if style == "smart" or (style == "cased" and r.random() < 0.25):
            abbr = r.random() < 0.5
            t = str(house) + " " + ((d[1] if abbr else d[0]) + " " if d else "") + nm + " " + (sf[1] if abbr else sf[0])
            if unit:
                t += r.choice([", ", " "]) + {"apartment": "Apt. ", "apt": "Apt ", "unit": "Unit ",
                                              "suite": "Suite ", "#": "#"}[unit[0]] + unit[1]
            return t, False, "written_abbr" if abbr else "written_full"
        hs = self.house(house) if r.random() < 0.75 else str(house)
        body = (d[0] + " " if d else "") + nm + " " + sf[0]
        if style == "lower":
            body = body.lower()
        t = hs + " " + body
        if unit:
            uw = {"#": "number"}.get(unit[0], unit[0])
            u = unit[1]
            uu = " ".join(ONES[int(c)] if c.isdigit() else (c.lower() if style == "lower" else c) for c in u) \
                if r.random() < 0.6 else (num2words(int(u)) if u.isdigit() and int(u) < 100 else u.lower() if style == "lower" else u)
            t += (" " if style == "lower" else r.choice([" ", ", "])) + uw + " " + uu
        return t, True, "house_words" + ("_unit" if unit else "")

    def email(self, v, style, who="caller"):
        r = self.r
        if style == "smart" or (style == "cased" and r.random() < 0.35):
            return v, False, "written"
        local, dom = v.split("@")
        k = r.choice(["words", "words", "spell", "spell_first", "half"])

        def loc_words(s):
            s = s.replace(".", " dot ").replace("_", " underscore ")
            s = re.sub(r"(\d+)", lambda m: " " + r.choice([m.group(1), num2words(int(m.group(1))) if len(m.group(1)) <= 2 else m.group(1)]) + " ", s)
            return " ".join(s.split())

        def spell(s):
            out = []
            for part in re.split(r"([._])", s):
                if part == ".":
                    out.append("dot")
                elif part == "_":
                    out.append("underscore")
                else:
                    out.extend(c for c in part)
            return " ".join(out)
        domw = dom.replace(".", " dot ")
        if k == "words":
            t = loc_words(local) + " at " + domw
        elif k == "spell":
            t = spell(local) + " at " + domw
        elif k == "spell_first":
            t = loc_words(local) + " " + spell(local) + " at " + domw
        else:
            t = loc_words(local) + " at " + dom
        if style == "cased" and r.random() < 0.4:
            t = t[0].upper() + t[1:]
        return " ".join(t.split()), True, "email_" + k

    def name(self, v, style, part="full", spelled=False):
        r = self.r
        f, l = v
        s = {"full": f + " " + l, "first": f, "last": l}[part]
        if spelled:
            mode = r.choice(["letters", "letters", "dash", "asin"])
            letters = [c for c in s if c.isalpha()]
            if mode == "letters":
                t = " ".join(c.lower() if style == "lower" else c.upper() for c in letters)
            elif mode == "dash":
                t = "-".join(c.upper() for c in letters) if style != "lower" else " ".join(c.lower() for c in letters)
            else:
                t = (", " if style != "lower" else " ").join(self.letter(c.upper(), "asin", style) if i < 3 else (c.lower() if style == "lower" else c.upper())
                                                              for i, c in enumerate(letters))
            return t, True, "spelled_" + mode
        if style == "lower":
            return s.lower(), True, "name_%s_lower" % part
        return s, style != "summary", "name_%s" % part


# ----------------------------------------------------------------------------- carriers
def carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR", ""),
             os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "shared", "carrier-sources"),
             "/work/shared/carrier-sources"]
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "mts-dialog")):
            return c
    sys.exit("carrier sources not found (use --carrier-dir)")


BAD_WORDS = set("""street avenue road lane drive boulevard address zip zipcode social security insurance medicare
medicaid phone number numbers email mail born birthday birth card account member id ssn mrn npi
policy call called calling telephone cell dob license passport visa credit debit dollars""".split())
NAME_SCREEN = {w.lower() for w in FIRST + LAST} | set("""diana martha christine john mary james robert michael
william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew
joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank jack dennis jerry tyler
aaron jose adam nathan henry peter zachary douglas kyle noah ethan jeremy walter christian keith roger terry
austin sean gerald carl dylan harold jordan jesse bryan lawrence arthur gabriel bruce logan billy joe alan
juan elijah willie albert wayne randy mason vincent liam roy bobby caleb bradley russell lucas patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly
emily donna michelle carol amanda melissa deborah stephanie rebecca sharon laura cynthia dorothy amy kathleen
angela shirley emma brenda pamela nicole anna samantha katherine christina debra rachel carolyn janet maria
olivia heather helen catherine diane julie victoria joyce lauren kelly christina ruth joan virginia judith
evelyn hannah andrea megan cheryl jacqueline madison teresa abigail sophia martha sara gloria janice kathryn
ann isabella judy charlotte julia grace amber alice jean denise frances danielle marilyn natalie beverly diana
brittany theresa kayla alexis doris lori tiffany smith jones brown miller davis wilson anderson taylor moore
martin lee white harris clark lewis walker hall allen young king wright scott green baker adams nelson hill
carter roberts turner phillips parker evans edwards collins stewart morris rogers reed cook morgan bell
bailey cooper richardson cox howard ward torres peterson gray james watson hughes price sanders bennett wood
barnes ross henderson cole jenkins perry powell long patterson foster graham sanchez russell griffin hayes
myers ford hamilton wallace bryant ellis stevens mcdonald kennedy wells alexander jordan reynolds kelly
tucker porter hunter hicks crawford henry boyd mason warren dixon burns gordon shaw holmes rice hunt black
daniels palmer mills grant knight ferguson stone hawkins dunn perkins hudson spencer gardner stephens payne
pierce berry matthews arnold wagner willis ray watkins olson carroll duncan snyder hart cunningham bradley
lane andrews ruiz harper fox riley armstrong carpenter weaver greene lawrence elliott chavez sims austin
peters kelley franklin lawson fields ryan schmidt carr castro wheeler chapman montgomery richards williamson
johnston banks meyer bishop mccoy howell morrison hansen fernandez garza harvey little burton stanley george
jacobs reid fuller lynch dean gilbert romero welch larson frazier burke hanson day mendoza moreno bowman
medina fowler brewer hoffman carlson silva pearson holland douglas fleming jensen vargas byrd davidson hopkins
may terry herrera wade soto walters curtis neal caldwell lowe jennings barnett graves jimenez horton shelton
barrett obrien castro sutton gregory mckinney lucas miles craig rodriquez chambers holt lambert fletcher
watts bates hale rhodes pena beck newman haynes mcdaniel mendez bush vaughn parks dawson santiago norris
hardy love steele curry powers schultz barker guzman page munoz ball keller chandler weber leonard walsh
lyons ramsey wolfe schneider mullins benson sharp bowen daniel barber cummings hines baldwin griffith
valdez hubbard salazar reeves warner stevenson burgess santos tate cross garner mann mack moss thornton
dennis mcgee farmer delgado aguilar vega glover manning cohen harmon rodgers robbins newton todd blair
higgins ingram reese cannon strickland townsend potter goodwin walton rowe hampton ortega patton swanson
joseph francis goodman maldonado yates becker erickson hodges rios conner adkins webster norman malone
hammond flowers cobb moody quinn blake maxwell pope floyd osborne paul mccarthy guerrero lindsey estrada
sandoval gibbs tyler gross fitzgerald stokes doyle sherman saunders wise colon gill alvarado greer padilla
simon waters nunez ballard schwartz mcbride houston christensen klein pratt briggs parsons mclaughlin
zimmerman french buchanan moran copeland roy pittman brady mccormick holloway brock poole frank logan owen
bass marsh drake wong jefferson park morton abbott sparks patrick norton huff clayton massey lloyd figueroa
carson bowers roberson barton tran lamb harrington casey boone cortez clarke mathis singleton wilkins cain
bryan underwood hogan mckenzie collier luna phelps mcguire allison bridges wilkerson nash summers atkins
kumar sharma gupta ali ahmed hassan ibrahim omar yusuf wang zhang li liu yang huang zhao wu zhou xu sun ma
zhu hu guo he lin luo gao nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly jose luis carlos
juan miguel angel jorge pedro manuel francisco antonio rafael alejandro fernando ricardo roberto eduardo
sergio javier raul oscar ruben mario arturo enrique guadalupe rosa ana carmen maria elena lucia isabel
sofia valentina camila fatima aisha mohammed muhammad abdul emeka chidi ngozi kwame kofi ama yaw akua
dr doctor mister mr mrs ms miss nurse sir madam ma'am jane""".split())
TITLE_RE = re.compile(r"\b(dr|doctor|mr|mrs|ms|miss|mister|nurse)\.?\s+[a-z]", re.I)
NUMWORD = set(ONES + TEENS + TENS[2:] + ["oh", "hundred", "thousand"])
MONTH_SET = {m.lower() for m in MONTHS} - {"may"}
CAP_OK = {"I", "I'm", "I've", "I'll", "I'd", "OK", "Okay", "COVID", "Covid", "TV", "ER", "MRI", "CT",
          "ECG", "EKG", "GP", "A&E", "UK", "US", "BP", "Yes", "No", "So", "And", "But", "Um", "Uh",
          "Oh", "Well", "Yeah", "Mm", "Hmm", "Right", "Alright", "Sure", "The", "Is", "Do", "Have",
          "Are", "What", "How", "Any", "Okay.", "Thank", "Thanks", "Great", "Good", "That", "It",
          "You", "We", "My", "A", "In", "If", "Can", "Did", "Does", "Would", "Could", "When", "Where",
          "Why", "Who", "Just", "Now", "Then", "Also", "Let", "Let's", "Tylenol", "Advil",
          "Ibuprofen", "Paracetamol", "Aspirin", "Lipitor", "Motrin"}


def screen_turn(t, cased):
    """True when a carrier turn is safe: no digits, no identifier-like or name-like words."""
    if re.search(r"[0-9@#$%/]", t) or "<" in t or "[" in t:
        return False
    words = re.findall(r"[A-Za-z']+", t)
    if not (3 <= len(words) <= 40):
        return False
    low = [w.lower().strip("'") for w in words]
    for w in low:
        if w in BAD_WORDS or w in NAME_SCREEN or w in MONTH_SET:
            return False
    if TITLE_RE.search(t):
        return False
    run = 0
    for w in low:
        run = run + 1 if w in NUMWORD else 0
        if run >= 2:
            return False
    if cased:
        for i, w in enumerate(t.split()):
            core = re.sub(r"[^A-Za-z'&]", "", w)
            if core and core[0].isupper() and core not in CAP_OK:
                if i == 0 or re.search(r"[.?!]$", t.split()[i - 1]):
                    continue
                return False
    return True


def load_carriers(cdir):
    """Lists of dialogues, each a list of (role, text, source) with role doctor/patient."""
    csv.field_size_limit(1 << 30)
    dialogues = []
    mts = os.path.join(cdir, "mts-dialog")
    for fn in sorted(os.listdir(mts)):
        if not fn.endswith(".csv"):
            continue
        with open(os.path.join(mts, fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row.get("dialogue", "").split("\n"):
                    m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician)\s*:\s*(.*)", line)
                    if m:
                        turns.append(("doctor" if m.group(1) in ("Doctor", "Guest_clinician") else "patient",
                                      m.group(2).strip(), "mts"))
                if turns:
                    dialogues.append(turns)
    aci = os.path.join(cdir, "aci-bench")
    for fn in sorted(os.listdir(aci)):
        if not fn.endswith(".csv"):
            continue
        with open(os.path.join(aci, fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                d = row.get("dialogue", "")
                if "\n" not in d:
                    continue
                turns = []
                for line in d.split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line.strip())
                    if m:
                        turns.append((m.group(1), m.group(2).strip(), "aci"))
                if turns:
                    dialogues.append(turns)
    pm = os.path.join(cdir, "primock57")
    names = sorted(os.listdir(pm))
    for fn in names:
        if not fn.endswith("_doctor.TextGrid"):
            continue
        ivs = []
        for role in ("doctor", "patient"):
            p = os.path.join(pm, fn.replace("_doctor", "_" + role))
            if not os.path.exists(p):
                continue
            with open(p, encoding="utf-8") as f:
                txt = f.read()
            for m in re.finditer(r'xmin = ([0-9.]+)\s*\n\s*xmax = [0-9.]+\s*\n\s*text = "(.*)"', txt):
                s = re.sub(r"<[^>]*>", "", m.group(2)).strip()
                s = " ".join(s.split())
                if s:
                    ivs.append((float(m.group(1)), role, s))
        ivs.sort()
        turns = []
        for _, role, s in ivs:
            if turns and turns[-1][0] == role:
                turns[-1] = (role, turns[-1][1] + " " + s, "primock")
            else:
                turns.append((role, s, "primock"))
        if turns:
            dialogues.append(turns)
    return dialogues


def carrier_windows(dialogues):
    """Screened runs of 2-6 alternating turns, keyed by casing ('lower' for ACI, else cased)."""
    out = {"lower": [], "cased": []}
    for d in dialogues:
        i = 0
        while i < len(d) - 1:
            j = i
            run = []
            while j < len(d) and len(run) < 6:
                role, t, src = d[j]
                cased = src != "aci"
                if not screen_turn(t, cased) or (run and run[-1][0] == role):
                    break
                run.append((role, t, src))
                j += 1
            if len(run) >= 2:
                out["lower" if run[0][2] == "aci" else "cased"].append(run)
                i = j
            else:
                i += 1
    return out


# ----------------------------------------------------------------------------- text styling
def style_text(s, style):
    """Applies the record's STT style to template text, leaving marked values alone."""
    if style != "lower":
        return s
    out = []
    pos = 0
    for m in MARK_RE.finditer(s):
        out.append(_lower(s[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_lower(s[pos:]))
    return "".join(out)


def _lower(t):
    t = t.lower()
    t = re.sub(r"[,.?!;:]+(\s|$)", r"\1", t)
    t = t.replace("—", " ").replace("...", " ")
    return re.sub(r"  +", " ", t)


def carrier_text(t, style):
    t = " ".join(t.split())
    t = re.sub(r"(^| )-(?=\w)", r"\1", t)
    t = t.lstrip(",.;: ")
    if style == "lower":
        t = _lower(t.replace(" ,", ",").replace(" .", ".").replace(" ?", "?"))
        t = t.replace(" n't", "n't")
    else:
        t = t.replace(" ,", ",").replace(" .", ".").replace(" ?", "?").replace(" n't", "n't")
        t = t[0].upper() + t[1:]
    return t.strip()


# ----------------------------------------------------------------------------- scenarios
SCENARIOS = {
    "pharmacy_refill": dict(org=["Walgreens pharmacy", "the pharmacy at Eastside", "CarePlus Pharmacy", "your mail-order pharmacy"],
                            reason=["I'm calling about a refill on my blood pressure pills.", "I need to refill my inhaler.",
                                    "my prescription was supposed to be ready yesterday.", "I got a text that my order is on hold."],
                            pool=["DOB", "PHONE", "ZIP", "STREET", "EMAIL", "MEMBER_ID", "CARD"], human=("Pharmacist", "Caller")),
    "billing": dict(org=["the billing office", "Riverside Medical Group billing", "patient financial services", "Lakeview Hospital billing"],
                    reason=["I got a bill and I want to pay it.", "I have a question about a statement I got.",
                            "I'd like to set up a payment plan.", "I want to pay my balance over the phone."],
                    pool=["CARD", "ZIP", "DOB", "PHONE", "EMAIL", "STREET", "MRN", "SSN"], human=("Rep", "Caller")),
    "eligibility": dict(org=["provider services", "the provider line", "provider eligibility"],
                        reason=["I'm calling from a cardiology office to check eligibility for a patient.",
                                "I'm with an orthopedic clinic, I need to verify benefits.",
                                "I need to check if a member is active before a procedure."],
                        pool=["NPI", "MEMBER_ID", "DOB", "MBI", "ZIP", "PHONE"], human=("Agent", "Caller"), third=True),
    "medicare_enroll": dict(org=["the plan enrollment line", "Medicare Advantage enrollment", "member enrollment"],
                            reason=["I want to sign up for the Advantage plan I saw on TV.", "I'm turning sixty five and I need to enroll.",
                                    "I got a letter saying I can switch plans."],
                            pool=["MBI", "SSN", "DOB", "STREET", "ZIP", "PHONE", "EMAIL"], human=("Agent", "Caller")),
    "registration": dict(org=["new patient registration", "the front desk", "Northgate Family Medicine"],
                         reason=["I'm a new patient and I need to get registered.", "I want to make my first appointment.",
                                 "my doctor referred me and they said to call you."],
                         pool=["SSN", "STREET", "ZIP", "EMAIL", "PHONE", "DOB", "MEMBER_ID"], human=("Agent", "Caller")),
    "records": dict(org=["health information management", "medical records", "the release of information desk"],
                    reason=["I need a copy of my records sent to a new doctor.", "I'm trying to get my lab results.",
                            "I need my imaging on a disc for a specialist."],
                    pool=["MRN", "DOB", "EMAIL", "PHONE", "STREET", "ZIP", "NPI", "SSN", "CARD"], human=("Agent", "Caller")),
    "nurse_line": dict(org=["the nurse advice line", "after-hours triage", "the clinic nurse line"],
                       reason=["I've had a fever since last night.", "my ankle is still swollen after the fall.",
                               "I'm having some chest tightness and I wasn't sure if I should come in."],
                       pool=["DOB", "MRN", "PHONE", "ZIP", "STREET"], human=("Nurse", "Patient"), carrier=True),
    "prior_auth": dict(org=["utilization management", "the prior authorization line", "pharmacy prior auth"],
                       reason=["I'm calling to check on a prior auth for an MRI.", "I need to submit a prior authorization.",
                               "we faxed a request last week and haven't heard back."],
                       pool=["NPI", "MEMBER_ID", "MRN", "DOB", "PHONE", "MBI"], human=("Agent", "Caller"), third=True),
    "scheduling": dict(org=["the scheduling line", "Harbor Health scheduling", "the appointment center"],
                       reason=["I need to reschedule my appointment.", "I want to book a follow up.", "I need an appointment for a physical."],
                       pool=["DOB", "PHONE", "MEMBER_ID", "ZIP", "EMAIL", "MRN", "NPI", "CARD"], human=("Agent", "Caller")),
    "dme": dict(org=["the medical supply order line", "home medical equipment", "CPAP supply services"],
                reason=["I need to reorder my CPAP supplies.", "my wheelchair cushion hasn't shipped.", "I was told to call about a walker order."],
                pool=["MBI", "STREET", "ZIP", "NPI", "PHONE", "DOB", "CARD"], human=("Agent", "Caller")),
    "caregiver": dict(org=["member services", "the patient support line", "customer care"],
                      reason=["I'm calling for my mother, she's right here with me.", "I'm calling on behalf of my dad, I'm his caregiver.",
                              "I help my aunt with her paperwork, she's on the line too."],
                      pool=["MBI", "DOB", "MRN", "STREET", "PHONE", "SSN", "MEMBER_ID"], human=("Agent", "Caller"), caregiver=True),
    "address_change": dict(org=["member services", "customer service", "the member help line"],
                           reason=["I moved and I need to update my address.", "I need to change my mailing address and email.",
                                   "my ID card went to my old place."],
                           pool=["MEMBER_ID", "STREET", "ZIP", "EMAIL", "PHONE", "SSN", "CARD"], human=("Representative", "Member")),
}

DESC = {
    "SSN": ["social", "social security number", "social security", "SSN"],
    "PHONE": ["phone number", "cell", "number", "cell phone number", "home number"],
    "DOB": ["date of birth", "birthday", "birth date", "DOB"],
    "MRN": ["medical record number", "MRN", "chart number", "record number"],
    "MBI": ["Medicare number", "Medicare ID", "Medicare beneficiary ID"],
    "CARD": ["card number", "Visa number", "credit card number", "debit card number"],
    "ZIP": ["zip", "zip code"],
    "STREET": ["address", "street address", "mailing address"],
    "EMAIL": ["email", "email address"],
    "NPI": ["NPI", "NPI number", "individual NPI"],
    "MEMBER_ID": ["member ID", "subscriber ID", "member number", "ID number on the card", "policy number"],
}
QUEST = {
    "SSN": ["For security, I'll need the social on the account.", "Can I get your Social Security number?", "And what's the social?", "I'll need the full social security number to continue.",
            "Could you verify the social on the account for me?", "What's {pos} social?"],
    "PHONE": ["And if we get cut off, what number do I call you back on?", "What's the best callback number?", "What's a good phone number for you?", "And what phone number do we have on file?",
              "Can I get a number in case we get disconnected?", "What number should the pharmacy call?", "Is there a cell we can text?"],
    "DOB": ["Okay, I found a couple of accounts with that name. What's the date of birth?", "Can you verify {pos} date of birth?", "And date of birth?", "What's {pos} birthdate?", "Can I get the date of birth, please?",
            "Okay, and the DOB?"],
    "MRN": ["It's the number that starts on the top right of the discharge papers. Can you read it to me?", "Do you have the medical record number?", "What's the MRN on that?", "Is there a chart number on the paperwork?",
            "Can you read me the record number at the top of the letter?"],
    "MBI": ["Can I have {pos} Medicare number? It's on the red, white and blue card.", "What's the Medicare ID?",
            "And the Medicare beneficiary identifier, the eleven characters on the card?"],
    "CARD": ["Go ahead with the card number whenever you're ready.", "What card would you like to use? Go ahead with the number.",
             "Okay, what's the long number on the front of the card?", "And the card number?"],
    "ZIP": ["What zip code is that card billed to?", "And the billing zip code?", "What's the zip code there?", "Can I get the zip?", "And zip?"],
    "STREET": ["What's the street address?", "And what address should we ship to?", "Can I get {pos} current address?",
               "What's the new address?"],
    "EMAIL": ["Where would you like the receipt emailed?", "What email should we send that to?", "Do you have an email address?", "And what's a good email for the portal invite?",
              "What's the email on the account?"],
    "NPI": ["And the ordering physician's NPI?", "What's the NPI of the rendering provider?", "Can I get the provider's NPI?", "And the NPI?", "What's the billing NPI?"],
    "MEMBER_ID": ["Okay, and the ID on the front of the card, starting with the letters?", "What's the member ID?", "Can I get the subscriber ID off the card?", "And the ID number on the insurance card?",
                  "What's {pos} member number?"],
    "NAME": ["Can I get {pos} first and last name?", "Who am I speaking with?", "What's the patient's name?", "And your name, please?",
             "Can I have the name on the account?"],
}
BOT_Q = {
    "SSN": "To verify, please say {pos} nine digit Social Security number.",
    "PHONE": "Please say or enter the best phone number to reach you.",
    "DOB": "Please tell me {pos} date of birth.",
    "MRN": "Please say the medical record number, one digit at a time.",
    "MBI": "Please say the eleven character Medicare number from the card.",
    "CARD": "Please say the card number you'd like to use.",
    "ZIP": "What's the five digit zip code?",
    "STREET": "What street address should we mail it to?",
    "EMAIL": "What email address should I send the confirmation to?",
    "NPI": "Please say the ten digit NPI.",
    "MEMBER_ID": "Please say the member ID exactly as it appears on the insurance card.",
    "NAME": "Can I get {pos} first and last name?",
}
READBACK = ["Okay, I've got {v} down.", "{v}... let me just type that in.", "Alright, I'm showing {v} on the account.",
            "Okay, {v}.", "Alright, I have {pos} {d} as {v}.", "And that's {v} for the {d}?", "I have {v}, is that correct?", "Let me read that back. {v}.", "{v}, got it.", "So that's {v}?",
            "Just to confirm, {v}?", "Perfect. And that was {v}, right?", "Okay so {v}. One moment.", "{v}. Let me pull that up."]
BOT_READBACK = ["I heard {v}. Is that correct?", "Thanks. I have {v}. Did I get that right?", "Got it, {v}.",
                "Just to confirm, that's {v}?", "Okay, {v}. Is that right?"]
YES = ["Yes.", "Yep, that's right.", "Mm-hmm.", "Correct.", "Yeah.", "Yes ma'am.", "That's it.", "Uh-huh, yes."]
SAME = ["For the {d}, is {v}.", "My {d} is {v}.", "{D} is {v}.", "It's {v}, that's my {d}.", "Yeah, the {d} is {v}.", "Okay, {d}, {v}.",
        "The {d} I have is {v}.", "Um, my {d}... {v}."]
SAME3 = ["{Pos} {d} is {v}.", "The {d} is {v}.", "{D} on the form is {v}.", "It's {v}, that's {pos} {d}.",
         "Okay, {d}... {v}."]
NONE = ["Oh, and {v}, in case you need it.", "Sorry, before I forget. {v}.", "Also {v}, you can write that down.",
        "{v}. I'll give you that now so you have it.", "And um, {v}, if that helps."]
PAPER = ["Hold on, let me find it... okay. ", "Hang on, it's on the letter here. Um, ", "Let me get my glasses. Okay, ",
         "One second, I wrote it down. ", "Okay I have the card in front of me. "]
BRIDGE = {
    "SSN": "For this request I also have to verify the social on file.",
    "PHONE": "Let me also update the contact number.",
    "DOB": "I need one more identifier to pull up the chart.",
    "MRN": "It'll be faster with the record number from the hospital.",
    "MBI": "Since you're on Medicare, I'll need the card too.",
    "CARD": "There is a small processing fee for that, I can take a card now.",
    "ZIP": "Let me confirm the location on file.",
    "STREET": "We'll mail a copy, so I want to make sure the address is current.",
    "EMAIL": "We can also send it electronically.",
    "NPI": "Which provider is this for? I need their NPI to attach it.",
    "MEMBER_ID": "Do you have the insurance card handy?",
}
NONNATIVE_PRE = ["Yes, is ", "Okay, the number it is ", "Ah, yes, ", "Sorry, my English. Is ", ""]


def neg_bank(R, used, style):
    """Returns a hard negative (text, what) rendered for the style, of a kind not in used."""
    sm = style == "smart"
    k = R.choice([x for x in ["dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
                  "appointment_date", "confirmation_number", "order_number", "emergency_number", "menu_option",
                  "lab_value", "weight", "height", "vital_sign", "step_count", "year", "common_word"] if x not in used])
    used.add(k)
    if k == "dose":
        n = R.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 500, 1000])
        t = ("%d mg" % n if sm else num2words(n) + " milligrams" if n < 100 else {100: "one hundred", 250: "two fifty", 500: "five hundred", 1000: "one thousand"}[n] + " milligrams")
    elif k == "blood_pressure":
        s, d = R.randint(105, 165), R.randint(62, 98)
        t = "%d/%d" % (s, d) if sm else "one %s over %s" % (num2words(s - 100) if s >= 110 else "oh " + ONES[s - 100], num2words(d))
    elif k == "time":
        h, m = R.randint(1, 11), R.choice([0, 15, 30, 45])
        t = ("%d:%02d %s" % (h, m, R.choice(["AM", "PM", "a.m.", "p.m."]))) if sm else (ONES[h] if h < 10 else num2words(h)) + (" " + num2words(m) if m else " o'clock")
    elif k == "duration":
        n = R.randint(2, 12)
        t = ("%d %s" % (n, R.choice(["days", "weeks", "minutes", "hours"]))) if sm else num2words(n) + " " + R.choice(["days", "weeks", "months", "hours"])
    elif k == "money":
        n = R.choice([15, 20, 25, 35, 40, 45, 60, 75, 120, 250])
        t = "$%d" % n if sm else (num2words(n) if n < 100 else {120: "a hundred twenty", 250: "two hundred fifty"}[n]) + " dollars"
    elif k == "room_number":
        n = R.randint(101, 699)
        t = str(n) if sm else ONES[n // 100] + " " + (num2words(n % 100) if n % 100 >= 10 else "oh " + ONES[n % 10])
    elif k == "count":
        n = R.randint(2, 9)
        t = ("%d %s" % (n, R.choice(["tablets", "refills", "boxes"]))) if sm else ONES[n] + " " + R.choice(["tablets", "refills", "boxes", "bottles"])
    elif k == "age":
        n = R.randint(19, 88)
        t = str(n) if sm else num2words(n)
    elif k == "appointment_date":
        d = R.randint(2, 28)
        mon = R.choice(MONTHS[:4] + MONTHS[8:])
        t = "%s %s" % (mon, suffix_th(d)) if sm else R.choice(["%s the %s" % (R.choice(["monday", "tuesday", "thursday", "friday"]), ORD[d]),
                                                              "%s %s" % (mon.lower() if style == "lower" else mon, ORD[d])])
    elif k == "confirmation_number":
        t = "".join(R.choice("0123456789") for _ in range(R.choice([5, 6])))
        if not sm:
            t = " ".join(ONES[int(c)] for c in t)
    elif k == "order_number":
        t = R.choice(["RX", "ORD-", "#"]) + "".join(R.choice("0123456789") for _ in range(6)) if sm else \
            " ".join(ONES[int(c)] for c in "".join(R.choice("0123456789") for _ in range(6)))
    elif k == "emergency_number":
        t = "911" if sm else "nine one one"
    elif k == "menu_option":
        t = "press %s" % R.choice(["1", "2", "3", "0"] if sm else ["one", "two", "three", "zero"])
    elif k == "lab_value":
        a, b = R.randint(5, 11), R.randint(0, 9)
        t = "%d.%d" % (a, b) if sm else "%s point %s" % (num2words(a), ONES[b])
    elif k == "weight":
        n = R.randint(110, 260)
        t = "%d pounds" % n if sm else "one %s pounds" % num2words(n - 100) if n < 200 and n >= 110 else "%d pounds" % n
    elif k == "height":
        f, i = R.randint(4, 6), R.randint(0, 11)
        t = "%d foot %d" % (f, i) if sm else "%s foot %s" % (ONES[f], num2words(i))
    elif k == "vital_sign":
        n = R.randint(90, 99)
        t = "%d percent" % n if sm else num2words(n) + " percent"
    elif k == "step_count":
        n = R.randint(3, 12)
        t = "%d,000" % n if sm else num2words(n) + " thousand"
    elif k == "year":
        y = R.randint(2012, 2025)
        t = str(y) if sm else "twenty " + num2words(y - 2000)
    else:
        t = R.choice(["will", "may", "bill", "hope", "mark", "grant"])
    return t, k


NEG_LINES = {
    "dose": ["A", ["It's the {n} tablet, once a day.", "So you're taking {n} in the morning?", "The new strength is {n}."]],
    "blood_pressure": ["C", ["My pressure was {n} this morning.", "The machine said {n}.", "Last reading was {n}, I think."]],
    "time": ["A", ["We have an opening at {n}.", "The pharmacy closes at {n} today.", "Can you come in at {n}?"]],
    "duration": ["C", ["It's been about {n} now.", "I've had it for {n}.", "The last fill was {n} ago."]],
    "money": ["A", ["Your copay is {n}.", "The balance comes to {n}.", "That'll be {n} out of pocket."]],
    "room_number": ["A", ["Check in at the second floor, suite {n}.", "Go to room {n} when you get there."]],
    "count": ["A", ["You have {n} left on that prescription.", "I see {n} on the order."]],
    "age": ["C", ["She's {n}, she can't drive anymore.", "I'm {n} and I've never had this happen.", "My son is {n}."]],
    "appointment_date": ["A", ["The next opening is {n}.", "I can put you down for {n}.", "You're scheduled for {n}."]],
    "confirmation_number": ["A", ["Your confirmation number is {n}.", "Write down this reference, {n}."]],
    "order_number": ["A", ["The order number is {n}.", "That's under order {n}."]],
    "emergency_number": ["A", ["If it gets worse, hang up and call {n}.", "If you have trouble breathing, call {n} right away."]],
    "menu_option": ["A", ["To hear this again, {n}.", "For the pharmacy, {n}."]],
    "lab_value": ["A", ["Your A1C came back at {n}.", "The potassium was {n}, which is fine."]],
    "weight": ["C", ["I'm about {n} right now.", "I weighed {n} at the last visit."]],
    "height": ["C", ["I'm {n}.", "He's about {n}."]],
    "vital_sign": ["C", ["My oxygen was {n} on the finger thing.", "The pulse ox says {n}."]],
    "step_count": ["C", ["I walk maybe {n} steps a day.", "My watch said {n} steps yesterday."]],
    "year": ["C", ["I had the surgery back in {n}.", "They did the last scan in {n}."]],
    "common_word": ["A", ["We {n} see what the doctor says.", "I {n} it down as urgent."]],
}
CW_LINES = {"will": "I will call you back when it's ready.", "may": "It may take a couple of days.",
            "bill": "You'll get a bill in the mail for the rest.", "hope": "I hope you feel better soon.",
            "mark": "Let me mark that as urgent for you.", "grant": "The foundation has a grant that might cover it."}


# ----------------------------------------------------------------------------- record builder
class Rec:
    def __init__(self, R, rnd, gen, style, carriers):
        self.R, self.rnd, self.gen, self.style, self.carriers = R, rnd, gen, style, carriers
        self.meta = []
        self.turns = []  # (who, text) who in A, C, G

    def mark(self, text, ent, spoken, cue, form, neutral=False):
        m = {"kind": "span", "entity": ent, "spoken": spoken, "cue": cue, "form": form}
        if neutral:
            m["neutral"] = True
        self.meta.append(m)
        return "%s%d%s%s%s" % (MS, len(self.meta) - 1, MM, text, ME)

    def neg(self, text, what):
        self.meta.append({"kind": "neg", "what": what})
        return "%s%d%s%s%s" % (MS, len(self.meta) - 1, MM, text, ME)

    def say(self, who, text, raw=False):
        text = text if raw else style_text(text, self.style)
        if self.style != "lower" and text[:1].islower():
            text = text[0].upper() + text[1:]
        m = MARK_RE.match(text)
        if m and self.style != "lower" and self.meta[int(m.group(1))].get("spoken") and m.group(2)[:1].islower():
            v = m.group(2)
            text = text[:m.start(2)] + v[0].upper() + v[1:] + text[m.end(2):]
        text = text.replace("." + ME + ".", "." + ME)
        if self.style != "lower":
            def up(m):
                md = self.meta[int(m.group(2))]
                v = m.group(3)
                if md.get("spoken") and v[:1].islower() and md.get("entity") != "EMAIL":
                    v = v[0].upper() + v[1:]
                return m.group(1) + MS + m.group(2) + MM + v + ME
            text = re.sub(r"([.?!] )" + MS + r"(\d+)" + MM + "(.*?)" + ME, up, text)
        self.turns.append((who, text))

    def fill(self, tpl, **kw):
        """Format a template with marked values; capitalise a leading letter in cased styles."""
        s = tpl.format(**kw)
        if s.startswith(MS):
            return s
        return s[0].upper() + s[1:] if s else s


def render_value(rn, ent, v, style, who="caller", nonnative=False, last4=False):
    """Renders until the rendering decodes back to the value (no ambiguous run-ons)."""
    canon = {"SSN": (v[5:] if last4 else v) if isinstance(v, str) else None, "PHONE": v, "MRN": v, "MBI": v,
             "CARD": v, "ZIP": v, "NPI": v, "MEMBER_ID": v}.get(ent)
    for _ in range(12):
        t, sp, form = _render_value(rn, ent, v, style, who, nonnative, last4)
        if canon is None or decode(t)[0] == canon:
            return t, sp, form
    return _render_value(rn, ent, v, "smart", who, nonnative, last4)


def _render_value(rn, ent, v, style, who="caller", nonnative=False, last4=False):
    if ent == "SSN":
        return rn.ssn(v, style, who, last4)
    if ent == "PHONE":
        return rn.phone(v, style, who)
    if ent == "DOB":
        return rn.dob(v, style, who, nonnative)
    if ent == "MRN":
        return rn.mrn(v, style, who)
    if ent == "MBI":
        return rn.mbi(v, style, who)
    if ent == "CARD":
        return rn.card(v, style, who)
    if ent == "ZIP":
        return rn.zip(v, style, who)
    if ent == "STREET":
        return rn.street(v, style, who)
    if ent == "EMAIL":
        return rn.email(v, style, who)
    if ent == "NPI":
        return rn.npi(v, style, who)
    if ent == "MEMBER_ID":
        return rn.member(v, style, who)
    raise KeyError(ent)


def new_value(gen, ent, name=None):
    return {"SSN": gen.ssn, "PHONE": gen.phone, "DOB": gen.dob, "MRN": gen.mrn, "MBI": gen.mbi,
            "CARD": gen.card, "ZIP": gen.zip, "STREET": gen.street, "NPI": gen.npi,
            "MEMBER_ID": gen.member}.get(ent, lambda: gen.email(name))()


def slow_it(text, R, style):
    """A slow speaker: pauses between the words of a spoken value."""
    w = text.split(" ")
    if len(w) < 4:
        return text
    out = [w[0]]
    for x in w[1:]:
        r = R.random()
        if out[-1].strip(",.") in TENS[2:] or out[-1].strip(",.") in ("double", "triple", "as", "in") or x in ("as", "in"):
            r = 1.0
        if r < 0.25 and style != "lower" and not out[-1].endswith((",", ".")):
            out[-1] += "..."
        elif r < 0.35:
            out.append("uh")
        out.append(x)
    if out[-1] == "uh":
        out.pop()
    return " ".join(out)


def build_dialogue(R, gen, rn, style, scen_key, ents, want_name, carriers, bot=False, persona="fluent", allow_agent_name=True):
    """Returns (Rec, summary_facts). Turns use who A (agent/bot), C (caller), G (patient in the room)."""
    sc = SCENARIOS[scen_key]
    rec = Rec(R, rn, gen, style, carriers)
    third = sc.get("third", False)
    caregiver = sc.get("caregiver", False) or persona == "caregiver"
    if caregiver:
        third = True
    pos = "the patient's" if third and not caregiver else ("their" if caregiver else "your")
    reason = R.choice(sc["reason"])
    rel, pg = ("Mom", "f") if "mother" in reason else ("Dad", "m") if "dad" in reason else ("Auntie", "f") if "aunt" in reason else (None, None)
    patient = gen.name(pg)
    caller = gen.name() if third else patient
    she = {"f": "she", "m": "he"}.get(pg, "she")
    facts = []  # (ent, value) for summaries
    agent_style = style
    # cue plan
    cues = {}
    for e in ents:
        cues[e] = R.choices(["prev", "same", "none"], [0.53, 0.27, 0.2])[0]
    name_cue = R.choices(["prev", "same", "none"], [0.42, 0.38, 0.2])[0] if want_name else None
    # --- opening
    org = R.choice(sc["org"])
    if bot:
        opening = R.choice(["Thanks for calling {o}. I'm an automated assistant, and this call may be recorded. How can I help you today?",
                            "Hi, you've reached {o}. I'm a virtual assistant. What can I help you with?",
                            "Hello! This is the virtual agent for {o}. How can I help?"]).format(o=org)
        if R.random() < 0.3:
            t, w = ("press zero", "menu_option") if style == "lower" else ("press 0", "menu_option")
            opening += " To speak with a person at any time, " + rec.neg(t, w) + "."
        rec.say("A", opening)
    else:
        agent_name = gen.name()
        if R.random() < 0.35 and allow_agent_name:
            an, sp, form = rn.name(agent_name, style, "first")
            rec.say("A", "Thank you for calling %s, this is %s. How can I help you?" % (org, rec.mark(an, "NAME", True, "same", form)))
        else:
            rec.say("A", R.choice(["Thank you for calling %s. How can I help you today?", "%s, how can I help you?",
                                   "Good morning, %s. What can I do for you?"]) % org)
    opener_parts = []
    if want_name and name_cue == "none":
        nt, _, form = rn.name(caller, style, "full")
        opener_parts.append(rec.mark(nt, "NAME", True, "none", form))
        facts.append(("NAME", caller))
        want_name = False
    if "DOB" in ents and cues["DOB"] == "none" and not third and R.random() < 0.7:
        t, sp, form = render_value(rn, "DOB", vals_get(rec, "DOB", gen), style)
        opener_parts.append(rec.mark(t, "DOB", sp, "none", form))
        cues["DOB"] = "done"
    if opener_parts:
        rec.say("C", style_text("Yeah hi. ", style) + ", ".join(opener_parts) + style_text(". " + reason[0].upper() + reason[1:], style), raw=True)
    else:
        pre = R.choice(["Hi, yes, ", "Hey, um, ", "Hello. ", "Yeah hi, ", ""])
        rec.say("C", pre + (reason[0].upper() + reason[1:] if pre in ("", "Hello. ") else reason))
    if caregiver:
        rec.say("A", "Okay. Are you listed on the account, or is the patient available to give permission?")
        rec.say("C", R.choice(["Yes, %s's right here, you're on speaker." % she, "%s's here with me, go ahead." % she.capitalize(), "I'm on the HIPAA form, I think."]))
        if R.random() < 0.5:
            rec.say("G", R.choice(["Yes, it's okay, she can talk for me.", "Yeah, that's fine.", "Yes, I give permission."]))
    # --- name exchange
    if want_name:
        if name_cue == "prev":
            q = BOT_Q["NAME"] if bot else R.choice(QUEST["NAME"])
            rec.say("A", q.format(pos=pos if third else "your"))
            nt, _, form = rn.name(caller if not third or R.random() < 0.5 else patient, style, "full")
            who_n = caller if nt.lower() == (caller[0] + " " + caller[1]).lower() else patient
            rec.say("C", rec.mark(nt, "NAME", True, "prev", form) + ("." if style != "lower" else ""), raw=True)
        else:
            who_n = caller
            nt, _, form = rn.name(caller, style, "full")
            tpl = R.choice(["My name is {v}.", "This is {v}.", "It's {v} calling.", "Yeah, my name's {v}."])
            rec.say("A", R.choice(["Sure, I can help with that.", "Okay, I can look into that.", "No problem."]))
            rec.say("C", style_text(rec.fill(tpl, v=rec.mark(nt, "NAME", True, "same", form)), style), raw=True)
        facts.append(("NAME", who_n))
        if R.random() < 0.55:
            lt, _, form = rn.name(who_n, style, "last", spelled=True)
            rec.say("A", "Can you spell the last name for me?")
            rec.say("C", rec.mark(lt, "NAME", True, "prev", form) + ("." if style != "lower" else ""), raw=True)
        rec.name_role = "patient" if (third and who_n == patient and who_n != caller) else "caller"
        if R.random() < 0.5:
            g = GENDER.get(who_n[0])
            if g:
                title = (R.choice(["Ms.", "Mrs."]) if g == "f" else "Mr.") if style != "lower" else ("miss" if g == "f" else "mister")
                lt, _, form = rn.name(who_n, style, "last")
            else:
                title = ""
                lt, _, form = rn.name(who_n, style, "first")
            rec.say("A", style_text(R.choice(["Thank you, ", "Okay, thanks ", "Great, thank you "]), style) + (title + " " if title else "")
                    + rec.mark(lt, "NAME", True, "prev", form) + ("." if style != "lower" else ""), raw=True)
    # --- identifier exchanges
    if third and not caregiver:
        rec.say("A", "Okay, I can help with that. I'll need some information on the member.")
    for ei, e in enumerate(ents):
        cue = cues[e]
        if cue == "merged":
            continue
        if cue == "done":
            facts.append((e, rec.vals["DOB"]))
            continue
        v = vals_get(rec, e, gen, name=caller)
        facts.append((e, v))
        nonnative = persona == "nonnative"
        last4 = e == "SSN" and R.random() < 0.15 and cue != "none"
        t, sp, form = render_value(rn, e, v, style, "caller", nonnative and e == "DOB", last4)
        if sp and persona == "slow" and e != "EMAIL" and R.random() < 0.7:
            t2 = slow_it(t, R, style)
            if t2 != t and (e in ("DOB", "STREET") or decode(t2)[0] == decode(t)[0]):
                t, form = t2, form + "_slow"
        bridge = BRIDGE[e] + " " if (e not in sc["pool"] and cue == "prev" and R.random() < 0.85) else ""
        if caregiver and cue == "prev" and R.random() < 0.4 and e in ("SSN", "DOB", "MBI", "PHONE", "STREET"):
            q = (BOT_Q[e] if bot else R.choice(QUEST[e])).format(pos=pos)
            if last4:
                q = "Can I get the last four of their social?"
            rec.say("A", q)
            rec.say("C", R.choice(["Hold on, let me ask. {r}, what's your %s?", "{r}? They need your %s.",
                                   "Let me check with %s. What's your %%s again, {r}?" % ("him" if she == "he" else "her"),
                                   "Hang on. What's your %s, {r}?"]).replace("{r}", rel or "Mom") % R.choice(DESC[e]))
            rec.say("G", rec.mark(t, e, sp, "prev", form), raw=True)
            t2, sp2, form2 = render_value(rn, e, v, style, "caller", False, last4)
            rec.say("C", style_text(R.choice(["So that's ", "Okay, ", "Uh, she says ", ""]), style) + rec.mark(t2, e, sp2, "prev", form2) + ("." if style != "lower" else ""), raw=True)
            continue
        if cue == "prev":
            q = (BOT_Q[e] if bot else R.choice(QUEST[e])).format(pos=pos)
            if last4:
                q = "Can I get the last four of %s social?" % pos
            rec.say("A", bridge + q)
            pre = ""
            if persona == "paper" and e in ("MBI", "MEMBER_ID", "MRN", "CARD", "NPI", "SSN") and R.random() < 0.7:
                pre = R.choice(PAPER)
            elif nonnative and R.random() < 0.5:
                pre = R.choice(NONNATIVE_PRE)
            elif R.random() < 0.35:
                pre = R.choice(["Uh, ", "Um, ", "Yeah, it's ", "Sure. ", "It's ", "Okay. ", "I think it's ", "Let me see... ",
                                "Yeah, that'd be ", "Hmm, okay. "])
            end = "" if style == "lower" else R.choice([".", ".", ""])
            split = None
            if sp and not last4 and e in ("PHONE", "SSN", "CARD", "MRN", "NPI", "MEMBER_ID", "MBI") and R.random() < 0.18:
                split = split_value(t, R)
            if split:
                p1, p2 = split
                rec.say("C", style_text(pre, style) + rec.mark(p1, e, sp, "prev", form + "_part1") + ("..." if style != "lower" else ""), raw=True)
                rec.say("A", R.choice(["Mm-hmm.", "Okay.", "Go ahead.", "Uh-huh.", "Yep."]))
                rec.say("C", rec.mark(p2, e, sp, "prev", form + "_part2") + end, raw=True)
            else:
                rec.say("C", style_text(pre, style) + rec.mark(t, e, sp, "prev", form) + end, raw=True)
        elif cue == "same":
            if R.random() < 0.5:
                rec.say("A", R.choice(["What else do you have for me?", "Okay. Go ahead.", "Alright, what information do you have there?",
                                       "I'm going to need a few things to verify." if not bot else "I can help with that. I'll need to verify a few details."]))
            if rec.turns[-1][0] != "A":
                rec.say("A", R.choice(["Okay.", "Go ahead.", "Mm-hmm, go ahead.", "Sure."]))
            d = R.choice(DESC[e]) if not (e == "NPI" and not third) else R.choice(["doctor's NPI", "provider's NPI"])
            tpl = R.choice(SAME3 if third else SAME)
            if e == "STREET":
                tpl = R.choice(["I live at {v}.", "My address is {v}.", "The mailing address is {v}.", "Address is {v}."] if not third else
                               ["The patient lives at {v}.", "Her address is {v}.", "Address on file should be {v}."])
            line = tpl.format(d=d, D=d[0].upper() + d[1:], pos=pos, Pos=pos[0].upper() + pos[1:], v="\x00")
            pre, post = line.split("\x00")
            if pre and style != "lower":
                pre = pre[0].upper() + pre[1:]
            nxt = ents[ei + 1] if ei + 1 < len(ents) else None
            extra = ""
            if nxt and cues.get(nxt) == "same" and persona in ("fluent", "paper", "caregiver") and R.random() < 0.5:
                v2 = vals_get(rec, nxt, gen, name=caller)
                facts.append((nxt, v2))
                t2, sp2, form2 = render_value(rn, nxt, v2, style, "caller")
                d2 = R.choice(DESC[nxt])
                lead = R.choice([" And {d} is ", " And the {d}, ", " {D} is ", " Oh and {d}, "]).format(d=d2, D=d2[0].upper() + d2[1:])
                extra = style_text(lead, style) + rec.mark(t2, nxt, sp2, "same", form2 + "_second_in_turn") + ("." if style != "lower" else "")
                cues[nxt] = "merged"
                if style != "lower" and not post.endswith((".", "?")):
                    post += "."
            rec.say("C", style_text(pre, style) + rec.mark(t, e, sp, "same", form) + style_text(post, style) + extra, raw=True)
        else:
            tpl = R.choice(NONE)
            pre, post = tpl.split("{v}")
            if pre == "" and style != "lower" and t[:1].isalpha():
                pass
            rec.say("A", R.choice(["Okay, let me see what I can do.", "Alright, one moment.", "Mm-hmm.", "Okay, bear with me, the system is slow."]))
            rec.say("C", style_text(pre, style) + rec.mark(t, e, sp, "none", form) + style_text(post, style), raw=True)
        if R.random() < 0.1 and e != "STREET":
            rec.say("A", R.choice(["Sorry, you broke up a little. Can you say that again?", "I'm sorry, I didn't catch that. One more time?",
                                   "Could you repeat that a little slower?"]))
            t3, sp3, form3 = render_value(rn, e, v, style, "caller", False, last4)
            rec.say("C", style_text(R.choice(["Sure. ", "", "Okay, ", "Yeah, "]), style) + rec.mark(t3, e, sp3, "prev", form3) + ("." if style != "lower" else ""), raw=True)
        # read-back
        if R.random() < (0.75 if bot else 0.5):
            ast = "smart" if (bot and style != "lower") else ("cased" if style == "smart" and R.random() < 0.3 else style)
            t2, sp2, form2 = render_value(rn, e, v, ast, "agent", False, last4)
            tpl = R.choice(BOT_READBACK if bot else READBACK)
            dd = R.choice(DESC[e]) if e != "STREET" else "address"
            if e == "SSN" and last4:
                dd = "last four"
            tpl = tpl.replace("{pos}", "your" if pos == "your" else "the").replace("{d}", dd)
            pre, post = tpl.split("{v}")
            rec.say("A", style_text(pre, style) + rec.mark(t2, e, sp2, "prev", form2) + style_text(post, style), raw=True)
            rec.say("C", R.choice(YES))
    return rec, facts, patient, caller


def split_value(t, R):
    """Cuts a spoken value in two at a word boundary so both halves decode to the whole."""
    words = t.split(" ")
    if len(words) < 5:
        return None
    full = decode(t)[0]
    cuts = list(range(2, len(words) - 1))
    R.shuffle(cuts)
    cuts.sort(key=lambda k: (0 if words[k - 1].endswith(",") else 1, abs(k - len(words) // 2 - R.choice([-1, 0, 1]))))
    for k in cuts:
        a = " ".join(words[:k]).rstrip(",.")
        b = " ".join(words[k:])
        if words[k - 1].strip(",.") in ("uh", "um", "as", "in", "double", "triple") or words[k] in ("uh", "um", "as", "in") \
                or a.endswith("...") or b.startswith("..."):
            continue
        if decode(a)[0] + decode(b)[0] == full and decode(a)[0] and decode(b)[0]:
            return a, b
    return None


def vals_get(rec, e, gen, name=None):
    if not hasattr(rec, "vals"):
        rec.vals = {}
    if e not in rec.vals:
        rec.vals[e] = new_value(gen, e, name)
    return rec.vals[e]


def add_carrier(rec, R, style, maxturns):
    pool = rec.carriers["lower" if style == "lower" else "cased"]
    if not pool:
        pool = rec.carriers["cased"] or rec.carriers["lower"]
    w = R.choice(pool)
    if rec.turns and len(w) > 2 and ("A" if w[0][0] == "doctor" else "C") == rec.turns[-1][0]:
        w = w[1:]
    k = R.randint(2, min(len(w), maxturns)) if maxturns >= 2 else 0
    for role, t, src in w[:k]:
        rec.say("A" if role == "doctor" else "C", carrier_text(t, style), raw=True)
    return w[0][2] if k else None


def add_negatives(rec, R, style, n):
    used = set()
    for _ in range(n):
        t, what = neg_bank(R, used, style)
        if what == "common_word":
            line = CW_LINES[t]
            i = re.search(r"\b%s\b" % t, line).start()
            s = style_text(line[:i], style) + rec.neg(t, what) + style_text(line[i + len(t):], style)
            rec.say("A", s, raw=True)
            continue
        who, tpls = NEG_LINES[what]
        pre, post = R.choice(tpls).split("{n}")
        if who == "C" and rec.turns and rec.turns[-1][0] == "C" and R.random() < 0.7:
            rec.say("A", R.choice(["Okay.", "Mm-hmm.", "Got it.", "Alright.", "I see."]))
        rec.say(who, style_text(pre, style) + rec.neg(t, what) + style_text(post, style), raw=True)


# ----------------------------------------------------------------------------- assembly
HUMAN_LABELS = [("{a}:", "{c}:", "Patient:"), ("AGENT:", "CUSTOMER:", "SPEAKER 3:"), ("Speaker 0:", "Speaker 1:", "Speaker 2:"),
                ("spk_0:", "spk_1:", "spk_2:"), ("[agent]", "[caller]", "[patient]"), ("Agent:", "Caller:", "Caller 2:"),
                ("Rep:", "Customer:", "Other:"), ("{a}:", "{c}:", "Speaker 3:")]
BOT_LABELS = [("AI:", "User:"), ("assistant:", "user:"), ("Bot:", "Caller:"), ("Agent:", "User:"), ("Virtual Agent:", "Customer:")]
CLOSINGS = [("A", "Is there anything else I can help you with today?"), ("C", "No, that's it. Thank you so much."),
            ("A", "You're welcome, have a good day."), ("C", "You too, bye.")]


def finalize(s):
    """Strips markers; returns text, spans (byte offsets), negatives."""
    out = []
    spans, negs = [], []
    pos = 0
    blen = 0
    meta_by = finalize.meta
    for m in MARK_RE.finditer(s):
        chunk = s[pos:m.start()]
        out.append(chunk)
        blen += len(chunk.encode("utf-8"))
        val = m.group(2)
        md = meta_by[int(m.group(1))]
        b0 = blen
        out.append(val)
        blen += len(val.encode("utf-8"))
        if md["kind"] == "span":
            sp = {"start": b0, "end": blen, "entity": md["entity"], "spoken": md["spoken"], "cue": md["cue"], "form": md["form"]}
            if md.get("neutral"):
                sp["neutral"] = True
            spans.append(sp)
        else:
            negs.append({"start": b0, "end": blen, "what": md["what"]})
        pos = m.end()
    out.append(s[pos:])
    return "".join(out), spans, negs


def hms(t):
    t = int(t)
    return "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)


def assemble_transcript(rec, R, labels, stamps):
    lines = []
    t = R.randint(0, 4)
    for who, text in rec.turns:
        lab = labels[{"A": 0, "C": 1, "G": 2}[who]] if len(labels) > 2 else labels[0 if who == "A" else 1]
        sep = " "
        line = lab + sep + text
        if stamps:
            line = hms(t) + line
            t += R.randint(2, 14)
        lines.append(line)
    return "\n".join(lines)


def summary_piece(rec, rn, e, v, patient_name=None):
    if e == "NAME":
        t = "%s %s" % v
        return R_choice(rec.R, ["Caller ", "Caller ", "Member "]) + rec.mark(t, "NAME", False, "same", "name_full_summary")
    if e in ("SSN", "CARD"):
        return None
    t, sp, form = render_value(rn, e, v, "smart")
    d = {"DOB": "DOB", "PHONE": "callback number", "ZIP": "ZIP", "STREET": "address", "EMAIL": "email",
         "MEMBER_ID": "member ID", "MBI": "Medicare ID", "MRN": "MRN", "NPI": "provider NPI"}[e]
    return d + " " + rec.mark(t, e, False, "same", "summary_" + form)


def R_choice(R, xs):
    return R.choice(xs)


def iso_dob(v):
    return "%d-%02d-%02d" % v


def mk_uuid(R):
    h = "".join(R.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def rid(R, n, alpha="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
    return "".join(R.choice(alpha) for _ in range(n))


def build_summary(rec, rn, facts, scen_key, R):
    purpose = {"pharmacy_refill": "asked about a prescription refill", "billing": "called to pay a balance",
               "eligibility": "verified member eligibility", "medicare_enroll": "asked to enroll in a Medicare Advantage plan",
               "registration": "registered as a new patient", "records": "requested medical records",
               "nurse_line": "called the nurse line with symptoms", "prior_auth": "checked on a prior authorization",
               "scheduling": "rescheduled an appointment", "dme": "reordered medical supplies",
               "caregiver": "called on behalf of a family member", "address_change": "updated contact information"}[scen_key]
    pieces = []
    name_first = None
    for e, v in facts:
        if e == "NAME" and name_first is None:
            name_first = v
    if name_first and getattr(rec, "name_role", "caller") == "patient":
        head = "The caller " + purpose + " for patient " + rec.mark("%s %s" % name_first, "NAME", False, "same", "name_full_summary") + "."
    elif name_first and R.random() < 0.8:
        head = summary_piece(rec, rn, "NAME", name_first) + " " + purpose + "."
    else:
        head = "The caller " + purpose + "."
    cand = [(e, v) for e, v in facts if e not in ("NAME", "SSN", "CARD")]
    R.shuffle(cand)
    for e, v in cand[:R.randint(0, 2)]:
        p = summary_piece(rec, rn, e, v)
        if p:
            pieces.append(p)
    s = head
    if pieces:
        s += " Verified " + " and ".join(pieces) + "."
    s += " " + R.choice(["No further action needed.", "Follow-up call scheduled.", "Caller was satisfied with the outcome.",
                         "Transferred to a live agent for the remaining question."])
    return s.replace("." + ME + ".", "." + ME)


def turn_times(R, turns):
    t = R.uniform(0.4, 1.5)
    out = []
    for who, text in turns:
        n = len(MARK_RE.sub(lambda m: m.group(2), text).split())
        d = round(0.3 * n + R.uniform(0.3, 1.2), 2)
        out.append((round(t, 2), round(t + d, 2)))
        t += d + R.uniform(0.3, 1.6)
    return out


def payload(profile, rec, rn, R, facts, scen_key, phone_value, caller_name, want_cnam):
    turns = rec.turns
    times = turn_times(R, turns)
    end = times[-1][1] + R.uniform(0.5, 3)
    t0 = 1795000000 + R.randint(0, 9000000)  # seconds, late 2026

    def iso(sec):
        import time
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec)) + ".%03dZ" % R.randint(0, 999)
    ph_t = "+1" + phone_value
    summary = build_summary(rec, rn, facts, scen_key, R) if profile in ("vapi", "retell", "signalwire", "deepgram") else None
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are a friendly scheduling and intake assistant for a healthcare organization. Verify the caller before discussing details.", "time": t0 * 1000, "secondsFromStart": 0}]
        for (who, text), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if who == "A" else "user", "message": text, "time": int(t0 * 1000 + a * 1000),
                         "endTime": int(t0 * 1000 + b * 1000), "secondsFromStart": a, "duration": int((b - a) * 1000)})
        sd = {}
        for e, v in facts:
            if e == "DOB" and "date_of_birth" not in sd:
                sd["date_of_birth"] = rec.mark(iso_dob(v), "DOB", False, "same", "iso_structured")
            if e == "NAME" and "caller_name" not in sd:
                sd["caller_name"] = rec.mark("%s %s" % v, "NAME", False, "same", "name_structured")
        sd["call_reason"] = scen_key.replace("_", " ")
        obj = {"message": {"timestamp": int((t0 + end) * 1000), "type": "end-of-call-report",
                           "endedReason": R.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": {"id": mk_uuid(R), "orgId": mk_uuid(R), "createdAt": iso(t0), "updatedAt": iso(t0 + end),
                                    "type": "inboundPhoneCall", "status": "ended", "assistantId": mk_uuid(R),
                                    "phoneNumberId": mk_uuid(R),
                                    "customer": {"number": rec.mark(ph_t, "PHONE", False, "same", "e164_field")}},
                           "recordingUrl": "https://storage.vapi.ai/%s-%d-mono.wav" % (mk_uuid(R), t0 * 1000),
                           "summary": summary,
                           "transcript": "\n".join(("AI: " if w == "A" else "User: ") + t for w, t in turns),
                           "messages": msgs,
                           "analysis": {"summary": summary, "structuredData": sd, "successEvaluation": R.choice(["true", "false"])},
                           "startedAt": iso(t0), "endedAt": iso(t0 + end), "cost": round(R.uniform(0.05, 0.9), 4),
                           "durationSeconds": round(end, 3), "durationMinutes": round(end / 60, 4)}}
    elif profile == "retell":
        obj = {"event": "call_ended", "call": {
            "call_type": "phone_call", "from_number": rec.mark(ph_t, "PHONE", False, "same", "e164_field"),
            "to_number": rec.mark("+1800555%04d" % R.randint(100, 199), "PHONE", False, "same", "business_line", neutral=True),
            "direction": "inbound", "call_id": rid(R, 32), "agent_id": "agent_" + rid(R, 24, "0123456789abcdef"),
            "call_status": "ended", "metadata": {}, "retell_llm_dynamic_variables": {"clinic_name": "Northgate Family Medicine"},
            "start_timestamp": t0 * 1000, "end_timestamp": int((t0 + end) * 1000), "duration_ms": int(end * 1000),
            "disconnection_reason": R.choice(["user_hangup", "agent_hangup"]),
            "transcript": "\n".join(("Agent: " if w == "A" else "User: ") + t for w, t in turns),
            "transcript_object": [{"role": "agent" if w == "A" else "user", "content": t} for w, t in turns],
            "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % rid(R, 40, "0123456789abcdef"),
            "public_log_url": "https://dxc03zgurdly9.cloudfront.net/%s/public.log" % rid(R, 40, "0123456789abcdef"),
            "call_analysis": {"call_summary": summary, "in_voicemail": False,
                              "user_sentiment": R.choice(["Positive", "Neutral", "Negative"]), "call_successful": True,
                              "custom_analysis_data": {"intent": scen_key}},
            "opt_out_sensitive_data_storage": False}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "You are a voice assistant for a medical practice. Collect and verify caller details."}]
        for (who, text), (a, b) in zip(turns, times):
            if who == "A":
                log.append({"role": "assistant", "content": text, "latency": R.randint(400, 1900),
                            "utterance_latency": R.randint(500, 2200), "audio_latency": R.randint(600, 2600)})
            else:
                log.append({"role": "user", "content": text, "lang": "en-US", "confidence": round(R.uniform(0.72, 0.99), 4)})
        cnam = rec.mark(("%s %s" % (caller_name[1], caller_name[0])).upper(), "NAME", False, "same", "cnam_upper") if want_cnam else "WIRELESS CALLER"
        obj = {"app_name": "swml app", "action": "post_conversation", "ai_session_id": mk_uuid(R), "call_id": mk_uuid(R),
               "call_start_date": t0 * 1000000, "call_end_date": int((t0 + end) * 1000000),
               "caller_id_name": cnam, "caller_id_num": rec.mark(ph_t, "PHONE", False, "same", "e164_field"),
               "project_id": mk_uuid(R), "space_id": mk_uuid(R), "version": "2.0", "content_type": "text/swaig",
               "content_disposition": "Conversation Log", "conversation_id": mk_uuid(R),
               "call_log": log,
               "post_prompt_data": {"raw": summary, "substituted": summary, "parsed": []},
               "SWMLVars": {"clinic": "Harbor Health", "environment": "production"},
               "total_input_tokens": R.randint(2000, 9000), "total_output_tokens": R.randint(200, 900),
               "total_minutes": round(end / 60, 2)}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1, "G": 1}
        full = " ".join(t for _, t in turns)
        utts = []
        for (who, text), (a, b) in zip(turns, times):
            utts.append({"start": a, "end": b, "confidence": round(R.uniform(0.8, 0.99), 5), "channel": 0,
                         "transcript": text, "speaker": spk[who], "id": mk_uuid(R)})
        mid = mk_uuid(R)
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": mk_uuid(R), "sha256": rid(R, 64, "0123456789abcdef"),
                            "created": iso(t0), "duration": round(end, 4), "channels": 1, "models": [mid],
                            "model_info": {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-3"}}},
               "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(R.uniform(0.9, 0.99), 5)}]}],
                           "utterances": utts}}
        if summary and R.random() < 0.5:
            obj["results"]["summary"] = {"result": "success", "short": summary}
    else:  # transcribe
        if R.random() < 0.5:
            tr = []
            for (who, text), (a, b) in zip(turns, times):
                tr.append({"LoudnessScores": [round(R.uniform(60, 85), 2) for _ in range(max(1, int(b - a)))],
                           "Content": text, "Id": mk_uuid(R), "BeginOffsetMillis": int(a * 1000), "EndOffsetMillis": int(b * 1000),
                           "Sentiment": R.choice(["NEUTRAL", "NEUTRAL", "POSITIVE", "NEGATIVE"]),
                           "ParticipantRole": "AGENT" if who == "A" else "CUSTOMER"})
            obj = {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "Transcript": tr,
                   "Categories": {"MatchedCategories": [], "MatchedDetails": {}}, "Channel": "VOICE",
                   "AccountId": "".join(R.choice("0123456789") for _ in range(12)),
                   "JobName": "call-%s" % rid(R, 12, "0123456789abcdef"),
                   "ConversationCharacteristics": {"NonTalkTime": {"Instances": [], "TotalTimeMillis": R.randint(1000, 9000)},
                                                   "Interruptions": {"TotalCount": 0, "TotalTimeMillis": 0, "InterruptionsByInterrupter": {}},
                                                   "TotalConversationDurationMillis": int(end * 1000)}}
        else:
            segs = []
            k = 0
            for i, ((who, text), (a, b)) in enumerate(zip(turns, times)):
                n = len(MARK_RE.sub(lambda m: m.group(2), text).split())
                segs.append({"id": i, "transcript": text, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                             "speaker_label": "spk_0" if who == "A" else "spk_1", "items": list(range(k, k + n))})
                k += n
            obj = {"jobName": "intake-%s" % rid(R, 10, "0123456789abcdef"), "accountId": "".join(R.choice("0123456789") for _ in range(12)),
                   "status": "COMPLETED",
                   "results": {"transcripts": [{"transcript": " ".join(t for _, t in turns)}],
                               "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                               "audio_segments": segs}}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def generate(seed, n, cdir):
    R = random.Random(seed)
    gen = Gen(R)
    rn = Render(R)
    carriers = carrier_windows(load_carriers(cdir))
    n_json = round(n * 45 / 150)
    fmts = ["transcript"] * (n - n_json) + ["json"] * n_json
    R.shuffle(fmts)
    profs = [PROFILES[i % 5] for i in range(n_json)]
    R.shuffle(profs)
    counts = collections.Counter()
    target = 85.0 * n / 150
    records = []
    scen_keys = list(SCENARIOS)
    for idx, fmt in enumerate(fmts):
        profile = profs.pop() if fmt == "json" else None
        bot = profile in ("vapi", "retell", "signalwire") or (fmt == "transcript" and R.random() < 0.22)
        if profile in ("deepgram",):
            style = R.choice(["smart", "lower", "smart"])
        elif profile == "transcribe":
            style = "smart"
        elif profile:
            style = R.choice(["cased", "smart", "cased"])
        else:
            style = R.choice(["lower", "lower", "lower", "cased", "cased", "cased", "smart"])
        scen = R.choice(scen_keys)
        sc = SCENARIOS[scen]
        persona = R.choices(["fluent", "slow", "paper", "nonnative", "caregiver"], [0.45, 0.15, 0.15, 0.15, 0.1])[0]
        if persona == "caregiver":
            scen = "caregiver"
            sc = SCENARIOS[scen]
        want_name = R.random() < 0.45 or counts["NAME"] < 0.12 * sum(counts.values())
        pool = list(sc["pool"])
        # rarely-offered entities can join any call (a caller volunteering, a second task)
        for e in ENTITIES[:-1]:
            if e not in pool and R.random() < (0.25 if counts[e] < target * (idx + 1) / n - 3 else 0.05):
                pool.append(e)
        k = R.choice([2, 3, 3, 4] if not want_name else [1, 2, 3, 3, 4])
        if fmt == "json":
            k = min(k, 3)
        k = max(k, 2 if not want_name else 1)
        ents = []
        for _ in range(min(k, len(pool))):
            ws = [max(1.0, target - counts[e]) ** 2 for e in pool]
            e = R.choices(pool, ws)[0]
            pool.remove(e)
            ents.append(e)
        extra = int(want_name) + (1 if profile in ("vapi", "retell", "signalwire") and "PHONE" not in ents else 0)
        while len(ents) + extra > 5:
            ents.pop()
        rec, facts, patient, caller = build_dialogue(R, gen, rn, style, scen, ents, want_name, carriers, bot, persona,
                                                     allow_agent_name=len(ents) + extra < 5)
        # clinical talk from a carrier
        if fmt == "transcript" or R.random() < 0.6:
            add_carrier(rec, R, style, 6 if sc.get("carrier") else 4)
        add_negatives(rec, R, style, R.randint(2, 4))
        for who, t in CLOSINGS[:R.randint(2, 4)]:
            rec.say(who, t)
        while len(rec.turns) < 8:
            add_carrier(rec, R, style, 4)
        if len(rec.turns) > 40:
            rec.turns = rec.turns[:38] + rec.turns[-2:]
        finalize.meta = rec.meta
        if fmt == "transcript":
            if bot:
                labels = R.choice(BOT_LABELS)
            else:
                a, c = sc["human"]
                labels = tuple(x.format(a=a, c=c) for x in R.choice(HUMAN_LABELS))
            text = assemble_transcript(rec, R, labels, R.random() < 0.3)
            kind = ("bot_" if bot else "call_") + scen + "_" + style
        else:
            phone_value = rec.vals.get("PHONE") if hasattr(rec, "vals") and "PHONE" in rec.vals else gen.phone()
            text = payload(profile, rec, rn, R, facts, scen, phone_value, caller,
                           want_name and profile == "signalwire" and getattr(rec, "name_role", "") == "caller" and R.random() < 0.5)
            kind = profile + "_" + scen + "_" + style
        text, spans, negs = finalize(text)
        r = {"id": "h13-%04d" % (idx + 1), "format": fmt}
        if profile:
            r["profile"] = profile
        r.update({"kind": kind, "text": text, "spans": spans, "negatives": negs})
        for s in spans:
            if not s.get("neutral"):
                counts[s["entity"]] += 1
        records.append(r)
    return records


# ----------------------------------------------------------------------------- checking
FILLER = {"uh", "um", "dash", "hyphen", "and", "then", "sorry", "it's", "that's", "is", "the", "of", "er", "hmm"}
LETTER_WORDS = {v: k for k, v in NATO.items()}
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})


def decode(text):
    """Spoken or written identifier -> (string of digits/upper letters, unknown words)."""
    t = text.lower().replace("x-ray", "xray")
    t = re.sub(r"[,.…/()+#\-]", " ", t)
    toks = t.split()
    out = []
    unknown = []
    mult = 1
    pend_thousand = False
    i = 0

    def emit(c):
        nonlocal pend_thousand, mult
        if pend_thousand and c.isdigit():
            out.append("0" * max(0, 3 - len(c)) + c)
            pend_thousand = False
        else:
            if pend_thousand:
                out.append("000")
                pend_thousand = False
            out.append(c * mult)
        mult = 1
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w == "as" and nxt == "in":
            i += 3
            continue
        if w.isdigit():
            emit(w)
        elif w in ("double", "triple"):
            mult = 2 if w == "double" else 3
        elif w in ("o", "oh") or w in WORDNUM:
            emit(str(WORDNUM[w]))
        elif w in TEENS:
            emit(str(10 + TEENS.index(w)))
        elif w in TENS[2:]:
            v = TENS.index(w) * 10
            if nxt in ONES[1:]:
                v += ONES.index(nxt)
                i += 1
            emit(str(v))
        elif w == "hundred":
            out.append("00")
        elif w == "thousand":
            pend_thousand = True
        elif w == "xray":
            emit("X")
        elif w in LETTER_WORDS:
            emit(LETTER_WORDS[w])
        elif len(w) == 1 and w.isalpha():
            emit(w.upper())
        elif re.fullmatch(r"[a-z]+\d+|\d+[a-z]+|[a-z0-9]+", w) and any(c.isdigit() for c in w):
            emit(w.upper())
        elif w in FILLER:
            pass
        else:
            unknown.append(w)
        i += 1
    if pend_thousand:
        out.append("000")
    return "".join(out), unknown


def mbi_ok(v):
    if len(v) != 11:
        return False
    A = set(MBI_ALPHA)
    AN = A | set("0123456789")
    D = set("0123456789")
    rules = [set("123456789"), A, AN, D, A, AN, D, A, A, D, D]
    return all(c in r for c, r in zip(v, rules))


def ssn_ok(v):
    if len(v) != 9 or not v.isdigit():
        return False
    a, g, s = int(v[:3]), int(v[3:5]), int(v[5:])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0 and v not in ("078051120", "123456789", "219099999")


def value_ok(ent, t, form):
    d, unk = decode(t)
    if ent == "SSN":
        if form.startswith("last4"):
            return d.isdigit() and len(d) == 4 and not unk
        return ssn_ok(d) and not unk
    if ent == "PHONE":
        if len(d) == 11 and d[0] == "1":
            d = d[1:]
        return (not unk and len(d) == 10 and d.isdigit() and d[3:6] == "555" and d[6:8] == "01"
                and (int(d[:3]) in AREA_CODES or (form == "business_line" and d[:3] == "800")))
    if ent == "ZIP":
        return not unk and d.isdigit() and len(d) == 5 and d != "00000"
    if ent == "CARD":
        return not unk and d.isdigit() and len(d) in (15, 16) and luhn_ok(d)
    if ent == "NPI":
        return not unk and d.isdigit() and len(d) == 10 and d[0] in "12" and luhn_ok("80840" + d)
    if ent == "MBI":
        return not unk and mbi_ok(d)
    if ent == "MRN":
        return not unk and 7 <= len(d) <= 10 and sum(c.isdigit() for c in d) >= 6
    if ent == "MEMBER_ID":
        return not unk and 8 <= len(d) <= 12 and sum(c.isdigit() for c in d) >= 7
    if ent == "DOB":
        low = t.lower()
        has_month = any(m.lower() in low for m in MONTHS)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-](\d{2}|\d{4})", t):
            return True
        dd, _ = decode(re.sub(r"(?i)\b(" + "|".join(MONTHS) + r")\b", "", t.replace("the ", "")))
        ords = sum(1 for o in ORD[1:] if re.search(r"\b%s\b" % o.split()[-1], low)) or len(re.findall(r"\d+(st|nd|rd|th)", low))
        return (has_month and (len(dd) >= 2 or ords)) or (4 <= len(dd) <= 8)
    if ent == "STREET":
        toks = [x.strip(".,").lower() for x in t.split()]
        first = toks[0]
        return (first.isdigit() or first in WORDNUM or first in TEENS or first in TENS) and any(x in SUFFIX_WORDS for x in toks[1:])
    if ent == "EMAIL":
        if "@" in t:
            return re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", t) is not None
        return re.search(r"\bat\b", t.lower()) is not None and (" dot " in t.lower() or re.search(r"\.(com|net)$", t) is not None)
    if ent == "NAME":
        return bool(t.strip()) and re.fullmatch(r"[A-Za-z][A-Za-z' ,.\-]*", t) is not None and not re.search(r"\d", t)
    return False


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_ ]+\]|[A-Za-z][A-Za-z_0-9 ]*:) \S")


def json_string_ranges(raw_bytes):
    """Byte ranges (inside the quotes) of every JSON string token."""
    out = []
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
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def check_records(records):
    errs = []
    ids = set()
    for r in records:
        rid_ = r.get("id")
        e = lambda m: errs.append("%s: %s" % (rid_, m))
        if rid_ in ids:
            e("duplicate id")
        ids.add(rid_)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                e("%d lines" % len(lines))
            for ln in lines:
                if not ln.strip():
                    e("blank line")
                elif not LABEL_RE.match(ln):
                    e("bad label: %r" % ln[:40])
            if text.endswith("\n"):
                e("trailing newline")
        elif r["format"] == "json":
            if r.get("profile") not in PROFILES:
                e("profile")
            try:
                obj = json.loads(text)
                if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                    e("not compact json")
            except ValueError as x:
                e("json: %s" % x)
            strs = json_string_ranges(b)
        else:
            e("format")
        items = [(s["start"], s["end"], "span", s) for s in r["spans"]] + [(x["start"], x["end"], "neg", x) for x in r["negatives"]]
        items.sort(key=lambda x: (x[0], x[1]))
        last = 0
        part1 = None
        for a, z, kind, s in items:
            if not (0 <= a < z <= len(b)):
                e("range %d-%d" % (a, z))
                continue
            if a < last:
                e("overlap at %d" % a)
            last = z
            try:
                v = b[a:z].decode("utf-8")
                pre = b[:a].decode("utf-8")
                post = b[z:].decode("utf-8")
            except UnicodeDecodeError:
                e("not on char boundary %d-%d" % (a, z))
                continue
            if v != v.strip():
                e("outer whitespace %r" % v)
            if (pre and pre[-1].isalnum()) or (post and post[0].isalnum()):
                if not (r["format"] == "json" and pre.endswith("\\n")):
                    e("glued %r" % v)
            if r["format"] == "json":
                if not any(sa <= a and z <= sz for sa, sz in strs):
                    e("span outside string %r" % v)
                if "\\" in v:
                    e("escape inside span %r" % v)
            if kind == "span" and s.get("form", "").endswith("_part1"):
                part1 = (s["entity"], v)
                continue
            if kind == "span" and s.get("form", "").endswith("_part2"):
                if not part1 or part1[0] != s["entity"] or not value_ok(s["entity"], part1[1] + " " + v, s["form"][:-6]):
                    e("invalid split %s %r" % (s["entity"], v))
                part1 = None
                continue
            if kind == "span":
                if s["entity"] not in ENTITIES:
                    e("entity %s" % s["entity"])
                if s.get("cue") not in ("same", "prev", "none"):
                    e("cue")
                if not isinstance(s.get("spoken"), bool):
                    e("spoken")
                if not value_ok(s["entity"], v, s.get("form", "")):
                    e("invalid %s %r (%s)" % (s["entity"], v, s.get("form")))
    return errs


def stats(records, out=sys.stdout):
    c = collections.Counter()
    vals = collections.Counter()
    negs = collections.Counter()
    fm = collections.Counter()
    for r in records:
        fm[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                c[("neutral",)] += 1
                continue
            e = s["entity"]
            c[(e,)] += 1
            c[(e, "spoken" if s["spoken"] else "written")] += 1
            c[(e, s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    tot = sum(c[(e,)] for e in ENTITIES)
    p = lambda *a: print(*a, file=out)
    p("records: %d  (%s)" % (len(records), ", ".join("%s%s %d" % (f, "/" + pr if pr else "", k) for (f, pr), k in sorted(fm.items()))))
    p("spans: %d (+%d neutral)  negatives: %d" % (tot, c[("neutral",)], sum(negs.values())))
    p("")
    p("| entity | spans | spoken | written | prev | same | none |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    for e in ENTITIES:
        p("| %s | %d | %d | %d | %d | %d | %d |" % (e, c[(e,)], c[(e, "spoken")], c[(e, "written")], c[(e, "prev")], c[(e, "same")], c[(e, "none")]))
    p("| **all** | %d | %d | %d | %d | %d | %d |" % (tot, sum(c[(e, "spoken")] for e in ENTITIES), sum(c[(e, "written")] for e in ENTITIES),
                                                   sum(c[(e, "prev")] for e in ENTITIES), sum(c[(e, "same")] for e in ENTITIES), sum(c[(e, "none")] for e in ENTITIES)))
    p("")
    p("negatives: " + ", ".join("%s %d" % (k, v) for k, v in sorted(negs.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default="")
    a = ap.parse_args()
    if a.check:
        recs = []
        for pth in a.check:
            with open(pth, encoding="utf-8") as f:
                data = f.read()
            if data.endswith("\n\n") or not data.endswith("\n"):
                print("%s: file should end with exactly one newline" % pth)
            recs += [json.loads(x) for x in data.split("\n") if x.strip()]
        errs = check_records(recs)
        for x in errs[:60]:
            print("ERROR", x)
        stats(recs)
        print("\n%d errors" % len(errs))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n, carrier_dir(a.carrier_dir))
    if a.stats:
        errs = check_records(recs)
        for x in errs[:60]:
            print("ERROR", x)
        stats(recs)
        return
    w = sys.stdout
    for r in recs:
        w.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
