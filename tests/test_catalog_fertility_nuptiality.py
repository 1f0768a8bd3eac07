"""The fertility and nuptiality indicators of a small release against arithmetic on the events.

The store is the small one of :mod:`tests.test_catalog_rates` (its population, births and
deaths) with a few marriages and divorces added whose prior statuses, durations and months
are set; every expected value is worked out here with Python loops and the definitions, so
that a wrong cube axis, a wrong grouping or a wrong denominator in the catalog shows up.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from sqlalchemy.orm import Session

from indicators.methods import abridged_life_table
from store.models import DivorceEvent, MarriageEvent
from tests import factories as f
from tests import test_catalog_rates as small

YEAR, UNIT, OTHER = small.YEAR, small.UNIT, small.OTHER
# Fertility and nuptiality are published for the country and the oblasts: UNIT and OTHER are
# districts of these two.
REGION, OTHER_REGION = "41702", "41708"
# unit, groom's age, bride's age, groom's prior status, bride's, month of registration
Marriage = tuple[str, int, int, str | None, str | None, int]
Divorce = tuple[str, int | None, int]
MARRIAGES: list[Marriage] = [
    (UNIT, 30, 17, "DIVORCED", "NEVER_MARRIED", 1),
    (UNIT, 45, 40, "WIDOWED", "DIVORCED", 9),
    (OTHER, 22, 19, "NEVER_MARRIED", "NEVER_MARRIED", 9),
]
# The small store's own: 3 in UNIT and 2 in OTHER, 25 and 22 years old, no status, August.
PLAIN_UNIT: Marriage = (UNIT, 25, 22, None, None, 8)
PLAIN_OTHER: Marriage = (OTHER, 25, 22, None, None, 8)
PLAIN = [PLAIN_UNIT] * 3 + [PLAIN_OTHER] * 2
DIVORCES: list[Divorce] = [
    (UNIT, 0, 3),
    (UNIT, 7, 3),
    (OTHER, 25, 12),
    (OTHER, None, 12),
]  # unit, years, month
PLAIN_DIVORCES: list[Divorce] = [
    (UNIT, None, 10)
]  # the small store's one divorce, without a duration


def _store(session: Session) -> None:
    small._store(session)
    batch = f.batch(session)
    for n, (unit, groom, bride, groom_status, bride_status, month) in enumerate(MARRIAGES):
        session.add(
            MarriageEvent(
                batch_id=batch.id,
                source_key=f"t:fn:m{n}",
                event_date=date(YEAR, month, 10),
                territory=unit,
                settlement="R",
                groom_key=f"fg{n}",
                bride_key=f"fb{n}",
                groom_age=groom,
                bride_age=bride,
                groom_prior_status=groom_status,
                bride_prior_status=bride_status,
            )
        )
    for n, (unit, years, month) in enumerate(DIVORCES):
        session.add(
            DivorceEvent(
                batch_id=batch.id,
                source_key=f"t:fn:d{n}",
                event_date=date(YEAR, month, 5),
                territory=unit,
                settlement="R",
                husband_key=f"fh{n}",
                wife_key=f"fw{n}",
                husband_age=40,
                wife_age=38,
                marriage_duration=years,
            )
        )
    session.commit()


@pytest.fixture
def cell(session: Session) -> small.Cell:
    _store(session)
    return small._cells(session, small._release(session))


def _value(cell: small.Cell, indicator: str, territory: str = "417", **dims: str) -> float | None:
    return cell(indicator, territory, **dims).value


def _in(territory: str, unit: str) -> bool:
    return unit.startswith(territory)


# --- marriages ------------------------------------------------------------------------------


def test_marriages_by_prior_status_count_each_pair_and_blank_as_not_stated(cell: small.Cell):
    everyone = MARRIAGES + PLAIN
    for groom, bride in (("DIVORCED", "NEVER_MARRIED"), ("NOT_STATED", "NOT_STATED")):
        expected = sum(
            1 for m in everyone if (m[3] or "NOT_STATED", m[4] or "NOT_STATED") == (groom, bride)
        )
        assert _value(cell, "marriages_by_status", groom_status=groom, bride_status=bride) == (
            expected
        )
    assert _value(cell, "marriages_by_status") == len(everyone) == 8
    assert _value(cell, "marriages_by_status", REGION, groom_status="WIDOWED") == 1


def _mean_age(ages: list[int]) -> float:
    exact = [age + 0.5 for age in ages]
    return sum(exact) / len(exact)


@pytest.mark.parametrize("territory", ["417", REGION])
def test_mean_ages_at_marriage_and_first_marriage(cell: small.Cell, territory: str):
    everyone = [m for m in MARRIAGES + PLAIN if _in(territory, m[0])]
    grooms = [m[1] for m in everyone]
    first_brides = [m[2] for m in everyone if m[4] == "NEVER_MARRIED"]
    assert _value(cell, "mean_age_marriage", territory, sex="M") == pytest.approx(_mean_age(grooms))
    assert _value(cell, "mean_age_first_marriage", territory, sex="F") == pytest.approx(
        _mean_age(first_brides)
    )


def test_a_mean_age_without_first_marriages_is_not_available(cell: small.Cell):
    # In REGION no groom was never married before.
    row = cell("mean_age_first_marriage", REGION, sex="M")
    assert (row.value, row.status) == (None, "M")


def test_age_specific_marriage_rate_is_per_1000_of_the_sex_and_age(cell: small.Cell):
    brides = sum(1 for m in MARRIAGES + PLAIN if 15 <= m[2] <= 19)  # 17 and 19
    women = small._average("417", "F", range(15, 20))
    assert _value(cell, "marriage_rate_age", sex="F", age5="Y15T19") == pytest.approx(
        1000 * brides / women
    )
    grooms = sum(1 for m in MARRIAGES + PLAIN if 45 <= m[1] <= 49)
    men = small._average("417", "M", range(45, 50))
    assert _value(cell, "marriage_rate_age", sex="M", age5="Y45T49") == pytest.approx(
        1000 * grooms / men
    )


@pytest.mark.parametrize("territory", ["417", REGION, OTHER_REGION, UNIT])
def test_brides_under_18_count_and_per_1000_marriages(cell: small.Cell, territory: str):
    everyone = [m for m in MARRIAGES + PLAIN if _in(territory, m[0])]
    young = sum(1 for m in everyone if m[2] < 18)
    assert _value(cell, "brides_under_18", territory) == young
    assert _value(cell, "brides_under_18_ratio", territory) == pytest.approx(
        1000 * young / len(everyone)
    )


# --- divorces -------------------------------------------------------------------------------


def _band(years: int | None) -> str:
    if years is None:
        return "NOT_STATED"
    bands = [(0, "Y_LT1"), (1, "Y1"), (2, "Y2"), (3, "Y3"), (4, "Y4"), (5, "Y5T9")]
    bands += [(10, "Y10T14"), (15, "Y15T19"), (20, "Y_GE20"), (10**6, "")]
    return next(code for (low, code), (high, _) in pairwise(bands) if low <= years < high)


@pytest.mark.parametrize("band", ["Y_LT1", "Y5T9", "Y_GE20", "NOT_STATED", "Y1", "_T"])
def test_divorces_by_duration_of_marriage(cell: small.Cell, band: str):
    everyone = DIVORCES + PLAIN_DIVORCES
    expected = sum(1 for d in everyone if band in ("_T", _band(d[1])))
    assert _value(cell, "divorces_by_duration", marriage_duration=band) == expected


@pytest.mark.parametrize("territory", ["417", REGION, OTHER_REGION])
def test_divorces_per_1000_marriages_of_the_year(cell: small.Cell, territory: str):
    divorces = sum(1 for d in DIVORCES + PLAIN_DIVORCES if _in(territory, d[0]))
    marriages = sum(1 for m in MARRIAGES + PLAIN if _in(territory, m[0]))
    assert _value(cell, "divorces_per_1000_marriages", territory) == pytest.approx(
        1000 * divorces / marriages
    )


@pytest.mark.parametrize("month", ["01", "08", "09", "12", "_T"])
def test_marriages_divorces_and_births_by_month(cell: small.Cell, month: str):
    def of(months: list[int]) -> int:
        return sum(1 for m in months if month in ("_T", f"{m:02d}"))

    marriages = [m[-1] for m in MARRIAGES + PLAIN]
    divorces = [d[-1] for d in DIVORCES + PLAIN_DIVORCES]
    assert _value(cell, "marriages_by_month", month=month) == of(marriages)
    assert _value(cell, "divorces_by_month", month=month) == of(divorces)
    births = sum(count for *_, count in small.BIRTHS)  # every birth of the store is in May
    assert _value(cell, "births_by_month", month=month) == (births if month == "_T" else 0)


# --- fertility ------------------------------------------------------------------------------


def _births_at(territory: str, sex: str | None = None) -> dict[int, int]:
    """Births by the mother's single year of age (not folded)."""
    out: dict[int, int] = {}
    for unit, child, age, count in small.BIRTHS:
        if _in(territory, unit) and sex in (None, child):
            out[age] = out.get(age, 0) + count
    return out


