#!/usr/bin/env python3
"""holdout36 - elderly callers and veterans on the phone, with spoken PHI.

VA community-care scheduling, TRICARE and Medicare Advantage member services,
caregivers calling for a parent, nurse lines, billing and survivor calls: slow
speech, restarts, self-corrections, hearing trouble, values given in pieces,
agent read-backs confirmed or corrected, callers reading from cards.

Python 3 standard library only. Deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout36.py [--seed N] [--n 150] > holdout36.jsonl
  python3 gen_holdout36.py --stats                 # counts of the default output
  python3 gen_holdout36.py --check holdout36.jsonl  # re-validate a file (+ stats)
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 3636
M_OPEN, M_MID, M_CLOSE = "\ue000", "\ue002", "\ue001"

# --------------------------------------------------------------------------- annotations


class Ann:
    """A labelled piece of text: a PHI span or a hard negative."""

    def __init__(self, text, kind, **kw):
        self.text = text
        self.kind = kind
        self.kw = kw


def SP(text, entity, spoken, cue, form, value, **extra):
    return Ann(text, "span", entity=entity, spoken=spoken, cue=cue, form=form, value=value, **extra)


def NG(text, what):
    return Ann(text, "neg", what=what)


def recue(ann, cue):
    """A copy of a span with another cue (same words said again)."""
    kw = dict(ann.kw)
    kw["cue"] = cue
    return Ann(ann.text, ann.kind, **kw)


# --------------------------------------------------------------------------- number words

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen").split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
       "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
ORD_TENS = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
               "Oct.", "Nov.", "Dec."]


def n2w(n, hy="-"):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (hy + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" " + n2w(n % 100, hy) if n % 100 else "")
    return n2w(n // 1000, hy) + " thousand" + (" " + n2w(n % 1000, hy) if n % 1000 else "")


def ordw(n, hy="-"):
    if n < 20:
        return ORD[n]
    if n % 10 == 0:
        return ORD_TENS[n]
    return TENS[n // 10] + hy + ORD[n % 10]


def ordnum(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def year_words(y, hy="-"):
    if 2000 <= y < 2010:
        return "two thousand" + (" " + ONES[y % 10] if y % 10 else "")
    hi, lo = divmod(y, 100)
    if lo == 0:
        return n2w(hi, hy) + " hundred"
    if lo < 10:
        return n2w(hi, hy) + " oh " + ONES[lo]
    return n2w(hi, hy) + " " + n2w(lo, hy)


def dw(d, zero):
    return zero if d == "0" else ONES[int(d)]


NATO = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
                 "november oscar papa quebec romeo sierra tango uniform victor whiskey x-ray "
                 "yankee zulu").split()))
OLD_PHON = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    ("able baker charlie dog easy fox george how item jig king love mike nan oboe "
                     "peter queen roger sugar tare uncle victor william x-ray yoke zebra").split()))
AS_IN = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 ("Adam boy Charles David Edward Frank George Henry Ida John King Larry Mary Nancy "
                  "Ocean Peter Queen Robert Sam Tom Uncle Victor William x-ray yellow zebra").split()))

# --------------------------------------------------------------------------- people, places

MALE = ("Harold Eugene Walter Raymond Donald Gerald Kenneth Roy Clarence Earl Frank Leonard Howard "
        "Ralph Willie Curtis Ernesto Manuel James Robert Vernon Lloyd Arthur Dale Floyd Rudy").split()
FEMALE = ("Dorothy Betty Shirley Loretta Marjorie Evelyn Gloria Mildred Frances Juanita Irene "
          "Lorraine Bernice Rosa Carmen Norma Joan Patricia Delores Wanda Imogene Ruth").split()
YOUNGER = ("Susan Karen Michelle Denise Angela Kevin Brian Tony Lisa Tamara Rachel Derek Monica "
           "Gregory Stacy Jason").split()
AGENTS = ("Tanya Marcus Brittany Jasmine Kyle Destiny Alicia Omar Renee Trevor Keisha Lauren "
          "Dominic Crystal Andre Mei").split()
LAST = ("Kowalski Baker Hendricks Gutierrez Washington Okafor Nguyen Delgado Lindqvist Pruitt "
        "McAllister Haskins Romero Castellano Whitfield Brennan Yazzie Takahashi Abernathy Dupree "
        "Holloway Szymanski Fontenot Villarreal Thibodeaux Jankowski Pettigrew Oyelaran Marchetti "
        "Begay Sorensen Lumpkin").split()
DOCTORS = ("Anand Feldman Okonkwo Rasmussen Castillo Bhatt Whitaker Moreau Lindgren Acheampong "
           "Petrakis Salcedo").split()
STREETS = [("Magnolia", "Drive", "Dr."), ("Post Oak", "Lane", "Ln."), ("Cedar Ridge", "Road", "Rd."),
           ("Veterans Memorial", "Parkway", "Pkwy."), ("Live Oak", "Court", "Ct."),
           ("Bayshore", "Boulevard", "Blvd."), ("Sycamore", "Avenue", "Ave."),
           ("Pinecrest", "Circle", "Cir."), ("Old Mill", "Road", "Rd."),
           ("Willow Bend", "Drive", "Dr."), ("Canyon View", "Trail", "Trl."),
           ("Hickory Hollow", "Lane", "Ln."), ("Sandpiper", "Way", "Way"),
           ("Dogwood", "Street", "St."), ("Quail Run", "Road", "Rd."), ("Larkspur", "Street", "St.")]
# city, state, zips, area code
PLACES = [("San Antonio", "Texas", ["78209", "78245", "78223"], "210"),
          ("Killeen", "Texas", ["76542", "76549"], "254"),
          ("Fayetteville", "North Carolina", ["28303", "28314"], "910"),
          ("Jacksonville", "North Carolina", ["28540", "28546"], "910"),
          ("Pensacola", "Florida", ["32505", "32514"], "850"),
          ("Chesapeake", "Virginia", ["23322", "23320"], "757"),
          ("Norfolk", "Virginia", ["23505", "23518"], "757"),
          ("Tacoma", "Washington", ["98444", "98408"], "253"),
          ("Clarksville", "Tennessee", ["37042", "37043"], "931"),
          ("Colorado Springs", "Colorado", ["80911", "80916"], "719"),
          ("El Paso", "Texas", ["79936", "79924"], "915"),
          ("Augusta", "Georgia", ["30909", "30907"], "706"),
          ("Lawton", "Oklahoma", ["73505", "73501"], "580"),
          ("Tucson", "Arizona", ["85710", "85730"], "520"),
          ("Biloxi", "Mississippi", ["39531", "39532"], "228"),
          ("Ocala", "Florida", ["34472", "34476"], "352"),
          ("Prescott", "Arizona", ["86301", "86305"], "928"),
          ("Spokane", "Washington", ["99208", "99205"], "509"),
          ("Dothan", "Alabama", ["36301", "36303"], "334"),
          ("Hinesville", "Georgia", ["31313"], "912"),
          ("Junction City", "Kansas", ["66441"], "785"),
          ("Watertown", "New York", ["13601"], "315")]
DOMAINS = [("aol.com", ["a o l dot com", "aol dot com"]), ("yahoo.com", ["yahoo dot com"]),
           ("att.net", ["a t t dot net", "att dot net"]), ("comcast.net", ["comcast dot net"]),
           ("gmail.com", ["gmail dot com", "g mail dot com"]), ("verizon.net", ["verizon dot net"]),
           ("hotmail.com", ["hotmail dot com"]), ("sbcglobal.net", ["s b c global dot net", "sbcglobal dot net"]),
           ("bellsouth.net", ["bellsouth dot net", "bell south dot net"]),
           ("earthlink.net", ["earthlink dot net", "earth link dot net"]), ("outlook.com", ["outlook dot com"])]
DRUGS = [("metoprolol", [25, 50]), ("lisinopril", [10, 20]), ("atorvastatin", [40, 20]),
         ("metformin", [500, 1000]), ("tamsulosin", [0.4]), ("gabapentin", [300, 100]),
         ("warfarin", [5, 2.5]), ("furosemide", [40, 20]), ("donepezil", [10, 5]),
         ("amlodipine", [5, 10]), ("levothyroxine", [75, 50]), ("sertraline", [50])]

# MTS-Dialog (CC BY 4.0, https://github.com/abachaa/MTS-Dialog), training set, by ID:
# short history-taking exchanges, used verbatim as the nurse-line middle of some calls.
CARRIER = {
    "81": [("A", "As far as you know, are there any major health conditions that you know about?"),
           ("C", "What do you mean by that?"),
           ("A", "Anything like cancer, or arthritis, do those sound familiar?"),
           ("C", "Oh, um, no nothing like that.")],
    "163": [("A", "Do you have any significant medical conditions in your history that I should know about?"),
            ("C", "What, like high blood pressure?"),
            ("A", "Well, it could be anything from high blood pressure, to depression, to something as serious as cancer."),
            ("C", "Oh, no, I don't have anything like that, at least not that I know if.")],
    "282": [("A", "Do you have any medical conditions that I should know about?"),
            ("C", "No, not that I know of."),
            ("A", "So, there's no history of depression, or cancer, or high blood pressure?"),
            ("C", "No, it's not ringing any bells.")],
    "494": [("A", "Anything that has been going on?"), ("C", "No. What do you mean?"),
            ("A", "I mean anything wrong from head to toe that you would like to add?"),
            ("C", "No everything is well. No other problems."), ("A", "Okay. Good.")],
    "532": [("A", "Any sugar or B P problem?"), ("C", "No, it is normal."),
            ("A", "Okay, how about thyroid or any other hormone related problem?"),
            ("C", "No, everything is fine."), ("A", "Cholesterol?"), ("C", "No cholesterol problem.")],
    "602": [("A", "Anything else going on from head to toe?"),
            ("C", "No doctor, everything else is fine."), ("A", "Are you sure?"), ("C", "Yes I am sure.")],
    "726": [("A", "Are you allergic to anything?"), ("C", "No, I am not allergic."),
            ("A", "Okay."), ("C", "Yeah.")],
    "733": [("A", "Do you use tobacco?"), ("C", "What, like smoke cigarettes?"),
            ("A", "Yes ma'am, do you?"), ("C", "Oh, no. I don't do anything like that.")],
    "919": [("A", "Do you have any allergies?"), ("C", "No, I do not have any allergies."),
            ("A", "Okay so no medically relevant allergies then. Nothing?"), ("C", "Nope.")],
    "938": [("A", "What's going on?"), ("C", "I am having a bellyache."), ("A", "Since when?"),
            ("C", "Oh, it's been a while now."), ("A", "Okay."), ("C", "Yeah.")],
    "45": [("A", "Do you have major illnesses in the family like diabetes or high B P?"),
           ("C", "No nothing. No major illnesses."), ("A", "Okay."), ("C", "Yes.")],
    "291": [("A", "So, does high blood pressure run in your family?"), ("C", "Um, no it's just me."),
            ("A", "Okay and this was your first time?"), ("C", "Yes.")],
    "1145": [("A", "So, do you have any medical conditions I should know about."),
             ("C", "Actually, yes. I have a few. I have hyperthyroidism, and I've had gallbladder issues for some time now."),
             ("A", "I see. How's your blood pressure?"), ("C", "Oh, um, I have high blood pressure too.")],
}

# --------------------------------------------------------------------------- value generators

MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


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


def gen_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        s = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
        if s not in ("078051120", "219099999", "123456789"):
            return s


def gen_card(rng):
    r = rng.random()
    if r < 0.45:
        p = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif r < 0.75:
        p = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    elif r < 0.87:
        p = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    else:
        p = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    return luhn_complete(p)


def gen_npi(rng):
    base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return luhn_complete("80840" + base)[5:]


def gen_mbi(rng):
    D = "0123456789"
    an = MBI_ALPHA + D
    parts = [rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(D),
             rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(D), rng.choice(MBI_ALPHA),
             rng.choice(MBI_ALPHA), rng.choice(D), rng.choice(D)]
    return "".join(parts)


def rdigits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def gen_mrn(rng):
    k = rng.randint(0, 3)
    if k == 0:
        return "00" + rng.choice("123456789") + rdigits(rng, 5)
    if k == 1:
        return rng.choice("EMKV") + rdigits(rng, 7)
    if k == 2:
        return rng.choice("123456789") + rdigits(rng, 7)
    return rng.choice("123456789") + rdigits(rng, 6)


def gen_member(rng, kind):
    if kind == "dbn":
        return rng.choice("123456789") + rdigits(rng, 10)
    if kind == "dodid":
        return rng.choice("123456789") + rdigits(rng, 9)
    if kind == "ma_h":
        return "H" + rng.choice("123456789") + rdigits(rng, 7)
    if kind == "ma_x":
        return "".join(rng.choice("KMXJRTW") for _ in range(3)) + rng.choice("123456789") + rdigits(rng, 8)
    if kind == "icn":
        return "10" + rdigits(rng, 8) + "V" + rdigits(rng, 6)
    raise ValueError(kind)


def gen_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return "%04d-%02d-%02d" % (y, m, d)


# --------------------------------------------------------------------------- styles

STYLES = {
    "lower_words": dict(lower=True, num="words"),
    "lower_numerals": dict(lower=True, num="numerals"),
    "lower_mixed": dict(lower=True, num="mixed"),
    "punct_words": dict(lower=False, num="words"),
    "whisper": dict(lower=False, num="whisper"),
    "smart": dict(lower=False, num="smart"),
}

LABELSETS = [
    {"A": "Agent:", "C": "Caller:", "P": "Caller 2:", "I": "IVR:"},
    {"A": "[agent]", "C": "[caller]", "P": "[patient]", "I": "[ivr]"},
    {"A": "AGENT:", "C": "MEMBER:", "P": "OTHER:", "I": "SYSTEM:"},
    {"A": "Speaker 0:", "C": "Speaker 1:", "P": "Speaker 2:", "I": "Speaker 3:"},
    {"A": "spk_0:", "C": "spk_1:", "P": "spk_2:", "I": "spk_3:"},
    {"A": "Representative:", "C": "Veteran:", "P": "Family:", "I": "Recording:"},
    {"A": "Scheduler:", "C": "Veteran:", "P": "Spouse:", "I": "Recording:"},
    {"A": "Nurse:", "C": "Caregiver:", "P": "Patient:", "I": "Recording:"},
    {"A": "A:", "C": "B:", "P": "C:", "I": "D:"},
    {"A": "Rep:", "C": "Beneficiary:", "P": "Spouse:", "I": "Prompt:"},
    {"A": "Agent:", "C": "Customer:", "P": "Customer 2:", "I": "IVR:"},
    {"A": "SPEAKER_00:", "C": "SPEAKER_01:", "P": "SPEAKER_02:", "I": "SPEAKER_03:"},
    {"A": "[speaker_0]", "C": "[speaker_1]", "P": "[speaker_2]", "I": "[speaker_3]"},
]


class Ctx:
    def __init__(self, rng, style, kind):
        self.rng = rng
        self.sname = style
        self.st = STYLES[style]
        self.lower = self.st["lower"]
        self.num = self.st["num"]
        self.kind = kind
        self.zero = rng.choice(["oh", "oh", "zero", "o"] if self.lower else ["oh", "oh", "zero"])
        self.hy = " " if self.lower or rng.random() < 0.4 else "-"
        self.facts = collections.OrderedDict()
        place = rng.choice(PLACES)
        self.city, self.state, zips, self.area = place[0], place[1], place[2], place[3]
        self.zip = rng.choice(zips)
        self.male = rng.random() < 0.6
        self.first = rng.choice(MALE if self.male else FEMALE)
        self.last = rng.choice(LAST)
        self.agent = rng.choice(AGENTS)
        self.dob = gen_date(rng, 1931, 1958)
        self.age = 2025 - int(self.dob[:4]) - (1 if self.dob[5:] > "06-15" else 0)
        self.honor = "sir" if self.male else "ma'am"
        self.title = "Mr." if self.male else rng.choice(["Mrs.", "Ms."])
        self.dob_given = False
        self.ssn_given = False

    def cap(self, s):
        return s.lower() if self.lower else s

    def phone(self):
        return self.area + "555" + "01" + "%02d" % self.rng.randint(0, 99)

    def email(self, first, last, year):
        rng = self.rng
        dom = rng.choice(DOMAINS)
        k = rng.randint(0, 5)
        if k == 0:
            parts = [("init", first[0].lower()), ("word", last.lower()), ("num", year[2:])]
        elif k == 1:
            parts = [("word", first.lower()), ("sep", "."), ("init", rng.choice("abcdefghjklmnprstw")),
                     ("sep", "."), ("word", last.lower())]
        elif k == 2:
            parts = [("word", rng.choice(["grandma", "grandpa", "nana", "papa", "granny"]) if True else ""),
                     ("word", first.lower()), ("num", year)]
        elif k == 3:
            parts = [("word", first.lower()), ("word", last.lower()), ("num", year[2:])]
        elif k == 4:
            parts = [("init", first[0].lower()), ("init", rng.choice("abcdefghjklmnprstw")),
                     ("word", last.lower()), ("sep", "_"), ("word", rng.choice(["usmc", "usn", "army", "vet"]))]
        else:
            parts = [("word", last.lower()), ("word", rng.choice(["family", "house", "home"])),
                     ("num", str(rng.randint(1, 99)))]
        local = "".join(p[1] for p in parts)
        return (local + "@" + dom[0], parts, dom)


# --------------------------------------------------------------------------- renderers

def letter(ch, ctx, mode):
    """Say one letter: plain, nato, asin (A as in Adam), old (able baker)."""
    up = ch.upper()
    if mode == "nato":
        return NATO[up]
    if mode == "old":
        return OLD_PHON[up]
    if mode == "asin":
        w = AS_IN[up]
        return "%s as in %s" % (ctx.cap(up), ctx.cap(w))
    return ctx.cap(up)


def words_group(g, ctx, how):
    """A digit group in words: digits / pairs / double."""
    z = ctx.zero
    if how == "pairs" and len(g) in (2, 4) and "00" not in [g[i:i + 2] for i in range(0, len(g), 2)]:
        out = []
        for i in range(0, len(g), 2):
            ch = g[i:i + 2]
            if ch[0] == "0":
                out.append(("oh" if z == "zero" else z) + " " + ONES[int(ch[1])])
            else:
                out.append(n2w(int(ch), ctx.hy))
        return " ".join(out), "pairs"
    if how == "double" and re.search(r"(\d)\1", g):
        out = []
        i = 0
        while i < len(g):
            j = i
            while j < len(g) and g[j] == g[i]:
                j += 1
            run = j - i
            w = dw(g[i], z)
            if run == 2:
                out.append("double " + w)
            elif run == 3:
                out.append("triple " + w)
            else:
                out.extend([w] * run)
            i = j
        return " ".join(out), "double"
    return " ".join(dw(d, z) for d in g), "digits"


def smart_fmt(groups, ent):
    s = "".join(groups)
    if ent == "PHONE" and len(s) == 10:
        return "(%s) %s-%s" % (s[:3], s[3:6], s[6:])
    if ent == "SSN" and len(s) == 9:
        return "%s-%s-%s" % (s[:3], s[3:5], s[5:])
    if ent == "CARD":
        return " ".join(groups)
    return s


def render_digits(groups, ctx, ent, devs=(), allow_pairs=True):
    """Render groups of digits in the record's style. Returns (text, spoken, form)."""
    rng = ctx.rng
    num = ctx.num
    lower = ctx.lower
    n = len(groups)
    if num == "mixed":
        modes = [rng.choice(["w", "n"]) for _ in groups]
        if n > 1 and len(set(modes)) == 1:
            modes[rng.randrange(n)] = "n" if modes[0] == "w" else "w"
        if n == 1:
            modes = ["w"]
    elif num in ("words",):
        modes = ["w"] * n
    else:
        modes = ["n"] * n
    formparts = []
    rendered = []
    hows = collections.Counter()
    numstyle = None
    if num in ("whisper",):
        numstyle = rng.choice(["hyph", "group", "group", "hyphO"])
    elif num == "numerals":
        numstyle = rng.choice(["group", "spaced", "run"])
    elif num == "mixed":
        numstyle = "group"
    for g, md in zip(groups, modes):
        if md == "w":
            how = rng.choice(["digits", "digits", "digits", "pairs", "double"] if allow_pairs else ["digits"])
            t, h = words_group(g, ctx, how)
            hows[h] += 1
            rendered.append(t)
        else:
            if numstyle == "hyph":
                rendered.append("-".join(g))
            elif numstyle == "hyphO":
                rendered.append("-".join("O" if d == "0" else d for d in g))
            elif numstyle == "spaced":
                rendered.append(" ".join(g))
            else:
                rendered.append(g)
    if num == "smart" and not devs:
        text = smart_fmt(groups, ent)
        return text, False, "smart_" + ("paren_dash" if "(" in text else "dash" if "-" in text else "space" if " " in text else "run")
    if num == "smart":
        numstyle = "group"
    # separators between groups
    if lower:
        sep = " "
        sepname = "space"
    else:
        sepname = rng.choice(["comma", "comma", "space", "dots"] if num != "whisper" else ["comma", "dash", "space"])
        sep = {"comma": ", ", "space": " ", "dots": "... ", "dash": "-"}[sepname]
        if num == "whisper" and numstyle in ("hyph", "hyphO") and sepname == "dash":
            sep, sepname = ", ", "comma"
    if numstyle == "run" and all(m == "n" for m in modes):
        sep, sepname = "", "run"
    parts = list(rendered)
    tags = []
    if "correct" in devs and n >= 2:
        k = rng.randrange(1, n)
        g = groups[k]
        pos = rng.randrange(len(g))
        wrong = g[:pos] + str((int(g[pos]) + rng.choice([1, 2, 7])) % 10) + g[pos + 1:]
        if modes[k] == "w":
            wt = words_group(wrong, ctx, "digits")[0]
        else:
            wt = wrong
        fix = rng.choice(["no", "no wait", "I mean", "sorry", "no no"])
        if lower:
            parts[k] = "%s %s %s" % (wt, fix.lower(), parts[k])
        else:
            parts[k] = "%s... %s, %s" % (wt, fix, parts[k])
        tags.append("correct")
    if "uh" in devs and n >= 2:
        k = rng.randrange(1, n)
        f = rng.choice(["uh", "um", "uh", "let me see", "hold on"])
        if lower:
            parts[k] = f + " " + parts[k]
        else:
            parts[k] = f + ", " + parts[k] if sepname != "dots" else f + "... " + parts[k]
        tags.append("uh")
    text = sep.join(parts)
    if "restart" in devs:
        w0 = parts[0].split(" ")
        first = (" ".join(w0[:2]) if w0[0] in ("double", "triple") else w0[0]) if modes[0] == "w" else groups[0][0]
        text = (first + " " + text) if lower else (first + "... " + text)
        tags.append("restart")
    spoken = any(m == "w" for m in modes) or numstyle == "hyphO"
    if all(m == "w" for m in modes):
        base = "digits_" + ("zero" if ctx.zero == "zero" else ctx.zero)
        if hows["pairs"]:
            base += "_pairs"
        if hows["double"]:
            base += "_double"
    elif all(m == "n" for m in modes):
        base = "numerals_" + numstyle
    else:
        base = "mixed_words_numerals"
    form = "_".join([base, sepname] + tags)
    return text, spoken, form


