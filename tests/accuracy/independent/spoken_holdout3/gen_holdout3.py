#!/usr/bin/env python3
"""Holdout-3 spoken-PHI corpus generator (standard library only, deterministic).

    python3 gen_holdout3.py [--seed N] [--n N] > holdout3.jsonl
    python3 gen_holdout3.py --stats
    python3 gen_holdout3.py --check holdout3.jsonl

Carrier dialogues come from MTS-Dialog, ACI-bench and PriMock57 (CC BY 4.0) in
shared/carrier-sources (next to the repository, /work/shared/carrier-sources, or
--carrier-dir / CARRIER_DIR). See README.md.
"""
import argparse
import calendar
import collections
import csv
import datetime
import glob
import json
import os
import random
import re
import sys

# --------------------------------------------------------------------------- words

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD1 = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth"]
ORD_TENS = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
SPANISH = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": ["apple", "adam"], "b": ["boy", "bob"], "c": ["cat", "charles"], "d": ["david", "dog"],
         "e": ["edward", "echo"], "f": ["frank", "fox"], "g": ["george", "girl"], "h": ["henry", "house"],
         "i": ["ida", "igloo"], "j": ["john", "jack"], "k": ["king", "kate"], "l": ["larry", "lincoln"],
         "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "oscar"], "p": ["peter", "paul"],
         "q": ["queen", "quiet"], "r": ["robert", "roger"], "s": ["sam", "sugar"], "t": ["tom", "thomas"],
         "u": ["umbrella", "uncle"], "v": ["victor", "violet"], "w": ["william", "water"],
         "x": ["x-ray", "xylophone"], "y": ["yellow", "yes"], "z": ["zebra", "zoo"]}

AREA_CODES = [int(x) for x in """201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219
224 225 228 229 231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303
304 305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 339 347
352 360 361 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423 425 432 434 435
440 443 469 478 479 480 484 501 502 503 504 505 507 508 509 510 512 513 515 516 517 518 520 530
540 541 559 561 562 563 570 571 573 574 580 585 586 601 602 603 605 606 607 608 609 610 612 614
615 616 617 618 619 620 623 626 630 631 636 641 646 650 651 660 661 662 678 701 702 703 704 706
707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 754 757 760 763 765 770 772
773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831
832 843 845 847 850 856 857 858 859 860 862 863 864 865 870 901 903 904 906 907 908 909 910 912
913 914 915 916 917 918 919 920 925 928 931 936 937 940 941 949 951 952 954 956 970 971 972 973
978 979 980 985 989""".split()]

TEST_CARDS = ["4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556",
              "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
              "3530111333300000", "3566002020360505", "30569309025904", "38520000023237"]
CARD_BINS = ["411111", "424242", "401288", "555555", "510510", "222300", "601111", "353011"]

GIVEN = ["Dana", "Marisol", "Emre", "Olumide", "Thanh", "Agnieszka", "Priyanka", "Wei", "Yusuf",
         "Fatima", "Siobhan", "Tomasz", "Ngozi", "Hoang", "Rahul", "Meilin", "Leticia", "Abdullah",
         "Kateryna", "Beatriz", "Chidi", "Bogdan", "Imani", "Rosalind", "Deshawn", "Marguerite",
         "Eleanor", "Harold", "Dolores", "Bernard", "Ines", "Kwame", "Anh", "Soo-jin", "Gustavo",
         "Halima", "Radek", "Svetlana", "Oluwaseun", "Lucinda", "Bartholomew", "Esperanza", "Jaroslav",
         "Nkechi", "Trinh", "Ravi", "Xiomara", "Mehmet", "Zainab", "Winifred", "Cornelius", "Lupe",
         "Desmond", "Ifeoma", "Huong", "Anselm", "Teodora", "Reginald", "Paulina", "Kofi"]
SURN = ["Reyes", "Okafor", "Nguyen", "Kowalczyk", "Ozturk", "Patel", "Chen", "Haddad", "Adeyemi",
        "Tran", "Wisniewski", "Demir", "Iyer", "Zhang", "Mansour", "Castellanos", "Abernathy",
        "Lindqvist", "Fitzgerald", "Obi", "Pham", "Szymanski", "Yilmaz", "Raghavan", "Liang",
        "Khoury", "Delgado", "Whitfield", "Gallagher", "Oyelaran", "Quintero", "Balogun", "Dabrowski",
        "Kaya", "Venkatesan", "Huang", "Saleh", "Ferreira", "McAllister", "Olawale", "Vo",
        "Grabowski", "Arslan", "Subramanian", "Tsai", "Nasser", "Ibarra", "Pennington", "Ruiz-Soto",
        "Eze", "Lam", "Przybylski", "Celik", "Menon", "Zhou", "Bishara", "Villanueva", "Ashworth"]
STREETS = ["Elm", "Magnolia", "Juniper", "Cedar Ridge", "Lakeview", "Harbor", "Willow Creek",
           "Sycamore", "Briarwood", "Pinehurst", "Orchard", "Bayberry", "Kingsley", "Alder",
           "Marigold", "Foxglove", "Chestnut", "Redbud", "Tamarack", "Holloway", "Whitmore", "Larkspur",
           "Fenwick", "Oakmont", "Sunset", "Prospect", "Meadowbrook", "Beacon", "Cypress", "Hawthorne"]
SUFFIXES = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
            ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Place", "Pl."),
            ("Way", "Way"), ("Terrace", "Ter."), ("Circle", "Cir."), ("Parkway", "Pkwy.")]
DIRS = ["North", "South", "East", "West"]
UNITS = [("apartment", "Apt"), ("unit", "Unit"), ("suite", "Ste"), ("number", "#")]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("aol", "com"), ("outlook", "com"),
           ("hotmail", "com"), ("icloud", "com"), ("comcast", "net"), ("att", "net"),
           ("sbcglobal", "net"), ("protonmail", "com")]
ZIP_PREFIXES = [100, 104, 112, 191, 212, 283, 303, 331, 352, 372, 402, 441, 462, 481, 532, 551,
                606, 631, 641, 701, 731, 752, 770, 787, 802, 850, 871, 891, 917, 941, 958, 972,
                981, 995, 967, 840, 606, 452, 432, 275, 296, 322]
MEDS = [("metformin", ["five hundred milligrams", "one thousand milligrams", "500 mg"]),
        ("lisinopril", ["ten milligrams", "twenty milligrams", "forty milligrams", "10 mg"]),
        ("sertraline", ["fifty milligrams", "one hundred milligrams", "twenty five milligrams"]),
        ("atorvastatin", ["forty milligrams", "eighty milligrams", "20 mg"]),
        ("amlodipine", ["five milligrams", "two point five milligrams"]),
        ("levothyroxine", ["seventy five micrograms", "eighty eight micrograms", "112 mcg"]),
        ("gabapentin", ["three hundred milligrams", "six hundred milligrams"]),
        ("quetiapine", ["twenty five milligrams", "fifty milligrams"]),
        ("buprenorphine", ["eight milligrams", "two milligrams"]),
        ("insulin glargine", ["twenty two units", "thirty units", "18 units"])]

# ------------------------------------------------------------------ number speech


def two_words(s, zero):
    """Two-digit string as a spoken number ('05' -> 'oh five', '15' -> 'fifteen')."""
    a, b = int(s[0]), int(s[1])
    if a == 0:
        return zero + " " + ONES[b]
    if a == 1:
        return TEENS[b]
    return TENS[a] + ("" if b == 0 else " " + ONES[b])


def group_as_number(g, zero):
    """How people say a group of digits as numbers."""
    if len(g) == 1:
        return zero if g == "0" else ONES[int(g)]
    if len(g) == 2:
        return two_words(g, zero)
    if len(g) == 3:
        if g[0] == "0":
            return zero + " " + two_words(g[1:], zero)
        if g[1:] == "00":
            return ONES[int(g[0])] + " hundred"
        return ONES[int(g[0])] + " " + two_words(g[1:], zero)
    if len(g) == 4:
        if g[0] != "0" and g[1:] == "000":
            return ONES[int(g[0])] + " thousand"
        if g[0] != "0" and g[2:] == "00" and g[:2] not in ("10", "20"):
            return two_words(g[:2], zero) + " hundred"
        return two_words(g[:2], zero) + " " + two_words(g[2:], zero)
    return " ".join(group_as_number(g[i:i + 2], zero) for i in range(0, len(g), 2))


def digits_single(g, zero, dbl, homo=None, rng=None):
    """Digit by digit, optionally with double/triple."""
    out = []
    i = 0
    while i < len(g):
        d = g[i]
        run = 1
        while i + run < len(g) and g[i + run] == d and run < 3:
            run += 1
        w = zero if d == "0" else ONES[int(d)]
        if homo and rng and rng.random() < 0.35:
            w = homo.get(d, w)
        if dbl and run == 3:
            out.append("triple " + w)
            i += 3
        elif dbl and run >= 2:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


HOMOPHONES = {"3": "tree", "4": "for", "2": "to", "8": "ate"}

# --------------------------------------------------------------------- validity


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


def luhn_digit(s):
    for c in "0123456789":
        if luhn_ok(s + c):
            return c
    raise ValueError


def ssn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    a, g, r = int(s[:3]), int(s[3:5]), int(s[5:])
    return 1 <= a <= 899 and a != 666 and g >= 1 and r >= 1


MBI_LET = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]" % ((MBI_LET,) * 6))


def npi_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn_ok("80840" + s)


def card_ok(s):
    return 13 <= len(s) <= 19 and luhn_ok(s) and (s in TEST_CARDS or s[:6] in CARD_BINS)


def phone_ok(s):
    if len(s) == 11 and s[0] == "1":
        s = s[1:]
    return len(s) == 10 and int(s[:3]) in AREA_CODES and s[3:6] == "555" and s[6:8] == "01"


# ------------------------------------------------------------------- spoken parser

FILLERS = {"uh", "um", "er", "erm", "hmm", "dash", "hyphen", "slash", "and", "the", "of", "like",
           "its", "it's", "that's", "thats", "is", "so", "okay", "ok", "then", "yeah", "yes",
           "let", "me", "see", "all", "one-word", "word", "lowercase", "lower", "case", "no",
           "spaces", "capital", "number", "space"}
DIGWORD = {w: str(i) for i, w in enumerate(ONES)}
DIGWORD.update({"oh": "0", "o": "0"})
DIGWORD.update({w: str(i) for i, w in enumerate(SPANISH)})
HOMO_REV = {"tree": "3", "for": "4", "to": "2", "ate": "8"}
DIGWORD.update(HOMO_REV)
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENSW = {w: 10 * i for i, w in enumerate(TENS) if w}
NATO_REV = {v: k for k, v in NATO.items()}
ORDW = {w: i for i, w in enumerate(ORD1) if w}
ORDW.update({"twentieth": 20, "thirtieth": 30})


def tokens(text):
    t = text.lower().replace("x-ray", "xray")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    return re.findall(r"[a-z\u00e0-\u00ff]+|\d+", t)


def number_variants(toks, limit=256):
    """All digit strings a run of number tokens can mean (tens+unit may or may not combine)."""
    res = []

    def small(i):
        """(value, next) options for a number < 100 at i."""
        if i >= len(toks):
            return []
        w = toks[i]
        if w in DIGWORD and DIGWORD[w] != "0":
            return [(int(DIGWORD[w]), i + 1)]
        if w in TEENW:
            return [(TEENW[w], i + 1)]
        if w in TENSW:
            o = [(TENSW[w], i + 1)]
            if i + 1 < len(toks) and toks[i + 1] in DIGWORD and DIGWORD[toks[i + 1]] != "0":
                o.append((TENSW[w] + int(DIGWORD[toks[i + 1]]), i + 2))
            if i + 1 < len(toks) and re.fullmatch(r"[1-9]", toks[i + 1]):
                o.append((TENSW[w] + int(toks[i + 1]), i + 2))
            return o
        return []

    def rec(i, acc):
        if len(res) >= limit:
            return
        if i >= len(toks):
            res.append(acc)
            return
        w = toks[i]
        if w.isdigit():
            rec(i + 1, acc + w)
            return
        if w in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in DIGWORD:
            rec(i + 2, acc + DIGWORD[toks[i + 1]] * (2 if w == "double" else 3))
            return
        if w in DIGWORD and DIGWORD[w] == "0":
            rec(i + 1, acc + "0")
            return
        opts = small(i)
        if not opts:
            rec(i + 1, acc)  # filler
            return
        for v, j in opts:
            if j < len(toks) and toks[j] == "hundred":
                v2, k = v * 100, j + 1
                if k + 1 < len(toks) and toks[k] == "and" and small(k + 1):
                    for a, k2 in small(k + 1):
                        rec(k2, acc + str(v2 + a))
                else:
                    rec(k, acc + str(v2))
            elif j < len(toks) and toks[j] == "thousand":
                v2, k = v * 1000, j + 1
                if k < len(toks) and toks[k] == "and":
                    k += 1
                sm = small(k)
                if sm:
                    for a, k2 in sm:
                        rec(k2, acc + str(v2 + a))
                rec(k, acc + str(v2))
            else:
                rec(j, acc + str(v))

    rec(0, "")
    return res


def alnum_variants(text):
    """Letters and digits of a spoken alphanumeric id."""
    if re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", text.strip()):
        return [text.strip().replace("-", "")]
    toks = tokens(text)
    out = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in" and len(w) == 1:
            out.append(("L", w))
            i += 4
            continue
        if w in NATO_REV or w == "xray":
            out.append(("L", NATO_REV.get(w, "x")))
        elif len(w) == 1 and w.isalpha() and w not in ("o",):
            out.append(("L", w))
        elif w in FILLERS and w not in ("double", "triple"):
            pass
        elif w.isalpha() and w not in DIGWORD and w not in TEENW and w not in TENSW and \
                w not in ("double", "triple", "hundred", "thousand") and len(w) <= 3 and \
                not any(ch.isdigit() for ch in w):
            for ch in w:  # written chunk like "xeh"
                out.append(("L", ch))
        elif w.isalnum() and any(c.isdigit() for c in w) and any(c.isalpha() for c in w):
            for ch in w:
                out.append(("L" if ch.isalpha() else "N", ch))
        else:
            out.append(("N", w))
        i += 1
    # join number runs
    variants = [""]
    k = 0
    while k < len(out):
        if out[k][0] == "L":
            variants = [v + out[k][1] for v in variants]
            k += 1
            continue
        j = k
        while j < len(out) and out[j][0] == "N":
            j += 1
        nv = number_variants([t for _, t in out[k:j]])
        variants = [v + n for v in variants for n in nv][:512]
        k = j
    return [v.upper() for v in variants]


