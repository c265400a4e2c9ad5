#!/usr/bin/env python3
"""Holdout 22: healthcare phone-call transcripts + voice-agent JSON payloads, fictitious PHI.

python3 gen_holdout22.py [--seed S] [--n COUNT] > holdout22.jsonl
python3 gen_holdout22.py --stats
python3 gen_holdout22.py --check holdout22.jsonl
Standard library only; deterministic for a seed (random.Random, no hash-order dependence).
"""
import argparse, collections, csv, datetime, json, os, random, re, sys

SEED = 20261222
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- carrier filler
def carrier_dir():
    for d in (os.environ.get("CARRIER_DIR", ""), os.path.join(HERE, "../../../../../shared/carrier-sources"),
              "/work/shared/carrier-sources"):
        if d and os.path.isdir(d):
            return d
    return ""

BADW = re.compile(r"\b(mr|mrs|ms|miss|dr|doctor \w+|name|born|birthday)\b", re.I)

def load_carrier():
    d = carrier_dir()
    out = []  # (source, role, text)
    if not d:
        return out
    try:
        with open(os.path.join(d, "mts-dialog/MTS-Dialog-TrainingSet.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for ln in row["dialogue"].split("\n"):
                    m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician):\s*(.*\S)", ln)
                    if m and 25 <= len(m.group(2)) <= 150:
                        out.append(("mts", "agent" if m.group(1) == "Doctor" else "caller", m.group(2).strip()))
    except OSError:
        pass
    try:
        with open(os.path.join(d, "aci-bench/valid_aci_asr.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for k, ln in enumerate(row["dialogue"].split("\n")):
                    m = re.match(r"\[(doctor|patient)\]\s*(.*\S)", ln)
                    if k > 0 and m and 25 <= len(m.group(2)) <= 150:
                        out.append(("aci", "agent" if m.group(1) == "doctor" else "caller", m.group(2).strip()))
    except OSError:
        pass
    good = []
    for s, r, t in out:
        if re.search(r"\d", t) or BADW.search(t) or re.search(r"(?<=[a-z] )[A-Z][a-z]+", t) or "\t" in t:
            continue
        good.append((s, r, t))
    return good

# ---------------------------------------------------------------- values
FIRST = ["Dana", "Halina", "Tomasz", "Nguyen Thi", "Bao", "Oluwaseun", "Chidi", "Marisol", "Guadalupe", "Ernesto",
         "Agnieszka", "Walter", "Loretta", "Irene", "Harold", "Darnell", "Keisha", "Priya", "Rajesh", "Svetlana",
         "Dmitri", "Fatima", "Yusuf", "Mei", "Hiroshi", "Rosalind", "Beatriz", "Earl", "Dolores", "Vernon",
         "Imelda", "Teodoro", "Ngozi", "Anh", "Kateryna", "Bogdan", "Shirley", "Clarence", "Juanita", "Wendell",
         "Leticia", "Otis", "Mildred", "Ahmad", "Soo-jin", "Ravi", "Corinne", "Gustavo", "Alma", "Tuan"]
LAST = ["Reyes", "Wojcik", "Nowakowski", "Tran", "Adeyemi", "Okonkwo", "Villalobos", "Castellanos", "Pietrzak",
        "Hargrove", "Whitlock", "Abernathy", "Pettaway", "Raghunathan", "Venkataraman", "Kuznetsova", "Haddad",
        "Yilmaz", "Takahashi", "Fairweather", "Szymanski", "Delacroix", "Broussard", "Mbeki", "Ostrowski",
        "Quintanilla", "Thibodeaux", "Kowalczyk", "Lindqvist", "Oyelaran", "Begay", "Tsosie", "McAllister",
        "Dubois", "Ferreira", "Lukasiewicz", "Mahmoud", "Gallardo", "Pham", "Boateng", "Rasmussen", "Hollis"]
FEM = {"Dana", "Halina", "Nguyen Thi", "Marisol", "Guadalupe", "Agnieszka", "Loretta", "Irene", "Keisha", "Priya", "Svetlana",
       "Fatima", "Mei", "Rosalind", "Beatriz", "Dolores", "Imelda", "Ngozi", "Kateryna", "Shirley", "Juanita", "Leticia",
       "Mildred", "Soo-jin", "Corinne", "Alma", "Oluwaseun", "Anh", "Bao"}
AGENTS = ["Tanya", "Marcus", "Bree", "Jamal", "Kristen", "Luis", "Renee", "Devon", "Ashley", "Omar", "Paula", "Gina"]
DOCS = ["Patel", "Okafor", "Lindgren", "Morales", "Chen", "Feldman", "Abiodun", "Sorensen", "Kaur", "Brennan"]
CITIES = [("Tacoma", "WA", "984"), ("Dayton", "OH", "454"), ("El Paso", "TX", "799"), ("Fort Wayne", "IN", "468"),
          ("Albuquerque", "NM", "871"), ("Scranton", "PA", "185"), ("Chula Vista", "CA", "919"),
          ("Hialeah", "FL", "330"), ("Gary", "IN", "464"), ("Lowell", "MA", "018"), ("Macon", "GA", "312"),
          ("Des Moines", "IA", "503"), ("Flagstaff", "AZ", "860"), ("Paterson", "NJ", "075"), ("Duluth", "MN", "558"),
          ("Baton Rouge", "LA", "708"), ("Spokane", "WA", "992"), ("Hamtramck", "MI", "482"), ("Laredo", "TX", "780")]
STREETS = ["Elm", "Rainier", "Maple Grove", "Cesar Chavez", "Kosciuszko", "Magnolia", "Old Mill", "Linwood",
           "Pulaski", "Buena Vista", "Cottonwood", "Shadeland", "Dorchester", "Juniper Hill", "Lafayette", "Peachtree"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave"), ("Road", "Rd."), ("Drive", "Dr"), ("Court", "Ct."),
          ("Lane", "Ln"), ("Boulevard", "Blvd."), ("Way", "Way"), ("Terrace", "Ter."), ("Circle", "Cir")]
DIRS = [("North", "N."), ("South", "S"), ("East", "E."), ("West", "W"), ("Northeast", "NE"), ("Southwest", "SW")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net", "hotmail.com",
           "example.org", "att.net"]
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
CARD_PREFIX = ["411111", "424242", "400000", "555555", "510510", "601111", "378282", "371449"]

def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            d -= 9 if d > 9 else 0
        t += d
    return t % 10 == 0

def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c

def mk_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            return "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))

def mk_phone(r):
    return r.choice(["415", "206", "312", "614", "915", "505", "570", "773", "404", "718", "262"]) + "55501" + "%02d" % r.randint(0, 99)

def mk_npi(r):
    body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c

def mk_card(r):
    p = r.choice(CARD_PREFIX)
    ln = 15 if p.startswith("37") else 16
    return luhn_complete(p + "".join(r.choice("0123456789") for _ in range(ln - len(p) - 1)))

def mk_mbi(r):
    D = "0123456789"; A = MBI_L + D
    c = [r.choice("123456789"), r.choice(MBI_L), r.choice(A), r.choice(D), r.choice(MBI_L), r.choice(A),
         r.choice(D), r.choice(MBI_L), r.choice(MBI_L), r.choice(D), r.choice(D)]
    return "".join(c)

MBI_RE = re.compile(r"^[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]$" % ((MBI_L,) * 6))

def mk_date(r, y0, y1):
    while True:
        y, m, d = r.randint(y0, y1), r.randint(1, 12), r.randint(1, 31)
        try:
            return datetime.date(y, m, d)
        except ValueError:
            pass

def mk_mrn(r):
    k = r.random()
    if k < .4:
        return "".join(r.choice("0123456789") for _ in range(r.choice([7, 8, 9])))
    if k < .7:
        return r.choice("EMHKV") + "".join(r.choice("0123456789") for _ in range(7))
    return "00" + "".join(r.choice("0123456789") for _ in range(6))

def mk_member(r):
    k = r.random()
    if k < .35:
        return "".join(r.choice("BCDFGHJKMNPRTWXYZ") for _ in range(3)) + "".join(r.choice("0123456789") for _ in range(9))
    if k < .6:
        return r.choice("WUYZ") + "".join(r.choice("0123456789") for _ in range(9))
    if k < .8:
        return "".join(r.choice("0123456789") for _ in range(9)) + "0" + r.choice("1234")
    return "".join(r.choice("ABDEHJKMR") for _ in range(2)) + "".join(r.choice("0123456789") for _ in range(8))

# ---------------------------------------------------------------- spoken rendering
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth", "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth", "twenty sixth",
       "twenty seventh", "twenty eighth", "twenty ninth", "thirtieth", "thirty first"]
MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NATO = dict(A="alpha", B="bravo", C="charlie", D="delta", E="echo", F="foxtrot", G="golf", H="hotel", I="india",
            J="juliet", K="kilo", L="lima", M="mike", N="november", O="oscar", P="papa", Q="quebec", R="romeo",
            S="sierra", T="tango", U="uniform", V="victor", W="whiskey", X="x-ray", Y="yankee", Z="zulu")
ASIN = dict(A="Adam", B="boy", C="Charlie", D="David", E="Edward", F="Frank", G="George", H="Henry", I="Ida",
            J="John", K="King", L="Larry", M="Mary", N="Nancy", O="Ocean", P="Peter", Q="Queen", R="Robert",
            S="Sam", T="Tom", U="umbrella", V="Victor", W="William", X="x-ray", Y="yellow", Z="zebra")

def two(n, zero="oh"):
    if n < 10:
        return zero + " " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else (r"-" if False else " ") + ONES[n % 10])

class Say:
    """Per-record speech style: zero word, hyphenation, fillers."""
    def __init__(self, r, numerals):
        self.r = r
        self.zero = r.choice(["zero", "oh", "o", "oh"])
        self.numerals = numerals  # 'words' | 'numerals' | 'odd' | 'mixed'
        self.hyph = r.random() < .3
        self.fill = r.choice(["uh", "um", "uhm", "er"])

    def digits(self, ds, groups=None, seps=None, dbl=True, fill=0.0):
        r = self.r
        if groups is None:
            groups = [len(ds)]
        out, pos = [], 0
        for gi, g in enumerate(groups):
            chunk = ds[pos:pos + g]; pos += g
            words, i = [], 0
            while i < len(chunk):
                c = chunk[i]
                run = 1
                while i + run < len(chunk) and chunk[i + run] == c:
                    run += 1
                w = self.zero if c == "0" else ONES[int(c)]
                if dbl and run == 2 and r.random() < .6:
                    words.append("double " + w); i += 2; continue
                if dbl and run >= 3 and r.random() < .5:
                    words.append("triple " + w); i += 3; continue
                words.append(w); i += 1
            s = " ".join(words)
            if fill and r.random() < fill and gi < len(groups) - 1:
                s += r.choice([" " + self.fill, "...", " " + self.fill + ","])
            out.append(s)
        sep = seps if seps is not None else r.choice([" ", ", ", "... ", " - ", ". "])
        return sep.join(out)

    def num(self, ds, groups, sep=None):
        pos, out = 0, []
        for g in groups:
            out.append(ds[pos:pos + g]); pos += g
        sep = sep if sep is not None else self.r.choice(["-", " ", ".", " - ", ", ", "  "])
        return sep.join(out)

    def pairs4(self, d4):
        a, b = int(d4[:2]), int(d4[2:])
        if d4[0] == "0":
            left = self.zero + " " + ONES[int(d4[1])]
        elif d4[2:] == "00":
            return (TEENS[a - 10] if a < 20 else two(a)) + " hundred"
        else:
            left = two(a, self.zero)
        return left + " " + two(b, self.zero)

def year_words(y, r):
    if 1900 <= y < 2000:
        yy = y - 1900
        return "nineteen " + ("hundred" if yy == 0 else two(yy, r.choice(["oh", "o"])))
    if y < 2010:
        return "two thousand" + ("" if y == 2000 else r.choice([" ", " and "]) + ONES[y - 2000])
    return r.choice(["twenty " + two(y - 2000), "two thousand " + two(y - 2000).replace("oh ", "")])

def date_say(d, sp, style):
    r = sp.r
    M, D, Y = MONTHS[d.month], d.day, d.year
    if style == "words":
        k = r.randint(0, 5)
        if k == 0: return "%s %s %s" % (M.lower(), ORD[D], year_words(Y, r)), "month_ord_yearwords"
        if k == 1: return "the %s of %s, %s" % (ORD[D], M.lower(), two(Y % 100, "oh")), "the_d_of_m_yy"
        if k == 2: return "%s %s %s" % (ONES[d.month] if d.month < 10 else TEENS[d.month - 10], two(D) if D >= 10 else ONES[D], two(Y % 100, sp.zero)), "num_mdy_words_short"
        if k == 3: return "%s %s %s" % (sp.zero + " " + ONES[d.month] if d.month < 10 else TEENS[d.month - 10], sp.zero + " " + ONES[D] if D < 10 else two(D), year_words(Y, r)), "num_mdy_words_lead_full"
        if k == 4: return "%s, %s... %s the %s" % (year_words(Y, r), r.choice(["let me think", "uh", "um"]), M.lower(), ORD[D]), "year_first_hesitant"
        return "%s %s, %s" % (M.lower(), two(D) if D >= 10 else ONES[D], year_words(Y, r)), "month_card_yearwords"
    if style in ("numerals", "odd"):
        k = r.randint(0, 6)
        if k == 0: return "%d/%d/%d" % (d.month, D, Y), "written_mdy_slash"
        if k == 1: return "%02d-%02d-%02d" % (d.month, D, Y % 100), "written_mdy_dash_short"
        if k == 2: return "%s %d, %d" % (M, D, Y), "written_month_d_y"
        if k == 3: return "%s %d%s %d" % (M, D, "th" if 4 <= D <= 20 or 24 <= D <= 30 else {1: "st", 2: "nd", 3: "rd"}[D % 10], Y), "written_month_dth_y"
        if k == 4: return "%d %d %d" % (d.month, D, Y), "num_mdy_space"
        if k == 5: return "%02d.%02d.%d" % (d.month, D, Y), "written_mdy_dot"
        return "%02d %02d %02d" % (d.month, D, Y % 100), "num_mdy_space_lead_short"
    k = r.randint(0, 2)
    if k == 0: return "%s %d%s %s" % (M, D, "th" if 4 <= D <= 20 or 24 <= D <= 30 else {1: "st", 2: "nd", 3: "rd"}[D % 10], year_words(Y, r)), "mixed_month_dth_yearwords"
    if k == 1: return "%d %d %s" % (d.month, D, two(Y % 100, "oh")), "mixed_md_digits_yy_words"
    return "%s %d, %d" % (M.lower(), D, Y), "mixed_month_lower_digits"

def spell(word, r, how=None):
    L = [c for c in word.upper() if c.isalpha()]
    how = how or r.choice(["space", "dash", "asin", "nato", "dots"])
    if how == "space": return " ".join(L), "spelled_space"
    if how == "dash": return "-".join(L), "spelled_dash"
    if how == "dots": return ". ".join(L) + ".", "spelled_dots"
    if how == "nato": return " ".join(NATO[c] for c in L), "spelled_nato"
    return ", ".join("%s as in %s" % (c, ASIN[c]) for c in L), "spelled_as_in"

def alnum_say(s, sp, how):
    r = sp.r
    out = []
    for c in s:
        if c.isdigit():
            out.append(sp.zero if c == "0" else ONES[int(c)]) if how != "numerals" else out.append(c)
        else:
            out.append({"letters": c, "nato": NATO[c], "asin": "%s as in %s" % (c, ASIN[c])}.get(how if how != "numerals" else "letters", c))
    return " ".join(out)

# ---------------------------------------------------------------- record builder
class RS:
    """A rich string: list of str / (text, span-dict) / (text, 'NEG', what)."""
    def __init__(self, *parts):
        self.parts = list(parts)
    def add(self, *p):
        self.parts.extend(p); return self
    def plain(self):
        return "".join(p if isinstance(p, str) else p[0] for p in self.parts)

def V(text, ent, cue, form, value, spoken):
    return (text, {"entity": ent, "spoken": spoken, "cue": cue, "form": form, "value": value})

def N(text, what):
    return (text, "NEG", what)

def assemble_text(lines):
    """lines: list of RS; joined by newline. Returns text, spans, negatives (byte offsets)."""
    text, spans, negs, pos = [], [], [], 0
    for li, rs in enumerate(lines):
        if li:
            text.append("\n"); pos += 1
        for p in rs.parts:
            if isinstance(p, str):
                seg = p
            else:
                seg = p[0]
                b = len(seg.encode("utf-8"))
                if p[1] == "NEG":
                    negs.append({"start": pos, "end": pos + b, "what": p[2]})
                else:
                    d = dict(p[1]); d["start"] = pos; d["end"] = pos + b; spans.append(d)
            text.append(seg); pos += len(seg.encode("utf-8"))
    return "".join(text), spans, negs

def jesc(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]

def serialize(obj, acc):
    """acc gets ('raw', s) for JSON syntax, ('txt', s) for string content, span/neg tuples."""
    if isinstance(obj, RS):
        acc.append(("raw", '"'))
        for p in obj.parts:
            acc.append(("txt", p) if isinstance(p, str) else p)
        acc.append(("raw", '"'))
    elif isinstance(obj, dict):
        acc.append(("raw", "{"))
        for i, (k, v) in enumerate(obj.items()):
            if i: acc.append(("raw", ","))
            acc.append(("raw", json.dumps(k, ensure_ascii=False) + ":"))
            serialize(v, acc)
        acc.append(("raw", "}"))
    elif isinstance(obj, list):
        acc.append(("raw", "["))
        for i, v in enumerate(obj):
            if i: acc.append(("raw", ","))
            serialize(v, acc)
        acc.append(("raw", "]"))
    else:
        acc.append(("raw", json.dumps(obj, ensure_ascii=False)))

def assemble_json(obj):
    acc = []
    serialize(obj, acc)
    out, spans, negs, pos = [], [], [], 0
    for a in acc:
        if a[0] == "raw":
            seg = a[1]
        elif a[0] == "txt":
            seg = jesc(a[1])
        else:
            seg = jesc(a[0]); b = len(seg.encode("utf-8"))
            if a[1] == "NEG":
                negs.append({"start": pos, "end": pos + b, "what": a[2]})
            else:
                d = dict(a[1]); d["start"] = pos; d["end"] = pos + b; spans.append(d)
        out.append(seg); pos += len(seg.encode("utf-8"))
    text = "".join(out)
    assert text == json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))
    return text, spans, negs