def render_alnum(value, ctx, ent, chunks, devs=(), letter_mode=None):
    """Letters and digits (MBI, MRN, member ids): chunks are the lengths of spoken groups."""
    rng = ctx.rng
    if ctx.num == "smart" or (ctx.num == "whisper" and rng.random() < 0.5):
        if ent == "MBI" and rng.random() < 0.6:
            return "%s-%s-%s" % (value[:4], value[4:7], value[7:]), False, "written_mbi_dash"
        return value, False, "written_run"
    lm = letter_mode or rng.choice(["plain", "plain", "nato", "asin", "old"])
    groups = []
    i = 0
    for c in chunks:
        groups.append(value[i:i + c])
        i += c
    if i < len(value):
        groups.append(value[i:])
    out = []
    numeral_digits = ctx.num in ("numerals", "whisper") or (ctx.num == "mixed" and rng.random() < 0.5)
    for g in groups:
        toks = []
        run = ""
        for ch in g:
            if ch.isdigit():
                run += ch
                continue
            if run:
                toks.append(run if numeral_digits else " ".join(dw(d, ctx.zero) for d in run))
                run = ""
            toks.append(letter(ch, ctx, lm))
        if run:
            toks.append(run if numeral_digits else " ".join(dw(d, ctx.zero) for d in run))
        out.append(" ".join(toks))
    sep = " " if ctx.lower else rng.choice([", ", " ", "... "])
    text = sep.join(out)
    tags = []
    if "uh" in devs and len(out) > 1:
        k = rng.randrange(1, len(out))
        out[k] = ("uh " if ctx.lower else "uh, ") + out[k]
        text = sep.join(out)
        tags.append("uh")
    if "restart" in devs:
        fw = out[0].split(" ")[0]
        text = (fw + " " + text) if ctx.lower else (fw + "... " + text)
        tags.append("restart")
    letters_in = any(not c.isdigit() for c in value)
    base = "alnum_" + (lm if letters_in else "digits") + ("_numerals" if numeral_digits else "_words")
    return text, True, "_".join([base] + tags)


def render_date(iso, ctx, devs=(), part=None):
    """DOB or DATE. part: None, 'md' or 'y'. Returns (text, spoken, form)."""
    rng = ctx.rng
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:])
    hy = ctx.hy
    mon = MONTHS[m - 1]
    mon_s = ctx.cap(mon)
    num = ctx.num
    if num == "mixed":
        num = rng.choice(["words", "numerals"])
        mixed = True
    else:
        mixed = False
    if part == "y":
        if num in ("words",):
            w = year_words(y, hy) if rng.random() < 0.7 else n2w(y % 100, hy)
            return w, True, "year_words"
        return str(y), False, "year_numerals"
    if num == "words":
        k = rng.choice(["mdy", "m_the_d", "the_d_of_m", "num", "num_lead", "m_card"]) if part is None else \
            rng.choice(["md", "m_the_d_only", "the_d_of_m_only"])
        yw = year_words(y, hy)
        y2 = n2w(y % 100, hy) if y % 100 >= 10 else "oh " + ONES[y % 10]
        sep = " " if ctx.lower else ", "
        if k == "mdy":
            t, f = "%s %s%s%s" % (mon_s, ordw(d, hy), sep, yw), "month_ord_full"
        elif k == "m_the_d":
            t, f = "%s the %s%s%s" % (mon_s, ordw(d, hy), sep, rng.choice([yw, y2])), "month_the_ord"
        elif k == "the_d_of_m":
            t, f = "the %s of %s%s%s" % (ordw(d, hy), mon_s, sep, yw), "the_d_of_m_full"
        elif k == "num":
            s2 = " " if ctx.lower else rng.choice([" ", ", "])
            t, f = s2.join([n2w(m, hy), n2w(d, hy), y2]), "num_mdy_nolead"
        elif k == "num_lead":
            mm = ("oh " + ONES[m]) if m < 10 else n2w(m, hy)
            dd = ("oh " + ONES[d]) if d < 10 else n2w(d, hy)
            t, f = " ".join([mm, dd, yw]), "num_mdy_lead_full"
        elif k == "m_card":
            t, f = "%s %s %s" % (mon_s, n2w(d, hy), yw), "month_card_full"
        elif k == "md":
            t, f = "%s %s" % (mon_s, ordw(d, hy)), "month_ord_only"
        elif k == "m_the_d_only":
            t, f = "%s the %s" % (mon_s, ordw(d, hy)), "month_the_ord_only"
        else:
            t, f = "the %s of %s" % (ordw(d, hy), mon_s), "the_d_of_m_only"
        tags = []
        if "restart" in devs:
            fw = t.split(" ")[0]
            t = (fw + " " + t) if ctx.lower else (fw + "... " + t)
            tags.append("restart")
        if "correct" in devs and part is None and k in ("mdy", "the_d_of_m", "num_lead"):
            wrongy = year_words(y + rng.choice([1, -1]), hy)
            fix = rng.choice(["no", "no wait", "I mean"])
            t = t[:len(t) - len(yw)] + ((wrongy + " " + fix.lower() + " " + yw) if ctx.lower
                                         else (wrongy + "... " + fix + ", " + yw))
            tags.append("correct")
        if "uh" in devs and part is None and k in ("mdy", "the_d_of_m", "m_card"):
            t = t[:len(t) - len(yw)].rstrip(", ") + (" uh " if ctx.lower else ", uh, ") + yw
            tags.append("uh")
        return t, True, "_".join([f] + tags) + ("_mixed" if mixed else "")
    if num == "numerals":
        if part is not None:
            return "%s %d" % (mon_s, d), True, "numerals_month_day"
        k = rng.choice(["month", "spaced", "lead", "short"])
        if k == "month":
            return "%s %d %d" % (mon_s, d, y), True, "numerals_month_d_y" + ("_mixed" if mixed else "")
        if k == "spaced":
            return "%d %d %d" % (m, d, y), False, "numerals_mdy_space"
        if k == "lead":
            return "%02d %02d %d" % (m, d, y), False, "numerals_mdy_lead"
        return "%d %d %02d" % (m, d, y % 100), False, "numerals_mdy_short"
    # whisper / smart: written forms
    if part is not None:
        return "%s %s" % (mon, ordnum(d) if rng.random() < 0.5 else d), False, "written_month_day"
    k = rng.choice(["long_ord", "long", "slash", "slash_lead", "short"])
    if k == "long_ord":
        return "%s %s, %d" % (mon, ordnum(d), y), False, "written_month_ord_comma"
    if k == "long":
        return "%s %d, %d" % (mon, d, y), False, "written_month_comma"
    if k == "slash":
        return "%d/%d/%d" % (m, d, y), False, "written_mdy_slash"
    if k == "slash_lead":
        return "%02d/%02d/%d" % (m, d, y), False, "written_mdy_slash_lead"
    return "%d-%d-%02d" % (m, d, y % 100), False, "written_mdy_dash_short"