def date_ok(y, m, d, lo, hi):
    try:
        dt = datetime.date(y, m, d)
    except ValueError:
        return False
    return lo <= dt.year <= hi


def year_options(ys):
    if len(ys) == 4:
        return [int(ys)]
    if len(ys) == 2:
        return [1900 + int(ys), 2000 + int(ys)]
    return []


def date_parse_ok(text, lo=1931, hi=2012, partial=False):
    toks = tokens(text)
    month = None
    rest = []
    day_opts = []
    i = 0
    while i < len(toks):
        w = toks[i]
        full = [m for m in MONTHS if m == w or (len(w) >= 3 and m.startswith(w) and w != "mar" or w == "mar" and m == "march")]
        if full and month is None and not w.isdigit():
            month = MONTHS.index(full[0]) + 1
        elif w in ORDW:
            day_opts.append(ORDW[w])
        elif w in TENSW and i + 1 < len(toks) and toks[i + 1] in ORDW:
            day_opts.append(TENSW[w] + ORDW[toks[i + 1]])
            i += 1
        else:
            rest.append(w)
        i += 1
    variants = number_variants([w for w in rest if w not in FILLERS or w == "and"])
    for v in variants:
        if month is not None:
            if day_opts:
                for d in day_opts:
                    for y in year_options(v):
                        if date_ok(y, month, d, lo, hi):
                            return True
                    if partial and v == "" and 1 <= d <= 31:
                        return True
            else:
                for k in (1, 2):
                    dd, ys = v[:k], v[k:]
                    for y in year_options(ys):
                        if dd and date_ok(y, month, int(dd), lo, hi):
                            return True
                    if partial and not ys and dd and 1 <= int(dd) <= 31:
                        return True
        else:
            if partial and (len(v) in (2, 4)) and any(lo <= y <= hi for y in year_options(v)):
                return True
            if len(v) == 8 and v[:4].startswith(("19", "20")) and date_ok(int(v[:4]), int(v[4:6]), int(v[6:]), lo, hi):
                return True
            for mk in (1, 2):
                for dk in (1, 2):
                    ms, ds, ys = v[:mk], v[mk:mk + dk], v[mk + dk:]
                    if not ms or not ds:
                        continue
                    for y in year_options(ys):
                        if date_ok(y, int(ms), int(ds), lo, hi):
                            return True
                    if partial and not ys and 1 <= int(ms) <= 12 and 1 <= int(ds) <= 31:
                        return True
        if month is not None and partial and not v and not day_opts:
            return True
    return False


def email_parse(text):
    t = text.lower()
    t = t.replace("at sign", " @ ").replace("all one word", " ").replace("all lowercase", " ")
    t = t.replace("no spaces", " ")
    toks = re.findall(r"[a-z0-9._@+-]+", t)
    out = []
    nums = []

    def flush():
        if nums:
            out.append(number_variants(nums)[0])
            del nums[:]
    for w in toks:
        if w in DIGWORD and w not in ("o", "oh") or w in TEENW or w in TENSW or w in ("double", "triple"):
            nums.append(w)
            continue
        flush()
        if w == "at":
            out.append("@")
        elif w in ("dot", "period", "point"):
            out.append(".")
        elif w == "underscore":
            out.append("_")
        elif w in ("dash", "hyphen"):
            out.append("-")
        elif w in ("uh", "um"):
            pass
        else:
            out.append(w)
    flush()
    return "".join(out)


def value_ok(entity, form, text):
    """Validity of the value a span renders (lenient where speech is ambiguous)."""
    corr = re.split(r"(?i)\b(?:no sorry|sorry|i mean|no wait|let me start over|scratch that)\b", text)
    if len(corr) > 1:
        text = corr[-1]
    part = "part" in form
    if entity in ("PHONE", "SSN", "CARD", "NPI", "ZIP"):
        toks = tokens(text)
        vs = number_variants([w for w in toks])
        if entity == "PHONE":
            return any(phone_ok(v) for v in vs) or (part and any(0 < len(v) <= 7 for v in vs))
        if entity == "SSN":
            if "last4" in form:
                return any(len(v) == 4 and v != "0000" for v in vs)
            return any(ssn_ok(v) for v in vs) or (part and any(0 < len(v) < 9 for v in vs))
        if entity == "CARD":
            if "last4" in form:
                return any(len(v) == 4 for v in vs)
            return any(card_ok(v) for v in vs) or (part and any(0 < len(v) < 16 for v in vs))
        if entity == "NPI":
            return any(npi_ok(v) for v in vs)
        if entity == "ZIP":
            return any(len(v) in (5, 9) and int(v[:3]) in ZIP_PREFIXES for v in vs)
    if entity == "MBI":
        vs = alnum_variants(text)
        return any(MBI_RE.fullmatch(v) for v in vs) or (part and any(0 < len(v) < 11 for v in vs))
    if entity == "MRN":
        vs = alnum_variants(text)
        return any(re.fullmatch(r"(\d{7,9}|[A-Z]{1,2}\d{6,8})", v) for v in vs)
    if entity == "MEMBER_ID":
        vs = alnum_variants(text)
        return any(re.fullmatch(r"[A-Z]{1,3}\d{8,10}|\d{9,11}", v) for v in vs) or \
            (part and any(0 < len(v) < 12 for v in vs))
    if entity == "DOB":
        return date_parse_ok(text, 1931, 2012, partial=part)
    if entity == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,4}", email_parse(text)))
    if entity == "STREET":
        toks = tokens(text)
        sfx = {a.lower() for a, _ in SUFFIXES} | {b.lower().rstrip(".") for _, b in SUFFIXES}
        hv = [t for t in toks[:8]]
        has_num = any(t.isdigit() or t in DIGWORD or t in TEENW or t in TENSW for t in hv[:3])
        return has_num and any(t in sfx for t in toks)
    if entity == "NAME":
        toks = tokens(text)
        return bool(toks) and all(t.isalpha() for t in toks) and "Mr" not in text.split()
    return False


# ------------------------------------------------------------------------ values

class Values:
    def __init__(self, rng):
        self.r = rng

    def phone(self):
        return "%03d555%04d" % (self.r.choice(AREA_CODES), self.r.randint(100, 199))

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a != 666:
                break
        return "%03d%02d%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))

    def dob(self, lo=1931, hi=2012):
        y = self.r.randint(lo, hi)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, calendar.monthrange(y, m)[1])
        return (y, m, d)

    def mrn(self):
        k = self.r.random()
        if k < 0.6:
            return "".join(self.r.choice("0123456789") for _ in range(self.r.choice([7, 8, 9]))).lstrip("0").rjust(7, "4")
        return self.r.choice("EMHKW") + "".join(self.r.choice("0123456789") for _ in range(self.r.choice([6, 7, 8])))

    def mbi(self):
        r = self.r
        al = MBI_LET + "0123456789"
        s = (r.choice("123456789") + r.choice(MBI_LET) + r.choice(al) + r.choice("0123456789") +
             r.choice(MBI_LET) + r.choice(al) + r.choice("0123456789") + r.choice(MBI_LET) +
             r.choice(MBI_LET) + r.choice("0123456789") + r.choice("0123456789"))
        assert MBI_RE.fullmatch(s)
        return s

    def card(self):
        if self.r.random() < 0.6:
            return self.r.choice(TEST_CARDS)
        b = self.r.choice(CARD_BINS)
        body = b + "".join(self.r.choice("0123456789") for _ in range(9))
        return body + luhn_digit(body)

    def npi(self):
        body = self.r.choice("12") + "".join(self.r.choice("0123456789") for _ in range(8))
        return body + luhn_digit("80840" + body)

    def zip(self):
        return "%03d%02d" % (self.r.choice(ZIP_PREFIXES), self.r.randint(1, 99))

    def member_id(self):
        k = self.r.random()
        dig = lambda n: "".join(self.r.choice("0123456789") for _ in range(n))
        if k < 0.45:
            return "".join(self.r.choice("ACDEFGHJKMNPRTUWXYZ") for _ in range(3)) + dig(9)
        if k < 0.75:
            return self.r.choice("WHMR") + dig(self.r.choice([8, 9, 10]))
        return self.r.choice("123456789") + dig(self.r.choice([8, 9, 10]))

    def name(self):
        return (self.r.choice(GIVEN), self.r.choice(SURN))

    def street(self):
        r = self.r
        n = r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(1000, 9999),
                      r.randint(10000, 29999)])
        return {"num": str(n), "dir": r.choice(DIRS) if r.random() < 0.25 else "",
                "name": r.choice(STREETS), "sfx": r.choice(SUFFIXES),
                "unit": (r.choice(UNITS), str(r.randint(1, 40)) + (r.choice("ABCD") if r.random() < 0.4 else ""))
                if r.random() < 0.35 else None}

    def email(self, name):
        r = self.r
        g, s = name[0].lower().replace("-", ""), name[1].lower().replace("-", "")
        style = r.choice(["dot", "plain", "under", "initial", "digits", "dash"])
        num = str(r.choice([r.randint(1, 99), r.randint(1950, 2005), r.randint(100, 999)]))
        if style == "dot":
            parts = [g, ".", s]
        elif style == "plain":
            parts = [g + s]
        elif style == "under":
            parts = [g, "_", s]
        elif style == "initial":
            parts = [g[0] + s]
        elif style == "digits":
            parts = [g + s[0], num]
        else:
            parts = [g, "-", s]
        if style in ("dot", "under", "initial") and r.random() < 0.35:
            parts.append(num)
        return {"local": parts, "domain": r.choice(DOMAINS), "style": style}


def email_str(e):
    return "".join(e["local"]) + "@" + e["domain"][0] + "." + e["domain"][1]


# -------------------------------------------------------------------- renderers

SEPS_PUNCT = [(" ", "space"), (", ", "comma"), ("... ", "ellipsis"), (" - ", "dash"), (", uh, ", "uh"),
              (" um ", "um"), (". ", "stop"), (" dash ", "worddash")]
SEPS_ASR = [(" ", "space"), (" uh ", "uh"), (" um ", "um"), (" dash ", "worddash"), (" ", "space")]


