#!/usr/bin/env python3
"""Holdout-8 spoken-PHI corpus generator (standard library only, deterministic).

  python3 gen_holdout8.py [--seed N] [--n N] > holdout8.jsonl
  python3 gen_holdout8.py --stats
  python3 gen_holdout8.py --check holdout8.jsonl

Carrier turns come from MTS-Dialog, ACI-bench and PriMock57 (CC BY 4.0) in
shared/carrier-sources; everything else is written here.
"""
import argparse
import collections
import csv
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CARRIER_DIRS = [os.environ.get("CARRIER_DIR", ""), "/work/shared/carrier-sources",
                os.path.join(HERE, "../../../../../shared/carrier-sources")]

# ---------------------------------------------------------------- carriers
SCREEN_WORDS = set("""hi hey hello morning afternoon evening dr doctor mr mrs ms miss name named names born birth
birthday spell spelled spelling old age aged years street avenue road lane drive email phone number numbers
call called zip address live lives mother father wife husband daughter son sister brother january february march
april may june july august september october november december monday tuesday wednesday thursday friday saturday
sunday bye goodbye care next patient charles christine diana john mary james robert michael david william richard joseph thomas
linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy karen betty helen sandra donna carol ruth
sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa brenda amy anna rebecca
virginia kathleen pamela martha debra amanda stephanie carolyn christina janet catherine frances ann joyce diane
alice julie heather teresa doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose janice kelly
nicole judy christopher daniel paul mark donald george kenneth steven edward brian ronald anthony kevin jason
matthew gary timothy jose larry jeffrey frank scott eric stephen andrew raymond gregory joshua jerry dennis walter
patrick peter harold douglas henry carl arthur ryan roger joe juan jack albert jonathan justin terry gerald keith
samuel willie ralph lawrence nicholas roy benjamin bruce brandon adam harry fred wayne billy steve louis jeremy
aaron randy howard eugene carlos russell bobby victor martin ernest phillip todd jesse craig alan shawn clarence
sean philip chris johnny earl jimmy antonio danny bryan tony luis mike stanley leonard nathan dale manuel rodney
curtis norman allen marvin vincent glenn jeffery travis jeff chad jacob lee melvin alfred kyle francis bradley
jesus herbert frederick ray joel edwin don eddie ricky troy randall barry alexander bernard mario leroy francisco
marcus micheal theodore clifford miguel oscar jay jim tom calvin alex jon ronnie bill lloyd tommy leon derek
warren darrell jerome floyd leo alvin tim wesley gordon dean greg jorge dustin pedro derrick dan lewis zachary
corey herman maurice vernon roberto clyde glen hector shane ricardo sam rick lester brent ramon charlie tyler
gilbert gene marc reginald ruben brett angel nathaniel rafael leslie edgar milton raul ben chester cecil duane
franklin andre elmer brad gabriel ron mitchell roland arnold harvey jared adrian karl cory claude erik darryl
jamie neil jessie christian javier fernando clinton ted mathew tyrone darren lonnie lance cody julio kelly kurt
allan nelson guy clayton hugh max dwayne dwight armando felix jimmie everett jordan ian wallace ken bob jaime
casey alfredo alberto dave ivan johnnie sidney byron julian isaac morris clifton willard daryl ross virgil andy
marshall salvador perry kirk sergio marion tracy seth kent terrance rene eduardo terrence enrique freddie wade
abc xyz smith johnson williams brown jones garcia miller davis martinez hernandez lopez gonzalez wilson anderson
taylor moore jackson martin thompson white harris sanchez clark ramirez lewis robinson walker young allen king
wright hill scott green adams baker nelson carter mitchell perez roberts turner phillips campbell parker evans
edwards collins stewart morris rogers reed cook morgan bell murphy bailey rivera cooper richardson cox ward
peterson gray james watson brooks kelly sanders price bennett wood barnes ross henderson coleman jenkins perry
powell long patterson hughes flores washington butler simmons foster gonzales bryant alexander russell griffin
diaz hayes myers ford hamilton graham sullivan wallace woods cole west jordan owens reynolds fisher ellis harrison
gibson mcdonald cruz marshall ortiz gomez murray freeman wells webb simpson stevens tucker porter hunter hicks
crawford henry boyd mason morales kennedy warren dixon ramos reyes burns gordon shaw holmes rice robertson hunt
black daniels palmer mills nichols grant knight ferguson rose stone hawkins dunn perkins hudson spencer gardner
stephens payne pierce berry matthews arnold wagner willis ray watkins olson carroll duncan snyder hart cunningham
bradley lane andrews ruiz harper fox riley armstrong carpenter weaver greene lawrence elliott chavez sims austin
peters kelley franklin lawson fields
fields ms. hospital clinic texas california florida boston york chicago london""".split())
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


def _screen(t):
    low = t.lower()
    if re.search(r"\d|@|\b(?:x|y)\b|\[|\]|<|>|:", low):
        return False
    words = re.findall(r"[a-z']+", low)
    if any(w in SCREEN_WORDS for w in words):
        return False
    if re.search(r"\b(?:ninety|hundred|thousand)\b", low):
        return False
    # capitalised word not at sentence start (MTS): may be a name or place
    if re.search(r"[a-z,] +[A-Z][a-z]", t) and not re.search(r"[a-z,] +I\b", t):
        caps = re.findall(r"[a-z,] +([A-Z][a-z]+)", t)
        if any(c not in ("I", "Okay", "Ok") for c in caps):
            return False
    n = len(t)
    return 15 <= n <= 260


def load_carriers(cdir):
    out = {"aci": [], "mts": [], "primock": []}
    for f in sorted(glob.glob(os.path.join(cdir, "aci-bench", "*.csv"))):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*)", line.strip())
                    if m:
                        turns.append((m.group(1) == "doctor", m.group(2).strip()))
                out["aci"].append((row.get("id") or row.get("encounter_id"), turns))
    for f in sorted(glob.glob(os.path.join(cdir, "mts-dialog", "*.csv"))):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician):\s*(.*)", line)
                    if m and m.group(1) in ("Doctor", "Patient"):
                        turns.append((m.group(1) == "Doctor", re.sub(r"\s+", " ", m.group(2)).strip()))
                out["mts"].append((os.path.basename(f)[:12] + row["ID"], turns))
    for f in sorted(glob.glob(os.path.join(cdir, "primock57", "*_doctor.TextGrid"))):
        items = []
        for side, path in (("doctor", f), ("patient", f.replace("_doctor.", "_patient."))):
            if not os.path.exists(path):
                continue
            txt = open(path, encoding="utf-8").read()
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = [\d.]+\s*\n\s*text = "(.*)"', txt):
                s = re.sub(r"<[^>]*>", "", m.group(2)).replace('""', '"')
                s = re.sub(r"\s+", " ", s).strip()
                if s:
                    items.append((float(m.group(1)), side == "doctor", s))
        items.sort()
        out["primock"].append((os.path.basename(f)[:21], [(d, s) for _, d, s in items]))
    for k in out:
        out[k] = [(i, [t for t in turns if _screen(t[1])]) for i, turns in out[k]]
        out[k] = [x for x in out[k] if len(x[1]) >= 6]
    return out


# ---------------------------------------------------------------- values
AREA = ["205", "907", "602", "520", "501", "213", "310", "415", "510", "619", "714", "916", "303", "720",
        "203", "302", "305", "407", "813", "904", "404", "678", "808", "208", "312", "773", "317", "319",
        "515", "316", "502", "504", "207", "410", "617", "508", "313", "616", "612", "651", "601", "314",
        "816", "406", "402", "702", "603", "201", "973", "505", "212", "718", "917", "919", "704", "701",
        "216", "614", "405", "503", "215", "412", "401", "803", "605", "615", "901", "214", "512", "713",
        "801", "802", "804", "206", "509", "304", "414", "307"]
ZIP3 = ["021", "100", "112", "191", "212", "303", "331", "352", "372", "402", "432", "462", "481", "532",
        "554", "606", "631", "641", "700", "731", "752", "770", "787", "802", "850", "871", "891", "917",
        "941", "945", "972", "981", "967", "995", "064", "077", "144", "152", "282", "294"]
GIVEN = ["dana", "maribel", "thuy", "chinedu", "agnieszka", "emre", "priya", "wei", "yusuf", "rosalind",
         "tomasz", "ngozi", "hamid", "lucia", "bao", "kavita", "dmitri", "imani", "soren", "fatima",
         "delphine", "oluwaseun", "xiomara", "haruto", "bronwyn", "anselm", "leilani", "marisol", "teodoro",
         "ayesha", "gunnar", "wren", "ezekiel", "mercedes", "kofi", "svetlana", "rahul", "odalys", "quang",
         "beatriz", "callum", "nadia", "ignatius", "yolanda", "farid", "hollis", "minh", "zofia", "dashiell",
         "esperanza", "tariq", "juniper", "augustin", "femi", "rosario", "henrik", "lakshmi", "cormac"]
SURN = ["okafor", "nguyen", "wisniewski", "ozturk", "raghunathan", "quintero", "castellanos", "adeyemi",
        "lindqvist", "haddad", "pham", "kowalczyk", "abernathy", "yilmaz", "mukherjee", "zhou", "villanueva",
        "oyelaran", "brzezinski", "tran", "fairweather", "delacroix", "mahmoud", "olufemi", "kaczmarek",
        "bhattacharya", "ferreira", "szymanski", "achterberg", "nakamura", "okonkwo", "vasquez-hale",
        "lockridge", "demir", "iyer", "castaneda", "truong", "pellegrino", "abara", "whitcombe", "sandoval",
        "grabowski", "el-amin", "kessler", "obi", "marchetti", "huynh", "saldana", "thorne", "banerjee",
        "mcallister", "zielinski", "ekwueme", "duarte", "rosenthal", "aguilar", "ostrowski", "lam"]
STREETS = ["elm", "juniper", "magnolia", "harbor view", "old mill", "cypress", "larkspur", "whitford",
           "quarry", "bellweather", "saint ambrose", "twelfth", "fourth", "ridgeline", "tamarack",
           "pinecrest", "cottonwood", "marigold", "kestrel", "orchard hill", "sandpiper", "willowbrook"]