def written_date(iso, rng):
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:])
    k = rng.randint(0, 3)
    if k == 0:
        return "%02d/%02d/%d" % (m, d, y), "written_mdy_slash_lead"
    if k == 1:
        return "%s %d, %d" % (MONTHS[m - 1], d, y), "written_month_comma"
    if k == 2:
        return iso, "written_iso"
    return "%d/%d/%d" % (m, d, y), "written_mdy_slash"


def written_phone(v, rng):
    k = rng.randint(0, 2)
    if k == 0:
        return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "written_paren_dash"
    if k == 1:
        return "%s-%s-%s" % (v[:3], v[3:6], v[6:]), "written_dash"
    return "+1" + v, "written_e164"


def render_name(full, ctx, how="plain"):
    if how == "spell":
        s = full.replace(" ", "").upper()
        if ctx.lower:
            return " ".join(s.lower()), True, "spelled_letters_space"
        k = ctx.rng.choice(["dash", "space", "comma"])
        return {"dash": "-", "space": " ", "comma": ", "}[k].join(s), True, "spelled_letters_" + k
    if how == "asin":
        s = full.replace(" ", "").upper()
        sep = " " if ctx.lower else ", "
        return sep.join(letter(c, ctx, "asin") for c in s), True, "spelled_as_in"
    return ctx.cap(full), True, "name_" + ("lower" if ctx.lower else "cased") + ("_full" if " " in full else "_single")


def render_email(val, parts, dom, ctx, devs=()):
    rng = ctx.rng
    if ctx.num == "smart" or (ctx.num == "whisper" and rng.random() < 0.6):
        return val, False, "written_email"
    toks = []
    spelled = False
    for kind, t in parts:
        if kind == "init":
            toks.append(t if ctx.lower else t.upper())
        elif kind == "word":
            toks.append(t)
            if "spell" in devs and not spelled and len(t) > 4:
                spelled = True
                sp = " ".join(t) if ctx.lower else "-".join(t)
                toks.append(("that's " + sp) if ctx.lower else ("that's " + sp + ","))
        elif kind == "sep":
            toks.append("dot" if t == "." else "underscore")
        else:
            if ctx.num in ("numerals", "whisper") or (ctx.num == "mixed" and rng.random() < 0.6):
                toks.append(t)
            elif len(t) == 2 and rng.random() < 0.5 and t[0] != "0":
                toks.append(n2w(int(t), ctx.hy))
            elif len(t) == 4 and rng.random() < 0.5:
                toks.append(year_words(int(t), ctx.hy))
            else:
                toks.append(" ".join(dw(d, ctx.zero) for d in t))
    extra = ""
    if "oneword" in devs:
        extra = rng.choice(["all one word", "all lowercase", "no spaces"])
        toks.append(extra if ctx.lower else extra + ",")
    at = rng.choice(["at", "at", "at sign"] if not ctx.lower else ["at", "at", "at sign"])
    dsay = rng.choice(dom[1])
    text = " ".join(toks) + " " + at + " " + dsay
    if not ctx.lower and rng.random() < 0.3:
        text = text.replace(" dot com", ".com").replace(" dot net", ".net")
    form = "email_spoken" + ("_spell" if spelled else "") + ("_oneword" if extra else "") + ("_atsign" if at != "at" else "")
    return text, True, form


def render_street(num, name, suffix, abbr, unit, ctx):
    rng = ctx.rng
    if ctx.num in ("smart",) or (ctx.num == "whisper" and rng.random() < 0.7):
        t = "%s %s %s" % (num, name, rng.choice([suffix, abbr]))
        if unit:
            t += ", " + unit[1]
        return t, False, "written_street" + ("_unit" if unit else "")
    if ctx.num == "numerals" or (ctx.num == "mixed" and rng.random() < 0.5):
        hn, f = num, "house_numerals"
    else:
        k = rng.choice(["digits", "pairs"]) if len(num) == 4 else "digits" if len(num) != 3 else rng.choice(["digits", "hundreds"])
        if k == "pairs":
            hn = words_group(num, ctx, "pairs")[0]
        elif k == "hundreds":
            hn = ONES[int(num[0])] + " " + (n2w(int(num[1:]), ctx.hy) if num[1] != "0" else "oh " + ONES[int(num[2])])
        else:
            hn = " ".join(dw(d, ctx.zero) for d in num)
        f = "house_" + k
    t = "%s %s %s" % (hn, ctx.cap(name), ctx.cap(suffix))
    if unit:
        t += (" " if ctx.lower else ", ") + ctx.cap(unit[0])
        f += "_unit"
    return t, True, f


# --------------------------------------------------------------------------- negatives

def neg_num(n, ctx):
    return n2w(n, ctx.hy) if ctx.num in ("words",) or (ctx.num == "mixed" and ctx.rng.random() < 0.5) else str(n)


def neg_dose(ctx):
    drug, doses = ctx.rng.choice(DRUGS)
    dose = ctx.rng.choice(doses)
    if ctx.num in ("words",) or (ctx.num == "mixed" and ctx.rng.random() < 0.5):
        if dose == 0.4:
            t = "point four milligrams"
        elif dose == 2.5:
            t = "two and a half milligrams"
        else:
            t = n2w(int(dose), ctx.hy) + " milligrams"
    else:
        ds = ("%g" % dose)
        t = ds + (" mg" if ctx.num == "smart" and ctx.rng.random() < 0.6 else " milligrams")
    return drug, NG(t, "dose")


def neg_money(ctx, amt=None):
    rng = ctx.rng
    dollars = amt if amt is not None else rng.choice([12, 15, 20, 35, 47, 60, 9, 138])
    cents = rng.choice([0, 0, 50, 25, 99])
    if ctx.num in ("words",) or (ctx.num == "mixed" and rng.random() < 0.5):
        t = n2w(dollars, ctx.hy) + " dollars" + ((" and " + n2w(cents, ctx.hy) + " cents") if cents else "")
    elif ctx.lower:
        t = ("%d dollars" % dollars) + ((" and %d cents" % cents) if cents else "")
    else:
        t = ("$%d" % dollars) + ((".%02d" % cents) if cents else "")
    return NG(t, "money")


def neg_time(ctx):
    rng = ctx.rng
    h = rng.choice([8, 9, 10, 11, 1, 2, 3])
    mi = rng.choice([0, 15, 30, 45])
    ap = "a.m." if h >= 8 and h <= 11 else "p.m."
    if ctx.num in ("words",) or (ctx.num == "mixed" and rng.random() < 0.5):
        t = n2w(h) + ((" " + n2w(mi, ctx.hy)) if mi else (" o'clock" if rng.random() < 0.5 else ""))
        if rng.random() < 0.5:
            t += " in the morning" if ap == "a.m." else " in the afternoon"
    elif ctx.lower:
        t = "%d %s" % (h, "%02d" % mi if mi else "o'clock") if rng.random() < 0.5 else "%d:%02d" % (h, mi)
    else:
        t = "%d:%02d %s" % (h, mi, rng.choice([ap, ap.upper().replace(".", "")]))
    return NG(t, "time")


def neg_appt(ctx):
    rng = ctx.rng
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    wd = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    if ctx.num in ("words",) or (ctx.num == "mixed" and rng.random() < 0.5):
        t = rng.choice(["%s the %s" % (wd, ordw(d, ctx.hy)), "%s %s" % (MONTHS[m - 1], ordw(d, ctx.hy)),
                        "the %s of %s" % (ordw(d, ctx.hy), MONTHS[m - 1])])
    elif ctx.lower:
        t = "%s %d" % (MONTHS[m - 1], d)
    else:
        t = rng.choice(["%s, %s %s" % (wd, MONTHS[m - 1], ordnum(d)), "%s %d" % (MONTHS[m - 1], d),
                        "%d/%d" % (m, d)])
    return NG(ctx.cap(t) if ctx.lower else t, "appointment_date")


def neg_duration(ctx):
    rng = ctx.rng
    n, u = rng.choice([(3, "weeks"), (45, "minutes"), (2, "hours"), (10, "days"), (6, "months"), (90, "days")])
    return NG(neg_num(n, ctx) + " " + u, "duration")


def neg_idnum(ctx, what, n=None):
    rng = ctx.rng
    n = n or rng.choice([6, 7, 8])
    digs = rng.choice("123456789") + rdigits(rng, n - 1)
    prefix = rng.choice(["", "", "C", "R", "VA"]) if what in ("confirmation_number", "reference_number") else ""
    if ctx.num in ("smart", "whisper", "numerals") or (ctx.num == "mixed" and rng.random() < 0.5):
        t = prefix + digs if not ctx.lower else (" ".join(prefix.lower()) + " " if prefix else "") + digs
    else:
        pre = " ".join(prefix.lower() if ctx.lower else prefix) + " " if prefix else ""
        t = pre + " ".join(dw(d, ctx.zero) for d in digs)
    return NG(t.strip(), what)


def neg_ext(ctx):
    e = ctx.rng.choice(["4421", "2207", "318", "5090", "1180"])
    return NG(" ".join(dw(d, "zero") for d in e) if ctx.num == "words" else e, "extension")


def neg_menu(ctx):
    k = ctx.rng.choice(["two", "three", "zero", "nine"])
    if ctx.num in ("smart", "whisper", "numerals"):
        k = str(ONES.index(k))
    return NG("press " + k, "menu_option")


def neg_911(ctx):
    return NG("nine one one" if ctx.num in ("words", "mixed") else "911", "emergency_number")


