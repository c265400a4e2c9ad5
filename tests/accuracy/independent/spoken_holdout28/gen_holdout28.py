#!/usr/bin/env python3
"""Holdout 28: dental / orthodontics front-desk and insurance-verification calls with spoken PHI.

Independent labelled corpus (record format of tests/accuracy/independent/spoken/README.md).
Python 3 standard library only; the same seed gives byte-identical output whatever
PYTHONHASHSEED is (no hash(), no set iteration, one random.Random per record).

  python3 gen_holdout28.py [--seed 2828] [--n 150] > holdout28.jsonl
  python3 gen_holdout28.py --stats                 # counts for the default seed
  python3 gen_holdout28.py --check holdout28.jsonl # re-validate a file (+ stats)
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

# ---------------------------------------------------------------------------
# markers: every injected value / negative is wrapped while the record is built,
# the wrappers are removed after serialisation and turned into byte offsets.
M0, M1, M2 = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile(M0 + r"(\d+)" + M1 + "(.*?)" + M2, re.S)

# ---------------------------------------------------------------------------
# number words
U = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEEN = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty",
        9: "ninety"}
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NATO = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
        "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J", "kilo": "K",
        "lima": "L", "mike": "M", "november": "N", "oscar": "O", "papa": "P", "quebec": "Q",
        "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U", "victor": "V", "whiskey": "W",
        "xray": "X", "yankee": "Y", "zulu": "Z"}
NATO_OF = {}
for _w, _l in sorted(NATO.items()):
    if _w not in ("alfa",):
        NATO_OF[_l] = _w
AS_IN = {"A": "apple", "B": "boy", "C": "cat", "D": "David", "E": "Edward", "F": "Frank",
         "G": "George", "H": "Henry", "J": "John", "K": "king", "L": "Larry", "M": "Mary",
         "N": "Nancy", "O": "ocean", "P": "Peter", "Q": "queen", "R": "Robert", "S": "Sam",
         "T": "Tom", "U": "umbrella", "V": "Victor", "W": "William", "X": "x-ray", "Y": "yellow",
         "Z": "zebra", "I": "igloo"}


def ordinal(n):
    if n in ORD:
        return ORD[n]
    return TENS[n // 10] + " " + ORD[n % 10]


def ord_suffix(n):
    if 11 <= n % 100 <= 13:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def dw(c, zero="zero"):
    return zero if c == "0" else U[int(c)]


def words(s, zero="zero", sep=" "):
    return sep.join(dw(c, zero) for c in s)


def words_runs(s, zero="oh"):
    """digit words with double/triple for runs."""
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        n = j - i
        if n == 3:
            out.append("triple " + dw(s[i], zero))
        elif n == 2:
            out.append("double " + dw(s[i], zero))
        else:
            out.extend([dw(s[i], zero)] * n)
        i = j
    return " ".join(out)


def pair(s2, zero="oh"):
    n = int(s2)
    if s2[0] == "0":
        return zero + " " + dw(s2[1], zero)
    if n < 20:
        return TEEN[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + U[n % 10])


def num_words(n):
    """0..99 as words."""
    if n < 10:
        return U[n]
    if n < 20:
        return TEEN[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + U[n % 10])


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else rng.choice([" ", " and "]) + U[y - 2000])
    if y >= 2010:
        return rng.choice(["twenty " + pair(str(y % 100)), "two thousand " + num_words(y - 2000)])
    return num_words(y // 100) + " " + pair("%02d" % (y % 100))


# ---------------------------------------------------------------------------
# fictitious value pools
FIRST_F = ["Maria", "Jennifer", "Linda", "Patricia", "Elizabeth", "Susan", "Jessica", "Sarah",
           "Karen", "Nancy", "Lisa", "Dana", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
           "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura",
           "Cynthia", "Kathleen", "Angela", "Brenda", "Nicole", "Katherine", "Rachel",
           "Tamika", "Yesenia", "Priya", "Mei", "Fatima", "Ngozi", "Keisha", "Lucia", "Guadalupe",
           "Renata", "Shanice", "Marisol", "Ingrid"]
FIRST_M = ["James", "Robert", "John", "Michael", "David", "Richard", "Joseph", "Thomas",
           "Christopher", "Daniel", "Matthew", "Anthony", "Steven", "Andrew", "Joshua", "Kenneth",
           "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Jeffrey", "Ryan", "Gary",
           "Nicholas", "Eric", "Jonathan", "Justin", "Brandon", "Samuel", "Raymond", "Gregory",
           "Patrick", "Dennis", "Aaron", "Jose", "Nathan", "Darnell", "Luis", "Carlos", "Hiroshi",
           "Arjun", "Omar", "Tremaine", "Dmitri", "Wendell", "Rafael"]
KIDS = [("Liam", "m"), ("Noah", "m"), ("Olivia", "f"), ("Emma", "f"), ("Sophia", "f"),
        ("Isabella", "f"), ("Mia", "f"), ("Elijah", "m"), ("Lucas", "m"), ("Mason", "m"),
        ("Logan", "m"), ("Ethan", "m"), ("Aiden", "m"), ("Harper", "f"), ("Evelyn", "f"),
        ("Abigail", "f"), ("Ella", "f"), ("Scarlett", "f"), ("Chloe", "f"), ("Zoe", "f"),
        ("Nora", "f"), ("Leo", "m"), ("Mateo", "m"), ("Jayden", "m"), ("Camila", "f"),
        ("Aaliyah", "f"), ("Imani", "f"), ("Santiago", "m"), ("Kai", "m"), ("Maya", "f"),
        ("Layla", "f"), ("Eli", "m"), ("Caleb", "m"), ("Isaiah", "m"), ("Madison", "f"),
        ("Declan", "m"), ("Xiomara", "f"), ("Tobias", "m")]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore",
        "Jackson", "Lee", "Perez", "Thompson", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
        "Robinson", "Walker", "Allen", "Wright", "Torres", "Nguyen", "Flores", "Adams", "Nelson",
        "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Kowalski", "Castellanos",
        "Brennan", "Nakamura", "Patel", "Abernathy", "Delgado", "Fitzgerald", "Haddad", "Jablonski",
        "Mensah", "Oyelaran", "Szymanski", "Villanueva", "Whitfield", "Yamamoto", "Zielinski",
        "Petrakis", "Dubois", "Romero", "Pham", "Tran", "Kaur", "Chaudhry", "Begay", "Baker",
        "Young", "Greer", "Achterberg", "Lindgren", "Quintero", "Osei"]
PROVIDERS = ["Okafor", "Lindqvist", "Desai", "Harrington", "Moreau", "Feldman", "Acosta", "Chen",
             "Brandt", "Oduya", "Sorensen", "Ruiz"]
REPS = ["Denise", "Marcus", "Tonya", "Kelvin", "Rochelle", "Brett", "Yolanda", "Andre", "Monique",
        "Trevor", "Latrice", "Gordon"]
STAFF = ["Kayla", "Jasmine", "Brittany", "Alyssa", "Courtney", "Tiffany", "Destiny", "Megan"]
EMPLOYERS = ["Summit Freight", "Prairie State Electric", "Northfield Public Schools",
             "Hendricks Logistics", "Copperline Manufacturing", "Bluewater Credit Union",
             "the county sheriff's office", "Tri-County Transit", "Meridian Software",
             "Lakeside Regional Medical Center", "Arbor Grocery", "the park district"]
PAYERS = ["Delta Dental", "MetLife", "Cigna Dental", "Guardian", "Aetna Dental", "United Concordia",
          "Humana Dental", "Blue Cross Blue Shield"]
# city, state, area code, zip3
CITIES = [("Naperville", "Illinois", "630", "605"), ("Schaumburg", "Illinois", "847", "601"),
          ("Evanston", "Illinois", "847", "602"), ("Plano", "Texas", "972", "750"),
          ("Round Rock", "Texas", "512", "786"), ("Tempe", "Arizona", "480", "852"),
          ("Gilbert", "Arizona", "480", "852"), ("Cary", "North Carolina", "919", "275"),
          ("Dublin", "Ohio", "614", "430"), ("Beaverton", "Oregon", "503", "970"),
          ("Framingham", "Massachusetts", "508", "017"), ("Aurora", "Colorado", "303", "800"),
          ("Overland Park", "Kansas", "913", "662"), ("Franklin", "Tennessee", "615", "370"),
          ("Lakewood", "Colorado", "720", "802"), ("Henderson", "Nevada", "702", "890"),
          ("Carmel", "Indiana", "317", "460"), ("Bellevue", "Washington", "425", "980"),
          ("Alpharetta", "Georgia", "770", "300"), ("Olathe", "Kansas", "913", "660")]
STATE_ABBR = {"Illinois": "IL", "Texas": "TX", "Arizona": "AZ", "North Carolina": "NC",
              "Ohio": "OH", "Oregon": "OR", "Massachusetts": "MA", "Colorado": "CO",
              "Kansas": "KS", "Tennessee": "TN", "Nevada": "NV", "Indiana": "IN",
              "Washington": "WA", "Georgia": "GA"}
STREETS = ["Maple Ridge", "Willow Creek", "Briarwood", "Hawthorne", "Sycamore", "Prairie View",
           "Cedar Hollow", "Ashbury", "Juniper", "Foxtail", "Stonegate", "Chestnut", "Orchard",
           "Kingsbury", "Meadowlark", "Birchwood", "Tamarack", "Hillcrest", "Old Mill",
           "Quail Run", "Larkspur", "Bramble"]
SUFFIX = [("Drive", "Dr."), ("Street", "St."), ("Avenue", "Ave."), ("Court", "Ct."),
          ("Lane", "Ln."), ("Road", "Rd."), ("Boulevard", "Blvd."), ("Way", "Way"),
          ("Circle", "Cir."), ("Place", "Pl."), ("Terrace", "Ter."), ("Trail", "Trl.")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net"]
SITES = ["downtown", "west side", "north", "south campus"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
ID_ALPHA = "ABCDEFGHJKMNPRTUWXY"   # no I, O, L, S, Z in generated ids (avoid 0/1 confusion)


def luhn_check_digit(payload):
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


TEST_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100",
              "4012888888881881", "6011111111111117", "378282246310005", "371449635398431",
              "6011000990139424", "4000056655665556", "5200828282828210", "2223003122003222"]


def mk_card(rng):
    if rng.random() < 0.3:
        return rng.choice(TEST_CARDS)
    kind = rng.choice(["visa", "visa", "mc", "mc", "disc", "amex"])
    if kind == "amex":
        body = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    elif kind == "visa":
        body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        body = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    else:
        body = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    return body + luhn_check_digit(body)


def mk_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))
        if s not in ("078051120", "123456789", "219099999"):
            return s


def mk_npi(rng):
    base = "1" + "".join(rng.choice("0123456789") for _ in range(8))
    return base + luhn_check_digit("80840" + base)


def mk_mbi(rng):
    d = "123456789"
    dz = "0123456789"
    an = MBI_ALPHA + dz
    return (rng.choice(d) + rng.choice(MBI_ALPHA) + rng.choice(an) + rng.choice(dz) +
            rng.choice(MBI_ALPHA) + rng.choice(an) + rng.choice(dz) + rng.choice(MBI_ALPHA) +
            rng.choice(MBI_ALPHA) + rng.choice(dz) + rng.choice(dz))


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def rdig(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def mk_member_id(rng, payer):
    k = rng.randint(0, 4)
    if k == 0:
        return "W" + rdig(rng, 9)
    if k == 1:
        return "U" + rdig(rng, 8)
    if k == 2:
        return "".join(rng.choice(ID_ALPHA) for _ in range(3)) + rdig(rng, 9)
    if k == 3:
        return rng.choice("123456789") + rdig(rng, 10)
    return "D" + rdig(rng, 3) + rng.choice(ID_ALPHA) + rdig(rng, 5)


def mk_mrn(rng):
    k = rng.randint(0, 2)
    if k == 0:
        return rng.choice("123456789") + rdig(rng, 7)
    if k == 1:
        return rng.choice(["BD", "BR", "BK"]) + rng.choice("123456789") + rdig(rng, 5)
    return rng.choice("123456789") + rdig(rng, 6)


def mk_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    return (y, m, d)


def mk_phone(rng, area):
    return area + "555" + "01" + rdig(rng, 2)


def mk_email(rng, first, last):
    f, l = first.lower(), last.lower()
    nn = "%02d" % rng.randint(1, 99)
    k = rng.randint(0, 6)
    local = [f + "." + l + nn, f + l, f[0] + l + nn, f + "_" + l, l + ".family", f + nn + l[0],
             f + "." + l][k]
    return local + "@" + rng.choice(DOMAINS)


# ---------------------------------------------------------------------------
# renderers: each returns (text, spoken, form). mode: google | assembly | whisper | llm


def pick(rng, wlist, slist, p_spoken):
    """wlist/slist: lists of (form, text). choose spoken with probability p_spoken."""
    if slist and (not wlist or rng.random() < p_spoken):
        f, t = rng.choice(slist)
        return t, True, f
    f, t = rng.choice(wlist)
    return t, False, f


def filler(rng, mode):
    if mode == "assembly":
        return rng.choice([", uh, ", " um ", ", "])
    if mode == "whisper":
        return rng.choice(["... ", ", ", ", um, "])
    return " "


def r_phone(v, mode, rng, ps):
    a, e, l = v[:3], v[3:6], v[6:]
    W, S = [], []
    if mode == "llm":
        W = [("written_paren_dash", "(%s) %s-%s" % (a, e, l)), ("written_dash", "%s-%s-%s" % (a, e, l)),
             ("written_dot", "%s.%s.%s" % (a, e, l))]
        S = [("words_digits_zero_comma", ", ".join([words(a), words(e), words(l)]))]
    elif mode == "google":
        W = [("digits_space", "%s %s %s" % (a, e, l)), ("digits_run", a + e + l),
             ("digits_dash", "%s-%s-%s" % (a, e, l)), ("digits_misgroup", "%s %s%s %s" % (a, e, l[:2], l[2:]))]
        S = [("words_digits_o", words(a + e + l, "o")),
             ("mixed_words_digits", "%s %s %s" % (words(a), e, l)),
             ("mixed_digits_words", "%s %s %s" % (a, e, words(l, "o"))),
             ("words_triple_o", "%s %s %s" % (words(a, "o"), words_runs(e, "o"), words(l, "o")))]
    elif mode == "assembly":
        W = [("written_paren_dash", "(%s) %s-%s" % (a, e, l)), ("written_dash", "%s-%s-%s" % (a, e, l)),
             ("misgroup_line", "%s-%s-%s %s" % (a, e, l[:2], l[2:])),
             ("misgroup_paren_line", "(%s) %s-%s %s" % (a, e, l[:2], l[2:])),
             ("misgroup_exch", "%s %s %s%s" % (a, e[:2], e[2:], l))]
        S = [("words_digits_oh_comma_uh", words(a, "oh") + filler(rng, mode) + words(e, "oh") + ", " + words(l, "oh")),
             ("words_triple_oh", "%s, triple five, %s" % (words(a, "oh"), words(l, "oh"))),
             ("mixed_words_uh_written", "%s%s%s-%s" % (words(a, "oh"), filler(rng, mode), e, l)),
             ("words_pairs_line", "%s, %s, %s %s" % (words(a, "oh"), words(e), pair(l[:2]), pair(l[2:])))]
    else:  # whisper
        W = [("written_dash", "%s-%s-%s" % (a, e, l)), ("written_paren_dash", "(%s) %s-%s" % (a, e, l)),
             ("written_dash_misgroup", "%s-%s-%s-%s" % (a, e, l[:2], l[2:]))]
        S = [("words_digits_zero_comma", ", ".join([words(a), words(e), words(l)])),
             ("words_run_long", words(a + e + l, rng.choice(["zero", "oh"]))),
             ("words_digits_ellipsis", "%s... %s... %s" % (words(a, "oh"), words(e, "oh"), words(l, "oh"))),
             ("words_pairs_line", "%s, %s, %s %s" % (words(a), words(e), pair(l[:2]), pair(l[2:])))]
    return pick(rng, W, S, ps)


def r_ssn(v, mode, rng, ps):
    a, g, s = v[:3], v[3:5], v[5:]
    if mode == "llm":
        W = [("written_dash", "%s-%s-%s" % (a, g, s))]
        S = [("words_digits_comma", "%s, %s, %s" % (words(a), words(g), words(s)))]
    elif mode == "google":
        W = [("digits_space", "%s %s %s" % (a, g, s)), ("digits_run", v), ("digits_dash", "%s-%s-%s" % (a, g, s)),
             ("digits_single_space", " ".join(v))]
        S = [("words_digits_o", words(v, "o")), ("mixed_words_digits", "%s %s %s" % (words(a, "o"), g, s)),
             ("mixed_digits_words", "%s %s %s" % (a, g, words(s, "o")))]
    elif mode == "assembly":
        W = [("written_dash", "%s-%s-%s" % (a, g, s)), ("misgroup_333", "%s-%s-%s" % (v[:3], v[3:6], v[6:])),
             ("digits_space", "%s %s %s" % (a, g, s))]
        S = [("words_groups_comma", "%s, %s, %s" % (words(a, "oh"), words(g, "oh"), words(s, "oh"))),
             ("mixed_uh", "%s%s%s, %s" % (a, filler(rng, mode), g, words(s, "oh"))),
             ("words_pairs", "%s %s %s %s %s" % (dw(a[0]), pair(a[1:]), pair(g), pair(s[:2]), pair(s[2:])))]
    else:
        W = [("written_dash", "%s-%s-%s" % (a, g, s)), ("digits_run", v)]
        S = [("words_run_long", words(v, rng.choice(["zero", "oh"]))),
             ("words_groups_comma", "%s, %s, %s" % (words(a), words(g), words(s))),
             ("words_misgroup_ellipsis", "%s... %s... %s" % (words(v[:5]), words(v[5:7]), words(v[7:])))]
    return pick(rng, W, S, ps)


def r_last4(v, mode, rng, ps):
    W = [("last4_digits", v)]
    if mode in ("google", "assembly"):
        W.append(("last4_digits_split", v[:2] + " " + v[2:]))
    if mode == "google":
        W.append(("last4_digits_single_space", " ".join(v)))
    zero = {"google": "o", "assembly": "oh", "whisper": "zero", "llm": "zero"}[mode]
    S = [("last4_words", words(v, zero)), ("last4_pairs", pair(v[:2]) + " " + pair(v[2:]))]
    if re.search(r"(\d)\1", v):
        S.append(("last4_words_double", words_runs(v, zero)))
    if mode == "llm":
        W = [("last4_digits", v)]
        S = [("last4_words", words(v, "zero"))]
    return pick(rng, W, S, ps)


def card_groups(v):
    if len(v) == 15:
        return [v[:4], v[4:10], v[10:]]
    return [v[0:4], v[4:8], v[8:12], v[12:16]]


def r_card(v, mode, rng, ps):
    g = card_groups(v)
    if mode == "llm":
        W = [("written_groups_space", " ".join(g)), ("written_groups_dash", "-".join(g))]
        S = [("words_groups_comma", ", ".join(words(x) for x in g))]
    elif mode == "google":
        W = [("digits_groups_space", " ".join(g)), ("digits_run", v),
             ("digits_two_halves", v[:8] + " " + v[8:])]
        S = [("words_groups_o", " ".join(words(x, "o") for x in g)),
             ("mixed_digits_words", " ".join(g[:2]) + " " + " ".join(words(x, "o") for x in g[2:]))]
    elif mode == "assembly":
        mis = v[:4] + " " + v[4:7] + " " + v[7:11] + " " + v[11:]
        W = [("written_groups_space", " ".join(g)), ("written_groups_dash", "-".join(g)),
             ("misgroup_digits", mis)]
        S = [("words_groups_comma_uh", (", ".join(words(x, "oh") for x in g[:2])) + filler(rng, mode) +
              ", ".join(words(x, "oh") for x in g[2:])),
             ("words_pairs_groups", ", ".join(" ".join(pair(x[i:i + 2]) for i in range(0, len(x) - 1, 2)) +
                                              (" " + dw(x[-1]) if len(x) % 2 else "") for x in g)),
             ("mixed_written_words", " ".join(g[:-1]) + ", " + words(g[-1], "oh"))]
    else:
        W = [("written_groups_space", " ".join(g)), ("written_groups_dash", "-".join(g))]
        S = [("words_run_long", words(v, "zero")),
             ("words_groups_comma", ", ".join(words(x) for x in g)),
             ("words_groups_ellipsis", "... ".join(words(x, "oh") for x in g))]
    return pick(rng, W, S, ps)


def r_date(v, mode, rng, ps):
    y, m, d = v
    mon = MONTHS[m - 1]
    yy = "%02d" % (y % 100)
    if mode == "google":
        mon = mon.lower()
    if mode == "llm":
        W = [("written_mdy_full", "%s %s, %d" % (mon, ord_suffix(d), y)),
             ("written_mdy_slash", "%02d/%02d/%d" % (m, d, y)),
             ("written_mdy_plain", "%s %d, %d" % (mon, d, y))]
        S = [("words_month_ordinal_year", "%s %s, %s" % (mon, ordinal(d), year_words(y, rng)))]
    elif mode == "google":
        W = [("month_ordsfx_year", "%s %s %d" % (mon, ord_suffix(d), y)),
             ("num_slash", "%d/%d/%d" % (m, d, y)),
             ("num_space_short", "%d %d %s" % (m, d, yy)),
             ("num_zero_space", "%02d %02d %d" % (m, d, y))]
        S = [("month_ordinal_yearwords", "%s %s %s" % (mon, ordinal(d), year_words(y, rng))),
             ("num_words_mdy_short", "%s %s %s" % (num_words(m), num_words(d), pair(yy, "o"))),
             ("month_ordinal_yeardigits", "%s %s %d" % (mon, ordinal(d), y))]
    elif mode == "assembly":
        W = [("written_mdy_full", "%s %s, %d" % (mon, ord_suffix(d), y)),
             ("num_slash_lead", "%02d/%02d/%d" % (m, d, y)),
             ("num_slash_short", "%d/%d/%s" % (m, d, yy))]
        S = [("words_oh_mdy_short", "%s %s %s" % (pair("%02d" % m), pair("%02d" % d), pair(yy))),
             ("the_d_of_m_yearwords", "the %s of %s, %s" % (ordinal(d), mon, year_words(y, rng))),
             ("month_ordinal_yeardigits", "%s %s, %d" % (mon, ordinal(d), y)),
             ("month_ordsfx_yearwords", "%s %s, %s" % (mon, ord_suffix(d), year_words(y, rng)))]
    else:
        W = [("written_mdy_full", "%s %s, %d" % (mon, ord_suffix(d), y)),
             ("written_d_of_m", "%s of %s %d" % (ord_suffix(d), mon, y)),
             ("num_slash_lead", "%02d/%02d/%d" % (m, d, y))]
        S = [("month_ordinal_yearwords", "%s %s, %s" % (mon, ordinal(d), year_words(y, rng))),
             ("words_digit_run", words("%02d%02d%d" % (m, d, y), "zero")),
             ("words_mdy_comma", "%s, %s, %s" % (num_words(m), num_words(d), year_words(y, rng))),
             ("the_d_of_m_yearwords", "the %s of %s %s" % (ordinal(d), mon, year_words(y, rng)))]
    return pick(rng, W, S, ps)


def r_zip(v, mode, rng, ps):
    z5 = v[:5]
    plus = v[6:] if len(v) > 5 else ""
    zero = {"google": "o", "assembly": "oh", "whisper": "zero", "llm": "zero"}[mode]
    if plus:
        W = [("zip9_dash", z5 + "-" + plus)]
        if mode == "google":
            W.append(("zip9_space", z5 + " " + plus))
        S = [("zip9_words", words(z5, zero) + (" dash " if mode != "google" else " ") + words(plus, zero))]
    else:
        W = [("zip5_digits", z5)]
        if mode in ("google", "assembly"):
            W.append(("zip5_misgroup", z5[:2] + " " + z5[2:]))
        S = [("zip5_words", words(z5, zero)), ("zip5_words_pairs_tail", words(z5[:3], zero) + " " + pair(z5[3:], zero))]
        if mode == "whisper":
            S.append(("zip5_words_comma", words(z5, "zero", ", ")))
    if mode == "llm":
        S = []
    return pick(rng, W, S, ps)


def spell_alnum(v, rng, mode, how):
    out = []
    for c in v:
        if c.isdigit():
            out.append(dw(c, "zero" if mode == "whisper" else "oh"))
        elif how == "nato":
            out.append(NATO_OF[c])
        elif how == "asin" and rng.random() < 0.5:
            out.append("%s as in %s" % (c, AS_IN[c]))
        else:
            out.append(c)
    return out


def r_alnum(v, mode, rng, ps, kind):
    """MRN / MEMBER_ID / MBI / NPI style ids."""
    lead = re.match(r"^[A-Z]*", v).group(0)
    digits = v[len(lead):]
    W, S = [("written_plain", v)], []
    if kind == "MBI" or re.search(r"[A-Z]", digits):
        W.append(("written_dashed", "%s-%s-%s" % (v[:4], v[4:7], v[7:])) if kind == "MBI" else
                 ("written_space_mid", "%s %s" % (v[:4], v[4:])))
        S = [("spelled_letters_digit_words", " ".join(spell_alnum(v, rng, mode, "plain"))),
             ("spelled_nato_mixed", " ".join(spell_alnum(v, rng, mode, "nato"))),
             ("spelled_asin", ", ".join(spell_alnum(v, rng, mode, "asin")))]
        if mode == "google":
            W.append(("written_lower_space", " ".join([v[:4], v[4:7], v[7:]]).lower()))
    elif not lead:
        # all digits (NPI, numeric member ids / chart numbers)
        if len(v) >= 9:
            grp = [v[:3], v[3:6], v[6:]]
        else:
            grp = [v[:4], v[4:]] if len(v) == 8 else [v[:3], v[3:]]
        W.append(("digits_groups_space", " ".join(grp)))
        zero = {"google": "o", "assembly": "oh", "whisper": "zero", "llm": "zero"}[mode]
        S = [("words_digits", words(v, zero)), ("words_groups_comma", ", ".join(words(x, zero) for x in grp)),
             ("mixed_digits_words", grp[0] + " " + " ".join(words(x, zero) for x in grp[1:]))]
        if len(v) % 2 == 0:
            S.append(("words_pairs", " ".join(pair(v[i:i + 2]) for i in range(0, len(v), 2))))
    else:
        W.append(("written_space_prefix", lead + " " + digits))
        if len(digits) >= 8:
            W.append(("written_groups", lead + " " + digits[:3] + " " + digits[3:6] + " " + digits[6:]))
        zero = {"google": "o", "assembly": "oh", "whisper": "zero", "llm": "zero"}[mode]
        S = [("letters_then_digit_words", " ".join(lead) + " " + words(digits, zero)),
             ("nato_then_digits", " ".join(NATO_OF[c] for c in lead) + " " + digits),
             ("nato_then_digit_words", " ".join(NATO_OF[c] for c in lead) + " " + words(digits, zero)),
             ("asin_then_digits", ", ".join("%s as in %s" % (c, AS_IN[c]) for c in lead) + ", " +
              " ".join([digits[:3], digits[3:6], digits[6:]]).strip())]
        if mode == "google":
            W.append(("written_lower", v.lower()))
    if mode == "llm":
        S = [s for s in S if s[0] in ("words_digits", "spelled_letters_digit_words", "letters_then_digit_words")]
    return pick(rng, W, S, ps)


def r_email(v, mode, rng, ps):
    local, dom = v.split("@")
    dname, tld = dom.rsplit(".", 1)

    def spoken_local(spell):
        parts = re.split(r"([._])", local)
        out = []
        for p in parts:
            if p == ".":
                out.append("dot")
            elif p == "_":
                out.append("underscore")
            else:
                m = re.match(r"^([a-z]*)(\d*)([a-z]*)$", p)
                a, n, b = m.groups()
                for seg in (a, n, b):
                    if not seg:
                        continue
                    if seg.isdigit():
                        out.append(seg if mode == "google" else words(seg) if rng.random() < 0.5 else seg)
                    elif spell:
                        out.append(("-" if rng.random() < 0.5 else " ").join(seg.upper() if mode != "google" else seg))
                    else:
                        out.append(seg)
        return " ".join(out)
    if mode == "llm":
        return v, False, "email_written"
    W = [("email_written", v)]
    at = "at sign" if (mode == "google" and rng.random() < 0.4) else "at"
    S = [("email_words_at_dot", "%s %s %s dot %s" % (spoken_local(False), at, dname, tld)),
         ("email_words_at_domain_written", "%s %s %s" % (spoken_local(False), at, dom)),
         ("email_spelled_local", "%s %s %s dot %s" % (spoken_local(True), at, dname, tld))]
    if mode == "google":
        W.append(("email_local_at_written", "%s %s %s" % (local, at, dom)))
    return pick(rng, W, S, ps)


def r_name(full, mode, rng, cap=True):
    if mode == "google":
        return full.lower(), True, "name_lower"
    return full, True, "name_plain"


def spell_name(nm, mode, rng):
    k = rng.randint(0, 3)
    up = nm.upper()
    if mode == "google":
        return " ".join(nm.lower()), "spelled_lower_space"
    if k == 0:
        return "-".join(up), "spelled_dash"
    if k == 1:
        return " ".join(up), "spelled_space"
    if k == 2:
        return ", ".join(("%s as in %s" % (c, AS_IN[c])) if i in (0, len(up) // 2) else c
                         for i, c in enumerate(up)), "spelled_as_in_comma"
    return " ".join(NATO_OF[c] for c in up), "spelled_nato_space"


def house_words(n):
    s = str(n)
    if len(s) == 4:
        return pair(s[:2]) + " " + ("hundred" if s[2:] == "00" else pair(s[2:]))
    if len(s) == 3:
        return U[int(s[0])] + " " + pair(s[1:])
    if len(s) == 2:
        return num_words(n)
    return words(s)


def r_street(st, mode, rng, ps):
    num, name, suf, unit = st
    full_suf, abbr = suf
    u_w = ""
    u_s = ""
    if unit:
        u_w = rng.choice([" Apt %s" % unit, " #%s" % unit, ", Unit %s" % unit])
        uw = " ".join(dw(c) if c.isdigit() else c for c in unit)
        u_s = rng.choice([" apartment %s" % uw, ", unit %s" % uw, " apartment number %s" % uw])
    if mode == "llm":
        W = [("written_full", "%d %s %s%s" % (num, name, full_suf, u_w)),
             ("written_abbr", "%d %s %s%s" % (num, name, abbr, u_w))]
        return pick(rng, W, [], 0)
    nm = name.lower() if mode == "google" else name
    sf = full_suf.lower() if mode == "google" else full_suf
    W = [("house_digits_full", "%d %s %s%s" % (num, nm, sf, u_w.lower() if mode == "google" else u_w))]
    if mode != "google":
        W.append(("house_digits_abbr", "%d %s %s%s" % (num, nm, abbr, u_w)))
    S = [("house_words_pairs", "%s %s %s%s" % (house_words(num), nm, sf, u_s)),
         ("house_words_digits", "%s %s %s%s" % (words(str(num), "oh"), nm, sf, u_s))]
    return pick(rng, W, S, ps)


# ---------------------------------------------------------------------------
# record builder


class Rec:
    def __init__(self, rng, asr, fmt):
        self.rng = rng
        self.asr = asr          # google | assembly | whisper
        self.fmt = fmt          # transcript | retell | vapi
        self.meta = []
        self.turns = []         # (side, marked text)
        self.ps = rng.choice([0.45, 0.6, 0.75])
        self.tokmeta = {}

    # --- marking
    def mark(self, meta, text):
        self.meta.append(meta)
        return "%s%d%s%s%s" % (M0, len(self.meta) - 1, M1, text, M2)

    def span(self, entity, value, text, spoken, cue, form):
        return self.mark({"t": "span", "entity": entity, "value": value, "spoken": spoken,
                          "cue": cue, "form": form}, text)

    def neg(self, what, text):
        return self.mark({"t": "neg", "what": what}, text)

    def mode(self, side):
        # in voice-agent payloads the practice side is the LLM agent's own text
        if side == "P" and self.fmt in ("retell", "vapi"):
            return "llm"
        return self.asr

    # --- values
    def v(self, entity, value, side, cue, **kw):
        mode = self.mode(side)
        rng = self.rng
        ps = kw.get("ps", self.ps)
        if entity == "PHONE":
            t, s, f = r_phone(value, mode, rng, ps)
        elif entity == "SSN":
            if len(value) == 4:
                t, s, f = r_last4(value, mode, rng, ps)
            else:
                t, s, f = r_ssn(value, mode, rng, ps)
        elif entity == "CARD":
            t, s, f = r_card(value, mode, rng, ps)
        elif entity in ("DOB", "DATE"):
            t, s, f = r_date(value, mode, rng, ps)
            value = "%04d-%02d-%02d" % value
        elif entity == "ZIP":
            t, s, f = r_zip(value, mode, rng, ps)
        elif entity in ("MRN", "MEMBER_ID", "MBI", "NPI"):
            t, s, f = r_alnum(value, mode, rng, ps, entity)
        elif entity == "EMAIL":
            t, s, f = r_email(value, mode, rng, ps)
        elif entity == "STREET":
            t, s, f = r_street(value, mode, rng, ps)
            num, name, suf, unit = value
            value = "%d %s %s%s" % (num, name, suf[0], (" Unit " + unit) if unit else "")
        elif entity in ("NAME", "CITY"):
            if kw.get("spell"):
                t, f = spell_name(value, mode, rng)
                s = True
            else:
                t = value.lower() if mode == "google" else value
                s = True
                f = ("name_" if entity == "NAME" else "city_") + ("lower" if mode == "google" else "plain")
                if mode == "llm":
                    f = f.replace("plain", "agent_turn")
        else:
            raise ValueError(entity)
        return self.span(entity, value, t, s, cue, f)

    def w(self, entity, value, cue, text, form):
        """a written (LLM / structured) occurrence with explicit text."""
        if entity in ("DOB", "DATE"):
            value = "%04d-%02d-%02d" % value
        if entity == "STREET":
            num, name, suf, unit = value
            value = "%d %s %s%s" % (num, name, suf[0], (" Unit " + unit) if unit else "")
        return self.span(entity, value, text, False, cue, form)

    def say(self, side, text):
        self.turns.append((side, text))


# --- style transforms of template text (markers untouched)


def style_text(rec, side, text):
    mode = rec.mode(side)
    parts = re.split("(" + M0 + r"\d+" + M1 + ".*?" + M2 + ")", text)
    out = []
    for p in parts:
        if p.startswith(M0):
            idx = int(p[1:p.index(M1)])
            if mode == "google" and rec.meta[idx]["t"] == "neg":
                p = p.lower()   # negatives are template text: lower case like the rest
            out.append(p)
            continue
        if mode == "google":
            p = p.lower()
            p = re.sub(r"[.,?!;:]+(?=\s|$)", "", p)
            p = p.replace("—", " ").replace("  ", " ")
        out.append(p)
    t = "".join(out)
    t = re.sub(r"\.(" + M2 + r")\.", r".\1", t)
    if mode == "google":
        t = re.sub(r"\s+", " ", t).strip()
        if not t:
            t = "okay"
        return t
    # sentence case on first visible char
    if t.startswith(M0):
        k = t.index(M1) + 1
        t = t[:k] + t[k].upper() + t[k + 1:]
    else:
        t = t[0].upper() + t[1:]
    return t


def finalize(marked, meta):
    out = []
    spans, negs = [], []
    pos_b = 0
    last = 0
    for m in MARK_RE.finditer(marked):
        pre = marked[last:m.start()]
        out.append(pre)
        pos_b += len(pre.encode("utf-8"))
        val = m.group(2)
        b0 = pos_b
        pos_b += len(val.encode("utf-8"))
        out.append(val)
        md = meta[int(m.group(1))]
        if md["t"] == "span":
            sp = {"start": b0, "end": pos_b, "entity": md["entity"], "spoken": md["spoken"],
                  "cue": md["cue"], "form": md["form"], "value": md["value"]}
            if md.get("neutral"):
                sp["neutral"] = True
            spans.append(sp)
        else:
            negs.append({"start": b0, "end": pos_b, "what": md["what"]})
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    assert M0 not in text and M1 not in text and M2 not in text
    return text, spans, negs


# a words[] token that is only a filler or connective inside a value ("um", "of", "dot") is
# labelled neutral: redacting it or keeping it both count for nothing.
TOKEN_FILLERS = {"uh", "um", "er", "the", "of", "and", "as", "in", "dash", "then", "at", "dot", "sign",
                 "apartment", "number", "unit", "apt", "underscore", ""}


def word_tokens(rec, marked):
    """split a marked utterance into word tokens, keeping span marks (as _wordtok spans)."""
    chars = []
    last = 0
    for m in MARK_RE.finditer(marked):
        for c in marked[last:m.start()]:
            chars.append((c, None))
        idx = int(m.group(1))
        for c in m.group(2):
            chars.append((c, idx))
        last = m.end()
    for c in marked[last:]:
        chars.append((c, None))
    toks = []
    cur = []
    for c, idx in chars + [(" ", None)]:
        if c.isspace():
            if cur:
                toks.append(cur)
            cur = []
        else:
            cur.append((c, idx))
    out = []
    for tok in toks:
        s = []
        i = 0
        while i < len(tok):
            idx = tok[i][1]
            j = i
            while j < len(tok) and tok[j][1] == idx:
                j += 1
            seg = "".join(c for c, _ in tok[i:j])
            if idx is not None and rec.meta[idx]["t"] == "span":
                filler_tok = re.sub(r"[^a-z0-9]", "", seg.lower()) in TOKEN_FILLERS
                key = (idx, filler_tok)
                if key not in rec.tokmeta:
                    md = dict(rec.meta[idx])
                    md["form"] = md["form"] + ("_wordtok_filler" if filler_tok else "_wordtok")
                    if filler_tok:
                        md["neutral"] = True
                    rec.meta.append(md)
                    rec.tokmeta[key] = len(rec.meta) - 1
                s.append("%s%d%s%s%s" % (M0, rec.tokmeta[key], M1, seg, M2))
            else:
                s.append(seg)
            i = j
        out.append("".join(s))
    return out


# ---------------------------------------------------------------------------
# hard negatives, rendered per mode


def nz(rec, side, what, opts):
    """opts: list of texts, or dict mode -> list of texts (key '*' as fallback)."""
    if isinstance(opts, dict):
        mode = rec.mode(side)
        opts = opts.get(mode) or opts["*"]
    return rec.neg(what, rec.rng.choice(opts))


def n_time(rec, side, h, mi):
    ap = "a.m." if h < 12 else "p.m."
    h12 = h if h <= 12 else h - 12
    hm = "%d:%02d" % (h12, mi)
    spoken = U[h12] if h12 < 10 else num_words(h12)
    spoken += (" o'clock" if mi == 0 else " " + (pair("%02d" % mi) if mi else ""))
    return nz(rec, side, "time", {"llm": [hm + " " + ap.replace(".", "").upper()],
                                  "google": [hm, hm + " " + ap],
                                  "assembly": [hm + " " + ap, hm + ap.replace(".", "").upper()],
                                  "whisper": [hm + " " + ap, spoken]})


def n_money(rec, side, cents):
    d, c = divmod(cents, 100)
    dollars = "{:,}".format(d)
    w = "$%s" % dollars + (".%02d" % c if c else "")
    opts = {"llm": ["$%s.%02d" % (dollars, c)], "*": [w]}
    if d < 100 and not c:
        opts["whisper"] = [w, num_words(d) + " dollars"]
    return nz(rec, side, "money", opts)


def n_appt(rec, side, wd, m, d):
    mon = MONTHS[m - 1]
    return nz(rec, side, "appointment_date", {
        "llm": ["%s, %s %s" % (wd, mon, ord_suffix(d))],
        "google": ["%s %s %s" % (wd.lower(), mon.lower(), ord_suffix(d)), "%s the %s" % (wd.lower(), ord_suffix(d))],
        "assembly": ["%s, %s %s" % (wd, mon, ord_suffix(d)), "%s the %s" % (wd, ord_suffix(d))],
        "whisper": ["%s, %s %s" % (wd, mon, ord_suffix(d)), "%s the %s" % (wd, ordinal(d))]})


def n_age(rec, side, n):
    return nz(rec, side, "age", {"google": [str(n)], "llm": [str(n)], "*": [num_words(n), str(n)]})


def n_num(rec, side, what, n, unit=""):
    u = (" " + unit) if unit else ""
    return nz(rec, side, what, {"google": [str(n) + u], "llm": [str(n) + u], "*": [num_words(n) + u, str(n) + u]})


def n_code(rec, side, what, code):
    """confirmation / reference / claim / group numbers: a digit-bearing code."""
    digits = re.sub(r"\D", "", code)
    opts = {"llm": [code], "google": [code.lower(), code.replace("-", " ").lower()],
            "assembly": [code, code.replace("-", " ")],
            "whisper": [code, " ".join(spell_alnum(re.sub(r"[^A-Z0-9]", "", code), rec.rng, "whisper", "plain"))]}
    if digits == re.sub(r"[^A-Z0-9]", "", code):
        opts["google"].append(words(digits, "o"))
        opts["assembly"].append(words(digits, "oh"))
    return nz(rec, side, what, opts)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def mk_appt(rng):
    while True:
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        wk = datetime.date(2025, m, d).weekday()
        if wk < 5:
            return WEEKDAYS[wk], m, d


def mk_conf(rng, prefix=None):
    k = rng.randint(0, 3)
    if k == 0:
        return (prefix or rng.choice(["BR", "BD", "CNF"])) + "-" + rdig(rng, 5)
    if k == 1:
        return rdig(rng, 6)
    if k == 2:
        return rdig(rng, 4) + "-" + rdig(rng, 4)
    return rng.choice(ID_ALPHA) + rdig(rng, 7)


def mk_group(rng):
    k = rng.randint(0, 3)
    return ["%07d" % rng.randint(1000, 999999), rdig(rng, 4) + "-" + rdig(rng, 4),
            "G" + rdig(rng, 5), rdig(rng, 6) + "-" + rng.choice(["0001", "0100", "0002"])][k]


MTS_CARRIER = [
    # (MTS-Dialog TrainingSet ID, caller line), CC BY 4.0, lightly trimmed
    ("97", "Ah! Have pain in my tooth."),
    ("264", "I have pain in my jaw since the morning."),
    ("549", "Yes, it's a new pain. Right now it has been going on for {dur} on left side's upper and lower teeth."),
    ("550", "The pain seems to have gotten worse."),
    ("97", "Oh, awfully bad."),
]


# ---------------------------------------------------------------------------
# people


def household(rng, kid=True):
    city, state, area, zip3 = rng.choice(CITIES)
    last = rng.choice(LAST)
    pf = rng.choice(FIRST_F + FIRST_M)
    psex = "f" if pf in FIRST_F else "m"
    h = {"last": last, "pfirst": pf, "psex": psex, "plast": last if rng.random() < 0.8 else rng.choice(LAST),
         "pdob": mk_date(rng, 1968, 1996), "city": city, "state": state,
         "zip": zip3 + "%02d" % rng.randint(1, 99) + ("" if rng.random() < 0.8 else "-" + rdig(rng, 4)),
         "street": (rng.choice([rng.randint(12, 98), rng.randint(100, 999), rng.randint(1000, 9899),
                                rng.randint(10000, 24999)]),
                    rng.choice(STREETS), rng.choice(SUFFIX),
                    None if rng.random() < 0.75 else rng.choice(["2", "3B", "14", "204", "C", "1A"])),
         "phone": mk_phone(rng, area), "area": area,
         "payer": rng.choice(PAYERS), "employer": rng.choice(EMPLOYERS), "group": mk_group(rng),
         "ssn": mk_ssn(rng), "provider": rng.choice(PROVIDERS), "staff": rng.choice(STAFF),
         "site": rng.choice(SITES), "mrn": mk_mrn(rng)}
    h["member_id"] = mk_member_id(rng, h["payer"])
    h["email"] = mk_email(rng, pf, h["plast"])
    if kid:
        kf, ks = rng.choice(KIDS)
        h.update({"kfirst": kf, "ksex": ks, "kdob": mk_date(rng, 2008, 2021)})
    return h


def pron(sex):
    return {"he": "he" if sex == "m" else "she", "him": "him" if sex == "m" else "her",
            "his": "his" if sex == "m" else "her", "son": "son" if sex == "m" else "daughter",
            "He": "He" if sex == "m" else "She", "His": "His" if sex == "m" else "Her"}


def e164(ph):
    return "+1" + ph


def written_phone(ph, rng):
    return rng.choice(["(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "%s-%s-%s" % (ph[:3], ph[3:6], ph[6:])])


def written_date(dt, rng, iso=False):
    y, m, d = dt
    if iso:
        return "%04d-%02d-%02d" % dt, "iso_date"
    return rng.choice([("%02d/%02d/%d" % (m, d, y), "written_mdy_slash"),
                       ("%s %d, %d" % (MONTHS[m - 1], d, y), "written_mdy_plain")])


def street_written(st):
    num, name, suf, unit = st
    return "%d %s %s%s" % (num, name, suf[0], (" Unit " + unit) if unit else "")


def age_of(dt):
    y, m, d = dt
    a = 2025 - y - (1 if (m, d) > (5, 15) else 0)
    return max(a, 1)


def greet(rec, h, human):
    if human:
        return "Good %s, Brightside Dental and Orthodontics, this is %s, how can I help you?" % (
            rec.rng.choice(["morning", "afternoon"]), rec.v("NAME", h["staff"], "P", "same"))
    if rec.rng.random() < 0.5:
        return "Thank you for calling Brightside Dental and Orthodontics. I'm the virtual scheduling assistant. How can I help you today?"
    return ("Hi, you've reached Brightside Dental and Orthodontics. This call %s be recorded for quality. "
            "How can I help?" % rec.neg("common_word", "may"))


def name_turn_prefix(rng):
    return rng.choice(["", "Yeah, ", "Um, ", "Okay, ", "Sure, "])


# ---------------------------------------------------------------------------
# scenarios. side "P" = practice (front desk / AI agent / office calling a payer),
# side "O" = the other party (patient, parent, guardian, payer rep).


def sc_intake_child(rec, human):
    rng = rec.rng
    h = household(rng)
    pr = pron(h["ksex"])
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    kid_full = h["kfirst"] + " " + h["last"]
    par_full = h["pfirst"] + " " + h["plast"]
    rel = rng.choice(["mom", "dad"] if h["psex"] == "f" and False else
                     (["mom", "mother", "legal guardian", "grandmother", "stepmom"] if h["psex"] == "f"
                      else ["dad", "father", "legal guardian", "grandfather", "stepdad"]))
    age = age_of(h["kdob"])
    P(greet(rec, h, human))
    name_early = rng.random() < 0.3
    if name_early:
        O("Hi, um, I need to get my %s %s in for a first checkup, %s's %s and %s's never been to a dentist." % (
            pr["son"] if "grand" not in rel else "grand" + pr["son"], rec.v("NAME", kid_full, "O", "same"),
            pr["he"], n_age(rec, "O", age), pr["he"]))
        P("I'd be happy to help. And %s date of birth?" % pr["his"])
    else:
        reason = rng.choice([
            "Hi, I need to get my %s in for a first checkup, %s's %s and %s's never been to a dentist." % (
                pr["son"], pr["he"], n_age(rec, "O", age), pr["he"]),
            "Hi, yeah, my %s's pediatric dentist referred us for an orthodontic consult, %s's %s now." % (
                pr["son"], pr["he"], n_age(rec, "O", age)),
            "Hello. I'm calling to set up new patient appointments, I have guardianship of my %s." % (
                "grand" + pr["son"])])
        O(reason)
        P("I'd be happy to help with that. What is the patient's first and last name?")
        if rng.random() < 0.4:
            O("%s%s. Last name is %s, %s." % (name_turn_prefix(rng), rec.v("NAME", kid_full, "O", "prev"),
                                              rec.v("NAME", h["last"], "O", "same"),
                                              rec.v("NAME", h["last"], "O", "prev", spell=True)))
        else:
            O("%s%s." % (name_turn_prefix(rng), rec.v("NAME", kid_full, "O", "prev")))
        P("Thank you. And %s date of birth?" % pr["his"])
    if rng.random() < 0.75:
        O("%s%s." % (rng.choice(["", "It's ", "Uh, "]), rec.v("DOB", h["kdob"], "O", "prev")))
    else:
        O("%s birthday is %s, %s just turned %s." % (pr["His"], rec.v("DOB", h["kdob"], "O", "same"), pr["he"],
                                                     n_age(rec, "O", age)))
    P("Got it. And %s I have your name and your relationship to %s?" % (rec.neg("common_word", "may"),
                                                                       rec.v("NAME", h["kfirst"], "P", "prev")))
    if rng.random() < 0.5:
        O("I'm %s %s, %s." % (pr["his"], rel, rec.v("NAME", par_full, "O", "same")))
    else:
        O("%s, I'm the %s." % (rec.v("NAME", par_full, "O", "prev"), rel))
    divorced = rng.random() < 0.35
    P("What's the home address?")
    cue = "prev"
    lead = ""
    if rng.random() < 0.5:
        cue, lead = "same", rng.choice(["We live at ", "We're at ", "Our address is "])
    O("%s%s in %s, %s." % (lead, rec.v("STREET", h["street"], "O", cue), rec.v("CITY", h["city"], "O", cue),
                           rec.v("ZIP", h["zip"], "O", cue)))
    dad = None
    if divorced:
        dad = (rng.choice(FIRST_M if h["psex"] == "f" else FIRST_F), rng.choice(LAST))
        h2 = household(rng, kid=False)
        O("Oh, and %s %s and I are divorced, so %s's at %s place every other week. That's %s in %s, zip %s. But the statements come to me." % (
            pr["his"], "dad" if h["psex"] == "f" else "mom", pr["he"], "his" if h["psex"] == "f" else "her",
            rec.v("STREET", h2["street"], "O", "same"), rec.v("CITY", h2["city"], "O", "same"),
            rec.v("ZIP", h2["zip"], "O", "same")))
        P("Understood. What is the other parent's name, in case %s brings %s in?" % (
            "he" if h["psex"] == "f" else "she", pr["him"]))
        O("%s." % rec.v("NAME", dad[0] + " " + dad[1], "O", "prev"))
        dad = dad + (h2,)
    P("And the best phone number to reach you?")
    if rng.random() < 0.7:
        O("%s%s." % (rng.choice(["", "It's ", "My cell is ", "Uh, "]), rec.v("PHONE", h["phone"], "O", "prev")))
    else:
        O("Best is my cell, %s." % rec.v("PHONE", h["phone"], "O", "same"))
    if rng.random() < 0.6:
        P("I have %s. Can we text appointment reminders to that number?" % rec.v("PHONE", h["phone"], "P", "prev"))
        O(rng.choice(["Yes, that's fine.", "Yep, texting is better.", "Sure."]))
    has_email = rng.random() < 0.8
    email_late = has_email and rng.random() < 0.25
    if has_email and not email_late:
        P("Is there an email address we can send the new patient forms to?")
        if rng.random() < 0.6:
            O("%s%s." % (rng.choice(["", "Sure, it's ", "Yeah, "]), rec.v("EMAIL", h["email"], "O", "prev")))
        else:
            O("My email is %s." % rec.v("EMAIL", h["email"], "O", "same"))
    P("Does %s have dental insurance?" % rec.v("NAME", h["kfirst"], "P", "prev"))
    last4 = h["ssn"][-4:]
    if rng.random() < 0.5:
        O("Yes, %s, through my job at %s. The member ID is %s and the group number is %s." % (
            h["payer"], rec.neg("employer_name", h["employer"]), rec.v("MEMBER_ID", h["member_id"], "O", "same"),
            n_code(rec, "O", "group_number", h["group"])))
    else:
        O("Yeah, it's %s. Hold on, let me get the card out." % h["payer"])
        P("No problem. What's the member ID on the card?")
        O("%s%s. And there's a group number, %s." % (rng.choice(["Okay, ", "Um, ", ""]),
                                                    rec.v("MEMBER_ID", h["member_id"], "O", "prev"),
                                                    n_code(rec, "O", "group_number", h["group"])))
    P("Are you the subscriber on the plan? If so I'll need your date of birth as well.")
    O("Yes, I'm the subscriber. %s." % rec.v("DOB", h["pdob"], "O", "prev"))
    if rng.random() < 0.45:
        P("Thank you. Some plans also ask for the last four of the subscriber's social.")
        O("%s%s." % (rng.choice(["", "It's ", "Sure, "]), rec.v("SSN", last4, "O", "prev")))
    appt = mk_appt(rng)
    hr, mi = rng.choice([(8, 0), (9, 30), (10, 15), (13, 45), (15, 30), (16, 0), (11, 0)])
    P("Our %s office has a new patient opening with Dr. %s on %s at %s. The visit takes about %s." % (
        h["site"], rec.v("NAME", h["provider"], "P", "same"), n_appt(rec, "P", *appt), n_time(rec, "P", hr, mi),
        nz(rec, "P", "duration", ["an hour", "45 minutes", "forty five minutes", "ninety minutes"])))
    O("That works. I %s have to leave work a little early but that's fine." % rec.neg("common_word", "will"))
    conf = mk_conf(rng)
    P("You're all set. Your confirmation number is %s. Please bring %s insurance card and arrive %s early." % (
        n_code(rec, "P", "confirmation_number", conf), pr["his"],
        nz(rec, "P", "duration", ["15 minutes", "fifteen minutes", "ten minutes"])))
    if email_late:
        O("Thank you so much. Oh, and %s, in case you need it." % rec.v("EMAIL", h["email"], "O", "none"))
        P("Got it, I'll send the new patient forms there.")
    else:
        O(rng.choice(["Thank you so much.", "Perfect, thanks.", "Okay, great, thank you."]))
    P("You're welcome. We look forward to meeting %s!" % rec.v("NAME", h["kfirst"], "P", "prev"))
    # payload extras
    dob_w, dform = written_date(h["kdob"], rng)
    summ = ("%s (%s) called to schedule a new-patient visit for %s, DOB %s. Address on file: %s, %s, %s %s. "
            "Phone %s%s. Insurance: %s, member ID %s, group %s. Booked %s at %s with Dr. %s at the %s office." % (
                rec.w("NAME", par_full, "none", par_full, "name_written"), rel,
                rec.w("NAME", kid_full, "none", kid_full, "name_written"),
                rec.w("DOB", h["kdob"], "same", dob_w, dform),
                rec.w("STREET", h["street"], "same", street_written(h["street"]), "written_full"),
                rec.w("CITY", h["city"], "same", h["city"], "city_written"), STATE_ABBR[h["state"]],
                rec.w("ZIP", h["zip"], "same", h["zip"], "zip_written"),
                rec.w("PHONE", h["phone"], "same", written_phone(h["phone"], rng), "written_phone"),
                (", email " + rec.w("EMAIL", h["email"], "same", h["email"], "email_written")) if has_email else "",
                h["payer"], rec.w("MEMBER_ID", h["member_id"], "same", h["member_id"], "written_plain"),
                rec.neg("group_number", h["group"]),
                n_appt(rec, "P", *appt), n_time(rec, "P", hr, mi),
                rec.w("NAME", h["provider"], "same", h["provider"], "name_written"), h["site"]))
    if divorced:
        summ += " Parents are divorced; other parent %s lives at %s, %s." % (
            rec.w("NAME", dad[0] + " " + dad[1], "none", dad[0] + " " + dad[1], "name_written"),
            rec.w("STREET", dad[2]["street"], "same", street_written(dad[2]["street"]), "written_full"),
            rec.w("CITY", dad[2]["city"], "same", dad[2]["city"], "city_written"))
    data = {"patient_name": rec.w("NAME", kid_full, "same", kid_full, "name_written"),
            "patient_dob": rec.w("DOB", h["kdob"], "same", "%04d-%02d-%02d" % h["kdob"], "iso_date"),
            "guardian_name": rec.w("NAME", par_full, "same", par_full, "name_written"),
            "guardian_relationship": rel,
            "callback_number": rec.w("PHONE", h["phone"], "same", e164(h["phone"]), "e164"),
            "insurance_carrier": h["payer"],
            "member_id": rec.w("MEMBER_ID", h["member_id"], "same", h["member_id"], "written_plain"),
            "group_number": rec.neg("group_number", h["group"]),
            "appointment_date": rec.neg("appointment_date", "2025-%02d-%02d" % (appt[1], appt[2])),
            "new_patient": True}
    if has_email:
        data["email"] = rec.w("EMAIL", h["email"], "same", h["email"], "email_written")
    return {"summary": summ, "data": data, "caller_phone": h["phone"], "direction": "inbound"}


def sc_intake_adult(rec, human):
    rng = rec.rng
    h = household(rng, kid=False)
    medicare = rng.random() < 0.4
    if medicare:
        h["pdob"] = mk_date(rng, 1938, 1959)
        h["payer"] = rng.choice(["Humana Dental", "Aetna Dental", "United Concordia"])
    full = h["pfirst"] + " " + h["plast"]
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    P(greet(rec, h, human))
    early = rng.random() < 0.4
    phone_early = early and rng.random() < 0.6
    if early:
        O("Yeah hi. %s. %s.%s I just moved to %s and I need a new dentist, I'm overdue for a cleaning." % (
            rec.v("NAME", full, "O", "none"), rec.v("DOB", h["pdob"], "O", "none"),
            (" " + rec.v("PHONE", h["phone"], "O", "none") + ".") if phone_early else "",
            rec.v("CITY", h["city"], "O", "same")))
        P("Welcome! I can set you up as a new patient. Let me confirm I have your name right, could you spell your last name?")
        O("%s." % rec.v("NAME", h["plast"], "O", "prev", spell=True))
    else:
        O(rng.choice(["Hi, I'd like to make an appointment as a new patient. I chipped a filling and I haven't been to a dentist in like %s." % nz(rec, "O", "duration", ["three years", "two years", "five years"]),
                      "Hello, I'm looking for a new dentist, my old one retired. I need a cleaning and probably a crown.",
                      "Hi. I was told to call for a consultation about Invisalign."]))
        P("Sure, I can help with that. Can I have your first and last name?")
        O("%s%s." % (name_turn_prefix(rng), rec.v("NAME", full, "O", "prev")))
        P("Thanks, %s. And your date of birth?" % rec.v("NAME", h["pfirst"], "P", "prev"))
        O("%s%s." % (rng.choice(["", "It's ", "Uh, "]), rec.v("DOB", h["pdob"], "O", "prev")))
    if phone_early:
        P("Is %s a cell phone we can text?" % rec.v("PHONE", h["phone"], "P", "prev"))
        O("Yes, that's my cell.")
    else:
        P("What's the best phone number for you?")
        O("%s%s." % (rng.choice(["", "It's ", "My cell, "]), rec.v("PHONE", h["phone"], "O", "prev")))
    P("And your home address?")
    O("%s%s, %s %s." % (rng.choice(["", "Uh, "]), rec.v("STREET", h["street"], "O", "prev"),
                        rec.v("CITY", h["city"], "O", "prev"), rec.v("ZIP", h["zip"], "O", "prev")))
    has_email = rng.random() < 0.75
    if has_email:
        P("Can I get an email address for your patient portal?")
        O("Yeah, it's %s." % rec.v("EMAIL", h["email"], "O", "prev"))
    P("Will you be using dental insurance?")
    ssn_full = False
    if medicare:
        mbi = mk_mbi(rng)
        O("I have a %s Medicare Advantage plan. Do you need my Medicare number? It's %s." % (
            h["payer"], rec.v("MBI", mbi, "O", "same")))
        P("Thank you. And the member ID on the %s card, if it's different?" % h["payer"])
        O("%s." % rec.v("MEMBER_ID", h["member_id"], "O", "prev"))
        h["mbi"] = mbi
    elif rng.random() < 0.45:
        ssn_full = True
        O("MetLife, through %s. They still use my social as the ID, is that okay?" % rec.neg("employer_name", h["employer"]))
        h["payer"] = "MetLife"
        P("That's fine, go ahead.")
        O("%s%s." % (rng.choice(["", "Okay, ", "It's "]), rec.v("SSN", h["ssn"], "O", "prev")))
        P("I have %s. And is there a group number on the card?" % rec.v("SSN", h["ssn"], "P", "prev"))
        O("Group %s." % n_code(rec, "O", "group_number", h["group"]))
    else:
        O("Yes, %s. My member ID is %s, group %s." % (h["payer"], rec.v("MEMBER_ID", h["member_id"], "O", "same"),
                                                     n_code(rec, "O", "group_number", h["group"])))
    card = None
    if rng.random() < 0.45:
        card = mk_card(rng)
        P("We keep a card on file for copays. Would you like to add one now?")
        if rng.random() < 0.5:
            O("Sure, the card number is %s." % rec.v("CARD", card, "O", "same", ps=max(rec.ps, 0.65)))
        else:
            O("Sure. Ready?")
            P("Go ahead.")
            O("%s%s." % (rng.choice(["", "Okay, "]), rec.v("CARD", card, "O", "prev", ps=max(rec.ps, 0.65))))
        P("And the expiration and security code?")
        O("%s, and the code is %s." % (nz(rec, "O", "card_expiry", ["%02d/%02d" % (rng.randint(1, 12), rng.randint(26, 31)),
                                                                     "oh %s %s" % (U[rng.randint(1, 9)], num_words(rng.randint(26, 31)))]),
                                       nz(rec, "O", "card_cvv", [rdig(rng, 3), words(rdig(rng, 3))])))
    if rng.random() < 0.4:
        spouse = rng.choice(FIRST_M + FIRST_F)
        sp_phone = mk_phone(rng, h["area"])
        P("Who should we list as an emergency contact?")
        O("My %s, %s, at %s." % (rng.choice(["wife", "partner", "sister"] if spouse in FIRST_F else ["husband", "partner", "brother"]),
                                  rec.v("NAME", spouse + " " + h["plast"], "O", "same"),
                                  rec.v("PHONE", sp_phone, "O", "same")))
    appt = mk_appt(rng)
    hr, mi = rng.choice([(8, 30), (9, 0), (10, 45), (14, 0), (15, 15), (7, 30)])
    P("I can get you in with Dr. %s on %s at %s at our %s office. Your copay for the exam is estimated at %s." % (
        rec.v("NAME", h["provider"], "P", "same"), n_appt(rec, "P", *appt), n_time(rec, "P", hr, mi), h["site"],
        n_money(rec, "P", rng.choice([0, 2500, 3500, 5000, 7500]) or 2000)))
    O("That %s work. %s" % (rec.neg("common_word", "will"),
                            rng.choice(["Thanks.", "Do I need to bring anything?", "Is there parking?"])))
    mrn = h["mrn"]
    P("Please bring a photo ID and your insurance card. Your new patient chart number is %s, and you'll get a text to confirm %s before." % (
        rec.v("MRN", mrn, "P", "same"), nz(rec, "P", "duration", ["two days", "48 hours", "the day"])))
    O(rng.choice(["Great, thank you.", "Okay, see you then.", "Perfect."]))
    dob_w, dform = written_date(h["pdob"], rng)
    summ = "New adult patient %s (DOB %s) booked with Dr. %s on %s. Phone %s. Address %s, %s %s." % (
        rec.w("NAME", full, "none", full, "name_written"), rec.w("DOB", h["pdob"], "same", dob_w, dform),
        rec.w("NAME", h["provider"], "same", h["provider"], "name_written"), n_appt(rec, "P", *appt),
        rec.w("PHONE", h["phone"], "same", written_phone(h["phone"], rng), "written_phone"),
        rec.w("STREET", h["street"], "same", street_written(h["street"]), "written_full"),
        rec.w("CITY", h["city"], "same", h["city"], "city_written"), rec.w("ZIP", h["zip"], "same", h["zip"], "zip_written"))
    if medicare:
        summ += " Medicare Advantage (%s), MBI %s." % (h["payer"], rec.w("MBI", h["mbi"], "same", h["mbi"], "written_plain"))
    elif ssn_full:
        summ += " MetLife uses SSN as member ID (%s)." % rec.w("SSN", h["ssn"], "same", "%s-%s-%s" % (h["ssn"][:3], h["ssn"][3:5], h["ssn"][5:]), "written_dash")
    summ += " Chart %s created." % rec.w("MRN", mrn, "same", mrn, "written_plain")
    data = {"patient_name": rec.w("NAME", full, "same", full, "name_written"),
            "patient_dob": rec.w("DOB", h["pdob"], "same", "%04d-%02d-%02d" % h["pdob"], "iso_date"),
            "phone": rec.w("PHONE", h["phone"], "same", e164(h["phone"]), "e164"),
            "address": "%s, %s, %s %s" % (rec.w("STREET", h["street"], "same", street_written(h["street"]), "written_full"),
                                          rec.w("CITY", h["city"], "same", h["city"], "city_written"),
                                          STATE_ABBR[h["state"]], rec.w("ZIP", h["zip"], "same", h["zip"], "zip_written")),
            "chart_number": rec.w("MRN", mrn, "same", mrn, "written_plain"),
            "insurance_carrier": h["payer"], "card_on_file": card is not None}
    if has_email:
        data["email"] = rec.w("EMAIL", h["email"], "same", h["email"], "email_written")
    if card and rng.random() < 0.35:
        data["card_number"] = rec.w("CARD", card, "same", card, "written_run")
    return {"summary": summ, "data": data, "caller_phone": h["phone"], "direction": "inbound"}


def sc_payer(rec, human):
    """the office (staff or AI agent) calls a payer's provider line to verify benefits."""
    rng = rec.rng
    h = household(rng)
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    rep = rng.choice(REPS)
    npi = mk_npi(rng)
    adult = rng.random() < 0.35
    metlife_ssn = adult and rng.random() < 0.5
    if metlife_ssn:
        h["payer"] = "MetLife"
    pat_full = (h["pfirst"] + " " + h["plast"]) if adult else (h["kfirst"] + " " + h["last"])
    pat_dob = h["pdob"] if adult else h["kdob"]
    sub_full = h["pfirst"] + " " + h["plast"]
    O("Thank you for calling %s provider services, my name is %s. %s I have the provider's NPI?" % (
        h["payer"], rec.v("NAME", rep, "O", "same"), rec.neg("common_word", "May")))
    if human:
        P("Hi %s, this is %s calling from Brightside Dental and Orthodontics. The NPI is %s." % (
            rec.v("NAME", rep, "P", "prev"), rec.v("NAME", h["staff"], "P", "same"), rec.v("NPI", npi, "P", "same")))
    else:
        P("Hi, I'm an automated assistant calling on behalf of Brightside Dental and Orthodontics to verify benefits. The rendering provider NPI is %s." % (
            rec.v("NPI", npi, "P", "same")))
    O("Okay, I have Dr. %s at Brightside. And the member ID?" % rec.v("NAME", h["provider"], "O", "same"))
    if metlife_ssn:
        P("The member ID is the subscriber's social, %s." % rec.v("SSN", h["ssn"], "P", "same"))
        O("Thank you. Let me read that back, %s?" % rec.v("SSN", h["ssn"], "O", "prev"))
        P("That's correct.")
    else:
        P("%s%s." % (rng.choice(["", "Sure, it's ", "It's "]), rec.v("MEMBER_ID", h["member_id"], "P", "prev")))
    O("And the patient's name and date of birth?")
    P("%s, date of birth %s." % (rec.v("NAME", pat_full, "P", "prev"), rec.v("DOB", pat_dob, "P", "same")))
    last4 = h["ssn"][-4:]
    mbi = None
    if adult and not metlife_ssn and rng.random() < 0.5:
        mbi = mk_mbi(rng)
        O("This is a Medicare Advantage plan. Do you have the patient's Medicare beneficiary identifier?")
        P("%s%s." % (rng.choice(["", "Yes, it's ", "Sure, "]), rec.v("MBI", mbi, "P", "prev")))
    if adult:
        O("Thank you, I have %s as the subscriber. Can you verify the last four of the social?" % rec.v("NAME", pat_full.split()[0], "O", "prev"))
        if metlife_ssn:
            P("%s." % rec.v("SSN", last4, "P", "prev"))
        else:
            P("%s%s." % (rng.choice(["", "It's ", "Sure, "]), rec.v("SSN", last4, "P", "prev")))
    else:
        O("Okay, and is the patient the subscriber?")
        if rng.random() < 0.5:
            P("No, %s is a dependent. The subscriber is %s, last four of the social %s." % (
                "he" if h["ksex"] == "m" else "she", rec.v("NAME", sub_full, "P", "same"), rec.v("SSN", last4, "P", "same")))
        else:
            P("No, dependent child. The subscriber is %s." % rec.v("NAME", sub_full, "P", "same"))
            O("And the subscriber's date of birth and last four of the social?")
            P("%s, and %s." % (rec.v("DOB", h["pdob"], "P", "prev"), rec.v("SSN", last4, "P", "prev")))
        O("I show %s active as a dependent on the plan." % rec.v("NAME", pat_full.split()[0], "O", "prev"))
    O("The group number is %s, employer %s." % (n_code(rec, "O", "group_number", h["group"]),
                                                 rec.neg("employer_name", h["employer"])))
    P("Thank you. Can I get the benefit breakdown for preventive, basic and major?")
    pcts = [100, rng.choice([70, 80, 90]), rng.choice([50, 60])]
    O("Preventive is covered at %s, basic at %s, and major at %s. The deductible is %s, and %s of that has been met." % (
        nz(rec, "O", "percent", {"*": ["%d percent" % pcts[0], "%d%%" % pcts[0]], "google": ["%d%%" % pcts[0]]}),
        nz(rec, "O", "percent", {"*": ["%d percent" % pcts[1], "%d%%" % pcts[1]], "google": ["%d%%" % pcts[1]]}),
        nz(rec, "O", "percent", {"*": ["%d percent" % pcts[2], "%d%%" % pcts[2]], "google": ["%d%%" % pcts[2]]}),
        n_money(rec, "O", rng.choice([5000, 2500, 7500])), n_money(rec, "O", rng.choice([0, 2500, 5000]) or 1000)))
    O("Annual maximum is %s, with %s remaining." % (n_money(rec, "O", rng.choice([100000, 150000, 200000])),
                                                     n_money(rec, "O", rng.randint(20000, 150000))))
    P("What are the frequencies for cleanings and bitewings?")
    O("%s cleanings per calendar year, bitewings once every %s, and a pano once every %s. Fluoride is covered up to age %s." % (
        n_num(rec, "O", "count", 2), nz(rec, "O", "duration", ["12 months", "twelve months", "calendar year"]),
        nz(rec, "O", "duration", ["five years", "5 years", "three years", "36 months"]), n_age(rec, "O", rng.choice([14, 16, 19]))))
    if not adult:
        P("Is there an orthodontic benefit?")
        O("Yes, ortho is at %s to a lifetime maximum of %s, dependents up to age %s, and there's no waiting period." % (
            nz(rec, "O", "percent", ["50 percent", "50%"]), n_money(rec, "O", rng.choice([150000, 200000, 250000])),
            n_age(rec, "O", 19)))
    dates = None
    if rng.random() < 0.3:
        adm = mk_date(rng, 2023, 2024)
        dis = datetime.date(*adm) + datetime.timedelta(days=rng.randint(1, 4))
        dis = (dis.year, dis.month, dis.day)
        O("I do see a note. The jaw fracture was billed to medical; the hospital shows %s admitted on %s and discharged on %s, so the oral surgery is not under dental." % (
            "the patient", rec.v("DATE", adm, "O", "same"), rec.v("DATE", dis, "O", "same")))
        P("Understood, thank you.")
        dates = (adm, dis)
    if rng.random() < 0.4:
        O("There is also a pending claim for tooth number %s, claim number %s." % (
            n_num(rec, "O", "tooth_number", rng.randint(2, 31)), n_code(rec, "O", "claim_number", rdig(rng, 11))))
    P("Can I get a reference number for this call?")
    ref = rng.choice([rdig(rng, 8), rdig(rng, 10), "R" + rdig(rng, 9), rdig(rng, 4) + "-" + rdig(rng, 6)])
    O("Sure, your call reference number is %s." % n_code(rec, "O", "reference_number", ref))
    P("Thank you. That's %s, and I spoke with %s?" % (n_code(rec, "P", "reference_number", ref), rec.v("NAME", rep, "P", "prev")))
    if rng.random() < 0.5:
        ext = str(rng.randint(200, 4999))
        O("Yes. If you need to call back, my direct extension is %s. Anything else?" % nz(
            rec, "O", "extension", {"google": [ext], "*": [ext, words(ext, "oh")]}))
    else:
        O("Yes. Is there anything else I can help with?")
    P(rng.choice(["No, that's everything. Thank you, have a great day.", "That's all, thanks for your help."]))
    dob_w, dform = written_date(pat_dob, rng)
    summ = "Verified %s benefits for %s (DOB %s), member ID %s. " % (
        h["payer"], rec.w("NAME", pat_full, "none", pat_full, "name_written"), rec.w("DOB", pat_dob, "same", dob_w, dform),
        rec.w("SSN", h["ssn"], "same", "%s-%s-%s" % (h["ssn"][:3], h["ssn"][3:5], h["ssn"][5:]), "written_dash") if metlife_ssn
        else rec.w("MEMBER_ID", h["member_id"], "same", h["member_id"], "written_plain"))
    if not adult:
        summ += "Subscriber %s, SSN last 4 %s. " % (rec.w("NAME", sub_full, "same", sub_full, "name_written"),
                                                   rec.w("SSN", last4, "same", last4, "last4_digits"))
    summ += "Preventive %d%%, basic %d%%, major %d%%. Group %s. Rep %s, ref #%s." % (
        pcts[0], pcts[1], pcts[2], rec.neg("group_number", h["group"]), rec.w("NAME", rep, "same", rep, "name_written"),
        rec.neg("reference_number", ref))
    if dates:
        summ += " Hospital admission %s, discharge %s (billed to medical)." % (
            rec.w("DATE", dates[0], "same", *written_date(dates[0], rng)), rec.w("DATE", dates[1], "same", *written_date(dates[1], rng)))
    data = {"payer": h["payer"], "patient_name": rec.w("NAME", pat_full, "same", pat_full, "name_written"),
            "patient_dob": rec.w("DOB", pat_dob, "same", "%04d-%02d-%02d" % pat_dob, "iso_date"),
            "member_id": (rec.w("SSN", h["ssn"], "same", h["ssn"], "digits_run") if metlife_ssn else
                          rec.w("MEMBER_ID", h["member_id"], "same", h["member_id"], "written_plain")),
            "subscriber_ssn_last4": rec.w("SSN", last4, "same", last4, "last4_digits"),
            "medicare_mbi": rec.w("MBI", mbi, "same", mbi, "written_plain") if mbi else None,
            "group_number": rec.neg("group_number", h["group"]),
            "provider_npi": rec.w("NPI", npi, "same", npi, "written_plain"),
            "rep_name": rec.w("NAME", rep, "same", rep, "name_written"),
            "reference_number": rec.neg("reference_number", ref),
            "preventive_pct": pcts[0], "basic_pct": pcts[1], "major_pct": pcts[2]}
    return {"summary": summ, "data": data, "caller_phone": None, "direction": "outbound",
            "dyn": {"payer_name": h["payer"], "patient_name": rec.w("NAME", pat_full, "same", pat_full, "name_written"),
                    "provider_npi": rec.w("NPI", npi, "same", npi, "written_plain")}}


