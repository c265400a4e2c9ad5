#!/usr/bin/env python3
"""Deterministic labelled corpus for the accuracy harness (evaluate.py).

Fictitious PHI values injected into log lines (syslog, Apache access, app
key=value), NDJSON records and call-transcript turns, with gold byte offsets,
plus hard negatives: values that look like PHI but must survive redaction.

  gen_corpus.py > corpus.jsonl              # the committed corpus
  gen_corpus.py --check corpus.jsonl        # exit 1 if it is out of date

Each output line is one JSON object:
  {"text": ..., "kind": "log|ndjson|transcript",
   "spans": [{"start", "end", "entity", "form"}],
   "negatives": [{"start", "end", "what"}]}
Offsets are bytes of the UTF-8 text. "form" says how the value was written
(its format and cue), so misses can be grouped by cause.

Every value is fictitious: phones are NANP 555-01xx, cards use published test
BINs, IPs come from documentation and private ranges, e-mail domains are
example.*; SSNs, NPIs, DEA numbers and MBIs are random but validity-correct.
Names of the roster used with --dict are in dict_names.txt (written with
--dict-out).
"""
import argparse
import calendar
import ipaddress
import json
import random
import sys

SEED = 20261122

# Minimum number of gold values per entity; lines are generated until every
# quota is met (some entities overshoot because every access line has an IP).
QUOTAS = {
    "US_SSN": 450, "PHONE_NUMBER": 450, "EMAIL_ADDRESS": 350, "US_MBI": 250,
    "US_NPI": 250, "US_DEA": 200, "CREDIT_CARD": 300, "IP_ADDRESS": 300,
    "DATE_OF_BIRTH": 400, "MRN": 350, "ZIP_CODE": 200, "US_ITIN": 150,
    "STREET_ADDRESS": 350, "PERSON": 450, "URL": 200,
}

FIRST = ["Dana", "Alex", "Jordan", "Casey", "Riley", "Morgan", "Maria", "James", "Linda",
         "Robert", "Aisha", "Wei", "Priya", "Mateo", "Sofia", "Liam", "Olivia", "Noah",
         "Emma", "Ethan", "Grace", "Samuel", "Hannah", "Daniel", "Chloe", "Marcus", "Nadia",
         "Omar", "Leila", "Victor", "Rosa", "Carmen", "Tomas", "Elena", "Kenji", "Yuki",
         "Ahmed", "Fatima", "Diego", "Lucia", "Patrick", "Bridget", "Dmitri", "Irina",
         "Kwame", "Ama", "Tariq", "Mei", "Hector", "Gloria", "Mary-Jane", "Jean-Luc",
         "José", "Zoë", "Renée", "Siobhán", "André", "Inés"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Alvarez", "Nguyen",
        "Patel", "Kowalski", "Johansson", "Mensah", "Schmidt", "Rossi", "Dubois", "Novak",
        "Fischer", "Castillo", "Ramirez", "Oyelaran", "Petrov", "Kaplan", "Whitfield",
        "Brennan", "Gallagher", "Sorensen", "Yamamoto", "Chen", "Abernathy", "Delgado",
        "Fontaine", "Hargrove", "Ibarra", "Jablonski", "Kessler", "Lombardi", "Marchetti",
        "Nakamura", "Ostrowski", "Pellegrino", "Quintero", "Rasmussen", "Santoro",
        "Thibodeaux", "Underwood", "Valdez", "Wojcik", "Zielinski", "O'Neill", "O'Brien",
        "McKay", "MacLeod", "Garcia-Lopez", "Smith-Jones", "Muñoz", "Peña", "Müller"]
# Roster for --dict: surnames disjoint from LAST, so cue-based names and
# dictionary names are measured separately.
ROSTER_FIRST = ["Ingrid", "Bartholomew", "Philippa", "Cornelius", "Henrietta", "Ignatius",
                "Rosalind", "Thaddeus", "Wilhelmina", "Leopold", "Octavia", "Ambrose",
                "Seraphina", "Desmond", "Marguerite", "Florian", "Evangeline", "Casimir"]
ROSTER_LAST = ["Halvorsen", "Quackenbush", "Vandermeer", "Szczepanski", "Oduya", "Throckmorton",
               "Llewellyn", "Barrington", "Featherstone", "Kavanagh", "Pemberton", "Ashcombe",
               "Montgomery-Sligh", "Winterbottom", "Ravensworth", "Delacroix", "Eriksdottir",
               "Baptiste-Arnaud", "Kirkpatrick", "Castellanos"]

STREETS = ["Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Pine",
           "Sunset", "Lincoln", "Jefferson", "Highland", "Meadow", "Willow", "Chestnut", "Walnut",
           "Franklin", "Madison", "Church", "Mill", "River", "Spring", "Ridge", "Old Mill",
           "Cherry Blossom", "Martin Luther King Jr", "Forest Glen", "5th", "42nd", "1st", "3rd",
           "101st", "Main Street"]
# USPS Publication 28, Appendix C1: common suffixes in several spellings.
SUFFIXES = ["St", "Street", "St.", "Ave", "Avenue", "Av", "Ave.", "Blvd", "Boulevard", "Rd",
            "Road", "Dr", "Drive", "Ln", "Lane", "Ct", "Court", "Way", "Pl", "Place", "Ter",
            "Terrace", "Pkwy", "Parkway", "Cir", "Circle", "Hwy", "Highway", "Sq", "Trl", "Trail",
            "Loop", "Pike", "Xing", "Crossing", "Aly", "Plz", "Expy"]
DIRECTIONALS = ["N", "S", "E", "W", "NE", "NW", "SE", "SW", "North", "South", "N.", "W."]
# Appendix C2 unit designators.
UNITS = ["Apt", "Apt.", "Apartment", "Suite", "Ste", "Ste.", "Unit", "#", "Bldg", "Fl", "Floor",
         "Dept", "Lot", "Trlr", "Spc"]
CITIES = [("Springfield", "IL", "Illinois", "627"), ("Portland", "OR", "Oregon", "972"),
          ("Austin", "TX", "Texas", "787"), ("Columbus", "OH", "Ohio", "432"),
          ("Madison", "WI", "Wisconsin", "537"), ("Richmond", "VA", "Virginia", "232"),
          ("Albany", "NY", "New York", "122"), ("Denver", "CO", "Colorado", "802"),
          ("Boise", "ID", "Idaho", "837"), ("Santa Fe", "NM", "New Mexico", "875"),
          ("Salt Lake City", "UT", "Utah", "841"), ("Des Moines", "IA", "Iowa", "503"),
          ("Raleigh", "NC", "North Carolina", "276"), ("St. Paul", "MN", "Minnesota", "551"),
          ("Fort Wayne", "IN", "Indiana", "468"), ("Tucson", "AZ", "Arizona", "857"),
          ("Burlington", "VT", "Vermont", "054"), ("Augusta", "ME", "Maine", "043"),
          ("Lexington", "KY", "Kentucky", "405"), ("Tacoma", "WA", "Washington", "984")]