def neg_bp(ctx):
    s, d = ctx.rng.choice([(142, 88), (128, 76), (156, 94), (118, 70), (134, 82)])
    if ctx.num == "words":
        t = "%s %s over %s" % (ONES[s // 100] if s >= 100 else "", n2w(s % 100, ctx.hy), n2w(d, ctx.hy))
        t = t.strip()
    elif ctx.lower:
        t = "%d over %d" % (s, d)
    else:
        t = "%d/%d" % (s, d)
    return NG(t, "blood_pressure")


def neg_vital(ctx):
    rng = ctx.rng
    k = rng.choice(["pulse", "oxygen", "sugar"])
    if k == "pulse":
        v = rng.choice([72, 88, 64, 96])
        return "pulse", NG(neg_num(v, ctx), "vital_sign")
    if k == "oxygen":
        v = rng.choice([92, 94, 97])
        return "oxygen", NG(neg_num(v, ctx) + " percent", "vital_sign")
    v = rng.choice([142, 118, 186, 210])
    return "sugar", NG(neg_num(v, ctx), "lab_value")


def neg_age(ctx):
    a = ctx.age if ctx.age < 90 else None
    if a is None:
        return None
    return NG(neg_num(a, ctx), "age")


def neg_year_service(ctx):
    y = ctx.rng.choice([1952, 1966, 1968, 1970, 1972, 1975, 1983, 1990, 1991])
    if ctx.num in ("words",) or (ctx.num == "mixed" and ctx.rng.random() < 0.5):
        t = year_words(y, ctx.hy) if ctx.rng.random() < 0.6 else n2w(y % 100, ctx.hy)
    else:
        t = str(y)
    return NG(t, "year")


def neg_count(ctx):
    rng = ctx.rng
    n, u = rng.choice([(90, "day supply"), (2, "refills"), (3, "boxes"), (30, "tablets"), (4, "cases")])
    return NG(neg_num(n, ctx) + " " + u, "count")


def neg_weight(ctx):
    w = ctx.rng.choice([162, 148, 201, 137])
    return NG((n2w(w, ctx.hy) if ctx.num == "words" else str(w)) + " pounds", "weight")


def neg_lab(ctx):
    v = ctx.rng.choice(["7.2", "6.8", "2.5", "8.1"])
    if ctx.num == "words":
        a, b = v.split(".")
        t = ONES[int(a)] + " point " + ONES[int(b)]
    else:
        t = v
    return NG(t, "lab_value")


def common_word(ctx):
    w = ctx.rng.choice(["will", "may", "bill", "hope", "mark", "grant"])
    sent = {"will": ["I ", " call you back if I have to."], "may": ["", " I ask who I'm speaking with?"],
            "bill": ["I got a ", " in the mail I don't understand."], "hope": ["I ", " this is the right number."],
            "mark": ["Let me ", " that down on my calendar."],
            "grant": ["Did they ", " the extension on my referral?"]}[w]
    word = w.capitalize() if (not ctx.lower and sent[0] == "") else w
    return sent[0], NG(word, "common_word"), sent[1]


# --------------------------------------------------------------------------- conversation


class Conv:
    def __init__(self, ctx):
        self.ctx = ctx
        self.turns = []

    def add(self, role, *parts):
        self.turns.append((role, [p for p in parts if p != ""]))

    def a(self, *parts):
        self.add("A", *parts)

    def c(self, *parts):
        self.add("C", *parts)

    def p(self, *parts):
        self.add("P", *parts)


HEAR = ["Say again?", "What's that? You'll have to speak up, honey.",
        "I'm sorry, I didn't catch that. My hearing aid's been whistling all morning.",
        "Come again?", "Huh? What was that?", "You're breaking up. What did you need?",
        "Speak up a little, would you? I don't hear so good on this phone."]
WAIT = ["Hold on, let me get my glasses.", "Okay, give me a second here.", "Let me find it, it's in my wallet somewhere.",
        "My daughter wrote it down for me. Hold on.", "Now where did I put that card.", "Bear with me, I'm slow."]
ACK = ["Mm-hmm.", "Okay.", "Got it.", "Go ahead.", "Okay, I'm with you.", "Yes, go on."]
YES = ["Yes, that's right.", "That's it.", "Yes ma'am." , "Yep.", "That's correct.", "Right."]


def q_loud(ctx, q):
    return "Sure. " + (q.upper() if not ctx.lower else q)


# entity specs: f(value, ctx, devs, cue) -> list of pieces (str / Ann)

def phone_spec(groups=None):
    def f(v, ctx, devs, cue):
        t, sp, form = render_digits([v[:3], v[3:6], v[6:]], ctx, "PHONE", devs)
        return [SP(t, "PHONE", sp, cue, form, v)]
    return f


def ssn_spec(v, ctx, devs, cue):
    t, sp, form = render_digits([v[:3], v[3:5], v[5:]], ctx, "SSN", devs)
    return [SP(t, "SSN", sp, cue, form, v)]


def last4_spec(ent):
    def f(v, ctx, devs, cue):
        t, sp, form = render_digits([v[-4:]] if ctx.rng.random() < 0.6 else [v[-4:-2], v[-2:]], ctx, ent, devs)
        return [SP(t, ent, sp, cue, "last4_" + form, v[-4:], part="last4")]
    return f


def card_groups(v):
    if len(v) == 15:
        return [v[:4], v[4:10], v[10:]]
    return [v[i:i + 4] for i in range(0, 16, 4)]


def card_spec(v, ctx, devs, cue):
    t, sp, form = render_digits(card_groups(v), ctx, "CARD", devs)
    return [SP(t, "CARD", sp, cue, form, v)]


def zip_spec(v, ctx, devs, cue):
    r = ctx.rng.random()
    groups = [v] if r < 0.5 else [v[:3], v[3:]] if r < 0.8 else [v[:2], v[2:]]
    t, sp, form = render_digits(groups, ctx, "ZIP", devs, allow_pairs=True)
    return [SP(t, "ZIP", sp, cue, form, v)]


def npi_spec(v, ctx, devs, cue):
    groups = [v[:5], v[5:]] if ctx.rng.random() < 0.5 else [v[:3], v[3:6], v[6:]]
    t, sp, form = render_digits(groups, ctx, "NPI", devs)
    return [SP(t, "NPI", sp, cue, form, v)]


def dob_spec(ent="DOB"):
    def f(v, ctx, devs, cue):
        t, sp, form = render_date(v, ctx, devs)
        return [SP(t, ent, sp, cue, form, v)]
    return f


def mbi_spec(v, ctx, devs, cue):
    t, sp, form = render_alnum(v, ctx, "MBI", [4, 3, 4], devs)
    return [SP(t, "MBI", sp, cue, form, v)]


def mrn_spec(v, ctx, devs, cue):
    if v[0].isalpha():
        chunks = [1, 3, 4] if len(v) == 8 else [1, 4, 4]
    else:
        chunks = [4, 4] if len(v) == 8 else [3, 4]
    if ctx.num in ("words", "mixed", "numerals") and v.isdigit():
        t, sp, form = render_digits([v[i:i + c] for i, c in zip([0, chunks[0]], chunks)], ctx, "MRN", devs)
        return [SP(t, "MRN", sp, cue, form, v)]
    t, sp, form = render_alnum(v, ctx, "MRN", chunks, devs)
    return [SP(t, "MRN", sp, cue, form, v)]


def member_spec(v, ctx, devs, cue):
    if v.isdigit():
        groups = [v[:3], v[3:7], v[7:]] if len(v) == 11 else [v[:3], v[3:6], v[6:]]
        t, sp, form = render_digits(groups, ctx, "MEMBER_ID", devs)
        return [SP(t, "MEMBER_ID", sp, cue, form, v)]
    if "V" in v:
        chunks = [4, 3, 3, 1, 3, 3]
    elif v[0] == "H":
        chunks = [1, 4, 4]
    else:
        chunks = [3, 3, 3, 3]
    t, sp, form = render_alnum(v, ctx, "MEMBER_ID", chunks, devs)
    return [SP(t, "MEMBER_ID", sp, cue, form, v)]


def pick_devs(ctx, allowed=("restart", "uh", "correct")):
    rng = ctx.rng
    r = rng.random()
    if r < 0.45:
        return ()
    if r < 0.85:
        return (rng.choice(allowed),)
    return tuple(rng.sample(list(allowed), 2)) if len(allowed) > 1 else tuple(allowed)


def ask_value(conv, ent, spec, value, questions, same_lead, *, role="C", allow_pieces=None,
              readback=True, hear=None, card=False, devs=None, fact=None):
    """Agent asks, caller answers (with the elderly-call devices). Returns the first answer Ann."""
    ctx = conv.ctx
    rng = ctx.rng
    q = rng.choice(questions)
    conv.a(q)
    if hear is None:
        hear = rng.random() < 0.3
    if hear:
        conv.add(role, rng.choice(HEAR))
        conv.a(q_loud(ctx, q.split("? ")[-1] if "? " in q else q))
    if devs is None:
        devs = pick_devs(ctx)
    mode = rng.random()
    first = None
    if allow_pieces and mode < 0.3:
        # value given in pieces across several turns
        pieces = allow_pieces(value)
        for k, (pv, pspec, pform) in enumerate(pieces):
            anns = pspec(pv, ctx, (), "prev")
            for an in anns:
                an.kw["form"] = pform + "_" + an.kw["form"]
                an.kw["part"] = "%d/%d" % (k + 1, len(pieces))
            lead = ""
            if k == 0 and rng.random() < 0.5:
                lead = rng.choice(WAIT)
            conv.add(role, *([lead] if lead else []), *anns, *(["..."] if (k + 1 < len(pieces) and not ctx.lower and rng.random() < 0.3) else []))
            if k + 1 < len(pieces):
                conv.a(rng.choice(ACK))
            if first is None:
                first = anns[0]
        full = None
    else:
        cue = "same" if mode < 0.62 else "prev"
        lead = rng.choice(same_lead) if cue == "same" else rng.choice(["", "", "Oh, ", "Yes, ", "Um, ", "Okay, "])
        if cue == "prev" and rng.random() < 0.25:
            conv.add(role, rng.choice(WAIT))
            conv.a(rng.choice(["Take your time.", "No rush.", "That's fine, I'll wait."]))
        anns = spec(value, ctx, devs, cue)
        conv.add(role, *([lead.strip()] if lead.strip() else []), *anns)
        first = anns[0]
    if fact:
        ctx.facts[fact] = (ent, value)
    if readback and rng.random() < 0.6:
        # agent read-back, confirmed or corrected
        rb = rng.choice(["Let me read that back.", "Okay, I have", "So that's", "Just to confirm,", "I've got"])
        anns = spec(value, ctx, (), "prev")
        wrong = ent in ("PHONE", "ZIP", "CARD", "SSN", "NPI") and rng.random() < 0.3
        if wrong:
            wv = mutate_value(ent, value, rng)
            wanns = spec(wv, ctx, (), "prev")
            for an in wanns:
                an.kw["form"] = "readback_wrong_" + an.kw["form"]
            conv.a(rb, *wanns, "?" if not ctx.lower else "")
            conv.add(role, rng.choice(["No, no.", "No, that's not it.", "That's wrong, dear.", "No."]),
                     rng.choice(["It's", "I said", "Should be"]), *[recue(a, "prev") for a in spec(value, ctx, ("restart",) if rng.random() < 0.3 else (), "prev")])
            conv.a(rng.choice(["Sorry about that.", "My apologies.", "Got it, thank you."]),
                   rng.choice(["So", "That's"]), *spec(value, ctx, (), "prev"), "?" if not ctx.lower else "")
            conv.add(role, rng.choice(YES))
        else:
            conv.a(rb, *anns, rng.choice(["?", ", is that right?", ", correct?"]) if not ctx.lower else rng.choice(["", "is that right", "correct"]))
            conv.add(role, rng.choice(YES))
    return first


def mutate_value(ent, v, rng):
    for _ in range(50):
        if ent == "PHONE":
            w = v[:6] + "01" + "%02d" % rng.randint(0, 99)
        elif ent == "CARD":
            k = rng.randrange(len(v) - 4, len(v) - 1)
            w = luhn_complete(v[:k] + str((int(v[k]) + 1) % 10) + v[k + 1:-1])
        elif ent == "SSN":
            k = rng.randrange(5, 9)
            w = v[:k] + str((int(v[k]) + rng.randint(1, 8)) % 10) + v[k + 1:]
            if w[5:] == "0000":
                continue
        else:
            k = rng.randrange(1, len(v))
            w = v[:k] + str((int(v[k]) + rng.randint(1, 8)) % 10) + v[k + 1:]
            if ent == "NPI":
                w = luhn_complete("80840" + w[:9])[5:]
        if w != v:
            return w
    return v


def piece_spec(ent, grouper):
    def f(pv, ctx, devs, cue):
        t, sp, form = render_digits(grouper(pv), ctx, ent, devs)
        return [SP(t, ent, sp, cue, form, pv)]
    return f


def ssn_pieces(v):
    g = lambda x: [x]
    return [(v[:3], piece_spec("SSN", g), "piece"), (v[3:5], piece_spec("SSN", g), "piece"),
            (v[5:], piece_spec("SSN", g), "piece")]


def card_pieces(v):
    return [(g, piece_spec("CARD", lambda x: [x]), "piece") for g in card_groups(v)]


def npi_pieces(v):
    return [(v[:5], piece_spec("NPI", lambda x: [x]), "piece"), (v[5:], piece_spec("NPI", lambda x: [x]), "piece")]


def dob_pieces(v):
    def md(pv, ctx, devs, cue):
        t, sp, form = render_date(v, ctx, (), part="md")
        return [SP(t, "DOB", sp, cue, form, v[5:])]

    def yr(pv, ctx, devs, cue):
        t, sp, form = render_date(v, ctx, (), part="y")
        return [SP(t, "DOB", sp, cue, form, v[:4])]
    return [(v, md, "piece"), (v, yr, "piece")]


def member_pieces(v):
    if not v.isdigit():
        return None
    h = len(v) // 2
    return [(v[:h], piece_spec("MEMBER_ID", lambda x: [x]), "piece"), (v[h:], piece_spec("MEMBER_ID", lambda x: [x]), "piece")]


# --------------------------------------------------------------------------- common blocks

def greet(conv, org, purpose_hint=""):
    ctx = conv.ctx
    rng = ctx.rng
    if rng.random() < 0.35:
        one = "press 1" if ctx.num in ("smart", "whisper", "numerals") else "press one"
        conv.add("I", "You've reached %s. This call" % org, NG("may", "common_word"), "be recorded. For English,", NG(one, "menu_option"),
                 ". Para español, oprima dos. For pharmacy," if rng.random() < 0.5 else ". For all other questions,", neg_menu(ctx), ".")
    an = SP(ctx.cap(ctx.agent), "NAME", True, "same", render_name(ctx.agent, ctx)[2], ctx.agent)
    conv.a(rng.choice(["Thank you for calling %s, my name is" % org, "%s, this is" % org,
                       "Good morning, %s, you're speaking with" % org]), an,
           rng.choice([". How can I help you today?", ". How may I help you?", ". What can I do for you?"]))


def caller_name(conv, first, last, role="C", volunteered=None, who="member"):
    """Caller gives a name: sometimes volunteered at the start (cue none), sometimes asked."""
    ctx = conv.ctx
    rng = ctx.rng
    full = first + " " + last
    if volunteered is None:
        volunteered = rng.random() < 0.3
    if volunteered:
        t, sp, form = render_name(full, ctx)
        parts = [rng.choice(["Yeah, hi.", "Hello?", "Hi there.", "Yes, good morning."]), SP(t, "NAME", sp, "none", form, full)]
        r = rng.random()
        if r < 0.45:
            dt, dsp, dform = render_date(ctx.dob, ctx, pick_devs(ctx, ("restart", "uh")))
            parts += [".", SP(dt, "DOB", dsp, "none", dform, ctx.dob)]
            ctx.dob_given = True
        elif r < 0.7 and who == "veteran":
            v = gen_ssn(rng)
            tt, ssp, sform = render_digits([v[:3], v[3:5], v[5:]], ctx, "SSN", pick_devs(ctx, ("restart", "uh")))
            parts += [".", SP(tt, "SSN", ssp, "none", sform, v)]
            ctx.facts["ssn"] = ("SSN", v)
            ctx.ssn_given = True
        return parts
    conv.add(role, rng.choice(["Hello? Yes. Hi.", "Yes, hello, can you hear me?", "Hi, I need some help.", "Yes, good morning."]))
    conv.a(rng.choice(["Can I have your first and last name?", "Who am I speaking with today?",
                       "And your full name, please?", "May I have the %s's full name?" % who]))
    t, sp, form = render_name(full, ctx)
    lead = rng.choice(["My name is", "This is", "It's", ""])
    cue = "same" if lead in ("My name is", "This is") else "prev"
    conv.add(role, *([lead] if lead else []), SP(t, "NAME", sp, cue, form, full))
    if rng.random() < 0.5:
        conv.a(rng.choice(["Can you spell the last name for me?", "How do you spell your last name?"]))
        st, ssp, sform = render_name(last, ctx, "spell" if rng.random() < 0.7 or len(last) > 7 else "asin")
        if rng.random() < 0.3:
            conv.add(role, rng.choice(["Spell it?", "What's that?"]))
            conv.a("Your LAST NAME, how do you spell it?" if not ctx.lower else "your last name how do you spell it")
        conv.add(role, *([rng.choice(["Sure.", "It's", "Okay,"])] if rng.random() < 0.6 else []), SP(st, "NAME", ssp, "prev", sform, last))
    conv.a(rng.choice(["Thank you. What can I do for you today?", "Okay, and what are you calling about?", "Thanks. How can I help?"]))
    return None


def thanks_name(conv, last, parts_after):
    ctx = conv.ctx
    title = ctx.title
    an = SP(ctx.cap(last), "NAME", True, "prev", "title_last_" + ("lower" if ctx.lower else "cased"), last)
    conv.a("Thank you,", ctx.cap(title), an, ".", *parts_after)


def closing(conv, conf_what="confirmation_number"):
    ctx = conv.ctx
    rng = ctx.rng
    if rng.random() < 0.22:
        volunteer_phone(conv)
    if rng.random() < 0.7:
        conv.a(rng.choice(["Your confirmation number is", "Your reference number for today's call is",
                           "I'll give you a reference number, it's"]), neg_idnum(ctx, conf_what if rng.random() < 0.6 else "reference_number"), ".")
        conv.c(rng.choice(["Hold on, let me write that down.", "Okay, I wrote it on the envelope.", "Got it."]))
    if rng.random() < 0.4:
        conv.a("If you have chest pain or trouble breathing, hang up and call", neg_911(ctx), ".")
    conv.a(rng.choice(["Is there anything else I can help you with?", "Anything else today?"]))
    conv.c(rng.choice(["No, that's all. You've been very patient with me.", "No, thank you, dear.",
                       "That's it. Thank you, young lady." if rng.random() < 0.5 else "That's it. Thank you, young man.",
                       "No, I think that does it. God bless."]))
    if rng.random() < 0.6:
        conv.a(rng.choice(["You're welcome. Thank you for your service, and have a good day.",
                           "Take care now. Bye-bye.", "You have a blessed day."]))


DOB_Q = ["Can I get your date of birth?", "And what's your date of birth?", "Date of birth?",
         "Okay, and your birthday, please?", "I'll need the date of birth to verify."]
DOB_SAME = ["My date of birth is", "Birthday's", "I was born", "Date of birth,", "I was born on"]
PHONE_Q = ["What's the best number to reach you?", "And a good callback number?",
           "What phone number should we use?", "Can I get a phone number in case we get disconnected?"]
PHONE_SAME = ["My phone number is", "The number here at the house is", "Call me at my cell, it's",
              "My daughter's cell is", "Home phone is"]
SSN_Q = ["Can I have your full social security number?", "I'll need the veteran's social.",
         "Can you verify the sponsor's social security number?", "And the social, please?"]
SSN_SAME = ["My social is", "Social security number is", "The social is", "My social security is", "It says here, social security number"]
L4_Q = ["Can you verify the last four of your social?", "Last four of the social, please.",
        "And just the last four of your social security number?"]
L4_SAME = ["Last four is", "The last four are", "Last four of my social is"]
ZIP_Q = ["And the zip code?", "What's your zip code?", "Can you verify the zip code on file?", "Zip?"]
ZIP_SAME = ["Zip code is", "The zip is", "Zip code's", "My zip is"]
EMAIL_Q = ["Do you have an email address we can send that to?", "What's a good email for you?",
           "Can I get an email address for the confirmation?"]
EMAIL_SAME = ["My email is", "The email is", "My email address is", "Email's"]
CARD_Q = ["Go ahead with the card number whenever you're ready.", "What's the card number?",
          "Can I get the number on the front of the card?"]
CARD_SAME = ["Card number is", "The number on the card is", "It says here", "The card says", "Okay, the card number's"]
MRN_Q = ["Do you have the medical record number?", "Is there a medical record number on that paperwork?",
         "Can you read me the MRN off the top of the page?"]
MRN_SAME = ["It says here MRN", "Medical record number", "The record number is", "It says M R N"]
MBI_Q = ["Can you read me the Medicare number off the red white and blue card?",
         "Do you have your Medicare card handy? I need the Medicare number.", "What's the Medicare beneficiary identifier?"]
MBI_SAME = ["It says Medicare number", "Medicare number is", "The number on the card is", "It says here"]


def email_spec(parts, dom):
    def f(v, ctx, devs, cue):
        d = list(devs)
        rng = ctx.rng
        if rng.random() < 0.35:
            d.append("spell")
        if rng.random() < 0.25:
            d.append("oneword")
        t, sp, form = render_email(v, parts, dom, ctx, tuple(x for x in d if x in ("spell", "oneword")))
        return [SP(t, "EMAIL", sp, cue, form, v)]
    return f


def ask_email(conv, first, last, year, role="C"):
    ctx = conv.ctx
    val, parts, dom = ctx.email(first, last, year)
    ask_value(conv, "EMAIL", email_spec(parts, dom), val, EMAIL_Q, EMAIL_SAME, role=role, readback=False, hear=ctx.rng.random() < 0.2)
    if ctx.rng.random() < 0.5:
        conv.a(rng_choice(ctx, ["Let me read that back.", "Okay, so that's", "I have"]), *email_spec(parts, dom)(val, ctx, (), "prev"), "?" if not ctx.lower else "")
        conv.add(role, rng_choice(ctx, YES))
    ctx.facts["email"] = ("EMAIL", val)
    return val


def ask_dob(conv, questions=None, same=None, pieces=True, readback=None, hear=None):
    ctx = conv.ctx
    rng = ctx.rng
    if ctx.dob_given:
        t, sp, form = render_date(ctx.dob, ctx, ())
        conv.a(rng.choice(["And I heard your date of birth as", "Let me make sure I got the birthday,", "I have the date of birth as"]),
               SP(t, "DOB", sp, "prev", "readback_" + form, ctx.dob), "?" if not ctx.lower else "")
        conv.c(rng.choice(YES + ["That's right, honey."]))
        ctx.facts["dob"] = ("DOB", ctx.dob)
        return
    ask_value(conv, "DOB", dob_spec(), ctx.dob, questions or DOB_Q, same or DOB_SAME, allow_pieces=dob_pieces if pieces else None,
              readback=(rng.random() < 0.45) if readback is None else readback, hear=hear, fact="dob")


def volunteer_phone(conv):
    """Caller throws in a number with nothing cueing it."""
    ctx = conv.ctx
    rng = ctx.rng
    v = ctx.phone()
    t, sp, form = render_digits([v[:3], v[3:6], v[6:]], ctx, "PHONE", pick_devs(ctx, ("restart", "uh")))
    conv.c(rng.choice(["Oh, and", "And honey,", "Before I forget,"]), SP(t, "PHONE", sp, "none", form, v),
           rng.choice([", you can write that down.", ", in case we get cut off.", ". That's the house."]))
    conv.a(rng.choice(["Got it.", "Okay, I've noted that.", "Thank you, I'll put that in the notes."]))
    ctx.facts.setdefault("phone", ("PHONE", v))


def rng_choice(ctx, xs):
    return ctx.rng.choice(xs)


def ask_address(conv, role="C", change=False):
    ctx = conv.ctx
    rng = ctx.rng
    num = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999), rng.randint(10, 99)]))
    name, suffix, abbr = rng.choice(STREETS)
    unit = None
    if rng.random() < 0.3:
        k = rng.choice(["apt", "lot", "unit"])
        n = rng.randint(2, 40)
        if k == "apt":
            letter_ = rng.choice("ABCD")
            unit = ("apartment %s %s" % (n2w(n, ctx.hy) if ctx.num == "words" else str(n), letter_.lower() if ctx.lower else letter_), "Apt. %d%s" % (n, letter_))
        elif k == "lot":
            unit = ("lot %s" % (n2w(n, ctx.hy) if ctx.num == "words" else str(n)), "Lot %d" % n)
        else:
            unit = ("unit %s" % (n2w(n, ctx.hy) if ctx.num == "words" else str(n)), "Unit %d" % n)
    full = "%s %s %s" % (num, name, abbr) + (", " + unit[1] if unit else "")
    if change:
        conv.a(rng.choice(["What's the new address?", "Okay, go ahead with the new address.", "Where should we send it?"]))
    else:
        conv.a(rng.choice(["Can you verify the address on file?", "And your mailing address?", "What's the street address?"]))
    t, sp, form = render_street(num, name, suffix, abbr, unit, ctx)
    cue = "same" if rng.random() < 0.5 else "prev"
    lead = rng.choice(["I live at", "Mailing address is", "We're at", "It's"]) if cue == "same" else rng.choice(["", "Okay,", "Um,"])
    if lead == "It's":
        cue = "prev"
    st_ann = SP(t, "STREET", sp, cue, form, full)
    city_ann = SP(ctx.cap(ctx.city), "CITY", True, cue if cue == "same" else "prev", "city_" + ("lower" if ctx.lower else "cased"), ctx.city)
    sep = " " if ctx.lower else ", "
    k = rng.random()
    if k < 0.5:
        conv.add(role, *([lead] if lead else []), st_ann, sep.strip() if sep.strip() else "", city_ann, ",", ctx.cap(ctx.state) + ("." if not ctx.lower else ""))
        conv.a(rng.choice(ZIP_Q))
        zv = ctx.zip
        conv.add(role, *zip_spec(zv, ctx, pick_devs(ctx, ("restart", "uh")), "prev"))
    else:
        conv.add(role, *([lead] if lead else []), st_ann, ".")
        conv.a(rng.choice(["And the city?", "What city is that?"]))
        if rng.random() < 0.4:
            conv.add(role, city_ann, ",", ctx.cap(ctx.state), ",", *zip_spec(ctx.zip, ctx, pick_devs(ctx, ("restart", "uh")), "none"))
        else:
            conv.add(role, city_ann, ",", ctx.cap(ctx.state), ",", rng.choice(["zip code", "zip"]), *zip_spec(ctx.zip, ctx, pick_devs(ctx, ("restart", "uh")), "same"))
    ctx.facts["street"] = ("STREET", full)
    ctx.facts["city"] = ("CITY", ctx.city)
    ctx.facts["zip"] = ("ZIP", ctx.zip)


