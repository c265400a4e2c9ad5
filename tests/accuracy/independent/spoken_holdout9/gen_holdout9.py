#!/usr/bin/env python3
"""Holdout-9 spoken-PHI evaluation corpus generator (standard library only, deterministic).

  python3 gen_holdout9.py [--seed N] [--n N] > holdout9.jsonl
  python3 gen_holdout9.py --stats
  python3 gen_holdout9.py --check holdout9.jsonl

Carrier dialogues come from /work/shared/carrier-sources (MTS-Dialog, ACI-bench, PriMock57;
CC BY 4.0); override with --carrier-dir or CARRIER_DIR.  All injected values are fictitious.
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
import zlib

# --------------------------------------------------------------------------- numbers & words
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.",
            "Dec."]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "adam"], "B": ["boy", "bravo"], "C": ["cat", "charlie"], "D": ["david", "dog"],
        "E": ["edward", "echo"], "F": ["frank", "fox"], "G": ["george", "golf"],
        "H": ["henry", "house"], "I": ["ice", "ida"], "J": ["john", "jack"], "K": ["king", "kite"],
        "L": ["larry", "lion"], "M": ["mary", "mike"], "N": ["nancy", "nora"], "O": ["ocean", "oscar"],
        "P": ["peter", "paul"], "Q": ["queen", "quick"], "R": ["robert", "roger"],
        "S": ["sam", "sugar"], "T": ["tom", "tango"], "U": ["umbrella", "uncle"],
        "V": ["victor", "violet"], "W": ["william", "water"], "X": ["x-ray", "xylophone"],
        "Y": ["yellow", "yes"], "Z": ["zebra", "zoo"]}


def n2w(n):
    """0..99 in words."""
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + UNITS[u])


def ordw(n):
    if n <= 20:
        return ORD[n]
    t, u = divmod(n, 10)
    if u == 0:
        return {3: "thirtieth"}[t]
    return TENS[t] + " " + ORD[u]


def ordnum(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


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


def luhn_digit(partial):
    for d in "0123456789":
        if luhn_ok(partial + d):
            return d


# --------------------------------------------------------------------------- value pools
AREA = ["212", "215", "303", "305", "312", "347", "404", "414", "415", "503", "504", "505", "512",
        "602", "614", "615", "617", "702", "704", "713", "718", "720", "773", "801", "808", "813",
        "816", "832", "901", "907", "919", "971", "208", "231", "256", "281", "336", "380", "417",
        "469", "520", "559", "586", "630", "651", "678", "706", "754", "828", "859", "907", "940"]
ZIP3 = ["021", "100", "112", "191", "207", "232", "276", "303", "331", "352", "372", "402", "432",
        "462", "482", "532", "554", "606", "631", "641", "701", "752", "770", "787", "802", "850",
        "871", "891", "900", "921", "945", "972", "981", "995", "967", "841", "733", "294", "370"]
GIVEN = ["maria", "dana", "luis", "thanh", "linh", "chidi", "ngozi", "agnieszka", "tomasz", "emre",
         "elif", "priya", "arjun", "wei", "mei", "omar", "layla", "fatima", "ruth", "gloria",
         "dolores", "marcus", "tyrone", "keisha", "harold", "beverly", "bogdan", "ifeoma",
         "oluwaseun", "rosalind", "esperanza", "joaquin", "kofi", "yusuf", "hoang", "minh",
         "soo-jin", "anneliese", "ramona", "delbert", "wendell", "imani", "trinh", "rajesh",
         "sunita", "kasia", "gustavo", "xochitl", "benedikt", "colette", "rashida", "ezekiel"]
SURN = ["reyes", "nguyen", "okafor", "kowalczyk", "ozturk", "raghunathan", "zhang", "haddad",
        "delacroix-mbeki", "abernathy", "villanueva", "tran", "adeyemi", "wisniewski", "yilmaz",
        "chaudhry", "liang", "mansour", "pettigrew", "fairbanks", "castellanos", "pham",
        "eze", "grabowski", "kaya", "venkataraman", "huang", "saleh", "whitlock", "mcandrews",
        "quintero", "vo", "nwachukwu", "zielinski", "demir", "iyer", "tsai", "khoury",
        "lindqvist", "ortega-ruiz", "dorsey", "babatunde", "szymanski", "aksoy", "banerjee",
        "castillo", "moreau", "okonkwo", "hollister", "ferreira"]
AGENTS = ["dana", "keisha", "marcus", "brianna", "tomasz", "priya", "luis", "renee", "hector",
          "jolene", "devon", "shanice", "trevor", "alondra", "nadia", "corey"]
BOTS = ["Ava", "Riley", "Morgan", "Sam", "Jordan", "Casey"]
STREETS = ["elm", "oak", "maple", "juniper", "sycamore", "larkspur", "cottonwood", "birchwood",
           "mesa verde", "harbor view", "sixth", "third", "forty second", "cedar ridge",
           "willow bend", "prairie", "quail run", "aspen", "magnolia", "riverbend", "pinecrest",
           "orchard", "sandpiper", "tamarack", "bluebonnet", "highland"]
SUFFIX = [("street", "St."), ("avenue", "Ave."), ("road", "Rd."), ("drive", "Dr."),
          ("lane", "Ln."), ("court", "Ct."), ("boulevard", "Blvd."), ("way", "Way"),
          ("place", "Pl."), ("terrace", "Ter."), ("circle", "Cir.")]
DIRS = [("north", "N."), ("south", "S."), ("east", "E."), ("west", "W.")]
DOMAINS = [("gmail", "com", ["g mail", "gmail"]), ("yahoo", "com", ["yahoo"]),
           ("outlook", "com", ["outlook"]), ("hotmail", "com", ["hotmail"]),
           ("aol", "com", ["a o l", "aol"]), ("icloud", "com", ["icloud", "i cloud"]),
           ("comcast", "net", ["comcast"]), ("att", "net", ["a t t", "att"]),
           ("protonmail", "com", ["proton mail"])]
CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100",
         "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
         "3530111333300000", "2223003122003222", "4012888888881881", "5200828282828210",
         "4000056655665556", "36227206271667"]
CLINICS = ["Cedar Hollow Family Medicine", "Riverbend Pediatrics", "Lakeshore Cardiology",
           "Summit Valley Orthopedics", "Northgate Internal Medicine", "Bayview Women's Health",
           "Clearwater Dermatology", "Pinecrest Endocrinology", "Harborline Pharmacy",
           "Golden Prairie Medicare Advantage", "Bluestem Health Plan", "Three Rivers Imaging"]
MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


# --------------------------------------------------------------------------- value generators
def g_phone(r):
    return r.choice(AREA) + "5550" + "1" + "%d%d" % (r.randint(0, 9), r.randint(0, 9))


def g_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))


def g_dob(r, lo=1931, hi=2012):
    y = r.randint(lo, hi)
    m = r.randint(1, 12)
    dmax = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return (y, m, r.randint(1, dmax))


def g_mrn(r):
    k = r.choice(["d8", "d7", "d9", "E7", "d10"])
    if k[0] == "E":
        return "E" + "".join(str(r.randint(0, 9)) for _ in range(7))
    n = int(k[1:])
    return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))


def g_mbi(r):
    L = lambda: r.choice(MBI_LET)
    D = lambda: str(r.randint(0, 9))
    A = lambda: r.choice([L, D])()
    return str(r.randint(1, 9)) + L() + A() + D() + L() + A() + D() + L() + L() + D() + D()


def g_card(r):
    return r.choice(CARDS)


def g_zip(r):
    return r.choice(ZIP3) + "%02d" % r.randint(1, 99)


def g_npi(r):
    first = r.choice("12")
    body = first + "".join(str(r.randint(0, 9)) for _ in range(8))
    for d in "0123456789":
        if luhn_ok("80840" + body + d):
            return body + d


def g_member(r):
    k = r.randint(0, 3)
    dg = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    if k == 0:
        return "".join(r.choice("BCDFGHJKMNPRTWXYZ") for _ in range(3)) + dg(9)
    if k == 1:
        return "W" + dg(9)
    if k == 2:
        return dg(11)
    return r.choice("ABHKMU") + r.choice("BCDFGHJKMNPRTWXYZ") + dg(8)


def g_street(r):
    house = str(r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9899),
                          r.randint(100, 999), r.randint(10000, 24999)]))
    return {"house": house, "dir": r.choice([None, None, None] + DIRS),
            "name": r.choice(STREETS), "suf": r.choice(SUFFIX),
            "unit": r.choice([None, None, None, ("apartment", "Apt", str(r.randint(1, 4)) + r.choice("ABCD")),
                              ("unit", "Unit", str(r.randint(101, 420))),
                              ("number", "#", str(r.randint(2, 30)))])}


def g_name(r):
    return (r.choice(GIVEN), r.choice(SURN))


def g_email(r, name=None):
    gv, sn = name or g_name(r)
    sn = sn.replace("-", "")
    gv = gv.replace("-", "")
    k = r.randint(0, 5)
    num = str(r.randint(1, 99)) if r.random() < 0.5 else str(r.randint(1950, 2005))
    if k == 0:
        parts = [gv, ".", sn]
    elif k == 1:
        parts = [gv, sn, num]
    elif k == 2:
        parts = [gv[0], sn, num]
    elif k == 3:
        parts = [gv, "_", sn]
    elif k == 4:
        parts = [sn, ".", gv[0], num]
    else:
        parts = [r.choice(["sunnyday", "bluejay", "grandmaof", "tigerfan", "gardenlady"]), num]
    dom = r.choice(DOMAINS)
    return {"local": parts, "dom": dom}


# --------------------------------------------------------------------------- renderers
def dword(d, zero):
    return zero if d == "0" else UNITS[int(d)]


def digits_words(s, r, zero=None, runs=True):
    """Digit string -> words, with double/triple where people say them."""
    zero = zero or r.choice(["zero", "oh", "o"])
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        n = j - i
        if runs and n == 3 and r.random() < 0.6:
            out.append("triple " + dword(s[i], zero))
        elif runs and n == 2 and r.random() < 0.5:
            out.append("double " + dword(s[i], zero))
        else:
            out.extend([dword(s[i], zero)] * n)
        i = j
    return " ".join(out)


def pairs_words(s, r, zero=None, last=True):
    """'0132' -> 'oh one thirty two'; '1206' -> 'twelve oh six'.  A tens word ending a
    pair is only used when nothing follows in this group (keeps it unambiguous)."""
    zero = zero or r.choice(["oh", "zero"])
    out = []
    if len(s) % 2:
        out.append(dword(s[0], zero))
        s = s[1:]
    for k in range(0, len(s), 2):
        p = s[k:k + 2]
        final = k + 2 == len(s)
        if p[0] == "0":
            out.append(zero + " " + dword(p[1], zero))
        elif p[1] == "0" and p[0] != "1" and not (final and last):
            out.append(dword(p[0], zero) + " " + zero)
        else:
            out.append(n2w(int(p)))
    return " ".join(out)


def group_words(s, r, mode, zero):
    if mode == "pairs" and len(s) >= 2:
        return pairs_words(s, r, zero)
    return digits_words(s, r, zero)


def join_groups(groups, r, sep=None):
    sep = sep or r.choice([", ", " ", "... ", ", uh, ", " - ", ". ", ", um "])
    return sep.join(groups), {", ": "comma", " ": "space", "... ": "ellipsis", ", uh, ": "uh",
                              " - ": "dash", ". ": "period", ", um ": "um"}.get(sep, "sep")


def letter(ch, r, style):
    if ch.isdigit():
        return None
    if style == "plain":
        return ch.lower()
    if style == "upper":
        return ch.upper()
    if style == "nato":
        return NATO[ch.upper()]
    if style == "asin":
        return "%s as in %s" % (ch.upper(), r.choice(ASIN[ch.upper()]))
    if style == "dot":
        return ch.upper() + "."
    return ch


def spell(word, r, style=None):
    style = style or r.choice(["plain", "upper", "dash", "dot", "asin", "nato", "asin_first"])
    w = [c for c in word if c.isalpha()]
    if style == "plain":
        return " ".join(c.lower() for c in w), "spelled_plain"
    if style == "upper":
        return " ".join(c.upper() for c in w), "spelled_upper"
    if style == "dash":
        return "-".join(c.upper() for c in w), "spelled_dash"
    if style == "dot":
        return " ".join(c.upper() + "." for c in w), "spelled_dot"
    if style == "nato":
        return " ".join(NATO[c.upper()] for c in w), "spelled_nato"
    if style == "asin":
        return ", ".join("%s as in %s" % (c.upper(), r.choice(ASIN[c.upper()])) for c in w), "spelled_as_in"
    # mix: plain letters, 'as in' for the ambiguous ones
    out = []
    for c in w:
        if c.upper() in "BDPTVMNFS" and r.random() < 0.6:
            out.append("%s as in %s" % (c.lower(), r.choice(ASIN[c.upper()])))
        else:
            out.append(c.lower())
    return " ".join(out), "spelled_mixed_as_in"


def alnum_words(s, r):
    """Mixed letters and digits (MBI, member id, MRN with a prefix)."""
    lst = r.choice(["plain", "upper", "nato", "asin"])
    dmode = r.choice(["digits", "digits", "numerals", "pairs"])
    zero = r.choice(["zero", "oh"])
    toks = []
    run = ""
    for ch in s + "|":
        if ch.isdigit():
            run += ch
            continue
        if run:
            if dmode == "numerals":
                toks.append(run)
            elif dmode == "pairs" and len(run) >= 4:
                toks.append(pairs_words(run, r, zero, last=(ch == "|")))
            else:
                toks.append(digits_words(run, r, zero, runs=False))
            run = ""
        if ch != "|":
            toks.append(letter(ch, r, lst))
    sep = r.choice([" ", " ", ", ", "... "])
    txt = sep.join(toks)
    spoken = bool(re.search(r"[a-z]", txt))
    return txt, "alnum_%s_%s" % (lst, dmode), spoken


def year_words(y, r):
    if 1900 <= y < 2000:
        yy = y % 100
        return "nineteen " + (("oh " + UNITS[yy]) if yy < 10 else n2w(yy))
    if y < 2010:
        return r.choice(["two thousand " + UNITS[y - 2000], "two thousand and " + UNITS[y - 2000],
                         "twenty oh " + UNITS[y - 2000]])
    return r.choice(["twenty " + n2w(y - 2000), "two thousand " + n2w(y - 2000)])


def r_phone(v, r, written=False):
    a, b, c = v[:3], v[3:6], v[6:]
    if written:
        k = r.randint(0, 4)
        return [("(%s) %s-%s" % (a, b, c)), "%s-%s-%s" % (a, b, c), "%s.%s.%s" % (a, b, c),
                "+1 %s-%s-%s" % (a, b, c), "%s %s %s" % (a, b, c)][k], "written_%d" % k, False
    k = r.randint(0, 6)
    zero = r.choice(["oh", "zero", "o"])
    if k == 0:
        g = [digits_words(a, r, zero), digits_words(b, r, zero), digits_words(c, r, zero)]
        txt, sp = join_groups(g, r)
        return txt, "digits_" + zero + "_" + sp, True
    if k == 1:
        g = [pairs_words(a, r, zero, last=False), pairs_words(b, r, zero, last=False), pairs_words(c, r, zero)]
        txt, sp = join_groups(g, r, r.choice([", ", "... ", ", uh "]))
        return txt, "pairs_" + sp, True
    if k == 2:
        txt = "%s %s %s" % (digits_words(a, r, zero), b, c)
        return txt, "mixed_words_numerals", True
    if k == 3:
        txt = "one %s, %s, %s" % (digits_words(a, r, zero), digits_words(b, r, zero), pairs_words(c, r, zero))
        return txt, "leading_one_digits_pairs", True
    if k == 4:
        txt = "%s %s %s" % (digits_words(a, r, zero), r.choice(["triple five", "five five five"]),
                            " ".join(dword(d, zero) for d in c))
        return txt.replace("five five five five five five", "five five five"), "digits_triple", True
    if k == 5:
        txt = "%s. %s. %s." % (digits_words(a, r, zero).capitalize(), digits_words(b, r, zero).capitalize(),
                               digits_words(c, r, zero).capitalize())
        return txt[:-1], "sentence_breaks", True
    txt = "%s dash %s dash %s" % (digits_words(a, r, zero), digits_words(b, r, zero), digits_words(c, r, zero))
    return txt, "digits_dash_word", True


def r_digits_id(v, r, groups, written=False, wsep="-"):
    parts = []
    k = 0
    for g in groups:
        parts.append(v[k:k + g])
        k += g
    if written:
        s = r.choice([wsep, " ", ""])
        return s.join(parts), "written_" + {"-": "dash", " ": "space", "": "plain"}.get(s, "sep"), False
    mode = r.choice(["digits", "digits", "pairs", "mixed"])
    zero = r.choice(["oh", "zero", "o"])
    if mode == "mixed":
        g = [digits_words(p, r, zero) if i % 2 == 0 else p for i, p in enumerate(parts)]
        txt, sp = join_groups(g, r, r.choice([" ", ", ", " uh "]))
        return txt, "mixed_words_numerals", True
    g = [pairs_words(p, r, zero, last=(i == len(parts) - 1)) if mode == "pairs" and len(p) >= 2
         else digits_words(p, r, zero) for i, p in enumerate(parts)]
    txt, sp = join_groups(g, r)
    return txt, "%s_%s_%s" % (mode, zero, sp), True


def r_last4(v, r, written=False):
    l4 = v[-4:]
    if written:
        return l4, "last4_written", False
    k = r.randint(0, 2)
    if k == 0:
        return digits_words(l4, r), "last4_digits", True
    if k == 1:
        return pairs_words(l4, r), "last4_pairs", True
    return ", ".join(digits_words(l4[i:i + 2], r, runs=False) for i in (0, 2)), "last4_digit_pairs", True


def r_dob(v, r, written=False):
    y, m, d = v
    if written:
        k = r.randint(0, 5)
        return ["%02d/%02d/%d" % (m, d, y), "%d/%d/%d" % (m, d, y), "%s %s, %d" % (MONTHS[m - 1], ordnum(d), y),
                "%s %d, %d" % (MONTHS[m - 1], d, y), "%d-%02d-%02d" % (y, m, d),
                "%s %d, %d" % (MON_ABBR[m - 1], d, y)][k], "written_%d" % k, False
    k = r.randint(0, 8)
    mon = MONTHS[m - 1].lower()
    if k == 0:
        return "%s %s %s" % (mon, ordw(d), year_words(y, r)), "month_ordinal_year", True
    if k == 1:
        return "the %s of %s %s" % (ordw(d), mon, year_words(y, r)), "the_d_of_m", True
    if k == 2:
        return "%s %s %s" % (pairs_words("%02d" % m, r), pairs_words("%02d" % d, r),
                             n2w(y % 100) if y % 100 >= 10 else "oh " + UNITS[y % 100]), "mmddyy_pairs", True
    if k == 3:
        return "%s %s %s" % (n2w(m), n2w(d), year_words(y, r)), "m_d_year_numbers", True
    if k == 4:
        z = r.choice(["zero", "oh"])
        return " ".join(dword(c, z) for c in "%02d%02d%d" % (m, d, y)), "digits_mmddyyyy", True
    if k == 5:
        return "%s slash %s slash %s" % (digits_words("%02d" % m, r, runs=False), digits_words("%02d" % d, r, runs=False),
                                          year_words(y, r)), "slash_words", True
    if k == 6:
        return "%s %d, %s" % (mon, d, year_words(y, r)), "month_numeral_yearwords", True
    if k == 7:
        return "%s %s, uh, %s" % (mon, ordw(d), year_words(y, r)), "month_ordinal_uh_year", True
    return "%s %s, %d" % (mon.capitalize(), ordw(d), y), "month_ordinal_numeral_year", True


def r_zip(v, r, written=False):
    if written:
        return v, "written_5", False
    k = r.randint(0, 3)
    if k == 0:
        return digits_words(v, r), "digits", True
    if k == 1 and v[1] != "0":
        return "%s %s" % (n2w(int(v[:2])) if v[0] != "0" else "zero " + UNITS[int(v[1])],
                          digits_words(v[2:], r, runs=False)), "pair_then_digits", True
    if k in (1, 2):
        return "%s %s" % (digits_words(v[:3], r, runs=False), pairs_words(v[3:], r)), "digits_then_pair", True
    return "%s dash %s" % (digits_words(v, r, runs=False), digits_words("%04d" % (int(v) % 9973), r, runs=False)), "zip4_words", True


def r_street(v, r, written=False):
    h = v["house"]
    if written:
        s = h + " "
        if v["dir"]:
            s += v["dir"][1] + " "
        nm = v["name"]
        nm = {"sixth": "6th", "third": "3rd", "forty second": "42nd"}.get(nm, nm.title())
        s += nm + " " + v["suf"][1]
        if v["unit"]:
            s += ", %s %s" % (v["unit"][1], v["unit"][2]) if v["unit"][1] != "#" else ", #%s" % v["unit"][2]
        return s, "written", False
    mode = r.choice(["pairs", "digits", "numerals"])
    hw = h if mode == "numerals" else (pairs_words(h, r) if mode == "pairs" else digits_words(h, r, runs=False))
    s = hw + " "
    if v["dir"]:
        s += v["dir"][0] + " "
    s += v["name"] + " " + v["suf"][0]
    if v["unit"]:
        u = v["unit"][2]
        uw = " ".join((c.lower() if c.isalpha() else UNITS[int(c)]) for c in u) if r.random() < 0.6 else u.lower()
        s += r.choice([" ", ", ", " uh "]) + v["unit"][0] + " " + uw
    return s, "house_%s%s" % (mode, "_unit" if v["unit"] else ""), True


def r_email(v, r, written=False):
    parts, (dom, tld, dspoken) = v["local"], v["dom"]
    addr = "".join(parts) + "@" + dom + "." + tld
    if written:
        return addr, "written", False
    k = r.randint(0, 4)
    def sp_part(p):
        if p == ".":
            return "dot"
        if p == "_":
            return "underscore"
        if p.isdigit():
            return r.choice([p, digits_words(p, r, runs=False), n2w(int(p)) if len(p) <= 2 else p])
        return p
    at = r.choice(["at", "at", "at sign"])
    dsp = r.choice(dspoken)
    if k == 0:
        local = " ".join(sp_part(p) for p in parts)
        return "%s %s %s dot %s" % (local, at, dsp, tld), "words_" + at.replace(" ", "_"), True
    if k == 1:
        first = " ".join(c for c in parts[0])
        rest = " ".join(sp_part(p) for p in parts[1:])
        return ("%s %s %s %s dot %s" % (first, rest, at, dsp, tld)).replace("  ", " "), "spell_first_part", True
    if k == 2:
        local = " ".join(spell(p, r, "plain")[0] if p.isalpha() else sp_part(p) for p in parts)
        return "%s %s %s dot %s" % (local, at, dsp, tld), "spelled_local", True
    if k == 3:
        return "%s at %s dot %s" % ("".join(parts), dom, tld), "half_written_local", True
    local = " ".join(sp_part(p) for p in parts)
    return "%s, all one word, %s %s dot %s" % (local, at, dsp, tld), "words_all_one_word", True


def r_name(v, r, part="full", written=False, lower=True):
    gv, sn = v
    cap = lambda x: "-".join(p.capitalize() for p in x.split("-"))
    if part == "first":
        s = gv
    elif part == "last":
        s = sn
    elif part == "lastfirst":
        s = "%s, %s" % (sn, gv)
    elif part == "mi":
        s = "%s %s. %s" % (gv, chr(ord("a") + (len(sn) * 7) % 26), sn)
    else:
        s = "%s %s" % (gv, sn)
    if written or not lower:
        s = " ".join(cap(w) if len(w) > 2 or not w.endswith(".") else w.upper() for w in s.split(" "))
    return s, "name_" + part + ("_written" if written else ("_lower" if lower else "_cap")), not written


# --------------------------------------------------------------------------- carriers
NAMEISH = set(GIVEN + SURN + AGENTS + [b.lower() for b in BOTS])


def load_carriers(d):
    out = []
    for p in sorted(glob.glob(os.path.join(d, "mts-dialog", "*.csv"))):
        with open(p, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for ln in row.get("dialogue", "").split("\n"):
                    m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician)\s*:\s*(.*\S)", ln)
                    if m and m.group(1) in ("Doctor", "Patient"):
                        turns.append((m.group(1).lower(), m.group(2)))
                if len(turns) >= 4:
                    out.append(("mts", os.path.basename(p) + ":" + row.get("ID", ""), turns))
    for p in sorted(glob.glob(os.path.join(d, "aci-bench", "*aci*.csv")) +
                    glob.glob(os.path.join(d, "aci-bench", "challenge_train.csv"))):
        with open(p, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                turns = []
                for ln in row.get("dialogue", "").split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*\S)", ln)
                    if m and "[" not in m.group(2):
                        turns.append((m.group(1), m.group(2)))
                if len(turns) >= 4:
                    out.append(("aci", os.path.basename(p) + ":" + row.get("id", ""), turns))
    for p in sorted(glob.glob(os.path.join(d, "primock57", "*_doctor.TextGrid"))):
        turns = []
        for who, q in (("doctor", p), ("patient", p.replace("_doctor.", "_patient."))):
            if not os.path.exists(q):
                continue
            txt = open(q, encoding="utf-8").read()
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                t = re.sub(r"<[^>]*>", "", m.group(2)).replace('""', '"').strip()
                t = re.sub(r"\s+", " ", t)
                if len(t) > 3:
                    turns.append((float(m.group(1)), who, t))
        turns.sort()
        if turns:
            out.append(("primock", os.path.basename(p), [(w, t) for _, w, t in turns]))
    return out


BAD = re.compile(
    r"\d|\b(mr|mrs|ms|miss|dr|doctor|nurse|name|named|born|birthday|birth|hi|hey|hello|bye|goodbye|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"street|avenue|road|drive|lane|boulevard|ninety|hundred|thousand|phone|number|address|email|"
    r"insurance|social|spell|called|call me|this is|sir|ma'am|dear|yo|wife|husband|son|daughter|"
    r"mother|mom|dad|father|brother|sister|texas|california|florida|york|city|county|town)\b", re.I)


def screen(turn_text, capset):
    t = turn_text
    if BAD.search(t) or "@" in t or len(t) > 260 or len(t) < 2:
        return False
    for w in re.findall(r"[A-Za-z']+", t):
        lw = w.lower()
        if lw in NAMEISH or lw in capset:
            return False
    return True


def cap_words(carriers):
    """Words that appear capitalised mid-sentence in the punctuated carriers (names, places,
    brands): any turn holding one of them is dropped."""
    seen = collections.Counter()
    low = collections.Counter()
    for src, _, turns in carriers:
        if src == "aci":
            continue
        for _, t in turns:
            ws = re.findall(r"(?<=[a-z,;] )([A-Z][a-z]+)", t)
            for w in ws:
                seen[w.lower()] += 1
            for w in re.findall(r"\b[a-z]+\b", t):
                low[w] += 1
    return {w for w in seen if low[w] < 3 * seen[w] and w not in ("i",)}


def clean_turn(t, style):
    t = t.replace(" ,", ",").replace(" .", ".").replace(" ?", "?").replace(" '", "'")
    t = t.replace(" n't", "n't")
    t = re.sub(r"\bwan na\b", "wanna", t)
    t = re.sub(r"\bgon na\b", "gonna", t)
    t = re.sub(r"\s+", " ", t).strip()
    if style in LOWER_STYLES:
        t = re.sub(r"[^\w\s'-]", "", t.lower())
        t = re.sub(r"\s+", " ", t).strip()
    return t


# --------------------------------------------------------------------------- styles
LOWER_STYLES = {"aci"}
STYLES = {
    # kind: (labels (agent, caller), lower?, stamps?, carrier source preference)
    "transcript_aci_style": ("aci", [("[doctor]", "[patient]")], "aci"),
    "transcript_mts_style": ("mts", [("Doctor:", "Patient:"), ("DOCTOR:", "PATIENT:")], "mts"),
    "transcript_primock_style": ("primock", [("Doctor:", "Patient:"), ("Clinician:", "Patient:")], "primock"),
    "transcript_deepgram_style": ("dg", [("Speaker 0:", "Speaker 1:"), ("Speaker 1:", "Speaker 0:")], None),
    "transcript_transcribe_style": ("tr", [("spk_0:", "spk_1:"), ("Speaker A:", "Speaker B:")], None),
    "transcript_callcenter": ("cc", [("Agent:", "Caller:"), ("Rep:", "Member:"), ("Scheduler:", "Patient:"),
                                     ("Pharmacist:", "Caller:"), ("Nurse:", "Caller:")], None),
    "transcript_voice_agent": ("va", [("AI:", "User:"), ("assistant:", "user:"), ("Bot:", "Caller:")], None),
}


# --------------------------------------------------------------------------- record building
class Span:
    def __init__(self, text, entity, spoken, cue, form):
        self.text, self.entity, self.spoken, self.cue, self.form = text, entity, spoken, cue, form


class Neg:
    def __init__(self, text, what):
        self.text, self.what = text, what


def S(text, entity, spoken, cue, form):
    return Span(text, entity, spoken, cue, form)


ENTS = ["NAME", "SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "MEMBER_ID", "NPI"]
TARGET = {e: 62 for e in ENTS}
TARGET["NAME"] = 70

NEG_POOL = [
    ("dose", ["ten milligrams", "five hundred milligrams", "twenty five mg", "40 mg", "two puffs",
              "a thousand units", "point five milligrams", "81 milligrams"],
     ["the {} twice a day is what I'm on", "he said go up to {} at night", "I take {} in the morning"]),
    ("blood_pressure", ["one thirty over eighty five", "142/88", "one fifty two over ninety", "118 over 76"],
     ["my pressure this morning was {}", "the cuff said {} at the pharmacy"]),
    ("time", ["two thirty", "9:45", "quarter after ten", "eight fifteen in the morning", "3:20 PM"],
     ["can we do {}", "the slot at {} works"]),
    ("duration", ["about three weeks", "forty five minutes", "two days", "six months"],
     ["it's been going on for {}", "I waited {} on hold last time"]),
    ("money", ["forty five dollars", "$25.00", "a hundred and twelve dollars", "$310"],
     ["the copay was {}", "they billed me {} for that"]),
    ("room_number", ["room four twelve", "room 7", "exam room three"],
     ["they put me in {} last time", "go to {} when you get here"]),
    ("count", ["three times a day", "two tablets", "ninety day supply", "thirty pills"],
     ["it says {} on the bottle", "I have maybe {} left"]),
    ("age", ["sixty seven", "72", "forty one", "eighty four"],
     ["I'm {} now, so", "my mother is {} and she has the same thing"]),
    ("appointment_date", ["next Tuesday the fourteenth", "March 3rd", "the twenty second", "Friday the 9th"],
     ["can I come in {}", "the follow up is {}"]),
    ("confirmation_number", ["C K seven four two", "QX-4471", "K nine three eight"],
     ["my confirmation was {}", "the confirmation code they gave me is {}"]),
    ("order_number", ["order 3318", "order number four four one two"],
     ["it shows {} on the email", "the lab said {}"]),
    ("menu_option", ["press two", "option four", "press star"],
     ["the recording told me to {}", "I hit {} for the pharmacy"]),
    ("emergency_number", ["nine one one", "911"],
     ["if it gets worse I'll call {}", "they said call {} if I can't breathe"]),
    ("lab_value", ["seven point two", "A1C of 6.8", "potassium was four point one", "LDL of 132"],
     ["my A1C came back {}", "the report said {}"]),
    ("weight", ["one eighty five pounds", "212 lbs", "sixty two kilos"],
     ["I'm about {} now", "the scale said {}"]),
    ("height", ["five foot seven", "six one", "five eleven", "5 ft 4 in"],
     ["I'm {}", "he's about {}"]),
]


def pick_neg(r, style):
    what, vals, frames = r.choice(NEG_POOL)
    v = r.choice(vals)
    if style == "aci":
        v = re.sub(r"[^\w\s]", "", v.lower()).strip()
        v = re.sub(r"\s+", " ", v)
        if not v or any(c.isdigit() for c in v) and what in ("height",):
            v = "five foot seven"
    fr = r.choice(frames)
    a, b = fr.split("{}")
    return [a, Neg(v, what), b]


class Builder:
    """Collects the exchanges of one conversation."""

    def __init__(self, r, style, written_share, counts):
        self.r, self.style = r, style
        self.ws = written_share
        self.turns = []  # (role 'A'/'C', [pieces])
        self.values = []  # (entity, value)
        self.counts = counts

    def wr(self):
        return self.r.random() < self.ws

    def add(self, role, pieces):
        self.turns.append((role, pieces))


Q = {
    "NAME": ["Can I get your first and last name?", "Who am I speaking with today?", "What's the patient's full name?",
             "And your name please?", "Can I have the name on the account?"],
    "DOB": ["And your date of birth?", "Can you verify the date of birth for me?", "What's the birthdate?",
            "Date of birth on that?", "And when were you born?"],
    "PHONE": ["What's the best callback number?", "What number can we reach you at?", "Is there a phone number we can text?",
              "And a good number for you?"],
    "SSN": ["I'll need the last four of your social.", "Can you give me your Social Security number?",
            "For verification, last four of the social?", "What's the subscriber's social?"],
    "MRN": ["Do you have your medical record number handy?", "What's the MRN on the wristband?",
            "Can you read me the record number at the top of the letter?"],
    "MBI": ["Can you read me the Medicare number off the red white and blue card?", "What's your Medicare beneficiary ID?",
            "And the Medicare number, the one with letters and numbers?"],
    "CARD": ["What card would you like to use?", "Go ahead with the card number whenever you're ready.",
             "Which card is on file, can you read me the number?"],
    "ZIP": ["And the zip code?", "What zip code is the pharmacy in?", "Zip code for the billing address?"],
    "STREET": ["What's the mailing address?", "And your street address?", "Where should we ship it?",
               "What address is on file?"],
    "EMAIL": ["What email should we send the portal invite to?", "Do you have an email address?",
              "Where should I email the receipt?"],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "Can I get the subscriber ID?",
                  "And the ID number on the front of the card?"],
    "NPI": ["And the ordering provider's NPI?", "Can I have the NPI for the rendering provider?",
            "What's the prescriber's NPI number?"],
}
SAME = {
    "NAME": ["my name is {}", "yeah this is {}", "it's for my mom, her name is {}", "the patient is {}"],
    "DOB": ["my date of birth is {}", "birthday is {}", "I was born {}", "her DOB is {}", "date of birth, {}"],
    "PHONE": ["my cell is {}", "you can call me at {}", "the number is {}", "my phone number's {}",
              "home phone is {}"],
    "SSN": ["my social is {}", "last four of my social are {}", "social security number is {}", "SSN {}"],
    "MRN": ["the medical record number is {}", "it says MRN {}", "my chart number is {}"],
    "MBI": ["my Medicare number is {}", "the Medicare ID is {}", "Medicare beneficiary number {}"],
    "CARD": ["the card number is {}", "it's a Visa, {}", "card number {}"],
    "ZIP": ["zip is {}", "the zip code there is {}", "zip code {}"],
    "STREET": ["I live at {}", "my address is {}", "mailing address is {}", "ship it to {}"],
    "EMAIL": ["my email is {}", "email address is {}", "send it to my email, {}"],
    "MEMBER_ID": ["my member ID is {}", "the subscriber ID is {}", "member number {}"],
    "NPI": ["the NPI is {}", "her NPI number is {}", "NPI {}"],
}
BARE = ["{}", "yeah, {}", "um, {}", "it's {}", "{}, yes", "sure. {}", "okay, uh, {}", "{}. Yep."]
RB = ["Okay, {}, correct?", "Let me read that back, {}.", "Got it, {}.", "So that's {}?",
      "Just to confirm, {}.", "I have {}, is that right?"]
YES = ["Yes.", "Yep, that's right.", "Correct.", "Mm-hmm.", "That's it.", "Yeah."]
REPEAT = ["Sorry, could you repeat that?", "I'm sorry, say that again?", "You cut out, one more time?"]

SCEN = [
    ("scheduling", "I need to reschedule my follow-up appointment."),
    ("refill", "I'm calling about a refill on my blood pressure medicine."),
    ("billing", "I got a bill I don't understand."),
    ("records", "I need my records sent to a new specialist."),
    ("medicare", "I have a question about my Medicare Advantage coverage."),
    ("labs", "I'm calling to get my lab results."),
    ("registration", "I'm a new patient and I need to register."),
    ("triage", "I've had a headache that won't go away."),
    ("priorauth", "I'm calling from a provider office about a prior authorization."),
    ("caregiver", "I'm calling for my father, he's a patient there."),
]


def value_for(ent, r, scen):
    if ent == "PHONE":
        return g_phone(r)
    if ent == "SSN":
        return g_ssn(r)
    if ent == "DOB":
        return g_dob(r, 1932, 1959) if scen == "medicare" else g_dob(r)
    if ent == "MRN":
        return g_mrn(r)
    if ent == "MBI":
        return g_mbi(r)
    if ent == "CARD":
        return g_card(r)
    if ent == "ZIP":
        return g_zip(r)
    if ent == "NPI":
        return g_npi(r)
    if ent == "MEMBER_ID":
        return g_member(r)
    if ent == "STREET":
        return g_street(r)
    if ent == "EMAIL":
        return g_email(r)
    if ent == "NAME":
        return g_name(r)


def render(ent, v, r, written, lower, ssn_last4=None):
    if ent == "PHONE":
        return r_phone(v, r, written)
    if ent == "SSN":
        if ssn_last4:
            return r_last4(v, r, written)
        return r_digits_id(v, r, [3, 2, 4], written)
    if ent == "DOB":
        return r_dob(v, r, written)
    if ent == "MRN":
        if v[0] == "E":
            t, f, sp = alnum_words(v, r) if not written else (v, "written", False)
            return t, f, sp
        if len(v) >= 8:
            return r_digits_id(v, r, [len(v) - 4, 4] if r.random() < 0.5 else [3, 3, len(v) - 6], written, " ")
        return r_digits_id(v, r, [len(v)], written) if r.random() < 0.5 else r_digits_id(v, r, [3, len(v) - 3], written)
    if ent in ("MBI", "MEMBER_ID"):
        if written:
            if ent == "MBI" and r.random() < 0.5:
                return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), "written_dash", False
            return v, "written", False
        return alnum_words(v, r)
    if ent == "CARD":
        if ssn_last4:
            return r_last4(v, r, written)
        g = [4, 6, 5] if len(v) == 15 else ([4, 6, 4] if len(v) == 14 else [4, 4, 4, 4])
        return r_digits_id(v, r, g, written, " ")
    if ent == "ZIP":
        return r_zip(v, r, written)
    if ent == "NPI":
        return r_digits_id(v, r, [10] if r.random() < 0.4 else [3, 3, 4], written, "")
    if ent == "STREET":
        return r_street(v, r, written)
    if ent == "EMAIL":
        return r_email(v, r, written)
    if ent == "NAME":
        part = r.choice(["full", "full", "first", "last", "mi", "lastfirst"])
        return r_name(v, r, part, written, lower)


def fix_case(txt, lower):
    if lower:
        t = re.sub(r"[^\w\s'@.-]", "", txt.lower())
        t = t.replace("...", " ").replace(". ", " ")
        t = re.sub(r"\.$", "", t)
        t = re.sub(r"\s+", " ", t).strip()
        lead = " " if re.match(r"^[\s,.;:!?]", txt) and t else ""
        trail = " " if re.search(r"\s$", txt) and t else ""
        return lead + t + trail
    return txt


def cap1(s):
    return s[:1].upper() + s[1:] if s else s


def exchange(b, ent, scen):
    """Append one PHI exchange for `ent` to builder b; return the value."""
    r = b.r
    lower = b.style == "aci"
    casual = b.style in ("aci", "va") and r.random() < 0.5 or lower
    v = value_for(ent, r, scen)
    last4 = ent in ("SSN", "CARD") and r.random() < 0.5
    written = b.wr() and not lower and ent != "NAME"
    txt, form, spoken = render(ent, v, r, written, lower or casual, last4)
    txt = fix_case(txt, lower)
    if not lower and not written and r.random() < 0.3 and ent not in ("NAME",):
        txt = cap1(txt)
    mode = r.random()
    q = r.choice(Q[ent])
    if ent == "SSN" and last4 and "last four" not in q:
        q = "I'll need the last four of the social."
    if ent == "CARD" and last4:
        q = r.choice(["Which card ending do you want to use?", "What are the last four digits of the card?"])
    if lower:
        q = fix_case(q, True)
    # agent name / clinic-visit NAME special handling
    if mode < 0.45:
        # question in previous turn, bare answer
        b.add("A", [q])
        fr = r.choice(BARE)
        a, c = fr.split("{}")
        if lower:
            a, c = fix_case(a, True), fix_case(c, True)
        if ent in ("PHONE", "DOB", "CARD") and r.random() < 0.25 and not written:
            # split answer over two turns
            words = txt.split(" ")
            k = max(1, len(words) // 2)
            t1, t2 = " ".join(words[:k]).rstrip(",."), " ".join(words[k:]).lstrip(",. ")
            if t1 and t2 and re.search(r"\w", t2):
                b.add("C", [a, S(t1, ent, True, "prev", form + "_split1")])
                b.add("A", [fix_case("Mm-hmm.", lower) if r.random() < 0.5 else fix_case("Okay, go ahead.", lower)])
                b.add("C", [S(t2, ent, True, "prev", form + "_split2"), c])
                return v
        b.add("C", [a, S(txt, ent, spoken, "prev", form), c])
    elif mode < 0.75:
        b.add("A", [q])
        fr = r.choice(SAME[ent])
        a, c = fr.split("{}")
        if ent == "SSN" and last4 and "last four" not in fr:
            a = "last four of my social are "
        if ent == "CARD" and last4:
            a = r.choice(["the one ending in ", "card ending "])
        if r.random() < 0.2:
            a = r.choice(["hold on, let me get my card... okay, ", "um, hang on. ", "sorry, I'm driving. "]) + a
        if lower:
            a, c = fix_case(a, True), fix_case(c, True)
        else:
            a = cap1(a)
        b.add("C", [a + ("" if a.endswith(" ") or not a else " ") if a and not a.endswith(" ") else a,
                    S(txt, ent, spoken, "same", form), c + ("" if lower else ".")])
    elif mode < 0.85 and ent in ("PHONE", "EMAIL", "DOB", "NAME"):
        # volunteered, no cue
        if ent == "NAME":
            t2, f2, sp2 = r_name(v, r, "full", False, lower or casual)
            b.add("C", [fix_case(r.choice(["Yeah hi. ", "Hi, good morning. ", "Hey. "]), lower),
                        S(fix_case(t2, lower), "NAME", True, "none", f2),
                        fix_case(". " + r.choice(SCEN)[1], lower)])
        else:
            lead = r.choice(["Oh, and ", "Also ", "And, uh, "])
            tail = r.choice([", you can write that down.", ", in case you need it.", ", just so you have it."])
            b.add("C", [fix_case(lead, lower), S(txt, ent, spoken, "none", form), fix_case(tail, lower)])
            b.add("A", [fix_case(r.choice(["Thank you.", "Okay, noted.", "Great, got it."]), lower)])
        return v
    else:
        # repeat request, then answer again
        b.add("A", [q])
        b.add("C", [S(txt, ent, spoken, "prev", form)])
        b.add("A", [fix_case(r.choice(REPEAT), lower)])
        txt2, form2, sp2 = render(ent, v, r, written, lower or casual, last4)
        txt2 = fix_case(txt2, lower)
        b.add("C", [fix_case(r.choice(["Sure, ", "Sorry. ", ""]), lower), S(txt2, ent, sp2, "prev", form2)])
    # read-back
    if r.random() < 0.45:
        w2 = (b.style in ("va", "cc", "dg", "tr") and r.random() < 0.5 and ent != "NAME") and not lower
        t3, f3, sp3 = render(ent, v, r, w2, lower, last4)
        t3 = fix_case(t3, lower)
        fr = r.choice(RB)
        a, c = fr.split("{}")
        b.add("A", [fix_case(a, lower), S(t3, ent, sp3, "prev", "readback_" + f3), fix_case(c, lower)])
        b.add("C", [fix_case(r.choice(YES), lower)])
    return v


def name_exchange(b, scen, kind):
    """NAME: verification with spelling, providers, relatives, agent greetings."""
    r = b.r
    lower = b.style == "aci"
    v = g_name(r)
    k = r.randint(0, 4)
    if k == 0:
        q = fix_case(r.choice(["Can you spell the last name for me?", "How do you spell that last name?"]), lower)
        t, f, _ = r_name(v, r, "full", False, True)
        b.add("A", [fix_case(r.choice(Q["NAME"]), lower)])
        b.add("C", [S(fix_case(t, lower), "NAME", True, "prev", f)])
        b.add("A", [q])
        st, sf = spell(v[1], r)
        if lower:
            st = re.sub(r"[^\w\s]", "", st.lower())
        b.add("C", [S(st, "NAME", True, "prev", sf)])
    elif k == 1:
        t, f, _ = r_name(v, r, "last", False, lower)
        b.add("C", [fix_case(r.choice(["The referral was from ", "I saw "]), lower) + "Dr. " if not lower else "i saw doctor ",
                    S(cap1(t) if not lower else t, "NAME", True, "same", "title_" + f),
                    fix_case(" last month.", lower)])
        b.add("A", [fix_case("Okay, I see Dr. ", lower) if not lower else "okay i see doctor ",
                    S(cap1(t) if not lower else t, "NAME", True, "prev", "readback_title_" + f),
                    fix_case(" in the system.", lower)])
    elif k == 2:
        t, f, _ = r_name(v, r, "first", False, True)
        rel = r.choice(["daughter", "son", "wife", "husband", "caregiver"])
        b.add("C", [fix_case("You can also talk to my %s, " % rel, lower),
                    S(t if lower else cap1(t), "NAME", True, "same", "relative_" + f),
                    fix_case(", she's on the HIPAA form." if rel in ("daughter", "wife") else ", he's on the HIPAA form.", lower)])
        b.add("A", [fix_case("Okay, I'll make a note.", lower)])
    elif k == 3:
        t, f, _ = r_name(v, r, "full", False, lower or r.random() < 0.5)
        b.add("A", [fix_case(r.choice(Q["NAME"]), lower)])
        b.add("C", [fix_case(r.choice(["Yeah, it's ", "", "Um, "]), lower), S(t, "NAME", True, "prev", f)])
        b.add("A", [fix_case(r.choice(["Thank you, ", "Thanks, "]), lower),
                    S(cap1(v[0]) if not lower else v[0], "NAME", True, "prev", "readback_first"),
                    fix_case(".", lower)])
    else:
        t, f, _ = r_name(v, r, r.choice(["lastfirst", "mi", "full"]), False, lower or r.random() < 0.5)
        b.add("A", [fix_case(r.choice(Q["NAME"]), lower)])
        b.add("C", [fix_case(r.choice(["My name is ", "This is ", "It's for "]), lower), S(t, "NAME", True, "same", f),
                    fix_case(".", lower)])
    return v


def greeting(b, clinic, agent, bot):
    r = b.r
    if b.style in ("aci", "mts", "primock"):
        return None
    if r.random() < 0.45:
        b.add("A", [r.choice(["Thank you for calling %s, how can I help you?", "%s, how may I help you?",
                              "You've reached %s. What can I do for you today?"]) % clinic])
        return None
    if b.style == "va":
        b.add("A", ["Thank you for calling %s. This is " % clinic, S(bot, "NAME", True, "same", "agent_bot_name"),
                    ", a virtual assistant. How can I help you today?"])
        return ("bot", bot)
    if b.style in ("cc", "tr", "dg"):
        nm = cap1(agent)
        b.add("A", ["%s, this is " % clinic, S(nm, "NAME", True, "same", "agent_first"),
                    r.choice([". How can I help you?", ", how may I help you today?", " speaking."])])
        return ("agent", agent)
    return None


SUMMARY_LEAD = {
    "NAME": "Caller {}", "DOB": "DOB {}", "PHONE": "callback number {}", "SSN": "SSN last four {}",
    "MRN": "MRN {}", "MBI": "Medicare ID {}", "CARD": "card ending in {}", "ZIP": "ZIP {}",
    "STREET": "address {}", "EMAIL": "email {}", "MEMBER_ID": "member ID {}", "NPI": "provider NPI {}",
}


def summary_pieces(b, vals, scen_txt, r):
    pcs = [r.choice(["The caller", "Patient", "The member"]) + " called because: " +
           scen_txt.rstrip(".").replace("I'm ", "they are ").replace("I ", "they ").replace("my ", "their ") + ". "]
    facts = []
    for ent, v in vals:
        if ent == "NAME" and isinstance(v, tuple) and r.random() < 0.7:
            t, f, _ = r_name(v, r, "full", True)
            facts.append(["Name given: ", S(t, "NAME", False, "same", "summary_" + f)])
        elif ent in ("SSN", "CARD"):
            facts.append([SUMMARY_LEAD[ent].split("{}")[0], S(v[-4:], ent, False, "same", "summary_last4")])
        elif ent != "NAME" and r.random() < 0.75:
            t, f, _ = render(ent, v, r, True, False)
            lead = SUMMARY_LEAD[ent].split("{}")[0]
            facts.append([cap1(lead), S(t, ent, False, "same", "summary_" + f)])
    for fct in facts:
        pcs.extend(fct)
        pcs.append(". ")
    pcs.append(r.choice(["Agent verified identity and completed the request.", "Follow-up needed by the care team.",
                         "Request documented; no escalation required.", "Caller was transferred to a nurse."]))
    return pcs


def carrier_window(r, carriers, kind_src, style, lo, hi, capset):
    pool = [c for c in carriers if kind_src is None or c[0] == kind_src]
    for _ in range(50):
        src, cid, turns = r.choice(pool)
        n = r.randint(lo, hi)
        if len(turns) < n:
            continue
        st = r.randint(0, len(turns) - n)
        win = []
        for who, t in turns[st:st + n]:
            if not screen(t, capset):
                continue
            t = clean_turn(t, style)
            if t:
                win.append(("A" if who == "doctor" else "C", [t]))
        if len(win) >= max(2, lo - 2):
            return src, cid, win
    return None, None, []


def build_record(r, idx, kind, counts, carriers, capset):
    if kind in STYLES:
        style, labels, csrc = STYLES[kind]
    else:
        style, labels, csrc = "va", [("AI:", "User:")], None
    ws = {"aci": 0.0, "mts": 0.05, "primock": 0.05, "dg": 0.3, "tr": 0.25, "cc": 0.1, "va": 0.15}[style]
    b = Builder(r, style, ws, counts)
    scen, scen_txt = r.choice(SCEN)
    clinic = r.choice(CLINICS)
    agent = r.choice(AGENTS)
    bot = r.choice(BOTS)
    g = greeting(b, clinic, agent, bot)
    if g:
        b.values.append(("NAME", g[1]))
        counts["NAME"] += 1
        b.add("C", [fix_case(r.choice(["Hi. ", "Yes, hi. ", "Hey, good afternoon. "]) + scen_txt, style == "aci")])
    # carrier
    is_visit = style in ("aci", "mts", "primock") or (style in ("dg", "tr") and r.random() < 0.5)
    src = csrc if csrc else r.choice(["mts", "aci", "primock"])
    cstyle = "aci" if style == "aci" or (src == "aci" and style in ("tr",)) else style
    csrc_used, cid, win = carrier_window(r, carriers, src, cstyle, 4 if is_visit else 2,
                                         14 if is_visit else 6, capset)
    if style != "aci" and src == "aci":
        # ACI text is lower-case ASR; capitalise the first letter for punctuated styles
        win = [(w, [cap1(p[0])]) for w, p in win]
    if is_visit and not g and r.random() < 0.4:
        v = g_name(r)
        t, f, _ = r_name(v, r, "first", False, style == "aci")
        b.add("A", [fix_case("Hi ", style == "aci"), S(t if style == "aci" else cap1(t), "NAME", True, "none", "greeting_" + f),
                    fix_case(r.choice([", have a seat.", ", good to see you again.", ", come on in."]), style == "aci")])
        b.values.append(("NAME", v))
        counts["NAME"] += 1
    # choose entities by deficit
    nv = r.randint(2, 5) - (1 if g else 0)
    nv = max(1, nv)
    ents = []
    for _ in range(nv):
        w = [max(1, TARGET[e] * 1.0 - counts[e]) ** 1.5 for e in ENTS]
        if scen != "priorauth":
            w[ENTS.index("NPI")] *= 0.4
        if scen == "medicare":
            w[ENTS.index("MBI")] *= 3
        e = r.choices(ENTS, w)[0]
        if e in ents and e != "NAME":
            e = r.choices(ENTS, w)[0]
        ents.append(e)
    exch_turns = []
    for e in ents:
        sub = Builder(r, style, ws, counts)
        if e == "NAME":
            v = name_exchange(sub, scen, kind)
        else:
            v = exchange(sub, e, scen)
        b.values.append((e, v))
        for role, pcs in sub.turns:
            for p in pcs:
                if isinstance(p, Span):
                    counts[p.entity] += 1
        exch_turns.append(sub.turns)
    # negatives
    negs = []
    for _ in range(r.randint(1, 3)):
        pcs = pick_neg(r, style)
        if style != "aci":
            pcs[0] = cap1(pcs[0])
            pcs[2] = pcs[2] + "."
        else:
            pcs[0] = fix_case(pcs[0], True) + (" " if pcs[0].endswith(" ") else "")
            pcs[2] = (" " if pcs[2].startswith(" ") else "") + fix_case(pcs[2], True)
        negs.append([("C", pcs), ("A", [fix_case(r.choice(["Okay.", "Got it.", "Alright, noted."]), style == "aci")])])
    # interleave: blocks = carrier chunks + exchanges + negatives
    blocks = [[t] for t in win]
    carrier_blocks = blocks[:]
    inserts = exch_turns + negs
    r.shuffle(inserts)
    # keep carrier contiguous in 2..3 chunks
    out = list(b.turns)
    if not carrier_blocks:
        chunks = []
    else:
        cuts = sorted(r.sample(range(1, len(win)), min(2, len(win) - 1))) if len(win) > 2 else []
        chunks, p = [], 0
        for c in cuts + [len(win)]:
            chunks.append(win[p:c])
            p = c
    # first the identity exchanges, then carrier & others mixed
    seq = []
    ins = list(inserts)
    while chunks or ins:
        if ins and (not chunks or r.random() < 0.55):
            seq.extend(ins.pop(0))
        else:
            seq.extend(chunks.pop(0))
    out.extend(seq)
    # closing
    out.append(("A", [fix_case(r.choice(["Is there anything else I can help with?", "Alright, we'll see you then.",
                                         "Okay, take care.", "You're all set."]), style == "aci")]))
    out.append(("C", [fix_case(r.choice(["No, that's it. Thank you.", "Thanks so much, bye.", "Okay, thank you."]), style == "aci")]))
    # merge consecutive same-role turns
    merged = []
    for role, pcs in out:
        if merged and merged[-1][0] == role:
            merged[-1] = (role, merged[-1][1] + [" "] + pcs)
        else:
            merged.append((role, list(pcs)))
    while len(merged) > 40:
        # drop carrier-only turns (plain strings, no spans/negatives) from the middle
        for i in range(1, len(merged) - 2):
            if all(isinstance(p, str) for p in merged[i][1]):
                merged.pop(i)
                break
        else:
            break
    while len(merged) < 8:
        k = len(merged) - 2
        prev = merged[k - 1][0]
        opp = "A" if prev == "C" else "C"
        fill = [(opp, [fix_case(r.choice(["Okay.", "Alright.", "Sure.", "One moment."]), style == "aci")]),
                (prev, [fix_case(r.choice(["Mm-hmm.", "Okay.", "Thanks."]), style == "aci")])]
        merged[k:k] = fill
    return merged, b.values, labels, scen_txt, csrc_used, cid


MARK = "\ue000%d\ue001"
MARK_RE = re.compile("\ue000(\\d+)\ue001")


def marked(pcs, reg):
    s = ""
    for p in pcs:
        if isinstance(p, (Span, Neg)):
            reg.append(p)
            s += MARK % (len(reg) - 1)
        else:
            s += p
    return re.sub(r" +", " ", s).strip()


def resolve(s, reg):
    out = bytearray()
    spans, negs = [], []
    pos = 0
    for m in MARK_RE.finditer(s):
        out += s[pos:m.start()].encode("utf-8")
        p = reg[int(m.group(1))]
        a = len(out)
        out += p.text.encode("utf-8")
        if isinstance(p, Span):
            spans.append({"start": a, "end": len(out), "entity": p.entity, "spoken": p.spoken,
                          "cue": p.cue, "form": p.form})
        else:
            negs.append({"start": a, "end": len(out), "what": p.what})
        pos = m.end()
    out += s[pos:].encode("utf-8")
    return out.decode("utf-8"), spans, negs


def stamp(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def make_transcript(r, turns, labels):
    lab = r.choice(labels)
    stamps = r.random() < 0.35
    reg = []
    lines = []
    t = r.randint(0, 20)
    for role, pcs in turns:
        s = marked(pcs, reg)
        line = (lab[0] if role == "A" else lab[1]) + " " + s
        if stamps:
            line = stamp(t) + " " + line
            t += r.randint(2, 14)
        lines.append(line)
    return resolve("\n".join(lines), reg)


def rid(r, n=12, alpha="0123456789abcdef"):
    return "".join(r.choice(alpha) for _ in range(n))


def uuid(r):
    h = rid(r, 32)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "8" + h[17:20], h[20:32])


def make_json(r, profile, turns, summary):
    reg = []
    ms = [(role, marked(pcs, reg)) for role, pcs in turns]
    summ = marked(summary, reg)
    t0 = 1764000000000 + r.randint(0, 10 ** 9)
    dur = 0.0
    times = []
    for role, s in ms:
        d = round(1.2 + len(s) / 14.0 + r.random(), 2)
        times.append((round(dur, 2), round(dur + d, 2)))
        dur += d + round(r.random() * 1.5, 2)
    dur = round(dur, 2)
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are a scheduling assistant for a medical office. Verify identity before discussing records.",
                 "time": t0, "secondsFromStart": 0}]
        for (role, s), (a, z) in zip(ms, times):
            msgs.append({"role": "bot" if role == "A" else "user", "message": s, "time": t0 + int(a * 1000),
                         "endTime": t0 + int(z * 1000), "secondsFromStart": a, "duration": round((z - a) * 1000)})
        obj = {"message": {"type": "end-of-call-report", "endedReason": r.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uuid(r), "orgId": uuid(r), "type": "inboundPhoneCall", "status": "ended"},
                           "assistant": {"id": uuid(r), "name": "Front Desk Assistant"},
                           "artifact": {"messages": msgs,
                                        "transcript": "\n".join(("AI: " if role == "A" else "User: ") + s for role, s in ms),
                                        "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(r)},
                           "analysis": {"summary": summ, "successEvaluation": r.choice(["true", "false"])},
                           "startedAt": "2026-11-%02dT%02d:%02d:%02d.000Z" % (r.randint(1, 28), r.randint(13, 22), r.randint(0, 59), r.randint(0, 59)),
                           "durationSeconds": dur, "cost": round(r.random() * 0.6 + 0.05, 4),
                           "costBreakdown": {"stt": round(r.random() * 0.05, 4), "llm": round(r.random() * 0.1, 4),
                                             "tts": round(r.random() * 0.08, 4), "vapi": round(dur / 60 * 0.05, 4)}}}
    elif profile == "retell":
        ev = r.choice(["call_analyzed", "call_analyzed", "call_ended"])
        call = {"call_type": "phone_call", "call_id": "call_" + rid(r, 24), "agent_id": "agent_" + rid(r, 24),
                "call_status": "ended", "start_timestamp": t0, "end_timestamp": t0 + int(dur * 1000),
                "disconnection_reason": r.choice(["user_hangup", "agent_hangup"]), "direction": "inbound",
                "transcript": "\n".join(("Agent: " if role == "A" else "User: ") + s for role, s in ms),
                "transcript_object": [{"role": "agent" if role == "A" else "user", "content": s} for role, s in ms],
                "latency": {"e2e": {"p50": r.randint(700, 1400), "p90": r.randint(1400, 2400)}},
                "call_cost": {"combined_cost": round(r.random() * 40, 2), "total_duration_seconds": int(dur)}}
        if ev == "call_analyzed":
            call["call_analysis"] = {"call_summary": summ, "user_sentiment": r.choice(["Neutral", "Positive"]),
                                     "call_successful": True, "in_voicemail": False}
        else:
            reg_summ_unused = True
        obj = {"event": ev, "call": call}
    elif profile == "signalwire":
        obj = {"action": "post_conversation", "ai_session_id": uuid(r), "call_id": uuid(r),
               "app_name": "swml app", "project_id": uuid(r), "space_id": uuid(r),
               "call_start_date": t0 * 1000, "call_answer_date": t0 * 1000 + 800000, "call_end_date": (t0 + int(dur * 1000)) * 1000,
               "caller_id_name": "WIRELESS CALLER",
               "call_log": [{"role": "system", "content": "You are a helpful pharmacy refill assistant."}] +
                           [{"role": "assistant" if role == "A" else "user", "content": s} for role, s in ms],
               "post_prompt_data": {"raw": summ, "substituted": summ},
               "total_input_tokens": r.randint(2000, 9000), "total_output_tokens": r.randint(200, 900)}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1}
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r), "created": "2026-11-%02dT10:%02d:00.000Z" % (r.randint(1, 28), r.randint(0, 59)),
                            "duration": dur, "channels": 1, "models": [uuid(r)],
                            "model_info": {"x": {"name": "2-general-nova", "version": "2024-01-18.26916", "arch": "nova-2"}}},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(s for _, s in ms),
                                                            "confidence": round(0.9 + r.random() * 0.09, 4),
                                                            "paragraphs": {"transcript": "".join("\nSpeaker %d: %s\n" % (spk[role], s) for role, s in ms)}}]}],
                           "utterances": [{"start": a, "end": z, "confidence": round(0.85 + r.random() * 0.14, 4), "channel": 0,
                                           "transcript": s, "speaker": spk[role], "id": uuid(r)}
                                          for (role, s), (a, z) in zip(ms, times)]}}
        # summaries are not part of plain pre-recorded output unless requested
        if r.random() < 0.6:
            obj["results"]["summary"] = {"result": "success", "short": summ}
    else:
        spk = {"A": "spk_0", "C": "spk_1"}
        obj = {"jobName": "call-" + rid(r, 10), "accountId": "1234567890XX".replace("XX", "12"), "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(s for _, s in ms)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0",
                                              "segments": [{"start_time": "%.2f" % a, "end_time": "%.2f" % z, "speaker_label": spk[role], "items": []}
                                                           for (role, s), (a, z) in zip(ms, times)]},
                           "items": [],
                           "audio_segments": [{"id": i, "transcript": s, "start_time": "%.2f" % a, "end_time": "%.2f" % z,
                                               "speaker_label": spk[role], "items": []}
                                              for i, ((role, s), (a, z)) in enumerate(zip(ms, times))]}}
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return resolve(raw, reg)


KINDS = [("transcript_aci_style", 24), ("transcript_mts_style", 16), ("transcript_primock_style", 12),
         ("transcript_deepgram_style", 16), ("transcript_transcribe_style", 10), ("transcript_callcenter", 17),
         ("transcript_voice_agent", 17), ("vapi_report", 8), ("retell_report", 8), ("signalwire_post_prompt", 8),
         ("deepgram_prerecorded", 7), ("transcribe_output", 7)]
PROFILE = {"vapi_report": "vapi", "retell_report": "retell", "signalwire_post_prompt": "signalwire",
           "deepgram_prerecorded": "deepgram", "transcribe_output": "transcribe"}


def generate(seed, n, carrier_dir):
    r = random.Random(seed)
    carriers = load_carriers(carrier_dir)
    if not carriers:
        sys.exit("no carriers found in %s" % carrier_dir)
    capset = cap_words(carriers)
    tot = sum(w for _, w in KINDS)
    plan = []
    for k, w in KINDS:
        plan += [k] * max(1, round(n * w / tot))
    while len(plan) < n:
        plan.append("transcript_callcenter")
    plan = plan[:n]
    r.shuffle(plan)
    counts = collections.Counter()
    recs = []
    for i, kind in enumerate(plan):
        if kind in PROFILE:
            prof = PROFILE[kind]
            skind = {"vapi": "transcript_voice_agent", "retell": "transcript_voice_agent", "signalwire": "transcript_voice_agent",
                     "deepgram": "transcript_deepgram_style", "transcribe": "transcript_transcribe_style"}[prof]
            turns, vals, labels, scen_txt, src, cid = build_record(r, i, skind, counts, carriers, capset)
            summ = summary_pieces(None, vals, scen_txt, r)
            if prof in ("vapi", "retell", "signalwire") or r.random() < 1:
                for p in summ:
                    if isinstance(p, Span):
                        counts[p.entity] += 1
            text, spans, negs = make_json(r, prof, turns, summ)
            rec = {"id": "h9-%04d" % i, "format": "json", "profile": prof, "kind": kind, "text": text,
                   "spans": spans, "negatives": negs}
        else:
            turns, vals, labels, scen_txt, src, cid = build_record(r, i, kind, counts, carriers, capset)
            text, spans, negs = make_transcript(r, turns, labels)
            rec = {"id": "h9-%04d" % i, "format": "transcript", "kind": kind, "text": text,
                   "spans": spans, "negatives": negs}
        recs.append(rec)
    return recs


# --------------------------------------------------------------------------- checking
WORDNUM = {w: i for i, w in enumerate(UNITS)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: i + 10 for i, w in enumerate(TEENS)}
TENNUM = {w: i for i, w in enumerate(TENS) if w}


def words_to_chars(s):
    """Spoken/written identifier -> its digits and letters (best effort)."""
    s = s.lower().replace("-", " - ")
    s = re.sub(r"\b([a-z]) as in [a-z-]+", lambda m: m.group(1), s)
    toks = re.findall(r"[a-z0-9']+|[,.]|\.\.\.", s)
    out = ""
    i = 0
    rev_nato = {v: k for k, v in NATO.items()}
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("double", "triple") and nxt in WORDNUM:
            out += str(WORDNUM[nxt]) * (2 if t == "double" else 3)
            i += 2
            continue
        if t in TENNUM:
            if nxt in WORDNUM and WORDNUM[nxt] > 0 and nxt not in ("oh", "o"):
                out += str(TENNUM[t] * 10 + WORDNUM[nxt])
                i += 2
                continue
            out += str(TENNUM[t] * 10)
        elif t in TEENNUM:
            out += str(TEENNUM[t])
        elif t in WORDNUM:
            out += str(WORDNUM[t])
        elif t.isdigit():
            out += t
        elif re.fullmatch(r"[a-z0-9]+", t) and re.search(r"\d", t):
            out += t.upper()
        elif t in rev_nato:
            out += rev_nato[t]
        elif t == "x" and nxt == "ray":
            out += "X"
            i += 1
        elif len(t) == 1 and t.isalpha():
            out += t.upper()
        i += 1
    return out


def valid_value(ent, txt, form):
    if "split" in form or form.startswith("name") or ent in ("NAME", "STREET", "DOB"):
        if ent == "DOB" and "split" not in form:
            if len(re.sub(r"\D", "", words_to_chars(txt))) >= 6:
                return True
            return bool(re.search(r"\d{2,4}|nineteen|two thousand|twenty|sixty|fifty|seventy|eighty|forty|thirty|ninety", txt, re.I))
        if ent == "STREET":
            return bool(re.search(r"\w", txt))
        return bool(txt.strip()) and not any(c.isdigit() for c in txt) if ent == "NAME" else True
    if ent == "EMAIL":
        return "@" in txt or " at " in txt
    c = words_to_chars(txt)
    if ent == "PHONE":
        if len(c) == 11 and c[0] == "1":
            c = c[1:]
        return len(c) == 10 and c[3:8] == "55501" and c[0] in "23456789"
    if ent == "SSN":
        if len(c) == 4:
            return c != "0000"
        return len(c) == 9 and c[:3] not in ("000", "666") and c[0] != "9" and c[3:5] != "00" and c[5:] != "0000"
    if ent == "CARD":
        return len(c) == 4 or (13 <= len(c) <= 19 and luhn_ok(c))
    if ent == "NPI":
        return len(c) == 10 and c[0] in "12" and luhn_ok("80840" + c)
    if ent == "MBI":
        if len(c) != 11:
            return False
        L = set(MBI_LET)
        ok = c[0] in "123456789" and all(c[k] in L for k in (1, 4, 7, 8)) and all(c[k].isdigit() for k in (3, 6, 9, 10))
        return ok and all(c[k] in L or c[k].isdigit() for k in (2, 5))
    if ent == "ZIP":
        return len(c) in (5, 9) and c.isdigit()
    if ent in ("MRN", "MEMBER_ID"):
        return 7 <= len(c) <= 13
    return True


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z][A-Za-z _0-9]*:) \S")


def check(paths):
    bad = 0
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                rec = json.loads(line)
                recs.append(rec)
                err = check_record(rec)
                for e in err:
                    bad += 1
                    print("%s:%d %s: %s" % (p, ln, rec.get("id"), e))
    stats(recs)
    print("errors: %d" % bad)
    return bad == 0


def json_string_ranges(raw):
    """Byte ranges of the contents of every JSON string value (not keys)."""
    b = raw.encode("utf-8")
    rng = []
    i = 0
    stack = []
    expect_key = False
    while i < len(b):
        c = b[i:i + 1]
        if c == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            k = j + 1
            while k < len(b) and b[k:k + 1] in b" ":
                k += 1
            if not (b[k:k + 1] == b":" and stack and stack[-1] == "{"):
                rng.append((i + 1, j))
            i = j + 1
            continue
        if c in b"{[":
            stack.append(c.decode())
        elif c in b"}]":
            stack.pop()
        i += 1
    return rng


def check_record(rec):
    err = []
    text = rec["text"]
    b = text.encode("utf-8")
    ivs = []
    for s in rec["spans"]:
        if not (0 <= s["start"] < s["end"] <= len(b)):
            err.append("bad offsets %r" % s)
            continue
        try:
            v = b[s["start"]:s["end"]].decode("utf-8")
        except UnicodeDecodeError:
            err.append("span not on char boundary")
            continue
        if v != v.strip() or not v:
            err.append("span with outer whitespace %r" % v)
        if s["cue"] not in ("same", "prev", "none") or s["entity"] not in ENTS:
            err.append("bad label %r" % s)
        if not valid_value(s["entity"], v, s["form"]):
            err.append("invalid %s value %r (%s)" % (s["entity"], v, s["form"]))
        if (s["start"] > 0 and b[s["start"] - 1:s["start"]].isalnum()) or b[s["end"]:s["end"] + 1].isalnum():
            err.append("span glued to a neighbouring word %r" % v)
        ivs.append((s["start"], s["end"], "span"))
    for n in rec["negatives"]:
        if not (0 <= n["start"] < n["end"] <= len(b)):
            err.append("bad negative offsets")
        elif (n["start"] > 0 and b[n["start"] - 1:n["start"]].isalnum()) or b[n["end"]:n["end"] + 1].isalnum():
            err.append("negative glued to a neighbouring word")
        ivs.append((n["start"], n["end"], "neg"))
    ivs.sort()
    for x, y in zip(ivs, ivs[1:]):
        if y[0] < x[1]:
            err.append("overlap %r %r" % (x, y))
    if rec["format"] == "json":
        try:
            json.loads(text)
        except ValueError:
            err.append("json does not parse")
            return err
        if text != json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")):
            err.append("json not compact")
        rng = json_string_ranges(text)
        for a, z, _ in ivs:
            if not any(ra <= a and z <= rz for ra, rz in rng):
                err.append("span/negative outside a string value at %d" % a)
        if rec.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
            err.append("bad profile")
    else:
        lines = text.split("\n")
        if not 8 <= len(lines) <= 40:
            err.append("%d turns" % len(lines))
        if text.endswith("\n") or any(not l.strip() for l in lines):
            err.append("blank line or trailing newline")
        for l in lines:
            if not LABEL_RE.match(l):
                err.append("line without speaker label: %r" % l[:60])
    if not 2 <= len({(s["entity"]) for s in rec["spans"]}) + 5 or not rec["spans"]:
        err.append("no spans")
    return err


def stats(recs):
    ent = collections.Counter()
    cue = collections.Counter()
    sp = collections.Counter()
    kinds = collections.Counter()
    fmt = collections.Counter()
    negs = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    for rec in recs:
        kinds[rec["kind"]] += 1
        fmt[rec["format"]] += 1
        for s in rec["spans"]:
            ent[s["entity"]] += 1
            cue[(s["entity"], s["cue"])] += 1
            cue[s["cue"]] += 1
            sp[(s["entity"], s["spoken"])] += 1
            sp[s["spoken"]] += 1
            forms[s["entity"]][s["form"]] += 1
        for n in rec["negatives"]:
            negs[n["what"]] += 1
    print("records: %d (%s)" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(fmt.items()))))
    print("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("spans: %d  cue same/prev/none: %d/%d/%d  spoken/written: %d/%d" % (
        sum(ent.values()), cue["same"], cue["prev"], cue["none"], sp[True], sp[False]))
    print("| entity | total | spoken | written | same | prev | none | forms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for e in ENTS:
        print("| %s | %d | %d | %d | %d | %d | %d | %d |" % (e, ent[e], sp[(e, True)], sp[(e, False)], cue[(e, "same")],
                                                      cue[(e, "prev")], cue[(e, "none")], len(forms[e])))
    print("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261209)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", "/work/shared/carrier-sources"))
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    recs = generate(a.seed, a.n, a.carrier_dir)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
