#!/usr/bin/env python3
"""Holdout 30: post-discharge (two-day) callback calls with spoken PHI.

An AI callback agent from a community hospital checks on a patient two days after discharge:
identity verification first (name, DOB, last four or full SSN, address, ZIP), then pain, fever,
incision, drains, medicines, the discharge papers (MRN, page numbers), pharmacy callback number,
follow-up appointment, insurance, e-mail for the portal and sometimes paying the hospital bill by
card. Callers are often older, bilingual, hard of hearing, or have a son, daughter or interpreter
on the line.

Python 3 standard library only; output is deterministic for a seed (no set/dict-order or hash
dependence).

  python3 gen_holdout30.py [--seed 3030] [--n 150] > holdout30.jsonl
  python3 gen_holdout30.py --stats                 # stats of the default corpus
  python3 gen_holdout30.py --check holdout30.jsonl # re-validate a file, then print its stats
"""
import argparse
import collections
import json
import random
import re
import sys
import unicodedata

DEFAULT_SEED = 3030
N_RECORDS = 150

# --------------------------------------------------------------------------------------------
# Carrier exchanges, verbatim from MTS-Dialog (Ben Abacha et al., CC BY 4.0,
# https://github.com/abachaa/MTS-Dialog, MTS-Dialog-TrainingSet.csv, IDs given). "Doctor" turns
# are given to the callback agent, "Patient" turns to the patient (or the relative on the line).
MTS_CARRIERS = [
    ("27", [("D", "Any allergies I should know about?"), ("P", "Nope, no allergies for me.")]),
    ("113", [("D", "Do you have diabetes or blood pressure problems?"),
             ("P", "Yes, I have hypertension but no diabetes."), ("D", "Alright.")]),
    ("142", [("D", "Any known allergies?"), ("P", "No."), ("D", "Any allergy to any drug?"),
             ("P", "No.")]),
    ("154", [("D", "Ever reacted poorly to any medications taken in the past?"),
             ("P", "Hm I don't think so. No reactions so far.")]),
    ("155", [("D", "Are you taking any medications?"),
             ("P", "Yes I am taking thyroid meds and Lipitor.")]),
    ("158", [("D", "Are you allergic to anything?"), ("P", "No, I am not allergic to anything."),
             ("D", "Okay so no drug allergies."), ("P", "Yeah.")]),
    ("168", [("D", "And tell me, are you allergic to any medications?"),
             ("P", "No. Not that I know of."), ("D", "Okay.")]),
    ("180", [("D", "Any allergies?"), ("P", "What do you mean?"),
             ("D", "Are you allergic to anything?"), ("P", "No no, oh no.")]),
    ("185", [("D", "Have you ever had jaundice?"), ("P", "Um, no."),
             ("D", "Any rash or anything?"), ("P", "Nope.")]),
    ("232", [("D", "Are you allergic to anything?"), ("P", "No, I do not have any allergies."),
             ("D", "Great.")]),
    ("261", [("D", "Do you have any allergies to medications?"), ("P", "Yes. Penicillin.")]),
    ("277", [("D", "What do you use to treat your asthma?"),
             ("P", "I use my Albuterol inhaler.")]),
    ("344", [("D", "Do you have any allergies?"), ("P", "No allergies."),
             ("D", "Nothing? Cat dander, pollen?"), ("P", "Nope.")]),
    ("447", [("D", "Do you have any known allergies to medications?"),
             ("P", "None whatsoever.")]),
    ("459", [("D", "What medications are you taking?"),
             ("P", "I take Prilosec and Tramadol when I have back pain.")]),
    ("539", [("D", "Do you have any drug allergies?"), ("P", "No. None that I know of.")]),
    ("557", [("D", "Do you have any allergies?"), ("P", "I am allergic to IV contrast."),
             ("D", "Are you sure?"), ("P", "Yes.")]),
    ("201", [("D", "Are you on any medications?"),
             ("P", "Yeah. I take Abilify to help with my mood."),
             ("D", "Do you find that it's helping?"), ("P", "A little, yeah.")]),
    ("156", [("D", "Any past medical history like any diabetes or high blood pressure or any heart disease?"),
             ("P", "No, I don't remember any such thing."),
             ("D", "How about any surgeries in the past?"), ("P", "No. No surgeries at all.")]),
]

# --------------------------------------------------------------------------------------------
# Fictitious people and places (invented combinations of common names).
PATIENTS = [
    # first, last, sex, background
    ("Rodolfo", "Castillo", "M", "es"), ("Marisol", "Ibarra", "F", "es"),
    ("Guadalupe", "Treviño", "F", "es"), ("Ernesto", "Villarreal", "M", "es"),
    ("Consuelo", "Ramírez", "F", "es"), ("Jesús", "Olivares", "M", "es"),
    ("Teodora", "Quintanilla", "F", "es"), ("Aurelio", "Mendoza", "M", "es"),
    ("Esperanza", "Galindo", "F", "es"), ("Refugio", "Salazar", "M", "es"),
    ("Hortencia", "Cabrera", "F", "es"), ("Baltazar", "Ochoa", "M", "es"),
    ("Amparo", "Zepeda", "F", "es"), ("Leticia", "Arredondo", "F", "es"),
    ("Porfirio", "Escobedo", "M", "es"), ("Rosalinda", "Peña", "F", "es"),
    ("Hung", "Nguyen", "M", "vi"), ("Mai", "Tran", "F", "vi"), ("Phuc", "Le", "M", "vi"),
    ("Lan", "Pham", "F", "vi"), ("Duc", "Vo", "M", "vi"), ("Thu", "Huynh", "F", "vi"),
    ("Tuan", "Dang", "M", "vi"), ("Hoa", "Bui", "F", "vi"),
    ("Teresita", "Dela Cruz", "F", "tl"), ("Rogelio", "Bautista", "M", "tl"),
    ("Corazon", "Macaraeg", "F", "tl"), ("Danilo", "Pascual", "M", "tl"),
    ("Erlinda", "Manalo", "F", "tl"), ("Florante", "Soriano", "M", "tl"),
    ("Milagros", "Dimaculangan", "F", "tl"), ("Nestor", "Galang", "M", "tl"),
    ("Dorothy", "Kowalski", "F", "en"), ("Harold", "Whitfield", "M", "en"),
]
FAMILY_FIRST = {  # (male, female)
    "es": (["Daniel", "Javier", "Omar"], ["Lupe", "Vanessa", "Yesenia", "Marisela"]),
    "vi": (["Khoa", "Tommy", "Kevin"], ["Linh", "Vy", "Thao"]),
    "tl": (["Jun", "Arnel", "Rey"], ["Maricel", "Joanna", "Kristine"]),
    "en": (["Steve"], ["Karen", "Michelle"]),
}
AGENTS = ["Camila", "Elena", "Sofia", "Andrea", "Nadia", "Marco", "Lucia", "Paola"]
PROVIDERS = ["Villanueva", "Pham", "Okafor", "Bautista", "Morales", "Lindqvist", "Esguerra",
             "Tran", "Goldberg", "Obregón"]
HOSPITALS = ["Valley Community Hospital", "Mission Community Hospital",
             "Bayside Community Medical Center", "Saint Anne Community Hospital"]
# city, state, zip prefix, area code
CITIES = [
    ("San Jose", "CA", "951", "408"), ("Santa Ana", "CA", "927", "714"),
    ("Westminster", "CA", "926", "714"), ("Garden Grove", "CA", "928", "714"),
    ("Brownsville", "TX", "785", "956"), ("McAllen", "TX", "785", "956"),
    ("Houston", "TX", "770", "713"), ("Daly City", "CA", "940", "650"),
    ("Stockton", "CA", "952", "209"), ("Laredo", "TX", "780", "956"),
    ("El Paso", "TX", "799", "915"), ("Hialeah", "FL", "330", "305"),
    ("Fresno", "CA", "937", "559"), ("Vallejo", "CA", "945", "707"),
]
STREETS = [
    ("Calle Alegre", ""), ("Las Palmas", "Drive"), ("Santa Rosa", "Street"),
    ("Del Mar", "Avenue"), ("Bolsa", "Avenue"), ("Magnolia", "Street"), ("Rizal", "Street"),
    ("Mabini", "Avenue"), ("Sampaguita", "Court"), ("Le Loi", "Drive"),
    ("Alameda", "Road"), ("Quetzal", "Lane"), ("Paseo Del Sol", ""),
    ("Jacaranda", "Way"), ("Ybarra", "Road"), ("Buena Vista", "Boulevard"),
    ("Orchid", "Lane"), ("San Pedro", "Street"), ("Hazelwood", "Drive"), ("Mesquite", "Court"),
]
SUFFIX_ABBR = {"Street": "St.", "Avenue": "Ave.", "Drive": "Dr.", "Boulevard": "Blvd.",
               "Lane": "Ln.", "Court": "Ct.", "Road": "Rd.", "Way": "Way"}
SURGERIES = [
    ("gallbladder surgery", "laparoscopic cholecystectomy", False),
    ("hernia repair", "inguinal hernia repair", False),
    ("hip replacement", "right total hip arthroplasty", False),
    ("knee replacement", "left total knee arthroplasty", False),
    ("colon surgery", "sigmoid colectomy", True),
    ("breast surgery", "left mastectomy", True),
    ("appendix surgery", "laparoscopic appendectomy", False),
    ("back surgery", "lumbar laminectomy", True),
]
MEDS = [("oxycodone", "five milligrams", "5 mg"), ("Tylenol", "five hundred milligrams", "500 mg"),
        ("hydrocodone", "five milligrams", "5 mg"), ("ibuprofen", "six hundred milligrams", "600 mg"),
        ("Keflex", "five hundred milligrams", "500 mg"), ("Eliquis", "two point five milligrams", "2.5 mg"),
        ("metoprolol", "twenty five milligrams", "25 mg"), ("docusate", "one hundred milligrams", "100 mg")]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ES_DIG = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "J": "juliet", "K": "kilo", "M": "mike", "N": "november",
        "P": "papa", "Q": "quebec", "R": "romeo", "T": "tango", "U": "uniform", "V": "victor",
        "W": "whiskey", "X": "x-ray", "Y": "yankee", "Z": "zulu", "L": "lima", "O": "oscar",
        "I": "india", "S": "sierra"}
AS_IN = {"A": "apple", "B": "boy", "C": "cat", "D": "David", "E": "Edward", "F": "Frank",
         "G": "George", "H": "Henry", "I": "Ida", "J": "John", "K": "King", "L": "Larry",
         "M": "Mary", "N": "Nancy", "O": "Ocean", "P": "Paul", "Q": "queen", "R": "Robert",
         "S": "Sam", "T": "Tom", "U": "umbrella", "V": "Victor", "W": "William", "X": "x-ray",
         "Y": "yellow", "Z": "zebra"}