def neg_chat(conv, n=1, role="C"):
    """Small talk with look-alike numbers."""
    ctx = conv.ctx
    rng = ctx.rng
    opts = ["dose", "age", "year", "bp", "vital", "duration", "weight", "lab", "common", "count"]
    for k in rng.sample(opts, n):
        if k == "dose":
            drug, d = neg_dose(ctx)
            conv.add(role, "I take the", ctx.cap(drug), d, rng.choice(["twice a day.", "in the morning.", "at night."]))
        elif k == "age":
            a = neg_age(ctx)
            if a is None:
                conv.add(role, "I'm not as young as I used to be, you know.")
            else:
                conv.add(role, rng.choice(["I'm", "I'll be", "Well, I'm"]), a, rng.choice(["years old, so you'll have to be patient with me.", "now, and my memory isn't what it was."]))
        elif k == "year":
            conv.add(role, rng.choice(["I was in the Army,", "I was a Marine,", "I was in the Navy,"]), "got out in", neg_year_service(ctx), ".")
        elif k == "bp":
            conv.add(role, "My blood pressure was", neg_bp(ctx), "this morning.")
        elif k == "vital":
            what, v = neg_vital(ctx)
            conv.add(role, "My", what, rng.choice(["was", "was reading"]), v, "when I checked it.")
        elif k == "duration":
            conv.add(role, "I've been waiting", neg_duration(ctx), "on this.")
        elif k == "weight":
            conv.add(role, "The doctor says I'm down to", neg_weight(ctx), ".")
        elif k == "lab":
            conv.add(role, "My A1C came back", neg_lab(ctx), ".")
        elif k == "count":
            conv.add(role, "They sent me", neg_count(ctx), "last time.")
        else:
            a, w, b = common_word(ctx)
            conv.add(role, a, w, b)


# --------------------------------------------------------------------------- scenarios

def sc_va_cc(conv):
    """Veteran calls VA community care to schedule with a community provider."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["VA Community Care", "the VA community care office", "Community Care scheduling"]))
    vol = caller_name(conv, ctx.first, ctx.last, who="veteran")
    if vol:
        conv.c(*vol, ". I got a letter about a referral.")
        conv.a("Okay, I can help with that.")
    else:
        conv.c("I got a letter about a referral.")
    ask_dob(conv)
    if ctx.ssn_given:
        pass
    elif rng.random() < 0.55:
        ask_value(conv, "SSN", ssn_spec, gen_ssn(rng), SSN_Q, SSN_SAME, allow_pieces=ssn_pieces, fact="ssn")
    else:
        v = gen_ssn(rng)
        ask_value(conv, "SSN", last4_spec("SSN"), v, L4_Q, L4_SAME, readback=False)
        ctx.facts["ssn4"] = ("SSN", v[-4:])
    thanks_name(conv, ctx.last, ["I see the referral for", rng.choice(["physical therapy.", "cardiology.", "audiology.", "orthopedics."])])
    neg_chat(conv, rng.choice([1, 2]))
    conv.a("It says", rng.choice(["referral number", "the referral is"]), neg_idnum(ctx, "reference_number", rng.choice([8, 10])), ". Do you have a provider in mind?")
    doc = rng.choice(DOCTORS)
    dn = SP(ctx.cap(doc), "NAME", True, "same", "title_last_" + ("lower" if ctx.lower else "cased"), doc)
    conv.c("It says here Doctor" if ctx.lower else "It says here Dr.", dn, rng.choice(["over on the north side.", "by the hospital."]))
    if rng.random() < 0.75:
        npi = gen_npi(rng)
        ask_value(conv, "NPI", npi_spec, npi, ["Does the letter have the provider's NPI number?", "Is there an NPI on there? Ten digits."],
                  ["It says NPI", "The NPI is", "N P I number"], allow_pieces=npi_pieces, fact="npi")
    if rng.random() < 0.6:
        ask_value(conv, "PHONE", phone_spec(), ctx.phone(), PHONE_Q, PHONE_SAME, allow_pieces=phone_pieces_fn, fact="phone")
    if rng.random() < 0.5:
        ask_address(conv)
    conv.a("I have an opening", neg_appt(ctx), "at", neg_time(ctx), ". Will that work?")
    conv.c(rng.choice(["Say that again?", "What day?", "That'll work."]))
    if rng.random() < 0.5:
        conv.a("For questions, call the clinic and ask for extension", neg_ext(ctx), ".")
    closing(conv)


def phone_pieces_fn(v):
    return [(v[:3], piece_spec("PHONE", lambda x: [x]), "piece_area"),
            (v[3:], piece_spec("PHONE", lambda x: [x[:3], x[3:]]), "piece_rest")]


def sc_tricare(conv):
    """TRICARE beneficiary or spouse: pharmacy home delivery / enrollment."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["TRICARE Pharmacy Home Delivery", "TRICARE East", "TRICARE West", "TRICARE For Life"]))
    vol = caller_name(conv, ctx.first, ctx.last)
    if vol:
        conv.c(*vol, ". I need to refill my prescriptions.")
    else:
        conv.c("I need to refill my prescriptions, the automated thing wasn't working.")
    mid = gen_member(rng, rng.choice(["dbn", "dodid"]))
    ask_value(conv, "MEMBER_ID", member_spec, mid,
              ["Do you have your DoD benefits number? It's on the back of your ID card.", "Can I get the DoD ID number?"],
              ["It says DoD benefits number", "The benefits number is", "DoD ID is", "It says here"], allow_pieces=member_pieces, fact="member")
    if rng.random() < 0.6:
        ask_value(conv, "SSN", ssn_spec, gen_ssn(rng), ["And the sponsor's social security number?", "I'll need the sponsor's social."],
                  SSN_SAME + ["Sponsor's social is"], allow_pieces=ssn_pieces, fact="ssn")
    ask_dob(conv)
    neg_chat(conv, rng.choice([0, 1, 1, 2]))
    drug, d = neg_dose(ctx)
    conv.a("I see the", ctx.cap(drug), d, "and", neg_count(ctx), ". Is that the one?")
    conv.c("That's the one. And my copay was", neg_money(ctx), "last time?")
    conv.a("It's", neg_money(ctx, rng.choice([13, 38, 0])), "for a", "ninety day supply." if ctx.num == "words" else "90 day supply.")
    if rng.random() < 0.75:
        ask_card(conv)
    if rng.random() < 0.5:
        ask_value(conv, "ZIP", zip_spec, ctx.zip, ["And the billing zip code for the card?"] + ZIP_Q, ZIP_SAME, fact="zip")
    if rng.random() < 0.55:
        ask_email(conv, ctx.first, ctx.last, ctx.dob[:4])
    conv.a("Your order number is", neg_idnum(ctx, "order_number", 9), ", it ships in", neg_duration(ctx), ".")
    closing(conv)


