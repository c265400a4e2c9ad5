#!/usr/bin/env python3
"""gen_holdout12.py - independent spoken-PHI holdout corpus #12 for phiscrub.

Healthcare phone calls as speech-to-text engines write them down (transcripts) and
voice-platform / STT vendor JSON documents (vapi, retell, signalwire, deepgram, transcribe),
with fictitious injected PHI values labelled by byte offset, plus labelled hard negatives.

  python3 gen_holdout12.py [--seed N] [--n 150] > holdout12.jsonl
  python3 gen_holdout12.py --stats [--seed N]
  python3 gen_holdout12.py --check holdout12.jsonl

Python standard library only; byte-identical output for the same seed whatever PYTHONHASHSEED.
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

SEED = 20261212
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------------
# word lists (own lists; common first/last names of diverse origins)
FIRST = ["Dana", "Maria", "James", "Aisha", "Tomasz", "Mei", "Carlos", "Priya", "Kwame", "Olga",
         "Hiroshi", "Fatima", "Luis", "Grace", "Dmitri", "Ngozi", "Sean", "Ana", "Rahul", "Yusuf",
         "Linh", "Keisha", "Mateo", "Ingrid", "Omar", "Sofia", "Darnell", "Eun-ji", "Patrick",
         "Leticia", "Arjun", "Chiara", "Bongani", "Rosa", "Wei", "Thandiwe", "Jamal", "Siobhan",
         "Diego", "Hana", "Kofi", "Elena", "Marcus", "Ayesha", "Pedro", "Nadia", "Tyrone", "Lucia",
         "Raj", "Svetlana", "Emeka", "Carmen", "Jun", "Beatriz", "Hamid", "Deborah", "Tuan",
         "Gloria", "Ivan", "Shanice", "Manuel", "Yolanda", "Kenji", "Fiona", "Abdul", "Renee",
         "Esteban", "Lakshmi", "Connor", "Zainab", "Harold", "Dolores", "Earl", "Mildred", "José",
         "Zoë", "Björn", "Renée", "Ngọc"]
LAST = ["Reyes", "Okafor", "Kowalski", "Nguyen", "Patel", "Hughes", "Ozturk", "Chen", "Mensah",
        "Garcia", "Ivanova", "Tanaka", "Haddad", "Murphy", "Silva", "Kim", "Johnson", "Adeyemi",
        "Rossi", "Schmidt", "Hernandez", "Singh", "Park", "Abdullah", "Novak", "Dlamini",
        "Fitzgerald", "Yamamoto", "Castillo", "Washington", "Petrov", "Osei", "Moreno", "Bianchi",
        "Lindqvist", "Nakamura", "Ramirez", "Kaur", "Brennan", "Santos", "Al-Masri", "Wojcik",
        "Thompson", "Delgado", "Achterberg", "Mbeki", "Ferreira", "Oyelaran", "Jankowski", "Tran",
        "Romero", "Gallagher", "Iyer", "Kuznetsov", "Whitfield", "Obi", "Lopez", "Sato",
        "Mahmoud", "Coleman", "Estrada", "Horvath", "Banerjee", "McAllister", "Quintero", "Müller",
        "Peña", "Søreide", "Çelik", "Nuñez"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "Adam"], "B": ["boy", "bravo"], "C": ["cat", "Charlie"],
        "D": ["dog", "David"], "E": ["Edward", "echo"], "F": ["Frank", "fox"],
        "G": ["George", "girl"], "H": ["Henry", "house"], "J": ["John", "jelly"],
        "K": ["king", "kite"], "M": ["Mary", "mother"], "N": ["Nancy", "nothing"],
        "P": ["Paul", "Peter"], "Q": ["queen"], "R": ["Robert", "red"], "T": ["Tom", "tango"],
        "U": ["umbrella"], "V": ["Victor", "victory"], "W": ["William", "water"],
        "X": ["x-ray"], "Y": ["yellow"], "Z": ["zebra"], "I": ["ice cream"], "L": ["Larry", "lion"],
        "O": ["ocean"], "S": ["Sam", "sugar"]}
CONFUSE = {"B": "D", "D": "B", "M": "N", "N": "M", "F": "S", "S": "F", "P": "T", "T": "P",
           "C": "Z", "Z": "C", "V": "B", "E": "G", "G": "E", "A": "H", "J": "K", "K": "J",
           "X": "S", "Y": "I", "R": "A", "U": "Q", "W": "Q", "H": "A", "Q": "U"}
DW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
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
# (area code, a ZIP in roughly that area)
AREAS = [("415", "94110"), ("212", "10025"), ("312", "60614"), ("617", "02139"),
         ("713", "77004"), ("206", "98118"), ("303", "80205"), ("404", "30310"),
         ("305", "33135"), ("602", "85008"), ("503", "97206"), ("919", "27601"),
         ("702", "89104"), ("801", "84106"), ("214", "75208"), ("480", "85281"),
         ("916", "95820"), ("215", "19143"), ("504", "70119"), ("612", "55407"),
         ("216", "44102"), ("414", "53204"), ("907", "99508"), ("808", "96817"),
         ("505", "87106"), ("207", "04101"), ("860", "06106"), ("609", "08002")]
STREETS = ["Elm", "Maple", "Oak", "Cedar", "Pine", "Willow", "Highland", "Sunset", "Lakeview",
           "Hillcrest", "Meadow", "Ridge", "Birch", "Magnolia", "Orchard", "Spruce", "Chestnut",
           "Juniper", "Riverside", "Cottonwood", "Sycamore", "Laurel", "Harbor", "Prospect",
           "Fairview", "Mill", "Church", "Water", "Walnut", "Poplar", "Aspen", "Canyon"]
SUFFIX = [("Street", ["St.", "St", "Street"]), ("Avenue", ["Ave.", "Ave", "Avenue"]),
          ("Road", ["Rd.", "Rd", "Road"]), ("Drive", ["Dr.", "Dr", "Drive"]),
          ("Lane", ["Ln.", "Lane"]), ("Court", ["Ct.", "Court"]),
          ("Boulevard", ["Blvd.", "Blvd"]), ("Way", ["Way"]), ("Place", ["Pl.", "Place"]),
          ("Circle", ["Cir.", "Circle"]), ("Terrace", ["Terrace", "Ter."])]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com", "gmail"]),
           ("yahoo.com", ["yahoo dot com", "yahoo"]),
           ("outlook.com", ["outlook dot com"]), ("hotmail.com", ["hotmail dot com"]),
           ("icloud.com", ["icloud dot com", "i cloud dot com"]), ("aol.com", ["aol dot com", "a o l dot com"]),
           ("comcast.net", ["comcast dot net"]), ("att.net", ["att dot net", "a t t dot net"]),
           ("protonmail.com", ["protonmail dot com", "proton mail dot com"]),
           ("msn.com", ["msn dot com", "m s n dot com"])]
MBI_ALPHA = [c for c in "ACDEFGHJKMNPQRTUVWXY"]
FORBIDDEN_SSN = {"078051120", "123456789", "219099999"}


# --------------------------------------------------------------------------------------------
# number words
def card_words(n):
    if n < 10:
        return DW[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        t, u = divmod(n, 10)
        return TENS[t] + ("" if u == 0 else " " + DW[u])
    if n < 1000:
        h, r = divmod(n, 100)
        return DW[h] + " hundred" + ("" if r == 0 else " " + card_words(r))
    th, r = divmod(n, 1000)
    return card_words(th) + " thousand" + ("" if r == 0 else " " + card_words(r))


def hyph(s, rng, p=0.35):
    """twenty one -> twenty-one sometimes (Whisper/Google write hyphens)."""
    if rng.random() < p:
        return re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) "
                      r"(one|two|three|four|five|six|seven|eight|nine)\b", r"\1-\2", s)
    return s


def digit_words(s, zero="oh", doubles=False, rng=None, homo=False):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        run = 1
        while i + run < len(s) and s[i + run] == c:
            run += 1
        w = zero if c == "0" else DW[int(c)]
        if doubles and run >= 3 and rng.random() < 0.6:
            out.append("triple " + w)
            i += 3
            continue
        if doubles and run >= 2 and rng.random() < 0.7:
            out.append("double " + w)
            i += 2
            continue
        if homo and rng is not None and rng.random() < 0.25:
            w = {"four": "for", "two": "to", "eight": "ate", "one": "won"}.get(w, w)
        out.append(w)
        i += 1
    return " ".join(out)


def pair_words(s2, zero="oh"):
    if s2 == "00":
        return zero + " " + zero
    if s2[0] == "0":
        return zero + " " + DW[int(s2[1])]
    return card_words(int(s2))


def quad_words(s4, zero="oh", rng=None):
    """elderly/pair habit: 0132 -> oh one thirty two; 1200 -> twelve hundred."""
    if s4[2:] == "00" and s4[0] != "0":
        return card_words(int(s4[:2])) + " hundred"
    if s4[2:] == "00" and s4[0] == "0" and s4[1] != "0":
        return zero + " " + DW[int(s4[1])] + " hundred"
    if s4[1:] == "000" and s4[0] != "0":
        return DW[int(s4[0])] + " thousand"
    return pair_words(s4[:2], zero) + " " + pair_words(s4[2:], zero)


def triple_words(s3, zero="oh"):
    """555 -> five fifty five; 415 -> four fifteen; 603 -> six oh three."""
    if s3[0] == "0":
        return zero + " " + pair_words(s3[1:], zero)
    if s3[1:] == "00":
        return DW[int(s3[0])] + " hundred"
    return DW[int(s3[0])] + " " + pair_words(s3[1:], zero)


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


def luhn_complete(prefix_digits):
    for c in "0123456789":
        if luhn_ok(prefix_digits + c):
            return prefix_digits + c
    raise ValueError


# --------------------------------------------------------------------------------------------
# value generators (all fictitious)
def gen_phone(rng, area=None):
    if area is None:
        area = rng.choice(AREAS)[0]
    return area + "555" + "01%02d" % rng.randrange(0, 100)


def ssn_ok(s):
    if len(s) != 9 or not s.isdigit() or s in FORBIDDEN_SSN:
        return False
    a, g, r = int(s[:3]), int(s[3:5]), int(s[5:])
    return 0 < a < 900 and a != 666 and g > 0 and r > 0


def gen_ssn(rng):
    while True:
        a = rng.randrange(1, 900)
        if a == 666:
            continue
        s = "%03d%02d%04d" % (a, rng.randrange(1, 100), rng.randrange(1, 10000))
        if ssn_ok(s):
            return s


def gen_dob(rng):
    y = rng.choice([rng.randrange(1931, 1960), rng.randrange(1950, 1990), rng.randrange(1975, 2008)])
    m = rng.randrange(1, 13)
    d = rng.randrange(1, 29 if m == 2 else (31 if m in (4, 6, 9, 11) else 32))
    return "%04d-%02d-%02d" % (y, m, d)


def gen_mrn(rng):
    k = rng.randrange(5)
    if k == 0:
        return "%08d" % rng.randrange(10 ** 7, 10 ** 8)
    if k == 1:
        return "%07d" % rng.randrange(10 ** 6, 10 ** 7)
    if k == 2:
        return rng.choice("EMHK") + "%07d" % rng.randrange(0, 10 ** 7)
    if k == 3:
        return "00" + "%07d" % rng.randrange(10 ** 6, 10 ** 7)
    return "%09d" % rng.randrange(10 ** 8, 10 ** 9)


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y][0-9][0-9]$")


def gen_mbi(rng):
    an = MBI_ALPHA + list("0123456789")
    s = (rng.choice("123456789") + rng.choice(MBI_ALPHA) + rng.choice(an) + rng.choice("0123456789")
         + rng.choice(MBI_ALPHA) + rng.choice(an) + rng.choice("0123456789") + rng.choice(MBI_ALPHA)
         + rng.choice(MBI_ALPHA) + rng.choice("0123456789") + rng.choice("0123456789"))
    assert MBI_RE.match(s)
    return s


def gen_card(rng):
    k = rng.randrange(4)
    if k == 0:
        p = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif k == 1:
        p = rng.choice(["51", "52", "53", "54", "55"]) + "".join(rng.choice("0123456789") for _ in range(13))
    elif k == 2:
        p = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    else:
        p = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    return luhn_complete(p)


def npi_ok(s):
    return len(s) == 10 and s[0] in "12" and luhn_ok("80840" + s)


def gen_npi(rng):
    while True:
        p = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if npi_ok(p + c):
                return p + c


def gen_member(rng):
    k = rng.randrange(5)
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if k == 0:
        return "".join(rng.choice(L) for _ in range(3)) + "%09d" % rng.randrange(10 ** 8, 10 ** 9)
    if k == 1:
        return "W" + "%09d" % rng.randrange(10 ** 8, 10 ** 9)
    if k == 2:
        return "%011d" % rng.randrange(10 ** 10, 10 ** 11)
    if k == 3:
        return "".join(rng.choice(L) for _ in range(2)) + "%08d" % rng.randrange(10 ** 7, 10 ** 8) + "01"
    return rng.choice(L) + "%08d" % rng.randrange(10 ** 7, 10 ** 8)


def gen_street(rng):
    k = rng.randrange(4)
    num = [rng.randrange(100, 1000), rng.randrange(1000, 10000), rng.randrange(10, 100),
           rng.randrange(1000, 3000)][k]
    pre = rng.choice(["", "", "", "North", "South", "East", "West"])
    name = rng.choice(STREETS)
    suf = rng.choice(SUFFIX)
    unit = None
    if rng.random() < 0.35:
        unit = rng.choice([("Apartment", "Apt", str(rng.randrange(1, 40)) + rng.choice(["", "", "B", "A", "C"])),
                           ("Unit", "Unit", str(rng.randrange(1, 300))),
                           ("Number", "#", str(rng.randrange(100, 500)))])
    return {"num": str(num), "pre": pre, "name": name, "suf": suf, "unit": unit}


def street_written(st, rng):
    suf = rng.choice(st["suf"][1])
    pre = st["pre"]
    if pre and rng.random() < 0.5:
        pre = pre[0] + "."
    s = st["num"] + " " + (pre + " " if pre else "") + st["name"] + " " + suf
    if st["unit"]:
        s += rng.choice([", ", " "]) + rng.choice([st["unit"][0], st["unit"][1]]) + " " + st["unit"][2]
    return s


def ascii_fold(w):
    import unicodedata
    w = w.replace("ø", "o").replace("Ø", "O")
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def gen_email(rng, first, last):
    f, l = ascii_fold(first).lower().replace("-", ""), ascii_fold(last).lower().replace("-", "")
    k = rng.randrange(6)
    yy = "%02d" % rng.randrange(50, 100)
    local = [f + "." + l, f[0] + l + yy, f + "_" + l, f + l + str(rng.randrange(1, 10)),
             l + "." + f[0], f + "." + l + yy][k]
    dom = rng.choice(DOMAINS)
    return local, dom


def name_parts(rng):
    return rng.choice(FIRST), rng.choice(LAST)


# --------------------------------------------------------------------------------------------
# ASR engine styles
ENGINES = {
    # punct: writes punctuation/case; pw: probability a number-like value is smart formatted
    "aci_raw": dict(punct=False, pw=0.0, labels=[("[doctor]", "[patient]"), ("[agent]", "[caller]"),
                                                   ("[nurse]", "[patient]"), ("[staff]", "[caller]")]),
    "deepgram_raw": dict(punct=False, pw=0.0, labels=[("Speaker 0:", "Speaker 1:"),
                                                        ("Channel 0:", "Channel 1:")]),
    "deepgram_sf": dict(punct=True, pw=0.75, labels=[("Speaker 0:", "Speaker 1:"),
                                                       ("Speaker 1:", "Speaker 0:")]),
    "whisper": dict(punct=True, pw=0.5, labels=[("Agent:", "Caller:"), ("Rep:", "Member:"),
                                                  ("Front desk:", "Patient:"), ("Pharmacist:", "Patient:"),
                                                  ("Nurse:", "Patient:"), ("Clinician:", "Client:")]),
    "transcribe": dict(punct=True, pw=0.6, labels=[("spk_0:", "spk_1:"), ("spk_1:", "spk_0:"),
                                                     ("ch_0:", "ch_1:")]),
    "google": dict(punct=True, pw=0.35, labels=[("Speaker 1:", "Speaker 2:"), ("AGENT:", "CUSTOMER:")]),
    "azure": dict(punct=True, pw=0.55, labels=[("Guest-1:", "Guest-2:"), ("Agent:", "Customer:")]),
    "voiceai": dict(punct=True, pw=0.3, labels=[("AI:", "User:"), ("assistant:", "user:"),
                                                 ("Bot:", "Caller:")]),
}

MARK = re.compile("\ue000(\\d+)\ue001(.*?)\ue002", re.S)


class Rec:
    """Dialogue under construction. Values and negatives are wrapped in private-use markers
    so that their byte offsets can be recovered after the final serialisation."""

    def __init__(self, rng, engine, elderly=False):
        self.rng = rng
        self.engine = engine
        self.E = ENGINES[engine]
        self.punct = self.E["punct"]
        self.anns = []
        self.lines = []  # (role 'A'|'C', text with markers)
        self.elderly = elderly
        self.zero = rng.choice(["oh", "oh", "zero", "o"]) if not self.punct else rng.choice(["oh", "zero"])
        self.agent_ai = engine == "voiceai"

    # annotated pieces
    def v(self, text, ent, cue, form, spoken, value):
        self.anns.append({"entity": ent, "cue": cue, "form": form, "spoken": spoken, "value": value})
        return "\ue000%d\ue001%s\ue002" % (len(self.anns) - 1, text)

    def neg(self, text, what):
        self.anns.append({"what": what})
        return "\ue000%d\ue001%s\ue002" % (len(self.anns) - 1, text)

    def plain(self, s):
        """apply the engine's casing/punctuation to the text outside markers"""
        parts = MARK.split(s)
        out = []
        for i in range(0, len(parts), 3):
            seg = parts[i]
            if not self.punct:
                seg = seg.lower()
                seg = re.sub(r"[.,?!;:]", "", seg)
                seg = seg.replace("\u2014", " ")
                if self.rng.random() < 0.15:
                    seg = asr_noise(seg, self.rng)
            out.append(seg)
            if i + 1 < len(parts):
                out.append("\ue000%s\ue001%s\ue002" % (parts[i + 1], parts[i + 2]))
        s = "".join(out)
        s = re.sub("\\.(\ue002)\\.", ".\\1", s)
        s = re.sub(r"  +", " ", s).strip()
        if self.punct and s and s[0].islower() and not s.startswith("\ue000"):
            s = s[0].upper() + s[1:]
        return s

    def a(self, s):
        t = self.plain(s)
        if self.lines and self.lines[-1] == ("A", t):
            return
        self.lines.append(("A", t))

    def c(self, s):
        self.lines.append(("C", self.plain(s)))

    def last_role(self):
        return self.lines[-1][0] if self.lines else None

    # style helpers
    def sep(self):
        if not self.punct:
            return " "
        return self.rng.choice([", ", ", ", " ", "... ", ". ", " - "])

    def fill(self):
        if self.rng.random() < 0.5:
            return ""
        return self.rng.choice(["uh ", "um ", "uh, ", "um, "]) if self.punct else self.rng.choice(["uh ", "um "])

    def cap(self, s):
        return s if not self.punct else s

    def ww(self, s):
        return hyph(s, self.rng) if self.punct else s


