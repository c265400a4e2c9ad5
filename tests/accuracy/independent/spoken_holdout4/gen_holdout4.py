#!/usr/bin/env python3
"""Generates holdout4.jsonl: an independent spoken-PHI evaluation corpus (phone calls and
voice-agent payloads from less common healthcare settings), with injected fictitious values.

  python3 gen_holdout4.py [--seed N] [--n N] > holdout4.jsonl
  python3 gen_holdout4.py --stats
  python3 gen_holdout4.py --check holdout4.jsonl

Standard library only; deterministic for a given seed (no set/hash ordering is used).
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

csv.field_size_limit(10 ** 8)
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# value pools (all fictitious)
# ---------------------------------------------------------------------------
AREA_CODES = [int(x) for x in """201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219
224 225 228 229 231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303 304
305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 339 347 351 352
360 361 385 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423 424 425 432 434 435
440 443 469 470 478 479 480 484 501 502 503 504 505 507 508 509 510 512 513 515 516 517 518 520 530
540 541 551 559 561 562 563 567 570 571 573 574 575 580 585 586 601 602 603 605 606 607 608 609 610
612 614 615 616 617 618 619 620 623 626 630 631 636 641 646 650 651 660 661 662 678 682 701 702 703
704 706 707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 757 760 763 765 770 772
773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832
843 845 847 848 850 856 857 858 859 860 862 863 864 865 870 901 903 904 906 907 908 909 910 912 913
914 915 916 917 918 919 920 925 928 931 936 937 940 941 949 951 952 954 956 970 971 972 973 978 979
980 985 989""".split()]
AREA_SET = set(AREA_CODES)
# used 3-digit ZIP prefix ranges (inclusive)
ZIP_RANGES = [(100, 149), (150, 196), (200, 205), (206, 219), (220, 246), (270, 289), (290, 299),
              (300, 319), (320, 349), (350, 369), (370, 385), (400, 427), (430, 458), (460, 479),
              (480, 499), (500, 528), (530, 549), (550, 567), (600, 629), (630, 658), (660, 679),
              (680, 693), (700, 714), (716, 729), (730, 749), (750, 799), (800, 816), (820, 831),
              (840, 847), (850, 865), (870, 884), (889, 898), (900, 961), (970, 979), (980, 994),
              (10, 27), (28, 69), (70, 89)]
CARD_BINS = [("411111", 16), ("424242", 16), ("400005", 16), ("401288", 16), ("555555", 16),
             ("510510", 16), ("222300", 16), ("378282", 15), ("371449", 15), ("601111", 16),
             ("601100", 16), ("353011", 16), ("356600", 16), ("305693", 14), ("385200", 14)]
FIXED_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "2223003122003222",
               "378282246310005", "6011111111111117", "3530111333300000", "4000056655665556",
               "5105105105105100", "371449635398431", "6011000990139424", "30569309025904"]
MBI_LET = "ACDEFGHJKMNPQRTUVWXY"
ID_LET = "ACDEFGHJKMNPRTUVWXY"   # no I, O, B, L, S, Z in ids (avoid 1/0 confusion)

GIVEN = """Dolores Ignacio Marisol Teodoro Xiomara Rigoberto Thuy Quang Linh Bao Khanh Minh Chiamaka
Obinna Ngozi Emeka Adaeze Chukwudi Tunde Folasade Agnieszka Wojciech Grzegorz Malgorzata Bozena Tadeusz
Emre Elif Cemile Burak Oguz Zeynep Priyanka Venkat Lakshmi Raghav Anjali Sunil Meenakshi Huiling Zhiwei
Xiaoming Meilin Jianguo Yusuf Rania Khalid Samira Tariq Layla Nadia Bernadette Clifford Eugene Mildred
Lorraine Harold Gertrude Wendell Rosalind Desmond Imogen Thaddeus Delphine Ozzie Brantley Kaylee Jaxon
Nevaeh Ainsley Tatum Rhett Sloane Ingrid Sigrid Bjorn Annika Fergus Siobhan Declan Niamh Kofi Abena
Kwame Efua Mateus Thiago Leticia Wanjiru Kamau Makena Hiroshi Keiko Takumi Yuna Dmitri Svetlana Oksana
Bogdan Araceli Estrella Lupita Baltazar Consuelo Florencio""".split()
SURNAMES = """Villarreal Quintanilla Echeverria Bustamante Saucedo Arellano Trinh Huynh Phan Dang Luong
Vuong Okonkwo Eze Adeyemi Nwachukwu Obi Balogun Okafor Kowalczyk Wisniewski Zielinski Grabowski Nowicki
Dabrowska Yilmaz Aydin Ozdemir Kaya Celik Sahin Raghunathan Venkataraman Iyer Chatterjee Kulkarni
Bhattacharya Menon Zhao Xu Guo Tang Liang Hsieh Haddad Khoury Nasser Mansour Saleh Farouk Pettigrew
Hargreaves Whitcombe Ashby Fairbanks Holloway Kimura Takahashi Matsuda Nakagawa Mwangi Otieno Kiprop
Boateng Mensah Asante Fitzgerald Callaghan Donnelly Lindqvist Haugen Bergstrom Solberg Petrenko
Shevchenko Volkov Carvalho Figueiredo Rocha Gallardo Zamora Cifuentes Abernathy Oyelaran Thibodeaux
Broussard Landry Szymanski Lewandowska Gutierrez-Molina Van der Berg""".split()
SURNAMES = [s for s in SURNAMES if s not in ("Van", "der", "Berg")] + ["Van der Berg"]
AGENT_NAMES = ["Keisha", "Brenda", "Marcus", "Tamika", "Rosa", "Darnell", "Yolanda", "Trevor",
               "Shanice", "Gloria", "Andre", "Priya", "Colleen", "Hector", "Latoya", "Wanda"]
STREET_NAMES = ["Juniper", "Kessler", "Alvarado", "Magnolia", "Tamarack", "Hollister", "Bramblewood",
                "Cottonwood", "Larkspur", "Whitfield", "Sycamore", "Pemberton", "Quail Run", "Old Mill",
                "Chickasaw", "Delmar", "Ridgecrest", "Wexford", "Haverford", "Sandpiper", "Osage",
                "Briarcliff", "Fairmount", "Locust", "Catalpa", "Tupelo", "Winding Creek", "Mockingbird"]
SUFFIX = [("Street", "St."), ("Avenue", "Ave"), ("Road", "Rd"), ("Drive", "Dr"), ("Lane", "Ln"),
          ("Court", "Ct"), ("Boulevard", "Blvd"), ("Way", "Way"), ("Place", "Pl"), ("Circle", "Cir"),
          ("Terrace", "Ter"), ("Parkway", "Pkwy"), ("Trail", "Trl")]
DIRECTIONS = [("North", "N"), ("South", "S"), ("East", "E"), ("West", "W")]
DOMAINS = [("gmail.com", ["gmail dot com", "g mail dot com", "gmail.com"]),
           ("yahoo.com", ["yahoo dot com"]), ("aol.com", ["aol dot com", "a o l dot com"]),
           ("outlook.com", ["outlook dot com"]), ("hotmail.com", ["hotmail dot com"]),
           ("icloud.com", ["icloud dot com", "i cloud dot com"]), ("comcast.net", ["comcast dot net"]),
           ("att.net", ["att dot net", "a t t dot net"]), ("sbcglobal.net", ["sbcglobal dot net", "s b c global dot net"]),
           ("protonmail.com", ["protonmail dot com", "proton mail dot com"]), ("msn.com", ["msn dot com", "m s n dot com"]),
           ("verizon.net", ["verizon dot net"]), ("earthlink.net", ["earthlink dot net"])]
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
        "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
        "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu"}
ASIN = {"a": ["apple", "adam"], "b": ["boy", "bravo"], "c": ["cat", "charlie"], "d": ["dog", "david"],
        "e": ["edward", "easy"], "f": ["frank", "fox"], "g": ["george", "girl"], "h": ["henry", "house"],
        "i": ["ice", "igloo"], "j": ["john", "jack"], "k": ["king", "kite"], "l": ["larry", "lion"],
        "m": ["mary", "mike"], "n": ["nancy", "nora"], "o": ["ocean", "orange"], "p": ["peter", "paul"],
        "q": ["queen", "quick"], "r": ["robert", "red"], "s": ["sam", "sugar"], "t": ["tom", "tango"],
        "u": ["umbrella", "uncle"], "v": ["victor", "violet"], "w": ["william", "water"], "x": ["x-ray"],
        "y": ["yellow", "young"], "z": ["zebra"]}
NATO_REV = {v.replace("-", ""): k for k, v in NATO.items()}
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
       9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
       15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
       20: "twentieth", 30: "thirtieth"}


def ordinal_word(n):
    if n in ORD:
        return ORD[n]
    return TENS[n // 10] + " " + ORD[n % 10]


def ordinal_num(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


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


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c


def npi_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn_ok("80840" + s)


def ssn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    a, g, n = int(s[:3]), int(s[3:5]), int(s[5:])
    return 1 <= a <= 899 and a != 666 and g >= 1 and n >= 1 and s not in ("078051120", "123456789")


def zip_ok(s):
    if not re.fullmatch(r"\d{5}(\d{4})?", s):
        return False
    p = int(s[:3])
    return any(a <= p <= b for a, b in ZIP_RANGES)


def phone_ok(s):
    if len(s) == 11 and s[0] == "1":
        s = s[1:]
    return bool(re.fullmatch(r"\d{3}55501\d\d", s)) and int(s[:3]) in AREA_SET


def mbi_ok(s):
    L = "[%s]" % MBI_LET
    return bool(re.fullmatch("[1-9]%s[%s0-9]\\d%s[%s0-9]\\d%s%s\\d\\d" % (L, MBI_LET, L, MBI_LET, L, L), s))


def card_ok(s):
    return (14 <= len(s) <= 16 and luhn_ok(s) and s.isdigit()
            and any(s.startswith(b[:4]) for b, _ in CARD_BINS))


class Values:
    def __init__(self, rng):
        self.r = rng

    def phone(self):
        return "%03d555%04d" % (self.r.choice(AREA_CODES), 100 + self.r.randrange(100))

    def ssn(self):
        while True:
            s = "%03d%02d%04d" % (self.r.randint(1, 899), self.r.randint(1, 99), self.r.randint(1, 9999))
            if ssn_ok(s):
                return s

    def card(self):
        if self.r.random() < 0.3:
            return self.r.choice(FIXED_CARDS)
        b, n = self.r.choice(CARD_BINS)
        body = b + "".join(self.r.choice("0123456789") for _ in range(n - len(b) - 1))
        return luhn_complete(body)

    def npi(self):
        body = self.r.choice("12") + "".join(self.r.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if npi_ok(body + c):
                return body + c

    def mbi(self):
        r = self.r
        an = MBI_LET + "0123456789"
        d = lambda: r.choice("0123456789")
        return (r.choice("123456789") + r.choice(MBI_LET) + r.choice(an) + d() + r.choice(MBI_LET)
                + r.choice(an) + d() + r.choice(MBI_LET) + r.choice(MBI_LET) + d() + d())

    def mrn(self):
        r = self.r
        shape = r.choice(["d7", "d8", "d8", "d9", "l1d7", "l2d6", "d10"])
        dig = lambda n: r.choice("123456789") + "".join(r.choice("0123456789") for _ in range(n - 1))
        if shape.startswith("l"):
            nl, nd = int(shape[1]), int(shape[3:])
            return "".join(r.choice(ID_LET) for _ in range(nl)) + "".join(r.choice("0123456789") for _ in range(nd))
        return dig(int(shape[1:]))

    def member_id(self):
        r = self.r
        shape = r.choice(["l3d9", "l1d9", "d9d2", "l2d7", "l3d8", "d11"])
        digs = lambda n: "".join(r.choice("0123456789") for _ in range(n))
        if shape == "d9d2":
            return r.choice("123456789") + digs(8) + "0" + r.choice("123")
        if shape == "d11":
            return r.choice("123456789") + digs(10)
        nl, nd = int(shape[1]), int(shape[3:])
        return "".join(r.choice(ID_LET) for _ in range(nl)) + digs(nd)

    def zip(self):
        while True:
            a, b = self.r.choice(ZIP_RANGES)
            z = "%03d%02d" % (self.r.randint(a, b), self.r.randint(1, 99))
            if zip_ok(z):
                return z

    def dob(self, lo=1931, hi=2005):
        y = self.r.randint(lo, hi)
        m = self.r.randint(1, 12)
        dim = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (y, m, self.r.randint(1, dim))

    def person(self):
        g = self.r.choice(GIVEN)
        s = self.r.choice(SURNAMES)
        return (g, s)

    def street(self):
        r = self.r
        num = str(r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9899), r.randint(10000, 24999)]))
        d = r.choice(DIRECTIONS) if r.random() < 0.25 else None
        name = r.choice(STREET_NAMES)
        suf = r.choice(SUFFIX)
        unit = None
        if r.random() < 0.35:
            unit = (r.choice(["apartment", "unit", "suite", "number", "apt"]),
                    r.choice([str(r.randint(1, 40)), str(r.randint(1, 9)) + r.choice("ABCD"), str(r.randint(101, 412))]))
        return {"num": num, "dir": d, "name": name, "suf": suf, "unit": unit}

    def email(self, person):
        r = self.r
        g, s = person
        g, s = g.lower(), s.lower().replace(" ", "").replace("-", "")
        style = r.choice(["dot", "plain", "under", "init_num", "word_num", "dash", "last_first", "first_num"])
        n2 = str(r.randint(10, 99))
        if style == "dot":
            parts = [g, ".", s]
        elif style == "plain":
            parts = [g, s]
        elif style == "under":
            parts = [g, "_", s]
        elif style == "init_num":
            parts = [g[0], s, n2]
        elif style == "word_num":
            parts = [r.choice(["grandma", "nana", "papa", "coach", "mama", "sunny", "blessed", "gator"]), g, n2]
        elif style == "dash":
            parts = [g, "-", s]
        elif style == "last_first":
            parts = [s, ".", g[0]]
        else:
            parts = [g, str(r.randint(1950, 2010))]
        dom = r.choice(DOMAINS)
        return {"parts": parts, "domain": dom, "style": style}


# ---------------------------------------------------------------------------
# number words
# ---------------------------------------------------------------------------
def dword(d, zero):
    return zero if d == "0" else ONES[int(d)]


def two_words(dd, zero):
    a, b = dd
    if a == "0":
        return zero + " " + dword(b, zero)
    if a == "1":
        return TEENS[int(b)]
    return TENS[int(a)] + ("" if b == "0" else " " + ONES[int(b)])


def three_words(ddd, zero):
    if ddd[0] != "0" and ddd[1:] == "00":
        return ONES[int(ddd[0])] + " hundred"
    return dword(ddd[0], zero) + " " + two_words(ddd[1:], zero)


def four_words(d4, zero, rng):
    if d4[0] == "0":
        return zero + " " + three_words(d4[1:], zero)
    if d4[1:] == "000":
        return ONES[int(d4[0])] + " thousand"
    if d4[2:] == "00" and d4[1] != "0" and rng.random() < 0.7:
        return two_words(d4[:2], zero) + " hundred"
    return two_words(d4[:2], zero) + " " + two_words(d4[2:], zero)


def num_words(g, zero, rng):
    """a digit group said as numbers: 'forty twelve', 'five fifty five'."""
    if len(g) == 1:
        return dword(g, zero)
    if len(g) == 2:
        return two_words(g, zero)
    if len(g) == 3:
        return three_words(g, zero)
    if len(g) == 4:
        return four_words(g, zero, rng)
    # longer: pairs
    out = []
    i = 0
    if len(g) % 2:
        out.append(dword(g[0], zero))
        i = 1
    while i < len(g):
        out.append(two_words(g[i:i + 2], zero))
        i += 2
    return " ".join(out)


def single_words(g, zero, dt, rng):
    out = []
    i = 0
    while i < len(g):
        j = i
        while j < len(g) and g[j] == g[i]:
            j += 1
        run = j - i
        w = dword(g[i], zero)
        if dt and run >= 3 and rng.random() < 0.8:
            out.append("triple " + w)
            i += 3
            continue
        if dt and run >= 2 and rng.random() < 0.85:
            out.append("double " + w)
            i += 2
            continue
        out.append(w)
        i += 1
    return " ".join(out)


HOMO = {"four": "for", "two": "to", "eight": "ate"}

NUMWORD = {}
for _i, _w in enumerate(ONES):
    NUMWORD[_w] = ("d", str(_i))
NUMWORD.update({"oh": ("d", "0"), "o": ("d", "0"), "for": ("d", "4"), "to": ("d", "2"), "too": ("d", "2"),
                "ate": ("d", "8"), "won": ("d", "1")})
for _i, _w in enumerate(TEENS):
    NUMWORD[_w] = ("t", str(10 + _i))
for _i, _w in enumerate(TENS):
    if _w:
        NUMWORD[_w] = ("tens", str(_i * 10))
FILLERS = {"uh", "um", "er", "erm", "hmm", "dash", "hyphen", "slash", "and", "like", "sorry", "wait", "zip",
           "plus", "the", "of"}


BREAKS = {",", ".", ";", "uh", "um", "er", "erm", "dash", "hyphen", "slash"}


def norm_digits(text):
    """spoken/written digits back to a digit string (for validation)."""
    toks = re.findall(r"[a-z]+|\d+|[,.;]", text.lower().replace("-", " , "))
    out = []          # list of [digits, fillable trailing zeros]
    rep = 1
    for t in toks:
        if t in BREAKS:
            if out:
                out[-1][1] = 0
            continue
        if t.isdigit():
            out.append([t, 0])
            continue
        if t in ("double", "triple"):
            rep = 2 if t == "double" else 3
            continue
        if t == "hundred" and out:
            out[-1] = [out[-1][0] + "00", 2]
            continue
        if t == "thousand" and out:
            out[-1] = [out[-1][0] + "000", 3]
            continue
        if t not in NUMWORD:
            continue
        kind, v = NUMWORD[t]
        if out and rep == 1:
            s, f = out[-1]
            if kind == "d" and v != "0" and f >= 1:
                out[-1] = [s[:-1] + v, 0]
                continue
            if kind == "t" and f >= 2:
                out[-1] = [s[:-2] + v, 0]
                continue
            if kind == "tens" and f >= 2:
                out[-1] = [s[:-2] + v, 1]
                continue
        for _ in range(rep):
            out.append([v, 1 if kind == "tens" else 0])
        rep = 1
    return "".join(s for s, _ in out)


def norm_alnum(text):
    """ids with letters: letters (plain, NATO, 'x as in ...'), digits in any style."""
    t = text.lower().replace("x-ray", "xray")
    toks = re.findall(r"[a-z]+|\d+|[,.;]", t.replace("-", " , "))
    res = []
    buf = []
    skip = 0
    for i, w in enumerate(toks):
        if skip:
            skip -= 1
            continue
        if w == "as" and i + 1 < len(toks) and toks[i + 1] == "in":
            skip = 2
            continue
        if w.isdigit() or w in NUMWORD or w in ("double", "triple", "hundred", "thousand"):
            if w in ("o",):
                buf.append(w)
                continue
            buf.append(w)
            continue
        if w in FILLERS or w in BREAKS:
            if buf:
                buf.append(",")
            continue
        if buf:
            res.append(norm_digits(" ".join(buf)))
            buf = []
        if w in NATO_REV:
            res.append(NATO_REV[w].upper())
        elif len(w) == 1:
            res.append(w.upper())
        else:
            res.append(w.upper())
    if buf:
        res.append(norm_digits(" ".join(buf)))
    return "".join(res)


# ---------------------------------------------------------------------------
# renderers: value -> (text, form, spoken)
# styles: lower (ASR, no punctuation), punct (punctuated words), smart (smart-formatted STT:
# numerals often), llm (voice-agent LLM turn), written (LLM summary / metadata)
# ---------------------------------------------------------------------------
def cap1(s):
    return s[:1].upper() + s[1:] if s else s


def pick_zero(rng, style):
    if style == "lower":
        return rng.choice(["oh", "oh", "zero", "o"])
    return rng.choice(["oh", "oh", "zero"])


def pick_sep(rng, style):
    if style == "lower":
        return rng.choice([(" ", "space"), (" ", "space"), (" uh ", "uh"), (" um ", "um")])
    return rng.choice([(", ", "comma"), (", ", "comma"), (" ", "space"), ("... ", "ellipsis"),
                       (" - ", "dash"), (". ", "period"), (", uh, ", "uh"), (" dash ", "dashword")])


def join_groups(parts, sep):
    out = parts[0]
    for p in parts[1:]:
        out += sep + (cap1(p) if sep == ". " else p)
    return out


def homophone(text, rng):
    ws = text.split(" ")
    idx = [i for i, w in enumerate(ws) if w in HOMO]
    if not idx:
        return text, False
    i = rng.choice(idx)
    ws[i] = HOMO[ws[i]]
    return " ".join(ws), True


def render_group(g, mode, zero, rng):
    if mode == "numeral":
        return g
    if mode == "num":
        return num_words(g, zero, rng)
    return single_words(g, zero, mode == "dt", rng)


def render_digit_groups(groups, rng, style, modes=("single", "dt", "num"), allow_homo=True, tag=""):
    zero = pick_zero(rng, style)
    mode = rng.choice(modes)
    parts = []
    used = []
    for g in groups:
        m = mode
        if style == "smart" and rng.random() < 0.3:
            m = "numeral"
        elif rng.random() < 0.15:
            m = rng.choice(modes)
        parts.append(render_group(g, m, zero, rng))
        used.append(m)
    sep, sname = pick_sep(rng, style)
    text = join_groups(parts, sep)
    form = "%s%s_%s_%s" % (tag, "-".join(sorted(set(used))), zero, sname)
    if style == "lower" and allow_homo and rng.random() < 0.25:
        text, ok = homophone(text, rng)
        if ok:
            form += "_asr_homophone"
    spoken = any(m != "numeral" for m in used)
    return text, form, spoken


def r_phone(v, rng, style):
    g = [v[:3], v[3:6], v[6:]]
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.4):
        fmts = [("(%s) %s-%s", "paren"), ("%s-%s-%s", "dash"), ("%s.%s.%s", "dots"), ("%s %s %s", "space")]
        f, n = rng.choice(fmts)
        return f % tuple(g), "written_" + n, False
    zero = pick_zero(rng, style)
    am = rng.choice(["single", "single", "single", "num"])
    ex = rng.choice(["five five five", "five five five", "triple five", "five fifty five", "double five five"])
    lm = rng.choice(["single", "dt", "num", "num"])
    parts = [render_group(g[0], am, zero, rng), ex, render_group(g[2], lm, zero, rng)]
    tags = [am, ex.replace(" ", ""), lm]
    if style == "smart" and rng.random() < 0.5:
        k = rng.choice([1, 2])
        parts[k] = g[k]
        tags[k] = "numeral"
    sep, sname = pick_sep(rng, style)
    text = join_groups(parts, sep)
    form = "phone_%s_%s_%s" % ("_".join(tags), zero, sname)
    if rng.random() < 0.1:
        p = "... " if style != "lower" else " uh "
        text = parts[0] + p + text
        form += "_restart"
    if style == "lower" and rng.random() < 0.25:
        text, ok = homophone(text, rng)
        if ok:
            form += "_asr_homophone"
    return text, form, True


def r_ssn(v, rng, style, last4=False):
    if last4:
        g = [v[5:]]
        if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
            return v[5:], "last4_written", False
        mode = rng.choice(["single", "single", "num", "dt"])
        zero = pick_zero(rng, style)
        t = render_group(v[5:], mode, zero, rng)
        if mode == "single" and rng.random() < 0.3:
            sep = ", " if style != "lower" else " uh "
            t = render_group(v[5:7], "single", zero, rng) + sep + render_group(v[7:], "single", zero, rng)
            mode = "single_pause"
        return t, "last4_%s_%s" % (mode, zero), True
    g = [v[:3], v[3:5], v[5:]]
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
        return "%s-%s-%s" % tuple(g), "written_dash", False
    return render_digit_groups(g, rng, style, tag="ssn_")


def card_groups(v):
    if len(v) == 15:
        return [v[:4], v[4:10], v[10:]]
    if len(v) == 14:
        return [v[:4], v[4:10], v[10:]]
    return [v[:4], v[4:8], v[8:12], v[12:]]


def r_card(v, rng, style, last4=False):
    if last4:
        l4 = v[-4:]
        if style == "written" or (style in ("smart", "llm") and rng.random() < 0.4):
            return l4, "last4_written", False
        mode = rng.choice(["single", "num", "dt"])
        return render_group(l4, mode, pick_zero(rng, style), rng), "last4_" + mode, True
    g = card_groups(v)
    if style == "written" or (style == "smart" and rng.random() < 0.3):
        return " ".join(g), "written_groups", False
    return render_digit_groups(g, rng, style, modes=("single", "single", "dt", "num"), tag="card_")


def r_npi(v, rng, style):
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
        return v, "written_plain", False
    g = rng.choice([[v[:3], v[3:6], v[6:]], [v[:5], v[5:]], [v]])
    return render_digit_groups(g, rng, style, modes=("single", "dt", "num"), tag="npi_g%d_" % len(g))


def r_zip(v, rng, style):
    if style == "written" or (style == "smart" and rng.random() < 0.45):
        return (v if len(v) == 5 else v[:5] + "-" + v[5:]), "written_" + ("zip5" if len(v) == 5 else "zip9"), False
    zero = pick_zero(rng, style)
    mode = rng.choice(["single", "single", "pairs", "mixed", "dt"])
    z = v[:5]
    if mode == "single":
        t = single_words(z, zero, False, rng)
    elif mode == "dt":
        t = single_words(z, zero, True, rng)
    elif mode == "pairs":   # ninety four one ten
        t = two_words(z[:2], zero) + " " + dword(z[2], zero) + " " + two_words(z[3:], zero)
    else:                   # nine four one ten
        t = single_words(z[:3], zero, False, rng) + " " + two_words(z[3:], zero)
    if len(v) == 9:
        sep = rng.choice([" dash ", ", ", " "]) if style != "lower" else rng.choice([" dash ", " "])
        t += sep + single_words(v[5:], zero, False, rng)
        mode += "_plus4"
    return t, "zip_%s_%s" % (mode, zero), True


def letter(ch, lstyle, style, rng):
    c = ch.lower()
    if lstyle == "nato":
        return NATO[c]
    if lstyle == "asin":
        return "%s as in %s" % (c if style == "lower" else c.upper(), rng.choice(ASIN[c]))
    return c if style == "lower" else c.upper()


def spell(word, rng, style, lstyle=None):
    letters = [ch for ch in word if ch.isalpha()]
    if lstyle is None:
        opts = ["plain", "plain", "nato", "asin"]
        if style != "lower":
            opts += ["dash", "dots", "plain_comma"]
        lstyle = rng.choice(opts)
    if lstyle == "dash":
        return "-".join(ch.upper() for ch in letters), "spelled_dash"
    if lstyle == "dots":
        return " ".join(ch.upper() + "." for ch in letters), "spelled_dots"
    if lstyle == "plain_comma":
        return ", ".join(ch.upper() for ch in letters), "spelled_comma"
    sep = ", " if (lstyle == "asin" and style != "lower") else " "
    return sep.join(letter(ch, lstyle, style, rng) for ch in letters), "spelled_" + lstyle


def r_alnum(v, rng, style, chunks=None, tag="id"):
    """MRN / MBI / member id."""
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
        if chunks and rng.random() < 0.6:
            out, i = [], 0
            for c in chunks:
                out.append(v[i:i + c])
                i += c
            return "-".join(out), "written_dashed", False
        return v, "written_plain", False
    lst = rng.choice(["plain", "plain", "nato", "asin", "mixed"])
    zero = pick_zero(rng, style)
    dmode = rng.choice(["single", "single", "num", "dt"])
    if chunks is None:
        # runs of letters / digits, long digit runs split in 3-4
        chunks = []
        for m in re.finditer(r"[A-Z]+|\d+", v):
            s = m.group(0)
            if s.isdigit() and len(s) > 4:
                k = rng.choice([3, 4])
                while s:
                    chunks.append(len(s[:k]))
                    s = s[k:]
            else:
                chunks.append(len(s))
    sep, sname = pick_sep(rng, style)
    if sname == "period":
        sep, sname = (", ", "comma")
    parts = []
    i = 0
    for c in chunks:
        g = v[i:i + c]
        i += c
        words = []
        j = 0
        while j < len(g):
            if g[j].isalpha():
                ls = lst if lst != "mixed" else rng.choice(["plain", "nato", "asin"])
                words.append(letter(g[j], ls, style, rng))
                j += 1
            else:
                k = j
                while k < len(g) and g[k].isdigit():
                    k += 1
                d = g[j:k]
                words.append(render_group(d, dmode if len(d) > 1 else "single", zero, rng))
                j = k
        parts.append(" ".join(words))
    text = join_groups(parts, sep)
    if lst == "asin" and style != "lower":
        text = text.replace(" as in ", " as in ").replace("  ", " ")
    return text, "%s_%s_%s_%s_%s" % (tag, lst, dmode, zero, sname), True


def r_mrn(v, rng, style):
    return r_alnum(v, rng, style, tag="mrn")


def r_member(v, rng, style):
    return r_alnum(v, rng, style, tag="member")


def r_mbi(v, rng, style):
    if style == "written" or rng.random() < 0.6:
        return r_alnum(v, rng, style, chunks=[4, 3, 4], tag="mbi_card")
    return r_alnum(v, rng, style, chunks=[11], tag="mbi_run")


def year_words(y, rng, style, allow_short=True):
    opts = ["full"]
    if allow_short:
        opts.append("short")
    if y >= 2000:
        opts += ["thousand", "thousand_and", "twenty_oh"] if y < 2010 else ["thousand", "twenty_x"]
    s = rng.choice(opts)
    ys = "%04d" % y
    if s == "short":
        return two_words(ys[2:], "oh"), "yy"
    if s == "thousand":
        return "two thousand" + ("" if y == 2000 else " " + (ONES[y - 2000] if y < 2010 else two_words(ys[2:], "oh"))), "two_thousand"
    if s == "thousand_and":
        return "two thousand and " + ONES[y - 2000], "two_thousand_and"
    if s in ("twenty_oh", "twenty_x"):
        return "twenty " + two_words(ys[2:], "oh"), "twenty_x"
    return two_words(ys[:2], "oh") + " " + two_words(ys[2:], "oh"), "yyyy"


def r_dob(v, rng, style):
    y, m, d = v
    mon = MONTHS[m - 1]
    Mon = mon.capitalize()
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
        f = rng.choice(["slash", "slash_short", "long", "long_ord", "iso", "slash_nolead"])
        t = {"slash": "%02d/%02d/%04d" % (m, d, y), "slash_short": "%d/%d/%02d" % (m, d, y % 100),
             "long": "%s %d, %d" % (Mon, d, y), "long_ord": "%s %s, %d" % (Mon, ordinal_num(d), y),
             "iso": "%04d-%02d-%02d" % (y, m, d), "slash_nolead": "%d/%d/%d" % (m, d, y)}[f]
        return t, "written_" + f, False
    pat = rng.choice(["mdy", "mdy", "the_d_of_m", "num_md", "num_md", "num_single", "num_slash", "mdy_mixed"])
    monw = mon if style == "lower" else Mon
    if pat == "mdy":
        yw, yf = year_words(y, rng, style)
        sep = rng.choice([" ", ", "]) if style != "lower" else " "
        return "%s %s%s%s" % (monw, ordinal_word(d), sep, yw), "month_dayord_%s" % yf, True
    if pat == "mdy_mixed":
        if style in ("smart", "punct"):
            return "%s %s, %d" % (monw, ordinal_word(d), y), "month_dayord_numeral_year", True
        yw, yf = year_words(y, rng, style)
        return "%s %d %s" % (monw, d, yw), "month_numday_%s" % yf, True
    if pat == "the_d_of_m":
        yw, yf = year_words(y, rng, style)
        sep = rng.choice([" ", ", "]) if style != "lower" else " "
        return "the %s of %s%s%s" % (ordinal_word(d), monw, sep, yw), "the_d_of_m_%s" % yf, True
    zero = pick_zero(rng, style)
    ms = "%02d" % m
    ds = "%02d" % d
    if pat == "num_md":
        lead = rng.random() < 0.5 or m >= 10
        mw = two_words(ms, zero) if (lead and m < 10) else (TEENS[m - 10] if m >= 10 else ONES[m])
        dw = two_words(ds, zero) if d >= 10 or rng.random() < 0.5 else ONES[d]
        yw, yf = year_words(y, rng, style)
        sep = rng.choice([" ", ", "]) if style != "lower" else rng.choice([" ", " uh "])
        return "%s %s%s%s" % (mw, dw, sep, yw), "num_md_%s_%s" % ("lead" if lead else "nolead", yf), True
    if pat == "num_single":
        digits = ms + ds + "%04d" % y
        return single_words(digits, zero, False, rng), "num_single_digits_%s" % zero, True
    yw, yf = year_words(y, rng, style)
    slash = " slash " if rng.random() < 0.7 else " "
    return "%s%s%s%s%s" % (two_words(ms, zero), slash, two_words(ds, zero) if d >= 10 else (zero + " " + ONES[d]), slash, yw), "num_slash_%s" % yf, True


def r_name(person, rng, style, part="full"):
    g, s = person
    if part == "first":
        t = g
    elif part == "last":
        t = s
    elif part == "last_first":
        t = "%s, %s" % (s, g) if style != "lower" else "%s %s" % (s, g)
    else:
        t = "%s %s" % (g, s)
    if style == "lower":
        t = t.lower()
    return t, "name_%s%s" % (part, "_lower" if style == "lower" else ""), style != "written"


def email_written(e):
    return "".join(e["parts"]) + "@" + e["domain"][0]


def r_email(e, rng, style):
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.45):
        return email_written(e), "written", False
    parts = e["parts"]
    mode = rng.choice(["words", "words", "spell_first", "spell_last", "half_written"])
    if mode == "half_written" and style == "lower":
        mode = "words"
    out = []
    for k, p in enumerate(parts):
        if p == ".":
            out.append(rng.choice(["dot", "dot", "period"]))
        elif p == "_":
            out.append("underscore")
        elif p == "-":
            out.append(rng.choice(["dash", "hyphen"]))
        elif p.isdigit():
            if len(p) == 4:
                out.append(rng.choice([two_words(p[:2], "zero") + " " + two_words(p[2:], "zero"), single_words(p, "zero", False, rng)]))
            else:
                out.append(rng.choice([two_words(p, "zero"), single_words(p, "zero", False, rng)]))
        else:
            w = p
            if (mode == "spell_first" and k == 0) or (mode == "spell_last" and k == len(parts) - 1 and len(parts) > 1):
                w = " ".join(ch if style == "lower" else ch.upper() for ch in p)
            out.append(w)
    local = " ".join(out)
    if mode == "half_written":
        local = "".join(parts)
    at = rng.choice(["at", "at", "at", "at sign"])
    dom_sp = rng.choice(e["domain"][1])
    if style == "lower":
        dom_sp = dom_sp.replace(".", " dot ")
    text = "%s %s %s" % (local, at, dom_sp)
    return text, "email_%s_%s%s" % (e["style"], mode, "_atsign" if at == "at sign" else ""), True


def house_words(num, rng, style, zero):
    mode = rng.choice(["num", "num", "single", "pairs"])
    if style in ("smart",) and rng.random() < 0.4:
        return num, "numeral"
    if mode == "single" or len(num) == 5 and mode != "pairs":
        return single_words(num, zero, False, rng), "digits"
    if mode == "pairs" and len(num) >= 4:
        return num_words(num, zero, rng) if len(num) == 4 else two_words(num[:2], zero) + " " + three_words(num[2:], zero), "pairs"
    return num_words(num, zero, rng), "number"


def r_street(st, rng, style):
    num, d, name, suf, unit = st["num"], st["dir"], st["name"], st["suf"], st["unit"]
    if style == "written" or (style in ("smart", "llm") and rng.random() < 0.35):
        t = num + " " + ((d[1] + " ") if d else "") + name + " " + suf[1]
        if unit:
            t += ", " + {"apartment": "Apt", "apt": "Apt", "unit": "Unit", "suite": "Ste", "number": "#"}[unit[0]] + (" " if unit[0] != "number" else "") + unit[1]
        return t, "written_street" + ("_unit" if unit else ""), False
    zero = pick_zero(rng, style)
    hw, hm = house_words(num, rng, style, zero)
    t = hw + " " + ((d[0] + " ") if d else "") + name + " " + suf[0]
    if unit:
        u = unit[1]
        uw = " ".join(render_group(m.group(0), rng.choice(["num", "single"]), zero, rng) if m.group(0).isdigit() else m.group(0)
                      for m in re.finditer(r"\d+|[A-Z]", u))
        if style == "lower":
            uw = uw.lower()
        sep = rng.choice([" ", ", "]) if style != "lower" else " "
        t += sep + unit[0] + " " + uw
    if style == "lower":
        t = t.lower()
    return t, "house_%s%s%s" % (hm, "_dir" if d else "", "_unit" if unit else ""), True


# ---------------------------------------------------------------------------
# carrier dialogues (public, CC BY 4.0): screened windows of real clinical talk
# ---------------------------------------------------------------------------
COMMON_GIVEN = """james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl
arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne
elijah randy roy vincent ralph eugene russell bobby mason philip louis mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna
michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn
janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
kathryn janice jean abigail alice julia judy sophia grace denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori sophie jane claire chloe
katie jenny jim bob bill mike tom dan joe steve dave tony rick nick chris pat liz beth kate meg sue
mrs mr ms dr doctor nurse miss mister""".split()
STOP_AFTER = set("""the a an you your i it is was and to of for that this there everyone everybody
again so how all in on at be can do what we he she they good just back ok okay um uh yeah yes no
my me us here now how's""".split())
DROP_WORDS = re.compile(r"\b(born|birth|birthday|name|named|spell|spelled|address|street|avenue|road|"
                        r"phone|email|e-mail|insurance|medicare|medicaid|social security|zip|ssn|"
                        r"january|february|march|april|june|july|august|september|october|november|"
                        r"december|ninety|hundred years|drive over|lives? (?:in|on)|from (?:the )?[a-z]+ (?:county|city)|"
                        r"@|dot com|www|record number|chart number|id number|card)\b", re.I)
