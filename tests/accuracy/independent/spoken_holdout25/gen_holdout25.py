#!/usr/bin/env python3
"""Holdout 25: pharmacy / PBM help-desk calls as 8 kHz ASR output (transcripts, Deepgram,
AWS Transcribe, SignalWire post_prompt). Standard library only, deterministic per seed."""
import argparse, collections, datetime, hashlib, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CARRIER = os.environ.get("CARRIER_DIR", "/work/shared/carrier-sources")

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
HOMO = {"1": ["won"], "2": ["to", "too"], "4": ["for"], "8": ["ate"], "0": ["o"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
LETTER_WORD = {"b": "bee", "c": "see", "y": "why", "r": "are", "u": "you", "t": "tee", "j": "jay",
               "k": "kay", "i": "eye", "o": "oh", "q": "queue", "x": "ex", "w": "double you",
               "g": "gee", "p": "pee", "v": "vee", "z": "zee", "a": "a", "e": "e", "d": "dee",
               "f": "ef", "h": "h", "l": "el", "m": "em", "n": "en", "s": "es"}
NATO = {c: w for c, w in zip("abcdefghijklmnopqrstuvwxyz", (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu").split())}
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
         "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
         "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
         "s": "sam", "t": "tom", "u": "uncle", "v": "victor", "w": "william", "x": "x-ray",
         "y": "yellow", "z": "zebra"}
FIRST = ["Dana", "Marisol", "Terrence", "Ngozi", "Walter", "Priya", "Kenji", "Roberta", "Luis",
         "Agnieszka", "Darnell", "Heather", "Tomasz", "Yolanda", "Brent", "Imani", "Gustavo",
         "Colleen", "Faisal", "Rosalind", "Otis", "Minh", "Corinne", "Desmond", "Lucinda", "Ravi"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Brannigan", "Szymanski", "Oyelaran", "Thibodeaux",
        "Nakashima", "Pruitt", "Castellano", "Whitfield", "Abernathy", "Quintero", "Mbeki",
        "Haverford", "Dunleavy", "Kowalczyk", "Ferreira", "Yarbrough", "Ostrowski", "Vu", "Kline"]
AGENTS = ["Brianna", "Marcus", "Tasha", "Devon", "Alicia", "Jerome", "Kayla", "Hector"]
DOCS = ["Alvarez", "Patel", "Greenberg", "Osei", "Lindholm", "Tran", "Mahoney"]
STREETS = ["Elm", "Larkspur", "Birchwood", "Mission Ridge", "Old Mill", "Cottonwood", "Harbor View",
           "Juniper", "Pecan Hollow", "Maple Crest", "Quarry"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave"), ("Drive", "Dr."), ("Court", "Ct"), ("Lane", "Ln"),
          ("Way", "Way"), ("Boulevard", "Blvd"), ("Road", "Rd")]
CITIES = [("San Leandro", "CA"), ("Fort Wayne", "IN"), ("Cedar Rapids", "IA"), ("Tulsa", "OK"),
          ("Boise", "ID"), ("Scranton", "PA"), ("Lubbock", "TX"), ("Chattanooga", "TN"),
          ("Eau Claire", "WI"), ("Port St. Lucie", "FL"), ("Bangor", "ME"), ("Yakima", "WA")]
DRUGS = [("atorvastatin", "forty milligrams", "40 mg"), ("metformin", "five hundred milligrams", "500 mg"),
         ("lisinopril", "ten milligrams", "10 mg"), ("levothyroxine", "fifty micrograms", "50 mcg"),
         ("sertraline", "one hundred milligrams", "100 mg"), ("Eliquis", "five milligrams", "5 mg"),
         ("Ozempic", "one milligram", "1 mg"), ("amlodipine", "five milligrams", "5 mg")]
AREAS = ["415", "312", "617", "702", "208", "918", "260", "319", "570", "806", "423", "715"]
FILLERS = {"uh", "um", "er", "hmm", "like", "dash", "the", "of", "as", "in", "at", "dot", "com",
           "double", "triple", "apartment", "apt", "unit"}
CARD_PREFIX = ["411111", "424242", "555555", "510510", "601111", "401288"]


def E(text, ent, cue, form, spoken, value):
    return ("E", text, ent, cue, form, spoken, value)


def N(text, what):
    return ("N", text, what)


# ---------------------------------------------------------------- number words
def two(n, rng=None, merge=False):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t]
    return TENS[t] + ("" if merge else " ") + ONES[o]


def dword(d, rng, noisy):
    if d == "0":
        return rng.choice(["oh", "oh", "zero", "o"]) if noisy else rng.choice(["oh", "zero"])
    if noisy and d in HOMO and rng.random() < 0.35:
        return rng.choice(HOMO[d])
    return ONES[int(d)]


def group_words(g, rng, noisy, allow_rep=True):
    out, i = [], 0
    while i < len(g):
        d = g[i]
        run = 1
        while i + run < len(g) and g[i + run] == d:
            run += 1
        if allow_rep and run >= 3 and rng.random() < 0.6:
            out.append("triple " + dword(d, rng, False)); i += 3; continue
        if allow_rep and run >= 2 and rng.random() < 0.5:
            out.append("double " + dword(d, rng, False)); i += 2; continue
        out.append(dword(d, rng, noisy)); i += 1
    return " ".join(out)


def group_pairs(g, rng, merge=False):
    parts, i = [], 0
    if len(g) % 2:
        parts.append(dword(g[0], rng, False)); i = 1
    while i < len(g):
        p = g[i:i + 2]
        if p[0] == "0":
            parts.append(("oh " if rng.random() < 0.7 else "zero ") + ONES[int(p[1])])
        else:
            parts.append(two(int(p), merge=merge and rng.random() < 0.5))
        i += 2
    return " ".join(parts)


def group_mixed(g, rng):
    return " ".join(d if rng.random() < 0.5 else dword(d, rng, True) for d in g)


def render_group(g, mode, rng, noisy=True):
    if mode == "w":
        return group_words(g, rng, noisy)
    if mode == "p":
        return group_pairs(g, rng, merge=noisy)
    if mode == "d":
        return " ".join(g)
    if mode == "m":
        return group_mixed(g, rng)
    return g


def join_groups(gs, rng, seps=(", ", " ", "... ", " uh ", "-", ". ")):
    sep = rng.choice(seps)
    out = gs[0]
    for g in gs[1:]:
        out += (sep if rng.random() < 0.8 else rng.choice(seps)) + g
    return out


# ---------------------------------------------------------------- values
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


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def gen_npi(rng):
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    full = luhn_complete("80840" + body)
    return full[5:]


def gen_card(rng):
    p = rng.choice(CARD_PREFIX)
    body = p + "".join(rng.choice("0123456789") for _ in range(15 - len(p)))
    return luhn_complete(body)


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def gen_phone(rng):
    return rng.choice(AREAS) + "55501" + "%02d" % rng.randint(0, 99)


def gen_dob(rng):
    y = rng.randint(1934, 2006)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30)
    return datetime.date(y, m, d)


def gen_zip(rng):
    return "%05d" % rng.randint(1001, 99950)


def gen_member(rng):
    style = rng.random()
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if style < 0.4:
        return "".join(rng.choice(L) for _ in range(3)) + "".join(rng.choice("0123456789") for _ in range(9))
    if style < 0.7:
        return rng.choice(L) + "".join(rng.choice("0123456789") for _ in range(9))
    return "".join(rng.choice(L) for _ in range(2)) + "".join(rng.choice("0123456789") for _ in range(8))


# ---------------------------------------------------------------- renderers
def r_phone(v, rng, spoken=True):
    a, b, c = v[:3], v[3:6], v[6:]
    if not spoken:
        f = rng.choice(["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "{} {} {}"])
        return f.format(a, b, c), False, "written_" + rng.choice(["fmt"])
    mode = rng.choice(["w", "w", "w", "m", "p", "partial"])
    if mode == "partial":  # engine formats part of it: "415 five five five oh 1 3 2"
        s = join_groups([a, render_group(b, "w", rng), render_group(c, "m", rng)], rng)
        return s, True, "partial_numerals_words"
    ga = render_group(a, "w" if mode != "m" else "m", rng)
    gb = rng.choice(["five five five", "triple five", "555", "five fifty five"])
    gc = render_group(c, "p" if mode == "p" else mode, rng)
    return join_groups([ga, gb, gc], rng), True, "digits_" + mode + "_grouped"


def year_words(y, rng, short_ok=True):
    if y >= 2000:
        r = y - 2000
        if r == 0:
            return "two thousand"
        opts = ["two thousand " + two(r), "twenty " + ("oh " + ONES[r] if r < 10 else two(r))]
        if short_ok:
            opts.append("oh " + ONES[r] if r < 10 else two(r))
        return rng.choice(opts)
    hi, lo = divmod(y, 100)
    lw = ("oh " + ONES[lo]) if lo < 10 else two(lo)
    if short_ok and rng.random() < 0.4 and lo >= 10:
        return lw
    return two(hi) + " " + lw


def ordinal(n):
    if n in ORD:
        return ORD[n]
    if n < 20:
        w = two(n)
        return (w[:-1] + "th") if w.endswith("e") and n not in (9,) else w + "th"
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t][:-1] + "ieth"
    return TENS[t] + " " + ordinal(o)


def r_date(v, rng, spoken=True):
    if not spoken:
        k = rng.randrange(4)
        if k == 0:
            return "%02d/%02d/%d" % (v.month, v.day, v.year), False, "written_mdy_slash"
        if k == 1:
            return "%d/%d/%02d" % (v.month, v.day, v.year % 100), False, "written_mdy_short"
        if k == 2:
            return "%s %d, %d" % (MONTHS[v.month - 1], v.day, v.year), False, "written_month_d_y"
        return "%d-%02d-%02d" % (v.year, v.month, v.day), False, "written_iso"
    k = rng.randrange(7)
    mon = MONTHS[v.month - 1]
    mon = mon.lower() if rng.random() < 0.6 else mon
    if k == 0:
        return "%s %s %s" % (mon, ordinal(v.day), year_words(v.year, rng)), True, "month_ord_year"
    if k == 1:
        return "%s %s, %s" % (mon, two(v.day), year_words(v.year, rng)), True, "month_card_year"
    if k == 2:
        mm = ("oh " + ONES[v.month]) if v.month < 10 and rng.random() < 0.5 else two(v.month)
        dd = ("oh " + ONES[v.day]) if v.day < 10 and rng.random() < 0.5 else two(v.day)
        sep = rng.choice([" ", ", ", "... ", " uh "])
        return mm + sep + dd + sep + year_words(v.year, rng), True, "num_mdy_words"
    if k == 3:
        return "the %s of %s, %s" % (ordinal(v.day), mon, year_words(v.year, rng)), True, "the_d_of_m"
    if k == 4:  # ASR digit string read as digits: "oh three one five one nine six one"
        s = "%02d%02d%d" % (v.month, v.day, v.year)
        return render_group(s, "w", rng), True, "digits_mmddyyyy_words"
    if k == 5:  # partly formatted by the engine
        return "%s %s %d" % (mon, v.day if rng.random() < 0.5 else ordinal(v.day), v.year), \
            True, "month_mixed_numeral_year"
    return "%d %d %s" % (v.month, v.day, year_words(v.year, rng)), True, "numerals_md_words_year"


def r_digits(v, rng, spoken=True, groups=None):
    if not spoken:
        return v, False, "digits_plain"
    mode = rng.choice(["w", "w", "d", "m", "p"])
    if mode == "p" and len(v) == 5:
        s = two(int(v[:2])) if v[0] != "0" else "oh " + ONES[int(v[1])]
        s += " " + render_group(v[2:], rng.choice(["w", "p"]), rng)
        return s, True, "zip_pair_then_digits"
    if groups:
        gs, i = [], 0
        for n in groups:
            gs.append(render_group(v[i:i + n], mode, rng)); i += n
        return join_groups(gs, rng), True, "grouped_" + mode
    return render_group(v, mode, rng), True, "digits_" + mode


def r_letters(s, rng, style):
    s = s.lower()
    if style == "plain":
        return " ".join(s), "letters_space"
    if style == "caps_dash":
        return "-".join(s.upper()), "letters_dash"
    if style == "asr_words":
        return " ".join(LETTER_WORD.get(c, c) for c in s), "letters_as_words"
    if style == "nato":
        return " ".join(NATO[c] for c in s), "nato"
    if style == "as_in":
        out = []
        for i, c in enumerate(s):
            out.append("%s as in %s" % (c, AS_IN[c]) if i == 0 or rng.random() < 0.3 else c)
        return ", ".join(out) if rng.random() < 0.5 else " ".join(out), "letters_as_in"
    return s, "word"


def r_member(v, rng, spoken=True):
    lets = "".join(c for c in v if c.isalpha())
    digs = v[len(lets):]
    if not spoken:
        return (v if rng.random() < 0.5 else lets + " " + " ".join([digs[:3], digs[3:6], digs[6:]])), False, "alnum_written"
    st = rng.choice(["plain", "asr_words", "nato", "as_in", "caps_dash"])
    ls, lf = r_letters(lets, rng, st)
    n = len(digs)
    gs = [3, 3, n - 6] if n >= 8 else [n]
    ds, _, df = r_digits(digs, rng, True, gs)
    return ls + rng.choice([" ", ", ", " uh "]) + ds, True, "alnum_" + lf + "_" + df


def r_name_spelled(last, rng):
    st = rng.choice(["plain", "caps_dash", "asr_words", "nato", "as_in"])
    return r_letters(last, rng, st)


def house_words(h, rng):
    s = str(h)
    if len(s) == 2 and rng.random() < 0.7:
        return two(h)
    if len(s) == 4 and rng.random() < 0.7:
        a, b = int(s[:2]), int(s[2:])
        return two(a) + " " + (("oh " + ONES[b]) if b < 10 and b else ("hundred" if b == 0 else two(b)))
    if len(s) == 3 and rng.random() < 0.5:
        return ONES[int(s[0])] + " " + (("oh " + s[2] and "oh " + ONES[int(s[2])]) if s[1] == "0" else two(int(s[1:])))
    return render_group(s, "w", rng)


def r_street(h, street, suf, unit, rng, spoken=True):
    full, abbr = suf
    if not spoken:
        s = "%d %s %s" % (h, street, abbr)
        if unit:
            s += ", Apt " + unit
        return s, False, "written_abbr"
    hw = house_words(h, rng) if rng.random() < 0.75 else str(h)
    s = "%s %s %s" % (hw, street.lower() if rng.random() < 0.5 else street, full.lower())
    if unit:
        u = " ".join(dword(c, rng, False) if c.isdigit() else c.lower() for c in unit)
        s += rng.choice([" apartment ", ", apartment ", " unit ", " apt "]) + u
    return s, True, "house_words_street" + ("_unit" if unit else "")


def r_card_groups(v, rng):
    gs = [v[i:i + 4] for i in range(0, len(v), 4)]
    mode = rng.choice(["w", "p", "d", "m"])
    return [render_group(g, mode, rng, noisy=True) for g in gs], mode


def r_email(first, last, rng, spoken=True):
    dom = rng.choice(["gmail", "yahoo", "outlook", "icloud", "aol"])
    num = rng.choice(["", str(rng.randint(10, 99))])
    local = rng.choice([first.lower() + "." + last.lower(), first[0].lower() + last.lower(),
                        last.lower() + first[0].lower()])
    value = local + num + "@" + dom + ".com"
    if not spoken:
        return value, value, False, "email_written"
    lw = local.replace(".", " dot ")
    if rng.random() < 0.5:
        lw = " ".join(c if c.isalpha() else "" for c in local.replace(".", " dot "))
        lw = re.sub(r"\s+", " ", local.replace(".", " dot ").replace("", " ")).strip()
        lw = lw.replace("d o t", "dot")
    nw = (" " + render_group(num, "p", rng)) if num else ""
    return value, "%s%s at %s dot com" % (lw, nw, dom), True, "email_spoken"


# ---------------------------------------------------------------- money carrier (NeMo ITN)
def load_money():
    p = os.path.join(CARRIER, "nemo-itn", "test_cases_money.txt")
    out = []
    try:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if "~" not in line:
                    continue
                a, b = line.rstrip("\n").split("~", 1)
                if "dollar" in a and "illion" not in a and len(a) < 45 and re.fullmatch(r"\$\d{1,3}(\.\d\d)?", b):
                    out.append((a, b))
    except OSError:
        pass
    return out or [("twelve dollars fifty cents", "$12.50"), ("four dollars", "$4")]


# ---------------------------------------------------------------- negatives
def neg_rx(rng, spoken):
    v = "".join(rng.choice("0123456789") for _ in range(7))
    return N(render_group(v, rng.choice(["w", "m", "d"]), rng) if spoken else v, "rx_number")


def neg_tracking(rng, spoken):
    v = "9400" + "".join(rng.choice("0123456789") for _ in range(18))
    if spoken:
        return N(render_group(v[-6:], "w", rng), "tracking_number")
    return N(v, "tracking_number")


def neg_ndc(rng, spoken):
    a = "%05d" % rng.randint(100, 70000); b = "%04d" % rng.randint(1, 9999); c = "%02d" % rng.randint(1, 99)
    if spoken:
        return N(join_groups([render_group(a, "w", rng), render_group(b, "w", rng), render_group(c, "w", rng)], rng, (", ", " dash ")), "ndc_code")
    return N("%s-%s-%s" % (a, b, c), "ndc_code")


def neg_order(rng, spoken):
    v = "".join(rng.choice("0123456789") for _ in range(8))
    return N(render_group(v, "w", rng) if spoken else v, "order_number")


# ---------------------------------------------------------------- call scripts
class Person:
    def __init__(self, rng):
        self.first = rng.choice(FIRST); self.last = rng.choice(LAST)
        self.dob = gen_dob(rng); self.zip = gen_zip(rng); self.phone = gen_phone(rng)
        self.ssn = gen_ssn(rng); self.member = gen_member(rng)
        self.house = rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 9899)])
        self.street = rng.choice(STREETS); self.suf = rng.choice(SUFFIX)
        self.unit = rng.choice([None, None, "4B", "12", "201", "7"])
        self.city, self.state = rng.choice(CITIES)
        self.card = gen_card(rng); self.npi = gen_npi(rng)
        self.agent = rng.choice(AGENTS); self.doc = rng.choice(DOCS)
        self.drug = rng.choice(DRUGS)


