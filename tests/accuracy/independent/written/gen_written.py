#!/usr/bin/env python3
"""Independent, written-from-public-formats evaluation corpus for a PHI redactor.

Usage:
    python3 gen_written.py --split dev|test [--seed N] [--n N] > out.jsonl
    python3 gen_written.py --split dev --stats          # counts per entity/form/cue
    python3 gen_written.py --split test --check         # self-checks only

Every record is one JSON object:
    {"id", "format": "text"|"ndjson", "kind", "text", "spans", "negatives"}
spans/negatives use BYTE offsets into text.encode("utf-8").

Carrier text (read at generation time, see README.md):
  * loghub 2k samples  (https://github.com/logpai/loghub, research use, cite repo + paper)
  * MTS-Dialog         (https://github.com/abachaa/MTS-Dialog, CC BY 4.0)
All PHI values are fictitious and generated here.  Python 3.11 standard library only.
"""
import argparse
import collections
import csv
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

DEFAULT_SEED = 731
DEFAULT_N = 3000
CARRIER_DIR = "/work/shared/carrier-sources"

ENTITIES = ["SSN", "PHONE", "DOB", "MRN", "ZIP", "NPI", "MBI", "CARD", "IP", "EMAIL",
            "STREET", "CITY", "NAME", "MEMBER_ID", "TAX_ID", "ACCOUNT", "AGE"]

# ----------------------------------------------------------------------------------------
# segments: a record is built as a list of plain strings, PHI values (P) and negatives (N)
# ----------------------------------------------------------------------------------------


class P:
    """A PHI value. v is str (or int for JSON number tokens)."""
    __slots__ = ("v", "e", "cue", "form")

    def __init__(self, v, e, cue, form):
        assert e in ENTITIES, e
        assert cue in ("same", "prev", "none"), cue
        self.v, self.e, self.cue, self.form = v, e, cue, form


class N:
    """A non-PHI look-alike that must survive redaction."""
    __slots__ = ("v", "what")

    def __init__(self, v, what):
        self.v, self.what = v, what


class R:
    """A JSON string value assembled from segments (str / P / N)."""
    __slots__ = ("segs",)

    def __init__(self, *segs):
        flat = []
        for s in segs:
            if isinstance(s, (list, tuple)):
                flat.extend(s)
            else:
                flat.append(s)
        self.segs = flat


class Raw:
    """A raw JSON token (e.g. a number written with a fixed number of decimals)."""
    __slots__ = ("tok",)

    def __init__(self, tok):
        self.tok = tok


def _jesc(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


class Out:
    """Accumulates text with byte positions, spans and negatives."""

    def __init__(self):
        self.buf = []
        self.pos = 0
        self.spans = []
        self.negs = []

    def emit(self, s):
        self.buf.append(s)
        self.pos += len(s.encode("utf-8"))

    def seg(self, s, escape):
        if isinstance(s, str):
            self.emit(_jesc(s) if escape else s)
        elif isinstance(s, P):
            v = s.v if isinstance(s.v, str) else str(s.v)
            e = _jesc(v) if escape else v
            if e != v:
                raise ValueError("PHI value needs JSON escaping: %r" % v)
            st = self.pos
            self.emit(v)
            self.spans.append({"start": st, "end": self.pos, "entity": s.e, "cue": s.cue,
                               "form": s.form, "_v": v})
        elif isinstance(s, N):
            v = s.v if isinstance(s.v, str) else str(s.v)
            e = _jesc(v) if escape else v
            if e != v:
                raise ValueError("negative needs JSON escaping: %r" % v)
            st = self.pos
            self.emit(v)
            self.negs.append({"start": st, "end": self.pos, "what": s.what, "_v": v})
        else:
            raise TypeError(type(s))

    def text(self):
        return "".join(self.buf)


def render_text(segs):
    o = Out()
    for s in segs:
        o.seg(s, False)
    return o


def render_json(obj):
    o = Out()

    def walk(x):
        if isinstance(x, dict):
            o.emit("{")
            for i, (k, v) in enumerate(x.items()):
                if i:
                    o.emit(",")
                o.emit(json.dumps(k, ensure_ascii=False))
                o.emit(":")
                walk(v)
            o.emit("}")
        elif isinstance(x, (list, tuple)):
            o.emit("[")
            for i, v in enumerate(x):
                if i:
                    o.emit(",")
                walk(v)
            o.emit("]")
        elif isinstance(x, (P, N)):
            if isinstance(x.v, str):
                o.emit('"')
                o.seg(x, True)
                o.emit('"')
            else:
                o.seg(x, False)
        elif isinstance(x, R):
            o.emit('"')
            for s in x.segs:
                o.seg(s, True)
            o.emit('"')
        elif isinstance(x, Raw):
            o.emit(x.tok)
        elif isinstance(x, str):
            o.emit(json.dumps(x, ensure_ascii=False))
        elif x is None or isinstance(x, (bool, int, float)):
            o.emit(json.dumps(x))
        else:
            raise TypeError(type(x))
    walk(obj)
    return o


def segs_of_json(obj):
    """Render a JSON object and return it as text segments (for embedding in a text line)."""
    o = render_json(obj)
    return out_to_segs(o)


def out_to_segs(o):
    t = o.text().encode("utf-8")
    marks = [(s["start"], s["end"], "P", s) for s in o.spans] + \
            [(n["start"], n["end"], "N", n) for n in o.negs]
    marks.sort(key=lambda m: m[0])
    segs, cur = [], 0
    for st, en, typ, d in marks:
        if st > cur:
            segs.append(t[cur:st].decode("utf-8"))
        val = t[st:en].decode("utf-8")
        if typ == "P":
            segs.append(P(val, d["entity"], d["cue"], d["form"]))
        else:
            segs.append(N(val, d["what"]))
        cur = en
    if cur < len(t):
        segs.append(t[cur:].decode("utf-8"))
    return segs


# ----------------------------------------------------------------------------------------
# deterministic pool partition (fixed, independent of --seed)
# ----------------------------------------------------------------------------------------

PARTITION_SALT = "phi-written-v1"


def stable_hash(s):
    return int(hashlib.sha256((PARTITION_SALT + "|" + s).encode("utf-8")).hexdigest(), 16)


def partition(name, items, anchors=()):
    """Return {'dev': [...], 'test': [...]}: ~60 % / 40 % of the non-anchor items, anchors in both."""
    items = list(items)
    anc = [x for x in items if any(x is a or x == a for a in anchors)]
    rest = [x for x in items if not any(x is a or x == a for a in anchors)]
    r = random.Random(PARTITION_SALT + "/" + name)
    idx = list(range(len(rest)))
    r.shuffle(idx)
    if len(rest) >= 2:
        k = min(max(1, round(0.6 * len(rest))), len(rest) - 1)
    else:
        k = len(rest)
    dev = anc + [rest[i] for i in sorted(idx[:k])]
    test = anc + [rest[i] for i in sorted(idx[k:])]
    if not test:
        test = list(dev)
    return {"dev": dev, "test": test}


# ----------------------------------------------------------------------------------------
# validators for generated values
# ----------------------------------------------------------------------------------------


def luhn_ok(digits):
    s, alt = 0, False
    for ch in reversed(digits):
        d = int(ch)
        if alt:
            d *= 2
            if d > 9:
                d -= 9
        s += d
        alt = not alt
    return s % 10 == 0


def luhn_check_digit(payload):
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError


def npi_ok(npi):
    return len(npi) == 10 and npi.isdigit() and npi[0] in "12" and luhn_ok("80840" + npi)


def ssn_ok(ssn9):
    a, g, s = ssn9[:3], ssn9[3:5], ssn9[5:]
    return (len(ssn9) == 9 and ssn9.isdigit() and a not in ("000", "666") and a[0] != "9"
            and g != "00" and s != "0000")


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]"
                    r"[AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def mbi_ok(m):
    return bool(MBI_RE.match(m.replace("-", "")))


# ----------------------------------------------------------------------------------------
# pools (all values fictitious combinations written for this corpus)
# ----------------------------------------------------------------------------------------

def _w(s):
    return [x.strip() for x in s.split("|") if x.strip()]


NAMES = {
    "hispanic": (_w("María|José|Guadalupe|Alejandro|Sofía|Valentina|Mateo|Camila|Diego|Ximena|Santiago|"
                    "Lucía|Carlos|Fernanda|Javier|Rocío|Esteban|Marisol|Rodrigo|Inés|Beatriz|Joaquín|"
                    "Yesenia|Álvaro|Graciela|Héctor|Maribel|Ignacio|Araceli|Efraín"),
                 _w("García|Rodríguez|Martínez|Hernández|López|González|Pérez|Sánchez|Ramírez|Torres|"
                    "Flores|Rivera|Gómez|Díaz|Morales|Ortiz|Gutiérrez|Chávez|Castillo|Jiménez|Herrera|"
                    "Medina|Aguilar|Vásquez|Duarte|Mendoza|Salazar|Ibarra|Quintero|Zúñiga|Peña|"
                    "Cárdenas|de la Cruz|del Valle|de León|de los Santos|Villaseñor|Echeverría|"
                    "Ruiz-Tagle|Oliveira")),
    "vietnamese": (_w("Minh|Thảo|Hương|Linh|Quang|Tuấn|Phương|Trang|Bảo|Khánh|Ngọc|Duy|Hải|Lan|"
                      "Thanh|Việt|Hoa|Anh|Huy|Thuy|Dung|Long"),
                   _w("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|"
                      "Nguyen|Tran|Pham|Huynh|Truong|Dinh")),
    "nigerian": (_w("Chidi|Ngozi|Oluwaseun|Adaeze|Emeka|Chiamaka|Tunde|Folake|Obinna|Ifeoma|Babajide|"
                    "Yetunde|Chukwuemeka|Amaka|Kelechi|Oluwadamilare|Nnamdi|Funmilayo|Uchenna|Adebayo|"
                    "Temitope|Ebere"),
                 _w("Okafor|Adeyemi|Okonkwo|Balogun|Eze|Nwosu|Ogunleye|Chukwu|Oyelaran|Afolabi|"
                    "Onyekachi|Ibekwe|Adewale|Okoro|Nwachukwu|Olaniyan|Ezeani|Odukoya|Obiora|"
                    "Adeleke|Oyinlola|Uzoma")),
    "polish": (_w("Łukasz|Małgorzata|Krzysztof|Agnieszka|Wojciech|Katarzyna|Paweł|Zofia|Grzegorz|Joanna|"
                  "Michał|Bożena|Tomasz|Jadwiga|Piotr|Ewa|Stanisław|Dorota|Zbigniew|Halina"),
               _w("Kowalski|Nowak|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowska|Zieliński|Szymańska|"
                  "Woźniak|Dąbrowski|Kozłowski|Jankowska|Mazur|Krawczyk|Grabowski|Pawlak|Michalska|"
                  "Żak|Sobczak|Wróblewski|Chmielewska")),
    "turkish": (_w("Yağmur|Emre|Elif|Mehmet|Ayşe|Burak|Zeynep|Mustafa|Gökhan|Özlem|Cem|Şule|Kerem|"
                   "Derya|Oğuz|Ebru|Serkan|İlkay|Tuğba|Çağlar"),
                _w("Şahin|Yılmaz|Kaya|Demir|Çelik|Yıldız|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|"
                   "Çetin|Koç|Özkan|Şimşek|Polat|Güneş|Aksoy|Karataş")),
    "indian": (_w("Priya|Arjun|Ananya|Rohan|Deepika|Vikram|Lakshmi|Sanjay|Kavya|Rahul|Sneha|Aditya|"
                  "Meera|Karthik|Pooja|Venkatesh|Divya|Harpreet|Gurpreet|Nikhil|Shreya|Anirudh"),
               _w("Patel|Sharma|Iyer|Reddy|Nair|Gupta|Krishnan|Menon|Chatterjee|Banerjee|Rao|Desai|"
                  "Joshi|Kulkarni|Agarwal|Pillai|Mehta|Bhattacharya|Subramanian|Venkataraman|"
                  "Choudhury|Sandhu|Dhillon")),
    "chinese": (_w("Wei|Xiaoling|Jun|Mei|Hao|Yan|Lei|Jing|Zhiwei|Yuxin|Xin|Ming|Jiahui|Zihan|Qiang|"
                   "Fang|Hui|Xiuying|Yifan|Haoran"),
                _w("Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Zhu|Hu|Guo|Lin|Luo|Zheng|"
                   "Liang|Xie|Tang|Feng|Deng|Cao|Jiang")),
    "arabic": (_w("Mohammed|Fatima|Omar|Aisha|Youssef|Layla|Khalid|Noor|Hassan|Mariam|Tariq|Samira|"
                  "Karim|Rania|Bilal|Huda|Ziad|Salma|Ibrahim|Amira"),
               _w("Al-Sayed|Haddad|Khoury|Mansour|Nasser|Abdullah|El-Amin|Farouk|Hamdan|Saleh|Aziz|"
                  "Rahman|Qureshi|Al-Masri|Darwish|Jaber|Karam|Suleiman|Tahan|Al-Rashid|Bakri")),
    "korean": (_w("Ji-woo|Min-jun|Seo-yeon|Hyun-woo|Eun-ji|Jae-won|Soo-ah|Dong-hyun|Ha-eun|Sung-min|"
                  "Ye-jin|Joon-ho|Yuna|Jisoo|Minseo|Taeyang"),
               _w("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Shin|Seo|Kwon|Hwang|Ahn|Jeon|"
                  "Hong|Baek|Moon")),
    "anglo": (_w("Caroline|Ethan|Madison|Tyler|Brianna|Connor|Abigail|Dustin|Heather|Garrett|Whitney|"
                 "Travis|Lindsey|Colton|Meredith|Wyatt|Kayla|Bradley|Courtney|Logan|Eleanor|Harold|"
                 "Dorothy|Gerald|Margaret|Walter|Shirley|Eugene|Beverly|Clifford|Janelle|Trevor|"
                 "Patricia|Raymond|Gwendolyn|Mildred|Lorraine|Vernon"),
              _w("Walsh|Thompson|Whitfield|Harrington|Caldwell|McAllister|O'Neil|O'Brien|Fitzgerald|"
                 "Pennington|Blackwood|Sutherland|Holloway|Prescott|Langley|Ashworth|Thornton|Gallagher|"
                 "Brennan|Donnelly|MacKenzie|Underwood|Whitaker|Sinclair|Hargrove|Abernathy|Kessler|"
                 "Montgomery|Pruitt|Stallworth|Hensley|Tillman|Van Dyke|DeMarco|Worthington")),
    "european": (_w("Renata|Giuseppe|Chiara|Alessandro|Jürgen|Anneliese|Dieter|Sven|Åsa|Bjørn|Siobhán|"
                    "Niamh|Aoife|Dimitrios|Eleni|Olena|Dmytro|Ágnes|Zsófia|Jiří|Tereza|Inés|Jonas|"
                    "Matthijs|Sanne|Søren|François|Hélène"),
                 _w("Bianchi|Russo|Esposito|Ferraro|Colombo|De Luca|Lombardi|Müller|Schröder|Großmann|"
                    "van der Berg|van den Heuvel|de Vries|Lindqvist|Halvorsen|Papadopoulos|Georgiou|"
                    "Shevchenko|Kovalenko|Kovács|Szabó|Tóth|Dvořák|Novotná|Ní Bhriain|Ó Súilleabháin|"
                    "Fournier|Lefèvre|Jansen")),
    "filipino": (_w("Maricel|Jericho|Rowena|Analyn|Jomar|Rhea|Arnel|Marivic|Jhun|Lorna"),
                 _w("Dela Cruz|Bautista|Manalo|Macaraeg|Villanueva|Dimaculangan|Pangilinan|Mercado|"
                    "Tolentino|Magbanua")),
    "japanese": (_w("Haruto|Yui|Takeshi|Aiko|Sora|Hina|Kenji|Naoko|Ryota|Emiko"),
                 _w("Tanaka|Suzuki|Takahashi|Watanabe|Yamamoto|Nakamura|Kobayashi|Yoshida|Matsumoto|"
                    "Inoue|Hayashi|Shimizu")),
    "eastafrican": (_w("Abebe|Tigist|Hodan|Abdirahman|Selam|Yonas|Hamdi|Dawit|Meseret|Liya"),
                    _w("Tesfaye|Haile|Warsame|Mohamud|Gebremedhin|Bekele|Abdi|Wolde|Alemu|Farah")),
    "persian_hebrew": (_w("Dariush|Shirin|Parisa|Kaveh|Yael|Noam|Avigail|Eitan|Roya|Arash"),
                       _w("Rahimi|Tehrani|Mohammadi|Karimi|Hosseini|Cohen|Friedman|Katz|Ben-David|"
                          "Shapiro")),
    "native_pacific": (_w("Shandiin|Keoni|Leilani|Kaimana|Nizhoni|Makoa|Ahiga|Malia"),
                       _w("Begay|Yazzie|Tsosie|Kahananui|Kealoha|Nakai|Benally|Kamakau")),
}

MIDDLE_INITIALS = list("ABCDEFGHJKLMNOPRSTW")
SUFFIXES = ["Jr.", "Sr.", "III", "II"]

# words that are also given names: used only as ordinary words (negatives)
NAMEWORD_PHRASES = [
    ("Will", "{} retry in 30s"), ("Will", "{} not be billed to secondary payer"),
    ("May", "{} contain protected data; see policy 4.2"), ("Grant", "{} read access to role=billing"),
    ("Hope", "{} Valley Clinic"), ("Bill", "{} to insurance: yes"), ("Mark", "{} as no-show"),
    ("Faith", "{} Community Health Center"), ("Grace", "{} period expires in 30 days"),
    ("Joy", "{} Street Pharmacy"), ("Rose", "{} Medical Supply"), ("Sterling", "{} Labs courier"),
    ("Summer", "{} hours schedule applied"), ("Chase", "{} Paymentech gateway"),
    ("Hunter", "{} syndrome screening"), ("Frank", "{} discussion documented"),
    ("Drew", "{} 2 vials"), ("Penny", "{} rounding adjustment"), ("Dawn", "{} shift roster loaded"),
    ("Sue", "{} statute flag cleared"),
]
DRUG_NAMES = _w("Lantus|Eliquis|Ozempic|Jardiance|Xarelto|Humira|Keytruda|Trulicity|Entresto|"
                "Synthroid|Lipitor|Zoloft|Lexapro|Humalog|Januvia|Farxiga|Dupixent|Otezla|Stelara|"
                "Wegovy|Mounjaro|Brilinta|Prolia|Biktarvy|Vyvanse|Gabapentin|Metformin|Lisinopril")
EPONYMS = _w("Parkinson's disease|Alzheimer's dementia|Crohn's disease|Hashimoto's thyroiditis|"
             "Graves' disease|Bell's palsy|Down syndrome|Tourette syndrome|Hodgkin lymphoma|"
             "Cushing's syndrome|Addison's disease|Raynaud's phenomenon|Sjögren's syndrome|"
             "Guillain-Barré syndrome|Kawasaki disease|Meniere's disease|Barrett's esophagus|"
             "Wilson's disease|Huntington's disease|Lou Gehrig's disease")

# real US cities (incl. small ones) with state and a 3-digit ZIP prefix of that area
CITIES = [tuple(x.split(",")) for x in _w(
    "Joliet,IL,604|Peoria,IL,616|Champaign,IL,618|Naperville,IL,605|Kankakee,IL,609|Rockford,IL,611|"
    "Normal,IL,617|Muncie,IN,473|Terre Haute,IN,478|Kokomo,IN,469|Bloomington,IN,474|"
    "Ann Arbor,MI,481|Kalamazoo,MI,490|Saginaw,MI,486|Marquette,MI,498|Flint,MI,485|Duluth,MN,558|"
    "Rochester,MN,559|Mankato,MN,560|Fargo,ND,581|Bismarck,ND,585|Sioux Falls,SD,571|"
    "Rapid City,SD,577|Lincoln,NE,685|Kearney,NE,688|Wichita,KS,672|Topeka,KS,666|Lawrence,KS,660|"
    "Joplin,MO,648|Columbia,MO,652|St. Joseph,MO,645|Independence,MO,640|Cedar Rapids,IA,524|"
    "Dubuque,IA,520|Ames,IA,500|Davenport,IA,528|Green Bay,WI,543|Eau Claire,WI,547|Oshkosh,WI,549|"
    "La Crosse,WI,546|Akron,OH,443|Dayton,OH,454|Toledo,OH,436|Youngstown,OH,445|Zanesville,OH,437|"
    "Erie,PA,165|Scranton,PA,185|Altoona,PA,166|Allentown,PA,181|Wilkes-Barre,PA,187|Utica,NY,135|"
    "Binghamton,NY,139|Ithaca,NY,148|Poughkeepsie,NY,126|Schenectady,NY,123|Burlington,VT,054|"
    "Montpelier,VT,056|Bangor,ME,044|Lewiston,ME,042|Nashua,NH,030|Worcester,MA,016|"
    "Pittsfield,MA,012|New Bedford,MA,027|Providence,RI,029|Hartford,CT,061|New Haven,CT,065|"
    "Trenton,NJ,086|Camden,NJ,081|Paterson,NJ,075|Dover,DE,199|Hagerstown,MD,217|Salisbury,MD,218|"
    "Roanoke,VA,240|Lynchburg,VA,245|Norfolk,VA,235|Charlottesville,VA,229|Morgantown,WV,265|"
    "Huntington,WV,257|Asheville,NC,288|Durham,NC,277|Fayetteville,NC,283|Spartanburg,SC,293|"
    "Florence,SC,295|Macon,GA,312|Savannah,GA,314|Valdosta,GA,316|Athens,GA,306|Tallahassee,FL,323|"
    "Gainesville,FL,326|Pensacola,FL,325|Ocala,FL,344|Lakeland,FL,338|Hialeah,FL,330|"
    "Kissimmee,FL,347|Dothan,AL,363|Huntsville,AL,358|Tuscaloosa,AL,354|Mobile,AL,366|Biloxi,MS,395|"
    "Hattiesburg,MS,394|Tupelo,MS,388|Knoxville,TN,379|Chattanooga,TN,374|Murfreesboro,TN,371|"
    "Bowling Green,KY,421|Paducah,KY,420|Lexington,KY,405|Shreveport,LA,711|Lafayette,LA,705|"
    "Houma,LA,703|Texarkana,AR,718|Fort Smith,AR,729|Jonesboro,AR,724|Hope,AR,718|Tulsa,OK,741|"
    "Norman,OK,730|Lawton,OK,735|Amarillo,TX,791|Lubbock,TX,794|Laredo,TX,780|McAllen,TX,785|"
    "Abilene,TX,796|Odessa,TX,797|Waco,TX,767|Tyler,TX,757|San Angelo,TX,769|Paris,TX,754|"
    "Las Cruces,NM,880|Santa Fe,NM,875|Gallup,NM,873|Flagstaff,AZ,860|Yuma,AZ,853|Prescott,AZ,863|"
    "Pueblo,CO,810|Greeley,CO,806|Grand Junction,CO,815|Durango,CO,813|Provo,UT,846|Ogden,UT,844|"
    "St. George,UT,847|Boise,ID,837|Pocatello,ID,832|Twin Falls,ID,833|Coeur d'Alene,ID,838|"
    "Billings,MT,591|Missoula,MT,598|Bozeman,MT,597|Casper,WY,826|Cheyenne,WY,820|Reno,NV,895|"
    "Elko,NV,898|Fresno,CA,937|Bakersfield,CA,933|Modesto,CA,953|Redding,CA,960|Eureka,CA,955|"
    "Salinas,CA,939|Oxnard,CA,930|Chula Vista,CA,919|Medford,OR,975|Eugene,OR,974|Bend,OR,977|"
    "Salem,OR,973|Spokane,WA,992|Yakima,WA,989|Bellingham,WA,982|Tacoma,WA,984|Olympia,WA,985|"
    "Anchorage,AK,995|Fairbanks,AK,997|Juneau,AK,998|Hilo,HI,967|Kailua,HI,967|Mayagüez,PR,006|"
    "Caguas,PR,007|Marion,OH,433|Jackson,MS,392|Beverly,MA,019|Liberty,MO,640|Eagle Pass,TX,788")]

STATE_NAMES = {"IL": "Illinois", "IN": "Indiana", "MI": "Michigan", "MN": "Minnesota", "ND": "North Dakota",
               "SD": "South Dakota", "NE": "Nebraska", "KS": "Kansas", "MO": "Missouri", "IA": "Iowa",
               "WI": "Wisconsin", "OH": "Ohio", "PA": "Pennsylvania", "NY": "New York", "VT": "Vermont",
               "ME": "Maine", "NH": "New Hampshire", "MA": "Massachusetts", "RI": "Rhode Island",
               "CT": "Connecticut", "NJ": "New Jersey", "DE": "Delaware", "MD": "Maryland",
               "VA": "Virginia", "WV": "West Virginia", "NC": "North Carolina", "SC": "South Carolina",
               "GA": "Georgia", "FL": "Florida", "AL": "Alabama", "MS": "Mississippi", "TN": "Tennessee",
               "KY": "Kentucky", "LA": "Louisiana", "AR": "Arkansas", "OK": "Oklahoma", "TX": "Texas",
               "NM": "New Mexico", "AZ": "Arizona", "CO": "Colorado", "UT": "Utah", "ID": "Idaho",
               "MT": "Montana", "WY": "Wyoming", "NV": "Nevada", "CA": "California", "OR": "Oregon",
               "WA": "Washington", "AK": "Alaska", "HI": "Hawaii", "PR": "Puerto Rico"}

AREA_CODES = {"IL": ["815", "309", "217", "630", "779"], "IN": ["765", "812", "317"], "MI": ["734", "269", "989", "906", "810"],
              "MN": ["218", "507"], "ND": ["701"], "SD": ["605"], "NE": ["402", "308"], "KS": ["316", "785"],
              "MO": ["417", "573", "816"], "IA": ["319", "563", "515"], "WI": ["920", "715", "608"],
              "OH": ["330", "937", "419", "740"], "PA": ["814", "570", "610"], "NY": ["315", "607", "845", "518"],
              "VT": ["802"], "ME": ["207"], "NH": ["603"], "MA": ["508", "413", "978"], "RI": ["401"],
              "CT": ["860", "203"], "NJ": ["609", "856", "973"], "DE": ["302"], "MD": ["301", "410"],
              "VA": ["540", "434", "757"], "WV": ["304"], "NC": ["828", "919", "910"], "SC": ["864", "843"],
              "GA": ["478", "912", "229", "706"], "FL": ["850", "352", "863", "305", "407"], "AL": ["334", "256", "205", "251"],
              "MS": ["228", "601", "662"], "TN": ["865", "423", "615"], "KY": ["270", "859"], "LA": ["318", "337", "985"],
              "AR": ["870", "479"], "OK": ["918", "405", "580"], "TX": ["806", "956", "325", "432", "254", "903", "830"],
              "NM": ["575", "505"], "AZ": ["928", "520"], "CO": ["719", "970"], "UT": ["801", "435"],
              "ID": ["208"], "MT": ["406"], "WY": ["307"], "NV": ["775", "702"], "CA": ["559", "661", "209", "530", "707", "831", "805", "619"],
              "OR": ["541", "503"], "WA": ["509", "360", "253"], "AK": ["907"], "HI": ["808"], "PR": ["787", "939"]}

STREET_NAMES = _w("Larkspur|Quarry Hollow|Tamarack|Bellweather|Copperleaf|Windrift|Heron Ridge|Marigold|"
                  "Ashgrove|Sable Creek|Foxglove|Juniper Bend|Old Mill Pond|Cinderhill|Brambleton|Kestrel|"
                  "Wrenfield|Driftwood Bay|Silverbell|Lantern Hill|Honeysuckle|Stonecrop|Saddlebrook|"
                  "Thistledown|Mapleshade|Ravenwood|Clover Knoll|Whistler|Amberjack|Cobblestone|Tidewater|"
                  "Blue Spruce|Fernhollow|Osprey Point|Meadowlark|Quillfeather|Harvest Moon|Peppervine|"
                  "Wolf Run|Indigo Falls|Canyon Wren|Starling|Hollyhock|Red Tail|Briarcliff|Sugar Maple|"
                  "Gristmill|Bluebonnet|Prairie Smoke|Lamplighter|Moss Rock|Cedar Shoals|Plover|"
                  "Tanglewood Bluff|Coyote Mesa|Kingfisher|Ironweed|Palo Duro Rim|Timberline|Ocotillo|"
                  "Cormorant|Birchbark|Dogwood Trace|Wintergreen|Sandpiper|Catalpa|Switchgrass|Loon Lake")
STREET_SUFFIXES = _w("St|Ave|Rd|Dr|Ln|Blvd|Ct|Way|Pl|Ter|Pkwy|Cir|Street|Avenue|Road|Drive|Lane|Court|"
                     "Trail|Loop|Pike|Row|Crossing|Trl|Hwy")
STREET_SUFFIX_ANCHORS = ["St", "Ave", "Rd", "Dr", "Ln"]
DIRECTIONALS = ["N", "S", "E", "W", "NE", "NW", "SE", "SW", "N.", "W.", "North", "East"]
UNITS = _w("Apt 4B|Apt. 2|Unit 12|Suite 300|#7|Apt 1203|Unit C|Ste 110|Apt B|Lot 14|Rm 6|Fl 2|Bldg 3 Apt 210|"
           "Apt #5|Trlr 22|Unit 4-A|PH 2")

