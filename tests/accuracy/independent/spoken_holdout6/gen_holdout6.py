#!/usr/bin/env python3
"""Sixth spoken holdout: healthcare phone calls beyond the front desk, as ASR engines and
voice-agent platforms write them, with injected fictitious PHI and labelled look-alikes.

  python3 gen_holdout6.py [--seed N] [--n N] > holdout6.jsonl
  python3 gen_holdout6.py --stats
  python3 gen_holdout6.py --check holdout6.jsonl

Standard library only; deterministic for a given --seed (no hash()/set ordering used).
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import random
import sys

CARRIER_DIR = os.environ.get("CARRIER_DIR", "/work/shared/carrier-sources")

# --------------------------------------------------------------------------- number words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": ["apple", "adam"], "b": ["boy", "bob"], "c": ["cat", "charlie"], "d": ["david", "dog"],
         "e": ["edward", "echo"], "f": ["frank", "fox"], "g": ["george", "golf"], "h": ["henry", "house"],
         "i": ["ice", "ida"], "j": ["john", "jack"], "k": ["kite", "king"], "l": ["larry", "lincoln"],
         "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "oscar"], "p": ["paul", "peter"],
         "q": ["queen", "quebec"], "r": ["robert", "roger"], "s": ["sam", "sugar"], "t": ["tom", "tango"],
         "u": ["umbrella", "uncle"], "v": ["victor", "violet"], "w": ["william", "water"],
         "x": ["x-ray", "xylophone"], "y": ["yellow", "yankee"], "z": ["zebra", "zoo"]}


def w2(n, hy=" "):
    """0..99 as words."""
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else hy + ONES[o])


def cardinal(n, hy=" "):
    if n < 100:
        return w2(n, hy)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + w2(r, hy))
    th, r = divmod(n, 1000)
    s = cardinal(th, hy) + " thousand"
    if r:
        s += " " + cardinal(r, hy)
    return s


def dword(d, zw):
    return zw if d == "0" else ONES[int(d)]


def say_digits(s, zw="zero", runs=False, sep=" "):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        n = j - i
        if runs and n == 3:
            out.append("triple " + dword(s[i], zw))
        elif runs and n == 2:
            out.append("double " + dword(s[i], zw))
        elif runs and n > 3:
            out.append("triple " + dword(s[i], zw))
            out.extend([dword(s[i], zw)] * (n - 3))
        else:
            out.extend([dword(s[i], zw)] * n)
        i = j
    return sep.join(out)


def say_pair(p, zw="oh", hy=" "):
    if p == "00":
        return zw + " " + zw
    if p[0] == "0":
        return zw + " " + ONES[int(p[1])]
    return w2(int(p), hy)


def say_group(g, mode, zw="oh", hy=" "):
    """A digit group in a 'number' style: pairs / hundreds / triples."""
    if mode == "digits" or len(g) == 1:
        return say_digits(g, zw)
    if mode == "runs":
        return say_digits(g, zw, runs=True)
    if len(g) == 2:
        return say_pair(g, zw, hy)
    if len(g) == 3:
        if g[1:] == "00" and g[0] != "0":
            return ONES[int(g[0])] + " hundred"
        if g[0] == "0":
            return zw + " " + say_pair(g[1:], zw, hy)
        return ONES[int(g[0])] + " " + say_pair(g[1:], zw, hy)
    if len(g) == 4:
        if g[2:] == "00" and g[0] == "0" and g[1] != "0" and mode == "hundreds":
            return zw + " " + ONES[int(g[1])] + " hundred"
        if g[2:] == "00" and g[0] != "0" and mode == "hundreds":
            return w2(int(g[:2]), hy) + " hundred" if g[:2] not in ("10",) else "one thousand"
        if g[1:] == "000" and g[0] != "0":
            return ONES[int(g[0])] + " thousand"
        return say_pair(g[:2], zw, hy) + " " + say_pair(g[2:], zw, hy)
    if len(g) == 5:
        if g[3:] == "00" and g[2] != "0" and mode == "hundreds":
            return say_digits(g[:2], zw) + " " + ONES[int(g[2])] + " hundred"
        return say_digits(g[:3], zw) + " " + say_pair(g[3:], zw, hy)
    # longer: pairs
    parts = [g[i:i + 2] for i in range(0, len(g), 2)]
    return " ".join(say_pair(p, zw, hy) if len(p) == 2 else dword(p, zw) for p in parts)


# --------------------------------------------------------------------------- value makers
AREA = ["201", "202", "206", "210", "212", "213", "214", "215", "216", "217", "253", "267", "303",
        "305", "312", "313", "314", "317", "319", "401", "402", "404", "405", "406", "410", "414",
        "415", "417", "419", "501", "502", "503", "505", "507", "512", "515", "518", "520", "541",
        "559", "586", "601", "602", "603", "608", "612", "614", "615", "617", "651", "702", "704",
        "713", "716", "720", "757", "763", "802", "804", "808", "813", "816", "860", "901", "907",
        "913", "916", "919", "937", "971", "973", "985"]
ZIPPFX = ["021", "024", "060", "071", "100", "104", "112", "130", "146", "152", "191", "200", "207",
          "212", "232", "275", "282", "303", "322", "331", "352", "372", "402", "432", "462", "481",
          "532", "554", "606", "631", "641", "681", "701", "731", "752", "770", "787", "802", "841",
          "850", "871", "891", "900", "921", "941", "956", "972", "981", "995"]
GIVEN = ["Maria", "Dana", "Luis", "Thanh", "Minh", "Ngozi", "Chidi", "Tomasz", "Agnieszka", "Emre",
         "Aylin", "Priya", "Rohan", "Wei", "Mei", "Omar", "Layla", "Brenda", "Gary", "Shauna",
         "DeShawn", "Keisha", "Olusegun", "Folake", "Bartosz", "Zeynep", "Anjali", "Xiaoling",
         "Hamza", "Yasmin", "Rosalind", "Earl", "Consuelo", "Rafael", "Lan", "Quang", "Ifeoma",
         "Krzysztof", "Deniz", "Sunita", "Jun", "Tariq", "Noor", "Wanda", "Dwight", "Marisol",
         "Paulette", "Hector", "Graciela", "Bao", "Tuan", "Adaeze", "Halina", "Murat", "Kavya",
         "Li", "Samir", "Rania", "Loretta", "Vernon", "Colleen", "Ignacio", "Hoa", "Beatriz"]
SURNAME = ["Reyes", "Okafor", "Nguyen", "Tran", "Kowalczyk", "Ozturk", "Patel", "Chen", "Haddad",
           "Hughes", "Alvarado", "Adeyemi", "Wisniewski", "Yildiz", "Iyer", "Zhang", "Mansour",
           "Pruitt", "Castellanos", "Le", "Eze", "Nowak", "Demir", "Raghunathan", "Liu", "Khalil",
           "Whitfield", "Villanueva", "Pham", "Obi", "Grabowski", "Aksoy", "Venkatesan", "Huang",
           "Saleh", "Lindqvist", "Montoya", "Vo", "Nwosu", "Zielinski", "Kaya", "Bhattacharya",
           "Guo", "Farouk", "McAllister", "Quintero", "Dinh", "Okonkwo", "Jablonski", "Celik",
           "Subramanian", "Xu", "Darwish", "Boudreaux", "Espinoza", "Hoang", "Achebe", "Mazur"]
STREETS = ["Elm", "Maple", "Oak", "Cedar", "Juniper", "Willow", "Harbor", "Sycamore", "Magnolia",
           "Old Mill", "Prospect", "Ridgeview", "Lakeshore", "Pinecrest", "Beacon", "Hawthorne",
           "Fairmount", "Brookside", "Chestnut", "Quail Run", "Mesa Verde", "Dogwood", "Palmetto",
           "Kingsley", "Cypress", "Arbor", "Sunnyside", "Garfield", "Tamarack", "Linden"]
NUMSTREETS = [(3, "3rd", "third"), (5, "5th", "fifth"), (6, "6th", "sixth"), (12, "12th", "twelfth"),
              (21, "21st", "twenty first"), (42, "42nd", "forty second"), (68, "68th", "sixty eighth")]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"), ("Place", "Pl."),
          ("Terrace", "Ter."), ("Circle", "Cir."), ("Parkway", "Pkwy.")]
DOMAINS = [("gmail.com", "gmail dot com", "g mail dot com"), ("yahoo.com", "yahoo dot com", "yahoo dot com"),
           ("outlook.com", "outlook dot com", "outlook dot com"), ("aol.com", "aol dot com", "a o l dot com"),
           ("icloud.com", "icloud dot com", "i cloud dot com"), ("hotmail.com", "hotmail dot com", "hotmail dot com"),
           ("comcast.net", "comcast dot net", "comcast dot net"), ("att.net", "att dot net", "a t t dot net"),
           ("proton.me", "proton dot me", "proton dot m e")]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
TEST_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "2223003122003222",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
              "3530111333300000", "5105105105105100", "4012888888881881", "30569309025904",
              "5200828282828210", "4000056655665556"]


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


def npi_ok(s):
    return len(s) == 10 and s[0] in "12" and luhn_ok("80840" + s)


def mbi_ok(s):
    if len(s) != 11:
        return False
    L = set(MBI_L)
    for i, ch in enumerate(s, 1):
        if i == 1 and not ch in "123456789":
            return False
        if i in (2, 5, 8, 9) and ch not in L:
            return False
        if i in (3, 6) and not (ch in L or ch.isdigit()):
            return False
        if i in (4, 7, 10, 11) and not ch.isdigit():
            return False
    return True


def ssn_ok(s):
    return (len(s) == 9 and s.isdigit() and "001" <= s[:3] <= "899" and s[:3] != "666"
            and s[3:5] != "00" and s[5:] != "0000")


class Values:
    def __init__(self, rng):
        self.r = rng

    def name(self):
        return self.r.choice(GIVEN), self.r.choice(SURNAME)

    def phone(self):
        return self.r.choice(AREA) + "55501" + ("00" if self.r.random() < 0.06 else "%02d" % self.r.randrange(100))

    def ssn(self):
        while True:
            s = "%03d%02d%04d" % (self.r.randint(1, 899), self.r.randint(1, 99), self.r.randint(1, 9999))
            if ssn_ok(s):
                return s

    def dob(self, medicare=False):
        y = self.r.randint(1932, 1959) if medicare else self.r.randint(1931, 2012)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
        return (y, m, d)

    def mrn(self):
        shape = self.r.choice(["d6", "d7", "d8", "d9", "d10", "M8", "MR7", "E9", "H6", "KP8", "d8"])
        n = int(re.sub(r"\D", "", shape))
        pfx = re.sub(r"[d0-9]", "", shape)
        digs = "".join(self.r.choice("0123456789") for _ in range(n))
        if digs[0] == "0" and not pfx:
            digs = self.r.choice("123456789") + digs[1:]
        return pfx + digs

    def mbi(self):
        r = self.r
        D = "0123456789"
        c = [r.choice("123456789"), r.choice(MBI_L), r.choice(MBI_L + D), r.choice(D), r.choice(MBI_L),
             r.choice(MBI_L + D), r.choice(D), r.choice(MBI_L), r.choice(MBI_L), r.choice(D), r.choice(D)]
        return "".join(c)

    def card(self):
        if self.r.random() < 0.6:
            return self.r.choice(TEST_CARDS)
        b = self.r.choice(["411111", "424242", "555555", "601100", "222300", "401288"])
        body = b + "".join(self.r.choice("0123456789") for _ in range(9))
        return luhn_complete(body)

    def npi(self):
        while True:
            body = self.r.choice("12") + "".join(self.r.choice("0123456789") for _ in range(8))
            for c in "0123456789":
                if npi_ok(body + c):
                    return body + c

    def zip(self):
        z = self.r.choice(ZIPPFX) + ("00" if self.r.random() < 0.08 else "%02d" % self.r.randint(1, 99))
        if self.r.random() < 0.3:
            z += "%04d" % self.r.randint(1, 9999)
        return z

    def member(self):
        r = self.r
        D = "0123456789"
        U = "ABCDEFGHJKLMNPRSTUVWXYZ"
        shape = r.choice(["W9", "LLL9", "9-02", "U8-01", "H8", "LL5L", "LLL8L", "M1", "9+01", "XLL9"])
        d = lambda n: "".join(r.choice(D) for _ in range(n))
        if shape == "W9":
            return "W" + d(9)
        if shape == "LLL9":
            return "".join(r.choice(U) for _ in range(3)) + d(9)
        if shape == "9-02":
            return d(9) + "0" + r.choice("123")
        if shape == "U8-01":
            return "U" + d(8) + "01"
        if shape == "H8":
            return "H" + d(8)
        if shape == "LL5L":
            return r.choice(U) + r.choice(U) + d(5) + r.choice(U)
        if shape == "LLL8L":
            return "".join(r.choice(U) for _ in range(3)) + d(8) + r.choice(U)
        if shape == "M1":
            return "M" + d(2) + r.choice(U) + d(5) + r.choice(U)
        if shape == "9+01":
            return d(11)
        return "X" + r.choice(U) + r.choice(U) + d(9)

    def street(self):
        r = self.r
        hn = r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9999),
                       r.randint(100, 999), r.choice([1400, 2100, 1900, 300, 5000, 2001, 1206, 405])])
        if r.random() < 0.25:
            num = r.choice(NUMSTREETS)
            sname = (num[1], num[2])
        else:
            nm = r.choice(STREETS)
            if r.random() < 0.15:
                nm = r.choice(["North ", "South ", "East ", "West "]) + nm
            sname = (nm, nm.lower())
        suf = r.choice(SUFFIX)
        unit = None
        if r.random() < 0.35:
            unit = (r.choice(["Apartment", "Apt", "Unit", "Suite", "#"]),
                    r.choice([str(r.randint(1, 30)), str(r.randint(1, 9)) + r.choice("ABCD"),
                              str(r.randint(101, 412))]))
        return (hn, sname, suf, unit)

    def email(self, given, sur):
        r = self.r
        g, s = given.lower(), sur.lower()
        style = r.choice(["g.s", "gs", "g_s", "gs##", "g.s##", "ginit_s", "s.g", "g-s", "word##"])
        n = str(r.randint(1, 99)) if r.random() < 0.5 else str(r.randint(1950, 2005))
        loc = {"g.s": g + "." + s, "gs": g + s, "g_s": g + "_" + s, "gs##": g + s + n,
               "g.s##": g + "." + s + n, "ginit_s": g[0] + s, "s.g": s + "." + g, "g-s": g + "-" + s,
               "word##": r.choice(["sunnyday", "bluejay", "grandma", "tigerlily", "nurse.mom",
                                   "fishingdad", "mrsgardener"]) + n}[style]
        return loc, r.choice(DOMAINS)


# --------------------------------------------------------------------------- renderers
class Styl:
    """Per-record rendering style."""

    def __init__(self, kind, lower, written_p, letters):
        self.kind = kind
        self.lower = lower          # lower-case, no punctuation ASR
        self.written_p = written_p  # probability that a number value is smart-formatted
        self.letters = letters      # preferred letter style


class R:
    """Renderer of values; returns (text, form, spoken)."""

    def __init__(self, rng, st):
        self.r = rng
        self.st = st

    def hy(self):
        return " " if self.st.lower else self.r.choice(["-", " "])

    def seps(self):
        if self.st.lower:
            return [" ", " ", " uh ", " um "]
        return [", ", " ", " - ", "... ", ", uh, ", " dash ", ". "]

    def zw(self):
        return self.r.choice(["zero", "oh", "o"] if self.st.lower else ["zero", "oh", "oh", "O"])

    def groups(self, s, sizes, allow_written=True, kind_mix=True):
        """Render digit string s grouped by sizes; returns (text, form, spoken)."""
        r = self.r
        gs = []
        i = 0
        for n in sizes:
            gs.append(s[i:i + n])
            i += n
        if allow_written and r.random() < self.st.written_p:
            sep = r.choice(["-", " ", "-", ""]) if len(sizes) > 1 else ""
            return sep.join(gs), "written_%s" % {"-": "dash", " ": "space", "": "run"}[sep], False
        mode = r.choice(["digits", "digits", "runs", "pairs", "hundreds", "mixed"] if kind_mix else
                        ["digits", "runs", "pairs"])
        zw = self.zw()
        sep = r.choice(self.seps())
        parts = []
        for gi, g in enumerate(gs):
            m = mode
            if mode == "mixed":
                m = "numeral" if r.random() < 0.5 else "digits"
                if gi == len(gs) - 1 and all(p.isdigit() for p in parts):
                    m = "digits"
            if m == "numeral":
                parts.append(g)
            elif m == "digits":
                parts.append(say_digits(g, zw))
            elif m == "runs":
                parts.append(say_digits(g, zw, runs=True))
            else:
                parts.append(say_group(g, "hundreds" if m == "hundreds" else "pairs", zw, self.hy()))
        if mode == "mixed" and all(p.isdigit() for p in parts):
            parts[0] = say_digits(gs[0], zw)
        txt = sep.join(parts)
        if r.random() < 0.12 and len(parts) > 1 and not self.st.lower:
            # restart: the first group said twice
            txt = parts[0] + "... " + txt
            mode += "_restart"
        zn = {"zero": "zero", "oh": "oh", "o": "o", "O": "O"}[zw]
        sn = {", ": "comma", " ": "space", " - ": "dash", "... ": "ellipsis", ", uh, ": "uh",
              " uh ": "uh", " um ": "um", " dash ": "dashword", ". ": "period"}[sep]
        return txt, "%s_%s_%s" % (mode, zn, sn), True

    def letters_of(self, s, style=None):
        """Spell letters/digits mix; letters in a letter style, digits digit by digit."""
        r = self.r
        style = style or r.choice(["plain", "plain", "nato", "as_in", "upper_dot" if not self.st.lower else "plain",
                                   "upper" if not self.st.lower else "nato"])
        out = []
        zw = self.zw()
        for ch in s:
            if ch.isdigit():
                out.append(dword(ch, zw))
            elif style == "plain":
                out.append(ch.lower() if self.st.lower else ch.upper())
            elif style == "nato":
                out.append(NATO[ch.lower()])
            elif style == "as_in":
                wd = r.choice(AS_IN[ch.lower()])
                out.append("%s as in %s" % (ch.lower() if self.st.lower else ch.upper(),
                                            wd if self.st.lower else wd.capitalize()))
            elif style == "upper_dot":
                out.append(ch.upper() + ".")
            else:
                out.append(ch.upper())
        sep = ", " if style == "as_in" and not self.st.lower else " "
        return sep.join(out), style

    def alnum(self, s, group=None):
        """Ids with letters (MBI, member id, MRN)."""
        r = self.r
        if r.random() < self.st.written_p:
            if group and r.random() < 0.5:
                out, i = [], 0
                for n in group:
                    out.append(s[i:i + n])
                    i += n
                return "-".join(out), "written_alnum_dash", False
            return s, "written_alnum", False
        lead = re.match(r"[A-Z]*", s).group(0)
        rest = s[len(lead):]
        style = r.choice(["all_spelled", "letters_then_numbers", "letters_then_numbers", "mixed_numeral"])
        if style == "mixed_numeral" and self.st.lower:
            style = "all_spelled"
        if style == "letters_then_numbers" and lead and rest.isdigit() and len(rest) >= 4:
            lt, ls = self.letters_of(lead)
            dt, df, _ = self.groups(rest, split_sizes(len(rest)), allow_written=False)
            return lt + r.choice([" ", ", ", " uh "] if not self.st.lower else [" ", " uh "]) + dt, \
                "alnum_%s_%s" % (ls, df), True
        if style == "mixed_numeral" and lead and rest.isdigit():
            lt, ls = self.letters_of(lead)
            return lt + " " + rest, "alnum_%s_numeral" % ls, True
        txt, ls = self.letters_of(s)
        if group and r.random() < 0.5:
            # pauses between groups
            toks = txt.split(", " if ", " in txt else " ")
            # recompute by character groups when style is one token per char
            if len(toks) == len(s):
                out, i = [], 0
                for n in group:
                    out.append(" ".join(toks[i:i + n]))
                    i += n
                sep = r.choice(["... ", ", "] if not self.st.lower else [" uh ", " "])
                return sep.join(out), "alnum_spelled_%s_grouped" % ls, True
        return txt, "alnum_spelled_%s" % ls, True


def split_sizes(n):
    return {4: [4], 5: [5], 6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [3, 3, 3], 10: [3, 3, 4], 11: [3, 4, 4],
            12: [4, 4, 4]}.get(n, [n])


def ordinal_words(d, hy=" "):
    if d in ORD:
        return ORD[d]
    t, o = divmod(d, 10)
    return TENS[t] + hy + ORD[o]


def year_words(y, r, zw="oh"):
    if y < 2000:
        return w2(y // 100) + " " + say_pair("%02d" % (y % 100), zw)
    if y < 2010:
        return r.choice(["two thousand " + ONES[y % 100], "two thousand and " + ONES[y % 100],
                         "twenty " + zw + " " + ONES[y % 100]])
    return r.choice(["twenty " + w2(y % 100), "two thousand " + w2(y % 100)])


def render_dob(v, rr, written_ok=True):
    r = rr.r
    y, m, d = v
    lower = rr.st.lower
    if written_ok and r.random() < rr.st.written_p:
        f = r.choice(["mdy_slash", "mdy_slash_short", "month_d_y", "month_dth_y", "iso", "m_d_yy"])
        t = {"mdy_slash": "%02d/%02d/%d" % (m, d, y), "mdy_slash_short": "%d/%d/%d" % (m, d, y),
             "month_d_y": "%s %d, %d" % (MONTHS[m - 1], d, y),
             "month_dth_y": "%s %s, %d" % (MONTHS[m - 1], str(d) + ("th" if 10 <= d % 100 <= 20 else
                                                                     {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")), y),
             "iso": "%d-%02d-%02d" % (y, m, d), "m_d_yy": "%d/%d/%02d" % (m, d, y % 100)}[f]
        return t, "written_" + f, False
    zw = r.choice(["oh", "zero", "o"] if lower else ["oh", "zero"])
    hy = " " if lower else r.choice([" ", "-"])
    mon = MONTHS[m - 1].lower() if lower else MONTHS[m - 1]
    yw = year_words(y, r, zw)
    yy = say_pair("%02d" % (y % 100), zw, hy) if y < 2000 else yw  # nobody says "twelve" for 2012
    f = r.choice(["month_ord_year", "month_card_year", "the_ord_of_month", "num_mdy_lead", "num_mdy_nolead",
                  "digits_mmddyyyy", "month_ord_yy", "num_slash", "month_ord_comma_year", "mixed_month_numyear"])
    if f == "month_ord_year":
        t = "%s %s %s" % (mon, ordinal_words(d, hy), yw)
    elif f == "month_card_year":
        t = "%s %s %s" % (mon, w2(d, hy), yw)
    elif f == "the_ord_of_month":
        t = "the %s of %s %s" % (ordinal_words(d, hy), mon, yw)
    elif f == "num_mdy_lead":
        t = "%s %s %s" % (say_pair("%02d" % m, zw, hy), say_pair("%02d" % d, zw, hy), yy if r.random() < 0.6 else yw)
    elif f == "num_mdy_nolead":
        t = "%s %s %s" % (w2(m), w2(d, hy), yy if r.random() < 0.5 else yw)
    elif f == "digits_mmddyyyy":
        t = say_digits("%02d%02d%d" % (m, d, y), zw)
    elif f == "month_ord_yy":
        t = "%s %s %s" % (mon, ordinal_words(d, hy), yy)
    elif f == "num_slash":
        t = "%s slash %s slash %s" % (say_pair("%02d" % m, zw, hy), say_pair("%02d" % d, zw, hy), yy)
    elif f == "month_ord_comma_year":
        t = "%s %s%s %s" % (mon, ordinal_words(d, hy), "" if lower else ",", yw)
    else:
        t = "%s %s %d" % (mon, ordinal_words(d, hy) if r.random() < 0.5 else str(d), y)
        f = "mixed_month_numyear"
    if not lower and r.random() < 0.15 and f.startswith("num"):
        t = t.replace(" ", ", uh, ", 1)
        f += "_uh"
    elif lower and r.random() < 0.15:
        t = t.replace(" ", " uh ", 1)
        f += "_uh"
    return t, f, True


def render_name(g, s, rr, part="full"):
    r = rr.r
    lower = rr.st.lower
    if part == "full":
        t = g + " " + s
        if r.random() < 0.12:
            t = g + " " + r.choice("ABCDEFGHJKLMNPRST") + ". " + s if not lower else g + " " + r.choice("abcdjmr") + " " + s
            f = "name_middle_initial"
        elif r.random() < 0.1 and not lower:
            t = s + ", " + g
            f = "name_last_first"
        else:
            f = "name_full"
    elif part == "given":
        t, f = g, "name_given"
    else:
        t, f = s, "name_surname"
    if lower:
        t = t.lower()
        f += "_lower"
    return t, f, True


def render_spelled(word, rr):
    r = rr.r
    lower = rr.st.lower
    w = re.sub(r"[^A-Za-z]", "", word)
    if lower:
        style = r.choice(["plain", "plain", "nato", "as_in"])
    else:
        style = r.choice(["upper_space", "upper_dash", "upper_dot", "nato", "as_in", "mixed_as_in"])
    if style == "plain":
        return " ".join(w.lower()), "spelled_plain", True
    if style == "upper_space":
        return " ".join(w.upper()), "spelled_upper_space", True
    if style == "upper_dash":
        return "-".join(w.upper()), "spelled_upper_dash", True
    if style == "upper_dot":
        return " ".join(c + "." for c in w.upper()), "spelled_upper_dot", True
    if style == "nato":
        t = " ".join(NATO[c] for c in w.lower())
        return (t if lower else t.capitalize()), "spelled_nato", True
    if style == "as_in":
        sep = " " if lower else ", "
        return sep.join("%s as in %s" % (c if lower else c.upper(), r.choice(AS_IN[c]) if lower else
                                         r.choice(AS_IN[c]).capitalize()) for c in w.lower()), "spelled_as_in", True
    # mixed: only the confusable letters get "as in"
    out = []
    for c in w.lower():
        if c in "bdeptvmnsf" and r.random() < 0.6:
            out.append("%s as in %s" % (c.upper(), r.choice(AS_IN[c]).capitalize()))
        else:
            out.append(c.upper())
    return ", ".join(out), "spelled_mixed_as_in", True


def render_phone(p, rr):
    r = rr.r
    if r.random() < rr.st.written_p:
        f = r.choice(["paren", "dash", "dot", "plain", "plus1"])
        t = {"paren": "(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "dash": "%s-%s-%s" % (p[:3], p[3:6], p[6:]),
             "dot": "%s.%s.%s" % (p[:3], p[3:6], p[6:]), "plain": p,
             "plus1": "+1 %s-%s-%s" % (p[:3], p[3:6], p[6:])}[f]
        return t, "written_" + f, False
    t, f, sp = rr.groups(p, [3, 3, 4], allow_written=False)
    if r.random() < 0.1:
        t = "one " + t
        f = "lead1_" + f
    return t, f, sp


def render_zip(z, rr):
    r = rr.r
    if r.random() < rr.st.written_p:
        return (z if len(z) == 5 else z[:5] + "-" + z[5:]), "written_zip" + ("4" if len(z) > 5 else ""), False
    zw = rr.zw()
    f = r.choice(["digits", "digits", "pair_end", "pairs_front", "hundreds"])
    z5 = z[:5]
    if f == "pairs_front" and z5[1] == "0":
        f = "pair_end"
    if f == "digits":
        t = say_digits(z5, zw, runs=r.random() < 0.3)
    elif f == "pair_end":
        t = say_digits(z5[:3], zw) + " " + say_pair(z5[3:], zw, rr.hy())
    elif f == "pairs_front":
        t = say_pair(z5[:2], zw, rr.hy()) + " " + dword(z5[2], zw) + " " + say_pair(z5[3:], zw, rr.hy())
    else:
        if z5[3:] == "00" and z5[2] != "0":
            t = say_digits(z5[:2], zw) + " " + ONES[int(z5[2])] + " hundred"
        else:
            t = say_digits(z5, zw)
            f = "digits"
    if len(z) > 5:
        t += r.choice([" dash ", " ", "... "] if not rr.st.lower else [" dash ", " "]) + say_digits(z[5:], zw)
        f += "_plus4"
    return t, "zip_" + f, True


def render_street(v, rr):
    r = rr.r
    hn, sname, suf, unit = v
    lower = rr.st.lower
    if r.random() < rr.st.written_p:
        t = "%d %s %s" % (hn, sname[0], r.choice([suf[0], suf[1]]))
        if unit:
            t += ", %s %s" % ("Apt" if unit[0] == "Apartment" else unit[0], unit[1]) if unit[0] != "#" else ", #" + unit[1]
        return t.replace("# ", "#"), "written_street" + ("_unit" if unit else ""), False
    s = str(hn)
    hf = r.choice(["pairs", "digits", "card"])
    if len(s) == 4 and s[2:] == "00":
        ht, hf = w2(int(s[:2])) + " hundred", "hundred"
    elif len(s) == 4 and s[1:] == "000":
        ht, hf = cardinal(hn), "card"
    elif hf == "pairs" and len(s) >= 3:
        ht = say_group(s, "pairs", "oh", " ")
    elif hf == "digits":
        ht = say_digits(s, r.choice(["oh", "zero"]))
    else:
        ht, hf = cardinal(hn), "card"
    if r.random() < 0.15 and not lower:
        ht, hf = s, "numeral"
    sn = sname[1] if (sname[0][0].isdigit() and r.random() < 0.6) else sname[0]
    t = "%s %s %s" % (ht, sn, suf[0])
    if unit:
        uw = {"Apartment": "apartment", "Apt": "apartment", "Unit": "unit", "Suite": "suite", "#": "number"}[unit[0]]
        u = unit[1]
        ut = " ".join(dword(c, "oh") if c.isdigit() else c.lower() for c in u) if r.random() < 0.5 or not u.isdigit() \
            else cardinal(int(u))
        t += r.choice([" ", ", "] if not lower else [" "]) + uw + " " + ut
    if lower:
        t = t.lower()
    return t, "house_%s%s" % (hf, "_unit" if unit else ""), True


def render_email(loc, dom, rr):
    r = rr.r
    if r.random() < rr.st.written_p * 1.2:
        return loc + "@" + dom[0], "written_email", False
    f = r.choice(["words", "words", "spell_local", "half_written", "at_sign", "all_one_word"])

    def say_local(l):
        out = []
        for piece in re.split(r"([._\-]|\d+)", l):
            if not piece:
                continue
            if piece == ".":
                out.append("dot")
            elif piece == "_":
                out.append("underscore")
            elif piece == "-":
                out.append(r.choice(["dash", "hyphen"]))
            elif piece.isdigit():
                out.append(say_group(piece, "pairs", "oh", " ") if len(piece) in (2, 4) else say_digits(piece))
            else:
                out.append(piece)
        return " ".join(out)
    dsp = dom[2] if r.random() < 0.4 else dom[1]
    if f == "words":
        t = say_local(loc) + " at " + dsp
    elif f == "spell_local":
        letters = []
        for c in loc:
            letters.append({".": "dot", "_": "underscore", "-": "dash"}.get(c, dword(c, "zero") if c.isdigit() else c))
        t = " ".join(letters) + " at " + dsp
    elif f == "half_written":
        t = loc + " at " + dsp if r.random() < 0.5 else say_local(loc) + "@" + dom[0]
    elif f == "at_sign":
        t = say_local(loc) + " at sign " + dsp
    else:
        t = say_local(loc) + " all one word at " + dsp
    if rr.st.lower:
        t = t.replace("@", " at ").lower()
    return t, "email_" + f, True


def render_value(ent, v, rr, variant=None):
    """One rendering of a value. variant: 'last4' etc."""
    r = rr.r
    if ent == "PHONE":
        return render_phone(v, rr)
    if ent == "SSN":
        if variant == "last4":
            t, f, sp = rr.groups(v[5:], [4])
            return t, "last4_" + f, sp
        if r.random() < rr.st.written_p:
            return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "written_ssn", False
        return rr.groups(v, [3, 2, 4], allow_written=False)
    if ent == "CARD":
        if variant == "last4":
            t, f, sp = rr.groups(v[-4:], [4])
            return t, "last4_" + f, sp
        sz = [4, 6, 5] if len(v) == 15 else ([4, 6, 4] if len(v) == 14 else [4, 4, 4, 4])
        if r.random() < rr.st.written_p:
            out, i = [], 0
            for n in sz:
                out.append(v[i:i + n])
                i += n
            return " ".join(out), "written_card", False
        return rr.groups(v, sz, allow_written=False)
    if ent == "NPI":
        return rr.groups(v, r.choice([[10], [3, 3, 4], [5, 5], [4, 3, 3]]))
    if ent == "ZIP":
        return render_zip(v, rr)
    if ent == "DOB":
        return render_dob(v, rr)
    if ent == "MBI":
        return rr.alnum(v, [4, 3, 4])
    if ent in ("MRN", "MEMBER_ID"):
        if v.isdigit():
            return rr.groups(v, split_sizes(len(v)))
        return rr.alnum(v)
    if ent == "STREET":
        return render_street(v, rr)
    if ent == "EMAIL":
        return render_email(v[0], v[1], rr)
    raise ValueError(ent)


# --------------------------------------------------------------------------- carriers
NAME_SCREEN = set(w.lower() for w in GIVEN + SURNAME) | set("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent
ralph eugene russell bobby mason philip louis mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda
dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna ruth
brenda pamela nicole katherine samantha christine emma catherine debra virginia rachel carolyn janet
maria heather diane julie joyce victoria kelly christina lauren joan evelyn olivia judith megan cheryl
martha andrea frances hannah jacqueline ann gloria jean kathryn alice teresa sara janice doris madison
julia grace judy abigail marie denise beverly amber theresa marilyn danielle diana brittany natalie
sophia rose isabella alexis kayla charlotte sean charles diana christine bobby martha hernandez smith
johnson williams brown jones garcia miller davis rodriguez martinez lopez gonzalez wilson anderson
taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
young allen king wright scott torres hill flores green adams nelson baker hall rivera campbell mitchell
carter roberts gomez phillips evans turner diaz parker cruz edwards collins stewart morris murphy cook
rogers morgan peterson cooper reed bailey bell kelly howard ward cox richardson wood watson brooks
bennett gray james hughes price sanders myers long ross foster kim jimenez powell jenkins russell
""".split())
ALLOWED_CAPS = set("I I'm I've I'll I'd OK Okay Doctor Patient Tylenol Advil Motrin".split())
TITLE_RE = re.compile(r"\b(mr|mrs|ms|miss|missus|mister|dr|doctor|nurse|hey|hi|hello|morning|afternoon|thanks|thank you)[.,]?\s+([a-z]+)", re.I)
TITLE_OK = set("""and to for i you that is was the a about who office visit has will at in on there so okay
how how's what it's it we me my your said told says thinks can could would should again back today
doing um uh mm-hmm yeah yes just good nice well oh all everyone everybody guys again then but this there's
with very too much i'm let's""".split())
DROP_RE = re.compile(r"\d{3}|\bborn\b|birth|birthday|address|phone|e-?mail|social security|insurance|zip|"
                     r"\bninety|\b9\d\b|\bname\b|spell|street|avenue|\bcity\b|\bage\b|how old|years? old|"
                     r"doctor x|\babc\b|yyyy|xxx|\bxx\b|\[|\]|@|\bmedicare\b|\bmedicaid\b", re.I)