def to_plain(obj):
    if isinstance(obj, RS): return obj.plain()
    if isinstance(obj, dict): return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, list): return [to_plain(v) for v in obj]
    return obj

# ---------------------------------------------------------------- people and calls
CALLTYPES = {
    "urgent_care": ("Valley Urgent Care nurse line", "Nurse"),
    "behavioral_intake": ("the behavioral health intake line", "Intake"),
    "dialysis": ("Riverside Dialysis scheduling", "Scheduler"),
    "oncology": ("Cedar Oncology scheduling", "Scheduler"),
    "pbm": ("pharmacy benefits member services", "Rep"),
    "va_clinic": ("the community VA clinic", "Clerk"),
    "pharmacy": ("the pharmacy refill line", "Pharmacy"),
    "billing": ("patient billing", "Billing"),
}

class Person:
    def __init__(self, r):
        self.first = r.choice(FIRST); self.last = r.choice(LAST)
        self.dob = mk_date(r, 1931, 2008)
        self.phone = mk_phone(r); self.ssn = mk_ssn(r); self.mrn = mk_mrn(r); self.member = mk_member(r)
        self.mbi = mk_mbi(r); self.card = mk_card(r)
        c = r.choice(CITIES); self.city, self.state = c[0], c[1]
        self.zip = c[2] + "%02d" % r.randint(1, 99)
        self.house = str(r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10000, 24999)]))
        self.street = r.choice(STREETS); self.suf = r.choice(SUFFIX)
        self.dir = r.choice(DIRS) if r.random() < .35 else None
        self.unit = r.choice([None, None, ("apartment", "Apt."), ("unit", "Unit"), ("suite", "Ste."), ("lot", "Lot"), ("number", "#")])
        self.unitno = r.choice(["4B", "12", "204", "3", "C", "1117", "2F"])
        lf = re.sub(r"[^a-z]", "", self.first.lower()); ll = re.sub(r"[^a-z]", "", self.last.lower())
        k = r.randint(0, 4)
        loc = [lf + "." + ll, lf[0] + ll + str(r.randint(1, 99)), lf + ll[0] + str(self.dob.year), ll + "." + lf[:3] + str(r.randint(10, 99)),
               lf + "_" + ll + str(self.dob.year % 100)][k]
        self.email = loc + "@" + r.choice(DOMAINS)

