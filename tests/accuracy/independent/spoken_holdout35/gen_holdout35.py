#!/usr/bin/env python3
"""Holdout 35: interpreter-mediated and accented-English calls with spoken PHI.

Calls to community health centers and Medicaid plans, in English with an
interpreter relaying a Spanish, Vietnamese, Haitian Creole or Polish speaker,
and calls from callers with strong accents where ASR mishears (homophones for
digits, dropped words, repeated fragments, fillers, split/joined numbers,
letters written as words).  Python 3 standard library only; deterministic for a
seed whatever PYTHONHASHSEED is.

  python3 gen_holdout35.py [--seed 3535] [--n 150] [--carrier-dir DIR] > holdout35.jsonl
  python3 gen_holdout35.py --stats            # counts of a fresh generation
  python3 gen_holdout35.py --check holdout35.jsonl   # re-validate a file (+ stats)
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
import unicodedata

DEFAULT_SEED = 3535

# --------------------------------------------------------------------------
# rich strings: lists of plain text, spans (PHI) and negatives (look-alikes)


class S:
    """A PHI value as it appears in the text."""
    __slots__ = ("text", "entity", "spoken", "cue", "form", "value")

    def __init__(self, text, entity, spoken, cue, form, value):
        self.text, self.entity, self.spoken = text, entity, spoken
        self.cue, self.form, self.value = cue, form, value

    def again(self, cue=None):
        return S(self.text, self.entity, self.spoken, cue or self.cue, self.form, self.value)


class N:
    """A labelled hard negative."""
    __slots__ = ("text", "what")

    def __init__(self, text, what):
        self.text, self.what = text, what


class Rich(list):
    """A string made of str / S / N pieces (a JSON string value when serialised)."""

    def plain(self):
        return "".join(p if isinstance(p, str) else p.text for p in self)


def rich(*parts):
    out = Rich()
    for p in parts:
        if p is None or p == "":
            continue
        if isinstance(p, (list, tuple)):
            out.extend(rich(*p))
        else:
            out.append(p)
    return out


def rjoin(sep, items):
    out = Rich()
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.extend(rich(it))
    return out


class Emitter:
    """Accumulates UTF-8 text and byte offsets of spans and negatives."""

    def __init__(self):
        self.parts = []
        self.pos = 0
        self.spans = []
        self.negs = []

    def raw(self, s):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8"))

    def rich(self, r, escape=False):
        for p in r:
            t = p if isinstance(p, str) else p.text
            if escape:
                t = json.dumps(t, ensure_ascii=False)[1:-1]
            start = self.pos
            self.raw(t)
            if isinstance(p, S):
                self.spans.append({"start": start, "end": self.pos, "entity": p.entity,
                                   "spoken": p.spoken, "cue": p.cue, "form": p.form,
                                   "value": p.value})
            elif isinstance(p, N):
                self.negs.append({"start": start, "end": self.pos, "what": p.what})

    def text(self):
        return "".join(self.parts)


def dump_json(em, obj):
    """Compact JSON exactly as json.dumps(..., ensure_ascii=False, separators=(',', ':'))."""
    if isinstance(obj, Rich):
        em.raw('"')
        em.rich(obj, escape=True)
        em.raw('"')
    elif isinstance(obj, dict):
        em.raw("{")
        for i, (k, v) in enumerate(obj.items()):
            if i:
                em.raw(",")
            em.raw(json.dumps(k, ensure_ascii=False) + ":")
            dump_json(em, v)
        em.raw("}")
    elif isinstance(obj, list):
        em.raw("[")
        for i, v in enumerate(obj):
            if i:
                em.raw(",")
            dump_json(em, v)
        em.raw("]")
    else:
        em.raw(json.dumps(obj, ensure_ascii=False))


def to_plain(obj):
    if isinstance(obj, Rich):
        return obj.plain()
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_plain(v) for v in obj]
    return obj


# --------------------------------------------------------------------------
# number words

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
HOMO = {"1": "won", "2": "to", "4": "for", "8": "ate"}
LANG_DIGITS = {
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
    "vi": ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"],
    "ht": ["zewo", "en", "de", "twa", "kat", "senk", "sis", "sèt", "uit", "nèf"],
    "pl": ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem",
           "dziewięć"],
}
ES_ONES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
           "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
           "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés",
           "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho",
           "veintinueve"]
ES_TENS = ["", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
           "ochenta", "noventa"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
LETTER_WORDS = {"a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "eff", "g": "gee",
                "h": "aitch", "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en",
                "o": "oh", "p": "pee", "q": "cue", "r": "are", "s": "ess", "t": "tee", "u": "you",
                "v": "vee", "w": "double you", "x": "ex", "y": "why", "z": "zee"}
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
         "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
         "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
         "s": "sam", "t": "tom", "u": "umbrella", "v": "victor", "w": "william", "x": "xray",
         "y": "yellow", "z": "zebra"}


def num_words(n, joined=False):
    if n < 20:
        return ONES[n]
    t, u = divmod(n, 10)
    if u == 0:
        return TENS[t]
    return TENS[t] + ("" if joined else " ") + ONES[u]


def es_num(n):
    if n < 30:
        return ES_ONES[n]
    t, u = divmod(n, 10)
    return ES_TENS[t] + ("" if u == 0 else " y " + ES_ONES[u])


def ord_words(d):
    if d <= 20:
        return ORD[d]
    t, u = divmod(d, 10)
    return TENS[t][:-1] + "ieth" if u == 0 else TENS[t] + " " + ORD[u]


def year_words(y, rng, homo=False):
    if y >= 2000:
        r = y - 2000
        if r == 0:
            return "two thousand"
        return rng.choice(["two thousand ", "two thousand and "]) + num_words(r)
    hi, lo = divmod(y, 100)
    lo_w = num_words(lo) if lo >= 10 else "oh " + ONES[lo]
    if homo and lo % 10 in (2, 4, 8) and lo >= 20:
        lo_w = TENS[lo // 10] + " " + HOMO[str(lo % 10)]
    return num_words(hi) + " " + lo_w


def es_year(y):
    if y >= 2000:
        return "dos mil" + ("" if y == 2000 else " " + es_num(y - 2000))
    return "mil novecientos " + es_num(y - 1900)


# --------------------------------------------------------------------------
# spoken renderings of digit strings


def say_digits(s, groups, rng, lang="en", allow=("homo", "fill", "pairs", "double", "repeat",
                                                  "mixed")):
    """Spoken rendering of a digit string split into groups; returns (text, form)."""
    assert sum(groups) == len(s), (s, groups)
    chunks, i = [], 0
    for g in groups:
        chunks.append(s[i:i + g])
        i += g
    tags = []
    if lang != "en":
        words = LANG_DIGITS[lang]
        pairs = lang == "es" and rng.random() < 0.5
        out = []
        for c in chunks:
            if pairs and len(c) in (2, 4):
                ws = []
                for k in range(0, len(c), 2):
                    pr = c[k:k + 2]
                    ws.append(words[0] + " " + words[int(pr[1])] if pr[0] == "0" else es_num(int(pr)))
                out.append(" ".join(ws))
            else:
                out.append(" ".join(words[int(d)] for d in c))
        sep = rng.choice([" ", ", ", "... "])
        return sep.join(out), "%s_%s" % (lang, "pairs" if pairs else "digits")
    zero = rng.choice(["oh", "oh", "zero", "o"])
    tags.append({"oh": "oh", "zero": "zero", "o": "o"}[zero])
    homo = "homo" in allow and rng.random() < 0.45
    fill = "fill" in allow and rng.random() < 0.4
    pairs = "pairs" in allow and rng.random() < 0.3
    joined = pairs and rng.random() < 0.4
    double = "double" in allow and not pairs and rng.random() < 0.35
    mixed = "mixed" in allow and not pairs and rng.random() < 0.15
    repeat = "repeat" in allow and len(chunks) > 1 and rng.random() < 0.15

    def dword(d):
        if homo and d in HOMO and rng.random() < 0.5:
            used.add("homo")
            return HOMO[d]
        return zero if d == "0" else ONES[int(d)]

    used = set()
    out = []
    for ci, c in enumerate(chunks):
        if mixed and ci % 2 == 0 and len(c) >= 3:
            out.append(c)
            used.add("mixed")
            continue
        if pairs and len(c) in (2, 4) and all(c[k] != "0" and (c[k] == "1" or c[k + 1] != "0")
                                              for k in range(0, len(c), 2)):
            ws = [num_words(int(c[k:k + 2]), joined) for k in range(0, len(c), 2)]
            out.append(" ".join(ws))
            if joined and any(int(c[k:k + 2]) > 20 and c[k + 1] != "0"
                              for k in range(0, len(c), 2)):
                used.add("pairs_joined")
            else:
                used.add("pairs")
            continue
        ws = []
        k = 0
        while k < len(c):
            d = c[k]
            run = 1
            while k + run < len(c) and c[k + run] == d:
                run += 1
            if double and run == 2:
                ws.append("double " + (zero if d == "0" else ONES[int(d)]))
                used.add("double")
                k += 2
            elif double and run == 3:
                ws.append("triple " + (zero if d == "0" else ONES[int(d)]))
                used.add("triple")
                k += 3
            else:
                ws.append(dword(d))
                k += 1
        if fill and len(ws) > 3 and rng.random() < 0.5:
            j = rng.randrange(1, len(ws))
            ws.insert(j, rng.choice(["uh", "um"]))
            used.add("fill")
        out.append(" ".join(ws))
    if repeat:
        out[0] = out[0] + "... " + out[0]
        used.add("repeat")
    seps = []
    for _ in range(len(out) - 1):
        if fill and rng.random() < 0.4:
            seps.append(rng.choice([" uh ", ", um, ", "... uh "]))
            used.add("fill")
        else:
            seps.append(rng.choice([" ", ", ", "... "]) if len(out) > 1 else " ")
    text = out[0]
    for sp, o in zip(seps, out[1:]):
        text += sp + o
    form = "en_digits_" + tags[0]
    if "pairs_joined" in used:
        used.discard("pairs")
    for t in ("homo", "pairs", "pairs_joined", "double", "triple", "mixed", "fill", "repeat"):
        if t in used:
            form += "_" + t
    return text, form


def say_alnum(s, rng, lang="en", digit_groups=None):
    """Letters and digits (MBI, member id, MRN with prefix)."""
    mode = rng.choice(["letter", "letterword", "nato", "asin"]) if lang == "en" else "letter"
    parts = []
    homo = rng.random() < 0.4
    zero = rng.choice(["oh", "zero"])
    used = set()
    for ch in s:
        if ch.isdigit():
            if lang != "en":
                parts.append(LANG_DIGITS[lang][int(ch)])
            elif homo and ch in HOMO and rng.random() < 0.5:
                parts.append(HOMO[ch])
                used.add("homo")
            else:
                parts.append(zero if ch == "0" else ONES[int(ch)])
        else:
            c = ch.lower()
            if mode == "letter":
                parts.append(ch.upper())
            elif mode == "letterword":
                parts.append(LETTER_WORDS[c])
            elif mode == "nato":
                parts.append(NATO[c])
            else:
                parts.append("%s as in %s" % (ch.upper(), AS_IN[c]))
    if rng.random() < 0.3 and len(parts) > 4:
        parts.insert(rng.randrange(2, len(parts) - 1), rng.choice(["uh", "um"]))
        used.add("fill")
    sep = ", " if mode == "asin" else rng.choice([" ", " ", ", "])
    form = "%s_alnum_%s_%s" % (lang, mode, zero) + "".join("_" + u for u in sorted(used))
    return sep.join(parts), form


def drop_one(s, rng):
    k = rng.randrange(1, len(s) - 1)
    return s[:k] + s[k + 1:]


# --------------------------------------------------------------------------
# fictitious values


def luhn_digit(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def make_card(rng):
    kind = rng.choice(["visa", "visa", "mc", "disc", "amex"])
    if kind == "amex":
        body = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    else:
        pre = {"visa": "4", "mc": rng.choice(["51", "52", "53", "54", "55"]), "disc": "6011"}[kind]
        body = pre + "".join(rng.choice("0123456789") for _ in range(15 - len(pre)))
    return body + luhn_digit(body)


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def make_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    d = "0123456789"
    an = MBI_L + d
    return (rng.choice("123456789") + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d)
            + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) + rng.choice(MBI_L)
            + rng.choice(MBI_L) + rng.choice(d) + rng.choice(d))


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")
ID_L = "ABCDEFGHJKMNPRTUVWXY"


def make_member(rng):
    k = rng.randrange(4)
    dg = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if k == 0:   # NY-style CIN: 2 letters, 5 digits, letter
        return rng.choice(ID_L) + rng.choice(ID_L) + dg(5) + rng.choice(ID_L)
    if k == 1:   # plan-style U + 9 digits
        return rng.choice("UMK") + dg(9)
    if k == 2:   # 9 digits + letter (BIC-like)
        return rng.choice("123456789") + dg(8) + rng.choice(ID_L)
    return rng.choice("123456789") + dg(11)   # 12-digit


def make_mrn(rng):
    if rng.random() < 0.65:
        return rng.choice("123456789") + "".join(rng.choice("0123456789")
                                                 for _ in range(rng.choice([6, 7, 7, 8]) - 1))
    return rng.choice(ID_L) + rng.choice(ID_L) + "".join(rng.choice("0123456789") for _ in range(6))


# (city, state, area code, zip prefix)
PLACES = [("Miami", "FL", "305", "331"), ("Hialeah", "FL", "786", "330"),
          ("Houston", "TX", "713", "770"), ("San Jose", "CA", "408", "951"),
          ("Garden Grove", "CA", "714", "928"), ("Westminster", "CA", "714", "926"),
          ("Chicago", "IL", "773", "606"), ("Brooklyn", "NY", "718", "112"),
          ("Dorchester", "MA", "617", "021"), ("Mattapan", "MA", "617", "021"),
          ("North Miami", "FL", "305", "331"), ("Orlando", "FL", "407", "328"),
          ("Hamtramck", "MI", "313", "482"), ("Passaic", "NJ", "973", "070"),
          ("Elizabeth", "NJ", "908", "072"), ("Lawrence", "MA", "978", "018"),
          ("El Paso", "TX", "915", "799"), ("Santa Ana", "CA", "714", "927"),
          ("Philadelphia", "PA", "215", "191"), ("Des Moines", "IA", "515", "503")]
STREETS = ["Elm", "Maple", "Cedar", "Washington", "Lincoln", "Jefferson", "Park", "Highland",
           "Central", "Pleasant", "Bolton", "Orchard", "Magnolia", "Bishop", "Garfield",
           "Sycamore", "Riverside", "Fairview", "Kossuth", "Bayview", "Dupont", "Harbor"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."),
          ("Boulevard", "Blvd."), ("Court", "Ct."), ("Lane", "Ln."), ("Place", "Pl.")]

NAMES = {
    "es": (["Rosa", "María", "José", "Guadalupe", "Luis", "Yesenia", "Héctor", "Marisol",
            "Alejandro", "Araceli", "Rigoberto", "Maricela", "Esperanza", "Ramón"],
           ["Gutiérrez", "Ramírez", "Hernández", "Morales", "Castillo", "Delgado", "Ochoa",
            "Villanueva", "Espinoza", "Salazar", "Cervantes", "Ibarra", "Quintero"]),
    "vi": (["Lan", "Minh", "Hoa", "Bảo", "Tâm", "Ngọc Anh", "Huy", "Thủy", "Phương", "Dũng",
            "Hạnh", "Khanh"],
           ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Trương"]),
    "ht": (["Marie-Claude", "Fabiola", "Wislande", "Nadège", "Jocelyn", "Widmarc", "Guerline",
            "Frantz", "Rose-Marie", "Ketly", "Emmanuel", "Mirlande"],
           ["Joseph", "Dorvil", "Augustin", "Désir", "Baptiste", "Étienne", "Jean-Louis",
            "Pierre-Louis", "Alexis", "Casimir", "Francois", "Lafortune"]),
    "pl": (["Krzysztof", "Agnieszka", "Małgorzata", "Tomasz", "Jadwiga", "Wojciech", "Bożena",
            "Grzegorz", "Halina", "Zbigniew", "Danuta", "Stanisław"],
           ["Kowalczyk", "Wiśniewska", "Zieliński", "Szymańska", "Wójcik", "Kamiński",
            "Lewandowska", "Dąbrowski", "Pawlak", "Michalska", "Grabowski", "Sobczak"]),
    "acc": (["Oluwaseun", "Adaeze", "Ravi", "Lakshmi", "Wei", "Xiu Ying", "Dmitri", "Svetlana",
             "Kwame", "Farida", "Tariq", "Ngozi", "Anil", "Mei"],
            ["Adeyemi", "Okonkwo", "Subramanian", "Venkataraman", "Chen", "Zhou", "Volkov",
             "Petrenko", "Mensah", "Haddad", "Rahman", "Eze", "Krishnan", "Liang"]),
}
FEMALE = {"Rosa", "María", "Guadalupe", "Yesenia", "Marisol", "Araceli", "Maricela",
          "Esperanza", "Lan", "Hoa", "Tâm", "Ngọc Anh", "Thủy", "Phương", "Hạnh", "Marie-Claude",
          "Fabiola", "Wislande", "Nadège", "Guerline", "Rose-Marie", "Ketly", "Mirlande",
          "Agnieszka", "Małgorzata", "Jadwiga", "Bożena", "Halina", "Danuta", "Adaeze",
          "Lakshmi", "Xiu Ying", "Svetlana", "Farida", "Ngozi", "Mei"}
INTERPRETERS = {"es": ["Daniela", "Carmen", "Ernesto", "Lucía", "Marco"],
                "vi": ["Thúy", "Long", "Vy", "Khoa"],
                "ht": ["Marlène", "Yves", "Roselaure", "Jean-Claude"],
                "pl": ["Ewa", "Piotr", "Katarzyna", "Marek"]}
LANG_NAME = {"es": "Spanish", "vi": "Vietnamese", "ht": "Haitian Creole", "pl": "Polish"}
AGENTS = ["Tamika", "Brian", "Kelly", "Jasmine", "Derek", "Monique", "Kevin", "Shannon",
          "Latoya", "Ryan", "Alyssa", "Marcus"]
PROVIDERS = ["Patel", "Goldberg", "Oyelaran", "Whitfield", "Castellanos", "Brennan", "Nakamura",
             "Okafor", "Lindqvist", "Ferreira"]
ORGS_CHC = ["Eastside Community Health Center", "La Clínica del Valle", "Harbor Family Health",
            "Riverside Neighborhood Health", "Dorchester Bay Health Center",
            "Sunrise Community Clinic", "Little Saigon Family Health"]
ORGS_MCO = ["Sunshine Medicaid Health Plan", "Keystone Community Care", "Bay State Health Plan",
            "Prairie Medicaid Plan", "Garden State Family Care", "Lone Star Medicaid Choice"]


def fold(s):
    s = s.translate(str.maketrans("łŁđĐ", "lLdD"))
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, rng, lang):
        firsts, lasts = NAMES[lang]
        self.first = rng.choice(firsts)
        self.last = rng.choice(lasts)
        self.female = self.first in FEMALE
        self.lang = lang
        y = rng.randint(1938, 2004)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
        self.dob = (y, m, d)
        city, st, area, zp = rng.choice(PLACES)
        self.city, self.state = city, st
        self.phone = area + "55501" + "%02d" % rng.randint(10, 99)
        self.alt_phone = rng.choice(PLACES)[2] + "55501" + "%02d" % rng.randint(10, 99)
        self.zip = zp + "%02d" % rng.randint(1, 99)
        self.ssn = make_ssn(rng)
        self.mrn = make_mrn(rng)
        self.member = make_member(rng)
        self.mbi = make_mbi(rng)
        self.card = make_card(rng)
        sfx = rng.choice(SUFFIX)
        self.street = (rng.choice([rng.randint(10, 99), rng.randint(100, 999),
                                   rng.randint(1000, 9999)]),
                       rng.choice(STREETS), sfx,
                       rng.choice([None, None, "apartment", "unit", "apt"]),
                       rng.choice(["2", "3B", "12", "4C", "1", "210"]))
        lf, ll = fold(self.first).lower().replace(" ", "").replace("-", ""), \
            fold(self.last).lower().replace(" ", "").replace("-", "")
        user = rng.choice([lf + "." + ll, lf + ll + str(rng.randint(10, 99)), lf[0] + ll,
                           lf + "_" + ll, ll + lf[0] + str(rng.randint(1, 9)),
                           lf + str(rng.choice([y % 100, rng.randint(100, 999)]))])
        self.email = (user, rng.choice(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com",
                                        "icloud.com", "aol.com"]))
        self.she = "she" if self.female else "he"
        self.her = "her" if self.female else "his"

    def age(self, today=(2025, 3, 10)):
        y, m, d = self.dob
        return today[0] - y - ((today[1], today[2]) < (m, d))


# --------------------------------------------------------------------------
# renderings per entity: each returns S


def iso(d):
    return "%04d-%02d-%02d" % d


def r_date(ent, d, rng, how, cue):
    y, m, dd = d
    v = iso(d)
    if how in ("written", "llm"):
        # ASR smart formatting never writes ISO dates; LLM summaries and fields do
        k = rng.randrange(5) if how == "llm" else rng.choice([0, 1, 3, 4])
        t = ["%02d/%02d/%04d" % (m, dd, y), "%d/%d/%04d" % (m, dd, y), iso(d),
             "%s %d, %d" % (MONTHS[m - 1].title(), dd, y),
             "%s %d%s, %d" % (MONTHS[m - 1].title(), dd, {1: "st", 2: "nd", 3: "rd"}.get(
                 dd if dd < 20 else dd % 10, "th"), y)][k]
        return S(t, ent, False, cue, ["written_mdy_lead", "written_mdy_nolead", "written_iso",
                                      "written_month_d_y", "written_month_dth_y"][k], v)
    if how == "es":
        k = rng.randrange(3)
        day = "primero" if dd == 1 else es_num(dd)
        if k == 0:
            t = "%s de %s de %s" % (day, ES_MONTHS[m - 1], es_year(y))
        elif k == 1:
            t = "el %s de %s del %s" % (day, ES_MONTHS[m - 1], es_num(y % 100))
        else:
            t = "%s, %s, %s" % (es_num(dd), es_num(m), es_year(y))
        return S(t, ent, True, cue, ["es_d_de_m_de_y", "es_el_d_de_m_del_yy", "es_num_dmy"][k], v)
    homo = rng.random() < 0.3
    k = rng.randrange(8)
    mo = MONTHS[m - 1]
    if k == 0:
        t, f = "%s %s %s" % (mo, ord_words(dd), year_words(y, rng, homo)), "month_ord_year"
    elif k == 1:
        t, f = "%s %s %s" % (mo, num_words(dd), year_words(y, rng, homo)), "month_card_year"
    elif k == 2:
        t, f = "%s %s %s" % (num_words(m), num_words(dd), num_words(y % 100) if y % 100 >= 10
                             else "oh " + ONES[y % 10]), "num_mdy_nolead_short"
    elif k == 3:
        ms = ("oh " + ONES[m]) if m < 10 else num_words(m)
        ds = ("oh " + ONES[dd]) if dd < 10 else " ".join(ONES[int(c)] for c in "%02d" % dd)
        t, f = "%s %s %s" % (ms, ds, year_words(y, rng, homo)), "num_mdy_lead_digits_full"
    elif k == 4:
        t, f = "the %s of %s %s" % (ord_words(dd), mo, year_words(y, rng, homo)), "the_d_of_m_full"
    elif k == 5:
        t, f = "%s %s, uh, %s" % (mo, ord_words(dd), year_words(y, rng, homo)), "month_ord_uh_year"
    elif k == 6:
        t, f = "%s %s %s" % (" ".join(ONES[int(c)] if c != "0" else "zero" for c in "%02d" % m),
                             " ".join(ONES[int(c)] if c != "0" else "zero" for c in "%02d" % dd),
                             " ".join(ONES[int(c)] if c != "0" else "zero" for c in str(y))), \
            "num_mdy_all_digits"
    else:
        t, f = "%s %d %d" % (mo, dd, y), "month_numerals_asr"
    if homo and f not in ("num_mdy_all_digits", "month_numerals_asr", "num_mdy_nolead_short") \
            and any(w in t.split() for w in HOMO.values()):
        f += "_homo"
    return S(t, ent, True, cue, f, v)


def r_phone(p, rng, how, cue, dropped=False):
    v = p
    s = drop_one(p, rng) if dropped else p
    if how in ("written", "llm", "e164"):
        k = 2 if how == "e164" else rng.randrange(5) if how == "llm" else rng.choice([0, 0, 1, 3])
        t = ["(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "%s-%s-%s" % (p[:3], p[3:6], p[6:]),
             "+1" + p, p, "%s.%s.%s" % (p[:3], p[3:6], p[6:])][k]
        return S(t, "PHONE", False, cue, ["written_parens", "written_dashes", "written_e164",
                                          "written_bare", "written_dots"][k], v)
    groups = [3, 3, 4] if not dropped else [3, 3, 3]
    t, f = say_digits(s, groups, rng, how, allow=("homo", "fill", "pairs", "double", "mixed")
                      + (() if dropped else ("repeat",)))
    return S(t, "PHONE", True, cue, f + ("_dropped" if dropped else ""), v)


def r_ssn(p, rng, how, cue, last4=False, dropped=False):
    if last4:
        s = p[5:]
        if how == "written":
            return S(s, "SSN", False, cue, "last4_written", s)
        t, f = say_digits(s, [2, 2] if rng.random() < 0.4 else [4], rng, how,
                          allow=("homo", "fill", "pairs", "double"))
        return S(t, "SSN", True, cue, "last4_" + f, s)
    if how == "written":
        k = rng.randrange(3)
        t = ["%s-%s-%s" % (p[:3], p[3:5], p[5:]), p, "%s %s %s" % (p[:3], p[3:5], p[5:])][k]
        return S(t, "SSN", False, cue, ["written_dashes", "written_bare", "written_spaces"][k], p)
    s = drop_one(p, rng) if dropped else p
    t, f = say_digits(s, [3, 2, 4] if not dropped else [3, 2, 3], rng, how,
                      allow=("homo", "fill", "pairs", "double", "mixed")
                      + (() if dropped else ("repeat",)))
    return S(t, "SSN", True, cue, f + ("_dropped" if dropped else ""), p)


def r_card(p, rng, how, cue):
    groups = [4, 6, 5] if len(p) == 15 else [4, 4, 4, 4]
    if how == "written":
        k = rng.randrange(2)
        if k == 0:
            t, i = [], 0
            for g in groups:
                t.append(p[i:i + g])
                i += g
            return S(" ".join(t), "CARD", False, cue, "written_groups", p)
        return S(p, "CARD", False, cue, "written_bare", p)
    t, f = say_digits(p, groups, rng, how)
    return S(t, "CARD", True, cue, f + ("_amex" if len(p) == 15 else ""), p)


def r_simple_digits(ent, p, rng, how, cue, groups=None):
    if how == "written":
        return S(p, ent, False, cue, "written_bare", p)
    if groups is None:
        groups = [len(p)]
    t, f = say_digits(p, groups, rng, how)
    return S(t, ent, True, cue, f, p)


def r_alnum(ent, p, rng, how, cue):
    if how == "written":
        return S(p, ent, False, cue, "written_bare", p)
    if p.isdigit():
        n = len(p)
        groups = {7: [3, 4], 8: [4, 4], 6: [3, 3], 10: [3, 3, 4], 12: [4, 4, 4], 5: [5]}.get(n, [n])
        t, f = say_digits(p, groups, rng, how, allow=("homo", "fill", "pairs", "double"))
        return S(t, ent, True, cue, f, p)
    t, f = say_alnum(p, rng, how)
    return S(t, ent, True, cue, f, p)


def r_zip(z, rng, how, cue):
    if how == "written":
        return S(z, "ZIP", False, cue, "written_5", z)
    if how == "en" and rng.random() < 0.3 and z[0] != "0" and z[1] != "0" and z[2] != "0":
        t = "%s %s %s" % (num_words(int(z[:2])), ONES[int(z[2])],
                          num_words(int(z[3:])) if z[3] != "0" else "oh " + ONES[int(z[4])])
        return S(t, "ZIP", True, cue, "en_pairs_mid_digit", z)
    t, f = say_digits(z, [5], rng, how, allow=("homo", "double", "fill"))
    return S(t, "ZIP", True, cue, f, z)


def r_email(e, rng, how, cue):
    user, dom = e
    v = user + "@" + dom
    if how == "written":
        return S(v, "EMAIL", False, cue, "written", v)
    dname, tld = dom.split(".")
    k = rng.randrange(4)
    def spell(w, mode):
        out = []
        for ch in w:
            if ch == ".":
                out.append("dot")
            elif ch == "_":
                out.append("underscore")
            elif ch.isdigit():
                out.append(ONES[int(ch)])
            elif mode == "letter":
                out.append(ch)
            else:
                out.append(LETTER_WORDS[ch])
        return " ".join(out)
    m = re.match(r"^([a-z]+)(.*)$", user)
    head, rest = m.group(1), m.group(2)
    if k == 0:   # spoken word then spelled
        t, f = "%s, %s%s at %s dot %s" % (head, spell(head, "letter"),
                                          (" " + spell(rest, "letter")) if rest else "",
                                          dname, tld), "email_word_then_spell"
    elif k == 1:
        t, f = "%s at %s dot %s" % (spell(user, "letterword"), dname, tld), "email_letterwords"
    elif k == 2:
        rr = rest.replace(".", " dot ").replace("_", " underscore ")
        rr = re.sub(r"(\d+)", lambda mm: " " + num_words(int(mm.group(1))) + " "
                    if len(mm.group(1)) == 2 and mm.group(1)[0] != "0" else
                    " " + " ".join(ONES[int(c)] for c in mm.group(1)) + " ", rr)
        t, f = "%s %s at %s dot %s" % (head, " ".join(rr.split()), dname, tld), "email_words"
        t = " ".join(t.split())
    else:
        t, f = "%s at %s.%s" % (spell(user, "letter"), dname, tld), "email_letters_asr_dot"
    return S(t, "EMAIL", True, cue, f, v)


def r_street(st, rng, how, cue):
    num, name, (sfx, ab), unit_w, unit = st
    v = "%d %s %s" % (num, name, sfx) + (" %s %s" % (unit_w, unit) if unit_w else "")
    if how == "written":
        t = "%d %s %s" % (num, name, ab) + (", Apt %s" % unit if unit_w else "")
        return S(t, "STREET", False, cue, "written_abbrev", v)
    if num >= 1000 and num % 100 >= 10:
        nw, f = "%s %s" % (num_words(num // 100), num_words(num % 100)), "house_pairs"
    elif num >= 100 and num % 100 >= 10 and rng.random() < 0.5:
        nw, f = "%s %s" % (ONES[num // 100], num_words(num % 100)), "house_pairs"
    elif rng.random() < 0.3:
        nw, f = str(num), "house_numerals"
    else:
        nw, f = " ".join(ONES[int(c)] if c != "0" else "oh" for c in str(num)), "house_digits"
    t = "%s %s %s" % (nw, name.lower(), sfx.lower())
    if unit_w:
        uw = " ".join(ONES[int(c)] if c.isdigit() else LETTER_WORDS[c.lower()] for c in unit)
        t += " %s %s" % (unit_w if unit_w != "apt" else "apartment", uw)
        f += "_unit"
    return S(t, "STREET", True, cue, f, v)


def r_name(text, cue, spoken=True, form="name_full"):
    return S(text, "NAME", spoken, cue, form, fold(text) if False else text)


def spell_name(name, rng):
    w = fold(name).lower().replace("-", "").replace(" ", "")
    mode = rng.choice(["letter", "asin", "nato", "letterword"])
    parts = []
    for ch in w:
        if mode == "letter":
            parts.append(ch.upper())
        elif mode == "asin":
            parts.append("%s as in %s" % (ch.upper(), AS_IN[ch]) if rng.random() < 0.5
                         else ch.upper())
        elif mode == "nato":
            parts.append(NATO[ch])
        else:
            parts.append(LETTER_WORDS[ch])
    sep = rng.choice([" ", ", ", "-"]) if mode == "letter" else ", " if mode == "asin" else " "
    return sep.join(parts), "spelled_" + mode, fold(name).upper().replace("-", "").replace(" ", "")


# --------------------------------------------------------------------------
# carrier exchanges (MTS-Dialog, CC BY 4.0)

NUMWORD = set(ONES + TENS[2:] + ORD[1:] + MONTHS + ["hundred", "thousand", "twice", "once"])


def load_carrier(cdir):
    path = os.path.join(cdir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lines = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
            for a, b in zip(lines, lines[1:]):
                if not (a.startswith("Doctor:") and b.startswith("Patient:")):
                    continue
                q, ans = a[7:].strip(), b[8:].strip()
                if not (10 <= len(q) <= 140 and 3 <= len(ans) <= 140):
                    continue
                ok = True
                for s in (q, ans):
                    if re.search(r"[0-9]", s) or "_" in s:
                        ok = False
                    toks = re.findall(r"[A-Za-z']+", s)
                    for i, t in enumerate(toks):
                        if t.lower() in NUMWORD:
                            ok = False
                        if i and t[0].isupper() and t not in ("I", "I'm", "I've", "I'll",
                                                              "I'd", "No", "Yes", "Okay"):
                            ok = False
                if ok:
                    out.append((q, ans))
    return out


def find_carrier_dir(arg):
    cands = [arg, os.environ.get("CARRIER_DIR")]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(6):
        cands.append(os.path.join(d, "shared", "carrier-sources"))
        d = os.path.dirname(d)
    cands.append("/work/shared/carrier-sources")
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "mts-dialog")):
            return c
    sys.exit("carrier-sources not found; pass --carrier-dir")


# --------------------------------------------------------------------------
# call building

FOREIGN_PLACEHOLDER = ["[speaking {L}]", "[foreign language]", "({L})", "[inaudible]",
                       "[non-English speech]", "[crosstalk]"]
FOREIGN_Q = {
    "es": {"DOB": "¿Cuál es su fecha de nacimiento?", "PHONE": "¿Me da su número de teléfono?",
           "SSN": "¿Cuál es su número de seguro social?", "NAME": "¿Cuál es su nombre completo?",
           "ZIP": "¿Y el código postal?", "MEMBER_ID": "¿Tiene su tarjeta de Medicaid? El número de miembro, por favor.",
           "CARD": "Necesitan el número de la tarjeta.", "ADDR": "¿Cuál es su dirección?",
           "EMAIL": "¿Tiene correo electrónico?", "MRN": "¿Tiene el número de expediente?",
           "LAST4": "Los últimos cuatro del seguro social, por favor.",
           "*": "Ella pregunta..."},
    "vi": {"DOB": "Ngày sinh của cô là ngày nào?", "PHONE": "Số điện thoại của mình là số mấy?",
           "*": "Dạ, họ hỏi..."},
    "ht": {"DOB": "Ki dat ou fèt?", "PHONE": "Ki nimewo telefòn ou?", "*": "Yo mande..."},
    "pl": {"DOB": "Jaka jest data urodzenia?", "PHONE": "Jaki jest numer telefonu?",
           "*": "Pytają o..."},
}
FOREIGN_YES = {"es": ["Sí.", "Sí, correcto.", "Ajá, sí.", "Eso es."],
               "vi": ["Dạ.", "Dạ đúng rồi.", "Vâng."], "ht": ["Wi.", "Wi, se sa.", "Egzak."],
               "pl": ["Tak.", "Tak, zgadza się.", "No tak."]}
FOREIGN_PRE = {"es": ["Sí, es ", "Es el ", "Ah, ", "Este... "], "vi": ["Dạ, ", "Dạ số ", "Ờ, "],
               "ht": ["Wi, se ", "Se ", "Ann, "], "pl": ["Tak, ", "To jest ", "Yyy, "]}

QUESTIONS = {
    "NAME": ["Can I have the patient's full name?", "And who am I speaking with today?",
             "What is the member's first and last name?", "Can I get your name please?",
             "okay can you get her name", "name of the patient please"],
    "SPELL": ["Can you spell the last name for me?", "how do you spell that last name",
              "could you spell that for me please", "spell it please, I want to get it right"],
    "DOB": ["And the date of birth?", "What's the date of birth?", "can I get the birth date",
            "okay and date birth", "What is her date of birth?", "and what's the DOB on that"],
    "PHONE": ["What's the best phone number to reach her?", "And a good callback number?",
              "phone number on file please", "What number can we call back on?",
              "can I get a contact number"],
    "SSN": ["For verification I'll need the social security number.",
            "Can I have the social?", "what's the social security number",
            "I need the full social to look up the case."],
    "LAST4": ["Can you verify the last four of the social?", "last four of social please",
              "And just the last four digits of the social security number."],
    "MEMBER_ID": ["Do you have the Medicaid ID card? I need the member ID.",
                  "What's the member ID number on the card?", "can you read me the ID on the card",
                  "the member number please, it's on the front of the card"],
    "MBI": ["She also has Medicare, right? Can I get the Medicare number, the MBI?",
            "Can you read me the Medicare beneficiary identifier off the red white and blue card?"],
    "MRN": ["Does she have her medical record number? It's on the after-visit paper.",
            "do you have the MRN", "Can you give me the chart number from the letter?"],
    "ZIP": ["And the zip code?", "what's the zip", "Zip code please.", "And zip?"],
    "ADDR": ["What's the home address?", "Has the address changed? What's the current address?",
             "can I get the street address", "and where is she living now"],
    "CITY": ["And what city is that in?", "which city", "What city?"],
    "EMAIL": ["Is there an email we can use for the patient portal?",
              "what's the email address", "Can I get an email for the portal invitation?"],
    "CARD": ["Okay, I can take the payment now. What's the card number?",
             "go ahead with the card number when you're ready",
             "What's the number on the card?"],
    "NPI": ["Do you have the referring doctor's NPI?", "what's the NPI of the ordering provider"],
    "DATE_ADM": ["When was she admitted?", "What day did he go into the hospital?"],
    "DATE_DIS": ["And when was the discharge?", "What day was she discharged?",
                 "when did they send him home"],
}
RELAY_SAME = {
    "NAME": ["{She} says {her} name is ", "The patient's name is ", "{Her} name is "],
    "DOB": ["{She} says {her} date of birth is ", "Date of birth is ", "{Her} birthday is ",
            "{She} was born "],
    "PHONE": ["{She} says {her} phone number is ", "The number is ", "{Her} cell is ",
              "phone number "],
    "SSN": ["{She} says {her} social is ", "The social security number is ",
            "social security "],
    "LAST4": ["Last four of the social is ", "{She} says the last four are ", "last four "],
    "MEMBER_ID": ["The member ID is ", "{She} says the ID on the card is ", "Medicaid number "],
    "MBI": ["The Medicare number is ", "{She} says the Medicare ID is "],
    "MRN": ["Medical record number is ", "{She} says the MRN is ", "the chart number is "],
    "ZIP": ["Zip code is ", "{She} says the zip is ", "zip "],
    "ADDR": ["{She} lives at ", "The address is ", "{She} says {she} lives at "],
    "CITY": ["the city is ", "{She} lives in "],
    "EMAIL": ["{Her} email is ", "{She} says the email is ", "email address "],
    "CARD": ["{She} says the card number is ", "The card number is ", "card number "],
    "NPI": ["The NPI is ", "{She} says the doctor's NPI is "],
    "DATE_ADM": ["{She} was admitted on ", "admission was "],
    "DATE_DIS": ["{She} was discharged on ", "{She} says discharge was "],
}
YOU_Q = [("her date", "your date"), ("reach her", "reach you"),
         ("Does she have her", "Do you have your"), ("She also has", "You also have"),
         ("When was she", "When were you"), ("did he go", "did you go"),
         ("was she discharged", "were you discharged"), ("send him", "send you"),
         ("where is she", "where are you"), ("get her name", "get your name"),
         ("for the patient portal", "for the portal"), ("the patient's full name", "your full name")]
HE_Q = [("her date", "his date"), ("reach her", "reach him"), ("Does she have her", "Does he have his"),
        ("She also has", "He also has"), ("When was she", "When was he"),
        ("was she discharged", "was he discharged"), ("where is she", "where is he"),
        ("get her name", "get his name")]
SHE_Q = [("did he go", "did she go"), ("send him", "send her")]
RELAY_SELF = {
    "NAME": ["my name is ", "this is ", "name is "],
    "DOB": ["my date of birth is ", "my birthday is ", "I was born ", "birth date "],
    "PHONE": ["my phone number is ", "my number is ", "my cell is "],
    "SSN": ["my social is ", "social security number is ", "my social security "],
    "LAST4": ["last four is ", "the last four digits are "],
    "MEMBER_ID": ["my member ID is ", "the ID on card is ", "Medicaid number "],
    "MBI": ["my Medicare number is ", "Medicare ID "],
    "MRN": ["my medical record number is ", "the MRN is "],
    "ZIP": ["zip code is ", "my zip is "],
    "ADDR": ["I live at ", "my address is "],
    "CITY": ["the city is ", "I live in "],
    "EMAIL": ["my email is ", "email is "],
    "CARD": ["card number is ", "the card is "],
    "NPI": ["the doctor NPI is "],
    "DATE_ADM": ["I was admitted on "],
    "DATE_DIS": ["I was discharged "],
}
RELAY_PREV = ["", "Okay, ", "Uh, ", "{She} says ", "{She} says, uh, ", "Yes, ", "So, "]
READBACK = ["Okay, I have ", "Let me repeat that: ", "so that's ", "Just to confirm, ",
            "I'm reading back ", "okay "]


class Call:
    def __init__(self, rng, carriers, interp, lang, person, how_style):
        self.rng = rng
        self.carriers = carriers
        self.interp = interp
        self.lang = lang
        self.p = person
        self.how_style = how_style   # "raw" spoken, "smart" (ASR smart format), "mixed"
        self.turns = []

    def say(self, role, *parts):
        self.turns.append((role, rich(*parts)))

    def fmt(self, s):
        p = self.p
        return s.replace("{She}", p.she.title()).replace("{Her}", p.her.title()).replace(
            "{she}", p.she).replace("{her}", p.her)

    def how(self):
        if self.how_style == "raw":
            return "en"
        if self.how_style == "smart":
            return "written" if self.rng.random() < 0.85 else "en"
        return "written" if self.rng.random() < 0.4 else "en"

    # ---- rendering of a value for a given key
    def render(self, key, how, cue, dropped=False):
        p, rng = self.p, self.rng
        if how in ("llm", "e164") and key not in ("DOB", "DATE_ADM", "DATE_DIS", "PHONE"):
            how = "written"
        if key == "DOB":
            return r_date("DOB", p.dob, rng, how, cue)
        if key == "PHONE":
            return r_phone(p.phone, rng, how, cue, dropped)
        if key == "SSN":
            return r_ssn(p.ssn, rng, how, cue, dropped=dropped)
        if key == "LAST4":
            return r_ssn(p.ssn, rng, how, cue, last4=True)
        if key == "CARD":
            return r_card(p.card, rng, how, cue)
        if key == "ZIP":
            return r_zip(p.zip, rng, how, cue)
        if key == "MRN":
            return r_alnum("MRN", p.mrn, rng, how, cue)
        if key == "MEMBER_ID":
            return r_alnum("MEMBER_ID", p.member, rng, how, cue)
        if key == "MBI":
            return r_alnum("MBI", p.mbi, rng, how, cue)
        if key == "NPI":
            return r_simple_digits("NPI", self.npi, rng, how, cue, [3, 3, 4])
        if key == "EMAIL":
            return r_email(p.email, rng, how, cue)
        if key == "ADDR":
            return r_street(p.street, rng, how, cue)
        if key == "CITY":
            return S(p.city if how != "en" or rng.random() < 0.5 else p.city.lower(), "CITY",
                     how != "written", cue, "city_" + ("written" if how == "written" else "spoken"),
                     p.city)
        if key in ("DATE_ADM", "DATE_DIS"):
            return r_date("DATE", self.adm if key == "DATE_ADM" else self.dis, rng, how, cue)
        if key == "NAME":
            full = "%s %s" % (p.first, p.last)
            if how == "en":
                full = fold(full)
                if rng.random() < 0.3:
                    full = full.lower()
            return S(full, "NAME", how != "written", cue, "name_full" + (
                "_lower" if full.islower() else "") + ("_native" if full != fold(full) else ""),
                "%s %s" % (p.first, p.last))
        raise KeyError(key)

    def question(self, q):
        if not self.interp:
            pairs = YOU_Q
        elif self.p.female:
            pairs = SHE_Q
        else:
            pairs = HE_Q
        for a, b in pairs:
            q = q.replace(a, b)
        return q

    FOREIGN_OK = {"PHONE", "SSN", "LAST4", "ZIP", "CARD", "MEMBER_ID", "MRN"}

    def exchange(self, key, dropped=False):
        """Agent asks; the value comes back through the interpreter or an accented caller."""
        rng = self.rng
        self.say("agent", self.question(rng.choice(QUESTIONS[key])))
        if self.interp:
            if rng.random() < 0.75:
                fq = FOREIGN_Q[self.lang]
                q = fq.get(key, fq["*"])
                if rng.random() < 0.25:
                    q = rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[self.lang])
                self.say("interp", q)
            foreign_ok = key in self.FOREIGN_OK or (self.lang == "es" and key in ("DOB",)) \
                or key == "NAME"
            mode = rng.choice(["foreign", "foreign", "placeholder", "english"]) if foreign_ok \
                else rng.choice(["placeholder", "english"])
            if mode == "foreign":
                if key == "NAME":
                    v = S("%s %s" % (self.p.first, self.p.last), "NAME", True, "prev",
                          "name_native", "%s %s" % (self.p.first, self.p.last))
                elif key == "DOB":
                    v = r_date("DOB", self.p.dob, rng, "es", "prev")
                else:
                    v = self.render(key, self.lang, "prev", dropped=False)
                self.say("patient", rng.choice(FOREIGN_PRE[self.lang]), v)
            elif mode == "placeholder":
                self.say("patient", rng.choice(FOREIGN_PLACEHOLDER).replace(
                    "{L}", LANG_NAME[self.lang]))
            else:
                v = self.render(key, "en", "prev", dropped=dropped and key in ("PHONE", "SSN"))
                self.say("patient", rng.choice(["", "uh ", "um, ", "yes, "]), v)
                if dropped and key in ("PHONE", "SSN"):
                    self.say("agent", rng.choice(["Sorry, I think I missed a number.",
                                                  "I only got nine digits, can you repeat?",
                                                  "sorry it cut out, again please"]))
            if rng.random() < 0.5:
                self.say("interp", self.fmt(rng.choice(RELAY_SAME[key])),
                         self.render(key, self.how(), "same"))
            else:
                self.say("interp", self.fmt(rng.choice(RELAY_PREV)),
                         self.render(key, self.how(), "prev"))
        else:
            d = dropped and key in ("PHONE", "SSN")
            if rng.random() < 0.4:
                self.say("patient", rng.choice(RELAY_SELF[key]),
                         self.render(key, self.how(), "same", dropped=d))
            else:
                self.say("patient", rng.choice(["", "uh ", "yeah ", "um, it is ", "it's "]),
                         self.render(key, self.how(), "prev", dropped=d))
            if d:
                self.say("agent", rng.choice(["Sorry, I think I missed a digit there.",
                                              "can you say that one more time, slowly?"]))
                self.say("patient", rng.choice(["", "okay, ", "yes sorry, "]),
                         self.render(key, self.how(), "prev"))
        if rng.random() < 0.35:
            self.say("agent", rng.choice(READBACK), self.render(key, self.how(), "prev"),
                     rng.choice(["?", ", correct?", ".", " is that right?"]))
            if self.interp:
                if rng.random() < 0.6:
                    self.say("interp", rng.choice(["[repeats in %s]" % LANG_NAME[self.lang],
                                                   rng.choice(FOREIGN_PLACEHOLDER).replace(
                                                       "{L}", LANG_NAME[self.lang])]))
                    self.say("patient", rng.choice(FOREIGN_YES[self.lang]))
                self.say("interp", rng.choice(["Yes.", "Correct.", "That's correct.",
                                               "Yes, that's right.", "Yes, she confirms."
                                               if self.p.female else "Yes, he confirms."]))
            else:
                self.say("patient", rng.choice(["yes", "yes correct", "that's right", "yeah"]))

    def spell_last(self):
        rng = self.rng
        self.say("agent", rng.choice(QUESTIONS["SPELL"]))
        t, f, v = spell_name(self.p.last, rng)
        who = "interp" if self.interp else "patient"
        self.say(who, rng.choice(["", "It's ", "Sure, ", "Okay, "]),
                 S(t, "NAME", True, "prev", f, v))

    def carrier(self, negs=True):
        rng = self.rng
        q, a = rng.choice(self.carriers)
        self.say("agent", q)
        if self.interp:
            self.say("interp", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[self.lang]))
            self.say("patient", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[self.lang]))
            self.say("interp", a)
        else:
            self.say("patient", a)
        if negs and rng.random() < 0.6:
            self.clinical_negative()

    def clinical_negative(self):
        rng = self.rng
        k = rng.randrange(7)
        if k == 0:
            med, dose = rng.choice([("metformin", "five hundred milligrams"),
                                    ("lisinopril", "ten milligrams"),
                                    ("amlodipine", "five milligrams"),
                                    ("atorvastatin", "forty milligrams"),
                                    ("gabapentin", "three hundred milligrams")])
            freq = rng.choice(["twice a day", "once a day", "at night"])
            self.say("agent", "Is {0} still taking the {1} ".format(self.p.she, med),
                     N(dose, "dose"), " " + freq + "?")
            self.say("interp" if self.interp else "patient",
                     rng.choice(["Yes, ", "{0} says yes, ".format(self.p.she.title())])
                     if self.interp else "yes, ",
                     N(rng.choice(["two pills", "one pill", "one tablet"]), "count"),
                     rng.choice([" every morning.", " a day."]))
        elif k == 1:
            bp = rng.choice(["one forty two over ninety", "one thirty over eighty five",
                             "150/95", "one sixty over one hundred"])
            if self.interp:
                self.say("interp", "{0} says the pressure at the pharmacy was ".format(
                    self.p.she.title()), N(bp, "blood_pressure"), ".")
            else:
                self.say("patient", "the pressure at pharmacy was ", N(bp, "blood_pressure"), ".")
        elif k == 2:
            self.say("interp" if self.interp else "patient",
                     "It has been going on for ", N(rng.choice(["about two weeks", "three days",
                                                               "like a month", "ten days"]),
                                                    "duration"), ".")
        elif k == 3:
            self.say("agent", "Her last A1C was ", N(rng.choice(["eight point two", "7.9",
                                                               "nine point one"]), "lab_value"),
                     ", so the doctor wants to see her.")
        elif k == 4:
            self.say("interp" if self.interp else "patient",
                     rng.choice(["{She} is ", "{She}'s "]).replace("{She}", self.p.she.title())
                     if self.interp else "I am ",
                     N(num_words(self.p.age()), "age"), " years old.")
        elif k == 5:
            self.say("agent", "If {0} has chest pain or trouble breathing, call ".format(self.p.she),
                     N(rng.choice(["nine one one", "911"]), "emergency_number"),
                     " right away.")
        else:
            self.say("interp" if self.interp else "patient",
                     "{0} lost weight, now {1} ".format("She" if self.p.female else "He",
                                                        "she is" if self.p.female else "he is")
                     if self.interp else "I lost weight, now I am ",
                     N(rng.choice(["one forty five pounds", "sixty two kilos", "178 pounds"]),
                       "weight"), ".")


def appointment_block(c, org):
    rng = c.rng
    day = rng.choice(["Tuesday", "Wednesday", "Thursday", "Monday", "Friday"])
    m = rng.randint(3, 5)
    d = rng.randint(1, 28)
    ad = rng.choice(["%s %s %s" % (day, MONTHS[m - 1], ord_words(d)),
                     "%s, %s %d" % (day, MONTHS[m - 1].title(), d), "%d/%d" % (m, d)])
    prov = rng.choice(PROVIDERS)
    tm = rng.choice(["ten fifteen a m", "9:40 AM", "two thirty in the afternoon", "eight a.m.",
                     "one forty five", "11:20"])
    c.say("agent", "I have an opening on ", N(ad, "appointment_date"), " at ", N(tm, "time"),
          " with Dr. ", S(prov, "NAME", True, "same", "provider_last", prov),
          ". Does that work?")
    if c.interp:
        c.say("interp", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[c.lang]))
        c.say("patient", rng.choice(FOREIGN_YES[c.lang]))
        c.say("interp", rng.choice(["Yes, that works for her.", "Yes, that's fine.",
                                    "She says okay, the morning is better."]))
    else:
        c.say("patient", rng.choice(["yes that is okay", "okay yes", "is good, thank you"]))
    if rng.random() < 0.6:
        num, st = rng.choice([("2250", "Grand Concourse"), ("1450", "Mission Street"),
                              ("820", "Bolton Avenue"), ("35", "Harbor Plaza"),
                              ("4401", "Northwest Seventh Street")])
        spoken = rng.random() < 0.5
        if spoken:
            nn = int(num)
            num = "%s %s" % (num_words(nn // 100), num_words(nn % 100)) if nn >= 1000 \
                else " ".join(ONES[int(ch)] for ch in num)
        c.say("agent", "We are at ", N("%s %s" % (num, st), "clinic_address"),
              rng.choice([", second floor.", ", across from the pharmacy.", ", suite two.",
                          "."]), " Please come ", N(rng.choice(["fifteen minutes", "20 minutes",
                                                                "half an hour"]), "duration"),
              " early.")
    if rng.random() < 0.5:
        area = rng.choice(["800", "888", "617", "305", "713", "718"])
        cp = area + "555010" + str(rng.randint(0, 9))
        r = rng.randrange(3)
        ct = ["(%s) %s-%s" % (cp[:3], cp[3:6], cp[6:]),
              ("eight hundred" if area == "800" else "triple eight" if area == "888" else
               " ".join(ONES[int(x)] for x in area)) + " five five five "
              + " ".join("oh" if x == "0" else ONES[int(x)] for x in cp[6:]),
              "%s-%s-%s" % (cp[:3], cp[3:6], cp[6:])][r]
        c.say("agent", "If you need to reschedule, call the main line at ", N(ct, "clinic_phone"),
              ".")
    if rng.random() < 0.5:
            c.say("agent", "and then ", N(rng.choice(["press two", "press one", "press three"]),
                                          "menu_option"), " for appointments, or ask for ",
                  N(rng.choice(["extension four one two", "extension 2210",
                                "extension three oh five"]), "extension"), ".")


def close_block(c):
    rng = c.rng
    if rng.random() < 0.6:
        conf = "".join(rng.choice("0123456789") for _ in range(rng.choice([6, 7, 8])))
        ct = rng.choice([conf, " ".join(ONES[int(x)] for x in conf)])
        c.say("agent", "Your confirmation number is ", N(ct, "confirmation_number"), ".")
        if c.interp:
            c.say("interp", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[c.lang]))
    if rng.random() < 0.5:
        c.say("agent", rng.choice(["Thank you, ", "Okay, thank you ", "Alright, take care, "]),
              rng.choice(["Ms. ", "Mrs. "]) if c.p.female else "Mr. ",
              S(fold(c.p.last) if rng.random() < 0.7 else c.p.last, "NAME", True, "prev",
                "name_last_title", c.p.last), ".")
    else:
        c.say("agent", rng.choice(["Is there anything else I can help with today?",
                                   "Anything else today?"]))
    if c.interp:
        c.say("interp", c.fmt(rng.choice(["No, that's all. Thank you.", "{She} says thank you.",
                                          "That's all, thank you so much.",
                                          "{She} says no, thank you."])))
        if rng.random() < 0.5:
            c.say("agent", "Thank you, interpreter. Have a good day.")
    else:
        c.say("patient", rng.choice(["no thank you bye", "okay thank you very much",
                                     "thank you, have a nice day"]))


def open_block(c, org):
    """Greeting, interpreter intro; returns nothing."""
    rng = c.rng
    agent = rng.choice(AGENTS)
    c.agent = agent
    opener = rng.choice(["Thank you for calling %s, this is ", "%s, my name is ",
                         "Good morning, %s member services, this is "]) % org
    c.say("agent", opener, S(agent, "NAME", True, "same", "agent_first", agent), ". How can I help?")
    if c.interp:
        iname = rng.choice(INTERPRETERS[c.lang])
        iid = "".join(rng.choice("0123456789") for _ in range(rng.choice([5, 6])))
        k = rng.randrange(3)
        idt = [iid, " ".join(ONES[int(x)] for x in iid),
               " ".join("oh" if x == "0" else ONES[int(x)] for x in iid)][k]
        c.say("interp", "Hello, this is the %s interpreter, my name is " % LANG_NAME[c.lang],
              S(iname, "NAME", True, "same", "interpreter_first", iname),
              ", interpreter ID number ", N(idt, "interpreter_id"),
              rng.choice([". I have the patient on the line.", ". The member is on the line with us.",
                          ". Go ahead."]))
        if rng.random() < 0.4:
            code = rng.choice(["S P A", "VIE", "H A T", "P O L", "language code three one two",
                               "code 4 0 6"])
            c.say("agent", "Okay, I'm noting ", N(code, "language_code"),
                  " for the language line. Thank you.")
        c.iid = idt
        c.iid_digits = iid
        c.iname = iname
    else:
        c.iid = None
        c.iname = None


SCENARIOS = {
    "chc_schedule": (["NAME", "SPELL", "DOB", "PHONE"], ["appointment"], ORGS_CHC),
    "mco_eligibility": (["NAME", "DOB", "MEMBER_ID", "LAST4"], ["carrier"], ORGS_MCO),
    "mco_address_change": (["NAME", "DOB", "MEMBER_ID", "ADDR", "CITY", "ZIP", "PHONE"], [],
                           ORGS_MCO),
    "chc_payment": (["NAME", "DOB", "CARD", "ZIP"], ["money"], ORGS_CHC),
    "chc_portal": (["NAME", "DOB", "MRN", "EMAIL", "PHONE"], [], ORGS_CHC),
    "mco_enrollment_ssn": (["NAME", "SPELL", "DOB", "SSN", "ZIP", "EMAIL"], [], ORGS_MCO),
    "chc_discharge_followup": (["NAME", "DOB", "MRN", "DATE_ADM", "DATE_DIS"], ["carrier",
                                                                                 "appointment"],
                               ORGS_CHC),
    "mco_dual_referral": (["NAME", "DOB", "MBI", "MEMBER_ID", "NPI"], ["carrier"], ORGS_MCO),
    "pharmacy_copay": (["NAME", "DOB", "CARD", "ZIP", "PHONE"], ["money", "order"], ORGS_CHC),
    "mco_ssn_card": (["NAME", "SSN", "PHONE", "EMAIL"], ["carrier"], ORGS_MCO),
}


def build_call(rng, carriers, interp, lang, kind):
    keys, extras, orgs = SCENARIOS[kind]
    p = Person(rng, lang if interp else "acc")
    c = Call(rng, carriers, interp, lang, p, rng.choice(["raw", "raw", "raw", "mixed", "smart"]))
    c.npi = make_npi(rng)
    adm = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 60))
    dis = adm + datetime.timedelta(days=rng.randint(1, 9))
    c.adm, c.dis = (adm.year, adm.month, adm.day), (dis.year, dis.month, dis.day)
    org = rng.choice(orgs)
    c.org = org
    open_block(c, org)
    # a 'none' cue opener for some accented callers
    keys = list(keys)
    if not interp and rng.random() < 0.4:
        c.say("patient", rng.choice(["Yes hello. ", "hi good morning. ", "Hello. "]),
              c.render("NAME", "en", "none"), ". ", c.render("DOB", c.how(), "none"), ". ",
              rng.choice(["I am calling about my card.", "I need appointment.",
                          "calling for my medicine."]))
        keys = [k for k in keys if k not in ("NAME",)]
    elif interp and rng.random() < 0.3:
        c.say("patient", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[lang]))
        c.say("interp", "Okay. ", c.render("NAME", "en", "none"), ". ",
              c.render("DOB", c.how(), "none"), ". ",
              c.fmt(rng.choice(["{She} needs a refill and an appointment.",
                                "{She} is calling about a bill.",
                                "Calling about the Medicaid letter."])))
        keys = [k for k in keys if k not in ("NAME",)]
    elif interp:
        c.say("patient", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[lang]))
        c.say("interp", c.fmt(rng.choice([
            "{She} is calling because {she} needs an appointment.",
            "{She} says {she} got a letter from the plan and doesn't understand it.",
            "{She} wants to know if {her} Medicaid is still active.",
            "{She} needs to pay a bill and refill {her} medicine.",
            "{She} says {she} was in the hospital last month."])))
    if "carrier" in extras or rng.random() < 0.5:
        c.carrier()
    drop_key = rng.choice(["PHONE", "SSN", None, None])
    for k in keys:
        if k == "SPELL":
            c.spell_last()
            continue
        c.exchange(k, dropped=(k == drop_key))
        if rng.random() < 0.25:
            c.clinical_negative()
    if "money" in extras:
        amt = rng.choice(["twenty five dollars", "$3.50", "forty dollars", "$125.00",
                          "three dollars"])
        c.say("agent", "The balance today is ", N(amt, "money"), ".")
    if "order" in extras:
        c.say("agent", "Your refill order number is ",
              N("".join(rng.choice("0123456789") for _ in range(7)), "order_number"),
              ", ready after ", N(rng.choice(["4 PM", "three o'clock", "five thirty"]), "time"),
              ".")
    if rng.random() < 0.3:
        alt = r_phone(p.alt_phone, rng, c.how(), "none")
        if interp:
            c.say("patient", rng.choice(FOREIGN_PLACEHOLDER).replace("{L}", LANG_NAME[lang]))
            c.say("interp", rng.choice(["Oh, and ", "And, uh, ", "Also "]), alt,
                  rng.choice([", you can write that down.", ", that one is also okay.",
                              ". Either one."]))
        else:
            c.say("patient", rng.choice(["oh and ", "also ", "and "]), alt,
                  rng.choice([", you can write that down", ", that one also", ", okay?"]))
        c.say("agent", rng.choice(["Got it.", "Okay, I added that.", "Noted."]))
    if "appointment" in extras or rng.random() < 0.3:
        appointment_block(c, org)
    if rng.random() < 0.3 and "CARD" not in keys:
        c.carrier()
    close_block(c)
    return c, p


LABELSETS = [
    {"agent": "Agent", "interp": "Interpreter", "patient": "Patient"},
    {"agent": "Speaker 1", "interp": "Speaker 2", "patient": "Speaker 3"},
    {"agent": "AGENT", "interp": "INTERPRETER", "patient": "MEMBER"},
    {"agent": "Rep", "interp": "Interp", "patient": "Caller"},
    {"agent": "Nurse", "interp": "Interpreter", "patient": "Patient"},
    {"agent": "Scheduler", "interp": "Interpreter", "patient": "Caller"},
]
LABELSETS_ACC = [
    {"agent": "Agent", "patient": "Caller"}, {"agent": "Speaker 1", "patient": "Speaker 2"},
    {"agent": "Rep", "patient": "Member"}, {"agent": "Agent", "patient": "Patient"},
]


def hms(t):
    t = int(t)
    return "[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60)


def transcript_record(c, rng):
    labels = rng.choice(LABELSETS if c.interp else LABELSETS_ACC)
    ts = rng.random() < 0.35
    em = Emitter()
    t = rng.uniform(0, 3)
    for i, (role, r) in enumerate(c.turns):
        if i:
            em.raw("\n")
        if ts:
            em.raw(hms(t))
            t += rng.uniform(2, 12)
        em.raw(labels[role] + ": ")
        em.rich(r)
    return em


# ---- JSON payloads

def uid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def summary(c, rng):
    p = c.p
    r = lambda key, cue="same": c.render(key, "llm", cue)
    parts = [("Interpreter-assisted call (%s). " % LANG_NAME[c.lang]) if c.interp else
             "Caller with limited English. ",
             "Patient ", r("NAME"), " (DOB ", r("DOB"), ") "]
    parts.append(rng.choice(["called regarding ", "requested help with ", "asked about "]))
    parts.append({"chc_schedule": "a new appointment. ", "mco_eligibility": "Medicaid eligibility. ",
                  "mco_address_change": "an address change. ", "chc_payment": "a balance payment. ",
                  "chc_portal": "patient portal access. ", "mco_enrollment_ssn": "enrollment. ",
                  "chc_discharge_followup": "a post-discharge follow-up. ",
                  "mco_dual_referral": "a specialist referral. ",
                  "pharmacy_copay": "a refill copay. ", "mco_ssn_card": "a replacement card. "
                  }[c.kind])
    if c.interp and c.iid and rng.random() < 0.6:
        parts += ["Interpreter ID ", N(c.iid_digits, "interpreter_id"), ". "]
    keys = SCENARIOS[c.kind][0]
    if "PHONE" in keys:
        parts += ["Callback number: ", r("PHONE"), ". "]
    if "MEMBER_ID" in keys:
        parts += ["Member ID ", r("MEMBER_ID"), " verified. "]
    if "ADDR" in keys:
        parts += ["New address: ", r("ADDR"), ", ", r("CITY"), ", %s " % p.state, r("ZIP"), ". "]
    if "EMAIL" in keys:
        parts += ["Portal invite sent to ", r("EMAIL"), ". "]
    if "MRN" in keys:
        parts += ["MRN ", r("MRN"), ". "]
    if "DATE_DIS" in keys:
        parts += ["Discharged ", r("DATE_DIS"), ". "]
    parts.append(rng.choice(["No further action needed.", "Follow-up scheduled.",
                             "Agent to call back within two business days."]))
    return rich(*parts)


def structured(c, rng):
    keys = SCENARIOS[c.kind][0]
    d = {"patient_name": rich(c.render("NAME", "llm", "same")),
         "date_of_birth": rich(c.render("DOB", "llm", "same")),
         "language": LANG_NAME.get(c.lang, "English") if c.interp else "English"}
    if c.interp and rng.random() < 0.5:
        d["interpreter_id"] = rich(N(c.iid_digits, "interpreter_id"))
    if "PHONE" in keys:
        d["callback_number"] = rich(c.render("PHONE", "llm", "same"))
    if "LAST4" in keys:
        d["ssn_last4"] = rich(c.render("LAST4", "llm", "same"))
    if "ZIP" in keys:
        d["zip"] = rich(c.render("ZIP", "llm", "same"))
    if "MEMBER_ID" in keys:
        d["member_id"] = rich(c.render("MEMBER_ID", "llm", "same"))
    d["intent"] = c.kind
    return d


def turn_rich(c, r):
    return r


def json_record(c, rng, profile):
    names = {"vapi": {"agent": "bot", "interp": "user", "patient": "user"},
             "retell": {"agent": "agent", "interp": "user", "patient": "user"},
             "signalwire": {"agent": "assistant", "interp": "user", "patient": "user"}}
    start = 1741600000 + rng.randint(0, 2000000)
    if profile == "vapi":
        tl = {"agent": "AI", "interp": "User", "patient": "User"}
        msgs = [{"role": "system", "message": "You are the member services voice assistant for %s. "
                 "Verify identity before discussing benefits." % c.org,
                 "time": start * 1000, "secondsFromStart": 0}]
        sec = 0.6
        for role, r in c.turns:
            msgs.append({"role": names["vapi"][role], "message": r, "time": int(start * 1000 + sec * 1000),
                         "endTime": int(start * 1000 + sec * 1000 + 2400),
                         "secondsFromStart": round(sec, 2)})
            sec += rng.uniform(2, 9)
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": uid(rng), "orgId": uid(rng), "type": "inboundPhoneCall"},
                           "customer": {"number": rich(c.render("PHONE", "e164", "same"))},
                           "artifact": {"messages": msgs,
                                        "transcript": rjoin("\n", [rich(tl[ro] + ": ", r)
                                                                   for ro, r in c.turns])},
                           "analysis": {"summary": summary(c, rng),
                                        "structuredData": structured(c, rng),
                                        "successEvaluation": "true"},
                           "durationSeconds": round(sec, 1)}}
        return obj
    if profile == "retell":
        tl = {"agent": "Agent", "interp": "User", "patient": "User"}
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + uid(rng).replace("-", "")[:24],
                        "agent_id": "agent_" + uid(rng).replace("-", "")[:20],
                        "call_type": "phone_call", "direction": "inbound",
                        "from_number": rich(c.render("PHONE", "e164", "same")),
                        "call_status": "ended", "start_timestamp": start * 1000,
                        "end_timestamp": start * 1000 + rng.randint(120000, 600000),
                        "transcript": rjoin("\n", [rich(tl[ro] + ": ", r) for ro, r in c.turns]),
                        "transcript_object": [{"role": names["retell"][ro], "content": r}
                                              for ro, r in c.turns],
                        "call_analysis": {"call_summary": summary(c, rng),
                                          "user_sentiment": rng.choice(["Neutral", "Positive"]),
                                          "call_successful": True,
                                          "custom_analysis_data": structured(c, rng)},
                        "disconnection_reason": "user_hangup"}}
        return obj
    if profile == "signalwire":
        log = [{"role": "system", "content": "You are a scheduling assistant for %s." % c.org}]
        for ro, r in c.turns:
            log.append({"role": names["signalwire"][ro], "content": r})
        obj = {"app_name": "member_line", "ai_session_id": uid(rng), "call_id": uid(rng),
               "caller_id_name": rich(S(fold(c.p.last).upper() + " " + fold(c.p.first).upper(),
                                        "NAME", False, "same", "callerid_upper",
                                        "%s %s" % (c.p.first, c.p.last))),
               "caller_id_num": rich(c.render("PHONE", "e164", "same")),
               "call_start_date": start * 1000000,
               "call_log": log,
               "post_prompt_data": {"raw": summary(c, rng), "parsed": [structured(c, rng)]}}
        return obj
    # deepgram / transcribe: speaker-indexed utterances, no roles
    spk = {"agent": 0, "interp": 1, "patient": 2 if c.interp else 1}
    if profile == "deepgram":
        utts, sec = [], 0.4
        for ro, r in c.turns:
            dur = rng.uniform(1.5, 8)
            utts.append({"start": round(sec, 3), "end": round(sec + dur, 3),
                         "confidence": round(rng.uniform(0.62, 0.99), 4), "channel": 0,
                         "transcript": r, "speaker": spk[ro], "id": uid(rng)})
            sec += dur + rng.uniform(0.1, 1.2)
        para = rich("\n", rjoin("\n\n", [rich("Speaker %d: " % spk[ro], r) for ro, r in c.turns]), "\n")
        obj = {"metadata": {"request_id": uid(rng), "created": "2025-03-%02dT%02d:%02d:11.000Z" % (
            rng.randint(1, 28), rng.randint(13, 22), rng.randint(0, 59)),
            "duration": round(sec, 3), "channels": 1,
            "models": [uid(rng)]},
            "results": {"channels": [{"alternatives": [{
                "transcript": rjoin(" ", [r for _, r in c.turns]),
                "confidence": round(rng.uniform(0.8, 0.97), 4),
                "paragraphs": {"transcript": para}}],
                "detected_language": "en"}],
                "utterances": utts}}
        return obj
    # transcribe
    segs, sec = [], 0.0
    for i, (ro, r) in enumerate(c.turns):
        dur = rng.uniform(1.5, 8)
        segs.append({"id": i, "transcript": r, "start_time": "%.3f" % sec,
                     "end_time": "%.3f" % (sec + dur), "speaker_label": "spk_%d" % spk[ro]})
        sec += dur + rng.uniform(0.1, 1.0)
    obj = {"jobName": "interp-call-%s" % uid(rng)[:8], "accountId": "123456789012",
           "status": "COMPLETED",
           "results": {"language_code": "en-US",
                       "transcripts": [{"transcript": rjoin(" ", [r for _, r in c.turns])}],
                       "speaker_labels": {"speakers": 3 if c.interp else 2},
                       "audio_segments": segs}}
    return obj


def generate(seed, n, carriers):
    rng = random.Random(seed)
    kinds = sorted(SCENARIOS)
    langs = ["es", "es", "vi", "ht", "pl"]
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    out = []
    n_json = int(round(n * 0.45))
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(fmts)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        interp = rng.random() < 0.72
        lang = rng.choice(langs)
        fmt = fmts[i]
        for _attempt in range(50):
            c, p = build_call(rng, carriers, interp, lang, kind)
            c.kind = kind
            if fmt == "transcript" and not (8 <= len(c.turns) <= 40):
                continue
            if fmt == "json" and len(c.turns) > 40:
                continue
            break
        rec = {"id": "h35-%05d" % (i + 1), "format": fmt}
        if fmt == "transcript":
            em = transcript_record(c, rng)
            rec["kind"] = ("interp_" if interp else "accent_") + kind
        else:
            prof = profiles[i % len(profiles)]
            obj = json_record(c, rng, prof)
            em = Emitter()
            dump_json(em, obj)
            assert em.text() == json.dumps(to_plain(obj), ensure_ascii=False,
                                           separators=(",", ":"))
            rec["profile"] = prof
            rec["kind"] = ("interp_" if interp else "accent_") + kind + "_" + prof
        rec["text"] = em.text()
        rec["spans"] = em.spans
        rec["negatives"] = em.negs
        out.append(rec)
    return out


# --------------------------------------------------------------------------
# checking

FILLERS = {"um", "uh", "uhm", "er", "ah"}
ALL_DIGITS = {}
for _lang, _ws in LANG_DIGITS.items():
    for _i, _w in enumerate(_ws):
        ALL_DIGITS.setdefault(_lang, {})[_w] = str(_i)
EN_DIG = {w: str(i) for i, w in enumerate(ONES[:10])}
EN_DIG.update({"oh": "0", "o": "0", "won": "1", "to": "2", "too": "2", "for": "4", "ate": "8"})
TEENS = {w: str(i) for i, w in enumerate(ONES) if i >= 10}
TENSD = {w: i for i, w in enumerate(TENS) if w}
ES_WORD = {w: i for i, w in enumerate(ES_ONES)}
ES_TENSD = {w: i for i, w in enumerate(ES_TENS) if w}
LETTER_INV = {v: k.upper() for k, v in LETTER_WORDS.items() if " " not in v}
NATO_INV = {v.replace("-", ""): k.upper() for k, v in NATO.items()}


def normalise(text, lang):
    """Letters and digits a spoken rendering of an identifier stands for."""
    toks = re.findall(r"[^\W_]+", text.lower().replace("x-ray", "xray"))
    out = []
    i = 0
    dmap = dict(EN_DIG)
    if lang in ALL_DIGITS:
        dmap = dict(ALL_DIGITS[lang])
    if lang == "name":
        dmap = {"oh": "O"}
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t in FILLERS:
            i += 1
            continue
        if t == "as" and nxt == "in":
            i += 3
            continue
        if t.isdigit():
            out.append(t)
            i += 1
            continue
        if lang in ("en", "name") and t in ("double", "triple") and nxt is not None:
            if t == "double" and nxt == "you":
                out.append("W")
            else:
                d = EN_DIG.get(nxt)
                if d is None:
                    raise ValueError("bad token after %s: %s" % (t, nxt))
                out.append(d * (2 if t == "double" else 3))
            i += 2
            continue
        if lang == "es" and t in ES_TENSD and t != "veinte":
            if nxt == "y" and i + 2 < len(toks) and toks[i + 2] in ES_WORD:
                out.append(str(ES_TENSD[t] * 10 + ES_WORD[toks[i + 2]]))
                i += 3
            else:
                out.append(str(ES_TENSD[t] * 10))
                i += 1
            continue
        if lang == "es" and t in ES_WORD and ES_WORD[t] >= 10:
            out.append(str(ES_WORD[t]))
            i += 1
            continue
        if t in dmap:
            out.append(dmap[t])
            i += 1
            continue
        if lang == "en":
            if t in TEENS:
                out.append(TEENS[t])
                i += 1
                continue
            if t in TENSD:
                if nxt in EN_DIG and nxt not in ("oh", "o", "zero") and EN_DIG[nxt] != "0":
                    out.append(str(TENSD[t] * 10 + int(EN_DIG[nxt])))
                    i += 2
                else:
                    out.append(str(TENSD[t] * 10))
                    i += 1
                continue
            m = re.match(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                         r"(one|two|three|four|five|six|seven|eight|nine)$", t)
            if m:
                out.append(str(TENSD[m.group(1)] * 10 + ONES.index(m.group(2))))
                i += 1
                continue
        if t == "dot":
            out.append(".")
            i += 1
            continue
        if t in NATO_INV:
            out.append(NATO_INV[t])
            i += 1
            continue
        if t in LETTER_INV and lang in ("en", "name"):
            out.append(LETTER_INV[t])
            i += 1
            continue
        if len(t) == 1 and t.isalpha():
            out.append(t.upper())
            i += 1
            continue
        raise ValueError("unknown token %r" % t)
    return "".join(out)


def lang_of(form):
    m = re.search(r"(?:^|_)(es|vi|ht|pl)_", form)
    return m.group(1) if m else "en"


def check_value(sp, txt):
    e, v, f = sp["entity"], sp.get("value"), sp["form"]
    if txt != txt.strip() or not txt:
        return "span has outer whitespace"
    if txt[-1] in ",.;:?!" and not txt.endswith("St.") and not re.search(r"[A-Z][a-z]*\.$", txt):
        return "span ends with punctuation"
    if e == "SSN":
        if f.startswith("last4"):
            if not re.fullmatch(r"\d{4}", v):
                return "bad last4"
        else:
            if not re.fullmatch(r"\d{9}", v) or v[:3] in ("000", "666") or v[0] == "9" \
                    or v[3:5] == "00" or v[5:] == "0000":
                return "bad ssn"
    if e == "PHONE" and not re.fullmatch(r"[2-9]\d\d55501\d\d", v):
        return "bad phone"
    if e == "CARD":
        if not luhn_ok(v) or not (len(v) == 16 and v[0] in "456" or len(v) == 15 and v[:2] in
                                  ("34", "37")):
            return "bad card"
    if e == "NPI" and not (re.fullmatch(r"[12]\d{9}", v) and luhn_ok("80840" + v)):
        return "bad npi"
    if e == "MBI" and not MBI_RE.match(v):
        return "bad mbi"
    if e == "ZIP" and not re.fullmatch(r"\d{5}", v):
        return "bad zip"
    if e == "EMAIL" and not re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", v):
        return "bad email"
    if e in ("DOB", "DATE"):
        try:
            dt = datetime.date.fromisoformat(v)
        except ValueError:
            return "bad date"
        if e == "DOB" and not (1930 <= dt.year <= 2010):
            return "dob out of range"
    # renderings of identifiers must normalise back to the value
    if e in ("SSN", "PHONE", "CARD", "NPI", "MBI", "ZIP", "MRN", "MEMBER_ID"):
        try:
            got = normalise(txt, lang_of(f)) if sp["spoken"] else re.sub(r"\D", "", txt) \
                if e not in ("MBI", "MRN", "MEMBER_ID") else txt
        except ValueError as ex:
            return "normalise: %s" % ex
        if e == "PHONE" and not sp["spoken"] and got.startswith("1") and len(got) == 11:
            got = got[1:]
        want = v
        if f.endswith("_dropped"):
            if len(got) != len(want) - 1 or not any(want[:k] + want[k + 1:] == got
                                                    for k in range(len(want))):
                return "dropped rendering %r vs %r" % (got, want)
        elif "_repeat" in f:
            ok = False
            for a in range(len(got)):
                for b in range(a + 1, len(got) + 1):
                    if got[:a] + got[b:] == want and got[a:b] in want:
                        ok = True
                        break
                if ok:
                    break
            if not ok:
                return "repeat rendering %r vs %r" % (got, want)
        elif got != want:
            return "rendering %r vs value %r" % (got, want)
    if e == "NAME" and f.startswith("spelled_"):
        try:
            got = normalise(txt, "name")
        except ValueError as ex:
            return "normalise: %s" % ex
        if got != v:
            return "spelled %r vs %r" % (got, v)
    if e == "EMAIL" and not sp["spoken"] and txt != v:
        return "written email differs"
    if e == "EMAIL" and sp["spoken"] and v.split("@")[1].split(".")[0] not in txt:
        return "spoken email lacks domain"
    return None


def check(records):
    errs = []
    for r in records:
        rid = r.get("id")
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not (8 <= len(lines) <= 40):
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?[A-Za-z][A-Za-z0-9 _]*: \S", ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank/trailing line" % rid)
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as ex:
                errs.append("%s: json %s" % (rid, ex))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact json" % rid)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s: profile" % rid)
            # byte ranges of string contents
            strs = []
            i = 0
            while i < len(b):
                if b[i:i + 1] == b'"':
                    j = i + 1
                    while b[j:j + 1] != b'"':
                        j += 2 if b[j:j + 1] == b"\\" else 1
                    strs.append((i + 1, j))
                    i = j + 1
                else:
                    i += 1
        ivs = []
        for s in r["spans"]:
            try:
                txt = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span not on utf-8 boundary" % rid)
                continue
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP",
                                   "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errs.append("%s: cue/spoken" % rid)
            pre = b[s["start"] - 1:s["start"]].decode("utf-8", "replace") if s["start"] else " "
            post = b[s["end"]:s["end"] + 1].decode("utf-8", "replace")
            if (pre.isalnum() and txt[:1].isalnum()) or (post.isalnum() and txt[-1:].isalnum()):
                errs.append("%s: span cuts a word %r" % (rid, txt))
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z
                                                 for a, z in strs):
                errs.append("%s: span outside a JSON string %r" % (rid, txt))
            if s.get("value") is not None:
                e = check_value(s, txt)
                if e:
                    errs.append("%s: %s %s %r: %s" % (rid, s["entity"], s["form"], txt, e))
            ivs.append((s["start"], s["end"], "span"))
        for n in r["negatives"]:
            txt = b[n["start"]:n["end"]].decode("utf-8")
            if txt != txt.strip() or not txt:
                errs.append("%s: negative whitespace %r" % (rid, txt))
            ivs.append((n["start"], n["end"], "neg"))
            if r["format"] == "json" and not any(a <= n["start"] and n["end"] <= z
                                                 for a, z in strs):
                errs.append("%s: negative outside a JSON string" % rid)
        ivs.sort()
        for a, z in zip(ivs, ivs[1:]):
            if z[0] < a[1]:
                errs.append("%s: overlap %r %r" % (rid, a, z))
    return errs


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    seen = set()
    distinct = collections.Counter()
    kinds = collections.Counter()
    for r in records:
        fmt[(r["format"], r.get("profile", "-"))] += 1
        k = r["kind"]
        if r["format"] == "json":
            k = k.rsplit("_", 1)[0]
        kinds[k] += 1
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            key = (r["id"], s["entity"], b[s["start"]:s["end"]])
            if key not in seen:
                seen.add(key)
                distinct[(s["entity"], s["spoken"])] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    ents = sorted({k[0] for k in c})
    lines = ["records: %d  (%s)" % (len(records), ", ".join("%s/%s %d" % (a, b, v) for (a, b), v
                                                               in sorted(fmt.items()))), "",
             "| entity | total | spoken same | spoken prev | spoken none | written same | "
             "written prev | written none |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for e in ents:
        row = [sum(v for k, v in c.items() if k[0] == e)]
        for sp in ("spoken", "written"):
            for cue in ("same", "prev", "none"):
                row.append(c[(e, sp, cue)])
        lines.append("| %s | %s |" % (e, " | ".join(str(x) for x in row)))
    lines.append("| **all** | %d | | | | | | |" % sum(c.values()))
    lines.append("")
    lines.append("distinct (record, rendering) pairs, spoken: " + ", ".join(
        "%s %d" % (e, distinct[(e, True)]) for e in ents) + "; written: " + ", ".join(
        "%s %d" % (e, distinct[(e, False)]) for e in ents))
    lines.append("records by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    lines.append("")
    lines.append("negatives (%d): %s" % (sum(negs.values()), ", ".join(
        "%s %d" % (k, v) for k, v in sorted(negs.items(), key=lambda kv: (-kv[1], kv[0])))))
    lines.append("")
    lines.append("forms (%d distinct):" % len(forms))
    for e in ents:
        fs = sorted(((f, v) for (ee, f), v in forms.items() if ee == e), key=lambda x: (-x[1], x[0]))
        lines.append("  %s: %s" % (e, ", ".join("%s %d" % fv for fv in fs)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--carrier-dir", default="")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(recs))
        if errs:
            sys.exit("%d errors" % len(errs))
        print("\ncheck OK: %d records" % len(recs))
        return
    carriers = load_carrier(find_carrier_dir(a.carrier_dir))
    recs = generate(a.seed, a.n, carriers)
    errs = check(recs)
    if errs:
        for e in errs[:60]:
            print("ERROR", e, file=sys.stderr)
        sys.exit("%d errors in generated records" % len(errs))
    if a.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
