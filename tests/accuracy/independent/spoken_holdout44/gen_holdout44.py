#!/usr/bin/env python3
"""Holdout 44: accented / non-native callers, interpreted calls, and ASR that struggles with them.

Healthcare phone calls (insurance eligibility, clinic scheduling, lab results callbacks, dental and
vision benefits) written the way speech-to-text engines write accented speech: numbers in pairs and
hundreds, restarted and repeated digits, digits mis-heard as homophones ("for", "to", "ate",
"won", "tree"), names of Vietnamese, Tagalog, Nigerian, Polish, Haitian, Korean and Arabic origin
spelled letter by letter ("N as in Nancy", or letters heard as words: "in gee you why"), turns
relayed by a phone interpreter, relatives calling for a parent.  About 45% of records are vendor
JSON payloads (vapi, retell, signalwire, deepgram, transcribe).

Python 3 standard library only; deterministic for a seed whatever PYTHONHASHSEED is.

  python3 gen_holdout44.py [--seed N] [--n 150] > holdout44.jsonl
  python3 gen_holdout44.py --stats            # stats of the default output
  python3 gen_holdout44.py --check holdout44.jsonl
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

DEFAULT_SEED = 4404
ENTITIES = {"SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL",
            "NPI", "MEMBER_ID", "NAME"}
NEG_WHATS = {"dose", "blood_pressure", "time", "duration", "money", "room_number", "count", "age",
             "appointment_date", "year", "weight", "height", "lab_value", "vital_sign",
             "step_count", "confirmation_number", "order_number", "emergency_number",
             "menu_option", "common_word", "interpreter_id", "reference_number", "claim_number",
             "extension", "percentage"}
CALL_DATE = datetime.date(2025, 3, 11)

# ---------------------------------------------------------------------------------------------
# number words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# what ASR writes when an accented digit is heard as another word
HOMOPHONE = {"1": ["won"], "2": ["to", "too"], "3": ["tree", "free"], "4": ["for"],
             "8": ["ate"], "6": ["sick"]}
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
       "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
       "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
       "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh",
       "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
MONTHS = ["", "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]

AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "David", "e": "Edward", "f": "Frank",
         "g": "George", "h": "Henry", "i": "ice", "j": "John", "k": "king", "l": "Larry",
         "m": "Mary", "n": "Nancy", "o": "orange", "p": "Peter", "q": "queen", "r": "Robert",
         "s": "Sam", "t": "Tom", "u": "umbrella", "v": "Victor", "w": "William", "x": "x-ray",
         "y": "yellow", "z": "zebra"}
# a letter said alone, as an engine that hears it as a word writes it
LETTER_WORD = {"a": "a", "b": "be", "c": "see", "d": "dee", "e": "e", "f": "ef", "g": "gee",
               "h": "h", "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "in",
               "o": "oh", "p": "pee", "q": "queue", "r": "are", "s": "es", "t": "tea",
               "u": "you", "v": "vee", "w": "w", "x": "ex", "y": "why", "z": "zee"}
LETTER_WORD_REV = {v: k for k, v in LETTER_WORD.items()}

WORD_DIGIT = {w: str(i) for i, w in enumerate(ONES)}
WORD_DIGIT.update({"oh": "0", "o": "0"})
for _d, _ws in HOMOPHONE.items():
    for _w in _ws:
        WORD_DIGIT[_w] = _d


def two(n, rng, homo=0.0):
    """Words for a two-digit group as said in pairs: 07 -> 'oh seven', 45 -> 'forty five'."""
    if n < 10:
        return rng.choice(["oh", "zero"]) + " " + dig(str(n), rng, homo)
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + dig(str(u), rng, homo))


def dig(d, rng, homo=0.0, zero=("zero", "oh")):
    if d == "0":
        return rng.choice(zero)
    if homo and d in HOMOPHONE and rng.random() < homo:
        return rng.choice(HOMOPHONE[d])
    return ONES[int(d)]


def digits_words(s, rng, homo=0.0, zero=("zero", "oh")):
    return " ".join(dig(c, rng, homo, zero) for c in s)


def three(s, rng, homo=0.0):
    """A three-digit group said as a 'hundreds' reading: 555 -> five fifty five, 100 -> one hundred."""
    a, rest = s[0], int(s[1:])
    if a == "0":
        return digits_words(s, rng, homo)
    if rest == 0:
        return dig(a, rng, homo) + " hundred"
    return dig(a, rng, homo) + " " + two(rest, rng, homo)


def group_words(g, mode, rng, homo=0.0):
    if mode == "pairs" and len(g) % 2 == 0:
        return " ".join(two(int(g[i:i + 2]), rng, homo) for i in range(0, len(g), 2))
    if mode == "pairs" and len(g) == 3:
        return three(g, rng, homo)
    if mode == "pairs" and len(g) == 5:
        return three(g[:3], rng, homo) + " " + two(int(g[3:]), rng, homo)
    if mode == "double":
        out, i = [], 0
        while i < len(g):
            j = i
            while j < len(g) and g[j] == g[i]:
                j += 1
            run = j - i
            if run == 3:
                out.append("triple " + dig(g[i], rng, homo))
            elif run == 2:
                out.append("double " + dig(g[i], rng, homo))
            else:
                out.extend(dig(g[i], rng, homo) for _ in range(run))
            i = j
        return " ".join(out)
    return digits_words(g, rng, homo)


# ---------------------------------------------------------------------------------------------
# decoding, used at generation (retry until the words say the value) and by --check
TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+|[,.;?!…]")
FILLERS = {"uh", "um", "er", "ah", "sorry", "yes", "no", "and", "is", "it", "the", "that", "that's",
           "s", "okay", "ok", "again", "wait", "let", "me", "start", "hmm", "mm", "i", "mean",
           "like", "dash", "hyphen", "space", "number", "hm", "oops", "eh"}
UNIT_WORDS = {w for w, d in WORD_DIGIT.items() if d != "0"}


def decode_digits(text):
    toks = [t.lower() for t in TOKEN.findall(text)]
    out = []
    i = 0
    n = len(toks)

    def small(j):
        """A number below 100 starting at toks[j]: (string of 2, next j) or None."""
        if j >= n:
            return None
        t = toks[j]
        if t in TEENS:
            return "%02d" % (10 + TEENS.index(t)), j + 1
        if t in TENS[2:]:
            v = TENS.index(t) * 10
            if j + 1 < n and toks[j + 1] in UNIT_WORDS:
                return "%02d" % (v + int(WORD_DIGIT[toks[j + 1]])), j + 2
            return "%02d" % v, j + 1
        if t in UNIT_WORDS:
            return "%02d" % int(WORD_DIGIT[t]), j + 1
        return None

    while i < n:
        t = toks[i]
        if t.isdigit():
            out.append(t)
            i += 1
        elif t in ("double", "triple") and i + 1 < n and toks[i + 1] in WORD_DIGIT:
            out.append(WORD_DIGIT[toks[i + 1]] * (2 if t == "double" else 3))
            i += 2
        elif t in WORD_DIGIT and i + 1 < n and toks[i + 1] == "hundred":
            j = i + 2
            if j < n and toks[j] == "and":
                j += 1
            s = small(j)
            if s:
                out.append(WORD_DIGIT[t] + s[0])
                i = s[1]
            else:
                out.append(WORD_DIGIT[t] + "00")
                i += 2
        elif t in WORD_DIGIT and i + 1 < n and toks[i + 1] == "thousand":
            j = i + 2
            s = small(j)
            if s:
                out.append(WORD_DIGIT[t] + "0" + s[0])
                i = s[1]
            else:
                out.append(WORD_DIGIT[t] + "000")
                i += 2
        elif t in WORD_DIGIT:
            out.append(WORD_DIGIT[t])
            i += 1
        elif t in TEENS or t in TENS[2:]:
            s = small(i)
            out.append(s[0])
            i = s[1]
        else:
            i += 1
    return "".join(out)


def decode_letters(text):
    """Letters of a spelled rendering: 'N as in Nancy, G like George', 'in gee you', 'N-G-U'."""
    toks = [t.lower() for t in re.findall(r"[A-Za-z]+(?:-[A-Za-z]{2,})*|\d+", text)]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
            out.append(t if len(t) == 1 else LETTER_WORD_REV.get(t, "?"))
            i += 4
        elif i + 1 < len(toks) and toks[i + 1] in ("like", "for") and i + 2 < len(toks):
            out.append(t if len(t) == 1 else LETTER_WORD_REV.get(t, "?"))
            i += 3
        elif t in ("dash", "hyphen", "space", "then", "and", "capital"):
            i += 1
        elif len(t) == 1:
            out.append(t)
            i += 1
        elif t in LETTER_WORD_REV:
            out.append(LETTER_WORD_REV[t])
            i += 1
        elif t == "double" and i + 1 < len(toks):
            nx = toks[i + 1]
            c = nx if len(nx) == 1 else LETTER_WORD_REV.get(nx, "?")
            out.append(c + c)
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# people, places
ORIGINS = {
    "vietnamese": {
        "given_f": ["Lan", "Mai", "Hoa", "Huong", "Phuong", "Thao", "Ngoc"],
        "given_m": ["Tuan", "Duc", "Minh", "Thanh", "Quang", "Hieu", "Khanh"],
        "middle_f": ["Thi"], "middle_m": ["Van", "Huu"],
        "surname": ["Nguyen", "Tran", "Pham", "Huynh", "Dang", "Bui", "Vo", "Truong"],
        "lang": "Vietnamese", "misheard": {"Nguyen": "when", "Huynh": "win", "Truong": "trung"}},
    "tagalog": {
        "given_f": ["Maricel", "Jocelyn", "Rowena", "Marites", "Lorna", "Analyn"],
        "given_m": ["Rodrigo", "Ernesto", "Danilo", "Reynaldo", "Jerome", "Arnel"],
        "middle_f": ["Santos", "Reyes"], "middle_m": ["Garcia", "Ramos"],
        "surname": ["Macaraeg", "Bautista", "Villanueva", "Manalo", "Dimaculangan", "Pangilinan",
                    "Dela Cruz", "Magbanua"],
        "lang": "Tagalog", "misheard": {"Macaraeg": "mccarrick", "Manalo": "manolo"}},
    "nigerian": {
        "given_f": ["Chinwe", "Ngozi", "Funmilayo", "Ifeoma", "Adaeze", "Folasade"],
        "given_m": ["Oluwaseun", "Adebayo", "Emeka", "Chidi", "Babatunde", "Obinna"],
        "middle_f": ["Amaka"], "middle_m": ["Ikenna"],
        "surname": ["Okonkwo", "Adeyemi", "Okafor", "Balogun", "Nwosu", "Ogunleye", "Eze",
                    "Olawale"],
        "lang": None, "misheard": {"Okafor": "okay for", "Eze": "easy", "Nwosu": "new sue"}},
    "polish": {
        "given_f": ["Agnieszka", "Malgorzata", "Bozena", "Katarzyna", "Halina", "Jadwiga"],
        "given_m": ["Krzysztof", "Grzegorz", "Wojciech", "Tomasz", "Zbigniew", "Stanislaw"],
        "middle_f": ["Maria"], "middle_m": ["Jan"],
        "surname": ["Wojciechowski", "Kowalczyk", "Szczepanski", "Brzezinski", "Zielinska",
                    "Wisniewska", "Grabowski", "Pawlak"],
        "lang": "Polish", "misheard": {"Pawlak": "pollack", "Kowalczyk": "kowal check"}},
    "haitian": {
        "given_f": ["Fabiola", "Marie-Claude", "Guerline", "Nadege", "Rosemene", "Yolette"],
        "given_m": ["Wilner", "Dieudonne", "Fritznel", "Jean-Robert", "Lesly", "Wilguens"],
        "middle_f": ["Marie"], "middle_m": ["Jean"],
        "surname": ["Jean-Baptiste", "Pierre-Louis", "Desrosiers", "Toussaint", "Saint-Fleur",
                    "Dorvilus", "Exantus", "Belizaire"],
        "lang": "Haitian Creole", "misheard": {"Exantus": "exantis", "Desrosiers": "des rosier"}},
    "korean": {
        "given_f": ["Ji-woo", "Seo-yeon", "Eun-ji", "Young-ja", "Mi-kyung", "Soo-jin"],
        "given_m": ["Min-jun", "Hyun-woo", "Sung-ho", "Dong-hyun", "Jae-won", "Sang-hoon"],
        "middle_f": [], "middle_m": [],
        "surname": ["Park", "Choi", "Jung", "Kang", "Yoon", "Shin", "Hwang", "Seo"],
        "lang": "Korean", "misheard": {"Jung": "young", "Seo": "so", "Choi": "choy"}},
    "arabic": {
        "given_f": ["Fatima", "Nour", "Khadija", "Rania", "Samira", "Layla"],
        "given_m": ["Abdelrahman", "Youssef", "Mahmoud", "Tariq", "Khaled", "Mustafa"],
        "middle_f": [], "middle_m": [],
        "surname": ["Al-Rashidi", "El-Sayed", "Haddad", "Mansour", "Khoury", "Abdulrahim",
                    "Qasim", "Al-Jabouri"],
        "lang": "Arabic", "misheard": {"Haddad": "had dad", "Qasim": "cassim"}},
}
# the written form an LLM summary may use for a name ASR wrote without its diacritics
DIACRITIC = {"Malgorzata": "Małgorzata", "Bozena": "Bożena", "Stanislaw": "Stanisław",
             "Wisniewska": "Wiśniewska", "Szczepanski": "Szczepański", "Nadege": "Nadège",
             "Dieudonne": "Dieudonné"}
PLACES = [("Houston", "TX", "77036", "713", ["Bellaire Boulevard", "Beechnut Street", "Wilcrest Drive"]),
          ("Garden Grove", "CA", "92844", "714", ["Brookhurst Street", "Bolsa Avenue", "Magnolia Street"]),
          ("Westminster", "CA", "92683", "714", ["Moran Street", "Beach Boulevard"]),
          ("San Jose", "CA", "95122", "408", ["Story Road", "Tully Road", "McLaughlin Avenue"]),
          ("Daly City", "CA", "94015", "650", ["Gellert Boulevard", "Skyline Drive"]),
          ("Jersey City", "NJ", "07306", "201", ["Kennedy Boulevard", "Sip Avenue"]),
          ("Chicago", "IL", "60641", "773", ["Milwaukee Avenue", "Belmont Avenue", "Central Avenue"]),
          ("Brockton", "MA", "02301", "508", ["Main Street", "Belmont Street"]),
          ("North Miami", "FL", "33161", "305", ["Northeast Sixth Avenue", "Northwest Seventh Avenue"]),
          ("Fort Lee", "NJ", "07024", "201", ["Main Street", "Anderson Avenue"]),
          ("Dearborn", "MI", "48126", "313", ["Warren Avenue", "Schaefer Road", "Chase Street"]),
          ("Paterson", "NJ", "07501", "973", ["Main Street", "Market Street"]),
          ("Stafford", "TX", "77477", "281", ["Cash Road", "Murphy Road"]),
          ("Randolph", "MA", "02368", "781", ["North Main Street", "Warren Street"]),
          ("Lynnwood", "WA", "98036", "425", ["Highway Ninety Nine", "Olympic View Drive"])]
STREET_ABBR = {"Boulevard": "Blvd", "Street": "St", "Avenue": "Ave", "Drive": "Dr", "Road": "Rd",
               "Northeast": "NE", "Northwest": "NW", "North": "N", "Sixth": "6th", "Seventh": "7th",
               "Highway Ninety Nine": "Hwy 99"}
AGENTS = ["Brittany", "Kevin", "Destiny", "Marcus", "Jessica", "Tyler", "Angela", "Shawn",
          "Kayla", "Derek", "Monique", "Travis", "Heather", "Andre"]
INTERPRETERS = {"Vietnamese": ["Linh", "Trang", "Bao"], "Tagalog": ["Rosario", "Gemma", "Noel"],
                "Polish": ["Ewa", "Marek", "Dorota"], "Haitian Creole": ["Marjorie", "Ricot", "Lovely"],
                "Korean": ["Hana", "Joon", "Mina"], "Arabic": ["Amira", "Omar", "Hiba"]}
DOCTORS = ["Patel", "Gonzalez", "Okoye", "Lindqvist", "Ramirez", "Chen", "Abernathy", "Kaur"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com"]
PLANS = {"eligibility": ["Lone Star Health Plan", "Harborview Medicaid", "Summit Care HMO",
                         "Blue Meadow PPO"],
         "dental": ["BrightSmile Dental", "Keystone Dental PPO", "Coastal Dental Plan"],
         "vision": ["ClearView Vision", "Optica Vision Care", "WideEye Vision Plan"]}


def luhn_ok(s):
    tot = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix, rng, length):
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def npi_ok(s):
    return len(s) == 10 and s.isdigit() and luhn_ok("80840" + s)


def make_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    for c in "0123456789":
        if npi_ok(body + c):
            return body + c


MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    a = MBI_LET + "0123456789"
    n = "0123456789"
    return (rng.choice("123456789") + rng.choice(MBI_LET) + rng.choice(a) + rng.choice(n)
            + rng.choice(MBI_LET) + rng.choice(a) + rng.choice(n) + rng.choice(MBI_LET)
            + rng.choice(MBI_LET) + rng.choice(n) + rng.choice(n))


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def ssn_ok(s):
    return (len(s) == 9 and s.isdigit() and s[:3] not in ("000", "666") and s[0] != "9"
            and s[3:5] != "00" and s[5:] != "0000")


def make_ssn(rng):
    while True:
        s = "%03d%02d%04d" % (rng.randint(1, 772), rng.randint(1, 99), rng.randint(1, 9999))
        if ssn_ok(s):
            return s


def fmt_phone(p, rng):
    return rng.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s-%s-%s"]) % (p[:3], p[3:6], p[6:])


class Person:
    pass


def make_person(rng, origin, sex, dob_range=(1937, 1994)):
    o = ORIGINS[origin]
    p = Person()
    p.origin = origin
    p.sex = sex
    p.given = rng.choice(o["given_f" if sex == "f" else "given_m"])
    p.surname = rng.choice(o["surname"])
    mids = o["middle_f" if sex == "f" else "middle_m"]
    p.middle = rng.choice(mids) if mids and rng.random() < 0.4 else ""
    y = rng.randint(*dob_range)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    p.dob = datetime.date(y, m, d)
    return p


def age_of(dob):
    a = CALL_DATE.year - dob.year
    if (CALL_DATE.month, CALL_DATE.day) < (dob.month, dob.day):
        a -= 1
    return a


# ---------------------------------------------------------------------------------------------
# building records: pieces are plain text, ("S", text, meta) spans, ("N", text, what) negatives
M_OPEN, M_CLOSE = "\ue000", "\ue001"


def mark_base(k):
    return chr(0xE100 + k)


class Builder:
    def __init__(self):
        self.annots = []

    def marked(self, pieces):
        out = []
        for p in pieces:
            if isinstance(p, str):
                out.append(p)
            else:
                k = len(self.annots)
                self.annots.append(p)
                out.append(M_OPEN + mark_base(k) + p[1] + M_CLOSE)
        return "".join(out)

    def finish(self, marked_text):
        clean = []
        spans, negs = [], []
        nbytes = 0
        i = 0
        stack = None
        while i < len(marked_text):
            ch = marked_text[i]
            if ch == M_OPEN:
                stack = (ord(marked_text[i + 1]) - 0xE100, nbytes)
                i += 2
                continue
            if ch == M_CLOSE:
                k, st = stack
                a = self.annots[k]
                if a[0] == "S":
                    sp = {"start": st, "end": nbytes}
                    sp.update(a[2])
                    spans.append(sp)
                else:
                    negs.append({"start": st, "end": nbytes, "what": a[2]})
                stack = None
                i += 1
                continue
            clean.append(ch)
            nbytes += len(ch.encode("utf-8"))
            i += 1
        return "".join(clean), spans, negs


def S(text, entity, spoken, cue, form, value, **extra):
    meta = {"entity": entity, "spoken": spoken, "cue": cue, "form": form, "value": value}
    meta.update(extra)
    return ("S", text, meta)


def N(text, what):
    return ("N", text, what)


# ---------------------------------------------------------------------------------------------
# renderers: each returns (text, form, spoken); numeric ones are checked by decode_digits

class Ctx:
    def __init__(self, rng, raw):
        self.rng = rng
        self.raw = raw  # raw ASR style: lower case, no commas inside values
        self.agent = False  # a native-speaking agent reading back: no restarts or fillers

    def sep(self):
        return " " if self.raw else self.rng.choice([", ", ", ", " "])

    def dots(self):
        return " " if self.raw else self.rng.choice(["... ", "-- ", ", "])


def checked(render, digits, ctx, strict=True, tries=40):
    """Call render() until its words decode to the digits (suffix when restarted)."""
    for _ in range(tries):
        text, form, spoken = render()
        dec = decode_digits(text)
        if dec == digits or (not strict and dec.endswith(digits)):
            return text, form, spoken
    return digits_words(digits, ctx.rng), "digits_words_fallback", True


def r_digits_grouped(digits, groups, ctx, style, homo):
    """groups: lengths, e.g. (3,3,4). style: digits, pairs, double, mixed."""
    rng = ctx.rng
    parts, i = [], 0
    for g in groups:
        chunk = digits[i:i + g]
        i += g
        if style == "mixed":
            mode = rng.choice(["digits", "pairs", "digits"])
        else:
            mode = style
        parts.append(group_words(chunk, mode, rng, homo))
    return ctx.sep().join(parts)


def render_number(digits, groups, ctx, allow_written, written_fmt, fillers=True):
    """Spoken or ASR-written rendering of a digit string; returns (text, form, spoken)."""
    rng = ctx.rng

    def once():
        r = rng.random()
        homo = 0.0
        tag = ""
        if rng.random() < 0.35 and not ctx.agent:
            homo = 0.45
            tag = "_homophones"
        if allow_written and r < 0.16:
            return written_fmt(digits), "asr_written", False
        if r < 0.30:
            # mixed: ASR wrote part as digits, the caller's accented part as words
            k = groups[0]
            head = digits[:k] if rng.random() < 0.5 else digits_words(digits[:k], rng, homo)
            tail = digits[k:]
            if head[:1].isdigit():
                return (head + " " + r_digits_grouped(tail, groups[1:], ctx, "digits", homo),
                        "mixed_digits_words" + tag, True)
            spaced = " ".join(tail[j:j + g] for j, g in zip(_offs(groups[1:]), groups[1:]))
            return head + " " + spaced, "mixed_words_digits" + tag, True
        if r < 0.50:
            return r_digits_grouped(digits, groups, ctx, "pairs", homo), "pairs_hundreds" + tag, True
        if r < 0.60:
            return r_digits_grouped(digits, groups, ctx, "double", homo), "digits_double" + tag, True
        if r < 0.72:
            return r_digits_grouped(digits, groups, ctx, "mixed", homo), "mixed_pairs_digits" + tag, True
        if r < 0.86 and fillers and not ctx.agent:
            parts, i = [], 0
            for g in groups:
                parts.append(group_words(digits[i:i + g], rng.choice(["digits", "pairs"]), rng, homo))
                i += g
            fill = rng.choice(["uh", "um", "eh"])
            j = rng.randint(1, len(parts) - 1)
            parts.insert(j, fill)
            return " ".join(parts), "words_filler" + tag, True
        return r_digits_grouped(digits, groups, ctx, "digits", homo), "digits_words" + tag, True

    return checked(once, digits, ctx)


def _offs(groups):
    o, out = 0, []
    for g in groups:
        out.append(o)
        o += g
    return out


def render_restart(digits, groups, ctx):
    """The caller starts, loses the place and says it again: the span covers both tries."""
    rng = ctx.rng

    def once():
        k = groups[0] + rng.randint(1, groups[1])
        first = digits_words(digits[:k], rng)
        mode = rng.choice(["digits", "pairs"])
        again = r_digits_grouped(digits, groups, ctx, mode, 0.3 if rng.random() < 0.4 else 0.0)
        mid = ctx.dots() + (rng.choice(["sorry ", "no wait ", "uh ", "let me start again "])
                            if rng.random() < 0.6 else "")
        return first + mid + again, "restart_" + mode, True

    return checked(once, digits, ctx, strict=False)


def render_repeat_group(digits, groups, ctx):
    """Each group said twice, as a careful non-native speaker does: 'seven one three, seven one three'."""
    rng = ctx.rng

    def once():
        parts, i = [], 0
        for g in groups:
            w = group_words(digits[i:i + g], "digits", rng)
            i += g
            parts.append(w)
        j = rng.randrange(len(parts))
        parts[j] = parts[j] + ctx.sep() + parts[j]
        return ctx.sep().join(parts), "digits_group_repeated", True

    text, form, spoken = once()
    return text, form, spoken  # decodes to more digits than the value: not checked strictly


def render_phone(ph, ctx, allow_written=True):
    r = ctx.rng.random()
    if r < 0.14 and not ctx.agent:
        return render_restart(ph, (3, 3, 4), ctx)
    if r < 0.22 and not ctx.agent:
        return render_repeat_group(ph, (3, 3, 4), ctx)
    return render_number(ph, (3, 3, 4), ctx, allow_written, lambda d: fmt_phone(d, ctx.rng))


def render_ssn(ssn, ctx, allow_written=True):
    r = ctx.rng.random()
    if r < 0.12 and not ctx.agent:
        return render_restart(ssn, (3, 2, 4), ctx)
    return render_number(ssn, (3, 2, 4), ctx, allow_written,
                         lambda d: ctx.rng.choice(["%s-%s-%s", "%s %s %s"]) % (d[:3], d[3:5], d[5:]))


def render_last4(l4, ctx):
    rng = ctx.rng

    def once():
        r = rng.random()
        if r < 0.2:
            return l4, "last4_digits", False
        if r < 0.55:
            return two(int(l4[:2]), rng, 0.3) + " " + two(int(l4[2:]), rng, 0.3), "last4_pairs", True
        return digits_words(l4, rng, 0.3 if rng.random() < 0.4 else 0.0), "last4_words", True

    return checked(once, l4, ctx)


def render_zip(z, ctx, allow_written=True):
    rng = ctx.rng

    def once():
        r = rng.random()
        homo = 0.4 if rng.random() < 0.35 and not ctx.agent else 0.0
        tag = "_homophones" if homo else ""
        if allow_written and r < 0.15:
            return z, "asr_written", False
        if r < 0.40:
            # 77036 -> seventy seven oh thirty six ; 60641 -> sixty oh six forty one
            return two(int(z[:2]), rng, homo) + " " + three(z[2:], rng, homo), "pairs_hundreds" + tag, True
        if r < 0.50:
            return group_words(z, "double", rng, homo), "digits_double" + tag, True
        if r < 0.60 and not ctx.agent:
            k = rng.randint(2, 3)
            return (digits_words(z[:k], rng) + ctx.dots() + digits_words(z, rng, homo),
                    "restart_digits" + tag, True)
        return digits_words(z, rng, homo), "digits_words" + tag, True

    for _ in range(40):
        text, form, spoken = once()
        dec = decode_digits(text)
        if dec == z or (form.startswith("restart") and dec.endswith(z)):
            return text, form, spoken
    return digits_words(z, rng), "digits_words", True


def render_card(card, ctx, allow_written=True):
    groups = (4, 6, 5) if len(card) == 15 else (4, 4, 4, 4)
    r = ctx.rng.random()
    if r < 0.12 and not ctx.agent:
        return render_restart(card, groups, ctx)
    return render_number(card, groups, ctx, allow_written,
                         lambda d: " ".join(d[i:i + g] for i, g in zip(_offs(groups), groups)))


def render_mrn(mrn, ctx, allow_written=True):
    groups = {7: (3, 4), 8: (4, 4), 9: (3, 3, 3), 10: (3, 3, 4)}[len(mrn)]
    r = ctx.rng.random()
    if r < 0.12 and not ctx.agent:
        return render_restart(mrn, groups, ctx)
    return render_number(mrn, groups, ctx, allow_written, lambda d: d)


def render_npi(npi, ctx, allow_written=True):
    return render_number(npi, (3, 3, 4), ctx, allow_written, lambda d: d)


def spell_alnum(s, ctx, as_in_p):
    """Letters and digits of an ID: letters plain or 'as in', digits as words."""
    rng = ctx.rng
    out = []
    run = ""
    for c in s + " ":
        if c.isdigit():
            run += c
            continue
        if run:
            out.append(digits_words(run, rng) if rng.random() < 0.8 else
                       group_words(run, "pairs", rng) if len(run) % 2 == 0 else digits_words(run, rng))
            run = ""
        if c == " ":
            continue
        if rng.random() < as_in_p:
            out.append("%s as in %s" % (c.upper(), AS_IN[c.lower()]))
        else:
            out.append(c.upper() if not ctx.raw else c.lower())
    return ctx.sep().join(out) if rng.random() < 0.5 else " ".join(out)


def render_alnum_id(v, ctx, allow_written=True):
    rng = ctx.rng
    r = rng.random()
    if allow_written and r < 0.18:
        return v, "asr_written", False
    if r < 0.50:
        text, form = spell_alnum(v, ctx, 0.7), "alnum_as_in_words"
    elif r < 0.75:
        text, form = spell_alnum(v, ctx, 0.0), "alnum_letters_words"
    else:
        # ASR wrote the letters as one token and the digits as words
        letters = "".join(c for c in v if c.isalpha())
        digits = "".join(c for c in v if c.isdigit())
        if v[0].isalpha() and v[:len(letters)] == letters:
            text = letters + " " + r_digits_grouped(digits, _split3(len(digits)), ctx, "pairs", 0.3)
            form = "alnum_prefix_pairs"
        else:
            text, form = spell_alnum(v, ctx, 0.4), "alnum_as_in_words"
    return text, form, True


def _split3(n):
    out = []
    while n > 4:
        out.append(3)
        n -= 3
    out.append(n)
    return tuple(out)


def year_words(y, rng, homo=0.0):
    if y >= 2000:
        return "two thousand" + ("" if y == 2000 else " " + (ONES[y - 2000] if y < 2010 else two(y - 2000, rng)))
    return two(y // 100, rng) + " " + two(y % 100, rng, homo)


def render_date(d, ctx, allow_written=True, dob=True):
    """Spoken dates the way accented callers say them (day first, year first, numeric)."""
    rng = ctx.rng
    mon = MONTHS[d.month]
    Mon = mon if ctx.raw else mon.capitalize()
    yy = two(d.year % 100, rng)
    yfull = year_words(d.year, rng)
    r = rng.random()
    if allow_written and r < 0.14:
        return written_date(d, rng)
    if r < 0.26:
        return "%s %s %s" % (Mon, ORD[d.day], yfull), "m_ordinal_yfull", True
    if r < 0.38:
        day = ONES[d.day] if d.day < 10 else two(d.day, rng)
        return "%s %s%s%s" % (day, Mon, ctx.sep(), yfull), "dmy_cardinal_yfull", True
    if r < 0.48:
        return "the %s of %s%s%s" % (ORD[d.day], Mon, ctx.sep(), yfull if rng.random() < 0.6 else yy), \
            "the_d_of_m", True
    if r < 0.60:
        sep = ctx.sep()
        return "%s%s%s%s%s" % (two(d.month, rng), sep, _day_num(d.day, rng), sep,
                               yy if rng.random() < 0.5 else yfull), "num_mdy", True
    if r < 0.70:
        # year first, as Korean and Vietnamese callers often order it
        return "%s%s%s %s" % (yfull, ctx.sep(), Mon, _day_num(d.day, rng)), "ymd_spoken", True
    if r < 0.78 and not ctx.agent:
        return ("%s %s %s" % (Mon, _day_num(d.day, rng), year_words(d.year, rng, 0.6)),
                "m_d_year_homophones", True)
    if r < 0.86:
        sep = ctx.sep()
        return "%s%s%s%s%s" % (_day_num(d.day, rng), sep, two(d.month, rng), sep, yfull), "num_dmy", True
    if r < 0.93 and not ctx.agent:
        part = two(d.year // 100, rng)
        return ("%s%s%s%s%s" % (part, ctx.dots(), yfull, ctx.sep(), Mon + " " + ORD[d.day]),
                "restart_year_first", True)
    return "%s %s, %s" % (Mon, _day_num(d.day, rng), yy), "m_d_yy", True


MONTH_CAP = [m.capitalize() for m in MONTHS]


def written_date(d, rng, formats=("mdy_slash", "mdy_slash_short", "mdy_full", "mdy_ordinal")):
    """A date as smart formatting or an LLM writes it; returns (text, form, False)."""
    f = rng.choice(formats)
    if f == "mdy_slash":
        t = "%02d/%02d/%04d" % (d.month, d.day, d.year)
    elif f == "mdy_slash_short":
        t = "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    elif f == "mdy_full":
        t = "%s %d, %d" % (MONTH_CAP[d.month], d.day, d.year)
    elif f == "iso":
        t = d.isoformat()
    else:
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        t = "%s %d%s, %d" % (MONTH_CAP[d.month], d.day, suf, d.year)
    return t, "written_" + f, False


def _day_num(n, rng):
    if n < 10:
        return ONES[n] if rng.random() < 0.6 else "oh " + ONES[n]
    return two(n, rng)


def spell_name(word, ctx, style):
    """Letter-by-letter spelling of one name word."""
    rng = ctx.rng
    letters = [c for c in word.lower() if c.isalpha()]
    conn = rng.choice(["as in", "as in", "for", "like"]) if style == "as_in" else ""
    out = []
    for i, c in enumerate(letters):
        if style == "as_in":
            if rng.random() < 0.75 or c in "aeiou" and rng.random() < 0.5:
                out.append("%s %s %s" % (c if ctx.raw else c.upper(), conn, AS_IN[c]))
            else:
                out.append(c if ctx.raw else c.upper())
        elif style == "homophone":
            out.append(LETTER_WORD[c] if rng.random() < 0.8 else c)
        elif style == "dashes":
            out.append(c.upper())
        elif style == "dotted":
            out.append(c + ".")
        else:
            out.append(c if ctx.raw else c.upper())
    if style == "dashes":
        return "-".join(out), "spelled_dashes"
    if style == "as_in":
        return (", " if not ctx.raw else " ").join(out), "spelled_as_in"
    if style == "homophone":
        return " ".join(out), "spelled_letter_homophones"
    if style == "dotted":
        return " ".join(out), "spelled_dotted"
    return " ".join(out), "spelled_letters"


def email_for(p, rng, owner_given=None):
    g = (owner_given or p.given).lower().replace("-", "")
    s = p.surname.lower().replace("-", "").replace(" ", "")
    n = str(p.dob.year % 100) if rng.random() < 0.5 else str(rng.randint(1, 99))
    local = rng.choice(["%s.%s" % (g, s), "%s%s" % (g, n), "%s.%s%s" % (g, s, n), "%s_%s" % (s, g),
                        "%s%s%s" % (g[0], s, n)])
    return "%s@%s" % (local, rng.choice(EMAIL_DOMAINS))


def say_local_part(local, ctx, spell_p):
    rng = ctx.rng
    out = []
    for piece in re.findall(r"[a-z]+|\d+|[._]", local):
        if piece == ".":
            out.append("dot")
        elif piece == "_":
            out.append("underscore")
        elif piece.isdigit():
            out.append(digits_words(piece, rng, 0.3) if rng.random() < 0.6 else two(int(piece), rng)
                       if len(piece) == 2 else digits_words(piece, rng))
        elif rng.random() < spell_p:
            if rng.random() < 0.5:
                out.append(piece + " " + " ".join(piece))
            else:
                out.append(spell_name(piece, ctx, "as_in")[0])
        else:
            out.append(piece)
    return " ".join(out)


def render_email(e, ctx, allow_written=True):
    rng = ctx.rng
    local, dom = e.split("@")
    name, tld = dom.rsplit(".", 1)
    r = rng.random()
    if allow_written and r < 0.20:
        return e, "asr_written", False
    dom_said = {"gmail": rng.choice(["gmail", "g mail", "gee mail"]), "yahoo": "yahoo",
                "hotmail": rng.choice(["hotmail", "hot mail"]), "outlook": rng.choice(["outlook", "out look"]),
                "icloud": rng.choice(["icloud", "i cloud", "eye cloud"]), "aol": rng.choice(["aol", "a o l"])}[name]
    at = rng.choice(["at", "at", "at the rate"]) if rng.random() < 0.8 else "at sign"
    if r < 0.45:
        return "%s %s %s dot %s" % (say_local_part(local, ctx, 0.0), at, dom_said, tld), "email_words", True
    if r < 0.80:
        return "%s %s %s dot %s" % (say_local_part(local, ctx, 0.9), at, dom_said, tld), "email_spelled", True
    # the engine glued part of it back together
    return "%s %s %s.%s" % (say_local_part(local, ctx, 0.3), at, name, tld), "email_mixed_written_domain", True


def render_street(house, street, unit, ctx, allow_written=True):
    rng = ctx.rng
    r = rng.random()
    if allow_written and r < 0.15:
        w = street
        for k, v in STREET_ABBR.items():
            w = w.replace(k, v)
        if unit:
            w += rng.choice([" Apt %s", ", Apt %s", " #%s", " Unit %s"]) % unit
        return "%s %s" % (house, w), "asr_written", False
    st = street.lower() if ctx.raw else street
    if r < 0.55 and len(house) == 4:
        hw = two(int(house[:2]), rng) + " " + two(int(house[2:]), rng)
        form = "house_pairs"
    elif r < 0.70 and len(house) == 3:
        hw = three(house, rng)
        form = "house_hundreds"
    else:
        hw = digits_words(house, rng, 0.3 if rng.random() < 0.4 else 0.0)
        form = "house_digits"
    txt = "%s %s" % (hw, st)
    if unit:
        u = "".join((digits_words(c, rng) if c.isdigit() else (c.lower() if ctx.raw else c)) + " "
                    for c in unit).strip() if rng.random() < 0.6 else (three(unit, rng) if unit.isdigit()
                                                                      and len(unit) == 3 else unit)
        txt += rng.choice([" apartment ", " apt ", " unit ", " number "]) + u
        form += "_unit"
    return txt, form, True


# ---------------------------------------------------------------------------------------------
# carrier exchanges from MTS-Dialog (CC BY 4.0): short doctor-patient turns with no digits and no
# capitalised word after the first of each sentence (so no names or places of their own)

def load_carrier(carrier_dir):
    path = os.path.join(carrier_dir, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["section_header"] not in ("GENHX", "ROS", "CC", "MEDICATIONS", "ALLERGY"):
                continue
            d = row["dialogue"]
            if re.search(r"\d", d):
                continue
            lines = [l.strip() for l in d.split("\n") if l.strip()]
            if not 2 <= len(lines) <= 6:
                continue
            turns = []
            bad = False
            for l in lines:
                if not l.startswith(("Doctor:", "Patient:")):
                    bad = True
                    break
                who, body = l.split(":", 1)
                body = " ".join(body.split())
                if not body or len(body) > 200:
                    bad = True
                    break
                for m in re.finditer(r"\b[A-Z][a-z]+", body):
                    pre = body[:m.start()].rstrip()
                    if pre and pre[-1] not in ".?!" and m.group() not in ("I", "I'm", "I've"):
                        bad = True
                if re.search(r"\b(Dr|Mr|Mrs|Ms|Miss|doctor [A-Z])\b", body):
                    bad = True
                turns.append((who.lower(), body))
            if not bad and turns[0][0] == "doctor":
                out.append(turns)
    return out


# ---------------------------------------------------------------------------------------------
# the calls

class Call:
    """A conversation under construction: turns of (role, pieces)."""

    def __init__(self, rng, raw):
        self.rng = rng
        self.ctx = Ctx(rng, raw)
        self.turns = []
        self.summary = []   # pieces of an LLM summary (JSON records)
        self.fields = {}    # structured-data fields: key -> pieces

    def t(self, role, *pieces):
        self.turns.append((role, list(pieces)))

    def low(self, s):
        return s.lower() if self.ctx.raw else s


def name_str(p, with_middle=False):
    parts = [p.given] + ([p.middle] if with_middle and p.middle else []) + [p.surname]
    return " ".join(parts)


def korean_order(p):
    return "%s %s" % (p.surname, p.given)


def name_piece(call, p, cue, full=True, allow_misheard=True, order=None):
    rng = call.rng
    if order is None:
        order = "family_first" if p.origin in ("vietnamese", "korean") and rng.random() < 0.35 else "given_first"
    mis = ORIGINS[p.origin]["misheard"]
    if full:
        if order == "family_first":
            v = "%s %s%s" % (p.surname, (p.middle + " ") if p.middle else "", p.given)
            form = "name_family_first"
        else:
            v = name_str(p, with_middle=rng.random() < 0.5)
            form = "name_full"
        if allow_misheard and p.surname in mis and rng.random() < 0.35:
            v = v.replace(p.surname, mis[p.surname])
            form = "name_asr_misheard"
    else:
        v = p.given
        form = "name_given"
    if call.ctx.raw:
        v = v.lower()
        form += "_lower"
    return S(v, "NAME", True, cue, form, v)


def spelled_piece(call, word, cue):
    rng = call.rng
    style = rng.choice(["as_in", "as_in", "as_in", "homophone", "letters", "dashes", "dotted"])
    if call.ctx.raw and style in ("dashes", "dotted"):
        style = "letters"
    text, form = spell_name(word, call.ctx, style)
    if call.ctx.raw:
        text = text.lower()
    return S(text, "NAME", True, cue, form, word)


def interp_intro(call, lang):
    rng = call.rng
    iname = rng.choice(INTERPRETERS[lang])
    iid = "%d" % rng.randint(10000, 999999)
    said = rng.random()
    if said < 0.4:
        idt = digits_words(iid, rng)
    elif said < 0.7 and len(iid) == 6:
        idt = two(int(iid[:2]), rng) + " " + two(int(iid[2:4]), rng) + " " + two(int(iid[4:]), rng)
    else:
        idt = iid
    intro = rng.choice(["%s interpreter, my name is " % lang, "Hello, this is the %s interpreter " % lang,
                        "Hi, %s interpreter " % lang])
    call.t("interpreter", call.low(intro),
           S(iname if not call.ctx.raw else iname.lower(), "NAME", True, "same", "name_interpreter_first",
             iname, neutral=True),
           call.low(rng.choice([", interpreter ID number ", ", my ID is ", ", ID ", ". My interpreter number is "])),
           N(idt, "interpreter_id"), call.low(rng.choice([". Go ahead please.", ", how can I help?",
                                                           ". Please speak in first person... go ahead."])))
    return iname, iid


def relay(call, interp, turn_pieces, third_person_cue, patient_lang):
    """A patient turn relayed by the interpreter: the patient's line is not English."""
    rng = call.rng
    if interp:
        call.t("patient", rng.choice(["(speaking %s)" % patient_lang, "[foreign]", "[inaudible]",
                                      "(%s)" % patient_lang.lower(), "[speaking foreign language]"]))
        call.t("interpreter", *turn_pieces)
    else:
        call.t("caller", *turn_pieces)


