#!/usr/bin/env python3
"""gen_holdout29.py - independent spoken-PHI corpus, holdout 29.

Oncology prior-authorization, specialty-pharmacy and benefits-investigation phone calls, as
Amazon Transcribe, Deepgram (smart formatting off) and LLM voice agents write them down:
whole transcripts and vendor JSON payloads, every injected PHI value labelled with byte offsets,
plus labelled hard negatives (HCPCS/CPT/ICD-10/NDC codes, reference and case numbers, doses,
cycle/day, lot numbers, dates of service, tax ids, extensions...).

  python3 gen_holdout29.py [--seed 2929] [-n 150] > holdout29.jsonl
  python3 gen_holdout29.py --stats              # counts of a fresh generation
  python3 gen_holdout29.py --check holdout29.jsonl   # re-validate a file (+ its stats)

Python 3 standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is (all randomness comes from random.Random seeded with strings; no set/dict
iteration order is relied on beyond insertion order).
"""
import argparse
import collections
import csv
import datetime
import glob
import json
import os
import random
import re
import sys
import unicodedata

DEFAULT_SEED = 2929
N_RECORDS = 150

ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL",
            "NPI", "MEMBER_ID", "NAME"]
CUES = ["same", "prev", "none"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
NEG_WHATS = ["dose", "time", "duration", "money", "count", "age", "weight", "year", "percentage",
             "appointment_date", "date_of_service", "confirmation_number", "order_number",
             "reference_number", "authorization_number", "case_number", "emergency_number",
             "menu_option", "common_word", "ndc_code", "hcpcs_code", "cpt_code", "icd10_code",
             "cycle_day", "lot_number", "tax_id", "extension", "page_count", "place_of_service"]

# ----------------------------------------------------------------------------- value pools
FIRST_F = ["Maria", "Linda", "Patricia", "Deborah", "Sharon", "Denise", "Gloria", "Teresa",
           "Yolanda", "Carmen", "Lakisha", "Tamika", "Priya", "Mei", "Anh", "Fatima", "Rosa",
           "Janet", "Brenda", "Diane", "Kathleen", "Monique", "Ayesha", "Hannah", "Olga",
           "Ingrid", "Renee", "Lucía", "Beatriz", "Noreen", "Colleen", "Shanice"]
FIRST_M = ["James", "Robert", "Michael", "David", "Richard", "Joseph", "Thomas", "Charles",
           "Daniel", "Anthony", "Kevin", "Luis", "José", "Tyrone", "DeShawn", "Hiroshi", "Raj",
           "Omar", "Emre", "Nikolai", "Curtis", "Wendell", "Rafael", "Trevor", "Dmitri", "Andre",
           "Gerald", "Lamar", "Ernesto", "Vikram", "Duane", "Harold"]
LAST = ["Reyes", "Nguyen", "Okafor", "Patel", "Kowalski", "Hernandez", "Johnson", "Washington",
        "Kim", "O'Brien", "Castillo", "Brennan", "Yamamoto", "Abernathy", "Schultz", "Delgado",
        "Thibodeaux", "Nakamura", "Friedman", "Oyelaran", "Gallagher", "Haddad", "Lindqvist",
        "Peña", "Muñoz", "Fitzgerald", "Whitaker", "Ramanathan", "Dubois", "Szymanski",
        "Acheampong", "Villanueva", "McAllister", "Petrov", "Baptiste", "Ferreira", "Holloway",
        "Sandoval", "Ostrowski", "Mahmoud", "Calloway", "Zielinski", "Broussard", "Espinoza"]
CITIES = [("Columbus", "OH", ["43204", "43213", "43220"]), ("Tucson", "AZ", ["85705", "85719"]),
          ("Fresno", "CA", ["93704", "93726"]), ("Omaha", "NE", ["68104", "68132"]),
          ("Raleigh", "NC", ["27603", "27610"]), ("Spokane", "WA", ["99201", "99208"]),
          ("Albany", "NY", ["12203", "12208"]), ("Knoxville", "TN", ["37917", "37919"]),
          ("Lubbock", "TX", ["79407", "79424"]), ("Springfield", "IL", ["62704", "62702"]),
          ("Boise", "ID", ["83704", "83709"]), ("Toledo", "OH", ["43607", "43615"]),
          ("Savannah", "GA", ["31405", "31406"]), ("Worcester", "MA", ["01604", "01606"]),
          ("Hartford", "CT", ["06106", "06114"]), ("Paterson", "NJ", ["07501", "07514"]),
          ("Bangor", "ME", ["04401"]), ("Tulsa", "OK", ["74105", "74133"]),
          ("Des Moines", "IA", ["50310", "50315"]), ("Baton Rouge", "LA", ["70806", "70810"]),
          ("El Paso", "TX", ["79912", "79925"]), ("Grand Rapids", "MI", ["49503", "49508"]),
          ("Santa Rosa", "CA", ["95404", "95409"]), ("Fort Wayne", "IN", ["46805", "46815"]),
          ("Chattanooga", "TN", ["37404", "37411"]), ("Allentown", "PA", ["18102", "18104"])]
STREET_NAMES = ["Elm", "Maple", "Oak Hollow", "Birchwood", "Cedar Ridge", "Sycamore", "Magnolia",
                "Willow Creek", "Lincoln", "Jefferson", "Kensington", "Prospect", "Ridgeview",
                "Harbor View", "Old Mill", "Chestnut", "Linden", "Briarwood", "Juniper",
                "Cottonwood", "Laurel", "Quail Run", "Meadowlark", "Fairmont", "Dogwood", "Pecan",
                "Hawthorne", "Larkspur", "Tamarack", "Bluebonnet"]
SUFFIXES = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
            ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Place", "Pl."),
            ("Way", "Way"), ("Circle", "Cir.")]
AREA_CODES = ["212", "312", "415", "617", "713", "206", "303", "404", "503", "602", "614", "704",
              "919", "520", "559", "402", "509", "518", "865", "806", "217", "208", "419", "912",
              "508", "860", "973", "207", "918", "515", "225", "915", "616", "707", "260", "423"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
                 "comcast.net", "att.net"]
PAYERS = ["Summit Health Plan", "Lakeshore Medicare Advantage", "Keystone Blue", "Prairie Mutual",
          "Evergreen Health Partners", "Bayview Community Health Plan", "Northstar Care"]
PHARMACIES = ["Meridian Specialty Pharmacy", "Crescent Specialty Rx", "Beacon Oncology Pharmacy",
              "Harborline Specialty Pharmacy", "Cardinal Point Specialty"]
CLINICS = ["Riverside Hematology and Oncology", "Valley Cancer Center", "Lakeside Oncology",
           "Northgate Cancer Institute", "Parkview Hematology", "Summit Oncology Associates"]
HOSPITALS = ["St. Agnes", "Mercy General", "the university hospital", "Providence"]
# infused drugs (HCPCS, typical dose spec) for payer calls
INFUSED = [("Keytruda", "J9271", (200, "mg")), ("Opdivo", "J9299", (480, "mg")),
           ("Herceptin", "J9355", (6, "mg/kg")), ("Perjeta", "J9306", (420, "mg")),
           ("Avastin", "J9035", (15, "mg/kg")), ("paclitaxel", "J9267", (175, "mg/m2")),
           ("carboplatin", "J9045", (750, "mg")), ("Xgeva", "J0897", (120, "mg")),
           ("Neulasta", "J2506", (6, "mg")), ("Darzalex", "J9145", (16, "mg/kg")),
           ("Imfinzi", "J9173", (1500, "mg")), ("docetaxel", "J9171", (75, "mg/m2"))]
# oral / self-injected drugs for specialty pharmacy calls
ORALS = [("Ibrance", (125, "mg")), ("Verzenio", (150, "mg")), ("Lynparza", (300, "mg")),
         ("Tagrisso", (80, "mg")), ("Imbruvica", (420, "mg")), ("Revlimid", (25, "mg")),
         ("Xtandi", (160, "mg")), ("capecitabine", (1000, "mg/m2")), ("Kisqali", (600, "mg")),
         ("Zytiga", (1000, "mg")), ("Calquence", (100, "mg")), ("Zarxio", (480, "mcg"))]
CPTS = ["96413", "96415", "96417", "96401", "96372", "96409", "96411", "99214"]
ICDS = ["C50.911", "C50.912", "C34.90", "C34.11", "C18.9", "C61", "C90.00", "C85.90", "C92.10",
        "C25.9", "C56.9", "C50.411", "C20", "C67.9", "D63.0"]
EIN_PREFIXES = ["10", "12", "20", "23", "27", "31", "35", "38", "41", "46", "52", "58", "62", "74",
                "81", "84", "86", "88", "93", "95"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "David", "e": "Edward", "f": "Frank",
         "g": "George", "h": "Henry", "i": "ice", "j": "John", "k": "king", "l": "Larry",
         "m": "Mary", "n": "Nancy", "o": "ocean", "p": "Peter", "q": "queen", "r": "Robert",
         "s": "Sam", "t": "Tom", "u": "umbrella", "v": "Victor", "w": "William", "x": "x-ray",
         "y": "yellow", "z": "zebra"}
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
ID_ALPHA = "ABCDEFGHJKLMNPQRTUVWXYZ"  # member-id letters (no I, O, S)
FILLERS = ("uh", "um")
ABBREV = ("dr.", "mr.", "ms.", "mrs.", "st.", "a.m.", "p.m.", "ave.", "rd.", "ln.", "ct.",
          "blvd.", "pl.", "cir.", "apt.")


def deaccent(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def luhn_ok(digits):
    tot = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


# ----------------------------------------------------------------------------- number words
def num_words(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + num_words(rest))
    rest = n % 1000
    return num_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + num_words(rest))


def pair_words(s, zero="oh"):
    """Two digits read as a number: '07' -> 'oh seven', '32' -> 'thirty two'."""
    if s[0] == "0":
        return zero + " " + ONES[int(s[1])] if s[1] != "0" else zero + " " + zero
    return num_words(int(s))


def year_words(y, r):
    if 2000 <= y <= 2009:
        return r.choice(["two thousand ", "two thousand and "]) + ONES[y - 2000] if y > 2000 \
            else "two thousand"
    if y >= 2010:
        return r.choice(["twenty " + num_words(y - 2000), "two thousand " + num_words(y - 2000)])
    hi, lo = divmod(y, 100)
    return num_words(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else num_words(lo))