class Render:
    def __init__(self, rng):
        self.r = rng

    def cap(self, s, style):
        return s

    # ---- digits
    def digit_groups(self, groups, style, allow_numbers=True, accent=False):
        r = self.r
        zero = r.choice(["oh", "oh", "zero", "o"]) if style != "asr" else r.choice(["oh", "o", "zero"])
        mode = r.choice(["single", "single", "single", "numbers", "mixed_groups", "numerals_mix"]
                        if allow_numbers else ["single", "single", "numerals_mix"])
        dbl = r.random() < 0.45
        sep, sepn = r.choice(SEPS_ASR if style == "asr" else SEPS_PUNCT)
        homo = HOMOPHONES if accent else None
        words = []
        for gi, g in enumerate(groups):
            m = mode
            if mode == "mixed_groups":
                m = "numbers" if r.random() < 0.5 else "single"
            if mode == "numerals_mix":
                m = "numeral" if r.random() < 0.5 else "single"
            if m == "numbers" and len(g) <= 4:
                words.append(group_as_number(g, zero))
            elif m == "numeral":
                words.append(g)
            else:
                words.append(digits_single(g, zero, dbl, homo, r))
        if mode == "numerals_mix" and all(w.isdigit() for w in words):
            words[0] = digits_single(groups[0], zero, dbl)
        text = sep.join(words)
        form = "%s_%s%s_%s%s" % (mode, zero, "_dbl" if dbl and ("double" in text or "triple" in text) else "",
                                 sepn, "_accent" if accent and any(h in text.split() for h in HOMO_REV) else "")
        return text, form

    def self_correct(self, wrong, right, style):
        mk = self.r.choice([", no sorry, ", "... sorry, ", " I mean ", ", no wait, ", " - let me start over, "
                            , ", scratch that, "])
        if style == "asr":
            mk = re.sub(r"[,.\-]", "", mk).lower()
            mk = " " + " ".join(mk.split()) + " "
        return wrong + mk + right

    # ---- entity renderers: return (text, form, spoken)
    def phone(self, v, style, accent=False):
        r = self.r
        if style in ("llm", "written"):
            f = r.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "(%s) %s-%s"])
            return f % (v[:3], v[3:6], v[6:]), "written_" + ("paren" if f.startswith("(") else "dash" if "-%s-" in f else "dots"), False
        if style == "smart" and r.random() < 0.4:
            return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]) if r.random() < 0.5 else "%s-%s-%s" % (v[:3], v[3:6], v[6:]), "smart_formatted", False
        t, f = self.digit_groups([v[:3], v[3:6], v[6:]], style, accent=accent)
        if r.random() < 0.12:
            t = ("one " if style == "asr" else "one, ") + t
            f = "lead1_" + f
        return t, f, True

    def ssn(self, v, style, last4=False, accent=False):
        r = self.r
        if last4:
            if style in ("llm", "written"):
                return v[5:], "last4_written", False
            t, f = self.digit_groups([v[5:]], style, accent=accent)
            return t, "last4_" + f, True
        if style in ("llm", "written") or (style == "smart" and r.random() < 0.3):
            return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "written_ssn", False
        t, f = self.digit_groups([v[:3], v[3:5], v[5:]], style, accent=accent)
        return t, f, True

    def card(self, v, style, last4=False):
        r = self.r
        if last4:
            if style in ("llm", "written"):
                return v[-4:], "last4_written", False
            t, f = self.digit_groups([v[-4:]], style)
            return t, "last4_" + f, True
        groups = [v[:4], v[4:10], v[10:]] if len(v) == 15 else [v[i:i + 4] for i in range(0, len(v), 4)]
        if style in ("llm", "written"):
            return " ".join(groups), "written_card", False
        t, f = self.digit_groups(groups, style)
        return t, f, True

    def npi(self, v, style):
        if style in ("llm", "written") or (style == "smart" and self.r.random() < 0.4):
            return v, "written_npi", False
        groups = self.r.choice([[v[:3], v[3:6], v[6:]], [v[:5], v[5:]], [v]])
        t, f = self.digit_groups(groups, style, allow_numbers=len(groups) > 1)
        return t, "g%d_" % len(groups) + f, True

    def zip(self, v, style):
        r = self.r
        if style in ("llm", "written") or (style == "smart" and r.random() < 0.5):
            return v, "written_zip", False
        k = r.random()
        zero = r.choice(["oh", "zero"])
        if k < 0.45:
            return digits_single(v, zero, r.random() < 0.4), "zip_single_" + zero, True
        if k < 0.7:
            return group_as_number(v[:2], zero) + " " + group_as_number(v[2:], zero), "zip_2_3_numbers", True
        if k < 0.85:
            return digits_single(v[:3], zero, False) + " " + group_as_number(v[3:], zero), "zip_3_2", True
        return digits_single(v[:2], zero, False) + " " + v[2:], "zip_words_numerals", True

    def letters(self, s, style, kind=None):
        r = self.r
        kind = kind or r.choice(["plain", "plain", "upper", "nato", "asin", "hyphen", "dots"])
        if style == "asr" and kind in ("upper", "hyphen", "dots"):
            kind = "plain"
        ls = [c.lower() for c in s if c.isalpha()]
        if kind == "plain":
            return " ".join(ls), kind
        if kind == "upper":
            return " ".join(c.upper() for c in ls), kind
        if kind == "hyphen":
            return "-".join(c.upper() for c in ls), kind
        if kind == "dots":
            return " ".join(c.upper() + "." for c in ls), kind
        if kind == "nato":
            w = [NATO[c] for c in ls]
            return " ".join(x.capitalize() if style != "asr" else x for x in w), kind
        sep = r.choice([", ", " "]) if style != "asr" else " "
        return sep.join("%s as in %s" % (c if style == "asr" else c.upper(), r.choice(AS_IN[c])) for c in ls), kind

    def alnum(self, v, style, accent=False):
        """MBI / MRN / member id with letters and digits."""
        r = self.r
        if style in ("llm", "written") or (style == "smart" and r.random() < 0.3):
            if len(v) == 11 and MBI_RE.fullmatch(v) and r.random() < 0.5:
                return v[:4] + "-" + v[4:7] + "-" + v[7:], "written_dashed", False
            return v, "written_plain", False
        chunks = re.findall(r"[A-Z]+|\d+", v)
        lk = r.choice(["plain", "upper", "nato", "asin", "plain"])
        out = []
        forms = set()
        zero = r.choice(["oh", "zero", "o"])
        for c in chunks:
            if c.isalpha():
                t, k = self.letters(c, style, lk)
                forms.add(k)
                out.append(t)
            else:
                if len(c) >= 6 and r.random() < 0.5:
                    gs = [c[i:i + 3] for i in range(0, len(c), 3)]
                    t, f = self.digit_groups(gs, style, accent=accent)
                    forms.add(f.split("_")[0])
                else:
                    t = digits_single(c, zero, r.random() < 0.4)
                    forms.add("single")
                out.append(t)
        sep = r.choice([" ", ", "]) if style != "asr" else " "
        return sep.join(out), "alnum_" + "_".join(sorted(forms)), True

    def dob(self, v, style, lo=1931):
        r = self.r
        y, m, d = v
        mon = MONTHS[m - 1]
        if style in ("llm", "written"):
            f = r.choice(["mdy_slash", "month_name", "iso", "mdy_short", "month_ord"])
            if f == "mdy_slash":
                return "%02d/%02d/%d" % (m, d, y), "written_" + f, False
            if f == "month_name":
                return "%s %d, %d" % (mon.capitalize(), d, y), "written_" + f, False
            if f == "iso":
                return "%d-%02d-%02d" % (y, m, d), "written_" + f, False
            if f == "month_ord":
                return "%s %d%s, %d" % (mon.capitalize(), d, ordsfx(d), y), "written_" + f, False
            return "%d/%d/%02d" % (m, d, y % 100), "written_" + f, False
        zero = r.choice(["oh", "zero", "o"])

        def year_words(kind):
            if kind == "full":
                if y >= 2000:
                    return r.choice(["two thousand" + (" and " + group_as_number(str(y - 2000), zero) if y > 2000 else ""),
                                     "twenty " + two_words("%02d" % (y % 100), "oh")]) if y % 100 else "two thousand"
                if r.random() < 0.12:
                    return "nineteen hundred and " + group_as_number(str(y % 100), zero) if y % 100 >= 10 else \
                        "nineteen " + two_words("%02d" % (y % 100), "oh")
                return "nineteen " + two_words("%02d" % (y % 100), "oh")
            if kind == "two":
                return two_words("%02d" % (y % 100), "oh")
            return str(y)
        day_ord = ordinal_words(d)
        k = r.choice(["month_ord", "month_ord", "the_d_of_m", "num_mdy", "num_mdy_nolead", "digits8",
                      "month_card", "slash_words", "smartmix", "num_mdy"])
        yk = r.choice(["full", "full", "two"])
        if k == "month_ord":
            t = "%s %s%s%s" % (mon, day_ord, r.choice([" ", ", ", " uh "] if style != "asr" else [" ", " uh "]), year_words(yk))
        elif k == "month_card":
            t = "%s %s %s" % (mon, group_as_number(str(d), zero), year_words(yk))
        elif k == "the_d_of_m":
            t = "the %s of %s%s%s" % (day_ord, mon, ", " if style != "asr" else " ", year_words(yk))
        elif k == "num_mdy":
            t = "%s %s %s" % (two_words("%02d" % m, zero), two_words("%02d" % d, zero), year_words(yk))
        elif k == "num_mdy_nolead":
            t = "%s %s %s" % (group_as_number(str(m), zero), group_as_number(str(d), zero), year_words(yk))
        elif k == "digits8":
            t = digits_single("%02d%02d%d" % (m, d, y), zero, False)
            yk = "digits"
        elif k == "slash_words":
            t = "%s slash %s slash %s" % (two_words("%02d" % m, zero), two_words("%02d" % d, zero), year_words(yk))
        else:
            t = "%s %s, %d" % (mon, day_ord, y)
            yk = "numeral"
        if style != "asr" and k.startswith("month") or k == "smartmix":
            t = t[0].upper() + t[1:]
        if style == "smart" and r.random() < 0.3:
            return "%s %d, %d" % (mon.capitalize(), d, y), "smart_month_name", False
        return t, "%s_%s" % (k, yk), True

    def dob_parts(self, v, style):
        y, m, d = v
        mon = MONTHS[m - 1]
        a = "%s %s" % (mon if style == "asr" else mon.capitalize(), ordinal_words(d))
        b = "nineteen " + two_words("%02d" % (y % 100), "oh") if y < 2000 else "two thousand" + (" " + group_as_number(str(y % 100), "oh") if y % 100 else "")
        return a, b

    def name(self, nm, style, which="full", kind=None):
        """Plain name rendering."""
        g, s = nm
        if which == "given":
            t = g
        elif which == "sur":
            t = s
        elif which == "last_first":
            t = "%s, %s" % (s, g) if style != "asr" else "%s %s" % (s, g)
        else:
            t = "%s %s" % (g, s)
        if style == "asr":
            return t.lower(), "name_%s_lower" % which, True
        if style == "written":
            return t, "name_%s_written" % which, False
        return t, "name_%s" % which, True

    def spelled(self, word, style):
        t, k = self.letters(word, style)
        sep = ""
        return t, "spelled_" + k, True

    def email(self, e, style):
        r = self.r
        if style in ("llm", "written"):
            return email_str(e), "written_email", False
        dom, tld = e["domain"]
        loc = []
        spell = r.random() < 0.3
        for p in e["local"]:
            if p == ".":
                loc.append("dot")
            elif p == "_":
                loc.append("underscore")
            elif p == "-":
                loc.append(r.choice(["dash", "hyphen"]))
            elif p.isdigit():
                loc.append(group_as_number(p, "oh") if len(p) <= 4 and r.random() < 0.6 else digits_single(p, "oh", False))
            elif spell:
                loc.append(" ".join(p))
            else:
                loc.append(p)
        at = "at sign" if r.random() < 0.15 else "at"
        domw = {"gmail": r.choice(["gmail", "g mail"]), "aol": r.choice(["aol", "a o l"]),
                "att": "a t t", "sbcglobal": "s b c global"}.get(dom, dom)
        if " " in domw:
            domw = domw.replace("g mail", "gmail") if spell is False and r.random() < 0.5 else domw
        t = " ".join(loc)
        extra = ""
        if e["style"] == "plain" and not spell and r.random() < 0.5:
            extra = " all one word"
        t = "%s%s %s %s dot %s" % (t, extra, at, domw, tld)
        form = "email_%s%s%s" % ("spell_" if spell else "words_", e["style"], "_atsign" if at != "at" else "")
        if style == "smart" and r.random() < 0.3:
            return email_str(e), "smart_email", False
        if style != "asr" and r.random() < 0.2:
            t = "".join(e["local"]) + " at " + dom + " dot " + tld
            form = "email_half_written"
        return t, form, True

    def street(self, s, style):
        r = self.r
        n = s["num"]
        sfx_full, sfx_abbr = s["sfx"]
        if style in ("llm", "written"):
            t = "%s %s%s %s" % (n, s["dir"] + " " if s["dir"] else "", s["name"], sfx_abbr if r.random() < 0.5 else sfx_full)
            if s["unit"]:
                t += ", %s %s" % (s["unit"][0][1], s["unit"][1])
            return t, "written_street", False
        mode = r.choice(["pairs", "single", "numeral", "pairs", "hundreds"])
        zero = r.choice(["oh", "zero"])
        if mode == "pairs":
            hw = group_as_number(n, zero) if len(n) <= 4 else digits_single(n[:2], zero, False) + " " + group_as_number(n[2:], zero)
        elif mode == "hundreds" and len(n) == 3 and n[1:] != "00":
            hw = ONES[int(n[0])] + " hundred " + ("and " if r.random() < 0.4 else "") + \
                (two_words(n[1:], zero) if n[1] != "0" else ONES[int(n[2])])
            mode = "hundreds_and" if " and " in hw else "hundreds"
        elif mode == "numeral":
            hw = n
        else:
            mode = "single"
            hw = digits_single(n, zero, r.random() < 0.3)
        sfx = sfx_full
        name = s["name"]
        d = s["dir"]
        if style == "asr":
            name, sfx, d = name.lower(), sfx.lower(), d.lower()
        t = "%s %s%s %s" % (hw, d + " " if d else "", name, sfx)
        if s["unit"]:
            uw, un = s["unit"][0][0], s["unit"][1]
            num = re.match(r"\d+", un).group()
            let = un[len(num):]
            nw = group_as_number(num, zero)
            if let:
                nw += " " + (let.lower() if style == "asr" else let)
            t += (" " if style == "asr" else ", ") + uw + " " + nw
            mode += "_unit"
        return t, "house_" + mode, True


