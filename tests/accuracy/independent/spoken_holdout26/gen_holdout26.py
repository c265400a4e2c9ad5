#!/usr/bin/env python3
"""Holdout 26: spoken PHI in hospital patient-financial-services calls.

Billing questions, insurance verification, financial-assistance applications,
Medicare enrollment questions; callers often speak for a spouse or parent.
Transcripts (contact-center smart formatting on, with turns where it failed)
and JSON payloads (Amazon Transcribe Call Analytics, Vapi end-of-call-report).

  python3 gen_holdout26.py [--seed S] [--n COUNT] > holdout26.jsonl
  python3 gen_holdout26.py --stats
  python3 gen_holdout26.py --check holdout26.jsonl

Standard library only; deterministic for a seed whatever PYTHONHASHSEED is.
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

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = [calendar.month_name[i] for i in range(1, 13)]
ONES = "zero one two three four five six seven eight nine".split()
TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
         "nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
       7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh",
       12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth",
       16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
       20: "twentieth", 30: "thirtieth"}
NATO = dict(A="alpha", B="bravo", C="charlie", D="delta", E="echo", F="foxtrot", G="golf",
            H="hotel", I="india", J="juliet", K="kilo", L="lima", M="mike", N="november",
            O="oscar", P="papa", Q="quebec", R="romeo", S="sierra", T="tango", U="uniform",
            V="victor", W="whiskey", X="x-ray", Y="yankee", Z="zulu")
ASIN = dict(A="apple", B="boy", C="cat", D="david", E="edward", F="frank", G="george",
            H="henry", I="ida", J="john", K="king", L="larry", M="mary", N="nancy",
            O="ocean", P="peter", Q="queen", R="robert", S="sam", T="tom", U="union",
            V="victor", W="william", X="x-ray", Y="yellow", Z="zebra")

FIRST = ["Dolores", "Herbert", "Marisol", "Wendell", "Lorraine", "Tomasz", "Gladys", "Ernesto",
         "Bernadette", "Kwame", "Rosalind", "Vernon", "Imelda", "Dwayne", "Ngozi", "Harold",
         "Lucinda", "Rajesh", "Agnieszka", "Clarence", "Yolanda", "Thanh", "Mildred", "Oscar",
         "Fatima", "Leland", "Consuelo", "Everett", "Priya", "Darnell", "Irene", "Bogdan",
         "Shirley", "Luis", "Hyun", "Beatriz", "Russell", "Anneliese", "Curtis", "Minh"]
LAST = ["Okafor", "Delacroix", "Pruitt", "Szymanski", "Villanueva", "Haverford", "Nakamura",
        "Brandvold", "Castellanos", "McGillicuddy", "Abernathy", "Oyelaran", "Trinh", "Kowalczyk",
        "Fairbanks", "Gutierrez", "Lindqvist", "Esposito", "Rahimi", "Whitcombe", "Dunleavy",
        "Achterberg", "Mbeki", "Quintanilla", "Rasmussen", "Petrosyan", "Holloway", "Varga",
        "Ostrowski", "Bellamy", "Ferreira", "Kaczmarek", "Tolliver", "Nwosu", "Halvorsen"]
STREETS = ["Elm", "Juniper", "Old Mill", "Cedar Ridge", "Harmon", "Beckett", "Larkspur",
           "Quarry", "Wexford", "Prospect", "Magnolia", "Tamarack", "Briar Hill", "Sutter",
           "Kingsley", "Locust", "Fairview", "Orchard"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way")]
CITIES = ["Millbrook", "Cedar Falls", "Port Ellis", "Harlan Springs", "West Amberly",
          "Fort Calloway", "Briarwood", "Lake Tamsin", "New Dorrance", "Glenmoor", "Ashby Hills",
          "Sterling Creek"]
PAYERS = ["Blue Cross", "Aetna", "United", "Cigna", "Humana", "the state Medicaid plan",
          "a Medicare Advantage plan", "Tricare"]
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com"]
FILLERS = ["uh", "um", "uh", "er"]

FALLBACK_CARRIER = [
    "I came in because of the chest pain, it just would not go away.",
    "They kept me overnight for observation, that's all I know.",
    "It was for my knee, they did the scope on it.",
    "I fell in the kitchen and they checked me for a broken hip.",
]


def load_carrier():
    """Short patient utterances from MTS-Dialog (CC BY 4.0), no digits, no names."""
    cands = [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
             os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "carrier-sources")]
    for c in cands:
        p = os.path.join(c, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
        if c and os.path.exists(p):
            out = []
            with open(p, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    for line in row["dialogue"].split("\n"):
                        line = line.strip()
                        if not line.startswith("Patient:"):
                            continue
                        s = line[len("Patient:"):].strip()
                        if not (35 <= len(s) <= 130) or re.search(r"\d", s):
                            continue
                        words = s.split()
                        if any(w[0].isupper() and w not in ("I", "I'm", "I've", "I'd", "I'll")
                               for w in words[1:]):
                            continue
                        if re.search(r"[\"\[\]\\]", s) or not s.isascii():
                            continue
                        out.append(s)
            out = sorted(set(out))
            if out:
                return out, "mts-dialog/MTS-Dialog-TrainingSet.csv"
    return FALLBACK_CARRIER, "built-in fallback"


# ---------------------------------------------------------------- values
def luhn_check_digit(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(s):
    return luhn_check_digit(s[:-1]) == s[-1]


MBI_ALPHA = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "SLOIBZ"]
MBI_AN = MBI_ALPHA + list("0123456789")


def mbi_ok(m):
    if len(m) != 11:
        return False
    kinds = ["C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
    for ch, k in zip(m, kinds):
        if k == "C" and ch not in "123456789":
            return False
        if k == "N" and not ch.isdigit():
            return False
        if k == "A" and ch not in MBI_ALPHA:
            return False
        if k == "AN" and ch not in MBI_AN:
            return False
    return True


class Vals:
    def __init__(self, rng):
        self.r = rng

    def name(self):
        return self.r.choice(FIRST), self.r.choice(LAST)

    def ssn(self):
        r = self.r
        area = r.choice([a for a in range(1, 900) if a != 666])
        return "%03d%02d%04d" % (area, r.randint(1, 99), r.randint(1, 9999))

    def phone(self):
        return "%d%d%d555%04d" % (self.r.randint(2, 9), self.r.randint(0, 9), self.r.randint(0, 9),
                                  100 + self.r.randint(0, 99))

    def dob(self, old=True):
        r = self.r
        y = r.randint(1931, 1960) if old else r.randint(1961, 2001)
        m = r.randint(1, 12)
        d = r.randint(1, calendar.monthrange(y, m)[1])
        return datetime.date(y, m, d)

    def recent(self, year=2026):
        m = self.r.randint(1, 10)
        return datetime.date(year, m, self.r.randint(1, calendar.monthrange(year, m)[1]))

    def mrn(self):
        return str(self.r.randint(10000000, 99999999))

    def acct(self):
        return self.r.choice(["H", "HA", "V", ""]) + str(self.r.randint(100000000, 999999999))

    def mbi(self):
        r = self.r
        kinds = ["C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
        out = []
        for k in kinds:
            out.append(r.choice({"C": "123456789", "N": "0123456789", "A": MBI_ALPHA,
                                 "AN": MBI_AN}[k]))
        return "".join(out)

    def card(self):
        r = self.r
        pre, ln = r.choice([("411111", 16), ("424242", 16), ("555555", 16), ("510510", 16),
                            ("601111", 16), ("378282", 15)])
        body = pre + "".join(str(r.randint(0, 9)) for _ in range(ln - len(pre) - 1))
        return body + luhn_check_digit(body)

    def npi(self):
        body = self.r.choice("12") + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        return body + luhn_check_digit("80840" + body)

    def member(self):
        r = self.r
        p = r.choice(["XJH", "W", "ZGP", "MCA", "U", "YRB"])
        return p + "".join(str(r.randint(0, 9)) for _ in range(r.choice([8, 9, 10])))

    def zip(self):
        return "%05d" % self.r.randint(1001, 99950)

    def street(self):
        return (str(self.r.choice([self.r.randint(10, 99), self.r.randint(100, 9999),
                                   self.r.randint(10000, 24999)])),
                self.r.choice(STREETS), self.r.choice(SUFFIX),
                self.r.choice([None, None, ("Apt", str(self.r.randint(1, 40))),
                               ("Unit", self.r.choice("ABCD") + str(self.r.randint(1, 9))),
                               ("Apt", str(self.r.randint(101, 412)))]))


# ---------------------------------------------------------------- spoken renderings
def w2(n):
    """0..99 in words."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + ONES[u])


