#!/usr/bin/env python3
"""Holdout 43: pharmacy phone calls (refill lines, pharmacist callbacks, specialty
intake, mail order) as STT engines and voice-agent vendors write them down, with
fictitious spoken PHI and many pharmacy look-alike numbers labelled as negatives.

  python3 gen_holdout43.py [--seed N] [--n 150] > holdout43.jsonl
  python3 gen_holdout43.py --stats              # counts of the default output
  python3 gen_holdout43.py --check holdout43.jsonl  # re-validate a file (+ stats)

Standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is (every random.Random is seeded with a str).
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

DEFAULT_SEED = 43
DEFAULT_N = 150

# ---------------------------------------------------------------- marks
# A value is wrapped in private-use sentinels while a record is built, so the
# same marked string can be embedded anywhere (a transcript line, a JSON field)
# and its byte offsets are found after serialisation.
OPEN, CLOSE = "\ue000", "\ue001"
MARK_RE = re.compile("\ue000.(.*?)\ue001", re.S)


class Rec:
    def __init__(self):
        self.meta = []

    def _wrap(self, text, meta):
        k = len(self.meta)
        self.meta.append(meta)
        return OPEN + chr(0xF0000 + k) + text + CLOSE

    def s(self, text, entity, spoken, cue, form, value, neutral=False):
        m = {"entity": entity, "spoken": bool(spoken), "cue": cue, "form": form, "value": value}
        if neutral:
            m["neutral"] = True
        return self._wrap(text, m)

    def n(self, text, what):
        return self._wrap(text, {"what": what})

    def finalize(self, s):
        out, spans, negs = [], [], []
        pos, i, cur = 0, 0, None
        while i < len(s):
            ch = s[i]
            if ch == OPEN:
                assert cur is None, "nested mark"
                cur = (ord(s[i + 1]) - 0xF0000, pos)
                i += 2
                continue
            if ch == CLOSE:
                k, st = cur
                m = self.meta[k]
                if "what" in m:
                    negs.append({"start": st, "end": pos, "what": m["what"]})
                else:
                    d = {"start": st, "end": pos, "entity": m["entity"], "spoken": m["spoken"],
                         "cue": m["cue"], "form": m["form"], "value": m["value"]}
                    if m.get("neutral"):
                        d["neutral"] = True
                    spans.append(d)
                cur = None
                i += 1
                continue
            out.append(ch)
            pos += len(ch.encode("utf-8"))
            i += 1
        assert cur is None
        spans.sort(key=lambda d: d["start"])
        negs.sort(key=lambda d: d["start"])
        return "".join(out), spans, negs


def plain(s):
    """Text of a marked string without its marks."""
    return MARK_RE.sub(lambda m: m.group(1), s)


# ---------------------------------------------------------------- words
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
MONTHS = ["", "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "xray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank",
        "G": "george", "H": "henry", "I": "ida", "J": "john", "K": "king", "L": "larry",
        "M": "mary", "N": "nancy", "O": "ocean", "P": "peter", "Q": "queen", "R": "robert",
        "S": "sam", "T": "tom", "U": "union", "V": "victor", "W": "william", "X": "xray",
        "Y": "yellow", "Z": "zebra"}


def num2w(n):
    """0..999 in words (no 'and')."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        t, u = divmod(n, 10)
        return TENS[t] + ("" if u == 0 else " " + ONES[u])
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + ("" if r == 0 else " " + num2w(r))


def dwords(s, zero="oh", dbl=False):
    out, i = [], 0
    while i < len(s):
        d = s[i]
        run = 1
        while i + run < len(s) and s[i + run] == d:
            run += 1
        w = zero if d == "0" else ONES[int(d)]
        if dbl and run >= 3:
            out.append("triple " + w)
            i += 3
            continue
        if dbl and run == 2:
            out.append("double " + w)
            i += 2
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def pairw(s, zero="oh"):
    """Two digits as a speaker pairs them: '42' forty two, '05' oh five, '10' ten."""
    if s[0] == "0":
        return zero + " " + (zero if s[1] == "0" else ONES[int(s[1])])
    return num2w(int(s))


def yearw(y):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    return pairw(str(y)[:2]) + " " + pairw(str(y)[2:])


def split_groups(s, groups):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    assert i == len(s), (s, groups)
    return out


SEPS = [(" ", "space"), (", ", "comma"), ("... ", "pause"), (" uh ", "uh"), (" um ", "um"),
        (" - ", "dash")]
FIX = ["no wait", "no, sorry", "no no", "I mean", "wait, no", "scratch that"]


def wrong_digit(rng, d):
    return rng.choice([x for x in "0123456789" if x != d])


def render_digits(rng, s, groups, mode, zero="oh", sep=None):
    """Render a digit string. Returns (text, form, spoken)."""
    parts = split_groups(s, groups)
    if sep is None:
        sep = rng.choice(SEPS[:4] if len(parts) > 1 else SEPS[:1])
    sp, sname = sep
    if mode == "words":
        return sp.join(dwords(p, zero) for p in parts), "words_%s_%s" % (zero, sname), True
    if mode == "double":
        return sp.join(dwords(p, zero, True) for p in parts), "words_double_%s_%s" % (zero, sname), True
    if mode == "pairs":  # last group of four spoken as two pairs
        ws = [dwords(p, zero) for p in parts[:-1]]
        last = parts[-1]
        if len(last) == 4 and last[2:] != "00":
            ws.append(pairw(last[:2], zero) + " " + pairw(last[2:], zero))
        elif len(last) == 2:
            ws.append(pairw(last, zero))
        else:
            ws.append(dwords(last, zero))
        return sp.join(ws), "words_pairs_%s_%s" % (zero, sname), True
    if mode == "digits_grouped":
        return " ".join(parts), "digits_space_groups", False
    if mode == "digits_dash":
        return "-".join(parts), "digits_dash", False
    if mode == "digits_each":
        return " ".join(s), "digits_each_spaced", False
    if mode == "digits_run":
        return s, "digits_run", False
    if mode == "mixed":
        k = rng.randrange(1, len(parts)) if len(parts) > 1 else 0
        if len(parts) == 1:
            half = len(s) // 2
            return dwords(s[:half], zero) + " " + s[half:], "mixed_words_digits", True
        return (sp.join(dwords(p, zero) for p in parts[:k]) + sp + " ".join(parts[k:]),
                "mixed_words_digits_%s" % sname, True)
    if mode == "selfcorrect":
        gi = rng.randrange(len(parts))
        p = parts[gi]
        j = rng.randrange(len(p))
        bad = p[:j] + wrong_digit(rng, p[j]) + p[j + 1:]
        fix = rng.choice(FIX)
        ws = []
        for k2, q in enumerate(parts):
            if k2 == gi:
                ws.append("%s... %s, that's a %s, %s" % (dwords(bad, zero), fix,
                                                        zero if p[j] == "0" else ONES[int(p[j])],
                                                        dwords(p, zero)))
            else:
                ws.append(dwords(q, zero))
        return sp.join(ws), "words_selfcorrect_%s" % zero, True
    raise ValueError(mode)


def render_alnum(rng, s, mode, zero="oh", groups=None):
    """Letters+digits ids (MBI, member id, MRN with a prefix). Returns (text, form, spoken)."""
    if mode == "written":
        if groups:
            return "-".join(split_groups(s, groups)), "written_dash_groups", False
        return s, "written_run", False
    if mode == "stt_spaced":
        return " ".join(s), "stt_chars_spaced", False
    letter = {"plain": lambda c: c.lower(), "upper": lambda c: c,
              "nato": lambda c: NATO[c], "asin": lambda c: "%s as in %s" % (c, ASIN[c])}[mode]
    toks = []
    run = ""
    for c in s:
        if c.isdigit():
            run += c
            continue
        if run:
            toks.append(dwords(run, zero))
            run = ""
        toks.append(letter(c))
    if run:
        toks.append(dwords(run, zero))
    joiner = ", " if mode == "asin" else " "
    return joiner.join(toks), "alnum_%s_%s" % (mode, zero), True


# ---------------------------------------------------------------- checks / decoding
DIGW = {w: str(i) for i, w in enumerate(ONES)}
DIGW.update({"oh": "0", "o": "0"})
TEENW = {w: str(10 + i) for i, w in enumerate(TEENS)}
TENW = {w: i for i, w in enumerate(TENS) if w}
NATO_R = {v: k for k, v in NATO.items()}


def decode_alnum(text):
    """Digits and letters a listener writes down from a spoken or written id."""
    toks = re.findall(r"[A-Za-z]+|\d", text)
    out = []
    i = 0
    while i < len(toks):
        t = toks[i].lower()
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in DIGW:
            out.append(DIGW[nxt] * (2 if t == "double" else 3))
            i += 1
        elif t in DIGW:
            out.append(DIGW[t])
        elif t in TEENW:
            out.append(TEENW[t])
        elif t in TENW:
            if nxt in ONES[1:]:
                out.append(str(TENW[t] * 10 + ONES.index(nxt)))
                i += 1
            else:
                out.append(str(TENW[t] * 10))
        elif t == "hundred":
            out.append("00")
        elif t == "as" and nxt == "in":
            i += 3
            continue
        elif t in NATO_R:
            out.append(NATO_R[t])
        elif toks[i].isupper():
            out.append(toks[i])
        elif len(t) == 1:
            out.append(t.upper())
        i += 1
    return "".join(out)


def is_subseq(needle, hay):
    it = iter(hay)
    return all(c in it for c in needle)


def decode_email(text):
    if "@" in text:
        return text.replace(" ", "").lower()
    toks = re.findall(r"[A-Za-z]+|\d|[._@-]", text)
    out = []
    i = 0
    while i < len(toks):
        t = toks[i].lower()
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if t in "._@-":
            out.append(t)
        elif t == "dot":
            out.append(".")
        elif t == "at":
            out.append("@")
        elif t == "underscore":
            out.append("_")
        elif t.isdigit():
            out.append(t)
        elif t == "zero":
            out.append("0")
        elif t in ONES:
            out.append(DIGW[t])
        elif t in TEENW:
            out.append(TEENW[t])
        elif t in TENW:
            if nxt in ONES[1:]:
                out.append(str(TENW[t] * 10 + ONES.index(nxt)))
                i += 1
            else:
                out.append(str(TENW[t] * 10))
        elif t == "as" and nxt == "in":
            i += 3
            continue
        else:
            out.append(t)
        i += 1
    return "".join(out)


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


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def ssn_ok(v):
    if not re.fullmatch(r"\d{9}", v):
        return False
    a, g, s = int(v[:3]), int(v[3:5]), int(v[5:])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0 and v not in ("078051120", "219099999")


def value_ok(ent, v):
    if ent == "SSN":
        return ssn_ok(v) or (len(v) == 4 and v.isdigit() and v != "0000")
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", v))
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}(\d{4})?", v)) and v[:5] != "00000"
    if ent == "CARD":
        return v.isdigit() and luhn_ok(v) and (len(v) == 16 or (len(v) == 15 and v[:2] in ("34", "37")))
    if ent == "NPI":
        return bool(re.fullmatch(r"[12]\d{9}", v)) and luhn_ok("80840" + v)
    if ent == "MBI":
        return bool(MBI_RE.match(v))
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return 1920 <= d.year <= 2025
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._]+@[a-z0-9]+(\.[a-z]+)+", v))
    if ent in ("MRN", "MEMBER_ID"):
        return bool(re.fullmatch(r"[A-Z0-9]{6,14}", v))
    if ent in ("NAME", "CITY", "STREET"):
        return bool(v.strip())
    return False


