#!/usr/bin/env python3
"""Holdout 20: home-health / hospice / DME / Medicaid-waiver phone calls with fictitious PHI.

Standard library only; deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout20.py [--seed S] [--n COUNT] > holdout20.jsonl
  python3 gen_holdout20.py --stats
  python3 gen_holdout20.py --check holdout20.jsonl
"""
import argparse
import collections
import csv
import datetime
import json
import os
import random
import re
import sys

DEFAULT_SEED = 20261220
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------- values

MBI_L = "ACDEFGHJKMNPQRTUVWXY"
AREAS = ["205", "256", "334", "251", "601", "662", "901", "731", "615", "865", "270", "502",
         "606", "859", "317", "765", "812", "614", "740", "937", "513", "417", "573", "816",
         "314", "870", "479", "318", "337", "618", "217", "309"]
CITIES = [("Tupelo", "38"), ("Paducah", "42"), ("Muncie", "47"), ("Jonesboro", "72"),
          ("Sikeston", "63"), ("Dothan", "36"), ("Hattiesburg", "39"), ("Owensboro", "42"),
          ("Kokomo", "46"), ("Decatur", "35"), ("Cape Girardeau", "63"), ("Bowling Green", "42"),
          ("Terre Haute", "47"), ("Chillicothe", "45"), ("Poplar Bluff", "63"), ("Corinth", "38"),
          ("Hazard", "41"), ("Marion", "62"), ("Carbondale", "62"), ("Jackson", "38"),
          ("Murray", "42"), ("Cullman", "35"), ("Opelika", "36"), ("Natchez", "39"),
          ("Mount Vernon", "62"), ("Russellville", "72"), ("West Plains", "65"), ("Lima", "45"),
          ("Vincennes", "47"), ("Monroe", "71"), ("Ruston", "71"), ("Greenwood", "38")]
FIRST_F = ["Betty", "Wanda", "Loretta", "Mavis", "Opal", "Edna", "Geraldine", "Darlene",
           "Rhonda", "Peggy", "Bobbie", "Jolene", "Imogene", "Velma", "Lorene", "Shirley",
           "Tammy", "Sheila", "Carolyn", "Nadine", "Inez", "Ruby", "Glenda", "Twila", "Kendra",
           "Latoya", "Rosalind", "Marisol", "Kimberly", "Charlene"]
FIRST_M = ["Earl", "Delbert", "Harlan", "Virgil", "Roy", "Clifton", "Otis", "Leon", "Wendell",
           "Dewayne", "Junior", "Lonnie", "Floyd", "Carl", "Rodney", "Marcus", "Terrence",
           "Dale", "Russell", "Vernon", "Curtis", "Homer", "Travis", "Jerome", "Emmett"]
LAST = ["Hankins", "Pruitt", "Whitlock", "Bledsoe", "Crenshaw", "Tackett", "Dunaway", "Spurlock",
        "McCrary", "Goins", "Yarbrough", "Hollifield", "Stamper", "Kilgore", "Rutledge",
        "Fentress", "Beasley", "Combs", "Hatfield", "Pennington", "Sizemore", "Whitaker",
        "Oakley", "Prater", "Lovelace", "Wooten", "Satterfield", "Gentry", "Sweeney", "Mayhew",
        "Blevins", "Tolliver", "Honeycutt", "Ratliff", "Stidham", "Langford"]
STREETS = ["Pine Bluff", "Old Hickory", "Cedar Grove", "Shady Lane", "Possum Trot", "Mill Creek",
           "Church", "Depot", "Walnut", "Pleasant Hill", "Magnolia", "Dogwood", "Sycamore",
           "Bethel Church", "Honey Creek", "Lakeview", "Cotton Gin", "Sugar Tree", "Red Oak",
           "Persimmon", "Turkey Foot", "Blue Springs", "Maple", "Locust", "Hickory Ridge"]
SUFFIX = [("Road", "Rd."), ("Street", "St."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Avenue", "Ave."), ("Circle", "Cir."), ("Court", "Ct."), ("Pike", "Pike"),
          ("Trail", "Trl.")]
DOMAINS = ["gmail.com", "yahoo.com", "att.net", "bellsouth.net", "hotmail.com", "aol.com",
           "windstream.net", "outlook.com", "icloud.com", "frontier.com"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "J": "juliet", "K": "kilo", "M": "mike", "N": "november",
        "P": "papa", "Q": "quebec", "R": "romeo", "T": "tango", "U": "uniform", "V": "victor",
        "W": "whiskey", "X": "x-ray", "Y": "yankee", "S": "sierra", "L": "lima", "Z": "zulu"}
ASIN = {"A": "Apple", "C": "Charlie", "D": "David", "E": "Edward", "F": "Frank", "G": "George",
        "H": "Henry", "J": "John", "K": "King", "M": "Mary", "N": "Nancy", "P": "Paul",
        "Q": "Queen", "R": "Robert", "T": "Tom", "U": "Uncle", "V": "Victor", "W": "William",
        "X": "X-ray", "Y": "Yellow", "B": "Boy", "S": "Sam", "L": "Larry", "Z": "Zebra"}
HOMO = {"four": ["for"], "two": ["to", "too"], "eight": ["ate"], "one": ["won"], "oh": ["o"],
        "nine": ["nein"], "fourteen": ["four teen"], "forty": ["for tea"], "sixty": ["six tee"],
        "fifty": ["fif tee"], "thirty": ["thir tee"], "eighteen": ["eight teen"]}


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


def mk_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    return "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))


def mk_phone(r):
    return "%s-555-01%02d" % (r.choice(AREAS), r.randint(0, 99))


def mk_npi(r):
    body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)


CARD_PFX = [("411111", 16), ("401288", 16), ("555555", 16), ("510510", 16), ("601100", 16),
            ("378282", 15)]


def mk_card(r):
    p, n = r.choice(CARD_PFX)
    body = p + "".join(r.choice("0123456789") for _ in range(n - len(p) - 1))
    return body + luhn_digit(body)


def mk_mbi(r):
    al = "0123456789" + MBI_L
    s = [r.choice("123456789"), r.choice(MBI_L), r.choice(al), r.choice("0123456789"),
         r.choice(MBI_L), r.choice(al), r.choice("0123456789"), r.choice(MBI_L),
         r.choice(MBI_L), r.choice("0123456789"), r.choice("0123456789")]
    return "".join(s)


MBI_RE = re.compile(r"^[1-9][%s][0-9%s][0-9][%s][0-9%s][0-9][%s][%s][0-9][0-9]$"
                    % ((MBI_L,) * 6))


def mk_date(r, y0, y1):
    d = datetime.date(y0, 1, 1) + datetime.timedelta(days=r.randint(0, (datetime.date(y1, 12, 31) - datetime.date(y0, 1, 1)).days))
    return d


def mk_zip(r, pfx):
    return pfx + "%03d" % r.randint(1, 999)


def mk_mrn(r):
    k = r.randint(0, 3)
    if k == 0:
        return "%d%06d" % (r.randint(1, 9), r.randint(0, 999999))
    if k == 1:
        return "HH%06d" % r.randint(100000, 999999)
    if k == 2:
        return "%08d" % r.randint(10000000, 99999999)
    return "M%d%07d" % (r.randint(1, 9), r.randint(0, 9999999))


def mk_member(r):
    k = r.randint(0, 3)
    if k == 0:   # Medicaid-style numeric
        return "%d%09d" % (r.randint(1, 9), r.randint(0, 999999999))
    if k == 1:
        return "%s%s%s%08d" % (r.choice("WXYZ"), r.choice("ABCDEFGHJK"), r.choice("MNPQRT"), r.randint(0, 99999999))
    if k == 2:
        return "%s%09d" % (r.choice("ABCHKMW"), r.randint(0, 999999999))
    return "%d%d%07d%s" % (r.randint(1, 9), r.randint(0, 9), r.randint(0, 9999999), r.choice("ABC"))


# --------------------------------------------------------------------------- spoken renderings

def w_digit(d, r, zero=None):
    if d == "0":
        return zero or r.choice(["oh", "oh", "zero", "o"])
    return ONES[int(d)]


def w_pair(s, r, zero=None):
    """two digits as a number ("forty two", "oh five", "ten")."""
    a, b = s[0], s[1]
    if a == "0":
        return w_digit("0", r, zero) + " " + w_digit(b, r, zero)
    if a == "1":
        return TEENS[int(b)]
    return TENS[int(a)] + ("" if b == "0" else (" " if r.random() < .6 else "-") + ONES[int(b)])


def w_digits(s, r, zero=None, dbl=False):
    out = []
    i = 0
    z = zero or r.choice(["oh", "zero", "oh"])
    while i < len(s):
        if dbl and i + 2 < len(s) and s[i] == s[i + 1] == s[i + 2]:
            out.append("triple " + w_digit(s[i], r, z))
            i += 3
        elif dbl and i + 1 < len(s) and s[i] == s[i + 1]:
            out.append("double " + w_digit(s[i], r, z))
            i += 2
        else:
            out.append(w_digit(s[i], r, z))
            i += 1
    return " ".join(out)


