#!/usr/bin/env python3
"""Holdout 14: spoken PHI in health-insurer / hospital call-center calls.

Written from a call-center trainer's point of view: how agents ask for each
identifier, how callers answer (whole, chunked, spelled, hesitant, corrected,
two at once, split across turns) and how STT products write it down.
Standard library only, deterministic for a given --seed.

  python3 gen_holdout14.py [--seed 20261214] [--n 150] > holdout14.jsonl
  python3 gen_holdout14.py --check holdout14.jsonl
  python3 gen_holdout14.py --stats [--seed N]
"""
import argparse
import collections
import csv
import json
import os
import random
import re
import sys

SEED = 20261214
ENTITIES = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL",
            "NPI", "MEMBER_ID", "NAME"]

# ---------------------------------------------------------------- word lists
FIRST = ["Dana", "Marcus", "Priya", "Luis", "Keisha", "Tomasz", "Aaliyah", "Wei", "Fatima",
         "Brandon", "Mei", "Olumide", "Rosa", "Dmitri", "Hannah", "Jamal", "Ingrid", "Carlos",
         "Ngozi", "Kevin", "Anjali", "Miguel", "Svetlana", "Darnell", "Yuki", "Tanisha",
         "Mohammed", "Colleen", "Hector", "Linh", "Gregory", "Esperanza", "Raj", "Bridget",
         "Kwame", "Lucia", "Terrence", "Sofia", "Arjun", "Maureen", "Andre", "Leticia",
         "Hiroshi", "Shirley", "Emeka", "Nadia", "Walter", "Ximena", "Bogdan", "Latoya",
         "Samir", "Deborah", "Thanh", "Gloria", "Ricardo", "Ayesha", "Patrick", "Imani"]
LAST = ["Reyes", "Okafor", "Nguyen", "Kowalski", "Patel", "Washington", "Haddad", "Lindqvist",
        "Castillo", "Brennan", "Tanaka", "Adeyemi", "Morales", "Petrov", "Coleman", "Sandoval",
        "Chen", "Mbeki", "Fitzgerald", "Duarte", "Abernathy", "Kaur", "Oyelaran", "Yilmaz",
        "Delgado", "Hoffmann", "Banerjee", "Jefferson", "Romero", "Nakamura", "Ivanova",
        "Gallagher", "Mensah", "Torres", "Schultz", "Achebe", "Rahman", "Whitfield", "Alvarez",
        "Kim", "Obi", "Sorensen", "Harper", "Quintero", "Malik", "Dubois", "Pham", "Greene",
        "Ferreira", "Novak", "Bautista", "Osei", "Lindgren", "Hussain", "McAllister", "Vega"]
STREETS = ["Elm", "Birchwood", "Maple Ridge", "Cedar", "Old Mill", "Juniper", "Harbor View",
           "Lincoln", "Pinecrest", "Willow Bend", "Magnolia", "Sunset", "Kingsley", "Orchard",
           "Fox Hollow", "Riverside", "Chestnut", "Brookhaven", "Laurel", "Mockingbird",
           "Prospect", "Quail Run", "Ashford", "Greenbriar", "Sycamore", "Whitney"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Lane", "Ln."), ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Place", "Pl."), ("Circle", "Cir."), ("Terrace", "Ter.")]
UNITS = [("apartment", "Apt."), ("unit", "Unit"), ("suite", "Ste."), ("number", "#")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com", "icloud.com",
           "comcast.net", "protonmail.com"]
AREA = ["205", "212", "213", "214", "216", "224", "248", "267", "305", "312", "313", "314",
        "347", "404", "412", "415", "469", "502", "503", "504", "512", "513", "602", "614",
        "617", "702", "713", "718", "720", "773", "786", "801", "813", "817", "832", "843",
        "901", "904", "915", "919", "971", "336", "571", "series"]
AREA = [a for a in AREA if a.isdigit()]
ZIP3 = ["021", "100", "112", "191", "212", "282", "303", "331", "372", "441", "462", "482",
        "532", "554", "606", "631", "641", "752", "770", "787", "802", "850", "871", "891",
        "945", "972", "981", "336", "606", "290", "735", "580"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
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
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "z": "zulu"}
ASIN = {"a": ["apple", "adam"], "b": ["boy", "bravo"], "c": ["cat", "charlie"],
        "d": ["david", "dog"], "e": ["edward", "echo"], "f": ["frank", "fox"],
        "g": ["george", "girl"], "h": ["henry", "house"], "j": ["john", "jack"],
        "k": ["king", "kite"], "m": ["mary", "mike"], "n": ["nancy", "nora"],
        "p": ["peter", "paul"], "q": ["queen", "quebec"], "r": ["robert", "red"],
        "s": ["sam", "sugar"], "t": ["tom", "thomas"], "u": ["umbrella", "uncle"],
        "v": ["victor", "violet"], "w": ["william", "walter"], "x": ["x-ray", "xylophone"],
        "y": ["yellow", "yes"], "z": ["zebra", "zoo"], "l": ["larry", "lincoln"],
        "i": ["ida", "igloo"], "o": ["ocean", "otto"]}
FILL = ["uh", "um", "uh,", "um,", "er"]

PLANS = ["Lakeshore Health Plan", "Bluewater Community Health", "Northfield Medical Center",
         "Summit Valley Hospital", "Harborline Health Partners", "Prairie Crest Medicare Advantage",
         "Mesa Ridge Health System", "Cardinal Point Insurance"]


# ---------------------------------------------------------------- values
def luhn_digit(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


BAD_SSN = {"078051120", "123456789", "219099999"}


def gen_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        v = "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))
        if v not in BAD_SSN:
            return v


def ssn_ok(v):
    return (len(v) == 9 and v.isdigit() and v[:3] not in ("000", "666") and v[0] != "9"
            and v[3:5] != "00" and v[5:] != "0000" and v not in BAD_SSN)


def gen_phone(r):
    return r.choice(AREA) + "5550" + "1" + "%02d" % r.randint(0, 99)


def gen_card(r):
    kind = r.choice(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        p, n = "4" + "".join(str(r.randint(0, 9)) for _ in range(5)), 16
    elif kind == "mc":
        p, n = "5" + str(r.randint(1, 5)) + "".join(str(r.randint(0, 9)) for _ in range(4)), 16
    elif kind == "amex":
        p, n = r.choice(["34", "37"]) + "".join(str(r.randint(0, 9)) for _ in range(4)), 15
    else:
        p, n = "6011" + "".join(str(r.randint(0, 9)) for _ in range(2)), 16
    body = p + "".join(str(r.randint(0, 9)) for _ in range(n - 1 - len(p)))
    return body + luhn_digit(body)


def gen_npi(r):
    body = r.choice("12") + "".join(str(r.randint(0, 9)) for _ in range(8))
    return body + luhn_digit("80840" + body)


def npi_ok(v):
    return len(v) == 10 and v.isdigit() and v[0] in "12" and luhn_ok("80840" + v)


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(r):
    an = MBI_A + "0123456789"
    pat = [str(r.randint(1, 9)), r.choice(MBI_A), r.choice(an), str(r.randint(0, 9)),
           r.choice(MBI_A), r.choice(an), str(r.randint(0, 9)), r.choice(MBI_A),
           r.choice(MBI_A), str(r.randint(0, 9)), str(r.randint(0, 9))]
    return "".join(pat)


def mbi_ok(v):
    an = MBI_A + "0123456789"
    kinds = ["C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
    if len(v) != 11:
        return False
    for ch, k in zip(v, kinds):
        if k == "C" and ch not in "123456789":
            return False
        if k == "A" and ch not in MBI_A:
            return False
        if k == "AN" and ch not in an:
            return False
        if k == "N" and not ch.isdigit():
            return False
    return True


MEM_L = "ABCDEFGHJKMNPRSTUVWXYZ"  # no I, L, O, Q (said as digits or unclear)


def gen_member(r):
    k = r.randint(0, 3)
    if k == 0:
        return "".join(r.choice(MEM_L) for _ in range(3)) + "".join(str(r.randint(0, 9)) for _ in range(9))
    if k == 1:
        return r.choice(MEM_L) + "".join(str(r.randint(0, 9)) for _ in range(9))
    if k == 2:
        return "".join(r.choice(MEM_L) for _ in range(2)) + "".join(str(r.randint(0, 9)) for _ in range(8))
    return "".join(str(r.randint(0, 9)) for _ in range(11))


def gen_mrn(r):
    k = r.randint(0, 2)
    if k == 0:
        return "".join(str(r.randint(0, 9)) for _ in range(8))
    if k == 1:
        return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(6))
    return "".join(str(r.randint(0, 9)) for _ in range(10))


def gen_zip(r):
    return r.choice(ZIP3) + "%02d" % r.randint(1, 99)


def gen_dob(r):
    y = r.randint(1934, 2008)
    m = r.randint(1, 12)
    d = r.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return (y, m, d)


def gen_name(r):
    return (r.choice(FIRST), r.choice(LAST))


def gen_street(r):
    n = r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9899), r.randint(1000, 9899)])
    unit = None
    if r.random() < 0.3:
        unit = (r.choice(UNITS), r.choice([str(r.randint(1, 30)), str(r.randint(1, 4)) + r.choice("ABCD"),
                                           str(r.randint(101, 420))]))
    return (n, r.choice(STREETS), r.choice(SUFFIX), unit)


