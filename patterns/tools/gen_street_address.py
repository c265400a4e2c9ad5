#!/usr/bin/env python3
# Generates patterns/street_address.yaml from the USPS Publication 28 suffix
# (C1), unit (C2) and state lists:  python3 patterns/tools/gen_street_address.py > patterns/street_address.yaml
sfx = """Alley Aly Allee Ally Annex Anx Arcade Arc Avenue Ave Av Aven Avenu Avn Avnue Bayou Byu Beach Bch Bend Bnd
Bluff Blf Bluffs Blfs Bottom Btm Boulevard Blvd Boul Boulv Branch Br Brnch Bridge Brg Brook Brk Burg Bg Bypass Byp
Camp Cp Canyon Cyn Cape Cpe Causeway Cswy Center Ctr Centre Cntr Circle Cir Circ Cliff Clf Cliffs Clfs Club Clb Common Cmn
Corner Cor Corners Cors Course Crse Court Ct Courts Cts Cove Cv Creek Crk Crescent Cres Crest Crst Crossing Xing Curve Curv
Dale Dl Dam Dm Divide Dv Drive Dr Drv Drives Drs Estate Est Estates Ests Expressway Expy Expwy Extension Ext Falls Fls
Ferry Fry Field Fld Fields Flds Flat Flt Ford Frd Forest Frst Forge Frg Fork Frk Fort Ft Freeway Fwy Garden Gdn Gardens Gdns
Gateway Gtwy Glen Gln Green Grn Grove Grv Harbor Hbr Haven Hvn Heights Hts Highway Hwy Hill Hl Hills Hls Hollow Holw
Inlet Inlt Island Is Isle Junction Jct Key Ky Knoll Knl Lake Lk Lakes Lks Landing Lndg Lane Ln Light Lgt Loop Mall Manor Mnr
Meadow Mdw Meadows Mdws Mill Ml Mission Msn Motorway Mtwy Mount Mt Mountain Mtn Neck Nck Orchard Orch Oval Overpass Opas
Park Parkway Pkwy Pky Pass Path Pike Pine Pne Pines Pnes Place Pl Plain Pln Plaza Plz Point Pt Port Prt Prairie Pr Radial Radl
Ranch Rnch Rapid Rpd Rest Rst Ridge Rdg River Riv Road Rd Roads Rds Route Rte Row Run Shoal Shl Shore Shr Skyway Skwy
Spring Spg Springs Spgs Square Sq Station Sta Stream Strm Street St Str Strt Streets Sts Summit Smt Terrace Ter Terr
Trace Trce Track Trak Trail Trl Tunnel Tunl Turnpike Tpke Underpass Upas Union Un Valley Vly Viaduct Via View Vw
Village Vlg Ville Vl Vista Vis Walk Wall Way Wy Well Wl Wells Wls""".split()
assert len(set(sfx)) == len(sfx), [s for s in sfx if sfx.count(s) > 1]
ADDRESS_AFTER_CUE = r'''  - id: address.after_cue
    description: >
      The address after an address cue ("address:", "my new address is", "lives
      at", "send a new one to"), in any country's format, to the end of its
      sentence or line (at most 120 bytes): starting with a number or a capital,
      two or more words with a number and a word of three letters or more
      (never a memory address, a lone id or a sentence).
    pattern: '(?i:\b(?:address(?: is|[ ]?[:=])|lives at|living at|resides at|send (?:it|them|one|a new one|the card|a replacement) to))[ ]{1,4}([0-9A-Z][^\n?!;.]{2,119})'
    confirm: '(?s)(?:.*\d.*\s.*\b\p{L}{3,}\b.*|.*\b\p{L}{3,}\b.*\s.*\d.*)'
    validator: address_words
    value_group: 1
    score: 0.7
    examples:
      match:
        - "Billing address: Sara Schwarz / 28245 Puruntie 82 Apt 595 / LAPPEENRANTA"
        - "can you please send a new one to 1987 74 Diakou Street / Suite 680 / Kissousa? I am in"
        - "Tomomi Nishiyama lives at 86036 Rua do Arenque 1634, Goiania"
      no_match:
        - "page fault at address 0x7ffd5a2c1000 ip 00007f"
        - "Faulting address: 0x7ffd5a2c1000 ip 00007f"
        - "address: pending"
        - "Please address the issue in 2 days"
        - "address: the host, SSN 219-09-9999"
        - "address: pending since 2019"
'''
forms = []
for s in sfx:
    forms += [s.lower()]