def w_group(s, r, mode, zero=None):
    """speak a digit group in one of several ways."""
    if mode == "pairs" and len(s) == 4 and s[0] != "0":
        return w_pair(s[:2], r, zero) + " " + w_pair(s[2:], r, zero)
    if mode == "hund" and len(s) == 3 and s[0] != "0":
        return ONES[int(s[0])] + " " + (w_pair(s[1:], r, zero) if s[1] != "0" else w_digit("0", r, zero) + " " + w_digit(s[2], r, zero))
    return w_digits(s, r, zero, dbl=(mode == "dbl"))


def noisy(text, r, p=.35):
    out = []
    for w in text.split(" "):
        k = w.strip(",.")
        if k in HOMO and r.random() < p:
            w = w.replace(k, r.choice(HOMO[k]))
        out.append(w)
    return " ".join(out)


def join_groups(parts, r, sep=None):
    sep = sep if sep is not None else r.choice([", ", " ", "... ", " uh ", ", ", " - "])
    return sep.join(parts)


def phone_spoken(v, r):
    a, b, c = v.split("-")
    k = r.randint(0, 5)
    if k == 0:
        return join_groups([w_digits(a, r), w_digits(b, r), w_digits(c, r)], r), "digits_words_grouped"
    if k == 1:
        return join_groups([w_digits(a, r), "triple five", w_group(c, r, "pairs")], r), "triple_pairs"
    if k == 2:
        return "%s %s %s" % (a, b, c), "digits_space"
    if k == 3:
        return "%s, %s, %s" % (w_group(a, r, "hund"), w_digits(b, r, dbl=True), w_digits(c, r)), "hund_double_digits"
    if k == 4:
        return "%s %s-%s" % (w_digits(a, r), b, c), "mixed_words_digits"
    return "%s... %s... %s %s" % (w_digits(a, r), w_digits(b, r), w_digits(c[:2], r), w_digits(c[2:], r)), "digits_pauses_split"


def phone_written(v, r):
    a, b, c = v.split("-")
    return r.choice([("(%s) %s-%s" % (a, b, c), "paren_dash"), (v, "dash"),
                     ("%s.%s.%s" % (a, b, c), "dots"), ("+1 %s %s %s" % (a, b, c), "e164_space")])


def ssn_spoken(v, r, last4=False):
    a, b, c = v.split("-")
    if last4:
        return r.choice([(w_digits(c, r), "last4_words"), (w_group(c, r, "pairs"), "last4_pairs"),
                         (c, "last4_digits")])
    k = r.randint(0, 4)
    if k == 0:
        return join_groups([w_digits(a, r), w_digits(b, r), w_digits(c, r)], r), "digits_words_grouped"
    if k == 1:
        return w_digits(a + b + c, r, dbl=True), "digits_words_run_double"
    if k == 2:
        return "%s %s %s" % (a, b, c), "digits_space"
    if k == 3:
        return "%s, %s, %s" % (w_group(a, r, "hund"), w_pair(b, r), w_group(c, r, "pairs")), "hund_pairs"
    return "%s, uh, %s, %s" % (w_digits(a, r), b, w_digits(c, r)), "mixed_um"


def date_spoken(d, r, regional=True, with_year=True):
    m, dd, y = d.month, d.day, d.year
    yy = "%02d" % (y % 100)
    y_words = (w_pair(str(y)[:2], r) + " " + w_pair(str(y)[2:], r)) if y % 100 >= 10 else (w_pair(str(y)[:2], r) + " oh " + ONES[y % 10]) if y % 100 else "nineteen hundred"
    k = r.randint(0, 7)
    if not with_year:
        return r.choice([("%s %s" % (MONTHS[m - 1], ORD[dd]), "month_ord"),
                         ("the %s of %s" % (ORD[dd], MONTHS[m - 1]), "the_d_of_m")])
    if k == 0 and regional:
        return "the %s of %s in %s" % (ORD[dd], MONTHS[m - 1], w_pair(yy, r)), "the_d_of_m_in_yy"
    if k == 1 and regional:
        return "%s %s %s" % (ONES[m] if m < 10 else w_pair("%02d" % m, r), ONES[dd] if dd < 10 else w_pair("%02d" % dd, r), w_pair(yy, r)), "num_mdy_nolead_yy"
    if k == 2:
        return "%s %s, %s" % (MONTHS[m - 1], ORD[dd], y_words), "month_ord_full"
    if k == 3:
        return "%s %s %s" % (w_pair("%02d" % m, r, "oh"), w_pair("%02d" % dd, r, "oh"), w_pair(yy, r, "oh")), "num_mdy_lead_yy"
    if k == 4:
        return "%s the %s, %s" % (MONTHS[m - 1], ORD[dd], y_words), "month_the_ord_full"
    if k == 5:
        return "%s %d, %d" % (MONTHS[m - 1], dd, y), "month_digits_mixed"
    if k == 6:
        return "%s/%s/%s" % (ONES[m] if m < 10 else w_pair("%02d" % m, r), dd, w_pair(yy, r)), "mixed_slash"
    return "%s %s, %s" % (MONTHS[m - 1].lower(), ORD[dd], y_words), "month_ord_full_lower"


def date_written(d, r):
    m, dd, y = d.month, d.day, d.year
    return r.choice([("%02d/%02d/%d" % (m, dd, y), "written_mdy_full"),
                     ("%d/%d/%d" % (m, dd, y), "written_mdy_nolead"),
                     ("%s %d, %d" % (MONTHS[m - 1], dd, y), "written_month_d_y"),
                     ("%s %d%s, %d" % (MONTHS[m - 1], dd, "th" if 10 < dd < 14 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th"), y), "written_month_dth_y"),
                     ("%d-%d-%02d" % (m, dd, y % 100), "written_mdy_short"),
                     ("%d-%02d-%02d" % (y, m, dd), "written_iso")])


def zip_spoken(z, r):
    base = z[:5]
    k = r.randint(0, 3)
    if k == 0:
        s, f = w_digits(base, r), "digits_words"
    elif k == 1:
        s, f = w_pair(base[:2], r) + " " + w_digits(base[2:], r), "pair_then_digits"
    elif k == 2:
        s, f = base, "digits"
    else:
        s, f = w_digits(base[:3], r) + "... " + w_digits(base[3:], r), "digits_words_pause"
    if len(z) > 5:
        s += " dash " + w_digits(z[6:], r)
        f += "_plus4"
    return s, f


def alnum_spoken(v, r, style=None):
    style = style or r.choice(["plain", "asin", "nato", "digits_run"])
    if style == "digits_run" and not re.fullmatch(r"[A-Z]*\d+", v):
        style = "plain"
    out = []
    for ch in v:
        if ch.isdigit():
            out.append(w_digit(ch, r, "oh" if style != "nato" else "zero"))
        elif style == "asin":
            out.append("%s as in %s" % (ch, ASIN[ch]))
        elif style == "nato":
            out.append(NATO[ch])
        else:
            out.append(ch)
    if style == "digits_run":
        # letters as letters, digits grouped in 3s with the figures
        s = "".join(c for c in v if c.isalpha())
        d = "".join(c for c in v if c.isdigit())
        groups = [d[i:i + 3] for i in range(0, len(d), 3)]
        return (" ".join(s) + " " if s else "") + " ".join(groups), "letters_digits_groups"
    sep = ", " if style == "asin" else " "
    return sep.join(out), "alnum_" + style


def email_spoken(local, dom, r):
    name, dig = re.match(r"([a-z._]+?)(\d*)$", local).groups()
    name = name.replace("_", " underscore ")
    dspeak = (" " + w_pair(dig, r)) if len(dig) == 2 else (" " + w_digits(dig, r) if dig else "")
    dw = dom.replace(".", " dot ")
    k = r.randint(0, 3)
    if k == 0:
        return "%s%s at %s" % (name.replace(".", " dot "), dspeak, dw), "email_words"
    if k == 1:
        return "%s%s at %s" % (" ".join(("dot" if ch == "." else ch) for ch in name.replace(" underscore ", "_")).replace("_", "underscore"), dspeak, dw), "email_spelled_letters"
    if k == 2:
        return "%s%s, all one word, at %s" % (name.replace(".", " period "), dspeak, dw), "email_all_one_word"
    return "%s%s at %s" % (name.replace(".", " dot "), (" " + dig) if dig else "", dw), "email_words_digits"


# --------------------------------------------------------------------------- record building

class Sp:
    def __init__(self, text, entity, spoken, cue, form, value):
        self.text, self.entity, self.spoken, self.cue, self.form, self.value = text, entity, spoken, cue, form, value


class Ng:
    def __init__(self, text, what):
        self.text, self.what = text, what


def seg_render(parts, out, spans, negs, base):
    """append parts to out (list of str), recording byte offsets relative to base."""
    pos = base + sum(len(x.encode("utf-8")) for x in out)
    for p in parts:
        if isinstance(p, Sp):
            b = len(p.text.encode("utf-8"))
            spans.append({"start": pos, "end": pos + b, "entity": p.entity, "spoken": p.spoken,
                          "cue": p.cue, "form": p.form, "value": p.value})
            out.append(p.text)
            pos += b
        elif isinstance(p, Ng):
            b = len(p.text.encode("utf-8"))
            negs.append({"start": pos, "end": pos + b, "what": p.what})
            out.append(p.text)
            pos += b
        else:
            out.append(p)
            pos += len(p.encode("utf-8"))


class Person:
    def __init__(self, r, sex=None, old=True):
        sex = sex or r.choice("FM")
        self.first = r.choice(FIRST_F if sex == "F" else FIRST_M)
        self.last = r.choice(LAST)
        self.sex = sex
        self.dob = mk_date(r, 1929, 1962) if old else mk_date(r, 1958, 1990)
        self.ssn = mk_ssn(r)
        self.phone = mk_phone(r)
        self.mrn = mk_mrn(r)
        self.mbi = mk_mbi(r)
        self.member = mk_member(r)
        city, zp = r.choice(CITIES)
        self.city = city
        self.zip = mk_zip(r, zp) + ("-%04d" % r.randint(1, 9999) if r.random() < .12 else "")
        self.house = str(r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10000, 39999)]))
        self.street = r.choice(STREETS)
        self.suffix = r.choice(SUFFIX)
        self.unit = r.choice([None, None, None, ("Lot", str(r.randint(1, 60))), ("Apartment", "%d%s" % (r.randint(1, 24), r.choice(["", "", "B", "C"]))),
                              ("Unit", str(r.randint(1, 12))), ("Trailer", str(r.randint(1, 30)))])
        self.rural = r.random() < .15
        self.rr = (r.randint(1, 9), r.randint(1, 450))
        sep = r.choice([".", "", "_"])
        loc = r.choice([self.first.lower() + sep + self.last.lower(), self.first.lower() + self.last.lower()[:1],
                        self.first[0].lower() + self.last.lower(), self.first.lower() + "jo", "granny" + self.first.lower()[:3]])
        if r.random() < .6:
            loc += str(r.choice([self.dob.year % 100, r.randint(1, 99), r.randint(1, 9)])).zfill(2)
        self.email = (loc.strip("._") if not loc.endswith(".") else loc[:-1], r.choice(DOMAINS))

    def full(self):
        return "%s %s" % (self.first, self.last)