def gen_email(r, name=None):
    f, l = name or gen_name(r)
    f, l = f.lower(), l.lower()
    k = r.randint(0, 4)
    if k == 0:
        local = f + "." + l
    elif k == 1:
        local = f[0] + l + str(r.randint(1, 99))
    elif k == 2:
        local = f + l[0] + str(r.randint(60, 99))
    elif k == 3:
        local = f + "_" + l
    else:
        local = l + "." + f[0]
    return local + "@" + r.choice(DOMAINS)


# ---------------------------------------------------------------- renderers
def dword(ch, r, zero=None):
    if ch == "0":
        return zero or r.choice(["zero", "oh", "o", "oh"])
    return ONES[int(ch)]


def two_words(n, zero="oh"):
    if n < 10:
        return zero + " " + ONES[n]
    if n < 20:
        return ONES[n]
    if n % 10 == 0:
        return TENS[n // 10]
    return TENS[n // 10] + " " + ONES[n % 10]


def group_words(g, r, style, zero):
    """One chunk of digits in words. style: single|pairs|double."""
    if style == "pairs" and len(g) == 4 and g[0] != "0" and g[2] != "0" and not (g[3] == "0" and g[2] >= "2"):
        return two_words(int(g[:2])) + " " + two_words(int(g[2:]))
    if style == "pairs" and len(g) == 3 and g[1] != "0" and not (g[2] == "0" and g[1] >= "2"):
        return ONES[int(g[0])] + " " + two_words(int(g[1:]))
    if style == "double":
        out = []
        i = 0
        while i < len(g):
            if i + 2 < len(g) and g[i] == g[i + 1] == g[i + 2]:
                out.append("triple " + dword(g[i], r, zero))
                i += 3
            elif i + 1 < len(g) and g[i] == g[i + 1]:
                out.append("double " + dword(g[i], r, zero))
                i += 2
            else:
                out.append(dword(g[i], r, zero))
                i += 1
        return " ".join(out)
    return " ".join(dword(c, r, zero) for c in g)


def render_number(digits, groups, r, mode=None):
    """Returns (text, spoken, form). groups: list of chunk lengths."""
    chunks = []
    i = 0
    for n in groups:
        chunks.append(digits[i:i + n])
        i += n
    if i < len(digits):
        chunks.append(digits[i:])
    mode = mode or r.choice(["words", "words", "words", "digits", "mixed", "words_filler"])
    if mode == "digits":
        sep = r.choice(["-", " ", "", "-", ". "])
        if sep == ". ":
            return ". ".join(chunks), False, "digits_period_chunks"
        return sep.join(chunks), False, "digits_%s" % {"-": "dash", " ": "space", "": "run"}[sep]
    zero = r.choice(["zero", "oh", "o", None])
    style = r.choice(["single", "single", "pairs", "double"])
    sep = r.choice([", ", " ", "... ", ", ", " - "]) if mode != "run" else " "
    parts = []
    for k, c in enumerate(chunks):
        if mode == "mixed" and k > 0 and r.random() < 0.6:
            parts.append(c)
        else:
            parts.append(group_words(c, r, style, zero))
    if mode == "words_filler" and len(parts) > 1:
        k = r.randint(1, len(parts) - 1)
        parts[k] = r.choice(FILL) + " " + parts[k]
    text = sep.join(parts)
    if r.random() < 0.12:
        homo = [("four", "for"), ("two", "to"), ("eight", "ate"), ("two", "too"), ("one", "won")]
        r.shuffle(homo)
        for a_, b_ in homo:
            if re.search(r"\b%s\b" % a_, text):
                text = re.sub(r"\b%s\b" % a_, b_, text, count=1)
                mode_h = True
                break
        else:
            mode_h = False
    else:
        mode_h = False
    form = "%s_%s_%s%s" % ("mixed" if mode == "mixed" else "words", style,
                           {"zero": "zero", "oh": "oh", "o": "o", None: "rand0"}[zero],
                           {", ": "_comma", " ": "", "... ": "_pause", " - ": "_dash"}[sep])
    if mode == "words_filler":
        form += "_filler"
    if mode_h:
        form += "_stt_homophone"
    return text, True, form


def spell_letters(s, r, style=None):
    style = style or r.choice(["plain", "plain", "upper", "asin", "nato", "dash"])
    out = []
    for ch in s:
        c = ch.lower()
        if ch.isdigit():
            out.append(dword(ch, r, "zero"))
        elif style == "plain":
            out.append(c)
        elif style == "upper":
            out.append(ch.upper())
        elif style == "dash":
            out.append(ch.upper())
        elif style == "nato":
            out.append(NATO[c])
        else:
            out.append(c + " as in " + r.choice(ASIN[c]))
    j = "-" if style == "dash" else (", " if style == "asin" else " ")
    return j.join(out), style


def render_alnum(v, r, digit_groups):
    """letters spelled then digits chunked."""
    m = re.match(r"([A-Z]*)(\d+)$", v)
    lets, digs = m.group(1), m.group(2)
    if r.random() < 0.25:
        sep = r.choice(["", " ", "-"])
        return (lets + sep + " ".join(re.findall(".{1,4}", digs)) if sep == " " else lets + sep + digs).strip(), False, "alnum_written"
    parts = []
    form = "alnum"
    if lets:
        t, st = spell_letters(lets, r)
        parts.append(t)
        form += "_" + st
    dt, sp, df = render_number(digs, digit_groups, r)
    parts.append(dt)
    return r.choice([" ", ", ", "... "]).join(parts), True, form + "_" + df


def render_mbi(v, r):
    k = r.random()
    if k < 0.2:
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, "mbi_dashed"
    if k < 0.3:
        return v, False, "mbi_run"
    style = r.choice(["plain", "plain", "upper", "asin", "nato"])
    chunks = [v[:4], v[4:7], v[7:]]
    out = []
    for c in chunks:
        words = []
        for ch in c:
            if ch.isdigit():
                words.append(dword(ch, r, r.choice(["zero", "oh"])))
            else:
                words.append(spell_letters(ch, r, style)[0])
        out.append((", " if style == "asin" else " ").join(words))
    return r.choice([", ", "... ", " ", " dash "]).join(out), True, "mbi_spelled_" + style


def render_dob(d, r, written_only=False):
    y, m, dd = d
    mn = MONTHS[m - 1]
    yw = year_words(y, r)
    choices = ["mdy_words", "ord_words", "the_of", "num_words", "num_words2", "mixed_year",
               "written_slash", "written_long", "written_dash"]
    if written_only:
        choices = ["written_slash", "written_long", "written_dash"]
    k = r.choice(choices)
    if k == "mdy_words":
        return "%s %s %s" % (mn, ONES[dd] if dd < 20 else two_words(dd), yw), True, "month_card_year_words"
    if k == "ord_words":
        return "%s %s %s" % (mn, ORD[dd], yw), True, "month_ord_year_words"
    if k == "the_of":
        return "the %s of %s %s" % (ORD[dd], mn, yw), True, "the_d_of_m_words"
    if k == "num_words":
        return "%s %s %s" % (two_words(m) if m < 10 else two_words(m), two_words(dd), yw if r.random() < .5 else two_words(y % 100)), True, "num_mdy_words_oh"
    if k == "num_words2":
        return "%s, %s, %s" % (ONES[m] if m < 10 else two_words(m), ONES[dd] if dd < 20 else two_words(dd), two_words(y % 100) if r.random() < .5 else yw), True, "num_mdy_words_nolead"
    if k == "mixed_year":
        return "%s %s %d" % (mn.capitalize() if r.random() < .5 else mn, ORD[dd], y), True, "month_ord_year_digits"
    if k == "written_slash":
        return ("%02d/%02d/%d" if r.random() < .6 else "%d/%d/%d") % (m, dd, y), False, "written_mdy_slash"
    if k == "written_dash":
        return "%02d-%02d-%d" % (m, dd, y), False, "written_mdy_dash"
    return "%s %d%s, %d" % (mn.capitalize(), dd, {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(dd, "th"), y), False, "written_month_day_year"


def year_words(y, r):
    if y >= 2000:
        return r.choice(["two thousand " + (ONES[y - 2000] if y > 2000 else "").strip(),
                         "twenty " + two_words(y - 2000)]).strip() if y > 2000 else "two thousand"
    return two_words(y // 100) + " " + two_words(y % 100)


def render_phone(v, r):
    k = r.random()
    if k < 0.08:
        return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), False, "written_paren"
    if k < 0.14:
        return "%s-%s-%s" % (v[:3], v[3:6], v[6:]), False, "written_dash"
    if k < 0.17:
        return "+1 %s %s %s" % (v[:3], v[3:6], v[6:]), False, "written_plus1"
    if k < 0.33:
        t, s, f = render_number(v, [3, 3, 4], r, "words")
        return "one " + t, s, "one_" + f
    return render_number(v, [3, 3, 4], r)


def render_ssn(v, r):
    k = r.random()
    if k < 0.2:
        return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), False, "written_dash"
    if k < 0.27:
        return "%s %s %s" % (v[:3], v[3:5], v[5:]), False, "written_space"
    return render_number(v, [3, 2, 4], r, r.choice(["words", "words", "mixed", "words_filler"]))


def render_card(v, r):
    g = [4, 6, 5] if len(v) == 15 else [4, 4, 4, 4]
    if r.random() < 0.25:
        i = 0
        out = []
        for n in g:
            out.append(v[i:i + n])
            i += n
        return r.choice([" ", "-"]).join(out), False, "written_groups"
    return render_number(v, g, r, r.choice(["words", "words", "mixed", "words_filler"]))


def render_street(st, r, written=False):
    n, name, (suf, sab), unit = st
    if written or r.random() < 0.2:
        t = "%d %s %s" % (n, name, sab if r.random() < .5 else suf)
        if unit:
            t += (", " if r.random() < .5 else " ") + "%s %s" % (unit[0][1], unit[1])
        return t, False, "written_street" + ("_unit" if unit else "")
    ns = str(n)
    k = r.random()
    if k < 0.4 and len(ns) == 4 and ns[2] != "0":
        nw = two_words(int(ns[:2])) + " " + two_words(int(ns[2:]))
        form = "house_pairs"
    elif k < 0.6:
        nw = ns
        form = "house_digits"
    else:
        nw = " ".join(dword(c, r, "oh") for c in ns)
        form = "house_single"
    t = "%s %s %s" % (nw, name.lower() if r.random() < .6 else name, suf.lower())
    if unit:
        u = unit[1]
        uw = " ".join(dword(c, r, "oh") if c.isdigit() else c.lower() for c in u) if r.random() < .6 else u
        t += r.choice([" ", ", "]) + unit[0][0] + " " + uw
        form += "_unit"
    return t, True, form


def render_email(v, r):
    if r.random() < 0.25:
        return v, False, "written_email"
    local, dom = v.split("@")
    k = r.random()
    out = []
    for piece in re.split(r"([._])", local):
        if piece == ".":
            out.append("dot")
        elif piece == "_":
            out.append("underscore")
        else:
            m = re.match(r"([a-z]+)(\d*)$", piece)
            w, d = m.group(1), m.group(2)
            if k < 0.3 and len(w) <= 7:
                out.append(" ".join(w))
            else:
                out.append(w)
            if d:
                out.append(two_words(int(d)) if r.random() < .5 and len(d) == 2 and d[0] != "0" else " ".join(dword(c, r, "zero") for c in d))
    dn, tld = dom.rsplit(".", 1)
    out += ["at", dn, "dot", tld]
    return " ".join(out), True, "email_words" + ("_spelled" if k < 0.3 else "")


def render_name(nm, r, part="full"):
    f, l = nm
    if part == "first":
        return (f if r.random() < .5 else f.lower()), True, "name_first"
    if part == "last_spelled":
        t, st = spell_letters(l, r, r.choice(["plain", "upper", "dash", "asin"]))
        return t, True, "name_spelled_" + st
    if part == "last":
        return l, True, "name_last"
    return ("%s %s" % (f, l) if r.random() < .5 else ("%s %s" % (f, l)).lower()), True, "name_full"


# ---------------------------------------------------------------- record builder
class Rec:
    """Collects segments: plain str or (text, meta) where meta marks a span/negative."""

    def __init__(self):
        self.lines = []   # list of (speaker, [segments])

    def add(self, spk, *segs):
        self.lines.append((spk, list(segs)))


def S(text, ent, value, spoken, cue, form, **kw):
    m = {"k": "span", "entity": ent, "value": value, "spoken": spoken, "cue": cue, "form": form}
    m.update(kw)
    return (text, m)


def NEG(text, what):
    return (text, {"k": "neg", "what": what})


OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"


def mark(segs, metas):
    out = []
    for s in segs:
        if isinstance(s, tuple):
            metas.append(s[1])
            out.append("%s%d%s%s%s" % (OPEN, len(metas) - 1, MID, s[0], CLOSE))
        else:
            out.append(s)
    return "".join(out)


def resolve(marked, metas):
    spans, negs = [], []
    out = []
    pos = 0  # byte pos
    i = 0
    pat = re.compile(OPEN + r"(\d+)" + MID + "(.*?)" + CLOSE, re.S)
    for m in pat.finditer(marked):
        pre = marked[i:m.start()]
        out.append(pre)
        pos += len(pre.encode("utf-8"))
        val = m.group(2)
        b = len(val.encode("utf-8"))
        meta = metas[int(m.group(1))]
        if meta["k"] == "span":
            d = {"start": pos, "end": pos + b}
            d.update({k: v for k, v in meta.items() if k != "k"})
            spans.append(d)
        else:
            negs.append({"start": pos, "end": pos + b, "what": meta["what"]})
        out.append(val)
        pos += b
        i = m.end()
    out.append(marked[i:])
    return "".join(out), spans, negs


# ---------------------------------------------------------------- carrier
def carrier_dir():
    for c in [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
              os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources")]:
        if c and os.path.isdir(c):
            return c
    sys.exit("carrier sources not found")


NUMWORDS = set(ONES + TENS[2:] + ["hundred", "thousand", "million", "oh", "double", "triple"] + [x for x in ORD if x])
SCREEN_WORDS = set("""mr mrs ms miss mister missus dr doctor street avenue road lane drive born birthday
birth address insurance medicare medicaid social security phone number email card zip hospital
clinic name named call called ssn mrn id account member policy apartment""".split())
NAME_LOWER = set(w.lower() for w in FIRST + LAST)


VOCAB = set()


def build_vocab(texts):
    """Words seen in lower case in the middle of cased sentences (MTS, PriMock57): ordinary words.
    A lower-case ASR line (ACI-bench) may only use these, which keeps lower-case names out."""
    for t in texts:
        for m in re.finditer(r"(?<=[a-z,] )([a-z][a-z']*)", t):
            VOCAB.add(m.group(1))


def clean(line):
    t = re.sub(r"\s+", " ", line).strip()
    t = re.sub(r"^[ .,]+", "", t)
    t = re.sub(r" ([,.?!])", r"\1", t)
    return t


def screen(line):
    """True when a carrier line is safe to reuse unlabelled."""
    t = line.strip()
    if not t or t[-1] not in ".?!" and not t[-1].isalpha():
        return False
    if VOCAB and any(w.lower() not in VOCAB and w != "I" and not re.match(r"I'", w)
                     for w in re.findall(r"[A-Za-z][A-Za-z']*", t)):
        return False
    if not (4 <= len(t.split()) <= 28):
        return False
    if re.search(r"[0-9@#$%/<>\[\]{}]", t):
        return False
    words = re.findall(r"[A-Za-z']+", t)
    lw = [w.lower().strip("'") for w in words]
    if any(w in NUMWORDS for w in lw):
        return False
    if any(w in SCREEN_WORDS or w in NAME_LOWER for w in lw):
        return False
    # capitalised words not at sentence start (possible names/places), except I / I'm ...
    for k, w in enumerate(words):
        if w[0].isupper() and k > 0 and not re.match(r"I('|$)", w) and not re.search(r"[.?!]\s+$", t[:t.find(w)] if False else ""):
            prev = t[:t.find(w)].rstrip()
            if not prev.endswith((".", "?", "!")):
                return False
    return True


def load_carrier():
    base = carrier_dir()
    pairs = []  # (source, clinician line, patient line)
    csv.field_size_limit(10 ** 8)
    raw_mts, raw_pm = [], {}
    for fn in ["MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"]:
        with open(os.path.join(base, "mts-dialog", fn), encoding="utf-8") as f:
            raw_mts += [row["dialogue"] for row in csv.DictReader(f)]
    pm = os.path.join(base, "primock57")
    for fn in sorted(os.listdir(pm)):
        if fn.endswith(".TextGrid"):
            with open(os.path.join(pm, fn), encoding="utf-8") as f:
                raw_pm[fn] = f.read()
    VOCAB.clear()
    build_vocab(raw_mts + [re.sub(r"<[^>]+>", "", x) for x in raw_pm.values()])
    for fn in ["MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"]:
        with open(os.path.join(base, "mts-dialog", fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                ls = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
                for a, b in zip(ls, ls[1:]):
                    if a.startswith("Doctor:") and b.startswith("Patient:"):
                        x, y = clean(a[7:]), clean(b[8:])
                        if screen(x) and screen(y):
                            pairs.append(("mts", x, y))
    for fn in ["valid_aci_asr.csv", "train_virtscribe_asr.csv", "test1_aci_asr.csv"]:
        with open(os.path.join(base, "aci-bench", fn), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                ls = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
                for a, b in zip(ls, ls[1:]):
                    if a.startswith("[doctor]") and b.startswith("[patient]"):
                        x, y = clean(a[8:]), clean(b[9:])
                        if screen(x) and screen(y):
                            pairs.append(("aci", x, y))
    for fn in sorted(raw_pm):
        if not fn.endswith("_doctor.TextGrid"):
            continue
        segs = []
        for who, f2 in (("d", fn), ("p", fn.replace("_doctor", "_patient"))):
            txt = raw_pm[f2]
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                t = clean(re.sub(r"<[^>]+>", "", m.group(2)))
                if t:
                    segs.append((float(m.group(1)), who, t))
        segs.sort()
        for (t1, w1, a), (t2, w2, b) in zip(segs, segs[1:]):
            if w1 == "d" and w2 == "p" and screen(a) and screen(b):
                pairs.append(("primock57", a, b))
    return pairs


# ---------------------------------------------------------------- phrase banks
ASK = {
    "SSN": ["to verify the account I'll need your social security number", "can you give me the social, and you can go slow", "what's the SSN on the policy holder", "okay, the social for the subscriber?",
            "Can I get your social security number?", "and what's your social",
            "For verification I'll need the social on the account.", "last thing, your s s n please",
            "can you verify the social security number for me", "okay and the social?",
            "I just need the full nine digits of your social.", "what's the social security number on file, the whole thing"],
    "PHONE": ["and is there a number where the nurse can call you back", "what's the phone number we have on your profile, can you verify that", "do you have a cell phone we can text reminders to?", "sorry, the call dropped earlier, what number should I call if it happens again?",
            "What's the best number to reach you?", "and a callback number in case we get disconnected",
              "can you verify the phone number on the account", "what number should the pharmacy call?",
              "is there a good phone number for you", "okay what's your cell",
              "And the number the hospital has for you?", "what number are you calling from today"],
    "DOB": ["can you confirm the date of birth for me", "and his birthday, month day and year", "for HIPAA I need a second identifier, date of birth?", "what's the birth date on the policy",
            "Can you verify your date of birth?", "and your birthday please", "date of birth?",
            "what's the patient's date of birth", "okay, and when were you born?",
            "I need the D O B to pull up the chart.", "can I have the member's date of birth",
            "and just to verify, birth date"],
    "MRN": ["the discharge paperwork should have an account or record number at the top, can you read it to me", "do you have the MRN off her wristband", "and the medical record number, it starts after the name on the label",
            "Do you have the medical record number? It's on the wristband or the discharge papers.",
            "the number the hospital gave you, the M R N, do you have that handy",
            "what's the medical record number", "is there a patient number on your after-visit summary?",
            "can you read me the MRN off the top of the paperwork", "and the chart number?"],
    "MBI": ["what's your Medicare number, not the social, the new one", "can you verify the Medicare ID on file", "read me the Medicare number, letters and all",
            "Can I get your Medicare number? The one on the red white and blue card.",
            "what's the Medicare beneficiary identifier, it's eleven characters",
            "read me the Medicare number off the card please", "and the M B I?",
            "do you have your new Medicare card in front of you? what's the number on it",
            "I'll need the Medicare ID to check eligibility."],
    "CARD": ["and what's the number on the card", "go ahead and read me the card number, I'll put the payment through", "would you like to pay the balance today? what card",
            "what card would you like to use for the copay", "go ahead with the card number whenever you're ready",
             "and the long number across the front of the card?", "Can I get the card number please?",
             "okay I can take a payment, what's the card", "the sixteen digits on the card, please"],
    "ZIP": ["and what zip is that", "can you confirm the ZIP code", "what's the zip where you live now",
            "and the zip code?", "what zip code are you in", "can you verify the zip on your mailing address",
            "What's your ZIP?", "and the postal code there", "zip code for the pharmacy you're closest to?"],
    "STREET": ["what address should we mail the new ID card to", "can you confirm your address for me", "where does the patient live, the house address",
            "What's your street address?", "and the mailing address we should send it to",
               "can you verify the address on file", "where should we ship the meter?",
               "okay what's the home address", "and the street address, apartment if there is one"],
    "EMAIL": ["is there an email you check regularly", "what email did you use to sign up for the portal", "okay I can email you the form, what address",
            "Do you have an email address we can send the confirmation to?", "what's a good email",
              "and your email for the portal invite", "can you spell out the email for me",
              "what email is on the account", "email address please"],
    "NPI": ["and the billing NPI", "do you have the referring doctor's NPI handy", "can I get the type one NPI for the physician",
            "Do you have the provider's N P I?", "what's the rendering provider NPI",
            "can I get the ordering physician's NPI number", "and the ten digit NPI for the doctor",
            "what's your NPI please", "I'll need the prescriber's N P I to submit the prior auth"],
    "MEMBER_ID": ["can I have the ID number that's on your insurance card", "what's the member number, it's right under the name", "read me the ID off the card, including the letters at the front",
            "What's the member ID on the front of your card?", "can you read me the ID number on the insurance card",
                  "and the subscriber ID?", "what's on the front of your card, the member number",
                  "okay, the policy or member ID please", "I need the ID off your insurance card, letters and numbers"],
    "NAME": ["Can I get the patient's first and last name?", "who am I speaking with?", "and your name please",
             "what's the member's full name", "can you spell the last name for me",
             "and who is the doctor you usually see?"],
}
SAME = {
    "SSN": ["the SSN, hold on, it's ", "his social security number is ", "my social is ", "the social's ", "social security number, ", "yeah it's, uh, my social is ",
            "ok the SSN is ", "and my social security is "],
    "PHONE": ["the best number for me is ", "you can text me at ", "home phone's ", "my number is ", "you can call me at ", "my cell's ", "phone number is ",
              "best callback is ", "my daughter's phone, she handles this, is "],
    "DOB": ["my birthdate is ", "her date of birth is ", "D.O.B. ", "my date of birth is ", "birthday's ", "I was born ", "D O B ", "date of birth, ",
            "she was born on "],
    "MRN": ["the MRN on the wristband is ", "medical record number ", "the medical record number is ", "my MRN is ", "it says M R N ", "the hospital number on the bracelet is ",
            "record number "],
    "MBI": ["the number on my Medicare card is ", "Medicare number, ", "my Medicare number is ", "the Medicare ID is ", "Medicare card says ", "my M B I is "],
    "CARD": ["the card number is ", "it's a mastercard, number ", "card number is ", "it's a visa, ", "the card is ", "put it on my card, "],
    "ZIP": ["zip code is ", "and my zip is ", "zip code ", "the zip is ", "my zip's ", "zip "],
    "STREET": ["the address is ", "we moved, the new address is ", "I live at ", "my address is ", "mailing address is ", "we're at ", "send it to my house at "],
    "EMAIL": ["my email address is ", "send it to my email, ", "my email is ", "email is ", "you can email me at ", "my e-mail, "],
    "NPI": ["the NPI number is ", "NPI ", "the NPI is ", "his NPI number is ", "her N P I is ", "our group NPI is "],
    "MEMBER_ID": ["the member ID on my card is ", "my insurance ID is ", "my member ID is ", "the ID on the card is ", "member number ", "subscriber ID is "],
    "NAME": ["my name is ", "this is ", "I'm calling for my mother, her name is ", "the patient's name is "],
}
READBACK = ["perfect, {v}.", "and that was {v}?", "okay I'm going to repeat it back, {v}", "{v}... okay.", "okay so I have {v}, is that right?", "let me read that back, {v}", "{v}, correct?",
            "just to confirm, {v}", "I've got {v}.", "okay {v}, got it", "so that's {v}?",
            "Thank you. I show {v}."]
ACK = ["yes", "yep that's it", "that's right", "mm-hmm correct", "yes ma'am", "uh huh", "correct",
       "yeah", "that's correct", "yes sir"]
HOLD = ["hold on let me grab my card", "um, one second, it's in my purse", "okay hang on",
        "let me find it, I had it right here", "sorry, give me a sec"]
HOLD_MEM = ["um, let me think", "hang on, sorry, the dog is barking", "oh gosh, one sec", "sorry, can you repeat that?",
            "hmm, hold on"]
FILLER_AGENT = ["mm-hmm", "okay", "go ahead", "uh huh", "I'm ready", "okay, I'm listening"]
OPENINGS = ["Thank you for calling {org}, this is {agent}, how can I help you today?",
            "{org} member services, my name is {agent}, can I start with what you're calling about?",
            "hi thanks for calling {org} this is {agent}", "Good afternoon, {org} scheduling, {agent} speaking.",
            "thank you for holding, this call may be recorded for quality, my name is {agent}",
            "{org} nurse line, this is {agent}, are you calling for yourself today?"]
REASONS = ["hi yeah I'm calling about a bill I got", "I need to refill my prescription and it says it needs authorization",
           "I'm trying to schedule a follow up after my surgery", "yeah I got a letter saying my claim was denied",
           "I need a copy of my records sent to a new doctor", "hi, I'm calling to check if my plan covers physical therapy",
           "I'm calling for my dad, he got discharged yesterday and we have questions",
           "hello I need to update my address", "I wanted to pay my balance over the phone",
           "hi, I'm calling from a doctor's office, we need to verify eligibility for a patient"]
CLOSINGS = ["Is there anything else I can help you with today?", "alright you're all set, thank you for calling",
            "thanks for your patience, have a good rest of your day", "okay, you should get that in the mail in seven to ten business days"]
CLOSE_CALLER = ["no that's everything thank you", "okay thanks bye", "nope, that was it", "alright thank you so much"]


def neg_line(r):
    """A line with a labelled hard negative, (speaker, segments)."""
    k = r.randint(0, 19)
    if k == 0:
        v = r.choice(["twenty milligrams", "10 mg", "five hundred milligrams", "two point five milligrams", "40 mg"])
        return "c", ["they upped the lisinopril to ", NEG(v, "dose"), " last month"]
    if k == 1:
        v = r.choice(["one thirty over eighty five", "142/90", "one fifty two over ninety", "118 over 76"])
        return "c", ["my blood pressure this morning was ", NEG(v, "blood_pressure")]
    if k == 2:
        v = r.choice(["two thirty", "10:15 AM", "nine forty five", "3:30 p.m.", "eight o'clock"])
        return "a", ["I can get you in Thursday at ", NEG(v, "time"), ", does that work?"]
    if k == 3:
        v = r.choice(["about three weeks", "two days", "six months", "forty five minutes"])
        return "c", ["it's been going on for ", NEG(v, "duration")]
    if k == 4:
        v = r.choice(["$45", "forty five dollars", "$1,287.40", "one hundred twenty dollars", "$30.00"])
        return "a", ["your copay for that visit would be ", NEG(v, "money")]
    if k == 5:
        v = r.choice(["four twelve", "312", "twenty two b", "618"])
        return "c", ["he was in room ", NEG(v, "room_number"), " on the cardiac floor"]
    if k == 6:
        v = r.choice(["three refills", "two", "90 tablets", "thirty pills"])
        return "a", ["I see ", NEG(v, "count"), " left on that prescription"]
    if k == 7:
        v = r.choice(["sixty seven", "72", "forty one", "eighty four", "58"])
        return "c", ["she's ", NEG(v, "age"), " so she gets confused with the phone tree"]
    if k == 8:
        v = r.choice(["March 3rd", "next Tuesday the fourteenth", "the twenty first", "11/18", "June ninth"])
        return "a", ["your next appointment is ", NEG(v, "appointment_date"), " with the same provider"]
    if k == 9:
        v = r.choice(["one eighty five", "212 pounds", "ninety kilos", "a hundred and sixty pounds"])
        return "c", ["I weigh like ", NEG(v, "weight"), " now"]
    if k == 10:
        v = r.choice(["seven point two", "6.8", "one forty", "nine point one"])
        return "c", ["my A1C came back ", NEG(v, "lab_value")]
    if k == 11:
        v = r.choice(["H7K2Q9", "48213", "C as in cat 9 4 0 1", "RX-55012"])
        return "a", ["your confirmation number is ", NEG(v, "confirmation_number")]
    if k == 12:
        v = r.choice(["press two", "option three", "press one", "dial zero"])
        return "c", ["the recording told me to ", NEG(v, "menu_option"), " and then it hung up on me"]
    if k == 13:
        v = r.choice(["nine one one", "911"])
        return "a", ["if the chest pain comes back, hang up and call ", NEG(v, "emergency_number")]
    if k == 14:
        v = r.choice(["five foot six", "six two", "5'10\"", "five eleven"])
        return "c", ["I'm ", NEG(v, "height"), " if that matters for the dosing"]
    if k == 15:
        if r.random() < .5:
            v = r.choice(["ninety four percent", "92%", "eighty eight percent"])
            return "c", ["the oxygen thing on her finger said ", NEG(v, "vital_sign")]
        v = r.choice(["ninety eight point six", "101.2", "a hundred and one", "one hundred point four"])
        return "c", ["her temperature was ", NEG(v, "vital_sign")]
    if k == 16:
        v = r.choice(["55-2093", "T-40981", "7713", "four four oh nine two"])
        return "a", [r.choice(["the supply order number ", "order ", "your order, number "]), NEG(v, "order_number"), " shipped yesterday"]
    if k == 17:
        v = r.choice(["2019", "twenty twenty two", "2021"])
        return "c", ["I had the same surgery back in ", NEG(v, "year")]
    if k == 18:
        v = r.choice(["will", "may", "hope"])
        if v == "will":
            return "c", ["I ", NEG(v, "common_word"), " call back tomorrow if I need to"]
        if v == "may":
            return "a", ["you ", NEG(v, "common_word"), " get a survey after the call"]
        return "c", ["I ", NEG(v, "common_word"), " it gets approved this time"]
    v = r.choice(["bill", "grant", "mark"])
    if v == "bill":
        return "c", ["I got a ", NEG(v, "common_word"), " for the ambulance too"]
    if v == "grant":
        return "a", ["we can ", NEG(v, "common_word"), " a one-time exception"]
    return "a", ["I'll ", NEG(v, "common_word"), " it as urgent"]


# ---------------------------------------------------------------- entity exchange
class Ctx:
    def __init__(self, r, stats, json_mode):
        self.r = r
        self.stats = stats
        self.json_mode = json_mode
        self.name = gen_name(r)


def render(ent, v, r, written=False):
    if ent == "SSN":
        t = render_ssn(v, r)
    elif ent == "PHONE":
        t = render_phone(v, r)
    elif ent == "DOB":
        return render_dob(v, r, written)
    elif ent == "MRN":
        t = render_number(v, [4, 4] if len(v) == 8 else ([3, 4] if len(v) == 7 else [3, 3, 4]), r)
    elif ent == "NPI":
        t = render_number(v, r.choice([[3, 3, 4], [5, 5], [10]]), r)
    elif ent == "CARD":
        t = render_card(v, r)
    elif ent == "ZIP":
        t = render_number(v, [5], r, r.choice(["words", "words", "digits", "words_filler" if False else "words"]))
    elif ent == "MBI":
        t = render_mbi(v, r)
    elif ent == "MEMBER_ID":
        t = render_alnum(v, r, [3, 3, 3] if len(re.sub("[A-Z]", "", v)) == 9 else [4, 4])
    elif ent == "STREET":
        return render_street(v, r, written)
    elif ent == "EMAIL":
        t = render_email(v, r)
    elif ent == "NAME":
        return render_name(v, r, "full")
    if written and t[1]:
        return written_form(ent, v)
    return t


def written_form(ent, v):
    if ent == "SSN":
        return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), False, "written_dash"
    if ent == "PHONE":
        return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), False, "written_paren"
    if ent == "CARD":
        return " ".join(re.findall(".{1,4}", v)), False, "written_groups"
    if ent == "MBI":
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, "mbi_dashed"
    if ent == "EMAIL":
        return v, False, "written_email"
    if ent == "STREET":
        return render_street(v, random.Random(0), True)
    if ent == "DOB":
        y, m, d = v
        return "%02d/%02d/%d" % (m, d, y), False, "written_mdy_slash"
    if ent == "NAME":
        return "%s %s" % v, False, "name_written"
    return v, False, "written_run"


def canon(ent, v):
    if ent == "DOB":
        return "%04d-%02d-%02d" % v
    if ent == "NAME":
        return "%s %s" % v
    if ent == "STREET":
        n, name, (suf, _), unit = v
        return "%d %s %s" % (n, name, suf) + (" %s %s" % (unit[0][0], unit[1]) if unit else "")
    return v


def new_value(ent, r, ctx):
    if ent == "SSN":
        return gen_ssn(r)
    if ent == "PHONE":
        return gen_phone(r)
    if ent == "DOB":
        return gen_dob(r)
    if ent == "MRN":
        return gen_mrn(r)
    if ent == "MBI":
        return gen_mbi(r)
    if ent == "CARD":
        return gen_card(r)
    if ent == "ZIP":
        return gen_zip(r)
    if ent == "STREET":
        return gen_street(r)
    if ent == "EMAIL":
        return gen_email(r, ctx.name if r.random() < .6 else None)
    if ent == "NPI":
        return gen_npi(r)
    if ent == "MEMBER_ID":
        return gen_member(r)
    return gen_name(r)


def nvals(rec):
    """Distinct whole values injected so far (partials and split parts not counted)."""
    out = set()
    for spk, segs in rec.lines:
        for x in segs:
            if isinstance(x, tuple) and x[1]["k"] == "span" and "partial" not in x[1]:
                out.add((x[1]["entity"], x[1]["value"]))
    return len(out)


def exchange(ent, rec, ctx, cue):
    """Append lines for one value. Agent='a', caller='c'."""
    r = ctx.r
    v = new_value(ent, r, ctx)
    cv = canon(ent, v)
    txt, sp, form = render(ent, v, r)
    if ent == "NAME":
        return name_exchange(rec, ctx, cue)
    if ent == "NPI" and r.random() < .5:
        caller_is_provider = True
    else:
        caller_is_provider = False
    style = r.random()
    if cue == "prev":
        rec.add("a", r.choice(ASK[ent]))
        if style < 0.15 and ent in ("PHONE", "SSN", "CARD", "MRN", "NPI", "MEMBER_ID", "MBI") and sp and not form.startswith("one_"):
            # split across turns
            seps = [m.end() for m in re.finditer(r"(, |\.\.\. | - )", txt)]
            cut = seps[len(seps) // 2] if seps else 0
            p1, p2 = txt[:cut].rstrip(" ,.-"), txt[cut:].strip(" ,.-")
            if cut and p1 and p2 and re.search(r"\w", p2):
                rec.add("c", S(p1, ent, cv, True, "prev", form + "_split1", part=1))
                rec.add("a", r.choice(FILLER_AGENT))
                rec.add("c", S(p2, ent, cv, True, "prev", form + "_split2", part=2))
                readback(ent, v, cv, rec, ctx)
                return
        if style < 0.3:
            rec.add("c", r.choice(HOLD if ent in ("MEMBER_ID", "MBI", "CARD", "MRN", "NPI") else HOLD_MEM))
            rec.add("a", r.choice(["take your time", "no problem", "sure, I'll wait"]))
            rec.add("c", r.choice(["okay here it is, ", "alright. ", "got it, ", "ok "]), S(txt, ent, cv, sp, "prev", form))
        elif style < 0.42:
            q = {"SSN": "the whole thing or just the last four?", "PHONE": "my cell or the house phone?",
                 "DOB": "mine or the patient's?", "MRN": "is that the long number at the top?",
                 "MBI": "the one with the letters in it?", "CARD": "you want the debit card or the credit card?",
                 "ZIP": "the mailing one or where I live now?", "STREET": "you mean the new one?",
                 "EMAIL": "for the portal?", "NPI": "for Dr. or for the group?",
                 "MEMBER_ID": "the number under my name?"}[ent]
            rec.add("c", q)
            rec.add("a", r.choice(["the whole thing please", "yes, that one", "either is fine", "yeah the first one", "yes"]))
            rec.add("c", S(txt, ent, cv, sp, "prev", form))
        elif style < 0.52 and ent not in ("NAME",) and nvals(rec) < 4:
            # wrong one first, then correction
            v2 = new_value(ent, r, ctx)
            t2, sp2, f2 = render(ent, v2, r)
            rec.add("c", S(t2, ent, canon(ent, v2), sp2, "prev", f2 + "_wrongfirst"),
                    r.choice([" no wait, that's the old one", "... no sorry that's my husband's", " hm, no, scratch that"]))
            rec.add("a", r.choice(["no problem, go ahead", "okay, what's the right one?", "that's fine"]))
            rec.add("c", r.choice(["it's ", "okay it's ", "", "the right one is "]), S(txt, ent, cv, sp, "prev", form))
        else:
            pre = r.choice(["", "", "yeah ", "uh ", "sure, ", "it's "])
            post = r.choice(["", "", "", " I think", " yeah"])
            rec.add("c", pre, S(txt, ent, cv, sp, "prev", form), post)
    elif cue == "same":
        if r.random() < .5:
            rec.add("a", r.choice(["how can I help?", "okay, and what else do you need", "I can help with that", "okay, go ahead",
                                   "I'll need to verify some information first"]))
        pre = r.choice(SAME[ent])
        if ent == "NPI" and not caller_is_provider:
            pre = r.choice(["the doctor's NPI is ", "she gave me her N P I, it's "])
        if pre[:1].islower() and r.random() < .5:
            pre = r.choice(["oh ", "yeah ", "okay ", "so "]) + pre
        tail = r.choice(["", "", " if that helps", ", and I need this done today", "."])
        e2 = "DOB" if ent == "ZIP" or (ent != "DOB" and r.random() < .5) else "ZIP"
        if r.random() < .15 and nvals(rec) < 4:
            # two values at once: the second one (ZIP or DOB) with its own cue
            v2 = new_value(e2, r, ctx)
            t2, s2, f2 = render(e2, v2, r)
            rec.add("c", pre, S(txt, ent, cv, sp, "same", form),
                    r.choice([" and the zip is ", ", zip code "] if e2 == "ZIP" else [" and my date of birth is ", ", birthday "]),
                    S(t2, e2, canon(e2, v2), s2, "same", f2 + "_second_value"))
        else:
            rec.add("c", pre, S(txt, ent, cv, sp, "same", form), tail)
    else:  # none
        frames = [("", " you can write that down"), ("oh and ", " in case you need it"), ("", ", that's what's on the paper"),
                  ("sorry, I have it right here, ", ""), ("", ". sorry, I'm just reading off my paper"),
                  ("okay. ", ". I already gave that to the last person"), ("here, ", ". does that help?")]
        if len(rec.lines) <= 2:
            frames = [("yeah hi. ", ". calling about my claim"), ("hi, um, ", ", I think that's what you need first")]
        a, b = r.choice(frames)
        if rec.lines and rec.lines[-1][0] == "c" or r.random() < .3:
            rec.add("a", r.choice(["okay", "alright", "mm-hmm", "one moment", "go ahead", "anything else on the letter?"]))
        rec.add("c", a, S(txt, ent, cv, sp, "none", form), b)
    if r.random() < 0.4:
        readback(ent, v, cv, rec, ctx)


def readback(ent, v, cv, rec, ctx):
    r = ctx.r
    if ent in ("CARD",) and r.random() < .5:
        last4 = cv[-4:]
        t, sp, f = render_number(last4, [4], r, r.choice(["words", "digits"]))
        rec.add("a", r.choice(["okay, card ending in ", "and that's the one ending ", "I have the card ending "]),
                S(t, ent, cv, sp, "prev", "last4_" + f, partial="last4"), r.choice(["", ", correct?", "."]))
    elif ent == "SSN" and r.random() < .4:
        t, sp, f = render_number(cv[-4:], [4], r, r.choice(["words", "digits"]))
        rec.add("a", r.choice(["thank you, so last four ", "okay, social ending in "]),
                S(t, ent, cv, sp, "prev", "last4_" + f, partial="last4"))
    else:
        t, sp, f = render(ent, v, r, written=r.random() < .3)
        tpl = r.choice(READBACK)
        a, b = tpl.split("{v}")
        rec.add("a", a, S(t, ent, cv, sp, "prev", "readback_" + f), b)
    rec.add("c", r.choice(ACK))


def name_exchange(rec, ctx, cue):
    r = ctx.r
    nm = ctx.name if r.random() < .7 else gen_name(r)
    cv = "%s %s" % nm
    if cue == "prev":
        rec.add("a", r.choice(["who am I speaking with?", "and your name please", "can I get the patient's first and last name?",
                               "what's the member's full name", "may I have your name"]))
        t, sp, f = render_name(nm, r, "full")
        rec.add("c", r.choice(["", "yeah it's ", "uh "]), S(t, "NAME", cv, sp, "prev", f))
        if r.random() < .5:
            rec.add("a", "can you spell the last name?")
            t, sp, f = render_name(nm, r, "last_spelled")
            rec.add("c", S(t, "NAME", nm[1], sp, "prev", f, partial="last"))
    elif cue == "same":
        if r.random() < .5:
            t, sp, f = render_name(nm, r, "full")
            rec.add("c", r.choice(SAME["NAME"]), S(t, "NAME", cv, sp, "same", f))
        else:
            dr = gen_name(r)
            t = dr[1]
            rec.add("c", r.choice(["my doctor is Dr. ", "we saw Doctor ", "the referral is from Dr. "]),
                    S(t, "NAME", dr[1], True, "same", "name_last_title", partial="last"))
    else:
        t, sp, f = render_name(nm, r, "full")
        rec.add("c", r.choice(["yeah hi, ", "hi. ", ""]), S(t, "NAME", cv, sp, "none", f),
                r.choice([". calling about a referral", ", I had a question about my bill", ", I think I was disconnected"]))
    if r.random() < .4:
        t, sp, f = render_name(nm, r, "first")
        rec.add("a", r.choice(["Thank you, ", "okay ", "Thanks so much "]), S(t, "NAME", nm[0], sp, "prev", "readback_" + f, partial="first"),
                r.choice(["", ", one moment while I pull that up", ". let me look"]))


# ---------------------------------------------------------------- balancing
TARGET = {e: 78 for e in ENTITIES}
TARGET["NAME"] = 75
TARGET["ZIP"] = 70  # ZIP also arrives as a second value given with another one


def pick_entities(r, counts, k, allowed=None):
    pool = [e for e in ENTITIES if not allowed or e in allowed]
    chosen = []
    for _ in range(k):
        ws = []
        for e in pool:
            if e in chosen:
                ws.append(0)
                continue
            deficit = max(0.5, TARGET[e] - counts[e])
            ws.append(deficit ** 2)
        if sum(ws) == 0:
            break
        e = r.choices(pool, ws)[0]
        chosen.append(e)
    return chosen


def pick_cue(r):
    x = r.random()
    return "prev" if x < 0.52 else ("same" if x < 0.8 else "none")


LABELS = [("Agent", "Caller"), ("AGENT", "CALLER"), ("[agent]", "[caller]"), ("Speaker 0", "Speaker 1"),
          ("spk_0", "spk_1"), ("Rep", "Member"), ("Nurse", "Patient"), ("Operator", "Caller")]


def build_dialogue(r, counts, carrier, json_mode):
    ctx = Ctx(r, counts, json_mode)
    rec = Rec()
    org = r.choice(PLANS)
    agent = r.choice(FIRST)
    # opening, sometimes with agent name as NAME span
    op = r.choice(OPENINGS)
    a, b = op.split("{agent}")
    a = a.replace("{org}", org)
    b = b.replace("{org}", org)
    if r.random() < 0.35 and counts["NAME"] < TARGET["NAME"]:
        rec.add("a", a, S(agent, "NAME", agent, True, "same" if ("name is" in a or "this is" in a or "speaking" in b) else "none", "agent_first"), b)
    else:
        rec.add("a", r.choice(["Thank you for calling %s, how can I help you today?", "%s member services, can I start with what you're calling about?",
                               "thanks for calling %s, you're speaking with member services", "%s scheduling, how can I help?"]) % org)
    rec.add("c", r.choice(REASONS))
    k = r.choice([2, 3, 3, 3, 4, 5])
    ents = pick_entities(r, counts, k)
    order = ents[:]
    n_carrier = r.randint(1, 3) if not json_mode else r.randint(0, 2)
    n_neg = r.randint(1, 3)
    slots = ["E:" + e for e in order] + ["C"] * n_carrier + ["N"] * n_neg
    head, tail = slots[:1], slots[1:]
    r.shuffle(tail)
    slots = head + tail
    for s in slots:
        if s.startswith("E:"):
            if nvals(rec) >= 5:
                continue
            exchange(s[2:], rec, ctx, pick_cue(r))
        elif s == "C":
            src, x, y = r.choice(carrier)
            if rec.lines and rec.lines[-1][0] == "a":
                rec.add("c", r.choice(["okay", "sure", "mm-hmm", "go ahead"]))
            rec.add("a", x)
            rec.add("c", y)
            rec.carrier = getattr(rec, "carrier", set()) | {src}
        else:
            spk, segs = neg_line(r)
            if rec.lines and rec.lines[-1][0] == spk and r.random() < 0.8:
                rec.add("c" if spk == "a" else "a", r.choice(["mm-hmm", "okay", "alright", "oh okay", "I see", "got it"]))
            rec.add(spk, *segs)
    rec.add("a", r.choice(CLOSINGS))
    rec.add("c", r.choice(CLOSE_CALLER))
    return rec, ctx


def lower_stt(segs):
    out = []
    for s in segs:
        if isinstance(s, tuple):
            out.append((s[0].lower(), s[1]))
        else:
            out.append(re.sub(r"[,.?!]", "", s.lower()))
    return out


def make_transcript(r, idx, counts, carrier):
    rec, ctx = build_dialogue(r, counts, carrier, False)
    labels = r.choice(LABELS)
    lower = r.random() < 0.3
    ts = r.random() < 0.3
    t = r.randint(0, 20)
    metas = []
    lines = []
    for spk, segs in rec.lines[:40]:
        if lower:
            segs = lower_stt(segs)
        lab = labels[0] if spk == "a" else labels[1]
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += r.randint(2, 14)
        sep = " " if lab.startswith("[") else ": "
        lines.append(pre + lab + sep + mark(segs, metas).strip())
    text, spans, negs = resolve("\n".join(lines), metas)
    kind = "call_" + ("lower" if lower else "cased") + ("_ts" if ts else "")
    return finish({"id": "h14-%04d" % idx, "format": "transcript", "kind": kind, "text": text},
                  spans, negs, counts, getattr(rec, "carrier", set()))


def finish(d, spans, negs, counts, carrier):
    for s in spans:
        counts[s["entity"]] += 1
    d["spans"] = spans
    d["negatives"] = negs
    d["carrier"] = sorted(carrier)
    return d


# ---------------------------------------------------------------- JSON payloads
def hexid(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    h = hexid(r, 32)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:])


def iso(r, base_s):
    s = base_s
    return "2026-%02d-%02dT%02d:%02d:%02d.%03dZ" % (r.randint(1, 11), r.randint(1, 28), s // 3600 % 24, s // 60 % 60, s % 60, r.randint(0, 999))


def summary_segs(r, spans_src):
    """An LLM-written summary repeating the values in written form (cue same)."""
    segs = ["Caller "]
    labels = {"SSN": "SSN", "PHONE": "callback number", "DOB": "DOB", "MRN": "MRN", "MBI": "Medicare ID (MBI)",
              "CARD": "payment card", "ZIP": "ZIP code", "STREET": "address", "EMAIL": "email",
              "NPI": "provider NPI", "MEMBER_ID": "member ID", "NAME": "name"}
    parts = []
    for ent, v in spans_src:
        t, sp, f = written_form(ent, v)
        if ent == "CARD":
            t, f = "ending in " + v[-4:], "summary_last4"
            parts.append(["paid with card ", S(v[-4:], ent, v, False, "same", "summary_last4", partial="last4")])
            continue
        parts.append([labels[ent] + " ", S(t, ent, canon(ent, v), False, "same", "summary_" + f)])
    segs = ["Caller verified identity and asked about " + r.choice(["a denied claim", "a refill", "billing", "scheduling", "eligibility"]) + ". "]
    for p in parts:
        segs += ["Verified "] + p + ["; "]
    segs.append(r.choice(["Resolved on call.", "Follow-up needed.", "Escalated to supervisor."]))
    return segs


def make_json(r, idx, counts, carrier, profile):
    rec, ctx = build_dialogue(r, counts, carrier, True)
    lines = rec.lines[:30]
    # collect initial values for summary (first span per exchange, non-partial)
    vals = []
    seen = set()
    for spk, segs in lines:
        for s in segs:
            if isinstance(s, tuple) and s[1]["k"] == "span" and "partial" not in s[1] and "part" not in s[1] \
                    and not s[1]["form"].endswith("_wrongfirst") and s[1]["entity"] not in seen and s[1]["form"] != "agent_first":
                seen.add(s[1]["entity"])
                vals.append(s[1])
    metas = []
    names = {"a": "AI", "c": "User"}
    base = r.randint(8 * 3600, 17 * 3600)
    caller_phone = gen_phone(r)
    cp_e164 = "+1" + caller_phone
    want_phone_meta = r.random() < 0.6 and nvals(rec) < 5

    def seg_str(segs):
        return mark(segs, metas)

    def phone_field():
        if want_phone_meta:
            return mark([S(cp_e164, "PHONE", caller_phone, False, "none", "e164_metadata")], metas)
        return mark(["anonymous"], metas)

    def sumsegs():
        srcs = []
        for m in vals:
            srcs.append((m["entity"], raw_value(m)))
        return mark(summary_segs(r, srcs), metas)

    t0 = 0.0
    turns = []
    for spk, segs in lines:
        dur = 1.5 + len("".join(x if isinstance(x, str) else x[0] for x in segs)) / 14.0
        turns.append((spk, segs, round(t0, 2), round(t0 + dur, 2)))
        t0 += dur + r.uniform(0.2, 1.2)
    if profile == "vapi":
        tr = "\n".join("%s: %s" % (names[s], seg_str(g)) for s, g, a, b in turns)
        msgs = [{"role": "system", "message": "You are a friendly member services assistant for %s." % r.choice(PLANS), "time": 1767000000000, "secondsFromStart": 0}]
        for s, g, a, b in turns:
            msgs.append({"role": "bot" if s == "a" else "user", "message": seg_str(g), "time": 1767000000000 + int(a * 1000),
                         "endTime": 1767000000000 + int(b * 1000), "secondsFromStart": a, "duration": round((b - a) * 1000)})
        doc = {"message": {"timestamp": 1767000000000 + int(t0 * 1000), "type": "end-of-call-report",
                           "endedReason": r.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": {"id": uuid(r), "orgId": uuid(r), "type": "inboundPhoneCall", "status": "ended",
                                    "phoneNumberId": uuid(r)},
                           "customer": {"number": phone_field()},
                           "artifact": {"transcript": tr, "messages": msgs, "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(r)},
                           "analysis": {"summary": sumsegs(), "successEvaluation": "true"},
                           "startedAt": iso(r, base), "endedAt": iso(r, base + int(t0)),
                           "cost": round(r.uniform(0.05, 0.9), 4), "durationSeconds": round(t0, 3)}}
    elif profile == "retell":
        tr = "\n".join("%s: %s" % ("Agent" if s == "a" else "User", seg_str(g)) for s, g, a, b in turns)
        tobj = [{"role": "agent" if s == "a" else "user", "content": seg_str(g)} for s, g, a, b in turns]
        doc = {"event": "call_ended", "call": {"call_type": "phone_call", "from_number": phone_field(), "to_number": "+18005550142",
                                                "direction": "inbound", "call_id": "call_" + hexid(r, 24), "agent_id": "agent_" + hexid(r, 24),
                                                "call_status": "ended", "start_timestamp": 1767000000000 + base,
                                                "end_timestamp": 1767000000000 + base + int(t0 * 1000),
                                                "disconnection_reason": r.choice(["user_hangup", "agent_hangup"]),
                                                "transcript": tr, "transcript_object": tobj,
                                                "call_analysis": {"call_summary": sumsegs(), "user_sentiment": r.choice(["Positive", "Neutral", "Negative"]),
                                                                  "call_successful": True, "in_voicemail": False},
                                                "opt_out_sensitive_data_storage": False}}
    elif profile == "signalwire":
        log = [{"role": "system", "content": "You are a scheduling assistant for %s. Verify the caller before discussing records." % r.choice(PLANS)}]
        for s, g, a, b in turns:
            log.append({"role": "assistant" if s == "a" else "user", "content": seg_str(g),
                        "timestamp": 1767000000000000 + int(a * 1e6)})
        doc = {"app_name": "swml app", "ai_session_id": uuid(r), "call_id": uuid(r), "project_id": uuid(r),
               "space_id": uuid(r), "caller_id_name": "WIRELESS CALLER", "caller_id_num": phone_field(),
               "call_start_date": 1767000000000000 + base * 1000000, "call_end_date": 1767000000000000 + (base + int(t0)) * 1000000,
               "content_type": "text/swaig", "version": "2.0",
               "post_prompt_data": {"raw": sumsegs(), "substituted": "", "parsed": []},
               "call_log": log, "total_input_tokens": r.randint(2000, 9000), "total_output_tokens": r.randint(200, 900)}
    elif profile == "deepgram":
        utts = []
        full = []
        for s, g, a, b in turns:
            st = seg_str(g)
            full.append(st)
            utts.append({"start": a, "end": b, "confidence": round(r.uniform(0.8, 0.99), 4), "channel": 0,
                         "transcript": st, "speaker": 0 if s == "a" else 1, "id": uuid(r)})
        model = uuid(r)
        doc = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r), "sha256": hexid(r, 64),
                            "created": iso(r, base), "duration": round(t0, 3), "channels": 1, "models": [model],
                            "model_info": {model: {"name": "2-phonecall-nova", "version": "2024-01-26.8851", "arch": "nova-2"}}},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(full), "confidence": round(r.uniform(0.85, 0.99), 4)}]}],
                           "utterances": utts}}
    else:  # transcribe
        segs_out = []
        full = []
        for k, (s, g, a, b) in enumerate(turns):
            st = seg_str(g)
            full.append(st)
            segs_out.append({"id": k, "transcript": st, "start_time": "%.3f" % a, "end_time": "%.3f" % b,
                             "speaker_label": "spk_0" if s == "a" else "spk_1"})
        doc = {"jobName": "member-services-%s" % hexid(r, 10), "accountId": str(r.randint(10 ** 11, 10 ** 12 - 1)),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(full)}],
                           "speaker_labels": {"speakers": 2, "channel_label": "ch_0",
                                              "segments": [{"start_time": x["start_time"], "end_time": x["end_time"], "speaker_label": x["speaker_label"]} for x in segs_out]},
                           "audio_segments": segs_out}}
    # every turn rendered more than once would duplicate metas (spans at every occurrence): mark() appends anew each time
    line = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = resolve(line, metas)
    # fix cue of duplicates: keep same cue as original (already copied)
    return finish({"id": "h14-%04d" % idx, "format": "json", "profile": profile, "kind": "json_" + profile, "text": text},
                  spans, negs, counts, getattr(rec, "carrier", set()))


