#!/usr/bin/env python3
"""holdout31: spoken-PHI test corpus from a lab & imaging network's patient call center.

Python 3 standard library only.  Deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout31.py [--seed 3131] [-n 150] > holdout31.jsonl
  python3 gen_holdout31.py --stats                 # counts of the default output
  python3 gen_holdout31.py --check holdout31.jsonl # re-validate a file (+ its stats)

Carrier exchanges (screening questions before a scan: allergies, medications, surgeries) come
from MTS-Dialog (CC BY 4.0), read from shared/carrier-sources (--carrier-dir, $CARRIER_DIR, a
shared/carrier-sources folder above this script, or /work/shared/carrier-sources).
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

OPEN, CLOSE, BASE = "\ue000", "\ue001", 0xE100

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ("january february march april may june july august september october november "
          "december").split()
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
NATO = {"alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e",
        "foxtrot": "f", "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j",
        "kilo": "k", "lima": "l", "mike": "m", "november": "n", "oscar": "o", "papa": "p",
        "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u", "victor": "v",
        "whiskey": "w", "xray": "x", "yankee": "y", "zulu": "z"}
NATO_OF = {}
for _w, _l in NATO.items():
    NATO_OF.setdefault(_l, _w)
NATO_OF["x"] = "x-ray"
AS_IN = {"a": ["apple", "adam"], "b": ["boy", "bravo"], "c": ["cat", "charlie"],
         "d": ["david", "dog"], "e": ["edward", "echo"], "f": ["frank", "fox"],
         "g": ["george", "girl"], "h": ["henry", "house"], "i": ["ida", "ice"],
         "j": ["john", "jack"], "k": ["king", "kite"], "l": ["larry", "lincoln"],
         "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "oscar"],
         "p": ["peter", "paul"], "q": ["queen"], "r": ["robert", "roger"], "s": ["sam", "sugar"],
         "t": ["tom", "thomas"], "u": ["umbrella", "unit"], "v": ["victor", "violet"],
         "w": ["william", "water"], "x": ["x-ray"], "y": ["yellow", "yes"], "z": ["zebra"]}

FIRST = ["Dana", "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David",
         "Guadalupe", "Thanh", "Kevin", "Sandra", "Carlos", "Rosa", "Anthony", "Deborah",
         "Xochitl", "Siobhan", "Tuan", "Priya", "Ahmed", "Fatima", "Gregory", "Brenda", "Luis",
         "Alma", "Marisol", "Terrence", "Yolanda", "Rhonda", "Kenji", "Leilani", "Harold",
         "Dolores", "Ernesto", "Bernadette", "Lorraine", "Darnell", "Imelda", "Wendell", "Noemi"]
LAST = ["Reyes", "Nguyen", "Garcia", "Hernandez", "Okafor", "Kowalski", "Tran", "Castillo",
        "Delgado", "Whitfield", "Brennan", "McAllister", "Yamamoto", "Abernathy", "Villanueva",
        "Pham", "Sandoval", "Ostrowski", "Fitzgerald", "Haddad", "Lindqvist", "Ramirez",
        "Coleman", "Gallagher", "Esposito", "Truong", "Figueroa", "Avila", "Nakamura", "Dubois",
        "Mendoza", "Sullivan", "Choi", "Alvarado", "Garcia-Lopez", "Smith-Ortega", "Quintero",
        "Babineaux", "Szymanski", "Oyelaran"]
MALE = ("James", "Robert", "Michael", "David", "Kevin", "Carlos", "Anthony", "Gregory", "Luis",
        "Terrence", "Kenji", "Harold", "Ernesto", "Tuan", "Ahmed", "Darnell", "Wendell", "Thanh")
AGENTS = ["Kelsey", "Marcus", "Tanya", "Brianna", "Jorge", "Destiny", "Aaron", "Monique",
          "Trevor", "Lupe", "Shauna", "Devon", "Rochelle", "Isaiah"]
DOCTORS = [("Anita", "Patel"), ("Raymond", "Cho"), ("Elena", "Vasquez"), ("Samuel", "Adeyemi"),
           ("Karen", "Liu"), ("Thomas", "Brandt"), ("Nadia", "Rahman"), ("Miguel", "Orozco"),
           ("Helen", "Marsh"), ("Gordon", "Feld"), ("Priscilla", "Nwosu"), ("Arthur", "Kessler")]
STREETS = [("Mission Gorge", "Road", "Rd"), ("El Cajon", "Boulevard", "Blvd"),
           ("Alvarado Canyon", "Road", "Rd"), ("Palm", "Avenue", "Ave"),
           ("Jamacha", "Road", "Rd"), ("Grand", "Avenue", "Ave"),
           ("Encinitas", "Boulevard", "Blvd"), ("Rancho Bernardo", "Road", "Rd"),
           ("Clairemont Mesa", "Boulevard", "Blvd"), ("Euclid", "Avenue", "Ave"),
           ("Genesee", "Avenue", "Ave"), ("Third", "Avenue", "Ave"), ("Orange", "Avenue", "Ave"),
           ("Bonita", "Road", "Rd"), ("Sweetwater", "Road", "Rd"), ("Valley", "Parkway", "Pkwy"),
           ("Woodland", "Drive", "Dr"), ("Mar Vista", "Drive", "Dr"), ("Birch", "Street", "St"),
           ("Laurel", "Street", "St"), ("Harbison", "Avenue", "Ave"), ("Avocado", "Lane", "Ln"),
           ("Sunset", "Court", "Ct"), ("Pepper", "Drive", "Dr")]
CITIES = [("San Diego", ["92101", "92103", "92115", "92120"]), ("Chula Vista", ["91910", "91911"]),
          ("El Cajon", ["92020", "92021"]), ("La Mesa", ["91942"]),
          ("Escondido", ["92025", "92027"]), ("Oceanside", ["92054", "92056"]),
          ("Santee", ["92071"]), ("Poway", ["92064"]), ("Carlsbad", ["92008"]),
          ("Vista", ["92083"]), ("National City", ["91950"]), ("Spring Valley", ["91977"]),
          ("Lemon Grove", ["91945"]), ("Encinitas", ["92024"])]
AREAS = ["619", "858", "760", "442", "951", "714", "949", "562"]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("icloud", "com"),
           ("hotmail", "com"), ("aol", "com"), ("cox", "net"), ("att", "net"), ("sbcglobal", "net")]
EXAMS = [("MRI of the brain with and without contrast", "70553", "contrast"),
         ("CT of the abdomen and pelvis with contrast", "74177", "contrast"),
         ("screening mammogram", "77067", None), ("chest X-ray", "71046", None),
         ("MRI of the lumbar spine", "72148", None), ("CT of the chest without contrast", "71250", None),
         ("abdominal ultrasound", "76700", "fasting"), ("DEXA scan", "77080", None),
         ("MRI of the left knee", "73721", None), ("CT angiogram of the chest", "71275", "contrast")]
ORG = "Coastal Valley Imaging and Lab"
TOLLFREE = "8005550199"
FILLERS = ["uh", "um"]


# ----------------------------------------------------------------------------------------------
# number words

def two(n, hyph=False, oh="oh"):
    """0..99 as spoken words ('oh five' for single digits)."""
    if n < 10:
        return "%s %s" % (oh, ONES[n])
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] if u == 0 else TENS[t] + ("-" if hyph else " ") + ONES[u]


def int_words(n):
    if n < 10:
        return ONES[n]
    if n < 100:
        return two(n)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + int_words(r))
    th, r = divmod(n, 1000)
    return int_words(th) + " thousand" + ("" if r == 0 else " " + int_words(r))


def dword(d, zero):
    return zero if d == "0" else ONES[int(d)]


def digit_words(s, zero="zero"):
    return " ".join(dword(d, zero) for d in s)


def with_doubles(s, zero, rng, triple=True):
    out, i = [], 0
    while i < len(s):
        if triple and i + 2 < len(s) and s[i] == s[i + 1] == s[i + 2]:
            out.append("triple " + dword(s[i], zero))
            i += 3
        elif i + 1 < len(s) and s[i] == s[i + 1]:
            out.append("double " + dword(s[i], zero))
            i += 2
        else:
            out.append(dword(s[i], zero))
            i += 1
    return " ".join(out)


def pair_words(p, hyph=False):
    """A two-digit chunk: '05' -> 'oh five', '42' -> 'forty two', '00' -> 'oh oh'."""
    if p == "00":
        return "oh oh"
    if p[0] == "0":
        return "oh " + ONES[int(p[1])]
    return two(int(p), hyph)


def three_words(p):
    """'523' -> 'five twenty three'."""
    return ONES[int(p[0])] + " " + pair_words(p[1:]) if p[0] != "0" else "oh " + pair_words(p[1:])


def year_words(y, rng):
    if 2000 <= y < 2010:
        return rng.choice(["two thousand ", "two thousand and "]) + ONES[y - 2000] \
            if y > 2000 else "two thousand"
    a, b = divmod(y, 100)
    return two(a) + " " + (pair_words("%02d" % b) if b else "hundred")


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


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


# ----------------------------------------------------------------------------------------------
# record builder: values are wrapped in private-use markers, stripped at the end

class Rec:
    def __init__(self):
        self.anns = []
        self.pieces = {}

    def v(self, text, entity, form, spoken, cue, value):
        assert text == text.strip() and text, (entity, text)
        self.anns.append(("span", {"entity": entity, "spoken": spoken, "cue": cue, "form": form,
                                   "value": value}))
        return OPEN + chr(BASE + len(self.anns) - 1) + text + CLOSE

    def n(self, text, what):
        assert text == text.strip() and text
        self.anns.append(("neg", {"what": what}))
        return OPEN + chr(BASE + len(self.anns) - 1) + text + CLOSE

    def piece(self, k):
        """annotation for a word of a value in a word array (same value, flagged piece)."""
        if k not in self.pieces:
            ann = dict(self.anns[k][1])
            ann["piece"] = True
            self.anns.append(("span", ann))
            self.pieces[k] = len(self.anns) - 1
        return self.pieces[k]

    def finalize(self, marked):
        out, spans, negs = [], [], []
        pos = 0
        cur = None
        i = 0
        while i < len(marked):
            ch = marked[i]
            if ch == OPEN:
                assert cur is None, "nested marker"
                cur = (ord(marked[i + 1]) - BASE, pos)
                i += 2
                continue
            if ch == CLOSE:
                k, start = cur
                kind, ann = self.anns[k]
                if kind == "span":
                    d = {"start": start, "end": pos}
                    d.update(ann)
                    spans.append(d)
                else:
                    negs.append({"start": start, "end": pos, "what": ann["what"]})
                cur = None
                i += 1
                continue
            out.append(ch)
            pos += len(ch.encode("utf-8"))
            i += 1
        assert cur is None
        return "".join(out), spans, negs


def strip_marks(s):
    return re.sub("[\ue000-\ue001\ue100-\uefff]", "", s)


def marked_chars(marked):
    """[(char, ann_id or None)] of a marked string."""
    res, cur, i = [], None, 0
    while i < len(marked):
        ch = marked[i]
        if ch == OPEN:
            cur = ord(marked[i + 1]) - BASE
            i += 2
            continue
        if ch == CLOSE:
            cur = None
            i += 1
            continue
        res.append((ch, cur))
        i += 1
    return res


def rebuild(pairs):
    out, cur = [], None
    for ch, k in pairs:
        if k != cur:
            if cur is not None:
                out.append(CLOSE)
            if k is not None:
                out.append(OPEN + chr(BASE + k))
            cur = k
        out.append(ch)
    if cur is not None:
        out.append(CLOSE)
    return "".join(out)


def marked_words(rec, marked):
    """Split a marked turn into (punctuated_word, word) marked tokens, for word arrays.
    Negative markers are dropped inside word arrays; span markers are kept per word."""
    pairs = [(ch, rec.piece(k) if k is not None and rec.anns[k][0] == "span" else None)
             for ch, k in marked_chars(marked)]
    toks, cur = [], []
    for p in pairs + [(" ", None)]:
        if p[0] == " ":
            if cur:
                toks.append(cur)
            cur = []
        else:
            cur.append(p)
    res = []
    for t in toks:
        t = list(t)
        a, z = 0, len(t)
        while a < z and not t[a][0].isalnum():
            a += 1
        while z > a and not t[z - 1][0].isalnum():
            z -= 1
        t = [(ch, None) for ch, _ in t[:a]] + t[a:z] + [(ch, None) for ch, _ in t[z:]]
        punct = rebuild(t)
        core = list(t)
        while core and not core[0][0].isalnum():
            core.pop(0)
        while core and not core[-1][0].isalnum():
            core.pop()
        if not core:
            continue
        word = rebuild([(ch.lower(), k) for ch, k in core])
        res.append((punct, word))
    return res


def restyle(marked, fn):
    """Apply fn to the unmarked stretches of a marked string."""
    parts = re.split("(\ue000.[^\ue001]*\ue001)", marked)
    return "".join(p if p.startswith(OPEN) else fn(p) for p in parts)


def analytics_plain(s):
    s = s.lower()
    s = re.sub(r"[.,?!;:\"]", "", s)
    return s


def finish_turn(marked, style):
    if style == "an":
        t = restyle(marked, analytics_plain)
        t = re.sub(" +", " ", t)
    else:
        t = re.sub(" +", " ", marked)
    t = t.strip()
    # capitalise the first visible letter for cased styles
    if style != "an":
        t = re.sub(r"^(Um|Uh|Yeah|Okay), (Hi|Okay|It's|My|Sure|Let)\b",
                   lambda m: m.group(1) + ", " + m.group(2)[0].lower() + m.group(2)[1:], t)
        for i, ch in enumerate(t):
            if ch in (OPEN, CLOSE) or BASE <= ord(ch) <= 0xEFFF:
                continue
            t = t[:i] + ch.upper() + t[i + 1:]
            break
    return t


# ----------------------------------------------------------------------------------------------
# renderers: (text, form, spoken)

WRITTEN_P = {"an": 0.12, "wh": 0.6, "dg": 0.8, "rt": 0.55}


def written(rng, style):
    return rng.random() < WRITTEN_P[style]


def r_phone(rng, val, style, readback=False):
    a, b, c = val[:3], val[3:6], val[6:]
    if written(rng, style):
        k = rng.choice(["paren", "dash", "dash", "space", "dots"] if style != "an"
                       else ["space", "space", "plain"])
        txt = {"paren": "(%s) %s-%s" % (a, b, c), "dash": "%s-%s-%s" % (a, b, c),
               "space": "%s %s %s" % (a, b, c), "dots": "%s.%s.%s" % (a, b, c),
               "plain": val}[k]
        return txt, "written_" + k, False
    zero = rng.choice(["oh", "oh", "zero"])
    k = rng.choice(["groups", "groups_comma", "doubles", "pairs_last4", "mixed", "filler",
                    "area_code_mixed"])
    if readback and k == "filler":
        k = "groups_comma"
    if k == "groups":
        txt = " ".join(digit_words(g, zero) for g in (a, b, c))
    elif k == "groups_comma":
        txt = ", ".join(digit_words(g, zero) for g in (a, b, c))
    elif k == "doubles":
        txt = " ".join(with_doubles(g, zero, rng) for g in (a, b, c))
    elif k == "pairs_last4":
        txt = "%s %s %s %s" % (digit_words(a, zero), digit_words(b, zero), pair_words(c[:2]),
                               pair_words(c[2:]))
    elif k == "mixed":
        g = [digit_words(a, zero), digit_words(b, zero), digit_words(c, zero)]
        j = rng.randrange(3)
        g[j] = (a, b, c)[j]
        txt = " ".join(g)
    elif k == "filler":
        f = rng.choice(FILLERS)
        txt = "%s %s %s %s %s" % (digit_words(a, zero), f, digit_words(b, zero),
                                  rng.choice(["", f + " "]).strip() or "...",
                                  digit_words(c, zero))
        txt = txt.replace(" ... ", "... ")
    else:
        txt = "%s %s %s" % (a, digit_words(b, zero), digit_words(c, zero))
    return txt, "%s_%s" % (k, zero), True


def r_ssn(rng, val, style):
    a, b, c = val[:3], val[3:5], val[5:]
    if written(rng, style):
        k = rng.choice(["dash", "dash", "space"])
        return ("%s-%s-%s" if k == "dash" else "%s %s %s") % (a, b, c), "written_" + k, False
    zero = rng.choice(["oh", "zero"])
    k = rng.choice(["groups", "groups_comma", "pairs", "doubles", "mixed", "filler"])
    if k == "groups":
        txt = " ".join(digit_words(g, zero) for g in (a, b, c))
    elif k == "groups_comma":
        txt = ", ".join(digit_words(g, zero) for g in (a, b, c))
    elif k == "pairs":
        txt = "%s, %s, %s %s" % (three_words(a), pair_words(b), pair_words(c[:2]),
                                 pair_words(c[2:]))
    elif k == "doubles":
        txt = " ".join(with_doubles(g, zero, rng, triple=False) for g in (a, b, c))
    elif k == "mixed":
        txt = "%s %s %s" % (a, digit_words(b, zero), c)
    else:
        txt = "%s %s %s... %s" % (digit_words(a, zero), rng.choice(FILLERS), digit_words(b, zero),
                                  digit_words(c, zero))
    return txt, "%s_%s" % (k, zero), True


def r_last4(rng, val, style):
    if written(rng, style):
        return val, "last4_digits", False
    k = rng.choice(["words", "pairs", "doubles"])
    zero = rng.choice(["oh", "zero"])
    if k == "words":
        return digit_words(val, zero), "last4_words_" + zero, True
    if k == "pairs":
        return pair_words(val[:2]) + " " + pair_words(val[2:]), "last4_pairs", True
    return with_doubles(val, zero, rng, triple=False), "last4_doubles_" + zero, True


def r_card(rng, val, style):
    groups = [val[:4], val[4:10], val[10:]] if len(val) == 15 else \
        [val[i:i + 4] for i in range(0, 16, 4)]
    shape = "465" if len(val) == 15 else "4444"
    if written(rng, style):
        k = rng.choice(["space", "space", "dash", "plain"] if style != "an" else ["space"])
        sep = {"space": " ", "dash": "-", "plain": ""}[k]
        return sep.join(groups), "written_%s_%s" % (shape, k), False
    zero = rng.choice(["oh", "zero", "zero"])
    k = rng.choice(["groups", "groups_comma", "fast", "mixed", "doubles", "filler"])
    if k == "groups":
        txt = " ".join(digit_words(g, zero) for g in groups)
    elif k == "groups_comma":
        txt = ", ".join(digit_words(g, zero) for g in groups)
    elif k == "fast":
        txt = digit_words(val, zero)
    elif k == "mixed":
        g = [digit_words(x, zero) for x in groups]
        for j in rng.sample(range(len(g)), 2):
            g[j] = groups[j]
        txt = " ".join(g)
    elif k == "doubles":
        txt = " ".join(with_doubles(x, zero, rng, triple=False) for x in groups)
    else:
        g = [digit_words(x, zero) for x in groups]
        j = rng.randrange(1, len(g))
        g[j] = rng.choice(FILLERS) + " " + g[j]
        txt = " ".join(g)
    return txt, "%s_%s_%s" % (k, shape, zero), True


def r_zip(rng, val, style):
    if written(rng, style):
        return (val if len(val) == 5 else val[:5] + "-" + val[5:]), "written_zip", False
    k = rng.choice(["digits", "digits", "pair_then_digits", "mixed_pair", "doubles"])
    zero = rng.choice(["oh", "zero", "oh"])
    five = val[:5]
    if k == "digits":
        txt = digit_words(five, zero)
    elif k == "pair_then_digits":
        txt = pair_words(five[:2], hyph=rng.random() < 0.5) + " " + digit_words(five[2:], zero)
    elif k == "mixed_pair":
        txt = pair_words(five[:2]) + " " + pair_words(five[2:4]) + " " + dword(five[4], zero)
    else:
        txt = with_doubles(five, zero, rng, triple=False)
    if len(val) == 9:
        txt += rng.choice([", ", " dash "]) + digit_words(val[5:], zero)
        k += "_plus4"
    return txt, "%s_%s" % (k, zero), True


def r_digits_id(rng, val, style, groups=(3, 3, 4)):
    """MRN / NPI style all-digit identifiers."""
    if written(rng, style):
        return val, "written_digits", False
    zero = rng.choice(["oh", "zero"])
    k = rng.choice(["words", "grouped", "pairs", "mixed", "doubles"])
    chunks, i = [], 0
    for g in groups:
        chunks.append(val[i:i + g])
        i += g
    if i < len(val):
        chunks.append(val[i:])
    if k == "words":
        txt = digit_words(val, zero)
    elif k == "grouped":
        txt = ", ".join(digit_words(c, zero) for c in chunks)
    elif k == "pairs":
        ps = [val[j:j + 2] for j in range(0, len(val), 2)]
        txt = " ".join(pair_words(p) if len(p) == 2 else dword(p, zero) for p in ps)
    elif k == "mixed":
        c = [digit_words(x, zero) for x in chunks]
        j = rng.randrange(len(c))
        c[j] = chunks[j]
        txt = " ".join(c)
    else:
        txt = with_doubles(val, zero, rng)
    return txt, "%s_%s" % (k, zero), True


def spell_char(ch, how, rng, zero="oh"):
    if ch.isdigit():
        return dword(ch, zero)
    c = ch.lower()
    if how == "nato":
        return NATO_OF[c]
    if how == "as_in":
        return "%s as in %s" % (c, rng.choice(AS_IN[c]))
    return c


def r_alnum(rng, val, style, groups):
    """MBI / member id / letter-prefixed MRN."""
    if written(rng, style):
        if groups and rng.random() < 0.6:
            parts, i = [], 0
            for g in groups:
                parts.append(val[i:i + g])
                i += g
            return "-".join(parts), "written_dashed", False
        return val, "written_plain", False
    how = rng.choice(["letters", "letters", "nato", "as_in", "mixed_as_in"])
    zero = rng.choice(["oh", "zero"])
    words = []
    for i, ch in enumerate(val):
        h = how
        if how == "mixed_as_in":
            h = "as_in" if ch.isalpha() and rng.random() < 0.5 else "letters"
        words.append(spell_char(ch, h, rng, zero))
    if groups and rng.random() < 0.5:
        out, i = [], 0
        for g in groups:
            out.append(" ".join(words[i:i + g]))
            i += g
        txt = ", ".join(out)
        form = "alnum_%s_grouped_%s" % (how, zero)
    else:
        txt = " ".join(words)
        form = "alnum_%s_%s" % (how, zero)
    if rng.random() < 0.25 and any(c.isdigit() for c in val):
        # ASR writes a digit run as digits inside the spoken value
        m = re.search(r"\d{3,}", val)
        if m and how != "nato":
            run = m.group(0)
            spoken_run = " ".join(dword(d, zero) for d in run)
            if spoken_run in txt:
                txt = txt.replace(spoken_run, run, 1)
                form += "_digitrun"
    return txt, form, True


def r_date(rng, d, style, allow_numeric=True):
    y, m, day = d.year, d.month, d.day
    if written(rng, style):
        k = rng.choice(["long", "long_ord", "slash", "slash_short"] if allow_numeric
                       else ["long", "long_ord"])
        mn = MONTHS[m - 1].capitalize()
        txt = {"long": "%s %d, %d" % (mn, day, y),
               "long_ord": "%s %d%s, %d" % (mn, day, {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd",
                                                     23: "rd", 31: "st"}.get(day, "th"), y),
               "slash": "%02d/%02d/%d" % (m, day, y),
               "slash_short": "%d/%d/%02d" % (m, day, y % 100)}[k]
        return txt, "written_" + k, False
    k = rng.choice(["month_ord_year", "month_ord_year", "num_mdy", "num_mdy_oh", "the_d_of_m",
                    "month_ord_short", "mixed_digits"] if allow_numeric else
                   ["month_ord_year", "the_d_of_m", "month_ord_short", "month_day_year"])
    yw = year_words(y, rng)
    yshort = pair_words("%02d" % (y % 100))
    if k == "month_ord_year":
        txt = "%s %s %s" % (MONTHS[m - 1], ORD[day], yw)
    elif k == "month_day_year":
        txt = "%s %s %s" % (MONTHS[m - 1], int_words(day), yw)
    elif k == "month_ord_short":
        txt = "%s %s %s" % (MONTHS[m - 1], ORD[day], yshort)
    elif k == "num_mdy":
        txt = "%s %s %s" % (ONES[m] if m < 10 else two(m), two(day) if day >= 10 else ONES[day],
                            rng.choice([yshort, yw]))
    elif k == "num_mdy_oh":
        txt = "%s %s %s" % (pair_words("%02d" % m), pair_words("%02d" % day), yshort)
    elif k == "the_d_of_m":
        txt = "the %s of %s %s" % (ORD[day], MONTHS[m - 1], rng.choice([yw, yshort]))
    else:
        txt = "%s %d %d" % (MONTHS[m - 1], day, y)
    if style != "an":
        txt = txt.replace(MONTHS[m - 1], MONTHS[m - 1].capitalize())
    return txt, k, True


def r_name(rng, name, style):
    return (name.lower() if style == "an" else name), "name_plain", True


def r_spelled(rng, name, style):
    letters = [c for c in name.lower() if c.isalpha() or c == "-"]
    k = rng.choice(["hyphen", "hyphen", "space", "nato", "as_in", "partial_as_in"])
    up = style != "an" and k in ("hyphen", "space")
    seq = []
    for c in letters:
        if c == "-":
            seq.append("hyphen" if k != "hyphen" else "dash")
            continue
        if k == "nato":
            seq.append(NATO_OF[c])
        elif k == "as_in" or (k == "partial_as_in" and rng.random() < 0.4):
            seq.append("%s as in %s" % (c.upper() if style != "an" else c, rng.choice(AS_IN[c])))
        else:
            seq.append(c.upper() if up else c)
    if k == "hyphen":
        out = []
        for s in seq:
            if s == "dash":
                out.append(" dash ")
            else:
                if out and not out[-1].endswith(" "):
                    out.append("-")
                out.append(s)
        txt = "".join(out)
    elif k in ("as_in", "partial_as_in"):
        txt = ", ".join(seq) if k == "as_in" and rng.random() < 0.6 else " ".join(seq)
    else:
        txt = " ".join(seq)
    return txt, "spelled_" + k, True


def email_parts(rng, first, last, dob):
    f, l = first.lower(), re.sub("[^a-z]", "", last.lower())
    yy = "%02d" % (dob.year % 100)
    num = rng.choice([yy, str(dob.year), "%d" % rng.randint(1, 99), "", ""])
    k = rng.randrange(6)
    if k == 0:
        parts = [("w", f), ("s", "."), ("w", l)]
    elif k == 1:
        parts = [("l", f[0]), ("w", l)]
    elif k == 2:
        parts = [("w", f), ("s", "_"), ("w", l)]
    elif k == 3:
        parts = [("w", l), ("s", "."), ("l", f[0])]
    elif k == 4:
        parts = [("w", f), ("l", l[0])]
    else:
        parts = [("l", f[0]), ("s", "."), ("w", l)]
    if num:
        if rng.random() < 0.3:
            parts.append(("s", "_"))
        parts.append(("n", num))
    dom = rng.choice(DOMAINS)
    local = "".join(p[1] for p in parts)
    return parts, dom, "%s@%s.%s" % (local, dom[0], dom[1])


def r_email(rng, parts, dom, value, style, force=None):
    k = force or ("written" if written(rng, style) else
                  rng.choice(["words", "spell_words", "spell_all", "hyphen_spelled", "as_in_some",
                              "mixed_written_local"]))
    if k == "written":
        return value, "email_written", False
    if k == "mixed_written_local":
        local = value.split("@")[0]
        return "%s at %s dot %s" % (local, dom[0], dom[1]), "email_local_written_at_dot", True
    out = []
    for typ, s in parts:
        if typ == "s":
            out.append({".": "dot", "_": "underscore"}[s])
        elif typ == "n":
            r = rng.random()
            if r < 0.4:
                out.append(digit_words(s, "zero"))
            elif r < 0.7 and len(s) in (2, 4):
                out.append(" ".join(pair_words(s[j:j + 2]) for j in range(0, len(s), 2)))
            else:
                out.append(s)
        elif typ == "l":
            out.append("%s as in %s" % (s, rng.choice(AS_IN[s])) if k == "as_in_some" else s)
        else:
            if k == "words":
                out.append(s)
            elif k == "hyphen_spelled":
                out.append("-".join(s))
            elif k == "as_in_some" and len(s) <= 4:
                out.append(" ".join("%s as in %s" % (c, rng.choice(AS_IN[c])) for c in s))
            elif k in ("spell_all", "as_in_some"):
                out.append(" ".join(s))
            else:
                out.append(s if rng.random() < 0.5 else " ".join(s))
    dm = dom[0] if k != "spell_all" or dom[0] in ("gmail", "yahoo", "outlook", "icloud",
                                                  "hotmail") else " ".join(dom[0])
    txt = "%s at %s dot %s" % (" ".join(out), dm, dom[1])
    return txt, "email_" + k, True


def r_street(rng, st, style):
    num, name, suf, abbr, unit = st
    if written(rng, style):
        u = ""
        if unit:
            u = rng.choice([", Apt %s", " Apt %s", " #%s", ", Unit %s"]) % unit[1]
        txt = "%s %s %s%s" % (num, name, rng.choice([abbr, suf]), u)
        return txt, "written_street" + ("_unit" if unit else ""), False
    if len(num) == 4 and num[2] != "0":
        nw, k = pair_words(num[:2]) + " " + pair_words(num[2:]), "house_pairs"
    elif len(num) == 3 and num[1] != "0":
        nw, k = ONES[int(num[0])] + " " + pair_words(num[1:]), "house_d_pair"
    elif rng.random() < 0.5:
        nw, k = num, "house_digits"
    else:
        nw, k = digit_words(num, "oh"), "house_digit_words"
    txt = "%s %s %s" % (nw, name.lower(), suf.lower())
    if unit:
        uw, uv = unit
        spoken_unit = uv.lower()
        m = re.match(r"(\d+)([a-z]?)$", spoken_unit)
        if m and rng.random() < 0.7:
            n = int(m.group(1))
            spoken_unit = (int_words(n) if n < 100 else digit_words(m.group(1), "oh")) + \
                (" " + m.group(2) if m.group(2) else "")
        txt += " %s %s" % (uw, spoken_unit)
        k += "_unit"
    if style != "an":
        txt = txt.replace(name.lower() + " " + suf.lower(), name + " " + suf)
    return txt, k, True


def r_money(rng, cents, style):
    d, c = divmod(cents, 100)
    if style == "an" and rng.random() < 0.8 or style != "an" and rng.random() < 0.3:
        txt = int_words(d) + " dollars" + ("" if c == 0 else " and %s cents" % int_words(c))
        if rng.random() < 0.4 and c:
            txt = int_words(d) + " " + two(c) if c >= 10 else txt
        return txt
    return "$%d.%02d" % (d, c) if c else "$%d" % d


# ----------------------------------------------------------------------------------------------
# value generation

def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))
        if s not in ("123456789", "078051120", "219099999"):
            return s


def gen_card(rng):
    kind = rng.choice(["visa", "visa", "mc", "mc", "disc", "amex"])
    if kind == "amex":
        body = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    elif kind == "visa":
        body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        body = "5" + str(rng.randint(1, 5)) + "".join(rng.choice("0123456789") for _ in range(13))
    else:
        body = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    return luhn_complete(body)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    an = MBI_ALPHA + "0123456789"
    d = "0123456789"
    return "".join([rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(d),
                    rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(d), rng.choice(MBI_ALPHA),
                    rng.choice(MBI_ALPHA), rng.choice(d), rng.choice(d)])


def gen_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c
    raise AssertionError


def gen_member(rng):
    k = rng.randrange(3)
    if k == 0:
        return "".join(rng.choice("ABCDEFGHJKMNPRTUWXYZ") for _ in range(3)) + \
            "".join(rng.choice("0123456789") for _ in range(9)), (3, 3, 3, 3)
    if k == 1:
        return "W" + "".join(rng.choice("0123456789") for _ in range(9)), (1, 3, 3, 3)
    return "".join(rng.choice("0123456789") for _ in range(11)) + \
        rng.choice("ABCDEFGHJKMNPRTUWXYZ"), (3, 3, 3, 3)


def gen_mrn(rng):
    if rng.random() < 0.2:
        return "RL" + "".join(rng.choice("0123456789") for _ in range(7)), (2, 3, 4)
    return rng.choice("1234") + "".join(rng.choice("0123456789") for _ in range(7)), (4, 4)


def gen_patient(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    dob = datetime.date(rng.randint(1938, 2005), rng.randint(1, 12), rng.randint(1, 28))
    if rng.random() < 0.15:
        dob = datetime.date(dob.year, dob.month, rng.choice([29, 30, 31]) if dob.month in
                            (1, 3, 5, 7, 8, 10, 12) else 30 if dob.month != 2 else 28)
    city, zips = rng.choice(CITIES)
    zp = rng.choice(zips)
    if rng.random() < 0.08:
        zp += "%04d" % rng.randint(1000, 9999)
    sname, suf, abbr = rng.choice(STREETS)
    num = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9899), rng.randint(10, 99)]))
    unit = None
    if rng.random() < 0.5:
        unit = (rng.choice(["apartment", "apartment", "unit", "number", "space"]),
                rng.choice([str(rng.randint(1, 40)), "%d%s" % (rng.randint(1, 30), rng.choice("ABCD")),
                            str(rng.randint(101, 318))]))
    parts, dom, email = email_parts(rng, first, last, dob)
    mrn, mrn_groups = gen_mrn(rng)
    member, member_groups = gen_member(rng)
    doc = rng.choice(DOCTORS)
    return {"first": first, "last": last, "dob": dob, "city": city, "zip": zp,
            "street": (num, sname, suf, abbr, unit), "phone": rng.choice(AREAS) + "5550" +
            "1%02d" % rng.randint(0, 99), "email": email, "email_parts": parts, "email_dom": dom,
            "ssn": gen_ssn(rng), "card": gen_card(rng), "mbi": gen_mbi(rng), "mrn": mrn,
            "mrn_groups": mrn_groups, "member": member, "member_groups": member_groups,
            "doc": doc, "npi": gen_npi(rng)}


def street_value(st):
    num, name, suf, abbr, unit = st
    return "%s %s %s%s" % (num, name, suf, (" %s %s" % unit) if unit else "")


# ----------------------------------------------------------------------------------------------
# call building

class Call:
    def __init__(self, rng, style, rec, carriers):
        self.rng, self.style, self.rec, self.carriers = rng, style, rec, carriers
        self.turns = []          # (role 'A'|'C', marked text)
        self.facts = {}
        self.p = gen_patient(rng)
        self.agent = rng.choice(AGENTS)
        self.relative = rng.random() < 0.18
        self.pron = "my"
        self.caller = (rng.choice(FIRST), self.p["last"] if rng.random() < 0.6 else rng.choice(LAST))
        self.exam = rng.choice(EXAMS)

    # turns
    def A(self, t):
        self.turns.append(("A", t))

    def C(self, t):
        self.turns.append(("C", t))

    def pick(self, *opts):
        return self.rng.choice(opts)

    def nm(self, s):
        return s.lower() if self.style == "an" else s

    # values
    def V(self, entity, cue, kind=None, readback=False):
        rng, st, p, R = self.rng, self.style, self.p, self.rec
        if entity == "PHONE":
            t, f, sp = r_phone(rng, p["phone"], st, readback)
            return R.v(t, "PHONE", f, sp, cue, p["phone"])
        if entity == "SSN":
            if kind == "last4":
                t, f, sp = r_last4(rng, p["ssn"][5:], st)
                return R.v(t, "SSN", f, sp, cue, p["ssn"][5:])
            t, f, sp = r_ssn(rng, p["ssn"], st)
            return R.v(t, "SSN", f, sp, cue, p["ssn"])
        if entity == "CARD":
            if kind == "last4":
                t, f, sp = r_last4(rng, p["card"][-4:], st)
                return R.v(t, "CARD", f, sp, cue, p["card"][-4:])
            t, f, sp = r_card(rng, p["card"], st)
            return R.v(t, "CARD", f, sp, cue, p["card"])
        if entity == "DOB":
            t, f, sp = r_date(rng, p["dob"], st)
            return R.v(t, "DOB", f, sp, cue, p["dob"].isoformat())
        if entity == "ZIP":
            t, f, sp = r_zip(rng, p["zip"], st)
            return R.v(t, "ZIP", f, sp, cue, p["zip"])
        if entity == "MRN":
            if p["mrn"].startswith("RL"):
                t, f, sp = r_alnum(rng, p["mrn"], st, p["mrn_groups"])
            else:
                t, f, sp = r_digits_id(rng, p["mrn"], st, p["mrn_groups"])
            return R.v(t, "MRN", f, sp, cue, p["mrn"])
        if entity == "NPI":
            t, f, sp = r_digits_id(rng, p["npi"], st, (3, 3, 4))
            return R.v(t, "NPI", f, sp, cue, p["npi"])
        if entity == "MBI":
            t, f, sp = r_alnum(rng, p["mbi"], st, (4, 3, 4))
            return R.v(t, "MBI", f, sp, cue, p["mbi"])
        if entity == "MEMBER_ID":
            t, f, sp = r_alnum(rng, p["member"], st, p["member_groups"])
            return R.v(t, "MEMBER_ID", f, sp, cue, p["member"])
        if entity == "EMAIL":
            t, f, sp = r_email(rng, p["email_parts"], p["email_dom"], p["email"], st, kind)
            return R.v(t, "EMAIL", f, sp, cue, p["email"])
        if entity == "STREET":
            t, f, sp = r_street(rng, p["street"], st)
            return R.v(t, "STREET", f, sp, cue, street_value(p["street"]))
        if entity == "CITY":
            t = p["city"].lower() if st == "an" else p["city"]
            return R.v(t, "CITY", "city_plain", True, cue, p["city"])
        raise KeyError(entity)

    def NAME(self, name, cue, spelled=False, form=None):
        if spelled:
            t, f, sp = r_spelled(self.rng, name, self.style)
        else:
            t, f, sp = r_name(self.rng, name, self.style)
            if form:
                f = form
        return self.rec.v(t, "NAME", f, sp, cue, name)

    def NEG(self, text, what):
        return self.rec.n(text, what)

    def fill(self):
        return self.pick("", "", "Um, ", "Uh, ", "Yeah, ", "Okay, ")


# ---- negatives helpers

def neg_time(c):
    rng = c.rng
    h, m = rng.choice([7, 8, 9, 10, 11, 1, 2, 3, 4]), rng.choice([0, 15, 30, 45, 40, 20])
    ampm = "AM" if h >= 7 else "PM"
    if c.style in ("wh", "dg", "rt") and rng.random() < 0.7:
        t = "%d:%02d %s" % (h, m, ampm if rng.random() < 0.7 else ampm.lower())
    else:
        t = ONES[h] if h < 10 else two(h)
        if m:
            t += " " + (two(m) if m >= 10 else "oh " + ONES[m])
        if rng.random() < 0.6:
            t += " " + (rng.choice(["a m", "in the morning"]) if h >= 7 else
                        rng.choice(["p m", "in the afternoon"]))
    return c.NEG(t, "time")


def neg_appt_date(c):
    rng = c.rng
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    wd = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
    if c.style != "an" and rng.random() < 0.6:
        t = "%s, %s %d" % (wd, MONTHS[m - 1].capitalize(), d)
    else:
        t = "%s %s %s" % (wd.lower() if c.style == "an" else wd,
                          MONTHS[m - 1] if c.style == "an" else MONTHS[m - 1].capitalize(), ORD[d])
        if rng.random() < 0.3:
            t = "%s the %s" % (wd.lower() if c.style == "an" else wd, ORD[d])
    return c.NEG(t, "appointment_date")


def words_or_digits(c, n, p_words=None):
    p = p_words if p_words is not None else (0.85 if c.style == "an" else 0.35)
    return int_words(n) if c.rng.random() < p else str(n)


def neg_ids(c, what, n, letters=""):
    rng = c.rng
    val = letters + "".join(rng.choice("0123456789") for _ in range(n))
    if c.style == "an" or rng.random() < 0.3:
        t = " ".join(ONES[int(ch)] if ch.isdigit() else ch.lower() for ch in val)
        if rng.random() < 0.4:
            t = t.replace("zero", "oh")
    else:
        t = val
    return c.NEG(t, what)


def neg_accession(c):
    rng = c.rng
    mod = rng.choice(["CT", "MR", "US", "XR", "MG"])
    val = mod + "25" + "".join(rng.choice("0123456789") for _ in range(7))
    if c.style == "an" or rng.random() < 0.3:
        t = " ".join(ch.lower() if ch.isalpha() else ONES[int(ch)] for ch in val)
    else:
        t = val[:4] + "-" + val[4:] if rng.random() < 0.5 else val
    return c.NEG(t, "accession_number")


def neg_cpt(c, code):
    t = digit_words(code, c.pick("oh", "zero")) if c.style == "an" or c.rng.random() < 0.3 else code
    return c.NEG(t, "cpt_code")


def neg_tollfree(c):
    if c.style == "an" or c.rng.random() < 0.3:
        t = "one eight hundred five five five oh one nine nine"
        if c.rng.random() < 0.5:
            t = "eight hundred five five five zero one nine nine"
    else:
        t = c.pick("1-800-555-0199", "(800) 555-0199", "800-555-0199")
    return c.NEG(t, "toll_free_number")


# ---- blocks

def b_opening(c, reason):
    p, rng = c.p, c.rng
    ag = c.NAME(c.agent, "same")
    c.A(c.pick("Thank you for calling %s, this is %s. How can I help you?" % (ORG, ag),
               "%s patient services, my name is %s, how may I help you today?" % (ORG, ag),
               "Good morning, you've reached %s scheduling, %s speaking." % (ORG, ag)))
    volunteered = rng.random() < 0.2 and not c.relative
    if volunteered:
        nm = c.NAME("%s %s" % (p["first"], p["last"]), "none")
        dob = c.V("DOB", "none")
        if "results" in reason or "heard back" in reason:
            mrn = c.V("MRN", "none")
            c.C("%s %s. %s. %s. %s" % (c.pick("Hi, yeah.", "Yeah hi.", "Hello."), nm, dob, mrn, reason))
            c.facts["mrn"] = True
        else:
            c.C("%s %s. %s. %s" % (c.pick("Hi, yeah.", "Yeah hi.", "Hello."), nm, dob, reason))
        c.facts["name"] = True
        c.facts["dob"] = True
    elif c.relative:
        cn = c.NAME("%s %s" % c.caller, "same")
        rel = c.pick("father", "husband", "son") if p["first"] in MALE else \
            c.pick("mother", "wife", "daughter")
        c.pron = "his" if p["first"] in MALE else "her"
        c.C("Hi, my name is %s, I'm calling for my %s. %s" % (
            cn, rel, reason.replace("do I need", "does %s need" % ("he" if c.pron == "his" else "she"))
            .replace(" my ", " %s " % c.pron).replace("I'm on", "%s's on" % (
                "he" if c.pron == "his" else "she")).replace(" I ", " %s " % (
                    "he" if c.pron == "his" else "she"))))
    else:
        f = c.fill()
        c.C(f + ("hi. " if f else "Hi. ") + reason)
    return volunteered


def b_identity(c, volunteered):
    p, rng = c.p, c.rng
    full = "%s %s" % (p["first"], p["last"])
    if not volunteered:
        q = c.pick("Sure, I can help with that. Can I have the patient's first and last name?",
                   "Okay. What's the patient's full name?",
                   "I can look that up. First and last name please?")
        c.A(q)
        r = rng.random()
        spelled = False
        if r < 0.4:
            c.C(c.fill() + "%s." % c.NAME(full, "prev"))
        elif r < 0.7:
            c.C("It's %s, %s." % (c.NAME(full, "prev"), c.NAME(p["last"], "same", spelled=True)))
            spelled = True
        else:
            c.C("My name is %s." % c.NAME(full, "same") if not c.relative else
                "%s name is %s." % (c.pron.capitalize(), c.NAME(full, "same")))
        if not spelled and rng.random() < 0.6:
            c.A("And can you spell the last name for me?")
            c.C(c.fill() + "%s." % c.NAME(p["last"], "prev", spelled=True))
        if rng.random() < 0.2:
            c.A("And the first name, how is that spelled?")
            c.C("%s." % c.NAME(p["first"], "prev", spelled=True))
        c.A(c.pick("Thank you. And the date of birth?", "And what's the date of birth?",
                   "Can you verify the date of birth for me?"))
        r = rng.random()
        if r < 0.55:
            c.C(c.fill() + "%s." % c.V("DOB", "prev"))
        elif r < 0.8:
            c.C("It's %s." % c.V("DOB", "prev"))
        else:
            c.C("%s is %s." % (c.pron.capitalize() + " date of birth" if c.relative else
                               c.pick("My date of birth", "Birth date", "My birthday"),
                               c.V("DOB", "same")))
    if rng.random() < 0.45:
        title = "Mr." if p["first"] in MALE else "Ms."
        if c.style == "an":
            title = "mister" if title == "Mr." else "miss"
        if rng.random() < 0.5:
            c.A("Okay, I have %s, born %s. Is that correct?" % (c.NAME(full, "prev"),
                                                              c.V("DOB", "prev", readback=True)))
        else:
            c.A("Thank you, %s %s, I found the chart." % (title, c.NAME(p["last"], "prev")))
        c.C(c.pick("Yes.", "Yep, that's right.", "Correct.", "Mm-hmm."))
    c.facts["name"] = c.facts["dob"] = True


def b_phone(c, reason_q=None):
    rng = c.rng
    r = rng.random()
    if r < 0.55:
        c.A(reason_q or c.pick("What's the best phone number to reach you?",
                               "And a good callback number?",
                               "Is there a phone number we can text the reminder to?"))
        c.C(c.fill() + "%s." % c.V("PHONE", "prev") if rng.random() < 0.6 else
            "It's %s." % c.V("PHONE", "prev"))
    elif r < 0.85:
        c.A(c.pick("Let me update your contact info.", "Do you want the reminder call on the same number?"))
        c.C("%s cell is %s." % (c.pick("My", "The"), c.V("PHONE", "same")) if rng.random() < 0.5 else
            "Actually my phone number changed, it's %s." % c.V("PHONE", "same"))
    else:
        c.A(c.pick("Anything else I should note?", "Okay, anything else?"))
        c.C("Oh, and %s, in case you need to call me back." % c.V("PHONE", "none"))
    if rng.random() < 0.5:
        c.A("Let me read that back, %s?" % c.V("PHONE", "prev", readback=True))
        c.C(c.pick("Yes.", "That's it.", "Correct."))
    c.facts["phone"] = True


def first_email_kind(c):
    if written(c.rng, c.style):
        return "written"
    return c.pick("words", "spell_words", "spell_words", "mixed_written_local", "as_in_some")


def b_email(c, q=None):
    rng = c.rng
    c.A(q or c.pick("We'll send you an invitation to the patient portal. What email should it go to?",
                    "Do you have an email address for the portal invitation?",
                    "Would you like your results through the portal? I'd just need an email."))
    r = rng.random()
    if r < 0.5:
        c.C(c.fill() + "%s." % c.V("EMAIL", "prev", kind=first_email_kind(c)))
    else:
        c.C("Sure, my email is %s." % c.V("EMAIL", "same", kind=first_email_kind(c)))
    if rng.random() < 0.55:
        c.A("Can you spell that for me?")
        k = rng.choice(["spell_all", "hyphen_spelled", "as_in_some"])
        c.C("%s." % c.V("EMAIL", "prev", kind=k) + c.pick("", " All lowercase.", " No capitals."))
    if rng.random() < 0.45:
        c.A("So that's %s?" % c.V("EMAIL", "prev", kind="words" if c.style == "an" or rng.random() < 0.3
                                  else "written"))
        c.C(c.pick("Yes.", "Yep.", "That's right."))
    c.facts["email"] = True


def b_address(c, changed=False):
    rng = c.rng
    if changed or rng.random() < 0.5:
        c.A(c.pick("What's the new address?", "Okay, what's the new street address?"))
        c.C(c.fill() + "%s." % c.V("STREET", "prev"))
        c.A("And the city?")
        c.C("%s." % c.V("CITY", "prev"))
        c.A(c.pick("ZIP code?", "And the ZIP?"))
        c.C("%s." % c.V("ZIP", "prev"))
    else:
        c.A(c.pick("Can you verify your address for me?", "Is your address still the same?"))
        c.C("%s, I live at %s in %s, %s." % (c.pick("Yeah", "No, I moved"), c.V("STREET", "same"),
                                            c.V("CITY", "same"), c.V("ZIP", "same")))
    if rng.random() < 0.5:
        c.A("Okay, I have %s, %s, California %s." % (c.V("STREET", "prev"), c.V("CITY", "prev"),
                                                    c.V("ZIP", "prev")))
        c.C(c.pick("Yes.", "That's right.", "Correct."))
    c.facts["addr"] = True


def b_ssn(c, last4=None):
    rng = c.rng
    if last4 is None:
        last4 = rng.random() < 0.5
    if last4:
        c.A(c.pick("For verification, can I get the last four of your social?",
                   "I'll need the last four digits of the social security number."))
        if rng.random() < 0.6:
            c.C(c.fill() + "%s." % c.V("SSN", "prev", kind="last4"))
        else:
            c.C("Last four of %s social are %s." % (c.pron if c.relative else "my",
                                                   c.V("SSN", "same", kind="last4")))
        if rng.random() < 0.3:
            c.A("Ending in %s, thank you." % c.V("SSN", "prev", kind="last4"))
            c.C("Mm-hmm.")
    else:
        c.A(c.pick("For the registration I'll need a social security number, if you'd like to provide it.",
                   "And the social security number for the guarantor?",
                   "Can I have your social, for the insurance registration?"))
        r = rng.random()
        if r < 0.5:
            c.C(c.fill() + "%s." % c.V("SSN", "prev"))
        elif r < 0.8:
            c.C("Sure, my social is %s." % c.V("SSN", "same"))
        else:
            c.C("Let me get my card. Okay, %s." % c.V("SSN", "prev"))
        if rng.random() < 0.35:
            c.A("That's %s?" % c.V("SSN", "prev"))
            c.C("Yes.")
    c.facts["ssn" + ("4" if last4 else "")] = True


def b_mrn(c):
    rng = c.rng
    c.A(c.pick("Do you have your medical record number? It's on the top of your paperwork.",
               "Do you have the MRN handy?", "Can I get the MRN?"))
    r = rng.random()
    if r < 0.45:
        c.C(c.fill() + "%s." % c.V("MRN", "prev"))
    elif r < 0.8:
        c.C("Yes, %s MRN is %s." % (c.pron if c.relative else "my", c.V("MRN", "same")))
    else:
        c.C("Hold on. It says medical record number %s." % c.V("MRN", "same"))
    if rng.random() < 0.5:
        c.C("And there's also an accession number, %s, if that helps." % neg_accession(c))
        c.A("That's okay, the record number is all I need.")
    if rng.random() < 0.35:
        c.A("I have MRN %s." % c.V("MRN", "prev"))
        c.C("Yep.")
    c.facts["mrn"] = True


def b_provider(c, npi=True):
    rng = c.rng
    df, dl = c.p["doc"]
    c.A("Who is the ordering provider?")
    if rng.random() < 0.5:
        c.C("Doctor %s." % c.NAME(dl, "same") if c.style != "wh" else "Dr. %s." % c.NAME(dl, "same"))
    else:
        c.C("%s, %s, %s." % (c.NAME("%s %s" % (df, dl), "prev"), c.pick("she's my primary",
                                                                   "my oncologist", "the urologist"),
                            c.pick("I think", "at the Grossmont office")))
    if npi:
        c.A(c.pick("Do you happen to have the provider's NPI? The referral should list it.",
                   "Is there an NPI on the order?"))
        if rng.random() < 0.6:
            c.C(c.fill() + "%s." % c.V("NPI", "prev"))
        else:
            c.C("It says NPI %s." % c.V("NPI", "same"))
        c.facts["npi"] = True
    c.facts["doc"] = True


def b_card(c):
    rng = c.rng
    bal = rng.randint(2500, 98000)
    c.A("I see a balance of %s on statement number %s. Would you like to pay that today?" % (
        c.NEG(r_money(rng, bal, c.style), "money"), neg_ids(c, "invoice_number", 8)))
    c.C(c.pick("Yes, I'll pay it with a card.", "Yeah, can I do a card?", "Sure."))
    c.A(c.pick("Go ahead with the card number when you're ready.", "What's the card number?"))
    r = rng.random()
    if r < 0.6:
        c.C(c.fill() + "%s." % c.V("CARD", "prev"))
    else:
        c.C("Okay, card number is %s." % c.V("CARD", "same"))
    r = rng.random()
    if r < 0.5:
        c.A("Let me read that back: %s." % c.V("CARD", "prev"))
        c.C(c.pick("Yes.", "Correct.", "Yep, that's it."))
    elif r < 0.8:
        c.A("Okay, card ending in %s." % c.V("CARD", "prev", kind="last4"))
        c.C("Mm-hmm.")
    c.A("For the expiration and the security code I'm going to send you to the secure keypad, "
        "%s when you're done." % c.NEG(c.pick("press pound", "press one"), "menu_option"))
    c.A("And the billing ZIP code on the card?")
    c.C(c.fill() + "%s." % c.V("ZIP", "prev") if rng.random() < 0.7 else
        "ZIP code is %s." % c.V("ZIP", "same"))
    c.A("Your payment went through. Your confirmation number is %s." %
        neg_ids(c, "confirmation_number", 6, c.pick("PY", "K", "")))
    c.facts["card"] = c.facts["zip"] = True


def b_mbi(c):
    rng = c.rng
    c.A(c.pick("Can I get the Medicare number? It's on the red, white and blue card.",
               "And your Medicare beneficiary identifier?", "What's the Medicare ID on the card?"))
    r = rng.random()
    if r < 0.6:
        c.C(c.fill() + "Okay, it's %s." % c.V("MBI", "prev"))
    else:
        c.C("My Medicare number is %s." % c.V("MBI", "same"))
    if rng.random() < 0.5:
        c.A("Let me repeat that: %s." % c.V("MBI", "prev"))
        c.C("That's right.")
    c.facts["mbi"] = True


def b_member(c):
    rng = c.rng
    c.A(c.pick("And the member ID on your insurance card?", "What's the subscriber ID for the plan?"))
    if rng.random() < 0.6:
        c.C(c.fill() + "%s." % c.V("MEMBER_ID", "prev"))
    else:
        c.C("Member ID is %s." % c.V("MEMBER_ID", "same"))
    c.facts["member"] = True


def b_screening(c):
    """carrier exchange from MTS-Dialog, asked by the scheduler before the scan."""
    if not c.carriers:
        return
    lines = c.rng.choice(c.carriers)
    c.A("Before the scan I have a few screening questions.")
    for role, text in lines:
        (c.A if role == "Doctor" else c.C)(text)


def b_prep(c):
    rng = c.rng
    exam, cpt, prep = c.exam
    if prep == "contrast":
        c.A("This exam uses contrast, about %s of it through an IV. We have a creatinine from "
            "last month of %s, so you're fine." % (
                c.NEG(c.pick("a hundred milliliters", "one hundred ml", "100 mL" if c.style != "an"
                             else "eighty milliliters"), "dose"),
                c.NEG(c.pick("point nine", "zero point eight", "1.1" if c.style != "an" else "one point one"),
                      "lab_value")))
        c.A("Please don't eat anything for %s before, and if you take metformin hold it for %s after." % (
            c.NEG(c.pick("four hours", "two hours", "4 hours" if c.style != "an" else "three hours"), "duration"),
            c.NEG(c.pick("forty eight hours", "48 hours" if c.style != "an" else "two days"), "duration")))
    elif prep == "fasting":
        c.A("Nothing to eat or drink for %s before the ultrasound." % c.NEG(
            c.pick("eight hours", "six hours", "8 hours" if c.style != "an" else "twelve hours"), "duration"))
    else:
        if rng.random() < 0.5:
            c.A("The table has a weight limit of %s, is that okay for you?" % c.NEG(
                c.pick("five hundred pounds", "350 pounds" if c.style != "an" else "three fifty pounds",
                       "four hundred fifty pounds"), "weight"))
            c.C("Yes, that's fine.")
    c.C(c.pick("Okay.", "Got it.", "Okay, no problem."))


def b_appointment(c):
    rng = c.rng
    exam, cpt, prep = c.exam
    c.A("I have the order for %s, CPT %s, order number %s." % (
        exam, neg_cpt(c, cpt), neg_ids(c, "order_number", 7)))
    c.A("The first opening is %s at %s. %s that work for you?" % (
        neg_appt_date(c), neg_time(c), c.NEG("Will" if c.style != "an" else "will", "common_word")))
    c.C(c.pick("That works.", "Yes, that's fine.", "Do you have anything later? Okay, that's fine."))
    c.A("Great. It's at our %s location, %s, %s. Please arrive %s early." % (
        c.pick("Grossmont", "Mission Valley", "Oceanside", "Chula Vista"),
        c.NEG(c.pick("suite two ten", "suite 140" if c.style != "an" else "suite one forty",
                     "suite three oh five"), "room_number"),
        c.NEG(c.pick("second floor", "third floor", "first floor"), "room_number"),
        c.NEG(c.pick("fifteen minutes", "thirty minutes", "20 minutes" if c.style != "an"
                     else "twenty minutes"), "duration")))


def b_date(c, kind):
    rng = c.rng
    y = rng.randint(2023, 2025)
    d = datetime.date(y, rng.randint(1, 12), rng.randint(1, 28))
    t, f, sp = r_date(rng, d, c.style, allow_numeric=rng.random() < 0.5)
    if kind == "death":
        c.C("I'm calling about my %s's bill, she passed away on %s." % (
            c.pick("mother", "sister", "aunt"), c.rec.v(t, "DATE", f, sp, "same", d.isoformat())))
        c.A("I'm so sorry for your loss. I'll note the date of death on the account.")
    else:
        c.C("I was discharged from the hospital on %s and they want a follow-up scan." %
            c.rec.v(t, "DATE", f, sp, "same", d.isoformat()))
        c.A("Okay, I see the follow-up order.")


def b_billing_misc(c):
    rng = c.rng
    exam, cpt, prep = c.exam
    c.C("I got a statement for %s and I thought my insurance covered it." % c.NEG(
        r_money(rng, rng.randint(4000, 150000), c.style), "money"))
    c.A("Let me look. The claim number %s for CPT %s was processed on %s, and they applied "
        "%s to your deductible." % (
            neg_ids(c, "claim_number", 11), neg_cpt(c, cpt), neg_appt_date(c),
            c.NEG(r_money(rng, rng.randint(1000, 60000), c.style), "money")))
    c.A("We'll %s your secondary if you have one." % c.NEG("bill", "common_word"))
    c.C(c.pick("Okay, that makes sense.", "Oh, okay.", "I %s that's right." % c.NEG("hope", "common_word")))


def b_closing(c):
    rng = c.rng
    r = rng.random()
    if r < 0.35:
        c.A("If you have questions you can reach our imaging department at %s, extension %s." % (
            neg_tollfree(c), c.NEG(c.pick("four two one", "four twenty one", "421" if c.style != "an"
                                          else "two one three"), "extension")))
    elif r < 0.6:
        c.A("Next time you can also call %s and %s for billing." % (
            neg_tollfree(c), c.NEG(c.pick("press two", "press three"), "menu_option")))
    elif r < 0.75:
        c.A("I'll %s the chart so the team knows." % c.NEG("mark", "common_word"))
    if rng.random() < 0.4:
        c.A(c.pick("Anything else I can help with, %s?" % c.NAME(c.p["first"], "prev"),
                   "Thank you, %s, have a great day." % c.NAME(c.p["first"], "prev")))
    else:
        c.A(c.pick("Is there anything else I can help with?", "Thank you for calling, have a good day."))
    c.C(c.pick("No, that's it. Thank you.", "That's all, thanks.", "Thank you, bye."))


REASONS = {
    "imaging": ["I need to schedule my %s.", "My doctor ordered a %s and I want to set it up.",
                "I'm calling to schedule a %s for my appointment."],
    "lab": ["I need to make an appointment for a blood draw.", "I have lab orders, do I need an appointment?"],
    "results": ["I'm calling to get my results from the %s.", "I had a %s last week and I haven't heard back."],
    "billing": ["I have a question about my bill.", "I'd like to pay my bill."],
    "medicare": ["I got a letter that my Medicare information is missing.",
                 "I need to update my insurance, I'm on Medicare now."],
    "address": ["I moved and I need to update my address.", "I need to change my mailing address."],
}


def build_call(rng, style, rec, carriers, ctype):
    c = Call(rng, style, rec, carriers)
    exam = c.exam[0]
    reason = rng.choice(REASONS[ctype])
    if "%s" in reason:
        reason = reason % exam
    vol = b_opening(c, reason)
    b_identity(c, vol)
    medicare_age = c.p["dob"].year < 1959
    if ctype == "imaging":
        if rng.random() < 0.3:
            b_mrn(c)
        if medicare_age and rng.random() < 0.6:
            b_mbi(c)
        elif rng.random() < 0.45:
            b_member(c)
        if rng.random() < 0.35:
            b_ssn(c, last4=False)
        b_appointment(c)
        if rng.random() < 0.6:
            b_screening(c)
        b_prep(c)
        if rng.random() < 0.75:
            b_phone(c)
        if rng.random() < 0.7:
            b_email(c)
    elif ctype == "lab":
        c.A("You don't need an appointment, but I can book one. Order number is %s. Fasting for %s." % (
            neg_ids(c, "order_number", 7), c.NEG(c.pick("twelve hours", "eight hours",
                                                       "10 hours" if style != "an" else "ten hours"),
                                                "duration")))
        if rng.random() < 0.3:
            b_mrn(c)
        if rng.random() < 0.4:
            b_ssn(c, last4=rng.random() < 0.6)
        if medicare_age and rng.random() < 0.5:
            b_mbi(c)
        elif rng.random() < 0.3:
            b_member(c)
        c.A("We have %s at %s at the lab in %s." % (neg_appt_date(c), neg_time(c), c.NEG(
            c.pick("suite one oh four", "suite 104" if style != "an" else "suite one twelve"), "room_number")))
        c.C("Perfect.")
        if rng.random() < 0.7:
            b_phone(c)
        if rng.random() < 0.5:
            b_email(c)
    elif ctype == "results":
        if rng.random() < 0.3:
            b_date(c, "discharge")
        b_mrn(c)
        b_provider(c, npi=rng.random() < 0.65)
        c.A("The results are final. I can't read them to you, but %s will review them, and "
            "they'll show in the portal in about %s." % (
                c.pick("the doctor", "your provider"),
                c.NEG(c.pick("two business days", "forty eight hours", "24 hours" if style != "an"
                             else "three days"), "duration")))
        if rng.random() < 0.3:
            c.A("If you develop chest pain or trouble breathing, call %s." % c.NEG(
                "nine one one" if style == "an" else "911", "emergency_number"))
        if rng.random() < 0.6:
            b_phone(c, "What number should the nurse call you back on?")
        if rng.random() < 0.35:
            b_email(c)
    elif ctype == "billing":
        if rng.random() < 0.2:
            b_date(c, "death")
        if rng.random() < 0.6:
            b_ssn(c, last4=True)
        elif rng.random() < 0.4:
            b_mrn(c)
        if rng.random() < 0.5:
            b_billing_misc(c)
        if rng.random() < 0.85:
            b_card(c)
        if rng.random() < 0.4:
            c.A("Would you like the receipt by email?")
            c.C("Yes please.")
            b_email(c, c.pick("What email should the receipt go to?", "Okay, what's the email?"))
    elif ctype == "medicare":
        b_mbi(c)
        if rng.random() < 0.35:
            b_ssn(c, last4=rng.random() < 0.4)
        if rng.random() < 0.5:
            b_address(c)
        if rng.random() < 0.5:
            b_phone(c)
    else:
        b_address(c, changed=True)
        if rng.random() < 0.6:
            b_phone(c)
        if rng.random() < 0.35:
            b_email(c)
        if rng.random() < 0.4:
            b_ssn(c, last4=rng.random() < 0.5)
    b_closing(c)
    return c


# ----------------------------------------------------------------------------------------------
# summaries (LLM-written: written forms)

def summary(c, rng):
    p, R = c.p, c.rec
    full = "%s %s" % (p["first"], p["last"])
    bits = ["Caller %s" % R.v(full, "NAME", "name_summary", False, "same", full)]
    if c.facts.get("dob"):
        d = p["dob"]
        t = rng.choice(["%02d/%02d/%d" % (d.month, d.day, d.year),
                        "%s %d, %d" % (MONTHS[d.month - 1].capitalize(), d.day, d.year)])
        bits[0] += " (DOB %s)" % R.v(t, "DOB", "written_summary", False, "same", d.isoformat())
    bits[0] += " called %s." % rng.choice(["regarding %s" % c.exam[0], "the patient line",
                                           "about an account question"])
    if c.facts.get("mrn"):
        bits.append("MRN %s verified." % R.v(p["mrn"], "MRN", "written_summary", False, "same", p["mrn"]))
    if c.facts.get("mbi"):
        bits.append("Medicare ID %s on file." % R.v(p["mbi"], "MBI", "written_summary", False, "same",
                                                    p["mbi"]))
    if c.facts.get("phone"):
        ph = p["phone"]
        bits.append("Callback number %s." % R.v("(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "PHONE",
                                                "written_summary", False, "same", ph))
    if c.facts.get("email"):
        bits.append("Portal invitation sent to %s." % R.v(p["email"], "EMAIL", "written_summary",
                                                          False, "same", p["email"]))
    if c.facts.get("addr"):
        st = p["street"]
        sv = "%s %s %s%s" % (st[0], st[1], st[3], (" Apt %s" % st[4][1]) if st[4] else "")
        bits.append("Address updated to %s, %s, CA %s." % (
            R.v(sv, "STREET", "written_summary", False, "same", street_value(st)),
            R.v(p["city"], "CITY", "written_summary", False, "same", p["city"]),
            R.v(p["zip"], "ZIP", "written_summary", False, "same", p["zip"])))
    if c.facts.get("card"):
        bits.append("Payment taken on card ending %s." % R.v(p["card"][-4:], "CARD", "last4_summary",
                                                            False, "same", p["card"][-4:]))
    if c.facts.get("doc"):
        df, dl = p["doc"]
        bits.append("Ordering provider Dr. %s." % R.v("%s %s" % (df, dl), "NAME", "name_summary", False,
                                                      "same", "%s %s" % (df, dl)))
    return " ".join(bits)


# ----------------------------------------------------------------------------------------------
# record renderers

LABELS = [("AGENT", "CUSTOMER"), ("Agent", "Caller"), ("Rep", "Caller"), ("Speaker 1", "Speaker 2")]


def hms(s):
    return "[%02d:%02d:%02d]" % (s // 3600, s % 3600 // 60, s % 60)


def make_transcript(rng, rec, c, kind):
    la, lc = rng.choice(LABELS)
    if rng.random() < 0.5:
        la, lc = ("Speaker 2", "Speaker 1") if la == "Speaker 1" else (la, lc)
    stamps = rng.random() < 0.35
    t = rng.randint(0, 20)
    lines = []
    for role, txt in c.turns:
        line = "%s: %s" % (la if role == "A" else lc, finish_turn(txt, c.style))
        if stamps:
            line = hms(t) + " " + line
            t += rng.randint(2, 14)
        lines.append(line)
    return "\n".join(lines)


def uid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:])


def make_deepgram(rng, rec, c):
    tt = 0.0
    words, utts, texts = [], [], []
    spk = {"A": 0, "C": 1}
    for role, txt in c.turns:
        txt = finish_turn(txt, c.style)
        start = tt
        for punct, w in marked_words(rec, txt):
            d = round(rng.uniform(0.12, 0.6), 2)
            words.append({"word": w, "start": round(tt, 2), "end": round(tt + d, 2),
                          "confidence": round(rng.uniform(0.71, 0.999), 4), "speaker": spk[role],
                          "speaker_confidence": round(rng.uniform(0.5, 0.99), 2),
                          "punctuated_word": punct})
            tt += d + round(rng.uniform(0.0, 0.2), 2)
        utts.append({"start": round(start, 2), "end": round(tt, 2),
                     "confidence": round(rng.uniform(0.8, 0.99), 4), "channel": 0,
                     "transcript": txt, "speaker": spk[role], "id": uid(rng)})
        texts.append(txt)
        tt += rng.uniform(0.3, 1.5)
    payload = {
        "metadata": {"transaction_key": "deprecated", "request_id": uid(rng),
                     "sha256": "%064x" % rng.getrandbits(256),
                     "created": "2025-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
                         rng.randint(1, 12), rng.randint(1, 28), rng.randint(14, 23),
                         rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                     "duration": round(tt, 3), "channels": 1, "models": [uid(rng)],
                     "model_info": {}},
        "results": {"channels": [{"alternatives": [{"transcript": " ".join(texts),
                                                   "confidence": round(rng.uniform(0.9, 0.99), 4),
                                                   "words": words}]}],
                    "utterances": utts}}
    mid = payload["metadata"]["models"][0]
    payload["metadata"]["model_info"] = {mid: {"name": "general-nova-3", "version": "2025-01-01.0",
                                               "arch": "nova-3"}}
    return payload


def make_retell(rng, rec, c):
    lines, objs = [], []
    tt = 0.0
    with_words = rng.random() < 0.5
    for role, txt in c.turns:
        txt = finish_turn(txt, c.style)
        lines.append("%s: %s" % ("Agent" if role == "A" else "User", txt))
        o = {"role": "agent" if role == "A" else "user", "content": txt}
        if with_words:
            ws = []
            for punct, w in marked_words(rec, txt):
                d = round(rng.uniform(0.1, 0.5), 3)
                ws.append({"word": punct, "start": round(tt, 3), "end": round(tt + d, 3)})
                tt += d
            o["words"] = ws
        tt += 0.8
        objs.append(o)
    start = 1735700000000 + rng.randint(0, 30000000000)
    p = c.p
    from_num = rec.v("+1" + p["phone"], "PHONE", "e164_caller_id", False, "none", p["phone"])
    custom = {"call_reason": c.ctype}
    if c.facts.get("name"):
        full = "%s %s" % (p["first"], p["last"])
        custom["patient_name"] = rec.v(full, "NAME", "name_field", False, "same", full)
    if c.facts.get("dob"):
        custom["date_of_birth"] = rec.v(p["dob"].isoformat(), "DOB", "iso_field", False, "same",
                                        p["dob"].isoformat())
    if c.facts.get("phone"):
        custom["callback_number"] = rec.v(p["phone"], "PHONE", "digits_field", False, "same",
                                          p["phone"])
    if c.facts.get("mrn"):
        custom["mrn"] = rec.v(p["mrn"], "MRN", "field", False, "same", p["mrn"])
    payload = {"event": "call_analyzed", "call": {
        "call_type": "phone_call", "from_number": from_num,
        "to_number": rec.n("+1" + TOLLFREE, "toll_free_number"), "direction": "inbound",
        "call_id": "call_%032x" % rng.getrandbits(128),
        "agent_id": "agent_%024x" % rng.getrandbits(96), "agent_version": rng.randint(1, 9),
        "call_status": "ended", "start_timestamp": start,
        "end_timestamp": start + int(tt * 1000) + 4000,
        "duration_ms": int(tt * 1000) + 4000,
        "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
        "transcript": "\n".join(lines), "transcript_object": objs,
        "call_analysis": {"call_summary": summary(c, rng), "in_voicemail": False,
                          "user_sentiment": rng.choice(["Positive", "Neutral"]),
                          "call_successful": True, "custom_analysis_data": custom},
        "opt_out_sensitive_data_storage": False}}
    return payload


def make_generic(rng, rec, c):
    names = rng.choice([("agent", "customer"), ("AGENT", "CUSTOMER"), ("Agent", "Caller"),
                        ("rep", "caller"), ("Speaker 1", "Speaker 2")])
    conv = [{"speaker": names[0] if role == "A" else names[1], "text": finish_turn(txt, c.style)}
            for role, txt in c.turns]
    payload = {"interaction_id": uid(rng),
               "queue": {"imaging": "Imaging Scheduling", "lab": "Lab Appointments",
                         "results": "Results Line", "billing": "Patient Billing",
                         "medicare": "Registration", "address": "Registration"}[c.ctype],
               "channel": "voice", "started_at": "2025-%02d-%02dT%02d:%02d:%02dZ" % (
                   rng.randint(1, 12), rng.randint(1, 28), rng.randint(14, 23), rng.randint(0, 59),
                   rng.randint(0, 59))}
    if rng.random() < 0.4:
        payload["ani"] = rec.v("+1" + c.p["phone"], "PHONE", "e164_ani", False, "none", c.p["phone"])
        payload["dnis"] = rec.n("+1" + TOLLFREE, "toll_free_number")
    payload["conversation"] = conv
    if rng.random() < 0.45:
        payload["summary"] = summary(c, rng)
    payload["qa"] = {"score": rng.randint(70, 100), "greeting": True,
                     "hipaa_verification": rng.choice([True, True, False])}
    return payload


# ----------------------------------------------------------------------------------------------
# carriers

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
    return None


FALLBACK = [[("Doctor", "Any allergies I should know about?"), ("Patient", "No, none that I know of.")],
            [("Doctor", "Have you had any surgeries in the past?"), ("Patient", "Yes, I had knee surgery.")]]


def load_carriers(cdir):
    if not cdir:
        sys.stderr.write("warning: carrier-sources not found, using two built-in exchanges\n")
        return FALLBACK
    rows = []
    for fn in ("MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"):
        with open(os.path.join(cdir, "mts-dialog", fn), encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    out = []
    for r in sorted(rows, key=lambda r: (int(r["ID"]) if r["ID"].isdigit() else 0, r["ID"])):
        if r["section_header"] not in ("ALLERGY", "MEDICATIONS", "PASTSURGICAL", "PASTMEDICALHX"):
            continue
        lines = [l.strip() for l in r["dialogue"].split("\n") if l.strip()]
        if not 2 <= len(lines) <= 4:
            continue
        ex, good = [], True
        for l in lines:
            m = re.match(r"(Doctor|Patient): (.*)$", l)
            if not m or len(l) > 200 or re.search(r"\d|nineteen|twenty|thousand", l, re.I):
                good = False
                break
            body = " ".join(m.group(2).split())
            for w in re.findall(r"(?<![.?!] )(?<!^)\b[A-Z][a-z']*", body):
                if w not in ("I", "I'm", "I've", "I'd", "I'll"):
                    good = False
            if re.search(r"\b(will|may|bill|grant|hope|mark|press)\b", body, re.I):
                good = False
            ex.append((m.group(1), body))
        if good:
            out.append(ex)
    return out


# ----------------------------------------------------------------------------------------------

CTYPES = [("imaging", 22), ("lab", 10), ("results", 22), ("billing", 28), ("medicare", 10),
          ("address", 8)]


def generate(seed, n, carriers):
    rng = random.Random(seed)
    recs = []
    n_tr = int(round(n * 0.55))
    kinds = [0.0] * n_tr + [1.0] * (n - n_tr)
    rng.shuffle(kinds)
    for i in range(n):
        fmt_r = kinds[i]
        ctype = rng.choices([c for c, _ in CTYPES], [w for _, w in CTYPES])[0]
        rec = Rec()
        if fmt_r < 0.55:
            style = rng.choice(["an", "an", "an", "wh", "dg"])
            kind = {"an": rng.choice(["talkdesk_export", "genesys_export"]), "wh": "whisper",
                    "dg": "deepgram_smart_text"}[style]
            for _ in range(50):
                sub = random.Random(rng.getrandbits(64))
                rec = Rec()
                c = build_call(sub, style, rec, carriers, ctype)
                if 8 <= len(c.turns) <= 40:
                    break
            marked = make_transcript(sub, rec, c, kind)
            fmt, profile = "transcript", None
        else:
            prof = rng.choice(["deepgram", "retell", "retell", "generic", "generic"])
            style = {"deepgram": "dg", "retell": "rt", "generic": rng.choice(["an", "an", "wh"])}[prof]
            for _ in range(50):
                sub = random.Random(rng.getrandbits(64))
                rec = Rec()
                c = build_call(sub, style, rec, carriers, ctype)
                c.ctype = ctype
                if prof != "deepgram" or len(c.turns) <= 22:
                    break
            c.ctype = ctype
            payload = {"deepgram": make_deepgram, "retell": make_retell,
                       "generic": make_generic}[prof](sub, rec, c)
            marked = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            fmt, profile = "json", prof
            kind = {"deepgram": "deepgram_prerecorded_diarized", "retell": "retell_call_analyzed",
                    "generic": "conversation_object_%s" % ("analytics" if style == "an" else "whisper")}[prof]
        text, spans, negs = rec.finalize(marked)
        o = {"id": "h31-%05d" % (i + 1), "format": fmt}
        if profile:
            o["profile"] = profile
        o["kind"] = kind
        o["call_type"] = ctype
        o["text"] = text
        o["spans"] = spans
        o["negatives"] = negs
        recs.append(o)
    return recs


# ----------------------------------------------------------------------------------------------
# check

NUM1 = {w: i for i, w in enumerate(ONES)}
TEENW = {w: 10 + i for i, w in enumerate(TEENS)}
TENSW = {w: i for i, w in enumerate(TENS) if w}
FILL = {"uh", "um", "er", "ah"}


def norm(text, mode):
    toks = re.findall(r"[a-z]+|\d+|[@._]", text.lower())
    out, i, mult = [], 0, 1
    while i < len(toks):
        t = toks[i]
        piece = None
        if t in FILL:
            i += 1
            continue
        if t == "as" and i + 2 < len(toks) and toks[i + 1] == "in":
            i += 4 if toks[i + 2] == "x" and i + 3 < len(toks) and toks[i + 3] == "ray" else 3
            continue
        if t in ("double", "triple"):
            mult = 2 if t == "double" else 3
            i += 1
            continue
        if mode == "letters":
            if t in NATO:
                piece = NATO[t]
            elif t == "x" and i + 1 < len(toks) and toks[i + 1] == "ray":
                piece = "x"
                i += 1
            elif len(t) == 1 and t.isalpha():
                piece = t
            elif t == "oh":
                piece = "o"
            else:
                piece = ""
        elif t.isdigit():
            piece = t
        elif t in TENSW:
            if i + 1 < len(toks) and toks[i + 1] in NUM1 and toks[i + 1] != "zero":
                piece = str(TENSW[t] * 10 + NUM1[toks[i + 1]])
                i += 1
            else:
                piece = str(TENSW[t] * 10)
        elif t in TEENW:
            piece = str(TEENW[t])
        elif t in NUM1:
            piece = str(NUM1[t])
        elif t == "oh" or (t == "o" and mode != "email"):
            piece = "0"
        elif t == "hundred":
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if nxt in NUM1:
                piece = "0" + str(NUM1[nxt])
                i += 1
            elif nxt in TEENW or nxt in TENSW:
                piece = ""
            else:
                piece = "00"
        elif mode == "alnum":
            if t in NATO:
                piece = NATO[t]
            elif t == "x" and i + 1 < len(toks) and toks[i + 1] == "ray":
                piece = "x"
                i += 1
            elif len(t) == 1:
                piece = t
            elif re.fullmatch(r"[a-z]{2,3}", t) and t not in ("and", "the"):
                piece = t      # written prefix like "RL" / "XDP"
            else:
                piece = ""
        elif mode == "email":
            piece = {"dot": ".", "at": "@", "underscore": "_"}.get(t, t)
        else:
            piece = ""
        out.append(piece * mult)
        mult = 1
        i += 1
    return "".join(out)


def valid_value(e, v, form):
    if e == "PHONE":
        return re.fullmatch(r"[2-9]\d\d55501\d\d", v) is not None
    if e == "SSN":
        if len(v) == 4:
            return v.isdigit() and v != "0000"
        a, g, s = v[:3], v[3:5], v[5:]
        return (re.fullmatch(r"\d{9}", v) is not None and a not in ("000", "666") and a[0] != "9"
                and g != "00" and s != "0000")
    if e == "CARD":
        if len(v) == 4:
            return v.isdigit()
        return luhn_ok(v) and (len(v) == 16 and v[0] in "456" or len(v) == 15 and v[:2] in ("34", "37"))
    if e in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return 1936 <= d.year <= 2010 if e == "DOB" else 2020 <= d.year <= 2026
    if e == "ZIP":
        return re.fullmatch(r"9[0-6]\d{3}(\d{4})?", v) is not None
    if e == "MRN":
        return re.fullmatch(r"[1-4]\d{7}|RL\d{7}", v) is not None
    if e == "MBI":
        return re.fullmatch(r"[1-9][%s][%s0-9]\d[%s][%s0-9]\d[%s]{2}\d\d" % ((MBI_ALPHA,) * 5), v) is not None
    if e == "NPI":
        return re.fullmatch(r"[12]\d{9}", v) is not None and luhn_ok("80840" + v)
    if e == "MEMBER_ID":
        return re.fullmatch(r"[A-Z]{3}\d{9}|W\d{9}|\d{11}[A-Z]", v) is not None
    if e == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z]+\.(com|net)", v) is not None
    if e == "NAME":
        return re.fullmatch(r"[A-Za-z][A-Za-z' -]*", v) is not None
    if e == "STREET":
        return re.fullmatch(r"\d+ [A-Za-z ]+( [a-z]+ \w+)?", v) is not None
    if e == "CITY":
        return re.fullmatch(r"[A-Za-z ]+", v) is not None
    return False


def consistent(e, v, s, form):
    """Does the rendered span text s render the canonical value v?"""
    if e in ("PHONE", "SSN", "CARD", "ZIP", "NPI"):
        d = norm(s, "digits")
        if e == "PHONE" and len(d) == 11 and d[0] == "1":
            d = d[1:]
        return d == v
    if e in ("MRN", "MBI", "MEMBER_ID"):
        return norm(s, "alnum") == v.lower()
    if e == "EMAIL":
        return norm(s.replace("-", " "), "email") == v
    if e == "NAME":
        want = re.sub("[^a-z]", "", v.lower())
        if form.startswith("spelled"):
            return norm(s, "letters") == want
        return re.sub("[^a-z]", "", s.lower()) == want
    if e == "CITY":
        return s.lower() == v.lower()
    if e == "STREET":
        return norm(s, "digits").startswith(v.split()[0])
    if e in ("DOB", "DATE"):
        d = datetime.date.fromisoformat(v)
        low = s.lower()
        m_ok = MONTHS[d.month - 1] in low or re.search(r"\b0?%d/" % d.month, low) or \
            low.startswith(pair_words("%02d" % d.month)) or low.startswith(ONES[d.month] if d.month < 10
                                                                           else two(d.month)) \
            or low.startswith(d.isoformat()[:4])
        return bool(m_ok)
    return False


def string_ranges(b):
    """Byte ranges of the interiors of all JSON strings in a compact JSON line."""
    res, i, n = [], 0, len(b)
    while i < n:
        if b[i:i + 1] == b'"':
            j = i + 1
            while b[j:j + 1] != b'"':
                j += 2 if b[j:j + 1] == b"\\" else 1
            res.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return res


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(AGENT|CUSTOMER|Agent|Caller|Rep|Speaker 1|Speaker 2): \S")


def check(recs):
    errs = []
    ids = set()
    for r in recs:
        rid = r.get("id")

        def bad(msg):
            errs.append("%s: %s" % (rid, msg))
        if rid in ids:
            bad("duplicate id")
        ids.add(rid)
        for k in ("id", "format", "kind", "text", "spans", "negatives"):
            if k not in r:
                bad("missing " + k)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                bad("turns %d" % len(lines))
            for l in lines:
                if not LABEL_RE.match(l):
                    bad("bad line %r" % l[:60])
            if text.endswith("\n"):
                bad("trailing newline")
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as ex:
                bad("json: %s" % ex)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                bad("not compact json")
            if r.get("profile") not in ("deepgram", "retell", "generic"):
                bad("profile")
            strs = string_ranges(b)
        else:
            bad("format")
        items = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                bad("span offsets")
                continue
            try:
                st = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                bad("span not on utf-8 boundary")
                continue
            if st != st.strip() or not st:
                bad("span whitespace %r" % st)
            if not re.match(r"\w", st[0]) and st[0] not in "(+$" or not re.match(r"[\w)]", st[-1]):
                bad("span edge %r" % st)
            for key in ("entity", "spoken", "cue", "form", "value"):
                if key not in s:
                    bad("span missing " + key)
            if s["cue"] not in ("same", "prev", "none"):
                bad("cue")
            if not valid_value(s["entity"], s["value"], s["form"]):
                bad("invalid %s value %r" % (s["entity"], s["value"]))
            if not s.get("piece") and not consistent(s["entity"], s["value"], st, s["form"]):
                bad("%s rendering %r does not render %r" % (s["entity"], st, s["value"]))
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z for a, z in strs):
                bad("span outside a JSON string")
            items.append((s["start"], s["end"], "span"))
        for n in r["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)) or "what" not in n:
                bad("negative")
                continue
            if r["format"] == "json" and not any(a <= n["start"] and n["end"] <= z for a, z in strs):
                bad("negative outside a JSON string")
            items.append((n["start"], n["end"], "neg"))
        items.sort()
        for x, y in zip(items, items[1:]):
            if y[0] < x[1]:
                bad("overlap %r %r" % (x, y))
    return errs


def stats(recs):
    out = []
    c = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    negs = collections.Counter()
    fm = collections.Counter()
    pieces = collections.Counter()
    for r in recs:
        fm[(r["format"], r.get("profile") or "-", r["kind"])] += 1
        for s in r["spans"]:
            if s.get("piece"):
                pieces[s["entity"]] += 1
                continue
            sp = "spoken" if s["spoken"] else "written"
            c[(s["entity"], sp, s["cue"])] += 1
            forms[s["entity"]][s["form"]] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out.append("records: %d  (%s)" % (len(recs), ", ".join(
        "%s %d" % (f, sum(v for k, v in fm.items() if k[0] == f)) for f in ("transcript", "json"))))
    for k in sorted(fm):
        out.append("  %-10s %-9s %-34s %d" % (k[0], k[1], k[2], fm[k]))
    ct = collections.Counter(r.get("call_type") for r in recs)
    out.append("call types: " + ", ".join("%s %d" % kv for kv in sorted(ct.items())))
    out.append("")
    out.append("%-10s %6s | %6s %6s %6s | %6s %6s %6s %6s | %5s" % (
        "entity", "spoken", "same", "prev", "none", "writtn", "same", "prev", "none", "all"))
    ents = sorted({k[0] for k in c})
    tot = collections.Counter()
    for e in ents:
        row = [sum(c[(e, "spoken", q)] for q in ("same", "prev", "none"))]
        row += [c[(e, "spoken", q)] for q in ("same", "prev", "none")]
        row += [sum(c[(e, "written", q)] for q in ("same", "prev", "none"))]
        row += [c[(e, "written", q)] for q in ("same", "prev", "none")]
        row.append(row[0] + row[4])
        for j, x in enumerate(row):
            tot[j] += x
        out.append("%-10s %6d | %6d %6d %6d | %6d %6d %6d %6d | %5d" % tuple([e] + row))
    out.append("%-10s %6d | %6d %6d %6d | %6d %6d %6d %6d | %5d" % tuple(["total"] + [tot[j] for j in range(9)]))
    out.append("(values only; word-array pieces, one span per word of a value in Deepgram `words` / "
               "Retell `transcript_object[].words`: %d: %s)" % (
                   sum(pieces.values()), ", ".join("%s %d" % kv for kv in sorted(pieces.items()))))
    out.append("")
    out.append("negatives (%d): " % sum(negs.values()) + ", ".join(
        "%s %d" % kv for kv in sorted(negs.items(), key=lambda kv: (-kv[1], kv[0]))))
    out.append("")
    out.append("forms:")
    for e in ents:
        out.append("  %s: %s" % (e, ", ".join("%s %d" % kv for kv in sorted(
            forms[e].items(), key=lambda kv: (-kv[1], kv[0])))))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=3131)
    ap.add_argument("-n", type=int, default=150)
    ap.add_argument("--carrier-dir", default=None)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        recs.append(json.loads(line))
        errs = check(recs)
        for e in errs[:60]:
            print("ERROR", e)
        print(stats(recs))
        print("\ncheck: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    carriers = load_carriers(find_carrier_dir(a.carrier_dir))
    recs = generate(a.seed, a.n, carriers)
    errs = check(recs)
    if errs:
        for e in errs[:40]:
            sys.stderr.write("ERROR %s\n" % e)
        sys.exit("generated records fail --check (%d errors)" % len(errs))
    if a.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