def street_spoken(p, r):
    if p.rural:
        s = r.choice(["Rural Route %s Box %s", "R R %s box %s", "route %s box %s"]) % (ONES[p.rr[0]], p.rr[1])
        return s, "rural_route"
    h = p.house
    if len(h) == 4 and r.random() < .6:
        hs, f = w_group(h, r, "pairs"), "house_pairs"
    elif len(h) == 3 and r.random() < .5:
        hs, f = w_group(h, r, "hund"), "house_hund"
    elif r.random() < .5:
        hs, f = w_digits(h, r), "house_digits_words"
    else:
        hs, f = h, "house_figures"
    s = "%s %s %s" % (hs, p.street, p.suffix[0])
    if p.unit:
        s += r.choice([", ", " ", " uh "]) + "%s %s" % (p.unit[0].lower() if r.random() < .5 else p.unit[0], p.unit[1] if r.random() < .5 else w_digits(p.unit[1][:-1] if p.unit[1][-1].isalpha() else p.unit[1], r) + (" " + p.unit[1][-1] if p.unit[1][-1].isalpha() else ""))
        f += "_unit"
    return s, f


def street_written(p, r):
    if p.rural:
        return "RR %d Box %d" % p.rr, "written_rural_route"
    s = "%s %s %s" % (p.house, p.street, r.choice(p.suffix))
    if p.unit:
        s += ", %s %s" % ({"Apartment": "Apt", "Unit": "Unit", "Lot": "Lot", "Trailer": "Trlr"}[p.unit[0]], p.unit[1])
        return s, "written_unit"
    return s, "written"


def street_value(p):
    return "RR %d Box %d" % p.rr if p.rural else "%s %s %s%s" % (p.house, p.street, p.suffix[0], (" %s %s" % p.unit) if p.unit else "")


# engines -------------------------------------------------------------------

ENGINES = ["whisper", "deepgram_smart", "deepgram_raw", "aci_lower", "transcribe", "google_stt", "noisy_phone"]
WRITTEN_PREF = {"whisper": .45, "deepgram_smart": .8, "deepgram_raw": 0.0, "aci_lower": 0.0,
                "transcribe": .35, "google_stt": .5, "noisy_phone": 0.0}
LABELS = {
    "roles": None,
    "ab": ("A", "B"),
    "spk": ("Speaker 0", "Speaker 1"),
    "spk_": ("SPEAKER_00", "SPEAKER_01"),
    "bracket": None,
    "spk_dash": ("spk_0", "spk_1"),
}