def full_name(p, rng, cue, written=False):
    n = p.first + " " + p.last
    if not written and rng.random() < 0.4:
        n = n.lower()
    return E(n, "NAME", cue, "name_full" + ("" if written else "_asr"), not written, p.first + " " + p.last)


def verify_block(p, rng, A, C, smart):
    """identity verification: list of (role, parts)."""
    T = []
    org = rng.choice(["Express Mail Pharmacy", "the pharmacy help desk", "member services",
                      "home delivery pharmacy", "your prescription benefit"])
    T.append((A, ["Thank you for calling %s, this is " % org,
                  E(p.agent, "NAME", "same", "agent_first", True, p.agent), ". How can I help you today?"]))
    opener = rng.randrange(3)
    if opener == 0:
        T.append((C, ["Yeah hi, um, ", full_name(p, rng, "none"), ", I'm calling about my ",
                      rng.choice(["refill", "mail order", "prescription"]), "."]))
        T.append((A, ["Okay, can you spell the last name for me?"]))
        sp, f = r_name_spelled(p.last, rng)
        T.append((C, ["Sure, it's ", E(sp, "NAME", "same", "spelled_" + f, True, p.last), "."]))
    elif opener == 1:
        T.append((C, ["Hi, I need to check on a ", rng.choice(["refill", "prior authorization", "order"]), " for my ",
                      rng.choice(["husband", "mother", "father", "wife"]), "."]))
        T.append((A, ["Sure. What's the patient's first and last name?"]))
        T.append((C, [full_name(p, rng, "prev"), ". Last name ", E(r_name_spelled(p.last, rng)[0], "NAME", "same",
                      "spelled_mixed", True, p.last), "."]))
        T.append((A, ["And your name?"]))
        rel = rng.choice(FIRST) + " " + p.last
        T.append((C, ["Uh, ", E(rel.lower(), "NAME", "prev", "name_full_asr", True, rel), ", I'm on the account."]))
    else:
        T.append((C, ["I'm trying to get my ", p.drug[0], " refilled and the app keeps saying to call."]))
        T.append((A, ["I can help with that. Who am I speaking with?"]))
        T.append((C, [full_name(p, rng, "prev"), "."]))
    # DOB
    q = rng.choice(["And the date of birth?", "Can I get the date of birth on the account?",
                    "What's the birthday on file?", "To verify, date of birth please."])
    T.append((A, [q]))
    s, sp, f = r_date(p.dob, rng, spoken=not smart or rng.random() < 0.4)
    T.append((C, [rng.choice(["", "Um, ", "It's ", "Yeah, "]), E(s, "DOB", "prev", f, sp, p.dob.isoformat()), "."]))
    k = rng.random()
    if k < 0.4:
        T.append((A, ["Thank you. And the ZIP code?"]))
        s, sp, f = r_digits(p.zip, rng, spoken=not smart or rng.random() < 0.4)
        T.append((C, [E(s, "ZIP", "prev", "zip_" + f, sp, p.zip)]))
    elif k < 0.7 and rng.random() < 0.25:
        T.append((A, ["For the new enrollment I need the full social security number."]))
        s, sp, f = r_digits(p.ssn, rng, spoken=not smart or rng.random() < 0.5, groups=[3, 2, 4])
        T.append((C, ["Okay, ", E(s, "SSN", "prev", "ssn_" + f, sp, p.ssn)]))
    elif k < 0.7:
        T.append((A, ["And the last four of the social?"]))
        l4 = p.ssn[-4:]
        s = rng.choice([render_group(l4, "w", rng), group_pairs(l4, rng), l4, group_mixed(l4, rng)])
        T.append((C, ["It's ", E(s, "SSN", "prev", "last4", not s.isdigit(), p.ssn), "."]))
    else:
        T.append((A, ["Do you have the member ID from the card?"]))
        s, sp, f = r_member(p.member, rng, spoken=not smart or rng.random() < 0.5)
        T.append((C, ["Hold on... okay, ", E(s, "MEMBER_ID", "prev", f, sp, p.member)]))
        if rng.random() < 0.5:
            T.append((A, ["Let me read that back. ", E(r_member(p.member, rng)[0], "MEMBER_ID", "prev", "readback", True, p.member), "?"]))
            T.append((C, ["Yep."]))
    nm = p.last if rng.random() < 0.5 else p.first
    T.append((A, ["Thank you, ", E(nm, "NAME", "prev", "name_part", True, nm), ". I have the account pulled up."]))
    return T