def sc_payment(rec, human):
    rng = rec.rng
    h = household(rng, kid=rng.random() < 0.5)
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    kid = "kfirst" in h
    pat_full = (h["kfirst"] + " " + h["last"]) if kid else (h["pfirst"] + " " + h["plast"])
    pat_dob = h["kdob"] if kid else h["pdob"]
    bal = rng.choice([18640, 9500, 24375, 4000, 61210, 13500, 32000])
    plan = rng.random() < 0.35
    P(greet(rec, h, human))
    if plan:
        O("Hi, I'm calling about setting up a payment plan for %s braces." % ("my son's" if kid and h["ksex"] == "m" else "my daughter's" if kid else "my"))
    else:
        O("Hi, I got a statement for %s and I'd like to pay it over the phone." % n_money(rec, "O", bal))
    P("I can help with that. Can I have the patient's full name and date of birth?")
    if rng.random() < 0.6:
        O("%s, %s." % (rec.v("NAME", pat_full, "O", "prev"), rec.v("DOB", pat_dob, "O", "prev")))
    else:
        O("%s. %s birthday is %s." % (rec.v("NAME", pat_full, "O", "prev"), "Her" if kid and h["ksex"] == "f" else "His" if kid else "My",
                                      rec.v("DOB", pat_dob, "O", "same")))
    mrn_given = rng.random() < 0.7
    if mrn_given:
        if rng.random() < 0.5:
            O("The statement also has a chart number on it, %s." % rec.v("MRN", h["mrn"], "O", "same"))
            P("Thank you, I found the account under chart %s." % rec.v("MRN", h["mrn"], "P", "prev"))
        else:
            P("I found it. Is the chart number on your statement %s?" % rec.v("MRN", h["mrn"], "P", "same"))
            O("Yep, that's it.")
    if plan:
        total = rng.choice([420000, 510000, 585000])
        P("After insurance, the remaining treatment balance is %s. We can do %s down and %s a month for %s, with no interest." % (
            n_money(rec, "P", total), n_money(rec, "P", 50000), n_money(rec, "P", rng.choice([17500, 19500, 22000])),
            nz(rec, "P", "duration", ["24 months", "twenty four months", "18 months"])))
        O("Okay, let's do that.")
        if rng.random() < 0.35:
            P("For the payment plan agreement we run a soft credit check on the responsible party. I'll need a few details.")
            O("I have the financing form right here, I'll just read it off. %s. %s. %s. %s, %s %s." % (
                rec.v("NAME", h["pfirst"] + " " + h["plast"], "O", "none"), rec.v("DOB", h["pdob"], "O", "none"),
                rec.v("SSN", h["ssn"], "O", "none"), rec.v("STREET", h["street"], "O", "none"),
                rec.v("CITY", h["city"], "O", "none"), rec.v("ZIP", h["zip"], "O", "none")))
            P("Thank you, that's everything I need for the application.")
        elif rng.random() < 0.6:
            P("For the payment plan agreement we run a soft credit check on the responsible party. Can I have your Social Security number?")
            O("%s%s." % (rng.choice(["", "Sure, ", "Okay, it's "]), rec.v("SSN", h["ssn"], "O", "prev")))
            P("Thank you. And your date of birth, as the responsible party?")
            O("%s." % rec.v("DOB", h["pdob"], "O", "prev"))
        P("How would you like to make the down payment?")
    else:
        P("I see the balance of %s. How would you like to pay today?" % n_money(rec, "P", bal))
    card = mk_card(rng)
    brand = {"4": "Visa", "5": "Mastercard", "2": "Mastercard", "6": "Discover", "3": "American Express"}[card[0]]
    O("%s %s." % (rng.choice(["I'll put it on my", "On my", "With a"]), brand))
    if rng.random() < 0.55:
        P("Go ahead with the card number whenever you're ready.")
        O("%s%s." % (rng.choice(["", "Okay, ", "Alright, "]), rec.v("CARD", card, "O", "prev", ps=max(rec.ps, 0.65))))
    else:
        P("Okay.")
        O("The card number is %s." % rec.v("CARD", card, "O", "same", ps=max(rec.ps, 0.65)))
    if rng.random() < 0.55:
        P("Let me read that back: %s. Is that correct?" % rec.v("CARD", card, "P", "prev", ps=max(rec.ps, 0.5)))
        O(rng.choice(["Yes.", "Yep, that's right.", "Correct."]))
    P("And the expiration date?")
    mm, yy = rng.randint(1, 12), rng.randint(26, 31)
    O("%s." % nz(rec, "O", "card_expiry", {"google": ["%02d/%02d" % (mm, yy), "%d %d" % (mm, yy)],
                                           "*": ["%02d/%02d" % (mm, yy), "%s %s" % (pair("%02d" % mm), num_words(yy))]}))
    cvv = rdig(rng, 4 if card[0] == "3" else 3)
    P("And the %s security code?" % ("four-digit" if card[0] == "3" else "three-digit"))
    O("%s." % nz(rec, "O", "card_cvv", {"google": [cvv], "*": [cvv, words(cvv)]}))
    P("And the billing ZIP code?")
    O("%s%s." % (rng.choice(["", "It's ", "Uh, "]), rec.v("ZIP", h["zip"][:5], "O", "prev")))
    P("Would you like the receipt emailed?")
    has_email = rng.random() < 0.75
    if has_email:
        if rng.random() < 0.5:
            O("Yes please, to %s." % rec.v("EMAIL", h["email"], "O", "prev"))
        else:
            O("Sure, my email is %s." % rec.v("EMAIL", h["email"], "O", "same"))
    else:
        O("No, that's okay.")
    conf = mk_conf(rng, "PMT")
    amount = 50000 if plan else bal
    P("Your payment of %s was approved. Your confirmation number is %s. Is there anything else?" % (
        n_money(rec, "P", amount), n_code(rec, "P", "confirmation_number", conf)))
    O(rng.choice(["No, that's it. Thanks.", "Nope, thank you.", "That's all, thank you."]))
    dob_w, dform = written_date(pat_dob, rng)
    summ = "Caller paid %s on the account of %s (DOB %s)%s by %s card. Confirmation %s." % (
        rec.neg("money", "$%d.%02d" % divmod(amount, 100)), rec.w("NAME", pat_full, "none", pat_full, "name_written"),
        rec.w("DOB", pat_dob, "same", dob_w, dform),
        (", chart %s," % rec.w("MRN", h["mrn"], "same", h["mrn"], "written_plain")) if mrn_given else "", brand,
        rec.neg("confirmation_number", conf))
    if plan:
        summ += " Set up an in-house ortho payment plan."
    if has_email:
        summ += " Receipt sent to %s." % rec.w("EMAIL", h["email"], "same", h["email"], "email_written")
    data = {"patient_name": rec.w("NAME", pat_full, "same", pat_full, "name_written"),
            "patient_dob": rec.w("DOB", pat_dob, "same", "%04d-%02d-%02d" % pat_dob, "iso_date"),
            "payment_amount": rec.neg("money", "%d.%02d" % divmod(amount, 100)),
            "card_brand": brand, "billing_zip": rec.w("ZIP", h["zip"][:5], "same", h["zip"][:5], "zip_written"),
            "confirmation_number": rec.neg("confirmation_number", conf), "payment_plan": plan}
    if mrn_given:
        data["chart_number"] = rec.w("MRN", h["mrn"], "same", h["mrn"], "written_plain")
    if rng.random() < 0.3:
        data["card_number"] = rec.w("CARD", card, "same", card, "written_run")
    if has_email:
        data["receipt_email"] = rec.w("EMAIL", h["email"], "same", h["email"], "email_written")
    return {"summary": summ, "data": data, "caller_phone": h["phone"], "direction": "inbound"}