def w_num(n):
    """0..99999 in words (American)."""
    if n < 100:
        return w2(n)
    if n < 1000:
        h, rest = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if rest == 0 else " " + w2(rest))
    th, rest = divmod(n, 1000)
    s = w_num(th) + " thousand"
    return s + ("" if rest == 0 else " " + w_num(rest))


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    if y >= 2010 and rng.random() < 0.3:
        return "two thousand " + w2(y - 2000)
    a, b = divmod(y, 100)
    return w2(a) + " " + ("oh " + ONES[b] if b < 10 else w2(b))


def digit_words(ds, rng, oh=True, group_double=False, filler=0.0):
    out = []
    i = 0
    while i < len(ds):
        d = ds[i]
        if group_double and i + 2 < len(ds) and ds[i + 1] == d and ds[i + 2] == d and rng.random() < 0.6:
            out.append("triple " + (("oh" if oh else "zero") if d == "0" else ONES[int(d)]))
            i += 3
            continue
        if group_double and i + 1 < len(ds) and ds[i + 1] == d and rng.random() < 0.7:
            out.append("double " + (("oh" if oh else "zero") if d == "0" else ONES[int(d)]))
            i += 2
            continue
        if d == "0":
            out.append(rng.choice(["oh", "o"]) if oh else "zero")
        else:
            out.append(ONES[int(d)])
        i += 1
    if filler and len(out) > 3 and rng.random() < filler:
        k = rng.randint(1, len(out) - 1)
        out.insert(k, rng.choice(["uh", "um"]))
    return " ".join(out)


def groups_spoken(groups, rng, sep=", ", filler=0.3, mixed=False):
    """groups: list of digit strings. Returns text and form tag."""
    parts = []
    for g in groups:
        if mixed and rng.random() < 0.4:
            parts.append(g)
        elif len(g) == 2 and g[0] != "0" and g[1] != "0" and rng.random() < 0.3:
            parts.append(w2(int(g)))
        else:
            parts.append(digit_words(g, rng, oh=rng.random() < 0.75, group_double=True))
    if filler and rng.random() < filler and len(parts) > 1:
        k = rng.randint(1, len(parts) - 1)
        parts[k] = rng.choice(["uh ", "um ", "and "]) + parts[k]
    return sep.join(parts)


def say_phone(p, rng):
    k = rng.randint(0, 5)
    a, b, c = p[:3], p[3:6], p[6:]
    if k == 0:
        return "(%s) %s-%s" % (a, b, c), False, "written_paren_dash"
    if k == 1:
        return "%s-%s-%s" % (a, b, c), False, "written_dash"
    if k == 2:
        return groups_spoken([a, b, c], rng, sep=", "), True, "digits_groups_comma"
    if k == 3:
        return groups_spoken([a, b, c], rng, sep=" ", mixed=True), True, "mixed_digits_words"
    if k == 4:
        # pairs for the last four: "oh one, three two"
        return "%s %s %s %s" % (digit_words(a, rng), digit_words(b, rng),
                                digit_words(c[:2], rng), w2(int(c[2:])) if c[2] != "0"
                                else digit_words(c[2:], rng)), True, "digits_pairs_tail"
    return "%s %s %s" % (a, b, c), False, "written_space"


def say_dob(d, rng):
    k = rng.randint(0, 8)
    M = MONTHS[d.month - 1]
    if k == 0:
        return "%s %d, %d" % (M, d.day, d.year), False, "written_mdy_full"
    if k == 1:
        return "%02d/%02d/%d" % (d.month, d.day, d.year), False, "written_mdy_slash"
    if k == 2:
        return "%d/%d/%s" % (d.month, d.day, str(d.year)[2:]), False, "written_mdy_short"
    if k == 3:
        return "%s %s %s" % (M.lower(), ORD.get(d.day) or (w2(d.day - d.day % 10) + "-" +
                                                             ORD[d.day % 10]),
                             year_words(d.year, rng)), True, "words_month_ord_year"
    if k == 4:
        return "%s %s, %s" % (digit_words("%02d" % d.month, rng), digit_words("%02d" % d.day, rng),
                              w2(d.year % 100) if d.year % 100 >= 10 else
                              "oh " + ONES[d.year % 10]), True, "digits_mm_dd_yy"
    if k == 5:
        return "the %s of %s, %d" % (d.day if False else (ORD.get(d.day) or w2(d.day - d.day % 10)
                                                          + "-" + ORD[d.day % 10]),
                                     M, d.year), True, "the_d_of_m_numyear"
    if k == 6:
        return "%s %d %s" % (M, d.day, year_words(d.year, rng)), True, "month_num_words_year"
    if k == 7:
        return "%s %dth, %d" % (M, d.day, d.year) if d.day in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                                                14, 15, 16, 17, 18, 19, 20, 24,
                                                                25, 26, 27, 28, 29, 30) else \
            "%s %d, %d" % (M, d.day, d.year), False, "written_mdy_th"
    return "%d-%02d-%02d" % (d.year, d.month, d.day), False, "written_iso"


def say_digits_id(s, rng, name):
    """account / MRN / NPI / SSN-like digit strings."""
    k = rng.randint(0, 4)
    if k == 0:
        return s, False, "written_digits"
    if k == 1:
        gs = [s[i:i + 3] for i in range(0, len(s), 3)]
        return groups_spoken(gs, rng, sep=", "), True, "digits_triplets_comma"
    if k == 2:
        return digit_words(s, rng, oh=True, group_double=True, filler=0.5), True, "digits_oh_double"
    if k == 3:
        gs = [s[i:i + 3] for i in range(0, len(s), 3)]
        return groups_spoken(gs, rng, sep=" ", mixed=True, filler=0.5), True, "mixed_digits_words"
    gs = [s[i:i + 4] for i in range(0, len(s), 4)]
    return " ".join(gs), False, "written_groups4"