class Ctx:
    def __init__(self, r, engine):
        self.r = r
        self.engine = engine

    def written(self):
        return self.r.random() < WRITTEN_PREF[self.engine]

    def fix(self, s):
        """engine post-processing of a spoken rendering"""
        if self.engine in ("aci_lower", "deepgram_raw", "noisy_phone"):
            s = s.lower().replace("...", "").replace(",", "").replace("  ", " ").strip()
        if self.engine == "noisy_phone":
            s = noisy(s, self.r)
        return s

    # value makers -> Sp
    def name(self, p, cue, first_only=False, last_only=False, title=False):
        if first_only:
            t = p.first
        elif last_only:
            t = p.last
        else:
            t = p.full()
        if self.engine in ("aci_lower", "deepgram_raw", "noisy_phone"):
            t = t.lower()
        return Sp(t, "NAME", True, cue, "name_" + ("first" if first_only else "last" if last_only else "full") + ("_lower" if t.islower() else ""), p.full())

    def spelled_last(self, p, cue):
        r = self.r
        k = r.randint(0, 2)
        if k == 0:
            t, f = " ".join(p.last.upper()), "spelled_letters_space"
        elif k == 1:
            t, f = "-".join(p.last.upper()), "spelled_letters_dash"
        else:
            t, f = ", ".join("%s as in %s" % (c, ASIN.get(c, c)) for c in p.last.upper()), "spelled_as_in_comma"
        if self.engine in ("aci_lower", "deepgram_raw", "noisy_phone"):
            t = t.lower().replace(",", "")
        return Sp(t, "NAME", True, cue, f, p.full())

    def phone(self, v, cue, allow_written=True):
        if allow_written and self.written():
            t, f = phone_written(v, self.r)
            return Sp(t, "PHONE", False, cue, f, v)
        t, f = phone_spoken(v, self.r)
        return Sp(self.fix(t), "PHONE", not re.fullmatch(r"[\d\s,.-]+", t), cue, f, v)

    def ssn(self, v, cue, last4=False):
        if self.written() and not last4:
            t, f = v if self.r.random() < .7 else v.replace("-", " "), "written_dash"
            return Sp(t, "SSN", False, cue, f, v)
        t, f = ssn_spoken(v, self.r, last4)
        return Sp(self.fix(t), "SSN", not re.fullmatch(r"[\d\s,.-]+", t), cue, f, v)

    def date(self, d, ent, cue, regional=True, with_year=True):
        if with_year and self.written():
            t, f = date_written(d, self.r)
            return Sp(t, ent, False, cue, f, d.isoformat())
        t, f = date_spoken(d, self.r, regional, with_year)
        return Sp(self.fix(t), ent, True, cue, f, d.isoformat())

    def zip(self, z, cue):
        if self.written():
            return Sp(z, "ZIP", False, cue, "digits", z)
        t, f = zip_spoken(z, self.r)
        return Sp(self.fix(t), "ZIP", not re.fullmatch(r"[\d\s,.-]+", t), cue, f, z)

    def street(self, p, cue):
        if self.written() and self.engine != "transcribe":
            t, f = street_written(p, self.r)
            return Sp(t, "STREET", False, cue, f, street_value(p))
        t, f = street_spoken(p, self.r)
        t = self.fix(t)
        return Sp(t, "STREET", True, cue, f, street_value(p))

    def city(self, p, cue):
        t = p.city.lower() if self.engine in ("aci_lower", "deepgram_raw", "noisy_phone") else p.city
        return Sp(t, "CITY", True, cue, "city", p.city)

    def email(self, p, cue):
        loc, dom = p.email
        v = loc + "@" + dom
        if self.written() and self.engine in ("whisper", "deepgram_smart", "google_stt"):
            return Sp(v, "EMAIL", False, cue, "written", v)
        t, f = email_spoken(loc, dom, self.r)
        return Sp(self.fix(t), "EMAIL", True, cue, f, v)

    def alnum(self, v, ent, cue):
        if self.written():
            if ent == "MBI" and self.r.random() < .5:
                return Sp("%s-%s-%s" % (v[:4], v[4:7], v[7:]), ent, False, cue, "written_dash", v)
            return Sp(v, ent, False, cue, "written", v)
        if v.isdigit():
            r = self.r
            k = r.randint(0, 2)
            if k == 0:
                t, f = w_digits(v, r, dbl=r.random() < .5), "digits_words"
            elif k == 1:
                t, f = ", ".join(w_digits(v[i:i + 3], r) for i in range(0, len(v), 3)), "digits_words_groups3"
            else:
                t, f = " ".join(v[i:i + 3] for i in range(0, len(v), 3)), "figures_groups3"
            return Sp(self.fix(t), ent, not re.fullmatch(r"[\d\s,.-]+", t), cue, f, v)
        t, f = alnum_spoken(v, self.r)
        return Sp(self.fix(t), ent, True, cue, f, v)

    def card(self, v, cue):
        if self.written():
            g = [v[i:i + 4] for i in range(0, len(v), 4)] if len(v) == 16 else [v[:4], v[4:10], v[10:]]
            return Sp(" ".join(g), "CARD", False, cue, "written_groups", v)
        g = [v[i:i + 4] for i in range(0, len(v), 4)] if len(v) == 16 else [v[:4], v[4:10], v[10:]]
        t = join_groups([w_digits(x, self.r, dbl=True) for x in g], self.r, ", ")
        return Sp(self.fix(t), "CARD", True, cue, "digits_words_groups", v)

    def npi(self, v, cue):
        if self.written():
            return Sp(v, "NPI", False, cue, "digits", v)
        t = join_groups([w_digits(v[:3], self.r), w_digits(v[3:6], self.r), w_digits(v[6:], self.r)], self.r, ", ")
        return Sp(self.fix(t), "NPI", True, cue, "digits_words_3_3_4", v)

    # negatives
    def neg(self, what):
        r = self.r
        sp = not self.written()
        if what == "dose":
            n = r.choice([5, 10, 20, 25, 40, 50, 81, 100, 500, 1000])
            med = r.choice(["metoprolol", "lisinopril", "furosemide", "Eliquis", "gabapentin", "metformin", "aspirin", "potassium", "Lasix", "insulin"])
            return med, Ng(("%s milligrams" % words_num(n)) if sp else "%d mg" % n, "dose")
        if what == "units":
            n = r.randint(8, 44)
            return None, Ng(("%s units" % words_num(n)) if sp else "%d units" % n, "dose")
        if what == "sugar":
            n = r.randint(88, 320)
            return None, Ng(words_num(n, r) if sp else str(n), "lab_value")
        if what == "bp":
            a, b = r.randint(104, 178), r.randint(58, 98)
            return None, Ng(("%s over %s" % (words_num(a, r), words_num(b, r))) if sp else "%d/%d" % (a, b), "blood_pressure")
        if what == "time":
            h = r.randint(7, 11)
            return None, Ng(r.choice(["%s o'clock" % ONES[h] if h < 10 else "%s o'clock" % TEENS[h - 10], "%d:30" % h, "%s thirty" % (ONES[h] if h < 10 else TEENS[h - 10])]), "time")
        if what == "window":
            return None, Ng(r.choice(["between ten and two", "between 8 and 12", "between eight and noon", "from one to five"]), "time")
        if what == "appt":
            d = mk_date(r, 2026, 2026)
            return None, Ng(r.choice(["%s the %s" % (d.strftime("%A"), ORD[d.day]), "%s %s" % (MONTHS[d.month - 1], ORD[d.day]), "%d/%d" % (d.month, d.day)]), "appointment_date")
        if what == "age":
            n = r.randint(61, 89)
            return None, Ng(words_num(n, r) if sp else str(n), "age")
        if what == "money":
            n = r.choice([12, 35, 42, 60, 118, 250, 3])
            return None, Ng(("%s dollars" % words_num(n, r)) if sp else "$%d.00" % n, "money")
        if what == "count":
            n = r.randint(2, 12)
            return None, Ng("%s %s" % (ONES[n] if n < 10 else TEENS[n - 10], r.choice(["boxes", "tanks", "cases", "visits", "pads", "refills"])), "count")
        if what == "order":
            n = "%d%05d" % (r.randint(1, 9), r.randint(0, 99999))
            return None, Ng(w_digits(n, r) if sp else n, "order_number")
        if what == "auth":
            n = "%s%07d" % (r.choice(["PA", "AUTH", "A"]), r.randint(0, 9999999))
            return None, Ng(n, "authorization_number")
        if what == "serial":
            n = "%s%d%s%05d" % (r.choice(["IN", "SN", "DV", "R"]), r.randint(10, 99), r.choice("KLMXZ"), r.randint(0, 99999))
            return None, Ng(n, "serial_number")
        if what == "model":
            return None, Ng(r.choice(["Perfecto2 V", "5300 series", "DeVilbiss 525", "Invacare 9153", "EverFlo", "SimplyGo Mini", "Hoyer HPL402"]), "model_number")
        if what == "o2":
            n = r.choice([2, 3, 4])
            return None, Ng(("%s liters" % ONES[n]) if sp else "%d L" % n, "dose")
        if what == "weight":
            n = r.randint(98, 260)
            return None, Ng(("%s pounds" % words_num(n, r)) if sp else "%d lbs" % n, "weight")
        if what == "temp":
            return None, Ng(r.choice(["ninety nine point four", "100.2", "ninety eight six", "101"]), "vital_sign")
        if what == "pulse":
            n = r.randint(52, 118)
            return None, Ng(words_num(n, r) if sp else str(n), "vital_sign")
        if what == "sat":
            n = r.randint(86, 99)
            return None, Ng(("%s percent" % words_num(n, r)) if sp else "%d%%" % n, "vital_sign")
        if what == "menu":
            return None, Ng(r.choice(["press one", "press two", "press nine", "option three"]), "menu_option")
        if what == "911":
            return None, Ng(r.choice(["nine one one", "911"]), "emergency_number")
        if what == "confirm":
            n = "%d%d%04d" % (r.randint(1, 9), r.randint(0, 9), r.randint(0, 9999))
            return None, Ng(n if not sp else w_digits(n, r), "confirmation_number")
        if what == "year":
            return None, Ng(str(r.choice([2019, 2021, 2023, 2024])), "year")
        if what == "duration":
            return None, Ng(r.choice(["about twenty minutes", "two weeks", "sixty days", "three hours", "a good 45 minutes"]), "duration")
        if what == "room":
            return None, Ng(r.choice(["room 214", "room four twelve", "bed two"]), "room_number")
        raise KeyError(what)


def words_num(n, r=None):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        if r is not None and r.random() < .5 and n < 1000 and rest:
            return ONES[n // 100] + " " + (words_num(rest) if rest >= 10 else "oh " + ONES[rest])
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + ("and " if r is not None and r.random() < .2 else "") + words_num(rest))
    return str(n)


# --------------------------------------------------------------------------- carrier turns (MTS-Dialog)

def carrier_dir():
    for d in (os.environ.get("CARRIER_DIR", ""), os.path.join(HERE, "../../../../../shared/carrier-sources"),
              "/work/shared/carrier-sources"):
        if d and os.path.isdir(d):
            return d
    return None


_CARRIER = None
CAP_OK = {"I", "I'm", "I've", "I'll", "I'd", "Okay", "OK", "Yes", "No", "Yeah", "Well", "So", "Oh"}