@pytest.mark.parametrize(("code", "low", "high"), [("Y15T19", 15, 19), ("Y10T14", 10, 14)])
def test_adolescent_birth_rate_by_hand(cell: small.Cell, code: str, low: int, high: int):
    births = sum(n for age, n in _births_at("417").items() if low <= age <= high)
    women = small._average("417", "F", range(low, high + 1))
    assert _value(cell, "adolescent_birth_rate", mother_age=code) == pytest.approx(
        1000 * births / women
    )


def test_mean_age_of_mother_is_weighted_by_the_single_year_rates(cell: small.Cell):
    weighted = total = 0.0
    for age, n in _births_at(REGION).items():
        folded = min(max(age, 15), 49)
        rate = n / small._average(REGION, "F", range(folded, folded + 1))
        weighted += (folded + 0.5) * rate
        total += rate
    assert _value(cell, "mean_age_mother", REGION) == pytest.approx(weighted / total, rel=1e-12)
    # Every birth of the store is a first birth.
    assert _value(cell, "mean_age_mother", REGION, birth_order="1") == pytest.approx(
        weighted / total, rel=1e-12
    )
    no_women_at_49 = cell("mean_age_mother", OTHER_REGION)
    assert (no_women_at_49.value, no_women_at_49.status) == (None, "M")