WORD_NOISE = [(r"\byour\b", "you're"), (r"\bthere\b", "their"), (r"\bto\b", "too"),
              (r"\bright\b", "write"), (r"\bthe\b", ""), (r"\bokay\b", "ok"), (r"\bkind of\b", "kinda"),
              (r"\bgoing to\b", "gonna"), (r"\band\b", "an"), (r"\bits\b", "it's")]


def asr_noise(seg, rng):
    pat, rep = rng.choice(WORD_NOISE)
    return re.sub(pat, rep, seg, count=1)


# --------------------------------------------------------------------------------------------
# renderers: return (text, form, spoken)
def join_groups(R, groups, fillers=True):
    out = []
    for i, g in enumerate(groups):
        if i:
            out.append(R.sep())
            if fillers and R.rng.random() < 0.2:
                out.append(R.fill())
        out.append(g)
    return "".join(out).replace("  ", " ")


def r_phone(R, v, written_ok=True, agent=False):
    rng = R.rng
    a, e, l = v[:3], v[3:6], v[6:]
    if written_ok and rng.random() < R.E["pw"]:
        k = rng.randrange(7)
        t = ["(%s) %s-%s" % (a, e, l), "%s-%s-%s" % (a, e, l), "%s-%s-%s" % (a, e, l),
             "%s%s%s" % (a, e, l), "+1 %s-%s-%s" % (a, e, l), "%s %s %s" % (a, e, l),
             "%s.%s.%s" % (a, e, l)][k]
        if R.engine == "transcribe":
            t = rng.choice(["%s %s %s" % (a, e, l), "%s-%s-%s" % (a, e, l), "%s%s%s" % (a, e, l)])
        return t, "written_" + ["paren", "dash", "dash", "run", "plus1", "space", "dot"][k], False
    z = R.zero
    k = rng.randrange(8) if not R.elderly else rng.choice([2, 3, 3, 5])
    if rng.random() < 0.08 and R.punct:
        # partly formatted by the engine
        if rng.random() < 0.5:
            return digit_words(a, z) + " " + e + " " + l, "mixed_words_digits", True
        return a + " " + digit_words(e, z, True, rng) + " " + digit_words(l, z), "mixed_digits_words", True
    if k in (0, 1):
        g = [digit_words(a, z, False, rng, homo=not R.punct), digit_words(e, z), digit_words(l, z)]
        return join_groups(R, g), "digits_%s_groups" % z, True
    if k == 2:
        g = [digit_words(a, z), digit_words(e, z, True, rng), quad_words(l, z)]
        return join_groups(R, g), "digits_double_pairs_last4", True
    if k == 3:
        g = [triple_words(a, z), triple_words(e, z), quad_words(l, z)]
        return R.ww(join_groups(R, g)), "hundreds_pairs", True
    if k == 4:
        return digit_words(a + e + l, z), "digits_run_nopause", True
    if k == 5:
        g = [digit_words(a, z), digit_words(e, z, True, rng), digit_words(l[:2], z), digit_words(l[2:], z)]
        return join_groups(R, g), "digits_double_split_last4", True
    if k == 6 and not agent:
        # self repair inside the value
        wrong = l[:2] + ("%d" % ((int(l[2]) + 3) % 10)) + l[3]
        c = rng.choice(["sorry", "no wait", "no", "I mean"])
        t = join_groups(R, [digit_words(a, z), digit_words(e, z)]) + R.sep() + digit_words(wrong[:3], z) + \
            (R.sep() if R.punct else " ") + c + (", " if R.punct else " ") + digit_words(l, z)
        return t, "digits_self_repair", True
    g = [digit_words(a, z), digit_words(e, z), digit_words(l, z)]
    return join_groups(R, g), "digits_groups_agentstyle", True


def r_ssn(R, v, written_ok=True, agent=False):
    rng = R.rng
    a, g, s = v[:3], v[3:5], v[5:]
    if written_ok and rng.random() < R.E["pw"]:
        k = rng.randrange(3)
        return ["%s-%s-%s" % (a, g, s), "%s %s %s" % (a, g, s), a + g + s][k], "written_" + ["dash", "space", "run"][k], False
    z = R.zero
    k = rng.randrange(6) if not R.elderly else rng.choice([1, 2])
    if k == 0:
        return join_groups(R, [digit_words(a, z), digit_words(g, z), digit_words(s, z)]), "digits_3_2_4", True
    if k == 1:
        return R.ww(join_groups(R, [triple_words(a, z), pair_words(g, z), quad_words(s, z)])), "hundreds_pairs", True
    if k == 2:
        return join_groups(R, [digit_words(a, z, True, rng), digit_words(g, z, True, rng), quad_words(s, z)]), "digits_double_pairs", True
    if k == 3:
        return digit_words(v, z, False, rng, homo=not R.punct), "digits_run", True
    if k == 4 and R.punct and rng.random() < 0.5:
        return a + " " + digit_words(g, z) + " " + s, "mixed_digits_words", True
    if k == 5 and not agent:
        t = join_groups(R, [digit_words(a, z), digit_words(g, z)]) + R.sep() + digit_words(s[:2], z) + \
            R.sep() + R.rng.choice(["uh", "hold on", "let me see"]) + R.sep() + digit_words(s, z)
        return t, "digits_restart_last4", True
    return join_groups(R, [digit_words(a, z), digit_words(g, z), digit_words(s[:2], z), digit_words(s[2:], z)]), "digits_3_2_2_2", True


def r_last4(R, digits, ent):
    if R.rng.random() < R.E["pw"]:
        return digits[-4:], "last4_digits", False
    z = R.zero
    if R.rng.random() < 0.4:
        return R.ww(quad_words(digits[-4:], z)), "last4_pairs", True
    return digit_words(digits[-4:], z), "last4_words", True