def neg_time(call):
    rng = call.rng
    h = rng.choice([8, 9, 10, 11, 1, 2, 3, 4])
    m = rng.choice([0, 15, 30, 45])
    r = rng.random()
    if r < 0.35:
        return "%d:%02d %s" % (h, m, "AM" if h >= 8 else "PM")
    mw = {0: rng.choice(["o'clock", ""]), 15: "fifteen", 30: "thirty", 45: "forty five"}[m]
    s = ONES[h] if h < 10 else TEENS[h - 10]
    s = (s + " " + mw).strip()
    if rng.random() < 0.4:
        s += rng.choice([" in the morning", " a m"]) if h >= 8 else rng.choice([" p m", " in the afternoon"])
    return s


def neg_appt_date(call):
    rng = call.rng
    day = rng.randint(12, 30)
    mon = rng.choice(["March", "April"])
    r = rng.random()
    if r < 0.3:
        return "%s the %s" % (rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]), ORD[day])
    if r < 0.6:
        return "%s %s" % (mon, ORD[day])
    if r < 0.8:
        return "%s %d" % (mon, day)
    return "next %s" % rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])


def money_words(n, rng):
    if rng.random() < 0.3:
        return "$%s" % format(n, ",")
    if n >= 1000:
        th, rest = divmod(n, 1000)
        s = ONES[th] + " thousand" + ((" " + _hundreds_words(rest, rng)) if rest else "")
    else:
        s = _hundreds_words(n, rng)
    return s + " dollars"


