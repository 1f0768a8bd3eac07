"""What every chapter of "Women and Men" shares: the sexes side by side and their gaps.

The book prints men and women next to each other in every table it can. The gaps are
ratios (women per 100 men) and differences (years of life expectancy) of two printed
values — :class:`publishing.spec.Gap`, recorded as derived with both operands.
"""

from __future__ import annotations

from publishing.spec import Dim, Gap, Items, Sel, Table, sel
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    BOTH,
    INDICATOR,
    MEN,
    REGION_NAMES,
    REGION_ROWS,
    TERRITORY,
    WOMEN,
    YEARS,
)

__all__ = [
    "AGE",
    "BOTH",
    "INDICATOR",
    "MEN",
    "REGION_NAMES",
    "REGION_ROWS",
    "TERRITORY",
    "WOMEN",
    "YEARS",
]

WOMEN_PER_100_MEN = Gap(
    "ratio100", WOMEN, MEN, _T_("100 эркекке аялдар", "Женщин на 100 мужчин", "Women per 100 men")
)
MEN_PER_100_WOMEN = Gap(
    "ratio100",
    MEN,
    WOMEN,
    _T_(
        "Эркектердики аялдардыкына карата, %",
        "Мужчины к женщинам, %",
        "Men to women, %",
    ),
)
WOMEN_SHARE = Gap("share", WOMEN, BOTH, _T_("Аялдар, %", "Женщины, %", "Women, %"))
GAP_YEARS = Gap(
    "difference",
    WOMEN,
    MEN,
    _T_(
        "Айырма (аялдар – эркектер)",
        "Разница (женщины – мужчины)",
        "Gap (women – men)",
    ),
)
# Counts: men, women and the ratio; with the total and the women's share.
COUNTS = Items((MEN, WOMEN, WOMEN_PER_100_MEN))
FULL = Items((BOTH, MEN, WOMEN, WOMEN_SHARE))
# Rates and ages: men, women and the difference (or the ratio of the men's to the women's).
RATES = Items((MEN, WOMEN, GAP_YEARS))
EXCESS = Items((MEN, WOMEN, MEN_PER_100_WOMEN))
PAIR = Items((MEN, WOMEN))

URBAN_RURAL_SEXES = Items(
    (
        sel(urban_rural="U", sex="M", label=_T_("Шаар: эркектер", "Город: мужчины", "Urban: men")),
        sel(urban_rural="U", sex="F", label=_T_("Шаар: аялдар", "Город: женщины", "Urban: women")),
        sel(urban_rural="R", sex="M", label=_T_("Айыл: эркектер", "Село: мужчины", "Rural: men")),
        sel(urban_rural="R", sex="F", label=_T_("Айыл: аялдар", "Село: женщины", "Rural: women")),
    )
)
AGE_GROUPS = Dim("age5", level="group,open", total=True)


def labelled(where: Sel, label: _T_) -> Sel:
    return Sel(where.indicator, where.period, where.dims, label)


def by_sex(
    title: _T_,
    indicator: str,
    rows: Dim | Items = REGION_ROWS,
    cols: Items = COUNTS,
    stub: _T_ = TERRITORY,
    period: str | None = "ref",
    note: _T_ | None = None,
    **dims: str,
) -> Table:
    """One indicator in one year: rows (the territories by default) by sex."""
    return Table(title, sel(indicator, period, None, **dims), rows, cols, stub=stub, note=note)


def over_years(
    title: _T_, indicator: str, cols: Items = FULL, note: _T_ | None = None, **dims: str
) -> Table:
    """One indicator over the last five years by sex (years as rows)."""
    return Table(
        title,
        sel(indicator, None, None, **dims),
        YEARS,
        cols,
        stub=_T_("Жыл", "Год", "Year"),
        note=note,
    )


STANDARD_ERROR = _T_("станд. ката", "станд. ошибка", "std. error")
SURVEY_NOTE = _T_(
    "Тандалма изилдөөнүн баалоолору; ар биринин жанында анын стандарттык катасы берилет "
    "(баалоонун болжол менен 95 % ишенимдүү аралыгы ± 2 стандарттык ката).",
    "Оценки выборочного обследования; рядом с каждой — её стандартная ошибка (примерно 95 % "
    "доверительный интервал оценки — ± 2 стандартные ошибки).",
    "Sample survey estimates, each beside its standard error (an approximate 95% confidence "
    "interval is the estimate ± 2 standard errors).",
)


def with_errors(indicator: str, sexes: tuple[Sel, ...] = (MEN, WOMEN, BOTH)) -> Items:
    """A survey estimate for each sex, each followed by its standard error (the companion
    indicator ``<id>_se`` the catalog names in the estimate's ``standard_error``)."""
    items: list[Sel] = []
    for where in sexes:
        assert where.label is not None
        items.append(sel(indicator, label=where.label, **dict(where.dims)))
        items.append(
            sel(
                f"{indicator}_se",
                label=_T_(
                    *(
                        f"{where.label.get(lang)}: {STANDARD_ERROR.get(lang)}"
                        for lang in ("ky", "ru", "en")
                    )
                ),
                **dict(where.dims),
            )
        )
    return Items(tuple(items))