def year_words(y, rng, short_ok=True):
    if y < 2000:
        c = [card_words(y // 100) + " " + pair_words("%02d" % (y % 100))]
        if short_ok:
            c.append(pair_words("%02d" % (y % 100)))
        if rng.random() < 0.25 and y < 1950:
            c = ["nineteen hundred and " + card_words(y % 100)] if y % 100 else c
        return rng.choice(c)
    return rng.choice(["two thousand " + card_words(y % 100) if y % 100 else "two thousand",
                       "two thousand and " + card_words(y % 100) if y % 100 else "two thousand",
                       "oh " + DW[y % 10] if y < 2010 else "twenty " + card_words(y % 100)])


def r_dob(R, v, written_ok=True, agent=False):
    rng = R.rng
    y, m, d = int(v[:4]), int(v[5:7]), int(v[8:])
    Mn = MONTHS[m - 1]
    if written_ok and rng.random() < R.E["pw"]:
        k = rng.randrange(7)
        t = ["%02d/%02d/%04d" % (m, d, y), "%d/%d/%02d" % (m, d, y % 100), "%s %d, %d" % (Mn, d, y),
             "%s %d%s, %d" % (Mn, d, ordsuf(d), y), "%d/%d/%d" % (m, d, y), "%s %d %d" % (Mn, d, y),
             "%02d-%02d-%04d" % (m, d, y)][k]
        return t, "written_" + ["mdy_slash", "mdy_short", "month_d_y", "month_dth_y", "mdy_nolead",
                                "month_d_y_nocomma", "mdy_dash"][k], False
    mn = Mn if R.punct else Mn.lower()
    k = rng.randrange(10) if not R.elderly else rng.choice([0, 2, 5, 8])
    yw = year_words(y, rng)
    ywf = year_words(y, rng, short_ok=False)
    if not agent and y < 2000 and rng.random() < 0.18:
        wrong = y + rng.choice([1, -1, 10])
        c = rng.choice(["no", "sorry", "no wait", "what am I saying"])
        c = c if R.punct else c.lower()
        return R.ww("%s %s %s%s%s%s%s" % (mn, ORD[d], year_words(min(wrong, 1999), rng, False), R.sep(), c,
                                           ", " if R.punct else " ", pair_words("%02d" % (y % 100)))), "self_repair_year", True
    if k == 0:
        return R.ww("%s %s%s%s" % (mn, ORD[d], R.sep() if R.punct else " ", ywf)), "month_ordinal_year", True
    if k == 1:
        return R.ww("%s %s %s" % (mn, card_words(d), yw)), "month_card_year", True
    if k == 2:
        return R.ww("the %s of %s%s%s" % (ORD[d], mn, R.sep() if R.punct else " ", ywf)), "the_d_of_m", True
    if k == 3:
        return R.ww(join_groups(R, [card_words(m), card_words(d), yw], False)), "num_mdy_words", True
    if k == 4:
        z = R.zero
        return join_groups(R, [pair_words("%02d" % m, z), pair_words("%02d" % d, z), pair_words("%02d" % (y % 100), z)], False), "num_mdy_lead_pairs", True
    if k == 5:
        return R.ww("%s the %s%s%s" % (mn, ORD[d], R.sep() if R.punct else " ", ywf)), "month_the_ordinal_year", True
    if k == 6:
        return R.ww("%s %s %s" % (ORD[d], mn, ywf)), "d_month_year_uk", True
    if k == 7:
        return R.ww("%s %s" % (mn, ORD[d])) + R.sep() + digit_words(str(y)), "month_ordinal_year_digits", True
    if k == 8 and R.punct:
        return "%s %s, %d" % (mn, ORD[d], y), "mixed_month_ordinal_digits_year", True
    z = R.zero
    return join_groups(R, [digit_words("%02d" % m, z), digit_words("%02d" % d, z), digit_words(str(y), z)], False), "num_mmddyyyy_digits", True


def ordsuf(d):
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def letter_say(R, ch, mode):
    if ch not in NATO:
        return ch if R.punct else ch.lower()
    if mode == "nato":
        w = NATO[ch]
        return w if not R.punct else w.capitalize() if R.rng.random() < 0.5 else w
    if mode == "asin":
        w = R.rng.choice(ASIN[ch])
        l = ch if R.punct else ch.lower()
        return "%s as in %s" % (l, w if R.punct else w.lower())
    if mode == "like":
        w = R.rng.choice(ASIN[ch])
        l = ch if R.punct else ch.lower()
        return "%s like %s" % (l, w if R.punct else w.lower())
    return ch if R.punct else ch.lower()


def r_alnum(R, v, groups, form_base, zero=None):
    """speak an alphanumeric id: letters plain/NATO/as-in, digits in words, grouped."""
    rng = R.rng
    z = zero or R.zero
    mode = rng.choice(["plain", "plain", "nato", "asin", "like"])
    out = []
    pos = 0
    for gl in groups:
        chunk = v[pos:pos + gl]
        pos += gl
        toks = []
        for ch in chunk:
            if ch.isdigit():
                toks.append(z if ch == "0" else DW[int(ch)])
            else:
                toks.append(letter_say(R, ch, mode if rng.random() < 0.85 else "plain"))
        out.append(" ".join(toks))
    if not any(ch.isalpha() for ch in v):
        return join_groups(R, out), "%s_digits_%s" % (form_base, "_".join(str(g) for g in groups)), True
    if mode in ("asin", "like") and R.punct:
        return ", ".join(out), "%s_letters_%s" % (form_base, mode), True
    return join_groups(R, out), "%s_letters_%s" % (form_base, mode), True


def r_mbi(R, v, written_ok=True, agent=False):
    if written_ok and R.rng.random() < R.E["pw"] * 0.7:
        k = R.rng.randrange(3)
        return [v, "%s-%s-%s" % (v[:4], v[4:7], v[7:]), "%s %s %s" % (v[:4], v[4:7], v[7:])][k], "written_" + ["run", "dash", "space"][k], False
    return r_alnum(R, v, R.rng.choice([[4, 3, 4], [4, 3, 4], [3, 3, 3, 2], [11], [2, 2, 2, 2, 3]]), "mbi")


def r_member(R, v, written_ok=True, agent=False):
    if written_ok and R.rng.random() < R.E["pw"] * 0.8:
        k = R.rng.randrange(2)
        return [v, " ".join(re.findall(r"[A-Z]+|\d{1,4}", v))][k], "written_" + ["run", "chunks"][k], False
    n = len(v)
    if R.rng.random() < 0.3 and v[0].isalpha():
        ln = len(re.match(r"[A-Z]+", v).group())
        rest = v[ln:]
        z = R.zero
        letters = " ".join(letter_say(R, ch, R.rng.choice(["plain", "nato", "asin"])) for ch in v[:ln])
        digs = []
        p = 0
        while p < len(rest):
            digs.append(R.ww(pair_words(rest[p:p + 2], z)) if len(rest[p:p + 2]) == 2 else DW[int(rest[p])])
            p += 2
        return letters + R.sep() + join_groups(R, digs), "member_letters_pairs", True
    groups = []
    rem = n
    while rem > 0:
        g = min(rem, R.rng.choice([3, 3, 4]))
        groups.append(g)
        rem -= g
    return r_alnum(R, v, groups, "member")


def r_mrn(R, v, written_ok=True, agent=False):
    if written_ok and R.rng.random() < R.E["pw"]:
        if R.rng.random() < 0.3 and len(v) == 8 and v.isdigit():
            return v[:4] + "-" + v[4:], "written_dash", False
        return v, "written_run", False
    n = len(v)
    gs = {7: [3, 4], 8: [4, 4], 9: [3, 3, 3]}.get(n, [3, 3, 3])
    if R.rng.random() < 0.3:
        gs = [2] * (n // 2) + ([1] if n % 2 else [])
    if R.rng.random() < 0.2 and v.isdigit():
        z = R.zero
        return R.ww(join_groups(R, [pair_words(v[i:i + 2], z) if len(v[i:i + 2]) == 2 else DW[int(v[i])] for i in range(0, n, 2)])), "mrn_pairs", True
    return r_alnum(R, v, gs, "mrn")


def r_npi(R, v, written_ok=True, agent=False):
    if written_ok and R.rng.random() < R.E["pw"]:
        k = R.rng.randrange(3)
        return [v, "%s %s %s" % (v[:3], v[3:6], v[6:]), "%s-%s-%s" % (v[:3], v[3:6], v[6:])][k], "written_" + ["run", "space", "dash"][k], False
    z = R.zero
    k = R.rng.randrange(4)
    if k == 0:
        return join_groups(R, [digit_words(v[:3], z), digit_words(v[3:6], z), digit_words(v[6:], z)]), "digits_3_3_4", True
    if k == 1:
        return join_groups(R, [digit_words(v[:4], z), digit_words(v[4:7], z), digit_words(v[7:], z)]), "digits_4_3_3", True
    if k == 2:
        return R.ww(join_groups(R, [pair_words(v[i:i + 2], z) for i in range(0, 10, 2)])), "pairs", True
    return digit_words(v, z, True, R.rng), "digits_run_doubles", True


def r_card(R, v, written_ok=True, agent=False):
    n = len(v)
    gs = [4, 6, 5] if n == 15 else [4, 4, 4, 4]
    if written_ok and R.rng.random() < R.E["pw"]:
        k = R.rng.randrange(3)
        parts = []
        p = 0
        for g in gs:
            parts.append(v[p:p + g])
            p += g
        return [" ".join(parts), "-".join(parts), v][k], "written_" + ["space", "dash", "run"][k], False
    z = R.zero
    parts = []
    p = 0
    k = R.rng.randrange(4) if not R.elderly else 1
    for g in gs:
        ch = v[p:p + g]
        p += g
        if k == 1 and g == 4:
            parts.append(R.ww(quad_words(ch, z)))
        else:
            parts.append(digit_words(ch, z, k == 2, R.rng))
    if k == 3 and not agent:
        # reading off the card with a pause and re-start of one group
        t = join_groups(R, parts[:2]) + R.sep() + parts[2].split(" ")[0] + R.sep() + \
            R.rng.choice(["sorry", "hang on", "wait"]) + R.sep() + join_groups(R, parts[2:])
        return t, "groups_restart", True
    return join_groups(R, parts), ["groups_words", "groups_pairs", "groups_doubles", "groups_words"][k], True


def r_zip(R, v, written_ok=True, agent=False):
    if written_ok and R.rng.random() < R.E["pw"]:
        return v, "written_5", False
    z = R.zero
    k = R.rng.randrange(5)
    if k <= 1:
        return digit_words(v, z, False, R.rng, homo=not R.punct), "digits_5", True
    if k == 2:
        return R.ww(digit_words(v[:3], z) + " " + pair_words(v[3:], z)), "three_then_pair", True
    if k == 3:
        return R.ww(pair_words(v[:2], z) + R.sep() + triple_words(v[2:], z)), "pair_then_hundreds", True
    return digit_words(v, z, True, R.rng), "digits_doubles", True


def r_street(R, st, written_ok=True, agent=False):
    rng = R.rng
    if written_ok and rng.random() < R.E["pw"]:
        return street_written(st, rng), "written_" + ("unit" if st["unit"] else "plain"), False
    n = st["num"]
    z = R.zero
    k = rng.randrange(4) if not R.elderly else rng.choice([0, 2])
    if len(n) == 4:
        nw = [quad_words(n, z), digit_words(n, z), card_words(int(n)), digit_words(n[:2], z) + " " + pair_words(n[2:], z)][k]
        form = ["house_pairs", "house_digits", "house_cardinal", "house_digits_pair"][k]
    elif len(n) == 3:
        nw = [triple_words(n, z), digit_words(n, z), card_words(int(n)), triple_words(n, z)][k]
        form = ["house_hundreds", "house_digits", "house_cardinal", "house_hundreds"][k]
    else:
        nw = card_words(int(n))
        form = "house_cardinal"
    nw = R.ww(nw)
    pre = st["pre"]
    name = st["name"]
    suf = st["suf"][0]
    if not R.punct:
        pre, name, suf = pre.lower(), name.lower(), suf.lower()
    elif rng.random() < 0.25:
        suf = suf.lower()
    s = nw + " " + (pre + " " if pre else "") + name + " " + suf
    if st["unit"]:
        u = st["unit"]
        uw = u[0] if R.punct else u[0].lower()
        num = u[2]
        m = re.match(r"(\d+)([A-Z]?)$", num)
        nn = card_words(int(m.group(1))) if rng.random() < 0.6 else digit_words(m.group(1), z)
        if m.group(2):
            nn += " " + (m.group(2) if R.punct else m.group(2).lower())
        s += (", " if R.punct and rng.random() < 0.5 else " ") + uw + " " + nn
        form += "_unit"
    return s, form, True


def r_email(R, em, written_ok=True, agent=False):
    rng = R.rng
    local, dom = em
    if written_ok and rng.random() < R.E["pw"]:
        t = local + "@" + dom[0]
        if rng.random() < 0.15:
            t = t[0].upper() + t[1:]
        return t, "written", False
    if R.punct and rng.random() < 0.12:
        return local + " at " + dom[0], "mixed_local_written_at", True
    parts = re.split(r"([._])", local)
    words = []
    spell = rng.random() < 0.35
    spelled = False
    for p in parts:
        if p == ".":
            words.append("dot")
        elif p == "_":
            words.append("underscore")
        else:
            m = re.match(r"([a-z]+)(\d*)$", p)
            alpha, digs = m.group(1), m.group(2)
            if alpha:
                if spell and len(alpha) > 1 and rng.random() < 0.6:
                    spelled = True
                    if R.punct and rng.random() < 0.5:
                        words.append("-".join(alpha.upper()))
                    else:
                        words.append(" ".join(alpha))
                elif len(alpha) == 1:
                    words.append(alpha.upper() if R.punct and rng.random() < 0.5 else alpha)
                else:
                    words.append(alpha.capitalize() if R.punct and rng.random() < 0.3 else alpha)
            if digs:
                words.append(R.ww(pair_words(digs, R.zero)) if len(digs) == 2 and rng.random() < 0.6 else digit_words(digs, R.zero))
    if "." not in local and "_" not in local and rng.random() < 0.3:
        words.append("all one word")
    dw = rng.choice(dom[1])
    t = " ".join(words) + " at " + dw
    return t, "email_spoken" + ("_spelled" if spelled else ""), True


def r_name(R, nm, part="full", written_ok=True):
    first, last = nm
    if part == "first":
        t = first
    elif part == "last":
        t = last
    else:
        t = first + " " + last
    if not R.punct:
        t = t.lower()
    return t, "name_" + part + ("_lower" if not R.punct else ""), True


def r_spell(R, word):
    rng = R.rng
    W = word.upper().replace("-", "")
    k = rng.randrange(4)
    if k == 0:
        return ("-".join(W) if R.punct else " ".join(W.lower())), "spelled_letters", True
    if k == 1:
        return (" ".join(W) if R.punct else " ".join(W.lower())), "spelled_space", True
    if k == 2:
        toks = [letter_say(R, c, "asin") if i in (0, len(W) // 2) else (c if R.punct else c.lower())
                for i, c in enumerate(W)]
        return (", " if R.punct else " ").join(toks), "spelled_as_in_mixed", True
    toks = [letter_say(R, c, "nato") for c in W]
    return " ".join(toks), "spelled_nato", True


RENDER = {"PHONE": r_phone, "SSN": r_ssn, "DOB": r_dob, "MRN": r_mrn, "MBI": r_mbi,
          "CARD": r_card, "ZIP": r_zip, "STREET": r_street, "EMAIL": r_email, "NPI": r_npi,
          "MEMBER_ID": r_member}


def canon(ent, val):
    if ent == "STREET":
        s = val["num"] + " " + (val["pre"] + " " if val["pre"] else "") + val["name"] + " " + val["suf"][0]
        if val["unit"]:
            s += " " + val["unit"][0] + " " + val["unit"][2]
        return s
    if ent == "EMAIL":
        return val[0] + "@" + val[1][0]
    if ent == "NAME":
        return " ".join(val) if isinstance(val, tuple) else val
    return val


# --------------------------------------------------------------------------------------------
# how the value is asked for, announced, volunteered and read back
ASK = {
    "PHONE": ["What's the best phone number to reach you?", "And a callback number?",
              "Can I get a good number for you in case we get disconnected?",
              "What phone number do you want on file?", "And what's your cell number?",
              "Is there a phone number where the nurse can call you back?",
              "Okay, and your home phone?", "Best contact number for you?"],
    "SSN": ["Can you verify the last... actually I need the full social security number.",
            "What's your social security number?", "And your social?",
            "For the application I need your social security number, please.",
            "Could you give me the patient's social?"],
    "DOB": ["Can you verify your date of birth?", "And what's the date of birth?",
            "Okay, and the birthdate for that patient?", "Date of birth, please.",
            "Can I get your birthday, month, day and year?", "What's his date of birth?",
            "And her D.O.B.?", "For verification, your date of birth?"],
    "MRN": ["Do you have the medical record number?", "Can you read me the MRN off the form?",
            "What's the patient's medical record number?", "Do you have her chart number handy?",
            "Can I get the MRN from the top of the discharge paperwork?"],
    "MBI": ["Can I have the Medicare number off the red white and blue card?",
            "What's the Medicare beneficiary identifier?", "And the MBI, please?",
            "Do you have your new Medicare card? I need the number on it.",
            "Read me the Medicare ID, the one with letters and numbers."],
    "CARD": ["What's the card number?", "Go ahead with the long number on the front of the card.",
             "Okay, and the credit card number?", "Whenever you're ready, the card number.",
             "Can I get the debit card number?"],
    "ZIP": ["And the zip code?", "What zip code is that?", "Can you confirm your zip?",
            "Billing zip code for the card?", "What's the zip there?"],
    "STREET": ["What's the street address?", "And the address where the nurse will visit?",
               "What's your mailing address?", "Can you give me the home address?",
               "What address should we ship it to?", "Street address, please."],
    "EMAIL": ["What's your email address?", "Can I get an email for the portal invite?",
              "And the email on the account?", "What email should we send the forms to?",
              "Do you have an email address?"],
    "NPI": ["Do you have the prescriber's NPI?", "What's the doctor's NPI number?",
            "Can I get the referring provider's NPI?", "And the rendering provider NPI?",
            "I'll need the ordering physician's NPI."],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "Can I get your subscriber ID?",
                  "And the member number, please?", "What's the policy ID on the front of the card?",
                  "Can you read me the ID number on your insurance card?"],
}
SAME = {
    "PHONE": ["My number is {v}.", "You can call me at {v}.", "My cell is {v}.",
              "The best number is {v}.", "Yeah my phone number's {v}.", "Call my daughter, her number is {v}."],
    "SSN": ["My social is {v}.", "Social security number is {v}.", "Okay, my social, {v}.",
            "It's {v}, that's my social."],
    "DOB": ["My date of birth is {v}.", "I was born {v}.", "Birthday is {v}.",
            "Date of birth, {v}.", "Her birthday's {v}."],
    "MRN": ["The medical record number is {v}.", "It says MRN {v}.", "Her chart number is {v}.",
            "The MRN on the bracelet is {v}."],
    "MBI": ["My Medicare number is {v}.", "The Medicare ID is {v}.", "Okay the Medicare card says {v}."],
    "CARD": ["The card number is {v}.", "It's a Visa, {v}.", "Card number, {v}."],
    "ZIP": ["Zip code is {v}.", "And the zip is {v}.", "Zip, {v}."],
    "STREET": ["I live at {v}.", "My address is {v}.", "The address is {v}.",
               "Mailing address is {v}.", "We're at {v}."],
    "EMAIL": ["My email is {v}.", "The email address is {v}.", "Email's {v}."],
    "NPI": ["The NPI is {v}.", "Prescriber NPI, {v}.", "Her NPI number is {v}."],
    "MEMBER_ID": ["My member ID is {v}.", "The subscriber ID is {v}.", "Member number, {v}.",
                  "The ID on the card is {v}."],
}
AGENT_SAME = {  # agent names the type and reads what is on file
    "PHONE": "I have your phone number as {v}, is that still good?",
    "DOB": "I show a date of birth of {v}, correct?",
    "STREET": "Is your address still {v}?",
    "EMAIL": "I have the email {v} on file.",
    "ZIP": "And the zip code on file is {v}?",
    "MEMBER_ID": "I see member ID {v} here.",
    "NPI": "The NPI we have on file is {v}.",
    "MRN": "Pulling up MRN {v}.",
    "MBI": "The Medicare number I have is {v}.",
    "SSN": "The social on file is {v}?",
    "CARD": "The card on file is {v}, do you want to use that one?",
}
VAGUE_PROMPT = ["Okay, go ahead.", "Mm-hmm, I'm ready.", "Sure, whenever you're ready.",
                "Okay.", "Alright, go ahead.", "Uh-huh.", "I'm listening.", "Ready when you are."]
NONE_TAIL = {
    "PHONE": ["Oh, and {v}, in case we get cut off.", "{v}, you can reach me there after five.",
              "If anything comes up, {v}."],
    "SSN": ["{v}.", "Okay so, {v}."],
    "DOB": ["{v}.", "Um, {v}."],
    "MRN": ["{v}.", "It's, um, {v}."],
    "MBI": ["{v}.", "Okay, {v}."],
    "CARD": ["{v}.", "Okay, here it is, {v}."],
    "ZIP": ["{v}.", "Oh, and it's {v} there."],
    "STREET": ["We're over on {v}, the blue house.", "It's {v}, by the school."],
    "EMAIL": ["Just send it to {v}.", "You can put {v}, I check that every day."],
    "NPI": ["Okay, {v}.", "{v}."],
    "MEMBER_ID": ["{v}.", "Okay it's {v}."],
}
VAGUE_BEFORE = {  # an earlier request that does not name the type (for none-cue answers)
    "SSN": ["For the financial assistance form I need one more thing to verify it's you, the nine digit one.",
            "I just need the number the government gave you, the nine digits.",
            "And for the credit check part, the usual federal number."],
    "DOB": ["Before I go on, can you verify the patient for me?", "I need two identifiers before I can go on.",
            "Okay, and can you verify him for me?"],
    "MRN": ["Can you read me the number at the top of the discharge letter?",
            "There should be a number on her wristband, can you read that to me?",
            "On the after-visit summary, top right corner, there's a number."],
    "MBI": ["Can you read me what's on the red, white and blue card?",
            "Read me the letters and numbers off the government card, please."],
    "CARD": ["And how would you like to pay today?", "Okay, I can take a payment over the phone.",
             "Go ahead and grab your Visa or whatever you want to use."],
    "ZIP": ["And where is that?", "And where are you located, roughly?"],
    "NPI": ["Can you read me the ten-digit number under her name on the script?",
            "There's a ten digit provider number on the order form, can you read that off?"],
    "MEMBER_ID": ["Grab your insurance card and read me the long number on the front.",
                  "What does it say on the front of the card, under your name?"],
    "PHONE": ["How can the nurse reach you later?", "If we get cut off, how do I get back to you?"],
    "STREET": ["And where will the equipment be delivered?", "Where should the nurse go for the visit?"],
    "EMAIL": ["How do you want to get the forms, electronically?", "Where should I send the portal link?"],
}
BARE = ["{v}.", "{v}.", "Um, {v}.", "Yeah, it's {v}.", "It's {v}.", "Uh, {v}.", "Sure, {v}.",
        "{v}, I think.", "Okay, {v}.", "Let me see... {v}.", "Hang on, let me get my glasses. Okay. {v}.",
        "Oh gosh, um. {v}.", "I have it right here, {v}."]
READBACK = ["Okay, {v}?", "Let me read that back, {v}.", "I have {v}, is that right?",
            "So that's {v}?", "{v}, got it.", "Just to confirm, {v}.", "Perfect. {v}, correct?"]
CONFIRM = ["Yes.", "Yep.", "That's right.", "Mm-hmm.", "Correct.", "Yes ma'am.", "Yeah, that's it.",
           "Uh-huh, yes."]
LAST4_RB = {"PHONE": "The number ending in {v}?", "SSN": "Thank you, and that's ending in {v}?",
            "CARD": "Okay, the card ending in {v}."}


class Vals:
    """values of one record"""

    def __init__(self, rng):
        self.rng = rng
        self.area, self.zip = rng.choice(AREAS)
        self.name = name_parts(rng)
        self.made = {}

    def get(self, ent):
        if ent in self.made:
            return self.made[ent]
        rng = self.rng
        v = {"PHONE": lambda: gen_phone(rng, self.area if rng.random() < 0.7 else None),
             "SSN": lambda: gen_ssn(rng), "DOB": lambda: gen_dob(rng), "MRN": lambda: gen_mrn(rng),
             "MBI": lambda: gen_mbi(rng), "CARD": lambda: gen_card(rng),
             "ZIP": lambda: self.zip, "STREET": lambda: gen_street(rng),
             "EMAIL": lambda: gen_email(rng, *self.name), "NPI": lambda: gen_npi(rng),
             "MEMBER_ID": lambda: gen_member(rng)}[ent]()
        self.made[ent] = v
        return v


def V(R, ent, val, cue, who="C", written_ok=True):
    t, form, sp = RENDER[ent](R, val, written_ok=written_ok, agent=(who == "A"))
    if R.agent_ai and who == "A":
        # the voice agent's lines are LLM text: written values
        t, form, sp = written_form(ent, val, R.rng), "llm_" + "written", False
    return R.v(t, ent, cue, form, sp, canon(ent, val))


def written_form(ent, val, rng):
    if ent == "PHONE":
        return rng.choice(["(%s) %s-%s" % (val[:3], val[3:6], val[6:]), "%s-%s-%s" % (val[:3], val[3:6], val[6:])])
    if ent == "SSN":
        return "%s-%s-%s" % (val[:3], val[3:5], val[5:])
    if ent == "DOB":
        y, m, d = int(val[:4]), int(val[5:7]), int(val[8:])
        return rng.choice(["%s %d, %d" % (MONTHS[m - 1], d, y), "%02d/%02d/%04d" % (m, d, y)])
    if ent == "STREET":
        return street_written(val, rng)
    if ent == "EMAIL":
        return val[0] + "@" + val[1][0]
    if ent == "MBI":
        return rng.choice([val, "%s-%s-%s" % (val[:4], val[4:7], val[7:])])
    if ent == "CARD":
        return " ".join(val[i:i + 4] for i in range(0, len(val), 4)) if len(val) == 16 else "%s %s %s" % (val[:4], val[4:10], val[10:])
    if ent == "NAME":
        return " ".join(val)
    return val


def NM(R, nm, cue, part="full", who="C"):
    t, form, sp = r_name(R, nm, part)
    if R.agent_ai and who == "A":
        t = nm[0] if part == "first" else nm[1] if part == "last" else " ".join(nm)
        sp = True  # a name in a speech turn counts as spoken, even when the text is the LLM's
        form = "name_llm_" + part
    return R.v(t, "NAME", cue, form, sp, canon("NAME", " ".join(nm) if part == "full" else (nm[0] if part == "first" else nm[1])))


def clarify(R, ent, val):
    """'sorry, was that a B or a D?' -- a single letter is not labelled"""
    s = canon(ent, val).upper()
    letters = [c for c in s if c.isalpha() and c in CONFUSE]
    if not letters:
        return False
    L = R.rng.choice(letters)
    pair = [L, CONFUSE[L]]
    R.rng.shuffle(pair)
    art = lambda x: "an" if x in "AEFHILMNORSX" else "a"
    R.a(R.rng.choice(["Sorry, was that %s %s or %s %s?" % (art(pair[0]), pair[0], art(pair[1]), pair[1]),
                      "I'm sorry, %s or %s?" % (pair[0], pair[1]),
                      "Did you say %s or %s?" % (pair[0], pair[1])]))
    w = R.rng.choice(ASIN[L])
    wn = R.neg(w, "spelling_word") if w[0].isupper() else w
    R.c(R.rng.choice(["%s as in %s." % (L, wn), "%s. Like %s." % (L, wn), "%s, %s." % (L, NATO[L])]))
    return True


def old_value(R, ent, val):
    rng = R.rng
    for _ in range(20):
        if ent == "PHONE":
            o = gen_phone(rng)
        elif ent == "ZIP":
            o = rng.choice(AREAS)[1]
        elif ent == "STREET":
            o = gen_street(rng)
        else:
            first = rng.choice(FIRST)
            o = gen_email(rng, first, rng.choice(LAST))
        if canon(ent, o) != canon(ent, val):
            return o
    return o


def mutate(ent, val, rng):
    """a mis-heard read-back that is still a valid value of the type"""
    if ent == "PHONE":
        return val[:8] + "%02d" % ((int(val[8:]) + rng.randrange(1, 9)) % 100)
    if ent == "SSN":
        for _ in range(20):
            d = rng.randrange(5, 9)
            c = str((int(val[d]) + rng.randrange(1, 9)) % 10)
            s = val[:d] + c + val[d + 1:]
            if ssn_ok(s):
                return s
        return None
    if ent in ("ZIP",):
        return val[:4] + str((int(val[4]) + 1) % 10)
    if ent == "MRN":
        return val[:-1] + str((int(val[-1]) + 4) % 10)
    if ent == "MEMBER_ID":
        return val[:-2] + str((int(val[-2]) + 3) % 10) + val[-1]
    return None


def elicit(R, ent, val, cue):
    """a question/answer block for one value; may include read-back, repair, split."""
    rng = R.rng
    if cue == "same":
        if rng.random() < 0.25 and ent in AGENT_SAME:
            if rng.random() < 0.3 and ent in ("PHONE", "STREET", "EMAIL", "ZIP") and getattr(R, "allow_old", False):
                # the file has an outdated value (also the patient's PHI); the caller gives the new one
                old = old_value(R, ent, val)
                R.a(AGENT_SAME[ent].replace("{v}", V(R, ent, old, "same", "A")))
                R.c(rng.choice({"PHONE": ["No, that's my old number. ", "I don't have that phone anymore. "],
                                "STREET": ["Oh, no, we moved. ", "No, that's the old place. "],
                                "ZIP": ["No, we moved. ", "That's the old one. "],
                                "EMAIL": ["No, I don't use that one anymore. ", "That's old. "]}[ent]) +
                    rng.choice(SAME[ent]).replace("{v}", V(R, ent, val, "same")))
            else:
                R.a(AGENT_SAME[ent].replace("{v}", V(R, ent, val, "same", "A")))
                R.c(rng.choice(CONFIRM))
            return
        if rng.random() < 0.5:
            R.a(rng.choice(["Okay, what else would you like to update?", "Okay, and what else can I put down?",
                            "Alright, anything else I should have on the file?", rng.choice(ASK[ent])]))
        R.c(rng.choice(SAME[ent]).replace("{v}", V(R, ent, val, "same")))
        if rng.random() < 0.35:
            readback(R, ent, val)
        return
    if cue == "none":
        vb = VAGUE_BEFORE.get(ent)
        if vb and (rng.random() < 0.75 or ent not in ("PHONE", "STREET", "EMAIL", "ZIP")):
            R.a(rng.choice(vb))
            R.c(rng.choice(["Okay, hold on.", "Let me find it.", "One second, I have it here somewhere.",
                            "Sure, give me a sec."]))
            R.a(rng.choice(VAGUE_PROMPT))
            R.c(rng.choice(NONE_TAIL[ent]).replace("{v}", V(R, ent, val, "none")))
        else:
            R.a(rng.choice(["Is there anything else?", "Okay, I've made a note of that.",
                            "Alright, I'll send that over to the team.", "Got it."]))
            R.c(rng.choice(NONE_TAIL[ent]).replace("{v}", V(R, ent, val, "none")))
        if rng.random() < 0.5:
            readback(R, ent, val)
        return
    # prev
    R.a(rng.choice(ASK[ent]))
    if rng.random() < 0.15 and ent in ("PHONE", "CARD", "MEMBER_ID", "SSN", "MBI"):
        # the answer is split across turns with a back-channel
        c = canon(ent, val)
        cut = {"PHONE": 3, "CARD": 8 if len(c) == 16 else 4, "MEMBER_ID": len(c) // 2, "SSN": 5, "MBI": 4}[ent]
        p1, p2 = c[:cut], c[cut:]
        t1, _, s1 = _chunks(R, ent, p1)
        t2, _, s2 = _chunks(R, ent, p2)
        R.c(rng.choice(["Okay it's {v}", "{v}", "Um, {v}"]).replace("{v}", R.v(t1, ent, "prev", "split_part1", s1, c)))
        R.a(rng.choice(["Mm-hmm.", "Uh-huh.", "Okay.", "Yep, go on."]))
        R.c(rng.choice(["{v}.", "And then {v}.", "{v}, that's it."]).replace("{v}", R.v(t2, ent, "prev", "split_part2", s2, c)))
    elif rng.random() < 0.2 and ent in ("PHONE", "CARD", "MEMBER_ID", "SSN", "NPI", "MBI"):
        echo_block(R, ent, val)
        if R.last_role() == "A":
            R.c(rng.choice(CONFIRM[:3] + ["That's it.", "That's the whole thing."]))
        else:
            R.a(rng.choice(["Got it, thank you.", "Okay, thanks.", "Perfect."]))
        return
    else:
        R.c(rng.choice(BARE).replace("{v}", V(R, ent, val, "prev")))
    if ent in ("MBI", "MEMBER_ID", "EMAIL", "MRN") and rng.random() < 0.3:
        clarify(R, ent, val)
    elif ent in ("DOB", "STREET") and rng.random() < 0.5:
        teen_clarify(R, ent, val)
    if rng.random() < 0.5:
        readback(R, ent, val)


TEEN_TY = {13: 30, 14: 40, 15: 50, 16: 60, 17: 70, 18: 80, 19: 90}


def teen_clarify(R, ent, val):
    """'sorry, was that fifteen or fifty?' for the day of a date or a house number; the lone number
    is not labelled"""
    rng = R.rng
    if ent == "DOB":
        n = int(val[8:])
    elif ent == "STREET":
        n = int(val["num"]) % 100
    else:
        return False
    if n not in TEEN_TY:
        return False
    pair = [card_words(n), card_words(TEEN_TY[n])]
    rng.shuffle(pair)
    R.a("Sorry, was that %s or %s?" % tuple(pair))
    R.c(rng.choice(["%s. One %s." % (card_words(n).capitalize(), DW[n % 10]),
                    "%s, %s teen." % (card_words(n).capitalize(), {13: "thir", 15: "fif", 18: "eigh"}.get(n, DW[n % 10])),
                    "One %s, %s." % (DW[n % 10], card_words(n))]))
    return True


def echo_block(R, ent, val):
    """caller gives chunks, agent echoes each chunk back (telephone chunk-by-chunk)"""
    rng = R.rng
    c = canon(ent, val)
    cuts = {"PHONE": [3, 3, 4], "SSN": [3, 2, 4], "CARD": [4] * (len(c) // 4) if len(c) == 16 else [4, 6, 5],
            "MEMBER_ID": [3] * (len(c) // 3) + ([len(c) % 3] if len(c) % 3 else []),
            "NPI": [3, 3, 4], "MBI": [4, 3, 4]}[ent]
    pos = 0
    for i, g in enumerate(cuts):
        part = c[pos:pos + g]
        pos += g
        t1, _, s1 = _chunks(R, ent, part)
        R.c(("{v}" if i else rng.choice(["Okay, {v}", "{v}", "It's {v}"])).replace("{v}", R.v(t1, ent, "prev", "chunk_%d" % (i + 1), s1, c)))
        if i < len(cuts) - 1 or rng.random() < 0.5:
            t2, _, s2 = _chunks(R, ent, part)
            if R.agent_ai:
                t2, s2 = part, False
            R.a(rng.choice(["{v}.", "{v}...", "{v}, okay.", "Mm-hmm, {v}."]).replace("{v}", R.v(t2, ent, "prev", "echo_chunk_%d" % (i + 1), s2, c)))
    return True


def _chunks(R, ent, s):
    z = R.zero
    out = []
    digits_as_digits = R.punct and R.rng.random() < R.E["pw"] * 0.5
    for ch in s:
        out.append(ch if digits_as_digits and ch.isdigit() else (z if ch == "0" else DW[int(ch)]) if ch.isdigit()
                   else letter_say(R, ch, "plain"))
    sp = any(not x.isdigit() or len(x) > 1 for x in out if x)
    if digits_as_digits and all(x.isdigit() for x in out):
        return "".join(out), "split", False
    return " ".join(out), "split", sp


def readback(R, ent, val):
    rng = R.rng
    r = rng.random()
    if r < 0.22 and ent in LAST4_RB:
        c = canon(ent, val)
        t, form, sp = r_last4(R, c, ent)
        if R.agent_ai:
            t, sp, form = c[-4:], False, "last4_llm"
        R.a(LAST4_RB[ent].replace("{v}", R.v(t, ent, "prev", form, sp, c)))
        R.c(rng.choice(CONFIRM))
        return
    if r < 0.4:
        m = mutate(ent, val, rng)
        if m:
            mt, mf, ms = RENDER[ent](R, m, agent=True)
            if R.agent_ai:
                mt, mf, ms = written_form(ent, m, rng), "llm_written", False
            R.a(rng.choice(READBACK).replace("{v}", R.v(mt, ent, "prev", "readback_misheard_" + mf, ms, m)))
            t, form, sp = RENDER[ent](R, val)
            R.c(rng.choice(["No, {v}.", "Not quite. {v}.", "Uh no, it's {v}.", "No no, {v}."]).replace(
                "{v}", R.v(t, ent, "prev", "correction_" + form, sp, canon(ent, val))))
            R.a(rng.choice(["Sorry about that. Got it now.", "Okay, I've fixed it.", "Thank you, updated."]))
            return
    R.a(rng.choice(READBACK).replace("{v}", V(R, ent, val, "prev", "A")))
    R.c(rng.choice(CONFIRM))


# --------------------------------------------------------------------------------------------
# carrier dialogues (non-PHI talk around the values), screened
NUMW = set(DW[1:] + TEENS + TENS[2:] + ["hundred", "thousand", "oh", "zero"])
BANNED = set(m.lower() for m in MONTHS) | {"mr", "mrs", "ms", "miss", "mister", "missus", "dr", "sir",
                                           "madam", "ma'am", "born", "birthday", "address", "street",
                                           "avenue", "phone", "email", "social", "security", "zip",
                                           "medicare", "insurance", "card", "number", "called",
                                           "name", "named", "doctor", "nurse", "hospital", "clinic",
                                           "county", "city", "town", "christmas", "thanksgiving",
                                           "easter", "monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"} | \
    set(w.lower() for w in FIRST) | set(w.lower() for w in LAST)


def find_carrier_dir(arg):
    for d in [arg, os.environ.get("CARRIER_DIR"), os.path.join(HERE, "../../../../../shared/carrier-sources"),
              "/work/shared/carrier-sources"]:
        if d and os.path.isdir(d):
            return d
    sys.exit("carrier sources not found (--carrier-dir)")


def clean_primock(t):
    t = re.sub(r"<[^>]*>", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t


class Carriers:
    def __init__(self, d):
        mts_turns = []
        for f in sorted(glob.glob(os.path.join(d, "mts-dialog", "*.csv"))):
            with open(f, encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    turns = []
                    for line in row["dialogue"].split("\n"):
                        m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician)\s*:\s*(.*\S)?\s*$", line)
                        if m and m.group(2):
                            turns.append(("D" if m.group(1) in ("Doctor", "Guest_clinician") else "P", m.group(2)))
                    mts_turns.append(("mts", turns))
        # vocabulary: words written in lower case in MTS-Dialog at least 3 times (names are capitalised there)
        cnt = collections.Counter()
        for _, turns in mts_turns:
            for _, t in turns:
                for w in re.findall(r"[A-Za-z][A-Za-z']*", t):
                    if w.islower():
                        cnt[w] += 1
        self.vocab = set(w for w, c in cnt.items() if c >= 3)
        aci = []
        for f in sorted(glob.glob(os.path.join(d, "aci-bench", "*.csv"))):
            with open(f, encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    turns = []
                    for line in row["dialogue"].split("\n"):
                        m = re.match(r"\[(doctor|patient|patient_guest|guest)\]\s*(.*\S)", line.strip())
                        if m:
                            turns.append(("D" if m.group(1) == "doctor" else "P", m.group(2)))
                    aci.append(("aci", turns))
        prim = []
        for f in sorted(glob.glob(os.path.join(d, "primock57", "*_doctor.TextGrid"))):
            g = f.replace("_doctor.TextGrid", "_patient.TextGrid")
            if not os.path.exists(g):
                continue
            iv = []
            for path, role in ((f, "D"), (g, "P")):
                with open(path, encoding="utf-8") as fh:
                    txt = fh.read()
                for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                    t = clean_primock(m.group(2))
                    if t:
                        iv.append((float(m.group(1)), role, t))
            iv.sort()
            turns = []
            for _, role, t in iv:
                if turns and turns[-1][0] == role:
                    turns[-1] = (role, turns[-1][1] + " " + t)
                else:
                    turns.append((role, t))
            prim.append(("primock", turns))
        self.rejected = 0
        self.kept = 0
        self.snips = {"cased": [], "lower": []}
        for src, turns in mts_turns + prim:
            self._windows(src, turns, "cased")
        for src, turns in aci:
            self._windows(src, turns, "lower")

    def ok(self, t):
        if len(t) > 230 or len(t) < 8:
            return False
        if re.search(r"\d|[#@/$%&*_=+<>\[\]]", t):
            return False
        toks = re.findall(r"[A-Za-z][A-Za-z'\-]*", t)
        run = 0
        prev_end = True
        for m in re.finditer(r"([A-Za-z][A-Za-z'\-]*)|([.?!])", t):
            if m.group(2):
                prev_end = True
                continue
            w = m.group(1)
            lw = w.lower()
            parts = lw.split("-")
            if lw in BANNED or any(p in BANNED for p in parts):
                return False
            if not all(p.strip("'") in self.vocab or p in ("mm", "hmm", "uh", "um") for p in parts):
                return False
            if w[0].isupper() and not prev_end and w not in ("I", "I'm", "I've", "I'll", "I'd", "OK", "Okay"):
                return False
            prev_end = False
            if lw in NUMW:
                run += 1
                if run >= 3:
                    return False
            else:
                run = 0
        return len(toks) >= 2

    def _windows(self, src, turns, kind):
        i = 0
        while i < len(turns) - 1:
            n = 3 if (i % 3) else 2
            w = turns[i:i + n]
            if len(w) == n and all(w[k][0] != w[k + 1][0] for k in range(n - 1)):
                if all(self.ok(t) for _, t in w):
                    self.snips[kind].append((src, w))
                    self.kept += 1
                    i += n
                    continue
                self.rejected += 1
            i += 1


# --------------------------------------------------------------------------------------------
# hard negatives (labelled look-alikes)
def numw(R, n, rng=None):
    return hyph(card_words(n), R.rng) if R.punct else card_words(n)


def NEG(R, kind):
    rng = R.rng
    w = R.punct and (rng.random() < R.E["pw"] or R.agent_ai)
    if kind == "dose":
        n = rng.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 500, 1000])
        u = rng.choice(["milligrams", "mg"]) if w else "milligrams"
        t = ("%d %s" % (n, u)) if w else numw(R, n) + " " + u
        return ("A", rng.choice(["So that's the {n}, once a day?", "She's on the {n} twice daily.",
                                 "The dose went up to {n} last month."]).replace("{n}", R.neg(t, "dose")))
    if kind == "blood_pressure":
        s, d = rng.randrange(105, 175), rng.randrange(60, 100)
        t = "%d/%d" % (s, d) if w else numw(R, s) + " over " + numw(R, d)
        return ("C", rng.choice(["My pressure this morning was {n}.", "The machine said {n}, is that high?"]).replace("{n}", R.neg(t, "blood_pressure")))
    if kind == "time":
        h, m = rng.randrange(7, 12), rng.choice([0, 15, 30, 45])
        t = ("%d:%02d %s" % (h, m, rng.choice(["AM", "am", "PM"]))) if w else (numw(R, h) + ("" if m == 0 else " " + numw(R, m)) + " " + rng.choice(["in the morning", "a m", "o'clock"] if m == 0 else ["in the morning", "a m", "p m"]))
        return ("A", rng.choice(["We have an opening at {n}.", "Can you be here by {n}?", "The lab opens at {n}."]).replace("{n}", R.neg(t, "time")))
    if kind == "duration":
        n = rng.randrange(2, 15)
        if rng.random() < 0.35:
            unit = "minutes"
            line = rng.choice(["I was on hold for {n} last time.", "I waited {n} for the pharmacy to pick up."])
        else:
            unit = rng.choice(["days", "weeks", "months"])
            line = rng.choice(["It's been going on for {n} now.", "About {n}, maybe longer.", "I've had it for {n}."])
        t = ("%d %s" % (n, unit)) if w else numw(R, n) + " " + unit
        return ("C", line.replace("{n}", R.neg(t, "duration")))
    if kind == "money":
        d, c = rng.randrange(10, 400), rng.choice([0, 0, 25, 50, 99])
        t = ("$%d.%02d" % (d, c) if c else "$%d" % d) if w else numw(R, d) + " dollars" + ("" if not c else " and " + numw(R, c) + " cents")
        return ("A", rng.choice(["Your copay will be {n}.", "The balance on the account is {n}.", "There's a {n} charge for the visit."]).replace("{n}", R.neg(t, "money")))
    if kind == "room_number":
        n = rng.randrange(100, 900)
        t = str(n) if w else triple_words(str(n), "oh")
        return ("A", rng.choice(["She's in room {n} on the cardiac floor.", "Go to suite {n} on the second floor.", "Check in at window {n}."]).replace("{n}", R.neg(t, "room_number")))
    if kind == "count":
        n = rng.choice([30, 60, 90, 2, 3, 5])
        t = str(n) if w else numw(R, n)
        return ("A", rng.choice(["I can do a {n} day supply.", "You have {n} refills left.", "That's {n} tablets."]).replace("{n}", R.neg(t, "count")))
    if kind == "age":
        n = rng.randrange(2, 89)
        t = str(n) if w else numw(R, n)
        return ("C", rng.choice(["He's {n}, he doesn't drive anymore.", "She just turned {n}.", "My son is {n} years old."]).replace("{n}", R.neg(t, "age")))
    if kind == "appointment_date":
        m, d = rng.randrange(1, 13), rng.randrange(1, 29)
        t = ("%s %d" % (MONTHS[m - 1], d)) if w else ((MONTHS[m - 1] if R.punct else MONTHS[m - 1].lower()) + " " + ORD[d])
        return ("A", rng.choice(["The next available is {n}.", "I can put you in on {n} with the nurse practitioner.", "Your follow-up is {n}."]).replace("{n}", R.neg(t, "appointment_date")))
    if kind == "confirmation_number":
        L = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        n = rng.randrange(1000, 99999)
        t = ("%s%d" % (L, n)) if w else (letter_say(R, L, rng.choice(["plain", "asin"])) + " " + digit_words(str(n), "zero"))
        return ("A", rng.choice(["Your confirmation number is {n}.", "Your reference number for this call is {n}.", "I put in ticket {n} for you."]).replace("{n}", R.neg(t, "confirmation_number")))
    if kind == "order_number":
        n = rng.randrange(100000, 9999999)
        t = str(n) if w else digit_words(str(n), "zero")
        return ("A", rng.choice(["The order number is {n}.", "That's under order {n}.", "Rx number {n}."]).replace("{n}", R.neg(t, "order_number")))
    if kind == "menu_option":
        n = rng.randrange(1, 9)
        t = str(n) if w else DW[n]
        return ("A", rng.choice(["Next time you can press {n} to go straight to the pharmacy.", "If you get the recording, choose option {n}."]).replace("{n}", R.neg(t, "menu_option")))
    if kind == "emergency_number":
        t = "911" if w else "nine one one"
        return ("A", rng.choice(["If the chest pain comes back, call {n}.", "If you feel unsafe, hang up and dial {n}."]).replace("{n}", R.neg(t, "emergency_number")))
    if kind == "lab_value":
        a = rng.choice([("A1C", [6.1, 7.2, 8.4]), ("potassium", [3.9, 4.1, 5.2]), ("INR", [2.3, 1.8, 3.1]), ("TSH", [2.4, 0.8, 5.6])])
        x = rng.choice(a[1])
        t = str(x) if w else numw(R, int(x)) + " point " + DW[int(round(x * 10)) % 10]
        return ("A", ("Your %s came back at {n}." % (a[0] if R.punct else a[0].lower())).replace("{n}", R.neg(t, "lab_value")))
    if kind == "weight":
        n = rng.randrange(110, 260)
        t = ("%d pounds" % n) if w else numw(R, n) + " pounds"
        return ("C", rng.choice(["I'm about {n} right now.", "I was {n} at my last visit."]).replace("{n}", R.neg(t, "weight")))
    if kind == "height":
        f, i = rng.randrange(4, 7), rng.randrange(0, 12)
        t = ("%d foot %d" % (f, i)) if w else numw(R, f) + " foot " + numw(R, i)
        return ("C", "I'm {n}.".replace("{n}", R.neg(t, "height")))
    if kind == "vital_sign":
        n = rng.choice([72, 88, 96, 98, 101])
        t = str(n) if w else numw(R, n)
        return ("C", rng.choice(["My oxygen was {n} percent.", "Pulse was {n} on the cuff.", "Temperature was {n} last night."]).replace("{n}", R.neg(t, "vital_sign")))
    if kind == "year":
        y = rng.randrange(2009, 2026)
        t = str(y) if w else year_words(y, rng, short_ok=False)
        return ("C", rng.choice(["I had the surgery back in {n}.", "I've been with them since {n}."]).replace("{n}", R.neg(t, "year")))
    if kind == "common_word":
        wd = rng.choice(["will", "may", "bill", "hope", "mark", "grant"])
        line = {"will": "I {n} call you back tomorrow.", "may": "You {n} get a text from us.",
                "bill": "We'll {n} your insurance first.", "hope": "I {n} that helps.",
                "mark": "Let me {n} that as urgent.", "grant": "There's a {n} program for the copay."}[wd]
        return ("A", line.replace("{n}", R.neg(wd, "common_word")))
    raise KeyError(kind)


NEG_KINDS = ["dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
             "appointment_date", "confirmation_number", "order_number", "menu_option",
             "emergency_number", "lab_value", "weight", "height", "vital_sign", "year", "common_word"]

# --------------------------------------------------------------------------------------------
# scenarios
ORG_WORDS = ["Lakeside", "Riverbend", "Northgate", "Summit", "Bayview", "Cedar Hill", "Pinecrest",
             "Harborview", "Valley", "Westbrook", "Meadowlark", "Stonebridge", "Crescent", "Brookfield"]
SCEN = [
    # key, org pattern, opener, caller reason, entity weights, carrier prob, negatives
    ("front_desk", "{w} Family Medicine", ["Thank you for calling {org}, this is {agent}, how can I help you?",
                                           "{org}, {agent} speaking.", "Good morning, {org}, how may I help you?"],
     ["I need to reschedule my appointment.", "Yeah, I'm calling to make an appointment for my physical.",
      "I got a message to call back about my test results."],
     {"DOB": 2, "PHONE": 3, "EMAIL": 2, "STREET": 1, "ZIP": 1, "MEMBER_ID": 2, "MRN": 1, "CARD": 2}, 0.5,
     ["time", "appointment_date", "money", "common_word", "menu_option"]),
    ("pharmacy", "{w} Pharmacy", ["{org}, this is {agent}.", "Thanks for calling {org}, how can I help?"],
     ["I'm calling about a refill.", "Yeah, my prescription was supposed to be ready yesterday.",
      "This is the doctor's office calling about a prior authorization."],
     {"DOB": 3, "PHONE": 2, "NPI": 3, "MEMBER_ID": 2, "ZIP": 1, "CARD": 1, "STREET": 1}, 0.25,
     ["dose", "count", "order_number", "money", "menu_option", "duration"]),
    ("insurer", "{w} Health Plan", ["Thank you for calling {org} member services, my name is {agent}.",
                                    "{org}, this call may be recorded. How can I help?"],
     ["I have a question about a claim that got denied.", "I need to find out if my MRI is covered.",
      "I'm trying to get a new card mailed."],
     {"MEMBER_ID": 4, "DOB": 2, "MBI": 2, "SSN": 2, "STREET": 2, "ZIP": 2, "PHONE": 1, "EMAIL": 1}, 0.1,
     ["money", "confirmation_number", "menu_option", "year", "common_word"]),
    ("billing", "{w} Medical Center", ["{org} patient billing, this is {agent}.",
                                       "Thanks for calling {org} billing office."],
     ["I got a bill and I want to pay it over the phone.", "I think I was charged twice for my ER visit.",
      "I want to set up a payment plan."],
     {"CARD": 4, "ZIP": 3, "STREET": 2, "DOB": 2, "SSN": 2, "MRN": 2, "PHONE": 1, "EMAIL": 1}, 0.05,
     ["money", "confirmation_number", "appointment_date", "common_word"]),
    ("home_health", "{w} Home Health", ["{org}, intake, this is {agent}.", "Hi, {org}, how can I help you today?"],
     ["I'm calling to set up home nursing for my mother after her hip surgery.",
      "The hospital said you'd send a nurse out for my wound care."],
     {"STREET": 4, "ZIP": 2, "MBI": 3, "PHONE": 2, "DOB": 2, "MRN": 2, "NPI": 1}, 0.5,
     ["age", "time", "duration", "dose", "vital_sign", "weight"]),
    ("behavioral", "{w} Behavioral Health", ["{org}, this is {agent}, how can I help?",
                                              "Thank you for calling {org}."],
     ["I'm looking to get set up with a therapist.", "I need to book an intake for my son."],
     {"DOB": 2, "PHONE": 3, "EMAIL": 2, "MEMBER_ID": 2, "SSN": 1, "STREET": 1, "ZIP": 1, "CARD": 2}, 0.6,
     ["emergency_number", "duration", "age", "time", "money", "appointment_date"]),
    ("referral", "{w} Orthopedics", ["{org} referrals, this is {agent}.", "{org}, referral coordinator."],
     ["I'm calling from the primary care office to send over a referral.",
      "I'm following up on a referral for a knee consult."],
     {"NPI": 4, "MRN": 3, "DOB": 2, "PHONE": 2, "MEMBER_ID": 2, "MBI": 1}, 0.35,
     ["appointment_date", "order_number", "duration", "year"]),
    ("lab", "{w} Diagnostic Lab", ["{org} patient services, {agent} speaking.", "Thanks for calling {org}."],
     ["I'm calling about my blood work results.", "I need to know if I have to fast for my lab draw."],
     {"DOB": 2, "MRN": 3, "PHONE": 2, "NPI": 2, "ZIP": 1, "MEMBER_ID": 1, "EMAIL": 1, "CARD": 2}, 0.4,
     ["lab_value", "time", "duration", "order_number"]),
    ("imaging", "{w} Imaging Center", ["{org} scheduling, this is {agent}.", "{org}, how can I help you?"],
     ["I need to schedule a CT scan my doctor ordered.", "I'm calling to book my mammogram."],
     {"DOB": 2, "MRN": 2, "MEMBER_ID": 3, "NPI": 2, "PHONE": 2, "ZIP": 1, "STREET": 1, "EMAIL": 1, "CARD": 2}, 0.3,
     ["time", "appointment_date", "weight", "height", "room_number", "order_number"]),
    ("nurse_line", "{w} Nurse Advice Line", ["{org}, this is {agent}, I'm a registered nurse.",
                                              "You've reached the {org}."],
     ["I'm not feeling well and I don't know if I should go in.", "My daughter has had a fever since last night."],
     {"DOB": 3, "PHONE": 3, "STREET": 2, "ZIP": 2, "MEMBER_ID": 1, "MRN": 1}, 0.9,
     ["vital_sign", "blood_pressure", "duration", "emergency_number", "dose", "age"]),
    ("dme", "{w} Medical Supply", ["{org}, this is {agent}.", "Thank you for calling {org}."],
     ["I'm calling about my CPAP supplies.", "I need a new glucose meter, my doctor sent an order."],
     {"MBI": 3, "STREET": 3, "ZIP": 2, "NPI": 2, "PHONE": 2, "DOB": 2, "CARD": 1}, 0.2,
     ["order_number", "count", "money", "duration"]),
    ("hospital_unit", "{w} Hospital", ["{org}, fourth floor nurses' station, {agent}.", "{org} patient information."],
     ["I'm calling to check on my father, he was admitted last night.", "I'm trying to reach my wife's room."],
     {"MRN": 3, "DOB": 3, "PHONE": 2, "SSN": 1, "MEMBER_ID": 1}, 0.4,
     ["room_number", "time", "age", "vital_sign", "common_word"]),
    ("voice_ai", "{w} Health", ["Hi, thanks for calling {org}. I'm the virtual assistant. How can I help?",
                                 "Hello! You've reached {org}'s automated scheduling line. What can I do for you today?"],
     ["Yeah, I need to book an appointment.", "I want to cancel my appointment on Friday.", "Refill please."],
     {"DOB": 2, "PHONE": 3, "EMAIL": 2, "ZIP": 2, "MEMBER_ID": 2, "STREET": 1, "CARD": 3, "SSN": 1}, 0.2,
     ["time", "appointment_date", "menu_option", "count"]),
    ("specialist", "{w} Cardiology", ["{org}, this is {agent}.", "Good afternoon, {org}."],
     ["I'm calling for my mother, she has an appointment with the heart doctor.",
      "I was told to call and get my echo scheduled."],
     {"DOB": 2, "MRN": 2, "MBI": 2, "NPI": 2, "PHONE": 2, "MEMBER_ID": 2, "STREET": 1, "EMAIL": 1}, 0.6,
     ["blood_pressure", "dose", "lab_value", "appointment_date", "time"]),
]
ENT_NAMES = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "NPI", "MEMBER_ID"]


# --------------------------------------------------------------------------------------------
# one conversation
CUES = ["prev"] * 10 + ["same"] * 6 + ["none"] * 5


def pick_entities(rng, weights, counts, target, k):
    chosen = []
    pool = sorted(weights)
    for _ in range(k):
        ws = []
        for e in pool:
            if e in chosen:
                ws.append(0.0)
                continue
            deficit = max(0.05, (target - counts[e]) / float(target)) if counts[e] < target else 0.0005
            ws.append(weights[e] * deficit * deficit)
        if sum(ws) <= 0:
            break
        chosen.append(rng.choices(pool, ws)[0])
    return chosen


def title_for(rng):
    return rng.choice(["Mr.", "Ms.", "Mrs.", "Miss"])


FEMALE = {"Dana", "Maria", "Aisha", "Mei", "Priya", "Olga", "Fatima", "Grace", "Ngozi", "Ana", "Linh",
          "Keisha", "Ingrid", "Sofia", "Eun-ji", "Leticia", "Chiara", "Rosa", "Thandiwe", "Siobhan", "Hana",
          "Elena", "Ayesha", "Nadia", "Lucia", "Svetlana", "Carmen", "Beatriz", "Deborah", "Gloria", "Shanice",
          "Yolanda", "Fiona", "Renee", "Lakshmi", "Zainab", "Dolores", "Mildred", "Zoë", "Renée"}


def title_of(rng, first):
    if first in FEMALE:
        return rng.choice(["Ms.", "Mrs.", "Miss", "Ms."])
    if first in ("Wei", "Jun", "Linh", "Dana"):
        return rng.choice(["Mr.", "Ms."])
    return "Mr."


def name_block(R, nm, cue, caller_is_patient=True):
    rng = R.rng
    if cue == "same":
        R.c(rng.choice(["My name is {v}.", "This is {v}.", "Yes, it's {v}, I'm the patient.",
                        "The patient's name is {v}."]).replace("{v}", NM(R, nm, "same")))
    else:
        R.a(rng.choice(["Can I have the patient's first and last name?", "Who am I speaking with?",
                        "And your name, please?", "What's the patient's full name?",
                        "Can I get your first and last name?"]))
        R.c(rng.choice(["{v}.", "Um, {v}.", "Yeah, {v}.", "{v}, that's me."]).replace("{v}", NM(R, nm, "prev")))
    if rng.random() < 0.5:
        R.a(rng.choice(["Can you spell the last name for me?", "And how do you spell that last name?",
                        "Spell the last name, please."]))
        t, form, sp = r_spell(R, nm[1])
        R.c(rng.choice(["{v}.", "Sure, {v}.", "It's {v}."]).replace("{v}", R.v(t, "NAME", "prev", form, sp, nm[1])))
        if rng.random() < 0.3:
            clarify(R, "NAME", nm[1])
    if rng.random() < 0.5:
        if rng.random() < 0.5:
            R.a(rng.choice(["Thank you, %s {v}." % title_of(rng, nm[0]), "Okay, %s {v}, one moment." % title_of(rng, nm[0])]).replace(
                "{v}", NM(R, nm, "prev", "last", "A")))
        else:
            R.a(rng.choice(["Thanks, {v}.", "Okay {v}, let me pull you up."]).replace("{v}", NM(R, nm, "prev", "first", "A")))


def build_dialogue(rng, engine, scen, counts, carriers, name_budget):
    key, orgp, openers, reasons, weights, pcar, negs = scen
    elderly = rng.random() < 0.2
    R = Rec(rng, engine, elderly)
    R.scen = key
    vals = Vals(rng)
    org = orgp.replace("{w}", rng.choice(ORG_WORDS))
    k = rng.choice([2, 2, 3, 3, 3, 4, 5])
    use_name = rng.random() < name_budget
    ents = pick_entities(rng, weights, counts, 88, k - (1 if use_name else 0) if k > 2 or not use_name else 2)
    R.allow_old = len(ents) + (1 if use_name else 0) <= 3
    # opener
    op = rng.choice(openers)
    if "{agent}" in op:
        if rng.random() < 0.45 and not R.agent_ai and len(ents) + (1 if use_name else 0) < 5:
            ag = name_parts(rng)
            op = op.replace("{agent}", NM(R, ag, "same", "first", "A"))
        else:
            op = re.sub(r",? (this is|my name is) \{agent\}", "", op)
            op = re.sub(r",? \{agent\}( speaking)?", "", op)
    R.a(op.replace("{org}", org))
    reason = rng.choice(reasons)
    volunteered = []
    name_done = False
    if use_name and rng.random() < 0.3:
        # volunteered identity at the top of the call
        extra = ""
        if "DOB" in ents and rng.random() < 0.6:
            extra = ", " + V(R, "DOB", vals.get("DOB"), "none")
            volunteered.append("DOB")
        R.c(rng.choice(["Yes, {n}{x}. {r}", "Yeah hi. {n}{x}. {r}", "Hello, um, {n}{x}, {r}"]).replace(
            "{n}", NM(R, vals.name, "none")).replace("{x}", extra).replace("{r}", reason))
        name_done = True
    else:
        pre = rng.choice(["Hi, ", "Yes, hi. ", "Hi there. ", "Um, hi, ", "", ""])
        R.c(pre + (reason[0].lower() + reason[1:] if pre.endswith(", ") and not reason.startswith("I") else reason))
    blocks = []
    if use_name and not name_done:
        blocks.append(("NAME", None))
    for e in ents:
        if e not in volunteered:
            blocks.append((e, vals.get(e)))
    # identity fields first, then the rest in a mildly shuffled order
    front = [b for b in blocks if b[0] in ("NAME", "DOB")]
    rest = [b for b in blocks if b[0] not in ("NAME", "DOB")]
    rng.shuffle(rest)
    blocks = front + rest
    car = None
    if rng.random() < pcar:
        pool = carriers.snips["lower" if not R.punct and rng.random() < 0.7 else "cased"]
        car = rng.choice(pool)
    negk = rng.sample(negs, min(len(negs), rng.choice([1, 2, 2, 3])))
    if rng.random() < 0.3:
        negk.append(rng.choice(NEG_KINDS))
    pos_car = rng.randrange(0, len(blocks) + 1)
    neg_pos = [rng.randrange(0, len(blocks) + 1) for _ in negk]
    for i in range(len(blocks) + 1):
        if car and i == pos_car:
            if key not in ("nurse_line", "home_health", "behavioral", "specialist"):
                R.a(rng.choice(["While I have you, the nurse wanted me to ask a couple of questions.",
                                "Before we go on, can I ask how you've been feeling?",
                                "Okay. And can you tell me a little about what's going on?"]))
            for role, t in car[1]:
                R.lines.append(("A" if role == "D" else "C", R.plain(t if R.punct else t.lower())))
        for j, kk in enumerate(negk):
            if neg_pos[j] == i:
                role, line = NEG(R, kk)
                R.lines.append((role, R.plain(line)))
        if i < len(blocks):
            e, val = blocks[i]
            if e == "NAME":
                name_block(R, vals.name, rng.choice(["prev", "prev", "same"]))
            else:
                elicit(R, e, val, rng.choice(CUES))
    # provider name in referral-ish calls
    nvals = len(set(a["value"] for a in R.anns if "entity" in a and "misheard" not in a["form"] and a["entity"] != "NAME")) + \
        len(set(a["value"].split()[-1] for a in R.anns if a.get("entity") == "NAME"))
    if key in ("referral", "pharmacy", "specialist", "imaging") and rng.random() < 0.4 and nvals < 5:
        dr = name_parts(rng)
        R.c(rng.choice(["It was ordered by Dr. {v}.", "The referring doctor is Dr. {v}.", "She sees Dr. {v} for that."]).replace(
            "{v}", NM(R, dr, "same", rng.choice(["last", "full"]))))
    R.a(rng.choice(["Okay, you're all set. Is there anything else I can help with?",
                    "Alright, I've got everything I need.", "Perfect, that's all done for you.",
                    "Okay, I'll get that taken care of today."]))
    R.c(rng.choice(["No, that's it. Thank you so much.", "That's all, thanks.", "Great, thank you, bye.",
                    "Okay. Thanks, bye-bye."]))
    if rng.random() < 0.5:
        R.a(rng.choice(["You're welcome, have a good day.", "Take care.", "Bye now."]))
    return R, vals, ents, car, org, reason


# --------------------------------------------------------------------------------------------
# serialisation and offsets
def extract(marked, anns):
    """remove markers; return text, spans, negatives with byte offsets"""
    out = []
    spans, negs = [], []
    pos = 0
    blen = 0
    for m in MARK.finditer(marked):
        pre = marked[pos:m.start()]
        out.append(pre)
        blen += len(pre.encode("utf-8"))
        inner = m.group(2)
        st = blen
        out.append(inner)
        blen += len(inner.encode("utf-8"))
        a = anns[int(m.group(1))]
        if "what" in a:
            negs.append({"start": st, "end": blen, "what": a["what"]})
        else:
            d = {"start": st, "end": blen, "entity": a["entity"], "spoken": a["spoken"], "cue": a["cue"],
                 "form": a["form"], "value": a["value"]}
            spans.append(d)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans, negs


def ts(sec):
    return "[%02d:%02d:%02d] " % (sec // 3600, (sec % 3600) // 60, sec % 60)


LABEL_FIT = {"[doctor]": ("nurse_line", "specialist"),
             "[nurse]": ("nurse_line", "home_health", "hospital_unit", "specialist", "lab"),
             "Nurse:": ("nurse_line", "home_health", "hospital_unit", "specialist", "lab"),
             "Pharmacist:": ("pharmacy",), "Clinician:": ("behavioral",),
             "Front desk:": ("front_desk", "imaging", "lab", "specialist", "referral"),
             "Rep:": ("insurer", "billing", "dme")}


def render_transcript(R, rng):
    fit = [l for l in R.E["labels"] if R.scen in LABEL_FIT.get(l[0], (R.scen,))]
    labs = rng.choice(fit or [("Agent:", "Caller:")])
    stamps = rng.random() < 0.3
    sec = rng.randrange(0, 20)
    out = []
    for role, t in R.lines:
        lab = labs[0] if role == "A" else labs[1]
        pre = ts(sec) if stamps else ""
        out.append(pre + lab + " " + t)
        sec += rng.randrange(2, 14)
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# vendor payloads
def uid(rng):
    return "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                           0x8000 | rng.getrandbits(14), rng.getrandbits(48))


def rid(rng, n=32):
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(al) for _ in range(n))


def iso(rng, base):
    return base.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000)


def wv(R, ent, val, cue, form="llm_written"):
    return R.v(written_form(ent, val, R.rng), ent, cue, form, False, canon(ent, val))


TOPIC = {"front_desk": ["rescheduling an appointment", "a new patient appointment", "test results"],
         "pharmacy": ["a prescription refill", "a delayed prescription", "a prior authorization"],
         "insurer": ["a denied claim", "coverage for imaging", "a replacement ID card"],
         "billing": ["a statement balance", "a duplicate charge", "a payment plan"],
         "home_health": ["home nursing after surgery", "wound care visits"],
         "behavioral": ["a therapy intake", "counseling services"],
         "referral": ["an orthopedic referral", "a knee consult referral"],
         "lab": ["lab results", "fasting instructions for a blood draw"],
         "imaging": ["scheduling a CT scan", "a screening mammogram"],
         "nurse_line": ["symptoms and whether to be seen", "a child's fever"],
         "dme": ["CPAP supplies", "a glucose meter order"],
         "hospital_unit": ["an admitted family member", "reaching a patient room"],
         "voice_ai": ["an appointment", "a refill request", "cancelling an appointment"],
         "specialist": ["a cardiology appointment", "scheduling an echocardiogram"]}


def summary(R, vals, ents, reason):
    """LLM-written call summary with written values"""
    rng = R.rng
    full = " ".join(vals.name)
    named = any(a.get("entity") == "NAME" and a.get("value") == full for a in R.anns)
    topic = rng.choice(TOPIC.get(getattr(R, "scen", ""), ["a general question"]))
    lab = {"DOB": "DOB", "PHONE": "callback number", "EMAIL": "email", "STREET": "address",
           "ZIP": "ZIP", "MEMBER_ID": "member ID", "MBI": "Medicare ID", "NPI": "prescriber NPI",
           "MRN": "MRN", "SSN": "SSN", "CARD": "card"}
    facts = []
    for e in ents:
        if e in ("CARD", "SSN"):
            continue  # summaries usually leave these out
        if rng.random() < 0.6:
            facts.append((e, wv(R, e, vals.get(e), "same")))
    k = rng.randrange(3)
    if k == 0:
        who = ("Caller " + R.v(full, "NAME", "same", "name_summary_role", False, full)) if named else "The caller"
        out = "%s called about %s." % (who, topic)
        if facts:
            out += " Verified " + ", ".join("%s %s" % (lab[e], v) for e, v in facts) + "."
    elif k == 1:
        who = R.v(full, "NAME", "none", "name_summary", False, full) if named else "The patient"
        dob = [v for e, v in facts if e == "DOB"]
        rest = [(e, v) for e, v in facts if e != "DOB"]
        out = "%s%s contacted the office regarding %s." % (who, " (DOB %s)" % dob[0] if dob else "", topic)
        if rest:
            out += " The assistant confirmed the " + " and the ".join("%s (%s)" % (lab[e], v) for e, v in rest) + "."
    else:
        out = "Summary: call regarding %s." % topic
        if named:
            out += " Patient: " + R.v(full, "NAME", "same", "name_summary_field", False, full) + "."
        for e, v in facts:
            out += " %s: %s." % (lab[e][0].upper() + lab[e][1:], v)
    out += " " + rng.choice(["No follow-up needed.", "Follow-up call scheduled.", "Request forwarded to staff.",
                             "Caller was satisfied with the outcome."])
    return out


def structured(R, vals, ents):
    d = {}
    keys = {"DOB": "dateOfBirth", "PHONE": "callbackNumber", "EMAIL": "email", "STREET": "streetAddress",
            "ZIP": "zipCode", "MEMBER_ID": "memberId", "MBI": "medicareId", "NPI": "providerNpi", "MRN": "mrn"}
    if any(a.get("entity") == "NAME" and a.get("value") == " ".join(vals.name) for a in R.anns):
        d["patientName"] = R.v(" ".join(vals.name), "NAME", "same", "json_field", False, " ".join(vals.name))
    for e in ents:
        if e in keys and R.rng.random() < 0.55:
            val = vals.get(e)
            if e == "DOB":
                t = val
            elif e == "PHONE":
                t = "+1" + val
            else:
                t = written_form(e, val, R.rng)
            d[keys[e]] = R.v(t, e, "same", "json_field", False, canon(e, val))
    d["appointmentRequested"] = R.rng.random() < 0.5
    return d


def payload_vapi(R, rng, vals, ents, reason, lines):
    base = datetime.datetime(2026, 11, 1) + datetime.timedelta(minutes=rng.randrange(0, 40000))
    tr = "\n".join(("AI: " if r == "A" else "User: ") + t for r, t in lines)
    msgs = [{"role": "system", "message": "You are a friendly scheduling assistant for a medical practice. Verify identity before discussing appointments.",
             "time": int(base.timestamp() * 1000), "secondsFromStart": 0}]
    t0 = 0.6
    for r, t in lines:
        d = round(rng.uniform(1.5, 7.5), 2)
        msgs.append({"role": "bot" if r == "A" else "user", "message": t, "time": int(base.timestamp() * 1000 + t0 * 1000),
                     "endTime": int(base.timestamp() * 1000 + (t0 + d) * 1000), "secondsFromStart": round(t0, 2),
                     "duration": int(d * 1000)})
        t0 += d + rng.uniform(0.3, 1.5)
    summ = summary(R, vals, ents, reason)
    call = {"id": uid(rng), "orgId": uid(rng), "createdAt": iso(rng, base), "updatedAt": iso(rng, base),
            "type": "inboundPhoneCall" if "PHONE" in ents else "webCall", "status": "ended",
            "assistantId": uid(rng)}
    if "PHONE" in ents:
        call["phoneNumberId"] = uid(rng)
        call["customer"] = {"number": R.v("+1" + vals.get("PHONE"), "PHONE", "same", "e164_field", False, vals.get("PHONE"))}
    msg = {"timestamp": int(base.timestamp() * 1000 + t0 * 1000), "type": "end-of-call-report",
           "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]), "call": call,
           "artifact": {"transcript": tr, "messages": msgs,
                        "recordingUrl": "https://storage.vapi.ai/%s-%d-mono.wav" % (call["id"], rng.randrange(10 ** 12, 10 ** 13))},
           "analysis": {"summary": summ, "structuredData": structured(R, vals, ents), "successEvaluation": "true"},
           "startedAt": iso(rng, base), "endedAt": iso(rng, base + datetime.timedelta(seconds=int(t0))),
           "cost": round(rng.uniform(0.05, 0.6), 4),
           "costBreakdown": {"transport": 0, "stt": round(rng.uniform(0.005, 0.05), 4), "llm": round(rng.uniform(0.01, 0.2), 4),
                             "tts": round(rng.uniform(0.01, 0.1), 4), "vapi": round(rng.uniform(0.02, 0.1), 4)},
           "durationSeconds": round(t0, 3)}
    return {"message": msg}


def payload_retell(R, rng, vals, ents, reason, lines):
    base = datetime.datetime(2026, 11, 1) + datetime.timedelta(minutes=rng.randrange(0, 40000))
    st = int(base.timestamp() * 1000)
    tobj = []
    t0 = 0.5
    for r, t in lines:
        d = round(rng.uniform(1.5, 7.0), 3)
        tobj.append({"role": "agent" if r == "A" else "user", "content": t,
                     "words": [] if rng.random() < 0.7 else [{"word": "mm-hmm" if r == "C" else "okay", "start": round(t0, 3), "end": round(t0 + 0.4, 3)}]})
        t0 += d
    call = {"call_type": "phone_call" if "PHONE" in ents else "web_call", "call_id": rid(rng),
            "agent_id": "agent_" + rid(rng, 24), "call_status": "ended",
            "start_timestamp": st, "end_timestamp": st + int(t0 * 1000),
            "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
            "transcript": "\n".join(("Agent: " if r == "A" else "User: ") + t for r, t in lines),
            "transcript_object": tobj,
            "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % rid(rng, 24),
            "public_log_url": "https://dxc03zgurdly9.cloudfront.net/%s/public.log" % rid(rng, 24),
            "call_analysis": {"call_summary": summary(R, vals, ents, reason),
                              "user_sentiment": rng.choice(["Positive", "Neutral"]),
                              "call_successful": True, "in_voicemail": False,
                              "custom_analysis_data": structured(R, vals, ents)},
            "opt_out_sensitive_data_storage": False}
    if "PHONE" in ents:
        call["direction"] = "inbound"
        call["from_number"] = R.v("+1" + vals.get("PHONE"), "PHONE", "same", "e164_field", False, vals.get("PHONE"))
        call["to_number"] = R.neg("+1%s5550100" % rng.choice(["800", "888", "877"]), "org_phone_number")
    return {"event": "call_analyzed", "call": call}


def payload_signalwire(R, rng, vals, ents, reason, lines):
    base = datetime.datetime(2026, 11, 1) + datetime.timedelta(minutes=rng.randrange(0, 40000))
    st = int(base.timestamp() * 1000000)
    log = [{"role": "system", "content": "You are a helpful assistant for a clinic. Collect the caller's details.",
            "timestamp": st}]
    t = st
    for r, x in lines:
        t += rng.randrange(1500000, 7000000)
        log.append({"role": "assistant" if r == "A" else "user", "content": x, "timestamp": t,
                    "latency": rng.randrange(300, 1400) if r == "A" else None})
    for m in log:
        if m.get("latency") is None:
            m.pop("latency", None)
    summ = summary(R, vals, ents, reason)
    d = {"app_name": "swml app", "ai_session_id": uid(rng), "call_id": uid(rng), "project_id": uid(rng),
         "space_id": uid(rng), "conversation_id": uid(rng), "call_start_date": st, "call_end_date": t,
         "call_log": log, "post_prompt_data": {"raw": summ, "substituted": summ.replace("The caller", "Caller")},
         "SWMLVars": {"direction": "inbound", "org": "clinic", "language": "en-US"},
         "total_input_tokens": rng.randrange(1000, 9000), "total_output_tokens": rng.randrange(100, 900)}
    if "PHONE" in ents:
        d["caller_id_num"] = R.v("+1" + vals.get("PHONE"), "PHONE", "same", "e164_field", False, vals.get("PHONE"))
    return d


def payload_deepgram(R, rng, vals, ents, reason, lines):
    dur = 0.0
    utts = []
    paras = []
    for r, x in lines:
        d = round(rng.uniform(1.5, 8.0), 3)
        spk = 0 if r == "A" else 1
        utts.append({"start": round(dur, 3), "end": round(dur + d, 3), "confidence": round(rng.uniform(0.82, 0.99), 6),
                     "channel": 0, "transcript": x, "words": [], "speaker": spk, "id": uid(rng)})
        paras.append("Speaker %d: %s" % (spk, x))
        dur += d + rng.uniform(0.2, 1.0)
    mid = uid(rng)
    model = rng.choice([("2-general-nova", "2024-01-09.29447", "nova-2"), ("nova-3-general", "2025-04-17.21547", "nova-3"),
                        ("2-medical-nova", "2024-03-12.18765", "nova-2")])
    d = {"metadata": {"transaction_key": "deprecated", "request_id": uid(rng),
                      "sha256": "%064x" % rng.getrandbits(256), "created": iso(rng, datetime.datetime(2026, 11, 1) + datetime.timedelta(minutes=rng.randrange(40000))),
                      "duration": round(dur, 5), "channels": 1, "models": [mid],
                      "model_info": {mid: {"name": model[0], "version": R.neg(model[1], "version"), "arch": model[2]}}},
         "results": {"channels": [{"alternatives": [{"transcript": " ".join(x for _, x in lines),
                                                     "confidence": round(rng.uniform(0.9, 0.99), 6), "words": [],
                                                     "paragraphs": {"transcript": "\n" + "\n\n".join(paras) + "\n"}}]}],
                     "utterances": utts}}
    return d


def payload_transcribe(R, rng, vals, ents, reason, lines):
    segs = []
    t = 0.0
    for i, (r, x) in enumerate(lines):
        d = rng.uniform(1.5, 8.0)
        segs.append({"id": i, "transcript": x, "start_time": "%.3f" % t, "end_time": "%.3f" % (t + d),
                     "speaker_label": "spk_0" if r == "A" else "spk_1", "items": []})
        t += d + rng.uniform(0.2, 1.0)
    return {"jobName": "call-%s" % rid(rng, 12).lower(), "accountId": R.neg("%012d" % rng.randrange(10 ** 11, 10 ** 12), "account_id"),
            "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": " ".join(x for _, x in lines)}],
                        "speaker_labels": {"speakers": 2, "channel_label": "ch_0", "segments": []},
                        "items": [], "audio_segments": segs}}


PROFILES = {"vapi": ("voiceai", payload_vapi), "retell": ("voiceai", payload_retell),
            "signalwire": ("voiceai", payload_signalwire),
            "deepgram": (None, payload_deepgram), "transcribe": ("transcribe", payload_transcribe)}


# --------------------------------------------------------------------------------------------
# corpus
def generate(seed, n, carrier_dir):
    rng = random.Random(seed)
    carriers = Carriers(find_carrier_dir(carrier_dir))
    counts = collections.Counter()
    records = []
    n_json = int(round(n * 40 / 150.0))
    n_tr = n - n_json
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    plan = [("transcript", None)] * n_tr + [("json", profiles[i % 5]) for i in range(n_json)]
    rng.shuffle(plan)
    tr_engines = ["aci_raw", "deepgram_raw", "deepgram_sf", "whisper", "transcribe", "google", "azure", "voiceai"]
    for i, (fmt, prof) in enumerate(plan):
        for attempt in range(50):
            sub = random.Random("%d-%d-%d" % (seed, i, attempt))
            total = sum(counts.values()) or 1
            name_budget = 0.55 if counts["NAME"] < 0.2 * total else 0.15
            if fmt == "transcript":
                engine = sub.choice(tr_engines)
                scen = sub.choice([s for s in SCEN if (s[0] == "voice_ai") == (engine == "voiceai")] if sub.random() < 0.9 else SCEN)
                R, vals, ents, car, org, reason = build_dialogue(sub, engine, scen, counts, carriers, name_budget)
                if not (8 <= len(R.lines) <= 40):
                    continue
                marked = render_transcript(R, sub)
                kind = "transcript_%s_%s" % (scen[0], engine)
            else:
                engine = PROFILES[prof][0] or sub.choice(["deepgram_sf", "deepgram_sf", "deepgram_raw"])
                scen = sub.choice([s for s in SCEN if s[0] in ("voice_ai", "front_desk", "pharmacy", "lab", "imaging", "insurer", "dme")]) \
                    if prof in ("vapi", "retell", "signalwire") else sub.choice(SCEN)
                R, vals, ents, car, org, reason = build_dialogue(sub, engine, scen, counts, carriers, name_budget)
                if not (6 <= len(R.lines) <= 34):
                    continue
                obj = PROFILES[prof][1](R, sub, vals, ents, reason, R.lines)
                marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
                kind = "json_%s_%s" % (prof, scen[0])
            text, spans, negs = extract(marked, R.anns)
            if not spans:
                continue
            break
        rec = {"id": "h12-%05d" % (i + 1), "format": fmt}
        if prof:
            rec["profile"] = prof
        rec["kind"] = kind
        rec["engine"] = engine
        if car:
            rec["carrier"] = {"mts": "MTS-Dialog", "aci": "ACI-bench", "primock": "PriMock57"}[car[0]]
        rec["text"] = text
        rec["spans"] = spans
        rec["negatives"] = negs
        for s in spans:
            counts[s["entity"]] += 1
        records.append(rec)
    return records, carriers


# --------------------------------------------------------------------------------------------
# validation
LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_]+\]|[A-Za-z][A-Za-z _\-]*\d?:|spk_\d:|ch_\d:|Speaker \d:|Channel \d:|Guest-\d:) \S")


