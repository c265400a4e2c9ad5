#!/usr/bin/env python3
"""Second held-out spoken-PHI corpus: healthcare call transcripts as STT engines write them.

Written from scratch by an author who did not read the redaction tool nor the other corpora'
generators or data (only the record format in ../spoken/README.md and ../score.py).

  python3 gen_holdout2.py [--seed N] [--n 250] [--carrier-dir DIR] > holdout2.jsonl
  python3 gen_holdout2.py --check holdout2.jsonl        # validate + counts
  python3 gen_holdout2.py --stats                       # counts of a fresh generation

Python 3 standard library only; the same seed gives byte-identical output.
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

csv.field_size_limit(1 << 24)

# --------------------------------------------------------------------------- numbers

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]


def n2w(n, hy=True):
    """0..99 in words."""
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t]
    return TENS[t] + ("-" if hy else " ") + ONES[o]


def ordinal(n, hy=True):
    if n in ORD:
        return ORD[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("-" if hy else " ") + ORD[o]


def ordsuffix(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def year_words(y, R, hy):
    """a year as people say it; returns (words, style)."""
    if y >= 2000:
        r = y - 2000
        ch = R.choice(["thousand", "thousand_and", "twenty"] if r >= 10 else
                      ["thousand", "thousand_and", "twenty_oh"])
        if r == 0:
            return "two thousand", "thousand"
        if ch == "thousand":
            return "two thousand " + n2w(r, hy), ch
        if ch == "thousand_and":
            return "two thousand and " + n2w(r, hy), ch
        if ch == "twenty_oh":
            return "twenty " + R.choice(["oh", "o"]) + " " + ONES[r], ch
        return "twenty " + n2w(r, hy), ch
    hi, lo = divmod(y, 100)
    if lo == 0:
        return n2w(hi, hy) + " hundred", "century"
    lw = n2w(lo, hy) if lo >= 10 else R.choice(["oh", "o"]) + " " + ONES[lo]
    return n2w(hi, hy) + " " + lw, "pair"


class Digits:
    """A digit-string renderer with a fixed recipe."""

    def __init__(self, R, lower):
        self.zero = R.choice(["zero", "oh", "oh", "o"])
        self.multi = R.random() < 0.35          # double / triple
        self.wordsep = R.choice([" "] * 6 + ["-", ", "])
        self.hy = R.random() < 0.6
        self.R = R
        self.lower = lower

    def d(self, c):
        return self.zero if c == "0" else ONES[int(c)]

    def digits(self, s):
        words = []
        i = 0
        while i < len(s):
            j = i
            while j < len(s) and s[j] == s[i]:
                j += 1
            run = j - i
            if self.multi and run == 2:
                words.append("double " + self.d(s[i]))
            elif self.multi and run == 3:
                words.append("triple " + self.d(s[i]))
            elif self.multi and run == 4:
                words.append("double " + self.d(s[i]) + self.wordsep + "double " + self.d(s[i]))
            else:
                words.extend([self.d(s[i])] * run)
            i = j
        return self.wordsep.join(words)

    def pair(self, s):
        if s[0] == "0":
            return self.d("0") + " " + ONES[int(s[1])]
        return n2w(int(s), self.hy)

    def hundreds(self, s):          # 3 digits: "five fifty-five", "four oh two", "eight hundred"
        if s[0] == "0":
            return self.digits(s)
        if s[1:] == "00":
            return ONES[int(s[0])] + " hundred"
        return ONES[int(s[0])] + " " + self.pair(s[1:])

    def quad(self, s):              # 4 digits as two pairs: "oh one thirty-two", "forty-one hundred"
        if s[2:] == "00" and s[0] != "0":
            return n2w(int(s[:2]), self.hy) + " hundred"
        return self.pair(s[:2]) + " " + self.pair(s[2:])

    def group(self, s, mode):
        if mode == "num":
            return s
        if mode == "pairs" and len(s) == 4:
            return self.quad(s)
        if mode == "pairs" and len(s) == 3:
            return self.hundreds(s)
        if mode == "pairs" and len(s) == 2:
            return self.pair(s)
        return self.digits(s)


GROUP_SEPS = [", ", ", ", " ", " ", ". ", "... ", " - ", " dash ", " uh ", " um, ", "-", " "]


def say_grouped(R, value, groups, dg, allow_num=True, sepset=None):
    """Render a digit string cut in groups; returns (text, form, spoken)."""
    parts = []
    i = 0
    for g in groups:
        parts.append(value[i:i + g])
        i += g
    style = R.choice(["digits"] * 5 + ["pairs"] * 3 + (["mixed", "num", "numsp"] if allow_num else []))
    sep = R.choice(sepset or GROUP_SEPS)
    out = []
    for k, p in enumerate(parts):
        if style == "digits":
            mode = "digits"
        elif style == "pairs":
            mode = "pairs" if len(p) in (2, 3, 4) and R.random() < 0.8 else "digits"
        elif style == "num":
            mode = "num"
        elif style == "numsp":
            out.append(" ".join(p))
            continue
        else:
            mode = R.choice(["num", "digits", "pairs"])
        out.append(dg.group(p, mode))
    if style == "num":
        sep = R.choice([" ", "-", " ", ", "])
    if style == "numsp":
        sep = R.choice([" ", ", ", "  ".strip() + " "])
    text = sep.join(out)
    spoken = bool(re.search("[a-z]", text))
    form = "%s_%s%s_sep%s" % (style, dg.zero, "_multi" if dg.multi else "",
                             {", ": "comma", " ": "space", ". ": "period", "... ": "ellipsis",
                              " - ": "dashsp", " dash ": "dashword", " uh ": "uh", " um, ": "um",
                              "-": "hyphen"}.get(sep, "x"))
    return text, form, spoken


# --------------------------------------------------------------------------- letters

NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
ASIN = {"a": ["apple", "adam", "alpha"], "b": ["boy", "bravo", "baker"], "c": ["cat", "charlie"],
        "d": ["david", "dog", "delta"], "e": ["edward", "echo", "elephant"], "f": ["frank", "fox"],
        "g": ["george", "golf"], "h": ["henry", "house"], "i": ["igloo", "ice cream", "india"],
        "j": ["john", "jack"], "k": ["kite", "king"], "l": ["larry", "lemon", "lima"],
        "m": ["mary", "mike", "mother"], "n": ["nancy", "nora", "nut"], "o": ["ocean", "oscar"],
        "p": ["peter", "paul", "papa"], "q": ["queen", "quebec"], "r": ["robert", "red", "rose"],
        "s": ["sam", "sugar", "sierra"], "t": ["tom", "tango", "table"], "u": ["umbrella", "uncle"],
        "v": ["victor", "violet", "van"], "w": ["william", "water"], "x": ["x-ray"],
        "y": ["yellow", "yes"], "z": ["zebra", "zulu"]}


class Letters:
    def __init__(self, R, lower):
        self.R = R
        self.style = R.choice(["plain", "plain", "dash", "period", "nato", "asin", "like", "for",
                               "mixed_asin", "comma"])
        self.upper = (not lower) and R.random() < 0.6
        self.double = R.random() < 0.3

    def one(self, c):
        L = c.upper() if self.upper else c.lower()
        st = self.style
        if st == "nato":
            return NATO[c.lower()]
        if st in ("asin", "like", "for"):
            word = self.R.choice(ASIN[c.lower()])
            conn = {"asin": " as in ", "like": " like ", "for": " for "}[st]
            return L + conn + word
        if st == "mixed_asin":
            if c.lower() in "bdfmnpstvcg" and self.R.random() < 0.6:
                return L + " as in " + self.R.choice(ASIN[c.lower()])
            return L
        if st == "period":
            return L + "."
        return L

    def spell(self, word):
        st = self.style
        sep = {"plain": " ", "dash": "-", "period": " ", "nato": " ", "asin": ", ", "like": ", ",
               "for": ", ", "mixed_asin": ", ", "comma": ", "}[st]
        items = []
        i = 0
        w = [c for c in word if c.isalpha()]
        while i < len(w):
            if self.double and i + 1 < len(w) and w[i].lower() == w[i + 1].lower() \
                    and st in ("plain", "comma", "mixed_asin"):
                items.append("double " + self.one(w[i]))
                i += 2
                continue
            items.append(self.one(w[i]))
            i += 1
        return sep.join(items), "spell_" + st + ("_double" if self.double else "")


def say_alnum(R, value, lower, groups=None):
    """Letters and digits (MBI, member id, MRN with letters)."""
    if R.random() < 0.22 and not lower:
        txt = value
        if groups:
            out, i = [], 0
            for g in groups:
                out.append(value[i:i + g])
                i += g
            txt = R.choice(["-", " "]).join(out)
        return txt, "alnum_written", False
    L = Letters(R, lower)
    if L.style in ("asin", "like", "for"):
        L.style = R.choice(["asin", "plain", "nato"])
    dg = Digits(R, lower)
    dg.multi = R.random() < 0.25
    chunks = [value] if not groups or R.random() < 0.4 else []
    if not chunks:
        i = 0
        for g in groups:
            chunks.append(value[i:i + g])
            i += g
    gsep = R.choice([", ", " ", "... ", ". ", " uh "])
    mixnum = R.random() < 0.25
    out = []
    for ch in chunks:
        toks = re.findall(r"[A-Za-z]|[0-9]+", ch)
        words = []
        for t in toks:
            if t.isalpha():
                words.append(L.one(t))
            elif mixnum and len(t) >= 3:
                words.append(t)
            else:
                words.append(dg.digits(t))
        out.append(" ".join(words))
    return gsep.join(out), "alnum_%s_%s%s" % (L.style, dg.zero, "_num" if mixnum else ""), True


# --------------------------------------------------------------------------- values

GIVEN = ["Marisol", "Tuan", "Chiamaka", "Wojciech", "Elif", "Priyanka", "Wenjun", "Yusuf",
         "Siobhan", "Kwame", "Ingrid", "Rafael", "Thanh", "Oluwaseun", "Agnieszka", "Deniz", "Anand",
         "Mei", "Layla", "Declan", "Beatriz", "Hoang", "Adaeze", "Tomasz", "Selin", "Rohan",
         "Xiaoling", "Omar", "Maeve", "Kofi", "Astrid", "Joaquin", "Lien", "Emeka", "Zofia", "Kerem",
         "Sunita", "Jun", "Nadia", "Callum", "Rosalind", "Dmitri", "Keanu", "Shira", "Bongani",
         "Ilse", "Mateo", "Farah", "Teodora", "Garrett", "Luz", "Bartholomew", "Precious", "Hyun",
         "Esperanza", "Thuy", "Ngozi", "Radek", "Aylin", "Gurpreet"]
SURN = ["Quintanilla", "Vuong", "Okonkwo", "Grabowski", "Karaca", "Raghunathan", "Zhou", "Haddad",
        "Fitzgerald", "Asante", "Lindqvist", "Cardenas", "Truong", "Adeyemi", "Wisniewski", "Kaya",
        "Venkataraman", "Liang", "Mansour", "O'Rourke", "Mensah", "Halvorsen", "Villalobos", "Phan",
        "Eze", "Kowalczyk", "Aydin", "Subramanian", "Guo", "Khoury", "Brennan", "Boateng", "Sandoval",
        "Dinh", "Nwosu", "Zielinski", "Demir", "Chatterjee", "Xu", "Saleh", "Whitlock", "Pemberton",
        "Ashdown", "Delacroix-Reyes", "Moreno-Baptiste", "Thornbury", "Kapoor", "Ferreira", "Novak",
        "Takahashi", "Abernathy", "Oyelaran", "Szymanski", "Ruelas", "Lachance", "Iwu", "Bui"]
STREETS = ["Juniper", "Calloway", "Birchwood", "Marigold", "Harborview", "Pinecrest", "Tamarack",
           "Wexford", "Larkspur", "Quarry", "Sycamore", "Foxglove", "Ridgeline", "Old Mill",
           "Cottonwood", "Bramble", "Kestrel", "Lantern Hill", "Meadowlark", "Saddleback",
           "Third", "Fourteenth", "Twenty-Second", "Ninth", "Bayshore", "Wren", "Orchard Crest"]
SUFFIX = [("street", "St."), ("avenue", "Ave"), ("road", "Rd."), ("lane", "Ln"), ("drive", "Dr."),
          ("court", "Ct"), ("boulevard", "Blvd"), ("way", "Way"), ("place", "Pl."),
          ("terrace", "Terrace"), ("circle", "Cir"), ("parkway", "Pkwy")]
DOMAINS = [("gmail", "com", "g mail"), ("yahoo", "com", "yahoo"), ("outlook", "com", "outlook"),
           ("hotmail", "com", "hotmail"), ("icloud", "com", "i cloud"), ("aol", "com", "a o l"),
           ("comcast", "net", "comcast"), ("proton", "me", "proton"), ("att", "net", "a t t")]
AREAS = ["212", "312", "415", "617", "702", "503", "404", "214", "305", "619", "720", "808", "919",
         "206", "313", "480", "602", "651", "763", "907", "505", "860", "901", "515"]
ZIP_PREFIX = ["021", "100", "112", "191", "303", "331", "441", "482", "551", "606", "731", "770",
              "802", "852", "871", "891", "900", "921", "945", "972", "981", "995", "060", "285"]
CARD_FIXED = ["4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
              "3530111333300000", "4012888888881881", "2223003122003222", "30569309025904",
              "4000056655665556", "5200828282828210"]
CARD_BINS = ["411111", "424242", "555555", "222300", "601111", "401288", "520082"]
MBI_LET = [c for c in "ACDEFGHJKMNPQRTUVWXY"]


def luhn_ok(s):
    tot = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


MBI_RE = re.compile(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                    r"[AC-HJKMNP-RT-Y]{2}[0-9]{2}")


def valid(ent, v):
    """Every generated value is checked against its type's rules before it is rendered."""
    if ent == "CARD":
        return luhn_ok(v) and len(v) in (14, 15, 16)
    if ent == "MBI":
        return bool(MBI_RE.fullmatch(v))
    if ent == "SSN":
        return len(v) == 9 and "001" <= v[:3] <= "899" and v[:3] != "666" and v[3:5] != "00" \
            and v[5:] != "0000"
    if ent == "PHONE":
        return len(v) == 10 and v[3:8] == "55501" and v[:3] in AREAS
    return True


