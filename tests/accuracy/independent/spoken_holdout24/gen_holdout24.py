#!/usr/bin/env python3
"""Holdout 24: pediatric / family-medicine scheduling calls (parents calling about a child).

Python 3 standard library only. Deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout24.py [--seed S] [--n COUNT] > holdout24.jsonl
  python3 gen_holdout24.py --stats
  python3 gen_holdout24.py --check holdout24.jsonl
"""
import argparse
import calendar
import collections
import csv
import json
import os
import random
import re
import sys

DEFAULT_SEED = 24024
DEFAULT_N = 150

# ---------------------------------------------------------------- marking
S_OPEN, S_MID, S_CLOSE = "\ue000", "\ue001", "\ue002"
N_OPEN = "\ue003"
MARK_RE = re.compile("([\ue000\ue003])(\\d+)\ue001(.*?)\ue002", re.S)


class Rec:
    def __init__(self):
        self.metas = []

    def v(self, text, entity, spoken, cue, form):
        self.metas.append({"entity": entity, "spoken": spoken, "cue": cue, "form": form})
        return "%s%d%s%s%s" % (S_OPEN, len(self.metas) - 1, S_MID, text, S_CLOSE)

    def neg(self, text, what):
        self.metas.append({"what": what})
        return "%s%d%s%s%s" % (N_OPEN, len(self.metas) - 1, S_MID, text, S_CLOSE)

    def finalize(self, marked):
        out = []
        spans, negs = [], []
        pos = 0  # byte position in output
        last = 0
        for m in MARK_RE.finditer(marked):
            chunk = marked[last:m.start()]
            out.append(chunk)
            pos += len(chunk.encode("utf-8"))
            val = m.group(3)
            assert S_OPEN not in val and N_OPEN not in val, val
            b = len(val.encode("utf-8"))
            meta = self.metas[int(m.group(2))]
            if m.group(1) == S_OPEN:
                d = {"start": pos, "end": pos + b}
                d.update(meta)
                spans.append(d)
            else:
                negs.append({"start": pos, "end": pos + b, "what": meta["what"]})
            out.append(val)
            pos += b
            last = m.end()
        out.append(marked[last:])
        text = "".join(out)
        assert not re.search("[\ue000-\ue003]", text)
        return text, spans, negs


# ---------------------------------------------------------------- data (all fictitious)
CHILD_FIRST = ["Liam", "Ava", "Noah", "Mia", "Elijah", "Harper", "Mateo", "Aria", "Lucas", "Zoe",
               "Caleb", "Nora", "Ezra", "Isla", "Owen", "Layla", "Jayden", "Chloe", "Miles", "Ruby",
               "Kai", "Sadie", "Theo", "Ivy", "Declan", "Maya", "Rowan", "Lucy", "Brody", "Hazel"]
PARENT_FIRST = ["Jenna", "Marcus", "Tasha", "Brian", "Keisha", "Daniel", "Priya", "Carlos", "Erin",
                "Jamal", "Heather", "Luis", "Amber", "Kevin", "Rosa", "Tyler", "Monique", "Nate",
                "Lindsey", "Omar", "Crystal", "Derek", "Yesenia", "Adam"]
LAST = ["Morales", "Okafor", "Brennan", "Whitfield", "Castellano", "Nguyen", "Delacroix", "Haskins",
        "Pruitt", "Abernathy", "Kowalczyk", "Ramirez", "Lindqvist", "Battaglia", "Osei", "Tran",
        "McAllister", "Fairbanks", "Estrada", "Holloway", "Szymanski", "Varga", "Dunleavy", "Ibarra"]
AGENTS = ["Kayla", "Devon", "Brittany", "Marisol", "Trevor", "Shauna", "Colleen", "Andre", "Tiana"]
PROVIDERS = ["Patel", "Lindgren", "Achebe", "Moreau", "Kaplan", "Yoshida", "Ferreira", "Quinlan"]
STREETS = [("Maple Grove", "Lane"), ("Cedar Hollow", "Drive"), ("Birch", "Street"), ("Sycamore", "Court"),
           ("Willow Bend", "Road"), ("Juniper", "Avenue"), ("Foxglove", "Way"), ("Hawthorne", "Boulevard"),
           ("Larkspur", "Circle"), ("Old Mill", "Road"), ("Prairie View", "Drive"), ("Chestnut", "Street")]
SUFFIX_ABBR = {"Lane": "Ln", "Drive": "Dr", "Street": "St", "Court": "Ct", "Road": "Rd", "Avenue": "Ave",
               "Way": "Way", "Boulevard": "Blvd", "Circle": "Cir"}
CITIES = [("Naperville", "60540"), ("Round Rock", "78664"), ("Cary", "27513"), ("Gilbert", "85234"),
          ("Olathe", "66061"), ("Plano", "75023"), ("Frisco", "75034"), ("Murfreesboro", "37130"),
          ("Lakewood", "80226"), ("Fishers", "46037"), ("Westfield", "07090"), ("Sandy", "84070")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com"]
PLANS = ["Blue Cross", "Aetna", "the state Medicaid plan", "CHIP", "UnitedHealthcare", "Cigna"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth",
       "twenty ninth", "thirtieth", "thirty first"]
MONTHS = [calendar.month_name[i].lower() for i in range(13)]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
        "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
        "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank", "g": "george",
         "h": "henry", "i": "ice", "j": "john", "k": "king", "l": "larry", "m": "mary", "n": "nancy",
         "o": "ocean", "p": "peter", "q": "queen", "r": "robert", "s": "sam", "t": "tom", "u": "umbrella",
         "v": "victor", "w": "william", "x": "x-ray", "y": "yellow", "z": "zebra"}