def string_ranges(b):
    """byte ranges of JSON string tokens (contents only) in a compact JSON line"""
    out = []
    i = 0
    n = len(b)
    while i < n:
        if b[i] == 0x22:
            j = i + 1
            while b[j] != 0x22:
                j += 2 if b[j] == 0x5C else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def value_ok(ent, v):
    if ent == "PHONE":
        return bool(re.match(r"^\d{3}55501\d\d$", v)) and v[0] not in "01"
    if ent == "SSN":
        return ssn_ok(v)
    if ent == "DOB":
        try:
            d = datetime.date(int(v[:4]), int(v[5:7]), int(v[8:]))
        except ValueError:
            return False
        return 1920 <= d.year <= 2010
    if ent == "MBI":
        return bool(MBI_RE.match(v))
    if ent == "CARD":
        return luhn_ok(v) and ((len(v) == 16 and v[0] in "456") or (len(v) == 15 and v[:2] in ("34", "37")))
    if ent == "NPI":
        return npi_ok(v)
    if ent == "ZIP":
        return bool(re.match(r"^\d{5}$", v))
    if ent == "MEMBER_ID":
        return bool(re.match(r"^[A-Z0-9]{9,13}$", v))
    if ent == "MRN":
        return bool(re.match(r"^[A-Z]?\d{7,9}$", v))
    if ent == "EMAIL":
        return bool(re.match(r"^[a-z0-9._]+@[a-z]+\.(com|net)$", v))
    if ent == "NAME":
        return bool(re.match(r"^[^\W\d_][\w'\-]+( [^\W\d_][\w'\-]+)?$", v)) and v[0].isupper()
    if ent == "STREET":
        return bool(re.match(r"^\d+ [A-Z]", v))
    return False