def refill_block(p, rng, A, C, money):
    T = []
    T.append((A, ["I see the ", p.drug[0], " ", N(p.drug[1], "dose"), ". The prescription number is ", neg_rx(rng, True), "?"]))
    T.append((C, ["Yeah that's the one. How many refills do I have?"]))
    n = rng.choice(["two", "three", "four", "five"])
    T.append((A, ["You have ", N(n, "count"), " refills left. That's ", N(rng.choice(["ninety", "thirty", "one eighty"]), "count"),
                  " tablets, a ", N(rng.choice(["ninety day", "thirty day", "ninety-day"]), "duration"), " supply."]))
    T.append((C, ["Okay and what's the copay gonna be?"]))
    m = rng.choice(money)
    T.append((A, ["It's showing ", N(m[0] if rng.random() < 0.6 else m[1], "money"), " for this fill."]))
    T.append((C, ["Fine. Go ahead."]))
    T.append((A, ["Done. Your order number is ", neg_order(rng, True), ", it should ship in ",
                  N(rng.choice(["three to five", "five to seven", "two"]), "duration"), " business days."]))
    if rng.random() < 0.5:
        T.append((C, ["And the tracking, is there one for the last box? It ended in ", neg_tracking(rng, True), " I think."]))
        T.append((A, ["That one was delivered on the ", N(rng.choice(["fourteenth", "third", "twenty second"]), "ship_date"), "."]))
    return T