def carrier_pairs():
    """(question, answer) pairs of MTS-Dialog with no digits and no capitalised word past the first."""
    global _CARRIER
    if _CARRIER is not None:
        return _CARRIER
    out = []
    d = carrier_dir()
    if d:
        with open(os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            lines = [ln.strip() for ln in row["dialogue"].split("\n") if ln.strip()]
            for a, b in zip(lines, lines[1:]):
                if not (a.startswith("Doctor: ") and b.startswith("Patient: ")):
                    continue
                qa, pb = a[8:].strip(), b[9:].strip()
                ok = True
                for s in (qa, pb):
                    if not 12 <= len(s) <= 140 or re.search(r"[\d\"\[\]]|\b(Mr|Mrs|Ms|Dr|Miss)\b", s):
                        ok = False
                    ws = s.split()
                    if any(w[0].isupper() and w.strip(".,?!") not in CAP_OK for w in ws[1:]):
                        ok = False
                if ok:
                    out.append((row["ID"], qa, pb))
    _CARRIER = out
    return out


# --------------------------------------------------------------------------- scenarios

def S(role, *parts):
    return (role, list(parts))


def agency(r):
    return r.choice(["Bluegrass Home Health", "Delta Valley Home Care", "Heartland Hospice", "River Bend Home Health",
                     "Tri-County Home Health", "Magnolia Hospice", "Prairie Medical Supply", "Ozark Home Medical",
                     "Cumberland Home Health", "Wabash Valley Hospice"])


def sc_intake(c, r):
    pt, fam = Person(r), Person(r, old=False)
    fam.last = pt.last if r.random() < .6 else fam.last
    rel = r.choice(["my mama", "my daddy", "my mother", "my dad", "mother-in-law", "my aunt"])
    t = []
    t.append(S("A", "%s, this is " % agency(r), c.name(Person(r, old=False), "same", first_only=True), " in intake, how can I help you?"))
    t.append(S("B", "Yes ma'am, I'm calling about %s, " % rel, c.name(pt, "none"), ". The hospital said y'all would be coming out to the house."))
    t.append(S("A", "Okay. And who am I speaking with?"))
    t.append(S("B", "This is ", c.name(fam, "same", first_only=True), ", I'm the ", r.choice(["daughter", "son", "niece", "daughter-in-law"]), "."))
    t.append(S("A", "Thank you. Can I get ", r.choice(["her", "his", "their"]), " date of birth?"))
    t.append(S("B", r.choice(["Uh, ", "", "Let me think, ", "It's "]), c.date(pt.dob, "DOB", "prev")))
    t.append(S("A", "And how old is that, ", c.neg("age")[1], "?"))
    t.append(S("B", "Yes ma'am, that sounds right."))
    t.append(S("A", "What address will we be seeing them at?"))
    t.append(S("B", c.street(pt, "prev"), r.choice([", out past the Dollar General", "", ", it's a trailer", ", the brick house"])))
    t.append(S("A", "And the city and zip?"))
    t.append(S("B", c.city(pt, "prev"), ", ", c.zip(pt.zip, "prev")))
    if r.random() < .7:
        t.append(S("A", "Okay, do they have Medicare?"))
        t.append(S("B", "Yes, I've got the red white and blue card right here. It's ", c.alnum(pt.mbi, "MBI", "same")))
    if r.random() < .6:
        t.append(S("A", "And is there a Medicaid or secondary insurance?"))
        t.append(S("B", "Medicaid, the number on that card is ", c.alnum(pt.member, "MEMBER_ID", "same")))
    t.append(S("A", "What's the best number to reach you?"))
    t.append(S("B", r.choice(["My cell is ", "Call my cell, ", "", "It's "]), c.phone(fam.phone, "same" if r.random() < .5 else "prev")))
    if r.random() < .6:
        t.append(S("A", "Do you have an email we can send the consent forms to?"))
        t.append(S("B", r.choice(["Yeah it's ", "Um, ", "Sure, "]), c.email(fam, "prev")))
    if r.random() < .5:
        t.append(S("A", "And the last four of ", r.choice(["her", "his"]), " social, just to match the referral?"))
        t.append(S("B", c.ssn(pt.ssn, "prev", last4=True)))
    t.append(S("A", "Okay, and what medications are they on right now?"))
    med, dose = c.neg("dose")
    t.append(("CARRIER", []))
    t.append(S("B", "Well there's the %s, " % med, dose, ", ", r.choice(["twice a day", "every morning", "at bedtime"]), ", and the water pill."))
    t.append(S("A", "Alright. We'll have a nurse call to set up the first visit, probably ", c.neg("appt")[1], "."))
    t.append(S("B", "That'll be fine. Thank you, honey."))
    return t, {"pt": pt, "A": "intake", "B": "family"}


def sc_nurse(c, r):
    pt = Person(r)
    rn = Person(r, old=False)
    t = []
    t.append(S("A", "Hey, this is ", c.name(rn, "same", first_only=True), r.choice([", your nurse from ", " with "]), agency(r), ". Is this ", c.name(pt, "same"), "?"))
    t.append(S("B", "Yes it is, hey sugar."))
    t.append(S("A", "Before we get going I need to verify your date of birth."))
    if r.random() < .5:
        pre = r.choice(["Oh it's ", "I was born ", "", "Well, my birthday is "])
        d = c.date(pt.dob, "DOB", "same" if pre in ("I was born ", "Well, my birthday is ") else "prev")
        t.append(S("B", pre, d))
        t.append(S("A", "Okay, ", c.date(pt.dob, "DOB", "prev"), ", got it."))
    else:
        t.append(S("B", r.choice(["Lord, ", "Okay, "]), c.date(pt.dob, "DOB", "prev")))
    t.append(S("A", "How's your sugar been running?"))
    t.append(S("B", "This morning it was ", c.neg("sugar")[1], ", and last night it was ", c.neg("sugar")[1], "."))
    t.append(S("A", "Are you still taking ", c.neg("units")[1], " of the Lantus at night?"))
    t.append(S("B", "Yes ma'am, at ", c.neg("time")[1], " every night."))
    t.append(S("A", "And your pressure?"))
    t.append(S("B", "The machine said ", c.neg("bp")[1], ", pulse was ", c.neg("pulse")[1], "."))
    t.append(S("A", "Okay. Has your weight gone up any?"))
    t.append(S("B", "I was ", c.neg("weight")[1], " on the bathroom scale."))
    t.append(("CARRIER", []))
    if r.random() < .6:
        t.append(S("A", "I need to update your chart, can you read me the number on the blue folder we left?"))
        mrn = c.alnum(pt.mrn, "MRN", "prev")
        t.append(S("B", "It's the one that starts with a ", pt.mrn[0] if pt.mrn[0].isalpha() else ONES[int(pt.mrn[0])], ", ", mrn))
        t.append(S("A", "Let me read that back, ", c.alnum(pt.mrn, "MRN", "prev"), "?"))
        t.append(S("B", "That's it."))
    t.append(S("A", "Is this still the best number for you, ending in ", Sp(c.fix(w_digits(pt.phone[-4:], r)), "PHONE", True, "same", "last4_words", pt.phone), "?"))
    if r.random() < .5:
        t.append(S("B", "No, I got a new one. It's ", c.phone(mk_phone(r), "same"), "."))
    else:
        t.append(S("B", "That's the house phone. My cell is ", c.phone(mk_phone(r), "same")))
    t.append(S("A", "Alright, I'll see you ", c.neg("appt")[1], " ", c.neg("window")[1], "."))
    t.append(S("B", "Okay darling. Bye bye."))
    return t, {"pt": pt, "A": "nurse", "B": "patient"}


def sc_dme(c, r):
    pt = Person(r)
    staff = Person(r, old=False)
    t = []
    t.append(S("A", "Hi, this is ", c.name(staff, "same"), " with ", agency(r), ", I'm calling to schedule a delivery for ", c.name(pt, "same"), "."))
    t.append(S("B", "Yes, that's my husband. What are y'all bringing?"))
    t.append(S("A", "It's the oxygen concentrator, the ", c.neg("model")[1], ", set at ", c.neg("o2")[1], ", plus ", c.neg("count")[1], "."))
    t.append(S("B", "Okay."))
    t.append(S("A", "Can you confirm the delivery address for me?"))
    if r.random() < .5:
        t.append(S("B", "We're at ", c.street(pt, "same"), ". ", r.choice(["It's a gravel road, turn at the church.", "Blue trailer in the back.", "Second building on the left."])))
    else:
        t.append(S("B", c.street(pt, "prev")))
        t.append(S("A", "And that's in ", c.city(pt, "prev"), "?"))
        t.append(S("B", "Yes ma'am, zip ", c.zip(pt.zip, "same")))
    t.append(S("A", "Is there a phone number the driver can call when he's close?"))
    t.append(S("B", r.choice(["Just call the house, ", "Use mine, ", ""]), c.phone(pt.phone, "prev")))
    t.append(S("A", "I have ", c.phone(pt.phone, "prev"), ", is that right?"))
    t.append(S("B", "Yep."))
    t.append(S("A", "Your order number is ", c.neg("order")[1], ", and the unit serial will be ", c.neg("serial")[1], "."))
    t.append(S("B", "Hang on let me write that down."))
    if r.random() < .6:
        t.append(S("A", "I also need to verify the insurance. Do you have his member ID?"))
        t.append(S("B", "The Humana card says member ID ", c.alnum(pt.member, "MEMBER_ID", "same")))
    t.append(S("A", "The copay on the rental is ", c.neg("money")[1], " a month. The driver comes ", c.neg("window")[1], "."))
    t.append(S("B", "That's fine, somebody will be here."))
    return t, {"pt": pt, "A": "dme", "B": "spouse"}


def sc_hospice(c, r):
    pt, sp = Person(r, "M"), Person(r, "F")
    sp.last = pt.last
    t = []
    t.append(S("A", "Mrs. ", c.name(sp, "same", last_only=True), "? This is the admissions nurse with ", agency(r), "."))
    t.append(S("B", "Yes, this is her."))
    t.append(S("A", "I'm so sorry about all this. I need a few things for ", c.name(pt, "same", first_only=True), "'s admission paperwork."))
    t.append(S("B", "Go ahead."))
    t.append(S("A", "His full name and date of birth?"))
    t.append(S("B", c.name(pt, "prev"), ", ", c.date(pt.dob, "DOB", "prev")))
    t.append(S("A", "And his Medicare number, the new one on the paper card?"))
    t.append(S("B", "Okay, it's ", c.alnum(pt.mbi, "MBI", "same")))
    if r.random() < .6:
        t.append(S("A", "And I do need his social security number for the election form."))
        ss = pt.ssn.split("-")
        if r.random() < .5:
            t.append(S("B", c.ssn(pt.ssn, "prev")))
        else:
            a, b, cc = ss
            t.append(S("B", "It's ", Sp(c.fix(w_digits(a, r)), "SSN", True, "prev", "split_part1", pt.ssn), "..."))
            t.append(S("A", "Mm hm."))
            t.append(S("B", Sp(c.fix(w_digits(b + cc, r)), "SSN", True, "prev", "split_part2", pt.ssn)))
    t.append(S("A", "When did they discharge him from the hospital?"))
    dd = mk_date(r, 2025, 2026)
    t.append(S("B", r.choice(["They sent him home ", "It was ", "Let me see, "]), c.date(dd, "DATE", "prev", regional=False, with_year=r.random() < .6)))
    if r.random() < .4:
        t.append(S("A", "And he was admitted there on what day?"))
        t.append(S("B", c.date(dd - datetime.timedelta(days=r.randint(2, 12)), "DATE", "prev", regional=False)))
    t.append(S("A", "How's his breathing today?"))
    t.append(S("B", "His oxygen was ", c.neg("sat")[1], ", temp ", c.neg("temp")[1], "."))
    t.append(("CARRIER", []))
    t.append(S("A", "Is he getting the morphine?"))
    t.append(S("B", "Yes, ", Ng("five milligrams" if c.engine != "deepgram_smart" else "5 mg", "dose"), " every ", Ng("four hours", "duration"), "."))
    t.append(S("A", "If anything happens after hours call us, don't call ", c.neg("911")[1], "."))
    t.append(S("B", "Okay. What's the number again?"))
    t.append(S("A", "It's on the magnet, ", c.phone(mk_phone(r), "prev"), r.choice([", then ", ", "]), c.neg("menu")[1], " for the on-call nurse."))
    return t, {"pt": pt, "A": "hospice", "B": "spouse"}


def sc_waiver(c, r):
    pt = Person(r, "F")
    cm = Person(r, old=False)
    t = []
    t.append(S("A", "Good morning, this is ", c.name(cm, "same"), ", I'm a case manager with the ", r.choice(["Area Agency on Aging", "Medicaid waiver program", "Aged and Disabled waiver"]), ". I have a new referral."))
    t.append(S("B", "Okay, go ahead with the client's name."))
    t.append(S("A", c.name(pt, "prev"), ", last name ", c.spelled_last(pt, "same"), "."))
    t.append(S("B", "Date of birth?"))
    t.append(S("A", c.date(pt.dob, "DOB", "prev")))
    t.append(S("B", "And the Medicaid number?"))
    mid = c.alnum(pt.member, "MEMBER_ID", "prev")
    t.append(S("A", r.choice(["Her Medicaid number is ", "", "Okay, it's "]), mid))
    t.append(S("B", "Let me read that back: ", c.alnum(pt.member, "MEMBER_ID", "prev"), "."))
    t.append(S("A", "Correct."))
    t.append(S("B", "Social?"))
    if r.random() < .5:
        t.append(S("A", c.ssn(pt.ssn, "prev")))
    else:
        t.append(S("A", "Her social security number is ", c.ssn(pt.ssn, "same"), ", that's off the award letter."))
    t.append(S("B", "What's her address?"))
    t.append(S("A", "She's at ", c.street(pt, "same"), ", ", c.city(pt, "same"), ", ", c.zip(pt.zip, "same"), "."))
    t.append(S("B", "Phone?"))
    t.append(S("A", c.phone(pt.phone, "prev"), r.choice(["", ", that's a landline", ", her grandson answers sometimes"])))
    t.append(S("B", "And how do I get ahold of you?"))
    t.append(S("A", "My email is ", c.email(cm, "same"), ", or my desk line ", c.phone(cm.phone, "same"), "."))
    t.append(S("B", "She's approved for ", Ng(r.choice(["twenty hours", "12 hours", "fifteen hours", "three visits"]), "duration" if r.random() < 2 else "count"), " a week? Authorization number?"))
    t.append(S("A", "Yes, authorization ", c.neg("auth")[1], ", good for ", Ng("sixty days", "duration"), "."))
    return t, {"pt": pt, "A": "case_manager", "B": "intake"}


def sc_billing(c, r):
    pt = Person(r)
    t = []
    t.append(S("A", "Billing office, this is ", c.name(Person(r, old=False), "same", first_only=True), "."))
    t.append(S("B", "Yes, I got a statement for ", c.name(pt, "none"), ", ", c.neg("money")[1], ", and I want to pay it."))
    t.append(S("A", "I can help. Can I have the account holder's date of birth?"))
    t.append(S("B", c.date(pt.dob, "DOB", "prev")))
    t.append(S("A", "And the patient account number on the statement?"))
    t.append(S("B", "Up in the corner it says ", c.alnum(pt.mrn, "MRN", "same")))
    t.append(S("A", "Okay, and what card will you be using?"))
    t.append(S("B", "The Visa. ", c.card(mk_card(r), "prev")))
    t.append(S("A", "Expiration and the code on the back?"))
    t.append(S("B", Ng(r.choice(["oh nine twenty eight", "12/29", "eleven twenty seven"]), "expiration_date"), ", code is ", Ng(r.choice(["four one two", "739", "two two one"]), "card_security_code"), "."))
    t.append(S("A", "Would you like a receipt by email?"))
    t.append(S("B", "Yes, send it to ", c.email(pt, "same")))
    t.append(S("A", "Your confirmation number is ", c.neg("confirm")[1], "."))
    if r.random() < .5:
        t.append(S("B", "And while I have you, the doctor's office said the ordering NPI was wrong on the claim."))
        t.append(S("A", "What NPI do they have?"))
        t.append(S("B", c.npi(mk_npi(r), "prev")))
    t.append(S("A", "I'll make a note. Anything else?"))
    t.append(S("B", "No, that's all, thank you."))
    return t, {"pt": pt, "A": "billing", "B": "patient"}


def sc_discharge(c, r):
    pt = Person(r)
    doc = Person(r, old=False)
    t = []
    t.append(S("A", "Hi, this is ", c.name(Person(r, old=False), "same"), ", discharge planner at ", r.choice(["Baptist Memorial", "Deaconess", "St. Bernards", "Southeast Health", "Union Hospital"]), ", I've got a home health referral."))
    t.append(S("B", "Okay, patient name?"))
    t.append(S("A", c.name(pt, "prev"), ", ", c.date(pt.dob, "DOB", "none")))
    t.append(S("B", "Medical record number on your side?"))
    t.append(S("A", c.alnum(pt.mrn, "MRN", "prev"), ", they're in ", c.neg("room")[1], "."))
    t.append(S("B", "When was admission?"))
    adm = mk_date(r, 2025, 2026)
    t.append(S("A", "Admitted ", c.date(adm, "DATE", "same", regional=False), ", discharge is ", c.date(adm + datetime.timedelta(days=r.randint(2, 9)), "DATE", "same", regional=False), "."))
    t.append(S("B", "Who's the attending signing orders?"))
    t.append(S("A", "Dr. ", c.name(doc, "same", last_only=True), ", NPI ", c.npi(mk_npi(r), "same")))
    t.append(S("B", "What's the discharge address?"))
    t.append(S("A", c.street(pt, "prev"), " in ", c.city(pt, "prev"), ", ", c.zip(pt.zip, "prev")))
    t.append(S("B", "And a contact number?"))
    t.append(S("A", "Patient's ", c.phone(pt.phone, "same")))
    t.append(S("B", "Medicare?"))
    t.append(S("A", c.alnum(pt.mbi, "MBI", "prev"), ". Orders are skilled nursing ", c.neg("count")[1], ", PT eval."))
    return t, {"pt": pt, "A": "discharge_planner", "B": "intake"}


SCENARIOS = [("intake_referral", sc_intake), ("nurse_followup", sc_nurse), ("dme_delivery", sc_dme),
             ("hospice_admission", sc_hospice), ("medicaid_waiver_referral", sc_waiver),
             ("billing_payment", sc_billing), ("hospital_discharge_referral", sc_discharge)]


# --------------------------------------------------------------------------- rendering

def filler_parts(c, r):
    return r.choice(["Um, hold on a second.", "Okay.", "Mm-hmm.", "Sorry, the dog's barking.", "Can you hear me?", "Go ahead.",
                     "Uh huh.", "Let me get my glasses."])


def lower_plain(s):
    s = s.lower()
    s = re.sub(r"[,?!]", "", s)
    s = re.sub(r"\.(\s|$)", r"\1", s)
    s = s.replace("...", "")
    return re.sub(r"  +", " ", s)


def render_transcript(turns, roles, c, r, kind):
    # insert carrier Q/A pairs (nurse/doctor style) before the last two turns
    cps = carrier_pairs()
    carriers = []
    new = []
    for tr in turns:
        if tr[0] != "CARRIER":
            new.append(tr)
            continue
        for _ in range(r.choice([0, 1, 1, 2, 3]) if cps else 0):
            cid, q, a = cps[r.randrange(len(cps))]
            carriers.append(cid)
            new += [S("A", q), S("B", a)]
    turns = new
    # occasional filler turns / split
    if r.random() < .4:
        k = r.randint(1, len(turns) - 1)
        turns = turns[:k] + [S("B" if turns[k - 1][0] == "A" else "A", filler_parts(c, r))] + turns[k:]
    turns = turns[:40]
    lower = c.engine in ("aci_lower", "deepgram_raw", "noisy_phone")
    lab = r.choice(["roles", "ab", "spk", "spk_", "bracket", "spk_dash", "roles"])
    if lab == "roles":
        names = {k: roles[k].replace("_", " ").title().replace("Dme", "DME Tech") for k in ("A", "B")}
        if r.random() < .5:
            names = {"A": {"intake": "Agent", "nurse": "Nurse", "dme": "Agent", "hospice": "Nurse", "case_manager": "Caller", "billing": "Agent", "discharge_planner": "Caller"}[roles["A"]],
                     "B": {"family": "Caller", "patient": "Patient", "spouse": "Caller", "intake": "Agent"}[roles["B"]]}
        fmt = "%s: "
    elif lab == "bracket":
        names = {"A": "nurse" if roles["A"] in ("nurse", "hospice") else "agent",
                 "B": "patient" if roles["B"] == "patient" else "caller"}
        fmt = "[%s] "
    else:
        names = {"A": LABELS[lab][0], "B": LABELS[lab][1]}
        if r.random() < .3:
            names = {"A": names["B"], "B": names["A"]}
        fmt = "%s: "
    stamps = r.random() < .35
    t0 = r.randint(0, 20)
    out, spans, negs = [], [], []
    for i, (role, parts) in enumerate(turns):
        if i:
            out.append("\n")
        if stamps:
            out.append("[%02d:%02d:%02d] " % (t0 // 3600, (t0 // 60) % 60, t0 % 60))
            t0 += r.randint(2, 14)
        out.append(fmt % names[role])
        ps = []
        for p in parts:
            if isinstance(p, str):
                if lower:
                    p = lower_plain(p)
                    if c.engine == "noisy_phone" and r.random() < .1:
                        ws = p.split(" ")
                        if len(ws) > 4:
                            del ws[r.randrange(1, len(ws) - 1)]
                        p = " ".join(ws)
            elif isinstance(p, Ng) and lower:
                p = Ng(p.text.lower().replace(",", ""), p.what)
            ps.append(p)
        # join pieces, tidy double spaces inside plain text
        seg_render(ps, out, spans, negs, 0)
    text = "".join(out)
    return text, spans, negs, carriers


# --------------------------------------------------------------------------- JSON payloads

class Seg:
    def __init__(self, parts):
        self.parts = parts


def jdump(obj, out, spans, negs):
    """compact JSON identical to json.dumps(separators=(',', ':'), ensure_ascii=False); Seg strings carry spans."""
    if isinstance(obj, dict):
        out.append("{")
        for i, (k, v) in enumerate(obj.items()):
            if i:
                out.append(",")
            out.append(json.dumps(k, ensure_ascii=False) + ":")
            jdump(v, out, spans, negs)
        out.append("}")
    elif isinstance(obj, list):
        out.append("[")
        for i, v in enumerate(obj):
            if i:
                out.append(",")
            jdump(v, out, spans, negs)
        out.append("]")
    elif isinstance(obj, Seg):
        out.append('"')
        esc = []
        for p in obj.parts:
            if isinstance(p, Sp):
                esc.append(Sp(json.dumps(p.text, ensure_ascii=False)[1:-1], p.entity, p.spoken, p.cue, p.form, p.value))
            elif isinstance(p, Ng):
                esc.append(Ng(json.dumps(p.text, ensure_ascii=False)[1:-1], p.what))
            else:
                esc.append(json.dumps(p, ensure_ascii=False)[1:-1])
        seg_render(esc, out, spans, negs, 0)
        out.append('"')
    else:
        out.append(json.dumps(obj, ensure_ascii=False))


def plain(obj):
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    if isinstance(obj, Seg):
        return "".join(p if isinstance(p, str) else p.text for p in obj.parts)
    return obj


def uid(r, n=32):
    h = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def e164(v):
    return "+1" + v.replace("-", "")


def lines_of(turns, names, sep="\n"):
    parts = []
    for i, (role, ps) in enumerate(turns):
        if i:
            parts.append(sep)
        parts.append(names[role] + ": ")
        parts.extend(ps)
    return parts


def summary_parts(kind, pt, r):
    """LLM summary: written values, spoken False."""
    def w(t, e, f, v):
        return Sp(t, e, False, "same", f, v)
    d = pt.dob
    parts = ["Caller discussed %s for patient " % kind.replace("_", " "), w(pt.full(), "NAME", "name_full", pt.full()),
             " (DOB ", w("%02d/%02d/%d" % (d.month, d.day, d.year), "DOB", "written_mdy_full", d.isoformat()), "). "]
    if r.random() < .7:
        parts += ["Callback number ", w("(%s) %s-%s" % tuple(pt.phone.split("-")), "PHONE", "paren_dash", pt.phone), ". "]
    if r.random() < .5:
        p2 = Person(r)
        sv = street_value(pt)
        parts += ["Address confirmed: ", w(sv, "STREET", "written_full", sv), ", ", w(pt.city, "CITY", "city", pt.city), ", ",
                  w(pt.zip, "ZIP", "digits", pt.zip), ". "]
    parts += [r.choice(["Follow-up scheduled.", "No further action needed.", "Nurse to call back within 24 hours.", "Delivery confirmed."])]
    return parts


def json_record(c, r, profile):
    # short call of one scenario
    name, fn = r.choice(SCENARIOS)
    turns, roles = fn(c, r)
    turns = [x for x in turns if x[0] != "CARRIER"]
    if len(turns) > 14:
        turns = turns[:r.randint(10, 14)]
    pt_people = None
    # collect the patient-like person for the summary from a fresh Person with values echoed from spans
    pt = roles["pt"]
    cust = pt.phone if r.random() < .5 else mk_phone(r)
    if profile == "vapi":
        names = {"A": "AI", "B": "User"}
        msgs = [{"role": "bot" if ro == "A" else "user", "message": Seg(ps), "time": 1766000000000 + i * 4100,
                 "secondsFromStart": round(i * 4.1 + .6, 2)} for i, (ro, ps) in enumerate(turns)]
        obj = {"message": {"type": "end-of-call-report", "endedReason": r.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uid(r), "type": "inboundPhoneCall", "orgId": uid(r)},
                           "customer": {"number": Seg([Sp(e164(cust), "PHONE", False, "none", "e164", cust)])},
                           "artifact": {"transcript": Seg(lines_of(turns, names)), "messages": msgs},
                           "analysis": {"summary": Seg(summary_parts(name, pt, r)), "successEvaluation": "true"},
                           "durationSeconds": r.randint(90, 900), "cost": round(r.uniform(.05, 1.2), 4)}}
    elif profile == "retell":
        names = {"A": "Agent", "B": "User"}
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + uid(r).replace("-", "")[:24], "agent_id": "agent_" + uid(r).replace("-", "")[:20],
                        "call_type": "phone_call", "from_number": Seg([Sp(e164(cust), "PHONE", False, "none", "e164", cust)]),
                        "to_number": "+1" + r.choice(AREAS) + "5550100", "direction": "inbound", "call_status": "ended",
                        "start_timestamp": 1766000000000 + r.randint(0, 10 ** 7), "end_timestamp": 1766020000000 + r.randint(0, 10 ** 7),
                        "transcript": Seg(lines_of(turns, names)),
                        "transcript_object": [{"role": "agent" if ro == "A" else "user", "content": Seg(ps)} for ro, ps in turns],
                        "call_analysis": {"call_summary": Seg(summary_parts(name, pt, r)), "user_sentiment": r.choice(["Neutral", "Positive"]),
                                          "call_successful": True}}}
    elif profile == "signalwire":
        obj = {"app_name": "home_health_intake", "call_id": uid(r), "ai_session_id": uid(r),
               "caller_id_name": Seg([Sp(pt.full().upper(), "NAME", False, "none", "cnam_upper", pt.full())]),
               "caller_id_num": Seg([Sp(e164(cust), "PHONE", False, "none", "e164", cust)]),
               "call_log": [{"role": "assistant" if ro == "A" else "user", "content": Seg(ps)} for ro, ps in turns],
               "post_prompt_data": {"raw": Seg(summary_parts(name, pt, r)), "substituted": "", "parsed": []},
               "total_minutes": round(r.uniform(1, 14), 2)}
    elif profile == "deepgram":
        names = {"A": "Speaker 0", "B": "Speaker 1"}
        flat = []
        for i, (ro, ps) in enumerate(turns):
            if i:
                flat.append(" ")
            flat.extend(ps)
        para = ["\n"] + lines_of(turns, names, "\n\n") + ["\n"]
        t = 0.0
        utts = []
        for ro, ps in turns:
            d = round(r.uniform(1.5, 9), 2)
            utts.append({"start": round(t, 2), "end": round(t + d, 2), "confidence": round(r.uniform(.7, .99), 4), "channel": 0,
                         "transcript": Seg(ps), "speaker": 0 if ro == "A" else 1, "id": uid(r)})
            t += d + .3
        obj = {"metadata": {"request_id": uid(r), "created": "2026-%02d-%02dT%02d:%02d:11.204Z" % (r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59)),
                            "duration": round(t, 2), "channels": 1, "models": [uid(r)]},
               "results": {"channels": [{"alternatives": [{"transcript": Seg(flat), "confidence": round(r.uniform(.8, .99), 4),
                                                            "paragraphs": {"transcript": Seg(para)}}]}],
                           "utterances": utts}}
    else:  # transcribe
        flat = []
        for i, (ro, ps) in enumerate(turns):
            if i:
                flat.append(" ")
            flat.extend(ps)
        t = 0.0
        segs = []
        for i, (ro, ps) in enumerate(turns):
            d = round(r.uniform(1.5, 9), 2)
            segs.append({"id": i, "transcript": Seg(ps), "start_time": "%.3f" % t, "end_time": "%.3f" % (t + d),
                         "speaker_label": "spk_%d" % (0 if ro == "A" else 1), "items": []})
            t += d + .2
        obj = {"jobName": "hh-calls-%s" % uid(r)[:8], "accountId": "%012d" % r.randint(10 ** 11, 10 ** 12 - 1),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": Seg(flat)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                           "audio_segments": segs}}
    out, spans, negs = [], [], []
    jdump(obj, out, spans, negs)
    text = "".join(out)
    assert text == json.dumps(plain(obj), ensure_ascii=False, separators=(",", ":"))
    return text, spans, negs, name


PROFILE_ENGINE = {"vapi": ["deepgram_smart", "whisper"], "retell": ["deepgram_smart", "whisper"],
                  "signalwire": ["deepgram_smart", "google_stt"], "deepgram": ["deepgram_smart", "deepgram_raw"],
                  "transcribe": ["transcribe"]}


def generate(seed, n):
    r = random.Random(seed)
    n_json = round(n * 40 / 150)
    n_tr = n - n_json
    recs = []
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    for i in range(n):
        rr = random.Random("%d-%d" % (seed, i))
        if i % 15 in (3, 7, 11, 14) and sum(1 for x in recs if x["format"] == "json") < n_json:
            prof = profiles[sum(1 for x in recs if x["format"] == "json") % 5]
            c = Ctx(rr, rr.choice(PROFILE_ENGINE[prof]))
            text, spans, negs, scen = json_record(c, rr, prof)
            rec = {"id": "h20-%04d" % i, "format": "json", "profile": prof, "kind": "json_%s_%s" % (prof, scen),
                   "engine": c.engine, "text": text, "spans": spans, "negatives": negs}
        else:
            eng = rr.choice(ENGINES)
            c = Ctx(rr, eng)
            scen, fn = SCENARIOS[rr.randrange(len(SCENARIOS))]
            turns, roles = fn(c, rr)
            text, spans, negs, carriers = render_transcript(turns, roles, c, rr, scen)
            rec = {"id": "h20-%04d" % i, "format": "transcript", "kind": "transcript_%s" % scen, "engine": eng,
                   "text": text, "spans": spans, "negatives": negs}
            if carriers:
                rec["carrier"] = ["mts-dialog:TrainingSet:%s" % x for x in carriers]
        recs.append(rec)
    return recs


# --------------------------------------------------------------------------- check / stats

DIGIT_ENTS = {"PHONE", "SSN", "ZIP", "NPI", "CARD"}


def valid_value(ent, v):
    if ent == "SSN":
        m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", v)
        return bool(m) and m.group(1) not in ("000", "666") and m.group(1)[0] != "9" and m.group(2) != "00" and m.group(3) != "0000"
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d-555-01\d\d", v))
    if ent == "NPI":
        return bool(re.fullmatch(r"[12]\d{9}", v)) and luhn_ok("80840" + v)
    if ent == "CARD":
        return v.isdigit() and len(v) in (15, 16) and luhn_ok(v) and any(v.startswith(p) for p, _ in CARD_PFX)
    if ent == "MBI":
        return bool(MBI_RE.match(v))
    if ent in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}(-\d{4})?", v)) and v[:5] != "00000"
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", v))
    if ent in ("MRN", "MEMBER_ID"):
        return bool(re.fullmatch(r"[A-Z0-9]{6,12}", v))
    if ent in ("NAME", "CITY", "STREET"):
        return bool(v.strip())
    return False


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\] |[A-Za-z][A-Za-z _0-9]{0,20}: )\S")