def ordinal_words(d):
    if d < 20:
        return ORD1[d]
    if d % 10 == 0:
        return ORD_TENS[d]
    return TENS[d // 10] + " " + ORD1[d % 10]


def ordsfx(d):
    return "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


# ---------------------------------------------------------------------- carriers

COMMON_GIVEN = set("""james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan
juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis mary patricia jennifer
linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily
donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn
janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
theresa diana natalie brittany charlotte marie kayla alexis lori diana martha christine sophie jane
katie tina wendy carla connie dana rosa anita leo max ben tom tim jim bob bill sam dan ann jen kate sue
liz beth meg pat chris alex mike steve dave joe ken ron don greg rick nick matt andy tony ray jeff""".split())
CARRIER_DROP_WORDS = set("""born birth birthday birthdate name names spell spelled spelling address phone
number numbers zip email mail social insurance medicare medicaid card street avenue road lane drive
mr mrs ms miss mister dr sir ma'am maam ninety hundred thousand year-old""".split())
CAP_OK = {"I", "I'm", "I'll", "I've", "I'd", "Okay", "Tylenol", "Advil", "Doctor", "English", "Covid"}
NUMW = set(ONES[1:] + TEENS + [t for t in TENS if t] + ["zero", "oh"])


def load_carriers(cdir):
    dialogues = []  # (source, id, [(role, text)])
    for f in sorted(glob.glob(os.path.join(cdir, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                ok = True
                for line in row["dialogue"].split("\n"):
                    line = line.strip()
                    m = re.match(r"(Doctor|Patient):\s*(.*)", line)
                    if m:
                        turns.append(["A" if m.group(1) == "Doctor" else "C", m.group(2)])
                    elif re.match(r"\w+:", line):
                        ok = False
                    elif line and turns:
                        turns[-1][1] += " " + line
                if ok and len(turns) >= 4:
                    dialogues.append(("mts", os.path.basename(f) + ":" + row["ID"], turns))
    for f in sorted(glob.glob(os.path.join(cdir, "aci-bench", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line.strip())
                    if m:
                        turns.append(["A" if m.group(1) == "doctor" else "C", m.group(2)])
                    elif line.strip():
                        turns.append(["X", line])
                rid = row.get("id") or row.get("encounter_id")
                dialogues.append(("aci", os.path.basename(f) + ":" + rid, turns))
    pm = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(cdir, "primock57", "*.TextGrid"))):
        m = re.search(r"(day\d+_consultation\d+)_(doctor|patient)", f)
        if not m:
            continue
        with open(f, encoding="utf-8") as fh:
            txt = fh.read()
        for xmin, text in re.findall(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
            if text.strip():
                pm[m.group(1)].append((float(xmin), "A" if m.group(2) == "doctor" else "C", text))
    for k in sorted(pm):
        turns = []
        for _, role, text in sorted(pm[k]):
            if turns and turns[-1][0] == role:
                turns[-1][1] += " " + text
            else:
                turns.append([role, text])
        dialogues.append(("primock", k, turns))
    return dialogues


def clean_turn(src, text):
    t = re.sub(r"<[^>]*>", " ", text)
    t = t.replace('""', '"')
    t = re.sub(r"\s+([,.?!])", r"\1", t)
    t = re.sub(r"\bwan na\b", "wanna", t)
    t = re.sub(r"\bgon na\b", "gonna", t)
    t = " ".join(t.split())
    if len(t) > 320:
        cut = t[:320]
        k = max(cut.rfind(". "), cut.rfind("? "))
        t = cut[:k + 1] if k > 120 else cut[:cut.rfind(" ")]
    return t


def screen(dialogues, extra_names):
    df = collections.Counter()
    for _, _, turns in dialogues:
        df.update(set(w for _, t in turns for w in re.findall(r"[a-z']+", t.lower())))
    names = COMMON_GIVEN | extra_names
    out = []
    for src, did, turns in dialogues:
        kept = []
        skip = 0
        for role, text in turns:
            t = clean_turn(src, text)
            low = t.lower()
            words = re.findall(r"[a-z']+", low)
            bad = role == "X" or not t or skip > 0
            if skip > 0:
                skip -= 1
            if re.search(r"\d", t) or "_" in t or "@" in t:
                bad = True
            if any(w in CARRIER_DROP_WORDS or w in names for w in words):
                bad = True
            if any(w in MONTHS and w != "may" for w in words) or re.search(r"\bmay (the )?\w+(th|st|nd|rd)\b", low):
                bad = True
            if any(df[w] < 6 for w in words):
                bad = True
            if re.search(r"\b(hi|hey|hello|morning|afternoon|thanks|thank you|bye)\b[ ,.]+(?!there|how|doctor|i\b|im\b|i'm|good|nice|yes|so|and|it|we|the|what|um|uh|okay|ok)\w+", low):
                bad = True
            if re.search(r"\b(doctor|nurse|dr)\b[ ,.]+(?!said|says|is|was|and|told|to|for|a|you|about|who|will|would|can|could|that|if|or|in|on|at|the|office|visit|i|he|she|again|has|had|did|wants)\w+", low):
                bad = True
            if sum(1 for w in words if w in NUMW) >= 3:
                bad = True
            if src != "aci":
                for m in re.finditer(r"[A-Z][a-z']+", t):
                    before = t[:m.start()].rstrip()
                    if before and before[-1] not in ".?!\"" and m.group() not in CAP_OK:
                        bad = True
            if re.search(r"\b(name|birth|born|old are you|age|spell)\b", low):
                skip = 3
            if t.startswith("X"):
                bad = True
            kept.append((role, None if bad else t))
        out.append((src, did, kept))
    return out


def carrier_window(rng, carriers, src_pref, k, style):
    for _ in range(60):
        src, did, turns = rng.choice(carriers[src_pref])
        if len(turns) < k + 2:
            continue
        st = rng.randint(0, len(turns) - k)
        win = turns[st:st + k]
        if all(t is not None for _, t in win) and len(win) == k:
            res = []
            for role, t in win:
                st = style.get(role, "punct") if isinstance(style, dict) else style
                if st == "asr":
                    t = asr_text(t)
                res.append((role, t, "carrier"))
            return res
    return []


def asr_text(t):
    t = t.lower()
    t = re.sub(r"[^\w\s'\u00e0-\u00ff-]", " ", t)
    t = re.sub(r"(?<!\w)-|-(?!\w)", " ", t)
    return " ".join(t.split())


# ------------------------------------------------------------------ conversation

MARK = re.compile(r"[\ue000\ue003](\d+)\ue001|\ue002")
MARKED = re.compile(r"([\ue000\ue003]\d+\ue001[^\ue002]*\ue002)")


class Ctx:
    def __init__(self):
        self.meta = []

    def v(self, text, ent, form, spoken, cue):
        self.meta.append(("S", {"entity": ent, "spoken": spoken, "cue": cue, "form": form}))
        return "\ue000%d\ue001%s\ue002" % (len(self.meta) - 1, text)

    def n(self, text, what):
        self.meta.append(("N", {"what": what}))
        return "\ue003%d\ue001%s\ue002" % (len(self.meta) - 1, text)


def finalize(ctx, text):
    out, spans, negs = [], [], []
    bpos, pos, cur = 0, 0, None
    for m in MARK.finditer(text):
        seg = text[pos:m.start()]
        out.append(seg)
        bpos += len(seg.encode("utf-8"))
        if m.group(1) is not None:
            cur = (int(m.group(1)), bpos)
        else:
            idx, st = cur
            kind, meta = ctx.meta[idx]
            if kind == "S":
                spans.append({"start": st, "end": bpos, "entity": meta["entity"], "spoken": meta["spoken"],
                              "cue": meta["cue"], "form": meta["form"]})
            else:
                negs.append({"start": st, "end": bpos, "what": meta["what"]})
            cur = None
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans, negs


def styled(text, style):
    """Template text in the turn's style; values (marked) are left alone."""
    parts = MARKED.split(text)
    res = []
    for i, p in enumerate(parts):
        if i % 2 == 1:
            res.append(p)
        elif style == "asr":
            q = p.replace("Dr. ", "doctor ").lower()
            q = re.sub(r"[^\w\s'\u00e0-\u00ff]", " ", q)
            res.append(q)
        else:
            res.append(p)
    t = "".join(res)
    t = re.sub(r"[ ]{2,}", " ", t).strip()
    if style != "asr":
        t = re.sub(r" ([,.?!])", r"\1", t)
        t = re.sub(r"((?<!\.)[.?!] (?:[\ue000\ue003]\d+\ue001)?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), t)
        # capitalise the first visible letter
        m = re.match(r"^((?:[\ue000\ue003]\d+\ue001)?)([a-z])", t)
        if m:
            k = m.end() - 1
            t = t[:k] + t[k].upper() + t[k + 1:]
    return t


ASK = {
    "PHONE": ["What's the best number to reach you?", "And a good callback number?", "Can I get a phone number for you?",
              "What number should the nurse call you back on?", "And your phone number?", "T:What's a good number for the driver to call?"],
    "DOB": ["Can I get the date of birth?", "And what's {poss} date of birth?", "Could you verify the birthdate for me?",
            "Date of birth?", "And the patient's date of birth, please?"],
    "SSN": ["What's the social security number on the account?", "I'll need the social to pull up the account."],
    "SSN4": ["Can I get the last four of the social?", "And the last four digits of {poss} social?"],
    "MRN": ["Do you have the medical record number? It's at the top of the letter.", "What's the MRN on the paperwork?",
            "Is there a medical record number on that form?"],
    "MBI": ["Can you read me the Medicare number off the red, white and blue card?", "What's the Medicare beneficiary ID?",
            "And the Medicare number, please?"],
    "CARD": ["Go ahead with the card number whenever you're ready.", "What's the card number?"],
    "CARD4": ["Which card should we use? Can you tell me the last four digits?", "What are the last four on the card?"],
    "ZIP": ["And what's the zip code there?", "What zip code are you in?", "And the zip?"],
    "STREET": ["What's the street address?", "T:And the pickup address?", "H:Where should the nurse come to?",
               "What's the address on file?", "And what's your home address?"],
    "EMAIL": ["What's a good email for the portal invite?", "And an email address?", "Where should we email the receipt?"],
    "NAME": ["Can I get {poss} first and last name?", "Who am I speaking with?", "And the patient's full name?"],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "Can I have the ID number on the front of the card?",
                  "And the member ID?"],
    "NPI": ["And the prescriber's NPI?", "What's the NPI for the ordering provider?", "Can I get your NPI?"],
}
SAME = {
    "PHONE": ["My number is {V}.", "You can reach me at {V}.", "My cell is {V}.", "Call me back at {V}.",
              "The phone number is {V}.", "Best number is {V}."],
    "DOB": ["{Poss} date of birth is {V}.", "{Subj_was} born {V}.", "Birthday is {V}.", "Date of birth, {V}."],
    "SSN": ["{Poss} social is {V}.", "Social security number is {V}."],
    "SSN4": ["Last four of {poss} social are {V}.", "The last four of the social, {V}."],
    "MRN": ["The medical record number is {V}.", "It says MRN {V}.", "The chart number on it is {V}."],
    "MBI": ["{Poss} Medicare number is {V}.", "The Medicare ID is {V}."],
    "CARD": ["The card number is {V}.", "Okay, card number {V}."],
    "CARD4": ["Use the card ending in {V}.", "It's the one that ends in {V}."],
    "ZIP": ["Zip code is {V}.", "The zip there is {V}."],
    "STREET": ["{Subj_live} at {V}.", "The address is {V}.", "T:Pick {obj} up at {V}.", "Home address is {V}."],
    "EMAIL": ["{Poss} email is {V}.", "Email address is {V}.", "You can email it to {V}."],
    "NAME": ["My name is {V}.", "This is {V}.", "Yeah, hi, my name's {V}."],
    "MEMBER_ID": ["{Poss} member ID is {V}.", "The ID on the card is {V}.", "Member number {V}."],
    "NPI": ["The NPI is {V}.", "NPI number {V}.", "My NPI is {V}."],
}
BARE = ["{V}.", "Yeah, it's {V}.", "Um, {V}.", "Sure. {V}.", "Okay, {V}.", "It's {V}.", "Let me see... {V}.", "Uh, {V}."]
BARE_OLD = ["Oh, let me get my glasses. Okay. {V}.", "Hold on, dear. {V}.", "{V}. Did you get that?"]
READBACK = ["Okay, I have {V}. Is that right?", "Let me read that back. {V}.", "So that's {V}?", "{V}, correct?",
            "Just to confirm, {V}.", "I've got {V}."]
CONFIRM = ["Yes.", "That's right.", "Yep, that's it.", "Correct.", "Mm-hmm, yes."]
REPEAT = ["Sorry, could you repeat that?", "I'm sorry, you cut out. One more time?", "Say that again for me?",
          "Sorry, I didn't catch the end of that."]
ACK = ["Okay.", "Mm-hmm.", "Go ahead.", "Got it, and the rest?", "Okay, keep going."]


class Conv:
    def __init__(self, rng, ctx, styles, rend, vals, who="self", older=False, accent=False, setting=""):
        self.r, self.ctx, self.styles, self.R, self.V = rng, ctx, styles, rend, vals
        self.setting = setting
        self.interp = False
        self.turns = []
        self.who = who
        self.older = older
        self.accent = accent
        self.given = []  # (entity, value) given in the call, for summaries

    def add(self, role, text, tag="gen"):
        if self.interp and role == "C":
            role = "P"
        st = self.styles.get(role, "punct")
        self.turns.append((role, styled(text, st), tag))

    def pick(self, lst):
        """A phrase for this setting ("T:" transport only, "H:" home health only)."""
        ok = []
        for x in lst:
            if x.startswith("T:"):
                if self.setting == "transport":
                    ok.append(x[2:])
            elif x.startswith("H:"):
                if self.setting == "home_health":
                    ok.append(x[2:])
            else:
                ok.append(x)
        return self.r.choice(ok)

    def fill(self, tmpl, V="", **kw):
        w = self.who
        d = {"poss": {"self": "your", "her": "her", "his": "his"}[w],
             "Poss": {"self": "My", "her": "Her", "his": "His"}[w],
             "Subj_was": {"self": "I was", "her": "She was", "his": "He was"}[w],
             "Subj_live": {"self": "I live", "her": "She lives", "his": "He lives"}[w],
             "obj": {"self": "me", "her": "her", "his": "him"}[w], "V": V}
        d.update(kw)
        return tmpl.format(**d)

    def ask_poss(self, tmpl):
        return tmpl.format(poss={"self": "your", "her": "her", "his": "his"}[self.who])

    # ---- rendering
    def render(self, ent, val, style, part=None):
        R = self.R
        acc = self.accent and style != "llm"
        if style == "llm":
            style = "written"
        if ent == "PHONE":
            return R.phone(val, style, acc)
        if ent in ("SSN", "SSN4"):
            return R.ssn(val, style, last4=ent == "SSN4", accent=acc)
        if ent in ("CARD", "CARD4"):
            return R.card(val, style, last4=ent == "CARD4")
        if ent == "DOB":
            return R.dob(val, style)
        if ent in ("MRN", "MBI", "MEMBER_ID"):
            return R.alnum(val, style, accent=acc)
        if ent == "NPI":
            return R.npi(val, style)
        if ent == "ZIP":
            return R.zip(val, style)
        if ent == "STREET":
            return R.street(val, style)
        if ent == "EMAIL":
            return R.email(val, style)
        if ent == "NAME":
            return R.name(val, style, "full")
        raise KeyError(ent)

    def mark(self, ent, val, style, cue, prefix="", rendered=None):
        t, f, sp = rendered or self.render(ent, val, style)
        e = {"SSN4": "SSN", "CARD4": "CARD"}.get(ent, ent)
        return self.ctx.v(t, e, prefix + f, sp, cue)

    def older_slow(self, t):
        return t

    # ---- a value exchange
    def exchange(self, ent, val, pattern, giver="C", asker="A"):
        r = self.r
        cs = self.styles[giver]
        as_ = self.styles[asker]
        self.given.append((ent, val))
        ask = lambda: self.add(asker, self.fill(self.pick(ASK[ent])))
        if ent == "NAME":
            return self.name_exchange(val, pattern, giver, asker)
        if ent == "PROVIDER":
            return self.provider_exchange(val, pattern)
        if ent == "NPI" and self.setting != "provider_line":
            return self.npi_from_agent(val)
        if pattern == "same":
            if r.random() < 0.5:
                ask()
            self.add(giver, self.fill(self.pick(SAME[ent]), self.mark(ent, val, cs, "same")))
            if r.random() < 0.4:
                self.add(asker, self.fill(r.choice(READBACK), self.mark(ent, val, as_, "prev", "readback_")))
                self.add(giver, r.choice(CONFIRM))
            return
        if pattern in ("prev_bare", "prev_readback", "prev_repeat", "selfcorr"):
            ask()
            frame = r.choice(BARE_OLD if self.older and r.random() < 0.4 else BARE)
            if pattern == "selfcorr":
                t1, f1, sp1 = self.render(ent, val, cs)
                wrong = self.mutate(ent, val)
                t0, f0, sp0 = self.render(ent, wrong, cs) if wrong is not None else ("", "", False)
                if not (sp0 and sp1):
                    pattern = "prev_bare"
            if pattern == "prev_bare":
                self.add(giver, self.fill(frame, self.mark(ent, val, cs, "prev")))
            elif pattern == "selfcorr":
                cut = t0.split()
                t0 = " ".join(cut[:max(1, len(cut) // 2)])
                txt = self.R.self_correct(t0, t1, cs)
                e = {"SSN4": "SSN", "CARD4": "CARD"}.get(ent, ent)
                self.add(giver, self.fill(frame, self.ctx.v(txt, e, "selfcorr_" + f1, sp1, "prev")))
            elif pattern != "prev_bare":
                self.add(giver, self.fill(frame, self.mark(ent, val, cs, "prev")))
            if pattern == "prev_repeat":
                self.add(asker, r.choice(REPEAT))
                self.add(giver, self.fill(r.choice(["{V}.", "Sure. {V}.", "Okay. {V}."]), self.mark(ent, val, cs, "prev", "repeat_")))
            if pattern in ("prev_readback", "prev_repeat") and r.random() < 0.8:
                self.add(asker, self.fill(r.choice(READBACK), self.mark(ent, val, as_, "prev", "readback_")))
                self.add(giver, r.choice(CONFIRM))
            return
        if pattern == "prev_misheard":
            wrong = self.mutate(ent, val)
            if wrong is None:
                return self.exchange(ent, val, "prev_readback", giver, asker)
            self.given.pop()
            ask()
            self.add(giver, self.fill(r.choice(BARE), self.mark(ent, val, cs, "prev")))
            self.add(asker, self.fill(r.choice(READBACK), self.mark(ent, wrong, as_, "prev", "misheard_readback_")))
            self.add(giver, self.fill(r.choice(["No, {V}.", "No no. {V}.", "Not quite. It's {V}.", "Uh, no. {V}."]),
                                      self.mark(ent, val, cs, "prev", "correction_")))
            self.add(asker, r.choice(["Sorry about that, I've got it now.", "Okay, thank you, fixed.", "My apologies. Updated."]))
            return
        if pattern == "prev_split":
            parts = self.split_parts(ent, val, cs)
            if parts is None:
                return self.exchange(ent, val, "prev_bare", giver, asker)
            ask()
            e = {"SSN4": "SSN", "CARD4": "CARD"}.get(ent, ent)
            (t1, f1), (t2, f2) = parts
            self.add(giver, self.fill(r.choice(["{V}...", "Yeah, {V}.", "It's {V}..."]), self.ctx.v(t1, e, "part1of2_" + f1, True, "prev")))
            self.add(asker, r.choice(ACK))
            self.add(giver, self.fill(r.choice(["{V}.", "And then {V}.", "Then {V}."]), self.ctx.v(t2, e, "part2of2_" + f2, True, "prev")))
            return
        if pattern == "none":
            frames = {"PHONE": ["Oh, and {V}, in case we get cut off.", "Oh, and {V}, you can write that down.",
                                "{V}. I'm home all day."],
                      "DOB": ["Oh, {V}, if you need it.", "And, uh, {V}, if that helps you find me."],
                      "EMAIL": ["Oh, and {V}, that's where I check everything."],
                      "MEMBER_ID": ["I've got the card right here. {V}.", "Let me just read you what's on the card. {V}."],
                      "ZIP": ["Oh, {V}, sorry, I should have said."],
                      "STREET": ["Oh, and we moved, so it's {V} now.", "Yeah so {V}, the blue house on the corner."],
                      "MRN": ["I have the letter right here, and it has {V} up at the top.", "Okay so up in the corner it's got {V}."],
                      "MBI": ["Hold on, I've got the card... {V}.", "Okay here it is. {V}."]}
            if ent not in frames:
                return self.exchange(ent, val, "same", giver, asker)
            self.add(giver, self.fill(r.choice(frames[ent]), self.mark(ent, val, cs, "none")))
            self.add(asker, r.choice(["Thank you.", "Got it, thanks.", "Okay, noted."]))
            return
        raise ValueError(pattern)

    def dr(self, nm, role, cue, which="sur"):
        st = self.styles[role]
        t, f, sp = self.R.name(nm, "written" if st == "llm" else st, which)
        return self.ctx.v(t, "NAME", "provider_" + f, sp, cue)

    def provider_exchange(self, nm, pattern):
        r = self.r
        self.given.pop()
        if pattern in ("same", "none", "selfcorr", "prev_misheard"):
            self.add("A", r.choice(["Dr. {V} wants to see you back in about two weeks.", "I'll send a message to Dr. {V} today.",
                                    "Dr. {V} reviewed everything this morning."]).format(V=self.dr(nm, "A", "same")))
            self.add("C", r.choice(["Okay, good.", "Oh, thank you.", "Alright."]))
        else:
            self.add("A", r.choice(["Who's your primary care doctor?", "And who referred you?", "Which doctor ordered it?"]))
            if r.random() < 0.5:
                self.add("C", r.choice(["{V}.", "Um, {V}, I think.", "That would be {V}."]).format(V=self.dr(nm, "C", "prev", "full")))
            else:
                self.add("C", r.choice(["Dr. {V}.", "It's Dr. {V}.", "Uh, Dr. {V} at the clinic."]).format(V=self.dr(nm, "C", "same")))
            if r.random() < 0.4:
                self.add("A", "Dr. {V}, okay.".format(V=self.dr(nm, "A", "prev")))

    def npi_from_agent(self, val):
        r = self.r
        nm = self.V.name()
        t, f, sp = self.render("NPI", val, self.styles["A"])
        if r.random() < 0.5:
            self.add("A", "The prescription on file is from Dr. {D}, NPI {V}. Is that still your doctor?".format(
                D=self.dr(nm, "A", "same"), V=self.ctx.v(t, "NPI", f, sp, "same")))
            self.add("C", r.choice(["Yes, that's my doctor.", "Yeah, that's right.", "No, I switched, but that's fine."]))
        else:
            self.add("C", "Can you tell me who ordered it?")
            self.add("A", "It was ordered by Dr. {D}. Their NPI is {V}, if your doctor's office asks.".format(
                D=self.dr(nm, "A", "same"), V=self.ctx.v(t, "NPI", f, sp, "same")))
            self.add("C", r.choice(["Okay, thank you.", "Oh, okay."]))

    def mutate(self, ent, val):
        r = self.r
        if ent in ("PHONE", "ZIP", "MRN", "MEMBER_ID", "MBI", "SSN4", "CARD4") and isinstance(val, str):
            d = val[-1]
            nd = r.choice([c for c in "123456789" if c != d])
            return val[:-1] + nd
        if ent == "SSN":
            return val[:-1] + r.choice([c for c in "123456789" if c != val[-1]])
        if ent == "DOB":
            y, m, d = val
            nd = d + 1 if d < 28 else d - 1
            return (y, m, nd)
        if ent == "STREET":
            v = dict(val)
            n = v["num"]
            v["num"] = n[:-1] + r.choice([c for c in "123456789" if c != n[-1]])
            return v
        return None

    def split_parts(self, ent, val, style):
        R = self.R
        if ent == "PHONE":
            a = R.digit_groups([val[:3]], style)
            b = R.digit_groups([val[3:6], val[6:]], style)
            return a, b
        if ent == "SSN":
            return R.digit_groups([val[:3], val[3:5]], style), R.digit_groups([val[5:]], style)
        if ent == "CARD":
            return R.digit_groups([val[:4], val[4:8]], style), R.digit_groups([val[8:12], val[12:]], style)
        if ent == "DOB":
            a, b = R.dob_parts(val, style)
            if style == "asr":
                a = a.lower()
            return (a, "month_ord"), (b, "year_full")
        if ent in ("MBI", "MEMBER_ID"):
            t1, f1, _ = R.alnum(val[:4], style)
            t2, f2, _ = R.alnum(val[4:], style)
            return (t1, f1), (t2, f2)
        return None

    def name_exchange(self, nm, pattern, giver, asker):
        r = self.r
        cs, as_ = self.styles[giver], self.styles[asker]
        R, ctx = self.R, self.ctx

        def nmv(which, style, cue, pre=""):
            t, f, sp = R.name(nm, "written" if style == "llm" else style, which)
            return ctx.v(t, "NAME", pre + f, sp, cue)
        if pattern == "same":
            fr = SAME["NAME"] if self.who == "self" else ["{Poss} name is {V}.", "The patient's name is {V}.", "It's for {V}."]
            self.add(giver, self.fill(r.choice(fr), nmv("full", cs, "same")))
        elif pattern == "none":
            self.add(giver, "Yeah hi. %s. Calling about %s." % (nmv("full", cs, "none"),
                                                               r.choice(["a referral", "my results", "the bill", "my appointment"])))
        else:
            self.add(asker, self.fill(r.choice(ASK["NAME"])))
            if r.random() < 0.3:
                t, f, sp = R.spelled(nm[1], cs)
                self.add(giver, "%s, %s." % (nmv("full", cs, "prev"), ctx.v(t, "NAME", f, sp, "prev")))
            else:
                self.add(giver, self.fill(r.choice(BARE), nmv(r.choice(["full", "full", "last_first"]), cs, "prev")))
        if pattern != "none" and r.random() < 0.35:
            self.add(asker, r.choice(["Can you spell the last name for me?", "How do you spell that?",
                                      "And the spelling of the last name?"]))
            t, f, sp = R.spelled(nm[1], cs)
            if pattern == "prev_split" and len(nm[1]) >= 5:
                k = len(nm[1]) // 2
                t1, f1, _ = R.spelled(nm[1][:k], cs)
                t2, f2, _ = R.spelled(nm[1][k:], cs)
                self.add(giver, "%s..." % ctx.v(t1, "NAME", "part1of2_" + f1, True, "prev"))
                self.add(asker, r.choice(ACK))
                self.add(giver, "%s." % ctx.v(t2, "NAME", "part2of2_" + f2, True, "prev"))
            else:
                self.add(giver, r.choice(["{V}.", "Sure, {V}.", "It's {V}."]).format(V=ctx.v(t, "NAME", f, sp, "prev")))
        if r.random() < 0.25:
            self.add(asker, r.choice(["Thank you, {V}.", "Okay, {V}, thanks.", "Got it. Thanks, {V}."]).format(
                V=nmv(r.choice(["given", "full"]), as_, "prev", "readback_")))


# --------------------------------------------------------------------- negatives
# (role, template with {N}, [(value, asr_ok)], what); role A = agent/clinician side, C = caller side.

NEG = {
    "dose": [("C", "I take {med} {N}, once a day.", None), ("A", "Are you still on the {med} {N}?", None),
             ("C", "They bumped my {med} up to {N} last month.", None)],
    "blood_pressure": [("A", "Your blood pressure today was {N}.", ["one thirty eight over eighty six", "one twenty two over seventy eight",
                                                                     "a hundred and forty over ninety", "142/88", "118 over 76"]),
                       ("C", "My pressure this morning was {N}.", ["one fifty over ninety five", "one thirty over eighty", "one sixty two over ninety"])],
    "time": [("A", "We have an opening at {N}.", ["two forty five", "ten thirty in the morning", "3:15 PM", "eight a m", "quarter past nine"]),
             ("A", "Please plan to be ready by {N}.", ["seven fifteen", "six thirty a m", "11:45 AM", "noon"])],
    "duration": [("C", "It's been going on for about {N}.", ["three weeks", "six months", "two and a half years", "forty five minutes", "ten days"]),
                 ("A", "The visit usually takes about {N}.", ["an hour and a half", "twenty minutes", "forty five minutes"])],
    "money": [("A", "Your copay for that would be {N}.", ["forty five dollars", "$35", "a hundred and twenty dollars", "$286.40",
                                                          "two hundred eighty six dollars and forty cents", "fifteen bucks"]),
              ("A", "The remaining balance is {N}.", ["three hundred twelve dollars", "$1,150.00", "eighty dollars and fifty cents"])],
    "room_number": [("A", "When you get here, go to room {N}.", ["four twelve", "two oh six", "B fourteen", "318"]),
                    ("A", "She's up in room {N} on the third floor.", ["three twenty two", "three oh five"])],
    "count": [("C", "I've only got {N} pills left.", ["three", "about ten", "maybe four", "twelve"]),
              ("A", "That's {N} refills remaining on that one.", ["two", "three", "five"])],
    "age": [("C", "{Subj_is} {N} now.", ["seventy eight", "eighty four", "sixty six", "eighty nine", "seventy"]),
            ("C", "I'm {N}, so I don't move so fast anymore.", ["eighty one", "seventy two", "eighty seven"])],
    "appointment_date": [("A", "I can get you in on {N}.", ["Tuesday the fourteenth", "next Monday", "Thursday the ninth at ten", "the twenty second"]),
                         ("A", "Your follow-up is scheduled for {N}.", ["Friday the third", "Wednesday the eleventh", "next Thursday"])],
    "confirmation_number": [("A", "Your confirmation number is {N}.", ["seven four two nine one", "K as in king four four eight", "three three one eight", "RX four seven seven"])],
    "order_number": [("A", "The order number for those supplies is {N}.", ["five one eight two", "double two seven", "six oh four one"])],
    "menu_option": [("A", "For the pharmacy, {N}. For billing, {N2}.", ["press two", "press three", "press one"])],
    "emergency_number": [("A", "If you ever feel unsafe or have thoughts of hurting yourself, call {N} or {N2} right away.", ["nine eight eight", "nine one one"])],
    "lab_value": [("A", "Your A1C came back at {N}.", ["seven point two", "six point eight", "8.1", "five point nine"]),
                  ("A", "Your potassium was {N}, which is normal.", ["four point one", "three point eight", "4.4"]),
                  ("A", "Your LDL was {N}.", ["one thirty two", "ninety eight", "one forty"])],
    "weight": [("C", "I'm about {N} right now.", ["one sixty five pounds", "two hundred and ten pounds", "one forty two", "185 lbs"]),
               ("A", "You were {N} at the last visit.", ["one ninety two", "one fifty eight pounds"])],
    "height": [("C", "And I'm {N}.", ["five foot six", "five eleven", "six foot two", "five three"])],
}
NEG_BY_SETTING = {
    "behavioral_intake": ["duration", "emergency_number", "dose", "appointment_date", "age", "count", "money"],
    "home_health": ["blood_pressure", "dose", "weight", "count", "time", "age", "duration", "lab_value"],
    "dental": ["money", "appointment_date", "time", "duration", "room_number", "confirmation_number", "age"],
    "lab_callback": ["lab_value", "time", "appointment_date", "dose", "duration", "menu_option"],
    "imaging_callback": ["time", "appointment_date", "room_number", "duration", "weight", "height", "confirmation_number"],
    "telehealth": ["blood_pressure", "dose", "weight", "height", "duration", "lab_value", "age"],
    "pbm": ["dose", "money", "count", "order_number", "menu_option", "duration", "confirmation_number"],
    "hospital_billing": ["money", "confirmation_number", "appointment_date", "menu_option", "room_number", "duration"],
    "transport": ["time", "appointment_date", "confirmation_number", "count", "age", "room_number", "weight"],
    "provider_line": ["dose", "count", "confirmation_number", "duration", "menu_option", "lab_value"],
    "medicare_line": ["money", "age", "menu_option", "confirmation_number", "appointment_date", "count"],
}


def neg_exchange(conv, what):
    r = conv.r
    role, tmpl, vals = r.choice(NEG[what])
    st = conv.styles[role]
    if what == "dose":
        med, doses = r.choice(MEDS)
        vals = doses
    else:
        med = ""
    asr_vals = [v for v in vals if not re.search(r"[0-9$/]", v)]
    v = r.choice(asr_vals if st == "asr" else vals)
    if st == "asr":
        v = v.lower()
    n2 = None
    kw = {"med": med}
    if "{N2}" in tmpl:
        other = [x for x in vals if x != v] or vals
        n2 = r.choice(other)
        kw["N2"] = conv.ctx.n(n2.lower() if st == "asr" else n2, what)
    if what == "age" and "{Subj_is}" in tmpl:
        kw["Subj_is"] = {"self": "I'm", "her": "She's", "his": "He's"}[conv.who]
    kw["N"] = conv.ctx.n(v, what)
    text = tmpl.format(**kw)
    if st == "asr" and re.search(r"[0-9]", text.replace(kw["N"], "")):
        pass
    conv.add(role, text)
    if text.endswith("?"):
        conv.add("C" if role == "A" else "A", r.choice(["Yes.", "Yeah, still the same.", "Mm-hmm, yes."]))
    elif role == "A":
        conv.add("C", r.choice(["Okay.", "Okay, that works.", "Mm-hmm.", "Alright, thank you.", "Oh, okay."]))
    else:
        conv.add("A", r.choice(["Okay.", "Got it.", "Mm-hmm, okay.", "Alright."]))


# ---------------------------------------------------------------------- settings

SETTINGS = {
    "behavioral_intake": {
        "labels": [("Intake:", "Caller:"), ("Counselor:", "Client:"), ("[intake]", "[caller]"), ("Agent:", "Caller:")],
        "ents": ["NAME", "DOB", "PHONE", "MEMBER_ID", "ZIP", "EMAIL", "STREET", "SSN4", "PROVIDER"],
        "open": ["Thank you for calling the behavioral health access line, this is {AG}. How can I help you today?",
                 "Behavioral health intake, my name is {AG}. Are you calling for yourself or someone else?"],
        "reason": ["I need to get set up with a therapist. My anxiety has been really bad.",
                   "My primary doctor said I should call about counseling.",
                   "I'm calling to get my son on the list for an evaluation.",
                   "I was discharged from the hospital and they said to call for outpatient follow-up."],
        "carrier": 4},
    "home_health": {
        "labels": [("[nurse]", "[patient]"), ("Nurse:", "Patient:"), ("RN:", "Patient:")],
        "ents": ["DOB", "MRN", "PHONE", "STREET", "NAME", "MBI", "ZIP", "PROVIDER"],
        "open": ["Hi, it's {AG} from the home health agency, I'm here for your visit today.",
                 "Good morning, this is {AG}, your visiting nurse. Before we start I just need to verify a few things."],
        "reason": ["Come on in. My legs have been swelling again.", "Oh good, I was expecting you. The wound is looking better I think."],
        "carrier": 8},
    "dental": {
        "labels": [("Front Desk:", "Patient:"), ("Receptionist:", "Caller:"), ("Agent:", "Caller:")],
        "ents": ["NAME", "DOB", "MEMBER_ID", "PHONE", "CARD4", "CARD", "EMAIL", "ZIP", "PROVIDER"],
        "open": ["Thank you for calling Bright Smiles Dental, this is {AG}, how can I help you?",
                 "Dental office, {AG} speaking."],
        "reason": ["I have a cracked molar and I need to get in soon.", "I need to schedule a cleaning and pay my last bill.",
                   "I'm calling about a crown, the estimate you sent me."],
        "carrier": 2},
    "lab_callback": {
        "labels": [("Lab:", "Patient:"), ("Agent:", "Caller:"), ("Nurse:", "Patient:")],
        "ents": ["NAME", "DOB", "MRN", "PHONE", "EMAIL", "PROVIDER"],
        "open": ["Hi, this is {AG} calling from the lab with your results. Can you verify your identity for me first?",
                 "Lab results line, this is {AG}."],
        "reason": ["Yes, I was waiting on my blood work.", "Hi, I had labs drawn Monday and nobody called me back."],
        "carrier": 5},
    "imaging_callback": {
        "labels": [("Scheduler:", "Patient:"), ("Agent:", "Caller:"), ("Radiology:", "Patient:")],
        "ents": ["NAME", "DOB", "MRN", "PHONE", "NPI", "MEMBER_ID", "PROVIDER"],
        "open": ["Radiology scheduling, this is {AG}. Are you calling to schedule an MRI or CT?",
                 "Hi, this is {AG} with imaging, I'm calling to set up the scan your doctor ordered."],
        "reason": ["My doctor ordered an MRI of my knee.", "I need to schedule the CT they ordered, the one with contrast."],
        "carrier": 3},
    "telehealth": {
        "labels": [("Doctor:", "Patient:"), ("[doctor]", "[patient]"), ("Provider:", "Patient:"), ("Speaker 0:", "Speaker 1:")],
        "ents": ["NAME", "DOB", "PHONE", "EMAIL", "STREET", "ZIP", "PROVIDER"],
        "open": ["Hi, can you hear me okay? This is {AG}, I'll be doing your video visit today.",
                 "Hello, this is {AG}. Before we start the telehealth visit, I need to confirm a couple of things."],
        "reason": ["Yes, I can hear you. I've had this cough for a while.", "Hi, yeah. I'm following up on my blood pressure."],
        "carrier": 10},
    "pbm": {
        "labels": [("Rep:", "Member:"), ("Agent:", "Caller:"), ("spk_0:", "spk_1:")],
        "ents": ["MEMBER_ID", "DOB", "NAME", "ZIP", "CARD", "CARD4", "NPI", "PHONE", "STREET"],
        "open": ["Thank you for calling pharmacy benefits, my name is {AG}. Can I start with the member ID?",
                 "Pharmacy benefit services, this is {AG}."],
        "reason": ["My mail order refill never showed up.", "They said my prescription needs a prior authorization.",
                   "I want to know why my copay went up."],
        "carrier": 2},
    "hospital_billing": {
        "labels": [("Agent:", "Caller:"), ("Billing:", "Caller:"), ("Rep:", "Customer:")],
        "ents": ["NAME", "DOB", "SSN", "SSN4", "CARD", "CARD4", "STREET", "ZIP", "MRN", "PHONE", "EMAIL"],
        "open": ["Patient financial services, this is {AG}. How can I help?",
                 "Thank you for calling the hospital billing office, {AG} speaking."],
        "reason": ["I got a bill from my ER visit and I think insurance should have covered it.",
                   "I want to set up a payment plan.", "I'm calling about my mother's hospital bill."],
        "carrier": 2},
    "transport": {
        "labels": [("Dispatcher:", "Caller:"), ("Agent:", "Caller:"), ("Scheduler:", "Member:")],
        "ents": ["NAME", "STREET", "PHONE", "MBI", "DOB", "MEMBER_ID", "ZIP"],
        "open": ["Medical transportation, this is {AG}. Are you scheduling a ride?",
                 "Thank you for calling non-emergency transport, my name is {AG}."],
        "reason": ["I need a ride to dialysis next week.", "I'm scheduling a wheelchair van for my father's appointment.",
                   "I need to book a ride to the cancer center."],
        "carrier": 2},
    "provider_line": {
        "labels": [("Rep:", "Caller:"), ("Agent:", "Office:"), ("Payer:", "Provider:")],
        "ents": ["NPI", "MEMBER_ID", "NAME", "DOB", "ZIP", "PHONE"],
        "open": ["Provider services, this is {AG}. Are you calling about eligibility or a prior authorization?",
                 "Utilization management, {AG} speaking."],
        "reason": ["I'm calling from a doctor's office about a prior auth for a patient.",
                   "We need to check eligibility for a patient before a procedure."],
        "carrier": 2},
    "medicare_line": {
        "labels": [("Agent:", "Caller:"), ("Rep:", "Member:"), ("Advisor:", "Caller:")],
        "ents": ["MBI", "SSN4", "DOB", "NAME", "ZIP", "STREET", "PHONE"],
        "open": ["Medicare Advantage member services, this is {AG}.", "Thank you for calling, this is {AG}. Who am I speaking with?"],
        "reason": ["I got a letter that my plan is changing.", "I need a new card, I lost mine.",
                   "My husband passed and I need to update the account."],
        "carrier": 2},
}
WEIGHTS = {"behavioral_intake": 12, "home_health": 11, "dental": 9, "lab_callback": 9, "imaging_callback": 8,
           "telehealth": 11, "pbm": 9, "hospital_billing": 9, "transport": 8, "provider_line": 6, "medicare_line": 8}


# ------------------------------------------------------------------------ records

PATTERNS = [("same", 30), ("prev_bare", 20), ("prev_readback", 12), ("prev_misheard", 7), ("prev_split", 8),
            ("prev_repeat", 6), ("selfcorr", 7), ("none", 15)]
SPANISH_Q = {"PHONE": "¿Cuál es su número de teléfono?", "ZIP": "¿Y su código postal?",
             "SSN4": "¿Los últimos cuatro números de su seguro social?", "MEMBER_ID": "¿Me da el número de miembro de la tarjeta?"}
CLOSINGS = [("A", "Is there anything else I can help you with today?"), ("C", "No, that's everything. Thank you."),
            ("A", "You're welcome. Take care.")]


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def new_value(V, ent, medicare=False):
    if ent == "PHONE":
        return V.phone()
    if ent in ("SSN", "SSN4"):
        return V.ssn()
    if ent in ("CARD", "CARD4"):
        return V.card()
    if ent == "DOB":
        return V.dob(1932, 1959) if medicare else V.dob()
    if ent == "MRN":
        return V.mrn()
    if ent == "MBI":
        return V.mbi()
    if ent == "MEMBER_ID":
        return V.member_id()
    if ent == "NPI":
        return V.npi()
    if ent == "ZIP":
        return V.zip()
    if ent == "STREET":
        return V.street()
    if ent in ("NAME", "PROVIDER"):
        return V.name()
    if ent == "EMAIL":
        return V.email(V.name())
    raise KeyError(ent)


def build_conv(rng, carriers, setting, family, json_mode=False):
    S = SETTINGS[setting]
    ctx = Ctx()
    R = Render(rng)
    V = Values(rng)
    interp = (not json_mode) and family in ("punct", "asr") and rng.random() < 0.25 and setting in (
        "home_health", "telehealth", "lab_callback", "behavioral_intake", "imaging_callback", "dental")
    if family == "asr":
        styles = {"A": "asr", "C": "asr"}
    elif family == "punct":
        styles = {"A": "punct", "C": "punct"}
    elif family == "smart":
        styles = {"A": "smart", "C": "smart"}
    else:  # voice agent: LLM bot + STT caller
        styles = {"A": "llm", "C": rng.choice(["asr", "punct", "smart"])}
    who = "self"
    if setting == "provider_line" or rng.random() < 0.3:
        who = rng.choice(["her", "his"])
    older = rng.random() < 0.2
    accent = rng.random() < 0.18
    if interp:
        who = "self"  # professional interpreters speak in the first person
    conv = Conv(rng, ctx, styles, R, V, who=who, older=older, accent=accent, setting=setting)
    if interp:
        styles["I"] = styles["A"]
        styles["P"] = styles["C"]
        conv.interp = True
    medicare = setting in ("medicare_line", "transport")
    # plan values
    k = rng.choice([2, 3, 3, 4, 4, 5])
    ents = list(S["ents"])
    rng.shuffle(ents)
    plan = []
    if rng.random() < 0.25:
        plan.append(("AGENT", V.name()))
    if who != "self" and setting != "provider_line" and rng.random() < 0.6:
        plan.append(("CALLER", V.name()))
    if "NAME" in ents and rng.random() < 0.85:
        ents.remove("NAME")
        ents.insert(0, "NAME")
    if "PROVIDER" in ents and rng.random() < 0.5:
        ents.remove("PROVIDER")
    for e in ents:
        if len(plan) >= k:
            break
        if e in ("CARD", "CARD4") and any(p[0] in ("CARD", "CARD4") for p in plan):
            continue
        if e in ("SSN", "SSN4") and any(p[0] in ("SSN", "SSN4") for p in plan):
            continue
        plan.append((e, new_value(V, e, medicare)))
    if len(plan) < 2:
        plan.append(("PHONE", V.phone()))
    nm = [v for e, v in plan if e == "NAME"]
    if nm and rng.random() < 0.7:
        plan = [(e, V.email(nm[0]) if e == "EMAIL" else v) for e, v in plan]
    # opening
    ag = [p for p in plan if p[0] == "AGENT"]
    op = rng.choice(S["open"])
    if ag:
        t, f, sp = R.name(ag[0][1], "written" if styles["A"] == "llm" else styles["A"], rng.choice(["given", "given", "full"]))
        if styles["A"] == "llm":
            sp = False
        conv.add("A", op.format(AG=ctx.v(t, "NAME", "agent_" + f, sp, "same")))
    else:
        conv.add("A", NOAG.get(op, op.replace("{AG}", "the front desk")))
    caller = [p for p in plan if p[0] == "CALLER"]
    rest = [p for p in plan if p[0] not in ("AGENT", "CALLER")]
    if caller:
        rel = {"her": rng.choice(["mother", "wife", "daughter", "aunt"]), "his": rng.choice(["father", "husband", "son", "grandfather"])}[who]
        t, f, sp = R.name(caller[0][1], styles["C"] if styles["C"] != "llm" else "written", "full")
        pname = [p for p in rest if p[0] == "NAME"]
        if pname and rng.random() < 0.6:
            rest.remove(pname[0])
            t2, f2, sp2 = R.name(pname[0][1], styles["C"], rng.choice(["full", "given"]))
            conv.add("C", "Hi, my name is %s, I'm calling for my %s, %s. %s" % (
                ctx.v(t, "NAME", "caller_" + f, sp, "same"), rel, ctx.v(t2, "NAME", "relative_" + f2, sp2, "same"),
                rng.choice(S["reason"])))
            conv.given.append(("NAME", pname[0][1]))
        else:
            conv.add("C", "Hi, this is %s. I'm calling on behalf of my %s. %s" % (
                ctx.v(t, "NAME", "caller_" + f, sp, "same"), rel, rng.choice(S["reason"])))
        conv.given.append(("CALLER", caller[0][1]))
    else:
        first = rest[0] if rest else None
        if first and first[0] == "NAME" and rng.random() < 0.25 and who == "self":
            conv.name_exchange(first[1], "none", "C", "A")
            conv.given.append(("NAME", first[1]))
            rest = rest[1:]
        else:
            conv.add("C", rng.choice(S["reason"]))
    if older:
        conv.add("C", rng.choice(["You'll have to speak up, dear, my hearing isn't what it used to be.",
                                  "Now go slow with me, I'm not so quick with these things anymore."]))
        conv.add("A", rng.choice(["Of course. Take your time.", "No problem at all, we'll go slow."]))
    # value exchanges, carrier window and negatives interleaved
    negs = list(NEG_BY_SETTING[setting])
    rng.shuffle(negs)
    negs = negs[:rng.choice([1, 2, 2, 3, 4])]
    blocks = [("val", p) for p in rest] + [("neg", n) for n in negs]
    head = blocks[:2] if rest else []
    tail = blocks[len(head):]
    rng.shuffle(tail)
    ncar = max(2, S["carrier"] + rng.randint(-2, 3))
    pref = {"asr": "aci", "punct": rng.choice(["mts", "primock"]), "smart": rng.choice(["mts", "primock"])}.get(
        styles["C"], "mts")
    if styles["A"] == "llm" and pref == "aci":
        pref = rng.choice(["mts", "primock"])
    cstyle = {"A": "asr" if styles["A"] == "asr" else "punct", "C": "asr" if styles["C"] == "asr" else "punct"}
    win = carrier_window(rng, carriers, pref, ncar, cstyle)
    order = head + [("carrier", win)] + tail if not json_mode or rng.random() < 0.6 else head + tail
    for kind, item in order:
        if kind == "val":
            ent, val = item
            pat = wchoice(rng, PATTERNS)
            if ent == "NAME" and pat == "none":
                pat = "prev_bare"
            if interp and ent in SPANISH_Q and (ent != "MEMBER_ID" or val.isdigit()):
                interp_exchange(conv, ent, val)
            elif interp and ent in SPANISH_Q2:
                interp_exchange2(conv, ent, val)
            elif interp:
                conv.exchange(ent, val, pat if pat != "none" else "same", giver="I", asker="A")
            else:
                giver, asker = "C", "A"
                if ent == "NPI" and setting not in ("provider_line", "pbm"):
                    # the clinician dictates or an office reads it; giver is the caller side anyway
                    pass
                conv.exchange(ent, val, pat, giver=giver, asker=asker)
        elif kind == "neg":
            neg_exchange(conv, item)
        else:
            for role, t, tag in item:
                conv.turns.append((role if not interp else {"A": "A", "C": "P"}[role], t, "carrier"))
    for role, t in CLOSINGS[:rng.choice([1, 2, 3])]:
        conv.add(role, t)
    fixed = []
    for turn in conv.turns:
        if fixed and fixed[-1][0] == turn[0] and not (fixed[-1][2] == "carrier" and turn[2] == "carrier"):
            other = {"A": "C", "C": "A", "I": "P", "P": "I"}[turn[0]]
            bc = rng.choice(["Okay.", "Got it.", "I see."] if conv.styles.get(other) == "llm" else
                            ["Mm-hmm.", "Okay.", "Uh-huh.", "Yeah.", "Right."])
            fixed.append((other, styled(bc, conv.styles.get(other, "punct")), "gen"))
        fixed.append(turn)
    conv.turns = fixed
    # turn bounds
    while len(conv.turns) > 40 and any(tg == "carrier" for _, _, tg in conv.turns):
        i = max(i for i, (_, _, tg) in enumerate(conv.turns) if tg == "carrier")
        del conv.turns[i]
    tries = 0
    while len(conv.turns) < 8 and tries < 5:
        tries += 1
        more = carrier_window(rng, carriers, pref, 8 - len(conv.turns) + 1, cstyle)
        conv.turns[-1:-1] = [(r2 if not interp else {"A": "A", "C": "P"}[r2], t, "carrier") for r2, t, _ in more]
    return conv, interp


NOAG = {
    "Thank you for calling the behavioral health access line, this is {AG}. How can I help you today?":
        "Thank you for calling the behavioral health access line. How can I help you today?",
    "Behavioral health intake, my name is {AG}. Are you calling for yourself or someone else?":
        "Behavioral health intake. Are you calling for yourself or someone else?",
    "Hi, it's {AG} from the home health agency, I'm here for your visit today.":
        "Hi, it's the nurse from the home health agency, I'm here for your visit today.",
    "Good morning, this is {AG}, your visiting nurse. Before we start I just need to verify a few things.":
        "Good morning, I'm your visiting nurse today. Before we start I just need to verify a few things.",
    "Thank you for calling Bright Smiles Dental, this is {AG}, how can I help you?":
        "Thank you for calling Bright Smiles Dental, how can I help you?",
    "Dental office, {AG} speaking.": "Dental office, how can I help you?",
    "Hi, this is {AG} calling from the lab with your results. Can you verify your identity for me first?":
        "Hi, I'm calling from the lab with your results. Can you verify your identity for me first?",
    "Lab results line, this is {AG}.": "Lab results line, how can I help?",
    "Radiology scheduling, this is {AG}. Are you calling to schedule an MRI or CT?":
        "Radiology scheduling. Are you calling to schedule an MRI or CT?",
    "Hi, this is {AG} with imaging, I'm calling to set up the scan your doctor ordered.":
        "Hi, I'm calling from imaging to set up the scan your doctor ordered.",
    "Hi, can you hear me okay? This is {AG}, I'll be doing your video visit today.":
        "Hi, can you hear me okay? I'll be doing your video visit today.",
    "Hello, this is {AG}. Before we start the telehealth visit, I need to confirm a couple of things.":
        "Hello. Before we start the telehealth visit, I need to confirm a couple of things.",
    "Thank you for calling pharmacy benefits, my name is {AG}. Can I start with the member ID?":
        "Thank you for calling pharmacy benefits. How can I help you today?",
    "Pharmacy benefit services, this is {AG}.": "Pharmacy benefit services, how can I help?",
    "Patient financial services, this is {AG}. How can I help?": "Patient financial services. How can I help?",
    "Thank you for calling the hospital billing office, {AG} speaking.": "Thank you for calling the hospital billing office.",
    "Medical transportation, this is {AG}. Are you scheduling a ride?": "Medical transportation. Are you scheduling a ride?",
    "Thank you for calling non-emergency transport, my name is {AG}.": "Thank you for calling non-emergency transport.",
    "Provider services, this is {AG}. Are you calling about eligibility or a prior authorization?":
        "Provider services. Are you calling about eligibility or a prior authorization?",
    "Utilization management, {AG} speaking.": "Utilization management, how can I help?",
    "Medicare Advantage member services, this is {AG}.": "Medicare Advantage member services, how can I help you?",
    "Thank you for calling, this is {AG}. Who am I speaking with?": "Thank you for calling. Who am I speaking with?",
}


def interp_exchange(conv, ent, val):
    r = conv.r
    ctx = conv.ctx
    conv.add("A", conv.fill(r.choice(ASK[ent])))
    conv.add("I", SPANISH_Q[ent])
    digits = val[5:] if ent == "SSN4" else val
    sp = " ".join(SPANISH[int(c)] for c in digits)
    e = {"SSN4": "SSN"}.get(ent, ent)
    form = ("last4_" if ent == "SSN4" else "") + "spanish_digits"
    conv.add("P", "%s." % ctx.v(sp[0].upper() + sp[1:] if conv.styles["P"] != "asr" else sp, e, form, True, "prev"))
    conv.given.append((ent, val))
    conv.add("I", conv.fill(r.choice(SAME[ent]), conv.mark(ent, val, conv.styles["I"], "same", "interpreter_")))


SPANISH_Q2 = {"NAME": "¿Cuál es su nombre completo?", "DOB": "¿Cuál es su fecha de nacimiento?",
              "STREET": "¿Y su dirección?", "EMAIL": "¿Tiene un correo electrónico?",
              "MRN": "¿Tiene el número de expediente? Está arriba en la carta.",
              "MBI": "¿Me puede leer el número de la tarjeta de Medicare?", "MEMBER_ID": "¿El número de miembro de la tarjeta?"}


def interp_exchange2(conv, ent, val):
    """Interpreter relays: the patient answers (values in English words), the interpreter repeats in the first person."""
    r = conv.r
    ctx = conv.ctx
    conv.add("A", conv.fill(conv.pick(ASK[ent])))
    conv.add("I", SPANISH_Q2[ent])
    conv.given.append((ent, val))
    if ent == "NAME":
        t, f, sp = conv.R.name(val, conv.styles["P"], "full")
        conv.add("P", "%s." % ctx.v(t, "NAME", f, sp, "prev"))
        t2, f2, sp2 = conv.R.name(val, conv.styles["I"], "full")
        conv.add("I", "My name is %s." % ctx.v(t2, "NAME", "interpreter_" + f2, sp2, "same"))
        return
    conv.add("P", r.choice(["{V}.", "Sí. {V}.", "Eh, {V}."]).format(V=conv.mark(ent, val, conv.styles["P"], "prev")))
    conv.add("I", conv.fill(conv.pick(SAME[ent]), conv.mark(ent, val, conv.styles["I"], "same", "interpreter_")))


def summary_text(conv, setting):
    """An LLM-written post-call summary with written values."""
    r = conv.r
    ctx = conv.ctx
    bits = []
    name = [v for e, v in conv.given if e == "NAME"]
    callern = [v for e, v in conv.given if e == "CALLER"]
    w = lambda ent, val: conv.mark(ent, val, "written", "same", "summary_")
    subj = "The caller"
    if callern:
        subj = "Caller %s" % ctx.v("%s %s" % callern[0], "NAME", "summary_name_full_written", False, "same")
        if name:
            subj += " called on behalf of patient %s" % ctx.v("%s %s" % name[0], "NAME", "summary_name_full_written", False, "same")
    elif name:
        subj = "Patient %s" % ctx.v("%s %s" % name[0], "NAME", "summary_name_full_written", False, "same")
    what = {"behavioral_intake": "requested an outpatient therapy intake", "home_health": "was seen for a home health visit",
            "dental": "called the dental office about treatment and billing", "lab_callback": "received a lab results callback",
            "imaging_callback": "scheduled an imaging study", "telehealth": "completed a telehealth check-in",
            "pbm": "called pharmacy benefits about a prescription", "hospital_billing": "called about a hospital bill",
            "transport": "booked non-emergency medical transportation", "provider_line": "called about a prior authorization",
            "medicare_line": "called Medicare Advantage member services"}[setting]
    bits.append("%s %s." % (subj, what))
    lab = {"DOB": "DOB", "PHONE": "Callback number", "MRN": "MRN", "MBI": "MBI", "MEMBER_ID": "Member ID",
           "NPI": "Prescriber NPI", "ZIP": "ZIP", "STREET": "Address", "EMAIL": "Email", "SSN4": "SSN last four",
           "CARD4": "Card ending", "SSN": "SSN", "CARD": "Card"}
    facts = []
    seen = set()
    for ent, val in conv.given:
        if ent in lab and ent not in seen and ent not in ("CARD", "SSN") and r.random() < 0.75:
            seen.add(ent)
            facts.append("%s: %s" % (lab[ent], w(ent, val)))
    if facts:
        bits.append(" ".join(f + "." for f in facts) if r.random() < 0.5 else "Verified " + "; ".join(facts) + ".")
    bits.append(r.choice(["Follow-up scheduled.", "No further action needed.", "Escalated to a nurse for review.",
                          "Caller was satisfied with the resolution."]))
    return " ".join(bits)


# ---------------------------------------------------------------------- assembly

VOICE_LABELS = [("AI:", "User:"), ("assistant:", "user:"), ("Agent:", "Customer:"), ("Bot:", "Caller:")]
INTERP_LABELS = [("Doctor:", "Interpreter:", "Patient:"), ("[doctor]", "[interpreter]", "[patient]"),
                 ("Nurse:", "Interpreter:", "Patient:")]


def hms(t):
    t = int(t)
    return "%02d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60)


def make_transcript(rng, carriers, idx):
    setting = wchoice(rng, list(WEIGHTS.items()))
    family = wchoice(rng, [("asr", 35), ("punct", 25), ("smart", 20), ("voice", 20)])
    conv, interp = build_conv(rng, carriers, setting, family)
    if interp:
        a, p = rng.choice(SETTINGS[setting]["labels"])
        i = "[interpreter]" if a.startswith("[") else "Interpreter:"
        labels = {"A": a, "I": i, "P": p, "C": p}
    elif family == "voice":
        a, c = rng.choice(VOICE_LABELS)
        labels = {"A": a, "C": c}
    else:
        a, c = rng.choice(SETTINGS[setting]["labels"])
        labels = {"A": a, "C": c}
    stamps = rng.random() < 0.3
    t = rng.uniform(0, 4)
    lines = []
    for role, text, _ in conv.turns:
        pre = "[%s] " % hms(t) if stamps else ""
        lines.append("%s%s %s" % (pre, labels[role], text))
        t += rng.uniform(2, 14)
    raw = "\n".join(lines)
    text, spans, negs = finalize(conv.ctx, raw)
    kind = "%s_%s" % (setting, {"asr": "asr_lower", "punct": "punctuated", "smart": "smart_formatted",
                                "voice": "voice_agent"}[family] + ("_interpreter" if interp else ""))
    return {"id": "h3-%05d" % idx, "format": "transcript", "kind": kind, "text": text, "spans": spans,
            "negatives": negs}


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    return "%s-%s-4%s-%s%s-%s" % (hexid(rng, 8), hexid(rng, 4), hexid(rng, 3), rng.choice("89ab"), hexid(rng, 3), hexid(rng, 12))


def iso(rng, base, off):
    dt = base + datetime.timedelta(seconds=off)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randint(0, 999)


def make_json(rng, carriers, idx):
    profile = wchoice(rng, [("vapi", 30), ("retell", 25), ("signalwire", 15), ("deepgram", 15), ("transcribe", 15)])
    setting = wchoice(rng, [(s, w) for s, w in WEIGHTS.items() if s not in ("home_health", "telehealth")])
    family = "voice" if profile in ("vapi", "retell", "signalwire") else "smart"
    conv, _ = build_conv(rng, carriers, setting, family, json_mode=True)
    turns = [(role, text) for role, text, _ in conv.turns]
    base = datetime.datetime(2026, 1, 5, 8, 0, 0) + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 300))
    times = []
    t = rng.uniform(0.3, 2.0)
    for role, text in turns:
        d = max(1.0, len(text) / rng.uniform(13, 18))
        times.append((round(t, 3), round(t + d, 3)))
        t += d + rng.uniform(0.3, 1.6)
    total = round(t + 1.0, 2)
    with_summary = profile in ("vapi", "signalwire") or (profile == "retell" and rng.random() < 0.8) or \
        (profile == "deepgram" and rng.random() < 0.5)
    summary = summary_text(conv, setting) if with_summary else None
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are a friendly scheduling assistant for a healthcare organization. Verify identity before discussing details.",
                 "time": int(base.timestamp() * 1000), "secondsFromStart": 0}]
        for (role, text), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if role == "A" else "user", "message": text,
                         "time": int(base.timestamp() * 1000 + a * 1000), "endTime": int(base.timestamp() * 1000 + b * 1000),
                         "secondsFromStart": a, "duration": round((b - a) * 1000)})
        art = {"messages": msgs}
        if rng.random() < 0.5:
            art["messagesOpenAIFormatted"] = [{"role": "system", "content": msgs[0]["message"]}] + [
                {"role": "assistant" if r_ == "A" else "user", "content": tx} for r_, tx in turns]
        art["transcript"] = "\n".join(("AI: " if r_ == "A" else "User: ") + tx for r_, tx in turns)
        art["recordingUrl"] = "https://storage.vapi.ai/%s-mono.wav" % uuid(rng)
        art["stereoRecordingUrl"] = "https://storage.vapi.ai/%s-stereo.wav" % uuid(rng)
        cost = round(rng.uniform(0.05, 0.6), 4)
        obj = {"message": {"timestamp": int(base.timestamp() * 1000 + total * 1000), "type": "end-of-call-report",
                           "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall", "status": "ended"},
                           "assistant": {"id": uuid(rng), "name": "Front Desk Assistant"},
                           "artifact": art,
                           "analysis": {"summary": summary, "successEvaluation": rng.choice(["true", "false"])},
                           "startedAt": iso(rng, base, 0), "endedAt": iso(rng, base, total),
                           "cost": cost, "costBreakdown": {"stt": round(cost * 0.2, 4), "llm": round(cost * 0.4, 4),
                                                           "tts": round(cost * 0.3, 4), "vapi": round(cost * 0.1, 4)},
                           "durationSeconds": total}}
    elif profile == "retell":
        analyzed = summary is not None
        call = {"call_type": "phone_call", "call_id": "call_" + hexid(rng, 24), "agent_id": "agent_" + hexid(rng, 24),
                "call_status": "ended", "start_timestamp": int(base.timestamp() * 1000),
                "end_timestamp": int(base.timestamp() * 1000 + total * 1000), "direction": "inbound",
                "transcript": "\n".join(("Agent: " if r_ == "A" else "User: ") + tx for r_, tx in turns),
                "transcript_object": [{"role": "agent" if r_ == "A" else "user", "content": tx} for r_, tx in turns],
                "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % hexid(rng, 32),
                "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                "latency": {"e2e": {"p50": rng.randint(700, 1400), "p90": rng.randint(1400, 2400)}},
                "call_cost": {"combined_cost": round(rng.uniform(5, 60), 2), "total_duration_seconds": int(total)}}
        if analyzed:
            call["call_analysis"] = {"call_summary": summary, "in_voicemail": False,
                                     "user_sentiment": rng.choice(["Positive", "Neutral", "Negative"]), "call_successful": True}
        obj = {"event": "call_analyzed" if analyzed else "call_ended", "call": call}
    elif profile == "signalwire":
        us = int(base.timestamp() * 1e6)
        log = [{"role": "system", "content": "You are a helpful assistant for a healthcare office."}]
        for (role, text), (a, b) in zip(turns, times):
            e = {"role": "assistant" if role == "A" else "user", "content": text}
            if role == "C":
                e["confidence"] = round(rng.uniform(0.8, 0.99), 3)
            log.append(e)
        obj = {"action": "post_conversation", "ai_session_id": uuid(rng), "app_name": "swml app", "call_id": uuid(rng),
               "call_start_date": us, "call_answer_date": us + 500000, "call_end_date": us + int(total * 1e6),
               "call_log": log, "post_prompt_data": {"raw": summary, "substituted": summary},
               "total_input_tokens": rng.randint(2000, 9000), "total_output_tokens": rng.randint(200, 1500)}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1}
        utts = [{"start": a, "end": b, "confidence": round(rng.uniform(0.85, 0.99), 4), "channel": 0,
                 "transcript": text, "speaker": spk[role], "id": uuid(rng)} for (role, text), (a, b) in zip(turns, times)]
        paras = "".join("\nSpeaker %d: %s\n" % (spk[r_], tx) for r_, tx in turns)
        alt = {"transcript": " ".join(tx for _, tx in turns), "confidence": round(rng.uniform(0.9, 0.99), 4),
               "paragraphs": {"transcript": paras, "paragraphs": []}}
        res = {"channels": [{"alternatives": [alt]}], "utterances": utts}
        if summary:
            res["summary"] = {"result": "success", "short": summary}
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng), "sha256": hexid(rng, 64),
                            "created": iso(rng, base, total + 5), "duration": total, "channels": 1,
                            "models": [uuid(rng)], "model_info": {}}, "results": res}
    else:
        segs = []
        for (role, text), (a, b) in zip(turns, times):
            segs.append({"id": len(segs), "transcript": text, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                         "speaker_label": "spk_%d" % (0 if role == "A" else 1), "items": []})
        obj = {"jobName": "call-%s" % hexid(rng, 12), "accountId": str(rng.randint(10 ** 11, 10 ** 12 - 1)),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(tx for _, tx in turns)}],
                           "speaker_labels": {"channel_label": "ch_0", "speakers": 2,
                                              "segments": [{"start_time": s["start_time"], "end_time": s["end_time"],
                                                            "speaker_label": s["speaker_label"], "items": []} for s in segs]},
                           "items": [], "audio_segments": segs}}
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = finalize(conv.ctx, raw)
    kind = {"vapi": "vapi_report", "retell": "retell_report", "signalwire": "signalwire_post_prompt",
            "deepgram": "deepgram_prerecorded", "transcribe": "transcribe_output"}[profile]
    return {"id": "h3-%05d" % idx, "format": "json", "profile": profile, "kind": kind + "_" + setting, "text": text,
            "spans": spans, "negatives": negs}