def pa_block(p, rng, A, C, money):
    T = []
    T.append((C, ["The doctor's office said they sent a prior auth for the ", p.drug[0], "."]))
    T.append((A, ["Let me look. Who's the prescriber?"]))
    T.append((C, [rng.choice(["Doctor ", "Dr. ", "doctor "]), E(p.doc, "NAME", "same", "provider_last_title", True, p.doc), "."]))
    T.append((A, ["I see a request from ", E(p.doc, "NAME", "prev", "provider_last", True, p.doc),
                  ", NPI ", E(r_digits(p.npi, rng, True, [3, 3, 4])[0], "NPI", "same", "npi_words", True, p.npi), "."]))
    T.append((C, ["Okay, so where's it at?"]))
    T.append((A, ["Case number ", N(render_group("".join(rng.choice("0123456789") for _ in range(6)), "w", rng), "confirmation_number"),
                  " is still pending clinical review, usually ", N(rng.choice(["seventy two hours", "two business days", "twenty four hours"]), "duration"), "."]))
    T.append((C, ["And if it gets denied what am I paying?"]))
    m = rng.choice(money)
    T.append((A, ["Without the PA it would be ", N(m[1] if rng.random() < 0.5 else m[0], "money"), ". Product code ", neg_ndc(rng, rng.random() < 0.5), "."]))
    if rng.random() < 0.6:
        T.append((A, ["Is ", E(r_phone(p.phone, rng)[0], "PHONE", "same", "callback_readback", True, p.phone), " still the best number for a callback?"]))
        T.append((C, ["Yes ma'am."]))
    else:
        T.append((A, ["What's a good callback number?"]))
        s, sp, f = r_phone(p.phone, rng)
        T.append((C, ["Uh, ", E(s, "PHONE", "prev", f, sp, p.phone)]))
    return T


