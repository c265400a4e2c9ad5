#!/usr/bin/env python3
"""Hold-out spoken-PHI corpus: call transcripts with fictitious spoken identifiers.

Written independently of the redaction tool (its patterns, code, tests and the
other spoken corpus were not read). Python 3 standard library only; the same
--seed always gives byte-identical output.

  python3 gen_holdout.py [--seed N] [--n 300] > holdout.jsonl
  python3 gen_holdout.py --check holdout.jsonl      # offsets, overlaps, line rules, stats
  python3 gen_holdout.py --stats                    # counts for a fresh generation
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

# --------------------------------------------------------------------------------------------
# Number words

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
       "nine": "ninth", "twelve": "twelfth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec."]


def words(n, hyphen=False):
    """Cardinal 0..9999 in words."""
    j = "-" if hyphen else " "
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (j + ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + (" " + words(r, hyphen) if r else "")
    th, r = divmod(n, 1000)
    return ONES[th] + " thousand" + (" " + words(r, hyphen) if r else "")


def ordinal(n, hyphen=False):
    w = words(n, hyphen)
    parts = re.split(r"([ -])", w)
    last = parts[-1]
    if last in ORD:
        last = ORD[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last = last + "th"
    parts[-1] = last
    return "".join(parts)


def num_suffix(n):
    if 11 <= n % 100 <= 13:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def say_pair(dd, zero, hyphen=False):
    """Two digits said as a number: '15' fifteen, '05' oh five, '00' oh oh / hundred."""
    if dd[0] == "0":
        return zero + " " + (ONES[int(dd[1])] if dd[1] != "0" else zero)
    return words(int(dd), hyphen)


def say_digits_single(g, zero, dbl, hyphen):
    """Digit by digit; dbl: collapse runs into double/triple."""
    toks = []
    i = 0
    while i < len(g):
        d = g[i]
        run = 1
        while i + run < len(g) and g[i + run] == d:
            run += 1
        w = zero if d == "0" else ONES[int(d)]
        if dbl and run >= 3 and dbl != "double_only":
            toks.append("triple " + w)
            i += 3
        elif dbl and run >= 2:
            toks.append("double " + w)
            i += 2
        else:
            toks.append(w)
            i += 1
    return ("-" if hyphen else " ").join(toks)


def say_group(g, mode, zero, dbl, hyphen, rng):
    """One group of digits in one of several spoken modes."""
    if mode == "numeral":
        return g
    if mode == "pairs":
        if len(g) == 4:
            if g[2:] == "00" and g[0] != "0":
                return words(int(g[:2]), hyphen) + " hundred"
            return say_pair(g[:2], zero, hyphen) + " " + say_pair(g[2:], zero, hyphen)
        if len(g) == 3:
            if g[1:] == "00":
                return ONES[int(g[0])] + " hundred"
            return (zero if g[0] == "0" else ONES[int(g[0])]) + " " + say_pair(g[1:], zero, hyphen)
        if len(g) == 2:
            return say_pair(g, zero, hyphen)
    return say_digits_single(g, zero, dbl, hyphen)


class DigitRecipe:
    """How a speaker says a grouped digit string."""

    def __init__(self, rng, allow_numeral=True, pairs_ok=True):
        self.zero = rng.choice(["oh", "oh", "o", "zero", "zero"])
        self.dbl = rng.choice([False, False, True, "double_only"])
        self.hyphen = not self.dbl and rng.random() < 0.18
        modes = ["single", "single", "single"]
        if pairs_ok:
            modes += ["pairs"]
        self.modes = modes
        self.mix = allow_numeral and rng.random() < 0.2
        self.sep = rng.choice([" ", " ", ", ", ", ", "... ", " - ", " dash ", ". ", " uh ",
                               ", um, ", " "])
        self.mode = rng.choice(modes)

    def form(self):
        f = "%s_%s" % ("mixed" if self.mix else self.mode, self.zero)
        if self.dbl:
            f += "_dbl"
        if self.hyphen:
            f += "_hyph"
        s = {" ": "sp", ", ": "comma", "... ": "ellipsis", " - ": "dash", " dash ": "dashword",
             ". ": "period", " uh ": "uh", ", um, ": "um"}[self.sep]
        return f + "_" + s

    def say(self, groups, rng, cap=False):
        out = []
        for k, g in enumerate(groups):
            mode = self.mode
            if self.mix and rng.random() < 0.5:
                mode = "numeral"
            if mode == "pairs" and len(g) > 4:
                mode = "single"
            out.append(say_group(g, mode, self.zero, self.dbl, self.hyphen, rng))
        s = out[0]
        for part in out[1:]:
            if self.sep == ". " and cap:
                part = part[:1].upper() + part[1:]
            s += self.sep + part
        return s


# --------------------------------------------------------------------------------------------
# Fictitious values

AREA = ["415", "212", "312", "617", "503", "704", "859", "919", "602", "971", "206", "313",
        "404", "512", "614", "720", "786", "818", "901", "973", "480", "651", "410", "216"]
ZIP3 = ["941", "606", "100", "021", "303", "972", "787", "850", "981", "553", "432", "481",
        "191", "152", "282", "372", "462", "532", "641", "731", "802", "891", "921", "971"]
FIRST = ["James", "Mary", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer",
         "William", "Elizabeth", "Richard", "Barbara", "Joseph", "Susan", "Thomas", "Jessica",
         "Carlos", "Sarah", "Daniel", "Karen", "Anthony", "Nancy", "Mark", "Lisa", "Steven",
         "Betty", "Paul", "Sandra", "Kevin", "Ashley", "Brian", "Donna", "George", "Emily",
         "Kenneth", "Michelle", "Ronald", "Carol", "Jason", "Amanda", "Luis", "Rosa", "Ahmed",
         "Fatima", "Minh", "Lan", "Chinedu", "Ngozi", "Priya", "Rahul", "Wei", "Mei", "Tomasz",
         "Agnieszka", "Mehmet", "Ayse", "Diego", "Lucia", "Hassan", "Yasmin"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
        "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
        "Roberts", "Okafor", "Adeyemi", "Patel", "Sharma", "Chen", "Wang", "Kowalski",
        "Nowak", "Yilmaz", "Demir", "Haddad", "Tran", "Pham", "Castillo", "Mendoza"]
STREETS = ["Maple", "Oak", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park",
           "Walnut", "Sunset", "Lincoln", "Highland", "Jefferson", "Chestnut", "Willow",
           "Franklin", "Meadow", "Ridge", "Spring", "Church", "Mill", "River", "Forest"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl."), ("Circle", "Cir.")]
DIRS = [("North", "N."), ("South", "S."), ("East", "E."), ("West", "W.")]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("hotmail", "com"),
           ("icloud", "com"), ("aol", "com"), ("comcast", "net"), ("att", "net"),
           ("protonmail", "com"), ("verizon", "net")]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": ["apple", "adam"], "b": ["boy", "bob"], "c": ["cat", "charlie"], "d": ["dog", "david"],
         "e": ["edward", "elephant"], "f": ["frank", "fox"], "g": ["george", "girl"],
         "h": ["henry", "house"], "i": ["ice", "ida"], "j": ["john", "jack"], "k": ["king", "kite"],
         "l": ["larry", "lion"], "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "otto"],
         "p": ["peter", "paul"], "q": ["queen"], "r": ["robert", "roger"], "s": ["sam", "sugar"],
         "t": ["tom", "tango"], "u": ["umbrella"], "v": ["victor", "violet"], "w": ["william"],
         "x": ["x-ray"], "y": ["yellow"], "z": ["zebra"]}
MBI_LET = "ACDEFGHJKMNPQRTUVWXY"
CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100",
         "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
         "3530111333300000", "2223003122003222", "4000056655665556", "5200828282828210"]
CARD_BINS = ["411111", "424242", "555555", "601100", "222300", "520082"]


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def new_card(rng):
    if rng.random() < 0.5:
        return rng.choice(CARDS)
    b = rng.choice(CARD_BINS)
    return luhn_complete(b + "".join(rng.choice("0123456789") for _ in range(9)))


def card_groups(c):
    if len(c) == 15:
        return [c[:4], c[4:10], c[10:]]
    return [c[i:i + 4] for i in range(0, 16, 4)]


def new_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def new_phone(rng):
    return rng.choice(AREA) + "555" + "01%02d" % rng.randint(0, 99)


def new_dob(rng, medicare=False):
    y = rng.randint(1932, 1959) if medicare else rng.randint(1931, 2012)
    m = rng.randint(1, 12)
    d = rng.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return (y, m, d)


def new_mbi(rng):
    dg = "0123456789"
    ld = MBI_LET + dg
    return (rng.choice("123456789") + rng.choice(MBI_LET) + rng.choice(ld) + rng.choice(dg) +
            rng.choice(MBI_LET) + rng.choice(ld) + rng.choice(dg) + rng.choice(MBI_LET) +
            rng.choice(MBI_LET) + rng.choice(dg) + rng.choice(dg))


def new_mrn(rng):
    k = rng.random()
    if k < 0.5:
        return "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8, 8, 9])))
    if k < 0.8:
        return rng.choice("MEKA") + "".join(rng.choice("0123456789") for _ in range(7))
    return "00" + "".join(rng.choice("0123456789") for _ in range(6))


def new_member(rng):
    k = rng.random()
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if k < 0.35:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3)) + d(9)
    if k < 0.6:
        return "W" + d(9)
    if k < 0.8:
        return rng.choice("HUZ") + d(8)
    return d(9) + "0" + rng.choice("12")


def new_zip(rng):
    return rng.choice(ZIP3) + "%02d" % rng.randint(1, 99)


# --------------------------------------------------------------------------------------------
# Renderers. Each returns (text, spoken, form). `st` is the Style.

class Style:
    """An STT engine / transcription convention."""

    def __init__(self, name, lower, punct, digits, labels):
        self.name = name
        self.lower = lower      # all lower case
        self.punct = punct      # punctuation kept
        self.digits = digits    # probability a value is written with numerals (ITN)
        self.labels = labels


def fix_case(st, s):
    if st.lower:
        s = s.lower()
    if not st.punct:
        s = re.sub(r"(?<![a-z0-9])'|'(?![a-z])", "", s)
        s = re.sub(r"[,.?!;:]+(\s|$)", r"\1", s)
        s = re.sub(r"\s+", " ", s).strip()
    return s


def render_digits(st, rng, groups, written_forms, pairs_ok=True, entity=""):
    """Digit string in groups: written (ITN) or spoken with a DigitRecipe."""
    if rng.random() < st.digits:
        fmt, name = rng.choice(written_forms)
        return fmt(groups), False, "written_" + name
    r = DigitRecipe(rng, allow_numeral=st.digits > 0, pairs_ok=pairs_ok)
    text = r.say(groups, rng, cap=not st.lower)
    spoken = any(ch.isalpha() for ch in text)
    form = r.form()
    if rng.random() < 0.12 and len(groups) >= 2:
        # Self-correction in the first group.
        g0 = groups[0]
        wrong = g0[:-1] + str((int(g0[-1]) + rng.choice([1, 9])) % 10)
        rw = say_group(wrong, "single", r.zero, False, False, rng)
        fix = rng.choice([", no wait, ", ", sorry, ", "... I mean ", " no, ", ", no, sorry, "])
        text = rw + fix + text
        form += "_selfcorrect"
    return text, spoken, form


PHONE_W = [(lambda g: "(%s) %s-%s" % tuple(g), "paren"), (lambda g: "-".join(g), "dash"),
           (lambda g: ".".join(g), "dot"), (lambda g: "".join(g), "run"),
           (lambda g: " ".join(g), "space"), (lambda g: "+1 %s-%s-%s" % tuple(g), "plus1"),
           (lambda g: ", ".join("-".join(x) for x in g), "each_dash_comma"),
           (lambda g: " ".join(" ".join(x) for x in g), "each_space")]
SSN_W = [(lambda g: "-".join(g), "dash"), (lambda g: " ".join(g), "space"),
         (lambda g: "".join(g), "run"), (lambda g: ", ".join(" ".join(x) for x in g), "each_comma")]
CARD_W = [(lambda g: " ".join(g), "space"), (lambda g: "-".join(g), "dash"),
          (lambda g: "".join(g), "run")]


def r_phone(st, rng, v):
    g = [v[:3], v[3:6], v[6:]]
    t, sp, f = render_digits(st, rng, g, PHONE_W)
    if sp and rng.random() < 0.1:
        t = rng.choice(["one ", "one, "]) + t
        f += "_lead1"
    return t, sp, "phone_" + f


def r_ssn(st, rng, v, last4=False):
    if last4:
        t, sp, f = render_digits(st, rng, [v[5:]], [(lambda g: g[0], "run")])
        return t, sp, "ssn_last4_" + f
    t, sp, f = render_digits(st, rng, [v[:3], v[3:5], v[5:]], SSN_W)
    return t, sp, "ssn_" + f


def r_card(st, rng, v):
    t, sp, f = render_digits(st, rng, card_groups(v), CARD_W)
    return t, sp, "card_" + f


def r_mrn(st, rng, v):
    if not v[0].isdigit():
        return r_alnum(st, rng, v, [len(v)])
    n = len(v)
    g = {7: [3, 4], 8: [4, 4], 9: [3, 3, 3]}.get(n, [n])
    if rng.random() < 0.3:
        g = [n]
    groups = []
    i = 0
    for k in g:
        groups.append(v[i:i + k])
        i += k
    t, sp, f = render_digits(st, rng, groups, [(lambda gg: "".join(gg), "run"),
                                               (lambda gg: " ".join(gg), "space")])
    return t, sp, "mrn_" + f


def r_zip(st, rng, v, plus4=None):
    if rng.random() < st.digits:
        return (v + ("-" + plus4 if plus4 else "")), False, "zip_written" + ("_plus4" if plus4 else "")
    zero = rng.choice(["oh", "zero", "o"])
    k = rng.randint(0, 3)
    if k == 0:
        t = say_digits_single(v, zero, rng.random() < 0.3, rng.random() < 0.15)
        f = "single"
    elif k == 1:   # ninety four one ten
        t = say_pair(v[:2], zero) + " " + say_digits_single(v[2], zero, False, False) + " " + say_pair(v[3:], zero)
        f = "pair_digit_pair"
    elif k == 2:   # nine four one ten
        t = say_digits_single(v[:3], zero, False, False) + " " + say_pair(v[3:], zero)
        f = "digits_pair"
    else:
        t = say_digits_single(v[:3], zero, False, False) + rng.choice([", ", " ", "... "]) + \
            say_digits_single(v[3:], zero, False, False)
        f = "single_break"
    if plus4:
        t += rng.choice([" dash ", ", ", " "]) + say_digits_single(plus4, zero, False, False)
        f += "_plus4"
    return t, True, "zip_" + f + "_" + zero


def letter_say(ch, style, rng):
    lo = ch.lower()
    if style == "plain":
        return lo
    if style == "upper":
        return ch.upper()
    if style == "period":
        return ch.upper() + "."
    if style == "nato":
        return NATO[lo]
    if style == "as_in":
        return "%s as in %s" % (lo, rng.choice(AS_IN[lo]))
    if style == "like":
        return "%s like %s" % (lo, rng.choice(AS_IN[lo]))
    if style == "for":
        return "%s for %s" % (ch.upper(), rng.choice(AS_IN[lo]).capitalize())
    raise ValueError(style)


def r_alnum(st, rng, v, groups):
    """MBI / member id / lettered MRN, char by char."""
    if rng.random() < st.digits * 0.7:
        if len(v) == 11 and rng.random() < 0.5:
            return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, "alnum_written_dash"
        return v, False, "alnum_written_run"
    lstyle = rng.choice(["plain", "upper", "upper", "period", "nato", "as_in", "like", "for"])
    if st.lower and lstyle in ("upper", "period", "for"):
        lstyle = "plain"
    zero = rng.choice(["oh", "zero", "o"])
    numeral = st.digits > 0 and rng.random() < 0.3
    pairs = rng.random() < 0.2
    sep = rng.choice([" ", ", "] if lstyle in ("as_in", "like", "for", "nato") else [" ", " ", ", ", "-"])
    if sep == "-" and lstyle not in ("plain", "upper"):
        sep = " "
    if st.lower or not st.punct:
        sep = " " if sep in (", ", "-") else sep
    toks = []
    i = 0
    while i < len(v):
        ch = v[i]
        if ch.isdigit():
            j = i
            while j < len(v) and v[j].isdigit():
                j += 1
            run = v[i:j]
            if numeral:
                toks.append(run)
            elif pairs and len(run) % 2 == 0 and len(run) >= 2:
                toks.extend(say_pair(run[k:k + 2], zero) for k in range(0, len(run), 2))
            else:
                toks.extend(zero if d == "0" else ONES[int(d)] for d in run)
            i = j
        else:
            toks.append(letter_say(ch, lstyle, rng))
            i += 1
    t = sep.join(toks)
    if st.lower:
        t = t.lower()
    f = "alnum_%s_%s%s%s_%s" % (lstyle, "numeral" if numeral else zero, "_pairs" if pairs else "",
                                "", {" ": "sp", ", ": "comma", "-": "dash"}[sep])
    return t, True, f


def r_dob(st, rng, v):
    y, m, d = v
    mon = MONTHS[m - 1]
    yy = "%02d" % (y % 100)
    zero = rng.choice(["oh", "zero", "o"])

    def say_year(style):
        if style == "full":
            if y >= 2000:
                return rng.choice(["two thousand " + (words(y - 2000) if y > 2000 else ""),
                                   "two thousand and " + words(y - 2000) if y > 2000 else "two thousand",
                                   "twenty " + say_pair(str(y)[2:], zero)]).strip()
            return words(y // 100) + " " + say_pair(str(y)[2:], zero)
        return say_pair(yy, zero)

    written = rng.random() < st.digits
    k = rng.randint(0, 11)
    if written:
        k = rng.randint(0, 6)
        opts = [("%s %s, %d" % (mon, num_suffix(d), y), "w_month_dth_comma_year"),
                ("%s %d, %d" % (mon, d, y), "w_month_d_comma_year"),
                ("%d/%d/%s" % (m, d, yy), "w_mdy_short"),
                ("%02d/%02d/%d" % (m, d, y), "w_mdy_full"),
                ("%d-%d-%d" % (m, d, y), "w_mdy_dash"),
                ("the %s of %s, %d" % (num_suffix(d), mon, y), "w_the_dth_of_month_year"),
                ("%s %d %d" % (MONTH_ABBR[m - 1], d, y), "w_abbr_d_year")]
        t, f = opts[k]
        return t, False, "dob_" + f
    ys = rng.choice(["full", "full", "short"])
    if y >= 2000 and ys == "short":
        ys = "full"
    hy = rng.random() < 0.15
    if k == 0:
        t = "%s %s %s" % (mon, ordinal(d, hy), say_year(ys))
        f = "month_ord"
    elif k == 1:
        t = "%s %s, %s" % (mon, ordinal(d, hy), say_year(ys))
        f = "month_ord_comma"
    elif k == 2:
        t = "the %s of %s %s" % (ordinal(d, hy), mon, say_year(ys))
        f = "the_ord_of_month"
    elif k == 3:
        t = "%s %s %s" % (words(d, hy), mon, say_year(ys))
        f = "card_month_brit"
    elif k == 4:
        t = "%s %s %s" % (mon, words(d, hy), say_year(ys))
        f = "month_card"
    elif k == 5:   # oh three fifteen sixty one
        mm = say_pair("%02d" % m, zero) if rng.random() < 0.5 else words(m)
        t = "%s %s %s" % (mm, say_pair("%02d" % d, zero), say_year(ys))
        f = "num_mdy"
    elif k == 6:   # zero three one five one nine six one
        s = "%02d%02d%d" % (m, d, y)
        t = say_digits_single(s, zero, False, False)
        f = "digits_mmddyyyy"
    elif k == 7:
        t = "%s slash %s slash %s" % (say_pair("%02d" % m, zero), say_pair("%02d" % d, zero), say_year(ys))
        f = "num_slash_words"
    elif k == 8 and st.digits > 0:   # mixed numerals: March 15th nineteen sixty one
        t = "%s %s %s" % (mon, num_suffix(d), say_year(ys))
        f = "month_dth_words_year"
    elif k == 9:
        t = "%s, %s the %s" % (say_year("full"), mon, ordinal(d, hy))
        f = "year_first"
        ys = "full"
    elif k == 10:
        t = "%s %s, %s %s" % (mon, ordinal(d, hy), rng.choice(["uh", "um"]), say_year(ys))
        f = "month_ord_filler"
    else:   # (also k == 8 when the engine never writes numerals)
        t = "%s %s%s%s" % (ordinal(d, hy), mon, rng.choice([" ", ", ", " of "]), say_year(ys))
        f = "ord_month"
    t = re.sub(r"\s+", " ", t)
    if k in (0, 1, 4) and rng.random() < 0.12:
        wrong = mon + " " + (ordinal(d + 1) if k != 4 and d < 28 else words(d % 28 + 1))
        t = wrong + rng.choice([", no, sorry, ", "... no wait, ", ", I mean "]) + t
        f += "_selfcorrect"
    if st.lower:
        t = t.lower()
    return t, True, "dob_%s_%s%s" % (f, ys, "_hyph" if hy else "")


def r_name_full(st, rng, first, last):
    k = rng.random()
    if k < 0.6:
        t, f = first + " " + last, "first_last"
    elif k < 0.75:
        t, f = last + ", " + first, "last_comma_first"
    elif k < 0.88:
        t, f = "%s %s. %s" % (first, rng.choice("ABCDEJKLMRST"), last), "first_mi_last"
    else:
        t, f = first, "first_only"
    if st.lower:
        t = t.lower()
    if not st.punct:
        t = t.replace(",", "").replace(".", "")
    return t, True, "name_" + f


def r_spell(st, rng, word):
    lstyle = rng.choice(["plain", "upper", "upper", "dash", "period", "nato", "as_in", "like",
                         "for", "comma", "double"])
    if st.lower and lstyle in ("upper", "dash", "period", "for", "comma"):
        lstyle = "plain"
    w = word.lower()
    if lstyle == "dash":
        t = "-".join(c.upper() for c in w)
    elif lstyle == "comma":
        t = ", ".join(c.upper() for c in w)
    elif lstyle == "double":
        toks = []
        i = 0
        while i < len(w):
            if i + 1 < len(w) and w[i] == w[i + 1]:
                toks.append("double " + (w[i] if st.lower else w[i].upper()))
                i += 2
            else:
                toks.append(w[i] if st.lower else w[i].upper())
                i += 1
        t = " ".join(toks)
    else:
        sep = ", " if lstyle in ("as_in", "like", "for") and st.punct else " "
        t = sep.join(letter_say(c, "upper" if lstyle == "upper" else lstyle, rng) for c in w)
    if st.lower:
        t = t.lower()
    return t, True, "name_spelled_" + lstyle


def email_parts(rng, first, last):
    f, l = first.lower(), last.lower()
    k = rng.randint(0, 6)
    num = str(rng.choice([rng.randint(1, 99), rng.randint(1950, 2005)]))
    dom = rng.choice(DOMAINS)
    local = [[f, ".", l], [f, l], [f[0], l], [f, "_", l], [f, "-", l], [f, l, num],
             [f, ".", l, num]][k]
    return local, dom


def r_email(st, rng, local, dom):
    addr = "".join(local) + "@" + dom[0] + "." + dom[1]
    if rng.random() < st.digits * 0.8:
        if rng.random() < 0.3:   # half-written: whisper "dana.reyes at gmail.com"
            return "".join(local) + " at " + dom[0] + "." + dom[1], True, "email_half_at"
        return addr, False, "email_written"
    zero = rng.choice(["oh", "zero"])
    parts = []
    spelled_first = rng.random() < 0.2
    for i, p in enumerate(local):
        if p == ".":
            parts.append("dot" if rng.random() < 0.85 else "period")
        elif p == "_":
            parts.append("underscore")
        elif p == "-":
            parts.append(rng.choice(["dash", "hyphen"]))
        elif p.isdigit():
            if st.digits and rng.random() < 0.4:
                parts.append(p)
            elif len(p) == 4:
                parts.append(say_group(p, "pairs", zero, False, False, rng))
            elif rng.random() < 0.5:
                parts.append(words(int(p)))
            else:
                parts.append(say_digits_single(p, zero, False, False))
        elif i == 0 and spelled_first and len(p) <= 8:
            parts.append(" ".join(p))
        else:
            parts.append(p)
    form = "email_spoken"
    if spelled_first:
        form += "_spellfirst"
    if len(local) >= 2 and local[1] not in (".", "_", "-") and rng.random() < 0.35:
        parts.append(rng.choice(["all one word", "no spaces", "all lowercase"]))
        form += "_oneword"
    d0 = dom[0]
    if d0 == "gmail" and rng.random() < 0.5:
        d0 = "g mail"
    elif d0 == "aol" and rng.random() < 0.6:
        d0 = "a o l"
    elif d0 == "att" and rng.random() < 0.7:
        d0 = "a t t"
    at = rng.choice(["at", "at", "at sign"])
    t = " ".join(parts) + " " + at + " " + d0 + " dot " + dom[1]
    if at == "at sign":
        form += "_atsign"
    return t, True, form


def r_street(st, rng, v):
    num, dirn, name, suf, unit = v
    written = rng.random() < st.digits
    if written:
        sfx = suf[1] if rng.random() < 0.5 else suf[0]
        t = "%d %s%s %s" % (num, (dirn[1] + " ") if dirn else "", name, sfx)
        if unit:
            t += rng.choice([", Apt. %s", " Apt %s", ", Unit %s", " #%s"]) % unit
        return t, False, "street_written"
    s = str(num)
    zero = rng.choice(["oh", "o", "zero"])
    k = rng.randint(0, 2)
    if k == 0 and len(s) in (3, 4):
        h = say_group(s, "pairs", zero, False, False, rng)
        f = "house_pairs"
    elif k == 1:
        h = say_digits_single(s, zero, False, False)
        f = "house_digits"
    else:
        h = words(num) if num < 1000 or num % 100 == 0 else say_group(s, "pairs", zero, False, False, rng)
        f = "house_words"
    t = "%s %s%s %s" % (h, (dirn[0] + " ") if dirn else "", name, suf[0])
    if unit:
        u = say_digits_single(unit[:-1], zero, False, False) + " " + unit[-1].lower() \
            if unit[-1].isalpha() else words(int(unit))
        t += rng.choice([" apartment ", ", apartment ", " unit ", " number ", " apt "]) + u
        f += "_unit"
    if st.lower:
        t = t.lower()
    return t, True, "street_" + f


# --------------------------------------------------------------------------------------------
# Carrier dialogues (MTS-Dialog and PriMock57), screened hard.

CAP_OK = {"I", "I'm", "I'll", "I've", "I'd", "OK", "Okay", "Ok"}
BAD = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|"
                 r"november|december|born|birth|birthday|name|named|address|phone|number|e-?mail|"
                 r"zip|social|insurance|card|street|road|avenue|spell|mister|missus|miss|mr|mrs|ms|"
                 r"dr|ninety|hundred|thousand|call me|years? ago|last year|this year|age)\b", re.I)
ASKS = re.compile(r"\b(name|birth|born|how old|your age|spell|address|postcode|zip)\b", re.I)


def clean_turn(t):
    t = re.sub(r"<UNIN/>|<UNSURE>|</UNSURE>|<[^>]*>", " ", t)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", "").replace("\u201d", "")
    t = re.sub(r"\s+", " ", t).strip()
    if len(t) > 260:
        cut = t[:260]
        k = max(cut.rfind(". "), cut.rfind("? "))
        t = cut[:k + 1] if k > 60 else ""
    return t


def turn_ok(t):
    if not t or not re.search(r"[A-Za-z]{2}", t) or re.search(r"[0-9@#$%&*/\\\[\]_=+<>|]", t) or not t.isascii():
        return False
    if BAD.search(t):
        return False
    toks = re.findall(r"[A-Za-z']+|[.?!]", t)
    start = True
    for tok in toks:
        if tok in ".?!":
            start = True
            continue
        if not start and tok[0].isupper() and tok not in CAP_OK and \
                not (tok.isupper() and len(tok) <= 5):
            return False
        start = False
    return True


def screen(turns):
    """turns: [(role 'A'|'B', text)] -> screened list of runs (contiguous kept turns)."""
    out = []
    drop_next = 0
    for role, t in turns:
        t = clean_turn(t)
        ok = turn_ok(t) and drop_next == 0
        if drop_next:
            drop_next -= 1
        if t and ASKS.search(t):
            drop_next = 3
        out.append((role, t) if ok else None)
    runs = []
    cur = []
    for x in out:
        if x is None:
            if len(cur) >= 3:
                runs.append(cur)
            cur = []
        else:
            cur.append(x)
    if len(cur) >= 3:
        runs.append(cur)
    return runs


def load_carriers(cdir):
    srcs = {"mts": [], "primock": []}
    for f in sorted(glob.glob(os.path.join(cdir, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                turns = []
                ok = True
                for line in row["dialogue"].splitlines():
                    line = line.strip()
                    if not line:
                        continue
                    m = re.match(r"(Doctor|Patient):\s*(.*)", line)
                    if not m:
                        ok = False
                        break
                    turns.append(("A" if m.group(1) == "Doctor" else "B", m.group(2)))
                if ok and len(turns) >= 4:
                    srcs["mts"].extend(screen(turns))
    for f in sorted(glob.glob(os.path.join(cdir, "primock57", "*_doctor.TextGrid"))):
        ivs = []
        for role, path in (("A", f), ("B", f.replace("_doctor.", "_patient."))):
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as fh:
                data = fh.read()
            for m in re.finditer(r'xmin = ([0-9.]+)\s*\n\s*xmax = [0-9.]+\s*\n\s*text = "(.*)"', data):
                if m.group(2).strip():
                    ivs.append((float(m.group(1)), role, m.group(2)))
        ivs.sort()
        turns = []
        for _, role, t in ivs:
            if turns and turns[-1][0] == role:
                turns[-1] = (role, turns[-1][1] + " " + t)
            else:
                turns.append((role, t))
        srcs["primock"].extend(screen(turns))
    return srcs


# --------------------------------------------------------------------------------------------
# Conversation building

LABELS = [("Agent", "Caller"), ("Rep", "Member"), ("Scheduler", "Patient"), ("Nurse", "Caller"),
          ("Speaker 1", "Speaker 2"), ("Speaker A", "Speaker B"), ("spk_0", "spk_1"),
          ("SPEAKER_00", "SPEAKER_01"), ("Speaker 0", "Speaker 1"), ("Pharmacist", "Customer"),
          ("Receptionist", "Patient"), ("Provider", "Patient"), ("CLINICIAN", "PATIENT"),
          ("Staff", "Caller"), ("Representative", "Customer"), ("ch_0", "ch_1"),
          ("Dr", "Pt"), ("Operator", "Caller"), ("Coordinator", "Patient"), ("Agent", "Patient")]

STYLES = [
    Style("whisper", False, True, 0.55, None),
    Style("aws_transcribe", False, True, 0.45, None),
    Style("google_stt_raw", True, False, 0.35, None),
    Style("deepgram_raw", True, False, 0.0, None),
    Style("deepgram_smart", False, True, 0.7, None),
    Style("azure_display", False, True, 0.6, None),
    Style("azure_lexical", True, False, 0.0, None),
    Style("human_verbatim", False, True, 0.0, None),
]


class V:
    """A value piece inside a turn."""

    def __init__(self, entity, text, spoken, cue, form):
        self.entity, self.text, self.spoken, self.cue, self.form = entity, text, spoken, cue, form


class N:
    def __init__(self, what, text):
        self.what, self.text = what, text


def pick(rng, xs):
    return rng.choice(xs)


def fill(rng, st):
    return pick(rng, ["", "", "", "uh, ", "um, ", "yeah, ", "so ", "okay, ", "sure, ", "like, "])


def T(role, *pieces):
    return (role, list(pieces))


class Person:
    def __init__(self, rng):
        self.first = pick(rng, FIRST)
        self.last = pick(rng, LAST)
        self.phone = new_phone(rng)
        self.ssn = new_ssn(rng)
        self.dob = new_dob(rng)
        self.mrn = new_mrn(rng)
        self.zip = new_zip(rng)
        self.plus4 = "%04d" % rng.randint(1, 9999) if rng.random() < 0.15 else None
        self.card = new_card(rng)
        self.mbi = new_mbi(rng)
        self.member = new_member(rng)
        self.email = email_parts(rng, self.first, self.last)
        unit = None
        if rng.random() < 0.35:
            unit = rng.choice([str(rng.randint(1, 30)), "%d%s" % (rng.randint(1, 9), rng.choice("ABCD"))])
        self.street = (rng.choice([rng.randint(12, 999), rng.randint(1000, 9899)]),
                       rng.choice(DIRS) if rng.random() < 0.3 else None,
                       pick(rng, STREETS), pick(rng, SUFFIX), unit)


def ask_answer(rng, st, question, value, same_frames, bare_frames, cue_mix=0.5):
    """A question then an answer; the answer is bare (prev) or framed (same)."""
    e, (t, sp, f) = value
    turns = [T("A", question)]
    if rng.random() < cue_mix:
        fr = pick(rng, same_frames)
        a, b = fr.split("{v}")
        turns.append(T("B", fill(rng, st) + a, V(e, t, sp, "same", f), b))
    else:
        fr = pick(rng, bare_frames)
        a, b = fr.split("{v}")
        turns.append(T("B", a, V(e, t, sp, "prev", f), b))
    return turns


BARE = ["{v}", "{v}.", "Yeah, {v}.", "Um, {v}.", "Sure. {v}.", "It's {v}.", "Okay, {v}.",
        "Uh, {v}", "Yes, it's {v}.", "{v}, sorry.", "Oh, um, {v}.", "Hold on... {v}."]


def readback(rng, st, e, rend):
    t, sp, f = rend
    fr = pick(rng, ["Okay, so that's {v}, correct?", "Let me read that back. {v}?",
                    "Got it, {v}.", "I have {v}. Is that right?", "Just to confirm, {v}?",
                    "{v}, okay.", "So {v}. Perfect."])
    a, b = fr.split("{v}")
    return [T("A", a, V(e, t, sp, "prev", f), b),
            T("B", pick(rng, ["Yes.", "That's right.", "Mm-hmm.", "Yep, that's it.", "Correct."]))]


def ex_phone(rng, st, p):
    r = r_phone(st, rng, p.phone)
    q = pick(rng, ["What's a good callback number for you?", "And the best phone number to reach you?",
                   "Can I get a phone number in case we get disconnected?",
                   "What number should the pharmacy call?", "Is there a number we can text?"])
    if rng.random() < 0.12 and st.digits < 1:
        # Area code, a back-channel from the agent, then the rest in the next caller turn.
        r1 = render_digits(Style("x", st.lower, st.punct, 0.0, None), rng, [p.phone[:3]], [])
        r2 = render_digits(Style("x", st.lower, st.punct, 0.0, None), rng, [p.phone[3:6], p.phone[6:]], [])
        return [T("A", q),
                T("B", pick(rng, ["Okay, it's ", "Um, ", "Yeah, "]), V("PHONE", r1[0], True, "prev", "phone_split_area"),
                  pick(rng, ["...", ",", "."])),
                T("A", pick(rng, ["Mm-hmm.", "Okay.", "Go ahead.", "Yep."])),
                T("B", "", V("PHONE", r2[0], True, "prev", "phone_split_rest_" + r2[2]), ".")]
    turns = ask_answer(rng, st, q, ("PHONE", r),
                       ["my number is {v}.", "you can reach me at {v}.", "my cell is {v}.",
                        "best number is {v}, that's my cell.", "call me at {v}.",
                        "area code {v}.", "it's my cell, {v}."], BARE)
    if rng.random() < 0.4:
        turns += readback(rng, st, "PHONE", r_phone(st, rng, p.phone))
    return turns


def ex_ssn(rng, st, p):
    last4 = rng.random() < 0.35
    r = r_ssn(st, rng, p.ssn, last4)
    if last4:
        q = pick(rng, ["Can you verify the last four of your social?",
                       "And the last four digits of your social security number?"])
        same = ["last four are {v}.", "the last four is {v}."]
    else:
        q = pick(rng, ["I'll need your social security number for the application.",
                       "Can I have your social, please?", "What's the social on the account?"])
        same = ["my social is {v}.", "social security number is {v}.", "my SSN is {v}."]
    turns = ask_answer(rng, st, q, ("SSN", r), same, BARE)
    if rng.random() < 0.25:
        turns += readback(rng, st, "SSN", r_ssn(st, rng, p.ssn, last4))
    return turns


def ex_dob(rng, st, p):
    r = r_dob(st, rng, p.dob)
    q = pick(rng, ["Can you verify your date of birth?", "And what's the date of birth?",
                   "What's the patient's birthday?", "Could I get your DOB, please?",
                   "And your date of birth for verification?"])
    turns = ask_answer(rng, st, q, ("DOB", r),
                       ["my date of birth is {v}.", "I was born {v}.", "date of birth, {v}.",
                        "birthday is {v}.", "I was born on {v}."], BARE)
    if rng.random() < 0.3:
        turns += readback(rng, st, "DOB", r_dob(st, rng, p.dob))
    return turns


def ex_mrn(rng, st, p):
    r = r_mrn(st, rng, p.mrn)
    q = pick(rng, ["Do you have your medical record number handy?", "What's the MRN on that?",
                   "Is there a patient ID number on the paperwork?"])
    return ask_answer(rng, st, q, ("MRN", r),
                      ["the medical record number is {v}.", "MRN is {v}.",
                       "my patient ID is {v}.", "it says medical record number {v}."],
                      BARE + ["Let me find it... okay, {v}."])


def ex_zip(rng, st, p):
    r = r_zip(st, rng, p.zip, p.plus4)
    q = pick(rng, ["And the zip code?", "What zip code is the pharmacy in?",
                   "Can you confirm the zip on file?", "What's your zip?"])
    return ask_answer(rng, st, q, ("ZIP", r), ["zip is {v}.", "the zip code's {v}.",
                                              "it's in zip code {v}."], BARE)


def ex_card(rng, st, p):
    r = r_card(st, rng, p.card)
    q = pick(rng, ["I can take that payment now. What's the card number?",
                   "Go ahead with the card number whenever you're ready.",
                   "And the number on the front of the card?"])
    turns = ask_answer(rng, st, q, ("CARD", r), ["card number is {v}.", "it's a visa, {v}.",
                                                "the card is {v}."], BARE + ["Okay, ready? {v}."])
    turns.append(T("A", "And the expiration date and the three digit code on the back?"))
    turns.append(T("B", pick(rng, ["Oh nine twenty eight, and the code is four one two.",
                                   "It expires ten twenty seven. Code is seven seven one.",
                                   "Zero three slash twenty nine, security code two oh eight."])))
    return turns


def ex_email(rng, st, p):
    r = r_email(st, rng, *p.email)
    q = pick(rng, ["What email should we send the portal invite to?",
                   "Can I get an email address for the receipt?", "And your email?"])
    turns = ask_answer(rng, st, q, ("EMAIL", r), ["my email is {v}.", "email's {v}.",
                                                 "send it to {v}."], BARE)
    if rng.random() < 0.3:
        turns += readback(rng, st, "EMAIL", r_email(st, rng, *p.email))
    return turns


def ex_street(rng, st, p):
    r = r_street(st, rng, p.street)
    q = pick(rng, ["What's the mailing address?", "And your home address?",
                   "Where should we ship the supplies?"])
    turns = ask_answer(rng, st, q, ("STREET", r), ["I live at {v}.", "the address is {v}.",
                                                  "mail it to {v}."], BARE)
    if rng.random() < 0.6:
        turns += [T("A", "And the zip code?"),
                  T("B", "", V("ZIP", *(lambda t: (t[0], t[1], "prev", t[2]))(r_zip(st, rng, p.zip))), "")]
    return turns


def ex_name(rng, st, p):
    r = r_name_full(st, rng, p.first, p.last)
    q = pick(rng, ["Can I get the patient's full name?", "Who am I speaking with?",
                   "What's the name on the account?", "And your first and last name?"])
    turns = ask_answer(rng, st, q, ("NAME", r), ["my name is {v}.", "this is {v}.", "it's under {v}.",
                                                "the patient is {v}, my mother."], BARE)
    if rng.random() < 0.55:
        turns.append(T("A", pick(rng, ["Can you spell the last name for me?", "How do you spell that?",
                                       "And could you spell the last name?"])))
        s = r_spell(st, rng, p.last)
        fr = pick(rng, ["{v}", "Sure, {v}.", "It's {v}.", "{v}, like it sounds."])
        a, b = fr.split("{v}")
        turns.append(T("B", a, V("NAME", s[0], s[1], "prev", s[2]), b))
        if rng.random() < 0.3:
            s2 = r_spell(st, rng, p.last)
            turns.append(T("A", pick(rng, ["", "So ", "Okay, "]), V("NAME", s2[0], s2[1], "prev", s2[2]),
                           pick(rng, ["?", ", got it.", ". Thank you."])))
            turns.append(T("B", pick(rng, ["Yes.", "Uh-huh.", "That's it."])))
    if rng.random() < 0.4:
        title = pick(rng, ["Mr.", "Ms.", "Mrs."]) if st.punct else pick(rng, ["mister", "miss", "missus"])
        ln = p.last.lower() if st.lower else p.last
        turns.append(T("A", "Thank you, %s " % title, V("NAME", ln, True, "prev", "name_title_last"),
                       pick(rng, [". One moment.", ". Let me pull that up.", "."])))
    return turns


def ex_mbi(rng, st, p):
    r = r_alnum(st, rng, p.mbi, [4, 3, 4])
    q = pick(rng, ["Do you have your Medicare card in front of you? I need the Medicare number.",
                   "What's the Medicare beneficiary identifier on the card?"])
    return ask_answer(rng, st, q, ("MBI", r), ["my Medicare number is {v}.", "Medicare ID is {v}.",
                                              "the number on the red white and blue card is {v}."],
                      BARE + ["Okay, it's, um, {v}."])


def ex_member(rng, st, p):
    r = r_alnum(st, rng, p.member, [len(p.member)])
    q = pick(rng, ["What's the member ID on the insurance card?", "And the subscriber ID?",
                   "Can you read me the member number from your insurance card?"])
    return ask_answer(rng, st, q, ("MEMBER_ID", r), ["member ID is {v}.", "my subscriber ID is {v}.",
                                                    "the ID on the card says {v}."], BARE)


def ex_volunteer(rng, st, p):
    """Values with no cue: an opening that runs name + birth date, or a number, e-mail or address
    dropped in."""
    k = rng.random()
    if k < 0.5:
        n = r_name_full(st, rng, p.first, p.last)
        d = r_dob(st, rng, p.dob)
        return [T("A", "Thanks for calling, how can I help?"),
                T("B", pick(rng, ["Yeah hi. ", "Hi, yes. ", "Hello. "]), V("NAME", n[0], n[1], "none", n[2]),
                  ". ", V("DOB", d[0], d[1], "none", d[2]),
                  pick(rng, [". Calling about a refill.", ". I got a letter about my bill.",
                             ". I need to move my appointment."]))], ("NAME", "DOB")
    if k < 0.7:
        r = r_phone(st, rng, p.phone)
        return [T("B", pick(rng, ["Oh, and ", "Also, ", "And uh, "]), V("PHONE", r[0], r[1], "none", r[2]),
                  pick(rng, [", you can write that down.", ", in case I miss you.",
                             ". Anytime after noon."]))], ("PHONE",)
    if k < 0.85:
        r = r_email(st, rng, *p.email)
        return [T("B", pick(rng, ["Oh, and ", "Okay. Oh, ", "Also, um, "]), V("EMAIL", r[0], r[1], "none", r[2]),
                  pick(rng, [", if you need it.", ". That one's better.", ", you can write that down."]))], \
            ("EMAIL",)
    r = r_street(st, rng, p.street)
    z = r_zip(st, rng, p.zip)
    return [T("B", pick(rng, ["Oh, and ", "Also, ", "Before I forget, "]), V("STREET", r[0], r[1], "none", r[2]),
              ", ", V("ZIP", z[0], z[1], "none", z[2]),
              pick(rng, [", if the letter comes back.", ". Just so you have it.", ", in case."]))], \
        ("STREET", "ZIP")


EXCH = {"PHONE": ex_phone, "SSN": ex_ssn, "DOB": ex_dob, "MRN": ex_mrn, "ZIP": ex_zip,
        "CARD": ex_card, "EMAIL": ex_email, "STREET": ex_street, "NAME": ex_name, "MBI": ex_mbi,
        "MEMBER_ID": ex_member}

# Look-alikes: template with one {n} (the negative) and how to say its number.
NEG = [
    ("dose", "A", "Take {n} twice a day with food.", ["five hundred milligrams", "500 mg", "ten milligrams",
                                                     "two fifty milligrams", "0.5 mg", "twenty five mg"]),
    ("blood_pressure", "A", "Your blood pressure was {n} today.", ["one twenty over eighty", "132/84",
                                                                   "one forty two over ninety one",
                                                                   "118 over 76"]),
    ("time", "A", "We have an opening at {n} if that works.", ["two thirty", "3:45", "ten fifteen",
                                                              "eleven o'clock", "9:30 a.m."]),
    ("duration", "B", "It's been going on for {n}.", ["about three weeks", "six months", "two and a half days",
                                                     "like forty five minutes"]),
    ("money", "A", "Your copay will be {n}.", ["forty five dollars", "$35", "twenty dollars and fifty cents",
                                              "$125.40", "one fifty"]),
    ("room_number", "A", "Go up to the second floor, {n}.", ["room four twelve", "room 214", "suite two oh five",
                                                            "exam room six"]),
    ("count", "B", "I've got {n} left in the bottle.", ["maybe three", "two pills", "like fifteen tablets",
                                                        "12 capsules"]),
    ("age", "B", "My mom's {n} now, so she needs help.", ["eighty seven", "seventy two", "81", "sixty nine"]),
    ("appointment_date", "A", "I can move you to {n}.", ["Tuesday, March fourth", "the twenty second",
                                                        "next Friday the 9th", "June 3rd at ten"]),
    ("order_number", "A", "Your order number is {n}.", ["four four seven one two", "RX 58213",
                                                        "seven eight eight one", "B as in boy 3091"]),
    ("confirmation_number", "A", "Your confirmation number is {n}.", ["K Q 7 4 2", "eight one five two zero",
                                                                      "C N four four nine", "A1 B2 C3"]),
    ("menu_option", "A", "If you need pharmacy after hours, {n}.", ["press one", "press two",
                                                                   "press star nine", "press 3"]),
    ("emergency_number", "A", "If the chest pain comes back, hang up and call {n}.", ["nine one one", "911",
                                                                                      "nine eleven"]),
    ("weight", "B", "I'm about {n} now.", ["one sixty five pounds", "210 lbs", "seventy kilos"]),
    ("lab_value", "A", "Your A1C came back at {n}.", ["seven point two", "6.8", "eight point one percent"]),
]


def neg_turn(rng, st):
    what, role, tpl, vals = pick(rng, NEG)
    if st.digits == 0:
        vals = [x for x in vals if not any(ch.isdigit() for ch in x)] or vals
    v = pick(rng, vals)
    a, b = tpl.split("{n}")
    return T(role, a, N(what, v), b)


# --------------------------------------------------------------------------------------------

def k_has_more(pieces, pc):
    return pieces.index(pc) < len(pieces) - 1


def fmt_label(rng_lbl, lab, ts):
    return ("[%s] " % ts if ts else "") + lab + ": "


def build_record(rng, idx, carriers):
    st = pick(rng, STYLES)
    labels = pick(rng, LABELS)
    src = "primock" if rng.random() < 0.45 else "mts"
    pool = carriers[src]
    # Choose how many carrier turns to use (a window across one or two runs).
    run = pick(rng, pool)
    want = rng.randint(3, 12)
    if len(run) > want:
        s = rng.randint(0, len(run) - want)
        run = run[s:s + want]
    p = Person(rng)
    nvals = rng.randint(2, 5)
    ents = list(EXCH)
    rng.shuffle(ents)
    blocks = []
    used = 0
    opening = []
    if rng.random() < 0.25:
        b, got = ex_volunteer(rng, st, p)
        if got[0] == "NAME":
            opening = b     # the caller's first words, at the top of the call
        else:
            blocks.append(b)
        used += len(got)
        for e in got:
            if e in ents:
                ents.remove(e)
    # Medicare calls use older birth dates.
    if "MBI" in ents[:nvals - used]:
        p.dob = new_dob(rng, medicare=True)
    for e in ents:
        if used >= nvals:
            break
        b = EXCH[e](rng, st, p)
        vals = {x.entity for _, pcs in b for x in pcs if isinstance(x, V)}
        if used + len(vals) > 5:
            continue
        blocks.append(b)
        used += len(vals)
    seen_neg = set()
    for _ in range(rng.randint(1, 3)):
        nt = neg_turn(rng, st)
        if nt[1][1].what not in seen_neg:
            seen_neg.add(nt[1][1].what)
            blocks.append([nt])
    # Interleave blocks into the carrier run at random gaps.
    turns = [(r, [t]) for r, t in run]
    # A block never goes between a carrier question and its answer.
    ok_gaps = [i for i in range(len(turns) + 1)
               if i == 0 or i == len(turns) or not turns[i - 1][1][0].rstrip().endswith("?")]
    gaps = sorted(rng.choice(ok_gaps) for _ in blocks)
    rng.shuffle(blocks)
    out = list(opening)
    bi = 0
    for i in range(len(turns) + 1):
        while bi < len(blocks) and gaps[bi] == i:
            out.extend(blocks[bi])
            bi += 1
        if i < len(turns):
            out.append(turns[i])
    if len(out) > 30:
        # Drop carrier turns from the end (inserted turns are lists with V/N or templated).
        keep = []
        extra = len(out) - 30
        for t in reversed(out):
            if extra and len(t[1]) == 1 and isinstance(t[1][0], str) and t in turns:
                extra -= 1
                continue
            keep.append(t)
        out = list(reversed(keep))
    while len(out) < 8:
        out.append(pick(rng, [T("A", "Is there anything else I can help you with today?"),
                              T("B", "No, I think that's everything."),
                              T("A", "Okay, you have a good day."), T("B", "You too, bye.")]))
    # Serialise.
    ts = rng.random() < 0.25
    sec = rng.randint(0, 40)
    text = b""
    spans, negs = [], []
    lines = []
    for k, (role, pieces) in enumerate(out):
        lab = labels[0] if role == "A" else labels[1]
        stamp = None
        if ts:
            stamp = "%02d:%02d:%02d" % (sec // 3600, (sec // 60) % 60, sec % 60)
            sec += rng.randint(2, 19)
        line = fmt_label(rng, lab, stamp).encode()
        first_text = True
        for pc in pieces:
            if isinstance(pc, str):
                s = fix_case(st, pc) if pc.strip() else pc
                if pc and not s and not line.endswith(b" "):
                    s = " "
                if not st.punct and pc and not pc[0].isalnum() and pc[0] != "'" and s and not s.startswith(" ") \
                        and line and not line.endswith(b" ") and not line.endswith(b": "):
                    s = " " + s
                if not st.punct and pc and not pc[-1].isalnum() and s and not s.endswith(" ") and k_has_more(pieces, pc):
                    s = s + " "
                if not st.lower and first_text and s:
                    s = s[:1].upper() + s[1:]
                if s.startswith(".") and line.endswith(b"."):
                    s = s[1:]   # "Blvd." + "." -> one period
                if s:
                    first_text = False
                line += s.encode()
            else:
                vt = pc.text
                if st.lower:
                    vt = vt.lower()
                if not st.punct and not (isinstance(pc, V) and pc.entity == "EMAIL" and not pc.spoken):
                    vt = re.sub(r"[,.?!;]+(\s|$)", r"\1", vt).strip()
                if not st.lower and (first_text or re.search(rb"[.?!] $", line)):
                    vt = vt[:1].upper() + vt[1:]
                first_text = False
                base = len(text) + (1 if lines else 0) + len(line)
                vb = vt.encode()
                if isinstance(pc, V):
                    spans.append({"start": base, "end": base + len(vb), "entity": pc.entity,
                                  "spoken": pc.spoken, "cue": pc.cue, "form": pc.form})
                else:
                    negs.append({"what": pc.what, "start": base, "end": base + len(vb)})
                line += vb
        line = re.sub(rb" +$", b"", line)
        if lines:
            text += b"\n"
        lines.append(line)
        text += line
    return {"id": "hold-%04d" % idx, "format": "transcript", "kind": "transcript_" + st.name,
            "text": text.decode(), "spans": spans, "negatives": negs}


# --------------------------------------------------------------------------------------------
# Check and stats

LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?[A-Za-z][A-Za-z0-9_ ]{0,20}: \S")


def check(records):
    errs = []
    for r in records:
        b = r["text"].encode("utf-8")
        rid = r["id"]
        if r["format"] != "transcript":
            errs.append("%s: format" % rid)
        lines = r["text"].split("\n")
        if not 8 <= len(lines) <= 30:
            errs.append("%s: %d turns" % (rid, len(lines)))
        if r["text"].endswith("\n") or any(not ln.strip() for ln in lines):
            errs.append("%s: blank or trailing newline" % rid)
        for ln in lines:
            if not LABEL_RE.match(ln):
                errs.append("%s: bad line %r" % (rid, ln[:40]))
        iv = []
        vals = set()
        for s in r["spans"]:
            seg = b[s["start"]:s["end"]].decode("utf-8")
            if not seg or seg != seg.strip() or "\n" in seg:
                errs.append("%s: span text %r" % (rid, seg))
            if not any(ch.isalnum() for ch in seg):
                errs.append("%s: empty span" % rid)
            if s["cue"] not in ("same", "prev", "none"):
                errs.append("%s: cue" % rid)
            iv.append((s["start"], s["end"], "span"))
            vals.add(s["entity"])
        for n in r["negatives"]:
            seg = b[n["start"]:n["end"]].decode("utf-8")
            if not seg.strip() or seg != seg.strip():
                errs.append("%s: neg text %r" % (rid, seg))
            iv.append((n["start"], n["end"], "neg"))
        iv.sort()
        for x, y in zip(iv, iv[1:]):
            if y[0] < x[1]:
                errs.append("%s: overlap %s %s" % (rid, x, y))
        if not 2 <= len(vals) <= 5:
            errs.append("%s: %d distinct entities" % (rid, len(vals)))
        # span ends at word boundaries
        for s in r["spans"] + r["negatives"]:
            a, z = s["start"], s["end"]
            if a > 0 and chr(b[a - 1]).isalnum() or z < len(b) and chr(b[z]).isalnum():
                errs.append("%s: span not on word boundary %r" % (rid, b[max(0, a - 3):z + 3]))
    return errs


def validate_values(records):
    """Digits-only values must be valid for their type (phones 555-01xx, Luhn cards, SSN ranges)."""
    errs = []
    for r in records:
        b = r["text"].encode()
        for s in r["spans"]:
            seg = b[s["start"]:s["end"]].decode()
            if s["spoken"]:
                continue
            d = re.sub(r"\D", "", seg)
            e = s["entity"]
            if e == "PHONE" and not (d[-7:-4] == "555" and d[-4:-2] == "01"):
                errs.append("%s phone %s" % (r["id"], s["form"]))
            if e == "CARD" and not luhn_ok(d):
                errs.append("%s card" % r["id"])
            if e == "SSN" and len(d) == 9 and (d[:3] in ("000", "666") or d[0] == "9"):
                errs.append("%s ssn" % r["id"])
    return errs


def score_reader(records):
    """Map every span through ../score.py's own byte_to_char (importing it only; it runs nothing)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "score.py")
    if not os.path.exists(path):
        return []
    import importlib.util
    spec = importlib.util.spec_from_file_location("score_reader", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    errs = []
    for r in records:
        if r["format"] not in mod.FORMAT_ARGS:
            errs.append("%s: format unknown to score.py" % r["id"])
        b2c = mod.byte_to_char(r["text"])
        b = r["text"].encode("utf-8")
        for s in r["spans"] + r["negatives"]:
            if r["text"][b2c[s["start"]]:b2c[s["end"]]] != b[s["start"]:s["end"]].decode("utf-8"):
                errs.append("%s: score.py maps a span differently" % r["id"])
    return errs


def stats(records):
    ent = collections.Counter()
    cue = collections.Counter()
    ec = collections.Counter()
    spk = collections.Counter()
    kinds = collections.Counter(r["kind"] for r in records)
    negs = collections.Counter()
    forms = collections.Counter()
    for r in records:
        for s in r["spans"]:
            ent[s["entity"]] += 1
            cue[s["cue"]] += 1
            ec[(s["entity"], s["cue"])] += 1
            spk[(s["entity"], s["spoken"])] += 1
            forms[s["form"]] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out = ["records: %d, spans: %d, negatives: %d, distinct forms: %d" % (
        len(records), sum(ent.values()), sum(negs.values()), len(forms))]
    out.append("| entity | spans | spoken | written | same | prev | none |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for e in sorted(ent):
        out.append("| %s | %d | %d | %d | %d | %d | %d |" % (
            e, ent[e], spk[(e, True)], spk[(e, False)], ec[(e, "same")], ec[(e, "prev")], ec[(e, "none")]))
    out.append("cue: " + ", ".join("%s %d" % (c, cue[c]) for c in ("same", "prev", "none")))
    out.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negs.items())))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", ""))
    ap.add_argument("--check", nargs="*", default=None, help="validate these .jsonl files")
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    if args.check is not None:
        recs = []
        for path in args.check or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout.jsonl")]:
            with open(path, encoding="utf-8") as f:
                recs += [json.loads(ln) for ln in f if ln.strip()]
        errs = check(recs) + validate_values(recs) + score_reader(recs)
        for e in errs[:50]:
            print("ERROR", e, file=sys.stderr)
        print(stats(recs))
        sys.exit(1 if errs else 0)
    cdir = args.carrier_dir
    if not cdir:
        here = os.path.dirname(os.path.abspath(__file__))
        for c in [os.path.join(here, *[".."] * 4, "..", "shared", "carrier-sources"),
                  "/work/shared/carrier-sources"]:
            if os.path.isdir(c):
                cdir = c
                break
    carriers = load_carriers(cdir)
    rng = random.Random(args.seed)
    recs = [build_record(rng, i, carriers) for i in range(args.n)]
    errs = check(recs) + validate_values(recs)
    if errs:
        for e in errs[:30]:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    if args.stats:
        print(stats(recs))
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