def sc_recall(rec, human):
    """outbound recall reminder (hygiene / ortho adjustment)."""
    rng = rec.rng
    h = household(rng)
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    pr = pron(h["ksex"])
    kid_full = h["kfirst"] + " " + h["last"]
    if human:
        P("Hi, this is %s from Brightside Dental and Orthodontics, I'm calling for the parent of %s." % (
            rec.v("NAME", h["staff"], "P", "same"), rec.v("NAME", kid_full, "P", "same")))
    else:
        P("Hi, this is the virtual assistant from Brightside Dental and Orthodontics, calling for the parent or guardian of %s." % (
            rec.v("NAME", kid_full, "P", "same")))
    O("Yes, that's my %s. This is %s." % (pr["son"], rec.v("NAME", h["pfirst"], "O", "same")))
    P("Thanks, %s. For privacy, can you please confirm %s date of birth?" % (rec.v("NAME", h["pfirst"], "P", "prev"), pr["his"]))
    O("%s%s." % (rng.choice(["", "Um, ", "Sure, "]), rec.v("DOB", h["kdob"], "O", "prev")))
    appt1, appt2 = mk_appt(rng), mk_appt(rng)
    P("Thank you. %s is due for %s six-month cleaning and x-rays. Dr. %s has openings on %s at %s, or %s at %s." % (
        rec.v("NAME", h["kfirst"], "P", "prev"), pr["his"], rec.v("NAME", h["provider"], "P", "same"),
        n_appt(rec, "P", *appt1), n_time(rec, "P", 15, 30), n_appt(rec, "P", *appt2), n_time(rec, "P", 8, 0)))
    O("The %s one, after school is better." % rng.choice(["first", "afternoon"]))
    P("Great, you're booked. Let's make sure your information is current. Is %s still the best number?" % rec.v("PHONE", h["phone"], "P", "same"))
    moved = rng.random() < 0.5
    new_phone = mk_phone(rng, h["area"])
    phone_used = True
    if rng.random() < 0.5:
        O("No, we changed it. The new number is %s." % rec.v("PHONE", new_phone, "O", "same"))
        P("Updated to %s." % rec.v("PHONE", new_phone, "P", "prev"))
    else:
        if rng.random() < 0.5:
            O("Yeah, that's still good. Oh, and %s, you can write that down too." % rec.v("PHONE", new_phone, "O", "none"))
        else:
            O("Yeah, that's still good.")
            phone_used = False
    if moved:
        h2 = household(rng, kid=False)
        P("And do we still have you at %s?" % rec.v("STREET", h["street"], "P", "same"))
        O("Actually we moved. It's %s, %s %s." % (rec.v("STREET", h2["street"], "O", "same"), rec.v("CITY", h2["city"], "O", "same"),
                                                 rec.v("ZIP", h2["zip"], "O", "same")))
        P("Thank you, I've updated the address.")
    if rng.random() < 0.6:
        P("What's a good email for reminders?")
        O("%s%s." % (rng.choice(["", "It's ", "Uh, "]), rec.v("EMAIL", h["email"], "O", "prev")))
    if rng.random() < 0.6:
        P("Also, %s patient ID for the portal is %s." % (pr["his"], rec.v("MRN", h["mrn"], "P", "same")))
        O("Okay, let me write that down. %s?" % rec.v("MRN", h["mrn"], "O", "prev"))
        P("That's right.")
    if rng.random() < 0.5:
        P("You'll get a reminder text %s before. To confirm by text, reply C, or call us and %s." % (
            nz(rec, "P", "duration", ["two days", "48 hours", "one day"]),
            nz(rec, "P", "menu_option", ["press one", "press two", "press 1"])))
    else:
        P("You'll get a reminder %s before the visit." % nz(rec, "P", "duration", ["two days", "a week", "24 hours"]))
    O(rng.choice(["Sounds good, thanks.", "Okay, bye.", "Thank you."]))
    dob_w, dform = written_date(h["kdob"], rng)
    summ = "Recall call for %s (DOB %s). Spoke with parent %s. Booked hygiene visit with Dr. %s on %s." % (
        rec.w("NAME", kid_full, "none", kid_full, "name_written"), rec.w("DOB", h["kdob"], "same", dob_w, dform),
        rec.w("NAME", h["pfirst"], "none", h["pfirst"], "name_written"),
        rec.w("NAME", h["provider"], "same", h["provider"], "name_written"), n_appt(rec, "P", *appt1))
    if moved:
        summ += " New address: %s, %s %s." % (rec.w("STREET", h2["street"], "same", street_written(h2["street"]), "written_full"),
                                             rec.w("CITY", h2["city"], "same", h2["city"], "city_written"),
                                             rec.w("ZIP", h2["zip"], "same", h2["zip"], "zip_written"))
    data = {"patient_name": rec.w("NAME", kid_full, "same", kid_full, "name_written"),
            "patient_dob": rec.w("DOB", h["kdob"], "same", "%04d-%02d-%02d" % h["kdob"], "iso_date"),
            "appointment_booked": True,
            "appointment_date": rec.neg("appointment_date", "2025-%02d-%02d" % (appt1[1], appt1[2]))}
    if phone_used:
        data["additional_phone"] = rec.w("PHONE", new_phone, "same", written_phone(new_phone, rng), "written_phone")
    return {"summary": summ, "data": data, "caller_phone": h["phone"], "direction": "outbound",
            "dyn": {"patient_first_name": rec.w("NAME", h["kfirst"], "same", h["kfirst"], "name_written"),
                    "patient_dob": rec.w("DOB", h["kdob"], "same", "%02d/%02d/%d" % (h["kdob"][1], h["kdob"][2], h["kdob"][0]), "written_mdy_slash"),
                    "recall_type": "hygiene"}}