def _hundreds_words(n, rng):
    h, rest = divmod(n, 100)
    s = ""
    if h:
        s = ("a" if h == 1 and rng.random() < 0.5 else ONES[h]) + " hundred"
    if rest:
        s += (" and " if s and rng.random() < 0.4 else " " if s else "") + (
            TEENS[rest - 10] if 10 <= rest < 20 else (TENS[rest // 10] + (" " + ONES[rest % 10] if rest % 10 else ""))
            if rest >= 20 else ONES[rest])
    return s.strip()


def ref_number(rng):
    r = rng.random()
    n = "".join(rng.choice("0123456789") for _ in range(rng.randint(8, 12)))
    if r < 0.4:
        return digits_words(n, rng)
    if r < 0.6:
        return " ".join(two(int(n[i:i + 2]), rng) for i in range(0, len(n) - 1, 2)) + \
            ("" if len(n) % 2 == 0 else " " + ONES[int(n[-1])])
    return rng.choice(["", "R", "REF", "C"]) + n


def build_call(rng, kind, carrier, raw):
    call = Call(rng, raw)
    ctx = call.ctx
    L = call.low
    origin = rng.choice(sorted(ORIGINS))
    sex = rng.choice("fm")
    elderly = kind in ("eligibility", "vision") and rng.random() < 0.5
    pat = make_person(rng, origin, sex, (1937, 1959) if elderly else (1940, 1998))
    lang = ORIGINS[origin]["lang"]
    interp = bool(lang) and rng.random() < 0.38
    third = rng.random() < 0.30 and not interp
    rel = None
    caller = pat
    rel_of = None
    if third:
        rel = rng.choice(["daughter", "son", "daughter", "niece", "spouse"])
        if rel == "spouse":
            rel = "husband" if pat.sex == "f" else "wife"
            rel_of = "wife" if pat.sex == "f" else "husband"
            caller = make_person(rng, origin, "m" if pat.sex == "f" else "f", (1937, 1965))
            caller.surname = pat.surname
        else:
            caller = make_person(rng, origin, "f" if rel in ("daughter", "niece") else "m", (1962, 1999))
            if rng.random() < 0.7:
                caller.surname = pat.surname
            pat.dob = pat.dob.replace(year=min(pat.dob.year, 1960))
            rel_of = {"daughter": "mother", "son": "mother", "niece": "aunt"}[rel] if pat.sex == "f" else \
                {"daughter": "father", "son": "father", "niece": "uncle"}[rel]
    place = rng.choice(PLACES)
    city, state, zipc, area, streets = place
    phone = area + "555" + "01" + "%02d" % rng.randint(0, 99)
    alt_phone = rng.choice(["917", "646", "832", "657", "347"]) + "555" + "01" + "%02d" % rng.randint(0, 99)
    house = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999)]))
    unit = rng.choice(["", "", "3B", "214", "2", "12C", "507"])
    street = rng.choice(streets)
    ssn = make_ssn(rng)
    mrn = str(rng.randint(10 ** (7 - 1), 10 ** 10 - 1))[:rng.choice([7, 8, 8, 9, 10])]
    member = rng.choice(["%s%09d" % ("".join(rng.choice("ABCHJKMRTWXZ") for _ in range(3)), rng.randint(0, 10 ** 9 - 1)),
                         "%s%08d" % (rng.choice("ABHKMUWZ"), rng.randint(0, 10 ** 8 - 1)),
                         "%d%s%d" % (rng.randint(10, 99), "".join(rng.choice("ABCDEFGHJK") for _ in range(2)),
                                     rng.randint(100000, 999999))])
    mbi = make_mbi(rng)
    card = rng.choice([luhn_complete("4", rng, 16), luhn_complete(rng.choice(["51", "52", "53", "54", "55"]), rng, 16),
                       luhn_complete(rng.choice(["34", "37"]), rng, 15), luhn_complete("6011", rng, 16)])
    email_owner = caller
    email = email_for(email_owner, rng)
    agent = rng.choice(AGENTS)
    doctor = rng.choice(DOCTORS)
    plan = rng.choice(PLANS.get(kind, ["Tri-County Community Health"]))
    state_info = dict(pat=pat, caller=caller, phone=phone, email=email, mrn=mrn, member=member, ssn=ssn,
                      card=card, mbi=mbi, zip=zipc, city=city, agent=agent, interp=interp, rel=rel)
    they = "she" if pat.sex == "f" else "he"
    their = "her" if pat.sex == "f" else "his"
    def ask(text):
        call.t("agent", L(text))

    def answer(*pieces):
        """Caller's answer; relayed through the interpreter when there is one."""
        if interp:
            relay(call, True, list(pieces), True, lang)
        else:
            call.t("caller", *pieces)

    def val(entity, value, cue, written_ok=True, date=None, agent=False):
        ctx.agent = agent
        try:
            return _val(entity, value, cue, written_ok, date)
        finally:
            ctx.agent = False

    def _val(entity, value, cue, written_ok=True, date=None):
        if entity in ("PHONE", "SSN", "ZIP", "CARD", "MRN", "NPI"):
            text, form, sp = {"PHONE": render_phone, "SSN": render_ssn, "ZIP": render_zip, "CARD": render_card,
                              "MRN": render_mrn, "NPI": render_npi}[entity](value, ctx, written_ok)
        elif entity in ("DOB", "DATE"):
            text, form, sp = render_date(date, ctx, written_ok)
            value = date.isoformat()
        elif entity in ("MEMBER_ID", "MBI"):
            text, form, sp = render_alnum_id(value, ctx, written_ok)
        elif entity == "EMAIL":
            text, form, sp = render_email(value, ctx, written_ok)
        else:
            raise ValueError(entity)
        if ctx.raw and sp:
            text = text.lower()
        return S(text, entity, sp, cue, form, value)

    # ---- opening
    org = {"eligibility": plan, "dental": plan, "vision": plan, "scheduling": "Tri-County Family Clinic",
           "labs": "Tri-County Family Clinic"}[kind]
    if kind == "labs":
        call.t("agent", L("Hi, this is "), S(L(agent), "NAME", True, "same", "name_agent_first", L(agent)),
               L(", a nurse calling from %s with %s lab results. Am I speaking with " % (org, "the")),
               name_piece(call, pat, "same", allow_misheard=False), L("?"))
        if interp:
            call.t("caller", L(rng.choice(["Hello? ... yes, yes. Wait. I need the %s please." % lang,
                                           "Sorry, English not good. %s, %s please." % (lang, lang)])))
            ask("Okay, one moment, I'm going to connect %s %s interpreter." % ("an" if lang[0] in "AEIOU" else "a", lang))
            interp_intro(call, lang)
            ask("Hi, thank you. Can you please verify the patient's date of birth for me?")
        elif third:
            call.t("caller", L("No, this is %s %s. " % ("her" if pat.sex == "f" else "his", rel)),
                   L(rng.choice(["My name is ", "I am ", "It's "])), name_piece(call, caller, "same", full=rng.random() < 0.6),
                   L(". %s is not good with English, I handle %s calls." % (they.capitalize(), their)))
            ask("Okay. Is %s there with you? I need %s permission, or you need to be on the release form." % (they, their))
            call.t("caller", L("Yes, I am on the form. %s is right here, %s said it's okay." % (they.capitalize(), they)))
            ask("Alright. Can you verify %s date of birth?" % their)
        else:
            call.t("caller", L(rng.choice(["Yes, yes this is me.", "Yes, speaking.", "Yes. Who is calling? ... Oh okay."])))
            ask("Great. For your privacy, can you verify your date of birth?")
    else:
        opener = {"eligibility": "Thank you for calling %s member services, my name is " % org,
                  "dental": "Thank you for calling %s, this is " % org,
                  "vision": "Thanks for calling %s, my name is " % org,
                  "scheduling": "%s, this is " % org}[kind]
        if rng.random() < 0.35:
            call.t("system", L(rng.choice(["For English, press one. Para español, oprima el ", "This call may be recorded. For pharmacy, press "])),
                   N(rng.choice(["dos", "two", "three"]), "menu_option"), L(". For all other languages, press "),
                   N(rng.choice(["nine", "four"]), "menu_option"), L("."))
        call.t("agent", L(opener), S(L(agent), "NAME", True, "same", "name_agent_first", L(agent)),
               L(rng.choice([". How can I help you?", ". How may I help you today?", ", who am I speaking with?"])))
        if interp:
            call.t("caller", L(rng.choice(["Hello. I... %s. %s please." % (lang, lang), "%s interpreter please. Thank you." % lang])))
            ask("Sure, please hold while I get %s %s interpreter on the line." % ("an" if lang[0] in "AEIOU" else "a", lang))
            interp_intro(call, lang)
            ask("Thank you. Can I have the member's full name please?")
            call.t("patient", rng.choice(["(speaking %s)" % lang, "[foreign]"]))
            call.t("interpreter", L(rng.choice(["The patient says her name is ", "His name is ", "My name is ",
                                                "She says "])), name_piece(call, pat, "same"), L("."))
        elif third:
            pieces = [L(rng.choice(["Hello, yes. ", "Hi. ", "Yes hello. "]))]
            if rng.random() < 0.4:
                pieces += [name_piece(call, caller, "none"), L(". ")]
            else:
                pieces += [L("My name is "), name_piece(call, caller, "same"), L(". ")]
            pieces += [L("I am calling for my %s, " % rel_of), name_piece(call, pat, "same"),
                       L(". %s speaks %s, I help %s with the phone." % (they.capitalize(), lang or "Yoruba", "her" if pat.sex == "f" else "him"))]
            call.t("caller", *pieces)
            if rng.random() < 0.5:
                call.t("agent", L("Okay, and are you listed as an authorized representative?"))
                call.t("caller", L("Yes. Last year we did the form."))
        else:
            if rng.random() < 0.35:
                call.t("caller", L("Yes hello. "), name_piece(call, pat, "none"), L(". "),
                       val("DOB", None, "none", date=pat.dob), L(". I am calling about %s." % {
                           "eligibility": "my insurance, is it active", "dental": "my dental, what is covered",
                           "vision": "glasses, the benefit", "scheduling": "appointment"}[kind]))
                state_info["dob_done"] = True
            else:
                call.t("caller", L("Hello. My name is "), name_piece(call, pat, "same"),
                       L(rng.choice([". I call about my insurance.", ", I need to ask something.",
                                     ". I want to make appointment."])))
        # spell the last name
        if rng.random() < 0.75:
            ask("Can you spell the last name for me?" if not (third or interp) else
                "Can you spell %s last name please?" % their)
            sname = pat.surname.replace(" ", "").replace("-", "")
            sp = spelled_piece(call, sname, "prev")
            if rng.random() < 0.3 and not interp:
                call.t("caller", L(rng.choice(["Yes, ", "Okay, "])), sp, L(ctx.dots()),
                       L(rng.choice(["Sorry, again: ", "I say again, ", "Again, "])),
                       spelled_piece(call, sname, "prev"))
            else:
                answer(sp)
            if rng.random() < 0.5:
                call.t("agent", L("Thank you, so that's "), S(L(pat.surname), "NAME", True, "prev", "name_surname_readback",
                                                           L(pat.surname)), L(", got it."))
    # ---- date of birth
    if not state_info.get("dob_done"):
        if kind != "labs":
            ask(rng.choice(["And the date of birth?", "What's the date of birth on the account?",
                            "Can I get %s date of birth?" % ("her" if pat.sex == "f" and (third or interp) else "his" if third or interp else "your")]))
        r = rng.random()
        if interp and r < 0.6:
            call.t("patient", rng.choice(["(speaking %s)" % lang, "[foreign]"]))
            call.t("interpreter", L(rng.choice(["The patient says %s birthday is " % their, "My date of birth is ",
                                                "%s says %s was born " % (they.capitalize(), they), "Birthday, "])),
                   val("DOB", None, "same", date=pat.dob))
        elif interp:
            call.t("patient", L(rng.choice(["uh ", "English? Okay. "])), val("DOB", None, "prev", date=pat.dob, written_ok=False))
            call.t("interpreter", L("The patient said it in English."))
        elif r < 0.5:
            call.t("caller", val("DOB", None, "prev", date=pat.dob))
        else:
            mine = ["Birthday is ", "My birthday is ", "Date of birth ", "I was born "]
            theirs = ["%s birthday is " % their.capitalize(), "%s date of birth, " % their.capitalize(),
                      "%s was born " % they.capitalize(), "Birthday is "]
            call.t("caller", L(rng.choice(theirs if third else mine)), val("DOB", None, "same", date=pat.dob))
        if rng.random() < 0.45:
            call.t("agent", L(rng.choice(["Let me repeat: ", "I have ", "Okay, I have "])),
                   val("DOB", None, "prev", date=pat.dob, agent=True), L(rng.choice(["?", ", is that correct?", "."])))
            answer(L(rng.choice(["Yes. Correct.", "Yes, that's right.", "Yes yes."])))
        if rng.random() < 0.3:
            a = age_of(pat.dob)
            call.t("agent", L("So %s %s " % (they if (third or interp) else "you", "is" if (third or interp) else "are")),
                   N(two(a, rng) if a >= 10 else ONES[a], "age"), L(" years old, right?"))
            answer(L("Yes."))
    # ---- per call type
    if kind == "labs":
        call.t("agent", L("Thank you. I'm calling about the blood work Dr. "),
               S(L(doctor), "NAME", True, "same", "name_provider_title", L(doctor)), L(" ordered last week."))
        lab = rng.choice([("hemoglobin A one C", "seven point four"), ("potassium", "three point one"),
                          ("TSH", "six point two"), ("vitamin D", "eighteen"), ("LDL cholesterol", "one sixty two")])
        call.t("agent", L("Your %s came back at " % lab[0] if not (third or interp) else "The %s came back at " % lab[0]),
               N(L(lab[1]), "lab_value"), L(", which is out of the normal range, so the doctor wants to adjust the medication."))
        if carrier and rng.random() < 0.6:
            ex = rng.choice(carrier)
            for who, body in ex:
                if who == "doctor":
                    call.t("agent", L(body))
                else:
                    if interp:
                        call.t("patient", "(speaking %s)" % lang)
                        call.t("interpreter", L(body))
                    else:
                        call.t("caller", L(body))
        dose, freq = rng.choice([("five hundred milligrams", " twice a day"), ("twenty five micrograms", " once a day"),
                                 ("ten milligrams", " once a day"), ("fifty thousand units", " once a week"),
                                 ("one thousand milligrams", " twice a day"), ("twenty milligrams", " at night")])
        call.t("agent", L("The doctor wants %s to take " % ("you" if not third else "her" if pat.sex == "f" else "him")), N(L(dose), "dose"),
               L(freq), L(" and recheck in "),
               N(L(rng.choice(["three months", "six weeks", "two weeks"])), "duration"), L("."))
        if rng.random() < 0.5:
            dd = CALL_DATE - datetime.timedelta(days=rng.randint(10, 60))
            answer(L(rng.choice(["Okay. Also, I was in the hospital, they let me go home on ",
                                 "Okay. The hospital discharged me on "])), val("DATE", None, "same", date=dd),
                   L(". Is that why the number is bad?"))
            call.t("agent", L("It could be related. I'll put a note for the doctor."))
        if rng.random() < 0.5:
            ask("I see your chart here. Let me confirm, medical record number ")
            call.turns[-1][1].append(val("MRN", mrn, "same", agent=True))
            call.turns[-1][1].append(L(", is that you?"))
            answer(L("I don't know the number, but yes."))
        else:
            ask("Do you have the letter from the clinic? There is a medical record number at the top, can you read it to me?")
            answer(L(rng.choice(["Wait, I get the paper. ... Okay. ", "Yes, one minute. ", ""])), val("MRN", mrn, "prev"))
            if rng.random() < 0.5:
                call.t("agent", L("Thank you, "), val("MRN", mrn, "prev", agent=True), L(", that matches."))
        if rng.random() < 0.8:
            ask("What is the best phone number to call you back if the doctor has questions?")
            if rng.random() < 0.5:
                answer(val("PHONE", alt_phone if third else phone, "prev"))
            else:
                answer(L(rng.choice(["My cell is ", "Call my phone, the number is ", "Number is "])),
                       val("PHONE", alt_phone if third else phone, "same"))
            if rng.random() < 0.5:
                call.t("agent", L("Got it, "), val("PHONE", alt_phone if third else phone, "prev", agent=True), L("."))
        if rng.random() < 0.5:
            ask("Would you like the results sent to your patient portal email?")
            answer(L(rng.choice(["Yes, the email is ", "Yes. Email "])), val("EMAIL", email, "same"))
        call.t("agent", L("You can come to the lab any weekday from "), N(L(rng.choice(["seven a m", "7:00 AM", "seven thirty"])), "time"),
               L(". If you feel chest pain or trouble breathing call "), N(L(rng.choice(["nine one one", "911"])), "emergency_number"), L("."))
    elif kind == "scheduling":
        if rng.random() < 0.35:
            ask("Have you been seen here before?")
            answer(L("Yes, last year. I have the card from the clinic, "),
                   L(rng.choice(["the number on it is ", "it says MRN ", "chart number "])), val("MRN", mrn, "same"))
            if rng.random() < 0.5:
                call.t("agent", L("Let me pull that up. "), val("MRN", mrn, "prev", agent=True), L("... yes, I have you."))
        elif rng.random() < 0.75:
            ask("Are you a new patient with us?")
            answer(L("Yes, new. We moved here "), N(L(rng.choice(["two months", "three weeks", "one year"])), "duration"), L(" ago."))
            ask("Okay, what is the home address?")
            st_text, st_form, st_sp = render_street(house, street, unit, ctx)
            if ctx.raw and st_sp:
                st_text = st_text.lower()
            answer(S(st_text, "STREET", st_sp, "prev", st_form, _street_value(house, street, unit)),
                   L(ctx.sep()), S(L(city), "CITY", True, "prev", "city", L(city)), L(ctx.sep()),
                   val("ZIP", zipc, "prev"))
            if rng.random() < 0.4:
                ask("Zip code again? I want to make sure.")
                answer(L(rng.choice(["Zip is ", "It's ", ""])), val("ZIP", zipc, "same" if rng.random() < 0.5 else "prev"))
        ask("And a phone number?")
        answer(val("PHONE", phone, "prev"))
        if rng.random() < 0.5:
            call.t("agent", L("Let me read it back: "), val("PHONE", phone, "prev", agent=True))
            answer(L(rng.choice(["No, no. ", "Not correct. "])), val("PHONE", phone, "prev"),
                   L(rng.choice(["", ". Slowly."])))
        if rng.random() < 0.6:
            ask("Do you have insurance? I need the member ID on the card.")
            answer(L(rng.choice(["Yes, the member ID is ", "The card says ", "ID number "])), val("MEMBER_ID", member, "same"))
        if rng.random() < 0.45:
            ask("Some plans ask for it, can I get the last four of the social?")
            answer(last4_piece(ctx, ssn, "prev"))
        if rng.random() < 0.5:
            ask("And an email for the reminders?")
            answer(val("EMAIL", email, "prev"))
        call.t("agent", L("Okay, the first opening with Dr. "), S(L(doctor), "NAME", True, "same", "name_provider_title", L(doctor)),
               L(" is "), N(L(neg_appt_date(call)), "appointment_date"), L(" at "), N(L(neg_time(call)), "time"),
               L(". Please come "), N(L(rng.choice(["fifteen minutes", "twenty minutes", "half an hour"])), "duration"),
               L(" early."))
        if interp:
            call.t("interpreter", L("Is there a %s speaking doctor? %s asks." % (lang, they.capitalize())))
            call.t("agent", L("We will have an interpreter at the visit."))
        if rng.random() < 0.5:
            call.t("agent", L("There is a past balance of "), N(L(money_words(rng.choice([35, 40, 75, 120, 210]), rng)), "money"),
                  L(" from the last visit. Would you like to pay that today?"))
            answer(L("Yes, with card. "), val("CARD", card, "same" if rng.random() < 0.5 else "none"))
            if rng.random() < 0.5:
                ask("And the expiration and the security code?")
                answer(L(rng.choice(["Oh nine, twenty seven. Code is four four one.", "Twelve twenty six. Three digits, eight oh two."])))
            call.t("agent", L("Thank you, your confirmation number is "), N(L(ref_number(rng)), "confirmation_number"), L("."))
    elif kind == "eligibility":
        if rng.random() < 0.7:
            ask("Can I have the member ID from the card?")
            answer(val("MEMBER_ID", member, "prev"))
            if rng.random() < 0.4:
                call.t("agent", L("I'm sorry, the line is breaking up. Can you repeat?"))
                answer(val("MEMBER_ID", member, "prev"))
        else:
            ask("I can look it up with the social security number.")
            answer(L(rng.choice(["Social is ", "Social security ", "My social "])), val("SSN", ssn, "same"))
            if rng.random() < 0.4:
                call.t("agent", L("Thank you, I have "), val("SSN", ssn, "prev", agent=True), L("."))
        if age_of(pat.dob) >= 65 and rng.random() < 0.7:
            ask("Do you have the red white and blue Medicare card? I need the Medicare number.")
            answer(L(rng.choice(["Yes, it is ", "The Medicare number is ", "Okay, Medicare, "])), val("MBI", mbi, "same"))
        call.t("agent", L("Okay, the plan is active. The primary care copay is "), N(L(money_words(rng.choice([0, 10, 20, 25, 30]) or 15, rng)), "money"),
               L(", specialist "), N(L(money_words(rng.choice([40, 50, 60]), rng)), "money"), L(", and the deductible is "),
               N(L(money_words(rng.choice([500, 1000, 1500, 250]), rng)), "money"), L("."))
        if rng.random() < 0.5:
            answer(L("My doctor office said I am not active. They sent me a bill of "),
                   N(L(money_words(rng.choice([180, 240, 96]), rng)), "money"), L("."))
            call.t("agent", L("I see a claim here, claim number "), N(L(ref_number(rng)), "claim_number"),
                   L(". It was denied for coordination of benefits. You "), N(L("may"), "common_word"),
                   L(" need to call us back after the provider resubmits."))
        if rng.random() < 0.6:
            ask("Is the address on file still good? I have a zip code of ")
            call.turns[-1][1].append(val("ZIP", zipc, "same", agent=True))
            call.turns[-1][1].append(L("."))
            answer(L(rng.choice(["Yes.", "Yes, same house."])))
        if rng.random() < 0.6:
            ask("And the best callback number?")
            answer(val("PHONE", alt_phone if third else phone, "prev"))
        call.t("agent", L("Your reference number for today's call is "), N(L(ref_number(rng)), "reference_number"),
               L(". If you have more questions you can also call extension "), N(L(rng.choice(["two oh four", "four one one", "3120"])), "extension"), L("."))
    elif kind == "dental":
        ask("Can I have the subscriber ID?")
        answer(val("MEMBER_ID", member, "prev"))
        if rng.random() < 0.5:
            ask("And for verification, the last four of the social?")
            answer(last4_piece(ctx, ssn, "prev"))
        call.t("agent", L("You are covered for "), N(L(rng.choice(["two cleanings", "two exams and two cleanings"])), "count"),
               L(" per calendar year at "), N(L(rng.choice(["a hundred percent", "one hundred percent"])), "percentage"),
               L(". Fillings are covered at "), N(L(rng.choice(["eighty percent", "seventy percent"])), "percentage"),
               L(", and crowns at "), N(L("fifty percent"), "percentage"), L(" after a "), N(L(rng.choice(["six month", "twelve month"])), "duration"),
               L(" waiting period. The annual maximum is "), N(L(money_words(rng.choice([1000, 1500, 2000]), rng)), "money"), L("."))
        answer(L("The dentist said the crown is "), N(L(money_words(rng.choice([1200, 950, 1350]), rng)), "money"),
               L(". They want me to pay now."))
        if rng.random() < 0.6:
            call.t("agent", L("I can take a payment for the outstanding premium of "), N(L(money_words(rng.choice([38, 42, 64]), rng)), "money"),
                   L(" if you'd like. What card would you like to use?"))
            answer(val("CARD", card, "prev"))
            if rng.random() < 0.4:
                call.t("agent", L("I'm sorry, I got "), val("CARD", card, "prev", agent=True), L(", is that right?"))
                answer(L("Yes."))
        if rng.random() < 0.6:
            ask("Can I email you the explanation of benefits?")
            answer(L(rng.choice(["Yes, my email is ", "Yes. It is ", "Email "])), val("EMAIL", email, "same" if rng.random() < 0.6 else "prev"))
        if rng.random() < 0.4:
            ask("Is the phone number still ")
            call.turns[-1][1].append(val("PHONE", phone, "same", agent=True))
            call.turns[-1][1].append(L("?"))
            answer(L("No, change it. New number: "), val("PHONE", alt_phone, "same"))
    elif kind == "vision":
        ask("Can I have the member ID or the social security number?")
        if rng.random() < 0.5:
            answer(L("Social security, "), val("SSN", ssn, "same"))
        else:
            answer(val("MEMBER_ID", member, "prev"))
        if age_of(pat.dob) >= 65 and rng.random() < 0.5:
            ask("And the Medicare beneficiary identifier? It's on the Medicare card.")
            answer(val("MBI", mbi, "prev"))
        call.t("agent", L("You get one eye exam every "), N(L(rng.choice(["twelve months", "twenty four months"])), "duration"),
               L(" with a "), N(L(money_words(rng.choice([10, 15, 20]), rng)), "money"),
               L(" copay, and a frame allowance of "), N(L(money_words(rng.choice([130, 150, 175]), rng)), "money"), L("."))
        answer(L("And contact lens? I wear "), N(L(rng.choice(["two pairs", "one box", "three boxes"])), "count"), L(" a year."))
        call.t("agent", L("Contacts instead of glasses, allowance is "), N(L(money_words(rng.choice([130, 150]), rng)), "money"), L("."))
        if rng.random() < 0.6:
            ask("I'll mail you the provider list. Is your zip code still ")
            call.turns[-1][1].extend([val("ZIP", zipc, "same", agent=True), L("?")])
            answer(L("No, we moved. New zip "), val("ZIP", _other_zip(zipc, rng), "same"))
        if rng.random() < 0.5:
            ask("Would you like it by email instead?")
            answer(val("EMAIL", email, "prev"))
        if rng.random() < 0.5:
            ask("And a phone number in case we need to reach you?")
            answer(val("PHONE", phone, "prev"))
    if kind in ("eligibility", "dental", "vision") and rng.random() < 0.35:
        npi = make_npi(rng)
        prov = rng.choice(DOCTORS)
        answer(L("One more question. Is Dr. "), S(L(prov), "NAME", True, "same", "name_provider_title", L(prov)),
               L(" in network? The referral paper has the NPI, "), val("NPI", npi, "same"))
        if rng.random() < 0.5:
            call.t("agent", L("Let me check the N P I "), val("NPI", npi, "prev", agent=True),
                   L("... yes, that provider is in network."))
        else:
            call.t("agent", L("Yes, that provider is in network."))
    if kind == "eligibility" and rng.random() < 0.4:
        adm = CALL_DATE - datetime.timedelta(days=rng.randint(20, 120))
        dis = adm + datetime.timedelta(days=rng.randint(2, 9))
        answer(L("And the hospital. %s was admitted on " % ("I" if not third else they.capitalize())),
               val("DATE", None, "same", date=adm), L(rng.choice([" and they send home on ", ", discharged "])),
               val("DATE", None, "same", date=dis), L(". Is that covered?"))
        call.t("agent", L("Inpatient stays are covered after a "), N(L(money_words(rng.choice([250, 300, 500]), rng)), "money"),
               L(" copay per admission."))
    if kind == "eligibility" and third and rel in ("daughter", "son") and pat.sex == "f" and rng.random() < 0.7:
        dad = make_person(rng, origin, "m", (1930, 1950))
        dad.surname = pat.surname
        dd = CALL_DATE - datetime.timedelta(days=rng.randint(20, 300))
        call.t("caller", L("Also, my father was on the same plan. "), name_piece(call, dad, "none", allow_misheard=False),
               L(". He passed away on "), val("DATE", None, "same", date=dd), L(". We need to take him off."))
        call.t("agent", L("I'm so sorry for your loss. I'll send you the form to remove him from the policy."))
    if rng.random() < 0.3 and not interp:
        if rng.random() < 0.5:
            call.t("caller", L(rng.choice(["Oh, and ", "Also, ", "Oh wait. "])), val("PHONE", alt_phone, "none"),
                   L(rng.choice([", you can write that down.", ". That one is better.", ", for the evening."])))
        else:
            call.t("caller", L(rng.choice(["And for the papers, ", "Send to ", "Oh, and "])), val("EMAIL", email, "none"),
                   L(rng.choice([".", ", please.", ", that one I check."])))
        call.t("agent", L(rng.choice(["Okay, I added that.", "Got it, I put it in the notes."])))
    # ---- closing
    if interp and rng.random() < 0.5:
        call.t("interpreter", L("The patient says thank you very much. Interpreter ID again is "),
               N(str(rng.randint(10000, 99999)), "interpreter_id"),
               L(rng.choice([", if you need it for your records.", "."])))
    call.t("agent", L(rng.choice(["Is there anything else I can help with?", "Anything else today?"])))
    answer(L(rng.choice(["No, that's all. Thank you.", "No. Thank you so much.", "That's it. God bless you."])))
    if rng.random() < 0.5:
        call.t("agent", L("You're welcome. I "), N(L("hope"), "common_word"), L(" you feel better. Have a good day."))
    # ---- LLM summary and fields (JSON records)
    call.state = state_info
    call.kind = kind
    call.third = third
    call.interp = interp
    call.lang = lang
    call.extra = dict(phone=phone, alt_phone=alt_phone, city=city, zip=zipc, doctor=doctor, plan=org, rel=rel)
    return call


