#!/usr/bin/env python3
"""Independent spoken-PHI holdout 27: telehealth intake / home-health coordination calls.

Voice-agent (AI) and nurse intake calls with elderly patients and caregivers, written the way
Deepgram (smart formatting on / off), Whisper or an LLM (agent side, summaries) write them.
Python 3 standard library only; deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout27.py [--seed S] [--n COUNT] > holdout27.jsonl
  python3 gen_holdout27.py --stats
  python3 gen_holdout27.py --check holdout27.jsonl
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

DEFAULT_SEED = 2727
DEFAULT_N = 150
SM, EM = "\ue000", "\ue001"   # span markers (private use, never escaped by json.dumps)
IDX0 = 0xe100

# --------------------------------------------------------------------------- word tables
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "Apple", "B": "Boy", "C": "Cat", "D": "David", "E": "Edward", "F": "Frank",
        "G": "George", "H": "Henry", "I": "Ida", "J": "John", "K": "King", "L": "Larry",
        "M": "Mary", "N": "Nancy", "O": "Ocean", "P": "Peter", "Q": "Queen", "R": "Robert",
        "S": "Sam", "T": "Tom", "U": "Uncle", "V": "Victor", "W": "William", "X": "X-ray",
        "Y": "Yellow", "Z": "Zebra"}

FIRST_F = ["Dorothy", "Loretta", "Bernice", "Shirley", "Glenda", "Marjorie", "Wanda", "Irene",
           "Rosalie", "Darlene", "Opal", "Hazel", "Lucille", "Georgia", "Nadine", "Trudy",
           "Verna", "Maxine", "Ines", "Yolanda", "Priya", "Mei", "Colleen", "Bonnie"]
FIRST_M = ["Harold", "Earl", "Clarence", "Vernon", "Leroy", "Walter", "Floyd", "Gus", "Milton",
           "Ramon", "Dwayne", "Lyle", "Otis", "Chester", "Rudy", "Arnold", "Hector", "Wendell",
           "Teodoro", "Kenji", "Boyd", "Lonnie", "Virgil", "Elmer"]
LAST = ["Kowalski", "Brannigan", "Okafor", "Delacroix", "Tennant", "Haverford", "Lindqvist",
        "Pruitt", "Szymanski", "Castellano", "Whitlock", "Abernathy", "Nakamura", "Gutierrez",
        "Hollings", "McCready", "Vasquez", "Pettigrew", "Dunleavy", "Rasmussen", "Oyelaran",
        "Birdsong", "Fenwick", "Strickland", "Yoder", "Quintero", "Marchetti", "Lachance"]
DOC_LAST = ["Raghavan", "Feldstein", "Osei", "Moriarty", "Lindgren", "Achebe", "Bouchard",
            "Tanaka", "Whitcombe", "Salgado", "Eriksen", "Harwell"]
STREETS = ["Maple", "Cedar Ridge", "Old Mill", "Pine Hollow", "Willow Bend", "Sycamore",
           "Hickory", "Church", "Orchard", "Prairie View", "Lakeshore", "Depot", "Quarry",
           "Walnut Grove", "Mulberry"]
SUFFIX = [("Street", "St."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Avenue", "Ave."), ("Court", "Ct."), ("Circle", "Cir.")]
CITIES = [("Carbondale", "Illinois", "IL"), ("Harlan", "Kentucky", "KY"),
          ("Bluefield", "West Virginia", "WV"), ("Sedalia", "Missouri", "MO"),
          ("Ottumwa", "Iowa", "IA"), ("Dothan", "Alabama", "AL"), ("Kearney", "Nebraska", "NE"),
          ("Pottsville", "Pennsylvania", "PA"), ("Nacogdoches", "Texas", "TX"),
          ("Lewiston", "Idaho", "ID"), ("Chillicothe", "Ohio", "OH"), ("Hays", "Kansas", "KS"),
          ("Bemidji", "Minnesota", "MN"), ("Yakima", "Washington", "WA")]
ZIP_PREFIX = {"IL": "629", "KY": "408", "WV": "247", "MO": "653", "IA": "525", "AL": "363",
              "NE": "688", "PA": "179", "TX": "759", "ID": "835", "OH": "456", "KS": "676",
              "MN": "566", "WA": "989"}
DOMAINS = ["gmail", "yahoo", "aol", "outlook", "hotmail", "comcast"]
AGENCIES = ["Riverbend Home Health", "Prairie Valley Telehealth", "Hillcrest Home Care",
            "Lakeside Community Nursing", "Bluegrass Home Health Partners"]
HOSPITALS = ["Saint Adalbert Medical Center", "County General", "Mercy Regional",
             "Valley Memorial"]
MEDS = [("metformin", "five hundred milligrams", "500 mg"), ("lisinopril", "ten milligrams", "10 mg"),
        ("furosemide", "forty milligrams", "40 mg"), ("Eliquis", "five milligrams", "5 mg"),
        ("atorvastatin", "twenty milligrams", "20 mg"), ("carvedilol", "six point two five", "6.25 mg"),
        ("levothyroxine", "fifty micrograms", "50 mcg"), ("gabapentin", "three hundred milligrams", "300 mg")]

IDX_WORDS = {w: i for i, w in enumerate(ONES[:10])}


def words_under_100(n):
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else " " + ONES[o])


def num_words(n):
    if n < 100:
        return words_under_100(n)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " " + words_under_100(r))
    th, r = divmod(n, 1000)
    s = words_under_100(th) + " thousand"
    if r:
        s += " " + num_words(r)
    return s


def pair_words(n, oh="oh"):
    """two-digit chunk as a speaker says it: 05 -> 'oh five', 42 -> 'forty two'."""
    if n < 10:
        return oh + " " + ONES[n]
    return words_under_100(n)


def year_words(y):
    a, b = divmod(y, 100)
    if b == 0:
        return words_under_100(a) + " hundred"
    return words_under_100(a) + " " + pair_words(b)


def house_words(n):
    s = str(n)
    if len(s) <= 2:
        return words_under_100(n)
    if len(s) == 3:
        return ONES[int(s[0])] + " " + pair_words(int(s[1:]))
    if len(s) == 4:
        if s[2:] == "00":
            return words_under_100(int(s[:2])) + " hundred"
        return words_under_100(int(s[:2])) + " " + pair_words(int(s[2:]))
    return " ".join(ONES[int(c)] for c in s)


def luhn_ok(num):
    tot = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"^[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]$" % ((MBI_ALPHA,) * 6))


class Gen:
    def __init__(self, seed, carrier_dir):
        self.R = random.Random(seed)
        self.carrier = load_carrier(carrier_dir)

    # ------------------------------------------------------------------ value factories
    def person(self, sex=None):
        R = self.R
        sex = sex or R.choice("FM")
        first = R.choice(FIRST_F if sex == "F" else FIRST_M)
        return {"first": first, "last": R.choice(LAST), "sex": sex}

    def phone(self):
        R = self.R
        area = R.choice(["217", "606", "304", "660", "641", "334", "308", "570", "936", "208",
                         "740", "785", "218", "509", "618", "502"])
        return area + "555" + "01" + "%02d" % R.randint(0, 99)

    def dob(self):
        R = self.R
        y = R.randint(1931, 1962)
        m = R.randint(1, 12)
        d = R.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
        return datetime.date(y, m, d)

    def recent_date(self):
        R = self.R
        return datetime.date(2026, 1, 1) + datetime.timedelta(days=R.randint(0, 330))

    def ssn(self):
        R = self.R
        while True:
            a = R.randint(1, 899)
            if a != 666:
                break
        return "%03d%02d%04d" % (a, R.randint(1, 99), R.randint(1, 9999))

    def npi(self):
        R = self.R
        while True:
            base = R.choice("12") + "".join(R.choice("0123456789") for _ in range(8))
            for c in "0123456789":
                if luhn_ok("80840" + base + c):
                    return base + c

    def mbi(self):
        R = self.R
        an = MBI_ALPHA + "0123456789"
        return (R.choice("123456789") + R.choice(MBI_ALPHA) + R.choice(an) + R.choice("0123456789")
                + R.choice(MBI_ALPHA) + R.choice(an) + R.choice("0123456789") + R.choice(MBI_ALPHA)
                + R.choice(MBI_ALPHA) + R.choice("0123456789") + R.choice("0123456789"))

    def member_id(self):
        R = self.R
        return "".join(R.choice("ABCDEFGHJKLMNPRTWXYZ") for _ in range(3)) + \
            "".join(R.choice("0123456789") for _ in range(9))

    def mrn(self):
        return str(self.R.randint(1000000, 99999999))

    def address(self):
        R = self.R
        city, state, st = R.choice(CITIES)
        z = ZIP_PREFIX[st] + "%02d" % R.randint(1, 99)
        kind = R.choice(["plain", "apt", "apt", "lot", "rr", "unit"])
        a = {"kind": kind, "city": city, "state": state, "st": st, "zip": z}
        if kind == "rr":
            a["rr"] = R.randint(1, 6)
            a["box"] = R.choice([R.randint(10, 99), R.randint(100, 480)])
        else:
            a["num"] = R.choice([R.randint(12, 99), R.randint(100, 999), R.randint(1000, 4999),
                                 R.choice([1200, 2200, 3400, 800 * 1])])
            a["street"] = R.choice(STREETS)
            a["suffix"] = R.choice(SUFFIX)
            if kind == "apt":
                a["unit"] = R.choice([str(R.randint(1, 24)), str(R.randint(1, 4)) + R.choice("ABCD"),
                                      str(R.randint(101, 412))])
            elif kind == "lot":
                a["unit"] = str(R.randint(2, 60))
            elif kind == "unit":
                a["unit"] = str(R.randint(1, 30))
        return a

    def email(self, p):
        R = self.R
        f, l = p["first"].lower(), p["last"].lower()
        style = R.choice(["dot", "initial_num", "nick_num", "plain"])
        if style == "dot":
            local = f + "." + l
        elif style == "initial_num":
            local = f[0] + l + str(R.randint(10, 99))
        elif style == "nick_num":
            local = f[:4] + "." + l[0] + str(R.randint(40, 62))
        else:
            local = f + l[:3]
        return local, R.choice(DOMAINS)


def load_carrier(d):
    """Short doctor-patient exchanges from MTS-Dialog (CC BY 4.0), screened for names/numbers."""
    out = []
    path = os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["section_header"] not in ("GENHX", "ROS", "MEDICATIONS", "CC", "ALLERGY",
                                             "PASTMEDICALHX", "FAM/SOCHX"):
                continue
            dia = row["dialogue"]
            if re.search(r"[0-9]|Dr\b|Mr\b|Mrs\b|Ms\b|Miss\b|[\"\ue000-\uefff]", dia) or re.search(
                    r"\b(sir|ma'am|doctor|husband|wife|married|girlfriend|boyfriend|pregnan\w*|baby|school|college)\b",
                    re.sub(r"(?m)^\s*(Doctor|Patient):", "", dia), re.I):
                continue
            turns = []
            ok = True
            for line in dia.split("\n"):
                line = " ".join(line.split())
                if not line:
                    continue
                m = re.match(r"^(Doctor|Patient|Guest_family|Guest_clinician): (.+)$", line)
                if not m or m.group(1) not in ("Doctor", "Patient"):
                    ok = False
                    break
                body = m.group(2)
                # reject capitalised words that do not start a sentence (names, places, months)
                toks = body.split()
                for i, t in enumerate(toks):
                    w = re.sub(r"[^A-Za-z']", "", t)
                    if w[:1].isupper() and w not in ("I", "I'm", "I've", "I'll", "I'd"):
                        if i == 0 or toks[i - 1][-1:] in ".?!":
                            continue
                        ok = False
                        break
                if not ok:
                    break
                turns.append(("A" if m.group(1) == "Doctor" else "P", body))
            if ok and 2 <= len(turns) <= 6 and turns[0][0] == "A":
                out.append((row["ID"], turns))
    out.sort(key=lambda x: int(x[0]))
    return out


# --------------------------------------------------------------------------- items
def S(t, e, sp, cue, form, val):
    return {"t": t, "e": e, "sp": sp, "cue": cue, "form": form, "val": val}


def N(t, what):
    return {"t": t, "what": what}


def plain(style, s):
    if style == "dg_off":
        s = re.sub(r"[.,?!;:]", "", s.lower())
        s = re.sub(r"\s+", " ", s)
    return s


class Call:
    """One conversation: agent (A), patient (P), maybe caregiver (C)."""

    def __init__(self, g, json_mode):
        R = g.R
        self.g, self.R = g, R
        self.json_mode = json_mode
        self.bot = True if json_mode else R.random() < 0.6
        self.eng = R.choice(["dg_on", "dg_off", "whisper"])
        self.stA = "llm" if self.bot else self.eng
        self.pt = g.person()
        self.cg = g.person() if R.random() < 0.4 else None
        self.cg_rel = R.choice(["daughter", "son", "niece", "husband", "wife", "neighbor"])
        if self.cg and self.cg_rel in ("daughter", "niece", "wife"):
            self.cg["sex"] = "F"
            self.cg["first"] = R.choice(FIRST_F)
        elif self.cg:
            self.cg["sex"] = "M"
            self.cg["first"] = R.choice(FIRST_M)
        if self.cg and self.cg_rel in ("daughter", "son", "husband", "wife") and R.random() < 0.5:
            self.cg["last"] = self.pt["last"]
        self.nurse = g.person("F" if R.random() < 0.8 else "M")
        self.hoh = R.random() < 0.3
        self.agency = R.choice(AGENCIES)
        self.turns = []
        self.facts = {}   # canonical values for summaries
        self.hard_words = R.random() < 0.5

    # who answers the identity questions: patient or caregiver
    def ans(self):
        return "C" if self.cg and self.R.random() < 0.55 else "P"

    def st(self, who):
        return self.stA if who == "A" else self.eng

    def say(self, who, *items):
        st = self.st(who)
        out = []
        for it in items:
            if isinstance(it, str):
                out.append(plain(st, it))
            else:
                out.append(it)
        if self.turns and self.turns[-1][0] == who:
            self.turns[-1][1].append(" ")
            self.turns[-1][1].extend(out)
        else:
            self.turns.append((who, out))

    def more(self, *items):
        st = self.st(self.turns[-1][0])
        self.turns[-1][1].extend(plain(st, it) if isinstance(it, str) else it for it in items)

    def mode(self, who):
        """'w' words or 'd' written digits for a value said by who."""
        st = self.st(who)
        R = self.R
        if st == "dg_off":
            return "w"
        if st == "llm":
            return "d"
        if st == "dg_on":
            return "d" if R.random() < 0.6 else "w"
        return "d" if R.random() < 0.5 else "w"

    def filler(self):
        return self.R.choice(["uh", "um", "uh", "hmm"])


# --------------------------------------------------------------------------- renderers
def digit_word(c, R, zero=None):
    if c == "0":
        return zero or R.choice(["oh", "oh", "zero"])
    return ONES[int(c)]


def digits_spoken(s, R, groups=None, comma=True, fill=None, zero=None, dbl=True):
    """words for a digit string in groups; optional 'double'/'triple' and a filler."""
    groups = groups or [len(s)]
    z = zero or R.choice(["oh", "zero"])
    parts = []
    pos = 0
    form = []
    for gl in groups:
        chunk = s[pos:pos + gl]
        pos += gl
        w = []
        i = 0
        while i < len(chunk):
            c = chunk[i]
            if dbl and i + 2 < len(chunk) + 0 and chunk[i:i + 3] == c * 3 and R.random() < 0.5:
                w.append("triple " + digit_word(c, R, z))
                form.append("triple")
                i += 3
                continue
            if dbl and i + 1 < len(chunk) and chunk[i + 1] == c and R.random() < 0.35:
                w.append("double " + digit_word(c, R, z))
                form.append("double")
                i += 2
                continue
            w.append(digit_word(c, R, z))
            i += 1
        parts.append(" ".join(w))
    sep = ", " if comma else " "
    if fill:
        k = R.randrange(1, len(parts)) if len(parts) > 1 else 0
        if k:
            txt = sep.join(parts[:k]) + (" " if not comma else ", ") + fill + " " + sep.join(parts[k:])
            return txt, "_".join(["digits", z] + sorted(set(form)) + ["filler"])
    return sep.join(parts), "_".join(["digits", z] + sorted(set(form)) + (["comma"] if comma else []))


def r_phone(c, who, v, force=None):
    R = c.R
    m = force or c.mode(who)
    st = c.st(who)
    if m == "d":
        k = R.choice(["paren", "dash", "dash", "dots", "spaced"] if st != "llm" else ["paren", "dash", "spaced_readback"])
        if k == "paren":
            return "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), False, "written_paren_dash"
        if k == "dash":
            return "%s-%s-%s" % (v[:3], v[3:6], v[6:]), False, "written_dash"
        if k == "dots":
            return "%s.%s.%s" % (v[:3], v[3:6], v[6:]), False, "written_dots"
        if k == "spaced":
            return "%s %s %s" % (v[:3], v[3:6], v[6:]), False, "written_space"
        return "%s, %s, %s" % ("-".join(v[:3]), "-".join(v[3:6]), "-".join(v[6:])), False, "readback_hyphen_digits"
    comma = st != "dg_off"
    fill = c.filler() if R.random() < 0.3 else None
    if R.random() < 0.25:
        # last four as two pairs: "oh one, forty two"
        a, f1 = digits_spoken(v[:6], R, [3, 3], comma, fill)
        b = pair_words(int(v[6:8])) + " " + pair_words(int(v[8:]))
        return a + (", " if comma else " ") + b, True, f1 + "_pairs_last4"
    t, f = digits_spoken(v, R, [3, 3, 4], comma, fill)
    return t, True, f


def r_date(c, who, d, kind="dob", force=None):
    R = c.R
    m = force or c.mode(who)
    st = c.st(who)
    mon = MONTHS[d.month - 1]
    if m == "d":
        opts = ["mdy_slash", "month_d_y", "month_th_y", "mdy_nolead"]
        if st == "llm":
            opts += ["month_d_y", "mdy_slash"]
        k = R.choice(opts)
        if kind == "date_noyear":
            k = R.choice(["md_th", "md_plain", "md_slash"])
            if k == "md_th":
                return "%s %d%s" % (mon, d.day, sfx(d.day)), False, "written_month_th"
            if k == "md_plain":
                return "%s %d" % (mon, d.day), False, "written_month_d"
            return "%d/%d" % (d.month, d.day), False, "written_md_slash"
        if k == "mdy_slash":
            return d.strftime("%m/%d/%Y"), False, "written_mdy_slash"
        if k == "month_d_y":
            return "%s %d, %d" % (mon, d.day, d.year), False, "written_month_d_y"
        if k == "month_th_y":
            return "%s %d%s, %d" % (mon, d.day, sfx(d.day), d.year), False, "written_month_th_y"
        return "%d/%d/%d" % (d.month, d.day, d.year), False, "written_mdy_nolead"
    low = (lambda s: s.lower()) if st == "dg_off" else (lambda s: s)
    yw = year_words(d.year) if R.random() < 0.6 else pair_words(d.year % 100)
    k = R.choice(["month_ord", "the_of", "num_md", "num_oh", "month_ord_fill"])
    if kind == "date_noyear":
        k = R.choice(["month_ord_ny", "the_of_ny", "num_ny"])
        if k == "month_ord_ny":
            return low("%s %s" % (mon, ORD[d.day])), True, "month_ordinal_noyear"
        if k == "the_of_ny":
            return low("the %s of %s" % (ORD[d.day], mon)), True, "the_d_of_m_noyear"
        return "%s %s" % (words_under_100(d.month), words_under_100(d.day)), True, "num_md_noyear"
    if k == "month_ord":
        return low("%s %s %s" % (mon, ORD[d.day], yw)), True, "month_ordinal_year_words"
    if k == "month_ord_fill":
        return low("%s %s... %s %s" % (mon, ORD[d.day], c.filler(), yw)), True, "month_ordinal_pause_year"
    if k == "the_of":
        return low("the %s of %s, %s" % (ORD[d.day], mon, yw)).replace(",", "" if st == "dg_off" else ","), True, "the_d_of_m_year"
    if k == "num_md":
        return "%s %s %s" % (words_under_100(d.month), words_under_100(d.day), yw), True, "num_mdy_words"
    return "%s %s %s" % (pair_words(d.month), pair_words(d.day), yw), True, "num_mdy_oh_pairs"


NUMW = set(ONES) | set(TENS[2:]) | set(w for o in ORD for w in o.split()) | {"oh", "double", "triple", "hundred", "thousand"}


def has_num_word(t):
    return any(w in NUMW for w in re.findall(r"[a-z]+", t.lower()))


def sfx(n):
    return "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def r_name(c, who, p, part="full"):
    st = c.st(who)
    s = {"full": p["first"] + " " + p["last"], "first": p["first"], "last": p["last"]}[part]
    if st == "llm" and part == "full" and c.R.random() < 0.15:
        s = p["last"] + ", " + p["first"]
        return s, False, "name_last_comma_first"
    if st == "dg_off":
        return s.lower(), True, "name_%s_lower" % part
    return s, st != "llm", "name_%s" % part


def r_spell(c, who, word):
    R = c.R
    st = c.st(who)
    L = word.upper()
    k = R.choice(["space", "hyphen", "as_in", "nato", "space"]) if st != "dg_off" else R.choice(["space", "as_in", "nato"])
    if k == "hyphen" and st == "llm":
        return "-".join(L), False, "spelled_hyphen"
    if k == "hyphen":
        return "-".join(L), True, "spelled_hyphen"
    if k == "space":
        t = " ".join(L)
        if st == "dg_off":
            t = t.lower()
        if len(L) > 5 and R.random() < 0.4:
            k2 = R.randrange(3, len(L) - 1)
            t = " ".join(t.split()[:k2]) + (", " if st != "dg_off" else " ") + R.choice(["uh", "um"]) + " " + " ".join(t.split()[k2:])
            return t, True, "spelled_space_filler"
        return t, True, "spelled_space" + ("_lower" if st == "dg_off" else "")
    if k == "as_in":
        bits = []
        for i, ch in enumerate(L):
            if i % 2 == 0 or ch in "MNBDPTV":
                bits.append("%s as in %s" % (ch, ASIN[ch]))
            else:
                bits.append(ch)
        t = ", ".join(bits)
        if st == "dg_off":
            t = t.replace(",", "").lower()
        return t, True, "spelled_as_in_comma"
    t = " ".join(NATO[ch] for ch in L)
    if st != "dg_off":
        t = " ".join(w.capitalize() for w in t.split())
    return t, True, "spelled_nato_space"


def r_alnum(c, who, v, groups, kind):
    """MBI / member id / MRN / NPI / SSN / ZIP."""
    R = c.R
    m = c.mode(who)
    st = c.st(who)
    if m == "d":
        if kind == "MBI_PART":
            return v, False, "written_part"
        if kind == "MBI":
            return R.choice([v[:4] + "-" + v[4:7] + "-" + v[7:], v]), False, "written_mbi"
        if kind == "SSN":
            return v[:3] + "-" + v[3:5] + "-" + v[5:], False, "written_ssn_dash"
        if kind == "MEMBER_ID" and R.random() < 0.5:
            return v[:3] + " " + v[3:6] + " " + v[6:9] + " " + v[9:], False, "written_alnum_groups"
        return v, False, "written_compact"
    zero = R.choice(["oh", "zero"])
    out = []
    pos = 0
    form = ["alnum" if re.search("[A-Z]", v) else "digits", zero]
    use_asin = R.random() < 0.3
    for gl in groups:
        chunk = v[pos:pos + gl]
        pos += gl
        w = []
        for ch in chunk:
            if ch.isdigit():
                w.append(digit_word(ch, R, zero))
            elif use_asin and ch in ASIN and R.random() < 0.6:
                w.append("%s as in %s" % (ch, ASIN[ch]))
                form.append("as_in")
            else:
                w.append(ch if st != "dg_off" else ch.lower())
        out.append(" ".join(w))
    sep = ", " if st != "dg_off" else " "
    t = sep.join(out)
    if R.random() < 0.2 and len(out) > 1:
        k = R.randrange(1, len(out))
        t = sep.join(out[:k]) + sep + c.filler() + " " + sep.join(out[k:])
        form.append("filler")
    if st == "dg_off":
        t = t.lower()
    return t, True, "_".join(dict.fromkeys(form))


def r_street(c, who, a, with_unit=True):
    R = c.R
    m = c.mode(who)
    st = c.st(who)
    if a["kind"] == "rr":
        if m == "d":
            return R.choice(["RR %d Box %d", "Rural Route %d, Box %d", "Rural Route %d Box %d"]) % (a["rr"], a["box"]), False, "written_rural_route"
        t = "rural route %s box %s" % (ONES[a["rr"]], house_words(a["box"]))
        if st != "dg_off":
            t = "Rural Route %s, box %s" % (ONES[a["rr"]], house_words(a["box"]))
        return t, True, "rural_route_words"
    full, abbr = a["suffix"]
    unit = a.get("unit")
    ulab = {"apt": R.choice(["apartment", "apt", "unit"]), "lot": "lot", "unit": "unit"}.get(a["kind"], "")
    if m == "d":
        s = "%d %s %s" % (a["num"], a["street"], R.choice([full, abbr]))
        if unit and with_unit:
            s += R.choice([", ", " "]) + {"apartment": "Apt.", "apt": "Apt", "unit": "Unit", "lot": "Lot"}[ulab] + " " + unit
        return s, False, "written_house_street" + ("_unit" if unit and with_unit else "")
    hw = house_words(a["num"]) if R.random() < 0.7 else " ".join(ONES[int(x)] for x in str(a["num"]))
    s = "%s %s %s" % (hw, a["street"], full)
    if unit and with_unit:
        uw = unit_words(unit, R)
        s += (", " if st != "dg_off" and R.random() < 0.5 else " ") + ulab + " " + uw
    if st == "dg_off":
        s = s.lower()
    return s, True, "house_words_street" + ("_unit" if unit and with_unit else "")


def unit_words(unit, R):
    m = re.match(r"^(\d+)([A-D]?)$", unit)
    n = int(m.group(1))
    w = words_under_100(n) if n < 100 else house_words(n)
    if m.group(2):
        w += " " + m.group(2)
    return w


def r_email(c, who, local, dom, force=None):
    R = c.R
    m = force or c.mode(who)
    st = c.st(who)
    if m == "d":
        return "%s@%s.com" % (local, dom), False, "email_written"
    spell = R.random() < 0.5
    parts = []
    for piece in re.findall(r"[a-z]+|[0-9]+|\.", local):
        if piece == ".":
            parts.append("dot")
        elif piece.isdigit():
            parts.append(" ".join(ONES[int(x)] for x in piece) if R.random() < 0.5 else words_under_100(int(piece)))
        elif spell or len(piece) <= 2:
            parts.append(" ".join(piece if st == "dg_off" else piece.upper()))
        else:
            parts.append(piece)
    t = " ".join(parts) + " at " + dom + " dot com"
    return t, True, "email_" + ("spelled" if spell else "words") + "_at_dot"


# --------------------------------------------------------------------------- negatives
def neg_bp(c, who):
    R = c.R
    s, d = R.randint(104, 178), R.randint(58, 98)
    if c.mode(who) == "d":
        return N(R.choice(["%d/%d", "%d over %d"]) % (s, d), "blood_pressure")
    return N("%s over %s" % (house_words(s) if s >= 100 else words_under_100(s), words_under_100(d)), "blood_pressure")


def nv(c, who, n, unit_d="", unit_w=""):
    if c.mode(who) == "d":
        return str(n) + unit_d
    return num_words(n) + unit_w


# --------------------------------------------------------------------------- blocks
def b_open(c):
    R = c.R
    if c.bot:
        c.say("A", R.choice([
            "Hi, this is the virtual intake assistant for %s. This call " % c.agency,
            "Hello! You've reached %s. I'm an automated assistant and I can help with your intake today. Who am I speaking with?" % c.agency,
            "Thanks for calling %s. If this is a medical emergency, hang up and dial " % c.agency]))
        if c.turns[-1][1][-1].endswith("This call "):
            c.more(N("may", "common_word"), " be recorded. Am I speaking with the patient?")
        if c.turns[-1][1][-1].endswith("dial "):
            c.more(N("911", "emergency_number"))
            c.more(". Otherwise, who am I speaking with today?")
    else:
        nt, sp, f = r_name(c, "A", c.nurse, "first")
        c.say("A", R.choice(["Hi, good morning, this is ", "Hello, this is ", "Hi there, my name is "]), S(nt, "NAME", sp, "same", f, nt),
              ", I'm a nurse with %s, calling about the referral we got. Is this a good time?" % c.agency)
    if c.cg:
        nt, sp, f = r_name(c, "C", c.cg, R.choice(["full", "first"]))
        who_pt, sp2, f2 = r_name(c, "C", c.pt, "first")
        rel = {"daughter": "mom", "son": "dad" if c.pt["sex"] == "M" else "mom", "niece": "aunt",
               "husband": "wife", "wife": "husband", "neighbor": "neighbor"}[c.cg_rel]
        c.say("C", R.choice(["Yeah hi, this is ", "Hi, it's ", "Hello? Yes. I'm "]), S(nt, "NAME", sp, "same", f, nt),
              ", I'm the %s. I've got my %s " % (c.cg_rel, rel if c.cg_rel != "neighbor" else "neighbor"),
              S(who_pt, "NAME", sp2, "none", f2, who_pt), " here with me, you're on speaker.")
        c.say("P", R.choice(["Hello?", "Hi honey. Can they hear me?", "I'm here."]))
    else:
        c.say("P", R.choice(["Yes, this is her.", "Yeah, that's me.", "Hello? Yes.", "Speaking.", "Yes, it's fine."]))


def b_name(c):
    R = c.R
    who = c.ans()
    c.say("A", R.choice(["Can I get the patient's full name, please?", "What is the patient's first and last name?",
                         "And who is the patient I'll be making the chart for?", "Could you tell me your full name?"]))
    nt, sp, f = r_name(c, who, c.pt, "full")
    if R.random() < 0.5:
        c.say(who, S(nt, "NAME", sp, "prev", f, nt))
    else:
        c.say(who, R.choice(["Her name is ", "It's ", "The name is ", "Uh, it's "]) if who == "C" or R.random() < 0.6 else "Yeah it's ",
              S(nt, "NAME", sp, "same", f, nt), ".")
    if c.hoh and who == "P":
        c.say("A", "Sorry, could you say that one more time?")
        nt2, sp2, f2 = r_name(c, "P", c.pt, "last")
        c.say("P", R.choice(["", "What? Oh. "]), S(nt2, "NAME", sp2, "prev", f2, nt2), R.choice(["!", ". I said it twice."]))
    c.say("A", R.choice(["And how do you spell the last name?", "Could you spell the last name for me?",
                         "Can you spell that last name so I get it right?"]))
    st, sp, f = r_spell(c, who, c.pt["last"])
    c.say(who, R.choice(["", "Sure. ", "Okay, ", "It's "]), S(st, "NAME", sp, "prev", f, c.pt["last"]), ".")
    rb, sp, f = r_name(c, "A", c.pt, "first")
    if R.random() < 0.6:
        c.say("A", R.choice(["Thank you, ", "Got it, thanks ", "Perfect, "]), S(rb, "NAME", sp, "prev", f, rb), ".")


def b_dob(c):
    R = c.R
    who = c.ans()
    d = c.pt.get("dob") or c.g.dob()
    c.pt["dob"] = d
    c.say("A", R.choice(["And what's the date of birth?", "Can you verify the patient's date of birth?",
                         "What's your birthday, including the year?", "When was she born?" if c.pt["sex"] == "F" else "When was he born?"]))
    if R.random() < 0.25 and c.st(who) != "llm":
        # given in two pieces
        mon = MONTHS[d.month - 1]
        part1 = "%s %s" % (mon, ORD[d.day]) if c.mode(who) == "w" else "%s %d%s" % (mon, d.day, sfx(d.day))
        if c.st(who) == "dg_off":
            part1 = part1.lower()
        c.say(who, R.choice(["It's ", "", "Um, "]), S(part1, "DOB", has_num_word(part1), "prev", "month_day_part", d.isoformat()), ".")
        c.say("A", R.choice(["And the year?", "What year?", "Okay, and which year?"]))
        yt = year_words(d.year) if c.st(who) in ("dg_off",) or R.random() < 0.5 else str(d.year)
        c.say(who, S(yt, "DOB", not yt.isdigit(), "prev", "year_only_full", d.isoformat()), R.choice([".", ", I'm old!", ". Write that down."]))
    else:
        t, sp, f = r_date(c, who, d)
        cue = "prev"
        pre = ""
        if R.random() < 0.4:
            pre = R.choice(["Her birthday is ", "Birthday's ", "Date of birth ", "She was born "] if who == "C" else
                           ["My birthday is ", "Birthday's ", "Date of birth ", "I was born "])
            cue = "same"
        c.say(who, pre, S(t, "DOB", sp, cue, f, d.isoformat()), R.choice([".", "", ". That makes me ", "."]))
        if c.turns[-1][1][-1].endswith("makes me "):
            age = 2026 - d.year - 1
            c.more(N(nv(c, who, age), "age"))
            c.more(".")
    if R.random() < 0.6:
        t, sp, f = r_date(c, "A", d, force="d" if c.bot else None)
        c.say("A", R.choice(["I have ", "Just to confirm, that's ", "Okay, "]), S(t, "DOB", sp, "prev", f, d.isoformat()),
              R.choice([", correct?", ". Is that right?", "."]))
        c.say(who, R.choice(["Correct.", "Yes.", "That's right.", "Yep."]))


def b_phone(c):
    R = c.R
    who = c.ans()
    v = c.g.phone()
    c.facts["phone"] = v
    c.say("A", R.choice(["What's the best phone number to reach you?", "And a good callback number?",
                         "What number should the nurse call before the visit?", "Is there a phone number where we can reach the patient?"]))
    style = R.random()
    if style < 0.3 and c.st(who) != "llm":
        # slow chunks across turns, agent acknowledges in between
        a, b, d = v[:3], v[3:6], v[6:]
        w = c.mode(who) == "w"
        def ch(x):
            return digits_spoken(x, R, [len(x)], False, dbl=False)[0] if w else x
        c.say(who, R.choice(["Okay, it's ", "Area code ", "Let me see. "]), S(ch(a), "PHONE", w, "prev", "chunk_area", v))
        c.say("A", R.choice(["Okay.", "Mm-hmm.", "Go ahead.", "Got it."]))
        c.say(who, S(ch(b), "PHONE", w, "prev", "chunk_exchange", v))
        c.say("A", R.choice(["Okay.", "Yes?", "Mm-hmm."]))
        c.say(who, S(ch(d), "PHONE", w, "prev", "chunk_line", v), ".")
    else:
        t, sp, f = r_phone(c, who, v)
        pre = R.choice(["", "It's ", "My cell is ", "Her home phone is " if who == "C" else "My home phone is ", "You can call "])
        cue = "same" if ("cell" in pre or "phone" in pre) else "prev"
        c.say(who, pre, S(t, "PHONE", sp, cue, f, v), R.choice([".", "", ", that's the house phone.", ". She doesn't text."]))
    if R.random() < 0.7:
        if R.random() < 0.3:
            # read-back with a wrong last four, then a correction
            wrong = v[:8] + v[9] + v[8] if v[8] != v[9] else v[:6] + "01" + "%02d" % ((int(v[8:]) + 7) % 100)
            t, sp, f = r_phone(c, "A", wrong, force="d" if c.bot else "w")
            c.say("A", "I heard ", S(t, "PHONE", sp, "prev", f, wrong), ". Is that right?")
            last = v[6:]
            lt = digits_spoken(last, R, [4], False, dbl=False)[0] if c.mode(who) == "w" else last
            c.say(who, R.choice(["No, no. The end is ", "No, it's ", "Not quite, last four is "]), S(lt, "PHONE", has_num_word(lt), "same", "last4_correction", v), ".")
            c.say("A", "Thank you for correcting me.")
        else:
            t, sp, f = r_phone(c, "A", v, force="d" if c.bot else None)
            c.say("A", R.choice(["I heard ", "Let me read that back: ", "So that's "]), S(t, "PHONE", sp, "prev", f, v), R.choice([", is that right?", "?", ". Correct?"]))
            c.say(who, R.choice(["That's it.", "Yes ma'am.", "Yes.", "Uh-huh."]))


def b_address(c):
    R = c.R
    who = c.ans()
    a = c.g.address()
    c.facts["addr"] = a
    c.say("A", R.choice(["What address will the nurse be visiting?", "Can I get the home address?",
                         "And where does the patient live, the street address?", "What's the mailing address on file?"]))
    split_unit = a.get("unit") and R.random() < 0.3
    t, sp, f = r_street(c, who, a, with_unit=not split_unit)
    pre = R.choice(["", "It's ", "She lives at " if who == "C" else "I live at ", "We're at ", "Uh, "])
    c.say(who, pre, S(t, "STREET", sp, "same" if "at " in pre else "prev", f, street_val(a)), "." if R.random() < 0.5 else "")
    if split_unit:
        c.say("A", "Is there an apartment or lot number?")
        uw = unit_words(a["unit"], R) if c.mode(who) == "w" else a["unit"]
        c.say(who, R.choice(["Yes, ", "Oh yeah, "]), S({"apt": "apartment ", "lot": "lot ", "unit": "unit "}[a["kind"]] + uw, "STREET", has_num_word(uw), "prev", "unit_only", street_val(a)),
              ". " + R.choice(["Third floor, no elevator.", "It's the blue trailer in the back.", "Around the side."]))
    c.say("A", R.choice(["And the city and zip?", "What city is that in, and the zip code?", "City and zip code please."]))
    ct = a["city"].lower() if c.st(who) == "dg_off" else a["city"]
    z = a["zip"]
    zt, zsp, zf = r_alnum(c, who, z, [5], "ZIP")
    c.say(who, S(ct, "CITY", c.st(who) != "llm", "prev", "city", a["city"]), plain(c.st(who), ", %s, " % a["state"]),
          S(zt, "ZIP", zsp, "prev", "zip_" + zf, z), ".")
    if c.hoh and who == "P":
        c.say("A", "Sorry, I didn't catch the zip code.")
        zt, zsp, zf = r_alnum(c, who, z, [5], "ZIP")
        c.say("P", R.choice(["The zip? ", "Zip code is "]), S(zt, "ZIP", zsp, "same", "zip_" + zf, z), ".")
    if R.random() < 0.4:
        t, sp, f = r_street(c, "A", a)
        c.say("A", "Okay, I have ", S(t, "STREET", sp, "prev", f, street_val(a)), " in ",
              S(a["city"] if c.st("A") != "dg_off" else a["city"].lower(), "CITY", c.st("A") != "llm", "prev", "city", a["city"]), ".")
        c.say(who, R.choice(["That's right.", "Yes.", "Mm-hmm. There's a dog, tell the nurse."]))


def street_val(a):
    if a["kind"] == "rr":
        return "RR %d Box %d" % (a["rr"], a["box"])
    return "%d %s %s%s" % (a["num"], a["street"], a["suffix"][0], (" #" + a["unit"]) if a.get("unit") else "")


def b_email(c):
    R = c.R
    who = c.ans()
    p = c.cg if who == "C" else c.pt
    local, dom = c.g.email(p)
    c.facts["email"] = local + "@" + dom + ".com"
    c.say("A", R.choice(["For the video visit link, what email should we send it to?", "Do you have an email address for the portal?",
                         "What's a good e-mail for the telehealth invite?"]))
    t, sp, f = r_email(c, who, local, dom)
    pre = R.choice(["", "It's ", "My email is ", "Send it to me, ", "Use mine, "])
    c.say(who, pre, S(t, "EMAIL", sp, "same" if "email" in pre else "prev", f, c.facts["email"]), R.choice([".", "", ". She doesn't check hers."]))
    if R.random() < 0.6:
        t, sp, f = r_email(c, "A", local, dom, force="d" if c.bot else None)
        c.say("A", R.choice(["Just to confirm, ", "I have "]), S(t, "EMAIL", sp, "prev", f, c.facts["email"]), R.choice(["?", ". Is that correct?"]))
        c.say(who, R.choice(["Yes.", "Yep, that's it.", "Correct."]))


def b_mbi(c):
    R = c.R
    who = c.ans()
    v = c.g.mbi()
    c.facts["mbi"] = v
    c.say("A", R.choice(["Do you have your Medicare card handy? I'll need the Medicare number.",
                         "Can you read me the Medicare Beneficiary Identifier from the red, white and blue card?",
                         "What's the Medicare ID on the card?"]))
    c.say(who, R.choice(["Hold on, let me get my purse.", "Okay, hang on... I've got it.", "Let me find it. Okay."]))
    if R.random() < 0.35 and c.st(who) != "llm":
        parts = [v[:4], v[4:7], v[7:]]
        for i, pv in enumerate(parts):
            t, sp, f = r_alnum(c, who, pv, [len(pv)], "MBI_PART")
            c.say(who, "" if i else R.choice(["It's ", "Okay, "]), S(t, "MBI", sp, "prev", "chunk_" + f, v), "...")
            if i < 2:
                c.say("A", R.choice(["Okay.", "Got it, go on.", "Mm-hmm."]))
    else:
        t, sp, f = r_alnum(c, who, v, [4, 3, 4], "MBI")
        c.say(who, R.choice(["", "It says ", "Medicare number is "]), S(t, "MBI", sp, "prev", f, v), ".")
    if R.random() < 0.6:
        t, sp, f = (v[:4] + "-" + v[4:7] + "-" + v[7:], False, "readback_written") if c.bot else r_alnum(c, "A", v, [4, 3, 4], "MBI")
        c.say("A", "Let me read that back. ", S(t, "MBI", sp, "prev", f, v), ". Correct?")
        c.say(who, R.choice(["Yes.", "That's what it says.", "I think so, yes."]))


def b_member(c):
    R = c.R
    who = c.ans()
    v = c.g.member_id()
    c.facts["member"] = v
    c.say("A", R.choice(["Is there a secondary insurance? If so, the member ID please.", "And your supplement plan member ID?"]))
    t, sp, f = r_alnum(c, who, v, [3, 3, 3, 3], "MEMBER_ID")
    pre = R.choice(["The member ID is ", "Yeah, it's ", "It's the supplement card, "])
    c.say(who, pre, S(t, "MEMBER_ID", sp, "same" if "ID" in pre else "prev", f, v), ".")


def b_ssn(c):
    R = c.R
    who = c.ans()
    v = c.g.ssn()
    if R.random() < 0.5:
        c.say("A", "For identity verification, can I have the last four of the Social Security number?")
        t = digits_spoken(v[5:], R, [4], False, dbl=False)[0] if c.mode(who) == "w" else v[5:]
        c.say(who, S(t, "SSN", not t.isdigit(), "prev", "last4_" + ("words" if not t.isdigit() else "digits"), "last4:" + v[5:]), ".")
    else:
        c.say("A", "The home health enrollment form asks for the Social Security number. Do you have it?")
        t, sp, f = r_alnum(c, who, v, [3, 2, 4], "SSN")
        c.say(who, R.choice(["Her social is ", "Yeah, it's ", "Social is "]), S(t, "SSN", sp, "same", f, v), ".")


def b_referral(c):
    R = c.R
    who = "C" if c.cg else "P"
    doc = {"first": R.choice(FIRST_F + FIRST_M), "last": R.choice(DOC_LAST)}
    npi = c.g.npi()
    disc = c.g.recent_date()
    mrn = c.g.mrn()
    c.facts.update({"doc": doc, "npi": npi, "disc": disc, "mrn": mrn})
    c.say("A", R.choice(["Who is the referring doctor?", "Which physician signed the home health order?",
                         "Do you have the discharge paperwork there? I need the referring provider."]))
    nt, sp, f = r_name(c, who, doc, R.choice(["last", "full"]))
    c.say(who, R.choice(["It's Doctor ", "Dr. ", "Says here Doctor "]) if c.st(who) != "dg_off" else "it's doctor ",
          S(nt, "NAME", sp, "same", f, nt), R.choice([" at %s." % R.choice(HOSPITALS), ", the cardiologist.", "."]))
    if R.random() < 0.7:
        c.say("A", "Is there an NPI number on that page?")
        t, sp, f = r_alnum(c, who, npi, [3, 3, 4] if R.random() < 0.5 else [10], "NPI")
        c.say(who, R.choice(["Um, NPI ", "The NPI is ", "Yeah, "]), S(t, "NPI", sp, "same", f, npi), ".")
    c.say("A", "And when was the discharge?")
    t, sp, f = r_date(c, who, disc, kind=R.choice(["date", "date_noyear"]))
    c.say(who, R.choice(["They sent her home ", "Discharged on ", "", "It was "]), S(t, "DATE", sp, "prev", "discharge_" + f, disc.isoformat()),
          R.choice([".", ", after ", ". She was in for "]))
    if c.turns[-1][1][-1].endswith(("after ", "for ")):
        c.more(N(nv(c, who, R.randint(3, 9)) + " days", "duration"))
        c.more(".")
    if R.random() < 0.6:
        c.say("A", "Is there a medical record number on the paperwork?")
        t, sp, f = r_alnum(c, who, mrn, [len(mrn)], "MRN")
        c.say(who, R.choice(["M R N ", "Medical record number ", "Yeah, it says MRN "]), S(t, "MRN", sp, "same", f, mrn), ".")


def b_vitals(c):
    R = c.R
    who = "P" if R.random() < 0.6 or not c.cg else "C"
    c.say("A", R.choice(["Have you checked your blood pressure today?", "Do you have this morning's readings?"]))
    c.say(who, R.choice(["Yeah, it was ", "This morning it was ", "The cuff said "]), neg_bp(c, who),
          R.choice([", and my pulse was ", ", heart rate "]), N(nv(c, who, R.randint(58, 104)), "vital_sign"), ".")
    c.say("A", R.choice(["And your oxygen?", "What's the oxygen saturation on the finger monitor?"]))
    o2 = R.randint(88, 99)
    c.say(who, N(("%d%%" % o2) if c.mode(who) == "d" else words_under_100(o2) + " percent", "vital_sign"), R.choice([".", ", on two liters.", ""]))
    if R.random() < 0.7:
        c.say("A", "And your blood sugar?")
        g = R.randint(88, 290)
        c.say(who, "Fasting was ", N(nv(c, who, g), "lab_value"), R.choice([". I took ", ", so I did "]),
              N(nv(c, who, R.randint(4, 30)) + " units", "dose"), " of Lantus at ", N(R.choice(["7:30", "8"]) if c.mode(who) == "d" else R.choice(["seven thirty", "eight o'clock"]), "time"), ".")
    if R.random() < 0.5:
        c.say("A", "What did you weigh this morning?")
        w = R.randint(104, 268)
        c.say(who, N(nv(c, who, w, " pounds", " pounds"), "weight"), R.choice([". Up ", ", that's up "]),
              N(nv(c, who, R.randint(2, 6)) + " pounds", "weight"), " in ", N(nv(c, who, R.randint(2, 5)) + " days", "duration"), ".")


def b_meds(c):
    R = c.R
    who = "P" if not c.cg else R.choice("PC")
    med, dw, dd = R.choice(MEDS)
    c.say("A", R.choice(["Let's go over medications. What are you taking?", "Are you still taking your water pill?",
                         "Do you have enough of your medications?"]))
    c.say(who, "I take the %s, " % med, N(dw if c.mode(who) == "w" else dd, "dose"), R.choice([" twice a day", " in the morning", " at night"]),
          ". I've got ", N(nv(c, who, R.randint(3, 60)) + " pills", "count"), " left.")
    if R.random() < 0.5:
        c.say("A", "When do you usually take it?")
        c.say(who, "Around ", N(R.choice(["9 a.m.", "8:30", "6 p.m."]) if c.mode(who) == "d" else R.choice(["nine in the morning", "eight thirty", "six at night"]), "time"),
              ". I ", N("may", "common_word"), " have missed one on Sunday.")


def b_activity(c):
    R = c.R
    who = "P"
    c.say("A", R.choice(["How far are you walking these days?", "Are you using the step counter they gave you?"]))
    n = R.choice([900, 1200, 2000, 3500, 4200])
    c.say(who, "It says ", N(("{:,}".format(n) if c.mode(who) == "d" else num_words(n)) + " steps", "step_count"),
          " yesterday. I walk for about ", N(nv(c, who, R.choice([10, 15, 20, 30])) + " minutes", "duration"), ".")
    c.say("A", "That's good. And how old are you now?")
    c.say(who, R.choice(["I'm ", "I'll be ", ""]), N(nv(c, who, R.randint(66, 89)), "age"), R.choice([".", " in the spring."]))


def b_carrier(c):
    R = c.R
    if not c.g.carrier:
        c.say("A", "How have you been feeling since you got home?")
        c.say("P", "Tired. Short of breath on the stairs.")
        return
    cid, turns = R.choice(c.g.carrier)
    c.carrier_ids.append(cid)
    for who, body in turns:
        c.say(who, body)


def b_close(c):
    R = c.R
    d = datetime.date(2026, 12, 3) + datetime.timedelta(days=R.randint(1, 20))
    if c.mode("A") == "d":
        ad = "%s, %s %d" % (d.strftime("%A"), MONTHS[d.month - 1], d.day)
    else:
        ad = "%s the %s" % (d.strftime("%A"), ORD[d.day])
        ad = plain(c.stA, ad)
    c.say("A", "Your first nurse visit is ", N(ad, "appointment_date"), " between ",
          N("10 and 12" if c.mode("A") == "d" else "ten and twelve", "time"), ". Your confirmation number is ",
          N(" ".join(str(R.randint(0, 9)) for _ in range(5)) if c.bot else "%d" % R.randint(30000, 99999), "confirmation_number"), ".")
    k = R.random()
    if k < 0.3:
        c.say(c.ans(), "Okay. ", N("Will", "common_word"), " she bring the blood pressure cuff?")
    elif k < 0.5:
        c.say(c.ans(), "Okay, I ", N("hope", "common_word"), " she can come in the morning.")
    else:
        c.say(c.ans(), R.choice(["Thank you so much.", "Okay, what time again?", "Alright."]))
    c.say("A", R.choice(["If you have chest pain or trouble breathing, call ", "If anything gets worse before then, call "]),
          N("911" if c.mode("A") == "d" else "nine one one", "emergency_number"), R.choice([". To reach the on-call nurse, call back and press ", ". Take care."]))
    if c.turns[-1][1][-1].endswith("press "):
        c.more(N("2" if c.mode("A") == "d" else "two", "menu_option"))
        c.more(".")
    c.say(c.ans(), R.choice(["Bye now.", "Thank you, bye.", "Okay. Bye bye."]))


# --------------------------------------------------------------------------- assembly
OPTIONAL = [b_phone, b_address, b_email, b_mbi, b_member, b_ssn, b_referral, b_vitals, b_meds, b_activity]
WEIGHTS = [10, 9, 6, 7, 3, 3, 6, 8, 6, 4]


def build_call(g, json_mode):
    R = g.R
    for _ in range(30):
        state = R.random()
        c = Call(g, json_mode)
        c.carrier_ids = []
        blocks = [b_open, b_name, b_dob]
        k = R.randint(3, 5)
        chosen = []
        while len(chosen) < k:
            b = R.choices(OPTIONAL, WEIGHTS)[0]
            if b not in chosen:
                chosen.append(b)
        if b_referral in chosen and not c.cg and R.random() < 0.5:
            chosen.remove(b_referral)
        mid = R.randrange(len(chosen) + 1)
        chosen.insert(mid, b_carrier)
        for b in blocks + chosen + [b_close]:
            b(c)
        if 8 <= len(c.turns) <= 40:
            return c
    raise RuntimeError("could not fit a call into 40 turns")


def join_items(items, reg):
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
        else:
            reg.append(it)
            out.append(SM + chr(IDX0 + len(reg) - 1) + it["t"] + EM)
    s = "".join(out)
    return s


def extract(marked, reg, use_idx=True):
    """Remove markers; return text, spans and negatives with byte offsets."""
    out = []
    nbytes = 0
    spans, negs = [], []
    stack = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == SM:
            stack.append((nbytes, ord(marked[i + 1]) - IDX0))
            i += 2
            continue
        if ch == EM:
            start, k = stack.pop()
            info = reg[k]
            if "e" in info:
                spans.append({"start": start, "end": nbytes, "entity": info["e"], "spoken": info["sp"],
                              "cue": info["cue"], "form": info["form"], "value": info["val"]})
            else:
                negs.append({"start": start, "end": nbytes, "what": info["what"]})
            i += 1
            continue
        out.append(ch)
        nbytes += len(ch.encode("utf-8"))
        i += 1
    return "".join(out), spans, negs


def labels_for(c, R):
    if c.bot:
        a = R.choice(["assistant", "AI", "bot", "Agent", "AI Agent"])
    else:
        a = R.choice(["Nurse", "RN", "Speaker 0", "Intake Nurse"])
    if a.startswith("Speaker"):
        p, cg = "Speaker 1", "Speaker 2"
    else:
        p = R.choice(["Patient", "Caller", "user", "PATIENT", "Customer"])
        cg = R.choice(["Caregiver", c.cg_rel.capitalize(), "Family"])
        if p == "PATIENT":
            a, cg = a.upper(), cg.upper()
    return {"A": a, "P": p, "C": cg}


def clean_ws(s):
    return re.sub(r" +", " ", s).strip()


def render_transcript(c, reg):
    R = c.R
    lab = labels_for(c, R)
    ts = R.random() < 0.4
    t = R.randint(0, 4)
    lines = []
    for who, items in c.turns:
        body = clean_ws(join_items(items, reg))
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += R.randint(2, 14)
        sep = R.choice([": "]) if not lab[who].startswith("Speaker") else ": "
        lines.append(pre + lab[who] + sep + body)
    return "\n".join(lines)


def uid(R):
    h = "".join(R.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def summary_parts(c, R):
    """LLM-written summary (string with markers) and structured data (dict with marked strings)."""
    f = c.facts
    pt = c.pt
    reg_items = []
    name = pt["first"] + " " + pt["last"]
    nm = S(name, "NAME", False, "none", "name_full_summary", name)
    sd = {}
    bits = ["Intake call for ", nm]
    sd["patientName"] = [S(name, "NAME", False, "same", "name_full_structured", name)]
    if "dob" in pt:
        d = pt["dob"]
        bits += [" (DOB ", S(d.strftime("%m/%d/%Y"), "DOB", False, "same", "written_mdy_slash", d.isoformat()), ")"]
        sd["dateOfBirth"] = [S(d.isoformat(), "DOB", False, "same", "written_iso", d.isoformat())]
    if c.cg:
        cn = c.cg["first"] + " " + c.cg["last"]
        bits += [", with %s " % c.cg_rel, S(cn, "NAME", False, "none", "name_full_summary", cn), " on the line"]
        sd["caregiverName"] = [S(cn, "NAME", False, "same", "name_full_structured", cn)]
    bits.append(". ")
    if "phone" in f:
        v = f["phone"]
        k = R.choice(["paren", "e164", "dash"])
        t = {"paren": "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "e164": "+1" + v, "dash": "%s-%s-%s" % (v[:3], v[3:6], v[6:])}[k]
        bits += ["Callback number ", S(t, "PHONE", False, "same", "written_" + k, v), ". "]
        sd["callbackNumber"] = [S("+1" + v, "PHONE", False, "same", "written_e164", v)]
    if "addr" in f:
        a = f["addr"]
        if a["kind"] == "rr":
            st = "RR %d Box %d" % (a["rr"], a["box"])
        else:
            st = "%d %s %s" % (a["num"], a["street"], a["suffix"][1])
            if a.get("unit"):
                st += {"apt": " Apt ", "lot": " Lot ", "unit": " Unit "}[a["kind"]] + a["unit"]
        bits += ["Visit address ", S(st, "STREET", False, "same", "written_summary", street_val(a)), ", ",
                 S(a["city"], "CITY", False, "same", "city_written", a["city"]), ", %s " % a["st"],
                 S(a["zip"], "ZIP", False, "same", "written_compact", a["zip"]), ". "]
        sd["address"] = [S(st, "STREET", False, "same", "written_structured", street_val(a))]
        sd["city"] = [S(a["city"], "CITY", False, "same", "city_written", a["city"])]
        sd["state"] = a["st"]
        sd["zip"] = [S(a["zip"], "ZIP", False, "same", "written_compact", a["zip"])]
    if "email" in f:
        bits += ["Telehealth link to ", S(f["email"], "EMAIL", False, "same", "email_written", f["email"]), ". "]
        sd["email"] = [S(f["email"], "EMAIL", False, "same", "email_written", f["email"])]
    if "mbi" in f:
        bits += ["Medicare MBI ", S(f["mbi"], "MBI", False, "same", "written_compact", f["mbi"]), ". "]
        sd["medicareId"] = [S(f["mbi"], "MBI", False, "same", "written_compact", f["mbi"])]
    if "member" in f:
        sd["secondaryMemberId"] = [S(f["member"], "MEMBER_ID", False, "same", "written_compact", f["member"])]
    if "doc" in f:
        dn = f["doc"]["last"]
        bits += ["Referred by Dr. ", S(dn, "NAME", False, "same", "name_last_summary", dn)]
        sd["referringProvider"] = ["Dr. ", S(dn, "NAME", False, "same", "name_last_structured", dn)]
        if "npi" in f:
            sd["referringNpi"] = [S(f["npi"], "NPI", False, "same", "written_compact", f["npi"])]
        bits += [", discharged ", S(f["disc"].strftime("%m/%d/%Y"), "DATE", False, "same", "written_mdy_slash", f["disc"].isoformat()), ". "]
        sd["dischargeDate"] = [S(f["disc"].isoformat(), "DATE", False, "same", "written_iso", f["disc"].isoformat())]
    bits += ["First skilled nursing visit scheduled; patient aware to call ", N("911", "emergency_number"), " for chest pain."]
    return bits, sd


def mk(items, reg):
    if isinstance(items, list):
        return clean_ws(join_items(items, reg))
    return items


def render_json(c, reg, profile):
    R = c.R
    bits, sd = summary_parts(c, R)
    t0 = 1796000000000 + R.randint(0, 20000000000)
    turns = [(who, mk(items, reg)) for who, items in c.turns]
    system = ("You are a friendly intake assistant for %s. Collect the patient's name, date of birth, "
              "callback number, address and insurance. Never give medical advice." % c.agency)
    caller = c.g.phone()
    if profile == "vapi":
        msgs = [{"role": "system", "message": system, "time": t0, "secondsFromStart": 0}]
        sec = 0.0
        for who, txt in turns:
            d = round(R.uniform(1.5, 9.0), 2)
            msgs.append({"role": "bot" if who == "A" else "user", "message": txt, "time": t0 + int(sec * 1000),
                         "endTime": t0 + int((sec + d) * 1000), "secondsFromStart": round(sec, 2), "duration": int(d * 1000)})
            sec += d + R.uniform(0.2, 1.5)
        tr = "\n".join(("AI: " if who == "A" else "User: ") + txt for who, txt in turns)
        summ = mk(bits, reg)
        sdm = {k: mk(v, reg) for k, v in sd.items()}
        m = {"timestamp": t0 + int(sec * 1000) + 900, "type": "end-of-call-report",
             "endedReason": R.choice(["customer-ended-call", "assistant-ended-call"]),
             "call": {"id": uid(R), "orgId": uid(R), "type": "inboundPhoneCall",
                      "customer": {"number": mk([S("+1" + caller, "PHONE", False, "none", "written_e164_metadata", caller)], reg)}},
             "recordingUrl": "https://storage.vapi.ai/%s-1796%d-mono.wav" % (uid(R), R.randint(100000, 999999)),
             "summary": summ, "transcript": tr, "messages": msgs,
             "analysis": {"summary": mk(bits, reg), "structuredData": sdm, "successEvaluation": "true"},
             "durationSeconds": round(sec, 1), "cost": round(R.uniform(0.08, 0.9), 4)}
        return {"message": m}
    if profile == "signalwire":
        log = [{"role": "system", "content": system}]
        for who, txt in turns:
            e = {"role": "assistant" if who == "A" else "user", "content": txt}
            if who != "A":
                e["confidence"] = round(R.uniform(0.62, 0.99), 3)
            log.append(e)
        if R.random() < 0.5:
            raw = mk(bits, reg)
            ppd = {"raw": raw, "substituted": mk(bits, reg), "parsed": []}
        else:
            sdm = {k: mk(v, reg) for k, v in sd.items()}
            raw = json.dumps(sdm, ensure_ascii=False)
            ppd = {"raw": raw, "substituted": "", "parsed": [{k: mk(v, reg) for k, v in sd.items()}]}
        return {"app_name": "homehealth_intake", "action": "post_prompt", "version": "2.0",
                "ai_session_id": uid(R), "call_id": uid(R), "project_id": uid(R), "space_id": uid(R),
                "conversation_id": uid(R), "content_type": "text/swaig", "content_disposition": "post_prompt",
                "call_start_date": t0 * 1000, "call_end_date": (t0 + 240000) * 1000,
                "caller_id_name": "WIRELESS CALLER", "caller_id_num": mk([S("+1" + caller, "PHONE", False, "none", "written_e164_metadata", caller)], reg),
                "call_log": log, "post_prompt_data": ppd,
                "SWMLVars": {"agency": c.agency, "queue": "intake"}, "total_input_tokens": R.randint(3000, 12000)}
    msgs = [{"role": "system", "content": system}]
    for who, txt in turns:
        msgs.append({"role": "assistant" if who == "A" else "user", "content": txt})
    if R.random() < 0.5:
        msgs.append({"role": "assistant", "content": "Call summary: " + mk(bits, reg)})
    return msgs


def make_record(g, i, json_mode, profile):
    c = build_call(g, json_mode)
    reg = []
    if json_mode:
        payload = render_json(c, reg, profile)
        marked = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        kind = {"vapi": "vapi_end_of_call_report", "signalwire": "signalwire_post_prompt", "messages": "plain_message_array"}[profile]
    else:
        marked = render_transcript(c, reg)
        kind = ("voice_agent_" if c.bot else "nurse_") + {"dg_on": "deepgram_smart_on", "dg_off": "deepgram_smart_off", "whisper": "whisper"}[c.eng]
    text, spans, negs = extract(marked, reg)
    rec = {"id": "h27-%04d" % i, "format": "json" if json_mode else "transcript"}
    if json_mode and profile in ("vapi", "signalwire"):
        rec["profile"] = profile
    rec.update({"kind": kind, "engine": c.eng, "text": text, "spans": spans, "negatives": negs})
    if c.carrier_ids:
        rec["carrier"] = ["mts-dialog/MTS-Dialog-TrainingSet.csv#ID=%s" % x for x in c.carrier_ids]
    return rec


def generate(seed, n, carrier_dir):
    g = Gen(seed, carrier_dir)
    n_tr = round(n * 0.55)
    plan = [("t", None)] * n_tr
    rest = n - n_tr
    profs = ["vapi", "signalwire", "messages"]
    plan += [("j", profs[k % 3]) for k in range(rest)]
    g.R.shuffle(plan)
    return [make_record(g, i + 1, m == "j", p) for i, (m, p) in enumerate(plan)]


# --------------------------------------------------------------------------- checking
LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?[A-Za-z][A-Za-z0-9 _]{0,20}: \S")


def json_string_ranges(raw):
    """Byte ranges (inside the quotes) of every JSON string token in raw."""
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


def valid_value(ent, v):
    if ent == "PHONE":
        return bool(re.fullmatch(r"[2-9]\d\d55501\d\d", v))
    if ent == "SSN":
        if v.startswith("last4:"):
            return bool(re.fullmatch(r"\d{4}", v[6:])) and v[6:] != "0000"
        a, gp, s = v[:3], v[3:5], v[5:]
        return len(v) == 9 and v.isdigit() and a not in ("000", "666") and a[0] != "9" and gp != "00" and s != "0000"
    if ent == "NPI":
        return len(v) == 10 and v.isdigit() and luhn_ok("80840" + v)
    if ent == "MBI":
        return bool(MBI_RE.match(v))
    if ent in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return d.year < 2026 if ent == "DOB" else d.year <= 2026
    if ent == "ZIP":
        return bool(re.fullmatch(r"\d{5}", v)) and v != "00000"
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9.]+@[a-z]+\.com", v))
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z]{3}\d{9}", v))
    if ent == "MRN":
        return v.isdigit() and 7 <= len(v) <= 8
    return bool(v)


def check(paths):
    recs = []
    errs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    errs.append("%s:%d blank line" % (p, ln))
                    continue
                recs.append(json.loads(line))
    ids = set()
    for r in recs:
        rid = r["id"]
        if rid in ids:
            errs.append("%s duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s blank/trailing line" % rid)
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s %d turns" % (rid, len(lines)))
            for l in lines:
                if not LABEL_RE.match(l):
                    errs.append("%s bad line: %r" % (rid, l[:60]))
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as e:
                errs.append("%s bad json %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s not compact json" % rid)
            strs = json_string_ranges(text)
        else:
            errs.append("%s bad format" % rid)
        allr = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s span out of range" % rid)
                continue
            try:
                st = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s span not on char boundary" % rid)
                continue
            if st != st.strip() or not st:
                errs.append("%s span has outer whitespace %r" % (rid, st))
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET",
                                   "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s bad entity" % rid)
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errs.append("%s bad cue/spoken" % rid)
            if not valid_value(s["entity"], s["value"]):
                errs.append("%s invalid value %s %s" % (rid, s["entity"], s["value"]))
            if s["entity"] in ("PHONE", "SSN", "NPI", "MRN", "ZIP") and not s["spoken"]:
                dg = re.sub(r"\D", "", st)
                vv = re.sub(r"\D", "", s["value"])
                if dg.startswith("1") and len(dg) == 11:
                    dg = dg[1:]
                if dg not in vv:
                    errs.append("%s written digits %r not in value %r" % (rid, st, s["value"]))
            if s["entity"] == "NAME" and s["form"].startswith("name") and st.lower().replace(",", "") not in (
                    s["value"].lower().replace(",", ""),):
                errs.append("%s name text %r != %r" % (rid, st, s["value"]))
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z for a, z in strs):
                errs.append("%s span outside JSON string" % rid)
            if r["format"] == "json" and ("\\" in st or '"' in st):
                errs.append("%s span holds an escape" % rid)
            allr.append((s["start"], s["end"], "span"))
        for n in r["negatives"]:
            if not (0 <= n["start"] < n["end"] <= len(b)):
                errs.append("%s neg out of range" % rid)
            allr.append((n["start"], n["end"], "neg"))
        allr.sort()
        for x, y in zip(allr, allr[1:]):
            if y[0] < x[1]:
                errs.append("%s overlap %s %s" % (rid, x, y))
    for e in errs[:50]:
        print("ERROR", e, file=sys.stderr)
    print("checked %d records, %d errors" % (len(recs), len(errs)), file=sys.stderr)
    stats(recs)
    return not errs


def stats(recs, out=sys.stderr):
    fmt = collections.Counter((r["format"], r.get("profile", r["kind"] if r["format"] == "json" else "")) for r in recs)
    kinds = collections.Counter(r["kind"] for r in recs)
    ent = collections.Counter()
    cue = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    for r in recs:
        for s in r["spans"]:
            ent[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records: %d  %s" % (len(recs), dict(sorted(fmt.items()))), file=out)
    print("kinds: %s" % dict(sorted(kinds.items())), file=out)
    tot = collections.Counter()
    for (e, sp, c), k in ent.items():
        tot[e] += k
    print("\n| entity | total | spoken same/prev/none | written same/prev/none |", file=out)
    print("|---|---:|---|---|", file=out)
    for e in sorted(tot):
        row = [str(tot[e])]
        for sp in ("spoken", "written"):
            row.append("/".join(str(ent[(e, sp, c)]) for c in ("same", "prev", "none")))
        print("| %s | %s |" % (e, " | ".join(row)), file=out)
    print("| all | %d | | |" % sum(tot.values()), file=out)
    print("\nnegatives: %s (total %d)" % (dict(sorted(negs.items())), sum(negs.values())), file=out)
    print("\nforms per entity:", file=out)
    by = collections.defaultdict(list)
    for (e, f), k in sorted(forms.items()):
        by[e].append("%s %d" % (f, k))
    for e in sorted(by):
        print("  %s: %s" % (e, ", ".join(by[e])), file=out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", ""))
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    cd = a.carrier_dir
    if not cd:
        here = os.path.dirname(os.path.abspath(__file__))
        for cand in [os.path.join(here, *([".."] * k), "shared", "carrier-sources") for k in range(3, 8)] + ["/work/shared/carrier-sources"]:
            if os.path.isdir(cand):
                cd = cand
                break
    recs = generate(a.seed, a.n, cd)
    if a.stats:
        stats(recs, sys.stdout)
        return
    w = sys.stdout
    for r in recs:
        w.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
