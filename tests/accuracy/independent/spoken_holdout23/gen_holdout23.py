#!/usr/bin/env python3
"""Holdout 23: voice-AI post-call payloads and telehealth call transcripts with fictitious PHI.

Standard library only, deterministic for a seed (no set/hash-order dependence).
  gen_holdout23.py [--seed S] [--n COUNT] > holdout23.jsonl
  gen_holdout23.py --stats [--seed S] [--n COUNT]
  gen_holdout23.py --check holdout23.jsonl
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

SEED = 20261223
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank",
        "G": "george", "H": "henry", "J": "john", "K": "king", "M": "mary", "N": "nancy",
        "P": "peter", "R": "robert", "S": "sam", "T": "tom", "V": "victor", "W": "william",
        "X": "x-ray", "Y": "yellow", "Z": "zebra", "L": "larry", "Q": "queen", "U": "umbrella",
        "I": "ida", "O": "ocean"}
FIRST = ["Maria", "Dana", "Terrence", "Priya", "Gloria", "Wendell", "Yusuf", "Colleen", "Brandon",
         "Mei", "Rosalind", "Darnell", "Ingrid", "Tomasz", "Ayesha", "Clifford", "Noemi", "Harlan",
         "Keisha", "Bartholomew", "Lucia", "Desmond", "Fiona", "Rahul", "Juanita", "Otis", "Svetlana",
         "Kwame", "Bernadette", "Hector", "Lorraine", "Ezra", "Marisol", "Reginald", "Tamsin", "Vikram"]
LAST = ["Gonzalez", "Reyes", "Whitfield", "Okonkwo", "Lindqvist", "Abernathy", "Nakamura", "Castellano",
        "Pruitt", "Haddad", "Szymanski", "Delacroix", "McGillivray", "Baptiste", "Thorne", "Villanueva",
        "Kowalczyk", "Oyelaran", "Brennan", "Achterberg", "Fairweather", "Quintero", "Ramaswamy",
        "Dunleavy", "Mbeki", "Hollister", "Petrosyan", "Yardley", "Esposito", "Tran"]
STREETS = [("Elm", "Street", "St."), ("Maple", "Avenue", "Ave"), ("Cedar Ridge", "Road", "Rd"),
           ("Willow Bend", "Drive", "Dr."), ("Hawthorne", "Lane", "Ln"), ("Juniper", "Court", "Ct"),
           ("Quarry", "Road", "Rd."), ("Larkspur", "Way", "Way"), ("Bayview", "Boulevard", "Blvd"),
           ("Old Mill", "Road", "Rd"), ("Sycamore", "Street", "St"), ("Pinecrest", "Circle", "Cir")]
CITIES = [("Tacoma", "WA", "98"), ("Dayton", "OH", "45"), ("Fresno", "CA", "93"), ("Albany", "NY", "12"),
          ("Macon", "GA", "31"), ("Boise", "ID", "83"), ("Lubbock", "TX", "79"), ("Scranton", "PA", "18"),
          ("Duluth", "MN", "55"), ("Chattanooga", "TN", "37"), ("Wichita", "KS", "67"),
          ("Eugene", "OR", "97"), ("Lowell", "MA", "01"), ("Mobile", "AL", "36")]
AREAS = ["253", "937", "559", "518", "478", "208", "806", "570", "218", "423", "316", "541", "978",
         "251", "412", "702"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com",
           "protonmail.com", "comcast.net"]
MEDS = [("lisinopril", "ten milligrams", "10 mg"), ("metformin", "five hundred milligrams", "500 mg"),
        ("atorvastatin", "forty milligrams", "40 mg"), ("sertraline", "fifty milligrams", "50 mg"),
        ("levothyroxine", "seventy five micrograms", "75 mcg"), ("amlodipine", "five milligrams", "5 mg"),
        ("albuterol", "two puffs", "2 puffs"), ("gabapentin", "three hundred milligrams", "300 mg")]
FILLERS = ["uh", "um", "uh", "hmm"]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
ENTS = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
        "MEMBER_ID", "NAME"]


# ---------------------------------------------------------------- values
def luhn_check(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(digits):
    return luhn_check(digits[:-1]) == digits[-1]


def make_values(rng):
    v = {}
    first, last = rng.choice(FIRST), rng.choice(LAST)
    v["first"], v["last"] = first, last
    v["name"] = first + " " + last
    area = rng.randrange(1, 900)
    while area == 666:
        area = rng.randrange(1, 900)
    v["ssn"] = "%03d%02d%04d" % (area, rng.randrange(1, 100), rng.randrange(1, 10000))
    v["phone"] = rng.choice(AREAS) + "55501" + "%02d" % rng.randrange(100)
    v["dob"] = datetime.date(rng.randrange(1936, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
    v["adm"] = datetime.date(2026, rng.randrange(1, 12), rng.randrange(1, 27))
    v["dis"] = v["adm"] + datetime.timedelta(days=rng.randrange(1, 6))
    kind = rng.randrange(4)
    if kind == 0:
        v["mrn"] = "%08d" % rng.randrange(10 ** 7, 10 ** 8)
    elif kind == 1:
        v["mrn"] = "E%07d" % rng.randrange(10 ** 7)
    elif kind == 2:
        v["mrn"] = "%d" % rng.randrange(10 ** 6, 10 ** 7)
    else:
        v["mrn"] = rng.choice(["KH", "MR", "TX"]) + "%07d" % rng.randrange(10 ** 7)
    m = [str(rng.randrange(1, 10)), rng.choice(MBI_L), rng.choice(MBI_L + "0123456789"),
         str(rng.randrange(10)), rng.choice(MBI_L), rng.choice(MBI_L + "0123456789"),
         str(rng.randrange(10)), rng.choice(MBI_L), rng.choice(MBI_L), str(rng.randrange(10)),
         str(rng.randrange(10))]
    v["mbi"] = "".join(m)
    pre = rng.choice(["411111", "424242", "555555", "400000", "378282", "601111", "510510"])
    ln = 15 if pre.startswith("37") else 16
    body = pre + "".join(str(rng.randrange(10)) for _ in range(ln - 1 - len(pre)))
    v["card"] = body + luhn_check(body)
    city = rng.choice(CITIES)
    v["city"], v["state"] = city[0], city[1]
    v["zip"] = city[2] + "%03d" % rng.randrange(100, 1000)
    st = rng.choice(STREETS)
    v["house"] = rng.choice([rng.randrange(10, 100), rng.randrange(100, 1000), rng.randrange(1000, 9999)])
    v["street"] = st
    v["unit"] = rng.choice([None, None, None, "%d%s" % (rng.randrange(1, 9), rng.choice("ABCD")),
                            str(rng.randrange(101, 420))])
    sep = rng.choice([".", "_", "", "."])
    tail = rng.choice(["", str(v["dob"].year)[2:], str(rng.randrange(1, 99))])
    v["email_user"] = (first.lower() + sep + last.lower() + tail) if rng.random() < .6 else \
        (first[0].lower() + last.lower() + tail)
    v["email_dom"] = rng.choice(DOMAINS)
    v["email"] = v["email_user"] + "@" + v["email_dom"]
    npi9 = str(rng.randrange(1, 3)) + "".join(str(rng.randrange(10)) for _ in range(8))
    v["npi"] = npi9 + luhn_check("80840" + npi9)
    pfx = rng.choice(["XKJ", "W", "ZGP", "H", "MDX", "YLB", "QH"])
    v["member"] = pfx + "".join(str(rng.randrange(10)) for _ in range(12 - len(pfx) if len(pfx) > 1 else 10))
    v["prov_last"] = rng.choice([x for x in LAST if x != last])
    v["prov_first"] = rng.choice(FIRST)
    v["rel_first"] = rng.choice([x for x in FIRST if x != first])
    v["agent"] = rng.choice(["Jordan", "Ava", "Riley", "Sam", "Morgan", "Casey", "Nina", "Leo"])
    return v


# ---------------------------------------------------------------- spoken renderings
def n2w(n, hy=False):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + (("-" if hy else " ") + ONES[o] if o else "")


def ordinal(n):
    if n in ORD:
        return ORD[n]
    t, o = divmod(n, 10)
    return TENS[t] + " " + ORD[o]


def year_words(y, rng):
    if 2000 <= y < 2010:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000]])
    a, b = divmod(y, 100)
    if b == 0:
        return n2w(a) + " hundred"
    return n2w(a) + " " + (("oh " + ONES[b]) if b < 10 else n2w(b))


def digit_words(s, rng, zero=None, doubles=False, pairs=False, groups=None, gsep=None, filler=0.0):
    zero = zero or rng.choice(["oh", "zero", "o", "oh"])
    gsep = gsep if gsep is not None else rng.choice([", ", " ", " ", "... ", " - "])
    groups = groups or [len(s)]
    parts, pos = [], 0
    for g in groups:
        chunk = s[pos:pos + g]
        pos += g
        if pairs and len(chunk) == 4 and chunk[2] != "0" and chunk[0] != "0" and rng.random() < .7:
            w = n2w(int(chunk[:2])) + " " + n2w(int(chunk[2:]))
        else:
            toks, i = [], 0
            while i < len(chunk):
                d = chunk[i]
                run = 1
                while i + run < len(chunk) and chunk[i + run] == d:
                    run += 1
                word = zero if d == "0" else ONES[int(d)]
                if doubles and run == 3:
                    toks.append("triple " + word)
                    i += 3
                    continue
                if doubles and run >= 2:
                    toks.append("double " + word)
                    i += 2
                    continue
                toks.append(word)
                i += 1
            w = " ".join(toks)
        parts.append(w)
    out = parts[0]
    for p in parts[1:]:
        if filler and rng.random() < filler:
            out += " " + rng.choice(FILLERS) + " " + p
        else:
            out += gsep + p
    return out


def letters_spoken(s, rng, style):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(rng.choice(["oh", "zero"]) if ch == "0" else ONES[int(ch)])
        elif style == "nato":
            out.append(NATO[ch.upper()])
        elif style == "asin":
            out.append(ch.lower() + " as in " + ASIN[ch.upper()])
        else:
            out.append(ch.lower())
    return out


def r_phone(p, rng, spoken):
    a, b, c = p[:3], p[3:6], p[6:]
    if not spoken:
        f = rng.randrange(7)
        return [("(%s) %s-%s" % (a, b, c), "paren_dash"), ("%s-%s-%s" % (a, b, c), "dash"),
                ("%s %s %s" % (a, b, c), "digits_space"), ("+1%s" % p, "e164"),
                ("%s.%s.%s" % (a, b, c), "dot"), ("+1 %s-%s-%s" % (a, b, c), "plus1_dash"),
                (p, "digits_run")][f]
    f = rng.randrange(5)
    if f == 0:
        return digit_words(p, rng, groups=[3, 3, 4]), "digits_words_grouped"
    if f == 1:
        return digit_words(p, rng, doubles=True, groups=[3, 3, 4], filler=.4), "digits_double_triple_uh"
    if f == 2:
        return digit_words(p, rng, pairs=True, groups=[3, 3, 4], gsep=" "), "digits_pairs_last4"
    if f == 3:
        return "%s %s %s" % (digit_words(a, rng), b, c), "mixed_words_area_digits"
    return digit_words(p, rng, groups=[10], gsep=" "), "digits_words_run"


def r_ssn(s, rng, spoken):
    a, b, c = s[:3], s[3:5], s[5:]
    if not spoken:
        f = rng.randrange(3)
        return [("%s-%s-%s" % (a, b, c), "dash"), ("%s %s %s" % (a, b, c), "space"), (s, "run")][f]
    f = rng.randrange(4)
    if f == 0:
        return digit_words(s, rng, groups=[3, 2, 4]), "digits_words_grouped"
    if f == 1:
        return digit_words(s, rng, groups=[3, 2, 4], doubles=True, filler=.5), "digits_double_uh"
    if f == 2:
        return digit_words(s, rng, groups=[3, 2, 4], pairs=True, gsep=" "), "digits_pairs"
    return "%s %s %s" % (digit_words(a, rng), b, c), "mixed_words_digits"


def r_date(d, rng, spoken):
    M = MONTHS[d.month - 1]
    if not spoken:
        f = rng.randrange(8)
        return [(d.strftime("%m/%d/%Y"), "mdy_slash"), (d.isoformat(), "iso"),
                ("%s %d, %d" % (M, d.day, d.year), "month_d_y"),
                ("%d/%d/%d" % (d.month, d.day, d.year), "mdy_nolead"),
                ("%s %d %d" % (M[:3], d.day, d.year), "mon_abbr"),
                ("%d %s %d" % (d.day, M, d.year), "d_month_y"),
                (d.strftime("%m-%d-%Y"), "mdy_dash"),
                ("%s %s, %d" % (M, str(d.day) + ("th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")), d.year), "month_dth_y")][f]
    f = rng.randrange(6)
    yy = d.year % 100
    if f == 0:
        return "%s %s %s" % (M.lower(), ordinal(d.day), year_words(d.year, rng)), "month_ord_year_words"
    if f == 1:
        return "%s the %s, %s" % (M.lower(), ordinal(d.day), n2w(yy) if yy >= 10 else "oh " + ONES[yy]), "month_the_ord_yy"
    if f == 2:
        mm = digit_words("%02d" % d.month, rng, gsep=" ") if d.month < 10 else n2w(d.month)
        dd = digit_words("%02d" % d.day, rng, gsep=" ") if d.day < 10 else n2w(d.day)
        return "%s %s %s" % (mm, dd, year_words(d.year, rng)), "num_mdy_words"
    if f == 3:
        return "the %s of %s %s" % (ordinal(d.day), M.lower(), year_words(d.year, rng)), "the_ord_of_month"
    if f == 4:
        return "%s %d%s %d" % (M, d.day, "th" if d.day > 3 else ["", "st", "nd", "rd"][d.day], d.year), "stt_month_dth_y"
    return "%d %d %s" % (d.month, d.day, year_words(d.year, rng)), "digits_md_year_words"


def r_alnum(s, rng, spoken, style=None):
    if not spoken:
        return s, "plain"
    style = style or rng.choice(["letters", "nato", "asin", "letters"])
    toks = letters_spoken(s, rng, style)
    sep = rng.choice([" ", " ", ", "]) if style != "letters" else " "
    return sep.join(toks), "alnum_" + style


def r_mrn(s, rng, spoken):
    if not spoken:
        return rng.choice([(s, "plain")] + ([(s[:4] + "-" + s[4:], "dash")] if s.isdigit() else []))
    if s.isdigit() and rng.random() < .5:
        return digit_words(s, rng, groups=[len(s)], doubles=True), "digits_words_double"
    return r_alnum(s, rng, True)


def r_member(s, rng, spoken):
    if not spoken:
        return rng.choice([(s, "plain"), (s, "plain"), (" ".join([s[:4], s[4:8], s[8:]]), "grouped")])
    i = 0
    while i < len(s) and s[i].isalpha():
        i += 1
    letters = " ".join(letters_spoken(s[:i], rng, rng.choice(["letters", "nato", "asin"])))
    d = s[i:]
    if rng.random() < .4:
        return letters + " " + " ".join(d[k:k + 3] for k in range(0, len(d), 3)), "letters_then_digit_groups"
    return letters + ", " + digit_words(d, rng, groups=[3] * (len(d) // 3) + ([len(d) % 3] if len(d) % 3 else []), gsep=" ", filler=.2), "letters_then_digit_words"


def r_mbi(s, rng, spoken):
    if not spoken:
        return rng.choice([(s, "plain"), ("%s-%s-%s" % (s[:4], s[4:7], s[7:]), "dashed")])
    return r_alnum(s, rng, True, rng.choice(["letters", "nato"]))


def r_card(c, rng, spoken):
    groups = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
    if not spoken:
        parts, pos = [], 0
        for g in groups:
            parts.append(c[pos:pos + g])
            pos += g
        return rng.choice([(" ".join(parts), "space_groups"), ("-".join(parts), "dash_groups"), (c, "run")])
    if rng.random() < .3:
        parts, pos = [], 0
        for g in groups:
            parts.append(c[pos:pos + g])
            pos += g
        parts[0] = digit_words(parts[0], rng, gsep=" ")
        return " ".join(parts), "mixed_first_group_words"
    return digit_words(c, rng, groups=groups, doubles=rng.random() < .5, filler=.25), "digits_words_grouped"


def r_zip(z, rng, spoken):
    if not spoken:
        return z, "five"
    if rng.random() < .3:
        return z[:3] + " " + z[3:], "stt_split"
    return digit_words(z, rng, gsep=" "), "digits_words"


def r_npi(n, rng, spoken):
    if not spoken:
        return n, "plain"
    return digit_words(n, rng, groups=[3, 3, 4], filler=.2), "digits_words_grouped"


def house_words(h, rng):
    if h < 100:
        return n2w(h)
    if h < 1000:
        a, b = divmod(h, 100)
        return ONES[a] + " " + (("oh " + ONES[b]) if b < 10 and b else ("hundred" if b == 0 else n2w(b)))
    a, b = divmod(h, 100)
    return n2w(a) + " " + (("oh " + ONES[b]) if 0 < b < 10 else ("hundred" if b == 0 else n2w(b)))


def r_street(v, rng, spoken):
    name, suf, abbr = v["street"]
    u = v["unit"]
    if not spoken:
        s = "%d %s %s" % (v["house"], name, rng.choice([suf, abbr]))
        if u:
            s += rng.choice([", Apt %s" % u, " Unit %s" % u, " #%s" % u])
        return s, "written_house_street" + ("_unit" if u else "")
    f = rng.randrange(3)
    if f == 0:
        s = "%s %s %s" % (house_words(v["house"], rng), name.lower(), suf.lower())
        form = "house_words"
    elif f == 1:
        s = "%d %s %s" % (v["house"], name, suf)
        form = "stt_house_digits"
        if u:
            s += " apartment " + u
            return s, form + "_unit"
        return s, form
    else:
        s = "%s %s %s" % (digit_words(str(v["house"]), rng, gsep=" "), name.lower(), suf.lower())
        form = "house_digit_words"
    if u:
        uw = " ".join(letters_spoken(u, rng, "letters")) if not u.isdigit() else house_words(int(u), rng)
        s += rng.choice([" apartment ", " unit ", ", apartment "]) + uw
        form += "_unit"
    return s, form


def r_email(v, rng, spoken):
    if not spoken:
        return v["email"], "written"
    user, dom = v["email_user"], v["email_dom"]
    f = rng.randrange(3)
    def say_user(u):
        out = []
        buf = ""
        for ch in u:
            if ch == ".":
                out.append(buf); out.append("dot"); buf = ""
            elif ch == "_":
                out.append(buf); out.append("underscore"); buf = ""
            elif ch.isdigit():
                if buf and not buf[-1].isdigit():
                    out.append(buf); buf = ""
                buf += ch
            else:
                if buf and buf[-1].isdigit():
                    out.append(buf); buf = ""
                buf += ch
        out.append(buf)
        res = []
        for t in out:
            if t.isdigit():
                res.append(n2w(int(t)) if len(t) == 2 and t[0] != "0" else digit_words(t, rng, gsep=" "))
            elif t:
                res.append(t)
        return " ".join(res)
    d1, d2 = dom.rsplit(".", 1)
    if f == 0:
        return "%s at %s dot %s" % (say_user(user), d1, d2), "email_words"
    if f == 1:
        spelled = " ".join(ch if ch.isalpha() else {".": "dot", "_": "underscore"}.get(ch, ONES[int(ch)] if ch.isdigit() else ch) for ch in user)
        return "%s at %s dot %s" % (spelled, d1, d2), "email_spelled"
    return "%s@%s" % (user, dom), "email_stt_symbol"


# ---------------------------------------------------------------- marking
class Reg:
    def __init__(self):
        self.items = []

    def v(self, text, ent, spoken, cue, form, value):
        k = len(self.items)
        self.items.append(("S", {"entity": ent, "spoken": spoken, "cue": cue, "form": form, "value": value}))
        return "\ue000" + chr(0xE100 + k) + text + "\ue001"

    def n(self, text, what):
        k = len(self.items)
        self.items.append(("N", {"what": what}))
        return "\ue000" + chr(0xE100 + k) + text + "\ue001"

    def finish(self, marked):
        out = bytearray()
        spans, negs = [], []
        i, stack = 0, []
        n = len(marked)
        while i < n:
            ch = marked[i]
            if ch == "\ue000":
                stack.append((ord(marked[i + 1]) - 0xE100, len(out)))
                i += 2
                continue
            if ch == "\ue001":
                k, st = stack.pop()
                kind, meta = self.items[k]
                if kind == "S":
                    d = {"start": st, "end": len(out)}
                    d.update(meta)
                    spans.append(d)
                else:
                    negs.append({"start": st, "end": len(out), "what": meta["what"]})
                i += 1
                continue
            out += ch.encode("utf-8")
            i += 1
        assert not stack
        spans.sort(key=lambda s: s["start"])
        negs.sort(key=lambda s: s["start"])
        return out.decode("utf-8"), spans, negs


# A turn is (role, [pieces]); a piece is str, ("V", text, ent, spoken, cue, form, value) or ("N", text, what)
NUMW = re.compile(r"\b(zero|oh|o|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|first|second|third|[a-z]+th|double|triple)\b")


def V(text_form, ent, spoken, cue, value):
    t = text_form[0]
    if ent in ("PHONE", "SSN", "CARD", "ZIP", "NPI"):
        spoken = bool(re.search(r"[a-z]", t.replace("+1", ""), re.I))
    elif ent in ("DOB", "DATE"):
        spoken = bool(NUMW.search(t.lower()))
    elif ent in ("MRN", "MEMBER_ID", "MBI"):
        spoken = bool(re.search(r"[a-z]", t))
    elif ent == "EMAIL":
        spoken = " at " in t or " dot " in t
    elif ent == "STREET":
        spoken = not t[0].isdigit()
    return ("V", t, ent, spoken, cue, text_form[1], value)


def N(text, what):
    return ("N", text, what)


def render(reg, pieces):
    out = []
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
        elif p[0] == "V":
            out.append(reg.v(p[1], p[2], p[3], p[4], p[5], p[6]))
        else:
            out.append(reg.n(p[1], p[2]))
    return "".join(out)


def plain(pieces):
    return "".join(p if isinstance(p, str) else p[1] for p in pieces)


def words_of(reg, pieces):
    """Word tokens with their marks, for word-level vendor arrays."""
    res = []
    for p in pieces:
        if isinstance(p, str):
            for w in p.split():
                res.append((w, None))
        elif p[0] == "V":
            for w in p[1].split():
                bare = w.strip(",.")
                if bare.lower() in FILLERS or bare in ("-", "...", "") or bare.lower() in ("as", "in", "dot", "at", "then", "the", "of", "and", "apartment", "unit", "underscore"):
                    res.append((w, None))
                else:
                    res.append((w, p))
        else:
            for w in p[1].split():
                res.append((w, None))
    return res


def mark_word(reg, w, p, lower=False):
    """Mark a word token; leading/trailing punctuation stays outside the span."""
    if p is None:
        return w.lower().strip(",.?!") if lower else w
    m = re.match(r"^([(\"]?)(.*?)([,.?!)]*)$", w)
    a, core, z = m.group(1), m.group(2), m.group(3)
    if lower:
        a, z, core = "", "", core.lower()
    if not core:
        return a + z
    return a + reg.v(core, p[2], p[3], p[4], p[5] + "_word", p[6]) + z


# ---------------------------------------------------------------- dialogue building
class Call:
    def __init__(self, rng, v, smart, ctype):
        self.rng, self.v, self.smart, self.ctype = rng, v, smart, ctype
        self.turns = []
        self.facts = []  # (key, entity)

    def A(self, *pieces):
        self.turns.append(("A", list(pieces)))

    def C(self, *pieces):
        self.turns.append(("C", list(pieces)))

    def sp(self):
        return not self.smart or self.rng.random() < .35

    def fact(self, k):
        if k not in self.facts:
            self.facts.append(k)


def fill(rng, p=.3):
    return rng.choice(["uh ", "um ", "so ", "yeah ", ""]) if rng.random() < p else ""


def mod_name(c):
    r, v = c.rng, c.v
    nm = v["name"] if c.smart else v["name"].lower()
    f = r.randrange(4)
    if f == 0:
        c.A("Can I get the patient's full name, please?")
        c.C(fill(r), V((nm, "name_full"), "NAME", True, "prev", v["name"]), ".")
    elif f == 1:
        c.C("Hi, yeah, this is ", V((nm, "name_full"), "NAME", True, "same", v["name"]), ", I'm calling about my ", r.choice(["prescription", "appointment", "test results", "referral"]), ".")
    elif f == 2:
        c.A("Who am I speaking with today?")
        c.C(V((v["first"] if c.smart else v["first"].lower(), "name_first"), "NAME", True, "prev", v["first"]), ". ",
            V((v["last"] if c.smart else v["last"].lower(), "name_last"), "NAME", True, "none", v["last"]), ".")
    else:
        c.C("Yeah hi. ", V((nm, "name_full_opening"), "NAME", True, "none", v["name"]), ". Calling for my ", r.choice(["refill", "mom", "lab work"]), ".")
    if r.random() < .55:
        c.A("And could you spell the last name for me?")
        st = r.choice(["letters", "dash", "asin", "nato"])
        L = v["last"]
        if st == "letters":
            s = " ".join(L.lower())
        elif st == "dash":
            s = "-".join(L.upper())
        elif st == "asin":
            s = ", ".join(ch.upper() + " as in " + ASIN[ch.upper()] for ch in L[:4]) + ", " + " ".join(L[4:].upper())
        else:
            s = " ".join(NATO[ch.upper()] for ch in L)
        c.C(fill(r, .4), "sure, it's ", V((s.strip(", "), "spelled_" + st), "NAME", True, "same", L), ".")
        c.A("Thank you, ", r.choice(["Mr.", "Ms."]), " ", V((L, "name_last_readback"), "NAME", True, "prev", L), ".")
    c.fact("name")


def mod_dob(c):
    r, v = c.rng, c.v
    sp = c.sp()
    if r.random() < .5:
        c.A(r.choice(["And your date of birth?", "Can you verify your date of birth?", "What's the birthday on file?"]))
        c.C(fill(r), V(r_date(v["dob"], r, sp), "DOB", sp, "prev", v["dob"].isoformat()))
    else:
        c.A("To verify your identity I'll need one more thing.")
        c.C(fill(r), "my date of birth is ", V(r_date(v["dob"], r, sp), "DOB", sp, "same", v["dob"].isoformat()), ".")
    if r.random() < .4:
        c.A("Got it, ", V(r_date(v["dob"], r, False), "DOB", False, "prev", v["dob"].isoformat()), ". ",
            "And you're ", N(n2w(2026 - v["dob"].year - 1) if not c.smart else str(2026 - v["dob"].year - 1), "age"), ", correct?")
        c.C("That's right.")
    c.fact("dob")


def mod_phone(c):
    r, v = c.rng, c.v
    sp = c.sp()
    f = r.randrange(3)
    if f == 0:
        c.A("What's the best callback number?")
        c.C(fill(r), V(r_phone(v["phone"], r, sp), "PHONE", sp, "prev", v["phone"]))
    elif f == 1:
        c.C("you can reach me at ", V(r_phone(v["phone"], r, sp), "PHONE", sp, "same", v["phone"]), r.choice([" that's my cell.", ".", " anytime after noon."]))
    else:
        c.A("And a good phone number?")
        c.C("area code ", V((digit_words(v["phone"][:3], r) if sp else v["phone"][:3], "split_area"), "PHONE", sp, "same", v["phone"]))
        c.A("Mm-hm.")
        c.C(V((digit_words(v["phone"][3:], r, groups=[3, 4]) if sp else v["phone"][3:6] + "-" + v["phone"][6:], "split_rest"), "PHONE", sp, "prev", v["phone"]))
    if r.random() < .5:
        c.A("Let me read that back, ", V(r_phone(v["phone"], r, r.random() < .5 and not c.smart), "PHONE", True, "prev", v["phone"]), "?")
        c.C("yep.")
    c.fact("phone")


def _fix_sp(t):
    return t


def mod_ssn(c):
    r, v = c.rng, c.v
    sp = c.sp()
    if r.random() < .5:
        c.A("For the insurance verification I need the last four of your social.")
        l4 = v["ssn"][5:]
        c.C(fill(r), V((digit_words(l4, r) if sp else l4, "last4"), "SSN", sp, "prev", v["ssn"]))
    else:
        c.A("Do you have your Social Security number handy?")
        c.C("yeah hold on. ", r.choice(["okay it's ", "my social is ", "ssn is "]), V(r_ssn(v["ssn"], r, sp), "SSN", sp, "same", v["ssn"]))
    c.fact("ssn")


def mod_mrn(c):
    r, v = c.rng, c.v
    sp = c.sp()
    if r.random() < .5:
        c.A("Do you have your medical record number? It's on the after-visit summary.")
        c.C(fill(r), "it says ", V(r_mrn(v["mrn"], r, sp), "MRN", sp, "prev", v["mrn"]))
    else:
        c.C("my MRN is ", V(r_mrn(v["mrn"], r, sp), "MRN", sp, "same", v["mrn"]), " if that helps.")
    c.fact("mrn")


def mod_member(c):
    r, v = c.rng, c.v
    sp = c.sp()
    c.A("Can you read me the member ID from the front of the insurance card?")
    c.C(fill(r, .5), V(r_member(v["member"], r, sp), "MEMBER_ID", sp, "prev", v["member"]))
    if r.random() < .4:
        c.A("So that's ", V((v["member"], "readback_plain"), "MEMBER_ID", False, "prev", v["member"]), "?")
        c.C("correct.")
    c.fact("member")
    if r.random() < .35 or c.ctype == "insurance":
        c.A("And is there a Medicare number as well?")
        c.C("yes the red white and blue card, it's ", V(r_mbi(v["mbi"], r, True), "MBI", True, "same", v["mbi"]))
        c.fact("mbi")


def mod_address(c):
    r, v = c.rng, c.v
    sp = c.sp()
    c.A("What's your current mailing address?")
    c.C(fill(r), V(r_street(v, r, sp), "STREET", sp, "prev", "%d %s" % (v["house"], v["street"][0])), ", ",
        V((v["city"] if c.smart else v["city"].lower(), "city"), "CITY", True, "prev", v["city"]), ", ",
        v["state"] if c.smart else r.choice(["washington", v["state"].lower()]) if v["state"] == "WA" else v["state"], " ",
        V(r_zip(v["zip"], r, sp), "ZIP", sp, "prev", v["zip"]))
    if r.random() < .4:
        c.A("And the zip again?")
        c.C(V(r_zip(v["zip"], r, True), "ZIP", True, "prev", v["zip"]))
    c.fact("street"); c.fact("city"); c.fact("zip")


def mod_email(c):
    r, v = c.rng, c.v
    sp = c.sp()
    c.A("Do you want the portal invite sent by email?")
    c.C("yes please, it's ", V(r_email(v, r, sp), "EMAIL", sp, "same", v["email"]))
    if r.random() < .5:
        c.A("Okay, ", V((v["email"], "readback"), "EMAIL", False, "prev", v["email"]), ", did I get that right?")
        c.C("yeah that's it.")
    c.fact("email")


def mod_card(c):
    r, v = c.rng, c.v
    sp = c.sp()
    c.A("Your copay today is ", N(r.choice(["$25", "forty dollars", "$35.00", "twenty five dollars"]), "money"), ". What card would you like to use?")
    c.C(fill(r), "yeah, the card number is ", V(r_card(v["card"], r, sp), "CARD", sp, "same", v["card"]))
    c.A("And the expiration?")
    c.C(r.choice(["oh nine twenty eight", "09/28", "twelve twenty seven"]), ".")
    c.A("Thank you. Your confirmation number is ", N(r.choice(["C-48213", "four seven seven two nine", "RX7731"]), "confirmation_number"), ".")
    c.fact("card")


def mod_npi(c):
    r, v = c.rng, c.v
    c.C("Hi, this is ", V((v["agent"] if c.smart else v["agent"].lower(), "caller_first"), "NAME", True, "same", v["agent"]), " from the office of Dr. ",
        V((v["prov_last"] if c.smart else v["prov_last"].lower(), "provider_last"), "NAME", True, "same", v["prov_last"]),
        ", our NPI is ", V(r_npi(v["npi"], r, c.sp()), "NPI", c.sp(), "same", v["npi"]))
    c.fact("npi"); c.fact("provider")


def mod_dates(c):
    r, v = c.rng, c.v
    sp = c.sp()
    c.C("she was admitted on ", V(r_date(v["adm"], r, sp), "DATE", sp, "same", v["adm"].isoformat()),
        " and discharged ", V(r_date(v["dis"], r, sp), "DATE", sp, "same", v["dis"].isoformat()), ".")
    c.fact("adm")


def mod_clinical(c):
    r = c.rng
    med = r.choice(MEDS)
    opts = [
        lambda: (c.A("Which medication do you need refilled?"),
                 c.C(fill(r), "the ", med[0], " ", N(med[1] if not c.smart else med[2], "dose"), ", I take it ", N(r.choice(["twice a day", "once daily", "every morning"]), "dose"), ".")),
        lambda: (c.A("Have you checked your blood pressure recently?"),
                 c.C("this morning it was ", N(r.choice(["one forty two over ninety", "138/88", "one thirty over eighty five"]), "blood_pressure"), ".")),
        lambda: (c.A("Any fever?"),
                 c.C("last night it was ", N(r.choice(["a hundred and one point two", "101.4", "ninety nine point eight"]), "vital_sign"), " and I've had the cough for ", N(r.choice(["three days", "about a week", "10 days"]), "duration"), ".")),
        lambda: (c.A("If this is an emergency please hang up and dial ", N("nine one one", "emergency_number") if not c.smart else N("911", "emergency_number"), ". Otherwise, for pharmacy ", N("press two", "menu_option"), "."),
                 c.C("no it's not an emergency.")),
        lambda: (c.A("I can get you in on ", N(r.choice(["Tuesday the fourteenth", "Monday, June 8th", "the twenty third"]), "appointment_date"), " at ", N(r.choice(["two thirty", "9:15 AM", "ten forty five"]), "time"), ", does that work?"),
                 c.C(r.choice(["that works.", "yeah that's fine.", "anything earlier? no okay that's fine."]))),
        lambda: (c.A("What was your last A1C?"),
                 c.C("I think ", N(r.choice(["seven point two", "6.8", "eight point one"]), "lab_value"), " and I weigh about ", N(r.choice(["one eighty five", "210 pounds", "one sixty two pounds"]), "weight"), " now.")),
        lambda: (c.A("Your order number for the supplies is ", N(r.choice(["4471", "ORD-20931", "seven seven one four"]), "order_number"), ". Anything else?"),
                 c.C("I ", N("will", "common_word"), " call back if the box doesn't come.")),
    ]
    r.choice(opts)()


CTYPES = {
    "intake": [mod_name, mod_dob, mod_address, mod_phone, mod_email, mod_member, mod_ssn],
    "symptom_checker": [mod_name, mod_dob, mod_phone, mod_mrn],
    "rx_renewal": [mod_name, mod_dob, mod_mrn, mod_phone],
    "care_coordination": [mod_npi, mod_name, mod_dob, mod_mrn, mod_dates, mod_phone],
    "billing": [mod_name, mod_dob, mod_card, mod_ssn, mod_email],
    "insurance": [mod_name, mod_dob, mod_member, mod_ssn, mod_address],
}


def build_call(rng, v, smart, ctype):
    c = Call(rng, v, smart, ctype)
    greet = rng.choice(["Thanks for calling Brightline Telehealth, this call may be recorded. How can I help?",
                        "Hi, this is %s, the virtual assistant for Northgate Family Clinic. What can I do for you today?" % v["agent"],
                        "Good morning, nurse line, this is %s." % v["agent"],
                        "Hello! You've reached the prescription refill line."])
    c.A(greet)
    mods = list(CTYPES[ctype])
    extra = [m for m in (mod_email, mod_ssn, mod_mrn, mod_card, mod_member, mod_address, mod_phone) if m not in mods]
    rng.shuffle(extra)
    mods = [mods[0]] + mods[1:] + extra[:rng.randrange(1, 3)]
    for m in mods:
        m(c)
        if rng.random() < .5:
            mod_clinical(c)
    mod_clinical(c)
    if rng.random() < .4:
        c.C("oh and my daughter ", V((v["rel_first"] if smart else v["rel_first"].lower(), "relative_first"), "NAME", True, "same", v["rel_first"]), " ", N("may", "common_word"), " call too, she has my permission.")
    c.A(rng.choice(["Alright, you're all set. Is there anything else?", "Okay, I've sent that over. Anything else today?"]))
    c.C(rng.choice(["no that's it, thank you.", "nope. thanks.", "no thanks bye."]))
    c.A("Have a good day.")
    while len(c.turns) > 40:
        c.turns.pop(-3)
    return c


# ---------------------------------------------------------------- written renderings (LLM)
def W(c, key, rng, cue="same"):
    v = c.v
    if key == "name":
        return V((v["name"], "llm_full"), "NAME", False, cue, v["name"])
    if key == "dob":
        return V(r_date(v["dob"], rng, False), "DOB", False, cue, v["dob"].isoformat())
    if key == "phone":
        return V(r_phone(v["phone"], rng, False), "PHONE", False, cue, v["phone"])
    if key == "ssn":
        if rng.random() < .3:
            return V((v["ssn"][5:], "last4_digits"), "SSN", False, cue, v["ssn"])
        return V(r_ssn(v["ssn"], rng, False), "SSN", False, cue, v["ssn"])
    if key == "mrn":
        return V(r_mrn(v["mrn"], rng, False), "MRN", False, cue, v["mrn"])
    if key == "member":
        return V(r_member(v["member"], rng, False), "MEMBER_ID", False, cue, v["member"])
    if key == "mbi":
        return V(r_mbi(v["mbi"], rng, False), "MBI", False, cue, v["mbi"])
    if key == "card":
        return V(r_card(v["card"], rng, False), "CARD", False, cue, v["card"])
    if key == "email":
        return V((v["email"], "written"), "EMAIL", False, cue, v["email"])
    if key == "street":
        return V(r_street(v, rng, False), "STREET", False, cue, "%d %s" % (v["house"], v["street"][0]))
    if key == "city":
        return V((v["city"], "city"), "CITY", False, cue, v["city"])
    if key == "zip":
        return V((v["zip"], "five"), "ZIP", False, cue, v["zip"])
    if key == "npi":
        return V((v["npi"], "plain"), "NPI", False, cue, v["npi"])
    if key == "provider":
        return V((v["prov_last"], "provider_last"), "NAME", False, cue, v["prov_last"])
    if key == "adm":
        return V(r_date(v["adm"], rng, False), "DATE", False, cue, v["adm"].isoformat())
    raise KeyError(key)


LBL = {"name": "Patient", "dob": "DOB", "phone": "callback", "ssn": "SSN", "mrn": "MRN",
       "member": "member ID", "mbi": "MBI", "card": "card", "email": "email", "street": "address",
       "city": "city", "zip": "ZIP", "npi": "referring NPI", "provider": "referring provider Dr.",
       "adm": "admitted"}
SKEYS = {"name": ["patient_name", "patientName", "caller_name"], "dob": ["dob", "date_of_birth", "patientDob"],
         "phone": ["callback_number", "phone", "callbackPhone"], "ssn": ["ssn", "ssn_last4", "social"],
         "mrn": ["mrn", "medical_record_number", "chartNumber"], "member": ["member_id", "insuranceMemberId", "subscriber_id"],
         "mbi": ["mbi", "medicare_id"], "card": ["card_number", "payment_card"], "email": ["email", "portal_email"],
         "street": ["street", "address_line1"], "city": ["city"], "zip": ["zip", "postal_code"],
         "npi": ["referring_npi", "npi"], "provider": ["referring_provider_last"], "adm": ["admit_date", "admissionDate"]}


def summary(c, rng):
    intro = {"intake": "New-patient intake call.", "symptom_checker": "Symptom triage call.",
             "rx_renewal": "Prescription renewal request.", "care_coordination": "Care coordination call from a referring office.",
             "billing": "Billing call; copay collected.", "insurance": "Insurance verification call."}[c.ctype]
    p = [intro + " "]
    keys = [k for k in c.facts]
    for i, k in enumerate(keys):
        if k in ("city",):
            continue
        p.append(LBL[k] + (" " if k == "provider" else ": "))
        p.append(W(c, k, rng))
        p.append(". " if i % 2 else "; ")
    p.append(rng.choice(["Caller verified identity. Follow-up in ", "Routed to RN queue; callback within "]))
    p.append(N(rng.choice(["24 hours", "2 business days", "48 hours"]), "duration"))
    p.append(".")
    return p


def structured(c, rng, reg):
    d = {}
    for k in c.facts:
        d[rng.choice(SKEYS[k])] = render(reg, [W(c, k, rng)])
    d["call_reason"] = c.ctype.replace("_", " ")
    d["urgent"] = rng.random() < .2
    d["identity_verified"] = True
    return d


# ---------------------------------------------------------------- vendor payloads
def uid(rng, n=None):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[rng.randrange(4)] + h[17:20], h[20:32])


def timeline(c, rng):
    t = rng.uniform(.4, 1.8)
    out = []
    for role, pcs in c.turns:
        n = len(plain(pcs).split())
        d = n * rng.uniform(.28, .42) + .3
        out.append((round(t, 2), round(t + d, 2)))
        t += d + rng.uniform(.3, 1.6)
    return out


def iso(rng, base=None):
    b = datetime.datetime(2026, rng.randrange(1, 12), rng.randrange(1, 28), rng.randrange(13, 23),
                          rng.randrange(60), rng.randrange(60), rng.randrange(1000) * 1000)
    return b


def label_text(c, reg, a_lab, c_lab, sep="\n"):
    return sep.join((a_lab if r == "A" else c_lab) + ": " + render(reg, p) for r, p in c.turns)


def p_vapi(c, rng, reg):
    st = iso(rng)
    tl = timeline(c, rng)
    msgs = [{"role": "system", "message": "You are the intake assistant for Brightline Telehealth. Collect identity, reason for call, and callback details. Never give medical advice.", "time": int(st.timestamp() * 1000), "secondsFromStart": 0}]
    for (r, p), (a, b) in zip(c.turns, tl):
        msgs.append({"role": "bot" if r == "A" else "user", "message": render(reg, p),
                     "time": int(st.timestamp() * 1000 + a * 1000), "endTime": int(st.timestamp() * 1000 + b * 1000),
                     "secondsFromStart": a, "duration": int((b - a) * 1000)})
    tools = []
    if rng.random() < .6:
        args = structured(c, rng, reg)
        tools.append({"id": "call_" + "%024x" % rng.getrandbits(96), "type": "function",
                      "function": {"name": rng.choice(["createIntakeRecord", "lookup_patient", "submitRefillRequest"]),
                                   "arguments": json.dumps(args, ensure_ascii=False)}})
        msgs.append({"role": "tool_calls", "toolCalls": tools, "time": int(st.timestamp() * 1000 + tl[-1][1] * 1000), "secondsFromStart": tl[-1][1]})
    end = st + datetime.timedelta(seconds=tl[-1][1] + 2)
    call_id = uid(rng)
    payload = {"message": {
        "timestamp": int(end.timestamp() * 1000), "type": "end-of-call-report",
        "analysis": {"summary": render(reg, summary(c, rng)), "structuredData": structured(c, rng, reg), "successEvaluation": rng.choice(["true", "8", "PASS"])},
        "artifact": {"messages": msgs, "transcript": label_text(c, reg, "AI", "User"),
                     "recordingUrl": "https://storage.vapi.ai/%s-%d-recording.wav" % (call_id, int(st.timestamp() * 1000))},
        "startedAt": st.isoformat()[:23] + "Z", "endedAt": end.isoformat()[:23] + "Z",
        "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
        "cost": round(rng.uniform(.05, .6), 4),
        "costBreakdown": {"transport": 0, "stt": round(rng.uniform(.01, .05), 4), "llm": round(rng.uniform(.01, .2), 4), "tts": round(rng.uniform(.01, .1), 4), "vapi": round(rng.uniform(.02, .1), 4), "llmPromptTokens": rng.randrange(2000, 20000), "llmCompletionTokens": rng.randrange(100, 900)},
        "call": {"id": call_id, "orgId": uid(rng), "type": "inboundPhoneCall", "assistantId": uid(rng), "phoneNumberId": uid(rng),
                 "customer": {"number": render(reg, [V(("+1" + c.v["phone"], "e164"), "PHONE", False, "none", c.v["phone"])])},
                 "status": "ended"},
        "assistant": {"name": "intake-v3", "model": {"provider": "openai", "model": rng.choice(["gpt-4o", "gpt-4o-mini", "gpt-4.1"]), "temperature": 0.3},
                      "voice": {"provider": "11labs", "voiceId": "paula"}, "transcriber": {"provider": "deepgram", "model": "nova-2", "language": "en-US"}},
        "metadata": {"ehr": "athena", "practiceId": str(rng.randrange(1000, 99999)), "workflow": c.ctype}}}
    return payload


def p_retell(c, rng, reg):
    st = iso(rng)
    tl = timeline(c, rng)
    tobj, twt = [], []
    for (r, p), (a, b) in zip(c.turns, tl):
        ws = words_of(reg, p)
        n = max(1, len(ws))
        words = []
        for i, (w, mk) in enumerate(ws):
            words.append({"word": mark_word(reg, w, mk), "start": round(a + (b - a) * i / n, 3), "end": round(a + (b - a) * (i + 1) / n, 3)})
        ent = {"role": "agent" if r == "A" else "user", "content": render(reg, p), "words": words}
        tobj.append(ent)
        twt.append({"role": ent["role"], "content": render(reg, p)})
    if rng.random() < .7:
        tcid = "%016x" % rng.getrandbits(64)
        twt.append({"role": "tool_call_invocation", "tool_call_id": tcid, "name": rng.choice(["book_appointment", "verify_patient", "send_refill"]),
                    "arguments": json.dumps(structured(c, rng, reg), ensure_ascii=False)})
        twt.append({"role": "tool_call_result", "tool_call_id": tcid, "content": json.dumps({"ok": True, "appointment_id": "apt_%d" % rng.randrange(10 ** 6, 10 ** 7)})})
    dur = int(tl[-1][1] * 1000) + 1500
    s_ms = int(st.timestamp() * 1000)
    call = {"call_type": "phone_call", "from_number": render(reg, [V(("+1" + c.v["phone"], "e164"), "PHONE", False, "none", c.v["phone"])]),
            "to_number": "+18005550199",
            "direction": "inbound", "call_id": "call_" + "%032x" % rng.getrandbits(128), "agent_id": "agent_" + "%026x" % rng.getrandbits(104),
            "agent_version": rng.randrange(1, 30), "call_status": "ended",
            "metadata": {"clinic_id": "cl_%d" % rng.randrange(100, 999), "ehr_patient_ref": render(reg, [W(c, "mrn", rng)]) if "mrn" in c.facts else None},
            "retell_llm_dynamic_variables": {"patient_first_name": render(reg, [V((c.v["first"], "first"), "NAME", False, "none", c.v["first"])]), "clinic_name": "Northgate Family Clinic"},
            "start_timestamp": s_ms, "end_timestamp": s_ms + dur, "duration_ms": dur,
            "transcript": "\n".join(("Agent: " if r == "A" else "User: ") + render(reg, p) for r, p in c.turns) + "\n",
            "transcript_object": tobj, "transcript_with_tool_calls": twt,
            "recording_url": "https://dxc03zgurdly9.cloudfront.net/%032x/recording.wav" % rng.getrandbits(128),
            "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
            "call_cost": {"combined_cost": round(rng.uniform(5, 60), 2), "total_duration_seconds": dur // 1000},
            "latency": {"e2e": {"p50": rng.randrange(700, 1400), "p90": rng.randrange(1400, 2600)}},
            "call_analysis": {"call_summary": render(reg, summary(c, rng)), "in_voicemail": False,
                              "user_sentiment": rng.choice(["Positive", "Neutral", "Negative"]), "call_successful": True,
                              "custom_analysis_data": structured(c, rng, reg)}}
    return {"event": "call_analyzed", "call": call}


def p_signalwire(c, rng, reg):
    st = iso(rng)
    tl = timeline(c, rng)
    log = [{"role": "system", "content": "You are a scheduling and refill assistant for a telehealth practice.", "timestamp": int(st.timestamp() * 1e6)}]
    for (r, p), (a, b) in zip(c.turns, tl):
        e = {"role": "assistant" if r == "A" else "user", "content": render(reg, p), "timestamp": int(st.timestamp() * 1e6 + a * 1e6)}
        if r == "A":
            e["latency"] = rng.randrange(400, 2200); e["utterance_latency"] = rng.randrange(300, 1500)
        else:
            e["confidence"] = round(rng.uniform(.72, .99), 6); e["start_timestamp"] = int(st.timestamp() * 1e6 + a * 1e6)
        log.append(e)
    swaig = []
    if rng.random() < .7:
        fn = rng.choice(["verify_identity", "create_ticket", "lookup_member"])
        swaig.append({"command_name": fn, "command_arg": json.dumps(structured(c, rng, reg), ensure_ascii=False),
                      "epoch_time": int(st.timestamp()) + int(tl[-1][0]), "post_response": {"response": "Record located.", "action": []}})
    parsed = structured(c, rng, reg)
    raw = json.dumps(parsed, ensure_ascii=False)
    return {"app_name": "swml app", "action": "post_conversation", "ai_session_id": uid(rng), "conversation_id": uid(rng),
            "call_id": uid(rng), "project_id": uid(rng), "space_id": uid(rng),
            "caller_id_name": render(reg, [V((c.v["name"].upper()[:15], "cnam_upper"), "NAME", False, "none", c.v["name"])]) if rng.random() < .5 else "WIRELESS CALLER",
            "caller_id_num": render(reg, [V(("+1" + c.v["phone"], "e164"), "PHONE", False, "none", c.v["phone"])]),
            "call_start_date": int(st.timestamp() * 1e6), "call_end_date": int(st.timestamp() * 1e6 + tl[-1][1] * 1e6),
            "total_input_tokens": rng.randrange(3000, 30000), "total_output_tokens": rng.randrange(200, 2000),
            "total_asr_minutes": round(tl[-1][1] / 60, 3), "total_tts_chars": rng.randrange(800, 5000),
            "call_log": log, "swaig_log": swaig,
            "post_prompt_data": {"raw": raw, "substituted": render(reg, summary(c, rng)), "parsed": [structured(c, rng, reg)]},
            "SWMLVars": {"clinic": "Brightline", "ehr_sync": True, "patient_hint": render(reg, [W(c, "dob", rng)])}}


def p_deepgram(c, rng, reg):
    tl = timeline(c, rng)
    allw, utts, paras = [], [], []
    spk = {"A": 0, "C": 1}
    for k, ((r, p), (a, b)) in enumerate(zip(c.turns, tl)):
        ws = words_of(reg, p)
        n = max(1, len(ws))
        uw = []
        for i, (w, mk) in enumerate(ws):
            uw.append({"word": mark_word(reg, w, mk, lower=True), "start": round(a + (b - a) * i / n, 3), "end": round(a + (b - a) * (i + 1) / n, 3),
                       "confidence": round(rng.uniform(.6, 1), 5), "speaker": spk[r], "speaker_confidence": round(rng.uniform(.4, .99), 4),
                       "punctuated_word": mark_word(reg, w, mk)})
        allw.extend(uw)
        utts.append({"start": a, "end": b, "confidence": round(rng.uniform(.8, .99), 5), "channel": 0, "transcript": render(reg, p),
                     "words": uw, "speaker": spk[r], "id": uid(rng)})
    para_t = "\n\n".join("Speaker %d: %s" % (spk[r], render(reg, p)) for r, p in c.turns)
    res = {"channels": [{"alternatives": [{"transcript": " ".join(render(reg, p) for r, p in c.turns), "confidence": round(rng.uniform(.85, .99), 5),
                                            "words": allw if len(allw) < 260 else [], "paragraphs": {"transcript": "\n" + para_t}}]}],
           "utterances": utts,
           "summary": {"result": "success", "short": render(reg, summary(c, rng))}}
    return {"metadata": {"transaction_key": "deprecated", "request_id": uid(rng), "sha256": "%064x" % rng.getrandbits(256),
                         "created": iso(rng).isoformat()[:23] + "Z", "duration": round(tl[-1][1] + 1.2, 6), "channels": 1,
                         "models": [uid(rng)], "model_info": {"x": {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}},
                         "summary_info": {"model_uuid": uid(rng), "input_tokens": rng.randrange(200, 2000), "output_tokens": rng.randrange(40, 200)},
                         "extra": {"tenant": "brightline", "encounter_hint": render(reg, [W(c, "mrn", rng)]) if "mrn" in c.facts else "none", "workflow": c.ctype}},
            "results": res}


def p_transcribe(c, rng, reg):
    tl = timeline(c, rng)
    items, segs = [], []
    for k, ((r, p), (a, b)) in enumerate(zip(c.turns, tl)):
        lab = "spk_%d" % (0 if r == "A" else 1)
        ws = words_of(reg, p)
        n = max(1, len(ws))
        ids = []
        for i, (w, mk) in enumerate(ws):
            core = w.rstrip(",.?!")
            punct = w[len(core):]
            if core:
                items.append({"id": len(items), "type": "pronunciation", "alternatives": [{"confidence": "%.4f" % rng.uniform(.5, 1), "content": mark_word(reg, core, mk)}],
                              "start_time": "%.3f" % (a + (b - a) * i / n), "end_time": "%.3f" % (a + (b - a) * (i + 1) / n), "speaker_label": lab})
                ids.append(items[-1]["id"])
            for ch in punct[:1]:
                items.append({"id": len(items), "type": "punctuation", "alternatives": [{"confidence": "0.0", "content": ch}], "speaker_label": lab})
                ids.append(items[-1]["id"])
        segs.append({"id": k, "transcript": render(reg, p), "start_time": "%.3f" % a, "end_time": "%.3f" % b, "speaker_label": lab, "items": ids})
    job = "%s-call-%d" % (rng.choice(["tele-intake", "rx-line", "nurse-line"]), rng.randrange(10 ** 9, 10 ** 10))
    return {"jobName": job, "accountId": str(rng.randrange(10 ** 11, 10 ** 12)), "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": " ".join(render(reg, p) for r, p in c.turns)}],
                        "speaker_labels": {"speakers": 2, "segments": [{"start_time": s["start_time"], "end_time": s["end_time"], "speaker_label": s["speaker_label"]} for s in segs]},
                        "items": items, "audio_segments": segs},
            "integration": {"pipeline": "transcribe->bedrock", "model_id": rng.choice(["anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-lite-v1:0"]),
                            "post_call_summary": render(reg, summary(c, rng)), "extracted": structured(c, rng, reg),
                            "s3_uri": "s3://tele-calls-prod/%s.json" % job}}


PROFILES = [("vapi", p_vapi), ("retell", p_retell), ("signalwire", p_signalwire), ("deepgram", p_deepgram), ("transcribe", p_transcribe)]
TLABELS = [("Agent", "Caller"), ("AI", "User"), ("NURSE", "PATIENT"), ("spk_0", "spk_1"), ("Speaker 0", "Speaker 1"),
           ("[agent]", "[caller]"), ("assistant", "user"), ("Rep", "Member")]


def p_transcript(c, rng, reg):
    a_lab, c_lab = rng.choice(TLABELS)
    ts = rng.random() < .4
    tl = timeline(c, rng)
    lines = []
    for (r, p), (a, b) in zip(c.turns, tl):
        lab = a_lab if r == "A" else c_lab
        pre = ""
        if ts:
            s = int(a)
            pre = "[%02d:%02d:%02d] " % (s // 3600, s % 3600 // 60, s % 60)
        sep = " " if lab.startswith("[") else ": "
        body = render(reg, p)
        if not c.smart and rng.random() < .5:
            body = body.lower() if "\ue000" not in body else body
        lines.append(pre + lab + sep + body)
    return "\n".join(lines)


def generate(seed, n):
    rng = random.Random(seed)
    ctypes = list(CTYPES)
    out = []
    n_json = round(n * 0.6)
    order = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(order)
    pj = 0
    for i, fmt in enumerate(order):
        r = random.Random(rng.getrandbits(64))
        v = make_values(r)
        ctype = ctypes[i % len(ctypes)]
        reg = Reg()
        if fmt == "json":
            prof, fn = PROFILES[pj % 5]
            pj += 1
            smart = prof in ("deepgram", "transcribe", "vapi") and r.random() < .5
            c = build_call(r, v, smart, ctype)
            obj = fn(c, r, reg)
            marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            kind = "%s_%s" % (prof, ctype)
        else:
            prof = None
            smart = r.random() < .35
            c = build_call(r, v, smart, ctype)
            marked = p_transcript(c, r, reg)
            kind = "transcript_" + ctype
        text, spans, negs = reg.finish(marked)
        rec = {"id": "h23-%05d" % (i + 1), "format": fmt}
        if prof:
            rec["profile"] = prof
        rec.update({"kind": kind, "text": text, "spans": spans, "negatives": negs})
        out.append(rec)
    return out


# ---------------------------------------------------------------- checks
def valid_value(ent, val):
    if ent == "SSN":
        return bool(re.fullmatch(r"\d{9}", val)) and val[:3] not in ("000", "666") and val[0] != "9" and val[3:5] != "00" and val[5:] != "0000"
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", val))
    if ent in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(val)
            return True
        except ValueError:
            return False
    if ent == "NPI":
        return bool(re.fullmatch(r"\d{10}", val)) and luhn_ok("80840" + val)
    if ent == "CARD":
        return bool(re.fullmatch(r"\d{15,16}", val)) and luhn_ok(val) and val[:6] in ("411111", "424242", "555555", "400000", "378282", "601111", "510510")
    if ent == "MBI":
        return bool(re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d", val))
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}", val))
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", val))
    if ent == "MRN":
        return bool(re.fullmatch(r"[A-Z]{0,2}\d{7,8}", val))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z]{1,3}\d{9,11}", val))
    return bool(val)


TURN_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\] |[A-Za-z][A-Za-z_ 0-9]*: )\S")


def json_string_ranges(raw):
    """Byte ranges (inside the quotes) of every JSON string token of a compact JSON line."""
    b = raw.encode("utf-8")
    res, i, n = [], 0, len(b)
    while i < n:
        if b[i] == 0x22:
            j = i + 1
            while b[j] != 0x22:
                j += 2 if b[j] == 0x5C else 1
            res.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return res


def check(records):
    errs = []
    for r in records:
        t = r["text"]
        b = t.encode("utf-8")
        ivs = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append((r["id"], "bad offsets", s)); continue
            try:
                seg = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append((r["id"], "not utf8 boundary", s)); continue
            if seg != seg.strip() or not seg:
                errs.append((r["id"], "span whitespace", seg))
            if s["entity"] not in ENTS:
                errs.append((r["id"], "label", s["entity"]))
            if s["cue"] not in ("same", "prev", "none"):
                errs.append((r["id"], "cue", s["cue"]))
            if not valid_value(s["entity"], s["value"]):
                errs.append((r["id"], "invalid value", s["entity"], s["value"]))
            digs = re.sub(r"\D", "", seg)
            vd = re.sub(r"\D", "", s["value"])
            if digs and s["entity"] not in ("STREET", "EMAIL") and vd and s["entity"] not in ("DOB", "DATE") and digs not in vd and not vd.endswith(digs) and not (s["entity"] == "PHONE" and digs[1:] == vd):
                errs.append((r["id"], "digits mismatch", seg, s["value"]))
            ivs.append((s["start"], s["end"], "S"))
        for ng in r["negatives"]:
            ivs.append((ng["start"], ng["end"], "N"))
        ivs.sort()
        for x, y in zip(ivs, ivs[1:]):
            if y[0] < x[1]:
                errs.append((r["id"], "overlap", x, y))
        if r["format"] == "json":
            try:
                json.loads(t)
            except ValueError as e:
                errs.append((r["id"], "json", str(e))); continue
            if json.dumps(json.loads(t), ensure_ascii=False, separators=(",", ":")) != t:
                errs.append((r["id"], "not compact"))
            rngs = json_string_ranges(t)
            for s in r["spans"] + r["negatives"]:
                if not any(a <= s["start"] and s["end"] <= z for a, z in rngs):
                    errs.append((r["id"], "span outside string", s))
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append((r["id"], "profile"))
        else:
            lines = t.split("\n")
            if not (8 <= len(lines) <= 40):
                errs.append((r["id"], "turns", len(lines)))
            for ln in lines:
                if not TURN_RE.match(ln):
                    errs.append((r["id"], "line", ln[:60]))
            if t.endswith("\n"):
                errs.append((r["id"], "trailing newline"))
    return errs


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    ne = collections.Counter()
    for r in records:
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            ne[n["what"]] += 1
    fm = collections.Counter(r["format"] + ":" + (r.get("profile") or "-") for r in records)
    print("records: %d  %s" % (len(records), ", ".join("%s=%d" % kv for kv in sorted(fm.items()))))
    print("%-10s %6s | %6s %6s | %5s %5s %5s" % ("entity", "total", "spoken", "writ", "same", "prev", "none"))
    tot = 0
    for e in ENTS:
        row = [sum(v for k, v in c.items() if k[0] == e)]
        tot += row[0]
        row += [sum(v for k, v in c.items() if k[0] == e and k[1] == x) for x in ("spoken", "written")]
        row += [sum(v for k, v in c.items() if k[0] == e and k[2] == x) for x in ("same", "prev", "none")]
        print("%-10s %6d | %6d %6d | %5d %5d %5d" % ((e,) + tuple(row)))
    print("total spans: %d" % tot)
    print("entity x spoken/written x cue:")
    for k in sorted(c):
        print("  %-10s %-7s %-4s %d" % (k + (c[k],)))
    print("negatives: " + ", ".join("%s=%d" % kv for kv in sorted(ne.items())))
    print("forms: %d distinct" % len(forms))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", default="")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        with open(a.check, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:40]:
            print("ERROR", e)
        stats(recs)
        print("check: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