def _street_value(house, street, unit):
    return house + " " + street + ((" Apt " + unit) if unit else "")


def last4_piece(ctx, ssn, cue):
    text, form, sp = render_last4(ssn[5:], ctx)
    return S(text, "SSN", sp, cue, form, ssn[5:])


def _other_zip(z, rng):
    return z[:3] + "%02d" % ((int(z[3:]) + rng.randint(3, 40)) % 100)


# ---------------------------------------------------------------------------------------------
# transcripts

LABELS = {
    "bracket": {"agent": "[agent]", "caller": "[caller]", "interpreter": "[interpreter]", "patient": "[patient]",
                "system": "[ivr]"},
    "colon": {"agent": "Agent:", "caller": "Caller:", "interpreter": "Interpreter:", "patient": "Patient:",
              "system": "IVR:"},
    "speaker": {"agent": "Speaker 1:", "caller": "Speaker 2:", "interpreter": "Speaker 3:",
                "patient": "Speaker 4:", "system": "Speaker 0:"},
    "upper": {"agent": "REP:", "caller": "MEMBER:", "interpreter": "INTERPRETER:", "patient": "MEMBER:",
              "system": "SYSTEM:"},
}


def render_transcript(call, b, style, stamps):
    lines = []
    t = 0
    for role, pieces in call.turns:
        lab = LABELS[style][role]
        if call.kind == "labs" and style == "colon" and role == "agent":
            lab = "Nurse:"
        pre = ""
        if stamps:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += call.rng.randint(3, 14)
        lines.append(pre + lab + " " + b.marked(pieces))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# JSON payloads

