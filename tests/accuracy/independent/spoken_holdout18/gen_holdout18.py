#!/usr/bin/env python3
"""Holdout 18: patient-access / specialty-pharmacy phone calls with fictitious PHI.

Python 3 standard library only; deterministic for a seed (no use of hash()).
  gen_holdout18.py [--seed S] [--n COUNT] > holdout18.jsonl
  gen_holdout18.py --stats [--seed S] [--n COUNT]
  gen_holdout18.py --check holdout18.jsonl
"""
import argparse, collections, csv, glob, json, os, random, re, sys

DEFAULT_SEED = 20261218
OPEN0 = 0xE000
CLOSE = "\uF8FF"

# ---------------------------------------------------------------- carrier filler
GENERIC = set("okay ok yeah yep yes no mm-hmm mm sure alright right great thank thanks you that "
              "sounds good um uh hello so fine perfect sorry bye oh all".split())


def load_filler():
    base = os.environ.get("CARRIER_DIR") or "/work/shared/carrier-sources"
    out = []
    for f in sorted(glob.glob(os.path.join(base, "primock57", "*.TextGrid"))):
        with open(f, encoding="utf-8") as fh:
            for t in re.findall(r'text = "(.*)"', fh.read()):
                if "<" in t:
                    continue
                t = t.strip()
                toks = [w.strip(".,!?").lower() for w in t.split()]
                if t and 1 <= len(toks) <= 6 and all(w in GENERIC for w in toks):
                    out.append(("primock57", t))
    csv.field_size_limit(10 ** 8)
    for f in sorted(glob.glob(os.path.join(base, "aci-bench", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for line in row.get("dialogue", "").split("\n"):
                    m = re.match(r"\[(\w+)\] (.*)$", line)
                    if not m:
                        continue
                    t = m.group(2).strip()
                    toks = t.split()
                    if 1 <= len(toks) <= 5 and all(w in GENERIC for w in toks):
                        out.append(("aci-bench", t))
    seen, uniq = set(), []
    for src, t in out:
        if (src, t) not in seen:
            seen.add((src, t))
            uniq.append((src, t))
    return uniq or [("own", "Okay."), ("own", "Mm-hmm."), ("own", "Yeah.")]


# ---------------------------------------------------------------- word tables
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot", "G": "golf",
        "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima", "M": "mike", "N": "november",
        "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo", "S": "sierra", "T": "tango", "U": "uniform",
        "V": "victor", "W": "whiskey", "X": "x-ray", "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "apple", "B": "boy", "C": "cat", "D": "david", "E": "edward", "F": "frank", "G": "george",
        "H": "henry", "I": "ida", "J": "john", "K": "king", "L": "larry", "M": "mary", "N": "nancy",
        "O": "ocean", "P": "peter", "Q": "queen", "R": "robert", "S": "sam", "T": "tom", "U": "umbrella",
        "V": "victor", "W": "william", "X": "x-ray", "Y": "yellow", "Z": "zebra"}

FIRST = ["Dana", "Marcus", "Priya", "Tomasz", "Keisha", "Luis", "Ingrid", "Omar", "Bethany", "Hiroshi",
         "Rosa", "Darnell", "Svetlana", "Emeka", "Carla", "Wendell", "Aisha", "Gregory", "Mei", "Rafael",
         "Yolanda", "Kwame", "Theresa", "Nikolai", "Fatima", "Duane", "Lucia", "Brendan", "Marisol", "Tobias",
         "Gwen", "Anil", "Shonda", "Pavel", "Colleen", "Jorge", "Imani", "Clifford", "Esperanza", "Ravi"]
LAST = ["Okafor", "Lindqvist", "Delacroix", "Brennan", "Nakamura", "Villanueva", "Pruitt", "Kowalczyk",
        "Abernathy", "Haddad", "Ostrowski", "Mbeki", "Castellano", "Thibodeaux", "Yilmaz", "Fairweather",
        "Quintero", "Holloway", "Szabo", "Ramanathan", "McCready", "Osei", "Bergstrom", "Ferreira",
        "Achterberg", "Salazar", "Whitcombe", "Nguyen", "Petrosyan", "Lundgren", "Dubois", "Marchetti"]
STREETS = ["Elm", "Juniper", "Cedar Hollow", "Maple", "Larkspur", "Orchard", "Pinecrest", "Riverside",
           "Sycamore", "Willow Bend", "Harbor View", "Foxglove", "Kingfisher", "Old Mill", "Magnolia"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"), ("Terrace", "Ter.")]
CITIES = ["Springfield", "Riverton", "Fairview", "Lakewood", "Brookhaven", "Maplewood", "Cedar Falls",
          "Oak Ridge", "Westbrook", "Millbrook", "Greenville", "Ashland", "Clearwater", "Dover", "Hollister"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "hotmail.com", "comcast.net"]
CLINICS = ["Northside Cardiology", "Lakeview Family Medicine", "Riverbend Orthopedics", "Summit GI Associates",
           "Valley Rheumatology", "Eastgate Neurology", "Harborview Oncology", "Parkside Pulmonary"]
DRUGS = [("Humira", "forty milligrams", "40 mg"), ("Enbrel", "fifty milligrams", "50 mg"),
         ("Stelara", "ninety milligrams", "90 mg"), ("Dupixent", "three hundred milligrams", "300 mg"),
         ("Ozempic", "one milligram", "1 mg"), ("Xeljanz", "five milligrams", "5 mg"),
         ("Cosentyx", "one fifty milligrams", "150 mg"), ("Skyrizi", "one fifty milligrams", "150 mg")]
PAYERS = ["Blue Cross", "Aetna", "Cigna", "UnitedHealthcare", "Humana", "Medicaid", "Anthem", "Kaiser"]
LANGS = [("Spanish", ["Sí.", "Sí, sí.", "Gracias.", "No, no.", "Está bien."]),
         ("Portuguese", ["Sim.", "Obrigada.", "Não.", "Tá bom."]),
         ("Vietnamese", ["Vâng.", "Dạ.", "Cảm ơn.", "Không."]),
         ("Polish", ["Tak.", "Dziękuję.", "Nie.", "Dobrze."])]


def num_words(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n < 1000:
        r = n % 100
        return ONES[n // 100] + " hundred" + ("" if r == 0 else " " + num_words(r))
    th = n // 1000
    r = n % 1000
    return num_words(th) + " thousand" + ("" if r == 0 else " " + num_words(r))


def ord_words(n):
    if n <= 20:
        return ORD[n]
    if n % 10 == 0:
        return {30: "thirtieth"}.get(n, TENS[n // 10] + "ieth")
    return TENS[n // 10] + "-" + ORD[n % 10]


def ord_suffix(n):
    return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def year_words(y, rng):
    hi, lo = divmod(y, 100)
    if y >= 2000 and y < 2010:
        return "two thousand" + ("" if lo == 0 else " " + ONES[lo])
    if y >= 2010 and rng.random() < 0.5:
        return "two thousand " + num_words(lo)
    if lo == 0:
        return num_words(hi) + " hundred"
    return num_words(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else num_words(lo))


# ---------------------------------------------------------------- value generators
def luhn_check_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    return luhn_check_digit(s[:-1]) == s[-1]


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


AREAS = ["617", "312", "415", "206", "404", "713", "303", "612", "503", "919", "314", "215", "702", "480",
         "510", "414", "860", "631", "972", "803"]


def gen_phone(rng):
    return rng.choice(AREAS) + "5550" + "1" + str(rng.randint(0, 9)) + str(rng.randint(0, 9))


def gen_npi(rng):
    body = rng.choice("12") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_check_digit("80840" + body)


CARD_PREFIX = [("4111", 16), ("4242", 16), ("4012888888", 16), ("5555", 16), ("5105", 16), ("2223", 16),
               ("6011", 16), ("3782", 15), ("3714", 15)]


def gen_card(rng):
    p, ln = rng.choice(CARD_PREFIX)
    body = p + "".join(str(rng.randint(0, 9)) for _ in range(ln - 1 - len(p)))
    return body + luhn_check_digit(body)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    an = MBI_ALPHA + "0123456789"
    pat = ["C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
    out = []
    for p in pat:
        if p == "C":
            out.append(str(rng.randint(1, 9)))
        elif p == "N":
            out.append(str(rng.randint(0, 9)))
        elif p == "A":
            out.append(rng.choice(MBI_ALPHA))
        else:
            out.append(rng.choice(an))
    return "".join(out)


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                    r"[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y][0-9][0-9]$")


def gen_mrn(rng):
    k = rng.random()
    if k < 0.4:
        return "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([7, 8, 9])))
    if k < 0.7:
        return rng.choice("EHMR") + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return "00" + "".join(str(rng.randint(0, 9)) for _ in range(6))


def gen_member(rng):
    k = rng.random()
    if k < 0.45:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + \
            "".join(str(rng.randint(0, 9)) for _ in range(9))
    if k < 0.75:
        return rng.choice("WUHM") + "".join(str(rng.randint(0, 9)) for _ in range(9))
    return "".join(str(rng.randint(0, 9)) for _ in range(11))


def gen_zip(rng):
    return "%05d" % rng.randint(1001, 99950)


def gen_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    dim = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31,
           30, 31][m - 1]
    return (y, m, rng.randint(1, dim))


def valid_date(y, m, d):
    if not (1 <= m <= 12 and d >= 1):
        return False
    dim = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31,
           30, 31][m - 1]
    return d <= dim


# ---------------------------------------------------------------- spoken renderers
def zword(rng):
    return rng.choice(["zero", "oh", "oh", "o"])


def say_digits(ds, rng, groups=None, z=None, dbl=None, hes=0.0, mixed=0.0, sep=None):
    """digit string -> words; returns (text, form_bits)"""
    z = z or zword(rng)
    dbl = rng.random() < 0.3 if dbl is None else dbl
    groups = groups or [len(ds)]
    sep = sep if sep is not None else rng.choice([", ", " ", " ", ", ", "... ", " - "])
    parts, pos, used_mixed, used_hes = [], 0, False, False
    for g in groups:
        chunk = ds[pos:pos + g]
        pos += g
        if mixed and rng.random() < mixed:
            parts.append(chunk)
            used_mixed = True
            continue
        words, i = [], 0
        while i < len(chunk):
            c = chunk[i]
            run = 1
            while i + run < len(chunk) and chunk[i + run] == c:
                run += 1
            w = z if c == "0" else ONES[int(c)]
            if dbl and run == 2:
                words.append("double " + w)
            elif dbl and run == 3:
                words.append("triple " + w)
            else:
                words.extend([w] * run)
            i += run
        parts.append(" ".join(words))
    out = parts[0]
    for p in parts[1:]:
        if hes and rng.random() < hes:
            out += rng.choice([" uh ", " um ", "... uh ", ", um, "]) + p
            used_hes = True
        else:
            out += sep + p
    form = ("mixed_digits_words" if used_mixed else "digits") + "_" + {"zero": "zero", "oh": "oh", "o": "o"}[z]
    if dbl:
        form += "_double"
    if used_hes:
        form += "_um"
    return out, form


def say_letters(s, rng, style=None):
    style = style or rng.choice(["plain", "nato", "asin", "plain"])
    out = []
    for c in s:
        if c.isdigit():
            out.append(c if style == "plain_digits" else ONES[int(c)])
        elif style == "nato":
            out.append(NATO[c])
        elif style == "asin" and rng.random() < 0.6:
            out.append("%s as in %s" % (c, ASIN[c]))
        else:
            out.append(c)
    return " ".join(out), "spelled_" + style


def say_alnum(s, rng):
    """alpha prefix then digits"""
    i = 0
    while i < len(s) and s[i].isalpha():
        i += 1
    pre, digs = s[:i], s[i:]
    bits = []
    if pre:
        t, f = say_letters(pre, rng)
        bits.append(t)
    else:
        f = "digits"
    if digs:
        k = rng.random()
        if k < 0.25:
            bits.append(digs)
            f += "_then_numerals"
        else:
            g = [3] * (len(digs) // 3) + ([len(digs) % 3] if len(digs) % 3 else [])
            t, f2 = say_digits(digs, rng, groups=g, hes=0.3, mixed=0.2 if k < 0.45 else 0)
            bits.append(t)
            f += "_" + f2
    return rng.choice([" ", ", ", " "]).join(bits), "alnum_" + f


def fmt_phone_written(p, rng):
    k = rng.randint(0, 4)
    return [("(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "written_paren"),
            ("%s-%s-%s" % (p[:3], p[3:6], p[6:]), "written_dash"),
            ("%s.%s.%s" % (p[:3], p[3:6], p[6:]), "written_dot"),
            (p, "written_run"),
            ("+1 %s-%s-%s" % (p[:3], p[3:6], p[6:]), "written_e164ish")][k]


def say_phone(p, rng):
    k = rng.random()
    if k < 0.15:
        t, f = say_digits(p, rng, groups=[3, 3, 4], mixed=0.5, hes=0.2)
        return t, "phone_" + f
    if k < 0.3:
        a, _ = say_digits(p[:3], rng)
        b, _ = say_digits(p[3:6], rng, dbl=False)
        c = p[6:]
        zz = zword(rng)
        last = num_words(int(c[2:])) if c[2] != "0" else zz + " " + ONES[int(c[3])]
        tail = rng.choice([zz + " one " + last, zz + " one, " + last, zz + " " + ONES[int(c[1])] + "... " + last])
        return a + ", " + b + ", " + tail, "phone_pairs"
    t, f = say_digits(p, rng, groups=[3, 3, 4], hes=0.25)
    return t, "phone_" + f


def say_date(y, m, d, rng, ymode="full"):
    k = rng.randint(0, 6)
    yw = year_words(y, rng)
    yshort = ("oh " + ONES[y % 100]) if y % 100 < 10 else num_words(y % 100)
    yy = yw if ymode == "full" or rng.random() < 0.5 else yshort
    fy = "full" if yy == yw else "short"
    mon = MONTHS[m - 1].lower()
    if k == 0:
        return "%s %s %s" % (mon, ord_words(d), yy), "month_ord_" + fy
    if k == 1:
        return "the %s of %s %s" % (ord_words(d), mon, yy), "the_d_of_m_" + fy
    if k == 2:
        mm = ("oh " + ONES[m]) if m < 10 else num_words(m)
        dd = ("oh " + ONES[d]) if d < 10 else num_words(d)
        return "%s %s %s" % (mm, dd, yy), "num_mdy_words_" + fy
    if k == 3:
        return "%s %s, %s" % (mon, num_words(d), yy), "month_card_" + fy
    if k == 4:
        return "%s %s %s" % (num_words(m), num_words(d), yy), "num_mdy_nolead_" + fy
    if k == 5:
        return "%s %s %d" % (mon, ord_words(d), y), "month_ord_numyear"
    return "%s... %s, %s" % (mon, ord_words(d), yy), "month_pause_ord_" + fy


def write_date(y, m, d, rng):
    k = rng.randint(0, 5)
    return [("%d/%d/%d" % (m, d, y), "written_mdy_nolead"), ("%02d/%02d/%d" % (m, d, y), "written_mdy"),
            ("%s %d, %d" % (MONTHS[m - 1], d, y), "written_month_d_y"),
            ("%s %s, %d" % (MONTHS[m - 1], ord_suffix(d), y), "written_month_ord_y"),
            ("%02d-%02d-%d" % (m, d, y), "written_mdy_dash"),
            ("%d-%02d-%02d" % (y, m, d), "written_iso")][k]


# ---------------------------------------------------------------- record builder
class Rec:
    def __init__(self, rng, style):
        self.rng = rng
        self.style = style
        self.meta = []

    def _mark(self, text, meta):
        i = len(self.meta)
        self.meta.append(meta)
        return chr(OPEN0 + i) + text + CLOSE

    def V(self, text, entity, spoken, cue, form, value, group=None):
        if spoken and entity in ("SSN", "PHONE", "MRN", "MBI", "CARD", "ZIP", "NPI", "MEMBER_ID"):
            # spoken only when some part of the value is in words
            spoken = any(w.lower() not in ("uh", "um") for w in re.findall(r"[A-Za-z]{2,}", text))
            if not spoken:
                form = "numerals_" + form
        m = {"entity": entity, "spoken": spoken, "cue": cue, "form": form, "value": value}
        if group:
            m["group"] = group
        return self._mark(text, m)

    def N(self, text, what):
        return self._mark(text, {"neg": what})

    def finish(self, s):
        """strip markers -> (text, spans, negatives) with byte offsets"""
        out, spans, negs, stack = [], [], [], []
        blen = 0
        for ch in s:
            o = ord(ch)
            if OPEN0 <= o < OPEN0 + 6000 and ch != CLOSE:
                stack.append((o - OPEN0, blen))
            elif ch == CLOSE:
                i, st = stack.pop()
                m = self.meta[i]
                if "neg" in m:
                    negs.append({"start": st, "end": blen, "what": m["neg"]})
                else:
                    sp = {"start": st, "end": blen, "entity": m["entity"], "spoken": m["spoken"],
                          "cue": m["cue"], "form": m["form"], "value": m["value"]}
                    if "group" in m:
                        sp["group"] = m["group"]
                    spans.append(sp)
            else:
                out.append(ch)
                blen += len(ch.encode("utf-8"))
        assert not stack
        spans.sort(key=lambda x: x["start"])
        negs.sort(key=lambda x: x["start"])
        return "".join(out), spans, negs


# engine styles for transcripts: (name, written probability, lowercase+strip punctuation)
STYLES = {
    "aci_raw": (0.0, True),
    "deepgram_nova_raw": (0.08, False),
    "deepgram_nova_smart": (0.85, False),
    "whisper": (0.6, False),
    "google_stt": (0.45, False),
    "azure_stt": (0.75, False),
    "aws_transcribe": (0.55, False),
}


def labels_for(style, roles, rng):
    """map role -> label string (the line prefix before the text)"""
    if style == "aci_raw":
        return {r: "[%s]" % {"agent": "agent", "caller": rng.choice(["patient", "caller"]),
                            "staff": "caller", "interp": "interpreter", "pt": "patient"}[r] for r in roles}
    if style.startswith("deepgram"):
        return {r: "Speaker %d:" % i for i, r in enumerate(roles)}
    if style == "whisper":
        k = rng.random()
        if k < 0.5:
            return {r: "SPEAKER_%02d:" % i for i, r in enumerate(roles)}
        names = {"agent": "Agent", "caller": "Caller", "staff": "Caller", "interp": "Interpreter", "pt": "Patient"}
        return {r: names[r] + ":" for r in roles}
    if style == "google_stt":
        return {r: "Speaker %d:" % (i + 1) for i, r in enumerate(roles)}
    if style == "azure_stt":
        return {r: "Guest-%d:" % (i + 1) for i, r in enumerate(roles)}
    return {r: "spk_%d:" % i for i, r in enumerate(roles)}


def lower_strip(s):
    s = s.lower()
    s = re.sub(r"[,.?!;]", "", s)
    return re.sub(r"  +", " ", s)


class Call:
    """Helpers that render values for a given style and build turns."""

    def __init__(self, rec, rng, style, filler):
        self.r, self.rng, self.style = rec, rng, style
        self.wp = STYLES[style][0]
        self.filler = filler
        self.turns = []          # (role, text-with-markers)
        self.used_filler = set()

    def written(self):
        return self.rng.random() < self.wp

    def say(self, role, text):
        self.turns.append((role, text))

    def fill(self, role):
        src, t = self.rng.choice(self.filler)
        self.used_filler.add(src)
        self.turns.append((role, t))

    # ---- entity renderings: each returns marked text
    def name(self, first, last, cue, full=True, spelled=False):
        rng = self.rng
        if spelled:
            t, f = say_letters(last.upper(), rng)
            if rng.random() < 0.4 and "as in" not in t and " " in t:
                t = t.replace(" ", "-")
                f = "spelled_dash"
            return self.r.V(t, "NAME", True, cue, f, last)
        t = first + " " + last if full else (last if rng.random() < 0.5 else first)
        f = "name_full" if full else "name_single"
        return self.r.V(t, "NAME", True, cue, f, t)

    def digits_value(self, ent, ds, cue, groups, written_fmt):
        rng = self.rng
        if self.written():
            t = written_fmt
            return self.r.V(t, ent, False, cue, "written_" + ent.lower(), ds)
        t, f = say_digits(ds, rng, groups=groups, hes=0.25, mixed=0.15)
        return self.r.V(t, ent, True, cue, f, ds)

    def ssn(self, s, cue):
        if self.written():
            t = rng_choice(self.rng, ["%s-%s-%s" % (s[:3], s[3:5], s[5:]), "%s %s %s" % (s[:3], s[3:5], s[5:]), s])
            return self.r.V(t, "SSN", False, cue, "written_ssn", s)
        t, f = say_digits(s, self.rng, groups=[3, 2, 4], hes=0.3, mixed=0.15)
        return self.r.V(t, "SSN", True, cue, f, s)

    def ssn4(self, s, cue):
        if self.written():
            return self.r.V(s[5:], "SSN", False, cue, "last4_numerals", s)
        t, f = say_digits(s[5:], self.rng)
        return self.r.V(t, "SSN", True, cue, "last4_" + f, s)

    def phone(self, p, cue):
        if self.written():
            t, f = fmt_phone_written(p, self.rng)
            return self.r.V(t, "PHONE", False, cue, f, p)
        t, f = say_phone(p, self.rng)
        return self.r.V(t, "PHONE", True, cue, f, p)

    def date(self, ent, ymd, cue):
        y, m, d = ymd
        iso = "%04d-%02d-%02d" % ymd
        if self.written():
            t, f = write_date(y, m, d, self.rng)
            return self.r.V(t, ent, False, cue, f, iso)
        t, f = say_date(y, m, d, self.rng)
        return self.r.V(t, ent, True, cue, f, iso)

    def alnum(self, ent, v, cue):
        if self.written():
            t = v if self.rng.random() < 0.7 else " ".join([v[i:i + 3] for i in range(0, len(v), 3)])
            return self.r.V(t, ent, False, cue, "written_alnum", v)
        t, f = say_alnum(v, self.rng)
        return self.r.V(t, ent, True, cue, f, v)

    def mbi(self, v, cue):
        rng = self.rng
        if self.written():
            t = v if rng.random() < 0.6 else "%s-%s-%s" % (v[:4], v[4:7], v[7:])
            return self.r.V(t, "MBI", False, cue, "written_mbi", v)
        style = rng.choice(["plain", "nato", "asin"])
        bits = []
        for c in v:
            if c.isdigit():
                bits.append(ONES[int(c)] if rng.random() < 0.8 else c)
            elif style == "nato":
                bits.append(NATO[c])
            elif style == "asin" and rng.random() < 0.5:
                bits.append("%s as in %s" % (c, ASIN[c]))
            else:
                bits.append(c)
        t = " ".join(bits[:4]) + rng.choice([", ", " ", "... "]) + " ".join(bits[4:7]) + \
            rng.choice([", ", " ", " uh "]) + " ".join(bits[7:])
        return self.r.V(t, "MBI", True, cue, "mbi_" + style, v)

    def card(self, c, cue):
        g = [4, 4, 4, 4] if len(c) == 16 else [4, 6, 5]
        if self.written():
            pos, parts = 0, []
            for x in g:
                parts.append(c[pos:pos + x])
                pos += x
            t = rng_choice(self.rng, [" ".join(parts), "-".join(parts), c])
            return self.r.V(t, "CARD", False, cue, "written_card", c)
        t, f = say_digits(c, self.rng, groups=g, hes=0.3, mixed=0.25)
        return self.r.V(t, "CARD", True, cue, "card_" + f, c)

    def npi(self, n, cue):
        if self.written():
            return self.r.V(n, "NPI", False, cue, "written_npi", n)
        k = self.rng.random()
        g = [3, 3, 4] if k < 0.5 else ([10] if k < 0.75 else [4, 3, 3])
        t, f = say_digits(n, self.rng, groups=g, hes=0.3, mixed=0.2)
        return self.r.V(t, "NPI", True, cue, "npi_" + f, n)

    def zipc(self, z, cue):
        if self.written():
            return self.r.V(z, "ZIP", False, cue, "written_zip", z)
        t, f = say_digits(z, self.rng, dbl=self.rng.random() < 0.2)
        return self.r.V(t, "ZIP", True, cue, "zip_" + f, z)

    def street(self, num, st, suf, unit, cue):
        rng = self.rng
        if self.written():
            t = "%d %s %s" % (num, st, suf[1] if rng.random() < 0.5 else suf[0])
            if unit:
                t += rng.choice([", Apt %s" % unit, " #%s" % unit, " Unit %s" % unit])
            return self.r.V(t, "STREET", False, cue, "written_street", t)
        s = str(num)
        if len(s) == 4 and rng.random() < 0.6:
            hn = num_words(int(s[:2])) + " " + (("oh " + ONES[int(s[3])]) if s[2] == "0" else num_words(int(s[2:])))
            f = "house_pairs"
        elif rng.random() < 0.5:
            hn, _ = say_digits(s, rng, dbl=False, sep=" ")
            f = "house_digits"
        else:
            hn = s
            f = "house_numeral"
        t = "%s %s %s" % (hn, st.lower() if self.style == "aci_raw" else st, suf[0].lower())
        if unit:
            t += rng.choice([" apartment %s", " unit %s", " apt %s"]) % " ".join(unit.lower())
            f += "_unit"
        return self.r.V(t, "STREET", True, cue, f, "%d %s %s" % (num, st, suf[0]))

    def city(self, c, cue):
        return self.r.V(c, "CITY", True, cue, "city", c)

    def email(self, user, dom, cue):
        rng = self.rng
        if self.written():
            return self.r.V(user + "@" + dom, "EMAIL", False, cue, "written_email", user + "@" + dom)
        parts = re.split(r"([._])", user)
        k = rng.random()
        out = []
        for p in parts:
            if p == ".":
                out.append("dot")
            elif p == "_":
                out.append("underscore")
            elif p.isdigit():
                out.append(" ".join(ONES[int(c)] for c in p) if rng.random() < 0.5 else p)
            elif k < 0.35:
                out.append(" ".join(p))
            else:
                out.append(p)
        d1, d2 = dom.rsplit(".", 1)
        t = " ".join(out) + rng.choice([" at ", " at ", " at sign "]) + d1 + " dot " + d2
        return self.r.V(t, "EMAIL", True, cue, "email_spell" if k < 0.35 else "email_words", user + "@" + dom)

    # ---- negatives
    def money(self, dollars, cents=0):
        if self.written():
            return self.r.N("$%s.%02d" % ("{:,}".format(dollars), cents), "money")
        t = num_words(dollars) + " dollars" + (" and %s cents" % num_words(cents) if cents else "")
        return self.r.N(t, "money")

    def neg_digits(self, ds, what, groups=None):
        if self.written():
            return self.r.N(ds, what)
        t, _ = say_digits(ds, self.rng, groups=groups or [len(ds)], dbl=False)
        return self.r.N(t, what)

    def render(self, roles_order):
        lab = labels_for(self.style, roles_order, self.rng)
        stamp = self.style in ("aws_transcribe", "google_stt") and self.rng.random() < 0.6
        sec = self.rng.randint(0, 8)
        lines = []
        for role, t in self.turns:
            if STYLES[self.style][1]:
                t = lower_strip(t)
            pre = ""
            if stamp:
                pre = "[%02d:%02d:%02d] " % (sec // 3600, sec // 60 % 60, sec % 60)
                sec += self.rng.randint(2, 14)
            lines.append(pre + lab[role] + " " + t)
        return "\n".join(lines)


def rng_choice(rng, xs):
    return xs[rng.randrange(len(xs))]


# ---------------------------------------------------------------- person
def make_person(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    user = rng.choice(["%s.%s" % (first, last), "%s%s" % (first[0], last), "%s_%s%d" % (first, last[:3], rng.randint(1, 99)),
                       "%s%s%d" % (first, last, rng.randint(60, 99))]).lower()
    return {
        "first": first, "last": last, "dob": gen_date(rng, 1936, 2006), "ssn": gen_ssn(rng),
        "phone": gen_phone(rng), "alt_phone": gen_phone(rng), "zip": gen_zip(rng), "city": rng.choice(CITIES),
        "num": rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999)]),
        "street": rng.choice(STREETS), "suf": rng.choice(SUFFIX),
        "unit": rng.choice([None, None, None, "4B", "12", "C", "210"]),
        "email": user, "domain": rng.choice(DOMAINS), "mrn": gen_mrn(rng), "member": gen_member(rng),
        "mbi": gen_mbi(rng), "card": gen_card(rng), "payer": rng.choice(PAYERS), "agent": rng.choice(FIRST),
    }


def fill_maybe(c, role, p=0.35):
    if c.rng.random() < p:
        c.fill(role)


# ---------------------------------------------------------------- call types
def call_registration(c, P):
    r, rng = c.r, c.rng
    agent = rng.choice(FIRST)
    adm = gen_date(rng, 2026, 2027)
    c.say("agent", "Thank you for calling patient access, this is %s. Are you calling to pre-register for a procedure?" % r.V(agent, "NAME", True, "same", "name_agent_intro", agent))
    c.say("caller", "Yes, um, my surgery is on %s and they said I need to pre-register." % c.date("DATE", adm, "same"))
    c.say("agent", "Okay, I can help with that. Can I have the patient's full name?")
    if rng.random() < 0.5:
        c.say("caller", "%s, last name %s." % (c.name(P["first"], P["last"], "prev"), c.name(P["first"], P["last"], "same", spelled=True)))
    else:
        c.say("caller", "It's %s." % c.name(P["first"], P["last"], "prev"))
    c.say("agent", "And date of birth?")
    if rng.random() < 0.3:
        # diarisation split: the year lands on the agent's line
        y, m, d = P["dob"]
        iso = "%04d-%02d-%02d" % P["dob"]
        c.say("caller", r.V("%s %s" % (MONTHS[m - 1].lower() if c.style == "aci_raw" else MONTHS[m - 1], ord_words(d)),
                            "DOB", True, "prev", "diar_split_head", iso, group="dob"))
        c.say("agent", "%s. Okay. And the last four of your social?" % r.V(year_words(y, rng), "DOB", True, "prev", "diar_split_tail", iso, group="dob"))
    else:
        c.say("caller", "%s." % c.date("DOB", P["dob"], "prev"))
        fill_maybe(c, "agent")
        c.say("agent", "Thank you. And for verification, the last four of the social?")
    c.say("caller", "%s." % c.ssn4(P["ssn"], "prev"))
    c.say("agent", "Actually the hospital needs the full social security number for the admission record, if you have it.")
    c.say("caller", "Oh, okay, hold on... it's %s." % c.ssn(P["ssn"], "same"))
    c.say("agent", "Got it. What's the home address?")
    c.say("caller", "%s, %s, %s." % (c.street(P["num"], P["street"], P["suf"], P["unit"], "prev"), c.city(P["city"], "prev"), c.zipc(P["zip"], "prev")))
    if rng.random() < 0.5:
        c.say("agent", "And the zip there again was %s?" % c.zipc(P["zip"], "prev"))
        c.fill("caller")
    c.say("agent", "Best phone number for you?")
    p = P["phone"]
    if rng.random() < 0.35:
        c.say("caller", "Area code %s, and then %s..." % (r.V(say_digits(p[:3], rng)[0], "PHONE", True, "same", "split_turn_area", p, group="ph"),
                                                        r.V(say_digits(p[3:6], rng, dbl=False)[0], "PHONE", True, "same", "split_turn_mid", p, group="ph")))
        c.say("agent", "Mm-hmm.")
        c.say("caller", "%s." % r.V(say_digits(p[6:], rng)[0], "PHONE", True, "prev", "split_turn_tail", p, group="ph"))
    else:
        c.say("caller", "%s, that's my cell." % c.phone(p, "prev"))
    c.say("agent", "And do you have an email for the patient portal?")
    c.say("caller", "Yeah, it's %s." % c.email(P["email"], P["domain"], "same"))
    c.say("agent", "Insurance today is %s? What's the member ID on the card?" % P["payer"])
    c.say("caller", "Um, it says %s." % c.alnum("MEMBER_ID", P["member"], "prev"))
    c.say("agent", "Okay. Your copay for the facility is %s, and please arrive at %s. Check in on the %s floor, room %s." % (
        c.money(rng.choice([50, 100, 150, 250, 300])), r.N(rng.choice(["6:30 a.m.", "five thirty in the morning", "7:15 AM", "quarter to six"]), "time"),
        rng.choice(["second", "third", "fourth"]), r.N(str(rng.randint(200, 480)), "room_number")))
    c.say("agent", "Your medical record number is %s, and your pre-registration confirmation is %s." % (
        c.alnum("MRN", P["mrn"], "same"), c.neg_digits("".join(str(rng.randint(0, 9)) for _ in range(8)), "confirmation_number")))
    c.fill("caller")
    c.say("agent", "Nothing to eat after midnight. If you have an emergency before then, call %s. Anything else?" % r.N(rng.choice(["nine one one", "911"]), "emergency_number"))
    c.say("caller", "No, that's it, thanks.")
    return ["agent", "caller"], "registration_preadmission"


def call_referral(c, P):
    r, rng = c.r, c.rng
    npi = gen_npi(rng)
    doc = (rng.choice(FIRST), rng.choice(LAST))
    staff1, staff2 = rng.choice(FIRST), rng.choice(FIRST)
    clinic_a, clinic_b = rng.sample(CLINICS, 2)
    fax = gen_phone(rng)
    c.say("agent", "%s referrals, this is %s." % (clinic_b, r.V(staff1, "NAME", True, "same", "name_agent_intro", staff1)))
    c.say("staff", "Hi, %s calling from %s, I'm sending over a referral and wanted to make sure you got it." % (r.V(staff2, "NAME", True, "same", "name_caller_intro", staff2), clinic_a))
    c.say("agent", "Sure. Patient name?")
    c.say("staff", "%s, date of birth %s." % (c.name(P["first"], P["last"], "prev"), c.date("DOB", P["dob"], "same")))
    fill_maybe(c, "agent", 0.5)
    c.say("agent", "Let me look... I'm not finding them. Do you have their MRN on your side?")
    c.say("staff", "Our MRN is %s, but that's our system, not yours." % c.alnum("MRN", P["mrn"], "same"))
    c.say("agent", "That's fine, I'll create them. Referring provider?")
    c.say("staff", "Doctor %s. NPI is %s." % (r.V(" ".join(doc), "NAME", True, "same", "name_provider", " ".join(doc)), c.npi(npi, "same")))
    if rng.random() < 0.5:
        c.say("agent", "Let me read that back, %s?" % c.npi(npi, "prev"))
        c.say("staff", "Correct.")
    c.say("agent", "Insurance?")
    c.say("staff", "%s, member ID %s, and the prior auth number is %s." % (P["payer"], c.alnum("MEMBER_ID", P["member"], "same"),
                                                                           r.N(rng.choice(["PA", "AUTH", "R"]) + str(rng.randint(1000000, 9999999)), "authorization_number")))
    c.say("agent", "And the patient's phone?")
    c.say("staff", "%s." % c.phone(P["phone"], "prev"))
    c.say("agent", "What fax should I send the consult note back to?")
    c.say("staff", "Our fax is %s." % c.phone(fax, "same"))
    c.say("agent", "Okay. First available is %s at %s with the %s team." % (
        r.N(rng.choice(["next Tuesday", "the fourteenth", "January 9th", "March third"]), "appointment_date"),
        r.N(rng.choice(["2:40", "ten fifteen", "9 AM", "one thirty"]), "time"), rng.choice(["new patient", "surgical"])))
    c.say("staff", "Perfect, I'll let them know. Thanks %s." % r.V(staff1, "NAME", True, "prev", "name_readback", staff1))
    return ["agent", "staff"], "referral_coordination"


def call_financial(c, P):
    r, rng = c.r, c.rng
    bal = rng.randint(180, 9800)
    months = rng.choice([6, 10, 12, 18, 24])
    stmt = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([8, 9, 10])))
    c.say("agent", "Financial counseling, how can I help you?")
    c.say("caller", "Hi, I got a bill, statement number %s, and I can't pay it all at once." % c.neg_digits(stmt, "statement_number"))
    c.say("agent", "I can look at a payment plan. Who's the patient?")
    c.say("caller", "Me, %s." % c.name(P["first"], P["last"], "prev"))
    c.say("agent", "And your date of birth?")
    c.say("caller", "%s." % c.date("DOB", P["dob"], "prev"))
    c.say("agent", "Okay, I see a balance of %s after insurance. Invoice %s from the ER visit." % (
        c.money(bal, rng.choice([0, 0, 25, 40, 99])), r.N("INV-" + str(rng.randint(100000, 999999)), "invoice_number")))
    adm = gen_date(rng, 2025, 2026)
    dis = adm if rng.random() < 0.3 else gen_date(rng, adm[0], adm[0])
    if dis < adm:
        adm, dis = dis, adm
    c.say("caller", "Is that the hospital stay? I was admitted %s and went home %s." % (c.date("DATE", adm, "same"), c.date("DATE", dis, "same")))
    c.say("agent", "That's the one, %s days inpatient plus the ER facility fee." % r.N(rng.choice(["three", "four", "2", "6"]), "count"))
    c.say("caller", "Yeah. Can I do like %s a month?" % c.money(rng.choice([25, 50, 75, 100, 150])))
    c.say("agent", "We can do %s months interest free. Do you want to set up autopay with a card?" % r.N(num_words(months) if not c.written() else str(months), "count"))
    c.say("caller", "Sure. Card number is %s." % c.card(P["card"], "same"))
    c.say("agent", "Expiration and the billing zip code?")
    c.say("caller", "%s, zip %s." % (r.N(rng.choice(["oh nine twenty eight", "09/28", "eleven twenty seven", "04/29"]), "expiration"), c.zipc(P["zip"], "same")))
    c.say("agent", "To confirm, the card ending in %s?" % r.N(P["card"][-4:], "card_last4_readback"))
    c.say("caller", "Yes.")
    c.say("agent", "If you qualify for charity care you'd need to give us income and the last four of your social.")
    c.say("caller", "%s. I live with %s people." % (c.ssn4(P["ssn"], "prev"), r.N(rng.choice(["three", "four", "2", "5"]), "count")))
    c.say("agent", "Where should I email the plan agreement?")
    c.say("caller", "%s." % c.email(P["email"], P["domain"], "prev"))
    fill_maybe(c, "agent")
    c.say("agent", "Done. Your account number for the plan is %s. Press %s on the main line to reach us again." % (
        r.N("".join(str(rng.randint(0, 9)) for _ in range(7)), "account_number"), r.N(rng.choice(["three", "4", "two"]), "menu_option")))
    c.say("caller", "Great, thank you.")
    return ["agent", "caller"], "financial_counselling"


def call_pharmacy(c, P):
    r, rng = c.r, c.rng
    drug, dose_w, dose_n = rng.choice(DRUGS)
    ndc = "%05d-%04d-%02d" % (rng.randint(1, 99999), rng.randint(1, 9999), rng.randint(1, 99))
    ship = gen_date(rng, 2026, 2027)
    c.say("agent", "Specialty pharmacy intake, this is %s. I'm calling about a new prescription for %s." % (r.V(P["agent"], "NAME", True, "same", "name_agent_intro", P["agent"]), drug))
    c.say("caller", "Oh yes, my doctor said you'd call.")
    c.say("agent", "Can you verify the patient's name and date of birth?")
    c.say("caller", "%s, %s." % (c.name(P["first"], P["last"], "prev"), c.date("DOB", P["dob"], "prev")))
    if rng.random() < 0.5:
        c.say("agent", "Thank you. Are you on Medicare? I'll need the Medicare number from the red white and blue card.")
        c.say("caller", "Um yeah, it's %s." % c.mbi(P["mbi"], "prev"))
    else:
        c.say("agent", "Thank you. What's the member ID for your prescription plan?")
        c.say("caller", "%s." % c.alnum("MEMBER_ID", P["member"], "prev"))
    c.say("agent", "The prescription is %s, %s every other week. The NDC on file is %s." % (drug, r.N(dose_w if not c.written() else dose_n, "dose"),
                                                                                        r.N(ndc, "ndc_code")))
    c.say("caller", "Okay. How much will it cost?")
    c.say("agent", "With the copay card it's %s. What address should we ship to?" % c.money(rng.choice([0, 5, 10, 25])))
    c.say("caller", "%s in %s." % (c.street(P["num"], P["street"], P["suf"], P["unit"], "prev"), c.city(P["city"], "same")))
    c.say("agent", "Zip code?")
    z = P["zip"]
    if rng.random() < 0.3:
        c.say("caller", "%s..." % r.V(say_digits(z[:3], rng)[0], "ZIP", True, "prev", "diar_split_head", z, group="zip"))
        c.say("agent", "%s, okay. Someone needs to be home to sign." % r.V(say_digits(z[3:], rng)[0], "ZIP", True, "prev", "diar_split_tail", z, group="zip"))
    else:
        c.say("caller", "%s." % c.zipc(z, "prev"))
        c.say("agent", "Someone needs to be home to sign.")
    c.say("caller", "We can do %s. Call me at %s before the driver comes." % (r.N(rng.choice(["Thursday", "the morning", "after 2"]), "appointment_date" if rng.random() < 0 else "time"), c.phone(P["phone"], "same")))
    c.say("agent", "It ships cold, lot %s, keep it refrigerated between %s. Delivery is scheduled for %s." % (
        r.N(rng.choice("ABKMXZ") + str(rng.randint(1000, 99999)), "lot_number"), r.N(rng.choice(["36 and 46 degrees", "thirty six and forty six degrees"]), "temperature"),
        r.N(rng.choice(["Friday", "tomorrow", "the twelfth", "next Monday"]), "appointment_date")))
    fill_maybe(c, "caller", 0.6)
    if rng.random() < 0.5:
        c.say("agent", "And an email for shipping notifications?")
        c.say("caller", "%s" % c.email(P["email"], P["domain"], "prev"))
    c.say("agent", "Your pharmacy profile number is %s. Anything else?" % c.alnum("MRN", P["mrn"], "same"))
    c.say("caller", "No, thank you.")
    return ["agent", "caller"], "specialty_pharmacy_intake"


def call_interpreter(c, P):
    r, rng = c.r, c.rng
    lang, pt = rng.choice(LANGS)
    interp_id = str(rng.randint(10000, 999999))
    c.say("interp", "%s interpreter, my ID number is %s." % (lang, r.N(interp_id, "interpreter_id")))
    c.say("agent", "Thank you. Please ask the patient for their full name.")
    c.say("pt", rng.choice(pt))
    c.say("interp", "The patient says the name is %s." % c.name(P["first"], P["last"], "same"))
    c.say("agent", "And the date of birth, please.")
    c.say("pt", rng.choice(pt))
    c.say("interp", "%s." % c.date("DOB", P["dob"], "prev"))
    c.say("agent", "Does the patient have the insurance card? I need the ID number.")
    c.say("pt", rng.choice(pt))
    c.say("interp", "The patient is reading it, it's %s." % c.alnum("MEMBER_ID", P["member"], "same"))
    c.say("agent", "Social security number?")
    c.say("interp", "%s." % c.ssn(P["ssn"], "prev"))
    c.say("agent", "A phone number where the patient can be reached?")
    c.say("pt", rng.choice(pt))
    c.say("interp", "%s, and the son's number is %s." % (c.phone(P["phone"], "prev"), c.phone(P["alt_phone"], "same")))
    c.say("agent", "Can you tell the patient the visit is at %s, and to bring all %s medication bottles." % (
        r.N(rng.choice(["10:20", "three o'clock", "8:45 AM"]), "time"), r.N(rng.choice(["four", "six", "3"]), "count")))
    c.say("interp", "The patient understands. The patient asks if there is a hospital number.")
    c.say("agent", "Yes, the MRN is %s, and the zip is %s, correct?" % (c.alnum("MRN", P["mrn"], "same"), c.zipc(P["zip"], "same")))
    c.say("pt", rng.choice(pt))
    c.say("interp", "Yes, correct.")
    return ["agent", "interp", "pt"], "interpreter_assisted"


def call_pharmacy_refill(c, P):
    r, rng = c.r, c.rng
    npi = gen_npi(rng)
    doc = (rng.choice(FIRST), rng.choice(LAST))
    c.say("caller", "Hi. %s. %s. Calling about my delivery." % (c.name(P["first"], P["last"], "none"), c.date("DOB", P["dob"], "none")))
    c.say("agent", "Thanks, I found you. Is the phone still %s?" % c.phone(P["phone"], "prev"))
    c.say("caller", "Yes. Oh, and the new doctor is %s, if you need his NPI it's %s." % (r.V(" ".join(doc), "NAME", True, "same", "name_provider", " ".join(doc)), c.npi(npi, "same")))
    c.say("agent", "Got it. Order number %s is %s tablets, ready to ship." % (c.neg_digits(str(rng.randint(1000000, 9999999)), "order_number"),
                                                                               r.N(rng.choice(["thirty", "90", "sixty"]), "count")))
    fill_maybe(c, "caller", 0.7)
    c.say("agent", "Do you want to use the card on file ending %s or a new card?" % r.N(P["card"][-4:], "card_last4_readback"))
    c.say("caller", "New card. %s." % c.card(P["card"], "none"))
    c.say("agent", "And the billing zip code?")
    c.say("caller", "%s." % c.zipc(P["zip"], "prev"))
    c.say("agent", "Receipt to %s?" % c.email(P["email"], P["domain"], "prev"))
    c.say("caller", "Yes please. Uh, the copay was %s last time, right?" % c.money(rng.choice([10, 15, 35, 40])))
    c.say("agent", "Correct. Your Medicare number on file ends... actually let me read the whole thing, %s?" % c.mbi(P["mbi"], "same"))
    c.say("caller", "That's right.")
    return ["agent", "caller"], "pharmacy_refill_delivery"


CALLS = [call_registration, call_referral, call_financial, call_pharmacy, call_interpreter, call_pharmacy_refill]


# ---------------------------------------------------------------- JSON payloads
def summary_written(r, P, npi=None):
    iso = "%04d-%02d-%02d" % P["dob"]
    p = P["phone"]
    parts = ["Caller %s (DOB %s) verified identity." % (r.V("%s %s" % (P["first"], P["last"]), "NAME", False, "same", "summary_name", "%s %s" % (P["first"], P["last"])),
                                                         r.V(iso if r.rng.random() < 0.5 else "%02d/%02d/%d" % (P["dob"][1], P["dob"][2], P["dob"][0]), "DOB", False, "same", "summary_date", iso)),
             "Callback %s." % r.V("(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "PHONE", False, "same", "summary_phone", p)]
    if npi:
        parts.append("Referring NPI %s." % r.V(npi, "NPI", False, "same", "summary_npi", npi))
    return " ".join(parts)


def json_record(rng, profile, filler, idx):
    P = make_person(rng)
    style = {"vapi": "deepgram_nova_smart", "retell": rng.choice(["deepgram_nova_raw", "whisper"]),
             "signalwire": rng.choice(["google_stt", "azure_stt"]), "deepgram": rng.choice(["deepgram_nova_raw", "deepgram_nova_smart"]),
             "transcribe": "aws_transcribe"}[profile]
    rec = Rec(rng, style)
    c = Call(rec, rng, style, filler)
    npi = gen_npi(rng) if rng.random() < 0.7 else None
    c.say("agent", "Thanks for calling, this line is recorded. Can I get the patient's name?")
    c.say("caller", "%s." % c.name(P["first"], P["last"], "prev"))
    c.say("agent", "Date of birth?")
    c.say("caller", "%s." % c.date("DOB", P["dob"], "prev"))
    kind = rng.randint(0, 2)
    if kind == 0:
        c.say("agent", "Member ID?")
        c.say("caller", "%s, and my social is %s." % (c.alnum("MEMBER_ID", P["member"], "prev"), c.ssn(P["ssn"], "same")))
    elif kind == 1:
        c.say("agent", "What card would you like to use for the %s balance?" % c.money(rng.randint(40, 900)))
        c.say("caller", "%s, zip %s." % (c.card(P["card"], "prev"), c.zipc(P["zip"], "same")))
    else:
        c.say("agent", "What's the MRN on the wristband or the paperwork?")
        c.say("caller", "%s. Email is %s." % (c.alnum("MRN", P["mrn"], "prev"), c.email(P["email"], P["domain"], "same")))
    if npi:
        c.say("caller", "The referring doctor's NPI is %s." % c.npi(npi, "same"))
    c.say("agent", "And the best callback number?")
    c.say("caller", "%s." % c.phone(P["phone"], "prev"))
    c.say("agent", "Great, your reference number is %s. Press %s to rate this call." % (
        c.neg_digits(str(rng.randint(10000000, 99999999)), "confirmation_number"), rec.N(rng.choice(["1", "one"]), "menu_option")))
    cid = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48))
    t0 = 1790000000 + rng.randint(0, 9000000)
    turns = c.turns
    role_names = {"vapi": ("AI", "User"), "retell": ("Agent", "User"), "signalwire": ("assistant", "user"),
                  "deepgram": ("Speaker 0", "Speaker 1"), "transcribe": ("spk_0", "spk_1")}[profile]

    def plain(t):
        return t

    def mk(i, t):
        # materialise marked text again with fresh markers for each copy
        return remark(rec, t)
    full = "\n".join("%s: %s" % (role_names[0] if r == "agent" else role_names[1], plain(mk(0, t))) for r, t in turns)
    summ = summary_written(rec, P, npi)
    if profile == "vapi":
        msgs = [{"role": "bot" if r == "agent" else "user", "message": mk(0, t), "time": t0 * 1000 + i * 4100,
                 "secondsFromStart": round(i * 4.1 + 0.6, 2)} for i, (r, t) in enumerate(turns)]
        obj = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
                           "call": {"id": cid, "type": "inboundPhoneCall"},
                           "artifact": {"transcript": full, "messages": msgs},
                           "analysis": {"summary": summ, "successEvaluation": "true"},
                           "durationSeconds": round(len(turns) * 4.3, 1)}}
    elif profile == "retell":
        obj = {"event": "call_analyzed",
               "call": {"call_id": "call_" + cid.replace("-", "")[:24], "agent_id": "agent_%x" % rng.getrandbits(40),
                        "call_status": "ended", "start_timestamp": t0 * 1000, "end_timestamp": t0 * 1000 + 91000,
                        "transcript": full,
                        "transcript_object": [{"role": "agent" if r == "agent" else "user", "content": mk(0, t), "words": []} for r, t in turns],
                        "call_analysis": {"call_summary": summ, "user_sentiment": "Neutral", "call_successful": True}}}
    elif profile == "signalwire":
        obj = {"app_name": "patient_access_bot", "call_id": cid, "ai_session_id": "%032x" % rng.getrandbits(128),
               "call_start_date": t0 * 1000000, "call_log": [{"role": role_names[0] if r == "agent" else role_names[1],
                                                          "content": mk(0, t)} for r, t in turns],
               "post_prompt_data": {"raw": summ, "substituted": ""}, "total_output_tokens": rng.randint(300, 2000)}
    elif profile == "deepgram":
        utt, tm = [], 0.4
        for r, t in turns:
            d = round(1.5 + 0.07 * len(t), 2)
            utt.append({"start": round(tm, 2), "end": round(tm + d, 2), "confidence": round(0.8 + rng.random() * 0.19, 4),
                        "channel": 0, "speaker": 0 if r == "agent" else 1, "transcript": mk(0, t), "id": "%032x" % rng.getrandbits(128)})
            tm += d + 0.3
        obj = {"metadata": {"request_id": cid, "created": "2026-%02d-%02dT%02d:%02d:11.000Z" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)),
                            "duration": round(tm, 2), "channels": 1, "models": ["nova-3-medical" if rng.random() < 0.5 else "nova-2"]},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(mk(0, t) for _, t in turns), "confidence": 0.97}]}],
                           "utterances": utt}}
    else:
        segs, tm = [], 0.0
        for i, (r, t) in enumerate(turns):
            d = round(1.2 + 0.06 * len(t), 2)
            segs.append({"start_time": "%.2f" % tm, "end_time": "%.2f" % (tm + d), "speaker_label": "spk_%d" % (0 if r == "agent" else 1), "items": []})
            tm += d + 0.2
        obj = {"jobName": "pac-%d" % rng.randint(100000, 999999), "accountId": "%012d" % rng.randint(10 ** 11, 10 ** 12 - 1),
               "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(mk(0, t) for _, t in turns)}],
                           "speaker_labels": {"speakers": 2, "segments": segs},
                           "audio_segments": [{"id": i, "transcript": mk(0, t), "speaker_label": "spk_%d" % (0 if r == "agent" else 1)} for i, (r, t) in enumerate(turns)]}}
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = rec.finish(s)
    return {"format": "json", "profile": profile, "kind": "json_%s_%s" % (profile, style), "text": text,
            "spans": spans, "negatives": negs}