def ord_words(d):
    if d <= 20:
        return ORDS[d]
    if d == 30:
        return "thirtieth"
    return TENS[d // 10] + " " + ORDS[d % 10]


def ord_suffix(d):
    if 10 <= d % 100 <= 20:
        return "%dth" % d
    return "%d%s" % (d, {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def split_groups(s, groups):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    if i < len(s):
        out.append(s[i:])
    return [g for g in out if g]


def say_digits(s, r, groups=None, zero=None, doubles=None, pairs_last=None, filler=None,
               sep=" "):
    """Digits spoken one by one. Returns (text, form-fragments)."""
    zero = zero or r.choice(["zero", "zero", "oh", "o"])
    doubles = r.random() < 0.3 if doubles is None else doubles
    pairs_last = r.random() < 0.2 if pairs_last is None else pairs_last
    filler = r.random() < 0.2 if filler is None else filler
    gs = split_groups(s, groups or [len(s)])
    words = []
    used_double = used_pairs = False
    for gi, g in enumerate(gs):
        gw = []
        if pairs_last and gi == len(gs) - 1 and len(g) == 4 and g[0] != "0" and g[2] != "0":
            gw = [pair_words(g[:2], zero), pair_words(g[2:], zero)]
            used_pairs = True
        else:
            i = 0
            while i < len(g):
                d = g[i]
                w = zero if d == "0" else ONES[int(d)]
                if doubles and i + 2 < len(g) and g[i + 1] == d and g[i + 2] == d:
                    gw.append("triple " + w)
                    i += 3
                    used_double = True
                elif doubles and i + 1 < len(g) and g[i + 1] == d:
                    gw.append("double " + w)
                    i += 2
                    used_double = True
                else:
                    gw.append(w)
                    i += 1
        words.append(" ".join(gw))
    text = ""
    used_filler = False
    for gi, w in enumerate(words):
        if gi:
            if filler and not used_filler and gi == 1 and len(words) > 2:
                text += sep.rstrip() + " " + r.choice(FILLERS) + " "
                used_filler = True
            else:
                text += sep
        text += w
    form = "words_" + {"zero": "zero", "oh": "oh", "o": "o"}[zero]
    if used_double:
        form += "_double"
    if used_pairs:
        form += "_pairs"
    if used_filler:
        form += "_uh"
    if sep.strip():
        form += "_comma"
    return text, form


def written_digits(s, r, groups, style):
    gs = split_groups(s, groups)
    if style == "run":
        return s, "digits_run"
    if style == "space":
        return " ".join(gs), "digits_space"
    if style == "dash":
        return "-".join(gs), "digits_dash"
    if style == "digit_dashes":
        return "-".join(s), "digit_dashes"
    if style == "group_digit_dashes":
        return ", ".join("-".join(g) for g in gs), "group_digit_dashes"
    raise ValueError(style)


def spoken_or_written_digits(s, voice, r, groups, llm_styles, tx_styles, word_p_tx=0.3,
                             mixed_ok=True):
    """Generic digit-string renderer for one voice. Returns (text, form, spoken)."""
    if voice == "dg":
        t, f = say_digits(s, r, groups)
        return t, f, True
    if voice == "llm":
        t, f = written_digits(s, r, groups, r.choice(llm_styles))
        return t, f, False
    # Amazon Transcribe: mostly digits; sometimes it leaves words
    x = r.random()
    if x < word_p_tx:
        t, f = say_digits(s, r, groups, zero=r.choice(["zero", "oh"]), filler=False,
                          sep=r.choice([" ", ", "]))
        return t, f, True
    if mixed_ok and x < word_p_tx + 0.12 and len(split_groups(s, groups)) > 1:
        gs = split_groups(s, groups)
        first, _ = say_digits(gs[0], r, None, zero="oh", doubles=False, pairs_last=False,
                              filler=False)
        return first + " " + " ".join(gs[1:]), "mixed_words_digits", True
    t, f = written_digits(s, r, groups, r.choice(tx_styles))
    return t, f, False


# ----------------------------------------------------------------------------- renderers
def name_case(s, voice):
    if voice == "dg":
        return deaccent(s).lower()
    if voice == "tx":
        return deaccent(s)
    return s


def render_name(v, voice, r, mode):
    if mode != "spell":
        return name_case(v, voice), "name_" + ("lower" if voice == "dg" else "cased"), voice != "llm"
    letters = [c for c in deaccent(v).lower() if c.isalpha()]
    if voice == "llm":
        return "-".join(c.upper() for c in letters), "spelled_dashes", False
    x = r.random()
    if x < 0.45:
        t = " ".join(letters) if voice == "dg" else " ".join(c.upper() for c in letters)
        return t, "spelled_letters_space", True
    if x < 0.75:
        sep = ", " if voice == "tx" else " "
        parts = []
        for c in letters:
            w = AS_IN[c]
            parts.append((c if voice == "dg" else c.upper()) + " as in " +
                         (w.lower() if voice == "dg" else w))
        return sep.join(parts), "spelled_as_in" + ("_comma" if voice == "tx" else ""), True
    parts = [NATO[c] if voice == "dg" else NATO[c].capitalize() for c in letters]
    return " ".join(parts), "spelled_nato_space", True


def render_date(iso, voice, r):
    y, m, d = (int(x) for x in iso.split("-"))
    mon = MONTHS[m - 1]
    yy = "%02d" % (y % 100)
    if voice == "dg":
        x = r.randrange(7)
        if x == 0:
            return "%s %s %s" % (mon.lower(), ord_words(d), year_words(y, r)), "month_ord_full", True
        if x == 1:
            return "%s %s %s" % (mon.lower(), num_words(d), year_words(y, r)), "month_card_full", True
        if x == 2:
            return "%s %s %s" % (num_words(m), num_words(d), pair_words(yy)), "num_mdy_nolead_short", True
        if x == 3:
            return "%s %s %s" % (pair_words("%02d" % m), pair_words("%02d" % d),
                                 year_words(y, r)), "num_mdy_lead_full", True
        if x == 4:
            return "the %s of %s %s" % (ord_words(d), mon.lower(), year_words(y, r)), "the_d_of_m_full", True
        if x == 5:
            t, _ = say_digits("%02d%02d%04d" % (m, d, y), r, [2, 2, 4], zero=r.choice(["zero", "oh"]),
                              doubles=False, pairs_last=False, filler=False)
            return t, "digitwise_mmddyyyy", True
        return "%s uh %s %s" % (mon.lower(), ord_words(d), year_words(y, r)), "month_ord_full_uh", True
    if voice == "llm":
        x = r.randrange(4)
        if x == 0:
            return "%02d/%02d/%04d" % (m, d, y), "written_mdy_slash", False
        if x == 1:
            return "%s %d, %d" % (mon, d, y), "written_month_d_y", False
        if x == 2:
            return "%d/%d/%04d" % (m, d, y), "written_mdy_nolead", False
        return "%s %s, %d" % (mon, ord_suffix(d), y), "written_month_dth_y", False
    x = r.randrange(7)
    if x == 0:
        return "%02d/%02d/%04d" % (m, d, y), "written_mdy_slash", False
    if x == 1:
        return "%d/%d/%s" % (m, d, yy), "written_mdy_short", False
    if x == 2:
        return "%s %s %d" % (mon, ord_suffix(d), y), "written_month_dth_y", False
    if x == 3:
        return "%s %d, %d" % (mon, d, y), "written_month_d_y", False
    if x == 4:
        return "%d %d %s" % (m, d, yy), "digits_mdy_space_short", False
    if x == 5:
        return "%s %s, %d" % (mon, ord_words(d), y), "mixed_month_ord_digits_year", True
    return "%s %s %s" % (mon.lower(), ord_words(d), year_words(y, r)), "month_ord_full", True


def render_alnum(v, voice, r, groups):
    """Member ids, MBIs: letters and digits."""
    if voice == "llm":
        if r.random() < 0.7:
            return v, "alnum_plain", False
        return "-".join(v), "alnum_char_dashes", False
    runs = re.findall(r"[A-Z]+|\d+", v)
    if voice == "tx" and r.random() < 0.65:
        x = r.random()
        if x < 0.35:
            return v, "alnum_plain", False
        if x < 0.7:
            return " ".join(split_groups(v, groups)), "alnum_groups", False
        out = []
        for run in runs:
            out.append(" ".join(run) if run.isalpha() else run)
        return " ".join(out), "alnum_letters_spaced_digits", False
    style = r.choice(["letters", "letters", "nato", "as_in"])
    zero = r.choice(["zero", "oh"])
    parts = []
    for run in runs:
        if run.isalpha():
            for c in run.lower():
                if style == "nato":
                    parts.append(NATO[c] if voice == "dg" else NATO[c].capitalize())
                elif style == "as_in":
                    parts.append((c if voice == "dg" else c.upper()) + " as in " +
                                 (AS_IN[c].lower() if voice == "dg" else AS_IN[c]))
                else:
                    parts.append(c if voice == "dg" else c.upper())
        else:
            t, _ = say_digits(run, r, [3, 3, 3, 3], zero=zero, doubles=r.random() < 0.25,
                              pairs_last=False, filler=False)
            parts.append(t)
    return " ".join(parts), "alnum_%s_numbers_%s" % (style, zero), True


def render_email(v, voice, r):
    local, domain = v.split("@")
    if voice == "llm":
        return v, "email_written", False
    if voice == "tx" and r.random() < 0.4:
        return v, "email_written", False

    def sp_local(spell):
        out = []
        for tok in re.findall(r"[a-z]+|\d+|[._-]", local):
            if tok == ".":
                out.append("dot")
            elif tok == "_":
                out.append("underscore")
            elif tok == "-":
                out.append("dash")
            elif tok.isdigit():
                out.append(tok if voice == "tx" else
                           (num_words(int(tok)) if len(tok) == 2 and r.random() < 0.6
                            else " ".join(ONES[int(c)] for c in tok)))
            elif spell:
                out.append(" ".join(tok))
            else:
                out.append(tok)
        return " ".join(out)

    dom = domain.replace(".", " dot ")
    spell = r.random() < 0.3
    if voice == "tx" and r.random() < 0.5:
        return sp_local(spell) + " at " + domain, "email_spoken_local" + ("_spelled" if spell else ""), True
    return sp_local(spell) + " at " + dom, "email_spoken" + ("_spelled" if spell else ""), True


def house_words(num, r):
    if len(num) == 4 and num[2] != "0" and r.random() < 0.6:
        return pair_words(num[:2]) + " " + pair_words(num[2:]), "house_pairs"
    if len(num) == 4 and num[2] == "0" and num[3] != "0" and r.random() < 0.6:
        return pair_words(num[:2]) + " oh " + ONES[int(num[3])], "house_pairs_oh"
    if len(num) == 3 and num[1] != "0" and r.random() < 0.6:
        return ONES[int(num[0])] + " " + pair_words(num[1:]), "house_one_pair"
    if len(num) <= 2:
        return num_words(int(num)), "house_number"
    t, _ = say_digits(num, r, None, zero="oh", doubles=False, pairs_last=False, filler=False)
    return t, "house_digits"


def render_street(st, voice, r):
    num, name, suf, abbr, unit = st
    if voice == "llm":
        s = "%s %s %s" % (num, name, abbr if r.random() < 0.5 else suf)
        if unit:
            s += ", " + ("Apt " if unit[0] == "Apartment" else unit[0] + " ") + unit[1]
        return s, "written_street" + ("_unit" if unit else ""), False
    if voice == "tx":
        s = "%s %s %s" % (num, name, suf)
        if unit:
            s += " %s %s" % (unit[0], unit[1])
        if r.random() < 0.2:
            hw, _ = house_words(num, r)
            return hw + s[len(num):], "tx_house_words" + ("_unit" if unit else ""), True
        return s, "tx_house_digits" + ("_unit" if unit else ""), True
    hw, f = house_words(num, r)
    s = "%s %s %s" % (hw, name.lower(), suf.lower())
    if unit:
        u = unit[1]
        uw = " ".join(ONES[int(c)] if c.isdigit() else c.lower() for c in u) if r.random() < 0.6 \
            else (num_words(int(re.sub(r"\D", "", u))) + ((" " + re.sub(r"\d", "", u).lower())
                                                          if re.sub(r"\d", "", u) else ""))
        s += " %s %s" % (unit[0].lower(), uw)
        f += "_unit"
    return s, f, True


def render_value(ctx, key, mode, voice, r):
    ent, v = ctx.values[key]
    if ent == "NAME":
        return render_name(v, voice, r, mode)
    if ent == "CITY":
        return name_case(v, voice), "city_" + ("lower" if voice == "dg" else "cased"), voice != "llm"
    if ent in ("DOB", "DATE"):
        return render_date(v, voice, r)
    if ent == "PHONE":
        if voice == "llm" and r.random() < 0.3:
            return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "paren_dash", False
        return spoken_or_written_digits(v, voice, r, [3, 3, 4],
                                        ["dash", "dash", "digit_dashes", "space"],
                                        ["space", "run", "dash"], word_p_tx=0.3)
    if ent == "SSN":
        if mode == "last4":
            if voice == "dg" and r.random() < 0.3 and v[0] != "0" and v[2] != "0":
                return pair_words(v[:2]) + " " + pair_words(v[2:]), "last4_pairs", True
            t, f, sp = spoken_or_written_digits(v, voice, r, [4], ["run", "digit_dashes"], ["run"],
                                                word_p_tx=0.35, mixed_ok=False)
            return t, "last4_" + f, sp
        return spoken_or_written_digits(v, voice, r, [3, 2, 4], ["dash", "dash", "digit_dashes"],
                                        ["dash", "space", "run"], word_p_tx=0.35)
    if ent == "MRN":
        g = ctx.mrn_groups
        return spoken_or_written_digits(v, voice, r, g, ["run", "run", "digit_dashes"],
                                        ["run", "space"], word_p_tx=0.35)
    if ent == "NPI":
        return spoken_or_written_digits(v, voice, r, [3, 3, 4], ["run", "digit_dashes"],
                                        ["run", "space"], word_p_tx=0.3)
    if ent == "CARD":
        g = [4, 6, 5] if len(v) == 15 else [4, 4, 4, 4]
        return spoken_or_written_digits(v, voice, r, g, ["dash", "space", "group_digit_dashes"],
                                        ["space", "run", "space"], word_p_tx=0.4)
    if ent == "ZIP":
        if voice == "dg":
            if r.random() < 0.3 and v[3] != "0":
                t, _ = say_digits(v[:3], r, None, zero=r.choice(["zero", "oh"]), doubles=False,
                                  pairs_last=False, filler=False)
                return t + " " + pair_words(v[3:]), "words_last_pair", True
            t, f = say_digits(v, r, None, filler=False, pairs_last=False)
            return t, f, True
        if voice == "tx" and r.random() < 0.35:
            t, f = say_digits(v, r, None, zero=r.choice(["zero", "oh"]), filler=False,
                              pairs_last=False, doubles=False)
            return t, f, True
        return v, "digits_zip5", False
    if ent == "EMAIL":
        return render_email(v, voice, r)
    if ent == "STREET":
        return render_street(ctx.street_parts, voice, r)
    if ent == "MEMBER_ID":
        return render_alnum(v, voice, r, [3, 3, 3, 3])
    if ent == "MBI":
        return render_alnum(v, voice, r, [4, 3, 4])
    raise ValueError(ent)


# ----------------------------------------------------------------------------- negatives
def code_words(s, r, zero=None):
    zero = zero or r.choice(["zero", "oh"])
    out = []
    for c in s:
        if c.isdigit():
            out.append(zero if c == "0" else ONES[int(c)])
        elif c.isalpha():
            out.append(c.lower())
    return " ".join(out)


def render_neg(what, spec, voice, r):
    dg, llm = voice == "dg", voice == "llm"
    if what in ("reference_number", "authorization_number", "case_number", "order_number",
                "confirmation_number", "lot_number", "ndc_code", "tax_id", "extension"):
        s = spec
        if dg:
            if what == "extension" and r.random() < 0.4 and s[2] != "0" and s[0] != "0":
                return pair_words(s[:2]) + " " + pair_words(s[2:])
            return code_words(s, r)
        if voice == "tx" and what in ("reference_number", "order_number", "confirmation_number") \
                and r.random() < 0.3:
            return " ".join(split_groups(re.sub(r"\W", "", s), [3, 3, 3, 3]))
        return s
    if what == "hcpcs_code":
        if dg:
            return spec[0].lower() + " " + (code_words(spec[1:], r) if r.random() < 0.6 else
                                            pair_words(spec[1:3]) + " " + pair_words(spec[3:5]))
        return spec if llm or r.random() < 0.6 else spec[0] + " " + spec[1:]
    if what == "cpt_code":
        if dg:
            return code_words(spec, r) if r.random() < 0.6 else \
                pair_words(spec[:2]) + " " + ONES[int(spec[2])] + " " + pair_words(spec[3:])
        return spec
    if what == "icd10_code":
        if dg:
            head, _, tail = spec.partition(".")
            t = head[0].lower() + " " + (num_words(int(head[1:])) if r.random() < 0.6
                                         else code_words(head[1:], r))
            if tail:
                t += " point " + code_words(tail, r)
            return t
        return spec if llm or r.random() < 0.7 else spec[0] + " " + spec[1:]
    if what == "dose":
        amt, unit = spec
        if dg:
            uw = {"mg": "milligrams", "mcg": "micrograms", "mg/m2": "milligrams per meter squared",
                  "mg/kg": "milligrams per kilo"}[unit]
            return num_words(amt) + " " + uw
        if llm:
            if unit == "mg/m2" and r.random() < 0.4:
                return "%d mg/m²" % amt
            return "%d %s" % (amt, unit)
        uw = {"mg": "mg", "mcg": "micrograms", "mg/m2": "milligrams per meter squared",
              "mg/kg": "milligrams per kilogram"}[unit]
        return "%d %s" % (amt, uw)
    if what == "cycle_day":
        c, d = spec
        if dg:
            return "cycle %s day %s" % (num_words(c), num_words(d))
        if llm:
            return r.choice(["Cycle %d Day %d" % (c, d), "C%dD%d" % (c, d)])
        return "cycle %d day %d" % (c, d)
    if what in ("date_of_service", "appointment_date", "submission_date"):
        y, m, d = spec
        if dg:
            return "%s %s" % (MONTHS[m - 1].lower(), ord_words(d)) if r.random() < 0.7 else \
                "the %s" % ord_words(d)
        if llm:
            return "%02d/%02d/%04d" % (m, d, y) if r.random() < 0.5 else "%s %d" % (MONTHS[m - 1], d)
        return "%s %s" % (MONTHS[m - 1], ord_suffix(d)) if r.random() < 0.7 else "%d/%d" % (m, d)
    if what in ("page_count", "count", "place_of_service", "age"):
        n, noun = spec
        t = num_words(n) if dg else str(n)
        return t + (" " + noun if noun else "")
    if what == "money":
        dollars, cents = spec
        if dg:
            t = num_words(dollars) + " dollars"
            if cents:
                t += " and " + num_words(cents) + " cents"
            return t
        t = "${:,}".format(dollars)
        if cents or (llm and r.random() < 0.5):
            t += ".%02d" % cents
        return t
    if what == "percentage":
        return num_words(spec) + " percent" if dg else "%d%%" % spec
    if what == "duration":
        n, unit = spec
        return (num_words(n) if dg else str(n)) + " " + unit
    if what == "weight":
        return num_words(spec) + " kilos" if dg else ("%d kg" % spec if llm else "%d kilos" % spec)
    if what == "time":
        h, mnt = spec
        ap = "AM" if h < 12 else "PM"
        h12 = h if h <= 12 else h - 12
        if dg:
            return num_words(h12) + ("" if not mnt else " " + pair_words("%02d" % mnt)) + " " + \
                ap.lower().replace("m", " m" if r.random() < 0.5 else "m").strip()
        if llm:
            return "%d:%02d %s" % (h12, mnt, ap)
        return ("%d:%02d" % (h12, mnt) if mnt else "%d" % h12) + " " + ap.lower()[0] + ".m."
    if what == "year":
        return year_words(spec, r) if dg else str(spec)
    if what == "menu_option":
        return "press " + (ONES[spec] if dg else str(spec))
    if what == "emergency_number":
        return "nine one one" if dg else "911"
    if what == "common_word":
        return spec.lower() if dg else spec
    raise ValueError(what)


# ----------------------------------------------------------------------------- rich strings
class R:
    """A string with annotations [(char_start, char_end, ann_dict)]."""

    def __init__(self, text="", anns=None):
        self.text = text
        self.anns = anns or []

    def sub(self, a, b):
        out = []
        for cs, ce, ann in self.anns:
            if ce <= a or cs >= b:
                continue
            ncs, nce = max(cs, a), min(ce, b)
            piece = self.text[ncs:nce]
            if not any(ch.isalnum() for ch in piece) or piece.lower() in FILLERS:
                continue
            if ncs != cs or nce != ce:
                ann = dict(ann, part=True)
            out.append((ncs - a, nce - a, ann))
        return R(self.text[a:b], out)

    def __add__(self, other):
        if isinstance(other, str):
            other = R(other)
        n = len(self.text)
        return R(self.text + other.text, self.anns + [(a + n, b + n, x) for a, b, x in other.anns])

    def __radd__(self, other):
        return R(other) + self

    def cap(self):
        if self.text and self.text[0].isascii() and self.text[0].islower():
            return R(self.text[0].upper() + self.text[1:], self.anns)
        return self

    @staticmethod
    def join(sep, items):
        out = R()
        for i, it in enumerate(items):
            if i:
                out = out + sep
            out = out + it
        return out


def serialize(obj):
    """Compact JSON of obj (R allowed where strings are); returns (text, char-anns)."""
    pieces, anns = [], []
    pos = [0]

    def emit(s):
        pieces.append(s)
        pos[0] += len(s)

    def esc(s):
        return json.dumps(s, ensure_ascii=False)[1:-1]

    def walk(o):
        if isinstance(o, R):
            emit('"')
            cur = 0
            for cs, ce, ann in sorted(o.anns, key=lambda x: x[0]):
                emit(esc(o.text[cur:cs]))
                st = pos[0]
                emit(esc(o.text[cs:ce]))
                anns.append((st, pos[0], ann))
                cur = ce
            emit(esc(o.text[cur:]))
            emit('"')
        elif isinstance(o, dict):
            emit("{")
            for i, (k, v) in enumerate(o.items()):
                if i:
                    emit(",")
                emit(json.dumps(k, ensure_ascii=False) + ":")
                walk(v)
            emit("}")
        elif isinstance(o, list):
            emit("[")
            for i, v in enumerate(o):
                if i:
                    emit(",")
                walk(v)
            emit("]")
        else:
            emit(json.dumps(o, ensure_ascii=False))

    walk(obj)
    return "".join(pieces), anns


def plain(o):
    if isinstance(o, R):
        return o.text
    if isinstance(o, dict):
        return {k: plain(v) for k, v in o.items()}
    if isinstance(o, list):
        return [plain(v) for v in o]
    return o


# ----------------------------------------------------------------------------- script parts
class C:
    def __init__(self, text):
        self.text = text


class V:
    def __init__(self, key, cue, mode=None):
        self.key, self.cue, self.mode = key, cue, mode


class N:
    def __init__(self, what, spec):
        self.what, self.spec = what, spec


DG_SUBS = [(r"\bDr\.", "doctor"), (r"\bMr\.", "mister"), (r"\bMs\.", "miss"),
           (r"\bMrs\.", "missus"), (r"\bSt\.", "saint"), (r"e-mail", "email")]


def carrier(text, voice):
    if voice != "dg":
        return text
    t = text
    for a, b in DG_SUBS:
        t = re.sub(a, b, t)
    t = t.lower()
    t = re.sub(r"[.,?!;:\"()]", "", t)
    t = t.replace(" - ", " ").replace("-", " ")
    t = re.sub(r" +", " ", t)
    return t


def build_turn(ctx, parts, voice, r):
    out = R()
    for p in parts:
        if isinstance(p, str):
            p = C(p)
        if isinstance(p, C):
            piece = R(carrier(p.text, voice))
        elif isinstance(p, V):
            text, form, spoken = render_value(ctx, p.key, p.mode, voice, r)
            ent, val = ctx.values[p.key]
            if p.mode == "spell":
                val = "".join(c for c in deaccent(val) if c.isalpha()).upper()
            ann = {"t": "span", "entity": ent, "spoken": spoken, "cue": p.cue, "form": form,
                   "value": val, "field": p.key}
            if p.mode == "last4":
                ann["form"] = form
            piece = R(text, [(0, len(text), ann)])
        else:
            text = render_neg(p.what, p.spec, voice, r)
            piece = R(text, [(0, len(text), {"t": "neg", "what": p.what})])
        if piece.text.startswith(" ") and (not out.text or out.text.endswith(" ")):
            k = len(piece.text) - len(piece.text.lstrip(" "))
            piece = R(piece.text[k:], [(a - k, b - k, x) for a, b, x in piece.anns])
        out = out + piece
    # trim
    k = len(out.text) - len(out.text.lstrip(" "))
    t = out.text.strip(" ")
    out = R(t, [(a - k, b - k, x) for a, b, x in out.anns])
    if voice != "dg":
        out = out.cap()
    return out


# ----------------------------------------------------------------------------- context
class Ctx:
    pass


def rand_digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def make_ssn(r):
    while True:
        area = r.randint(1, 899)
        if area == 666:
            continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = "%03d%02d%04d" % (area, g, s)
        if v not in ("078051120", "123456789", "219099999"):
            return v


def make_card(r):
    if r.random() < 0.15:
        p = r.choice(["3782", "3714", "3400", "3700"])
        return luhn_complete(p + rand_digits(r, 10))
    p = r.choice(["4111", "4242", "4000", "4532", "5555", "5105", "5200", "5425", "6011", "4716"])
    return luhn_complete(p + rand_digits(r, 11))


def make_npi(r):
    base = r.choice("12") + rand_digits(r, 8)
    for c in "0123456789":
        if luhn_ok("80840" + base + c):
            return base + c


def make_mbi(r):
    A, N_ = MBI_ALPHA, "0123456789"
    an = A + N_
    return (r.choice("123456789") + r.choice(A) + r.choice(an) + r.choice(N_) + r.choice(A) +
            r.choice(an) + r.choice(N_) + r.choice(A) + r.choice(A) + r.choice(N_) + r.choice(N_))


def make_member_id(r):
    x = r.randrange(4)
    if x == 0:
        return "".join(r.choice(ID_ALPHA) for _ in range(3)) + rand_digits(r, 9)
    if x == 1:
        return "W" + rand_digits(r, 9)
    if x == 2:
        return r.choice("123456789") + rand_digits(r, 8) + "0" + r.choice("1234")
    return "".join(r.choice(ID_ALPHA) for _ in range(3)) + rand_digits(r, 8)


def make_phone(r):
    return r.choice(AREA_CODES) + "555" + "01" + rand_digits(r, 2)


def make_email(r, first, last):
    f = re.sub(r"[^a-z]", "", deaccent(first).lower())
    l_ = re.sub(r"[^a-z]", "", deaccent(last).lower())
    nn = str(r.randint(11, 99)).replace("0", "7")
    x = r.randrange(6)
    local = [f + "." + l_, f + l_ + nn, f[0] + l_, f + "_" + l_, l_ + "." + f + nn, f + l_][x]
    return local + "@" + r.choice(EMAIL_DOMAINS)


def rand_date(r, y0, y1):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(r.randint(start, end))


def make_ctx(r):
    c = Ctx()
    c.values = collections.OrderedDict()
    female = r.random() < 0.55
    pf = r.choice(FIRST_F if female else FIRST_M)
    pl = r.choice(LAST)
    c.female = female
    c.she, c.her = ("she", "her") if female else ("he", "his")
    c.title = "Ms." if female else "Mr."
    mdf, mdl = r.choice(FIRST_F + FIRST_M), r.choice([x for x in LAST if x != pl])
    city, state, zips = r.choice(CITIES)
    num = str(r.choice([r.randint(12, 99), r.randint(100, 999), r.randint(1000, 9999),
                        r.randint(1000, 9999), r.randint(10000, 29999)]))
    sname = r.choice(STREET_NAMES)
    suf, abbr = r.choice(SUFFIXES)
    unit = None
    if r.random() < 0.3:
        unit = (r.choice(["Apartment", "Unit"]),
                str(r.randint(1, 30)) + (r.choice("ABCD") if r.random() < 0.5 else ""))
    c.street_parts = (num, sname, suf, abbr, unit)
    st = "%s %s %s" % (num, sname, suf) + (" %s %s" % unit if unit else "")
    dob = rand_date(r, 1936, 1999)
    adm = rand_date(r, 2024, 2025)
    dis = adm + datetime.timedelta(days=r.randint(2, 12))
    relf = r.choice(FIRST_F + FIRST_M)
    vals = [
        ("pt_name", "NAME", pf + " " + pl), ("pt_first", "NAME", pf), ("pt_last", "NAME", pl),
        ("dob", "DOB", dob.isoformat()), ("adm", "DATE", adm.isoformat()),
        ("dis", "DATE", dis.isoformat()),
        ("md_name", "NAME", mdf + " " + mdl), ("md_last", "NAME", mdl),
        ("staff", "NAME", r.choice(FIRST_F + FIRST_M) + " " + r.choice(LAST)),
        ("staff_first", "NAME", None), ("rep", "NAME", r.choice(FIRST_F + FIRST_M)),
        ("rep_last", "NAME", r.choice(LAST)),
        ("rel_name", "NAME", relf + " " + pl), ("rel_first", "NAME", relf),
        ("member_id", "MEMBER_ID", make_member_id(r)), ("mbi", "MBI", make_mbi(r)),
        ("mrn", "MRN", r.choice(["00", "0", ""]) + str(r.randint(1000000, 9999999))),
        ("npi", "NPI", make_npi(r)), ("cb_phone", "PHONE", make_phone(r)),
        ("fax", "PHONE", make_phone(r)), ("pt_phone", "PHONE", make_phone(r)),
        ("rel_phone", "PHONE", make_phone(r)), ("alt_phone", "PHONE", make_phone(r)),
        ("street", "STREET", st), ("city", "CITY", city), ("zip", "ZIP", r.choice(zips)),
        ("card", "CARD", make_card(r)), ("email", "EMAIL", make_email(r, pf, pl)),
        ("ssn", "SSN", make_ssn(r)), ("ssn4", "SSN", None),
    ]
    for k, e, v in vals:
        c.values[k] = (e, v)
    c.values["staff_first"] = ("NAME", c.values["staff"][1].split()[0])
    c.values["ssn4"] = ("SSN", c.values["ssn"][1][-4:])
    c.state = state
    c.relation = r.choice(["daughter", "wife", "sister", "mother"] if relf in FIRST_F
                          else ["son", "husband", "brother", "father"])
    mrn = c.values["mrn"][1]
    c.mrn_groups = r.choice([[3, 3, 3], [4, 4], [2, 3, 3], [len(mrn)]])
    c.payer = r.choice(PAYERS)
    c.pharmacy = r.choice(PHARMACIES)
    c.clinic = r.choice(CLINICS)
    c.infused = r.choice(INFUSED)
    c.oral = r.choice(ORALS)
    c.icd = r.choice(ICDS)
    c.cpt = r.choice(CPTS)
    c.tin = r.choice(EIN_PREFIXES) + "-" + rand_digits(r, 7)
    c.ext = str(r.randint(2000, 7999))
    return c


def dos(r):
    d = rand_date(r, 2025, 2025)
    return (d.year, d.month, d.day)


def ref_no(r):
    x = r.randrange(4)
    if x == 0:
        return rand_digits(r, 10)
    if x == 1:
        return "PA" + rand_digits(r, 8)
    if x == 2:
        return r.choice("123456789") + rand_digits(r, 11)
    return "%s-%s" % (rand_digits(r, 4), rand_digits(r, 6))


def lot_no(r):
    return r.choice("123456789") + r.choice("ABCDEFGHJKLMNPRTUVWXYZ") + rand_digits(r, 3) + \
        r.choice("ABCDEFGHJKLMNPRTUVWXYZ")


def ndc(r):
    return "%s-%s-%s" % (rand_digits(r, 5), rand_digits(r, 4), rand_digits(r, 2))


STATE_NAMES = {"OH": "Ohio", "AZ": "Arizona", "CA": "California", "NE": "Nebraska",
               "NC": "North Carolina", "WA": "Washington", "NY": "New York", "TN": "Tennessee",
               "TX": "Texas", "IL": "Illinois", "ID": "Idaho", "GA": "Georgia",
               "MA": "Massachusetts", "CT": "Connecticut", "NJ": "New Jersey", "ME": "Maine",
               "OK": "Oklahoma", "IA": "Iowa", "LA": "Louisiana", "MI": "Michigan",
               "IN": "Indiana", "PA": "Pennsylvania"}
NEG_WHATS.append("submission_date")


# ----------------------------------------------------------------------------- carrier (MTS)
def load_mts(carrier_dir):
    """Short symptom-check question/answer pairs from MTS-Dialog (CC BY 4.0)."""
    files = sorted(glob.glob(os.path.join(carrier_dir, "mts-dialog", "*.csv")))
    if not files:
        sys.exit("MTS-Dialog CSVs not found under %s (use --carrier-dir)" % carrier_dir)
    keep = ("nausea", "vomit", "pain", "breath", "fever", "rash", "appetite", "feeling", "energy",
            "medication", "allerg", "diarrhea", "cough", "tired", "sleep", "swelling", "chest",
            "dizz", "headache", "feel")
    drop = ("old are you", "surgery", "driving", "heroin", "substance", "private", "gender",
            "dog", "hurt", "crash", "hand", "drink", "smoke", "work", "doctor", "leg", "knee")
    pairs, seen = [], set()
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["section_header"] not in ("ROS", "ALLERGY", "MEDICATIONS", "CC", "GENHX"):
                    continue
                lines = [x.strip() for x in row["dialogue"].split("\n") if x.strip()]
                for a, b in zip(lines, lines[1:]):
                    if not (a.startswith("Doctor:") and b.startswith("Patient:") and a.endswith("?")):
                        continue
                    q, ans = a[7:].strip(), b[8:].strip()
                    low = (q + " " + ans).lower()
                    if re.search(r"\d", q + ans) or len(ans) > 90 or len(q) > 80 or len(ans) < 3:
                        continue
                    if not any(k in q.lower() for k in keep) or any(k in low for k in drop):
                        continue
                    words = re.findall(r"[A-Za-z']+", q + " " + ans)[1:]
                    if any(w[0].isupper() for w in words if w not in ("I", "I'm", "I've", "I'd", "I'll")):
                        continue
                    if any(w in low.split() for w in ONES + TEENS + TENS[2:]):
                        continue
                    if (q, ans) in seen:
                        continue
                    seen.add((q, ans))
                    pairs.append((q, ans))
    return pairs


# ----------------------------------------------------------------------------- call scripts
def pick(r, *opts):
    return r.choice(opts)


def script_pa(c, r, mts):
    T = []
    ai = c.ai == "A"
    drug, hcpcs, dose = c.infused
    if r.random() < 0.35:
        T.append(("B", ["Thank you for calling ", c.payer, " provider services. For eligibility and "
                        "benefits, ", N("menu_option", 1), ". For prior authorization, ",
                        N("menu_option", 2), ". For claims, ", N("menu_option", 3), "."]))
    T.append(("B", [pick(r, "Prior authorization, this is ", "Utilization management, my name is ",
                         "Thank you for holding, this is "), V("rep", "same"),
                    pick(r, ". Who am I speaking with?",
                         ". Can I get your name and the office you're calling from?")]))
    if ai:
        T.append(("A", ["Hi ", V("rep", "prev"), ", I'm an automated assistant calling on behalf of "
                        "Dr. ", V("md_name", "same"), " at ", c.clinic,
                        ". I'm calling about a prior authorization request."]))
    else:
        T.append(("A", ["Hi ", V("rep", "prev"), pick(r, ", this is ", ", my name is "), V("staff", "same"),
                        ", I'm calling from ", c.clinic, "."]))
    T.append(("B", ["Thank you. Can I have the tax ID you're calling under?"]))
    T.append(("A", [pick(r, "Sure, it's ", "The tax ID is ", ""), N("tax_id", c.tin), "."]))
    T.append(("B", [pick(r, "And the member ID?", "What's the member's ID number?",
                         "Okay. And the subscriber ID on the card?")]))
    T.append(("A", [pick(r, "It's ", "", "Sure, "), V("member_id", "prev"), "."]))
    if r.random() < 0.4:
        T.append(("B", ["That's ", V("member_id", "prev"), "?"]))
        T.append(("A", ["Yes, that's correct."]))
    T.append(("B", ["And the patient's name and date of birth?"]))
    x = r.randrange(3)
    if x == 0:
        T.append(("A", [V("pt_name", "prev"), ", ", V("dob", "prev"), "."]))
    elif x == 1:
        T.append(("A", ["The patient is ", V("pt_name", "same"), ", date of birth ", V("dob", "same"), "."]))
    else:
        T.append(("A", ["Last name ", V("pt_last", "same"), ", ", V("pt_last", "prev", "spell"),
                        ", first name ", V("pt_first", "same"), ". Date of birth ", V("dob", "same"), "."]))
    if r.random() < 0.35:
        T.append(("B", ["I'm not pulling anything up under that ID. Do you have the subscriber's "
                        "Social Security number?"]))
        T.append(("A", pick(r, [pick(r, "Yes, it's ", ""), V("ssn", "prev"), "."],
                            ["Let me see, the social on the face sheet is ", V("ssn", "same"), "."])))
        if r.random() < 0.5:
            T.append(("B", ["Okay, ", V("ssn", "prev"), ". Got it, I found the member."]))
    T.append(("B", ["Okay, I have ", V("pt_name", "prev"), pick(r, ", born ", ", date of birth "),
                    V("dob", "prev"), ". How can I help you today?"]))
    T.append(("A", ["I'm checking on the status of a prior auth for ", drug, ", ", N("hcpcs_code", hcpcs),
                    pick(r, ", submitted on ", ", that we faxed over on "), N("submission_date", dos(r)),
                    ". The portal reference number is ", N("reference_number", ref_no(r)), "."]))
    T.append(("B", ["Let me pull that up. Okay, I see case ", N("case_number", "C" + rand_digits(r, 8)),
                    ". It's pending clinical review. The diagnosis on the request is ",
                    N("icd10_code", c.icd), ", is that correct?"]))
    T.append(("A", pick(r, ["Correct."], ["Yes, ", N("icd10_code", c.icd), "."])))
    T.append(("B", ["And what's the regimen?"]))
    parts = [drug, " ", N("dose", dose), pick(r, " every three weeks", " every two weeks", " weekly"),
             ". ", N("cycle_day", (r.randint(2, 8), 1)), " is scheduled for ", N("date_of_service", dos(r)),
             ", and we're requesting ", N("count", (r.choice([4, 6, 8, 12]), "doses")),
             " with administration code ", N("cpt_code", c.cpt), "."]
    if dose[1] == "mg/kg":
        parts += [" Dosing is based on a weight of ", N("weight", r.randint(48, 110)), "."]
    T.append(("A", parts))
    if r.random() < 0.4:
        age = 2025 - int(c.values["dob"][1][:4])
        T.append(("A", ["For the reviewer, this is a ", N("age", (age, "")), "-year-old with "
                        "progression on first line therapy."]))
    if r.random() < 0.5:
        T.append(("A", [c.she.capitalize(), " was admitted to ", r.choice(HOSPITALS), " on ",
                        V("adm", "same"), " and discharged on ", V("dis", "same"),
                        ". The first dose was given inpatient, so this request is for the outpatient doses."]))
        T.append(("B", ["Okay, I'll note the inpatient stay."]))
    T.append(("B", ["And the ordering provider?"]))
    if ai:
        T.append(("A", ["Dr. ", V("md_last", "prev"), ", NPI ", V("npi", "same"), "."]))
    else:
        T.append(("A", ["Dr. ", V("md_name", "prev"), ", NPI ", V("npi", "same"), "."]))
    if r.random() < 0.35:
        T.append(("B", ["Let me repeat the NPI, ", V("npi", "prev"), "."]))
        T.append(("A", ["That's right."]))
    T.append(("B", ["The nurse reviewer is going to need the last two office notes and the pathology "
                    "report. What fax number should the request for information go to?"]))
    T.append(("A", pick(r, [V("fax", "prev")], ["Our fax is ", V("fax", "same"), "."],
                        ["Please send it to ", V("fax", "prev"), "."])))
    if r.random() < 0.4:
        T.append(("B", ["Okay, ", V("fax", "prev"), "."]))
    T.append(("B", ["And a callback number in case the reviewer has questions?"]))
    if ai:
        T.append(("A", ["The office callback number is ", V("cb_phone", "same"), ", extension ",
                        N("extension", c.ext), "."]))
    else:
        T.append(("A", [V("cb_phone", "prev"), ", extension ", N("extension", c.ext), "."]))
    if r.random() < 0.2:
        T.append(("A", ["For your notes, the chart number on our side is ", V("mrn", "same"), "."]))
    if r.random() < 0.6:
        T.append(("A", [N("common_word", "Will"), " you accept the clinicals by fax? We can send them "
                        "today, it's ", N("page_count", (r.randint(4, 19), "pages")),
                        " including the cover sheet."]))
    T.append(("B", ["Yes, fax is fine. Standard review is ", N("duration", (r.choice([5, 7, 14]), "business days")),
                    ". If you need it sooner I can ", N("common_word", "mark"), " it urgent, and then it's ",
                    N("duration", (72, "hours")), "."]))
    T.append(("A", ["Please ", N("common_word", "mark"), " it urgent, the patient is due for treatment next week."]))
    if r.random() < 0.3:
        T.append(("B", ["The determination letter also goes to the member at the address on file, ",
                        V("street", "same"), ", ", V("city", "same"), ", ", STATE_NAMES[c.state], " ",
                        V("zip", "same"), "."]))
        T.append(("A", ["Yes, that matches our chart."]))
    ref = ref_no(r)
    T.append(("B", ["Your reference number for this call is ", N("reference_number", ref), "."]))
    if ai:
        T.append(("A", ["Thank you. To confirm, the reference number is ", N("reference_number", ref),
                        ", and the request for information will be faxed to ", V("fax", "prev"),
                        ". Have a great day."]))
    else:
        if r.random() < 0.4:
            T.append(("A", [N("common_word", "May"), " I have your last name for my notes?"]))
            T.append(("B", ["It's ", V("rep_last", "prev"), "."]))
        T.append(("A", ["Thank you, ", V("rep", "prev"), ", have a good one."]))
    T.append(("B", ["You too, bye bye."]))
    return T


def script_referral(c, r, mts):
    T = []
    ai = c.ai == "A"
    drug, dose = c.oral
    T.append(("B", [c.pharmacy, pick(r, " intake, this is ", ", this is "), V("rep", "same"),
                    ". How can I help you?"]))
    if ai:
        T.append(("A", ["Hi ", V("rep", "prev"), ". I'm an automated assistant calling for Dr. ",
                        V("md_name", "same"), "'s office at ", c.clinic, ". We sent a new prescription for ",
                        drug, " and I'd like to confirm you received it."]))
    else:
        T.append(("A", ["Hi, this is ", V("staff", "same"), " from Dr. ", V("md_last", "same"),
                        "'s office at ", c.clinic, ". I'm calling about a new referral we faxed for ",
                        drug, "."]))
    T.append(("B", ["Sure, what's the patient's name?"]))
    mrn_given = r.random() < 0.3
    if mrn_given:
        T.append(("A", ["It's for ", V("pt_name", "prev"), ", ", V("mrn", "none"), "."]))
        T.append(("B", ["Is that number your MRN?"]))
        T.append(("A", ["Yes, that's our MRN."]))
    else:
        T.append(("A", pick(r, [V("pt_name", "prev")], ["It's for ", V("pt_name", "prev"), "."])))
    if r.random() < 0.6:
        T.append(("B", ["Can you spell the last name for me?"]))
        T.append(("A", pick(r, [V("pt_last", "prev", "spell")],
                            [V("pt_last", "prev"), ", ", V("pt_last", "prev", "spell"), "."])))
    T.append(("B", ["And the date of birth?"]))
    T.append(("A", [V("dob", "prev")]))
    if r.random() < 0.4:
        T.append(("B", ["I have ", V("pt_name", "prev"), ", ", V("dob", "prev"), "."]))
    if not mrn_given:
        T.append(("B", ["Do you have an MRN or account number on your side?"]))
        T.append(("A", pick(r, ["Our MRN is ", V("mrn", "same"), "."], [V("mrn", "prev")],
                            ["Yes, MRN ", V("mrn", "same"), "."])))
    if r.random() < 0.4:
        T.append(("B", [V("mrn", "prev"), ", got it."]))
    unit = "capsules" if r.random() < 0.5 else "tablets"
    T.append(("B", ["I see the script. ", drug, " ", N("dose", dose), pick(r, " once daily", " twice daily"),
                    ", ", N("duration", (21, "days")), " on and ", N("duration", (7, "days")),
                    " off, quantity ", N("count", (r.choice([21, 42, 60, 28]), unit)), ", NDC ",
                    N("ndc_code", ndc(r)), ". Is that right?"]))
    T.append(("A", ["Yes, that's right."]))
    T.append(("B", ["Prescriber NPI?"]))
    T.append(("A", pick(r, [V("npi", "prev")], ["Dr. ", V("md_last", "prev"), "'s NPI is ", V("npi", "same"), "."])))
    T.append(("B", ["And the diagnosis code?"]))
    T.append(("A", [N("icd10_code", c.icd), "."]))
    if r.random() < 0.35:
        T.append(("A", ["Also, ", c.she, " was discharged from ", r.choice(HOSPITALS), " on ", V("dis", "same"),
                        ", so we'd like the first fill to ship as soon as possible."]))
        T.append(("B", ["Understood, I'll flag it as a discharge."]))
    if r.random() < 0.5:
        T.append(("B", ["Where are we shipping it?"]))
        T.append(("A", ["To the patient's home, ", V("street", "same"), ", ", V("city", "same"), ", ",
                        STATE_NAMES[c.state], " ", V("zip", "same"), "."]))
    else:
        T.append(("B", ["What's the delivery address?"]))
        T.append(("A", [V("street", "prev"), ", ", V("city", "prev"), ", ", STATE_NAMES[c.state], ", ",
                        V("zip", "prev"), "."]))
    if r.random() < 0.3:
        T.append(("B", ["And that ZIP was ", V("zip", "prev"), "?"]))
        T.append(("A", ["Yes."]))
    T.append(("B", ["What's the best phone number for the patient?"]))
    parts = [V("pt_phone", "prev"), "."]
    if r.random() < 0.4:
        parts += [" If ", c.she, " doesn't answer, ", c.her, " ", c.relation, " ",
                  V("rel_name", "same"), " is at ", V("rel_phone", "same"), "."]
    T.append(("A", parts))
    if r.random() < 0.55:
        T.append(("B", ["Do you have an email for the patient? We send refill reminders."]))
        T.append(("A", pick(r, ["The chart has ", V("email", "same"), "."], [V("email", "prev")],
                            ["Yes, ", V("email", "prev"), "."])))
    T.append(("B", ["And a callback and fax for the office?"]))
    T.append(("A", ["Callback is ", V("cb_phone", "same"), ", extension ", N("extension", c.ext),
                    ", and the fax is ", V("fax", "same"), "."]))
    T.append(("B", ["Okay. We'll run the test claim today. If the copay is high, we'll look for a "
                    "foundation ", N("common_word", "grant"), " or the manufacturer copay card."]))
    T.append(("A", ["Great. We faxed the script at ", N("time", (r.randint(8, 16), r.choice([0, 15, 30, 45]))),
                    ", ", N("page_count", (r.randint(3, 12), "pages")), "."]))
    T.append(("B", ["Your referral number is ", N("order_number", "RX" + rand_digits(r, 7)),
                    ". Turnaround is usually ", N("duration", (48, "hours")), "."]))
    T.append(("A", ["Thank you so much."]))
    T.append(("B", ["You're welcome, bye."]))
    return T


def script_patient(c, r, mts):
    T = []
    ai = c.ai == "B"
    drug, dose = c.oral
    if r.random() < 0.4:
        T.append(("B", ["Thank you for calling ", c.pharmacy, ". If this is a medical emergency, hang up "
                        "and dial ", N("emergency_number", 911), ". To schedule a delivery, ",
                        N("menu_option", 1), ". For billing questions, ", N("menu_option", 2), "."]))
    if ai:
        T.append(("B", ["Hi, I'm the virtual assistant for ", c.pharmacy, ". Who am I speaking with?"]))
    else:
        T.append(("B", [pick(r, "This is ", "Thanks for holding, this is "), V("rep", "same"),
                        ", how can I help you today?"]))
    x = r.randrange(3)
    dob_given = False
    if x == 0:
        T.append(("A", ["Hi, this is ", V("pt_name", "same"), ". I got a text to schedule my ", drug, " delivery."]))
    elif x == 1:
        T.append(("A", ["Yeah hi, ", V("pt_name", "none"), ", ", V("dob", "none"), ", calling about my ",
                        drug, " refill."]))
        dob_given = True
    else:
        T.append(("A", ["Hi, my name is ", V("pt_name", "same"), ". I'm calling to set up my delivery."]))
    if not dob_given:
        T.append(("B", ["Thanks. To verify your identity, can I have your date of birth?"]))
        T.append(("A", pick(r, [V("dob", "prev")], ["It's ", V("dob", "prev"), "."])))
    if r.random() < 0.65:
        T.append(("B", ["And the last four of your social?"]))
        T.append(("A", pick(r, [V("ssn4", "prev", "last4")], ["Sure, ", V("ssn4", "prev", "last4"), "."],
                            ["Last four of my social is ", V("ssn4", "same", "last4"), "."])))
    else:
        T.append(("B", ["And the ZIP code on your account?"]))
        T.append(("A", [V("zip", "prev")]))
    T.append(("B", pick(r, ["Thank you, ", V("pt_first", "prev"), ". I see your ", drug, " is ready to ship."],
                        ["Thank you, ", c.title, " ", V("pt_last", "prev"), ". I see your ", drug,
                         " is ready to ship."])))
    if r.random() < 0.35:
        T.append(("B", ["Do you have your patient ID from the label? It makes it faster next time."]))
        T.append(("A", ["Yes, it's ", V("mrn", "prev"), "."]))
    if r.random() < 0.75 and mts:
        q, a = r.choice(mts)
        T.append(("B", ["Before I schedule, the pharmacist asks a couple of questions. " + q]))
        T.append(("A", [a]))
        T.append(("B", ["Any new medications or allergies since your last fill?"]))
        T.append(("A", ["No, nothing new."]))
    T.append(("B", ["Are you still taking ", N("dose", dose), " once a day?"]))
    T.append(("A", ["Yes. I start ", N("cycle_day", (r.randint(2, 12), 1)), " on ",
                    N("appointment_date", dos(r)), "."]))
    if r.random() < 0.6:
        T.append(("B", ["I have your delivery address as ", V("street", "same"), ", ", V("city", "same"), ", ",
                        V("zip", "same"), ". Is that still correct?"]))
        T.append(("A", ["Yes, that's right."]))
    else:
        T.append(("B", ["Can you confirm the delivery address?"]))
        T.append(("A", ["It's ", V("street", "prev"), " in ", V("city", "prev"), ", ", V("zip", "prev"), "."]))
        if ai or r.random() < 0.3:
            T.append(("B", ["Got it, ", V("street", "prev"), ", ", V("city", "prev"), ", ", V("zip", "prev"), "."]))
    T.append(("B", ["We can deliver on ", N("appointment_date", dos(r)), " between ",
                    N("time", (r.randint(8, 10), 0)), " and ", N("time", (r.randint(13, 17), 0)), ". ",
                    N("common_word", "Will"), " someone be home to sign for it?"]))
    T.append(("A", ["Yes, I'll be home."]))
    amt = (r.choice([0, 5, 10, 25, 35, 50, 75, 100, 150, 250]), r.choice([0, 0, 0, 50, 99]))
    T.append(("B", ["Your copay for this fill is ", N("money", amt), ". How would you like to pay?"]))
    if r.random() < 0.5:
        T.append(("A", ["I'll put it on my card."]))
        T.append(("B", ["Go ahead with the card number when you're ready."]))
        T.append(("A", pick(r, [V("card", "prev")], ["Okay, it's ", V("card", "prev"), "."])))
    else:
        T.append(("A", ["Can I pay by card? The number is ", V("card", "same"), "."]))
    if ai or r.random() < 0.5:
        T.append(("B", ["Let me read that back: ", V("card", "prev"), ". Is that correct?"]))
        T.append(("A", ["Yes."]))
    T.append(("B", ["And the name on the card?"]))
    if r.random() < 0.3:
        T.append(("A", ["It's my ", c.relation, "'s card, ", V("rel_name", "same"), "."]))
    else:
        T.append(("A", [V("pt_name", "prev")]))
    T.append(("B", ["Thank you. I'm transferring you to our secure line to key in the expiration date and "
                    "security code, then you'll come right back to me."]))
    T.append(("A", ["Okay."]))
    T.append(("B", ["The payment of ", N("money", amt), " went through."]))
    if r.random() < 0.85:
        T.append(("B", ["Would you like the receipt by email?"]))
        T.append(("A", pick(r, ["Sure, it's ", V("email", "prev"), "."], [V("email", "prev")],
                            ["Yes please, my email is ", V("email", "same"), "."])))
        if ai or r.random() < 0.4:
            T.append(("B", ["So that's ", V("email", "prev"), "?"]))
            T.append(("A", ["Yep."]))
    T.append(("B", ["What's the best number to reach you on the delivery day?"]))
    T.append(("A", pick(r, [V("pt_phone", "prev")], ["My cell, ", V("pt_phone", "same"), "."])))
    if ai or r.random() < 0.3:
        T.append(("B", ["Okay, ", V("pt_phone", "prev"), "."]))
    T.append(("B", ["Your order number is ", N("order_number", rand_digits(r, 9)), ". The lot number on this "
                    "shipment is ", N("lot_number", lot_no(r)), ", and you'll get a tracking text the "
                    "morning of delivery."]))
    if r.random() < 0.5:
        T.append(("B", ["If you have a severe reaction or trouble breathing, call ", N("emergency_number", 911),
                        " right away."]))
    if r.random() < 0.3:
        T.append(("A", ["Oh, and ", V("alt_phone", "none"), ", in case I don't pick up."]))
        T.append(("B", ["I'll add that to your profile."]))
    T.append(("A", ["Okay, thank you."]))
    T.append(("B", ["You're welcome, ", V("pt_first", "prev"), ". Have a good day."]))
    return T


def script_bi(c, r, mts):
    T = []
    ai = c.ai == "A"
    drug, hcpcs, dose = c.infused
    medicare = r.random() < 0.5
    if r.random() < 0.3:
        T.append(("B", ["Thank you for calling ", c.payer, ". For eligibility and benefits, ",
                        N("menu_option", 1), ". For authorizations, ", N("menu_option", 2), "."]))
    T.append(("B", [pick(r, "Provider services, this is ", "Thanks for calling, my name is "), V("rep", "same"),
                    ". Who do I have the pleasure of speaking with?"]))
    if ai:
        T.append(("A", ["Hi ", V("rep", "prev"), ". I'm an automated assistant calling on behalf of ",
                        c.clinic, " to verify benefits for a patient."]))
    else:
        T.append(("A", ["Hi, this is ", V("staff", "same"), " with ", c.clinic,
                        ". I'm calling to verify benefits for a patient."]))
    T.append(("B", ["Can I have the provider NPI?"]))
    T.append(("A", [V("npi", "prev")]))
    T.append(("B", ["And the tax ID?"]))
    T.append(("A", [N("tax_id", c.tin)]))
    if medicare:
        T.append(("B", ["What's the member's plan ID or Medicare number?"]))
        if r.random() < 0.5:
            T.append(("A", ["The plan ID is ", V("member_id", "same"), ", and the Medicare number is ",
                            V("mbi", "same"), "."]))
        else:
            T.append(("A", ["The M B I is ", V("mbi", "same"), "."]))
        if r.random() < 0.45:
            T.append(("B", ["Let me read that back, ", V("mbi", "prev"), "?"]))
            T.append(("A", ["That's correct."]))
    else:
        T.append(("B", ["And the member ID?"]))
        T.append(("A", [V("member_id", "prev")]))
    T.append(("B", ["Name and date of birth?"]))
    T.append(("A", [V("pt_name", "prev"), ", ", V("dob", "prev"), "."]))
    if r.random() < 0.5:
        T.append(("B", ["I'm showing two members with that name. Can you verify the subscriber's Social "
                        "Security number?"]))
        T.append(("A", pick(r, [pick(r, "Sure, ", "Yes, ", "It's "), V("ssn", "prev"), "."],
                            ["The subscriber's social is ", V("ssn", "same"), "."])))
        if r.random() < 0.4:
            T.append(("B", ["That's ", V("ssn", "prev"), "?"]))
            T.append(("A", ["Correct."]))
    T.append(("B", ["Okay, I have ", V("pt_first", "prev"), ". What are you verifying today?"]))
    T.append(("A", ["Outpatient benefits for ", drug, ", ", N("hcpcs_code", hcpcs), ", with administration code ",
                    N("cpt_code", c.cpt), ", place of service ", N("place_of_service", (r.choice([11, 22]), "")),
                    ", diagnosis ", N("icd10_code", c.icd), "."]))
    ded = r.choice([250, 500, 1000, 1500, 2500, 3000])
    T.append(("B", ["For the ", N("year", 2025), " plan year, the deductible is ", N("money", (ded, 0)),
                    " and ", c.she, "'s met ", N("money", (r.randint(0, ded // 10) * 10, 0)), ". After that ",
                    c.she, " pays ", N("percentage", r.choice([10, 20, 30])),
                    " coinsurance up to an out-of-pocket max of ", N("money", (r.choice([4500, 6000, 8700]), 0)), "."]))
    T.append(("A", ["Is prior authorization required for ", N("hcpcs_code", hcpcs), "?"]))
    T.append(("B", ["Yes, the drug needs prior auth, the administration code doesn't. Turnaround is ",
                    N("duration", (r.choice([5, 7, 14]), "days")), "."]))
    T.append(("A", ["Does ", c.she, " have secondary coverage on file?"]))
    T.append(("B", ["Yes, a supplement plan. We'll ", N("common_word", "bill"), " primary and it crosses over."]))
    if r.random() < 0.55:
        T.append(("A", ["Can you confirm the address and phone on file? We need it for the copay foundation "
                        "application."]))
        T.append(("B", ["Address on file is ", V("street", "same"), ", ", V("city", "same"), ", ",
                        STATE_NAMES[c.state], " ", V("zip", "same"), ", and the phone is ",
                        V("pt_phone", "same"), "."]))
        T.append(("A", ["That matches, thank you."]))
    if r.random() < 0.2:
        T.append(("A", ["And for your notes, our MRN is ", V("mrn", "same"), "."]))
    T.append(("B", ["If we need to reach you, what's your callback number?"]))
    T.append(("A", [V("cb_phone", "prev"), ", extension ", N("extension", c.ext), "."]))
    ref = ref_no(r)
    T.append(("B", ["Your reference number for this call is ", N("reference_number", ref), ". I ",
                    N("common_word", "hope"), " that helps."]))
    if ai:
        T.append(("A", ["Thank you. Confirming the reference number, ", N("reference_number", ref), "."]))
    else:
        T.append(("A", ["It does, thank you ", V("rep", "prev"), "."]))
    T.append(("B", ["Have a good day."]))
    return T


SCRIPTS = {"pa_status": script_pa, "sp_referral": script_referral, "sp_patient_delivery": script_patient,
           "benefits_investigation": script_bi}


# ----------------------------------------------------------------------------- assembly
AI_LABELS_CALLER = [("AI:", "Rep:"), ("assistant:", "user:"), ("[agent]", "[payer]"),
                    ("Agent:", "Representative:"), ("Bot:", "Human:")]
AI_LABELS_CALLEE = [("AI:", "Patient:"), ("assistant:", "user:"), ("[agent]", "[caller]"),
                    ("Bot:", "Customer:"), ("Agent:", "Caller:")]


def end_punct(parts):
    last = parts[-1]
    if isinstance(last, str) and last.rstrip().endswith("?"):
        return "?"
    return "."


def tokens_with_punct(rs):
    """Transcribe-like tokenisation of an R: [(kind, R)] kind pronunciation/punctuation."""
    out = []
    for m in re.finditer(r"\S+", rs.text):
        a, b = m.span()
        tok = rs.text[a:b]
        trail = []
        if tok.lower() not in ABBREV:
            while b > a and rs.text[b - 1] in ".,?!;:":
                trail.insert(0, b - 1)
                b -= 1
        if b > a:
            out.append(("pronunciation", rs.sub(a, b)))
        for p in trail:
            out.append(("punctuation", R(rs.text[p])))
    return out


def hexid(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    h = hexid(r, 32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def payload_transcribe(c, r, turns, calltype):
    speakers = {}
    items, segs = [], []
    t = round(r.uniform(0.2, 1.5), 2)
    k = 0
    for i, (role, rs, _) in enumerate(turns):
        spk = speakers.setdefault(role, "spk_%d" % len(speakers))
        seg_start = t
        ids = []
        for kind, tok in tokens_with_punct(rs):
            if kind == "pronunciation":
                dur = round(0.12 + 0.06 * len(tok.text) * r.uniform(0.6, 1.2), 2)
                items.append({"id": k, "type": "pronunciation",
                              "alternatives": [{"confidence": "%.3f" % r.uniform(0.62, 0.999),
                                                "content": tok}],
                              "start_time": "%.2f" % t, "end_time": "%.2f" % (t + dur),
                              "speaker_label": spk})
                t = round(t + dur + r.choice([0.0, 0.01, 0.03, 0.08]), 2)
            else:
                items.append({"id": k, "type": "punctuation",
                              "alternatives": [{"confidence": "0.0", "content": tok}],
                              "speaker_label": spk})
            ids.append(k)
            k += 1
        segs.append({"id": i, "transcript": rs, "start_time": "%.2f" % seg_start,
                     "end_time": "%.2f" % t, "speaker_label": spk, "items": ids})
        t = round(t + r.uniform(0.3, 1.6), 2)
    full = R.join(" ", [rs for _, rs, _ in turns])
    job = "%s-%s-%s" % (calltype.replace("_", "-"), "2025%02d%02d" % (r.randint(1, 12), r.randint(1, 28)),
                        hexid(r, 6))
    return {"jobName": job, "accountId": rand_digits(r, 12),
            "results": {"transcripts": [{"transcript": full}], "items": items, "audio_segments": segs},
            "status": "COMPLETED"}


def payload_deepgram(c, r, turns):
    speakers = {}
    words, paras = [], []
    ptext = R()
    t = round(r.uniform(0.1, 1.2), 2)
    for role, rs, punct in turns:
        spk = speakers.setdefault(role, len(speakers))
        toks = [(m.start(), m.end()) for m in re.finditer(r"\S+", rs.text)]
        pstart = t
        for j, (a, b) in enumerate(toks):
            w = rs.sub(a, b)
            pw = rs.sub(a, b)
            if j == 0:
                pw = pw.cap()
            if j == len(toks) - 1:
                pw = pw + punct
            dur = round(0.1 + 0.055 * (b - a) * r.uniform(0.7, 1.3), 2)
            words.append({"word": w, "start": t, "end": round(t + dur, 2),
                          "confidence": round(r.uniform(0.55, 0.999), 3), "speaker": spk,
                          "speaker_confidence": round(r.uniform(0.4, 0.95), 2), "punctuated_word": pw})
            t = round(t + dur + r.choice([0.0, 0.02, 0.06]), 2)
        sent = rs.cap() + punct
        paras.append({"sentences": [{"text": sent, "start": pstart, "end": t}], "speaker": spk,
                      "num_words": len(toks), "start": pstart, "end": t})
        ptext = ptext + ("\nSpeaker %d: " % spk) + sent + "\n"
        t = round(t + r.uniform(0.3, 1.4), 2)
    full = R.join(" ", [rs for _, rs, _ in turns])
    model = uuid(r)
    meta = {"transaction_key": "deprecated", "request_id": uuid(r), "sha256": hexid(r, 64),
            "created": "2025-%02d-%02dT%02d:%02d:%02d.%03dZ" % (r.randint(1, 12), r.randint(1, 28),
                                                                r.randint(13, 22), r.randint(0, 59),
                                                                r.randint(0, 59), r.randint(0, 999)),
            "duration": t, "channels": 1, "models": [model],
            "model_info": {model: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}}
    alt = {"transcript": full, "confidence": round(r.uniform(0.9, 0.995), 4), "words": words,
           "paragraphs": {"transcript": ptext, "paragraphs": paras}}
    return {"metadata": meta, "results": {"channels": [{"alternatives": [alt]}]}}


def payload_messages(c, r, turns):
    return [{"role": "assistant" if role == c.ai else "user", "content": rs} for role, rs, _ in turns]


def build_record(idx, seed, calltype, fmt):
    for attempt in range(50):
        r = random.Random("holdout29:%d:%d:%s:%s:%d" % (seed, idx, calltype, fmt, attempt))
        rec = build_record_once(r, idx, calltype, fmt)
        if rec is not None:
            return rec
    raise AssertionError("no record with 8-40 turns")


def build_record_once(r, idx, calltype, fmt):
    c = make_ctx(r)
    ai_role = "B" if calltype == "sp_patient_delivery" else "A"
    if fmt == "transcript":
        style = r.choice(["tx_both", "dg_both", "agent_tx", "agent_dg"])
    else:
        style = r.choice(["transcribe", "transcribe", "deepgram", "deepgram", "vapi", "vapi"])
    other = "A" if ai_role == "B" else "B"
    if style in ("tx_both", "transcribe"):
        c.ai, voices = None, {"A": "tx", "B": "tx"}
    elif style in ("dg_both", "deepgram"):
        c.ai, voices = None, {"A": "dg", "B": "dg"}
    elif style == "agent_tx":
        c.ai, voices = ai_role, {ai_role: "llm", other: "tx"}
    elif style == "agent_dg":
        c.ai, voices = ai_role, {ai_role: "llm", other: "dg"}
    else:
        c.ai, voices = ai_role, {ai_role: "llm", other: r.choice(["dg", "dg", "tx"])}
    script = SCRIPTS[calltype](c, r, MTS_PAIRS)
    if not 8 <= len(script) <= 40:
        return None
    turns = [(role, build_turn(c, parts, voices[role], r), end_punct(parts)) for role, parts in script]
    rec = {"id": "h29-%04d" % (idx + 1), "format": fmt}
    if fmt == "transcript":
        if style in ("tx_both", "dg_both"):
            names = {}
            fmt_lab = "spk_%d:" if style == "tx_both" else "Speaker %d:"
            labels = {}
            for role, _, _ in turns:
                if role not in labels:
                    labels[role] = fmt_lab % len(labels)
        else:
            pair = r.choice(AI_LABELS_CALLER if ai_role == "A" else AI_LABELS_CALLEE)
            labels = {ai_role: pair[0], other: pair[1]}
        stamp = r.random() < 0.35
        t = r.randint(0, 20)
        lines = []
        for role, rs, _ in turns:
            pre = ""
            if stamp:
                pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
                t += r.randint(2, 14) + len(rs.text) // 18
            lines.append(pre + labels[role] + " " + rs)
        body = R.join("\n", lines)
        text, anns = body.text, body.anns
        rec["kind"] = "%s_%s" % (calltype, style)
    else:
        if style == "transcribe":
            obj = payload_transcribe(c, r, turns, calltype)
        elif style == "deepgram":
            obj = payload_deepgram(c, r, turns)
        else:
            obj = payload_messages(c, r, turns)
        text, anns = serialize(obj)
        assert text == json.dumps(plain(obj), ensure_ascii=False, separators=(",", ":"))
        rec["profile"] = style
        rec["kind"] = "%s_%s" % (calltype, "messages_" + voices[other] if style == "vapi" else style)
    # char -> byte offsets
    cum = [0]
    for ch in text:
        cum.append(cum[-1] + len(ch.encode("utf-8")))
    spans, negs = [], []
    for cs, ce, ann in sorted(anns, key=lambda x: x[0]):
        if ann["t"] == "neg":
            negs.append({"start": cum[cs], "end": cum[ce], "what": ann["what"]})
            continue
        sp = {"start": cum[cs], "end": cum[ce], "entity": ann["entity"], "spoken": ann["spoken"],
              "cue": ann["cue"], "form": ann["form"], "value": ann["value"], "field": ann["field"]}
        if ann.get("part"):
            sp["part"] = True
            piece = text[cs:ce]
            if ann["entity"] in ("PHONE", "SSN", "MRN", "NPI", "CARD", "ZIP", "MEMBER_ID", "MBI"):
                sp["spoken"] = ann["spoken"] and bool(re.search(r"[A-Za-z]", piece))
            elif ann["entity"] in ("DOB", "DATE"):
                sp["spoken"] = ann["spoken"] and bool(re.search(r"[A-Za-z]", piece)) and \
                    piece.lower() not in [mm.lower() for mm in MONTHS]
        spans.append(sp)
    rec["text"] = text
    rec["spans"] = spans
    rec["negatives"] = negs
    return rec


def plan(seed, n):
    r = random.Random("holdout29-plan:%d" % seed)
    weights = [("pa_status", 0.24), ("sp_referral", 0.21), ("sp_patient_delivery", 0.32),
               ("benefits_investigation", 0.23)]
    calls = []
    for name, w in weights:
        calls += [name] * int(round(w * n))
    while len(calls) < n:
        calls.append("sp_patient_delivery")
    calls = calls[:n]
    n_tr = int(round(0.55 * n))
    fmts = ["transcript"] * n_tr + ["json"] * (n - n_tr)
    r.shuffle(calls)
    r.shuffle(fmts)
    return list(zip(calls, fmts))


MTS_PAIRS = []


def find_carrier_dir(arg):
    if arg:
        return arg
    if os.environ.get("CARRIER_DIR"):
        return os.environ["CARRIER_DIR"]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cand = os.path.join(d, "shared", "carrier-sources")
        if os.path.isdir(cand):
            return cand
        d = os.path.dirname(d)
    return "/work/shared/carrier-sources"


# ----------------------------------------------------------------------------- check
LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z0-9_ ]+\]|[A-Za-z][A-Za-z0-9_ ]{0,20}:) \S")
WORD_NUM = {w: i for i, w in enumerate(ONES)}
WORD_NUM.update({"oh": 0, "o": 0})
TEEN_NUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENS_NUM = {w: 10 * i for i, w in enumerate(TENS) if w}
NATO_REV = {v: k for k, v in NATO.items()}


FRAGMENT_WORDS = set(["as", "in", "double", "triple"] + [w.lower() for w in AS_IN.values()] +
                     list(NATO.values()) + ONES + TEENS + TENS[2:] + ["oh", "o"] + list(FILLERS))


def norm_alnum(text, letters_ok=True, zero_words=True):
    """Spoken or written rendering -> uppercase letters and digits; None if not parseable."""
    toks = re.findall(r"x-ray|[a-z]+|\d+", text.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t in FILLERS:
            i += 1
            continue
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt is not None and (nxt in WORD_NUM):
            out.append(str(WORD_NUM[nxt]) * (2 if t == "double" else 3))
            i += 1
        elif t in TENS_NUM:
            if nxt in WORD_NUM and WORD_NUM[nxt] > 0 and nxt not in ("oh", "o"):
                out.append(str(TENS_NUM[t] + WORD_NUM[nxt]))
                i += 1
            else:
                out.append(str(TENS_NUM[t]))
        elif t in TEEN_NUM:
            out.append(str(TEEN_NUM[t]))
        elif t in WORD_NUM and (zero_words or t not in ("oh", "o")):
            out.append(str(WORD_NUM[t]))
        elif letters_ok and len(t) == 1:
            if toks[i + 1:i + 3] == ["as", "in"]:
                i += 3
            out.append(t.upper())
        elif letters_ok and t in NATO_REV:
            out.append(NATO_REV[t].upper())
        elif letters_ok and t.isalpha() and t.upper() == t.upper() and len(t) <= 4 and \
                re.fullmatch(r"[A-Z]+", text[text.lower().find(t):text.lower().find(t) + len(t)] or ""):
            out.append(t.upper())
        else:
            return None
        i += 1
    return "".join(out)


def norm_email(text):
    t = text.lower()
    toks = re.findall(r"[a-z0-9]+|[.@_-]", t)
    out = []
    i = 0
    sub = {"dot": ".", "at": "@", "underscore": "_", "dash": "-"}
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if w in sub:
            out.append(sub[w])
        elif w in TENS_NUM and nxt in WORD_NUM and WORD_NUM[nxt] > 0 and nxt not in ("oh", "o"):
            out.append(str(TENS_NUM[w] + WORD_NUM[nxt]))
            i += 1
        elif w in TENS_NUM:
            out.append(str(TENS_NUM[w]))
        elif w in TEEN_NUM:
            out.append(str(TEEN_NUM[w]))
        elif w in WORD_NUM and w not in ("oh", "o"):
            out.append(str(WORD_NUM[w]))
        else:
            out.append(w)
        i += 1
    return "".join(out)


def norm_name(text, spelled):
    t = deaccent(text).lower()
    if spelled:
        toks = re.findall(r"x-ray|[a-z]+", t)
        out, i = [], 0
        while i < len(toks):
            w = toks[i]
            if len(w) == 1:
                out.append(w)
                if toks[i + 1:i + 3] == ["as", "in"]:
                    i += 4
                    continue
            elif w in NATO_REV:
                out.append(NATO_REV[w])
            else:
                return None
            i += 1
        return "".join(out)
    return re.sub(r"[^a-z ]", "", t).strip()


def valid_value(ent, v, form):
    if not isinstance(v, str) or not v:
        return False
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", v))
    if ent == "SSN":
        if form.startswith("last4"):
            return bool(re.fullmatch(r"\d{4}", v)) and v != "0000"
        return bool(re.fullmatch(r"\d{9}", v)) and v[:3] not in ("000", "666") and v[0] != "9" \
            and v[3:5] != "00" and v[5:] != "0000"
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return (1930 <= d.year <= 2006) if ent == "DOB" else (2020 <= d.year <= 2026)
    if ent == "MRN":
        return bool(re.fullmatch(r"\d{7,9}", v))
    if ent == "NPI":
        return bool(re.fullmatch(r"[12]\d{9}", v)) and luhn_ok("80840" + v)
    if ent == "CARD":
        if not v.isdigit() or not luhn_ok(v):
            return False
        return (len(v) == 15 and v[:2] in ("34", "37")) or (len(v) == 16 and v[0] in "456")
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}", v))
    if ent == "MBI":
        a = "[%s]" % MBI_ALPHA
        return bool(re.fullmatch(r"[1-9]%s[%s0-9]\d%s[%s0-9]\d%s%s\d\d" % (a, MBI_ALPHA, a, MBI_ALPHA, a, a), v))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z0-9]{9,13}", v)) and sum(ch.isdigit() for ch in v) >= 8
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z]+)+", v))
    if ent in ("NAME", "CITY"):
        return bool(re.fullmatch(r"[^\W\d_]+(['\- ][^\W\d_]+)*", v))
    if ent == "STREET":
        return bool(re.fullmatch(r"\d{1,5} [A-Za-z ]+( (Apartment|Unit) \d+[A-D]?)?", v))
    return False


def string_ranges(text):
    """Byte ranges (inside the quotes) of every JSON string value (not keys)."""
    out = []
    b = text.encode("utf-8")
    i, n = 0, len(b)
    stack = []  # 'o' object expecting key, 'v' object expecting value, 'a' array
    while i < n:
        ch = b[i:i + 1]
        if ch == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            is_key = stack and stack[-1] == "o"
            if not is_key:
                out.append((i + 1, j))
            i = j + 1
            continue
        if ch == b"{":
            stack.append("o")
        elif ch == b"[":
            stack.append("a")
        elif ch in (b"}", b"]"):
            stack.pop()
        elif ch == b":":
            stack[-1] = "v"
        elif ch == b"," and stack and stack[-1] == "v":
            stack[-1] = "o"
        i += 1
    return out


def check_record(rec, errs):
    rid = rec.get("id", "?")

    def bad(msg):
        errs.append("%s: %s" % (rid, msg))

    for k in ("id", "format", "kind", "text", "spans", "negatives"):
        if k not in rec:
            bad("missing " + k)
            return
    text = rec["text"]
    b = text.encode("utf-8")
    if rec["format"] == "transcript":
        if "profile" in rec:
            bad("transcript with profile")
        lines = text.split("\n")
        if text.endswith("\n") or any(not ln.strip() for ln in lines):
            bad("blank line or trailing newline")
        if not 8 <= len(lines) <= 40:
            bad("%d turns" % len(lines))
        for ln in lines:
            if not LINE_RE.match(ln):
                bad("line without speaker label: %r" % ln[:60])
    elif rec["format"] == "json":
        if rec.get("profile") not in PROFILES:
            bad("bad profile")
        try:
            obj = json.loads(text)
        except ValueError as e:
            bad("json: %s" % e)
            return
        if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
            bad("json not compact canonical")
        ranges = string_ranges(text)
    else:
        bad("bad format")
        return
    items = []
    for s in rec["spans"]:
        st, en = s.get("start"), s.get("end")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(b)):
            bad("span offsets %r" % s)
            continue
        try:
            piece = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            bad("span cuts a character %r" % s)
            continue
        if piece != piece.strip() or not (piece[0].isalnum() or piece[0] in "($") or not (piece[-1].isalnum() or piece[-1] == "."):
            bad("span edges %r" % piece)
        if s.get("entity") not in ENTITIES or s.get("cue") not in CUES or \
                not isinstance(s.get("spoken"), bool) or not s.get("form"):
            bad("span labels %r" % s)
        ent, val, form, part = s.get("entity"), s.get("value"), s.get("form", ""), s.get("part", False)
        if not valid_value(ent, val, form):
            bad("invalid %s value %r" % (ent, val))
        # rendering consistent with the value (a fragment may be a connective word of it)
        ok = True
        connective = part and re.fullmatch(r"[A-Za-z -]+", piece) and \
            all(w in FRAGMENT_WORDS for w in re.findall(r"x-ray|[a-z]+", piece.lower()))
        if connective:
            pass
        elif ent in ("PHONE", "SSN", "MRN", "NPI", "CARD", "ZIP", "MEMBER_ID", "MBI"):
            got = norm_alnum(piece, letters_ok=ent in ("MEMBER_ID", "MBI"))
            ok = got is not None and ((got in val) if part else (got == val))
        elif ent == "EMAIL":
            got = norm_email(piece)
            ok = (got in val) if part else (got == val)
        elif ent == "NAME":
            spelled = form.startswith("spelled")
            got = norm_name(piece, spelled)
            want = norm_name(val, False).replace(" ", "") if spelled else norm_name(val, False)
            ok = got is not None and ((got in want) if part else (got == want))
            if spelled and val != val.upper():
                ok = False
        elif ent == "CITY":
            ok = norm_name(piece, False) in norm_name(val, False)
        elif ent == "STREET":
            name_word = re.findall(r"[A-Za-z]+", val)[0].lower()
            ok = part or name_word in piece.lower()
        if not ok:
            bad("%s rendering %r does not match value %r" % (ent, piece, val))
        if rec["format"] == "json" and not any(a <= st and en <= z for a, z in ranges):
            bad("span outside a JSON string %r" % piece)
        items.append((st, en, "span"))
    for n_ in rec["negatives"]:
        st, en = n_.get("start"), n_.get("end")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(b)):
            bad("negative offsets %r" % n_)
            continue
        if n_.get("what") not in NEG_WHATS:
            bad("negative what %r" % n_)
        try:
            piece = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            bad("negative cuts a character")
            continue
        if piece != piece.strip():
            bad("negative edges %r" % piece)
        if rec["format"] == "json" and not any(a <= st and en <= z for a, z in ranges):
            bad("negative outside a JSON string")
        items.append((st, en, "neg"))
    items.sort()
    for (a1, e1, _), (a2, e2, _) in zip(items, items[1:]):
        if a2 < e1:
            bad("overlap at %d" % a2)