ASK_RE = re.compile(r"name|birth|how old|spell|\bage\b|address", re.I)
MONTH_RE = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|"
                      r"december|jan|feb|aug|sept|oct|nov|dec)\b|\bmay (the )?\w*(st|nd|rd|th)\b|\bmay \d", re.I)


def clean_turn(t):
    t = re.sub(r"<[^>]*>", " ", t)
    t = re.sub(r"\s+([,.?!])", r"\1", t)
    t = re.sub(r"\bwan na\b", "wanna", t)
    t = re.sub(r"\bgon na\b", "gonna", t)
    t = re.sub(r"\s+", " ", t).strip()
    if len(t) > 320:
        cut = t[:320].rsplit(" ", 1)[0]
        t = cut.rstrip(",;") + ("." if t[0].isupper() else "")
    return t


def screen(turns, cased):
    keep = []
    skip = 0
    for role, t in turns:
        bad = False
        if skip:
            skip -= 1
            bad = True
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", t)
        if any(w.lower() in NAME_SCREEN for w in words):
            bad = True
        if DROP_RE.search(t) or MONTH_RE.search(t):
            bad = True
        for m in TITLE_RE.finditer(t):
            if m.group(2).lower() not in TITLE_OK:
                bad = True
        if cased:
            for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+)", t):
                start = m.start()
                prev = t[:start].rstrip()
                if prev and prev[-1] not in ".?!" and m.group(1) not in ALLOWED_CAPS:
                    bad = True
                    break
        if ASK_RE.search(t):
            skip = 3
        if not t or len(t) < 2:
            bad = True
        keep.append(None if bad else (role, t))
    return keep