def make_card(R):
    if R.random() < 0.55:
        return R.choice(CARD_FIXED)
    body = R.choice(CARD_BINS) + "".join(R.choice("0123456789") for _ in range(9))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def make_ssn(R):
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, R.randint(1, 99), R.randint(1, 9999))


def make_mbi(R):
    def al():
        return R.choice(MBI_LET)

    def an():
        return R.choice(MBI_LET + list("0123456789"))

    def dg():
        return R.choice("0123456789")
    return (R.choice("123456789") + al() + an() + dg() + al() + an() + dg() + al() + al() + dg()
            + dg())


def make_member(R):
    k = R.randrange(5)
    if k == 0:
        return "".join(R.choice("BCDFGHJKMNPQRTWXZ") for _ in range(3)) + \
            "".join(R.choice("0123456789") for _ in range(9)), [3, 3, 3, 3]
    if k == 1:
        return "W" + "".join(R.choice("0123456789") for _ in range(9)), [1, 3, 3, 3]
    if k == 2:
        return "".join(R.choice("0123456789") for _ in range(11)), [3, 4, 4]
    if k == 3:
        return "".join(R.choice("0123456789") for _ in range(9)) + "0" + R.choice("0123"), [3, 3, 3, 2]
    return "M" + "".join(R.choice("0123456789") for _ in range(8)) + R.choice("ABCDE"), [1, 4, 4, 1]


def make_mrn(R):
    k = R.randrange(4)
    if k == 0:
        return "".join(R.choice("0123456789") for _ in range(8)), [2, 3, 3]
    if k == 1:
        return "".join(R.choice("0123456789") for _ in range(7)), [3, 4]
    if k == 2:
        return "E" + "".join(R.choice("0123456789") for _ in range(7)), [1, 3, 4]
    return "MR" + "".join(R.choice("0123456789") for _ in range(6)), [2, 3, 3]


DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def make_dob(R):
    y = R.randint(1934, 2011)
    m = R.randint(1, 12)
    d = R.randint(1, DAYS_IN[m - 1] if m != 2 else (29 if y % 4 == 0 else 28))
    return y, m, d


# --------------------------------------------------------------------------- renderings

def r_phone(R, lower):
    v = R.choice(AREAS) + "555" + "01" + "%02d" % R.randint(0, 99)
    dg = Digits(R, lower)
    k = R.random()
    if k < 0.12 and not lower:
        t = R.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s"]) % (v[:3], v[3:6], v[6:])
        return v, t, "written", False
    if k < 0.2:
        t = "%s %s" % (dg.digits(v[:3]) if R.random() < 0.5 else dg.hundreds(v[:3]),
                       R.choice(["555-%s" % v[6:], "555 %s" % v[6:]]))
        return v, t, "mixed_area_words", True
    t, form, sp = say_grouped(R, v, [3, 3, 4], dg)
    if R.random() < 0.12:
        t = R.choice(["one ", "one, ", "1 "]) + t
        form = "lead1_" + form
    if R.random() < 0.08:
        first = dg.digits(v[:2])
        t = first + R.choice(["... ", ", ", " uh "]) + t
        form = "falsestart_" + form
    return v, t, "phone_" + form, sp


def r_ssn(R, lower):
    v = make_ssn(R)
    dg = Digits(R, lower)
    if R.random() < 0.2:
        t, form, sp = say_grouped(R, v[5:], [4], dg, allow_num=not lower)
        if R.random() < 0.3:
            t = dg.group(v[5:], "pairs")
            form = "pairs"
        return v, t, "ssn_last4_" + form, sp
    if R.random() < 0.1 and not lower:
        return v, "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "ssn_written", False
    t, form, sp = say_grouped(R, v, [3, 2, 4], dg)
    return v, t, "ssn_" + form, sp