def span_matches(sp, text):
    ent, v = sp["entity"], sp["value"]
    if ent in ("SSN", "PHONE", "ZIP", "CARD", "NPI", "MRN", "MEMBER_ID", "MBI"):
        got = decode_alnum(text)
        if sp["spoken"] or "selfcorrect" in sp["form"]:
            return is_subseq(v, got)
        return got == v or (ent == "PHONE" and got == "1" + v)
    if ent == "DOB":
        got = decode_alnum(text)
        return v[2:4] in got
    if ent == "DATE":
        return bool(re.search(r"[a-z0-9]", text.lower()))
    if ent == "EMAIL":
        return decode_email(text) == v
    if ent in ("NAME", "CITY"):
        letters = "".join(ch for ch in decode_alnum(text).lower() if ch.isalpha())
        words = re.sub(r"[^a-z]", "", text.lower())
        vv = re.sub(r"[^a-z]", "", v.lower())
        if "spelled" in sp["form"] or "said_spelled" in sp["form"]:
            return vv in words or letters.endswith(vv[-len(letters):] if letters else "x") or vv.endswith(letters)
        return words == vv
    if ent == "STREET":
        num = v.split()[0]
        return is_subseq(num, decode_alnum(text))
    return False


# ---------------------------------------------------------------- people
FIRST_OLD = ["Dorothy", "Harold", "Gloria", "Walter", "Shirley", "Eugene", "Beverly", "Ruth", "Earl",
             "Doris", "Frank", "Loretta", "Vernon", "Marjorie", "Alvin", "Irene", "Clarence",
             "Bernice", "Wendell", "Opal", "Lucille", "Roy", "Esther", "Leon", "Agnes", "Gus",
             "Rosalind", "Ignacio", "Consuelo", "Hiroshi", "Yolanda", "Thaddeus", "Imelda",
             "Rudolph", "Geraldine", "Lorenzo", "Maxine", "Otis", "Winifred", "Jerome"]
FEMALE = {"Dorothy", "Gloria", "Shirley", "Beverly", "Ruth", "Doris", "Loretta", "Marjorie", "Irene",
          "Bernice", "Opal", "Lucille", "Esther", "Agnes", "Rosalind", "Consuelo", "Yolanda", "Imelda",
          "Geraldine", "Maxine", "Winifred"}
FIRST_YOUNG = ["Tanya", "Marcus", "Keisha", "Brian", "Jennifer", "Luis", "Priya", "Anh", "Nicole",
               "Derek", "Shauna", "Tomasz", "Renata", "Kevin", "Latoya", "Aaron", "Mei", "Dustin"]
LAST = ["Pruitt", "Kowalski", "Whitfield", "Okafor", "Delgado", "Abernathy", "Lindqvist",
        "Haddad", "Brennan", "Castellano", "Yamamoto", "Sandoval", "Ostrowski", "Thibodeaux",
        "Begay", "Holloway", "McAllister", "Greer", "Nakashima", "Villanueva", "Pettigrew",
        "Dombrowski", "Achterberg", "Fairbanks", "Quintero", "Szabo", "Mwangi", "Ferraro",
        "Gallagher", "Boateng", "Hendricks", "Novak", "Tran", "Oyelaran", "Washburn", "Kaminski",
        "Lebeau", "Rasmussen", "Chatterjee", "Underhill"]
STAFF = ["Renee", "Marco", "Destiny", "Hector", "Alisha", "Trevor", "Bianca", "Omar", "Kendra",
         "Felix", "Jasmine", "Wes", "Paige", "Ravi", "Colleen", "Darnell"]
STREETS = [("Larkspur", "Lane", "Ln"), ("Orchard", "Street", "St"), ("Pinecrest", "Drive", "Dr"),
           ("Bellflower", "Avenue", "Ave"), ("Cottonwood", "Court", "Ct"), ("Hawthorne", "Road", "Rd"),
           ("Meadowbrook", "Boulevard", "Blvd"), ("Sycamore", "Street", "St"),
           ("Juniper", "Way", "Way"), ("Kettering", "Road", "Rd"), ("Foxglove", "Lane", "Ln"),
           ("Briarwood", "Drive", "Dr"), ("Tamarack", "Avenue", "Ave"), ("Wexford", "Court", "Ct"),
           ("Ridgeline", "Drive", "Dr"), ("Harrow", "Street", "St")]
CITIES = [("Dayton", "Ohio", "OH", "454"), ("Toledo", "Ohio", "OH", "436"),
          ("Rockford", "Illinois", "IL", "611"), ("Macon", "Georgia", "GA", "312"),
          ("Fresno", "California", "CA", "937"), ("Tulsa", "Oklahoma", "OK", "741"),
          ("Erie", "Pennsylvania", "PA", "165"), ("Spokane", "Washington", "WA", "992"),
          ("Lubbock", "Texas", "TX", "794"), ("Duluth", "Minnesota", "MN", "558"),
          ("Savannah", "Georgia", "GA", "314"), ("Peoria", "Illinois", "IL", "616"),
          ("Scranton", "Pennsylvania", "PA", "185"), ("Bakersfield", "California", "CA", "933"),
          ("Akron", "Ohio", "OH", "443"), ("Flint", "Michigan", "MI", "485"),
          ("Yonkers", "New York", "NY", "107"), ("Chattanooga", "Tennessee", "TN", "374"),
          ("Billings", "Montana", "MT", "591"), ("Amarillo", "Texas", "TX", "791")]
AREAS = ["312", "419", "937", "815", "478", "559", "918", "814", "509", "806", "218", "912",
         "309", "570", "661", "330", "810", "914", "423", "406", "614", "704"]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("aol", "com"), ("comcast", "net"),
           ("hotmail", "com"), ("outlook", "com"), ("icloud", "com"), ("sbcglobal", "net")]
PHARMACIES = ["Northgate Pharmacy", "Lakeshore Specialty Pharmacy", "MedPost Mail Order Pharmacy",
              "Riverbend Drug", "Crestview Community Pharmacy", "PillPath Home Delivery",
              "Summit Specialty Rx", "Harbor Family Pharmacy"]
PLANS = ["Keystone Health Plan", "Prairie Blue", "Silverline Medicare Rx", "Cascade Care PPO",
         "Heartland Medicaid", "Beacon Part D"]

# drugs: name, strength in words, strength written, unit noun for counts
DRUGS = [("lisinopril", "ten milligram", "10 mg", "tablets"),
         ("metformin", "five hundred milligram", "500 mg", "tablets"),
         ("levothyroxine", "seventy five micrograms", "75 mcg", "tablets"),
         ("atorvastatin", "forty milligram", "40 mg", "tablets"),
         ("amlodipine", "five milligram", "5 mg", "tablets"),
         ("warfarin", "two and a half milligram", "2.5 mg", "tablets"),
         ("tamsulosin", "point four milligram", "0.4 mg", "capsules"),
         ("alprazolam", "point five", "0.5 mg", "tablets"),
         ("furosemide", "twenty milligram", "20 mg", "tablets"),
         ("apixaban", "five milligram", "5 mg", "tablets"),
         ("metoprolol succinate", "twenty five milligram", "25 mg", "tablets"),
         ("gabapentin", "three hundred milligram", "300 mg", "capsules"),
         ("sertraline", "fifty milligram", "50 mg", "tablets"),
         ("omeprazole", "twenty milligram", "20 mg", "capsules"),
         ("donepezil", "ten milligram", "10 mg", "tablets"),
         ("carvedilol", "six point two five milligram", "6.25 mg", "tablets")]
SPECIALTY = [("adalimumab", "forty milligram", "40 mg", "pens"),
             ("etanercept", "fifty milligram", "50 mg", "syringes"),
             ("dupilumab", "three hundred milligram", "300 mg", "syringes"),
             ("methotrexate injection", "twenty five milligram", "25 mg", "syringes"),
             ("enoxaparin", "forty milligram", "40 mg", "syringes"),
             ("insulin glargine", "one hundred units per ml", "100 units/mL", "pens")]
SIG = ["one tablet twice a day", "one by mouth every morning", "one at bedtime",
       "one tablet daily with food", "two tablets in the morning"]


def make_phone(rng):
    return rng.choice(AREAS) + "5550" + "1" + "%d%d" % (rng.randrange(10), rng.randrange(10))


def make_ssn(rng):
    while True:
        v = "%03d%02d%04d" % (rng.randrange(1, 900), rng.randrange(1, 100), rng.randrange(1, 10000))
        if ssn_ok(v):
            return v


def make_card(rng):
    kind = rng.choice(["visa", "visa", "mc", "mc", "disc", "amex"])
    if kind == "visa":
        p = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        p = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    elif kind == "disc":
        p = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    else:
        p = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    return kind, luhn_complete(p)


def make_npi(rng):
    while True:
        p = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + p + c):
                return p + c


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    an = MBI_L + "0123456789"
    d = "0123456789"
    v = (rng.choice("123456789") + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) +
         rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) + rng.choice(MBI_L) +
         rng.choice(MBI_L) + rng.choice(d) + rng.choice(d))
    assert MBI_RE.match(v)
    return v


ID_L = "ABCDEFGHJKMNPRSTUVWXYZ"  # no I, L, O, Q: read as digits


def make_member(rng):
    k = rng.randrange(4)
    dg = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if k == 0:
        return rng.choice("WUM") + dg(9)
    if k == 1:
        return "".join(rng.choice(ID_L) for _ in range(3)) + dg(9)
    if k == 2:
        return rng.choice(ID_L) + rng.choice(ID_L) + dg(8)
    return dg(11)


def make_mrn(rng):
    k = rng.randrange(3)
    if k == 0:
        return "%08d" % rng.randrange(100000, 99999999)
    if k == 1:
        return "%07d" % rng.randrange(1000000, 9999999)
    return rng.choice("EHMK") + "%07d" % rng.randrange(0, 9999999)