def summary_pieces(call):
    """An LLM-written summary: values in written form (spoken false)."""
    rng = call.rng
    st = call.state
    pat = st["pat"]
    out = []
    nm = name_str(pat)
    nm_w = " ".join(DIACRITIC.get(w, w) for w in nm.split()) if rng.random() < 0.5 else nm
    lead = {"labs": "Nurse called ", "scheduling": "New patient call for ", "eligibility": "Eligibility inquiry for member ",
            "dental": "Dental benefits inquiry for ", "vision": "Vision benefits inquiry for "}[call.kind]
    out += [lead, S(nm_w, "NAME", False, "same", "name_summary", nm_w)]
    out += [" (DOB ", S(written_date(pat.dob, rng, ("mdy_slash", "iso", "mdy_full"))[0], "DOB", False, "same",
                        "written_summary", pat.dob.isoformat()), ")"]
    if call.third:
        cg = name_str(st["caller"])
        out += [". Caller was the member's %s, " % st["rel"], S(cg, "NAME", False, "same", "name_summary", cg)]
    if call.interp:
        out += [". Call was conducted through a %s interpreter" % call.lang]
    ents = {s[2]["entity"] for _, ps in call.turns for s in ps if not isinstance(s, str) and s[0] == "S"}
    if "PHONE" in ents and rng.random() < 0.8:
        ph = [s[2]["value"] for _, ps in call.turns for s in ps if not isinstance(s, str) and s[0] == "S"
              and s[2]["entity"] == "PHONE"][-1]
        out += [". Callback number ", S(fmt_phone(ph, rng), "PHONE", False, "same", "written_summary", ph)]
    if "MEMBER_ID" in ents:
        out += [", member ID ", S(st["member"], "MEMBER_ID", False, "same", "written_summary", st["member"])]
    if "MRN" in ents:
        out += [", MRN ", S(st["mrn"], "MRN", False, "same", "written_summary", st["mrn"])]
    if "EMAIL" in ents and rng.random() < 0.7:
        out += [", email ", S(st["email"], "EMAIL", False, "same", "written_summary", st["email"])]
    if "SSN" in ents and rng.random() < 0.5:
        full = any(s[2]["entity"] == "SSN" and len(s[2]["value"]) == 9 for _, ps in call.turns for s in ps
                   if not isinstance(s, str) and s[0] == "S")
        if full:
            v = st["ssn"]
            out += [", SSN ", S("%s-%s-%s" % (v[:3], v[3:5], v[5:]), "SSN", False, "same", "written_summary", v)]
        else:
            out += [", SSN ending in ", S(st["ssn"][5:], "SSN", False, "same", "written_last4", st["ssn"][5:])]
    if "CARD" in ents:
        out += [". A card payment was taken"]
    out += [". " + {"labs": "Results reviewed and medication change explained; recheck scheduled.",
                    "scheduling": "Appointment booked; interpreter requested." if call.interp else "Appointment booked.",
                    "eligibility": "Coverage confirmed active; copays and deductible reviewed.",
                    "dental": "Cleanings, fillings and crown coverage explained; annual maximum reviewed.",
                    "vision": "Exam and frame/contact allowances explained."}[call.kind]]
    return out