ASK_ID = re.compile(r"\b(name|birth|how old|age|spell|address|phone|number)\b", re.I)
DIGITS_BAD = re.compile(r"\d{3,}|\d+\s*/\s*\d+|\b9\d\b|\b\d{1,2}(?:st|nd|rd|th)\b")
ALLOWED_CAPS = set("""I I'm I'll I've I'd I'd OK Okay Tylenol Advil Motrin Aleve Ibuprofen COVID Covid
Doctor Mm Hmm Um Uh Yeah Yes No So And But Oh Alright All Right Well Okay. Monday Tuesday Wednesday
Thursday Friday Saturday Sunday English God Christmas MRI CT ER EKG ECG BP UTI ICU X-ray""".split())


def carrier_dir(arg):
    for c in [arg, os.environ.get("CARRIER_DIR"), os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "carrier-sources"),
              os.path.join(HERE, "..", "..", "..", "..", "shared", "carrier-sources"), "/work/shared/carrier-sources"]:
        if c and os.path.isdir(os.path.join(c, "aci-bench")):
            return c
    sys.exit("carrier-sources not found (use --carrier-dir)")


def screen_ok(t, lowername):
    if DIGITS_BAD.search(t) or DROP_WORDS.search(t):
        return False
    words = re.findall(r"[A-Za-z']+", t)
    low = [w.lower() for w in words]
    for w in low:
        if w in lowername:
            return False
    for m in re.finditer(r"\b(hey|hi|hello|bye|thanks|thank you|morning|afternoon|dr|mr|mrs|ms|miss|mister|doctor|nurse|dear)\b\.?,? +([A-Za-z']+)", t, re.I):
        if m.group(2).lower() not in STOP_AFTER:
            return False
    # capitalised words inside a sentence (names, places) in punctuated carriers
    for sent in re.split(r"[.!?]+\s+", t):
        ws = sent.split()
        for w in ws[1:]:
            w2 = w.strip(",;:\"()")
            if re.fullmatch(r"[A-Z][a-z']+", w2) and w2 not in ALLOWED_CAPS:
                return False
    if re.search(r"\b(XX+|YYYY|ABC|Doctor X|Mr\. X)\b", t):
        return False
    return True