def make_persona(rng):
    p = {}
    p["first"] = rng.choice(FIRST_OLD)
    p["female"] = p["first"] in FEMALE
    p["she"], p["her"] = ("she", "her") if p["female"] else ("he", "his")
    p["her_obj"] = "her" if p["female"] else "him"
    p["last"] = rng.choice(LAST)
    y = rng.randrange(1935, 1972)
    m = rng.randrange(1, 13)
    d = rng.randrange(1, 29)
    p["dob"] = datetime.date(y, m, d)
    p["age"] = 2024 - y - (1 if (m, d) > (6, 1) else 0)
    p["phone"] = make_phone(rng)
    p["phone2"] = make_phone(rng)
    while p["phone2"] == p["phone"]:
        p["phone2"] = make_phone(rng)
    city = rng.choice(CITIES)
    p["city"], p["state"], p["st"] = city[0], city[1], city[2]
    p["zip"] = city[3] + "%02d" % rng.randrange(1, 99)
    stn = rng.choice(STREETS)
    p["house"] = str(rng.choice([rng.randrange(10, 99), rng.randrange(100, 999),
                                 rng.randrange(1000, 9999), rng.randrange(1000, 9999)]))
    p["street"] = stn
    p["unit"] = rng.choice([None, None, None, "2", "3B", "114", "C"])
    p["ssn"] = make_ssn(rng)
    p["mbi"] = make_mbi(rng)
    p["member"] = make_member(rng)
    p["mrn"] = make_mrn(rng)
    p["card_kind"], p["card"] = make_card(rng)
    p["npi"] = make_npi(rng)
    p["prescriber"] = rng.choice(LAST)
    while p["prescriber"] == p["last"]:
        p["prescriber"] = rng.choice(LAST)
    p["staff"] = rng.choice(STAFF)
    p["office_staff"] = rng.choice([s for s in STAFF if s != p["staff"]])
    p["rel_first"] = rng.choice(FIRST_YOUNG)
    p["relation"] = rng.choice(["daughter", "son", "wife", "husband", "niece", "caregiver"])
    dom = rng.choice(DOMAINS)
    f, l = p["first"].lower(), p["last"].lower()
    yy = "%02d" % (y % 100)
    local = rng.choice([f + "." + l, f[0] + l + yy, f + l[0] + yy, l + "." + f, f + "_" + l,
                        f + l + yy])
    p["email_local"], p["email_dom"] = local, dom
    p["email"] = "%s@%s.%s" % (local, dom[0], dom[1])
    p["drug"] = rng.choice(DRUGS)
    p["drug2"] = rng.choice([d2 for d2 in DRUGS if d2 != p["drug"]])
    p["spec"] = rng.choice(SPECIALTY)
    p["rx"] = "%07d" % rng.randrange(1000000, 9999999)
    p["rx2"] = "%07d" % rng.randrange(1000000, 9999999)
    p["store"] = str(rng.choice([rng.randrange(1000, 9999), rng.randrange(10000, 19999)]))
    p["ndc"] = "%05d%04d%02d" % (rng.choice([93, 378, 591, 781, 172, 904, 68180, 16729, 65862]),
                                 rng.randrange(1, 9999), rng.randrange(1, 99))
    p["lot"] = "".join(rng.choice(ID_L) for _ in range(rng.randrange(1, 3))) + \
        "%04d" % rng.randrange(0, 9999) + rng.choice(["", "A", "B", "K"])
    p["bin"] = "%06d" % rng.randrange(1000, 999999)
    p["pcn"] = rng.choice(["ADV", "MEDDPRIME", "9999", "A4", "CN", "PDPIND", "RXSAVE"])
    p["group"] = rng.choice(["RX" + "%04d" % rng.randrange(10000), "%07d" % rng.randrange(10 ** 6, 10 ** 7),
                             "HRX" + "%03d" % rng.randrange(1000), "GRP" + "%05d" % rng.randrange(10 ** 5)])
    p["pharmacy"] = rng.choice(PHARMACIES)
    p["plan"] = rng.choice(PLANS)
    p["days"] = rng.choice([30, 90, 90])
    p["qty"] = p["days"] * rng.choice([1, 1, 2])
    p["refills"] = rng.choice([0, 1, 2, 3, 5])
    cents = rng.choice([0, 0, 47, 99, 50, 15])
    p["copay"] = (rng.choice([0, 4, 10, 11, 25, 47, 95, 140]), cents)
    d0 = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 300))
    p["event_date"] = d0
    p["pickup_day"] = d0 + datetime.timedelta(days=rng.randrange(1, 20))
    p["order"] = "%08d" % rng.randrange(10 ** 7, 10 ** 8)
    p["conf"] = "%06d" % rng.randrange(10 ** 5, 10 ** 6)
    p["hour"] = rng.choice([(9, 0), (10, 30), (2, 0), (4, 30), (5, 15), (11, 0), (3, 45)])
    return p


# ---------------------------------------------------------------- style
class Style:
    """How the STT engine writes this call down."""

    def __init__(self, rng, kind=None):
        self.kind = kind or rng.choice(["words"] * 9 + ["mixed"] * 6 + ["digits"] * 5)
        self.lower = self.kind == "words" or (self.kind == "mixed" and rng.random() < 0.5)
        self.punct = not self.lower or rng.random() < 0.4
        self.zero = rng.choice(["oh", "oh", "zero", "o"])
        self.zero_c = rng.choice(["oh", "zero", "oh"])  # the caller's own habit

    def words(self, rng, p_words=None):
        """Should this value come out in words?"""
        if self.kind == "words":
            return True
        if self.kind == "digits":
            return rng.random() < 0.12
        return rng.random() < (0.55 if p_words is None else p_words)

    def cap(self, s):
        return s.lower() if self.lower else s

    def text(self, s):
        """Apply casing and punctuation to the non-value parts of a marked turn."""
        if not self.lower:
            return s
        parts = re.split("(\ue000.*?\ue001)", s, flags=re.S)
        out = []
        for k, part in enumerate(parts):
            if k % 2 == 1:
                out.append(part)
                continue
            t = part.lower()
            if not self.punct:
                t = re.sub(r"[,.?!;:]+(?=\s|$)", "", t)
                t = t.replace("—", " ").replace("  ", " ")
            out.append(t)
        s2 = "".join(out)
        return re.sub(" +", " ", s2).strip()


# ---------------------------------------------------------------- value renderers
def r_phone(R, rng, S, v, cue, force=None, readback=False):
    mode = force
    if mode is None:
        if S.words(rng):
            mode = rng.choice(["words", "words", "pairs", "double", "selfcorrect", "mixed"]
                              if not readback else ["words", "pairs", "words"])
        else:
            mode = rng.choice(["digits_dash", "paren", "digits_grouped", "digits_dash"])
    zero = S.zero_c if not readback else S.zero
    if mode == "paren":
        t, f, sp = "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "digits_paren_dash", False
    else:
        t, f, sp = render_digits(rng, v, [3, 3, 4], mode, zero)
    return R.s(t, "PHONE", sp, cue, f, v)


def r_ssn(R, rng, S, v, cue, last4=False, readback=False):
    if last4:
        v4 = v[5:]
        if S.words(rng):
            mode = rng.choice(["words", "pairs", "words"])
            t, f, sp = render_digits(rng, v4, [4], mode, S.zero_c, sep=(" ", "space"))
        else:
            t, f, sp = v4, "digits", False
        return R.s(t, "SSN", sp, cue, "last4_" + f, v4)
    if S.words(rng):
        mode = rng.choice(["words", "words", "selfcorrect", "double"]) if not readback else "words"
        t, f, sp = render_digits(rng, v, [3, 2, 4], mode, S.zero_c)
    else:
        mode = rng.choice(["digits_dash", "digits_grouped", "digits_run"])
        t, f, sp = render_digits(rng, v, [3, 2, 4], mode)
    return R.s(t, "SSN", sp, cue, f, v)


def r_zip(R, rng, S, v, cue):
    if S.words(rng):
        k = rng.randrange(4)
        if k == 0:
            t, f = pairw(v[:2], S.zero_c) + " " + dwords(v[2], S.zero_c) + " " + pairw(v[3:], S.zero_c), "words_pair_single_pair"
        else:
            t, f = dwords(v, S.zero_c), "words_%s" % S.zero_c
        return R.s(t, "ZIP", True, cue, f, v)
    return R.s(v, "ZIP", False, cue, "digits", v)


def r_card(R, rng, S, v, cue):
    groups = [4, 4, 4, 4] if len(v) == 16 else [4, 6, 5]
    if S.words(rng, 0.7):
        mode = rng.choice(["words", "words", "selfcorrect", "mixed", "double"])
        t, f, sp = render_digits(rng, v, groups, mode, S.zero_c)
    else:
        mode = rng.choice(["digits_grouped", "digits_grouped", "digits_dash", "digits_run"])
        t, f, sp = render_digits(rng, v, groups, mode)
    return R.s(t, "CARD", sp, cue, f, v)


def r_npi(R, rng, S, v, cue):
    if S.words(rng):
        t, f, sp = render_digits(rng, v, rng.choice([[3, 3, 4], [10], [5, 5]]), "words", S.zero_c)
    else:
        t, f, sp = render_digits(rng, v, [10], "digits_run")
    return R.s(t, "NPI", sp, cue, f, v)


def r_mrn(R, rng, S, v, cue):
    if v[0].isalpha():
        if S.words(rng, 0.75):
            t, f, sp = render_alnum(rng, v, rng.choice(["plain", "asin", "nato", "upper"]), S.zero_c)
        else:
            t, f, sp = render_alnum(rng, v, rng.choice(["written", "stt_spaced"]))
        return R.s(t, "MRN", sp, cue, f, v)
    if S.words(rng, 0.75):
        g = [4, 4] if len(v) == 8 else [3, 4]
        mode = rng.choice(["words", "words", "double", "selfcorrect", "pairs"])
        t, f, sp = render_digits(rng, v, g, mode, S.zero_c)
    else:
        t, f, sp = render_digits(rng, v, [len(v)], rng.choice(["digits_run", "digits_each"]))
    return R.s(t, "MRN", sp, cue, f, v)


def r_alnum_id(R, rng, S, v, ent, cue, groups=None):
    if S.words(rng):
        t, f, sp = render_alnum(rng, v, rng.choice(["plain", "upper", "nato", "asin"]), S.zero_c)
        if S.lower:
            t = t.lower()
    else:
        t, f, sp = render_alnum(rng, v, rng.choice(["written", "stt_spaced"]), groups=groups)
    return R.s(t, ent, sp, cue, f, v)