EMAIL_DOMAINS = _w("gmail.com|yahoo.com|outlook.com|hotmail.com|icloud.com|aol.com|proton.me|comcast.net|"
                   "att.net|verizon.net|sbcglobal.net|me.com|live.com|msn.com|ymail.com|mail.com|gmx.com|"
                   "charter.net|cox.net|bellsouth.net|alumni.example.edu|mail.example-health.org|"
                   "patients.example.org|students.example.edu|staff.example-clinic.com|fastmail.fm|"
                   "pm.me|yahoo.co.uk|web.de|uol.com.br|rocketmail.com|windstream.net|frontier.com|"
                   "mychart.example.org|members.example-plan.com|cs.example.ac.uk")

PAYERS = _w("BCBSIL|AETNA|CIGNA|UHC|HUMANA|MEDICARE|MEDICAID-OH|KAISER|ANTHEM|WELLCARE|MOLINA|CENTENE|"
            "TRICARE|AMBETTER|OSCAR|HIGHMARK|EMBLEM|GEISINGER")
CLINICS = _w("Northside Family Medicine|Lakeview Cardiology|Riverbend Pediatrics|Summit Ortho|"
             "Harbor Dialysis Center|Prairie Women's Health|Mesa Internal Medicine|Cedar Valley Urgent Care|"
             "Pinecrest Dermatology|Bayfront Oncology|Granite Peak Pulmonology|Oakridge Behavioral Health|"
             "Tri-County Imaging|Willow Creek Physical Therapy|Red River Endocrinology")
VISIT_REASONS = _w("annual physical|follow-up|med refill|lab review|flu shot|new patient visit|"
                   "post-op check|BP check|telehealth consult|wound care|A1c recheck|prenatal visit|"
                   "sleep study consult|allergy injection|hearing test")


# key-name pools for JSON / key=value logs (partitioned 60/40 per split)
KEYS = {
    "first": _w("first_name|firstName|FirstName|given_name|givenName|fname|first|patient_first_name|"
                "pt_first|forename|nameFirst|FIRST_NM|first_nm"),
    "last": _w("last_name|lastName|LastName|family_name|familyName|lname|last|surname|patient_last_name|"
               "pt_last|nameLast|LAST_NM|last_nm"),
    "full": _w("full_name|fullName|name|patient_name|patientName|PatientName|display_name|displayName|"
               "member_name|subscriberName|customer_name|beneficiary_name|pt_name|legalName|contact_name|"
               "guarantor_name"),
    "dob": _w("dob|DOB|date_of_birth|dateOfBirth|birthDate|birth_date|BirthDate|patientDob|pt_dob|birthdate|"
              "DateOfBirth|member_dob|subscriber_dob|birth_dt|bdate|dobStr|PAT_BIRTH_DT"),
    "ssn": _w("ssn|SSN|social_security_number|socialSecurityNumber|ssn_number|patient_ssn|ss_num|"
              "SocialSecurityNo|national_id|govt_id|taxpayer_ssn|ssnFull|PAT_SSN"),
    "ssn4": _w("ssn_last4|ssnLast4|last4_ssn|ssn4|last_four_ssn|ssn_last_four|SSN4"),
    "phone": _w("phone|phone_number|phoneNumber|mobile|cell|home_phone|homePhone|contact_number|"
                "callback_number|tel|msisdn|primaryPhone|caller_phone|PhoneNumber|cell_phone|day_phone|"
                "sms_to|HOME_PHONE"),
    "email": _w("email|email_address|emailAddress|Email|contact_email|user_email|login|username|mail|"
                "notify_email|recipient|primaryEmail|portal_login|EMAIL_ADDR"),
    "mrn": _w("mrn|MRN|medical_record_number|medicalRecordNumber|patient_mrn|chart_number|emr_id|"
              "ehr_patient_id|mrn_id|record_no|hospital_number|empi|chart_no|PAT_MRN_ID|mrNumber"),
    "zip": _w("zip|zip_code|zipCode|postal_code|postalCode|postcode|ZIP|zip5|billing_zip|PostalCode|zipcode|"
              "ZIP_CD"),
    "city": _w("city|City|town|locality|address_city|cityName|municipality|CITY_NM|addr_city"),
    "street": _w("line1|address1|street|street_address|streetAddress|address_line_1|addr1|address|Street1|"
                 "home_address|addressLine1|ADDR_LINE_1|mailing_street"),
    "state": _w("state|State|region|state_code|stateProvince|ST"),
    "npi": _w("npi|NPI|provider_npi|npiNumber|renderingNpi|billing_npi|attending_npi|prescriber_npi|"
              "referringProviderNpi|pcp_npi|NPI_NUM"),
    "mbi": _w("mbi|MBI|medicare_id|medicareBeneficiaryId|medicare_number|beneficiary_id|mbiNumber|"
              "medicare_mbi|MEDICARE_BENE_ID"),
    "card": _w("card_number|cardNumber|pan|cc_number|ccnum|card|creditCard|payment_card|card_no|"
               "CardNumber|cc"),
    "ip": _w("ip|client_ip|clientIp|remote_addr|remoteAddress|src_ip|ip_address|source_ip|peer_ip|c_ip|"
             "userIp|x_real_ip|remoteIP|caller_ip"),
    "member": _w("member_id|memberId|subscriber_id|subscriberId|insurance_id|policy_number|policyNumber|"
                 "member_number|plan_member_id|insured_id|cardholder_id|health_plan_id|MEMBER_NBR"),
    "taxid": _w("tax_id|taxId|ein|EIN|tin|TIN|federal_tax_id|taxpayer_id|employer_id|fein|itin"),
    "account": _w("account_number|accountNumber|patient_account|acct|acct_no|guarantor_account|"
                  "billing_account|patientAccountNumber|har|visit_account|fin|pt_acct_num"),
    "age": _w("age|patient_age|ageYears|age_years|pt_age|AGE"),
}

# prose labels used in text log messages (each includes its trailing separator)
LABELS = {
    "dob": ["DOB: ", "DOB ", "dob=", "D.O.B. ", "date of birth ", "born ", "birthdate=", "Birth Date: ",
            "b. ", "DOB - ", "birthday ", "dob:", "DOB=", "date_of_birth=", "DoB ", "birth_dt="],
    "ssn": ["SSN: ", "SSN ", "ssn=", "SS# ", "social ", "SSN#", "soc sec no. ", "ssn:", "SSN=", "social security number "],
    "ssn4": ["last 4 of SSN ", "ssn4=", "SSN last4: ", "last four of social ", "ssn_last4=", "L4SSN "],
    "phone": ["phone: ", "ph ", "tel=", "callback ", "cell: ", "phone=", "mobile ", "Ph#", "contact # ",
              "home phone ", "call back at ", "tel:", "cb#"],
    "mrn": ["MRN ", "MRN: ", "mrn=", "MR# ", "Medical Record #", "chart #", "MRN#", "EMPI ", "med rec no ",
            "patient_id=", "PID "],
    "email": ["email=", "email: ", "e-mail ", "mail to ", "login=", "user="],
    "zip": ["zip ", "ZIP: ", "zip=", "postal "],
    "npi": ["NPI ", "npi=", "NPI: ", "NPI#", "provider NPI ", "rendering npi="],
    "mbi": ["MBI ", "mbi=", "Medicare ID ", "MBI: ", "medicare #", "beneficiary "],
    "member": ["member ID ", "member_id=", "Member#", "subscriber ", "policy # ", "ins id ", "mbr="],
    "taxid": ["tax_id=", "TIN ", "EIN ", "Tax ID: ", "fed tax id ", "ein="],
    "account": ["acct ", "account #", "patient acct ", "acct_no=", "HAR ", "guarantor acct ", "Acct#"],
    "card": ["card ", "card_number=", "cc=", "PAN ", "card no. ", "Card: "],
    "name": ["patient ", "pt ", "name=", "Patient: ", "patient_name=", "member ", "subscriber ", "Pt. "],
}


# ----------------------------------------------------------------------------------------
# value formats (anchors appear in both splits, the rest is partitioned 60/40)
# ----------------------------------------------------------------------------------------