def sc_emergency(rec, human):
    rng = rec.rng
    h = household(rng, kid=False)
    P = lambda t: rec.say("P", t)
    O = lambda t: rec.say("O", t)
    full = h["pfirst"] + " " + h["plast"]
    carrier = [c for c in MTS_CARRIER]
    rng.shuffle(carrier)
    P(greet(rec, h, human))
    opener = rng.random() < 0.4
    if opener:
        O("Yeah hi. %s. %s. I'm a patient at your %s office and I've got a really bad toothache." % (
            rec.v("NAME", full, "O", "none"), rec.v("DOB", h["pdob"], "O", "none"), h["site"]))
    else:
        O("Hi, I need to see someone today. %s" % carrier[0][1].replace("{dur}", rec.neg("duration", "three days")))
    P(rng.choice(["I'm so sorry. On a scale of one to ten, how bad is the pain?", "Oh, how bad is it, from one to ten?"]))
    O("Like %s out of ten. %s" % (n_num(rec, "O", "vital_sign", rng.randint(6, 10)), carrier[1][1].replace("{dur}", rec.neg("duration", "three days"))))
    P("Any swelling or fever?")
    O("My cheek is a little swollen and I had a temperature of %s last night." % nz(
        rec, "O", "vital_sign", {"google": ["101", "100.8"], "*": ["101", "a hundred and one", "100.8"]}))
    P("Have you taken anything for the pain?")
    O("I took %s of ibuprofen at %s." % (nz(rec, "O", "dose", {"google": ["600 milligrams", "800 mg"], "*": ["600 milligrams", "six hundred milligrams", "800 mg"]}),
                                        n_time(rec, "O", rng.choice([6, 7, 11]), 0)))
    P("If the swelling spreads toward your eye, or you have trouble breathing or swallowing, please call %s or go to the nearest emergency room." % (
        nz(rec, "P", "emergency_number", {"llm": ["911"], "google": ["911"], "*": ["911", "nine one one"]})))
    if not opener:
        P("Can I have your name and date of birth?")
        O("%s, %s." % (rec.v("NAME", full, "O", "prev"), rec.v("DOB", h["pdob"], "O", "prev")))
    has_mrn = rng.random() < 0.7
    if has_mrn:
        P("Are you an existing patient with us?")
        if rng.random() < 0.5:
            O("Yes, my chart number is %s." % rec.v("MRN", h["mrn"], "O", "same"))
        else:
            O("Yeah. I think my patient number is on the app, hold on. Okay, %s." % rec.v("MRN", h["mrn"], "O", "same"))
    dates = None
    if rng.random() < 0.3:
        adm = mk_date(rng, 2024, 2025)
        dis = datetime.date(*adm) + datetime.timedelta(days=rng.randint(1, 3))
        dis = (dis.year, dis.month, dis.day)
        O("Also I was in the hospital for the infection last time, I was admitted on %s and discharged %s." % (
            rec.v("DATE", adm, "O", "same"), rec.v("DATE", dis, "O", "same")))
        dates = (adm, dis)
    if rng.random() < 0.5:
        ext = str(rng.randint(20, 299))
        P("If we get disconnected, call the main line and press %s for the emergency desk, or ask for extension %s." % (
            nz(rec, "P", "menu_option", ["two", "2", "three"]),
            nz(rec, "P", "extension", {"google": [ext], "llm": [ext], "*": [ext, words(ext, "oh")]})))
    P("What's the best callback number in case we get disconnected?")
    O("%s%s." % (rng.choice(["", "It's ", "Uh, "]), rec.v("PHONE", h["phone"], "O", "prev")))
    hr, mi = rng.choice([(11, 15), (13, 0), (14, 15), (15, 45), (16, 30)])
    P("We have an emergency slot today at %s at the %s office with Dr. %s. The emergency exam is %s, and x-rays are included." % (
        n_time(rec, "P", hr, mi), h["site"], rec.v("NAME", h["provider"], "P", "same"), n_money(rec, "P", rng.choice([9500, 12500, 7500]))))
    O("Yes, I %s be there. Thank you." % rec.neg("common_word", "will"))
    P("Please arrive %s early. Keep taking the ibuprofen as directed, no more than %s a day." % (
        nz(rec, "P", "duration", ["10 minutes", "ten minutes", "15 minutes"]),
        nz(rec, "P", "dose", ["3200 milligrams", "3,200 mg"])))
    dob_w, dform = written_date(h["pdob"], rng)
    summ = "Emergency toothache call from %s (DOB %s), pain %s/10 with swelling. Booked emergency exam today with Dr. %s. Callback %s." % (
        rec.w("NAME", full, "none", full, "name_written"), rec.w("DOB", h["pdob"], "same", dob_w, dform),
        rec.neg("vital_sign", str(rng.randint(6, 10))), rec.w("NAME", h["provider"], "same", h["provider"], "name_written"),
        rec.w("PHONE", h["phone"], "same", written_phone(h["phone"], rng), "written_phone"))
    if has_mrn:
        summ += " Chart %s." % rec.w("MRN", h["mrn"], "same", h["mrn"], "written_plain")
    if dates:
        summ += " Recent hospitalization %s to %s." % (rec.w("DATE", dates[0], "same", *written_date(dates[0], rng)),
                                                     rec.w("DATE", dates[1], "same", *written_date(dates[1], rng)))
    data = {"caller_name": rec.w("NAME", full, "same", full, "name_written"),
            "dob": rec.w("DOB", h["pdob"], "same", "%04d-%02d-%02d" % h["pdob"], "iso_date"),
            "urgency": "high", "swelling": True,
            "callback_number": rec.w("PHONE", h["phone"], "same", e164(h["phone"]), "e164")}
    if has_mrn:
        data["chart_number"] = rec.w("MRN", h["mrn"], "same", h["mrn"], "written_plain")
    return {"summary": summ, "data": data, "caller_phone": h["phone"], "direction": "inbound",
            "carrier": sorted(set(c[0] for c in carrier[:2]))}