def find_carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR")]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cands.append(os.path.join(d, "shared", "carrier-sources"))
        d = os.path.dirname(d)
    cands.append("/work/shared/carrier-sources")
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "mts-dialog")):
            return c
    sys.exit("carrier sources not found (use --carrier-dir)")


def generate(seed, n, cdir):
    dialogues = load_carriers(cdir)
    extra = set(w.lower() for w in GIVEN + SURN + STREETS)
    scr = screen(dialogues, extra)
    carriers = collections.defaultdict(list)
    for src, did, turns in scr:
        carriers[src].append((src, did, turns))
    rng = random.Random(seed)
    recs = []
    for i in range(n):
        if rng.random() < 0.2:
            recs.append(make_json(rng, carriers, i + 1))
        else:
            recs.append(make_transcript(rng, carriers, i + 1))
    return recs


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)


# ------------------------------------------------------------------- check/stats

LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z][a-z _]*\]|[A-Za-z][A-Za-z0-9 _.]{0,20}:) \S")


def json_string_ranges(raw_bytes):
    """Byte ranges (start, end) of the contents of every JSON string token (keys included)."""
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
            # is it a key? (followed by ':')
            out.append((i + 1, j, raw_bytes[j + 1:j + 2] == b":"))
            i = j + 1
        else:
            i += 1
    return out