FORMS = {
    "NAME": (["first_last", "first_mi_last", "last_comma_first", "upper_last_first", "lower_first_last",
              "lower_last_first", "first_only"],
             ["first_middle_last", "upper_last_comma_first", "upper_first_last", "last_comma_first_mi",
              "first_initial_last", "first_last_suffix", "lower_first_only", "upper_first_only"]),
    "DOB": (["us_slash", "iso", "compact_yyyymmdd", "dd_mon_yyyy", "long_month", "us_short_yy"],
            ["us_slash_nopad", "us_dash", "dmy_dot", "dmy_space", "mon_d_yyyy", "ymd_slash",
             "iso_midnight", "long_ordinal", "compact_mmddyyyy", "sas_date9"]),
    "PHONE": (["paren", "dashed", "dots", "spaces", "e164", "ext_x", "ext_dot"],
              ["plus1_spaces", "plus1_dashed", "one_dashed", "paren_nospace", "plain10", "ext_word",
               "ext_hash", "plus1_paren", "one_plain", "dots_ext_x"]),
    "SSN": (["dashed", "plain", "spaces"], ["dots", "dash_space"]),
    "MRN": (["digits7", "digits8_zero", "alpha1_digits", "alnum_dash"],
            ["digits10", "alpha3_digits", "dashed_grp", "year_dash", "digits6"]),
    "ZIP": (["zip5", "zip9"], []),
    "MBI": (["plain", "dashed"], []),
    "CARD": (["plain16", "spaces", "dashes", "amex_465"], []),
    "IP": (["ipv4", "ipv6_compressed"], ["ipv6_full", "ipv4_mapped_v6"]),
    "EMAIL": (["plain", "plus_addressed", "subdomain"], ["mixed_case", "dotted_initials", "digits"]),
    "STREET": (["num_name_suffix", "num_dir_name_suffix", "with_unit", "po_box"],
               ["with_unit_comma", "numbered", "rural_route", "highway", "fraction", "hyphen_num"]),
    "MEMBER_ID": (["alpha3_digits9", "w_digits9"], ["digits9_suffix", "alnum11", "medicaid8"]),
    "TAX_ID": (["ein_dashed", "ein_plain"], ["itin"]),
    "ACCOUNT": (["digits10", "alpha_digits"], ["dash_digits", "digits9"]),
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
TEST_CARDS = ["4111111111111111", "4012888888881881", "4242424242424242", "4000056655665556",
              "5555555555554444", "5105105105105100", "2223003122003222", "5200828282828210",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
              "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005",
              "4917610000000000", "4000000760000002", "5425233430109903", "4263982640269299",
              "4000002500003155", "4000002760003184", "4000000000003220", "4000000000009995", "4000000000000077",
              "4000000000000002", "4000000000009987", "4000000000000101", "4000000000000341", "4100000000000019",
              "4000000000000259", "6555900000604105", "6200000000000047", "4005519200000004", "4009348888881881",
              "4012000033330026", "4012000077777777", "4217651111111119", "4500600000000061", "2223000048400011",
              "378734493671000", "6011000991300009", "3530111333300000", "3566111111111113", "30569309025904",
              "38520000023237", "5454545454545454", "4444333322221111"]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MBI_ALNUM = MBI_ALPHA + "0123456789"
PUBLIC_OCTETS = [23, 24, 45, 47, 50, 64, 66, 67, 68, 69, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107,
                 108, 136, 142, 162, 173, 174, 184, 199, 207, 208, 209, 216]


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fold_ascii(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("ø", "o")
    s = s.replace("ß", "ss").replace("ı", "i").replace("İ", "I").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def lower(s):
    return s.replace("İ", "i").lower()


def name_flags(v):
    fl = ""
    if any(ord(c) > 255 for c in v):
        fl += "+nonlatin1"
    if re.search(r"(?i)\b(de|del|la|los|van|der|den|ní|ó)\b", v) or "'" in v or re.search(r"\w-\w", v):
        fl += "+particle"
    return fl


def fmt_date(d, form):
    y, m, dd = d.year, d.month, d.day
    return {
        "us_slash": "%02d/%02d/%d" % (m, dd, y), "iso": "%d-%02d-%02d" % (y, m, dd),
        "compact_yyyymmdd": "%d%02d%02d" % (y, m, dd), "dd_mon_yyyy": "%02d-%s-%d" % (dd, MON3[m - 1], y),
        "long_month": "%s %d, %d" % (MONTHS[m - 1], dd, y), "us_short_yy": "%d/%d/%02d" % (m, dd, y % 100),
        "us_slash_nopad": "%d/%d/%d" % (m, dd, y), "us_dash": "%02d-%02d-%d" % (m, dd, y),
        "dmy_dot": "%02d.%02d.%d" % (dd, m, y), "dmy_space": "%d %s %d" % (dd, MON3[m - 1], y),
        "mon_d_yyyy": "%s %d %d" % (MON3[m - 1], dd, y), "ymd_slash": "%d/%02d/%02d" % (y, m, dd),
        "iso_midnight": "%d-%02d-%02dT00:00:00" % (y, m, dd),
        "long_ordinal": "%s %s, %d" % (MONTHS[m - 1], ordinal(dd), y),
        "compact_mmddyyyy": "%02d%02d%d" % (m, dd, y), "sas_date9": "%02d%s%d" % (dd, MON3[m - 1].upper(), y),
        "dmy_slash": "%02d/%02d/%d" % (dd, m, y),
    }[form]


def rand_date(r, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


class Ctx:
    def __init__(self, split, seed):
        self.split = split
        self.seed = seed
        self.rng = random.Random("%s/%s" % (seed, split))
        self._pools = {}

    def pool(self, name, items, anchors=()):
        if name not in self._pools:
            self._pools[name] = partition(name, items, anchors)[self.split]
        return self._pools[name]

    def pick(self, name, items, anchors=()):
        return self.rng.choice(self.pool(name, items, anchors))

    def key(self, field):
        return self.pick("key." + field, KEYS[field])

    def label(self, field):
        return self.pick("label." + field, LABELS[field])

    def form(self, ent):
        anc, extra = FORMS[ent]
        r = self.rng
        # anchors carry most of the mass; partitioned extras add unseen variants
        pool = self.pool("form." + ent, anc + extra, anc)
        extras = [f for f in pool if f not in anc]
        if extras and r.random() < 0.35:
            return r.choice(extras)
        return r.choice(anc)

    def chance(self, p):
        return self.rng.random() < p


# -------------------------------- people ------------------------------------------------

class Person:
    def __init__(self, ctx, old=False):
        r = ctx.rng
        cult = r.choice(sorted(NAMES))
        firsts = ctx.pool("first." + cult, NAMES[cult][0])
        lasts = ctx.pool("last." + cult, NAMES[cult][1])
        self.culture = cult
        self.first = r.choice(firsts)
        self.last = r.choice(lasts)
        if r.random() < 0.05 and " " not in self.last:
            c2 = r.choice(sorted(NAMES))
            l2 = r.choice(ctx.pool("last." + c2, NAMES[c2][1]))
            if " " not in l2 and l2 != self.last:
                self.last = self.last + "-" + l2
        self.mi = r.choice(MIDDLE_INITIALS)
        self.middle = r.choice(firsts)
        while self.middle == self.first and len(firsts) > 1:
            self.middle = r.choice(firsts)
        self.suffix = r.choice(SUFFIXES)
        self.sex = r.choice("FM")
        if old:
            self.age = r.randint(90, 104)
            self.dob = rand_date(r, 2024 - self.age - 1, 2024 - self.age - 1)
        else:
            self.dob = rand_date(r, 1936, 2019)
            self.age = 2024 - self.dob.year
        self.city, self.state, self.zip3 = ctx.pick("cities", CITIES)
        self.zip5 = self.zip3 + "%02d" % r.randrange(1, 100)
        self.plus4 = "%04d" % r.randrange(1, 10000)
        self.area = r.choice(AREA_CODES[self.state])
        self.line = "01%02d" % r.randrange(100)
        self.ext = str(r.choice([r.randrange(2, 99), r.randrange(100, 9999)]))
        while True:
            a, g, s = r.randrange(1, 900), r.randrange(1, 100), r.randrange(1, 10000)
            if a != 666:
                break
        self.ssn = "%03d%02d%04d" % (a, g, s)
        self.mrn_seed = r.randrange(10 ** 9)
        self.email_style = r.randrange(8)
        self.email_digits = str(r.choice([r.randrange(1, 99), self.dob.year % 100, self.dob.year]))
        self.domain = ctx.pick("email_domains", EMAIL_DOMAINS)
        self.street_no = str(r.choice([r.randrange(1, 100), r.randrange(100, 1000), r.randrange(1000, 10000),
                                       r.randrange(10000, 99999)]))
        self.street_name = ctx.pick("street_names", STREET_NAMES)
        self.street_suffix = ctx.pick("street_suffix", STREET_SUFFIXES, STREET_SUFFIX_ANCHORS)
        self.dir = r.choice(DIRECTIONALS)
        self.unit = ctx.pick("units", UNITS)
        self.ip4 = gen_ipv4(r)
        self.card = ctx.pick("cards", TEST_CARDS, ["4111111111111111", "5555555555554444", "378282246310005"])
        self.mbi = gen_mbi(r)
        self.member_prefix = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))

    # -- formatting --
    def name(self, form):
        f, l = self.first, self.last
        v = {
            "first_last": "%s %s" % (f, l), "first_mi_last": "%s %s. %s" % (f, self.mi, l),
            "first_middle_last": "%s %s %s" % (f, self.middle, l), "last_comma_first": "%s, %s" % (l, f),
            "last_comma_first_mi": "%s, %s %s." % (l, f, self.mi),
            "upper_last_first": "%s %s" % (l.upper(), f.upper()),
            "upper_last_comma_first": "%s, %s" % (l.upper(), f.upper()),
            "upper_first_last": "%s %s" % (f.upper(), l.upper()),
            "lower_first_last": "%s %s" % (lower(f), lower(l)), "lower_last_first": "%s %s" % (lower(l), lower(f)),
            "first_only": f, "last_only": l, "lower_first_only": lower(f), "upper_first_only": f.upper(),
            "first_initial_last": "%s. %s" % (f[0], l), "first_last_suffix": "%s %s %s" % (f, l, self.suffix),
            "upper_last_only": l.upper(), "upper_first": f.upper(),
        }[form]
        return v, "name_" + form + name_flags(v)

    def phone(self, form):
        a, e, l, x = self.area, "555", self.line, self.ext
        v = {
            "paren": "(%s) %s-%s" % (a, e, l), "dashed": "%s-%s-%s" % (a, e, l), "dots": "%s.%s.%s" % (a, e, l),
            "spaces": "%s %s %s" % (a, e, l), "e164": "+1%s%s%s" % (a, e, l),
            "ext_x": "%s-%s-%s x%s" % (a, e, l, x), "ext_dot": "(%s) %s-%s ext. %s" % (a, e, l, x),
            "plus1_spaces": "+1 %s %s %s" % (a, e, l), "plus1_dashed": "+1-%s-%s-%s" % (a, e, l),
            "one_dashed": "1-%s-%s-%s" % (a, e, l), "paren_nospace": "(%s)%s-%s" % (a, e, l),
            "plain10": "%s%s%s" % (a, e, l), "ext_word": "%s.%s.%s ext %s" % (a, e, l, x),
            "ext_hash": "%s-%s-%s #%s" % (a, e, l, x), "plus1_paren": "+1 (%s) %s-%s" % (a, e, l),
            "one_plain": "1%s%s%s" % (a, e, l), "dots_ext_x": "%s.%s.%sx%s" % (a, e, l, x),
            "asr_digits": " ".join("%s%s%s" % (a, e, l)), "hl7_paren": "(%s)%s-%s" % (a, e, l),
        }[form]
        return v, "phone_" + form

    def phone_int(self, with1=False):
        return int(("1" if with1 else "") + self.area + "555" + self.line)

    def dob_s(self, form):
        return fmt_date(self.dob, form), "dob_" + form

    def ssn_s(self, form):
        s = self.ssn
        v = {"dashed": "%s-%s-%s" % (s[:3], s[3:5], s[5:]), "plain": s, "spaces": "%s %s %s" % (s[:3], s[3:5], s[5:]),
             "dots": "%s.%s.%s" % (s[:3], s[3:5], s[5:]), "dash_space": "%s - %s - %s" % (s[:3], s[3:5], s[5:]),
             "last4": s[5:]}[form]
        return v, "ssn_" + form

    def email(self, form):
        f = re.sub(r"[^a-z]", "", lower(fold_ascii(self.first)))
        l = re.sub(r"[^a-z]", "", lower(fold_ascii(self.last)))
        st = self.email_style
        local = [f + "." + l, f[0] + l, f + l[0] + self.email_digits, f + "_" + l, l + "." + f,
                 f + "." + l + self.email_digits, f + l, l + f[0]][st]
        dom = self.domain
        if form == "plus_addressed":
            local += "+" + ["portal", "rx", "clinic", "appts", "billing", "mychart"][self.mrn_seed % 6]
        elif form == "subdomain":
            dom = ["alumni.example.edu", "mail.example-health.org", "patients.example.org", "cs.example.ac.uk",
                   "students.example.edu", "staff.example-clinic.com", "members.example-plan.com",
                   "mychart.example.org"][self.mrn_seed % 8]
        elif form == "mixed_case":
            local = self.first.split()[0] + "." + fold_ascii(self.last).replace(" ", "")
            local = re.sub(r"[^A-Za-z.\-]", "", local)
        elif form == "dotted_initials":
            local = "%s.%s.%s" % (f[0], lower(self.mi), l)
        elif form == "digits":
            local = l + f[:2] + str(self.dob.year)
        return local + "@" + dom, "email_" + form

    def street(self, form, upper=False):
        n, nm, sf, d, u = self.street_no, self.street_name, self.street_suffix, self.dir, self.unit
        v = {
            "num_name_suffix": "%s %s %s" % (n, nm, sf), "num_dir_name_suffix": "%s %s %s %s" % (n, d, nm, sf),
            "with_unit": "%s %s %s %s" % (n, nm, sf, u), "po_box": "%s %s" % (["PO Box", "P.O. Box", "POB"][int(n) % 3], n),
            "with_unit_comma": "%s %s %s, %s" % (n, nm, sf, u),
            "numbered": "%s %s %s %s" % (n, d, ordinal(int(n) % 120 + 1), ["St", "Ave", "Street", "Ave."][int(n) % 4]),
            "rural_route": "RR %d Box %d" % (int(n) % 9 + 1, int(n) % 300 + 1),
            "highway": "%s %s %d" % (n, ["State Hwy", "County Road", "US Highway", "FM"][int(n) % 4], int(n) % 97 + 1),
            "fraction": "%s 1/2 %s %s" % (n, nm, sf), "hyphen_num": "%d-%02d %s %s" % (int(n) % 200 + 1, int(n) % 99, nm, sf),
        }[form]
        if upper:
            v = v.upper()
        return v, "street_" + form + ("_upper" if upper else "")

    def zip_s(self, form):
        if form == "zip5":
            return self.zip5, "zip5"
        if form == "zip9":
            return self.zip5 + "-" + self.plus4, "zip9"
        return self.zip5 + self.plus4, "zip9_nodash"

    def mrn(self, form):
        s = self.mrn_seed
        v = {"digits7": "%07d" % (s % 9000000 + 1000000), "digits8_zero": "00%06d" % (s % 1000000),
             "alpha1_digits": "%s%07d" % ("EAMKPT"[s % 6], s % 10000000),
             "alnum_dash": "%s-%04d-%04d" % ("ABCDHM"[s % 6], s % 10000, (s // 10000) % 10000),
             "digits10": "%010d" % (s * 7 % 10 ** 10), "alpha3_digits": "%s%07d" % (["HSP", "MCH", "RMC", "UHS"][s % 4], s % 10 ** 7),
             "dashed_grp": "%02d-%02d-%04d" % (s % 100, (s // 100) % 100, (s // 10000) % 10000),
             "year_dash": "%d-%07d" % (2005 + s % 19, s % 10 ** 7), "digits6": "%06d" % (s % 900000 + 100000)}[form]
        return v, "mrn_" + form

    def member(self, form):
        s = self.mrn_seed
        v = {"alpha3_digits9": "%s%09d" % (self.member_prefix, s), "w_digits9": "W%09d" % (s * 3 % 10 ** 9),
             "digits9_suffix": "%09d-%02d" % (s * 7 % 10 ** 9, s % 4 + 1),
             "alnum11": "".join("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[(s >> (3 * i)) % 34] for i in range(11)),
             "medicaid8": "%s%05d%s" % (self.member_prefix[:2], s % 100000, "ABCDEFGH"[s % 8])}[form]
        return v, "member_" + form

    def account(self, form):
        s = self.mrn_seed
        v = {"digits10": "77%08d" % (s % 10 ** 8), "alpha_digits": "%s%08d" % (["H", "PA", "V", "G"][s % 4], s * 11 % 10 ** 8),
             "dash_digits": "%d-%06d" % (s % 90 + 10, s % 10 ** 6), "digits9": "%09d" % (s * 13 % 10 ** 9)}[form]
        return v, "account_" + form

    def mbi_s(self, form):
        m = self.mbi
        return (m if form == "plain" else "%s-%s-%s" % (m[:4], m[4:7], m[7:])), "mbi_" + form

    def card_s(self, form):
        c = self.card
        if form == "plain16":
            v = c
        elif len(c) == 15:
            v = "%s %s %s" % (c[:4], c[4:10], c[10:]) if form != "dashes" else "%s-%s-%s" % (c[:4], c[4:10], c[10:])
        elif len(c) == 14:
            v = "%s %s %s" % (c[:4], c[4:10], c[10:])
        else:
            sep = "-" if form == "dashes" else " "
            v = sep.join(c[i:i + 4] for i in range(0, 16, 4))
        return v, "card_" + form + ("_amex" if len(c) == 15 else "")


def gen_mbi(r):
    m = (r.choice("123456789") + r.choice(MBI_ALPHA) + r.choice(MBI_ALNUM) + r.choice("0123456789") +
         r.choice(MBI_ALPHA) + r.choice(MBI_ALNUM) + r.choice("0123456789") + r.choice(MBI_ALPHA) +
         r.choice(MBI_ALPHA) + r.choice("0123456789") + r.choice("0123456789"))
    assert mbi_ok(m)
    return m


def gen_npi(r):
    p = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    n = p + luhn_check_digit("80840" + p)
    assert npi_ok(n)
    return n


def gen_ein(r):
    pre = r.choice([10, 12, 20, 23, 26, 27, 30, 31, 35, 36, 41, 45, 46, 47, 52, 54, 61, 62, 71, 74, 81, 84, 86, 88, 91, 94, 95])
    return "%02d" % pre, "%07d" % r.randrange(10 ** 6, 10 ** 7)


def gen_ipv4(r):
    if r.random() < 0.3:
        base = r.choice(["192.0.2.", "198.51.100.", "203.0.113."])
        return base + str(r.randrange(1, 255))
    return "%d.%d.%d.%d" % (r.choice(PUBLIC_OCTETS), r.randrange(0, 256), r.randrange(0, 256), r.randrange(1, 255))


def gen_ipv6(r, form):
    h = lambda: "%x" % r.randrange(0x1, 0x10000)
    if form == "ipv6_full":
        pre = r.choice(["2600:1700", "2601:%x" % r.randrange(0x100, 0xfff), "2a02:%x" % r.randrange(0x100, 0xfff), "2001:db8"])
        return pre + ":" + ":".join(h() for _ in range(6))
    if form == "ipv4_mapped_v6":
        return "::ffff:" + gen_ipv4(r)
    pre = r.choice(["2001:db8", "2600:1700", "2607:fb90", "2603:%x" % r.randrange(0x6000, 0x9fff)])
    return "%s:%s:%s::%s" % (pre, h(), h(), h())


class Provider:
    def __init__(self, ctx):
        p = Person(ctx)
        self.p = p
        self.npi = gen_npi(ctx.rng)

    def dr(self, ctx, cue="same"):
        """Segments for a provider mention: title/credential stays outside the span."""
        r = ctx.rng
        k = r.randrange(5)
        if k == 0:
            return ["Dr. ", P(self.p.last, "NAME", cue, "name_provider_last" + name_flags(self.p.last))]
        if k == 1:
            v = "%s %s" % (self.p.first, self.p.last)
            return ["Dr. ", P(v, "NAME", cue, "name_provider_first_last" + name_flags(v))]
        if k == 2:
            v = "%s %s" % (self.p.first, self.p.last)
            return [P(v, "NAME", cue, "name_provider_credential" + name_flags(v)), r.choice([", MD", ", DO", " NP", ", PA-C", " MD"])]
        if k == 3:
            v = "%s %s. %s" % (self.p.first, self.p.mi, self.p.last)
            return ["Dr. ", P(v, "NAME", cue, "name_provider_first_mi_last" + name_flags(v))]
        v = "%s, %s" % (self.p.last.upper(), self.p.first.upper())
        return ["provider ", P(v, "NAME", cue, "name_provider_upper_last_comma_first" + name_flags(v))]


# ----------------------------------------------------------------------------------------
# negatives
# ----------------------------------------------------------------------------------------

ICD10 = _w("E11.9|I10|J45.909|M54.5|Z00.00|F41.1|E78.5|K21.9|N39.0|R07.9|J06.9|E66.9|G43.909|M17.11|"
           "Z23|I48.91|E03.9|F32.A|R51.9|L40.0|C50.911|O24.419|Z79.4|N18.3|B34.9|S93.401A")
CPT = _w("99213|99214|99203|93000|80053|85025|36415|90471|90686|71046|97110|99396|G0438|J1100|"
         "81002|87635|99442|20610|11721|96372")
NDC = _w("0002-3227-30|00169-4132-12|0088-2220-33|0003-0894-21|50090-3471-0|0078-0659-20|"
         "0006-0277-31|0597-0152-30|0071-0155-23|68180-0513-01|0173-0859-10|63323-0262-01")
LOINC = _w("4548-4|2345-7|2160-0|718-7|2093-3|13457-7|33914-3|14647-2|1742-6|6690-2|789-8|17861-6")
DOSES = _w("5 mg|10mg/kg|500 mg PO BID|0.5 mL|10 units|2.5 mg daily|40 mg|1 g IV q8h|25 mcg|"
           "81 mg|0.4 mg SL|100 units/mL|20 mEq|1,000 mg|12.5 mg|3 mL")
VITALS = _w("BP 128/84|HR 72|SpO2 97%|Temp 98.6 F|RR 16|wt 82.5 kg|BMI 27.4|BP 142/91|glucose 143 mg/dL|"
            "A1c 7.2%|pain 4/10|HR 104 bpm|T 37.8C|BP 118/76")
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
       "okhttp/4.12.0", "MyChartMobile/11.4.2 (Android 14; Pixel 7)", "python-requests/2.31.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
       "curl/8.4.0", "Apache-HttpClient/4.5.14 (Java/17.0.9)", "Go-http-client/2.0",
       "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Dalvik/2.1.0 (Linux; U; Android 13; SM-S911U Build/TP1A.220624.014)"]


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


assert all(luhn_ok(c) for c in TEST_CARDS)


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def neg(ctx, kind):
    r = ctx.rng
    if kind in ("appt_date", "visit_date"):
        d = rand_date(r, 2023, 2025)
        f = r.randrange(7)
        v = ["%d-%02d-%02d" % (d.year, d.month, d.day), "%02d/%02d/%d" % (d.month, d.day, d.year),
             "%s %d" % (MON3[d.month - 1], d.day), "%d/%d" % (d.month, d.day),
             "%s %02d/%02d/%d" % (d.strftime("%a"), d.month, d.day, d.year),
             "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year), "%d/%d/%02d" % (d.month, d.day, d.year % 100)][f]
        return N(v, "appointment_date" if kind == "appt_date" else "visit_date")
    if kind == "service_date":
        d = rand_date(r, 2023, 2025)
        return N("%d%02d%02d" % (d.year, d.month, d.day), "service_date_compact")
    if kind == "appt_time":
        return N(r.choice(["%d:%02d AM" % (r.randrange(7, 12), r.choice([0, 15, 30, 45])),
                           "%d:%02d PM" % (r.randrange(1, 6), r.choice([0, 15, 30, 45])),
                           "%02d:%02d" % (r.randrange(7, 18), r.choice([0, 15, 30, 45]))]), "time")
    if kind == "ts_iso":
        d = rand_date(r, 2023, 2025)
        return N("%d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (d.year, d.month, d.day, r.randrange(24), r.randrange(60),
                                                         r.randrange(60), r.randrange(1000)), "timestamp_iso8601")
    if kind == "epoch_s":
        return N(str(r.randrange(1672531200, 1751328000)), "epoch_seconds")
    if kind == "epoch_ms":
        return N(str(r.randrange(1672531200000, 1751328000000)), "epoch_millis")
    if kind == "uuid":
        return N(uuid4(r), "uuid")
    if kind == "reqid":
        return N(r.choice(["req-", "req_", "rid-", ""]) + hexs(r, r.choice([12, 16, 20])), "request_id")
    if kind == "trace":
        return N(hexs(r, 32), "trace_id")
    if kind == "span":
        return N(hexs(r, 16), "span_id")
    if kind == "sha":
        return N(hexs(r, r.choice([40, 64])), "hash")
    if kind == "claim":
        return N(r.choice(["CLM-%d-%07d" % (r.randrange(2023, 2026), r.randrange(10 ** 7)),
                           "%d%02d%02d%08d" % (r.randrange(2023, 2026), r.randrange(1, 13), r.randrange(1, 29), r.randrange(10 ** 8)),
                           "C%010d" % r.randrange(10 ** 10)]), "claim_number")
    if kind == "order":
        return N(r.choice(["ORD-%06d" % r.randrange(10 ** 6), "%09d" % r.randrange(10 ** 8, 10 ** 9),
                           "SO%07d" % r.randrange(10 ** 7)]), "order_number")
    if kind == "invoice":
        return N("INV-%d-%05d" % (r.randrange(2023, 2026), r.randrange(10 ** 5)), "invoice_number")
    if kind == "confirmation":
        return N(r.choice(["CNF", "", "K"]) + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)), "confirmation_code")
    if kind == "rx":
        return N(str(r.randrange(1000000, 9999999)), "rx_number")
    if kind == "ticket":
        return N("INC%07d" % r.randrange(10 ** 7), "ticket_number")
    if kind == "ctrl":
        return N("%09d" % r.randrange(10 ** 8, 10 ** 9), "control_number")
    if kind == "icd10":
        return N(r.choice(ICD10), "icd10")
    if kind == "cpt":
        return N(r.choice(CPT), "cpt")
    if kind == "ndc":
        return N(r.choice(NDC), "ndc")
    if kind == "loinc":
        return N(r.choice(LOINC), "loinc")
    if kind == "dose":
        return N(r.choice(DOSES), "dose")
    if kind == "vital":
        return N(r.choice(VITALS), "vital")
    if kind == "drug":
        return N(r.choice(DRUG_NAMES), "drug_name")
    if kind == "eponym":
        return N(r.choice(EPONYMS), "disease_eponym")
    if kind == "version":
        return N(r.choice(["v%d.%d.%d" % (r.randrange(1, 6), r.randrange(20), r.randrange(30)),
                           "%d.%d.%d" % (r.randrange(1, 4), r.randrange(30), r.randrange(40)),
                           "%d.%d.%d-rc.%d" % (r.randrange(1, 4), r.randrange(10), r.randrange(10), r.randrange(1, 5))]), "version")
    if kind == "ipver":
        return N(r.choice(["10.0.19045.%d" % r.randrange(1000, 4000), "6.1.7601.%d" % r.randrange(17000, 24000),
                           "%d.%d.%d.%d" % (r.randrange(1, 5), r.randrange(10), r.randrange(10), r.randrange(100)),
                           "120.0.6099.%d" % r.randrange(1, 300)]), "ip_like_version")
    if kind == "ua":
        return N(r.choice(UAS), "user_agent")
    if kind == "build":
        d = rand_date(r, 2023, 2025)
        return N(r.choice(["%d%02d%02d.%d" % (d.year, d.month, d.day, r.randrange(1, 9)), "b%d" % r.randrange(1000, 99999),
                           "%d.%d.%d+%s" % (r.randrange(1, 4), r.randrange(10), r.randrange(20), hexs(r, 7))]), "build_number")
    if kind == "port":
        return N(str(r.choice([443, 8443, 8080, 5432, 6379, 2575, 9200, r.randrange(32768, 61000)])), "port")
    if kind == "pid":
        return N(str(r.randrange(100, 65000)), "pid")
    if kind == "bytes":
        return N(str(r.choice([r.randrange(100, 99999), r.randrange(100000, 99999999)])), "byte_count")
    if kind == "status":
        return N(str(r.choice([200, 200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 500, 502, 503])), "http_status")
    if kind == "duration":
        return N(r.choice(["%dms" % r.randrange(1, 5000), "%.3fs" % (r.random() * 9), "%d ms" % r.randrange(1, 900),
                           "%.1fms" % (r.random() * 400)]), "duration")
    if kind == "price":
        return N(r.choice(["$%d.%02d" % (r.randrange(5, 2500), r.randrange(100)), "%d.%02d" % (r.randrange(5, 2500), r.randrange(100)),
                           "USD %d.%02d" % (r.randrange(5, 900), r.randrange(100))]), "price")
    if kind == "count":
        return N(str(r.randrange(2, 50000)), "count")
    if kind == "room":
        return N("room-" + hexs(r, 10), "room_id")
    if kind == "callsid":
        return N("CA" + hexs(r, 32), "call_sid")
    if kind == "pod":
        return N("%s-%s-%s" % (r.choice(["sched-api", "eligibility-worker", "claims-svc", "portal-web", "hl7-bridge"]),
                               hexs(r, 9), "".join(r.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))), "pod_name")
    if kind == "rxnorm":
        return N(str(r.choice([197361, 860975, 311040, 1373463, 617314, 213269])), "rxnorm")
    if kind == "lab":
        return N(r.choice(["7.2 %", "143 mg/dL", "4.1 mmol/L", "0.9 mg/dL", "13.2 g/dL", "250 x10^3/uL"]), "lab_value")
    raise KeyError(kind)


# ----------------------------------------------------------------------------------------
# template mini-language for log messages
#   {ENT[i][:cue[:form]]}  PHI of person i (1 default); ENT in NAME FIRST LAST DR DOB SSN SSN4 PHONE
#                          EMAIL STREET CITY STATE STATEFULL ZIP MRN MEMBER ACCT TAXID NPI MBI CARD IP IP6 AGE
#   {~kind} negative, {~w:Word} name-like word used as a plain word
#   {@field} a label from the split's label pool, {$filler} plain filler, {{ }} literal braces
# ----------------------------------------------------------------------------------------

PH_RE = re.compile(r"\{\{|\}\}|\{([A-Z][A-Z0-9_]*?)(\d?)(?::(same|prev|none))?(?::([a-z0-9_]+))?\}"
                   r"|\{~(w:[A-Za-z]+|[a-z_0-9]+)\}|\{@([a-z0-9]+)\}|\{\$([a-z_]+)\}")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


class Scene:
    def __init__(self, ctx, old=False):
        self.ctx = ctx
        self.people = {}
        self.old = old
        self.prov = None
        self.npis = {}
        self.eins = {}

    def person(self, i=1):
        if i not in self.people:
            self.people[i] = Person(self.ctx, old=(self.old and i == 1))
        return self.people[i]

    def provider(self):
        if self.prov is None:
            self.prov = Provider(self.ctx)
        return self.prov

    def npi(self, i=1):
        if i == 1:
            return self.provider().npi
        if i not in self.npis:
            self.npis[i] = gen_npi(self.ctx.rng)
        return self.npis[i]


def filler(ctx, name, S):
    r = ctx.rng
    if name == "payer":
        return ctx.pick("payers", PAYERS)
    if name == "clinic":
        return ctx.pick("clinics", CLINICS)
    if name == "reason":
        return r.choice(VISIT_REASONS)
    if name == "weekday":
        return r.choice(WEEKDAYS)
    if name == "dept":
        return r.choice(["cardiology", "ortho", "peds", "oncology", "radiology", "billing", "pharmacy", "triage"])
    raise KeyError(name)


def ent_segs(ctx, S, code, i, cue, form):
    r = ctx.rng
    p = S.person(i)
    if code == "NAME":
        v, f = p.name(form or ctx.form("NAME"))
        return [P(v, "NAME", cue, f)]
    if code == "FIRST":
        v, f = p.name(form or "first_only")
        return [P(v, "NAME", cue, f)]
    if code == "LAST":
        v, f = p.name(form or "last_only")
        return [P(v, "NAME", cue, f)]
    if code == "DR":
        return S.provider().dr(ctx, cue)
    if code == "DOB":
        v, f = p.dob_s(form or ctx.form("DOB"))
        return [P(v, "DOB", cue, f)]
    if code == "SSN":
        v, f = p.ssn_s(form or ctx.form("SSN"))
        return [P(v, "SSN", cue, f)]
    if code == "SSN4":
        v, f = p.ssn_s("last4")
        return [P(v, "SSN", cue, f)]
    if code == "PHONE":
        v, f = p.phone(form or ctx.form("PHONE"))
        return [P(v, "PHONE", cue, f)]
    if code == "EMAIL":
        v, f = p.email(form or ctx.form("EMAIL"))
        return [P(v, "EMAIL", cue, f)]
    if code == "STREET":
        up = bool(form and form.endswith("_upper"))
        fm = form[:-6] if up else form
        v, f = p.street(fm or ctx.form("STREET"), upper=up)
        return [P(v, "STREET", cue, f)]
    if code == "CITY":
        v = p.city.upper() if form == "upper" else p.city
        return [P(v, "CITY", cue, "city" + ("_upper" if form == "upper" else "") + name_flags(v).replace("+particle", "+punct"))]
    if code == "STATE":
        return [p.state]
    if code == "STATEFULL":
        return [STATE_NAMES[p.state]]
    if code == "ZIP":
        v, f = p.zip_s(form or ctx.form("ZIP"))
        return [P(v, "ZIP", cue, f)]
    if code == "MRN":
        v, f = p.mrn(form or ctx.form("MRN"))
        return [P(v, "MRN", cue, f)]
    if code == "MEMBER":
        v, f = p.member(form or ctx.form("MEMBER_ID"))
        return [P(v, "MEMBER_ID", cue, f)]
    if code == "ACCT":
        v, f = p.account(form or ctx.form("ACCOUNT"))
        return [P(v, "ACCOUNT", cue, f)]
    if code == "TAXID":
        fm = form or ctx.form("TAX_ID")
        if fm == "itin":
            grp = r.choice(list(range(70, 89)) + list(range(90, 93)) + list(range(94, 100)))
            v = "9%02d-%02d-%04d" % (r.randrange(100), grp, r.randrange(1, 10000))
        else:
            a, b = S.eins.setdefault(i, gen_ein(r))
            v = "%s-%s" % (a, b) if fm == "ein_dashed" else a + b
        return [P(v, "TAX_ID", cue, "taxid_" + fm)]
    if code == "NPI":
        return [P(S.npi(i), "NPI", cue, "npi_" + (form or "plain"))]
    if code == "MBI":
        v, f = p.mbi_s(form or ctx.form("MBI"))
        return [P(v, "MBI", cue, f)]
    if code == "CARD":
        v, f = p.card_s(form or ctx.form("CARD"))
        return [P(v, "CARD", cue, f)]
    if code == "IP":
        return [P(p.ip4, "IP", cue, "ipv4")]
    if code == "IP6":
        fm = form or r.choice(["ipv6_compressed", "ipv6_compressed"] + [f for f in ctx.pool("form.IP", FORMS["IP"][0] + FORMS["IP"][1], FORMS["IP"][0]) if f.startswith("ipv") and f != "ipv4"])
        if fm == "ipv4":
            fm = "ipv6_compressed"
        return [P(gen_ipv6(r, fm), "IP", cue, fm)]
    if code == "AGE":
        return [P(str(p.age), "AGE", cue, "age_" + (form or "number"))]
    raise KeyError(code)


def expand(ctx, tpl, S):
    segs, pos = [], 0
    for m in PH_RE.finditer(tpl):
        segs.append(tpl[pos:m.start()])
        pos = m.end()
        t = m.group(0)
        if t == "{{":
            segs.append("{")
        elif t == "}}":
            segs.append("}")
        elif m.group(1):
            segs.extend(ent_segs(ctx, S, m.group(1), int(m.group(2) or 1), m.group(3) or "same", m.group(4)))
        elif m.group(5):
            w = m.group(5)
            segs.append(N(w[2:], "name_like_word") if w.startswith("w:") else neg(ctx, w))
        elif m.group(6):
            segs.append(ctx.label(m.group(6)))
        elif m.group(7):
            segs.append(filler(ctx, m.group(7), S))
    segs.append(tpl[pos:])
    return [s for s in segs if not (isinstance(s, str) and s == "")]


MSG_TEMPLATES = [
    # scheduling
    "appointment confirmed for {NAME:none:upper_last_first} on {~appt_date} at {~appt_time} with {DR}",
    "Left voicemail for {NAME:none:first_only} re: {~appt_date} appointment; callback {PHONE:same}",
    "reminder sms queued to={PHONE:same} patient={NAME:same} slot={~appt_date} {~appt_time}",
    "No-show recorded: {NAME:none:last_comma_first} MRN {MRN:same} missed {~appt_time} visit",
    "Rescheduled visit {~confirmation} for patient {NAME:same} from {~appt_date} to {~appt_date}",
    "waitlist add: {NAME:none} ({PHONE:none}) prefers {$weekday} mornings",
    "{~w:Will} retry booking for {EMAIL:none} in 30s (attempt 2/5)",
    "check-in kiosk: {NAME:none:first_initial_last} verified {@dob}{DOB:same} at {$clinic}",
    "slot hold expired for {NAME:none:lower_first_last} (conf {~confirmation})",
    "template rendered: Dear {NAME:same:last_comma_first}, your appointment on {~appt_date} is confirmed.",
    "appt_reminder body=\"Hi {NAME:same:first_only}, this is {$clinic} reminding you of your visit {~appt_date} at {~appt_time}.\"",
    "cancel request from {PHONE:none} matched {NAME:none} ({~confirmation})",
    "new patient intake started: {NAME:none}, {@dob}{DOB:same}, {@phone}{PHONE:same}",
    "scheduled {$reason} for {NAME:none:upper_last_comma_first} with {DR} on {~appt_date}",
    # eligibility / benefits
    "270 request subscriber={NAME:same:upper_last_first} dob={DOB:same:compact_yyyymmdd} member_id={MEMBER:same} payer={$payer} trace={~trace}",
    "eligibility check failed: birthdate mismatch (expected {DOB:same}, got {DOB2:same})",
    "271 response: {NAME:same} coverage active, plan {$payer}, {@member}{MEMBER:same}",
    "AAA*N**72 Invalid/Missing Subscriber/Insured ID for {MEMBER:none} ({NAME:none:upper_last_comma_first})",
    "MBI lookup ok mbi={MBI:same} name={NAME:same}",
    "Medicare beneficiary {MBI:same} not found; retrying with SSN {SSN:same}",
    "HETS 270 for {MBI:none:dashed} returned AAA 75 (Subscriber/Insured Not Found)",
    "coverage discovery matched {NAME:none} {DOB:none} to {$payer} member {MEMBER:same}",
    "benefits cache miss key=elig:{MEMBER:none}:{~service_date}",
    "insurance card OCR: name={NAME:same:upper_first_last} member={MEMBER:same} group=GRP{~count} rxbin={~rx}",
    # claims / billing
    "claim {~claim} accepted: billing NPI {NPI:same} tax_id={TAXID:same} patient acct {ACCT:same} total {~price}",
    "837P rejected: subscriber SSN {SSN:same} does not match payer records (claim {~claim})",
    "ERA 835 posted {~price} for {NAME:none:upper_last_comma_first} acct {ACCT:same} CPT {~cpt} dx {~icd10}",
    "statement mailed to {NAME:none} at {STREET:none}, {CITY:none}, {STATE} {ZIP:none}",
    "{~w:Bill} to insurance: yes; guarantor {NAME:same} {@account}{ACCT:same}",
    "payment declined card={CARD:same} zip={ZIP:same} amount={~price} reason=do_not_honor",
    "collections export row: {ACCT:none},{NAME:none:upper_last_first},{PHONE:none:plain10},{~price}",
    "vendor W-9 on file, EIN {TAXID:same:ein_dashed}; remit {~price} invoice {~invoice}",
    "self-pay estimate {~price} for {ACCT:none} (ITIN {TAXID:same:itin})",
    "{~w:Grace} period expires in 30 days for account {ACCT:same}",
    "1099 generated for provider TIN {TAXID:same} NPI {NPI:same}",
    # pharmacy
    "Rx {~rx} filled for {NAME:none:upper_last_comma_first} DOB {DOB:same} NDC {~ndc} {~drug} {~dose}",
    "refill request: patient {NAME:same} requests {~drug} {~dose}, pharmacy callback {PHONE:same}",
    "PDMP query for {NAME:none:last_comma_first} ({DOB:none:us_slash}) returned 3 records",
    "prior auth submitted for {~drug}; prescriber NPI {NPI:same}; member {MEMBER:same}; ref {~ctrl}",
    "NewRx sent: {~drug} {~dose} qty 30; patient {NAME:same} {@dob}{DOB:same}",
    "med reconciliation: {NAME:none} reports taking {~drug} for {~eponym}",
    "{~w:May} cause drowsiness label printed for {~drug}; bag tag {NAME:none:upper_first_last}",
    "courier delivery of {~drug} {~dose} to {STREET:none}, {CITY:none} {STATE} {ZIP:none}; signed by {NAME2:none:first_initial_last}",
    # portal / auth
    "login success user={EMAIL:same} ip={IP:same} ua=\"{~ua}\"",
    "password reset requested for {EMAIL:none}",
    "MFA code sent via sms to {PHONE:same}",
    "{~w:Grant} proxy access: requester {EMAIL:same} -> patient {NAME:same}",
    "signup: {EMAIL:none} {PHONE:none} {DOB:none:us_slash}",
    "account locked after 5 failed attempts for {EMAIL:none} from {IP:none}",
    "secure message from {NAME:none:first_last} <{EMAIL:none}> subject=\"question about {~drug}\"",
    "identity proofing: {NAME:same} {@ssn4}{SSN4:same} {@dob}{DOB:same} result=PASS score={~count}",
    "user {EMAIL:same} updated profile field=home_address value=\"{STREET:prev}, {CITY:prev}, {STATE} {ZIP:prev}\"",
    "user {EMAIL:same} updated profile field=dob old={DOB:prev} new={DOB2:prev}",
    "user {EMAIL:same} updated profile field=mobile value={PHONE:prev}",
    # telehealth
    "participant joined room={~room} display_name=\"{NAME:same}\" remote={IP:same}:{~port}",
    "waiting room: {NAME:none:first_only} admitted by {DR}",
    "ICE candidate host {IP6:none} udp {~port} for session {~uuid}",
    "SFU: client {IP:same} jitter {~duration} loss 0.3% (visit {~uuid})",
    "visit summary emailed to {EMAIL:same} after consult with {DR}",
    # interface engine
    "ADT^A08 update for MRN {MRN:same}: name changed to {NAME:same:upper_last_comma_first}",
    "MLLP ACK AE for control id {~ctrl}: PID-7 invalid value '{DOB:prev:compact_yyyymmdd}'",
    "patient merge: source MRN {MRN:same} -> target MRN {MRN2:same} ({NAME:none})",
    "ORU^R01 result {~loinc} {~lab} for {NAME:none:upper_last_first} DOB {DOB:same:compact_yyyymmdd}",
    "duplicate patient suspected: {NAME:none} {DOB:none} vs {NAME2:none} {DOB2:none} score=0.93",
    "inbound fax {PHONE:same:plain10} routed to referrals queue ({~count} pages)",
    # call centre / free text
    "call note: spoke with {NAME2:none:first_only}, daughter of patient, re {~drug} refill",
    "caller verified identity with DOB {DOB:same:long_month} and zip {ZIP:same}",
    "caller stated: my name is {NAME:same:lower_last_first}",
    "transcript: patient says her date of birth is {DOB:same:long_ordinal}",
    "agent note: patient asked us to call her at {PHONE:same:spaces} after 5pm",
    "callback ticket {~ticket} closed. Contact: {NAME:same}",
    "escalated to nurse line; Contact: {NAME2:same} {PHONE2:none}",
    "{~w:Hope} Valley Clinic fax queue: new referral for {NAME:none:upper_last_first}",
    "transport booked for {NAME:none} pickup at {STREET:none} {CITY:none} {STATE} {ZIP:none}",
    "home health visit address: {STREET:same}, {CITY:same}, {STATE} {ZIP:same}",
    "emergency contact updated: {NAME2:same} rel=spouse phone={PHONE2:same}",
    "pt's son {NAME2:same:first_only} to pick up {~drug} {~dose}",
    "fall-risk flag: patient is {AGE:same} y/o, {~eponym} on problem list",
    "geriatric protocol triggered: {AGE:same}-year-old, {~vital}",
    "hospice eligibility review: age {AGE:same}, dx {~icd10}",
    "Text from {NAME:none:first_only}: running 10 min late",
    "voicemail transcript: hi this is {NAME:same:lower_first_last} calling about my {~drug} prescription call me back at {PHONE:same:asr_digits}",
    "greeting rendered: Good morning {NAME:same:first_only}!",
    "{NAME:none:first_last} checked in at {~appt_time}",
    "assigned bed 4W-12 to {NAME:none:upper_last_comma_first}",
    "Mrs. {LAST:same} requests callback re {~eponym} education",
    # errors
    "ValueError: time data '{DOB:none:compact_yyyymmdd}' does not match format '%Y-%m-%d'",
    "java.lang.NumberFormatException: For input string: \"{SSN:none:dashed}\"",
    "InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String \"{DOB:none:us_slash}\"",
    "KeyError: '{LAST:none}'",
    "Field error in object 'patientForm' on field 'ssn': rejected value [{SSN:prev}]; codes [Pattern.patientForm.ssn]",
    "Field error in object 'registration' on field 'phoneNumber': rejected value [{PHONE:prev}]",
    "ValidationError: 1 validation error for Patient email value is not a valid email address [type=value_error, input_value='{EMAIL:prev}', input_type=str]",
    "Duplicate entry '{SSN:same:plain}' for key 'patients.uniq_ssn'",
    "ERROR: duplicate key value violates unique constraint \"patient_mrn_key\" DETAIL: Key (mrn)=({MRN:same}) already exists.",
    "NPPES lookup failed for {NPI:none}: timeout after {~duration}",
    "WARN unmapped field in payload: {{\"pt_cell\": \"{PHONE:same}\", \"pt_zip\": \"{ZIP:same}\"}}",
    "could not parse address line '{STREET:none}' (no city)",
    # labs / clinical
    "critical value called to {DR}: K+ 6.2 for {NAME:none:upper_last_comma_first} ({MRN:none})",
    "specimen label printed: {NAME:none:upper_last_comma_first} {DOB:none:us_slash} {MRN:none}",
    "vitals recorded for {MRN:same}: {~vital}, {~vital}",
    "{~w:Mark} as read: result {~loinc} for patient {NAME:same}",
    "allergy list updated for {NAME:none}: penicillin (hives)",
    "{~w:Faith} Community Health Center: {NAME:none} screened for {~eponym}",
    # misc
    "export job {~uuid} wrote {~count} rows; first row mrn={MRN:same}",
    "search q=\"{NAME:none:lower_first_last}\" returned {~count} hits in {~duration}",
    "search q=\"{PHONE:none}\" returned 1 hit in {~duration}",
    "lookup by ssn q={SSN:prev:plain} returned {~count} candidates",
    "webhook POST /api/intake body.phone={PHONE:same} body.email={EMAIL:same}",
    "cache set patient:{MRN:same}:summary ttl=300",
    "GET /api/v2/patients/{MRN:prev}/allergies {~status} {~duration}",
    "audit: user nurse_{~count} viewed chart {MRN:same} ({NAME:none}) reason=treatment",
    "courier pickup confirmed for {STREET:none}, {CITY:none} {STATE} {ZIP:none}; contact {PHONE:same}",
    "DME order {~order}: ship to {NAME:none} {STREET:none} {CITY:none}, {STATE} {ZIP:none:zip9}",
    "mailing label: {NAME:none:upper_first_last} / {STREET:none:with_unit_upper} / {CITY:none:upper} {STATE} {ZIP:none}",
    "patient relocated to {CITY:none}, {STATEFULL}; update PCP assignment",
    "consent signed by {NAME:none} (guardian of {NAME2:none:first_only}) on {~appt_date}",
    "ssn verification request ssn={SSN:same:plain} name={NAME:same:upper_last_first} dob={DOB:same:compact_yyyymmdd}",
    "credentialing: {DR} NPI {NPI:same} taxonomy 207Q00000X",
    "referral from {DR} (NPI {NPI:same}) for {NAME:none} re {~eponym}",
    "ambulance run {~order}: pt {AGE:same}yo, {~vital}",
    "client {IP6:same} requested /fhir/Patient?_id={~uuid} {~status}",
    "rate limit exceeded for {IP:none} ({~count} req/min)",
    "X-Forwarded-For: {IP:same}, {IP2:same}",
    "tokenization failed for pan={CARD:same} err=invalid_expiry",
    "card on file updated: {CARD:same:spaces} for guarantor {NAME:same}",
    "MSP questionnaire completed for beneficiary {MBI:same} ({NAME:none:upper_last_first})",
    "wristband printed {NAME:none:upper_last_comma_first} {MRN:none} {AGE:none}Y {~service_date}",
    "portal invite sent to {EMAIL:none} for minor {NAME2:none:first_only}",
    "{~w:Will} call {NAME:none:first_only} back tomorrow at {PHONE:same:dots}",
    "HIE query patient={NAME:same:last_comma_first} birthdate={DOB:same:iso} gender=F zip={ZIP:same}",
    "homebound verification for {NAME:none} lives at {STREET:none:with_unit}, {CITY:none}",
    "print job {~order}: address block=\"{NAME:none:upper_first_last}\\n{STREET:none:with_unit_upper}\\n{CITY:none:upper} {STATE} {ZIP:none}\"",
    "geocoder input: '{STREET:none}   {ZIP:none}' (no city) -> fallback to zip centroid",
    "lab order {~order} for patient {MRN:same:digits10} collected {~visit_date}",
    "moved to {CITY:none}, {STATE} last year; update pharmacy for {NAME:none:first_last}",
    "outreach list row: {NAME:none:last_comma_first} | {CITY:none} {STATE} | {PHONE:none:dots}",
]


def text_msg(ctx, S=None, tpl=None):
    tpl = tpl or ctx.pick("msg_templates", MSG_TEMPLATES)
    while S is not None and not S.old and "{AGE" in tpl:
        tpl = ctx.pick("msg_templates", MSG_TEMPLATES)
    if S is None:
        S = Scene(ctx, old=("{AGE" in tpl))
    return expand(ctx, tpl, S)


# ----------------------------------------------------------------------------------------
# carriers: loghub lines (sanitised, annotated) and MTS-Dialog note sentences
# ----------------------------------------------------------------------------------------

LOGHUB_FILES = ["Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
                "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper"]
KEEP_ONLY = {"BGL", "HPC", "Proxifier"}

# login names in the samples that look like personal names -> neutral service accounts
USER_MAP = {"zhangyan": "svcacct", "ted": "tester", "sandeep": "ftpadmin", "jay": "backup", "ingrid": "nagios2",
            "cheng": "postgres2", "chen": "mysql2", "fztu": "hadoop", "magnos": "monitor2", "butter": "demo",
            "dff": "dev", "eoor": "admin2", "curi": "etl", "pjhe": "etl", "msrabi": "svc"}
RDNS_RE = re.compile(r"\b[\w-]*?\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[\w-]*(?:\.[A-Za-z][\w-]*)+\b")
IPV4_RE = re.compile(r"(?<![\w.])((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?!\w|\.\d)")
NEG_RES = [
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "uuid"),
    (re.compile(r"\bblk_-?\d+"), "block_id"),
    (re.compile(r"\b(?:application|appattempt|container|attempt|job|task)_[0-9_a-z]*\d[0-9_a-z]*"), "job_id"),
    (re.compile(r"\b\d{4}-\d\d-\d\d[ T_]\d\d:\d\d:\d\d(?:[.,]\d+)?"), "timestamp"),
    (re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d+ "
                r"\d\d:\d\d:\d\d(?: \d{4})?"), "timestamp"),
    (re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"), "date"),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), "hex"),
    (re.compile(r"\b[0-9a-f]{16,}\b"), "hex_id"),
    (re.compile(r"(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)*(?![\w.])"), "version"),
    (re.compile(r"(?<![\w.:/-])\d{5,}(?![\w.])"), "number"),
    (re.compile(r"\b(?:Will|May|Mark|Grant|Hope|Bill|Faith|Grace|Joy|Rose|Frank|Chase|Summer|Dawn|Sterling)\b"), "name_like_word"),
]
IP_CUE_RE = re.compile(r"(rhost=|ip=|client |from |from /|Addr: |address |host |connection from |to |"
                       r"relay=\[|interface en\d \(|peer )$")


def sanitize(src, line):
    line = line.rstrip("\r\n").rstrip()
    if not line or "@" in line and re.search(r"[\w.%+-]+@[\w-]+\.[\w.]+", line):
        return None
    if re.search(r"\b1[3-9]\d{9}\b", line):      # mobile-number-like ids (e.g. in Mac sample)
        return None
    line = re.sub(r"calvisitor-\d+-\d+-\d+-\d+", "calvisitor-mbp", line)
    line = RDNS_RE.sub(lambda m: "host-%s.dyn.example.net" % ("%06x" % (stable_hash(m.group(0)) % 0xffffff)), line)
    line = re.sub(r"/home/[\w.]+", "/home/svc", line)
    line = re.sub(r"/Users/(?!default)\w+", "/Users/labuser", line)
    line = re.sub(r"\\Users\\(?!default)\w+", r"\\Users\\builder", line)
    if src in ("OpenSSH", "Linux", "Thunderbird", "Spark", "Hadoop", "Windows"):
        line = re.sub(r"\b(%s)\b" % "|".join(USER_MAP), lambda m: USER_MAP[m.group(1)], line)
    return line


def fict_ip(orig):
    h = stable_hash("ip:" + orig)
    o = [int(x) for x in orig.split(".")]
    if o[0] == 10 or (o[0] == 172 and 16 <= o[1] <= 31) or (o[0] == 192 and o[1] == 168):
        return "10.%d.%d.%d" % ((h >> 8) % 256, (h >> 16) % 256, (h >> 24) % 253 + 1), "ipv4_private_infra"
    if h % 3 == 0:
        return ["192.0.2.", "198.51.100.", "203.0.113."][(h >> 4) % 3] + str((h >> 8) % 253 + 1), "ipv4_public"
    return "%d.%d.%d.%d" % (PUBLIC_OCTETS[(h >> 4) % len(PUBLIC_OCTETS)], (h >> 10) % 256, (h >> 18) % 256,
                            (h >> 26) % 253 + 1), "ipv4_public"


def annotate(s):
    """Turn a carrier string into segments: IPs become (fictitious) IP spans, ids/timestamps negatives."""
    regs = []   # (start, end, obj)

    def free(a, b):
        return all(b <= x or a >= y for x, y, _ in regs)
    for m in IPV4_RE.finditer(s):
        ip, a, b = m.group(1), m.start(1), m.end(1)
        before = s[max(0, a - 24):a]
        if ip in ("0.0.0.0", "127.0.0.1", "255.255.255.255") or re.search(r"(network |mask |netmask )$", before) \
                or ip.endswith(".0") and "network" in before:
            regs.append((a, b, N(ip, "ip_reserved_or_network")))
        elif before.endswith(("~", "_", "version ", "v", "ver ")):
            regs.append((a, b, N(ip, "ip_like_version")))
        else:
            new, form = fict_ip(ip)
            cue = "same" if IP_CUE_RE.search(before) else "none"
            regs.append((a, b, P(new, "IP", cue, form)))
        pm = re.match(r":(\d{2,5})\b", s[b:])
        if pm:
            regs.append((b + 1, b + pm.end(), N(pm.group(1), "port")))
    for rx, what in NEG_RES:
        for m in rx.finditer(s):
            if free(m.start(), m.end()):
                regs.append((m.start(), m.end(), N(m.group(0), what)))
    regs.sort(key=lambda x: x[0])
    segs, cur = [], 0
    for a, b, o in regs:
        if a > cur:
            segs.append(s[cur:a])
        segs.append(o)
        cur = b
    if cur < len(s):
        segs.append(s[cur:])
    return segs


SYSLOG_PROG = r"([^\[:]+?(?:\([^)]*\))?)(?:\[(\d+)\])?: "
PARSERS = {
    "Android": re.compile(r"^(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})(\s+)(\d+)(\s+)(\d+)( [VDIWEF] )([^:]+?)(: )(.*)$"),
    "Apache": re.compile(r"^\[(\w{3} \w{3} \d\d \d\d:\d\d:\d\d \d{4})\] \[(\w+)\] (.*)$"),
    "HDFS": re.compile(r"^(\d{6}) (\d{6}) (\d+) (\w+) ([\w.$]+): (.*)$"),
    "Hadoop": re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (\w+) \[([^\]]*)\] ([\w.$]+): (.*)$"),
    "HealthApp": re.compile(r"^(\d{8}-\d{1,2}:\d{1,2}:\d{1,2}:\d{1,3})\|([^|]+)\|(\d+)\|(.*)$"),
    "syslog": re.compile(r"^(\w{3}\s+\d+ \d\d:\d\d:\d\d) (\S+) " + SYSLOG_PROG + r"(.*)$"),
    "OpenStack": re.compile(r"^(\S+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (\d+) (\w+) ([\w.]+) (\[[^\]]*\]) (.*)$"),
    "Spark": re.compile(r"^(\d\d/\d\d/\d\d \d\d:\d\d:\d\d) (\w+) ([\w.$]+): (.*)$"),
    "Thunderbird": re.compile(r"^(\S+) (\d{10}) (\d{4}\.\d\d\.\d\d) (\S+) (\w{3}\s+\d+ \d\d:\d\d:\d\d) (\S+) "
                              + SYSLOG_PROG + r"(.*)$"),
    "Windows": re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), (\w+)(\s+)(\w+)(\s+)(.*)$"),
    "Zookeeper": re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) - (\w+)(\s+)\[(.+?)\] - (.*)$"),
    "BGL": re.compile(r"^(\S+) (\d{10}) (\d{4}\.\d\d\.\d\d) (\S+) (\d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6}) (\S+) (.*)$"),
    "HPC": re.compile(r"^(\d+) (\S+) (\S+) (\S+) (\d{10}) (\d) (.*)$"),
    "Proxifier": re.compile(r"^\[(\d\d\.\d\d \d\d:\d\d:\d\d)\] (.*)$"),
}
COMP_STYLE = {"Android": "android", "HDFS": "java", "Hadoop": "java", "Spark": "java", "Zookeeper": "java",
              "OpenStack": "python", "HealthApp": "healthapp", "Linux": "syslog", "Mac": "syslog",
              "OpenSSH": "syslog", "Thunderbird": "syslog", "Windows": "windows", "Apache": None}
