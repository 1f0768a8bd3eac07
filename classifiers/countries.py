"""Countries (ISO 3166-1) with names in Kyrgyz, Russian and English, and their NSC groups.

The state classifier of countries builds on ISO 3166-1, so the code is the ISO numeric code as
a three-digit string (``"417"``, ``"643"``, ``"004"``) from ``pycountry``; alpha-2 and alpha-3
go into the attributes for matching source files. Names come from Unicode CLDR through Babel
(``babel.Locale(lang).territories``), which has Kyrgyz names; where official usage differs
(CLDR's Russian "Киргизия" for Kyrgyzstan, abbreviations such as "ОАЭ") the label is replaced
from ``data/country_overrides.csv``, and Russian "о-в"/"о-ва" are written out in full.

Country groups (codelist ``country_group``, members in ``data/country_groups.csv``):

* ``EAEU``: the five members of the Eurasian Economic Union (Armenia, Belarus, Kazakhstan,
  Kyrgyzstan, Russia).
* ``CIS``: the definition of NSC migration tables, which list "of which CIS" as the eleven
  post-Soviet states that founded the Commonwealth in 1991: Azerbaijan, Armenia, Belarus,
  Kazakhstan, Kyrgyzstan, Moldova, Russia, Tajikistan, Turkmenistan, Uzbekistan and Ukraine.
  The membership is kept constant over time on purpose: Ukraine stopped taking part in CIS
  bodies in 2018 and Turkmenistan is only an associate member, but NSC still groups them with
  the CIS, and a group that changed with politics would break the comparability of the
  migration series. Georgia, which left in 2009, is not in it.
* ``OTHER``: every country not in the CIS ("far abroad"), derived here rather than listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pycountry
from babel import Locale

from classifiers.reference import DATA_DIR, LANGS, CodeRow, ReferenceDataError, read_csv

COUNTRY_CODELIST = "country"
GROUP_CODELIST = "country_group"
OTHER_GROUP = "OTHER"
GROUPS_WITH_MEMBERS_LISTED = ("CIS", "EAEU")

# CLDR's Russian names abbreviate "остров(а)" and "Святой"; statistical tables spell them out.
_RU_ABBREVIATIONS = (
    (re.compile(r"\bо-ва\b"), "острова"),
    (re.compile(r"\bо-в\b"), "остров"),
    (re.compile(r"\bСв\.(?=\s)"), "Святой"),
)


def _expand_ru(label: str) -> str:
    for pattern, replacement in _RU_ABBREVIATIONS:
        label = pattern.sub(replacement, label)
    return label[:1].upper() + label[1:]


def read_overrides(data_dir: Path = DATA_DIR) -> dict[tuple[str, str], str]:
    """Label overrides as ``{(numeric code, lang): label}``."""
    overrides: dict[tuple[str, str], str] = {}
    for row in read_csv(data_dir / "country_overrides.csv"):
        if row["lang"] not in LANGS:
            raise ReferenceDataError(f"country_overrides.csv: unknown language {row['lang']!r}")
        country = pycountry.countries.get(numeric=row["code"])
        if country is None or country.alpha_2 != row["alpha2"]:
            raise ReferenceDataError(
                f"country_overrides.csv: {row['code']} is not {row['alpha2']} in ISO 3166-1"
            )
        overrides[(row["code"], row["lang"])] = row["label"]
    return overrides


def country_rows(data_dir: Path = DATA_DIR) -> list[CodeRow]:
    """Every ISO 3166-1 country, in numeric order, with labels in ky, ru and en."""
    overrides = read_overrides(data_dir)
    names = {lang: Locale.parse(lang).territories for lang in LANGS}
    rows: list[CodeRow] = []
    for sort_order, country in enumerate(
        sorted(pycountry.countries, key=lambda c: c.numeric), start=1
    ):
        numeric, alpha2 = country.numeric, country.alpha_2
        cldr = {lang: names[lang].get(alpha2, "") for lang in LANGS}
        cldr["ru"] = _expand_ru(cldr["ru"]) if cldr["ru"] else ""
        labels = {lang: overrides.get((numeric, lang), cldr[lang]) for lang in LANGS}
        rows.append(
            CodeRow(
                codelist_id=COUNTRY_CODELIST,
                code=numeric,
                level="country",
                sort_order=sort_order,
                label_ky=labels["ky"],
                label_ru=labels["ru"],
                label_en=labels["en"],
                attributes={"alpha2": alpha2, "alpha3": country.alpha_3},
            )
        )
    return rows


def country_memberships(
    countries: Iterable[str], data_dir: Path = DATA_DIR
) -> set[tuple[str, str]]:
    """``(country code, group code)`` pairs: the listed CIS/EAEU members, the rest in OTHER."""
    known = set(countries)
    pairs: set[tuple[str, str]] = set()
    for row in read_csv(data_dir / "country_groups.csv"):
        country = pycountry.countries.get(numeric=row["code"])
        if row["code"] not in known or country is None or country.alpha_3 != row["alpha3"]:
            raise ReferenceDataError(
                f"country_groups.csv: {row['code']} is not {row['alpha3']} in ISO 3166-1"
            )
        if row["group_code"] not in GROUPS_WITH_MEMBERS_LISTED:
            raise ReferenceDataError(f"country_groups.csv: unknown group {row['group_code']!r}")
        pairs.add((row["code"], row["group_code"]))
    cis = {code for code, group in pairs if group == "CIS"}
    pairs.update((code, OTHER_GROUP) for code in known - cis)
    return pairs