def dob_render(rng, S, d, written=False):
    y, m, dd = d.year, d.month, d.day
    if written or not S.words(rng, 0.6):
        k = rng.randrange(5)
        if k == 0:
            return "%02d/%02d/%d" % (m, dd, y), "written_mdy_full", False
        if k == 1:
            return "%d/%d/%02d" % (m, dd, y % 100), "written_mdy_short", False
        if k == 2:
            return "%s %d, %d" % (MONTHS[m].capitalize(), dd, y), "written_month_d_y", False
        if k == 3:
            return "%s %d%s %d" % (MONTHS[m].capitalize(), dd,
                                   "th" if 10 < dd < 14 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th"), y), "written_month_dth_y", False
        return "%02d-%02d-%d" % (m, dd, y), "written_mdy_dash", False
    k = rng.randrange(8)
    z = S.zero_c
    if k == 0:
        return "%s %s %s" % (MONTHS[m], ORD[dd], yearw(y)), "month_ord_year_full", True
    if k == 1:
        return "%s %s %s" % (MONTHS[m], num2w(dd), pairw(str(y)[2:])), "month_card_yy", True
    if k == 2:
        return "%s %s %s" % (pairw("%02d" % m, z), pairw("%02d" % dd, z), pairw(str(y)[2:])), "num_mdy_lead_yy", True
    if k == 3:
        return "%s %s %s" % (num2w(m), num2w(dd), pairw(str(y)[2:])), "num_mdy_nolead_yy", True
    if k == 4:
        return "the %s of %s %s" % (ORD[dd], MONTHS[m], yearw(y)), "the_d_of_m_full", True
    if k == 5:
        return "%s %s, %d" % (MONTHS[m], ORD[dd], y), "month_ord_year_digits", True
    if k == 6:
        return "%s %s %s" % (dwords("%02d" % m, z), dwords("%02d" % dd, z), dwords(str(y), z)), "digit_words_mmddyyyy", True
    wm = rng.choice([x for x in range(1, 13) if x != m])
    return "%s... %s, %s %s %s" % (MONTHS[wm], rng.choice(["no", "no wait", "no, sorry"]), MONTHS[m],
                                  ORD[dd], yearw(y)), "month_selfcorrect_full", True


def r_dob(R, rng, S, d, cue, written=False):
    t, f, sp = dob_render(rng, S, d, written)
    return R.s(t, "DOB", sp, cue, f, d.isoformat())


def r_date(R, rng, S, d, cue, written=False):
    m, dd = d.month, d.day
    if written or not S.words(rng):
        k = rng.randrange(3)
        if k == 0:
            t, f, sp = "%s %d" % (MONTHS[m].capitalize(), dd), "written_month_d", False
        elif k == 1:
            t, f, sp = "%d/%d" % (m, dd), "written_md", False
        else:
            t, f, sp = "%s %d, %d" % (MONTHS[m].capitalize(), dd, d.year), "written_month_d_y", False
    else:
        k = rng.randrange(3)
        if k == 0:
            t, f = "%s %s" % (MONTHS[m], ORD[dd]), "month_ord"
        elif k == 1:
            t, f = "the %s of %s" % (ORD[dd], MONTHS[m]), "the_d_of_m"
        else:
            t, f = "%s %s %s" % (MONTHS[m], ORD[dd], yearw(d.year)), "month_ord_year"
        sp = True
    return R.s(t, "DATE", sp, cue, f, d.isoformat())


def spell(rng, S, word, how):
    W = word.upper()
    if how == "letters":
        return " ".join(W if not S.lower else W.lower()), "spelled_letters"
    if how == "dashed":
        return "-".join(W), "spelled_dashed"
    if how == "nato":
        return " ".join(NATO[c] for c in W), "spelled_nato"
    return ", ".join("%s as in %s" % (c if not S.lower else c.lower(), ASIN[c]) for c in W), "spelled_as_in"


def r_name(R, rng, S, full, cue, spelled=None, written=False):
    """full: 'First Last' or 'Last' etc."""
    if written:
        return R.s(full, "NAME", False, cue, "name_written", full)
    t = S.cap(full)
    if spelled:
        last = full.split()[-1]
        sp_t, f = spell(rng, S, last, spelled)
        return R.s("%s, %s" % (t, sp_t), "NAME", True, cue, "name_said_%s" % f, full)
    return R.s(t, "NAME", True, cue, "name_%s_%s" % ("full" if " " in full else "single",
                                                    "lower" if S.lower else "cased"), full)


def r_street(R, rng, S, p, cue, written=False):
    name, suf, abbr = p["street"]
    h = p["house"]
    unit = p["unit"]
    value = "%s %s %s" % (h, name, suf) + (" Apt %s" % unit if unit else "")
    if written or not S.words(rng):
        t = "%s %s %s" % (h, name, abbr + ("." if written and abbr != "Way" else "")) if written or rng.random() < 0.5 \
            else "%s %s %s" % (h, name, suf)
        if unit:
            t += rng.choice([" Apt %s" % unit, ", Apt. %s" % unit, " #%s" % unit, " Unit %s" % unit])
        if not written:
            t = S.cap(t)
        return R.s(t, "STREET", False, cue, "written_house_street", value)
    if len(h) == 4 and rng.random() < 0.6:
        hw, f = pairw(h[:2], S.zero_c) + " " + pairw(h[2:], S.zero_c), "house_pairs"
    elif len(h) == 3 and rng.random() < 0.5:
        hw, f = ONES[int(h[0])] + " " + pairw(h[1:], S.zero_c), "house_one_pair"
    elif len(h) == 2:
        hw, f = num2w(int(h)), "house_number_words"
    else:
        hw, f = dwords(h, S.zero_c), "house_digit_words"
    t = "%s %s %s" % (hw, name.lower() if S.lower else name, suf.lower() if S.lower else suf)
    if unit:
        uw = " ".join(dwords(c, S.zero_c) if c.isdigit() else c.lower() for c in re.findall(r"\d+|[A-Z]", unit))
        t += rng.choice([" apartment %s" % uw, " unit %s" % uw, ", apartment %s" % uw])
        f += "_unit"
    return R.s(t, "STREET", True, cue, f, value)


def r_city(R, rng, S, p, cue, written=False):
    return R.s(p["city"] if written else S.cap(p["city"]), "CITY", not written, cue,
               "city_written" if written else "city_spoken", p["city"])


def r_email(R, rng, S, p, cue, written=False):
    local, (dn, tld) = p["email_local"], p["email_dom"]
    v = p["email"]
    if written or not S.words(rng, 0.5):
        k = rng.randrange(3) if not written else 0
        if k == 0:
            return R.s(v, "EMAIL", False, cue, "email_written", v)
        if k == 1:
            t = "%s at %s.%s" % (local, dn, tld)
            return R.s(t, "EMAIL", True, cue, "email_stt_at_word", v)
        t = "%s at %s dot %s" % (local.replace(".", " dot ").replace("_", " underscore "), dn, tld)
        return R.s(t, "EMAIL", True, cue, "email_stt_words_local_run", v)
    toks = re.findall(r"[a-z]+|\d+|[._]", local)
    k = rng.randrange(4)
    out = []
    for i, tok in enumerate(toks):
        if tok == ".":
            out.append("dot")
        elif tok == "_":
            out.append("underscore")
        elif tok.isdigit():
            out.append(pairw(tok, "zero") if (k in (0, 2) and tok[0] != "0") else dwords(tok, "zero"))
        elif k == 1 or (k == 3 and i == 0 and len(tok) > 1 and len(toks) > 1) or len(tok) == 1:
            out.append(" ".join(tok) if k != 3 else ", ".join("%s as in %s" % (c, ASIN[c.upper()]) for c in tok))
        else:
            out.append(tok)
    dom = rng.choice(["%s dot %s" % (" ".join(dn) if dn == "aol" and rng.random() < 0.5 else dn, tld)])
    t = "%s at %s" % (" ".join(out), dom)
    f = ["email_words", "email_spelled_letters", "email_words_numbers", "email_spell_first_as_in"][k]
    return R.s(t, "EMAIL", True, cue, f, v)


def r_mbi(R, rng, S, v, cue):
    return r_alnum_id(R, rng, S, v, "MBI", cue, groups=[4, 3, 4])


def r_member(R, rng, S, v, cue):
    return r_alnum_id(R, rng, S, v, "MEMBER_ID", cue)


# ---------------------------------------------------------------- negatives
def n_num(R, rng, S, s, what, groups=None, words=None):
    """Pharmacy look-alike numbers read digit by digit (Rx, NDC, BIN, store...)."""
    if words is None:
        words = S.words(rng)
    if words:
        mode = rng.choice(["words", "words", "selfcorrect"]) if what == "rx_number" else "words"
        t, _, _ = render_digits(rng, s, groups or [len(s)], mode, S.zero_c,
                                sep=(" ", "space") if not groups else None)
    else:
        t = "-".join(split_groups(s, groups)) if groups else s
    return R.n(t, what)


def n_alnum(R, rng, S, s, what):
    if S.words(rng):
        t, _, _ = render_alnum(rng, s, rng.choice(["plain", "upper", "asin"]), S.zero_c)
        if S.lower:
            t = t.lower()
    else:
        t = s
    return R.n(t, what)


def n_money(R, rng, S, amt):
    d, c = amt
    if S.words(rng):
        if d == 0 and c == 0:
            t = "zero dollars"
        elif c == 0:
            t = "%s dollars" % num2w(d)
        else:
            t = rng.choice(["%s %s" % (num2w(d), num2w(c) if c >= 10 else "oh " + ONES[c]),
                            "%s dollars and %s cents" % (num2w(d), num2w(c))])
    else:
        t = "$%d.%02d" % (d, c)
    return R.n(t, "money")


def n_time(R, rng, S, hm):
    h, m = hm
    ap = "a m" if h in (9, 10, 11) else "p m"
    if S.words(rng):
        t = num2w(h) + ("" if m == 0 else " " + num2w(m)) + rng.choice([" " + ap, " o'clock" if m == 0 else " " + ap, ""])
    else:
        t = "%d:%02d %s" % (h, m, "AM" if ap == "a m" else "PM")
    return R.n(t, "time")


def n_dose(R, rng, S, drug):
    return R.n(drug[1] if S.words(rng) else drug[2], "dose")


def n_count(R, rng, S, n, unit):
    return R.n(("%s %s" % (num2w(n), unit)) if S.words(rng) else "%d %s" % (n, unit), "count")


def n_days(R, rng, S, n):
    return R.n(("%s day" % num2w(n)) if S.words(rng) else "%d-day" % n, "duration")


def n_pickup(R, rng, S, d):
    if S.words(rng):
        t = rng.choice(["%s %s" % (MONTHS[d.month], ORD[d.day]), "the %s" % ORD[d.day]])
    else:
        t = "%s %d" % (MONTHS[d.month].capitalize(), d.day)
    return R.n(t, "appointment_date")


# ---------------------------------------------------------------- carriers
CARRIER = []


def load_carrier(path):
    bad = re.compile(r"\d|\b(Dr|Doctor|Mr|Mrs|Ms|Miss|January|February|March|April|May|June|July|"
                     r"August|September|October|November|December)\b")
    out = []
    for fn in ["MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"]:
        with open(os.path.join(path, "mts-dialog", fn), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["section_header"] not in ("MEDICATIONS", "ALLERGY"):
                    continue
                lines = [ln.strip() for ln in r["dialogue"].split("\n") if ln.strip()]
                if not 2 <= len(lines) <= 6:
                    continue
                if any(not re.match(r"^(Doctor|Patient):", ln) for ln in lines):
                    continue
                body = " ".join(re.sub(r"^(Doctor|Patient):", "", ln) for ln in lines)
                if bad.search(body):
                    continue
                out.append([("A" if ln.startswith("Doctor") else "C",
                             re.sub(r"\s+", " ", ln.split(":", 1)[1]).strip()) for ln in lines])
    return out


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
    sys.exit("carrier sources not found (use --carrier-dir or CARRIER_DIR)")


# ---------------------------------------------------------------- call flows
# A flow returns a list of (role, marked text). Roles: A pharmacy side, C caller,
# I IVR, O the prescriber's office.

def opener(R, rng, S, p, T, kind):
    ph = p["pharmacy"]
    ag = r_name(R, rng, S, p["staff"], "same")
    line = rng.choice(["Thank you for calling %s, this is %s, how can I help you?",
                       "%s, my name is %s, how may I help you today?",
                       "Good afternoon, %s, this is %s speaking."]) % (ph, ag)
    T.append(("A", line))


def caller_ident(R, rng, S, p, T, self_call=True):
    """Caller gives name and DOB, in one of several orders and cues."""
    full = "%s %s" % (p["first"], p["last"])
    k = rng.randrange(4)
    if k == 0:  # unprompted, no cue words
        T.append(("C", "Yeah hi. %s. %s. Calling about my refills." % (
            r_name(R, rng, S, full, "none"), r_dob(R, rng, S, p["dob"], "none"))))
        return
    if k == 1:
        T.append(("C", "Hi, I need to get a refill on my %s." % p["drug"][0]))
        T.append(("A", "Sure, I can help with that. What's the patient's first and last name?"))
        T.append(("C", "%s." % r_name(R, rng, S, full, "prev",
                                     spelled=rng.choice([None, "letters", "as_in", None])
                                     if self_call else None)))
        T.append(("A", "And the date of birth?"))
        T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
        return
    if k == 2:
        T.append(("C", "Yes, my name is %s and my birthday is %s." % (
            r_name(R, rng, S, full, "same"), r_dob(R, rng, S, p["dob"], "same"))))
        return
    T.append(("C", "Hello? Yes, I'm calling for a refill, I have the bottle right here."))
    T.append(("A", "Okay, can I get your name please?"))
    T.append(("C", "It's %s." % r_name(R, rng, S, full, "same", spelled=rng.choice(["nato", "dashed", None]))))
    T.append(("A", "Thank you. Can you verify your date of birth for me?"))
    T.append(("C", "Date of birth %s." % r_dob(R, rng, S, p["dob"], "same")))


def rx_beat(R, rng, S, p, T):
    T.append(("A", "Do you have the prescription number? It's on the label, starts with the number after R X."))
    if rng.random() < 0.3:
        T.append(("C", "There's a long number here, %s, is that it?" % n_num(R, rng, S, p["ndc"], "ndc_code", [5, 4, 2])))
        T.append(("A", "No, that's the N D C, the drug code. I need the one after R X, usually seven digits."))
    T.append(("C", "Let me get my glasses. Okay, it says R X %s." % n_num(R, rng, S, p["rx"], "rx_number", [3, 4] if rng.random() < 0.4 else None)))
    drug = p["drug"]
    T.append(("A", "I see the %s %s, quantity %s, that's a %s supply, and you have %s left." % (
        drug[0], n_dose(R, rng, S, drug), n_count(R, rng, S, p["qty"], drug[3]), n_days(R, rng, S, p["days"]),
        n_count(R, rng, S, p["refills"] if p["refills"] else 2, "refill" if p["refills"] == 1 else "refills"))))
    if rng.random() < 0.5:
        T.append(("C", "And there's another one, the %s, number %s." % (p["drug2"][0],
                                                                    n_num(R, rng, S, p["rx2"], "rx_number"))))
        T.append(("A", "Got it, the %s %s, I'll put that one through too." % (p["drug2"][0], n_dose(R, rng, S, p["drug2"]))))


def pickup_beat(R, rng, S, p, T):
    T.append(("A", "That will be ready %s after %s at store number %s. Your copay is %s." % (
        rng.choice(["today", "tomorrow", "on %s" % n_pickup(R, rng, S, p["pickup_day"])]),
        n_time(R, rng, S, p["hour"]), n_num(R, rng, S, p["store"], "store_number"), n_money(R, rng, S, p["copay"]))))
    T.append(("C", rng.choice(["Okay, that's fine.", "Alright, I'll have my %s pick it up." % p["relation"],
                               "Can it be the drive through?"])))
    T.append(("A", "Yes, it %s be ready for you. Anything else?" % R.n("will", "common_word")))


def phone_beat(R, rng, S, p, T):
    k = rng.randrange(3)
    if k == 0:
        T.append(("A", "What's the best callback number in case the pharmacist has a question?"))
        T.append(("C", "%s." % r_phone(R, rng, S, p["phone"], "prev")))
    elif k == 1:
        T.append(("A", "Is the phone number on file still good?"))
        T.append(("C", "No, I changed it. My new number is %s." % r_phone(R, rng, S, p["phone"], "same")))
    else:
        T.append(("A", "Anything else?"))
        T.append(("C", "Oh, and %s, you can write that down, that's my cell." % r_phone(R, rng, S, p["phone"], "none")))
    if rng.random() < 0.55:
        T.append(("A", "Let me read that back, %s?" % r_phone(R, rng, S, p["phone"], "prev", readback=True)))
        T.append(("C", "That's right."))


def address_beat(R, rng, S, p, T):
    st = "%s" % p["st"] if not S.words(rng) else p["state"]
    k = rng.randrange(2)
    if k == 0:
        T.append(("A", "What address should we ship it to?"))
        T.append(("C", "%s, %s, %s, %s." % (r_street(R, rng, S, p, "prev"), r_city(R, rng, S, p, "prev"),
                                           S.cap(st), r_zip(R, rng, S, p["zip"], "prev"))))
    else:
        T.append(("A", "Can you confirm your mailing address?"))
        T.append(("C", "My address is %s in %s, and the zip code is %s." % (
            r_street(R, rng, S, p, "same"), r_city(R, rng, S, p, "same"), r_zip(R, rng, S, p["zip"], "same"))))
    if rng.random() < 0.5:
        T.append(("A", "And the zip again?"))
        T.append(("C", "%s." % r_zip(R, rng, S, p["zip"], "prev")))


def email_beat(R, rng, S, p, T):
    if rng.random() < 0.5:
        T.append(("A", "Do you want shipping notifications by email?"))
        T.append(("C", "Sure. It's %s." % r_email(R, rng, S, p, "prev")))
    else:
        T.append(("C", "You can email me, my email address is %s." % r_email(R, rng, S, p, "same")))
    if rng.random() < 0.4:
        T.append(("A", "I have %s, is that correct?" % r_email(R, rng, S, p, "prev")))
        T.append(("C", "Yes."))


def card_beat(R, rng, S, p, T):
    T.append(("A", "Your copay comes to %s. How would you like to pay?" % n_money(R, rng, S, p["copay"])))
    kind = {"visa": "Visa", "mc": "Mastercard", "disc": "Discover", "amex": "American Express"}[p["card_kind"]]
    if rng.random() < 0.5:
        T.append(("C", "On my %s. The card number is %s." % (kind, r_card(R, rng, S, p["card"], "same"))))
    else:
        T.append(("C", "I'll use the %s." % kind))
        T.append(("A", "Go ahead with the number whenever you're ready."))
        T.append(("C", "%s." % r_card(R, rng, S, p["card"], "prev")))
    T.append(("A", "And the billing zip code?"))
    T.append(("C", "%s." % r_zip(R, rng, S, p["zip"], "prev")))
    if rng.random() < 0.35:
        T.append(("A", "Let me repeat the card, %s, correct?" % r_card(R, rng, S, p["card"], "prev")))
        T.append(("C", "Yes ma'am."))
    T.append(("A", "Payment went through, confirmation number %s." % n_num(R, rng, S, p["conf"], "confirmation_number")))


def insurance_beat(R, rng, S, p, T, medicare=False):
    T.append(("A", "Do you have your prescription insurance card handy? I need the information on the front."))
    T.append(("C", "Okay, it says %s. Member ID %s." % (p["plan"], r_member(R, rng, S, p["member"], "same"))))
    T.append(("A", "And the R X BIN and PCN?"))
    T.append(("C", "BIN is %s, P C N %s, and group %s." % (
        n_num(R, rng, S, p["bin"], "bin_number"), n_alnum(R, rng, S, p["pcn"], "pcn"),
        n_alnum(R, rng, S, p["group"], "group_number"))))
    if medicare:
        T.append(("A", "And your Medicare number from the red, white and blue card?"))
        T.append(("C", "%s." % r_mbi(R, rng, S, p["mbi"], "prev")))


def ssn_beat(R, rng, S, p, T, full=True):
    if full:
        if rng.random() < 0.5:
            T.append(("A", "For the patient assistance application I need the social security number."))
            T.append(("C", "%s." % r_ssn(R, rng, S, p["ssn"], "prev")))
        else:
            T.append(("C", "My social is %s." % r_ssn(R, rng, S, p["ssn"], "same")))
    else:
        T.append(("A", "Can you verify the last four of the social?"))
        T.append(("C", "%s." % r_ssn(R, rng, S, p["ssn"], "prev", last4=True)))


def readall_beat(R, rng, S, p, T):
    """An older caller reads the whole clinic form, values with no cue words."""
    T.append(("A", "Do you have the form the clinic gave you? You can just read me what's on it."))
    T.append(("C", "Alright, here goes. %s. %s. %s. %s, %s, %s. %s." % (
        r_name(R, rng, S, "%s %s" % (p["first"], p["last"]), "none"), r_dob(R, rng, S, p["dob"], "none"),
        r_ssn(R, rng, S, p["ssn"], "none"), r_street(R, rng, S, p, "none"), r_city(R, rng, S, p, "none"),
        r_zip(R, rng, S, p["zip"], "none"), r_phone(R, rng, S, p["phone"], "none"))))
    T.append(("C", "Then at the top corner it has %s. And at the bottom %s, that's where my grandson set up my account." % (
        r_mrn(R, rng, S, p["mrn"], "none"), r_email(R, rng, S, p, "none"))))
    insurance_beat(R, rng, S, p, T, medicare=p["age"] >= 65)


def carrier_beat(R, rng, S, p, T):
    seg = rng.choice(CARRIER)
    T.extend(seg)


def closing(R, rng, S, p, T, first_only=None):
    if T and T[-1][0] == "A":
        T.append(("C", rng.choice(["No, that's all.", "No, that's everything.", "Nope."])))
    if first_only:
        who = r_name(R, rng, S, first_only, "prev")
    else:
        title = S.cap("Mrs." if p["female"] else "Mr.")
        if not S.punct:
            title = title.rstrip(".")
        who = title + " " + r_name(R, rng, S, p["last"], "prev")
    T.append(("A", "Thank you, %s. %s" % (who, rng.choice(["Have a good day.", "You take care now.",
                                                                "I %s you feel better." % R.n("hope", "common_word")]))))
    T.append(("C", rng.choice(["Thank you, bye bye.", "Okay, thank you honey.", "Bye now."])))


def flow_refill_ivr(R, rng, S, p):
    T = []
    T.append(("I", "Welcome to the %s refill line. If this is a medical emergency, hang up and dial %s. "
                   "For prescription refills, %s. To speak with a pharmacist, %s." % (
                       p["pharmacy"], R.n("nine one one" if S.words(rng) else "911", "emergency_number"),
                       R.n("press one" if S.words(rng) else "press 1", "menu_option"),
                       R.n("press two" if S.words(rng) else "press 2", "menu_option"))))
    T.append(("C", "One."))
    T.append(("I", "Please say or enter the prescription number from your label."))
    T.append(("C", "%s." % n_num(R, rng, S, p["rx"], "rx_number")))
    T.append(("I", "Please say the patient's date of birth."))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    T.append(("I", "I'm sorry, I didn't get that."))
    T.append(("C", "Representative. Agent. %s." % R.n("Press two" if S.words(rng) else "Press 2", "menu_option")))
    opener(R, rng, S, p, T, "ivr")
    T.append(("C", "Yeah, the machine didn't take my birthday, I just want my %s refilled." % p["drug"][0]))
    T.append(("A", "No problem, what's the name on the prescription?"))
    T.append(("C", "%s." % r_name(R, rng, S, "%s %s" % (p["first"], p["last"]), "prev")))
    T.append(("A", "And date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    rx_beat(R, rng, S, p, T)
    if rng.random() < 0.6:
        phone_beat(R, rng, S, p, T)
    pickup_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


def flow_refill_agent(R, rng, S, p):
    T = []
    opener(R, rng, S, p, T, "refill")
    caller_ident(R, rng, S, p, T)
    rx_beat(R, rng, S, p, T)
    if rng.random() < 0.5:
        T.append(("A", "It says the doctor needs to approve more refills. Is it still Doctor %s?" %
                  r_name(R, rng, S, p["prescriber"], "same")))
        T.append(("C", "Yes, same one."))
    if rng.random() < 0.5:
        ssn_beat(R, rng, S, p, T, full=False)
    phone_beat(R, rng, S, p, T)
    pickup_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


def flow_pharmacist_callback(R, rng, S, p):
    T = []
    ph = r_name(R, rng, S, p["staff"], "same")
    full = "%s %s" % (p["first"], p["last"])
    T.append(("A", "Hi, this is %s, one of the pharmacists at %s. May I speak with %s?" % (
        ph, p["pharmacy"], r_name(R, rng, S, full, "same"))))
    T.append(("C", ("This is she." if p["female"] else "This is he.") if rng.random() < 0.5 else "Speaking."))
    T.append(("A", "Before I go on, can you confirm your date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    drug, drug2 = p["drug"], p["drug2"]
    T.append(("A", "Thanks. Doctor %s sent over a new prescription for %s %s, and I wanted to check it "
                   "against the %s you already take." % (r_name(R, rng, S, p["prescriber"], "same"), drug[0],
                                                        n_dose(R, rng, S, drug), drug2[0])))
    T.append(("C", "Oh. Is that a problem?"))
    T.append(("A", "Not necessarily, but you %s notice some dizziness. How old are you now, if you don't mind?" %
              R.n("may", "common_word")))
    T.append(("C", "I'm %s." % R.n(num2w(p["age"]) if S.words(rng) else str(p["age"]), "age")))
    carrier_beat(R, rng, S, p, T)
    if rng.random() < 0.5:
        T.append(("A", "Any recent blood pressure readings?"))
        bp = rng.choice([(132, 84), (148, 92), (118, 76), (141, 88)])
        T.append(("C", "This morning it was %s." % R.n(
            "%s over %s" % (num2w(bp[0]), num2w(bp[1])) if S.words(rng) else "%d/%d" % bp, "blood_pressure")))
    T.append(("A", "Take it %s and call us if anything feels off. Best number to reach you?" % rng.choice(SIG)))
    T.append(("C", "%s." % r_phone(R, rng, S, p["phone"], "prev")))
    if rng.random() < 0.5:
        T.append(("C", "Or my %s's number, %s." % (p["relation"], r_phone(R, rng, S, p["phone2"], "same"))))
    T.append(("A", "Our direct line is the main number, %s." % R.n(
        "extension two one four" if S.words(rng) else "extension 214", "extension")))
    closing(R, rng, S, p, T)
    return T


def flow_prescriber_callback(R, rng, S, p):
    T = []
    ph = r_name(R, rng, S, p["staff"], "same")
    office = r_name(R, rng, S, p["office_staff"], "same")
    T.append(("O", "Doctor %s's office, this is %s." % (r_name(R, rng, S, p["prescriber"], "same"), office)))
    T.append(("A", "Hi, this is %s, pharmacist at %s, calling to clarify a prescription." % (ph, p["pharmacy"])))
    T.append(("O", "Sure, what's the patient name?"))
    full = "%s %s" % (p["first"], p["last"])
    T.append(("A", "%s, date of birth %s." % (r_name(R, rng, S, full, "prev", spelled=rng.choice([None, "nato", None])),
                                             r_dob(R, rng, S, p["dob"], "same"))))
    T.append(("O", "Okay, I have %s up. Do you have our M R N for %s?" % ((p["her_obj"],) * 2) if rng.random() < 0.5
              else "Okay, I have the chart. What's the medical record number on the script?"))
    T.append(("A", "%s." % r_mrn(R, rng, S, p["mrn"], "prev")))
    drug = p["drug"]
    T.append(("O", "Yep. What's the question?"))
    T.append(("A", "The script says %s %s but the quantity is %s for a %s supply, that doesn't add up with %s." % (
        drug[0], n_dose(R, rng, S, drug), n_count(R, rng, S, p["qty"] + 10, drug[3]), n_days(R, rng, S, p["days"]),
        rng.choice(SIG))))
    T.append(("O", "Let me check with the nurse. Okay, it should be %s, with %s." % (
        n_count(R, rng, S, p["qty"], drug[3]),
        n_count(R, rng, S, p["refills"] + 1, "refill" if p["refills"] == 0 else "refills"))))
    T.append(("A", "Great. And I need the prescriber's N P I for the record."))
    if rng.random() < 0.5:
        T.append(("O", "%s." % r_npi(R, rng, S, p["npi"], "prev")))
    else:
        T.append(("O", "The N P I is %s." % r_npi(R, rng, S, p["npi"], "same")))
    if rng.random() < 0.6:
        T.append(("A", "And the patient's phone in your chart, we have an old one."))
        T.append(("O", "%s." % r_phone(R, rng, S, p["phone"], "prev")))
    T.append(("A", "Thank you %s, I'll update the profile." % r_name(R, rng, S, p["office_staff"], "prev")))
    T.append(("O", "You're welcome, bye."))
    return T


def flow_specialty_intake(R, rng, S, p):
    T = []
    opener(R, rng, S, p, T, "specialty")
    caller_ident(R, rng, S, p, T)
    spec = p["spec"]
    T.append(("A", "We got a referral for %s %s from your rheumatologist. I need to do an intake, it takes about %s." % (
        spec[0], n_dose(R, rng, S, spec), R.n("ten minutes" if S.words(rng) else "10 minutes", "duration"))))
    T.append(("C", "Okay."))
    T.append(("A", "The referral lists a medical record number from the clinic, can you confirm it? It's on your after visit summary."))
    T.append(("C", "Yes it says M R N %s." % r_mrn(R, rng, S, p["mrn"], "same")))
    if rng.random() < 0.6:
        T.append(("A", "And the prescriber is Doctor %s, N P I %s, is that right?" % (
            r_name(R, rng, S, p["prescriber"], "same"), r_npi(R, rng, S, p["npi"], "same"))))
        T.append(("C", "I think so, she's the one at the arthritis clinic."))
    if rng.random() < 0.45:
        readall_beat(R, rng, S, p, T)
        T.append(("A", "Got all of that, thank you."))
        closing(R, rng, S, p, T)
        return T
    if rng.random() < 0.5:
        T.append(("A", "Were you in the hospital recently?"))
        T.append(("C", "I was discharged on %s." % r_date(R, rng, S, p["event_date"], "same")))
    address_beat(R, rng, S, p, T)
    medicare = p["age"] >= 65 and rng.random() < 0.7
    insurance_beat(R, rng, S, p, T, medicare=medicare)
    ssn_beat(R, rng, S, p, T, full=True)
    phone_beat(R, rng, S, p, T)
    if rng.random() < 0.6:
        email_beat(R, rng, S, p, T)
    T.append(("A", "We ship cold, in a cooler, %s %s. Someone needs to sign." % (
        n_count(R, rng, S, rng.choice([2, 4]), spec[3]), rng.choice(["every four weeks", "per box"]))))
    if rng.random() < 0.5:
        card_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


def flow_mail_order(R, rng, S, p):
    T = []
    opener(R, rng, S, p, T, "mail")
    caller_ident(R, rng, S, p, T)
    T.append(("C", "My insurance says I have to use the mail order now for my %s." % p["drug"][0]))
    T.append(("A", "Okay, that's a %s supply. Let me set up your account." % n_days(R, rng, S, 90)))
    if rng.random() < 0.6:
        insurance_beat(R, rng, S, p, T, medicare=p["age"] >= 65 and rng.random() < 0.7)
    address_beat(R, rng, S, p, T)
    if rng.random() < 0.7:
        email_beat(R, rng, S, p, T)
    card_beat(R, rng, S, p, T)
    T.append(("A", "Your order number is %s, it ships in %s." % (
        n_num(R, rng, S, p["order"], "order_number", [4, 4]),
        R.n("five to seven business days" if S.words(rng) else "5 to 7 business days", "duration"))))
    if rng.random() < 0.5:
        phone_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


def flow_recall(R, rng, S, p):
    T = []
    full = "%s %s" % (p["first"], p["last"])
    ag = r_name(R, rng, S, p["staff"], "same")
    T.append(("A", "Hello, this is %s from %s. I'm calling for %s about a manufacturer recall." % (
        ag, p["pharmacy"], r_name(R, rng, S, full, "same"))))
    T.append(("C", "Oh dear. That's me."))
    T.append(("A", "Just to verify, what's your date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    drug = p["drug"]
    T.append(("A", "Thank you. It's the %s %s. Can you read me the lot number on the side of the bottle?" % (
        drug[0], n_dose(R, rng, S, drug))))
    T.append(("C", "Hold on. Lot %s." % n_alnum(R, rng, S, p["lot"], "lot_number")))
    T.append(("A", "And the N D C, the long number by the barcode?"))
    T.append(("C", "%s." % n_num(R, rng, S, p["ndc"], "ndc_code", [5, 4, 2])))
    T.append(("A", "That's one of the affected lots. How many are left in the bottle?"))
    T.append(("C", "About %s." % n_count(R, rng, S, rng.choice([12, 20, 45, 60]), drug[3])))
    T.append(("A", "Please bring them back to store %s and we'll swap them at no charge, %s." % (
        n_num(R, rng, S, p["store"], "store_number"), n_money(R, rng, S, (0, 0)))))
    if rng.random() < 0.6:
        ssn_beat(R, rng, S, p, T, full=False)
    phone_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


def flow_bereavement(R, rng, S, p):
    T = []
    opener(R, rng, S, p, T, "cancel")
    rel = "%s %s" % (p["rel_first"], p["last"])
    who = rng.choice(["mother", "wife", "aunt"] if p["female"] else ["father", "husband", "uncle"])
    T.append(("C", "Hi, my name is %s. I'm calling because my %s passed away and I need to stop %s prescriptions."
              % (r_name(R, rng, S, rel, "same"), who, p["her"])))
    T.append(("A", "I'm so sorry for your loss. What was the patient's name?"))
    T.append(("C", "%s." % r_name(R, rng, S, "%s %s" % (p["first"], p["last"]), "prev",
                                 spelled=rng.choice([None, "letters"]))))
    T.append(("A", "And date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    T.append(("A", "And the date of death, for our records?"))
    T.append(("C", "%s." % r_date(R, rng, S, p["event_date"], "prev")))
    T.append(("A", "I see %s on auto refill, the %s and the %s. I'll inactivate both." % (
        n_count(R, rng, S, 2, "prescriptions"), p["drug"][0], p["drug2"][0])))
    T.append(("C", "There's one that shipped already, order %s." % n_num(R, rng, S, p["order"], "order_number", [4, 4])))
    T.append(("A", "You can't return it, but it won't %s the card." % R.n("bill", "common_word")))
    if rng.random() < 0.5:
        T.append(("C", "His insurance was %s, member ID %s." % (p["plan"], r_member(R, rng, S, p["member"], "same"))))
    T.append(("A", "Can I get a number for you in case we have questions?"))
    T.append(("C", "%s." % r_phone(R, rng, S, p["phone2"], "prev")))
    T.append(("A", "Thank you, %s. Again I'm very sorry." % r_name(R, rng, S, p["rel_first"], "prev")))
    T.append(("C", "Thank you."))
    return T


def flow_discharge(R, rng, S, p):
    T = []
    opener(R, rng, S, p, T, "discharge")
    rel = "%s %s" % (p["rel_first"], p["last"])
    T.append(("C", ("Hi, this is %s, I'm the %s of %s. They sent " + p["her_obj"] + " home from the hospital with new prescriptions.") % (
        r_name(R, rng, S, rel, "same"), p["relation"], r_name(R, rng, S, "%s %s" % (p["first"], p["last"]), "none"))))
    T.append(("A", "Okay. Date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    T.append(("A", "And when was %s admitted and discharged?" % p["she"]))
    adm = p["event_date"] - datetime.timedelta(days=rng.randrange(2, 9))
    T.append(("C", "Admitted %s, discharged %s." % (r_date(R, rng, S, adm, "same"),
                                                   r_date(R, rng, S, p["event_date"], "same"))))
    T.append(("A", "The hospital's discharge list has %s M R N, can you read it so I can match it?" % p["her"]))
    T.append(("C", "%s." % r_mrn(R, rng, S, p["mrn"], "prev")))
    drug = p["drug"]
    T.append(("A", ("I see %s %s, %s, %s. Is " + p["she"] + " still on the %s?") % (
        drug[0], n_dose(R, rng, S, drug), rng.choice(SIG), n_count(R, rng, S, p["qty"], drug[3]), p["drug2"][0])))
    T.append(("C", ("They stopped that one. " + p["her"].capitalize() + " I N R was %s.") % R.n(
        "two point four" if S.words(rng) else "2.4", "lab_value")))
    carrier_beat(R, rng, S, p, T)
    ssn_beat(R, rng, S, p, T, full=rng.random() < 0.3)
    phone_beat(R, rng, S, p, T)
    pickup_beat(R, rng, S, p, T)
    closing(R, rng, S, p, T)
    return T


TRANSCRIPT_FLOWS = [("refill_ivr", flow_refill_ivr, 2), ("refill_agent", flow_refill_agent, 3),
                    ("pharmacist_callback", flow_pharmacist_callback, 2),
                    ("prescriber_callback", flow_prescriber_callback, 3),
                    ("specialty_intake", flow_specialty_intake, 4), ("mail_order", flow_mail_order, 3),
                    ("recall_lot", flow_recall, 1), ("bereavement_cancel", flow_bereavement, 1),
                    ("discharge_transition", flow_discharge, 3)]

LABELS = [{"A": "[agent]", "C": "[caller]", "I": "[ivr]", "O": "[office]"},
          {"A": "Agent:", "C": "Customer:", "I": "IVR:", "O": "Office:"},
          {"A": "AGENT:", "C": "CALLER:", "I": "SYSTEM:", "O": "CLINIC:"},
          {"A": "Speaker 0:", "C": "Speaker 1:", "I": "Speaker 2:", "O": "Speaker 1:"},
          {"A": "spk_0:", "C": "spk_1:", "I": "spk_2:", "O": "spk_1:"},
          {"A": "Pharmacist:", "C": "Patient:", "I": "IVR:", "O": "Office:"},
          {"A": "[pharmacy]", "C": "[patient]", "I": "[ivr]", "O": "[clinic]"},
          {"A": "Tech:", "C": "Caller:", "I": "Bot:", "O": "Receptionist:"}]
LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z][A-Za-z0-9_ ]*\]|[A-Za-z][A-Za-z0-9_ ]{0,20}:) \S")


def assemble_transcript(rng, S, T, labels):
    stamp = rng.random() < 0.3
    t0 = rng.randrange(0, 20)
    merged = []
    for role, text in T:
        if merged and merged[-1][0] == role:
            merged[-1] = (role, merged[-1][1] + " " + text)
        else:
            merged.append((role, text))
    lines = []
    for role, text in merged:
        tx = S.text(text)
        pre = ""
        if stamp:
            pre = "[%02d:%02d:%02d] " % (t0 // 3600, (t0 // 60) % 60, t0 % 60)
            t0 += rng.randrange(3, 14)
        lines.append("%s%s %s" % (pre, labels[role], tx))
    return "\n".join(lines)


# ---------------------------------------------------------------- JSON payloads
def summary_bits(R, rng, p, kind):
    """LLM-written summary and structured fields (written forms)."""
    full = "%s %s" % (p["first"], p["last"])
    dob = p["dob"]
    dob_t, dob_f, _ = dob_render(rng, Style(rng, "digits"), dob, written=True)
    dob_iso = R.s(dob.isoformat(), "DOB", False, "same", "written_iso", dob.isoformat())
    ph = p["phone"]
    ph_w = R.s(rng.choice(["(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "%s-%s-%s" % (ph[:3], ph[3:6], ph[6:])]),
               "PHONE", False, "same", "written_phone", ph)
    ph_e164 = R.s("+1" + ph, "PHONE", False, "same", "written_e164", ph)
    drug = p["drug"]
    rxn = R.n(p["rx"], "rx_number")
    cue_name = rng.choice(["same", "none"])
    name_s = R.s(full, "NAME", False, cue_name, "name_written", full)
    lead = "Patient %s" % name_s if cue_name == "same" else name_s
    summ = "%s (DOB %s) called %s to %s. " % (
        lead, R.s(dob_t, "DOB", False, "same", dob_f, dob.isoformat()), p["pharmacy"],
        {"refill": "request a refill of %s %s (Rx %s)" % (drug[0], R.n(drug[2], "dose"), rxn),
         "specialty": "complete specialty intake for %s %s" % (p["spec"][0], R.n(p["spec"][2], "dose")),
         "mail": "set up mail-order delivery of %s %s, %s supply" % (drug[0], R.n(drug[2], "dose"),
                                                                     R.n("%d-day" % p["days"], "duration")),
         "recall": "respond to a recall of %s lot %s" % (drug[0], R.n(p["lot"], "lot_number")),
         "payment": "pay a copay of %s for %s" % (R.n("$%d.%02d" % p["copay"], "money"), drug[0]),
         "discharge": "fill discharge prescriptions after a hospital stay ending %s (MRN %s)" % (
             R.s("%d/%d/%d" % (p["event_date"].month, p["event_date"].day, p["event_date"].year), "DATE", False,
                 "same", "written_mdy_full", p["event_date"].isoformat()),
             R.s(p["mrn"], "MRN", False, "same", "written_run", p["mrn"]))}[kind])
    summ += "Callback number %s." % ph_w
    data = {"patient_name": R.s(full, "NAME", False, "same", "name_written", full),
            "date_of_birth": dob_iso, "callback_number": ph_e164}
    return summ, data


def json_flow(R, rng, S, p, kind):
    """Turns of a voice-agent call (bot = A, user = C)."""
    T = []
    full = "%s %s" % (p["first"], p["last"])
    T.append(("A", "Thanks for calling %s. I'm the automated pharmacy assistant. Who am I speaking with?" % p["pharmacy"]))
    if rng.random() < 0.5:
        T.append(("C", "This is %s." % r_name(R, rng, S, full, "same", spelled=rng.choice([None, None, "letters"]))))
    else:
        T.append(("C", "%s." % r_name(R, rng, S, full, "prev")))
    T.append(("A", "Thanks. To verify your identity, what is your date of birth?"))
    T.append(("C", "%s." % r_dob(R, rng, S, p["dob"], "prev")))
    drug = p["drug"]
    if kind == "refill":
        T.append(("A", "What's the prescription number on your label?"))
        T.append(("C", "%s." % n_num(R, rng, S, p["rx"], "rx_number")))
        T.append(("A", "I found %s %s, %s. Should I send it to store %s?" % (
            drug[0], n_dose(R, rng, S, drug), n_count(R, rng, S, p["qty"], drug[3]),
            n_num(R, rng, S, p["store"], "store_number"))))
        T.append(("C", "Yes please."))
        if rng.random() < 0.5:
            T.append(("A", "For security, what are the last four of your social?"))
            T.append(("C", "%s." % r_ssn(R, rng, S, p["ssn"], "prev", last4=True)))
    elif kind == "specialty":
        T.append(("A", "I'll collect your intake details. What's your medical record number from the clinic?"))
        T.append(("C", "%s." % r_mrn(R, rng, S, p["mrn"], "prev")))
        T.append(("A", "And your full social security number for the assistance program?"))
        T.append(("C", "%s." % r_ssn(R, rng, S, p["ssn"], "prev")))
        T.append(("A", "What's the member ID on your prescription card?"))
        T.append(("C", "%s, and the BIN is %s." % (r_member(R, rng, S, p["member"], "prev"),
                                                    n_num(R, rng, S, p["bin"], "bin_number"))))
        if p["age"] >= 65:
            T.append(("A", "And your Medicare beneficiary identifier?"))
            T.append(("C", "%s." % r_mbi(R, rng, S, p["mbi"], "prev")))
    elif kind == "mail":
        T.append(("A", "What address should we ship to?"))
        T.append(("C", "%s, %s, %s." % (r_street(R, rng, S, p, "prev"), r_city(R, rng, S, p, "prev"),
                                       r_zip(R, rng, S, p["zip"], "prev"))))
        T.append(("A", "What email should we send tracking to?"))
        T.append(("C", "%s." % r_email(R, rng, S, p, "prev")))
    elif kind == "recall":
        T.append(("A", "Please read the lot number printed on your bottle."))
        T.append(("C", "Lot %s." % n_alnum(R, rng, S, p["lot"], "lot_number")))
        T.append(("A", "And the N D C printed by the barcode?"))
        T.append(("C", "%s." % n_num(R, rng, S, p["ndc"], "ndc_code", [5, 4, 2])))
        T.append(("A", "And the group number on your insurance card?"))
        T.append(("C", "Group %s, member ID %s." % (n_alnum(R, rng, S, p["group"], "group_number"),
                                                   r_member(R, rng, S, p["member"], "same"))))
    elif kind == "discharge":
        T.append(("A", "When were you discharged from the hospital?"))
        T.append(("C", "%s." % r_date(R, rng, S, p["event_date"], "prev")))
        T.append(("A", "Please read the medical record number printed on your discharge papers."))
        T.append(("C", "%s." % r_mrn(R, rng, S, p["mrn"], "prev")))
        T.append(("A", "And the prescriber's N P I, it's under the doctor's signature."))
        T.append(("C", "%s." % r_npi(R, rng, S, p["npi"], "prev")))
        T.append(("A", "I see %s %s on the discharge list, %s." % (
            drug[0], n_dose(R, rng, S, drug), n_count(R, rng, S, p["qty"], drug[3]))))
        T.append(("C", "That's the one."))
        if p["age"] >= 65 and rng.random() < 0.6:
            T.append(("A", "Is Medicare your primary insurance? If so, please read the Medicare number."))
            T.append(("C", "%s." % r_mbi(R, rng, S, p["mbi"], "prev")))
    elif kind == "payment":
        T.append(("A", "Your copay is %s. Please say the card number." % n_money(R, rng, S, p["copay"])))
        T.append(("C", "%s." % r_card(R, rng, S, p["card"], "prev")))
        T.append(("A", "And the billing zip code?"))
        T.append(("C", "%s." % r_zip(R, rng, S, p["zip"], "prev")))
        if rng.random() < 0.5:
            T.append(("A", "Where should I email the receipt?"))
            T.append(("C", "%s." % r_email(R, rng, S, p, "prev")))
    T.append(("A", "And a good callback number?"))
    T.append(("C", "%s." % r_phone(R, rng, S, p["phone"], "prev")))
    T.append(("A", "You're all set. Anything else?"))
    T.append(("C", "No, that's all, thank you."))
    return T


def structured_extra(R, rng, p, kind, data):
    if kind == "refill":
        data["rx_number"] = R.n(p["rx"], "rx_number")
        data["pickup_store"] = R.n(p["store"], "store_number")
        data["quantity"] = p["qty"]
    elif kind == "specialty":
        data["mrn"] = R.s(p["mrn"], "MRN", False, "same", "written_run", p["mrn"])
        data["ssn"] = R.s("%s-%s-%s" % (p["ssn"][:3], p["ssn"][3:5], p["ssn"][5:]), "SSN", False, "same",
                          "written_dash", p["ssn"])
        data["member_id"] = R.s(p["member"], "MEMBER_ID", False, "same", "written_run", p["member"])
        data["rx_bin"] = R.n(p["bin"], "bin_number")
        data["rx_pcn"] = R.n(p["pcn"], "pcn")
        if p["age"] >= 65:
            data["mbi"] = R.s(p["mbi"], "MBI", False, "same", "written_run", p["mbi"])
    elif kind == "mail":
        name, suf, abbr = p["street"]
        value = "%s %s %s" % (p["house"], name, suf) + (" Apt %s" % p["unit"] if p["unit"] else "")
        data["shipping_address"] = {
            "line1": R.s("%s %s %s" % (p["house"], name, suf) + (" Apt %s" % p["unit"] if p["unit"] else ""),
                         "STREET", False, "same", "written_house_street", value),
            "city": R.s(p["city"], "CITY", False, "same", "city_written", p["city"]),
            "state": p["st"],
            "zip": R.s(p["zip"], "ZIP", False, "same", "digits", p["zip"])}
        data["email"] = R.s(p["email"], "EMAIL", False, "same", "email_written", p["email"])
        data["days_supply"] = p["days"]
    elif kind == "recall":
        data["lot_number"] = R.n(p["lot"], "lot_number")
        data["group_number"] = R.n(p["group"], "group_number")
        data["member_id"] = R.s(p["member"], "MEMBER_ID", False, "same", "written_run", p["member"])
    elif kind == "discharge":
        data["discharge_date"] = R.s(p["event_date"].isoformat(), "DATE", False, "same", "written_iso",
                                     p["event_date"].isoformat())
        data["mrn"] = R.s(p["mrn"], "MRN", False, "same", "written_run", p["mrn"])
        data["prescriber_npi"] = R.s(p["npi"], "NPI", False, "same", "written_run", p["npi"])
        data["discharge_medication"] = "%s %s" % (p["drug"][0], p["drug"][2])
    elif kind == "payment":
        data["copay"] = R.n("%d.%02d" % p["copay"], "money")
        data["card_last_action"] = "charged"
        data["billing_zip"] = R.s(p["zip"], "ZIP", False, "same", "digits", p["zip"])
    return data


def rid(rng, n=8, alphabet="0123456789abcdef"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid(rng):
    return "%s-%s-4%s-%s-%s" % (rid(rng, 8), rid(rng, 4), rid(rng, 3), rid(rng, 4), rid(rng, 12))


def build_json(R, rng, p, profile, kind):
    S = Style(rng, rng.choice(["words", "words", "mixed", "digits"]))
    T = json_flow(R, rng, S, p, kind)
    T = [(r, S.text(t)) for r, t in T]
    summ, data = summary_bits(R, rng, p, kind)
    data = structured_extra(R, rng, p, kind, data)
    t = 0.0
    times = []
    for role, text in T:
        dur = round(1.2 + 0.06 * len(plain(text)), 2)
        times.append((round(t, 2), round(t + dur, 2)))
        t += dur + rng.choice([0.3, 0.5, 0.8, 1.1])
    ended = "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (rng.randrange(1, 13), rng.randrange(1, 28),
                                                   rng.randrange(13, 23), rng.randrange(60), rng.randrange(60),
                                                   rng.randrange(1000))
    pharm_num = "+1%s5550%03d" % (rng.choice(AREAS), rng.randrange(100, 200))
    org = R.s(pharm_num, "PHONE", False, "none", "org_phone_neutral", pharm_num[2:], neutral=True)
    if profile == "vapi":
        tr = "\n".join(("AI: " if r == "A" else "User: ") + x for r, x in T)
        msgs = [{"role": "system", "message": "You are the refill assistant for %s. Verify identity before "
                                              "discussing prescriptions." % p["pharmacy"], "time": 0,
                 "secondsFromStart": 0}]
        for (r, x), (a, b) in zip(T, times):
            msgs.append({"role": "bot" if r == "A" else "user", "message": x, "time": 1718000000000 + int(a * 1000),
                         "endTime": 1718000000000 + int(b * 1000), "secondsFromStart": a,
                         "duration": round((b - a) * 1000)})
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                    "status": "ended", "customer": {"number": R.s("+1" + p["phone"], "PHONE", False,
                                                                                  "none", "written_e164", p["phone"])},
                                    "phoneNumber": {"number": org}},
                           "artifact": {"transcript": tr, "messages": msgs},
                           "analysis": {"summary": summ, "structuredData": data, "successEvaluation": "true"},
                           "endedAt": ended, "durationSeconds": round(t, 1), "cost": 0.0 + round(t * 0.0021, 4)}}
    elif profile == "retell":
        tr = "\n".join(("Agent: " if r == "A" else "User: ") + x for r, x in T)
        tobj = [{"role": "agent" if r == "A" else "user", "content": x} for r, x in T]
        obj = {"event": "call_analyzed",
               "call": {"call_type": "phone_call", "call_id": "call_" + rid(rng, 24), "agent_id": "agent_" + rid(rng, 24),
                        "call_status": "ended", "from_number": R.s("+1" + p["phone"], "PHONE", False, "none",
                                                                   "written_e164", p["phone"]),
                        "to_number": org, "direction": "inbound", "start_timestamp": 1718000000000 + rng.randrange(10 ** 8),
                        "end_timestamp": 1718000000000 + rng.randrange(10 ** 8, 2 * 10 ** 8),
                        "disconnection_reason": "user_hangup", "transcript": tr, "transcript_object": tobj,
                        "call_analysis": {"call_summary": summ, "user_sentiment": "Neutral", "call_successful": True,
                                          "custom_analysis_data": data}}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "Pharmacy refill agent for %s." % p["pharmacy"]}]
        for (r, x), (a, b) in zip(T, times):
            log.append({"role": "assistant" if r == "A" else "user", "content": x,
                        "start_timestamp": int(a * 1e6), "end_timestamp": int(b * 1e6)})
        obj = {"action": "post_conversation", "app_name": "pharmacy_agent", "call_id": uuid(rng),
               "ai_session_id": uuid(rng), "caller_id_name": R.s(("%s %s" % (p["first"], p["last"])).upper(), "NAME",
                                                                 False, "none", "name_callerid_upper",
                                                                 "%s %s" % (p["first"], p["last"])),
               "caller_id_number": R.s("+1" + p["phone"], "PHONE", False, "none", "written_e164", p["phone"]),
               "call_log": log,
               "post_prompt_data": {"raw": summ, "substituted": summ, "parsed": [data]},
               "total_minutes": round(t / 60, 2)}
    elif profile == "deepgram":
        sp = {"A": 0, "C": 1}
        utts, paras = [], []
        for (r, x), (a, b) in zip(T, times):
            utts.append({"start": a, "end": b, "confidence": round(rng.uniform(0.82, 0.99), 4), "channel": 0,
                         "transcript": x, "speaker": sp[r], "id": uuid(rng)})
        full_tr = " ".join(x for _, x in T)
        para_tr = "\n" + "\n\n".join("Speaker %d: %s" % (sp[r], x) for r, x in T)
        obj = {"metadata": {"request_id": uuid(rng), "created": ended, "duration": round(t, 3), "channels": 1,
                            "models": [uuid(rng)]},
               "results": {"channels": [{"alternatives": [{"transcript": full_tr,
                                                           "confidence": round(rng.uniform(0.9, 0.99), 4),
                                                           "paragraphs": {"transcript": para_tr}}]}],
                           "utterances": utts,
                           "summary": {"result": "success", "short": summ}}}
    else:  # transcribe
        spk = {"A": "spk_0", "C": "spk_1"}
        segs = []
        for k, ((r, x), (a, b)) in enumerate(zip(T, times)):
            segs.append({"id": k, "transcript": x, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                         "speaker_label": spk[r]})
        obj = {"jobName": "pharmacy-call-" + rid(rng, 10), "accountId": "".join(rng.choice("0123456789") for _ in range(12)),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(x for _, x in T)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                           "audio_segments": segs},
               "call_summary": summ, "extracted": data}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")), S


JSON_KINDS = ["refill", "specialty", "mail", "payment", "discharge", "refill", "specialty", "mail",
              "payment", "recall", "discharge", "payment"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]


# ---------------------------------------------------------------- driver
def generate(seed, n):
    flows = []
    for name, fn, w in TRANSCRIPT_FLOWS:
        flows += [(name, fn)] * w
    out = []
    n_tr = round(n * 0.55)
    for i in range(n):
        rng = random.Random("holdout43-%d-%d" % (seed, i))
        R = Rec()
        p = make_persona(rng)
        if i < n_tr:
            name, fn = flows[i % len(flows)]
            S = Style(rng)
            for _ in range(50):
                R = Rec()
                T = fn(R, rng, S, p)
                nturns = sum(1 for k in range(len(T)) if k == 0 or T[k][0] != T[k - 1][0])
                if 8 <= nturns <= 40:
                    break
            labels = rng.choice(LABELS)
            raw = assemble_transcript(rng, S, T, labels)
            text, spans, negs = R.finalize(raw)
            rec = {"id": "ho43-%03d" % i, "format": "transcript", "kind": "pharmacy_%s_%s" % (name, S.kind),
                   "text": text, "spans": spans, "negatives": negs}
        else:
            j = i - n_tr
            profile = PROFILES[j % len(PROFILES)]
            kind = JSON_KINDS[(j // len(PROFILES)) % len(JSON_KINDS)]
            raw, S = build_json(R, rng, p, profile, kind)
            text, spans, negs = R.finalize(raw)
            rec = {"id": "ho43-%03d" % i, "format": "json", "profile": profile,
                   "kind": "%s_pharmacy_%s" % (profile, kind), "text": text, "spans": spans, "negatives": negs}
        out.append(rec)
    return out


# ---------------------------------------------------------------- check & stats
def json_string_ranges(raw_bytes):
    """Byte ranges (content only, without quotes) of every JSON string token."""
    out = []
    i, n = 0, len(raw_bytes)
    while i < n:
        if raw_bytes[i] == 0x22:
            j = i + 1
            while raw_bytes[j] != 0x22:
                j += 2 if raw_bytes[j] == 0x5C else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


ENTS = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
        "MEMBER_ID", "NAME"]


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid_ = r.get("id")
        e = lambda m: errs.append("%s: %s" % (rid_, m))
        if rid_ in ids:
            e("duplicate id")
        ids.add(rid_)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                e("turns %d" % len(lines))
            if text.endswith("\n"):
                e("trailing newline")
            for ln in lines:
                if not ln.strip():
                    e("blank line")
                elif not LABEL_RE.match(ln):
                    e("bad label: %r" % ln[:40])
            strs = None
        elif r["format"] == "json":
            if r.get("profile") not in PROFILES:
                e("profile")
            try:
                obj = json.loads(text)
            except ValueError as x:
                e("json: %s" % x)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                e("not compact json")
            if "\n" in text:
                e("newline in json line")
            strs = json_string_ranges(b)
        else:
            e("format")
            continue
        occ = []
        for s in r["spans"]:
            if s["entity"] not in ENTS:
                e("entity %s" % s["entity"])
            if not 0 <= s["start"] < s["end"] <= len(b):
                e("offsets")
                continue
            try:
                seg = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                e("span splits a character")
                continue
            if seg != seg.strip() or not seg[0].isalnum() and seg[0] not in "(+" or not (seg[-1].isalnum() or seg[-1] == "."):
                e("span edges %r" % seg)
            if s["cue"] not in ("same", "prev", "none"):
                e("cue")
            if not isinstance(s["spoken"], bool) or not s.get("form"):
                e("spoken/form")
            if not value_ok(s["entity"], s["value"]):
                e("invalid value %s %r" % (s["entity"], s["value"]))
            if not span_matches(s, seg):
                e("span text does not render value: %s %r vs %r" % (s["entity"], seg, s["value"]))
            if strs is not None and not any(a <= s["start"] and s["end"] <= z for a, z in strs):
                e("span outside a JSON string: %r" % seg)
            occ.append((s["start"], s["end"], "span"))
        for ng in r["negatives"]:
            if not 0 <= ng["start"] < ng["end"] <= len(b):
                e("neg offsets")
                continue
            seg = b[ng["start"]:ng["end"]].decode("utf-8")
            if seg != seg.strip():
                e("neg edges %r" % seg)
            if not ng.get("what"):
                e("neg what")
            occ.append((ng["start"], ng["end"], "neg"))
        occ.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(occ, occ[1:]):
            if a2 < z1:
                e("overlap %s/%s at %d" % (k1, k2, a2))
    return errs


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    kinds = collections.Counter()
    neutral = 0
    for r in records:
        fmt[r["format"]] += 1
        kinds[r["kind"]] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                neutral += 1
                continue
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records: %d (%s)" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fmt.items())))]
    lines.append("")
    lines.append("| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |")
    lines.append("|---|---:|---:|---:|---|---|")
    tot = 0
    for ent in ENTS:
        sp = sum(c[(ent, "spoken", q)] for q in ("same", "prev", "none"))
        wr = sum(c[(ent, "written", q)] for q in ("same", "prev", "none"))
        tot += sp + wr
        lines.append("| %s | %d | %d | %d | %s | %s |" % (
            ent, sp + wr, sp, wr, "/".join(str(c[(ent, "spoken", q)]) for q in ("same", "prev", "none")),
            "/".join(str(c[(ent, "written", q)]) for q in ("same", "prev", "none"))))
    lines.append("| all | %d | | | | |" % tot)
    lines.append("")
    lines.append("neutral spans (pharmacy's own number in vendor payloads): %d" % neutral)
    lines.append("negatives: %d (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in negs.most_common())))
    lines.append("distinct forms: %d" % len(forms))
    for ent in ENTS:
        fs = sorted((f, k) for (e2, f), k in forms.items() if e2 == ent)
        lines.append("  %s: %s" % (ent, ", ".join("%s %d" % fk for fk in fs)))
    lines.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--carrier-dir", default=None)
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                recs += [json.loads(ln) for ln in f if ln.strip()]
        errs = check(recs)
        print(stats(recs))
        if errs:
            print("\n%d problems:" % len(errs))
            for m in errs[:60]:
                print("  " + m)
            sys.exit(1)
        print("\ncheck: OK (%d records)" % len(recs))
        return
    CARRIER.extend(load_carrier(find_carrier_dir(a.carrier_dir)))
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        errs = check(recs)
        if errs:
            print("\n%d problems" % len(errs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