def structured_fields(call):
    rng = call.rng
    st = call.state
    pat = st["pat"]
    f = {"call_type": call.kind, "language": call.lang or "English", "interpreter_used": call.interp,
         "patient_name": [S(name_str(pat), "NAME", False, "same", "written_field", name_str(pat))],
         "patient_dob": [S(pat.dob.isoformat(), "DOB", False, "same", "written_field", pat.dob.isoformat())]}
    ents = {s[2]["entity"]: s[2]["value"] for _, ps in call.turns for s in ps if not isinstance(s, str) and s[0] == "S"}
    if "PHONE" in ents:
        f["callback_number"] = [S("+1" + ents["PHONE"], "PHONE", False, "same", "written_e164", ents["PHONE"])]
    if "ZIP" in ents and rng.random() < 0.6:
        f["zip_code"] = [S(ents["ZIP"], "ZIP", False, "same", "written_field", ents["ZIP"])]
    if "MEMBER_ID" in ents:
        f["member_id"] = [S(st["member"], "MEMBER_ID", False, "same", "written_field", st["member"])]
    f["follow_up_needed"] = rng.random() < 0.4
    return f


def fields_to_json(b, f):
    out = {}
    for k, v in f.items():
        out[k] = b.marked(v) if isinstance(v, list) else v
    return out