def raw_value(m):
    ent, v = m["entity"], m["value"]
    if ent == "DOB":
        y, mo, d = v.split("-")
        return (int(y), int(mo), int(d))
    if ent == "NAME":
        return tuple(v.split(" ", 1))
    if ent == "STREET":
        return STREET_BACK[v]
    return v


STREET_BACK = {}
_orig_canon = canon


def canon(ent, v):  # noqa: F811  keep a map back to the tuple for summaries
    c = _orig_canon(ent, v)
    if ent == "STREET":
        STREET_BACK[c] = v
    return c


# ---------------------------------------------------------------- generate
def generate(seed, n):
    r = random.Random(seed)
    carrier = load_carrier()
    carrier.sort()
    counts = collections.Counter()
    n_json = round(n * 40 / 150)
    kinds = ["t"] * (n - n_json) + ["j"] * n_json
    r.shuffle(kinds)
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    out = []
    pj = 0
    for i, k in enumerate(kinds):
        if k == "t":
            d = make_transcript(r, i, counts, carrier)
        else:
            d = make_json(r, i, counts, carrier, profiles[pj % 5])
            pj += 1
        out.append(d)
    return out


# ---------------------------------------------------------------- check
DIGW = {w: str(i) for i, w in enumerate(ONES[:10])}
DIGW.update({"oh": "0", "o": "0", "for": "4", "to": "2", "too": "2", "ate": "8", "won": "1"})


