#!/usr/bin/env python3
"""Holdout 21: inbound calls to a hospital voice-AI receptionist, with fictitious PHI.

Transcripts (ASR with/without smart formatting, partial turns) and post-call JSON
payloads (vapi, retell, signalwire, deepgram, transcribe).  Standard library only.

  python3 gen_holdout21.py [--seed S] [--n COUNT] > holdout21.jsonl
  python3 gen_holdout21.py --stats
  python3 gen_holdout21.py --check holdout21.jsonl
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

SEED = 20261221
ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME", "ACCOUNT"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
S0, S1, S2 = "\ue000", "\ue001", "\ue002"
MARK = re.compile("\ue000(\\d+)\ue001|\ue002")

FIRST = ["Dana", "Marcus", "Priya", "Tomasz", "Keisha", "Luis", "Hannah", "Oren", "Beatriz", "Malik",
         "Ingrid", "Desmond", "Yolanda", "Kenji", "Rosalind", "Emeka", "Fiona", "Gustavo", "Nadia",
         "Wendell", "Carmen", "Tobias", "Leticia", "Arjun", "Marisol", "Dwayne", "Svetlana", "Colin",
         "Imani", "Rafael", "Bettina", "Hollis", "Jolene", "Anselm", "Tamika", "Quentin"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Brannigan", "Castellano", "Whitlock", "Nakamura", "Pruitt",
        "Dombrowski", "Abernathy", "Oyelaran", "Fairbanks", "Valdivia", "Hargrove", "Szabo",
        "McAllister", "Thibodeaux", "Kowalczyk", "Ashworth", "Delacroix", "Yilmaz", "Gallagher",
        "Ferreira", "Holloway", "Quist", "Rutledge", "Beaumont", "Ostrander", "Mbeki", "Vance"]
AGENTS = ["Ava", "Mia", "Riley", "Jordan", "Sam", "Clara"]
STREETS = ["Elm", "Larkspur", "Birchwood", "Maple Ridge", "Cottonwood", "Harbor View", "Quarry",
           "Foxglove", "Linden", "Sycamore", "Old Mill", "Juniper", "Westbrook", "Hawthorne"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way")]
CITIES = ["Millbrook", "Cedar Falls", "Fairhaven", "Oak Crest", "Riverton", "Glen Arbor",
          "Port Ellis", "Brookvale", "Ashford", "Lakemont", "Stonebridge", "Wexley"]
STATES = ["Ohio", "Oregon", "Texas", "Georgia", "Illinois", "Michigan", "Arizona", "Virginia"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net", "proton.me"]
FIRMS = ["Hartley and Brandt", "Moss Carver Law Group", "Delgado and Finch", "Pemberton Legal"]
EMPLOYERS = ["Northgate Logistics", "Summit Packaging", "Riverside School District", "Keller Freight"]
CLINICS = ["Lakeshore Family Medicine", "Eastside Orthopedics", "Bayview Cardiology",
           "Pinecrest Pediatrics"]
PAYERS = ["Blue Cross", "Aetna", "Cigna", "UnitedHealthcare", "Humana", "Medicare", "Molina"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
        "g": "george", "h": "henry", "j": "john", "k": "king", "m": "mary", "n": "nancy",
        "p": "peter", "q": "queen", "r": "robert", "t": "tom", "u": "united", "v": "victor",
        "w": "william", "x": "xray", "y": "yellow", "z": "zebra"}


# ---------------------------------------------------------------- record builder
class Rec:
    def __init__(self, rng, style):
        self.rng = rng
        self.style = style  # smart | raw | mixed
        self.metas = []

    def v(self, entity, text, spoken, cue, form, value, **kw):
        if entity in ("SSN", "PHONE", "CARD", "NPI", "ZIP", "ACCOUNT") or (entity == "MRN" and value.isdigit()):
            # spoken iff any part of the value is in words (a mixed rendering may come out all numerals)
            spoken = bool(re.search(r"[A-Za-z]", text))
        m = {"entity": entity, "spoken": spoken, "cue": cue, "form": form, "value": value}
        m.update(kw)
        self.metas.append(("span", m))
        return "%s%d%s%s%s" % (S0, len(self.metas) - 1, S1, text, S2)

    def neg(self, what, text):
        self.metas.append(("neg", {"what": what}))
        return "%s%d%s%s%s" % (S0, len(self.metas) - 1, S1, text, S2)

    def finish(self, marked):
        out = []
        spans, negs = [], []
        pos = 0
        bpos = 0
        cur = None
        for m in MARK.finditer(marked):
            chunk = marked[pos:m.start()]
            out.append(chunk)
            bpos += len(chunk.encode("utf-8"))
            if m.group(1) is not None:
                cur = (int(m.group(1)), bpos)
            else:
                kind, meta = self.metas[cur[0]]
                d = {"start": cur[1], "end": bpos}
                if kind == "span":
                    d.update(meta)
                    spans.append(d)
                else:
                    d.update(meta)
                    negs.append(d)
                cur = None
            pos = m.end()
        out.append(marked[pos:])
        spans.sort(key=lambda s: s["start"])
        negs.sort(key=lambda s: s["start"])
        return "".join(out), spans, negs


def rawify(s):
    """No smart formatting: lower case, no punctuation outside values."""
    parts = re.split("(\ue000\\d+\ue001.*?\ue002)", s)
    res = []
    for p in parts:
        if p.startswith(S0):
            res.append(p)
        else:
            p = p.lower()
            p = re.sub(r"[,.?!;:]+(\s|$)", r"\1", p)
            p = re.sub(r"[,.?!;:]+(?=\ue000)", "", p)
            res.append(p)
    out = "".join(res)
    return re.sub(r"  +", " ", out).strip()


# ---------------------------------------------------------------- renderers
def dw(d, rng, oh=True):
    if d == "0":
        return rng.choice(["oh", "zero", "o"]) if oh else "zero"
    return ONES[int(d)]


def two(n, rng, oh=True):
    """0..99 as words, 'oh five' style for < 10."""
    if n < 10:
        return (rng.choice(["oh", "o"]) if oh else "zero") + " " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + ONES[u])


def say_digits(s, rng, form_hint=None):
    """Returns (text, form) for a digit string, spoken."""
    mode = form_hint or rng.choice(["words", "words_groups", "words_double", "words_filler",
                                    "pairs", "mixed"])
    if mode == "pairs" and len(s) % 2:
        mode = "words_groups"
    ws = []
    if mode == "words":
        ws = [dw(c, rng) for c in s]
        return " ".join(ws), "digits_words"
    if mode == "words_filler":
        ws = [dw(c, rng) for c in s]
        k = rng.randrange(2, len(ws) - 1)
        ws.insert(k, rng.choice(["uh", "um", "..."]))
        t = " ".join(ws).replace(" ...", "...")
        return t, "digits_words_filler"
    if mode == "words_double":
        i = 0
        while i < len(s):
            if i + 2 < len(s) and s[i] == s[i + 1] == s[i + 2] and rng.random() < 0.7:
                ws.append("triple " + dw(s[i], rng))
                i += 3
            elif i + 1 < len(s) and s[i] == s[i + 1]:
                ws.append("double " + dw(s[i], rng))
                i += 2
            else:
                ws.append(dw(s[i], rng))
                i += 1
        return " ".join(ws), "digits_double"
    if mode == "pairs":
        ws = [two(int(s[i:i + 2]), rng) if s[i] != "0" else dw("0", rng) + " " + ONES[int(s[i + 1])]
              for i in range(0, len(s), 2)]
        return " ".join(ws), "digit_pairs"
    if mode == "mixed":
        out = []
        i = 0
        while i < len(s):
            k = rng.choice([1, 2, 3])
            g = s[i:i + k]
            if rng.random() < 0.5:
                out.append(g)
            else:
                out.append(" ".join(dw(c, rng) for c in g))
            i += k
        return " ".join(out), "mixed_digits_words"
    # words_groups
    groups = chunk_default(s)
    return ", ".join(" ".join(dw(c, rng) for c in g) for g in groups), "digits_words_groups"


def chunk_default(s):
    n = len(s)
    if n == 10:
        return [s[:3], s[3:6], s[6:]]
    if n == 9:
        return [s[:3], s[3:5], s[5:]]
    if n == 16:
        return [s[i:i + 4] for i in range(0, 16, 4)]
    if n == 15:
        return [s[:4], s[4:10], s[10:]]
    out = []
    i = 0
    while i < n:
        out.append(s[i:i + 3])
        i += 3
    return out


def odd_split(s, rng):
    """Streaming ASR that writes numerals but groups them oddly."""
    out = []
    i = 0
    while i < len(s):
        k = rng.choice([1, 1, 2, 3, 4])
        out.append(s[i:i + k])
        i += k
    seps = [rng.choice([" ", " ", "-"]) for _ in out[1:]]
    t = out[0]
    for sep, g in zip(seps, out[1:]):
        t += sep + g
    return t


def r_ssn(rec, v, cue, spoken=None, last4=False):
    rng = rec.rng
    d = v.replace("-", "")
    if last4:
        d4 = d[-4:]
        if spoken is None:
            spoken = rec.style != "smart" or rng.random() < 0.5
        if spoken:
            t, f = say_digits(d4, rng, rng.choice(["words", "pairs", "words_double"]))
            return rec.v("SSN", t, True, cue, "last4_" + f, d4, last4=True)
        return rec.v("SSN", rng.choice([d4, d4[:2] + " " + d4[2:]]), False, cue, "last4_digits", d4, last4=True)
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.45
    if spoken:
        t, f = say_digits(d, rng)
        return rec.v("SSN", t, True, cue, f, d)
    c = rng.random()
    if c < 0.4:
        t, f = "%s-%s-%s" % (d[:3], d[3:5], d[5:]), "dashed"
    elif c < 0.65:
        t, f = odd_split(d, rng), "odd_split"
    elif c < 0.85:
        t, f = "%s %s %s" % (d[:3], d[3:5], d[5:]), "spaced"
    else:
        t, f = d, "plain"
    return rec.v("SSN", t, False, cue, "numerals_" + f, d)


def r_phone(rec, v, cue, spoken=None, ctx="phone"):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.4
    if spoken:
        if rng.random() < 0.3:
            t = "%s, %s, %s" % (" ".join(dw(c, rng) for c in v[:3]), " ".join(dw(c, rng) for c in v[3:6]),
                                two(int(v[6:8]), rng) + " " + two(int(v[8:]), rng))
            f = "digits_words_pairs_tail"
        else:
            t, f = say_digits(v, rng, rng.choice(["words", "words_groups", "words_double", "words_filler",
                                                  "mixed"]))
        return rec.v("PHONE", t, True, cue, ctx + "_" + f, v)
    c = rng.random()
    if c < 0.35:
        t, f = "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "paren"
    elif c < 0.55:
        t, f = "%s-%s-%s" % (v[:3], v[3:6], v[6:]), "dashed"
    elif c < 0.75:
        t, f = "%s %s %s" % (v[:3], v[3:7], v[7:]), "odd_3_4_3"
    elif c < 0.9:
        t, f = odd_split(v, rng), "odd_split"
    else:
        t, f = v, "plain10"
    return rec.v("PHONE", t, False, cue, ctx + "_numerals_" + f, v)


def year_words(y, rng):
    if y >= 2000:
        if y < 2010:
            return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000]])
        return rng.choice(["twenty " + two(y - 2000, rng), "two thousand " + two(y - 2000, rng)])
    return TEENS[y // 100 - 10] + " " + two(y % 100, rng)


def r_date(rec, ent, d, cue, spoken=None, summary=False):
    """d is datetime.date."""
    rng = rec.rng
    iso = d.isoformat()
    if summary:
        c = rng.random()
        if c < 0.4:
            t, f = iso, "iso"
        elif c < 0.75:
            t, f = "%02d/%02d/%04d" % (d.month, d.day, d.year), "written_mdy_full"
        else:
            t, f = "%s %d, %d" % (MONTHS[d.month - 1].capitalize(), d.day, d.year), "written_month_d_y"
        return rec.v(ent, t, False, cue, f, iso)
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.55
    m = MONTHS[d.month - 1]
    if spoken:
        c = rng.random()
        yr = year_words(d.year, rng)
        if c < 0.3:
            t, f = "%s %s %s" % (m, ORD[d.day], yr), "month_ordinal_year"
        elif c < 0.5:
            t, f = "the %s of %s %s" % (ORD[d.day], m, yr), "the_d_of_m_year"
        elif c < 0.7:
            t, f = "%s %s %s" % (two(d.month, rng), two(d.day, rng), two(d.year % 100, rng)), "numeric_words_short"
        elif c < 0.85:
            t, f = "%s %s, %d" % (m, ORD[d.day], d.year), "month_ordinal_numeral_year"
        else:
            t, f = "%s %d %s" % (m, d.day, yr), "month_numeral_day_year_words"
        if rec.style != "raw" and f.startswith("month"):
            t = t[0].upper() + t[1:]
        return rec.v(ent, t, True, cue, f, iso)
    c = rng.random()
    if c < 0.35:
        t, f = "%d/%d/%d" % (d.month, d.day, d.year), "written_mdy_nolead"
    elif c < 0.55:
        t, f = "%02d/%02d/%02d" % (d.month, d.day, d.year % 100), "written_mdy_short"
    elif c < 0.8:
        sfx = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        t, f = "%s %d%s, %d" % (m.capitalize(), d.day, sfx, d.year), "written_month_dth_y"
    else:
        t, f = "%d %d %d" % (d.month, d.day, d.year), "numerals_spaced"
    return rec.v(ent, t, False, cue, f, iso)


def r_plain_digits(rec, ent, v, cue, spoken=None, prefix_form=""):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.5
    if spoken:
        t, f = say_digits(v, rng)
        return rec.v(ent, t, True, cue, prefix_form + f, v)
    c = rng.random()
    if c < 0.4:
        t, f = v, "numerals"
    elif c < 0.7:
        t, f = odd_split(v, rng), "numerals_odd_split"
    else:
        t, f = " ".join(chunk_default(v)), "numerals_grouped"
    return rec.v(ent, t, False, cue, prefix_form + f, v)


def spell_alnum(v, rng, how):
    out = []
    for ch in v.lower():
        if ch.isdigit():
            out.append(dw(ch, rng))
        elif how == "nato":
            out.append(NATO[ch])
        elif how == "asin" and ch in ASIN:
            out.append("%s as in %s" % (ch, ASIN[ch]))
        else:
            out.append(ch)
    return " ".join(out)


def r_alnum(rec, ent, v, cue, spoken=None):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.5
    if spoken:
        how = rng.choice(["plain", "nato", "asin", "mixed"])
        if how == "mixed":
            letters = re.match(r"[A-Z]*", v).group(0)
            rest = v[len(letters):]
            t = " ".join(letters.lower()) + (" " if letters else "") + say_digits(rest, rng)[0] if rest else " ".join(letters.lower())
            f = "alnum_letters_then_" + "digits"
        else:
            t = spell_alnum(v, rng, how)
            f = "alnum_spelled_" + how
        if rec.style != "raw":
            t = re.sub(r"\b([a-z])\b(?! as)", lambda m: m.group(1).upper(), t)
        return rec.v(ent, t, True, cue, f, v)
    c = rng.random()
    if c < 0.5:
        t, f = v, "written_plain"
    elif c < 0.8:
        t, f = re.sub(r"(\d{3,4})(?=\d)", r"\1 ", v, count=1) if re.search(r"\d{5}", v) else v, "written_grouped"
    else:
        t, f = " ".join(v), "asr_letters_spaced"
    return rec.v(ent, t, False, cue, f, v)


def r_mbi(rec, v, cue, spoken=None):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.5
    if spoken:
        how = rng.choice(["plain", "nato", "asin"])
        t = spell_alnum(v, rng, how)
        if rec.style != "raw":
            t = re.sub(r"\b([a-z])\b(?! as)", lambda m: m.group(1).upper(), t)
        return rec.v("MBI", t, True, cue, "mbi_spelled_" + how, v)
    if rng.random() < 0.5:
        return rec.v("MBI", "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, cue, "mbi_dashed", v)
    return rec.v("MBI", v, False, cue, "mbi_plain", v)


def r_card(rec, v, cue, spoken=None):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.4
    groups = chunk_default(v)
    if spoken:
        if rng.random() < 0.5:
            t = ", ".join(" ".join(dw(c, rng) for c in g) for g in groups)
            f = "card_words_groups"
        else:
            t = " ".join(two(int(g[:2]), rng) + " " + two(int(g[2:]), rng) if len(g) == 4 and g[0] != "0"
                         and g[2] != "0" else " ".join(dw(c, rng) for c in g) for g in groups)
            f = "card_pairs"
        return rec.v("CARD", t, True, cue, f, v)
    c = rng.random()
    if c < 0.4:
        t, f = " ".join(groups), "card_grouped"
    elif c < 0.6:
        t, f = "-".join(groups), "card_dashed"
    elif c < 0.85:
        t, f = odd_split(v, rng), "card_odd_split"
    else:
        t, f = v, "card_plain"
    return rec.v("CARD", t, False, cue, f, v)


def r_zip(rec, v, cue, spoken=None):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.5
    if spoken:
        t, f = say_digits(v, rng, rng.choice(["words", "words_double", "mixed"]))
        return rec.v("ZIP", t, True, cue, "zip_" + f, v)
    return rec.v("ZIP", v, False, cue, "zip_numerals", v)


def r_name(rec, first, last, cue, which="full", spoken=True, spell=False):
    rng = rec.rng
    if which == "first":
        t = first
    elif which == "last":
        t = last
    else:
        t = "%s %s" % (first, last)
    val = t
    if spell:
        how = rng.choice(["letters", "letters_dash", "asin"])
        if how == "letters":
            t = " ".join(last.upper()) if rec.style != "raw" else " ".join(last.lower())
        elif how == "letters_dash":
            t = "-".join(last.upper())
        else:
            t = ", ".join("%s as in %s" % (c, ASIN.get(c, c)) if c in ASIN else c
                          for c in last.lower())
        val = last
        return rec.v("NAME", t, True, cue, "name_spelled_" + how, val)
    if rec.style == "raw" and spoken:
        t = t.lower()
    return rec.v("NAME", t, spoken, cue, "name_" + which + ("_lower" if t.islower() else ""), val)


def r_email(rec, local, domain, cue, spoken=None):
    rng = rec.rng
    v = "%s@%s" % (local, domain)
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.6
    if spoken:
        c = rng.random()
        sl = local.replace(".", " dot ").replace("_", " underscore ")
        sd = domain.replace(".", " dot ")
        if c < 0.4:
            t, f = "%s at %s" % (sl, sd), "email_words"
        elif c < 0.7:
            parts = re.split(r"([._])", local)
            sp = []
            for p in parts:
                if p == ".":
                    sp.append("dot")
                elif p == "_":
                    sp.append("underscore")
                else:
                    sp.append(" ".join(p))
            t, f = "%s at %s" % (" ".join(sp), sd), "email_spell_local"
        else:
            t, f = "%s at %s" % (local, domain), "email_asr_at_word"
        return rec.v("EMAIL", t, True, cue, f, v)
    return rec.v("EMAIL", v, False, cue, "email_written", v)


def r_street(rec, num, name, suf, unit, cue, spoken=None):
    rng = rec.rng
    if spoken is None:
        spoken = rec.style == "raw" or rng.random() < 0.5
    val = "%s %s %s%s" % (num, name, suf[0], (" Apt %s" % unit) if unit else "")
    if spoken:
        n = int(num)
        if len(num) == 4 and rng.random() < 0.6:
            nw = two(n // 100, rng) + " " + two(n % 100, rng)
            f = "house_pairs"
        else:
            nw = " ".join(dw(c, rng) for c in num)
            f = "house_digits"
        t = "%s %s %s" % (nw, name.lower() if rec.style == "raw" else name, suf[0].lower())
        if unit:
            t += " %s %s" % (rng.choice(["apartment", "unit", "number"]),
                             " ".join(dw(c, rng) if c.isdigit() else c.lower() for c in unit))
            f += "_unit"
        return rec.v("STREET", t, True, cue, f, val)
    t = "%s %s %s" % (num, name, rng.choice(suf))
    if unit:
        t += rng.choice([", Apt %s", " Apt. %s", " #%s", ", Unit %s"]) % unit
    return rec.v("STREET", t, False, cue, "written_street" + ("_unit" if unit else ""), val)


def r_city(rec, city, cue, spoken=True):
    t = city.lower() if rec.style == "raw" and spoken else city
    return rec.v("CITY", t, spoken, cue, "city", city)


# ---------------------------------------------------------------- values
def luhn_digit(body):
    tot = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    return luhn_digit(s[:-1]) == s[-1]


class Person:
    def __init__(self, rng, used):
        while True:
            self.first = rng.choice(FIRST)
            self.last = rng.choice(LAST)
            if (self.first, self.last) not in used:
                used.add((self.first, self.last))
                break
        y = rng.randrange(1938, 2006)
        self.dob = datetime.date(y, rng.randrange(1, 13), rng.randrange(1, 29))
        area = rng.choice([a for a in range(1, 900) if a != 666])
        self.ssn = "%03d%02d%04d" % (area, rng.randrange(1, 100), rng.randrange(1, 10000))
        self.phone = "%s555%s" % (rng.choice(["415", "312", "614", "503", "713", "404", "602", "757",
                                              "216", "847"]), "01%02d" % rng.randrange(0, 100))
        self.mrn = rng.choice(["%07d" % rng.randrange(1000000, 9999999), "%08d" % rng.randrange(10000000, 99999999),
                               "E%07d" % rng.randrange(1000000, 9999999)])
        self.street = (str(rng.choice([rng.randrange(100, 999), rng.randrange(1000, 9999)])),
                       rng.choice(STREETS), rng.choice(SUFFIX),
                       rng.choice([None, None, None, str(rng.randrange(1, 40)) + rng.choice(["", "B", "C"])]))
        self.city = rng.choice(CITIES)
        self.zip = "%05d" % rng.randrange(10001, 99950)
        sep = rng.choice([".", "_", ""])
        self.email = ("%s%s%s%s" % (self.first.lower(), sep, self.last.lower(),
                                    rng.choice(["", str(rng.randrange(1, 99))]))), rng.choice(DOMAINS)
        pref = rng.choice(["W", "XQH", "ZGP", "MBR", "H", "U"])
        self.member = pref + "".join(str(rng.randrange(10)) for _ in range(12 - len(pref) - rng.randrange(0, 3)))
        self.mbi = make_mbi(rng)
        self.card = make_card(rng)
        self.account = "%d" % rng.randrange(10000000, 99999999)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    an = MBI_ALPHA + "0123456789"
    pat = "CAN" + "NA" + "AN" + "NAA" + "NN"
    # positions: 1 C,2 A,3 AN,4 N,5 A,6 AN,7 N,8 A,9 A,10 N,11 N
    pat = ["C", "A", "X", "N", "A", "X", "N", "A", "A", "N", "N"]
    out = []
    for p in pat:
        out.append({"C": rng.choice("123456789"), "A": rng.choice(MBI_ALPHA), "X": rng.choice(an),
                    "N": rng.choice("0123456789")}[p])
    return "".join(out)


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")
CARD_PREFIX = ["411111", "424242", "555555", "601111", "378282", "400000", "510510"]


def make_card(rng):
    p = rng.choice(CARD_PREFIX)
    n = 15 if p.startswith("37") else 16
    body = p + "".join(str(rng.randrange(10)) for _ in range(n - 1 - len(p)))
    return body + luhn_digit(body)


def make_npi(rng):
    body = rng.choice("12") + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + luhn_digit("80840" + body)


# ---------------------------------------------------------------- carrier filler
def load_carrier():
    cands = [os.environ.get("CARRIER_DIR", ""),
             os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources"),
             "/work/shared/carrier-sources"]
    for d in cands:
        p = os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
        if d and os.path.exists(p):
            break
    else:
        return []
    out = []
    with open(p, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for line in row["dialogue"].split("\n"):
                line = line.strip()
                if not line.startswith("Patient:"):
                    continue
                t = line[len("Patient:"):].strip()
                if not (30 <= len(t) <= 130) or re.search(r"[0-9\"]", t):
                    continue
                words = t.split()
                if any(w[0].isupper() and i > 0 and w != "I" and not w.startswith("I'")
                       and not words[i - 1].endswith((".", "?", "!")) for i, w in enumerate(words)):
                    continue
                if re.search(r"\b(doctor|dr|mr|mrs|ms)\b", t, re.I):
                    continue
                out.append(t)
    return out


CARRIER = None


def carrier(rng):
    global CARRIER
    if CARRIER is None:
        CARRIER = load_carrier()
    if not CARRIER:
        return "It has been bothering me for a while now, honestly."
    return rng.choice(CARRIER)


# ---------------------------------------------------------------- call scripts
HOSPITALS = ["Saint Brigid Regional Medical Center", "Mercy Valley Hospital", "Northfield General",
             "Crescent Lake Health", "Harborview Community Hospital"]


def split_digits(rec, ent, v, cue, form_prefix=""):
    """A value cut over two turns of the same speaker (streaming endpointing)."""
    rng = rec.rng
    k = rng.randrange(3, len(v) - 2)
    g = len(rec.metas)
    a, fa = say_digits(v[:k], rng, rng.choice(["words", "mixed"]))
    b, fb = say_digits(v[k:], rng, rng.choice(["words", "mixed"]))
    if rec.style == "smart" and rng.random() < 0.5:
        a, fa, b, fb = v[:k], "numerals", v[k:], "numerals"
    sp = fa != "numerals"
    p1 = rec.v(ent, a, sp, cue, form_prefix + "split_turn_" + fa, v, part=1, group=g)
    p2 = rec.v(ent, b, sp, "prev", form_prefix + "split_turn_" + fb, v, part=2, group=g)
    return p1, p2


def F(rng, *opts):
    return rng.choice(opts)


def opener(rec, hosp):
    rng = rec.rng
    t = F(rng, "Thank you for calling %s. I'm the virtual assistant. How can I help you today?" % hosp,
          "Hi, you've reached %s. This call may be recorded for quality. What can I help you with?" % hosp,
          "%s, this is the automated assistant. Are you calling about an appointment, billing, or something else?" % hosp)
    if rng.random() < 0.3:
        t += " For billing you can also %s at any time." % rec.neg("menu_option", "press two")
    return t


def ask(rng, what):
    q = {
        "name": ["Can I get the patient's full name?", "Okay. What's the patient's first and last name?",
                 "Sure. Who am I speaking with?", "Can you tell me the name of the patient?"],
        "dob": ["And the date of birth?", "Thanks. What's the date of birth?", "Can you verify the birthdate for me?",
                "Okay, and when were they born?"],
        "ssn4": ["For verification, can I get the last four of the social?",
                 "And the last four digits of the Social Security number?"],
        "ssn": ["I'll also need the full Social Security number to match the chart.",
                "To locate the right record, what's the social?"],
        "phone": ["What's a good callback number?", "And the best number to reach you?",
                  "What phone number should we have on file?"],
        "mrn": ["Do you have the medical record number? It's on the after-visit summary.",
                "If you have the MRN handy that speeds things up."],
        "email": ["What email should the records go to?", "And the email address?"],
        "address": ["And the mailing address?", "Where should we mail the copy?"],
        "member": ["What's the member ID on the card?", "Can you read me the member ID?"],
        "group": ["And the group number?", "Is there a group number on the front?"],
    }[what]
    return rng.choice(q)


def c_filler(rec):
    rng = rec.rng
    return F(rng, "Um, yeah.", "Okay.", "Sure, one second, let me grab it.", "Hold on, it's in my purse.",
             "Yeah, hang on.", "Mm-hmm.", "Sorry, say that again?")


def call_records(rec, P, hosp, third=None):
    """Medical records request, by the patient or a third party (third = (kind, Person, org))."""
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    a(opener(rec, hosp))
    adm = P.dob + datetime.timedelta(days=rng.randrange(6000, 30000))
    if adm > datetime.date(2026, 10, 1):
        adm = datetime.date(rng.randrange(2019, 2026), rng.randrange(1, 13), rng.randrange(1, 29))
    dis = adm + datetime.timedelta(days=rng.randrange(1, 12))
    if third:
        kind, Q, org = third
        c(F(rng, "Hi, good morning. My name is %s, I'm with %s, and I'm calling to request medical records for a %s." %
            (r_name(rec, Q.first, Q.last, "same"), org, "client of ours" if kind == "attorney" else "mutual patient"),
            "Yes hello, this is %s over at %s. We need records on a patient of yours." %
            (r_name(rec, Q.first, Q.last, "same"), org)))
        facts.append(("caller_name", "NAME", "%s %s" % (Q.first, Q.last)))
        if kind == "clinic":
            a("I can help with that. Can you give me your NPI so I can note the requesting provider?")
            npi = make_npi(rng)
            c("Sure, the NPI is %s." % r_plain_digits(rec, "NPI", npi, "same", prefix_form="npi_"))
            facts.append(("requesting_npi", "NPI", npi))
            a("Thank you. And the patient's name?")
        else:
            a(F(rng, "Okay. Do you have a signed authorization from the patient?",
                "I can point you in the right direction. Who is the patient?"))
            c("Yes, we have a signed HIPAA release dated %s." % rec.neg("authorization_date", F(rng, "last Tuesday", "October 2nd", "the 14th")))
            a(ask(rng, "name"))
        c("The patient is %s." % r_name(rec, P.first, P.last, "same") + (
            " Last name %s." % r_name(rec, P.first, P.last, "same", spell=True) if rng.random() < 0.4 else ""))
    else:
        c(F(rng, "Hi, yeah, I need to get a copy of my records from when I was in the hospital.",
            "Hey, um, I'm trying to request my medical records. I need them for my new doctor.",
            "Yes, I'm calling because I need my hospital records sent somewhere."))
        a(ask(rng, "name"))
        if rng.random() < 0.4:
            c("%s. %s, %s." % (r_name(rec, P.first, P.last, "prev"), "Last name is spelled",
                               r_name(rec, P.first, P.last, "same", spell=True)))
        else:
            c(F(rng, "It's %s.", "Yeah it's %s.", "%s.") % r_name(rec, P.first, P.last, "prev"))
    facts.append(("patient_name", "NAME", "%s %s" % (P.first, P.last)))
    a(ask(rng, "dob"))
    if rng.random() < 0.25:
        c("%s born %s." % (F(rng, "She was", "He was", "They were") if third else "I was", r_date(rec, "DOB", P.dob, "same")))
    else:
        c(F(rng, "%s.", "Um, %s.", "It's %s.") % r_date(rec, "DOB", P.dob, "prev"))
    facts.append(("caller_dob" if not third else "patient_dob", "DOB", P.dob))
    if third and third[0] == "clinic" and rng.random() < 0.7:
        a(ask(rng, "mrn"))
        c("Your MRN for %s is %s." % (F(rng, "her", "him", "them"), r_plain_digits(rec, "MRN", P.mrn.lstrip("E"), "same", prefix_form="mrn_") if P.mrn[0] != "E" else r_alnum(rec, "MRN", P.mrn, "same")))
        facts.append(("mrn", "MRN", P.mrn))
    r = rng.random()
    if r < 0.5:
        a(ask(rng, "ssn4"))
        c(F(rng, "%s.", "It's %s.", "Last four, %s.") % r_ssn(rec, P.ssn, "prev", last4=True))
        facts.append(("ssn_last4", "SSN4", P.ssn[-4:]))
    elif r < 0.75:
        a(ask(rng, "ssn"))
        if rng.random() < 0.4:
            p1, p2 = split_digits(rec, "SSN", P.ssn, "prev")
            c("Okay it's %s" % p1)
            c(p2)
        else:
            c("%s." % r_ssn(rec, P.ssn, "prev"))
    else:
        c("Oh and %s social is %s if you need it." % ("the" if third else "my", r_ssn(rec, P.ssn, "same")))
    a(F(rng, "Which visit or hospital stay are the records for?", "What dates was the stay?",
        "Do you know the admission and discharge dates?"))
    if rng.random() < 0.5:
        c("%s admitted %s and discharged on %s." % (F(rng, "I was", "Uh I got") if not third else F(rng, "Patient was", "She was"),
                                                   r_date(rec, "DATE", adm, "same"), r_date(rec, "DATE", dis, "same")))
    else:
        c("It was the ER and then %s got admitted, that was %s, and I think %s went home %s." %
          ("I" if not third else "she", r_date(rec, "DATE", adm, "same"), "I" if not third else "she",
           r_date(rec, "DATE", dis, "same")))
        if rng.random() < 0.5:
            c(carrier(rng))
    facts.append(("admission_date", "DATE", adm))
    facts.append(("discharge_date", "DATE", dis))
    if third and third[0] == "attorney" and rng.random() < 0.4:
        dd = dis + datetime.timedelta(days=rng.randrange(20, 300))
        c("And just so you know, the patient passed away on %s, we represent the estate." % r_date(rec, "DATE", dd, "same"))
        facts.append(("date_of_death", "DATE", dd))
    a(ask(rng, "email") if rng.random() < 0.6 else "We can send them electronically or by mail. What works?")
    Q = third[1] if third else P
    c(F(rng, "Email please, it's %s.", "The email is %s.", "Send it to %s.") %
      r_email(rec, Q.email[0], Q.email[1], "same"))
    facts.append(("records_email", "EMAIL", "%s@%s" % Q.email))
    if rng.random() < 0.5:
        a("Let me read that back: %s. Is that right?" % r_email(rec, Q.email[0], Q.email[1], "prev", spoken=False))
        c(F(rng, "Yep.", "That's correct.", "Yes ma'am."))
    if rng.random() < 0.7:
        a(ask(rng, "address"))
        c("%s, %s, %s %s." % (r_street(rec, *P.street, "prev"), r_city(rec, P.city, "prev"),
                             rng.choice(STATES), r_zip(rec, P.zip, "prev")))
        facts.append(("mailing_street", "STREET", P.street))
        facts.append(("mailing_city", "CITY", P.city))
        facts.append(("mailing_zip", "ZIP", P.zip))
    a(ask(rng, "phone"))
    if rng.random() < 0.3:
        p1, p2 = split_digits(rec, "PHONE", Q.phone, "prev")
        c("Yeah it's %s" % p1)
        c(p2)
    else:
        c(F(rng, "%s.", "Sure, %s.", "Um it's %s.") % r_phone(rec, Q.phone, "prev"))
    facts.append(("callback_number", "PHONE", Q.phone))
    ref = "R%d" % rng.randrange(100000, 999999)
    fee = rng.choice(["$6.50", "$25", "$0.50 a page", "$15.00"])
    a("Your request number is %s. Electronic copies are free, paper copies are %s, and it can take up to %s business days." %
      (rec.neg("reference_number", " ".join(ref) if rng.random() < 0.5 else ref), rec.neg("money", fee),
       rec.neg("count", F(rng, "30", "thirty", "10", "fifteen"))))
    if third or rng.random() < 0.5:
        fax = "%s555%s" % (rng.choice(["415", "614", "713"]), "01%02d" % rng.randrange(100))
        a("If you need to fax the authorization, our release of information fax is %s, extension %s." %
          (r_phone(rec, fax, "same", ctx="dept_fax"), rec.neg("extension", F(rng, "2214", "4 1 7", "three oh two"))))
    c(F(rng, "Great, thank you so much.", "Okay perfect, bye.", "Alright thanks."))
    a("You're welcome. Have a good %s." % F(rng, "day", "afternoon", "evening"))
    return T, facts


def call_lab(rec, P, hosp):
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    a(opener(rec, hosp))
    if rng.random() < 0.3:
        c("Hi, this is %s, %s, I'm calling about my lab results." %
          (r_name(rec, P.first, P.last, "none"), r_date(rec, "DOB", P.dob, "none")))
    else:
        c(F(rng, "Yeah hi, I had blood work done and I'm wondering if the results are back.",
            "I'm calling to check on my lab results. I went in %s." % rec.neg("relative_day", F(rng, "on Monday", "last week", "two days ago"))))
        a(ask(rng, "name"))
        c(F(rng, "%s.", "It's %s.") % r_name(rec, P.first, P.last, "prev"))
        a(ask(rng, "dob"))
        c("%s." % r_date(rec, "DOB", P.dob, "prev"))
    facts += [("patient_name", "NAME", "%s %s" % (P.first, P.last)), ("caller_dob", "DOB", P.dob)]
    if rng.random() < 0.4:
        c(carrier(rng))
    if rng.random() < 0.75:
        a(ask(rng, "mrn"))
        if P.mrn[0] == "E":
            c("Um, I think it's %s." % r_alnum(rec, "MRN", P.mrn, "prev"))
        else:
            c("Yeah it says %s." % r_plain_digits(rec, "MRN", P.mrn, "prev", prefix_form="mrn_"))
        facts.append(("mrn", "MRN", P.mrn))
    test = rng.choice(["lipid panel", "CBC", "A1C", "thyroid panel", "comprehensive metabolic panel", "urinalysis"])
    prov = Person(rng, set())
    a("I see a %s ordered by Dr. %s. Results are usually released to the portal within %s business days after the doctor reviews them." %
      (test, r_name(rec, prov.first, prov.last, "same", which="last"), rec.neg("count", F(rng, "two to three", "3", "five"))))
    c(F(rng, "Last time my A1C was %s, so I'm a little worried.", "They said my potassium was %s before.",
        "My cholesterol was like %s last year.") % rec.neg("lab_value", F(rng, "7.2", "six point four", "3.1", "two forty")))
    a("I can't read results over the phone, but I can send a message to the care team to call you back. %s" % ask(rng, "phone"))
    if rng.random() < 0.25:
        p1, p2 = split_digits(rec, "PHONE", P.phone, "prev")
        c("Yeah it's %s" % p1)
        c(p2)
    else:
        c(F(rng, "%s.", "It's %s, that's my cell.", "%s. Or my work line, whichever.") % r_phone(rec, P.phone, "prev"))
    facts.append(("patient_phone", "PHONE", P.phone))
    if rng.random() < 0.5:
        a("Just to confirm, %s?" % r_phone(rec, P.phone, "prev", spoken=rec.style == "raw"))
        c("Yes.")
    a("The nurse line is open until %s, and if it's urgent you can reach them at extension %s, or call %s for an emergency." %
      (rec.neg("time", F(rng, "4:30 p.m.", "five o'clock", "4:30")), rec.neg("extension", F(rng, "4 4 2 1", "3307", "two two six")),
       rec.neg("emergency_number", "911")))
    c(F(rng, "Okay, thanks.", "Got it, appreciate it.", "Alright. Bye now."))
    return T, facts


def call_billing(rec, P, hosp):
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    a(opener(rec, hosp))
    amt = "$%d.%02d" % (rng.randrange(80, 4000), rng.randrange(100))
    c(F(rng, "Hi, I got a bill for %s and my insurance was supposed to cover that.",
        "Yeah, I'm disputing a charge. It's %s and I already paid my copay.",
        "I want to talk to someone about my statement, it says I owe %s which is wrong.") % rec.neg("money", amt))
    a("I'm sorry about that. Can I have the account number from the top of the statement?")
    acc = P.account
    if rng.random() < 0.5:
        c("It's %s." % rec.v("ACCOUNT", " ".join(acc) if rng.random() < 0.5 else acc, False, "prev", "account_numerals", acc, neutral=True))
    else:
        c("Okay account number %s." % rec.v("ACCOUNT", say_digits(acc, rng, "words_groups")[0], True, "same", "account_words", acc, neutral=True))
    a("Thanks. And the patient's name and date of birth?")
    c("%s, %s." % (r_name(rec, P.first, P.last, "prev"), r_date(rec, "DOB", P.dob, "prev")))
    facts += [("patient_name", "NAME", "%s %s" % (P.first, P.last)), ("caller_dob", "DOB", P.dob)]
    claim = "%d" % rng.randrange(10 ** 9, 10 ** 10)
    a("I see claim %s for the emergency visit, procedure code %s, diagnosis %s. The insurer applied %s to your deductible." %
      (rec.neg("claim_number", claim if rng.random() < 0.5 else odd_split(claim, rng)),
       rec.neg("cpt_code", rng.choice(["99284", "99285", "71046", "80053"])),
       rec.neg("icd_code", rng.choice(["R07.9", "S62.101A", "J18.9", "N39.0"])),
       rec.neg("money", "$%d" % rng.randrange(100, 1500))))
    c(F(rng, "That doesn't make sense, I hit my deductible in %s.", "But I called them and they said it was processed in %s.")
      % rec.neg("month", rng.choice(["March", "June", "August"])))
    if rng.random() < 0.5:
        c(carrier(rng))
    a("I can open a billing review. The review takes about %s days. Would you like to pay the undisputed %s today?" %
      (rec.neg("count", F(rng, "30", "thirty", "45")), rec.neg("money", "$%d.00" % rng.randrange(20, 300))))
    c("Yeah fine, I'll put it on my card.")
    a("Go ahead with the card number when you're ready.")
    if rng.random() < 0.35:
        p1, p2 = split_digits(rec, "CARD", P.card, "prev")
        c("Okay %s" % p1)
        c(p2)
    else:
        c("%s." % r_card(rec, P.card, "prev"))
    facts.append(("card_last4", "neg:card_last4", P.card[-4:]))
    a("And the expiration and billing zip code?")
    c("Expires %s, zip %s." % (rec.neg("card_expiry", F(rng, "oh four twenty eight", "11/27", "nine twenty nine")),
                               r_zip(rec, P.zip, "same")))
    facts.append(("billing_zip", "ZIP", P.zip))
    a("Thank you. The card ending in %s was charged. Your confirmation number is %s." %
      (rec.neg("card_last4", P.card[-4:]), rec.neg("confirmation_number", "C%d" % rng.randrange(10000, 99999))))
    if rng.random() < 0.6:
        st = Person(rng, set())
        a("I'm also transferring your dispute to %s in patient financial services, direct line %s." %
          (r_name(rec, st.first, st.last, "none", which="first"), r_phone(rec, "614555%s" % ("01%02d" % rng.randrange(100)), "same", ctx="dept")))
    c(F(rng, "Okay thanks.", "Alright, bye.", "Thank you."))
    return T, facts


def call_insurance(rec, P, hosp):
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    medicare = rng.random() < 0.35
    a(opener(rec, hosp))
    c("Hi, I have an appointment %s at %s and I changed insurance, so I wanted to update it." %
      (rec.neg("appointment_date", F(rng, "on the 18th", "next Thursday", "December 3rd", "tomorrow")),
       rec.neg("time", F(rng, "9:15", "two thirty", "10 a.m.", "1:45 p.m."))))
    a(ask(rng, "name") + " " + ask(rng, "dob"))
    c("%s, %s." % (r_name(rec, P.first, P.last, "prev"), r_date(rec, "DOB", P.dob, "prev")))
    facts += [("patient_name", "NAME", "%s %s" % (P.first, P.last)), ("caller_dob", "DOB", P.dob)]
    if medicare:
        a("And this is Medicare? Can you read me the Medicare number on the red white and blue card?")
        c("Okay it's %s." % r_mbi(rec, P.mbi, "prev"))
        facts.append(("mbi", "MBI", P.mbi))
        a("Do you have a supplement or an Advantage plan as well?")
    payer = rng.choice([p for p in PAYERS if p != "Medicare"])
    c("It's %s now. The member ID is %s." % (payer, r_alnum(rec, "MEMBER_ID", P.member, "same")))
    facts.append(("member_id", "MEMBER_ID", P.member))
    if rng.random() < 0.4:
        a("Let me repeat that back, %s?" % r_alnum(rec, "MEMBER_ID", P.member, "prev", spoken=rec.style == "raw"))
        c("Yes.")
    a(ask(rng, "group"))
    grp = rng.choice(["%d" % rng.randrange(100000, 999999), "GRP-%d" % rng.randrange(1000, 99999), "%05d" % rng.randrange(1, 99999)])
    c("Group number %s." % rec.neg("group_number", grp if rng.random() < 0.6 else " ".join(grp)))
    facts.append(("group_number", "neg:group_number", grp))
    if rng.random() < 0.5:
        S = Person(rng, set())
        a("Are you the subscriber, or is the plan under someone else?")
        c("It's under my %s, %s, %s birthday is %s." %
          (F(rng, "wife", "husband", "partner"), r_name(rec, S.first, P.last, "same"), "their",
           r_date(rec, "DOB", S.dob, "same")))
        facts.append(("subscriber_name", "NAME", "%s %s" % (S.first, P.last)))
    if rng.random() < 0.5:
        c(F(rng, "The back of the card says call member services at %s if you need it.",
            "There's a provider line on the back, %s.") % r_phone(rec, "800555%s" % ("01%02d" % rng.randrange(100)), "same", ctx="payer"))
    a("Thanks. Based on the plan, a specialist visit is a %s copay and you have %s left on your deductible." %
      (rec.neg("money", F(rng, "$40", "forty dollar", "$25", "$75")), rec.neg("money", "$%d" % rng.randrange(100, 3000))))
    if rng.random() < 0.5:
        a("Your visit is with Dr. %s, %s, %s, in building %s, suite %s." %
          (r_name(rec, rng.choice(FIRST), rng.choice(LAST), "same", which="last"),
           rec.neg("appointment_date", F(rng, "Tuesday the 9th", "December 3rd")),
           rec.neg("time", F(rng, "8:40 a.m.", "eleven fifteen")), rec.neg("building", rng.choice("ABCD")),
           rec.neg("room_number", F(rng, "340", "2 10", "one twelve"))))
    a("Can I confirm a phone number for appointment reminders?")
    c("%s." % r_phone(rec, P.phone, "prev"))
    facts.append(("patient_phone", "PHONE", P.phone))
    c(F(rng, "Okay great, thanks for your help.", "Perfect, thank you.", "Cool, bye."))
    return T, facts


def call_employer(rec, P, hosp):
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    Q = Person(rng, set())
    org = rng.choice(EMPLOYERS)
    a(opener(rec, hosp))
    c("Hi, my name is %s, I'm the HR manager at %s. One of our employees, %s, was seen in your ER and we need to confirm a return to work date." %
      (r_name(rec, Q.first, Q.last, "same"), org, r_name(rec, P.first, P.last, "none")))
    facts += [("caller_name", "NAME", "%s %s" % (Q.first, Q.last)), ("patient_name", "NAME", "%s %s" % (P.first, P.last))]
    a("I'm not able to share patient information without a signed authorization. Is this related to a workers' comp claim?")
    c("Yes, claim %s. %s date of birth is %s and the last four of %s social are %s." %
      (rec.neg("claim_number", "WC-%d-%04d" % (rng.randrange(2020, 2027), rng.randrange(1, 9999))),
       F(rng, "His", "Her"), r_date(rec, "DOB", P.dob, "same"), F(rng, "his", "her"),
       r_ssn(rec, P.ssn, "same", last4=True)))
    facts += [("patient_dob", "DOB", P.dob), ("ssn_last4", "SSN4", P.ssn[-4:])]
    if rng.random() < 0.6:
        adm = datetime.date(rng.randrange(2023, 2027), rng.randrange(1, 10), rng.randrange(1, 29))
        c("%s was admitted %s for the injury, I think." % (F(rng, "He", "She"), r_date(rec, "DATE", adm, "same")))
        facts.append(("admission_date", "DATE", adm))
    a("Thank you. I'll create a request for the workers' compensation team. What's a good number and email for you?")
    c("%s, and %s." % (r_phone(rec, Q.phone, "prev"), r_email(rec, Q.email[0], "%s.example.com" % org.split()[0].lower(), "prev")))
    facts += [("caller_phone", "PHONE", Q.phone), ("caller_email", "EMAIL", "%s@%s.example.com" % (Q.email[0], org.split()[0].lower()))]
    a("Got it. Someone will call back within %s hours, our office hours are %s to %s." %
      (rec.neg("count", F(rng, "48", "forty eight", "24")), rec.neg("time", "8"), rec.neg("time", "4:30")))
    c("Okay, thanks.")
    return T, facts


def call_sched(rec, P, hosp):
    rng = rec.rng
    T = []
    a = lambda s: T.append(("a", s))
    c = lambda s: T.append(("c", s))
    facts = []
    a(opener(rec, hosp))
    c(F(rng, "I need directions to the imaging center and to confirm my appointment.",
        "I need to reschedule my MRI, and where do I park?"))
    a("Sure. What's your name and date of birth?")
    c("%s, um, %s." % (r_name(rec, P.first, P.last, "prev"), r_date(rec, "DOB", P.dob, "prev")))
    facts += [("patient_name", "NAME", "%s %s" % (P.first, P.last)), ("caller_dob", "DOB", P.dob)]
    a("I have you %s at %s. Please arrive %s minutes early. Do you want to keep that?" %
      (rec.neg("appointment_date", F(rng, "on Friday, January 9th", "on the 22nd", "next Monday")),
       rec.neg("time", F(rng, "7:45 a.m.", "3:00", "ten thirty")), rec.neg("count", F(rng, "15", "fifteen", "20"))))
    c(F(rng, "Can we do the %s instead? I'm %s and I can't drive at night.", "Is there anything %s? My mom is %s and I drive her.")
      % (rec.neg("appointment_date", F(rng, "14th", "following week")), rec.neg("age", F(rng, "seventy eight", "82", "sixty"))))
    if rng.random() < 0.5:
        c(carrier(rng))
    a("I moved you to %s at %s. Park in garage %s, level %s, then take the elevator to the %s floor, suite %s." %
      (rec.neg("appointment_date", F(rng, "January 14th", "the 14th")), rec.neg("time", F(rng, "1:15 p.m.", "nine")),
       rec.neg("building", rng.choice("BCE")), rec.neg("count", F(rng, "2", "three")),
       rec.neg("floor", F(rng, "4th", "second")), rec.neg("room_number", F(rng, "410", "2 20", "two oh five"))))
    a("Is %s still the best number for a text reminder?" % r_phone(rec, P.phone, "prev", spoken=rec.style == "raw"))
    c(F(rng, "Yes.", "Yeah that's my cell.", "No, use %s." % r_phone(rec, P.phone[:6] + "01%02d" % rng.randrange(100), "same")))
    facts.append(("patient_phone", "PHONE", P.phone))
    if rng.random() < 0.5:
        a("And can you confirm your MRN? It's printed on your letter.")
        c("%s." % (r_plain_digits(rec, "MRN", P.mrn, "prev", prefix_form="mrn_") if P.mrn[0] != "E" else r_alnum(rec, "MRN", P.mrn, "prev")))
        facts.append(("mrn", "MRN", P.mrn))
    if rng.random() < 0.5:
        a("Reminder: no food after midnight and take your %s as usual." % rec.neg("dose", F(rng, "25 milligrams of metoprolol", "lisinopril 10 mg", "half a tablet")))
    c("Thank you.")
    return T, facts


CALLS = [("records_request", 0.30), ("records_third_party", 0.20), ("lab_status", 0.14),
         ("billing_dispute", 0.14), ("insurance_verification", 0.14), ("scheduling_directions", 0.08)]


def run_call(rec, kind, P, hosp, used):
    rng = rec.rng
    if kind == "records_request":
        return call_records(rec, P, hosp)
    if kind == "records_third_party":
        r = rng.random()
        if r < 0.2:
            return call_employer(rec, P, hosp)
        Q = Person(rng, used)
        if r < 0.6:
            return call_records(rec, P, hosp, ("attorney", Q, rng.choice(FIRMS)))
        Q.email = (Q.email[0], "%s.example.org" % rng.choice(["lakeshorefm", "eastsideortho", "bayviewcardio", "pinecrestpeds"]))
        return call_records(rec, P, hosp, ("clinic", Q, rng.choice(CLINICS)))
    if kind == "lab_status":
        return call_lab(rec, P, hosp)
    if kind == "billing_dispute":
        return call_billing(rec, P, hosp)
    if kind == "insurance_verification":
        return call_insurance(rec, P, hosp)
    return call_sched(rec, P, hosp)


# ---------------------------------------------------------------- transcript rendering
LABELS = [("AI", "Caller"), ("Agent", "Customer"), ("assistant", "user"), ("[agent]", "[caller]"),
          ("Speaker 0", "Speaker 1"), ("spk_0", "spk_1"), ("Receptionist", "Caller"), ("BOT", "CALLER"),
          ("[bot]", "[human]"), ("A", "B")]


def hms(t):
    t = int(t)
    return "%02d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60)


def render_transcript(rec, turns):
    rng = rec.rng
    la, lc = rng.choice(LABELS)
    ts = rng.random() < 0.4
    t = rng.randrange(0, 5)
    lines = []
    for who, text in turns:
        if rec.style == "raw":
            text = rawify(text)
        elif rec.style == "mixed":
            text = "".join(p if p.startswith(S0) else p.lower()
                           for p in re.split("(\ue000\\d+\ue001.*?\ue002)", text))
        lab = {"a": la, "c": lc}.get(who) or ("[summary]" if la.startswith("[") else "Summary")
        pre = "[%s] " % hms(t) if ts else ""
        if lab.startswith("["):
            lines.append("%s%s %s" % (pre, lab, text))
        else:
            lines.append("%s%s: %s" % (pre, lab, text))
        t += rng.randrange(2, 14)
    return "\n".join(lines)


def fact_written(rec, key, ent, val):
    """A value as an LLM summary / structured field writes it (spoken=False, cue same)."""
    rng = rec.rng
    if ent.startswith("neg:"):
        return rec.neg(ent[4:], val)
    if ent == "SSN4":
        return rec.v("SSN", val, False, "same", "last4_field", val, last4=True)
    if ent in ("DOB", "DATE"):
        return r_date(rec, ent, val, "same", summary=True)
    if ent == "PHONE":
        f = rng.choice(["+1%s", "(%s) %s-%s", "%s-%s-%s", "%s"])
        if f.count("%s") == 3:
            t = f % (val[:3], val[3:6], val[6:])
        else:
            t = f % val
        return rec.v("PHONE", t, False, "same", "field_phone", val)
    if ent == "NAME":
        return rec.v("NAME", val, False, "same", "field_name", val)
    if ent == "EMAIL":
        return rec.v("EMAIL", val, False, "same", "email_written", val)
    if ent == "STREET":
        num, name, suf, unit = val
        v = "%s %s %s%s" % (num, name, suf[0], (" Apt %s" % unit) if unit else "")
        return rec.v("STREET", "%s %s %s%s" % (num, name, suf[1], (" Apt %s" % unit) if unit else ""), False, "same", "written_street", v)
    if ent == "CITY":
        return rec.v("CITY", val, False, "same", "city", val)
    if ent in ("ZIP", "MRN", "NPI", "MEMBER_ID", "MBI"):
        return rec.v(ent, val, False, "same", "field_" + ent.lower(), val)
    raise ValueError(ent)


def summary_text(rec, kind, facts):
    rng = rec.rng
    d = {k: (e, v) for k, e, v in facts}
    parts = []
    if "caller_name" in d:
        parts.append("%s called on behalf of patient %s" % (fact_written(rec, "caller_name", *d["caller_name"]),
                                                           fact_written(rec, "patient_name", *d["patient_name"])))
    else:
        parts.append("Patient %s called" % fact_written(rec, "patient_name", *d["patient_name"]))
    dk = "caller_dob" if "caller_dob" in d else "patient_dob"
    if dk in d:
        parts[-1] += " (DOB %s)" % fact_written(rec, dk, *d[dk])
    what = {"records_request": "to request copies of medical records",
            "records_third_party": "to request records / information",
            "lab_status": "about the status of lab results", "billing_dispute": "to dispute a hospital bill",
            "insurance_verification": "to update insurance", "scheduling_directions": "to reschedule and get directions"}[kind]
    s = parts[0] + " " + what
    if "admission_date" in d and "discharge_date" in d:
        s += " for the stay %s to %s" % (fact_written(rec, "", *d["admission_date"]), fact_written(rec, "", *d["discharge_date"]))
    s += "."
    if "records_email" in d:
        s += " Records to be sent to %s." % fact_written(rec, "", *d["records_email"])
    cb = d.get("callback_number") or d.get("patient_phone") or d.get("caller_phone")
    if cb:
        s += " Callback %s." % fact_written(rec, "", *cb)
    return s


def structured(rec, facts):
    out = {}
    for k, e, v in facts:
        if k in out:
            continue
        out[k] = fact_written(rec, k, e, v)
    return out


# ---------------------------------------------------------------- JSON vendor payloads
def rid(rng, n=32):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = rid(rng)
    return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])


def interim_of(rec, text):
    """Cut a marked turn inside its first value, as an interim (non-final) result."""
    m = re.search("\ue000(\\d+)\ue001(.*?)\ue002", text)
    if not m:
        k = max(1, len(text) // 2)
        return text[:text.rfind(" ", 0, k) if " " in text[:k] else k]
    idx, val = int(m.group(1)), m.group(2)
    kind, meta = rec.metas[idx]
    words = val.split(" ")
    if kind != "span" or len(words) < 3 or meta.get("part"):
        return text[:m.start()].rstrip()
    cut = " ".join(words[:len(words) // 2]).rstrip(",")
    nm = dict(meta)
    nm["form"] = meta["form"] + "_interim"
    nm["partial"] = True
    rec.metas.append(("span", nm))
    return text[:m.start()] + "%s%d%s%s%s" % (S0, len(rec.metas) - 1, S1, cut, S2)


def payload(rec, profile, kind, turns, facts, P):
    rng = rec.rng
    if rec.style == "raw":
        turns = [(w, rawify(t)) for w, t in turns]
    cid = uuid(rng)
    tnow = 1790000000 + rng.randrange(0, 9000000)
    secs = 0.0
    timed = []
    for w, t in turns:
        dur = round(1.2 + rng.random() * 6, 2)
        timed.append((w, t, round(secs, 2), round(secs + dur, 2)))
        secs += dur + round(rng.random() * 1.5, 2)
    if profile == "vapi":
        msgs = [{"role": "bot" if w == "a" else "user", "message": t, "time": tnow * 1000 + int(s * 1000),
                 "secondsFromStart": s} for w, t, s, e in timed]
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": cid, "type": "inboundPhoneCall", "phoneNumberId": uuid(rng)},
                           "customer": {"number": None},
                           "artifact": {"transcript": "\n".join(("AI: " if w == "a" else "User: ") + t for w, t in turns),
                                        "messages": msgs},
                           "analysis": {"summary": summary_text(rec, kind, facts),
                                        "structuredData": structured(rec, facts), "successEvaluation": "true"},
                           "durationSeconds": round(secs, 1), "cost": round(rng.random() * 0.9, 4)}}
        obj["message"]["customer"]["number"] = fact_written(rec, "", "PHONE", P.phone)
        return obj
    if profile == "retell":
        return {"event": "call_analyzed",
                "call": {"call_id": "call_" + rid(rng, 24), "agent_id": "agent_" + rid(rng, 20), "call_type": "phone_call",
                         "direction": "inbound", "from_number": fact_written(rec, "", "PHONE", P.phone), "to_number": "+18005550100",
                         "call_status": "ended", "start_timestamp": tnow * 1000, "end_timestamp": int((tnow + secs) * 1000),
                         "transcript": "\n".join(("Agent: " if w == "a" else "User: ") + t for w, t in turns),
                         "transcript_object": [{"role": "agent" if w == "a" else "user", "content": t,
                                                "words": []} for w, t, s, e in timed],
                         "call_analysis": {"call_summary": summary_text(rec, kind, facts), "user_sentiment": rng.choice(["Neutral", "Negative", "Positive"]),
                                           "call_successful": True, "custom_analysis_data": structured(rec, facts)},
                         "disconnection_reason": "user_hangup"}}
    if profile == "signalwire":
        conv = [{"role": "assistant" if w == "a" else "user", "content": t, "timestamp": tnow + s} for w, t, s, e in timed]
        parsed = structured(rec, facts)
        return {"action": "post_conversation", "app_name": "hospital_front_desk", "call_id": cid,
                "ai_session_id": uuid(rng), "call_start_date": tnow * 1000000, "caller_id_num": fact_written(rec, "", "PHONE", P.phone),
                "call_log": conv, "post_prompt_data": {"raw": summary_text(rec, kind, facts), "substituted": "",
                                                       "parsed": [parsed]},
                "SWMLVars": {"department": kind}}
    if profile == "deepgram":
        if rng.random() < 0.5:
            # streaming log: interim and final results of each turn
            msgs = []
            for i, (w, t, s, e) in enumerate(timed):
                if w == "c" and rng.random() < 0.7:
                    msgs.append({"type": "Results", "channel_index": [i % 2, 2], "duration": round((e - s) / 2, 2), "start": s,
                                 "is_final": False, "speech_final": False,
                                 "channel": {"alternatives": [{"transcript": interim_of(rec, t), "confidence": round(0.6 + rng.random() * 0.3, 3)}]}})
                msgs.append({"type": "Results", "channel_index": [0 if w == "a" else 1, 2], "duration": round(e - s, 2), "start": s,
                             "is_final": True, "speech_final": True,
                             "channel": {"alternatives": [{"transcript": t, "confidence": round(0.85 + rng.random() * 0.14, 3)}]}})
            return {"call_id": cid, "stream": "deepgram-live", "model": "nova-2-phonecall", "smart_format": rec.style == "smart",
                    "messages": msgs, "summary": {"short": summary_text(rec, kind, facts)}}
        utt = [{"start": s, "end": e, "confidence": round(0.8 + rng.random() * 0.19, 3), "channel": 0,
                "speaker": 0 if w == "a" else 1, "transcript": t, "id": uuid(rng)} for w, t, s, e in timed]
        return {"metadata": {"request_id": uuid(rng), "created": "2026-%02d-%02dT%02d:%02d:00Z" % (rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24), rng.randrange(60)),
                             "duration": round(secs, 2), "channels": 1, "models": [uuid(rng)]},
                "results": {"channels": [{"alternatives": [{"transcript": " ".join(t for _, t in turns),
                                                            "confidence": round(0.9 + rng.random() * 0.09, 3)}]}],
                            "utterances": utt,
                            "summary": {"result": "success", "short": summary_text(rec, kind, facts)}}}
    # transcribe
    if rng.random() < 0.5:
        events = []
        for i, (w, t, s, e) in enumerate(timed):
            ch = "ch_0" if w == "a" else "ch_1"
            if rng.random() < 0.6:
                events.append({"Transcript": {"Results": [{"ResultId": uuid(rng), "StartTime": s, "EndTime": round((s + e) / 2, 3),
                                                           "IsPartial": True, "ChannelId": ch,
                                                           "Alternatives": [{"Transcript": interim_of(rec, t)}]}]}})
            events.append({"Transcript": {"Results": [{"ResultId": uuid(rng), "StartTime": s, "EndTime": e, "IsPartial": False,
                                                       "ChannelId": ch, "Alternatives": [{"Transcript": t}]}]}})
        return {"ContactId": cid, "StreamType": "TranscriptEvent", "Events": events,
                "PostCallSummary": structured(rec, facts)}
    segs = [{"start_time": "%.2f" % s, "end_time": "%.2f" % e, "speaker_label": "spk_0" if w == "a" else "spk_1"}
            for w, t, s, e in timed]
    return {"jobName": "call-" + cid, "accountId": "000000000000", "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": " ".join(t for _, t in turns)}],
                        "speaker_labels": {"speakers": 2, "segments": segs},
                        "audio_segments": [{"id": i, "transcript": t, "start_time": "%.2f" % s, "end_time": "%.2f" % e,
                                            "speaker_label": "spk_0" if w == "a" else "spk_1"} for i, (w, t, s, e) in enumerate(timed)]},
            "summary": summary_text(rec, kind, facts)}


# ---------------------------------------------------------------- generation
def pick_kind(rng):
    r = rng.random()
    acc = 0
    for k, w in CALLS:
        acc += w
        if r < acc:
            return k
    return CALLS[-1][0]


def generate(seed, n):
    rng = random.Random(seed)
    used = set()
    n_tr = round(n * 0.6)
    out = []
    for i in range(n):
        is_json = i >= n_tr
        style = rng.choice(["smart", "smart", "raw", "mixed"])
        rec = Rec(random.Random(rng.randrange(1 << 30)), style)
        kind = pick_kind(rng)
        P = Person(rec.rng, used)
        hosp = rec.rng.choice(HOSPITALS)
        turns, facts = run_call(rec, kind, P, hosp, used)
        if is_json:
            profile = PROFILES[(i - n_tr) % len(PROFILES)]
            marked = json.dumps(payload(rec, profile, kind, turns, facts, P), ensure_ascii=False, separators=(",", ":"))
            text, spans, negs = rec.finish(marked)
            r = {"id": "h21-%04d" % i, "format": "json", "profile": profile, "kind": "payload_%s_%s" % (profile, kind)}
        else:
            if rec.style != "raw" and rng.random() < 0.3:
                # a smart-formatted transcript that ends with the LLM summary line
                turns = turns + [("s", summary_text(rec, kind, facts))]
            marked = render_transcript(rec, turns)
            text, spans, negs = rec.finish(marked)
            r = {"id": "h21-%04d" % i, "format": "transcript", "kind": "transcript_%s_%s" % (style, kind)}
        r.update({"text": text, "spans": spans, "negatives": negs})
        out.append(r)
    return out


# ---------------------------------------------------------------- check / stats
W1 = {w: str(i) for i, w in enumerate(ONES)}
W1.update({"oh": "0", "o": "0"})
WT = {w: str(10 + i) for i, w in enumerate(TEENS)}
WX = {w: str(i) for i, w in enumerate(TENS) if w}


def spoken_digits(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in W1:
            out.append(W1[toks[i + 1]] * (2 if t == "double" else 3))
            i += 1
        elif t in W1:
            out.append(W1[t])
        elif t in WT:
            out.append(WT[t])
        elif t in WX:
            if i + 1 < len(toks) and toks[i + 1] in W1 and W1[toks[i + 1]] != "0" and toks[i + 1] not in ("oh", "o"):
                out.append(WX[t] + W1[toks[i + 1]])
                i += 1
            else:
                out.append(WX[t] + "0")
        i += 1
    return "".join(out)


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\] |[A-Za-z][A-Za-z0-9_ ]{0,15}: )\S")
DIGIT_ENTS = ("SSN", "PHONE", "CARD", "NPI", "ZIP", "ACCOUNT")


def json_string_ranges(line):
    """Byte ranges of the contents of every JSON string (keys and values) in a compact line."""
    b = line.encode("utf-8")
    out = []
    i = 0
    while i < len(b):
        if b[i:i + 1] == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            is_key = b[j + 1:j + 2] == b":"
            out.append((i + 1, j, is_key))
            i = j + 1
        else:
            i += 1
    return out


def check_value(s, frag):
    e, v = s["entity"], s.get("value", "")
    errs = []
    if e in DIGIT_ENTS or (e == "MRN" and v.isdigit()):
        got = spoken_digits(frag)
        if e == "PHONE" and len(got) == 11 and got[0] == "1" and frag.startswith("+1"):
            got = got[1:]
        if s.get("part") or s.get("partial"):
            if got not in v:
                errs.append("digits %r not in value %r" % (got, v))
        elif got != v:
            errs.append("digits %r != value %r" % (got, v))
    if e == "SSN":
        if s.get("last4"):
            if not (len(v) == 4 and v != "0000"):
                errs.append("bad ssn last4")
        elif not (len(v) == 9 and v[:3] not in ("000", "666") and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000"):
            errs.append("bad ssn")
    elif e == "PHONE":
        if not (len(v) == 10 and v[3:6] == "555" and v[6:8] == "01"):
            errs.append("bad phone")
    elif e == "NPI":
        if not (len(v) == 10 and v[0] in "12" and luhn_ok("80840" + v)):
            errs.append("bad npi")
    elif e == "CARD":
        if not (luhn_ok(v) and any(v.startswith(p) for p in CARD_PREFIX)):
            errs.append("bad card")
    elif e == "MBI":
        if not MBI_RE.match(v):
            errs.append("bad mbi")
    elif e in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            errs.append("bad date")
    elif e == "ZIP":
        if not (re.fullmatch(r"\d{5}", v) and v != "00000"):
            errs.append("bad zip")
    elif e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+", v):
            errs.append("bad email")
    elif e == "MEMBER_ID":
        if not re.fullmatch(r"[A-Z]{1,3}\d{6,11}", v):
            errs.append("bad member id")
    elif e == "MRN":
        if not re.fullmatch(r"E?\d{7,8}", v):
            errs.append("bad mrn")
    elif e == "NAME":
        if not re.fullmatch(r"[A-Za-z][A-Za-z' -]+", v):
            errs.append("bad name")
    if e in ("EMAIL", "NAME", "CITY", "STREET", "MEMBER_ID", "MBI") and not s.get("spoken"):
        # written values appear verbatim (modulo grouping)
        if e in ("EMAIL", "NAME", "CITY") and frag != v:
            errs.append("written %s %r != %r" % (e, frag, v))
    return errs


def check(records):
    errs = []
    ids = set()
    for r in records:
        rid_ = r["id"]
        if rid_ in ids:
            errs.append("%s duplicate id" % rid_)
        ids.add(rid_)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "json":
            try:
                json.loads(text)
            except ValueError as ex:
                errs.append("%s json: %s" % (rid_, ex))
                continue
            if text != json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")):
                errs.append("%s not compact json" % rid_)
            if r.get("profile") not in PROFILES:
                errs.append("%s bad profile" % rid_)
            strs = json_string_ranges(text)
        elif r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s %d turns" % (rid_, len(lines)))
            for ln in lines:
                if not LINE_RE.match(ln):
                    errs.append("%s bad line %r" % (rid_, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s blank/trailing line" % rid_)
        else:
            errs.append("%s bad format" % rid_)
        allr = [(s["start"], s["end"], "span") for s in r["spans"]] + [(n["start"], n["end"], "neg") for n in r["negatives"]]
        allr.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(allr, allr[1:]):
            if a2 < z1:
                errs.append("%s overlap %s %d-%d / %s %d-%d" % (rid_, k1, a1, z1, k2, a2, z2))
        for a, z, k in allr:
            if not (0 <= a < z <= len(b)):
                errs.append("%s offsets %d-%d" % (rid_, a, z))
                continue
            frag = b[a:z].decode("utf-8")
            if frag != frag.strip() or "\n" in frag:
                errs.append("%s span edges/newline %r" % (rid_, frag))
            if r["format"] == "json" and not any(sa <= a and z <= sz and not key for sa, sz, key in strs):
                errs.append("%s span outside a JSON string value %r" % (rid_, frag))
        for s in r["spans"]:
            if s["entity"] not in ENTITIES:
                errs.append("%s entity %s" % (rid_, s["entity"]))
            if s.get("cue") not in ("same", "prev", "none") or not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s span fields %r" % (rid_, s))
            frag = b[s["start"]:s["end"]].decode("utf-8")
            for e in check_value(s, frag):
                errs.append("%s %s %r: %s" % (rid_, s["entity"], frag, e))
        for n in r["negatives"]:
            if not n.get("what"):
                errs.append("%s negative without what" % rid_)
    return errs


def stats(records):
    c = collections.Counter()
    cc = collections.Counter()
    negs = collections.Counter()
    forms = collections.Counter()
    kinds = collections.Counter()
    for r in records:
        kinds[r["kind"] if r["format"] == "transcript" else "json_" + r["profile"]] += 1
        for s in r["spans"]:
            sp = "spoken" if s["spoken"] else "written"
            c[s["entity"]] += 1
            cc[(s["entity"], sp, s["cue"])] += 1
            forms[s["form"]] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out = ["records: %d (transcript %d, json %d)" % (len(records), sum(r["format"] == "transcript" for r in records),
                                                      sum(r["format"] == "json" for r in records))]
    out.append("entity      total  spoken(same/prev/none)  written(same/prev/none)")
    for e in ENTITIES:
        out.append("%-10s %6d   %4d/%4d/%4d          %4d/%4d/%4d" % (
            e, c[e], cc[(e, "spoken", "same")], cc[(e, "spoken", "prev")], cc[(e, "spoken", "none")],
            cc[(e, "written", "same")], cc[(e, "written", "prev")], cc[(e, "written", "none")]))
    out.append("negatives: %d  %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    out.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("forms: %d distinct" % len(forms))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        with open(a.check, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        print("check: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