def addr_block(p, rng, A, C, money):
    T = []
    T.append((C, ["I moved, so I need the ", p.drug[0], " going to a new address."]))
    T.append((A, ["No problem, what's the new street address?"]))
    s, sp, f = r_street(p.house, p.street, p.suf, p.unit, rng)
    T.append((C, ["It's ", E(s, "STREET", "prev", f, sp, "%d %s %s" % (p.house, p.street, p.suf[0])), "."]))
    T.append((A, ["And the city?"]))
    cs = p.city.lower() if rng.random() < 0.5 else p.city
    T.append((C, [E(cs, "CITY", "prev", "city", True, p.city), ", ", p.state, rng.choice([" ", ", "]),
                  E(r_digits(p.zip, rng)[0], "ZIP", "none", "zip_after_city", True, p.zip), "."]))
    T.append((A, ["Let me read it back: ", E(r_street(p.house, p.street, p.suf, p.unit, rng)[0], "STREET", "prev", "readback", True,
                  "%d %s %s" % (p.house, p.street, p.suf[0])), ", ", E(p.city, "CITY", "prev", "readback", True, p.city), "."]))
    T.append((C, ["That's right."]))
    T.append((A, ["Your next shipment, order ", neg_order(rng, rng.random() < 0.5), ", is ", N(rng.choice(["ninety", "thirty"]), "count"),
                  " count and will go there."]))
    if rng.random() < 0.5:
        T.append((A, ["Do you want shipping notices by email?"]))
        v, s, sp, f = r_email(p.first, p.last, rng)
        T.append((C, ["Sure, it's ", E(s, "EMAIL", "same", f, sp, v)]))
    return T


def card_block(p, rng, A, C, money):
    T = []
    T.append((C, ["My card on file expired, I need to put a new one on."]))
    T.append((A, ["Sure. Go ahead with the card number whenever you're ready."]))
    gs, mode = r_card_groups(p.card, rng)
    half = len(gs) // 2
    T.append((C, ["Okay it's ", E(join_groups(gs[:half], rng, (", ", " ", "... ")), "CARD", "prev", "card_first_half_" + mode, mode != "n", p.card)]))
    T.append((A, ["Mm-hm."]))
    T.append((C, [E(join_groups(gs[half:], rng, (", ", " ", "... ")), "CARD", "prev", "card_second_half_" + mode, True, p.card)]))
    T.append((A, ["For the expiration and security code, ", N("press one", "menu_option"), " and enter them on the keypad."]))
    T.append((C, ["Okay. Done."]))
    T.append((A, ["Got it, the card ending in ", E(render_group(p.card[-4:], "w", rng), "CARD", "prev", "last4_readback", True, p.card),
                  " is on file, and your balance of ", N(rng.choice(money)[0], "money"), " was charged."]))
    return T


def closing(p, rng, A, C):
    return [(A, ["Anything else I can help with?"]), (C, ["No that's it, thanks."]),
            (A, ["Thank you for calling, have a good " + rng.choice(["day", "evening", "one"]) + "."])]


