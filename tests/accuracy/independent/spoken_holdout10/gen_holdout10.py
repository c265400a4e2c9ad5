#!/usr/bin/env python3
"""Independent spoken-PHI holdout corpus #10 for phiscrub (standard library only).

Phone calls and telehealth/clinic talk outside the usual "verify identity" script:
pharmacy refill lines, behavioural-health intake, dental front desks, telehealth
check-ins, home-health scheduling, insurance eligibility (office to payer), hospital
billing and lab-result callbacks; elderly, hurried, speakerphone and caregiver callers;
STT renderings in Google-like lower case, Whisper, Deepgram smart format and AWS
Transcribe styles; voice-agent vendor payloads (vapi, retell, signalwire, deepgram,
transcribe).

  python3 gen_holdout10.py [--seed N] [--n 150] > holdout10.jsonl
  python3 gen_holdout10.py --stats [--seed N]
  python3 gen_holdout10.py --check holdout10.jsonl
"""
import argparse
import collections
import csv
import datetime
import json
import os
import re
import random
import sys

DEFAULT_SEED = 20261210
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------
# segments

class Span:
    __slots__ = ("text", "entity", "spoken", "cue", "form")

    def __init__(self, text, entity, spoken, cue, form):
        self.text, self.entity, self.spoken, self.cue, self.form = text, entity, spoken, cue, form


class Neg:
    __slots__ = ("text", "what")

    def __init__(self, text, what):
        self.text, self.what = text, what


def seg_text(s):
    return s if isinstance(s, str) else s.text


# --------------------------------------------------------------------------------------
# word pools (written for this corpus)

FIRST = """Dana Maria Jose Luis Ana Sofia Rosa Carmen Alejandro Guadalupe Thanh Minh Huong Linh Quang
Chinedu Ngozi Adaeze Oluwaseun Emeka Folake Katarzyna Piotr Agnieszka Tomasz Zofia Emre Ayse Mehmet
Elif Burak Priya Rajesh Anjali Vikram Sunita Arjun Wei Jing Hui Xiaoling Jun Mei Omar Fatima Yusuf
Layla Khalid Noor Hassan Margaret Harold Dorothy Eugene Betty Walter Gloria Raymond Shirley Frank
Tyrone Keisha Darnell Latoya Marcus Imani Jamal Aaliyah Siobhan Declan Niamh Colm Sean Ingrid Lars
Astrid Sven Yuki Hiroshi Kenji Aiko Haruto Giovanni Francesca Paolo Chiara Dmitri Olga Svetlana Ivan
Kwame Ama Kofi Abena Tariq Samira Esperanza Rafael Beatriz Joao Leilani Kalani Mateo Valentina Nia
Bridget Clarence Mildred Bernard Agnes Leonard Evelyn Howard Lorraine Cheryl Wendell Yolanda""".split()
LAST = """Reyes Delgado Gutierrez Ramirez Castillo Morales Vargas Nguyen Tran Pham Le Hoang Okafor
Adeyemi Eze Okonkwo Balogun Nwosu Kowalski Nowak Wisniewski Lewandowski Zielinski Ozturk Yilmaz Demir
Kaya Celik Sharma Patel Iyer Reddy Chatterjee Gupta Chen Wang Liu Zhang Huang Zhao Haddad Khoury
Mansour Saleh Farah Abdullah Thompson Whitaker Henderson Caldwell Fitzgerald Brennan Gallagher
Washington Jefferson Coleman Robinson Banks Hendricks Lindqvist Johansson Eriksen Tanaka Yamamoto
Suzuki Nakamura Rossi Bianchi Esposito Romano Ivanova Petrov Sokolov Mensah Asante Owusu Boateng
Qureshi Siddiqui Alvarez Mendoza Figueroa Cardenas Oliveira Santos Kahananui Akana Holloway Pruitt
Dunleavy MacAllister Strickland Villanueva Abernathy Kaczmarek Szymanski Mbeki Achterberg""".split()
STREETS = """Maple Cedar Elm Juniper Sycamore Willow Magnolia Dogwood Ridgecrest Harbor Bluebonnet Pecan
Alvarado Kensington Lakeview Orchard Briarwood Foxglove Chestnut Hawthorne Larkspur Sagebrush
Meadowlark Tamarack Whitfield Coral Prairie Linden Quarry Birchwood Laurel Cypress Aspen Bayberry
Canyon Heron""".split()
ORD_STREETS = ["3rd", "5th", "7th", "12th", "21st", "42nd", "9th", "18th"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave"), ("Road", "Rd"), ("Drive", "Dr."), ("Lane", "Ln"),
          ("Court", "Ct"), ("Boulevard", "Blvd"), ("Way", "Way"), ("Place", "Pl"),
          ("Terrace", "Ter"), ("Circle", "Cir"), ("Parkway", "Pkwy")]
DIRS = [("North", "N."), ("South", "S."), ("East", "E."), ("West", "W.")]
AREA = ["212", "213", "312", "415", "503", "602", "617", "702", "713", "786", "801", "816", "904",
        "919", "971", "206", "303", "404", "469", "512", "615", "720", "248", "267", "314", "330",
        "412", "443", "480", "505", "608", "704", "757", "850", "916", "951", "808", "907", "210"]
ZIP3 = ["100", "112", "191", "201", "303", "331", "441", "482", "532", "606", "631", "700", "752",
        "770", "802", "852", "871", "891", "900", "921", "941", "972", "981", "554", "402", "641",
        "967", "995", "372", "282", "150", "021", "064", "787", "840", "208", "462"]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("aol", "com"),
           ("icloud", "com"), ("hotmail", "com"), ("comcast", "net"), ("att", "net"),
           ("protonmail", "com"), ("sbcglobal", "net")]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "adam"], "B": ["boy", "bravo"], "C": ["cat", "charlie"],
        "D": ["david", "dog"], "E": ["edward", "echo"], "F": ["frank", "fox"],
        "G": ["george", "girl"], "H": ["henry", "house"], "I": ["ida", "ice"],
        "J": ["john", "jack"], "K": ["king", "kite"], "L": ["larry", "lion"],
        "M": ["mary", "mike"], "N": ["nancy", "nora"], "O": ["ocean", "oscar"],
        "P": ["peter", "paul"], "Q": ["queen", "quick"], "R": ["robert", "roger"],
        "S": ["sam", "sugar"], "T": ["tom", "tango"], "U": ["umbrella", "uncle"],
        "V": ["victor", "violet"], "W": ["william", "water"], "X": ["x-ray", "xylophone"],
        "Y": ["yellow", "yes"], "Z": ["zebra", "zoo"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
W = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
ID_L = "ACDEFGHJKMNPRTUVWXYZ"

TARGET = {"NAME": 400, "DOB": 80, "PHONE": 70}
ENTITIES = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"]


# --------------------------------------------------------------------------------------
# value generation

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


def gen_phone(r):
    return r.choice(AREA) + "55501" + "%02d" % r.randrange(100)


BAD_SSN = {"078051120", "123456789", "219099999"}


def ssn_ok(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000" and s not in BAD_SSN)


def gen_ssn(r):
    while True:
        s = "%03d%02d%04d" % (r.randint(1, 899), r.randint(1, 99), r.randint(1, 9999))
        if ssn_ok(s):
            return s


CARD_BINS = [("411111", 16), ("424242", 16), ("400005", 16), ("555555", 16), ("510510", 16),
             ("222300", 16), ("378282", 15), ("371449", 15), ("601111", 16), ("353011", 16),
             ("305693", 14)]


def gen_card(r):
    b, n = r.choice(CARD_BINS)
    body = b + "".join(r.choice("0123456789") for _ in range(n - len(b) - 1))
    return body + luhn_digit(body)


def gen_npi(r):
    body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)


def npi_ok(s):
    return len(s) == 10 and s[0] in "12" and luhn_ok("80840" + s)


def gen_mbi(r):
    d = "0123456789"
    c = [r.choice("123456789"), r.choice(MBI_L), r.choice(MBI_L + d), r.choice(d),
         r.choice(MBI_L), r.choice(MBI_L + d), r.choice(d), r.choice(MBI_L), r.choice(MBI_L),
         r.choice(d), r.choice(d)]
    return "".join(c)


def mbi_ok(s):
    if len(s) != 11:
        return False
    D = "0123456789"
    rules = ["123456789", MBI_L, MBI_L + D, D, MBI_L, MBI_L + D, D, MBI_L, MBI_L, D, D]
    return all(ch in rule for ch, rule in zip(s, rules))


def gen_mrn(r):
    k = r.randrange(4)
    if k == 0:
        return "".join(r.choice("0123456789") for _ in range(8))
    if k == 1:
        return r.choice("123456789") + "".join(r.choice("0123456789") for _ in range(6))
    if k == 2:
        return r.choice("EMHK") + "".join(r.choice("0123456789") for _ in range(7))
    return "".join(r.choice("0123456789") for _ in range(9))


def gen_member(r):
    k = r.randrange(4)
    d = lambda n: "".join(r.choice("0123456789") for _ in range(n))
    if k == 0:
        return "".join(r.choice(ID_L) for _ in range(3)) + d(9)
    if k == 1:
        return r.choice("WHM") + d(9)
    if k == 2:
        return d(9) + "0" + r.choice("12")
    return "".join(r.choice(ID_L) for _ in range(2)) + d(7)


def gen_zip(r):
    return r.choice(ZIP3) + "%02d" % r.randrange(1, 100)


def gen_dob(r, lo=1931, hi=2012):
    y = r.randint(lo, hi)
    m = r.randint(1, 12)
    d = r.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    return datetime.date(y, m, d)


def gen_name(r):
    return (r.choice(FIRST), r.choice(LAST))


def gen_street(r):
    k = r.randrange(10)
    num = str(r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9999),
                        r.randint(1000, 9999), r.randint(10000, 24999)]))
    dirn = r.choice(DIRS) if r.random() < 0.25 else None
    name = r.choice(ORD_STREETS) if k == 0 else r.choice(STREETS)
    suf = r.choice(SUFFIX)
    unit = None
    if r.random() < 0.3:
        unit = (r.choice(["Apt", "Unit", "Apt", "Suite", "Lot"]),
                r.choice([str(r.randint(1, 40)), "%d%s" % (r.randint(1, 9), r.choice("ABCD"))]))
    return {"num": num, "dir": dirn, "name": name, "suf": suf, "unit": unit}


def gen_email(r, name):
    f, l = name[0].lower(), name[1].lower()
    k = r.randrange(6)
    if k == 0:
        local = f + "." + l
    elif k == 1:
        local = f + l + str(r.randint(1, 99))
    elif k == 2:
        local = f[0] + l
    elif k == 3:
        local = f + "_" + l
    elif k == 4:
        local = l + f[0] + str(r.randint(40, 99))
    else:
        local = f + "." + l + str(r.randint(1950, 2005) % 100)
    return (local, r.choice(DOMAINS))


# --------------------------------------------------------------------------------------
# rendering helpers

def two_words(n, zero="oh", hyph=False):
    if n < 10:
        return "%s %s" % (zero, W[n])
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else ("-" if hyph else " ") + W[u])


def zword(d, zero):
    return zero if d == "0" else W[int(d)]


def digits_words(s, zero, dbl=False):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        run = j - i
        if dbl and run == 3:
            out.append("triple " + zword(s[i], zero))
        elif dbl and run == 2:
            out.append("double " + zword(s[i], zero))
        elif dbl and run == 4:
            out.append("double " + zword(s[i], zero))
            out.append("double " + zword(s[i], zero))
        else:
            out.extend([zword(s[i], zero)] * run)
        i = j
    return " ".join(out)


def group_pairs(g, zero, hyph=False):
    """Say a digit group the way people say numbers ("five fifty five", "oh one thirty two")."""
    if len(g) == 1:
        return zword(g, zero)
    if len(g) == 2:
        if g[1] == "0" and g[0] not in "01":
            return "%s %s" % (W[int(g[0])], zero)  # "four oh": "forty" would merge with a next digit
        return two_words(int(g), zero, hyph) if g[0] != "0" else "%s %s" % (zero, W[int(g[1])])
    if len(g) == 3:
        if g[1:] == "00":
            return W[int(g[0])] + " hundred"
        return zword(g[0], zero) + " " + group_pairs(g[1:], zero, hyph)
    if len(g) == 4:
        if g[2:] == "00" and g[0] != "0" and g[:2] != "10":
            return two_words(int(g[:2]), zero, hyph) + " hundred"
        return group_pairs(g[:2], zero, hyph) + " " + group_pairs(g[2:], zero, hyph)
    return group_pairs(g[:2], zero, hyph) + " " + group_pairs(g[2:], zero, hyph)