def remark(rec, t):
    """copy a marked string giving every marker a fresh index (so each occurrence gets its own span)"""
    out, i = [], 0
    while i < len(t):
        ch = t[i]
        o = ord(ch)
        if OPEN0 <= o < OPEN0 + 6000 and ch != CLOSE:
            m = dict(rec.meta[o - OPEN0])
            if "neg" not in m and "summary" not in m["form"] and out is not None:
                pass
            j = len(rec.meta)
            rec.meta.append(m)
            out.append(chr(OPEN0 + j))
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------- generation
def generate(seed, n):
    rng = random.Random(seed)
    filler = load_filler()
    n_json = round(n * 40 / 150)
    n_tr = n - n_json
    recs = []
    styles = sorted(STYLES)
    for i in range(n_tr):
        style = styles[i % len(styles)] if rng.random() < 0.5 else rng.choice(styles)
        P = make_person(rng)
        rec = Rec(rng, style)
        c = Call(rec, rng, style, filler)
        fn = CALLS[i % len(CALLS)]
        roles, kind = fn(c, P)
        while len(c.turns) > 40:
            c.turns.pop(-2)
        s = c.render(roles)
        text, spans, negs = rec.finish(s)
        src = "+".join(sorted(c.used_filler))
        recs.append({"format": "transcript", "kind": "%s_%s%s" % (kind, style, ("+" + src) if src else ""), "text": text,
                     "spans": spans, "negatives": negs})
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    for i in range(n_json):
        recs.append(json_record(rng, profiles[i % 5], filler, i))
    order = list(range(len(recs)))
    rng.shuffle(order)
    out = []
    for k, j in enumerate(order):
        r = recs[j]
        o = {"id": "h18-%04d" % (k + 1), "format": r["format"]}
        if "profile" in r:
            o["profile"] = r["profile"]
        o.update({"kind": r["kind"], "text": r["text"], "spans": r["spans"], "negatives": r["negatives"]})
        out.append(o)
    return out