# ---------------------------------------------------------------------------
# assembling records

SCENARIOS = [("intake_child", sc_intake_child, 30), ("intake_adult", sc_intake_adult, 27),
             ("payer_verification", sc_payer, 27), ("payment", sc_payment, 27),
             ("recall", sc_recall, 20), ("emergency", sc_emergency, 19)]
LABELS = {
    "intake_child": [("Front Desk", "Parent", True), ("Agent", "User", False), ("Agent", "Parent", False), ("spk_0", "spk_1", True)],
    "intake_adult": [("Front Desk", "Patient", True), ("Agent", "User", False), ("spk_0", "spk_1", True)],
    "payer_verification": [("Office", "Rep", True), ("Office", "Rep", False), ("spk_1", "spk_0", True)],
    "payment": [("Front Desk", "Patient", True), ("Agent", "User", False), ("spk_0", "spk_1", True)],
    "recall": [("Agent", "User", False), ("Agent", "Parent", False), ("Front Desk", "Parent", True), ("spk_0", "spk_1", True)],
    "emergency": [("Front Desk", "Patient", True), ("Agent", "User", False), ("spk_0", "spk_1", True)],
}


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexid(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def plan_records(n, seed):
    master = random.Random(seed)
    order = []
    total_w = sum(w for _, _, w in SCENARIOS)
    for name, fn, w in SCENARIOS:
        order.extend([name] * max(1, round(n * w / total_w)))
    while len(order) < n:
        order.append(SCENARIOS[len(order) % len(SCENARIOS)][0])
    order = order[:n]
    master.shuffle(order)
    n_json = round(n * 0.45)
    fmts = ["transcript"] * (n - n_json) + ["retell"] * (n_json // 2) + ["vapi"] * (n_json - n_json // 2)
    master.shuffle(fmts)
    asrs = [["google", "assembly", "whisper"][i % 3] for i in range(n)]
    master.shuffle(asrs)
    seeds = [master.randrange(1 << 30) for _ in range(n)]
    return list(zip(order, fmts, asrs, seeds))


def build_record(i, scen, fmt, asr, rseed):
    rng = random.Random(rseed)
    rec = Rec(rng, asr, fmt)
    fn = dict((a, b) for a, b, _ in SCENARIOS)[scen]
    if fmt == "transcript":
        lp, lo, human = rng.choice(LABELS[scen])
    else:
        lp, lo, human = None, None, False
    info = fn(rec, human)
    turns = [(side, style_text(rec, side, t)) for side, t in rec.turns]
    assert 8 <= len(turns) <= 40, (scen, len(turns))
    rid = "h28-%05d" % (i + 1)
    if fmt == "transcript":
        stamp = rng.random() < 0.35
        t = rng.randint(0, 4)
        lines = []
        for side, text in turns:
            lab = lp if side == "P" else lo
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60) if stamp else ""
            lines.append("%s%s: %s" % (pre, lab, text))
            t += rng.randint(2, 14)
        marked = "\n".join(lines)
        kind = "transcript_%s_%s" % (asr, scen)
        text, spans, negs = finalize(marked, rec.meta)
        return {"id": rid, "format": "transcript", "kind": kind, "text": text, "spans": spans, "negatives": negs}
    # voice-agent payloads
    base_ms = 1746000000000 + rng.randint(0, 4000000000)
    if fmt == "retell":
        tobj = []
        tlines = []
        clock = round(rng.uniform(0.3, 1.2), 3)
        for side, text in turns:
            role = "agent" if side == "P" else "user"
            toks = word_tokens(rec, text)
            wl = []
            for tk in toks:
                dur = round(0.12 + 0.035 * len(MARK_RE.sub(lambda m: m.group(2), tk)) + rng.uniform(0, 0.1), 3)
                wl.append({"word": tk, "start": round(clock, 3), "end": round(clock + dur, 3)})
                clock += dur + rng.uniform(0.01, 0.12)
            clock += rng.uniform(0.4, 1.6)
            tobj.append({"role": role, "content": text, "words": wl})
            tlines.append("%s: %s" % ("Agent" if side == "P" else "User", text))
        call = {"call_type": "phone_call", "call_id": "call_" + hexid(rng, 32), "agent_id": "agent_" + hexid(rng, 24),
                "call_status": "ended", "direction": info["direction"],
                "start_timestamp": base_ms, "end_timestamp": base_ms + int(clock * 1000)}
        if info.get("caller_phone"):
            key = "from_number" if info["direction"] == "inbound" else "to_number"
            call[key] = rec.w("PHONE", info["caller_phone"], "same", e164(info["caller_phone"]), "e164")
        if info.get("dyn"):
            call["retell_llm_dynamic_variables"] = info["dyn"]
        call["transcript"] = "\n".join(tlines)
        call["transcript_object"] = tobj
        call["disconnection_reason"] = rng.choice(["user_hangup", "agent_hangup"])
        call["call_analysis"] = {"call_summary": info["summary"], "in_voicemail": False,
                                 "user_sentiment": rng.choice(["Positive", "Neutral"]), "call_successful": True,
                                 "custom_analysis_data": info["data"]}
        obj = {"event": "call_analyzed", "call": call}
        profile = "retell"
        kind = "retell_call_analyzed_%s_%s" % (asr, scen)
    else:
        msgs = [{"role": "system", "message": "You are the scheduling and billing assistant for Brightside Dental and Orthodontics. Be brief and friendly.",
                 "time": base_ms, "secondsFromStart": 0}]
        tlines = []
        sec = round(rng.uniform(0.4, 1.5), 2)
        for side, text in turns:
            role = "bot" if side == "P" else "user"
            dur = int(400 + 55 * len(text) * rng.uniform(0.8, 1.2))
            msgs.append({"role": role, "message": text, "time": base_ms + int(sec * 1000),
                         "endTime": base_ms + int(sec * 1000) + dur, "secondsFromStart": round(sec, 2), "duration": dur})
            sec += dur / 1000.0 + rng.uniform(0.3, 1.4)
            tlines.append("%s: %s" % ("AI" if side == "P" else "User", text))
        callo = {"id": uuid4(rng), "orgId": uuid4(rng),
                 "type": "inboundPhoneCall" if info["direction"] == "inbound" else "outboundPhoneCall"}
        if info.get("caller_phone"):
            callo["customer"] = {"number": rec.w("PHONE", info["caller_phone"], "same", e164(info["caller_phone"]), "e164")}
        started = datetime.datetime(2025, 1, 1) + datetime.timedelta(milliseconds=base_ms - 1735689600000)
        ended = started + datetime.timedelta(seconds=sec)
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": callo,
                           "artifact": {"transcript": "\n".join(tlines), "messages": msgs,
                                        "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid4(rng)},
                           "analysis": {"summary": info["summary"], "structuredData": info["data"], "successEvaluation": "true"},
                           "startedAt": started.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (started.microsecond // 1000),
                           "endedAt": ended.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ended.microsecond // 1000),
                           "durationSeconds": round(sec, 2), "cost": round(rng.uniform(0.05, 0.6), 4)}}
        profile = "vapi"
        kind = "vapi_end_of_call_report_%s_%s" % (asr, scen)
    marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = finalize(marked, rec.meta)
    return {"id": rid, "format": "json", "profile": profile, "kind": kind, "text": text, "spans": spans,
            "negatives": negs}


def generate(n, seed):
    return [build_record(i, *p) for i, p in enumerate(plan_records(n, seed))]


# ---------------------------------------------------------------------------
# --check: re-validation (independent of the renderers: parses what is written)

NUMW = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9}
TEENW = dict((w, 10 + i) for i, w in enumerate(TEEN))
TENSW = dict((w, n * 10) for n, w in TENS.items())
ORDW = dict((w, n) for n, w in ORD.items())
SKIPW = {"uh", "um", "er", "ah", "and", "dash", "hyphen", "space", "slash", "then", "th", "st", "nd",
         "rd", "the", "of", "apartment", "apt", "unit", "number", "x"}


