#!/usr/bin/env python3
"""holdout48: dental / orthodontic offices and hospital patient-billing call centers.

Labelled spoken-PHI corpus: plain call transcripts and contact-center analytics payloads
(Transcribe Call Analytics / standard, Deepgram, Retell, Vapi) with fictitious PHI injected.
Python 3 standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is.

  python3 gen_holdout48.py [--seed N] [--n 150] > holdout48.jsonl
  python3 gen_holdout48.py --stats                # stats of a fresh generation
  python3 gen_holdout48.py --check holdout48.jsonl  # re-validate a file (+ stats)
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 48048
DEFAULT_N = 150

# ---------------------------------------------------------------- vocabulary
ONES = "zero one two three four five six seven eight nine".split()
TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
         "nineteen").split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth"]
ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "z": "zulu"}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
         "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
         "m": "mary", "n": "nancy", "o": "ocean", "p": "paul", "q": "queen", "r": "robert",
         "s": "sam", "t": "tom", "u": "umbrella", "v": "victor", "w": "william", "x": "x-ray",
         "y": "yellow", "z": "zebra"}

FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
           "Sarah", "Karen", "Lisa", "Nancy", "Sandra", "Ashley", "Kimberly", "Donna", "Michelle",
           "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rosa", "Guadalupe", "Lucia",
           "Priya", "Keisha", "Oksana", "Fatima", "Yolanda", "Brianna", "Renee", "Marisela",
           "Tamika", "Ingrid", "Noelle"]
FIRST_M = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph",
           "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Andrew",
           "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason",
           "Hector", "Arjun", "DeShawn", "Tomasz", "Yusuf", "Raymond", "Dwayne", "Curtis",
           "Emeka", "Luis", "Gregory"]
FIRST_KID = ["Aiden", "Sophia", "Jayden", "Olivia", "Mateo", "Isabella", "Liam", "Ava",
             "Elijah", "Mia", "Caleb", "Harper", "Nevaeh", "Kai", "Zoe", "Landon", "Aaliyah",
             "Ezra", "Camila", "Owen"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
        "Taylor", "Moore", "Jackson", "Thompson", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "Wright", "Torres", "Nguyen", "Flores",
        "Adams", "Nelson", "Baker", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Kowalski", "Okafor", "Patel", "Delgado", "Brennan", "Castellanos", "Haddad",
        "Lindqvist", "Abernathy", "Whitfield", "Szymanski", "Oyelaran", "Truong", "Villanueva",
        "McAllister", "Pruitt", "Dombrowski", "Espinoza", "Gallagher", "Yamamoto"]
AGENTS = ["Tasha", "Brandon", "Marisol", "Kendra", "Luis", "Janelle", "Trevor", "Monique",
          "Derek", "Alicia", "Shanice", "Corey", "Rochelle", "Dustin", "Imani", "Wendell"]
DENTISTS = ["Okafor", "Lindqvist", "Haddad", "Castellanos", "Abernathy", "Truong", "Pruitt",
            "Szymanski", "Whitfield", "Oyelaran", "Brennan", "Villanueva"]
PLACES = [("Columbus", "Ohio", "43215"), ("Sacramento", "California", "95814"),
          ("Tulsa", "Oklahoma", "74103"), ("Raleigh", "North Carolina", "27601"),
          ("Spokane", "Washington", "99201"), ("Boise", "Idaho", "83702"),
          ("Albuquerque", "New Mexico", "87102"), ("Dayton", "Ohio", "45402"),
          ("Fresno", "California", "93721"), ("Madison", "Wisconsin", "53703"),
          ("Omaha", "Nebraska", "68102"), ("Knoxville", "Tennessee", "37902"),
          ("Springfield", "Illinois", "62701"), ("Lancaster", "Pennsylvania", "17602"),
          ("Lubbock", "Texas", "79401"), ("Grand Rapids", "Michigan", "49503"),
          ("Wichita", "Kansas", "67202"), ("Savannah", "Georgia", "31401"),
          ("Tacoma", "Washington", "98402"), ("Worcester", "Massachusetts", "01608"),
          ("Portland", "Maine", "04101"), ("Des Moines", "Iowa", "50309"),
          ("Chattanooga", "Tennessee", "37402"), ("Bakersfield", "California", "93301")]
STREETS = ["Maple", "Cedar", "Elm", "Willow", "Birch", "Sycamore", "Juniper", "Hawthorne",
           "Larkspur", "Meadowbrook", "Foxglove", "Quail Run", "Copper Creek", "Alder",
           "Chestnut", "Magnolia", "Pinecrest", "Harvest Moon", "Old Mill", "Kingfisher"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Road", "Rd."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Circle", "Cir."), ("Parkway", "Pkwy.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net", "att.net", "protonmail.com"]
AREA = ["614", "916", "918", "919", "509", "208", "505", "937", "559", "608", "402", "865",
        "217", "717", "806", "616", "316", "912", "253", "508", "207", "515", "423", "661",
        "415", "312", "704", "330"]
HOSP = ["Riverbend Regional", "Northgate Medical Center", "Prairie View Health",
        "Lakeshore University Hospital", "Tri-County Medical Center"]
DENTAL = ["Northgate Family Dental", "Cedar Ridge Dental Group", "Brightwater Dental",
          "Sunnyslope Dental Care", "Harbor Point Dentistry"]
ORTHO = ["Cedar Ridge Orthodontics", "Straight Path Orthodontics", "Lakeside Ortho",
         "Summit Orthodontic Specialists"]
PAYERS = ["Delta Dental", "MetLife Dental", "Guardian", "Cigna Dental", "United Concordia",
          "Aetna Dental"]
PROCS = [("D1110", "adult cleaning"), ("D0120", "periodic exam"), ("D0274", "four bitewings"),
         ("D2740", "porcelain crown"), ("D2391", "one surface composite"), ("D3330",
         "molar root canal"), ("D7140", "simple extraction"), ("D4341", "scaling and root "
         "planing"), ("D8080", "comprehensive ortho treatment"), ("D0330", "panoramic x-ray"),
        ("D1120", "child cleaning"), ("D1208", "fluoride")]

# Carrier exchanges quoted from MTS-Dialog (CC BY 4.0, github.com/abachaa/MTS-Dialog),
# TrainingSet dialogue IDs 906, 264, 97, 549 and 550; doctor lines used as the front-desk
# triage questions, patient lines as the caller's answers.
CARRIER = [
    [("A", "Where are you experiencing the most pain? And when did this pain start?"),
     ("C", "It started about three weeks ago. It's mostly on the left side of my mouth. Kind of "
           "on the lower end. It goes from my jaw all the way up to my left ear."),
     ("A", "Have you noticed any facial swelling since all of this started?"),
     ("C", "No, no swelling.")],
    [("A", "What is going on?"), ("C", "I have pain in my jaw since the morning."),
     ("A", "How bad is it?"), ("C", "Not that bad.")],
    [("A", "Oh, how bad is it?"), ("C", "Oh, awfully bad.")],
    [("A", "Oh, so this is new?"),
     ("C", "Yes, it's a new pain. Right now it has been going on for three days on left side's "
           "upper and lower teeth.")],
    [("A", "How's your jaw doing?"), ("C", "The pain seems to have gotten worse.")],
]

ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
            "EMAIL", "NPI", "MEMBER_ID", "NAME"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"

MARK_RE = re.compile("\u27e6(\\d+)\u27e7")


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


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


# ---------------------------------------------------------------- number words
def dword(d, zero="oh"):
    return zero if d == "0" else ONES[int(d)]


def digit_words(s, zero="oh", runs=False):
    out = []
    i = 0
    while i < len(s):
        d = s[i]
        j = i
        while j < len(s) and s[j] == d:
            j += 1
        n = j - i
        if runs and n == 3:
            out.append("triple " + dword(d, zero))
            i = j
        elif runs and n == 2:
            out.append("double " + dword(d, zero))
            i = j
        else:
            out.append(dword(d, zero))
            i += 1
    return " ".join(out)


def pair_words(p, zero="oh"):
    a, b = p[0], p[1]
    if a == "0":
        return zero + " " + dword(b, zero)
    if a == "1":
        return TEENS[int(b)]
    return TENS[int(a)] + ("" if b == "0" else " " + ONES[int(b)])


def triple_words(t, zero="oh"):
    if t[0] == "0":
        return digit_words(t, zero)
    if t[1:] == "00":
        return ONES[int(t[0])] + " hundred"
    return ONES[int(t[0])] + " " + pair_words(t[1:], zero)


def four_words(q, zero="oh"):
    """'0132' -> 'oh one thirty two'; '4418' -> 'forty four eighteen'; '2000' -> 'two thousand'."""
    if q[2:] == "00" and q[0] != "0" and q[1] == "0":
        return ONES[int(q[0])] + " thousand"
    if q[2:] == "00" and q[0] != "0":
        return pair_words(q[:2], zero) + " hundred"
    return pair_words(q[:2], zero) + " " + pair_words(q[2:], zero)


def year_words(y, rng):
    s = str(y)
    if 2000 <= y <= 2009:
        return rng.choice(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000]])
    if 2010 <= y <= 2019:
        return rng.choice(["twenty " + TEENS[y - 2010], "two thousand " + TEENS[y - 2010]])
    if y >= 2020:
        return rng.choice(["twenty " + pair_words(s[2:]), "two thousand " + pair_words(s[2:])])
    return pair_words(s[:2]) + " " + pair_words(s[2:])


def ordinal(n):
    if n < 10:
        return ORD_ONES[n]
    if n < 20:
        return ORD_TEENS[n - 10]
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t][:-1] + "ieth"
    return TENS[t] + " " + ORD_ONES[o]


def card_num(n):
    if n >= 100:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + card_num(r))
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else " " + ONES[o])


def money_words(amt):
    d, c = divmod(int(round(amt * 100)), 100)
    parts = []
    if d >= 1000:
        parts.append(card_num(d // 1000) + " thousand")
        d %= 1000
    if d >= 100:
        parts.append(ONES[d // 100] + " hundred")
        d %= 100
    if d:
        parts.append(card_num(d))
    s = " ".join(parts) + " dollars"
    if c:
        s += " and " + card_num(c) + " cents"
    return s


def money_written(amt):
    if amt == int(amt) and amt >= 100 and int(amt) % 100 == 0:
        return "${:,}".format(int(amt))
    return "${:,.2f}".format(amt)


# words -> digits (used by --check to confirm a spoken number says its value)
WORDVAL = {w: i for i, w in enumerate(ONES)}
WORDVAL.update({"oh": 0, "o": 0})


def spoken_digits(text):
    toks = re.findall(r"[a-z]+|\d|[,.;]", text.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ",.;":
            pass
        elif t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in WORDVAL:
            out.append(str(WORDVAL[nxt]) * (2 if t == "double" else 3))
            i += 1
        elif t in WORDVAL:
            out.append(str(WORDVAL[t]))
        elif t in TEENS:
            out.append(str(10 + TEENS.index(t)))
        elif t in TENS[2:]:
            tv = TENS.index(t)
            if nxt in ONES[1:]:
                out.append(str(tv * 10 + ONES.index(nxt)))
                i += 1
            else:
                out.append(str(tv * 10))
        elif t == "hundred":
            if nxt in ONES[1:]:
                out.append("0")
            elif nxt in TEENS or nxt in TENS[2:]:
                pass
            else:
                out.append("00")
        elif t == "thousand":
            if nxt == "and":
                nxt = toks[i + 2] if i + 2 < len(toks) else ""
            if nxt in ONES[1:]:
                out.append("00")
            elif nxt in TEENS or nxt in TENS[2:]:
                out.append("0")
            else:
                out.append("000")
        i += 1
    return "".join(out)


def unambiguous(text, digits):
    """True when the number words say exactly these digits (no 'fifty three oh nine' for 50309)."""
    return spoken_digits(text) == digits


# ---------------------------------------------------------------- record builder
class Doc:
    def __init__(self):
        self.items = []

    def add(self, text, **attrs):
        assert '"' not in text and "\\" not in text and "\u27e6" not in text, text
        assert text == text.strip() and text, repr(text)
        self.items.append(dict(text=text, **attrs))
        return "\u27e6%d\u27e7" % (len(self.items) - 1)

    def plain(self, s):
        return MARK_RE.sub(lambda m: self.items[int(m.group(1))]["text"], s)

    def resolve(self, s):
        out = []
        spans = []
        negs = []
        pos = 0
        bpos = 0
        for m in MARK_RE.finditer(s):
            lit = s[pos:m.start()]
            out.append(lit)
            bpos += len(lit.encode("utf-8"))
            it = self.items[int(m.group(1))]
            t = it["text"]
            b = len(t.encode("utf-8"))
            if it["k"] == "span":
                sp = {"start": bpos, "end": bpos + b, "entity": it["entity"],
                      "spoken": it["spoken"], "cue": it["cue"], "form": it["form"],
                      "value": it["value"]}
                spans.append(sp)
            else:
                negs.append({"start": bpos, "end": bpos + b, "what": it["what"]})
            out.append(t)
            bpos += b
            pos = m.end()
        out.append(s[pos:])
        return "".join(out), spans, negs


class Person:
    pass


class Ctx:
    def __init__(self, rng, style):
        self.rng = rng
        self.doc = Doc()
        self.style = style  # 'lower' (raw ASR), 'caps' (punctuated ASR), 'smart' (formatted)

    # -- probability that a value is rendered in words
    def spoken_p(self):
        return {"lower": 0.95, "caps": 0.75, "smart": 0.3}[self.style]

    def say(self):
        return self.rng.random() < self.spoken_p()

    def V(self, ent, rend, cue, value):
        text, spoken, form = rend
        if self.style == "lower" and spoken:
            text = text.lower()
        return self.doc.add(text, k="span", entity=ent, spoken=spoken, cue=cue, form=form,
                            value=value)

    def N(self, text, what):
        if self.style == "lower":
            text = text.lower()
        return self.doc.add(text, k="neg", what=what)

    def WV(self, ent, text, form, value, cue="same"):
        """A written value (summaries, structured data): never lower-cased."""
        return self.doc.add(text, k="span", entity=ent, spoken=False, cue=cue, form=form,
                            value=value)

    def WN(self, text, what):
        return self.doc.add(text, k="neg", what=what)

    # ------------------------------------------------------------ renderers
    def sep(self, choices=None):
        return self.rng.choice(choices or [" ", ", ", " ", "... ", " uh ", ". ", " - "])

    def r_grouped(self, digits, groups, kind):
        """Spoken/written renderings of a grouped digit string (phone, ssn, card...)."""
        rng = self.rng
        parts = []
        i = 0
        for g in groups:
            parts.append(digits[i:i + g])
            i += g
        zero = rng.choice(["oh", "oh", "zero"])
        if self.say():
            mode = rng.choice(["words", "words", "words_runs", "pairs", "mixed", "filler",
                               "caps_periods"])
            if mode == "words":
                sep = self.sep([" ", ", ", ", ", "... ", " - "])
                txt = sep.join(digit_words(p, zero) for p in parts)
                return txt, True, "words_%s_%s" % (zero, {" ": "space", ", ": "comma",
                                                          "... ": "ellipsis",
                                                          " - ": "dash"}[sep])
            if mode == "words_runs":
                txt = ", ".join(digit_words(p, zero, runs=True) for p in parts)
                return txt, True, "words_%s_double_triple_comma" % zero
            if mode == "pairs":
                out = []
                for p in parts:
                    if len(p) == 4:
                        out.append(four_words(p, zero))
                    elif len(p) == 2:
                        out.append(pair_words(p, zero))
                    elif len(p) == 3 and rng.random() < 0.5:
                        out.append(triple_words(p, zero))
                    else:
                        out.append(digit_words(p, zero))
                txt = ", ".join(out)
                if unambiguous(txt, digits):
                    return txt, True, "numbers_pairs_%s" % zero
                return (", ".join(digit_words(p, zero) for p in parts), True,
                        "words_%s_comma" % zero)
            if mode == "mixed":
                out = []
                flags = [rng.random() < 0.5 for _ in parts]
                if all(flags):
                    flags[0] = False
                if not any(flags):
                    flags[-1] = True
                for p, f in zip(parts, flags):
                    out.append(p if f else digit_words(p, zero))
                return " ".join(out), True, "mixed_digits_words"
            if mode == "filler":
                fill = rng.choice(["uh", "um", "uh"])
                out = [digit_words(parts[0], zero)]
                for p in parts[1:]:
                    out.append(rng.choice([" %s " % fill, "... ", ", "]) + digit_words(p, zero))
                return "".join(out), True, "words_%s_filler_%s" % (zero, fill)
            # caps_periods: engine sentence-casing each group
            out = []
            for p in parts:
                w = digit_words(p, zero)
                out.append(w[0].upper() + w[1:])
            return ". ".join(out), True, "words_%s_sentence_periods" % zero
        mode = rng.choice(["dash", "space", "run", "odd"])
        if kind == "phone" and mode == "dash" and rng.random() < 0.5:
            return "(%s) %s-%s" % tuple(parts), False, "written_paren"
        if mode == "dash":
            return "-".join(parts), False, "written_dash"
        if mode == "space":
            return " ".join(parts), False, "digits_space"
        if mode == "run":
            return "".join(parts), False, "digits_run"
        # odd engine grouping: digits regrouped in twos and threes
        k = rng.choice([2, 3])
        chunks = [digits[j:j + k] for j in range(0, len(digits), k)]
        return " ".join(chunks), False, "digits_regrouped_%d" % k

    def phone(self, p):
        if self.style != "lower" and self.rng.random() < 0.15 and not self.say():
            return "+1 " + "-".join([p[:3], p[3:6], p[6:]]), False, "written_plus1"
        return self.r_grouped(p, [3, 3, 4], "phone")

    def ssn(self, s):
        rng = self.rng
        if self.say() and rng.random() < 0.25:
            # "one twenty three, forty five, sixty seven eighty nine"
            txt = "%s, %s, %s" % (triple_words(s[:3]), pair_words(s[3:5]), four_words(s[5:]))
            if unambiguous(txt, s):
                return txt, True, "numbers_triple_pair_pairs"
        return self.r_grouped(s, [3, 2, 4], "ssn")

    def last4(self, s):
        q = s[-4:]
        r = self.rng.random()
        if self.say():
            if r < 0.5:
                return digit_words(q, self.rng.choice(["oh", "zero"])), True, "last4_words"
            if unambiguous(four_words(q), q):
                return four_words(q), True, "last4_pairs"
            return digit_words(q), True, "last4_words"
        return (q if r < 0.7 else q[:2] + " " + q[2:]), False, "last4_digits"

    def card(self, c):
        groups = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
        return self.r_grouped(c, groups, "card")

    def zip_(self, z):
        rng = self.rng
        if self.say():
            m = rng.choice(["words", "words", "pairs", "mixed"])
            zero = rng.choice(["oh", "zero"])
            if m == "words":
                return digit_words(z[:5], zero), True, "words_%s" % zero
            if m == "pairs" and unambiguous(pair_words(z[:2], zero) + " " +
                                            triple_words(z[2:5], zero), z[:5]):
                return (pair_words(z[:2], zero) + " " + triple_words(z[2:5], zero), True,
                        "numbers_pair_triple")
            return digit_words(z[:3], zero) + " " + z[3:5], True, "mixed_words_digits"
        return z[:5], False, "digits5"

    def zip9(self, z5, plus4):
        if self.say():
            return (digit_words(z5, "oh") + ", dash " + digit_words(plus4, "oh"), True,
                    "zip9_words_dash")
        return z5 + "-" + plus4, False, "zip9_written"

    def acct(self, a):
        """Patient account number / MRN: 7-10 digits, optional letter prefix."""
        rng = self.rng
        letter = ""
        digits = a
        if a[0].isalpha():
            letter, digits = a[0], a[1:]
        if self.say():
            m = rng.choice(["words", "words", "pairs", "mixed", "filler", "groups"])
            zero = rng.choice(["oh", "zero", "oh"])
            if m == "words":
                body = digit_words(digits, zero, runs=rng.random() < 0.4)
                form = "words_%s" % zero
            elif m == "pairs":
                chunks = [digits[j:j + 2] for j in range(0, len(digits), 2)]
                body = " ".join(pair_words(c, zero) if len(c) == 2 else dword(c, zero)
                                for c in chunks)
                form = "numbers_pairs"
                if not unambiguous(body, digits):
                    body = ", ".join(pair_words(c, zero) if len(c) == 2 else dword(c, zero)
                                     for c in chunks)
                    form = "numbers_pairs_comma"
            elif m == "mixed":
                h = len(digits) // 2
                body = digits[:h] + " " + digit_words(digits[h:], zero)
                form = "mixed_digits_words"
            elif m == "filler":
                h = len(digits) // 2
                body = digit_words(digits[:h], zero) + " uh " + digit_words(digits[h:], zero)
                form = "words_filler_uh"
            else:
                chunks = [digits[j:j + 3] for j in range(0, len(digits), 3)]
                body = ", ".join(digit_words(c, zero) for c in chunks)
                form = "words_groups3_comma"
            if letter:
                pre = rng.choice(["%s" % letter.upper(), "%s as in %s" % (letter.upper(),
                                  AS_IN[letter.lower()]), NATO[letter.lower()]])
                body = pre + " " + body
                form = "alnum_" + form
            return body, True, form
        if letter:
            return a.upper(), False, "alnum_written"
        if rng.random() < 0.3 and len(digits) >= 8:
            return digits[:4] + "-" + digits[4:], False, "digits_dash"
        return digits, False, "digits_run"

    def dob(self, d, ctx_birth=True):
        rng = self.rng
        m, dd, y = d.month, d.day, d.year
        mon = MONTHS[m - 1]
        if self.say():
            form = rng.choice(["month_ord_year", "month_card_yy", "num_m_d_yy", "the_d_of_m",
                               "digits_mmddyy", "num_m_d_year", "month_ord_yy"])
            if form == "month_ord_year":
                return "%s %s, %s" % (mon, ordinal(dd), year_words(y, rng)), True, form
            if form == "month_ord_yy":
                return "%s %s %s" % (mon, ordinal(dd), pair_words(str(y)[2:])), True, form
            if form == "month_card_yy":
                return "%s %s %s" % (mon, card_num(dd), pair_words(str(y)[2:])), True, form
            if form == "num_m_d_yy":
                return "%s %s %s" % (card_num(m), card_num(dd), pair_words(str(y)[2:])), True, form
            if form == "num_m_d_year":
                return ("%s, %s, %s" % (card_num(m), card_num(dd), year_words(y, rng)), True,
                        form)
            if form == "the_d_of_m":
                return ("the %s of %s, %s" % (ordinal(dd), mon, year_words(y, rng)), True, form)
            zero = rng.choice(["oh", "zero"])
            s = "%02d%02d%02d" % (m, dd, y % 100)
            return (" ".join(digit_words(s[j:j + 2], zero) for j in (0, 2, 4)), True,
                    "digits_mmddyy_" + zero)
        form = rng.choice(["mdy_slash", "mdy_slash_short", "month_d_y", "month_dth_y",
                           "mdy_dash"])
        if form == "mdy_slash":
            return "%02d/%02d/%d" % (m, dd, y), False, "written_" + form
        if form == "mdy_slash_short":
            return "%d/%d/%02d" % (m, dd, y % 100), False, "written_" + form
        if form == "month_d_y":
            return "%s %d, %d" % (mon, dd, y), False, "written_" + form
        if form == "month_dth_y":
            suf = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
            return "%s %d%s, %d" % (mon, dd, suf, y), False, "written_" + form
        return "%d-%d-%d" % (m, dd, y), False, "written_" + form

    def event_date(self, d):
        """Admission / discharge dates (DATE)."""
        rng = self.rng
        mon = MONTHS[d.month - 1]
        if self.say():
            f = rng.choice(["month_ord", "month_ord_year", "the_d_of_m"])
            if f == "month_ord":
                return "%s %s" % (mon, ordinal(d.day)), True, f
            if f == "month_ord_year":
                return "%s %s, %s" % (mon, ordinal(d.day), year_words(d.year, rng)), True, f
            return "the %s of %s" % (ordinal(d.day), mon), True, f
        f = rng.choice(["mdy_slash", "month_d", "month_d_y"])
        if f == "mdy_slash":
            return "%d/%d/%d" % (d.month, d.day, d.year), False, "written_" + f
        if f == "month_d":
            return "%s %d" % (mon, d.day), False, "written_" + f
        return "%s %d, %d" % (mon, d.day, d.year), False, "written_" + f

    def email(self, e):
        rng = self.rng
        local, dom = e.split("@")
        if not self.say():
            return e, False, "email_written"
        dname, tld = dom.rsplit(".", 1)

        def sp_local(mode):
            out = []
            for tok in re.findall(r"[a-z]+|\d+|[._]", local):
                if tok == ".":
                    out.append("dot")
                elif tok == "_":
                    out.append("underscore")
                elif tok.isdigit():
                    out.append(pair_words(tok) if len(tok) == 2 and mode == "pairs"
                               else digit_words(tok))
                else:
                    out.append(tok if mode != "spell" else " ".join(tok))
            return " ".join(out)
        m = rng.choice(["words", "pairs", "spell", "asr_half", "as_in", "caps_dash"])
        dom_sp = dname + " dot " + tld
        if m == "words":
            return sp_local("words") + " at " + dom_sp, True, "email_words_dot_at"
        if m == "pairs":
            return sp_local("pairs") + " at " + dom_sp, True, "email_words_numbers"
        if m == "spell":
            return sp_local("spell") + " at " + dom_sp, True, "email_spell_local"
        if m == "asr_half":
            return local + " at " + dom, True, "email_asr_at_word"
        if m == "as_in":
            toks = re.findall(r"[a-z]+|\d+|[._]", local)
            head = toks[0]
            spelled = "%s as in %s, %s" % (head[0], AS_IN[head[0]], " ".join(head[1:]))
            rest = []
            for tok in toks[1:]:
                rest.append({".": "dot", "_": "underscore"}.get(tok, digit_words(tok)
                                                               if tok.isdigit() else tok))
            txt = (spelled.rstrip(", ") + (" " + " ".join(rest) if rest else "") +
                   " at " + dom_sp)
            return txt, True, "email_spell_as_in_first_token"
        letters = [c.upper() for c in local if c.isalpha()]
        rest = "-".join(letters)
        digs = re.sub(r"\D", "", local)
        txt = rest + ((" " + digit_words(digs)) if digs else "") + " at " + dom_sp
        return txt, True, "email_spell_caps_dash"

    def street(self, p):
        rng = self.rng
        house, name, suf, unit = p.house, p.street, p.suffix, p.unit
        if self.say():
            if len(house) == 4 and rng.random() < 0.6:
                hn = four_words(house)
                hf = "house_pairs"
            elif len(house) == 3 and rng.random() < 0.6:
                hn = triple_words(house)
                hf = "house_triple"
            else:
                hn = digit_words(house)
                hf = "house_digits_words"
            txt = "%s %s %s" % (hn, name, suf[0])
            if unit:
                txt += rng.choice([", apartment ", " apartment ", ", unit "]) + unit_words(unit)
                hf += "_unit"
            return txt, True, hf
        txt = "%s %s %s" % (house, name, rng.choice(suf))
        if unit:
            txt += rng.choice([", Apt ", " Apt. ", " #", ", Unit "]) + unit
        return txt, False, "written_street" + ("_unit" if unit else "")

    def name_spoken(self, n, form="name"):
        return n, True, form

    def spell(self, word):
        rng = self.rng
        w = word.lower()
        m = rng.choice(["dash", "space", "as_in", "nato_mix", "caps_comma"])
        if m == "dash":
            return "-".join(c.upper() for c in w), True, "spelled_dash"
        if m == "space":
            return " ".join(w), True, "spelled_space"
        if m == "caps_comma":
            return ", ".join(c.upper() for c in w), True, "spelled_caps_comma"
        if m == "as_in":
            out = []
            for i, c in enumerate(w):
                out.append("%s as in %s" % (c.upper(), AS_IN[c]) if i % 2 == 0 else c.upper())
            return ", ".join(out), True, "spelled_as_in_comma"
        out = [NATO[c] if i % 3 == 0 else c.upper() for i, c in enumerate(w)]
        return " ".join(out), True, "spelled_nato_mix"

    def mbi(self, m):
        rng = self.rng
        if self.say():
            nato = rng.random() < 0.4
            out = []
            for ch in m:
                if ch.isdigit():
                    out.append(ONES[int(ch)])
                else:
                    out.append(NATO[ch.lower()] if nato else ch.upper())
            grp = [out[:4], out[4:7], out[7:]]
            return (", ".join(" ".join(g) for g in grp), True,
                    "mbi_words_" + ("nato" if nato else "letters"))
        if rng.random() < 0.5:
            return "%s-%s-%s" % (m[:4], m[4:7], m[7:]), False, "mbi_written_dash"
        return m, False, "mbi_written_run"

    def npi(self, n):
        if self.say():
            if self.rng.random() < 0.5:
                return digit_words(n, "zero"), True, "npi_words_zero"
            return (digit_words(n[:3]) + ", " + digit_words(n[3:6]) + ", " + digit_words(n[6:]),
                    True, "npi_words_groups")
        return n, False, "npi_digits"

    def member(self, mid):
        rng = self.rng
        letters = re.match(r"[A-Z]*", mid).group(0)
        digits = mid[len(letters):]
        if self.say():
            pre = ""
            if letters:
                pre = rng.choice([" ".join(letters), " ".join(NATO[c.lower()] for c in letters),
                                  ", ".join("%s as in %s" % (c, AS_IN[c.lower()])
                                            for c in letters)]) + " "
            if rng.random() < 0.5:
                body = digit_words(digits, rng.choice(["oh", "zero"]))
                f = "member_words"
            else:
                body = " ".join(digit_words(digits[j:j + 3]) for j in range(0, len(digits), 3))
                f = "member_words_groups"
            return pre + body, True, ("alnum_" if letters else "") + f
        return mid, False, "member_written"

    # ------------------------------------------------------------ negatives
    def money(self, amt):
        if self.say():
            if amt >= 100 and self.rng.random() < 0.4 and amt == int(amt) and amt < 10000:
                d = int(amt)
                if d % 100 == 0:
                    return self.N(card_num(d // 100) + " hundred dollars", "money")
            return self.N(money_words(amt), "money")
        return self.N(money_written(amt), "money")

    def idnum(self, digits, what, letters=""):
        if self.say():
            body = digit_words(digits, self.rng.choice(["oh", "zero"]))
            return self.N((letters + " " + body).strip(), what)
        return self.N(letters + digits, what)

    def proc(self, code):
        if self.say():
            r = self.rng.random()
            if r < 0.4:
                return self.N("D " + digit_words(code[1:], "zero"), "procedure_code")
            if r < 0.7:
                return self.N("D" + code[1:], "procedure_code")
            return self.N("D " + pair_words(code[1:3]) + " " + pair_words(code[3:]),
                          "procedure_code")
        return self.N(code, "procedure_code")

    def tooth(self, n):
        if self.say():
            return self.N(card_num(n), "tooth_number")
        return self.N("#%d" % n if self.rng.random() < 0.5 else str(n), "tooth_number")

    def appt(self, d):
        while d.weekday() >= 5:
            d += datetime.timedelta(days=1)
        if self.say():
            return self.N("%s the %s" % (d.strftime("%A"), ordinal(d.day)), "appointment_date")
        return self.N("%s, %s %d" % (d.strftime("%A"), MONTHS[d.month - 1], d.day),
                      "appointment_date")

    def time_(self, h, m):
        ap = "a.m." if h < 12 else "p.m."
        h12 = h if h <= 12 else h - 12
        if self.say():
            mm = "" if m == 0 else " " + (pair_words("%02d" % m))
            return self.N("%s%s" % (card_num(h12), mm), "time")
        return self.N("%d:%02d %s" % (h12, m, ap), "time")

    def pct(self, p):
        return self.N(("%s percent" % card_num(p)) if self.say() else "%d%%" % p, "percent")

    def count(self, n, unit):
        return self.N(("%s %s" % (card_num(n), unit)) if self.say() else "%d %s" % (n, unit),
                      "count")

    def dur(self, n, unit):
        return self.N(("%s %s" % (card_num(n), unit)) if self.say() else "%d %s" % (n, unit),
                      "duration")


def unit_words(u):
    m = re.match(r"(\d+)([A-Z]?)$", u)
    n, l = m.group(1), m.group(2)
    s = digit_words(n) if len(n) > 2 else card_num(int(n))
    return s + (" " + l.lower() if l else "")


# ---------------------------------------------------------------- fictitious people
def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def make_card(rng):
    r = rng.random()
    if r < 0.12:
        pre = rng.choice(["34", "37"])
        body = pre + "".join(str(rng.randint(0, 9)) for _ in range(12))
        return luhn_complete(body)
    if r < 0.55:
        pre = "4"
    elif r < 0.85:
        pre = str(rng.randint(51, 55))
    else:
        pre = "6011"
    body = pre + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(pre)))
    return luhn_complete(body)


def make_mbi(rng):
    al = MBI_ALPHA
    an = al + "0123456789"
    c = [str(rng.randint(1, 9)), rng.choice(al), rng.choice(an), str(rng.randint(0, 9)),
         rng.choice(al), rng.choice(an), str(rng.randint(0, 9)), rng.choice(al), rng.choice(al),
         str(rng.randint(0, 9)), str(rng.randint(0, 9))]
    return "".join(c)


def make_npi(rng):
    body = "1" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c
    raise AssertionError


def make_person(rng, kind="adult", last=None):
    p = Person()
    p.female = rng.random() < 0.55
    if kind == "kid":
        p.first = rng.choice(FIRST_KID)
    else:
        p.first = rng.choice(FIRST_F if p.female else FIRST_M)
    p.last = last or rng.choice(LAST)
    today = datetime.date(2025, 6, 1)
    if kind == "kid":
        age = rng.randint(9, 16)
    elif kind == "senior":
        age = rng.randint(66, 88)
    else:
        age = rng.randint(24, 63)
    p.age = age
    p.dob = datetime.date(today.year - age, rng.randint(1, 12), 1) + datetime.timedelta(
        days=rng.randint(0, 27))
    p.ssn = make_ssn(rng)
    p.phone = rng.choice(AREA) + "55501" + "%02d" % rng.randint(0, 99)
    city, state, z = rng.choice(PLACES)
    p.city, p.state, p.zip = city, state, z
    p.plus4 = "%04d" % rng.randint(1000, 9899)
    p.house = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9899),
                              rng.randint(10, 99), rng.randint(10000, 24999)]))
    p.street = rng.choice(STREETS)
    p.suffix = rng.choice(SUFFIX)
    p.unit = rng.choice(["", "", "", "%d%s" % (rng.randint(1, 9), rng.choice("ABCD")),
                         str(rng.randint(101, 420))])
    p.mbi = make_mbi(rng)
    p.card = make_card(rng)
    fl, ll = p.first.lower(), p.last.lower()
    yy = "%02d" % (p.dob.year % 100)
    loc = rng.choice([fl + "." + ll, fl + ll + yy, fl[0] + ll, fl + "_" + ll, ll + "." + fl + yy,
                      fl[0] + ll + str(rng.randint(1, 9)), fl + "." + ll + str(rng.randint(10, 99))])
    p.email = loc + "@" + rng.choice(DOMAINS)
    p.mrn = rng.choice([str(rng.randint(10000000, 99999999)),
                        "%09d" % rng.randint(100000000, 999999999),
                        rng.choice("HVP") + "%08d" % rng.randint(0, 99999999),
                        str(rng.randint(1000000, 9999999))])
    p.member = rng.choice(["%s%09d" % ("".join(rng.choice("BCDFGHJKMNPRTWX") for _ in range(3)),
                                       rng.randint(0, 999999999)),
                           "%011d" % rng.randint(10 ** 9, 10 ** 11 - 1),
                           "W%09d" % rng.randint(0, 999999999)])
    return p


# ---------------------------------------------------------------- dialogue helpers
class Dlg:
    def __init__(self, ctx):
        self.ctx = ctx
        self.turns = []  # (role, text-with-markers)
        self.issues = []  # plain phrases the analytics flagged

    def a(self, s):
        self.turns.append(("A", s))

    def c(self, s):
        self.turns.append(("C", s))


def name_turn(ctx, p, cue, full=True, spell_last=False):
    """A caller saying a name; returns text fragment."""
    n = ctx.V("NAME", (p.first + " " + p.last if full else p.first, True,
                       "name_full" if full else "name_first"), cue, p.first + " " + p.last
              if full else p.first)
    if spell_last:
        sp = ctx.V("NAME", ctx.spell(p.last), cue, p.last)
        n += ctx.rng.choice([", last name ", ", that's ", ". Last name is "]) + sp
    return n


def greet(ctx, d, org, dept, agent):
    rng = ctx.rng
    ag = ctx.V("NAME", (agent, True, "name_first_agent"), "same", agent)
    opts = [
        "Thank you for calling %s %s, my name is %s. How %s I help you today?" % (
            org, dept, ag, ctx.N("may", "common_word")),
        "%s %s, this is %s speaking, how can I help you?" % (org, dept, ag),
        "Good morning, thanks for calling %s. This is %s. Who do I have the pleasure of "
        "speaking with?" % (org, ag),
    ]
    d.a(rng.choice(opts))


def verify_dob(ctx, d, p, who="the patient's", volunteered=False):
    rng = ctx.rng
    if volunteered:
        return
    d.a(rng.choice(["And can I get %s date of birth?" % who, "What's %s date of birth?" % who,
                    "Okay, and the birthdate?", "Can you verify %s DOB for me?" % who]))
    v = ctx.V("DOB", ctx.dob(p.dob), "prev", p.dob.isoformat())
    d.c(rng.choice(["%s.", "Um, %s.", "It's %s.", "%s", "Yeah, %s."]) % v)


def ask_phone(ctx, d, p, readback=True):
    rng = ctx.rng
    if rng.random() < 0.5:
        d.a(rng.choice(["What's the best callback number for you?",
                        "And a good phone number in case we need to reach you?",
                        "Is there a phone number you'd like on the account?"]))
        v = ctx.V("PHONE", ctx.phone(p.phone), "prev", p.phone)
        d.c(rng.choice(["%s.", "Sure, it's %s.", "Yeah, %s", "Um, %s. That's my cell."]) % v)
    else:
        d.a("Do you have a phone number we can update on file?")
        v = ctx.V("PHONE", ctx.phone(p.phone), "same", p.phone)
        d.c(rng.choice(["Yes, my cell number is %s.", "My number is %s, it's a cell.",
                        "The best number is %s."]) % v)
    if readback and rng.random() < 0.5:
        v = ctx.V("PHONE", ctx.phone(p.phone), "prev", p.phone)
        d.a(rng.choice(["Let me read that back, %s?", "So that's %s. Correct?",
                        "Okay, I have %s."]) % v)
        if rng.random() < 0.35:
            v = ctx.V("EMAIL", ctx.email(p.email), "none", p.email)
            d.c(rng.choice(["Yes. Oh, and %s, you can send stuff there too.",
                            "Right. And %s, if that's easier."]) % v)
        else:
            d.c(rng.choice(["Yes.", "That's right.", "Yep, correct."]))


def ask_email(ctx, d, p):
    rng = ctx.rng
    if rng.random() < 0.55:
        d.a(rng.choice(["And what email should we send the %s to?" % rng.choice(
            ["receipt", "paperless statements", "new patient forms", "treatment estimate"]),
                        "Can I get an email address?"]))
        v = ctx.V("EMAIL", ctx.email(p.email), "prev", p.email)
        d.c(rng.choice(["%s.", "It's %s.", "Uh, %s", "Sure. %s."]) % v)
    else:
        d.a("Would you like the receipt emailed?")
        v = ctx.V("EMAIL", ctx.email(p.email), "same", p.email)
        d.c(rng.choice(["Yes please, my email is %s.", "Sure, email is %s.",
                        "Yeah, send it to my email, %s."]) % v)
    if rng.random() < 0.35:
        v = ctx.V("EMAIL", ctx.email(p.email), "prev", p.email)
        d.a("I have %s. Is that right?" % v)
        d.c("Yes, that's it.")


def ask_address(ctx, d, p, cue_style=None):
    rng = ctx.rng
    st = ctx.V("STREET", ctx.street(p), "same" if cue_style == "same" else "prev",
               street_value(p))
    ci = ctx.V("CITY", (p.city, True, "city"), "same" if cue_style == "same" else "prev", p.city)
    zp = ctx.V("ZIP", ctx.zip_(p.zip), "same" if cue_style == "same" else "prev", p.zip)
    if cue_style == "same":
        d.a("Okay, has your mailing address changed at all?")
        d.c(rng.choice(["Yes, we moved. The new address is %s, %s, %s %s.",
                        "Yeah, I live at %s now, in %s, %s, zip code %s."]) % (
            st, ci, p.state, zp))
    else:
        d.a(rng.choice(["And what's the mailing address?", "What address should the "
                        "statement go to?", "Can you confirm the address on the account?"]))
        d.c(rng.choice(["%s, %s, %s, %s.", "%s. %s %s. %s", "it's %s in %s %s %s"]) % (
            st, ci, p.state, zp))
    if rng.random() < 0.4:
        d.a("And that zip code again?")
        v = ctx.V("ZIP", ctx.zip_(p.zip), "prev", p.zip)
        d.c("%s." % v)


def street_value(p):
    s = "%s %s %s" % (p.house, p.street, p.suffix[0])
    return s + (" #" + p.unit if p.unit else "")


def pay_by_card(ctx, d, p, amt, conf_digits):
    rng = ctx.rng
    d.a(rng.choice(["Would you like to make a payment on that today?",
                    "Did you want to take care of that balance today?"]))
    d.c("Yes, I can pay %s today." % ctx.money(amt))
    if rng.random() < 0.5:
        d.a("Okay. Go ahead with the card number whenever you're ready.")
        v = ctx.V("CARD", ctx.card(p.card), "prev", p.card)
        d.c(rng.choice(["Okay. %s.", "Alright, it's %s", "%s."]) % v)
    else:
        d.a("What type of card will you be using?")
        v = ctx.V("CARD", ctx.card(p.card), "same", p.card)
        d.c(rng.choice(["A Visa. The card number is %s.", "Debit card. Card number %s.",
                        "It's my HSA card, the number is %s."]) % v)
    if rng.random() < 0.4:
        v = ctx.V("CARD", ctx.card(p.card), "prev", p.card)
        d.a("Let me repeat that back: %s?" % v)
        d.c("Correct.")
    d.a(rng.choice(["I'm going to transfer you to our secure line to key in the expiration "
                    "and the security code, then you'll come right back to me.",
                    "Please enter the expiration date and the CVV on your phone keypad now."]))
    d.c("Okay. Done.")
    d.a("Thank you. That payment of %s went through, your confirmation number is %s." % (
        ctx.money(amt), ctx.idnum(conf_digits, "confirmation_number")))
    d.issues.append("payment")


def closing(ctx, d):
    rng = ctx.rng
    opt = rng.choice([
        "Is there anything else I can help you with today?",
        "If you have other questions you can call us back, %s for billing. We're open "
        "Monday through Friday from %s to %s." % (
            "press " + ctx.N("two", "menu_option") if rng.random() < 0.5 else
            ctx.N("press two", "menu_option"), ctx.time_(8, 0), ctx.time_(17, 0)),
        "You'll get an updated statement in about %s. Anything else?" % ctx.dur(
            rng.choice([7, 10, 14]), "days"),
        "If anything comes up, you can reach me directly at extension %s. Anything else?" %
        ctx.N(rng.choice(["2041", "three one one seven", "4406", "two two oh nine"]),
              "extension"),
    ])
    d.a(opt)
    d.c(rng.choice(["No, that's everything. Thank you.", "That's it, thanks so much.",
                    "No, I think that's all. Appreciate it.", "Nope. Bye."]))
    d.a(rng.choice(["You're welcome, have a great day.", "Thank you for calling, take care.",
                    "Alright, have a good one."]))


# ---------------------------------------------------------------- scenarios
def sc_hospital_statement(ctx):
    """Caller about a hospital statement: verify, balance, admission dates, pay, update."""
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng, "senior" if rng.random() < 0.35 else "adult")
    self_call = rng.random() < 0.55
    caller = pat if self_call else make_person(rng, last=pat.last if rng.random() < 0.7 else None)
    org = rng.choice(HOSP)
    agent = rng.choice(AGENTS)
    greet(ctx, d, org, rng.choice(["patient financial services", "billing office",
                                   "customer service"]), agent)
    bill = ctx.N("bill", "common_word")
    acct_given = False
    r0 = rng.random()
    if self_call and r0 < 0.3:
        n = name_turn(ctx, pat, "none")
        dv = ctx.V("DOB", ctx.dob(pat.dob), "none", pat.dob.isoformat())
        mv = ctx.V("MRN", ctx.acct(pat.mrn), "none", pat.mrn)
        d.c(rng.choice(["Yeah hi. %s. %s. %s. I'm calling about the %s I got.",
                        "Hi, um, %s, %s, and %s, I have a question on my %s."]) % (
            n, dv, mv, bill))
        vol = True
        acct_given = True
    elif self_call:
        if r0 < 0.55:
            n = name_turn(ctx, pat, "same")
            dv = ctx.V("DOB", ctx.dob(pat.dob), "same", pat.dob.isoformat())
            d.c("Hi, yes, my name is %s, date of birth %s, and I got a %s I don't understand."
                % (n, dv, bill))
            d.issues.append("I don't understand")
            vol = True
        else:
            d.c("Hi. Yeah, I got a %s in the mail and I had some questions about it." % bill)
            d.a("I can help with that. Can I have the patient's first and last name?")
            d.c("%s." % name_turn(ctx, pat, "prev", spell_last=rng.random() < 0.4))
            vol = False
    else:
        if pat.age >= caller.age + 18:
            rel = "mother" if pat.female else "father"
        elif caller.age >= pat.age + 18:
            rel = "daughter" if pat.female else "son"
        else:
            rel = "wife" if pat.female else "husband"
        d.c("Hi, I'm calling about a %s for my %s." % (bill, rel))
        d.a("Sure. And who am I speaking with?")
        d.c("This is %s." % name_turn(ctx, caller, "same"))
        d.a("Thank you. What's the patient's name?")
        d.c("%s." % name_turn(ctx, pat, "prev", spell_last=rng.random() < 0.3))
        vol = False
    verify_dob(ctx, d, pat, volunteered=vol)
    # account number vs statement number
    stmt = "%d" % rng.randint(100000, 9999999)
    if acct_given:
        d.a("Thank you. Give me just a moment to pull that up.")
    elif rng.random() < 0.5:
        d.a("Do you have your statement in front of you? I'll need the account number.")
        d.c("Um, there's a number up top, statement number %s?" % ctx.idnum(stmt,
                                                                              "statement_number"))
        d.a("That's the statement number. The account number is right under it, it's "
            "labeled patient account.")
        v = ctx.V("MRN", ctx.acct(pat.mrn), "prev", pat.mrn)
        d.c("Oh, okay. %s." % v)
    else:
        v = ctx.V("MRN", ctx.acct(pat.mrn), "same", pat.mrn)
        d.a("Do you have the account number from the statement?")
        d.c(rng.choice(["Yeah, account number is %s.", "It says patient account number %s.",
                        "The account number, %s."]) % v)
    if rng.random() < 0.45:
        v = ctx.V("MRN", ctx.acct(pat.mrn), "prev", pat.mrn)
        d.a("Okay, I have account %s pulled up." % v)
    adm = rng.choice([datetime.date(2024, rng.randint(1, 12), rng.randint(1, 20)),
                      datetime.date(2025, rng.randint(1, 4), rng.randint(1, 20))])
    dis = adm + datetime.timedelta(days=rng.randint(1, 8))
    bal = round(rng.uniform(85, 4800), 2)
    a1 = ctx.V("DATE", ctx.event_date(adm), "same", adm.isoformat())
    a2 = ctx.V("DATE", ctx.event_date(dis), "same", dis.isoformat())
    d.a("This is for the inpatient stay, admitted %s and discharged %s. The current patient "
        "balance is %s." % (a1, a2, ctx.money(bal)))
    ins_paid = round(bal * rng.uniform(2, 6), 2)
    d.c("But my insurance was supposed to cover that. Why am I getting charged?")
    d.issues.append("Why am I getting charged")
    d.a("I see the insurance paid %s on claim %s and applied %s to your deductible. After "
        "the plan's %s coinsurance that's what's left." % (
            ctx.money(ins_paid), ctx.idnum("%d" % rng.randint(10 ** 9, 10 ** 10 - 1),
                                           "claim_number"),
            ctx.money(rng.choice([500, 1000, 1500, 2500])), ctx.pct(rng.choice([10, 20, 30]))))
    d.c("Okay. Can I set up a payment plan?")
    if rng.random() < 0.5:
        d.a("Yes, we can do %s a month for %s with no interest." % (
            ctx.money(round(bal / 6, 2)), ctx.dur(6, "months")))
        d.c("That %s work." % ctx.N("will", "common_word"))
    pat_for_pay = caller
    if rng.random() < 0.75:
        pay_by_card(ctx, d, pat_for_pay, round(min(bal, rng.choice([50, 100, 200, 250,
                                                                        bal])), 2),
                    "%d" % rng.randint(100000, 99999999))
    if rng.random() < 0.6:
        ask_phone(ctx, d, caller)
    if rng.random() < 0.5:
        ask_address(ctx, d, pat, cue_style=rng.choice(["same", None]))
    if rng.random() < 0.5:
        ask_email(ctx, d, caller)
    closing(ctx, d)
    summ = dict(org=org, pat=pat, caller=caller, bal=bal, kind="hospital", adm=adm, dis=dis,
                agent=agent)
    return d, summ, "hospital_statement"


def sc_financial_assistance(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng)
    org = rng.choice(HOSP)
    agent = rng.choice(AGENTS)
    greet(ctx, d, org, "financial counseling", agent)
    d.c("Hi, I was told I might qualify for financial assistance on my hospital %s." %
        ctx.N("bill", "common_word"))
    d.a("Absolutely, I can start the application over the phone. What's your full name?")
    d.c("%s." % name_turn(ctx, pat, "prev", spell_last=rng.random() < 0.5))
    verify_dob(ctx, d, pat, who="your")
    d.a("And the account number, if you have it?")
    v = ctx.V("MRN", ctx.acct(pat.mrn), "prev", pat.mrn)
    d.c("%s" % v if rng.random() < 0.5 else "I think it's %s." % v)
    d.a("For the application I need the social security number for the head of household.")
    r = rng.random()
    if r < 0.6:
        v = ctx.V("SSN", ctx.ssn(pat.ssn), "prev", pat.ssn)
        d.c(rng.choice(["Okay. %s.", "It's %s.", "Sure, %s"]) % v)
    else:
        v = ctx.V("SSN", ctx.ssn(pat.ssn), "same", pat.ssn)
        d.c(rng.choice(["My social is %s.", "Okay, social security number %s."]) % v)
    if rng.random() < 0.5:
        v = ctx.V("SSN", ctx.last4(pat.ssn), "prev", pat.ssn[-4:])
        d.a("Thank you, ending in %s." % v)
    d.a("How many people live in the household, including you?")
    d.c("%s. Me, my husband, and %s kids." % (ctx.count(rng.randint(3, 6), "people"),
                                            ctx.N(rng.choice(["two", "three"]), "count")))
    d.a("And the total monthly household income before taxes?")
    d.c("About %s a month." % ctx.money(rng.choice([2100, 2800, 3400, 4150])))
    d.a("Okay. What's the current mailing address?")
    st = ctx.V("STREET", ctx.street(pat), "prev", street_value(pat))
    ci = ctx.V("CITY", (pat.city, True, "city"), "prev", pat.city)
    zp = ctx.V("ZIP", ctx.zip_(pat.zip), "prev", pat.zip)
    d.c("%s, %s, %s %s." % (st, ci, pat.state, zp))
    ask_phone(ctx, d, pat)
    ask_email(ctx, d, pat)
    d.a("I'll %s the account so it doesn't go to collections while we review. You should hear "
        "back in %s." % (ctx.N("flag", "common_word"), ctx.dur(rng.choice([30, 45]), "days")))
    d.c("I %s it's approved. Thank you." % ctx.N("hope", "common_word"))
    closing(ctx, d)
    return d, dict(org=org, pat=pat, caller=pat, bal=None, kind="fa", agent=agent), \
        "hospital_financial_assistance"


def sc_medicare_billing(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng, "senior")
    org = rng.choice(HOSP)
    agent = rng.choice(AGENTS)
    greet(ctx, d, org, "patient accounts", agent)
    n = name_turn(ctx, pat, "none")
    if rng.random() < 0.4:
        dv = ctx.V("DOB", ctx.dob(pat.dob), "none", pat.dob.isoformat())
        d.c("Yes hello. %s, %s. I'm looking at this statement and it says Medicare denied it."
            % (n, dv))
    else:
        d.c(rng.choice(["Yes hello. %s. I'm looking at this statement and it says Medicare "
                        "denied it.", "Hi, %s here, I got a statement saying Medicare didn't "
                        "pay."]) % n)
        verify_dob(ctx, d, pat, who="your")
    d.issues.append("Medicare denied")
    d.a("Thank you. Can you read me the Medicare number off your red, white and blue card?")
    v = ctx.V("MBI", ctx.mbi(pat.mbi), "prev", pat.mbi)
    d.c("Let me get my glasses. Okay. %s." % v)
    if rng.random() < 0.5:
        v = ctx.V("MBI", ctx.mbi(pat.mbi), "prev", pat.mbi)
        d.a("I see, we had the old number on file. I've updated it to %s." % v)
    adm = datetime.date(2025, rng.randint(1, 4), rng.randint(1, 25))
    dis = adm + datetime.timedelta(days=rng.randint(2, 6))
    a1 = ctx.V("DATE", ctx.event_date(adm), "same", adm.isoformat())
    d.a("That was for your admission on %s. I'm going to rebill the claim. Your patient "
        "account number for your records is %s." % (
            a1, ctx.V("MRN", ctx.acct(pat.mrn), "same", pat.mrn)))
    a2 = ctx.V("DATE", ctx.event_date(dis), "same", dis.isoformat())
    d.c("And I went home %s, the discharge paper says that." % a2 if rng.random() < 0.5 else
        "Okay, so I don't owe the %s?" % ctx.money(round(rng.uniform(300, 2200), 2)))
    d.a("Correct, please hold off on paying until the rebill processes, it takes about %s." %
        ctx.dur(rng.choice([30, 45, 60]), "days"))
    if rng.random() < 0.6:
        ask_phone(ctx, d, pat)
    if rng.random() < 0.5:
        d.a("Can you also verify the last four of your social?")
        v = ctx.V("SSN", ctx.last4(pat.ssn), "prev", pat.ssn[-4:])
        d.c("%s." % v)
    d.c("I'm %s years old, you know, this is a lot." % ctx.N(card_num(pat.age), "age"))
    closing(ctx, d)
    return d, dict(org=org, pat=pat, caller=pat, bal=None, kind="medicare", adm=adm,
                   agent=agent), "hospital_medicare_rebill"


def sc_dental_new_patient(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng)
    org = rng.choice(DENTAL)
    agent = rng.choice(AGENTS)
    d.a("%s, this is %s, how can I help you?" % (
        org, ctx.V("NAME", (agent, True, "name_first_agent"), "same", agent)))
    emergency = rng.random() < 0.45
    if emergency:
        d.c("Hi, I'm not a patient there yet but I have a really bad toothache.")
        for role, t in rng.choice(CARRIER):
            d.turns.append((role, t))
        d.issues.append("toothache")
    else:
        d.c("Hi, I'd like to schedule a cleaning, I'm a new patient.")
    d.a("Okay, let me get you set up. What's your first and last name?")
    n = ctx.V("NAME", (pat.first + " " + pat.last, True, "name_full"), "prev",
              pat.first + " " + pat.last)
    sp = ctx.V("NAME", ctx.spell(pat.last), "same", pat.last)
    d.c("%s. Last name is spelled %s." % (n, sp))
    verify_dob(ctx, d, pat, who="your")
    ask_phone(ctx, d, pat)
    ask_email(ctx, d, pat)
    if rng.random() < 0.5:
        ask_address(ctx, d, pat)
    payer = rng.choice(PAYERS)
    d.a("Do you have dental insurance?")
    d.c("Yes, %s through my work." % payer)
    d.a("Can I have the member ID from the card?")
    v = ctx.V("MEMBER_ID", ctx.member(pat.member), "prev", pat.member)
    grp = "%06d" % rng.randint(1000, 999999)
    d.c("The ID is %s and the group number is %s." % (v, ctx.idnum(grp, "group_number")))
    if rng.random() < 0.45:
        d.a("Some plans still ask for the subscriber's social. Do you mind giving me that?")
        v = ctx.V("SSN", ctx.ssn(pat.ssn), "prev", pat.ssn)
        d.c("Um, okay, %s." % v)
    appt = datetime.date(2025, rng.randint(6, 9), rng.randint(1, 28))
    code = rng.choice(PROCS[:3])[0]
    dent = rng.choice(DENTISTS)
    d.a("Great. I have %s at %s with Dr. %s. That'll be the new patient exam, x-rays, and "
        "a cleaning, code %s. Your plan usually covers preventive at %s." % (
            ctx.appt(appt), ctx.time_(rng.choice([8, 9, 10, 13, 14, 15]), rng.choice([0, 30])),
            ctx.V("NAME", (dent, True, "name_last_provider"), "same", dent),
            ctx.proc(code), ctx.pct(100)))
    if emergency:
        d.a("And since you're in pain, she %s look at that tooth. Do you know which one?" %
            ctx.N("will", "common_word"))
        d.c("Lower left, in the back.")
        d.a("If the swelling gets bad or you have trouble breathing or swallowing, call %s "
            "or go to the ER." % ctx.N(rng.choice(["nine one one", "911"]),
                                       "emergency_number"))
        d.c("Okay, got it.")
        d.a("Okay, that's probably number %s or %s. Please arrive %s early." % (
            ctx.tooth(rng.choice([18, 19, 20])), ctx.tooth(rng.choice([17, 21])),
            ctx.dur(15, "minutes")))
    d.a("Would you like to keep a card on file for your copay?")
    if rng.random() < 0.6:
        v = ctx.V("CARD", ctx.card(pat.card), "prev", pat.card)
        d.c("Sure. %s." % v)
    else:
        d.c("No, I'll pay at the visit.")
    closing(ctx, d)
    return d, dict(org=org, pat=pat, caller=pat, bal=None, kind="dental_new", appt=appt,
                   agent=agent), "dental_new_patient"


def sc_dental_balance(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng)
    kid = rng.random() < 0.35
    patient = make_person(rng, "kid", last=pat.last) if kid else pat
    org = rng.choice(DENTAL)
    agent = rng.choice(AGENTS)
    greet(ctx, d, org, "billing", agent)
    if kid:
        d.c("Hi, this is %s, I'm calling about a statement for my daughter, %s." % (
            name_turn(ctx, pat, "same"),
            ctx.V("NAME", (patient.first, True, "name_first"), "same", patient.first)))
    else:
        d.c("Hi, I got a statement from you and the amount seems wrong.")
        d.issues.append("amount seems wrong")
        d.a("Sorry about that, let's take a look. Patient name?")
        d.c("%s." % name_turn(ctx, pat, "prev", spell_last=rng.random() < 0.35))
    verify_dob(ctx, d, patient, who="the patient's")
    d.a("And the chart number on the statement? It's the one labeled account.")
    v = ctx.V("MRN", ctx.acct(patient.mrn), "prev", patient.mrn)
    d.c("%s" % v)
    inv = "%d" % rng.randint(10000, 999999)
    p1, p2 = rng.sample(PROCS[2:10], 2)
    t = rng.choice([3, 14, 19, 30, 31, 2, 15])
    d.a("Okay I see invoice %s. That's %s on tooth %s, code %s, and a %s, code %s. Your "
        "insurance paid %s and your portion is %s." % (
            ctx.idnum(inv, "invoice_number"), p1[1], ctx.tooth(t), ctx.proc(p1[0]), p2[1],
            ctx.proc(p2[0]), ctx.money(round(rng.uniform(150, 900), 2)),
            ctx.money(round(rng.uniform(60, 700), 2))))
    d.c("I thought the estimate said I'd owe less than that.")
    d.a("The estimate was based on %s of the annual max and you've used %s already this "
        "plan year. I can %s this for review." % (
            ctx.pct(rng.choice([50, 80])), ctx.money(rng.choice([900, 1200, 1350])),
            ctx.N("mark", "common_word")))
    if rng.random() < 0.6:
        payer = pat
        pay_by_card(ctx, d, payer, round(rng.uniform(40, 300), 2),
                    "%d" % rng.randint(10000, 9999999))
    if rng.random() < 0.5:
        ask_email(ctx, d, pat)
    if rng.random() < 0.4:
        ask_phone(ctx, d, pat)
    closing(ctx, d)
    return d, dict(org=org, pat=patient, caller=pat, bal=None, kind="dental_bal", agent=agent), \
        "dental_balance"


def sc_ortho_plan(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    parent = make_person(rng)
    kid = make_person(rng, "kid", last=parent.last if rng.random() < 0.8 else None)
    org = rng.choice(ORTHO)
    agent = rng.choice(AGENTS)
    d.a("Thanks for calling %s, this is %s." % (
        org, ctx.V("NAME", (agent, True, "name_first_agent"), "same", agent)))
    pn = ctx.V("NAME", (parent.first + " " + parent.last, True, "name_full"), "none",
               parent.first + " " + parent.last)
    d.c("Hey, %s, my son %s just had his consult for braces and I wanted to set up the "
        "payment plan." % (pn, ctx.V("NAME", (kid.first, True, "name_first"), "same",
                                     kid.first)))
    d.a("Sure! Can I get his date of birth so I can pull up the chart?")
    v = ctx.V("DOB", ctx.dob(kid.dob), "prev", kid.dob.isoformat())
    d.c("%s." % v)
    fee = rng.choice([5200, 5800, 6150, 6400, 4975])
    down = rng.choice([500, 750, 1000])
    months = rng.choice([18, 20, 24])
    d.a("Okay, so comprehensive treatment, code %s, the total fee is %s. With a down payment of "
        "%s, that leaves monthly payments of %s for %s." % (
            ctx.proc("D8080"), ctx.money(fee), ctx.money(down),
            ctx.money(round((fee - down) / months, 2)), ctx.dur(months, "months")))
    d.c("And does insurance take anything off?")
    d.a("Your plan has a lifetime ortho max of %s, we'll bill it. I need the subscriber info. "
        "Is that you?" % ctx.money(rng.choice([1000, 1500, 2000])))
    d.c("Yes, it's through my job.")
    d.a("What's your date of birth and the member ID?")
    v1 = ctx.V("DOB", ctx.dob(parent.dob), "prev", parent.dob.isoformat())
    v2 = ctx.V("MEMBER_ID", ctx.member(parent.member), "same", parent.member)
    d.c("I'm %s, and the member ID is %s." % (v1, v2))
    d.a("And for autopay, which card would you like the monthly payment on?")
    v = ctx.V("CARD", ctx.card(parent.card), "prev", parent.card)
    d.c(rng.choice(["Um, put it on %s.", "%s", "This one, %s."]) % v)
    d.a("And the billing zip for that card?")
    v = ctx.V("ZIP", ctx.zip_(parent.zip), "prev", parent.zip)
    d.c("%s." % v)
    ask_email(ctx, d, parent)
    if rng.random() < 0.5:
        ask_phone(ctx, d, parent)
    d.a("Great. The first payment drafts on the %s. His bonding appointment is %s at %s, "
        "and it takes about %s." % (
            ctx.N(rng.choice(["first", "fifteenth"]), "due_date"),
            ctx.appt(datetime.date(2025, rng.randint(6, 8), rng.randint(1, 28))),
            ctx.time_(rng.choice([15, 16]), rng.choice([0, 15, 30])),
            ctx.dur(rng.choice([90, 60]), "minutes")))
    closing(ctx, d)
    return d, dict(org=org, pat=kid, caller=parent, bal=None, kind="ortho", fee=fee,
                   agent=agent), "ortho_payment_plan"


def sc_payer_verification(ctx):
    """Dental office staff (CUSTOMER) calls the payer's provider line (AGENT)."""
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng, "kid" if rng.random() < 0.3 else "adult")
    sub = pat if pat.age >= 18 else make_person(rng, last=pat.last)
    payer = rng.choice(PAYERS)
    agent = rng.choice(AGENTS)
    staff = rng.choice(AGENTS)
    ag = ctx.V("NAME", (agent, True, "name_first_agent"), "same", agent)
    d.a("Thank you for calling %s provider services, my name is %s. May I have your NPI?" % (
        payer, ag))
    npi = make_npi(rng)
    v = ctx.V("NPI", ctx.npi(npi), "prev", npi)
    d.c("Hi %s, this is %s from %s. The NPI is %s." % (
        ctx.V("NAME", (agent, True, "name_first_agent"), "prev", agent),
        ctx.V("NAME", (staff, True, "name_first_staff"), "same", staff), rng.choice(DENTAL), v))
    d.a("And the member ID?")
    v = ctx.V("MEMBER_ID", ctx.member(sub.member), "prev", sub.member)
    d.c("%s." % v)
    d.a("Patient name and date of birth?")
    n = ctx.V("NAME", (pat.first + " " + pat.last, True, "name_full"), "prev",
              pat.first + " " + pat.last)
    v = ctx.V("DOB", ctx.dob(pat.dob), "prev", pat.dob.isoformat())
    d.c("%s, %s." % (n, v))
    if sub is not pat:
        d.a("And the subscriber?")
        d.c("Her %s, %s, date of birth %s." % (rng.choice(["mom", "dad"]), name_turn(
            ctx, sub, "prev"), ctx.V("DOB", ctx.dob(sub.dob), "same", sub.dob.isoformat())))
    d.a("Okay, I have the plan. Group number %s, active since %s." % (
        ctx.idnum("%06d" % rng.randint(1000, 999999), "group_number"),
        ctx.N(str(rng.choice([2021, 2022, 2023])), "year")))
    code = rng.choice(PROCS[:3] + PROCS[10:])
    d.c("What's the frequency on %s?" % ctx.proc(code[0]))
    d.a("That's covered %s per calendar year at %s, and the patient has used %s." % (
        ctx.count(2, "times"), ctx.pct(100), ctx.N(rng.choice(["one", "zero"]), "count")))
    code2 = rng.choice(PROCS[3:8])
    d.c("And a %s, %s, on tooth %s?" % (code2[1], ctx.proc(code2[0]), ctx.tooth(
        rng.randint(2, 31))))
    d.a("Major services at %s after the %s deductible, with a %s waiting period that's "
        "satisfied." % (ctx.pct(50), ctx.money(50), ctx.dur(12, "months")))
    d.c("Can I get a reference number for the call?")
    d.a("Sure, reference %s." % ctx.idnum("%d" % rng.randint(10 ** 7, 10 ** 9),
                                          "confirmation_number", letters=""))
    d.c("Thank you so much, %s." % ctx.V("NAME", (agent, True, "name_first_agent"), "prev",
                                         agent))
    d.a("You're welcome, have a good day.")
    return d, dict(org=payer, pat=pat, caller=None, bal=None, kind="payer", agent=agent,
                   npi=npi, sub=sub), "dental_payer_verification"


