#!/usr/bin/env python3
"""Holdout 38: clinical-research and specialty-program phone calls with spoken PHI.

Trial recruitment and pre-screening, research-coordinator visit scheduling, genetic-counseling
intake, patient-assistance-program enrollment, specialty-pharmacy copay payments, study stipend
card set-up, transplant and dialysis coordination.  Transcripts and vendor JSON payloads
(vapi, retell, signalwire, deepgram, transcribe).  Python 3 standard library only.

  python3 gen_holdout38.py [--seed N] [--n 150] > holdout38.jsonl
  python3 gen_holdout38.py --stats [--seed N]
  python3 gen_holdout38.py --check holdout38.jsonl

Study ids, protocol numbers, visit numbers, kit and lot numbers and lab values are labelled hard
negatives.  All values are fictitious (phones 555-01xx, made-up SSNs, Luhn-valid test-style cards).
"""
import argparse
import collections
import datetime
import json
import random
import re
import sys

DEFAULT_SEED = 3838

# ----------------------------------------------------------------------------- words
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
        "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
        "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
        "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
        "y": "yankee", "z": "zulu"}
AS_IN = {"a": "adam", "b": "boy", "c": "charlie", "d": "david", "e": "edward", "f": "frank",
         "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
         "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
         "s": "sam", "t": "tom", "u": "union", "v": "victor", "w": "william", "x": "x-ray",
         "y": "yellow", "z": "zebra"}


