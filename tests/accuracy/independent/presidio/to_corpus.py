#!/usr/bin/env python3
"""Converts presidio-research's labelled sample (synth_dataset_v2.json, MIT,
https://github.com/microsoft/presidio-research) into the corpus format of
score.py, one record per sentence (format "text"; a sentence with line
breaks is several lines of one record).

Labels mapped to phiscrub's PHI (the rest neutral: neither counted as found
nor as over-redaction when redacted):
  PERSON -> NAME, STREET_ADDRESS -> STREET, PHONE_NUMBER -> PHONE,
  CREDIT_CARD -> CARD, EMAIL_ADDRESS -> EMAIL, US_SSN -> SSN,
  IP_ADDRESS -> IP, ZIP_CODE -> ZIP, AGE over 89 -> AGE,
  GPE -> CITY unless it is a country or a US state (those are no PHI);
  DATE_TIME, ORGANIZATION, TITLE, NRP, DOMAIN_NAME, IBAN_CODE,
  US_DRIVER_LICENSE and younger ages are neutral.

  python3 to_corpus.py > presidio.jsonl
"""
import json
import os
import sys

MAP = {"PERSON": "NAME", "STREET_ADDRESS": "STREET", "PHONE_NUMBER": "PHONE",
       "CREDIT_CARD": "CARD", "EMAIL_ADDRESS": "EMAIL", "US_SSN": "SSN",
       "IP_ADDRESS": "IP", "ZIP_CODE": "ZIP"}

# Not PHI when they name a whole country or state.
COUNTRIES_AND_STATES = set("""afghanistan albania algeria andorra angola argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros
congo croatia cuba cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia
eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala
guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
venezuela vietnam yemen zambia zimbabwe england scotland wales usa us america
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont virginia washington wisconsin wyoming""".split())
MULTI = {"united states", "united kingdom", "new zealand", "south africa", "south korea",
         "north korea", "saudi arabia", "sri lanka", "costa rica", "el salvador", "new york",
         "new jersey", "new mexico", "new hampshire", "north carolina", "south carolina",
         "north dakota", "south dakota", "west virginia", "rhode island", "united arab emirates",
         "czech republic", "dominican republic", "ivory coast", "puerto rico", "united states of america"}


def main():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "synth_dataset_v2.json")
    data = json.load(open(src, encoding="utf-8"))
    for n, rec in enumerate(data):
        text = rec["full_text"]
        spans = []
        for s in rec["spans"]:
            cs, ce, t = s["start_position"], s["end_position"], s["entity_type"]
            b = len(text[:cs].encode("utf-8"))
            e = len(text[:ce].encode("utf-8"))
            value = text[cs:ce]
            entity = MAP.get(t)
            neutral = False
            if t == "GPE":
                v = " ".join(value.lower().replace(".", " ").split())
                entity = "CITY"
                neutral = v in COUNTRIES_AND_STATES or v in MULTI
            elif t == "AGE":
                digits = "".join(c for c in value if c.isdigit())
                entity = "AGE"
                neutral = not digits or int(digits) < 90
            elif entity is None:
                entity = t
                neutral = True
            span = {"start": b, "end": e, "entity": entity, "form": "presidio_" + t.lower()}
            if neutral:
                span["neutral"] = True
            spans.append(span)
        print(json.dumps({"id": "presidio-%04d" % n, "format": "text", "kind": "presidio",
                          "text": text, "spans": spans, "negatives": []}, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