def email_say(e, sp, how):
    loc, dom = e.split("@")
    r = sp.r
    def locw(lp):
        parts = re.split(r"([._])", lp)
        out = []
        for p in parts:
            if p == ".": out.append("dot")
            elif p == "_": out.append("underscore")
            else:
                m = re.match(r"([a-z]*)(\d*)$", p)
                w = m.group(1); d = m.group(2)
                if w: out.append(w)
                if d:
                    if how == "words":
                        out.append(sp.digits(d, seps=" ", dbl=False) if len(d) != 4 else year_words(int(d), r) if d[:2] in ("19", "20") else sp.digits(d, seps=" "))
                    else:
                        out.append(d)
        return " ".join(out)
    domw = dom.replace(".", " dot ")
    if how == "written":
        return e, "email_written", False
    if how == "asr_glued":
        return loc + " at " + dom, "email_at_word_domain_written", True
    if how == "asr_spaced":
        return loc.replace(".", " . ") + " @ " + dom, "email_spaced_symbols", False
    if how == "spell_first":
        first = re.match(r"[a-z]+", loc).group(0)
        sl, _ = spell(first, r, r.choice(["space", "dash"]))
        return "%s, %s, %s at %s" % (locw(loc), sl.lower(), r.choice(["all one word", "no spaces", "all lowercase"]), domw), "email_spell_first", True
    return locw(loc) + " at " + domw, "email_words", True

def digits_in(s):
    """Best-effort words->digits for validation of spoken digit strings."""
    toks = re.findall(r"[a-z]+|\d", s.lower())
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t.isdigit(): out.append(t)
        elif t in ("zero", "oh", "o"): out.append("0")
        elif t in ONES: out.append(str(ONES.index(t)))
        elif t in TEENS:
            if i + 1 < len(toks) and toks[i + 1] == "hundred":
                out.append(str(10 + TEENS.index(t)) + "00"); i += 1
            else: out.append(str(10 + TEENS.index(t)))
        elif t in TENS and t:
            v = TENS.index(t)
            if i + 1 < len(toks) and toks[i + 1] in ONES[1:]:
                out.append("%d%d" % (v, ONES.index(toks[i + 1]))); i += 1
            else: out.append("%d0" % v)
        elif t in ("double", "triple") and i + 1 < len(toks):
            n = 2 if t == "double" else 3
            w = toks[i + 1]
            out.append(("0" if w in ("zero", "oh", "o") else str(ONES.index(w))) * n); i += 1
        i += 1
    return "".join(out)