def say_alnum(s, rng):
    """member id / MBI / account with letters."""
    k = rng.randint(0, 4)
    letters_digits = re.findall(r"[A-Z]+|[0-9]+", s)
    if k == 0:
        return s, False, "written_alnum"
    parts = []
    style = ["nato", "asin", "plain", "plain_lower"][k - 1]
    for chunk in letters_digits:
        if chunk.isalpha():
            for ch in chunk:
                if style == "nato":
                    parts.append(NATO[ch])
                elif style == "asin":
                    parts.append("%s as in %s" % (ch, ASIN[ch]))
                elif style == "plain":
                    parts.append(ch)
                else:
                    parts.append(ch.lower())
        else:
            if rng.random() < 0.5:
                parts.append(digit_words(chunk, rng, oh=True, group_double=True))
            else:
                parts.append(chunk)
    sep = ", " if style == "asin" else " "
    return sep.join(parts), True, "alnum_%s" % style


def say_mbi(m, rng):
    k = rng.randint(0, 3)
    if k == 0:
        return m, False, "written_mbi"
    if k == 1:
        return "%s-%s-%s" % (m[:4], m[4:7], m[7:]), False, "written_mbi_dash"
    t, sp, f = say_alnum(m, rng)
    if not sp:
        t, f = " ".join(m), "plain_chars_space"
        sp = True
    return t, sp, "mbi_" + f


def say_card(c, rng):
    k = rng.randint(0, 3)
    if len(c) == 15:
        gs = [c[:4], c[4:10], c[10:]]
    else:
        gs = [c[i:i + 4] for i in range(0, 16, 4)]
    if k == 0:
        return " ".join(gs), False, "written_groups"
    if k == 1:
        return "-".join(gs), False, "written_dash"
    if k == 2:
        return groups_spoken(gs, rng, sep=", ", filler=0.4), True, "digits_groups_comma"
    return groups_spoken(gs, rng, sep=" ", mixed=True, filler=0.4), True, "mixed_groups"


def say_ssn(s, rng, last4=False):
    if last4:
        t = s[5:]
        k = rng.randint(0, 2)
        if k == 0:
            return t, False, "last4_written"
        if k == 1:
            return digit_words(t, rng, group_double=True), True, "last4_digits"
        return "%s %s" % (w2(int(t[:2])) if t[0] != "0" and t[1] != "0" else digit_words(t[:2], rng),
                          w2(int(t[2:])) if t[2] != "0" else digit_words(t[2:], rng)), True, "last4_pairs"
    k = rng.randint(0, 3)
    if k == 0:
        return "%s-%s-%s" % (s[:3], s[3:5], s[5:]), False, "written_dash"
    if k == 1:
        return groups_spoken([s[:3], s[3:5], s[5:]], rng, sep=", "), True, "digits_groups_comma"
    if k == 2:
        return groups_spoken([s[:3], s[3:5], s[5:]], rng, sep=" ", mixed=True), True, "mixed"
    return digit_words(s, rng, oh=False, filler=0.6), True, "digits_zero_run"


def say_zip(z, rng):
    k = rng.randint(0, 2)
    if k == 0:
        return z, False, "written_zip"
    if k == 1:
        return digit_words(z, rng, group_double=True), True, "digits_oh"
    return "%s %s" % (digit_words(z[:3], rng), w2(int(z[3:])) if z[3] != "0" else
                      digit_words(z[3:], rng)), True, "digits_tail_pair"


def say_street(st, rng, written):
    num, name, (suf, sufab), unit = st
    if written:
        s = "%s %s %s" % (num, name, rng.choice([suf, sufab]))
        if unit:
            s += ", %s %s" % (unit[0], unit[1]) if rng.random() < 0.5 else " #%s" % unit[1]
        return s, False, "written_num_name_suffix" + ("_unit" if unit else "")
    n = int(num)
    k = rng.randint(0, 2)
    if k == 0 or n < 100:
        nw = w_num(n)
        form = "house_words"
    elif k == 1 and len(num) == 4:
        nw = w2(int(num[:2])) + " " + (w2(int(num[2:])) if num[2] != "0" else
                                        "oh " + ONES[int(num[3])])
        form = "house_pairs"
    else:
        nw = digit_words(num, rng)
        form = "house_digits"
    s = "%s %s %s" % (nw, name.lower() if rng.random() < 0.5 else name, suf.lower())
    if unit:
        s += " %s %s" % (rng.choice(["apartment", "apt", "unit", "number"]) if unit[0] == "Apt"
                         else "unit", unit[1].lower() if not unit[1].isdigit()
                         else (w_num(int(unit[1])) if rng.random() < 0.5 else unit[1]))
        form += "_unit"
    return s, True, form


def spell(word, rng):
    k = rng.randint(0, 2)
    if k == 0:
        return " ".join(word.upper()), "spelled_space"
    if k == 1:
        return "-".join(word.upper()), "spelled_dash"
    return ", ".join("%s as in %s" % (c, ASIN.get(c, c.lower())) for c in word.upper()), "spelled_as_in"


def say_email(first, last, rng):
    dom = rng.choice(DOMAINS)
    local = rng.choice(["%s.%s" % (first, last), "%s%s" % (first[0], last), "%s_%s%d" % (
        first, last, rng.randint(1, 99)), "%s%d" % (last, rng.randint(40, 75))]).lower()
    value = "%s@%s" % (local, dom)
    if rng.random() < 0.4:
        return value, value, False, "written_email"
    sp = local.replace(".", " dot ").replace("_", " underscore ")
    sp = re.sub(r"(\d+)", lambda m: " ".join(ONES[int(c)] for c in m.group(1)), sp)
    dsp = dom.replace(".", " dot ")
    return value, "%s at %s" % (sp, dsp), True, "email_spoken_at_dot"


# ---------------------------------------------------------------- record builder
PH = re.compile("\u27e6(\\d+)\u27e7")


class Rec:
    def __init__(self):
        self.items = []

    def v(self, text, entity, spoken, cue, form, value):
        self.items.append(("span", text, dict(entity=entity, spoken=spoken, cue=cue, form=form,
                                              value=value)))
        return "\u27e6%d\u27e7" % (len(self.items) - 1)

    def n(self, text, what):
        self.items.append(("neg", text, dict(what=what)))
        return "\u27e6%d\u27e7" % (len(self.items) - 1)

    def resolve(self, raw):
        out = []
        spans, negs = [], []
        pos = 0
        last = 0
        for m in PH.finditer(raw):
            pre = raw[last:m.start()]
            out.append(pre)
            pos += len(pre.encode("utf-8"))
            kind, text, meta = self.items[int(m.group(1))]
            b = len(text.encode("utf-8"))
            if kind == "span":
                d = dict(start=pos, end=pos + b)
                d.update(meta)
                spans.append(d)
            else:
                negs.append(dict(start=pos, end=pos + b, what=meta["what"]))
            out.append(text)
            pos += b
            last = m.end()
        out.append(raw[last:])
        return "".join(out), spans, negs


