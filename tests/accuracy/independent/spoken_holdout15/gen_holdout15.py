#!/usr/bin/env python3
"""Independent spoken-PHI holdout corpus #15 (phiscrub). Standard library only.

  python3 gen_holdout15.py [--seed 20261215] [--n 100] > holdout15.jsonl
  python3 gen_holdout15.py --check holdout15.jsonl
  python3 gen_holdout15.py --stats [--seed ..] [--n ..]
"""
import argparse, collections, csv, json, os, random, re, sys

SEED = 20261215
ENTS = ["SSN", "PHONE", "DOB", "MRN", "MBI", "CARD", "ZIP", "STREET", "EMAIL", "NPI", "MEMBER_ID", "NAME"]

FIRST = ["maria", "james", "aisha", "wei", "oluwaseun", "priya", "carlos", "hannah", "tomasz", "keisha",
         "dmitri", "fatima", "liam", "mei", "jorge", "ngozi", "sean", "yuki", "rahul", "gabriela",
         "desmond", "ingrid", "tariq", "lucia", "andre", "hye-jin", "samuel", "amara", "kenji", "rosa",
         "elena", "darnell", "anh", "mohammed", "brigid", "diego", "leilani", "viktor", "shanice", "omar"]
LAST = ["garcia", "okafor", "nguyen", "kowalski", "patel", "washington", "haddad", "oconnor", "tanaka",
        "rodriguez", "mensah", "schmidt", "chen", "abernathy", "delgado", "ivanova", "kim", "mbeki",
        "fitzgerald", "ramirez", "yilmaz", "johansson", "adeyemi", "castillo", "singh", "park", "moreau",
        "thompson", "alvarez", "nakamura", "obi", "petrov", "hernandez", "lindqvist", "baptiste", "mahmoud"]
AREAS = ["212", "415", "312", "617", "305", "713", "206", "404", "602", "503", "720", "919", "614", "504",
         "818", "646", "215", "480", "702", "971"]
ZIPS = ["60614", "94110", "02139", "33125", "77006", "98103", "30307", "85004", "97214", "80205",
        "27701", "43215", "70115", "10027", "19104", "89101", "55408", "48201", "63110", "37203"]
STREETS = ["maple", "cedar", "oak", "lincoln", "washington", "elm", "park", "sunset", "highland", "jefferson",
           "willow", "magnolia", "chestnut", "lakeview", "franklin", "pine", "ridge", "harbor"]
SUFFIX = [("street", "St."), ("avenue", "Ave."), ("road", "Rd."), ("drive", "Dr."), ("lane", "Ln."),
          ("court", "Ct."), ("boulevard", "Blvd."), ("way", "Way")]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("icloud", "com"), ("aol", "com"), ("hotmail", "com")]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MBI_ALPHA = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "SLOIBZ"]
NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot", "G": "golf",
        "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima", "M": "mike", "N": "november",
        "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo", "S": "sierra", "T": "tango", "U": "uniform",
        "V": "victor", "W": "whiskey", "X": "x-ray", "Y": "yankee", "Z": "zulu"}
ASIN = {"A": "apple", "C": "cat", "D": "david", "E": "edward", "F": "frank", "G": "george", "H": "henry",
        "J": "john", "K": "king", "M": "mary", "N": "nancy", "P": "peter", "Q": "queen", "R": "robert",
        "T": "tom", "U": "umbrella", "V": "victor", "W": "william", "X": "x-ray", "Y": "yellow",
        "B": "boy", "S": "sam", "L": "larry", "I": "ida", "O": "ocean", "Z": "zebra"}
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
       "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth",
       "twenty ninth", "thirtieth", "thirty first"]
FORBIDDEN_SSN = {"078051120", "123456789", "219099999"}


def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        t += d
    return t % 10 == 0


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


# ---------------------------------------------------------------- values
def v_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        s = "%03d%02d%04d" % (a, r.randint(1, 99), r.randint(1, 9999))
        if s not in FORBIDDEN_SSN:
            return s

def v_phone(r): return r.choice(AREAS) + "55501" + "%02d" % r.randint(0, 99)
def v_dob(r): return (r.randint(1936, 2004), r.randint(1, 12), r.randint(1, 28))
def v_mrn(r): return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(r.choice([6, 7, 8])))
def v_mbi(r):
    D, A, N = "0123456789", MBI_ALPHA, MBI_ALPHA + list("0123456789")
    p = [r.choice("123456789"), r.choice(A), r.choice(N), r.choice(D), r.choice(A), r.choice(N),
         r.choice(D), r.choice(A), r.choice(A), r.choice(D), r.choice(D)]
    return "".join(p)