DIGW = {w: str(i) for i, w in enumerate(DW)}
DIGW.update({"oh": "0", "o": "0", "for": "4", "to": "2", "ate": "8", "won": "1"})


def spoken_digits(seg):
    """digits read one by one (with double/triple) -> digit string; None for other renderings"""
    toks = re.findall(r"[A-Za-z]+|\d+", seg.lower())
    toks = [t for t in toks if t not in ("uh", "um")]
    out = []
    mult = 1
    for t in toks:
        if t in ("double", "triple"):
            mult = 2 if t == "double" else 3
            continue
        if t.isdigit():
            out.append(t * mult)
        elif t in DIGW:
            out.append(DIGW[t] * mult)
        else:
            return None
        mult = 1
    return "".join(out) if out else None


def check(path):
    errs = []
    recs = []
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw.endswith(b"\n\n") or not raw.endswith(b"\n"):
        errs.append("file must end with exactly one newline")
    for ln, line in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
        try:
            r = json.loads(line)
        except ValueError as e:
            errs.append("line %d: bad JSON %s" % (ln, e))
            continue
        recs.append(r)
        rid_ = r.get("id", "?")
        if json.dumps(r, ensure_ascii=False, separators=(",", ":")) != line:
            errs.append("%s: record line not compact JSON" % rid_)
        t = r["text"]
        b = t.encode("utf-8")
        if r["format"] == "transcript":
            ls = t.split("\n")
            if not 8 <= len(ls) <= 40:
                errs.append("%s: %d lines" % (rid_, len(ls)))
            for x in ls:
                if not x.strip():
                    errs.append("%s: blank line" % rid_)
                elif not LABEL_RE.match(x):
                    errs.append("%s: no speaker label: %r" % (rid_, x[:40]))
            if t.endswith("\n"):
                errs.append("%s: trailing newline" % rid_)
        elif r["format"] == "json":
            if r.get("profile") not in PROFILES:
                errs.append("%s: profile" % rid_)
            try:
                o = json.loads(t)
                if json.dumps(o, ensure_ascii=False, separators=(",", ":")) != t:
                    errs.append("%s: payload not compact" % rid_)
            except ValueError:
                errs.append("%s: payload does not parse" % rid_)
            sr = string_ranges(b)
        else:
            errs.append("%s: format" % rid_)
        iv = []
        for s in r["spans"] + r["negatives"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(b)):
                errs.append("%s: offsets %d-%d" % (rid_, a, z))
                continue
            if (a < len(b) and 0x80 <= b[a] < 0xC0) or (z < len(b) and 0x80 <= b[z] < 0xC0):
                errs.append("%s: offset not on a character boundary" % rid_)
                continue
            seg = b[a:z].decode("utf-8")
            if seg != seg.strip():
                errs.append("%s: outer whitespace %r" % (rid_, seg))
            if "\n" in seg:
                errs.append("%s: span crosses a line %r" % (rid_, seg))
            before = b[:a].decode("utf-8")[-1:]
            after = b[z:].decode("utf-8")[:1]
            if (before and before.isalnum()) or (after and after.isalnum()):
                errs.append("%s: glued span %r" % (rid_, seg))
            if r["format"] == "json" and not any(p <= a and z <= q for p, q in sr):
                errs.append("%s: span outside a JSON string %r" % (rid_, seg))
            iv.append((a, z, seg))
            if "entity" in s:
                for k in ("entity", "spoken", "cue", "form"):
                    if k not in s:
                        errs.append("%s: span without %s" % (rid_, k))
                if s["cue"] not in ("same", "prev", "none"):
                    errs.append("%s: cue %s" % (rid_, s["cue"]))
                if not value_ok(s["entity"], s.get("value", "")):
                    errs.append("%s: invalid %s value %r" % (rid_, s["entity"], s.get("value")))
                digs = re.sub(r"\D", "", seg)
                val = re.sub(r"\D", "", s.get("value", ""))
                if s["entity"] == "PHONE" and len(digs) == 11 and digs[0] == "1":
                    digs = digs[1:]
                if not s["spoken"] and s["entity"] in ("PHONE", "SSN", "CARD", "NPI", "ZIP", "MRN", "MEMBER_ID", "MBI"):
                    if not (digs == val or (s["form"].startswith("last4") and val.endswith(digs) and len(digs) == 4)
                            or (s["form"] == "split_part1" and digs and val.startswith(digs))
                            or (s["form"] == "split_part2" and digs and val.endswith(digs))
                            or ("chunk" in s["form"] and digs and digs in val)):
                        errs.append("%s: written %s %r does not match value %r" % (rid_, s["entity"], seg, s["value"]))
                sd = spoken_digits(seg)
                if sd and s["entity"] == "PHONE" and len(sd) == 11 and sd[0] == "1":
                    sd = sd[1:]
                if sd is not None and s["entity"] in ("PHONE", "SSN", "CARD", "NPI", "ZIP") and not re.search(
                        r"repair|restart", s["form"]):
                    if not (sd == val or (s["form"].startswith("last4") and val.endswith(sd) and len(sd) == 4)
                            or (s["form"] == "split_part1" and val.startswith(sd))
                            or (s["form"] == "split_part2" and val.endswith(sd))
                            or ("chunk" in s["form"] and sd in val)):
                        errs.append("%s: spoken %s %r reads %s, value %r" % (rid_, s["entity"], seg, sd, s["value"]))
                if s["spoken"] and not re.search(r"[A-Za-z]", seg):
                    errs.append("%s: spoken span without words %r" % (rid_, seg))
                if s["spoken"] is False and s["entity"] not in ("NAME", "STREET", "EMAIL", "DOB") and re.search(
                        r"\b(one|two|three|four|five|six|seven|eight|nine|oh|zero)\b", seg.lower()):
                    errs.append("%s: written span has number words %r" % (rid_, seg))
        iv.sort()
        for (a1, z1, s1), (a2, z2, s2) in zip(iv, iv[1:]):
            if a2 < z1:
                errs.append("%s: overlap %r / %r" % (rid_, s1, s2))
    return recs, errs


