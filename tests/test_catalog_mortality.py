"""The mortality indicators of a small release against plain arithmetic on the counts.

The small country of ``tests.test_catalog_rates`` (two units, ten people of every sex and
age, four deaths of cause IX at 70, 0, 0 and 94) is computed once; each published figure
is worked out again here from its definition with dictionaries and loops, or checked
against the identities that tie the columns of a life table together.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.orm import Session

from indicators.context import AGE_LT
from store import Database, schema
from tests import factories as f
from tests import test_catalog_rates as small
from tests.test_catalog_rates import YEAR, Cell

# Eurostat (2013), ESP 2013, with 85–89, 90–94 and 95+ summed into 85+.
ESP_2013 = [1000, 4000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500,
            6000, 5500, 5000, 4000, 2500, 2500]  # fmt: skip


def _ages(low: int, high: int | None) -> range:
    return range(low, 101 if high is None else high + 1)


def _deaths(territory: str, sex: str | None, ages: range) -> int:
    return sum(
        1
        for unit, s, _, _, age in small.DEATHS
        if unit.startswith(territory) and sex in (None, s) and age in ages
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cell]:
    url = f"sqlite:///{tmp_path_factory.mktemp('mortality') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        small._store(session)
        yield small._cells(session, small._release(session))
    database.dispose()


@pytest.mark.parametrize("territory", ["417", "41702", "41708"])
@pytest.mark.parametrize("sex", ["M", "F", None])
def test_age_specific_death_rates_by_hand(published: Cell, territory: str, sex: str | None) -> None:
    for code, low, high in AGE_LT:
        ages = _ages(low, high)
        population = small._average(territory, sex, ages)
        cell = published("death_rate_age", territory, sex=sex or "_T", age_lt=code)
        if population == 0:  # Chui's women of 45-49
            assert (cell.value, cell.status) == (None, "M")
            continue
        expected = 1000 * _deaths(territory, sex, ages) / population
        assert cell.value == pytest.approx(expected, rel=1e-12), (territory, sex, code)


def test_the_standardised_rate_by_hand(published: Cell) -> None:
    expected = 0.0
    for (_, low, high), persons in zip(AGE_LT, ESP_2013, strict=True):
        ages = _ages(low, high)
        expected += persons * _deaths("417", None, ages) / small._average("417", None, ages)
    assert published("standardised_death_rate", "417").value == pytest.approx(expected)
    assert published("standardised_death_rate", "417", cause="IX").value == pytest.approx(expected)
    assert published("standardised_death_rate", "417", cause="I").value == 0.0


def test_deaths_by_cause_and_age(published: Cell) -> None:
    assert published("deaths", "417", age5="Y70T74", cause="IX", sex="M").value == 1
    assert published("deaths", "417", age5="Y0T4", cause="IX").value == 2
    assert published("deaths", "41708", age5="Y_GE85", cause="IX", sex="F").value == 1
    assert published("deaths", "417", age5="Y0T4", cause="I").value == 0


def test_infant_deaths_by_cause(published: Cell) -> None:
    assert published("infant_deaths", "417", cause="IX").value == 2
    assert published("infant_deaths", "417", cause="_T").value == 2
    assert published("infant_deaths", "41708", cause="IX", sex="M").value == 1
    assert published("infant_deaths", "41702", cause="XVI").value == 0


@pytest.mark.parametrize(("territory", "sex"), [("417", "_T"), ("417", "F"), ("41708", "_T")])
def test_the_columns_of_a_published_life_table_hold_together(
    published: Cell, territory: str, sex: str
) -> None:
    def column(indicator: str) -> list[float]:
        values = []
        for code, _, _ in AGE_LT:
            value = published(indicator, territory, sex=sex, age_lt=code).value
            assert value is not None, (indicator, code)
            values.append(value)
        return values

    qx, lx, dx = column("life_table_qx"), column("life_table_lx"), column("life_table_dx")
    big_l, tx = column("life_table_years_lived"), column("life_table_years_remaining")
    ex = column("life_expectancy")
    assert lx[0] == 100_000  # the radix: the unit base of lx
    assert qx[-1] == 1.0
    for i in range(len(AGE_LT)):
        assert dx[i] == pytest.approx(lx[i] * qx[i])
        assert tx[i] == pytest.approx(sum(big_l[i:]))
        assert ex[i] == pytest.approx(tx[i] / lx[i])
        if i + 1 < len(AGE_LT):
            assert lx[i + 1] == pytest.approx(lx[i] - dx[i])
    u5mr = published("under_five_mortality_rate", territory, sex=sex).value
    assert u5mr == pytest.approx(1000 * (lx[0] - lx[2]) / lx[0])


def test_a_table_that_cannot_be_built_is_not_available_in_every_column(published: Cell) -> None:
    # No man died at 85 or over: the open group's Lx = lx / Mx is unbounded.
    for indicator in ("life_table_qx", "life_table_lx", "life_expectancy"):
        cell = published(indicator, "417", sex="M", age_lt="Y0")
        assert (cell.value, cell.status) == (None, "M")
    u5mr = published("under_five_mortality_rate", "417", sex="M")
    assert (u5mr.value, u5mr.status) == (None, "M")
    # Everyone lives in rural areas: no urban table at all.
    urban = published("life_expectancy", "417", urban_rural="U", age_lt="Y0")
    assert (urban.value, urban.status) == (None, "M")


def test_the_rural_table_is_the_whole_countrys_when_nobody_lives_in_towns(
    published: Cell,
) -> None:
    rural = published("life_expectancy", "417", urban_rural="R", age_lt="Y0").value
    assert rural == published("life_expectancy", "417", age_lt="Y0").value


def test_maternal_deaths_per_100000_live_births(session: Session) -> None:
    small._store(session)
    born = date(YEAR - 29, 4, 1)
    f.death(session, date(YEAR, 6, 1), born, "F", 28, unit=small.UNIT, cause="XV")
    f.death(session, date(YEAR, 7, 1), born, "M", 28, unit=small.UNIT, cause="XV")  # not a woman
    session.commit()
    cell = small._cells(session, small._release(session))
    births = small._births("417")
    assert cell("maternal_mortality_ratio", "417").value == pytest.approx(100_000 * 1 / births)
    assert cell("maternal_mortality_ratio", "41708").value == 0.0