def r_dob(R, lower, medicare=False):
    y, m, d = make_dob(R)
    if medicare:
        y = R.randint(1936, 1959)
    hy = R.random() < 0.6
    mon = MONTHS[m - 1]
    if lower:
        mon = mon.lower()
    yw, ys = year_words(y, R, hy)
    yy = "%02d" % (y % 100)
    yshort = n2w(y % 100, hy) if y % 100 >= 10 else R.choice(["oh", "o"]) + " " + ONES[y % 100]
    k = R.randrange(21)
    zero = R.choice(["oh", "zero", "o"])
    if k == 0:
        t, f = "%s %s %s" % (mon, ordinal(d, hy), yw), "month_ord_year"
    elif k == 1:
        t, f = "%s %s, %s" % (mon, ordinal(d, hy), yw), "month_ord_comma_year"
    elif k == 2:
        t, f = "the %s of %s %s" % (ordinal(d, hy), mon, yw), "the_ord_of_month"
    elif k == 3:
        t, f = "%s %s %s" % (mon, n2w(d, hy), yshort), "month_card_yy"
    elif k == 4:
        t, f = "%s %s %s" % (n2w(m, hy), n2w(d, hy), yshort), "m_d_yy_words"
    elif k == 5:
        mm = "%02d" % m
        dd = "%02d" % d
        w = lambda s: (zero + " " + ONES[int(s[1])]) if s[0] == "0" else n2w(int(s), hy)
        t, f = "%s %s %s" % (w(mm), w(dd), yshort if R.random() < 0.6 else yw), "mm_dd_words_" + zero
    elif k == 6:
        s = "%02d%02d%04d" % (m, d, y)
        t, f = " ".join(zero if c == "0" else ONES[int(c)] for c in s), "mmddyyyy_digits_" + zero
    elif k == 7 and not lower:
        t, f = "%s %s, %d" % (MONTHS[m - 1], ordsuffix(d), y), "written_month_ordsuffix"
    elif k == 8 and not lower:
        t, f = R.choice(["%d/%d/%d", "%02d/%02d/%d", "%d-%d-%d", "%02d-%02d-%02d"]) % (
            m, d, y if R.random() < 0.7 else y % 100), "written_numeric"
    elif k == 9:
        t, f = "%s %d, %d" % (mon, d, y), "month_num_year_num"
    elif k == 10:
        t, f = "%s %s %s" % (ordinal(d, hy), mon, yw), "ord_month_year"
    elif k == 11:
        t, f = "%s the %s, %s" % (mon, ordinal(d, hy), yw), "month_the_ord"
    elif k == 12:
        t, f = "%s slash %s slash %s" % (n2w(m, hy), n2w(d, hy), yshort), "slash_words"
    elif k == 13:
        t, f = "%d %d %s" % (m, d, yy), "m_d_yy_numerals"
    elif k == 14:
        t, f = "%s %s... %s" % (mon, ordinal(d, hy), yw), "month_ord_pause_year"
    elif k == 15:
        t, f = "%s %s %s" % (mon, n2w(d, hy), yw), "month_card_year"
    elif k == 16:
        t, f = "%d %s %d" % (d, MON_ABBR[m - 1] if not lower else mon, y), "d_mon_y"
    elif k == 17:
        t, f = "%s %s of %s" % (mon, ordinal(d, hy), yshort), "month_ord_of_yy"
    elif k == 18:
        t, f = "%s, %s %s" % (yw, mon, ordinal(d, hy)), "year_first"
    elif k == 19:
        t, f = "%s %s, %s" % (mon, ordinal(d, hy), yy if R.random() < 0.5 else str(y)), "month_ord_numyear"
    else:
        t, f = "%s %s %s" % (n2w(m, hy), ordinal(d, hy), yshort), "m_word_ord_yy"
    if lower:
        t = t.lower()
    spoken = not (f.startswith("written") or f in ("m_d_yy_numerals", "month_num_year_num", "d_mon_y"))
    return (y, m, d), t, "dob_" + f + "_" + ys, spoken


def r_zip(R, lower):
    v = R.choice(ZIP_PREFIX) + "%02d" % R.randint(1, 99)
    dg = Digits(R, lower)
    k = R.random()
    if k < 0.12:
        return v, v, "zip_numeral", False
    if k < 0.3:
        t = dg.d(v[0]) + R.choice([" ", ", "]) + dg.pair(v[1:3]) + R.choice([" ", ", "]) + dg.pair(v[3:])
        return v, t, "zip_one_pair_pair", True
    if k < 0.42:
        t = dg.hundreds(v[:3]) + " " + dg.pair(v[3:])
        return v, t, "zip_hundreds_pair", True
    if k < 0.52:
        plus = "%04d" % R.randint(1, 9999)
        t = dg.digits(v) + R.choice([" dash ", ", ", " ", "-"]) + dg.digits(plus)
        return v + plus, t, "zip_plus4_digits", True
    t = dg.digits(v)
    return v, t, "zip_digits_" + dg.zero + ("_multi" if dg.multi else ""), True


def r_card(R, lower):
    v = make_card(R)
    dg = Digits(R, lower)
    groups = [4, 6, 5] if len(v) == 15 else ([4, 6, 4] if len(v) == 14 else [4, 4, 4, 4])
    if R.random() < 0.18:
        t, form, sp = say_grouped(R, v[-4:], [4], dg, allow_num=True)
        return v, t, "card_last4_" + form, sp
    if R.random() < 0.12 and not lower:
        out, i = [], 0
        for g in groups:
            out.append(v[i:i + g])
            i += g
        return v, R.choice([" ", "-"]).join(out), "card_written", False
    t, form, sp = say_grouped(R, v, groups, dg)
    return v, t, "card_" + form, sp


def r_mrn(R, lower):
    v, groups = make_mrn(R)
    if v[0].isalpha():
        t, f, sp = say_alnum(R, v, lower, groups)
        if lower:
            t = t.lower()
        return v, t, "mrn_" + f, sp
    dg = Digits(R, lower)
    t, form, sp = say_grouped(R, v, groups, dg, allow_num=not lower or R.random() < 0.3)
    return v, t, "mrn_" + form, sp


def r_mbi(R, lower):
    v = make_mbi(R)
    t, f, sp = say_alnum(R, v, lower, [4, 3, 4])
    if lower:
        t = t.lower()
    return v, t, "mbi_" + f, sp


def r_member(R, lower):
    v, groups = make_member(R)
    if v.isdigit():
        dg = Digits(R, lower)
        t, form, sp = say_grouped(R, v, groups, dg)
        return v, t, "member_" + form, sp
    t, f, sp = say_alnum(R, v, lower, groups)
    if lower:
        t = t.lower()
    return v, t, "member_" + f, sp


def email_value(R, person):
    g, s = person
    g = g.lower()
    s = re.sub(r"[^a-z]", "", s.lower())
    num = str(R.randint(1, 99)) if R.random() < 0.5 else ""
    sep = R.choice([".", "_", "", "-", "."])
    k = R.randrange(4)
    if k == 0:
        local = g + sep + s + num
    elif k == 1:
        local = g[0] + s + num
    elif k == 2:
        local = s + sep + g[0] + num
    else:
        local = g + num
    return local, R.choice(DOMAINS)


def r_email(R, lower, person):
    local, (dom, tld, domsay) = email_value(R, person)
    v = "%s@%s.%s" % (local, dom, tld)
    if R.random() < 0.14 and not lower:
        return v, v, "email_written", False
    k = R.randrange(6)
    symbols = {".": R.choice([" dot ", " period "]), "_": R.choice([" underscore ", " underscore "]),
               "-": R.choice([" dash ", " hyphen "])}
    at = R.choice([" at ", " at ", " at sign ", " at "])
    dot = R.choice([" dot ", " dot ", " period "])
    dg = Digits(R, lower)

    def say_local(spell):
        pieces = re.findall(r"[a-z]+|[0-9]+|[._-]", local)
        out = []
        L = Letters(R, lower)
        if L.style in ("asin", "like", "for", "nato"):
            L.style = "plain"
        for p in pieces:
            if p in symbols:
                out.append(symbols[p].strip())
            elif p.isdigit():
                out.append(n2w(int(p), dg.hy) if R.random() < 0.6 and len(p) == 2 else dg.digits(p))
            elif spell or len(p) == 1:
                out.append(L.spell(p)[0])
            else:
                out.append(p)
        return " ".join(out)

    if k == 0:
        t, f = say_local(False) + at + domsay + dot + tld, "email_words"
    elif k == 1:
        t, f = say_local(True) + at + domsay + dot + tld, "email_spelled_local"
    elif k == 2:
        t, f = local + at + domsay + dot + tld, "email_local_written_rest_said"
    elif k == 3:
        t, f = say_local(False) + "@" + dom + "." + tld, "email_half_written"
    elif k == 4:
        t, f = say_local(False) + at + dom + "." + tld, "email_domain_written"
    else:
        t, f = say_local(False) + R.choice([", all one word,", " all lowercase"]) + at + domsay + \
            dot + tld, "email_all_one_word"
    if lower:
        t = t.lower()
    return v, t, f, True