def load_carriers():
    out = []
    for f in sorted(glob.glob(os.path.join(CARRIER_DIR, "aci-bench", "*.csv"))):
        csv.field_size_limit(10 ** 9)
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line.strip())
                    if m:
                        turns.append(("d" if m.group(1) == "doctor" else "p", clean_turn(m.group(2))))
                out.append(("aci", row.get("id", ""), screen(turns, False)))
    for f in sorted(glob.glob(os.path.join(CARRIER_DIR, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient):\s*(.*)", line)
                    if m:
                        turns.append(("d" if m.group(1) == "Doctor" else "p", clean_turn(m.group(2))))
                    elif line.strip():
                        turns.append(("x", ""))
                if len(turns) >= 6:
                    out.append(("mts", os.path.basename(f) + ":" + row["ID"], screen(turns, True)))
    pm = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(CARRIER_DIR, "primock57", "*.TextGrid"))):
        m = re.match(r"(day\d+_consultation\d+)_(doctor|patient)", os.path.basename(f))
        if not m:
            continue
        with open(f, encoding="utf-8") as fh:
            txt = fh.read()
        for xm, tx in re.findall(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
            tx = clean_turn(tx.replace('""', '"'))
            if tx and re.search(r"[A-Za-z]", tx):
                pm[m.group(1)].append((float(xm), "d" if m.group(2) == "doctor" else "p", tx))
    for k in sorted(pm):
        turns = [(r, t) for _, r, t in sorted(pm[k])]
        out.append(("primock", k, screen(turns, True)))
    return out


def carrier_window(rng, carriers, src, k, lower):
    pool = [c for c in carriers if c[0] in src]
    for _ in range(50):
        c = rng.choice(pool)
        runs, cur = [], []
        for t in c[2]:
            if t is None or t[0] == "x":
                if cur:
                    runs.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            runs.append(cur)
        runs = [x for x in runs if len(x) >= min(k, 3)]
        if not runs:
            continue
        run = rng.choice(runs)
        st = rng.randrange(0, max(1, len(run) - k + 1))
        win = run[st:st + k]
        res = []
        for role, t in win:
            if lower:
                t = re.sub(r"[.,?!;:\"]", "", t.lower())
                t = re.sub(r"\s+", " ", t).strip()
            if t:
                res.append((role, t))
        if len(res) >= 2:
            return c[0], res
    return None, []


# --------------------------------------------------------------------------- scenarios
SETTINGS = [
    ("payer", "Member Services", ["Rep", "Member"], "Thank you for calling Lakeshore Health Plan member services. How can I help you today?"),
    ("pbm", "Pharmacy Help Desk", ["Pharmacist", "Caller"], "Pharmacy help desk, this is the pharmacist on duty. What can I do for you?"),
    ("infusion", "Home Infusion", ["Nurse", "Patient"], "Hi, I'm calling from Crestline Home Infusion about your delivery and your nursing visit this week."),
    ("hearing", "Hearing Aid Center", ["Audiology", "Caller"], "Good afternoon, Clearwave Hearing Center, how may I help you?"),
    ("nemt", "Transportation Broker", ["Scheduler", "Member"], "Ride line for non-emergency medical transportation, are you scheduling a trip today?"),
    ("county", "County Health Dept", ["Clerk", "Caller"], "Marlow County Health Department, immunization records. How can I help?"),
    ("genetic", "Genetic Counseling", ["Counselor", "Patient"], "Hi, this is the genetic counseling intake line at Westbrook Medical, returning your call."),
    ("trial", "Clinical Trial Recruiter", ["Coordinator", "Caller"], "Thanks for your interest in the study. I'm one of the research coordinators, do you have a few minutes for screening?"),
    ("poison", "Poison Center Follow-up", ["Specialist", "Caller"], "Hi, this is the poison center calling back to follow up on yesterday's call. Is now a good time?"),
    ("dme", "DME Supplier", ["Agent", "Caller"], "Thanks for calling Summit Medical Supply, are you calling about CPAP supplies or another order?"),
    ("specialty", "Specialty Pharmacy", ["Agent", "Patient"], "Brightpath Specialty Pharmacy, this call may be recorded. Are you calling about a refill?"),
    ("billing", "Patient Financial Services", ["Agent", "Caller"], "Patient financial services, thank you for holding. How can I help?"),
    ("dental", "Dental Office", ["Front Desk", "Patient"], "Riverside Family Dental, how can I help you today?"),
    ("pt", "Physical Therapy", ["Scheduler", "Patient"], "Thank you for calling Northfield Physical Therapy. Do you need to book or change a visit?"),
    ("sleep", "Sleep Lab", ["Tech", "Patient"], "Sleep center, this is the night lab coordinator calling about your study."),
    ("mailorder", "Mail-order Pharmacy", ["Rep", "Member"], "Mail order pharmacy, are you calling to check on a shipment?"),
]
ORG = {"payer": "Lakeshore Health Plan", "pbm": "the pharmacy help desk", "infusion": "Crestline Home Infusion",
       "hearing": "Clearwave Hearing Center", "nemt": "the ride line", "county": "Marlow County Health Department",
       "genetic": "Westbrook Medical genetic counseling", "trial": "the study team", "poison": "the poison center",
       "dme": "Summit Medical Supply", "specialty": "Brightpath Specialty Pharmacy", "billing": "patient financial services",
       "dental": "Riverside Family Dental", "pt": "Northfield Physical Therapy", "sleep": "the sleep center",
       "mailorder": "the mail order pharmacy"}
REASONS = {
    "payer": ["I got a letter saying a claim was denied and I don't understand why.", "I need a new card, mine went through the wash.", "I'm trying to find out if my knee MRI needs a prior authorization."],
    "pbm": ["My pharmacy says my prescription was rejected, something about a quantity limit.", "I'm a pharmacist and I'm getting a reject on a claim, can you override it?"],
    "infusion": ["Yes, the pump has been beeping and I wasn't sure about the next bag.", "That's fine, I wanted to ask about the supplies too."],
    "hearing": ["My left hearing aid keeps whistling and I think it needs a repair.", "I'm calling to set up a hearing test for my father."],
    "nemt": ["I need a ride to dialysis three times a week starting next month.", "I need to book a wheelchair van for my appointment."],
    "county": ["I need a copy of my son's shot records for school.", "I'm trying to get my COVID vaccine record corrected."],
    "genetic": ["My oncologist said I should get tested for the BRCA gene.", "My sister tested positive for a gene and they told me to call."],
    "trial": ["I saw the flyer for the migraine study.", "My doctor mentioned a study for people with type 2 diabetes."],
    "poison": ["Yes, she's doing much better, no more vomiting.", "He's fine now, he's eating and playing."],
    "dme": ["I need new masks and filters for my CPAP.", "My mom's walker broke and I'm trying to get a new one."],
    "specialty": ["I'm due for my Humira and haven't heard about shipping.", "My injection pens came warm and I don't know if they're okay."],
    "billing": ["I got a bill for an ER visit that insurance should have covered.", "I want to set up a payment plan."],
    "dental": ["I chipped a tooth and wanted to get in this week.", "I need to update my insurance before my cleaning."],
    "pt": ["I need to reschedule my knee therapy.", "My doctor sent over a referral for shoulder therapy."],
    "sleep": ["Sure, I had some questions about the overnight study.", "Yes, I got the voicemail about my sleep study."],
    "mailorder": ["My blood pressure pills never showed up.", "I want to switch my refills to ninety day supply."],
}

# questions by entity: (text, needs a named relative?)
QUESTIONS = {
    "NAME": ["Can I get your first and last name?", "Who am I speaking with?", "And what's the patient's name?",
             "Can I have the member's full name, please?", "And your name?", "Who's the prescriber on that?",
             "What's the name of the doctor who referred you?", "And who should the driver ask for?"],
    "SPELL": ["Can you spell the last name for me?", "How do you spell that?", "Could you spell that last name?",
              "And the spelling of the last name?", "Sorry, spell that for me?"],
    "DOB": ["And the date of birth?", "Can you verify the date of birth on the account?", "What's your birthdate?",
            "Date of birth, please.", "And her date of birth?", "What's the patient's DOB?"],
    "PHONE": ["What's the best callback number?", "What number can the driver reach you at?",
              "Is there a good phone number for you?", "And a phone number for the pharmacy?",
              "What's the number we should text the tracking to?", "Can I get a number in case we get disconnected?"],
    "SSN": ["I'll need the social security number on the account.", "What's the social on the application?",
            "And the full social security number for the enrollment form?", "Can I get the subscriber's social?"],
    "MRN": ["Do you have the medical record number from the hospital?", "What's the MRN on the discharge papers?",
            "Can you read me the patient number at the top of the after-visit summary?",
            "Is there a record number on the referral?"],
    "MBI": ["Can you read me the Medicare number off the red, white and blue card?", "What's the Medicare beneficiary identifier?",
            "And your Medicare number?", "Do you have the new Medicare ID handy?"],
    "CARD": ["What card would you like to use?", "Go ahead with the card number whenever you're ready.",
             "And the card number?", "Okay, I can take the payment now. What's the card number?"],
    "ZIP": ["What's the zip code there?", "And the zip?", "Can I get the zip code for the pharmacy?",
            "What zip code are you in?", "And the zip code on the billing address?"],
    "STREET": ["What's the pickup address?", "Where should we ship it?", "What's the address on file?",
               "And the street address?", "Where are you located?"],
    "EMAIL": ["What's a good email address?", "Where should I send the forms?", "What email should we use for the portal?",
              "Can I get an email for the receipt?"],
    "MEMBER_ID": ["What's the member ID on the front of the card?", "Can you read me the ID number on your insurance card?",
                  "And the subscriber ID?", "What's the member number?", "Do you have your plan ID handy?"],
    "NPI": ["What's the prescriber's NPI?", "Can you give me your NPI number?", "And the ordering provider's NPI?",
            "Do you have the NPI for the referring doctor?"],
}
# answer frames with own cue (cue = same)
SAME_FRAMES = {
    "NAME": ["My name is {V}.", "This is {V}.", "It's {V}, I'm the patient.", "The patient is my mother, {V}.",
             "Doctor {V} is the one who ordered it.", "Dr. {V}.", "Her name is {V}."],
    "DOB": ["My date of birth is {V}.", "Birthday's {V}.", "I was born {V}.", "Her date of birth is {V}.", "D O B is {V}."],
    "PHONE": ["My cell is {V}.", "You can call me at {V}.", "The pharmacy number is {V}.", "Home phone is {V}.",
              "My number is {V}."],
    "SSN": ["My social is {V}.", "Social security number is {V}.", "My social security number is {V}.", "Social's {V}."],
    "MRN": ["The medical record number is {V}.", "It says MRN {V}.", "Record number {V}.", "The MRN on the bracelet was {V}."],
    "MBI": ["My Medicare number is {V}.", "The Medicare ID is {V}.", "Medicare number, {V}."],
    "CARD": ["The card number is {V}.", "The number on the card is {V}.", "Card number {V}."],
    "ZIP": ["Zip code is {V}.", "The zip is {V}.", "Zip {V}."],
    "STREET": ["I live at {V}.", "The address is {V}.", "Ship it to {V}.", "Pick me up at {V}.", "We're at {V}."],
    "EMAIL": ["My email is {V}.", "Email address is {V}.", "Send it to {V}.", "My email's {V}."],
    "MEMBER_ID": ["My member ID is {V}.", "The ID on the card is {V}.", "Subscriber ID {V}.", "The member number is {V}."],
    "NPI": ["The doctor's NPI is {V}.", "The NPI is {V}.", "Prescriber NPI {V}.", "Her NPI number is {V}."],
}
BARE_PRE = ["", "", "", "Uh, ", "Um, ", "Yeah, ", "Sure, it's ", "Okay, ", "It's ", "Yeah, so ", "Let me look. Okay, ",
            "Hang on, I have it here. ", "Oh, "]
BARE_POST = ["", "", "", "", ".", "?", ". I think.", ". That's it.", ", yeah."]
READBACK = ["Okay, I have {V}. Is that right?", "Let me read that back: {V}.", "Just to confirm, {V}?",
            "So that's {V}, correct?", "{V}. Got it.", "I've got {V}, yes?", "Perfect, {V}."]
NAME_THANKS = ["Thank you, {T}{V}.", "Okay {V}, let me pull that up.", "Thanks {V}, one moment.",
               "Great, thank you {T}{V}."]
CONFIRM = ["Yes.", "That's right.", "Correct.", "Yep.", "Mm-hmm.", "Yes, that's it.", "Uh-huh, that's correct."]
REPEAT = ["Sorry, could you repeat that?", "I'm sorry, you cut out. Say that again?", "Can you say that one more time, slowly?",
          "Sorry, one more time?"]
NONE_FRAMES = {
    "PHONE": ["Oh, and {V}, you can write that down.", "{V}. In case anything comes up.",
              "Oh and before I forget, {V}."],
    "EMAIL": ["Oh, and {V}, you could just send everything there.", "Actually {V}, put that down too."],
    "DOB": [], "NAME": [],
}

# look-alike sentences: (template, settings it suits or "" for any)
NEGATIVES = {
    "dose": [("She takes {N} of the metformin twice a day.", ""), ("The bag is {N} over thirty minutes.", "infusion"),
             ("It says {N} once daily.", "pbm specialty mailorder"), ("I've been taking {N} at night.", "")],
    "blood_pressure": [("My blood pressure was {N} this morning.", ""), ("The nurse got {N} on the last visit.", "")],
    "time": [("The driver will pick you up at {N}.", "nemt"), ("We're open until {N} on weekdays.", ""),
             ("The nurse will be there around {N}.", "infusion"), ("Someone will call you back around {N}.", "")],
    "duration": [("The hearing test takes about {N}.", "hearing"), ("The call usually takes about {N}.", ""),
                 ("The infusion runs about {N}.", "infusion"), ("The first visit is about {N}.", "genetic trial pt")],
    "money": [("Your copay for that is {N}.", ""), ("The balance is {N}.", ""), ("There's a {N} restocking fee.", "dme hearing"),
              ("That comes to {N}.", "")],
    "room_number": [("Check in at room {N} on the second floor.", ""), ("The sleep study is in room {N}.", "sleep"),
                    ("The research clinic is in room {N}.", "trial")],
    "count": [("You have {N} left on that prescription.", "pbm specialty mailorder"), ("I've had {N} since March.", ""),
              ("The order shows {N}.", "")],
    "age": [("My daughter is {N}.", ""), ("He's {N} and still drives himself.", ""), ("I'm {N}, if that matters for the study.", "trial genetic")],
    "appointment_date": [("Your appointment is {N}.", ""), ("The next delivery is {N}.", "infusion dme specialty mailorder"),
                         ("We have an opening {N}.", "")],
    "confirmation_number": [("Your confirmation number is {N}.", ""), ("The trip confirmation is {N}.", "nemt")],
    "order_number": [("The order number is {N}.", ""), ("That's order {N}.", "")],
    "menu_option": [("Next time you can {N} to get straight to us.", ""), ("From the main menu {N} for refills.", "pbm specialty mailorder")],
    "emergency_number": [("If this is ever an emergency, hang up and dial {N}.", ""),
                         ("If she has any trouble breathing, call {N} right away.", "poison infusion")],
    "lab_value": [("Your A1C came back at {N}.", "trial genetic"), ("Potassium was {N}.", "infusion"), ("The INR was {N} last week.", "")],
    "weight": [("I'm about {N} right now.", ""), ("She weighed {N} at the last visit.", "")],
    "height": [("He's {N}.", ""), ("I'm {N} tall.", "")],
    "reference_number": [("Your reference number for this call is {N}.", ""), ("The case reference is {N}.", "")],
}


def neg_value(what, rr):
    r = rr.r
    lower = rr.st.lower
    wr = r.random() < rr.st.written_p
    if what == "dose":
        n = r.choice([(500, "milligrams"), (20, "milligrams"), (1000, "milligrams"), (40, "units"), (250, "milliliters"), (10, "milligrams")])
        return ("%d %s" % (n[0], {"milligrams": "mg", "units": "units", "milliliters": "mL"}[n[1]]) if wr else
                cardinal(n[0]) + " " + n[1])
    if what == "blood_pressure":
        a, b = r.choice([(132, 84), (118, 76), (145, 92), (126, 80), (110, 70)])
        return "%d/%d" % (a, b) if wr else "%s over %s" % (say_group(str(a), "pairs"), w2(b))
    if what == "time":
        h, m = r.choice([(9, 15), (10, 30), (2, 45), (7, 0), (5, 30), (11, 0), (1, 20)])
        ap = r.choice(["a.m.", "p.m."]) if not lower else r.choice(["am", "pm", "in the morning"])
        if wr:
            return "%d:%02d %s" % (h, m, "AM" if "a" in ap else "PM")
        return "%s %s %s" % (ONES[h], "o'clock" if m == 0 else ("oh " + ONES[m] if m < 10 else w2(m)), ap) if m else "%s o'clock" % ONES[h]
    if what == "duration":
        return r.choice(["forty five minutes", "two hours", "an hour and a half", "twenty minutes", "ninety minutes"]) if not wr else r.choice(["45 minutes", "2 hours", "90 minutes"])
    if what == "money":
        a = r.choice([(35, 0), (42, 50), (120, 0), (15, 0), (1247, 18), (60, 0)])
        if wr:
            return "$%s%s" % ("{:,}".format(a[0]), ".%02d" % a[1] if a[1] else "")
        return cardinal(a[0]) + " dollars" + (" and " + w2(a[1]) + " cents" if a[1] else "")
    if what == "room_number":
        n = r.choice([412, 118, 2204, 305, 7])
        return str(n) if wr else say_group(str(n), "pairs")
    if what == "count":
        return r.choice(["three refills", "two refills", "thirty pens", "ninety tablets", "six boxes", "five episodes"])
    if what == "age":
        n = r.randint(19, 84)
        return (str(n) if wr else w2(n)) + r.choice(["", " years old"])
    if what == "appointment_date":
        d = r.randint(2, 27)
        return r.choice(["next Tuesday", "this Thursday the %s" % ordinal_words(d), "Monday, %s %s" % (MONTHS[r.randint(0, 11)], ordinal_words(d)),
                         "on the %s" % ordinal_words(d)]) if not wr else "%s %d" % (MONTHS[r.randint(0, 11)], d)
    if what == "confirmation_number":
        c = r.choice(["TR" + str(r.randint(10000, 99999)), str(r.randint(100000, 999999)), "C" + str(r.randint(1000, 9999)) + r.choice("KXQ")])
        return c if wr or not c.isdigit() else say_digits(c, "zero")
    if what == "order_number":
        c = str(r.randint(1000000, 9999999))
        return c if wr else say_digits(c, "zero")
    if what == "menu_option":
        return r.choice(["press one", "press two", "press three", "press star", "press nine"])
    if what == "emergency_number":
        return "nine one one" if not wr else "911"
    if what == "lab_value":
        return r.choice(["seven point two", "four point one", "two point five", "six point eight"]) if not wr else r.choice(["7.2", "4.1", "2.5"])
    if what == "weight":
        n = r.choice([185, 142, 210, 168])
        return (say_group(str(n), "pairs") + " pounds") if not wr else "%d pounds" % n
    if what == "height":
        a, b = r.choice([(5, 7), (6, 1), (5, 3), (5, 10)])
        return "%s foot %s" % (ONES[a], ONES[b]) if not wr else "%d'%d\"" % (a, b) if False else "%s foot %s" % (ONES[a], ONES[b])
    if what == "reference_number":
        return r.choice(["R", "REF", "CS"]) + str(r.randint(1000000, 9999999))
    raise ValueError(what)


# --------------------------------------------------------------------------- conversation builder
def V(text, ent, form, spoken, cue):
    return (text, {"entity": ent, "spoken": spoken, "cue": cue, "form": form})


def NEG(text, what):
    return (text, {"neg": what})


def fill(template, **kw):
    """Template with {V}/{N}/{T} -> list of segments."""
    segs = []
    for piece in re.split(r"(\{[A-Z]\})", template):
        if not piece:
            continue
        if piece[0] == "{" and piece[-1] == "}" and piece[1:-1] in kw:
            x = kw[piece[1:-1]]
            if isinstance(x, list):
                segs.extend(x)
            else:
                segs.append(x)
        else:
            segs.append(piece)
    return segs


ENTS = ["NAME", "SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "MEMBER_ID", "NPI"]
TARGET = {"NAME": 1.0}


class Conv:
    def __init__(self, rng, kind, setting, vals, rrA, rrC, carriers, lowerA, lowerC, medicare):
        self.r = rng
        self.kind = kind
        self.setting = setting
        self.vals = vals
        self.rrA, self.rrC = rrA, rrC
        self.carriers = carriers
        self.lowerA, self.lowerC = lowerA, lowerC
        self.turns = []
        self.medicare = medicare
        self.summary_vals = []   # (ent, canonical value)
        self.person = vals.name()

    def say(self, spk, segs):
        self.turns.append([spk, segs])

    # -- value pick and render
    def new_value(self, ent):
        v = self.vals
        if ent == "NAME":
            return self.r.choice([("caller",) + self.person, ("provider",) + v.name(), ("relative",) + v.name()])
        if ent == "DOB":
            return v.dob(self.medicare)
        if ent == "EMAIL":
            return v.email(*self.person)
        return {"PHONE": v.phone, "SSN": v.ssn, "MRN": v.mrn, "MBI": v.mbi, "CARD": v.card, "ZIP": v.zip,
                "STREET": v.street, "MEMBER_ID": v.member, "NPI": v.npi}[ent]()

    def render(self, ent, val, side, cue, variant=None, force_spoken=False):
        rr = self.rrC if side == "C" else self.rrA
        if force_spoken:
            old = rr.st.written_p
            rr.st.written_p = 0
        if ent == "NAME":
            role, g, s = val
            part = "full" if role != "provider" or self.r.random() < 0.4 else "surname"
            t, f, sp = render_name(g, s, rr, variant or part)
        else:
            t, f, sp = render_value(ent, val, rr, variant)
        if force_spoken:
            rr.st.written_p = old
        return V(t, ent, f, sp, cue)

    def exchange(self, ent):
        r = self.r
        val = self.new_value(ent)
        variant = None
        if ent in ("SSN", "CARD") and r.random() < 0.5:
            variant = "last4"
        self.summary_vals.append((ent, val, variant))
        A, C = "A", "C"
        if ent == "NAME":
            return self.name_exchange(val)
        if ent == "NPI" and self.kind == "transcript_clinic":
            doc = ("provider",) + self.vals.name()
            self.summary_vals.append(("NAME", doc, None))
            self.say(A, fill(r.choice(["I'm sending the referral to Dr. {S}. Her NPI is {V}, in case they ask.",
                                       "I'll put in the referral to Dr. {S}, NPI {V}.",
                                       "The referral goes to Dr. {S}, that's NPI {V}."]),
                             S=self.render("NAME", doc, A, "same", variant="surname"), V=self.render(ent, val, A, "same")))
            self.say(C, [r.choice(["Okay.", "Okay, thank you.", "Should I call them or will they call me?"])])
            if r.random() < 0.3:
                self.say(A, [r.choice(["They'll call you within a week.", "They usually call within a few days."])])
            return
        q = r.choice(QUESTIONS[ent])
        if variant == "last4" and ent == "SSN":
            q = r.choice(["Can you verify the last four of your social?", "Last four of the social on the account?",
                          "And just the last four of the subscriber's social security number."])
        if variant == "last4" and ent == "CARD":
            q = r.choice(["Which card is on file, can you give me the last four?", "What are the last four digits of the card?"])
        flow = r.choices(["bare", "same", "split", "none", "volunteer_same"],
                         [50, 22, 12 if ent in ("PHONE", "SSN", "CARD", "MBI", "MEMBER_ID", "NPI", "MRN") and variant is None else 0,
                          10 if ent in ("PHONE", "EMAIL") else 0, 8])[0]
        if flow == "bare":
            self.say(A, [q])
            pre, post = r.choice(BARE_PRE), r.choice(BARE_POST)
            self.say(C, fill(pre + "{V}" + post, V=self.render(ent, val, C, "prev", variant)))
        elif flow == "same":
            self.say(A, [q])
            fr = r.choice(SAME_FRAMES[ent])
            if variant == "last4":
                fr = r.choice(["The last four are {V}.", "Last four, {V}.", "It ends in {V}."] +
                              (["The last four of my social are {V}."] if ent == "SSN" else ["Use the card ending {V}."]))
            self.say(C, fill(fr, V=self.render(ent, val, C, "same", variant)))
        elif flow == "volunteer_same":
            fr = r.choice(SAME_FRAMES[ent])
            if variant == "last4":
                fr = "The %s ends in {V}." % ("card" if ent == "CARD" else "social")
            self.say(C, fill("Oh, and " + fr[0].lower() + fr[1:], V=self.render(ent, val, C, "same", variant)))
            self.say(A, [r.choice(["Okay, noted.", "Got it, thank you.", "Thanks, I'll add that."])])
        elif flow == "none":
            self.say(C, fill(r.choice(NONE_FRAMES[ent]), V=self.render(ent, val, C, "none")))
            self.say(A, [r.choice(["Okay.", "Got it.", "Sure, I'll put that in the notes."])])
            return
        else:  # split across turns
            self.say(A, [q])
            s = val if isinstance(val, str) else ""
            cut = {"PHONE": 3, "SSN": 3, "CARD": 8 if len(s) == 16 else 4, "NPI": 5, "MBI": 4}.get(ent, len(s) // 2)
            p1, p2 = s[:cut], s[cut:]
            rr = self.rrC
            t1 = rr.letters_of(p1, "plain")[0] if not p1.isdigit() else rr.groups(p1, split_sizes(len(p1)), allow_written=False)[0]
            t2 = rr.letters_of(p2, "plain")[0] if not p2.isdigit() else rr.groups(p2, split_sizes(len(p2)), allow_written=False)[0]
            self.say(C, fill(r.choice(["", "Uh, ", "Okay, "]) + "{V}" + r.choice(["...", ",", ""]),
                             V=V(t1, ent, "split_part1", True, "prev")))
            self.say(A, [r.choice(["Mm-hmm.", "Okay, go ahead.", "Uh-huh.", "Okay."])])
            self.say(C, fill("{V}.", V=V(t2, ent, "split_part2", True, "prev")))
        # follow-ups
        x = r.random()
        if x < 0.33:
            self.say(A, fill(r.choice(READBACK), V=self.render(ent, val, A, "prev", variant)))
            self.say(C, [r.choice(CONFIRM)])
        elif x < 0.43 and ent in ("PHONE", "ZIP", "MRN", "DOB"):
            wrong = self.wrong(ent, val)
            self.say(A, fill(r.choice(["Okay, {V}?", "I have {V}, is that right?"]), V=self.render(ent, wrong, A, "prev")))
            self.say(C, fill(r.choice(["No, {V}.", "No no, it's {V}.", "Sorry, no. {V}."]), V=self.render(ent, val, C, "prev", force_spoken=True)))
            self.say(A, [r.choice(["Got it, thank you.", "Okay, fixed."])])
        elif x < 0.52:
            self.say(A, [r.choice(REPEAT)])
            self.say(C, fill(r.choice(["{V}.", "Sure. {V}.", "Yeah, {V}."]), V=self.render(ent, val, C, "prev", variant, force_spoken=True)))

    def wrong(self, ent, val):
        r = self.r
        if ent == "DOB":
            y, m, d = val
            return (y, m, d + 1 if d < 28 else d - 1)
        s = list(val)
        idx = [i for i, c in enumerate(s) if c.isdigit()][-1 if ent != "MRN" else r.randrange(len([c for c in s if c.isdigit()]))]
        s[idx] = str((int(s[idx]) + r.randint(1, 8)) % 10)
        return "".join(s)

    def name_exchange(self, val):
        r = self.r
        role, g, s = val
        A, C = "A", "C"
        title = r.choice(["Ms. ", "Mr. ", "Mrs. "]) if not self.lowerA else r.choice(["ms ", "mr ", "mrs "])
        if role == "provider":
            q = r.choice(["Who's the prescriber on that?", "What's the name of the doctor who referred you?",
                          "Which doctor ordered it?", "And the ordering provider?"])
            self.say(A, [q])
            if r.random() < 0.5:
                self.say(C, fill(r.choice(["Dr. {V}.", "It was Doctor {V}.", "Doctor {V}, at the clinic."]),
                                 V=self.render("NAME", val, C, "same")))
            else:
                self.say(C, fill(r.choice(BARE_PRE) + "{V}" + r.choice(["", ".", ", I think."]),
                                 V=self.render("NAME", val, C, "prev")))
        elif role == "relative" and r.random() < 0.5:
            self.say(A, [r.choice(["And what's the patient's name?", "Who is the appointment for?", "And who should the driver ask for?"])])
            self.say(C, fill(r.choice(["My {R}, {V}.", "It's for my {R}. {V}.", "{V}, that's my {R}."]),
                             R=r.choice(["mother", "father", "son", "daughter", "husband", "wife", "grandmother"]),
                             V=self.render("NAME", val, C, "same" if r.random() < 1 else "prev")))
        else:
            flow = r.choice(["bare", "bare", "same", "none"])
            if flow == "none" and len(self.turns) <= 2:
                self.say(C, fill(r.choice(["Yeah hi. {V}. I'm calling about my {X}.", "Hi, {V}, calling about the {X}.",
                                           "Yeah hello. {V}. About my {X}."]), V=self.render("NAME", val, C, "none"),
                                 X=r.choice(["order", "appointment", "claim", "referral", "refill"])))
                self.say(A, [r.choice(["Sure, I can help with that.", "Okay, let me pull that up."])])
            elif flow == "same":
                self.say(A, [r.choice(["Who am I speaking with?", "Can I get your name?", "And who's calling?"])])
                self.say(C, fill(r.choice(SAME_FRAMES["NAME"][:3]), V=self.render("NAME", val, C, "same")))
            else:
                self.say(A, [r.choice(["Can I get your first and last name?", "Can I have the member's full name, please?", "And your name?"])])
                self.say(C, fill(r.choice(BARE_PRE[:6]) + "{V}.", V=self.render("NAME", val, C, "prev")))
        x = r.random()
        if x < 0.45:
            self.say(A, [r.choice(QUESTIONS["SPELL"])])
            t, f, sp = render_spelled(s, self.rrC)
            self.say(C, fill(r.choice(["{V}.", "Sure, {V}.", "It's {V}."]), V=V(t, "NAME", f, sp, "prev")))
            if r.random() < 0.3:
                t2, f2, _ = render_spelled(s, self.rrA)
                self.say(A, fill("{V}, got it.", V=V(t2, "NAME", "readback_" + f2, True, "prev")))
        elif x < 0.7 and role != "provider":
            if r.random() < 0.6:
                self.say(A, fill(r.choice(["Thank you, {T}{V}.", "Great, thank you {T}{V}.", "Thanks {T}{V}, one moment."]),
                                 T=title, V=self.render("NAME", val, A, "prev", variant="surname")))
            else:
                self.say(A, fill(r.choice(["Okay {V}, let me pull that up.", "Thanks {V}, one moment."]),
                                 V=self.render("NAME", val, A, "prev", variant="given")))
        elif x < 0.8:
            st, sf, _ = render_spelled(s, self.rrC)
            self.say(C, fill(r.choice(["That's {V}, {S}.", "{V}, spelled {S}."]),
                             V=self.render("NAME", ("x", g, s), C, "prev", variant="surname"),
                             S=V(st, "NAME", sf, True, "prev")))

    def negative(self):
        r = self.r
        what = r.choice(sorted(NEGATIVES))
        spk = "C" if what in ("age", "weight", "height", "blood_pressure") else "A"
        rr = self.rrC if spk == "C" else self.rrA
        fits = [t for t, where in NEGATIVES[what] if not where or self.setting[0] in where.split()]
        self.say(spk, fill(r.choice(fits), N=NEG(neg_value(what, rr), what)))
        self.say("A" if spk == "C" else "C", [r.choice(["Okay.", "Got it.", "Alright.", "Mm-hmm.", "Okay, thanks.", "Right."])])

    def carrier(self, k):
        src = ("aci", "mts") if (self.lowerA and self.lowerC) else ("mts", "primock")
        s, win = carrier_window(self.r, self.carriers, src, k, self.lowerA and self.lowerC)
        for role, t in win:
            self.say("A" if role == "d" else "C", [t])
        return s


def postprocess_turn(segs, lower, cased_start=True):
    out = []
    for seg in segs:
        if isinstance(seg, tuple):
            out.append(seg)
        else:
            t = seg
            if lower:
                t = t.lower().replace("dr. ", "doctor ").replace("mr. ", "mr ").replace("ms. ", "ms ").replace("mrs. ", "mrs ")
                t = re.sub(r"[.,?!;:]", "", t)
            out.append(t)
    # collapse spacing in plain pieces
    res = []
    for seg in out:
        if isinstance(seg, str):
            if res and isinstance(res[-1], str):
                res[-1] += seg
            else:
                res.append(seg)
        else:
            res.append(seg)
    # trim
    if res and isinstance(res[0], str):
        res[0] = res[0].lstrip()
        if not res[0]:
            res.pop(0)
    if res and isinstance(res[-1], str):
        res[-1] = res[-1].rstrip()
        if not res[-1]:
            res.pop()
    res = [(re.sub(r"  +", " ", s) if isinstance(s, str) else s) for s in res]
    if not lower and cased_start and res:
        f = res[0]
        if isinstance(f, str):
            res[0] = f[:1].upper() + f[1:]
        elif f[0][:1].islower():
            res[0] = (f[0][:1].upper() + f[0][1:], f[1])
    return res


def seg_text(segs):
    return "".join(s if isinstance(s, str) else s[0] for s in segs)


# --------------------------------------------------------------------------- written forms for summaries
def written(ent, val, variant, r):
    if ent == "NAME":
        role, g, s = val
        return ("Dr. ", g + " " + s if r.random() < 0.5 else s) if role == "provider" else ("", g + " " + s)
    if ent == "DOB":
        y, m, d = val
        return ("", r.choice(["%02d/%02d/%d" % (m, d, y), "%s %d, %d" % (MONTHS[m - 1], d, y), "%d-%02d-%02d" % (y, m, d)]))
    if ent == "PHONE":
        return ("", r.choice(["(%s) %s-%s" % (val[:3], val[3:6], val[6:]), "%s-%s-%s" % (val[:3], val[3:6], val[6:])]))
    if ent == "SSN":
        return ("", val[5:]) if variant == "last4" or r.random() < 0.6 else ("", "%s-%s-%s" % (val[:3], val[3:5], val[5:]))
    if ent == "CARD":
        return ("", val[-4:])
    if ent == "ZIP":
        return ("", val if len(val) == 5 else val[:5] + "-" + val[5:])
    if ent == "STREET":
        hn, sname, suf, unit = val
        t = "%d %s %s" % (hn, sname[0], suf[1] if r.random() < 0.5 else suf[0])
        if unit:
            t += ", " + ("#" + unit[1] if unit[0] == "#" else ("Apt " if unit[0] == "Apartment" else unit[0] + " ") + unit[1])
        return ("", t)
    if ent == "EMAIL":
        return ("", val[0] + "@" + val[1][0])
    if ent == "MBI" and r.random() < 0.3:
        return ("", val[:4] + "-" + val[4:7] + "-" + val[7:])
    return ("", val)


SUM_LABEL = {"DOB": ["date of birth", "DOB"], "PHONE": ["callback number", "phone number"],
             "SSN": ["SSN last four", "SSN"], "CARD": ["card ending in"], "ZIP": ["ZIP code"],
             "STREET": ["address", "pickup address", "shipping address"], "EMAIL": ["email", "email address"],
             "MRN": ["MRN", "medical record number"], "MBI": ["Medicare ID (MBI)", "MBI"],
             "MEMBER_ID": ["member ID", "subscriber ID"], "NPI": ["prescriber NPI", "NPI"]}


def summary_segs(conv, org, r):
    segs = []
    caller = [x for x in conv.summary_vals if x[0] == "NAME" and x[1][0] == "caller"]
    who = "The caller"
    if caller:
        segs += [r.choice(["Caller ", "The member, ", "Patient "]),
                 V(written("NAME", caller[0][1], None, r)[1], "NAME", "written_name", False, "same")]
        segs.append(r.choice([", ", " "]))
    else:
        segs.append(who + " ")
    segs.append(r.choice(["called %s regarding %s. " % (org, r.choice(["a claim question", "an order status", "scheduling", "a refill", "enrollment"])),
                          "contacted %s. " % org]))
    bits = []
    for ent, val, variant in conv.summary_vals:
        if ent == "NAME" and val[0] == "caller":
            continue
        if r.random() < 0.25:
            continue
        pre, w = written(ent, val, variant, r)
        if ent == "NAME":
            lab = "Provider: " + pre if val[0] == "provider" else "Family member: "
            bits.append([lab, V(w, "NAME", "written_name", False, "same")])
            continue
        lab = r.choice(SUM_LABEL[ent])
        if ent == "SSN" and len(w) == 4:
            lab = "SSN last four"
        bits.append([lab[0].upper() + lab[1:] + (" " if lab.endswith("in") else ": "),
                     V(w, ent, "written_last4" if len(w) == 4 else "written_" + ent.lower(), False, "same")])
    for b in bits:
        segs += b
        segs.append(". ")
    segs.append(r.choice(["Follow-up needed.", "No further action required.", "Agent confirmed next steps with the caller.",
                          "Caller was satisfied with the resolution."]))
    return segs


# --------------------------------------------------------------------------- JSON serialisation with spans
class MStr:
    def __init__(self, segs):
        self.segs = segs

    def plain(self):
        return seg_text(self.segs)


def to_plain(o):
    if isinstance(o, MStr):
        return o.plain()
    if isinstance(o, dict):
        return {k: to_plain(v) for k, v in o.items()}
    if isinstance(o, list):
        return [to_plain(v) for v in o]
    return o


def serialise(obj):
    parts, marks = [], []
    pos = [0]

    def emit(s):
        parts.append(s)
        pos[0] += len(s)

    def go(o):
        if isinstance(o, MStr):
            plain = o.plain()
            base = pos[0]
            c = 0
            for seg in o.segs:
                t = seg if isinstance(seg, str) else seg[0]
                if not isinstance(seg, str):
                    a = base + len(json.dumps(plain[:c], ensure_ascii=False)) - 1
                    b = base + len(json.dumps(plain[:c + len(t)], ensure_ascii=False)) - 1
                    marks.append((a, b, seg[1]))
                c += len(t)
            emit(json.dumps(plain, ensure_ascii=False))
        elif isinstance(o, dict):
            emit("{")
            for i, (k, v) in enumerate(o.items()):
                if i:
                    emit(",")
                emit(json.dumps(k, ensure_ascii=False) + ":")
                go(v)
            emit("}")
        elif isinstance(o, list):
            emit("[")
            for i, v in enumerate(o):
                if i:
                    emit(",")
                go(v)
            emit("]")
        else:
            emit(json.dumps(o, ensure_ascii=False))
    go(obj)
    text = "".join(parts)
    assert text == json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))
    return text, marks


def join_segs(pieces):
    """pieces: list of str or seg lists -> one seg list."""
    out = []
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
        else:
            out.extend(p)
    return out


def uuid(r):
    h = "".join(r.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def iso(ms):
    s, msr = divmod(ms, 1000)
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(s)) + ".%03dZ" % msr


def build_json(profile, conv, r, org, turn_segs):
    """turn_segs: list of (spk, segs)."""
    t0 = 1790000000000 + r.randrange(0, 20000000) * 1000
    times = []
    t = r.randint(400, 2500)
    for spk, segs in turn_segs:
        n = len(seg_text(segs))
        dur = int(n * r.uniform(55, 80)) + 300
        times.append((t, t + dur))
        t += dur + r.randint(250, 1800)
    total_ms = t + 800
    summary = MStr(summary_segs(conv, org, r))
    prompt = ("You are a friendly phone assistant for %s. Verify the caller's identity before discussing any "
              "account details. Keep answers short." % org)
    if profile == "vapi":
        lab = {"A": "AI", "C": "User"}
        msgs = [{"role": "system", "message": prompt, "time": t0, "secondsFromStart": 0}]
        oai = [{"role": "system", "content": prompt}]
        for (spk, segs), (a, b) in zip(turn_segs, times):
            msgs.append({"role": "bot" if spk == "A" else "user", "message": MStr(segs), "time": t0 + a, "endTime": t0 + b,
                         "secondsFromStart": round(a / 1000, 3), "duration": b - a})
            oai.append({"role": "assistant" if spk == "A" else "user", "content": MStr(segs)})
        tr = []
        for i, (spk, segs) in enumerate(turn_segs):
            tr.append(("\n" if i else "") + lab[spk] + ": ")
            tr.append(segs)
        art = {"messages": msgs}
        if r.random() < 0.5:
            art["messagesOpenAIFormatted"] = oai
        cid = uuid(r)
        art.update({"transcript": MStr(join_segs(tr)), "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % cid,
                    "stereoRecordingUrl": "https://storage.vapi.ai/%s-stereo.wav" % cid})
        cost = round(r.uniform(0.05, 0.6), 4)
        obj = {"message": {"timestamp": t0 + total_ms + 1200, "type": "end-of-call-report",
                           "endedReason": r.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": {"id": cid, "orgId": uuid(r), "createdAt": iso(t0 - 900), "updatedAt": iso(t0 + total_ms),
                                    "type": "inboundPhoneCall", "status": "ended", "assistantId": uuid(r),
                                    "phoneNumberId": uuid(r)},
                           "assistant": {"id": uuid(r), "name": re.sub(r"^the ", "", org).title() + " Line",
                                         "model": {"provider": "openai", "model": r.choice(["gpt-4o", "gpt-4o-mini"])},
                                         "voice": {"provider": "11labs", "voiceId": r.choice(["paula", "burt", "sarah"])}},
                           "artifact": art,
                           "analysis": {"summary": summary, "successEvaluation": r.choice(["true", "false"])},
                           "startedAt": iso(t0), "endedAt": iso(t0 + total_ms), "cost": cost,
                           "costBreakdown": {"transport": 0, "stt": round(cost * 0.15, 4), "llm": round(cost * 0.3, 4),
                                             "tts": round(cost * 0.25, 4), "vapi": round(cost * 0.3, 4), "total": cost},
                           "durationSeconds": round(total_ms / 1000, 3), "durationMs": total_ms}}
    elif profile == "retell":
        lab = {"A": "Agent", "C": "User"}
        tr = []
        for i, (spk, segs) in enumerate(turn_segs):
            tr.append(("\n" if i else "") + lab[spk] + ": ")
            tr.append(segs)
        ev = "call_analyzed" if r.random() < 0.7 else "call_ended"
        call = {"call_id": "call_" + "".join(r.choice("0123456789abcdef") for _ in range(24)),
                "agent_id": "agent_" + "".join(r.choice("0123456789abcdef") for _ in range(24)),
                "agent_version": r.randint(1, 12), "call_type": "phone_call", "call_status": "ended",
                "direction": r.choice(["inbound", "outbound"]),
                "start_timestamp": t0, "end_timestamp": t0 + total_ms, "duration_ms": total_ms,
                "transcript": MStr(join_segs(tr)),
                "transcript_object": [{"role": "agent" if spk == "A" else "user", "content": MStr(segs)} for spk, segs in turn_segs],
                "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % uuid(r),
                "disconnection_reason": r.choice(["user_hangup", "agent_hangup", "call_transfer"]),
                "latency": {"e2e": {"p50": r.randint(700, 1400), "p90": r.randint(1400, 2400), "p99": r.randint(2400, 4000)},
                            "llm": {"p50": r.randint(300, 700)}},
                "call_cost": {"combined_cost": round(r.uniform(3, 40), 2), "total_duration_seconds": total_ms // 1000}}
        if ev == "call_analyzed":
            call["call_analysis"] = {"call_summary": summary, "in_voicemail": False,
                                     "user_sentiment": r.choice(["Positive", "Neutral", "Negative"]), "call_successful": True}
        obj = {"event": ev, "call": call}
    elif profile == "signalwire":
        log = [{"role": "system", "content": prompt}]
        for (spk, segs), (a, b) in zip(turn_segs, times):
            log.append({"role": "assistant" if spk == "A" else "user", "content": MStr(segs)})
        us = (t0 * 1000)
        obj = {"app_name": re.sub(r"\W+", "_", org.lower().replace("the ", "")) + "_agent", "action": "post_conversation",
               "ai_session_id": uuid(r), "call_id": uuid(r), "project_id": uuid(r), "space_id": uuid(r),
               "conversation_id": uuid(r), "ai_start_date": us, "ai_end_date": us + total_ms * 1000,
               "call_start_date": us - 1500000, "call_end_date": us + total_ms * 1000 + 400000,
               "call_log": log, "post_prompt_data": {"raw": summary, "substituted": summary},
               "total_input_tokens": r.randint(2000, 12000), "total_output_tokens": r.randint(200, 1500),
               "total_wire_input_tokens": r.randint(2000, 12000), "total_wire_output_tokens": r.randint(200, 1500)}
    elif profile == "deepgram":
        allt, para, utts = [], [], []
        spkn = {"A": 0, "C": 1}
        for i, ((spk, segs), (a, b)) in enumerate(zip(turn_segs, times)):
            allt.append((" " if i else ""))
            allt.append(segs)
            para.append("\nSpeaker %d: " % spkn[spk] if i == 0 else "\n\nSpeaker %d: " % spkn[spk])
            para.append(segs)
            utts.append({"start": round(a / 1000, 3), "end": round(b / 1000, 3), "confidence": round(r.uniform(0.86, 0.99), 4),
                         "channel": 0, "transcript": MStr(segs), "speaker": spkn[spk], "id": uuid(r)})
        mid = uuid(r)
        res = {"channels": [{"alternatives": [{"transcript": MStr(join_segs(allt)), "confidence": round(r.uniform(0.9, 0.99), 4),
                                                "paragraphs": {"transcript": MStr(join_segs(para))}}]}],
               "utterances": utts}
        if r.random() < 0.4:
            res["summary"] = {"result": "success", "short": summary}
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r),
                            "sha256": "".join(r.choice("0123456789abcdef") for _ in range(64)),
                            "created": iso(t0 + total_ms + 5000), "duration": round(total_ms / 1000, 3), "channels": 1,
                            "models": [mid], "model_info": {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}},
               "results": res}
    else:  # transcribe
        allt, segsl, auds = [], [], []
        for i, ((spk, segs), (a, b)) in enumerate(zip(turn_segs, times)):
            allt.append(" " if i else "")
            allt.append(segs)
            sl = "spk_0" if spk == "A" else "spk_1"
            segsl.append({"start_time": "%.2f" % (a / 1000), "speaker_label": sl, "end_time": "%.2f" % (b / 1000), "items": []})
            auds.append({"id": i, "transcript": MStr(segs), "start_time": "%.2f" % (a / 1000), "end_time": "%.2f" % (b / 1000),
                         "speaker_label": sl, "items": []})
        obj = {"jobName": "callcenter-%d" % r.randint(100000, 999999), "accountId": "111122223333", "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": MStr(join_segs(allt))}],
                           "speaker_labels": {"speakers": 2, "segments": segsl}, "items": [], "audio_segments": auds}}
    return obj