def _girls_rates(territory: str) -> list[float]:
    """Girls born per woman in each five-year group of 15–49 (births folded into 15–49)."""
    rates = []
    for _, low, high in small.FERTILE:
        girls = sum(
            n
            for age, n in _births_at(territory, "F").items()
            if low <= min(max(age, 15), 49) <= high
        )
        rates.append(girls / small._average(territory, "F", range(low, high + 1)))
    return rates


def test_gross_reproduction_rate_counts_the_girls(cell: small.Cell):
    assert _value(cell, "grr", REGION) == pytest.approx(5 * sum(_girls_rates(REGION)))


def test_net_reproduction_rate_weights_the_girls_by_female_survival(cell: small.Cell):
    groups = [(0, 0), (1, 4), *((a, a + 4) for a in range(5, 85, 5)), (85, 100)]
    deaths = [
        sum(1 for _, sex, _, _, age in small.DEATHS if sex == "F" and low <= age <= high)
        for low, high in groups
    ]
    women = [small._average("417", "F", range(low, high + 1)) for low, high in groups]
    table = abridged_life_table(deaths, women, "female")
    starts = list(table.age)
    expected = sum(
        rate * table.Lx[starts.index(15 + 5 * i)] / table.lx[0]
        for i, rate in enumerate(_girls_rates("417"))
    )
    assert _value(cell, "nrr") == pytest.approx(expected, rel=1e-12)
    # REGION registered no deaths of women aged 85+: no life table, no NRR.
    unit = cell("nrr", REGION)
    assert (unit.value, unit.status) == (None, "M")