# ---------------------------------------------------------------- check
WORDNUM = {w: str(i) for i, w in enumerate(ONES)}
WORDNUM.update({"oh": "0", "o": "0"})
LETTER_WORDS = {v: k for k, v in NATO.items()}


def norm_alnum(s):
    """spoken/written text -> the digits and capital letters it renders"""
    s = re.sub(r"\b([A-Za-z]) as in [A-Za-z\-]+", r"\1", s)
    toks = re.findall(r"[A-Za-z]+(?:-[a-z]+)?|\d+", s)
    out = []
    mult = 1
    for t in toks:
        lt = t.lower()
        if lt in ("double", "triple"):
            mult = 2 if lt == "double" else 3
            continue
        if t.isdigit():
            out.append(t * mult if len(t) == 1 else t)
        elif lt in WORDNUM and not (t.isupper() and len(t) == 1 and lt != "o"):
            out.append(WORDNUM[lt] * mult)
        elif lt in LETTER_WORDS:
            out.append(LETTER_WORDS[lt])
        elif len(t) == 1 or t.isupper():
            out.append(t.upper())
        elif lt in ("uh", "um", "and", "then"):
            pass
        else:
            out.append("?" + t)
        mult = 1
    return "".join(out)


def fold_tens(s):
    return s


def check(paths):
    ok = True
    recs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = f.read()
        if not data.endswith("\n"):
            pass
        for ln, line in enumerate(data.split("\n"), 1):
            if not line.strip():
                continue
            recs.append(json.loads(line))
    label_re = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z][A-Za-z0-9_\- ]{0,20}:) \S")
    groups = collections.defaultdict(list)

    def bad(r, msg):
        nonlocal ok
        ok = False
        print("FAIL %s: %s" % (r.get("id"), msg), file=sys.stderr)

    ids = set()
    for r in recs:
        if r["id"] in ids:
            bad(r, "duplicate id")
        ids.add(r["id"])
        text = r["text"]
        b = text.encode("utf-8")
        if r["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                bad(r, "turn count %d" % len(lines))
            for l in lines:
                if not label_re.match(l):
                    bad(r, "bad line %r" % l[:60])
            if text.endswith("\n") or "\n\n" in text:
                bad(r, "blank/trailing newline")
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError:
                bad(r, "json does not parse")
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                bad(r, "json not compact canonical")
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                bad(r, "profile")
            # string ranges (byte offsets)
            sranges = []
            i, n = 0, len(b)
            while i < n:
                if b[i:i + 1] == b'"':
                    j = i + 1
                    while b[j:j + 1] != b'"':
                        j += 2 if b[j:j + 1] == b"\\" else 1
                    sranges.append((i + 1, j))
                    i = j + 1
                else:
                    i += 1
            for s in r["spans"] + r["negatives"]:
                if not any(a <= s["start"] and s["end"] <= z for a, z in sranges):
                    bad(r, "span outside JSON string %r" % s)
        else:
            bad(r, "format")
        allsp = sorted([(s["start"], s["end"], "s") for s in r["spans"]] + [(s["start"], s["end"], "n") for s in r["negatives"]])
        for (a1, z1, _), (a2, z2, _) in zip(allsp, allsp[1:]):
            if a2 < z1:
                bad(r, "overlap at %d" % a2)
        for s in r["spans"] + r["negatives"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                bad(r, "offsets")
                continue
            try:
                v = b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                bad(r, "span not on char boundary")
                continue
            if v != v.strip() or "\n" in v:
                bad(r, "span whitespace %r" % v)
        for s in r["spans"]:
            e = s["entity"]
            v = b[s["start"]:s["end"]].decode("utf-8", "replace")
            val = s.get("value", "")
            if e not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                bad(r, "entity " + e)
            if not isinstance(s.get("spoken"), bool) or s.get("cue") not in ("same", "prev", "none") or not s.get("form"):
                bad(r, "span fields %r" % s)
            if "group" in s:
                groups[(r["id"], s["group"])].append((norm_alnum(v), s))
            got = norm_alnum(v) if e in ("SSN", "PHONE", "NPI", "CARD", "ZIP", "MRN", "MEMBER_ID", "MBI") else None
            if e == "SSN":
                if not (re.fullmatch(r"\d{9}", val) and val[:3] not in ("000", "666") and val[0] != "9" and val[3:5] != "00" and val[5:] != "0000"):
                    bad(r, "SSN value %s" % val)
                if "group" not in s and got != val and not (s["form"].startswith("last4") and got == val[5:]):
                    bad(r, "SSN text %r -> %s" % (v, got))
            elif e == "PHONE":
                if not (re.fullmatch(r"\d{10}", val) and val[3:8] == "55501"):
                    bad(r, "PHONE value %s" % val)
                if "group" not in s and got not in (val, "1" + val) and s["form"] != "phone_pairs":
                    bad(r, "PHONE text %r -> %s" % (v, got))
            elif e == "NPI":
                if not (re.fullmatch(r"[12]\d{9}", val) and luhn_ok("80840" + val)):
                    bad(r, "NPI value %s" % val)
                if got != val:
                    bad(r, "NPI text %r -> %s" % (v, got))
            elif e == "CARD":
                if not (re.fullmatch(r"\d{15,16}", val) and luhn_ok(val) and any(val.startswith(p) for p, _ in CARD_PREFIX)):
                    bad(r, "CARD value %s" % val)
                if got != val:
                    bad(r, "CARD text %r -> %s" % (v, got))
            elif e == "MBI":
                if not MBI_RE.match(val):
                    bad(r, "MBI value %s" % val)
                if got != val:
                    bad(r, "MBI text %r -> %s" % (v, got))
            elif e == "ZIP":
                if not re.fullmatch(r"\d{5}", val) or val == "00000":
                    bad(r, "ZIP value")
                if "group" not in s and got != val:
                    bad(r, "ZIP text %r -> %s" % (v, got))
            elif e in ("MRN", "MEMBER_ID"):
                if not re.fullmatch(r"[A-Z]{0,3}\d{6,11}", val):
                    bad(r, "%s value %s" % (e, val))
                if got != val:
                    bad(r, "%s text %r -> %s" % (e, v, got))
            elif e in ("DOB", "DATE"):
                m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", val)
                if not m or not valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
                    bad(r, "date value %s" % val)
                elif not s["spoken"] and "group" not in s:
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                    if str(y) not in v or not (MONTHS[mo - 1] in v or str(mo) in v):
                        bad(r, "date text %r vs %s" % (v, val))
            elif e == "EMAIL":
                if not re.fullmatch(r"[a-z0-9._]+@[a-z]+\.[a-z]+", val):
                    bad(r, "EMAIL value")
                if not s["spoken"] and v != val:
                    bad(r, "EMAIL text")
            elif e == "NAME":
                if any(ch.isdigit() for ch in v):
                    bad(r, "NAME digits")
    for (rid, g), parts in groups.items():
        joined = "".join(p for p, _ in parts)
        val = parts[0][1]["value"]
        if parts[0][1]["entity"] in ("PHONE", "ZIP") and joined != val:
            print("FAIL %s: group %s %s != %s" % (rid, g, joined, val), file=sys.stderr)
            ok = False
    stats(recs)
    print("check: %s (%d records)" % ("OK" if ok else "FAILED", len(recs)))
    return ok


def stats(recs):
    cnt = collections.Counter()
    tot = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    for r in recs:
        kinds[r["format"] + ":" + (r.get("profile") or r["kind"].split("_")[0])] += 1
        for s in r["spans"]:
            tot[s["entity"]] += 1
            cnt[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records: %d  (%s)" % (len(recs), ", ".join("%s=%d" % kv for kv in sorted(kinds.items()))))
    print("%-10s %5s | %s" % ("entity", "total", "spoken same/prev/none | written same/prev/none"))
    for e in sorted(tot):
        row = [cnt[(e, sp, c)] for sp in ("spoken", "written") for c in ("same", "prev", "none")]
        print("%-10s %5d | %3d %3d %3d | %3d %3d %3d" % ((e, tot[e]) + tuple(row)))
    print("spans: %d; negatives: %d (%s)" % (sum(tot.values()), sum(negs.values()),
                                            ", ".join("%s=%d" % kv for kv in sorted(negs.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", nargs="+")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    recs = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
