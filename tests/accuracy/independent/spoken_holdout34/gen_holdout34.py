#!/usr/bin/env python3
"""holdout34: vision, hearing-aid and durable-medical-equipment (CPAP, wheelchair, diabetic
supply) order and warranty calls, with spoken PHI, as labelled evaluation records.

  python3 gen_holdout34.py [--seed 3434] [--n 150] > holdout34.jsonl
  python3 gen_holdout34.py --stats                 # counts of the default output
  python3 gen_holdout34.py --check holdout34.jsonl # re-validate a file (+ its stats)

Python 3 standard library only. Deterministic for a seed whatever PYTHONHASHSEED is (only
random.Random(seed), lists and sorted dict keys decide anything).

Carrier: a handful of patient utterances are quoted verbatim from MTS-Dialog
(https://github.com/abachaa/MTS-Dialog, training set, CC BY 4.0); everything else was written
for this corpus.
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 3434
DEFAULT_N = 150

# --------------------------------------------------------------------------- numbers to words
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ("January February March April May June July August September October November "
          "December").split()


def n2w(n, hy=False):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hy else " ") + ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + (" " + n2w(r, hy) if r else "")
    th, r = divmod(n, 1000)
    return n2w(th) + " thousand" + (" " + n2w(r, hy) if r else "")


def ordw(n, hy=False):
    if n in ORD:
        return ORD[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("-" if hy else " ") + ORD[o]


def dword(d, zero="oh"):
    return zero if d == "0" else ONES[int(d)]


def pair_word(p, hy=False):
    """two digits as a number: '41' forty one, '05' oh five, '00' oh oh, '10' ten."""
    if p[0] == "0":
        return "oh " + dword(p[1], "oh")
    return n2w(int(p), hy)


def group_words(g, style, zero="oh", hy=False):
    """say one group of digits in a style: each, pairs, double."""
    if style == "pairs" and len(g) in (2, 3, 4):
        if len(g) == 2:
            return pair_word(g, hy)
        if len(g) == 3:
            if g[1:] == "00":
                return dword(g[0], zero) + " " + dword("0", zero) + " " + dword("0", zero)
            return dword(g[0], zero) + " " + pair_word(g[1:], hy)
        return pair_word(g[:2], hy) + " " + pair_word(g[2:], hy)
    if style == "double":
        out = []
        i = 0
        while i < len(g):
            j = i
            while j < len(g) and g[j] == g[i]:
                j += 1
            run = j - i
            w = dword(g[i], zero)
            if run == 3:
                out.append("triple " + w)
            elif run == 2:
                out.append("double " + w)
            else:
                out.extend([w] * run)
            i = j
        return " ".join(out)
    return " ".join(dword(d, zero) for d in g)


def year_words(y, short=False):
    c, r = divmod(y, 100)
    if short:
        return pair_word("%02d" % r)
    if r == 0:
        return n2w(c) + " hundred"
    return n2w(c) + " " + pair_word("%02d" % r)


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


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


# --------------------------------------------------------------------------- pools
FIRST_F = ("Dorothy Margaret Betty Shirley Gloria Doris Evelyn Irene Marjorie Bernice Loretta "
           "Ruth Mildred Hazel Lucille Rosa Haruko Mei Priya Imelda Agnes Geraldine Norma "
           "Wanda Yolanda Consuelo Beverly Phyllis").split()
FIRST_M = ("Harold Walter Eugene Raymond Frank Leonard Gerald Lloyd Clarence Vernon Alvin "
           "Howard Earl Ernest Chester Aurelio Tomasz Amadou Hiroshi Rudolph Delbert Floyd "
           "Orville Marvin Lyle Dwayne Reginald Cornelius").split()
LAST = ("Pruitt Kowalski Brennan Delgado Whitfield Abernathy Nakamura Okafor Lindqvist "
        "Castellanos McAllister Szymanski Thibodeaux Greer Hollis Barnaby Vanderhoef Quintero "
        "Ostrowski Haugen Merriweather Dombrowski Fairbanks Gallardo Huckabee Petrakis "
        "Rasmussen Yoshida Zielinski Blankenship Carmichael Ferrante Tidwell Wojcik").split()
REPS = "Dolores Kevin Tanya Marcus Jasmine Luis Brenda Tyrone Megan Ramon Courtney Darnell".split()
DOCS = [("Anand", "Mehta"), ("Rebecca", "Lowry"), ("Grace", "Hsu"), ("Samuel", "Okonkwo"),
        ("Linda", "Ferreira"), ("Paul", "Ostergaard"), ("Nadia", "Haddad"), ("Victor", "Amesbury"),
        ("Julia", "Trinh"), ("Robert", "Castellano")]
STREETS = ("Juniper Whitcomb Saginaw Tuolumne Kenilworth Escondido Chickasaw Lindenhurst "
           "Okeechobee Pequot Marigold Winnetka Tamarack Huisache Manzanita Sequoyah "
           "Coronado Wyandotte Cottonwood Palomino").split()
SUFFIX = [("Lane", "Ln."), ("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."),
          ("Court", "Ct."), ("Road", "Rd."), ("Circle", "Cir."), ("Way", "Way"),
          ("Terrace", "Ter."), ("Place", "Pl."), ("Boulevard", "Blvd.")]
# city, state, state abbr, zip prefix, area code
CITIES = [("Sun City West", "Arizona", "AZ", "853", "623"), ("Walnut Creek", "California", "CA", "945", "925"),
          ("Green Valley", "Arizona", "AZ", "856", "520"), ("Port Charlotte", "Florida", "FL", "339", "941"),
          ("Ocala", "Florida", "FL", "344", "352"), ("Prescott", "Arizona", "AZ", "863", "928"),
          ("Hemet", "California", "CA", "925", "951"), ("Sarasota", "Florida", "FL", "342", "941"),
          ("Duluth", "Minnesota", "MN", "558", "218"), ("Eau Claire", "Wisconsin", "WI", "547", "715"),
          ("Bend", "Oregon", "OR", "977", "541"), ("Lakeland", "Florida", "FL", "338", "863"),
          ("Rapid City", "South Dakota", "SD", "577", "605"), ("Asheville", "North Carolina", "NC", "288", "828"),
          ("Fort Myers", "Florida", "FL", "339", "239"), ("Mesa", "Arizona", "AZ", "852", "480"),
          ("St. George", "Utah", "UT", "847", "435"), ("Hot Springs", "Arkansas", "AR", "719", "501"),
          ("Youngstown", "Ohio", "OH", "445", "330"), ("Scranton", "Pennsylvania", "PA", "185", "570")]
DOMAINS = ("aol.com comcast.net att.net yahoo.com gmail.com sbcglobal.net bellsouth.net "
           "verizon.net hotmail.com earthlink.net charter.net").split()
RELS = [("wife", FIRST_F), ("husband", FIRST_M), ("daughter", FIRST_F), ("son", FIRST_M)]
NATO = {"a": "alpha", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "j": "juliet", "k": "kilo", "m": "mike", "n": "november", "p": "papa",
        "q": "quebec", "r": "romeo", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey",
        "x": "x-ray", "y": "yankee", "b": "bravo", "i": "india", "l": "lima", "o": "oscar",
        "s": "sierra", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "Charlie", "d": "David", "e": "Edward", "f": "Frank",
        "g": "George", "h": "Henry", "i": "ice", "j": "John", "k": "king", "l": "Larry",
        "m": "Mary", "n": "Nancy", "o": "orange", "p": "Paul", "q": "queen", "r": "Robert",
        "s": "Sam", "t": "Tom", "u": "umbrella", "v": "Victor", "w": "William", "x": "x-ray",
        "y": "yellow", "z": "zebra"}
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"

COMPANIES = {
    "hearing": ["ClearSound Hearing Centers", "Harbor Hearing Aid Service", "Evergreen Audiology Supply"],
    "cpap": ["RestWell Sleep Supply", "Brightline Home Medical", "Northstar Respiratory"],
    "wheelchair": ["Summit Mobility", "Brightline Home Medical", "Keystone Mobility Repair"],
    "diabetic": ["Medline Direct Diabetic Supply", "Brightline Home Medical", "CareFirst Diabetic Supply"],
    "vision": ["Lakeside Vision Center", "ClearView Optical Lab", "Horizon Eyewear"],
}
PLANS = ["Humana Gold Plus", "AARP Medicare Advantage", "Aetna Medicare", "Wellcare", "Blue Medicare Advantage"]

# Quoted verbatim from MTS-Dialog (training set), CC BY 4.0. {…|what} marks a labelled negative.
MTS_ASIDES = {  # (question written for this corpus, patient line quoted from MTS-Dialog)
    "diabetic": [("How long have you been on insulin?", "Well, um, I've been taking insulin for about {twenty years|duration} now."),
                 ("How often are you checking?", "I've been checking my blood sugar {one to two times a day|count}."),
                 ("How have your numbers been?", "A lot better actually. My blood sugar isn't as high as it used to be."),
                 ("How have your numbers been?", "I'm doing good. Thank you. Sugar has consistently been {one hundred and thirty five|lab_value} or under it.")],
    "cpap": [("Are you able to keep the mask on all night?", "I can fall asleep with it, but I usually rip my mask off because I toss and turn."),
             ("Any other conditions I should note on the order?", "Okay. I have high blood pressure, asthma and sleep apnea.")],
    "hearing": [("Do you hear any buzzing or whistling when it cuts out?", "Nope. I don't hear anything like that."),
                ("Any allergy trouble lately? That can affect the fit.", "I get itchy watery eyes, a runny nose, I can't stop sneezing, and I have a lot of pressure in my ears.")],
    "vision": [("Did the change come on suddenly or gradually?", "Gradual. And now I am starting to have blurry vision."),
               ("Any other trouble with your eyes I should pass along?", "Yeah, I am also having some trouble with my eyes, I am able see fine, but it feels kind of funny."),
               ("What made you go in for a new exam?", "Suddenly, I started having double vision.")],
    "wheelchair": [("How much are you using the chair these days?", "I am just so frustrated sitting in my wheelchair. I am spending around {sixteen hours|duration} a day in this wheelchair."),
                   ("Are you able to get around without it?", "I am still having weakness in my left leg. That is why I still have to us my walker, but I have been able to get around easier."),
                   ("Do you have something to use in the meantime?", "To be on the safe side, I started using a walker from then on.")],
}

# --------------------------------------------------------------------------- span markers
S0, S1, S2 = "\ue000", "\ue001", "\ue002"


class Rec:
    def __init__(self):
        self.meta = []

    def E(self, ent, text, spoken, cue, form, value):
        k = len(self.meta)
        self.meta.append({"t": "S", "entity": ent, "spoken": spoken, "cue": cue, "form": form,
                          "value": value})
        return "%s%d%s%s%s" % (S0, k, S1, text, S2)

    def N(self, what, text):
        k = len(self.meta)
        self.meta.append({"t": "N", "what": what})
        return "%s%d%s%s%s" % (S0, k, S1, text, S2)

    def negs_in(self, s):
        """expand {text|what} negative notation."""
        return re.sub(r"\{([^{}|]+)\|([a-z_]+)\}", lambda m: self.N(m.group(2), m.group(1)), s)

    def finalize(self, s):
        out = []
        spans, negs = [], []
        blen = 0
        cur = None
        i = 0
        while i < len(s):
            c = s[i]
            if c == S0:
                assert cur is None, "nested marker"
                e = s.index(S1, i)
                cur = (int(s[i + 1:e]), blen)
                i = e + 1
                continue
            if c == S2:
                k, st = cur
                m = self.meta[k]
                if m["t"] == "S":
                    spans.append({"start": st, "end": blen, "entity": m["entity"],
                                  "spoken": m["spoken"], "cue": m["cue"], "form": m["form"],
                                  "value": m["value"]})
                else:
                    negs.append({"start": st, "end": blen, "what": m["what"]})
                cur = None
                i += 1
                continue
            out.append(c)
            blen += len(c.encode("utf-8"))
            i += 1
        assert cur is None
        return "".join(out), spans, negs


def strip_markers(s):
    return re.sub(S0 + r"\d+" + S1, "", s).replace(S2, "")


def raw_style(s):
    """lower-case ASR output without punctuation (markers survive)."""
    s = s.lower().replace("-", " ")
    s = re.sub(r"[.,?!;:]", "", s)
    s = re.sub(r" {2,}", " ", s)
    return s.strip()


# --------------------------------------------------------------------------- renderers
# mode: "voice" (ASR words), "smart" (ASR smart-formatted), "llm" (agent text as written)

def seps(rng, raw_ok=True):
    return rng.choice([", ", ", ", " ", "... ", " uh ", ", um, ", " - "])


def say_groups(rng, groups, style=None, zero=None, sep=None):
    style = style or rng.choice(["each", "each", "pairs", "double"])
    zero = zero or rng.choice(["oh", "oh", "zero"])
    hy = rng.random() < 0.3
    ws = [group_words(g, style, zero, hy) for g in groups]
    if sep is None:
        out = ws[0]
        for w in ws[1:]:
            out += seps(rng) + w
        sepname = "mixsep"
    else:
        out = sep.join(ws)
        sepname = {", ": "comma", " ": "space", "... ": "pause"}.get(sep, "sep")
    if digits_of(re.sub(r"[,.]| - ", " ", out)) != "".join(groups):
        # "five twenty, five fifty five" loses its comma in raw ASR: say it digit by digit
        return say_groups(rng, groups, "each", zero, sep)
    return out, "%s_%s_%s" % (style, zero, sepname)


def r_phone(rng, d, mode):
    """returns (prefix_outside_span, span_text, spoken, form)."""
    a, b, c = d[:3], d[3:6], d[6:]
    if mode == "voice":
        k = rng.random()
        if k < 0.3:
            t, f = say_groups(rng, [a], rng.choice(["each", "each", "pairs"]))
            t2, f2 = say_groups(rng, [b, c])
            if digits_of(t + " " + t2) != d:
                t = group_words(a, "each")
            return "area code ", t + rng.choice([", then ", " and then ", ", "]) + t2, True, "area_code_then_" + f2
        if k < 0.4:
            return "", "%s %s %s" % (group_words(a, "each"), b, c), True, "mixed_words_digits"
        if k < 0.5:
            return "", "%s %s %s" % (a, group_words(b, "each"), group_words(c, "each", "oh")), True, "mixed_digits_words"
        t, f = say_groups(rng, [a, b, c])
        return "", t, True, f
    if mode == "smart":
        fmt, nm = rng.choice([("(%s) %s-%s", "paren_dash"), ("%s-%s-%s", "dash"), ("%s %s %s", "space")])
        return "", fmt % (a, b, c), False, "written_" + nm
    k = rng.random()
    if k < 0.35:
        return "", "(%s) %s-%s" % (a, b, c), False, "written_paren_dash"
    if k < 0.6:
        return "", "%s-%s-%s" % (a, b, c), False, "written_dash"
    if k < 0.8:
        return "", "-".join(a) + ", " + "-".join(b) + ", " + "-".join(c), False, "digits_hyphen_each"
    t, f = say_groups(rng, [a, b, c], "each", rng.choice(["zero", "oh"]), ", ")
    return "", t, True, "llm_" + f


def r_ssn(rng, s, mode, last4=False):
    g = [s[:3], s[3:5], s[5:]]
    if last4:
        if mode == "voice":
            t, f = say_groups(rng, [s[5:]], rng.choice(["each", "pairs", "double"]), sep=", ")
            return t, True, "last4_" + f
        return s[5:], False, "last4_digits"
    if mode == "voice":
        k = rng.random()
        if k < 0.2:
            t = " ".join(dword(x, rng.choice(["oh", "zero"])) for x in s)
            return t, True, "each_run"
        if k < 0.3:
            return "%s %s %s" % (group_words(g[0], "each"), g[1], g[2]), True, "mixed_words_digits"
        t, f = say_groups(rng, g)
        return t, True, f
    return "%s-%s-%s" % tuple(g), False, "written_dash"


def r_card(rng, c, mode):
    groups = [c[:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]
    if mode == "voice":
        k = rng.random()
        if k < 0.15:
            return " ".join(groups), False, "digits_groups"
        if k < 0.3:
            return ", ".join([group_words(groups[0], "each")] + groups[1:]), True, "mixed_first_group_words"
        t, f = say_groups(rng, groups, rng.choice(["each", "each", "pairs"]))
        return t, True, ("amex_" if len(c) == 15 else "groups4_") + f
    return " ".join(groups), False, "digits_groups"


def r_zip(rng, z, mode):
    if mode == "voice":
        k = rng.random()
        if k < 0.45:
            return group_words(z, "each", rng.choice(["oh", "zero"])), True, "each"
        if k < 0.65:
            return group_words(z[:3], "each") + " " + pair_word(z[3:]), True, "three_then_pair"
        if k < 0.8 and z[1] != "0":
            return pair_word(z[:2]) + ", " + group_words(z[2:], "each"), True, "pair_then_each"
        if k < 0.9:
            return group_words(z, "double"), True, "double"
        return z[:2] + " " + group_words(z[2:], "each"), True, "mixed_digits_words"
    return z, False, "written"


def r_mrn(rng, m, mode):
    if mode == "voice":
        if m[0].isalpha():
            L = m[0].lower()
            lead = rng.choice(["%s" % m[0], "%s as in %s" % (m[0], ASIN[L]), NATO[L]])
            t, f = say_groups(rng, [m[1:4], m[4:]] if len(m) > 7 else [m[1:]], rng.choice(["each", "pairs"]))
            return lead + ", " + t, True, "alnum_letter_" + f
        k = rng.random()
        if k < 0.15:
            return " ".join(m[i:i + 3] for i in range(0, len(m), 3)), False, "digits_groups3"
        t, f = say_groups(rng, [m[:4], m[4:]] if rng.random() < 0.5 else [m[:3], m[3:6], m[6:]])
        return t, True, f
    return m, False, "written"


def r_npi(rng, n, mode):
    if mode == "voice":
        t, f = say_groups(rng, [n[:3], n[3:6], n[6:]] if rng.random() < 0.6 else [n[:5], n[5:]])
        return t, True, f
    return n, False, "written"


def spell_alnum(rng, v, style):
    out = []
    for ch in v:
        if ch.isdigit():
            out.append(dword(ch, "zero" if style == "nato" else "oh"))
        elif style == "nato":
            out.append(NATO[ch.lower()])
        elif style == "asin" and rng.random() < 0.6:
            out.append("%s as in %s" % (ch, ASIN[ch.lower()]))
        else:
            out.append(ch)
    return out


def r_mbi(rng, v, mode):
    if mode == "voice":
        style = rng.choice(["plain", "asin", "asin", "nato"])
        parts = spell_alnum(rng, v, style)
        if rng.random() < 0.5:
            t = ", ".join([" ".join(parts[:4]), " ".join(parts[4:7]), " ".join(parts[7:])])
            return t, True, "spelled_%s_grouped" % style
        return ", ".join(parts) if style == "asin" else " ".join(parts), True, "spelled_%s" % style
    if rng.random() < 0.5:
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:]), False, "written_dash"
    return v, False, "written"


def r_member(rng, v, mode):
    if mode == "voice":
        letters = "".join(ch for ch in v if ch.isalpha())
        digits = v[len(letters):]
        style = rng.choice(["plain", "asin", "nato"])
        lead = " ".join(spell_alnum(rng, letters, style))
        t, f = say_groups(rng, [digits[:3], digits[3:6], digits[6:]], rng.choice(["each", "each", "pairs"]))
        return lead + ", " + t, True, "alnum_%s_%s" % (style, f)
    return v, False, "written"


def r_date(rng, d, mode, with_year=True, dob=True):
    """spoken or written date; returns (text, spoken, form)."""
    M = MONTHS[d.month - 1]
    yfull = year_words(d.year)
    yshort = year_words(d.year, short=True)
    if mode == "voice":
        hy = rng.random() < 0.3
        if not with_year:
            k = rng.random()
            if k < 0.5:
                return "the %s of %s" % (ordw(d.day, hy), M), True, "the_d_of_m_noyear"
            return "%s %s" % (M, ordw(d.day, hy)), True, "m_d_noyear"
        k = rng.random()
        y, yf = (yfull, "full") if rng.random() < 0.7 else (yshort, "short")
        if k < 0.25:
            return "the %s of %s, %s" % (ordw(d.day, hy), M, y), True, "the_d_of_m_" + yf
        if k < 0.45:
            return "%s %s, %s" % (M, ordw(d.day, hy), y), True, "m_ordinal_" + yf
        if k < 0.55:
            return "%s %s %s" % (M, n2w(d.day, hy), y), True, "m_cardinal_" + yf
        if k < 0.7:
            return "%s %s %s" % (n2w(d.month), n2w(d.day), yshort), True, "num_mdy_nolead_short"
        if k < 0.8:
            return "%s %s %s" % (pair_word("%02d" % d.month), pair_word("%02d" % d.day), yfull), True, "num_mdy_lead_full"
        if k < 0.9:
            return "%s, %s the %s" % (yfull, M, ordw(d.day, hy)), True, "year_first_m_the_d"
        return "%s of %s, %s" % (ordw(d.day, hy), M, y), True, "d_of_m_" + yf
    if mode == "smart":
        if not with_year:
            return "%s %d" % (M, d.day), False, "written_m_d_noyear"
        return rng.choice([("%s %d, %d" % (M, d.day, d.year), False, "written_mdy_long"),
                           ("%02d/%02d/%d" % (d.month, d.day, d.year), False, "written_mdy_short")])
    if not with_year:
        return "%s %d" % (M, d.day), False, "written_m_d_noyear"
    k = rng.random()
    if k < 0.5:
        return "%s %d, %d" % (M, d.day, d.year), False, "written_mdy_long"
    if k < 0.85:
        return "%02d/%02d/%d" % (d.month, d.day, d.year), False, "written_mdy_short"
    return "%d/%d/%d" % (d.month, d.day, d.year), False, "written_mdy_nolead"


def r_street(rng, p, mode, spell_inside=False):
    num, name, suf = p["house"], p["street"], p["suffix"]
    unit = p["unit"]
    if mode == "voice":
        k = rng.random()
        if len(num) == 4 and k < 0.6:
            hn = group_words(num, "pairs", hy=False)
            hf = "house_pairs"
        elif len(num) == 3 and k < 0.5:
            hn = group_words(num, "pairs")
            hf = "house_pairs"
        elif k < 0.85:
            hn = group_words(num, "each")
            hf = "house_each"
        else:
            hn = n2w(int(num))
            hf = "house_cardinal"
        mid = name
        if spell_inside:
            mid = "%s, %s," % (name, " ".join(name.upper()))
            hf += "_spelled"
        t = "%s %s %s" % (hn, mid, suf[0])
        if unit:
            kind, u = unit
            t += ", %s %s" % (kind, " ".join(n2w(int(x)) if x.isdigit() else x for x in re.findall(r"\d+|[A-Z]", u)))
            hf += "_unit"
        return t, True, hf
    t = "%s %s %s" % (num, name, suf[0] if mode == "smart" else suf[1])
    if unit:
        t += ", %s %s" % ({"apartment": "Apt", "unit": "Unit", "space": "Space", "lot": "Lot"}[unit[0]], unit[1])
    return t, False, "written" + ("_unit" if unit else "")


def r_email(rng, p, mode):
    v = p["email"]
    if mode != "voice":
        return v, False, "written"
    local, dom = v.split("@")
    dparts = dom.split(".")
    dom_w = " dot ".join(dparts)
    if rng.random() < 0.2:
        dom_w = {"aol.com": "a o l dot com", "att.net": "a t t dot net",
                 "sbcglobal.net": "s b c global dot net"}.get(dom, dom_w)
    pieces = re.findall(r"[a-z]+|\d+|[._]", local)
    words = []
    spelled = False
    for pc in pieces:
        if pc == ".":
            words.append("dot")
        elif pc == "_":
            words.append("underscore")
        elif pc.isdigit():
            words.append(pair_word(pc) if len(pc) == 2 and rng.random() < 0.6 else group_words(pc, "each"))
        else:
            if len(pc) > 3 and not spelled and rng.random() < 0.35:
                words.append("%s, that's %s," % (pc, " ".join(pc)))
                spelled = True
            elif len(pc) <= 2:
                words.append(" ".join(pc))
            else:
                words.append(pc)
    tail = rng.choice(["", "", " all one word"]) if len(pieces) > 1 and "." not in pieces else ""
    form = "email_words" + ("_spelled" if spelled else "") + ("_allone" if tail else "")
    return " ".join(words) + tail + " at " + dom_w, True, form


# --------------------------------------------------------------------------- persona
def rand_date(rng, y0, y1):
    while True:
        try:
            return datetime.date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28 if rng.random() < 0.5 else 31))
        except ValueError:
            continue


def make_ssn(rng):
    while True:
        a = rng.randint(1, 772)
        if a in (666,):
            continue
        g = rng.randint(1, 99)
        s = rng.randint(1, 9999)
        v = "%03d%02d%04d" % (a, g, s)
        if v not in ("078051120", "123456789"):
            return v


def make_card(rng):
    k = rng.random()
    if k < 0.45:
        pre = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif k < 0.7:
        pre = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    elif k < 0.85:
        pre = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    else:
        pre = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    return luhn_complete(pre)


def make_npi(rng):
    while True:
        base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + base + c):
                return base + c


def make_mbi(rng):
    D = "0123456789"
    AN = MBI_ALPHA + D
    return (rng.choice("123456789") + rng.choice(MBI_ALPHA) + rng.choice(AN) + rng.choice(D)
            + rng.choice(MBI_ALPHA) + rng.choice(AN) + rng.choice(D) + rng.choice(MBI_ALPHA)
            + rng.choice(MBI_ALPHA) + rng.choice(D) + rng.choice(D))


def make_persona(rng):
    sex = rng.choice("FM")
    first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
    last = rng.choice(LAST)
    city = rng.choice(CITIES)
    dob = rand_date(rng, 1936, 1959)
    house = str(rng.choice([rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999), rng.randint(10, 99)]))
    unit = None
    if rng.random() < 0.3:
        unit = rng.choice([("apartment", "%d%s" % (rng.randint(1, 30), rng.choice("ABCD"))),
                           ("unit", str(rng.randint(1, 240))), ("space", str(rng.randint(1, 160))),
                           ("lot", str(rng.randint(1, 99)))])
    yy = "%02d" % (dob.year % 100)
    fl, ll = first.lower(), last.lower()
    email = rng.choice([fl + "." + ll + yy, fl[0] + ll, ll + fl[0] + yy, fl + ll[0] + rng.choice(["", "1", "7"]),
                        "grandma" + fl if sex == "F" else "grandpa" + fl, fl + "_" + ll, ll + "." + fl]) + "@" + rng.choice(DOMAINS)
    memlet = "".join(rng.choice("ACDEFHJKMNPRTUWXY") for _ in range(rng.choice([1, 3])))
    mrn = rng.choice(["", "", "A", "M", "K"])
    mrn += "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8, 9]) if not mrn else 7))
    if mrn[0] == "0":
        mrn = "4" + mrn[1:]
    rel = rng.choice(RELS)
    doc = rng.choice(DOCS)
    return {
        "sex": sex, "first": first, "last": last, "dob": dob,
        "city": city[0], "state": city[1], "st": city[2],
        "zip": city[3] + "%02d" % rng.randint(1, 99),
        "phone": city[4] + "5550" + "1%02d" % rng.randint(0, 99),
        "house": house, "street": rng.choice(STREETS), "suffix": rng.choice(SUFFIX), "unit": unit,
        "email": email, "ssn": make_ssn(rng), "card": make_card(rng), "mbi": make_mbi(rng),
        "npi": make_npi(rng), "member": memlet + "".join(rng.choice("0123456789") for _ in range(9)),
        "mrn": mrn, "rel": (rel[0], rng.choice(rel[1])), "doc": doc,
        "title": "Mrs." if sex == "F" and rng.random() < 0.6 else ("Ms." if sex == "F" else "Mr."),
    }


# --------------------------------------------------------------------------- call builder
class Call:
    def __init__(self, rng, rec, ct, agent, style):
        self.rng, self.r, self.ct, self.agent, self.style = rng, rec, ct, agent, style
        self.turns = []          # (role, text)
        self.facts = collections.OrderedDict()

    # caller / agent modes
    def cmode(self):
        return "smart" if self.style == "smart" else "voice"

    def amode(self):
        if self.agent == "ai":
            return "llm"
        return self.cmode()

    def A(self, t):
        if self.agent == "rep" and self.style == "raw":
            t = raw_style(t)
        self._add("A", t)

    def C(self, t):
        if self.style == "raw":
            t = raw_style(t)
        self._add("C", t)

    def _add(self, role, t):
        if self.turns and self.turns[-1][0] == role:
            self.turns[-1] = (role, self.turns[-1][1] + " " + t)
        else:
            self.turns.append((role, t))

    def X(self, t):
        self.turns.append(("X", t))  # IVR prompt (recorded, written as text)

    def neg_num(self, what, words, digits):
        """a negative said in words (voice) or written digits (smart / llm)."""
        return self.r.N(what, digits if self.style == "smart" else words)

    def aneg(self, what, words, digits):
        return self.r.N(what, digits if self.amode() != "voice" else words)


def addr_value(p):
    v = "%s %s %s" % (p["house"], p["street"], p["suffix"][0])
    if p["unit"]:
        v += ", %s %s" % p["unit"]
    return v


def dob_value(d):
    return d.isoformat()


def build(rng, idx, fmt, profile):
    r = Rec()
    p = make_persona(rng)
    ct = rng.choice(["hearing", "cpap", "wheelchair", "diabetic", "vision"])
    agent = "ai" if fmt == "json" or rng.random() < 0.45 else "rep"
    style = rng.choice(["raw", "punct", "punct", "smart"]) if agent == "rep" or fmt == "transcript" else rng.choice(["punct", "punct", "smart", "raw"])
    c = Call(rng, r, ct, agent, style)
    co = rng.choice(COMPANIES[ct])
    E = r.E
    full = "%s %s" % (p["first"], p["last"])
    cm, am = c.cmode(), c.amode()
    summary_bits = []
    sd = collections.OrderedDict()

    # ---- greeting
    if agent == "ai":
        em = "911" if rng.random() < 0.6 else "nine one one"
        c.A("Thank you for calling %s. I'm an automated assistant, and this call %s be recorded. "
            "If this is a medical emergency, please hang up and dial %s. How can I help you today?"
            % (co, r.N("common_word", "may"), r.N("emergency_number", em)))
    else:
        if rng.random() < 0.35:
            c.X("Thank you for calling %s. For new orders, %s. For repairs and warranty service, %s. "
                "For billing, %s." % (co, r.N("menu_option", "press one"), r.N("menu_option", "press two"),
                                       r.N("menu_option", "press three")))
        rep = rng.choice(REPS)
        c.A("%s, this is %s, how can I help you?" % (co, E("NAME", rep, True, "same", "first_only", rep)))

    # ---- opening / intent
    intents = {
        "hearing": lambda: "I'm calling about my hearing aids. The right one, it's a %s, it keeps cutting out on me, and I want to know if it's still under the warranty. I got them in %s." % (
            r.N("model_number", rng.choice(["Phonak Audeo P ninety", "Oticon More one", "Signia Pure seven X", "ReSound Omnia nine"])),
            c.neg_num("year", rng.choice(["twenty twenty two", "twenty twenty three"]), "2022")),
        "cpap": lambda: "I need to reorder supplies for my CPAP machine, the %s. I need the cushions and the filters, and the mask is the %s, size medium." % (
            r.N("model_number", rng.choice(["ResMed AirSense ten", "ResMed AirSense eleven", "DreamStation two"])),
            r.N("model_number", rng.choice(["AirFit F twenty", "AirFit N thirty", "DreamWear nasal"]))),
        "wheelchair": lambda: "My power chair, the %s, the joystick quit on me, and it's only %s old, so I'm hoping the warranty covers it." % (
            r.N("model_number", rng.choice(["Jazzy six hundred", "Jazzy Elite ES", "Invacare TDX SP two", "Pride Go Chair"])),
            c.neg_num("duration", rng.choice(["two years", "eighteen months", "three years"]), "2 years")),
        "diabetic": lambda: "I'm calling to reorder my diabetic supplies. I use the %s meter and I test %s, so I need %s a month." % (
            r.N("model_number", rng.choice(["OneTouch Verio", "Contour Next", "Accu-Chek Guide"])),
            r.N("count", rng.choice(["three times a day", "four times a day", "twice a day"])),
            c.neg_num("count", rng.choice(["a hundred strips", "a hundred and fifty strips", "two hundred strips"]), "100 strips")),
        "vision": lambda: "I'm calling about my glasses order. I had my eye exam last week and the new prescription is %s in the right eye and %s in the left, and I wanted to know when they'll be ready." % (
            c.neg_num("rx_strength", rng.choice(["minus two point five", "minus two and a half", "plus one point seven five"]), "-2.50"),
            c.neg_num("rx_strength", rng.choice(["minus three", "minus two point seven five", "plus two"]), "-3.00")),
    }
    opener = rng.random()
    name_given = False
    dob_given = False
    if opener < 0.25:
        # caller opens with bare name and birth date: cue none
        dt, dsp, dfm = r_date(rng, p["dob"], cm)
        c.C("Yeah, hi. %s. %s. %s" % (E("NAME", full, True, "none", "name_full", full),
                                       E("DOB", dt, dsp, "none", dfm, dob_value(p["dob"])), intents[ct]()))
        name_given = dob_given = True
    elif opener < 0.55:
        c.C("Hi, yes, my name is %s, and %s" % (E("NAME", full, True, "same", "name_full", full), intents[ct]()))
        name_given = True
    else:
        c.C(("Hello? Yes. " if rng.random() < 0.4 else "Hi. ") + intents[ct]())

    # aside from MTS-Dialog
    if rng.random() < 0.4:
        q, line = rng.choice(MTS_ASIDES[ct])
        c.A(rng.choice(["Okay. ", "I understand. ", "Of course. "]) + q)
        c.C(r.negs_in(line))
        c.A("I appreciate you telling me. Let's get this taken care of for you.")

    # ---- verification
    if not name_given:
        c.A(rng.choice(["I can help with that. Can I get your first and last name?",
                        "Sure. Who am I speaking with?",
                        "Okay. What's the patient's full name?"]))
        nm = full if rng.random() < 0.85 else "%s %s" % (p["last"], p["first"])
        c.C("%s." % E("NAME", nm, True, "prev", "name_full" if nm == full else "name_last_first", nm))
        name_given = True
    if rng.random() < 0.45:
        c.A("And could you spell the last name for me?")
        style_sp = rng.choice(["plain", "asin", "nato"])
        t = ", ".join(spell_alnum(rng, p["last"].lower(), style_sp)).upper() if style_sp == "plain" else ", ".join(spell_alnum(rng, p["last"].lower(), style_sp))
        if style_sp == "asin":
            t = re.sub(r"\b([a-z]) as in", lambda m: m.group(1).upper() + " as in", t)
            t = re.sub(r"(^|, )([a-z])(?=,|$)", lambda m: m.group(1) + m.group(2).upper(), t)
        c.C("Sure, it's %s." % E("NAME", t, True, "prev", "spelled_%s" % style_sp, p["last"]))
    if not dob_given:
        c.A(rng.choice(["Thank you. And what's your date of birth?", "Can you verify your date of birth?",
                        "Thanks. I'll need the birth date too."]))
        dt, dsp, dfm = r_date(rng, p["dob"], cm)
        k = rng.random()
        if k < 0.6:
            c.C("%s." % E("DOB", dt, dsp, "prev", dfm, dob_value(p["dob"])))
        elif k < 0.8:
            c.C("Oh, let's see, I was born %s%s." % ("" if dfm.startswith(("the", "num", "year")) else "on ",
                                                      E("DOB", dt, dsp, "same", dfm, dob_value(p["dob"]))))
        else:
            c.C("My birthday is %s. I'll be %s this year, can you believe it." % (
                E("DOB", dt, dsp, "same", dfm, dob_value(p["dob"])),
                c.neg_num("age", n2w(2025 - p["dob"].year), str(2025 - p["dob"].year))))
    if rng.random() < 0.6:
        dt, dsp, dfm = r_date(rng, p["dob"], am)
        tt = "Mr." if p["sex"] == "M" else p["title"]
        c.A("Thank you, %s %s. I have your date of birth as %s." % (
            tt, E("NAME", p["last"], True if agent == "rep" else False, "prev", "title_last", p["last"]),
            E("DOB", dt, dsp, "prev", dfm, dob_value(p["dob"]))))
    summary_bits.append("dob")

    # identity: MBI / member id / SSN
    idk = rng.random()
    if idk < 0.38:
        c.A(rng.choice(["Do you have your red, white and blue Medicare card handy? I'll need the Medicare number on it.",
                        "To verify coverage, can you read me your Medicare beneficiary identifier from your card?"]))
        t, sp, f = r_mbi(rng, p["mbi"], cm)
        if rng.random() < 0.5:
            c.C("Hold on, let me get my glasses. Okay, here it is. It's %s." % E("MBI", t, sp, "prev", f, p["mbi"]))
        else:
            c.C("My Medicare number is %s." % E("MBI", t, sp, "same", f, p["mbi"]))
        if agent == "ai" or rng.random() < 0.4:
            t, sp, f = r_mbi(rng, p["mbi"], am)
            c.A("Thank you. I have %s. Is that correct?" % E("MBI", t, sp, "prev", f, p["mbi"]))
            c.C("That's right.")
        sd["mbi"] = p["mbi"]
    elif idk < 0.6:
        plan = rng.choice(PLANS)
        c.A("I see your plan is %s. What's the member ID on that card?" % plan)
        t, sp, f = r_member(rng, p["member"], cm)
        if rng.random() < 0.5:
            c.C("%s." % E("MEMBER_ID", t, sp, "prev", f, p["member"]))
        else:
            c.C("Let's see, the member ID is %s. And there's a group number too, do you need that?" % E("MEMBER_ID", t, sp, "same", f, p["member"]))
            c.A("No, the member ID is enough.")
        sd["member_id"] = p["member"]
    if rng.random() < 0.5:
        if idk < 0.38 or rng.random() < 0.5:
            c.A("For security, can you give me the last four of your social?")
            t, sp, f = r_ssn(rng, p["ssn"], cm, last4=True)
            c.C(rng.choice(["%s.", "Sure, %s.", "It's %s."]) % E("SSN", t, sp, "prev", f, p["ssn"][5:]))
            if agent == "ai" and rng.random() < 0.5:
                c.A("Thanks, that matches the last four, %s, on file." % E("SSN", p["ssn"][5:], False, "prev", "last4_digits", p["ssn"][5:]))
        else:
            c.C("I don't have that card in front of me. Can you look me up with my social security number?")
            c.A("Yes, I can use that. Go ahead whenever you're ready.")
            t, sp, f = r_ssn(rng, p["ssn"], cm)
            if rng.random() < 0.5:
                c.C("Okay. %s." % E("SSN", t, sp, "prev", f, p["ssn"]))
            else:
                c.C("My social is %s." % E("SSN", t, sp, "same", f, p["ssn"]))

    # ---- discharge / death date
    if rng.random() < 0.14:
        dd = rand_date(rng, 2024, 2025)
        dt, dsp, dfm = r_date(rng, dd, cm, with_year=rng.random() < 0.5, dob=False)
        if rng.random() < 0.5:
            rel, rn = p["rel"]
            c.C("I should tell you, my %s %s passed away on %s, and I have some of the supplies left over, can those go back?" % (
                rel, E("NAME", rn, True, "same", "first_only", rn), E("DATE", dt, dsp, "same", dfm, dd.isoformat())))
            c.A("I'm so sorry for your loss. Yes, we can arrange a pickup for unopened items.")
        else:
            c.C("I just got out of the hospital, they discharged me %s, and the nurse said I'd need this set up." % (
                "on " + E("DATE", dt, dsp, "same", dfm, dd.isoformat())))
            c.A("Okay, I'll note the discharge date on the order.")
        sd["event_date"] = dd.isoformat()

    # ---- device details (negatives)
    if ct == "hearing":
        c.A("Can you read me the serial number? It's printed on the inside of the hearing aid.")
        sn = "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8, 10])))
        c.C("Oh boy, the print is tiny. It's %s." % c.neg_num("serial_number", group_words(sn, "each"), sn))
        c.A("Thank you. Those are still under the %s manufacturer warranty. Do you need batteries while I have you? Yours take %s." % (
            c.aneg("duration", "three year", "3-year"), c.aneg("battery_size", rng.choice(["size three twelve", "size thirteen", "size ten"]), "size 312")))
        c.C("Yes, send me %s, and I %s that's all." % (c.neg_num("count", "two packs", "2 packs"), r.N("common_word", "hope")))
    elif ct == "cpap":
        c.A("When did you last get new cushions and filters?")
        c.C("Oh, it's been about %s. And the machine's set at %s, if that matters." % (
            c.neg_num("duration", rng.choice(["three months", "six weeks", "four months"]), "3 months"),
            c.neg_num("device_setting", rng.choice(["eleven centimeters", "nine centimeters", "twelve centimeters"]), "11 cm")))
        c.A("Your plan covers a new cushion every %s and filters %s. We'll %s Medicare directly." % (
            c.aneg("duration", "thirty days", "30 days"), c.aneg("count", "twice a month", "2 per month"), r.N("common_word", "bill")))
        if rng.random() < 0.5:
            sn = "".join(rng.choice("0123456789") for _ in range(11))
            c.A("I also need the serial number on the bottom of the machine.")
            c.C("It's %s." % c.neg_num("serial_number", " ".join(group_words(sn[i:i + 3], "each") for i in range(0, 11, 3)), sn))
    elif ct == "wheelchair":
        c.A("How much do you weigh, roughly? The loaner chair has a limit.")
        c.C("About %s. And the batteries are the %s ones." % (
            c.neg_num("weight", rng.choice(["two hundred ten pounds", "a hundred and eighty pounds", "two hundred and thirty pounds"]), "210 pounds"),
            c.neg_num("device_setting", "twelve volt", "12-volt")))
        c.A("Okay. A technician can come out %s between %s. I'll %s it as a warranty repair." % (
            c.aneg("appointment_date", rng.choice(["next Thursday", "on the fourteenth", "Tuesday the ninth"]), "on Thursday, June 12"),
            c.aneg("time", "nine and noon", "9 and 12"), r.N("common_word", "mark")))
    elif ct == "diabetic":
        c.A("Has your doctor changed anything since your last order? Your last A1c on the prescription says %s." % c.aneg("lab_value", "seven point two", "7.2"))
        c.C("No, same as before. And I need the lancets too, the %s ones." % c.neg_num("device_setting", "thirty three gauge", "33 gauge"))
        c.A("Got it. That's a %s supply. Your share for the lancets is %s." % (
            c.aneg("duration", "ninety day", "90-day"), c.aneg("money", "twelve dollars and forty cents", "$12.40")))
    else:
        c.A("I see the order. The frames have a %s warranty, and the lenses are the progressives with an add of %s." % (
            c.aneg("duration", "one year", "1-year"), c.aneg("rx_strength", "plus two point two five", "+2.25")))
        c.C("And my P D, they said it was %s. Is it going to be more than %s? That's what they quoted me." % (
            c.neg_num("rx_strength", "sixty three", "63"), c.neg_num("money", rng.choice(["two hundred and nine dollars", "a hundred eighty nine dollars"]), "$209")))
        c.A("No, it's the same price. Your plan covers %s of the frames." % c.aneg("money", "a hundred and fifty dollars", "$150"))

    # ---- clinic record number
    if rng.random() < 0.42:
        where = {"hearing": "audiology clinic", "cpap": "sleep center", "wheelchair": "rehab clinic",
                 "diabetic": "doctor's office", "vision": "eye clinic"}[ct]
        c.A("Do you have the patient ID from the %s? It's on the paperwork they gave you, and it helps me match the prescription." % where)
        t, sp, f = r_mrn(rng, p["mrn"], cm)
        if rng.random() < 0.55:
            c.C("Let me look. It says medical record number %s." % E("MRN", t, sp, "same", f, p["mrn"]))
        else:
            c.C("Um, hold on. %s." % E("MRN", t, sp, "prev", f, p["mrn"]))
        if rng.random() < 0.4:
            t, sp, f = r_mrn(rng, p["mrn"], am)
            c.A("Thank you, I found the chart, MRN %s." % E("MRN", t, sp, "prev", f, p["mrn"]))
        sd["mrn"] = p["mrn"]

    # ---- prescriber
    if rng.random() < 0.4:
        dn = p["doc"]
        c.A("Who is the prescribing doctor?")
        dname = dn[1] if rng.random() < 0.5 else "%s %s" % dn
        c.C("That's Dr. %s." % E("NAME", dname, True, "same", "title_name", dname))
        if rng.random() < 0.7:
            c.A("Do you happen to have the doctor's NPI number? It's on the prescription.")
            t, sp, f = r_npi(rng, p["npi"], cm)
            if rng.random() < 0.5:
                c.C("It says N P I %s." % E("NPI", t, sp, "same", f, p["npi"]))
            else:
                c.C("I think this is it. %s." % E("NPI", t, sp, "prev", f, p["npi"]))
            sd["prescriber_npi"] = p["npi"]

    # ---- address
    if rng.random() < 0.6:
        c.A(rng.choice(["Let's confirm where we're shipping this. What's your address?",
                        "What address should this ship to?"]))
        spell_inside = cm == "voice" and rng.random() < 0.3
        st, ssp, sf = r_street(rng, p, cm, spell_inside)
        ct_txt = p["city"]
        zt, zsp, zf = r_zip(rng, p["zip"], cm)
        k = rng.random()
        if k < 0.5:
            c.C("It's %s, %s, %s, %s." % (E("STREET", st, ssp, "prev", sf, addr_value(p)),
                                          E("CITY", ct_txt, True, "prev", "city", p["city"]), p["state"],
                                          E("ZIP", zt, zsp, "prev", zf, p["zip"])))
        else:
            c.C("I live at %s in %s." % (E("STREET", st, ssp, "same", sf, addr_value(p)),
                                         E("CITY", ct_txt, True, "same", "city", p["city"])))
            if rng.random() < 0.5:
                c.A("And the zip code?")
                c.C("%s." % E("ZIP", zt, zsp, "prev", zf, p["zip"]))
            else:
                c.A("Okay.")
                c.C("And the zip code there is %s." % E("ZIP", zt, zsp, "same", zf, p["zip"]))
        if not spell_inside and cm == "voice" and rng.random() < 0.45:
            c.A("How do you spell the street name?")
            c.C("%s, %s." % (E("STREET", " ".join(p["street"].upper()), True, "prev", "spelled_street_name", p["street"]),
                             p["suffix"][0]))
        if rng.random() < 0.6:
            st2, ssp2, sf2 = r_street(rng, p, am)
            zt2, zsp2, zf2 = r_zip(rng, p["zip"], am)
            c.A("Perfect. So that's %s, %s, %s %s." % (E("STREET", st2, ssp2, "prev", sf2, addr_value(p)),
                                                      E("CITY", p["city"], agent == "rep", "prev", "city", p["city"]),
                                                      p["st"] if agent == "ai" else p["state"],
                                                      E("ZIP", zt2, zsp2, "prev", zf2, p["zip"])))
        sd["address"] = "addr"

    # ---- phone
    if rng.random() < 0.62:
        k = rng.random()
        pre, t, sp, f = r_phone(rng, p["phone"], cm)
        if k < 0.45:
            c.A("What's the best phone number to reach you at?")
            c.C("It's %s%s." % (pre, E("PHONE", t, sp, "prev", f, p["phone"])))
        elif k < 0.8:
            c.A("And is there a good phone number for the delivery driver?")
            c.C("Yes, my phone number is %s%s." % (pre, E("PHONE", t, sp, "same", f, p["phone"])))
        else:
            c.A("Okay, let me put the order together.")
            c.C("Oh, and %s%s, in case you need it. That's the house." % (pre, E("PHONE", t, sp, "none", f, p["phone"])))
        if rng.random() < 0.5:
            pre2, t2, sp2, f2 = r_phone(rng, p["phone"], am)
            c.A("Let me read that back. %s%s." % (pre2, E("PHONE", t2, sp2, "prev", f2, p["phone"])))
            c.C("That's it.")
        sd["callback_number"] = p["phone"]

    # ---- email
    if rng.random() < 0.5:
        c.A("Would you like the order confirmation sent by email?")
        t, sp, f = r_email(rng, p, cm)
        if rng.random() < 0.12:
            c.C("Oh, I don't do the email much. My daughter reads it to me.")
            c.A("That's fine, we can mail a paper copy instead.")
            c.C("Well, all right. %s. Put that down." % E("EMAIL", t, sp, "none", f, p["email"]))
        elif rng.random() < 0.5:
            c.C("Yes please. It's %s." % E("EMAIL", t, sp, "prev", f, p["email"]))
        else:
            c.C("Sure, my email is %s. My grandson set it up." % E("EMAIL", t, sp, "same", f, p["email"]))
        if rng.random() < 0.5:
            t, sp, f = r_email(rng, p, am)
            c.A("Great, I have %s." % E("EMAIL", t, sp, "prev", f, p["email"]))
        sd["email"] = p["email"]

    # ---- payment
    if rng.random() < 0.45:
        c.A("There's a copay of %s for this order. How would you like to pay?" % c.aneg("money", rng.choice(["thirty eight dollars and forty cents", "fourteen ninety nine", "twenty two dollars"]), "$38.40"))
        brand = "American Express" if len(p["card"]) == 15 else {"4": "Visa", "5": "Mastercard", "6": "Discover"}[p["card"][0]]
        c.C("I'll put it on my %s." % brand)
        c.A("Go ahead with the card number whenever you're ready.")
        t, sp, f = r_card(rng, p["card"], cm)
        if rng.random() < 0.55:
            c.C("Okay, I'll read it in groups. %s." % E("CARD", t, sp, "prev", f, p["card"]))
        else:
            c.C("The card number is %s." % E("CARD", t, sp, "same", f, p["card"]))
        c.A("Thank you, that went through.")

    # ---- closing with order / tracking / confirmation numbers
    order = "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 9])))
    k = rng.random()
    if ct == "wheelchair" and 0.4 <= k < 0.7:
        k = 0.85  # a repair visit has no parcel to track
    if k < 0.4:
        c.A("Your order number is %s, and it should arrive %s." % (
            c.aneg("order_number", group_words(order, "each"), order),
            c.aneg("appointment_date", rng.choice(["by Friday", "on the twentieth", "within five business days"]), "by Friday, June 20")))
    elif k < 0.7:
        trk = "1Z" + "".join(rng.choice("0123456789ACEFHJKRWXY") for _ in range(6)) + "".join(rng.choice("0123456789") for _ in range(10))
        c.A("It already shipped. The tracking number is %s, and your claim number is %s." % (
            r.N("tracking_number", trk if agent == "ai" or c.style == "smart" else " ".join(trk)),
            c.aneg("claim_number", group_words(order, "each"), order)))
    else:
        c.A("Your confirmation number is %s. If you have questions, our repair desk is at %s." % (
            c.aneg("confirmation_number", " ".join(order[:4]) + " " + group_words(order[4:], "each"), order),
            c.aneg("extension", "extension four two one seven", "extension 4217")))
    c.A(rng.choice(["%s there be anything else today?" % r.N("common_word", "Will"),
                    "Is there anything else I can help you with?"]))
    c.C(rng.choice(["No, that's everything. Thank you, dear.", "No, that's all. You've been very helpful.",
                    "That's it. Thank you so much."]))
    c.A("You're welcome. Have a wonderful day.")

    return r, p, c, co, sd, order


# --------------------------------------------------------------------------- renderings
LABELS_AI = [("AI", "Customer"), ("AI", "Caller"), ("Assistant", "User"), ("Agent", "Member"), ("Bot", "Caller")]
LABELS_REP = [("Rep", "Customer"), ("Rep", "Member"), ("Agent", "Caller"), ("Representative", "Patient"), ("CSR", "Caller")]


def ts(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def render_transcript(rng, r, c):
    la, lc = rng.choice(LABELS_AI if c.agent == "ai" else LABELS_REP)
    stamp = rng.random() < 0.35
    sec = rng.randint(0, 4)
    lines = []
    for role, t in c.turns:
        lab = {"A": la, "C": lc, "X": "IVR"}[role]
        line = "%s: %s" % (lab, t)
        if stamp:
            line = ts(sec) + " " + line
        sec += rng.randint(3, 19)
        lines.append(line)
    return "\n".join(lines)


def summary_text(r, p, c, sd, order, ct):
    """LLM-written post-call summary with written values."""
    E = r.E
    name = E("NAME", "%s %s" % (p["first"], p["last"]), False, "none", "summary_full", "%s %s" % (p["first"], p["last"]))
    what = {"hearing": "a hearing aid that cuts out (warranty check) and battery reorder",
            "cpap": "a CPAP supply reorder (cushions and filters)",
            "wheelchair": "a power wheelchair joystick failure under warranty",
            "diabetic": "a diabetic test strip and lancet reorder",
            "vision": "the status of a progressive eyeglass order"}[ct]
    s = "%s called about %s. DOB %s." % (name, what, E("DOB", "%02d/%02d/%d" % (p["dob"].month, p["dob"].day, p["dob"].year),
                                                        False, "same", "written_mdy_short", dob_value(p["dob"])))
    if "mbi" in sd:
        s += " Identity verified with Medicare number %s." % E("MBI", p["mbi"], False, "same", "written", p["mbi"])
    if "address" in sd:
        s += " Shipping address confirmed: %s, %s, %s %s." % (
            E("STREET", "%s %s %s" % (p["house"], p["street"], p["suffix"][1]), False, "same", "written", addr_value(p)),
            E("CITY", p["city"], False, "same", "city_written", p["city"]), p["st"],
            E("ZIP", p["zip"], False, "same", "written", p["zip"]))
    if "callback_number" in sd:
        a = p["phone"]
        s += " Callback number %s." % E("PHONE", "(%s) %s-%s" % (a[:3], a[3:6], a[6:]), False, "same", "written_paren_dash", a)
    if "email" in sd:
        s += " Confirmation to be emailed to %s." % E("EMAIL", p["email"], False, "same", "written", p["email"])
    s += " Reference %s." % r.N("order_number", order)
    return s


def structured(r, p, sd, order):
    E = r.E
    d = collections.OrderedDict()
    d["caller_name"] = E("NAME", "%s %s" % (p["first"], p["last"]), False, "same", "field_full", "%s %s" % (p["first"], p["last"]))
    d["date_of_birth"] = E("DOB", dob_value(p["dob"]), False, "same", "written_iso", dob_value(p["dob"]))
    if "mbi" in sd:
        d["medicare_number"] = E("MBI", p["mbi"], False, "same", "written", p["mbi"])
    if "member_id" in sd:
        d["member_id"] = E("MEMBER_ID", p["member"], False, "same", "written", p["member"])
    if "mrn" in sd:
        d["clinic_patient_id"] = E("MRN", p["mrn"], False, "same", "written", p["mrn"])
    if "prescriber_npi" in sd:
        d["prescriber_npi"] = E("NPI", p["npi"], False, "same", "written", p["npi"])
    if "callback_number" in sd:
        d["callback_number"] = E("PHONE", "+1" + p["phone"], False, "same", "e164", p["phone"])
    if "email" in sd:
        d["email"] = E("EMAIL", p["email"], False, "same", "written", p["email"])
    if "address" in sd:
        d["zip"] = E("ZIP", p["zip"], False, "same", "written", p["zip"])
    d["order_number"] = r.N("order_number", order)
    d["resolved"] = True
    return d


def render_json(rng, r, p, c, co, sd, order, profile):
    base = 1754000000 + rng.randint(0, 20000000)
    turns = [(role, t) for role, t in c.turns]
    summ = summary_text(r, p, c, sd, order, c.ct)
    st = structured(r, p, sd, order)
    e164 = "+1" + p["phone"]
    callid = "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                             0x8000 | rng.getrandbits(14), rng.getrandbits(48))
    if profile == "vapi":
        msgs = []
        t0 = 0.0
        for role, t in turns:
            dur = round(rng.uniform(2.0, 9.0), 2)
            msgs.append(collections.OrderedDict([("role", "bot" if role == "A" else "user"), ("message", t),
                                                 ("time", base * 1000 + int(t0 * 1000)),
                                                 ("endTime", base * 1000 + int((t0 + dur) * 1000)),
                                                 ("secondsFromStart", round(t0, 2))]))
            t0 += dur + round(rng.uniform(0.3, 1.5), 2)
        lab = {"A": "AI", "C": "User"}
        payload = {"message": collections.OrderedDict([
            ("type", "end-of-call-report"),
            ("endedReason", "customer-ended-call"),
            ("call", collections.OrderedDict([("id", callid), ("type", "inboundPhoneCall"),
                                              ("customer", {"number": r.E("PHONE", e164, False, "none", "e164", p["phone"])})])),
            ("artifact", collections.OrderedDict([
                ("transcript", "\n".join("%s: %s" % (lab[ro], t) for ro, t in turns)),
                ("messages", msgs)])),
            ("analysis", collections.OrderedDict([("summary", summ), ("structuredData", st), ("successEvaluation", "true")])),
            ("durationSeconds", round(t0, 1)),
            ("cost", round(rng.uniform(0.08, 0.6), 4))])}
    elif profile == "retell":
        lab = {"A": "Agent", "C": "User"}
        obj = [collections.OrderedDict([("role", "agent" if ro == "A" else "user"), ("content", t)]) for ro, t in turns]
        payload = {"event": "call_ended", "call": collections.OrderedDict([
            ("call_type", "phone_call"), ("call_id", "call_" + callid.replace("-", "")[:24]),
            ("agent_id", "agent_" + "%024x" % rng.getrandbits(96)),
            ("call_status", "ended"), ("direction", "inbound"),
            ("from_number", r.E("PHONE", e164, False, "none", "e164", p["phone"])),
            ("start_timestamp", base * 1000), ("end_timestamp", base * 1000 + rng.randint(90000, 400000)),
            ("disconnection_reason", "user_hangup"),
            ("transcript", "\n".join("%s: %s" % (lab[ro], t) for ro, t in turns)),
            ("transcript_object", obj),
            ("call_analysis", collections.OrderedDict([("call_summary", summ), ("user_sentiment", "Positive"),
                                                       ("call_successful", True), ("custom_analysis_data", st)]))])}
    else:  # signalwire
        log = []
        for ro, t in turns:
            m = collections.OrderedDict([("role", "assistant" if ro == "A" else "user"), ("content", t)])
            if ro == "C":
                m["confidence"] = round(rng.uniform(0.71, 0.99), 3)
            log.append(m)
        cid_name = "%s %s" % (p["last"].upper(), p["first"].upper())
        payload = collections.OrderedDict([
            ("app_name", co.lower().replace(" ", "_").replace("'", "") + "_agent"),
            ("call_id", callid), ("ai_session_id", "%032x" % rng.getrandbits(128)),
            ("caller_id_name", r.E("NAME", cid_name, False, "none", "callerid_upper", cid_name)),
            ("caller_id_num", r.E("PHONE", e164, False, "none", "e164", p["phone"])),
            ("call_start_date", base * 1000000), ("call_end_date", (base + rng.randint(90, 400)) * 1000000),
            ("call_log", log),
            ("post_prompt_data", collections.OrderedDict([("raw", summ), ("substituted", summ), ("parsed", [st])])),
        ])
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def generate(seed, n):
    rng = random.Random(seed)
    nj = round(n * 0.45)
    fmts = ["json"] * nj + ["transcript"] * (n - nj)
    rng.shuffle(fmts)
    profiles = ["vapi", "retell", "signalwire"]
    out = []
    for i, fmt in enumerate(fmts):
        for attempt in range(50):
            profile = profiles[i % 3] if fmt == "json" else None
            r, p, c, co, sd, order = build(rng, i, fmt, profile)
            if 8 <= len(c.turns) <= 40:
                break
        if fmt == "transcript":
            marked = render_transcript(rng, r, c)
        else:
            marked = render_json(rng, r, p, c, co, sd, order, profile)
        text, spans, negs = r.finalize(marked)
        rec = collections.OrderedDict([("id", "hld34-%05d" % (i + 1)), ("format", fmt)])
        if profile:
            rec["profile"] = profile
        rec["kind"] = ("%s_%s_%s" % (fmt, profile or c.agent, c.ct))
        rec["text"] = text
        rec["spans"] = spans
        rec["negatives"] = negs
        out.append(rec)
    return out


# --------------------------------------------------------------------------- checking
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TENSNUM = {w: i * 10 for i, w in enumerate(TENS) if i >= 2}
ORDNUM = {v: k for k, v in ORD.items()}
NATO_REV = {v.replace("-", ""): k for k, v in NATO.items()}


def norm_chars(text, spelled=True, o_zero=True):
    """words -> characters: number words to digits, spelled letters to letters."""
    t = text.lower().replace("-", " ").replace("'", "").replace("x ray", "xray")
    toks = re.findall(r"[a-z]+|\d+|[@.]", t)
    out = []  # list of strings
    i = 0
    prev_letter = False
    while i < len(toks):
        w = toks[i]
        if w.isdigit():
            out.append(w); prev_letter = False; i += 1; continue
        if w in ("as", "like", "for") and prev_letter and i + 1 < len(toks):
            i += 3 if (w == "as" and i + 1 < len(toks) and toks[i + 1] == "in") else 2
            prev_letter = False
            continue
        if w in ("double", "triple") and i + 1 < len(toks):
            nxt = toks[i + 1]
            ch = str(WORDNUM[nxt]) if nxt in WORDNUM else (nxt if len(nxt) == 1 else "")
            out.append(ch * (2 if w == "double" else 3)); i += 2; prev_letter = False; continue
        if w in TENSNUM:
            v = TENSNUM[w]
            if i + 1 < len(toks) and toks[i + 1] in WORDNUM and 1 <= WORDNUM[toks[i + 1]] <= 9 and toks[i + 1] not in ("oh", "o"):
                out.append(str(v + WORDNUM[toks[i + 1]])); i += 2
            elif i + 1 < len(toks) and toks[i + 1] in ORDNUM and ORDNUM[toks[i + 1]] <= 9:
                out.append(str(v + ORDNUM[toks[i + 1]])); i += 2
            else:
                out.append(str(v)); i += 1
            prev_letter = False
            continue
        if w in ("hundred", "thousand") and out and out[-1].isdigit():
            mult = 100 if w == "hundred" else 1000
            j = i + 1
            if j < len(toks) and toks[j] == "and":
                j += 1
            rest = None
            if j < len(toks) and (toks[j] in TENSNUM or (toks[j] in WORDNUM and toks[j] not in ("oh", "o", "zero"))):
                n1 = toks[j]
                if n1 in TENSNUM and j + 1 < len(toks) and toks[j + 1] in WORDNUM and toks[j + 1] not in ("oh", "o", "zero"):
                    rest = TENSNUM[n1] + WORDNUM[toks[j + 1]]; j += 2
                elif n1 in TENSNUM:
                    rest = TENSNUM[n1]; j += 1
                else:
                    rest = WORDNUM[n1]; j += 1
            out[-1] = str(int(out[-1]) * mult + (rest or 0))
            i = j
            prev_letter = False
            continue
        if w in WORDNUM:
            if w == "o" and not o_zero:
                out.append("o"); prev_letter = True; i += 1; continue
            else:
                out.append(str(WORDNUM[w]))
            i += 1; prev_letter = False; continue
        if w in ORDNUM:
            out.append(str(ORDNUM[w])); i += 1; prev_letter = False; continue
        if len(w) == 1:
            out.append(w); prev_letter = True; i += 1; continue
        if spelled and w in NATO_REV:
            out.append(NATO_REV[w]); prev_letter = True; i += 1; continue
        if w in ("@", "."):
            out.append(w); i += 1; continue
        out.append("<%s>" % w)  # other word
        prev_letter = False
        i += 1
    return out


def digits_of(text):
    return "".join(x for x in norm_chars(text) if x.isdigit())


def alnum_of(text):
    return "".join(x for x in norm_chars(text) if not x.startswith("<") and x not in ("@", "."))


def valid_value(s, txt):
    """returns an error string or ''"""
    e, v, f = s["entity"], s["value"], s["form"]
    alnum = alnum_of(txt) if s["spoken"] else re.sub(r"[^A-Za-z0-9]", "", txt).lower()
    if e == "PHONE":
        if not re.fullmatch(r"[2-9]\d\d5550(1\d\d)", v):
            return "phone not 555-01xx"
        d = digits_of(txt)
        if d not in (v, "1" + v):
            return "phone digits %s != %s" % (d, v)
    elif e == "SSN":
        a, g, sr = v[:3], v[3:5], v[5:] if len(v) == 9 else ("", "", v)
        if len(v) == 9 and (a in ("000", "666") or a[0] == "9" or g == "00" or sr == "0000"):
            return "bad ssn"
        if len(v) not in (4, 9) or digits_of(txt) != v:
            return "ssn digits %s != %s" % (digits_of(txt), v)
    elif e == "CARD":
        if not (luhn_ok(v) and (len(v) == 16 or (len(v) == 15 and v[:2] in ("34", "37")))):
            return "bad card"
        if digits_of(txt) != v:
            return "card digits %s != %s" % (digits_of(txt), v)
    elif e == "ZIP":
        if not re.fullmatch(r"\d{5}", v) or digits_of(txt) != v:
            return "zip %s != %s" % (digits_of(txt), v)
    elif e == "NPI":
        if not (re.fullmatch(r"[12]\d{9}", v) and luhn_ok("80840" + v)) or digits_of(txt) != v:
            return "npi %s" % digits_of(txt)
    elif e == "MBI":
        if not re.fullmatch(r"[1-9][%s][%s\d]\d[%s][%s\d]\d[%s]{2}\d\d" % ((MBI_ALPHA,) * 5), v):
            return "bad mbi"
        if alnum.upper() != v:
            return "mbi %s != %s" % (alnum_of(txt).upper(), v)
    elif e in ("MEMBER_ID", "MRN"):
        if alnum.upper() != v:
            return "%s %s != %s" % (e, alnum.upper(), v)
    elif e in ("DOB", "DATE"):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return "bad date"
        if e == "DOB" and not (1925 <= d.year <= 1965):
            return "dob year"
        if "noyear" not in f and "%02d" % (d.year % 100) not in digits_of(txt):
            return "date year missing"
    elif e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._]+@[a-z]+\.(com|net)", v):
            return "bad email"
        if "@" in txt:
            n = txt
        else:
            t = re.sub(r"\ball one word\b", " ", txt.lower())
            t = re.sub(r"\bthat'?s( [a-z]\b)+,?", " ", t)
            n = ""
            for x in norm_chars(t, spelled=False, o_zero=False):
                if x.startswith("<"):
                    n += {"dot": ".", "at": "@", "underscore": "_"}.get(x[1:-1], x[1:-1])
                else:
                    n += x
        if n != v:
            return "email %r != %r" % (n, v)
    elif e in ("NAME", "CITY", "STREET"):
        if e == "STREET" and len(v.split()) > 1:
            v = v.split()[1]
        letters = re.sub(r"[^a-z]", "", v.lower())
        a = re.sub(r"[^a-z]", "", txt.lower())
        sp = re.sub(r"[^a-z]", "", "".join(x for x in norm_chars(txt, o_zero=False) if not x.startswith("<")))
        if e == "NAME":
            ok = all(re.sub(r"[^a-z]", "", part.lower()) in a or re.sub(r"[^a-z]", "", part.lower()) in sp
                     for part in v.split())
        else:
            ok = letters in a or letters in sp
        if not ok:
            return "%s text does not carry %r" % (e, v)
    return ""


def check(records):
    errs = []
    ids = set()
    for r in records:
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
                if not re.match(r"(\[\d\d:\d\d:\d\d\] )?[A-Za-z][A-Za-z ]*: \S", ln):
                    errs.append("%s: bad line %r" % (rid, ln[:40]))
            if text.endswith("\n"):
                errs.append("%s: trailing newline" % rid)
        elif r["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError as ex:
                errs.append("%s: json %s" % (rid, ex))
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: not compact json" % rid)
            if r.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s: profile" % rid)
            strings = str_ranges(text)
        else:
            errs.append("%s: format" % rid)
            continue
        iv = []
        for s in r["spans"]:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(b)):
                errs.append("%s: span range" % rid); continue
            try:
                txt = b[st:en].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span not on char boundary" % rid); continue
            if txt != txt.strip() or not txt:
                errs.append("%s: span whitespace %r" % (rid, txt))
            if (st > 0 and b[st - 1:st].isalnum()) or (en < len(b) and b[en:en + 1].isalnum()):
                errs.append("%s: span cuts a word %r" % (rid, txt))
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET",
                                   "CITY", "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errs.append("%s: cue/spoken" % rid)
            spoken_words = bool(re.search(r"[a-z]{2,}", re.sub(r"\b(dot|at|com|net)\b", "", txt.lower()))) if s["entity"] in ("PHONE", "SSN", "CARD", "ZIP", "NPI", "DOB", "DATE") else None
            if spoken_words is not None and spoken_words != s["spoken"] and not (s["entity"] in ("DOB", "DATE") and not s["spoken"]):
                errs.append("%s: spoken flag %r for %r" % (rid, s["spoken"], txt))
            if r["format"] == "json" and not any(a <= st and en <= z for a, z in strings):
                errs.append("%s: span outside JSON string" % rid)
            msg = valid_value(s, txt)
            if msg:
                errs.append("%s: %s: %r" % (rid, msg, txt))
            iv.append((st, en, "S"))
        for n in r["negatives"]:
            st, en = n["start"], n["end"]
            if not (0 <= st < en <= len(b)):
                errs.append("%s: neg range" % rid); continue
            if r["format"] == "json" and not any(a <= st and en <= z for a, z in strings):
                errs.append("%s: negative outside JSON string" % rid)
            iv.append((st, en, "N"))
        iv.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(iv, iv[1:]):
            if a2 < z1:
                errs.append("%s: overlap %d-%d / %d-%d" % (rid, a1, z1, a2, z2))
    return errs


def str_ranges(raw):
    """byte ranges of the inside of every JSON string (keys excluded only loosely: both counted)."""
    out = []
    b = raw.encode("utf-8")
    i = 0
    n = len(b)
    while i < n:
        if b[i:i + 1] == b'"':
            j = i + 1
            while j < n:
                if b[j:j + 1] == b"\\":
                    j += 2
                    continue
                if b[j:j + 1] == b'"':
                    break
                j += 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def stats(records):
    c = collections.Counter()
    forms = collections.Counter()
    negs = collections.Counter()
    kinds = collections.Counter()
    fmt = collections.Counter()
    for r in records:
        fmt[(r["format"], r.get("profile") or "-")] += 1
        kinds[r["kind"]] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            forms[(s["entity"], s["form"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    L = []
    L.append("records: %d  (%s)" % (len(records), ", ".join("%s/%s %d" % (a, b, k) for (a, b), k in sorted(fmt.items()))))
    L.append("")
    L.append("| entity | spoken same | spoken prev | spoken none | written same | written prev | written none | total |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    ents = sorted({k[0] for k in c})
    tot = 0
    for e in ents:
        row = [c[(e, sp, cu)] for sp in ("spoken", "written") for cu in ("same", "prev", "none")]
        tot += sum(row)
        L.append("| %s | %s | %d |" % (e, " | ".join(str(x) for x in row), sum(row)))
    L.append("| all | | | | | | | %d |" % tot)
    L.append("")
    L.append("negatives (%d): %s" % (sum(negs.values()), ", ".join("%s %d" % (k, v) for k, v in sorted(negs.items(), key=lambda x: (-x[1], x[0])))))
    L.append("")
    L.append("forms:")
    for e in ents:
        L.append("  %s: %s" % (e, ", ".join("%s %d" % (f, v) for (ee, f), v in sorted(forms.items()) if ee == e)))
    L.append("")
    L.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        with open(a.check, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e)
        print(stats(recs))
        print("\ncheck: %d records, %d errors" % (len(recs), len(errs)))
        sys.exit(1 if errs else 0)
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        errs = check(recs)
        print("\ncheck: %d errors" % len(errs))
        return
    w = sys.stdout
    for r in recs:
        w.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