# Spanish fillers are written into the templates; other callers get their own (or plain English).
FILLERS = [  # (spanish, vietnamese, tagalog, english)
    ("Bueno? Sí, sí, hello.", "Dạ, hello? Yes.", "Hello? Yes po.", "Hello? Yes, yes."),
    ("Sí, this is", "Dạ, this is", "Yes po, this is", "Yes, this is"),
    ("Yeah, bueno, that's me.", "Dạ, yes, that's me.", "Yes po, that's me.", "Yeah, that's me."),
    ("¿Cómo? What you say?", "Dạ? What you say?", "Ha? What you say?", "What? What did you say?"),
    ("Ah, bueno. ", "Dạ, okay. ", "Ah, okay po. ", "Oh, okay. "),
    ("Sí, correct.", "Dạ, correct.", "Opo, correct.", "Yes, correct."),
    ("Sí, sí.", "Dạ, vâng.", "Opo.", "Yes, yes."),
    ("Sí, todo, the full amount. ", "Dạ, all of it. ", "Yes po, all of it. ", "Yes, all of it. "),
    ("Sí, that's it.", "Dạ, that's it.", "Yes po, that's it.", "Yes, that's it."),
    ("Hold on... sí, here.", "Hold on... dạ, here.", "Wait lang... okay, here.", "Hold on... okay, here."),
    ("Bueno, okay.", "Dạ, okay.", "Sige, okay.", "Okay, okay."),
    ("Bueno. My son will drive me.", "Dạ. My son will drive me.", "Sige. My son will drive me.", "Okay. My son will drive me."),
    ("Este... maybe ", "Um... maybe ", "Ano... maybe ", "Um, maybe "),
    ("Yes, hi, este... ", "Dạ, hi... ", "Hello po, yes. ", "Yes, hi, um... "),
    ("Este... ", "Um... ", "Ano... ", "Um... "),
    ("Bueno, ", "Dạ, ", "Ano, ", "Okay, "),
    ("Sí, ", "Dạ, ", "Opo, ", "Yes, "),
    ("Sí.", "Dạ.", "Opo.", "Yes."),
    ("Okay, thank you, muy amable.", "Dạ, thank you.", "Salamat po, thank you.", "Okay, thank you, you're very kind."),
]
LANG_COL = {"es": 0, "vi": 1, "tl": 2, "en": 3}

OPEN, CLOSE = 0xE000, "\uF8FF"   # private-use markers used while assembling text


def ordinal_day(d):
    return ORD[d]


def ordinal_num(d):
    suf = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return "%d%s" % (d, suf)


def dw(c, zero="oh"):
    return zero if c == "0" else ONES[int(c)]


def dwords(s, zero="oh", sep=" "):
    return sep.join(dw(c, zero) for c in s)


def two(s, hyph=False, zero="oh"):
    a, b = int(s[0]), int(s[1])
    if s == "00":
        return "%s %s" % (zero, zero)
    if a == 0:
        return "%s %s" % (zero, ONES[b])
    if a == 1:
        return TEENS[b]
    if b == 0:
        return TENS[a]
    return TENS[a] + ("-" if hyph else " ") + ONES[b]


def year_words(y, hyph=False):
    s = str(y)
    if s[2:] == "00":
        return two(s[:2]) + " hundred"
    return two(s[:2], hyph) + " " + two(s[2:], hyph)


def house_words(h, hyph=False):
    if len(h) == 3:
        return ONES[int(h[0])] + " " + two(h[1:], hyph)
    if h[2:] == "00":
        return two(h[:2], hyph) + " hundred"
    return two(h[:2], hyph) + " " + two(h[2:], hyph)


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


def luhn_complete(prefix, length, rng):
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


# --------------------------------------------------------------------------------------------
# Values

MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    n = "0123456789"
    an = MBI_ALPHA + n
    pat = [("123456789"), MBI_ALPHA, an, n, MBI_ALPHA, an, n, MBI_ALPHA, MBI_ALPHA, n, n]
    return "".join(rng.choice(p) for p in pat)


def mbi_ok(v):
    a = "[ACDEFGHJKMNPQRTUVWXY]"
    an = "[ACDEFGHJKMNPQRTUVWXY0-9]"
    return re.fullmatch("[1-9]%s%s[0-9]%s%s[0-9]%s%s[0-9][0-9]" % (a, an, a, an, a, a), v) is not None


def make_npi(rng):
    first = rng.choice("12")
    while True:
        body = first + "".join(rng.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + body + c):
                return body + c


def npi_ok(v):
    return re.fullmatch(r"[12]\d{9}", v) is not None and luhn_ok("80840" + v)


def ssn_ok(v):
    if not re.fullmatch(r"\d{9}", v):
        return False
    a, g, s = v[:3], v[3:5], v[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def make_ssn(rng):
    while True:
        v = "%03d%02d%04d" % (rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999))
        if ssn_ok(v):
            return v


CARD_PREFIXES = [("411111", 16), ("400000", 16), ("424242", 16), ("555555", 16),
                 ("510510", 16), ("601100", 16), ("378282", 15), ("371449", 15)]


class Patient:
    def __init__(self, rng):
        self.first, self.last, self.sex, self.lang = rng.choice(PATIENTS)
        self.city, self.state, zp, self.area = rng.choice(CITIES)
        self.zip = zp + "%02d" % rng.randint(1, 98)
        self.plus4 = "%04d" % rng.randint(1000, 9899)
        y = rng.randint(1938, 1966)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        self.dob = (y, m, d)
        self.ssn = make_ssn(rng)
        self.phone = self.area + "55501" + "%02d" % rng.randint(0, 99)
        self.phone2 = rng.choice(["408", "714", "956", "713", "305", "210"]) + "55501" + "%02d" % rng.randint(0, 99)
        st, suf = rng.choice(STREETS)
        self.street_name, self.street_suffix = st, suf
        self.house = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9899)]))
        if self.house[2:] == "00":
            self.house = self.house[:2] + "17"
        self.unit = rng.choice([None, None, None, ("Apartment", "Apt.", "%d%s" % (rng.randint(1, 9), rng.choice("ABCD"))),
                                ("Unit", "Unit", str(rng.randint(2, 40))),
                                ("Space", "Spc.", str(rng.randint(3, 90)))])
        kind = rng.random()
        if kind < 0.45:
            self.mrn = "%08d" % rng.randint(100000, 9999999)          # leading zeros
        elif kind < 0.8:
            self.mrn = "MR" + str(rng.randint(1000000, 9999999))
        else:
            self.mrn = str(rng.randint(100000000, 999999999))
        pre, ln = rng.choice(CARD_PREFIXES)
        self.card = luhn_complete(pre, ln, rng)
        self.mbi = make_mbi(rng)
        self.member = rng.choice([
            "".join(rng.choice("ABCDEFGHJKMNPRTUWXYZ") for _ in range(3)) + "%09d" % rng.randint(10 ** 8, 10 ** 9 - 1),
            "M" + "%08d" % rng.randint(10 ** 7, 10 ** 8 - 1),
            "%08d" % rng.randint(10 ** 7, 10 ** 8 - 1) + rng.choice("ABCDEFGHJK"),
        ])
        base = strip_accents(self.first.lower()), strip_accents(self.last.lower().replace(" ", ""))
        style = rng.randint(0, 4)
        if style == 0:
            self.email_parts = [base[0], ".", base[1], str(rng.randint(10, 99))]
        elif style == 1:
            self.email_parts = [base[0][0], base[1], str(y)]
        elif style == 2:
            self.email_parts = [base[0], "_", base[1]]
        elif style == 3:
            self.email_parts = [base[1], ".", base[0], str(rng.randint(1, 9))]
        else:
            self.email_parts = [base[0], base[1][0], str(rng.randint(50, 69))]
        self.email_domain = rng.choice(EMAIL_DOMAINS)
        self.email = "".join(self.email_parts) + "@" + self.email_domain

    @property
    def full(self):
        return self.first + " " + self.last


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# --------------------------------------------------------------------------------------------
# Renderings: each returns (text, form). `sp` asks for a spoken (words) rendering.

def maybe_es(words, rng, p):
    """Replace one digit word by its Spanish word (bilingual speakers drift)."""
    if rng.random() >= p:
        return words, False
    idx = [i for i, w in enumerate(words) if w in ONES or w == "oh"]
    if not idx:
        return words, False
    i = rng.choice(idx)
    w = words[i]
    words = list(words)
    words[i] = ES_DIG[0] if w == "oh" else ES_DIG[ONES.index(w)]
    return words, True


def r_phone(v, sp, rng, hyph=False):
    a, p, l = v[:3], v[3:6], v[6:]
    if not sp:
        k = rng.randint(0, 4)
        return [("(%s) %s-%s" % (a, p, l), "written_paren"), ("%s-%s-%s" % (a, p, l), "written_dash"),
                (v, "written_run"), ("%s %s %s" % (a, p, l), "written_space"),
                ("1-%s-%s-%s" % (a, p, l), "written_dash_1")][k]
    k = rng.randint(0, 8)
    if k == 0:
        return "%s, %s, %s" % (dwords(a), dwords(p), dwords(l)), "digits_oh_groups_comma"
    if k == 1:
        return dwords(v, "zero"), "digits_zero_run"
    if k == 2:
        return "%s, triple five, %s" % (dwords(a), dwords(l)), "digits_oh_triple"
    if k == 3:
        return "%s, five double five, %s" % (dwords(a), dwords(l)), "digits_oh_double"
    if k == 4:
        return "%s, %s, %s, %s" % (dwords(a), dwords(p), two(l[:2]), two(l[2:], hyph)), "digits_oh_pairs_last"
    if k == 5:
        return "%s %s-%s" % (dwords(a), p, l), "mixed_words_digits"
    if k == 6:
        w, es = maybe_es(dwords(v).split(), rng, 1.0)
        return "%s, %s, %s" % (" ".join(w[:3]), " ".join(w[3:6]), " ".join(w[6:])), "digits_oh_spanish_word"
    if k == 7:
        return "%s, um, %s... %s" % (dwords(a), dwords(p), dwords(l)), "digits_oh_um_pause"
    # correction of one digit in the last group
    wrong = l[:3] + str((int(l[3]) + rng.randint(1, 8)) % 10)
    return ("%s, %s, %s, no no, %s, %s" % (dwords(a), dwords(p), dwords(wrong), dwords(l[2:]), dwords(l)),
            "digits_oh_self_correction")


def r_ssn(v, sp, rng, hyph=False):
    a, g, s = v[:3], v[3:5], v[5:]
    if not sp:
        k = rng.randint(0, 2)
        return [("%s-%s-%s" % (a, g, s), "written_dash"), ("%s %s %s" % (a, g, s), "written_space"),
                (v, "written_run")][k]
    k = rng.randint(0, 6)
    if k == 0:
        return "%s, %s, %s" % (dwords(a), dwords(g), dwords(s)), "digits_oh_groups_comma"
    if k == 1:
        return dwords(v, "zero"), "digits_zero_run"
    if k == 2:
        return "%s, %s, %s %s" % (dwords(a), two(g, hyph), two(s[:2], hyph), two(s[2:], hyph)), "digits_pairs"
    if k == 3:
        return "%s %s %s" % (a, dwords(g), dwords(s)), "mixed_digits_words"
    if k == 4:
        w, _ = maybe_es(dwords(v).split(), rng, 1.0)
        return "%s, %s, %s" % (" ".join(w[:3]), " ".join(w[3:5]), " ".join(w[5:])), "digits_oh_spanish_word"
    if k == 5:
        return "%s... %s, este, %s" % (dwords(a), dwords(g), dwords(s)), "digits_oh_este_pause"
    wrong = g[0] + str((int(g[1]) + 3) % 10)
    return ("%s, %s, no no, it's %s, not %s, %s" % (dwords(a), dwords(wrong), dwords(g), dwords(wrong),
                                                    dwords(s)), "digits_oh_self_correction")