def check(path):
    errs = []
    recs = []
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    for ln, line in enumerate(raw.split("\n"), 1):
        if not line:
            continue
        rec = json.loads(line)
        recs.append(rec)
        rid = rec["id"]
        text = rec["text"]
        b = text.encode("utf-8")
        if rec["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for l in lines:
                if not LINE_RE.match(l):
                    errs.append("%s: bad line %r" % (rid, l[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank/trailing line" % rid)
        elif rec["format"] == "json":
            if rec.get("profile") not in PROFILE_ENGINE:
                errs.append("%s: profile" % rid)
            try:
                obj = json.loads(text)
                if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                    errs.append("%s: not compact" % rid)
            except ValueError as e:
                errs.append("%s: json %s" % (rid, e))
                continue
            strs = []
            i = 0
            while i < len(b):   # byte ranges of string literals
                if b[i:i + 1] == b'"':
                    j = i + 1
                    while b[j:j + 1] != b'"':
                        j += 2 if b[j:j + 1] == b"\\" else 1
                    strs.append((i + 1, j))
                    i = j + 1
                else:
                    i += 1
            for s in rec["spans"] + rec["negatives"]:
                if not any(a <= s["start"] and s["end"] <= z for a, z in strs):
                    errs.append("%s: span outside string %r" % (rid, b[s["start"]:s["end"]]))
        else:
            errs.append("%s: format" % rid)
        items = sorted([(s["start"], s["end"], "S") for s in rec["spans"]] + [(n["start"], n["end"], "N") for n in rec["negatives"]])
        for (a1, z1, k1), (a2, z2, k2) in zip(items, items[1:]):
            if a2 < z1:
                errs.append("%s: overlap %d-%d/%d-%d" % (rid, a1, z1, a2, z2))
        for s in rec["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s: offsets" % rid)
                continue
            seg = b[s["start"]:s["end"]].decode("utf-8")
            if seg != seg.strip() or not seg.strip(",. "):
                errs.append("%s: span edge %r" % (rid, seg))
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s: span fields" % rid)
            v = s.get("value", "")
            if not valid_value(s["entity"], v):
                errs.append("%s: invalid %s value %r" % (rid, s["entity"], v))
            if not s["spoken"] and s["entity"] in DIGIT_ENTS:
                dg = re.sub(r"\D", "", seg)
                if s["form"].startswith("last4"):
                    v = v[-4:]
                if dg.startswith("1") and s["entity"] == "PHONE" and len(dg) == 11:
                    dg = dg[1:]
                if dg != re.sub(r"\D", "", v):
                    errs.append("%s: written %s %r != %r" % (rid, s["entity"], seg, v))
            if s["entity"] in ("NAME", "CITY") and s["spoken"] and s["form"].startswith(("name", "city")):
                if seg.lower() not in v.lower():
                    errs.append("%s: name/city text %r vs %r" % (rid, seg, v))
            if s["entity"] == "EMAIL" and not s["spoken"] and seg != v:
                errs.append("%s: email %r" % (rid, seg))
        for n in rec["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)) or not n.get("what"):
                errs.append("%s: negative" % rid)
    ids = [x["id"] for x in recs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for e in errs[:50]:
        print("ERROR", e, file=sys.stderr)
    print("checked %d records, %d errors" % (len(recs), len(errs)), file=sys.stderr)
    stats(recs)
    return not errs


def stats(recs):
    c = collections.Counter()
    ent = collections.Counter()
    neg = collections.Counter()
    kinds = collections.Counter()
    eng = collections.Counter()
    for r in recs:
        kinds[r["kind"]] += 1
        eng[(r["format"], r.get("profile", ""), r.get("engine", ""))] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            neg[n["what"]] += 1
    print("records %d (transcript %d, json %d); spans %d; negatives %d" % (
        len(recs), sum(1 for r in recs if r["format"] == "transcript"), sum(1 for r in recs if r["format"] == "json"),
        sum(ent.values()), sum(neg.values())))
    print("\nentity       total  spoken(same/prev/none)  written(same/prev/none)")
    for e in sorted(ent):
        row = [c[(e, sp, cu)] for sp in ("spoken", "written") for cu in ("same", "prev", "none")]
        print("%-12s %5d  %4d %4d %4d            %4d %4d %4d" % (e, ent[e], *row))
    print("\nnegatives: " + ", ".join("%s %d" % kv for kv in sorted(neg.items())))
    print("\nkinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("\nformat/profile/engine: " + ", ".join("%s %d" % ("/".join(x for x in k if x), v) for k, v in sorted(eng.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", default="")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