def check(paths):
    problems = []
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    problems.append("%s:%d blank line" % (p, ln))
                    continue
                try:
                    recs.append(json.loads(line))
                except ValueError as e:
                    problems.append("%s:%d bad JSON line: %s" % (p, ln, e))
    ids = collections.Counter(r["id"] for r in recs)
    problems += ["duplicate id %s" % k for k, v in ids.items() if v > 1]
    for r in recs:
        rid = r["id"]
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if text.endswith("\n") or "\n\n" in text:
                problems.append("%s blank line or trailing newline" % rid)
            if not 8 <= len(lines) <= 40:
                problems.append("%s has %d turns" % (rid, len(lines)))
            for L in lines:
                if not LINE_RE.match(L):
                    problems.append("%s bad line: %r" % (rid, L[:60]))
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError:
                problems.append("%s payload does not parse" % rid)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                problems.append("%s payload is not compact JSON" % rid)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                problems.append("%s bad profile" % rid)
            strs = json_string_ranges(b)
        else:
            problems.append("%s bad format" % rid)
        ivs = []
        for s in r["spans"]:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(b)):
                problems.append("%s span out of range %s" % (rid, s))
                continue
            try:
                v = b[st:en].decode("utf-8")
            except UnicodeDecodeError:
                problems.append("%s span not on a character boundary %s" % (rid, s))
                continue
            before = b[:st].decode("utf-8", "replace")[-1:]
            after = b[en:].decode("utf-8", "replace")[:1]
            if (before.isalnum() and v[:1].isalnum()) or (after.isalnum() and v[-1:].isalnum()):
                problems.append("%s span cuts a word: %r" % (rid, v))
            if not (v[:1].isalnum() or v[:1] == "(") or not (v[-1:].isalnum() or v[-1:] == "."):
                problems.append("%s span starts or ends on punctuation: %r" % (rid, v))
            if v != v.strip() or "\n" in v:
                problems.append("%s span has outer whitespace: %r" % (rid, v))
            for k in ("entity", "spoken", "cue", "form"):
                if k not in s:
                    problems.append("%s span lacks %s" % (rid, k))
            if s.get("cue") not in ("same", "prev", "none"):
                problems.append("%s bad cue %s" % (rid, s.get("cue")))
            if r["format"] == "json" and not any(a <= st and en <= z and not key for a, z, key in strs):
                problems.append("%s span outside a JSON string value: %r" % (rid, v))
            if not value_ok(s["entity"], s["form"], v):
                problems.append("%s invalid %s (%s): %r" % (rid, s["entity"], s["form"], v))
            ivs.append((st, en, "span"))
        for n in r["negatives"]:
            st, en = n["start"], n["end"]
            if not (0 <= st < en <= len(b)) or not n.get("what"):
                problems.append("%s bad negative %s" % (rid, n))
                continue
            ivs.append((st, en, "neg"))
        ivs.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(ivs, ivs[1:]):
            if a2 < z1:
                problems.append("%s overlap %s %d-%d / %s %d-%d" % (rid, k1, a1, z1, k2, a2, z2))
    for p in problems[:60]:
        print("PROBLEM", p)
    print("checked %d records: %d problems" % (len(recs), len(problems)))
    return recs, problems