def sc_outbound_collections(ctx):
    rng = ctx.rng
    d = Dlg(ctx)
    pat = make_person(rng)
    org = rng.choice(HOSP)
    agent = rng.choice(AGENTS)
    pn = ctx.V("NAME", (pat.first + " " + pat.last, True, "name_full"), "same",
               pat.first + " " + pat.last)
    d.a("Hi, this is %s calling from %s billing. May I speak with %s?" % (
        ctx.V("NAME", (agent, True, "name_first_agent"), "same", agent), org, pn))
    d.c("Speaking.")
    d.a("For security, can you please verify your date of birth and the last four of your "
        "social?")
    v1 = ctx.V("DOB", ctx.dob(pat.dob), "prev", pat.dob.isoformat())
    v2 = ctx.V("SSN", ctx.last4(pat.ssn), "prev", pat.ssn[-4:])
    d.c("%s, and %s." % (v1, v2) if rng.random() < 0.5 else "Birthday is %s, last four %s." % (
        v1, v2))
    bal = round(rng.uniform(120, 3100), 2)
    d.a("Thank you. I'm calling about the balance of %s on account %s, which is now %s past "
        "due." % (ctx.money(bal), ctx.V("MRN", ctx.acct(pat.mrn), "same", pat.mrn),
                  ctx.dur(rng.choice([60, 90, 120]), "days")))
    d.c("I thought I paid that. I sent a check in %s." % ctx.N(
        rng.choice(["March", "April", "May"]), "month"))
    d.issues.append("I thought I paid that")
    d.a("I don't see it posted. Can you confirm your address so I can check where statements "
        "are going?")
    st = ctx.V("STREET", ctx.street(pat), "prev", street_value(pat))
    zp = ctx.V("ZIP", ctx.zip9(pat.zip, pat.plus4) if rng.random() < 0.3 else ctx.zip_(pat.zip),
               "prev", pat.zip)
    ci = ctx.V("CITY", (pat.city, True, "city"), "prev", pat.city)
    d.c("%s, %s, %s." % (st, ci, zp))
    if rng.random() < 0.5:
        v = ctx.V("PHONE", ctx.phone(pat.phone), "none", pat.phone)
        d.c("Oh and %s, that's my cell if the house line doesn't answer." % v)
    pay_by_card(ctx, d, pat, round(bal / rng.choice([1, 2, 4]), 2),
                "%d" % rng.randint(10 ** 5, 10 ** 8))
    closing(ctx, d)
    return d, dict(org=org, pat=pat, caller=pat, bal=bal, kind="collections", agent=agent), \
        "hospital_outbound_collections"