def r_street(R, lower):
    num = R.choice([R.randint(1, 99), R.randint(100, 999), R.randint(1000, 9999),
                    R.randint(1000, 9999), R.randint(10000, 19999) if R.random() < 0.1 else 4200])
    name = R.choice(STREETS)
    sfx, abbr = R.choice(SUFFIX)
    pre = R.choice(["", "", "", "North ", "South ", "East ", "West ", "N. "])
    unit = ""
    if R.random() < 0.3:
        unit = R.choice(["apartment ", "apt ", "unit ", "suite ", "number ", "#"])
    dg = Digits(R, lower)
    s = str(num)
    hy = dg.hy
    mode = R.choice(["pairs", "pairs", "digits", "hundreds", "numeral", "full"])
    if mode == "numeral" or lower and mode == "full" and R.random() < 0.5:
        ns = s
        mode = "numeral"
    elif len(s) <= 2:
        ns = n2w(num, hy)
        mode = "small"
    elif mode == "digits":
        ns = dg.digits(s)
    elif len(s) == 3:
        ns = dg.hundreds(s) if mode != "full" else ONES[int(s[0])] + " hundred " + (
            R.choice(["and ", ""]) + n2w(int(s[1:]), hy) if s[1:] != "00" else "").rstrip()
        ns = ns.strip()
    elif len(s) == 4:
        if s.endswith("00") and mode == "hundreds":
            ns = n2w(int(s[:2]), hy) + " hundred"
        elif mode == "full":
            th = int(s[0])
            rest = int(s[1:])
            ns = ONES[th] + " thousand" + ((" " + (ONES[rest // 100] + " hundred " if rest >= 100 else "")
                                            + (n2w(rest % 100, hy) if rest % 100 else "")).rstrip()
                                           if rest else "")
        else:
            ns = dg.quad(s)
    else:
        ns = n2w(int(s[:2]), hy) + " " + dg.hundreds(s[2:])
    street = name if not lower else name.lower()
    written_sfx = not lower and R.random() < 0.3
    sf = abbr if written_sfx else sfx
    p = pre if not lower else pre.lower().replace("n. ", "north ")
    t = "%s %s%s %s" % (ns, p, street, sf)
    if unit:
        u = R.choice(["%d%s" % (R.randint(1, 40), R.choice(["", "B", "C", "A"])), str(R.randint(100, 420))])
        if R.random() < 0.6 and u.isdigit() and len(u) <= 2:
            u = n2w(int(u), hy)
        elif R.random() < 0.5:
            u = " ".join(ONES[int(c)] if c.isdigit() else c.lower() for c in u)
        t += R.choice([" ", ", "]) + unit + u
    if lower:
        t = t.lower()
    return (num, name, sfx), t, "street_%s%s%s" % (mode, "_abbr" if written_sfx else "",
                                                 "_unit" if unit else ""), mode != "numeral"


def r_name(R, lower, person, how):
    g, s = person
    if how == "full":
        t, f = "%s %s" % (g, s), "name_full"
    elif how == "first":
        t, f = g, "name_first"
    elif how == "last":
        t, f = s, "name_last"
    elif how == "lastfirst":
        t, f = "%s, %s" % (s, g), "name_last_comma_first"
    else:
        mi = R.choice("ABCDEFGHJKLMNPRSTW")
        t, f = "%s %s%s %s" % (g, mi, R.choice([".", ""]), s), "name_middle_initial"
    if lower:
        t = t.lower()
        f += "_lower"
    return t, f


# --------------------------------------------------------------------------- carriers

HOME = os.path.dirname(os.path.abspath(__file__))
COMMON_FIRST = set("""james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl
harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie
elijah wayne randy vincent mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa
nancy betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha
katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce
victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline
martha madison teresa gloria sara janice ann kathryn abigail sophia frances jean alice judy isabella
julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla
alexis lori marie jane sophie ellen kate katie bob bobby jim jimmy tom mike dan danny steve chris
nick tony ben sam jenny sue betsy bill will hope grace june rose ella mia ava zoe chloe lily diane
roberts smith johnson williams brown jones miller davis wilson anderson taylor moore martin jackson
thompson white harris clark lewis walker hall allen young king wright lopez hill green adams baker
nelson carter mitchell perez turner phillips campbell parker evans edwards collins stewart morris
rogers reed cook morgan bell murphy bailey rivera cooper richardson cox howard ward torres peterson
gray ramirez watson brooks kelly sanders price bennett wood barnes ross henderson coleman jenkins perry
powell long patterson hughes flores washington butler simmons foster gonzales bryant alexander russell
griffin diaz hayes""".split())
DROP_RE = re.compile(
    r"\b(hey|hi|hello|mister|missus|mr|mrs|ms|miss|dr|doctor|nurse|dear|morning|bye)\b\.?\s+(?!(there|how|so|the|i|my|and|okay|ok|good|yes|um|uh|it's|thanks|thank|doc|to|you|is|was|will|said|wants|told|a|who|said|again|about|for|in|at|on|if|that|this|we|me|he|she|office|visit|but)\b)[a-z]+"
    r"|\b(born|birthday|birth|name|named|names|phone|address|street|avenue|road|lane|drive|zip|social|"
    r"security|insurance|medicare|medicaid|email|e-mail|policy|card|account|number|numbers|call me|"
    r"ninety|hundred and|record|chart)\b"
    r"|\b(january|february|march|april|june|july|august|september|october|november|december)\b"
    r"|\d{3,}|@|\b9\d\b|\b1[01]\d\b|\b[a-z]\d|\b(xx+|abc|yyyy)\b", re.I)
CAP_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
CAP_OK = set("I I'm I've I'll I'd Tylenol Advil Motrin Aleve Lipitor Coumadin Lasix OK Okay Um Uh".split())


def screened(text):
    if DROP_RE.search(text):
        return False
    low = re.findall(r"[a-z']+", text.lower())
    if any(w in COMMON_FIRST for w in low):
        return False
    pools = set(x.lower() for x in GIVEN + SURN + STREETS)
    if any(w in pools for w in low):
        return False
    for m in CAP_RE.finditer(text):
        if m.group(0) not in CAP_OK:
            return False
    return 8 <= len(text) <= 260


def load_carriers(d):
    aci, mts = [], []
    for f in sorted(glob.glob(os.path.join(d, "aci-bench", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line.strip())
                    if not m:
                        turns.append(None)
                        continue
                    txt = re.sub(r"\s+", " ", m.group(2)).strip()
                    txt = re.sub(r"\s+([,.?!])", r"\1", txt)
                    txt = txt.replace("wan na", "wanna").replace("gon na", "gonna")
                    turns.append(("A" if m.group(1) == "doctor" else "C", txt))
                aci.append(turns)
    for f in sorted(glob.glob(os.path.join(d, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient)\s*:\s*(.*)", line)
                    if not m:
                        turns.append(None)
                        continue
                    txt = re.sub(r"\s+", " ", m.group(2)).strip()
                    turns.append(("A" if m.group(1) == "Doctor" else "C", txt))
                mts.append(turns)
    return aci, mts


def windows(dialogues):
    """Runs of consecutive screened turns (2..10), dropping 3 turns after identity questions."""
    out = []
    ask = re.compile(r"\b(name|birth|how old|spell|age)\b", re.I)
    for turns in dialogues:
        run = []
        skip = 0
        for t in turns:
            ok = t is not None and skip == 0 and screened(t[1])
            if t is not None and ask.search(t[1]):
                skip = 4
            if skip:
                skip -= 1
            if ok and t[1]:
                run.append(t)
            else:
                if len(run) >= 3:
                    out.append(run)
                run = []
        if len(run) >= 3:
            out.append(run)
    return out


# --------------------------------------------------------------------------- negatives

def neg_value(R, what, lower):
    hy = R.random() < 0.6
    if what == "dose":
        n = R.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 325, 500, 1000])
        if R.random() < 0.4:
            return "%d %s" % (n, R.choice(["mg", "milligrams", "mcg", "units"]))
        w = n2w(n, hy) if n < 100 else (ONES[n // 100] + " hundred" + (" " + n2w(n % 100, hy) if n % 100 else "")
                                        if n < 1000 else "one thousand")
        return w + " " + R.choice(["milligrams", "milligram", "micrograms", "units"])
    if what == "blood_pressure":
        s, d = R.randint(104, 168), R.randint(62, 98)
        if R.random() < 0.35:
            return "%d%s%d" % (s, R.choice(["/", " over "]), d)
        return "%s %s over %s" % (ONES[s // 100], n2w(s % 100, hy) if s % 100 >= 10 else "oh " + ONES[s % 10],
                                  n2w(d, hy))
    if what == "time":
        h, mi = R.randint(7, 12) if R.random() < 0.5 else R.randint(1, 5), R.choice([0, 15, 20, 30, 40, 45])
        if R.random() < 0.35:
            return "%d:%02d%s" % (h, mi, R.choice([" AM", " PM", "", " p.m."]) if not lower else "")
        if mi == 0:
            return ONES[h] + R.choice([" o'clock", "", " in the morning"])
        return ONES[h] + " " + n2w(mi, hy)
    if what == "duration":
        n = R.randint(2, 14)
        return "%s %s" % (n2w(n, hy) if R.random() < 0.7 else str(n), R.choice(["days", "weeks", "months", "hours", "minutes", "years"]))
    if what == "money":
        n = R.choice([10, 15, 20, 25, 35, 40, 45, 60, 75, 120, 250])
        c = R.choice([0, 0, 50, 10, 99])
        if R.random() < 0.35 and not lower:
            return "$%d.%02d" % (n, c) if c else "$%d" % n
        w = n2w(n, hy) if n < 100 else ONES[n // 100] + " hundred" + (" " + n2w(n % 100, hy) if n % 100 else "")
        return w + " dollars" + (" and %s cents" % n2w(c, hy) if c else "")
    if what == "room_number":
        n = R.randint(101, 520)
        return "room " + (str(n) if R.random() < 0.4 else ONES[n // 100] + " " + (n2w(n % 100, hy) if n % 100 >= 10 else "oh " + ONES[n % 10]))
    if what == "count":
        n = R.choice([14, 28, 30, 60, 90, 120])
        return R.choice(["%s tablets", "%s capsules", "a %s day supply", "%s pills"]) % (n2w(n, hy) if n < 100 else "one twenty")
    if what == "age":
        n = R.randint(19, 88)
        return R.choice(["%s years old", "%s"]) % (n2w(n, hy) if R.random() < 0.8 else str(n))
    if what == "appointment_date":
        m = R.randint(1, 12)
        d = R.randint(1, 28)
        mon = MONTHS[m - 1].lower() if lower else MONTHS[m - 1]
        return R.choice(["%s %s" % (mon, ordinal(d, hy)), "the %s" % ordinal(d, hy),
                         "%s %s" % (R.choice(["Tuesday", "Thursday", "Monday", "Friday"]) if not lower else "tuesday", "the " + ordinal(d, hy)),
                         "%s %d" % (mon, d)])
    if what == "confirmation_number":
        s = "".join(R.choice("0123456789") for _ in range(R.choice([5, 6])))
        return " ".join(ONES[int(c)] for c in s) if R.random() < 0.6 else s
    if what == "order_number":
        s = "".join(R.choice("0123456789") for _ in range(R.choice([5, 6, 7])))
        return " ".join(ONES[int(c)] for c in s) if R.random() < 0.5 else s
    if what == "menu_option":
        return "press " + R.choice(["one", "two", "three", "zero", "nine", "1", "2"])
    if what == "emergency_number":
        return R.choice(["nine one one", "nine-one-one", "911"])
    if what == "lab_value":
        a, b = R.randint(4, 13), R.randint(0, 9)
        return "%s point %s" % (ONES[a], ONES[b]) if R.random() < 0.7 else "%d.%d" % (a, b)
    raise KeyError(what)


NEG_TURNS = {
    "dose": [("A", "So you're taking {x} of the lisinopril, once a day?"),
             ("C", "the doctor bumped me up to {x} last month."),
             ("A", "I see the metformin at {x}, twice daily.")],
    "blood_pressure": [("A", "Your blood pressure this morning was {x}."),
                       ("C", "My pressure at home was like {x} yesterday.")],
    "time": [("A", "We have an opening at {x} with the nurse practitioner."),
             ("C", "Can I come in around {x}?"),
             ("A", "The pharmacy closes at {x} today.")],
    "duration": [("C", "I've had this cough for about {x} now."),
                 ("A", "The hold time is roughly {x}, I'm sorry about that.")],
    "money": [("A", "Your copay for that visit will be {x}."),
              ("A", "The balance showing is {x}."),
              ("C", "Last time they charged me {x} for it.")],
    "room_number": [("A", "When you get here, go straight to {x} on the second floor."),
                    ("A", "She's in {x} if you want to visit.")],
    "count": [("A", "That's {x}, with two refills left."),
              ("C", "I only have like {x} left.")],
    "age": [("C", "My mother's {x} and she can't drive anymore."),
            ("C", "I'm {x}, if that matters.")],
    "appointment_date": [("A", "I can get you in on {x} at ten."),
                         ("A", "Your next appointment is {x}, does that still work?")],
    "confirmation_number": [("A", "Your confirmation number is {x}."),
                            ("A", "I'll give you a reference number for this call, it's {x}.")],
    "order_number": [("A", "Your order number is {x}, it ships tomorrow."),
                     ("C", "I have an order number here, {x}.")],
    "menu_option": [("A", "Next time you call you can just {x} to reach the pharmacy."),
                    ("C", "The recording told me to {x} and then it hung up.")],
    "emergency_number": [("A", "If the chest pain comes back, hang up and call {x}."),
                         ("A", "If you feel faint, please dial {x} right away.")],
    "lab_value": [("A", "Your A1C came back at {x}, which is better than last time."),
                  ("A", "Your potassium was {x}, that's in range.")],
}
NEG_REPLY = ["Okay.", "Got it.", "Mm-hmm.", "Oh okay, thank you.", "Alright.", "Yeah, that's fine.",
             "Okay, sounds good.", "Right."]

# --------------------------------------------------------------------------- exchanges

ASK = {
    "PHONE": ["What's the best phone number to reach you?", "And a callback number?",
              "Can I get a good number for you in case we get disconnected?",
              "What number should the pharmacy call when it's ready?", "Is there a cell we can text?"],
    "SSN": ["Can I get the last four of your social?", "And your Social Security number, please?",
            "For verification I'll need your social."],
    "DOB": ["Can you verify your date of birth?", "And your birthday?", "What's the date of birth on the account?",
            "Date of birth for the patient?"],
    "MRN": ["Do you have your medical record number? It's on the top of the visit summary.",
            "What's the MRN on that paperwork?", "Is there a patient ID on the letter?"],
    "ZIP": ["And what zip code are you in?", "Can I get the zip code on file?", "Zip code?"],
    "CARD": ["Go ahead with the card number whenever you're ready.", "What card would you like to use?",
             "Okay, and the card number?"],
    "EMAIL": ["What's a good email for the portal invite?", "Can I get an email address?",
              "Where should we send the receipt, email-wise?"],
    "STREET": ["What's the mailing address?", "And your street address?", "Where should we ship it?"],
    "NAME": ["Who am I speaking with?", "Can I have the patient's first and last name?", "And your name, please?",
             "What's the name on the prescription?"],
    "MBI": ["Can you read me the Medicare number off the red white and blue card?",
            "What's the Medicare beneficiary ID?", "And the number on your Medicare card?"],
    "MEMBER_ID": ["What's the member ID on the front of your insurance card?", "Can I get your subscriber ID?",
                  "And the policy or member number?"],
}
SAME = {
    "PHONE": ["my number is {v}", "you can call me at {v}", "my cell is {v}", "the phone number's {v}",
              "best number is {v}"],
    "SSN": ["my social is {v}", "social security number is {v}", "my social security is {v}"],
    "SSN4": ["the last four of my social are {v}", "last four is {v}", "last four of the social, {v}"],
    "DOB": ["my date of birth is {v}", "I was born {v}", "birthday's {v}", "DOB is {v}"],
    "MRN": ["the medical record number is {v}", "my MRN is {v}", "it says patient ID {v}"],
    "ZIP": ["my zip is {v}", "zip code {v}", "the zip code there is {v}"],
    "CARD": ["the card number is {v}", "it's a visa, {v}", "card number, {v}", "the number on the card is {v}"],
    "CARD4": ["card ending in {v}", "the one that ends in {v}", "it's the visa ending {v}"],
    "EMAIL": ["my email is {v}", "email address is {v}", "you can email me at {v}"],
    "STREET": ["I live at {v}", "my address is {v}", "send it to my house, {v}", "I'm at {v}"],
    "NAME": ["my name is {v}", "this is {v}", "I'm calling for my mom, her name is {v}",
             "my name's {v}"],
    "MBI": ["my Medicare number is {v}", "the Medicare ID is {v}"],
    "MEMBER_ID": ["my member ID is {v}", "the subscriber ID is {v}", "ID number on the card is {v}"],
}
BARE = ["{v}", "yeah, {v}", "sure, it's {v}", "um, {v}", "okay, {v}", "it's {v}", "that'd be {v}",
        "let me see... {v}", "yes, {v}", "uh it's {v}", "{v}, I think", "yeah it's uh {v}"]
READBACK = ["Okay, so that's {v}, correct?", "Let me read that back: {v}.", "I have {v}, is that right?",
            "Just to confirm, {v}?", "{v}. Got it.", "Okay, {v}."]
CONFIRM = ["Yes, that's right.", "Correct.", "Yep.", "That's it.", "Mm-hmm, yes.", "Yes ma'am.", "Right."]
REPEAT = ["Sorry, could you say that again?", "I'm sorry, you broke up a little. One more time?",
          "Say that one more time for me?", "Sorry, slower please?"]
NONE_PHONE = ["oh and {v} in case we get cut off", "if you need me, {v}, any time after three",
              "{v}, that's my daughter's, she handles all this"]
NONE_EMAIL = ["oh and it'd be easier to just send it to {v}", "{v}, you can send the forms there"]
FILL_A = ["Okay, bear with me one second.", "Alright, let me pull that up.", "Thank you for holding.",
          "Okay, I see the account here.", "Give me just a moment, the system's slow today.",
          "Alright.", "Okay, perfect.", "Let me check on that for you."]
FILL_C = ["Sure, no problem.", "Okay.", "Yeah.", "Take your time.", "Mm-hmm.", "Thank you.",
          "Yeah, I've been trying to get this sorted for a week.", "Okay, I'm here."]
REASON = {
    "pharmacy": ["Hi, I'm calling to check on a refill for my blood pressure medicine.",
                 "Yeah hi, I was told my prescription was ready but the app says it's on hold.",
                 "I need to transfer a prescription to your store."],
    "scheduling": ["Hi, I need to reschedule my appointment with the cardiologist.",
                   "I'm calling to make a follow-up appointment.",
                   "Yeah, I got a message to call and schedule my colonoscopy."],
    "insurance": ["Hi, I got a bill and I think it should have gone through my insurance.",
                  "I'm calling to check if a procedure needs prior authorization.",
                  "I'm trying to find out if my new doctor is in network."],
}
GREET = {
    "pharmacy": ["Thank you for calling the pharmacy, this is {n}, how can I help you?",
                 "Pharmacy, this is {n} speaking.", "Thanks for calling, how can I help you today?"],
    "scheduling": ["Good morning, patient scheduling, this is {n}.",
                   "Thank you for calling the clinic, how can I help you?",
                   "Scheduling, this is {n}, how may I help you?"],
    "insurance": ["Thank you for calling member services, my name is {n}, may I have your name please?",
                  "Member services, this is {n}.", "Thanks for holding, how can I help you today?"],
}
CLOSE = [("A", "Is there anything else I can help you with today?"), ("C", "No, that's everything. Thank you."),
         ("A", "You're welcome, have a good day.")]
LABELS = {
    "pharmacy": [("Pharmacist:", "Customer:"), ("Agent:", "Caller:"), ("Speaker 1:", "Speaker 2:"),
                 ("spk_0:", "spk_1:"), ("PHARMACY:", "CALLER:"), ("Tech:", "Patient:")],
    "scheduling": [("Scheduler:", "Patient:"), ("Agent:", "Caller:"), ("Speaker 0:", "Speaker 1:"),
                   ("Receptionist:", "Caller:"), ("Front Desk:", "Patient:"), ("Operator:", "Caller:")],
    "insurance": [("Rep:", "Member:"), ("Agent:", "Customer:"), ("Speaker A:", "Speaker B:"),
                  ("spk_1:", "spk_0:"), ("Representative:", "Caller:"), ("AGENT:", "CUSTOMER:")],
    "clinic_aci": [("[doctor]", "[patient]")],
    "clinic_mts": [("Doctor:", "Patient:"), ("Dr:", "Pt:"), ("Provider:", "Patient:"),
                   ("Speaker 1:", "Speaker 2:")],
}
ENTITY_W = {"NAME": 22, "DOB": 16, "PHONE": 12, "ZIP": 7, "EMAIL": 7, "STREET": 6, "SSN": 7, "MRN": 6,
            "CARD": 5, "MEMBER_ID": 6, "MBI": 5}


def lowerize(s):
    s = s.replace("...", " ")
    s = re.sub(r"[,.?!;:](?=\s|$)", "", s)
    s = re.sub(r"  +", " ", s)
    return s.lower()


class Call:
    def __init__(self, R, kind, lower):
        self.R = R
        self.kind = kind
        self.lower = lower
        self.turns = []        # [role, [parts]] parts: str | (str, meta)
        self.count = 0

    def say(self, role, *parts):
        self.turns.append([role, list(parts)])

    def span(self, text, ent, cue, form, spoken):
        self.count += 1
        return (text, {"entity": ent, "spoken": spoken, "cue": cue, "form": form})

    def neg(self, text, what):
        return (text, {"what": what})


def render(R, ent, lower, person, medicare=False):
    """(value, text, form, spoken) of a fresh value."""
    if ent == "PHONE":
        v, t, f, sp = r_phone(R, lower)
    elif ent == "SSN":
        v, t, f, sp = r_ssn(R, lower)
    elif ent == "DOB":
        v, t, f, sp = r_dob(R, lower, medicare)
    elif ent == "MRN":
        v, t, f, sp = r_mrn(R, lower)
    elif ent == "ZIP":
        v, t, f, sp = r_zip(R, lower)
    elif ent == "CARD":
        v, t, f, sp = r_card(R, lower)
    elif ent == "EMAIL":
        v, t, f, sp = r_email(R, lower, person)
    elif ent == "STREET":
        v, t, f, sp = r_street(R, lower)
    elif ent == "MBI":
        v, t, f, sp = r_mbi(R, lower)
    elif ent == "MEMBER_ID":
        v, t, f, sp = r_member(R, lower)
    else:
        raise KeyError(ent)
    assert valid(ent, v), ent
    return v, t, f, sp


def split_frame(frame, v):
    a, b = frame.split("{v}")
    return a, b


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def exchange(call, ent, person):
    """Insert one PHI exchange; returns number of spans added."""
    R = call.R
    lower = call.lower
    if ent == "NAME":
        return name_exchange(call, person)
    v, t, f, sp = render(R, ent, lower, person, medicare=call.kind == "insurance")
    mode = R.random()
    if ent in ("PHONE", "EMAIL") and mode < 0.08:
        fr = R.choice(NONE_PHONE if ent == "PHONE" else NONE_EMAIL)
        a, b = split_frame(fr, t)
        call.say("C", cap(a), call.span(t, ent, "none", f, sp), b + ".")
        call.say("A", R.choice(["Okay, noted.", "Got it, thanks.", "Alright."]))
        return 1
    if mode < 0.58:   # asked, bare answer
        call.say("A", R.choice(ASK[ent]))
        a, b = split_frame(R.choice(BARE), t)
        if ent == "PHONE" and R.random() < 0.25 and sp:
            # split across turns: area code, then the rest after a backchannel
            cut = None
            m = re.search(r", |\. |\.\.\. | - | dash | uh | um, ", t)
            if m and m.start() > 0 and t[m.end():]:
                cut = (t[:m.start()].rstrip(",."), t[m.end():])
            if cut:
                call.say("C", cap(a), call.span(cut[0], ent, "prev", f + "_split_head", sp), "...")
                call.say("A", R.choice(["Mm-hmm.", "Okay.", "Go ahead.", "Yep."]))
                call.say("C", call.span(cut[1], ent, "prev", f + "_split_tail", sp), ".")
                return 2
        call.say("C", cap(a), call.span(t, ent, "prev", f, sp), b + ".")
        n = 1
        r2 = R.random()
        if r2 < 0.35:
            t2, f2, sp2 = t, f, sp
            if R.random() < 0.5:     # agent reads back in its own way
                rr = reread(R, ent, v, lower)
                if rr:
                    t2, f2, sp2 = rr
            a2, b2 = split_frame(R.choice(READBACK), t2)
            call.say("A", cap(a2), call.span(t2, ent, "prev", "readback_" + f2, sp2), b2)
            call.say("C", R.choice(CONFIRM))
            n += 1
        elif r2 < 0.47 and isinstance(v, str) and v.isdigit() and len(v) >= 5 and ent in READ_GROUPS:
            # the agent mishears; the caller corrects the end of it
            j = next((j for j in range(len(v) - 2, 0, -1) if v[j] != v[j + 1]), None)
            if j is not None:
                w = v[:j] + v[j + 1] + v[j] + v[j + 2:]
                rr = reread(R, ent, w, lower)
                if rr:
                    t2, f2, sp2 = rr
                    call.say("A", R.choice(["I have ", "Okay, that's ", "So "]),
                             call.span(t2, ent, "prev", "readback_misheard_" + f2, sp2), "?")
                    dg = Digits(R, lower)
                    tail = v[-4:] if j >= len(v) - 4 else v[j - 1:]
                    tt = dg.digits(tail)
                    call.say("C", R.choice(["No, sorry, the end is ", "No no, it's ", "Not quite. ",
                                            "No, "]), call.span(tt, ent, "prev", "correction_tail", True),
                             R.choice([".", " at the end.", ", not what you said."]))
                    n += 2
                    if R.random() < 0.5:
                        call.say("A", R.choice(["Oh, got it. Thank you.", "Okay, fixed.", "My apologies."]))
        elif r2 < 0.55:
            call.say("A", R.choice(REPEAT))
            a3, b3 = split_frame(R.choice(BARE[:6]), t)
            call.say("C", cap(a3), call.span(t, ent, "prev", "repeat_" + f, sp), b3 + ".")
            n += 1
        return n
    # answer with its own cue (optionally after a question)
    if R.random() < 0.5:
        call.say("A", R.choice(ASK[ent]))
    key = ent + "4" if ent in ("SSN", "CARD") and "last4" in f else ent
    fr = R.choice(SAME[key])
    a, b = split_frame(fr, t)
    pre = R.choice(["", "", "Yeah, ", "Okay, ", "Um, ", "Sure, "])
    call.say("C", cap(pre + a), call.span(t, ent, "same", f, sp), b + ".")
    if R.random() < 0.2:
        rr = reread(R, ent, v, lower) if R.random() < 0.6 else None
        if rr and "last4" not in f:
            t, f, sp = rr
        call.say("A", "Thank you. And the " + {"PHONE": "number", "SSN": "social", "DOB": "birth date",
                                               "MRN": "record number", "ZIP": "zip", "CARD": "card",
                                               "EMAIL": "email", "STREET": "address", "MBI": "Medicare ID",
                                               "MEMBER_ID": "member ID"}[ent] + " again was " ,
                 call.span(t, ent, "same", "readback_" + f, sp), "?")
        call.say("C", R.choice(CONFIRM))
        return 2
    return 1


READ_GROUPS = {"PHONE": [3, 3, 4], "SSN": [3, 2, 4], "ZIP": [5], "MRN": [3, 3, 2],
               "MEMBER_ID": [3, 3, 3, 3]}


def reread(R, ent, v, lower):
    """An agent's read-back of a value, in the agent's own rendering."""
    if ent == "DOB":
        y, m, d = v
        if not lower and R.random() < 0.4:
            return "%02d/%02d/%d" % (m, d, y), "dob_written_numeric", False
        mon = MONTHS[m - 1].lower() if lower else MONTHS[m - 1]
        return "%s %s, %s" % (mon, ordinal(d), year_words(y, R, True)[0]), "dob_month_ord_year", True
    if ent == "CARD" and isinstance(v, str):
        dg = Digits(R, lower)
        return dg.digits(v[-4:]), "card_last4_digits", True
    if isinstance(v, str) and v.isdigit() and ent in READ_GROUPS:
        if not lower and R.random() < 0.35:
            g = READ_GROUPS[ent]
            out, i = [], 0
            for k in g:
                out.append(v[i:i + k])
                i += k
            return "-".join(x for x in out if x), "written_groups", False
        dg = Digits(R, lower)
        dg.multi = False
        dg.wordsep = " "
        g = READ_GROUPS[ent] if len(v) == sum(READ_GROUPS[ent]) else [len(v)]
        t, form, sp = say_grouped(R, v, g, dg, allow_num=False, sepset=[", ", ". ", " "])
        return t, form, sp
    return None


def name_exchange(call, person):
    R = call.R
    lower = call.lower
    g, s = person
    k = R.random()
    if k < 0.2:      # name and date of birth in one breath, unprompted or prompted
        _, dt, df, dsp = render(R, "DOB", lower, person)
        nt, nf = r_name(R, lower, person, R.choice(["full", "full", "lastfirst"]))
        asked = R.random() < 0.5
        if asked:
            call.say("A", R.choice(["Can I get the patient's name and date of birth?",
                                    "Name and date of birth, please.",
                                    "To get started, I'll need your full name and birthday."]))
        cue = "prev" if asked else "none"
        lead = R.choice(["", "Yeah hi, ", "Hi, ", "Okay, um, "])
        call.say("C", lead, call.span(nt, "NAME", cue, nf, True), R.choice([", ", ". ", " "]),
                 call.span(dt, "DOB", cue, df, dsp), R.choice([".", ". I'm calling about my refill.",
                                                             ", calling about a bill."]))
        return 2
    if k < 0.45:     # asked, spelled
        call.say("A", R.choice(ASK["NAME"]))
        nt, nf = r_name(R, lower, person, "full")
        call.say("C", R.choice(["", "It's ", "Yeah, "]), call.span(nt, "NAME", "prev", nf, True), ".")
        sn = s if re.fullmatch(r"[A-Za-z]+", s) else g
        call.say("A", R.choice(["Can you spell the last name for me?", "And how do you spell that?",
                                "Could you spell that?"]))
        L = Letters(R, lower)
        st, sf = L.spell(sn)
        if lower:
            st = st.lower()
        call.say("C", R.choice(["", "Sure, ", "Yeah it's "]), call.span(st, "NAME", "prev", sf, True),
                 R.choice([".", "", ". Thank you."]))
        n = 2
        if R.random() < 0.5:
            t2, f2 = r_name(R, lower, person, "last")
            title = R.choice(["Mr. ", "Ms. ", "Mrs. ", "missus ", "mister "])
            if lower:
                title = title.lower().replace(".", "")
            call.say("A", "Thank you, " + title, call.span(t2, "NAME", "prev", "title_" + f2, True),
                     ". " + R.choice(FILL_A))
            n += 1
        return n
    if k < 0.6:      # name said then spelled in the same turn
        nt, nf = r_name(R, lower, person, R.choice(["full", "last"]))
        sn = s if re.fullmatch(r"[A-Za-z]+", s) else g
        L = Letters(R, lower)
        st, sf = L.spell(sn)
        if lower:
            st = st.lower()
        call.say("C", R.choice(["My name is ", "This is ", "The last name is "]),
                 call.span(nt, "NAME", "same", nf, True), ", ", call.span(st, "NAME", "same", sf, True), ".")
        return 2
    if k < 0.8:      # asked, bare / same
        call.say("A", R.choice(ASK["NAME"]))
        how = R.choice(["full", "full", "middle", "lastfirst", "first"])
        nt, nf = r_name(R, lower, person, how)
        if R.random() < 0.5:
            a, b = split_frame(R.choice(BARE[:8]), nt)
            call.say("C", cap(a), call.span(nt, "NAME", "prev", nf, True), b + ".")
        else:
            a, b = split_frame(R.choice(SAME["NAME"]), nt)
            call.say("C", cap(a), call.span(nt, "NAME", "same", nf, True), b + ".")
        return 1
    # relative / provider with title
    rel = (R.choice(GIVEN), R.choice(SURN))
    t2, f2 = r_name(R, lower, rel, R.choice(["last", "full"]))
    title = R.choice(["Dr. ", "Doctor ", "Nurse "])
    if lower:
        title = title.lower().replace(".", "")
    call.say("C", R.choice(["I was referred by ", "I usually see ", "My prescriptions come from "]), title,
             call.span(t2, "NAME", "same", "title_provider_" + f2, True), ".")
    return 1


def negative_exchange(call):
    R = call.R
    what = R.choice(sorted(NEG_TURNS))
    role, tmpl = R.choice(NEG_TURNS[what])
    x = neg_value(R, what, call.lower)
    a, b = tmpl.split("{x}")
    call.say(role, cap(a), call.neg(x, what), b)
    call.say("C" if role == "A" else "A", R.choice(NEG_REPLY))


def build(R, idx, carriers):
    aci_w, mts_w = carriers
    kind = R.choice(["pharmacy", "pharmacy", "scheduling", "scheduling", "insurance", "insurance",
                     "clinic_aci", "clinic_mts"])
    if kind == "clinic_aci":
        lower = True
    elif kind == "clinic_mts":
        lower = R.random() < 0.25
    else:
        lower = R.random() < 0.35
    call = Call(R, kind, lower)
    person = (R.choice(GIVEN), R.choice(SURN))
    labels = R.choice(LABELS[kind])
    clinic = kind.startswith("clinic")
    # opening
    if clinic:
        w = R.choice(aci_w if kind == "clinic_aci" else mts_w)
        k = R.randint(1, min(3, len(w)))
        while k < len(w) and w[k - 1][0] == "A":
            k += 1      # end on the patient's turn, so no doctor question loses its answer
        pre = w[:k]
        post = w[len(pre):]
        if R.random() < 0.25:
            nt = person[0].lower() if lower else person[0]
            hi = R.choice(["hi ", "hey ", "good morning ", "hello "])
            call.say("A", cap(hi) if not lower else hi, call.span(nt, "NAME", "none", "greeting_first", True),
                      R.choice([", have a seat.", ", how are you doing today?", ", good to see you."]))
            call.say("C", R.choice(["Hi, doctor.", "Good, thanks.", "Hi. I'm okay."]))
        for role, txt in pre:
            call.say(role, txt)
    else:
        agent = (R.choice(GIVEN), R.choice(SURN))
        g = R.choice(GREET[kind])
        if "{n}" in g and R.random() < 0.5:
            a, b = g.split("{n}")
            nt = agent[0].lower() if lower else agent[0]
            call.say("A", a, call.span(nt, "NAME", "same", "agent_first", True), b)
        else:
            call.say("A", g.replace(", this is {n}", "").replace(" this is {n}", "")
                     .replace(", my name is {n}", "").replace(", speaking", "").replace("{n}", "Frontline"))
        call.say("C", R.choice(REASON[kind]))
        post = []
    target = R.randint(2, 5)
    ents = []
    pool = sorted(ENTITY_W)
    weights = [ENTITY_W[e] for e in pool]
    if kind != "insurance":
        weights = [0 if e == "MBI" else w for e, w in zip(pool, weights)]
    else:
        weights = [16 if e == "MBI" else w for e, w in zip(pool, weights)]
    blocks = []
    while call.count < target:
        before = len(call.turns)
        ent = R.choices(pool, weights)[0]
        if ent in ents and ent != "NAME" and R.random() < 0.7:
            continue
        ents.append(ent)
        exchange(call, ent, person)
        if call.count > 5:
            # too many: roll back this exchange
            removed = call.turns[before:]
            call.turns = call.turns[:before]
            call.count -= sum(1 for _, ps in removed for p in ps if isinstance(p, tuple) and "entity" in p[1])
            continue
        blocks.append(call.turns[before:])
        call.turns = call.turns[:before]
        if R.random() < 0.5:
            b0 = len(call.turns)
            negative_exchange(call)
            blocks.append(call.turns[b0:])
            call.turns = call.turns[:b0]
    for _ in range(R.randint(1, 2)):
        b0 = len(call.turns)
        negative_exchange(call)
        blocks.append(call.turns[b0:])
        call.turns = call.turns[:b0]
    # interleave carrier turns (clinic) or fillers (calls)
    if clinic:
        extra = list(post)
        if len(extra) < 6:
            w2 = R.choice(aci_w if kind == "clinic_aci" else mts_w)
            extra += w2
        chunks = []
        i = 0
        while i < len(extra):
            k = R.randint(1, 3)
            while i + k < len(extra) and (extra[i + k - 1][1].rstrip().endswith("?")
                                          or extra[i + k - 1][0] == "A"):
                k += 1      # never cut a carrier question from its answer
            chunks.append([[r, [t]] for r, t in extra[i:i + k]])
            i += k
    else:
        chunks = [[["A", [R.choice(FILL_A)]], ["C", [R.choice(FILL_C)]]] for _ in range(4)]
    turns = list(call.turns)
    for b in blocks:
        turns.extend(b)
        if chunks and R.random() < 0.55:
            turns.extend(chunks.pop(0))
    if not clinic:
        closing = [[r, [t]] for r, t in CLOSE[:R.randint(1, 3)]]
        named = any(isinstance(p, tuple) and p[1].get("entity") == "NAME" and p[1]["form"].startswith("name_full")
                    for _, ps in turns for p in ps)
        n_now = sum(1 for _, ps in turns for p in ps if isinstance(p, tuple) and "entity" in p[1])
        if named and n_now < 5 and len(closing) == 3 and R.random() < 0.5:
            nt = person[0].lower() if lower else person[0]
            closing[2] = ["A", ["You're welcome, ", (nt, {"entity": "NAME", "spoken": True, "cue": "prev",
                                                         "form": "closing_first"}), R.choice([
                                                             ". Have a good day.", ", take care.", "."])]]
        turns.extend(closing)
    while len(turns) < 8 and chunks:
        turns.extend(chunks.pop(0))
    while len(turns) < 8:
        turns.append(["A", [R.choice(FILL_A)]])
        turns.append(["C", [R.choice(FILL_C)]])
    # trim to 30 turns, dropping from the end only turns without labelled spans
    while len(turns) > 30:
        for j in range(len(turns) - 1, -1, -1):
            if not any(isinstance(p, tuple) for p in turns[j][1]):
                del turns[j]
                break
        else:
            break
    return kind, lower, labels, turns


def assemble(R, idx, kind, lower, labels, turns):
    stamps = R.random() < 0.3
    clock = R.randint(0, 90)
    lines = []
    spans, negs = [], []
    out = b""
    for li, (role, parts) in enumerate(turns):
        lab = labels[0] if role == "A" else labels[1]
        head = ""
        if stamps:
            head = "[%02d:%02d:%02d] " % (clock // 3600, clock // 60 % 60, clock % 60)
            clock += R.randint(2, 14)
        line = (head + lab + " ").encode("utf-8")
        base = len(out) + (1 if li else 0)
        body = b""
        for pi, p in enumerate(parts):
            if isinstance(p, tuple):
                t, meta = p
                if not lower and (pi == 0 or parts[pi - 1] in ("", "...")) \
                        and "written" not in meta.get("form", "written"):
                    t = cap(t)
                if lower and meta.get("what") is None:
                    t = lowerize(t).strip()
                elif lower:
                    t = lowerize(t).strip()
                tb = t.encode("utf-8")
                st = base + len(line) + len(body)
                body += tb
                rec = dict(meta)
                rec["start"], rec["end"] = st, st + len(tb)
                (negs if "what" in meta else spans).append(rec)
            else:
                s = lowerize(p) if lower else p
                body += s.encode("utf-8")
        line += body
        out += (b"\n" if li else b"") + line
    text = out.decode("utf-8")
    # normalise: keep offsets exact by refusing double spaces rather than editing
    return text, spans, negs


def make_record(R, idx, carriers):
    while True:
        kind, lower, labels, turns = build(R, idx, carriers)
        text, spans, negs = assemble(R, idx, kind, lower, labels, turns)
        if problems(text, spans, negs):
            continue
        spans = [{"start": s["start"], "end": s["end"], "entity": s["entity"], "spoken": s["spoken"],
                  "cue": s["cue"], "form": s["form"]} for s in spans]
        negs = [{"what": n["what"], "start": n["start"], "end": n["end"]} for n in negs]
        return {"id": "ho2-%04d" % idx, "format": "transcript", "kind": "call_" + kind +
                ("_lower" if lower else "_punct"), "text": text, "spans": spans, "negatives": negs}


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[doctor\]|\[patient\]|[A-Za-z_][A-Za-z0-9_ ]{0,20}:) ")


def problems(text, spans, negs):
    errs = []
    b = text.encode("utf-8")
    lines = text.split("\n")
    if not 8 <= len(lines) <= 30:
        errs.append("turns %d" % len(lines))
    if text.endswith("\n") or any(not l.strip() for l in lines):
        errs.append("blank line or trailing newline")
    for l in lines:
        if not LABEL_RE.match(l):
            errs.append("no speaker label: %r" % l[:40])
    if not 2 <= len(spans) <= 5:
        errs.append("spans %d" % len(spans))
    iv = sorted([(s["start"], s["end"], "s") for s in spans] + [(n["start"], n["end"], "n") for n in negs])
    for (a1, e1, _), (a2, e2, _) in zip(iv, iv[1:]):
        if a2 < e1:
            errs.append("overlap at %d" % a2)
    for s in spans + negs:
        seg = b[s["start"]:s["end"]]
        if not seg or seg != seg.strip() or b"\n" in seg:
            errs.append("bad span bytes %r" % seg[:30])
        try:
            seg.decode("utf-8")
        except UnicodeDecodeError:
            errs.append("span splits a character")
        if s["start"] > 0 and b[s["start"] - 1:s["start"]].isalnum():
            errs.append("span starts inside a word: %r" % b[s["start"] - 5:s["end"]])
        if s["end"] < len(b) and b[s["end"]:s["end"] + 1].isalnum():
            errs.append("span ends inside a word: %r" % b[s["start"]:s["end"] + 5])
    for s in spans:
        if s.get("cue") not in ("same", "prev", "none") or s.get("entity") not in ENTITY_W:
            errs.append("bad cue/entity")
    return errs


def check(paths):
    bad = 0
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            raw = fh.read()
        for ln, line in enumerate(raw.split("\n")):
            if not line:
                continue
            r = json.loads(line)
            recs.append(r)
            if r.get("format") != "transcript":
                print("%s:%d: format" % (p, ln + 1))
                bad += 1
            errs = problems(r["text"], r["spans"], r["negatives"])
            for s in r["spans"]:
                if s["entity"] == "PHONE":
                    pass
            for e in errs:
                print("%s:%d %s: %s" % (p, ln + 1, r["id"], e))
            bad += bool(errs)
    stats(recs)
    print("records %d, with problems %d" % (len(recs), bad))
    return 1 if bad else 0


def stats(recs):
    ent = collections.Counter()
    cue = collections.Counter()
    ec = collections.Counter()
    sp = collections.Counter()
    neg = collections.Counter()
    kinds = collections.Counter(r["kind"] for r in recs)
    forms = set()
    for r in recs:
        for s in r["spans"]:
            ent[s["entity"]] += 1
            cue[s["cue"]] += 1
            ec[(s["entity"], s["cue"])] += 1
            sp[s["spoken"]] += 1
            forms.add(s["form"])
        for n in r["negatives"]:
            neg[n["what"]] += 1
    print("records: %d, spans: %d, negatives: %d, distinct forms: %d" % (
        len(recs), sum(ent.values()), sum(neg.values()), len(forms)))
    print("| entity | n | same | prev | none |")
    print("|---|---:|---:|---:|---:|")
    for e, n in ent.most_common():
        print("| %s | %d | %d | %d | %d |" % (e, n, ec[(e, "same")], ec[(e, "prev")], ec[(e, "none")]))
    print("cue: " + ", ".join("%s %d" % kv for kv in cue.most_common()))
    print("spoken: %d, written: %d" % (sp[True], sp[False]))
    print("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("negatives: " + ", ".join("%s %d" % kv for kv in sorted(neg.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", ""))
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check is not None:
        rc = check(a.check or [os.path.join(HOME, "holdout2.jsonl")])
        if not a.check or any(os.path.basename(x) == "holdout2.jsonl" for x in a.check):
            # the committed file must be what the generator writes with the default seed
            fresh = generate(a)
            path = next(x for x in (a.check or [os.path.join(HOME, "holdout2.jsonl")])
                        if os.path.basename(x) == "holdout2.jsonl")
            with open(path, encoding="utf-8") as fh:
                same = fh.read() == fresh
            print("regenerated with --seed %d --n %d: %s" % (a.seed, a.n, "identical" if same else "DIFFERENT"))
            rc = rc or (0 if same else 1)
        return rc
    if a.stats:
        recs = [json.loads(l) for l in generate(a).splitlines()]
        stats(recs)
        return 0
    sys.stdout.write(generate(a))
    return 0


def generate(a):
    d = a.carrier_dir
    if not d:
        for c in (os.path.join(HOME, "../../../../../shared/carrier-sources"), "/work/shared/carrier-sources"):
            if os.path.isdir(c):
                d = c
                break
    aci, mts = load_carriers(d)
    carriers = (windows(aci), windows(mts))
    R = random.Random(a.seed)
    recs = [make_record(R, i, carriers) for i in range(a.n)]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"


if __name__ == "__main__":
    sys.exit(main())