def clean_turn(t):
    t = re.sub(r"<[^>]*>", " ", t)
    t = re.sub(r"\[[^\]]*\]", " ", t)
    t = t.replace("wan na", "wanna").replace("gon na", "gonna").replace(" n't", "n't")
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s+([.,?!])", r"\1", t)
    t = re.sub(r"([.,?!])(\s*,)+", r"\1", t)
    t = re.sub(r"^[,.]\s*", "", t)
    if len(t) > 320:
        cut = t[:320]
        k = max(cut.rfind(". "), cut.rfind("? "))
        t = cut[:k + 1] if k > 120 else cut[:cut.rfind(" ")]
    return t


def load_carriers(cdir):
    lowername = set(COMMON_GIVEN) | {w.lower() for n in GIVEN + SURNAMES + AGENT_NAMES + STREET_NAMES for w in n.split()}
    dialogues = {"aci": [], "mts": [], "primock": []}
    for f in sorted(glob.glob(os.path.join(cdir, "aci-bench", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"^\[(doctor|patient)\] (.*)$", line.strip())
                    if m:
                        turns.append(("A" if m.group(1) == "doctor" else "C", m.group(2)))
                if len(turns) > 12:
                    dialogues["aci"].append(turns)
    for f in sorted(glob.glob(os.path.join(cdir, "mts-dialog", "*.csv"))):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = []
                for line in row["dialogue"].split("\n"):
                    m = re.match(r"^\s*(Doctor|Patient):\s*(.*)$", line.strip())
                    if m:
                        turns.append(("A" if m.group(1) == "Doctor" else "C", m.group(2).strip()))
                    elif line.strip():
                        turns.append(("X", line))
                if len(turns) >= 6:
                    dialogues["mts"].append(turns)
    pfiles = sorted(glob.glob(os.path.join(cdir, "primock57", "*_doctor.TextGrid")))
    for f in pfiles:
        ivs = []
        for role, path in (("A", f), ("C", f.replace("_doctor.", "_patient."))):
            if not os.path.exists(path):
                continue
            txt = open(path, encoding="utf-8").read()
            for m in re.finditer(r'xmin = ([\d.]+)\s*\n\s*xmax = ([\d.]+)\s*\n\s*text = "((?:[^"]|"")*)"', txt):
                s = m.group(3).replace('""', '"').strip()
                if s:
                    ivs.append((float(m.group(1)), role, s))
        ivs.sort()
        turns = []
        for _, role, s in ivs:
            if turns and turns[-1][0] == role:
                turns[-1] = (role, turns[-1][1] + " " + s)
            else:
                turns.append((role, s))
        dialogues["primock"].append(turns)
    # screen: returns per source a list of dialogues, each a list of (role, text) kept
    out = {}
    stats = collections.Counter()
    for src in ("aci", "mts", "primock"):
        out[src] = []
        for turns in dialogues[src]:
            kept = []
            drop_next = 0
            for k, (role, t) in enumerate(turns):
                stats["turns"] += 1
                t = clean_turn(t)
                if k < 3 or k >= len(turns) - 3 or role == "X":
                    stats["dropped"] += 1
                    kept.append(None)
                    continue
                if drop_next:
                    drop_next -= 1
                    stats["dropped"] += 1
                    kept.append(None)
                    continue
                if ASK_ID.search(t):
                    drop_next = 3
                if not t or not screen_ok(t, lowername):
                    stats["dropped"] += 1
                    kept.append(None)
                    continue
                kept.append((role, t))
            # contiguous runs of kept turns
            run = []
            for x in kept + [None]:
                if x is None:
                    if len(run) >= 2:
                        out[src].append(run)
                    run = []
                else:
                    run.append(x)
    return out, stats


# ---------------------------------------------------------------------------
# settings
# ---------------------------------------------------------------------------
def S(**kw):
    return kw


SETTINGS = {
    "after_hours_answering": S(
        labels=[("Operator", "Caller"), ("Answering service", "Caller")], aci=("[operator]", "[caller]"),
        greet=["After-hours answering service, this is {agent}, is this a medical emergency?",
               "Thank you for calling the after-hours line. This is {agent}. How can I help you?"],
        reasons=["No, it's not an emergency, my son has had a fever since this afternoon and I wasn't sure if we should bring him in tonight.",
                 "Hi, yeah, my mother's catheter bag is leaking and the home health nurse said to call this number.",
                 "Um, I had surgery on Monday and the incision is kind of red and warm, I just wanted somebody to look at it."],
        chat=[("Has he had anything for the fever?", "I gave him the children's Tylenol around dinner."),
              ("Okay, I'm going to page the on-call provider and they'll call you back.", "Okay, thank you."),
              ("Is the area draining at all?", "A little bit, kind of clear yellow.")],
        ents={"PHONE": 3, "NAME": 3, "DOB": 2.5, "MRN": 0.8, "EMAIL": 0.3, "ZIP": 0.5, "SSN": 0.3, "STREET": 0.5,
              "MEMBER_ID": 0.3, "CARD": 0.2, "NPI": 0.1, "MBI": 0.1}, medicare=False),
    "urgent_care_kiosk": S(
        labels=[("Kiosk", "Patient"), ("Check-in", "Patient")], aci=("[kiosk]", "[patient]"),
        greet=["Welcome to urgent care. I can check you in by voice. What brings you in today?",
               "Hi, welcome. I'm the voice check-in assistant. Are you checking in for yourself or someone else?"],
        reasons=["I cut my hand on a box cutter at work.", "For myself. I think I have strep, my throat is killing me.",
                 "It's for my daughter, she fell off the trampoline and her wrist is swollen."],
        chat=[("On a scale of zero to ten, how bad is the pain right now?", "Like a six, maybe seven."),
              ("Do you have any allergies to medications?", "Just sulfa drugs."),
              ("Thanks. Please have a seat and watch the screen for your number.", "Okay.")],
        ents={"NAME": 2.5, "DOB": 3, "PHONE": 2, "ZIP": 2, "EMAIL": 2, "MEMBER_ID": 1.5, "SSN": 1.2, "CARD": 1.5,
              "STREET": 1, "MRN": 0.5, "MBI": 0.2, "NPI": 0.05}, medicare=False),
    "specialty_pharmacy": S(
        labels=[("Pharmacist", "Patient"), ("Pharmacy tech", "Caller")], aci=("[pharmacist]", "[patient]"),
        greet=["Specialty pharmacy, this is {agent}, I'm calling to set up your next shipment. Is now a good time?",
               "Thanks for calling the specialty pharmacy, my name is {agent}. How can I help you today?"],
        reasons=["Yeah, I'm about to run out of my injection and nobody called me.", "I'm calling about the refill for my Humira, it says it needs a prior auth.",
                 "My husband's chemo pills, the shipment didn't come yesterday."],
        chat=[("Any changes to your medications or new allergies since last month?", "No, nothing new."),
              ("It ships cold in a cooler, so someone needs to be home to bring it in.", "Yeah, I work from home."),
              ("Any missed doses or side effects I should know about?", "Just the usual tiredness the day after.")],
        ents={"DOB": 2.5, "NAME": 2, "CARD": 3, "STREET": 2, "ZIP": 2, "PHONE": 2, "MEMBER_ID": 2, "NPI": 1.5,
              "MRN": 1, "EMAIL": 1.5, "SSN": 0.8, "MBI": 0.6}, medicare=False),
    "dme_supplier": S(
        labels=[("Rep", "Caller"), ("Agent", "Caller")], aci=("[agent]", "[caller]"),
        greet=["Medical supply, this is {agent}, how can I help?", "Thank you for calling, you've reached durable medical equipment, this is {agent}."],
        reasons=["I'm calling about the hospital bed for my father, it was supposed to be delivered today.",
                 "My CPAP supplies, the mask and the tubing, I'm due for new ones.", "I need a walker and a shower chair, the doctor sent an order over."],
        chat=[("Does the bed need to go upstairs or is it the main floor?", "Main floor, in the living room."),
              ("Medicare covers the rental after the deductible, and then it's twenty percent.", "Okay, he has a supplement for that."),
              ("We'll need a signed order from the doctor before it ships.", "They said they faxed it Friday.")],
        ents={"MBI": 3, "DOB": 2.5, "NPI": 2, "STREET": 2.5, "ZIP": 2, "PHONE": 2, "NAME": 2, "CARD": 1.5,
              "MEMBER_ID": 1.5, "SSN": 1, "EMAIL": 1, "MRN": 0.5}, medicare=True),
    "hospice_family": S(
        labels=[("Nurse", "Daughter"), ("Hospice nurse", "Son"), ("Nurse", "Caregiver")], aci=("[nurse]", "[family]"),
        greet=["Hospice, this is {agent}, I'm one of the triage nurses.", "Hi, this is {agent} with hospice, returning your call."],
        reasons=["Hi, it's about my dad, he's been really restless tonight and pulling at his blankets.",
                 "Mom hasn't eaten anything since yesterday and her breathing sounds different.",
                 "We're running low on the morphine and the pharmacy says they need something from you."],
        chat=[("Is he in any pain that you can tell?", "He grimaces when we turn him."),
              ("That kind of breathing can be normal at this stage. I can send someone out.", "Yes, please, I'd feel better."),
              ("Are you doing okay? This is a lot to handle.", "I'm tired, but we're managing.")],
        ents={"NAME": 3, "DOB": 2, "MRN": 2, "PHONE": 2, "MBI": 1.5, "STREET": 1.5, "EMAIL": 1.2, "ZIP": 1,
              "NPI": 0.5, "MEMBER_ID": 0.5, "SSN": 0.5, "CARD": 0.2}, medicare=True),
    "workers_comp": S(
        labels=[("Case manager", "Claimant"), ("Adjuster", "Caller")], aci=("[adjuster]", "[claimant]"),
        greet=["Workers' comp nurse case management, this is {agent}.", "Hi, this is {agent}, I'm the nurse case manager assigned to your claim."],
        reasons=["I hurt my back lifting at the warehouse and my supervisor gave me this number.",
                 "I'm calling about physical therapy, they said the visits weren't approved yet.",
                 "I got a letter saying my claim was missing information."],
        chat=[("Are you back at work on light duty?", "Yeah, no lifting over twenty pounds."),
              ("I'll send the therapy request to the adjuster today.", "Okay, because I'm supposed to start next week."),
              ("How is the pain compared to last week?", "Better in the morning, worse by the end of the shift.")],
        ents={"SSN": 3, "DOB": 2.5, "PHONE": 2, "EMAIL": 2, "STREET": 1.5, "ZIP": 1.5, "NAME": 2, "MRN": 1.5,
              "MEMBER_ID": 0.5, "CARD": 0.2, "NPI": 0.8, "MBI": 0.1}, medicare=False),
    "vaccination_scheduling": S(
        labels=[("Scheduler", "Caller"), ("Agent", "Caller")], aci=("[scheduler]", "[caller]"),
        greet=["Vaccine scheduling line, this is {agent}.", "Thanks for calling the immunization clinic. My name is {agent}."],
        reasons=["I want to book the shingles shot, the second one.", "My kids need their school shots before August, both of them.",
                 "I'd like to get the flu shot and the covid booster at the same time if that's possible."],
        chat=[("We have openings at the Saturday clinic.", "Saturday is perfect."),
              ("Any reaction to a vaccine in the past?", "My arm was sore for a day, that's it."),
              ("Bring the vaccine card if you have it.", "I think it's in the drawer, I'll find it.")],
        ents={"NAME": 3, "DOB": 3, "EMAIL": 2.5, "PHONE": 2.5, "ZIP": 2, "MEMBER_ID": 1.5, "MRN": 1, "SSN": 0.3,
              "CARD": 0.3, "STREET": 0.5, "MBI": 0.5, "NPI": 0.05}, medicare=False),
    "school_nurse": S(
        labels=[("School nurse", "Parent"), ("Nurse", "Mom"), ("Nurse", "Dad")], aci=("[nurse]", "[parent]"),
        greet=["Hi, this is {agent}, the school nurse. Is this a parent?", "Hello, this is {agent} calling from the nurse's office at the middle school."],
        reasons=["Yes, this is her mom, is everything okay?", "Yeah, I'm his dad. What happened?",
                 "I'm returning a call from the nurse's office, I missed it."],
        chat=[("She bumped heads with another student at recess. No loss of consciousness.", "Oh no. Is she crying?"),
              ("He says his stomach hurts and he threw up once.", "Okay, I can pick him up at lunch."),
              ("We need an updated inhaler form from the pediatrician.", "I'll ask them to fax it.")],
        ents={"NAME": 3.5, "DOB": 2.5, "PHONE": 2.5, "EMAIL": 2, "MRN": 1, "MEMBER_ID": 1, "NPI": 0.3, "ZIP": 0.5,
              "STREET": 0.5, "SSN": 0.1, "CARD": 0.05, "MBI": 0.0}, medicare=False, child=True),
    "ambulance_billing": S(
        labels=[("Billing", "Caller"), ("Rep", "Caller")], aci=("[billing]", "[caller]"),
        greet=["Ambulance billing office, this is {agent}, can I have the run date or the account?", "Thank you for calling patient accounts for the ambulance service, this is {agent}."],
        reasons=["I got a bill for an ambulance ride and I think insurance should have paid it.",
                 "My mother was taken to the ER in the spring and we got a collections letter.",
                 "I want to set up a payment plan for the transport bill."],
        chat=[("I see the claim was denied for medical necessity.", "That doesn't make sense, she couldn't walk."),
              ("I can resubmit it with the crew's notes.", "Please do."),
              ("Would you like a copy of the itemized statement?", "Yes, mail it please.")],
        ents={"CARD": 3, "SSN": 2, "MBI": 2, "MEMBER_ID": 2, "DOB": 2, "ZIP": 2, "STREET": 2, "PHONE": 1.5,
              "EMAIL": 1.5, "NAME": 1.5, "MRN": 0.5, "NPI": 0.2}, medicare=False),
    "sleep_clinic": S(
        labels=[("Coordinator", "Patient"), ("Sleep tech", "Patient")], aci=("[coordinator]", "[patient]"),
        greet=["Sleep center, this is {agent}.", "Hi, this is {agent} from the sleep lab calling about your study."],
        reasons=["Yeah, I need to reschedule my overnight study.", "I got the home sleep test kit and I don't know how to put the finger thing on.",
                 "My CPAP pressure feels way too high, I keep taking the mask off at night."],
        chat=[("Try not to nap the day of the study and skip caffeine after noon.", "No coffee, ugh, okay."),
              ("The machine uploads your data overnight, so we can see your usage.", "Oh, I didn't know that."),
              ("How many hours a night are you wearing it?", "Maybe four, five on a good night.")],
        ents={"DOB": 2.5, "MRN": 2.5, "EMAIL": 2, "PHONE": 2, "MEMBER_ID": 2, "CARD": 2, "NAME": 1.5, "ZIP": 1,
              "STREET": 1, "SSN": 0.5, "NPI": 0.8, "MBI": 0.5}, medicare=False),
    "physical_therapy": S(
        labels=[("Front desk", "Patient"), ("Therapist", "Patient")], aci=("[front desk]", "[patient]"),
        greet=["Physical therapy, this is {agent}, how can I help you?", "Good morning, outpatient rehab, {agent} speaking."],
        reasons=["I need to set up therapy for my knee, I had the replacement two weeks ago.",
                 "I have a referral for my shoulder but I don't know if it got sent over.", "I have to cancel Thursday, my ride fell through."],
        chat=[("Wear something comfortable and bring your brace.", "Okay, shorts are fine?"),
              ("How far can you bend it right now?", "Not much, maybe halfway."),
              ("Your plan of care is twice a week for six weeks.", "That's a lot, but okay.")],
        ents={"DOB": 2.5, "MRN": 2.5, "CARD": 2.5, "EMAIL": 2, "PHONE": 2, "ZIP": 1.5, "NPI": 1.5, "NAME": 2,
              "MEMBER_ID": 1.5, "STREET": 0.8, "SSN": 0.8, "MBI": 0.4}, medicare=False),
    "optometry": S(
        labels=[("Optician", "Patient"), ("Front desk", "Caller")], aci=("[optician]", "[patient]"),
        greet=["Eye care center, this is {agent}.", "Thanks for calling the optometry office, this is {agent}, how can I help?"],
        reasons=["My glasses are ready, I got a text, I wanted to pay over the phone.", "I need to order more contacts, same as last year.",
                 "I have a piece of metal in my eye, I think, from grinding."],
        chat=[("Are you wearing the contacts right now?", "No, I took them out."),
              ("The lenses will take about seven to ten business days.", "That's fine."),
              ("Do you want the anti-glare coating again?", "Yes, definitely.")],
        ents={"CARD": 3, "DOB": 2.5, "EMAIL": 2, "PHONE": 2, "MEMBER_ID": 2, "STREET": 1.5, "ZIP": 1.5, "NAME": 2,
              "MRN": 1, "SSN": 0.5, "NPI": 0.3, "MBI": 0.2}, medicare=False),
    "home_health_intake": S(
        labels=[("Intake", "Caller"), ("Intake nurse", "Caller")], aci=("[intake]", "[caller]"),
        greet=["Home health intake, this is {agent}.", "Hi, you've reached home health referrals, this is {agent}."],
        reasons=["I'm a discharge planner at the hospital, I have a referral for skilled nursing at home.",
                 "My wife is coming home from rehab Friday and she needs wound care.", "I'm calling from the doctor's office with a new referral."],
        chat=[("Is the patient homebound?", "Yes, she can't leave without a lot of help."),
              ("Any pets in the home our nurse should know about?", "Two cats, they're friendly."),
              ("What services are ordered?", "Nursing, PT, and OT.")],
        ents={"MBI": 3, "NPI": 2.5, "DOB": 2.5, "STREET": 2.5, "ZIP": 2, "PHONE": 2, "NAME": 2.5, "MRN": 2,
              "MEMBER_ID": 1, "EMAIL": 1, "SSN": 0.5, "CARD": 0.1}, medicare=True),
    "dialysis_transport": S(
        labels=[("Dispatcher", "Rider"), ("Dispatch", "Caller")], aci=("[dispatch]", "[rider]"),
        greet=["Medical transportation, this is {agent}, are you scheduling or checking on a ride?", "Transport dispatch, {agent} speaking."],
        reasons=["I need rides to dialysis Monday, Wednesday and Friday.", "The van never showed up this morning and I missed my chair time.",
                 "I'm calling for my uncle, he needs a wheelchair van to his treatments."],
        chat=[("Does the rider use a wheelchair or can they walk to the vehicle?", "Wheelchair, but he can transfer."),
              ("Pickup window is thirty minutes, so be ready early.", "We always are."),
              ("Will anyone be riding along?", "Just me, I'm his aide.")],
        ents={"STREET": 3, "ZIP": 2.5, "PHONE": 2.5, "DOB": 2, "MEMBER_ID": 2, "MRN": 1, "NAME": 2, "EMAIL": 1,
              "MBI": 1, "SSN": 0.5, "CARD": 0.3, "NPI": 0.3}, medicare=False),
    "hearing_clinic": S(
        labels=[("Audiology", "Patient"), ("Front desk", "Patient")], aci=("[audiology]", "[patient]"),
        greet=["Audiology, this is {agent}.", "Hearing center, {agent} speaking. Can you hear me okay?"],
        reasons=["Speak up a little, dear. My new hearing aid is whistling.", "I need batteries and a cleaning appointment.",
                 "I want to make a payment on the hearing aids."],
        chat=[("Is the whistling in the left or the right?", "The left one, mostly when I eat."),
              ("We can do a quick adjustment, it only takes fifteen minutes.", "Oh good."),
              ("Are you using the size thirteen batteries?", "The orange ones, yes.")],
        ents={"DOB": 2.5, "CARD": 2.5, "PHONE": 2.5, "MRN": 2, "EMAIL": 1.5, "SSN": 1.5, "NAME": 2, "ZIP": 1,
              "STREET": 1, "MEMBER_ID": 1, "MBI": 1, "NPI": 0.2}, medicare=False),
    "lab_draw": S(
        labels=[("Scheduler", "Patient"), ("Lab", "Caller")], aci=("[lab]", "[caller]"),
        greet=["Patient service center, this is {agent}.", "Outpatient lab scheduling, {agent} speaking."],
        reasons=["I need to schedule fasting blood work.", "My doctor ordered labs but I don't know if you got the order.",
                 "I need a glucose tolerance test, I'm pregnant."],
        chat=[("Nothing to eat after midnight, water is fine.", "Can I have black coffee?"),
              ("Results usually post to the portal in two to three days.", "Okay."),
              ("Bring your photo ID and insurance card.", "Will do.")],
        ents={"DOB": 3, "MRN": 2.5, "NPI": 1.8, "EMAIL": 2, "PHONE": 2, "MEMBER_ID": 2, "NAME": 2, "ZIP": 1,
              "SSN": 1, "CARD": 1, "STREET": 0.5, "MBI": 0.5}, medicare=False),
}
SETTING_NAMES = sorted(SETTINGS)

ASK = {
    "NAME": ["Can I get the patient's first and last name?", "Who am I speaking with?", "And your name?",
             "What's the patient's name?", "Can I have your full name, please?", "Okay, and the name on the account?"],
    "DOB": ["What's the date of birth?", "And the birthdate?", "Can you verify the date of birth for me?",
            "Date of birth on the account?", "And when was the patient born?", "What's your birthday?"],
    "PHONE": ["What's the best callback number?", "What number can we reach you at?", "And a good phone number?",
              "What's a good number for you?", "Is there a cell number we can text?"],
    "SSN": ["I'll need the social security number to look up the claim.", "And the full social, please.",
            "Can I get your social security number?"],
    "SSN4": ["Can I get the last four of your social?", "What are the last four of the social?",
             "Just the last four of the social security number."],
    "MRN": ["Do you have the medical record number?", "Is there a chart number on that paperwork?",
            "What's the MRN on the discharge sheet?", "Can you read me the patient number at the top of the page?"],
    "MBI": ["Can you read me the Medicare number off the red, white and blue card?", "What's the Medicare beneficiary ID?",
            "Do you have the new Medicare number, the one with letters and numbers?"],
    "CARD": ["Go ahead with the card number whenever you're ready.", "What card would you like to use?",
             "Okay, I'm ready for the card number."],
    "CARD4": ["Which card do we have on file? Just the last four.", "What are the last four digits of the card?"],
    "ZIP": ["And the zip code?", "What zip is that?", "What's the zip code there?", "Zip code for the pharmacy?"],
    "STREET": ["What's the street address?", "And where should we deliver it?", "What address is the patient staying at?",
               "Where should the nurse go for the first visit?"],
    "EMAIL": ["What's a good email?", "Which email should the portal invite go to?", "Email address for the receipt?",
              "Can I get an email for the reminder?"],
    "MEMBER_ID": ["What's the member ID on the insurance card?", "Can you read me the ID number on the front of the card?",
                  "Subscriber ID?", "What's the policy number on the card?"],
    "NPI": ["Do you have the ordering provider's NPI?", "What's the NPI on the order?", "And the referring doctor's NPI number?"],
}
SAME = {
    "NAME": ["My name is {v}.", "This is {v}.", "Yeah, it's {v}, I'm the patient.", "The patient's name is {v}."],
    "DOB": ["My date of birth is {v}.", "I was born {v}.", "Birthday is {v}.", "Her date of birth is {v}.", "DOB {v}."],
    "PHONE": ["My cell is {v}.", "You can call me back at {v}.", "Best number is {v}.", "The phone number is {v}.", "My number's {v}.",
              "Area code {v}.", "My number is one {v}."],
    "SSN": ["My social is {v}.", "Social security number is {v}.", "Okay, my social security is {v}."],
    "SSN4": ["Last four of my social are {v}.", "The last four of the social is {v}.", "Social, last four, {v}."],
    "MRN": ["Medical record number is {v}.", "The chart number on here says {v}.", "It says MRN {v}.", "Her medical record number is {v}."],
    "MBI": ["My Medicare number is {v}.", "The Medicare ID on the card is {v}.", "His Medicare number, it's {v}."],
    "CARD": ["The card number is {v}.", "Okay, the Visa is {v}.", "Credit card number {v}."],
    "CARD4": ["Use the card ending in {v}.", "It's the one ending {v}.", "The Mastercard that ends in {v}."],
    "ZIP": ["Zip code is {v}.", "And the zip is {v}.", "Zip {v}."],
    "STREET": ["I live at {v}.", "The address is {v}.", "Send it to {v}.", "Mailing address is {v}.", "She's staying at my place, {v}."],
    "EMAIL": ["My email is {v}.", "Email's {v}.", "You can email me at {v}.", "Send it to my email, {v}.", "Email is {v}, all one word."],
    "MEMBER_ID": ["Member ID is {v}.", "The ID number on my card is {v}.", "My insurance ID is {v}.", "Subscriber ID {v}."],
    "NPI": ["The NPI is {v}.", "Her NPI number is {v}.", "NPI on the order is {v}."],
}
BARE = ["{v}.", "Um, {v}.", "Yeah, it's {v}.", "Okay. {v}.", "Hold on... okay, {v}.", "It's {v}.", "{v}, I think.",
        "That'd be {v}.", "Uh, {v}.", "Let me see. {v}."]
READBACK = ["Okay, I have {v}, is that right?", "Let me read that back. {v}.", "{v}?", "So {v}. Got it.",
            "Just to confirm, {v}.", "Okay, {v}. Perfect."]
CONFIRM = ["Yes, that's right.", "Yep.", "Correct.", "Mm-hmm, that's it.", "Yes."]
REPEAT = ["Sorry, you cut out. Could you repeat that?", "I'm sorry, can you say that one more time?",
          "Sorry, one more time, slower?", "I didn't catch all of that, can you repeat it?"]
CONTINUE = ["Mm-hmm.", "Okay.", "Go ahead.", "Uh huh.", "Got it, and then?"]
CLOSING_A = ["Is there anything else I can help you with?", "Alright, you're all set.", "Okay, we'll take care of it from here."]
CLOSING_C = ["No, that's it. Thank you so much.", "That's all, thanks.", "Okay, thank you, bye.", "No, thank you, have a good night."]


# ---------------------------------------------------------------------------
# hard negatives: (what, speaker, frame, renderer(rng, wordy) -> text)
# ---------------------------------------------------------------------------
def _n(rng, wordy, words, nums):
    return rng.choice(words) if wordy else rng.choice(nums)


NEG_TEMPLATES = [
    ("dose", "A", "So that's {N} twice a day.", lambda r, w: _n(r, w, ["ten milligrams", "five hundred milligrams", "twenty five milligrams", "two and a half milligrams", "forty units"], ["10 mg", "500 milligrams", "25 mg", "2.5 mg", "40 units"])),
    ("dose", "C", "I take {N} at night.", lambda r, w: _n(r, w, ["fifty milligrams", "one hundred milligrams", "two puffs", "eighty one milligrams"], ["50 mg", "100 milligrams", "81 mg"])),
    ("blood_pressure", "A", "Your blood pressure was {N} at the last visit.", lambda r, w: _n(r, w, ["one thirty two over eighty four", "one fifty over ninety", "one eighteen over seventy six"], ["132/84", "150/90", "118 over 76"])),
    ("blood_pressure", "C", "My pressure this morning was {N}.", lambda r, w: _n(r, w, ["one forty over eighty eight", "one twenty six over seventy"], ["140/88", "126/70"])),
    ("time", "A", "They'll call you back by {N}.", lambda r, w: _n(r, w, ["ten fifteen", "eleven thirty tonight", "nine in the morning", "quarter to four"], ["10:15", "11:30 PM", "9:00 AM", "3:45 PM"])),
    ("time", "A", "We'll give you a reminder call around {N} the day before.", lambda r, w: _n(r, w, ["six forty five a m", "seven fifteen", "a quarter past six"], ["6:45 AM", "7:15 a.m.", "6:15"])),
    ("duration", "C", "It's been going on for {N}.", lambda r, w: _n(r, w, ["about three weeks", "two days", "like forty five minutes", "a couple of months"], ["3 weeks", "2 days", "45 minutes"])),
    ("duration", "A", "The visit takes about {N}.", lambda r, w: _n(r, w, ["an hour and a half", "twenty minutes", "forty five minutes"], ["90 minutes", "20 minutes", "45 minutes"])),
    ("money", "A", "Your copay today will be {N}.", lambda r, w: _n(r, w, ["forty five dollars", "twenty dollars", "a hundred and twenty five dollars"], ["$45", "$20.00", "$125"])),
    ("money", "A", "The balance on the account is {N}.", lambda r, w: _n(r, w, ["eight hundred sixty two dollars and forty cents", "three hundred and ten dollars", "one thousand one hundred fifty dollars"], ["$862.40", "$310", "$1,150.00"])),
    ("room_number", "A", "When you get here, go to {N}.", lambda r, w: _n(r, w, ["room four twelve", "suite two hundred", "room one oh eight"], ["Room 412", "room 108", "Suite 200"])),
    ("room_number", "C", "She's in {N} on the second floor.", lambda r, w: _n(r, w, ["room two fourteen", "bed six"], ["room 214", "Room 231"])),
    ("count", "A", "You have {N} left on that prescription.", lambda r, w: _n(r, w, ["three refills", "two refills", "one refill"], ["3 refills", "2 refills"])),
    ("count", "A", "That'll be a {N} supply.", lambda r, w: _n(r, w, ["ninety day", "thirty day"], ["90-day", "30-day"])),
    ("age", "C", "She's {N} and she's never been this confused.", lambda r, w: _n(r, w, ["seventy eight", "eighty one", "sixty nine"], ["78", "81", "69"])),
    ("age", "C", "I'm {N}, so I'm not as quick as I used to be.", lambda r, w: _n(r, w, ["seventy three", "eighty four", "sixty six"], ["73", "84", "66"])),
    ("appointment_date", "A", "I have you down for {N}.", lambda r, w: _n(r, w, ["next tuesday the fourteenth", "thursday the ninth", "this friday", "monday the twenty second"], ["Tuesday the 14th", "Thursday, the 9th", "Monday the 22nd"])),
    ("confirmation_number", "A", "Your confirmation number is {N}.", lambda r, w: _n(r, w, ["k t seven seven four", "r h four two nine", "w x eight one six"], ["KT774", "RH-429", "WX816"])),
    ("order_number", "A", "The order number is {N}.", lambda r, w: _n(r, w, ["d m four four seven", "s r two one nine"], ["DM447", "SR-219"])),
    ("reference_number", "A", "Your reference number for this call is {N}.", lambda r, w: _n(r, w, ["c r eight eight three", "t k one five two"], ["CR883", "TK-152"])),
    ("menu_option", "A", "For prescription refills, {N}.", lambda r, w: _n(r, w, ["press three", "press two", "press four"], ["press 3", "press 2"])),
    ("emergency_number", "A", "If he has any trouble breathing, call {N} right away.", lambda r, w: _n(r, w, ["nine one one"], ["911"])),
    ("lab_value", "A", "Your A1C came back at {N}.", lambda r, w: _n(r, w, ["seven point two", "six point eight", "eight point one"], ["7.2", "6.8", "8.1%"])),
    ("lab_value", "A", "The potassium was {N}, which is fine.", lambda r, w: _n(r, w, ["four point one", "three point nine"], ["4.1", "3.9"])),
    ("weight", "C", "He's lost weight, he's down to {N}.", lambda r, w: _n(r, w, ["one hundred forty two pounds", "one thirty eight", "a hundred and fifty pounds"], ["142 pounds", "138 lbs", "150 lb"])),
    ("height", "C", "And I'm {N}, if you need that.", lambda r, w: _n(r, w, ["five foot seven", "five feet two inches", "six foot one"], ["5 foot 7", "5 ft 2 in", "6 foot 1"])),
    ("year", "C", "I had the surgery back in {N}.", lambda r, w: _n(r, w, ["two thousand nine", "twenty fifteen", "two thousand and eleven"], ["2009", "2015", "2011"])),
    ("vital_sign", "C", "His oxygen was reading {N} on the finger thing.", lambda r, w: _n(r, w, ["eighty eight percent", "ninety two percent"], ["88%", "92%"])),
    ("vital_sign", "C", "Her temperature is {N}.", lambda r, w: _n(r, w, ["a hundred and one point four", "one oh two point one"], ["101.4", "102.1"])),
]
NEG_TEMPLATES += [
    ("age", "A", "And the patient is {N}, correct?", lambda r, w: _n(r, w, ["seventy six", "eighty two", "fifty nine", "eleven"], ["76", "82", "59", "11"])),
    ("weight", "A", "The scale at the last visit said {N}.", lambda r, w: _n(r, w, ["two hundred and four pounds", "one sixty eight"], ["204 lbs", "168 pounds"])),
    ("height", "A", "I have your height as {N}.", lambda r, w: _n(r, w, ["five foot four", "five ten"], ["5 feet 4 inches", "5'10"])),
    ("year", "A", "We switched to the new system in {N}, so older records are on paper.", lambda r, w: _n(r, w, ["twenty nineteen", "two thousand and eighteen"], ["2019", "2018"])),
    ("vital_sign", "A", "The nurse noted a heart rate of {N}.", lambda r, w: _n(r, w, ["a hundred and twelve", "ninety six", "one oh four"], ["112", "96 bpm", "104"])),
    ("money", "C", "I already paid {N} on it last month.", lambda r, w: _n(r, w, ["two hundred dollars", "fifty bucks"], ["$200", "$50"])),
    ("time", "C", "I usually take it around {N}.", lambda r, w: _n(r, w, ["eight at night", "six thirty in the morning"], ["8 PM", "6:30 AM"])),
    ("dose", "A", "The order is for {N} once a day.", lambda r, w: _n(r, w, ["two liters of oxygen", "forty milligrams"], ["2 liters", "40 mg"])),
    ("emergency_number", "C", "Should I just call {N}?", lambda r, w: _n(r, w, ["nine one one", "nine eleven"], ["911"])),
    ("count", "C", "I've only got {N} left.", lambda r, w: _n(r, w, ["four pills", "two pens", "six patches"], ["4 pills", "2 pens"])),
    ("lab_value", "C", "My sugar was {N} this morning.", lambda r, w: _n(r, w, ["two eighteen", "one forty five"], ["218", "145"])),
    ("duration", "C", "I've been on hold for {N}.", lambda r, w: _n(r, w, ["like twenty minutes", "half an hour"], ["20 minutes", "30 minutes"])),
    ("appointment_date", "C", "Can I come in {N} instead?", lambda r, w: _n(r, w, ["next wednesday", "friday the seventeenth"], ["Wednesday the 15th", "Friday the 17th"])),
    ("room_number", "A", "Your appointment is in {N}.", lambda r, w: _n(r, w, ["room three", "suite one ten"], ["Room 3", "Suite 110"])),
]
NEG_WHATS = sorted({t[0] for t in NEG_TEMPLATES})


# ---------------------------------------------------------------------------
# conversation building
# ---------------------------------------------------------------------------
class Span:
    def __init__(self, text, entity, spoken, cue, form):
        self.text, self.entity, self.spoken, self.cue, self.form = text, entity, spoken, cue, form


class Neg:
    def __init__(self, text, what):
        self.text, self.what = text, what


def conv_frame(s, style):
    if style != "lower":
        return s
    s = s.lower().replace("...", " ")
    s = re.sub(r"[.,?!;:\"]", "", s)
    s = re.sub(r" {2,}", " ", s)
    return s


def matches(ent, form, text, val, variant):
    """the rendering says exactly this value (no ambiguity when read back)."""
    if ent in ("NAME", "STREET"):
        return True
    if ent == "DOB":
        return tuple(val) in parse_date_candidates(text)
    if ent == "EMAIL":
        return norm_email(text) == email_written(val)
    if ent in ("MRN", "MBI", "MEMBER_ID"):
        return norm_alnum(text) == val
    d = norm_digits(text)
    if variant == "last4":
        return d == val[-4:]
    if ent == "PHONE":
        return d == val or ("restart" in form and d == val[:3] + val)
    return d == val


class Conv:
    def __init__(self, rng, V, setting, styles, kind):
        self.r, self.V, self.st, self.styles, self.kind = rng, V, setting, styles, kind
        self.styles["W"] = "written"
        self.turns = []          # (role, pieces)
        self.summary = []        # (label, entity, value)
        self.nvalues = 0
        self.ents = collections.Counter()
        self.carrier_idx = []

    def say(self, role, *pieces):
        style = self.styles[role]
        out = []
        for p in pieces:
            if isinstance(p, str):
                p = conv_frame(p, style)
                if p:
                    out.append(p)
            else:
                out.append(p)
        # tidy edges
        if out and isinstance(out[0], str):
            out[0] = out[0].lstrip()
            if not out[0]:
                out.pop(0)
        if out and isinstance(out[-1], str):
            out[-1] = out[-1].rstrip()
            if not out[-1]:
                out.pop()
        if style != "lower" and out and not isinstance(out[0], str):
            out[0].text = cap1(out[0].text)
        self.turns.append((role, out))

    def frame(self, role, tmpl, span):
        pre, post = tmpl.split("{v}")
        if self.styles[role] != "lower" and pre and pre.rstrip().endswith((".", "?", "!")):
            span.text = cap1(span.text)
        self.say(role, pre, span, post)

    # -- rendering ---------------------------------------------------------
    def render(self, ent, val, role, cue, variant=None):
        for _ in range(30):
            sp = self.render1(ent, val, role, cue, variant)
            if matches(ent, sp.form, sp.text, val, variant):
                return sp
        raise RuntimeError("cannot render %s %r: %r" % (ent, val, sp.text))

    def render1(self, ent, val, role, cue, variant=None):
        style = self.styles[role]
        r = self.r
        if ent == "PHONE":
            t, f, s = r_phone(val, r, style)
        elif ent == "SSN":
            t, f, s = r_ssn(val, r, style, last4=(variant == "last4"))
        elif ent == "CARD":
            t, f, s = r_card(val, r, style, last4=(variant == "last4"))
        elif ent == "NPI":
            t, f, s = r_npi(val, r, style)
        elif ent == "ZIP":
            t, f, s = r_zip(val, r, style)
        elif ent == "MRN":
            t, f, s = r_mrn(val, r, style)
        elif ent == "MBI":
            t, f, s = r_mbi(val, r, style)
        elif ent == "MEMBER_ID":
            t, f, s = r_member(val, r, style)
        elif ent == "DOB":
            t, f, s = r_dob(val, r, style)
        elif ent == "STREET":
            t, f, s = r_street(val, r, style)
        elif ent == "EMAIL":
            t, f, s = r_email(val, r, style)
        elif ent == "NAME":
            if variant and variant.startswith("spell"):
                part = val[1] if variant == "spell_last" else val[0]
                t, f = spell(part, r, style)
                s = True
            else:
                t, f, s = r_name(val, r, style, variant or "full")
        if style == "written":
            s = False
        if style == "lower":
            t = t.lower()
        return Span(t, ent, s, cue, f)

    # -- exchanges ---------------------------------------------------------
    def ask(self, ent, variant=None):
        key = ent + ("4" if variant == "last4" else "")
        return self.r.choice(ASK.get(key, ASK[ent]))

    def same_tmpl(self, ent, variant=None):
        key = ent + ("4" if variant == "last4" else "")
        return self.r.choice(SAME.get(key, SAME[ent]))

    def wrong(self, ent, val):
        """a misheard read-back: a different valid value of the same type."""
        r = self.r
        if ent == "PHONE":
            while True:
                v2 = val[:8] + "%02d" % r.randrange(100)
                if v2 != val:
                    return v2
        if ent == "ZIP":
            for _ in range(50):
                v2 = val[:4] + r.choice("0123456789")
                if v2 != val[:5] and zip_ok(v2):
                    return v2
            return None
        if ent == "DOB":
            y, m, d = val
            return (y, m, d + 1 if d < 28 else d - 1)
        if ent == "SSN":
            for _ in range(50):
                v2 = val[:-1] + r.choice("0123456789")
                if v2 != val and ssn_ok(v2):
                    return v2
            return None
        if ent in ("MRN", "MEMBER_ID"):
            i = max(k for k, ch in enumerate(val) if ch.isdigit())
            return val[:i] + str((int(val[i]) + r.randint(1, 8)) % 10) + val[i + 1:]
        return None

    def exchange(self, ent, val, mode, variant=None):
        r = self.r
        if mode == "same":
            if r.random() < 0.5 or (self.turns and self.turns[-1][0] == "C"):
                self.say("A", self.ask(ent, variant))
            self.frame("C", self.same_tmpl(ent, variant), self.render(ent, val, "C", "same", variant))
        elif mode == "prev":
            self.say("A", self.ask(ent, variant))
            self.frame("C", r.choice(BARE), self.render(ent, val, "C", "prev", variant))
        elif mode == "readback":
            self.say("A", self.ask(ent, variant))
            if r.random() < 0.5:
                self.frame("C", r.choice(BARE), self.render(ent, val, "C", "prev", variant))
            else:
                self.frame("C", self.same_tmpl(ent, variant), self.render(ent, val, "C", "same", variant))
            self.frame("A", r.choice(READBACK), self.render(ent, val, "A", "prev", variant))
            self.say("C", r.choice(CONFIRM))
        elif mode == "repeat":
            self.say("A", self.ask(ent, variant))
            self.frame("C", r.choice(BARE), self.render(ent, val, "C", "prev", variant))
            self.say("A", r.choice(REPEAT))
            self.frame("C", r.choice(["{v}.", "Sure. {v}.", "Sorry. {v}.", "Okay, {v}."]), self.render(ent, val, "C", "prev", variant))
        elif mode == "misheard":
            w = self.wrong(ent, val) if variant != "last4" or ent == "SSN" else None
            self.say("A", self.ask(ent, variant))
            self.frame("C", r.choice(BARE), self.render(ent, val, "C", "prev", variant))
            if w is None:
                self.frame("A", r.choice(READBACK), self.render(ent, val, "A", "prev", variant))
                self.say("C", r.choice(CONFIRM))
                return
            sp = self.render(ent, w, "A", "prev", variant)
            sp.form = "misheard_" + sp.form
            self.frame("A", r.choice(["{v}?", "I have {v}.", "Okay, {v}, right?"]), sp)
            self.frame("C", r.choice(["No, {v}.", "No, no. {v}.", "Not quite. It's {v}.", "No, sorry, {v}."]),
                       self.render(ent, val, "C", "prev", variant))
            self.say("A", r.choice(["Got it, thank you.", "Okay, sorry about that.", "Thanks, I fixed it."]))
            self.nvalues += 1
        elif mode == "split":
            self.split(ent, val)
        elif mode == "selfcorrect":
            old = {"PHONE": self.V.phone, "ZIP": self.V.zip, "STREET": self.V.street}[ent]()
            what = {"PHONE": "number", "ZIP": "zip", "STREET": "address"}[ent]
            self.say("A", self.ask(ent, variant))
            sp_old = self.render(ent, old, "C", "prev")
            sp_old.form = "selfcorrect_old_" + sp_old.form
            sp_new = self.render(ent, val, "C", "prev")
            pre = r.choice(["", "Um, ", "Oh, it's "])
            mid = r.choice([". Wait, no, that's my old %s. It's " % what, "... no, sorry, that's the old %s. " % what,
                            ". Oh, shoot, that's the old %s. The new one is " % what])
            if mid.endswith(". ") and self.styles["C"] != "lower":
                sp_new.text = cap1(sp_new.text)
            self.say("C", pre, sp_old, mid, sp_new, ".")
            self.say("A", r.choice(["Okay, I'll update it.", "No problem, got it.", "Okay, the new one."]))
            self.nvalues += 1

    def split(self, ent, val):
        r = self.r
        style = self.styles["C"]
        self.say("A", self.ask(ent))
        if ent == "DOB":
            y, m, d = val
            mon = MONTHS[m - 1] if style == "lower" else MONTHS[m - 1].capitalize()
            t1 = rng_choice(r, ["%s %s" % (mon, ordinal_word(d)), "the %s of %s" % (ordinal_word(d), mon)])
            yw, yf = year_words(y, r, style, allow_short=False)
            s1 = Span(t1, "DOB", True, "prev", "split_month_day_part1of2")
            self.frame("C", r.choice(["{v}...", "Um, {v}.", "{v}."]), s1)
            self.say("A", r.choice(["And the year?", "What year?", "Mm-hmm, and the year?"]))
            self.frame("C", r.choice(["{v}.", "Oh, {v}.", "{v}, sorry."]), Span(yw, "DOB", True, "prev", "split_year_%s_part2of2" % yf))
            return
        if ent == "PHONE":
            groups = [val[:3], val[3:6], val[6:]]
        elif ent == "SSN":
            groups = [val[:3], val[3:5], val[5:]]
        elif ent == "CARD":
            groups = card_groups(val)
        elif ent == "MBI":
            groups = [val[:4], val[4:7], val[7:]]
        else:
            groups = [val[:len(val) // 2], val[len(val) // 2:]]
        for _ in range(30):
            sps = self.split_render(ent, groups, style)
            if ent in ("MBI",):
                ok = norm_alnum(", ".join(s.text for s in sps)) == val
            else:
                ok = norm_digits(", ".join(s.text for s in sps)) == val
            if ok:
                break
        else:
            raise RuntimeError("split %s %r" % (ent, val))
        n = len(sps)
        for k, sp in enumerate(sps):
            self.frame("C", r.choice(["{v}...", "{v}.", "Uh, {v}.", "{v}"]) if k < n - 1 else r.choice(["{v}.", "And {v}.", "{v}. That's it."]), sp)
            if k < n - 1:
                self.say("A", r.choice(CONTINUE))

    def split_render(self, ent, groups, style):
        r = self.r
        zero = pick_zero(r, style)
        mode = r.choice(["single", "dt", "num"])
        n = len(groups)
        out = []
        for k, g in enumerate(groups):
            if ent == "MBI":
                t = " ".join(letter(ch, "plain", style, r) if ch.isalpha() else dword(ch, zero) for ch in g)
                m = "chars"
            else:
                m = mode if not (style == "smart" and r.random() < 0.3) else "numeral"
                t = render_group(g, m, zero, r)
            out.append(Span(t, ent, m != "numeral", "prev", "split_%s_%s_part%dof%d" % (m, zero, k + 1, n)))
        return out

    def negative(self, what=None):
        r = self.r
        last = self.turns[-1][0] if self.turns else "C"
        what = what or r.choice(NEG_WHATS)
        cands = [t for t in NEG_TEMPLATES if t[0] == what]
        alt = [t for t in cands if t[1] != last]
        w, role, tmpl, fn = r.choice(alt or cands)
        style = self.styles[role]
        wordy = style in ("lower", "punct") or r.random() < 0.4
        txt = fn(r, wordy)
        pre, post = tmpl.split("{N}")
        if style == "lower":
            txt = txt.lower()
        self.say(role, pre, Neg(txt, w), post)
        other = "C" if role == "A" else "A"
        self.say(other, r.choice(["Okay.", "Got it.", "Mm-hmm.", "Oh, okay.", "Alright."]))


def rng_choice(r, xs):
    return xs[r.randrange(len(xs))]


# ---------------------------------------------------------------------------
# records
# ---------------------------------------------------------------------------
KIND_PLAN = [("transcript", "transcript_aci_style", 40), ("transcript", "transcript_mts_style", 18),
             ("transcript", "transcript_primock_style", 14), ("transcript", "transcript_deepgram_style", 30),
             ("transcript", "transcript_whisper_style", 24), ("transcript", "transcript_transcribe_style", 20),
             ("transcript", "transcript_voice_agent", 28), ("transcript", "transcript_callcenter", 26),
             ("json", "vapi_report", 10), ("json", "retell_report", 10), ("json", "signalwire_post_prompt", 10),
             ("json", "deepgram_prerecorded", 10), ("json", "transcribe_output", 10)]
PROFILE = {"vapi_report": "vapi", "retell_report": "retell", "signalwire_post_prompt": "signalwire",
           "deepgram_prerecorded": "deepgram", "transcribe_output": "transcribe"}
TARGET = {"SSN": 75, "PHONE": 80, "DOB": 80, "MRN": 72, "ZIP": 72, "CARD": 72, "EMAIL": 72, "NAME": 125,
          "STREET": 45, "MBI": 42, "MEMBER_ID": 45, "NPI": 40}
DIGIT_ENTS = ("PHONE", "SSN", "CARD", "NPI", "ZIP", "MRN", "MBI", "MEMBER_ID")


def styles_for(kind, r):
    if kind == "transcript_aci_style":
        return {"A": "lower", "C": "lower"}
    if kind in ("transcript_mts_style", "transcript_primock_style"):
        return {"A": "punct", "C": "punct"}
    if kind in ("transcript_deepgram_style", "transcript_whisper_style", "transcript_transcribe_style",
                "deepgram_prerecorded", "transcribe_output"):
        return {"A": "smart", "C": "smart"}
    if kind == "transcript_callcenter":
        s = r.choice(["punct", "smart"])
        return {"A": s, "C": s}
    return {"A": "llm", "C": r.choice(["lower", "punct", "smart", "smart"])}


def labels_for(kind, setting, r):
    st = SETTINGS[setting]
    if kind == "transcript_aci_style":
        return r.choice([st["aci"], st["aci"], ("[doctor]", "[patient]"), ("[agent]", "[caller]")])
    if kind in ("transcript_mts_style", "transcript_callcenter"):
        a, c = r.choice(st["labels"])
        return (a + ":", c + ":")
    if kind == "transcript_primock_style":
        return r.choice([("Doctor:", "Patient:"), ("Clinician:", "Patient:"), ("Nurse:", "Patient:")])
    if kind == "transcript_deepgram_style":
        return r.choice([("Speaker 0:", "Speaker 1:"), ("Speaker 1:", "Speaker 0:"), ("Channel 0:", "Channel 1:")])
    if kind == "transcript_whisper_style":
        return r.choice([("SPEAKER_00:", "SPEAKER_01:"), ("SPEAKER_01:", "SPEAKER_00:")])
    if kind == "transcript_transcribe_style":
        return r.choice([("spk_0:", "spk_1:"), ("spk_1:", "spk_0:")])
    if kind == "transcript_voice_agent":
        return r.choice([("AI:", "User:"), ("assistant:", "user:"), ("Bot:", "Caller:"), ("AI:", "Customer:")])
    return ("A:", "C:")


class RecordBuilder:
    def __init__(self, seed, carriers):
        self.r = random.Random(seed)
        self.V = Values(random.Random(seed * 7 + 1))
        self.carriers = carriers
        self.count = collections.Counter()

    def pick_entities(self, setting, k):
        r = self.r
        w = SETTINGS[setting]["ents"]
        chosen = []
        for _ in range(k):
            cands = [e for e in sorted(TARGET) if e not in chosen and w.get(e, 0) > 0]
            ws = [w[e] * max(0.08, (TARGET[e] - self.count[e]) / TARGET[e]) for e in cands]
            tot = sum(ws)
            x = r.random() * tot
            for e, wt in zip(cands, ws):
                x -= wt
                if x <= 0:
                    chosen.append(e)
                    break
            else:
                chosen.append(cands[-1])
        return chosen

    def build(self, idx, fmt, kind):
        r = self.r
        V = self.V
        setting = SETTING_NAMES[r.randrange(len(SETTING_NAMES))]
        st = SETTINGS[setting]
        styles = styles_for(kind, r)
        c = Conv(r, V, setting, styles, kind)
        k = r.choice([2, 3, 3, 4, 4, 5])
        ents = self.pick_entities(setting, k)
        if "NAME" in ents and "EMAIL" in ents:
            pass
        lo, hi = (1932, 1959) if st.get("medicare") else ((2008, 2012) if st.get("child") else (1931, 2005))
        patient = V.person()
        caller = V.person() if r.random() < 0.25 else None
        vals = {"NAME": patient, "DOB": V.dob(lo, hi), "PHONE": V.phone(), "SSN": V.ssn(), "CARD": V.card(),
                "NPI": V.npi(), "ZIP": V.zip(), "MRN": V.mrn(), "MBI": V.mbi(), "MEMBER_ID": V.member_id(),
                "STREET": V.street()}
        vals["EMAIL"] = V.email(caller or patient if r.random() < 0.7 else V.person())
        for e in ents:
            self.count[e] += 1
        c.nvalues = len(ents)
        order = [e for e in ents if e not in ("NAME", "DOB")]
        r.shuffle(order)
        ident = [e for e in ("NAME", "DOB") if e in ents]

        # opening
        agent = r.choice(AGENT_NAMES)
        greet = r.choice(st["greet"])
        if "{agent}" in greet and c.nvalues < 5 and r.random() < 0.2:
            pre, post = greet.split("{agent}")
            c.say("A", pre, c_span(c, agent, "A", "same", "agent_first"), post)
            self.count["NAME"] += 1
            c.nvalues += 1
        else:
            g = re.sub(r"(, | )?(this is|This is|my name is|My name is) \{agent\}", "", greet)
            g = g.replace("{agent} speaking", "how can I help").replace(",.", ".").replace(" .", ".").replace(",,", ",")
            g = re.sub(r"\.\s*\.", ".", g)
            c.say("A", g.replace("{agent}", "the office"))
        none_open = "NAME" in ident and "DOB" in ident and r.random() < 0.45
        name_open = "NAME" in ident and not none_open and caller is None and r.random() < 0.3
        if name_open:
            c.say("C", r.choice(["Yeah, hi. ", "Hi, good morning. ", "Hello. "]), c.render("NAME", patient, "C", "none"), ". " + r.choice(st["reasons"]))
            ident = [e for e in ident if e != "NAME"]
        elif none_open:
            c.say("C", r.choice(["Yeah, hi. ", "Hi, ", "Hello, yes. "]), c.render("NAME", patient, "C", "none"), r.choice([". ", ", "]),
                  c.render("DOB", vals["DOB"], "C", "none"), ". " + r.choice(st["reasons"]))
            if r.random() < 0.5:
                c.frame("A", r.choice(["Thank you, {v}.", "Okay, {v}, let me pull that up."]), c.render("NAME", patient, "A", "prev", r.choice(["first", "full"])))
            ident = []
        else:
            c.say("C", r.choice(st["reasons"]))
        if caller and "NAME" in ident:
            # a relative / caregiver calls: their own name, then the patient's
            c.say("A", r.choice(["And who am I speaking with?", "Can I get your name?", "And your name, please?"]))
            tm = r.choice(["This is {v}.", "My name is {v}, I'm her daughter.", "{v}. I'm the caregiver.", "{v}, I'm his son."])
            c.frame("C", tm, c.render("NAME", caller, "C", "prev" if tm.startswith("{v}") else "same"))
            self.count["NAME"] += 1
            c.nvalues += 1
        for e in ident:
            if e == "NAME":
                self.name_exchange(c, patient, caller is not None)
            else:
                self.ent_exchange(c, "DOB", vals["DOB"], st)
        carrier_at = r.randrange(len(order) + 1)
        nneg = r.choice([2, 2, 3, 3, 4])
        neg_slots = sorted(r.randrange(len(order) + 2) for _ in range(nneg))
        chat = list(st["chat"])
        r.shuffle(chat)
        for i, e in enumerate(order + [None]):
            while neg_slots and neg_slots[0] == i:
                neg_slots.pop(0)
                c.negative()
            if i == carrier_at:
                self.carrier(c, kind)
            if chat and r.random() < 0.5:
                a, b = chat.pop()
                c.say("A", a)
                c.say("C", b)
            if e is None:
                break
            if e == "PHONE" and i == len(order) - 1 and r.random() < 0.3:
                continue  # volunteered at the end
            self.ent_exchange(c, e, vals[e], st)
        for q in neg_slots:
            c.negative()
        while len(c.turns) < 6:
            if chat:
                a, b = chat.pop()
                c.say("A", a)
                c.say("C", b)
            else:
                c.negative()
        c.say("A", r.choice(CLOSING_A))
        if "PHONE" in order and not any(isinstance(p, Span) and p.entity == "PHONE" for _, ps in c.turns for p in ps):
            c.say("C", r.choice(["Oh, and in case we get cut off, ", "Oh, and if you need me, ", "Actually, just in case, "]),
                  c.render("PHONE", vals["PHONE"], "C", "none"), r.choice([".", ". Okay, bye.", ", okay?"]))
            if r.random() < 0.5:
                c.frame("A", r.choice(READBACK), c.render("PHONE", vals["PHONE"], "A", "prev"))
                c.say("C", r.choice(CONFIRM) + " " + r.choice(["Bye.", "Thanks, bye.", "Okay, thank you."]))
        else:
            c.say("C", r.choice(CLOSING_C))
        if len(c.turns) > 40:
            drop = set(c.carrier_idx[-(len(c.turns) - 40):])
            c.turns = [t for k, t in enumerate(c.turns) if k not in drop]
        if len(c.turns) > 40:
            raise RuntimeError("too many turns")
        self.vals, self.ents, self.patient, self.caller, self.setting = vals, ents, patient, caller, setting
        return c

    def name_exchange(self, c, person, relative):
        r = c.r
        mode = r.choice(["same", "prev", "spell", "spell", "spell", "name_spell", "name_spell", "title_readback"])
        if relative:
            c.say("A", r.choice(["And the patient's name?", "And who are you calling about?", "Okay, and the patient is?"]))
            if r.random() < 0.5:
                c.frame("C", r.choice(["My mother, {v}.", "It's my dad, {v}.", "My husband, {v}.", "My grandmother, {v}."]), c.render("NAME", person, "C", "same"))
            else:
                c.frame("C", r.choice(BARE), c.render("NAME", person, "C", "prev", r.choice(["full", "full", "last_first"])))
        elif mode == "same":
            c.frame("C", r.choice(SAME["NAME"]), c.render("NAME", person, "C", "same"))
        else:
            c.say("A", r.choice(ASK["NAME"]))
            if mode == "name_spell":
                c.say("C", c.render("NAME", person, "C", "prev", r.choice(["full", "last_first"])), ", ",
                      c.render("NAME", person, "C", "prev", "spell_last"), ".")
            else:
                c.frame("C", r.choice(BARE), c.render("NAME", person, "C", "prev", r.choice(["full", "full", "last_first"])))
        if mode in ("spell", "title_readback") or (relative and r.random() < 0.5):
            if mode == "spell" or relative:
                first = r.random() < 0.25
                c.say("A", r.choice(["And how do you spell the first name?", "Can you spell the first name?"]) if first else
                      r.choice(["Can you spell the last name for me?", "How do you spell that?", "And the spelling of the last name?"]))
                c.frame("C", r.choice(["{v}.", "Sure, {v}.", "It's {v}."]), c.render("NAME", person, "C", "prev", "spell_first" if first else "spell_last"))
            if r.random() < 0.4:
                c.frame("A", r.choice(["Thank you, {v}.", "Okay, {v}, let me pull that up.", "Thanks, {v}."]), c.render("NAME", person, "A", "prev", "first"))
            elif r.random() < 0.5 or mode == "title_readback":
                c.say("A", r.choice(["Thank you, ", "Okay, thanks, ", "Perfect. Thank you, "]),
                      r.choice(["Mr. ", "Ms. ", "Mrs. "]) if c.styles["A"] != "lower" else r.choice(["mister ", "miss "]),
                      c.render("NAME", person, "A", "prev", "last"), ".")

    def ent_exchange(self, c, e, val, st):
        r = c.r
        variant = None
        if e == "SSN" and r.random() < 0.5:
            variant = "last4"
        if e == "CARD" and r.random() < 0.35:
            variant = "last4"
        modes = ["prev"] * 35 + ["same"] * 25 + ["readback"] * 12 + ["repeat"] * 7
        if e in ("PHONE", "ZIP", "DOB", "SSN", "MRN", "MEMBER_ID") and c.nvalues < 5:
            modes += ["misheard"] * 8
        if e in ("PHONE", "SSN", "CARD", "MBI", "DOB") and variant is None:
            modes += ["split"] * 10
        if e == "EMAIL":
            modes += ["none"] * 8
        if e in ("PHONE", "ZIP", "STREET") and c.nvalues < 5:
            modes += ["selfcorrect"] * 6
        mode = r.choice(modes)
        if e == "NPI" and r.random() < 0.5:
            prov = self.V.person()
            c.say("A", r.choice(["Who's the ordering provider?", "And which doctor signed the order?", "Who is the referring physician?"]))
            title = "Dr. " if c.styles["C"] != "lower" else "doctor "
            c.say("C", r.choice(["That's ", "It's ", ""]), title, c.render("NAME", prov, "C", "same", "last"), ".")
            self.count["NAME"] += 1
            c.nvalues += 1
        if mode == "none":
            c.frame("C", r.choice(["Oh, and can you send the paperwork to {v}? That's easier for me.", "Oh, and it might be under {v}, my daughter set it up."]),
                    c.render("EMAIL", val, "C", "none"))
            c.say("A", r.choice(["Sure, I can do that.", "Okay, noted."]))
            return
        if e == "CARD" and variant is None and r.random() < 0.4:
            c.say("C", r.choice(["Hang on, let me grab my card.", "Okay, hold on, my purse is in the other room."]))
        c.exchange(e, val, mode, variant)
        c.summary.append((e, val, variant))

    def carrier(self, c, kind):
        r = c.r
        if kind in ("transcript_voice_agent", "vapi_report", "retell_report", "signalwire_post_prompt"):
            n = r.choice([0, 0, 2, 2, 4])
        else:
            n = r.choice([2, 4, 6, 8, 10, 12])
        if not n:
            return
        src = "aci" if kind == "transcript_aci_style" else ("mts" if kind == "transcript_mts_style" else (
            "primock" if kind == "transcript_primock_style" else r.choice(["mts", "primock", "primock"])))
        if kind == "transcript_aci_style" and r.random() < 0.2:
            src = r.choice(["mts", "primock"])
        runs = [x for x in self.carriers[src] if len(x) >= 2]
        run = runs[r.randrange(len(runs))]
        start = r.randrange(max(1, len(run) - n + 1))
        win = run[start:start + n]
        if win and c.turns and win[0][0] == c.turns[-1][0]:
            win = win[1:]
        # align speakers so that the carrier continues the alternation
        for role, t in win:
            if c.styles[role] == "lower":
                t = conv_frame(t, "lower")
            elif c.styles[role] in ("smart", "punct", "llm") and src == "aci":
                t = cap1(t) + "."
            t = re.sub(r" {2,}", " ", t).strip()
            if t:
                c.turns.append((role, [t]))
                c.carrier_idx.append(len(c.turns) - 1)


def c_span(c, text, role, cue, form):
    return Span(text.lower() if c.styles[role] == "lower" else text, "NAME", True, cue, form)


# ---------------------------------------------------------------------------
# assembly: rich strings (lists of str / Span / Neg) -> text + byte offsets
# ---------------------------------------------------------------------------
class Rich:
    def __init__(self, pieces):
        self.pieces = [p for p in pieces if not (isinstance(p, str) and p == "")]

    def plain(self):
        return "".join(p if isinstance(p, str) else p.text for p in self.pieces)


def emit(pieces, buf, pos, spans, negs, escape=False):
    """append pieces to buf (list of str); pos = current byte offset; returns new pos."""
    for p in pieces:
        t = p if isinstance(p, str) else p.text
        if escape:
            t = json.dumps(t, ensure_ascii=False)[1:-1]
        b = len(t.encode("utf-8"))
        if isinstance(p, Span):
            spans.append({"start": pos, "end": pos + b, "entity": p.entity, "spoken": p.spoken, "cue": p.cue, "form": p.form})
        elif isinstance(p, Neg):
            negs.append({"start": pos, "end": pos + b, "what": p.what})
        buf.append(t)
        pos += b
    return pos


def hms(t):
    t = int(t)
    return "%02d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60)


def turn_times(turns, r):
    out = []
    t = r.uniform(0.5, 3.0)
    for role, ps in turns:
        n = len("".join(p if isinstance(p, str) else p.text for p in ps).split())
        d = 0.8 + n * r.uniform(0.28, 0.42)
        out.append((t, t + d))
        t += d + r.uniform(0.2, 1.4)
    return out


def assemble_transcript(c, labels, r):
    stamps = r.random() < 0.35
    times = turn_times(c.turns, r)
    buf, spans, negs = [], [], []
    pos = 0
    for k, ((role, ps), (t0, _)) in enumerate(zip(c.turns, times)):
        head = ("[%s] " % hms(t0) if stamps else "") + (labels[0] if role == "A" else labels[1]) + " "
        pieces = ([] if k == 0 else ["\n"]) + [head] + ps
        pos = emit(pieces, buf, pos, spans, negs)
    return "".join(buf), spans, negs


def uuid(r):
    h = "%032x" % r.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[r.randrange(4)] + h[17:20], h[20:32])


def iso(ms):
    import datetime
    return datetime.datetime.fromtimestamp(ms / 1000.0, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def summary_rich(c, who, r, setting):
    """an LLM-written summary with written forms of some values."""
    topic = {"after_hours_answering": "an after-hours concern", "urgent_care_kiosk": "urgent care check-in",
             "specialty_pharmacy": "a specialty medication refill", "dme_supplier": "a medical equipment order",
             "hospice_family": "a hospice symptom call", "workers_comp": "a workers' compensation case",
             "vaccination_scheduling": "vaccine scheduling", "school_nurse": "a student health issue",
             "ambulance_billing": "an ambulance bill", "sleep_clinic": "a sleep study / CPAP question",
             "physical_therapy": "physical therapy scheduling", "optometry": "eyewear / contact lens order",
             "home_health_intake": "a home health referral", "dialysis_transport": "dialysis transportation",
             "hearing_clinic": "a hearing aid issue", "lab_draw": "lab scheduling"}[setting]
    ps = []
    if who:
        ps += ["Caller ", Span("%s %s" % who, "NAME", False, "same", "summary_full"), " called regarding %s." % topic]
    else:
        ps += ["The caller called regarding %s." % topic]
    labels = {"DOB": "DOB", "PHONE": "Callback number", "EMAIL": "Email", "ZIP": "ZIP", "STREET": "Address",
              "MRN": "MRN", "MBI": "Medicare ID", "MEMBER_ID": "Member ID", "NPI": "Provider NPI"}
    for e, val, variant in c.summary:
        if e in labels and r.random() < 0.75:
            sp = c.render(e, val, "W", "same")
            sp.form = "summary_" + sp.form
            ps += [" %s: " % labels[e], sp, "."]
        elif e == "CARD" and r.random() < 0.6:
            sp = Span(val[-4:], "CARD", False, "same", "summary_last4")
            ps += [" Payment taken on card ending ", sp, "."]
        elif e == "SSN" and r.random() < 0.3:
            ps += [" Identity verified with SSN last four ", Span(val[-4:], "SSN", False, "same", "summary_last4"), "."]
    if r.random() < 0.6:
        w, role, tmpl, fn = r.choice([t for t in NEG_TEMPLATES if t[0] in ("time", "appointment_date", "money", "dose")])
        ps += [" Follow-up: " + tmpl.split("{N}")[0].strip().rstrip(",") + " ", Neg(fn(r, False), w), "."]
    ps += [" " + r.choice(["No further action needed.", "Callback requested.", "Ticket routed to the clinical team.", "Caller satisfied."])]
    return Rich(ps)


def to_json_line(obj):
    """serialise obj (with Rich values) compactly; returns text, spans, negatives."""
    riches = []

    def walk(x):
        if isinstance(x, Rich):
            riches.append(x)
            return "\ue000%d\ue001" % (len(riches) - 1)
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x
    s = json.dumps(walk(obj), ensure_ascii=False, separators=(",", ":"))
    buf, spans, negs = [], [], []
    pos = 0
    last = 0
    for m in re.finditer("\ue000(\\d+)\ue001", s):
        pre = s[last:m.start()]
        buf.append(pre)
        pos += len(pre.encode("utf-8"))
        pos = emit(riches[int(m.group(1))].pieces, buf, pos, spans, negs, escape=True)
        last = m.end()
    buf.append(s[last:])
    return "".join(buf), spans, negs


def build_json(c, kind, r, setting, who):
    W = {"A": "AI", "C": "User"}
    turns = c.turns
    times = turn_times(turns, r)
    t0ms = 1780000000000 + r.randrange(10 ** 10)
    dur = times[-1][1] + 1.0
    summ = summary_rich(c, who, r, setting) if kind in ("vapi_report", "retell_report", "signalwire_post_prompt") else None
    prompt = "You are a friendly voice assistant for %s. Verify the caller's identity before discussing records. Never give medical advice." % setting.replace("_", " ")
    phone_meta = None
    if kind in ("vapi_report", "retell_report") and r.random() < 0.5:
        phone_meta = Rich([Span("+1" + c.V.phone(), "PHONE", False, "none", "e164_metadata")])

    def joined(fmt_a, fmt_c, sep):
        ps = []
        for k, (role, p) in enumerate(turns):
            ps += ([sep] if k else []) + [(fmt_a if role == "A" else fmt_c)] + p
        return Rich(ps)
    if kind == "vapi_report":
        msgs = [{"role": "system", "message": prompt, "time": t0ms, "secondsFromStart": 0}]
        for (role, p), (a, b) in zip(turns, times):
            msgs.append({"role": "bot" if role == "A" else "user", "message": Rich(p), "time": t0ms + int(a * 1000),
                         "endTime": t0ms + int(b * 1000), "secondsFromStart": round(a, 3), "duration": int((b - a) * 1000)})
        call = {"id": uuid(r), "orgId": uuid(r), "createdAt": iso(t0ms), "type": "inboundPhoneCall", "status": "ended",
                "assistantId": uuid(r)}
        if phone_meta:
            call["customer"] = {"number": phone_meta}
        art = {"messages": msgs}
        if r.random() < 0.5:
            art["messagesOpenAIFormatted"] = [{"role": "system", "content": prompt}] + [
                {"role": "assistant" if role == "A" else "user", "content": Rich(p)} for role, p in turns]
        art["transcript"] = joined("AI: ", "User: ", "\n")
        rid = uuid(r)
        art["recordingUrl"] = "https://storage.vapi.ai/%s-mono.wav" % rid
        art["stereoRecordingUrl"] = "https://storage.vapi.ai/%s-stereo.wav" % rid
        cost = round(r.uniform(0.05, 0.6), 4)
        obj = {"message": {"timestamp": t0ms + int(dur * 1000) + 800, "type": "end-of-call-report",
                           "endedReason": r.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"]),
                           "call": call, "artifact": art,
                           "analysis": {"summary": summ, "successEvaluation": r.choice(["true", "false"])},
                           "startedAt": iso(t0ms), "endedAt": iso(t0ms + int(dur * 1000)), "cost": cost,
                           "costBreakdown": {"stt": round(cost * 0.2, 4), "llm": round(cost * 0.3, 4), "tts": round(cost * 0.3, 4),
                                             "vapi": round(cost * 0.2, 4), "total": cost},
                           "durationSeconds": round(dur, 3)}}
    elif kind == "retell_report":
        call = {"call_type": "phone_call", "direction": "inbound", "call_id": "call_" + "%032x" % r.getrandbits(128),
                "agent_id": "agent_" + "%024x" % r.getrandbits(96), "call_status": "ended"}
        if phone_meta:
            call["from_number"] = phone_meta
        call.update({"start_timestamp": t0ms, "end_timestamp": t0ms + int(dur * 1000), "duration_ms": int(dur * 1000),
                     "transcript": joined("Agent: ", "User: ", "\n"),
                     "transcript_object": [{"role": "agent" if role == "A" else "user", "content": Rich(p), "words": []} for role, p in turns],
                     "recording_url": "https://dxc03zgurdly9.cloudfront.net/%s/recording.wav" % uuid(r),
                     "disconnection_reason": r.choice(["user_hangup", "agent_hangup"]),
                     "latency": {"e2e": {"p50": round(r.uniform(600, 1400), 1), "p90": round(r.uniform(1400, 2200), 1)}},
                     "call_cost": {"combined_cost": round(r.uniform(3, 40), 2), "total_duration_seconds": int(dur)}})
        ev = r.choice(["call_analyzed", "call_analyzed", "call_ended"])
        if ev == "call_analyzed":
            call["call_analysis"] = {"call_summary": summ, "in_voicemail": False,
                                     "user_sentiment": r.choice(["Neutral", "Positive", "Negative"]), "call_successful": True}
        obj = {"event": ev, "call": call}
    elif kind == "signalwire_post_prompt":
        us = t0ms * 1000
        log = [{"role": "system", "content": prompt}]
        for (role, p), (a, b) in zip(turns, times):
            log.append({"role": "assistant" if role == "A" else "user", "content": Rich(p)})
        obj = {"action": "post_conversation", "ai_session_id": uuid(r), "app_name": "swml app", "call_id": uuid(r),
               "call_start_date": us, "call_answer_date": us + 1200000, "call_end_date": us + int(dur * 1e6),
               "call_log": log, "post_prompt_data": {"raw": summ, "substituted": summ},
               "total_input_tokens": r.randint(2000, 9000), "total_output_tokens": r.randint(200, 900),
               "conversation_id": "conv-%06d" % r.randrange(10 ** 6), "version": "2.0"}
    elif kind == "deepgram_prerecorded":
        sp = {"A": 0, "C": 1}
        whole = []
        for k, (role, p) in enumerate(turns):
            whole += ([" "] if k else []) + p
        para = []
        for k, (role, p) in enumerate(turns):
            para += ["\n" if k == 0 else "\n\n", "Speaker %d: " % sp[role]] + p
        utts = [{"start": round(a, 2), "end": round(b, 2), "confidence": round(r.uniform(0.85, 0.99), 4), "channel": 0,
                 "transcript": Rich(p), "speaker": sp[role], "id": uuid(r)} for (role, p), (a, b) in zip(turns, times)]
        obj = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r), "created": iso(t0ms), "duration": round(dur, 3),
                            "channels": 1, "models": [uuid(r)]},
               "results": {"channels": [{"alternatives": [{"transcript": Rich(whole), "confidence": round(r.uniform(0.9, 0.99), 4),
                                                           "paragraphs": {"transcript": Rich(para)}}]}],
                           "utterances": utts}}
    else:  # transcribe_output
        sp = {"A": "spk_0", "C": "spk_1"}
        whole = []
        for k, (role, p) in enumerate(turns):
            whole += ([" "] if k else []) + p
        segs = [{"start_time": "%.3f" % a, "end_time": "%.3f" % b, "speaker_label": sp[role], "items": []}
                for (role, p), (a, b) in zip(turns, times)]
        auds = [{"id": k, "transcript": Rich(p), "start_time": "%.3f" % a, "end_time": "%.3f" % b, "speaker_label": sp[role], "items": []}
                for k, ((role, p), (a, b)) in enumerate(zip(turns, times))]
        obj = {"jobName": "call-%d" % r.randrange(10 ** 9), "accountId": "%012d" % r.randrange(10 ** 12), "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": Rich(whole)}], "speaker_labels": {"speakers": 2, "segments": segs},
                           "items": [], "audio_segments": auds}}
    return to_json_line(obj)