def stats(recs):
    ent = collections.defaultdict(collections.Counter)
    forms = collections.defaultdict(collections.Counter)
    negs = collections.Counter()
    kinds = collections.Counter()
    fmt = collections.Counter()
    nsp = []
    for r in recs:
        fmt[(r["format"], r.get("profile", ""))] += 1
        kinds[r["kind"]] += 1
        nsp.append(len(r["spans"]))
        for s in r["spans"]:
            e = s["entity"]
            ent[e]["total"] += 1
            ent[e]["spoken" if s["spoken"] else "written"] += 1
            ent[e][s["cue"]] += 1
            fam = re.sub(r"^(readback_|repeat_|correction_|misheard_readback_|interpreter_|summary_|agent_|caller_|relative_|part\dof2_|selfcorr_)+", "", s["form"])
            forms[e][fam.split("_")[0]] += 1
            for pre in ("readback", "repeat", "correction", "misheard", "interpreter", "summary", "selfcorr", "part1of2", "part2of2", "last4", "spanish", "spelled", "accent"):
                if pre in s["form"]:
                    ent[e]["form:" + pre] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records: %d; %s" % (len(recs), ", ".join("%s%s %d" % (f, "/" + p if p else "", c) for (f, p), c in sorted(fmt.items()))))
    print("spans per record: min %d, max %d, mean %.1f" % (min(nsp), max(nsp), sum(nsp) / len(nsp)))
    tot = collections.Counter()
    print("\n| entity | total | spoken | written | same | prev | none |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for e in sorted(ent, key=lambda k: -ent[k]["total"]):
        c = ent[e]
        tot.update({k: v for k, v in c.items() if not k.startswith("form:")})
        print("| %s | %d | %d | %d | %d | %d | %d |" % (e, c["total"], c["spoken"], c["written"], c["same"], c["prev"], c["none"]))
    print("| all | %d | %d | %d | %d | %d | %d |" % (tot["total"], tot["spoken"], tot["written"], tot["same"], tot["prev"], tot["none"]))
    print("\nrendering variants per entity:")
    for e in sorted(ent):
        sub = ", ".join("%s %d" % (k[5:], v) for k, v in sorted(ent[e].items()) if k.startswith("form:"))
        fam = ", ".join("%s %d" % kv for kv in forms[e].most_common(10))
        print("  %s: %s%s" % (e, fam, ("; " + sub) if sub else ""))
    print("\nnegatives: %d; %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in negs.most_common())))
    print("\nkinds:")
    for k, v in sorted(kinds.items()):
        print("  %s %d" % (k, v))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default="")
    a = ap.parse_args()
    if a.check:
        recs, problems = check(a.check)
        stats(recs)
        sys.exit(1 if problems else 0)
    recs = generate(a.seed, a.n, find_carrier_dir(a.carrier_dir))
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(dumps(r) + "\n")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