def _small(toks, j):
    while j < len(toks) and toks[j] == "and":
        j += 1
    if j >= len(toks):
        return None, j
    t = toks[j]
    if t.isdigit():
        return int(t), j + 1
    if t in TEENW:
        return TEENW[t], j + 1
    if t in TENSW:
        if j + 1 < len(toks) and toks[j + 1] in NUMW and NUMW[toks[j + 1]]:
            return TENSW[t] + NUMW[toks[j + 1]], j + 2
        return TENSW[t], j + 1
    if t in NUMW and NUMW[t]:
        return NUMW[t], j + 1
    return None, j


def parse_alnum(text, letter_o=False):
    low = text.lower().replace("x-ray", "xray")
    # written ids mixing letters and digits ("bd847264", "7uw4vw2gf89"): letters one by one
    low = re.sub(r"\S*\d\S*", lambda m: re.sub(r"([a-z])", r" \1 ", m.group(0)) if re.search(r"[a-z]", m.group(0)) else m.group(0), low)
    toks = re.findall(r"[a-z]+|\d+", low)
    out = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.isdigit():
            out.append(t)
            i += 1
        elif t == "as" and i + 1 < n and toks[i + 1] == "in":
            i += 3
        elif t in ("double", "triple") and i + 1 < n:
            k = 2 if t == "double" else 3
            nx = toks[i + 1]
            d = str(NUMW[nx]) if nx in NUMW and not (letter_o and nx == "o") else (NATO.get(nx) or nx.upper())
            out.append(d * k)
            i += 2
        elif t in NUMW and not (letter_o and t == "o"):
            if i + 1 < n and toks[i + 1] in ("hundred", "thousand"):
                k = 2 if toks[i + 1] == "hundred" else 3
                rest, j = _small(toks, i + 2)
                out.append(str(NUMW[t]) + (("%0" + str(k) + "d") % rest if rest is not None else "0" * k))
                i = j
            else:
                out.append(str(NUMW[t]))
                i += 1
        elif t in TEENW:
            if i + 1 < n and toks[i + 1] == "hundred":
                rest, j = _small(toks, i + 2)
                out.append(str(TEENW[t]) + ("%02d" % rest if rest is not None else "00"))
                i = j
            else:
                out.append(str(TEENW[t]))
                i += 1
        elif t in TENSW:
            if i + 1 < n and toks[i + 1] in NUMW and NUMW[toks[i + 1]] and toks[i + 1] != "o":
                out.append(str(TENSW[t] + NUMW[toks[i + 1]]))
                i += 2
            else:
                out.append(str(TENSW[t]))
                i += 1
        elif t in NATO:
            out.append(NATO[t])
            i += 1
        elif len(t) == 1:
            out.append(t.upper())
            i += 1
        elif t in SKIPW:
            i += 1
        elif len(t) <= 3:
            out.append(t.upper())   # a written letter prefix ("DYE 915978638")
            i += 1
        else:
            return None
    return "".join(out)