# ---------------------------------------------------------------- call scenarios
class Call:
    """A scenario produces a list of (role, text-with-placeholders, is_formatted)."""

    def __init__(self, rng, rec, carrier, smart):
        self.r = rng
        self.rec = rec
        self.V = Vals(rng)
        self.carrier = carrier
        self.smart = smart  # probability a turn is smart-formatted
        self.turns = []
        self.summary = {}
        self.structured = {}
        self.agent_first, self.agent_last = self.V.name()

    def fmt(self):
        return self.r.random() < self.smart

    def say(self, role, text):
        self.turns.append((role, text))

    def name_sp(self, first, last, cue, full=True, spoken=True):
        n = "%s %s" % (first, last) if full else first
        if spoken and self.r.random() < 0.25:
            n = n.lower()
            return self.rec.v(n, "NAME", True, cue, "name_full_lower" if full else "name_first_lower", n)
        return self.rec.v(n, "NAME", spoken, cue, "name_full" if full else "name_first", n)

    def fill(self):
        return self.r.choice(FILLERS)

    # -- helpers returning placeholders
    def ph_phone(self, p, cue, formatted):
        t, sp, f = say_phone(p, self.r)
        if formatted and sp:
            t, sp, f = "(%s) %s-%s" % (p[:3], p[3:6], p[6:]), False, "written_paren_dash"
        if not formatted and not sp:
            t, sp, f = groups_spoken([p[:3], p[3:6], p[6:]], self.r, sep=" "), True, "digits_groups"
        return self.rec.v(t, "PHONE", sp, cue, f, p)

    def ph_date(self, d, ent, cue, formatted):
        t, sp, f = say_dob(d, self.r)
        if formatted and sp:
            t, sp, f = "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year), False, "written_mdy_full"
        if not formatted and not sp:
            t, sp, f = "%s %s %s" % (MONTHS[d.month - 1].lower(), ORD.get(d.day) or (
                w2(d.day - d.day % 10) + " " + ORD[d.day % 10]), year_words(d.year, self.r)), \
                True, "words_month_ord_year"
        return self.rec.v(t, ent, sp, cue, f, d.isoformat())

    def ph_digits(self, s, ent, cue, formatted, last4=False):
        if ent == "SSN":
            t, sp, f = say_ssn(s, self.r, last4)
            if formatted and sp:
                t, sp, f = (s[5:], False, "last4_written") if last4 else \
                    ("%s-%s-%s" % (s[:3], s[3:5], s[5:]), False, "written_dash")
            return self.rec.v(t, ent, sp, cue, f, s[5:] if last4 else s)
        if not s.isdigit():
            t, sp, f = say_alnum(s, self.r)
            if formatted:
                t, sp, f = s, False, "written_alnum"
            return self.rec.v(t, ent, sp, cue, f, s)
        t, sp, f = say_digits_id(s, self.r, ent)
        if formatted and sp:
            t, sp, f = s, False, "written_digits"
        if not formatted and not sp:
            t, sp, f = digit_words(s, self.r, group_double=True), True, "digits_oh_double"
        return self.rec.v(t, ent, sp, cue, f, s)

    def money(self, formatted):
        r = self.r
        d, c = r.randint(12, 4800), r.choice([0, 0, r.randint(1, 99)])
        if formatted:
            t = "$%s.%02d" % ("{:,}".format(d), c) if c or r.random() < 0.5 else "$%s" % "{:,}".format(d)
        else:
            t = w_num(d) + " dollars" + (" and %s cents" % w2(c) if c else "")
        return self.rec.n(t, "money")