def ask_card(conv, role="C"):
    ctx = conv.ctx
    rng = ctx.rng
    v = gen_card(rng)
    conv.a(rng.choice(["How would you like to pay?", "Will that be the card on file or a new card?"]))
    conv.add(role, rng.choice(["New card. Hold on, let me get it out.", "I'll use my Visa. Let me get my glasses.",
                               "The debit card. My son set it up for me."]))
    ask_value(conv, "CARD", card_spec, v, CARD_Q, CARD_SAME, role=role, allow_pieces=card_pieces, hear=False, fact="card")
    if rng.random() < 0.6:
        t, sp, form = render_digits([v[-4:]], ctx, "CARD")
        conv.a(rng.choice(["Okay, card ending in", "I've got the card ending", "That's the one ending in"]),
               SP(t, "CARD", sp, "prev", "last4_" + form, v[-4:], part="last4"),
               ". Now key in the security code on your keypad and", NG("press pound" if ctx.num == "words" or ctx.lower else "press #", "menu_option"), ".")
    return v


def sc_ma(conv):
    """Medicare Advantage member services."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["Member Services", "your Medicare Advantage plan", "Senior Care Plus member services"]))
    vol = caller_name(conv, ctx.first, ctx.last)
    if vol:
        conv.c(*vol, ". I've got a question about my bill.")
    else:
        conv.c(*common_word(ctx))
    if rng.random() < 0.55:
        mbi = gen_mbi(rng)
        ask_value(conv, "MBI", mbi_spec, mbi, MBI_Q, MBI_SAME, fact="mbi")
    else:
        mid = gen_member(rng, rng.choice(["ma_h", "ma_x"]))
        ask_value(conv, "MEMBER_ID", member_spec, mid, ["Can I get the member ID from your plan card?", "What's the member ID number on your card?"],
                  ["It says member ID", "Member ID is", "It says here ID number"], fact="member")
    ask_dob(conv)
    if rng.random() < 0.5:
        ask_value(conv, "ZIP", zip_spec, ctx.zip, ZIP_Q, ZIP_SAME, fact="zip")
    neg_chat(conv, rng.choice([1, 2]))
    conv.a("Your premium is", neg_money(ctx, rng.choice([0, 29, 42])), "a month, and your over-the-counter allowance is", neg_money(ctx, rng.choice([50, 75])), "a quarter.")
    k = rng.random()
    if k < 0.4:
        ask_card(conv)
    elif k < 0.7:
        conv.c("We moved in with my daughter, I need to change the address.")
        ask_address(conv, change=True)
    if rng.random() < 0.55:
        ask_value(conv, "PHONE", phone_spec(), ctx.phone(), PHONE_Q, PHONE_SAME, allow_pieces=phone_pieces_fn, fact="phone")
    if rng.random() < 0.5:
        ask_email(conv, ctx.first, ctx.last, ctx.dob[:4])
    closing(conv)


def sc_caregiver(conv):
    """Adult child calls for a parent after a hospital discharge."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["Care Transitions", "the discharge follow-up line", "Patient Services"]))
    cg_first = rng.choice(YOUNGER)
    cg_last = ctx.last if rng.random() < 0.6 else rng.choice(LAST)
    cg = cg_first + " " + cg_last
    t, sp, form = render_name(cg, ctx)
    rel = "dad" if ctx.male else "mom"
    conv.c(rng.choice(["Hi, my name is", "Yes, this is"]), SP(t, "NAME", sp, "same", form, cg), ", I'm calling for my", rel, ". He just got out of the hospital." if ctx.male else ". She just got out of the hospital.")
    conv.a("I'm sorry to hear that. What's the patient's name?")
    pn = ctx.first + " " + ctx.last
    t, sp, form = render_name(pn, ctx)
    conv.c("His name is" if ctx.male else "Her name is", SP(t, "NAME", sp, "same", form, pn), ".")
    if rng.random() < 0.5:
        # parent in the background answers
        conv.a("And the patient's date of birth?")
        conv.c(rng.choice(["%s, what's your birthday? They want it." % ("Dad" if ctx.male else "Mom"),
                           "%s, tell her your birthday." % ("Dad" if ctx.male else "Mom"), "Hang on, I'll ask. What's your date of birth?"]))
        t, sp, form = render_date(ctx.dob, ctx, pick_devs(ctx, ("restart", "uh", "correct")))
        conv.p(SP(t, "DOB", sp, "prev", form, ctx.dob))
        t, sp, form = render_date(ctx.dob, ctx, ())
        conv.c("He said" if ctx.male else "She said", SP(t, "DOB", sp, "prev", "relay_" + form, ctx.dob), ".")
        ctx.facts["dob"] = ("DOB", ctx.dob)
    else:
        ask_value(conv, "DOB", dob_spec(), ctx.dob, ["And the patient's date of birth?", "What's your %s's date of birth?" % rel],
                  ["His date of birth is" if ctx.male else "Her date of birth is", "Birthday is"], allow_pieces=dob_pieces, hear=False, fact="dob")
    ctx.facts["patient"] = ("NAME", pn)
    mrn = gen_mrn(rng)
    ask_value(conv, "MRN", mrn_spec, mrn, MRN_Q, MRN_SAME, hear=False, fact="mrn")
    adm = gen_date(rng, 2025, 2025)
    dis = (datetime.date.fromisoformat(adm) + datetime.timedelta(days=rng.randint(2, 9))).isoformat()
    if dis > "2025-12-31":
        dis = adm
    conv.a("When was the discharge?")
    t, sp, form = render_date(dis, ctx, ())
    conv.c(rng.choice(["He was discharged", "They discharged her", "Discharged"]) , SP(t, "DATE", sp, "same", form, dis), ".")
    if rng.random() < 0.6:
        t, sp, form = render_date(adm, ctx, ())
        conv.c("And he went in" if ctx.male else "And she was admitted", SP(t, "DATE", sp, "same", form, adm), ".")
    ctx.facts["discharge"] = ("DATE", dis)
    drug, d = neg_dose(ctx)
    conv.a("The discharge list has", ctx.cap(drug), d, ". Is", "he" if ctx.male else "she", "taking that?")
    conv.c("Yes. And the nurse said the blood pressure was", neg_bp(ctx), "when they let him go." if ctx.male else "when they let her go.")
    if rng.random() < 0.5:
        conv.c("Room", NG(neg_num(rng.choice([412, 318, 227]), ctx), "room_number"), "was so cold, she kept complaining." if not ctx.male else "was so cold, he kept complaining.")
    ask_value(conv, "PHONE", phone_spec(), ctx.phone(), ["What's the best number to reach you?", "And a callback number for you?"],
              ["My cell is", "You can reach me at", "My number is"], allow_pieces=phone_pieces_fn, hear=False, fact="phone")
    if rng.random() < 0.6:
        ask_email(conv, cg_first, cg_last, str(rng.randint(1965, 1985)))
    if rng.random() < 0.3:
        ask_value(conv, "SSN", last4_spec("SSN"), gen_ssn(rng), ["For the proxy form I need the last four of %s social." % ("his" if ctx.male else "her")],
                  ["Last four of his social is" if ctx.male else "Last four of her social is"], readback=False, hear=False)
    conv.a("A nurse will call within", neg_duration(ctx), ".")
    closing(conv)


def sc_nurse(conv):
    """Nurse advice line; a carrier exchange from MTS-Dialog in the middle."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["the Nurse Advice Line", "the VA nurse line", "the after-hours nurse line"]))
    vol = caller_name(conv, ctx.first, ctx.last)
    if vol:
        conv.c(*vol, ". I'm not feeling so good.")
    else:
        conv.c("I'm not feeling so good, the clinic said to call you.")
    ask_dob(conv)
    neg_chat(conv, rng.choice([0, 1]))
    if rng.random() < 0.6:
        ask_value(conv, "MRN", mrn_spec, gen_mrn(rng), ["Do you have your patient ID or medical record number? It's on your after-visit summary."] + MRN_Q,
                  MRN_SAME + ["Patient ID is"], hear=False, fact="mrn")
    ask_value(conv, "PHONE", phone_spec(), ctx.phone(), PHONE_Q, PHONE_SAME, allow_pieces=phone_pieces_fn, fact="phone")
    key = rng.choice(sorted(CARRIER, key=int))
    conv.carrier = key
    for role, line in CARRIER[key]:
        conv.add(role, line)
    what, v = neg_vital(ctx)
    conv.a("Do you have a way to check your", what, "right now?")
    conv.c("It says", v, ".")
    conv.a("If that changes or you feel faint, call", neg_911(ctx), ". Otherwise I'd like you seen within", neg_duration(ctx), ".")
    if rng.random() < 0.5:
        conv.a("Can you come in", neg_appt(ctx), "at", neg_time(ctx), "?")
        conv.c("I'll have my son drive me.")
    closing(conv)


def sc_billing(conv):
    """Hospital or clinic billing office: pays a statement by card."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["Patient Financial Services", "the billing office", "Customer Service for billing"]))
    vol = caller_name(conv, ctx.first, ctx.last)
    if vol:
        conv.c(*vol, ". I got a", NG("bill", "common_word"), "and I want to pay it.")
    else:
        conv.c("I got a", NG("bill", "common_word"), "and I want to pay it.")
    ask_dob(conv, pieces=False)
    conv.a("Is there a claim number on the statement?")
    conv.c("It says claim number", neg_idnum(ctx, "claim_number", 10), ".")
    if rng.random() < 0.6:
        ask_value(conv, "MRN", mrn_spec, gen_mrn(rng), ["Is there a medical record number on the statement too?", "Do you see an MRN up in the corner?"],
                  MRN_SAME, hear=False, fact="mrn")
    conv.a("Your balance is", neg_money(ctx, rng.choice([138, 47, 260])), ". Would you like to pay that today?")
    ask_card(conv)
    ask_value(conv, "ZIP", zip_spec, ctx.zip, ["And the billing zip code for the card?"], ZIP_SAME, fact="zip")
    if rng.random() < 0.6:
        ask_email(conv, ctx.first, ctx.last, ctx.dob[:4])
    elif rng.random() < 0.5:
        ask_value(conv, "PHONE", phone_spec(), ctx.phone(), PHONE_Q, PHONE_SAME, fact="phone")
    closing(conv)


def sc_survivor(conv):
    """A spouse or child reports a death to the health plan."""
    ctx = conv.ctx
    rng = ctx.rng
    greet(conv, rng.choice(["TRICARE For Life", "Member Services", "the VA Health Benefits line"]))
    cg_first = rng.choice(YOUNGER + FEMALE)
    cg = cg_first + " " + ctx.last
    t, sp, form = render_name(cg, ctx)
    conv.c("Yes, this is", SP(t, "NAME", sp, "same", form, cg), ". I'm calling because my", "husband" if ctx.male and cg_first in FEMALE else "father" if ctx.male else "mother", "passed away.")
    conv.a("I'm so sorry for your loss. Can I have the member's full name?")
    pn = ctx.first + " " + ctx.last
    t, sp, form = render_name(pn, ctx)
    conv.c(SP(t, "NAME", sp, "prev", form, pn), ".")
    dod = gen_date(rng, 2025, 2025)
    conv.a("And the date of death?")
    t, sp, form = render_date(dod, ctx, pick_devs(ctx, ("restart", "uh")))
    conv.c(rng.choice(["He passed" if ctx.male else "She passed", "It was", "He passed on" if ctx.male else "She passed on"]) if rng.random() < 0.6 else "", SP(t, "DATE", sp, "prev", form, dod), ".")
    ctx.facts["death"] = ("DATE", dod)
    ask_value(conv, "DOB", dob_spec(), ctx.dob, ["And the date of birth?", "Can you verify the member's date of birth?"],
              ["His birthday was" if ctx.male else "Her birthday was", "Date of birth is"], allow_pieces=dob_pieces, hear=False, fact="dob")
    if rng.random() < 0.5:
        ask_value(conv, "SSN", ssn_spec, gen_ssn(rng), ["Do you have the member's social security number?"], ["His social was" if ctx.male else "Her social was", "The social is"],
                  allow_pieces=ssn_pieces, hear=False, fact="ssn")
    else:
        ask_value(conv, "MBI", mbi_spec, gen_mbi(rng), ["Do you have the Medicare card? I need the number on it."], MBI_SAME, hear=False, fact="mbi")
    conv.c("Where do I send the paperwork? I've moved in with my daughter.")
    ask_address(conv, change=True)
    ask_value(conv, "PHONE", phone_spec(), ctx.phone(), PHONE_Q, PHONE_SAME, hear=False, allow_pieces=phone_pieces_fn, fact="phone")
    conv.a("You should receive a letter in", neg_duration(ctx), ".")
    closing(conv)


SCENARIOS = [("va_community_care", sc_va_cc, 4), ("tricare_member", sc_tricare, 3), ("medicare_advantage", sc_ma, 4),
             ("caregiver_discharge", sc_caregiver, 3), ("nurse_line", sc_nurse, 2), ("billing_payment", sc_billing, 3),
             ("survivor_report", sc_survivor, 1)]


# --------------------------------------------------------------------------- assembly

def mark(ann, reg):
    reg.append(ann)
    return "%s%d%s%s%s" % (M_OPEN, len(reg) - 1, M_MID, ann.text, M_CLOSE)


def plain(t, ctx):
    if ctx.lower:
        t = t.lower()
        t = t.replace("...", " ")
        t = re.sub(r"[,.?!;:\"]", "", t)
        t = t.replace("'s", "'s")
    return t


def cap_ann(a):
    """Sentence-initial capital for a spoken value (not emails, not spelled letters)."""
    if a.kind == "span" and a.kw.get("spoken") and a.kw["entity"] not in ("EMAIL",) and a.text[:1].islower():
        kw = dict(a.kw)
        return Ann(a.text[0].upper() + a.text[1:], a.kind, **kw)
    if a.kind == "neg" and a.text[:1].islower():
        return Ann(a.text[0].upper() + a.text[1:], a.kind, **a.kw)
    return a


def turn_str(parts, ctx, reg):
    """Join the pieces of a turn; punctuation fixes never touch the labelled pieces."""
    segs = []  # [text, is_ann]
    for p in parts:
        if isinstance(p, Ann):
            if not ctx.lower:
                prev = segs[-1][0] if segs else ""
                if not prev or prev.rstrip()[-1:] in ".?!":
                    p = cap_ann(p)
            segs.append([mark(p, reg), True])
        else:
            t = plain(p, ctx).strip()
            t = re.sub(r"  +", " ", t)
            if not t:
                continue
            if segs and not segs[-1][1] and t[0] in ",.?!" and segs[-1][0][-1:] in ",.?!":
                t = t[1:].strip()
                if not t:
                    continue
            if segs and segs[-1][1] and t[0] in ",.?!":
                prev_text = reg[-1].text
                if prev_text.endswith(".") and t[0] == ".":
                    t = t[1:].strip()
                    if not t:
                        continue
            if not ctx.lower and (not segs or (not segs[-1][1] and segs[-1][0][-1:] in ".?!")) and t[0].islower():
                t = t[0].upper() + t[1:]
            segs.append([t, False])
    out = ""
    for t, is_ann in segs:
        if out and not (not is_ann and t[0] in ",.?!;:)"):
            out += " "
        out += t
    if not ctx.lower:
        if out.endswith(M_CLOSE):
            last = reg[-1].text
            if not last.endswith("."):
                out += "."
        elif out and out[-1] not in ".?!":
            out += "."
    return out


