#!/usr/bin/env python3
"""Fifth spoken holdout: phone calls outside the clinic visit, as STT engines and voice-agent
platforms write them down, with fictitious PHI injected and labelled by byte offsets.

  python3 gen_holdout5.py [--seed N] [--n N] > holdout5.jsonl
  python3 gen_holdout5.py --stats
  python3 gen_holdout5.py --check holdout5.jsonl

Standard library only; the same seed gives byte-identical output whatever PYTHONHASHSEED is.
See README.md in this folder.
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
import unicodedata

# --------------------------------------------------------------------------------------------
# markers: values are wrapped while text is assembled, then stripped with their byte offsets
OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile(OPEN + r"([SNsn])(\d+)" + MID + r"(.*?)" + CLOSE, re.S)


class Rec:
    def __init__(self):
        self.meta = []   # span metas: dict(entity, spoken, cue, form) or negative dict(what)

    def span(self, text, entity, cue, form, spoken):
        self.meta.append({"entity": entity, "spoken": spoken, "cue": cue, "form": form})
        return "%sS%d%s%s%s" % (OPEN, len(self.meta) - 1, MID, text, CLOSE)

    def neg(self, text, what):
        self.meta.append({"what": what})
        return "%sN%d%s%s%s" % (OPEN, len(self.meta) - 1, MID, text, CLOSE)


def strip_marks(marked, meta):
    out = []
    spans, negs = [], []
    pos = 0
    bpos = 0
    for m in MARK_RE.finditer(marked):
        pre = marked[pos:m.start()]
        out.append(pre)
        bpos += len(pre.encode("utf-8"))
        val = m.group(3)
        blen = len(val.encode("utf-8"))
        md = meta[int(m.group(2))]
        if m.group(1) in "Ss":
            spans.append({"start": bpos, "end": bpos + blen, "entity": md["entity"],
                          "spoken": md["spoken"], "cue": md["cue"], "form": md["form"]})
        else:
            negs.append({"start": bpos, "end": bpos + blen, "what": md["what"]})
        out.append(val)
        bpos += blen
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert OPEN not in text and CLOSE not in text and MID not in text
    return text, spans, negs


# --------------------------------------------------------------------------------------------
# number words
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD1 = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth"]
ORDT = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MDAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def two(n, hy=False):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    if u == 0:
        return TENS[t]
    return TENS[t] + ("-" if hy else " ") + ONES[u]


def ordinal(n, hy=False):
    if n < 20:
        return ORD1[n]
    if n in ORDT:
        return ORDT[n]
    t, u = divmod(n, 10)
    return TENS[t] + ("-" if hy else " ") + ORD1[u]


def ord_suffix(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def three(n, hy=False):
    """0-999 as said in a house number: 422 four twenty two, 1206 twelve oh six."""
    if n < 100:
        return two(n, hy)
    h, r = divmod(n, 100)
    if r == 0:
        return ONES[h] + " hundred"
    if r < 10:
        return ONES[h] + " oh " + ONES[r]
    return ONES[h] + " " + two(r, hy)


def house_words(n, rnd, hy=False):
    s = str(n)
    if len(s) <= 2:
        return two(n, hy), "house_words"
    if len(s) == 3:
        if rnd.random() < 0.25:
            return " ".join(ONES[int(c)] for c in s), "house_digits"
        return three(n, hy), "house_pairs"
    if len(s) == 4:
        a, b = divmod(n, 100)
        if b == 0:
            return two(a, hy) + " hundred", "house_hundred"
        if rnd.random() < 0.2:
            return " ".join(ONES[int(c)] for c in s), "house_digits"
        return two(a, hy) + " " + (("oh " + ONES[b]) if b < 10 else two(b, hy)), "house_pairs"
    return " ".join(ONES[int(c)] for c in s), "house_digits"


class DigitStyle:
    def __init__(self, rnd, zero=None, dbl=None, sep=None, pairs=None, numerals=False, filler=None):
        self.zero = zero or rnd.choice(["zero", "oh", "oh", "o", "zero"])
        self.dbl = rnd.random() < 0.35 if dbl is None else dbl
        self.sep = sep if sep is not None else rnd.choice([" ", ", ", ", ", " ", "... ", " - ", ". "])
        self.pairs = rnd.random() < 0.25 if pairs is None else pairs
        self.numerals = numerals
        self.filler = rnd.random() < 0.2 if filler is None else filler
        self.hy = False
        if self.pairs and self.sep in (" ", " - "):
            self.sep = ", "

    def form(self):
        f = ["digits", {"zero": "zero", "oh": "oh", "o": "o"}[self.zero]]
        if self.dbl:
            f.append("double")
        if self.pairs:
            f.append("pairs")
        f.append({" ": "space", ", ": "comma", "... ": "ellipsis", " - ": "dash", ". ": "period"}
                 .get(self.sep, "sep"))
        if self.filler:
            f.append("uh")
        if self.numerals:
            f.append("mixed_numerals")
        return "_".join(f)


def dword(c, st):
    return st.zero if c == "0" else ONES[int(c)]


def say_group(g, st, rnd, allow_pairs=True):
    if st.numerals and rnd.random() < 0.4:
        return g
    if allow_pairs and st.pairs and len(g) in (2, 4) and g[0] != "0" and not (len(g) == 4 and g[2] == "0" and g[3] == "0" and False):
        out = []
        for i in range(0, len(g), 2):
            p = g[i:i + 2]
            if p[0] == "0":
                out.append(st.zero + " " + ONES[int(p[1])])
            elif p == "00":
                out.append("hundred")
            else:
                out.append(two(int(p), st.hy))
        return " ".join(out)
    if allow_pairs and st.pairs and len(g) == 3 and g[0] != "0" and g[1:] != "00":
        # 415 -> four fifteen
        r = int(g[1:])
        return ONES[int(g[0])] + " " + ((st.zero + " " + ONES[r]) if r < 10 else two(r, st.hy))
    words = []
    i = 0
    while i < len(g):
        c = g[i]
        run = 1
        while i + run < len(g) and g[i + run] == c and run < 3:
            run += 1
        if st.dbl and run == 3:
            words.append("triple " + dword(c, st))
            i += 3
        elif st.dbl and run >= 2:
            words.append("double " + dword(c, st))
            i += 2
        else:
            words.append(dword(c, st))
            i += 1
    return " ".join(words)


def say_digits(s, groups, st, rnd):
    parts = []
    i = 0
    for g in groups:
        parts.append(say_group(s[i:i + g], st, rnd))
        i += g
    if i < len(s):
        parts.append(say_group(s[i:], st, rnd))
    out = parts[0]
    for p in parts[1:]:
        sep = st.sep
        if st.filler and rnd.random() < 0.5:
            sep = rnd.choice([" uh ", " um ", ", uh, ", "... um "])
        out += sep + p
    return out


# --------------------------------------------------------------------------------------------
# values (fictitious)
AREA = [201, 202, 205, 206, 212, 213, 214, 215, 216, 218, 224, 225, 228, 231, 240, 248, 251,
        253, 267, 269, 281, 301, 302, 303, 304, 305, 312, 313, 314, 315, 317, 318, 319, 320,
        330, 334, 336, 337, 347, 352, 360, 385, 401, 402, 404, 405, 406, 407, 408, 409, 410,
        412, 414, 415, 417, 419, 423, 425, 432, 440, 443, 469, 470, 479, 480, 501, 502, 503,
        504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540, 541, 559,
        561, 571, 580, 585, 586, 601, 602, 603, 605, 606, 607, 608, 610, 612, 614, 615, 616,
        617, 618, 619, 626, 630, 651, 660, 678, 682, 702, 703, 704, 706, 708, 713, 714, 716,
        717, 719, 720, 724, 727, 732, 734, 757, 760, 770, 773, 775, 781, 785, 786, 801, 803,
        804, 808, 810, 813, 814, 815, 816, 818, 828, 830, 843, 850, 856, 857, 859, 860, 862,
        864, 865, 901, 903, 904, 907, 908, 909, 910, 912, 914, 915, 916, 918, 919, 920, 925,
        928, 931, 936, 937, 940, 941, 949, 951, 952, 954, 959, 970, 971, 972, 973, 978, 979, 980]
ZIP3 = ["021", "024", "060", "070", "076", "100", "104", "112", "117", "130", "142", "152", "191",
        "207", "212", "221", "232", "275", "282", "294", "303", "322", "331", "352", "372", "381",
        "402", "432", "441", "462", "482", "495", "531", "553", "606", "631", "641", "660", "701",
        "731", "750", "770", "787", "802", "841", "852", "871", "891", "900", "917", "921", "926",
        "941", "945", "956", "972", "981", "995"]
CARDS = ["4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444",
         "5105105105105100", "2223003122003222", "378282246310005", "371449635398431",
         "6011111111111117", "6011000990139424", "3530111333300000", "3566002020360505",
         "30569309025904", "4000056655665556", "5200828282828210"]
CARD_BINS = ["411111", "424242", "401288", "555555", "510510", "222300", "601100"]


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


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def gen_card(rnd):
    if rnd.random() < 0.55:
        return rnd.choice(CARDS)
    b = rnd.choice(CARD_BINS)
    return luhn_complete(b + "".join(rnd.choice("0123456789") for _ in range(9)))


def gen_npi(rnd):
    while True:
        body = rnd.choice("12") + "".join(rnd.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + body + c):
                return body + c


def gen_ssn(rnd):
    while True:
        a = rnd.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rnd.randint(1, 99), rnd.randint(1, 9999))


def ssn_ok(s):
    return (len(s) == 9 and s.isdigit() and 1 <= int(s[:3]) <= 899 and s[:3] != "666"
            and s[3:5] != "00" and s[5:] != "0000")


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rnd):
    d = "0123456789"
    an = MBI_L + d
    return (rnd.choice("123456789") + rnd.choice(MBI_L) + rnd.choice(an) + rnd.choice(d) +
            rnd.choice(MBI_L) + rnd.choice(an) + rnd.choice(d) + rnd.choice(MBI_L) +
            rnd.choice(MBI_L) + rnd.choice(d) + rnd.choice(d))


def mbi_ok(s):
    if len(s) != 11:
        return False
    d = "0123456789"
    an = MBI_L + d
    pat = ["123456789", MBI_L, an, d, MBI_L, an, d, MBI_L, MBI_L, d, d]
    return all(c in p for c, p in zip(s, pat))


def gen_phone(rnd):
    return "%d555%04d" % (rnd.choice(AREA), rnd.randint(100, 199))


def gen_zip(rnd):
    return rnd.choice(ZIP3) + "%02d" % rnd.randint(1, 99)


def gen_mrn(rnd):
    k = rnd.random()
    d = lambda n: "".join(rnd.choice("0123456789") for _ in range(n))
    if k < 0.4:
        return str(rnd.randint(1, 9)) + d(7)
    if k < 0.6:
        return "E" + str(rnd.randint(1, 9)) + d(6)
    if k < 0.8:
        return "MR" + str(rnd.randint(1, 9)) + d(5)
    return str(rnd.randint(1, 9)) + d(8)


def gen_member(rnd):
    k = rnd.random()
    d = lambda n: "".join(rnd.choice("0123456789") for _ in range(n))
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if k < 0.3:
        return "".join(rnd.choice(L) for _ in range(3)) + d(9)
    if k < 0.5:
        return "W" + str(rnd.randint(1, 9)) + d(8)
    if k < 0.65:
        return "U" + d(8) + "01"
    if k < 0.8:
        return "H" + str(rnd.randint(1, 9)) + d(7)
    # state Medicaid client id shape: two letters, five digits, letter
    return rnd.choice(L) + rnd.choice(L) + d(5) + rnd.choice(L)


GIVEN = {
    "anglo": ["Dana", "Marjorie", "Walter", "Beverly", "Clifford", "Tammy", "Russell", "Gail",
              "Dwayne", "Lorraine", "Harold", "Shannon", "Travis", "Colleen", "Vernon", "Bonnie"],
    "hispanic": ["Marisol", "Joaquín", "Yesenia", "Rigoberto", "Xiomara", "Ezequiel", "Lupita",
                 "Anselmo", "Maricela", "Osvaldo"],
    "vietnamese": ["Thanh", "Quynh", "Huong", "Duc", "Phuong", "Khoa", "Linh", "Tuan"],
    "nigerian": ["Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Folasade", "Chinedu", "Adaeze"],
    "polish": ["Grzegorz", "Agnieszka", "Wojciech", "Małgorzata", "Zbigniew", "Bożena"],
    "turkish": ["Emre", "Zeynep", "Burak", "Elif", "Serkan", "Gülşen"],
    "indian": ["Priyanka", "Venkatesh", "Lakshmi", "Harpreet", "Anirudh", "Deepa", "Sunil"],
    "chinese": ["Xiaoling", "Weijun", "Meihua", "Zhiwei", "Yuchen", "Jianhong"],
    "arabic": ["Khalid", "Rania", "Yousef", "Nadia", "Tariq", "Samira", "Bashir"],
    "other": ["Siobhan", "Teodora", "Kwabena", "Ines", "Pasquale", "Oksana", "Torsten"],
}
SUR = {
    "anglo": ["Pettigrew", "Hollister", "Blackwood", "Wainwright", "Dunleavy", "Crenshaw",
              "Ashby", "Kincaid", "Merriweather", "Fairbanks", "Tolliver", "Rutledge"],
    "hispanic": ["Villalobos", "Echeverría", "Quintanilla", "Arredondo", "Zamudio", "Olivares",
                 "Sandoval-Ruiz", "Barrientos"],
    "vietnamese": ["Nguyen", "Tran", "Pham", "Huynh", "Vo", "Dang"],
    "nigerian": ["Okonkwo", "Adeyemi", "Eze", "Obi", "Nwosu", "Adebayo"],
    "polish": ["Wiśniewski", "Kowalczyk", "Zieliński", "Grabowska", "Przybylski"],
    "turkish": ["Yılmaz", "Öztürk", "Demirci", "Kaplan", "Aydın"],
    "indian": ["Raghunathan", "Chatterjee", "Iyer", "Sandhu", "Venkataraman", "Kulkarni"],
    "chinese": ["Zhang", "Liang", "Guo", "Xu", "Tang"],
    "arabic": ["Haddad", "Al-Masri", "Khoury", "Nassar", "Saleh"],
    "other": ["Oyelaran", "Lindqvist", "Castellano", "Mensah", "Papadakis", "Horvath"],
}
AGENT_NAMES = ["Tasha", "Brendan", "Marisela", "Devonte", "Kristen", "Omar", "Janelle", "Rafael",
               "Nicole", "Hector", "Keisha", "Lauren"]
DOCS = ["Okafor", "Lindqvist", "Bhattacharya", "Moreau", "Szymański", "Delacroix", "Abernathy",
        "Nakashima", "Ferreira", "Castellano", "Obiora", "Whitfield", "Rasmussen", "Goldberg"]
STREETS = ["Elm", "Larkspur", "Juniper", "Sycamore", "Pinecrest", "Meadowbrook", "Harbor View",
           "Hawthorne", "Chestnut", "Alder", "Rosewood", "Kingsley", "Magnolia", "Birchwood",
           "Cottonwood", "Lakeshore", "Briar Ridge", "Old Mill", "Fenwick", "Quail Hollow"]
SUFFIX = [("street", "St."), ("avenue", "Ave"), ("road", "Rd"), ("drive", "Dr"), ("lane", "Ln"),
          ("court", "Ct"), ("boulevard", "Blvd"), ("way", "Way"), ("place", "Pl"),
          ("terrace", "Ter"), ("circle", "Cir")]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("icloud", "com"),
           ("aol", "com"), ("hotmail", "com"), ("comcast", "net"), ("att", "net"),
           ("protonmail", "com"), ("sbcglobal", "net")]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "adam"], "B": ["boy", "bravo"], "C": ["cat", "charlie"],
        "D": ["david", "dog"], "E": ["edward", "echo"], "F": ["frank", "fox"],
        "G": ["george", "girl"], "H": ["henry", "house"], "I": ["ice", "ida"],
        "J": ["john", "jack"], "K": ["king", "kite"], "L": ["larry", "lion"],
        "M": ["mary", "mike"], "N": ["nancy", "nora"], "O": ["ocean", "orange"],
        "P": ["peter", "paul"], "Q": ["queen", "quebec"], "R": ["robert", "red"],
        "S": ["sam", "sugar"], "T": ["tom", "tango"], "U": ["umbrella", "uncle"],
        "V": ["victor", "violet"], "W": ["william", "water"], "X": ["x-ray", "xylophone"],
        "Y": ["yellow", "yankee"], "Z": ["zebra", "zoo"]}


def ascii_fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, rnd):
        o = rnd.choice(sorted(GIVEN))
        o2 = o if rnd.random() < 0.75 else rnd.choice(sorted(SUR))
        self.first = rnd.choice(GIVEN[o])
        self.last = rnd.choice(SUR[o2])
        y = rnd.randint(1931, 2012)
        self.medicare = False
        self.dob = None
        self.y = y

    def set_dob(self, rnd, lo=1931, hi=2012):
        y = rnd.randint(lo, hi)
        m = rnd.randint(1, 12)
        dmax = MDAYS[m - 1] if m != 2 else (29 if y % 4 == 0 else 28)
        self.dob = (y, m, rnd.randint(1, dmax))
        return self.dob


# --------------------------------------------------------------------------------------------
# renderings. style: "lower" (ASR, no punctuation), "punct" (punctuated words), "smart"
# (Deepgram smart format: digits), "whisper" (digits often), "llm" (an LLM agent turn / summary)

def cap(s, style):
    return s.lower() if style == "lower" else s


def spell(word, rnd, how=None):
    w = ascii_fold(word).replace("-", "").replace(" ", "").upper()
    how = how or rnd.choice(["plain", "plain", "dash", "dots", "asin", "nato", "asin_mix"])
    if how == "plain":
        return " ".join(w.lower() if rnd.random() < 0.5 else w), "spelled_space"
    if how == "dash":
        return "-".join(w), "spelled_dash"
    if how == "dots":
        return " ".join(c + "." for c in w), "spelled_dots"
    if how == "nato":
        return " ".join(NATO[c] for c in w), "spelled_nato_space"
    if how == "asin":
        return ", ".join("%s as in %s" % (c, ASIN[c][0]) for c in w), "spelled_as_in_comma"
    out = []
    for c in w:
        if rnd.random() < 0.4:
            out.append("%s as in %s" % (c.lower(), rnd.choice(ASIN[c])))
        else:
            out.append(c.lower())
    return " ".join(out), "spelled_as_in_mix"


def say_alnum(s, rnd, style):
    """Alphanumeric id: letters plain/as in/NATO, digits in words or numerals."""
    lstyle = rnd.choice(["plain", "plain", "asin", "nato"])
    st = DigitStyle(rnd, pairs=False, numerals=style in ("smart", "whisper") or rnd.random() < 0.15,
                    sep=" ")
    toks = []
    run = ""
    for c in s + "#":
        if c.isdigit():
            run += c
            continue
        if run:
            groups = [3] * (len(run) // 3) if len(run) > 4 else [len(run)]
            toks.append(say_digits(run, groups, st, rnd))
            run = ""
        if c == "#":
            break
        if lstyle == "plain":
            toks.append(c if style != "lower" else c.lower())
        elif lstyle == "asin":
            toks.append("%s as in %s" % (c if style != "lower" else c.lower(), ASIN[c][0]))
        else:
            toks.append(NATO[c] if style == "lower" else NATO[c].capitalize())
    sep = rnd.choice([" ", " ", ", "])
    form = "alnum_%s_%s" % (lstyle, st.form())
    return sep.join(toks), form


def render_digits_entity(ent, v, rnd, style):
    """PHONE / SSN / CARD / NPI / ZIP / digit MRN as spoken (or smart-formatted) text."""
    groups = {"PHONE": [3, 3, 4], "SSN": [3, 2, 4], "NPI": [3, 3, 4], "ZIP": [5],
              "MRN": [len(v)]}.get(ent)
    if ent == "CARD":
        groups = [4, 6, 5] if len(v) == 15 else ([4, 6, 4] if len(v) == 14 else [4, 4, 4, 4])
    if style in ("smart", "whisper") and rnd.random() < 0.6:
        if ent == "PHONE":
            f = rnd.choice(["paren", "dash", "dash"])
            t = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s"}[f] % (v[:3], v[3:6], v[6:])
            return t, "written_phone_" + f, False
        if ent == "SSN":
            return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "written_ssn_dash", False
        if ent == "CARD":
            out, i = [], 0
            for g in groups:
                out.append(v[i:i + g])
                i += g
            return " ".join(out), "written_card_space", False
        return v, "written_digits", False
    st = DigitStyle(rnd, numerals=style in ("smart", "whisper") and rnd.random() < 0.5)
    if style == "punct" and st.pairs:
        st.hy = rnd.random() < 0.5
    if ent == "ZIP":
        k = rnd.random()
        if v[0] == "0" or v[1] == "0" or v[2] == "0":
            k = 0.0
        if k < 0.35:
            st.pairs = False
            t = say_digits(v, [5], st, rnd)
        elif k < 0.65:
            t = two(int(v[:2]), st.hy) + " " + ((st.zero + " " + ONES[int(v[3])]) if v[2] == "0" and False else say_group(v[2:], DigitStyle(rnd, pairs=True, zero=st.zero, dbl=False), rnd))
            return cap(t, style), "zip_pairs_" + st.zero, True
        else:
            t = say_group(v[:2], DigitStyle(rnd, pairs=False, zero=st.zero, dbl=False), rnd) + " " + say_group(v[2:], DigitStyle(rnd, pairs=True, zero=st.zero, dbl=False), rnd)
            return cap(t, style), "zip_digits_pairs_" + st.zero, True
        return cap(t, style), "zip_" + st.form(), True
    if ent == "PHONE" and rnd.random() < 0.15:
        t = "one " + say_digits(v, groups, st, rnd)
        return cap(t, style), "leading_one_" + st.form(), True
    t = say_digits(v, groups, st, rnd)
    if not any(ch.isalpha() for ch in t):
        # all groups came out as numerals: force a word group so it stays spoken
        st.numerals = False
        t = say_digits(v, groups, st, rnd)
    return cap(t, style), st.form(), True


def render_last4(v, rnd, style):
    st = DigitStyle(rnd, sep=rnd.choice([" ", ", ", " "]))
    if style in ("smart", "whisper") and rnd.random() < 0.5:
        return v[-4:], "last4_numerals", False
    if rnd.random() < 0.3 and v[-4] != "0" and v[-2] != "0":
        return cap(two(int(v[-4:-2])) + " " + two(int(v[-2:])), style), "last4_pairs", True
    return cap(say_digits(v[-4:], [4], st, rnd), style), "last4_" + st.form(), True


def year_words(y, rnd, short_ok=True):
    if 2000 <= y <= 2009:
        return rnd.choice(["two thousand %s" % ONES[y - 2000], "two thousand and %s" % ONES[y - 2000],
                           "two thousand %s" % ONES[y - 2000]]) if y > 2000 else "two thousand"
    if y >= 2010:
        return rnd.choice(["twenty %s" % two(y - 2000), "two thousand %s" % two(y - 2000)])
    yy = y % 100
    return "nineteen " + (("oh " + ONES[yy]) if yy < 10 else two(yy))


def short_year(y):
    yy = y % 100
    return ("oh " + ONES[yy]) if yy < 10 else two(yy)


def render_dob(dob, rnd, style):
    y, m, d = dob
    mon = MONTHS[m - 1]
    if style in ("smart", "whisper", "llm") and rnd.random() < 0.55:
        k = rnd.choice(["mdy_slash", "month_d_y", "month_dth_y", "mdy_slash_lead"])
        if k == "mdy_slash":
            return "%d/%d/%d" % (m, d, y), "written_mdy_slash", False
        if k == "mdy_slash_lead":
            return "%02d/%02d/%d" % (m, d, y), "written_mdy_slash_lead", False
        if k == "month_d_y":
            return "%s %d, %d" % (mon, d, y), "written_month_d_y", False
        return "%s %s, %d" % (mon, ord_suffix(d), y), "written_month_dth_y", False
    monw = mon if style != "lower" else mon.lower()
    k = rnd.choice(["month_ord_year", "month_ord_year", "month_card_year", "the_ord_of_month",
                    "num_mdy_lead", "num_mdy_nolead", "digits8", "month_ord_short", "slash_words",
                    "month_ord_numyear", "ord_month_year_uh"])
    yw = year_words(y, rnd)
    if k == "month_ord_year":
        return "%s %s %s" % (monw, ordinal(d), yw), "month_ord_year", True
    if k == "month_card_year":
        return "%s %s %s" % (monw, two(d), yw), "month_card_year", True
    if k == "the_ord_of_month":
        return "the %s of %s %s" % (ordinal(d), monw, yw), "the_d_of_m_full", True
    if k == "month_ord_short":
        return "%s %s %s" % (monw, ordinal(d), short_year(y)), "month_ord_short_year", True
    if k == "month_ord_numyear":
        return "%s %s, %d" % (monw, ordinal(d), y), "month_ord_numeral_year", True
    if k == "ord_month_year_uh":
        return "%s... %s %s, uh, %s" % (monw, ordinal(d), rnd.choice(["of", ""]) or "", yw) \
            if False else ("%s, uh, %s... %s" % (monw, ordinal(d), yw)), "month_uh_ord_ellipsis_year", True
    zero = rnd.choice(["oh", "zero", "o"])
    def dd(n, lead):
        if n < 10:
            return (zero + " " + ONES[n]) if lead else ONES[n]
        return two(n) if rnd.random() < 0.6 else " ".join(ONES[int(c)] for c in str(n))
    if k == "num_mdy_lead":
        return "%s %s %s" % (dd(m, True), dd(d, True), short_year(y) if y < 2000 else year_words(y, rnd)), "num_mdy_lead_" + zero, True
    if k == "num_mdy_nolead":
        return "%s %s %s" % (dd(m, False), dd(d, False), short_year(y) if y < 2000 else year_words(y, rnd)), "num_mdy_nolead", True
    if k == "slash_words":
        return "%s slash %s slash %s" % (dd(m, True), dd(d, True), short_year(y) if y < 2000 else year_words(y, rnd)), "num_mdy_slash_words", True
    s = "%02d%02d%04d" % (m, d, y)
    return " ".join(zero if c == "0" else ONES[int(c)] for c in s), "digits8_mmddyyyy_" + zero, True


def written_dob(dob, rnd):
    y, m, d = dob
    k = rnd.choice(["slash", "iso", "month"])
    if k == "slash":
        return "%02d/%02d/%d" % (m, d, y), "written_mdy_slash_lead"
    if k == "iso":
        return "%d-%02d-%02d" % (y, m, d), "written_iso"
    return "%s %d, %d" % (MONTHS[m - 1], d, y), "written_month_d_y"


def render_street(h, name, suf, unit, rnd, style):
    if style in ("smart", "whisper", "llm") and rnd.random() < 0.6:
        t = "%d %s %s" % (h, name, rnd.choice([suf[1], suf[0].capitalize()]))
        if unit:
            t += rnd.choice([", Apt %s", " Apt %s", ", Unit %s", " #%s"]) % unit
        return t, "written_street" + ("_unit" if unit else ""), False
    hw, hform = house_words(h, rnd, style == "punct" and rnd.random() < 0.5)
    nm = name
    t = "%s %s %s" % (hw, nm, suf[0] if style == "lower" else suf[0].capitalize())
    if unit:
        uw = " ".join(ONES[int(c)] if c.isdigit() else c for c in unit)
        t += rnd.choice([" apartment %s", ", apartment %s", " unit %s", " number %s"]) % uw
    return cap(t, style) if style == "lower" else t, hform + ("_unit" if unit else ""), True


def email_local(p, rnd):
    f, l = ascii_fold(p.first).lower(), ascii_fold(p.last).lower().replace("-", "")
    k = rnd.choice(["f.l", "fl2", "l_f", "f-l", "fl", "f.l2", "finitl"])
    num = str(rnd.randint(2, 99)) if rnd.random() < 0.7 else str(p.dob[0] if p.dob else 1970)
    return {"f.l": f + "." + l, "fl2": f + l + num, "l_f": l + "_" + f, "f-l": f + "-" + l,
            "fl": f + l, "f.l2": f + "." + l + num, "finitl": f[0] + l + num}[k]


def render_email(local, dom, rnd, style):
    written = local + "@" + dom[0] + "." + dom[1]
    if style in ("smart", "whisper", "llm") and rnd.random() < 0.6:
        return written, "written_email", False
    k = rnd.choice(["words", "words", "spell_first", "half", "at_sign", "all_one_word"])
    def loc_words(spell_first=False):
        out = []
        for part in re.split(r"([._-])", local):
            if part == ".":
                out.append("dot")
            elif part == "_":
                out.append("underscore")
            elif part == "-":
                out.append(rnd.choice(["dash", "hyphen"]))
            elif part.isdigit():
                out.append(" ".join(ONES[int(c)] for c in part) if rnd.random() < 0.6 else part)
            else:
                m = re.match(r"([a-z]+)(\d*)$", part)
                w, n = m.group(1), m.group(2)
                if spell_first and not out:
                    out.append(" ".join(w))
                else:
                    out.append(w)
                if n:
                    out.append(" ".join(ONES[int(c)] for c in n))
        return " ".join(out)
    domw = {"gmail": rnd.choice(["gmail", "g mail"]), "aol": "a o l", "att": "a t t"}.get(dom[0], dom[0])
    if k == "half":
        return loc_words() + " @" + dom[0] + "." + dom[1] if False else local + " at " + domw + " dot " + dom[1], "email_written_local_spoken_domain", True
    at = "at sign" if k == "at_sign" else "at"
    t = "%s %s %s dot %s" % (loc_words(k == "spell_first"), at, domw, dom[1])
    if k == "all_one_word":
        t += rnd.choice([", all one word", ""]) if False else ""
    return t, "email_" + k, True


# --------------------------------------------------------------------------------------------
# negatives (hard look-alikes)

def neg_sentence(R, rnd, style, who):
    """A sentence with one labelled look-alike. who: 'A' agent or 'C' caller."""
    k = rnd.choice(["dose", "bp", "time", "duration", "money", "room", "count", "age",
                    "appt", "confirm", "order", "menu", "emerg", "lab", "weight", "height", "ref"])
    if k in ("confirm", "order", "lab", "ref"):
        who = "A"
    n = R.neg
    if k == "dose":
        amt = rnd.choice([("twenty five milligrams", "25 mg"), ("five hundred milligrams", "500 mg"),
                          ("ten units", "10 units"), ("forty milligrams", "40 mg"),
                          ("point five milligrams", "0.5 mg"), ("one thousand milligrams", "1,000 mg")])
        drug = rnd.choice(["metoprolol", "the metformin", "lisinopril", "the insulin", "sertraline",
                           "the letrozole", "the ondansetron", "the prednisone"])
        a = amt[1] if style in ("smart", "whisper") else amt[0]
        s = "And you're still taking %s, %s?" % (drug, n(a, "dose")) if who == "A" else \
            "They have me on %s %s." % (drug, n(a, "dose"))
    elif k == "bp":
        v = rnd.choice([("one thirty eight over eighty six", "138/86"), ("one twenty over seventy", "120/70"),
                        ("one fifty two over ninety four", "152/94")])
        a = v[1] if style in ("smart", "whisper") else v[0]
        s = "My blood pressure this morning was %s." % n(a, "blood_pressure") if who == "C" else \
            "Your last pressure reading was %s." % n(a, "blood_pressure")
    elif k == "time":
        v = rnd.choice([("two thirty", "2:30"), ("nine fifteen", "9:15"), ("ten forty five", "10:45"),
                        ("seven a m", "7 AM"), ("one o'clock", "1:00")])
        a = v[1] if style in ("smart", "whisper") else v[0]
        s = "We can do %s if that works." % n(a, "time") if who == "A" else "I get off work around %s." % n(a, "time")
    elif k == "duration":
        v = rnd.choice(["about three weeks", "forty five minutes", "two days", "six months", "ten days"])
        s = "It's been %s now." % n(v, "duration") if who == "C" else "That usually takes %s." % n(v, "duration")
    elif k == "money":
        v = rnd.choice([("forty five dollars", "$45"), ("twelve fifty", "$12.50"),
                        ("three hundred and twenty dollars", "$320"), ("ten dollars", "$10")])
        a = v[1] if style in ("smart", "whisper") else v[0]
        s = "Your copay on that would be %s." % n(a, "money") if who == "A" else "Last time they charged me %s." % n(a, "money")
    elif k == "room":
        v = rnd.choice(["two fourteen", "three oh six", "one twelve", "four twenty"])
        s = "She's moved to room %s now." % n(v, "room_number") if who == "A" else "He was in room %s I think." % n(v, "room_number")
    elif k == "count":
        v = rnd.choice(["three refills", "two tablets", "four vials", "thirty pills", "six cycles"])
        s = "You have %s left on that." % n(v, "count") if who == "A" else "I've got maybe %s left." % n(v, "count")
    elif k == "age":
        v = rnd.choice(["seventy eight", "sixty two", "forty one", "eighty four", "thirty six"])
        s = "She's %s, she doesn't hear so well." % n(v, "age") if who == "C" else "At %s that's pretty common." % n(v, "age")
    elif k == "appt":
        v = rnd.choice(["Tuesday the ninth", "next Thursday the twentieth", "Monday December fourteenth",
                        "the twenty second"])
        s = "I have an opening %s." % n(v, "appointment_date") if who == "A" else "Can we do %s instead?" % n(v, "appointment_date")
    elif k == "confirm":
        v = rnd.choice(["K Q seven four one", "B R two two nine", "X Y eight oh three"])
        s = "Your confirmation number is %s." % n(v, "confirmation_number")
    elif k == "order":
        v = rnd.choice(["seven seven one four two", "eight three oh oh six", "six one two nine nine"])
        s = "That's under order number %s." % n(v, "order_number")
    elif k == "menu":
        v = rnd.choice(["two", "one", "three", "nine"])
        s = "Last time the system told me to press %s and it hung up." % n(v, "menu_option") if who == "C" else \
            "If you get the recording again just press %s." % n(v, "menu_option")
    elif k == "emerg":
        v = rnd.choice(["nine one one", "911"] if style in ("smart", "whisper") else ["nine one one"])
        s = "If the chest pain comes back, hang up and call %s." % n(v, "emergency_number") if who == "A" else \
            "I almost called %s last night." % n(v, "emergency_number")
    elif k == "lab":
        v = rnd.choice(["seven point two", "one forty two", "eleven point five", "four point one"])
        lab = rnd.choice(["A1C", "sodium", "hemoglobin", "potassium"])
        s = "Your %s came back at %s." % (lab, n(v, "lab_value"))
    elif k == "weight":
        v = rnd.choice([("one eighty five pounds", "185 pounds"), ("two hundred and ten pounds", "210 pounds"),
                        ("one thirty two pounds", "132 pounds")])
        a = v[1] if style in ("smart", "whisper") else v[0]
        s = "I'm down to %s." % n(a, "weight") if who == "C" else "Last weight we have is %s." % n(a, "weight")
    elif k == "height":
        v = rnd.choice(["five foot seven", "five two", "six foot one", "five foot four"])
        s = "I'm %s." % n(v, "height") if who == "C" else "And height, we have %s?" % n(v, "height")
    else:
        v = rnd.choice(["P A four four one two", "R E F nine nine three one", "T K six oh two"])
        s = "I'll give you a reference number, %s." % n(v, "reference_number")
    if style == "lower":
        s = lower_strip(s)
    return who, s


def lower_strip(s):
    """ACI-style lower case, no punctuation; markers kept."""
    s = s.lower()
    s = re.sub(r"[,.?!;:]+(?=\s|$|" + CLOSE + ")", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


# --------------------------------------------------------------------------------------------
# carriers

CARRIER_DIRS = [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
                os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..",
                             "..", "shared", "carrier-sources")]
BAD_WORDS = re.compile(
    r"\b(name|born|birthday|birth|date|address|street|avenue|phone|number|email|e-mail|zip|"
    r"social|insurance|doctor [a-z]+|dr|mr|mrs|ms|miss|hundred|ninety|january|february|march|"
    r"april|june|july|august|september|october|november|december|spell|call me|years? old|"
    r"dax|nuance|hospital|clinic|city|county|town|live in|lives in|moved|school|college|"
    r"work at|works at|wife|husband|son|daughter|mom|dad|mother|father|brother|sister)\b", re.I)
ASK_WORDS = re.compile(r"\b(name|born|birth|old are you|age|spell)\b", re.I)
COMMON_NAMES = set("""charles martha john james mary robert michael william david richard joseph
thomas christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin
brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph
eugene russell bobby mason philip louis patricia jennifer linda elizabeth barbara susan jessica
sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda
dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna
brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn
judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
theresa diana natalie brittany charlotte marie kayla alexis lori jim bob tom bill mike joe sam
dan ben kate liz sue beth jen jenny katie ken rick steve tony chris nick matt pat jan ray dave
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson taylor moore jackson martin lee thompson white harris sanchez clark ramirez lewis
robinson walker young allen king wright hill green adams baker nelson carter mitchell perez roberts
turner phillips campbell parker evans edwards collins stewart morris rogers reed cook morgan bell
murphy bailey rivera cooper richardson cox howard ward torres peterson gray ramos watson brooks
kelly sanders price bennett wood barnes ross henderson coleman jenkins perry powell long patterson
hughes flores washington butler simmons foster gonzales bryant alexander russell griffin diaz hayes
dax""".split())
for _pool in list(GIVEN.values()) + list(SUR.values()) + [AGENT_NAMES, DOCS]:
    for _n in _pool:
        COMMON_NAMES.add(ascii_fold(_n).lower())
NUMWORD = re.compile(r"\b(%s)\b" % "|".join(ONES[1:] + TEENS + TENS[2:] + ["oh", "zero"]), re.I)


def find_carrier_dir():
    for d in CARRIER_DIRS:
        if d and os.path.isdir(os.path.join(d, "mts-dialog")):
            return d
    sys.exit("carrier sources not found (set CARRIER_DIR)")


def clean_turn(t):
    t = re.sub(r"</?UNSURE>|<[A-Z_]+/?>|\[[a-z_ ]+\]", "", t)
    t = t.replace(" n't", "n't").replace("wan na", "wanna").replace("gon na", "gonna")
    t = re.sub(r"\s+([,.?!])", r"\1", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t


def turn_ok(t):
    if not t or len(t) > 300 or len(t) < 2:
        return False
    if re.search(r"\d", t) or "@" in t or BAD_WORDS.search(t):
        return False
    words = re.findall(r"[A-Za-z']+", t)
    for i, w in enumerate(words):
        lw = w.lower().strip("'")
        if lw in COMMON_NAMES:
            return False
        if i > 0 and w[0].isupper() and w not in ("I", "I'm", "I've", "I'll", "I'd", "Okay", "OK"):
            return False
    if len(NUMWORD.findall(t)) >= 3:
        return False
    if re.search(r"\b(doctor|patient|guest_family|speaker)\s*:", t, re.I):
        return False
    return True


def load_carriers(cdir):
    """List of (source, dialogue id, [(role, text)]) with role 'D' (clinician) or 'P'."""
    out = []
    for f in sorted(glob.glob(os.path.join(cdir, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient)\s*:\s*(.*)$", line)
                    if not m:
                        turns.append(None)
                        continue
                    turns.append(("D" if m.group(1) == "Doctor" else "P", clean_turn(m.group(2))))
                out.append(("mts", os.path.basename(f) + ":" + row["ID"], turns))
    for f in sorted(glob.glob(os.path.join(cdir, "aci-bench", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*\[(doctor|patient)\]\s*(.*)$", line)
                    if not m:
                        turns.append(None)
                        continue
                    turns.append(("D" if m.group(1) == "doctor" else "P", clean_turn(m.group(2))))
                out.append(("aci", os.path.basename(f) + ":" + (row.get("id") or row.get("encounter_id")), turns))
    pm = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(cdir, "primock57", "*.TextGrid"))):
        m = re.match(r"(.*)_(doctor|patient)\.TextGrid$", os.path.basename(f))
        if not m:
            continue
        with open(f, encoding="utf-8") as fh:
            txt = fh.read()
        for xm, tx in re.findall(r'xmin = ([0-9.]+)\s*\n\s*xmax = [0-9.]+\s*\n\s*text = "(.*)"', txt):
            if tx.strip():
                pm[m.group(1)].append((float(xm), "D" if m.group(2) == "doctor" else "P", clean_turn(tx)))
    for k in sorted(pm):
        turns = [(r, t) for _, r, t in sorted(pm[k])]
        out.append(("primock", k, turns))
    # screen: drop bad turns and the three turns after a turn asking for a name/age/spelling
    screened = []
    for src, did, turns in out:
        keep = []
        skip = 0
        for t in turns:
            if t is None:
                keep.append(None)
                continue
            ok = skip == 0 and turn_ok(t[1])
            skip = max(0, skip - 1)
            if ASK_WORDS.search(t[1]):
                skip = 3
            keep.append(t if ok else None)
        screened.append((src, did, keep))
    return screened


def carrier_windows(screened):
    """Runs of 3-8 consecutive surviving turns that alternate speakers."""
    wins = []
    for src, did, turns in screened:
        run = []
        for t in turns + [None]:
            if t is not None and (not run or run[-1][0] != t[0]):
                run.append(t)
                continue
            if len(run) >= 3:
                st = 0 if run[0][0] == "D" else 1
                for i in range(st, len(run) - 2, 6):
                    w = run[i:i + 6]
                    if len(w) >= 3:
                        wins.append((src, did, w))
            run = [t] if t is not None else []
    return wins


# --------------------------------------------------------------------------------------------
# values -> text

class Val:
    """One injected value: entity + canonical value (+ person for names/emails)."""
    def __init__(self, ent, v, who="caller"):
        self.ent, self.v, self.who = ent, v, who


def written(val, rnd):
    e, v = val.ent, val.v
    if e == "NAME":
        return v, "written_name"
    if e == "PHONE":
        f = rnd.choice(["paren", "dash", "e164"])
        return {"paren": "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "dash": "%s-%s-%s" % (v[:3], v[3:6], v[6:]),
                "e164": "+1" + v}[f], "written_phone_" + f
    if e == "DOB":
        return written_dob(v, rnd)
    if e == "SSN":
        return ("%s-%s-%s" % (v[:3], v[3:5], v[5:]), "written_ssn_dash") if rnd.random() < 0.6 else \
            ("***-**-" + v[5:], "written_ssn_masked_last4")
    if e == "CARD":
        return ("ending in " + v[-4:], "written_card_last4") if False else (v[-4:], "written_card_last4")
    if e == "STREET":
        h, name, suf, unit = v
        t = "%d %s %s" % (h, name, suf[1])
        if unit:
            t += ", Apt " + unit
        return t, "written_street" + ("_unit" if unit else "")
    if e == "EMAIL":
        return v[0] + "@" + v[1][0] + "." + v[1][1], "written_email"
    return v, "written_id"


def render(val, rnd, style, part=None):
    """(text, form, spoken) for a caller (or agent) saying the value."""
    e, v = val.ent, val.v
    if e == "NAME":
        first, last = v.split(" ", 1) if " " in v else (v, "")
        if part == "first":
            t = first
        elif part == "last":
            t = last
        elif part == "spell_last":
            t, f = spell(last, rnd)
            if style == "lower":
                t = t.lower()
            return t, f, True
        else:
            t = v
            if rnd.random() < 0.15 and last:
                t = "%s, %s" % (last, first)
                return (t.lower() if style == "lower" else t), "name_last_first", True
        return (ascii_fold(t).lower() if style == "lower" and rnd.random() < 0.5 else
                (t.lower() if style == "lower" else t)), "name_" + (part or "full") + ("_lower" if style == "lower" else ""), True
    if e == "DOB":
        y, m, d = v
        if part == "md":
            mon = MONTHS[m - 1] if style != "lower" else MONTHS[m - 1].lower()
            return "%s %s" % (mon, rnd.choice([ordinal(d), two(d)])), "split_month_day", True
        if part == "y":
            return year_words(y, rnd), "split_year", True
        return render_dob(v, rnd, style)
    if e in ("PHONE", "SSN", "CARD", "NPI", "ZIP") or (e == "MRN" and v.isdigit()):
        if part == "last4":
            return render_last4(v, rnd, style)
        if part is None:
            for _ in range(20):
                t, f, sp = render_digits_entity(e, v, rnd, style)
                n = normalise(lower_strip(t) if style == "lower" else t)
                if n == v or n == "1" + v:
                    return t, f, sp
            raise AssertionError((e, v, t))
        if part in ("a", "b"):
            cut = {"PHONE": 3, "SSN": 3, "CARD": 8, "NPI": 5, "ZIP": 2}.get(e, len(v) // 2)
            if e == "PHONE" and int(v[-1]) % 2 == 0:
                cut = 6
            s = v[:cut] if part == "a" else v[cut:]
            st = DigitStyle(rnd, sep=" ")
            g = [4, 4] if len(s) == 8 else ([3] if len(s) == 3 else [len(s)])
            return cap(say_digits(s, g, st, rnd), style), "split_part_" + part + "_" + st.form(), True
        return render_digits_entity(e, v, rnd, style)
    if e == "STREET":
        return render_street(v[0], v[1], v[2], v[3], rnd, style)
    if e == "EMAIL":
        return render_email(v[0], v[1], rnd, style)
    # alphanumeric: MRN with letters, MBI, MEMBER_ID
    if part in ("a", "b"):
        cut = 4 if e == "MBI" else len(v) // 2
        s = v[:cut] if part == "a" else v[cut:]
        t, f = say_alnum(s, rnd, style)
        return t, "split_part_" + part + "_" + f, True
    if style in ("smart", "whisper") and rnd.random() < 0.4:
        return v, "written_id", False
    t, f = say_alnum(v, rnd, style)
    return t, f, True


ASKS = {
    "NAME": ["Can I get the patient's full name?", "Who am I speaking with today?",
             "And what's your first and last name?", "Okay, and the name on the account?",
             "Can I have the resident's name, please?"],
    "DOB": ["And the date of birth?", "Can you verify your date of birth for me?",
            "What's the patient's date of birth?", "Date of birth, please."],
    "PHONE": ["What's the best callback number?", "What number should we reach you at?",
              "Is there a good phone number for you?", "And a contact number?"],
    "SSN": ["What's your social security number?", "I'll need the social security number on the application."],
    "SSN4": ["Can you give me the last four of your social?", "Just the last four digits of the social."],
    "MRN": ["Do you have the medical record number? It's on the top of the discharge papers.",
            "What's the MRN on the requisition?", "Can you read me the medical record number?"],
    "MBI": ["Can you read me the Medicare number off the red, white and blue card?",
            "What's the Medicare beneficiary identifier?", "And the Medicare number?"],
    "CARD": ["What's the card number?", "Go ahead with the card number whenever you're ready."],
    "CARD4": ["What are the last four of the card on file?", "Which card, can you give me the last four?"],
    "ZIP": ["And the zip code?", "What zip code is that?", "Zip code for the pharmacy?"],
    "STREET": ["What's the street address?", "And what's the address on file?",
               "What's the home address we should have?"],
    "EMAIL": ["What email should we send the portal link to?", "Do you have an email address?",
              "And an email for the intake forms?"],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "Can I get the subscriber ID?",
                  "What's the ID number on the front of the card?"],
    "NPI": ["What's the prescriber's NPI?", "And the ordering provider's NPI?",
            "Can I get the NPI for the prescriber?"],
}
FRAMES = {
    "NAME": ["My name is {v}.", "This is {v}.", "Yeah, the patient's name is {v}.",
             "I'm calling for my mother, {v}.", "It's under my husband, {v}."],
    "DOB": ["My date of birth is {v}.", "She was born {v}.", "Birthday's {v}.",
            "Date of birth {v}.", "DOB is {v}."],
    "PHONE": ["My number is {v}.", "You can call me back at {v}.", "My cell is {v}.",
              "Best number is {v}."],
    "SSN": ["My social is {v}.", "Social security number is {v}."],
    "SSN4": ["Last four of my social are {v}.", "The last four of the social is {v}."],
    "MRN": ["The medical record number is {v}.", "It says MRN {v}.", "Medical record number, {v}."],
    "MBI": ["My Medicare number is {v}.", "Medicare ID is {v}.", "The Medicare number on the card is {v}."],
    "CARD": ["The card number is {v}.", "Card number's {v}."],
    "CARD4": ["The card ends in {v}.", "Card ending {v}."],
    "ZIP": ["Zip is {v}.", "Zip code {v}.", "The zip code is {v}."],
    "STREET": ["I live at {v}.", "The address is {v}.", "She lives at {v}.", "Pickup is at {v}."],
    "EMAIL": ["My email is {v}.", "Email address is {v}.", "You can email me at {v}."],
    "MEMBER_ID": ["Member ID is {v}.", "The ID on the card is {v}.", "Subscriber ID {v}."],
    "NPI": ["The NPI is {v}.", "Prescriber NPI is {v}.", "Her NPI number is {v}."],
}
BARE = ["{v}.", "Yeah, {v}.", "Um, {v}.", "Sure. {v}.", "Okay, it's {v}.", "Uh, let me see... {v}.",
        "Yes. {v}.", "Hold on, I have it here. {v}."]
READBACK = ["Okay, I have {v}, is that right?", "Just to confirm, {v}?", "Let me read that back: {v}.",
            "So that's {v}.", "Got it, {v}."]
CONFIRM = ["Yes.", "That's right.", "Yep, that's correct.", "Mm-hmm.", "Correct."]
REPEAT = ["Sorry, could you repeat that?", "I'm sorry, you cut out. One more time?",
          "Can you say that again a little slower?"]
CONT = ["Mm-hmm.", "Go ahead.", "Okay.", "Uh huh, keep going."]
ACKS = ["Okay.", "Thank you.", "Perfect, thank you.", "Great.", "All right."]


CAP_RE = re.compile(r"(^|(?<!\.)[.?!]\s+)((?:" + OPEN + r"[SN]\d+" + MID + r")?)([a-z])")


def fmt_turn(t, style):
    if style == "lower":
        return lower_strip(t)
    def up(m):
        if "@" in re.split(r"\s", t[m.start(3):] + " ", 1)[0]:
            return m.group(0)
        return m.group(1) + m.group(2) + m.group(3).upper()
    return CAP_RE.sub(up, t)


def exchange(R, rnd, val, astyle, cstyle, allow_none=True, variant=None):
    """Turns [(role, text)] for one value: the agent ('A') asks, the caller ('C') answers."""
    e = val.ent
    key = e
    last4 = False
    if e in ("SSN", "CARD") and rnd.random() < 0.4:
        key, last4 = e + "4", True
    ask = rnd.choice(ASKS[key])
    turns = []
    variant = variant or rnd.choices(
        ["bare", "framed", "bare_readback", "framed_readback", "split", "repeat", "mishear", "none"],
        [22, 18, 16, 8, 12, 8, 6 if e in ("PHONE", "ZIP") else 0,
         14 if allow_none and e in ("PHONE", "EMAIL", "NAME", "DOB") else 0])[0]
    if last4 and variant in ("split", "mishear"):
        variant = "bare_readback"
    if e in ("STREET", "EMAIL") and variant == "split":
        variant = "repeat"
    if e == "NAME" and variant == "mishear":
        variant = "bare"

    def say(part=None, cue="prev", style=cstyle):
        t, f, sp = render(val, rnd, style, "last4" if last4 and part is None else part)
        if sp and part is None and e not in ("NAME", "EMAIL") and rnd.random() < 0.08 and " " in t:
            t, f = t.split(" ")[0].rstrip(",.") + "- " + t, "falsestart_" + f
        return R.span(t, e, cue, f, sp)

    def agent_read():
        if astyle == "llm" and rnd.random() < 0.5 and not last4:
            t, f = written(val, rnd)
            if e == "SSN" and f.endswith("masked_last4"):
                t, f = "%s-%s-%s" % (val.v[:3], val.v[3:5], val.v[5:]), "written_ssn_dash"
            return R.span(t, e, "prev", "readback_" + f, e == "NAME")
        st = astyle if astyle != "llm" else "punct"
        t, f, sp = render(val, rnd, st, "last4" if last4 else None)
        if astyle == "llm":
            t = re.sub(r"(?:,|\.\.\.)? (?:uh|um),?(?= )", ",", t)
        return R.span(t, e, "prev", "readback_" + f, sp)

    if variant == "none":
        if e == "NAME":
            c = "Yeah hi. %s. Calling about %s." % (say(cue="none"), rnd.choice(
                ["a refill", "my mom's appointment", "the letter I got", "a bill"]))
        elif e == "DOB":
            c = "Hi, it's, um, for the birthday thing, no sorry. %s. That's what they have on file." % say(cue="none") if False else \
                "Okay, hang on, I have the papers. %s. And I'm calling about the prescription." % say(cue="none")
        elif e == "PHONE":
            c = "Oh, and %s, you can write that down." % say(cue="none")
        else:
            c = "If you want to send me anything it's %s." % say(cue="none")
        turns.append(("C", c))
        turns.append(("A", rnd.choice(ACKS)))
        return [(r, fmt_turn(t, astyle if r == "A" else cstyle)) for r, t in turns]
    if variant.startswith("framed"):
        turns.append(("A", rnd.choice(["How can I help you today?", "What can I update for you?",
                                       "Okay, go ahead.", ask])))
        turns.append(("C", rnd.choice(FRAMES[key]).replace("{v}", say(cue="same"))))
    elif variant == "split":
        turns.append(("A", ask))
        if e == "NAME":
            turns.append(("C", rnd.choice(BARE).replace("{v}", say("first"))))
            turns.append(("A", "And the last name?"))
            turns.append(("C", "%s. %s." % (say("last"), say("spell_last"))))
        elif e == "DOB":
            turns.append(("C", rnd.choice(BARE).replace("{v}", say("md"))))
            turns.append(("A", "And the year?"))
            turns.append(("C", "%s." % say("y")))
        else:
            turns.append(("C", say("a") + rnd.choice(["...", ",", " -", ""])))
            turns.append(("A", rnd.choice(CONT)))
            turns.append(("C", say("b") + "."))
    else:
        turns.append(("A", ask))
        turns.append(("C", rnd.choice(BARE).replace("{v}", say())))
    if e == "NAME" and variant in ("bare", "framed", "bare_readback", "framed_readback") and rnd.random() < 0.7:
        turns.append(("A", rnd.choice(["Can you spell the last name for me?", "How do you spell that?",
                                       "And can you spell the last name?"])))
        turns.append(("C", rnd.choice(["{v}.", "Sure, it's {v}.", "Yeah. {v}."]).replace("{v}", say("spell_last"))))
    if variant == "repeat":
        turns.append(("A", rnd.choice(REPEAT)))
        turns.append(("C", rnd.choice(["Sure. {v}.", "{v}.", "Yeah, sorry. {v}."]).replace("{v}", say())))
    if variant == "mishear":
        v0 = val.v
        wrong = v0[:-1] + str((int(v0[-1]) + rnd.choice([1, 2, 3])) % 10)
        if e == "PHONE":
            wrong = v0[:-2] + "%02d" % ((int(v0[-2:]) + 11) % 100)
        wv = Val(e, wrong)
        t, f, sp = render(wv, rnd, astyle if astyle != "llm" else "punct")
        turns.append(("A", "I have %s?" % R.span(t, e, "prev", "misheard_readback_" + f, sp)))
        if e == "PHONE":
            st = DigitStyle(rnd)
            t2 = say_digits(v0[-4:], [4], st, rnd)
            turns.append(("C", "No, %s at the end. %s." % (R.span(cap(t2, cstyle), e, "prev", "correction_last4_" + st.form(), True),
                                                         rnd.choice(["Oh one, not oh two", "You got the rest right"]) if False else "The rest is right")))
        else:
            turns.append(("C", "No, %s." % say()))
    if variant.endswith("readback") or (variant in ("split", "repeat") and rnd.random() < 0.5):
        turns.append(("A", rnd.choice(READBACK).replace("{v}", agent_read())))
        turns.append(("C", rnd.choice(CONFIRM)))
    elif variant == "mishear":
        turns.append(("A", rnd.choice(READBACK).replace("{v}", agent_read())))
        turns.append(("C", rnd.choice(CONFIRM)))
    else:
        turns.append(("A", rnd.choice(ACKS)))
    return [(r, fmt_turn(t, astyle if r == "A" else cstyle)) for r, t in turns]


# --------------------------------------------------------------------------------------------
# settings

SETTINGS = {
    # name: (agent labels, caller labels, allowed entities, clinical carrier?, openings, reasons)
    "discharge_followup": (["AI", "Assistant", "Agent"], ["Patient", "Caller", "User"],
                           ["NAME", "DOB", "PHONE", "MRN", "STREET", "ZIP", "EMAIL", "MEMBER_ID", "MBI"], True,
                           ["Hi, this is the virtual care assistant calling from the cardiology unit to check in after your discharge."],
                           ["Oh yes, hi, they said someone would call."]),
    "prior_auth": (["Rep", "Payer"], ["Pharmacy", "Tech"],
                   ["NAME", "DOB", "MEMBER_ID", "NPI", "ZIP", "MBI", "PHONE"], False,
                   ["Thank you for calling pharmacy prior authorization, how can I help?"],
                   ["Hi, I'm calling from the pharmacy about a PA on a claim that rejected."]),
    "courier": (["Dispatch", "Dispatcher"], ["Clinic", "Caller"],
                ["NAME", "STREET", "ZIP", "PHONE", "MRN", "DOB", "NPI"], False,
                ["Lab courier dispatch, what can I schedule for you?"],
                ["Hi, we need a home-draw specimen picked up this afternoon."]),
    "refill_reminder": (["AI", "Agent"], ["Patient", "Customer"],
                        ["NAME", "DOB", "CARD", "ZIP", "PHONE", "STREET", "EMAIL", "MEMBER_ID"], False,
                        ["Hello, this is an automated refill reminder from your pharmacy."],
                        ["Okay, yeah, I was gonna call you guys."]),
    "telepsych_intake": (["Intake", "Coordinator"], ["Client", "Caller"],
                         ["NAME", "DOB", "EMAIL", "PHONE", "STREET", "MEMBER_ID", "SSN", "CARD"], True,
                         ["Thanks for calling behavioral health intake, this line is recorded."],
                         ["Hi, um, my therapist said I should set up a psychiatry appointment."]),
    "fertility": (["Coordinator", "Nurse"], ["Patient", "Partner"],
                  ["NAME", "DOB", "MEMBER_ID", "CARD", "EMAIL", "PHONE", "STREET", "ZIP", "SSN"], True,
                  ["Fertility center, this is the nurse line."],
                  ["Hi, I'm on day three and they said to call to schedule the monitoring."]),
    "oncology_infusion": (["Scheduler", "Nurse"], ["Patient", "Caller"],
                          ["NAME", "DOB", "MRN", "PHONE", "NPI", "MEMBER_ID", "CARD", "ZIP"], True,
                          ["Infusion center scheduling."],
                          ["Hi, I need to move my chemo appointment."]),
    "nursing_home": (["Nurse", "Staff"], ["Daughter", "Son", "Family"],
                     ["NAME", "DOB", "MRN", "PHONE", "STREET", "EMAIL", "MBI", "MEMBER_ID", "SSN"], True,
                     ["Hi, this is the charge nurse on the east wing, I'm calling with an update."],
                     ["Oh, hi, is everything okay with her?"]),
    "medicaid_renewal": (["Rep", "Worker"], ["Caller", "Member"],
                         ["NAME", "SSN", "MEMBER_ID", "STREET", "ZIP", "DOB", "PHONE", "EMAIL"], False,
                         ["Medicaid renewal help line, my name is on your screen, how can I help?"],
                         ["Yeah, I got a letter saying I have to renew or I lose my coverage."]),
    "er_callback": (["Nurse", "RN"], ["Caller", "Patient"],
                    ["NAME", "DOB", "MRN", "PHONE", "ZIP", "STREET", "CARD", "EMAIL", "MEMBER_ID"], True,
                    ["Emergency department callback line, this is the nurse returning your call."],
                    ["Hi, yeah, I was there last night and I had a question about the instructions."]),
    "medicare_helpline": (["Rep", "Agent"], ["Caller", "Beneficiary"],
                          ["NAME", "MBI", "DOB", "ZIP", "STREET", "CARD", "PHONE", "NPI", "MEMBER_ID"], False,
                          ["Thank you for calling about your Medicare plan, who do I have the pleasure of speaking with?"],
                          ["Hi, I'm trying to find out if my new doctor is covered."]),
    "billing": (["Billing", "Agent"], ["Caller", "Guarantor"],
                ["NAME", "CARD", "ZIP", "MRN", "SSN", "DOB", "STREET", "PHONE", "EMAIL", "MEMBER_ID"], False,
                ["Patient financial services, how can I help you?"],
                ["Hi, I want to pay the balance on my statement."]),
}
CLOSINGS = [("A", "Is there anything else I can help you with today?"), ("C", "No, that's it. Thank you."),
            ("A", "You're welcome. Take care.")]
FILLER_PAIRS = [[("A", "One moment while I pull that up."), ("C", "Sure.")],
                [("A", "Okay, I'm just updating the chart here."), ("C", "No problem.")],
                [("C", "Sorry, my dog's barking."), ("A", "That's okay, take your time.")],
                [("A", "Bear with me, the system is a little slow today."), ("C", "Mm-hmm.")],
                [("C", "Are you still there?"), ("A", "Yes, I'm here, sorry about that.")]]


TARGET = {"NAME": 48, "SSN": 72, "PHONE": 80, "DOB": 80, "MRN": 70, "MBI": 50, "CARD": 70,
          "ZIP": 72, "STREET": 70, "EMAIL": 72, "MEMBER_ID": 72, "NPI": 50}
CLINICAL = ["discharge_followup", "telepsych_intake", "fertility", "oncology_infusion",
            "nursing_home", "er_callback"]


def new_value(ent, rnd, person, medicare=False):
    if ent == "NAME":
        return Val("NAME", "%s %s" % (person.first, person.last))
    if ent == "DOB":
        if person.dob is None:
            person.set_dob(rnd, 1932 if medicare else 1931, 1959 if medicare else 2012)
        return Val("DOB", person.dob)
    if ent == "PHONE":
        return Val("PHONE", gen_phone(rnd))
    if ent == "SSN":
        return Val("SSN", gen_ssn(rnd))
    if ent == "MRN":
        return Val("MRN", gen_mrn(rnd))
    if ent == "MBI":
        return Val("MBI", gen_mbi(rnd))
    if ent == "CARD":
        return Val("CARD", gen_card(rnd))
    if ent == "ZIP":
        return Val("ZIP", gen_zip(rnd))
    if ent == "STREET":
        unit = None
        if rnd.random() < 0.3:
            unit = str(rnd.randint(1, 24)) + rnd.choice(["", "", "B", "C", "A"])
        h = rnd.choice([rnd.randint(2, 99), rnd.randint(100, 999), rnd.randint(1000, 9899),
                        rnd.randint(100, 999), rnd.randint(10000, 24999) if rnd.random() < 0.2 else rnd.randint(100, 999)])
        return Val("STREET", (h, rnd.choice(STREETS), rnd.choice(SUFFIX), unit))
    if ent == "EMAIL":
        if person.dob is None and rnd.random() < 0.3:
            person.set_dob(rnd)
        return Val("EMAIL", (email_local(person, rnd), rnd.choice(DOMAINS)))
    if ent == "MEMBER_ID":
        return Val("MEMBER_ID", gen_member(rnd))
    if ent == "NPI":
        return Val("NPI", gen_npi(rnd))
    raise KeyError(ent)


class Gen:
    def __init__(self, seed, n):
        self.rnd = random.Random(seed)
        self.n = n
        self.counts = collections.Counter()
        self.wins = carrier_windows(load_carriers(find_carrier_dir()))
        self.wins_lower = [w for w in self.wins if w[0] == "aci"]
        self.wins_punct = [w for w in self.wins if w[0] != "aci"]

    def pick_entities(self, allowed, k):
        rnd = self.rnd
        chosen = []
        pool = list(allowed)
        for _ in range(min(k, len(pool))):
            w = [1.0 / (self.counts[e] / float(TARGET[e]) + 0.05) ** 6 for e in pool]
            e = rnd.choices(pool, w)[0]
            chosen.append(e)
            pool.remove(e)
        return chosen

    def carrier(self, style, labels):
        rnd = self.rnd
        pool = self.wins_lower if style == "lower" else self.wins_punct
        src, did, w = rnd.choice(pool)
        n = rnd.randint(3, len(w))
        if w[n - 1][0] != "P" and n > 3:
            n -= 1
        out = []
        for role, t in w[:n]:
            r = "A" if role == "D" else "C"
            if style == "lower":
                t = lower_strip(t)
            elif t and t[0].islower():
                t = t[0].upper() + t[1:]
            out.append((r, t))
        return out

    def conversation(self, R, setting, astyle, cstyle, values, person, extra_names):
        """Turn list [(role, marked text)] for a call."""
        rnd = self.rnd
        alabels, clabels, allowed, clinical, openings, reasons = SETTINGS[setting]
        turns = []
        op = rnd.choice(openings)
        if extra_names.get("agent"):
            op += " My name is %s." % R.span(extra_names["agent"], "NAME", "same", "name_agent", True) \
                if rnd.random() < 0.5 else " This is %s." % R.span(extra_names["agent"], "NAME", "same", "name_agent", True)
        turns.append(("A", fmt_turn(op, astyle)))
        turns.append(("C", fmt_turn(rnd.choice(reasons), cstyle)))
        blocks = []
        for v in values:
            blocks.append(exchange(R, rnd, v, astyle, cstyle))
        if extra_names.get("doctor"):
            d = extra_names["doctor"]
            t = rnd.choice(["The prescriber is Dr. {v}.", "It was ordered by Doctor {v}.",
                            "Dr. {v} is her oncologist."])
            dn = d if cstyle != "lower" else d.lower()
            blocks.append([("C", fmt_turn(t.replace("{v}", R.span(dn, "NAME", "same", "name_provider_title", True)), cstyle)),
                           ("A", fmt_turn(rnd.choice(ACKS), astyle))])
        nneg = rnd.choice([1, 1, 2, 2, 3])
        for _ in range(nneg):
            who = rnd.choice("AC")
            if who == "A" and astyle == "llm":
                st = "punct"
            else:
                st = cstyle if who == "C" else astyle
            who, s = neg_sentence(R, rnd, st, who)
            blk = [(who, s), ("C" if who == "A" else "A", fmt_turn(rnd.choice(["Okay.", "Mm-hmm.", "Got it.", "Oh okay.", "All right."]),
                                                                     cstyle if who == "A" else astyle))]
            blocks.insert(rnd.randint(0, len(blocks)), blk)
        if clinical and astyle != "llm" or (clinical and rnd.random() < 0.5):
            blocks.insert(rnd.randint(0, len(blocks)), self.carrier(cstyle if cstyle == "lower" else "punct", None))
        for b in blocks:
            for r, t in b:
                if turns and turns[-1][0] == r:
                    turns[-1] = (r, turns[-1][1] + " " + t)
                else:
                    turns.append((r, t))
        while len(turns) < 5:
            turns.extend([(r, fmt_turn(t, astyle if r == "A" else cstyle)) for r, t in rnd.choice(FILLER_PAIRS)])
        for r, t in CLOSINGS:
            t = fmt_turn(t, astyle if r == "A" else cstyle)
            if turns[-1][0] == r:
                turns[-1] = (r, turns[-1][1] + " " + t)
            else:
                turns.append((r, t))
        return turns

    def plan(self, setting, budget=5):
        rnd = self.rnd
        allowed = SETTINGS[setting][2]
        k = min(rnd.choice([2, 3, 3, 3, 4, 4, 5]), len(allowed) - 2)
        ents = self.pick_entities(allowed, k)
        person = Person(rnd)
        medicare = setting == "medicare_helpline" or "MBI" in ents
        values = []
        for e in ents:
            if e == "NAME":
                continue
            values.append(new_value(e, rnd, person, medicare))
        extra = {}
        if "NAME" in ents:
            values.insert(0, new_value("NAME", rnd, person))
            if setting in ("nursing_home",) and rnd.random() < 0.7:
                rel = Person(rnd)
                values.insert(1, Val("NAME", "%s %s" % (rel.first, rel.last), "relative"))
            if rnd.random() < 0.12:
                extra["agent"] = rnd.choice(AGENT_NAMES)
        if "NPI" in ents and rnd.random() < 0.5:
            extra["doctor"] = rnd.choice(DOCS)
        # at most `budget` distinct injected values per record
        for k in ("agent", "doctor"):
            if len(values) + len(extra) > budget and k in extra:
                del extra[k]
        while len(values) + len(extra) > budget:
            values.pop()
        return values, person, extra

    def transcript_record(self, idx):
        rnd = self.rnd
        setting = rnd.choice(sorted(SETTINGS))
        kind = rnd.choices(["transcript_asr_lower", "transcript_punct", "transcript_smart_format",
                            "transcript_whisper_style", "transcript_voice_agent", "transcript_callcenter"],
                           [20, 18, 15, 10, 20, 17])[0]
        cstyle = {"transcript_asr_lower": "lower", "transcript_punct": "punct",
                  "transcript_smart_format": "smart", "transcript_whisper_style": "whisper",
                  "transcript_voice_agent": rnd.choice(["lower", "punct", "smart"]),
                  "transcript_callcenter": "punct"}[kind]
        astyle = "llm" if kind == "transcript_voice_agent" else cstyle
        R = Rec()
        values, person, extra = self.plan(setting)
        turns = self.conversation(R, setting, astyle, cstyle, values, person, extra)
        alabels, clabels = SETTINGS[setting][0], SETTINGS[setting][1]
        if kind == "transcript_voice_agent":
            al, cl = rnd.choice([("AI", "User"), ("assistant", "user"), ("Agent", "Caller"), ("Bot", "Customer")])
        else:
            al, cl = rnd.choice(alabels), rnd.choice(clabels)
        if cstyle == "lower":
            al, cl = "[%s]" % al.lower(), "[%s]" % cl.lower()
        else:
            al, cl = al + ":", cl + ":"
        if al == cl:
            cl = cl.replace(":", " 2:")
        stamps = rnd.random() < 0.3
        t0 = rnd.randint(0, 40)
        turns = turns[:40]
        lines = []
        for r, t in turns:
            lab = al if r == "A" else cl
            pre = ""
            if stamps:
                pre = "[%02d:%02d:%02d] " % (t0 // 3600, (t0 // 60) % 60, t0 % 60)
                t0 += rnd.randint(2, 14)
            lines.append("%s%s %s" % (pre, lab, t))
        marked = "\n".join(lines)
        text, spans, negs = strip_marks(marked, R.meta)
        return {"id": "h5-%04d" % idx, "format": "transcript", "kind": kind, "setting": setting,
                "text": text, "spans": spans, "negatives": negs}

    # ---------------------------------------------------------------------------------------
    def summary(self, R, values, setting, cue_name="none"):
        rnd = self.rnd
        parts = []
        name = [v for v in values if v.ent == "NAME"]
        reason = {"discharge_followup": "a post-discharge follow-up check-in",
                  "prior_auth": "a prior authorization request for a rejected pharmacy claim",
                  "courier": "scheduling a home-draw specimen pickup",
                  "refill_reminder": "a refill reminder; the patient asked to process the refill",
                  "telepsych_intake": "telepsychiatry intake",
                  "fertility": "scheduling cycle monitoring",
                  "oncology_infusion": "rescheduling an infusion appointment",
                  "nursing_home": "a family update on a resident",
                  "medicaid_renewal": "help with a Medicaid renewal",
                  "er_callback": "a question about emergency department discharge instructions",
                  "medicare_helpline": "checking whether a provider is in network",
                  "billing": "paying a statement balance"}[setting]
        if name:
            t, f = written(name[0], rnd)
            parts.append("%s called regarding %s." % (R.span(t, "NAME", "none", "summary_" + f, False), reason) if rnd.random() < 0.5
                         else "The caller, %s, called regarding %s." % (R.span(t, "NAME", "same", "summary_" + f, False), reason))
        else:
            parts.append("The caller called regarding %s." % reason)
        lab = {"DOB": "date of birth", "PHONE": "callback number", "SSN": "SSN", "MRN": "MRN",
               "MBI": "Medicare ID", "CARD": "card ending", "ZIP": "ZIP code", "STREET": "address",
               "EMAIL": "email", "MEMBER_ID": "member ID", "NPI": "prescriber NPI"}
        ver = []
        for v in values:
            if v.ent == "NAME" or rnd.random() < 0.25:
                continue
            t, f = written(v, rnd)
            ver.append("%s %s" % (lab[v.ent], R.span(t, v.ent, "same", "summary_" + f, False)))
        if ver:
            parts.append("Verified " + ", ".join(ver) + ".")
        parts.append(rnd.choice(["No further action needed.", "Follow-up task created for the care team.",
                                 "Caller was satisfied with the resolution.", "Escalated to a human agent."]))
        return " ".join(parts)

    def structured(self, R, values):
        rnd = self.rnd
        key = {"NAME": "patient_name", "DOB": "dob", "PHONE": "callback_number", "SSN": "ssn",
               "MRN": "mrn", "MBI": "mbi", "CARD": "card_last4", "ZIP": "zip", "STREET": "street_address",
               "EMAIL": "email", "MEMBER_ID": "member_id", "NPI": "prescriber_npi"}
        d = {}
        for v in values:
            k = key[v.ent]
            if k in d or rnd.random() < 0.2:
                continue
            t, f = written(v, rnd)
            if v.ent == "DOB":
                t, f = "%d-%02d-%02d" % v.v, "written_iso"
            d[k] = R.span(t, v.ent, "same", "structured_" + f, False)
        d["call_reason"] = rnd.choice(["refill", "scheduling", "verification", "other"])
        d["urgent"] = rnd.random() < 0.1
        return d

    def json_record(self, idx):
        rnd = self.rnd
        profile = rnd.choices(["vapi", "retell", "signalwire", "deepgram", "transcribe"], [24, 20, 14, 12, 14])[0]
        setting = rnd.choice(sorted(SETTINGS))
        R = Rec()
        values, person, extra = self.plan(setting, budget=4)
        agent_side = profile in ("vapi", "retell", "signalwire")
        astyle = "llm" if agent_side else rnd.choice(["smart", "punct"])
        cstyle = rnd.choice(["punct", "smart", "punct"]) if profile != "transcribe" else "punct"
        turns = self.conversation(R, setting, astyle, cstyle, values, person, extra)[:30]
        phones = [v for v in values if v.ent == "PHONE"]
        caller_num = phones[0].v if phones else gen_phone(rnd)
        e164 = lambda: R.span("+1" + caller_num, "PHONE", "same", "e164_metadata", False)
        uid = lambda: "%08x-%04x-4%03x-%04x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12),
                                                       0x8000 | rnd.getrandbits(14), rnd.getrandbits(48))
        start_ms = 1764000000000 + rnd.randint(0, 2000000000)
        times = []
        t = rnd.uniform(0.5, 2.0)
        for r, txt in turns:
            dur = min(14.0, 0.9 + len(txt) / 16.0)
            times.append((round(t, 3), round(t + dur, 3)))
            t += dur + rnd.uniform(0.3, 1.6)
        total = round(t + 1.0, 3)
        iso = lambda ms: "%s.%03dZ" % (__import__("time").strftime("%Y-%m-%dT%H:%M:%S", __import__("time").gmtime(ms // 1000)), ms % 1000)
        kind = {"vapi": "vapi_end_of_call_report", "retell": "retell_webhook", "signalwire": "signalwire_post_prompt",
                "deepgram": "deepgram_prerecorded", "transcribe": "transcribe_output"}[profile]
        if profile == "vapi":
            msgs = [{"role": "system", "message": "You are a friendly phone assistant for the %s line. Verify identity before discussing details." % setting.replace("_", " "),
                     "time": start_ms, "secondsFromStart": 0}]
            for (r, txt), (a, b) in zip(turns, times):
                msgs.append({"role": "bot" if r == "A" else "user", "message": txt, "time": start_ms + int(a * 1000),
                             "endTime": start_ms + int(b * 1000), "secondsFromStart": a, "duration": round((b - a) * 1000)})
            tr = "\n".join(("AI: " if r == "A" else "User: ") + txt for r, txt in turns)
            cost = {"transport": round(rnd.uniform(0.001, 0.02), 4), "stt": round(total / 60 * 0.01, 4),
                    "llm": round(rnd.uniform(0.005, 0.08), 4), "tts": round(total / 60 * 0.036, 4),
                    "vapi": round(total / 60 * 0.05, 4)}
            cost["total"] = round(sum(cost.values()), 4)
            inbound = setting not in ("refill_reminder", "discharge_followup", "nursing_home")
            call = {"id": uid(), "orgId": uid(), "type": "inboundPhoneCall" if inbound else "outboundPhoneCall",
                    "status": "ended", "phoneNumberId": uid(), "assistantId": uid(),
                    "createdAt": iso(start_ms - 1200), "updatedAt": iso(start_ms + int(total * 1000) + 800),
                    "customer": {"number": e164()}, "phoneCallProvider": "twilio", "phoneCallTransport": "pstn"}
            msg = {"type": "end-of-call-report", "endedReason": rnd.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                   "call": call, "customer": {"number": e164()},
                   "assistant": {"id": call["assistantId"], "name": setting.replace("_", " ").title() + " Agent"},
                   "artifact": {"messages": msgs, "transcript": tr,
                                "recordingUrl": "https://storage.vapi.ai/%s-1764%07d-%s-mono.wav" % (call["id"], rnd.randint(0, 9999999), uid()[:8]),
                                "stereoRecordingUrl": "https://storage.vapi.ai/%s-stereo.wav" % call["id"]},
                   "analysis": {"summary": self.summary(R, values, setting),
                                "structuredData": self.structured(R, values),
                                "successEvaluation": rnd.choice(["true", "false"])},
                   "startedAt": iso(start_ms), "endedAt": iso(start_ms + int(total * 1000)),
                   "cost": cost["total"], "costBreakdown": cost, "durationSeconds": total,
                   "durationMs": int(total * 1000), "durationMinutes": round(total / 60, 4)}
            if rnd.random() < 0.3:
                msg["artifact"]["messagesOpenAIFormatted"] = [{"role": "assistant" if r == "A" else "user", "content": txt} for r, txt in turns]
            payload = {"message": msg}
        elif profile == "retell":
            event = rnd.choice(["call_analyzed", "call_analyzed", "call_ended"])
            inbound = setting not in ("refill_reminder", "discharge_followup", "nursing_home")
            call = {"call_type": "phone_call", "direction": "inbound" if inbound else "outbound",
                    "call_id": "call_" + "%032x" % rnd.getrandbits(128), "agent_id": "agent_" + "%024x" % rnd.getrandbits(96),
                    "agent_version": rnd.randint(1, 30), "call_status": "ended", "metadata": {},
                    "start_timestamp": start_ms, "end_timestamp": start_ms + int(total * 1000),
                    "duration_ms": int(total * 1000),
                    "disconnection_reason": rnd.choice(["user_hangup", "agent_hangup", "inactivity"]),
                    "transcript": "\n".join(("Agent: " if r == "A" else "User: ") + txt for r, txt in turns),
                    "transcript_object": [{"role": "agent" if r == "A" else "user", "content": txt} for r, txt in turns],
                    "recording_url": "https://dxc03zgurdly9.cloudfront.net/%032x/recording.wav" % rnd.getrandbits(128),
                    "public_log_url": "https://dxc03zgurdly9.cloudfront.net/%032x/public.log" % rnd.getrandbits(128),
                    "latency": {"e2e": {"p50": rnd.randint(700, 1400), "p90": rnd.randint(1400, 2400), "num": len(turns) // 2},
                                "llm": {"p50": rnd.randint(300, 700)}},
                    "call_cost": {"combined_cost": round(total / 60 * 7.0, 3), "total_duration_seconds": int(total),
                                  "total_duration_unit_price": 0.1167}}
            call["from_number" if inbound else "to_number"] = e164()
            if not inbound and "NAME" in [v.ent for v in values] and rnd.random() < 0.6:
                call["retell_llm_dynamic_variables"] = {"patient_first_name": R.span(person.first, "NAME", "same", "dynamic_variable_first", False)}
            if event == "call_analyzed":
                call["call_analysis"] = {"call_summary": self.summary(R, values, setting),
                                         "in_voicemail": False, "user_sentiment": rnd.choice(["Positive", "Neutral", "Negative"]),
                                         "call_successful": rnd.random() < 0.85,
                                         "custom_analysis_data": self.structured(R, values)}
            payload = {"event": event, "call": call}
        elif profile == "signalwire":
            us = start_ms * 1000
            log = [{"role": "system", "content": "You are the automated %s assistant." % setting.replace("_", " ")}]
            log += [{"role": "assistant" if r == "A" else "user", "content": txt} for r, txt in turns]
            summ = self.summary(R, values, setting)
            payload = {"action": "post_conversation", "version": "2.0", "content_type": "text/swaig",
                       "app_name": "swml app", "ai_session_id": uid(), "conversation_id": uid(),
                       "call_id": uid(), "project_id": uid(), "space_id": uid(),
                       "caller_id_name": rnd.choice(["WIRELESS CALLER", "", "UNKNOWN"]),
                       "caller_id_number": e164(),
                       "call_start_date": us, "ai_start_date": us + 350000, "ai_end_date": us + int(total * 1e6),
                       "call_end_date": us + int(total * 1e6) + 200000, "call_log": log,
                       "post_prompt_data": {"raw": summ, "substituted": summ},
                       "total_input_tokens": rnd.randint(2000, 9000), "total_output_tokens": rnd.randint(200, 900)}
            if rnd.random() < 0.4:
                payload["post_prompt_data"]["parsed"] = [self.structured(R, values)]
        elif profile == "deepgram":
            allt = " ".join(txt for r, txt in turns)
            spk = {"A": 0, "C": 1}
            para = "".join("\nSpeaker %d: %s\n" % (spk[r], txt) for r, txt in turns)
            utt = [{"start": a, "end": b, "confidence": round(rnd.uniform(0.85, 0.999), 4), "channel": 0,
                    "transcript": txt, "speaker": spk[r], "id": uid()} for (r, txt), (a, b) in zip(turns, times)]
            mid = uid()
            payload = {"metadata": {"transaction_key": "deprecated", "request_id": uid(),
                                    "sha256": "%064x" % rnd.getrandbits(256), "created": iso(start_ms),
                                    "duration": total, "channels": 1, "models": [mid],
                                    "model_info": {mid: {"name": "general-nova-3", "version": "2025-01-03.0", "arch": "nova-3"}}},
                       "results": {"channels": [{"alternatives": [{"transcript": allt, "confidence": round(rnd.uniform(0.9, 0.99), 4),
                                                                   "paragraphs": {"transcript": para}}]}],
                                   "utterances": utt}}
            if rnd.random() < 0.4:
                payload["metadata"]["summary_info"] = {"model_uuid": uid(), "input_tokens": rnd.randint(300, 2000), "output_tokens": rnd.randint(40, 120)}
                payload["results"]["summary"] = {"result": "success", "short": self.summary(R, values, setting)}
        else:
            segs = [{"id": i, "transcript": txt, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                     "speaker_label": "spk_%d" % (0 if r == "A" else 1), "items": []}
                    for i, ((r, txt), (a, b)) in enumerate(zip(turns, times))]
            payload = {"jobName": "call-%s-%d" % (setting.replace("_", "-"), rnd.randint(1000, 99999)),
                       "accountId": str(rnd.randint(10 ** 11, 10 ** 12 - 1)), "status": "COMPLETED",
                       "results": {"transcripts": [{"transcript": " ".join(txt for r, txt in turns)}],
                                   "speaker_labels": {"speakers": 2, "segments": [
                                       {"start_time": s["start_time"], "end_time": s["end_time"],
                                        "speaker_label": s["speaker_label"], "items": []} for s in segs]},
                                   "items": [], "audio_segments": segs}}
        marked = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        text, spans, negs = strip_marks(marked, R.meta)
        return {"id": "h5-%04d" % idx, "format": "json", "profile": profile, "kind": kind, "setting": setting,
                "text": text, "spans": spans, "negatives": negs}

    def run(self):
        recs = []
        njson = int(round(self.n * 0.3))
        order = ["json"] * njson + ["transcript"] * (self.n - njson)
        self.rnd.shuffle(order)
        for i, f in enumerate(order):
            r = self.transcript_record(i) if f == "transcript" else self.json_record(i)
            for s in r["spans"]:
                self.counts[s["entity"]] += 1
            recs.append(r)
        return recs


def emit(rec):
    out = collections.OrderedDict()
    for k in ("id", "format", "profile", "kind", "text", "spans", "negatives"):
        if k in rec:
            out[k] = rec[k]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------------------------
# --check

WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENNUM = {w: 10 * i for i, w in enumerate(TENS) if w}
NATO_REV = {v: k for k, v in NATO.items()}
FILLERS = {"uh", "um", "dash", "hyphen", "slash", "and", "sorry", "at", "the", "end", "of"}


def normalise(text):
    """Spoken or written id -> its letters and digits ("four fifteen" -> 415, "r as in robert" -> R)."""
    ms = list(re.finditer(r"x-ray|[A-Za-z]+|\d+", text, re.I))
    toks = [m.group(0) for m in ms]
    gaps = [text[ms[k].end():ms[k + 1].start()] for k in range(len(ms) - 1)] + [""]
    out = []
    i = 0
    mult = 1
    while i < len(toks):
        t = toks[i]
        lt = t.lower()
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if t.isdigit():
            out.append(t * mult)
            mult = 1
        elif lt in ("double", "triple"):
            mult = 2 if lt == "double" else 3
        elif lt in WORDNUM and not (len(lt) == 1 and nxt == "as"):
            out.append(str(WORDNUM[lt]) * mult)
            mult = 1
        elif lt in TEENNUM:
            out.append(str(TEENNUM[lt]))
        elif lt in TENNUM:
            if nxt in WORDNUM and nxt not in ("oh", "o", "zero") and gaps[i] in (" ", "-"):
                out.append(str(TENNUM[lt] + WORDNUM[nxt]))
                i += 1
            else:
                out.append(str(TENNUM[lt]))
        elif lt == "hundred":
            out.append("00")
        elif lt in NATO_REV:
            out.append(NATO_REV[lt])
        elif len(t) == 1 and t.isalpha():
            out.append(t.upper())
            if nxt == "as":
                i += 3
        elif t.isupper() and 2 <= len(t) <= 4:
            out.append(t)
        elif lt in FILLERS:
            pass
        else:
            out.append("?" + lt)
        i += 1
    return "".join(out)


def dob_ok(t):
    m = re.fullmatch(r"(\d\d?)/(\d\d?)/(\d{4})", t)
    if m:
        return 1 <= int(m.group(1)) <= 12 and 1931 <= int(m.group(3)) <= 2012
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", t)
    if m:
        return 1931 <= int(m.group(1)) <= 2012 and 1 <= int(m.group(2)) <= 12
    low = t.lower()
    mon = [i for i, mo in enumerate(MONTHS) if mo.lower() in low.split() or mo.lower() + "," in low.split()]
    yearish = re.search(r"(19[3-9]\d|200\d|201[0-2])\b|nineteen|two thousand|twenty (ten|eleven|twelve)|\b(%s)\b" % "|".join(TENS[3:] + ["oh"]), low)
    if mon:
        return bool(yearish) or "y" in "" and False
    t = re.sub(r"two thousand( and)? (one|two|three|four|five|six|seven|eight|nine)\b", r"twenty oh \2", t)
    t = re.sub(r"two thousand( and)? (ten|eleven|twelve)\b", r"twenty \2", t)
    t = t.replace("two thousand", "twenty hundred")
    digits = normalise(t)
    return bool(re.fullmatch(r"\d{4,8}", digits)) and 1 <= int(digits[:2] if len(digits) >= 6 and digits[0] in "01" else digits[0]) <= 12


def value_ok(ent, form, t):
    if form.startswith("split_part") or form in ("split_month_day", "split_year") or form.startswith("name_first") \
            or form.startswith("name_last") or form.startswith("dynamic_variable"):
        return bool(t.strip())
    if ent == "NAME":
        return not re.search(r"\d", t) and bool(re.search(r"[^\W\d_]", t))
    if ent == "DOB":
        return dob_ok(t.split("- ", 1)[1] if form.startswith("falsestart_") else t)
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z]+\.(com|net)", t)) or (" at " in " " + t + " " and " dot " in t)
    if ent == "STREET":
        return bool(re.match(r"(\d+|[a-z]+)\b", t, re.I)) and bool(re.search(r"\b(%s)\b" % "|".join(
            [s[0] for s in SUFFIX] + [s[1].rstrip(".") for s in SUFFIX] + [s[0].capitalize() for s in SUFFIX]), t))
    if form.startswith("falsestart_"):
        t = t.split("- ", 1)[1]
        form = form[len("falsestart_"):]
    n = normalise(t)
    if "?" in n:
        return False
    last4 = "last4" in form or form.startswith("correction_last4")
    if ent == "PHONE":
        if last4:
            return len(n) == 4 and n.startswith("01")
        if len(n) == 11 and n[0] == "1":
            n = n[1:]
        return len(n) == 10 and int(n[:3]) in AREA and n[3:8].startswith("55501")
    if ent == "SSN":
        return (len(n) == 4 and n != "0000") if last4 else ssn_ok(n)
    if ent == "CARD":
        return len(n) == 4 if last4 else (14 <= len(n) <= 16 and luhn_ok(n))
    if ent == "NPI":
        return len(n) == 10 and n[0] in "12" and luhn_ok("80840" + n)
    if ent == "MBI":
        return mbi_ok(n)
    if ent == "ZIP":
        return len(n) == 5 and n[:3] in ZIP3
    if ent in ("MRN", "MEMBER_ID"):
        return 7 <= len(n) <= 12 and sum(c.isdigit() for c in n) >= 5
    return False


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z][a-z ]*\]|[A-Za-z][A-Za-z0-9 ]{0,20}:) \S")


def string_ranges(raw):
    """Byte ranges of the contents of every JSON string value (not keys) in a compact line."""
    b = raw.encode("utf-8")
    out = []
    i, n = 0, len(b)
    stack = []
    expect_key = False
    while i < n:
        c = b[i:i + 1]
        if c == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            is_key = stack and stack[-1] == "{" and expect_key
            if not is_key:
                out.append((i + 1, j))
            i = j + 1
            continue
        if c == b"{":
            stack.append("{")
            expect_key = True
        elif c == b"[":
            stack.append("[")
        elif c in (b"}", b"]"):
            stack.pop()
        elif c == b":":
            expect_key = False
        elif c == b",":
            expect_key = stack[-1] == "{"
        i += 1
    return out


def check(paths):
    bad = 0
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            raw = f.read()
        if raw.endswith("\n"):
            raw = raw[:-1]
        for ln, line in enumerate(raw.split("\n"), 1):
            r = json.loads(line)
            recs.append(r)
            b = r["text"].encode("utf-8")
            errs = []
            items = [(s["start"], s["end"], "span") for s in r["spans"]] + \
                    [(s["start"], s["end"], "neg") for s in r["negatives"]]
            items.sort()
            for (a1, z1, k1), (a2, z2, k2) in zip(items, items[1:]):
                if a2 < z1:
                    errs.append("overlap %s %d-%d / %s %d-%d" % (k1, a1, z1, k2, a2, z2))
            for a, z, k in items:
                if not (0 <= a < z <= len(b)):
                    errs.append("bad offsets %d-%d" % (a, z))
                    continue
                seg = b[a:z].decode("utf-8")
                if seg != seg.strip() or not seg.strip():
                    errs.append("untrimmed %s %r" % (k, seg))
            if r["format"] == "transcript":
                lines = r["text"].split("\n")
                if not 8 <= len(lines) <= 40:
                    errs.append("%d turns" % len(lines))
                if r["text"].endswith("\n") or any(not l.strip() for l in lines):
                    errs.append("blank or trailing line")
                for l in lines:
                    if not LINE_RE.match(l):
                        errs.append("bad line %r" % l[:60])
            else:
                try:
                    obj = json.loads(r["text"])
                    if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != r["text"]:
                        errs.append("not compact json")
                    rngs = string_ranges(r["text"])
                    for s in r["spans"] + r["negatives"]:
                        if not any(a <= s["start"] and s["end"] <= z for a, z in rngs):
                            errs.append("span outside string value %d-%d" % (s["start"], s["end"]))
                except ValueError as e:
                    errs.append("json: %s" % e)
            for s in r["spans"]:
                seg = b[s["start"]:s["end"]].decode("utf-8")
                if not value_ok(s["entity"], s["form"], seg):
                    errs.append("invalid %s %s %r" % (s["entity"], s["form"], seg))
                if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                    errs.append("bad cue/spoken")
            if errs:
                bad += 1
                print("%s:%d %s: %s" % (p, ln, r["id"], "; ".join(errs[:6])))
    print("checked %d records, %d with errors" % (len(recs), bad))
    return recs, bad


def stats(recs):
    ent = collections.defaultdict(collections.Counter)
    negs = collections.Counter()
    kinds = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    vals_per = []
    bykind = collections.defaultdict(collections.Counter)
    for r in recs:
        for sp in r["spans"]:
            bykind[r["kind"]][sp["cue"]] += 1
            bykind[r["kind"]]["spoken" if sp["spoken"] else "written"] += 1
        kinds[(r["format"], r["kind"])] += 1
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            c = ent[s["entity"]]
            c["total"] += 1
            c["spoken" if s["spoken"] else "written"] += 1
            c[s["cue"]] += 1
            forms[s["entity"]][re.sub(r"_(zero|oh|o)\b.*", "", s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
        vals_per.append(len(r["spans"]))
    print("records: %d (%s)" % (len(recs), ", ".join("%s %d" % (f, sum(v for (ff, _), v in kinds.items() if ff == f))
                                                    for f in ("transcript", "json"))))
    for (f, k), v in sorted(kinds.items()):
        print("  %-11s %-28s %d" % (f, k, v))
    print("%-10s %6s %6s %7s %5s %5s %5s" % ("entity", "total", "spoken", "written", "same", "prev", "none"))
    tot = collections.Counter()
    for e in sorted(ent):
        c = ent[e]
        tot.update(c)
        print("%-10s %6d %6d %7d %5d %5d %5d" % (e, c["total"], c["spoken"], c["written"], c["same"], c["prev"], c["none"]))
    print("%-10s %6d %6d %7d %5d %5d %5d" % ("all", tot["total"], tot["spoken"], tot["written"], tot["same"], tot["prev"], tot["none"]))
    print("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    print("spans per record: min %d, max %d" % (min(vals_per), max(vals_per)))
    print("spans by kind: same/prev/none, spoken/written")
    for k in sorted(bykind):
        c = bykind[k]
        print("  %-28s %4d/%4d/%3d  %4d/%4d" % (k, c["same"], c["prev"], c["none"], c["spoken"], c["written"]))
    for e in sorted(forms):
        print("  %s forms: %s" % (e, ", ".join("%s %d" % kv for kv in forms[e].most_common(8))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        recs, bad = check(a.check)
        stats(recs)
        sys.exit(1 if bad else 0)
    recs = Gen(a.seed, a.n).run()
    if a.stats:
        stats(recs)
        return
    out = "\n".join(emit(r) for r in recs) + "\n"
    sys.stdout.buffer.write(out.encode("utf-8"))


if __name__ == "__main__":
    main()