SUFFIX = [("street", "St."), ("avenue", "Ave"), ("road", "Rd"), ("drive", "Dr"), ("lane", "Ln"),
          ("court", "Ct"), ("boulevard", "Blvd"), ("way", "Way"), ("terrace", "Ter"), ("place", "Pl")]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com", "gmail.com"]),
           ("yahoo.com", ["yahoo dot com"]), ("aol.com", ["a o l dot com", "aol dot com"]),
           ("outlook.com", ["outlook dot com"]), ("icloud.com", ["icloud dot com", "i cloud dot com"]),
           ("hotmail.com", ["hotmail dot com"]), ("comcast.net", ["comcast dot net"]),
           ("att.net", ["a t t dot net", "att dot net"]), ("protonmail.com", ["proton mail dot com"])]
NATO = dict(a="alpha", b="bravo", c="charlie", d="delta", e="echo", f="foxtrot", g="golf", h="hotel",
            i="india", j="juliet", k="kilo", l="lima", m="mike", n="november", o="oscar", p="papa",
            q="quebec", r="romeo", s="sierra", t="tango", u="uniform", v="victor", w="whiskey", x="x-ray",
            y="yankee", z="zulu")
ASIN = dict(a="apple", b="boy", c="cat", d="david", e="edward", f="frank", g="george", h="henry",
            i="ida", j="john", k="king", l="larry", m="mary", n="nancy", o="ocean", p="peter", q="queen",
            r="robert", s="sam", t="tom", u="umbrella", v="victor", w="william", x="x-ray", y="yellow",
            z="zebra")
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth",
       "thirtieth", "thirty first"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
TEST_CARDS = ["4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444",
              "5105105105105100", "2223003122003222", "378282246310005", "371449635398431",
              "6011111111111117", "6011000990139424", "3530111333300000", "36227206271667"]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(s):
    for c in "0123456789":
        if luhn_ok(s + c):
            return s + c