def generate(seed, n, carriers):
    rb = RecordBuilder(seed, carriers)
    GEN_COUNT.clear()
    r = rb.r
    tot = sum(x[2] for x in KIND_PLAN)
    plan = []
    for fmt, kind, k in KIND_PLAN:
        plan += [(fmt, kind)] * int(round(k * n / tot))
    while len(plan) < n:
        plan.append(KIND_PLAN[len(plan) % len(KIND_PLAN)][:2])
    plan = plan[:n]
    r.shuffle(plan)
    out = []
    for i, (fmt, kind) in enumerate(plan):
        c = rb.build(i, fmt, kind)
        rec = {"id": "h4-%05d" % (i + 1), "format": fmt}
        if fmt == "json":
            rec["profile"] = PROFILE[kind]
            who = rb.patient if any(p.entity == "NAME" for _, ps in c.turns for p in ps if isinstance(p, Span)) else None
            text, spans, negs = build_json(c, kind, r, rb.setting, who)
        else:
            labels = labels_for(kind, rb.setting, r)
            text, spans, negs = assemble_transcript(c, labels, r)
        rec["kind"] = kind
        rec["text"] = text
        rec["spans"] = spans
        rec["negatives"] = negs
        out.append(rec)
    GEN_COUNT.update(rb.count)
    return out