def scenario(call, kind):
    """Fill call.turns and summary facts for one call kind. Returns call type label."""
    r, rec, V = call.r, call.rec, call.V
    A, C = "agent", "caller"
    af, al = call.agent_first, call.agent_last
    # patient (maybe the caller, maybe a parent/spouse)
    pf, pl = V.name()
    proxy = r.random() < 0.45
    if proxy:
        cf = r.choice(FIRST)
        cl = pl if r.random() < 0.7 else r.choice(LAST)
        rel = r.choice(["mother", "father", "husband", "wife", "mom", "dad"])
    else:
        cf, cl, rel = pf, pl, None
    pdob = V.dob(old=r.random() < 0.65)
    S = call.summary
    S["patient"] = "%s %s" % (pf, pl)
    S["dob"] = pdob
    if proxy:
        S["caller"] = "%s %s" % (cf, cl)
        S["rel"] = rel

    F = call.fmt
    greet = r.choice([
        "Thank you for calling patient financial services, this is %s, how can I help you?",
        "Patient accounts, my name is %s. Who do I have the pleasure of speaking with?",
        "Good morning, hospital billing office, %s speaking.",
        "Thanks for holding, this is %s in the business office. Can I get the patient's name?"])
    call.say(A, greet % call.name_sp(af, al, "same", full=False, spoken=True))
    # opening: caller may volunteer everything
    if r.random() < 0.3:
        t = "%s hi. %s. %s. I'm calling about a bill I got." % (
            call.fill().capitalize(), call.name_sp(pf, pl, "none"),
            call.ph_date(pdob, "DOB", "none", F()))
        call.say(C, t)
    elif proxy:
        call.say(C, "Yes hi, my name is %s, I'm calling for my %s, %s. I handle her paperwork now."
                 .replace("her", "his" if rel in ("father", "husband", "dad") else "her")
                 % (call.name_sp(cf, cl, "same"), rel, call.name_sp(pf, pl, "same")))
        call.say(A, "Okay. Is %s there with you to give verbal permission?" % call.name_sp(
            pf, pl, "prev", full=False))
        if r.random() < 0.5:
            call.say(C, r.choice(["Yeah, right here, hang on. Say yes so she can hear you.",
                                  "On speaker. Go ahead, tell her it's okay."]))
            call.say("caller2", r.choice(["Yes, that's fine. You can talk to them.",
                                          "yes it's okay, I give permission",
                                          "Yes. Yes. It's fine."]))
        else:
            call.say(C, "I'm on the %s authorization form, I'm the %s." % (
                rec.n(r.choice(["HIPAA", "release"]), "common_word") if False else "HIPAA",
                r.choice(["power of attorney", "personal representative", "guarantor"])))
        call.say(A, r.choice(["And the patient's birthday?", "Can I have the patient's date of birth?",
                              "What's the date of birth on the account?"]))
        call.say(C, call.ph_date(pdob, "DOB", "prev", F()))
    else:
        call.say(C, "Hi, %s, yeah, I got a statement in the mail and I have some questions." %
                 call.fill())
        call.say(A, "Sure, I can help. Can I get your first and last name?")
        if r.random() < 0.35:
            sp, form = spell(pl, r)
            call.say(C, "%s, last name is %s" % (call.name_sp(pf, pl, "prev"),
                                                 rec.v(sp, "NAME", True, "same", form, pl)))
        else:
            call.say(C, "It's %s" % call.name_sp(pf, pl, "prev"))
        call.say(A, r.choice(["And your date of birth?", "And what's your birthday?",
                              "Thank you. Can you verify the date of birth?"]))
        if r.random() < 0.3:
            call.say(C, "%s I was born in %s, %s" % (
                call.fill().capitalize(), rec.n(str(pdob.year) if F() else year_words(pdob.year, r), "year"),
                call.ph_date(pdob, "DOB", "same", F())))
        else:
            call.say(C, call.ph_date(pdob, "DOB", "prev", F()))
    if r.random() < 0.5:
        call.say(A, "Thank you, %s %s. Let me pull that up." % (
            r.choice(["Mr.", "Ms.", "Mrs.", "mister", "miss"]),
            rec.v(cl, "NAME", True, "prev", "name_last_after_title", cl)))
    else:
        call.say(A, "Thank you. Let me pull that up.")

    if kind == "balance":
        acct = V.acct()
        call.say(A, "Do you have the account number from the top right of the statement?")
        if r.random() < 0.3:
            p0 = V.phone()
            call.say(C, "I don't have the %s in front of me. The phone on the account is %s." % (
                rec.n("bill", "common_word"), call.ph_phone(p0, "same", F())))
            call.say(A, "That works, I found it. For your records the account number is %s." %
                     call.ph_digits(acct, "MRN", "same", True))
        else:
            call.say(C, "%s yeah hold on, it's %s" % (call.fill(), call.ph_digits(acct, "MRN", "prev", F())))
        call.say(A, "I see a balance of %s for the visit on %s." % (
            call.money(True), rec.n(r.choice(["June 3rd", "the 14th of August", "September 22",
                                              "march twelfth"]), "appointment_date")))
        call.say(C, "I thought insurance paid that. I paid %s at the front desk." % call.money(F()))
        call.say(A, "The claim was processed with a deductible. Would you like to pay today?")
        call.say(C, "Fine, I'll use my %s card." % r.choice(["Visa", "Discover", "Mastercard"]))
        card = V.card()
        call.say(A, "Go ahead with the card number when you're ready.")
        call.say(C, call.ph_digits_card(card, F()) if hasattr(call, "x") else
                 rec.v(*_card(card, r, F())))
        call.say(A, "And the billing zip code for the card?")
        z = V.zip()
        t, sp, f = say_zip(z, r)
        if F():
            t, sp, f = z, False, "written_zip"
        call.say(C, rec.v(t, "ZIP", sp, "prev", f, z))
        call.say(A, "Payment went through. Confirmation number %s. You can also %s to pay by phone." % (
            rec.n("%s%d" % (r.choice(["PF", "C", "TX"]), r.randint(100000, 999999)), "confirmation_number"),
            rec.n("press two", "menu_option")))
        S.update(acct=acct, card=card, zip=z)
    elif kind == "insurance":
        mid = V.member()
        call.say(A, "It looks like the claim denied, no active coverage on file. Do you have new insurance?")
        call.say(C, "Yes, we switched to %s in %s." % (r.choice(PAYERS), rec.n("January", "common_word")
                                                        if False else "January"))
        call.say(A, "What's the ID on the card, usually starts with letters?")
        call.say(C, "%s, it says %s" % (call.fill().capitalize(), call.ph_digits(mid, "MEMBER_ID", "prev", F())))
        call.say(A, "Group number?")
        call.say(C, "Group is %s." % rec.n(str(r.randint(10000, 99999)), "order_number"))
        if proxy or r.random() < 0.5:
            sf, sl = (cf, cl) if proxy else V.name()
            sdob = V.dob(old=r.random() < 0.5)
            call.say(A, "Who is the subscriber, the policy holder?")
            call.say(C, "That's %s, that's under %s." % ("me" if proxy else "my spouse",
                                                          call.name_sp(sf, sl, "same")))
            call.say(A, "And the subscriber's date of birth?")
            call.say(C, call.ph_date(sdob, "DOB", "prev", F()))
            S.update(sub="%s %s" % (sf, sl), sdob=sdob)
        call.say(A, "I'll rebill the claim, it can take %s." % rec.n(
            r.choice(["30 to 45 days", "thirty days", "six to eight weeks"]), "duration"))
        S.update(member=mid)
    elif kind == "medicare":
        mbi = V.mbi()
        call.say(C, "%s just turned %s and got on Medicare, so you need the new card." % (
            "My " + rel if proxy else "I", rec.n(str(r.choice([65, 66])) if F() else
                                                 r.choice(["sixty five", "sixty six"]), "age")))
        call.say(A, "Okay, what's the number on the front of the red white and blue card?")
        t, sp, f = say_mbi(mbi, r)
        if F():
            t, sp, f = mbi[:4] + "-" + mbi[4:7] + "-" + mbi[7:], False, "written_mbi_dash"
        call.say(C, "%s it's %s" % (call.fill().capitalize(), rec.v(t, "MBI", sp, "prev", f, mbi)))
        call.say(A, "Let me read that back: %s. Correct?" % rec.v(
            mbi if r.random() < 0.6 else " ".join(mbi), "MBI", False if True else True, "prev",
            "readback_written", mbi))
        call.say(C, "Yes. Part A and B both, effective the first of the month.")
        call.say(A, "Do you have a supplement or Part D too? You can %s for pharmacy." % rec.n(
            r.choice(["press three", "press 3"]), "menu_option"))
        if r.random() < 0.6:
            ssn = V.ssn()
            call.say(A, "And for verification, the last four of %s social?" % (
                "the patient's" if proxy else "your"))
            call.say(C, "%s" % call.ph_digits(ssn, "SSN", "prev", F(), last4=True))
        S.update(mbi=mbi)
    elif kind == "assistance":
        call.say(C, "I can't afford this, %s. I'm on a fixed income. Is there a %s or something?" % (
            call.money(F()), rec.n("grant", "common_word")))
        call.say(A, "You may qualify for financial assistance. How many people in the household?")
        call.say(C, "Just %s, me and my %s." % (rec.n(r.choice(["two", "2", "the two of us"]), "count"),
                                               r.choice(["husband", "wife", "daughter"])))
        call.say(A, "And monthly household income?")
        call.say(C, "About %s a month from Social Security." % call.money(F()))
        ssn = V.ssn()
        full = r.random() < 0.5
        call.say(A, "For the application I need the %s." % (
            "full social security number" if full else "last four of the social"))
        call.say(C, "%s" % call.ph_digits(ssn, "SSN", "prev", F(), last4=not full))
        email_v, email_t, esp, ef = say_email(pf if not proxy else cf, pl if not proxy else cl, r)
        if F():
            email_t, esp, ef = email_v, False, "written_email"
        call.say(A, "I can email the application. What email address?")
        call.say(C, "It's %s" % rec.v(email_t, "EMAIL", esp, "prev", ef, email_v))
        call.say(A, "You'll have %s days to send it back." % rec.n(r.choice(["30", "thirty", "sixty"]), "count"))
        S.update(ssn=ssn, email=email_v)
    elif kind == "stay":
        adm = V.recent()
        dis = adm + datetime.timedelta(days=r.randint(1, 9))
        if rel:
            call.say(C, "I need an itemized bill for the hospital stay, my %s was in the hospital." % rel)
        else:
            call.say(C, "I need an itemized bill for my hospital stay. When I went in I told them, %s" %
                     r.choice(call.carrier))
        call.say(A, "Which admission? I see a few on the account.")
        call.say(C, "%s admitted on %s and discharged %s." % (
            "I was" if not rel else "He was" if rel in ("husband", "father", "dad") else "She was",
            call.ph_date(adm, "DATE", "same", F()), call.ph_date(dis, "DATE", "same", F())))
        call.say(A, "Okay, room %s, %s nights." % (rec.n(str(r.randint(200, 899)), "room_number"),
                                                   rec.n(str((dis - adm).days), "count")))
        mrn = V.mrn()
        call.say(A, "I'll need the medical record number from the wristband paperwork if you have it.")
        call.say(C, "MRN %s" % call.ph_digits(mrn, "MRN", "same", F()))
        if rel:
            call.say(C, "%s told the nurse, and I quote, %s" % (
                "He" if rel in ("husband", "father", "dad") else "She", r.choice(call.carrier)))
        S.update(adm=adm, dis=dis, mrn=mrn)
    elif kind == "deceased":
        dod = V.recent()
        call.say(C, "My %s passed away on %s and I'm handling the estate. The bills keep coming." % (
            rel or "father", call.ph_date(dod, "DATE", "same", F())))
        call.say(A, "I'm so sorry for your loss. Are you the executor?")
        call.say(C, "Yes, I can send the letters testamentary. Where do I mail them?")
        call.say(A, "You can mail them or fax them, when you call the main line just %s. The balance is %s." % (
            rec.n(r.choice(["press four", "press 4", "choose option four"]), "menu_option"), call.money(True)))
        S.update(dod=dod)
    elif kind == "npi":
        nf, nl = V.name()
        npi = V.npi()
        call.say(C, "The claim got kicked back for the ordering provider.")
        call.say(A, "Who ordered the imaging?")
        call.say(C, "Dr. %s" % call.name_sp(nf, nl, "same"))
        call.say(A, "I need the NPI for the ordering physician.")
        call.say(C, "Her NPI is %s" % call.ph_digits(npi, "NPI", "same", F()))
        S.update(npi=npi, doc="%s %s" % (nf, nl))
    # address almost always
    if r.random() < 0.75:
        st = V.street()
        city = r.choice(CITIES)
        z = V.zip()
        call.say(A, r.choice(["Where should we mail the statement?", "Is the mailing address still current?",
                              "And the best address for correspondence?"]))
        fm = F()
        t, sp, f = say_street(st, r, fm)
        ztxt, zsp, zf = (z, False, "written_zip") if fm else say_zip(z, r)
        call.say(C, "%s %s, %s, %s" % (
            r.choice(["It's", "Um it's", "Mailing address is", "We moved, it's now", "Same as before,"]),
            rec.v(t, "STREET", sp, "prev", f, "%s %s %s" % (st[0], st[1], st[2][0])),
            rec.v(city if fm else city.lower() if r.random() < 0.5 else city, "CITY", not fm,
                  "prev", "city", city),
            rec.v(ztxt, "ZIP", zsp, "prev", zf, z)))
        S.update(street=st, city=city, szip=z)
    # phone, often volunteered
    if r.random() < 0.8:
        p = V.phone()
        if r.random() < 0.35:
            call.say(C, "Oh and my cell changed, %s, in case you need to call." % call.ph_phone(p, "same", F()))
        else:
            call.say(A, "Best callback number?")
            if r.random() < 0.3:
                a3 = groups_spoken([p[:3], p[3:6]], r, sep=", ", filler=0)
                call.say(C, rec.v(a3, "PHONE", True, "prev", "split_first6", p))
                call.say(A, r.choice(["Mm-hm.", "Okay, go on.", "Uh huh."]))
                call.say(C, rec.v(digit_words(p[6:], r), "PHONE", True, "prev", "split_last4", p))
            elif r.random() < 0.4:
                half = call.ph_phone(p, "prev", False)
                call.say(C, half)
            else:
                call.say(C, call.ph_phone(p, "prev", F()))
        if r.random() < 0.5:
            call.say(A, "So that's %s." % call.rec.v("(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "PHONE",
                                                      False, "prev", "readback_paren_dash", p))
        S.update(phone=p)
    # close
    call.say(A, r.choice(["Anything else I can help with today?", "Is there anything else?"]))
    call.say(C, r.choice(["No, that's it. Our office hours are what, %s?" % rec.n(
        r.choice(["eight to five", "8 to 4:30", "9 to 5"]), "time"),
                          "No thank you, you've been very helpful.",
                          "That's all. Thanks %s." % call.name_sp(af, al, "prev", full=False)]))
    return kind