def two(n):
    """0..99 said as a number ("oh five" for <10)."""
    if n < 10:
        return "oh " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def num_words(n):
    if n < 10:
        return ONES[n]
    if n < 100:
        return two(n)
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + (" hundred" if r == 0 else (" " + two(r)))
    return two(n // 100) + " " + (two(n % 100) if n % 100 else "hundred")


def year_words(y, R):
    if y >= 2000:
        r = y - 2000
        if r == 0:
            return "two thousand"
        return R.choice(["two thousand " + num_words(r), "two thousand and " + num_words(r),
                         "twenty " + two(r)])
    return TEENS[y // 100 - 10] + " " + two(y % 100)


class Gen:
    def __init__(self, R):
        self.R = R

    # each returns canonical value dict
    def phone(self):
        R = self.R
        return R.choice(AREA) + "555" + "01" + "%02d" % R.randrange(0, 100)

    def ssn(self):
        R = self.R
        a = R.randrange(1, 900)
        while a == 666:
            a = R.randrange(1, 900)
        return "%03d%02d%04d" % (a, R.randrange(1, 100), R.randrange(1, 10000))

    def dob(self, medicare=False):
        R = self.R
        y = R.randrange(1932, 1960) if medicare else R.randrange(1931, 2013)
        m = R.randrange(1, 13)
        d = R.randrange(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] + 1)
        return (y, m, d)

    def mrn(self):
        R = self.R
        k = R.randrange(5)
        dg = lambda n: "".join(R.choice("0123456789") for _ in range(n))
        if k == 0:
            return R.choice("123456789") + dg(7)
        if k == 1:
            return "E" + dg(7)
        if k == 2:
            return R.choice(["MR", "HM", "KP"]) + dg(6)
        if k == 3:
            return "00" + R.choice("123456789") + dg(7)
        return R.choice("123456789") + dg(6) + "-" + dg(1)

    def mbi(self):
        R = self.R
        L = lambda: R.choice(MBI_L)
        D = lambda: R.choice("0123456789")
        A = lambda: R.choice(MBI_L + "0123456789")
        return R.choice("123456789") + L() + A() + D() + L() + A() + D() + L() + L() + D() + D()

    def card(self):
        R = self.R
        if R.random() < 0.5:
            return R.choice(TEST_CARDS)
        bin_ = R.choice(["411111", "424242", "555555", "222300", "601111", "353011"])
        return luhn_complete(bin_ + "".join(R.choice("0123456789") for _ in range(9)))

    def zip(self):
        R = self.R
        z = R.choice(ZIP3) + "%02d" % R.randrange(1, 100)
        if R.random() < 0.15:
            z += "-%04d" % R.randrange(1, 10000)
        return z

    def npi(self):
        R = self.R
        while True:
            body = R.choice("12") + "".join(R.choice("0123456789") for _ in range(8))
            for c in "0123456789":
                if luhn_ok("80840" + body + c):
                    return body + c

    def member(self):
        R = self.R
        dg = lambda n: "".join(R.choice("0123456789") for _ in range(n))
        let = lambda n: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
        k = R.randrange(6)
        if k == 0:
            return let(3) + dg(9)
        if k == 1:
            return "W" + dg(9)
        if k == 2:
            return dg(9) + "0" + R.choice("12")
        if k == 3:
            return "U" + dg(8) + "01"
        if k == 4:
            return let(1) + dg(2) + let(1) + dg(5)
        return let(2) + dg(7)

    def name(self):
        R = self.R
        return (R.choice(GIVEN), R.choice(SURN))

    def street(self):
        R = self.R
        house = R.choice([R.randrange(10, 100), R.randrange(100, 1000), R.randrange(1000, 10000),
                          R.randrange(1000, 10000)])
        d = R.choice(["", "", "", "north", "south", "east", "west"])
        st = R.choice(STREETS)
        suf = R.choice(SUFFIX)
        unit = R.choice([None, None, None, ("apartment", "Apt", "%d%s" % (R.randrange(1, 9), R.choice("abcd"))),
                         ("unit", "Unit", str(R.randrange(2, 40))), ("suite", "Ste", str(R.randrange(100, 500)))])
        return dict(house=house, dir=d, st=st, suf=suf, unit=unit)

    def email(self, nm=None):
        R = self.R
        g, s = nm or self.name()
        s = s.replace("-", "")
        k = R.randrange(6)
        local = [g + "." + s, g + s + str(R.randrange(10, 99)), g[0] + s, g + "_" + s, s + "." + g[0],
                 g + str(R.randrange(1950, 2005))][k]
        dom = R.choice(DOMAINS)
        return local, dom


# ------------------------------------------------------------- renderers
class Style:
    def __init__(self, name, lower, punct):
        self.name, self.lower, self.punct = name, lower, punct


def dig_words(ds, R, zero, dbl=True):
    """digits -> words with zero word and double/triple."""
    out = []
    i = 0
    while i < len(ds):
        c = ds[i]
        w = zero if c == "0" else ONES[int(c)]
        if dbl and i + 2 < len(ds) and ds[i + 1] == c and ds[i + 2] == c and R.random() < 0.6:
            out.append("triple " + w)
            i += 3
        elif dbl and i + 1 < len(ds) and ds[i + 1] == c and R.random() < 0.4:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


def say_group(ds, R, zero, mode):
    if mode == "pairs" and any(ds[i] != "0" and ds[i + 1] == "0" for i in range(len(ds) - 1)):
        mode = "dbl"  # "twenty" + "five" would merge into twenty-five
    if mode == "pairs" and len(ds) in (2, 4) and ds[0] != "0":
        return " ".join(two(int(ds[i:i + 2])) for i in range(0, len(ds), 2))
    if mode == "pairs" and len(ds) == 4 and ds[0] == "0":
        return (zero + " " + ONES[int(ds[1])] + " " + two(int(ds[2:])))
    if mode == "pairs" and len(ds) == 3 and ds[1:] != "00" and ds[0] != "0":
        return ONES[int(ds[0])] + " " + (two(int(ds[1:])) if ds[1] != "0" else zero + " " + ONES[int(ds[2])])
    if mode == "digits_num":
        return ds
    return dig_words(ds, R, zero, dbl=(mode != "plain"))


def say_digits_groups(groups, R, st, allow_num=True):
    """Return (text, form). groups: list of digit strings."""
    zero = R.choice(["zero", "oh", "o"] if st.lower else ["zero", "oh"])
    mode = R.choice(["plain", "dbl", "dbl", "pairs"])
    sep = R.choice([", ", " ", " ", "... ", " uh ", " dash "] if st.punct else [" ", " uh ", " um ", " dash "])
    parts = []
    mixed = False
    for i, g in enumerate(groups):
        gm = mode
        if allow_num and st.punct and R.random() < 0.12:
            gm = "digits_num"
            mixed = True
        parts.append(say_group(g, R, zero, gm))
    text = sep.join(parts)
    form = ("mixed_" if mixed else "") + {"plain": "digits", "dbl": "digits_dbl", "pairs": "pairs"}[mode]
    form += "_" + {"zero": "zero", "oh": "oh", "o": "o"}[zero] + "_" + \
        {", ": "comma", " ": "space", "... ": "ellipsis", " uh ": "uh", " um ": "um", " dash ": "dash"}[sep]
    return text, form


def say_letters(s, R, st, style=None):
    style = style or R.choice(["plain", "plain", "nato", "asin", "dash", "dots"] if st.punct
                              else ["plain", "plain", "nato", "asin"])
    L = [c.lower() for c in s if c.isalpha()]
    if style == "plain":
        up = st.punct and R.random() < 0.5
        return " ".join(c.upper() if up else c for c in L), "spelled_plain" + ("_upper" if up else "")
    if style == "nato":
        return " ".join(NATO[c] for c in L), "spelled_nato"
    if style == "asin":
        return ", ".join("%s as in %s" % (c.upper() if st.punct else c, ASIN[c]) for c in L), "spelled_as_in"
    if style == "dash":
        return "-".join(c.upper() for c in L), "spelled_dash"
    return " ".join(c.upper() + "." for c in L), "spelled_dots"


def say_alnum(v, R, st):
    """mixed letters/digits id, char by char or digit groups."""
    lst = R.choice(["plain", "nato", "asin"])
    zero = R.choice(["zero", "oh"])
    out = []
    i = 0
    while i < len(v):
        c = v[i]
        if c.isalpha():
            t, _ = say_letters(c, R, st, lst)
            out.append(t)
            i += 1
        elif c.isdigit():
            j = i
            while j < len(v) and v[j].isdigit():
                j += 1
            run = v[i:j]
            if st.punct and R.random() < 0.25:
                out.append(run)
            else:
                chunks = [run[k:k + 3] for k in range(0, len(run), 3)]
                out.append(" ".join(dig_words(ch, R, zero) for ch in chunks))
            i = j
        else:
            out.append("dash")
            i += 1
    sep = R.choice([" ", " ", ", "]) if st.punct else " "
    return sep.join(out), "alnum_" + lst + "_" + zero


def render(ent, v, R, st, written=False):
    """Return (text, spoken, form)."""
    if ent == "PHONE":
        a, e, l = v[:3], v[3:6], v[6:]
        if written:
            k = R.randrange(5)
            return ["(%s) %s-%s" % (a, e, l), "%s-%s-%s" % (a, e, l), "%s.%s.%s" % (a, e, l),
                    "+1 %s-%s-%s" % (a, e, l), "%s %s %s" % (a, e, l)][k], False, "written_phone_%d" % k
        t, f = say_digits_groups([a, e, l], R, st)
        if R.random() < 0.15:
            t = ("one " if not st.punct else "one, ") + t
            f = "lead1_" + f
        return t, True, "phone_" + f
    if ent == "SSN":
        if R.random() < 0.35:
            if written:
                return v[5:], False, "last4_written"
            t, f = say_digits_groups([v[5:]], R, st)
            return t, True, "last4_" + f
        if written:
            return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), False, "written_ssn"
        t, f = say_digits_groups([v[:3], v[3:5], v[5:]], R, st)
        return t, True, "ssn_" + f
    if ent == "CARD":
        if R.random() < 0.35:
            if written:
                return v[-4:], False, "last4_written"
            t, f = say_digits_groups([v[-4:]], R, st)
            return t, True, "last4_" + f
        gs = [v[i:i + 4] for i in range(0, len(v), 4)] if len(v) == 16 else \
            ([v[:4], v[4:10], v[10:]] if len(v) == 15 else [v[:4], v[4:10], v[10:]])
        if written:
            return " ".join(gs), False, "written_card"
        t, f = say_digits_groups(gs, R, st)
        return t, True, "card_" + f
    if ent == "NPI":
        if written:
            return v, False, "written_npi"
        t, f = say_digits_groups(R.choice([[v[:3], v[3:6], v[6:]], [v[:5], v[5:]], [v]]), R, st)
        return t, True, "npi_" + f
    if ent == "ZIP":
        if written:
            return v, False, "written_zip"
        z = v[:5]
        k = R.randrange(4)
        if k == 0:
            t, f = dig_words(z, R, R.choice(["zero", "oh"]), False), "zip_digits"
        elif k == 1 and z[0] != "0" and z[1] != "0" and z[2] != "0":
            t, f = two(int(z[:2])) + " " + ONES[int(z[2])] + " " + two(int(z[3:])), "zip_pairs"
        elif k == 2 and z[3] != "0":
            t, f = " ".join(ONES[int(c)] for c in z[:3]) + " " + two(int(z[3:])), "zip_3_pair"
        else:
            t, f = dig_words(z, R, R.choice(["zero", "oh"]), True), "zip_digits_dbl"
        if len(v) > 5:
            t += " dash " + dig_words(v[6:], R, "zero", False)
            f += "_plus4"
        return t, True, f
    if ent == "DOB":
        y, m, d = v
        if written:
            k = R.randrange(4)
            return ["%02d/%02d/%d" % (m, d, y), "%s %d, %d" % (MONTHS[m - 1].capitalize(), d, y),
                    "%d-%02d-%02d" % (y, m, d), "%d/%d/%d" % (m, d, y)][k], False, "written_dob_%d" % k
        k = R.randrange(7)
        if k == 0:
            return "%s %s %s" % (MONTHS[m - 1], ORD[d], year_words(y, R)), True, "month_ord_year"
        if k == 1:
            return "the %s of %s %s" % (ORD[d], MONTHS[m - 1], year_words(y, R)), True, "the_d_of_m"
        if k == 2 and y < 2000:
            zero = R.choice(["oh", "o", "zero"])
            mm = (zero + " " + ONES[m]) if m < 10 else two(m)
            dd = (zero + " " + ONES[d]) if d < 10 else two(d)
            return "%s %s %s" % (mm, dd, two(y % 100)), True, "num_mdyy_" + zero
        if k == 3:
            mm = num_words(m)
            return "%s %s %s" % (mm, num_words(d), year_words(y, R)), True, "num_md_fullyear"
        if k == 4 and st.punct:
            return "%s %s, %s" % (MONTHS[m - 1].capitalize(), ORD[d], year_words(y, R)), True, "Month_ord_year"
        if k == 5:
            sep = R.choice([" slash ", " "])
            zero = R.choice(["zero", "oh"])
            return sep.join([dig_words("%02d" % m, R, zero, False), dig_words("%02d" % d, R, zero, False),
                             year_words(y, R)]), True, "digits_slash_year"
        if k == 6 and st.punct:
            return "%s %d%s, %d" % (MONTHS[m - 1].capitalize(), d,
                                    "th" if 10 < d < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"),
                                    y), False, "written_Month_dth_year"
        return "%s %s %s" % (MONTHS[m - 1], num_words(d), year_words(y, R)), True, "month_card_year"
    if ent in ("MRN", "MEMBER_ID", "MBI"):
        if written:
            if ent == "MBI" and R.random() < 0.5:
                return v[:4] + "-" + v[4:7] + "-" + v[7:], False, "written_mbi_dash"
            return v, False, "written_id"
        if v.isdigit() or (v.replace("-", "").isdigit()):
            parts = v.split("-")
            gs = []
            for p in parts:
                gs += [p[i:i + 4] for i in range(0, len(p), 4)] if len(p) > 4 else [p]
            t, f = say_digits_groups(gs, R, st)
            return t, True, "id_" + f
        t, f = say_alnum(v, R, st)
        return t, True, f
    if ent == "EMAIL":
        local, (dom, dsay) = v
        if written:
            return local + "@" + dom, False, "written_email"
        k = R.randrange(5)
        ds = R.choice(dsay)
        if "." in ds and not st.punct:
            ds = dsay[0]
        at = R.choice([" at ", " at ", " at sign "])
        if k == 0 or not st.punct and k == 4:
            lt = local.replace(".", " dot ").replace("_", " underscore ")
            lt = re.sub(r"(\d+)", lambda m: " " + " ".join(ONES[int(c)] for c in m.group(1)), lt)
            return re.sub(r"\s+", " ", lt).strip() + at + ds, True, "email_words"
        if k == 1:
            sp, f = say_letters(re.sub(r"[^a-z]", "", local), R, st, "plain")
            lt = local.replace(".", " dot ").replace("_", " underscore ")
            lt = re.sub(r"(\d+)", lambda m: " " + " ".join(ONES[int(c)] for c in m.group(1)), lt)
            return re.sub(r"\s+", " ", lt).strip() + at + ds, True, "email_words_b"
        if k == 2:
            lt = local.replace(".", " dot ").replace("_", " underscore ")
            lt = re.sub(r"(\d+)", lambda m: " " + " ".join(ONES[int(c)] for c in m.group(1)), lt)
            return re.sub(r"\s+", " ", lt).strip() + ", all one word," + at + ds, True, "email_all_one_word"
        if k == 3 and st.punct:
            return local + at.strip(" ") .join(["", ""]) + " at " + ds, True, "email_half_written"
        if st.punct:
            return local.split(".")[0] + " dot " + ".".join(local.split(".")[1:]) + "@" + dom \
                if "." in local else local + "@" + dom, True, "email_half_at"
        lt = " ".join(c if c.isalpha() else ONES[int(c)] if c.isdigit() else
                      {".": "dot", "_": "underscore"}[c] for c in local)
        return lt + at + ds, True, "email_spelled_local"
    if ent == "STREET":
        h, dr, stn, (suf, sab), unit = v["house"], v["dir"], v["st"], v["suf"], v["unit"]
        if written:
            u = (" %s %s" % (unit[1], unit[2].upper())) if unit else ""
            return "%d %s%s %s%s" % (h, (dr[0].upper() + " ") if dr else "", stn.title(),
                                     R.choice([sab, suf.title()]), u), False, "written_street"
        k = R.randrange(3)
        hs = str(h)
        if k == 0:
            ht, f = (num_words(h) if h < 100 else " ".join(two(int(x)) if len(x) == 2 else ONES[int(x)]
                                                            for x in ([hs[:1], hs[1:]] if len(hs) == 3 else [hs[:2], hs[2:]]))), "house_pairs"
            if len(hs) == 3 and hs[1] == "0":
                ht = ONES[int(hs[0])] + " " + R.choice(["oh", "o"]) + " " + ONES[int(hs[2])]
            if len(hs) == 4 and hs[2] == "0":
                ht = two(int(hs[:2])) + " " + R.choice(["oh", "o"]) + " " + ONES[int(hs[3])]
            if len(hs) == 4 and hs[2:] == "00":
                ht = two(int(hs[:2])) + " hundred"
        elif k == 1:
            ht, f = dig_words(hs, R, "zero", False), "house_digits"
        else:
            ht, f = (hs, "house_numeral") if st.punct else (num_words(h) if h < 1000 else dig_words(hs, R, "oh", False),
                                                            "house_words")
        t = ht + " " + (dr + " " if dr else "") + stn + " " + suf
        if unit:
            ut = unit[2] if st.punct and R.random() < 0.5 else " ".join(
                ONES[int(c)] if c.isdigit() else c for c in unit[2])
            t += R.choice([" ", ", "]) + unit[0] + " " + ut
            f += "_unit"
        return t, True, f
    if ent == "NAME":
        g, s = v
        if written:
            return g.title() + " " + s.title(), False, "written_name"
        return (g + " " + s), True, "name_full"
    raise ValueError(ent)


def style_text(t, st, keep_case=False):
    if st.lower:
        t = t.lower()
        t = re.sub(r"[,.?!;:]", "", t)
        t = re.sub(r"\s+", " ", t).strip()
    return t


def cap_names(t, st):
    """in punctuated styles names get capitals."""
    return t if st.lower else " ".join(w[:1].upper() + w[1:] if w[:1].isalpha() else w for w in t.split(" "))