def parse_date(text):
    """(set of (y, m, d) readings) of a rendered date."""
    low = text.lower()
    toks = re.findall(r"[a-z]+|\d+", low)
    mon = None
    for k, name in enumerate(MONTHS):
        if name.lower() in toks:
            mon = k + 1
    res = set()
    if mon is None:
        digits = parse_alnum(text)
        if digits is None:
            return res
        for y in range(1925, 2031):
            for m in range(1, 13):
                for d in range(1, 32):
                    pass
        return ("digits", digits)
    rest = [t for t in toks if t != MONTHS[mon - 1].lower() and t not in ("the", "of", "th", "st", "nd", "rd")]
    if not rest:
        return res
    # day
    t = rest[0]
    j = 1
    day = None
    if t.isdigit():
        day = int(t)
    elif t in ORDW:
        day = ORDW[t]
    elif t in TENSW and len(rest) > 1 and rest[1] in ORDW:
        day = TENSW[t] + ORDW[rest[1]]
        j = 2
    elif t in NUMW or t in TEENW or t in TENSW:
        v, j = _small(rest, 0)
        day = v
    year = parse_alnum(" ".join(rest[j:]))
    return ("mdy", mon, day, year)


def date_ok(text, value):
    y, m, d = (int(x) for x in value.split("-"))
    r = parse_date(text)
    if not r:
        return False
    if r[0] == "digits":
        cands = set()
        for ms in ("%d" % m, "%02d" % m):
            for ds in ("%d" % d, "%02d" % d):
                for ys in ("%d" % y, "%02d" % (y % 100)):
                    cands.add(ms + ds + ys)
        cands.add("%04d%02d%02d" % (y, m, d))
        return r[1] in cands
    _, mon, day, year = r
    return mon == m and day == d and year in ("%d" % y, "%02d" % (y % 100))