def _card(card, r, formatted):
    t, sp, f = say_card(card, r)
    if formatted and sp:
        gs = [card[i:i + 4] for i in range(0, 16, 4)] if len(card) == 16 else [card[:4], card[4:10], card[10:]]
        t, sp, f = " ".join(gs), False, "written_groups"
    return t, "CARD", sp, "prev", f, card


KINDS = ["balance", "insurance", "medicare", "assistance", "stay", "deceased", "npi"]


# ---------------------------------------------------------------- renderers
def ts(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def render_transcript(call, rng):
    style = rng.randint(0, 4)
    labels = {0: ("Agent:", "Customer:", "Customer 2:"), 1: ("AGENT:", "CALLER:", "CALLER (2):"),
              2: ("spk_0:", "spk_1:", "spk_2:"), 3: ("Rep:", "Caller:", "Other:"),
              4: ("Speaker 1:", "Speaker 2:", "Speaker 3:")}[style]
    use_ts = rng.random() < 0.5
    sec = rng.randint(0, 5)
    lines = []
    for role, text in call.turns:
        lab = labels[0] if role == "agent" else labels[1] if role == "caller" else labels[2]
        if style == 2 and rng.random() < 0.5:
            text = text.replace(",", "").replace("?", "").replace(".", "")
            text = PH.sub(lambda m: m.group(0), text)
        line = "%s %s" % (lab, text)
        if use_ts:
            line = ts(sec) + " " + line
        sec += rng.randint(2, 14)
        lines.append(line)
    return "\n".join(lines)


def summary_text(call, rec, rng):
    S = call.summary
    bits = []
    if "caller" in S:
        bits.append("%s called on behalf of %s %s, %s." % (
            rec.v(S["caller"], "NAME", False, "none", "summary_name", S["caller"]),
            "her" if rng.random() < 0.5 else "their", S["rel"],
            rec.v(S["patient"], "NAME", False, "none", "summary_name", S["patient"])))
    else:
        bits.append("Patient %s called billing." % rec.v(S["patient"], "NAME", False, "same",
                                                         "summary_name", S["patient"]))
    d = S["dob"]
    bits.append("DOB %s verified." % rec.v(
        "%02d/%02d/%d" % (d.month, d.day, d.year), "DOB", False, "same", "written_mdy_slash",
        d.isoformat()))
    if "acct" in S:
        bits.append("Account %s; payment taken by card ending %s." % (
            rec.v(S["acct"], "MRN", False, "same", "summary_acct", S["acct"]),
            rec.n(S["card"][-4:], "confirmation_number") if False else S["card"][-4:]))
    if "member" in S:
        bits.append("New member ID %s added; claim to be rebilled." % rec.v(
            S["member"], "MEMBER_ID", False, "same", "summary_written", S["member"]))
    if "mbi" in S:
        bits.append("Medicare MBI %s added." % rec.v(S["mbi"], "MBI", False, "same", "summary_written",
                                                     S["mbi"]))
    if "adm" in S:
        bits.append("Itemized bill requested for admission %s to %s." % (
            rec.v(S["adm"].strftime("%m/%d/%Y"), "DATE", False, "same", "written_mdy_slash",
                  S["adm"].isoformat()),
            rec.v(S["dis"].strftime("%m/%d/%Y"), "DATE", False, "same", "written_mdy_slash",
                  S["dis"].isoformat())))
    if "dod" in S:
        bits.append("Patient deceased %s; estate paperwork to follow." % rec.v(
            "%s %d, %d" % (MONTHS[S["dod"].month - 1], S["dod"].day, S["dod"].year), "DATE", False,
            "same", "written_mdy_full", S["dod"].isoformat()))
    if "email" in S:
        bits.append("Financial assistance application emailed to %s." % rec.v(
            S["email"], "EMAIL", False, "same", "written_email", S["email"]))
    if "phone" in S:
        p = S["phone"]
        bits.append("Callback %s." % rec.v("%s-%s-%s" % (p[:3], p[3:6], p[6:]), "PHONE", False,
                                           "same", "written_dash", p))
    return " ".join(bits)


def structured(call, rec):
    S = call.summary
    out = {"patientName": rec.v(S["patient"], "NAME", False, "same", "struct_name", S["patient"]),
           "dateOfBirth": rec.v(S["dob"].isoformat(), "DOB", False, "same", "written_iso",
                                S["dob"].isoformat())}
    if "caller" in S:
        out["callerName"] = rec.v(S["caller"], "NAME", False, "same", "struct_name", S["caller"])
        out["relationship"] = S["rel"]
    if "acct" in S:
        out["accountNumber"] = rec.v(S["acct"], "MRN", False, "same", "struct_acct", S["acct"])
    if "member" in S:
        out["memberId"] = rec.v(S["member"], "MEMBER_ID", False, "same", "struct", S["member"])
    if "mbi" in S:
        out["mbi"] = rec.v(S["mbi"], "MBI", False, "same", "struct", S["mbi"])
    if "phone" in S:
        out["callbackNumber"] = rec.v("+1" + S["phone"], "PHONE", False, "same", "e164", S["phone"])
    if "szip" in S:
        out["zip"] = rec.v(S["szip"], "ZIP", False, "same", "struct", S["szip"])
    out["followUpNeeded"] = "adm" in S or "dod" in S
    return out


def strip_for_json(text):
    return text


def EPOCH_MS(d):
    return (d - datetime.datetime(1970, 1, 1)).total_seconds() * 1000


def render_vapi(call, rec, rng, idx):
    start = datetime.datetime(2026, 11, 2, 13, 0, 0) + datetime.timedelta(minutes=37 * idx)
    msgs = []
    t = 1.2
    lines = []
    for role, text in call.turns:
        vr = "bot" if role == "agent" else "user"
        lines.append(("AI: " if vr == "bot" else "User: ") + text)
        msgs.append({"role": vr, "message": text, "time": int(EPOCH_MS(start) + t * 1000),
                     "endTime": int(EPOCH_MS(start) + (t + 3.1) * 1000),
                     "secondsFromStart": round(t, 2)})
        t += rng.randint(3, 12) + 0.37
    # second copy of transcript must get fresh placeholders: re-register items
    transcript = "\n".join(dup(rec, l) for l in lines)
    sid = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16),
                                           rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48))
    cust = {}
    if "phone" in call.summary and rng.random() < 0.6:
        p = call.summary["phone"]
        cust = {"number": rec.v("+1" + p, "PHONE", False, "none", "e164", p)}
    payload = {"message": {
        "type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call",
                                                                 "assistant-ended-call"]),
        "call": {"id": sid, "type": "inboundPhoneCall", "customer": cust,
                 "phoneNumberId": "pn_%06d" % rng.randint(0, 999999)},
        "artifact": {"messages": msgs, "transcript": transcript,
                     "recordingUrl": "https://storage.vapi.example/rec/%s.wav" % sid},
        "analysis": {"summary": summary_text(call, rec, rng),
                     "structuredData": structured(call, rec), "successEvaluation": "true"},
        "startedAt": start.isoformat() + "Z", "cost": round(rng.uniform(0.05, 0.9), 4),
        "durationSeconds": round(t, 1)}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def dup(rec, text):
    """Copy placeholders so a repeated text gets its own spans."""
    def f(m):
        kind, t, meta = rec.items[int(m.group(1))]
        rec.items.append((kind, t, dict(meta, cue="prev") if kind == "span" and False else dict(meta)))
        return "\u27e6%d\u27e7" % (len(rec.items) - 1)
    return PH.sub(f, text)


