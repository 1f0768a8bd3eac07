"""Unit labels: the one registry of the unit codes indicators use, named in ky, ru and en.

An indicator's catalog entry names its unit by code (``Spec.unit``, stored with the
indicator); every output — API metadata, book tables and annexes, export headers — names it
by asking here, so a unit reads the same everywhere and a new code is labelled once. The
structure test checks that every unit the catalog uses is here and translated.

Two forms of one label: ``label`` says what the number counts in full ("per 1,000 live
births"); ``short`` is what a book prints above a table whose title already names the
indicator ("per 1,000"), and is the label itself unless a shorter form is given. A unit
that counts something also has the forms a sentence needs after a number (``counted``):
Russian says 1 человек, 3 человека, 5 человек, 2,5 человека.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import LazyProxy

from l10n import lazy_gettext as _l
from l10n import ngettext


@dataclass(frozen=True)
class Unit:
    label: LazyProxy
    short: LazyProxy | None = None
    #: The singular and plural message ids of the unit after a number (ngettext), written
    #: with :func:`plural` so that ``make i18n-extract`` finds them.
    forms: tuple[str, str] | None = None


def plural(singular: str, plural_: str) -> tuple[str, str]:
    """Mark a singular and plural message for extraction (``-k plural:1,2``)."""
    return singular, plural_


UNITS: dict[str, Unit] = {
    "persons": Unit(_l("persons"), forms=plural("person", "persons")),
    "events": Unit(_l("events"), forms=plural("event", "events")),
    "crossings": Unit(_l("crossings"), forms=plural("crossing", "crossings")),
    "per_1000": Unit(_l("per 1,000 population"), _l("per 1,000")),
    "per_10000": Unit(_l("per 10,000 population"), _l("per 10,000")),
    "per_1000_live_births": Unit(_l("per 1,000 live births")),
    "per_1000_total_births": Unit(_l("per 1,000 live and stillbirths")),
    "per_100_live_births": Unit(_l("per 100 live births (per cent)"), _l("per cent")),
    "persons_per_km2": Unit(_l("persons per km²")),
    "per_1000_women": Unit(_l("per 1,000 women of the age group"), _l("per 1,000 women")),
    "children_per_woman": Unit(
        _l("children per woman"), forms=plural("child per woman", "children per woman")
    ),
    "years": Unit(_l("years"), forms=plural("year", "years")),
    "per_100000": Unit(_l("per 100,000 population"), _l("per 100,000")),
    "per_100000_live_births": Unit(_l("per 100,000 live births")),
    # A life table's probabilities of dying (qx): a share between 0 and 1, no base.
    "probability": Unit(_l("probability")),
    # A life table's survivors (lx) and deaths (dx) of its radix of 100,000 live-born, and the
    # person-years they live (Lx, Tx).
    "per_100000_cohort": Unit(
        _l("per 100,000 live-born of the life-table cohort"), _l("of 100,000 born")
    ),
    "per_100000_cohort_years": Unit(
        _l("person-years per 100,000 live-born of the life-table cohort"), _l("person-years")
    ),
    "daughters_per_woman": Unit(
        _l("daughters per woman"), forms=plural("daughter per woman", "daughters per woman")
    ),
    "per_1000_marriages": Unit(_l("per 1,000 marriages")),
    "per_1000_age_group": Unit(
        _l("per 1,000 population of the sex and age group"), _l("per 1,000")
    ),
    "per_100_working_age": Unit(_l("per 100 persons of working age"), _l("per 100 of working age")),
    "per_100_women": Unit(_l("men per 100 women")),
    # Aggregate sources by sex (issue 15): survey rates, money, cases of a register.
    "percent": Unit(_l("per cent")),
    "thousand_persons": Unit(
        _l("thousand persons"), forms=plural("thousand persons", "thousand persons")
    ),
    "som_per_month": Unit(_l("som per month")),
    "cases": Unit(_l("cases"), forms=plural("case", "cases")),
    "index": Unit(_l("index (ratio, no unit)"), _l("index")),
}


def label(code: str) -> str:
    """The unit's full name in the current language (the code itself if it is unknown)."""
    unit = UNITS.get(code)
    return code if unit is None else str(unit.label)


def short(code: str) -> str:
    """The unit's name above a book table, in the current language."""
    unit = UNITS.get(code)
    if unit is None:
        return code
    return str(unit.short if unit.short is not None else unit.label)


def counted(code: str, value: float, decimals: int = 0) -> str:
    """The unit after ``value`` printed with ``decimals``, in the language's plural form.

    A number printed with decimals reads as a fraction, which takes the form of 2
    (Russian: 2,5 года and 75,0 года, like 2 года); a rate has no forms and reads as its
    label ("на 1000 человек населения").
    """
    unit = UNITS.get(code)
    if unit is None or unit.forms is None:
        return label(code)
    whole = decimals == 0 and float(value).is_integer()
    n = int(abs(value)) if whole else 2
    singular, plural = unit.forms
    return ngettext(singular, plural, n)