def norm_email(text):
    t = text.lower().replace("at sign", " @ ")
    toks = re.findall(r"[a-z0-9]+|[@._]", t)
    out = []
    i = 0
    while i < len(toks):
        x = toks[i]
        if x == "at":
            out.append("@")
        elif x == "dot":
            out.append(".")
        elif x == "underscore":
            out.append("_")
        elif x in TENSW and i + 1 < len(toks) and toks[i + 1] in NUMW and toks[i + 1] != "o":
            out.append(str(TENSW[x] + NUMW[toks[i + 1]]))
            i += 1
        elif x in NUMW and x != "o":
            out.append(str(NUMW[x]))
        elif x in TEENW:
            out.append(str(TEENW[x]))
        else:
            out.append(x)
        i += 1
    return "".join(out)


EMAIL_RE = re.compile(r"^[a-z0-9._]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")


def value_problem(ent, val, txt, form):
    """None when the canonical value is valid and the span text renders it."""
    tok = "_wordtok" in form
    if not txt or txt != txt.strip():
        return "empty or padded span"
    if ent == "PHONE":
        if not re.fullmatch(r"[2-9]\d\d55501\d\d", val):
            return "phone not 555-01xx"
        if tok:
            return None
        p = parse_alnum(txt)
        return None if p in (val, "1" + val) else "phone text %r -> %r" % (txt, p)
    if ent == "SSN":
        if form.startswith("last4"):
            if not re.fullmatch(r"\d{4}", val) or val == "0000":
                return "bad last4"
        else:
            if not re.fullmatch(r"\d{9}", val) or val[:3] in ("000", "666") or val[0] == "9" \
                    or val[3:5] == "00" or val[5:] == "0000":
                return "bad ssn"
        if tok:
            return None
        p = parse_alnum(txt)
        return None if p == val else "ssn text %r -> %r" % (txt, p)
    if ent == "CARD":
        if not (re.fullmatch(r"3[47]\d{13}", val) or re.fullmatch(r"[2456]\d{15}", val)) or not luhn_ok(val):
            return "bad card"
        if tok:
            return None
        p = parse_alnum(txt)
        return None if p == val else "card text %r -> %r" % (txt, p)
    if ent == "NPI":
        if not re.fullmatch(r"[12]\d{9}", val) or not luhn_ok("80840" + val):
            return "bad npi"
        if tok:
            return None
        return None if parse_alnum(txt) == val else "npi text"
    if ent == "ZIP":
        if not re.fullmatch(r"\d{5}(-\d{4})?", val) or val.startswith("000"):
            return "bad zip"
        if tok:
            return None
        return None if parse_alnum(txt) == val.replace("-", "") else "zip text %r" % txt
    if ent == "MBI":
        if not MBI_RE.match(val):
            return "bad mbi"
        if tok:
            return None
        return None if parse_alnum(txt) == val else "mbi text %r -> %r" % (txt, parse_alnum(txt))
    if ent in ("MRN", "MEMBER_ID"):
        if not re.fullmatch(r"[A-Z]{0,3}\d[A-Z0-9]{5,11}", val):
            return "bad id"
        if tok:
            return None
        p = parse_alnum(txt)
        return None if p == val else "%s text %r -> %r" % (ent, txt, p)
    if ent in ("DOB", "DATE"):
        try:
            dt = datetime.date(*(int(x) for x in val.split("-")))
        except ValueError:
            return "bad date"
        if ent == "DOB" and not (1925 <= dt.year <= 2024):
            return "dob year"
        if tok:
            return None
        return None if date_ok(txt, val) else "date text %r" % txt
    if ent == "EMAIL":
        if not EMAIL_RE.match(val):
            return "bad email"
        if tok:
            return None
        return None if norm_email(txt) == val else "email text %r -> %r" % (txt, norm_email(txt))
    if ent in ("NAME", "CITY"):
        if not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", val):
            return "bad name"
        if tok:
            return None
        if form.startswith("spelled"):
            p = parse_alnum(txt, letter_o=True)
            return None if p == val.replace(" ", "").upper() else "spelled %r -> %r" % (txt, p)
        return None if txt.lower() == val.lower() else "name text"
    if ent == "STREET":
        m = re.match(r"^(\d+) (.+?) (%s)( Unit \w+)?$" % "|".join(s[0] for s in SUFFIX), val)
        if not m:
            return "bad street"
        if tok:
            return None
        k = txt.lower().find(m.group(2).lower())
        if k <= 0:
            return "street name missing"
        return None if parse_alnum(txt[:k]) == m.group(1) else "house number %r" % txt[:k]
    return "unknown entity " + ent


def string_ranges(raw):
    """char ranges (inside the quotes) of every JSON string token."""
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


ENTITIES = ["SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"]
LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(Agent|User|Front Desk|Parent|Patient|Rep|Office|spk_\d): \S")


def check_records(recs):
    errs = []
    ids = set()
    for r in recs:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s: duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not LINE_RE.match(ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
        elif r["format"] == "json":
            if r.get("profile") not in ("vapi", "retell"):
                errs.append("%s: profile" % rid)
            try:
                obj = json.loads(text)
            except ValueError as e:
                errs.append("%s: json %s" % (rid, e))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact json" % rid)
            b2c = {}
            pos = 0
            for ci, ch in enumerate(text):
                b2c[pos] = ci
                pos += len(ch.encode("utf-8"))
            b2c[pos] = len(text)
            rngs = string_ranges(text)
            for s in r["spans"] + r["negatives"]:
                cs, ce = b2c.get(s["start"]), b2c.get(s["end"])
                if cs is None or ce is None or not any(a <= cs and ce <= z for a, z in rngs):
                    errs.append("%s: span outside a JSON string %r" % (rid, s))
        else:
            errs.append("%s: format" % rid)
        occ = []
        for s in r["spans"]:
            if not 0 <= s["start"] < s["end"] <= len(b):
                errs.append("%s: offsets %r" % (rid, s))
                continue
            try:
                txt = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: offsets split a character" % rid)
                continue
            if s["entity"] not in ENTITIES or s["cue"] not in ("same", "prev", "none") or \
                    not isinstance(s["spoken"], bool):
                errs.append("%s: labels %r" % (rid, s))
            pb = value_problem(s["entity"], s["value"], txt, s["form"])
            if pb:
                errs.append("%s: %s %s" % (rid, s["entity"], pb))
            before = b[:s["start"]].decode("utf-8")[-1:]
            after = b[s["end"]:].decode("utf-8")[:1]
            if before.isalnum() or after.isalnum():
                errs.append("%s: span cuts a word %r" % (rid, txt))
            occ.append((s["start"], s["end"], "span"))
        for ng in r["negatives"]:
            if not 0 <= ng["start"] < ng["end"] <= len(b) or not ng.get("what"):
                errs.append("%s: negative %r" % (rid, ng))
            occ.append((ng["start"], ng["end"], "neg"))
        occ.sort()
        for (a0, a1, _), (b0, b1, _) in zip(occ, occ[1:]):
            if b0 < a1:
                errs.append("%s: overlap at %d" % (rid, b0))
    return errs


def stats(recs, out=sys.stdout):
    c = collections.Counter()
    tok = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    for r in recs:
        kinds[(r["format"], r.get("profile", ""))] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                tok["neutral"] += 1
                continue
            if s["form"].endswith("_wordtok"):
                tok[s["entity"]] += 1
                continue
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    p = lambda *a: print(*a, file=out)
    p("records: %d  (%s)" % (len(recs), ", ".join("%s%s %d" % (f, "/" + pr if pr else "", n)
                                                   for (f, pr), n in sorted(kinds.items()))))
    p("\nvalue spans per entity (spoken/written x cue same/prev/none); word-array token spans apart")
    p("| entity | spoken same | spoken prev | spoken none | written same | written prev | written none | spoken | written | total | words[] tokens |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot = collections.Counter()
    for e in ENTITIES:
        row = [c[(e, sw, cu)] for sw in ("spoken", "written") for cu in ("same", "prev", "none")]
        sp, wr = sum(row[:3]), sum(row[3:])
        tot["sp"] += sp
        tot["wr"] += wr
        tot["tok"] += tok[e]
        p("| %s | %s | %d | %d | %d | %d |" % (e, " | ".join(str(x) for x in row), sp, wr, sp + wr, tok[e]))
    p("| all | | | | | | | %d | %d | %d | %d |" % (tot["sp"], tot["wr"], tot["sp"] + tot["wr"], tot["tok"]))
    p("neutral spans (filler/connective tokens of a value inside words[] arrays): %d" % tok["neutral"])
    p("\nhard negatives: %d" % sum(negs.values()))
    p(", ".join("%s %d" % (k, v) for k, v in sorted(negs.items(), key=lambda kv: (-kv[1], kv[0]))))
    p("\nforms (entity: form count):")
    for e in ENTITIES:
        fs = sorted(((f, n) for (ee, f), n in forms.items() if ee == e), key=lambda x: (-x[1], x[0]))
        if fs:
            p("  %s: %s" % (e, ", ".join("%s %d" % x for x in fs)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2828)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                recs.extend(json.loads(line) for line in f if line.strip())
        errs = check_records(recs)
        for e in errs[:60]:
            print("ERROR", e)
        stats(recs)
        print("\ncheck: %d records, %d problems" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.n, a.seed)
    errs = check_records(recs)
    if errs:
        for e in errs[:60]:
            print("ERROR", e, file=sys.stderr)
        sys.exit("generated records fail the check (%d problems)" % len(errs))
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