def r_last4(v, sp, rng, hyph=False):
    s = v[5:]
    if not sp:
        return rng.choice([(s, "last4_digits"), (s[:2] + " " + s[2:], "last4_digits_space")])
    k = rng.randint(0, 4)
    if k == 0:
        return dwords(s), "last4_words_oh"
    if k == 1:
        return "%s %s" % (two(s[:2], hyph), two(s[2:], hyph)), "last4_pairs"
    if k == 2:
        return dwords(s, "zero"), "last4_words_zero"
    if k == 3:
        w, _ = maybe_es(dwords(s).split(), rng, 1.0)
        return " ".join(w), "last4_spanish_word"
    wrong = s[:2] + str((int(s[2]) + 1) % 10) + s[3]
    return ("%s, no no, it's %s, not %s. %s" % (dwords(wrong), dwords(s[2:]), dwords(wrong[2:]), dwords(s)),
            "last4_self_correction")


def r_date(ymd, sp, rng, hyph=False, with_year=True, kind="dob"):
    y, m, d = ymd
    mon = MONTHS[m - 1]
    yw = year_words(y, hyph)
    if not sp:
        if not with_year:
            return rng.choice([("%s %s" % (mon, ordinal_num(d)), "written_md_ord"),
                               ("%s %d" % (mon, d), "written_md"),
                               ("%d/%d" % (m, d), "written_md_num")])
        k = rng.randint(0, 6)
        return [("%s %d, %d" % (mon, d, y), "written_mdy_full"),
                ("%s %s, %d" % (mon, ordinal_num(d), y), "written_mdy_ord"),
                ("%d %s %d" % (d, mon, y), "written_dmy_full"),
                ("%s of %s, %d" % (ordinal_num(d), mon, y), "written_d_of_m"),
                ("%d/%d/%d" % (m, d, y), "written_mdy_nolead"),
                ("%02d/%02d/%d" % (m, d, y), "written_mdy_lead"),
                ("%02d-%02d-%d" % (m, d, y), "written_mdy_dash")][k]
    if not with_year:
        return rng.choice([("the %s of %s" % (ORD[d], mon), "the_d_of_m"),
                           ("%s %s" % (mon, ORD[d]), "m_d_ord"),
                           ("the %s" % ORD[d], "the_d_only")])
    k = rng.randint(0, 8)
    if k == 0:
        return "the %s of %s, %s" % (ORD[d], mon, yw), "the_d_of_m_full"
    if k == 1:
        return "%s of %s %s" % (ORD[d], mon, yw), "d_of_m_full"
    if k == 2:
        return "the %s of %s, %d" % (ORD[d], mon, y), "the_d_of_m_yeardigits"
    if k == 3:
        return "%s %s, %s" % (mon, ORD[d], yw), "m_d_full"
    if k == 4:
        return "%s, %s, %s" % (two("%02d" % m), two("%02d" % d, hyph), two(str(y)[2:], hyph)), "num_mdy_oh"
    if k == 5:
        return "%s %s %s" % (ONES[m] if m < 10 else two(str(m)), ONES[d] if d < 10 else two(str(d), hyph),
                             two(str(y)[2:], hyph)), "num_mdy_nolead_short"
    if k == 6:
        return "the %s of %s, %s" % (ONES[d] if d < 10 else two(str(d)), mon, yw), "the_card_of_m_full"
    if k == 7:
        return "%s %s, %s" % (mon, ORD[d], two(str(y)[2:], hyph)), "m_d_short"
    return "%s, este, %s of %s, %s" % (yw, ORD[d], mon, yw), "year_first_este_d_of_m"


def r_mrn(v, sp, rng, hyph=False):
    letters = v[:2] if v.startswith("MR") else ""
    digs = v[2:] if letters else v
    if not sp:
        if letters:
            return rng.choice([(v, "written_alnum"), ("MR-%s-%s" % (digs[:3], digs[3:]), "written_alnum_dash"),
                               ("MR %s" % digs, "written_alnum_space")])
        return rng.choice([(v, "written_run"), ("%s-%s" % (v[:4], v[4:]), "written_dash")])
    pre = "M R " if letters else ""
    k = rng.randint(0, 5)
    if k == 0:
        return pre + dwords(digs, "zero"), "digits_zero_run" + ("_alnum" if letters else "")
    if k == 1:
        return pre + dwords(digs), "digits_oh_run" + ("_alnum" if letters else "")
    if k == 2:
        return (("M as in Mary, R as in Robert, " if letters else "") + ", ".join(
            dwords(digs[i:i + 3]) for i in range(0, len(digs), 3))), "digits_groups3" + ("_as_in" if letters else "")
    if k == 3 and digs.startswith("00"):
        return pre + "double oh " + dwords(digs[2:]), "digits_double_oh"
    if k == 4:
        w, _ = maybe_es(dwords(digs).split(), rng, 1.0)
        return pre + " ".join(w), "digits_oh_spanish_word"
    if k == 5:
        wrong = digs[:-2] + str((int(digs[-2]) + 6) % 10) + digs[-1]
        return (pre + "%s... no, wait, %s, %s" % (dwords(wrong), dwords(digs[-3:]), dwords(digs))), "digits_self_correction"
    return pre + " ".join(two(digs[i:i + 2], hyph) if i + 2 <= len(digs) else dw(digs[i])
                          for i in range(0, len(digs), 2)), "digits_pairs"


def r_zip(v, sp, rng, hyph=False, plus4=None):
    if not sp:
        if plus4 and rng.random() < 0.3:
            return "%s-%s" % (v, plus4), "written_zip_plus4"
        return v, "written_zip5"
    k = rng.randint(0, 5)
    if k == 0:
        return dwords(v), "digits_oh"
    if k == 1:
        return dwords(v, "zero"), "digits_zero"
    if k == 2:
        return "%s %s %s" % (two(v[:2], hyph), dw(v[2]), two(v[3:], hyph)), "pairs_mid"
    if k == 3:
        return "%s, %s" % (dwords(v[:3]), dwords(v[3:])), "digits_oh_3_2"
    if k == 4:
        w, _ = maybe_es(dwords(v).split(), rng, 1.0)
        return " ".join(w), "digits_oh_spanish_word"
    wrong = v[:3] + str((int(v[3]) + 2) % 10) + v[4]
    return "%s, no no, it's %s, not %s, %s" % (dwords(wrong), dwords(v[3:]), dwords(wrong[3:]), dwords(v)), \
        "digits_self_correction"


def card_groups(v):
    if len(v) == 15:
        return [v[:4], v[4:10], v[10:]]
    return [v[i:i + 4] for i in range(0, 16, 4)]


def r_card(v, sp, rng, hyph=False):
    g = card_groups(v)
    if not sp:
        return rng.choice([(" ".join(g), "written_groups"), ("-".join(g), "written_dash"),
                           (v, "written_run")])
    k = rng.randint(0, 5)
    if k == 0:
        return ", ".join(dwords(x) for x in g), "digits_oh_groups4"
    if k == 1:
        return dwords(v, "zero"), "digits_zero_run"
    if k == 2 and len(v) == 16:
        return ", ".join("%s %s" % (two(x[:2], hyph), two(x[2:], hyph)) for x in g), "pairs_groups4"
    if k == 3:
        return "%s %s" % (" ".join(g[:2]), ", ".join(dwords(x) for x in g[2:])), "mixed_digits_words"
    if k == 4:
        w, _ = maybe_es(dwords(v).split(), rng, 1.0)
        out, i = [], 0
        for x in g:
            out.append(" ".join(w[i:i + len(x)]))
            i += len(x)
        return ", ".join(out), "digits_oh_spanish_word"
    return "%s... um... %s" % (", ".join(dwords(x) for x in g[:2]), ", ".join(dwords(x) for x in g[2:])), \
        "digits_oh_um_pause"


def spell_letters(word, style, rng):
    letters = [c for c in strip_accents(word).upper() if c.isalpha()]
    if style == "space":
        return " ".join(letters)
    if style == "dash":
        return "-".join(letters)
    if style == "as_in":
        out = []
        for i, c in enumerate(letters):
            out.append("%s as in %s" % (c, AS_IN[c]) if i % 2 == 0 or rng.random() < 0.3 else c)
        return ", ".join(out)
    return " ".join(NATO[c] for c in letters)


def email_word_part(part, hyph=False):
    if part == ".":
        return "dot"
    if part == "_":
        return "underscore"
    if part.isdigit():
        if len(part) == 4:
            return year_words(int(part), hyph)
        if len(part) == 2:
            return two(part, hyph)
        return dwords(part)
    return part


def r_email(p, sp, rng, hyph=False):
    dom = p.email_domain
    dname, tld = dom.split(".")
    if not sp:
        return p.email, "written_email"
    k = rng.randint(0, 4)
    words = " ".join(email_word_part(x, hyph) for x in p.email_parts)
    if k == 0:
        return "%s at %s dot %s" % (words, dname, tld), "email_words"
    if k == 1:
        spelled = " ".join(spell_letters(x, "space", rng) if x.isalpha() else email_word_part(x)
                           for x in p.email_parts)
        return "%s at %s dot %s" % (spelled, dname, tld), "email_spelled_local"
    if k == 2:
        return "%s at %s.%s" % ("".join(p.email_parts), dname, tld), "email_local_written_at_word"
    if k == 3:
        alpha = [x for x in p.email_parts if x.isalpha()]
        first = alpha[0]
        return "%s, %s, %s at %s dot %s" % (spell_letters(first, "dash", rng), first, words, dname, tld), \
            "email_spell_first"
    return "%s, all lowercase, at %s dot %s" % (words, dname, tld), "email_words_lowercase_note"


def r_street(p, sp, rng, hyph=False):
    suf = p.street_suffix
    if not sp:
        abbr = rng.random() < 0.5
        s = "%s %s" % (p.house, p.street_name)
        if suf:
            s += " " + (SUFFIX_ABBR[suf] if abbr else suf)
        if p.unit:
            s += (", %s %s" % (p.unit[1], p.unit[2])) if abbr else (", %s %s" % (p.unit[0], p.unit[2]))
        return s, "written_" + ("abbr" if abbr else "full") + ("_unit" if p.unit else "")
    k = rng.randint(0, 2)
    if k == 0:
        h, f = house_words(p.house, hyph), "house_pairs"
    elif k == 1:
        h, f = dwords(p.house), "house_digits"
    else:
        h, f = p.house, "house_numerals"
    s = "%s %s" % (h, p.street_name)
    if suf:
        s += " " + suf
    if p.unit:
        u = p.unit[2]
        uw = " ".join(dw(c) if c.isdigit() else c for c in u) if not u.isdigit() else \
            (two(u, hyph) if len(u) == 2 else dwords(u))
        s += ", %s %s" % (p.unit[0].lower(), uw)
        f += "_unit"
    return s, f


def r_mbi(v, sp, rng, hyph=False):
    if not sp:
        return rng.choice([("%s-%s-%s" % (v[:4], v[4:7], v[7:]), "written_dash"), (v, "written_run")])
    k = rng.randint(0, 2)
    toks = [dw(c) if c.isdigit() else c for c in v]
    if k == 0:
        return "%s, %s, %s" % (" ".join(toks[:4]), " ".join(toks[4:7]), " ".join(toks[7:])), "alnum_words_groups"
    if k == 1:
        return " ".join(dw(c) if c.isdigit() else "%s as in %s" % (c, AS_IN[c]) if c in "MNBDPTV" else c
                        for c in v), "alnum_words_as_in"
    return " ".join(dw(c) if c.isdigit() else NATO[c] for c in v), "alnum_nato"