def spoken_digits(text):
    """Normalise a spoken/written rendering to its letters+digits (lowercase)."""
    t = text.lower().replace("-", " ").replace("x ray", "x-ray")
    toks = re.findall(r"x-ray|[a-z']+|\d+", t)
    out = []
    i = 0
    nato_rev = {v: k for k, v in NATO.items()}
    while i < len(toks):
        w = toks[i]
        if w in ("uh", "um", "er", "dash", "and", "hyphen"):
            i += 1
            continue
        if w == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if w in ("double", "triple") and i + 1 < len(toks):
            nxt = spoken_digits(toks[i + 1])
            out.append(nxt * (2 if w == "double" else 3))
            i += 2
            continue
        if w.isdigit():
            out.append(w)
        elif w in DIGW and not (w == "o" and False):
            out.append(DIGW[w])
        elif w in ONES:
            out.append(str(ONES.index(w)))
        elif w in TENS[2:]:
            n = TENS.index(w) * 10
            if i + 1 < len(toks) and (toks[i + 1] in ONES[1:10] or toks[i + 1] in ("for", "to", "too", "ate", "won")):
                n += int(DIGW[toks[i + 1]])
                i += 1
            out.append(str(n))
        elif w in nato_rev:
            out.append(nato_rev[w])
        elif len(w) == 1:
            out.append(w)
        else:
            out.append("?" + w)
        i += 1
    return "".join(out)