GEN_COUNT = collections.Counter()


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------
ORD_WORDS = {v: k for k, v in ORD.items()}


def parse_date_candidates(text):
    t = text.lower()
    t = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1 ord", t)
    toks = re.findall(r"[a-z]+|\d+", t)
    month = None
    for w in toks:
        if w in MONTHS:
            month = MONTHS.index(w) + 1
    cands = []
    if month:
        rest = [w for w in toks if w not in MONTHS and w not in ("the", "of", "uh", "um")]
        day = None
        # ordinal words: (tens) ordinal
        for i, w in enumerate(rest):
            if w in ORD_WORDS:
                day = ORD_WORDS[w]
                if i > 0 and rest[i - 1] in ("twenty", "thirty"):
                    day += 20 if rest[i - 1] == "twenty" else 30
                    rest = rest[:i - 1] + rest[i + 1:]
                else:
                    rest = rest[:i] + rest[i + 1:]
                break
            if w == "ord":
                day = int(rest[i - 1])
                rest = rest[:i - 1] + rest[i + 1:]
                break
        if day is None and rest and rest[0].isdigit() and len(rest[0]) <= 2:
            day = int(rest[0])
            rest = rest[1:]
        if day is None and rest and rest[0] in NUMWORD and NUMWORD[rest[0]][0] == "d":
            day = int(NUMWORD[rest[0]][1])
            rest = rest[1:]
        ys = norm_digits(" ".join(rest))
        years = [int(ys)] if len(ys) == 4 else ([1900 + int(ys), 2000 + int(ys)] if len(ys) == 2 else [])
        cands = [(y, month, day) for y in years if day]
    else:
        nums = re.findall(r"\d+", t)
        if len(nums) == 3 and not re.search(r"[a-z]", t):
            a, b, cc = nums
            if len(a) == 4:
                cands.append((int(a), int(b), int(cc)))
            else:
                y = int(cc)
                for yy in ([y] if y > 99 else [1900 + y, 2000 + y]):
                    cands.append((yy, int(a), int(b)))
        else:
            s = norm_digits(t)
            for ml in (1, 2):
                for dl in (1, 2):
                    for yl in (2, 4):
                        if ml + dl + yl == len(s):
                            m, d, y = int(s[:ml]), int(s[ml:ml + dl]), int(s[ml + dl:])
                            for yy in ([y] if yl == 4 else [1900 + y, 2000 + y]):
                                cands.append((yy, m, d))
    return cands