# --------------------------------------------------------------------------- records
TKINDS = [("transcript_lower_asr", 19), ("transcript_whisper", 15), ("transcript_deepgram", 15),
          ("transcript_transcribe", 13), ("transcript_voice_agent", 15), ("transcript_callcenter", 14),
          ("transcript_clinic", 9)]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
CLOSE_A = ["Is there anything else I can help you with today?", "Anything else I can do for you?",
           "Okay, you're all set. Anything else?"]
CLOSE_C = ["No, that's everything. Thank you.", "Nope, that's it, thanks so much.", "No, thank you, bye."]
CLOSE_A2 = ["You're welcome, have a good day.", "Take care, bye-bye.", "Thanks for calling, goodbye."]


def labels_for(kind, setting, r):
    a, c = setting[2]
    if kind == "transcript_lower_asr":
        return r.choice([("[agent]", "[caller]"), ("[doctor]", "[patient]"), (a.lower() + ":", c.lower() + ":"),
                         ("agent:", "customer:")])
    if kind == "transcript_deepgram":
        return ("Speaker 0:", "Speaker 1:")
    if kind == "transcript_transcribe":
        return r.choice([("spk_0:", "spk_1:"), ("ch_0:", "ch_1:")])
    if kind == "transcript_voice_agent":
        return r.choice([("AI:", "User:"), ("assistant:", "user:"), ("Agent:", "Customer:"), ("Bot:", "Caller:")])
    if kind == "transcript_clinic":
        return r.choice([("Doctor:", "Patient:"), ("Nurse:", "Patient:"), ("Clinician:", "Patient:"), ("[doctor]", "[patient]")])
    return (a + ":", c + ":")