COMPONENTS = {
    "java": _w("com.medbridge.scheduling.AppointmentService|org.example.ehr.adt.PatientMergeHandler|"
               "io.clinic.eligibility.X12Client|com.acme.claims.ClaimSubmitter|health.portal.auth.LoginController|"
               "com.rxhub.pharmacy.RefillWorker|org.hl7.bridge.MllpInboundHandler|com.telecare.video.RoomManager|"
               "com.payer.edi.Edi271Parser|com.billing.statements.StatementJob|net.labs.results.OruProcessor|"
               "com.careteam.notify.SmsSender|com.intake.forms.IntakeValidator|org.fhir.gateway.PatientResourceProvider|"
               "com.callcenter.ivr.CallNoteService|com.dme.orders.ShipmentService|ehr.sched.SlotAllocator|"
               "dfs.PatientExport$Writer|org.mpi.match.DuplicateDetector|com.pharmacy.pdmp.PdmpClient"),
    "python": _w("intake.api.handlers|claims.worker.submit|eligibility.client|portal.views.profile|rx.refill.tasks|"
                 "fhir.bridge.patient|telehealth.rooms|billing.statements|hl7.listener.adt|scheduler.reminders|"
                 "mpi.merge|labs.oru.consumer"),
    "syslog": _w("hl7-listener|ehr-sync|claims-batch|rx-gateway|portal-api|telehealth-sfu|fax-ingest|elig-worker|"
                 "sched-notify|mirth|rhapsody-engine|edi-gateway|ivr-bridge|lab-interface|mpi-matcher|dme-shipper"),
    "android": _w("PatientPortal|TeleVisitActivity|RxReminderService|MyChartSync|CheckInKiosk|BleGlucoseSync|"
                  "IntakeFormFragment|CareTeamChat|InsuranceCardScanner|AppointmentWidget"),
    "healthapp": _w("HiH_ProfileSync|Step_UserInfo|HiH_HealthRecordUpload|Step_EmergencyCard|HiH_InsuranceBind|"
                    "Step_DoctorBooking|HiH_FamilyShare|Step_MedReminder"),
    "windows": _w("HISAgent|EpicPrintSvc|MedDevSvc|PACSBridge|LabelPrinter|ScanToChart|FaxSvc|KioskSvc"),
}


def parse_carrier(src, line):
    """-> (head_segs, comp_index or None, msg) ; head pieces are str or N."""
    key = "syslog" if src in ("Linux", "Mac", "OpenSSH") else src
    m = PARSERS[key].match(line)
    if not m:
        return None
    g = m.groups()
    if src == "Android":
        return [N(g[0], "timestamp_logcat"), g[1], N(g[2], "pid"), g[3], N(g[4], "tid"), g[5], g[6], g[7]], 6, g[8]
    if src == "Apache":
        return ["[", N(g[0], "timestamp_apache_error"), "] [", g[1], "] "], None, g[2]
    if src == "HDFS":
        return [N(g[0], "date_yymmdd"), " ", N(g[1], "time_hhmmss"), " ", N(g[2], "thread_id"), " ", g[3], " ", g[4], ": "], 8, g[5]
    if src == "Hadoop":
        head = [N(g[0], "timestamp"), " ", g[1], " ["] + annotate(g[2]) + ["] "]
        return head + [g[3], ": "], len(head), g[4]
    if src == "HealthApp":
        return [N(g[0], "timestamp_compact"), "|", g[1], "|", N(g[2], "process_id"), "|"], 2, g[3]
    if key == "syslog":
        head = [N(g[0], "timestamp_syslog"), " ", g[1], " ", g[2]]
        if g[3]:
            head += ["[", N(g[3], "pid"), "]"]
        head.append(": ")
        return head, 4, g[4]
    if src == "OpenStack":
        return ([N(g[0], "log_file_name"), " ", N(g[1], "timestamp"), " ", N(g[2], "pid"), " ", g[3], " ", g[4], " "]
                + annotate(g[5]) + [" "]), 8, g[6]
    if src == "Spark":
        return [N(g[0], "timestamp_yy/mm/dd"), " ", g[1], " ", g[2], ": "], 4, g[3]
    if src == "Thunderbird":
        head = [g[0], " ", N(g[1], "epoch_seconds"), " ", N(g[2], "date_dotted"), " ", g[3], " ",
                N(g[4], "timestamp_syslog"), " ", g[5], " ", g[6]]
        if g[7]:
            head += ["[", N(g[7], "pid"), "]"]
        head.append(": ")
        return head, 12, g[8]
    if src == "Windows":
        return [N(g[0], "timestamp"), ", ", g[1], g[2], g[3], g[4]], 4, g[5]
    if src == "Zookeeper":
        return [N(g[0], "timestamp"), " - ", g[1], g[2], "["] + annotate(g[3]) + ["] - "], None, g[4]
    if src == "BGL":
        return [g[0], " ", N(g[1], "epoch_seconds"), " ", N(g[2], "date_dotted"), " ", g[3], " ",
                N(g[4], "timestamp_bgl"), " ", g[5], " "], None, g[6]
    if src == "HPC":
        return [N(g[0], "log_id"), " ", g[1], " ", g[2], " ", g[3], " ", N(g[4], "epoch_seconds"), " ", g[5], " "], None, g[6]
    if src == "Proxifier":
        return ["[", N(g[0], "timestamp_proxifier"), "] "], None, g[1]
    return None


class Carriers:
    def __init__(self, base, split):
        self.split = split
        self.lines = []          # (src, sanitized line, parsed)
        files = sorted(LOGHUB_FILES, key=lambda f: stable_hash("file:" + f))
        exclusive = {files[0]: "dev", files[1]: "dev", files[2]: "test", files[3]: "test"}
        self.file_modes = {f: exclusive.get(f, "lines") for f in LOGHUB_FILES}
        for src in LOGHUB_FILES:
            mode = self.file_modes[src]
            if mode != "lines" and mode != split:
                continue
            path = os.path.join(base, "loghub", src + "_2k.log")
            with open(path, encoding="utf-8", errors="replace") as fh:
                for i, raw in enumerate(fh):
                    if mode == "lines" and (("dev", "test")[stable_hash("line:%s:%s" % (src, raw.strip())) % 2] != split):
                        continue
                    s = sanitize(src, raw)
                    if not s:
                        continue
                    self.lines.append((src, s, parse_carrier(src, s)))
        self.by_src = collections.defaultdict(list)
        for t in self.lines:
            self.by_src[t[0]].append(t)
        self.replaceable = [t for t in self.lines if t[0] not in KEEP_ONLY and t[2] is not None]
        self.notes, self.turns = load_notes(base, split)


NOTE_BAD = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mister)\b|\d{1,2}/\d{1,2}|\b(?:19|20)\d\d\b|@|\bMay \d|"
                      r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b|"
                      r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d|\d{3}[-. ]\d{3,4}|"
                      r"\b(?:9\d|1[01]\d)[- ]?(?:year|yo\b|y/o)|\bninety|\bhundred years|\b[XYZ]\b|\bDoctor [A-Z]")
ALL_NAME_TOKENS = None


def _name_tokens():
    global ALL_NAME_TOKENS
    if ALL_NAME_TOKENS is None:
        t = set()
        for fs, ls in NAMES.values():
            for n in fs + ls:
                for w in re.split(r"[\s-]+", n):
                    t.add(w.lower())
        ALL_NAME_TOKENS = t
    return ALL_NAME_TOKENS