def extract(s, reg):
    spans, negs = [], []
    out = []
    pos = 0
    i = 0
    for m in re.finditer("%s(\\d+)%s([^%s]*)%s" % (M_OPEN, M_MID, M_CLOSE, M_CLOSE), s):
        pre = s[i:m.start()]
        out.append(pre)
        pos += len(pre.encode("utf-8"))
        a = reg[int(m.group(1))]
        t = m.group(2)
        b = len(t.encode("utf-8"))
        if a.kind == "span":
            d = {"start": pos, "end": pos + b}
            for k in ("entity", "spoken", "cue", "form", "value", "part", "neutral"):
                if k in a.kw:
                    d[k] = a.kw[k]
            spans.append(d)
        else:
            negs.append({"start": pos, "end": pos + b, "what": a.kw["what"]})
        out.append(t)
        pos += b
        i = m.end()
    out.append(s[i:])
    text = "".join(out)
    assert M_OPEN not in text and M_CLOSE not in text and M_MID not in text
    return text, spans, negs


def clock(ctx, k, t0):
    sec = t0 + k * ctx.rng.randint(4, 9)
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def build_transcript(conv, ctx, reg):
    rng = ctx.rng
    special = {"Veteran:": ("va_community_care",), "Caregiver:": ("caregiver_discharge", "nurse_line"),
               "Beneficiary:": ("tricare_member", "medicare_advantage", "survivor_report"),
               "MEMBER:": ("tricare_member", "medicare_advantage", "billing_payment", "nurse_line")}
    fits = [ls for ls in LABELSETS if ls["C"] not in special or ctx.kind in special[ls["C"]]]
    labels = rng.choice(fits)
    use_ts = rng.random() < 0.3
    lines = []
    t = rng.randint(0, 40)
    for k, (role, parts) in enumerate(conv.turns):
        s = turn_str(parts, ctx, reg)
        t += rng.randint(3, 12)
        ts = "[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60) if use_ts else ""
        lines.append(ts + labels[role] + " " + s)
    return "\n".join(lines), labels


# summaries (LLM-written, written forms) ----------------------------------------------

def summary_parts(conv, ctx, scen):
    rng = ctx.rng
    f = ctx.facts
    P = []
    pn = f.get("patient", ("NAME", ctx.first + " " + ctx.last))[1]
    P += ["Patient" if "patient" in f else "Member" if scen == "survivor_report" else rng.choice(["Caller", "Member", "Veteran" if scen == "va_community_care" else "Caller"]),
          SP(pn, "NAME", False, "same", "summary_name_full", pn)]
    if "dob" in f or True:
        w, form = written_date(ctx.dob, rng)
        P += ["(DOB", SP(w, "DOB", False, "same", "summary_" + form, ctx.dob), ")"]
    P += [{"va_community_care": "called to schedule a community care appointment.",
           "tricare_member": "requested a home delivery refill.",
           "medicare_advantage": "called with a billing and account question.",
           "caregiver_discharge": "was discussed by a family caregiver after discharge.",
           "nurse_line": "called the nurse line with new symptoms.",
           "billing_payment": "paid an outstanding balance by card.",
           "survivor_report": "was reported deceased by a family member."}[scen]]
    first = True
    for key, label in [("ssn", "SSN"), ("ssn4", "SSN last four"), ("mbi", "MBI"), ("member", "Member ID"),
                       ("mrn", "MRN"), ("npi", "Provider NPI"), ("discharge", "Discharged"), ("death", "Date of death"),
                       ("street", "Address"), ("city", None), ("zip", None), ("phone", "Callback"), ("email", "Email"),
                       ("card", "Card ending")]:
        if key not in f:
            continue
        ent, v = f[key]
        if key == "ssn":
            if rng.random() < 0.5:
                t, form, vv, part = "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "summary_ssn_dash", v, None
            else:
                t, form, vv, part = v[-4:], "summary_last4", v[-4:], "last4"
                label = "SSN last four"
        elif key in ("discharge", "death"):
            t, form = written_date(v, rng)
            form, vv, part = "summary_" + form, v, None
        elif key == "phone":
            t, form = written_phone(v, rng)
            form, vv, part = "summary_" + form, v, None
        elif key in ("card", "ssn4"):
            t, form, vv, part = v[-4:], "summary_last4", v[-4:], "last4"
        elif key == "mbi":
            t, form, vv, part = v if rng.random() < 0.5 else "%s-%s-%s" % (v[:4], v[4:7], v[7:]), "summary_mbi", v, None
        else:
            t, form, vv, part = v, "summary_" + key, v, None
        kw = {"part": part} if part else {}
        if key == "city" and "street" in f:
            P += [",", SP(t, ent, False, "same", form, vv, **kw)]
        elif key == "zip" and "street" in f:
            P += [SP(t, ent, False, "same", form, vv, **kw)]
        else:
            if label is None:
                label = "City" if key == "city" else "ZIP"
            P += (["Details: " + label + ":"] if first else ["; " + label + ":"]) + [SP(t, ent, False, "same", form, vv, **kw)]
            first = False
    P.append(".")
    return P


def summary_str(parts, reg):
    out = ""
    for p in parts:
        if isinstance(p, Ann):
            s = mark(p, reg)
            out += ("" if out.endswith("(") or out == "" else " ") + s
        else:
            p = p.strip() if p not in (",",) else p
            if not p:
                continue
            if p[0] in ",.;:)" or out.endswith("("):
                out += p
            else:
                out += (" " if out else "") + p
    out = out.replace("( ", "(").replace(" )", ")").replace(" ;", ";").replace(" .", ".").replace(" ,", ",")
    out = re.sub(r"\.\.$", ".", out)
    return out


def structured(ctx, reg):
    rng = ctx.rng
    f = ctx.facts
    d = {}
    pn = f.get("patient", ("NAME", ctx.first + " " + ctx.last))[1]
    d["caller_name" if "patient" not in f else "patient_name"] = mark(SP(pn, "NAME", False, "same", "field_name", pn), reg)
    d["dob"] = mark(SP(ctx.dob, "DOB", False, "same", "field_iso", ctx.dob), reg)
    if "phone" in f:
        v = f["phone"][1]
        d["callback_number"] = mark(SP("+1" + v, "PHONE", False, "same", "field_e164", v), reg)
    if "zip" in f:
        d["zip"] = mark(SP(f["zip"][1], "ZIP", False, "same", "field_zip", f["zip"][1]), reg)
    if "email" in f:
        d["email"] = mark(SP(f["email"][1], "EMAIL", False, "same", "field_email", f["email"][1]), reg)
    if "member" in f:
        d["member_id"] = mark(SP(f["member"][1], "MEMBER_ID", False, "same", "field_member", f["member"][1]), reg)
    if "mrn" in f:
        d["mrn"] = mark(SP(f["mrn"][1], "MRN", False, "same", "field_mrn", f["mrn"][1]), reg)
    if "card" in f and rng.random() < 0.4:
        d["card_number"] = mark(SP(f["card"][1], "CARD", False, "same", "field_card_run", f["card"][1]), reg)
    d["call_successful"] = True
    d["escalation_needed"] = rng.random() < 0.2
    return d


ROLE_NAMES = {
    "vapi": {"A": "AI", "C": "User", "P": "User", "I": "AI"},
    "retell": {"A": "Agent", "C": "User", "P": "User", "I": "Agent"},
}


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng, 32)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:])


def build_json(conv, ctx, reg, profile, scen):
    rng = ctx.rng
    turns = [(role, turn_str(parts, ctx, reg)) for role, parts in conv.turns]
    # re-mark: turn strings already hold markers for the first occurrence; later copies re-use the
    # same marked text, each copy becoming its own span at extraction.
    caller_phone = ctx.phone()
    t0 = 1746000000 + rng.randint(0, 9000000)
    if profile == "vapi":
        tr = "\n".join("%s: %s" % (ROLE_NAMES["vapi"][r], s) for r, s in turns)
        msgs = []
        sec = 0.0
        for r, s in turns:
            sec += rng.randint(20, 90) / 10.0
            msgs.append({"role": "bot" if r in "AI" else "user", "message": s, "time": t0 * 1000 + int(sec * 1000),
                         "secondsFromStart": round(sec, 2)})
        summ = summary_str(summary_parts(conv, ctx, scen), reg)
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall",
                                    "customer": {"number": mark(SP("+1" + caller_phone, "PHONE", False, "same", "field_e164", caller_phone), reg)},
                                    "status": "ended"},
                           "artifact": {"transcript": tr, "messages": msgs,
                                        "recordingUrl": "https://storage.vapi.ai/%s-recording.wav" % uuid(rng)},
                           "analysis": {"summary": summ, "structuredData": structured(ctx, reg), "successEvaluation": "true"},
                           "startedAt": "2025-%02d-%02dT%02d:%02d:%02d.000Z" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(13, 22), rng.randint(0, 59), rng.randint(0, 59)),
                           "cost": round(rng.uniform(0.05, 0.9), 4)}}
    elif profile == "retell":
        tr = "\n".join("%s: %s" % (ROLE_NAMES["retell"][r], s) for r, s in turns)
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + hexid(rng, 28), "agent_id": "agent_" + hexid(rng, 24),
                        "call_type": "phone_call", "call_status": "ended", "direction": "inbound",
                        "from_number": mark(SP("+1" + caller_phone, "PHONE", False, "same", "field_e164", caller_phone), reg),
                        "to_number": mark(SP("+18005550100", "PHONE", False, "none", "org_line", "8005550100", neutral=True), reg),
                        "start_timestamp": t0 * 1000, "end_timestamp": t0 * 1000 + rng.randint(120000, 900000),
                        "disconnection_reason": "user_hangup", "transcript": tr,
                        "transcript_object": [{"role": "agent" if r in "AI" else "user", "content": s} for r, s in turns],
                        "call_analysis": {"call_summary": summary_str(summary_parts(conv, ctx, scen), reg),
                                          "user_sentiment": rng.choice(["Positive", "Neutral"]),
                                          "call_successful": True, "custom_analysis_data": structured(ctx, reg)}}}
    elif profile == "signalwire":
        obj = {"app_name": "member_services_agent", "call_id": uuid(rng), "ai_session_id": uuid(rng),
               "caller_id_name": mark(SP((ctx.last + " " + ctx.first).upper(), "NAME", False, "none", "cnam_upper_last_first", ctx.first + " " + ctx.last), reg),
               "caller_id_num": mark(SP("+1" + caller_phone, "PHONE", False, "same", "field_e164", caller_phone), reg),
               "call_start_date": t0 * 1000000, "call_end_date": (t0 + rng.randint(120, 900)) * 1000000,
               "call_log": [{"role": "system", "content": "You are a patient, friendly member services assistant. Speak slowly and clearly."}] +
                           [{"role": "assistant" if r in "AI" else "user", "content": s} for r, s in turns],
               "post_prompt_data": {"raw": summary_str(summary_parts(conv, ctx, scen), reg),
                                    "substituted": summary_str(summary_parts(conv, ctx, scen), reg), "parsed": [structured(ctx, reg)]},
               "total_minutes": round(rng.uniform(2, 15), 1)}
    elif profile == "deepgram":
        spk = {"A": 0, "C": 1, "P": 2, "I": 0}
        utts = []
        sec = 0.0
        for r, s in turns:
            st = sec
            sec += rng.randint(20, 110) / 10.0
            utts.append({"start": round(st, 2), "end": round(sec, 2), "confidence": round(rng.uniform(0.78, 0.99), 4),
                         "channel": 0, "transcript": s, "speaker": spk[r], "id": uuid(rng)})
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(rng),
                            "created": "2025-%02d-%02dT%02d:%02d:%02d.%03dZ" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                            "duration": round(sec, 3), "channels": 1, "models": [uuid(rng)],
                            "model_info": {"x": {"name": "2-phonecall-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(s for _, s in turns),
                                                           "confidence": round(rng.uniform(0.85, 0.99), 4)}]}],
                           "utterances": utts}}
        if rng.random() < 0.6:
            obj["results"]["summary"] = {"result": "success", "short": summary_str(summary_parts(conv, ctx, scen), reg)}
    else:  # transcribe
        segs = []
        sec = 0.0
        spk = {"A": "spk_0", "C": "spk_1", "P": "spk_2", "I": "spk_0"}
        for k, (r, s) in enumerate(turns):
            st = sec
            sec += rng.randint(20, 110) / 10.0
            segs.append({"id": k, "transcript": s, "start_time": "%.3f" % st, "end_time": "%.3f" % sec,
                         "speaker_label": spk[r], "items": []})
        obj = {"jobName": "member-call-" + hexid(rng, 12), "accountId": "1234" + rdigits(rng, 8) if False else "acct-redacted",
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(s for _, s in turns)}],
                           "speaker_labels": {"speakers": len(set(spk[r] for r, _ in turns)),
                                              "segments": [{"start_time": g["start_time"], "end_time": g["end_time"],
                                                            "speaker_label": g["speaker_label"], "items": []} for g in segs]},
                           "audio_segments": segs}}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


PROFILE_STYLES = {
    "vapi": ["punct_words", "whisper", "smart", "punct_words"],
    "retell": ["punct_words", "whisper", "smart"],
    "signalwire": ["punct_words", "whisper", "lower_mixed"],
    "deepgram": ["smart", "lower_words", "lower_numerals", "punct_words"],
    "transcribe": ["whisper", "punct_words", "smart"],
}
TRANSCRIPT_STYLES = ["lower_words", "lower_words", "lower_numerals", "lower_mixed", "punct_words", "punct_words", "whisper", "smart"]


def make_record(seed, i):
    rng = random.Random("holdout36-%d-%d" % (seed, i))
    is_json = (i * 7) % 20 < 8
    names = [s[0] for s in SCENARIOS]
    weights = [s[2] for s in SCENARIOS]
    scen = rng.choices(names, weights)[0]
    fn = dict((s[0], s[1]) for s in SCENARIOS)[scen]
    if is_json:
        profile = rng.choice(sorted(PROFILE_STYLES))
        style = rng.choice(PROFILE_STYLES[profile])
    else:
        profile = None
        style = rng.choice(TRANSCRIPT_STYLES)
    ctx = Ctx(rng, style, scen)
    conv = Conv(ctx)
    conv.carrier = None
    fn(conv)
    reg = []
    if is_json:
        raw = build_json(conv, ctx, reg, profile, scen)
        labels = None
    else:
        raw, labels = build_transcript(conv, ctx, reg)
    text, spans, negs = extract(raw, reg)
    rec = {"id": "h36-%05d" % i, "format": "json" if is_json else "transcript"}
    if is_json:
        rec["profile"] = profile
    rec["kind"] = ("%s_%s" % (profile, scen)) if is_json else ("call_%s" % scen)
    rec["asr"] = style
    if conv.carrier:
        rec["carrier"] = "mts-dialog:train:%s" % conv.carrier
    rec["text"] = text
    rec["spans"] = spans
    rec["negatives"] = negs
    return rec