def r_npi(v, sp, rng, hyph=False):
    if not sp:
        return rng.choice([(v, "written_run"), ("%s %s %s" % (v[:3], v[3:6], v[6:]), "written_space")])
    if rng.random() < 0.5:
        return dwords(v, "zero"), "digits_zero_run"
    return "%s, %s, %s" % (dwords(v[:3]), dwords(v[3:6]), dwords(v[6:])), "digits_oh_groups"


def r_member(v, sp, rng, hyph=False):
    if not sp:
        return v, "written_alnum"
    lead = re.match(r"[A-Z]*", v).group(0)
    digs = v[len(lead):]
    tail = ""
    if digs and digs[-1].isalpha():
        tail = digs[-1]
        digs = digs[:-1]
    k = rng.randint(0, 1)
    if k == 0:
        s = " ".join(list(lead) + [dw(c) for c in digs] + ([tail] if tail else []))
        return s, "alnum_letters_digits"
    s = ", ".join(([" ".join("%s as in %s" % (c, AS_IN[c]) for c in lead)] if lead else []) +
                  [dwords(digs[i:i + 3]) for i in range(0, len(digs), 3)] +
                  (["%s as in %s" % (tail, AS_IN[tail])] if tail else []))
    return s, "alnum_as_in_groups3"


# --------------------------------------------------------------------------------------------
# Record assembly. A turn is (role, [pieces]); a piece is a str, ("S", text, meta) for a PHI span
# or ("N", text, what) for a labelled negative.

class Assembler:
    """Builds one output string with markers; `finish` strips them and returns byte offsets."""

    def __init__(self):
        self.meta = []

    def mark(self, piece):
        if isinstance(piece, str):
            return piece
        k = len(self.meta)
        self.meta.append(piece)
        return chr(OPEN + k) + piece[1] + CLOSE

    def join(self, pieces):
        return "".join(self.mark(p) for p in pieces)

    def finish(self, marked):
        out = []
        nbytes = 0
        spans, negs = [], []
        cur = None
        for ch in marked:
            o = ord(ch)
            if OPEN <= o < OPEN + len(self.meta):
                cur = (o - OPEN, nbytes)
                continue
            if ch == CLOSE:
                k, st = cur
                kind, text, meta = self.meta[k]
                if kind == "S":
                    d = {"start": st, "end": nbytes}
                    d.update(meta)
                    spans.append(d)
                else:
                    negs.append({"start": st, "end": nbytes, "what": meta})
                cur = None
                continue
            out.append(ch)
            nbytes += len(ch.encode("utf-8"))
        spans.sort(key=lambda s: s["start"])
        negs.sort(key=lambda s: s["start"])
        return "".join(out), spans, negs