def v_card(r):
    kind = r.choice(["visa", "visa", "mc", "amex"])
    if kind == "visa":
        body = "4" + "".join(r.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        body = "5" + r.choice("12345") + "".join(r.choice("0123456789") for _ in range(13))
    else:
        body = "37" + "".join(r.choice("0123456789") for _ in range(12))
    return luhn_complete(body)
def v_zip(r): return r.choice(ZIPS)
def v_street(r):
    n = str(r.choice([r.randint(10, 99), r.randint(100, 999), r.randint(1000, 9899)]))
    st, (sw, sa) = r.choice(STREETS), r.choice(SUFFIX)
    unit = r.choice([None, None, None, "apt", "unit"])
    return (n, st, sw, sa, unit, str(r.randint(1, 40)) + r.choice(["", "", "b"]) if unit else None)
def v_email(r):
    f, l = r.choice(FIRST).replace("-", ""), r.choice(LAST)
    style = r.choice(["f.l", "fl", "fl##", "f_l"])
    local = {"f.l": f + "." + l, "fl": f[0] + l, "fl##": f + l + str(r.randint(10, 99)), "f_l": f + "_" + l}[style]
    return local, r.choice(DOMAINS)
def v_npi(r): return luhn_complete_npi("1" + "".join(r.choice("0123456789") for _ in range(8)))
def luhn_complete_npi(body9):
    for c in "0123456789":
        if luhn_ok("80840" + body9 + c):
            return body9 + c
def v_member(r):
    pre = r.choice(["", "W", "XJH", "ZGP", "MBR", "H"])
    return pre + "".join(r.choice("0123456789") for _ in range(r.choice([8, 9, 10]) - len(pre) // 2))
def v_name(r): return (r.choice(FIRST), r.choice(LAST))


# ---------------------------------------------------------------- renderers
def dword(d, r, oh=True):
    if d == "0":
        return r.choice(["oh", "oh", "zero", "o"]) if oh else "zero"
    return ONES[int(d)]

def two(n):
    n = int(n)
    if n < 10: return ONES[n]
    if n < 20: return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])

def say_digits(s, r, style=None):
    """spoken digit string with chunking (list of group strings)."""
    style = style or r.choice(["plain", "double", "fill", "mixed"])
    out, i = [], 0
    while i < len(s):
        d = s[i]
        if style == "double" and i + 2 < len(s) and s[i + 1] == d and s[i + 2] == d:
            out.append("triple " + dword(d, r)); i += 3; continue
        if style == "double" and i + 1 < len(s) and s[i + 1] == d:
            out.append("double " + dword(d, r)); i += 2; continue
        if style == "mixed" and r.random() < 0.3:
            out.append(d)
        else:
            out.append(dword(d, r))
        i += 1
    return " ".join(out)

def chunked(groups, r, style):
    """groups: list of digit strings; returns (text, formtag)"""
    sep = r.choice([" ", ", ", "... ", " uh ", " - "])
    fill = style == "fill"
    parts = [say_digits(g, r, "plain" if fill else style) for g in groups]
    if fill:
        k = r.randrange(len(parts))
        w = parts[k].split(" ")
        if len(w) > 2:
            j = r.randint(1, len(w) - 1)
            parts[k] = " ".join(w[:j] + [r.choice(["um", "uh", "hmm"])] + w[j:])
    if r.random() < 0.15:
        MIS = {"four": "for", "two": "to", "eight": "ate", "one": "won"}
        for k2 in range(len(parts)):
            ws = parts[k2].split(" ")
            idx = [j for j, x in enumerate(ws) if x in MIS and (j == 0 or ws[j - 1] not in ("double", "triple"))]
            if idx:
                j = r.choice(idx); ws[j] = MIS[ws[j]]; parts[k2] = " ".join(ws); style += "_misrec"; break
    tag = {" ": "space", ", ": "comma", "... ": "ellipsis", " uh ": "uh", " - ": "dash"}[sep]
    return sep.join(parts), tag

def render_digits_entity(val, groups, r, written_fmt):
    """Return (text, spoken, form)."""
    mode = r.random()
    if mode < 0.18:
        return written_fmt, False, "written_formatted"
    if mode < 0.28:
        return "".join(groups) if r.random() < 0.5 else " ".join(groups), False, "digits_raw"
    style = r.choice(["plain", "double", "fill", "mixed", "plain"])
    t, tag = chunked(groups, r, style)
    return t, True, "words_%s_%s" % (style, tag)

def say_year(y, r):
    a, b = divmod(y, 100)
    if y >= 2000:
        if r.random() < 0.5:
            return "two thousand" + ("" if b == 0 else (" and " if r.random() < 0.3 else " ") + two(b))
        return "twenty " + ("oh " + ONES[b] if b < 10 else two(b))
    return two(a) + " " + ("oh " + ONES[b] if b < 10 else two(b))

def render_dob(v, r):
    y, m, d = v
    k = r.randrange(9)
    if k == 0: return "%02d/%02d/%d" % (m, d, y), False, "written_mdy_slash"
    if k == 1: return "%s %d, %d" % (MONTHS[m - 1].title(), d, y), False, "written_month_full"
    if k == 2: return "%s %s %s" % (MONTHS[m - 1], ORD[d], say_year(y, r)), True, "month_ord_year_words"
    if k == 3: return "the %s of %s %s" % (ORD[d], MONTHS[m - 1], say_year(y, r)), True, "the_d_of_m_year"
    if k == 4: return "%s %s %s" % (dword(str(m // 10), r) + " " + ONES[m % 10] if m < 10 else two(m),
                                    (dword("0", r) + " " + ONES[d] if d < 10 else two(d)), two(y % 100) if y % 100 >= 10 else "oh " + ONES[y % 10]), True, "num_mdy_words_oh"
    if k == 5: return "%d %d %d" % (m, d, y), False, "digits_mdy_space"
    if k == 6: return "%s %d %s" % (MONTHS[m - 1], d, say_year(y, r)), True, "month_digit_yearwords"
    if k == 7: return "%s, %s... %s" % (two(m), two(d), say_year(y, r)), True, "num_mdy_pauses"
    return "%s %s, %d" % (MONTHS[m - 1].title(), ORD[d], y), True, "month_ord_digit_year"

def spell(s, r, how):
    out = []
    for ch in s.upper():
        if ch.isdigit():
            out.append(dword(ch, r) if how != "digits" else ch)
        elif how == "nato":
            out.append(NATO[ch])
        elif how == "asin" and r.random() < 0.5:
            out.append("%s as in %s" % (ch.lower() if r.random() < 0.5 else ch, ASIN[ch]))
        else:
            out.append(ch.lower() if r.random() < 0.1 else ch)
    return out

def render_alnum(v, r):
    k = r.randrange(5)
    if k == 0: return v, False, "written_compact"
    how = ["plain", "nato", "asin", "digits"][k - 1]
    toks = spell(v, r, how)
    sep = r.choice([" ", ", ", " "])
    return sep.join(toks), True, "spelled_%s" % how

def render_email(v, r):
    local, (dom, tld) = v
    full = "%s@%s.%s" % (local, dom, tld)
    k = r.randrange(4)
    if k == 0: return full, False, "written_email"
    loc = local.replace(".", " dot ").replace("_", " underscore ")
    loc = re.sub(r"(\d+)", lambda m: " " + " ".join(ONES[int(c)] for c in m.group(1)), loc)
    if k == 1: return "%s at %s dot %s" % (loc, dom, tld), True, "email_words"
    if k == 2: return "%s at %s.%s" % (loc, dom, tld), True, "email_words_dotdomain"
    first = re.split(r"[._\d]", local)[0]
    return "%s, %s, %s at %s dot %s" % (first, " ".join(first), loc, dom, tld), True, "email_spell_first"

def house_say(n, r):
    if len(n) == 4 and r.random() < 0.7:
        return two(n[:2]) + " " + (("oh " + ONES[int(n[3])]) if n[2] == "0" and n[3] != "0" else ("hundred" if n[2:] == "00" else two(n[2:])))
    if len(n) == 3 and r.random() < 0.5:
        return ONES[int(n[0])] + " " + (("oh " + ONES[int(n[2])]) if n[1] == "0" else two(n[1:]))
    return " ".join(dword(c, r) for c in n)

def render_street(v, r):
    n, st, sw, sa, unit, un = v
    k = r.randrange(4)
    if k == 0:
        t = "%s %s %s" % (n, st.title(), sa) + ((", %s %s" % ("Apt" if unit == "apt" else "Unit", un.upper())) if unit else "")
        return t, False, "written_addr"
    num = n if k == 1 else house_say(n, r)
    t = "%s %s %s" % (num, st, sw)
    if unit:
        t += r.choice([" ", ", ", " uh "]) + ("apartment" if unit == "apt" else "unit") + " " + (un if k == 1 else house_say(un.rstrip("b"), r) + (" b" if un.endswith("b") else ""))
    return t, True, "house_%s%s" % ("digits" if k == 1 else "words", "_unit" if unit else "")

def render_name(v, r, full=True):
    f, l = v
    k = r.randrange(5)
    if not full:
        return (l.title() if r.random() < 0.6 else l), True, "last_only"
    if k == 0: return "%s %s" % (f, l), True, "name_full_lower"
    if k == 1: return "%s %s" % (f.title(), l.title()), True, "name_full_cased"
    if k == 2: return "%s %s, %s" % (f.title(), l.title(), "-".join(l.upper())), True, "name_full_spelled_last_dash"
    if k == 3: return "%s, %s" % (l.title(), f.title()), True, "name_last_first"
    return "%s %s... %s" % (f, l, " ".join(spell(l, r, "asin"))), True, "name_spelled_asin"

def render(ent, v, r):
    if ent == "SSN": return render_digits_entity(v, [v[:3], v[3:5], v[5:]], r, "%s-%s-%s" % (v[:3], v[3:5], v[5:]))
    if ent == "PHONE": return render_digits_entity(v, [v[:3], v[3:6], v[6:]], r, r.choice(["(%s) %s-%s", "%s-%s-%s"]) % (v[:3], v[3:6], v[6:]))
    if ent == "ZIP": return render_digits_entity(v, [v], r, v)
    if ent == "NPI": return render_digits_entity(v, [v[:4], v[4:7], v[7:]] if r.random() < 0.5 else [v[:5], v[5:]], r, v)
    if ent == "CARD":
        g = [v[i:i + 4] for i in range(0, len(v), 4)] if len(v) == 16 else [v[:4], v[4:10], v[10:]]
        return render_digits_entity(v, g, r, " ".join(g) if r.random() < 0.5 else "-".join(g))
    if ent == "MRN":
        g = [v[:3], v[3:]] if r.random() < 0.5 else [v]
        return render_digits_entity(v, g, r, v)
    if ent == "DOB": return render_dob(v, r)
    if ent in ("MBI", "MEMBER_ID"): return render_alnum(v, r)
    if ent == "EMAIL": return render_email(v, r)
    if ent == "STREET": return render_street(v, r)
    if ent == "NAME": return render_name(v, r)

GEN = {"SSN": v_ssn, "PHONE": v_phone, "DOB": v_dob, "MRN": v_mrn, "MBI": v_mbi, "CARD": v_card,
       "ZIP": v_zip, "STREET": v_street, "EMAIL": v_email, "NPI": v_npi, "MEMBER_ID": v_member, "NAME": v_name}

ASK = {
    "SSN": ["before I can release that I need to verify the social", "and the social security number on the policy holder", "can I get the last... actually the full social security number", "what's the social on the account",
            "and for verification I'll need your social", "could you give me your s s n please"],
    "PHONE": ["and is the number you're calling from the best one to reach you", "what's a good number in case we get disconnected", "what's the best callback number for you", "and a good phone number", "is there a number we can reach you at",
              "what number should the pharmacy call"],
    "DOB": ["and what's your birthdate", "can I have the patient's date of birth to pull up the chart", "I'm just gonna need the date of birth", "can you verify your date of birth for me", "and the date of birth", "what's the patient's birthday",
            "date of birth please"],
    "MRN": ["if you have your patient number from the statement that's fastest", "do you have the medical record number handy", "it'll be on the wristband, the m r n", "what's the chart number on that letter",
            "can you read me the record number at the top"],
    "MBI": ["I'll need the medicare number off the red white and blue card", "what's the medicare beneficiary identifier",
            "and your new medicare number, the one with letters in it"],
    "CARD": ["what card would you like to use for the copay", "go ahead with the card number whenever you're ready",
             "and the card number for the balance"],
    "ZIP": ["and what zip is that", "I just need a zip code to find the nearest location", "and the zip code there", "what's the zip", "billing zip code on the card"],
    "STREET": ["what's the street address", "where should we mail the kit", "and the address we have on file, can you confirm it"],
    "EMAIL": ["and what's your email, I'll send the link there", "what email should the portal invite go to", "do you have an email address", "and an email for the receipt"],
    "NPI": ["do you have the referring provider's n p i", "what's the prescriber's NPI number", "can I get the ordering doctor's national provider number"],
    "MEMBER_ID": ["it should be under member ID on the card, starts with letters sometimes", "what's your insurance ID", "what's the member ID on the insurance card", "and the subscriber ID", "can you read off the ID number on the front of the card"],
    "NAME": ["and who's the patient", "may I have the name of the patient please", "who am I speaking with today", "can I get the patient's full name", "and your name please"],
}
SAME_PRE = {
    "SSN": ["my social is", "social security number is", "the ssn is"], "PHONE": ["my cell is", "you can call me at", "my number is"],
    "DOB": ["my date of birth is", "I was born", "birthday is"], "MRN": ["medical record number is", "the MRN is", "my chart number's"],
    "MBI": ["my medicare number is", "the medicare ID is"], "CARD": ["the card number is", "it's a visa,", "card number"],
    "ZIP": ["zip code is", "the zip is"], "STREET": ["I live at", "the address is", "mail it to"],
    "EMAIL": ["my email is", "email's"], "NPI": ["his NPI is", "the NPI number is"], "MEMBER_ID": ["member ID is", "my subscriber number is"],
    "NAME": ["my name is", "this is", "the patient is"],
}
ACKS = ["okay", "mm-hmm", "got it", "alright", "perfect", "thank you", "okay one sec", "let me pull that up"]
FILL_PRE = ["", "", "uh ", "um ", "yeah it's ", "okay so ", "hold on... ", "sure, ", "yes ", "let me see... "]

NEG = [
    ("dose", ["I take the metformin five hundred milligrams twice a day", "it's lisinopril 10 mg in the morning",
              "she's on two point five of the eliquis", "he takes forty units of lantus at night"]),
    ("blood_pressure", ["my blood pressure was one fifty two over ninety this morning", "the cuff said 138/86",
                        "it was like one thirty over eighty"]),
    ("time", ["can I come in at two thirty", "they open at 8:15", "around quarter to four"]),
    ("duration", ["it's been going on for about three weeks", "for like ten days now", "for the past 48 hours"]),
    ("money", ["the copay is thirty five dollars", "it says I owe $142.50", "a balance of two hundred and twelve dollars"]),
    ("room_number", ["she's in room four twelve", "go to suite 210 on the second floor"]),
    ("count", ["I've got maybe six pills left", "that's the third time this month"]),
    ("age", ["my mom is seventy eight", "he's 64 years old", "my daughter's eleven"]),
    ("appointment_date", ["the appointment is on the fourteenth", "can we do next tuesday the ninth", "I'm scheduled for March 3rd"]),
    ("weight", ["I'm down to one eighty five pounds", "she weighs 62 kilos"]),
    ("lab_value", ["my a1c was seven point two", "the potassium came back at 5.1"]),
    ("confirmation_number", ["your confirmation number is R T 4 4 9 1", "the confirmation is seven seven two oh four"]),
    ("menu_option", ["it told me to press two for the pharmacy", "I pressed one and then it hung up"]),
    ("emergency_number", ["if it gets worse call nine one one", "you'd want to dial 911 for that"]),
    ("vital_sign", ["my temp was one hundred point four", "oxygen was ninety four percent"]),
]

# ---------------------------------------------------------------- carrier
def find_carrier(opt):
    for d in [opt, os.environ.get("CARRIER_DIR"), "/work/shared/carrier-sources",
              os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/carrier-sources")]:
        if d and os.path.isdir(os.path.join(d, "mts-dialog")):
            return d
    return None

NUMWORDS = set(ONES + TEENS + TENS[2:] + ["hundred", "thousand", "oh", "first", "second", "third"] + MONTHS)
def screen(line):
    w = re.findall(r"[A-Za-z']+", line)
    if not (4 <= len(w) <= 22): return False
    if re.search(r"\d", line): return False
    low = [x.lower() for x in w]
    if any(x in NUMWORDS for x in low): return False
    if any(x in ("dr", "doctor's", "mr", "mrs", "ms", "miss", "name", "born", "address", "street", "phone",
                 "number", "call", "email", "insurance", "monday", "tuesday", "wednesday", "thursday",
                 "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "week", "weeks", "year",
                 "years", "month", "months", "day", "days", "old", "age", "will", "may", "mark", "hope",
                 "bill", "grant") for x in low): return False
    for i, x in enumerate(w):
        if x[0].isupper() and i > 0 and x != "I" and not x.startswith("I'"): return False
    return True

def load_carrier(d):
    pairs = []
    if not d: return pairs
    p = os.path.join(d, "mts-dialog", "MTS-Dialog-TrainingSet.csv")
    with open(p, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lines = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
            for a, b in zip(lines, lines[1:]):
                if a.startswith("Doctor:") and b.startswith("Patient:"):
                    qa, qb = a[7:].strip(), b[8:].strip()
                    if screen(qa) and screen(qb):
                        pairs.append((row["ID"], qa, qb))
    return pairs

# ---------------------------------------------------------------- building
class Doc:
    def __init__(self):
        self.parts, self.spans, self.negs, self.n = [], [], [], 0
    def add(self, s):
        self.parts.append(s); self.n += len(s.encode("utf-8"))
    def span(self, s, ent, spoken, cue, form, value):
        st = self.n; self.add(s)
        self.spans.append({"start": st, "end": self.n, "entity": ent, "spoken": spoken, "cue": cue, "form": form,
                           "value": canon(ent, value)})
    def neg(self, s, what):
        st = self.n; self.add(s)
        self.negs.append({"start": st, "end": self.n, "what": what})
    def text(self): return "".join(self.parts)

def canon(ent, v):
    if ent == "DOB": return "%04d-%02d-%02d" % v
    if ent == "STREET": return " ".join(x for x in (v[0], v[1], v[2], v[4], v[5]) if x)
    if ent == "EMAIL": return "%s@%s.%s" % (v[0], v[1][0], v[1][1])
    if ent == "NAME": return v if isinstance(v, str) else "%s %s" % v
    return v

STYLES = [("[agent]", "[caller]", "lower", False), ("Agent:", "Caller:", "cased", False),
          ("Speaker 0:", "Speaker 1:", "cased", True), ("spk_0:", "spk_1:", "lower", True),
          ("AI:", "User:", "cased", False), ("Nurse:", "Patient:", "cased", True),
          ("[rep]", "[member]", "lower", True), ("A:", "B:", "lower", False)]

def casefix(s, style):
    if style == "lower":
        return s
    return s[:1].upper() + s[1:] if s else s

def build_transcript(r, ents, carrier):
    la, lc, case, ts = r.choice(STYLES)
    lines = []  # each: list of ("t", text) / ("s", text, ent, spoken, cue, form, value) / ("n", text, what)
    clock = [r.randint(0, 20)]
    def L(spk, *items):
        if lines and lines[-1][0] == spk and r.random() < 0.8:
            lines[-1][1].extend([("t", " ")] + [("t", it[1][:1].lower() + it[1][1:] if case == "lower" else it[1]) if it[0] == "t" and k == 0 else it for k, it in enumerate(items)])
        else:
            lines.append((spk, list(items)))
    greet = r.choice(["thank you for calling the nurse advice line, how can I help", "pharmacy refill line, this is a recorded call",
                      "patient access center, how can I help you today", "billing office, what can I do for you",
                      "hi, I'm calling from the clinic about your referral", "thanks for holding, scheduling speaking"])
    if r.random() < 0.35:
        an = r.choice(FIRST)
        L(la, ("t", greet + r.choice([", my name is ", ", this is ", ". you're speaking with "])), ("s", an.title() if case != "lower" else an, "NAME", True, "same", "agent_first_name", an))
    else:
        L(la, ("t", greet))
    opener = r.choice(["yeah hi um so I got a voicemail from you guys", "hi, my doctor said to call this number", "uh yes I'm calling on behalf of my husband",
                       "hello? oh hi sorry, yes I'm calling about an authorization", "hi I think my card got declined for my copay",
                       "yeah hi the portal won't let me log in","hi yeah I'm calling about my prescription", "um hi, I got a letter about a bill",
                       "yes hello I need to reschedule", "hi I'm trying to get my results", "hey, calling about my mom's referral"])
    L(lc, ("t", opener))
    # negatives up front sometimes
    negs = r.sample(NEG, r.randint(1, 3))
    carr = r.sample(carrier, r.randint(0, 2)) if carrier else []
    used_carrier = []
    for i, ent in enumerate(ents):
        v = GEN[ent](r)
        txt, spoken, form = render(ent, v, r)
        if case == "lower" and not txt.startswith("("):
            txt_l = txt.lower() if ent not in ("EMAIL",) else txt
            if form.startswith("written"): txt_l = txt
            txt = txt_l
        cue = r.choices(["prev", "same", "none"], [0.6, 0.24, 0.16])[0]
        pre = r.choice(FILL_PRE)
        if cue == "prev":
            L(la, ("t", r.choice(ASK[ent])))
            words = txt.split(" ")
            if r.random() < 0.15 and ent in ("PHONE", "SSN", "NPI", "MRN") and not form.startswith("written") and len(words) >= 4:
                cut = r.randint(2, len(words) - 1)
                a = " ".join(words[:cut]).rstrip(",.-")
                if a.endswith(" uh") or a.endswith(" -"): a = a[:-3]
                a = a.rstrip(",. ")
                L(lc, ("t", pre), ("s", a, ent, spoken, "prev", form + "_abandoned", v),
                  ("t", r.choice(["... sorry, let me start over, ", " no wait. ", " - hang on, I'm reading the wrong line - ", ", actually no, "])),
                  ("s", txt, ent, spoken, "prev", form + "_restart", v))
            elif r.random() < 0.2 and ent in ("PHONE", "SSN", "CARD", "NPI") and not form.startswith("written") and len(words) >= 4:
                # split answer across turns: first part bare after question then agent ack then rest -> one span per part
                parts = re.split(r"(?:, |\.\.\. | uh | - | )(?=\S)", txt, maxsplit=0)
                half = max(1, len(parts) // 2)
                # split at a word boundary in the text
                words = txt.split(" ")
                cut = max(1, len(words) // 2)
                a, b = " ".join(words[:cut]).rstrip(",. "), " ".join(words[cut:]).strip()
                if a.endswith(" uh") or a.endswith(" -"): a = a[:-3]
                if b.startswith("uh ") or b.startswith("- "): b = b[3:] if b.startswith("uh ") else b[2:]
                a, b = a.rstrip(",. -"), b.strip(" -")
                L(lc, ("t", pre), ("s", a, ent, spoken, "prev", form + "_split1", v))
                L(la, ("t", r.choice(["mm-hmm", "okay go ahead", "yep"])))
                L(lc, ("s", b, ent, spoken, "prev", form + "_split2", v))
            else:
                L(lc, ("t", pre), ("s", txt, ent, spoken, "prev", form, v))
        elif cue == "same":
            if r.random() < 0.5:
                L(la, ("t", r.choice(["okay and anything else I should have on file", "alright, go ahead", "what else can I help with"])))
            pre = pre if "it's" not in pre else "yeah "
            L(lc, ("t", pre + r.choice(SAME_PRE[ent]) + " "), ("s", txt, ent, spoken, "same", form, v),
              ("t", r.choice(["", "", " if that helps", "" if txt.endswith(".") else ".", " I think"])))
        else:
            L(lc, ("t", r.choice(["oh and ", "also ", "", "wait, "])), ("s", txt, ent, spoken, "none", form, v),
              ("t", r.choice([", you can write that down", " in case you need it", ""])))
        # read-back
        if r.random() < 0.45 and ent != "EMAIL":
            rb, rsp, rform = render(ent, v, r)
            if ent == "NAME":
                rb, rsp, rform = render_name(v, r, full=False)
                L(la, ("t", r.choice(["thank you, mr. ", "thanks ms. ", "okay "]) if r.random() < 0.5 else "thanks "),
                  ("s", rb, ent, rsp, "prev", "readback_" + rform, v), ("t", r.choice([", one moment", ""])))
            elif ent == "CARD" and r.random() < 0.5:
                L(la, ("t", "okay the card ending in "), ("s", " ".join(ONES[int(c)] for c in v[-4:]), ent, True, "prev", "readback_last4_words", v[-4:]))
            else:
                L(la, ("t", r.choice(["just to confirm, ", "let me read that back, ", "so that's ", "okay I have "])),
                  ("s", rb, ent, rsp, "prev", "readback_" + rform, v), ("t", r.choice(["?", ", correct?", " is that right"])))
                L(lc, ("t", r.choice(["yes", "yep that's it", "correct", "mm-hmm yes"])))
        else:
            L(la, ("t", r.choice(ACKS)))
        if negs:
            what, opts = negs.pop()
            L(lc, ("t", r.choice(["and ", "oh also ", "", "so "])), ("n", r.choice(opts), what))
            L(la, ("t", r.choice(["okay, noted", "understood", "alright I'll add that to the note"])))
        if carr:
            cid, qa, qb = carr.pop()
            used_carrier.append(cid)
            if case == "lower":
                qa = re.sub(r"[.,?!]", "", qa).lower(); qb = re.sub(r"[.,?!]", "", qb).lower()
            L(la, ("t", qa)); L(lc, ("t", qb))
    L(la, ("t", r.choice(["alright you're all set, anything else", "okay I've sent that over, have a good day", "great, we'll call you back"])))
    L(lc, ("t", r.choice(["no that's it thanks", "nope, thank you", "okay bye"])))
    d = Doc()
    for i, (spk, items) in enumerate(lines):
        if i: d.add("\n")
        if ts:
            clock[0] += r.randint(2, 14)
            d.add("[%02d:%02d:%02d] " % (0, clock[0] // 60, clock[0] % 60))
        d.add(spk + " ")
        first = True
        for it in items:
            if it[0] == "t":
                s = it[1]
                if first: s = casefix(s, case)
                if s: d.add(s)
            elif it[0] == "s":
                d.span(it[1], it[2], it[3], it[4], it[5], it[6])
            else:
                d.neg(it[1], it[2])
            first = first and not (it[0] == "t" and it[1])
    return d, used_carrier

def tidy(d):
    """strip trailing spaces in lines (can't move spans) -> we avoid them by construction"""
    return d

# ---------------------------------------------------------------- JSON payloads
class J:
    """Builds compact JSON with span offsets for marked strings."""
    def __init__(self): self.buf, self.n, self.spans, self.negs = [], 0, [], []
    def raw(self, s): self.buf.append(s); self.n += len(s.encode("utf-8"))
    def str_(self, pieces):
        self.raw('"')
        for p in pieces:
            if isinstance(p, str):
                self.raw(json.dumps(p, ensure_ascii=False)[1:-1])
            elif p[0] == "n":
                st = self.n; self.raw(json.dumps(p[1], ensure_ascii=False)[1:-1])
                self.negs.append({"start": st, "end": self.n, "what": p[2]})
            else:
                _, txt, ent, spoken, cue, form, v = p
                st = self.n; self.raw(json.dumps(txt, ensure_ascii=False)[1:-1])
                self.spans.append({"start": st, "end": self.n, "entity": ent, "spoken": spoken, "cue": cue,
                                   "form": form, "value": canon(ent, v)})
        self.raw('"')
    def val(self, x):
        if isinstance(x, dict):
            self.raw("{")
            for i, (k, v) in enumerate(x.items()):
                if i: self.raw(",")
                self.raw(json.dumps(k, ensure_ascii=False)); self.raw(":"); self.val(v)
            self.raw("}")
        elif isinstance(x, list):
            self.raw("[")
            for i, v in enumerate(x):
                if i: self.raw(",")
                self.val(v)
            self.raw("]")
        elif isinstance(x, Pieces):
            self.str_(x.p)
        else:
            self.raw(json.dumps(x, ensure_ascii=False, separators=(",", ":")))

class Pieces:
    def __init__(self, p): self.p = p

def hexid(r, n=32):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))
def uuid(r):
    h = hexid(r); return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:])

def build_turns(r, ents):
    """list of (role, pieces) for a voice agent call; roles 'bot'/'user'."""
    turns = [("bot", ["Hi, thanks for calling. I'm the virtual assistant for the clinic. How can I help you today?"]),
             ("user", [r.choice(["Yeah, I need to refill my prescription.", "Hi, I'm calling to pay a bill.", "I need to update my info."])])]
    summ = []
    for ent in ents:
        v = GEN[ent](r)
        txt, spoken, form = render(ent, v, r)
        q = r.choice(ASK[ent]); q = q[0].upper() + q[1:] + "?"
        turns.append(("bot", [q]))
        turns.append(("user", [r.choice(["", "Uh, ", "Sure. ", "Yeah, it's "]), ("s", txt, ent, spoken, "prev", form, v), "" if txt.endswith(".") else "."]))
        if r.random() < 0.5:
            turns.append(("bot", ["Thanks. I have ", ("s", written(ent, v), ent, written_spoken(ent), "prev", "readback_agent_written", v), " - is that correct?"]))
            turns.append(("user", ["Yes."]))
        summ.append((ent, v))
    what, opts = r.choice(NEG)
    turns.append(("user", ["Also ", ("n", r.choice(opts), what), "."]))
    turns.append(("bot", ["Got it. You're all set. Goodbye!"]))
    return turns, summ

def written(ent, v):
    if ent == "SSN": return "%s-%s-%s" % (v[:3], v[3:5], v[5:])
    if ent == "PHONE": return "(%s) %s-%s" % (v[:3], v[3:6], v[6:])
    if ent == "DOB": return "%s %d, %d" % (MONTHS[v[1] - 1].title(), v[2], v[0])
    if ent == "STREET": return "%s %s %s" % (v[0], v[1].title(), v[3]) + (", %s %s" % ("Apt" if v[4] == "apt" else "Unit", v[5].upper()) if v[4] else "")
    if ent == "EMAIL": return canon(ent, v)
    if ent == "NAME": return "%s %s" % (v[0].title(), v[1].title())
    return v
def written_spoken(ent): return False

def summary_pieces(summ):
    out = ["The caller "]
    lab = {"SSN": "SSN", "PHONE": "callback number", "DOB": "date of birth", "MRN": "MRN", "MBI": "Medicare ID",
           "CARD": "card", "ZIP": "ZIP code", "STREET": "address", "EMAIL": "email", "NPI": "prescriber NPI",
           "MEMBER_ID": "member ID", "NAME": "name"}
    out.append("provided the following: ")
    for i, (ent, v) in enumerate(summ):
        if i: out.append("; ")
        out.append(lab[ent] + " ")
        out.append(("s", written(ent, v), ent, False, "same", "summary_written", v))
    if not written(*summ[-1]).endswith("."):
        out.append(".")
    return out

def flat(pieces):
    return [p if isinstance(p, str) else p for p in pieces]

def build_json(r, ents, profile):
    turns, summ = build_turns(r, ents)
    t0 = 1796000000 + r.randint(0, 2000000)
    def tr_line(role_bot, role_user):
        out = []
        for i, (ro, p) in enumerate(turns):
            if i: out.append("\n")
            out.append((role_bot if ro == "bot" else role_user) + ": ")
            out.extend(p)
        return out
    if profile == "vapi":
        msgs = []
        secs = 0.0
        for ro, p in turns:
            secs += r.uniform(1.5, 6)
            msgs.append({"role": "bot" if ro == "bot" else "user", "message": Pieces(p), "time": t0 * 1000 + int(secs * 1000),
                         "secondsFromStart": round(secs, 2)})
        doc = {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call",
               "call": {"id": uuid(r), "orgId": uuid(r), "type": "inboundPhoneCall", "status": "ended"},
               "artifact": {"transcript": Pieces(tr_line("AI", "User")), "messages": msgs,
                            "recordingUrl": "https://storage.vapi.ai/%s-mono.wav" % uuid(r)},
               "analysis": {"summary": Pieces(summary_pieces(summ)), "successEvaluation": "true"},
               "startedAt": "2026-11-%02dT%02d:%02d:11.482Z" % (r.randint(1, 28), r.randint(13, 22), r.randint(0, 59)),
               "cost": round(r.uniform(0.05, 0.9), 4), "durationSeconds": round(secs, 1)}}
    elif profile == "retell":
        obj = []
        for ro, p in turns:
            obj.append({"role": "agent" if ro == "bot" else "user", "content": Pieces(p)})
        doc = {"event": "call_analyzed", "call": {"call_id": "call_" + hexid(r, 24), "agent_id": "agent_" + hexid(r, 24),
               "call_type": "phone_call", "call_status": "ended", "from_number": "+1%s5550%03d" % (r.choice(AREAS), r.randint(100, 199)),
               "start_timestamp": t0 * 1000, "end_timestamp": t0 * 1000 + r.randint(60000, 400000),
               "transcript": Pieces(tr_line("Agent", "User")), "transcript_object": obj,
               "call_analysis": {"call_summary": Pieces(summary_pieces(summ)), "user_sentiment": "Neutral", "call_successful": True},
               "disconnection_reason": "user_hangup"}}
        # from_number is the caller's phone: not labelled -> avoid by removing
        pv = v_phone(r)
        doc["call"]["from_number"] = Pieces([("s", "+1" + pv, "PHONE", False, "none", "e164_caller_ani", pv)])
        doc["call"]["to_number"] = "+18005550100"
    elif profile == "signalwire":
        conv = []
        for ro, p in turns:
            conv.append({"role": "assistant" if ro == "bot" else "user", "content": Pieces(p)})
        doc = {"call_id": uuid(r), "ai_session_id": uuid(r), "app_name": "clinic_intake", "project_id": uuid(r),
               "content_type": "text/swaig", "version": "2.0", "call_start_date": t0 * 1000000,
               "call_log": conv, "post_prompt_data": {"raw": Pieces(summary_pieces(summ)), "substituted": ""},
               "total_input_tokens": r.randint(800, 5000), "total_output_tokens": r.randint(100, 900)}
    elif profile == "deepgram":
        utt = []
        start = 0.0
        for i, (ro, p) in enumerate(turns):
            d = r.uniform(1.2, 7)
            utt.append({"start": round(start, 3), "end": round(start + d, 3), "confidence": round(r.uniform(0.82, 0.99), 4),
                        "channel": 0, "transcript": Pieces(p), "speaker": 0 if ro == "bot" else 1, "id": uuid(r)})
            start += d + r.uniform(0.1, 1.0)
        allp = []
        for i, (ro, p) in enumerate(turns):
            if i: allp.append(" ")
            allp.extend(p)
        doc = {"metadata": {"transaction_key": "deprecated", "request_id": uuid(r), "sha256": hexid(r, 64),
               "created": "2026-11-%02dT18:%02d:03.112Z" % (r.randint(1, 28), r.randint(0, 59)), "duration": round(start, 3),
               "channels": 1, "models": [uuid(r)], "model_info": {}},
               "results": {"channels": [{"alternatives": [{"transcript": Pieces(allp), "confidence": 0.9731}]}],
                           "utterances": utt}}
    else:  # transcribe
        allp = []
        segs = []
        start = 0.0
        for i, (ro, p) in enumerate(turns):
            if i: allp.append(" ")
            allp.extend(p)
            d = r.uniform(1.2, 7)
            segs.append({"start_time": "%.3f" % start, "end_time": "%.3f" % (start + d), "speaker_label": "spk_%d" % (0 if ro == "bot" else 1),
                         "items": []})
            start += d
        doc = {"jobName": "clinic-call-%s" % hexid(r, 8), "accountId": "%012d" % r.randint(10**11, 10**12 - 1), "status": "COMPLETED",
               "results": {"transcripts": [{"transcript": Pieces(allp)}],
                           "speaker_labels": {"speakers": 2, "segments": segs}, "items": []}}
    j = J(); j.val(doc)
    return "".join(j.buf), j.spans, j.negs

# ---------------------------------------------------------------- driver
def generate(seed, n, carrier_dir=None):
    r = random.Random(seed)
    carrier = load_carrier(find_carrier(carrier_dir))
    counts = collections.Counter()
    recs = []
    profiles = ["vapi", "retell", "signalwire", "deepgram", "transcribe"]
    n_json = n // 4
    for i in range(n):
        is_json = i % 4 == 3 and n_json > 0
        k = r.randint(2, 4) if is_json else r.randint(2, 5)
        pool = sorted(ENTS, key=lambda e: (counts[e] * (1.3 if e == "NAME" else 1), r.random()))
        ents = pool[:k]
        if is_json and "NAME" not in ents and r.random() < 0.4:
            ents[-1] = "NAME"
        r.shuffle(ents)
        if is_json:
            prof = profiles[(i // 4) % 5]
            text, spans, negs = build_json(r, ents, prof)
            rec = {"id": "h15-%04d" % i, "format": "json", "profile": prof, "kind": "vendor_%s" % prof,
                   "text": text, "spans": spans, "negatives": negs}
        else:
            d, cids = build_transcript(r, ents, carrier)
            rec = {"id": "h15-%04d" % i, "format": "transcript", "kind": "phone_call" + ("_mts_carrier" if cids else ""),
                   "text": d.text(), "spans": d.spans, "negatives": d.negs}
            if cids: rec["carrier"] = ["MTS-Dialog TrainingSet ID %s" % c for c in cids]
        for s in rec["spans"]:
            counts[s["entity"]] += 1
        recs.append(rec)
    return recs

# ---------------------------------------------------------------- check
W2D = {w: str(i) for i, w in enumerate(ONES)}; W2D.update({"oh": "0", "o": "0", "for": "4", "to": "2", "too": "2", "ate": "8", "won": "1"})
def spoken_digits(s):
    toks = re.findall(r"[a-z]+|\d+", s.lower())
    out, i = "", 0
    mult = {"double": 2, "triple": 3}
    while i < len(toks):
        t = toks[i]
        if t in mult and i + 1 < len(toks) and toks[i + 1] in W2D:
            out += W2D[toks[i + 1]] * mult[t]; i += 2; continue
        if t.isdigit(): out += t
        elif t in W2D: out += W2D[t]
        i += 1
    return out

def valid_value(ent, v):
    if ent == "SSN": return len(v) == 9 and v.isdigit() and v[:3] not in ("000", "666") and v[0] != "9" and v[3:5] != "00" and v[5:] != "0000" and v not in FORBIDDEN_SSN
    if ent == "PHONE": return len(v) == 10 and v[:3] in AREAS and v[3:8] == "55501"
    if ent == "NPI": return len(v) == 10 and luhn_ok("80840" + v)
    if ent == "CARD": return (len(v) in (15, 16) and luhn_ok(v)) or (len(v) == 4 and v.isdigit())
    if ent == "ZIP": return v in ZIPS
    if ent == "MBI":
        return bool(re.fullmatch(r"[1-9][{A}][{A}0-9][0-9][{A}][{A}0-9][0-9][{A}][{A}][0-9][0-9]".replace("{A}", "".join(MBI_ALPHA)), v))
    if ent == "MRN": return v.isdigit() and 7 <= len(v) <= 9
    if ent == "MEMBER_ID": return bool(re.fullmatch(r"[A-Z]{0,3}\d{7,10}", v))
    if ent == "DOB": return bool(re.fullmatch(r"(19[3-9]\d|200[0-4])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])", v))
    if ent == "NAME":
        p_ = v.split(" ")
        return (len(p_) == 2 and p_[0] in FIRST and p_[1] in LAST) or (len(p_) == 1 and p_[0] in FIRST)
    if ent == "EMAIL": return bool(re.fullmatch(r"[a-z0-9._]+@[a-z]+\.com", v))
    if ent == "STREET": return v.split(" ")[0].isdigit()
    return False

def check(paths):
    bad = 0; recs = []
    def err(rid, m):
        nonlocal bad; bad += 1; print("ERROR %s: %s" % (rid, m), file=sys.stderr)
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            raw = fh.read()
        if not raw.endswith("\n"): err(p, "file must end with newline")
        for ln in raw.split("\n"):
            if not ln: continue
            rec = json.loads(ln); recs.append(rec); rid = rec["id"]
            t = rec["text"]; b = t.encode("utf-8")
            if rec["format"] == "transcript":
                lines = t.split("\n")
                if not 8 <= len(lines) <= 40: err(rid, "%d lines" % len(lines))
                for l in lines:
                    if not re.match(r"^(\[\d\d:\d\d:\d\d\] )?(\[[a-z]+\]|[A-Za-z_0-9 ]+:) \S", l): err(rid, "bad line %r" % l[:40])
                    if l != l.strip(): err(rid, "outer ws in line")
            else:
                if rec.get("profile") not in ("vapi", "retell", "signalwire", "deepgram", "transcribe"): err(rid, "profile")
                obj = json.loads(t)
                if json.dumps(obj, ensure_ascii=False, separators=(",", ":")) != t: err(rid, "not compact json")
                strs = [(m.start(), m.end()) for m in re.finditer(r'"(?:[^"\\]|\\.)*"', t)]
                b2c = {}
                acc = 0
                for ci, ch in enumerate(t):
                    b2c[acc] = ci; acc += len(ch.encode("utf-8"))
                b2c[acc] = len(t)
            allr = []
            for s in rec["spans"]:
                st, en = s["start"], s["end"]
                try: seg = b[st:en].decode("utf-8")
                except UnicodeDecodeError: err(rid, "not char boundary"); continue
                if not seg or seg != seg.strip(): err(rid, "outer ws %r" % seg)
                if st > 0 and b[st - 1:st].isalnum() and seg[0].isalnum(): err(rid, "glued start %r" % seg)
                if en < len(b) and b[en:en + 1].isalnum() and seg[-1].isalnum(): err(rid, "glued end %r" % seg)
                if s["entity"] not in ENTS or s["cue"] not in ("prev", "same", "none") or not isinstance(s["spoken"], bool): err(rid, "labels")
                if not valid_value(s["entity"], s["value"]): err(rid, "invalid value %s %r" % (s["entity"], s["value"]))
                if s["entity"] in ("SSN", "PHONE", "NPI", "CARD", "ZIP", "MRN"):
                    dg = spoken_digits(seg); v = s["value"]
                    dg = dg[1:] if s["entity"] == "PHONE" and len(dg) == 11 and dg[0] == "1" else dg
                    ok = dg == v or (s["form"].endswith(("_split1", "_abandoned")) and v.startswith(dg)) or (s["form"].endswith("_split2") and v.endswith(dg))
                    if not ok: err(rid, "digits %r != %r (%r)" % (dg, v, seg))
                if rec["format"] == "json":
                    cs, ce = b2c[st], b2c[en]
                    if not any(a < cs and ce < z for a, z in strs): err(rid, "span outside string")
                allr.append((st, en, "s"))
            for n_ in rec["negatives"]:
                allr.append((n_["start"], n_["end"], "n"))
                seg = b[n_["start"]:n_["end"]].decode("utf-8")
                if seg != seg.strip() or not seg: err(rid, "neg ws")
            allr.sort()
            for a, c in zip(allr, allr[1:]):
                if c[0] < a[1]: err(rid, "overlap")
    print("checked %d records, %d errors" % (len(recs), bad), file=sys.stderr)
    return recs, bad

def stats(recs):
    c = collections.Counter(); tot = collections.Counter(); nn = collections.Counter(); fm = collections.Counter()
    for r in recs:
        fm[r["format"] + ("/" + r["profile"] if r.get("profile") else "")] += 1
        for s in r["spans"]:
            c[(s["entity"], "spoken" if s["spoken"] else "written", s["cue"])] += 1; tot[s["entity"]] += 1
        for n_ in r["negatives"]: nn[n_["what"]] += 1
    print("records %d  spans %d  negatives %d" % (len(recs), sum(tot.values()), sum(nn.values())))
    print("formats: " + ", ".join("%s=%d" % kv for kv in sorted(fm.items())))
    print("| entity | total | spoken | written | prev | same | none |")
    print("|---|---|---|---|---|---|---|")
    for e in ENTS:
        g = lambda sp=None, cu=None: sum(v for (E, S, C), v in c.items() if E == e and (sp is None or S == sp) and (cu is None or C == cu))
        print("| %s | %d | %d | %d | %d | %d | %d |" % (e, tot[e], g("spoken"), g("written"), g(None, "prev"), g(None, "same"), g(None, "none")))
    print("negatives: " + ", ".join("%s=%d" % kv for kv in sorted(nn.items())))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED); ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--check", nargs="+"); ap.add_argument("--stats", action="store_true")
    ap.add_argument("--carrier-dir")
    a = ap.parse_args()
    if a.check:
        recs, bad = check(a.check); stats(recs); sys.exit(1 if bad else 0)
    recs = generate(a.seed, a.n, a.carrier_dir)
    if a.stats:
        stats(recs); return
    out = sys.stdout
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