# ---------------------------------------------------------------- value renderings
class Render:
    def __init__(self, r, mode):
        self.r = r; self.mode = mode; self.sp = Say(r, mode)

    def m(self):
        """This value's mode: mostly the record's engine mode, sometimes a neighbour."""
        if self.mode == "words":
            return "words" if self.r.random() < .85 else "mixed"
        if self.mode == "mixed":
            return self.r.choice(["words", "mixed", "numerals"])
        return self.mode if self.r.random() < .8 else self.r.choice(["numerals", "odd", "mixed", "words"])

    def digitstr(self, ds, groups, m=None, pairs_last=False, correct=False):
        r, sp = self.r, self.sp
        m = m or self.m()
        if m == "words":
            if pairs_last and len(groups) > 1 and groups[-1] == 4 and r.random() < .5:
                head = sp.digits(ds[:-4], groups[:-1], dbl=True, fill=.3)
                return head + r.choice([", ", " ", "... "]) + sp.pairs4(ds[-4:]), "digits_%s_pairs_last" % sp.zero, True
            if correct and r.random() < .5:
                wrong = ds[:-2] + ("0" if ds[-2] != "0" else "1")
                a = sp.digits(wrong, groups, seps=", ")
                b = sp.digits(ds[-sum(groups[-1:]):], dbl=False)
                return a + r.choice(["... no wait, ", " -- sorry, ", ", no, "]) + b, "digits_%s_selfcorrect" % sp.zero, True
            seps = r.choice([" ", ", ", "... ", " - ", ". "])
            return sp.digits(ds, groups, seps=seps, fill=.25), "digits_%s_%s" % (sp.zero, {" ": "space", ", ": "comma", "... ": "pause", " - ": "dash", ". ": "dot"}[seps]), True
        if m == "mixed":
            k = r.randrange(len(groups))
            pos, out = 0, []
            for i, g in enumerate(groups):
                c = ds[pos:pos + g]; pos += g
                out.append(sp.digits(c, dbl=False) if i == k else c)
            return r.choice([" ", ", "]).join(out), "mixed_digits_words", True
        if m == "odd":
            k = r.randint(0, 3)
            if k == 0: return " ".join(ds), "numerals_each_spaced", False
            if k == 1: return ds, "numerals_run_together", False
            if k == 2:
                cut = sorted(r.sample(range(1, len(ds)), min(3, len(ds) - 1)))
                out, last = [], 0
                for c in cut + [len(ds)]:
                    out.append(ds[last:c]); last = c
                return r.choice([" ", "-", ", "]).join(out), "numerals_odd_groups", False
            return sp.num(ds, groups, r.choice([", ", ". ", " - ", "  "])), "numerals_odd_punct", False
        return sp.num(ds, groups, r.choice(["-", " ", "-"])), "numerals_grouped", False

    def phone(self, ph, correct=False):
        r = self.r
        m = self.m()
        if m == "numerals" and r.random() < .5:
            return r.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s %s %s", "1-%s-%s-%s"]) % (ph[:3], ph[3:6], ph[6:]), "written_phone", False
        return self.digitstr(ph, [3, 3, 4], m, pairs_last=True, correct=correct)

    def ssn(self, s, last4=False):
        if last4:
            t, f, spk = self.digitstr(s[-4:], [4])
            return t, "last4_" + f, spk
        return self.digitstr(s, [3, 2, 4])

    def card(self, c, last4=False):
        if last4:
            t, f, spk = self.digitstr(c[-4:], [4])
            return t, "last4_" + f, spk
        g = [4, 6, 5] if len(c) == 15 else [4, 4, 4, 4]
        return self.digitstr(c, g)

    def npi(self, n):
        return self.digitstr(n, self.r.choice([[3, 3, 4], [10], [5, 5], [4, 3, 3]]))

    def zip(self, z):
        m = self.m()
        if m == "words" and z[1] != "0" and self.r.random() < .3:
            return "%s %s" % (two(int(z[:2]), self.sp.zero), self.sp.digits(z[2:], dbl=False)), "zip_pair_then_digits", True
        return self.digitstr(z, [5], m)

    def alnum(self, s, groups=None, m=None):
        r, sp = self.r, self.sp
        m = m or self.m()
        if m in ("numerals", "odd"):
            if groups and r.random() < .6:
                pos, out = 0, []
                for g in groups:
                    out.append(s[pos:pos + g]); pos += g
                return r.choice(["-", " ", " - "]).join(out), "alnum_grouped", False
            if m == "odd" and r.random() < .5:
                return " ".join(s), "alnum_each_spaced", False
            return s, "alnum_plain", False
        how = r.choice(["letters", "nato", "asin"]) if re.search(r"[A-Z]", s) else "letters"
        if m == "mixed":
            lead = re.match(r"[A-Z]*", s).group(0)
            rest = s[len(lead):]
            if not lead:
                k = r.randint(2, len(s) - 2)
                return alnum_say(s[:k], sp, "letters") + " " + s[k:], "alnum_mixed_words_then_numerals", True
            lt = alnum_say(lead, sp, how) if lead else ""
            return (lt + " " if lt else "") + rest, "alnum_mixed_%s_numerals" % how, True
        if groups and r.random() < .5:
            pos, out = 0, []
            for g in groups:
                out.append(alnum_say(s[pos:pos + g], sp, how)); pos += g
            return r.choice([", ", "... ", " dash "]).join(out), "alnum_%s_%s_grouped" % (how, sp.zero), True
        return alnum_say(s, sp, how), "alnum_%s_%s" % (how, sp.zero), True

    def date(self, d):
        m = self.m()
        t, f = date_say(d, self.sp, "words" if m == "words" else ("numerals" if m in ("numerals", "odd") else "mixed"))
        return t, f, not f.startswith("written") and not f.startswith("num_mdy_space")

    def street(self, p):
        r, sp = self.r, self.sp
        m = self.m()
        h = p.house
        spoken = m in ("words",) or (m == "mixed" and r.random() < .5)
        if spoken:
            if len(h) == 4 and r.random() < .6:
                hs = sp.pairs4(h); form = "house_pairs"
            elif len(h) == 3 and r.random() < .5:
                hs = ONES[int(h[0])] + " " + two(int(h[1:]), sp.zero); form = "house_1_2"
            else:
                hs = sp.digits(h, dbl=False, seps=" "); form = "house_digits"
            parts = [hs]
            if p.dir: parts.append(p.dir[0].lower() if m == "words" else p.dir[0])
            parts.append(p.street + " " + p.suf[0].lower())
            if p.unit:
                u = p.unit[0]
                un = " ".join(ONES[int(c)] if c.isdigit() else c for c in p.unitno) if r.random() < .7 else p.unitno
                parts.append(r.choice(["", ", "]) + u + " " + un)
                form += "_unit"
            return " ".join(parts).replace(" , ", ", "), form, True
        parts = [h]
        if p.dir: parts.append(r.choice(p.dir))
        parts.append(p.street + " " + r.choice(p.suf))
        s = " ".join(parts)
        form = "written_street"
        if p.unit:
            s += r.choice([", ", " "]) + p.unit[1] + ("" if p.unit[1] == "#" else " ") + p.unitno
            form += "_unit"
        return s, form, False

    def email(self, e):
        m = self.m()
        if m in ("numerals", "odd"):
            how = self.r.choice(["written", "written", "asr_glued", "asr_spaced"])
        elif m == "mixed":
            how = self.r.choice(["asr_glued", "spell_first", "written"])
        else:
            how = self.r.choice(["words", "words", "spell_first"])
        return email_say(e, self.sp, how)

    def name(self, p, full=True, spelled=None):
        r = self.r
        if spelled:
            t, f = spell(spelled, r)
            return t, f, True
        if full:
            return p.first + " " + p.last, "name_full", True
        return p.first, "name_first", True

# ---------------------------------------------------------------- call modules
def ch(r, *opts):
    return r.choice(opts)