# ------------------------------------------------------------- settings
# (key, agent role, caller role, agent label variants, caller label variants, org, reason line, entity bias)
SETTINGS = [
    ("specialty_pharmacy", "pharmacist", "patient", ["Pharmacist", "Rx Tech"], ["Patient", "Caller"],
     "Crestline Specialty Pharmacy", "i'm calling to set up delivery of your next injection shipment", ["CARD", "STREET", "ZIP", "DOB"]),
    ("dme_cpap", "rep", "caller", ["Rep", "Agent"], ["Caller", "Customer"],
     "Northgate Medical Supply", "i need to reorder the cushions and filters for my cpap", ["MEMBER_ID", "STREET", "ZIP", "PHONE"]),
    ("nemt_ride", "dispatcher", "caller", ["Dispatcher", "Agent"], ["Caller", "Rider"],
     "RideCare Transport", "i need to book a ride to dialysis for my dad", ["MBI", "STREET", "PHONE", "NAME"]),
    ("home_health_intake", "nurse", "daughter", ["Nurse", "Intake"], ["Daughter", "Caller"],
     "Bayridge Home Health", "the hospital said you'd be calling about my mom's home visits", ["MBI", "DOB", "NAME", "PHONE"]),
    ("ma_plan_outreach", "agent", "member", ["Agent", "Rep"], ["Member", "Caller"],
     "Summit Advantage Health Plan", "i got a letter about my annual wellness visit", ["MBI", "MEMBER_ID", "DOB", "ZIP"]),
    ("hospital_billing", "rep", "caller", ["Rep", "Billing"], ["Caller", "Guarantor"],
     "Saint Anselm Medical Center patient accounts", "i got a statement and i think my insurance should have paid it", ["MRN", "CARD", "SSN", "MEMBER_ID"]),
    ("prior_auth", "agent", "caller", ["Agent", "PA Rep"], ["Caller", "Office"],
     "the pharmacy benefit prior authorization line", "i'm calling from doctor's office about a prior authorization", ["NPI", "MEMBER_ID", "DOB", "NAME"]),
    ("lab_recollect", "tech", "patient", ["Tech", "Lab"], ["Patient", "Caller"],
     "Meridian Reference Laboratory", "we need to recollect one of your samples", ["DOB", "MRN", "PHONE", "NPI"]),
    ("hospice_intake", "coordinator", "son", ["Coordinator", "Intake"], ["Son", "Caller"],
     "Harborlight Hospice", "my father's doctor said we should call about hospice", ["MBI", "SSN", "NAME", "STREET"]),
    ("assistance_program", "agent", "applicant", ["Agent", "Specialist"], ["Applicant", "Caller"],
     "the insulin patient assistance program", "i want to apply for the assistance program for my insulin", ["SSN", "EMAIL", "ZIP", "STREET"]),
    ("answering_service", "operator", "caller", ["Operator", "Service"], ["Caller", "Patient"],
     "the after hours answering service", "my son has a fever and the office is closed", ["PHONE", "DOB", "NAME"]),
    ("workers_comp", "case manager", "claimant", ["Case Manager", "Nurse"], ["Claimant", "Caller"],
     "Keystone Comp nurse case management", "i'm calling about my physical therapy authorization", ["SSN", "NPI", "PHONE", "EMAIL"]),
    ("trial_screening", "coordinator", "participant", ["Coordinator", "Research"], ["Participant", "Caller"],
     "the university cardiology research office", "i saw the flyer for the blood pressure study", ["EMAIL", "PHONE", "DOB", "ZIP"]),
    ("va_community_care", "scheduler", "veteran", ["Scheduler", "Agent"], ["Veteran", "Caller"],
     "community care scheduling", "i got a referral for a sleep study out in the community", ["SSN", "PHONE", "STREET"]),
    ("telehealth_intake", "assistant", "user", ["AI", "Assistant"], ["User", "Caller"],
     "Clearwater Virtual Care", "i want to book a video visit for a rash", ["DOB", "EMAIL", "CARD", "NAME"]),
    ("clinic_visit", "doctor", "patient", ["Doctor", "Provider"], ["Patient", "Pt"],
     "the clinic", "", ["NAME", "NPI", "PHONE", "EMAIL", "MEMBER_ID"]),
]

KINDS = [  # (kind, weight, style name, lower, punct)
    ("transcript_asr_lower", 36, "lower", True, False),
    ("transcript_punct_stt", 30, "punct", False, True),
    ("transcript_whisper_style", 20, "whisper", False, True),
    ("transcript_transcribe_style", 16, "transcribe", False, True),
    ("transcript_voice_agent", 24, "agent", False, True),
    ("transcript_callcenter", 24, "callcenter", False, True),
]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]

WHAT = {"PHONE": ["callback number", "best phone number", "cell number", "phone number on file",
                  "number where we can reach you"],
        "SSN": ["social security number", "social", "last four of your social", "s s n"],
        "DOB": ["date of birth", "birth date", "d o b"],
        "MRN": ["medical record number", "m r n", "chart number", "account number on the statement"],
        "MBI": ["medicare number", "medicare beneficiary identifier", "number on the red white and blue card"],
        "CARD": ["card number", "card number for the copay", "credit card number"],
        "ZIP": ["zip code", "zip", "postal code"],
        "STREET": ["street address", "delivery address", "home address", "address for pickup"],
        "EMAIL": ["email address", "email", "email for the portal"],
        "MEMBER_ID": ["member id", "subscriber id", "insurance id", "id on the insurance card"],
        "NPI": ["n p i", "npi number", "national provider identifier"],
        "NAME": ["full name", "name"]}
SAME_FRAMES = {"PHONE": ["my number is {v}", "you can call me at {v}", "the cell is {v}", "best number is {v}"],
               "SSN": ["my social is {v}", "social security number is {v}", "the last four of my social are {v}"],
               "DOB": ["my date of birth is {v}", "i was born {v}", "birthday is {v}", "date of birth {v}"],
               "MRN": ["the medical record number is {v}", "it says m r n {v}", "my account number is {v}"],
               "MBI": ["my medicare number is {v}", "the medicare id is {v}"],
               "CARD": ["the card number is {v}", "it's a visa, number is {v}", "card number {v}"],
               "ZIP": ["zip code is {v}", "my zip is {v}"],
               "STREET": ["i live at {v}", "the address is {v}", "we're at {v}"],
               "EMAIL": ["my email is {v}", "email address is {v}"],
               "MEMBER_ID": ["my member id is {v}", "the subscriber id on the card is {v}"],
               "NPI": ["his n p i is {v}", "the npi is {v}", "her npi number is {v}"]}
BARE = ["{v}", "{v}", "yeah {v}", "it's {v}", "um {v}", "okay {v}", "sure, {v}", "let me see... {v}", "that would be {v}"]
READBACK = ["okay so that's {v}", "let me read that back, {v}", "i have {v}, is that right", "{v}, got it",
            "just to confirm, {v}"]
CONFIRM = ["yes that's right", "yep", "correct", "that's it", "mm-hmm yes"]
ASK = ["can i get your {w}", "what's the {w}", "and what is your {w}", "could you give me the {w}",
       "i'll need the {w}", "and the {w}?", "what {w} do you have"]

NEG = [  # (frame, choices, what, speaker)
    ("take {x} by mouth once a day", ["twenty milligrams", "20 mg", "five hundred milligrams",
                                      "forty milligrams", "two point five milligrams"], "dose", "A"),
    ("the last reading was {x}", ["one thirty two over eighty four", "128/82", "one forty over ninety",
                                  "a hundred and eighteen over seventy six"], "blood_pressure", "C"),
    ("we can do {x}", ["two thirty in the afternoon", "10:15 AM", "nine forty five", "quarter after three"], "time", "A"),
    ("it's been going on {x}", ["for about three weeks", "for two days", "about ten days now", "for six months"], "duration", "C"),
    ("your balance is {x}", ["forty five dollars", "$127.50", "two hundred and twelve dollars", "$35"], "money", "A"),
    ("she's in {x} right now", ["room four twelve", "room 318", "room two oh six"], "room_number", "C"),
    ("you have {x} left on that prescription", ["two refills", "three refills", "one refill"], "count", "A"),
    ("i'm {x}", ["sixty seven years old", "seventy four", "fifty two years old", "eighty one"], "age", "C"),
    ("we have an opening {x}", ["on tuesday the fourteenth", "on March 3rd", "next thursday the ninth",
                                "on the twenty second"], "appointment_date", "A"),
    ("your confirmation number is {x}", ["K L 4 4 7", "C as in cat seven seven two", "R X 9 1 8 3"], "confirmation_number", "A"),
    ("the order number is {x}", ["SO dash 44 18", "W 3 3 9", "order 7 1 4 B"], "order_number", "A"),
    ("if this is an emergency hang up and dial {x}", ["nine one one", "911"], "emergency_number", "A"),
    ("for pharmacy {x}", ["press two", "press three", "say pharmacy or press four"], "menu_option", "A"),
    ("the {x}", ["a one c was seven point two", "potassium was four point one", "hemoglobin came back at eleven point five",
                 "creatinine was 1.3"], "lab_value", "C"),
    ("i weigh {x}", ["about one eighty five", "two hundred and ten pounds", "a hundred and forty two pounds"], "weight", "C"),
    ("and i'm {x}", ["five foot six", "six foot one", "five seven"], "height", "C"),
    ("the reference number for this call is {x}", ["R E F 2 2 9", "case 6 4 1 A", "ticket T 8 8 2"], "reference_number", "A"),
]


class Rec:
    def __init__(self):
        self.meta = []  # per marker id: ("S", dict) or ("N", what)

    def val(self, text, ent, spoken, cue, form):
        self.meta.append(("S", dict(entity=ent, spoken=spoken, cue=cue, form=form)))
        return "\ue000%d\ue001%s\ue002" % (len(self.meta) - 1, text)

    def neg(self, text, what):
        self.meta.append(("N", what))
        return "\ue000%d\ue001%s\ue002" % (len(self.meta) - 1, text)

    def resolve(self, s):
        """strip markers; return text, spans, negatives (byte offsets)."""
        out = bytearray()
        spans, negs = [], []
        i = 0
        while i < len(s):
            c = s[i]
            if c == "\ue000":
                j = s.index("\ue001", i)
                k = s.index("\ue002", j)
                idx = int(s[i + 1:j])
                inner = s[j + 1:k].encode("utf-8")
                st = len(out)
                out += inner
                kind, m = self.meta[idx]
                if kind == "S":
                    spans.append(dict(start=st, end=len(out), **m))
                else:
                    negs.append(dict(start=st, end=len(out), what=m))
                i = k + 1
            else:
                out += c.encode("utf-8")
                i += 1
        return out.decode("utf-8"), spans, negs


