#!/usr/bin/env python3
"""Holdout-7 spoken-PHI corpus generator (independent; standard library only).

  python3 gen_holdout7.py [--seed 20261207] [--n 200] > holdout7.jsonl
  python3 gen_holdout7.py --stats
  python3 gen_holdout7.py --check holdout7.jsonl
Deterministic: the same --seed gives byte-identical output whatever PYTHONHASHSEED is.
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import sys

import random

HERE = os.path.dirname(os.path.abspath(__file__))
CARRIER_DIRS = [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
                os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "carrier-sources")]

# ---------------------------------------------------------------- pools
GIVEN = ["Marisol", "Dwayne", "Thuy", "Chidi", "Agnieszka", "Emre", "Priyanka", "Wei", "Nadia",
         "Garrett", "Lucinda", "Oluwaseun", "Bogdan", "Ximena", "Hamid", "Yesenia", "Tobias",
         "Minh", "Folasade", "Leticia", "Radhika", "Corbin", "Siobhan", "Arturo", "Ngozi",
         "Jadwiga", "Kemal", "Shreya", "Xiaoling", "Rashida", "Delphine", "Everett", "Zainab",
         "Hollis", "Marguerite", "Teodoro", "Anh", "Ifeoma", "Stanislaw", "Gulsen", "Vikram",
         "Yuet", "Octavia", "Roscoe", "Imelda", "Dashiell", "Fatima", "Lorraine", "Quentin",
         "Beatriz", "Khanh", "Obinna", "Wojciech", "Serkan", "Anjali", "Meiling", "Layla",
         "Verna", "Ignacio", "Bernadette"]
SURN = ["Villalobos", "Thibodeaux", "Nguyen", "Okonkwo", "Wisniewski", "Kaya", "Raghunathan",
        "Zhou", "Haddad", "Pruitt", "Espinoza", "Adebayo", "Kowalczyk", "Quintanilla", "Farouk",
        "Marchetti", "Tran", "Eze", "Szymanski", "Demir", "Venkataraman", "Liang", "Saleh",
        "Abernathy", "Ocampo", "Oyelaran", "Zielinski", "Aydin", "Chaudhary", "Huang", "Mansour",
        "Whitlock", "Bustamante", "Pham", "Nwachukwu", "Grabowski", "Celik", "Subramanian",
        "Cheng", "Khoury", "Delacroix", "Carrasco-Mejia", "Hoang", "Uchenna", "Lewandowska",
        "Ozdemir", "Iyer", "Tsai", "Nasser", "Brannigan", "Galindo", "Vo", "Obi", "Pawlak",
        "Yilmaz", "Bhattacharya", "Fong", "Aziz", "McCready", "Solorzano"]
STREETS = ["Magnolia", "Cedar Ridge", "Harmon", "Ash Hollow", "Wexford", "Linden", "Palisade",
           "Tamarack", "Beaumont", "Quarry", "Juniper", "Fairhaven", "Willet", "Orchard Hill",
           "Sycamore", "Delancey", "Bramble", "Kestrel", "Mesquite", "Larkspur"]
SUFFIX = [("street", "St."), ("avenue", "Ave"), ("road", "Rd"), ("drive", "Dr"), ("lane", "Ln"),
          ("court", "Ct"), ("boulevard", "Blvd"), ("way", "Way"), ("place", "Pl"), ("circle", "Cir")]
DIRS = [("north", "N"), ("south", "S"), ("east", "E"), ("west", "W")]
UNITS = [("apartment", "Apt"), ("unit", "Unit"), ("suite", "Ste"), ("number", "#")]
AREA = [201, 205, 206, 212, 213, 214, 215, 216, 217, 224, 248, 251, 262, 267, 301, 303, 304,
        305, 309, 312, 313, 314, 316, 317, 319, 336, 347, 352, 385, 402, 404, 405, 406, 407, 410,
        412, 414, 415, 417, 419, 423, 425, 432, 469, 478, 480, 501, 502, 503, 504, 505, 507, 509,
        512, 513, 515, 517, 520, 530, 540, 559, 570, 573, 601, 602, 603, 608, 609, 612, 614, 615,
        617, 619, 626, 651, 660, 678, 702, 704, 706, 713, 715, 716, 717, 719, 720, 727, 731, 732,
        734, 757, 763, 770, 773, 775, 785, 801, 803, 804, 808, 810, 813, 814, 816, 843, 847, 850,
        856, 860, 863, 865, 901, 904, 907, 908, 910, 912, 913, 916, 918, 919, 925, 928, 937, 941,
        949, 952, 954, 970, 971, 972, 978, 985]
ZIP3 = ["021", "038", "054", "070", "104", "112", "127", "148", "152", "191", "201", "212",
        "232", "275", "294", "303", "322", "331", "352", "372", "381", "402", "432", "441", "452",
        "462", "481", "495", "531", "553", "571", "601", "631", "641", "672", "701", "731", "752",
        "770", "787", "802", "841", "850", "871", "891", "900", "917", "921", "945", "958", "972",
        "981", "995"]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com", "gmail.com"]),
           ("yahoo.com", ["yahoo dot com"]), ("aol.com", ["a o l dot com", "aol dot com"]),
           ("outlook.com", ["outlook dot com"]), ("hotmail.com", ["hotmail dot com"]),
           ("icloud.com", ["icloud dot com", "i cloud dot com"]), ("comcast.net", ["comcast dot net"]),
           ("att.net", ["a t t dot net"]), ("protonmail.com", ["proton mail dot com"])]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
ASIN = {"a": ["apple", "adam"], "b": ["boy", "bravo"], "c": ["cat", "charlie"], "d": ["dog", "david"],
        "e": ["edward", "echo"], "f": ["frank", "fox"], "g": ["george", "girl"], "h": ["henry", "house"],
        "i": ["ice", "ida"], "j": ["john", "jack"], "k": ["king", "kite"], "l": ["larry", "lion"],
        "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "oscar"], "p": ["peter", "paul"],
        "q": ["queen", "quiet"], "r": ["robert", "red"], "s": ["sam", "sugar"], "t": ["tom", "tango"],
        "u": ["uncle", "umbrella"], "v": ["victor", "violet"], "w": ["william", "water"],
        "x": ["x-ray", "xylophone"], "y": ["yellow", "yes"], "z": ["zebra", "zoo"]}
UNITW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
CARD_BINS = ["411111", "424242", "400005", "555555", "222300", "510510", "601111", "378282",
             "371449", "353011"]
CARD_FIXED = ["4111111111111111", "4242424242424242", "5555555555554444", "2223003122003222",
              "378282246310005", "6011111111111117", "3530111333300000", "5105105105105100"]
ENTS = ["NAME", "SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL",
        "MEMBER_ID", "NPI"]
TARGET = {e: 86 for e in ENTS}
TARGET["NAME"] = 150


def num_words(n):
    if n < 10:
        return UNITW[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + UNITW[u])


def ordinal(n):
    if n <= 20:
        return ORD[n]
    t, u = divmod(n, 10)
    if u == 0:
        return {2: "twentieth", 3: "thirtieth"}[t]
    return TENS[t] + " " + ORD[u]


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


def luhn_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c


# ---------------------------------------------------------------- values
class Values:
    def __init__(self, rng):
        self.r = rng

    def name(self):
        r = self.r
        return r.choice(GIVEN), r.choice(SURN)

    def ssn(self):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        return "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))

    def phone(self):
        return "%d555%04d" % (self.r.choice(AREA), self.r.randint(100, 199))

    def dob(self, medicare=False):
        r = self.r
        y = r.randint(1932, 1959) if medicare else r.randint(1931, 2012)
        m = r.randint(1, 12)
        d = r.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
        return (y, m, d)

    def mrn(self):
        r = self.r
        shape = r.choice(["d7", "d8", "E7", "d9", "M6", "d10"])
        if shape == "d7":
            return str(r.randint(1000000, 9999999))
        if shape == "d8":
            return "%08d" % r.randint(1000000, 99999999)
        if shape == "d9":
            return str(r.randint(100000000, 999999999))
        if shape == "d10":
            return "00" + str(r.randint(10000000, 99999999))
        return shape[0] + "".join(r.choice("0123456789") for _ in range(int(shape[1:])))

    def mbi(self):
        r = self.r
        D, L, A = "0123456789", MBI_L, MBI_L + "0123456789"
        s = r.choice("123456789") + r.choice(L) + r.choice(A) + r.choice(D) + r.choice(L) + \
            r.choice(A) + r.choice(D) + r.choice(L) + r.choice(L) + r.choice(D) + r.choice(D)
        assert mbi_ok(s)
        return s

    def card(self):
        r = self.r
        if r.random() < 0.3:
            return r.choice(CARD_FIXED)
        b = r.choice(CARD_BINS)
        ln = 15 if b.startswith("37") else 16
        body = b + "".join(r.choice("0123456789") for _ in range(ln - len(b) - 1))
        return body + luhn_digit(body)

    def zip(self):
        return self.r.choice(ZIP3) + "%02d" % self.r.randint(1, 99)

    def street(self):
        r = self.r
        house = r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9999),
                          r.randint(1000, 9999), r.randint(10000, 29999)])
        d = r.choice(DIRS) if r.random() < 0.25 else None
        unit = None
        if r.random() < 0.3:
            unit = (r.choice(UNITS), r.choice([str(r.randint(1, 40)), "%d%s" % (r.randint(1, 9), r.choice("ABCD"))]))
        return (house, d, r.choice(STREETS), r.choice(SUFFIX), unit)

    def email(self, given, sur):
        r = self.r
        g, s = given.lower(), sur.lower().replace("-", "")
        style = r.choice(["dot", "plain", "num", "under", "init", "nick"])
        n = str(r.randint(1, 99)) if r.random() < 0.5 else str(r.randint(1950, 2005))
        if style == "dot":
            parts = [g, ".", s]
        elif style == "plain":
            parts = [g, s]
        elif style == "num":
            parts = [g, s, n]
        elif style == "under":
            parts = [g, "_", s]
        elif style == "init":
            parts = [g[0], s, n]
        else:
            parts = [r.choice(["sunny", "grandma", "bluejay", "nurse", "mama", "tiger", "redsox", "gator"]), g[:3], n]
        dom = r.choice(DOMAINS)
        return parts, dom

    def member_id(self):
        r = self.r
        shape = r.choice(["pfx3_9", "pfx1_10", "num11", "pfx3_dash", "alnum9", "pfx2_8_2"])
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        dg = lambda k: "".join(r.choice("0123456789") for _ in range(k))
        if shape == "pfx3_9":
            return "".join(r.choice(L) for _ in range(3)) + dg(9)
        if shape == "pfx1_10":
            return r.choice(L) + dg(10)
        if shape == "num11":
            return "9" + dg(8) + "0" + r.choice("12")
        if shape == "pfx3_dash":
            return "".join(r.choice(L) for _ in range(3)) + "-" + dg(4) + "-" + dg(4)
        if shape == "alnum9":
            return r.choice(L) + dg(2) + r.choice(L) + dg(5)
        return "".join(r.choice(L) for _ in range(2)) + dg(8) + "0" + r.choice("123")

    def npi(self):
        r = self.r
        body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
        c = luhn_digit("80840" + body)
        return body + c


def mbi_ok(s):
    if len(s) != 11:
        return False
    L, D = set(MBI_L), set("0123456789")
    rules = [set("123456789"), L, L | D, D, L, L | D, D, L, L, D, D]
    return all(ch in rules[i] for i, ch in enumerate(s))


def ssn_ok(s):
    return len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9" \
        and s[3:5] != "00" and s[5:] != "0000"


def npi_ok(s):
    return len(s) == 10 and s.isdigit() and s[0] in "12" and luhn_ok("80840" + s)


# ---------------------------------------------------------------- renderers
class Say:
    """Spoken / written renderings. Each returns (text, form, spoken)."""

    def __init__(self, rng):
        self.r = rng

    def zero(self):
        return self.r.choice(["zero", "oh", "oh", "o"])

    def digit_words(self, ds, z, dbl):
        out, i = [], 0
        while i < len(ds):
            c = ds[i]
            run = 1
            while i + run < len(ds) and ds[i + run] == c:
                run += 1
            w = z if c == "0" else UNITW[int(c)]
            if dbl and run >= 3:
                out.append("triple " + w)
                i += 3
            elif dbl and run == 2:
                out.append("double " + w)
                i += 2
            else:
                out.append(w)
                i += 1
        return " ".join(out)

    def pair_words(self, ds, z):
        if len(ds) == 2:
            if ds[0] == "0":
                return z + " " + UNITW[int(ds[1])] if ds[1] != "0" else z + " " + z
            return num_words(int(ds))
        if len(ds) == 3:
            if ds[1:] == "00":
                return UNITW[int(ds[0])] + " hundred"
            return UNITW[int(ds[0])] + " " + self.pair_words(ds[1:], z)
        if len(ds) == 4:
            if ds[2:] == "00" and ds[0] != "0":
                return num_words(int(ds[:2])) + " hundred"
            return self.pair_words(ds[:2], z) + " " + self.pair_words(ds[2:], z)
        return self.digit_words(ds, z, False)

    def groups(self, ds, sizes, mode=None, seps=None, cap=False):
        """Say a digit string in groups. mode digits/pairs/mixed/numerals."""
        r = self.r
        mode = mode or r.choice(["digits", "digits", "digits", "pairs", "mixed"])
        z = self.zero()
        dbl = r.random() < 0.35
        sep = seps or r.choice([" ", ", ", ", ", "... ", " uh ", " um ", ". ", " - "])
        if mode == "pairs" and sep == " ":
            sep = r.choice([", ", "... ", " - "])
        parts, i = [], 0
        for k in sizes:
            g = ds[i:i + k]
            i += k
            if mode == "pairs" and k in (2, 3, 4) and r.random() < 0.8:
                parts.append(self.pair_words(g, z))
            elif mode == "mixed" and r.random() < 0.4:
                parts.append(g)
            else:
                parts.append(self.digit_words(g, z, dbl))
        # never let a group ending in "twenty".."ninety" run into a group starting with a unit word:
        # "two eighty, seven ..." would be heard as 287
        for j in range(len(parts) - 1):
            if parts[j].split()[-1] in TENS[2:] and parts[j + 1].split()[0] in UNITW[1:]:
                gs = sum(sizes[:j])
                parts[j] = self.digit_words(ds[gs:gs + sizes[j]], z, dbl)
        if ". " == sep and cap:
            parts = [parts[0]] + [p[0].upper() + p[1:] for p in parts[1:]]
        txt = sep.join(parts)
        f = "%s_%s%s_%s" % (mode, z, "_dbl" if dbl else "", {" ": "space", ", ": "comma", "... ": "ellipsis",
                                                         " uh ": "uh", " um ": "um", ". ": "period",
                                                         " - ": "dash"}[sep])
        if mode == "mixed" and not re.search(r"[a-z]", txt):
            mode = "numerals"
        return txt, f, bool(re.search(r"[a-z]", txt))

    def letters(self, s, style=None, cap=True):
        r = self.r
        style = style or r.choice(["plain", "plain", "upper_hyph", "dotted", "as_in", "nato", "upper_space"])
        s = s.lower()
        L = [c for c in s if c.isalpha()]
        if style == "plain":
            return " ".join(L), "spelled_plain"
        if style == "upper_space":
            return " ".join(c.upper() for c in L), "spelled_upper_space"
        if style == "upper_hyph":
            return "-".join(c.upper() for c in L), "spelled_upper_hyphen"
        if style == "dotted":
            return " ".join(c.upper() + "." for c in L), "spelled_dotted"
        if style == "nato":
            return " ".join(NATO[c] for c in L), "spelled_nato"
        out = []
        for c in L:
            if r.random() < 0.4:
                out.append("%s as in %s" % (c.upper() if cap else c, r.choice(ASIN[c])))
            else:
                out.append(c.upper() if cap else c)
        return ", ".join(out), "spelled_as_in_some"

    def alnum(self, s, cap=True, groups=None):
        """Say a mix of letters and digits (MBI, member ids, some MRNs)."""
        r = self.r
        lstyle = r.choice(["plain", "plain", "nato", "as_in", "upper"])
        z = self.zero()
        sep = r.choice([" ", ", ", " uh ", "... "])
        toks = []
        for ch in s:
            if ch == "-":
                toks.append("|")
            elif ch.isdigit():
                toks.append(z if ch == "0" else UNITW[int(ch)])
            else:
                c = ch.lower()
                if lstyle == "nato":
                    toks.append(NATO[c])
                elif lstyle == "as_in" and r.random() < 0.6:
                    toks.append("%s as in %s" % (c.upper() if cap else c, r.choice(ASIN[c])))
                elif lstyle == "upper" and cap:
                    toks.append(c.upper())
                else:
                    toks.append(c)
        if groups:
            out, i = [], 0
            for g in groups:
                out.append(" ".join(t for t in toks[i:i + g] if t != "|"))
                i += g
            txt = sep.join(o for o in out if o)
        else:
            chunks, cur = [], []
            for t in toks:
                if t == "|":
                    chunks.append(cur)
                    cur = []
                else:
                    cur.append(t)
            chunks.append(cur)
            txt = sep.join(" ".join(c) for c in chunks if c)
        return txt, "alnum_%s_%s" % (lstyle, {" ": "space", ", ": "comma", " uh ": "uh", "... ": "ellipsis"}[sep])

    def year(self, y):
        r = self.r
        if y >= 2000:
            yy = y - 2000
            opts = ["two thousand " + num_words(yy) if yy else "two thousand",
                    "two thousand and " + num_words(yy) if yy else "two thousand"]
            if yy >= 10:
                opts.append("twenty " + num_words(yy))
            elif yy > 0:
                opts.append("twenty oh " + UNITW[yy])
            return r.choice(opts), "y2k"
        yy = y % 100
        tail = num_words(yy) if yy >= 10 else ("oh " + UNITW[yy] if yy else "hundred")
        if r.random() < 0.25 and yy >= 10:
            return tail, "yy"
        return "nineteen " + tail, "y19"

    def dob(self, v, written=False):
        y, m, d = v
        r = self.r
        M = MONTHS[m - 1]
        if written:
            k = r.choice(["mdy_slash", "mdy_slash_short", "month_th", "month_comma", "iso", "mdy_dash"])
            t = {"mdy_slash": "%02d/%02d/%d" % (m, d, y),
                 "mdy_slash_short": "%d/%d/%02d" % (m, d, y % 100),
                 "month_th": "%s %d%s, %d" % (M, d, "th" if 10 < d < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"), y),
                 "month_comma": "%s %d, %d" % (M, d, y),
                 "iso": "%d-%02d-%02d" % (y, m, d),
                 "mdy_dash": "%02d-%02d-%d" % (m, d, y)}[k]
            return t, "written_" + k, False
        k = r.choice(["month_ord", "month_ord", "month_card", "the_of", "num_oh", "num_nolead",
                      "slash_words", "digits_8", "month_ord_digits_year"])
        yt, yf = self.year(y)
        z = self.zero()
        if k == "month_ord":
            t = "%s %s %s" % (M.lower(), ordinal(d), yt)
        elif k == "month_card":
            t = "%s %s %s" % (M.lower(), num_words(d), yt)
        elif k == "the_of":
            t = "the %s of %s %s" % (ordinal(d), M.lower(), yt)
        elif k == "num_oh":
            t = "%s %s %s" % (self.pair_words("%02d" % m, z), self.pair_words("%02d" % d, z), num_words(y % 100) if y % 100 >= 10 else z + " " + UNITW[y % 10])
            yf = "yy"
        elif k == "num_nolead":
            t = "%s %s %s" % (num_words(m), num_words(d), yt)
        elif k == "slash_words":
            t = "%s slash %s slash %s" % (self.pair_words("%02d" % m, z), self.pair_words("%02d" % d, z), yt)
        elif k == "digits_8":
            t = self.digit_words("%02d%02d%d" % (m, d, y), z, False)
            yf = "y4"
        else:
            t = "%s %s %d" % (M.lower(), ordinal(d), y)
            yf = "y_num"
        return t, "%s_%s" % (k, yf), True


# ---------------------------------------------------------------- carriers
def carrier_dir():
    for d in CARRIER_DIRS:
        if d and os.path.isdir(os.path.join(d, "aci-bench")):
            return d
    sys.exit("carrier-sources not found; set CARRIER_DIR")


NAME_SET = set(w.lower() for w in GIVEN + SURN)
COMMON_NAMES = set("""james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl
harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie
elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene mary patricia jennifer
linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly
emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy
kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel
carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly
christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara
janice ann kathryn abigail sophia frances jean alice judy isabella julia grace amber denise danielle
marilyn beverly charlotte natalie theresa diana brittany doris kayla alexis lori marie diana sophie
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
nelson baker hall rivera campbell mitchell carter roberts jim bob tom mike jen kate sue ben dan""".split())
DROP_WORDS = re.compile(r"\b(mr|mrs|ms|miss|dr|doctor [a-z]+s\b|name|named|born|birthday|birth|address|"
                        r"street|avenue|road|phone|number|email|e-mail|social|insurance|medicare|"
                        r"medicaid|card|zip|january|february|march|april|june|july|august|september|"
                        r"october|november|december|nineteen|thousand|hundred|spell|hey|hi|hello|"
                        r"dear|sir|madam|ma'am|y'all|guys)\b", re.I)


def clean_turn(t):
    t = re.sub(r"<[^>]*>", " ", t)
    t = re.sub(r"\[[^\]]*\]", " ", t)
    t = re.sub(r"(\w) n't\b", r"\1n't", t)
    t = t.replace("wan na", "wanna").replace("gon na", "gonna").replace("got ta", "gotta")
    t = re.sub(r"\s+", " ", t).strip()
    return t


def screen(turn):
    if not turn or len(turn) < 2:
        return False
    if re.search(r"\d", turn) or "@" in turn or "_" in turn or DROP_WORDS.search(turn):
        return False
    words = re.findall(r"[A-Za-z']+", turn)
    for i, w in enumerate(words):
        lw = w.lower().strip("'")
        if lw in NAME_SET or lw in COMMON_NAMES:
            return False
        if w[0].isupper() and i > 0 and w not in ("I", "I'm", "I've", "I'll", "I'd", "Okay", "OK", "Tylenol",
                                                   "Advil", "Motrin", "Ibuprofen", "God", "English", "Covid",
                                                   "COVID", "Uh", "Um", "Yeah", "Yes", "No", "So", "And", "Oh",
                                                   "But", "Well", "Right", "Alright", "Mm", "Hmm", "The", "It",
                                                   "That", "What", "How", "Do", "Have", "Any", "Is", "Are",
                                                   "Can", "Did", "When", "Does", "We", "You", "My", "A", "Good",
                                                   "Thank", "Thanks", "Sure", "Great", "Sorry", "Not", "Just"):
            # capital after a sentence end is fine
            prev = turn[:turn.find(w)].rstrip()
            if prev and prev[-1] not in ".?!":
                return False
    return True


def load_carriers():
    d = carrier_dir()
    out = {"aci": [], "mts": [], "primock": []}
    for path in sorted(glob.glob(os.path.join(d, "aci-bench", "*.csv"))):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*\[(doctor|patient)\]\s*(.*)", line)
                    if m:
                        turns.append(("A" if m.group(1) == "doctor" else "C", clean_turn(m.group(2))))
                if turns:
                    out["aci"].append(("aci:" + row.get("id", ""), turns))
    for path in sorted(glob.glob(os.path.join(d, "mts-dialog", "*.csv"))):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient)\s*:\s*(.*)", line)
                    if m:
                        turns.append(("A" if m.group(1) == "Doctor" else "C", clean_turn(m.group(2))))
                    elif line.strip():
                        turns.append(("X", ""))
                if len(turns) >= 4:
                    out["mts"].append(("mts:" + os.path.basename(path) + row["ID"], turns))
    for path in sorted(glob.glob(os.path.join(d, "primock57", "*_doctor.TextGrid"))):
        items = []
        for who, p in (("A", path), ("C", path.replace("_doctor", "_patient"))):
            if not os.path.exists(p):
                continue
            txt = open(p, encoding="utf-8").read()
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                t = clean_turn(m.group(2).replace('""', '"'))
                if t:
                    items.append((float(m.group(1)), who, t))
        items.sort()
        turns = []
        for _, who, t in items:
            if turns and turns[-1][0] == who:
                turns[-1] = (who, turns[-1][1] + " " + t)
            else:
                turns.append((who, t))
        out["primock"].append(("primock:" + os.path.basename(path), turns))
    return out


def shorten(t, n=300):
    if len(t) <= n:
        return t
    cut = t[:n]
    k = max(cut.rfind(". "), cut.rfind("? "))
    if k > 80:
        return cut[:k + 1]
    return cut[:cut.rfind(" ")]


def carrier_window(rng, carriers, src, k, first="A"):
    """k consecutive screened turns from the middle of a dialogue, alternating speakers,
    starting with `first` and ending with a patient turn."""
    for _ in range(2000):
        cid, turns = rng.choice(carriers[src])
        if len(turns) < k + 6:
            continue
        start = rng.randint(3, len(turns) - k - 1)
        win = turns[start:start + k]
        if win[0][0] != first or win[-1][0] != "C":
            continue
        if all(w[0] in "AC" and screen(w[1]) for w in win) and \
                all(win[i][0] != win[i + 1][0] for i in range(len(win) - 1)):
            return [(w[0], shorten(w[1])) for w in win]
    return []


# ---------------------------------------------------------------- record building
S0, S1, S2, N0 = "\ue000", "\ue001", "\ue002", "\ue003"


class Rec:
    def __init__(self, rng, say, vals, style):
        self.r, self.say, self.v, self.style = rng, say, vals, style
        self.info = []        # span / negative infos
        self.turns = []       # (role, text-with-markers)
        self.values = []      # (entity, canonical) for summary
        # raw caller STT (lower case, no punctuation) under well-formed LLM agent turns
        self.lower_caller = style == "agent" and rng.random() < 0.35

    def mark(self, text, **info):
        self.info.append(info)
        return "%s%d%s%s%s" % (S0, len(self.info) - 1, S1, text, S2)

    def span(self, text, ent, cue, form, spoken):
        return self.mark(text, kind="span", entity=ent, cue=cue, form=form, spoken=spoken)

    def neg(self, text, what):
        return self.mark(text, kind="neg", what=what)

    def add(self, role, text):
        self.turns.append((role, text))


def strip_markers(s, infos):
    """Remove markers; return (clean, spans, negatives) with byte offsets."""
    out, spans, negs = [], [], []
    pos, i, stack = 0, 0, []
    while i < len(s):
        ch = s[i]
        if ch == S0:
            j = s.index(S1, i)
            stack.append((int(s[i + 1:j]), pos))
            i = j + 1
            continue
        if ch == S2:
            k, st = stack.pop()
            inf = infos[k]
            if inf["kind"] == "span":
                spans.append({"start": st, "end": pos, "entity": inf["entity"], "spoken": inf["spoken"],
                              "cue": inf["cue"], "form": inf["form"]})
            else:
                negs.append({"start": st, "end": pos, "what": inf["what"]})
            i += 1
            continue
        out.append(ch)
        pos += len(ch.encode("utf-8"))
        i += 1
    assert not stack
    return "".join(out), spans, negs


def style_text(text, lower, punct):
    """Lower-case / de-punctuate a turn, leaving the markers in place."""
    if lower:
        text = text.lower()
    if not punct:
        text = re.sub(r"\.\.\.|[?!;]|[.,:](?!\w)", "", text)
        text = re.sub(r"\s+", " ", text).strip()
        text = re.sub(r" (?=" + S2 + ")", "", text)
    else:
        text = re.sub(r"(^|[.?!] )((?:" + S0 + r"\d+" + S1 + r")*)([a-z])",
                      lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)
    return text


# ---------------------------------------------------------------- value renderings
def render(rec, ent, val, written, ctx):
    """Return (text, form, spoken) for one value."""
    r, say = rec.r, rec.say
    cap = rec.style != "aci"
    if ent == "PHONE":
        if written:
            a, b, c = val[:3], val[3:6], val[6:]
            k = r.choice(["paren", "dash", "dot", "plus1", "e164"])
            t = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s", "plus1": "+1 %s-%s-%s",
                 "e164": "+1%s%s%s"}[k] % (a, b, c)
            return t, "written_" + k, False
        t, f, sp = say.groups(val, [3, 3, 4], cap=cap)
        if r.random() < 0.15:
            t, f = "one " + t, "lead1_" + f
        return t, f, sp
    if ent == "SSN":
        if ctx.get("last4"):
            if written:
                return val[5:], "written_last4", False
            t, f, sp = say.groups(val[5:], [4] if r.random() < 0.6 else [2, 2], cap=cap)
            return t, "last4_" + f, sp
        if written:
            return "%s-%s-%s" % (val[:3], val[3:5], val[5:]), "written_dash", False
        return say.groups(val, [3, 2, 4], cap=cap)
    if ent == "CARD":
        if ctx.get("last4"):
            if written:
                return val[-4:], "written_last4", False
            t, f, sp = say.groups(val[-4:], [4] if r.random() < 0.5 else [2, 2], cap=cap)
            return t, "last4_" + f, sp
        g = [4, 6, 5] if len(val) == 15 else [4, 4, 4, 4]
        if written:
            out, i = [], 0
            for k in g:
                out.append(val[i:i + k])
                i += k
            return (" " if r.random() < 0.7 else "-").join(out), "written_groups", False
        return say.groups(val, g, mode=r.choice(["digits", "digits", "pairs", "mixed"]), cap=cap)
    if ent == "NPI":
        if written:
            return val, "written_plain", False
        return say.groups(val, r.choice([[10], [3, 3, 4], [4, 3, 3], [5, 5]]), cap=cap)
    if ent == "ZIP":
        if written:
            return val, "written_5", False
        k = r.random()
        if k < 0.2 and val[0] != "0" and val[1] != "0":
            t = "%s %s %s" % (num_words(int(val[:2])), say.digit_words(val[2], say.zero(), False),
                              say.pair_words(val[3:], say.zero()))
            return t, "zip_pairs", True
        if k < 0.35:
            t = "%s %s" % (say.digit_words(val[:3], say.zero(), False), say.pair_words(val[3:], say.zero()))
            return t, "zip_3_pair", True
        return say.groups(val, [5], mode="digits", seps=" ", cap=cap)
    if ent == "MRN":
        if written:
            return val, "written_plain", False
        if val[0].isalpha():
            t, f = say.alnum(val, cap=cap)
            return t, f, True
        return say.groups(val, r.choice([[len(val)], [3, len(val) - 3], [len(val) - 4, 4]]), cap=cap)
    if ent == "MBI":
        if written:
            return (val[:4] + "-" + val[4:7] + "-" + val[7:]) if r.random() < 0.5 else val, "written_mbi", False
        t, f = say.alnum(val, cap=cap, groups=r.choice([None, [4, 3, 4], [11], [3, 3, 5]]))
        return t, f, True
    if ent == "MEMBER_ID":
        if written:
            return val, "written_plain", False
        t, f = say.alnum(val, cap=cap)
        return t, f, True
    if ent == "DOB":
        return say.dob(val, written)
    if ent == "STREET":
        house, d, name, suf, unit = val
        if written:
            t = "%d %s%s %s" % (house, (d[1] + " ") if d else "", name, suf[1])
            if unit:
                t += (", " if r.random() < 0.5 else " ") + ("%s %s" % (unit[0][1], unit[1]) if unit[0][1] != "#" else "#" + unit[1])
            return t, "written_addr", False
        hs = str(house)
        if len(hs) == 5 or r.random() < 0.25:
            ht, hf = say.digit_words(hs, say.zero(), False), "house_digits"
        elif len(hs) == 2:
            ht, hf = num_words(house), "house_number"
        else:
            ht, hf = say.pair_words(hs, say.zero()), "house_pairs"
        nm = name.lower() if not cap else name
        t = "%s %s%s %s" % (ht, (d[0] + " ") if d else "", nm, suf[0])
        if unit:
            u = unit[1]
            ut = num_words(int(u)) if u.isdigit() else "%s %s" % (UNITW[int(u[0])], u[1].lower() if not cap else u[1])
            t += " %s %s" % (unit[0][0], ut)
            hf += "_unit"
        return t, hf, True
    if ent == "EMAIL":
        parts, dom = val
        if written:
            return "".join(parts) + "@" + dom[0], "written_email", False
        out, spelled = [], r.random() < 0.25
        for p in parts:
            if p == ".":
                out.append("dot")
            elif p == "_":
                out.append("underscore")
            elif p.isdigit():
                out.append(say.digit_words(p, say.zero(), False) if r.random() < 0.6 else num_words(int(p)) if len(p) == 2 else p)
            elif spelled and len(p) > 1:
                out.append(say.letters(p, r.choice(["plain", "upper_hyph", "upper_space"]))[0])
            else:
                out.append(p)
        at = r.choice(["at", "at", "at sign"])
        t = " ".join(out) + " " + at + " " + r.choice(dom[1])
        if r.random() < 0.15 and not spelled:
            t = "".join(parts) + " at " + r.choice(dom[1])
            return t, "email_half_written", True
        return t, "email_spelled" if spelled else "email_words", True
    if ent == "NAME":
        g, s = val
        k = ctx.get("name_form", "full")
        if k == "given":
            t = g
        elif k == "sur":
            t = s
        elif k == "last_first":
            t = "%s, %s" % (s, g)
        elif k == "initial":
            t = "%s %s. %s" % (g, r.choice("ABCDEFGHJKLMNPRSTW"), s)
        else:
            t = "%s %s" % (g, s)
        if not cap:
            t = t.lower()
        return t, "name_" + k + ("" if cap else "_lower"), not written
    raise ValueError(ent)


def canon(ent, val):
    """Written form for LLM summaries."""
    if ent == "PHONE":
        return "(%s) %s-%s" % (val[:3], val[3:6], val[6:])
    if ent == "DOB":
        return "%02d/%02d/%d" % (val[1], val[2], val[0])
    if ent == "NAME":
        return "%s %s" % val
    if ent == "EMAIL":
        return "".join(val[0]) + "@" + val[1][0]
    if ent == "STREET":
        house, d, name, suf, unit = val
        t = "%d %s%s %s" % (house, (d[1] + " ") if d else "", name, suf[1])
        if unit:
            t += " %s %s" % (unit[0][1], unit[1]) if unit[0][1] != "#" else " #" + unit[1]
        return t
    if ent == "SSN":
        return val[5:]
    if ent == "CARD":
        return val[-4:]
    if ent == "MBI":
        return val
    return val


# ---------------------------------------------------------------- phrasing
ASK = {  # "tag1,tag2|question": only in those scenarios ("clinic" = clinic visits); untagged: anywhere
    "PHONE": ["What's the best callback number for you?", "Can I get a good phone number in case we get disconnected?",
              "nurse_line,home_health,clinic|And what number should the nurse call you back at?",
              "home_health|Is there a phone number where the home health nurse can reach you?",
              "What number do you want on file for appointment reminders?", "And your cell number?",
              "pharmacist,lab,referral|What's the patient's phone number on file?"],
    "SSN": ["ma_caregiver,billing,enrollment,portal|For verification I'll need the last four of the member's social.",
            "Can you give me the last four of your social security number?",
            "enrollment,ma_caregiver,home_health|I'll need the social security number for the application.",
            "To pull up the account, what's the patient's social?"],
    "DOB": ["And the patient's date of birth?", "Can you verify your date of birth for me?", "What's the birthdate on the account?",
            "ma_caregiver,home_health,nurse_line,pharmacist,lab,referral|And when was she born?", "Date of birth, please."],
    "MRN": ["home_health,billing,nurse_line,ma_caregiver,clinic|Do you have the medical record number from the discharge paperwork?",
            "lab|What's the MRN on the requisition?", "lab|Can you read me the MRN on the specimen label?",
            "billing,portal,pharmacy_refill,enrollment|Is there a patient account number or chart number on the statement?",
            "Do you have the patient's medical record number?", "And the MRN, if you have it?"],
    "MBI": ["Can you read me the Medicare number off the red white and blue card?", "I'll need the Medicare beneficiary identifier.",
            "What's the Medicare ID on the card?", "Do you have the new Medicare number, the one with letters and numbers?"],
    "CARD": ["billing,pharmacy_refill,portal,enrollment|What card would you like to use for the balance?", "And which card number?",
             "Go ahead with the card number whenever you're ready.", "last4|Can you give me the last four of the card that was charged?"],
    "ZIP": ["And what zip code are you in?", "billing,pharmacy_refill,enrollment|What's the billing zip code on the card?",
            "Can I get the zip code to find a pharmacy near you?", "And the zip?"],
    "STREET": ["home_health,nurse_line|What's the home address where the nurse will be visiting?",
               "Can I get the street address for the mailing?",
               "ma_caregiver,enrollment,billing|What address should we send the new card to?", "And the home address?",
               "What's the current address on file?"],
    "EMAIL": ["portal|What email address is on the portal account?", "portal|What's a good email for the reset link?",
              "billing,enrollment|Can I get an email to send the statement to?", "And the email address?",
              "Is there an email we can send the after-visit summary to?"],
    "MEMBER_ID": ["Can you read me the member ID on the front of the insurance card?", "What's the subscriber ID?",
                  "And the policy number for the secondary insurance?", "What's the ID on the Medicaid card?"],
    "NPI": ["What's the prescriber's NPI?", "Can I have the ordering physician's NPI number?", "And the referring provider's NPI?",
            "Do you have the NPI for the rendering provider?"],
}


ASK3 = {"PHONE": ["What's the patient's phone number on file?", "Do you have a good number for the patient?"],
        "DOB": ["And the patient's date of birth?", "What's the patient's DOB?", "And when was she born?"]}


def pick_ask(r, ent, scen_name, last4):
    if scen_name in ("pharmacist", "lab", "referral") and ent in ASK3:
        return r.choice(ASK3[ent])
    out = []
    for q in ASK[ent]:
        tags, _, text = q.rpartition("|")
        if "last four" in text and not last4:
            continue
        if tags and scen_name not in tags.split(",") and not (tags == "last4" and last4):
            continue
        out.append(text)
    return r.choice(out)


SAME = {
    "PHONE": ["My number is {v}.", "You can reach me at {v}.", "My cell is {v}.", "The best number is {v}.", "Call my daughter's phone, it's {v}."],
    "SSN": ["My social is {v}.", "His social is {v}.", "Social security number is {v}.", "Okay, social, {v}."],
    "DOB": ["My date of birth is {v}.", "I was born {v}.", "Her birthday's {v}.", "Date of birth {v}."],
    "MRN": ["The MRN is {v}.", "Medical record number {v}.", "It says chart number {v}.", "The patient account number is {v}."],
    "MBI": ["The Medicare number is {v}.", "Her Medicare ID is {v}.", "OK, Medicare beneficiary number, {v}."],
    "CARD": ["The card number is {v}.", "It's a Visa, number {v}.", "Okay, the number on the card is {v}.", "Card number {v}."],
    "ZIP": ["Zip code's {v}.", "The zip is {v}.", "Billing zip {v}."],
    "STREET": ["I live at {v}.", "The address is {v}.", "Mailing address is {v}.", "She's staying at {v} now."],
    "EMAIL": ["My email is {v}.", "The email on there should be {v}.", "Send it to {v}."],
    "MEMBER_ID": ["The member ID is {v}.", "Subscriber ID {v}.", "Policy number is {v}.", "ID number on the card says {v}."],
    "NPI": ["The NPI is {v}.", "Her NPI number is {v}.", "NPI {v}."],
}
SAME3 = {  # third-party callers (pharmacist, lab, referral coordinator) talking about a patient
    "DOB": ["The patient's date of birth is {v}.", "Patient DOB is {v}.", "She was born {v}.", "Date of birth {v}."],
    "PHONE": ["The patient's number is {v}.", "The number we have for him is {v}.", "Her cell is listed as {v}."],
}
SAME4 = {"SSN": ["The last four of my social are {v}.", "Last four of the social, {v}.", "Social ends in {v}."],
         "CARD": ["The card ends in {v}.", "It's the Visa ending in {v}.", "Last four on the card are {v}."]}
BARE = ["{v}.", "Uh, {v}.", "Yeah, it's {v}.", "Okay, {v}.", "Um... {v}.", "Sure. {v}.", "{v}", "Let's see... {v}."]
READBACK = ["Just to confirm, {v}?", "Okay, I have {v}.", "{v}, got it.", "Let me read that back. {v}. Is that right?",
            "So that's {v}, correct?", "Perfect, {v}."]
CONFIRM = ["Yes.", "That's right.", "Mm-hmm, yes.", "Correct.", "Yep, that's it.", "Yes ma'am."]
ACK = ["Mm-hmm.", "Okay.", "Go ahead.", "Uh-huh.", "Got it so far."]
NEGS = [  # (what, ["A|frame" or "C|frame"], value maker)
    ("dose", ["C|I've been taking {n} at night.", "A|The doctor wants you to go up to {n} twice a day.", "C|It's the {n} tablets, the white ones."],
     lambda r: r.choice(["twenty milligrams", "five hundred milligrams", "10 mg", "two point five milligrams", "forty units", "half a tablet"])),
    ("blood_pressure", ["C|My pressure this morning was {n}.", "C|Her blood pressure was {n} at the pharmacy.", "A|The last reading we have is {n}."],
     lambda r: r.choice(["one forty two over eighty eight", "138/84", "one twenty over seventy six", "one sixty over ninety five"])),
    ("time", ["A|The nurse can come out at {n}.", "A|Your appointment is at {n}.", "A|We close at {n} today.", "C|I'm usually home after {n}."],
     lambda r: r.choice(["two fifteen", "9:30 AM", "ten thirty in the morning", "four forty five", "1:45 PM"])),
    ("duration", ["C|I've been on hold for {n}.", "C|I was on hold {n} yesterday too."],
     lambda r: r.choice(["about forty five minutes", "twenty minutes", "an hour and ten minutes", "thirty five minutes"])),
    ("duration", ["C|It's been going on for {n}.", "C|She's been like this for {n}."],
     lambda r: r.choice(["three weeks", "six days", "about two months", "ten days"])),
    ("duration", ["A|The visit takes about {n}.", "A|Plan on {n} for the infusion."],
     lambda r: r.choice(["forty minutes", "two and a half hours", "an hour", "ninety minutes"])),
    ("money", ["C|The bill says {n}.", "A|Your copay would be {n}.", "C|They charged me {n} twice."],
     lambda r: r.choice(["two hundred forty seven dollars", "$45.00", "forty dollars", "$1,180.32", "a hundred and twelve dollars"])),
    ("room_number", ["C|She's up in room {n}.", "C|He was in room {n} on the fourth floor.", "A|Check in at suite {n} on the second floor."],
     lambda r: r.choice(["four twelve", "three oh eight", "212", "five nineteen"])),
    ("count", ["A|You have {n} left on that prescription.", "A|The doctor authorized {n}."],
     lambda r: r.choice(["two refills", "three refills", "one refill", "five refills"])),
    ("count", ["C|She takes {n} a day.", "A|The directions say {n} a day."],
     lambda r: r.choice(["four pills", "two tablets", "three capsules", "six pills"])),
    ("count", ["A|They sent {n}.", "A|Insurance only covers {n} at a time."],
     lambda r: r.choice(["ninety tablets", "thirty capsules", "a thirty day supply", "sixty tablets"])),
    ("age", ["C|My mother is {n} now.", "C|He just turned {n}.", "C|She's {n} and lives alone."],
     lambda r: r.choice(["eighty one", "seventy four", "sixty eight years old", "eighty seven", "fifty nine"])),
    ("appointment_date", ["A|We can get you in {n}.", "A|The next opening is {n}.", "A|Your follow-up is {n}."],
     lambda r: r.choice(["next Tuesday the fourteenth", "on March third", "Thursday, the twenty second", "on the ninth"])),
    ("confirmation_number", ["A|Your confirmation number is {n}.", "A|I'll give you a confirmation number, it's {n}."],
     lambda r: r.choice(["C as in cat seven four two", "K Q seven one", "Z R nine nine", "B as in boy two two six"])),
    ("order_number", ["A|The order number is {n}.", "A|I see order number {n} shipped yesterday."],
     lambda r: r.choice(["W three three one eight", "R X seven seven two", "T as in tom four one"])),
    ("reference_number", ["A|Your reference number for this call is {n}.", "A|The prior auth reference is {n}."],
     lambda r: r.choice(["P A two two six", "ticket eight eight one", "case four forty two"])),
    ("menu_option", ["A|Next time you can just {n} for the pharmacy.", "A|If this is urgent, {n} to reach the on-call nurse."],
     lambda r: r.choice(["press two", "press one", "press three", "press zero"])),
    ("emergency_number", ["A|If she has chest pain, call {n} right away.", "A|If you can't breathe, hang up and dial {n}."],
     lambda r: r.choice(["nine one one", "911"])),
    ("lab_value", ["A|Your A1C came back at {n}.", "A|The potassium was {n}.", "A|The INR today was {n}."],
     lambda r: r.choice(["seven point four", "three point nine", "2.6", "six point one"])),
    ("weight", ["C|I'm down to {n}.", "C|He weighs about {n}."],
     lambda r: r.choice(["one hundred sixty two pounds", "one eighty five", "148 pounds", "two hundred and four pounds"])),
    ("height", ["C|She's about {n}.", "C|I'm {n}, if that matters."],
     lambda r: r.choice(["five foot seven", "five foot two", "six foot one", "five feet four inches"])),
]

NEG_KINDS = sorted(set(x[0] for x in NEGS))

SCEN = [
    dict(name="ma_caregiver", clinical=True, org="Sunvale Medicare Advantage", who="member services", reason="I'm calling for my mother, she's a member with you.",
         ents=["MBI", "DOB", "MEMBER_ID", "STREET", "ZIP", "PHONE", "NAME"], medicare=True, rel=True),
    dict(name="pharmacist", org="Lakeside Family Medicine", who="the front desk", reason="This is the pharmacy calling about a prescription that needs clarification.",
         ents=["NPI", "DOB", "PHONE", "NAME", "MRN"], prov=True),
    dict(name="billing", org="Meridian Health billing office", who="patient accounts", reason="I got a bill I don't think I owe.",
         ents=["CARD", "SSN", "ZIP", "STREET", "MRN", "MEMBER_ID"]),
    dict(name="home_health", clinical=True, org="BrightPath Home Health", who="intake", reason="I'm calling to set up home health for my father after his hospital stay.",
         ents=["STREET", "ZIP", "PHONE", "MRN", "MBI", "DOB", "NAME"], rel=True, medicare=True),
    dict(name="portal", org="Cedar Valley Clinic", who="the patient portal help line", reason="I'm locked out of my portal account.",
         ents=["EMAIL", "DOB", "ZIP", "PHONE", "SSN"]),
    dict(name="lab", org="Crestline Laboratories", who="client services", reason="We received a specimen without a second identifier.",
         ents=["MRN", "DOB", "NPI", "NAME", "PHONE"], prov=True),
    dict(name="referral", org="Northgate Orthopedics", who="referrals", reason="I'm the referral coordinator, I'm sending over a patient.",
         ents=["NPI", "MEMBER_ID", "DOB", "PHONE", "NAME"], prov=True),
    dict(name="pharmacy_refill", clinical=True, org="Corner Street Pharmacy", who="the pharmacy", reason="I need to refill my blood pressure medicine.",
         ents=["DOB", "PHONE", "ZIP", "CARD", "MEMBER_ID", "EMAIL"]),
    dict(name="enrollment", org="Statewide Health Marketplace", who="enrollment", reason="I want to enroll in a plan for next year.",
         ents=["SSN", "STREET", "ZIP", "EMAIL", "PHONE", "MEMBER_ID"]),
    dict(name="nurse_line", clinical=True, org="Riverbend Pediatrics", who="the nurse line", reason="My son has had a fever since yesterday.",
         ents=["DOB", "PHONE", "MRN", "NAME", "MEMBER_ID"], rel=True),
]
CLINIC = dict(name="clinic", org="the clinic", who="", reason="", ents=["DOB", "PHONE", "ZIP", "MEMBER_ID", "STREET", "MBI", "NAME"], closed=True)
AGENT_NAMES = ["Keisha", "Tomasz", "Renata", "Dmitri", "Aaliyah", "Hiroshi", "Colette", "Mateo", "Anneliese", "Bashir"]


def pick_entities(rng, scen, counts, k, used=()):
    pool = scen["ents"] + [e for e in ENTS if e not in scen["ents"] and e != "NAME"]
    if scen.get("prov"):
        pool = scen["ents"] + ["MEMBER_ID"]
    if scen.get("closed"):
        pool = list(scen["ents"])
    pool = [e for e in pool if e not in used]
    chosen = []
    for _ in range(k):
        best = None
        for e in pool:
            if e in chosen or (e == "NAME" and "NAME" in chosen):
                continue
            w = (counts[e] / TARGET[e]) - (0.25 if e in scen["ents"] else 0) + rng.random() * 0.35
            if best is None or w < best[0]:
                best = (w, e)
        if best is None:
            break
        chosen.append(best[1])
    return chosen


def fmt_turn(rec, template, vtext):
    return template.replace("{v}", vtext)


def exchange(rec, ent, val, ctx, counts):
    """Append an ask/answer (+read-back) exchange for one value."""
    r = rec.r
    wp = ctx["written_p"]

    def R(cue, written=None, **kw):
        w = (r.random() < wp) if written is None else written
        c = dict(ctx)
        c.update(kw)
        t, f, sp = render(rec, ent, val, w, c)
        counts[ent] += 1
        return rec.span(t, ent, cue, f, sp)

    last4 = ent in ("SSN", "CARD") and r.random() < 0.55
    ask = pick_ask(r, ent, ctx["scen_name"], last4)
    if last4 and ent == "SSN":
        ask = "Can I get the last four of the social?"
    if last4 and ent == "CARD":
        ask = "Which card was it, can you give me the last four?"
    if ent in ("PHONE", "NPI", "ZIP", "DOB") or (ent in ("SSN", "CARD") and not last4):
        if r.random() < 0.12:
            full, f, sp = render(rec, ent, val, False, ctx)
            words = full.replace(",", "").replace("...", "").split()
            cut = max(1, min(len(words) - 1, r.randint(1, 3)))
            t = " ".join(words[:cut]) + r.choice(["... sorry, ", "... no wait, ", " - let me start over. ", "... hold on. "]) + full
            counts[ent] += 1
            rec.add("A", ask)
            rec.add("C", fmt_turn(rec, r.choice(BARE), rec.span(t, ent, "prev", "restart_" + f, True)))
            return
    third = ctx["scen"].get("prov") and ent in SAME3
    same_frames = SAME3[ent] if third else SAME[ent]
    flow = r.choices(["bare", "same", "repeat", "split", "readback_err", "hold", "volunteer"],
                     [40, 25, 8, 8 if ent in ("PHONE", "CARD", "MBI", "MEMBER_ID", "SSN") else 0,
                      7 if ent == "PHONE" else 0, 6, (12 if ctx["scen_name"] == "clinic" else 35) if ent == "PHONE" and not ctx["scen"].get("prov") else 0])[0]
    if flow == "volunteer":
        frames = ["Oh, and %s, you can write that down.", "Oh and %s. Just so you have it."]
        if ctx["scen_name"] != "clinic":
            frames += ["Oh, and %s, in case we get cut off.", "Before I forget, %s. In case this drops."]
        rec.add("C", r.choice(frames) % R("none", last4=last4))
        return
    rec.add("A", ask)
    if flow == "same":
        rec.add("C", fmt_turn(rec, r.choice(SAME4[ent] if last4 else same_frames), R("same", last4=last4)))
    elif flow == "hold":
        rec.add("C", r.choice(["Hold on, let me grab my card... okay.", "Hang on, I wrote it down somewhere. Okay, here.",
                               "One sec... alright."]))
        rec.add("A", "Take your time.")
        rec.add("C", fmt_turn(rec, r.choice(SAME4[ent] if last4 else same_frames), R("same", last4=last4)))
    elif flow == "repeat":
        rec.add("C", fmt_turn(rec, r.choice(BARE), R("prev", last4=last4)))
        rec.add("A", r.choice(["Sorry, you cut out. Could you repeat that?", "I'm sorry, say that one more time?",
                               "Could you repeat that a little slower?"]))
        rec.add("C", fmt_turn(rec, r.choice(BARE), R("prev", written=False, last4=last4)))
    elif flow == "split":
        digits = val if isinstance(val, str) else None
        if ent in ("PHONE", "CARD", "SSN") and not last4 and digits:
            cut = 3 if ent in ("PHONE", "SSN") else 8
            z = rec.say.zero()
            a = rec.span(rec.say.digit_words(digits[:cut], z, False), ent, "prev", "split_part1", True)
            b_txt, f, _ = rec.say.groups(digits[cut:], [3, 4] if ent == "PHONE" else [2, 4] if ent == "SSN" else [4, 4], cap=rec.style != "aci")
            b = rec.span(b_txt, ent, "prev", "split_part2_" + f, bool(re.search("[a-z]", b_txt)))
            counts[ent] += 2
            rec.add("C", "%s..." % a)
            rec.add("A", r.choice(ACK))
            rec.add("C", "%s." % b)
        else:
            rec.add("C", fmt_turn(rec, r.choice(BARE), R("prev", last4=last4)))
    elif flow == "readback_err" and ent == "PHONE":
        rec.add("C", fmt_turn(rec, r.choice(BARE), R("prev")))
        wrong = val[:6] + "01" + val[9] + val[8] if val[8] != val[9] else val[:6] + "01" + ("1" if val[9] != "1" else "2") + val[9]
        t, f, sp = render(rec, "PHONE", wrong, r.random() < 0.5, ctx)
        counts[ent] += 1
        rec.add("A", "I have %s?" % rec.span(t, "PHONE", "prev", "readback_error_" + f, sp))
        z = rec.say.zero()
        rec.add("C", "No, the last part is %s." % rec.span(rec.say.digit_words(val[6:], z, False), "PHONE", "prev", "correction_last4", True))
        counts[ent] += 1
        rec.add("A", "Thank you, I've corrected it.")
        return
    else:
        rec.add("C", fmt_turn(rec, r.choice(BARE), R("prev", last4=last4)))
    if r.random() < 0.45 and ent != "NAME":
        agent_written = rec.style in ("agent",) and r.random() < 0.6
        rec.add("A", fmt_turn(rec, r.choice(READBACK), R("prev", written=agent_written or None, last4=last4)))
        rec.add("C", r.choice(CONFIRM))


def name_block(rec, ctx, counts):
    """Caller identification: name, sometimes spelled."""
    r = rec.r
    ctx["named"] = True
    ctx["cost"] = 1
    g, s = ctx["caller"]
    kind = r.choice(["full_bare", "full_same", "spell", "spell", "last_first", "volunteer_open"])
    if kind == "volunteer_open":
        nm = render(rec, "NAME", (g, s), False, {"name_form": "full"})
        counts["NAME"] += 1
        dob = ""
        if r.random() < 0.65 and ctx.get("allow_dob"):
            ctx["cost"] = 2
            v = rec.v.dob(ctx["scen"].get("medicare"))
            dt, df, dsp = rec.say.dob(v)
            dob = " %s." % rec.span(dt[0].upper() + dt[1:] if rec.style != "aci" else dt, "DOB", "none", df, dsp)
            rec.values.append(("DOB", v))
            counts["DOB"] += 1
        rec.add("C", r.choice(["Yeah hi. %s.%s %s", "Hi, um, %s.%s %s", "Hello, this is %s.%s %s"]) % (
            rec.span(nm[0], "NAME", "none", nm[1], True), dob, ctx["scen"]["reason"]))
        return True
    rec.add("A", r.choice(["Can I have your first and last name?", "Who am I speaking with?", "And the patient's name?",
                           "What's the member's full name?"]))
    if kind == "full_same":
        nm = render(rec, "NAME", (g, s), False, {"name_form": r.choice(["full", "initial"])})
        rec.add("C", "My name is %s." % rec.span(nm[0], "NAME", "same", nm[1], True))
        counts["NAME"] += 1
    elif kind == "last_first":
        nm = render(rec, "NAME", (g, s), False, {"name_form": "last_first"})
        rec.add("C", "%s." % rec.span(nm[0], "NAME", "prev", nm[1], True))
        counts["NAME"] += 1
    else:
        nm = render(rec, "NAME", (g, s), False, {"name_form": "full"})
        rec.add("C", "%s." % rec.span(nm[0], "NAME", "prev", nm[1], True))
        counts["NAME"] += 1
    if kind == "spell" or r.random() < 0.25:
        rec.add("A", r.choice(["Could you spell the last name for me?", "How do you spell that last name?", "And can you spell that?"]))
        st, sf = rec.say.letters(s.replace("-", ""), cap=rec.style != "aci")
        if r.random() < 0.5:
            nm2 = s if rec.style != "aci" else s.lower()
            rec.add("C", "%s, %s." % (rec.span(nm2, "NAME", "prev", "name_sur", True), rec.span(st, "NAME", "prev", sf, True)))
            counts["NAME"] += 2
        else:
            rec.add("C", "Sure, it's %s." % rec.span(st, "NAME", "prev", sf, True))
            counts["NAME"] += 1
    if r.random() < 0.2:
        t = g if rec.style != "aci" else g.lower()
        rec.add("A", "Thank you, %s." % rec.span(t, "NAME", "prev", "name_given_readback", True))
        counts["NAME"] += 1
    return False


# ---------------------------------------------------------------- conversations
STYLES = {  # style: (kind, carrier, labels)
    "aci": ("transcript_aci_style", "aci", [("[doctor]", "[patient]")]),
    "mts": ("transcript_mts_style", "mts", [("Doctor:", "Patient:")]),
    "primock": ("transcript_primock_style", "primock", [("Doctor:", "Patient:")]),
    "stt": ("transcript_stt_phone", "mts", [("Speaker 0:", "Speaker 1:"), ("Agent:", "Caller:"), ("spk_0:", "spk_1:")]),
    "agent": ("transcript_voice_agent", "primock", [("AI:", "User:"), ("assistant:", "user:"), ("Bot:", "Caller:")]),
    "callcenter": ("transcript_callcenter", "primock", [("Rep:", "Member:"), ("Agent:", "Caller:"), ("Representative:", "Customer:"), ("Staff:", "Caller:")]),
}


def build_conversation(rng, say, vals, carriers, style, counts, negcounts):
    rec = Rec(rng, say, vals, style)
    clinic = style in ("aci", "mts", "primock")
    scen = CLINIC if clinic else rng.choice(SCEN)
    ctx = {"scen": scen, "scen_name": "clinic" if clinic else scen["name"], "caller": vals.name(), "written_p": {"stt": 0.3, "agent": 0.1, "callcenter": 0.08, "mts": 0.15, "primock": 0.1}.get(style, 0.0)}
    total = rng.randint(3, 5)   # distinct injected values in this record (2-5 allowed)
    spent = 0
    agent = rng.choice(AGENT_NAMES)
    # opening
    if clinic:
        g = ctx["caller"][0]
        hi = rng.random() < 0.35
        if hi:
            spent += 1
            rec.add("A", "Hi %s, come on in, have a seat." % rec.span(g if style != "aci" else g.lower(), "NAME", "none", "name_given", True))
            counts["NAME"] += 1
        else:
            rec.add("A", rng.choice(["Good to see you again. How have you been?", "Come on in. How are things?"]))
        rec.add("C", rng.choice(["Not too bad.", "Hanging in there.", "Okay I guess."]))
        if rng.random() < 0.35 and total - spent - (1 if hi else 2) >= 1:
            # PriMock-style identity check at the start of a consultation: name and date of birth at once
            g, s = ctx["caller"]
            y, m, d = vals.dob()
            nm = render(rec, "NAME", (g, s), False, {"name_form": "full"})
            dt, df, dsp = say.dob((y, m, d))
            rec.add("A", rng.choice(["Before we start, can you confirm your full name and date of birth?",
                                     "Can I just confirm your name and date of birth?"]))
            rec.add("C", "%s, %s." % (rec.span(nm[0], "NAME", "prev", nm[1], True), rec.span(dt, "DOB", "prev", df, dsp)))
            counts["NAME"] += 1
            counts["DOB"] += 1
            rec.values.append(("DOB", (y, m, d)))
            spent += 1 if hi else 2
    else:
        org = scen["org"]
        if rng.random() < 0.3 and total >= 4:
            spent += 1
            an = rec.span(agent, "NAME", "same", "name_agent", True)
            counts["NAME"] += 1
            if style == "agent":
                rec.add("A", "Thank you for calling %s. This is %s, a virtual assistant. How can I help you today?" % (org, an))
            else:
                rec.add("A", "Thank you for calling %s, this is %s, how can I help you?" % (org, an))
        else:
            rec.add("A", rng.choice(["Thanks for calling %s. How can I help you?", "%s, how may I help you?",
                                     "You've reached %s. What can I do for you?"]) % org)
        ctx["allow_dob"] = total - spent >= 2 and not scen.get("prov")
        if rng.random() < 0.4:
            rec.add("C", scen["reason"])
        elif not name_block(rec, ctx, counts):
            if rec.turns[-1][0] == "A":
                rec.turns[-1] = ("A", rec.turns[-1][1] + " " + rng.choice(["What can I do for you today?", "And what are you calling about?",
                                                                             "How can I help?"]))
            else:
                rec.add("A", rng.choice(["Thanks. What can I do for you today?", "Okay, and what are you calling about?",
                                         "Thank you. How can I help?"]))
            rec.add("C", scen["reason"])
        spent += ctx.get("cost", 0)
    # carrier window: clinic visits always; phone calls about symptoms sometimes
    win = []
    if clinic:
        win = carrier_window(rng, carriers, STYLES[style][1], rng.randint(4, 12), "A")
    elif scen.get("clinical") and rng.random() < 0.7:
        win = carrier_window(rng, carriers, rng.choice(["mts", "primock", "aci"]), rng.randint(3, 7), "C")
        if win:
            win = [("A", rng.choice(["Okay, tell me a little about what's been going on.", "Before we go on, how is the patient doing?",
                                     "And what symptoms are you having?"]))] + win
    carrier_texts = set(t for _, t in win)
    # values
    ents = pick_entities(rng, scen, counts, max(1, total - spent), [e for e, _ in rec.values])
    spent += len(ents)
    med = scen.get("medicare") or "MBI" in ents
    blocks = []
    for e in ents:
        if e == "NAME":
            g, s = vals.name()
            if scen.get("prov"):
                t = s if style != "aci" else s.lower()
                blk = [("A", "And who's the ordering provider?"),
                       ("C", "That would be Dr. %s." % rec.span(t, "NAME", "same", "name_provider_title", True))]
            else:
                nm = render(rec, "NAME", (g, s), False, {"name_form": "full"})
                blk = [("A", "Is there an emergency contact we should list?"),
                       ("C", "My %s, %s." % (rng.choice(["daughter", "son", "husband", "niece", "neighbor"]),
                                           rec.span(nm[0], "NAME", "same", nm[1], True)))]
            counts["NAME"] += 1
            blocks.append(blk)
            continue
        before = len(rec.turns)
        if e == "NPI" and rng.random() < 0.35 and spent < 5:
            spent += 1
            g, s = vals.name()
            t = s if style != "aci" else s.lower()
            rec.add("A", rng.choice(["Who's the prescribing provider?", "And which doctor is this for?"]))
            rec.add("C", "Dr. %s." % rec.span(t, "NAME", "prev", "name_provider_title", True))
            counts["NAME"] += 1
        if e == "DOB":
            v = vals.dob(med)
        elif e == "EMAIL":
            v = vals.email(*ctx["caller"])
        else:
            v = getattr(vals, {"SSN": "ssn", "PHONE": "phone", "MRN": "mrn", "MBI": "mbi", "CARD": "card", "ZIP": "zip",
                               "STREET": "street", "MEMBER_ID": "member_id", "NPI": "npi"}[e])()
        exchange(rec, e, v, ctx, counts)
        rec.values.append((e, v))
        blocks.append(rec.turns[before:])
        del rec.turns[before:]
    pos = rng.randint(0, len(blocks))
    for i, b in enumerate(blocks):
        if i == pos and win:
            rec.turns.extend(win)
        rec.turns.extend(b)
    if pos == len(blocks) and win:
        rec.turns.extend(win)
    rec.add("A", rng.choice(["Alright, you're all set.", "Okay, we'll take care of that.", "Okay, I've updated everything."]))
    rec.add("C", rng.choice(["Thank you.", "Okay, great.", "Perfect."]))
    rec.add("A", rng.choice(["Is there anything else I can help you with?", "Anything else today?"]))
    rec.add("C", rng.choice(["No, that's everything. Thank you.", "No, thanks so much.", "Nope. Okay, bye bye."]))
    used = set()
    # look-alikes: appended to a turn of the right speaker that is not a question and not carrier text
    for _ in range(rng.randint(1, 3)):
        what = rng.choice(NEG_KINDS)
        what, frames, gen = rng.choice([x for x in NEGS if x[0] == what])
        frame = rng.choice(frames)
        role, frame = frame[0], frame[2:]
        cands = [i for i, (ro, t) in enumerate(rec.turns)
                 if ro == role and t not in carrier_texts and not t.rstrip().endswith("?") and 0 < i < len(rec.turns) - 2
                 and t != scen["reason"] and i not in used]
        if not cands:
            continue
        i = rng.choice(cands)
        used.add(i)
        negcounts[what] += 1
        ro, t = rec.turns[i]
        sent = frame.replace("{n}", rec.neg(gen(rng), what))
        t = t.rstrip()
        if not t.endswith((".", "!", S2)):
            t += "."
        elif t.endswith(S2):
            t += "."
        rec.turns[i] = (ro, t + " " + sent)
    while len(rec.turns) < 8:
        rec.turns.insert(-2, ("A", rng.choice(["Let me pull that up, one moment.", "Okay, I'm looking at the account now."])))
        rec.turns.insert(-2, ("C", rng.choice(["Sure.", "Okay.", "No problem."])))
    while len(rec.turns) > 40:
        for i in range(len(rec.turns) - 3, 0, -1):
            if rec.turns[i][1] in carrier_texts:
                del rec.turns[i]
                break
        else:
            break
    assert 2 <= spent <= 5, spent
    return rec, ctx, scen


def stamp(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec % 3600 // 60, sec % 60)


def transcript_text(rec, style, labels, stamps):
    lines, t = [], rec.r.randint(0, 20)
    lower = style == "aci"
    punct = style != "aci"
    for role, txt in rec.turns:
        if role == "C" and rec.lower_caller:
            txt = style_text(txt, True, False)
        else:
            txt = style_text(txt, lower, punct)
        if style == "primock" and role == "C" and rec.r.random() < 0.3 and not txt.startswith(S0):
            txt = "Um, " + txt[0].lower() + txt[1:]
        lab = labels[0] if role == "A" else labels[1]
        line = "%s %s" % (lab, txt)
        if stamps:
            line = stamp(t) + " " + line
        t += rec.r.randint(2, 14)
        lines.append(line)
    return "\n".join(lines)


def uid(r, n=32):
    h = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


def summary(rec, ctx, scen):
    """LLM-written summary with written values (each gets its own span)."""
    r = rec.r
    g, s = ctx["caller"]
    role = r.choice(["Caller", "Patient", "Member"])
    if ctx.get("named") and r.random() < 0.5:
        role += " " + rec.span("%s %s" % (g, s), "NAME", "same", "summary_name", False)
    parts = ["%s called %s regarding: %s" % (role, scen["org"], scen["reason"].rstrip(".").lower())]
    lab = {"PHONE": "callback number", "DOB": "DOB", "ZIP": "ZIP", "STREET": "address", "EMAIL": "email",
           "MRN": "MRN", "MBI": "MBI", "MEMBER_ID": "member ID", "NPI": "prescriber NPI", "SSN": "SSN last 4",
           "CARD": "card ending"}
    bits = []
    for e, v in rec.values:
        if r.random() < 0.85:
            bits.append("%s %s" % (lab[e], rec.span(canon(e, v), e, "same", "summary_" + e.lower() + ("_last4" if e in ("SSN", "CARD") else ""), False)))
    if bits:
        parts.append("Verified/provided " + ", ".join(bits))
    parts.append(r.choice(["Request was completed.", "Follow-up call scheduled.", "Ticket routed to a human agent.",
                           "Caller was satisfied with the resolution."]))
    return ". ".join(parts)


def speech_lines(rec, punct=True):
    return [(role, style_text(txt, True, False) if role == "C" and rec.lower_caller else style_text(txt, False, punct))
            for role, txt in rec.turns]


def json_record(rng, rec, ctx, scen, profile):
    lines = speech_lines(rec)
    t0 = 1764000000 + rng.randint(0, 3000000)
    secs, cur = [], 0.0
    for _ in lines:
        d = rng.uniform(1.5, 9.0)
        secs.append((round(cur, 2), round(cur + d, 2)))
        cur += d + rng.uniform(0.3, 1.2)
    dur = round(cur, 2)
    phone = next((v for e, v in rec.values if e == "PHONE"), None)
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are %s's scheduling assistant. Verify identity before discussing any account." % scen["org"],
                 "time": t0 * 1000, "secondsFromStart": 0}]
        for (role, txt), (a, b) in zip(lines, secs):
            msgs.append({"role": "bot" if role == "A" else "user", "message": txt, "time": int(t0 * 1000 + a * 1000),
                         "endTime": int(t0 * 1000 + b * 1000), "secondsFromStart": a, "duration": int((b - a) * 1000)})
        cost = round(rng.uniform(0.05, 0.6), 4)
        call = {"id": uid(rng), "orgId": uid(rng), "type": "inboundPhoneCall", "status": "ended", "phoneNumberId": uid(rng)}
        if phone and rng.random() < 0.6:
            call["customer"] = {"number": rec.span("+1" + phone, "PHONE", "same", "e164_metadata", False)}
        m = {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
             "call": call, "assistant": {"id": uid(rng), "name": scen["org"] + " Assistant"},
             "artifact": {"messages": msgs,
                          "transcript": "\n".join(("AI: " if role == "A" else "User: ") + txt for role, txt in lines),
                          "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uid(rng)},
             "analysis": {"summary": summary(rec, ctx, scen), "successEvaluation": rng.choice(["true", "false"])},
             "startedAt": "2025-11-%02dT%02d:%02d:%02d.000Z" % (rng.randint(1, 28), rng.randint(13, 22), rng.randint(0, 59), rng.randint(0, 59)),
             "durationSeconds": dur, "cost": cost,
             "costBreakdown": {"transport": 0, "stt": round(cost * 0.2, 4), "llm": round(cost * 0.3, 4), "tts": round(cost * 0.25, 4),
                               "vapi": round(cost * 0.25, 4), "total": cost}}
        if rng.random() < 0.4:
            m["artifact"]["messagesOpenAIFormatted"] = [{"role": "assistant" if role == "A" else "user", "content": txt} for role, txt in lines]
        return {"message": m}
    if profile == "retell":
        ev = rng.choice(["call_analyzed", "call_analyzed", "call_ended"])
        call = {"call_id": "call_" + uid(rng).replace("-", "")[:24], "agent_id": "agent_" + uid(rng).replace("-", "")[:24],
                "call_type": "phone_call", "call_status": "ended", "direction": "inbound"}
        if phone and rng.random() < 0.6:
            call["from_number"] = rec.span("+1" + phone, "PHONE", "same", "e164_metadata", False)
        call.update({"start_timestamp": t0 * 1000, "end_timestamp": int(t0 * 1000 + dur * 1000), "duration_ms": int(dur * 1000),
                     "transcript": "\n".join(("Agent: " if role == "A" else "User: ") + txt for role, txt in lines),
                     "transcript_object": [{"role": "agent" if role == "A" else "user", "content": txt} for role, txt in lines],
                     "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % uid(rng).replace("-", ""),
                     "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                     "latency": {"e2e": {"p50": rng.randint(700, 1400), "p90": rng.randint(1400, 2400)}},
                     "call_cost": {"combined_cost": round(rng.uniform(5, 60), 2), "total_duration_seconds": int(dur)}})
        if ev == "call_analyzed":
            call["call_analysis"] = {"call_summary": summary(rec, ctx, scen), "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                     "call_successful": True, "in_voicemail": False}
        return {"event": ev, "call": call}
    if profile == "signalwire":
        us = t0 * 1000000 + rng.randint(0, 999999)
        sm = summary(rec, ctx, scen)
        # the summary text (with its markers) appears twice: raw and substituted need separate spans
        sm2 = re.sub(S0 + r"(\d+)" + S1, lambda m: S0 + str(_dup(rec, int(m.group(1)))) + S1, sm)
        return {"action": "post_conversation", "app_name": "swml app", "ai_session_id": uid(rng), "call_id": uid(rng),
                "call_start_date": us, "call_end_date": us + int(dur * 1000000), "ai_start_date": us + 120000,
                "ai_end_date": us + int(dur * 1000000) - 50000, "conversation_id": uid(rng),
                "call_log": [{"role": "system", "content": "You are a helpful assistant for %s." % scen["org"]}] +
                            [{"role": "assistant" if role == "A" else "user", "content": txt} for role, txt in lines],
                "post_prompt_data": {"raw": sm, "substituted": sm2, "parsed": []},
                "total_input_tokens": rng.randint(2000, 9000), "total_output_tokens": rng.randint(200, 900), "version": "2.0"}
    if profile == "deepgram":
        spk = {"A": 0, "C": 1} if rng.random() < 0.5 else {"A": 1, "C": 0}
        para = "".join("\nSpeaker %d: %s\n" % (spk[role], txt) for role, txt in lines)
        utts = [{"start": a, "end": b, "confidence": round(rng.uniform(0.85, 0.99), 4), "channel": 0, "transcript": txt,
                 "speaker": spk[role], "id": uid(rng)} for (role, txt), (a, b) in zip(lines, secs)]
        mid = uid(rng)
        res = {"channels": [{"alternatives": [{"transcript": " ".join(txt for _, txt in lines),
                                                "confidence": round(rng.uniform(0.9, 0.99), 4),
                                                "paragraphs": {"transcript": para}}]}], "utterances": utts}
        if rng.random() < 0.5:
            res["summary"] = {"result": "success", "short": summary(rec, ctx, scen)}
        return {"metadata": {"transaction_key": "deprecated", "request_id": uid(rng),
                             "sha256": "".join(rng.choice("0123456789abcdef") for _ in range(64)),
                             "created": "2025-10-%02dT%02d:%02d:%02d.%03dZ" % (rng.randint(1, 30), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                             "duration": dur, "channels": 1, "models": [mid],
                             "model_info": {mid: {"name": "general-nova-3", "version": "2025-04-17.21547", "arch": "nova-3"}}},
                "results": res}
    # transcribe
    spk = {"A": "spk_0", "C": "spk_1"}
    segs = [{"id": i, "transcript": txt, "start_time": "%.2f" % a, "end_time": "%.2f" % b, "speaker_label": spk[role], "items": []}
            for i, ((role, txt), (a, b)) in enumerate(zip(lines, secs))]
    return {"jobName": "callcenter-%d" % rng.randint(100000, 999999), "accountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
            "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": " ".join(txt for _, txt in lines)}],
                        "speaker_labels": {"channel_label": "ch_0", "speakers": 2,
                                           "segments": [{"start_time": s["start_time"], "end_time": s["end_time"],
                                                         "speaker_label": s["speaker_label"], "items": []} for s in segs]},
                        "audio_segments": segs}}


def _dup(rec, k):
    rec.info.append(dict(rec.info[k]))
    return len(rec.info) - 1


def generate(seed, n):
    rng = random.Random(seed)
    say, vals = Say(rng), Values(rng)
    carriers = load_carriers()
    counts, negcounts = collections.Counter(), collections.Counter()
    nj = round(n * 0.25)
    plan = []
    for i in range(nj):
        plan.append(("json", ["vapi", "retell", "signalwire", "deepgram", "transcribe"][i % 5]))
    tstyles = ["aci"] * 20 + ["mts"] * 17 + ["primock"] * 13 + ["stt"] * 17 + ["agent"] * 16 + ["callcenter"] * 17
    for i in range(n - nj):
        plan.append(("transcript", tstyles[i % len(tstyles)]))
    rng.shuffle(plan)
    out = []
    for i, (fmt, what) in enumerate(plan):
        rid = "h7-%04d" % (i + 1)
        if fmt == "transcript":
            style = what
            rec, ctx, scen = build_conversation(rng, say, vals, carriers, style, counts, negcounts)
            labels = rng.choice(STYLES[style][2])
            raw = transcript_text(rec, style, labels, rng.random() < 0.35)
            text, spans, negs = strip_markers(raw, rec.info)
            o = {"id": rid, "format": "transcript", "kind": STYLES[style][0], "text": text, "spans": spans, "negatives": negs}
        else:
            style = "agent" if what in ("vapi", "retell", "signalwire") else "stt"
            rec, ctx, scen = build_conversation(rng, say, vals, carriers, style, counts, negcounts)
            obj = json_record(rng, rec, ctx, scen, what)
            raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            text, spans, negs = strip_markers(raw, rec.info)
            o = {"id": rid, "format": "json", "profile": what, "kind": what + "_payload", "text": text, "spans": spans,
                 "negatives": negs}
        out.append(json.dumps(o, ensure_ascii=False, sort_keys=False))
    return out


# ---------------------------------------------------------------- check / stats
WORDNUM = {w: i for i, w in enumerate(UNITW)}
WORDNUM.update({"oh": 0, "o": 0})
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENW = {w: i for i, w in enumerate(TENS) if w}
NATO_R = {v: k for k, v in NATO.items()}
FILL = {"uh", "um", "sorry", "no", "the", "last", "part", "is", "and", "it's", "that", "dash", "hyphen", "slash",
        "wait", "let", "me", "start", "over", "hold", "on"}


def spoken_chars(text):
    """Letters/digits a spoken or written value spells out (best effort)."""
    t = text.lower().replace("x-ray", "xray")
    toks = re.findall(r"[a-z]+(?:'[a-z]+)?|\d", t)
    out, i = [], 0
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w in ("double", "triple") and nxt in WORDNUM:
            out.append(str(WORDNUM[nxt]) * (2 if w == "double" else 3))
            i += 2
            continue
        if w in TENW:
            if nxt in WORDNUM and WORDNUM[nxt] > 0 and nxt not in ("oh", "o"):
                out.append("%d%d" % (TENW[w], WORDNUM[nxt]))
                i += 2
            else:
                out.append("%d0" % TENW[w])
                i += 1
            continue
        if w in TEENW:
            out.append(str(TEENW[w]))
        elif w == "hundred":
            out.append("00")
        elif w in WORDNUM:
            out.append(str(WORDNUM[w]))
        elif w == "as" and nxt == "in":
            i += 3
            continue
        elif w in NATO_R or w == "xray":
            out.append(NATO_R.get(w, "x"))
        elif w in FILL:
            pass
        elif w.isdigit():
            out.append(w)
        else:
            out.append(w)
        i += 1
    return "".join(out).upper()


def value_ok(ent, text, form):
    c = spoken_chars(text)
    if form.startswith(("written", "summary", "e164")):
        c = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    d = re.sub(r"\D", "", c)
    if ent == "PHONE":
        if form.startswith("split_part1"):
            return len(d) == 3 and int(d) in AREA
        if form.startswith("split_part2"):
            return d == "555" + d[3:] and len(d) == 7 and d[3:5] == "01"
        if form.startswith("correction"):
            return len(d) == 4 and d[:2] == "01"
        d = d[-10:]
        if "last4" in form:
            return len(d) == 4 and d[:2] == "01"
        return len(d) == 10 and int(d[:3]) in AREA and d[3:8] == "55501"
    if ent == "SSN":
        if "last4" in form or form.startswith("written_last4"):
            return len(d) == 4
        if form.startswith("split_part1"):
            return len(d) == 3
        if form.startswith("split_part2"):
            return len(d) == 6
        return ssn_ok(d[-9:])
    if ent == "CARD":
        if "last4" in form:
            return len(d) == 4
        if form.startswith("split"):
            return len(d) in (7, 8)
        return luhn_ok(d[-16:]) or luhn_ok(d[-15:])
    if ent == "NPI":
        return npi_ok(d[-10:])
    if ent == "ZIP":
        return len(d) == 5 or (form.startswith("restart") and len(d) > 5)
    if ent == "MBI":
        return mbi_ok(re.sub(r"[^0-9A-Z]", "", c))
    if ent == "EMAIL":
        return "@" in text or " at " in text
    if ent == "NAME":
        return bool(re.search(r"[A-Za-z]", text)) and not re.search(r"\d", text)
    if ent == "DOB":
        y = re.findall(r"(19[3-9]\d|200\d|201[0-2])", text)
        return bool(re.search(r"[a-z]", text.lower())) or bool(y) or bool(re.match(r"\d", text))
    return bool(re.search(r"[A-Za-z0-9]", text))


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z_0-9 ]{1,16}:) \S")


def check(paths):
    recs, errs = [], []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            raw = f.read()
        for ln, line in enumerate(raw.split("\n")):
            if not line:
                continue
            recs.append((p, ln + 1, json.loads(line)))
    for p, ln, r in recs:
        e = lambda m: errs.append("%s:%d %s: %s" % (p, ln, r.get("id"), m))
        b = r["text"].encode("utf-8")
        iv = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                e("bad offsets %r" % s)
                continue
            try:
                txt = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                e("span not on char boundary")
                continue
            if txt != txt.strip():
                e("span has outer whitespace %r" % txt)
            if not value_ok(s["entity"], txt, s["form"]):
                e("invalid %s value %r (%s)" % (s["entity"], txt, s["form"]))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                e("bad cue/spoken")
            iv.append((s["start"], s["end"], "span"))
        for n in r["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)):
                e("bad negative offsets")
            iv.append((n["start"], n["end"], "neg"))
        iv.sort()
        for a, z in zip(iv, iv[1:]):
            if z[0] < a[1]:
                e("overlap %r %r" % (a, z))
        if r["format"] == "json":
            json.loads(r["text"])
            strs = [(m.start() + 1, m.end() - 1) for m in re.finditer(r'"(?:[^"\\]|\\.)*"', r["text"])]
            bstr = []
            for a, z in strs:
                bstr.append((len(r["text"][:a].encode("utf-8")), len(r["text"][:z].encode("utf-8"))))
            for s in r["spans"] + r["negatives"]:
                if not any(a <= s["start"] and s["end"] <= z for a, z in bstr):
                    e("span outside a JSON string %r" % s)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                e("bad profile")
        else:
            t = r["text"]
            lines = t.split("\n")
            if t.endswith("\n") or any(not l.strip() for l in lines):
                e("blank line or trailing newline")
            if not 8 <= len(lines) <= 40:
                e("%d turns" % len(lines))
            for l in lines:
                if not LINE_RE.match(l):
                    e("bad line %r" % l[:60])
    print("records: %d, errors: %d" % (len(recs), len(errs)))
    for x in errs[:40]:
        print("  " + x)
    stats([r for _, _, r in recs])
    return not errs


def stats(recs):
    ent = collections.defaultdict(collections.Counter)
    kinds, negs, vals = collections.Counter(), collections.Counter(), collections.Counter()
    for r in recs:
        kinds[r["kind"]] += 1
        seen = set()
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            c = ent[s["entity"]]
            c["total"] += 1
            key = (s["entity"], b[s["start"]:s["end"]], s["form"])
            if key not in seen:
                seen.add(key)
                c["uniq"] += 1
            c["spoken" if s["spoken"] else "written"] += 1
            c[s["cue"]] += 1
            if s["form"].startswith("spelled"):
                c["spelled"] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("| entity | total | uniq | spoken | written | same | prev | none |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    tot = collections.Counter()
    for e in sorted(ent, key=lambda x: -ent[x]["total"]):
        c = ent[e]
        tot.update(c)
        print("| %s | %d | %d | %d | %d | %d | %d | %d |" % (e, c["total"], c["uniq"], c["spoken"], c["written"], c["same"], c["prev"], c["none"]))
    print("| all | %d | %d | %d | %d | %d | %d | %d |" % (tot["total"], tot["uniq"], tot["spoken"], tot["written"], tot["same"], tot["prev"], tot["none"]))
    print("(total counts every span; uniq counts distinct (entity, text, form) per record, so a value repeated verbatim across the fields of one JSON payload counts once)")
    print("NAME spelled spans: %d" % ent["NAME"]["spelled"])
    print("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check is not None:
        sys.exit(0 if check(a.check or [os.path.join(HERE, "holdout7.jsonl")]) else 1)
    lines = generate(a.seed, a.n)
    if a.stats:
        stats([json.loads(l) for l in lines])
        return
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