class Call:
    def __init__(self, r, mode, ctype, carrier):
        self.r = r; self.R = Render(r, mode); self.mode = mode; self.ctype = ctype; self.carrier = carrier
        self.pt = Person(r)
        self.behalf = r.random() < .35
        self.caller = Person(r) if self.behalf else self.pt
        fem = self.pt.first in FEM
        self.rel, self.pro = r.choice([("mother", "her"), ("wife", "her"), ("grandmother", "her"), ("aunt", "her"), ("daughter", "her")] if fem else
                                      [("father", "his"), ("husband", "his"), ("son", "his"), ("brother", "his"), ("uncle", "his")])
        if self.behalf:
            self.caller.last = self.pt.last if r.random() < .5 else self.caller.last
        self.agent = r.choice(AGENTS)
        self.doc = r.choice(DOCS)
        self.turns = []

    def T(self, role, *parts):
        if self.turns and self.turns[-1][0] == role and self.r.random() < .75:
            other = "C" if role == "A" else "A"
            self.turns.append((other, RS(ch(self.r, "Okay.", "Mm-hmm.", "Uh-huh.", "Go ahead.", "Got it.", "Okay, one second.", "Sure.", "Yeah."))))
        self.turns.append((role, RS(*parts)))

    def v(self, tfs, ent, cue, value):
        t, f, s = tfs
        return V(t, ent, cue, f, value, s)

    # --- opening
    def greet(self):
        r = self.r
        org, _ = CALLTYPES[self.ctype]
        nm = V(self.agent, "NAME", "same", "name_first_agent", self.agent, True)
        if r.random() < .3:
            self.T("A", "Thank you for calling %s. If this is a medical emergency, hang up and dial " % org,
                   N(ch(r, "nine one one", "911", "nine-one-one"), "emergency_number"), ". My name is ", nm, ", how can I help you today?")
        else:
            self.T("A", ch(r, "%s, this is " % org.capitalize(), "Hi, you've reached %s, this is " % org), nm,
                   ch(r, ", how can I help?", ". What can I do for you?", " speaking."))

    def intro(self):
        r, R, c, p = self.r, self.R, self.caller, self.pt
        if self.behalf:
            self.T("C", ch(r, "Hi, yes, hello, my name is ", "Yeah hi, um, this is "), V(R.name(c)[0], "NAME", "same", "name_full", c.first + " " + c.last, True),
                   ", I'm calling for my %s, " % self.rel, ch(r, self.pro + " name is ", "the patient is "),
                   V(p.first + " " + p.last, "NAME", "same", "name_full", p.first + " " + p.last, True),
                   ch(r, ". %s don't hear so good on the phone." % {"her": "She", "his": "He"}[self.pro], ". I'm on the HIPAA form, I think.", ". I'm the one who handles the appointments now."))
        else:
            k = r.randint(0, 2)
            if k == 0:
                self.T("C", "Yes, hi. ", V(p.first + " " + p.last, "NAME", "none", "name_full_bare", p.first + " " + p.last, True),
                       ". ", self.v(R.date(p.dob), "DOB", "none", p.dob.isoformat()), ". ", ch(r, "Calling about my refill.", "I got a letter from you.", "I need to reschedule."))
                return
            self.T("C", ch(r, "Hi, um, my name is ", "Hello? Yes. This is ", "Yes, good morning, I am "),
                   V(p.first + " " + p.last, "NAME", "same", "name_full", p.first + " " + p.last, True),
                   ch(r, " and I, uh, I need help with my appointment.", ", I'm calling about a bill I got.", ". My English is not so good, sorry."))

    def spellname(self):
        r, p = self.r, self.pt
        self.T("A", ch(r, "Can you spell the last name for me?", "And how do you spell that last name?", "Sorry, could you spell that?"))
        t, f = spell(p.last, r)
        pre = ch(r, "", "Sure, ", "Okay it's ", "Yeah, ")
        self.T("C", pre, V(t, "NAME", "prev", f, p.last, True), ch(r, "", ".", ", like it sounds", ". People always get it wrong."))
        if r.random() < .5:
            self.T("A", ch(r, "Got it, ", "Thank you, ", "Okay, "), V(p.last, "NAME", "prev", "name_last_readback", p.last, True), ch(r, ".", ", thank you.", ", and first name?"))

    def dob(self):
        r, R, p = self.r, self.R, self.pt
        if r.random() < .7:
            self.T("A", ch(r, "Can I get the patient's date of birth?", "And what's the date of birth?", "To verify, what's your birthday?", "Can you verify date of birth please?"))
            self.T("C", ch(r, "", "Um, ", "Oh, it's ", "Yeah, "), self.v(R.date(p.dob), "DOB", "prev", p.dob.isoformat()), ch(r, "", ".", "?"))
        else:
            self.T("C", ch(r, "And my date of birth is ", "Her birthday is ", "Born "), self.v(R.date(p.dob), "DOB", "same", p.dob.isoformat()), ch(r, ".", ", if you need that."))
        if r.random() < .4:
            self.T("A", ch(r, "I have ", "Okay, so that's ", "Confirming "), self.v(R.date(p.dob), "DOB", "prev", p.dob.isoformat()), ch(r, ", correct?", "?", "."))
            self.T("C", ch(r, "Yes.", "That's right.", "Yes ma'am.", "Mm-hmm."))

    def phone(self):
        r, R, c = self.r, self.R, self.caller
        if r.random() < .65:
            self.T("A", ch(r, "What's the best callback number?", "And a good phone number for you?", "Is there a number we can reach you at?"))
            self.T("C", ch(r, "", "Uh, ", "It's ", "My cell, ", "Okay it is "), self.v(R.phone(c.phone, correct=True), "PHONE", "prev", c.phone), ch(r, "", ".", ", that's my cell."))
        else:
            self.T("C", ch(r, "You can call me back at ", "My number is ", "Oh and my phone, in case we get cut off, "), self.v(R.phone(c.phone), "PHONE", "same", c.phone), ".")
        if r.random() < .35:
            self.T("A", ch(r, "Let me read that back, ", "So that's "), self.v(R.phone(c.phone), "PHONE", "prev", c.phone), "?")
            self.T("C", ch(r, "Yes.", "Correct.", "Yep, that's it."))

    def ssn(self):
        r, R, p = self.r, self.R, self.pt
        last4 = r.random() < .45
        if r.random() < .6:
            self.T("A", "Can I get the last four of the social?" if last4 else ch(r, "I'll need the social security number on the account.", "What's the social for the subscriber?"))
            self.T("C", ch(r, "", "Um, okay, ", "It's ", "Let me get my card. Okay. "), self.v(R.ssn(p.ssn, last4), "SSN", "prev", p.ssn), ".")
        else:
            self.T("C", ch(r, "My social is ", "The social on file should be ", "Last four of my social is " if last4 else "Social security number, "), self.v(R.ssn(p.ssn, last4), "SSN", "same", p.ssn), ".")

    def mrn(self):
        r, R, p = self.r, self.R, self.pt
        g = [1, 3, 4] if p.mrn[0].isalpha() else None
        if r.random() < .55:
            self.T("A", ch(r, "Do you have the medical record number? It's on the after-visit summary.", "Is there an MRN on the paperwork?", "Do you have her chart number handy?"))
            self.T("C", ch(r, "Hold on. Okay, it says ", "Um, yeah, ", "I think it's "), self.v(R.alnum(p.mrn, g), "MRN", "prev", p.mrn), ch(r, ".", "? The numbers are small.", ""))
        else:
            self.T("C", ch(r, "I have the MRN here, it's ", "The medical record number is ", "MRN "), self.v(R.alnum(p.mrn, g), "MRN", "same", p.mrn), ".")

    def member(self):
        r, R, p = self.r, self.R, self.pt
        mid = p.member
        g = [3, 3, 3, 3] if len(mid) == 12 else None
        if r.random() < .6:
            self.T("A", ch(r, "And the member ID off the insurance card?", "What's the ID number on the front of your card?", "Can I have the subscriber ID?"))
            self.T("C", ch(r, "", "Okay, ", "It starts with ", "Um, "), self.v(R.alnum(mid, g), "MEMBER_ID", "prev", mid), "")
        else:
            self.T("C", ch(r, "Member ID is ", "My insurance number, the member ID, ", "The ID on my card is "), self.v(R.alnum(mid, g), "MEMBER_ID", "same", mid), ".")
        if r.random() < .3:
            self.T("A", "Okay, I have ", self.v(R.alnum(mid, g), "MEMBER_ID", "prev", mid), ", group number is on the back, I don't need that.")

    def mbi(self):
        r, R, p = self.r, self.R, self.pt
        self.T("A", ch(r, "Do you have the red white and blue Medicare card? I need the Medicare number.", "What's the Medicare beneficiary identifier?"))
        self.T("C", ch(r, "The new one, yeah, ", "Okay, ", "It says "), self.v(R.alnum(p.mbi, [4, 3, 4]), "MBI", "prev", p.mbi), ".")

    def address(self):
        r, R, p = self.r, self.R, self.pt
        if r.random() < .6:
            self.T("A", ch(r, "Can you confirm the address on file?", "What's the mailing address?", "And where should we send the kit?"))
            self.T("C", ch(r, "", "It's ", "Um, "), self.v(R.street(p), "STREET", "prev", p.house), ch(r, ", the blue house on the corner", "", ", it's behind the laundromat"))
        else:
            self.T("C", ch(r, "I live at ", "My address is ", "Mailing address is "), self.v(R.street(p), "STREET", "same", p.house))
        cm = R.m()
        z = R.zip(p.zip)
        if r.random() < .5:
            self.T("C", "in ", V(p.city, "CITY", "same", "city", p.city, True), ", %s, " % ch(r, p.state, "the state of " + p.state), self.v(z, "ZIP", "same", p.zip))
        else:
            self.T("A", "City and zip?")
            self.T("C", V(p.city, "CITY", "prev", "city", p.city, True), ch(r, ", ", "... "), self.v(z, "ZIP", "prev", p.zip))

    def email(self):
        r, R, c = self.r, self.R, self.caller
        if r.random() < .6:
            self.T("A", ch(r, "What e-mail should we send the portal invite to?", "Do you have an email address?", "And an e-mail for the receipt?"))
            self.T("C", ch(r, "", "Yes, it's ", "Okay, it's ", "My grandson set it up, it's "), self.v(R.email(c.email), "EMAIL", "prev", c.email))
        else:
            self.T("C", ch(r, "My email is ", "You can email me at ", "Send it to my e-mail, "), self.v(R.email(c.email), "EMAIL", "same", c.email), ".")

    def card(self):
        r, R, c = self.r, self.R, self.caller
        self.T("A", ch(r, "Your copay today is ", "The balance is "), N(ch(r, "forty five dollars", "$45", "$127.50", "thirty dollars"), "money"), ". Would you like to pay by card?")
        self.T("A" if False else "C", ch(r, "Yes, hold on, I have to get my glasses. Okay. ", "Okay, the card number is ", "Go ahead. ", "It's my daughter's card, is that okay? "), self.v(R.card(c.card), "CARD", "same", c.card))
        if r.random() < .5:
            self.T("A", "And that's the card ending in ", self.v(R.card(c.card, last4=True), "CARD", "prev", c.card), "?")
            self.T("C", ch(r, "Yes.", "Mm-hmm, yes."))
        self.T("A", "Payment went through. Your confirmation number is ", N(ch(r, "C X 4 4 1 9", "7 7 2 0 4 1", "five one one eight three", "PMT-88213"), "confirmation_number"), ".")

    def npi(self):
        r, R = self.r, self.R
        n = mk_npi(r)
        if r.random() < .5:
            self.T("C", ch(r, "The doctor's office told me to give you this, ", "I wrote down the referring doctor's info, "), ch(r, "the NPI is ", "NPI number "), self.v(R.npi(n), "NPI", "same", n), ".")
        else:
            self.T("A", "I see the referral from Dr. ", V(self.doc, "NAME", "same", "name_last_provider", self.doc, True), ch(r, ", NPI ", ", provider NPI "), self.v(R.npi(n), "NPI", "same", n), ch(r, ", that's been approved.", ". It's pending."))

    def date_event(self):
        r, R = self.r, self.R
        d = mk_date(r, 2025, 2026)
        k = r.randint(0, 2)
        he = {"her": "she", "his": "he"}[self.pro]
        lead = [ch(r, "%s was discharged from the hospital on " % he.capitalize(), "They discharged %s " % {"she": "her", "he": "him"}[he]),
                ch(r, "%s was admitted " % he.capitalize(), "%s got admitted on " % he.capitalize(), "Admission date was "),
                ch(r, "My %s passed away on " % self.rel, "%s died " % he.capitalize())][k]
        self.T("C", lead, self.v(R.date(d), "DATE", "same", d.isoformat()), ch(r, ".", " and nobody told us about the follow up.", ", so I need to cancel everything."))

    def negs(self):
        r = self.r
        k = r.randint(0, 9)
        if k == 0:
            self.T("C", "I take the ", N(ch(r, "ten milligrams", "500 mg", "twenty five milligram", "5 mg"), "dose"), " one ", ch(r, "twice a day", "at bedtime"), ".")
        elif k == 1:
            self.T("A", "What was your blood pressure this morning?")
            self.T("C", N(ch(r, "one sixty over ninety five", "158/94", "one forty two over eighty"), "blood_pressure"), ", and I felt dizzy.")
        elif k == 2:
            self.T("A", "I have an opening ", N(ch(r, "next Tuesday the fourteenth", "on the 22nd", "Friday, March 6th"), "appointment_date"), " at ", N(ch(r, "two thirty", "9:45 AM", "ten fifteen"), "time"), ".")
        elif k == 3:
            self.T("C", "She's ", N(ch(r, "eighty two", "78", "seventy four"), "age"), " and she weighs ", N(ch(r, "a hundred and twelve pounds", "134 lbs"), "weight"), ".")
        elif k == 4:
            self.T("A", "Your order number is ", N(ch(r, "RX 4 4 0 1 2 7", "order 88 31 02", "five five two nine one"), "order_number"), ", it ships in ", N(ch(r, "three to five days", "48 hours"), "duration"), ".")
        elif k == 5:
            self.T("C", "They said my A1C was ", N(ch(r, "seven point two", "8.1", "nine point four"), "lab_value"), " and the potassium was ", N(ch(r, "five point eight", "5.8"), "lab_value"), ".")
        elif k == 6:
            self.T("A", "If you are a provider, ", N(ch(r, "press two", "press 3", "press one"), "menu_option"), ". Otherwise please stay on the line.")
        elif k == 7:
            self.T("C", "He's in ", N(ch(r, "room four twelve", "room 2214", "bed six"), "room_number"), " and his temperature was ", N(ch(r, "a hundred and one point four", "101.4", "thirty nine"), "vital_sign"), ".")
        elif k == 8:
            self.T("C", "I ", N("will", "common_word"), " be there, and I ", N("may", "common_word"), " need a ride, the ", N("bill", "common_word"), " said I have transport benefits.")
        else:
            self.T("C", "I've had ", N(ch(r, "three", "two", "4"), "count"), " episodes since ", N(ch(r, "2019", "twenty nineteen"), "year"), ", he's ", N(ch(r, "five foot ten", "6'1\""), "height"), ".")

    def filler(self, n):
        r = self.r
        for _ in range(n):
            if not self.carrier:
                return
            src, role, t = r.choice(self.carrier)
            if self.mode == "words":
                t = t.lower()
            self.T("A" if role == "agent" else "C", t)

    def close(self):
        r = self.r
        self.T("A", ch(r, "Is there anything else I can help with?", "Okay, you're all set.", "Alright, I've sent that to the nurse."))
        self.T("C", ch(r, "No, that's it. Thank you, ", "Thank you so much, ", "Okay, bye "), V(self.agent, "NAME", "prev", "name_first_agent", self.agent, True), ".")

    def build(self, wanted):
        r = self.r
        self.greet(); self.intro()
        mods = list(wanted)
        r.shuffle(mods)
        for m in mods:
            getattr(self, m)()
            if r.random() < .35:
                self.negs()
            if r.random() < .3:
                self.filler(r.randint(1, 2))
        if r.random() < .6:
            self.close()
        else:
            self.T("A", ch(r, "Okay, you're all set. Have a good day.", "Alright, the nurse will call you back within the hour."))
            self.T("C", ch(r, "Okay. Bye bye.", "Thank you, bye.", "Thanks."))
        while len(self.turns) < 8:
            self.filler(1) if self.carrier else self.negs()
        return self.turns