BLOCKS = {"refill": refill_block, "prior_auth": pa_block, "address_change": addr_block, "card_update": card_block}


def make_call(rng, money, smart=False):
    p = Person(rng)
    A, C = "A", "C"
    kind = rng.choice(list(BLOCKS))
    T = verify_block(p, rng, A, C, smart) + BLOCKS[kind](p, rng, A, C, money)
    if rng.random() < 0.4:
        T += refill_block(p, rng, A, C, money)[:5]
    T += closing(p, rng, A, C)
    T = [(r, [x for x in parts if x != ""]) for r, parts in T]
    return p, kind, T


# ---------------------------------------------------------------- emitters
class Buf:
    def __init__(self):
        self.b = bytearray(); self.spans = []; self.negs = []

    def raw(self, s):
        self.b += s.encode("utf-8")

    def parts(self, parts, json_mode=False, frag=False):
        for x in parts:
            if isinstance(x, str):
                self.raw(enc(x) if json_mode else x)
                continue
            if x[0] == "E":
                t = enc(x[1]) if json_mode else x[1]
                st = len(self.b); self.raw(t)
                sp = {"start": st, "end": len(self.b), "entity": x[2], "spoken": x[5], "cue": x[3],
                      "form": x[4] + ("_word" if frag else ""), "value": x[6]}
                self.spans.append(sp)
            else:
                t = enc(x[1]) if json_mode else x[1]
                st = len(self.b); self.raw(t)
                self.negs.append({"start": st, "end": len(self.b), "what": x[2]})