def valid_date(y, m, d, lo=1931, hi=2012):
    import datetime
    try:
        datetime.date(y, m, d)
    except (ValueError, TypeError):
        return False
    return lo <= y <= hi


def norm_email(text):
    t = text.lower().replace(" at sign ", " at ")
    toks = re.findall(r"[a-z]+|\d+|[.@_-]", t)
    out = []
    numbuf = []
    for w in toks + ["\0"]:
        if w in NUMWORD and len(w) > 2 and w not in ("for", "too", "won", "ate"):
            numbuf.append(w)
            continue
        if numbuf:
            out.append(norm_digits(" ".join(numbuf)))
            numbuf = []
        if w == "\0":
            break
        out.append({"dot": ".", "period": ".", "at": "@", "underscore": "_", "dash": "-", "hyphen": "-"}.get(w, w))
    return "".join(out)


def value_ok(ent, form, text):
    if ent == "NAME":
        return bool(re.fullmatch(r"[A-Za-z][A-Za-z ,.'\-]*", text))
    if ent == "DOB":
        return any(valid_date(*c) for c in parse_date_candidates(text))
    if ent == "EMAIL":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.(com|net|org)", norm_email(text)))
    if ent == "STREET":
        return bool(norm_digits(text.split(" ")[0] + " " + " ".join(text.split(" ")[1:3]))) and any(
            re.search(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(s), text, re.I) for pair in SUFFIX for s in pair)
    if "last4" in form:
        return len(norm_digits(text)) == 4
    if ent in ("MRN", "MBI", "MEMBER_ID"):
        v = norm_alnum(text)
        if ent == "MBI":
            return mbi_ok(v)
        if ent == "MRN":
            return bool(re.fullmatch(r"[A-Z]{0,2}\d{6,10}", v))
        return bool(re.fullmatch(r"[A-Z]{0,3}\d{7,11}", v))
    d = norm_digits(text)
    if "restart" in form and len(d) == 13:
        d = d[3:]
    return {"PHONE": phone_ok, "SSN": ssn_ok, "CARD": card_ok, "NPI": npi_ok, "ZIP": zip_ok}[ent](d)