MODS = ["dob", "phone", "ssn", "mrn", "member", "mbi", "address", "email", "card", "npi", "date_event", "spellname"]
MOD_W = [8, 8, 6, 6, 6, 2, 5, 6, 5, 2, 2, 5]

# ---------------------------------------------------------------- transcripts
ENGINES = {
    # name: (modes, labels, timestamps, lower)
    "whisper": (["numerals", "odd", "mixed", "words"], None, False, False),
    "deepgram_smart": (["numerals", "odd", "mixed"], ("Speaker 0", "Speaker 1"), False, False),
    "aws_transcribe": (["numerals", "odd"], ("spk_0", "spk_1"), True, False),
    "google_raw": (["words"], ("AGENT", "CUSTOMER"), False, True),
    "aci_style": (["words"], ("[agent]", "[caller]"), False, True),
    "nurse_line": (["mixed", "words", "odd"], None, True, False),
}

PUNCT = re.compile(r"[,?!;]|\.(?!\w)|(?<!\w)\.")

def lower_rs(rs, strip):
    out = []
    for p in rs.parts:
        if isinstance(p, str):
            out.append(re.sub(r"  +", " ", PUNCT.sub("", p.lower())) if strip else p)
        elif p[1] == "NEG":
            out.append((re.sub(r"  +", " ", PUNCT.sub("", p[0].lower())).strip() or p[0], "NEG", p[2]))
        else:
            t = p[0]
            if p[1]["entity"] != "EMAIL" or "@" not in t:
                t = re.sub(r"  +", " ", PUNCT.sub("", t.lower())).strip()
            else:
                t = t.lower()
            out.append((t, p[1]))
    # no leading space / empty turns
    while out and isinstance(out[0], str) and not out[0].strip():
        out.pop(0)
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    res = RS(*out)
    return res