# ----------------------------------------------------------------------------- stats
def stats(records):
    out = []
    ent_tab = collections.OrderedDict((e, collections.Counter()) for e in ENTITIES)
    forms = collections.defaultdict(collections.Counter)
    negs = collections.Counter()
    kinds = collections.Counter()
    fmts = collections.Counter()
    parts = collections.Counter()
    nbytes = 0
    for rec in records:
        kinds[rec["kind"]] += 1
        fmts[rec["format"] + ("/" + rec["profile"] if rec.get("profile") else "")] += 1
        nbytes += len(rec["text"].encode("utf-8"))
        for s in rec["spans"]:
            if s.get("part"):
                parts[s["entity"]] += 1
                continue
            sp = "spoken" if s["spoken"] else "written"
            ent_tab[s["entity"]][(sp, s["cue"])] += 1
            forms[s["entity"]][s["form"]] += 1
        for n_ in rec["negatives"]:
            negs[n_["what"]] += 1
    out.append("records: %d (%s); %.1f MB" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fmts.items())),
                                             nbytes / 1e6))
    out.append("")
    out.append("whole-value spans (fragments of a value in per-word JSON fields counted apart):")
    out.append("| entity | spoken same | spoken prev | spoken none | written same | written prev | written none "
               "| spoken | total | fragments |")
    out.append("|---|" + "---:|" * 9)
    tot = collections.Counter()
    for e, cnt in ent_tab.items():
        row = [cnt[(sp, cu)] for sp in ("spoken", "written") for cu in CUES]
        spk = sum(row[:3])
        out.append("| %s | %s | %d | %d | %d |" % (e, " | ".join(str(x) for x in row), spk, sum(row), parts[e]))
        for i_, x in enumerate(row):
            tot[i_] += x
    out.append("| all | %s | %d | %d | %d |" % (" | ".join(str(tot[i]) for i in range(6)),
                                                sum(tot[i] for i in range(3)), sum(tot.values()),
                                                sum(parts.values())))
    out.append("")
    out.append("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in negs.most_common())))
    out.append("")
    out.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("")
    out.append("forms:")
    for e in ENTITIES:
        if forms[e]:
            out.append("  %s: %s" % (e, ", ".join("%s %d" % kv for kv in forms[e].most_common())))
    return "\n".join(out)


# ----------------------------------------------------------------------------- main
def generate(seed, n):
    recs = []
    for i, (calltype, fmt) in enumerate(plan(seed, n)):
        recs.append(build_record(i, seed, calltype, fmt))
    return recs


def dump(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("-n", type=int, default=N_RECORDS)
    ap.add_argument("--stats", action="store_true", help="print counts of a fresh generation")
    ap.add_argument("--check", nargs="+", metavar="FILE", help="re-validate files, then print stats")
    ap.add_argument("--carrier-dir", default="")
    args = ap.parse_args()
    if args.check:
        records, errs = [], []
        for path in args.check:
            with open(path, encoding="utf-8") as f:
                for ln, line in enumerate(f, 1):
                    if not line.strip():
                        errs.append("%s:%d blank line" % (path, ln))
                        continue
                    try:
                        rec = json.loads(line)
                    except ValueError as e:
                        errs.append("%s:%d %s" % (path, ln, e))
                        continue
                    check_record(rec, errs)
                    records.append(rec)
        ids = [r_["id"] for r_ in records]
        if len(set(ids)) != len(ids):
            errs.append("duplicate ids")
        print(stats(records))
        if errs:
            print("\n%d problems:" % len(errs))
            for e in errs[:60]:
                print("  " + e)
            sys.exit(1)
        print("\ncheck OK: %d records" % len(records))
        return
    MTS_PAIRS[:] = load_mts(find_carrier_dir(args.carrier_dir))
    recs = generate(args.seed, args.n)
    if args.stats:
        print(stats(recs))
        return
    out = sys.stdout
    out.write("\n".join(dump(r_) for r_ in recs) + "\n")


if __name__ == "__main__":
    main()