def num2w(n):
    """0..99 in words."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    if y >= 2010:
        return rng.choice(["twenty " + num2w(y - 2000), "two thousand " + num2w(y - 2000)])
    return "nineteen " + num2w(y - 1900)


# ---------------------------------------------------------------- renderers
class Style:
    def __init__(self, engine):
        self.engine = engine  # whisper | lower

    @property
    def whisper(self):
        return self.engine == "whisper"


def digit_words(ds, rng, zero=None, fill=0.0, groups=None, sep=" "):
    zero = zero or rng.choice(["zero", "oh", "o"])
    words = []
    gi = 0
    run = 0
    for i, d in enumerate(ds):
        w = zero if d == "0" else ONES[int(d)]
        if groups and run == groups[gi] and gi < len(groups) - 1:
            words[-1] += sep.rstrip() if sep.strip() else ""
            gi += 1
            run = 0
            if fill and rng.random() < fill:
                words.append(rng.choice(["uh", "um"]))
        words.append(w)
        run += 1
    return " ".join(words)


def double_words(ds, rng):
    """digits with 'double'/'triple' collapsing."""
    out = []
    i = 0
    zero = rng.choice(["oh", "zero"])
    while i < len(ds):
        j = i
        while j < len(ds) and ds[j] == ds[i]:
            j += 1
        w = zero if ds[i] == "0" else ONES[int(ds[i])]
        k = j - i
        if k == 3:
            out.append("triple " + w)
        elif k == 2:
            out.append("double " + w)
        else:
            out.extend([w] * k)
        i = j
    return " ".join(out)


def make_phone(rng):
    area = rng.choice(["312", "630", "512", "919", "480", "913", "214", "615", "303", "317", "908", "801"])
    return area, "01%02d" % rng.randrange(100)


def phone_render(area, last4, st, rng):
    if st.whisper:
        k = rng.randrange(6)
        if k == 0:
            return "(%s) 555-%s" % (area, last4), False, "written_paren_dash"
        if k == 1:
            return "%s-555-%s" % (area, last4), False, "written_dash"
        if k == 2:
            return "%s, 555-%s" % (digit_words(area, rng, "oh"), last4), True, "mixed_words_area_digits"
        if k == 3:
            return "%s, %s, %s" % (digit_words(area, rng, "oh"), double_words("555", rng),
                                   digit_words(last4, rng, "oh")), True, "words_triple_comma"
        if k == 4:
            return "%s %s %s" % (area, "555", last4), False, "digits_space"
        return "%s, five five five, %s" % (area, num_pairs(last4)), True, "mixed_digits_area_pairs"
    k = rng.randrange(5)
    if k == 0:
        return digit_words(area + "555" + last4, rng, "zero"), True, "words_zero_flat"
    if k == 1:
        return "%s %s uh %s" % (digit_words(area, rng, "oh"), double_words("555", rng),
                                digit_words(last4, rng, "oh")), True, "words_triple_uh"
    if k == 2:
        return "%s five five five %s" % (digit_words(area, rng, "o"), num_pairs(last4)), True, "words_o_pairs"
    if k == 3:
        return "%s um five five five %s" % (digit_words(area, rng, "zero"),
                                            digit_words(last4, rng, "zero")), True, "words_um"
    return "%s five fifty five %s" % (digit_words(area, rng, "oh"), digit_words(last4, rng, "oh")), True, \
        "words_fifty_five"


def num_pairs(last4):
    a, b = last4[:2], last4[2:]
    pa = "oh " + ONES[int(a[1])] if a[0] == "0" else num2w(int(a))
    pb = ("oh " + ONES[int(b[1])]) if b[0] == "0" else num2w(int(b))
    return pa + " " + pb


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, calendar.monthrange(y, m)[1])
    return y, m, d


def ordsuf(d):
    return "%d%s" % (d, "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def dob_render(y, m, d, st, rng):
    mon = MONTHS[m]
    if st.whisper:
        k = rng.randrange(6)
        if k == 0:
            return "%s %s, %d" % (mon.capitalize(), ordsuf(d), y), False, "written_month_ord_year"
        if k == 1:
            return "%d/%d/%d" % (m, d, y), False, "written_mdy_nolead"
        if k == 2:
            return "%02d/%02d/%d" % (m, d, y), False, "written_mdy_lead"
        if k == 3:
            return "%s %d, %s" % (mon.capitalize(), d, year_words(y, rng)), True, "month_num_year_words"
        if k == 4:
            return "the %s of %s, %d" % (ORD[d], mon.capitalize(), y), True, "the_d_of_m_digits_year"
        return "%s %s %s" % (mon.capitalize(), ORD[d], year_words(y, rng)), True, "month_ord_year_words"
    k = rng.randrange(5)
    if k == 0:
        return "%s %s %s" % (mon, ORD[d], year_words(y, rng)), True, "month_ord_year_words"
    if k == 1:
        return "the %s of %s %s" % (ORD[d], mon, year_words(y, rng)), True, "the_d_of_m_full"
    if k == 2:
        yy = y % 100
        yw = ("oh " + ONES[yy]) if yy < 10 else num2w(yy)
        mw = ("oh " + ONES[m]) if (m < 10 and rng.random() < .5) else num2w(m)
        dw = ("oh " + ONES[d]) if (d < 10 and rng.random() < .5) else num2w(d)
        return "%s %s %s" % (mw, dw, yw), True, "num_mdy_short_words"
    if k == 3:
        return "%s %s uh %s" % (mon, num2w(d), year_words(y, rng)), True, "month_card_uh_year"
    return "%s %s %s" % (mon, ORD[d], year_words(y, rng)), True, "month_ord_year_words"


def letters_render(s, st, rng, mode):
    s = s.lower()
    if mode == "plain":
        return " ".join(ch.upper() if st.whisper else ch for ch in s)
    if mode == "nato":
        return " ".join(NATO[ch] for ch in s)
    parts = ["%s as in %s" % (ch.upper() if st.whisper else ch, AS_IN[ch]) for ch in s]
    return (", " if st.whisper else " ").join(parts)


def make_member_id(rng):
    kind = rng.randrange(3)
    if kind == 0:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), \
            "".join(rng.choice("0123456789") for _ in range(9))
    if kind == 1:
        return rng.choice("WHMJ"), "".join(rng.choice("0123456789") for _ in range(9))
    return "", "".join(rng.choice("0123456789") for _ in range(11))


def member_render(pre, ds, st, rng):
    if st.whisper and rng.random() < .4:
        return pre + ds, False, "written_alnum"
    lm = rng.choice(["plain", "nato", "asin"]) if pre else "none"
    lw = letters_render(pre, st, rng, lm) if pre else ""
    if st.whisper and rng.random() < .5:
        dpart = " ".join(ds[i:i + 3] for i in range(0, len(ds), 3))
        form = "letters_%s_digits_groups" % lm
    else:
        dpart = digit_words(ds, rng, groups=[3] * 5, fill=0.25 if not st.whisper else 0.0,
                            sep=", " if st.whisper else " ")
        form = "letters_%s_words_grouped" % lm
    return ((lw + (", " if st.whisper else " ")) if lw else "") + dpart, True, form


def make_mrn(rng):
    return "00" + "".join(rng.choice("0123456789") for _ in range(6)) if rng.random() < .4 else \
        str(rng.randint(1000000, 9999999))


def mrn_render(ds, st, rng):
    if st.whisper and rng.random() < .45:
        return ds, False, "written_digits"
    if rng.random() < .3:
        return double_words(ds, rng), True, "words_double"
    return digit_words(ds, rng, groups=[3, 3, 3], fill=0.2, sep=" "), True, "words_flat"


def street_render(num, name, suf, unit, st, rng):
    if st.whisper and rng.random() < .5:
        s = "%d %s %s" % (num, name, rng.choice([suf, SUFFIX_ABBR[suf] + "."]))
        if unit:
            s += ", Apt %s" % unit
        return s, False, "written_house_suffix" + ("_unit" if unit else "")
    if num >= 1000 and rng.random() < .6:
        hw = num2w(num // 100) + " " + (("oh " + ONES[num % 100]) if num % 100 < 10 else num2w(num % 100))
        form = "house_pairs"
    else:
        hw = digit_words(str(num), rng, "oh")
        form = "house_digits"
    nm = name if st.whisper else name.lower()
    sf = suf if st.whisper else suf.lower()
    s = "%s %s %s" % (hw, nm, sf)
    if unit:
        u = unit.lower() if not st.whisper else unit
        uw = " ".join(num2w(int(c)) if c.isdigit() else c for c in u)
        s += (", apartment " if st.whisper else " apartment ") + uw
        form += "_unit"
    return s, True, form


def email_render(user, dom, st, rng):
    if st.whisper and rng.random() < .5:
        return "%s@%s" % (user, dom), False, "written_email"
    d1, d2 = dom.split(".")
    parts = []
    for tok in re.split(r"([._]|\d+)", user):
        if not tok:
            continue
        if tok == ".":
            parts.append("dot")
        elif tok == "_":
            parts.append("underscore")
        elif tok.isdigit():
            parts.append(num2w(int(tok)) if len(tok) == 2 and tok[0] != "0" else digit_words(tok, rng, "zero"))
        else:
            parts.append(tok)
    return "%s at %s dot %s" % (" ".join(parts), d1, d2), True, "email_words"


# ---------------------------------------------------------------- carrier text
def carrier_dir():
    for c in [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
              os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources")]:
        if c and os.path.isdir(os.path.join(c, "mts-dialog")):
            return c
    return ""


def load_carrier():
    d = carrier_dir()
    out = []
    if not d:
        return out
    path = os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            dia = row["dialogue"]
            if not re.search(r"\b(son|daughter|baby|child|kid|kids|mom|mother|infant)\b", dia, re.I):
                continue
            if re.search(r"\d|Dr\.|Doctor [A-Z]|\bM(r|s|rs)\.? [A-Z]|Guest_clinician", dia):
                continue
            turns = []
            for line in dia.split("\n"):
                line = line.strip()
                mm = re.match(r"(Doctor|Patient|Guest_family):\s*(.+)", line)
                if mm:
                    turns.append(("a" if mm.group(1) == "Doctor" else "c", " ".join(mm.group(2).split())))
            if 2 <= len(turns) <= 8:
                out.append((row["ID"], turns))
    return out


# ---------------------------------------------------------------- negatives
AGENT_NEGS = ["time", "conf", "money", "room", "menu", "appt", "nine"]
CALLER_NEGS = ["weight", "dose", "temp", "age", "count", "height"]


def negative(rec, st, rng, kind=None, he="he"):
    kind = kind or rng.choice(AGENT_NEGS + CALLER_NEGS)
    him = "him" if he == "he" else "her"
    W = st.whisper
    if kind == "weight":
        lb, oz = rng.randint(9, 45), rng.randint(1, 15)
        t = "%d pounds %d ounces" % (lb, oz) if W and rng.random() < .6 else "%s pounds %s ounces" % (num2w(lb) if lb < 100 else lb, num2w(oz))
        return "at the last check %s was " % he + rec.neg(t, "weight")
    if kind == "dose":
        ml = rng.choice(["2.5", "5", "7.5", "3.75", "10"])
        if W:
            t = "%s mL" % ml if rng.random() < .5 else "%s milliliters" % ml
        else:
            t = {"2.5": "two point five", "5": "five", "7.5": "seven and a half", "3.75": "three point seven five",
                 "10": "ten"}[ml] + " milliliters"
        return "the pharmacist said give " + rec.neg(t, "dose") + " of the children's ibuprofen"
    if kind == "temp":
        f = rng.choice(["101.4", "102.2", "100.8", "103.1", "99.9"])
        if W:
            t = f
        else:
            a, b = f.split(".")
            t = ("a hundred and " + num2w(int(a) - 100) if int(a) >= 100 else num2w(int(a))) + " point " + ONES[int(b)]
        return "%s temperature was " % ("his" if he == "he" else "her") + rec.neg(t, "vital_sign") + " last night"
    if kind == "age":
        mo = rng.choice([4, 6, 9, 12, 15, 18, 24, 30])
        t = "%d months" % mo if W and rng.random() < .5 else "%s months" % num2w(mo)
        return "%s's " % he + rec.neg(t, "age") + " now so it's the well visit"
    if kind == "time":
        h, mi = rng.choice([(8, 15), (9, 40), (10, 45), (1, 30), (3, 15), (4, 0), (11, 20)])
        if W:
            t = "%d:%02d %s" % (h, mi, "AM" if h >= 8 and h < 12 else "PM")
        else:
            t = "%s %s" % (num2w(h), "o'clock" if mi == 0 else num2w(mi))
        return "I have " + rec.neg(t, "time") + " open"
    if kind == "conf":
        code = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + \
            "".join(rng.choice("0123456789") for _ in range(4))
        t = code if W else " ".join(ch.lower() if ch.isalpha() else ONES[int(ch)] for ch in code)
        return "your confirmation number is " + rec.neg(t, "confirmation_number")
    if kind == "money":
        c = rng.choice([20, 25, 30, 35, 40])
        t = "$%d" % c if W else "%s dollars" % num2w(c)
        return "the copay on that plan is " + rec.neg(t, "money")
    if kind == "room":
        r = rng.randint(2, 12)
        t = "room %d" % r if W else "room %s" % num2w(r)
        return "check in and they'll take you back to exam " + rec.neg(t, "room_number")
    if kind == "menu":
        o = rng.choice(["one", "two", "three"])
        t = "press %s" % o
        return "if it's after hours " + rec.neg(t, "menu_option") + " for the nurse line"
    if kind == "count":
        c = rng.choice(["two", "three", "four"])
        return "I've got " + rec.neg("%s kids" % c, "count") + " here so bear with me"
    if kind == "appt":
        day = rng.randint(2, 28)
        mon = rng.randint(1, 12)
        t = "%s %s" % (calendar.month_name[mon], ordsuf(day)) if W else "%s %s" % (MONTHS[mon], ORD[day])
        return "the next opening is " + rec.neg(t, "appointment_date")
    if kind == "height":
        i = rng.randint(24, 50)
        t = "%d inches" % i if W else "%s inches" % num2w(i)
        return "%s measured " % he + rec.neg(t, "height") + " at the school nurse"
    return "if %s has trouble breathing call " % he + rec.neg("nine one one" if not W else "911", "emergency_number")


# ---------------------------------------------------------------- call builder
def punct(s, st):
    if st.whisper:
        return s
    s = re.sub(r"[.,?!;:\u2014]", "", s)
    s = s.replace("--", " ")
    return re.sub(r"\s+", " ", s.lower())


def W(st, text):
    """Caller-side text: sentence-case for whisper, flattened for lower-case engine."""
    return text if st.whisper else punct(text, st)


class Call:
    def __init__(self, rec, st, rng, carrier):
        self.rec, self.st, self.rng, self.carrier = rec, st, rng, carrier
        self.turns = []  # (role 'a'|'c', marked text)

    def a(self, *parts):
        self.turns.append(("a", self._join(parts)))

    def c(self, *parts):
        self.turns.append(("c", self._join(parts)))

    def _join(self, parts):
        out = []
        for p in parts:
            if isinstance(p, tuple):  # already-marked value
                out.append(p[0])
            else:
                out.append(W(self.st, p))
        s = "".join(out)
        s = re.sub(r"  +", " ", s)
        s = re.sub(r" ([.,?])", r"\1", s)
        s = s.strip()
        if self.st.whisper and s.startswith(S_OPEN):
            k = s.index(S_MID) + 1
            if s[k:k + 4] == "the ":
                s = s[:k] + "T" + s[k + 1:]
        return s


def mv(rec, text, ent, spoken, cue, form):
    return (rec.v(text, ent, spoken, cue, form),)


def build_call(rec, st, rng, carrier, short=False):
    """Returns list of (role, marked_text) and a dict of facts for JSON summaries."""
    C = Call(rec, st, rng, carrier)
    R = rec
    sp = True  # spoken names
    agent = rng.choice(AGENTS)
    pf, cf, last = rng.choice(PARENT_FIRST), rng.choice(CHILD_FIRST), rng.choice(LAST)
    child_last = last if rng.random() < .8 else rng.choice(LAST)
    cy, cm, cd = rand_date(rng, 2009, 2025)
    py, pm, pd = rand_date(rng, 1978, 1999)
    area, last4 = make_phone(rng)
    pre, mid = make_member_id(rng)
    mrn = make_mrn(rng)
    facts = {"agent": agent, "parent": "%s %s" % (pf, last), "child": "%s %s" % (cf, child_last),
             "dob": (cy, cm, cd), "phone": (area, last4), "member": pre + mid, "mrn": mrn}
    he = rng.choice(["he", "she"])
    his = "his" if he == "he" else "her"
    clinic = rng.choice(["Lakeside Pediatrics", "Northgate Family Medicine", "Little Sprouts Pediatrics",
                         "Riverbend Family Care", "Brightside Kids Clinic"])
    nm = lambda s: s if st.whisper else s.lower()

    # opening
    if rng.random() < .7:
        C.a("Thank you for calling %s, this is " % clinic, mv(R, nm(agent), "NAME", sp, "same", "agent_first"),
            ". How can I help you today?")
    else:
        C.a("%s scheduling, " % clinic, mv(R, nm(agent), "NAME", sp, "none", "agent_first_bare"), " speaking.")
    k = rng.randrange(3)
    if k == 0:
        C.c("Hi, yeah, this is ", mv(R, nm("%s %s" % (pf, last)), "NAME", sp, "same", "parent_full"),
            ", I need to get my %s in, %s's had a cough for like a week." % ("son" if he == "he" else "daughter", he))
    elif k == 1:
        C.c("Hi. Um, I'm calling about my %s. Hold on. -- %s, put that down, please. Sorry. Yeah, I need a sick visit."
            % ("son" if he == "he" else "daughter", rng.choice(["Buddy", "Honey", "Sweetie", "Hey hey hey"])))
        C.a("No problem. Can I get your name first?")
        C.c(mv(R, nm("%s %s" % (pf, last)), "NAME", sp, "prev", "parent_full_bare"), ".")
    else:
        C.c("Hey, good morning. ", mv(R, nm("%s %s" % (pf, last)), "NAME", sp, "none", "parent_full_opening"),
            ". I'm the parent, well, one of them, and I need to schedule a well check." if rng.random() < .5 else
            ". Calling to schedule a well child visit.")
    # child's name
    C.a("And what's the patient's name, the child's first and last?" if rng.random() < .5 else
        "Okay. And who is the appointment for?")
    if rng.random() < .45:
        C.c(mv(R, nm(cf), "NAME", sp, "prev", "child_first"), ", and the last name is ",
            mv(R, nm(child_last), "NAME", sp, "same", "child_last"), ".")
        C.a("Can you spell the last name for me?")
        mode = rng.choice(["plain", "asin"])
        C.c(mv(R, letters_render(child_last, st, rng, mode), "NAME", sp, "prev", "spelled_" + mode), ".")
    else:
        C.c("It's for ", mv(R, nm("%s %s" % (cf, child_last)), "NAME", sp, "same", "child_full"),
            ". %s's %s." % (he.capitalize(), rng.choice(["four", "seven", "eleven", "two", "nine"])))
    # DOB
    C.a("And %s date of birth?" % his)
    t, spk, form = dob_render(cy, cm, cd, st, rng)
    k = rng.randrange(4)
    if k == 0:
        # parent gives own DOB first
        t2, spk2, form2 = dob_render(py, pm, pd, st, rng)
        C.c("Mine is ", mv(R, t2, "DOB", spk2, "prev", "parent_" + form2), ", oh wait, you mean %s. Sorry. " % his,
            mv(R, t, "DOB", spk, "prev", form), ".")
    elif k == 1:
        # correction
        wy, wm, wd = cy, cm, (cd % 27) + 1
        if (wy, wm, wd) == (cy, cm, cd):
            wd = wd + 1
        t0, spk0, form0 = dob_render(wy, wm, wd, st, rng)
        C.c(mv(R, t0, "DOB", spk0, "prev", form0), ". No wait, it's ", mv(R, t, "DOB", spk, "prev", form),
            ". Sorry, I always mix up the kids.")
    elif k == 2:
        C.c("Um, hold on. -- I'm on the phone! -- Sorry. ", mv(R, t, "DOB", spk, "prev", form), ".")
    else:
        C.c(mv(R, t, "DOB", spk, "prev", form), ".")
    if rng.random() < .6:
        t3, spk3, form3 = dob_render(cy, cm, cd, st, rng)
        C.a("Just to confirm, ", mv(R, t3, "DOB", spk3, "prev", "readback_" + form3), "?")
        C.c("Yes.")
    # optional items
    items = ["phone", "member", "mrn", "address", "email"]
    rng.shuffle(items)
    nitems = rng.randint(1, 3) if short else rng.randint(2, 4)
    facts["addr"] = facts["email"] = None
    for it in items[:nitems]:
        if len(C.turns) > 24:
            break
        if it == "phone":
            C.a("What's the best callback number for you?")
            if rng.random() < .35:
                aw = digit_words(area, rng, "oh") if not st.whisper or rng.random() < .5 else area
                C.c("Area code ", mv(R, aw, "PHONE", not aw.isdigit(), "same", "split_area"), "...")
                C.a("Mm-hm.")
                lw = digit_words("555" + last4, rng, "oh") if not st.whisper else "555-" + last4
                C.c(mv(R, lw, "PHONE", not st.whisper, "prev", "split_rest"), ". That's my cell.")
            else:
                t, spk, form = phone_render(area, last4, st, rng)
                C.c("It's ", mv(R, t, "PHONE", spk, "prev", form), ".")
            if rng.random() < .5:
                t, spk, form = phone_render(area, last4, st, rng)
                C.a("I have ", mv(R, t, "PHONE", spk, "prev", "readback_" + form), ", is that right?")
                C.c("Yep.")
        elif it == "member":
            C.a("Is %s still on %s? I'll need the member ID off the card." % (he, rng.choice(PLANS)))
            C.c("Yeah, hang on, let me grab my wallet.", )
            t, spk, form = member_render(pre, mid, st, rng)
            if pre and rng.random() < .3:
                lm = rng.choice(["plain", "nato"])
                C.c("Okay, it starts with ", mv(R, letters_render(pre, st, rng, lm), "MEMBER_ID", True, "same",
                                               "split_letters_" + lm), ", then numbers.")
                C.a("Go ahead.")
                C.c(mv(R, digit_words(mid, rng, groups=[3, 3, 3], fill=0.3), "MEMBER_ID", True, "prev",
                       "split_digits_words"), ".")
                C.a("Let me read that back: ", mv(R, "%s %s" % (letters_render(pre, st, rng, "plain"),
                                                               digit_words(mid, rng, "zero")),
                                                   "MEMBER_ID", True, "prev", "readback_letters_words"), ".")
                C.c("Mm-hm, that's it.")
            elif rng.random() < .5:
                C.c("Okay, member ID is ", mv(R, t, "MEMBER_ID", spk, "same", form), ".")
            else:
                C.a("Whenever you're ready.")
                C.c(mv(R, t, "MEMBER_ID", spk, "prev", form), ". There's also a group number but it's faded.")
        elif it == "mrn":
            t, spk, form = mrn_render(mrn, st, rng)
            C.c("Oh, and I have the letter from the portal, it says medical record number ",
                mv(R, t, "MRN", spk, "same", form), ", if that helps.")
            C.a("It does, thank you.")
        elif it == "address":
            num = rng.choice([rng.randint(100, 999), rng.randint(1000, 9899)])
            name, suf = rng.choice(STREETS)
            unit = rng.choice(["", "", "2B", "4", "12C"])
            city, z = rng.choice(CITIES)
            facts["addr"] = (num, name, suf, unit, city, z)
            C.c("We moved, so I need to update the address too.")
            C.a("Sure, what's the new address?")
            t, spk, form = street_render(num, name, suf, unit, st, rng)
            C.c(mv(R, t, "STREET", spk, "prev", form), " in ", mv(R, nm(city), "CITY", True, "same", "city"), ".")
            C.a("And the zip?")
            if st.whisper and rng.random() < .5:
                C.c(mv(R, z, "ZIP", False, "prev", "written_zip"), ".")
            else:
                C.c(mv(R, digit_words(z, rng, rng.choice(["oh", "zero"])), "ZIP", True, "prev", "words_zip"), ".")
        elif it == "email":
            user = rng.choice(["%s.%s" % (pf.lower(), last.lower()), "%s%s%02d" % (pf.lower()[0], last.lower(), rng.randint(10, 99)),
                               "%s_%s" % (last.lower(), rng.choice(["mom", "fam", "home"])),
                               "%s%d" % (pf.lower(), rng.randint(80, 99))])
            dom = rng.choice(DOMAINS)
            facts["email"] = user + "@" + dom
            C.a("Do you want portal messages to go to the e-mail we have, or a new one?")
            t, spk, form = email_render(user, dom, st, rng)
            C.c("New one. ", mv(R, t, "EMAIL", spk, "same", form), ".")
            if rng.random() < .4:
                C.a("Could you spell the first part?")
                first = re.split(r"[._\d]", user)[0]
                C.c(mv(R, letters_render(first, st, rng, "plain"), "EMAIL", True, "prev", "email_spell_first"),
                    ", then the rest like I said.")
    # carrier chunk (symptoms / history)
    if carrier and not short and rng.random() < .75:
        cid, turns = rng.choice(carrier)
        C.a(rng.choice(["Before I book it, let me ask a couple of nurse triage questions.",
                        "Okay, I'm going to transfer you to the nurse line real quick. -- Hi, this is the nurse."]))
        room = 31 - len(C.turns)
        take = min(len(turns), rng.randint(2, 6), room - 1)
        if take >= 2:
            for role, text in turns[:take]:
                if role == "a":
                    C.a(text)
                else:
                    C.c(text)
        facts.setdefault("carrier", []).append(cid)
    # hard negatives
    pool = [x for x in AGENT_NEGS + CALLER_NEGS if x not in ("time", "conf")]
    for kind in rng.sample(pool, max(0, min(rng.randint(2, 4), 35 - len(C.turns)))):
        s = negative(rec, st, rng, kind, he)
        (C.a if kind in AGENT_NEGS else C.c)(s[0].upper() + s[1:] + "." if st.whisper else s)
    # scheduling & close
    prov = rng.choice(PROVIDERS)
    C.a("I can put %s in with " % ("him" if he == "he" else "her"), "Dr. " if st.whisper else "doctor ", mv(R, nm(prov), "NAME", sp, "same", "provider_last"),
        ". " + negative(rec, st, rng, "time") + (". Does that work?" if st.whisper else " does that work"))
    C.c("That's perfect.")
    cs = negative(rec, st, rng, "conf")
    C.a((cs[0].upper() + cs[1:] + ". Anything else?") if st.whisper else cs + " anything else")
    if rng.random() < .5:
        C.c("No, that's it. Thanks, ", mv(R, nm(agent), "NAME", sp, "prev", "agent_first_thanks"), ".")
    else:
        C.c("No. Thank you so much.")
    C.a("You're welcome, have a good day.")
    return C.turns, facts


# ---------------------------------------------------------------- transcript record
LABEL_SETS = [("Agent:", "Caller:"), ("[agent]", "[caller]"), ("Speaker 0:", "Speaker 1:"),
              ("AGENT:", "PARENT:"), ("Scheduler:", "Parent:"), ("spk_0:", "spk_1:"), ("A:", "B:")]


def transcript_record(rec, st, rng, carrier):
    turns, facts = build_call(rec, st, rng, carrier)
    assert 8 <= len(turns) <= 40, len(turns)
    la, lc = rng.choice(LABEL_SETS)
    ts = rng.random() < .4
    t = rng.randint(0, 5)
    lines = []
    for role, text in turns:
        lab = la if role == "a" else lc
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += rng.randint(2, 14)
        lines.append("%s%s %s" % (pre, lab, text))
    return "\n".join(lines), facts, la, lc


def iso_date(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


def json_record(rec, st, rng, carrier, profile):
    turns, facts = build_call(rec, st, rng, carrier, short=True)
    R = rec
    cy, cm, cd = facts["dob"]
    area, last4 = facts["phone"]
    child = facts["child"]
    summary = ("The caller, %s, scheduled a sick visit for %s (DOB %s). Callback %s."
               % (R.v(facts["parent"], "NAME", False, "same", "summary_name"),
                  R.v(child, "NAME", False, "same", "summary_name"),
                  R.v("%d/%d/%d" % (cm, cd, cy), "DOB", False, "same", "summary_dob_mdy"),
                  R.v("(%s) 555-%s" % (area, last4), "PHONE", False, "same", "summary_phone")))
    if profile == "retell":
        tr = "\n".join(("Agent: " if r == "a" else "User: ") + x for r, x in turns)
        tobj = [{"role": "agent" if r == "a" else "user", "content": x} for r, x in turns]
        cad = {"child_name": R.v(child, "NAME", False, "same", "field_name"),
               "child_dob": R.v(iso_date(cy, cm, cd), "DOB", False, "same", "field_iso"),
               "callback_number": R.v("+1%s555%s" % (area, last4), "PHONE", False, "same", "field_e164"),
               "visit_type": "sick visit", "urgent": False}
        if rng.random() < .5:
            cad["insurance_member_id"] = R.v(facts["member"], "MEMBER_ID", False, "same", "field_alnum")
        obj = {"event": "call_analyzed",
               "call": {"call_type": "phone_call", "call_id": "call_%016x" % rng.getrandbits(64),
                        "agent_id": "agent_%012x" % rng.getrandbits(48), "call_status": "ended",
                        "start_timestamp": 1780000000000 + rng.randrange(10 ** 9),
                        "end_timestamp": 1780000000000 + rng.randrange(10 ** 9) + 10 ** 9,
                        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
                        "transcript": tr, "transcript_object": tobj,
                        "call_analysis": {"call_summary": summary, "user_sentiment": rng.choice(["Positive", "Neutral"]),
                                          "call_successful": True, "in_voicemail": False,
                                          "custom_analysis_data": cad},
                        "call_cost": {"combined_cost": round(rng.uniform(5, 40), 2), "total_duration_seconds": rng.randint(90, 600)}}}
    else:
        tr = "\n".join(("AI: " if r == "a" else "User: ") + x for r, x in turns)
        msgs = [{"role": "system", "message": "You are a friendly scheduling assistant for a pediatric clinic.", "time": 0,
                 "secondsFromStart": 0}]
        sec = 0.0
        for r, x in turns:
            sec += rng.uniform(1.5, 9)
            msgs.append({"role": "bot" if r == "a" else "user", "message": x,
                         "time": 1780000000000 + int(sec * 1000), "secondsFromStart": round(sec, 2)})
        sd = {"patientName": R.v(child, "NAME", False, "same", "field_name"),
              "patientDob": R.v("%02d/%02d/%d" % (cm, cd, cy), "DOB", False, "same", "field_mdy"),
              "guardianName": R.v(facts["parent"], "NAME", False, "same", "field_name"),
              "callbackPhone": R.v("%s-555-%s" % (area, last4), "PHONE", False, "same", "field_dash"),
              "appointmentBooked": True}
        if facts.get("email"):
            sd["portalEmail"] = R.v(facts["email"], "EMAIL", False, "same", "field_email")
        if facts.get("addr"):
            num, name, suf, unit, city, z = facts["addr"]
            sd["street"] = R.v("%d %s %s%s" % (num, name, suf, (" Apt " + unit) if unit else ""), "STREET", False,
                               "same", "field_street")
            sd["city"] = R.v(city, "CITY", False, "same", "field_city")
            sd["zip"] = R.v(z, "ZIP", False, "same", "field_zip")
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                                           rng.getrandbits(12), rng.getrandbits(48)),
                                    "type": "inboundPhoneCall"},
                           "durationSeconds": round(sec, 2), "cost": round(rng.uniform(0.05, 0.6), 4),
                           "artifact": {"transcript": tr, "messages": msgs},
                           "analysis": {"summary": summary, "structuredData": sd, "successEvaluation": "true"}}}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")), facts


def generate(seed, n):
    rng = random.Random(seed)
    carrier = load_carrier()
    out = []
    n_json = n // 3
    kinds = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(kinds)
    for i, k in enumerate(kinds):
        rec = Rec()
        if k == "transcript":
            st = Style(rng.choice(["whisper", "lower"]))
            marked, facts, _, _ = transcript_record(rec, st, rng, carrier)
            text, spans, negs = rec.finalize(marked)
            r = {"id": "h24-%04d" % i, "format": "transcript",
                 "kind": "peds_sched_%s" % st.engine, "text": text, "spans": spans, "negatives": negs}
        else:
            st = Style(rng.choice(["whisper", "whisper", "lower"]))
            prof = rng.choice(["retell", "vapi"])
            marked, facts = json_record(rec, st, rng, carrier, prof)
            text, spans, negs = rec.finalize(marked)
            r = {"id": "h24-%04d" % i, "format": "json", "profile": prof,
                 "kind": "%s_%s" % (prof, st.engine), "text": text, "spans": spans, "negatives": negs}
        out.append(r)
    return out


# ---------------------------------------------------------------- check
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENNUM = {w: i * 10 for i, w in enumerate(TENS) if w}


def spoken_digits(s):
    """Digit string of a spoken/written number sequence (double/triple, tens, fifty five)."""
    toks = re.findall(r"[a-z]+|\d+", s.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in WORDNUM:
            out.append(str(WORDNUM[toks[i + 1]]) * (2 if t == "double" else 3))
            i += 1
        elif t in WORDNUM:
            out.append(str(WORDNUM[t]))
        elif t in TEENNUM:
            out.append(str(TEENNUM[t]))
        elif t in TENNUM:
            if i + 1 < len(toks) and toks[i + 1] in WORDNUM and WORDNUM[toks[i + 1]] > 0 and toks[i + 1] not in ("o", "oh"):
                out.append(str(TENNUM[t] + WORDNUM[toks[i + 1]]))
                i += 1
            else:
                out.append(str(TENNUM[t]))
        i += 1
    return "".join(out)


def parse_numbers(s):
    toks = re.findall(r"[a-z]+|\d+", s.lower())
    nums = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nx = toks[i + 1] if i + 1 < len(toks) else ""
        if t.isdigit():
            nums.append(int(t))
        elif t in ("oh", "o", "zero") and nx in WORDNUM:
            nums.append(WORDNUM[nx]); i += 1
        elif t == "two" and nx == "thousand":
            i += 2
            v = 2000
            if i < len(toks) and toks[i] in TEENNUM:
                v += TEENNUM[toks[i]]
            elif i < len(toks) and toks[i] in TENNUM:
                v += TENNUM[toks[i]]
                if i + 1 < len(toks) and toks[i + 1] in WORDNUM and toks[i + 1] not in ("o", "oh"):
                    v += WORDNUM[toks[i + 1]]; i += 1
            elif i < len(toks) and toks[i] in WORDNUM and toks[i] not in ("o", "oh"):
                v += WORDNUM[toks[i]]
            else:
                i -= 1
            nums.append(v)
        elif t in TENNUM:
            if nx in WORDNUM and nx not in ("o", "oh", "zero"):
                nums.append(TENNUM[t] + WORDNUM[nx]); i += 1
            else:
                nums.append(TENNUM[t])
        elif t in TEENNUM:
            nums.append(TEENNUM[t])
        elif t in WORDNUM:
            nums.append(WORDNUM[t])
        elif t in ORDNUM:
            nums.append(ORDNUM[t])
        elif t.endswith(("st", "nd", "rd", "th")) and t[:-2].isdigit():
            nums.append(int(t[:-2]))
        i += 1
    return nums


ORDNUM = {w: i for i, w in enumerate(ORD) if w and " " not in w}
ORDUNIT = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
           "eighth": 8, "ninth": 9}


def parse_date(s):
    low = s.lower()
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", low)
    if m:
        low = "%s/%s/%s" % (m.group(2), m.group(3), m.group(1))
    low = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", low)
    for tw in ("twenty", "thirty"):
        for u, v in ORDUNIT.items():
            low = low.replace("%s %s" % (tw, u), str(TENNUM[tw] + v))
    mon = 0
    for i in range(1, 13):
        if re.search(r"\b%s\b" % MONTHS[i], low):
            mon = i
            low = re.sub(r"\b%s\b" % MONTHS[i], " ", low)
    nums = parse_numbers(low)
    if mon:
        if not nums:
            return None
        day, rest = nums[0], nums[1:]
    else:
        if len(nums) < 3:
            return None
        mon, day, rest = nums[0], nums[1], nums[2:]
    if len(rest) == 1:
        y = rest[0]
        if y < 100:
            y += 2000 if y <= 26 else 1900
    elif len(rest) == 2 and rest[0] in (19, 20):
        y = rest[0] * 100 + rest[1]
    else:
        return None
    try:
        if not (1 <= mon <= 12 and 1 <= day <= calendar.monthrange(y, mon)[1] and 1900 < y < 2027):
            return None
    except Exception:
        return None
    return (y, mon, day)


def string_ranges(raw):
    """byte ranges of JSON string literals (content only) in a compact JSON line."""
    b = raw.encode("utf-8")
    out = []
    i = 0
    while i < len(b):
        if b[i] == 0x22:
            j = i + 1
            while b[j] != 0x22:
                j += 2 if b[j] == 0x5c else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z_0-9 ]+:) \S")


def check_value(ent, v, problems, rid):
    def bad(why):
        problems.append("%s %s %r: %s" % (rid, ent, v, why))
    if ent == "PHONE":
        d = spoken_digits(v)
        if len(d) == 11 and d[0] == "1":
            d = d[1:]
        if len(d) == 10:
            if d[3:6] != "555" or d[6:8] != "01":
                bad("not 555-01xx")
        elif len(d) == 7:
            if d[:3] != "555" or d[3:5] != "01":
                bad("not 555-01xx")
        elif len(d) != 3:  # split area code part
            bad("phone digits %s" % d)
    elif ent == "DOB":
        if not parse_date(v):
            bad("not a real date")
    elif ent == "ZIP":
        if len(spoken_digits(v)) != 5:
            bad("zip")
    elif ent == "MEMBER_ID" and not spoken_digits(v):
        toks = v.lower().replace(",", " ").split()
        if not (1 <= len(toks) <= 4 and all(len(t) == 1 or t in NATO.values() for t in toks)):
            bad("letter prefix")
    elif ent in ("MEMBER_ID", "MRN"):
        if len(spoken_digits(v)) < 7:
            bad("too few digits")
    elif ent == "EMAIL":
        if "@" not in v and " at " not in v and not re.fullmatch(r"[A-Za-z ]+", v):
            bad("email")
    elif ent in ("NAME", "CITY"):
        if not re.fullmatch(r"[A-Za-z ,'-]+", v):
            bad("name chars")
    elif ent == "STREET":
        if not re.match(r"(\d|[a-z]+ )", v.lower()):
            bad("street")
    else:
        bad("unexpected entity")


def check(paths):
    recs = []
    problems = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln in f:
                if ln.strip():
                    recs.append(json.loads(ln))
    for r in recs:
        rid = r["id"]
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "json":
            try:
                json.loads(text)
            except ValueError:
                problems.append("%s invalid json" % rid)
            if "\n" in text:
                problems.append("%s json has newline" % rid)
            if text != json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")):
                problems.append("%s not compact" % rid)
            sr = string_ranges(text)
        elif r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                problems.append("%s %d turns" % (rid, len(lines)))
            for ln in lines:
                if not LINE_RE.match(ln):
                    problems.append("%s bad line %r" % (rid, ln[:60]))
            if text.endswith("\n"):
                problems.append("%s trailing newline" % rid)
        else:
            problems.append("%s format" % rid)
        ivs = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                problems.append("%s span offsets" % rid)
                continue
            v = b[s["start"]:s["end"]].decode("utf-8")
            if v != v.strip() or not v:
                problems.append("%s span whitespace %r" % (rid, v))
            for k in ("entity", "spoken", "cue", "form"):
                if k not in s:
                    problems.append("%s span missing %s" % (rid, k))
            if s.get("cue") not in ("same", "prev", "none"):
                problems.append("%s cue" % rid)
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z for a, z in sr):
                problems.append("%s span outside JSON string" % rid)
            check_value(s["entity"], v, problems, rid)
            ivs.append((s["start"], s["end"], "span"))
        for n in r.get("negatives", []):
            if not (0 <= n["start"] < n["end"] <= len(b)) or not n.get("what"):
                problems.append("%s negative offsets" % rid)
            if r["format"] == "json" and not any(a <= n["start"] and n["end"] <= z for a, z in sr):
                problems.append("%s negative outside JSON string" % rid)
            ivs.append((n["start"], n["end"], "neg"))
        ivs.sort()
        for x, y in zip(ivs, ivs[1:]):
            if y[0] < x[1]:
                problems.append("%s overlap %s/%s" % (rid, x, y))
    for p in problems[:50]:
        print("PROBLEM", p)
    print("%d records, %d problems" % (len(recs), len(problems)))
    stats(recs)
    return not problems


def stats(recs):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    for r in recs:
        fmt[(r["format"], r.get("profile", ""), r["kind"])] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records by format/profile/kind:")
    for k, v in sorted(fmt.items()):
        print("  %-40s %d" % ("/".join(x for x in k if x), v))
    print("spans by entity x spoken/written x cue:")
    tot = collections.Counter()
    for (e, sw, cue), v in sorted(c.items()):
        tot[e] += v
        print("  %-10s %-8s %-5s %d" % (e, sw, cue, v))
    print("entity totals:", ", ".join("%s %d" % kv for kv in sorted(tot.items())), "| all", sum(tot.values()))
    print("negatives:", ", ".join("%s %d" % kv for kv in sorted(negs.items())), "| all", sum(negs.values()))
    print("forms:", len(forms))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--check", nargs="+")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