def enc(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def plain(parts):
    return "".join(x if isinstance(x, str) else x[1] for x in parts)


LABELS = [("Agent", "Caller"), ("AGENT", "CALLER"), ("[agent]", "[caller]"), ("Speaker 0", "Speaker 1"),
          ("spk_0", "spk_1"), ("Rep", "Member"), ("Pharmacy Tech", "Patient"), ("A", "B")]


def asr_case(parts, rng, style):
    if style == "raw":  # lowercase, no punctuation (Google STT without punctuation)
        out = []
        for x in parts:
            if isinstance(x, str):
                out.append(re.sub(r"[.,?!:]", "", x.lower()))
            else:
                t = re.sub(r"[?!]", "", x[1]).replace(",", "").replace("...", "")
                t = re.sub(r"\s+", " ", t).strip()
                t = t.lower() if x[0] == "E" and x[2] != "NAME" else t.lower()
                if x[0] == "E":
                    t = t.rstrip(".")
                out.append(x[:1] + (t,) + x[2:])
        # fix spacing
        return out
    return parts


def emit_transcript(T, rng):
    lab = rng.choice(LABELS)
    ts = rng.random() < 0.4
    style = rng.choice(["punct", "punct", "raw"])
    b = Buf(); t = rng.randint(0, 8)
    for i, (role, parts) in enumerate(T):
        if i:
            b.raw("\n")
        if ts:
            b.raw("[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60))
            t += rng.randint(2, 14)
        l = lab[0] if role == "A" else lab[1]
        b.raw(l + " " if l.startswith("[") else l + ": ")
        ps = asr_case(parts, rng, style)
        ps = [x for x in ps if not (isinstance(x, str) and x == "")]
        # collapse double spaces in string parts
        b.parts(ps)
    text = b.b.decode("utf-8")
    text2 = re.sub(r"  +", " ", text)
    assert text2 == text or True
    return text, b.spans, b.negs


def words_of(parts):
    """split into (token, part) where part is the E/N tuple or None."""
    out = []
    for x in parts:
        s = x if isinstance(x, str) else x[1]
        for tok in s.split():
            out.append((tok, x if not isinstance(x, str) else None))
    return out


def word_pieces(tok, x, strip_punct):
    core = tok.strip(".,?!")
    if not core:
        return None
    if strip_punct:
        tok2 = core.lower()
        if x is not None and x[0] == "E" and tok2 not in FILLERS:
            return [E(tok2, *x[2:])]
        return [tok2]
    if x is not None and x[0] == "E" and core.lower() not in FILLERS:
        i = tok.find(core)
        return [p for p in (tok[:i], E(core, *x[2:]), tok[i + len(core):]) if p != ""]
    return [tok]


class Seg:
    def __init__(self, parts, frag=False):
        self.parts = parts; self.frag = frag


def ser(o, b):
    if isinstance(o, Seg):
        b.raw('"'); b.parts(o.parts, json_mode=True, frag=o.frag); b.raw('"')
    elif isinstance(o, dict):
        b.raw("{")
        for i, (k, v) in enumerate(o.items()):
            if i:
                b.raw(",")
            b.raw(json.dumps(k, ensure_ascii=False) + ":"); ser(v, b)
        b.raw("}")
    elif isinstance(o, list):
        b.raw("[")
        for i, v in enumerate(o):
            if i:
                b.raw(",")
            ser(v, b)
        b.raw("]")
    else:
        b.raw(json.dumps(o, ensure_ascii=False))


def uid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def joined(T):
    parts = []
    for i, (_, ps) in enumerate(T):
        if i:
            parts.append(" ")
        parts.extend(ps)
    return parts


def emit_deepgram(T, rng):
    t = 0.0; words = []; utts = []
    for i, (role, ps) in enumerate(T):
        spk = 0 if role == "A" else 1
        u0 = t
        for tok, x in words_of(ps):
            core = word_pieces(tok, x, True)
            if core is None:
                continue
            d = round(rng.uniform(0.12, 0.6), 2)
            w = {"word": Seg(core, True), "start": round(t, 2), "end": round(t + d, 2),
                 "confidence": round(rng.uniform(0.55, 0.999), 4), "speaker": spk,
                 "speaker_confidence": round(rng.uniform(0.4, 0.99), 2),
                 "punctuated_word": Seg(word_pieces(tok, x, False), True)}
            words.append(w); t += d + 0.04
        utts.append({"start": round(u0, 2), "end": round(t, 2), "confidence": round(rng.uniform(0.7, 0.99), 4),
                     "channel": 0, "transcript": Seg(ps), "speaker": spk, "id": uid(rng)})
        t += rng.uniform(0.3, 1.5)
    mid = uid(rng)
    obj = {"metadata": {"transaction_key": "deprecated", "request_id": uid(rng),
                        "sha256": "%064x" % rng.getrandbits(256), "created": "2026-0%d-%02dT%02d:%02d:%02d.%03dZ" % (
                            rng.randint(1, 9), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
                        "duration": round(t, 3), "channels": 1, "models": [mid],
                        "model_info": {mid: {"name": rng.choice(["2-phonecall-nova", "general-nova-3", "2-general-nova"]),
                                             "version": "2024-01-09.29447", "arch": rng.choice(["nova-2", "nova-3"])}}},
           "results": {"channels": [{"alternatives": [{"transcript": Seg(joined(T)), "confidence": round(rng.uniform(0.8, 0.99), 4),
                                                        "words": words}]}], "utterances": utts}}
    b = Buf(); ser(obj, b)
    return b.b.decode("utf-8"), b.spans, b.negs


def emit_transcribe(T, rng):
    items = []; segs = []; t = 0.0; idx = 0
    for role, ps in T:
        spk = "spk_0" if role == "A" else "spk_1"
        ids = []; s0 = t
        for tok, x in words_of(ps):
            core = tok.strip(".,?!")
            if core:
                d = rng.uniform(0.12, 0.6)
                pc = word_pieces(tok, x, False)
                cp = [pp for pp in pc if not (isinstance(pp, str) and pp.strip(".,?!") == "")]
                items.append({"id": idx, "type": "pronunciation", "alternatives": [{"confidence": "%.3f" % rng.uniform(0.5, 1.0),
                              "content": Seg(cp, True)}], "start_time": "%.3f" % t, "end_time": "%.3f" % (t + d), "speaker_label": spk})
                ids.append(idx); idx += 1; t += d + 0.03
            trail = tok[len(tok.rstrip(".,?!")):]
            for ch in trail[:1]:
                items.append({"id": idx, "type": "punctuation", "alternatives": [{"confidence": "0.0", "content": ch}], "speaker_label": spk})
                ids.append(idx); idx += 1
        segs.append({"id": len(segs), "transcript": Seg(ps), "start_time": "%.3f" % s0, "end_time": "%.3f" % t,
                     "speaker_label": spk, "items": ids})
        t += rng.uniform(0.3, 1.2)
    obj = {"jobName": "rx-helpdesk-%06d" % rng.randint(0, 999999), "accountId": "000000000000", "status": "COMPLETED",
           "results": {"transcripts": [{"transcript": Seg(joined(T))}], "speaker_labels": {"speakers": 2, "channel_label": "ch_0"},
                       "items": items, "audio_segments": segs}}
    b = Buf(); ser(obj, b)
    return b.b.decode("utf-8"), b.spans, b.negs


def written_summary(p, kind, rng, money):
    parts = ["Caller ", E(p.first + " " + p.last, "NAME", "none", "summary_name", False, p.first + " " + p.last),
             " (DOB ", E(r_date(p.dob, rng, False)[0], "DOB", "same", "summary_dob", False, p.dob.isoformat()), ") "]
    if kind == "refill":
        parts += ["requested a refill of ", p.drug[0], " ", N(p.drug[2], "dose"), ", Rx #", neg_rx(rng, False),
                  ", qty ", N(rng.choice(["90", "30"]), "count"), ", copay ", N(rng.choice(money)[1], "money"), "."]
    elif kind == "prior_auth":
        parts += ["asked about PA status for ", p.drug[0], "; prescriber Dr. ",
                  E(p.doc, "NAME", "same", "summary_provider", False, p.doc), " (NPI ",
                  E(p.npi, "NPI", "same", "summary_npi", False, p.npi), "). Callback ",
                  E(r_phone(p.phone, rng, False)[0], "PHONE", "same", "summary_phone", False, p.phone), "."]
    elif kind == "address_change":
        parts += ["updated shipping address to ",
                  E(r_street(p.house, p.street, p.suf, p.unit, rng, False)[0], "STREET", "same", "summary_street", False,
                    "%d %s %s" % (p.house, p.street, p.suf[0])), ", ", E(p.city, "CITY", "same", "summary_city", False, p.city),
                  ", ", p.state, " ", E(p.zip, "ZIP", "same", "summary_zip", False, p.zip), "."]
    else:
        parts += ["replaced payment card; new card ending ",
                  E(p.card[-4:], "CARD", "same", "summary_last4", False, p.card), ". Order ", neg_order(rng, False), " released."]
    return parts


def emit_signalwire(p, kind, T, rng, money):
    log = [{"role": "system", "content": "You are a pharmacy help desk assistant. Verify identity before discussing prescriptions.",
            "timestamps": []}]
    for role, ps in T:
        log.append({"role": "assistant" if role == "A" else "user", "content": Seg(ps)})
    summ = written_summary(p, kind, rng, money)
    cnam = (p.last + " " + p.first).upper()
    obj = {"action": "post_conversation", "app_name": "rx-helpdesk-agent", "call_id": uid(rng), "ai_session_id": uid(rng),
           "call_start_date": 1760000000000000 + rng.randint(0, 10 ** 12),
           "caller_id_name": Seg([E(cnam, "NAME", "none", "cnam_upper", False, p.first + " " + p.last)]),
           "caller_id_number": Seg([E("+1" + p.phone, "PHONE", "none", "e164", False, p.phone)]),
           "call_log": log,
           "post_prompt_data": {"raw": Seg(summ), "substituted": "", "parsed": []},
           "total_input_tokens": rng.randint(900, 4000), "total_output_tokens": rng.randint(100, 600)}
    b = Buf(); ser(obj, b)
    return b.b.decode("utf-8"), b.spans, b.negs


def readback_written(T):
    """SignalWire assistant turns are LLM text: read-backs would be written; keep spoken user turns."""
    return T


def generate(seed, n):
    rng = random.Random(seed)
    money = load_money()
    out = []
    for i in range(n):
        r = rng.random()
        fmt = "transcript" if i % 5 in (0, 1, 3) else ("json")
        prof = None
        if fmt == "json":
            prof = rng.choice(["deepgram", "deepgram", "transcribe", "transcribe", "signalwire"])
        smart = prof in ("transcribe",) or (prof == "deepgram" and rng.random() < 0.4)
        while True:
            p, kind, T = make_call(rng, money, smart)
            if 8 <= len(T) <= 40:
                break
        if fmt == "transcript":
            text, spans, negs = emit_transcript(T, rng)
            rec = {"id": "h25-%04d" % i, "format": "transcript", "kind": "pharmacy_" + kind, "text": text}
        elif prof == "deepgram":
            text, spans, negs = emit_deepgram(T, rng)
            rec = {"id": "h25-%04d" % i, "format": "json", "profile": "deepgram", "kind": "deepgram_" + kind, "text": text}
        elif prof == "transcribe":
            text, spans, negs = emit_transcribe(T, rng)
            rec = {"id": "h25-%04d" % i, "format": "json", "profile": "transcribe", "kind": "transcribe_" + kind, "text": text}
        else:
            text, spans, negs = emit_signalwire(p, kind, T, rng, money)
            rec = {"id": "h25-%04d" % i, "format": "json", "profile": "signalwire", "kind": "signalwire_" + kind, "text": text}
        rec["spans"] = spans; rec["negatives"] = negs
        out.append(rec)
    return out


# ---------------------------------------------------------------- check
def json_string_ranges(raw):
    rs = []; i = 0; n = len(raw)
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            rs.append((i + 1, j)); i = j + 1
        else:
            i += 1
    return rs


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[A-Za-z_ 0-9]+\] |[A-Za-z][A-Za-z_ 0-9]*: )")


def valid_value(ent, v):
    if ent == "SSN":
        return len(v) == 9 and v.isdigit() and v[:3] not in ("000", "666") and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000"
    if ent == "PHONE":
        return len(v) == 10 and v[3:8] == "55501"
    if ent == "NPI":
        return len(v) == 10 and v[0] in "12" and luhn_ok("80840" + v)
    if ent == "CARD":
        return luhn_ok(v) and v[:6] in CARD_PREFIX
    if ent == "DOB":
        try:
            datetime.date.fromisoformat(v); return True
        except ValueError:
            return False
    if ent == "ZIP":
        return len(v) == 5 and v.isdigit() and v != "00000"
    if ent == "MEMBER_ID":
        return v.isalnum() and v.upper() == v
    if ent == "EMAIL":
        return re.fullmatch(r"[a-z0-9.]+@[a-z]+\.com", v) is not None
    return bool(v)


def check(paths):
    recs = []; errs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for ln in f:
                recs.append(json.loads(ln))
    for r in recs:
        t = r["text"]; b = t.encode("utf-8"); rid = r["id"]
        ranges = None
        if r["format"] == "json":
            try:
                json.loads(t)
            except ValueError as e:
                errs.append((rid, "json", str(e))); continue
            if "\n" in t:
                errs.append((rid, "newline in json"))
            # byte ranges of strings
            cr = json_string_ranges(t)
            b2 = [len(t[:0])]
            pos = []; acc = 0
            for ch in t:
                pos.append(acc); acc += len(ch.encode("utf-8"))
            pos.append(acc)
            ranges = [(pos[a], pos[z]) for a, z in cr]
        else:
            lines = t.split("\n")
            if not 8 <= len(lines) <= 40 or t.endswith("\n") or any(not l.strip() for l in lines):
                errs.append((rid, "transcript lines"))
            for l in lines:
                if not LINE_RE.match(l):
                    errs.append((rid, "label", l[:40]))
        iv = sorted([(s["start"], s["end"], "s") for s in r["spans"]] + [(n["start"], n["end"], "n") for n in r["negatives"]])
        for (a1, z1, _), (a2, z2, _) in zip(iv, iv[1:]):
            if a2 < z1:
                errs.append((rid, "overlap", a1, a2))
        for s in r["spans"] + r["negatives"]:
            seg = b[s["start"]:s["end"]].decode("utf-8")
            if not seg or seg != seg.strip() or not any(c.isalnum() for c in seg):
                errs.append((rid, "span text", seg))
            if ranges is not None and not any(a <= s["start"] and s["end"] <= z for a, z in ranges):
                errs.append((rid, "span outside string", seg))
        for s in r["spans"]:
            if not valid_value(s["entity"], s.get("value", "")):
                errs.append((rid, "invalid value", s["entity"], s.get("value")))
    for e in errs[:30]:
        print("ERROR", e, file=sys.stderr)
    stats(recs)
    return 1 if errs else 0


def stats(recs):
    c = collections.Counter(); fm = collections.Counter(); ng = collections.Counter(); frag = collections.Counter()
    for r in recs:
        fm[r["format"] + "/" + r.get("profile", "-")] += 1
        for s in r["spans"]:
            if s["form"].endswith("_word"):
                frag[s["entity"]] += 1
            else:
                c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            ng[n["what"]] += 1
    print("records:", len(recs), dict(sorted(fm.items())))
    print("entity x spoken/written x cue (whole values, excluding per-word fragments):")
    for k, v in sorted(c.items()):
        print("  %-10s %-8s %-5s %d" % (k + (v,)))
    print("per-word fragment spans (Deepgram words / Transcribe items):", dict(sorted(frag.items())))
    print("negatives:", dict(sorted(ng.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=25)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="*")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.check))
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs); return
    for r in recs:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