def cap_first(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
        if ch.isdigit():
            return s
    return s


class Call:
    """One post-discharge callback conversation."""

    def __init__(self, rng, style, llm_agent):
        self.rng = rng
        self.style = style            # whisper | deepgram | swlog | vapi | signalwire | plain
        self.llm_agent = llm_agent    # agent turns are LLM text (json/logs) rather than ASR of TTS
        self.p = Patient(rng)
        self.turns = []
        self.hyph = style == "whisper" and rng.random() < 0.5
        self.agent = rng.choice(AGENTS)
        self.hospital = rng.choice(HOSPITALS)
        self.doctor = rng.choice(PROVIDERS)
        self.surg = rng.choice(SURGERIES)
        while self.p.sex == "M" and "breast" in self.surg[0]:
            self.surg = rng.choice(SURGERIES)
        self.family = None
        if rng.random() < 0.35:
            rel = rng.choice(["Son", "Daughter", "Granddaughter", "Interpreter"] if self.p.lang != "en"
                             else ["Son", "Daughter"])
            male, female = FAMILY_FIRST[self.p.lang]
            pool = male if rel == "Son" else female if rel in ("Daughter", "Granddaughter") else male + female
            self.family = (rel, rng.choice(pool))
        self.lower_user = style in ("swlog", "signalwire") and rng.random() < 0.6
        self.call_day = (2025, rng.choice([2, 3, 4, 5, 6, 9, 10]), rng.randint(3, 26))
        y, m, d = self.call_day
        self.discharge = (y, m, d - 2)
        self.admit = (y, m, max(1, d - 2 - rng.randint(1, 4)))
        self.appt = (y, m + 1, rng.randint(1, 27))
        self.inbound = False
        self.in_opening = False
        self.values_said = collections.OrderedDict()  # entity key -> True (for summaries)
        self.neg_said = []

    # probability that a value in this role's turn is rendered in words
    def p_spoken(self, role):
        if role == "A":
            if self.llm_agent:
                return 0.0
            return {"whisper": 0.2, "deepgram": 0.05}.get(self.style, 0.1)
        return {"whisper": 0.65, "deepgram": 0.3, "swlog": 0.85, "vapi": 0.55, "signalwire": 0.8,
                "plain": 0.75}[self.style]

    def speaker_role_for_answer(self):
        return "F" if self.family and self.rng.random() < 0.6 else "P"

    def val(self, ent, role, cue, key=None, spoken=None, **kw):
        """A PHI span piece for entity `ent` said by `role`."""
        rng, p = self.rng, self.p
        sp = spoken if spoken is not None else (rng.random() < self.p_spoken(role))
        h = self.hyph
        if ent == "PHONE":
            v = p.phone2 if key == "alt" else p.phone
            t, f = r_phone(v, sp, rng, h)
        elif ent == "SSN":
            v = p.ssn
            t, f = (r_last4 if key == "last4" else r_ssn)(v, sp, rng, h)
        elif ent == "DOB":
            v = "%04d-%02d-%02d" % p.dob
            t, f = r_date(p.dob, sp, rng, h)
        elif ent == "DATE":
            ymd = self.discharge if key == "discharge" else self.admit
            v = "%04d-%02d-%02d" % ymd
            t, f = r_date(ymd, sp, rng, h, with_year=kw.get("with_year", False), kind="date")
        elif ent == "MRN":
            v = p.mrn
            t, f = r_mrn(v, sp, rng, h)
        elif ent == "ZIP":
            v = p.zip
            t, f = r_zip(v, sp, rng, h, plus4=p.plus4)
        elif ent == "CARD":
            v = p.card
            t, f = r_card(v, sp, rng, h)
        elif ent == "EMAIL":
            v = p.email
            t, f = r_email(p, sp, rng, h)
        elif ent == "STREET":
            v = p.house + " " + p.street_name
            t, f = r_street(p, sp, rng, h)
        elif ent == "CITY":
            v = p.city
            t, f = p.city, "city"
            sp = not (self.llm_agent and role == "A")
        elif ent == "MBI":
            v = p.mbi
            t, f = r_mbi(v, sp, rng, h)
        elif ent == "NPI":
            v = self.npi
            t, f = r_npi(v, sp, rng, h)
        elif ent == "MEMBER_ID":
            v = p.member
            t, f = r_member(v, sp, rng, h)
        elif ent == "NAME":
            v = key
            t = key
            f = kw.get("form", "name")
            if kw.get("spell"):
                t = spell_letters(key, kw["spell"], rng)
                f = "spelled_" + kw["spell"]
            sp = not (self.llm_agent and role == "A") if not kw.get("spell") else True
        else:
            raise ValueError(ent)
        if self.lower_user and role != "A":
            t = t.lower()
        if ("spanish" in f or "este" in f) and (role == "A" or self.p.lang != "es" or
                                                (role == "F" and self.family[0] == "Interpreter")):
            return self.val(ent, role, cue, key=key, spoken=spoken, **kw)
        meta = {"entity": ent, "spoken": bool(sp), "cue": cue, "form": f, "value": v}
        self.values_said[ent if ent != "SSN" else ("SSN4" if key == "last4" else "SSN")] = True
        return ("S", t, meta)

    def name(self, who, role, cue, form=None, spell=None):
        return self.val("NAME", role, cue, key=who, form=form or "name", spell=spell)

    def neg(self, text, what):
        return ("N", text, what)

    def say(self, role, *pieces):
        pieces = [x for x in pieces if x != ""]
        if role != "A":
            interp = role == "F" and self.family and self.family[0] == "Interpreter"
            col = LANG_COL["en" if interp else self.p.lang]
            if col:
                out = []
                for x in pieces:
                    if isinstance(x, str):
                        for row in FILLERS:
                            if x == row[0] or x.startswith(row[0]):
                                x = row[col] + x[len(row[0]):]
                                break
                    out.append(x)
                pieces = out
            if interp and not self.in_opening and pieces and self.rng.random() < 0.5:
                if isinstance(pieces[0], str) and not re.match(r"I\b", pieces[0]):
                    pieces[0] = pieces[0][:1].lower() + pieces[0][1:]
                pieces = [("He says, " if self.p.sex == "M" else "She says, ")] + pieces
        for i in range(len(pieces) - 1):
            a, b = pieces[i], pieces[i + 1]
            at = a if isinstance(a, str) else a[1]
            if at.endswith(".") and isinstance(b, str) and b.startswith("."):
                pieces[i + 1] = b[1:]
        self.turns.append((role, [x for x in pieces if x != ""]))

    # ---------------------------------------------------------------- blocks
    def b_opening(self):
        self.in_opening = True
        self._opening()
        self.in_opening = False

    def _opening(self):
        rng, p = self.rng, self.p
        hon = "Mr." if p.sex == "M" else "Mrs." if rng.random() < 0.7 else "Ms."
        if not self.family and rng.random() < 0.22:
            self.inbound = True
            self.say("A", "Thank you for calling %s discharge follow-up line. This is " % self.hospital,
                     self.name(self.agent, "A", "same", "name_first"), ", a virtual assistant. How can I help?")
            pcs = [rng.choice(["Yes, hi, este... ", "Hello, yes. ", "Hi. "]), self.name(p.full, "P", "none", "name_full"),
                   ". ", self.val("DOB", "P", "none", spoken=rng.random() < 0.8), ". "]
            if rng.random() < 0.4:
                pcs += [self.val("SSN", "P", "none", key="last4", spoken=rng.random() < 0.8), ". "]
            if rng.random() < 0.4:
                pcs += ["I have the paper here, ", self.val("MRN", "P", "none", spoken=rng.random() < 0.8), ". "]
            pcs.append(rng.choice(["Somebody call me from the hospital yesterday.",
                                   "You left me a message, I'm returning the call.",
                                   "I missed the call, sorry, I was sleeping."]))
            self.say("P", *pcs)
            self.say("A", "Thank you for calling back. I still need to ask a couple of questions to verify your identity.")
            return
        if rng.random() < 0.5:
            self.say("A", "Hello, this is ", self.name(self.agent, "A", "same", "name_first"),
                     ", the virtual care assistant from %s. I'm calling for " % self.hospital,
                     self.name(p.full, "A", "same", "name_full"),
                     " to see how you're doing since you went home.")
        else:
            self.say("A", "Hi, good afternoon. My name is ", self.name(self.agent, "A", "same", "name_first"),
                     ", I'm an automated assistant calling from %s. May I speak with %s " % (self.hospital, hon),
                     self.name(p.last, "A", "same", "name_last_title"), "?")
        if self.family:
            rel, fn = self.family
            if rel == "Interpreter":
                self.say("P", rng.choice(["Bueno? Sí, sí, hello.", "Dạ, hello? Yes.", "Hello? Yes, yes."]))
                self.say("F", "Hi, this is ", self.name(fn, "F", "same", "name_first"),
                         ", I'm the interpreter on the line, the patient prefers %s." %
                         {"es": "Spanish", "vi": "Vietnamese", "tl": "Tagalog"}.get(p.lang, "Spanish"))
            else:
                age = self.call_day[0] - p.dob[0] - (1 if (self.call_day[1], self.call_day[2]) < p.dob[1:] else 0)
                self.say("F", rng.choice(["Hello? ", "Yeah, hello. "]),
                         "%s doesn't hear so good on the phone, %s " %
                         ("He" if p.sex == "M" else "She", "he's" if p.sex == "M" else "she's"),
                         self.neg(two(str(age)) if age < 90 else "old", "age"),
                         ". I'm %s %s, " % ("his" if p.sex == "M" else "her", rel.lower()),
                         self.name(fn, "F", "same", "name_first"), ". I can help.")
            self.say("A", "Thank you, ", self.name(fn, "A", "prev", "name_first"),
                     ". I'll need to verify a few things before we talk about the visit.")
        else:
            self.say("P", rng.choice(["Yes, speaking.", "Sí, this is %s. Who is it?" % ("him" if p.sex == "M" else "her"),
                                      "Hello? Yes, that's me.", "Yeah, bueno, that's me. What?"]))
            self.say("A", "Great. Before I go over anything about your hospital stay, I need to confirm your identity.")

    def b_verify(self):
        rng, p = self.rng, self.p
        # name
        self.say("A", rng.choice(["Can you tell me your full name, please?",
                                  "First, please say the patient's full name.",
                                  "Could you please state your first and last name?"]))
        r = self.speaker_role_for_answer()
        if rng.random() < 0.3:
            self.say(r, self.name(p.full, r, "prev", "name_full"), ". ",
                     rng.choice(["Last name is ", "The last name, "]),
                     self.name(p.last, r, "same", spell=rng.choice(["space", "dash", "as_in"])), ".")
        elif r == "F":
            self.say(r, rng.choice(["Her name is ", "It's "]) if p.sex == "F" else rng.choice(["His name is ", "It's "]),
                     self.name(p.full, r, "same" if rng.random() < 0.5 else "prev", "name_full"), ".")
        else:
            self.say(r, self.name(p.full, r, "prev", "name_full"), ".")
        # DOB
        self.say("A", rng.choice(["Thank you. And the date of birth?", "And what is your date of birth?",
                                  "Thanks. Can you give me the birth date?"]))
        r = self.speaker_role_for_answer()
        if rng.random() < 0.2 and r == "P":
            self.say("P", rng.choice(["What? The what?", "Sorry, I don't hear you. Again?", "¿Cómo? What you say?"]))
            self.say("A", "Your birthday. The day you were born.")
            self.say("P", rng.choice(["Ah, bueno. ", "Oh, okay. ", "Ah, okay, okay. "]), self.val("DOB", "P", "prev"), ".")
        elif rng.random() < 0.4:
            self.say(r, rng.choice(["My birthday is ", "Date of birth is ", "She was born "
                                    if p.sex == "F" and r == "F" else "I was born on "]),
                     self.val("DOB", r, "same"), ".")
        else:
            self.say(r, self.val("DOB", r, "prev"), ".")
        if rng.random() < 0.45:
            self.say("A", rng.choice(["I have ", "Just to confirm, that's "]), self.val("DOB", "A", "prev"), "?")
            self.say(r, rng.choice(["Yes.", "Sí, correct.", "Yeah, that's right."]))
        # SSN
        if rng.random() < 0.85:
            full = rng.random() < 0.35
            if full:
                self.say("A", "And for security, your Social Security number, please.")
                r = self.speaker_role_for_answer()
                if rng.random() < 0.5:
                    self.say(r, "My social is " if r == "P" else "Her social is " if p.sex == "F" else "His social is ",
                             self.val("SSN", r, "same"), ".")
                else:
                    self.say(r, rng.choice(["Okay, ", "Let me see... ", ""]), self.val("SSN", r, "prev"), ".")
                if rng.random() < 0.3:
                    self.say("A", "Thank you, I have the last four as ", self.val("SSN", "A", "prev", key="last4"), ".")
            else:
                self.say("A", rng.choice(["And the last four digits of your Social Security number?",
                                          "Can you give me the last four of your social?"]))
                r = self.speaker_role_for_answer()
                if r == "P" and rng.random() < 0.25:
                    # patient volunteers the whole number although only four were asked
                    self.say("P", "The whole thing? ", self.val("SSN", "P", "prev"), ".")
                    self.say("A", "Thank you, just the last four is fine. I have ",
                             self.val("SSN", "A", "prev", key="last4"), ".")
                elif rng.random() < 0.4:
                    self.say(r, "Last four is ", self.val("SSN", r, "same", key="last4"), ".")
                else:
                    self.say(r, self.val("SSN", r, "prev", key="last4"), ".")
                    if rng.random() < 0.3:
                        self.say("A", "Sorry, could you repeat that?")
                        self.say(r, self.val("SSN", r, "prev", key="last4"), ".")
        # address and ZIP
        if rng.random() < 0.85:
            self.say("A", rng.choice(["And your home address, with the ZIP code?",
                                      "Can you confirm the address we have on file, including ZIP?",
                                      "What is your current street address?"]))
            r = self.speaker_role_for_answer()
            if rng.random() < 0.3:
                self.say(r, rng.choice(["", "It's ", "Este... "]), self.val("STREET", r, "prev"), ".")
                self.say("A", "And the city?")
                self.say(r, self.val("CITY", r, "prev"), ". ", self.val("ZIP", r, "none"), ".")
                self.say("A", rng.choice(["Thank you, you're verified.", "Perfect, thank you. That matches."]))
                return
            lead = rng.choice(["I live at ", "It's ", "", "Bueno, "])
            cue = "same" if lead == "I live at " else "prev"
            zcue = "prev"
            self.say(r, lead, self.val("STREET", r, cue), ", ", self.val("CITY", r, cue), ", ",
                     *(["ZIP code "] if rng.random() < 0.4 else []), self.val("ZIP", r, "prev"), ".")
            # if "ZIP code" was said the cue for ZIP is same
            last = self.turns[-1][1]
            if "ZIP code " in last:
                i = last.index("ZIP code ")
                last[i + 1][2]["cue"] = "same"
            if rng.random() < 0.35:
                self.say("A", "Let me repeat that: ", self.val("STREET", "A", "prev"), ", ",
                         self.val("CITY", "A", "prev"), " ", self.val("ZIP", "A", "prev"), ". Correct?")
                self.say(r, rng.choice(["Yes.", "Sí, sí.", "Correct.", "That's it."]))
        elif rng.random() < 0.7:
            self.say("A", "And what ZIP code are you at?")
            r = self.speaker_role_for_answer()
            self.say(r, self.val("ZIP", r, "prev"), ".")
        self.say("A", rng.choice(["Thank you, you're verified.", "Perfect, thank you. I've verified your identity.",
                                  "Thanks, that matches our records."]))

    def b_symptoms(self):
        rng, p = self.rng, self.p
        r = "P" if not self.family or self.family[0] == "Interpreter" and rng.random() < 0.3 else self.speaker_role_for_answer()
        sa = rng.randint(3, 8)
        self.say("A", "How is your pain since the %s, on a scale from zero to ten?" % self.surg[0])
        self.say(r, rng.choice(["Este... maybe ", "I'd say ", "Like ", "Today is "]),
                 self.neg(rng.choice(["%s out of ten" % ONES[sa], "%d out of 10" % sa, "a %s" % ONES[sa]]), "pain_score"),
                 rng.choice([". Yesterday was worse.", ", when I move.", ". At night more."]))
        self.say("A", "Have you had any fever? Did you take your temperature?")
        t = rng.choice([("ninety nine point five", "99.5"), ("a hundred point two", "100.2°F"),
                        ("ninety eight point six", "98.6"), ("ninety nine point one", "99.1")])
        self.say(r, "Yes, last night it was ", self.neg(t[0] if rng.random() < 0.6 else t[1], "vital_sign"),
                 ", this morning ", self.neg(rng.choice(["ninety eight", "98.4", "ninety eight point nine"]), "vital_sign"), ".")
        if rng.random() < 0.6:
            self.say("A", "How does the incision look? Any redness, and about how big is the red area?")
            self.say(r, "A little red at the bottom, ", self.neg(rng.choice(["maybe one inch", "about two centimeters",
                                                                            "like 2 cm", "half an inch"]), "incision_size"),
                     ", no pus. The dressing is dry.")
        if self.surg[2]:
            self.say("A", "You went home with a drain. How much did you empty in the last day?")
            self.say(r, "I wrote it down, ", self.neg(rng.choice(["thirty ml", "forty five ml", "25 mL",
                                                                   "about twenty cc", "35 milliliters"]), "drain_output"),
                     " in the morning and ", self.neg(rng.choice(["fifteen", "twenty ml", "10 mL"]), "drain_output"),
                     " at night. Kind of pink.")
        if rng.random() < 0.4:
            self.say("A", "Do you have a blood pressure cuff at home?")
            self.say(r, "Yes, it said ", self.neg(rng.choice(["one thirty eight over eighty two", "142/88",
                                                               "one twenty six over seventy"]), "blood_pressure"), ".")

    def b_meds(self):
        rng = self.rng
        m = rng.choice(MEDS)
        r = self.speaker_role_for_answer() if self.family else "P"
        self.say("A", "Are you taking the %s that was prescribed?" % m[0])
        sp = rng.random() < 0.6
        self.say(r, "Yes, ", self.neg(rng.choice(["one tablet", "one pill", "two tablets"]), "dose"), " of ",
                 self.neg(m[1] if sp else m[2], "dose"), " ",
                 self.neg(rng.choice(["every six hours", "twice a day", "every four to six hours", "three times a day"]),
                          "schedule"), ". Last one was at ",
                 self.neg(rng.choice(["eight this morning", "7:30", "six thirty", "10 a.m."]), "time"), ".")
        if rng.random() < 0.5:
            self.say("A", "Good. Don't take more than ",
                     self.neg(rng.choice(["four thousand milligrams", "3,000 mg", "eight tablets"]), "dose"),
                     " in a day, and take it with food.")
            self.say(r, rng.choice(["Okay.", "Bueno, okay.", "Yes, I understand."]))
        if rng.random() < 0.35:
            self.say(r, "I still have ", self.neg(rng.choice(["twelve pills", "ten", "3 tablets", "like fifteen"]), "count"),
                     " left, is it enough until the follow up?")
            self.say("A", "That should be enough. Take them only as needed.")

    def b_carrier(self):
        cid, turns = self.rng.choice(MTS_CARRIERS)
        r = self.speaker_role_for_answer() if self.family else "P"
        for who, text in turns:
            self.say("A" if who == "D" else r, text)
        self.carrier_ids.append(cid)

    def b_papers(self):
        rng, p = self.rng, self.p
        self.say("A", "Do you have your discharge papers in front of you?")
        r = self.speaker_role_for_answer()
        self.say(r, rng.choice(["Yes, I have them here.", "Hold on... sí, here.", "Yeah, the big packet."]))
        pg = rng.randint(1, 4)
        self.say("A", "On ", self.neg(rng.choice(["page %s" % ONES[pg], "page %d" % pg]), "page_number"),
                 ", at the top, there's a medical record number. Can you read it to me?")
        if rng.random() < 0.4:
            self.say(r, "The MRN? It says ", self.val("MRN", r, "same"), ".")
        else:
            self.say(r, rng.choice(["Okay... ", "Let me get my glasses. ", ""]), self.val("MRN", r, "prev"), ".")
        if rng.random() < 0.4:
            self.say("A", "Thank you. I have medical record number ", self.val("MRN", "A", "prev"), ".")
        self.say("A", "And it shows you were discharged on ", self.val("DATE", "A", "same", key="discharge"),
                 " from ", self.neg(rng.choice(["room four twelve", "room 318", "room two oh six, bed B",
                                                "bed 4 in room 221"]), "room_number"), ", is that right?")
        self.say(r, rng.choice(["Yes, that's right.", "Sí.", "Yes. I was admitted on ", "Correct."]))
        if self.turns[-1][1][0] == "Yes. I was admitted on ":
            self.turns[-1][1].append(self.val("DATE", r, "same", key="admit"))
            self.turns[-1][1].append(".")
        if rng.random() < 0.4:
            self.say(r, "And on ", self.neg(rng.choice(["page five", "page 3 of 6", "the last page"]), "page_number"),
                     " it says no lifting more than ", self.neg(rng.choice(["ten pounds", "10 lbs", "five pounds"]), "weight"),
                     " for ", self.neg(rng.choice(["six weeks", "two weeks", "a month"]), "duration"), "?")
            self.say("A", "Yes, that's correct.")

    def b_pharmacy(self):
        rng, p = self.rng, self.p
        self.say("A", rng.choice(["The pharmacy needs a callback number for you in case there's a problem with the prescription. What number should they use?",
                                  "What's the best phone number for the pharmacy to call you back?"]))
        r = self.speaker_role_for_answer()
        k = rng.random()
        own = r == "F" and self.family[0] != "Interpreter"
        if own and k < 0.5:
            self.say("F", "Better call my cell, it's ", self.val("PHONE", "F", "same", key="alt"), ".")
            if rng.random() < 0.5:
                self.say("A", "Got it, ", self.val("PHONE", "A", "prev", key="alt"), ".")
        elif k < 0.55:
            self.say(r, rng.choice(["Okay, ", "Este... ", "Ah, "]), self.val("PHONE", r, "prev"), ".")
            if rng.random() < 0.4:
                self.say("A", "Sorry, I didn't catch the last part. Can you say it again?")
                self.say(r, self.val("PHONE", r, "prev"), ".")
        else:
            self.say(r, rng.choice(["My number is ", "The home phone is ", "Call me at "]), self.val("PHONE", r, "same"), ".")
        if rng.random() < 0.25 and not (own and k < 0.5):
            self.say(r, rng.choice(["Oh, and ", "And my son's, "]), self.val("PHONE", r, "none", key="alt"),
                     rng.choice([", you can write that down.", ", if I don't answer."]))
        elif rng.random() < 0.4:
            self.say("A", "I'll let them know to call ", self.val("PHONE", "A", "prev",
                                                                 key="alt" if own and k < 0.5 else None), ".")
        if rng.random() < 0.3:
            self.npi = make_npi(rng)
            r2 = self.speaker_role_for_answer()
            self.say(r2, "Oh, and they said they need the doctor's NPI, it's not on the paper.")
            self.say("A", "Of course. Dr. ", self.name(self.doctor, "A", "same", "name_last_title"),
                     "'s NPI is ", self.val("NPI", "A", "same"), ".")
            if rng.random() < 0.6:
                self.say(r2, "Let me write it... ", self.val("NPI", r2, "prev"), "?")
                self.say("A", "Yes, that's it.")

    def b_followup(self):
        rng = self.rng
        y, m, d = self.appt
        self.say("A", "You have a follow-up visit with Dr. ", self.name(self.doctor, "A", "same", "name_last_title"),
                 " on ", self.neg(rng.choice(["the %s of %s" % (ORD[d], MONTHS[m - 1]), "%s %s" % (MONTHS[m - 1], ordinal_num(d)),
                                               "%s %d" % (MONTHS[m - 1], d)]), "appointment_date"),
                 " at ", self.neg(rng.choice(["ten thirty", "9:15 a.m.", "two in the afternoon", "1:40 PM"]), "time"), ".")
        r = self.speaker_role_for_answer() if self.family else "P"
        if rng.random() < 0.4:
            self.say(r, "Can you repeat the day? I write it down.")
            self.say("A", "Yes: ", self.neg("%s %s" % (MONTHS[m - 1], ORD[d]), "appointment_date"), ".")
        self.say(r, rng.choice(["Okay, I'll be there.", "Bueno. My son will drive me.", "Okay. What floor?"]))
        if rng.random() < 0.4:
            self.say("A", "It's on the second floor, suite ", self.neg(rng.choice(["two ten", "204"]), "room_number"), ".")

    def b_insurance(self):
        rng, p = self.rng, self.p
        r = self.speaker_role_for_answer() if self.family else "P"
        if rng.random() < 0.55:
            self.say("A", "Billing asked me to confirm your Medicare number. It's on the red, white and blue card.")
            if rng.random() < 0.6:
                self.say(r, "My Medicare number is ", self.val("MBI", r, "same"), ".")
            else:
                self.say(r, "Okay, here... ", self.val("MBI", r, "prev"), ".")
        else:
            plan = rng.choice(["Molina", "Blue Shield", "CalOptima", "Superior HealthPlan", "Community Health Choice"])
            self.say("A", "Is your insurance still %s?" % plan)
            self.say(r, "Yes. The member ID is ", self.val("MEMBER_ID", r, "same"), ".")
            if rng.random() < 0.4:
                self.say("A", "Thank you, I have ", self.val("MEMBER_ID", "A", "prev"), ".")

    def b_email(self):
        rng, p = self.rng, self.p
        self.say("A", "Would you like your discharge instructions and the portal invitation by email? What email address should we use?")
        r = self.speaker_role_for_answer()
        if rng.random() < 0.4:
            self.say(r, "My email is " if r == "P" else "The email is " if self.family[0] == "Interpreter"
                     else "Use mine, the email is ", self.val("EMAIL", r, "same"), ".")
        else:
            self.say(r, rng.choice(["Okay. ", "Sí, ", "Um, "]), self.val("EMAIL", r, "prev"), ".")
        if rng.random() < 0.45:
            self.say("A", "Let me confirm, that's ", self.val("EMAIL", "A", "prev"), "?")
            self.say(r, rng.choice(["Yes.", "Yes, correct.", "Sí, that's it."]))

    def b_bill(self):
        rng, p = self.rng, self.p
        r = self.speaker_role_for_answer() if self.family else "P"
        dollars, cents = rng.randint(35, 980), rng.randint(0, 99)
        self.say(r, "Also, I got a ", self.neg("bill", "common_word"), " from the hospital. Can I pay it now?")
        inv = "%d" % rng.randint(10000000, 99999999)
        self.say("A", "Yes. I see a balance of ",
                 self.neg(rng.choice(["$%d.%02d" % (dollars, cents),
                                      ("%s dollars and %s cents" % (self.money_words(dollars), two("%02d" % cents)) if cents
                                       else "%s dollars" % self.money_words(dollars))]),
                          "money"),
                 " on invoice ", self.neg(rng.choice([inv, " ".join(inv[i:i + 4] for i in (0, 4))]), "invoice_number"),
                 ". Would you like to pay the full amount by card?")
        if rng.random() < 0.3:
            self.say(r, rng.choice(["Yes, all of it. ", "Sí, todo, the full amount. "]),
                     self.val("CARD", r, "none"), ".")
        else:
            self.say(r, "Yes, the full amount.")
            self.say("A", "Please say the card number.")
        if self.turns[-1][0] != r:
            pass
        elif "CARD" in [x[2]["entity"] for x in self.turns[-1][1] if isinstance(x, tuple) and x[0] == "S"]:
            pass
        if rng.random() < 0.3 and self.turns[-1][0] == "A":
            self.say(r, "It's a %s. The number is " % self.card_brand(), self.val("CARD", r, "same"), ".")
        elif self.turns[-1][0] == "A":
            self.say(r, rng.choice(["Okay, ", "Hold on... okay. ", ""]), self.val("CARD", r, "prev"), ".")
        if rng.random() < 0.3:
            self.say("A", "I'm sorry, I missed part of that. Could you repeat the card number slowly?")
            self.say(r, self.val("CARD", r, "prev"), ".")
        if rng.random() < 0.3:
            self.say("A", "I have ", self.val("CARD", "A", "prev"), ". Is that correct?")
            self.say(r, "Yes.")
        self.say("A", "Thank you. For the expiration date and security code I'll transfer you to our secure payment line. "
                      "When you hear the tone, ", self.neg(rng.choice(["press nine", "press one", "press 2"]), "menu_option"), ".")
        if rng.random() < 0.6:
            self.say(r, "Okay.")
            conf = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + str(rng.randint(1000, 9999))
            self.say("A", "The payment went through. Your confirmation number is ",
                     self.neg(rng.choice([conf, " ".join(conf)]), "confirmation_number"), ".")
        if rng.random() < 0.45:
            if "EMAIL" in self.values_said:
                self.say(r, "And send the receipt to my email?")
                self.say("A", "Yes, to ", self.val("EMAIL", "A", "prev"), ".")
            else:
                self.say(r, "Send me the receipt, ", self.val("EMAIL", r, "none"), ".")
                self.say("A", "Will do.")

    def money_words(self, n):
        if n < 100:
            return two("%02d" % n)
        h, rest = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if rest == 0 else " " + (two("%02d" % rest) if rest >= 10 else ONES[rest]))

    def card_brand(self):
        c = self.p.card
        return "Visa" if c[0] == "4" else "Mastercard" if c[0] == "5" else "Discover" if c[0] == "6" else "American Express"

    def b_closing(self):
        rng = self.rng
        self.say("A", "If you have chest pain, trouble breathing or heavy bleeding, call ",
                 self.neg(rng.choice(["nine one one", "911"]), "emergency_number"),
                 ". For other questions, call the surgery nurse line, ",
                 self.neg(rng.choice(["extension four two one five", "extension 3307", "ext. 2210"]), "extension"), ".")
        r = self.speaker_role_for_answer() if self.family else "P"
        self.say(r, rng.choice(["Okay, thank you, muy amable.", "Thank you so much. God bless.", "Okay. Thank you, bye."]))
        if rng.random() < 0.6:
            self.say("A", rng.choice(["You're welcome. I ", "Take care. We "]),
                     self.neg(rng.choice(["hope", "will"]), "common_word"),
                     " you keep feeling better. Goodbye.")

    def build(self):
        rng = self.rng
        self.carrier_ids = []
        self.npi = make_npi(rng)
        self.b_opening()
        self.b_verify()
        order = ["symptoms", "meds", "carrier", "papers", "pharmacy", "followup", "insurance", "email", "bill"]
        weight = {"symptoms": 0.7, "meds": 0.45, "carrier": 0.4, "papers": 0.6, "pharmacy": 0.6,
                  "followup": 0.45, "insurance": 0.3, "email": 0.6, "bill": 0.65}
        pool = list(order)
        chosen = []
        for _ in range(rng.randint(3, 5)):
            tot = sum(weight[b] for b in pool)
            x = rng.random() * tot
            for b in pool:
                x -= weight[b]
                if x <= 0:
                    break
            chosen.append(b)
            pool.remove(b)
        for b in sorted(chosen, key=order.index):
            before = len(self.turns)
            getattr(self, "b_" + b)()
            if len(self.turns) > 37:
                del self.turns[before:]
        self.b_closing()
        return self