def render_transcribe(call, rec, rng, idx):
    segs = []
    ms = rng.randint(300, 2000)
    for role, text in call.turns:
        dur = 900 + 60 * len(PH.sub("xxxxxxxx", text))
        segs.append({"BeginOffsetMillis": ms, "Content": text, "EndOffsetMillis": ms + dur,
                     "Id": "%08x-%04x-%04x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16)),
                     "LoudnessScores": [round(rng.uniform(60, 85), 2) for _ in range(3)],
                     "ParticipantRole": "AGENT" if role == "agent" else "CUSTOMER",
                     "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "POSITIVE", "NEGATIVE"])})
        ms += dur + rng.randint(200, 1500)
    payload = {"JobName": "pfs-call-%05d" % (4000 + idx), "JobStatus": "COMPLETED",
               "LanguageCode": "en-US", "AccountId": "%012d" % rng.randint(0, 10 ** 12 - 1),
               "Channel": "VOICE", "ContentMetadata": {"Output": "Raw"},
               "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
               "Transcript": segs,
               "Categories": {"MatchedCategories": [], "MatchedDetails": {}},
               "ConversationCharacteristics": {
                   "TotalConversationDurationMillis": ms,
                   "NonTalkTime": {"TotalTimeMillis": rng.randint(1000, 9000), "Instances": []},
                   "Interruptions": {"TotalCount": rng.randint(0, 4)},
                   "Sentiment": {"OverallSentiment": {"AGENT": round(rng.uniform(0, 3), 1),
                                                      "CUSTOMER": round(rng.uniform(-2, 3), 1)}}}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def build(seed, n):
    rng = random.Random(seed)
    carrier, _ = load_carrier()
    out = []
    for i in range(n):
        rec = Rec()
        fmt_kind = "transcript" if i % 2 == 0 else ("vapi" if i % 4 == 1 else "transcribe")
        smart = {"transcript": rng.choice([0.75, 0.55, 0.4]), "vapi": 0.7, "transcribe": 0.3}[fmt_kind]
        call = Call(rng, rec, carrier, smart)
        kind = scenario(call, KINDS[rng.randrange(len(KINDS))])
        if fmt_kind == "transcript":
            raw = render_transcript(call, rng)
            rid, fm, prof = "h26-%04d" % i, "transcript", None
            k = "pfs_%s_cc_smartfmt" % kind
        elif fmt_kind == "vapi":
            raw = render_vapi(call, rec, rng, i)
            fm, prof, k = "json", "vapi", "pfs_%s_vapi_eocr" % kind
        else:
            raw = render_transcribe(call, rec, rng, i)
            fm, prof, k = "json", "transcribe", "pfs_%s_transcribe_ca" % kind
        text, spans, negs = rec.resolve(raw)
        r = {"id": "h26-%04d" % i, "format": fm}
        if prof:
            r["profile"] = prof
        r.update(kind=k, text=text, spans=spans, negatives=negs)
        out.append(r)
    return out


# ---------------------------------------------------------------- check
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
for i, w in enumerate(TEENS):
    WORDNUM[w] = 10 + i
for i, w in enumerate(TENS):
    if w != "_":
        WORDNUM[w] = 10 * i


def spoken_digits(t):
    """Digits a reader would write for a spoken/mixed number rendering (best effort)."""
    toks = re.findall(r"[a-z]+|\d+", t.lower())
    out = []
    rep = 1
    i = 0
    while i < len(toks):
        w = toks[i]
        if w.isdigit():
            out.append(w)
        elif w == "double":
            rep = 2
        elif w == "triple":
            rep = 3
        elif w in WORDNUM:
            v = WORDNUM[w]
            if 20 <= v <= 90 and i + 1 < len(toks) and toks[i + 1] in ONES[1:]:
                v += WORDNUM[toks[i + 1]]
                i += 1
                out.append(str(v))
            elif i + 1 < len(toks) and toks[i + 1] == "hundred":
                rest = 0
                j = i + 2
                if j < len(toks) and toks[j] in WORDNUM and WORDNUM[toks[j]] >= 10 and toks[j] not in ("oh", "o"):
                    rest = WORDNUM[toks[j]]
                    j += 1
                    if rest >= 20 and j < len(toks) and toks[j] in ONES[1:]:
                        rest += WORDNUM[toks[j]]
                        j += 1
                elif j < len(toks) and toks[j] in ONES[1:]:
                    rest = WORDNUM[toks[j]]
                    j += 1
                out.append(str(v * 100 + rest))
                i = j - 1
            else:
                out.append(str(v) * rep)
            rep = 1
        i += 1
    return "".join(out)


def date_ok(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def check_value(s, txt):
    e, v = s["entity"], s.get("value", "")
    if e == "SSN":
        if len(v) == 4:
            return v.isdigit() and v != "0000"
        return (len(v) == 9 and v.isdigit() and v[:3] != "000" and v[:3] != "666"
                and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000")
    if e == "PHONE":
        return len(v) == 10 and v[3:8] == "55501"
    if e == "NPI":
        return len(v) == 10 and v[0] in "12" and luhn_ok("80840" + v)
    if e == "CARD":
        return luhn_ok(v) and v[:6] in ("411111", "424242", "555555", "510510", "601111", "378282")
    if e == "MBI":
        return mbi_ok(v)
    if e in ("DOB", "DATE"):
        return date_ok(v)
    if e == "ZIP":
        return len(v) == 5 and v.isdigit()
    if e in ("MRN", "MEMBER_ID"):
        return v.isalnum()
    if e == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z.]+", v) is not None
    return bool(v)


def digits_consistent(s, txt):
    e, v = s["entity"], s.get("value", "")
    if s["form"] == "split_first6":
        return spoken_digits(txt) == v[:6]
    if s["form"] == "split_last4":
        return spoken_digits(txt) == v[6:]
    if e in ("SSN", "PHONE", "NPI", "CARD", "ZIP") or (e == "MRN" and v.isdigit()):
        want = re.sub(r"\D", "", v)
        got = spoken_digits(txt)
        if s["form"] == "e164":
            return got == "1" + want
        return got == want
    return True


def check(paths):
    recs = []
    errs = 0
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                r = json.loads(line)
                recs.append(r)
                b = r["text"].encode("utf-8")
                prob = []
                ivs = []
                for s in r["spans"]:
                    if not (0 <= s["start"] < s["end"] <= len(b)):
                        prob.append("bad offsets %r" % s)
                        continue
                    txt = b[s["start"]:s["end"]].decode("utf-8")
                    if txt != txt.strip() or not txt:
                        prob.append("untrimmed span %r" % txt)
                    if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP",
                                           "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                        prob.append("bad entity %s" % s["entity"])
                    if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool):
                        prob.append("bad cue/spoken %r" % s)
                    if not check_value(s, txt):
                        prob.append("invalid value %s %r" % (s["entity"], s.get("value")))
                    if not digits_consistent(s, txt):
                        prob.append("rendering %r != value %r" % (txt, s.get("value")))
                    ivs.append((s["start"], s["end"]))
                for n in r["negatives"]:
                    if not (0 <= n["start"] < n["end"] <= len(b)) or not n.get("what"):
                        prob.append("bad negative %r" % n)
                    ivs.append((n["start"], n["end"]))
                ivs.sort()
                for a, c in zip(ivs, ivs[1:]):
                    if c[0] < a[1]:
                        prob.append("overlap %r %r" % (a, c))
                if r["format"] == "json":
                    try:
                        obj = json.loads(r["text"])
                    except ValueError as ex:
                        prob.append("json: %s" % ex)
                        obj = None
                    if obj is not None and json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != r["text"]:
                        prob.append("not compact json")
                    strs = [(m.start(), m.end()) for m in re.finditer(rb'"(?:[^"\\]|\\.)*"', b)]
                    for a, c in ivs:
                        if not any(x < a and c < y for x, y in strs):
                            prob.append("span outside JSON string %d-%d" % (a, c))
                    if r.get("profile") not in ("vapi", "transcribe"):
                        prob.append("bad profile")
                elif r["format"] == "transcript":
                    lines = r["text"].split("\n")
                    if not (8 <= len(lines) <= 40):
                        prob.append("%d lines" % len(lines))
                    for l in lines:
                        if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?[A-Za-z][A-Za-z0-9_ ()]*:\s\S", l):
                            prob.append("bad line %r" % l[:60])
                    if r["text"].endswith("\n"):
                        prob.append("trailing newline")
                else:
                    prob.append("bad format")
                for x in prob:
                    errs += 1
                    print("%s:%d %s: %s" % (p, ln, r["id"], x), file=sys.stderr)
    stats(recs)
    print("records %d, problems %d" % (len(recs), errs))
    return 1 if errs else 0


def stats(recs):
    c = collections.Counter()
    ent = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    for r in recs:
        fmt[(r["format"], r.get("profile") or "-")] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("formats: " + ", ".join("%s/%s %d" % (a, b, n) for (a, b), n in sorted(fmt.items())))
    print("entity totals: " + ", ".join("%s %d" % kv for kv in sorted(ent.items())))
    print("entity x spoken/written x cue:")
    for k in sorted(c):
        print("  %-10s %-8s %-5s %d" % (k + (c[k],)))
    print("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negs.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2626)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.check))
    recs = build(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