def check_value(s, raw):
    ent, v, txt = s["entity"], s.get("value", ""), raw
    if ent == "SSN" and not ssn_ok(v):
        return "bad ssn"
    if ent == "PHONE" and not (len(v) == 10 and v[3:7] == "5550" and v[7] == "1" and v[:3] in AREA):
        return "bad phone"
    if ent == "CARD" and not (luhn_ok(v) and len(v) in (15, 16)):
        return "bad card"
    if ent == "NPI" and not npi_ok(v):
        return "bad npi"
    if ent == "MBI" and not mbi_ok(v):
        return "bad mbi"
    if ent == "ZIP" and not (len(v) == 5 and v.isdigit()):
        return "bad zip"
    if ent == "DOB":
        y, m, d = map(int, v.split("-"))
        import datetime
        datetime.date(y, m, d)
        if not (str(y) in txt or str(y)[2:] in txt or year_in_words(y, txt)):
            return "dob year not rendered"
        return None
    if ent in ("SSN", "PHONE", "CARD", "NPI", "MBI", "ZIP", "MRN", "MEMBER_ID"):
        got = spoken_digits(txt) if s["spoken"] else re.sub(r"[^a-z0-9]", "", txt.lower())
        want = v.lower()
        if s.get("partial") == "last4":
            want = want[-4:]
        if s.get("part"):
            return None if got and want.find(got) >= 0 else "part mismatch %r %r" % (got, want)
        if got.startswith("1") and ent == "PHONE" and len(got) == 11:
            got = got[1:]
        if got != want:
            return "value mismatch %r != %r" % (got, want)
    if ent == "EMAIL":
        if "@" not in v:
            return "bad email"
        local = v.split("@")[0]
        letters = re.sub(r"[^a-z]", "", local)
        if re.sub(r"[^a-z]", "", txt.lower().replace(" at ", "").replace("dot", "").replace("underscore", "")).find(letters[:3]) < 0:
            return "email mismatch"
    if ent == "NAME":
        flat = re.sub(r"[^a-z]", "", re.sub(r"\bas in \w+", "", txt.lower()))
        if flat != re.sub(r"[^a-z]", "", v.lower()):
            return "name mismatch"
    if ent == "STREET":
        if v.split(" ")[1].lower() not in txt.lower():
            return "street mismatch"
    return None