def n2w(n, hyphen=False):
    """0..999999 in words (US, no 'and')."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        t, u = divmod(n, 10)
        return TENS[t] + (("-" if hyphen else " ") + ONES[u] if u else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + (" " + n2w(r, hyphen) if r else "")
    th, r = divmod(n, 1000)
    return n2w(th, hyphen) + " thousand" + (" " + n2w(r, hyphen) if r else "")


def ordw(n):
    if n < 10:
        return ORD_ONES[n]
    if n < 20:
        return ORD_TEENS[n - 10]
    t, u = divmod(n, 10)
    if u == 0:
        return TENS[t][:-1] + "ieth"
    return TENS[t] + " " + ORD_ONES[u]


def ordsuf(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def dwords(s, zero="oh"):
    return " ".join(zero if ch == "0" else ONES[int(ch)] for ch in s)


def pairw(two, zero="oh"):
    """A two-digit chunk as people say it: 05 -> oh five, 32 -> thirty two, 00 -> oh oh."""
    if two[0] == "0":
        return zero + " " + (zero if two[1] == "0" else ONES[int(two[1])])
    return n2w(int(two))


def compress(s, zero="oh", triple=True):
    """Runs said as double / triple: 5550 -> triple five oh."""
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        run = j - i
        w = zero if s[i] == "0" else ONES[int(s[i])]
        while run > 0:
            if run >= 3 and triple:
                out.append("triple " + w)
                run -= 3
            elif run >= 2:
                out.append("double " + w)
                run -= 2
            else:
                out.append(w)
                run -= 1
        i = j
    return " ".join(out)


def year_words(y):
    if 2000 <= y <= 2009:
        return "two thousand " + ONES[y - 2000] if y > 2000 else "two thousand"
    hi, lo = divmod(y, 100)
    if lo == 0:
        return n2w(hi) + " hundred"
    if lo < 10:
        return n2w(hi) + " oh " + ONES[lo]
    return n2w(hi) + " " + n2w(lo)


def yy_words(y):
    lo = y % 100
    return ("oh " + ONES[lo]) if lo < 10 else n2w(lo)


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


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


# ----------------------------------------------------------------------------- pools
FIRST_F = ["Dana", "Maria", "Linda", "Patricia", "Aisha", "Keisha", "Mei", "Priya", "Rosa", "Tamika",
           "Jennifer", "Brenda", "Yolanda", "Hannah", "Gloria", "Nadia", "Carmen", "Deborah", "Sofia",
           "Latoya", "Ngozi", "Ingrid", "Colleen", "Fatima", "Renee", "Marisol", "Wanda", "Lucia"]
FIRST_M = ["Marcus", "Luis", "Robert", "Darnell", "Tomas", "Wei", "Raj", "Kevin", "Hector", "Terrence",
           "Gary", "Samuel", "Emre", "Andre", "Dmitri", "Curtis", "Joseph", "Miguel", "Dwayne", "Arjun",
           "Phillip", "Omar", "Reginald", "Kenji", "Lamar", "Victor", "Eugene", "Stanley"]
LAST = ["Reyes", "Okafor", "Nguyen", "Kowalski", "Hughes", "Patel", "Delgado", "Washington", "Brennan",
        "Abernathy", "Castillo", "Lindqvist", "Ferreira", "Yamamoto", "Odum", "Pruitt", "Szabo",
        "Mahoney", "Gutierrez", "Chowdhury", "Whitfield", "Baptiste", "Sorensen", "Haddad", "McAllister",
        "Villanueva", "Tran", "Jablonski", "Ocampo", "Rasmussen", "Bergeron", "Achebe", "Fontaine",
        "Kaminski", "Salgado", "Thibodeaux", "Holloway", "Nakamura", "Quintero", "Petrov"]
AGENTS = ["Kayla", "Brandon", "Tiffany", "Jordan", "Alexis", "Destiny", "Tyler", "Monique", "Heather",
          "Derek", "Shauna", "Crystal", "Trevor", "Jasmine", "Lauren", "Nicole"]
PROVIDERS = ["Abernathy", "Okonkwo", "Feldman", "Ramaswamy", "Castellano", "Whitaker", "Liang",
             "Mbeki", "Sato", "Hargrove", "Lindgren", "Oyelaran"]
STREETS = ["Elm", "Maple", "Cedar Ridge", "Willow Bend", "Harrison", "Lakeview", "Sycamore", "Juniper",
           "Briarwood", "Magnolia", "Old Mill", "Fairmont", "Pinecrest", "Kingsley", "Orchard Hill",
           "Riverside", "Chestnut", "Hawthorne"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave."), ("Drive", "Dr."), ("Road", "Rd."), ("Lane", "Ln."),
          ("Court", "Ct."), ("Boulevard", "Blvd."), ("Way", "Way"), ("Place", "Pl."), ("Circle", "Cir.")]
CITIES = [("Fresno", "California", "937"), ("Toledo", "Ohio", "436"), ("Tulsa", "Oklahoma", "741"),
          ("Spokane", "Washington", "992"), ("Dayton", "Ohio", "454"), ("Lubbock", "Texas", "794"),
          ("Macon", "Georgia", "312"), ("Rochester", "New York", "146"), ("Boise", "Idaho", "837"),
          ("Knoxville", "Tennessee", "379"), ("Shreveport", "Louisiana", "711"),
          ("Des Moines", "Iowa", "503"), ("Pueblo", "Colorado", "810"), ("Allentown", "Pennsylvania", "181"),
          ("Greenville", "South Carolina", "296"), ("Fort Wayne", "Indiana", "468"),
          ("Tacoma", "Washington", "984"), ("Chattanooga", "Tennessee", "374"),
          ("Albany", "New York", "122"), ("Mesa", "Arizona", "852"), ("Savannah", "Georgia", "314"),
          ("Lansing", "Michigan", "489"), ("Wichita", "Kansas", "672"), ("Reno", "Nevada", "895")]
AREA = ["212", "312", "415", "617", "713", "404", "206", "503", "602", "919", "614", "816", "702",
        "801", "414", "509", "865", "318", "478", "585"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
           "comcast.net", "att.net", "proton.me"]
CONDITIONS = ["type two diabetes", "heart failure", "psoriasis", "rheumatoid arthritis", "COPD",
              "migraine", "chronic kidney disease", "fatty liver", "asthma", "lupus"]
DRUGS = ["Humira", "Stelara", "Ozempic", "Enbrel", "Xarelto", "Entresto", "Trikafta", "Dupixent",
         "Eliquis", "Otezla", "Cosentyx", "Skyrizi"]
SITES = ["Lakeside Clinical Research", "Northgate Research Institute", "Riverbend Clinical Trials",
         "Summit Health Research", "the university research center"]
PROGRAMS = ["CareBridge", "Access Assist", "HelpPath", "RxReach", "Patient Connect"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MEMBER_PREFIX = ["XGM", "WKP", "JQE", "MHC", "ZRB", "UHT", "ADK", "NCV", "YEH", "TPF"]

# MTS-Dialog (CC BY 4.0, https://github.com/abachaa/MTS-Dialog), training set, ids as noted.
# Used verbatim as carrier exchanges (Doctor -> staff, Patient -> caller).
CARRIER = {
    "488": [("A", "Anyone in the family had a stroke?"), ("P", "No, no one had a stroke in my family."),
            ("A", "How about someone in the family with heart disease?"), ("P", "No one that I can remember."),
            ("A", "Okay.")],
    "802": [("A", "Anyone in your family have a history of drug or alcohol abuse?"), ("P", "No."),
            ("A", "Any other medical conditions that might run in your family?"), ("P", "Nope.")],
    "537": [("A", "Any known medical history in the family?"), ("P", "Nope."),
            ("A", "How about anyone with high blood pressure or heart disease or diabetes in the family?"),
            ("P", "Nope.")],
    "374": [("A", "Do you have any allergies?"), ("P", "Not that I know of."), ("A", "Okay.")],
    "961": [("A", "Do you have any food allergies?"), ("P", "Nope."), ("A", "Any drug allergies?"),
            ("P", "No.")],
    "545": [("A", "Are you on steroids?"), ("P", "No."),
            ("A", "Any history of cancer, chemotherapy or anything related?"), ("P", "No.")],
    "1043": [("A", "Have you ever had any major surgeries?"),
             ("P", "I had a skin tag removed but no. No major surgeries."), ("A", "Okay.")],
    "158": [("A", "Are you allergic to anything?"), ("P", "No, I am not allergic to anything."),
            ("A", "Okay so no drug allergies."), ("P", "Yeah.")],
    "75": [("A", "Do you have any major medical conditions that I should know about?"),
           ("P", "What, like cancer?"),
           ("A", "It doesn't have to be that serious, but is there anything you take medicine for?"),
           ("P", "Oh, I have allergies and asthma.")],
    "290": [("A", "Do you have any major medical conditions running in your family history that you know about?"),
            ("P", "No, there's nothing of note."),
            ("A", "So, there's no history of arthritis, or cancer that you're aware of?"),
            ("P", "No, not that I know of.")],
    "922": [("A", "Any known allergies?"), ("P", "Oh yes, I cannot take Sulfa drugs."),
            ("A", "Let me add that to your record.")],
    "643": [("A", "Are you taking any medications for your pain?"), ("P", "Yeah, occasionally."),
            ("A", "Which one?"), ("P", "Just a regular pain medicine.")],
    "1085": [("A", "What are you taking?"), ("P", "I take Tylenol."), ("A", "Is that only for pain?"),
             ("P", "Yes it is.")],
    "56": [("A", "Do you know any familiar diseases in your family?"), ("P", "Do you mean like B P, high sugar?"),
           ("A", "Yes."), ("P", "No, no one in my family has anything like that."), ("A", "Great.")],
    "1178": [("A", "Can you tell me about your Immunizations?"), ("P", "Yeah, I had them all."),
             ("A", "Good, looks like you are up to date.")],
    "709": [("A", "What is your family medical history?"),
            ("P", "My family has a high blood pressure. I have a family member that had colon cancer. My daughter has a twitch. They don't know what caused it?"),
            ("A", "Okay.")],
    "375": [("A", "What is your family medical history?"),
            ("P", "My dad has high blood pressure. My mom has had a ton of skin cancer removed."),
            ("A", "Do you know what type of skin cancer she has removed?"), ("P", "I have no idea.")],
    "230": [("A", "Do you have any medical conditions that run in your family that I should know about, ma'am?"),
            ("P", "Um, yeah, my dad had prostate cancer."),
            ("A", "What about your mother, or the rest of your family?"),
            ("P", "Um, my mom's brother had Hodgkin's disease, melanoma, and prostate cancer.")],
    "842": [("A", "Do you have a history of any health conditions that I should be aware of, ma'am?"),
            ("P", "Um, yeah, I had a mastectomy, and chest tube placement."),
            ("A", "Oh, wow. Do you have any chronic conditions?"), ("P", "Yeah, I have chronic A F I B.")],
}
CARRIER_HISTORY = ["374", "961", "545", "1043", "158", "75", "922", "643", "1085", "1178", "842"]
CARRIER_FAMILY = ["488", "802", "537", "290", "56", "709", "375", "230"]

LABEL_SETS = [
    # staff, caller, caregiver/third, system
    ("[coordinator]", "[patient]", "[caregiver]", "[ivr]"),
    ("Coordinator:", "Participant:", "Caregiver:", "System:"),
    ("Agent:", "Caller:", "Family:", "IVR:"),
    ("Speaker 0:", "Speaker 1:", "Speaker 2:", "Speaker 3:"),
    ("spk_0:", "spk_1:", "spk_2:", "spk_3:"),
    ("CRC:", "PT:", "CG:", "AUTO:"),
    ("AGENT:", "CUSTOMER:", "OTHER:", "IVR:"),
    ("Nurse Coordinator:", "Patient:", "Spouse:", "Recording:"),
    ("Rep:", "Member:", "Family Member:", "Prompt:"),
    ("A:", "B:", "C:", "D:"),
    ("[agent]", "[caller]", "[family]", "[system]"),
    ("Staff:", "Patient:", "Daughter:", "Automated:"),
]
KIND_LABELS = {
    "genetic": ("Genetic Counselor:", "Patient:", "Mother:", "System:"),
    "dialysis": ("Dialysis RN:", "Patient:", "Son:", "System:"),
    "recruit": ("Recruiter:", "Prospect:", "Spouse:", "System:"),
    "transplant": ("Transplant Coordinator:", "Patient:", "Wife:", "System:"),
}


# ----------------------------------------------------------------------------- segments
class Span:
    __slots__ = ("entity", "text", "spoken", "cue", "form", "norm")

    def __init__(self, entity, text, spoken, cue, form, norm):
        assert '"' not in text and "\\" not in text and "\n" not in text, text
        self.entity, self.text, self.spoken, self.cue, self.form, self.norm = (
            entity, text, spoken, cue, form, norm)


class Neg:
    __slots__ = ("what", "text")

    def __init__(self, what, text):
        assert '"' not in text and "\\" not in text and "\n" not in text, text
        self.what, self.text = what, text


def style_plain(s, style):
    if style == "lower":
        s = s.lower()
        s = re.sub(r"[,.?!;:\"]", "", s)
        s = re.sub(r" {2,}", " ", s)
    return s


# ----------------------------------------------------------------------------- renderers
class R:
    """Renders values as an ASR engine (style lower/plain/smart) would write them."""

    def __init__(self, rng, style):
        self.rng, self.style = rng, style

    def ch(self, xs):
        return self.rng.choice(xs)

    def spoken_mode(self, p_cross=0.18):
        """True: spoken rendering; False: written (smart formatted)."""
        if self.style == "smart":
            return self.rng.random() < p_cross
        return self.rng.random() >= (0.12 if self.style == "plain" else 0.0)

    def cs(self, s):
        return s if self.style != "lower" else s.lower()

    def comma(self):
        return ", " if self.style != "lower" else " "

    # --- phone
    def phone(self, ph, force_written=None):
        a, b, c = ph[:3], ph[3:6], ph[6:]
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            k = self.rng.randrange(9)
            z = self.ch(["oh", "oh", "zero", "o"])
            if k == 0:
                return self.comma().join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_%s_groups" % z
            if k == 1:
                return " ".join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_%s_run" % z
            if k == 2:
                return " uh ".join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_%s_uh" % z
            if k == 3:
                return self.comma().join([dwords(a, z), dwords(b, z), pairw(c[:2], z) + " " + pairw(c[2:], z)]), True, "digits_%s_pairs_last4" % z
            if k == 4:
                return self.comma().join([compress(a, z), compress(b, z), compress(c, z)]), True, "double_triple"
            if k == 5:
                return "%s %s %s" % (a, b, dwords(c, z)), True, "mixed_digits_words"
            if k == 6:
                sep = "... " if self.style != "lower" else " "
                return sep.join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_pause"
            if k == 7:
                return "one " + " ".join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "one_prefix_digits"
            return dwords(a, z) + " and then " + dwords(b, z) + " " + dwords(c, z), True, "digits_and_then"
        k = self.rng.randrange(6)
        t_f = [("(%s) %s-%s" % (a, b, c), "written_paren_dash"), ("%s-%s-%s" % (a, b, c), "written_dash"),
                ("%s.%s.%s" % (a, b, c), "written_dots"), ("+1 %s-%s-%s" % (a, b, c), "written_plus1"),
                ("%s%s%s" % (a, b, c), "written_run10"), ("%s %s %s" % (a, b, c), "written_space")][k]
        return t_f[0], False, t_f[1]

    # --- SSN
    def ssn(self, s, force_written=None):
        a, b, c = s[:3], s[3:5], s[5:]
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            z = self.ch(["oh", "zero", "oh"])
            k = self.rng.randrange(7)
            if k == 0:
                return self.comma().join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_%s_groups" % z
            if k == 1:
                return " ".join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_%s_run" % z
            if k == 2:
                return self.comma().join([compress(a, z), compress(b, z), compress(c, z)]), True, "double_triple"
            if k == 3:
                return "%s %s uh %s" % (dwords(a, z), dwords(b, z), dwords(c, z)), True, "digits_uh"
            if k == 4:
                return self.comma().join([dwords(a, z), pairw(b, z), pairw(c[:2], z) + " " + pairw(c[2:], z)]), True, "digits_pairs"
            if k == 5:
                return "%s %s %s" % (a, b, dwords(c, z)), True, "mixed_digits_words"
            sep = "... " if self.style != "lower" else " "
            return sep.join([dwords(a, z), dwords(b, z), dwords(c, z)]), True, "digits_pause"
        k = self.rng.randrange(3)
        t_f = [("%s-%s-%s" % (a, b, c), "written_dash"), ("%s %s %s" % (a, b, c), "written_space"),
                (s, "written_run9")][k]
        return t_f[0], False, t_f[1]

    def ssn4(self, s, force_written=None):
        c = s[5:]
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            z = self.ch(["oh", "zero"])
            k = self.rng.randrange(3)
            if k == 0:
                return dwords(c, z), True, "last4_words"
            if k == 1:
                return pairw(c[:2], z) + " " + pairw(c[2:], z), True, "last4_pairs"
            return compress(c, z), True, "last4_double"
        return c, False, "last4_digits"

    # --- dates
    def date(self, d, force_written=None, allow_noyear=False, iso=False):
        m, dd, y = d.month, d.day, d.year
        mon = MONTHS[m - 1]
        sp = self.spoken_mode() if force_written is None else not force_written
        if iso:
            return d.isoformat(), False, "written_iso"
        if sp:
            k = self.rng.randrange(11 if allow_noyear else 10)
            if k == 0:
                return "%s %s %s" % (mon, ordw(dd), year_words(y)), True, "month_ord_full"
            if k == 1:
                return "%s %s %s" % (mon, n2w(dd), year_words(y)), True, "month_card_full"
            if k == 2:
                return "the %s of %s %s" % (ordw(dd), mon, year_words(y)), True, "the_d_of_m_full"
            if k == 3:
                return "%s %s %s" % (mon, ordw(dd), yy_words(y)), True, "month_ord_short"
            if k == 4:
                return "%s %s %s" % (n2w(m), n2w(dd), yy_words(y)), True, "num_mdy_nolead_short"
            if k == 5:
                mm = ("oh " + ONES[m]) if m < 10 else n2w(m)
                ddw = ("oh " + ONES[dd]) if dd < 10 else n2w(dd)
                sep = self.comma()
                return "%s%s%s%s%s" % (mm, sep, ddw, sep, year_words(y)), True, "num_mdy_lead_oh_full"
            if k == 6:
                return "%s %s %s" % (n2w(m), n2w(dd), year_words(y)), True, "num_mdy_nolead_full"
            if k == 7:
                return "%s %s %d" % (mon, ordw(dd), y), True, "mixed_month_ord_digits_year"
            if k == 8:
                return "%s uh %s %s" % (mon, ordw(dd), year_words(y)), True, "month_ord_full_uh"
            if k == 9:
                return "%s %s of %s" % (mon, ordw(dd), year_words(y)), True, "month_ord_of_year"
            return "%s %s" % (mon, ordw(dd)), True, "month_ord_noyear"
        k = self.rng.randrange(7 if allow_noyear else 6)
        Mon = mon.capitalize()
        opts = [("%02d/%02d/%d" % (m, dd, y), "written_mdy_lead"), ("%d/%d/%d" % (m, dd, y), "written_mdy_nolead"),
                ("%d/%d/%02d" % (m, dd, y % 100), "written_mdy_short"), ("%s %s, %d" % (Mon, ordsuf(dd), y), "written_month_ord"),
                ("%s %d, %d" % (Mon, dd, y), "written_month_day"), ("%02d-%02d-%d" % (m, dd, y), "written_mdy_dash"),
                ("%s %s" % (Mon, ordsuf(dd)), "written_month_ord_noyear")]
        t, f = opts[k]
        return t, False, f

    # --- MRN
    def mrn(self, v, force_written=None):
        sp = self.spoken_mode() if force_written is None else not force_written
        pre = v[0] if v[0].isalpha() else ""
        digs = v[len(pre):]
        if sp:
            z = self.ch(["oh", "zero", "oh"])
            if pre:
                k = self.rng.randrange(3)
                lw = [pre.lower(), "%s as in %s" % (pre.lower(), AS_IN[pre.lower()]), NATO[pre.lower()]][k]
                if self.style != "lower" and k == 0:
                    lw = pre
                return lw + " " + dwords(digs, z), True, ["alnum_letter", "alnum_as_in", "alnum_nato"][k] + "_digits_%s" % z
            k = self.rng.randrange(5)
            if k == 3:
                head = digs[:len(digs) % 2]
                parts = [digs[i:i + 2] for i in range(len(head), len(digs), 2)]
                return " ".join(([dwords(head, z)] if head else []) + [pairw(p_, z) for p_ in parts]), True, "pairs"
            if k == 0:
                return dwords(digs, z), True, "digits_%s_run" % z
            if k == 1:
                h = len(digs) // 2
                return self.comma().join([dwords(digs[:h], z), dwords(digs[h:], z)]), True, "digits_%s_halves" % z
            if k == 2:
                return compress(digs, z), True, "double_triple"
            if k == 3:
                parts = [digs[i:i + 2] for i in range(0, len(digs), 2)]
                return " ".join(pairw(p, z) if len(p) == 2 else dwords(p, z) for p in parts), True, "pairs"
            h = len(digs) // 2
            return "%s %s" % (digs[:h], dwords(digs[h:], z)), True, "mixed_digits_words"
        k = self.rng.randrange(3)
        if k == 2 and not pre:
            h = len(digs) // 2
            return digs[:h] + "-" + digs[h:], False, "written_dash"
        return v, False, "written_run"

    # --- ZIP
    def zip(self, v, force_written=None, plus4=False):
        sp = self.spoken_mode() if force_written is None else not force_written
        z5, p4 = v[:5], v[5:]
        if sp:
            z = self.ch(["oh", "zero", "oh"])
            k = self.rng.randrange(4)
            if k == 0:
                t, f = dwords(z5, z), "digits_%s" % z
            elif k == 1:
                t, f = dwords(z5[:3], z) + " " + pairw(z5[3:], z), "digits_pair_tail"
            elif k == 2:
                t, f = compress(z5, z), "double_triple"
            else:
                t, f = dwords(z5[:3], z) + self.comma() + dwords(z5[3:], z), "digits_3_2"
            if p4:
                t, f = t + " dash " + dwords(p4, z), f + "_plus4"
            return t, True, f
        if p4:
            return z5 + "-" + p4, False, "written_zip4"
        return z5, False, "written_zip5"

    # --- card
    def card(self, v, force_written=None):
        sp = self.spoken_mode() if force_written is None else not force_written
        groups = [v[:4], v[4:10], v[10:]] if len(v) == 15 else [v[i:i + 4] for i in range(0, 16, 4)]
        if sp:
            z = self.ch(["oh", "zero", "oh"])
            k = self.rng.randrange(6)
            if k == 0:
                return self.comma().join(dwords(g, z) for g in groups), True, "groups_%s_comma" % z
            if k == 1:
                return " ".join(dwords(g, z) for g in groups), True, "digits_%s_run" % z
            if k == 2:
                return " uh ".join(dwords(g, z) for g in groups), True, "groups_uh"
            if k == 3:
                return self.comma().join(compress(g, z) for g in groups), True, "double_triple"
            if k == 4 and len(v) == 16:
                return self.comma().join(pairw(g[:2], z) + " " + pairw(g[2:], z) for g in groups), True, "pairs"
            return " ".join(groups[:2]) + " " + " ".join(dwords(g, z) for g in groups[2:]), True, "mixed_digits_words"
        k = self.rng.randrange(3)
        t_f = [(" ".join(groups), "written_groups"), ("-".join(groups), "written_dash"), (v, "written_run")][k]
        return t_f[0], False, t_f[1]

    # --- email
    def email(self, v, parts, force_written=None):
        """parts: list of ('w', word) | ('d', digits) | ('s', sep) describing the local part."""
        sp = self.spoken_mode() if force_written is None else not force_written
        local, dom = v.split("@")
        if not sp:
            return v, False, "written"
        d1, tld = dom.rsplit(".", 1)
        k = self.rng.randrange(5)
        sepw = {".": "dot", "_": "underscore", "-": "dash"}
        words = []
        for kind, val in parts:
            if kind == "w":
                if k == 1:
                    words.append(" ".join(val))
                elif k == 2 and self.style != "lower":
                    words.append("-".join(val))
                else:
                    words.append(val)
            elif kind == "d":
                words.append(" ".join(ONES[int(c)] if c != "0" else "zero" for c in val) if k != 3 else val)
            else:
                words.append(sepw[val])
        domw = d1.replace(".", " dot ")
        tail = " dot " + tld if k != 4 else "." + tld
        forms = ["email_words", "email_spelled_letters", "email_spelled_dash", "email_words_digits", "email_words_domain_written"]
        f = forms[k]
        if k == 2 and self.style == "lower":
            f = "email_words"
        return " ".join(words) + " at " + domw + tail, True, f

    # --- name
    def name(self, first, last, which="full"):
        t = {"full": first + " " + last, "first": first, "last": last}[which]
        if self.style == "lower":
            t = t.lower()
        return t, True, "name_%s%s" % (which, "_lower" if self.style == "lower" else "")

    def spell(self, word):
        w = word.lower()
        k = self.rng.randrange(4)
        if k == 0:
            return " ".join(w), True, "spelled_space"
        if k == 1:
            if self.style == "lower":
                return " ".join(w), True, "spelled_space"
            return "-".join(w.upper()), True, "spelled_dash_caps"
        if k == 2:
            return " ".join(NATO[c] for c in w), True, "spelled_nato_space"
        sep = self.comma()
        return sep.join("%s as in %s" % (c, AS_IN[c]) for c in w), True, "spelled_as_in"

    # --- street / city
    def street(self, st, force_written=None):
        num, nm, suf, unit = st
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            k = self.rng.randrange(3)
            if k == 0 and len(num) in (3, 4):
                hn, f = (dwords(num[0]) + " " + pairw(num[1:]) if len(num) == 3 else pairw(num[:2]) + " " + pairw(num[2:])), "house_pairs"
            elif k == 1:
                hn, f = dwords(num), "house_digits"
            else:
                hn, f = num, "house_digits_written"
            s = "%s %s %s" % (hn, nm.lower() if self.style == "lower" else nm, suf[0].lower() if self.style == "lower" else suf[0])
            if unit:
                if unit.isdigit():
                    s += " unit " + dwords(unit)
                else:
                    s += " apartment " + dwords(unit[:-1]) + " " + unit[-1].lower()
                f += "_unit"
            return s, True, f
        s = "%s %s %s" % (num, nm, suf[1])
        f = "written_abbrev"
        if unit:
            s += (", Unit " + unit) if unit.isdigit() else (" Apt " + unit)
            f += "_unit"
        return s, False, f

    def city(self, c):
        return (c.lower() if self.style == "lower" else c), True, "city_lower" if self.style == "lower" else "city"

    # --- ids
    def alnum(self, v, force_written=None, written_fmt=None):
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            z = self.ch(["oh", "zero"])
            k = self.rng.randrange(3)
            out = []
            for c in v:
                if c.isdigit():
                    out.append(z if c == "0" else ONES[int(c)])
                else:
                    lc = c.lower()
                    out.append([lc if self.style == "lower" else c, NATO[lc], "%s as in %s" % (lc, AS_IN[lc])][k])
            return " ".join(out), True, ["alnum_letters_words", "alnum_nato_words", "alnum_as_in_words"][k]
        return (written_fmt or v), False, "written"

    def digits(self, v, force_written=None, groups=None):
        sp = self.spoken_mode() if force_written is None else not force_written
        if sp:
            z = self.ch(["oh", "zero"])
            if groups:
                out, i = [], 0
                for g in groups:
                    out.append(dwords(v[i:i + g], z))
                    i += g
                return self.comma().join(out), True, "digits_%s_groups" % z
            return dwords(v, z), True, "digits_%s_run" % z
        return v, False, "written"

    # --- negatives
    def num(self, n):
        return n2w(n) if self.style != "smart" else str(n)

    def dec(self, x):
        s = ("%.1f" % x)
        if self.style == "smart":
            return s
        a, b = s.split(".")
        return n2w(int(a)) + " point " + ONES[int(b)]

    def money(self, n):
        if self.style == "smart":
            return "${:,}".format(n)
        return n2w(n) + " dollars"

    def time(self, h, m, pm=None):
        if pm is None:
            pm = not (7 <= h < 12)
        if self.style == "smart":
            return "%d:%02d %s" % (h, m, "PM" if pm else "AM")
        if m == 0:
            return n2w(h) + " " + self.ch(["o'clock", "p m" if pm else "a m"])
        return n2w(h) + " " + (("oh " + ONES[m]) if m < 10 else n2w(m))

    def bp(self, s, d):
        if self.style == "smart":
            return "%d/%d" % (s, d)
        sw = (ONES[s // 100] + " " + pairw("%02d" % (s % 100))) if s >= 100 else n2w(s)
        if s >= 100 and s % 100 < 10:
            sw = ONES[s // 100] + " oh " + ONES[s % 10]
        return sw + " over " + n2w(d)

    def apptdate(self, d):
        wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][d.weekday()]
        if self.style == "smart":
            return self.ch(["%s %s" % (MONTHS[d.month - 1].capitalize(), ordsuf(d.day)),
                            "%s the %s" % (wd.capitalize(), ordsuf(d.day))])
        return self.ch(["%s %s" % (MONTHS[d.month - 1], ordw(d.day)),
                        "%s the %s" % (wd, ordw(d.day))])

    def code(self, v):
        """Reference / study codes: letters and digits, read out when spoken."""
        if self.style == "smart":
            return v
        out = []
        for c in v:
            if c.isdigit():
                out.append("oh" if c == "0" else ONES[int(c)])
            elif c.isalpha():
                out.append(c.lower() if self.style == "lower" else c)
            elif c == "-":
                out.append(self.ch(["dash", ""]) if self.style != "lower" else "")
        return " ".join(x for x in out if x)


# ----------------------------------------------------------------------------- people
def make_person(rng):
    sex = rng.choice("FM")
    first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
    last = rng.choice(LAST)
    dob = datetime.date(rng.randint(1939, 2004), rng.randint(1, 12), 1)
    dob = dob.replace(day=rng.randint(1, 28 if dob.month == 2 else 30))
    phone = rng.choice(AREA) + "5550" + "1" + "%02d" % rng.randint(0, 99)
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        ssn = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
        if ssn not in ("078051120", "219099999", "123456789"):
            break
    if rng.random() < 0.3:
        mrn = rng.choice("ABCEHKMRT") + "".join(rng.choice("0123456789") for _ in range(7))
    else:
        mrn = "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8, 8, 9])))
        if rng.random() < 0.3:
            mrn = "00" + mrn[2:]
    city, state, z3 = rng.choice(CITIES)
    zp = z3 + "%02d" % rng.randint(1, 98)
    plus4 = "%04d" % rng.randint(1, 9998) if rng.random() < 0.15 else ""
    num = str(rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999), rng.randint(10000, 29999)]))
    unit = ""
    if rng.random() < 0.3:
        unit = rng.choice([str(rng.randint(1, 9)) + rng.choice("ABCDEF"), str(rng.randint(101, 420))])
    street = (num, rng.choice(STREETS), rng.choice(SUFFIX), unit)
    # e-mail
    fl, ll = first.lower(), last.lower()
    k = rng.randrange(6)
    yy = "%02d" % (dob.year % 100)
    if k == 0:
        parts = [("w", fl), ("s", "."), ("w", ll)]
    elif k == 1:
        parts = [("w", fl), ("w", ll), ("d", yy)]
    elif k == 2:
        parts = [("w", fl[0]), ("w", ll)]
    elif k == 3:
        parts = [("w", fl), ("s", "_"), ("w", ll)]
    elif k == 4:
        parts = [("w", ll), ("s", "."), ("w", fl[0])]
    else:
        parts = [("w", fl), ("d", str(rng.randint(1, 999)))]
    local = "".join(v for _, v in parts)
    email = local + "@" + rng.choice(DOMAINS)
    # card
    kind = rng.choice(["visa", "visa", "mc", "disc", "amex"])
    if kind == "amex":
        body = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    elif kind == "visa":
        body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        body = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    else:
        body = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    card = luhn_complete(body)
    mbi = (str(rng.randint(1, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA + "0123456789") +
           str(rng.randint(0, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA + "0123456789") +
           str(rng.randint(0, 9)) + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA) +
           str(rng.randint(0, 9)) + str(rng.randint(0, 9)))
    member = rng.choice(MEMBER_PREFIX) + "".join(rng.choice("0123456789") for _ in range(9))
    npi9 = "1" + "".join(rng.choice("0123456789") for _ in range(8))
    npi = npi9 + luhn_complete("80840" + npi9)[-1]
    return dict(sex=sex, first=first, last=last, dob=dob, phone=phone, ssn=ssn, mrn=mrn, city=city,
                state=state, zip=zp + plus4, street=street, email=email, email_parts=parts, card=card,
                mbi=mbi, member=member, npi=npi, age=(2025 - dob.year))


def fmt_mbi(m):
    return m[:4] + "-" + m[4:7] + "-" + m[7:]


# ----------------------------------------------------------------------------- a call
class Call:
    def __init__(self, rng, style, kind):
        self.rng, self.style, self.kind = rng, style, kind
        self.r = R(rng, style)
        self.p = make_person(rng)
        self.agent = rng.choice(AGENTS)
        self.prov = rng.choice(PROVIDERS)
        self.turns = []
        self.facts = collections.OrderedDict()   # key -> written summary info
        self.negs = collections.OrderedDict()    # key -> (what, written text)
        self.drug = rng.choice(DRUGS)
        self.cond = rng.choice(CONDITIONS)
        self.protocol = rng.choice(["ABX", "RG", "KT", "NVS", "LMR", "TRX", "CPL"]) + "-" + str(rng.randint(101, 4499))
        self.nct = "NCT0" + "".join(rng.choice("0123456789") for _ in range(7))
        self.today = datetime.date(2025, rng.randint(1, 11), rng.randint(1, 28))

    def ch(self, xs):
        return self.rng.choice(xs)

    def say(self, role, *parts):
        self.turns.append((role, [p for p in parts if p != ""]))

    def carrier(self, pool):
        for role, line in CARRIER[self.ch(pool)]:
            self.say(role, line)

    # values -------------------------------------------------------------
    def S(self, entity, cue, fw=None, **kw):
        p, r = self.p, self.r
        if entity == "PHONE":
            t, sp, f = r.phone(kw.get("val", p["phone"]), fw)
            norm = kw.get("val", p["phone"])
        elif entity == "SSN":
            if kw.get("last4"):
                t, sp, f = r.ssn4(p["ssn"], fw)
                norm = p["ssn"][5:]
            else:
                t, sp, f = r.ssn(p["ssn"], fw)
                norm = p["ssn"]
        elif entity in ("DOB", "DATE"):
            d = kw.get("val", p["dob"])
            t, sp, f = r.date(d, fw, allow_noyear=(entity == "DATE"))
            norm = d.isoformat()
        elif entity == "MRN":
            t, sp, f = r.mrn(p["mrn"], fw)
            norm = p["mrn"]
        elif entity == "ZIP":
            t, sp, f = r.zip(p["zip"], fw, plus4=len(p["zip"]) > 5)
            norm = p["zip"]
        elif entity == "CARD":
            t, sp, f = r.card(p["card"], fw)
            norm = p["card"]
        elif entity == "EMAIL":
            t, sp, f = r.email(p["email"], p["email_parts"], fw)
            norm = p["email"]
        elif entity == "NAME":
            which = kw.get("which", "full")
            if "spell" in kw:
                t, sp, f = r.spell(kw["spell"])
                norm = kw["spell"]
            else:
                first, last = kw.get("first", p["first"]), kw.get("last", p["last"])
                t, sp, f = r.name(first, last, which)
                norm = {"full": first + " " + last, "first": first, "last": last}[which]
        elif entity == "STREET":
            st = kw.get("val", p["street"])
            t, sp, f = r.street(st, fw)
            norm = "%s %s %s%s" % (st[0], st[1], st[2][0], (" #" + st[3]) if st[3] else "")
        elif entity == "CITY":
            t, sp, f = r.city(p["city"])
            norm = p["city"]
        elif entity == "MBI":
            t, sp, f = r.alnum(p["mbi"], fw, self.ch([p["mbi"], fmt_mbi(p["mbi"])]))
            norm = p["mbi"]
        elif entity == "MEMBER_ID":
            t, sp, f = r.alnum(p["member"], fw)
            norm = p["member"]
        elif entity == "NPI":
            t, sp, f = r.digits(p["npi"], fw, groups=self.ch([None, (3, 3, 4)]))
            norm = p["npi"]
        else:
            raise KeyError(entity)
        key = kw.get("key", entity)
        if key not in self.facts:
            self.facts[key] = (entity, kw)
        return Span(entity, t, sp, cue, f, norm)

    def W(self, entity, **kw):
        """Written (LLM / structured) form for summaries and data fields, cue same."""
        p = self.p
        if entity == "PHONE":
            v = kw.get("val", p["phone"])
            k = kw.get("fmt") or self.ch(["paren", "dash", "e164"])
            t = {"paren": "(%s) %s-%s" % (v[:3], v[3:6], v[6:]), "dash": "%s-%s-%s" % (v[:3], v[3:6], v[6:]),
                 "e164": "+1" + v}[k]
            return Span(entity, t, False, "same", "written_" + k, v)
        if entity in ("DOB", "DATE"):
            d = kw.get("val", p["dob"])
            k = kw.get("fmt") or self.ch(["mdy", "long", "iso"])
            t = {"mdy": "%02d/%02d/%d" % (d.month, d.day, d.year),
                 "long": "%s %d, %d" % (MONTHS[d.month - 1].capitalize(), d.day, d.year),
                 "iso": d.isoformat()}[k]
            return Span(entity, t, False, "same", "written_" + k, d.isoformat())
        if entity == "SSN":
            if kw.get("last4"):
                return Span(entity, p["ssn"][5:], False, "same", "last4_digits", p["ssn"][5:])
            s = p["ssn"]
            return Span(entity, "%s-%s-%s" % (s[:3], s[3:5], s[5:]), False, "same", "written_dash", s)
        if entity == "MRN":
            return Span(entity, p["mrn"], False, "same", "written_run", p["mrn"])
        if entity == "ZIP":
            z = p["zip"]
            return Span(entity, z[:5] + ("-" + z[5:] if len(z) > 5 else ""), False, "same",
                        "written_zip4" if len(z) > 5 else "written_zip5", z)
        if entity == "CARD":
            c = p["card"]
            k = kw.get("fmt") or self.ch(["run", "groups"])
            g = [c[:4], c[4:10], c[10:]] if len(c) == 15 else [c[i:i + 4] for i in range(0, 16, 4)]
            return Span(entity, c if k == "run" else " ".join(g), False, "same", "written_" + k, c)
        if entity == "EMAIL":
            return Span(entity, p["email"], False, "same", "written", p["email"])
        if entity == "NAME":
            first, last = kw.get("first", p["first"]), kw.get("last", p["last"])
            which = kw.get("which", "full")
            t = {"full": first + " " + last, "first": first, "last": last}[which]
            return Span(entity, t, False, "same", "name_written_" + which, t)
        if entity == "STREET":
            st = p["street"]
            t = "%s %s %s" % (st[0], st[1], st[2][1] if kw.get("abbr", True) else st[2][0])
            if st[3]:
                t += " Apt " + st[3] if not st[3].isdigit() else " Unit " + st[3]
            return Span(entity, t, False, "same", "written_abbrev" + ("_unit" if st[3] else ""),
                        "%s %s %s%s" % (st[0], st[1], st[2][0], (" #" + st[3]) if st[3] else ""))
        if entity == "CITY":
            return Span(entity, p["city"], False, "same", "city_written", p["city"])
        if entity == "MBI":
            m = p["mbi"]
            return Span(entity, self.ch([m, fmt_mbi(m)]), False, "same", "written", m)
        if entity == "MEMBER_ID":
            return Span(entity, p["member"], False, "same", "written", p["member"])
        if entity == "NPI":
            return Span(entity, p["npi"], False, "same", "written", p["npi"])
        raise KeyError(entity)

    def N(self, what, text, key=None, written=None):
        if key and key not in self.negs:
            self.negs[key] = (what, written if written is not None else text)
        return Neg(what, text)

    def txt(self, s):
        return style_plain(s, self.style)


# ----------------------------------------------------------------------------- scenarios
def sc_recruit(c):
    p, r = c.p, c.r
    c.say("A", "Hi, this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"),
          c.ch([" calling from ", " with "]), c.ch(SITES), ". Am I speaking with ",
          c.S("NAME", "same"), "?")
    c.say("P", c.ch(["Yes, speaking.", "Yeah, that's me.", "This is. Who is this again?"]))
    c.say("A", "You filled out the interest form for our %s study. It's protocol " % c.cond,
          c.N("protocol_number", r.code(c.protocol), "protocol", c.protocol),
          c.ch([", it's on clinical trials dot gov as ", ", registry number "]),
          c.N("study_id", r.code(c.nct), "nct", c.nct), ". Do you have a few minutes for some screening questions?")
    c.say("P", c.ch(["Sure, go ahead.", "Yeah, I've got time.", "Okay, I'm driving but go ahead."]))
    c.say("A", c.ch(["First, what's your date of birth?", "Can I get your date of birth?", "What is your birth date?"]))
    c.say("P", c.S("DOB", "prev"))
    c.say("A", "Okay, so you're ", c.N("age", r.num(p["age"])),
          ". The study enrolls adults up to ", c.N("age", r.num(75)), ".")
    c.say("P", c.ch(["Right.", "Okay.", "Uh huh."]))
    c.carrier(CARRIER_HISTORY)
    lab = round(c.rng.uniform(6.6, 10.4), 1)
    c.say("A", "Do you remember your last lab results? We need an A1C between ", c.N("lab_value", r.dec(7.0)),
          " and ", c.N("lab_value", r.dec(10.5)), ".")
    c.say("P", c.ch(["I think it was ", "My doctor said it was ", "Last time it was like "]), c.N("lab_value", r.dec(lab), "a1c"), ".")
    if c.rng.random() < 0.5:
        c.say("A", "What zip code do you live in? We have three locations.")
        c.say("P", c.S("ZIP", "prev"))
    else:
        c.say("P", "How far is the site? My zip code is ", c.S("ZIP", "same"), ".")
        c.say("A", "That's about ", c.N("duration", r.num(25) + " minutes"), " from our main clinic.")
    c.say("A", "Participants receive ", c.N("money", r.money(c.ch([50, 75, 100, 125]))), " per completed visit, and there are ",
          c.N("count", r.num(c.ch([6, 8, 10, 12]))), " visits over ", c.N("duration", r.num(c.ch([24, 26, 52])) + " weeks"), ".")
    c.say("A", c.ch(["What's the best number to reach you?", "Best phone number for the study nurse?", "And a good callback number?"]))
    c.say("P", c.S("PHONE", "prev"))
    if c.rng.random() < 0.6:
        c.say("A", "Let me read that back. ", c.S("PHONE", "prev"), "?")
        c.say("P", c.ch(["Yep.", "Correct.", "That's it."]))
    c.say("A", c.ch(["And an email for the consent form?", "Email address so we can send the e-consent link?"]))
    c.say("P", c.S("EMAIL", "prev"))
    c.say("A", "Great. The coordinator will call you ", c.N("appointment_date", r.apptdate(c.today + datetime.timedelta(days=c.rng.randint(2, 9)))),
          ". I ", c.N("common_word", "will"), " also text you a reminder.")
    c.say("P", c.ch(["Okay, thank you.", "Sounds good, thanks.", "Perfect, bye."]))


def sc_visit(c):
    p, r = c.p, c.r
    visit = c.rng.randint(2, 9)
    inbound = c.rng.random() < 0.6
    if inbound and c.rng.random() < 0.5:
        c.say("S", "Thank you for calling the research office. For study visits, ", c.N("menu_option", "press " + r.num(1) if r.style == "smart" else "press one"),
              ". For billing, ", c.N("menu_option", "press two" if r.style != "smart" else "press 2"), ".")
    c.say("A", "Research office, this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"), ".")
    op = c.rng.random()
    if op < 0.4:
        c.say("P", c.ch(["Hi, it's ", "Hi, this is "]), c.S("NAME", "same"), ". I need to move my ",
              c.N("visit_number", ("visit " + r.num(visit))), " appointment.")
    elif op < 0.65:
        c.say("P", "Hi. ", c.S("NAME", "none"), c.r.comma(), c.S("MRN", "none"), ". I'm in the study and I need to move ",
              c.N("visit_number", "visit " + r.num(visit)), ".")
        c.say("A", "Okay, let me pull that up.")
    else:
        c.say("P", c.ch(["Yeah hi. ", "Hi. "]), c.S("NAME", "none"), ". ", c.S("DOB", "none"), ". I'm calling about my study appointment.")
        c.say("A", "Sure, which visit is it?")
        c.say("P", "It's ", c.N("visit_number", "visit " + r.num(visit)), ", the week ", c.N("visit_number", r.num(visit * 4)), " visit.")
    if "MRN" in c.facts:
        pass
    elif c.rng.random() < 0.5:
        c.say("A", c.ch(["Can I get your medical record number?", "Do you have your MRN handy?", "What's your MRN?"]))
        c.say("P", c.S("MRN", "prev"))
    else:
        c.say("A", c.ch(["Can I get your medical record number?", "Do you have your MRN handy?", "What's your MRN?"]))
        c.say("P", c.ch(["Um, hold on. My MRN is ", "Yes, my MRN is ", "The card says medical record number "]), c.S("MRN", "same"), ".")
    if "DOB" not in c.facts:
        c.say("A", "And your date of birth?")
        c.say("P", c.S("DOB", "prev"))
    subj = "%d-%03d" % (c.rng.randint(101, 140), c.rng.randint(1, 60))
    c.say("A", "Okay, I see you. Subject ", c.N("study_id", r.code(subj), "subject", subj), " on protocol ",
          c.N("protocol_number", r.code(c.protocol), "protocol", c.protocol),
          ". That visit needs fasting labs, so nothing to eat for ", c.N("duration", r.num(10) + " hours"), " before.")
    c.say("P", c.ch(["Okay.", "Got it.", "Even coffee?"]))
    ad = c.today + datetime.timedelta(days=c.rng.randint(3, 20))
    c.say("A", "I have ", c.N("appointment_date", r.apptdate(ad), "appt"), " at ", c.N("time", r.time(c.ch([7, 8, 9, 10]), c.ch([0, 15, 30, 45])), "time"), ". Does that work?")
    c.say("P", c.ch(["That works.", "Yes, that's fine.", "Yeah, I can do that."]))
    kit = "%d" % c.rng.randint(100000, 999999)
    lot = c.ch("LKMB") + "%d" % c.rng.randint(1000, 9999) + c.ch("ABCD")
    c.say("A", "Bring your study drug box. The kit number is ", c.N("kit_number", r.code(kit), "kit", kit),
          " and the lot on the label should say ", c.N("lot_number", r.code(lot), "lot", lot), ".")
    nt = c.ch([1, 2])
    c.say("P", "I've been taking ", c.N("dose", r.num(nt) + c.ch([" tablet", " capsule"]) + ("s" if nt > 1 else "")), " a day like they said. My potassium was ",
          c.N("lab_value", r.dec(round(c.rng.uniform(3.6, 5.4), 1))), " last time, is that okay?")
    c.say("A", "The investigator reviewed it, it's fine. Your blood pressure at the last visit was ",
          c.N("blood_pressure", r.bp(c.rng.randint(112, 148), c.rng.randint(68, 92))), ".")
    if c.rng.random() < 0.6:
        c.say("A", "Is the number we have still good, ", c.S("PHONE", "same"), "?")
        c.say("P", c.ch(["Yes.", "Yep, same number."]))
    else:
        c.say("A", "Best number for the reminder call?")
        c.say("P", c.S("PHONE", "prev"))
    c.say("A", c.ch(["See you then.", "You're all set.", "Okay, you're rescheduled."]))
    c.say("P", c.ch(["Thanks, bye.", "Thank you.", "Bye now."]))


def sc_genetic(c):
    p, r = c.p, c.r
    c.say("A", "Genetics clinic, this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"),
          c.ch([", genetic counseling assistant.", ". How can I help?"]))
    c.say("P", "Hi, I was referred by Dr. ", c.S("NAME", "same", which="last", first="", last=c.prov, key="prov"), " for hereditary cancer testing.")
    c.say("A", "Okay, let's get you set up. Your full name?")
    c.say("P", c.S("NAME", "prev"))
    c.say("A", "Can you spell the last name?")
    c.say("P", c.S("NAME", "prev", spell=p["last"], key="spell"))
    c.say("A", "Date of birth?")
    c.say("P", c.S("DOB", "prev"))
    if c.rng.random() < 0.6:
        c.say("A", "Do you have your MRN from the portal?")
        c.say("P", c.ch(["Yes, it's ", "Um, ", "Hold on... "]), c.S("MRN", "prev"))
    c.carrier(CARRIER_FAMILY)
    rel = c.ch(FIRST_F)
    dy = c.rng.randint(2011, 2024)
    c.say("P", "Also my sister ", c.S("NAME", "same", which="first", first=rel, last="", key="rel"),
          " had breast cancer at ", c.N("age", r.num(c.rng.randint(34, 52))), ", and my mother died of ovarian cancer in ",
          c.N("year", str(dy) if r.style == "smart" else year_words(dy)), ".")
    if c.rng.random() < 0.4:
        dd = datetime.date(dy, c.rng.randint(1, 12), c.rng.randint(1, 28))
        c.say("A", "Do you know the exact date she passed? It helps with records requests.")
        c.say("P", "It was ", c.S("DATE", "prev", val=dd, key="death"), ".")
    c.say("A", "Thank you. We'll mail a saliva kit. What's the mailing address?")
    c.say("P", c.S("STREET", "prev"), c.r.comma(), c.S("CITY", "prev"), c.r.comma(), c.txt(p["state"]), " ", c.S("ZIP", "prev"))
    kit = "GX" + "%d" % c.rng.randint(100000, 999999)
    c.say("A", "The tube will have a barcode starting ", c.N("kit_number", r.code(kit), "kit", kit),
          ". Spit to the line, about ", c.N("dose", r.num(2) + " milliliters"), ", and don't eat for ", c.N("duration", r.num(30) + " minutes"), " before.")
    c.say("A", "An email for the results portal?")
    c.say("P", c.S("EMAIL", "prev"))
    c.say("A", "And your insurance member ID, it's on the front of the card.")
    c.say("P", c.S("MEMBER_ID", "prev"))
    c.say("A", "If insurance doesn't cover it the lab caps it at ", c.N("money", r.money(c.ch([100, 250, 249]))), ". We ", c.N("common_word", "may"),
          " need a prior auth, so ", c.N("common_word", "bill"), " nothing until that comes back.")
    c.say("P", c.ch(["Okay, I hope it's covered.", "Got it, thanks.", "Okay."]))


def sc_pap(c):
    p, r = c.p, c.r
    prog = c.ch(PROGRAMS)
    if c.rng.random() < 0.5:
        c.say("S", "Welcome to the %s patient assistance program. To enroll, " % prog, c.N("menu_option", "press one" if r.style != "smart" else "press 1"),
              ". To check an application, ", c.N("menu_option", "press two" if r.style != "smart" else "press 2"), ".")
    c.say("A", "%s, this is " % prog, c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"), ". Is this for yourself?")
    c.say("P", "Yes, I can't afford my %s anymore. The copay went to " % c.drug, c.N("money", r.money(c.ch([850, 1200, 1600, 2400]))), " a month.")
    c.say("A", "Let's see if you qualify. Your full name?")
    c.say("P", c.S("NAME", "prev"))
    c.say("A", "And date of birth?")
    c.say("P", c.S("DOB", "prev"))
    c.say("A", "How many people live in the household, and what's the yearly household income?")
    c.say("P", "It's ", c.N("count", r.num(c.rng.randint(1, 5))), " of us, and about ",
          c.N("money", r.money(c.ch([28000, 36500, 42000, 51000, 63000]))), " a year.")
    c.say("A", "That's under the limit. For enrollment we need the Social Security number to verify income.")
    if c.rng.random() < 0.5:
        c.say("P", c.S("SSN", "prev"))
    else:
        c.say("P", "Okay. My social is ", c.S("SSN", "same"), ".")
    if c.rng.random() < 0.5:
        c.say("A", "Just to confirm, ", c.S("SSN", "prev"), "?")
        c.say("P", c.ch(["Yes.", "That's right."]))
    if c.rng.random() < 0.6:
        c.say("A", "Do you have Medicare? I need the number on the red white and blue card.")
        c.say("P", c.ch(["Yes. It's ", "Hold on. ", "Yeah, "]), c.S("MBI", "prev"))
    else:
        c.say("A", "Do you have Medicare?")
        c.say("P", "No, I have insurance through work. My member ID is ", c.S("MEMBER_ID", "same"), ".")
    c.say("A", "Who prescribes it?")
    c.say("P", "Dr. ", c.S("NAME", "same", which="last", first="", last=c.prov, key="prov"), ".")
    if c.rng.random() < 0.6:
        c.say("A", "Do you have the doctor's NPI? It's on the form they gave you.")
        c.say("P", c.S("NPI", "prev"))
    c.say("A", "And the dose?")
    c.say("P", c.N("dose", r.num(c.ch([40, 45, 90, 150])) + " milligrams" if r.style != "smart" else "%d mg" % c.ch([40, 45, 90, 150])),
          " every ", c.N("duration", r.num(2) + " weeks"), ".")
    c.say("A", "Mailing address for the approval letter?")
    c.say("P", c.S("STREET", "prev"), " in ", c.S("CITY", "prev"), c.r.comma(), c.S("ZIP", "prev"))
    c.say("A", "Phone number?")
    c.say("P", c.S("PHONE", "prev"))
    if c.rng.random() < 0.5:
        c.say("A", "For the copay card bridge we can charge the ", c.N("money", r.money(c.ch([5, 10, 25]))), " shipping to a card. Card number?")
        c.say("P", c.S("CARD", "prev"))
    ref = "PA" + "%d" % c.rng.randint(1000000, 9999999)
    c.say("A", "You're submitted. Your reference number is ", c.N("confirmation_number", r.code(ref), "ref", ref),
          ". Decisions take about ", c.N("duration", r.num(c.ch([5, 7, 10])) + " business days"), ".")
    c.say("P", c.ch(["Thank you so much.", "Okay, thanks.", "I hope it goes through."]))


def sc_copay(c):
    p, r = c.p, c.r
    c.say("A", c.ch(["Specialty pharmacy, this is ", "Thanks for calling specialty pharmacy, my name is "]),
          c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"), ".")
    c.say("P", "Hi, I need to pay the copay on my %s refill so it can ship." % c.drug)
    c.say("A", "I can help. Name and date of birth?")
    c.say("P", c.S("NAME", "prev"), c.r.comma(), c.S("DOB", "prev"))
    c.say("A", "After your copay card the balance is ", c.N("money", r.money(c.ch([5, 10, 35, 60]))), ". Go ahead with the card number whenever you're ready.")
    if c.rng.random() < 0.4:
        c.say("P", c.ch(["Okay, the card number is ", "Alright, card number is ", "The long number on the front is "]), c.S("CARD", "same"), ".")
    else:
        c.say("P", c.S("CARD", "prev"))
    if c.rng.random() < 0.7:
        c.say("A", "Let me repeat that. ", c.S("CARD", "prev"), ".")
        c.say("P", c.ch(["Correct.", "Yes.", "Yep."]))
    c.say("A", "Billing zip code?")
    c.say("P", c.S("ZIP", "prev"))
    c.say("A", "And for verification the last four of your social.")
    c.say("P", c.S("SSN", "prev", last4=True))
    order = "%d" % c.rng.randint(100000000, 999999999)
    c.say("A", "Payment went through. Order number ", c.N("order_number", r.code(order), "order", order), ". It ships ",
          c.N("appointment_date", r.apptdate(c.today + datetime.timedelta(days=c.rng.randint(1, 4))), "ship"),
          " for delivery by ", c.N("time", r.time(c.ch([10, 12]), 0)), ".")
    c.say("A", "The box has ", c.N("count", r.num(c.ch([2, 4])) + " pens"), ", keep them in the fridge. Lot number on the carton is ",
          c.N("lot_number", r.code("%s%d" % (c.ch("ABKT"), c.rng.randint(10000, 99999)))), ".")
    if c.rng.random() < 0.5:
        c.say("A", "Should we text the tracking to ", c.S("PHONE", "same"), "?")
        c.say("P", c.ch(["Yes please.", "That works."]))
    else:
        if c.rng.random() < 0.5:
            c.say("P", "Can you email the receipt? It's ", c.S("EMAIL", "same"), ".")
        else:
            c.say("P", "Oh, and for the receipt, ", c.S("EMAIL", "none"), ".")
        c.say("A", "Sure, sent.")
    c.say("P", c.ch(["Thanks.", "Great, thank you.", "Bye."]))


def sc_stipend(c):
    p, r = c.p, c.r
    c.say("A", "Hi, this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"),
          ", study coordinator at ", c.ch(SITES), ". I'm calling about your participant payment card.")
    c.say("P", c.ch(["Oh, okay. Hi.", "Yes, hi.", "Sure, what do you need?"]))
    c.say("A", "First can you confirm your date of birth for me?")
    c.say("P", c.S("DOB", "prev"))
    c.say("A", "Thanks. Because the stipends for protocol ", c.N("protocol_number", r.code(c.protocol), "protocol", c.protocol),
          " go over ", c.N("money", r.money(600)), " this year, we need your Social Security number for the tax form.")
    if c.rng.random() < 0.5:
        c.say("P", "Okay, it's ", c.S("SSN", "prev"), ".")
    else:
        c.say("P", c.S("SSN", "prev"))
    c.say("A", "And the sixteen digit number on the back of the reloadable card we gave you at ", c.N("visit_number", "visit " + r.num(1)), "?")
    c.say("P", c.S("CARD", "prev"))
    if c.rng.random() < 0.5:
        c.say("A", "Repeating back, ", c.S("CARD", "prev"), ".")
        c.say("P", "Yes.")
    c.say("A", "We'll load ", c.N("money", r.money(c.ch([75, 100, 150]))), " after each visit, usually within ", c.N("duration", r.num(3) + " days"), ".")
    old = make_person(c.rng)["street"]
    c.say("A", "The 1099 goes to your home address. Is it still ", c.S("STREET", "same", val=old, key="old_street"), "?")
    c.say("P", c.ch(["No, I moved. It's ", "Actually I moved, the new one is "]), c.S("STREET", "same"), c.r.comma(),
          c.S("CITY", "prev"), " ", c.S("ZIP", "prev"))
    c.say("A", "And an email in case the card portal needs to reach you?")
    c.say("P", c.S("EMAIL", "prev"))
    c.say("A", "Thanks. Your next visit is ", c.N("appointment_date", r.apptdate(c.today + datetime.timedelta(days=c.rng.randint(5, 30)))),
          ", and don't forget the step watch, you averaged ", c.N("step_count", r.num(c.ch([4200, 6800, 7300, 9100])) + " steps"), " last month.")
    c.say("P", c.ch(["Will do.", "Okay, thanks.", "Got it."]))


def sc_transplant(c):
    p, r = c.p, c.r
    cg = c.rng.random() < 0.5
    c.say("A", "Transplant office, this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"), ", post-transplant coordinator.")
    who = "C" if cg else "P"
    if cg:
        cgname = c.ch(FIRST_F if p["sex"] == "M" else FIRST_M)
        c.say("C", "Hi, this is ", c.S("NAME", "same", which="first", first=cgname, last="", key="cg"), ", I'm calling for my ",
              "husband " if p["sex"] == "M" else "wife ", c.S("NAME", "same"), ". He had his kidney transplant last month." if p["sex"] == "M" else ". She had her kidney transplant last month.")
    else:
        c.say("P", "Hi, this is ", c.S("NAME", "same"), ", I had a kidney transplant last month.")
    c.say("A", "Okay. Can I have the date of birth and the medical record number?")
    c.say(who, c.S("DOB", "prev"), c.ch([", and the MRN is ", ". MRN "]), c.S("MRN", "same"))
    dis = c.today - datetime.timedelta(days=c.rng.randint(10, 40))
    adm = dis - datetime.timedelta(days=c.rng.randint(4, 9))
    c.say("A", "I see the transplant admission on ", c.S("DATE", "same", val=adm, key="adm"), " and discharge on ",
          c.S("DATE", "same", val=dis, key="dis"), ". What's going on?")
    c.say(who, "The tacrolimus level came back ", c.N("lab_value", r.dec(round(c.rng.uniform(4.0, 14.0), 1))), " and creatinine ",
          c.N("lab_value", r.dec(round(c.rng.uniform(1.0, 2.6), 1))), ". The lab said to call.")
    c.say("A", "How much tacrolimus is being taken now?")
    mg = c.ch([1, 2, 3, 4])
    c.say(who, c.N("dose", r.num(mg) + (" milligram" if mg == 1 else " milligrams") if r.style != "smart" else "%d mg" % mg), " twice a day at ",
          c.N("time", r.time(8, 0, False)), " and ", c.N("time", r.time(8, 0, True)), ".")
    c.say("A", "Any fever? Anything over ", c.N("vital_sign", r.dec(100.4)), "?")
    c.say(who, "No. Blood pressure this morning was ", c.N("blood_pressure", r.bp(c.rng.randint(118, 162), c.rng.randint(70, 96))),
          " and weight ", c.N("weight", r.num(c.rng.randint(140, 230)) + " pounds"), ".")
    c.say("A", "I'll run it by the nephrologist. If there's trouble breathing or no urine, call ", c.N("emergency_number", "nine one one" if r.style != "smart" else "911"), ".")
    c.say("A", "Best callback number?")
    c.say(who, c.S("PHONE", "prev"))
    if c.rng.random() < 0.6:
        c.say("A", "And email for the portal message?")
        c.say(who, c.S("EMAIL", "prev"))
    c.say("A", "Clinic is ", c.N("appointment_date", r.apptdate(c.today + datetime.timedelta(days=c.rng.randint(2, 7)))),
          ", room ", c.N("room_number", r.code(c.ch(["4B", "12", "3C", "210"]))), ".")
    c.say(who, c.ch(["Thank you.", "Okay, we'll be there.", "Thanks so much."]))


def sc_dialysis(c):
    p, r = c.p, c.r
    c.say("A", c.ch(["Riverside dialysis, ", "Dialysis unit, "]), "this is ", c.S("NAME", "same", which="first", first=c.agent, last="", key="agent"), ".")
    if c.rng.random() < 0.5:
        c.say("P", "Hi, it's ", c.S("NAME", "same"), ", I'm in ", c.N("room_number", "chair " + r.num(c.rng.randint(1, 24))), " on the ",
              c.N("time", r.time(c.ch([6, 11]), c.ch([0, 30]))), " shift.")
    else:
        c.say("P", c.ch(["Yeah hi, ", "Hi, "]), c.S("NAME", "none"), ". I was in the hospital.")
    c.say("A", "Welcome back. Date of birth?")
    c.say("P", c.S("DOB", "prev"))
    adm = c.today - datetime.timedelta(days=c.rng.randint(8, 30))
    dis = adm + datetime.timedelta(days=c.rng.randint(2, 7))
    c.say("P", "I was admitted ", c.S("DATE", "same", val=adm, key="adm"), " and discharged ", c.S("DATE", "same", val=dis, key="dis"), ".")
    c.say("A", "Okay. Your dry weight is ", c.N("weight", r.num(c.rng.randint(58, 110)) + " kilos"), " and your last Kt/V was ",
          c.N("lab_value", r.dec(round(c.rng.uniform(1.1, 1.8), 1))), ". We'll keep you at ", c.N("duration", r.num(4) + " hours"), ".")
    c.say("P", "Okay. My pressure at home was ", c.N("blood_pressure", r.bp(c.rng.randint(120, 170), c.rng.randint(70, 100))), ".")
    c.say("A", "For the van, what address should they pick you up from?")
    c.say("P", c.S("STREET", "prev"), c.r.comma(), c.S("CITY", "prev"), c.r.comma(), c.S("ZIP", "prev"))
    c.say("A", "And your Medicare number for the transport authorization?")
    c.say("P", c.S("MBI", "prev"))
    if c.rng.random() < 0.5:
        c.say("A", "Which number should the driver call?")
        c.say("P", c.S("PHONE", "prev"))
    else:
        c.say("P", "Oh, and ", c.S("PHONE", "none"), ", the driver can call that.")
    c.say("A", "If you miss a treatment and get short of breath, call ", c.N("emergency_number", "nine one one" if r.style != "smart" else "911"), ".")
    c.say("P", c.ch(["I will.", "Okay, I hope I don't need to.", "Okay thanks."]))


SCENARIOS = [("recruit", sc_recruit), ("visit", sc_visit), ("genetic", sc_genetic), ("pap", sc_pap),
             ("copay", sc_copay), ("stipend", sc_stipend), ("transplant", sc_transplant), ("dialysis", sc_dialysis)]
SC_WEIGHTS = [14, 12, 12, 15, 14, 12, 11, 10]


# ----------------------------------------------------------------------------- summaries
def summary_segs(c):
    """LLM-written post-call summary with written values (cue same)."""
    segs = []
    f = c.facts
    add = segs.append
    what = {"recruit": "completed phone prescreening for the %s study" % c.cond,
            "visit": "called to reschedule a study visit",
            "genetic": "completed genetic counseling intake for hereditary cancer testing",
            "pap": "applied to the patient assistance program for %s" % c.drug,
            "copay": "paid the specialty pharmacy copay for %s" % c.drug,
            "stipend": "set up the participant stipend card",
            "transplant": "reported post-transplant labs",
            "dialysis": "returned to dialysis after a hospital stay"}[c.kind]
    add("Caller ")
    add(c.W("NAME"))
    if "DOB" in f:
        add(" (DOB ")
        add(c.W("DOB", fmt=c.ch(["mdy", "long"])))
        add(")")
    add(" " + what + ".")
    if "protocol" in c.negs:
        add(" Protocol ")
        add(Neg("protocol_number", c.negs["protocol"][1]))
        add(".")
    if "MRN" in f:
        add(" MRN ")
        add(c.W("MRN"))
        add(".")
    if "adm" in f and "dis" in f:
        add(" Admitted ")
        add(c.W("DATE", val=c.facts["adm"][1].get("val"), fmt="mdy"))
        add(", discharged ")
        add(c.W("DATE", val=c.facts["dis"][1].get("val"), fmt="mdy"))
        add(".")
    if "appt" in c.negs:
        add(" Visit moved to ")
        add(Neg("appointment_date", c.negs["appt"][1]))
        add(".")
    if "STREET" in f:
        add(" Address: ")
        add(c.W("STREET"))
        add(", ")
        add(c.W("CITY"))
        add(", %s " % c.p["state"])
        add(c.W("ZIP"))
        add(".")
    elif "ZIP" in f:
        add(" ZIP ")
        add(c.W("ZIP"))
        add(".")
    if "PHONE" in f:
        add(" Callback ")
        add(c.W("PHONE", fmt=c.ch(["paren", "dash"])))
        add(".")
    if "EMAIL" in f:
        add(" Email ")
        add(c.W("EMAIL"))
        add(".")
    if "ref" in c.negs:
        add(" Reference ")
        add(Neg("confirmation_number", c.negs["ref"][1]))
        add(".")
    if "order" in c.negs:
        add(" Order ")
        add(Neg("order_number", c.negs["order"][1]))
        add(".")
    if "kit" in c.negs:
        add(" Kit ")
        add(Neg("kit_number", c.negs["kit"][1]))
        add(".")
    return segs


def structured(c):
    f = c.facts
    d = collections.OrderedDict()
    d["patient_name"] = [c.W("NAME")]
    if "DOB" in f:
        d["date_of_birth"] = [c.W("DOB", fmt="iso")]
    if "MRN" in f:
        d["mrn"] = [c.W("MRN")]
    if "PHONE" in f:
        d["callback_number"] = [c.W("PHONE", fmt="e164")]
    if "EMAIL" in f:
        d["email"] = [c.W("EMAIL")]
    if "ZIP" in f:
        d["zip"] = [c.W("ZIP")]
    if "SSN" in f and not f["SSN"][1].get("last4"):
        d["ssn"] = [c.W("SSN")]
    if "MBI" in f:
        d["medicare_id"] = [c.W("MBI")]
    if "MEMBER_ID" in f:
        d["member_id"] = [c.W("MEMBER_ID")]
    if "protocol" in c.negs:
        d["protocol"] = [Neg("protocol_number", c.negs["protocol"][1])]
    if "nct" in c.negs:
        d["nct_id"] = [Neg("study_id", c.negs["nct"][1])]
    if "subject" in c.negs:
        d["subject_id"] = [Neg("study_id", c.negs["subject"][1])]
    if "kit" in c.negs:
        d["kit_number"] = [Neg("kit_number", c.negs["kit"][1])]
    if "ref" in c.negs:
        d["reference_number"] = [Neg("confirmation_number", c.negs["ref"][1])]
    d["call_type"] = c.kind
    return d


# ----------------------------------------------------------------------------- serialisation
MA, MB, MC = "\ue000", "\ue001", "\ue002"


class Reg:
    def __init__(self):
        self.items = []

    def seg(self, segs, style):
        out = []
        for s in segs:
            if isinstance(s, (Span, Neg)):
                self.items.append(s)
                out.append("%s%d%s%s%s" % (MA, len(self.items) - 1, MB, s.text, MC))
            else:
                out.append(style_plain(s, style))
        return "".join(out)


def finish(marked, items):
    """Strip markers; return text, spans, negatives with byte offsets."""
    spans, negs = [], []
    out = []
    pos = 0
    i = 0
    while i < len(marked):
        chx = marked[i]
        if chx == MA:
            j = marked.index(MB, i)
            k = marked.index(MC, j)
            idx = int(marked[i + 1:j])
            val = marked[j + 1:k]
            b = val.encode("utf-8")
            it = items[idx]
            if isinstance(it, Span):
                spans.append({"start": pos, "end": pos + len(b), "entity": it.entity, "spoken": it.spoken,
                              "cue": it.cue, "form": it.form, "norm": it.norm})
            else:
                negs.append({"start": pos, "end": pos + len(b), "what": it.what})
            out.append(val)
            pos += len(b)
            i = k + 1
        else:
            out.append(chx)
            pos += len(chx.encode("utf-8"))
            i += 1
    return "".join(out), spans, negs


def clean_line(s):
    s = re.sub(r" {2,}", " ", s)
    s = re.sub(r" ([,.?!])", r"\1", s)
    return s.strip()


def clean_marked(s):
    # tidy spacing around markers without touching marked values
    s = re.sub(r" {2,}", " ", s)
    s = re.sub(r" (?=[,.?!])", "", s)
    return s.strip()


def render_turns(c, reg, labels, stamp):
    lines = []
    t = c.rng.randint(0, 5)
    for role, segs in c.turns:
        body = clean_marked(reg.seg(segs, c.style))
        body = re.sub(r"^[,. ]+", "", body)
        if c.style != "lower" and body[:1].islower():
            body = body[0].upper() + body[1:]
        if not body:
            body = "okay" if c.style == "lower" else "Okay."
        lab = labels[{"A": 0, "P": 1, "C": 2, "S": 3}[role]]
        pre = ""
        if stamp:
            pre = "[%02d:%02d:%02d] " % (t // 3600, (t // 60) % 60, t % 60)
            t += c.rng.randint(2, 14)
        lines.append(pre + lab + " " + body)
    return lines


def build_transcript(c, rec_id):
    reg = Reg()
    if c.kind in KIND_LABELS and c.rng.random() < 0.4:
        labels = KIND_LABELS[c.kind]
    else:
        labels = c.ch(LABEL_SETS)
    if c.style == "lower" and c.rng.random() < 0.6:
        labels = c.ch([("[coordinator]", "[patient]", "[caregiver]", "[ivr]"), ("[agent]", "[caller]", "[family]", "[system]"),
                       ("[doctor]", "[patient]", "[patient_family]", "[system]")])
    stamp = c.rng.random() < 0.3
    lines = render_turns(c, reg, labels, stamp)
    text, spans, negs = finish("\n".join(lines), reg.items)
    return {"id": rec_id, "format": "transcript", "kind": "transcript_" + c.kind, "text": text,
            "spans": spans, "negatives": negs}


def turn_text(c, reg, segs):
    body = clean_marked(reg.seg(segs, c.style))
    body = re.sub(r"^[,. ]+", "", body)
    if c.style != "lower" and body[:1].islower():
        body = body[0].upper() + body[1:]
    return body or "Okay."


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def build_json(c, rec_id, profile):
    reg = Reg()
    rng = c.rng
    sm = reg.seg(summary_segs(c), "plain")
    st = collections.OrderedDict()
    for k, v in structured(c).items():
        st[k] = v if isinstance(v, str) else reg.seg(v, "plain")
    role_map = {"A": "agent", "P": "user", "C": "user", "S": "agent"}
    turns = [(role_map[r_], turn_text(c, reg, segs)) for r_, segs in c.turns]
    # a second pass over the turns for the flat transcript (values repeated -> spans again)
    flat = [(role_map[r_], turn_text(c, reg, segs)) for r_, segs in c.turns]
    dur = 0.0
    times = []
    for _ in turns:
        st0 = dur
        dur += rng.uniform(1.5, 9.0)
        times.append((round(st0, 2), round(dur, 2)))
    phone_e164 = None
    if profile in ("vapi", "retell", "signalwire"):
        phone_e164 = reg.seg([c.W("PHONE", fmt="e164")], "plain")
    if profile == "vapi":
        obj = {"message": {
            "type": "end-of-call-report", "endedReason": "customer-ended-call",
            "call": {"id": "%s-%s-%s" % (hexid(rng, 8), hexid(rng, 4), hexid(rng, 12)), "type": "inboundPhoneCall",
                     "customer": {"number": phone_e164}},
            "artifact": {
                "transcript": "\n".join(("AI: " if r_ == "agent" else "User: ") + t for r_, t in flat),
                "messages": [{"role": "bot" if r_ == "agent" else "user", "message": t, "time": 1760000000000 + int(a * 1000),
                              "secondsFromStart": a} for (r_, t), (a, b) in zip(turns, times)]},
            "analysis": {"summary": sm, "structuredData": st, "successEvaluation": "true"},
            "durationSeconds": round(dur, 1)}}
    elif profile == "retell":
        obj = {"event": "call_analyzed", "call": {
            "call_id": "call_" + hexid(rng, 28), "agent_id": "agent_" + hexid(rng, 24), "call_type": "phone_call",
            "direction": rng.choice(["inbound", "outbound"]), "from_number": phone_e164, "call_status": "ended",
            "start_timestamp": 1760000000000 + rng.randint(0, 9999999), "duration_ms": int(dur * 1000),
            "transcript": "\n".join(("Agent: " if r_ == "agent" else "User: ") + t for r_, t in flat),
            "transcript_object": [{"role": r_, "content": t} for r_, t in turns],
            "call_analysis": {"call_summary": sm, "user_sentiment": rng.choice(["Neutral", "Positive"]),
                              "call_successful": True, "custom_analysis_data": st}}}
    elif profile == "signalwire":
        obj = {"app_name": "research_line", "call_id": "%s-%s-%s" % (hexid(rng, 8), hexid(rng, 4), hexid(rng, 12)),
               "caller_id_num": phone_e164, "caller_id_name": "WIRELESS CALLER", "content_type": "text/swaig",
               "post_prompt_data": {"raw": sm, "substituted": "", "parsed": [st]},
               "call_log": [{"role": "system", "content": "You are a scheduling assistant for a clinical research site."}] +
                           [{"role": "assistant" if r_ == "agent" else "user", "content": t} for r_, t in turns],
               "total_minutes": round(dur / 60.0, 2)}
    elif profile == "deepgram":
        obj = {"metadata": {"request_id": "%s-%s-%s" % (hexid(rng, 8), hexid(rng, 4), hexid(rng, 12)),
                            "created": "2025-%02d-%02dT%02d:%02d:%02d.000Z" % (c.today.month, c.today.day, rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59)),
                            "duration": round(dur, 3), "channels": 1, "models": [hexid(rng, 8)]},
               "results": {"channels": [{"alternatives": [{"transcript": " ".join(t for _, t in flat), "confidence": round(rng.uniform(0.9, 0.99), 4)}]}],
                           "utterances": [{"start": a, "end": b, "confidence": round(rng.uniform(0.8, 0.99), 4), "channel": 0,
                                           "speaker": 0 if r_ == "agent" else 1, "transcript": t}
                                          for (r_, t), (a, b) in zip(turns, times)],
                           "summary": {"result": "success", "short": sm}}}
    else:  # transcribe
        obj = {"jobName": "research-call-" + hexid(rng, 10), "accountId": "1234567890", "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": " ".join(t for _, t in flat)}],
                           "audio_segments": [{"id": i, "transcript": t, "start_time": "%.2f" % a, "end_time": "%.2f" % b,
                                               "speaker_label": "spk_0" if r_ == "agent" else "spk_1", "items": []}
                                              for i, ((r_, t), (a, b)) in enumerate(zip(turns, times))]},
               "summary": sm, "extracted": st}
    marked = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text, spans, negs = finish(marked, reg.items)
    return {"id": rec_id, "format": "json", "profile": profile, "kind": "json_%s_%s" % (profile, c.kind), "text": text,
            "spans": spans, "negatives": negs}


def generate(seed, n):
    rng = random.Random(seed)
    recs = []
    n_json = int(round(n * 0.45))
    fmts = ["json"] * n_json + ["transcript"] * (n - n_json)
    rng.shuffle(fmts)
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    n_done_json = 0
    for i in range(n):
        kind, fn = rng.choices(SCENARIOS, weights=SC_WEIGHTS)[0]
        fmt = fmts[i]
        style = rng.choices(["lower", "plain", "smart"], weights=[36, 36, 28])[0]
        sub = random.Random(rng.getrandbits(64))
        c = Call(sub, style, kind)
        fn(c)
        rid = "h38-%05d" % (i + 1)
        if fmt == "transcript":
            recs.append(build_transcript(c, rid))
        else:
            recs.append(build_json(c, rid, profiles[n_done_json % 5]))
            n_done_json += 1
    return recs


# ----------------------------------------------------------------------------- checking
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENNUM = {w: i * 10 for i, w in enumerate(TENS) if w}
ORDNUM = {w: i for i, w in enumerate(ORD_ONES) if w}
ORDNUM.update({w: 10 + i for i, w in enumerate(ORD_TEENS)})
ORDNUM.update({"twentieth": 20, "thirtieth": 30})
NATO_REV = {v: k for k, v in NATO.items()}
FILLERS = {"uh", "um", "and", "then", "dash", "hyphen", "slash"}


def decode_alnum(text, letters_ok=True):
    toks = re.findall(r"[a-z]+(?:-[a-z]+)*|\d+", text.lower().replace("x-ray", "xray"))
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple"):
            w = toks[i + 1]
            out.append(str(WORDNUM[w]) * (2 if t == "double" else 3))
            i += 1
        elif t in WORDNUM:
            out.append(str(WORDNUM[t]))
        elif t in TEENNUM:
            out.append(str(TEENNUM[t]))
        elif t in TENNUM:
            if nxt in WORDNUM and nxt not in ("oh", "o", "zero"):
                out.append(str(TENNUM[t] + WORDNUM[nxt]))
                i += 1
            else:
                out.append(str(TENNUM[t]))
        elif t == "hundred":
            out.append("00")
        elif t in FILLERS:
            pass
        elif t == "as" and nxt == "in":
            i += 2  # skip "as in Word"
        elif letters_ok and t == "xray":
            out.append("x")
        elif letters_ok and t in NATO_REV:
            out.append(NATO_REV[t])
        elif letters_ok and re.fullmatch(r"[a-z](-[a-z])+", t):
            out.append(t.replace("-", ""))
        elif letters_ok and len(t) == 1:
            out.append(t)
        else:
            return None
        i += 1
    return "".join(out)


def decode_letters(text):
    toks = re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower().replace("x-ray", "xray"))
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "as" and i + 1 < len(toks) and toks[i + 1] == "in":
            i += 3
            continue
        if t == "xray":
            out.append("x")
        elif t in NATO_REV:
            out.append(NATO_REV[t])
        elif re.fullmatch(r"[a-z](-[a-z])*", t):
            out.append(t.replace("-", ""))
        else:
            return None
        i += 1
    return "".join(out)


def date_numbers(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    nums, month = [], None
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t in MONTHS:
            month = MONTHS.index(t) + 1
        elif t.isdigit():
            nums.append(int(t))
        elif t in ("st", "nd", "rd", "th", "the", "of", "uh", "and"):
            pass
        elif t == "two" and nxt == "thousand":
            pass
        elif t in ("oh", "zero") and nxt in WORDNUM:
            nums.append(WORDNUM[nxt])
            i += 1
        elif t in WORDNUM:
            nums.append(WORDNUM[t])
        elif t in TEENNUM:
            nums.append(TEENNUM[t])
        elif t in ORDNUM:
            nums.append(ORDNUM[t])
        elif t in TENNUM:
            if nxt in ORDNUM and ORDNUM[nxt] < 10:
                nums.append(TENNUM[t] + ORDNUM[nxt])
                i += 1
            elif nxt in WORDNUM and nxt not in ("oh", "o", "zero"):
                nums.append(TENNUM[t] + WORDNUM[nxt])
                i += 1
            else:
                nums.append(TENNUM[t])
        elif t == "thousand":
            nums.append(2000)
        else:
            return None, None
        i += 1
    return nums, month


def check_value(s, val):
    e, norm, form = s["entity"], s.get("norm", ""), s.get("form", "")
    if e == "SSN":
        if form.startswith("last4"):
            return re.fullmatch(r"\d{4}", norm) and norm != "0000" and decode_alnum(val, False) == norm
        if not re.fullmatch(r"\d{9}", norm):
            return False
        a, g, sr = int(norm[:3]), int(norm[3:5]), int(norm[5:])
        if a == 0 or a == 666 or a >= 900 or g == 0 or sr == 0:
            return False
        return decode_alnum(val, False) == norm
    if e == "PHONE":
        d = decode_alnum(val.replace("(", " ").replace(")", " ").replace("+", " ").replace(".", " ").replace("-", " "), False)
        return bool(re.fullmatch(r"\d{3}55501\d\d", norm)) and d in (norm, "1" + norm)
    if e in ("DOB", "DATE"):
        try:
            dt = datetime.date.fromisoformat(norm)
        except ValueError:
            return False
        if e == "DOB" and not (1900 <= dt.year <= 2025):
            return False
        nums, month = date_numbers(val.replace("/", " ").replace("-", " ").replace(",", " "))
        if nums is None:
            return False
        if form == "written_iso":
            return val == norm
        rest = list(nums)
        if month is None:
            if not rest or rest[0] != dt.month:
                return False
            rest = rest[1:]
        if dt.day not in rest:
            return False
        rest.remove(dt.day)
        if "noyear" in form:
            return not rest
        yy = dt.year % 100
        return rest in ([dt.year], [yy], [dt.year // 100, yy], [2000, yy], [2000]) or (
            dt.year >= 2000 and rest == [2000 + yy]) or (len(rest) == 2 and rest[0] == 2000 and rest[1] == yy)
    if e in ("MRN", "MBI", "MEMBER_ID"):
        d = val.replace("-", "") if not s["spoken"] else decode_alnum(val)
        if d is None or d.upper() != norm:
            return False
        if e == "MBI":
            return bool(re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d", norm))
        return bool(re.fullmatch(r"[A-Z]{0,3}\d{7,9}", norm))
    if e == "NPI":
        return bool(re.fullmatch(r"\d{10}", norm)) and luhn_ok("80840" + norm) and decode_alnum(val, False) == norm
    if e == "ZIP":
        return bool(re.fullmatch(r"\d{5}(\d{4})?", norm)) and norm[:5] != "00000" and decode_alnum(val.replace("-", " "), False) == norm
    if e == "CARD":
        return (len(norm) in (15, 16) and luhn_ok(norm) and decode_alnum(val.replace("-", " "), False) == norm
                and (len(norm) == 16) == (norm[0] != "3"))
    if e == "EMAIL":
        if not re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", norm):
            return False
        if not s["spoken"]:
            return val == norm
        toks = val.lower().split()
        out = []
        for t in toks:
            if t == "dot":
                out.append(".")
            elif t == "at":
                out.append("@")
            elif t == "underscore":
                out.append("_")
            elif t == "dash":
                out.append("-")
            elif t in ONES:
                out.append(str(ONES.index(t)))
            elif re.fullmatch(r"[a-z](-[a-z])+", t):
                out.append(t.replace("-", ""))
            else:
                out.append(t)
        return "".join(out) == norm
    if e == "NAME":
        if not re.fullmatch(r"[A-Za-z][A-Za-z' .,-]*", val):
            return False
        if form.startswith("spelled"):
            return decode_letters(val.replace(",", " ")) == norm.lower()
        return val.lower() == norm.lower()
    if e == "STREET":
        low = val.lower()
        return any(sf[0].lower() in low or sf[1].lower() in low for sf in SUFFIX) and (
            re.search(r"\d", val) or any(w in low.split() for w in ONES + TEENS + TENS[2:]))
    if e == "CITY":
        return val.lower() == norm.lower() and any(norm == cc[0] for cc in CITIES)
    return False


def json_string_ranges(raw_bytes):
    """Byte ranges of the contents of every JSON string token."""
    out = []
    i, n = 0, len(raw_bytes)
    while i < n:
        if raw_bytes[i] == 0x22:
            j = i + 1
            while raw_bytes[j] != 0x22:
                j += 2 if raw_bytes[j] == 0x5C else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


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
            if not (8 <= len(lines) <= 40):
                errs.append("%s: %d turns" % (rid, len(lines)))
            for ln in lines:
                if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z_]+\]|[A-Za-z][A-Za-z0-9_ ]*:) \S", ln):
                    errs.append("%s: bad line %r" % (rid, ln[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank/trailing newline" % rid)
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
            strs = json_string_ranges(b)
        else:
            errs.append("%s: format" % rid)
        ivs = []
        for s in r["spans"]:
            if not (0 <= s["start"] < s["end"] <= len(b)):
                errs.append("%s: span range" % rid)
                continue
            val = b[s["start"]:s["end"]].decode("utf-8")
            if val != val.strip() or not val:
                errs.append("%s: span whitespace %r" % (rid, val))
            if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                errs.append("%s: cue/spoken" % rid)
            if not check_value(s, val):
                errs.append("%s: bad %s value %r (%s, norm %s)" % (rid, s["entity"], val, s["form"], s.get("norm")))
            if r["format"] == "json" and not any(a <= s["start"] and s["end"] <= z for a, z in strs):
                errs.append("%s: span outside JSON string" % rid)
            ivs.append((s["start"], s["end"], "span"))
        for ng in r["negatives"]:
            if not (0 <= ng["start"] < ng["end"] <= len(b)):
                errs.append("%s: neg range" % rid)
                continue
            val = b[ng["start"]:ng["end"]].decode("utf-8")
            if val != val.strip() or not val:
                errs.append("%s: neg whitespace %r" % (rid, val))
            if r["format"] == "json" and not any(a <= ng["start"] and ng["end"] <= z for a, z in strs):
                errs.append("%s: negative outside JSON string" % rid)
            ivs.append((ng["start"], ng["end"], "neg"))
        ivs.sort()
        for (a1, z1, k1), (a2, z2, k2) in zip(ivs, ivs[1:]):
            if a2 < z1:
                errs.append("%s: overlap %s/%s at %d" % (rid, k1, k2, a2))
    return errs


def stats(records):
    by = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    negs = collections.Counter()
    kinds = collections.Counter()
    fmts = collections.Counter()
    ents = collections.Counter()
    for r in records:
        kinds[r["kind"]] += 1
        fmts[r["format"] + ("/" + r["profile"] if r.get("profile") else "")] += 1
        for s in r["spans"]:
            by[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
            ents[s["entity"]] += 1
            forms[s["entity"]][s["form"]] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    out = ["records: %d (%s)" % (len(records), ", ".join("%s %d" % kv for kv in sorted(fmts.items())))]
    out.append("spans: %d; negatives: %d" % (sum(ents.values()), sum(negs.values())))
    out.append("")
    out.append("| entity | total | spoken same | spoken prev | spoken none | written same | written prev | written none |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for e in sorted(ents):
        row = [str(ents[e])] + [str(by[(e, sp, cu)]) for sp in ("spoken", "written") for cu in ("same", "prev", "none")]
        out.append("| %s | %s |" % (e, " | ".join(row)))
    out.append("")
    out.append("forms:")
    for e in sorted(forms):
        out.append("  %s: %s" % (e, ", ".join("%s %d" % kv for kv in sorted(forms[e].items()))))
    out.append("")
    out.append("negatives: " + ", ".join("%s %d" % kv for kv in sorted(negs.items())))
    out.append("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    if a.check:
        recs = []
        for path in a.check:
            with open(path, encoding="utf-8") as f:
                recs.extend(json.loads(line) for line in f if line.strip())
        errs = check(recs)
        for e in errs[:50]:
            print("ERROR", e, file=sys.stderr)
        print(stats(recs))
        if errs:
            print("%d errors" % len(errs), file=sys.stderr)
            sys.exit(1)
        print("check: OK (%d records)" % len(recs))
        return
    recs = generate(a.seed, a.n)
    if a.stats:
        print(stats(recs))
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