def style_for(kind, r):
    """-> (styleA, styleC, lowerA, lowerC)"""
    if kind == "transcript_lower_asr":
        s = Styl(kind, True, 0.0, "plain")
        return s, s, True, True
    if kind in ("transcript_whisper", "retell"):
        s = Styl(kind, False, 0.35, "upper")
        return s, s, False, False
    if kind in ("transcript_deepgram", "deepgram"):
        s = Styl(kind, False, 0.5, "upper")
        return s, s, False, False
    if kind in ("transcript_transcribe", "transcribe"):
        s = Styl(kind, False, 0.4, "upper_dot")
        return s, s, False, False
    if kind in ("transcript_voice_agent", "vapi", "signalwire"):
        a = Styl(kind, False, 0.45, "upper")
        lowc = r.random() < 0.5
        c = Styl(kind, lowc, 0.0 if lowc else 0.3, "plain")
        return a, c, False, lowc
    if kind == "transcript_clinic":
        s = Styl(kind, False, 0.1, "upper")
        return s, s, False, False
    s = Styl(kind, False, 0.12, "upper")
    return s, s, False, False


def pick_entities(r, counts, k, exclude=()):
    scored = sorted([e for e in ENTS if e not in exclude], key=lambda e: counts[e] / TARGET.get(e, 1.0) + r.random() * 12)
    return scored[:k]