forms = sorted(set(forms), key=lambda x: (-len(x), x))
SUFFIX = "(?i:" + "|".join(forms) + ")"
states = """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY""".split()
full = ["Alabama","Alaska","Arizona","Arkansas","California","Colorado","Connecticut","Delaware","District of Columbia","Florida","Georgia","Hawaii","Idaho","Illinois","Indiana","Iowa","Kansas","Kentucky","Louisiana","Maine","Maryland","Massachusetts","Michigan","Minnesota","Mississippi","Missouri","Montana","Nebraska","Nevada","New Hampshire","New Jersey","New Mexico","New York","North Carolina","North Dakota","Ohio","Oklahoma","Oregon","Pennsylvania","Puerto Rico","Rhode Island","South Carolina","South Dakota","Tennessee","Texas","Utah","Vermont","Virginia","Washington","West Virginia","Wisconsin","Wyoming"]
STATE = "(?:" + "|".join(sorted(full, key=lambda x: -len(x)) + states) + ")"
DIR = "(?:Northeast|Northwest|Southeast|Southwest|North|South|East|West|NE|NW|SE|SW|N|S|E|W)\\.?"
NUM = "\\d{1,6}(?:-\\d{1,4})?(?: ?[A-Z])?(?: 1/2)?"
WORD = "(?:[A-Z][A-Za-z']{1,20}|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|[A-Z]\\.)"
UNITS_NUM = "(?:Apartment|Apt|APT|Suite|Ste|STE|Unit|UNIT|Building|Bldg|BLDG|Floor|Fl|FL|Room|Rm|RM|Department|Dept|Lot|LOT|Space|Spc|Trailer|Trlr|Hangar|Hngr|Pier|Slip|Stop|Key|Office|Ofc|Penthouse|PH|Number|NUMBER|No)"
UNITS_BARE = "(?:Basement|Bsmt|Front|Frnt|Lobby|Lbby|Lower|Lowr|Rear|Side|Upper|Uppr)"
UNIT = "(?:,? (?:" + UNITS_NUM + "\\.? ?#? ?[A-Za-z0-9-]{1,6}|" + UNITS_BARE + "|# ?[A-Za-z0-9-]{1,6}))"
CITY = "(?:[A-Z][a-z]{1,20}|[A-Z]{2,20}|St\\.|Ft\\.|Mt\\.)(?: (?:[A-Z][a-z]{1,20}|[A-Z]{2,20})){0,2}"
TAIL = "(?:,? " + CITY + ",? " + STATE + "(?:,? \\d{5}(?:-\\d{4})?)?)?"
street = "\\b" + NUM + " (?:" + DIR + " )?" + WORD + "(?: " + WORD + "){0,3} " + SUFFIX + "\\b\\.?(?: " + DIR + "\\b)?"
EXT = UNIT + "?" + TAIL + "\\b"
pobox = "\\b(?:P\\.? ?O\\.?|[Pp]ost [Oo]ffice|PO|po) ?(?:Box|BOX|box) #? ?\\d{1,8}\\b"
rural = "\\b(?:RR|R\\.R\\.|Rural Route|RURAL ROUTE|HC|Highway Contract|Star Route) ?\\d{1,4},? (?:Box|BOX) \\d{1,6}\\b"
EXT2 = TAIL + "\\b"
# Speech in lower case ("forty seven maple court number three" reads
# "47 maple court number 3" in the spoken view): full suffix words only, and
# the validator street_words keeps "a 10 minute drive" out.
FULL = [x for x in sfx if len(x) >= 4 and x[0].isupper() and x.lower() not in ("view", "well", "wall", "walk", "rest", "run", "row", "pass", "path", "pine", "pines", "park", "mill", "mall", "key", "loop", "union", "oval", "light", "fort", "ford", "flat", "dale", "dam", "camp", "club", "forge", "fork", "glen", "isle", "neck", "port", "spring", "station", "stream", "track", "trace", "bend", "cape", "cove", "crest", "curve", "green", "haven", "hill", "hills", "lake", "lakes", "manor", "mount", "plain", "point", "ranch", "ridge", "river", "shore", "summit", "valley", "village", "vista", "field", "fields", "garden", "gardens", "grove", "harbor", "heights", "island", "landing", "meadow", "meadows", "orchard", "prairie", "rapid", "springs", "square")]
LSUFFIX = "(?:" + "|".join(sorted(set(x.lower() for x in FULL), key=lambda x: (-len(x), x))) + ")"
LDIR = "(?:northeast|northwest|southeast|southwest|north|south|east|west)"
LWORD = "(?:[a-z][a-z']{1,20}|\\d{1,3}(?:st|nd|rd|th))"
lower = ("\\b\\d{1,6}[a-z]? (?:" + LDIR + " )?" + LWORD + "(?: " + LWORD + "){0,2} " + LSUFFIX +
         "\\b(?: " + LDIR + "\\b)?(?:,? (?:apartment|apt|suite|unit|number|no|building|floor|room|#) ?[a-z0-9]{1,6}\\b)?")
