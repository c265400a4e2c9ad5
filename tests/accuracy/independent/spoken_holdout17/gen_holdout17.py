#!/usr/bin/env python3
"""Holdout 17: healthcare phone calls (voice agents, provider offices, pharmacy lines,
telehealth intake, caregivers) as ASR engines write them, plus vendor JSON payloads.
All PHI is fictitious. Standard library only; deterministic for a seed.

  gen_holdout17.py [--seed S] [--n COUNT] > holdout17.jsonl
  gen_holdout17.py --stats
  gen_holdout17.py --check holdout17.jsonl
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

DEFAULT_SEED = 20261217
OPEN, NOPEN, MID, CLOSE = "\ue000", "\ue003", "\ue002", "\ue001"

# ---------------------------------------------------------------- word tables
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD = ("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
       "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
        "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
        "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
        "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
        "Y": "yankee", "Z": "zulu"}
ASIN = {"A": ["apple", "adam"], "B": ["boy", "bob"], "C": ["cat", "charlie"], "D": ["david", "dog"],
        "E": ["edward", "echo"], "F": ["frank", "fox"], "G": ["george", "green"],
        "H": ["henry", "house"], "J": ["john", "jack"], "K": ["king", "kite"], "L": ["larry", "lion"],
        "M": ["mary", "mike"], "N": ["nancy", "nora"], "P": ["peter", "paul"], "Q": ["queen"],
        "R": ["robert", "red"], "S": ["sam", "sugar"], "T": ["tom", "tango"],
        "U": ["umbrella"], "V": ["victor", "violet"], "W": ["william", "water"],
        "X": ["x-ray"], "Y": ["yellow"], "Z": ["zebra"], "I": ["ida"], "O": ["ocean"]}

FIRST = ("dana marcus priya tomasz lucia gareth imani ronan beatriz kenji olivia desmond farah "
         "hollis nadia ezra camille wendell rosalind thiago maren cyrus delphine otis yusra "
         "leland marisol quentin ines bertram soraya emmett juniper anselm keziah florian "
         "philippa jorge wanda conrad tamsin ruben heloise darnell greta ignatius lorena").split()
LAST = ("reyes kowalski okafor lindqvist haddad brannigan ferreira nakamura castellanos "
        "whitlock abernathy moreau szabo delacroix petrov oyelaran mcallister vantongeren "
        "hargrove quintero albescu thorvaldsen ruiz-patel okonkwo fairbanks dubois iwasaki "
        "esposito gallagher novak sandoval achterberg bellweather kasprzak marchetti "
        "pemberton yilmaz obuya carrington lefebvre".split())
AGENTS = ["ava", "sam", "jordan", "riley", "maya", "leo", "nora", "casey"]
CITIES = ["san leandro", "overland park", "fort collins", "cedar rapids", "round rock",
          "chula vista", "ann arbor", "boise", "chattanooga", "santa fe", "grand rapids",
          "st paul", "fall river", "el paso", "toledo", "west covina", "spokane", "new haven",
          "baton rouge", "flagstaff", "eau claire", "lake charles", "yonkers", "tacoma"]
STREETS = ["elm", "magnolia", "birchwood", "harbor view", "juniper", "old mill", "wexford",
           "kessler", "sycamore", "lindell", "prairie wind", "calloway", "fenwick", "marigold"]
SUFFIX = [("street", "St."), ("avenue", "Ave."), ("drive", "Dr."), ("lane", "Ln."),
          ("court", "Ct."), ("road", "Rd."), ("boulevard", "Blvd."), ("way", "Way")]
AREAS = ["415", "312", "617", "503", "704", "919", "480", "205", "614", "971", "818", "series"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com",
           "comcast.net", "proton.me"]
DRUGS = [("lisinopril", "ten milligrams"), ("metformin", "five hundred milligrams"),
         ("atorvastatin", "forty milligrams"), ("sertraline", "fifty milligrams"),
         ("levothyroxine", "seventy five micrograms"), ("amlodipine", "five milligrams"),
         ("losartan", "twenty five milligrams"), ("omeprazole", "twenty milligrams"),
         ("gabapentin", "three hundred milligrams"), ("eliquis", "five milligrams")]
PLANS = ["blue ridge health", "northstar care", "evergreen mutual", "summit health plan",
         "crescent medicare advantage", "harborview choice"]
PROCS = ["an mri of the lumbar spine", "a ct of the abdomen", "a sleep study",
         "physical therapy twelve visits", "a knee arthroscopy", "an echocardiogram",
         "a continuous glucose monitor", "a cpap machine", "an upper endoscopy"]


def say_num(n):
    """0..99 in words."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else " " + ONES[o])


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.meta = []       # marker metadata
        self.load_carrier()

    # ------------------------------------------------------------ carrier lines
    def load_carrier(self):
        self.carrier = []
        self.carrier_src = collections.Counter()
        self.carrier_used = []
        base = os.environ.get("CARRIER_DIR", "/work/shared/carrier-sources")
        here = os.path.dirname(os.path.abspath(__file__))
        for cand in (base, os.path.join(here, "../../../../../shared/carrier-sources")):
            if os.path.isdir(cand):
                base = cand
                break
        csv.field_size_limit(10 ** 9)
        bad = re.compile(r"\d|\b(mr|mrs|ms|miss|dr|doctor [a-z]+|name|born|birthday|years? old|"
                         r"address|phone|number|insurance|social)\b", re.I)
        dialogues = []
        try:
            for fname in ("valid_aci_asr.csv", "test1_aci_asr.csv", "test2_aci_asr.csv", "test3_aci_asr.csv"):
              with open(os.path.join(base, "aci-bench", fname), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    turns = []
                    for l in row["dialogue"].split("\n"):
                        m = re.match(r"\[(doctor|patient)\] (.*)", l.strip())
                        turns.append((m.group(1), m.group(2).strip()) if m else ("other", l))
                    dialogues.append(("aci", turns))
            with open(os.path.join(base, "mts-dialog/MTS-Dialog-TrainingSet.csv"), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    turns = []
                    for l in row["dialogue"].split("\n"):
                        m = re.match(r"(Doctor|Patient|Guest_family|Guest_clinician): ?(.*)", l.strip())
                        if m:
                            turns.append((m.group(1).lower(), m.group(2).strip()))
                        elif l.strip():
                            turns.append(("other", l.strip()))
                    dialogues.append(("mts", turns))
        except OSError:
            dialogues = []
        # words seen in few dialogues (names, places) rule a line out
        df = collections.Counter()
        for _, turns in dialogues:
            df.update({w for _, t in turns for w in re.findall(r"[a-z']+", t.lower())})

        def ok(t):
            if not 5 < len(t) < 150 or bad.search(t):
                return False
            if re.search(r"\b(hey|hi|hello|thanks|thank you),? [a-z]+\b", t.lower()) and not re.search(r"\b(hi|hello|hey),? (there|doctor|doc|ma'am|sir)\b", t.lower()):
                return False
            return all(df[w] >= 8 for w in re.findall(r"[a-z']+", t.lower()))

        pairs = []
        for src, turns in dialogues:
            k = 0
            while k + 1 < len(turns):
                run = []
                j = k
                while (j + 1 < len(turns) and turns[j][0] == "doctor" and turns[j + 1][0] == "patient"
                       and ok(turns[j][1]) and ok(turns[j + 1][1])):
                    run.append((turns[j][1], turns[j + 1][1]))
                    j += 2
                if run:
                    pairs.append((src, run))
                    k = j
                else:
                    k += 1
        self.carrier = pairs

    def filler(self, k):
        if not self.carrier:
            return []
        out = []
        if k == 0:
            return out
        aci = [p for p in self.carrier if p[0] == "aci"]
        src, run = self.r.choice(aci if aci and self.r.random() < 0.45 else self.carrier)
        self.carrier_src[src] += 1
        self.carrier_used.append(run)
        st = self.r.randrange(len(run))
        for q, a in run[st:st + k]:
            out.append(("A", q))
            out.append(("U", a))
        return out

    # ------------------------------------------------------------ markers
    def mark(self, text, entity, spoken, cue, form, value):
        self.meta.append({"entity": entity, "spoken": spoken, "cue": cue, "form": form,
                          "value": value})
        return "%s%d%s%s%s" % (OPEN, len(self.meta) - 1, MID, text, CLOSE)

    def neg(self, text, what):
        self.meta.append({"what": what})
        return "%s%d%s%s%s" % (NOPEN, len(self.meta) - 1, MID, text, CLOSE)

    def recue(self, marked, cue):
        """Same rendering with another cue (read-backs, repeats)."""
        def sub(m):
            d = dict(self.meta[int(m.group(2))])
            d["cue"] = cue
            self.meta.append(d)
            return "%s%d%s" % (m.group(1), len(self.meta) - 1, MID)
        return re.sub("([%s%s])(\\d+)%s" % (OPEN, NOPEN, MID), sub, marked)

    # ------------------------------------------------------------ values
    def ssn(self):
        r = self.r
        a = r.choice([x for x in range(1, 900) if x != 666])
        return "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))

    def phone(self):
        a = self.r.choice(AREAS[:-1])
        return a + "555" + "01%02d" % self.r.randint(0, 99)

    def npi(self):
        base = "1" + "".join(self.r.choice("0123456789") for _ in range(8))
        return base + str(luhn_digit("80840" + base))

    def card(self):
        pre = self.r.choice(["411111", "424242", "555555", "222300", "601111", "378282"])
        n = 15 if pre == "378282" else 16
        body = pre + "".join(self.r.choice("0123456789") for _ in range(n - len(pre) - 1))
        return body + str(luhn_digit(body))

    def mbi(self):
        r = self.r
        A = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        s = r.choice("123456789") + r.choice(A) + r.choice(A + N) + r.choice(N) + r.choice(A) + \
            r.choice(A + N) + r.choice(N) + r.choice(A) + r.choice(A) + r.choice(N) + r.choice(N)
        return s

    def member_id(self):
        r = self.r
        k = r.random()
        L = "ABCDEFGHJKMNPRTUVWXYZ"
        if k < 0.4:
            return "".join(r.choice(L) for _ in range(3)) + "".join(r.choice("0123456789") for _ in range(9))
        if k < 0.7:
            return r.choice(L) + "".join(r.choice("0123456789") for _ in range(9))
        return "".join(r.choice(L) for _ in range(2)) + "".join(r.choice("0123456789") for _ in range(8))

    def mrn(self):
        n = self.r.choice([7, 8, 8, 9])
        return self.r.choice("123456789") + "".join(self.r.choice("0123456789") for _ in range(n - 1))

    def zip5(self):
        return "%05d" % self.r.randint(1001, 99950)

    def dob(self, lo=1931, span=74):
        d = datetime.date(lo, 1, 1) + datetime.timedelta(days=self.r.randint(0, span * 365))
        return d

    def recent(self):
        return datetime.date(2025, 1, 1) + datetime.timedelta(days=self.r.randint(0, 600))

    def name(self):
        return self.r.choice(FIRST), self.r.choice(LAST)

    # ------------------------------------------------------------ renderings
    def digit_word(self, d, zero):
        return zero if d == "0" else ONES[int(d)]

    def words_group(self, g, zero, dbl=True):
        out = []
        i = 0
        while i < len(g):
            d = g[i]
            run = 1
            while i + run < len(g) and g[i + run] == d:
                run += 1
            w = self.digit_word(d, zero)
            if dbl and run >= 3 and self.r.random() < 0.6:
                out.append("triple " + w)
                i += 3
            elif dbl and run >= 2 and self.r.random() < 0.6:
                out.append("double " + w)
                i += 2
            else:
                out.append(w)
                i += 1
        return " ".join(out)

    def pair_group(self, g):
        """'2140' -> 'twenty one forty', '0132' -> 'oh one thirty two'."""
        out = []
        for i in range(0, len(g), 2):
            p = g[i:i + 2]
            if len(p) == 1:
                out.append(ONES[int(p)])
            elif p == "00" and i > 0:
                out.append("hundred")
            elif p[0] == "0":
                out.append("oh " + (ONES[int(p[1])] if p[1] != "0" else "oh"))
            else:
                out.append(say_num(int(p)))
        return " ".join(out)

    def render_digits(self, s, groups, mode, seps=None):
        """mode: words | pairs | mixed | digits | smart. Returns (text, spoken, form)."""
        r = self.r
        parts = []
        i = 0
        for n in groups:
            parts.append(s[i:i + n])
            i += n
        zero = r.choice(["oh", "oh", "zero", "o"])
        if seps is None:
            seps = r.choice([" ", " ", ", ", " ... ", " uh ", " um "])
        forms = []
        out = []
        for k, g in enumerate(parts):
            if mode == "words":
                out.append(self.words_group(g, zero))
                forms.append("w")
            elif mode == "pairs":
                if len(g) in (2, 4) and r.random() < 0.8:
                    out.append(self.pair_group(g))
                    forms.append("p")
                else:
                    out.append(self.words_group(g, zero))
                    forms.append("w")
            elif mode == "mixed":
                if r.random() < 0.5:
                    out.append(g)
                    forms.append("d")
                else:
                    out.append(self.words_group(g, zero))
                    forms.append("w")
            else:
                out.append(g)
                forms.append("d")
        if mode == "mixed" and set(forms) == {"d"}:
            out[0] = self.words_group(parts[0], zero)
            forms[0] = "w"
        if mode == "mixed" and set(forms) == {"w"}:
            out[-1] = parts[-1]
            forms[-1] = "d"
        text = seps.join(out) if mode != "smart" else None
        spoken = mode not in ("digits", "smart")
        sepname = {" ": "space", ", ": "comma", " ... ": "pause", " uh ": "uh", " um ": "um",
                   "-": "dash"}.get(seps, "sep")
        return text, spoken, "%s_%s_%s" % (mode, zero if spoken else "num", sepname)

    def r_phone(self, v, style):
        if style == "smart":
            f = self.r.choice(["(%s) %s-%s", "%s-%s-%s", "%s %s %s"])
            return f % (v[:3], v[3:6], v[6:]), False, "written_phone"
        mode = self.r.choice(["words", "words", "pairs", "mixed", "digits"])
        t, sp, f = self.render_digits(v, [3, 3, 4], mode)
        return t, sp, f

    def r_ssn(self, v, style):
        if style == "smart":
            return "%s-%s-%s" % (v[:3], v[3:5], v[5:]), False, "written_ssn"
        mode = self.r.choice(["words", "words", "mixed", "pairs", "digits"])
        return self.render_digits(v, [3, 2, 4], mode)

    def r_long(self, v, style, groups):
        if style == "smart":
            if self.r.random() < 0.5:
                return v, False, "written_plain"
            return self.render_digits(v, groups, "digits", seps=self.r.choice([" ", "-"]))
        mode = self.r.choice(["words", "words", "mixed", "pairs", "digits"])
        return self.render_digits(v, groups, mode)

    def r_alnum(self, v, style):
        """Letters spelled (NATO, 'as in', plain) + digits."""
        r = self.r
        letters = re.match(r"[A-Z]*", v).group(0)
        digits = v[len(letters):]
        lmode = r.choice(["nato", "asin", "plain", "plain"])
        if style == "smart" and r.random() < 0.5:
            return v, False, "written_alnum"
        ls = []
        for c in letters:
            if lmode == "nato":
                ls.append(NATO[c])
            elif lmode == "asin":
                ls.append("%s as in %s" % (c.lower(), r.choice(ASIN[c])))
            else:
                ls.append(c.lower() if style != "smart" else c)
        lsep = ", " if lmode == "asin" and style != "aws" else " "
        lt = lsep.join(ls)
        if style == "smart":
            g = [3, 3, len(digits) - 6] if len(digits) > 6 else [len(digits)]
            dt, _, _ = self.render_digits(digits, g, "digits", seps=" ")
            return lt + " " + dt, lmode != "plain", "alnum_%s_digits" % lmode
        groups = [3, 3, len(digits) - 6] if len(digits) > 7 else [len(digits)]
        mode = r.choice(["words", "mixed", "pairs", "digits"])
        dt, _, f = self.render_digits(digits, groups, mode)
        return lt + r.choice([" ", " ", " ... "]) + dt, True, "alnum_%s_%s" % (lmode, f)

    def r_mbi(self, v, style):
        r = self.r
        if style == "smart" and r.random() < 0.5:
            return (v if r.random() < 0.5 else "%s-%s-%s" % (v[:4], v[4:7], v[7:])), False, "written_mbi"
        lmode = r.choice(["nato", "asin", "plain"])
        out = []
        for c in v:
            if c.isdigit():
                out.append(c if style == "smart" else ONES[int(c)])
            elif lmode == "nato":
                out.append(NATO[c])
            elif lmode == "asin":
                out.append("%s as in %s" % (c.lower(), r.choice(ASIN[c])))
            else:
                out.append(c.lower())
        sep = r.choice([" ", " "]) if lmode != "asin" else r.choice([" ", ", "])
        if style == "aws":
            sep = " "
        t = ""
        for k, w in enumerate(out):
            t += w
            if k < len(out) - 1:
                t += " ... " if k in (3, 6) and r.random() < 0.4 else sep
        return t, True, "mbi_%s" % lmode

    def r_date(self, d, style, year=True):
        r = self.r
        m, day, y = d.month, d.day, d.year
        if style == "smart":
            k = r.choice(["mdy", "mdy_pad", "long", "long_th"])
            if k == "mdy":
                return "%d/%d/%d" % (m, day, y), False, "written_mdy"
            if k == "mdy_pad":
                return "%02d/%02d/%d" % (m, day, y), False, "written_mdy_pad"
            if k == "long":
                return "%s %d, %d" % (MONTHS[m - 1], day, y), False, "written_long"
            return "%s %d%s %d" % (MONTHS[m - 1], day, th(day), y), False, "written_long_th"
        yw = self.year_words(y)
        k = r.choice(["month_ord", "month_ord", "the_d_of_m", "num_mdy", "num_mdy_pairs", "month_num", "mixed"])
        mon = MONTHS[m - 1].lower()
        if k == "month_ord":
            return "%s %s %s" % (mon, ordinal(day), yw), True, "month_ord_year"
        if k == "the_d_of_m":
            return "the %s of %s %s" % (ordinal(day), mon, yw), True, "the_d_of_m"
        if k == "num_mdy":
            z = r.choice(["oh", "zero"])
            mm = ("%s %s" % (z, ONES[m])) if m < 10 and r.random() < 0.6 else say_num(m)
            dd = ("%s %s" % (z, ONES[day])) if day < 10 and r.random() < 0.6 else say_num(day)
            return "%s %s %s" % (mm, dd, yw), True, "num_mdy"
        if k == "num_mdy_pairs":
            return "%s %s %s" % (say_num(m), say_num(day), say_num(y % 100) if y % 100 >= 10 else "oh " + ONES[y % 10]), True, "num_mdy_short"
        if k == "month_num":
            return "%s %s %s" % (mon, say_num(day), yw), True, "month_card_year"
        return "%s %d%s %d" % (mon, day, th(day), y), True, "mixed_month_numth"

    def year_words(self, y):
        r = self.r
        if y < 2000:
            if r.random() < 0.3:
                return say_num(y % 100)
            return "nineteen " + say_num(y % 100)
        if y < 2010:
            return r.choice(["two thousand " + ONES[y % 10], "two thousand and " + ONES[y % 10]])
        return "twenty " + say_num(y % 100)

    def r_email(self, user, dom, style):
        r = self.r
        if style == "smart" and r.random() < 0.7:
            return "%s@%s" % (user, dom), False, "written_email"
        k = r.choice(["dot_at", "spell_user", "spell_nato"])
        dname, tld = dom.rsplit(".", 1)
        def userwords(u):
            u = u.replace(".", " dot ").replace("_", " underscore ")
            u = re.sub(r"(\d+)", lambda m: " " + " ".join(ONES[int(c)] for c in m.group(1)) + " ", u)
            return re.sub(" +", " ", u).strip()
        if k == "dot_at":
            return "%s at %s dot %s" % (userwords(user), dname, tld), True, "email_words"
        if k == "spell_user":
            sp = " ".join(c if c.isalpha() else {"." : "dot", "_": "underscore"}.get(c, ONES[int(c)] if c.isdigit() else c) for c in user)
            return "%s at %s dot %s" % (sp, dname, tld), True, "email_spelled"
        first = re.match(r"[a-z]+", user).group(0)
        sp = " ".join(NATO[c.upper()] for c in first)
        return re.sub(" +", " ", "%s %s at %s dot %s" % (sp, userwords(user[len(first):]), dname, tld)), True, "email_nato_first"

    def r_name(self, fn, ln, style, part="full", spell=None):
        if part == "first":
            t = fn
        elif part == "last":
            t = ln
        else:
            t = fn + " " + ln
        if style != "aws":
            t = " ".join(w.capitalize() for w in t.split(" "))
            t = "-".join(p[:1].upper() + p[1:] for p in t.split("-"))
        return t

    def spell_name(self, w, style):
        r = self.r
        k = r.choice(["plain", "nato", "asin"])
        letters = [c for c in w if c.isalpha()]
        if k == "plain":
            sep = r.choice([" ", " ", "-"]) if style != "aws" else " "
            return sep.join(c if style == "aws" else c.upper() for c in letters), "spelled_plain"
        if k == "nato":
            return " ".join(NATO[c.upper()] for c in letters), "spelled_nato"
        return (", " if style != "aws" else " ").join(
            "%s as in %s" % (c if style == "aws" else c.upper(), r.choice(ASIN[c.upper()])) if i % 2 == 0 or len(letters) < 5 else (c if style == "aws" else c.upper())
            for i, c in enumerate(letters)), "spelled_as_in"

    def r_street(self, style):
        r = self.r
        num = r.randint(12, 9899)
        st = r.choice(STREETS)
        suf = r.choice(SUFFIX)
        unit = r.random() < 0.3
        u = r.choice(["4b", "12", "207", "3c"])
        if style == "smart":
            t = "%d %s %s" % (num, st.title(), suf[1] if r.random() < 0.5 else suf[0].title())
            if unit:
                t += ", Apt %s" % u.upper()
            return t, False, "written_street", t
        if num >= 1000 and r.random() < 0.6:
            ns = self.pair_group(str(num)) if len(str(num)) == 4 else ONES[int(str(num)[0])] + " " + self.pair_group(str(num)[1:])
        elif r.random() < 0.5:
            ns = " ".join(ONES[int(c)] for c in str(num))
        else:
            ns = str(num)
        t = "%s %s %s" % (ns, st, suf[0])
        if unit:
            t += r.choice([" apartment ", " unit ", " apt "]) + " ".join(
                (ONES[int(c)] if c.isdigit() else c) for c in u)
        return t, True, "house_words" + ("_unit" if unit else ""), t


def th(d):
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def ordinal(n):
    if n <= 20:
        return ORD[n]
    t, o = divmod(n, 10)
    if o == 0:
        return {2: "twentieth", 3: "thirtieth"}[t]
    return TENS[t] + " " + ORD[o]


def luhn_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return (10 - tot % 10) % 10


def luhn_ok(s):
    return luhn_digit(s[:-1]) == int(s[-1])


# ---------------------------------------------------------------- scenarios
class Call:
    """One conversation being written: turns of marked text."""

    def __init__(self, g, style):
        self.g, self.r, self.style = g, g.r, style
        self.vs = "smart" if style == "dg" else ("aws" if style == "aws" else "plain")
        self.turns = []
        self.facts = {}

    def A(self, t):
        self.turns.append(("A", t))

    def U(self, t):
        self.turns.append(("U", t))

    def pick(self, *opts):
        return self.r.choice(opts)

    # values: each returns marked text; remembers the plain value in facts
    def phone(self, cue, key="phone", v=None):
        v = v or self.facts.get(key) or self.g.phone()
        self.facts[key] = v
        t, sp, f = self.g.r_phone(v, self.vs)
        return self.g.mark(t, "PHONE", sp, cue, f, v)

    def ssn(self, cue, last4=False):
        v = self.facts.get("ssn") or self.g.ssn()
        self.facts["ssn"] = v
        if last4:
            t, sp, f = self.g.render_digits(v[5:], [4], self.r.choice(["words", "pairs", "digits", "words"]))
            return self.g.mark(t, "SSN", sp, cue, "last4_" + f, v[5:])
        t, sp, f = self.g.r_ssn(v, self.vs)
        return self.g.mark(t, "SSN", sp, cue, f, v)

    def dob(self, cue, key="dob"):
        v = self.facts.get(key) or (self.g.dob(1958, 40) if key == "cg_dob" else self.g.dob(1931, 30) if key == "pt_dob" and "cg" in self.facts else self.g.dob())
        self.facts[key] = v
        t, sp, f = self.g.r_date(v, self.vs)
        return self.g.mark(t, "DOB", sp, cue, f, v.isoformat())

    def date(self, cue, key):
        v = self.facts.get(key) or (self.facts["adm"] + datetime.timedelta(days=self.r.randint(2, 16)) if key == "dis" and "adm" in self.facts else self.g.recent())
        self.facts[key] = v
        t, sp, f = self.g.r_date(v, self.vs)
        return self.g.mark(t, "DATE", sp, cue, f, v.isoformat())

    def num(self, ent, cue, key, maker, groups):
        v = self.facts.get(key) or maker()
        self.facts[key] = v
        t, sp, f = self.g.r_long(v, self.vs, groups)
        return self.g.mark(t, ent, sp, cue, f, v)

    def mrn(self, cue):
        return self.num("MRN", cue, "mrn", self.g.mrn, [3, 3, 3][:1] + [len(self.facts.get("mrn") or "")] if False else None) if False else self._mrn(cue)

    def _mrn(self, cue):
        v = self.facts.get("mrn") or self.g.mrn()
        self.facts["mrn"] = v
        groups = [3, 4] if len(v) == 7 else ([4, 4] if len(v) == 8 else [3, 3, 3])
        t, sp, f = self.g.r_long(v, self.vs, groups)
        return self.g.mark(t, "MRN", sp, cue, f, v)

    def npi(self, cue, key="npi"):
        v = self.facts.get(key) or self.g.npi()
        self.facts[key] = v
        t, sp, f = self.g.r_long(v, self.vs, self.r.choice([[3, 3, 4], [4, 3, 3], [10]]))
        return self.g.mark(t, "NPI", sp, cue, f, v)

    def zip(self, cue, key="zip"):
        v = self.facts.get(key) or self.g.zip5()
        self.facts[key] = v
        if self.vs == "smart":
            return self.g.mark(v, "ZIP", False, cue, "written_zip", v)
        t, sp, f = self.g.render_digits(v, [5], self.r.choice(["words", "words", "mixed", "digits"]) if False else self.r.choice(["words", "words", "digits"]))
        if self.r.random() < 0.3 and sp:
            t, sp, f = self.g.render_digits(v, [3, 2], "pairs", seps=" ")
        return self.g.mark(t, "ZIP", sp, cue, f, v)

    def card(self, cue):
        v = self.g.card()
        self.facts["card"] = v
        groups = [4, 6, 5] if len(v) == 15 else [4, 4, 4, 4]
        t, sp, f = self.g.r_long(v, self.vs, groups)
        return self.g.mark(t, "CARD", sp, cue, f, v)

    def mbi(self, cue):
        v = self.facts.get("mbi") or self.g.mbi()
        self.facts["mbi"] = v
        t, sp, f = self.g.r_mbi(v, self.vs)
        return self.g.mark(t, "MBI", sp, cue, f, v)

    def member(self, cue, key="member"):
        v = self.facts.get(key) or self.g.member_id()
        self.facts[key] = v
        t, sp, f = self.g.r_alnum(v, self.vs)
        return self.g.mark(t, "MEMBER_ID", sp, cue, f, v)

    def email(self, cue, fn, ln):
        r = self.r
        user = r.choice(["%s.%s" % (fn, ln), "%s%s" % (fn[0], ln), "%s_%s%d" % (fn, ln[:3], r.randint(1, 99)),
                         "%s%d" % (fn, r.randint(10, 99))]).replace("-", "")
        dom = r.choice(DOMAINS)
        self.facts["email"] = (user, dom)
        t, sp, f = self.g.r_email(user, dom, self.vs)
        return self.g.mark(t, "EMAIL", sp, cue, f, user + "@" + dom)

    def street(self, cue):
        t, sp, f, v = self.g.r_street(self.vs)
        self.facts["street"] = v
        return self.g.mark(t, "STREET", sp, cue, f, v)

    def city(self, cue):
        c = self.facts.get("city") or self.r.choice(CITIES)
        self.facts["city"] = c
        t = c if self.vs == "aws" else c.title().replace("St ", "St. " if self.vs == "smart" else "St ")
        return self.g.mark(t, "CITY", True, cue, "city", c)

    def nm(self, cue, who, part="full"):
        fn, ln = self.facts[who]
        t = self.g.r_name(fn, ln, self.vs, part)
        return self.g.mark(t, "NAME", True, cue, "name_%s" % part, t)

    def spelled(self, cue, who, part="last"):
        fn, ln = self.facts[who]
        t, f = self.g.spell_name(ln if part == "last" else fn, self.vs)
        return self.g.mark(t, "NAME", True, cue, f, t)

    def neg(self, t, what):
        return self.g.neg(t, what)

    def nid(self, what, prefix=""):
        """A non-PHI id (claim, reference, auth, group, tax id, ndc...)."""
        r = self.r
        if what == "tax_id":
            v = "%02d%07d" % (r.randint(10, 98), r.randint(0, 9999999))
            t = v[:2] + "-" + v[2:] if self.vs == "smart" else (
                " ".join(ONES[int(c)] for c in v) if r.random() < 0.6 else v[:2] + " " + v[2:])
        elif what == "ndc_code":
            v = "%05d-%04d-%02d" % (r.randint(1, 99999), r.randint(1, 9999), r.randint(1, 99))
            t = v if self.vs == "smart" else " ".join(ONES[int(c)] if c.isdigit() else "dash" for c in v) if r.random() < 0.5 else v.replace("-", " ")
        elif what == "group_number":
            v = "%d" % r.randint(100000, 9999999)
            t = v if self.vs != "aws" or r.random() < 0.4 else self.g.words_group(v, "zero")
        else:
            body = "".join(r.choice("0123456789") for _ in range(r.choice([8, 9, 10, 11])))
            v = prefix + body
            if self.vs == "smart" or r.random() < 0.4:
                t = (prefix.upper() if self.vs != "aws" else prefix.lower()) + ("-" if prefix and self.vs == "smart" else " " if prefix else "") + body
            else:
                t = " ".join([NATO[c] for c in prefix.upper()] + [ONES[int(c)] for c in body])
        return self.g.neg(t.strip(), what)

    def money(self):
        r = self.r
        d = r.choice([10, 15, 20, 25, 30, 35, 40, 45, 50, 75, 125, 250])
        return self.g.neg(("$%d" % d) if self.vs == "smart" else "%s dollars" % (say_num(d) if d < 100 else "one hundred " + say_num(d - 100) if d < 200 else "two hundred fifty"), "money")

    def appt(self):
        d = self.g.recent()
        t, _, _ = self.g.r_date(d, self.vs)
        if self.r.random() < 0.5:
            mon = MONTHS[d.month - 1]
            if self.vs == "smart":
                t = "%s %d%s" % (mon, d.day, th(d.day)) if self.r.random() < 0.5 else "%s %d" % (mon, d.day)
            else:
                t = self.r.choice(["%s %s" % (mon.lower(), ordinal(d.day)), "the %s" % ordinal(d.day),
                                   "next %s the %s" % (self.r.choice(["monday", "tuesday", "thursday"]), ordinal(d.day))])
        return self.g.neg(t, "appointment_date")

    def time(self):
        h, m = self.r.choice([(9, 30), (10, 0), (2, 15), (3, 45), (11, 0), (4, 30)])
        if self.vs == "smart":
            return self.g.neg("%d:%02d" % (h, m), "time")
        return self.g.neg("%s %s" % (say_num(h), "o'clock" if m == 0 else say_num(m)), "time")


def agent_name(c):
    n = c.r.choice(AGENTS)
    t = n if c.vs == "aws" else n.capitalize()
    return c.g.mark(t, "NAME", True, "same", "agent_first", t)


def greet_agent(c, label_ai):
    name = agent_name(c)
    plan = c.r.choice(PLANS)
    c.facts["plan"] = plan
    if label_ai:
        c.A(c.pick("thank you for calling %s. this is %s, a virtual assistant. this call may be recorded. how can I help you today?" % (plan, name),
                   "hi, you've reached %s. I'm an automated assistant. for pharmacy, press %s. otherwise, tell me what you're calling about." % (plan, c.neg("two" if c.vs != "smart" else "2", "menu_option")),
                   "hello, this is %s with %s. I'm an AI assistant and I can help with benefits, claims and prescriptions. what can I do for you?" % (name, plan)))
    else:
        c.A(c.pick("%s, provider services, this is %s. how can I help?" % (plan, name),
                   "thanks for calling %s, my name is %s, who do I have the pleasure of speaking with?" % (plan, name)))


def verify_member(c, who="pt", allow_ssn=True):
    """Name, DOB, member id, sometimes zip or last four of social; values split and read back."""
    r = c.r
    c.A(c.pick("I can help with that. first, can I get the member's full name?", "sure. what's the name on the account?",
               "okay. let's verify your identity. please say your first and last name."))
    if r.random() < 0.35:
        c.U("yeah it's %s, that's %s" % (c.nm("prev", who), c.spelled("same", who)))
    else:
        c.U(c.pick("%s.", "uh yeah %s", "it's %s") % c.nm("prev", who))
    k = r.random()
    if k < 0.4:
        c.A("thanks. and your date of birth?")
        c.U(c.pick("%s", "it's %s", "um %s") % c.dob("prev", who + "_dob"))
    elif k < 0.7:
        c.A("got it. what's the date of birth on file?")
        c.U("%s. wait, you need the year too?" % c.dob("prev", who + "_dob") if False else c.pick("%s", "%s, I think that's what they have") % c.dob("prev", who + "_dob"))
    else:
        c.A("thanks, %s. can you confirm the date of birth?" % c.nm("prev", who, "first"))
        c.U("born %s" % c.dob("same", who + "_dob"))
    c.A(c.pick("and the member id from the front of the card?", "now the member ID, please. you can say it one character at a time.",
               "okay. what is the member id number?"))
    if r.random() < 0.45:
        v = c.facts.get("member") or c.g.member_id()
        c.facts["member"] = v
        letters = re.match(r"[A-Z]*", v).group(0)
        digs = v[len(letters):]
        t1, _, f1 = c.g.r_alnum(letters + digs[:4], c.vs)
        t1_lt = t1
        # split: prefix letters + first digits, then the rest after an acknowledgement
        d2, sp2, f2 = c.g.render_digits(digs[4:], [len(digs) - 4], "digits" if c.vs == "smart" else r.choice(["words", "pairs", "digits"]))
        c.U("okay it starts with %s" % c.g.mark(t1_lt, "MEMBER_ID", True, "prev", "split1_" + f1, letters + digs[:4]))
        c.A(c.pick("mm hmm, go ahead.", "okay, I have that. keep going.", "got it. and the rest?"))
        c.U("%s" % c.g.mark(d2, "MEMBER_ID", sp2, "prev", "split2_" + f2, digs[4:]))
    else:
        c.U(c.pick("%s", "okay hang on. %s", "it's %s") % c.member("prev"))
    if r.random() < 0.5:
        c.A("let me read that back. %s. is that right?" % c.g.recue(c.member("prev") if False else c.g.mark(
            *_readback(c, c.facts["member"]), ), "prev"))
        c.U(c.pick("yes.", "yep that's right", "correct"))
    if allow_ssn and r.random() < 0.4:
        c.A("for security, please say the last four digits of the subscriber's social security number.")
        c.U(c.pick("%s", "uh %s") % c.ssn("prev", last4=True))
    elif r.random() < 0.5:
        c.A("and the zip code on the policy?")
        c.U(c.pick("%s", "it's %s") % c.zip("prev"))


def _readback(c, v):
    letters = re.match(r"[A-Z]*", v).group(0)
    digs = v[len(letters):]
    if c.vs == "smart":
        return (v, "MEMBER_ID", False, "prev", "readback_written", v)
    t = " ".join(c.g.r.choice([NATO[x], x.lower()]) for x in letters) + " " + c.g.words_group(digs, "zero", False)
    return (t, "MEMBER_ID", True, "prev", "readback_words", v)


def sc_eligibility(c, label_ai=True):
    r = c.r
    c.facts["pt"] = c.g.name()
    greet_agent(c, label_ai)
    c.U(c.pick("hi, yeah, I'm trying to find out if my plan covers %s." % r.choice(PROCS),
               "um I wanted to check if I'm still active, I changed jobs in the fall",
               "yeah hi I need to check my eligibility, my doctor's office said the claim bounced"))
    verify_member(c)
    c.A(c.pick("thank you, you're verified. your coverage is active under group number %s." % c.nid("group_number"),
               "thanks, I found the policy. it's active, group %s." % c.nid("group_number")))
    c.U("okay good. and what's my copay for a specialist?")
    c.A("your specialist copay is %s, and you've met %s of your deductible." % (c.money(), c.money()))
    if r.random() < 0.5:
        c.U("there was also a claim from last month, they said it was denied")
        c.A("I see claim number %s, it was denied for missing information. the provider can resubmit it." % c.nid("claim_number", r.choice(["", "CL"])))
    if r.random() < 0.6:
        c.A("would you like a copy of the benefits summary by email?")
        fn, ln = c.facts["pt"]
        c.U(c.pick("yes please, it's %s", "sure, send it to %s", "yeah um %s") % c.email("prev", fn, ln))
        c.A("I have %s. is that correct?" % c.g.recue(c.g.mark(c.facts["email"][0] + "@" + c.facts["email"][1] if c.vs == "smart" else c.facts["email"][0].replace(".", " dot ") + " at " + c.facts["email"][1].replace(".", " dot "), "EMAIL", c.vs != "smart", "prev", "readback", "@".join(c.facts["email"])), "prev"))
        c.U("that's it")
    if r.random() < 0.5:
        c.A("if we get disconnected, what's the best callback number?")
        c.U(c.pick("%s", "you can use my cell, %s") % c.phone("prev"))
    c.A("your reference number for this call is %s. is there anything else?" % c.nid("reference_number", r.choice(["", "R"])))
    c.U(c.pick("no that's all, thanks", "nope. thank you", "no, you've been helpful"))
    c.A("thanks for calling. goodbye.")


def sc_prior_auth(c, label_ai=False):
    r = c.r
    c.facts["staff"] = c.g.name()
    c.facts["pt"] = c.g.name()
    c.facts["doc"] = c.g.name()
    greet_agent(c, label_ai)
    c.U(c.pick("hi, this is %s calling from dr %s's office, I'm checking on a prior auth status" % (c.nm("same", "staff"), c.nm("same", "doc", "last")),
               "yes good morning my name is %s, I'm with the orthopedic group, I need a status on an authorization" % c.nm("same", "staff"),
               "hey, %s from %s family medicine, calling on an auth" % (c.nm("none", "staff", "first"), c.r.choice(["riverbend", "lakeside", "oak hollow", "pinecrest"]))))
    c.A("sure. can I have the provider's NPI?")
    if r.random() < 0.4:
        c.U("the group NPI or the rendering?")
        c.A("rendering is fine.")
    c.U(c.pick("%s", "okay it's %s", "yeah %s") % c.npi("prev"))
    if r.random() < 0.5:
        c.A("and the tax id?")
        c.U("%s" % c.nid("tax_id"))
    c.A(c.pick("thank you. and the patient's member id?", "got it. now the member's id number please."))
    c.U(c.pick("%s", "the card says %s") % c.member("prev"))
    c.A("patient name and date of birth?")
    if r.random() < 0.5:
        c.U("%s, date of birth %s" % (c.nm("prev", "pt"), c.dob("same", "pt_dob")))
    else:
        c.U("%s" % c.nm("prev", "pt"))
        c.A(c.pick("okay. and the DOB?", "and when was %s born?" % c.nm("prev", "pt", "first")))
        c.U("%s" % c.dob("prev", "pt_dob"))
    if r.random() < 0.4:
        c.A("do you have the patient's medical record number at your office?")
        c.U(c.pick("yeah our m r n is %s", "it's %s") % c._mrn("prev" if True else "same"))
    c.A("I found the request for %s, submitted under authorization number %s." % (r.choice(PROCS), c.nid("prior_auth_number", r.choice(["", "PA"]))))
    c.U("okay and where is it at?")
    c.A(c.pick("it's pending clinical review. we requested notes on %s and haven't received them." % c.appt(),
               "it was approved for %s units, valid through %s." % (c.neg(r.choice(["twelve", "six", "eighteen"]), "count"), c.appt())))
    if r.random() < 0.5:
        c.U("can you fax the determination? and also if you need a callback it's %s, that's my direct line" % c.phone("same"))
        c.A("yes, I'll note that. reference number for this call is %s." % c.nid("reference_number"))
    else:
        c.U("alright. can I get a call reference?")
        c.A("sure, it's %s." % c.nid("reference_number", "R"))
    if r.random() < 0.3:
        c.U("and just so I have it, the patient's medicare number on file, is it %s?" % c.mbi("same"))
        c.A("yes, that matches what we have.")
    c.U(c.pick("perfect, thanks so much", "great. thank you"))
    c.A("you're welcome, have a good day.")


def sc_refill(c, label_ai=True):
    r = c.r
    c.facts["pt"] = c.g.name()
    drug, dose = r.choice(DRUGS)
    c.A(c.pick("thanks for calling the pharmacy refill line. I'm a virtual assistant. what's the patient's name?",
               "you've reached the pharmacy. I can help with refills. can you tell me your first and last name?"))
    if r.random() < 0.3:
        c.U("yeah hi. %s. %s. calling about a refill" % (c.nm("none", "pt"), c.dob("none", "pt_dob")))
        c.A("thanks, %s. I've got your profile." % c.nm("prev", "pt", "first"))
    else:
        c.U(c.pick("%s", "hi yes it's %s") % c.nm("prev", "pt"))
        c.A("and your date of birth?")
        c.U(c.pick("%s", "%s", "it's %s, I think you have it as the old address though") % c.dob("prev", "pt_dob"))
    if r.random() < 0.3:
        c.A("if this is a medical emergency, hang up and dial %s." % c.neg("nine one one" if c.vs != "smart" else "911", "emergency_number"))
    c.A("thanks. which prescription would you like to refill?")
    c.U("the %s, the %s one. I take %s a day" % (drug, c.neg(dose, "dose"), c.neg(r.choice(["one", "two"]), "dose")))
    c.A("I see %s, %s. there's %s refills remaining. the ndc on file is %s. would you like to pick it up?" % (
        drug, c.neg(dose, "dose"), c.neg(r.choice(["two", "three", "no more"]), "count"), c.nid("ndc_code")))
    c.U("yeah tomorrow after %s if that works" % c.time())
    if r.random() < 0.6:
        c.A("what phone number should we text when it's ready?")
        if r.random() < 0.35 and c.vs != "smart":
            v = c.g.phone()
            c.facts["phone"] = v
            a, _, fa = c.g.render_digits(v[:3], [3], r.choice(["words", "digits"]))
            b, spb, fb = c.g.render_digits(v[3:], [3, 4], r.choice(["words", "pairs", "mixed"]))
            c.U("area code %s" % c.g.mark(a, "PHONE", a[0].isalpha(), "same", "split_area_" + fa, v[:3]))
            c.A(c.pick("mm hmm.", "okay.", "go ahead."))
            c.U("%s" % c.g.mark(b, "PHONE", spb, "prev", "split_rest_" + fb, v[3:]))
        else:
            c.U(c.pick("%s", "it's %s", "um %s") % c.phone("prev"))
        c.A(c.pick("okay.", "got it, thanks."))
    elif r.random() < 0.5:
        c.U("oh and %s, in case you need to reach me" % c.phone("none"))
    if r.random() < 0.75:
        c.A("your copay is %s. would you like to pay now with a card?" % c.money())
        c.U("sure the card number is %s" % c.card("same"))
        c.A("and the billing zip code?")
        c.U("%s" % c.zip("prev"))
    if r.random() < 0.45:
        c.A("would you like email reminders too?")
        fn, ln = c.facts["pt"]
        c.U("yes, %s" % c.email("prev", fn, ln))
    c.A("your order number is %s. it'll be ready after %s." % (c.nid("order_number"), c.time()))
    c.U("thank you")


def sc_transfer(c, label_ai=False):
    r = c.r
    c.facts["pt"] = c.g.name()
    c.facts["doc"] = c.g.name()
    drug, dose = r.choice(DRUGS)
    c.A("pharmacy, this is %s. how can I help you?" % agent_name(c))
    c.U("hi I'd like to transfer a prescription from my old pharmacy, I moved")
    c.A("sure. can I get the patient name?")
    c.U("%s. last name is %s" % (c.nm("prev", "pt", "first"), c.spelled("same", "pt")))
    c.A("thank you. date of birth?")
    c.U("%s" % c.dob("prev", "pt_dob"))
    c.A("and your new address so I can update the profile?")
    c.U("%s" % c.street("prev"))
    c.A("okay. city and zip?")
    c.U("%s, %s" % (c.city("prev"), c.zip("prev")))
    c.A("what's the medication?")
    c.U("%s %s" % (drug, c.neg(dose, "dose")))
    c.A("and who's the prescribing doctor?")
    c.U("dr %s" % c.nm("same", "doc"))
    if r.random() < 0.7:
        c.A("do you happen to have the prescriber's NPI? it speeds things up.")
        c.U("it's on the bottle actually. %s" % c.npi("prev"))
    c.A("okay, and a phone number for you?")
    c.U("%s" % c.phone("prev"))
    c.A("great. I'll request the transfer now. it usually takes %s." % c.neg(r.choice(["a day", "twenty four hours", "two hours"]), "duration"))
    c.U("okay, thanks")


def sc_telehealth(c, label_ai=True):
    r = c.r
    c.facts["pt"] = c.g.name()
    c.A(c.pick("welcome to the virtual visit intake. I'll collect a few details before your visit. what's your full name?",
               "hi, I'm the intake assistant for your telehealth appointment. can you say your first and last name?"))
    c.U("%s" % c.nm("prev", "pt"))
    c.A("and your date of birth?")
    c.U("%s" % c.dob("prev", "pt_dob"))
    if r.random() < 0.55:
        c.A("do you have your medical record number from the clinic?")
        c.U(c.pick("um I think it's %s", "yes, %s", "%s") % c._mrn("prev"))
    c.A("what's your home address?")
    c.U("%s, %s %s" % (c.street("prev"), c.city("same"), c.zip("same")))
    c.A("what's a good email for the visit link?")
    fn, ln = c.facts["pt"]
    c.U("%s" % c.email("prev", fn, ln))
    if r.random() < 0.5:
        c.A("and a phone number in case the video drops?")
        c.U("%s" % c.phone("prev"))
    if r.random() < 0.6:
        c.A("for billing we need your social security number.")
        c.U(c.pick("okay it's %s", "%s") % c.ssn("prev"))
    if r.random() < 0.35:
        c.A("are you on medicare? if so please read the number on your red white and blue card.")
        c.U("yes, %s" % c.mbi("prev"))
    c.A("thanks. in a few words, what's the reason for the visit?")
    c.U(c.pick("um, it's kind of a long story.", "yeah so I'll just tell the doctor, but basically", "it's a follow up from last time"))
    for role, t in c.g.filler(r.randint(1, 4)):
        c.turns.append((role, t))
    c.A("okay. your blood pressure reading at home, if you have one?")
    c.U("it was %s this morning, and I weigh about %s" % (c.neg(r.choice(["one thirty over eighty five", "one forty two over ninety", "one eighteen over seventy six"]), "blood_pressure"), c.neg(r.choice(["one sixty pounds", "two hundred and five pounds"]), "weight")))
    if r.random() < 0.35:
        c.A("there's a %s copay for today's visit. what card would you like to use?" % c.money())
        c.U(c.pick("um visa, %s", "%s", "it's %s") % c.card("prev"))
        c.A("and the billing zip code for that card?")
        c.U(c.pick("%s", "same as my home, %s") % c.zip("prev", "billzip"))
    c.A("thank you. the provider will join at %s." % c.time())


def sc_caregiver(c, label_ai=False):
    r = c.r
    c.facts["cg"] = c.g.name()
    c.facts["pt"] = (c.g.name()[0], c.facts["cg"][1] if r.random() < 0.6 else c.g.name()[1])
    rel = r.choice(["mom", "dad", "mother", "father"])
    greet_agent(c, label_ai) if r.random() < 0.5 else c.A("clinic nurse line, this is %s, how can I help?" % agent_name(c))
    c.U("hi, I'm calling for my %s, she was just discharged. my name is %s" % (rel, c.nm("same", "cg")) if rel in ("mom", "mother")
        else "hi yeah I'm calling about my %s. uh, %s here" % (rel, c.nm("none", "cg")))
    c.A("okay. are you listed as an authorized representative?")
    c.U("yes, I should be on the form")
    c.A("can you verify your own date of birth and phone number?")
    c.U("sure, I'm %s and my cell is %s" % (c.dob("prev", "cg_dob"), c.phone("same", "cg_phone")))
    c.A("thanks. and the patient's name and date of birth?")
    c.U("%s, %s" % (c.nm("prev", "pt"), c.dob("prev", "pt_dob")))
    if r.random() < 0.6:
        c.A("what dates was %s in the hospital?" % ("she" if rel in ("mom", "mother") else "he"))
        c.U("admitted %s and discharged %s" % (c.date("same", "adm"), c.date("same", "dis")))
    if r.random() < 0.6:
        c.A("do you have the medicare number?")
        c.U("hold on it's on the card. %s" % c.mbi("prev"))
        c.A("thank you.")
    if r.random() < 0.6:
        c.A("and the hospital record number from the discharge papers?")
        c.U("m r n %s" % c._mrn("same"))
    if r.random() < 0.5:
        c.A("is %s still at %s?" % ("she" if rel in ("mom", "mother") else "he", c.street("same")))
        c.U("no, %s moved in with me, %s, %s" % ("she" if rel in ("mom", "mother") else "he", c.street("none") if False else c.g.mark(*_street(c)), c.zip("same")))
    if r.random() < 0.5:
        c.A("we need the social for the home health enrollment")
        c.U("%s social is %s" % ("her" if rel in ("mom", "mother") else "his", c.ssn("same")))
        age = 2026 - c.facts["pt_dob"].year - 1
        if age < 90:
          c.A("thank you. and how old is %s now?" % ("she" if rel in ("mom", "mother") else "he"))
          c.U("%s. %s was in room %s on the cardiac floor" % (c.neg(say_num(age), "age"), "she" if rel in ("mom", "mother") else "he", c.neg(r.choice(["four twelve", "three oh six", "five twenty"]), "room_number")))
    for role, t in c.g.filler(r.randint(0, 2)):
        c.turns.append((role, t))
    c.A("I'll have the care coordinator call you at %s. is that right?" % c.g.recue(c.phone("prev", "cg_phone"), "prev"))
    c.U("yes. or email me at %s" % c.email("same", *c.facts["cg"]))
    c.A("will do. your follow up is %s at %s." % (c.appt(), c.time()))
    c.U("okay thank you")


def _street(c):
    t, sp, f, v = c.g.r_street(c.vs)
    return (t, "STREET", sp, "none", f, v)


SCENARIOS = [("eligibility", sc_eligibility, 22), ("prior_auth", sc_prior_auth, 24), ("refill", sc_refill, 17),
             ("transfer", sc_transfer, 11), ("telehealth", sc_telehealth, 20), ("caregiver", sc_caregiver, 16)]


# ---------------------------------------------------------------- rendering
SEG = re.compile("([%s%s]\\d+%s[^%s]*%s)" % (OPEN, NOPEN, MID, CLOSE, CLOSE))


def outside(marked, fn):
    parts = SEG.split(marked)
    return "".join(p if i % 2 else fn(p) for i, p in enumerate(parts))


def casing(marked, style):
    if style == "aws":
        def f(p):
            p = re.sub(r"[.,?!]", "", p.lower())
            return p
        out = outside(marked, f)
        return re.sub(" +", " ", out).strip()

    def g(p):
        p = re.sub(r"\bi\b", "I", p)
        p = re.sub(r"\bi'(m|ve|ll|d)\b", r"I'\1", p)
        return p
    out = outside(marked, g)
    # capitalise sentence starts outside markers
    chars = list(out)
    cap = True
    inside = False
    for i, ch in enumerate(chars):
        if ch in (OPEN, NOPEN):
            inside = True
            if cap:
                cap = "pending"
            continue
        if ch == CLOSE:
            inside = False
            continue
        if inside:
            if cap == "pending" and ch == MID:
                continue
            if cap == "pending" and chars[i - 1] == MID:
                cap = False
            continue
        if cap and ch.isalpha():
            chars[i] = ch.upper()
            cap = False
        elif ch in ".?!":
            cap = True
        elif cap and ch.isdigit():
            cap = False
    return "".join(chars)


def finalize(marked, meta):
    """Strip markers; spans/negatives with byte offsets."""
    out = []
    spans, negs = [], []
    pos = 0
    i = 0
    n = len(marked)
    while i < n:
        ch = marked[i]
        if ch in (OPEN, NOPEN):
            j = marked.index(MID, i)
            k = marked.index(CLOSE, j)
            mid = int(marked[i + 1:j])
            val = marked[j + 1:k]
            b = len(val.encode("utf-8"))
            m = meta[mid]
            if ch == OPEN:
                d = {"start": pos, "end": pos + b, "entity": m["entity"], "spoken": m["spoken"],
                     "cue": m["cue"], "form": m["form"], "value": m["value"]}
                spans.append(d)
            else:
                negs.append({"start": pos, "end": pos + b, "what": m["what"]})
            out.append(val)
            pos += b
            i = k + 1
        else:
            out.append(ch)
            pos += len(ch.encode("utf-8"))
            i += 1
    return "".join(out), spans, negs


LABELS = {
    "aws": [("spk_0", "spk_1"), ("ch_0", "ch_1")],
    "dg": [("Speaker 0", "Speaker 1"), ("AI", "Customer")],
    "plain": [("assistant", "user"), ("Agent", "Caller"), ("AI", "Customer")],
}


def ts(sec):
    return "[%02d:%02d:%02d]" % (sec // 3600, sec // 60 % 60, sec % 60)


def render_transcript(g, c, style):
    r = g.r
    la, lu = r.choice(LABELS[style])
    if style == "plain" and r.random() < 0.3:
        la, lu = "[agent]", "[caller]"
    stamps = r.random() < 0.4
    sec = r.randint(0, 20)
    lines = []
    for role, t in c.turns:
        t = casing(t, style)
        lab = la if role == "A" else lu
        sepr = " " if lab.startswith("[") else ": "
        line = lab + sepr + t
        if stamps:
            line = ts(sec) + " " + line
            sec += r.randint(2, 14)
        lines.append(line)
    return "\n".join(lines)


def summary(c):
    """What an LLM summariser writes: written forms, not spoken."""
    f = c.facts
    bits = []
    g = c.g
    if "pt" in f:
        fn, ln = f["pt"]
        nmv = "%s %s" % (fn.title(), "-".join(p.title() for p in ln.split("-")))
        bits.append("Caller %s" % g.mark(nmv, "NAME", False, "none", "summary_name", nmv) if "cg" not in f and "staff" not in f
                    else "Patient %s" % g.mark(nmv, "NAME", False, "same", "summary_name", nmv))
    if "pt_dob" in f:
        d = f["pt_dob"]
        bits.append("DOB %s" % g.mark("%02d/%02d/%d" % (d.month, d.day, d.year), "DOB", False, "same", "summary_mdy", d.isoformat()))
    if "member" in f:
        bits.append("member ID %s" % g.mark(f["member"], "MEMBER_ID", False, "same", "summary_plain", f["member"]))
    if "npi" in f:
        bits.append("provider NPI %s" % g.mark(f["npi"], "NPI", False, "same", "summary_plain", f["npi"]))
    if "mrn" in f:
        bits.append("MRN %s" % g.mark(f["mrn"], "MRN", False, "same", "summary_plain", f["mrn"]))
    if "phone" in f or "cg_phone" in f:
        p = f.get("phone") or f.get("cg_phone")
        bits.append("callback %s" % g.mark("(%s) %s-%s" % (p[:3], p[3:6], p[6:]), "PHONE", False, "same", "summary_phone", p))
    if "email" in f:
        e = "@".join(f["email"])
        bits.append("email %s" % g.mark(e, "EMAIL", False, "same", "summary_email", e))
    kind = {"eligibility": "verified eligibility and benefits", "prior_auth": "requested prior authorization status",
            "refill": "requested a prescription refill", "transfer": "requested a prescription transfer",
            "telehealth": "completed telehealth intake", "caregiver": "called on behalf of a parent after discharge"}[c.kind]
    s = "%s %s. " % (bits[0] if bits else "Caller", kind)
    if len(bits) > 1:
        s += "Details captured: " + "; ".join(bits[1:]) + ". "
    s += c.r.choice(["No escalation needed.", "Follow-up task created for the care team.", "Caller satisfied with the outcome.",
                     "Sentiment: neutral."])
    return s


def roles(profile):
    return {"vapi": ("assistant", "user"), "retell": ("agent", "user"), "signalwire": ("assistant", "user"),
            "deepgram": (0, 1), "transcribe": ("spk_0", "spk_1")}[profile]


def render_json(g, c, style, profile, idx):
    r = g.r
    turns = [(role, casing(t, style)) for role, t in c.turns]
    ra, ru = roles(profile)
    t0 = 1765000000 + r.randint(0, 9000000)
    secs = []
    s = 0.5
    for _ in turns:
        secs.append(round(s, 2))
        s += r.uniform(2.0, 9.0)
    cid = "%08x-%04x-4%03x-a%03x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(12), r.getrandbits(12), r.getrandbits(48))
    summ = summary(c)
    if profile == "vapi":
        tr = "\n".join(("AI: " if role == "A" else "User: ") + t for role, t in turns)
        msgs = [{"role": "system", "message": "You are a helpful benefits assistant. Verify identity before sharing plan details.", "time": t0 * 1000, "secondsFromStart": 0}]
        for (role, t), sc in zip(turns, secs):
            msgs.append({"role": ra if role == "A" else ru, "message": t, "time": int(t0 * 1000 + sc * 1000),
                         "endTime": int(t0 * 1000 + sc * 1000 + 1800), "secondsFromStart": sc, "duration": 1800})
        obj = {"message": {"type": "end-of-call-report", "endedReason": r.choice(["customer-ended-call", "assistant-ended-call"]),
                           "call": {"id": cid, "orgId": "org_%06d" % r.randint(0, 999999), "type": "inboundPhoneCall"},
                           "artifact": {"transcript": tr, "messages": msgs},
                           "analysis": {"summary": summ, "successEvaluation": "true"},
                           "durationSeconds": round(s, 1), "cost": round(r.uniform(0.05, 0.9), 4)}}
    elif profile == "retell":
        tr = "\n".join(("Agent: " if role == "A" else "User: ") + t for role, t in turns)
        obj = {"event": "call_analyzed", "call": {"call_id": "call_" + cid.replace("-", "")[:24], "agent_id": "agent_%x" % r.getrandbits(40),
               "call_status": "ended", "start_timestamp": t0 * 1000, "end_timestamp": int(t0 * 1000 + s * 1000),
               "transcript": tr,
               "transcript_object": [{"role": ra if role == "A" else ru, "content": t} for role, t in turns],
               "call_analysis": {"call_summary": summ, "user_sentiment": r.choice(["Neutral", "Positive"]), "call_successful": True},
               "disconnection_reason": "user_hangup"}}
    elif profile == "signalwire":
        obj = {"call_id": cid, "project_id": "%x" % r.getrandbits(64), "event_type": "calling.ai.post_prompt",
               "conversation": [{"role": ra if role == "A" else ru, "content": t, "start_ms": int(sc * 1000)} for (role, t), sc in zip(turns, secs)],
               "post_prompt_data": {"raw": summ, "substituted": summ}, "total_minutes": round(s / 60, 2)}
    elif profile == "deepgram":
        full = " ".join(t for _, t in turns)
        obj = {"metadata": {"request_id": cid, "created": "2026-%02d-%02dT%02d:%02d:11.204Z" % (r.randint(1, 11), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59)),
                            "duration": round(s, 3), "channels": 1, "models": ["%x-%x" % (r.getrandbits(32), r.getrandbits(16))]},
               "results": {"channels": [{"alternatives": [{"transcript": full, "confidence": round(r.uniform(0.9, 0.99), 4)}]}],
                           "utterances": [{"start": sc, "end": round(sc + 1.8, 2), "confidence": round(r.uniform(0.8, 0.99), 3), "channel": 0,
                                           "transcript": t, "speaker": ra if role == "A" else ru, "id": "%x" % r.getrandbits(32)} for (role, t), sc in zip(turns, secs)],
                           "summary": {"result": "success", "short": summ}}}
    else:
        full = " ".join(t for _, t in turns)
        obj = {"jobName": "call-%06d" % r.randint(0, 999999), "accountId": "%012d" % r.randint(0, 10 ** 12 - 1), "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": full}],
                           "audio_segments": [{"id": k, "transcript": t, "start_time": "%.2f" % sc, "end_time": "%.2f" % (sc + 1.8), "speaker_label": ra if role == "A" else ru}
                                              for k, ((role, t), sc) in enumerate(zip(turns, secs))]},
               "call_summary": summ}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def generate(seed, n):
    g = Gen(seed)
    r = g.r
    n_json = round(n * 40 / 150)
    n_tr = n - n_json
    plan = []
    tot = sum(w for _, _, w in SCENARIOS)
    for kind, fn, w in SCENARIOS:
        plan += [(kind, fn)] * w
    records = []
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    nj = 0
    for i in range(n):
        kind, fn = plan[r.randrange(len(plan))] if i >= len(plan) else plan[(i * 7) % len(plan)]
        is_json = i % 15 in (2, 6, 10, 13) if n >= 15 else i % 4 == 1
        if is_json:
            prof = profiles[nj % 5]
            nj += 1
            style = {"vapi": r.choice(["plain", "dg"]), "retell": r.choice(["plain", "dg"]), "signalwire": "plain",
                     "deepgram": "dg", "transcribe": "aws"}[prof]
        else:
            style = r.choice(["aws", "aws", "dg", "plain", "plain"])
        for attempt in range(50):
            g.meta = []
            c = Call(g, style)
            c.kind = kind
            fn(c, label_ai=is_json or r.random() < 0.5)
            if 8 <= len(c.turns) <= 40:
                break
        if is_json:
            marked = render_json(g, c, style, prof, i)
            fmt = "json"
        else:
            marked = render_transcript(g, c, style)
            fmt = "transcript"
        text, spans, negs = finalize(marked, g.meta)
        rec = {"id": "h17-%04d" % i, "format": fmt}
        if is_json:
            rec["profile"] = prof
        rec.update({"kind": "%s_%s" % (kind, style if fmt == "transcript" else prof), "text": text,
                    "spans": spans, "negatives": negs})
        records.append(rec)
    return records, g