def turn_text(b, pieces):
    return b.marked(pieces)


ROLE_MAP = {"vapi": {"agent": "bot", "caller": "user", "patient": "user", "interpreter": "user", "system": "bot"},
            "retell": {"agent": "agent", "caller": "user", "patient": "user", "interpreter": "user", "system": "agent"},
            "signalwire": {"agent": "assistant", "caller": "user", "patient": "user", "interpreter": "user",
                           "system": "assistant"}}


def hexid(rng, n=32):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def render_json(call, b, profile):
    rng = call.rng
    turns = call.turns
    texts = [turn_text(b, ps) for _, ps in turns]  # first occurrence of every span
    # each further occurrence re-marks the same pieces
    t = 0.0
    times = []
    for _ in turns:
        d = rng.uniform(2.0, 9.0)
        times.append((round(t, 2), round(t + d, 2)))
        t += d + rng.uniform(0.2, 1.5)
    dur = round(t, 2)
    if profile == "vapi":
        label = {"bot": "AI", "user": "User"}
        msgs = []
        for (role, ps), (a, z) in zip(turns, times):
            r = ROLE_MAP["vapi"][role]
            msgs.append({"role": r, "message": b.marked(ps), "time": 1741700000000 + int(a * 1000),
                         "endTime": 1741700000000 + int(z * 1000), "secondsFromStart": a, "duration": round((z - a) * 1000)})
        transcript = "\n".join("%s: %s" % (label[ROLE_MAP["vapi"][role]], tx) for (role, _), tx in zip(turns, texts))
        obj = {"message": {"type": "end-of-call-report", "endedReason": rng.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": uuid(rng), "orgId": uuid(rng), "type": "inboundPhoneCall", "status": "ended"},
                           "artifact": {"messages": msgs, "transcript": transcript,
                                        "recordingUrl": "https://storage.vapi.example/%s-mono.wav" % uuid(rng)},
                           "analysis": {"summary": b.marked(summary_pieces(call)),
                                        "structuredData": fields_to_json(b, structured_fields(call)),
                                        "successEvaluation": "true"},
                           "durationSeconds": dur, "cost": round(rng.uniform(0.05, 0.9), 4)}}
    elif profile == "retell":
        tobj = []
        for (role, ps), (a, z) in zip(turns, times):
            tobj.append({"role": ROLE_MAP["retell"][role], "content": b.marked(ps)})
        transcript = "\n".join("%s: %s" % ("Agent" if ROLE_MAP["retell"][role] == "agent" else "User", tx)
                               for (role, _), tx in zip(turns, texts))
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + hexid(rng, 24), "agent_id": "agent_" + hexid(rng, 24),
                        "call_type": "phone_call", "call_status": "ended", "direction": rng.choice(["inbound", "outbound"]),
                        "start_timestamp": 1741700000000 + rng.randint(0, 10 ** 7), "duration_ms": int(dur * 1000),
                        "transcript": transcript, "transcript_object": tobj,
                        "call_analysis": {"call_summary": b.marked(summary_pieces(call)), "user_sentiment": "Neutral",
                                          "call_successful": True,
                                          "custom_analysis_data": fields_to_json(b, structured_fields(call))},
                        "disconnection_reason": "user_hangup"}}
    elif profile == "signalwire":
        log = []
        for (role, ps), (a, z) in zip(turns, times):
            log.append({"role": ROLE_MAP["signalwire"][role], "content": b.marked(ps),
                        "start_timestamp": int((1741700000 + a) * 1000000), "end_timestamp": int((1741700000 + z) * 1000000)})
        summ = b.marked(summary_pieces(call))
        obj = {"app_name": "clinic-voice-agent", "call_id": uuid(rng), "ai_session_id": uuid(rng),
               "call_start_date": 1741700000000000, "call_end_date": 1741700000000000 + int(dur * 1000000),
               "post_prompt_data": {"raw": summ, "substituted": summ, "parsed": [fields_to_json(b, structured_fields(call))]},
               "call_log": log, "total_input_tokens": rng.randint(2000, 9000), "total_output_tokens": rng.randint(300, 1500)}
    elif profile == "deepgram":
        spk = {"agent": 0, "system": 0, "caller": 1, "patient": 1, "interpreter": 2}
        utt = []
        for (role, ps), (a, z) in zip(turns, times):
            utt.append({"start": a, "end": z, "confidence": round(rng.uniform(0.62, 0.97), 4), "channel": 0,
                        "transcript": b.marked(ps), "speaker": spk[role], "id": uuid(rng)})
        full = " ".join(texts)
        obj = {"metadata": {"request_id": uuid(rng), "created": "2025-03-11T15:%02d:%02d.000Z" % (rng.randint(0, 59), rng.randint(0, 59)),
                            "duration": dur, "channels": 1, "models": [uuid(rng)]},
               "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(rng.uniform(0.7, 0.95), 4)}]}],
                           "utterances": utt,
                           "summary": {"result": "success", "short": b.marked(summary_pieces(call))}}}
    else:  # transcribe
        segs = []
        spk = {"agent": "spk_0", "system": "spk_0", "caller": "spk_1", "patient": "spk_1", "interpreter": "spk_2"}
        for k, ((role, ps), (a, z)) in enumerate(zip(turns, times)):
            segs.append({"id": k, "transcript": b.marked(ps), "start_time": "%.3f" % a, "end_time": "%.3f" % z,
                         "speaker_label": spk[role], "items": []})
        full = " ".join(texts)
        obj = {"jobName": "call-%s" % hexid(rng, 12), "accountId": "111122223333", "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": full}], "audio_segments": segs,
                           "speaker_labels": {"speakers": len(set(spk[r] for r, _ in turns)), "channel_label": "ch_0"}}}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------