AREA_CODES = ["415", "212", "312", "617", "206", "303", "512", "404", "305", "702", "919", "503",
              "614", "801", "216", "347", "628", "720", "971", "559", "832", "978", "262", "480"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HOSTS = ["web-01", "web-02", "api-gw-3", "intake-7f9c", "ehr-app-02", "billing-1", "db-proxy",
         "worker-12"]
PROCS = ["intake", "billing", "scheduler", "notifier", "ehr-sync", "eligibility", "claims"]
LOGGERS = ["c.e.intake.PatientService", "c.e.billing.InvoiceJob", "c.e.sched.Booking",
           "o.a.h.c.Client", "c.e.ehr.SyncWorker", "c.e.api.RequestLog"]
PATHS = ["/api/v2/appointments", "/static/js/app.4f3a9c.js", "/healthz", "/login",
         "/api/v1/claims/search", "/metrics", "/favicon.ico", "/api/v1/eligibility",
         "/static/css/site.css", "/api/v2/schedule/slots"]
USERS = ["deploy", "ansible", "svc-intake", "backup", "ops"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def luhn_check_digit(payload):
    """Check digit that makes payload + digit pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    return luhn_check_digit(number[:-1]) == number[-1]


assert luhn_check_digit("80840123456789") == "3"  # NPI 1234567893 (CMS example)


class Line:
    """A record under construction: text plus gold spans and negatives."""

    def __init__(self, kind):
        self.kind = kind
        self.parts = []
        self.pos = 0
        self.spans = []
        self.negatives = []

    def t(self, s):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8"))
        return self

    def phi(self, entity, value, form):
        start = self.pos
        self.t(value)
        self.spans.append({"start": start, "end": self.pos, "entity": entity, "form": form})
        return self

    def neg(self, what, value):
        start = self.pos
        self.t(value)
        self.negatives.append({"start": start, "end": self.pos, "what": what})
        return self

    def record(self):
        return {"text": "".join(self.parts), "kind": self.kind, "spans": self.spans,
                "negatives": self.negatives}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.counts = {e: 0 for e in QUOTAS}
        self.roster = sorted({"%s %s" % (f, l) for f in ROSTER_FIRST for l in ROSTER_LAST})
        self.r.shuffle(self.roster)
        self.roster = self.roster[:150]

    # ---- small helpers -------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def wpick(self, weighted):
        """weighted: list of (weight, item)."""
        total = sum(w for w, _ in weighted)
        x = self.r.uniform(0, total)
        for w, item in weighted:
            x -= w
            if x <= 0:
                return item
        return weighted[-1][1]

    def digits(self, n):
        return "".join(self.pick("0123456789") for _ in range(n))

    def hexs(self, n):
        return "".join(self.pick("0123456789abcdef") for _ in range(n))

    def chance(self, p):
        return self.r.random() < p

    def next_entity(self):
        """The entity furthest below its quota (ties and slack chosen at random)."""
        deficits = [(max(QUOTAS[e] - self.counts[e], 0) + 3, e) for e in sorted(QUOTAS)]
        return self.wpick(deficits)

    def quotas_met(self):
        return all(self.counts[e] >= q for e, q in QUOTAS.items())

    def emit(self, line, entity, value, form):
        self.counts[entity] += 1
        line.phi(entity, value, form)

    # ---- PHI values ------------------------------------------------------
    def ssn_parts(self):
        while True:
            area = self.r.randint(1, 899)
            if area != 666:
                break
        return "%03d" % area, "%02d" % self.r.randint(1, 99), "%04d" % self.r.randint(1, 9999)

    def ssn(self, style="dash"):
        a, g, s = self.ssn_parts()
        return {"dash": "-", "space": " ", "none": ""}[style].join([a, g, s])

    def itin(self):
        group = self.pick(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] +
                          list(range(94, 100)))
        return "9%02d-%02d-%04d" % (self.r.randint(0, 99), group, self.r.randint(0, 9999))

    def phone(self, style=None):
        area, line = self.pick(AREA_CODES), "01%02d" % self.r.randint(0, 99)
        style = style or self.wpick([(4, "paren"), (4, "dash"), (2, "dot"), (2, "e164_space"),
                                     (1, "e164_dash"), (1, "plain10"), (1, "paren_nospace")])
        text = {
            "paren": "(%s) 555-%s" % (area, line),
            "paren_nospace": "(%s)555-%s" % (area, line),
            "dash": "%s-555-%s" % (area, line),
            "dot": "%s.555.%s" % (area, line),
            "e164_space": "+1 %s 555 %s" % (area, line),
            "e164_dash": "+1-%s-555-%s" % (area, line),
            "plain10": "%s555%s" % (area, line),
        }[style]
        if style != "plain10" and self.chance(0.12):
            text += self.pick([" ext. ", " ext ", " x", " x ", " extension "]) + str(
                self.r.randint(2, 9999))
            style += "+ext"
        return text, style

    def email(self):
        f = self.pick(FIRST).lower().replace("é", "e").replace("ë", "e").replace("á", "a")
        f = f.replace("-", "")
        l = self.pick(LAST).lower().replace("'", "").replace("ñ", "n").replace("ü", "u")
        local = self.pick([f + "." + l, f[0] + l, f + l[0] + self.digits(2), f + "_" + l,
                           f + "+portal", l + "." + f + self.digits(1), f.capitalize() +
                           "." + l.capitalize()])
        domain = self.pick(["example.com", "example.org", "example.net", "mail.example.com",
                            "patients.example.org", "EXAMPLE.COM"])
        return local + "@" + domain

    MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"

    def mbi(self, dashed):
        L, D = self.MBI_LETTERS, "0123456789"
        c = [self.pick("123456789"), self.pick(L), self.pick(L + D), self.pick(D), self.pick(L),
             self.pick(L + D), self.pick(D), self.pick(L), self.pick(L), self.pick(D),
             self.pick(D)]
        s = "".join(c)
        return s[:4] + "-" + s[4:7] + "-" + s[7:] if dashed else s

    def npi(self):
        base = self.pick("12") + self.digits(8)
        return base + luhn_check_digit("80840" + base)

    def dea(self):
        first = self.pick("ABCDFGMPRX")
        second = self.pick(LAST)[0].upper()
        d = [self.r.randint(0, 9) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return first + second + "".join(map(str, d)) + str(check)

    CARD_BINS = [("411111", 16), ("401288", 16), ("424242", 16), ("555555", 16), ("510510", 16),
                 ("222300", 16), ("378282", 15), ("371449", 15), ("601111", 16), ("601100", 16),
                 ("305693", 14)]

    def card(self):
        bin_, n = self.pick(self.CARD_BINS)
        body = bin_ + self.digits(n - len(bin_) - 1)
        num = body + luhn_check_digit(body)
        assert luhn_valid(num)
        sep = self.wpick([(4, " "), (3, "-"), (2, "")])
        if n == 16:
            groups = [num[i:i + 4] for i in range(0, 16, 4)]
        elif n == 15:
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[:4], num[4:10], num[10:]]
        style = {" ": "spaces", "-": "dashes", "": "contiguous"}[sep] + "_%d" % n
        return sep.join(groups), style

    def ip(self):
        kind = self.wpick([(3, "v4doc"), (3, "v4private"), (2, "v6")])
        if kind == "v4doc":
            net = self.pick(["192.0.2", "198.51.100", "203.0.113"])
            return "%s.%d" % (net, self.r.randint(1, 254)), "ipv4"
        if kind == "v4private":
            return self.pick([
                "10.%d.%d.%d" % (self.r.randint(0, 255), self.r.randint(0, 255),
                                 self.r.randint(1, 254)),
                "172.%d.%d.%d" % (self.r.randint(16, 31), self.r.randint(0, 255),
                                  self.r.randint(1, 254)),
                "192.168.%d.%d" % (self.r.randint(0, 255), self.r.randint(1, 254))]), "ipv4"
        # Hosts, not prefixes: the last group is never zero, so no address ends in "::".
        groups = [0x2001, 0xdb8] + [self.r.choice([0, self.r.randint(1, 0xffff)])
                                    for _ in range(5)] + [self.r.randint(1, 0xffff)]
        addr = ipaddress.IPv6Address(":".join("%x" % g for g in groups))
        if self.chance(0.2):
            return addr.exploded, "ipv6_full"
        return addr.compressed, "ipv6"

    def date(self, lo=1930, hi=2010):
        y = self.r.randint(lo, hi)
        m = self.r.randint(1, 12)
        if m == 2 and calendar.isleap(y) and self.chance(0.1):
            d = 29
        else:
            d = self.r.randint(1, calendar.monthrange(y, m)[1])
        return y, m, d

    def date_text(self, y, m, d, style):
        return {
            "mdy_slash": "%02d/%02d/%04d" % (m, d, y),
            "mdy_slash_short": "%d/%d/%04d" % (m, d, y),
            "mdy_dash_2y": "%d-%d-%02d" % (m, d, y % 100),
            "iso": "%04d-%02d-%02d" % (y, m, d),
            "dmy_dot": "%02d.%02d.%04d" % (d, m, y),
            "month_name": "%s %d, %d" % (MONTHS[m - 1], d, y),
            "d_mon_y": "%d %s %d" % (d, MON[m - 1], y),
            "mon_dot_ordinal": "%s. %s, %d" % (MON[m - 1], ordinal(d), y),
            "month_ordinal": "%s %s, %d" % (MONTHS[m - 1], ordinal(d), y),
        }[style]

    def dob(self, styles=None):
        style = self.pick(styles or ["mdy_slash", "mdy_slash", "mdy_slash_short", "mdy_dash_2y",
                                     "iso", "iso", "dmy_dot", "month_name", "month_name",
                                     "d_mon_y", "mon_dot_ordinal", "month_ordinal"])
        y, m, d = self.date()
        return self.date_text(y, m, d, style), style

    def mrn(self):
        style = self.wpick([(5, "digits"), (2, "zero_padded"), (2, "letter_prefix")])
        if style == "digits":
            return str(self.r.randint(1, 9)) + self.digits(self.r.randint(5, 11)), style
        if style == "zero_padded":
            return "00" + self.digits(6), style
        prefix = self.pick(["A", "B", "M", "MR", "JH", "K"])
        return prefix + self.digits(self.r.randint(6, 9)), style

    def zip_for(self, city):
        z = city[3] + "%02d" % self.r.randint(1, 99)
        if self.chance(0.25):
            z += "-%04d" % self.r.randint(1, 9999)
        return z

    def street_address(self):
        """A USPS Pub 28 style address as one span, and its form."""
        if self.chance(0.08):
            first = self.wpick([(3, "PO Box %d" % self.r.randint(1, 9999)),
                                (2, "P.O. Box %d" % self.r.randint(1, 999)),
                                (1, "RR %d Box %d" % (self.r.randint(1, 9),
                                                      self.r.randint(1, 400)))])
            form = "po_box"
        else:
            num = str(self.r.randint(1, 99999) if self.chance(0.5) else self.r.randint(1, 9999))
            if self.chance(0.05):
                num += " 1/2"
            elif self.chance(0.05):
                num += self.pick("ABC")
            parts = [num]
            if self.chance(0.35):
                parts.append(self.pick(DIRECTIONALS))
            parts.append(self.pick(STREETS))
            parts.append(self.pick(SUFFIXES))
            first = " ".join(parts)
            form = "street"
            if self.chance(0.35):
                unit = self.pick(UNITS)
                val = self.pick([str(self.r.randint(1, 40)), "%d%s" % (self.r.randint(1, 12),
                                                                      self.pick("ABCDEF")),
                                 str(self.r.randint(100, 2400))])
                first += (" " + unit + (" " if unit != "#" or self.chance(0.5) else "") + val)
                form += "+unit"
        city = self.pick(CITIES)
        tail = self.wpick([(5, "city_st_zip"), (2, "city_state_zip"), (2, "none"),
                           (1, "city_st")])
        if tail == "city_st_zip":
            text = "%s, %s, %s %s" % (first, city[0], city[1], self.zip_for(city))
        elif tail == "city_state_zip":
            text = "%s, %s, %s %s" % (first, city[0], city[2], self.zip_for(city))
        elif tail == "city_st":
            text = "%s, %s, %s" % (first, city[0], city[1])
        else:
            text = first
        return text, form + "+" + tail

    def name(self):
        return self.pick(FIRST), self.pick(LAST)

    def url(self):
        pid = str(self.r.randint(1000, 9999999))
        f, l = self.name()
        f = f.lower().replace("é", "e").replace("ë", "e").replace("á", "a").replace("-", "")
        l = l.lower().replace("'", "").replace("ñ", "n").replace("ü", "u")
        style = self.wpick([(3, "path_id"), (3, "query_email_encoded"), (2, "query_ids"),
                            (1, "query_phone_encoded")])
        host = self.pick(["portal.example.com", "ehr.example.org", "api.example.net",
                          "myhealth.example.com"])
        scheme = self.pick(["https", "https", "http"])
        if style == "path_id":
            path = self.pick(["/patients/%s", "/patients/%s/chart", "/api/v1/members/%s/claims",
                              "/records/%s/labs", "/patient/%s/appointments"]) % pid
            return "%s://%s%s" % (scheme, host, path), style
        if style == "query_email_encoded":
            return "%s://%s/patients/%s?email=%s.%s%%40example.com" % (
                scheme, host, pid, f, l), style
        if style == "query_ids":
            return "%s://%s/lookup?patient_id=%s&mrn=%s" % (
                scheme, host, pid, self.digits(8)), style
        return "%s://%s/callback?patient=%s&phone=%s%%2D555%%2D01%02d" % (
            scheme, host, pid, self.pick(AREA_CODES), self.r.randint(0, 99)), style

    # ---- hard negatives ------------------------------------------------
    def ts_iso(self):
        y, m, d = self.date(2025, 2027)
        base = "%04d-%02d-%02d" % (y, m, d)
        hms = "%02d:%02d:%02d" % (self.r.randint(0, 23), self.r.randint(0, 59),
                                   self.r.randint(0, 59))
        return self.pick([base + "T" + hms + ".%03dZ" % self.r.randint(0, 999),
                          base + "T" + hms + "+00:00",
                          base + " " + hms + ",%03d" % self.r.randint(0, 999),
                          base + "T" + hms + "Z"])

    def ts_syslog(self):
        return "%s %2d %02d:%02d:%02d" % (self.pick(MON), self.r.randint(1, 28),
                                           self.r.randint(0, 23), self.r.randint(0, 59),
                                           self.r.randint(0, 59))

    def ts_apache(self):
        return "%02d/%s/%d:%02d:%02d:%02d %s" % (
            self.r.randint(1, 28), self.pick(MON), self.r.randint(2025, 2027),
            self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59),
            self.pick(["+0000", "-0500", "-0800", "+0100"]))

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        h = h[:12] + "4" + h[13:16] + self.pick("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def version(self):
        return self.pick(["v%d.%d.%d.%d" % (self.r.randint(1, 12), self.r.randint(0, 30),
                                             self.r.randint(0, 9), self.r.randint(0, 300)),
                          "%d.%d.%d.%d" % (self.r.randint(1, 20), self.r.randint(0, 9),
                                           self.r.randint(0, 9), self.r.randint(0, 99)),
                          "v%d.%d.%d" % (self.r.randint(0, 9), self.r.randint(0, 40),
                                         self.r.randint(0, 20))])

    def appointment_date(self):
        y, m, d = self.date(2025, 2027)
        return self.date_text(y, m, d, self.pick(["mdy_slash", "iso", "month_name",
                                                  "mdy_slash_short", "d_mon_y"]))

    def neg_phrase(self, b, style="log"):
        """A phrase carrying one hard negative; style log|kv|say."""
        r, c = self.r, self.wpick
        what = c([(3, "duration"), (2, "time"), (2, "http_status"), (2, "bytes"), (2, "port"),
                  (2, "pid"), (2, "thread_id"), (2, "uuid"), (2, "trace_id"), (3, "version"),
                  (3, "order_number"), (2, "dose"), (2, "vitals"), (2, "price"), (2, "room"),
                  (2, "age"), (3, "appointment_date"), (2, "epoch_ms"), (1, "epoch_s"),
                  (1, "count"), (1, "url_without_ids")])
        if style == "say":
            what = {"http_status": "time", "bytes": "price", "port": "dose", "pid": "age",
                    "thread_id": "vitals", "uuid": "order_number", "trace_id": "room",
                    "epoch_ms": "appointment_date", "epoch_s": "duration",
                    "url_without_ids": "order_number", "count": "price"}.get(what, what)
        if what == "duration":
            v = self.pick(["%dms" % r.randint(1, 99999), "%d.%ds" % (r.randint(0, 90),
                                                                     r.randint(0, 9)),
                           "%d ms" % r.randint(1, 9999)])
            pre = self.pick(["took ", "completed in ", "elapsed ", "duration="]) if style != "kv" \
                else self.pick(["duration=", "elapsed="])
            b.t(pre).neg("duration", v)
        elif what == "time":
            v = self.pick(["%dpm" % r.randint(1, 11), "%dam" % r.randint(6, 11),
                           "%d:%02d" % (r.randint(7, 19), r.choice([0, 15, 30, 45])),
                           "%d:%02d PM" % (r.randint(1, 6), r.choice([0, 15, 30, 45])),
                           "%02d:%02d" % (r.randint(8, 18), r.choice([0, 10, 30, 50]))])
            b.t(self.pick(["at ", "around ", "slot ", "before "]) if style != "kv" else
                "slot=").neg("time", v)
        elif what == "http_status":
            b.t("status=" if style == "kv" else self.pick(["status ", "HTTP ", "returned "]))
            b.neg("http_status", self.pick(["200", "201", "204", "301", "304", "400", "401",
                                            "403", "404", "409", "429", "500", "502", "503"]))
        elif what == "bytes":
            b.t("bytes=" if style == "kv" else self.pick(["sent ", "read ", "size "]))
            b.neg("bytes", str(r.randint(100, 99999999)))
            if style != "kv":
                b.t(" bytes")
        elif what == "port":
            b.t("port=" if style == "kv" else self.pick(["port ", "listening on port ",
                                                         "upstream port "]))
            b.neg("port", str(r.choice([443, 8080, 8443, 5432, 6379, r.randint(1024, 65535)])))
        elif what == "pid":
            b.t("pid=" if style == "kv" else "pid ").neg("pid", str(r.randint(2, 4194304)))
        elif what == "thread_id":
            if style == "kv":
                b.t("tid=").neg("thread_id", str(r.randint(10 ** 14, 10 ** 15 - 1)))
            else:
                b.t(self.pick(["thread ", "tid "])).neg(
                    "thread_id", self.pick(["pool-%d-thread-%d" % (r.randint(1, 9),
                                                                   r.randint(1, 64)),
                                            str(r.randint(10 ** 14, 10 ** 15 - 1))]))
        elif what == "uuid":
            b.t("request_id=" if style == "kv" else "request ").neg("uuid", self.uuid())
        elif what == "trace_id":
            b.t("trace_id=" if style == "kv" else "trace ").neg("trace_id", self.hexs(32))
        elif what == "version":
            v = self.version()
            b.t(self.pick(["version=", "build="]) if style == "kv" else
                self.pick(["version ", "build ", "agent v", "firmware "]))
            if b.parts[-1].endswith(" v") and v.startswith("v"):  # "agent v1.2.3", not "vv"
                v = v[1:]
            b.neg("version", v)
        elif what == "order_number":
            v = self.pick([str(r.randint(10 ** 8, 10 ** 9 - 1)),
                           str(r.randint(10 ** 9, 10 ** 10 - 1)),
                           "INV-%d-%06d" % (r.randint(2024, 2027), r.randint(1, 999999)),
                           str(r.randint(10 ** 5, 10 ** 7))])
            if style == "kv":
                b.t(self.pick(["order_id=", "invoice=", "confirmation="]))
            elif style == "say":
                b.t(self.pick(["my order number is ", "order ", "the invoice number is ",
                               "confirmation number "]))
            else:
                b.t(self.pick(["order ", "order #", "invoice ", "invoice #", "confirmation "]))
            b.neg("order_number", v)
        elif what == "dose":
            v = self.pick(["%d mg" % r.choice([5, 10, 20, 25, 40, 50, 81, 100, 250, 500]),
                           "%dmg" % r.choice([10, 200, 325, 500, 750, 1000]),
                           "%.1f mL" % (r.randint(1, 50) / 10),
                           "%d mcg" % r.choice([25, 50, 88, 100]),
                           "%d units" % r.randint(2, 60)])
            b.t(self.pick(["dose ", "take ", "prescribed ", "I take "]) if style != "kv" else
                "dose=").neg("dose", v)
        elif what == "vitals":
            bp = "%d/%d" % (r.randint(95, 170), r.randint(55, 105))
            v = self.pick([("BP ", bp), ("blood pressure ", bp),
                           ("HR ", "%d bpm" % r.randint(48, 130)),
                           ("SpO2 ", "%d%%" % r.randint(88, 100)),
                           ("temp ", "%.1fF" % (r.randint(970, 1030) / 10))])
            if style == "kv":
                b.t("bp=").neg("vitals", bp)
            else:
                b.t(v[0]).neg("vitals", v[1])
        elif what == "price":
            v = self.pick(["$%d.%02d" % (r.randint(1, 999), r.randint(0, 99)),
                           "$%d,%03d.%02d" % (r.randint(1, 99), r.randint(0, 999),
                                              r.randint(0, 99)),
                           "USD %d.%02d" % (r.randint(1, 5000), r.randint(0, 99))])
            if style == "kv":
                b.t("amount=").neg("price", v.replace("$", "").replace(",", "").replace("USD ", ""))
            else:
                b.t(self.pick(["copay ", "charged ", "balance ", "it cost "])).neg("price", v)
        elif what == "room":
            b.t("room=" if style == "kv" else self.pick(["room ", "Room ", "exam room ", "bed "]))
            b.neg("room", self.pick([str(r.randint(100, 999)), "%d%s" % (r.randint(1, 40),
                                                                          self.pick("ABC"))]))
        elif what == "age":
            age = str(r.randint(1, 89))
            if style == "kv":
                b.t("age=").neg("age", age)
            else:
                self.pick([lambda: b.t("age ").neg("age", age),
                           lambda: b.t("aged ").neg("age", age),
                           lambda: b.neg("age", age).t("-year-old"),
                           lambda: b.t("I'm ").neg("age", age).t(" years old")])()
        elif what == "appointment_date":
            v = self.appointment_date()
            if style == "kv":
                y, m, d = self.date(2025, 2027)
                b.t("appt=").neg("appointment_date", self.date_text(y, m, d, "iso"))
            else:
                b.t(self.pick(["appointment on ", "scheduled for ", "follow-up ", "visit on ",
                               "next appointment "])).neg("appointment_date", v)
        elif what == "epoch_ms":
            b.t("ts=" if style == "kv" else "at epoch ").neg(
                "epoch_ms", str(r.randint(1735689600000, 1830297600000)))
        elif what == "epoch_s":
            b.t("ts=" if style == "kv" else "expires ").neg(
                "epoch_s", str(r.randint(1735689600, 1830297600)))
        elif what == "count":
            b.t(self.pick(["retries=", "rows=", "queue_depth=", "batch="])).neg(
                "count", str(r.randint(0, 999999)))
        elif what == "url_without_ids":
            b.t("url=" if style == "kv" else "fetched ").neg("url_without_ids", self.pick(
                ["https://www.example.com/", "https://cdn.example.com/static/app.js",
                 "https://status.example.org/healthz", "http://docs.example.net/api/v2/",
                 "https://www.example.com/help/faq"]))

    # ---- PHI phrases -----------------------------------------------------
    def phi_phrase(self, b, entity, style):
        """Write a cue (or none) and one gold value of `entity`; style log|kv|say."""
        r, pick, wpick = self.r, self.pick, self.wpick

        def kv(keys, value, form, quote=False):
            b.t(pick(keys) + "=")
            if quote or " " in value:
                b.t('"')
                self.emit(b, entity, value, "kv_" + form)
                b.t('"')
            else:
                self.emit(b, entity, value, "kv_" + form)

        def cue(cues, value, form):
            b.t(pick(cues))
            self.emit(b, entity, value, form)

        if entity == "US_SSN":
            if style == "kv":
                return kv(["ssn", "patient_ssn", "member_ssn"], self.ssn(), "dash")
            if style == "say":
                f = wpick([(6, "say_dash"), (1, "say_last4"), (1, "say_spaced")])
                if f == "say_last4":
                    b.t(pick(["the last four of my social is ", "last 4 of my SSN are ",
                              "last four of my social security number: "]))
                    return self.emit(b, entity, self.ssn()[-4:], "last4")
                v = self.ssn("space") if f == "say_spaced" else self.ssn()
                return cue(["my social is ", "my social security number is ", "SSN is ",
                            "my social's "], v, f)
            f = wpick([(6, "ctx_dash"), (2, "noctx_dash"), (1, "ctx_9digits"), (1, "ctx_spaced")])
            if f == "noctx_dash":
                return cue(["updated ", "value ", "matched ", "verified "], self.ssn(), f)
            v = self.ssn({"ctx_dash": "dash", "ctx_9digits": "none", "ctx_spaced": "space"}[f])
            return cue(["SSN ", "SSN: ", "ssn ", "SS# ", "SS#", "social security number ",
                        "SSN#"], v, f)
        if entity == "US_ITIN":
            if style == "kv":
                return kv(["itin", "taxpayer_itin"], self.itin(), "itin")
            if style == "say":
                return cue(["my ITIN is ", "the ITIN is ", "ITIN number "], self.itin(), "say")
            return cue(["ITIN ", "ITIN: ", "itin ", "individual taxpayer identification number ",
                        "taxpayer ITIN "], self.itin(), "ctx")
        if entity == "PHONE_NUMBER":
            v, f = self.phone()
            if style == "kv":
                return kv(["phone", "callback", "mobile", "tel"], v, f)
            if style == "say":
                return cue(["my number is ", "you can reach me at ", "call me back at ",
                            "my cell is ", "it's "], v, "say_" + f)
            if self.chance(0.2):
                return cue(["SMS sent to ", "dialed ", "forwarded to "], v, "noctx_" + f)
            return cue(["phone ", "phone: ", "callback ", "tel: ", "contact number ",
                        "mobile "], v, "ctx_" + f)
        if entity == "EMAIL_ADDRESS":
            v = self.email()
            if style == "kv":
                return kv(["email", "user_email", "to"], v, "email")
            if style == "say":
                return cue(["my email is ", "email me at ", "it's "], v, "say")
            if self.chance(0.2):
                b.t("to=<")
                self.emit(b, entity, v, "angle")
                b.t(">")
                return
            return cue(["email ", "sent to ", "notify ", "reply-to: "], v, "log")
        if entity == "US_MBI":
            dashed = self.chance(0.4)
            v, f = self.mbi(dashed), "dashed" if dashed else "plain"
            if style == "kv":
                return kv(["mbi", "medicare_id"], v, f)
            if style == "say":
                return cue(["my Medicare number is ", "my MBI is ", "Medicare ID "], v, "say_" + f)
            if self.chance(0.12):
                return cue(["member ", "beneficiary "], v, "noctx_" + f)
            return cue(["MBI ", "MBI: ", "Medicare ID ", "medicare beneficiary identifier "], v,
                       "ctx_" + f)
        if entity == "US_NPI":
            v = self.npi()
            if style == "kv":
                return kv(["npi", "provider_npi", "rendering_npi"], v, "npi")
            if style == "say":
                return cue(["the doctor's NPI is ", "NPI number ", "her NPI is "], v, "say")
            return cue(["NPI ", "NPI: ", "provider NPI ", "NPI#", "npi "], v, "ctx")
        if entity == "US_DEA":
            v = self.dea()
            if style == "kv":
                return kv(["dea", "dea_number", "prescriber_dea"], v, "dea")
            if style == "say":
                return cue(["his DEA number is ", "DEA number ", "the DEA is "], v, "say")
            return cue(["DEA ", "DEA: ", "DEA# ", "DEA number ", "prescriber DEA "], v, "ctx")
        if entity == "CREDIT_CARD":
            v, f = self.card()
            if style == "kv":
                return kv(["card_number", "pan", "cc"], v, f)
            if style == "say":
                return cue(["the card number is ", "my Visa is ", "card number ", "it's "], v,
                           "say_" + f)
            if self.chance(0.2):
                return cue(["charged ", "declined ", "token for "], v, "noctx_" + f)
            return cue(["card ", "payment card ", "cc ", "card number: "], v, "ctx_" + f)
        if entity == "IP_ADDRESS":
            v, f = self.ip()
            if style == "kv":
                return kv(["client_ip", "src", "remote_addr", "x_forwarded_for"], v, f)
            if style == "say":
                return cue(["my IP address is ", "the IP is "], v, "say_" + f)
            if f == "ipv4" and self.chance(0.3):
                b.t(pick(["peer ", "connect to ", "client "]))
                self.emit(b, entity, v, "with_port")
                b.t(":").neg("port", str(r.randint(1024, 65535)))
                return
            return cue(["from ", "client ", "remote ", "src "], v, f)
        if entity == "DATE_OF_BIRTH":
            if style == "kv":
                v, f = self.dob(["iso", "mdy_slash", "mdy_slash_short", "dmy_dot"])
                return kv(["dob", "birth_date", "date_of_birth", "birthdate"], v, f)
            v, f = self.dob()
            if style == "say":
                return cue(["my date of birth is ", "I was born on ", "my birthday is ",
                            "DOB is ", "born "], v, "say_" + f)
            if self.chance(0.12):
                self.emit(b, entity, v, "cue_after_" + f)
                b.t(pick([" (DOB)", " is the DOB", " date of birth"]))
                return
            return cue(["DOB ", "DOB: ", "dob ", "D.O.B. ", "date of birth ", "date of birth: ",
                        "born ", "birthdate ", "Date of Birth: ", "b. "], v, "ctx_" + f)
        if entity == "MRN":
            v, f = self.mrn()
            if style == "kv":
                return kv(["mrn", "patient_id", "medical_record_number", "chart_no"], v, f)
            if style == "say":
                return cue(["my medical record number is ", "my MRN is ", "my chart number is ",
                            "my patient ID is "], v, "say_" + f)
            return cue(["MRN ", "MRN: ", "MRN#", "MR# ", "medical record number ",
                        "Medical Record #", "chart number ", "patient ID ", "account number "],
                       v, "ctx_" + f)
        if entity == "ZIP_CODE":
            city = pick(CITIES)
            v = self.zip_for(city)
            f = "zip4" if "-" in v else "zip5"
            if style == "kv":
                return kv(["zip", "postal_code", "zip_code"], v, f)
            if style == "say":
                if self.chance(0.4):
                    b.t("I'm in %s, %s " % (city[0], city[2]))
                    return self.emit(b, entity, v, "say_city_state_" + f)
                return cue(["my zip is ", "zip code ", "the zip code is "], v, "say_" + f)
            if self.chance(0.5):
                b.t("%s, %s " % (city[0], pick([city[1], city[2]])))
                return self.emit(b, entity, v, "city_state_" + f)
            return cue(["zip ", "ZIP: ", "zip code ", "postal code "], v, "ctx_" + f)
        if entity == "STREET_ADDRESS":
            v, f = self.street_address()
            if style == "kv":
                return kv(["addr", "address", "ship_to"], v, f, quote=True)
            if style == "say":
                return cue(["I live at ", "my address is ", "send it to ", "we moved to "], v,
                           "say_" + f)
            return cue(["address: ", "lives at ", "ship to ", "mailing address ", "moved to ",
                        "addr "], v, f)
        if entity == "PERSON":
            first, last = self.name()
            if style == "kv":
                return kv(["patient_name", "name", "caller"], first + " " + last, "name",
                          quote=True)
            if self.chance(0.25):
                v = pick(self.roster)
                if style == "say":
                    return cue(["I'm calling about ", "it's for ", "the account holder is "], v,
                               "dict")
                return cue(["consent signed by ", "chart reviewed for ", "record owner ",
                            "forwarded to "], v, "dict")
            if style == "say":
                f = wpick([(4, "my_name_is"), (2, "this_is"), (2, "dr"), (1, "mr_mrs_ms")])
                if f == "my_name_is":
                    return cue(["my name is ", "My name is ", "my name's "], first + " " + last,
                               "cue_" + f)
                if f == "this_is":
                    b.t(pick(["this is ", "Hi, this is "]))
                    self.emit(b, entity, first + " " + last, "cue_" + f)
                    b.t(" calling")
                    return
                if f == "dr":
                    return cue(["I saw Dr. ", "with Dr. ", "Dr. "], last, "cue_dr")
                return cue(["Mr. ", "Mrs. ", "Ms. "], last, "cue_mr_mrs_ms")
            f = wpick([(3, "patient_last_first"), (2, "patient_first_last"), (3, "dr"),
                       (2, "mr_mrs_ms")])
            if f == "patient_last_first":
                return cue(["patient: ", "Patient: ", "pt: "], last + ", " + first, "cue_" + f)
            if f == "patient_first_last":
                return cue(["patient: ", "Patient: ", "patient name: "], first + " " + last,
                           "cue_" + f)
            if f == "dr":
                if self.chance(0.5):
                    return cue(["Dr. ", "seen by Dr. ", "referred to Dr. "], last, "cue_dr")
                return cue(["Dr. ", "attending Dr. "], first + " " + last, "cue_dr_full")
            return cue(["Mr. ", "Mrs. ", "Ms. "], pick([last, first + " " + last]),
                       "cue_mr_mrs_ms")
        if entity == "URL":
            v, f = self.url()
            if style == "kv":
                return kv(["url", "referer", "redirect_uri"], v, f)
            if style == "say":
                return cue(["the link was ", "I clicked "], v, "say_" + f)
            return cue(["GET ", "redirect to ", "referer ", "link "], v, f)
        raise ValueError(entity)

    # ---- line kinds -------------------------------------------------------
    def mixed_message(self, b, n_phi, style, sep_choices=(", ", "; ", " ")):
        items = ["phi"] * n_phi + ["neg"] * self.r.randint(1 if n_phi == 0 else 0, 2)
        self.r.shuffle(items)
        for i, it in enumerate(items):
            if i:
                b.t(self.pick(sep_choices))
            if it == "phi":
                self.phi_phrase(b, self.next_entity(), style)
            else:
                self.neg_phrase(b, style)

    def syslog_line(self, n_phi):
        b = Line("log")
        b.neg("ts_syslog", self.ts_syslog()).t(" %s " % self.pick(HOSTS))
        if n_phi and self.chance(0.15):
            b.t("sshd[").neg("pid", str(self.r.randint(300, 99999))).t("]: ")
            b.t("Accepted publickey for %s from " % self.pick(USERS))
            v, f = self.ip()
            self.emit(b, "IP_ADDRESS", v, "sshd_" + f)
            b.t(" port ").neg("port", str(self.r.randint(1024, 65535))).t(" ssh2")
            return b
        b.t(self.pick(PROCS) + "[").neg("pid", str(self.r.randint(300, 99999))).t("]: ")
        b.t(self.pick(["patient record updated: ", "lookup ok ", "eligibility check ",
                       "sync complete ", "request ", "audit: ", "", "WARN retrying "]))
        self.mixed_message(b, n_phi, "log")
        return b

    def apache_line(self, n_phi):
        b = Line("log")
        v, f = self.ip()
        self.emit(b, "IP_ADDRESS", v, "apache_" + f)
        b.t(" - - [").neg("ts_apache", self.ts_apache()).t('] "')
        b.t("%s %s HTTP/1.1\" " % (self.pick(["GET", "POST", "PUT", "GET"]), self.pick(PATHS)))
        b.neg("http_status", self.pick(["200", "200", "304", "404", "500", "201", "302"]))
        b.t(" ").neg("bytes", str(self.r.randint(0, 999999))).t(' "')
        if n_phi > 1 or (n_phi and self.chance(0.5)):
            u, uf = self.url()
            self.emit(b, "URL", u, "referer_" + uf)
        elif self.chance(0.5):
            b.neg("url_without_ids", self.pick(["https://www.example.com/",
                                                "https://portal.example.com/login"]))
        else:
            b.t("-")
        b.t('" "')
        ua = self.pick(["chrome", "chrome", "curl", "okhttp", "requests", "safari"])
        if ua == "chrome":
            b.t("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                " Chrome/").neg("version", "%d.0.0.0" % self.r.randint(100, 131)).t(
                " Safari/537.36")
        elif ua == "safari":
            b.t("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
                "like Gecko) Version/17.1 Safari/605.1.15")
        else:
            b.t({"curl": "curl/", "okhttp": "okhttp/", "requests": "python-requests/"}[ua])
            b.neg("version", "%d.%d.%d" % (self.r.randint(2, 8), self.r.randint(0, 31),
                                           self.r.randint(0, 9)))
        b.t('"')
        return b

    def kv_line(self, n_phi):
        b = Line("log")
        b.neg("ts_iso", self.ts_iso()).t(" %s [" % self.pick(["INFO", "DEBUG", "WARN", "ERROR"]))
        if self.chance(0.5):
            b.neg("thread_id", "pool-%d-thread-%d" % (self.r.randint(1, 9), self.r.randint(1, 64)))
        else:
            b.t(self.pick(["main", "http-nio-8080-exec-", "worker-"]))
            if b.parts[-1].endswith("-"):
                b.neg("thread_id", str(self.r.randint(1, 200)))
        b.t("] %s - %s" % (self.pick(LOGGERS), self.pick(["updated record", "request done",
                                                            "eligibility response", "sent",
                                                            "audit", "validation failed"])))
        items = ["phi"] * n_phi + ["neg"] * self.r.randint(1, 3)
        self.r.shuffle(items)
        for it in items:
            b.t(" ")
            if it == "phi":
                self.phi_phrase(b, self.next_entity(), "kv")
            else:
                self.neg_phrase(b, "kv")
        if self.chance(0.6):
            b.t(" trace_id=").neg("trace_id", self.hexs(32))
        if self.chance(0.5):
            b.t(" latency_ms=").neg("duration", str(self.r.randint(1, 9999)))
        return b

    def ndjson_line(self, n_phi):
        b = Line("ndjson")
        b.t('{"ts":"').neg("ts_iso", self.ts_iso()).t('","level":"%s","svc":"%s"' % (
            self.pick(["info", "debug", "warn", "error"]), self.pick(PROCS)))
        if self.chance(0.7):
            b.t(',"trace_id":"').neg("trace_id", self.hexs(32)).t('"')
        if self.chance(0.3):
            b.t(',"span_id":"').neg("trace_id", self.hexs(16)).t('"')
        if self.chance(0.3):
            b.t(',"request_id":"').neg("uuid", self.uuid()).t('"')
        json_keys = {
            "US_SSN": ["ssn", "social_security_number"], "US_ITIN": ["itin"],
            "PHONE_NUMBER": ["phone", "mobile", "callback_number"], "EMAIL_ADDRESS": ["email"],
            "US_MBI": ["mbi", "medicare_id"], "US_NPI": ["npi", "rendering_npi"],
            "US_DEA": ["dea_number", "dea"], "CREDIT_CARD": ["card_number", "pan"],
            "IP_ADDRESS": ["client_ip", "remote_addr"], "DATE_OF_BIRTH": ["dob", "birthDate",
                                                                          "date_of_birth"],
            "MRN": ["mrn", "patient_id", "medicalRecordNumber"], "ZIP_CODE": ["zip", "postalCode"],
            "STREET_ADDRESS": ["address", "street", "home_address"],
            "PERSON": ["name", "patient_name", "fullName"], "URL": ["url", "callback_url"],
        }
        fields = []
        for _ in range(n_phi):
            fields.append(("phi", self.next_entity()))
        for _ in range(self.r.randint(0, 3)):
            fields.append(("neg", None))
        if self.chance(0.4):
            fields.append(("msg", None))
        self.r.shuffle(fields)
        nested = self.chance(0.35) and n_phi > 0
        if nested:
            b.t(',"patient":{')
        first = True
        used = set()

        def key(k):
            if k in used:  # a second value of the same kind belongs to someone else
                k = self.pick(["guarantor_", "emergency_contact_", "alt_"]) + k
            used.add(k)
            return k

        for kind, ent in fields:
            if kind == "phi":
                b.t(("" if (nested and first) else ",") + '"%s":"' % key(self.pick(json_keys[ent])))
                first = False
                self.json_value(b, ent)
                b.t('"')
        if nested:
            b.t("}")
        for kind, _ in fields:
            if kind == "neg":
                name, what, val, quoted = self.pick([
                    ("duration_ms", "duration", str(self.r.randint(1, 99999)), False),
                    ("status", "http_status", self.pick(["200", "404", "500", "201"]), False),
                    ("bytes", "bytes", str(self.r.randint(0, 9999999)), False),
                    ("pid", "pid", str(self.r.randint(2, 4194304)), False),
                    ("version", "version", self.version(), True),
                    ("order_id", "order_number", str(self.r.randint(10 ** 8, 10 ** 10)), True),
                    ("room", "room", str(self.r.randint(100, 999)), True),
                    ("age", "age", str(self.r.randint(1, 89)), False),
                    ("appointment_date", "appointment_date", self.appointment_date(), True),
                    ("port", "port", str(self.r.randint(1024, 65535)), False),
                    ("ts_ms", "epoch_ms", str(self.r.randint(1735689600000, 1830297600000)),
                     False),
                    ("dose", "dose", "%d mg" % self.r.choice([5, 10, 20, 50, 500]), True),
                ])
                if name in used:
                    continue
                used.add(name)
                b.t(',"%s":' % name + ('"' if quoted else ""))
                b.neg(what, val)
                if quoted:
                    b.t('"')
            elif kind == "msg":
                b.t(',"%s":"' % key("msg"))
                b.t(self.pick(["refill requested ", "callback scheduled ", "note: ", ""]))
                self.mixed_message(b, self.r.randint(0, 1), "log")
                b.t('"')
        b.t("}")
        return b

    def json_value(self, b, entity):
        """A bare value (no cue: the JSON key is the context)."""
        if entity == "US_SSN":
            return self.emit(b, entity, self.ssn(), "json")
        if entity == "US_ITIN":
            return self.emit(b, entity, self.itin(), "json")
        if entity == "PHONE_NUMBER":
            v, f = self.phone()
            return self.emit(b, entity, v, "json_" + f)
        if entity == "EMAIL_ADDRESS":
            return self.emit(b, entity, self.email(), "json")
        if entity == "US_MBI":
            d = self.chance(0.4)
            return self.emit(b, entity, self.mbi(d), "json_" + ("dashed" if d else "plain"))
        if entity == "US_NPI":
            return self.emit(b, entity, self.npi(), "json")
        if entity == "US_DEA":
            return self.emit(b, entity, self.dea(), "json")
        if entity == "CREDIT_CARD":
            v, f = self.card()
            return self.emit(b, entity, v, "json_" + f)
        if entity == "IP_ADDRESS":
            v, f = self.ip()
            return self.emit(b, entity, v, "json_" + f)
        if entity == "DATE_OF_BIRTH":
            v, f = self.dob(["iso", "iso", "mdy_slash", "month_name"])
            return self.emit(b, entity, v, "json_" + f)
        if entity == "MRN":
            v, f = self.mrn()
            return self.emit(b, entity, v, "json_" + f)
        if entity == "ZIP_CODE":
            v = self.zip_for(self.pick(CITIES))
            return self.emit(b, entity, v, "json")
        if entity == "STREET_ADDRESS":
            v, f = self.street_address()
            return self.emit(b, entity, v, "json_" + f)
        if entity == "PERSON":
            if self.chance(0.3):
                return self.emit(b, entity, self.pick(self.roster), "json_dict")
            f, l = self.name()
            return self.emit(b, entity, f + " " + l, "json_name")
        if entity == "URL":
            v, f = self.url()
            return self.emit(b, entity, v, "json_" + f)
        raise ValueError(entity)

    def transcript_line(self, n_phi):
        b = Line("transcript")
        if n_phi == 0 or self.chance(0.15):
            b.t("Agent: ")
            if n_phi == 0:
                b.t(self.pick(["Thanks for calling, ", "Okay, ", "I see ", "Let me check, ",
                               "Alright, "]))
                self.mixed_message(b, 0, "say", (", and ", ", ", "; "))
                b.t(self.pick([".", "?", ", is that right?", ""]))
                return b
            b.t(self.pick(["Thank you, I have ", "Just to confirm, ", "Okay, so "]))
            self.mixed_message(b, n_phi, "say", (", and ", ", "))
            b.t(self.pick([".", "?", ", correct?"]))
            return b
        b.t("Caller: ")
        b.t(self.pick(["Sure, ", "Yes, ", "Okay so ", "Um, ", "", "Yeah, ", "So ",
                       "Right, "]))
        self.mixed_message(b, n_phi, "say", (", and ", ". Also ", ", um, ", " and "))
        b.t(self.pick([".", "", "?", " if that helps."]))
        return b

    def line(self):
        kind = self.wpick([(22, "syslog"), (8, "apache"), (20, "kv"), (25, "ndjson"),
                           (25, "transcript")])
        n_phi = self.wpick([(3, 0), (8, 1), (5, 2), (2, 3)])
        if kind == "apache":
            n_phi = min(n_phi, 1)
        return {"syslog": self.syslog_line, "apache": self.apache_line, "kv": self.kv_line,
                "ndjson": self.ndjson_line, "transcript": self.transcript_line}[kind](n_phi)


def check_record(rec):
    raw = rec["text"].encode("utf-8")
    assert "\n" not in rec["text"] and "\r" not in rec["text"], rec
    prev = 0
    for s in sorted(rec["spans"], key=lambda s: s["start"]):
        assert s["start"] >= prev and s["end"] > s["start"], rec
        prev = s["end"]
    for n in rec["negatives"]:
        assert n["end"] > n["start"] and n["end"] <= len(raw), rec
        for s in rec["spans"]:
            assert n["end"] <= s["start"] or n["start"] >= s["end"], rec
    if rec["kind"] == "ndjson":
        json.loads(rec["text"])


def generate():
    g = Gen(SEED)
    records = []
    while not g.quotas_met():
        rec = g.line().record()
        check_record(rec)
        records.append(rec)
    out = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                  for r in records)
    return out, g


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", metavar="CORPUS", help="exit 1 unless CORPUS is up to date")
    ap.add_argument("--dict-out", metavar="FILE", help="also write the --dict roster to FILE")
    ap.add_argument("--stats", action="store_true", help="print counts on stderr")
    args = ap.parse_args()
    out, g = generate()
    if args.stats:
        lines = out.count("\n")
        print("records %d, bytes %d, PHI values %d" % (lines, len(out.encode()),
                                                        sum(g.counts.values())), file=sys.stderr)
        for e in sorted(g.counts):
            print("  %-15s %5d" % (e, g.counts[e]), file=sys.stderr)
    if args.dict_out:
        with open(args.dict_out, "w", encoding="utf-8") as f:
            f.write("".join(n + "\n" for n in sorted(g.roster)))
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            if f.read() != out:
                print("%s is out of date: run gen_corpus.py > %s" % (args.check, args.check),
                      file=sys.stderr)
                return 1
        return 0
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