def render_transcript(r, turns, engine, ctype):
    modes, labels, ts, low = ENGINES[engine]
    if labels is None:
        role = CALLTYPES[ctype][1]
        labels = r.choice([("Agent", "Caller"), (role, "Caller"), ("Speaker 1", "Speaker 2"), (role.upper(), "CALLER"), ("Rep", "Member")])
    lines, t = [], r.randint(0, 20)
    for role, rs in turns:
        if low:
            rs = lower_rs(rs, True)
        lab = labels[0] if role == "A" else labels[1]
        pre = ""
        if ts:
            pre = "[%02d:%02d:%02d] " % (t // 3600, t // 60 % 60, t % 60)
            t += r.randint(2, 19)
        pre += lab if lab.startswith("[") else lab + ":"
        lines.append(RS(pre + " ", *rs.parts))
    return lines

# ---------------------------------------------------------------- JSON payloads
def uid(r):
    return "%08x-%04x-4%03x-%04x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(12), 0x8000 | r.getrandbits(14), r.getrandbits(48))

def joined(turns, la, lc, sep="\n"):
    parts = []
    for i, (role, rs) in enumerate(turns):
        if i: parts.append(sep)
        parts.append((la if role == "A" else lc) + ": ")
        parts.extend(rs.parts)
    return RS(*parts)

def flat(turns):
    parts = []
    for i, (role, rs) in enumerate(turns):
        if i: parts.append(" ")
        parts.extend(rs.parts)
    return RS(*parts)

def summary(r, call):
    p, c = call.pt, call.caller
    d = p.dob
    dob_w = r.choice(["%02d/%02d/%d" % (d.month, d.day, d.year), "%s %d, %d" % (MONTHS[d.month], d.day, d.year), d.isoformat()])
    ph = c.phone
    ph_w = r.choice(["(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "%s-%s-%s" % (ph[:3], ph[3:6], ph[6:]), "+1" + ph])
    nm = p.first + " " + p.last
    parts = [r.choice(["Caller ", "The caller, ", "Patient "]), V(nm, "NAME", "same", "name_full_summary", nm, False),
             *((" (DOB ", V(dob_w, "DOB", "same", "written_summary", d.isoformat(), False), ") ") if r.random() < .5 else
               (", date of birth ", V(dob_w, "DOB", "same", "written_summary", d.isoformat(), False), ", ")), "called %s about %s. Callback number: " % (CALLTYPES[call.ctype][0], r.choice(["a refill", "rescheduling", "a billing question", "test results"])),
             V(ph_w, "PHONE", "same", "written_summary", ph, False), ". Follow-up in ", N(r.choice(["48 hours", "two weeks", "3 days"]), "duration"), "."]
    if call.behalf:
        cn = c.first + " " + c.last
        parts += [" Call placed by the patient's %s, " % call.rel, V(cn, "NAME", "same", "name_full_summary", cn, False), "."]
    struct = {"patient_name": RS(V(nm, "NAME", "same", "json_field", nm, False)),
              "date_of_birth": RS(V(d.isoformat(), "DOB", "same", "json_field_iso", d.isoformat(), False)),
              "callback_number": RS(V("+1" + ph, "PHONE", "same", "json_field_e164", ph, False)),
              "member_id": RS(V(p.member, "MEMBER_ID", "same", "json_field", p.member, False)),
              "email": RS(V(c.email, "EMAIL", "same", "json_field", c.email, False)),
              "zip": RS(V(p.zip, "ZIP", "same", "json_field", p.zip, False)),
              "intent": r.choice(["refill", "reschedule", "billing", "results"]), "urgent": r.random() < .2}
    keep = r.sample(["patient_name", "date_of_birth", "callback_number", "member_id", "email", "zip"], r.randint(2, 6))
    struct = {k: v for k, v in struct.items() if k in keep or k in ("intent", "urgent")}
    return RS(*parts), struct

def word_objs(rs, profile, r):
    toks, t = [], round(r.uniform(0.1, 0.6), 2)
    for p in rs.parts:
        if isinstance(p, str) or p[1] == "NEG":
            for w in (p if isinstance(p, str) else p[0]).split():
                toks.append((w, None))
        else:
            if " " in p[0]:
                return []
            toks.append((p[0], p[1]))
    out = []
    for w, meta in toks:
        bare = w.strip(",.?!").lower()
        if not bare:
            continue
        e = round(t + r.uniform(0.15, 0.5), 2)
        cf = round(r.uniform(0.82, 0.999), 3)
        if meta:
            wv = RS(V(bare, meta["entity"], meta["cue"], "word_token", meta["value"], True))
            pv = RS(V(w.strip(",.?!"), meta["entity"], meta["cue"], "word_token", meta["value"], True), w[len(w.rstrip(",.?!")):])
        else:
            wv, pv = bare, w
        if profile == "deepgram":
            out.append({"word": wv, "start": t, "end": e, "confidence": cf, "speaker": 0, "punctuated_word": pv})
        else:
            out.append({"start_time": "%.2f" % t, "end_time": "%.2f" % e, "alternatives": [{"confidence": "%.4f" % cf, "content": pv}], "type": "pronunciation"})
        t = e
    return out

def make_json(r, idx, carrier, seed_mods):
    profile = ["vapi", "retell", "signalwire", "deepgram", "transcribe"][idx % 5]
    mode = {"vapi": r.choice(["numerals", "odd", "mixed"]), "retell": r.choice(["numerals", "mixed", "words"]),
            "signalwire": r.choice(["mixed", "words"]), "deepgram": r.choice(["numerals", "words", "odd"]),
            "transcribe": r.choice(["numerals", "odd"])}[profile]
    ctype = r.choice(sorted(CALLTYPES))
    call = Call(r, mode, ctype, [])
    call.greet(); call.intro()
    for m in seed_mods:
        getattr(call, m)()
    if r.random() < .6:
        call.negs()
    call.close()
    turns = call.turns
    summ, struct = summary(r, call)
    ph = call.caller.phone
    e164 = RS(V("+1" + ph, "PHONE", "none", "e164_metadata", ph, False))
    t0 = 1798761600 + r.randint(0, 86400 * 300)
    if profile == "vapi":
        msgs, s = [], 0.0
        for role, rs in turns:
            s += r.uniform(1.5, 9)
            msgs.append({"role": "bot" if role == "A" else "user", "message": rs, "time": t0 * 1000 + int(s * 1000), "secondsFromStart": round(s, 2)})
        obj = {"message": {"type": "end-of-call-report", "endedReason": r.choice(["customer-ended-call", "assistant-ended-call"]),
               "call": {"id": uid(r), "orgId": uid(r), "type": "inboundPhoneCall", "customer": {"number": e164}},
               "artifact": {"transcript": joined(turns, "AI", "User"), "messages": msgs},
               "analysis": {"summary": summ, "structuredData": struct, "successEvaluation": "true"},
               "durationSeconds": round(s + 3, 1), "cost": round(r.uniform(0.05, 0.6), 4)}}
    elif profile == "retell":
        obj = {"event": "call_analyzed", "call": {"call_type": "phone_call", "call_id": "call_" + "%030x" % r.getrandbits(120),
               "agent_id": "agent_" + "%024x" % r.getrandbits(96), "call_status": "ended", "from_number": e164,
               "direction": "inbound", "start_timestamp": t0 * 1000, "end_timestamp": t0 * 1000 + r.randint(60000, 600000),
               "transcript": joined(turns, "Agent", "User"),
               "transcript_object": [{"role": "agent" if ro == "A" else "user", "content": rs} for ro, rs in turns],
               "call_analysis": {"call_summary": summ, "user_sentiment": r.choice(["Neutral", "Positive", "Negative"]),
                                 "call_successful": True, "custom_analysis_data": struct}}}
    elif profile == "signalwire":
        obj = {"project_id": uid(r), "space_id": uid(r), "call_id": uid(r), "ai_session_id": uid(r),
               "caller_id_number": e164, "app_name": "healthcare-intake",
               "call_log": [{"role": "system", "content": "You are a scheduling assistant for %s." % CALLTYPES[ctype][0]}] +
                           [{"role": "assistant" if ro == "A" else "user", "content": rs} for ro, rs in turns],
               "post_prompt_data": {"raw": summ, "substituted": "", "parsed": [struct]}}
    elif profile == "deepgram":
        utts, s = [], 0.0
        for ro, rs in turns:
            e = s + r.uniform(1.5, 9)
            utts.append({"start": round(s, 2), "end": round(e, 2), "confidence": round(r.uniform(0.8, 0.99), 4), "channel": 0,
                         "transcript": rs, "speaker": 0 if ro == "A" else 1, "id": uid(r)})
            s = e + 0.3
        mid = uid(r)
        obj = {"metadata": {"request_id": uid(r), "created": datetime.datetime.fromtimestamp(t0, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
               "duration": round(s, 3), "channels": 1, "models": [mid], "model_info": {mid: {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}},
               "results": {"channels": [{"alternatives": [{"transcript": flat(turns), "confidence": round(r.uniform(0.9, 0.99), 4),
                                                             "words": word_objs(turns[0][1], "deepgram", r)}]}], "utterances": utts}}
    else:
        segs, s = [], 0.0
        for i, (ro, rs) in enumerate(turns):
            e = s + r.uniform(1.5, 9)
            segs.append({"id": i, "transcript": rs, "start_time": "%.3f" % s, "end_time": "%.3f" % e, "speaker_label": "spk_%d" % (0 if ro == "A" else 1)})
            s = e
        obj = {"jobName": "call-%d-%04d" % (t0, r.randint(0, 9999)), "accountId": "%012d" % r.randint(10 ** 11, 10 ** 12 - 1),
               "status": "COMPLETED", "results": {"transcripts": [{"transcript": flat(turns)}],
               "items": word_objs(turns[0][1], "transcribe", r), "audio_segments": segs}}
    return profile, mode, ctype, obj

# ---------------------------------------------------------------- corpus
REQ = ["ssn", "phone", "dob", "mrn", "address", "card", "email", "member"]

def generate(seed, n):
    r = random.Random(seed)
    carrier = load_carrier()
    n_json = round(n * 40 / 150)
    n_tr = n - n_json
    recs = []
    json_slots = set(int(i * n / n_json) + 1 for i in range(n_json)) if n_json else set()
    ji = 0
    for i in range(n):
        rid = "h22-%04d" % i
        if i in json_slots and ji < n_json:
            mods = [REQ[(ji * 3) % 8], REQ[(ji * 3 + 1) % 8]]
            if r.random() < .5:
                extra = r.choice(["mbi", "ssn", "address", "date_event", "npi", "spellname"])
                if extra not in mods:
                    mods.append(extra)
            profile, mode, ctype, obj = make_json(r, ji, carrier, mods)
            text, spans, negs = assemble_json(obj)
            recs.append({"id": rid, "format": "json", "profile": profile, "kind": "json_%s_%s_%s" % (profile, ctype, mode),
                         "text": text, "spans": spans, "negatives": negs})
            ji += 1
            continue
        for _ in range(20):
            engine = r.choice(sorted(ENGINES))
            mode = r.choice(ENGINES[engine][0])
            ctype = r.choice(sorted(CALLTYPES))
            want = {REQ[i % 8], REQ[(i + 3) % 8], REQ[(i + 5) % 8]}
            pool = [m for m in MODS if m not in want]
            w = [MOD_W[MODS.index(m)] for m in pool]
            k = r.randint(1, 4)
            while k and pool:
                m = r.choices(pool, w)[0]
                j = pool.index(m); pool.pop(j); w.pop(j); want.add(m); k -= 1
            call = Call(r, mode, ctype, carrier)
            turns = call.build(sorted(want))
            if 8 <= len(turns) <= 40:
                break
        lines = render_transcript(r, turns, engine, ctype)
        text, spans, negs = assemble_text(lines)
        recs.append({"id": rid, "format": "transcript", "kind": "transcript_%s_%s_%s" % (engine, ctype, mode),
                     "text": text, "spans": spans, "negatives": negs})
    return recs

# ---------------------------------------------------------------- check
LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_]+\]|[A-Za-z][A-Za-z0-9_ ]{0,20}:) \S")
DIGIT_ENTS = {"SSN": 9, "PHONE": 10, "CARD": None, "NPI": 10, "ZIP": 5}

def json_string_ranges(raw):
    """Byte ranges (content only) of every JSON string token in raw (str)."""
    out, i, n = [], 0, len(raw)
    b = 0
    while i < n:
        if raw[i] == '"':
            j = i + 1
            while raw[j] != '"':
                j += 2 if raw[j] == "\\" else 1
            s = len(raw[:i + 1].encode("utf-8")); e = len(raw[:j].encode("utf-8"))
            out.append((s, e)); i = j + 1
        else:
            i += 1
    return out

def check_value(sp, t, errs, rid):
    e, v, f = sp["entity"], sp.get("value", ""), sp["form"]
    def bad(msg):
        errs.append("%s %s %r: %s" % (rid, e, t, msg))
    if e == "SSN":
        if not re.fullmatch(r"\d{9}", v) or v[:3] in ("000", "666") or v[0] == "9" or v[3:5] == "00" or v[5:] == "0000":
            bad("invalid SSN value")
    elif e == "PHONE":
        if not re.fullmatch(r"\d{3}55501\d\d", v): bad("phone not 555-01xx")
    elif e == "NPI":
        if not (re.fullmatch(r"[12]\d{9}", v) and luhn_ok("80840" + v)): bad("NPI Luhn")
    elif e == "CARD":
        if not (luhn_ok(v) and any(v.startswith(p) for p in CARD_PREFIX)): bad("card Luhn/prefix")
    elif e == "MBI":
        if not MBI_RE.match(v): bad("MBI format")
        if re.sub(r"[^A-Z0-9]", "", t.upper()) != v and f.startswith("alnum_") and "letters" in f and "as in" not in t:
            if re.sub(r"[^a-z0-9]", "", t) == v.lower():
                pass
    elif e in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            bad("not a calendar date")
    elif e == "ZIP":
        if not re.fullmatch(r"\d{5}", v): bad("zip")
    elif e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", v): bad("email value")
    elif e in ("NAME", "CITY"):
        if any(ch.isdigit() for ch in t): bad("digit in name/city")
    if e in DIGIT_ENTS and f != "e164_metadata":
        got = digits_in(t)
        if f.startswith("last4_"):
            ok = got == v[-4:]
        elif "selfcorrect" in f:
            ok = got.endswith(v[-4:])
        elif e == "PHONE" and (f == "json_field_e164" or t.startswith("+1") or t.startswith("1-")):
            ok = got == "1" + v
        else:
            ok = got == v
        if not ok:
            bad("rendered digits %s != %s" % (got, v))
    if e == "PHONE" and f == "e164_metadata" and t != "+1" + v:
        bad("e164")
    if e in ("MRN", "MEMBER_ID", "MBI") and f in ("alnum_plain", "alnum_grouped", "alnum_each_spaced", "json_field"):
        if re.sub(r"[^A-Z0-9]", "", t.upper()) != v: bad("alnum mismatch")
    yr = str(datetime.date.fromisoformat(v).year) if e in ("DOB", "DATE") else ""
    if e in ("DOB", "DATE") and f.startswith("written") and (yr[2:] if "short" in f else yr) not in t:
        bad("year missing")
    if t != t.strip() or not t:
        bad("span whitespace")
    if sp["spoken"] is False and e in DIGIT_ENTS and re.search(r"\b(one|two|three|four|five|six|seven|eight|nine|zero|oh)\b", t.lower()):
        bad("written span with digit words")

def check(path):
    errs = []
    recs = []
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    if not raw.endswith("\n"):
        errs.append("file does not end with newline")
    for ln, line in enumerate(raw.split("\n")[:-1], 1):
        try:
            rec = json.loads(line)
        except ValueError as ex:
            errs.append("line %d not JSON: %s" % (ln, ex)); continue
        recs.append(rec)
        rid = rec.get("id")
        for k in ("id", "format", "kind", "text", "spans", "negatives"):
            if k not in rec: errs.append("%s missing %s" % (rid, k))
        text = rec["text"]; b = text.encode("utf-8")
        iv = []
        for sp in rec["spans"]:
            if sp["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s bad entity %s" % (rid, sp["entity"]))
            if sp["cue"] not in ("same", "prev", "none") or not isinstance(sp["spoken"], bool):
                errs.append("%s bad cue/spoken" % rid)
            if not (0 <= sp["start"] < sp["end"] <= len(b)):
                errs.append("%s span out of range" % rid); continue
            try:
                t = b[sp["start"]:sp["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s span splits a character" % rid); continue
            check_value(sp, json.loads('"%s"' % t) if rec["format"] == "json" else t, errs, rid)
            iv.append((sp["start"], sp["end"], "span"))
        for ng in rec["negatives"]:
            if not (0 <= ng["start"] < ng["end"] <= len(b)):
                errs.append("%s negative out of range" % rid)
            iv.append((ng["start"], ng["end"], "neg"))
        iv.sort()
        for a, c in zip(iv, iv[1:]):
            if c[0] < a[1]:
                errs.append("%s overlap %r %r" % (rid, a, c))
        if rec["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40: errs.append("%s has %d turns" % (rid, len(lines)))
            if text.endswith("\n"): errs.append("%s trailing newline" % rid)
            for l in lines:
                if not LINE_RE.match(l): errs.append("%s bad line %r" % (rid, l[:60]))
        elif rec["format"] == "json":
            if rec.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s bad profile" % rid)
            try:
                obj = json.loads(text)
                if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                    errs.append("%s not compact JSON" % rid)
                rng = json_string_ranges(text)
                for sp in rec["spans"]:
                    if not any(s <= sp["start"] and sp["end"] <= e for s, e in rng):
                        errs.append("%s span outside JSON string" % rid)
            except ValueError:
                errs.append("%s JSON does not parse" % rid)
        else:
            errs.append("%s bad format" % rid)
    return recs, errs

def stats(recs):
    ent = collections.Counter(); cell = collections.Counter(); forms = collections.Counter(); negs = collections.Counter()
    kinds = collections.Counter(); fmt = collections.Counter(); prof = collections.Counter()
    for rec in recs:
        fmt[rec["format"]] += 1
        if rec.get("profile"): prof[rec["profile"]] += 1
        kinds[rec["kind"].split("_")[1]] += 1
        for s in rec["spans"]:
            ent[s["entity"]] += 1
            cell[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[s["form"]] += 1
        for ng in rec["negatives"]:
            negs[ng["what"]] += 1
    o = ["records: %d  %s  profiles: %s" % (len(recs), dict(sorted(fmt.items())), dict(sorted(prof.items()))),
         "engines/profiles: %s" % dict(sorted(kinds.items())), "", "entity        total  spoken(same/prev/none)  written(same/prev/none)"]
    for e in sorted(ent):
        row = "%-12s %6d " % (e, ent[e])
        for sw in ("spoken", "written"):
            row += "   %4d/%4d/%4d     " % tuple(cell[(e, sw, c)] for c in ("same", "prev", "none"))
        o.append(row)
    o.append("all spans: %d; negatives: %d %s" % (sum(ent.values()), sum(negs.values()), dict(sorted(negs.items()))))
    o.append("forms (%d): %s" % (len(forms), ", ".join("%s %d" % kv for kv in sorted(forms.items()))))
    return "\n".join(o)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        recs, errs = check(a.check)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        print("check: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs)); return
    out = sys.stdout
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")

if __name__ == "__main__":
    main()
