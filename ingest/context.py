"""What validation needs from the store, read once per run: classifiers and crosswalks.

Why read once: a Tunduk feed maps hundreds of thousands of codes; a query per code would
make ingestion as slow as the database round trip. The valid СОАТЕ and country codes and the
versioned crosswalks are small, so they are held in dictionaries. So are the names of
countries and territories in ky/ru/en (the classifiers' labels, the known Russian spellings of
СОАТЕ units and ``ingest/data/country_names.csv``), because people keying paper reports write
"Индия" or "Ноокенский район" rather than codes. Codes that no crosswalk
maps are counted here, so a run can report them (with suggested matches, see
:mod:`ingest.crosswalks`) instead of dropping them silently.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Code, Crosswalk

KYRGYZSTAN = "417"
NATIONALITY_NOT_STATED = "NOT_STATED"
COUNTRY_NAMES = Path(__file__).resolve().parent / "data" / "country_names.csv"
_NOT_LETTERS = re.compile(r"[^\w]|_|\d", re.UNICODE)
_NOT_WORD = re.compile(r"[^\w]", re.UNICODE)
# The codelists held by name for other uses; every other codelist is held in ``codes``.
_BY_NAME = ("soate", "country", "nationality")


def name_key(name: str) -> str:
    """A name as compared exactly: lower case, ё as е, letters only (``г. Ош`` → ``гош``)."""
    return _NOT_LETTERS.sub("", name.lower().replace("ё", "е"))


def label_key(name: str) -> str:
    """A code's label as compared: lower case, ё as е, letters, digits and ``_`` only, so
    that ``0–14 лет`` and ``0-14 лет`` are one label, ``0–14`` stays apart from ``15–24``
    and the total ``_T`` from the section ``T``."""
    return _NOT_WORD.sub("", name.lower().replace("ё", "е"))


@dataclass
class Context:
    """Classifier codes and crosswalks as of one run; ``today`` bounds valid dates."""

    soate: set[str] = field(default_factory=set)  # significant prefixes: 417, 41702, 41702205
    soate_full: dict[str, str] = field(default_factory=dict)  # 14-digit code -> prefix
    countries: set[str] = field(default_factory=set)  # ISO numeric
    nationalities: set[str] = field(default_factory=set)  # the codelist nationality
    country_alpha: dict[str, str] = field(default_factory=dict)  # alpha-2/alpha-3 -> numeric
    crosswalks: dict[tuple[str, str], list[tuple[str, date, date | None]]] = field(
        default_factory=dict
    )
    today: date = field(default_factory=lambda: datetime.now(UTC).date())
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    country_names: dict[str, str] = field(default_factory=dict)  # name_key -> numeric
    territory_names: dict[str, set[str]] = field(default_factory=dict)  # name_key -> codes
    territory_fuzzy: dict[str, set[str]] = field(default_factory=dict)  # normalise -> codes
    # Every other codelist (education level, ICD-10 chapter, …): codelist -> its codes by
    # the code itself and by each label in ky/ru/en (:func:`label_key`).
    codes: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> Context:
        ctx = cls()
        for code, attributes, codelist, *labels in session.execute(
            select(
                Code.code,
                Code.attributes,
                Code.codelist_id,
                Code.label_ky,
                Code.label_ru,
                Code.label_en,
            ).where(Code.codelist_id.in_(("soate", "country", "nationality")))
        ):
            attrs = attributes or {}
            if codelist == "nationality":
                ctx.nationalities.add(code)
            elif codelist == "soate":
                ctx.soate.add(code)
                if attrs.get("full_code"):
                    ctx.soate_full[str(attrs["full_code"])] = code
                ctx._add_territory_names(code, [*labels, *(attrs.get("alt_names_ru") or [])])
            else:
                ctx.countries.add(code)
                for key in ("alpha2", "alpha3"):
                    if attrs.get(key):
                        ctx.country_alpha[str(attrs[key]).upper()] = code
                for label in labels:
                    if label:
                        ctx.country_names.setdefault(name_key(label), code)
        ctx._add_country_aliases()
        for code, codelist, *labels in session.execute(
            select(Code.code, Code.codelist_id, Code.label_ky, Code.label_ru, Code.label_en)
            .where(Code.codelist_id.not_in(_BY_NAME))
            .order_by(Code.codelist_id, Code.sort_order, Code.code)
        ):
            names = ctx.codes.setdefault(codelist, {})
            names[label_key(code)] = code  # a code wins over another code's label
            for label in labels:
                if label:
                    names.setdefault(label_key(label), code)
        for entry in session.scalars(select(Crosswalk)):
            ctx.crosswalks.setdefault((entry.reference_list, entry.source_code), []).append(
                (entry.target_code, entry.valid_from, entry.valid_to)
            )
        return ctx

    def _add_territory_names(self, code: str, names: list[str]) -> None:
        from ingest.crosswalks import normalise

        for name in names:
            if name:
                self.territory_names.setdefault(name_key(name), set()).add(code)
                self.territory_fuzzy.setdefault(normalise(name), set()).add(code)

    def _add_country_aliases(self) -> None:
        """Other names people write (``США``, ``Turkey``, ``Южная Корея``): reference data."""
        with COUNTRY_NAMES.open(encoding="utf-8") as lines:
            for row in csv.DictReader(line for line in lines if not line.startswith("#")):
                if row["code"] in self.countries:
                    self.country_names.setdefault(name_key(row["name"]), row["code"])

    def code(self, codelist: str, text: str) -> str | None:
        """The code of ``codelist`` keyed as ``text``: the code or its label in ky, ru or en
        (as the store's classifier holds them); ``None`` when the codelist has no such code."""
        return self.codes.get(codelist, {}).get(label_key(text))

    def country_by_name(self, name: str) -> str | None:
        """The ISO numeric code of a country named in ky, ru or en (or a known alias)."""
        return self.country_names.get(name_key(name))

    def territory_by_name(self, name: str) -> str | None:
        """The СОАТЕ code of a unit named in ky, ru or en, tolerant of spellings when that
        leaves one candidate (``Джети-Огузский р-н``); ``None`` when unknown or ambiguous."""
        from ingest.crosswalks import normalise

        exact = self.territory_names.get(name_key(name), set())
        if len(exact) == 1:
            return next(iter(exact))
        fuzzy = self.territory_fuzzy.get(normalise(name), set())
        return next(iter(fuzzy)) if len(fuzzy) == 1 and not exact else None

    def crosswalk(self, reference_list: str, code: str, on: date | None) -> str | None:
        """The state code a ministry code maps to on ``on`` (the newest version if ``None``)."""
        versions = self.crosswalks.get((reference_list, code))
        if not versions:
            return None
        for target, start, end in sorted(versions, key=lambda v: v[1], reverse=True):
            if on is None or (start <= on and (end is None or on <= end)):
                return target
        return None

    def territory(self, value: str, reference_list: str, on: date | None) -> str | None:
        """A СОАТЕ prefix for a СОАТЕ code (full or significant) or a mapped ministry code.

        Returns ``None`` and counts the code as unmapped when nothing matches.
        """
        if value in self.soate:
            return value
        if value in self.soate_full:
            return self.soate_full[value]
        if len(value) == 14 and value.isdigit():
            # a lower unit (ayil aimak): its district is the significant 8-digit prefix
            for length in (8, 5):
                if value[:length] in self.soate:
                    return value[:length]
        mapped = self.crosswalk(reference_list, value, on)
        if mapped is not None and mapped in self.soate:
            return mapped
        self.unmapped[(reference_list, value)] += 1
        return None

    def nationality(self, value: str | None, reference_list: str, on: date | None) -> str:
        """A state nationality code for a state or ministry code; ``NOT_STATED`` otherwise.

        Why never ``None`` and never a quarantine: nationality is what a person declares, and
        may decline to; the NSC publishes such persons as "nationality not stated" (as its
        census tables do). Holding a birth or a death back because of its nationality code
        would take it out of the totals, which matter more. An unknown ministry code is still
        counted as unmapped, so the run reports it and the crosswalk can be completed.
        """
        if value is None or not value.strip():
            return NATIONALITY_NOT_STATED
        text = value.strip()
        if text.upper() in self.nationalities and text.upper() != "_T":
            return text.upper()
        mapped = self.crosswalk(reference_list, text, on)
        if mapped is not None and mapped in self.nationalities:
            return mapped
        self.unmapped[(reference_list, text)] += 1
        return NATIONALITY_NOT_STATED

    def country(self, value: str, reference_list: str, on: date | None) -> str | None:
        """An ISO numeric country code for an ISO code (numeric, alpha) or a ministry code."""
        if value in self.countries:
            return value
        upper = value.upper()
        if upper in self.country_alpha:
            return self.country_alpha[upper]
        if value.isdigit() and value.zfill(3) in self.countries:
            return value.zfill(3)
        mapped = self.crosswalk(reference_list, value, on)
        if mapped is not None and mapped in self.countries:
            return mapped
        self.unmapped[(reference_list, value)] += 1
        return None