def year_in_words(y, txt):
    t = txt.lower()
    return two_words(y % 100) in t or (y >= 2000 and "two thousand" in t)


def check(paths):
    bad = 0
    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            raw = f.read()
        if raw.endswith("\n\n") or "\r" in raw:
            print("%s: stray blank line / CR at end" % p)
            bad += 1
        for ln, line in enumerate(raw.split("\n")):
            if not line:
                continue
            d = json.loads(line)
            recs.append(d)
            errs = check_record(d)
            for e in errs:
                print("%s line %d (%s): %s" % (p, ln + 1, d.get("id"), e))
            bad += len(errs)
    print("checked %d records, %d problems" % (len(recs), bad), file=sys.stderr)
    return recs, bad


def check_record(d):
    errs = []
    text = d["text"]
    b = text.encode("utf-8")
    items = []
    for s in d["spans"]:
        items.append((s["start"], s["end"], "span", s))
    for n in d["negatives"]:
        items.append((n["start"], n["end"], "neg", n))
    for st, en, k, s in items:
        if not (0 <= st < en <= len(b)):
            errs.append("offsets out of range %r" % s)
            continue
        try:
            seg = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("not on char boundary %r" % s)
            continue
        if seg != seg.strip():
            errs.append("outer whitespace %r" % seg)
        if st > 0 and seg[:1].isalnum() and b[st - 1:st].decode("utf-8", "replace").isalnum():
            errs.append("glued left %r" % seg)
        if en < len(b) and seg[-1:].isalnum() and b[en:en + 1].decode("utf-8", "replace").isalnum():
            errs.append("glued right %r" % seg)
        if "\n" in seg:
            errs.append("span crosses line")
        if k == "span":
            if s["entity"] not in ENTITIES:
                errs.append("bad entity")
            if s["cue"] not in ("prev", "same", "none"):
                errs.append("bad cue")
            e = check_value(s, seg)
            if e:
                errs.append("%s: %s [%s]" % (s["entity"], e, seg))
    items.sort(key=lambda x: x[0])
    for x, y in zip(items, items[1:]):
        if y[0] < x[1]:
            errs.append("overlap %r %r" % (x[3], y[3]))
    if d["format"] == "transcript":
        ls = text.split("\n")
        if not (8 <= len(ls) <= 40):
            errs.append("transcript has %d lines" % len(ls))
        for l in ls:
            if not l.strip():
                errs.append("blank line")
            elif not re.match(r"(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\] |[A-Za-z_0-9 ]+: )\S", l):
                errs.append("no speaker label: %r" % l[:40])
        if text.endswith("\n"):
            errs.append("trailing newline")
    else:
        if d.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
            errs.append("bad profile")
        obj = json.loads(text)
        if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
            errs.append("json not compact")
        ranges = string_ranges(text)
        for st, en, k, s in items:
            if not any(a <= st and en <= z for a, z in ranges):
                errs.append("span outside JSON string %r" % s)
    return errs