KINDS = ["eligibility", "scheduling", "labs", "dental", "vision"]
PROFILES = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]


def generate(seed, n, carrier_dir):
    carrier = load_carrier(carrier_dir)
    rng = random.Random(seed)
    recs = []
    n_json = round(n * 0.45)
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(fmts)
    for i, fmt in enumerate(fmts):
        kind = KINDS[i % len(KINDS)]
        raw = fmt == "transcript" and rng.random() < 0.35
        for attempt in range(20):
            call = build_call(rng, kind, carrier, raw)
            if 8 <= len(call.turns) <= 40:
                break
        b = Builder()
        if fmt == "transcript":
            style = rng.choice(sorted(LABELS))
            marked = render_transcript(call, b, style, rng.random() < 0.3)
            kindname = "transcript_%s_%s" % (kind, style)
            profile = None
        else:
            profile = PROFILES[i % len(PROFILES)]
            marked = render_json(call, b, profile)
            kindname = "json_%s_%s" % (profile, kind)
        text, spans, negs = b.finish(marked)
        for s in spans:
            s.pop("value_check", None)
        rec = {"id": "h44-%04d" % i, "format": fmt}
        if profile:
            rec["profile"] = profile
        rec.update({"kind": kindname, "text": text, "spans": spans, "negatives": negs})
        rec["tags"] = {"call_type": kind, "origin": call.state["pat"].origin, "interpreter": call.interp,
                       "third_party": call.third, "asr_style": "raw_lower" if raw else "punctuated"}
        recs.append(rec)
    return recs


# ---------------------------------------------------------------------------------------------
# validation

def json_string_ranges(raw_bytes):
    """Byte ranges (content only, without quotes) of every JSON string token."""
    out = []
    i = 0
    n = len(raw_bytes)
    while i < n:
        if raw_bytes[i:i + 1] == b'"':
            j = i + 1
            while j < n:
                c = raw_bytes[j:j + 1]
                if c == b"\\":
                    j += 2
                    continue
                if c == b'"':
                    break
                j += 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LABEL_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Z][A-Za-z]*( \d)?:) \S")
NUMERIC = {"PHONE", "SSN", "ZIP", "CARD", "MRN", "NPI"}


def value_ok(e, v):
    if e == "PHONE":
        return len(v) == 10 and v.isdigit() and v[3:6] == "555" and v[6:8] == "01"
    if e == "SSN":
        return ssn_ok(v) or (len(v) == 4 and v.isdigit() and v != "0000")
    if e in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return datetime.date(1900, 1, 1) < d < CALL_DATE
    if e == "ZIP":
        return len(v) == 5 and v.isdigit()
    if e == "CARD":
        return v.isdigit() and ((len(v) == 16 and v[0] in "456") or (len(v) == 15 and v[:2] in ("34", "37"))) and luhn_ok(v)
    if e == "MRN":
        return v.isdigit() and 7 <= len(v) <= 10
    if e == "NPI":
        return npi_ok(v)
    if e == "MBI":
        return bool(MBI_RE.match(v))
    if e == "EMAIL":
        return bool(re.match(r"^[a-z0-9._]+@[a-z0-9]+\.[a-z]+$", v))
    if e == "MEMBER_ID":
        return bool(re.match(r"^[A-Z0-9]{8,13}$", v)) and any(c.isdigit() for c in v)
    return bool(v.strip())


def check(recs):
    errs = []
    ids = set()
    for r in recs:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s: duplicate id" % rid)
        ids.add(rid)
        text = r["text"]
        raw = text.encode("utf-8")
        if r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as ex:
                errs.append("%s: JSON does not parse: %s" % (rid, ex))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact JSON" % rid)
            if r.get("profile") not in PROFILES:
                errs.append("%s: bad profile" % rid)
            sranges = json_string_ranges(raw)
        elif r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not LABEL_RE.match(ln):
                    errs.append("%s: line without speaker label: %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank or trailing newline" % rid)
        else:
            errs.append("%s: bad format" % rid)
        occupied = []
        for s in r["spans"]:
            a, z = s["start"], s["end"]
            if not (0 <= a < z <= len(raw)):
                errs.append("%s: span out of range" % rid)
                continue
            try:
                piece = raw[a:z].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span not on a character boundary" % rid)
                continue
            if piece != piece.strip() or (piece[-1] in ",.;?!" and s.get("form") != "spelled_dotted"):
                errs.append("%s: span has edge space/punct %r" % (rid, piece))
            e = s["entity"]
            if e not in ENTITIES:
                errs.append("%s: unknown entity %s" % (rid, e))
            if s.get("cue") not in ("same", "prev", "none"):
                errs.append("%s: bad cue" % rid)
            if not isinstance(s.get("spoken"), bool) or not s.get("form"):
                errs.append("%s: spoken/form missing" % rid)
            v = s.get("value", "")
            if not value_ok(e, v):
                errs.append("%s: invalid %s value %r" % (rid, e, v))
            if e in NUMERIC:
                dec = decode_digits(piece[2:] if piece.startswith("+1") else piece)
                if s["form"] == "digits_group_repeated":
                    if not any(dec[i:i + k] == dec[i + k:i + 2 * k] and dec[:i + k] + dec[i + 2 * k:] == v
                               for k in range(2, 6) for i in range(len(dec))):
                        errs.append("%s: %s repeated-group words %r do not say %s" % (rid, e, piece, v))
                elif not dec.endswith(v):
                    errs.append("%s: %s words %r do not say %s (%s)" % (rid, e, piece, v, dec))
                elif dec != v and not s["form"].startswith("restart"):
                    errs.append("%s: %s words %r say more than %s" % (rid, e, piece, v))
            if e in ("NAME", "CITY") and not s["form"].startswith("spelled") and \
                    " ".join(piece.lower().split()) != " ".join(v.lower().split()):
                errs.append("%s: %s text %r is not its value %r" % (rid, e, piece, v))
            if e == "EMAIL" and not s["spoken"] and piece != v:
                errs.append("%s: written email %r is not %r" % (rid, piece, v))
            if e in ("DOB", "DATE") and not s["spoken"]:
                d = datetime.date.fromisoformat(v)
                if not any(str(x) in piece for x in (d.day,)) or str(d.year)[2:] not in piece:
                    errs.append("%s: written date %r does not show %s" % (rid, piece, v))
            if e == "NAME" and s["form"].startswith("spelled"):
                letters = decode_letters(piece)
                if letters != re.sub(r"[^a-z]", "", v.lower()):
                    errs.append("%s: spelled %r is not %s (%s)" % (rid, piece, v, letters))
            if r["format"] == "json" and not any(sa <= a and z <= sz for sa, sz in sranges):
                errs.append("%s: span %r not inside a JSON string" % (rid, piece))
            occupied.append((a, z, "span"))
        for ng in r["negatives"]:
            a, z = ng["start"], ng["end"]
            if not (0 <= a < z <= len(raw)):
                errs.append("%s: negative out of range" % rid)
                continue
            if ng["what"] not in NEG_WHATS:
                errs.append("%s: unknown negative %s" % (rid, ng["what"]))
            if r["format"] == "json" and not any(sa <= a and z <= sz for sa, sz in sranges):
                errs.append("%s: negative not inside a JSON string" % rid)
            occupied.append((a, z, "neg"))
        occupied.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(occupied, occupied[1:]):
            if a2 < z1:
                errs.append("%s: overlap %s/%s at %d" % (rid, k1, k2, a2))
    return errs


def stats(recs):
    out = []
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fmts = collections.Counter()
    tags = collections.Counter()
    for r in recs:
        fmts[(r["format"], r.get("profile", ""))] += 1
        kinds[r["tags"]["call_type"]] += 1
        tags["interpreter" if r["tags"]["interpreter"] else "no_interpreter"] += 1
        tags["third_party" if r["tags"]["third_party"] else "self"] += 1
        tags["origin_" + r["tags"]["origin"]] += 1
        for s in r["spans"]:
            if s.get("neutral"):
                c[(s["entity"] + "(neutral)", "spoken" if s["spoken"] else "written", s["cue"])] += 1
                continue
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out.append("records: %d  (%s)" % (len(recs), ", ".join("%s%s %d" % (f, "/" + p if p else "", k)
                                                          for (f, p), k in sorted(fmts.items()))))
    out.append("call types: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    out.append("tags: " + ", ".join("%s %d" % kv for kv in sorted(tags.items())))
    out.append("")
    out.append("| entity | spoken same | spoken prev | spoken none | written same | written prev | written none | total |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    ents = sorted({k[0] for k in c})
    tot_all = 0
    for e in ents:
        row = [c[(e, sp, cu)] for sp in ("spoken", "written") for cu in ("same", "prev", "none")]
        tot_all += sum(row)
        out.append("| %s | %s | %d |" % (e, " | ".join(str(x) for x in row), sum(row)))
    out.append("| **all** | | | | | | | %d |" % tot_all)
    out.append("")
    out.append("negatives (%d): " % sum(negs.values()) + ", ".join("%s %d" % kv for kv in sorted(negs.items())))
    out.append("")
    out.append("forms:")
    cur = None
    line = ""
    for (e, f), k in sorted(forms.items()):
        if e != cur:
            if line:
                out.append(line)
            line = "  %s: " % e
            cur = e
        else:
            line += ", "
        line += "%s %d" % (f, k)
    if line:
        out.append(line)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", metavar="FILE")
    ap.add_argument("--carrier-dir", default=os.environ.get("CARRIER_DIR", ""))
    args = ap.parse_args()
    cdir = args.carrier_dir
    if not cdir:
        here = os.path.dirname(os.path.abspath(__file__))
        for cand in [os.path.join(here, *([".."] * k), "shared", "carrier-sources") for k in range(1, 7)] + \
                ["/work/shared/carrier-sources"]:
            if os.path.isdir(cand):
                cdir = cand
                break
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        print(stats(recs))
        if errs:
            print("\n%d problems:" % len(errs), file=sys.stderr)
            for e in errs[:60]:
                print("  " + e, file=sys.stderr)
            sys.exit(1)
        print("\ncheck: %d records OK" % len(recs))
        return
    recs = generate(args.seed, args.n, cdir or "")
    errs = check(recs)
    if errs:
        for e in errs[:60]:
            print(e, file=sys.stderr)
        sys.exit("generated records fail the check (%d problems)" % len(errs))
    if args.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