def make_record(idx, r, carriers, counts, kind, profile):
    setting = r.choice(SETTINGS)
    sk = profile or kind
    stA, stC, lowerA, lowerC = style_for(sk, r)
    rrA, rrC = R(r, stA), R(r, stC)
    vals = Values(r)
    k = r.choice([2, 3, 3, 4, 4, 5])
    if kind == "transcript_clinic":
        k = min(k, 3)  # the "hi maria" greeting and the referral doctor's name come on top
    ents = pick_entities(r, counts, k, ("CARD", "SSN", "MBI") if kind == "transcript_clinic" else ())
    r.shuffle(ents)
    medicare = "MBI" in ents
    conv = Conv(r, kind or "json_" + profile, setting, vals, rrA, rrC, carriers, lowerA, lowerC, medicare)
    clinic = kind == "transcript_clinic"
    if clinic:
        if r.random() < 0.45:
            val = ("caller",) + conv.person
            conv.summary_vals.append(("NAME", val, None))
            conv.say("A", fill(r.choice(["Hi {V}, come on in, have a seat.", "Good morning {V}, how are you doing?",
                                         "Hey {V}, nice to see you again."]), V=conv.render("NAME", val, "A", "none", variant="given")))
            conv.say("C", [r.choice(["Hi, thanks.", "Good, thank you.", "Hi doctor."])])
        conv.carrier(r.randint(3, 8))
        conv.say("A", [r.choice(["Before you go, let me update a few things in your chart.", "Okay, a couple of quick admin things before we finish.",
                                 "The front desk asked me to double-check some details."])])
        conv.say("C", [r.choice(["Sure.", "Okay.", "Go ahead."])])
    else:
        conv.say("A", [setting[3]])
        if ents[0] == "NAME" and r.random() < 0.5:
            ents.pop(0)
            val = ("caller",) + conv.person
            conv.summary_vals.append(("NAME", val, None))
            if ("DOB" in ents or len(ents) < 4) and r.random() < 0.6:
                if "DOB" in ents:
                    ents.remove("DOB")
                dob = vals.dob(medicare)
                conv.summary_vals.append(("DOB", dob, None))
                conv.say("C", fill(r.choice(["Yeah hi. {V}. {D}. Calling about a {X}.", "Hi, {V}, {D}, I'm calling about my {X}."]),
                                   V=conv.render("NAME", val, "C", "none"), D=conv.render("DOB", dob, "C", "none"),
                                   X=r.choice(["referral", "refill", "claim", "ride", "repair"])))
                conv.say("A", [r.choice(["Thank you, let me find you.", "Okay, one moment while I pull that up."])])
            else:
                conv.say("C", fill(r.choice(["Yeah hi. {V}. I'm calling about my {X}.", "Hi, {V}, calling about the {X}.",
                                             "Yeah hello. {V}. About my {X}."]),
                                   V=conv.render("NAME", val, "C", "none"), X=r.choice(["order", "appointment", "claim", "referral"])))
                conv.say("A", [r.choice(["Sure, I can help with that.", "Okay, let me pull that up."])])
        else:
            conv.say("C", [r.choice(REASONS[setting[0]])])
            conv.say("A", [r.choice(["I can help with that. First I need to verify a few things.", "Okay, let's take a look.",
                                     "Sure. I'll just need some information."])])
    nneg = r.choice([1, 2, 2, 3, 3, 4])
    clinical_talk = setting[0] in ("infusion", "genetic", "trial", "poison", "sleep", "specialty", "pt", "dental", "hearing")
    car_at = r.randrange(len(ents) + 1) if (kind and kind != "transcript_voice_agent" and not clinic and clinical_talk
                                            and r.random() < 0.8) else -1
    negs_at = sorted(r.randrange(len(ents) + 1) for _ in range(nneg))
    for i in range(len(ents) + 1):
        if i == car_at:
            conv.carrier(r.randint(2, 6))
        for j in negs_at:
            if j == i:
                conv.negative()
        if i < len(ents):
            conv.exchange(ents[i])
    if clinic:
        conv.say("A", [r.choice(["Alright, that's all updated. The front desk will check you out.",
                                 "Okay, we're all set. We'll see you back in three months."])])
        conv.say("C", [r.choice(["Thank you, doctor.", "Great, thanks.", "Okay, thank you."])])
    elif r.random() < 0.85:
        conv.say("A", [r.choice(CLOSE_A)])
        conv.say("C", [r.choice(CLOSE_C)])
        if r.random() < 0.6:
            conv.say("A", [r.choice(CLOSE_A2)])
    while len(conv.turns) < 8:
        conv.negative()
    assert 2 <= len(conv.summary_vals) <= 5, conv.summary_vals  # injected values per record
    # process turns
    turns = []
    for spk, segs in conv.turns:
        low = lowerA if spk == "A" else lowerC
        ps = postprocess_turn(segs, low)
        if ps:
            turns.append((spk, ps))
    # merge consecutive same-speaker turns? keep; trim overlong conversations
    while len(turns) > 40:
        # drop one carrier-ish (unmarked) turn from the middle that has no marks and isn't adjacent to a question
        cands = [i for i in range(2, len(turns) - 3) if all(isinstance(s, str) for s in turns[i][1])
                 and all(isinstance(s, str) for s in turns[i + 1][1]) and not seg_text(turns[i][1]).endswith("?")]
        if not cands:
            break
        del turns[cands[len(cands) // 2]]
    org = setting[1]
    if profile:
        obj = build_json(profile, conv, r, ORG[setting[0]], turns)
        text, marks = serialise(obj)
        rec = {"id": "h6-%04d" % idx, "format": "json", "profile": profile, "kind": profile + "_" + setting[0]}
    else:
        la, lc = labels_for(kind, setting, r)
        stamp = r.random() < (0.5 if kind in ("transcript_deepgram", "transcript_transcribe") else 0.2)
        t = r.randint(0, 20)
        lines, marks = [], []
        pos = 0
        for i, (spk, segs) in enumerate(turns):
            pre = ("[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60) if stamp else "") + (la if spk == "A" else lc) + " "
            t += r.randint(2, 14)
            line = pre
            for s in segs:
                if isinstance(s, str):
                    line += s
                else:
                    marks.append((pos + len(line), pos + len(line) + len(s[0]), s[1]))
                    line += s[0]
            lines.append(line)
            pos += len(line) + 1
        text = "\n".join(lines)
        rec = {"id": "h6-%04d" % idx, "format": "transcript", "kind": kind + "_" + ("visit" if clinic else setting[0])}
    # char -> byte offsets
    b2 = [0]
    for ch in text:
        b2.append(b2[-1] + len(ch.encode("utf-8")))
    spans, negs = [], []
    for a, b, m in marks:
        if "neg" in m:
            negs.append({"start": b2[a], "end": b2[b], "what": m["neg"]})
        else:
            spans.append({"start": b2[a], "end": b2[b], "entity": m["entity"], "spoken": m["spoken"],
                          "cue": m["cue"], "form": m["form"]})
            counts[m["entity"]] += 1
    rec["text"] = text
    rec["spans"] = spans
    rec["negatives"] = negs
    return rec


def generate(seed, n):
    r = random.Random(seed)
    carriers = load_carriers()
    counts = collections.Counter()
    ntj = round(n * 0.25)
    ntr = n - ntj
    tot_w = sum(w for _, w in TKINDS)
    plan = []
    for kname, w in TKINDS:
        plan += [(kname, None)] * round(ntr * w / tot_w)
    while len(plan) < ntr:
        plan.append(("transcript_callcenter", None))
    plan = plan[:ntr]
    plan += [(None, PROFILES[i % 5]) for i in range(ntj)]
    r.shuffle(plan)
    recs = []
    for i, (kind, prof) in enumerate(plan):
        recs.append(make_record(i + 1, r, carriers, counts, kind, prof))
    return recs


def dump(recs, out):
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- check
WORDNUM = {w: i for i, w in enumerate(ONES)}
TENSNUM = {w: i for i, w in enumerate(TENS) if w}
NATO_REV = {v: k for k, v in NATO.items()}
FILLERS = {"uh", "um", "dash", "hyphen", "slash", "sorry", "no", "yeah", "and", "that's", "its", "it's"}


def spoken_parses(t):
    """Spoken/written rendering of a digit/letter id -> set of canonical uppercase readings.

    'eight sixty five fifty five' is ambiguous (860 55 / 865 5...), so every reading is kept."""
    t = t.lower().replace("x-ray", "xray")
    t = re.sub(r"\b([a-z]) as in [a-z\-]+", r"\1", t)
    toks = re.findall(r"\.\.\.|…|[,.]|[^\s,.…/()+#\-]+", t)
    toks = ["x-ray" if x == "xray" else x for x in toks]
    memo = {}

    def go(i):
        if i >= len(toks):
            return {""}
        if i in memo:
            return memo[i]
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        outs = []
        if w in ("double", "triple") and nxt:
            n = 2 if w == "double" else 3
            d = "0" if nxt in ("oh", "o", "zero") else str(WORDNUM.get(nxt, "?"))
            outs.append((d * n, i + 2))
        elif w in ("oh", "o", "zero"):
            outs.append(("0", i + 1))
        elif w in WORDNUM:
            outs.append(("%02d" % WORDNUM[w] if WORDNUM[w] >= 10 else str(WORDNUM[w]), i + 1))
        elif w in TENSNUM:
            outs.append((str(TENSNUM[w] * 10), i + 1))
            if nxt in WORDNUM and 1 <= WORDNUM[nxt] <= 9:
                outs.append((str(TENSNUM[w] * 10 + WORDNUM[nxt]), i + 2))
        elif w == "hundred":
            outs.append(("00", i + 1))
        elif w == "thousand":
            outs.append(("000", i + 1))
        elif w.isdigit():
            outs.append((w, i + 1))
        elif w in NATO_REV:
            outs.append((NATO_REV[w].upper(), i + 1))
        elif len(w) == 1 and w.isalpha():
            outs.append((w.upper(), i + 1))
        elif re.fullmatch(r"[a-z0-9]+", w) and any(c.isdigit() for c in w):
            outs.append((w.upper(), i + 1))
        elif w in FILLERS or w in (",", ".", "...", "…"):
            outs.append(("", i + 1))
        else:
            outs.append(("?", i + 1))
        res = set()
        for piece, j in outs:
            for rest in go(j):
                res.add(piece + rest)
                if len(res) > 256:
                    break
        memo[i] = res
        return res
    return go(0)


def valid_value(ent, form, t):
    """True/False, or None when the rendering is not machine-checkable."""
    if ent == "NAME":
        return bool(re.fullmatch(r"[A-Za-z][A-Za-z .,'\-]*", t))
    if ent == "EMAIL":
        return "@" in t or " at " in t
    if ent == "STREET":
        return bool(re.match(r"(\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                             r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)", t, re.I))
    if ent == "DOB":
        m = re.search(r"\b(19[3-9]\d|20(0\d|1[0-2]))\b", t) or re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d", t)
        if m:
            return True
        return bool(re.search(r"(nineteen|two thousand|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh|zero|o)\b", t, re.I))
    cands = sorted(x for x in spoken_parses(t) if "?" not in x)
    if not cands:
        return False
    return any(_valid_chars(ent, form, c) for c in cands) or (None if "restart" in form else False)


def _valid_chars(ent, form, c):
    if form.startswith("split_part"):
        return len(c) >= 2
    if "restart" in form:
        return None
    if ent == "PHONE":
        c = c[1:] if len(c) == 11 and c[0] == "1" else c
        return len(c) == 10 and c[:3] in AREA and c[3:8] == "55501"
    if ent == "SSN":
        return len(c) == 4 if "last4" in form else ssn_ok(c)
    if ent == "CARD":
        return (len(c) == 4 and c.isdigit()) if ("last4" in form or len(c) == 4) else (c.isdigit() and 13 <= len(c) <= 19 and luhn_ok(c))
    if ent == "NPI":
        return npi_ok(c)
    if ent == "ZIP":
        return c.isdigit() and len(c) in (5, 9) and c[:3] in ZIPPFX
    if ent == "MBI":
        return mbi_ok(c)
    if ent == "MRN":
        return 6 <= len(re.sub(r"^[A-Z]+", "", c)) <= 10 and re.sub(r"^[A-Z]+", "", c).isdigit()
    if ent == "MEMBER_ID":
        return 6 <= len(c) <= 14 and c.isalnum()
    return None


def string_ranges(raw):
    """Byte ranges of string tokens (contents) in compact JSON."""
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


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z][A-Za-z _0-9\-]*:) \S")


def check(paths):
    errs = []
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                rec = json.loads(line)
                recs.append(rec)
                rid = rec["id"]
                text = rec["text"]
                b = text.encode("utf-8")
                iv = []
                for s in rec["spans"]:
                    if not (0 <= s["start"] < s["end"] <= len(b)):
                        errs.append("%s: bad span offsets %r" % (rid, s))
                        continue
                    v = b[s["start"]:s["end"]].decode("utf-8")
                    if v != v.strip() or not v:
                        errs.append("%s: span with outer space %r" % (rid, v))
                    if s["cue"] not in ("same", "prev", "none") or s["entity"] not in ENTS:
                        errs.append("%s: bad cue/entity %r" % (rid, s))
                    ok = valid_value(s["entity"], s["form"], v)
                    if ok is False:
                        errs.append("%s: invalid %s value %r (%s)" % (rid, s["entity"], v, s["form"]))
                    iv.append((s["start"], s["end"], "span"))
                for n in rec["negatives"]:
                    if not (0 <= n["start"] < n["end"] <= len(b)):
                        errs.append("%s: bad negative offsets" % rid)
                    iv.append((n["start"], n["end"], "neg"))
                iv.sort()
                for x, y in zip(iv, iv[1:]):
                    if y[0] < x[1]:
                        errs.append("%s: overlap %r %r" % (rid, x, y))
                if rec["format"] == "json":
                    try:
                        json.loads(text)
                    except ValueError:
                        errs.append("%s: JSON does not parse" % rid)
                    if text != json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")):
                        errs.append("%s: not compact JSON" % rid)
                    rs = string_ranges(text)
                    for a, z, _ in iv:
                        if not any(ra <= a and z <= rz for ra, rz in rs):
                            errs.append("%s: span outside a JSON string" % rid)
                    if rec.get("profile") not in PROFILES:
                        errs.append("%s: bad profile" % rid)
                else:
                    lines = text.split("\n")
                    if not 8 <= len(lines) <= 40:
                        errs.append("%s: %d turns" % (rid, len(lines)))
                    if text.endswith("\n") or any(not l.strip() for l in lines):
                        errs.append("%s: blank line or trailing newline" % rid)
                    for l in lines:
                        if not LINE_RE.match(l):
                            errs.append("%s: line without speaker label: %r" % (rid, l[:60]))
                    # spans don't cross lines
                    for a, z, _ in iv:
                        if b"\n" in b[a:z]:
                            errs.append("%s: span crosses a line" % rid)
                nv = len({(s["entity"]) for s in rec["spans"]})
    for e in errs[:40]:
        print("ERROR", e)
    print("%d records, %d errors" % (len(recs), len(errs)))
    stats(recs)
    return not errs


def stats(recs):
    C = collections.Counter
    ent, cue, sp, kind, neg, fmt, forms = C(), C(), C(), C(), C(), C(), collections.defaultdict(C)
    ent_cue = collections.defaultdict(C)
    ent_sp = collections.defaultdict(C)
    prof = C()
    turns = []
    for rec in recs:
        fmt[rec["format"]] += 1
        kind[re.sub(r"_[a-z]+$", "", rec["kind"])] += 1
        if rec["format"] == "transcript":
            turns.append(rec["text"].count("\n") + 1)
        for s in rec["spans"]:
            ent[s["entity"]] += 1
            cue[s["cue"]] += 1
            sp["spoken" if s["spoken"] else "written"] += 1
            ent_cue[s["entity"]][s["cue"]] += 1
            ent_sp[s["entity"]]["spoken" if s["spoken"] else "written"] += 1
            forms[s["entity"]][re.sub(r"_(comma|space|dash|ellipsis|uh|um|dashword|period|zero|oh|o|O)\b", "", s["form"])] += 1
        for n in rec["negatives"]:
            neg[n["what"]] += 1
    print("records: %s" % dict(sorted(fmt.items())))
    print("kinds: %s" % dict(sorted(kind.items())))
    if turns:
        print("transcript turns: min %d, max %d, mean %.1f" % (min(turns), max(turns), sum(turns) / len(turns)))
    print("spans: %d; cue %s; %s" % (sum(ent.values()), dict(sorted(cue.items())), dict(sorted(sp.items()))))
    print("| entity | n | spoken | written | same | prev | none |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for e in ENTS:
        print("| %s | %d | %d | %d | %d | %d | %d |" % (e, ent[e], ent_sp[e]["spoken"], ent_sp[e]["written"],
                                                     ent_cue[e]["same"], ent_cue[e]["prev"], ent_cue[e]["none"]))
    print("negatives: %d %s" % (sum(neg.values()), dict(sorted(neg.items()))))
    for e in ENTS:
        top = forms[e].most_common(6)
        print("  %s forms (%d distinct): %s" % (e, len(forms[e]), ", ".join("%s %d" % x for x in top)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    dump(recs, sys.stdout)


if __name__ == "__main__":
    main()