def string_ranges(raw):
    """byte ranges of the insides of JSON string tokens (raw is bytes)."""
    out = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i:i + 1] == b'"':
            j = i + 1
            while raw[j:j + 1] != b'"':
                j += 2 if raw[j:j + 1] == b"\\" else 1
            out.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


LINE_RE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z ]+\]|[A-Za-z][A-Za-z0-9_' -]{0,20}:) \S")


def check(paths):
    errs = []
    recs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = f.read()
        if not data.endswith("\n"):
            errs.append("%s: no final newline" % path)
        for ln, line in enumerate(data.split("\n")[:-1], 1):
            try:
                rec = json.loads(line)
            except ValueError as e:
                errs.append("%s:%d: bad JSON line (%s)" % (path, ln, e))
                continue
            recs.append(rec)
            rid = rec.get("id")
            text = rec["text"]
            b = text.encode("utf-8")
            if rec["format"] == "transcript":
                lines = text.split("\n")
                if not 8 <= len(lines) <= 40:
                    errs.append("%s: %d turns" % (rid, len(lines)))
                for l in lines:
                    if not LINE_RE.match(l) or l != l.strip():
                        errs.append("%s: bad line %r" % (rid, l[:60]))
            else:
                try:
                    json.loads(text)
                except ValueError:
                    errs.append("%s: text is not JSON" % rid)
                if "profile" not in rec:
                    errs.append("%s: no profile" % rid)
                ranges = string_ranges(b)
            prev = None
            iv = []
            parts = collections.defaultdict(list)
            for s in rec["spans"]:
                if not (0 <= s["start"] < s["end"] <= len(b)):
                    errs.append("%s: span out of range" % rid)
                    continue
                try:
                    v = b[s["start"]:s["end"]].decode("utf-8")
                except UnicodeDecodeError:
                    errs.append("%s: span splits a character" % rid)
                    continue
                if v != v.strip():
                    errs.append("%s: span has edge spaces %r" % (rid, v))
                if rec["format"] == "json":
                    if not any(a <= s["start"] and s["end"] <= z for a, z in ranges):
                        errs.append("%s: span outside a JSON string %r" % (rid, v))
                    v = json.loads('"%s"' % v)
                if s["cue"] not in ("same", "prev", "none") or not isinstance(s["spoken"], bool):
                    errs.append("%s: bad cue/spoken" % rid)
                if "\n" in v:
                    errs.append("%s: span crosses a line %r" % (rid, v))
                m = re.search(r"part(\d)of(\d)$", s["form"])
                if m:
                    parts[s["entity"]].append((int(m.group(1)), int(m.group(2)), v))
                    if m.group(1) == m.group(2):
                        group = parts.pop(s["entity"])
                        if [p[0] for p in group[-int(m.group(2)):]] != list(range(1, int(m.group(2)) + 1)):
                            errs.append("%s: split parts out of order" % rid)
                        whole = ", ".join(p[2] for p in group[-int(m.group(2)):])
                        if not value_ok(s["entity"], "", whole):
                            errs.append("%s: invalid split %s %r" % (rid, s["entity"], whole))
                elif not value_ok(s["entity"], s["form"], v):
                    errs.append("%s: invalid %s (%s) %r" % (rid, s["entity"], s["form"], v))
                iv.append((s["start"], s["end"], "span"))
            for ng in rec["negatives"]:
                iv.append((ng["start"], ng["end"], "neg"))
                if rec["format"] == "json" and not any(a <= ng["start"] and ng["end"] <= z for a, z in ranges):
                    errs.append("%s: negative outside a JSON string" % rid)
            iv.sort()
            for x, y in zip(iv, iv[1:]):
                if y[0] < x[1]:
                    errs.append("%s: overlap %r %r" % (rid, x, y))
    for e in errs[:40]:
        print("ERROR", e, file=sys.stderr)
    print_stats(recs)
    print("%d records, %d errors" % (len(recs), len(errs)))
    return not errs


def value_key(ent, form, text):
    if ent == "NAME":
        return re.sub(r"[^a-z]", "", text.lower())
    if ent == "DOB":
        c = [x for x in parse_date_candidates(text) if valid_date(*x)]
        return c[0] if c else text
    if ent == "EMAIL":
        return norm_email(text)
    if ent in ("MRN", "MBI", "MEMBER_ID"):
        return norm_alnum(text)
    if ent == "STREET":
        return norm_digits(text.split(" ")[0])
    d = norm_digits(text)
    if "last4" in form:
        return "last4:" + d
    if "restart" in form and len(d) == 13:
        d = d[3:]
    return d


def print_stats(recs):
    uniq = collections.Counter()
    ent = collections.Counter()
    cue = collections.Counter()
    spk = collections.Counter()
    kind = collections.Counter()
    neg = collections.Counter()
    fmt = collections.Counter()
    spelled = 0
    forms = set()
    for r in recs:
        kind[r["kind"]] += 1
        fmt[r["format"]] += 1
        b = r["text"].encode("utf-8")
        keys = set()
        for s in r["spans"]:
            v = b[s["start"]:s["end"]].decode("utf-8")
            if r["format"] == "json":
                v = json.loads('"%s"' % v)
            if "misheard" in s["form"]:
                continue
            if "_part" in s["form"]:
                k = (s["entity"], "part")
            else:
                k = (s["entity"], value_key(s["entity"], s["form"], v))
            keys.add(k)
        for e, _ in keys:
            uniq[e] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            cue[(s["entity"], s["cue"])] += 1
            cue[s["cue"]] += 1
            spk[(s["entity"], s["spoken"])] += 1
            forms.add(s["form"])
            if s["entity"] == "NAME" and s["form"].startswith("spelled"):
                spelled += 1
        for n in r["negatives"]:
            neg[n["what"]] += 1
    print("records: %d (%s)" % (len(recs), ", ".join("%s %d" % kv for kv in sorted(fmt.items()))))
    print("kinds: " + ", ".join("%s %d" % kv for kv in sorted(kind.items())))
    print("| entity | values | spans | spoken | written | same/prev/none |")
    print("|---|---|---|---|---|---|")
    for e in sorted(ent, key=lambda x: -ent[x]):
        print("| %s | %d | %d | %d | %d | %d/%d/%d |" % (e, uniq[e], ent[e], spk[(e, True)], spk[(e, False)], cue[(e, "same")], cue[(e, "prev")], cue[(e, "none")]))
    tot = sum(ent.values())
    print("spans %d: cue same %d / prev %d / none %d; spelled names %d; distinct forms %d"
          % (tot, cue["same"], cue["prev"], cue["none"], spelled, len(forms)))
    print("negatives %d: %s" % (sum(neg.values()), ", ".join("%s %d" % kv for kv in sorted(neg.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--check", nargs="+", metavar="FILE")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir", default=None)
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.check) else 1)
    carriers, _ = load_carriers(carrier_dir(a.carrier_dir))
    recs = generate(a.seed, a.n, carriers)
    if a.stats:
        print_stats(recs)
        print("injected values (builder count, incl. agent/caller/provider names): " +
              ", ".join("%s %d" % kv for kv in sorted(GEN_COUNT.items())))
        return
    out = sys.stdout.buffer
    for rec in recs:
        out.write((json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