def string_ranges(text):
    """Byte ranges of the insides of JSON string tokens."""
    out = []
    b = text.encode("utf-8")
    i = 0
    n = len(b)
    while i < n:
        if b[i:i + 1] == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def stats(recs):
    c = collections.Counter()
    ent = collections.Counter()
    negc = collections.Counter()
    vals = collections.Counter()
    for d in recs:
        seen = set()
        for s in d["spans"]:
            ent[s["entity"]] += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            seen.add((s["entity"], s.get("value")))
        for n in d["negatives"]:
            negc[n["what"]] += 1
    fm = collections.Counter(d["format"] for d in recs)
    total = sum(ent.values())
    print("records: %d (%s); spans: %d; negatives: %d" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(fm.items())),
                                                           total, sum(negc.values())))
    print("| entity | spans | spoken | written | prev | same | none |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for e in ENTITIES:
        row = [ent[e]]
        row.append(sum(v for k, v in c.items() if k[0] == e and k[1] == "spoken"))
        row.append(sum(v for k, v in c.items() if k[0] == e and k[1] == "written"))
        for cue in ("prev", "same", "none"):
            row.append(sum(v for k, v in c.items() if k[0] == e and k[2] == cue))
        print("| %s | %s |" % (e, " | ".join(str(x) for x in row)))
    row = [total] + [sum(v for k, v in c.items() if k[1] == s) for s in ("spoken", "written")] + \
          [sum(v for k, v in c.items() if k[2] == q) for q in ("prev", "same", "none")]
    print("| all | %s |" % " | ".join(str(x) for x in row))
    print("NAME share: %.1f%%" % (100.0 * ent["NAME"] / max(1, total)))
    print("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negc.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        recs, bad = check(a.check)
        if a.stats:
            stats(recs)
        sys.exit(1 if bad else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    sys.stdout.write("\n".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in recs))


if __name__ == "__main__":
    main()