def generate(seed, n):
    out = []
    i = 0
    k = 0
    while len(out) < n:
        rec = make_record(seed, k)
        k += 1
        if rec["format"] == "transcript" and not (8 <= rec["text"].count("\n") + 1 <= 40):
            continue
        rec["id"] = "h36-%05d" % (len(out) + 1)
        errs = check_record(rec)
        if errs:
            raise SystemExit("generated record %s invalid:\n  %s\n%s" % (rec["id"], "\n  ".join(errs), rec["text"][:3000]))
        out.append(rec)
    return out


# --------------------------------------------------------------------------- check

DIGIT_WORDS = {w: str(i) for i, w in enumerate(ONES[:10])}
DIGIT_WORDS.update({"oh": "0", "o": "0"})
TEEN = {w: str(i) for i, w in enumerate(ONES) if i >= 10}
TENW = {w: i * 10 for i, w in enumerate(TENS) if w}
LETTER_WORDS = {}
for _d in (NATO, OLD_PHON):
    for _k, _w in _d.items():
        LETTER_WORDS[_w.lower()] = _k
FILLER = {"uh", "um", "let", "me", "see", "hold", "on", "no", "wait", "i", "mean", "sorry", "dash", "and"}


def extract_alnum(text, letters=True):
    """All readings of the digits (and letters) said in a span: words, numerals, NATO / old
    phonetic, 'X as in Y'. A tens word followed by a digit word may be one number or two
    ("twenty, five"), so every reading is returned. None when a word is not understood."""
    toks = re.findall(r"[A-Za-z]+|\d", text.replace("x-ray", "xray").replace("X-ray", "xray"))
    out = set()

    def walk(i, acc):
        if len(out) > 4096:
            return
        if i >= len(toks):
            out.add(acc)
            return
        t = toks[i]
        tl = t.lower()
        nx = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if t.isdigit():
            return walk(i + 1, acc + t)
        if tl in ("double", "triple"):
            d = DIGIT_WORDS.get(nx) or (nx if nx.isdigit() else None)
            if d is None:
                raise ValueError(t)
            return walk(i + 2, acc + d * (2 if tl == "double" else 3))
        if letters and len(t) == 1 and t.isalpha() and nx == "as" and i + 2 < len(toks) and toks[i + 2].lower() == "in":
            return walk(i + 4, acc + t.upper())
        if tl in DIGIT_WORDS:
            return walk(i + 1, acc + DIGIT_WORDS[tl])
        if tl in TEEN:
            return walk(i + 1, acc + TEEN[tl])
        if tl in TENW:
            if nx in DIGIT_WORDS and nx not in ("oh", "o", "zero"):
                walk(i + 2, acc + str(TENW[tl] + int(DIGIT_WORDS[nx])))
            return walk(i + 1, acc + str(TENW[tl]))
        if tl == "hundred":
            return walk(i + 1, acc + "00")
        if letters and len(t) == 1 and t.isalpha():
            return walk(i + 1, acc + t.upper())
        if letters and (tl in LETTER_WORDS or tl == "xray"):
            return walk(i + 1, acc + ("X" if tl == "xray" else LETTER_WORDS[tl]))
        if letters and t.isalpha() and t.isupper() and len(t) <= 3:
            return walk(i + 1, acc + t)
        if tl in FILLER:
            return walk(i + 1, acc)
        raise ValueError(t)

    try:
        walk(0, "")
    except ValueError:
        return None
    return out


def valid_value(ent, v, s):
    part = s.get("part")
    if ent == "SSN":
        if part == "last4" or (part and len(v) == 4):
            return re.fullmatch(r"\d{4}", v) and v != "0000"
        if part:
            return re.fullmatch(r"\d{2,3}", v) and v not in ("000", "666", "00") and not (len(v) == 3 and v[0] == "9")
        return (re.fullmatch(r"\d{9}", v) and v[:3] not in ("000", "666") and v[0] != "9"
                and v[3:5] != "00" and v[5:] != "0000")
    if ent == "PHONE":
        if s.get("neutral"):
            return True
        if part:
            return re.fullmatch(r"\d{3}|555\d{4}|01\d\d", v) is not None
        return re.fullmatch(r"[2-9]\d\d55501\d\d", v) is not None
    if ent == "CARD":
        if part:
            return re.fullmatch(r"\d{4,6}", v) is not None
        return ((len(v) == 16 and v[0] in "456") or (len(v) == 15 and v[:2] in ("34", "37"))) and luhn_ok(v)
    if ent == "ZIP":
        return re.fullmatch(r"\d{5}", v) is not None
    if ent == "NPI":
        if part:
            return re.fullmatch(r"\d{5}", v) is not None
        return re.fullmatch(r"[12]\d{9}", v) is not None and luhn_ok("80840" + v)
    if ent == "MBI":
        return re.fullmatch(r"[1-9][%s][%s0-9]\d[%s][%s0-9]\d[%s][%s]\d\d" % ((MBI_ALPHA,) * 6), v) is not None
    if ent in ("DOB", "DATE"):
        if part and re.fullmatch(r"\d\d-\d\d", v):
            return True
        if part and re.fullmatch(r"\d{4}", v):
            return 1925 <= int(v) <= 1960
        try:
            dt = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return (1925 <= dt.year <= 1960) if ent == "DOB" else (2023 <= dt.year <= 2025)
    if ent == "EMAIL":
        return re.fullmatch(r"[a-z0-9._]+@[a-z]+\.(com|net)", v) is not None
    if ent in ("NAME", "CITY"):
        return re.fullmatch(r"[A-Za-z][A-Za-z '\-]*", v) is not None
    if ent == "STREET":
        return re.fullmatch(r"\d+ [A-Za-z ]+\.?(, (Apt\. \d+[A-D]|Lot \d+|Unit \d+))?", v) is not None
    if ent == "MRN":
        return re.fullmatch(r"[A-Z]?\d{6,9}", v) is not None
    if ent == "MEMBER_ID":
        if part:
            return re.fullmatch(r"\d{3,8}", v) is not None
        return re.fullmatch(r"\d{10,11}|H\d{8}|[A-Z]{3}\d{9}|10\d{8}V\d{6}", v) is not None
    return False


def consistent(ent, text, s):
    """The span's words say the value (digit and id entities)."""
    v = s["value"]
    form = s.get("form", "")
    if ent in ("PHONE", "SSN", "CARD", "ZIP", "NPI", "MRN", "MBI", "MEMBER_ID"):
        if not s["spoken"] and re.sub(r"[^A-Z0-9]", "", text.upper()) == v.upper().lstrip("+"):
            return True
        if not s["spoken"] and text.startswith("+1") and text[2:] == v:
            return True
        readings = extract_alnum(text)
        if not readings:
            return False
        want = v.upper()
        if want in readings:
            return True
        if ("restart" in form or "correct" in form):
            for said in readings:
                it = iter(said)
                if len(said) > len(want) and said.endswith(want[-1]) and all(ch in it for ch in want):
                    return True
        return False
    if ent in ("NAME",) and form.startswith("spelled"):
        if "as_in" in form:
            said = "".join(re.findall(r"\b([A-Za-z]) as in", text))
        else:
            said = re.sub(r"[^A-Za-z]", "", text)
        return said.upper() == v.replace(" ", "").upper()
    if ent == "NAME":
        t = text.lower()
        return all(p.lower() in t for p in v.split()) or t == v.lower()
    if ent == "CITY":
        return text.lower() == v.lower()
    if ent in ("DOB", "DATE") and not s.get("part"):
        y = v[:4]
        if y in text or y[2:] in text:
            return True
        if ent == "DOB" and ("correct" not in form):
            return (year_words(int(y)) in text.replace("-", " ").lower() or
                    year_words(int(y), " ") in text.lower() or n2w(int(y[2:]), " ") in text.replace("-", " ").lower()
                    or ("oh " + ONES[int(y[3])]) in text.lower())
        return True
    return True


def json_string_ranges(raw):
    """char ranges (inside the quotes) of every JSON string value (not keys)."""
    rngs = []
    i, n = 0, len(raw)
    stack = []
    expect_key = False
    while i < n:
        c = raw[i]
        if c == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            is_key = stack and stack[-1] == "{" and expect_key
            if not is_key:
                rngs.append((i + 1, j))
            i = j + 1
            continue
        if c in "{[":
            stack.append(c)
            expect_key = c == "{"
        elif c in "}]":
            stack.pop()
            expect_key = False
        elif c == ",":
            expect_key = bool(stack) and stack[-1] == "{"
        elif c == ":":
            expect_key = False
        i += 1
    return rngs


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_0-9]+\]|[A-Za-z][A-Za-z0-9_ ]{0,20}:) \S")
ENTITIES = {"SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"}
WHATS = {"dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age", "appointment_date",
         "year", "weight", "height", "lab_value", "vital_sign", "step_count", "confirmation_number", "order_number",
         "emergency_number", "menu_option", "common_word", "claim_number", "reference_number", "extension"}


def check_record(r):
    errs = []
    text = r.get("text", "")
    b = text.encode("utf-8")
    if r.get("format") not in ("transcript", "json"):
        errs.append("bad format")
    if r["format"] == "transcript":
        lines = text.split("\n")
        if not 8 <= len(lines) <= 40:
            errs.append("transcript has %d turns" % len(lines))
        if text.endswith("\n") or any(not ln.strip() for ln in lines):
            errs.append("blank line or trailing newline")
        for ln in lines:
            if not LABEL_RE.match(ln):
                errs.append("line without speaker label: %r" % ln[:60])
    else:
        if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
            errs.append("bad profile")
        try:
            obj = json.loads(text)
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("not compact JSON")
        except ValueError as e:
            errs.append("JSON does not parse: %s" % e)
        strs = json_string_ranges(text)
        # byte ranges of strings
        c2b = []
        acc = 0
        for ch in text:
            c2b.append(acc)
            acc += len(ch.encode("utf-8"))
        c2b.append(acc)
        brs = [(c2b[a], c2b[z]) for a, z in strs]
    occupied = []
    for s in r["spans"]:
        st, en = s["start"], s["end"]
        if not (0 <= st < en <= len(b)):
            errs.append("span out of range %r" % s)
            continue
        try:
            t = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("span splits a character %r" % s)
            continue
        if s["entity"] not in ENTITIES:
            errs.append("bad entity %r" % s)
        if s.get("cue") not in ("same", "prev", "none"):
            errs.append("bad cue %r" % s)
        if not isinstance(s.get("spoken"), bool) or not s.get("form"):
            errs.append("missing spoken/form %r" % s)
        if t != t.strip() or t[:1] in ",.;:" or t[-1:] in ",;:":
            errs.append("span has loose edges %r %r" % (t, s))
        if t.endswith(".") and not (s["entity"] in ("STREET", "EMAIL") or t.endswith("...")):
            errs.append("span ends with a period %r" % t)
        if not valid_value(s["entity"], s.get("value", ""), s):
            errs.append("invalid value %r for %s" % (s.get("value"), s["entity"]))
        elif not consistent(s["entity"], t, s):
            errs.append("span text %r does not say %r (%s)" % (t, s.get("value"), s.get("form")))
        if r["format"] == "json" and not any(a <= st and en <= z for a, z in brs):
            errs.append("span not inside a JSON string %r" % t)
        occupied.append((st, en, "span"))
    for ng in r["negatives"]:
        st, en = ng["start"], ng["end"]
        if not (0 <= st < en <= len(b)):
            errs.append("negative out of range")
            continue
        if ng["what"] not in WHATS:
            errs.append("bad negative kind %r" % ng["what"])
        t = b[st:en].decode("utf-8", "replace")
        if t != t.strip() or not t:
            errs.append("negative has loose edges %r" % t)
        occupied.append((st, en, "neg"))
    occupied.sort()
    for (a1, z1, k1), (a2, z2, k2) in zip(occupied, occupied[1:]):
        if a2 < z1:
            errs.append("overlap %s %d-%d and %s %d-%d" % (k1, a1, z1, k2, a2, z2))
    return errs


# --------------------------------------------------------------------------- stats

def stats(recs):
    out = []
    ec = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fmts = collections.Counter()
    styles = collections.Counter()
    for r in recs:
        fmts[r["format"] + ("/" + r["profile"] if r.get("profile") else "")] += 1
        kinds[r["kind"].split("_", 1)[1] if r["format"] == "json" else r["kind"][5:]] += 1
        styles[r.get("asr", "")] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                ec[(s["entity"], "neutral", "-")] += 1
                continue
            ec[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out.append("records: %d  (%s)" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(fmts.items()))))
    out.append("call types: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("asr styles: " + ", ".join("%s %d" % kv for kv in sorted(styles.items())))
    out.append("")
    out.append("| entity | spoken same | spoken prev | spoken none | written same | written prev | written none | total |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    tot = collections.Counter()
    for e in sorted(ENTITIES):
        row = []
        t = 0
        for sp in ("spoken", "written"):
            for c in ("same", "prev", "none"):
                v = ec[(e, sp, c)]
                row.append(str(v))
                t += v
                tot[(sp, c)] += v
        out.append("| %s | %s | %d |" % (e, " | ".join(row), t))
    out.append("| all | %s | %d |" % (" | ".join(str(tot[(sp, c)]) for sp in ("spoken", "written") for c in ("same", "prev", "none")),
                                     sum(tot.values())))
    neutral = sum(v for k, v in ec.items() if k[1] == "neutral")
    out.append("")
    out.append("neutral spans (organisation lines): %d" % neutral)
    out.append("negatives: %d  (%s)" % (sum(negs.values()), ", ".join("%s %d" % kv for kv in sorted(negs.items()))))
    out.append("distinct forms: %d" % len(forms))
    per = collections.defaultdict(list)
    for (e, f), v in sorted(forms.items()):
        per[e].append("%s %d" % (f, v))
    for e in sorted(per):
        out.append("  %s: %s" % (e, ", ".join(per[e])))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        bad = 0
        ids = set()
        with open(a.check, encoding="utf-8") as f:
            for k, line in enumerate(f, 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                if r["id"] in ids:
                    print("duplicate id %s" % r["id"])
                    bad += 1
                ids.add(r["id"])
                for e in check_record(r):
                    print("%s: %s" % (r["id"], e))
                    bad += 1
                recs.append(r)
        print(stats(recs))
        if bad:
            print("FAILED: %d problems" % bad)
            sys.exit(1)
        print("check OK: %d records" % len(recs))
        return
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