# ---------------------------------------------------------------- checking
WORDNUM = {w: i for i, w in enumerate(ONES)}
WORDNUM.update({"oh": 0, "o": 0})
TEENNUM = {w: 10 + i for i, w in enumerate(TEENS)}
TENNUM = {w: i for i, w in enumerate(TENS) if w != "_"}
NATOREV = {v: k for k, v in NATO.items()}
SKIP = {"uh", "um", "dash", "apartment", "unit", "apt"}


def decode(span_text):
    """Spoken/written id back to upper-case letters and digits (for the checker)."""
    if re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", span_text):
        return span_text.replace("-", "").upper()
    toks = re.findall(r"[a-z]+|[0-9]+", span_text.lower().replace("x-ray", "xray"))
    out = ""
    i = 0
    rep = 1
    while i < len(toks):
        t = toks[i]
        if t in SKIP:
            i += 1
            continue
        if t == "double":
            rep = 2
            i += 1
            continue
        if t == "triple":
            rep = 3
            i += 1
            continue
        if t.isdigit():
            out += t * rep
        elif t in WORDNUM:
            out += str(WORDNUM[t]) * rep
        elif t in TEENNUM:
            out += str(TEENNUM[t])
        elif t in TENNUM:
            v = TENNUM[t] * 10
            if i + 1 < len(toks) and toks[i + 1] in WORDNUM and toks[i + 1] not in ("oh", "o", "zero"):
                v += WORDNUM[toks[i + 1]]
                i += 1
            out += str(v)
        elif t == "hundred":
            out += "00"
        elif t == "xray":
            out += "X"
        elif t.upper() in NATOREV.values() and t in NATOREV:
            out += NATOREV[t]
        elif t in NATOREV:
            out += NATOREV[t]
        elif len(t) == 1 and t.isalpha():
            out += t.upper()
            if i + 2 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
                i += 3
        else:
            out += "?"
        rep = 1
        i += 1
    return out