SCENARIOS = [(sc_hospital_statement, 26), (sc_financial_assistance, 12), (sc_medicare_billing, 10),
             (sc_dental_new_patient, 16), (sc_dental_balance, 14), (sc_ortho_plan, 12),
             (sc_payer_verification, 10), (sc_outbound_collections, 10)]


# ---------------------------------------------------------------- post-call summary
def fmt_phone(p, rng):
    return rng.choice(["(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "%s-%s-%s" % (p[:3], p[3:6], p[6:])])


def summary(ctx, info):
    rng = ctx.rng
    pat = info["pat"]
    nm = lambda p: ctx.WV("NAME", p.first + " " + p.last, "name_full_written",
                          p.first + " " + p.last)
    dob = lambda p: ctx.WV("DOB", "%02d/%02d/%d" % (p.dob.month, p.dob.day, p.dob.year),
                           "written_mdy_slash", p.dob.isoformat())
    k = info["kind"]
    if k == "payer":
        s = ("Office staff verified dental benefits for patient %s (DOB %s), member ID %s, "
             "provider NPI %s. Preventive covered at 100%%; major at 50%% after deductible. "
             "Reference number provided." % (
                 nm(pat), dob(pat), ctx.WV("MEMBER_ID", info["sub"].member, "member_written",
                                           info["sub"].member),
                 ctx.WV("NPI", info["npi"], "npi_digits", info["npi"])))
        return s
    caller = info["caller"]
    parts = []
    if caller is not None and caller is not pat:
        parts.append("%s called regarding %s (DOB %s)" % (nm(caller), nm(pat), dob(pat)))
    else:
        parts.append("Patient %s (DOB %s) called" % (nm(pat), dob(pat)))
    if k in ("hospital", "collections"):
        parts.append("about the balance on patient account %s" % ctx.WV(
            "MRN", pat.mrn, "acct_written", pat.mrn))
    elif k == "fa":
        parts.append("to apply for financial assistance on account %s" % ctx.WV(
            "MRN", pat.mrn, "acct_written", pat.mrn))
    elif k == "medicare":
        parts.append("about a Medicare denial; MBI updated to %s" % ctx.WV(
            "MBI", pat.mbi, "mbi_written_run", pat.mbi))
    elif k == "ortho":
        parts.append("to set up an orthodontic payment plan (total fee %s)" % ctx.WN(
            money_written(info["fee"]), "money"))
    elif k == "dental_new":
        parts.append("to schedule a new-patient visit")
    else:
        parts.append("disputing a statement amount")
    s = " ".join(parts) + "."
    if rng.random() < 0.6 and caller is not None:
        s += " Callback number %s." % ctx.WV("PHONE", fmt_phone(caller.phone, rng),
                                            "written_paren_or_dash", caller.phone)
    if rng.random() < 0.5 and caller is not None:
        s += " Email on file: %s." % ctx.WV("EMAIL", caller.email, "email_written",
                                             caller.email)
    if info.get("adm") and rng.random() < 0.6:
        s += " Admission date %s." % ctx.WV("DATE", info["adm"].strftime("%m/%d/%Y"),
                                            "written_mdy_slash", info["adm"].isoformat())
    s += rng.choice([" Agent resolved the inquiry.", " Follow-up required.",
                     " Customer expressed frustration with the billing process.", ""])
    return s.strip()


# ---------------------------------------------------------------- output formats
def caps_turn(ctx, s):
    """Punctuated-ASR style: capitalise the first character of the turn."""
    m = MARK_RE.match(s)
    if m:
        it = ctx.doc.items[int(m.group(1))]
        it["text"] = it["text"][0].upper() + it["text"][1:]
        return s
    return s[0].upper() + s[1:] if s else s


def lower_turn(ctx, s):
    """Raw-ASR style: lower case, no sentence punctuation (outside values)."""
    out = []
    pos = 0
    for m in MARK_RE.finditer(s):
        out.append(_lower_lit(s[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_lower_lit(s[pos:]))
    r = "".join(out)
    return re.sub(r"  +", " ", r).strip()


def _lower_lit(t):
    t = t.lower()
    t = re.sub(r"[.,?!;:]+(?=\s|$)", "", t)
    return t


def styled_turns(ctx, d):
    out = []
    for role, s in d.turns:
        if ctx.style == "lower":
            s = lower_turn(ctx, s)
        else:
            s = caps_turn(ctx, s)
        out.append((role, s))
    return out


def ts(sec):
    return "%02d:%02d:%02d" % (sec // 3600, (sec // 60) % 60, sec % 60)


def timings(rng, turns, ctx):
    t = rng.uniform(0.3, 2.0)
    out = []
    for role, s in turns:
        n = len(ctx.doc.plain(s).split())
        dur = max(0.8, n * rng.uniform(0.28, 0.42))
        out.append((round(t, 2), round(t + dur, 2)))
        t += dur + rng.uniform(0.2, 1.6)
    return out


LABELS = [("AGENT", "CUSTOMER"), ("Agent", "Customer"), ("Agent", "Caller"), ("spk_0", "spk_1"),
          ("Speaker 0", "Speaker 1"), ("Rep", "Patient"), ("[agent]", "[customer]"),
          ("ch_0", "ch_1")]


def build_transcript(ctx, d, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    la, lc = rng.choice(LABELS)
    stamp = rng.random() < 0.4
    tim = timings(rng, turns, ctx)
    lines = []
    for (role, s), (t0, _) in zip(turns, tim):
        lab = la if role == "A" else lc
        pre = "[%s] " % ts(int(t0)) if stamp else ""
        sep = " " if lab.startswith("[") else ": "
        lines.append(pre + lab + sep + s)
    text, spans, negs = ctx.doc.resolve("\n".join(lines))
    kind = "transcript_" + ("timestamped_" if stamp else "") + (
        "agent_customer" if la in ("AGENT", "Agent", "[agent]", "Rep") else "diarized")
    return dict(id=rid, format="transcript", kind=kind, text=text, spans=spans, negatives=negs)


def hexid(rng, n=32):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "8" + h[17:20], h[20:32])


def sentiment_of(role, s):
    low = s.lower()
    if any(w in low for w in ("wrong", "charged", "denied", "thought i paid", "don't understand",
                              "toothache", "pain")):
        return "NEGATIVE"
    if any(w in low for w in ("thank", "great", "appreciate", "perfect")):
        return "POSITIVE"
    return "NEUTRAL"


def json_transcribe_analytics(ctx, d, info, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    tim = timings(rng, turns, ctx)
    items = []
    for (role, s), (t0, t1) in zip(turns, tim):
        plain = ctx.doc.plain(s)
        it = {"BeginOffsetMillis": int(t0 * 1000), "Content": s,
              "EndOffsetMillis": int(t1 * 1000), "Id": uuid(rng),
              "LoudnessScores": [round(rng.uniform(55, 82), 2) for _ in range(
                  max(1, int(t1 - t0)))],
              "ParticipantRole": "AGENT" if role == "A" else "CUSTOMER",
              "Sentiment": sentiment_of(role, plain)}
        for ph in d.issues:
            k = plain.find(ph)
            if k >= 0 and role == "C":
                it["IssuesDetected"] = [{"CharacterOffsets": {"Begin": k, "End": k + len(ph)}}]
        items.append(it)
    total = int(tim[-1][1] * 1000) + 800
    obj = {
        "JobName": "pfs-%s-%s" % (rng.choice(["inbound", "queue7", "dental"]), hexid(rng, 12)),
        "AccountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
        "JobStatus": "COMPLETED", "LanguageCode": "en-US", "Channel": "VOICE",
        "AnalyticsJobDetails": {"Skipped": []},
        "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
        "Categories": {"MatchedCategories": rng.sample(
            ["billing_dispute", "payment_taken", "insurance_question", "escalation_risk",
             "new_patient"], 2), "MatchedDetails": {}},
        "ConversationCharacteristics": {
            "TotalConversationDurationMillis": total,
            "Sentiment": {"OverallSentiment": {"AGENT": round(rng.uniform(0.5, 3.5), 1),
                                               "CUSTOMER": round(rng.uniform(-2.5, 2.5), 1)}},
            "Interruptions": {"TotalCount": rng.randint(0, 4)},
            "NonTalkTime": {"TotalTimeMillis": rng.randint(1000, 30000)},
            "TalkSpeed": {"DetailsByParticipant": {
                "AGENT": {"AverageWordsPerMinute": rng.randint(140, 190)},
                "CUSTOMER": {"AverageWordsPerMinute": rng.randint(110, 180)}}},
            "Issues": len([i for i in items if "IssuesDetected" in i])},
        "Transcript": items,
    }
    if rng.random() < 0.8:
        obj["ContactSummary"] = {"AutoGenerated": {"OverallSummary": {"Content":
                                                                      summary(ctx, info)}}}
    return "transcribe", "transcribe_call_analytics", obj


def json_transcribe_standard(ctx, d, info, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    tim = timings(rng, turns, ctx)
    segs = []
    for i, ((role, s), (t0, t1)) in enumerate(zip(turns, tim)):
        segs.append({"id": i, "transcript": s, "start_time": "%.3f" % t0, "end_time": "%.3f" % t1,
                     "speaker_label": "spk_0" if role == "A" else "spk_1", "items": []})
    obj = {"jobName": "billing-line-%s" % hexid(rng, 10),
           "accountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
           "status": "COMPLETED",
           "results": {"language_code": "en-US",
                       "transcripts": [{"transcript": " ".join(s for _, s in turns)}],
                       "speaker_labels": {"speakers": 2, "channel_label": "ch_0",
                                          "segments": [{"start_time": x["start_time"],
                                                        "end_time": x["end_time"],
                                                        "speaker_label": x["speaker_label"],
                                                        "items": []} for x in segs]},
                       "audio_segments": segs}}
    return "transcribe", "transcribe_standard_audio_segments", obj


def json_deepgram(ctx, d, info, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    tim = timings(rng, turns, ctx)
    model = uuid(rng)
    utt = []
    sents = []
    paras = []
    wc = 0
    ptext = ""
    for (role, s), (t0, t1) in zip(turns, tim):
        spk = 0 if role == "A" else 1
        n = len(ctx.doc.plain(s).split())
        utt.append({"start": t0, "end": t1, "confidence": round(rng.uniform(0.82, 0.99), 4),
                    "channel": 0, "transcript": s, "words": [], "speaker": spk, "id": uuid(rng)})
        sents.append({"text": s, "start_word": wc, "end_word": wc + n - 1,
                      "sentiment": sentiment_of(role, ctx.doc.plain(s)).lower(),
                      "sentiment_score": round(rng.uniform(-0.6, 0.7), 3)})
        paras.append({"sentences": [{"text": s, "start": t0, "end": t1}], "speaker": spk,
                      "num_words": n, "start": t0, "end": t1})
        ptext += "\n\nSpeaker %d: %s" % (spk, s)
        wc += n
    alt = {"transcript": " ".join(s for _, s in turns), "confidence": round(rng.uniform(0.9, 0.99),
                                                                             4), "words": []}
    if rng.random() < 0.6:
        alt["paragraphs"] = {"transcript": ptext[1:], "paragraphs": paras}
    res = {"channels": [{"alternatives": [alt]}], "utterances": utt}
    if rng.random() < 0.75:
        res["summary"] = {"result": "success", "short": summary(ctx, info)}
    if rng.random() < 0.6:
        res["sentiments"] = {"segments": sents, "average": {
            "sentiment": "neutral", "sentiment_score": round(rng.uniform(-0.2, 0.3), 4)}}
    obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng),
                        "sha256": hexid(rng, 64), "created": "2025-0%d-%02dT%02d:%02d:%02d.%03dZ" % (
                            rng.randint(1, 9), rng.randint(1, 28), rng.randint(0, 23),
                            rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                        "duration": round(tim[-1][1] + 0.7, 3), "channels": 1, "models": [model],
                        "model_info": {model: {"name": "2-phonecall-nova", "version":
                                               "2024-01-09.29447", "arch": "nova-2"}}},
           "results": res}
    return "deepgram", "deepgram_prerecorded_utterances", obj


def json_retell(ctx, d, info, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    tim = timings(rng, turns, ctx)
    start = 1735000000000 + rng.randint(0, 10 ** 10)
    tobj = [{"role": "agent" if r == "A" else "user", "content": s, "words": []}
            for r, s in turns]
    call = {"call_type": "phone_call", "direction": "inbound", "call_id": "call_" + hexid(rng),
            "agent_id": "agent_" + hexid(rng, 24), "call_status": "ended",
            "start_timestamp": start, "end_timestamp": start + int(tim[-1][1] * 1000),
            "disconnection_reason": rng.choice(["user_hangup", "agent_hangup"]),
            "transcript": "\n".join(("Agent: " if r == "A" else "User: ") + s for r, s in turns),
            "transcript_object": tobj}
    caller = info.get("caller")
    if caller is not None and rng.random() < 0.7:
        call["from_number"] = ctx.WV("PHONE", "+1" + caller.phone, "e164", caller.phone,
                                     cue="same")
    ca = {"call_summary": summary(ctx, info), "in_voicemail": False,
          "user_sentiment": rng.choice(["Neutral", "Negative", "Positive"]),
          "call_successful": True}
    pat = info["pat"]
    if rng.random() < 0.7:
        ca["custom_analysis_data"] = {
            "patient_name": ctx.WV("NAME", pat.first + " " + pat.last, "name_full_written",
                                   pat.first + " " + pat.last),
            "patient_dob": ctx.WV("DOB", pat.dob.isoformat(), "written_iso", pat.dob.isoformat()),
            "issue_category": rng.choice(["billing", "insurance", "scheduling"]),
            "escalate": rng.random() < 0.2}
    call["call_analysis"] = ca
    return "retell", "retell_call_analyzed", {"event": "call_analyzed", "call": call}


def json_vapi(ctx, d, info, rid):
    rng = ctx.rng
    turns = styled_turns(ctx, d)
    tim = timings(rng, turns, ctx)
    msgs = []
    t0 = 1735000000000 + rng.randint(0, 10 ** 10)
    for (r, s), (a, b) in zip(turns, tim):
        msgs.append({"role": "bot" if r == "A" else "user", "message": s,
                     "time": t0 + int(a * 1000), "endTime": t0 + int(b * 1000),
                     "secondsFromStart": a, "duration": int((b - a) * 1000)})
    pat = info["pat"]
    caller = info.get("caller")
    sd = {"patient_name": ctx.WV("NAME", pat.first + " " + pat.last, "name_full_written",
                                 pat.first + " " + pat.last),
          "date_of_birth": ctx.WV("DOB", "%02d/%02d/%d" % (pat.dob.month, pat.dob.day,
                                                           pat.dob.year), "written_mdy_slash",
                                  pat.dob.isoformat()),
          "intent": info["kind"]}
    if caller is not None and rng.random() < 0.6:
        sd["callback_number"] = ctx.WV("PHONE", "%s-%s-%s" % (caller.phone[:3], caller.phone[3:6],
                                                              caller.phone[6:]), "written_dash",
                                       caller.phone)
    call = {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall"}
    if caller is not None and rng.random() < 0.6:
        call["customer"] = {"number": ctx.WV("PHONE", "+1" + caller.phone, "e164", caller.phone)}
    msg = {"type": "end-of-call-report", "endedReason": "customer-ended-call", "call": call,
           "cost": round(rng.uniform(0.05, 0.9), 4),
           "artifact": {"messages": msgs,
                        "transcript": "\n".join(("AI: " if r == "A" else "User: ") + s
                                                for r, s in turns),
                        "recordingUrl": "https://storage.vapi.ai/%s-1735%09d.wav" % (
                            uuid(rng), rng.randint(0, 10 ** 9))},
           "analysis": {"summary": summary(ctx, info), "structuredData": sd,
                        "successEvaluation": rng.choice(["true", "false"])}}
    return "vapi", "vapi_end_of_call_report", {"message": msg}


JSON_BUILDERS = [(json_transcribe_analytics, 30), (json_transcribe_standard, 12),
                 (json_deepgram, 24), (json_retell, 18), (json_vapi, 16)]


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def generate(seed, n):
    recs = []
    for i in range(n):
        rng = random.Random("%d-%d" % (seed, i))
        is_json = rng.random() < 0.47
        if is_json:
            style = wchoice(rng, [("caps", 5), ("smart", 4), ("lower", 1)])
        else:
            style = wchoice(rng, [("lower", 4), ("caps", 4), ("smart", 2)])
        for attempt in range(20):
            ctx = Ctx(rng, style)
            sc = wchoice(rng, SCENARIOS)
            d, info, skind = sc(ctx)
            if 8 <= len(d.turns) <= 40:
                break
        rid = "h48-%04d" % i
        if not is_json:
            rec = build_transcript(ctx, d, rid)
            rec["kind"] = skind + "/" + rec["kind"]
        else:
            b = wchoice(rng, JSON_BUILDERS)
            profile, jkind, obj = b(ctx, d, info, rid)
            line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            text, spans, negs = ctx.doc.resolve(line)
            rec = dict(id=rid, format="json", profile=profile, kind=skind + "/" + jkind,
                       text=text, spans=spans, negatives=negs)
        rec["style"] = style
        recs.append(rec)
    return recs


# ---------------------------------------------------------------- check
def string_ranges(raw):
    """Char ranges (inside the quotes) of every JSON string token in raw."""
    out = []
    i = 0
    n = len(raw)
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(AGENT|CUSTOMER|Agent|Customer|Caller|spk_[01]|"
                     r"Speaker [01]|Rep|Patient|ch_[01]): |^(\[\d\d:\d\d:\d\d\] )?"
                     r"\[(agent|customer)\] ")
EMAIL_RE = re.compile(r"^[a-z0-9._]+@[a-z0-9-]+\.[a-z]+$")


def value_ok(ent, val, surface):
    digits = re.sub(r"\D", "", val)
    said = spoken_digits(surface)
    if ent == "SSN":
        if len(val) == 4:
            return val.isdigit() and said == val
        a, g, s = val[:3], val[3:5], val[5:]
        return (len(val) == 9 and val.isdigit() and a not in ("000", "666") and a < "900"
                and g != "00" and s != "0000" and said == val)
    if ent == "PHONE":
        return (len(val) == 10 and val[3:8] == "55501" and said in (val, "1" + val))
    if ent == "CARD":
        return len(val) in (15, 16) and luhn_ok(val) and said == val
    if ent == "NPI":
        return len(val) == 10 and luhn_ok("80840" + val) and said == val
    if ent == "ZIP":
        return len(val) == 5 and val.isdigit() and said[:5] == val
    if ent == "MRN":
        return said == digits and len(digits) >= 7
    if ent == "MEMBER_ID":
        return said == digits and len(digits) >= 9
    if ent in ("DOB", "DATE"):
        try:
            dt = datetime.date.fromisoformat(val)
        except ValueError:
            return False
        return 1930 <= dt.year <= 2025
    if ent == "MBI":
        return (len(val) == 11 and val[0] in "123456789" and val[3].isdigit() and val[6].isdigit()
                and val[9:].isdigit() and all(val[k] in MBI_ALPHA for k in (1, 4, 7, 8)))
    if ent == "EMAIL":
        return bool(EMAIL_RE.match(val)) and (" at " in surface.lower() or "@" in surface)
    if ent in ("NAME", "CITY"):
        return bool(re.match(r"^[A-Za-z][A-Za-z' .-]*$", val)) and bool(
            re.search(r"[A-Za-z]", surface))
    if ent == "STREET":
        return bool(re.match(r"^\d+ ", val))
    return False


def check(records, errs):
    ids = set()
    for r in records:
        rid = r.get("id")
        e = lambda m: errs.append("%s: %s" % (rid, m))
        if rid in ids:
            e("duplicate id")
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "json":
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                e("bad profile")
            try:
                obj = json.loads(text)
            except ValueError as x:
                e("json does not parse: %s" % x)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                e("json not compact canonical")
            sr = string_ranges(text)
        elif r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                e("turn count %d" % len(lines))
            if text.endswith("\n") or any(not l.strip() for l in lines):
                e("blank line / trailing newline")
            for l in lines:
                if not LINE_RE.match(l):
                    e("bad line start: %r" % l[:40])
        else:
            e("bad format")
        occ = []
        for s in r["spans"]:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(b)):
                e("span out of range")
                continue
            try:
                surf = b[st:en].decode("utf-8")
            except UnicodeDecodeError:
                e("span not on char boundary")
                continue
            if surf != surf.strip() or surf[0] in ".,;:?!" or (
                    surf[-1] in ".,;:?!" and not (s["entity"] == "STREET" and surf[-1] == ".")):
                e("span edge whitespace/punct: %r" % surf)
            if s["entity"] not in ENTITIES:
                e("bad entity %s" % s["entity"])
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                e("bad cue/spoken")
            if not value_ok(s["entity"], s["value"], surf):
                e("value check failed %s %r %r" % (s["entity"], s["value"], surf))
            has_word = bool(re.search(r"[A-Za-z]{2,}", re.sub(r"@.*", "", surf))) and \
                s["entity"] not in ("NAME", "CITY", "EMAIL", "STREET", "MBI", "MEMBER_ID")
            if s["entity"] in ("SSN", "PHONE", "CARD", "ZIP", "NPI") and has_word != s["spoken"]:
                e("spoken flag mismatch %r" % surf)
            if r["format"] == "json":
                cs = len(b[:st].decode("utf-8"))
                ce = cs + len(surf)
                if not any(a <= cs and ce <= z for a, z in sr):
                    e("span outside JSON string")
            occ.append((st, en, "span"))
        for n in r["negatives"]:
            st, en = n["start"], n["end"]
            if not (0 <= st < en <= len(b)):
                e("negative out of range")
                continue
            surf = b[st:en].decode("utf-8", "replace")
            if surf != surf.strip():
                e("negative edge whitespace")
            occ.append((st, en, "neg"))
        occ.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(occ, occ[1:]):
            if a2 < z1:
                e("overlap %s/%s at %d" % (k1, k2, a2))
    return errs


def stats(records, out):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    fmt = collections.Counter()
    prof = collections.Counter()
    for r in records:
        fmt[r["format"]] += 1
        if r.get("profile"):
            prof[r["profile"]] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    w = out.write
    w("records %d: %s; profiles: %s\n" % (len(records), dict(sorted(fmt.items())),
                                           dict(sorted(prof.items()))))
    w("\n| entity | total | spoken | written | spoken same/prev/none | written same/prev/none |\n")
    w("|---|---:|---:|---:|---|---|\n")
    tot = collections.Counter()
    for ent in ENTITIES:
        sp = [c[(ent, "spoken", q)] for q in ("same", "prev", "none")]
        wr = [c[(ent, "written", q)] for q in ("same", "prev", "none")]
        tot["all"] += sum(sp) + sum(wr)
        w("| %s | %d | %d | %d | %s | %s |\n" % (ent, sum(sp) + sum(wr), sum(sp), sum(wr),
                                                "/".join(map(str, sp)), "/".join(map(str, wr))))
    w("| all | %d | | | | |\n" % tot["all"])
    w("\nnegatives (%d): %s\n" % (sum(negs.values()), ", ".join(
        "%s %d" % kv for kv in sorted(negs.items(), key=lambda kv: -kv[1]))))
    w("\nforms:\n")
    for ent in ENTITIES:
        fs = sorted(((f, n) for (e, f), n in forms.items() if e == ent), key=lambda x: -x[1])
        w("  %s: %s\n" % (ent, ", ".join("%s %d" % x for x in fs)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                recs += [json.loads(l) for l in f if l.strip()]
        errs = check(recs, [])
        stats(recs, sys.stdout)
        if errs:
            print("\n%d problems:" % len(errs))
            for x in errs[:60]:
                print("  " + x)
            sys.exit(1)
        print("\ncheck OK: %d records" % len(recs))
        return
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs, sys.stdout)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