def load_notes(base, split):
    files = ["MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv",
             "MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv", "MTS-Dialog-TestSet-2-MEDIQA-Sum-2023.csv"]
    rows = []
    for f in files:
        p = os.path.join(base, "mts-dialog", f)
        with open(p, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                rows.append((f, row))
    vocab = set()
    for _, row in rows:
        for w in re.findall(r"[a-z][a-z'\-]+", row["section_text"] + " " + row["dialogue"]):
            vocab.add(w)
    names = _name_tokens()
    common_ok = {"i", "i'm", "i've", "i'll", "i'd", "ok", "okay"}

    def clean(s):
        s = re.sub(r"\s+", " ", s).strip()
        if not (25 <= len(s) <= 260) or NOTE_BAD.search(s):
            return None
        toks = re.findall(r"[A-Za-z][A-Za-z'\-]*", s)
        for k, t in enumerate(toks):
            tl = t.lower()
            if tl in names and t[0].isupper() and tl not in vocab:
                return None
            if k == 0 or tl in common_ok:
                continue
            if t[0].isupper() and not (t.isupper() and len(t) <= 6) and tl not in vocab:
                return None
            if t[0].isupper() and tl in names and tl not in ("will", "may", "mark", "bill", "grant", "hope"):
                return None
        return s
    notes, turns = [], []
    mine = lambda txt: ("dev", "test")[stable_hash("mts-sent:" + txt) % 2] == split   # partition by sentence text
    seen = set()
    for f, row in rows:
        for sent in re.split(r"(?<=[.!?])\s+", row["section_text"]):
            c = clean(sent)
            if c and mine(c) and c not in seen:
                seen.add(c)
                notes.append(c)
        for ln in row["dialogue"].split("\n"):
            m = re.match(r"\s*(Doctor|Patient|Guest_family|Guest_clinician)\s*:\s*(.*)$", ln)
            if m:
                c = clean(m.group(2))
                if c and mine(c) and c not in seen:
                    seen.add(c)
                    turns.append(("agent" if m.group(1) == "Doctor" else "user", c))
    return notes, turns


# ----------------------------------------------------------------------------------------
# helpers for synthesized lines
# ----------------------------------------------------------------------------------------

def rand_dt(r):
    d = rand_date(r, 2023, 2025)
    return dt.datetime(d.year, d.month, d.day, r.randrange(24), r.randrange(60), r.randrange(60), r.randrange(10 ** 6))


def ts(ctx, style, t=None):
    r = ctx.rng
    t = t or rand_dt(r)
    ms = t.microsecond // 1000
    off = r.choice(["-05:00", "-06:00", "-04:00", "-07:00", "+00:00"])
    v = {
        "iso_z": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ms,
        "iso_off": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % ms + off,
        "iso_sec": t.strftime("%Y-%m-%dT%H:%M:%S") + off,
        "space_comma": t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % ms,
        "space_dot": t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % ms,
        "syslog": "%s %2d %s" % (MON3[t.month - 1], t.day, t.strftime("%H:%M:%S")),
        "apache": t.strftime("%d/") + MON3[t.month - 1] + t.strftime("/%Y:%H:%M:%S ") + off.replace(":", ""),
        "nginx_err": t.strftime("%Y/%m/%d %H:%M:%S"),
        "epoch_ms": str(int(t.timestamp() * 1000)),
        "epoch_s": str(int(t.timestamp())),
        "epoch_float": "%d.%03d" % (int(t.timestamp()), ms),
        "nano": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%03dZ" % (t.microsecond, r.randrange(1000)),
        "compact": t.strftime("%Y%m%d-") + "%d:%d:%d:%d" % (t.hour, t.minute, t.second, ms),
        "hl7": t.strftime("%Y%m%d%H%M%S"),
        "pg": t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d UTC" % ms,
        "dotnet": t.strftime("%m/%d/%Y %H:%M:%S"),
        "yymmdd": t.strftime("%y%m%d %H%M%S"),
    }[style]
    return N(v, "timestamp_" + style)


def level(ctx, style="upper"):
    lv = ctx.rng.choice(["info", "info", "info", "warn", "error", "debug"])
    return {"upper": lv.upper(), "lower": lv, "title": lv.title(), "short": lv[:3].upper(),
            "warning": lv.upper().replace("WARN", "WARNING")}[style]


def host(ctx):
    r = ctx.rng
    return r.choice(["ehr-app-%02d" % r.randrange(1, 30), "ip-10-%d-%d-%d" % (r.randrange(256), r.randrange(256), r.randrange(256)),
                     "sched-api-7d9f8b6c5-x%04d" % r.randrange(10000), "claims01", "portal-web-2", "hl7-engine-a",
                     "rx-gw-%d" % r.randrange(1, 9), "tele-sfu-%s" % r.choice(["east", "west", "c1"])])


def quote_kv(v):
    return '"%s"' % v if (" " in v or "," in v) else v


# field -> (KEYS name, value function)
def field_p(ctx, S, f, cue, i=1, form=None, json_num=False):
    p = S.person(i)
    if f == "full":
        v, fm = p.name(form or ctx.form("NAME"))
        return P(v, "NAME", cue, fm)
    if f == "first":
        v, fm = p.name(form or "first_only")
        return P(v, "NAME", cue, fm)
    if f == "last":
        v, fm = p.name(form or "last_only")
        return P(v, "NAME", cue, fm)
    if f == "dob":
        v, fm = p.dob_s(form or ctx.form("DOB"))
        return P(v, "DOB", cue, fm)
    if f == "ssn":
        if json_num and p.ssn[0] != "0":
            return P(int(p.ssn), "SSN", cue, "ssn_json_number")
        v, fm = p.ssn_s(form or ctx.form("SSN"))
        return P(v, "SSN", cue, fm)
    if f == "ssn4":
        v, fm = p.ssn_s("last4")
        return P(v, "SSN", cue, fm)
    if f == "phone":
        if json_num:
            w1 = ctx.chance(0.3)
            return P(p.phone_int(w1), "PHONE", cue, "phone_json_number" + ("_11" if w1 else "_10"))
        v, fm = p.phone(form or ctx.form("PHONE"))
        return P(v, "PHONE", cue, fm)
    if f == "email":
        v, fm = p.email(form or ctx.form("EMAIL"))
        return P(v, "EMAIL", cue, fm)
    if f == "mrn":
        fm = form or ctx.form("MRN")
        v, fmt = p.mrn(fm)
        if json_num and v.isdigit() and v[0] != "0":
            return P(int(v), "MRN", cue, fmt + "_json_number")
        return P(v, "MRN", cue, fmt)
    if f == "member":
        v, fm = p.member(form or ctx.form("MEMBER_ID"))
        return P(v, "MEMBER_ID", cue, fm)
    if f == "zip":
        fm = form or ctx.form("ZIP")
        v, fmt = p.zip_s(fm)
        if json_num and fmt == "zip5" and v[0] != "0":
            return P(int(v), "ZIP", cue, "zip5_json_number")
        return P(v, "ZIP", cue, fmt)
    if f == "city":
        return ent_segs(ctx, S, "CITY", i, cue, form)[0]
    if f == "street":
        return ent_segs(ctx, S, "STREET", i, cue, form)[0]
    if f == "mbi":
        v, fm = p.mbi_s(form or ctx.form("MBI"))
        return P(v, "MBI", cue, fm)
    if f == "npi":
        if json_num:
            return P(int(S.npi(i)), "NPI", cue, "npi_json_number")
        return P(S.npi(i), "NPI", cue, "npi_plain")
    if f == "ip":
        if ctx.chance(0.2):
            return ent_segs(ctx, S, "IP6", i, cue, None)[0]
        return P(p.ip4, "IP", cue, "ipv4")
    if f == "account":
        fm = form or ctx.form("ACCOUNT")
        v, fmt = p.account(fm)
        if json_num and v.isdigit() and v[0] != "0":
            return P(int(v), "ACCOUNT", cue, fmt + "_json_number")
        return P(v, "ACCOUNT", cue, fmt)
    if f == "card":
        v, fm = p.card_s(form or ctx.form("CARD"))
        return P(v, "CARD", cue, fm)
    if f == "taxid":
        return ent_segs(ctx, S, "TAXID", i, cue, form)[0]
    if f == "age":
        if p.age < 90:
            return field_p(ctx, S, "mrn", cue, i, form, json_num)
        if json_num:
            return P(p.age, "AGE", cue, "age_json_number")
        return P(str(p.age), "AGE", cue, "age_number")
    raise KeyError(f)


FIELD_SETS = [
    ["full", "dob", "mrn"], ["first", "last", "dob", "phone"], ["full", "ssn", "dob"], ["email", "phone", "zip"],
    ["mrn", "member", "dob"], ["first", "last", "street", "city", "zip"], ["full", "mbi", "dob", "zip"],
    ["npi", "taxid", "account"], ["full", "email", "ip"], ["last", "first", "ssn4", "dob"], ["card", "zip", "full"],
    ["full", "phone", "city"], ["mrn", "ssn", "phone", "email"], ["member", "first", "last", "dob", "zip"],
    ["account", "full", "street", "city", "zip", "phone"], ["full", "age", "mrn"], ["mbi", "npi", "dob"],
    ["card", "email"], ["full", "card", "phone"], ["npi", "full"], ["npi", "taxid", "zip"], ["card", "street", "zip"],
    ["npi", "dob", "member"], ["last", "first", "npi", "ssn"], ["mbi", "full"], ["mbi", "zip", "phone"], ["first", "last", "mbi"], ["mbi", "dob"], ["mbi", "ssn4", "last"],
]


def pick_fieldset(ctx):
    fs = list(ctx.rng.choice(FIELD_SETS))
    ctx.rng.shuffle(fs)
    # keep first/last order natural most of the time
    if "first" in fs and "last" in fs and ctx.chance(0.7):
        fs.remove("last")
        fs.insert(fs.index("first") + 1, "last")
    return fs


def scene_for(ctx, fields):
    return Scene(ctx, old=("age" in fields))


def mk(fmt, kind, segs=None, obj=None):
    return {"format": fmt, "kind": kind, "segs": segs, "obj": obj}


# ----------------------------------------------------------------------------------------
# TEXT record generators
# ----------------------------------------------------------------------------------------

def carrier_kind(src):
    return {"Linux": "syslog", "OpenSSH": "syslog_sshd", "Mac": "syslog_macos", "Thunderbird": "syslog_thunderbird",
            "Apache": "apache_error", "HDFS": "hdfs", "Hadoop": "hadoop", "Spark": "spark", "Zookeeper": "zookeeper",
            "OpenStack": "openstack", "Android": "android_logcat", "HealthApp": "healthapp", "Windows": "windows_cbs",
            "BGL": "bgl", "HPC": "hpc", "Proxifier": "proxifier"}[src]


def pick_carrier(ctx, C, replaceable=False):
    srcs = sorted({t[0] for t in (C.replaceable if replaceable else C.lines)})
    src = ctx.rng.choice(srcs)
    pool = [t for t in C.by_src[src] if (not replaceable or (t[2] is not None and t[0] not in KEEP_ONLY))]
    return ctx.rng.choice(pool)


def gen_carrier_keep(ctx, C):
    src, line, parsed = pick_carrier(ctx, C)
    segs = (list(parsed[0]) + annotate(parsed[2])) if parsed else annotate(line)
    return mk("text", carrier_kind(src) + "_orig", segs)


def gen_carrier_health(ctx, C):
    src, line, parsed = pick_carrier(ctx, C, replaceable=True)
    head, ci, msg = parsed
    head = list(head)
    style = COMP_STYLE.get(src)
    if ci is not None and style:
        head[ci] = ctx.pick("comp." + style, COMPONENTS[style])
    S = Scene(ctx)
    r = ctx.rng
    body = []
    if src == "Apache":
        if r.random() < 0.6:
            body += ["[client ", P(S.person(1).ip4, "IP", "same", "ipv4"), "] "]
        if r.random() < 0.3:
            p = S.person(1)
            fn = ctx.pick("apache_paths", [
                "/var/www/portal/records/{L}_{F}_{D}.pdf", "/srv/exports/{M}/{L}-{F}.csv",
                "/var/www/html/uploads/{F}{L}_insurance_card.jpg", "/data/scans/{D}_{L}.tif",
                "/var/www/html/letters/{M}_{L}.docx", "/opt/reports/{L}, {F} {D}.pdf"])
            segs, pos = [], 0
            for m in re.finditer(r"\{([LFDM])\}", fn):
                segs.append(fn[pos:m.start()])
                pos = m.end()
                c = m.group(1)
                if c == "L":
                    segs.append(P(fold_ascii(p.last).replace(" ", ""), "NAME", "none", "name_last_in_path"))
                elif c == "F":
                    segs.append(P(fold_ascii(p.first), "NAME", "none", "name_first_in_path"))
                elif c == "D":
                    v, f = p.dob_s(r.choice(["compact_yyyymmdd", "iso", "us_dash"]))
                    segs.append(P(v, "DOB", "none", f + "_in_path"))
                else:
                    v, f = p.mrn(ctx.form("MRN"))
                    segs.append(P(v, "MRN", "none", f + "_in_path"))
            segs.append(fn[pos:])
            body += [r.choice(["File does not exist: ", "Permission denied: ", "script not found or unable to stat: "])] + segs
            return mk("text", "apache_error_health", head + [s for s in body if s != ""])
    body += text_msg(ctx)
    return mk("text", carrier_kind(src) + "_health", head + body)


def gen_app_kv(ctx, C):
    """key=value style application lines in several serialisations."""
    r = ctx.rng
    style = ctx.pick("kv_styles", ["logfmt", "logfmt_prev", "colon", "ruby_hash", "py_repr", "lombok", "go_struct",
                                   "query_string", "pipe_kv", "dotted_path", "semicolon_kv", "spring_mdc"])
    fields = pick_fieldset(ctx)
    S = scene_for(ctx, fields)
    msgs = ["eligibility check", "patient upsert", "appointment booked", "claim validated", "refill queued",
            "intake submitted", "portal profile saved", "callback scheduled", "merge candidate", "lookup ok",
            "sync to EHR", "consent captured", "coverage verified", "statement generated"]
    msg = ctx.pick("kv_msgs", msgs)
    segs = []
    if style in ("logfmt", "logfmt_prev"):
        segs += ["time=", ts(ctx, r.choice(["iso_z", "iso_off"])), " level=", level(ctx, "lower"), ' msg="', msg, '"']
        if style == "logfmt":
            for f in fields:
                p = field_p(ctx, S, f, "same")
                segs += [" ", ctx.key(f), "="] + ([p] if " " not in p.v and "," not in p.v else ['"', p, '"'])
        else:
            for f in fields[:2]:
                p = field_p(ctx, S, f, "prev")
                segs += [" field=", ctx.key(f), " value="] + ([p] if " " not in p.v else ['"', p, '"'])
            segs += [" reason=", r.choice(["format", "mismatch", "missing_checksum", "normalized"])]
        segs += [" trace_id=", neg(ctx, "trace"), " dur=", neg(ctx, "duration")]
    elif style == "colon":
        segs += [ts(ctx, "space_comma"), " ", level(ctx), " [", ctx.pick("comp.python", COMPONENTS["python"]), "] ", msg, " - "]
        for k, f in enumerate(fields):
            segs += [", " if k else "", ctx.key(f), ": ", field_p(ctx, S, f, "same")]
    elif style == "ruby_hash":
        segs += ["I, [", ts(ctx, "iso_sec"), " #", neg(ctx, "pid"), "]  INFO -- : [", neg(ctx, "uuid"), '] Parameters: {"patient"=>{']
        for k, f in enumerate(fields):
            segs += [", " if k else "", '"', ctx.key(f), '"=>"', field_p(ctx, S, f, "same"), '"']
        segs += ['}, "authenticity_token"=>"[FILTERED]"}']
    elif style == "py_repr":
        segs += [ts(ctx, "space_comma"), " - ", ctx.pick("comp.python", COMPONENTS["python"]), " - ", level(ctx), " - ", msg, " payload={"]
        for k, f in enumerate(fields):
            segs += [", " if k else "", "'", ctx.key(f), "': '", field_p(ctx, S, f, "same"), "'"]
        segs += ["}"]
    elif style == "lombok":
        segs += [ts(ctx, "space_dot"), "  ", level(ctx), " ", neg(ctx, "pid"), " --- [nio-8080-exec-", str(r.randrange(1, 10)),
                 "] ", ctx.pick("comp.java", COMPONENTS["java"]), " : ", msg, ": ", r.choice(["Patient", "Member", "Subscriber", "PatientDto"]), "("]
        for k, f in enumerate(fields):
            segs += [", " if k else "", ctx.key(f), "=", field_p(ctx, S, f, "same")]
        segs += [")"]
    elif style == "go_struct":
        segs += [ts(ctx, "nginx_err"), " ", msg, ": &{"]
        for k, f in enumerate(fields):
            key = ctx.key(f)
            segs += [" " if k else "", key[:1].upper() + key[1:], ":", field_p(ctx, S, f, "same")]
        segs += [" CreatedAt:", ts(ctx, "iso_z"), "}"]
    elif style == "query_string":
        segs += [ts(ctx, "space_dot"), " DEBUG form body: "]
        from urllib.parse import quote_plus
        for k, f in enumerate(fields):
            p = field_p(ctx, S, f, "same")
            q = quote_plus(str(p.v))
            if q != p.v:
                p = P(q, p.e, p.cue, p.form + "_urlenc")
            segs += ["&" if k else "", ctx.key(f), "=", p]
    elif style == "pipe_kv":
        segs += [ts(ctx, "compact"), "|", ctx.pick("comp.healthapp", COMPONENTS["healthapp"]), "|", neg(ctx, "pid"), "|", msg]
        for f in fields:
            segs += [" ", ctx.key(f), ":", field_p(ctx, S, f, "same")]
    elif style == "dotted_path":
        segs += [ts(ctx, "iso_z"), " ", level(ctx), " ", msg]
        root = r.choice(["patient", "subscriber", "member", "request.patient", "body.demographics"])
        for f in fields:
            sub = {"street": "address.line1", "city": "address.city", "zip": "address.postalCode"}.get(f, ctx.key(f))
            segs += [" ", root, ".", sub, "=", field_p(ctx, S, f, "same")]
    elif style == "semicolon_kv":
        segs += ["[", ts(ctx, "dotnet"), "] ", level(ctx, "title"), ": ", msg, "; "]
        for f in fields:
            segs += [ctx.key(f).upper(), "=", field_p(ctx, S, f, "same"), "; "]
    elif style == "spring_mdc":
        segs += [ts(ctx, "space_comma"), " [", "http-nio-8443-exec-%d" % r.randrange(1, 40), "] ", level(ctx), " ",
                 ctx.pick("comp.java", COMPONENTS["java"]), " {"]
        for k, f in enumerate(fields):
            segs += [", " if k else "", ctx.key(f), "=", field_p(ctx, S, f, "same")]
        segs += ["} - ", msg]
    return mk("text", "app_kv_" + style, segs)


def gen_access(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    style = ctx.pick("access_styles", ["apache_combined", "nginx_error", "aws_alb", "iis_w3c", "haproxy", "envoy"])
    pth = ctx.pick("access_paths", [
        ("/api/v1/patients/search?last_name={L}&dob={D}", "same"), ("/fhir/Patient?family={L}&given={F}&birthdate={DI}", "same"),
        ("/api/members/{MBI}/eligibility", "prev"), ("/v1/lookup/ssn/{SSN}", "prev"), ("/appointments?phone={PH}", "same"),
        ("/portal/reset?email={EM}", "same"), ("/api/patients/{MRN}/chart", "prev"), ("/rx/refill?member_id={MEM}&zip={Z}", "same"),
        ("/search?q={F}+{L}", "none"), ("/api/v2/claims?npi={NPI}&acct={ACCT}", "same"), ("/unsubscribe/{EM}", "prev"),
        ("/api/verify?dob={D}&ssn4={S4}", "same"), ("/patients/{L},{F}/documents", "prev"), ("/intake?name={F}%20{L}&cell={PH}", "same"),
    ])
    tpl, cue = pth
    from urllib.parse import quote, quote_plus
    segs_path, pos = [], 0
    for m in re.finditer(r"\{(L|F|DI|D|MBI|SSN|PH|EM|MRN|MEM|Z|NPI|ACCT|S4)\}", tpl):
        segs_path.append(tpl[pos:m.start()])
        pos = m.end()
        c = m.group(1)
        if c in ("L", "F"):
            v = p.last if c == "L" else p.first
            q = quote(v)
            segs_path.append(P(q, "NAME", cue, ("name_last" if c == "L" else "name_first") + ("_urlenc" if q != v else "") + name_flags(v)))
        elif c in ("D", "DI"):
            v, f = p.dob_s("iso" if c == "DI" else ctx.form("DOB"))
            q = quote(v, safe="-")
            segs_path.append(P(q, "DOB", cue, f + ("_urlenc" if q != v else "")))
        elif c == "MBI":
            segs_path.append(P(p.mbi, "MBI", cue, "mbi_plain"))
        elif c == "SSN":
            segs_path.append(P(p.ssn_s(r.choice(["dashed", "plain"]))[0], "SSN", cue, "ssn_in_path"))
        elif c == "S4":
            segs_path.append(P(p.ssn[5:], "SSN", cue, "ssn_last4"))
        elif c == "PH":
            v, f = p.phone(r.choice(["e164", "dashed", "plain10", "paren"]))
            q = quote(v, safe="-")
            segs_path.append(P(q, "PHONE", cue, f + ("_urlenc" if q != v else "")))
        elif c == "EM":
            v, f = p.email(ctx.form("EMAIL"))
            q = quote(v, safe="") if r.random() < 0.5 else v
            segs_path.append(P(q, "EMAIL", cue, f + ("_urlenc" if q != v else "")))
        elif c == "MRN":
            segs_path.append(P(p.mrn(ctx.form("MRN"))[0], "MRN", cue, "mrn_in_path"))
        elif c == "MEM":
            segs_path.append(P(p.member(ctx.form("MEMBER_ID"))[0], "MEMBER_ID", cue, "member_in_query"))
        elif c == "Z":
            segs_path.append(P(p.zip5, "ZIP", cue, "zip5"))
        elif c == "NPI":
            segs_path.append(P(S.npi(), "NPI", cue, "npi_plain"))
        elif c == "ACCT":
            segs_path.append(P(p.account(ctx.form("ACCOUNT"))[0], "ACCOUNT", cue, "account_in_query"))
    segs_path.append(tpl[pos:])
    segs_path = [s for s in segs_path if s != ""]
    method = r.choice(["GET", "GET", "POST", "PUT"])
    ip = P(p.ip4, "IP", "none", "ipv4") if r.random() < 0.8 else ent_segs(ctx, S, "IP6", 1, "none", None)[0]
    if style == "apache_combined":
        user = [P(p.email(ctx.form("EMAIL"))[0], "EMAIL", "none", "email_remote_user")] if r.random() < 0.25 else ["-"]
        segs = [ip, " - "] + user + [" [", ts(ctx, "apache"), '] "', method, " "] + segs_path + [' HTTP/1.1" ', neg(ctx, "status"), " ",
                neg(ctx, "bytes"), ' "https://portal.example-health.org/" "', neg(ctx, "ua"), '"']
    elif style == "nginx_error":
        segs = [ts(ctx, "nginx_err"), " [error] ", neg(ctx, "pid"), "#0: *", neg(ctx, "count"), " upstream timed out (110: Connection timed out) while reading response header from upstream, client: ",
                P(ip.v, "IP", "same", ip.form), ', server: portal.example-health.org, request: "', method, " "] + segs_path + \
               [' HTTP/1.1", upstream: "http://10.0.4.12:8080', '", host: "portal.example-health.org"']
    elif style == "aws_alb":
        segs = ["https ", ts(ctx, "iso_z"), " app/portal-alb/", neg(ctx, "span"), " ", ip, ":", neg(ctx, "port"), " ",
                P("10.0.%d.%d" % (r.randrange(256), r.randrange(1, 255)), "IP", "none", "ipv4_private_infra"), ":8080 0.001 0.",
                str(r.randrange(10, 999)), " 0.000 ", neg(ctx, "status"), " ", neg(ctx, "status"), " ", neg(ctx, "bytes"), " ", neg(ctx, "bytes"),
                ' "', method, " https://portal.example-health.org:443"] + segs_path + [' HTTP/1.1" "', neg(ctx, "ua"), '" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2']
    elif style == "iis_w3c":
        path_only, qs = [], []
        tgt = path_only
        for s in segs_path:
            if isinstance(s, str) and "?" in s:
                a, b = s.split("?", 1)
                path_only.append(a)
                tgt = qs
                if b:
                    qs.append(b)
            else:
                tgt.append(s)
        segs = [N(rand_dt(r).strftime("%Y-%m-%d %H:%M:%S"), "timestamp_w3c"), " 10.20.1.5 ", method, " "] + path_only + [" "] + (qs or ["-"]) + \
               [" 443 - ", ip, " ", N(neg(ctx, "ua").v.replace(" ", "+"), "user_agent"), " - ", neg(ctx, "status"), " 0 0 ", neg(ctx, "count")]
    elif style == "haproxy":
        segs = ["haproxy[", neg(ctx, "pid"), "]: ", ip, ":", neg(ctx, "port"), " [", N(rand_dt(r).strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % r.randrange(1000), "timestamp_haproxy"),
                "] fe_https~ be_portal/web2 0/0/1/", str(r.randrange(5, 400)), "/", str(r.randrange(5, 400)), " ", neg(ctx, "status"), " ", neg(ctx, "bytes"),
                ' - - ---- 12/12/0/0/0 0/0 "', method, " "] + segs_path + [' HTTP/1.1"']
    else:
        segs = ["[", ts(ctx, "iso_z"), '] "', method, " "] + segs_path + [' HTTP/2" ', neg(ctx, "status"), " - 0 ", neg(ctx, "bytes"), " ",
                neg(ctx, "count"), ' - "', ip, '" "', neg(ctx, "ua"), '" "', neg(ctx, "uuid"), '" "portal.example-health.org" "10.0.7.3:8080"']
    # fix the hard-coded infra IPs into labelled spans
    segs = _label_inline_ips(segs)
    return mk("text", "access_" + style, segs)


def _label_inline_ips(segs):
    out = []
    for s in segs:
        if isinstance(s, str) and IPV4_RE.search(s):
            out.extend(annotate(s))
        else:
            out.append(s)
    return out


def hl7_name(p, cue, upper=True, with_middle=False):
    l, f = (p.last.upper(), p.first.upper()) if upper else (p.last, p.first)
    segs = [P(l, "NAME", cue, "name_hl7_family" + name_flags(l)), "^", P(f, "NAME", cue, "name_hl7_given" + name_flags(f))]
    if with_middle:
        m = p.middle.upper() if upper else p.middle
        segs += ["^", P(m, "NAME", cue, "name_hl7_middle" + name_flags(m))]
    return segs


def hl7_addr(ctx, S, i, cue):
    p = S.person(i)
    st, f = p.street(ctx.rng.choice(["num_name_suffix", "num_dir_name_suffix", "numbered", "po_box"]), upper=ctx.chance(0.6))
    segs = [P(st, "STREET", cue, f), "^"]
    if ctx.chance(0.4):
        segs.append(P(p.unit.upper(), "STREET", cue, "street_unit_only"))
    segs += ["^", P(p.city.upper() if st.isupper() else p.city, "CITY", cue, "city_hl7"), "^", p.state, "^",
             P(p.zip_s(ctx.rng.choice(["zip5", "zip9"]))[0], "ZIP", cue, "zip_hl7"), "^USA"]
    return segs


def gen_hl7(ctx, C):
    r = ctx.rng
    S = Scene(ctx, old=ctx.chance(0.05))
    p = S.person(1)
    prefix_style = ctx.pick("hl7_prefix", ["mirth", "syslog", "rhapsody", "mllp", "cloverleaf", "iguana"])
    t = rand_dt(r)
    if prefix_style == "mirth":
        pre = ["INFO  ", ts(ctx, "space_comma", t), " [ADT_Inbound Channel] transformer: segment "]
    elif prefix_style == "syslog":
        pre = [ts(ctx, "syslog", t), " ", host(ctx), " hl7-listener[", neg(ctx, "pid"), "]: msg ", neg(ctx, "ctrl"), " seg: "]
    elif prefix_style == "rhapsody":
        pre = [ts(ctx, "iso_off", t), " [ORU Route] DEBUG inbound segment="]
    elif prefix_style == "mllp":
        pre = ["MLLP rx ", neg(ctx, "bytes"), "b from ", P(gen_ipv4(r), "IP", "same", "ipv4_sender"), ":", neg(ctx, "port"), " | "]
    elif prefix_style == "cloverleaf":
        pre = ["[", ts(ctx, "pg", t), "] tps_adt_fix: IN: "]
    else:
        pre = [ts(ctx, "iso_z", t), " iguana[", neg(ctx, "pid"), "] channel=LAB_RESULTS segment: "]
    seg_t = ctx.pick("hl7_segments", ["PID", "PID", "PID_min", "NK1", "IN1", "GT1", "PV1", "MSH", "OBX", "DG1", "PID_alias", "IN1_mbi"])
    fac = r.choice(["MAINHOSP", "STMARY", "UHC_LAB", "RIVERBEND", "NSFM"])
    if seg_t in ("PID", "PID_alias"):
        mrn, mf = p.mrn(ctx.form("MRN"))
        segs = ["PID|1||", P(mrn, "MRN", "same", mf + "_hl7_cx"), "^^^", fac, "^MR"]
        if ctx.chance(0.4):
            segs += ["~", P(p.ssn_s("dashed")[0], "SSN", "same", "ssn_hl7_cx"), "^^^SSA^SS"]
        segs += ["||"] + hl7_name(p, "none", upper=ctx.chance(0.7), with_middle=ctx.chance(0.4)) + ["||"]
        if seg_t == "PID_alias":
            segs = segs[:-1] + ["|"] + hl7_name(S.person(2), "none") + ["|"]   # PID-6 mother's maiden name
        segs += [P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "none", "dob_hl7_ts"), "|", p.sex, "|||"] + hl7_addr(ctx, S, 1, "none") + \
                ["||", P(p.phone("hl7_paren")[0], "PHONE", "none", "phone_hl7_xtn"), "^PRN^PH|||", r.choice(["S", "M", "D", "W"]), "||",
                 P(p.account(ctx.form("ACCOUNT"))[0], "ACCOUNT", "none", "account_hl7_pid18"), "|", P(p.ssn_s("plain")[0] if ctx.chance(0.5) else p.ssn_s("dashed")[0], "SSN", "none", "ssn_hl7_pid19"), "|||||||||N"]
    elif seg_t == "PID_min":
        segs = ["PID|||", P(p.mrn(ctx.form("MRN"))[0], "MRN", "none", "mrn_hl7_bare"), "||"] + hl7_name(p, "none") + ["||",
                P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "none", "dob_hl7_ts"), "|", p.sex]
    elif seg_t == "NK1":
        q = S.person(2)
        segs = ["NK1|1|"] + hl7_name(q, "none") + ["|", r.choice(["SPO^Spouse", "CHD^Child", "PAR^Parent", "SIB^Sibling", "GRD^Guardian"]), "|"] + \
               hl7_addr(ctx, S, 2, "none") + ["|", P(q.phone("hl7_paren")[0], "PHONE", "none", "phone_hl7_xtn"), "||EC^Emergency Contact"]
    elif seg_t in ("IN1", "IN1_mbi"):
        segs = ["IN1|1|", r.choice(["PPO01", "HMO2", "MCR", "MCD"]), "|", neg(ctx, "ctrl"), "|", ctx.pick("payers", PAYERS), "|||",
                "GRP", neg(ctx, "count"), "||||||"] + hl7_name(p, "none") + ["|SEL|", P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "none", "dob_hl7_ts"), "|"] + \
               hl7_addr(ctx, S, 1, "none") + ["||||||||||||||||"]
        if seg_t == "IN1_mbi":
            segs += [P(p.mbi, "MBI", "none", "mbi_hl7_in1")]
        else:
            segs += [P(p.member(ctx.form("MEMBER_ID"))[0], "MEMBER_ID", "none", "member_hl7_in1_36")]
    elif seg_t == "GT1":
        segs = ["GT1|1|", P(p.account(ctx.form("ACCOUNT"))[0], "ACCOUNT", "none", "account_hl7_gt1"), "|"] + hl7_name(p, "none") + ["||"] + \
               hl7_addr(ctx, S, 1, "none") + ["|", P(p.phone("hl7_paren")[0], "PHONE", "none", "phone_hl7_xtn"), "||",
               P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "none", "dob_hl7_ts"), "|", p.sex, "||SEL|", P(p.ssn_s("dashed")[0], "SSN", "none", "ssn_hl7_gt1")]
    elif seg_t == "PV1":
        pr = S.provider().p
        segs = ["PV1|1|", r.choice(["O", "I", "E"]), "|CLINIC^", str(r.randrange(100, 999)), "^01^", fac, "||||",
                P(S.npi(), "NPI", "same", "npi_hl7_xcn"), "^", P(pr.last.upper(), "NAME", "none", "name_hl7_family_provider" + name_flags(pr.last)), "^",
                P(pr.first.upper(), "NAME", "none", "name_hl7_given_provider" + name_flags(pr.first)), "^^^DR^^^NPI|||", r.choice(["MED", "CAR", "ORT"]),
                "||||||||", neg(ctx, "claim"), "|||||||||||||||||||||||||", ts(ctx, "hl7")]
    elif seg_t == "MSH":
        segs = ["MSH|^~\\&|EPIC|", fac, "|LABSYS|", fac, "|", ts(ctx, "hl7"), "||", r.choice(["ADT^A08", "ADT^A04", "ORU^R01", "SIU^S12", "DFT^P03"]),
                "|", N("MSG%08d" % r.randrange(10 ** 8), "message_control_id"), "|P|2.5.1"]
    elif seg_t == "OBX":
        segs = ["OBX|1|NM|", neg(ctx, "loinc"), "^", r.choice(["Hemoglobin A1c", "Glucose", "Creatinine", "LDL"]), "^LN||", str(round(r.uniform(0.5, 300), 1)),
                "|", r.choice(["%", "mg/dL", "mmol/L"]), "|4.0-5.6|H|||F|||", ts(ctx, "hl7")]
    else:
        segs = ["DG1|1||", neg(ctx, "icd10"), "^", N(r.choice(EPONYMS), "disease_eponym"), "^I10||", ts(ctx, "hl7"), "|A"]
    return mk("text", "hl7_" + seg_t.lower(), pre + segs)


def gen_x12(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    pre = ctx.pick("x12_prefix", [
        lambda: [ts(ctx, "syslog"), " ", host(ctx), " edi-gateway[", neg(ctx, "pid"), "]: 837P batch ", neg(ctx, "ctrl"), " out: "],
        lambda: [ts(ctx, "space_comma"), " DEBUG [X12Writer] ", "segments="],
        lambda: [ts(ctx, "iso_z"), " clearinghouse-sftp: wrote ", neg(ctx, "bytes"), " bytes: "],
        lambda: ["271 raw: "],
        lambda: [ts(ctx, "pg"), " [edi] parse error near: "],
    ])()
    t = ctx.pick("x12_kinds", ["sub", "sub_ssn", "billing", "claim", "271", "sub_addr", "patient_loop"])
    segs = []
    if t in ("sub", "sub_ssn", "sub_addr", "271"):
        segs += ["NM1*IL*1*", P(p.last.upper(), "NAME", "prev", "name_x12_last" + name_flags(p.last)), "*",
                 P(p.first.upper(), "NAME", "prev", "name_x12_first" + name_flags(p.first)), "****MI*"]
        segs += [P(p.mbi, "MBI", "prev", "mbi_x12") if ctx.chance(0.3) else P(p.member(ctx.form("MEMBER_ID"))[0], "MEMBER_ID", "prev", "member_x12_mi"), "~"]
        if t in ("sub_addr", "sub"):
            segs += ["N3*", P(p.street(r.choice(["num_name_suffix", "with_unit", "num_dir_name_suffix"]), upper=True)[0], "STREET", "prev", "street_x12_n3"), "~",
                     "N4*", P(p.city.upper(), "CITY", "prev", "city_x12_n4"), "*", p.state, "*", P(p.zip_s("zip9_nodash")[0], "ZIP", "prev", "zip9_nodash"), "~"]
        segs += ["DMG*D8*", P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "prev", "dob_x12_dmg"), "*", p.sex, "~"]
        if t == "sub_ssn":
            segs += ["REF*SY*", P(p.ssn, "SSN", "prev", "ssn_x12_ref_sy"), "~"]
        if t == "271":
            segs += ["DTP*291*D8*", neg(ctx, "service_date"), "~EB*1*IND*30**", r.choice(["PPO", "HMO", "MA"]), "~AAA*Y**",
                     r.choice(["72", "73", "75", "58"]), "*C~"]
    elif t == "billing":
        segs += ["NM1*85*2*", ctx.pick("clinics", CLINICS).upper(), "*****XX*", P(S.npi(), "NPI", "prev", "npi_x12_xx"), "~",
                 "REF*EI*", P("".join(gen_ein(r)), "TAX_ID", "prev", "taxid_x12_ref_ei"), "~",
                 "NM1*82*1*", P(S.provider().p.last.upper(), "NAME", "prev", "name_x12_provider_last" + name_flags(S.provider().p.last)), "*",
                 P(S.provider().p.first.upper(), "NAME", "prev", "name_x12_provider_first" + name_flags(S.provider().p.first)), "****XX*",
                 P(S.npi(2), "NPI", "prev", "npi_x12_xx"), "~"]
    elif t == "claim":
        segs += ["CLM*", P(p.account(ctx.form("ACCOUNT"))[0], "ACCOUNT", "none", "account_x12_clm01"), "*", neg(ctx, "price").v.replace("$", "").replace("USD ", ""),
                 "***11:B:1*Y*A*Y*Y~", "HI*ABK:", N(r.choice(ICD10).replace(".", ""), "icd10_nodot"), "*ABF:", N(r.choice(ICD10).replace(".", ""), "icd10_nodot"), "~",
                 "SV1*HC:", neg(ctx, "cpt"), "*", str(r.randrange(40, 900)), "*UN*1***1~DTP*472*D8*", neg(ctx, "service_date"), "~"]
    else:
        segs += ["NM1*QC*1*", P(p.last.upper(), "NAME", "prev", "name_x12_last" + name_flags(p.last)), "*",
                 P(p.first.upper(), "NAME", "prev", "name_x12_first" + name_flags(p.first)), "~",
                 "N3*", P(p.street("po_box" if ctx.chance(0.3) else "num_name_suffix", upper=True)[0], "STREET", "prev", "street_x12_n3"), "~",
                 "N4*", P(p.city.upper(), "CITY", "prev", "city_x12_n4"), "*", p.state, "*", P(p.zip5, "ZIP", "prev", "zip5"), "~",
                 "DMG*D8*", P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "prev", "dob_x12_dmg"), "*", p.sex, "~"]
    if ctx.chance(0.5):
        segs = ["ST*", r.choice(["837", "270", "271", "835"]), "*", N("%04d" % r.randrange(1, 9999), "transaction_set_control"), "*005010X222A1~",
                "BHT*0019*00*", neg(ctx, "ctrl"), "*", neg(ctx, "service_date"), "*", N("%04d" % (r.randrange(24) * 100 + r.randrange(60)), "time_hhmm"), "*CH~"] + segs
    return mk("text", "x12_" + t, pre + segs)


ARGV_FLAGS = {"dob": _w("--dob|--birthdate|--date-of-birth|-d|--patient-dob|--bd"),
              "full": _w("--patient-name|--name|-n|--full-name|--member-name"),
              "mrn": _w("--mrn|--patient-id|-m|--chart|--mrn-id"),
              "ssn": _w("--ssn|-s|--social|--tax-ssn"),
              "phone": _w("--phone|-p|--to|--callback|--sms-to"),
              "email": _w("--email|-e|--notify|--recipient"),
              "member": _w("--member-id|--subscriber|--policy"),
              "zip": _w("--zip|--postal-code|-z"),
              "mbi": _w("--mbi|--medicare-id"),
              "account": _w("--account|--acct|--har")}


def argv_items(ctx, S, cue_mode):
    """list of (flag, P) for a command line."""
    r = ctx.rng
    fs = r.sample(sorted(ARGV_FLAGS), r.randrange(1, 4))
    out = []
    for f in fs:
        flag = ctx.pick("argv." + f, ARGV_FLAGS[f])
        out.append((flag, field_p(ctx, S, f, cue_mode)))
    return out