def mark_copy(rec, s):
    """Duplicate the markers in s with fresh ids (a value repeated in another JSON field)."""
    def sub(m):
        kind, meta = rec.meta[int(m.group(1))]
        rec.meta.append((kind, dict(meta) if isinstance(meta, dict) else meta))
        return "\ue000%d\ue001" % (len(rec.meta) - 1)
    return re.sub("\ue000(\\d+)\ue001", sub, s)


def cap_first(t):
    if t.startswith("\ue000"):
        j = t.index("\ue001") + 1
        return t[:j] + t[j:j + 1].upper() + t[j + 1:]
    return t[:1].upper() + t[1:] if t else t


class Builder:
    def __init__(self, R, st, rec, setting, medicare):
        self.R, self.st, self.rec, self.set, self.medicare = R, st, rec, setting, medicare
        self.G = Gen(R)
        self.turns = []  # (role, text)
        self.values = []  # (ent, value) for summaries
        self.ents = []

    def fmt(self, t, role):
        """punctuate / lower a generated utterance (with markers)."""
        st = self.st
        if st.lower:
            # markers contain only private-use chars and digits; strip punct outside markers
            parts = re.split("(\ue000\\d+\ue001[^\ue002]*\ue002)", t)
            parts = [p if p.startswith("\ue000") else style_text(p, st) for p in parts]
            return re.sub(r" +", " ", " ".join(x for x in parts if x)).strip()
        t = cap_first(t)
        if not re.search(r"[.?!]$", t.replace("\ue002", "")):
            t += "?" if (re.match(r"(can|what|could|and what|and the|is|do|would|how)\b", t.lower()) or
                         re.search(r"(help you|help you today|a good time|is that right)$", t.lower())) else "."
        t = re.sub(r"(?<!p )\bi\b", "I", t)
        t = re.sub(r"\bi'", "I'", t)
        return t

    def say(self, role, t):
        self.turns.append((role, self.fmt(t, role)))

    def v(self, ent, value, cue, written=None, textform=None):
        st = self.st
        if written is None:
            written = st.punct and st.name in ("punct", "whisper", "agent") and self.R.random() < 0.22 \
                and ent not in ("NAME",) and not (ent == "STREET" and st.name == "agent")
        if textform:
            text, spoken, form = textform
        else:
            text, spoken, form = render(ent, value, self.R, st, written)
            if spoken and not re.search(r"[A-Za-z]", text):
                spoken, form = False, form + "_alldigits"
        if st.lower:
            text = style_text(text, st)
        elif ent == "NAME" and spoken:
            text = cap_names(text, st) if self.R.random() < 0.85 else text
        return self.rec.val(text, ent, spoken, cue, form), (text, spoken, form)

    # ---- exchanges
    def ex_value(self, ent, value=None):
        R = self.R
        if value is None:
            value = self.newval(ent)
        self.values.append((ent, value))
        self.ents.append(ent)
        mode = R.choices(["ask_bare", "ask_bare", "ask_bare", "same", "volunteer", "split", "restart"],
                         [5, 5, 5, 4, 2, 2 if ent in ("PHONE", "CARD", "SSN") else 0,
                          1 if ent in ("ZIP", "PHONE", "MBI", "MEMBER_ID") else 0])[0]
        w = R.choice(WHAT[ent])
        if ent == "SSN" and "last four" in w:
            pass
        if mode == "volunteer" and ent in ("PHONE", "EMAIL", "NAME", "DOB"):
            mk, _ = self.v(ent, value, "none")
            self.say("C", R.choice(["oh and {v}, you can write that down", "{v}. that's the one to use",
                                    "oh, {v}, in case you need it"]).format(v=mk))
            return
        if mode in ("ask_bare", "volunteer") or (mode == "same" and ent not in SAME_FRAMES):
            self.say("A", R.choice(ASK).format(w=w))
            if R.random() < 0.15:
                self.say("C", R.choice(["hold on let me grab my card", "um one second", "sorry, say that again?"]))
                self.say("A", R.choice(["no problem", "take your time", "the " + w]))
            mk, info = self.v(ent, value, "prev")
            self.say("C", R.choice(BARE).format(v=mk))
        elif mode == "same":
            if R.random() < 0.5:
                self.say("A", R.choice(["okay go ahead", "what else do you need to give me", "alright, and?"]))
            mk, info = self.v(ent, value, "same")
            self.say("C", R.choice(SAME_FRAMES[ent]).format(v=mk))
        elif mode == "split":
            self.say("A", R.choice(ASK).format(w=w))
            digits = value
            cut = 3 if ent == "PHONE" else (5 if ent == "SSN" else 8)
            if ent == "SSN" or ent == "CARD":
                cut = 3 if ent == "SSN" else 8
            a, b = digits[:cut], digits[cut:]
            zero = "oh" if R.random() < 0.5 else "zero"
            t1 = dig_words(a, R, zero)
            t2 = dig_words(b, R, zero)
            self.say("C", R.choice(["{v}", "okay it's {v}", "{v} uh"]).format(
                v=self.rec.val(style_text(t1, self.st) if self.st.lower else t1, ent, True, "prev", ent.lower() + "_split1")))
            self.say("A", R.choice(["mm-hmm", "okay", "go ahead", "uh huh"]))
            self.say("C", "{v}".format(
                v=self.rec.val(style_text(t2, self.st) if self.st.lower else t2, ent, True, "prev", ent.lower() + "_split2")))
            info = None
        else:  # restart
            self.say("A", R.choice(ASK).format(w=w))
            text, spoken, form = render(ent, value, R, self.st, False)
            ws = text.split(" ")
            pre = " ".join(ws[:max(1, len(ws) // 3)])
            text2 = pre + R.choice(["... ", " i mean ", " sorry, "]) + text
            if self.st.lower:
                text2 = style_text(text2.replace("... ", " i mean "), self.st)
            mk = self.rec.val(text2, ent, True, "prev", form + "_restart")
            self.say("C", R.choice(BARE[:2] + ["it's {v}"]).format(v=mk))
            info = (text, True, form)
        # read-back
        if info and R.random() < 0.45 and ent != "NAME":
            if R.random() < 0.25 and ent in ("PHONE", "ZIP", "MBI"):
                wrong = self.wrong(ent, value)
                mk, _ = self.v(ent, wrong, "prev")
                self.say("A", R.choice(READBACK).format(v=mk))
                if ent == "PHONE":
                    l4 = value[-4:]
                    t, f = say_digits_groups([l4], R, self.st)
                    mk2 = self.rec.val(style_text(t, self.st) if self.st.lower else t, ent, True, "prev", "last4_correction")
                    self.say("C", R.choice(["no, the last four are {v}", "no no, it ends in {v}"]).format(v=mk2))
                else:
                    mk2, _ = self.v(ent, value, "prev", written=False)
                    self.say("C", R.choice(["no, it's {v}", "not quite, {v}"]).format(v=mk2))
                self.say("A", R.choice(["sorry about that, got it", "okay, corrected", "thank you"]))
            else:
                mk, _ = self.v(ent, value, "prev")
                self.say("A", R.choice(READBACK).format(v=mk))
                self.say("C", R.choice(CONFIRM))

    def wrong(self, ent, v):
        R = self.R
        if ent == "PHONE":
            return v[:-1] + str((int(v[-1]) + R.randrange(1, 9)) % 10)
        if ent == "ZIP":
            return v[:4] + str((int(v[4]) + 3) % 10) + v[5:]
        return v[:-1] + str((int(v[-1]) + 1) % 10)

    def ex_name(self, who):
        R = self.R
        st = self.st
        nm = self.G.name()
        self.values.append(("NAME", nm + ({"patient": "Caller", "relative": "Patient", "provider": "Provider"}[who],)))
        self.ents.append("NAME")
        g, s = nm
        if who == "patient":
            self.say("A", R.choice(["can i have the patient's first and last name", "who am i speaking with",
                                    "what's the member's name", "and your name?"]))
            k = R.random()
            if k < 0.3 and not st.lower:
                mk = self.rec.val(s.title() + ", " + g.title(), "NAME", True, "prev", "name_last_first")
            else:
                mk = self.rec.val(style_text(g + " " + s, st) if st.lower else cap_names(g + " " + s, st),
                                  "NAME", True, "prev", "name_full_lower" if st.lower else "name_full")
            if R.random() < 0.3:
                sp, f = say_letters(s, R, st)
                if st.lower:
                    sp = style_text(sp, st)
                mk2 = self.rec.val(sp, "NAME", True, "prev", f + "_after_name")
                self.say("C", R.choice(["{v}, {s}", "{v}... that's {s}"]).format(v=mk, s=mk2))
            else:
                self.say("C", R.choice(["{v}", "it's {v}", "yeah this is {v}", "{v}"]).format(v=mk))
            if R.random() < 0.6:
                self.say("A", R.choice(["can you spell the last name for me", "how do you spell that",
                                        "spell the last name please"]))
                sp, f = say_letters(s, R, st)
                if st.lower:
                    sp = style_text(sp, st)
                mk = self.rec.val(sp, "NAME", True, "prev", f)
                self.say("C", R.choice(["{v}", "sure it's {v}", "{v}, like it sounds"]).format(v=mk))
                self.ents.append("NAME")
            if R.random() < 0.5:
                sn = s if st.lower else s.title()
                mk = self.rec.val(sn, "NAME", True, "prev", "surname_after_title")
                self.say("A", R.choice(["thank you, mr. {v}", "thanks ms. {v}", "okay mrs. {v}, one moment"]).format(v=mk))
                self.ents.append("NAME")
        elif who == "relative":
            rel = R.choice(["mother", "father", "husband", "wife", "grandmother", "uncle"])
            mk = self.rec.val(style_text(g + " " + s, st) if st.lower else cap_names(g + " " + s, st),
                              "NAME", True, "same", "name_relative")
            self.say("C", R.choice(["it's for my {r}, {v}", "the patient is my {r}, her name is {v}",
                                    "i'm calling for my {r} {v}"]).format(r=rel, v=mk))
        elif who == "provider":
            sn = s if st.lower else s.title()
            mk = self.rec.val(sn, "NAME", True, "same", "provider_surname")
            self.say("C", R.choice(["it was ordered by doctor {v}", "dr. {v} is the one who referred me",
                                    "we're calling on behalf of dr. {v}"]).format(v=mk))
        return nm

    def newval(self, ent):
        G = self.G
        return {"PHONE": G.phone, "SSN": G.ssn, "DOB": lambda: G.dob(self.medicare), "MRN": G.mrn,
                "MBI": G.mbi, "CARD": G.card, "ZIP": G.zip, "NPI": G.npi, "MEMBER_ID": G.member,
                "STREET": G.street, "EMAIL": G.email}[ent]()

    def negative(self):
        R = self.R
        frame, choices, what, who = R.choice(NEG)
        x = R.choice(choices)
        if self.st.lower:
            x = style_text(x, self.st)
            if re.search(r"[/$:]", x) or re.search(r"\d\.\d", x):
                return
        self.say(who, frame.format(x=self.rec.neg(x, what)))


# ------------------------------------------------------------- records
TARGET = {"NAME": 118, "SSN": 76, "PHONE": 80, "DOB": 80, "MRN": 76, "MBI": 76, "CARD": 76, "ZIP": 76,
          "STREET": 76, "EMAIL": 76, "MEMBER_ID": 76, "NPI": 76}
AGENT_NAMES = ["kofi", "marisol", "devon", "anika", "rhett", "ines", "tobias", "shirin", "colette", "malik"]


def hexid(R, n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid(R):
    h = hexid(R, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


def carrier_window(R, carriers, src, k):
    pool = carriers[src]
    did, turns = pool[R.randrange(len(pool))]
    k = min(k, len(turns))
    st = R.randrange(0, len(turns) - k + 1)
    return did, turns[st:st + k]


def clean_carrier(t, st):
    t = t.replace(" wan na ", " wanna ").replace(" gon na ", " gonna ")
    t = re.sub(r" +([,.?!])", r"\1", t)
    t = re.sub(r"(\w) n't\b", r"\1n't", t)
    t = re.sub(r"^[,.;: ]+", "", t)
    t = re.sub(r"([,.])[,.]+", r"\1", t)
    if st.lower:
        return style_text(t, st)
    return t


def summary_text(R, b, rec):
    """LLM-style written summary with written values (spoken false, cue same)."""
    pst = Style("written", False, True)
    bits = []
    for ent, val in b.values[:4]:
        if ent == "NAME":
            g, s, role = val
            if role == "Provider":
                bits.append("ordering provider Dr. " + rec.val(s.title(), "NAME", False, "same", "written_surname"))
            else:
                bits.append(R.choice([role + " {v}", role.lower() + " name {v}"]).format(
                    v=rec.val(g.title() + " " + s.title(), "NAME", False, "same", "written_name")))
            continue
        text, spoken, form = render(ent, val, R, pst, True)
        lab = {"PHONE": "callback number", "SSN": "SSN" if len(text) > 4 else "SSN last four",
               "DOB": "DOB", "MRN": "MRN", "MBI": "MBI", "CARD": "card" if len(text) > 4 else "card ending",
               "ZIP": "ZIP", "STREET": "address", "EMAIL": "email", "MEMBER_ID": "member ID", "NPI": "NPI"}[ent]
        bits.append("%s %s" % (lab, rec.val(text, ent, False, "same", form)))
    head = R.choice(["The caller contacted %s %s." % (b.set[5], R.choice(["to request assistance", "regarding their request"])),
                     "Call handled by the %s line." % b.set[0].replace("_", " "),
                     "Summary: %s." % b.set[6].replace("i'm", "caller is").replace("i ", "caller ").capitalize()])
    tail = R.choice(["Verified: " + "; ".join(bits) + ".", "Details captured - " + ", ".join(bits) + ".",
                     " ".join(x + "." for x in bits)])
    end = R.choice([" Follow-up scheduled.", " No further action needed.", " Agent to send confirmation.", ""])
    return head + " " + tail + end


def build_conv(R, carriers, st, setting, nvals, deficit, src):
    rec = Rec()
    medicare = any(e == "MBI" for e in setting[7]) or setting[0] in ("ma_plan_outreach", "hospice_intake")
    b = Builder(R, st, rec, setting, medicare)
    key = setting[0]
    visit = key == "clinic_visit"
    # choose entities
    bias = setting[7]
    ents = []
    pool = list(TARGET)
    for _ in range(nvals):
        w = [(0 if e == "NAME" and deficit[e] <= 0.06 else max(0.2, deficit[e])) *
             (3 if e in bias else 1) * (0.3 if e in ents else 1) for e in pool]
        ents.append(R.choices(pool, w)[0])
    # opening
    if visit:
        if "NAME" in ents and R.random() < 0.6:
            g, s = b.G.name()
            b.values.append(("NAME", (g, s, "Patient")))
            b.ents.append("NAME")
            mk = rec.val(g if st.lower else g.title(), "NAME", True, "none", "given_only")
            b.say("A", R.choice(["hi {v}, have a seat", "hey {v} good to see you again", "{v}, come on in"]).format(v=mk))
            ents.remove("NAME")
        else:
            b.say("A", R.choice(["hi there how are you doing today", "good to see you, what brings you in"]))
    else:
        if "NAME" in ents and R.random() < 0.3:
            an = R.choice(AGENT_NAMES)
            mk = rec.val(an if st.lower else an.title(), "NAME", True, "same", "agent_given")
            b.ents.append("NAME")
            b.say("A", "thank you for calling %s, this is {v}, how can i help you" .replace("{v}", mk) % setting[5]
                  if R.random() < 0.6 else ("hi this is {v} calling from %s" % setting[5]).replace("{v}", mk))
            ents.remove("NAME")
        else:
            b.say("A", R.choice(["thank you for calling %s, how can i help you today" % setting[5],
                                 "%s, how may i help you" % setting[5],
                                 "hi, i'm calling from %s, is now a good time" % setting[5]]))
        if setting[6].startswith(("we ", "i'm calling to")):
            b.say("A", setting[6])
            b.say("C", R.choice(["oh okay", "okay, sure", "oh right, yes"]))
        else:
            b.say("C", setting[6] if R.random() < 0.7 else "yeah hi, " + setting[6])
    # carrier chunks
    ncar = R.randrange(2, 5)
    chunks = []
    for _ in range(ncar):
        _, ts = carrier_window(R, carriers, src, R.randrange(2, 5))
        chunks.append([("A" if d else "C", clean_carrier(t, st)) for d, t in ts])
    negs = R.randrange(1, 4)
    plan = []
    for e in ents:
        plan.append(("V", e))
    for c in chunks:
        plan.insert(R.randrange(0, len(plan) + 1), ("K", c))
    for _ in range(negs):
        plan.insert(R.randrange(0, len(plan) + 1), ("N", None))
    for kind, x in plan:
        if kind == "K":
            for role, t in x:
                if t:
                    b.turns.append((role, t if st.lower else t))
        elif kind == "N":
            b.negative()
        elif x == "NAME":
            who = R.choice(["patient", "patient", "patient", "relative", "provider"] if not visit else ["provider", "relative"])
            b.ex_name(who)
        elif x == "NPI":
            nm = b.G.name()
            b.values.append(("NAME", nm + ("Provider",)))
            sn = nm[1] if st.lower else nm[1].title()
            b.ex_value_npi = True
            b.say("A", R.choice(["and the prescriber's npi", "what's the ordering provider's n p i",
                                 "i'll need the referring doctor's npi"]) if not visit else
                  "i'm going to send you to a specialist")
            if visit:
                mk = rec.val(sn, "NAME", True, "same", "provider_surname")
                mk2, _ = b.v("NPI", b.newval("NPI"), "same")
                b.say("A", "refer to dr. {n}, n p i {v}".replace("{n}", mk).replace("{v}", mk2))
                b.ents += ["NAME", "NPI"]
            else:
                val = b.newval("NPI")
                b.values.append(("NPI", val))
                mk2, info = b.v("NPI", val, "prev")
                b.say("C", R.choice(BARE).format(v=mk2))
                b.ents.append("NPI")
                if R.random() < 0.4:
                    mk3, _ = b.v("NPI", val, "prev")
                    b.say("A", R.choice(READBACK).format(v=mk3))
                    b.say("C", R.choice(CONFIRM))
        else:
            b.ex_value(x)
    b.say("A", R.choice(["okay you're all set", "alright i've put that in for you", "great, anything else today"]))
    b.say("C", R.choice(["no that's it thank you", "that's everything, thanks", "nope, thanks so much bye"]))
    # turn count 8..40
    while len(b.turns) < 8:
        _, ts = carrier_window(R, carriers, src, 3)
        pos = len(b.turns) - 2
        b.turns[pos:pos] = [("A" if d else "C", clean_carrier(t, st)) for d, t in ts]
    if len(b.turns) > 40:
        keep = []
        for role, t in b.turns:
            keep.append((role, t))
        # drop carrier turns (no markers) from the middle until 40
        i = len(keep) - 3
        while len(keep) > 40 and i > 2:
            if "\ue000" not in keep[i][1]:
                del keep[i]
            i -= 1
        b.turns = keep[:40] if len(keep) <= 40 else keep
    b.turns = [(r, t) for r, t in b.turns if t.strip()]
    return rec, b


LABELS = {
    "lower": None, "punct": [("Speaker 1", "Speaker 2"), None], "whisper": [("SPEAKER_00", "SPEAKER_01"), None],
    "transcribe": [("spk_0", "spk_1")], "agent": [("AI", "User"), ("assistant", "user"), ("Bot", "Caller")],
    "callcenter": [None, ("Agent", "Caller"), ("Rep", "Member")],
}


def transcript_record(R, carriers, kind, stname, lower, punct, deficit, rid):
    setting = R.choice(SETTINGS)
    if stname == "agent" and setting[0] == "clinic_visit":
        setting = SETTINGS[14]
    st = Style(stname, lower, punct)
    src = "aci" if lower else R.choice(["mts", "mts", "primock"])
    if lower and R.random() < 0.2:
        src = R.choice(["mts", "primock"])
    nvals = R.randrange(2, 6)
    rec, b = build_conv(R, carriers, st, setting, nvals, deficit, src)
    lab = R.choice(LABELS[stname]) if LABELS[stname] else None
    if stname == "lower":
        a, c = ("[%s]" % setting[1].replace(" ", "_"), "[%s]" % setting[2])
    elif lab is None:
        a, c = (R.choice(setting[3]) + ":", R.choice(setting[4]) + ":")
    else:
        a, c = lab[0] + ":", lab[1] + ":"
    stamps = R.random() < 0.3
    t0 = R.randrange(0, 40)
    lines = []
    for i, (role, t) in enumerate(b.turns):
        pre = ""
        if stamps:
            t0 += R.randrange(2, 14)
            pre = "[%02d:%02d:%02d] " % (t0 // 3600, t0 // 60 % 60, t0 % 60)
        if stname == "agent" and role == "C" and R.random() < 0.5:
            t = lowercase_outside(t)
        lines.append(pre + (a if role == "A" else c) + " " + t)
    text, spans, negs = rec.resolve("\n".join(lines))
    return dict(id=rid, format="transcript", kind=kind, text=text, spans=spans, negatives=negs)


def lowercase_outside(t):
    parts = re.split("(\ue000\\d+\ue001[^\ue002]*\ue002)", t)
    return "".join(p if p.startswith("\ue000") else re.sub(r"[.?!]", "", p.lower()) for p in parts)


def json_record(R, carriers, profile, deficit, rid):
    setting = R.choice(SETTINGS[:15])
    stname = "agent" if profile in ("vapi", "retell", "signalwire") else "punct"
    st = Style(stname, False, True)
    src = R.choice(["mts", "primock", "aci"])
    nvals = R.randrange(2, 5)
    rec, b = build_conv(R, carriers, st, setting, nvals, deficit, src)
    turns = b.turns[:30]
    t = 0.0
    times = []
    for role, x in turns:
        d = round(1.2 + len(x) / 15.0 + R.random(), 2)
        times.append((round(t, 2), round(t + d, 2)))
        t += d + round(R.random() * 1.5, 2)
    dur = round(t, 3)
    start_ms = 1764400000000 + R.randrange(0, 3000000000)
    summ = summary_text(R, b, rec)
    if profile == "vapi":
        msgs = [{"role": "system", "message": "You are the phone assistant for %s." % setting[5], "time": start_ms,
                 "secondsFromStart": 0}]
        for (role, x), (s, e) in zip(turns, times):
            msgs.append({"role": "bot" if role == "A" else "user", "message": mark_copy(rec, x),
                         "time": start_ms + int(s * 1000), "endTime": start_ms + int(e * 1000),
                         "secondsFromStart": s, "duration": int((e - s) * 1000)})
        tr = "\n".join(("AI: " if r == "A" else "User: ") + x for r, x in turns)
        obj = {"message": {"timestamp": start_ms + int(dur * 1000) + 900, "type": "end-of-call-report",
                           "endedReason": R.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": {"id": uuid(R), "orgId": uuid(R), "type": "inboundPhoneCall", "status": "ended",
                                    "assistantId": uuid(R), "phoneNumberId": uuid(R)},
                           "artifact": {"messages": msgs, "transcript": tr,
                                        "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(R)},
                           "analysis": {"summary": summ, "successEvaluation": R.choice(["true", "false"])},
                           "startedAt": "2025-11-%02dT%02d:%02d:%02d.%03dZ" % (R.randrange(1, 29), R.randrange(13, 23), R.randrange(60), R.randrange(60), R.randrange(1000)),
                           "cost": round(R.random() * 0.4 + 0.05, 4),
                           "costBreakdown": {"stt": round(R.random() * 0.05, 4), "llm": round(R.random() * 0.1, 4),
                                             "tts": round(R.random() * 0.08, 4), "vapi": round(dur / 60 * 0.05, 4),
                                             "total": round(R.random() * 0.3 + 0.05, 4)},
                           "durationSeconds": dur}}
    elif profile == "retell":
        ev = R.choice(["call_analyzed", "call_analyzed", "call_ended"])
        call = {"call_type": "phone_call", "call_id": "call_" + hexid(R, 28), "agent_id": "agent_" + hexid(R, 24),
                "call_status": "ended", "start_timestamp": start_ms, "end_timestamp": start_ms + int(dur * 1000),
                "duration_ms": int(dur * 1000), "direction": R.choice(["inbound", "outbound"]),
                "disconnection_reason": R.choice(["user_hangup", "agent_hangup", "inactivity"]),
                "transcript": "\n".join(("Agent: " if r == "A" else "User: ") + mark_copy(rec, x) for r, x in turns),
                "transcript_object": [{"role": "agent" if r == "A" else "user", "content": mark_copy(rec, x)}
                                      for r, x in turns],
                "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % hexid(R, 32),
                "latency": {"e2e": {"p50": R.randrange(700, 1400), "p90": R.randrange(1400, 2200)},
                            "llm": {"p50": R.randrange(300, 700)}},
                "call_cost": {"combined_cost": round(R.random() * 30 + 5, 2), "total_duration_seconds": int(dur)}}
        if ev == "call_analyzed":
            call["call_analysis"] = {"call_summary": summ, "user_sentiment": R.choice(["Neutral", "Positive"]),
                                     "call_successful": True, "in_voicemail": False}
        else:
            rec_unused = summ  # noqa: summary not emitted
        obj = {"event": ev, "call": call}
        if ev == "call_ended":
            drop_markers(rec, summ)
    elif profile == "signalwire":
        us = start_ms * 1000
        log = [{"role": "system", "content": "You are a helpful scheduling agent for %s." % setting[5]}]
        for (role, x), (s, e) in zip(turns, times):
            log.append({"role": "assistant" if role == "A" else "user", "content": mark_copy(rec, x),
                        "timestamp": us + int(s * 1e6)})
        sid = uuid(R)
        obj = {"action": "post_conversation", "ai_session_id": sid, "app_name": "swml app", "call_id": uuid(R),
               "call_start_date": us, "call_answer_date": us + 900000, "call_end_date": us + int(dur * 1e6),
               "ai_start_date": us + 1000000, "ai_end_date": us + int(dur * 1e6) - 500000,
               "project_id": uuid(R), "space_id": uuid(R), "caller_id_name": "WIRELESS CALLER",
               "call_log": log, "post_prompt_data": {"raw": summ, "substituted": mark_copy(rec, summ)},
               "total_input_tokens": R.randrange(2000, 9000), "total_output_tokens": R.randrange(200, 900),
               "conversation_id": sid}
    else:
        spk = {"A": 0, "C": 1}
        whole = " ".join(mark_copy(rec, x) for _, x in turns)
        paras = "".join("\nSpeaker %d: %s\n" % (spk[r], mark_copy(rec, x)) for r, x in turns)
        if profile == "deepgram":
            utts = [{"start": s, "end": e, "confidence": round(0.85 + R.random() * 0.14, 4), "channel": 0,
                     "transcript": mark_copy(rec, x), "speaker": spk[r], "id": uuid(R)}
                    for (r, x), (s, e) in zip(turns, times)]
            res = {"channels": [{"alternatives": [{"transcript": whole, "confidence": round(0.9 + R.random() * 0.09, 4),
                                                   "paragraphs": {"transcript": paras}}]}], "utterances": utts}
            if R.random() < 0.6:
                res["summary"] = {"result": "success", "short": summ}
            else:
                drop_markers(rec, summ)
            obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(R),
                                "sha256": hexid(R, 64), "created": "2025-11-%02dT18:%02d:%02d.%03dZ" % (
                                    R.randrange(1, 29), R.randrange(60), R.randrange(60), R.randrange(1000)),
                                "duration": dur, "channels": 1, "models": [uuid(R)],
                                "model_info": {"x": {"name": "2-phonecall-nova", "version": "2024-01-09.29447",
                                                     "arch": "nova-2"}}},
                   "results": res}
            mi = obj["metadata"]["model_info"]
            mi[obj["metadata"]["models"][0]] = mi.pop("x")
        else:
            drop_markers(rec, summ)
            segs = [{"id": i, "transcript": mark_copy(rec, x), "start_time": "%.3f" % s, "end_time": "%.3f" % e,
                     "speaker_label": "spk_%d" % spk[r], "items": []}
                    for i, ((r, x), (s, e)) in enumerate(zip(turns, times))]
            obj = {"jobName": "call-%s" % hexid(R, 12), "accountId": "%012d" % R.randrange(10 ** 11, 10 ** 12),
                   "status": "COMPLETED",
                   "results": {"transcripts": [{"transcript": whole}],
                               "speaker_labels": {"channel_label": "ch_0", "speakers": 2,
                                                  "segments": [{"start_time": "%.3f" % s, "end_time": "%.3f" % e,
                                                                "speaker_label": "spk_%d" % spk[r], "items": []}
                                                               for (r, x), (s, e) in zip(turns, times)]},
                               "items": [], "audio_segments": segs}}
    # the original turn markers: vapi transcript / others use copies; the originals in turns are used by vapi tr
    line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    used = set(int(m) for m in re.findall("\ue000(\\d+)\ue001", line))
    text, spans, negs = rec.resolve(line)
    return dict(id=rid, format="json", profile=profile, kind=profile + "_payload", text=text, spans=spans,
                negatives=negs), used


def drop_markers(rec, s):
    pass


# ------------------------------------------------------------- check
W2D = {w: str(i) for i, w in enumerate(ONES)}
W2D.update({"oh": "0", "o": "0"})
T2D = {w: str(10 + i) for i, w in enumerate(TEENS)}
TEN2 = {w: i for i, w in enumerate(TENS) if w}
NATO_R = {v: k for k, v in NATO.items()}
NATO_R["xray"] = "x"


def norm_chars(s, letters=True):
    """spoken/written rendering -> string of digits and upper-case letters."""
    s = re.sub(r"[()+]", " ", s.lower()).replace("x-ray", "xray").replace("-", " - ").replace(".", " . ").replace(",", " , ")
    toks = s.split()
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nx = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("double", "triple") and nx in W2D:
            out.append(W2D[nx] * (2 if t == "double" else 3))
            i += 2
            continue
        if t in W2D and not (t == "o" and letters and nx == "as"):
            out.append(W2D[t])
        elif t in T2D:
            out.append(T2D[t])
        elif t in TEN2:
            if nx in W2D and nx not in ("oh", "o", "zero"):
                out.append(str(TEN2[t]) + W2D[nx])
                i += 1
            else:
                out.append(str(TEN2[t]) + "0")
        elif t == "hundred":
            out.append("00")
        elif t.isdigit():
            out.append(t)
        elif letters and t in NATO_R:
            out.append(NATO_R[t].upper())
        elif letters and len(t) == 1 and t.isalpha():
            if nx == "as":
                out.append(t.upper())
                i += 4 if i + 3 < len(toks) and toks[i + 2] == "in" else 1
                continue
            out.append(t.upper())
        elif letters and re.fullmatch(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+", t):
            out.append(t.upper())
        i += 1
    return "".join(out)


def mbi_ok(v):
    return bool(re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d"
                             r"[AC-HJKMNP-RT-Y]{2}\d\d", v))


def tail_of(s):
    """the value after a restart: text after the earliest restart separator."""
    hits = [(s.lower().find(sep), sep) for sep in ("... ", " i mean ", " sorry, ", " sorry ")]
    hits = [h for h in hits if h[0] >= 0]
    if hits:
        k, sep = min(hits)
        return s[k + len(sep):]
    return s


def date_ok(s):
    low = s.lower().replace(",", " ")
    mon = [i + 1 for i, m in enumerate(MONTHS) if re.search(r"\b%s\b" % m, low)]
    if re.fullmatch(r"\d\d?/\d\d?/\d{4}", s.strip()):
        m, d, y = map(int, s.split("/"))
    elif re.fullmatch(r"\d{4}-\d\d-\d\d", s.strip()):
        y, m, d = map(int, s.split("-"))
    else:
        for o in sorted(ORD[1:], key=len, reverse=True):
            low = re.sub(r"\b%s\b" % o, " D%d " % ORD.index(o), low)
        low = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r" D\1 ", low)
        dd = re.findall(r"D(\d+)", low)
        rest = re.sub(r"D\d+", " ", low)
        for mm in MONTHS:
            rest = rest.replace(mm, " ")
        rest = rest.replace(" the ", " ").replace(" of ", " ").replace("slash", " ")
        if mon:
            m = mon[0]
            if dd:
                d = int(dd[0])
                y = norm_year(rest)
            else:
                ds = norm_chars(re.sub(r"thousand( and)?", "thousand", rest), False)
                d, y = split_d_y(rest)
        else:
            ds = norm_chars(rest, False)
            m, d, y = mdy_words(rest)
            if not m and len(ds) == 6:
                m, d, y = int(ds[:2]), int(ds[2:4]), 1900 + int(ds[4:])
    import datetime
    try:
        datetime.date(y, m, d)
    except Exception:
        return False
    return 1931 <= y <= 2012


def norm_year(s):
    s = s.strip()
    if re.search(r"\d{4}", s):
        return int(re.search(r"\d{4}", s).group())
    m = re.search(r"two thousand (?:and )?(.*)", s)
    if m:
        r = norm_chars(m.group(1), False) or "0"
        return 2000 + int(r)
    if s == "two thousand":
        return 2000
    ds = norm_chars(s, False)
    return int(ds[-4:]) if len(ds) >= 4 else -1


def split_d_y(rest):
    toks = rest.split()
    for k in range(1, 3):
        d = norm_chars(" ".join(toks[:k]), False)
        y = norm_year(" ".join(toks[k:]))
        if d and 1 <= int(d) <= 31 and 1931 <= y <= 2012:
            return int(d), y
    return 0, 0


def mdy_words(rest):
    toks = [t for t in rest.split() if t not in ("uh", "um")]
    for a in range(1, 3):
        for b_ in range(a + 1, a + 3):
            m = norm_chars(" ".join(toks[:a]), False)
            d = norm_chars(" ".join(toks[a:b_]), False)
            y = norm_year(" ".join(toks[b_:]))
            if m and d and m.isdigit() and d.isdigit() and 1 <= int(m) <= 12 and 1 <= int(d) <= 31 and 1931 <= y <= 2012:
                return int(m), int(d), y
    return 0, 0, 0


def value_ok(ent, s, form):
    if "restart" in form:
        s = tail_of(s)
    if ent == "NAME":
        return bool(re.fullmatch(r"[A-Za-z][A-Za-z' ,.\-]*", s))
    if ent == "EMAIL":
        return "@" in s or " at " in s
    if ent == "STREET":
        return bool(re.search(r"\d|" + "|".join(ONES[1:] + TEENS + [t for t in TENS if t]), s.lower()))
    if ent == "DOB":
        return date_ok(s)
    if ent == "MBI":
        return mbi_ok(norm_chars(s))
    c = norm_chars(s, ent in ("MRN", "MEMBER_ID"))
    if "split" in form or "last4" in form:
        return c.isdigit() and 3 <= len(c) <= 13
    if ent == "PHONE":
        c = c[1:] if len(c) == 11 and c[0] == "1" else c
        return len(c) == 10 and c[:3] in AREA and c[3:6] == "555" and c[6:8] == "01"
    if ent == "SSN":
        return len(c) == 9 and 0 < int(c[:3]) < 900 and c[:3] != "666" and c[3:5] != "00" and c[5:] != "0000"
    if ent == "CARD":
        return 13 <= len(c) <= 19 and luhn_ok(c)
    if ent == "NPI":
        return len(c) == 10 and c[0] in "12" and luhn_ok("80840" + c)
    if ent == "ZIP":
        return len(c) in (5, 9) and c[:3] in ZIP3
    if ent in ("MRN", "MEMBER_ID"):
        return 6 <= len(c) <= 14
    return False


def json_string_ranges(b):
    """byte ranges (start, end) of string contents in a compact JSON line."""
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


LINE_RE = re.compile(r"^(?:\[\d\d:\d\d:\d\d\] )?(?:\[[a-z_]+\]|[A-Za-z][A-Za-z_ 0-9]{0,20}:) \S")


def check(files):
    errs = 0
    recs = []
    for f in files:
        for ln, line in enumerate(open(f, encoding="utf-8"), 1):
            r = json.loads(line)
            recs.append(r)
            t = r["text"]
            b = t.encode("utf-8")
            items = [(s["start"], s["end"], "S", s) for s in r["spans"]] + \
                    [(s["start"], s["end"], "N", s) for s in r["negatives"]]
            items.sort(key=lambda x: x[:2])
            prev = 0
            for a, e, k, s in items:
                if not (0 <= a < e <= len(b)) or a < prev:
                    print("%s:%d overlap/offset %r" % (f, ln, s))
                    errs += 1
                prev = max(prev, e)
                seg = b[a:e].decode("utf-8")
                if seg != seg.strip() or not seg:
                    print("%s:%d whitespace edge %r" % (f, ln, seg))
                    errs += 1
                if k == "S" and not value_ok(s["entity"], seg, s["form"]):
                    print("%s:%d invalid %s %r (%s)" % (f, ln, s["entity"], seg, s["form"]))
                    errs += 1
            if not 2 <= len(r["spans"]):
                print("%s:%d fewer than 2 spans" % (f, ln))
                errs += 1
            if r["format"] == "transcript":
                lines = t.split("\n")
                if not 8 <= len(lines) <= 40 or t.endswith("\n"):
                    print("%s:%d turn count %d" % (f, ln, len(lines)))
                    errs += 1
                for x in lines:
                    if not LINE_RE.match(x):
                        print("%s:%d bad line %r" % (f, ln, x[:60]))
                        errs += 1
            else:
                json.loads(t)
                rng = json_string_ranges(b)
                for a, e, k, s in items:
                    if not any(x <= a and e <= y for x, y in rng):
                        print("%s:%d span outside string %r" % (f, ln, s))
                        errs += 1
    stats(recs)
    print("errors: %d" % errs)
    return errs


def stats(recs):
    C = collections.Counter
    ent, cue, spk, kind, neg, fmt = C(), C(), C(), C(), C(), C()
    ecue = collections.defaultdict(C)
    espk = collections.defaultdict(C)
    fcue = collections.defaultdict(C)
    spelled = 0
    for r in recs:
        kind[r["kind"]] += 1
        fmt[r["format"]] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            cue[s["cue"]] += 1
            spk[s["spoken"]] += 1
            ecue[s["entity"]][s["cue"]] += 1
            espk[s["entity"]][s["spoken"]] += 1
            fcue[r["format"]][s["cue"]] += 1
            spelled += s["entity"] == "NAME" and s["form"].startswith("spelled")
        for n in r["negatives"]:
            neg[n["what"]] += 1
    print("records: %d  %s" % (len(recs), dict(fmt)))
    print("kinds: %s" % dict(sorted(kind.items())))
    print("spans: %d  cue %s  spoken %s" % (sum(ent.values()), dict(cue), {str(k): v for k, v in spk.items()}))
    for e, n in ent.most_common():
        print("  %-10s %4d  spoken/written %3d/%3d  same/prev/none %d/%d/%d" % (
            e, n, espk[e][True], espk[e][False], ecue[e]["same"], ecue[e]["prev"], ecue[e]["none"]))
    print("NAME spelled: %d" % spelled)
    for f_ in sorted(fcue):
        print("cue in %s: %s" % (f_, dict(fcue[f_])))
    print("negatives: %d  %s" % (sum(neg.values()), dict(neg.most_common())))


# ------------------------------------------------------------- main
def generate(seed, n):
    R = random.Random(seed)
    cdir = next(d for d in CARRIER_DIRS if d and os.path.isdir(d))
    carriers = load_carriers(cdir)
    have = collections.Counter()
    out = []
    njson = round(n * 0.25)
    order = ["T"] * (n - njson) + ["J"] * njson
    R.shuffle(order)
    kw = [k[1] for k in KINDS]
    nj = 0
    for i, o in enumerate(order):
        deficit = {e: max(0.0, (TARGET[e] * n / 200.0 - have[e]) / (TARGET[e] * n / 200.0)) + 0.05 for e in TARGET}
        rid = "h8-%04d" % (i + 1)
        if o == "T":
            k = R.choices(KINDS, kw)[0]
            rec = transcript_record(R, carriers, k[0], k[2], k[3], k[4], deficit, rid)
        else:
            rec, _ = json_record(R, carriers, PROFILES[nj % 5], deficit, rid)
            nj += 1
        for s in rec["spans"]:
            have[s["entity"]] += 1
        out.append(rec)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261208)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--check", nargs="+")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(1 if check(a.check) else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    sys.stdout.write("\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs) + "\n")


if __name__ == "__main__":
    main()
