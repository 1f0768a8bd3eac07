"""The yearbook's chapter: One section per oblast and city of republican significance."""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chapter,
    Dim,
    Items,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    REGION_NAMES,
    TERRITORY,
    YEARS,
)

KEY_INDICATORS = Items(
    (
        sel("pop_jan1"),
        sel("pop_avg"),
        sel("births"),
        sel("crude_birth_rate"),
        sel("deaths"),
        sel("crude_death_rate"),
        sel("natural_increase"),
        sel("infant_mortality_rate"),
        sel("marriages"),
        sel("divorces"),
        sel("mig_arrivals"),
        sel("mig_departures"),
        sel("mig_net"),
    )
)
DISTRICT_COLUMNS = Items(
    (
        sel("pop_jan1"),
        sel("births"),
        sel("deaths"),
        sel("natural_increase"),
        sel("mig_net"),
    )
)


def region_section(code: str, name: _T_) -> Section:
    return Section(
        name,
        (
            Table(
                _T_(
                    f"{name.ky}: негизги көрсөткүчтөр",
                    f"{name.ru}: основные показатели",
                    f"{name.en}: main indicators",
                ),
                sel(soate=code),
                KEY_INDICATORS,
                YEARS,
                stub=_T_("Көрсөткүч", "Показатель", "Indicator"),
            ),
            Table(
                _T_(
                    f"{name.ky}: райондор жана шаарлар",
                    f"{name.ru}: районы и города",
                    f"{name.en}: districts and towns",
                ),
                sel(period="ref"),
                Dim("soate", parent=code, total=True),
                DISTRICT_COLUMNS,
                stub=TERRITORY,
            ),
        ),
    )


REGIONAL = Chapter(
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    tuple(region_section(code, REGION_NAMES[code]) for code in REGIONS),
)