def q(s): return "'" + s.replace("'", "''") + "'"
print("""# Street addresses after USPS Publication 28: house number (with a letter or
# 1/2), optional directional, one to four capitalised name words (or an
# ordinal: 5th), a street suffix from Appendix C1 in every common spelling,
# optional post-directional and unit designator from Appendix C2 with its
# number, then optionally city, state (code or name) and ZIP/ZIP+4 -- all one
# span, so no fragment of the street survives. PO boxes and rural routes too.
# Generated from the suffix, unit and state lists; edit with care.
pack: street_address
entity: STREET_ADDRESS
rules:
  - id: address.street
    description: House number + street name + Pub 28 suffix [+ unit] [+ city, state ZIP].
    pattern: """ + q(street) + """
    extend: """ + q(EXT) + """
    score: 0.75
    examples:
      match:
        - "I live at 1234 N Main St Apt 5B, Springfield, IL 62704 since May"
        - "ship to 221 1/2 West 5th Avenue, Suite 300"
        - "address: 77 Martin Luther King Jr Blvd, New York, New York 10027-1234"
        - "at 9 O'Connell Road"
        - "12 ELM STREET, BOSTON, MA 02108"
      no_match:
        - "waited 2 hours on the way"
        - "processed 500 Records"
        - "took 3 Steps"
        - "version 2 Release Notes"
  - id: address.street_lower
    description: >
      A street in lower case, as speech-to-text writes it (house number, one to
      three words, a full suffix word, unit); the validator keeps amounts of
      time, distance and doses out ("a 10 minute drive").
    pattern: """ + q(lower) + """
    validator: street_words
    score: 0.7
    examples:
      match:
        - "yep 47 maple court number 3"
        - "it's 1206 elm street apartment 4b"
        - "um so it's 2034 deer creek court augusta michigan"
      no_match:
        - "it's a 10 minute drive from here"
        - "take 2 tablets every day with water"
        - "about 3 blocks down the road"
  - id: address.po_box
    description: PO Box, with optional city, state and ZIP.
    pattern: """ + q(pobox) + """
    extend: """ + q(EXT2) + """
    score: 0.75
    examples:
      match:
        - "mail to P.O. Box 4521, Austin, TX 78701"
        - "PO Box 12"
      no_match:
        - "box 12 of 40"
  - id: address.rural_route
    description: Rural route or highway contract box.
    pattern: """ + q(rural) + """
    extend: """ + q(EXT2) + """
    score: 0.75
    examples:
      match:
        - "RR 2, Box 152, Plainview, NE 68769"
        - "Rural Route 4 Box 17"
      no_match:
        - "RR 2 ok"
""" + ADDRESS_AFTER_CUE)