def valid_value(ent, v):
    if ent == "SSN":
        if len(v) == 4:
            return v.isdigit() and v != "0000"
        return (len(v) == 9 and v.isdigit() and v[:3] not in ("000", "666") and v[0] != "9"
                and v[3:5] != "00" and v[5:] != "0000")
    if ent == "PHONE":
        return len(v) == 10 and v[3:6] == "555" and v[6:8] == "01"
    if ent == "NPI":
        return len(v) == 10 and luhn_ok("80840" + v)
    if ent == "CARD":
        return v[:6] in ("411111", "424242", "555555", "222300", "601111", "378282") and luhn_ok(v)
    if ent == "MBI":
        A = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        pat = ["123456789", A, A + N, N, A, A + N, N, A, A, N, N]
        return len(v) == 11 and all(ch in p for ch, p in zip(v, pat))
    if ent in ("DOB", "DATE"):
        try:
            datetime.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    if ent == "ZIP":
        return len(v) == 5 and v.isdigit()
    if ent == "MRN":
        return v.isdigit() and 7 <= len(v) <= 9
    if ent == "MEMBER_ID":
        return bool(re.fullmatch(r"[A-Z]{0,3}\d{2,9}", v))
    return bool(v)


def check(path):
    errs = []
    recs = []
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if not raw.endswith("\n"):
        errs.append("file does not end with newline")
    for ln, line in enumerate(raw.splitlines(), 1):
        try:
            rec = json.loads(line)
        except ValueError as e:
            errs.append("line %d: bad json %s" % (ln, e))
            continue
        recs.append(rec)
        text = rec["text"]
        b = text.encode("utf-8")
        rid = rec["id"]
        if rec["format"] == "transcript":
            lines = text.split("\n")
            if not 8 <= len(lines) <= 40:
                errs.append("%s: %d turns" % (rid, len(lines)))
            for l in lines:
                if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\] |[A-Za-z_0-9 ]{1,12}: )\S", l):
                    errs.append("%s: bad line %r" % (rid, l[:60]))
            if text.endswith("\n") or "\n\n" in text:
                errs.append("%s: blank/trailing line" % rid)
        elif rec["format"] == "json":
            try:
                obj = json.loads(text)
            except ValueError:
                errs.append("%s: payload not json" % rid)
                continue
            if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != text:
                errs.append("%s: payload not compact" % rid)
            strs = [(m.start(), m.end()) for m in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
            bstr = []
            for a, z in strs:
                bstr.append((len(text[:a].encode("utf-8")), len(text[:z].encode("utf-8"))))
            for s in rec["spans"]:
                if not any(a < s["start"] and s["end"] < z for a, z in bstr):
                    errs.append("%s: span outside string" % rid)
            if rec.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"):
                errs.append("%s: profile" % rid)
        else:
            errs.append("%s: format" % rid)
        iv = []
        for s in rec["spans"]:
            if s["entity"] not in ("SSN", "PHONE", "DOB", "DATE", "MRN", "MBI", "CARD", "ZIP", "STREET", "CITY",
                                   "EMAIL", "NPI", "MEMBER_ID", "NAME"):
                errs.append("%s: entity %s" % (rid, s["entity"]))
            if s["cue"] not in ("same", "prev", "none"):
                errs.append("%s: cue" % rid)
            st = b[s["start"]:s["end"]].decode("utf-8", "strict")
            if st != st.strip() or not st:
                errs.append("%s: span whitespace %r" % (rid, st))
            if "\n" in st:
                errs.append("%s: span spans lines" % rid)
            if s["form"].startswith("split_area"):
                okv = len(s["value"]) == 3 and s["value"] in AREAS
            elif s["form"].startswith("split_rest"):
                okv = len(s["value"]) == 7 and s["value"].startswith("55501")
            else:
                okv = valid_value(s["entity"], s["value"])
            if not okv:
                errs.append("%s: invalid %s %s" % (rid, s["entity"], s["value"]))
            if s["entity"] in ("SSN", "PHONE", "MRN", "NPI", "CARD", "ZIP", "MBI", "MEMBER_ID"):
                d = decode(st)
                if d != s["value"] and not (s["form"].startswith("split") and s["value"] == d):
                    errs.append("%s: %s text %r decodes to %s, value %s" % (rid, s["entity"], st, d, s["value"]))
            if s["entity"] == "EMAIL" and not s["spoken"] and st != s["value"]:
                errs.append("%s: email %r" % (rid, st))
            iv.append((s["start"], s["end"], "span"))
        for nn in rec["negatives"]:
            iv.append((nn["start"], nn["end"], "neg"))
            try:
                if not b[nn["start"]:nn["end"]].decode("utf-8").strip():
                    errs.append("%s: empty negative" % rid)
            except UnicodeDecodeError:
                errs.append("%s: negative offsets" % rid)
        iv.sort()
        for (a1, z1, _), (a2, z2, _) in zip(iv, iv[1:]):
            if a2 < z1:
                errs.append("%s: overlap at %d" % (rid, a2))
        if any(ch in text for ch in (OPEN, NOPEN, MID, CLOSE)):
            errs.append("%s: marker left" % rid)
    for e in errs[:60]:
        print("ERROR", e)
    print("%d records, %d errors" % (len(recs), len(errs)))
    stats(recs)
    return 1 if errs else 0


def stats(recs):
    c = collections.Counter()
    ent = collections.Counter()
    kinds = collections.Counter()
    negs = collections.Counter()
    for r in recs:
        kinds[r["kind"].rsplit("_", 1)[0] + " / " + r["format"]] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1
        for n in r["negatives"]:
            negs[n["what"]] += 1
    print("records: %d (%s)" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(collections.Counter(r["format"] for r in recs).items()))))
    print("call types:", ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("entity      total  spoken(same/prev/none)  written(same/prev/none)")
    for e in sorted(ent):
        sp = "/".join(str(c[(e, "spoken", q)]) for q in ("same", "prev", "none"))
        wr = "/".join(str(c[(e, "written", q)]) for q in ("same", "prev", "none"))
        print("%-11s %5d  %-22s  %s" % (e, ent[e], sp, wr))
    print("total spans: %d; negatives: %d (%s)" % (sum(ent.values()), sum(negs.values()),
                                                   ", ".join("%s %d" % kv for kv in sorted(negs.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--check", default="")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.check))
    recs, g = generate(a.seed, a.n)
    if a.stats:
        stats(recs)
        return
    out = sys.stdout
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