# --------------------------------------------------------------------------------------------
# Renderers

LABELS_WHISPER = [("Nurse", "Patient"), ("Assistant", "Patient"), ("Speaker A", "Speaker B")]
LABELS_DG = [("Speaker A", "Speaker B"), ("Speaker 0", "Speaker 1"), ("Assistant", "Patient")]


def ts(sec):
    return "[%02d:%02d:%02d] " % (sec // 3600, sec // 60 % 60, sec % 60)


SENT_RE = re.compile("((?<!\\.\\.)[.?!] )([\ue000-\uefff]?)([a-z])")


def turn_text(call, role, pieces, asm):
    """Join a turn's pieces with markers, then apply the engine's casing to the marked string."""
    s = asm.join(pieces)
    if call.lower_user and role != "A":
        return s.lower()
    s = cap_first(s)
    return SENT_RE.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), s)


def render_transcript(call, kind, rng):
    asm = Assembler()
    if kind == "transcript_signalwire_log":
        labels = ("Assistant", "User")
    elif kind == "transcript_whisper":
        labels = rng.choice(LABELS_WHISPER)
    else:
        labels = rng.choice(LABELS_DG)
    fam_label = None
    if call.family:
        fam_label = "Speaker C" if labels[0].startswith("Speaker A") else \
            "Speaker 2" if labels[0] == "Speaker 0" else call.family[0]
    stamps = rng.random() < 0.45
    sec = rng.randint(0, 4)
    lines = []
    for role, pieces in call.turns:
        lab = labels[0] if role == "A" else labels[1] if role == "P" else fam_label
        body = turn_text(call, role, pieces, asm)
        line = (ts(sec) if stamps else "") + lab + ": " + body
        lines.append(line)
        sec += rng.randint(3, 14)
    text, spans, negs = asm.finish("\n".join(lines))
    return text, spans, negs


