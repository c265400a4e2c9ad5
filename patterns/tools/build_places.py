#!/usr/bin/env python3
"""Builds patterns/places/us_cities.txt from the US ZIP code list of the npm
package `zipcodes` 8.0.0 (BSD licence; data from federalgovernmentzipcodes.us,
US public data), dumped as "zip|city|state" lines:

  node -e 'const z=require("zipcodes/lib/codes.js").codes; for (const k in z) {
    const c=z[k]; if (c.country==="US") console.log([c.zip,c.city,c.state].join("|")); }' > us_zips.txt
  python3 patterns/tools/build_places.py us_zips.txt

Output: one "city|ST" per line, city lower-case with accents folded and
"st"/"ft"/"mt" spelled as in the data; sorted, unique. Military and
territory codes (AA AE AP) are left out.
"""
import os
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main():
    src = sys.argv[1]
    out = os.path.join(os.path.dirname(__file__), "..", "places", "us_cities.txt")
    cities = set()
    for line in open(src, encoding="utf-8"):
        parts = line.rstrip("\n").split("|")
        if len(parts) != 3 or parts[2] in ("AA", "AE", "AP"):
            continue
        city = " ".join(fold(parts[1]).replace(".", " ").split())
        if city:
            cities.add(city + "|" + parts[2])
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(cities)) + "\n")
    print(len(cities), "cities")


if __name__ == "__main__":
    main()