def split_groups(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return [g for g in out if g]


class Ren:
    """Renders values in one STT style. style: lower | whisper | deepgram | transcribe | agent."""

    def __init__(self, r, style):
        self.r = r
        self.style = style

    @property
    def punct(self):
        return self.style != "lower"

    def seps(self):
        if self.style == "lower":
            return [" ", " ", " ", " uh ", " um ", " dash "]
        return [", ", " ", "... ", ", uh, ", " - ", ". ", " dash "]

    def say_groups(self, groups, mode=None, zero=None, sep=None, dbl=None):
        r = self.r
        mode = mode or r.choice(["d", "d", "p", "mix"])
        zero = zero or r.choice(["oh", "oh", "zero", "o"])
        dbl = r.random() < 0.3 if dbl is None else dbl
        sep = sep if sep is not None else r.choice(self.seps())
        parts = []
        kinds = set()
        for gi, g in enumerate(groups):
            m = mode
            if mode == "mix":
                m = r.choice(["d", "p", "n"]) if self.style != "lower" else r.choice(["d", "p"])
            if m == "p" and len(g) > 4:
                m = "d"
            if m == "d":
                parts.append(digits_words(g, zero, dbl))
            elif m == "p":
                parts.append(group_pairs(g, zero, self.style in ("whisper",) and r.random() < 0.5))
            else:
                parts.append(g)
            kinds.add(m)
        if sep == ". ":
            parts = parts[:1] + [p[:1].upper() + p[1:] for p in parts[1:]]
        text = sep.join(parts)
        if sep == ". " and not text.endswith("."):
            pass
        spoken = kinds != {"n"}
        zname = {"oh": "oh", "zero": "zero", "o": "o"}[zero]
        sepname = {" ": "space", ", ": "comma", "... ": "ellipsis", ", uh, ": "uh", " uh ": "uh",
                   " um ": "um", " - ": "dash", " dash ": "dashword", ". ": "sentence"}[sep]
        form = "%s_%s_%s%s" % ({"d": "digits", "p": "pairs", "mix": "mixed"}[mode], zname,
                               sepname, "_double" if dbl else "")
        if kinds == {"n"}:
            form = "numerals_" + sepname
        return text, spoken, form

    # ---- entity renderers: return (text, spoken, form)
    def digits_entity(self, s, sizes, written):
        r = self.r
        groups = split_groups(s, sizes)
        if self.style == "agent" or (self.style != "lower" and r.random() < written):
            sep = r.choice(["-", " ", ""])
            return sep.join(groups), False, "written_%s" % {"-": "dash", " ": "space", "": "run"}[sep]
        if self.style == "whisper" and r.random() < 0.25:
            # whisper oddly regrouped digits
            odd = r.choice([[4, 3], [2, 3, 2], [5], [3, 4], [1, 3, 3]])
            g2 = split_groups(s, odd)
            return " ".join(g2), False, "written_oddgroup"
        return self.say_groups(groups)

    def phone(self, v):
        r = self.r
        if self.style == "agent" or (self.style in ("deepgram", "transcribe") and r.random() < 0.55) \
                or (self.style == "whisper" and r.random() < 0.35):
            k = r.randrange(5)
            if k == 0:
                return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), False, "written_paren"
            if k == 1:
                return "%s-%s-%s" % (v[:3], v[3:6], v[6:]), False, "written_dash"
            if k == 2:
                return "%s.%s.%s" % (v[:3], v[3:6], v[6:]), False, "written_dot"
            if k == 3 and self.style == "whisper":
                return "%s-%s-%s" % (v[:3], v[3:7], v[7:]), False, "written_oddgroup"
            return "%s %s %s" % (v[:3], v[3:6], v[6:]), False, "written_space"
        if self.style != "lower" and r.random() < 0.2:
            # half words half digits
            a = self.say_groups([v[:3]], mode="d")[0]
            return "%s, %s-%s" % (a, v[3:6], v[6:]), True, "mixed_area_words"
        if r.random() < 0.15:
            t, sp, f = self.say_groups([v[:3], v[3:6], v[6:]])
            lead = "one " if self.style == "lower" else "1, "
            return lead + t, sp, "lead1_" + f
        return self.say_groups([v[:3], v[3:6], v[6:]])

    def ssn(self, v, last4=False):
        if last4:
            return self.digits_entity(v[5:], [4], 0.3)
        return self.digits_entity(v, [3, 2, 4], 0.3)

    def card(self, v, last4=False):
        if last4:
            return self.digits_entity(v[-4:], [4], 0.3)
        sizes = [4, 6, 5] if len(v) == 15 else ([4, 6, 4] if len(v) == 14 else [4, 4, 4, 4])
        return self.digits_entity(v, sizes, 0.4)

    def npi(self, v):
        return self.digits_entity(v, self.r.choice([[3, 3, 4], [10], [5, 5], [4, 3, 3]]), 0.35)

    def zip(self, v, plus4=None):
        r = self.r
        if self.style == "agent" or (self.style != "lower" and r.random() < 0.4):
            return (v + ("-" + plus4 if plus4 else "")), False, "written" + ("_plus4" if plus4 else "")
        k = r.randrange(3)
        zero = r.choice(["oh", "zero", "o"])
        if k == 0:
            t = digits_words(v, zero, r.random() < 0.3)
            f = "digits_" + zero
        elif k == 1:
            t = group_pairs(v[:2], zero) + " " + group_pairs(v[2:], zero)
            f = "pairs_2_3_" + zero
        else:
            t = zword(v[0], zero) + " " + zword(v[1], zero) + " " + zword(v[2], zero) + " " + group_pairs(v[3:], zero)
            f = "digits3_pair_" + zero
        if plus4:
            t += (" dash " if r.random() < 0.5 else " ") + digits_words(plus4, zero)
            f += "_plus4"
        return t, True, f

    def alnum(self, v, groups=None):
        """Letters+digits ids (MBI, member id, MRN with letters)."""
        r = self.r
        if self.style == "agent" or (self.style != "lower" and r.random() < 0.3):
            if groups and r.random() < 0.6:
                return "-".join(split_groups(v, groups)), False, "written_dash"
            return v, False, "written_run"
        lmode = r.choice(["plain", "plain", "nato", "asin", "asin_some"])
        zero = r.choice(["oh", "zero", "o"]) if not any(c == "O" for c in v) else "zero"
        nummode = r.choice(["d", "d", "n", "p"]) if self.style != "lower" else r.choice(["d", "d", "p"])
        gs = split_groups(v, groups) if groups else [v]
        out = []
        for g in gs:
            toks = []
            run = ""
            for ch in g + "\0":
                if ch.isdigit():
                    run += ch
                    continue
                if run:
                    if nummode == "d":
                        toks.append(digits_words(run, zero))
                    elif nummode == "p" and len(run) <= 4:
                        toks.append(group_pairs(run, zero))
                    elif nummode == "p":
                        toks.append(digits_words(run, zero))
                    else:
                        toks.append(run)
                    run = ""
                if ch == "\0":
                    break
                if lmode == "nato":
                    toks.append(NATO[ch])
                elif lmode == "asin" or (lmode == "asin_some" and ch in "BDEGMNPTVCZ"):
                    toks.append("%s as in %s" % (ch if self.punct else ch.lower(),
                                                 r.choice(ASIN[ch])))
                else:
                    toks.append(ch if self.punct else ch.lower())
            out.append(" ".join(toks))
        sep = " " if self.style == "lower" else r.choice([" ", ", ", "... ", " - "])
        return sep.join(out), True, "alnum_%s_%s" % (lmode, {"d": "digits", "n": "numerals", "p": "pairs"}[nummode])

    def mbi(self, v):
        return self.alnum(v, [4, 3, 4])

    def member(self, v):
        if v[0].isdigit() and v.isdigit() is False and v[:9].isdigit():
            return self.alnum(v, [3, 3, 3, 2])
        if v.isdigit():
            return self.digits_entity(v, [3, 3, 3, 2], 0.3)
        return self.alnum(v, None)

    def mrn(self, v):
        if v.isdigit():
            sizes = self.r.choice([[len(v)], [3, 3, len(v) - 6], [2, 2, 2, len(v) - 6], [4, len(v) - 4]])
            return self.digits_entity(v, sizes, 0.35)
        return self.alnum(v, None)

    def dob(self, d):
        r = self.r
        y, m, dd = d.year, d.month, d.day
        yy = y % 100
        mon = MONTHS[m - 1]
        if self.style == "agent" or (self.style != "lower" and r.random() < 0.45):
            k = r.randrange(7)
            if k == 0:
                return "%02d/%02d/%d" % (m, dd, y), False, "written_mdy_pad"
            if k == 1:
                return "%d/%d/%d" % (m, dd, y), False, "written_mdy"
            if k == 2:
                return "%s %d, %d" % (mon, dd, y), False, "written_month_d_y"
            if k == 3:
                suf = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
                return "%s %d%s, %d" % (mon, dd, suf, y), False, "written_month_dth_y"
            if k == 4:
                return "%d-%d-%d" % (m, dd, y), False, "written_mdy_dash"
            if k == 5:
                return "%d/%d/%02d" % (m, dd, yy), False, "written_mdy_short"
            return "%d %s %d" % (dd, mon, y), False, "written_d_month_y"
        zero = r.choice(["oh", "zero", "o"])
        hy = self.style == "whisper" and r.random() < 0.5

        def year_words(full):
            if y >= 2000:
                if y < 2010:
                    return r.choice(["two thousand %s" % W[y - 2000], "two thousand and %s" % W[y - 2000]]) \
                        if y > 2000 else "two thousand"
                return r.choice(["two thousand %s" % two_words(y - 2000, zero, hy), "twenty " + two_words(yy, zero, hy)])
            if not full:
                return two_words(yy, zero, hy)
            return "nineteen " + two_words(yy, zero, hy)

        full = r.random() < 0.65 or y >= 2000
        ordd = ORD[dd] if dd <= 20 else (TENS[dd // 10] + ("" if dd % 10 == 0 else (" " if not hy else "-") + ORD[dd % 10]) if dd % 10 else ("twentieth" if dd == 20 else "thirtieth"))
        if dd == 30:
            ordd = "thirtieth"
        k = r.randrange(8)
        mon_t = mon if self.punct else mon.lower()
        if k in (0, 1):
            t, f = "%s %s %s" % (mon_t, ordd, year_words(full)), "month_ord_year"
        elif k == 2:
            t, f = "the %s of %s %s" % (ordd, mon_t, year_words(full)), "the_ord_of_month"
        elif k == 3:
            mm = group_pairs("%02d" % m, zero) if r.random() < 0.5 else two_words(m, zero) if m >= 10 else W[m]
            dw = two_words(dd, zero, hy) if dd >= 10 else (W[dd] if r.random() < 0.5 else "%s %s" % (zero, W[dd]))
            t, f = "%s %s %s" % (mm, dw, year_words(full)), "numeric_mdy_words"
        elif k == 4:
            digs = "%02d%02d%d" % (m, dd, y)
            t, f = digits_words(digs, zero), "digit_by_digit_mmddyyyy"
            full = True
        elif k == 5:
            sl = " slash " if r.random() < 0.6 else " dash "
            t = sl.join([W[m] if m < 10 else two_words(m), W[dd] if dd < 10 else two_words(dd, zero, hy),
                         year_words(full)])
            f = "numeric_slash_words"
        elif k == 6 and self.punct:
            t, f = "%s %d, %s" % (mon_t, dd, year_words(full)), "month_digit_day_year_words"
        else:
            dw = ordd if (dd >= 20 and dd % 10 == 0) else (two_words(dd, zero, hy) if dd >= 10 else W[dd])
            t, f = "%s %s, %s" % (mon_t, dw, year_words(full)), "month_card_year"
            if not self.punct:
                t = t.replace(",", "")
        return t, True, f + ("_full" if full else "_short")

    def name(self, parts, spell_form=None):
        """parts: list of name words. Returns plain rendering."""
        t = " ".join(parts)
        if self.style == "lower":
            return t.lower(), True, "name_lower_%d" % len(parts)
        return t, True, "name_%d" % len(parts)

    def spell(self, word):
        r = self.r
        L = [c for c in word.upper() if c.isalpha()]
        k = r.randrange(6) if self.style != "lower" else r.choice([0, 0, 3, 4, 5])
        if k == 0:
            t = " ".join(L) if self.punct else " ".join(L).lower()
            f = "spelled_space"
        elif k == 1:
            t, f = "-".join(L), "spelled_dash"
        elif k == 2:
            t, f = " ".join(c + "." for c in L), "spelled_dots"
        elif k == 3:
            t = ", ".join("%s as in %s" % (c if self.punct else c.lower(), r.choice(ASIN[c])) for c in L)
            if not self.punct:
                t = t.replace(",", "")
            f = "spelled_as_in"
        elif k == 4:
            t = " ".join(NATO[c] for c in L)
            f = "spelled_nato"
        else:
            # plain letters, "as in" only for the confusable ones
            bits = []
            for c in L:
                if c in "BDMNPTVFS":
                    bits.append("%s as in %s" % (c.lower() if not self.punct else c, r.choice(ASIN[c])))
                else:
                    bits.append(c.lower() if not self.punct else c)
            t, f = " ".join(bits), "spelled_as_in_some"
        return t, True, f

    def street(self, s):
        r = self.r
        num, dirn, name, suf, unit = s["num"], s["dir"], s["name"], s["suf"], s["unit"]
        if self.style == "agent" or (self.style != "lower" and r.random() < 0.4):
            bits = [num]
            if dirn:
                bits.append(r.choice(dirn))
            bits.append(name)
            bits.append(r.choice(suf))
            t = " ".join(bits)
            if unit:
                t += r.choice([", ", " "]) + "%s %s" % unit
            return t, False, "written" + ("_unit" if unit else "")
        zero = r.choice(["oh", "o", "zero"])
        k = r.randrange(3)
        if k == 0 or len(num) > 4:
            nt, nf = digits_words(num, zero), "house_digits"
            if len(num) == 5 and r.random() < 0.5:
                nt, nf = group_pairs(num[:2], zero) + " " + group_pairs(num[2:], zero), "house_pairs5"
        elif k == 1:
            nt, nf = group_pairs(num, zero), "house_pairs"
        else:
            nt, nf = (num, "house_numerals") if self.punct else (group_pairs(num, zero), "house_pairs")
        bits = [nt]
        if dirn:
            bits.append(dirn[0])
        if name[0].isdigit():
            nn = int(re.sub(r"\D", "", name))
            ow = ORD[nn] if nn <= 20 else (TENS[nn // 10] + " " + ORD[nn % 10] if nn % 10 else "")
            bits.append(ow)
        else:
            bits.append(name)
        bits.append(suf[0])
        t = " ".join(bits)
        if unit:
            u = unit[1]
            uw = " ".join(W[int(c)] if c.isdigit() else c.lower() for c in u) if len(u) <= 2 and not u.isdigit() else (
                two_words(int(u)) if u.isdigit() and int(u) >= 10 else (W[int(u)] if u.isdigit() else u))
            ul = {"Apt": r.choice(["apartment", "apt"]), "Unit": "unit", "Suite": "suite", "Lot": "lot"}[unit[0]]
            t += (" " if not self.punct else r.choice([", ", " "])) + ul + " " + uw
        if not self.punct:
            t = t.lower()
        spoken = nf != "house_numerals" or bool(unit)
        return t, True if nf != "house_numerals" else spoken, nf + ("_unit" if unit else "")

    def email(self, e):
        r = self.r
        local, (dom, tld) = e
        if self.style == "agent" or (self.style != "lower" and r.random() < 0.35):
            return "%s@%s.%s" % (local, dom, tld), False, "written"
        k = r.randrange(5)
        def say_local(loc):
            out = []
            for piece in re.split(r"([._])", loc):
                if piece == ".":
                    out.append("dot")
                elif piece == "_":
                    out.append("underscore")
                elif piece:
                    m = re.match(r"([a-z]+)(\d*)$", piece)
                    if m and m.group(2):
                        out.append(m.group(1))
                        out.append(group_pairs(m.group(2), "oh") if r.random() < 0.6 else digits_words(m.group(2), "oh"))
                    else:
                        out.append(piece)
            return " ".join(out)
        domw = {"aol": "a o l", "att": "a t t", "gmail": r.choice(["gmail", "g mail"]),
                "sbcglobal": "s b c global"}.get(dom, dom)
        at = "at" if r.random() < 0.85 else "at sign"
        if k == 0:
            lt, f = say_local(local), "words"
        elif k == 1:
            letters = [c for c in local]
            lt = " ".join({"." : "dot", "_": "underscore"}.get(c, c) for c in letters)
            f = "spelled_local"
        elif k == 2 and self.punct:
            lt, f = local, "half_written_local"
        elif k == 3:
            # spell the name part only
            m = re.match(r"([a-z]+)(.*)$", local)
            lt = " ".join(m.group(1)) + (" " + say_local(m.group(2)) if m.group(2) else "")
            lt = lt.replace("  ", " ").strip()
            f = "spelled_first"
        else:
            lt, f = say_local(local), "words"
        t = "%s %s %s dot %s" % (lt, at, domw, tld)
        if k == 2 and self.punct and r.random() < 0.5:
            t = "%s@%s.%s" % (local, dom, tld) if False else "%s at %s.%s" % (local, dom, tld)
            f = "half_written_domain"
        t = re.sub(r" +", " ", t)
        if not self.punct:
            t = t.lower()
        return t, True, "email_" + f


# --------------------------------------------------------------------------------------
# carriers

MONTH_RE = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december)\b", re.I)
SCREEN_RE = re.compile(
    r"\d{3,}|\d+[/-]\d+|@|\bdot com\b|\b(born|birth|birthday|address|street|avenue|road|drive|lane|"
    r"boulevard|zip|social security|phone|number|insurance|name|spell|mister|missus|mrs?|ms|miss|dr|"
    r"doctor \w+ said|ninety|hundred years|nurse \w+|years old|age|aged|passed away|died|"
    r"hospital in|city|county|state of|university|wife \w+|husband \w+|son \w+|daughter \w+)\b",
    re.I)
COMMON_NAMES_EXTRA = """john james robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan
juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis mary patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria
kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
martha ms mrs sophie sophia katie kate jim bob mike tom bill sam dan ben rick nick tony steve""".split()


def carrier_dir(arg):
    for c in [arg, os.environ.get("CARRIER_DIR"), os.path.join(HERE, "../../../../../shared/carrier-sources"),
              "/work/shared/carrier-sources"]:
        if c and os.path.isdir(c):
            return c
    sys.exit("carrier sources not found (use --carrier-dir)")


def load_carriers(cdir):
    """Returns list of (source, dialogue_id, [(role, text)]) with role D (clinician) / P."""
    dialogs = []
    for fn in sorted(os.listdir(os.path.join(cdir, "mts-dialog"))):
        if not fn.endswith(".csv"):
            continue
        with open(os.path.join(cdir, "mts-dialog", fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician)\s*:\s*(.*)", line)
                    if m:
                        turns.append(("D" if m.group(1) in ("Doctor", "Guest_clinician") else "P",
                                      m.group(2).strip()))
                    elif turns and line.strip():
                        turns[-1] = (turns[-1][0], turns[-1][1] + " " + line.strip())
                dialogs.append(("mts", fn + ":" + row.get("ID", ""), turns))
    for fn in sorted(os.listdir(os.path.join(cdir, "aci-bench"))):
        if not fn.endswith(".csv"):
            continue
        with open(os.path.join(cdir, "aci-bench", fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line)
                    if m:
                        turns.append(("D" if m.group(1) == "doctor" else "P", m.group(2).strip()))
                    elif line.strip():
                        turns.append(("X", line))
                dialogs.append(("aci", fn + ":" + (row.get("id") or row.get("encounter_id") or ""), turns))
    pm = os.path.join(cdir, "primock57")
    for fn in sorted(os.listdir(pm)):
        if not fn.endswith("_doctor.TextGrid"):
            continue
        items = []
        for who, path in (("D", fn), ("P", fn.replace("_doctor", "_patient"))):
            try:
                txt = open(os.path.join(pm, path), encoding="utf-8").read()
            except OSError:
                continue
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                t = m.group(2).strip()
                if t:
                    items.append((float(m.group(1)), who, t))
        items.sort()
        turns = []
        for _, who, t in items:
            t = re.sub(r"<[^>]*>", " ", t)
            t = re.sub(r"\s+", " ", t).strip()
            if not t:
                continue
            if turns and turns[-1][0] == who:
                turns[-1] = (who, turns[-1][1] + " " + t)
            else:
                turns.append((who, t))
        dialogs.append(("primock57", fn.replace("_doctor.TextGrid", ""), turns))
    return dialogs


def build_blocklist(dialogs):
    names = set(w.lower() for w in FIRST + LAST + COMMON_NAMES_EXTRA)
    common = set("""there doctor good how so yeah again everyone guys um uh okay ok well i you it its
    it's and the a to my your we this that is was are how's i'm nice thank thanks morning afternoon
    sir mam ma'am miss yes no oh alright all right sorry let's let me come in have seat""".split())
    for _, _, turns in dialogs:
        for _, t in turns:
            for m in re.finditer(r"\b(?:hey|hi|hello|morning|thanks|thank you|bye|mr|mrs|ms|miss|mister|dr|doctor)\s*[.,]?\s+([a-z']+)", t.lower()):
                w = m.group(1)
                if w not in common and len(w) > 2:
                    names.add(w)
    return names


def screen_turn(t, names, punctuated):
    if SCREEN_RE.search(t) or MONTH_RE.search(t):
        return False
    if re.search(r"\b(x{2,}|abc|yyyy|doctor x|patient x)\b", t, re.I):
        return False
    low = t.lower()
    for w in re.findall(r"[a-z']+", low):
        if w in names:
            return False
    if punctuated:
        # any capitalised word that is not sentence-initial or "I"
        toks = re.findall(r"(^|[.?!]\s+|\s)([A-Z][a-zA-Z']*)", t)
        for lead, w in toks:
            if lead.strip() in (".", "?", "!") or lead == "":
                continue
            if w in ("I", "I'm", "I've", "I'll", "I'd", "OK", "Okay"):
                continue
            return False
    if re.search(r"\b(what's your|can i have your|could you tell me your|confirm your|how old)\b", low):
        return False
    return True


def clean_turn(t, src):
    t = t.replace(" ,", ",").replace(" .", ".").replace(" ?", "?").replace(" '", "'")
    t = re.sub(r"\bwan na\b", "wanna", t)
    t = re.sub(r"\bgon na\b", "gonna", t)
    t = re.sub(r"\s+", " ", t).strip()
    if len(t) > 240:
        cut = max(t.rfind(". ", 0, 240), t.rfind("? ", 0, 240))
        if cut > 60:
            t = t[:cut + 1]
        else:
            t = t[:t.rfind(" ", 0, 220)]
    return t


def carrier_windows(dialogs):
    names = build_blocklist(dialogs)
    wins = []
    for src, did, turns in dialogs:
        punct = src != "aci"
        ok = []
        skip = 0
        for role, t in turns:
            good = role in ("D", "P") and screen_turn(t, names, punct)
            if re.search(r"\b(name|date of birth|birthday|how old|spell)\b", t, re.I):
                skip = 3
                ok.append(None)
                continue
            if skip:
                skip -= 1
                ok.append(None)
                continue
            ok.append((role, clean_turn(t, src)) if good and len(t) > 3 else None)
        # windows of 2..4 consecutive good, alternating turns, not the first 3 turns
        i = 3
        while i < len(ok) - 1:
            w = []
            j = i
            while j < len(ok) and ok[j] and len(w) < 4 and (not w or ok[j][0] != w[-1][0]):
                w.append(ok[j])
                j += 1
            if w and w[-1][0] == "D":
                w = w[:-1]
            if len(w) >= 2 and w[0][0] == "D" and sum(len(t) for _, t in w) >= 70:
                wins.append((src, did, w))
                i = j + 4
            else:
                i += 1
    return wins


# --------------------------------------------------------------------------------------
# phrasing pools

ASK = {
    "NAME": ["Who am I speaking with?", "Can I get your first and last name?", "And your name, please?",
             "Okay, who do I have on the line?", "What's the patient's full name?",
             "Can I get the name on the prescription?", "And the name on the account?",
             "Who's the member?", "Name of the patient you're calling about?"],
    "DOB": ["And the date of birth?", "Can you verify your date of birth for me?", "What's your birthday?",
            "Date of birth on file?", "And when was she born?", "I'll need the DOB to pull that up.",
            "Birth date, please.", "And his date of birth?"],
    "PHONE": ["What's a good callback number?", "Best number to reach you?", "And the phone number on the account?",
              "What number should the nurse call you back on?", "Is there a cell I can text the reminder to?",
              "And your phone number?", "Where can the pharmacist reach you?"],
    "SSN": ["Can I get the last four of your social?", "I'll need the social security number for the subscriber.",
            "And the patient's social?", "For the application I need your full social.",
            "Last four of the social, please."],
    "MRN": ["Do you have the medical record number? It's on the top of the lab slip.", "What's the MRN?",
            "Is there a patient ID number on your bracelet or paperwork?", "Can you read me the account number on the statement?",
            "Do you have the chart number handy?"],
    "MBI": ["Can I get the Medicare number, the one on the red white and blue card?", "What's the MBI?",
            "And his Medicare beneficiary identifier?", "Read me the Medicare ID, please, slowly."],
    "CARD": ["Okay, go ahead with the card number whenever you're ready.", "What card would you like to put that on?",
             "Long number on the front of the card, please.", "And the card number?"],
    "ZIP": ["And your zip code?", "What zip code is that?", "Zip, please.", "Can you give me the zip so I find the closest location?",
            "And the billing zip for the card?"],
    "STREET": ["What's the street address?", "Where should the nurse go for the visit?", "Is the mailing address still the same? What is it?",
               "What address should we ship the refill to?", "And the home address?"],
    "EMAIL": ["What email should I send the link to?", "Can I get an email address for the portal?",
              "Email for the receipt?", "What's the best email?"],
    "NPI": ["What's the NPI on the order?", "Can you give me the ordering provider's NPI?",
            "I'll need the rendering NPI.", "And the prescriber's NPI number?"],
    "MEMBER_ID": ["What's the member ID on the card?", "Can I get the subscriber ID?",
                  "And the policy number on the front of the insurance card?", "Member number, please?",
                  "What's the ID on her insurance card?"],
}
CUE = {
    "NAME": ["my name is {}", "this is {}", "it's {}, I'm the patient", "the name's {}", "I'm {}"],
    "DOB": ["my date of birth is {}", "I was born {}", "birthday's {}", "d o b is {}", "my birthdate, {}"],
    "PHONE": ["my number is {}", "you can call me at {}", "my cell is {}", "the phone number is {}",
              "best number's {}"],
    "SSN": ["my social is {}", "the social security number is {}", "social's {}", "last four of my social is {}"],
    "MRN": ["the medical record number is {}", "my MRN is {}", "the patient ID on the sheet says {}",
            "the account number is {}"],
    "MBI": ["my Medicare number is {}", "the Medicare ID is {}", "her Medicare number, it's {}"],
    "CARD": ["the card number is {}", "it's a Visa, {}", "card number {}", "the number on the card is {}"],
    "ZIP": ["zip code is {}", "my zip is {}", "the zip is {}"],
    "STREET": ["I live at {}", "the address is {}", "we're at {}", "mailing address is {}", "send it to {}"],
    "EMAIL": ["my email is {}", "the email is {}", "email's {}", "you can email me at {}"],
    "NPI": ["the NPI is {}", "his NPI is {}", "rendering NPI {}", "NPI number is {}"],
    "MEMBER_ID": ["my member ID is {}", "the ID on the card is {}", "subscriber ID {}", "member number is {}"],
}
BARE = ["{}", "{}", "yeah, {}", "um, {}", "it's {}", "uh it's {}", "okay, {}", "{}. Yeah.", "oh, {}",
        "hold on... okay, {}", "let me look... {}", "sure, {}", "yes ma'am, {}", "mm, {}, I think"]
READBACK = ["Okay, {}?", "Let me read that back. {}.", "So that's {}, correct?", "I have {}. Is that right?",
            "{}. Got it.", "Just to confirm, {}?", "Okay, I'm showing {}.", "Perfect, {}."]
CONFIRM = ["Yes.", "Yep, that's it.", "Mm-hm.", "Correct.", "That's right.", "Yes ma'am.", "Uh-huh, yes.",
           "Yeah.", "That's correct, yes."]
REPEAT = ["Sorry, you cut out. Could you say that again?", "I'm sorry, one more time?",
          "Say that again slower for me?", "You're a little quiet, can you repeat that?",
          "Sorry, I didn't catch the middle part."]
ACKS = ["Okay.", "Mm-hm.", "Got it, go ahead.", "Okay, and?", "Uh-huh.", "Okay, keep going.", "Yep."]
WRONGFIX = ["No, no, {}.", "Not quite, it's {}.", "No wait, {}.", "Um, no, it's {}.",
            "Other way around. {}."]
SELFFIX = ["{} - no wait, sorry, that's my old one. It's {}.", "{}... no, hold on. {}.",
           "{}, no, sorry, I'm reading the wrong thing. {}."]
AGENT_NAMES_INTRO = ["This is {}.", "my name is {}, how can I help?", "you're speaking with {}.",
                     "this is {} in scheduling.", "{} speaking."]

SCENARIOS = {
    "pharmacy": {
        "labels": [("Pharmacy", "Caller"), ("Tech", "Patient"), ("[pharmacist]", "[caller]"), ("Agent", "Caller")],
        "open": ["Thanks for calling the pharmacy refill line.", "Pharmacy, this is the refill desk.",
                 "Good afternoon, pharmacy counter."],
        "reason": ["Yeah hi, I'm calling to refill my blood pressure pill.", "Hi, I need a refill and it says no refills left.",
                   "I'm calling about my mom's prescriptions, she's out of the inhaler.", "Um, is my prescription ready? I got a text."],
        "ents": {"NAME": 3, "DOB": 3, "PHONE": 2, "ZIP": 2, "CARD": 2, "STREET": 1, "MEMBER_ID": 1, "NPI": 2, "EMAIL": 1},
    },
    "bh_intake": {
        "labels": [("Intake", "Client"), ("Counselor", "Client"), ("[clinician]", "[patient]"), ("Coordinator", "Caller")],
        "open": ["Behavioral health intake, this is a recorded line.", "Thanks for reaching out to the counseling center.",
                 "Intake line, how can I help you today?"],
        "reason": ["Hi, um, my doctor said I should call about therapy.", "I'm calling for my son, he needs to see someone.",
                   "I wanted to set up an assessment, I've been having a hard time.", "Yeah, I'm trying to get back in with a counselor."],
        "ents": {"NAME": 3, "DOB": 2, "PHONE": 2, "EMAIL": 2, "STREET": 1, "ZIP": 1, "SSN": 2, "MEMBER_ID": 2, "CARD": 1},
    },
    "dental": {
        "labels": [("Front Desk", "Patient"), ("Receptionist", "Caller"), ("Office", "Caller")],
        "open": ["Good morning, dental office.", "Thanks for calling, this is the front desk.", "Dental, can you hold one second? Okay, thanks for holding."],
        "reason": ["Hi, I cracked a filling and I need to get in.", "I'm calling to schedule a cleaning for my daughter.",
                   "Hi, I got a bill from you guys I don't understand.", "Yes, I need to check if my new insurance is in network."],
        "ents": {"NAME": 3, "DOB": 2, "PHONE": 2, "MEMBER_ID": 2, "SSN": 1, "EMAIL": 1, "CARD": 2, "ZIP": 1},
    },
    "telehealth": {
        "labels": [("Doctor", "Patient"), ("[doctor]", "[patient]"), ("Provider", "Patient"), ("NP", "Patient")],
        "open": ["Hi, can you hear me okay? Great.", "Hello, are you able to see me? I think your camera's off.",
                 "Okay, I think we're connected."],
        "reason": ["Yeah I can hear you. Sorry, I'm on my phone.", "Hi, yes, I'm here, the video keeps freezing.",
                   "I can hear you, I can't see you though."],
        "ents": {"NAME": 3, "DOB": 3, "MRN": 2, "PHONE": 1, "EMAIL": 1, "ZIP": 1, "STREET": 1, "NPI": 1, "CARD": 1},
        "clinical": True,
    },
    "home_health": {
        "labels": [("Scheduler", "Caregiver"), ("Coordinator", "Daughter"), ("Nurse", "Son"), ("Agency", "Caller")],
        "open": ["Home health scheduling, this is a recorded line.", "Good morning, home care coordination.",
                 "Home health, how can I help?"],
        "reason": ["Hi, I'm calling about my father's nurse visits.", "Yes, I'm the caregiver for my mother, we need to reschedule the wound care.",
                   "Hi, the physical therapist didn't show up today.", "Hi, I need to set up visits for my husband, he just got home from the hospital."],
        "ents": {"NAME": 3, "MBI": 3, "DOB": 2, "STREET": 3, "ZIP": 2, "PHONE": 2, "MRN": 1, "SSN": 1, "NPI": 1},
        "caregiver": True,
    },
    "eligibility": {
        "labels": [("Payer", "Office"), ("Rep", "Caller"), ("Agent", "Provider Office"), ("Rep", "Member")],
        "open": ["Thank you for calling provider services.", "Eligibility and benefits, can I have your name?",
                 "Provider line, how can I help you?"],
        "reason": ["Hi, I'm calling from a clinic to verify eligibility for a patient.", "Yes, I need to check benefits and a prior auth.",
                   "Hi, I'm checking coverage for a sleep study.", "I'm calling to see if a claim was received."],
        "ents": {"NAME": 2, "MEMBER_ID": 3, "DOB": 2, "NPI": 4, "MBI": 2, "SSN": 1, "ZIP": 1},
        "caregiver": True,
    },
    "billing": {
        "labels": [("Billing", "Caller"), ("Agent", "Guarantor"), ("Rep", "Caller"), ("Billing Office", "Patient")],
        "open": ["Patient financial services, this call may be recorded.", "Hospital billing, how can I help?",
                 "Thank you for calling the billing office."],
        "reason": ["Hi, I got a statement and I want to set up a payment plan.", "I'm calling about a bill for my husband's ER visit.",
                   "Hi, I think I was charged twice.", "I want to pay my balance over the phone."],
        "ents": {"NAME": 3, "CARD": 3, "MRN": 2, "DOB": 2, "STREET": 2, "ZIP": 2, "PHONE": 1, "SSN": 2, "EMAIL": 1},
    },
    "lab_callback": {
        "labels": [("Nurse", "Patient"), ("Lab", "Patient"), ("[nurse]", "[patient]"), ("Clinic", "Caller")],
        "open": ["Hi, this is the nurse line returning your call.", "Hello, I'm calling from the clinic about your lab results.",
                 "Hi, is this a good time? I'm calling with results."],
        "reason": ["Oh yes, hi, I was waiting for your call.", "Yeah, hold on, let me turn the TV down.",
                   "Yes, sorry, I'm driving, you're on speaker."],
        "ents": {"NAME": 3, "DOB": 3, "MRN": 2, "PHONE": 1, "NPI": 2, "EMAIL": 1},
        "clinical": True,
    },
    "medicare_plan": {
        "labels": [("Agent", "Caller"), ("Rep", "Member"), ("Advisor", "Caller")],
        "open": ["Thank you for calling member services.", "Medicare plan enrollment line, this call is recorded.",
                 "Member services, how can I help?"],
        "reason": ["Hi, I'm trying to change my plan.", "I'm calling for my mother, she's confused about her new card.",
                   "I got a letter saying my coverage changes next month.", "Hello? Hello. Yes, I need help with my Medicare."],
        "ents": {"NAME": 3, "MBI": 3, "DOB": 2, "SSN": 2, "STREET": 2, "ZIP": 2, "PHONE": 1, "MEMBER_ID": 1},
    },
}

VOICE_LABELS = [("AI", "User"), ("Assistant", "Caller"), ("Bot", "Customer"), ("Agent", "User")]
DIARIZED = [("Speaker 0", "Speaker 1"), ("spk_0", "spk_1"), ("Speaker A", "Speaker B")]

# look-alikes: (lower/words, written) builders
def neg_pool(r, punct):
    def pick(words, written):
        return written if (punct and r.random() < 0.5) else words
    opts = [
        ("dose", pick(r.choice(["five hundred milligrams", "ten milligrams", "twenty five milligrams", "forty milligrams",
                                 "two point five milligrams", "one thousand units"]),
                      r.choice(["500 mg", "10 mg", "25 mg", "40mg", "2.5 mg", "1,000 units"]))),
        ("blood_pressure", pick(r.choice(["one thirty two over eighty four", "one forty over ninety", "one eighteen over seventy six"]),
                                r.choice(["132/84", "140/90", "118/76"]))),
        ("time", pick(r.choice(["two fifteen", "ten thirty", "nine a m", "four forty five"]),
                      r.choice(["2:15", "10:30 a.m.", "9 AM", "4:45"]))),
        ("duration", pick(r.choice(["three weeks", "forty five minutes", "two days", "six months"]),
                          r.choice(["3 weeks", "45 minutes", "2 days", "6 months"]))),
        ("money", pick(r.choice(["forty five dollars", "two hundred twelve dollars and fifty cents", "ten dollars", "three eighty seven sixty"]),
                       r.choice(["$45", "$212.50", "$10.00", "$387.60"]))),
        ("room_number", pick(r.choice(["room four twelve", "suite two ten", "room three oh six"]), r.choice(["room 412", "Suite 210", "room 306"]))),
        ("count", pick(r.choice(["thirty tablets", "ninety day supply", "two refills", "three vials"]),
                       r.choice(["30 tablets", "90-day supply", "2 refills", "3 vials"]))),
        ("age", pick(r.choice(["seventy eight", "eighty four", "sixty two", "seventy one"]), r.choice(["78", "84", "62", "71"]))),
        ("appointment_date", pick(r.choice(["tuesday the fourteenth", "next friday", "the twenty second", "december ninth"]),
                                  r.choice(["Tuesday the 14th", "December 9th", "the 22nd", "Jan. 6"]))),
        ("confirmation_number", pick(r.choice(["seven four two nine one eight", "c four four one nine", "eight eight three oh two"]),
                                     r.choice(["742918", "C4419", "88302", "Q7-2291"]))),
        ("order_number", pick(r.choice(["six oh three three one two seven", "four four two one eight"]), r.choice(["6033127", "44218", "RX 550913"]))),
        ("emergency_number", pick(r.choice(["nine one one", "nine eight eight"]), r.choice(["911", "988"]))),
        ("menu_option", pick(r.choice(["press one", "option three", "press two"]), r.choice(["press 1", "option 3", "press 2"]))),
        ("lab_value", pick(r.choice(["seven point two", "four point one", "one thirty eight", "eleven point five"]),
                           r.choice(["7.2", "4.1", "138", "11.5"]))),
        ("weight", pick(r.choice(["one sixty five pounds", "two hundred and ten pounds", "ninety eight pounds"]),
                        r.choice(["165 pounds", "210 lbs", "98 pounds"]))),
        ("height", pick(r.choice(["five foot seven", "six two", "five three"]), r.choice(["5'7\"", "6'2\"", "5 foot 3"]))),
        ("vital_sign", pick(r.choice(["ninety eight point six", "ninety four percent", "seventy two"]), r.choice(["98.6", "94%", "72 bpm"]))),
        ("year", pick(r.choice(["twenty nineteen", "two thousand fifteen", "twenty twenty two"]), r.choice(["2019", "2015", "2022"]))),
    ]
    return opts


NEG_FRAMES = {  # (side, frame): A agent/clinician, C caller/patient
    "dose": [("C", "It's the {} tablets."), ("C", "She takes {} twice a day."), ("C", "They bumped me up to {}."),
             ("A", "I see the {} on your profile."), ("C", "the {} one, the little white pill")],
    "blood_pressure": [("C", "My pressure this morning was {}."), ("A", "Last reading we have is {}."), ("C", "it was {} on the cuff")],
    "time": [("A", "It'll be ready after {}."), ("A", "The nurse can come at {}."), ("A", "I have a slot at {}."),
             ("C", "can you call back around {}")],
    "duration": [("C", "I've been feeling like this for about {}."), ("A", "Results usually take about {}."), ("C", "it's been {} now")],
    "money": [("A", "Your copay is {}."), ("A", "The balance shows {}."), ("C", "I paid {} last time."),
              ("A", "the remaining balance is {}")],
    "room_number": [("A", "Check in at {} on the second floor."), ("A", "We moved to {}."), ("A", "go to {} when you get here")],
    "count": [("A", "That's {}."), ("A", "You have {} left."), ("C", "I only have {} at home.")],
    "age": [("C", "She's {} now."), ("C", "He just turned {}."), ("C", "I'm {} and I live by myself")],
    "appointment_date": [("A", "The next opening is {}."), ("C", "Can we do {}?"), ("A", "we had her down for {}")],
    "confirmation_number": [("A", "Your confirmation number is {}."), ("A", "Reference number {} for this call."),
                            ("C", "the confirmation they gave me was {}")],
    "order_number": [("A", "The prescription number on the label is {}."), ("A", "Order number {}."), ("C", "the rx number is {}")],
    "emergency_number": [("A", "If it's an emergency please hang up and dial {}."), ("A", "If you're in crisis you can call {} any time."),
                         ("A", "if that happens call {}")],
    "menu_option": [("A", "Next time you can {} for refills."), ("A", "Just {} at the menu."), ("C", "the system said {}")],
    "lab_value": [("A", "Your A1C came back at {}."), ("A", "Potassium was {}, that's normal."), ("A", "the number was {}")],
    "weight": [("C", "I'm about {} now."), ("C", "She's down to {}."), ("A", "weight was {}")],
    "height": [("C", "He's {}."), ("C", "I'm {}."), ("A", "height {}")],
    "vital_sign": [("A", "The reading we got was {}."), ("C", "the machine said {}"), ("A", "that last reading was {}")],
    "year": [("C", "I've been on it since {}."), ("C", "We switched plans in {}."), ("C", "last colonoscopy was {}")],
}
SCEN_NEGS = {
    "pharmacy": ["dose", "count", "money", "time", "order_number", "menu_option", "confirmation_number"],
    "bh_intake": ["emergency_number", "duration", "appointment_date", "time", "age", "money"],
    "dental": ["appointment_date", "time", "money", "confirmation_number", "duration", "menu_option"],
    "telehealth": ["blood_pressure", "weight", "height", "vital_sign", "dose", "duration", "year"],
    "home_health": ["time", "appointment_date", "age", "blood_pressure", "vital_sign", "count", "emergency_number"],
    "eligibility": ["money", "confirmation_number", "year", "count", "duration", "menu_option"],
    "billing": ["money", "confirmation_number", "appointment_date", "order_number", "menu_option", "duration"],
    "lab_callback": ["lab_value", "dose", "appointment_date", "time", "year", "vital_sign"],
    "medicare_plan": ["money", "year", "age", "confirmation_number", "menu_option", "appointment_date"],
}
COMMON_WORD = [("C", "I {} call them tomorrow.", "will"), ("A", "We {} need a new referral.", "may"),
               ("C", "The {} came to the old address.", "bill"), ("C", "I {} this gets sorted out.", "hope"),
               ("C", "Can you {} that as urgent?", "mark"), ("A", "They'll {} the extension if the form is in.", "grant")]
FILLER_TURNS = {
    "A": ["Okay, bear with me, the system is slow today.", "One moment while I pull that up.", "Alright.",
          "Let me just check something.", "Okay, I see it here.", "Thanks for your patience."],
    "C": ["Sure.", "Okay.", "No problem.", "Sorry, my dog is barking.", "Hang on, let me get my glasses.",
          "Can you hear me? I'm on speaker.", "Sorry, go ahead.", "Mm-hm."],
}
CLOSING = [("A", "Is there anything else I can help with?"), ("C", "No, that's it. Thank you so much."),
           ("A", "You're welcome, have a good day."), ("C", "You too, bye bye."), ("A", "Bye now.")]
SUMMARY_FRAMES = {
    "NAME": ["Caller {} ", "Patient {} ", "{} "],
    "DOB": ["DOB {}", "date of birth {}", "DOB on file {}"],
    "PHONE": ["callback number {}", "can be reached at {}", "phone {}"],
    "SSN": ["SSN {}", "last four of SSN {}"],
    "MRN": ["MRN {}", "account {}"],
    "MBI": ["MBI {}", "Medicare ID {}"],
    "CARD": ["paid with card {}"],
    "ZIP": ["zip {}"],
    "STREET": ["address {}", "mailing address on file {}"],
    "EMAIL": ["email {}"],
    "NPI": ["ordering provider NPI {}"],
    "MEMBER_ID": ["member ID {}", "subscriber ID {}"],
}


# --------------------------------------------------------------------------------------
# record builder

def lower_plain(t):
    t = t.lower()
    t = re.sub(r"[,.?!;:]", "", t)
    t = t.replace(" - ", " ")
    return re.sub(r"\s+", " ", t).strip()


class Builder:
    def __init__(self, r, style, cstyle=None, scen=None):
        self.r = r
        self.turns = []  # (side, [segments])
        self.style = style  # agent-side style
        self.cstyle = cstyle or style  # caller-side style
        self.scen = scen

    def ren(self, side):
        return Ren(self.r, self.style if side == "A" else self.cstyle)

    def add(self, side, template, *objs):
        st = self.style if side == "A" else self.cstyle
        pieces = template.split("{}")
        assert len(pieces) == len(objs) + 1, template
        segs = []
        for k, p in enumerate(pieces):
            if p:
                segs.append(lower_plain(p) if st == "lower" else p)
            if k < len(objs):
                segs.append(objs[k])
        # whitespace tidy between segments
        out = []
        for s in segs:
            if isinstance(s, str):
                if st == "lower":
                    s = " " + s.strip() + " " if s.strip() else " "
                if out and isinstance(out[-1], str):
                    out[-1] += s
                else:
                    out.append(s)
            else:
                out.append(s)
        if out and isinstance(out[0], str):
            out[0] = out[0].lstrip()
            if not out[0]:
                out.pop(0)
        if out and isinstance(out[-1], str):
            out[-1] = out[-1].rstrip()
            if not out[-1]:
                out.pop()
        fixed = []
        for k, s in enumerate(out):
            if isinstance(s, str):
                s = re.sub(r" {2,}", " ", s)
                # without punctuation a filler "oh" before a number would read as a zero
                if st == "lower" and k + 1 < len(out) and isinstance(out[k + 1], Span):
                    s = re.sub(r"(^|\s)oh\s*$", r"\1uh ", s)
            fixed.append(s)
        # capitalise first letter, close the sentence in punctuated styles
        if st != "lower" and fixed and isinstance(fixed[0], str) and fixed[0][:1].islower():
            fixed[0] = fixed[0][0].upper() + fixed[0][1:]
        if st != "lower":
            for k, sg in enumerate(fixed):
                if isinstance(sg, Span) and sg.entity != "EMAIL" and sg.text[:1].islower() and (
                        k == 0 or (isinstance(fixed[k - 1], str) and fixed[k - 1].rstrip().endswith((".", "?", "!")))):
                    sg.text = sg.text[0].upper() + sg.text[1:]
        if st != "lower" and fixed and seg_text(fixed[-1])[-1:].isalnum():
            q = re.match(r"(can|could|what|is|are|do|did|would|will)\b", template.strip().lower())
            fixed.append("?" if q else ".")
        self.turns.append((side, fixed))


def span(ren, entity, value, cue, **kw):
    e = entity
    if e == "PHONE":
        t, sp, f = ren.phone(value)
    elif e == "SSN":
        t, sp, f = ren.ssn(value, kw.get("last4", False))
        if kw.get("last4"):
            f = "last4_" + f
    elif e == "CARD":
        t, sp, f = ren.card(value, kw.get("last4", False))
        if kw.get("last4"):
            f = "last4_" + f
    elif e == "NPI":
        t, sp, f = ren.npi(value)
    elif e == "ZIP":
        t, sp, f = ren.zip(value, kw.get("plus4"))
    elif e == "MBI":
        t, sp, f = ren.mbi(value)
    elif e == "MEMBER_ID":
        t, sp, f = ren.member(value)
    elif e == "MRN":
        t, sp, f = ren.mrn(value)
    elif e == "DOB":
        t, sp, f = ren.dob(value)
    elif e == "STREET":
        t, sp, f = ren.street(value)
    elif e == "EMAIL":
        t, sp, f = ren.email(value)
    elif e == "NAME":
        if kw.get("spell"):
            t, sp, f = ren.spell(value)
        else:
            t, sp, f = ren.name(value)
    else:
        raise ValueError(e)
    if ren.style == "agent" and e == "NAME":
        sp = True
    return Span(t, e, sp, cue, f)


def wrong_value(r, e, v):
    if e == "PHONE":
        last = int(v[-2:])
        return v[:-2] + "%02d" % ((last + r.choice([1, 10, 11])) % 100)
    if e == "SSN":
        s = v[:5] + "%04d" % (int(v[5:]) % 9999 + 1)
        return s if ssn_ok(s) else None
    if e == "DOB":
        try:
            return v.replace(day=v.day + 1 if v.day < 28 else v.day - 1)
        except ValueError:
            return None
    if e == "ZIP":
        return v[:4] + str((int(v[4]) + 3) % 10) if v[3:] != "00" else None
    if e in ("MRN", "MEMBER_ID"):
        i = max(k for k, c in enumerate(v) if c.isdigit())
        return v[:i] + str((int(v[i]) + 5) % 10) + v[i + 1:]
    if e == "MBI":
        return v[:10] + str((int(v[10]) + 4) % 10)
    return None


class Gen:
    def __init__(self, seed, cdir):
        self.r = random.Random(seed)
        dialogs = load_carriers(cdir)
        self.windows = carrier_windows(dialogs)
        self.counts = collections.Counter()
        self.used_carriers = []

    def pick_entities(self, scen, k):
        r = self.r
        weights = {e: 0.35 for e in ENTITIES if e != "NAME"}
        weights.update(SCENARIOS[scen]["ents"])
        chosen = []
        for _ in range(k):
            cands = [e for e in sorted(weights) if e not in chosen]
            if not cands:
                break
            # weight toward entities behind target
            ws = [weights[e] * max(0.02, (TARGET.get(e, 85) - self.counts[e]) / TARGET.get(e, 85)) ** 2 for e in cands]
            e = r.choices(cands, ws)[0]
            chosen.append(e)
        return chosen

    def make(self, idx, fmt, profile=None):
        r = self.r
        scen = r.choice(sorted(SCENARIOS))
        sc = SCENARIOS[scen]
        if fmt == "json":
            agent_style = "agent"
            cstyle = {"vapi": r.choice(["deepgram", "lower", "whisper"]),
                      "retell": r.choice(["deepgram", "lower"]),
                      "signalwire": r.choice(["whisper", "deepgram", "lower"]),
                      "deepgram": "deepgram", "transcribe": "transcribe"}[profile]
            if profile in ("deepgram", "transcribe"):
                agent_style = cstyle
            kind = profile + "_payload"
        else:
            k = r.random()
            if k < 0.28:
                agent_style = cstyle = "lower"
                kind = "transcript_google_lower"
            elif k < 0.50:
                agent_style = cstyle = "whisper"
                kind = "transcript_whisper"
            elif k < 0.68:
                agent_style = cstyle = "deepgram"
                kind = "transcript_deepgram_smart"
            elif k < 0.84:
                agent_style = cstyle = "transcribe"
                kind = "transcript_aws_transcribe"
            else:
                agent_style = "agent"
                cstyle = r.choice(["lower", "deepgram", "whisper"])
                kind = "transcript_voice_agent"
        b = Builder(r, agent_style, cstyle, scen)
        caregiver = sc.get("caregiver", False) or r.random() < 0.2
        persona = r.choice(["elderly", "hurried", "speaker", "plain", "plain"])
        ents = self.pick_entities(scen, r.randint(2, 4))
        if "NAME" not in ents and r.random() < 0.8:
            ents = ["NAME"] + ents[:3]
        pname = gen_name(r)
        vals = {}
        for e in ents:
            vals[e] = {"PHONE": lambda: gen_phone(r), "SSN": lambda: gen_ssn(r), "CARD": lambda: gen_card(r),
                       "NPI": lambda: gen_npi(r), "MBI": lambda: gen_mbi(r), "MRN": lambda: gen_mrn(r),
                       "MEMBER_ID": lambda: gen_member(r), "ZIP": lambda: gen_zip(r),
                       "DOB": lambda: gen_dob(r, 1932, 1959) if scen in ("medicare_plan", "home_health") else gen_dob(r),
                       "STREET": lambda: gen_street(r), "EMAIL": lambda: gen_email(r, pname),
                       "NAME": lambda: pname}[e]()
        # ---- opening
        opening = sc["open"]
        agent_name = None
        if r.random() < 0.5 and len(ents) <= 3:
            agent_name = r.choice(FIRST)
            intro = r.choice(AGENT_NAMES_INTRO if scen != "lab_callback" else AGENT_NAMES_INTRO[:1] + AGENT_NAMES_INTRO[4:])
            b.add("A", r.choice(opening) + " " + intro[0].upper() + intro[1:], Span(
                agent_name.lower() if agent_style == "lower" else agent_name, "NAME", True, "same", "agent_first"))
        else:
            b.add("A", r.choice(opening))
        volunteered = set()
        # caller may volunteer values up front
        if r.random() < 0.4 and ents and scen != "lab_callback":
            e = r.choice(ents)
            if e == "NAME":
                if caregiver:
                    rel = r.choice(["my mom", "my dad", "my husband", "my wife", "my aunt", "my father"])
                    b.add("C", "Hi, yeah, I'm calling for " + rel + ", {}. " + r.choice(sc["reason"]),
                          span(b.ren("C"), "NAME", list(pname), "same"))
                else:
                    b.add("C", "Yeah hi. {}. " + r.choice(sc["reason"]), span(b.ren("C"), "NAME", list(pname), "none"))
                volunteered.add("NAME")
            elif e == "PHONE":
                b.add("C", r.choice(sc["reason"]) + " And my number's {} in case we get cut off.",
                      span(b.ren("C"), "PHONE", vals["PHONE"], "same"))
                volunteered.add("PHONE")
            elif e in ("MEMBER_ID", "MRN"):
                b.add("C", r.choice(sc["reason"]) + " " + r.choice(["I have the card right here, the member ID is {}.",
                                                                   "The number on my paperwork is {}.", "My account number is {}."])
                      if e == "MEMBER_ID" else r.choice(sc["reason"]) + " " + r.choice(["My account number is {}.",
                                                                                       "The MRN on the letter is {}."]),
                      span(b.ren("C"), e, vals[e], "same"))
                volunteered.add(e)
            elif e == "DOB" and "NAME" in ents:
                b.add("C", "Hi, {}, {}, " + r.choice(["calling about a refill.", "I got a voicemail from you guys.",
                                                      "I need to reschedule."]),
                      span(b.ren("C"), "NAME", list(pname), "none"), span(b.ren("C"), "DOB", vals["DOB"], "none"))
                volunteered.update(["NAME", "DOB"])
            else:
                b.add("C", r.choice(sc["reason"]))
        else:
            b.add("C", r.choice(sc["reason"]))
        if persona == "speaker":
            b.add("A", "Sorry, you're on speaker and it's echoing a little. Can you pick up the handset?")
            b.add("C", "Oh, sorry. Is that better?")
        elif persona == "hurried":
            self.alternate(b, "C")
            b.add("C", "Sorry, I've only got a couple minutes, I'm on my lunch break.")
            b.add("A", "No problem, we'll be quick.")
        elif persona == "elderly" and r.random() < 0.6:
            self.alternate(b, "C")
            b.add("C", "You'll have to speak up, dear, my hearing isn't what it was.")
            b.add("A", "Of course. I'll go slowly.")
        # ---- exchanges
        order = [e for e in ents if e not in volunteered]
        # name/dob first usually
        order.sort(key=lambda e: {"NAME": 0, "DOB": 1}.get(e, 2 + r.random()))
        negs_done = 0
        used_window = False
        if order[:2] == ["NAME", "DOB"] and r.random() < 0.35:
            # one question, both answers in one breath
            self.alternate(b, "A")
            b.add("A", r.choice(["Can I get the patient's name and date of birth?", "Name and date of birth, please.",
                                 "To verify, full name and birth date?", "Can you give me your name and DOB?"]))
            rc = b.ren("C")
            nm = span(rc, "NAME", list(pname), "prev")
            db = span(rc, "DOB", vals["DOB"], "prev")
            b.add("C", r.choice(["{}, {}", "yeah it's {}, {}", "{}... {}", "um, {}, and {}"]), nm, db)
            if r.random() < 0.4:
                rb = span(b.ren("A"), "DOB", vals["DOB"], "prev")
                rb.form += "_readback"
                b.add("A", r.choice(["Thank you. And that's {}?", "{}, okay."]), rb)
                b.add("C", r.choice(CONFIRM))
            order = order[2:]
            self.negative(b, scen)
            negs_done += 1
        for i, e in enumerate(order):
            self.exchange(b, e, vals[e], caregiver, pname)
            # after the verification step, some scenario talk or carrier window
            if i == 0 or r.random() < 0.5:
                if agent_style != "agent" and (sc.get("clinical") or scen in ("bh_intake", "home_health") or r.random() < 0.3):
                    if not used_window and r.random() < 0.85:
                        self.carrier(b, fmt)
                        used_window = True
                        continue
                self.negative(b, scen)
                negs_done += 1
        # second mention of name in summary style / thank you
        if "NAME" in ents and r.random() < 0.5:
            ln = pname[1]
            title = r.choice(["Mr.", "Ms.", "Mrs."]) if not caregiver else r.choice(["Mr.", "Ms."])
            self.alternate(b, "A")
            b.add("A", "Okay " + title + " {}, " + r.choice(["you're all set.", "I've put that through.", "that's done."]),
                  span(b.ren("A"), "NAME", [ln], "prev"))
        while negs_done < 2:
            self.negative(b, scen)
            negs_done += 1
        # closing
        n_close = r.randint(2, 5)
        self.alternate(b, "A")
        for side, t in CLOSING[:n_close]:
            b.add(side, t)
        # line limit
        if len(b.turns) > 40:
            b.turns = b.turns[:40]
        while len(b.turns) < 8:
            side = "A" if b.turns[-1][0] == "C" else "C"
            b.add(side, r.choice(FILLER_TURNS[side]))
        for _, segs in b.turns:
            for s in segs:
                if isinstance(s, Span):
                    self.counts[s.entity] += 1
        return scen, kind, b, vals, pname, persona, caregiver

    def carrier(self, b, fmt):
        r = self.r
        style = b.cstyle
        if style == "lower":
            pool = [w for w in self.windows if w[0] == "aci"] if r.random() < 0.7 else self.windows
        else:
            pool = [w for w in self.windows if w[0] != "aci"]
        src, did, w = r.choice(pool)
        self.used_carriers.append((src, did))
        self.alternate(b, "A")
        for role, t in w:
            side = "A" if role == "D" else "C"
            st = b.style if side == "A" else b.cstyle
            if st == "lower":
                t = lower_plain(t)
            elif src == "aci":
                t = t[:1].upper() + t[1:]
            b.turns.append((side, [t]))

    def negative(self, b, scen):
        r = self.r
        if r.random() < 0.12:
            side, frame, word = r.choice(COMMON_WORD)
            self.alternate(b, side)
            b.add(side, frame, Neg(word, "common_word"))
            return
        what = r.choice(SCEN_NEGS[scen])
        side, frame = r.choice(NEG_FRAMES[what])
        self.alternate(b, side)
        st = b.style if side == "A" else b.cstyle
        pool = dict(neg_pool(r, st != "lower"))
        text = pool[what]
        if st == "lower":
            text = lower_plain(text) if not re.search(r"\d", text) else text
        b.add(side, frame, Neg(text, what))
        if r.random() < 0.5:
            other = "C" if side == "A" else "A"
            b.add(other, r.choice(FILLER_TURNS[other]))

    def alternate(self, b, side):
        if b.turns and b.turns[-1][0] == side:
            other = "C" if side == "A" else "A"
            b.add(other, self.r.choice(FILLER_TURNS[other]))

    def exchange(self, b, e, v, caregiver, pname):
        r = self.r
        A, C = "A", "C"
        ask = r.choice(ASK[e])
        if caregiver and e in ("DOB", "NAME", "MBI"):
            ask = {"DOB": r.choice(["And the patient's date of birth?", "What's her date of birth?", "And his birthday?"]),
                   "NAME": r.choice(["And the patient's name?", "Who's the patient?", "What's your mother's name?"]),
                   "MBI": ask}[e]
        if e == "NAME":
            self.name_exchange(b, v, ask, caregiver)
            return
        kw = {}
        if e == "SSN" and ("last four" in ask.lower() or r.random() < 0.25):
            kw["last4"] = True
            if "last four" not in ask.lower():
                ask = "Last four of the social?"
        if e == "ZIP" and r.random() < 0.12:
            kw["plus4"] = "%04d" % r.randint(1, 9999)
        if e == "CARD" and r.random() < 0.15:
            pass
        mode = r.choices(["bare", "cue", "split", "repeat", "selffix", "volunteer_late"],
                         [5, 3, 2 if e in ("PHONE", "SSN", "CARD", "MBI", "MEMBER_ID", "NPI", "MRN", "DOB") and not kw.get("last4") else 0,
                          1, 1 if e in ("PHONE", "STREET", "EMAIL", "ZIP") else 0,
                          1.5 if e in ("PHONE", "EMAIL", "MEMBER_ID", "MRN") else 0])[0]
        if mode == "volunteer_late":
            # nobody asked: the caller offers it between other topics
            self.alternate(b, C)
        else:
            self.alternate(b, A)
            b.add(A, ask)
        rc = b.ren(C)
        given_cue = "prev"
        if caregiver and e in ("DOB", "SSN", "MBI", "MEMBER_ID", "PHONE") and r.random() < 0.3:
            who, pr = r.choice([("Mom", "She"), ("Dad", "He"), ("Honey", "She"), ("Pop", "He"), ("Mama", "She")])
            thing = {"DOB": "your birthday", "SSN": "your social", "MBI": "the number on your Medicare card",
                     "MEMBER_ID": "the number on your insurance card", "PHONE": "your cell number"}[e]
            b.add(C, r.choice(["Hold on, let me ask. ", "One sec. ", "Hang on, she's right here. "]) + who + ", what's " + thing +
                  "? ... " + pr + r.choice([" says {}.", " said {}.", "'s saying {}."]), span(rc, e, v, "same", **kw))
            mode = "done"
        if e == "NPI" and r.random() < 0.4:
            doc = (r.choice(FIRST), r.choice(LAST))
            dn = [doc[1]] if r.random() < 0.6 else [doc[0], doc[1]]
            b.add(C, r.choice(["It's from Dr. {}, the NPI is {}.", "Ordering is Dr. {}, NPI {}.",
                               "Doctor {}. Her NPI is {}."]), span(rc, "NAME", dn, "same"), span(rc, e, v, "same"))
            mode = "done"
        if mode == "bare":
            b.add(C, r.choice(BARE), span(rc, e, v, "prev", **kw))
            if e == "DOB" and 2026 - v.year < 90 and r.random() < 0.35:
                age = 2026 - v.year - (1 if (v.month, v.day) > (12, 2) else 0)
                at = (two_words(age) if age >= 20 else TEENS[age - 10] if age >= 10 else W[age]) if (not rc.punct or r.random() < 0.5) else str(age)
                segs_ = b.turns[-1][1]
                if isinstance(segs_[-1], str) and segs_[-1].endswith("."):
                    segs_[-1] = segs_[-1][:-1]
                    if not segs_[-1]:
                        segs_.pop()
                if caregiver or re.search(r"\b(she|her|his|he|patient's)\b", ask.lower()):
                    tail = r.choice([". She's ", ". He's ", ", she just turned "]) if rc.punct else r.choice([" she's ", " he just turned "])
                else:
                    tail = r.choice([". I'm ", ". I just turned "]) if rc.punct else r.choice([" i'm ", " i just turned "])
                segs_.append(tail)
                b.turns[-1][1].append(Neg(at, "age"))
                if rc.punct:
                    b.turns[-1][1].append(".")
        elif mode == "cue":
            frame = r.choice(CUE[e])
            if caregiver:
                pr = r.choice(["her", "his", "the patient's"])
                frame = frame.replace("my ", pr + " ").replace("I was born", "she was born").replace(
                    "I live at", "they live at").replace("we're at", "she's at").replace("birthday's", pr + " birthday's")
            b.add(C, r.choice(["", "yeah, ", "okay so ", "um "]) + frame, span(rc, e, v, "same", **kw))
            given_cue = "same"
        elif mode == "split" and e == "DOB":
            rc2 = b.ren(C)
            mon = MONTHS[v.month - 1] if rc2.punct else MONTHS[v.month - 1].lower()
            day = ORD[v.day] if v.day <= 20 else (TENS[v.day // 10] + (" " + ORD[v.day % 10] if v.day % 10 else "")).replace("twenty", "twenty" if v.day % 10 else "twentieth").replace("thirty", "thirty" if v.day % 10 else "thirtieth")
            if v.day in (20, 30):
                day = "twentieth" if v.day == 20 else "thirtieth"
            p1 = Span("%s %s" % (mon, day), "DOB", True, "prev", "month_ord_part1of2")
            yt, _, yf = rc2.dob(v)
            y = v.year
            if rc2.punct and r.random() < 0.4:
                ys, ysp = str(y), False
            elif y >= 2000:
                ys, ysp = "two thousand " + (W[y - 2000] if y < 2010 else two_words(y - 2000)), True
            else:
                ys, ysp = "nineteen " + two_words(y % 100), True
            b.add(C, r.choice(["{}", "um, {}", "it's {}"]), p1)
            b.add(A, r.choice(["And the year?", "What year?", "Okay, and year of birth?", "Mm-hm, nineteen...?"]))
            b.add(C, r.choice(["{}", "Oh, {}", "{}, sorry"]), Span(ys, "DOB", ysp, "prev", "year_part2of2"))
        elif mode == "split":
            sizes = {"PHONE": [3, 3, 4], "SSN": [3, 2, 4], "CARD": [4, 4, 4, 4] if len(v) == 16 else [4, 6, len(v) - 10],
                     "MBI": [4, 3, 4], "MEMBER_ID": [len(v) // 2, len(v) - len(v) // 2], "NPI": [5, 5],
                     "MRN": [len(v) // 2, len(v) - len(v) // 2]}[e]
            gs = split_groups(v, sizes)
            # two or three parts
            if len(gs) > 3:
                gs = ["".join(gs[:2]), gs[2], gs[3]] if r.random() < 0.5 else ["".join(gs[:2]), "".join(gs[2:])]
            n = len(gs)
            for k, g in enumerate(gs):
                if e in ("MBI", "MEMBER_ID", "MRN") and not g.isdigit():
                    t, sp, f = rc.alnum(g)
                else:
                    t, sp, f = rc.say_groups([g]) if b.cstyle != "agent" else (g, False, "written")
                sp_ = Span(t, e, sp, "prev", "%s_part%dof%d" % (f, k + 1, n))
                b.add(C, r.choice(["{}", "{}...", "uh {}", "{}, okay", "{}"]), sp_)
                if k < n - 1:
                    b.add(A, r.choice(ACKS))
        elif mode == "repeat":
            b.add(C, r.choice(BARE), span(rc, e, v, "prev", **kw))
            b.add(A, r.choice(REPEAT))
            b.add(C, r.choice(["{}", "Sorry. {}", "Okay, {}", "{}. Did you get that?"]), span(rc, e, v, "prev", **kw))
        elif mode == "selffix":
            old = {"PHONE": lambda: gen_phone(r), "STREET": lambda: gen_street(r), "EMAIL": lambda: gen_email(r, pname),
                   "ZIP": lambda: gen_zip(r)}[e]()
            b.add(C, r.choice(SELFFIX), span(rc, e, old, "prev"), span(rc, e, v, "prev"))
        elif mode == "done":
            pass
        else:
            b.add(C, r.choice(["Oh, before I forget, ", "And actually, ", "Oh and "]) + "{}, " +
                  r.choice(["you can write that down.", "in case you need it.", "that's the new one."]),
                  span(rc, e, v, "none"))
        # read-back
        if r.random() < 0.55:
            ra = b.ren(A)
            wv = wrong_value(r, e, v) if r.random() < 0.3 else None
            lastkw = dict(kw)
            if e == "CARD" and r.random() < 0.6:
                lastkw["last4"] = True
                b.add(A, r.choice(["Okay, card ending in {}, correct?", "And that's the one ending {}?"]),
                      span(ra, e, v, "prev", **lastkw))
                b.add(C, r.choice(CONFIRM))
            elif wv is not None:
                b.add(A, r.choice(READBACK), _sp(span(ra, e, wv, "prev", **kw), "_readback_wrong"))
                b.add(C, r.choice(WRONGFIX), span(rc, e, v, "prev", **kw))
                if r.random() < 0.6:
                    b.add(A, r.choice(["Sorry about that. {}.", "Got it, {}.", "Okay, {}, thank you."]),
                          span(ra, e, v, "prev", **kw))
            else:
                sp = span(ra, e, v, "prev", **kw)
                sp.form += "_readback"
                b.add(A, r.choice(READBACK), sp)
                b.add(C, r.choice(CONFIRM))

    def name_exchange(self, b, v, ask, caregiver):
        r = self.r
        A, C = "A", "C"
        rc = b.ren(C)
        self.alternate(b, A)
        b.add(A, ask)
        k = r.randrange(6)
        first, last = v
        if k == 0:
            b.add(C, r.choice(BARE), span(rc, "NAME", [first, last], "prev"))
        elif k == 1:
            b.add(C, r.choice(["", "yeah ", "sure, "]) + r.choice(CUE["NAME"]) if not caregiver else
                  r.choice(["her name is {}", "his name's {}", "it's my mother, {}", "the patient is {}"]),
                  span(rc, "NAME", [first, last], "same"))
        elif k == 2:
            # last, first
            sp = span(rc, "NAME", [last + ",", first], "prev") if b.cstyle != "lower" else span(rc, "NAME", [last, first], "prev")
            sp.form += "_last_first"
            b.add(C, r.choice(BARE), sp)
        elif k == 3:
            b.add(C, r.choice(BARE), span(rc, "NAME", [first, last], "prev"))
            b.add(A, r.choice(["Can you spell the last name?", "How do you spell that?", "Spell the last name for me?"]))
            b.add(C, r.choice(["{}", "Sure, {}", "it's {}", "{}, like it sounds"]),
                  span(rc, "NAME", last, "prev", spell=True))
        elif k == 4:
            # name then spelled on same turn
            b.add(C, r.choice(BARE[:6]) + ", {}", span(rc, "NAME", [first, last], "prev"),
                  span(rc, "NAME", last, "prev", spell=True))
        else:
            # split over turns: first name, then last name
            b.add(C, r.choice(["{}", "it's {}"]), span(rc, "NAME", [first], "prev"))
            b.add(A, r.choice(["And the last name?", "Okay, last name?", "Mm-hm, and last?"]))
            if r.random() < 0.4:
                b.add(C, "{}, {}", span(rc, "NAME", [last], "prev"), span(rc, "NAME", last, "prev", spell=True))
            else:
                b.add(C, r.choice(["{}", "it's {}", "{}. Yeah."]), span(rc, "NAME", [last], "prev"))
        if r.random() < 0.35:
            ra = b.ren(A)
            sp = span(ra, "NAME", [first, last], "prev")
            sp.form += "_readback"
            b.add(A, r.choice(["Okay, {}?", "Thank you, {}.", "I have {} here.", "{}, perfect."]), sp)
            b.add(C, r.choice(CONFIRM))


def _sp(sp, suffix):
    sp.form += suffix
    return sp




# --------------------------------------------------------------------------------------
# serialisation with byte offsets

class SegStr:
    """A JSON string value made of segments (plain text, Span, Neg)."""

    def __init__(self, segs):
        self.segs = list(segs)

    def plain(self):
        return "".join(seg_text(s) for s in self.segs)


def plainify(obj):
    if isinstance(obj, SegStr):
        return obj.plain()
    if isinstance(obj, dict):
        return {k: plainify(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plainify(v) for v in obj]
    return obj


class Writer:
    def __init__(self):
        self.parts = []
        self.pos = 0
        self.spans = []
        self.negs = []

    def raw(self, s):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8"))

    def seg(self, s, escape):
        t = seg_text(s)
        enc = json.dumps(t, ensure_ascii=False)[1:-1] if escape else t
        start = self.pos
        self.raw(enc)
        if isinstance(s, Span):
            self.spans.append({"start": start, "end": self.pos, "entity": s.entity, "spoken": s.spoken,
                               "cue": s.cue, "form": s.form})
        elif isinstance(s, Neg):
            self.negs.append({"start": start, "end": self.pos, "what": s.what})

    def json(self, obj):
        if isinstance(obj, SegStr):
            self.raw('"')
            for s in obj.segs:
                self.seg(s, True)
            self.raw('"')
        elif isinstance(obj, dict):
            self.raw("{")
            for k, (key, v) in enumerate(obj.items()):
                if k:
                    self.raw(",")
                self.raw(json.dumps(key, ensure_ascii=False) + ":")
                self.json(v)
            self.raw("}")
        elif isinstance(obj, list):
            self.raw("[")
            for k, v in enumerate(obj):
                if k:
                    self.raw(",")
                self.json(v)
            self.raw("]")
        else:
            self.raw(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))

    def text(self):
        return "".join(self.parts)


def copy_segs(segs):
    out = []
    for s in segs:
        if isinstance(s, Span):
            out.append(Span(s.text, s.entity, s.spoken, s.cue, s.form))
        elif isinstance(s, Neg):
            out.append(Neg(s.text, s.what))
        else:
            out.append(s)
    return out


def join_turns(turns, labels, line_sep="\n", first_prefix=""):
    segs = []
    for k, (side, ss) in enumerate(turns):
        if k:
            segs.append(line_sep)
        segs.append(labels[side] + ": " if labels[side] else "")
        segs.extend(copy_segs(ss))
    if first_prefix:
        segs.insert(0, first_prefix)
    return segs


def turn_plain(ss):
    return "".join(seg_text(s) for s in ss)


def hexid(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    h = hexid(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def summary_segs(r, scen, vals, pname, present):
    """LLM-written call summary with written-form values (spoken=False)."""
    ren = Ren(r, "agent")
    what = {"pharmacy": "a prescription refill", "bh_intake": "a behavioral health intake appointment",
            "dental": "a dental appointment and insurance question", "telehealth": "a telehealth follow-up",
            "home_health": "home health visit scheduling", "eligibility": "eligibility and benefits verification",
            "billing": "a billing question and payment", "lab_callback": "recent lab results",
            "medicare_plan": "Medicare plan changes"}[scen]
    segs = []
    if "NAME" in present and r.random() < 0.85:
        f = r.choice(["The caller, ", "Caller ", "Patient "])
        segs += [f, Span("%s %s" % pname, "NAME", False, "same" if f != "The caller, " else "prev", "summary_name")]
        segs.append(", " if f == "The caller, " else " ")
        segs.append("called about %s." % what)
    else:
        segs.append("The user called about %s." % what)
    extra = [e for e in present if e not in ("NAME",)]
    r.shuffle(extra)
    for e in extra[:r.randint(0, 3)]:
        sp = span(ren, e, vals[e], "same")
        sp.spoken = False
        sp.form = "summary_" + sp.form
        frame = r.choice(SUMMARY_FRAMES[e])
        a, b = frame.split("{}")
        lead = r.choice([" They provided ", " Verified ", " Noted "])
        segs += [lead + a, sp, b.rstrip() + "."]
    segs.append(r.choice([" The agent confirmed the request and the call ended normally.",
                          " Follow-up was scheduled.", " No further action needed.",
                          " The caller was transferred to a staff member for the remaining question."]))
    return segs


def build_json(r, profile, b, scen, vals, pname):
    turns = b.turns
    start_ms = 1796000000000 + r.randrange(10 ** 9)
    t = 0.4
    timing = []
    for side, ss in turns:
        dur = 0.6 + len(turn_plain(ss)) * 0.055
        timing.append((t, t + dur))
        t += dur + 0.3 + r.random()
    total = t
    present = sorted(set(s.entity for _, ss in turns for s in ss if isinstance(s, Span)))
    # caller number field (a PHONE; the record's own or a fresh one)
    cnum = vals.get("PHONE") or gen_phone(r)
    def cspan():
        return Span("+1" + cnum, "PHONE", False, "same", "e164_field")
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are a friendly phone assistant for a %s line. Verify identity before sharing details." % scen.replace("_", " "),
                 "time": start_ms, "secondsFromStart": 0}]
        for (side, ss), (a, z) in zip(turns, timing):
            msgs.append({"role": "bot" if side == "A" else "user", "message": SegStr(copy_segs(ss)),
                         "time": start_ms + int(a * 1000), "endTime": start_ms + int(z * 1000),
                         "secondsFromStart": round(a, 2), "duration": int((z - a) * 1000)})
            if side == "A":
                msgs[-1]["source"] = ""
        artifact = {"messages": msgs}
        if r.random() < 0.5:
            oa = [{"role": "system", "content": msgs[0]["message"]}]
            for side, ss in turns:
                oa.append({"role": "assistant" if side == "A" else "user", "content": SegStr(copy_segs(ss))})
            artifact["messagesOpenAIFormatted"] = oa
        artifact["transcript"] = SegStr(join_turns(turns, {"A": "AI", "C": "User"}))
        cid = uuid(r)
        artifact["recordingUrl"] = "https://storage.vapi.ai/%s-%d-mono.wav" % (cid, start_ms)
        artifact["stereoRecordingUrl"] = "https://storage.vapi.ai/%s-%d-stereo.wav" % (cid, start_ms)
        cost = round(0.05 + total * 0.0021, 4)
        doc = {"message": {
            "timestamp": start_ms + int(total * 1000) + 900,
            "type": "end-of-call-report",
            "analysis": {"summary": SegStr(summary_segs(r, scen, vals, pname, present)), "successEvaluation": r.choice(["true", "false"])},
            "artifact": artifact,
            "startedAt": datetime.datetime.utcfromtimestamp(start_ms / 1000).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "endedAt": datetime.datetime.utcfromtimestamp(start_ms / 1000 + total).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "endedReason": r.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
            "cost": cost,
            "costBreakdown": {"transport": 0, "stt": round(total * 0.0002, 4), "llm": round(total * 0.0009, 4),
                              "tts": round(total * 0.0006, 4), "vapi": round(total * 0.0008, 4), "total": cost,
                              "llmPromptTokens": r.randint(2000, 9000), "llmCompletionTokens": r.randint(100, 600),
                              "ttsCharacters": r.randint(300, 2000)},
            "durationSeconds": round(total, 3),
            "call": {"id": cid, "orgId": uuid(r), "type": "inboundPhoneCall", "status": "ended",
                     "phoneCallProvider": "twilio", "phoneCallTransport": "pstn",
                     "customer": {"number": SegStr([cspan()])}},
            "assistant": {"id": uuid(r), "name": "%s line" % scen.replace("_", " ")},
        }}
        return doc
    if profile == "retell":
        analyzed = r.random() < 0.7
        call = {"call_id": "call_" + hexid(r, 28), "agent_id": "agent_" + hexid(r, 24), "call_type": "phone_call",
                "call_status": "ended", "from_number": SegStr([cspan()]), "to_number": "+1%s5550100" % r.choice(AREA),
                "direction": "inbound", "start_timestamp": start_ms, "end_timestamp": start_ms + int(total * 1000),
                "duration_ms": int(total * 1000),
                "transcript": SegStr(join_turns(turns, {"A": "Agent", "C": "User"})),
                "transcript_object": [{"role": "agent" if s == "A" else "user", "content": SegStr(copy_segs(ss)), "words": []}
                                      for s, ss in turns],
                "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % hexid(r, 32),
                "disconnection_reason": r.choice(["user_hangup", "agent_hangup", "inactivity"]),
                "latency": {"e2e": {"p50": r.randint(700, 1400), "p90": r.randint(1400, 2200), "num": len(turns) // 2},
                            "llm": {"p50": r.randint(300, 700), "num": len(turns) // 2}},
                "call_cost": {"combined_cost": round(total * 0.12, 2), "total_duration_seconds": int(total),
                              "product_costs": [{"product": "elevenlabs_tts", "unit_price": 0.1166, "cost": round(total * 0.07, 2)}]},
                "opt_out_sensitive_data_storage": False}
        if analyzed:
            call["call_analysis"] = {"call_summary": SegStr(summary_segs(r, scen, vals, pname, present)),
                                     "in_voicemail": False, "user_sentiment": r.choice(["Positive", "Neutral", "Negative"]),
                                     "call_successful": True, "custom_analysis_data": {}}
        return {"event": "call_analyzed" if analyzed else "call_ended", "call": call}
    if profile == "signalwire":
        log = [{"role": "system", "content": "You are the %s voice assistant." % scen.replace("_", " ")}]
        for (side, ss), (a, z) in zip(turns, timing):
            ent = {"role": "assistant" if side == "A" else "user", "content": SegStr(copy_segs(ss))}
            if side == "C":
                ent["confidence"] = round(0.82 + r.random() * 0.17, 4)
                ent["utterance_latency"] = r.randint(300, 1500)
            log.append(ent)
        summ = summary_segs(r, scen, vals, pname, present)
        doc = {"app_name": "%s_agent" % scen, "action": "post_conversation", "ai_session_id": uuid(r),
               "call_id": uuid(r), "caller_id_name": "WIRELESS CALLER", "caller_id_num": SegStr([cspan()]),
               "call_start_date": start_ms * 1000, "call_end_date": (start_ms + int(total * 1000)) * 1000,
               "call_log": log, "post_prompt_data": {"raw": SegStr(summ), "substituted": SegStr(copy_segs(summ)), "parsed": []},
               "total_input_tokens": r.randint(3000, 12000), "total_output_tokens": r.randint(200, 900),
               "version": "2.0", "content_type": "text/swaig"}
        return doc
    if profile == "deepgram":
        spk = {"A": 0, "C": 1} if r.random() < 0.5 else {"A": 1, "C": 0}
        allsegs = []
        for k, (side, ss) in enumerate(turns):
            if k:
                allsegs.append(" ")
            allsegs.extend(copy_segs(ss))
        para = []
        for side, ss in turns:
            para.append("\nSpeaker %d: " % spk[side])
            para.extend(copy_segs(ss))
            para.append("\n")
        utt = []
        for (side, ss), (a, z) in zip(turns, timing):
            utt.append({"start": round(a, 3), "end": round(z, 3), "confidence": round(0.85 + r.random() * 0.14, 5),
                        "channel": 0, "transcript": SegStr(copy_segs(ss)), "words": [], "speaker": spk[side], "id": uuid(r)})
        mid = uuid(r)
        results = {"channels": [{"alternatives": [{"transcript": SegStr(allsegs), "confidence": round(0.9 + r.random() * 0.09, 5),
                                                    "words": [], "paragraphs": {"transcript": SegStr(para[:-1]), "paragraphs": []}}]}],
                   "utterances": utt}
        if r.random() < 0.4:
            results["summary"] = {"result": "success", "short": SegStr(summary_segs(r, scen, vals, pname, present))}
        return {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r), "sha256": hexid(r, 64),
                             "created": datetime.datetime.utcfromtimestamp(start_ms / 1000).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
                             "duration": round(total, 5), "channels": 1, "models": [mid],
                             "model_info": {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}},
                "results": results}
    # transcribe
    spk = {"A": "spk_0", "C": "spk_1"}
    allsegs = []
    for k, (side, ss) in enumerate(turns):
        if k:
            allsegs.append(" ")
        allsegs.extend(copy_segs(ss))
    segsl = []
    audio = []
    for k, ((side, ss), (a, z)) in enumerate(zip(turns, timing)):
        segsl.append({"start_time": "%.3f" % a, "end_time": "%.3f" % z, "speaker_label": spk[side], "items": []})
        audio.append({"id": k, "transcript": SegStr(copy_segs(ss)), "start_time": "%.3f" % a, "end_time": "%.3f" % z,
                      "speaker_label": spk[side], "items": []})
    return {"jobName": "call-%s" % hexid(r, 12), "accountId": "%012d" % r.randrange(10 ** 12),
            "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": SegStr(allsegs)}],
                        "speaker_labels": {"speakers": 2, "segments": segsl},
                        "items": [], "audio_segments": audio}}


def render_transcript(r, b, kind, scen):
    sc = SCENARIOS[scen]
    if kind == "transcript_voice_agent":
        la, lc = r.choice(VOICE_LABELS)
    elif r.random() < 0.2:
        la, lc = r.choice(DIARIZED)
    else:
        la, lc = r.choice(sc["labels"])
    ts = r.random() < 0.25
    t0 = r.randint(0, 20)
    w = Writer()
    for k, (side, ss) in enumerate(b.turns):
        if k:
            w.raw("\n")
        if ts:
            w.raw("[%02d:%02d:%02d] " % (t0 // 3600, (t0 // 60) % 60, t0 % 60))
            t0 += r.randint(2, 14)
        lab = la if side == "A" else lc
        w.raw(lab + " " if lab.startswith("[") else lab + ": ")
        for s in ss:
            w.seg(s, False)
    return w


def generate(seed, n, cdir):
    g = Gen(seed, cdir)
    r = g.r
    n_json = round(n * 40 / 150)
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    plan = [("json", profiles[k % 5]) for k in range(n_json)] + [("transcript", None)] * (n - n_json)
    r.shuffle(plan)
    recs = []
    for idx, (fmt, prof) in enumerate(plan):
        scen, kind, b, vals, pname, persona, caregiver = g.make(idx, fmt, prof)
        if fmt == "json":
            doc = build_json(r, prof, b, scen, vals, pname)
            w = Writer()
            w.json(doc)
            text = w.text()
            assert text == json.dumps(plainify(doc), ensure_ascii=False, separators=(",", ":"))
            rec = {"id": "h10-%05d" % (idx + 1), "format": "json", "profile": prof, "kind": kind,
                   "scenario": scen, "text": text}
        else:
            w = render_transcript(r, b, kind, scen)
            text = w.text()
            rec = {"id": "h10-%05d" % (idx + 1), "format": "transcript", "kind": kind, "scenario": scen, "text": text}
        rec["spans"] = w.spans
        rec["negatives"] = w.negs
        recs.append(rec)
    return recs, g


# --------------------------------------------------------------------------------------
# checking

LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_ ]+\] |[A-Za-z][A-Za-z_ 0-9]*: )\S")
UNITS = {w: i for i, w in enumerate(W)}
UNITS.update({"oh": 0, "o": 0})
TEEN = {w: 10 + i for i, w in enumerate(TEENS)}
TEN = {w: i for i, w in enumerate(TENS) if w}
NATO_R = {v: k for k, v in NATO.items()}
FILL = {"uh", "um", "er", "dash", "hyphen", "slash", "and", "okay", "the", "of", "comma"}


def norm_tokens(text):
    t = text.lower().replace("x-ray", "xray")
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)
    toks = re.findall(r"[a-z']+|\d+", t)
    return ["x-ray" if x == "xray" else x for x in toks]


def to_chars(text, letters=False):
    toks = norm_tokens(text)
    out = []
    i = 0
    mult = 1
    while i < len(toks):
        x = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if x in ("double", "triple"):
            mult = 2 if x == "double" else 3
            i += 1
            continue
        if letters and nxt == "as" and i + 2 < len(toks) and toks[i + 2] == "in" and len(x) == 1:
            out.append(x.upper())
            i += 4
            continue
        if x.isdigit():
            out.append(x)
        elif x in UNITS and not (letters and x == "o" and False):
            out.append(str(UNITS[x]) * mult)
        elif x in TEEN:
            out.append(str(TEEN[x]))
        elif x in TEN:
            if nxt in UNITS and nxt not in ("oh", "o", "zero"):
                out.append(str(TEN[x] * 10 + UNITS[nxt]))
                i += 1
            else:
                out.append(str(TEN[x] * 10))
        elif x == "hundred":
            if out:
                out[-1] = out[-1] + "00"
        elif letters and x in NATO_R:
            out.append(NATO_R[x])
        elif letters and len(x) == 1:
            out.append(x.upper())
        elif x in FILL:
            pass
        else:
            return None
        mult = 1
        i += 1
    return "".join(out)


def parse_numbers(text):
    """Cardinal-ish numbers for dates: returns list of ints, or None."""
    toks = norm_tokens(text)
    out = []
    i = 0
    while i < len(toks):
        x = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if x.isdigit():
            out.append(int(x))
            i += 1
            continue
        if x.rstrip("stndrh") != x and x[:-2].isdigit():
            out.append(int(x[:-2]))
            i += 1
            continue
        if x in ORD:
            out.append(ORD.index(x))
        elif x in ("thirtieth",):
            out.append(30)
        elif x in ("oh", "o", "zero") and nxt in UNITS:
            out.append(UNITS[nxt])
            i += 1
        elif x in UNITS:
            out.append(UNITS[x])
        elif x in TEEN:
            out.append(TEEN[x])
        elif x in TEN:
            if nxt in UNITS and nxt not in ("oh", "o", "zero"):
                out.append(TEN[x] * 10 + UNITS[nxt])
                i += 1
            elif nxt in ORD and ORD.index(nxt) < 10:
                out.append(TEN[x] * 10 + ORD.index(nxt))
                i += 1
            else:
                out.append(TEN[x] * 10)
        elif x == "thousand":
            base = (out.pop() if out else 1) * 1000
            j = i + 1
            if j < len(toks) and toks[j] == "and":
                j += 1
            rest = parse_numbers(" ".join(toks[j:j + 2])) if j < len(toks) else []
            if rest:
                # consume one number's tokens
                k = j + (2 if toks[j] in TEN and j + 1 < len(toks) and toks[j + 1] in UNITS else 1)
                out.append(base + rest[0])
                i = k
                continue
            out.append(base)
        elif x in FILL or x in ("th", "st", "nd", "rd"):
            pass
        elif x.capitalize() in MONTHS:
            out.append(("M", MONTHS.index(x.capitalize()) + 1))
        else:
            return None
        i += 1
    return out


def dob_ok(text):
    d = to_chars(text)
    if d and len(d) == 8 and d.isdigit():
        try:
            datetime.date(int(d[4:]), int(d[:2]), int(d[2:4]))
            if 1931 <= int(d[4:]) <= 2012:
                return True
        except ValueError:
            pass
    nums = parse_numbers(text)
    if nums is None:
        return False
    month = [n for n in nums if isinstance(n, tuple)]
    nums = [n for n in nums if not isinstance(n, tuple)]
    if len(month) == 0 and len(nums) >= 6 and all(n < 10 for n in nums):
        d = "".join(str(n) for n in nums)
        nums = [int(d[:2]), int(d[2:4]), int(d[4:])]
    def year(ys):
        if len(ys) == 1:
            y = ys[0]
            if y < 100:
                return [1900 + y, 2000 + y]
            return [y]
        if len(ys) == 2 and ys[0] in (19, 20) and ys[1] < 100:
            return [ys[0] * 100 + ys[1]]
        return []
    cands = []
    if month:
        m = month[0][1]
        if nums:
            cands += [(m, nums[0], y) for y in year(nums[1:])]
    elif len(nums) >= 3:
        cands += [(nums[0], nums[1], y) for y in year(nums[2:])]
        cands += [(nums[1], nums[0], y) for y in year(nums[2:])]
    for m, d, y in cands:
        try:
            datetime.date(y, m, d)
        except (ValueError, TypeError):
            continue
        if 1931 <= y <= 2012:
            return True
    return False


SUFFIX_WORDS = set(w.lower().rstrip(".") for pair in SUFFIX for w in pair)


def value_ok(ent, text, form):
    if ent == "NAME":
        return bool(re.fullmatch(r"[A-Za-z .,'\-]+", text)) and len(text.split()) <= 48
    if ent == "EMAIL":
        if "@" in text and " " not in text:
            return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]+", text))
        t = text.lower()
        t = re.sub(r"\bat sign\b", "@", t)
        t = re.sub(r"\bat\b", "@", t)
        t = re.sub(r"\bdot\b", ".", t)
        t = re.sub(r"\bunderscore\b", "_", t)
        parts = t.split()
        conv = []
        for p in parts:
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", p) and (to_chars(p) not in (None, "") and p not in ("a", "o")):
                v = to_chars(p)
                conv.append(v if v and v.isdigit() and p in UNITS or p in TEEN or p in TEN else p)
            else:
                conv.append(p)
        s = "".join(conv)
        # merge tens+units words already joined, accept either
        return "@" in s and bool(re.fullmatch(r"[a-z0-9._\-]+@[a-z0-9\-]+\.[a-z]+", re.sub(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh|one|two|three|four|five|six|seven|eight|nine|zero)", "", s) or s) or re.fullmatch(r"[a-z0-9._\-]+@[a-z0-9\-.]+", s))
    if ent == "STREET":
        low = text.lower()
        first = low.split()[0]
        num_ok = first[0].isdigit() or first in UNITS or first in TEEN or first in TEN
        suf_ok = any(w.strip(".,") in SUFFIX_WORDS for w in low.split())
        return num_ok and suf_ok
    if ent == "DOB":
        return True if "_part" in form else dob_ok(text)
    letters = ent in ("MBI", "MEMBER_ID", "MRN")
    if re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", text) and not re.search(r"[a-z]", text):
        s = text.replace("-", "").upper()
    else:
        s = to_chars(re.sub(r"(?<!x)-(?!ray)", " ", text).replace(".", " "), letters=letters)
    if s is None:
        return False
    if "_part" in form:
        return s  # checked when the parts are joined
    return check_value(ent, s, form)


def check_value(ent, s, form):
    if ent == "PHONE":
        if len(s) == 11 and s[0] == "1":
            s = s[1:]
        return len(s) == 10 and s[:3] in AREA and s[3:8] == "55501"
    if ent == "SSN":
        return (form.startswith("last4") and len(s) == 4 and s.isdigit()) or ssn_ok(s)
    if ent == "CARD":
        if form.startswith("last4"):
            return len(s) == 4 and s.isdigit()
        return s.isdigit() and 14 <= len(s) <= 16 and luhn_ok(s) and any(s.startswith(b) for b, _ in CARD_BINS)
    if ent == "NPI":
        return npi_ok(s)
    if ent == "ZIP":
        return s.isdigit() and (len(s) in (5, 9)) and s[:3] in ZIP3
    if ent == "MBI":
        return mbi_ok(s)
    if ent == "MEMBER_ID":
        return 9 <= len(s) <= 12 and sum(c.isdigit() for c in s) >= 7
    if ent == "MRN":
        return 7 <= len(s) <= 9 and sum(c.isdigit() for c in s) >= 7
    return False


def string_ranges(b):
    """Byte ranges of the contents of every JSON string in compact JSON bytes."""
    out = []
    i, n = 0, len(b)
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


def check_records(recs):
    errors = []
    ids = set()
    for rec in recs:
        rid = rec.get("id")
        def err(msg):
            errors.append("%s: %s" % (rid, msg))
        if rid in ids:
            err("duplicate id")
        ids.add(rid)
        text = rec["text"]
        b = text.encode("utf-8")
        fmt = rec["format"]
        if fmt == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                err("%d lines" % len(lines))
            for ln in lines:
                if not ln.strip():
                    err("blank line")
                elif not LABEL_RE.match(ln):
                    err("no speaker label: %r" % ln[:40])
            if text.endswith("\n"):
                err("trailing newline")
        elif fmt == "json":
            try:
                obj = json.loads(text)
            except ValueError:
                err("bad json")
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                err("json not compact/canonical")
            if rec.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                err("bad profile")
            ranges = string_ranges(b)
        else:
            err("bad format")
        occupied = []
        parts = collections.defaultdict(list)
        for s in rec["spans"]:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(b)):
                err("offsets out of range")
                continue
            if (st < len(b) and 0x80 <= b[st] < 0xC0) or (en < len(b) and 0x80 <= b[en] < 0xC0):
                err("offset not on char boundary")
                continue
            v = b[st:en].decode("utf-8")
            if v != v.strip():
                err("outer whitespace %r" % v)
            before = b[:st].decode("utf-8")[-1:] if st else ""
            after = b[en:].decode("utf-8")[:1]
            if (before and before.isalnum()) or (after and after.isalnum()):
                err("span glued in a word %r" % v)
            if s["entity"] not in ENTITIES:
                err("bad entity")
            if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool):
                err("bad cue/spoken")
            if fmt == "json" and not any(a <= st and en <= z for a, z in ranges):
                err("span outside a JSON string %r" % v)
            res = value_ok(s["entity"], v if fmt == "transcript" else json.loads('"' + v + '"'), s["form"])
            if "_part" in s["form"] and s["entity"] == "DOB":
                m = re.search(r"_part(\d)of(\d)", s["form"])
                parts["DOB"].append(v)
                if m.group(1) == m.group(2):
                    joined = " ".join(parts.pop("DOB"))
                    if not dob_ok(joined):
                        err("bad split DOB %r" % joined)
            elif "_part" in s["form"]:
                if res is False or res is None:
                    err("bad part %s %r" % (s["entity"], v))
                else:
                    m = re.search(r"_part(\d)of(\d)", s["form"])
                    parts[s["entity"]].append(res)
                    if m.group(1) == m.group(2):
                        joined = "".join(parts.pop(s["entity"]))
                        if not check_value(s["entity"], joined, s["form"]):
                            err("bad split value %s %r" % (s["entity"], joined))
            elif not res:
                err("invalid value %s %r (%s)" % (s["entity"], v, s["form"]))
            occupied.append((st, en, "span"))
        for ng in rec["negatives"]:
            st, en = ng["start"], ng["end"]
            v = b[st:en].decode("utf-8", "replace")
            if v != v.strip() or not v:
                err("negative whitespace %r" % v)
            if fmt == "json" and not any(a <= st and en <= z for a, z in ranges):
                err("negative outside JSON string")
            occupied.append((st, en, "neg"))
        occupied.sort()
        for (a1, z1, _), (a2, z2, _) in zip(occupied, occupied[1:]):
            if a2 < z1:
                err("overlap at %d" % a2)
        if parts:
            err("unfinished split value")
    return errors


def stats(recs):
    c = collections.Counter()
    ents = collections.Counter()
    negs = collections.Counter()
    for rec in recs:
        for s in rec["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            ents[s["entity"]] += 1
        for n in rec["negatives"]:
            negs[n["what"]] += 1
    lines = ["| entity | total | spoken | written | same | prev | none |", "|---|---:|---:|---:|---:|---:|---:|"]
    tot = collections.Counter()
    for e in ENTITIES:
        row = [sum(v for k, v in c.items() if k[0] == e)]
        row += [sum(v for k, v in c.items() if k[0] == e and k[1] == x) for x in ("spoken", "written")]
        row += [sum(v for k, v in c.items() if k[0] == e and k[2] == x) for x in ("same", "prev", "none")]
        for k, x in enumerate(row):
            tot[k] += x
        lines.append("| %s | %s |" % (e, " | ".join(str(x) for x in row)))
    lines.append("| **all** | %s |" % " | ".join(str(tot[k]) for k in range(6)))
    kinds = collections.Counter(r["kind"] for r in recs)
    scen = collections.Counter(r.get("scenario", "") for r in recs)
    lines.append("")
    lines.append("records: %d (%s)" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    lines.append("scenarios: " + ", ".join("%s %d" % kv for kv in sorted(scen.items())))
    lines.append("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    per = [len(r["spans"]) for r in recs]
    lines.append("spans per record: min %d, max %d, mean %.1f" % (min(per), max(per), sum(per) / len(per)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default="")
    ap.add_argument("--carriers-used", action="store_true")
    a = ap.parse_args()
    if a.check is not None:
        recs = []
        for p in a.check:
            with open(p, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check_records(recs)
        for e in errs[:200]:
            print(e)
        print(stats(recs))
        print("%d errors" % len(errs))
        sys.exit(1 if errs else 0)
    recs, g = generate(a.seed, a.n, carrier_dir(a.carrier_dir))
    if a.carriers_used:
        c = collections.Counter(s for s, _ in g.used_carriers)
        print("carrier windows: %d of %d available; used per source: %s" % (
            len(g.used_carriers), len(g.windows), dict(sorted(c.items()))))
        for s, d in g.used_carriers:
            print(s, d)
        return
    if a.stats:
        print(stats(recs))
        errs = check_records(recs)
        print("%d errors" % len(errs))
        return
    out = sys.stdout
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