def summary_pieces(call):
    """An LLM-written summary of the call: written values, cue same."""
    p = call.p
    W = lambda ent, t, f, v: ("S", t, {"entity": ent, "spoken": False, "cue": "same", "form": f, "value": v})
    said = call.values_said
    out = ["Post-discharge follow-up call with patient ", W("NAME", p.full, "name_full", p.full)]
    if "DOB" in said:
        out += [" (DOB ", W("DOB", "%02d/%02d/%d" % (p.dob[1], p.dob[2], p.dob[0]), "written_mdy_lead",
                           "%04d-%02d-%02d" % p.dob), ")"]
    out += [", discharged after %s." % call.surg[1]]
    ids = []
    if "SSN4" in said or "SSN" in said:
        ids += [["last four of SSN ", W("SSN", p.ssn[5:], "last4_digits", p.ssn)]]
    if "ZIP" in said:
        ids += [["ZIP ", W("ZIP", p.zip, "written_zip5", p.zip)]]
    if ids:
        out.append(" Identity verified with ")
        for i, x in enumerate(ids):
            if i:
                out.append(" and ")
            out += x
        out.append(".")
    if "MRN" in said:
        out += [" MRN ", W("MRN", p.mrn, "written_run" if p.mrn.isdigit() else "written_alnum", p.mrn), "."]
    if "DATE" in said:
        y, m, d = call.discharge
        out += [" Discharge date ", W("DATE", "%s %d, %d" % (MONTHS[m - 1], d, y), "written_mdy_full",
                                      "%04d-%02d-%02d" % call.discharge), "."]
    if "PHONE" in said:
        ph = p.phone2 if any(isinstance(x, tuple) and x[0] == "S" and x[2]["entity"] == "PHONE" and x[2]["value"] == p.phone2
                             for _, ps in call.turns for x in ps) else p.phone
        out += [" Pharmacy callback number ", W("PHONE", "(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "written_paren", ph), "."]
    if "EMAIL" in said:
        out += [" Instructions to be emailed to ", W("EMAIL", p.email, "written_email", p.email), "."]
    if "CARD" in said:
        out += [" Balance paid by card; confirmation given."]
    out += [" Follow-up with Dr. ", W("NAME", call.doctor, "name_last_title", call.doctor), " as scheduled."]
    return out


def structured(call):
    p = call.p
    said = call.values_said
    W = lambda ent, t, f, v: ("S", t, {"entity": ent, "spoken": False, "cue": "same", "form": f, "value": v})
    d = [("patient_name", W("NAME", p.full, "name_full", p.full))]
    if "DOB" in said:
        d.append(("date_of_birth", W("DOB", "%04d-%02d-%02d" % p.dob, "written_iso", "%04d-%02d-%02d" % p.dob)))
    if "SSN4" in said or "SSN" in said:
        d.append(("ssn_last4", W("SSN", p.ssn[5:], "last4_digits", p.ssn)))
    if "ZIP" in said:
        d.append(("zip", W("ZIP", p.zip, "written_zip5", p.zip)))
    if "MRN" in said:
        d.append(("mrn", W("MRN", p.mrn, "written_run" if p.mrn.isdigit() else "written_alnum", p.mrn)))
    if "EMAIL" in said:
        d.append(("email", W("EMAIL", p.email, "written_email", p.email)))
    d.append(("identity_verified", True))
    d.append(("needs_nurse_callback", call.rng.random() < 0.3))
    return d


class JB:
    """Holds a JSON skeleton whose strings are lists of pieces; serialises with markers."""

    def __init__(self):
        self.asm = Assembler()

    def s(self, pieces):
        if isinstance(pieces, str):
            return pieces
        return self.asm.join(pieces)

    def dumps(self, obj):
        marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        return self.asm.finish(marked)


def uuid_like(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab") + h[17:20], h[20:32])


def iso(call, sec, rng):
    y, m, d = call.call_day
    h = 15 + sec // 3600
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, m, d, h, sec // 60 % 60, sec % 60, rng.randint(0, 999))


def agent_w(call):
    return ("S", call.agent, {"entity": "NAME", "spoken": False, "cue": "same", "form": "name_first_prompt",
                              "value": call.agent})


def render_vapi(call, rng):
    jb = JB()
    p = call.p
    sec = 0.0
    msgs = []
    tlines = []
    t0 = 1741000000000 + rng.randint(0, 10 ** 9)
    msgs.append({"role": "system", "message": jb.s(["You are ", agent_w(call), ", a friendly post-discharge follow-up "
                 "assistant for %s. Verify identity before discussing any health information." % call.hospital]),
                 "time": t0, "secondsFromStart": 0})
    for role, pieces in call.turns:
        dur = round(rng.uniform(1.5, 9.0), 2)
        msgs.append({"role": "bot" if role == "A" else "user", "message": turn_text(call, role, pieces, jb.asm),
                     "time": t0 + int(sec * 1000), "endTime": t0 + int((sec + dur) * 1000),
                     "secondsFromStart": round(sec, 2), "duration": int(dur * 1000)})
        sec += dur + rng.uniform(0.3, 1.5)
    for role, pieces in call.turns:
        tlines.append(("AI: " if role == "A" else "User: ") + turn_text(call, role, pieces, jb.asm))
    transcript = "\n".join(tlines)
    summ = jb.s(summary_pieces(call))
    sd = {}
    for k, v in structured(call):
        sd[k] = jb.s([v]) if isinstance(v, tuple) else v
    cid = uuid_like(rng)
    obj = {"message": {
        "timestamp": t0 + int(sec * 1000) + 900,
        "type": "end-of-call-report",
        "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
        "call": {"id": cid, "orgId": uuid_like(rng), "type": "outboundPhoneCall", "status": "ended",
                 "assistantId": uuid_like(rng),
                 "customer": {"number": jb.s([("S", "+1" + p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                                   "form": "written_e164", "value": p.phone})])}},
        "recordingUrl": "https://storage.vapi.ai/%s-%d-mono.wav" % (cid, t0),
        "transcript": transcript,
        "messages": msgs,
        "analysis": {"summary": summ, "structuredData": sd, "successEvaluation": "true"},
        "startedAt": iso(call, 0, rng), "endedAt": iso(call, int(sec), rng),
        "cost": round(rng.uniform(0.08, 0.6), 4), "durationSeconds": round(sec, 3),
    }}
    return jb.dumps(obj)


def render_signalwire(call, rng):
    jb = JB()
    p = call.p
    log = [{"role": "system", "content": jb.s(["You are ", agent_w(call), ", a post-discharge callback agent for %s. "
            "Always verify the patient's name, date of birth, last four of SSN and ZIP before discussing care."
            % call.hospital])}]
    for role, pieces in call.turns:
        e = {"role": "assistant" if role == "A" else "user", "content": turn_text(call, role, pieces, jb.asm)}
        if role == "A":
            e["latency"] = rng.randint(380, 1900)
            e["utterance_latency"] = rng.randint(400, 2100)
        log.append(e)
    sd = structured(call)

    def raw_json():
        parts = ["{"]
        for i, (k, v) in enumerate(sd):
            if i:
                parts.append(", ")
            if isinstance(v, tuple):
                parts += ['"%s": "' % k, v, '"']
            else:
                parts.append('"%s": %s' % (k, "true" if v else "false"))
        parts.append("}")
        return parts

    raw = jb.s(raw_json())
    subst = jb.s(raw_json())
    parsed = {}
    for k, v in sd:
        parsed[k] = jb.s([v]) if isinstance(v, tuple) else v
    start = 1741000000000000 + rng.randint(0, 10 ** 12)
    obj = {
        "app_name": "discharge_followup",
        "ai_session_id": uuid_like(rng),
        "call_id": uuid_like(rng),
        "caller_id_name": jb.s([("S", p.full.upper() if rng.random() < 0.5 else p.full,
                                 {"entity": "NAME", "spoken": False, "cue": "same", "form": "name_full_callerid",
                                  "value": p.full})]),
        "caller_id_num": jb.s([("S", "+1" + p.phone, {"entity": "PHONE", "spoken": False, "cue": "same",
                                                      "form": "written_e164", "value": p.phone})]),
        "call_start_date": start,
        "call_end_date": start + rng.randint(120, 600) * 1000000,
        "content_type": "text/swaig",
        "content_disposition": "Conversation Log",
        "call_log": log,
        "post_prompt_data": {"raw": raw, "substituted": subst, "parsed": [parsed]},
        "total_input_tokens": rng.randint(3000, 20000),
        "total_output_tokens": rng.randint(300, 2000),
    }
    return jb.dumps(obj)


def render_plain(call, rng):
    jb = JB()
    msgs = []
    if rng.random() < 0.5:
        msgs.append({"role": "system", "content": jb.s(["You are ", agent_w(call), " from %s calling patients two "
                     "days after discharge." % call.hospital])})
    for role, pieces in call.turns:
        msgs.append({"role": "assistant" if role == "A" else "user", "content": turn_text(call, role, pieces, jb.asm)})
    return jb.dumps({"messages": msgs})


# --------------------------------------------------------------------------------------------

def generate(seed, n):
    rng = random.Random(seed)
    plan = []
    # roughly 55% transcripts and 45% JSON payloads
    for i in range(n):
        x = i % 20
        if x < 11:
            plan.append(["transcript_whisper", "transcript_deepgram_sf", "transcript_signalwire_log"][x % 3])
        else:
            plan.append(["signalwire_post_prompt", "vapi_end_of_call_report", "plain_messages"][x % 3])
    rng.shuffle(plan)
    out = []
    for i, kind in enumerate(plan):
        r = random.Random("%d-%d" % (seed, i))
        style = {"transcript_whisper": "whisper", "transcript_deepgram_sf": "deepgram",
                 "transcript_signalwire_log": "swlog", "signalwire_post_prompt": "signalwire",
                 "vapi_end_of_call_report": "vapi", "plain_messages": "plain"}[kind]
        llm_agent = style in ("swlog", "signalwire", "vapi", "plain")
        call = Call(r, style, llm_agent).build()
        rec = {"id": "h30-%05d" % (i + 1)}
        if kind.startswith("transcript"):
            text, spans, negs = render_transcript(call, kind, r)
            rec.update({"format": "transcript", "kind": kind})
        else:
            if style == "vapi":
                text, spans, negs = render_vapi(call, r)
                rec.update({"format": "json", "profile": "vapi", "kind": kind})
            elif style == "signalwire":
                text, spans, negs = render_signalwire(call, r)
                rec.update({"format": "json", "profile": "signalwire", "kind": kind})
            else:
                text, spans, negs = render_plain(call, r)
                rec.update({"format": "json", "kind": kind})
        rec["text"] = text
        rec["spans"] = spans
        rec["negatives"] = negs
        if call.carrier_ids:
            rec["carrier"] = ["MTS-Dialog-TrainingSet:%s" % c for c in call.carrier_ids]
        out.append(rec)
    return out


# --------------------------------------------------------------------------------------------
# Validation

ENTITIES = {"SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI",
            "MEMBER_ID", "NAME"}
W2D = {w: str(i) for i, w in enumerate(ONES)}
W2D.update({"oh": "0", "o": "0"})
W2D.update({w: str(i) for i, w in enumerate(ES_DIG)})
TEEN2D = {w: str(10 + i) for i, w in enumerate(TEENS)}
TENS2D = {w: str(i) for i, w in enumerate(TENS) if w}
LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?[A-Z][A-Za-z0-9 ]*: \S")


def words_to_digits(text):
    toks = re.findall(r"[a-záéíóúñ]+|\d+", text.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in W2D:
            out.append(W2D[nxt] * (2 if t == "double" else 3))
            i += 1
        elif t in W2D:
            out.append(W2D[t])
        elif t in TEEN2D:
            out.append(TEEN2D[t])
        elif t in TENS2D:
            if nxt in W2D and nxt not in ("zero", "oh", "o", "cero"):
                out.append(TENS2D[t] + W2D[nxt])
                i += 1
            else:
                out.append(TENS2D[t] + "0")
        elif t == "hundred":
            out.append("00")
        i += 1
    return "".join(out)


def subseq(needle, hay):
    it = iter(hay)
    return all(c in it for c in needle)


def letters(s):
    return "".join(c for c in strip_accents(s).lower() if c.isalpha())


def value_problem(span, text):
    e, v = span["entity"], span.get("value", "")
    if e == "SSN":
        if not ssn_ok(v):
            return "bad ssn"
        want = v[5:] if span["form"].startswith("last4") else v
        if not subseq(want, words_to_digits(text)):
            return "ssn text"
    elif e == "PHONE":
        if not re.fullmatch(r"[2-9]\d\d55501\d\d", v):
            return "phone not 555-01xx"
        if not subseq(v, words_to_digits(text)):
            return "phone text"
    elif e in ("DOB", "DATE"):
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v)
        if not m:
            return "date value"
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return "date range"
        digs = words_to_digits(text)
        has_month = MONTHS[mo - 1].lower() in text.lower() or str(mo) in digs or span["form"] == "the_d_only"
        has_day = ORD[d] in text.lower() or str(d) in digs or ordinal_num(d) in text
        if not (has_month and has_day):
            return "date text"
        if e == "DOB" and str(y)[2:] not in digs and str(y)[2:] not in text:
            return "dob year"
    elif e == "MRN":
        if not re.fullmatch(r"(MR)?\d{7,9}", v):
            return "mrn value"
        if not subseq(v.replace("MR", ""), words_to_digits(text)):
            return "mrn text"
    elif e == "ZIP":
        if not re.fullmatch(r"\d{5}", v) or v == "00000":
            return "zip value"
        if not subseq(v, words_to_digits(text)):
            return "zip text"
    elif e == "CARD":
        if not (len(v) in (15, 16) and luhn_ok(v)):
            return "card not luhn"
        if len(v) == 15 and not v.startswith(("34", "37")):
            return "amex prefix"
        if not subseq(v, words_to_digits(text)):
            return "card text"
    elif e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", v):
            return "email value"
        dom = v.split("@")[1].split(".")[0]
        if dom not in text.lower():
            return "email domain"
        if not subseq(letters(v.split("@")[0]), letters(text)):
            return "email local"
    elif e == "NPI":
        if not npi_ok(v):
            return "npi"
        if not subseq(v, words_to_digits(text)):
            return "npi text"
    elif e == "MBI":
        if not mbi_ok(v):
            return "mbi"
        if not subseq(re.sub(r"\D", "", v), words_to_digits(text)):
            return "mbi text"
    elif e == "MEMBER_ID":
        if not re.fullmatch(r"[A-Z]{0,3}\d{8,9}[A-Z]?", v):
            return "member value"
        if not subseq(re.sub(r"\D", "", v), words_to_digits(text)):
            return "member text"
    elif e in ("NAME", "CITY"):
        if not subseq(letters(v), letters(text)):
            return "name text"
    elif e == "STREET":
        if not subseq(letters(v), letters(text)):
            return "street text"
    return None


def json_string_ranges(line):
    """Byte ranges (start, end) of the contents of every JSON string token in a serialised line."""
    b = line.encode("utf-8")
    out = []
    i, n = 0, len(b)
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


def check_record(r):
    errs = []
    for k in ("id", "format", "kind", "text", "spans", "negatives"):
        if k not in r:
            errs.append("missing " + k)
    if errs:
        return errs
    text = r["text"]
    b = text.encode("utf-8")
    if r["format"] == "transcript":
        lines = text.split("\n")
        if not 8 <= len(lines) <= 40:
            errs.append("turns %d" % len(lines))
        for ln in lines:
            if not LINE_RE.match(ln):
                errs.append("bad line: " + ln[:60])
        if text.endswith("\n") or "\n\n" in text:
            errs.append("blank/trailing newline")
    elif r["format"] == "json":
        try:
            obj = json.loads(text)
        except ValueError as ex:
            return ["json: %s" % ex]
        if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
            errs.append("json not compact canonical")
        if r.get("profile") not in (None, "vapi", "signalwire"):
            errs.append("profile")
    else:
        errs.append("format")
    ranges = json_string_ranges(text) if r["format"] == "json" else None
    items = []
    for s in r["spans"]:
        if not (0 <= s["start"] < s["end"] <= len(b)):
            errs.append("span range %r" % s)
            continue
        try:
            t = b[s["start"]:s["end"]].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("span splits a character")
            continue
        abbr_end = re.search(r"\b(St|Ave|Dr|Blvd|Ln|Ct|Rd|Apt|Spc)\.$", t) is not None
        if t != t.strip() or (t[-1] in ",.;:?!" and not abbr_end) or t[0] in ",.;:?!":
            errs.append("span edge %r" % t)
        if s.get("entity") not in ENTITIES:
            errs.append("entity %r" % s.get("entity"))
        if s.get("cue") not in ("same", "prev", "none"):
            errs.append("cue %r" % s.get("cue"))
        if not isinstance(s.get("spoken"), bool) or not s.get("form"):
            errs.append("spoken/form")
        prob = value_problem(s, t)
        if prob:
            errs.append("%s: %r (%s)" % (prob, t, s.get("value")))
        if ranges is not None and not any(a <= s["start"] and s["end"] <= z for a, z in ranges):
            errs.append("span outside JSON string %r" % t)
        if ranges is not None and ("\\" in t or '"' in t):
            errs.append("escape inside span %r" % t)
        items.append((s["start"], s["end"], "span"))
    for ng in r["negatives"]:
        if not (0 <= ng["start"] < ng["end"] <= len(b)) or not ng.get("what"):
            errs.append("negative %r" % ng)
            continue
        t = b[ng["start"]:ng["end"]].decode("utf-8")
        if t != t.strip():
            errs.append("negative edge %r" % t)
        if ranges is not None and not any(a <= ng["start"] and ng["end"] <= z for a, z in ranges):
            errs.append("negative outside JSON string %r" % t)
        items.append((ng["start"], ng["end"], "neg"))
    items.sort()
    for x, y in zip(items, items[1:]):
        if y[0] < x[1]:
            errs.append("overlap at %d" % y[0])
    return errs


def stats(records):
    ent = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fmt = collections.Counter()
    for r in records:
        kinds[r["kind"]] += 1
        fmt[r["format"]] += 1
        for s in r["spans"]:
            ent[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    lines = ["records: %d  (%s)" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fmt.items()))),
             "kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())), "",
             "| entity | total | spoken | written | same | prev | none | spoken same/prev/none |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    ents = sorted({k[0] for k in ent})
    tot = collections.Counter()
    for e in ents:
        row = {}
        for (ee, sp, cue), c in ent.items():
            if ee != e:
                continue
            row[sp] = row.get(sp, 0) + c
            row[cue] = row.get(cue, 0) + c
            row[sp + cue] = row.get(sp + cue, 0) + c
        total = row.get("spoken", 0) + row.get("written", 0)
        tot["all"] += total
        tot["spoken"] += row.get("spoken", 0)
        lines.append("| %s | %d | %d | %d | %d | %d | %d | %d/%d/%d |" % (
            e, total, row.get("spoken", 0), row.get("written", 0), row.get("same", 0), row.get("prev", 0),
            row.get("none", 0), row.get("spokensame", 0), row.get("spokenprev", 0), row.get("spokennone", 0)))
    lines.append("| **all** | %d | %d | %d | | | | |" % (tot["all"], tot["spoken"], tot["all"] - tot["spoken"]))
    lines.append("")
    lines.append("negatives (%d): " % sum(negs.values()) + ", ".join("%s %d" % kv for kv in sorted(negs.items())))
    lines.append("")
    lines.append("forms:")
    cur = None
    for (e, f), c in sorted(forms.items()):
        if e != cur:
            lines.append("  %s: " % e)
            cur = e
        lines[-1] += "%s %d, " % (f, c)
    lines = [l.rstrip(", ") for l in lines]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=N_RECORDS)
    ap.add_argument("--stats", action="store_true", help="print counts instead of records")
    ap.add_argument("--check", metavar="FILE", help="re-validate a generated file and print its stats")
    a = ap.parse_args()
    if a.check:
        records = []
        bad = 0
        with open(a.check, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                r = json.loads(line)
                records.append(r)
                for e in check_record(r):
                    bad += 1
                    print("%s (line %d): %s" % (r.get("id"), ln, e), file=sys.stderr)
        ids = [r["id"] for r in records]
        if len(set(ids)) != len(ids):
            bad += 1
            print("duplicate ids", file=sys.stderr)
        print(stats(records))
        if bad:
            print("CHECK FAILED: %d problems" % bad, file=sys.stderr)
            sys.exit(1)
        print("\ncheck ok: %d records" % len(records))
        return
    records = generate(a.seed, a.n)
    if a.stats:
        print(stats(records))
        return
    out = sys.stdout
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