def stats(records, out=sys.stdout):
    ent = collections.Counter()
    cell = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    for r in records:
        fmt[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            cell[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    tot = sum(ent.values())
    print("records: %d (%s)" % (len(records), ", ".join("%s%s %d" % (f, "/" + p if p else "", c) for (f, p), c in sorted(fmt.items()))), file=out)
    print("spans: %d; negatives: %d" % (tot, sum(negs.values())), file=out)
    print("", file=out)
    print("| entity | spans | spoken | written | prev | same | none |", file=out)
    print("|---|---:|---:|---:|---:|---:|---:|", file=out)
    for e in ENT_NAMES + ["NAME"]:
        sp = sum(v for k, v in cell.items() if k[0] == e and k[1] == "spoken")
        wr = sum(v for k, v in cell.items() if k[0] == e and k[1] == "written")
        cu = [sum(v for k, v in cell.items() if k[0] == e and k[2] == c) for c in ("prev", "same", "none")]
        print("| %s | %d | %d | %d | %d | %d | %d |" % (e, ent[e], sp, wr, cu[0], cu[1], cu[2]), file=out)
    cu = [sum(v for k, v in cell.items() if k[2] == c) for c in ("prev", "same", "none")]
    sp = sum(v for k, v in cell.items() if k[1] == "spoken")
    print("| **all** | %d | %d | %d | %d | %d | %d |" % (tot, sp, tot - sp, cu[0], cu[1], cu[2]), file=out)
    print("", file=out)
    print("NAME share: %.1f%%" % (100.0 * ent["NAME"] / max(1, tot)), file=out)
    print("negatives: " + ", ".join("%s %d" % (k, v) for k, v in sorted(negs.items())), file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*", default=None)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default=None)
    a = ap.parse_args()
    if a.check is not None:
        bad = 0
        for p in a.check or [os.path.join(HERE, "holdout12.jsonl")]:
            recs, errs = check(p)
            for e in errs[:50]:
                print("ERROR " + e)
            bad += len(errs)
            print("%s: %d records, %d errors" % (p, len(recs), len(errs)))
            stats(recs)
        sys.exit(1 if bad else 0)
    records, carriers = generate(a.seed, a.n, a.carrier_dir)
    if a.stats:
        stats(records)
        print("carrier windows kept %d, rejected %d" % (carriers.kept, carriers.rejected))
        return
    w = sys.stdout
    for r in records:
        w.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