def gen_argv_text(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    style = ctx.pick("argv_text_styles", ["auditd", "ps", "systemd", "cron", "bash_history", "supervisor", "eq_style"])
    prog = ctx.pick("argv_progs", ["/opt/etl/export_patient.py", "/usr/local/bin/rx-sync", "bin/rails runner scripts/merge.rb",
                                   "/opt/claims/resubmit.sh", "node dist/cli/notify.js", "java -jar mpi-tools.jar",
                                   "/usr/bin/python3 manage.py backfill_demographics", "./elig270 --payer " + ctx.pick("payers", PAYERS),
                                   "/srv/fax/sendfax", "php artisan patient:lookup"])
    if style == "auditd":
        items = argv_items(ctx, S, "prev")
        words = prog.split()
        segs = ["type=EXECVE msg=audit(", ts(ctx, "epoch_float"), ":", neg(ctx, "count"), "): argc=", str(len(words) + 2 * len(items))]
        k = 0
        for w in words:
            segs += [" a%d=\"" % k, w, '"']
            k += 1
        for flag, p in items:
            segs += [" a%d=\"" % k, flag, '"', " a%d=\"" % (k + 1), p, '"']
            k += 2
        return mk("text", "auditd_execve", segs)
    items = argv_items(ctx, S, "same")
    cmd = [prog]
    for flag, p in items:
        if style == "eq_style" and flag.startswith("--"):
            cmd += [" ", flag, "="] + ([p] if " " not in str(p.v) else ['"', p, '"'])
        else:
            cmd += [" ", flag, " "] + ([p] if " " not in str(p.v) else ["'", p, "'"])
    if style == "ps":
        segs = [ts(ctx, "iso_z"), " procmon: spawn pid=", neg(ctx, "pid"), " ppid=", neg(ctx, "pid"), " uid=1001 cmd="] + cmd
    elif style == "systemd":
        segs = [ts(ctx, "syslog"), " ", host(ctx), " systemd[1]: Started ", r.choice(["backfill", "export", "notify"]), "@", neg(ctx, "count"), ".service - "] + cmd
    elif style == "cron":
        segs = [ts(ctx, "syslog"), " ", host(ctx), " CRON[", neg(ctx, "pid"), "]: (svc-etl) CMD ("] + cmd + [")"]
    elif style == "bash_history":
        segs = ["#", ts(ctx, "epoch_s"), " "] + cmd
    elif style == "supervisor":
        segs = [ts(ctx, "space_comma"), " INFO spawned: 'worker' with pid ", neg(ctx, "pid"), " args="] + cmd
    else:
        segs = [ts(ctx, "iso_off"), " job-runner exec: "] + cmd
    return mk("text", "argv_" + style, segs)


def gen_sql(ctx, C):
    r = ctx.rng
    fields = pick_fieldset(ctx)
    S = scene_for(ctx, fields)
    style = ctx.pick("sql_styles", ["pg_stmt", "pg_params", "pg_insert", "pg_dupkey", "mysql_general", "sqlalchemy", "hibernate",
                                    "mongo", "mysql_dupentry", "pg_update"])
    col = lambda f: {"full": "full_name", "first": "first_name", "last": "last_name", "street": "address_line1"}.get(f, ctx.key(f))
    pre = [ts(ctx, "pg"), " [", neg(ctx, "pid"), "] "]
    if style == "pg_stmt":
        segs = pre + ["LOG:  duration: ", N("%.3f" % r.uniform(0.1, 900), "duration_ms"), " ms  statement: SELECT id, chart_status FROM patients WHERE "]
        for k, f in enumerate(fields[:3]):
            segs += [" AND " if k else "", col(f), " = '", field_p(ctx, S, f, "same"), "'"]
        segs += [" LIMIT 50"]
    elif style == "pg_params":
        segs = pre + ["DETAIL:  parameters: "]
        for k, f in enumerate(fields[:4]):
            segs += [", " if k else "", "$%d = '" % (k + 1), field_p(ctx, S, f, "none"), "'"]
    elif style == "pg_insert":
        fs = fields[:4]
        segs = pre + ["LOG:  statement: INSERT INTO patient_demographics (", ", ".join(col(f) for f in fs), ") VALUES ("]
        for k, f in enumerate(fs):
            segs += [", " if k else "", "'", field_p(ctx, S, f, "prev"), "'"]
        segs += [")"]
    elif style == "pg_dupkey":
        f = r.choice(["ssn", "mrn", "email", "member"])
        segs = pre + ["ERROR:  duplicate key value violates unique constraint \"patients_", col(f), "_key\" DETAIL:  Key (", col(f), ")=(",
                      field_p(ctx, S, f, "same"), ") already exists."]
    elif style == "pg_update":
        f, g = r.sample([x for x in fields if x != "age"] or ["phone", "mrn"], 2) if len([x for x in fields if x != "age"]) >= 2 else ("phone", "mrn")
        segs = pre + ["LOG:  statement: UPDATE patients SET ", col(f), " = '", field_p(ctx, S, f, "same"), "', updated_at = now() WHERE ",
                      col(g), " = '", field_p(ctx, S, g, "same"), "'"]
    elif style == "mysql_general":
        f = r.choice(fields)
        segs = [ts(ctx, "nano"), "\t", str(r.randrange(5, 900)), " Query\tSELECT * FROM `patient` WHERE `", col(f), "`='", field_p(ctx, S, f, "same"), "' LIMIT 1"]
    elif style == "sqlalchemy":
        segs = [ts(ctx, "space_comma"), " INFO sqlalchemy.engine.Engine [generated in ", N("%.5fs" % r.uniform(0, 0.01), "duration"), "] ("]
        for k, f in enumerate(fields[:4]):
            segs += [", " if k else "", "'", field_p(ctx, S, f, "none"), "'"]
        segs += [", ", str(r.randrange(1, 100)), ", 0)"]
    elif style == "hibernate":
        f = r.choice(fields)
        segs = [ts(ctx, "space_dot"), " TRACE ", neg(ctx, "pid"), " --- [main] o.h.type.descriptor.sql.BasicBinder : binding parameter [",
                str(r.randrange(1, 9)), "] as [", r.choice(["VARCHAR", "DATE", "BIGINT"]), "] - [", field_p(ctx, S, f, "none"), "]"]
    elif style == "mongo":
        segs = [ts(ctx, "iso_z"), " I  COMMAND  [conn", neg(ctx, "count"), "] command ehr.patients command: find { find: \"patients\", filter: { "]
        for k, f in enumerate(fields[:2]):
            segs += [", " if k else "", col(f), ': "', field_p(ctx, S, f, "same"), '"']
        segs += [" }, limit: 1 } planSummary: IXSCAN { ", col(fields[0]), ": 1 } keysExamined:1 docsExamined:1 ", neg(ctx, "duration")]
    else:
        f = r.choice(["ssn", "mrn", "email", "phone"])
        segs = [ts(ctx, "space_dot"), " ERROR 1062 (", N("23000", "sqlstate"), "): Duplicate entry '", field_p(ctx, S, f, "same"), "' for key 'patients.uq_", col(f), "'"]
    return mk("text", "sql_" + style, segs)


def gen_csv(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    style = ctx.pick("csv_styles", ["bare", "header", "pipe", "tsv", "quoted", "fixed_prefix"])
    cols = ctx.pick("csv_layouts", [["mrn", "last", "first", "dob", "sex", "zip"], ["account", "full", "phone", "email"],
                                    ["member", "last", "first", "dob", "street", "city", "state", "zip"],
                                    ["ssn", "dob", "last", "first"], ["first", "last", "phone", "dob", "mbi"],
                                    ["mrn", "full", "street", "city", "state", "zip", "phone"]])
    sep = {"pipe": "|", "tsv": "\t"}.get(style, ",")
    cue = "prev" if style == "header" else "none"
    vals = []
    for c in cols:
        if c == "sex":
            vals.append([p.sex])
        elif c == "state":
            vals.append([p.state])
        else:
            fp = field_p(ctx, S, c, cue, form=("upper_last_first" if c == "full" and style == "pipe" else None))
            if c in ("last", "first") and style in ("pipe", "fixed_prefix"):
                fp = P(fp.v.upper(), "NAME", cue, fp.form.replace("name_", "name_upper_"))
            if style == "quoted" or (sep == "," and ("," in fp.v)):
                vals.append(['"', fp, '"'])
            else:
                vals.append([fp])
    row = []
    for k, v in enumerate(vals):
        if k:
            row.append(sep)
        row.extend(v)
    if style == "header":
        segs = [ts(ctx, "space_comma"), " WARN import: bad row line=", neg(ctx, "count"), " header=", ",".join(cols), " values="] + row
    elif style == "fixed_prefix":
        segs = ["[", ts(ctx, "iso_z"), "] extract ", neg(ctx, "uuid"), " row ", neg(ctx, "count"), ": "] + row
    else:
        segs = [ts(ctx, "space_dot"), " export row: "] + row
    return mk("text", "csv_row_" + style, segs)


def gen_xml(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    style = ctx.pick("xml_styles", ["soap", "cda", "ncpdp", "plain", "attrs"])
    if style == "soap":
        ns = r.choice(["ns2:", "pat:", ""])
        segs = [ts(ctx, "space_comma"), " DEBUG [SoapLoggingHandler] request body: <", ns, "Patient><", ns, "Name><", ns, "Given>",
                field_p(ctx, S, "first", "same"), "</", ns, "Given><", ns, "Family>", field_p(ctx, S, "last", "same"), "</", ns, "Family></", ns, "Name><",
                ns, "BirthDate>", field_p(ctx, S, "dob", "same", form="iso"), "</", ns, "BirthDate><", ns, "SSN>", field_p(ctx, S, "ssn", "same"), "</", ns, "SSN></", ns, "Patient>"]
    elif style == "cda":
        segs = [ts(ctx, "iso_z"), " cda-parser: recordTarget=<patientRole><id root=\"2.16.840.1.113883.19.5\" extension=\"", field_p(ctx, S, "mrn", "same"),
                "\"/><addr use=\"HP\"><streetAddressLine>", field_p(ctx, S, "street", "same"), "</streetAddressLine><city>", field_p(ctx, S, "city", "same"),
                "</city><state>", p.state, "</state><postalCode>", field_p(ctx, S, "zip", "same"), "</postalCode></addr><telecom value=\"tel:",
                field_p(ctx, S, "phone", "same", form="e164"), "\"/><patient><name><given>", field_p(ctx, S, "first", "same"), "</given><family>",
                field_p(ctx, S, "last", "same"), "</family></name><birthTime value=\"", field_p(ctx, S, "dob", "same", form="compact_yyyymmdd"), "\"/></patient></patientRole>"]
    elif style == "ncpdp":
        segs = [ts(ctx, "space_dot"), " surescripts NewRx: <Patient><HumanPatient><Name><LastName>", field_p(ctx, S, "last", "same"), "</LastName><FirstName>",
                field_p(ctx, S, "first", "same"), "</FirstName></Name><DateOfBirth><Date>", field_p(ctx, S, "dob", "same", form="iso"),
                "</Date></DateOfBirth></HumanPatient></Patient><MedicationPrescribed><DrugDescription>", neg(ctx, "drug"), " ", neg(ctx, "dose"),
                "</DrugDescription><DrugCoded><ProductCode><Code>", N(r.choice(NDC).replace("-", ""), "ndc_11"), "</Code></ProductCode></DrugCoded></MedicationPrescribed>"]
    elif style == "attrs":
        segs = [ts(ctx, "space_comma"), " WARN schema validation failed for <member id=\"", field_p(ctx, S, "member", "same"), "\" dob=\"",
                field_p(ctx, S, "dob", "same"), "\" zip=\"", field_p(ctx, S, "zip", "same"), "\" name=\"", field_p(ctx, S, "full", "same"), "\"/>"]
    else:
        segs = ["<", ts(ctx, "iso_sec"), "> intake xml: <intake><name>", field_p(ctx, S, "full", "same"), "</name><phone>", field_p(ctx, S, "phone", "same"),
                "</phone><email>", field_p(ctx, S, "email", "same"), "</email><reason>", r.choice(VISIT_REASONS), "</reason></intake>"]
    return mk("text", "xml_" + style, segs)


NOTE_INJECT = [
    "{NAME:none} {REST}", "{REST} Discussed plan with {NAME2:none:first_only}, patient's {$rel}.",
    "{REST} Family contact: {NAME2:same} {PHONE2:same}.", "Pt {NAME:same:last_comma_first}: {REST}",
    "{REST} Follow up with {DR} in 2 weeks.", "{REST} Seen with {NAME2:none:first_last} at bedside.",
    "{NAME:none:first_only} says: {REST}", "{REST} Callback {PHONE:same} if symptoms worsen.",
    "Re: {NAME:none:upper_last_first}. {REST}", "{REST} -- note by scribe for {NAME:none:first_mi_last}",
]


def note_segs(ctx, C, S):
    r = ctx.rng
    rest = r.choice(C.notes)
    tpl = ctx.pick("note_inject", NOTE_INJECT)
    if tpl.startswith("{NAME:none} {REST}"):
        m = re.match(r"(?i)^(the patient|patient|she|he)\b", rest)
        if not m:
            tpl = "{REST} Seen with {NAME2:none:first_last} at bedside."
        else:
            rest = rest[m.end():].lstrip()
    tpl = tpl.replace("{$rel}", r.choice(["daughter", "son", "wife", "husband", "caregiver", "niece"]))
    a, b = tpl.split("{REST}")
    return expand(ctx, a, S) + [rest] + expand(ctx, b, S)


def gen_note_text(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    style = ctx.pick("note_styles", ["scribe", "syslog", "k8s_plain", "quoted_field", "portal_msg"])
    body = note_segs(ctx, C, S)
    if style == "scribe":
        segs = [ts(ctx, "iso_z"), " INFO scribe-svc encounter=", neg(ctx, "uuid"), " section=", r.choice(["HPI", "ASSESSMENT", "PLAN", "GENHX"]), " text: "] + body
    elif style == "syslog":
        segs = [ts(ctx, "syslog"), " ", host(ctx), " ambient-notes[", neg(ctx, "pid"), "]: draft: "] + body
    elif style == "k8s_plain":
        segs = [ts(ctx, "nano"), " stdout F summarizer: "] + body
    elif style == "quoted_field":
        segs = [ts(ctx, "space_comma"), " DEBUG note_text=\""] + body + ['" tokens=', neg(ctx, "count")]
    else:
        segs = [ts(ctx, "iso_off"), " portal inbox msg ", neg(ctx, "uuid"), ": "] + body
    return mk("text", "note_" + style, segs)


def gen_postfix(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    qid = N("".join(r.choice("0123456789ABCDEF") for _ in range(10)), "queue_id")
    relay_ip = P(gen_ipv4(r), "IP", "same", "ipv4_relay")
    st = ctx.pick("postfix_styles", ["sent", "bounced", "deferred", "smtpd"])
    pre = [ts(ctx, "syslog"), " mail01 postfix/smtp[", neg(ctx, "pid"), "]: ", qid, ": to=<", P(p.email(ctx.form("EMAIL"))[0], "EMAIL", "same", "email_postfix_to"), ">, relay="]
    if st == "sent":
        segs = pre + ["mx.example-mail.net[", relay_ip, "]:25, delay=", N("%.1f" % r.uniform(0, 5), "duration_s"), ", delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK ",
                      ts(ctx, "epoch_s"), " ", neg(ctx, "span"), " - gsmtp)"]
    elif st == "bounced":
        segs = pre + ["mx.example-mail.net[", relay_ip, "]:25, delay=0.9, dsn=5.1.1, status=bounced (host said: 550 5.1.1 The email account that you tried to reach does not exist)"]
    elif st == "deferred":
        segs = pre + ["none, delay=", N("%d" % r.randrange(100, 90000), "duration_s"), ", dsn=4.4.1, status=deferred (connect to mx.example-mail.net[", relay_ip, "]:25: Connection timed out)"]
    else:
        segs = [ts(ctx, "syslog"), " mail01 postfix/smtpd[", neg(ctx, "pid"), "]: NOQUEUE: reject: RCPT from unknown[", relay_ip,
                "]: 450 4.7.1 Client host rejected; from=<", P(p.email(ctx.form("EMAIL"))[0], "EMAIL", "same", "email_postfix_from"), "> proto=ESMTP"]
    return mk("text", "postfix_" + st, segs)


def gen_rfc5424(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    fields = r.sample(["mrn", "ip", "member", "dob", "zip", "phone", "email"], 2)
    sdid = ctx.pick("sd_ids", ["meta@32473", "phi@41058", "req@32473", "ctx@50000", "origin"])
    sd = ["[", sdid] if "@" not in sdid else ["[", sdid.split("@")[0], "@", N(sdid.split("@")[1], "enterprise_number")]
    for f in fields:
        v = field_p(ctx, S, f, "same")
        sd += [" ", ctx.key(f), '="', v, '"']
    sd += ["]"]
    segs = ["<", str(r.choice([134, 165, 14, 131, 190])), ">1 ", ts(ctx, "iso_z"), " ", host(ctx), " ", ctx.pick("comp.syslog", COMPONENTS["syslog"]), " ",
            neg(ctx, "pid"), " ", r.choice(["ID47", "AUDIT", "-", "REQ"]), " "] + sd + [" "] + text_msg(ctx, S)
    return mk("text", "syslog_rfc5424", segs)


def gen_sms_webhook_text(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    from urllib.parse import quote_plus
    body_tpl = ctx.pick("sms_bodies", ["my dob is {D}", "this is {N} please call me", "{N} {D} need refill", "cancel appt for {N}",
                                       "new address {ST} {C}", "yes confirm. {N}", "my member id is {M}"])
    segs = [ts(ctx, "space_comma"), " INFO [sms-inbound] POST /twilio/sms body: ToCountry=US&SmsMessageSid=SM", neg(ctx, "trace"), "&Body="]
    pos = 0
    for m in re.finditer(r"\{(D|N|ST|C|M)\}", body_tpl):
        segs.append(quote_plus(body_tpl[pos:m.start()]))
        pos = m.end()
        c = m.group(1)
        if c == "D":
            v, f = p.dob_s(ctx.form("DOB"))
            e, cue = "DOB", "same"
        elif c == "N":
            v, f = p.name(r.choice(["first_last", "lower_first_last", "first_only"]))
            e, cue = "NAME", ("same" if "this is" in body_tpl else "none")
        elif c == "ST":
            v, f = p.street(ctx.form("STREET"))
            e, cue = "STREET", "same"
        elif c == "C":
            v, f = p.city, "city"
            e, cue = "CITY", "none"
        else:
            v, f = p.member(ctx.form("MEMBER_ID"))
            e, cue = "MEMBER_ID", "same"
        q = quote_plus(v)
        segs.append(P(q, e, cue, f + ("_urlenc" if q != v else "")))
    segs.append(quote_plus(body_tpl[pos:]))
    ph, f = p.phone("e164")
    segs += ["&From=", P(quote_plus(ph), "PHONE", "same", "phone_e164_urlenc"), "&NumMedia=0&ApiVersion=", N("2010-04-01", "api_version_date")]
    return mk("text", "sms_webhook_form", [s for s in segs if s != ""])


def gen_payment_text(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    p = S.person(1)
    exp = N("%02d/%02d" % (r.randrange(1, 13), r.randrange(25, 31)), "card_expiry")
    st = ctx.pick("pay_styles", ["gateway_decline", "dlp_scan", "ivr_dtmf", "refund", "tokenize_json", "avs_mismatch", "moto_note"])
    if st == "gateway_decline":
        fm = ctx.form("CARD")
        segs = [ts(ctx, "space_comma"), " WARN [PaymentGateway] authorization declined pan=", P(p.card_s(fm)[0], "CARD", "same", p.card_s(fm)[1]), " exp=", exp,
                " avs_zip=", P(p.zip5, "ZIP", "same", "zip5"), " amount=", neg(ctx, "price"), " response=05 DO NOT HONOR order=", neg(ctx, "order")]
    elif st == "dlp_scan":
        fm = ctx.form("CARD")
        segs = [ts(ctx, "iso_z"), " dlp-scanner: possible PAN in field 'notes' of ticket ", neg(ctx, "ticket"), ": \"",
                P(p.card_s(fm)[0], "CARD", "none", p.card_s(fm)[1]), " exp ", exp, "\""]
    elif st == "ivr_dtmf":
        segs = [ts(ctx, "syslog"), " ", host(ctx), " ivr-bridge[", neg(ctx, "pid"), "]: payment DTMF capture complete card_digits=",
                P(p.card, "CARD", "same", "card_plain16_dtmf"), " caller=", P(p.phone("e164")[0], "PHONE", "same", "phone_e164")]
    elif st == "refund":
        fm = ctx.form("CARD")
        segs = [ts(ctx, "space_dot"), " INFO refund ", neg(ctx, "invoice"), " issued to card ", P(p.card_s(fm)[0], "CARD", "same", p.card_s(fm)[1]),
                " for guarantor ", P(p.name("first_last")[0], "NAME", "same", p.name("first_last")[1]), " amount ", neg(ctx, "price")]
    elif st == "tokenize_json":
        o = {"number": P(p.card, "CARD", "same", "card_plain16"), "exp_month": N(r.randrange(1, 13), "card_expiry_month"),
             "exp_year": N(r.randrange(2025, 2031), "card_expiry_year"), "name": P(p.name("upper_first_last")[0], "NAME", "same", p.name("upper_first_last")[1]),
             "address_zip": P(p.zip5, "ZIP", "same", "zip5")}
        segs = [ts(ctx, "iso_off"), " DEBUG vault tokenize request body="] + segs_of_json(o)
    elif st == "avs_mismatch":
        segs = [ts(ctx, "space_comma"), " INFO avs result=N for card ", P(p.card_s("spaces")[0], "CARD", "same", p.card_s("spaces")[1]), " billing ",
                P(*p.street(ctx.form("STREET"))[:1], "STREET", "same", "street_avs"), ", ", P(p.city, "CITY", "same", "city"), " ", p.state, " ",
                P(p.zip5, "ZIP", "same", "zip5")]
    else:
        segs = [ts(ctx, "iso_z"), " billing-note: pt ", P(p.name("first_only")[0], "NAME", "same", p.name("first_only")[1]), " paid copay ", neg(ctx, "price"),
                " by phone w/ ", P(p.card_s("dashes")[0], "CARD", "none", p.card_s("dashes")[1]), " ", exp]
    return mk("text", "payment_" + st, segs)


NEG_TEMPLATES = [
    "appointment slot released {~appt_date} {~appt_time} clinic={$clinic} reason={$reason}",
    "order {~order} shipped: {~ndc} {~drug} {~dose} qty 90 ({~price})",
    "claim {~claim} status=PAID amount={~price} cpt={~cpt} dx={~icd10} service_date={~service_date}",
    "lab {~loinc} result {~lab} flagged H; reflex {~loinc} ordered",
    "{~w:Will} retry in 30s (attempt 3/5) request_id={~reqid}",
    "{~w:Mark} as no-show job finished: {~count} visits updated in {~duration}",
    "build {~build} deployed version {~version} to sched-api ({~ipver})",
    "invoice {~invoice} sent; confirmation {~confirmation}; total {~price}",
    "dose check: {~drug} {~dose} within range for weight band; {~vital}",
    "ticket {~ticket} resolved: {~eponym} education leaflet v{~count} published",
    "HTTP {~status} GET /health in {~duration} bytes={~bytes} port={~port}",
    "visit {~visit_date} {~appt_time} checked out; copay {~price}",
    "control number {~ctrl} acknowledged (999 accepted) at {~epoch_s}",
    "{~w:Grant} role=scheduler to service account sched-bot (policy {~version})",
    "Rx {~rx} transferred; {~drug} {~dose}; NDC {~ndc}; rxnorm {~rxnorm}",
    "{~w:May} schedule published: {~count} open slots, first {~appt_date}",
    "{~w:Hope} Valley Clinic opened {~appt_date}; {~count} providers onboarded",
    "{~w:Bill} cycle {~service_date} closed; {~count} statements, {~price} total",
    "{~w:Faith} Community Health Center capacity {~count}%",
    "vitals panel: {~vital}, {~vital}, {~vital}",
    "trace {~trace} span {~span} parent {~span} duration {~duration}",
    "cache key sha={~sha} ttl=300 size={~bytes}",
    "upgrade Chrome/120.0.6099.{~count} detected; portal build {~build}",
    "formulary update: {~drug} tier 2; {~drug} tier 3; effective {~appt_date}",
    "pod {~pod} restarted (exit 137) after {~duration}",
    "call {~callsid} ended after {~duration}; queue=refills; wait {~duration}",
    "CPT {~cpt} and {~cpt} bundled per NCCI edit; modifier 59 applied",
    "next available: {~appt_date} at {~appt_time} or {~appt_date} at {~appt_time}",
]


def gen_negonly_text(ctx, C):
    r = ctx.rng
    tpl = ctx.pick("neg_templates", NEG_TEMPLATES)
    style = r.choice(["iso", "syslog", "java", "compact"])
    if style == "iso":
        pre = [ts(ctx, "iso_z"), " ", level(ctx), " "]
    elif style == "syslog":
        pre = [ts(ctx, "syslog"), " ", host(ctx), " ", ctx.pick("comp.syslog", COMPONENTS["syslog"]), "[", neg(ctx, "pid"), "]: "]
    elif style == "java":
        pre = [ts(ctx, "space_comma"), " ", level(ctx), " [main] ", ctx.pick("comp.java", COMPONENTS["java"]), ": "]
    else:
        pre = [ts(ctx, "compact"), "|", ctx.pick("comp.healthapp", COMPONENTS["healthapp"]), "|", neg(ctx, "pid"), "|"]
    return mk("text", "negatives_only", pre + expand(ctx, tpl, Scene(ctx)))


def gen_k8s_cri_text(ctx, C):
    r = ctx.rng
    inner = text_msg(ctx)
    segs = [ts(ctx, "nano"), " ", r.choice(["stdout", "stderr"]), " F ", ts(ctx, "space_comma"), " ", level(ctx), " "] + inner
    return mk("text", "k8s_cri_text", segs)


# ----------------------------------------------------------------------------------------
# NDJSON: framework envelopes + event payloads
# ----------------------------------------------------------------------------------------

SERVICES = _w("sched-api|eligibility-worker|claims-svc|portal-web|hl7-bridge|rx-refill|telehealth-api|intake-api|"
              "billing-statements|mpi-service|notify-svc|fhir-gateway|ivr-connector|lab-results")


def envelope(ctx, msg, fields, style=None):
    r = ctx.rng
    style = style or ctx.pick("json_envelopes", ["pino", "bunyan", "winston", "logrus", "zap", "structlog", "serilog", "ecs",
                                                 "gcp", "dotnet", "slog", "logback", "pyjson", "powertools"])
    svc = ctx.pick("services", SERVICES)
    m = R(msg)
    F = dict(fields)
    if style == "pino":
        o = {"level": r.choice([30, 30, 40, 50]), "time": N(int(ts(ctx, "epoch_ms").v), "epoch_millis"), "pid": N(r.randrange(10, 60000), "pid"),
             "hostname": host(ctx), "reqId": neg(ctx, "reqid")}
        o.update(F)
        o["msg"] = m
    elif style == "bunyan":
        o = {"name": svc, "hostname": host(ctx), "pid": N(r.randrange(10, 60000), "pid"), "level": r.choice([30, 40, 50])}
        o.update(F)
        o.update({"msg": m, "time": ts(ctx, "iso_z"), "v": 0})
    elif style == "winston":
        o = {"level": level(ctx, "lower"), "message": m, "service": svc}
        o.update(F)
        o["timestamp"] = ts(ctx, "iso_z")
    elif style == "logrus":
        o = dict(F)
        o.update({"level": level(ctx, "lower"), "msg": m, "time": ts(ctx, "iso_sec")})
    elif style == "zap":
        o = {"level": level(ctx, "lower"), "ts": N(float(ts(ctx, "epoch_float").v), "epoch_float"),
             "caller": "%s/%s.go:%d" % (svc.split("-")[0], r.choice(["handler", "check", "worker", "client"]), r.randrange(20, 400)), "msg": m}
        o.update(F)
    elif style == "structlog":
        o = {"event": m}
        o.update(F)
        o.update({"level": level(ctx, "lower"), "logger": ctx.pick("comp.python", COMPONENTS["python"]), "timestamp": ts(ctx, "iso_z")})
    elif style == "serilog":
        o = {"@t": ts(ctx, "iso_z"), "@mt": "{Event} processed for {@Subject}", "@l": r.choice(["Information", "Warning", "Error"]),
             "Event": m, "Subject": F, "SourceContext": "Clinic.Api." + r.choice(["PatientsController", "EligibilityService", "ClaimsJob"]),
             "RequestId": neg(ctx, "reqid")}
        if r.random() < 0.5:
            o["@i"] = N(hexs(r, 8), "event_id_hash")
    elif style == "ecs":
        o = {"@timestamp": ts(ctx, "iso_z"), "log.level": level(ctx, "lower"), "message": m, "ecs.version": N("1.6.0", "version"),
             "service.name": svc, "trace.id": neg(ctx, "trace"), "labels": F}
    elif style == "gcp":
        o = {"severity": level(ctx, "warning"), "message": m, "logging.googleapis.com/trace": R("projects/ehr-prod/traces/", neg(ctx, "trace")),
             "logging.googleapis.com/spanId": neg(ctx, "span")}
        o.update(F)
    elif style == "dotnet":
        st = dict(F)
        st["{OriginalFormat}"] = "Processed {Event}"
        o = {"Timestamp": ts(ctx, "iso_off"), "EventId": N(r.randrange(1, 9000), "event_id"), "LogLevel": r.choice(["Information", "Warning"]),
             "Category": "Clinic.Api.Services." + r.choice(["Intake", "Scheduling", "Billing"]), "Message": m, "State": st}
    elif style == "slog":
        o = {"time": ts(ctx, "iso_off"), "level": level(ctx, "upper"), "msg": m}
        o.update(F)
    elif style == "logback":
        o = {"@timestamp": ts(ctx, "iso_off"), "@version": "1", "message": m, "logger_name": ctx.pick("comp.java", COMPONENTS["java"]),
             "thread_name": "http-nio-8080-exec-%d" % r.randrange(1, 50), "level": level(ctx, "upper"), "level_value": 20000}
        o.update(F)
    elif style == "pyjson":
        o = {"asctime": ts(ctx, "space_comma"), "name": ctx.pick("comp.python", COMPONENTS["python"]), "levelname": level(ctx, "upper"), "message": m}
        o.update(F)
    else:
        o = {"level": level(ctx, "upper"), "location": "handler:%d" % r.randrange(10, 300), "message": m,
             "timestamp": N(rand_dt(r).strftime("%Y-%m-%d %H:%M:%S,") + "%03d+0000" % r.randrange(1000), "timestamp"),
             "service": svc, "cold_start": r.random() < 0.1, "function_name": svc + "-fn", "function_request_id": neg(ctx, "uuid"),
             "xray_trace_id": N("1-%s-%s" % (hexs(r, 8), hexs(r, 24)), "trace_id")}
        o.update(F)
    return o, style


def kn(ctx, f):
    return ctx.key(f)


def person_obj(ctx, S, i=1, fields=("first", "last", "dob"), cue="same", num_ok=True):
    o = {}
    for f in fields:
        if f == "address":
            o[r_choice(ctx, ["address", "home_address", "addr", "Address", "residence", "mailingAddress"])] = address_obj(ctx, S, i)
        elif f == "sex":
            o[r_choice(ctx, ["sex", "gender", "administrativeSex"])] = S.person(i).sex
        else:
            o[kn(ctx, f)] = field_p(ctx, S, f, cue, i, json_num=(num_ok and f in ("npi", "phone", "zip", "mrn", "account", "ssn", "age") and ctx.chance(0.25)))
    return o


def r_choice(ctx, items):
    return ctx.pick("jk." + items[0], items)


def address_obj(ctx, S, i=1):
    p = S.person(i)
    o = {}
    style = ctx.rng.randrange(3)
    if style == 0:
        o[kn(ctx, "street")] = field_p(ctx, S, "street", "same", i, form=ctx.rng.choice(["num_name_suffix", "num_dir_name_suffix", "numbered", "po_box", "highway"]))
        if ctx.chance(0.5):
            o[r_choice(ctx, ["line2", "address2", "addressLine2", "unit", "apt"])] = P(p.unit, "STREET", "same", "street_unit_only")
    elif style == 1:
        o["line"] = [field_p(ctx, S, "street", "same", i)]
    else:
        o[kn(ctx, "street")] = field_p(ctx, S, "street", "same", i)
    o[kn(ctx, "city")] = field_p(ctx, S, "city", "same", i)
    o[kn(ctx, "state")] = p.state if ctx.chance(0.8) else STATE_NAMES[p.state]
    o[kn(ctx, "zip")] = field_p(ctx, S, "zip", "same", i, json_num=ctx.chance(0.15))
    return o


def ev_patient_upsert(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.upsert", ["nested", "flat", "with_contacts", "with_alt_phones", "demographics_diff"])
    fields = ["first", "last", "dob"] + r.sample(["ssn", "phone", "email", "mrn", "address"], r.randrange(1, 4))
    if v == "flat":
        F = person_obj(ctx, S, 1, fields)
    elif v == "demographics_diff":
        f = r.choice(["phone", "email", "street", "dob", "last"])
        F = {"patient_id": neg(ctx, "uuid"), "changes": [{"op": "replace", "path": "/" + kn(ctx, f), "from": field_p(ctx, S, f, "prev", 2),
                                                            "value": field_p(ctx, S, f, "prev", 1)}]}
        return ["demographics updated"], F
    else:
        pat = person_obj(ctx, S, 1, fields)
        if v == "with_contacts":
            pat[r_choice(ctx, ["emergency_contact", "emergencyContact", "next_of_kin", "guarantor"])] = {
                kn(ctx, "full"): field_p(ctx, S, "full", "same", 2), "relationship": r.choice(["spouse", "daughter", "son", "mother", "friend"]),
                kn(ctx, "phone"): field_p(ctx, S, "phone", "same", 2)}
            pat["contacts"] = [{"name": field_p(ctx, S, "full", "same", 3), "phone": field_p(ctx, S, "phone", "same", 3), "type": "caregiver"}]
        if v == "with_alt_phones":
            pat[r_choice(ctx, ["alt_phones", "altPhones", "other_numbers", "phones"])] = [field_p(ctx, S, "phone", "same", 1), field_p(ctx, S, "phone", "same", 2)]
        F = {r_choice(ctx, ["patient", "subject", "member", "demographics", "pt"]): pat}
    F["source"] = r.choice(["portal", "kiosk", "hl7", "api"])
    return [r.choice(["patient upserted", "registration saved", "demographics sync", "patient created"])], F


def ev_eligibility(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.elig", ["chc_request", "chc_error", "mismatch_msg", "mbi_lookup", "ssn_fallback"])
    p = S.person(1)
    if v == "chc_request":
        F = {"controlNumber": neg(ctx, "ctrl"), "tradingPartnerServiceId": ctx.pick("payers", PAYERS),
             "provider": {"organizationName": ctx.pick("clinics", CLINICS), "npi": field_p(ctx, S, "npi", "same", json_num=ctx.chance(0.4))},
             "subscriber": {"memberId": field_p(ctx, S, "member", "same"), "firstName": field_p(ctx, S, "first", "same"),
                            "lastName": field_p(ctx, S, "last", "same"), "gender": p.sex,
                            "dateOfBirth": P(fmt_date(p.dob, "compact_yyyymmdd"), "DOB", "same", "dob_compact_yyyymmdd")},
             "encounter": {"serviceTypeCodes": ["30"], "dateOfService": neg(ctx, "service_date")}}
        return ["270 eligibility request"], F
    if v == "chc_error":
        F = {"controlNumber": neg(ctx, "ctrl"), "errors": [{"field": "AAA", "code": "71", "description": "Patient Birth Date Does Not Match That for the Patient on the Database",
                                                            "followupAction": "Please Correct and Resubmit", "location": "Loop 2100C"}],
             "subscriber": {"memberId": field_p(ctx, S, "member", "same"), "dateOfBirth": field_p(ctx, S, "dob", "same")}}
        return ["271 rejected"], F
    if v == "mismatch_msg":
        return ["birthdate mismatch (expected ", field_p(ctx, S, "dob", "same"), ", got ", field_p(ctx, S, "dob", "same", 2), ") for member ",
                field_p(ctx, S, "member", "same")], {"payer": ctx.pick("payers", PAYERS), "attempt": r.randrange(1, 4)}
    if v == "mbi_lookup":
        return ["MBI lookup"], {kn(ctx, "mbi"): field_p(ctx, S, "mbi", "same"), kn(ctx, "last"): field_p(ctx, S, "last", "same"),
                                kn(ctx, "dob"): field_p(ctx, S, "dob", "same"), "result": r.choice(["found", "not_found", "deceased_flag"])}
    return ["falling back to SSN search"], {kn(ctx, "ssn"): field_p(ctx, S, "ssn", "same", json_num=ctx.chance(0.2)),
                                            kn(ctx, "full"): field_p(ctx, S, "full", "same")}


def ev_claim(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.claim", ["submit", "denial", "remit", "statement"])
    if v == "submit":
        F = {"claimId": neg(ctx, "claim"), "billing": {kn(ctx, "npi"): field_p(ctx, S, "npi", "same", json_num=ctx.chance(0.5)),
                                                        kn(ctx, "taxid"): field_p(ctx, S, "taxid", "same")},
             "subscriber": person_obj(ctx, S, 1, ["member", "first", "last", "dob"]),
             "patientControlNumber": field_p(ctx, S, "account", "same"),
             "serviceLines": [{"procedureCode": neg(ctx, "cpt"), "diagnosisCodes": [neg(ctx, "icd10"), neg(ctx, "icd10")],
                               "chargeAmount": N(round(r.uniform(20, 900), 2), "price"), "serviceDate": neg(ctx, "visit_date")}]}
        return ["claim submitted"], F
    if v == "denial":
        return ["claim denied CARC ", N(str(r.choice([16, 27, 29, 50, 97, 197])), "carc_code"), " for ", field_p(ctx, S, "full", "none")], \
               {"claim_number": neg(ctx, "claim"), kn(ctx, "account"): field_p(ctx, S, "account", "same", json_num=ctx.chance(0.3)), "amount": N(round(r.uniform(20, 900), 2), "price")}
    if v == "remit":
        return ["835 remit posted"], {"check_number": neg(ctx, "order"), "payee_npi": field_p(ctx, S, "npi", "same", json_num=True),
                                      "patient": {kn(ctx, "full"): field_p(ctx, S, "full", "same"), kn(ctx, "account"): field_p(ctx, S, "account", "same")},
                                      "paid": N(round(r.uniform(5, 500), 2), "price")}
    if r.random() < 0.35:
        p = S.person(1)
        lbl = [field_p(ctx, S, "full", "none", form=r.choice(["upper_first_last", "first_last"])), "\n",
               field_p(ctx, S, "street", "none"), "\n", P(p.city, "CITY", "none", "city"), ", ", p.state, "  ", field_p(ctx, S, "zip", "none")]
        return ["statement print queued"], {"statement_id": neg(ctx, "invoice"), "mailing_label": R(lbl), "pages": r.randrange(1, 4)}
    return ["statement generated"], {"guarantor": {kn(ctx, "full"): field_p(ctx, S, "full", "same"), "address": address_obj(ctx, S)},
                                     "balance": N(round(r.uniform(5, 2000), 2), "price"), "due": neg(ctx, "appt_date")}


def ev_pharmacy(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.rx", ["refill", "pdmp", "pa", "label"])
    if v == "refill":
        return ["refill queued for ", field_p(ctx, S, "first", "none")], {"rx_number": neg(ctx, "rx"), "ndc": neg(ctx, "ndc"), "drug": neg(ctx, "drug"),
                                                                         "sig": neg(ctx, "dose"), "patient": person_obj(ctx, S, 1, ["full", "dob", "phone"])}
    if v == "pdmp":
        return ["PDMP query"], {"query": {kn(ctx, "last"): field_p(ctx, S, "last", "same"), kn(ctx, "first"): field_p(ctx, S, "first", "same"),
                                          kn(ctx, "dob"): field_p(ctx, S, "dob", "same"), kn(ctx, "zip"): field_p(ctx, S, "zip", "same")},
                                "prescriber_npi": field_p(ctx, S, "npi", "same", json_num=ctx.chance(0.5)), "results": r.randrange(0, 6)}
    if v == "pa":
        return ["prior auth ", neg(ctx, "ctrl"), " approved"], {kn(ctx, "member"): field_p(ctx, S, "member", "same"), "drug": neg(ctx, "drug"),
                                                                "diagnosis": neg(ctx, "icd10"), kn(ctx, "npi"): field_p(ctx, S, "npi", "same")}
    return ["label printed"], {"label_text": R([field_p(ctx, S, "full", "none", form="upper_last_comma_first"), " ", neg(ctx, "drug"), " ", neg(ctx, "dose"),
                                                " TAKE AS DIRECTED Rx#", neg(ctx, "rx")])}


def ev_portal(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.portal", ["login", "reset", "mfa", "proxy", "signup"])
    if v == "login":
        return ["login success"], {kn(ctx, "email"): field_p(ctx, S, "email", "same"), kn(ctx, "ip"): field_p(ctx, S, "ip", "same"),
                                   "user_agent": neg(ctx, "ua"), "session": neg(ctx, "uuid")}
    if v == "reset":
        return ["password reset link sent to ", field_p(ctx, S, "email", "none")], {"ttl_minutes": 30, "request_id": neg(ctx, "reqid")}
    if v == "mfa":
        return ["mfa challenge"], {"channel": "sms", kn(ctx, "phone"): field_p(ctx, S, "phone", "same", json_num=ctx.chance(0.2)), "attempt": r.randrange(1, 4)}
    if v == "proxy":
        return ["proxy access granted"], {"grantor": {kn(ctx, "full"): field_p(ctx, S, "full", "same", 2), kn(ctx, "email"): field_p(ctx, S, "email", "same", 2)},
                                          "patient": {kn(ctx, "full"): field_p(ctx, S, "full", "same", 1), kn(ctx, "dob"): field_p(ctx, S, "dob", "same", 1)}}
    return ["signup"], {"input": [field_p(ctx, S, "email", "none"), field_p(ctx, S, "phone", "none"), field_p(ctx, S, "dob", "none")], "captcha": "ok"}


def ev_telehealth(ctx, S):
    r = ctx.rng
    return [r.choice(["participant joined", "ice connected", "visit started"])], {
        "room": neg(ctx, "room"), "participant": {kn(ctx, "full"): field_p(ctx, S, "full", "same"), "role": "patient"},
        kn(ctx, "ip"): field_p(ctx, S, "ip", "same"), "port": N(r.randrange(30000, 60000), "port"),
        "provider": {"display": R(S.provider().dr(ctx, "same")), "npi": field_p(ctx, S, "npi", "same", json_num=ctx.chance(0.5))}}


def ev_argv(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.argv", ["argv", "k8s_args", "cmdline", "job_spec"])
    items = argv_items(ctx, S, "prev" if v != "cmdline" else "same")
    prog = ctx.pick("argv_progs", ["/opt/etl/export_patient.py", "/usr/local/bin/rx-sync", "bin/rails runner scripts/merge.rb",
                                   "/opt/claims/resubmit.sh", "node dist/cli/notify.js", "java -jar mpi-tools.jar",
                                   "/usr/bin/python3 manage.py backfill_demographics", "./elig270 --payer " + ctx.pick("payers", PAYERS),
                                   "/srv/fax/sendfax", "php artisan patient:lookup"])
    arr = prog.split()
    for flag, p in items:
        arr += [flag, p]
    if v == "argv":
        return ["process start"], {"event": "process_start", "pid": N(r.randrange(100, 60000), "pid"), "argv": arr}
    if v == "k8s_args":
        return ["job created"], {"job": "backfill-" + hexs(r, 5), "spec": {"containers": [{"name": "worker", "image": "registry.example/etl:" + neg(ctx, "version").v,
                                                                                             "command": arr[:1], "args": arr[1:]}]}}
    if v == "job_spec":
        return ["task enqueued"], {"task": "tasks.export_patient", "args": [p for _, p in items], "kwargs": {}, "eta": None}
    cmd = [prog]
    for flag, p in items:
        cmd += [" ", flag, " "] + ([p] if " " not in str(p.v) else ["'", p, "'"])
    return ["exec"], {"cmdline": R(cmd), "exit_code": 0, "duration_ms": N(r.randrange(10, 90000), "duration_ms")}


def ev_form_pairs(ctx, S):
    r = ctx.rng
    v = ctx.pick("ev.pairs", ["name_value", "key_val", "field_answer", "label_text"])
    fs = r.sample(["dob", "phone", "first", "last", "email", "ssn", "zip", "member", "street", "city"], r.randrange(2, 5))
    names = {"name_value": ("name", "value"), "key_val": ("key", "val"), "field_answer": ("field", "answer"), "label_text": ("label", "text")}[v]
    arr = []
    for f in fs:
        key = kn(ctx, f) if v != "label_text" else {"dob": "Date of birth", "phone": "Phone", "first": "First name", "last": "Last name",
                                                    "email": "Email", "ssn": "SSN", "zip": "ZIP", "member": "Member ID",
                                                    "street": "Street address", "city": "City"}[f]
        arr.append({names[0]: key, names[1]: field_p(ctx, S, f, "prev")})
    return ["form submitted"], {"form_id": neg(ctx, "uuid"), "fields": arr}


def ev_validation(ctx, S):
    r = ctx.rng
    fs = r.sample(["ssn", "phone", "dob", "email", "zip", "npi", "mbi"], r.randrange(1, 3))
    v = ctx.pick("ev.valid", ["spring", "ajv", "pydantic", "rails"])
    errs = []
    for f in fs:
        if v == "spring":
            errs.append({"field": "patient." + kn(ctx, f), "rejectedValue": field_p(ctx, S, f, "prev"), "defaultMessage": "must match pattern"})
        elif v == "ajv":
            errs.append({"instancePath": "/" + kn(ctx, f), "keyword": "format", "message": "must match format", "data": field_p(ctx, S, f, "prev")})
        elif v == "pydantic":
            errs.append({"type": "value_error", "loc": ["body", kn(ctx, f)], "msg": "invalid value", "input": field_p(ctx, S, f, "prev")})
        else:
            errs.append({"attribute": kn(ctx, f), "value": field_p(ctx, S, f, "prev"), "error": "is invalid"})
    return ["validation failed"], {"status": N(r.choice([400, 422]), "http_status"), "errors": errs}


def ev_graphql(ctx, S):
    fs = pick_fieldset(ctx)
    return ["graphql"], {"operationName": ctx.pick("gql_ops", ["FindPatient", "UpdateDemographics", "VerifyMember", "CreateAppointment", "SearchMembers"]),
                         "variables": {kn(ctx, f): field_p(ctx, S, f, "same") for f in fs if f != "age"}, "duration_ms": N(ctx.rng.randrange(2, 900), "duration_ms")}


def ev_headers(ctx, S):
    r = ctx.rng
    p = S.person(1)
    h = {"host": "api.example-health.org", "user-agent": neg(ctx, "ua"),
         "x-forwarded-for": R(P(p.ip4, "IP", "same", "ipv4_xff"), ", ", P("10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255)), "IP", "same", "ipv4_private_infra")),
         "x-request-id": neg(ctx, "uuid")}
    k = ctx.pick("hdr_keys", ["x-patient-mrn", "x-member-id", "x-patient-dob", "x-caller-phone", "x-user-email", "x-patient-name"])
    f = {"x-patient-mrn": "mrn", "x-member-id": "member", "x-patient-dob": "dob", "x-caller-phone": "phone", "x-user-email": "email", "x-patient-name": "full"}[k]
    h[k] = field_p(ctx, S, f, "same")
    return ["request"], {"req": {"method": r.choice(["GET", "POST"]), "url": "/api/v1/" + r.choice(["eligibility", "appointments", "chart"]), "headers": h},
                         "res": {"statusCode": N(r.choice([200, 201, 401, 404, 500]), "http_status")}, "responseTime": N(r.randrange(1, 3000), "duration_ms")}


def ev_payment(ctx, S):
    r = ctx.rng
    return [r.choice(["payment authorized", "payment declined", "card saved"])], {
        "payment": {kn(ctx, "card"): field_p(ctx, S, "card", "same"), "exp": N("%02d/%02d" % (r.randrange(1, 13), r.randrange(25, 31)), "card_expiry"),
                    "billing_zip": field_p(ctx, S, "zip", "same"), "amount": N(round(r.uniform(5, 900), 2), "price"), "currency": "usd"},
        "cardholder": field_p(ctx, S, "full", "same"), "invoice": neg(ctx, "invoice")}


def ev_flat_paths(ctx, S):
    fs = pick_fieldset(ctx)
    F = {}
    root = ctx.pick("flat_roots", ["patient", "req.body.patient", "subscriber", "ctx.member", "payload.demographics"])
    for f in fs:
        sub = {"street": "address.line1", "city": "address.city", "zip": "address.postalCode", "first": "name.given", "last": "name.family"}.get(f, kn(ctx, f))
        F[root + "." + sub] = field_p(ctx, S, f, "same")
    return ["flattened context"], F


def ev_lab_age(ctx, S):
    r = ctx.rng
    return ["result filed ", neg(ctx, "loinc")], {"order_id": neg(ctx, "order"), "loinc": neg(ctx, "loinc"), "value": N(round(r.uniform(0.5, 300), 1), "lab_value"),
                                                  "patient": {kn(ctx, "mrn"): field_p(ctx, S, "mrn", "same"), kn(ctx, "age"): field_p(ctx, S, "age", "same", json_num=ctx.chance(0.6))}}


def ev_sms(ctx, S):
    r = ctx.rng
    p = S.person(1)
    body = ctx.pick("sms_tpl", [
        "Hi {FIRST:same}, reminder: your appointment with {DR} is {~appt_date} at {~appt_time}. Reply C to confirm.",
        "{FIRST:none}, your prescription for {~drug} is ready for pickup.",
        "Dear {NAME:same:last_comma_first}: your statement of {~price} is available in the portal.",
        "Your code is {~count}. Do not share it.",
        "Hello {NAME:same:first_last}, please complete intake before {~appt_date}.",
    ])
    return ["sms sent"], {"to": field_p(ctx, S, "phone", "same", form="e164"), "template": "appt_reminder", "body": R(expand(ctx, body, S)),
                          "sid": neg(ctx, "callsid")}


def ev_chat(ctx, S):
    turns = verification_turns(ctx, S, n=ctx.rng.randrange(2, 4))
    msgs = [{"role": "assistant" if role == "agent" else "user", "content": R(segs)} for role, segs in turns]
    return ["chat session closed"], {"session_id": neg(ctx, "uuid"), "messages": msgs}


def ev_export_row(ctx, S):
    r = ctx.rng
    cols = ctx.pick("row_cols", [["mrn", "last", "first", "dob", "zip"], ["member", "full", "dob", "phone"], ["account", "last", "first", "street", "city", "zip"],
                                 ["ssn", "full", "dob"], ["mbi", "last", "first", "dob"]])
    with_cols = r.random() < 0.5
    row = [field_p(ctx, S, c, "prev" if with_cols else "none", json_num=(c in ("zip", "account") and ctx.chance(0.2))) for c in cols]
    F = {"batch": N("B%s-%03d" % (rand_dt(r).strftime("%Y%m%d"), r.randrange(1000)), "batch_id")}
    if with_cols:
        F["columns"] = cols
    F["row"] = row
    return ["export row"], F


def ev_audit(ctx, S):
    r = ctx.rng
    return ["chart access"], {"actor": {"id": "u%05d" % r.randrange(100000), "role": r.choice(["RN", "MD", "FrontDesk", "Billing"])},
                              "action": r.choice(["read", "print", "export"]),
                              "entity": {"type": "Patient", kn(ctx, "mrn"): field_p(ctx, S, "mrn", "same"), "display": field_p(ctx, S, "full", "same")},
                              "reason": "treatment", "client_ip": field_p(ctx, S, "ip", "same")}


def ev_mpi(ctx, S):
    r = ctx.rng
    cands = []
    for i in (1, 2, 3)[:r.randrange(2, 4)]:
        cands.append({"name": field_p(ctx, S, "full", "same", i), "dob": field_p(ctx, S, "dob", "same", i), "score": N(round(r.uniform(0.5, 0.99), 2), "score"),
                      "mrn": field_p(ctx, S, "mrn", "same", i)})
    return ["mpi candidates"], {"query_id": neg(ctx, "uuid"), "candidates": cands}


def ev_search(ctx, S):
    p = S.person(1)
    v = ctx.rng.randrange(3)
    if v == 0:
        q = [field_p(ctx, S, "full", "none", form=ctx.rng.choice(["lower_first_last", "first_last", "lower_last_first"])), " ", str(p.dob.year)]
        q = [q[0], " ", P(fmt_date(p.dob, "us_slash"), "DOB", "none", "dob_us_slash")]
    elif v == 1:
        q = [field_p(ctx, S, "phone", "none")]
    else:
        q = [field_p(ctx, S, "last", "none"), " ", field_p(ctx, S, "zip", "none")]
    return ["search"], {"q": R(q), "hits": ctx.rng.randrange(0, 40), "took": N(ctx.rng.randrange(1, 800), "duration_ms")}


def ev_provider(ctx, S):
    pr = S.provider().p
    return ["provider directory sync"], {"npi": field_p(ctx, S, "npi", "same", json_num=True), "name": {"family": P(pr.last, "NAME", "same", "name_provider_family" + name_flags(pr.last)),
                                                                                                       "given": [P(pr.first, "NAME", "same", "name_provider_given" + name_flags(pr.first))]},
                                         "taxonomy": "207Q00000X", "ein": field_p(ctx, S, "taxid", "same", form="ein_dashed")}


def ev_error(ctx, S):
    r = ctx.rng
    f = r.choice(["dob", "ssn", "phone", "email", "mrn", "zip"])
    msg = {"dob": "invalid date '{V}'", "ssn": "could not parse '{V}' as integer", "phone": "not a valid E.164 number: {V}", "email": "mailbox unavailable: {V}",
           "mrn": "patient {V} not found", "zip": "unknown postal code {V}"}[f]
    a, b = msg.split("{V}")
    return ["request failed"], {"err": {"type": r.choice(["ValidationError", "TypeError", "NotFoundError"]), "message": R(a, field_p(ctx, S, f, "none"), b),
                                        "stack": "Error: at handler (/app/dist/index.js:%d:%d)" % (r.randrange(10, 900), r.randrange(1, 80))}}


def ev_note(ctx, S, C):
    return ["note drafted"], {"encounter": neg(ctx, "uuid"), "section": ctx.rng.choice(["HPI", "PLAN", "ROS"]), "text": R(note_segs(ctx, C, S))}


def ev_text_msg(ctx, S):
    return text_msg(ctx, S), {"request_id": neg(ctx, "reqid")}


EVENTS = [ev_patient_upsert, ev_eligibility, ev_claim, ev_pharmacy, ev_portal, ev_telehealth, ev_argv, ev_form_pairs, ev_validation,
          ev_graphql, ev_headers, ev_payment, ev_flat_paths, ev_lab_age, ev_sms, ev_chat, ev_export_row, ev_audit, ev_mpi, ev_search,
          ev_provider, ev_error, ev_text_msg]


EVENT_WEIGHTS = [(e, {"ev_payment": 4, "ev_provider": 3, "ev_claim": 2, "ev_eligibility": 2, "ev_text_msg": 3, "ev_patient_upsert": 2}.get(e.__name__, 1)) for e in EVENTS]


def gen_json_app(ctx, C):
    ev = wchoice(ctx.rng, EVENT_WEIGHTS)
    S = Scene(ctx, old=(ev is ev_lab_age))
    msg, F = ev(ctx, S)
    o, style = envelope(ctx, msg, F)
    return mk("ndjson", "ndjson_%s_%s" % (style, ev.__name__[3:]), obj=o)


def gen_json_note(ctx, C):
    S = Scene(ctx)
    msg, F = ev_note(ctx, S, C)
    o, style = envelope(ctx, msg, F)
    return mk("ndjson", "ndjson_%s_note" % style, obj=o)


# ------------------------------- spoken forms ---------------------------------------------

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
        "sixteenth seventeenth eighteenth nineteenth twentieth").split()


def words2(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def ord_words(d):
    if d <= 20:
        return ORDS[d - 1]
    if d == 30:
        return "thirtieth"
    return TENS[d // 10] + " " + ORDS[d % 10 - 1] if d % 10 else TENS[d // 10][:-1] + "ieth"


def year_words(y):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    hi, lo = divmod(y, 100)
    return words2(hi) + " " + ("hundred" if lo == 0 else ("oh " + ONES[lo] if lo < 10 else words2(lo)))


def spoken_dob(ctx, p):
    d = p.dob
    k = ctx.rng.randrange(4)
    if k == 0:
        return "%s %s %s" % (MONTHS[d.month - 1].lower(), ord_words(d.day), year_words(d.year)), "dob_spoken_month_ord_year"
    if k == 1:
        return "the %s of %s %s" % (ord_words(d.day), MONTHS[d.month - 1].lower(), year_words(d.year)), "dob_spoken_ord_of_month"
    if k == 2:
        return "%s %s %s" % (words2(d.month), words2(d.day), words2(d.year % 100) if d.year % 100 >= 10 else "oh " + ONES[d.year % 100]), "dob_spoken_numeric"
    return "%s %d %d" % (MONTHS[d.month - 1], d.day, d.year), "dob_asr_month_d_yyyy"


def spoken_phone(ctx, p):
    digits = p.area + "555" + p.line
    k = ctx.rng.randrange(3)
    if k == 0:
        return " ".join(ONES[int(c)] for c in digits[:3]) + ", " + " ".join(ONES[int(c)] for c in digits[3:6]) + ", " + \
            " ".join(ONES[int(c)] for c in digits[6:]), "phone_spoken_words"
    if k == 1:
        return " ".join(digits), "phone_asr_digits"
    return "%s %s %s" % (digits[:3], digits[3:6], digits[6:]), "phone_asr_groups"


def verification_turns(ctx, S, n=3):
    """Agent asks, user answers: the cue is in the previous turn ("prev")."""
    r = ctx.rng
    p = S.person(1)
    qs = ctx.pool("verif_q", [
        ("name", "Can I get your full name please?"), ("name", "Who am I speaking with today?"), ("name", "What is the patient's first and last name?"),
        ("dob", "And what is your date of birth?"), ("dob", "Can you verify the date of birth on the account?"), ("dob", "What's the birthday?"),
        ("phone", "What's the best number to reach you?"), ("phone", "Is there a callback number?"), ("zip", "What's the zip code on file?"),
        ("member", "Can you read me the member ID on your insurance card?"), ("ssn4", "Can you give me the last four of your social?"),
        ("street", "And your street address?"), ("email", "What email should we send the confirmation to?"), ("mbi", "What's your Medicare number?")])
    chosen = r.sample(qs, min(n, len(qs)))
    turns = []
    for f, q in chosen:
        turns.append(("agent", [q]))
        if f == "name":
            v, fm = p.name(r.choice(["lower_first_last", "first_last", "lower_last_first", "first_mi_last"]))
            a = r.choice([[P(v, "NAME", "prev", fm)], ["yeah it's ", P(v, "NAME", "prev", fm)], ["um ", P(v, "NAME", "prev", fm), "."]])
        elif f == "dob":
            v, fm = spoken_dob(ctx, p) if r.random() < 0.6 else p.dob_s(ctx.form("DOB"))
            a = r.choice([[P(v, "DOB", "prev", fm)], ["it's ", P(v, "DOB", "prev", fm)], [P(v, "DOB", "prev", fm), " I think"]])
        elif f == "phone":
            v, fm = spoken_phone(ctx, p) if r.random() < 0.6 else p.phone(ctx.form("PHONE"))
            a = [r.choice(["sure ", "", "you can use "]), P(v, "PHONE", "prev", fm)]
        elif f == "zip":
            v = p.zip5 if r.random() < 0.6 else " ".join(ONES[int(c)] for c in p.zip5)
            a = [P(v, "ZIP", "prev", "zip5" if v.isdigit() else "zip_spoken_words")]
        elif f == "member":
            a = ["okay it's ", P(p.member(ctx.form("MEMBER_ID"))[0], "MEMBER_ID", "prev", "member_transcript")]
        elif f == "ssn4":
            a = [P(p.ssn[5:] if r.random() < 0.5 else " ".join(ONES[int(c)] for c in p.ssn[5:]), "SSN", "prev", "ssn_last4_transcript")]
        elif f == "street":
            a = [P(p.street(ctx.form("STREET"))[0], "STREET", "prev", "street_transcript"), " in ", P(p.city, "CITY", "none", "city")]
        elif f == "email":
            v, fm = p.email(ctx.form("EMAIL"))
            if r.random() < 0.4:
                v, fm = v.replace("@", " at ").replace(".", " dot "), "email_spoken"
            a = [P(v, "EMAIL", "prev", fm)]
        else:
            a = [P(p.mbi, "MBI", "prev", "mbi_transcript")]
        turns.append(("user", a))
    return turns


def call_script(ctx, C, S):
    """Full call: greeting, verification, clinical chit-chat from MTS-Dialog, closing."""
    r = ctx.rng
    p = S.person(1)
    turns = [("agent", [r.choice(["Thank you for calling ", "Hi, you've reached ", "Good afternoon, this is the scheduling line for "]), ctx.pick("clinics", CLINICS), ". How can I help?"])]
    if r.random() < 0.4:
        v, fm = p.name(r.choice(["first_last", "lower_first_last", "first_only"]))
        turns.append(("user", ["hi this is ", P(v, "NAME", "same", fm), r.choice([", I need to reschedule", ", calling about my refill", ", I got a bill I don't understand"])]))
    turns += verification_turns(ctx, S, n=r.randrange(2, 4))
    for _ in range(r.randrange(1, 4)):
        role, t = r.choice(C.turns)
        turns.append((role, [t]))
    turns.append(("agent", [r.choice(["You're all set. ", "Okay, I've sent that over. ", "Got it. "]), r.choice(["Anything else?", "Have a good day.", "Goodbye."])]))
    return turns


def summary_segs(ctx, C, S):
    p = S.person(1)
    tpl = ctx.pick("summary_tpl", [
        "The caller, {NAME:same}, called to {REASON}. They verified their date of birth ({DOB:same}) and asked for a callback at {PHONE:same}.",
        "{NAME:none:first_last} requested to {REASON}. Callback number: {PHONE:same}.",
        "Patient {NAME:same} (DOB {DOB:same}) wants to {REASON}. {NOTE}",
        "Caller identified as {NAME:same:first_only}. {NOTE} Follow-up scheduled for {~appt_date}.",
        "User wanted to {REASON}; provided member ID {MEMBER:same} and zip {ZIP:same}.",
        "{NAME:none:first_only} from {CITY:none} called to {REASON}. {NOTE}",
        "Spoke with {NAME2:none:first_only}, the patient's daughter, about {NAME:none:first_last}'s {~drug} refill.",
        "The patient {NAME:same:first_last} ({AGE:none}-year-old) reported {NOTE_L}",
    ])
    if "{AGE" in tpl and not S.old:
        tpl = tpl.replace("({AGE:none}-year-old) ", "")
    reason = r_choice(ctx, ["reschedule an appointment", "request a prescription refill", "ask about a bill", "cancel their visit",
                            "update their insurance", "get lab results", "book a new patient visit"])
    note = ctx.rng.choice(C.notes)
    segs = []
    for part in re.split(r"(\{REASON\}|\{NOTE\}|\{NOTE_L\})", tpl):
        if part == "{REASON}":
            segs.append(reason)
        elif part == "{NOTE}":
            segs.append(note)
        elif part == "{NOTE_L}":
            segs.append(note[0].lower() + note[1:])
        elif part:
            segs.extend(expand(ctx, part, S))
    return segs


def render_transcript(turns, agent="AI", user="User"):
    segs = []
    for role, t in turns:
        segs += [agent if role == "agent" else user, ": "] + t + ["\n"]
    return segs


def gen_vapi(ctx, C):
    r = ctx.rng
    S = Scene(ctx, old=ctx.chance(0.1))
    p = S.person(1)
    turns = call_script(ctx, C, S)
    t0 = int(ts(ctx, "epoch_ms").v)
    cust = P(p.phone("e164")[0], "PHONE", "same", "phone_e164")
    msgs, sec = [], 0.4
    for role, t in turns:
        dur = round(r.uniform(1.0, 6.0), 2)
        msgs.append({"role": "bot" if role == "agent" else "user", "message": R(t), "time": N(t0 + int(sec * 1000), "epoch_millis"),
                     "endTime": N(t0 + int((sec + dur) * 1000), "epoch_millis"), "secondsFromStart": N(round(sec, 2), "duration_s")})
        sec += dur + round(r.uniform(0.2, 1.5), 2)
    sd_keys = ctx.pick("vapi_sd", [("patientName", "dateOfBirth", "callbackNumber"), ("caller_name", "dob", "phone"), ("name", "birthdate", "callback")])
    sd = {sd_keys[0]: P(p.name("first_last")[0], "NAME", "same", p.name("first_last")[1]), sd_keys[1]: P(fmt_date(p.dob, "iso"), "DOB", "same", "dob_iso"),
          sd_keys[2]: P(p.phone("dashed")[0], "PHONE", "same", "phone_dashed"), "reason": r.choice(["reschedule", "refill", "billing", "new_patient"])}
    v = ctx.pick("vapi_variant", ["full", "analysis_only", "artifact_only"])
    message = {"timestamp": N(t0 + int(sec * 1000) + 1500, "epoch_millis"), "type": "end-of-call-report", "endedReason": r.choice(["customer-ended-call", "assistant-ended-call", "silence-timed-out"])}
    message["call"] = {"id": neg(ctx, "uuid"), "orgId": neg(ctx, "uuid"), "type": "inboundPhoneCall", "status": "ended", "customer": {"number": cust}}
    if v in ("full", "analysis_only"):
        message["analysis"] = {"summary": R(summary_segs(ctx, C, S)), "structuredData": sd, "successEvaluation": r.choice(["true", "false", "8"])}
    if v in ("full", "artifact_only"):
        message["artifact"] = {"transcript": R(render_transcript(turns, "AI", "User")), "messages": msgs,
                               "recordingUrl": R("https://storage.vapi.ai/", neg(ctx, "uuid"), "-mono.wav")}
    message.update({"startedAt": ts(ctx, "iso_z"), "endedAt": ts(ctx, "iso_z"), "cost": N(round(r.uniform(0.02, 1.5), 4), "price"),
                    "durationSeconds": N(round(sec, 3), "duration_s"), "customer": {"number": P(cust.v, "PHONE", "same", "phone_e164")}})
    return mk("ndjson", "call_report_vapi", obj={"message": message})


def gen_retell(ctx, C):
    r = ctx.rng
    S = Scene(ctx, old=ctx.chance(0.1))
    p = S.person(1)
    turns = call_script(ctx, C, S)
    t0 = int(ts(ctx, "epoch_ms").v)
    dur = r.randrange(30000, 600000)
    direction = r.choice(["inbound", "outbound"])
    pat_num = P(p.phone("e164")[0], "PHONE", "same", "phone_e164")
    org_num = P(S.person(4).phone("e164")[0], "PHONE", "same", "phone_e164_org_line")
    call = {"call_type": "phone_call", "from_number": pat_num if direction == "inbound" else org_num,
            "to_number": org_num if direction == "inbound" else pat_num, "direction": direction,
            "call_id": N("call_" + hexs(r, 32), "call_id"), "agent_id": N("agent_" + hexs(r, 24), "agent_id"), "call_status": "ended",
            "start_timestamp": N(t0, "epoch_millis"), "end_timestamp": N(t0 + dur, "epoch_millis"), "duration_ms": N(dur, "duration_ms"),
            "transcript": R(render_transcript(turns, "Agent", "User")),
            "transcript_object": [{"role": "agent" if ro == "agent" else "user", "content": R(t)} for ro, t in turns[:4]],
            "recording_url": R("https://dxc03zgurdly9.cloudfront.net/", neg(ctx, "trace"), "/recording.wav"),
            "disconnection_reason": r.choice(["user_hangup", "agent_hangup", "inactivity"]),
            "call_analysis": {"call_summary": R(summary_segs(ctx, C, S)), "in_voicemail": False, "user_sentiment": r.choice(["Positive", "Neutral", "Negative"]),
                              "call_successful": r.random() < 0.8,
                              "custom_analysis_data": {r_choice(ctx, ["patient_name", "caller_name", "customer_name"]): field_p(ctx, S, "full", "same"),
                                                       r_choice(ctx, ["dob", "date_of_birth", "patient_dob"]): field_p(ctx, S, "dob", "same")}},
            "retell_llm_dynamic_variables": {"customer_name": P(p.first, "NAME", "same", "name_first_only" + name_flags(p.first)), "clinic": ctx.pick("clinics", CLINICS)},
            "metadata": {"clinic_id": neg(ctx, "uuid")}}
    return mk("ndjson", "call_report_retell", obj={"event": "call_analyzed", "call": call})


def gen_signalwire(ctx, C):
    r = ctx.rng
    S = Scene(ctx, old=ctx.chance(0.1))
    p = S.person(1)
    turns = call_script(ctx, C, S)
    t0 = int(ts(ctx, "epoch_ms").v) * 1000
    cnam = fold_ascii("%s %s" % (p.last, p.first)).upper()
    cnam_form = "name_cnam" + ("_truncated" if len(cnam) > 15 else "")
    cnam = cnam[:15].rstrip()
    summ = summary_segs(ctx, C, S)
    o = {"action": "post_conversation", "ai_session_id": neg(ctx, "uuid"), "app_name": "swml app", "call_id": neg(ctx, "uuid"),
         "call_start_date": N(t0, "epoch_micros"), "call_answer_date": N(t0 + 1200000, "epoch_micros"), "call_end_date": N(t0 + r.randrange(60, 900) * 10 ** 6, "epoch_micros"),
         "caller_id_name": P(cnam, "NAME", "same", cnam_form), "caller_id_number": P(p.phone(r.choice(["e164", "plain10"]))[0], "PHONE", "same", "phone_caller_id"),
         "content_type": "text/swaig", "conversation_id": neg(ctx, "uuid"), "project_id": neg(ctx, "uuid"), "space_id": neg(ctx, "uuid"),
         "post_prompt_data": {"raw": R(summ), "substituted": R(summ)},
         "call_log": [{"role": "system", "content": "You are a friendly scheduling assistant for " + ctx.pick("clinics", CLINICS) + "."}] +
                     [{"role": "assistant" if ro == "agent" else "user", "content": R(t)} for ro, t in turns],
         "version": "2.0"}
    if r.random() < 0.5:
        o["post_prompt_data"]["parsed"] = [{"patient_name": field_p(ctx, S, "full", "same"), "callback": field_p(ctx, S, "phone", "same")}]
    return mk("ndjson", "call_report_signalwire", obj=o)


def fhir_name(ctx, S, i=1, use="official"):
    p = S.person(i)
    o = {"use": use, "family": P(p.last, "NAME", "same", "name_fhir_family" + name_flags(p.last)), "given": [P(p.first, "NAME", "same", "name_fhir_given" + name_flags(p.first))]}
    if ctx.chance(0.4):
        o["given"].append(P(p.middle, "NAME", "same", "name_fhir_given_middle" + name_flags(p.middle)))
    if ctx.chance(0.2):
        o = {"use": use, "text": P(p.name("first_last")[0], "NAME", "same", p.name("first_last")[1]), **{k: v for k, v in o.items() if k != "use"}}
    return o


def fhir_patient(ctx, S, i=1):
    r = ctx.rng
    p = S.person(i)
    ids = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
            "system": "urn:oid:1.2.36.146.595.217.0.1", "value": P(p.mrn(ctx.form("MRN"))[0], "MRN", "prev", "mrn_fhir_identifier")}]
    if ctx.chance(0.4):
        ids.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": P(p.ssn_s(r.choice(["dashed", "plain"]))[0], "SSN", "prev", "ssn_fhir_identifier")})
    if ctx.chance(0.3):
        ids.append({"system": "http://hl7.org/fhir/sid/us-mbi", "value": P(p.mbi, "MBI", "prev", "mbi_fhir_identifier")})
    tel = [{"system": "phone", "value": P(p.phone(ctx.form("PHONE"))[0], "PHONE", "prev", "phone_fhir_telecom"), "use": r.choice(["home", "mobile"])}]
    if ctx.chance(0.5):
        tel.append({"system": "email", "value": P(p.email(ctx.form("EMAIL"))[0], "EMAIL", "prev", "email_fhir_telecom")})
    addr = {"use": "home", "line": [P(p.street(ctx.form("STREET"))[0], "STREET", "same", "street_fhir_line")], "city": P(p.city, "CITY", "same", "city_fhir"),
            "state": p.state, "postalCode": P(p.zip_s(ctx.form("ZIP"))[0], "ZIP", "same", "zip_fhir"), "country": "US"}
    if ctx.chance(0.3):
        addr["line"].append(P(p.unit, "STREET", "same", "street_unit_only"))
    o = {"resourceType": "Patient", "id": neg(ctx, "uuid"), "meta": {"versionId": str(r.randrange(1, 9)), "lastUpdated": ts(ctx, "iso_off")},
         "identifier": ids, "active": True, "name": [fhir_name(ctx, S, i)], "telecom": tel, "gender": {"F": "female", "M": "male"}[p.sex],
         "birthDate": P(fmt_date(p.dob, "iso"), "DOB", "same", "dob_fhir_birthdate"), "address": [addr]}
    if ctx.chance(0.4):
        q = S.person(i + 10)
        o["contact"] = [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "N"}]}],
                         "name": {"family": P(q.last, "NAME", "same", "name_fhir_family" + name_flags(q.last)),
                                  "given": [P(q.first, "NAME", "same", "name_fhir_given" + name_flags(q.first))]},
                         "telecom": [{"system": "phone", "value": P(q.phone(ctx.form("PHONE"))[0], "PHONE", "prev", "phone_fhir_telecom")}]}]
    if ctx.chance(0.4):
        o["generalPractitioner"] = [{"reference": R("Practitioner/", neg(ctx, "uuid")), "display": R(S.provider().dr(ctx, "same"))}]
    if ctx.chance(0.15):
        o["extension"] = [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                           "valueAddress": {"city": P(S.person(i + 20).city, "CITY", "same", "city_fhir_birthplace"), "state": S.person(i + 20).state}}]
    return o


def gen_fhir(ctx, C):
    r = ctx.rng
    S = Scene(ctx)
    v = ctx.pick("fhir_variants", ["patient", "bundle_search", "bundle_txn", "operation_outcome", "logged_response", "coverage", "patient_min"])
    if v == "patient":
        o = fhir_patient(ctx, S)
    elif v == "patient_min":
        p = S.person(1)
        o = {"resourceType": "Patient", "name": [fhir_name(ctx, S)], "birthDate": P(fmt_date(p.dob, "iso"), "DOB", "same", "dob_fhir_birthdate"),
             "gender": {"F": "female", "M": "male"}[p.sex]}
    elif v == "bundle_search":
        n = r.randrange(1, 3)
        o = {"resourceType": "Bundle", "type": "searchset", "total": n,
             "link": [{"relation": "self", "url": R("https://fhir.example.org/r4/Patient?family=", P(S.person(1).last, "NAME", "same", "name_last_urlparam" + name_flags(S.person(1).last)),
                                                   "&birthdate=", P(fmt_date(S.person(1).dob, "iso"), "DOB", "same", "dob_iso_urlparam"))}],
             "entry": [{"fullUrl": R("https://fhir.example.org/r4/Patient/", neg(ctx, "uuid")), "resource": fhir_patient(ctx, S, k + 1),
                        "search": {"mode": "match", "score": N(round(r.uniform(0.5, 1), 2), "score")}} for k in range(n)]}
    elif v == "bundle_txn":
        o = {"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": fhir_patient(ctx, S), "request": {"method": "POST", "url": "Patient"}}]}
    elif v == "operation_outcome":
        p = S.person(1)
        o = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "duplicate", "diagnostics": R(
            "Duplicate patient: ", P(p.name("last_comma_first")[0], "NAME", "none", p.name("last_comma_first")[1]), " DOB ", P(fmt_date(p.dob, "iso"), "DOB", "same", "dob_iso"),
            " matches existing MRN ", P(p.mrn(ctx.form("MRN"))[0], "MRN", "same", "mrn_in_diagnostics"))}]}
    elif v == "coverage":
        p = S.person(1)
        o = {"resourceType": "Coverage", "id": neg(ctx, "uuid"), "status": "active", "subscriberId": P(p.member(ctx.form("MEMBER_ID"))[0], "MEMBER_ID", "same", "member_fhir_subscriberid"),
             "beneficiary": {"reference": R("Patient/", neg(ctx, "uuid")), "display": P(p.name("first_last")[0], "NAME", "same", p.name("first_last")[1])},
             "payor": [{"display": ctx.pick("payers", PAYERS)}], "period": {"start": neg(ctx, "visit_date")}}
    else:
        o, _ = envelope(ctx, ["FHIR response ", N(str(r.choice([200, 201])), "http_status")], {"body": fhir_patient(ctx, S), "elapsed_ms": N(r.randrange(5, 900), "duration_ms")})
        return mk("ndjson", "fhir_logged_response", obj=o)
    return mk("ndjson", "fhir_" + v, obj=o)


def gen_docker_json(ctx, C):
    r = ctx.rng
    inner = r.choice([gen_carrier_health, gen_carrier_health, gen_app_kv, gen_carrier_keep, gen_sql])(ctx, C)
    o = {"log": R(inner["segs"] + ["\n"]), "stream": r.choice(["stdout", "stderr"]), "time": ts(ctx, "nano")}
    if ctx.pick("docker_style", ["plain", "fluentbit"]) == "fluentbit":
        o["kubernetes"] = {"pod_name": neg(ctx, "pod"), "namespace_name": r.choice(["ehr", "billing", "portal"]), "container_name": ctx.pick("services", SERVICES),
                           "host": host(ctx), "labels": {"app": ctx.pick("services", SERVICES)}}
    return mk("ndjson", "k8s_docker_json", obj=o)


def gen_cloudwatch(ctx, C):
    r = ctx.rng
    evs = []
    grp = ctx.pick("services", SERVICES)
    for _ in range(r.randrange(1, 4)):
        k = r.random()
        if k < 0.4:
            S = Scene(ctx)
            segs = [ts(ctx, "iso_z"), "\t", neg(ctx, "uuid"), "\t", level(ctx), "\t"] + text_msg(ctx, S)
        elif k < 0.7:
            S = Scene(ctx)
            msg, F = ev_text_msg(ctx, S) if r.random() < 0.5 else r.choice(EVENTS[:6])(ctx, S)
            o, _ = envelope(ctx, msg, F, style="powertools")
            segs = segs_of_json(o)
        else:
            segs = gen_carrier_keep(ctx, C)["segs"]
        evs.append({"id": N("".join(r.choice("0123456789") for _ in range(56)), "event_id"), "timestamp": N(int(ts(ctx, "epoch_ms").v), "epoch_millis"),
                    "message": R(segs)})
    o = {"messageType": "DATA_MESSAGE", "owner": N("%012d" % r.randrange(10 ** 11, 10 ** 12), "aws_account_id"), "logGroup": "/aws/lambda/" + grp,
         "logStream": R(N(rand_dt(r).strftime("%Y/%m/%d"), "date_path"), "/[$LATEST]", neg(ctx, "trace")), "subscriptionFilters": ["phi-scrub"], "logEvents": evs}
    return mk("ndjson", "cloudwatch_subscription", obj=o)


def gen_k8s_cri_json(ctx, C):
    S = Scene(ctx)
    ev = ctx.rng.choice(EVENTS)
    if ev is ev_lab_age:
        S = Scene(ctx, old=True)
    msg, F = ev(ctx, S)
    o, style = envelope(ctx, msg, F)
    segs = [ts(ctx, "nano"), " stdout F "] + segs_of_json(o)
    return mk("text", "k8s_cri_json_" + style, segs)


# ----------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------

TEXT_GENS = [(gen_carrier_health, 30), (gen_carrier_keep, 7), (gen_app_kv, 12), (gen_access, 8), (gen_hl7, 8), (gen_x12, 5),
             (gen_argv_text, 4), (gen_sql, 6), (gen_csv, 4), (gen_xml, 3), (gen_note_text, 4), (gen_postfix, 2),
             (gen_rfc5424, 3), (gen_sms_webhook_text, 2), (gen_negonly_text, 5), (gen_k8s_cri_text, 3), (gen_k8s_cri_json, 4),
             (gen_payment_text, 3)]
JSON_GENS = [(gen_json_app, 45), (gen_json_note, 4), (gen_vapi, 8), (gen_retell, 7), (gen_signalwire, 6), (gen_fhir, 14),
             (gen_docker_json, 9), (gen_cloudwatch, 7)]
TEXT_SHARE = 0.55


def wchoice(r, items):
    tot = sum(w for _, w in items)
    x = r.uniform(0, tot)
    for g, w in items:
        x -= w
        if x <= 0:
            return g
    return items[-1][0]


def finalize(rec, rid):
    if rec["format"] == "text":
        o = render_text(rec["segs"])
    else:
        o = render_json(rec["obj"])
    text = o.text()
    spans = [{k: s[k] for k in ("start", "end", "entity", "cue", "form")} for s in o.spans]
    negs = [{k: n[k] for k in ("start", "end", "what")} for n in o.negs]
    return {"id": rid, "format": rec["format"], "kind": rec["kind"], "text": text, "spans": spans, "negatives": negs}, o


NAME_TOKENS_CS = None


def residual_name_tokens():
    global NAME_TOKENS_CS
    if NAME_TOKENS_CS is None:
        t = set()
        for fs, ls in NAMES.values():
            for n in fs + ls:
                for w in re.split(r"[\s-]+", n):
                    if len(w) >= 3 and w[0].isupper():
                        t.add(w)
                        t.add(w.upper())
        NAME_TOKENS_CS = t
    return NAME_TOKENS_CS


RESID_RES = [
    ("EMAIL", re.compile(r"[\w.+%-]+@[\w-]+\.[\w.-]+")),
    ("SSN", re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")),
    ("PHONE", re.compile(r"555[-. ]?01\d\d")),
    ("IP", re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|\.\d)")),
    ("MBI", re.compile(r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d\d\b")),
]


def validate(rec, o):
    errs = []
    text = rec["text"]
    b = text.encode("utf-8")
    if rec["format"] == "text":
        if "\n" in text or "\r" in text:
            errs.append("newline in text record")
    else:
        try:
            json.loads(text)
        except Exception as e:
            errs.append("json: %s" % e)
        if "\n" in text:
            errs.append("newline in ndjson")
    for s in o.spans:
        if b[s["start"]:s["end"]].decode("utf-8") != s["_v"]:
            errs.append("span slice mismatch %r" % s["_v"])
        v, e = s["_v"], s["entity"]
        d = re.sub(r"\D", "", v)
        if e == "SSN" and s["form"] not in ("ssn_last4", "ssn_last4_transcript") and not ssn_ok(d):
            errs.append("bad ssn %r" % v)
        if e == "NPI" and not npi_ok(d):
            errs.append("bad npi %r" % v)
        if e == "CARD" and not luhn_ok(d):
            errs.append("bad card %r" % v)
        if e == "MBI" and not mbi_ok(v):
            errs.append("bad mbi %r" % v)
        if e == "PHONE" and d and "555" not in d:
            errs.append("bad phone %r" % v)
        if e == "AGE" and int(v) < 90:
            errs.append("age < 90")
    iv = sorted([(s["start"], s["end"], "S") for s in o.spans] + [(n["start"], n["end"], "N") for n in o.negs])
    for a, c in zip(iv, iv[1:]):
        if c[0] < a[1]:
            errs.append("overlap %r %r" % (a, c))
    # residual PHI-looking text outside spans and negatives
    mask = bytearray(b)
    for s in o.spans + o.negs:
        for k in range(s["start"], s["end"]):
            mask[k] = 0x20
    rest = mask.decode("utf-8", errors="replace")
    for ent, rx in RESID_RES:
        for m in rx.finditer(rest):
            if ent == "IP" and (m.group(0) in ("0.0.0.0", "127.0.0.1")):
                continue
            errs.append("residual %s %r" % (ent, m.group(0)))
    names = residual_name_tokens()
    for m in re.finditer(r"[^\W\d_][^\W\d_'’]+", rest):
        w = m.group(0)
        if w in names and w not in RESID_NAME_OK:
            errs.append("residual NAME token %r" % w)
    return errs


# name tokens that also occur as ordinary words / product names in carriers & templates
RESID_NAME_OK = set(_w("Long|LONG|Wang|Han|Lee|Kim|Mark|Will|May|Hope|Grant|Bill|Sun|Lin|Lan|Hoa|Anh|Yan|Hui|Jun|Ming|Jing|Lei|Hao|Wei|"
                       "Rao|Obi|Koc|Kara|Kurt|Cem|Eze|Abdi|Joy|Jansen|Mazur|Hong|Song|Moon|Ahn|Han|Baek|Jang|Ewa|Li|Xu|Hu|Ma|"
                       "Nair|Park|Choi|Jung|Kang|Cho|Yoon|Lim|Shin|Seo|Kwon|Hwang|Jeon|Farah|Haile|Begay|Duy|Huy|Dung|Zhu|Luo|Xie|"
                       "Tang|Feng|Deng|Cao|Jiang|Xin|Fang|Mei|Guo|Zhou|Zhao|Yang|Chen|Zhang|Liu|Huang|Wu|Zheng|Liang"))


def build(split, seed, n, base):
    ctx = Ctx(split, seed)
    C = Carriers(base, split)
    r = ctx.rng
    out, problems = [], []
    i = 0
    while len(out) < n:
        gens = TEXT_GENS if r.random() < TEXT_SHARE else JSON_GENS
        g = wchoice(r, gens)
        rec = g(ctx, C)
        fin, o = finalize(rec, "wr-%s-%05d" % (split, len(out) + 1))
        errs = validate(fin, o)
        i += 1
        if errs:
            problems.append((fin["kind"], errs, fin["text"][:400]))
            continue
        out.append(fin)
    return out, problems, C


def stats(records):
    ent = collections.Counter()
    form = collections.Counter()
    cue = collections.Counter()
    ent_cue = collections.Counter()
    fmt = collections.Counter()
    kind = collections.Counter()
    negw = collections.Counter()
    nneg = 0
    for r in records:
        fmt[r["format"]] += 1
        kind[r["kind"]] += 1
        for s in r["spans"]:
            ent[s["entity"]] += 1
            form[(s["entity"], s["form"])] += 1
            cue[s["cue"]] += 1
            ent_cue[(s["entity"], s["cue"])] += 1
        for nn in r["negatives"]:
            nneg += 1
            negw[nn["what"]] += 1
    return {"records": len(records), "format": fmt, "kind": kind, "entity": ent, "form": form, "cue": cue, "entity_cue": ent_cue,
            "negatives": nneg, "negative_what": negw}


def print_stats(st, fh):
    tot = sum(st["entity"].values())
    fh.write("records %d  %s\n" % (st["records"], dict(st["format"])))
    fh.write("spans %d  cue %s  prev+none=%.1f%%\n" % (tot, dict(st["cue"]), 100.0 * (st["cue"]["prev"] + st["cue"]["none"]) / max(1, tot)))
    fh.write("negatives %d\n\n== entity (same/prev/none)\n" % st["negatives"])
    for e in ENTITIES:
        fh.write("  %-10s %5d  (%d/%d/%d)\n" % (e, st["entity"][e], st["entity_cue"][(e, "same")], st["entity_cue"][(e, "prev")], st["entity_cue"][(e, "none")]))
    fh.write("\n== form\n")
    for (e, f), c in sorted(st["form"].items()):
        fh.write("  %-10s %-45s %5d\n" % (e, f, c))
    fh.write("\n== kind\n")
    for k, c in sorted(st["kind"].items()):
        fh.write("  %-45s %5d\n" % (k, c))
    fh.write("\n== negative what\n")
    for k, c in sorted(st["negative_what"].items(), key=lambda x: -x[1]):
        fh.write("  %-30s %5d\n" % (k, c))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], required=True)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--carriers", default=os.environ.get("CARRIER_DIR", CARRIER_DIR))
    ap.add_argument("--stats", action="store_true", help="print counts per entity/form/cue instead of records")
    ap.add_argument("--check", action="store_true", help="print rejected candidates (self-check) to stderr")
    a = ap.parse_args()
    recs, problems, _ = build(a.split, a.seed, a.n, a.carriers)
    if a.check:
        for k, e, t in problems[:200]:
            sys.stderr.write("REJECT %s %s\n   %s\n" % (k, e[:3], t))
        sys.stderr.write("rejected %d candidates\n" % len(problems))
    if a.stats:
        print_stats(stats(recs), sys.stdout)
        return
    w = sys.stdout
    for rec in recs:
        w.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
