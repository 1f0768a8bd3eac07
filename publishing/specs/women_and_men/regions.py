"""Women and Men, chapter 5: each oblast and city of republican significance — its key
figures for women and men, its population by age and sex and its pyramid."""

from __future__ import annotations

from publishing.spec import REGIONS, Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    AGE_GROUPS,
    GAP_YEARS,
    INDICATOR,
    MEN,
    REGION_NAMES,
    WOMEN,
    WOMEN_PER_100_MEN,
    WOMEN_SHARE,
)
from publishing.specs.yearbook.common import BOTH

KEY_FIGURES = Items(
    (
        sel("pop_jan1"),
        sel("median_age"),
        sel("births"),
        sel("deaths"),
        sel("infant_mortality_rate"),
        sel("under_five_mortality_rate"),
        sel("life_expectancy", age_lt="Y0"),
        sel(
            "life_expectancy",
            age_lt="Y60T64",
            label=_T_(
                "60 жаштагы күтүлүүчү өмүр",
                "Ожидаемая продолжительность жизни в 60 лет",
                "Life expectancy at age 60",
            ),
        ),
        sel("standardised_death_rate"),
        sel("mean_age_first_marriage"),
        sel("mig_arrivals", migration_type="_T"),
        sel("mig_departures", migration_type="_T"),
        sel("emigrants"),
        sel("immigrants"),
    )
)


def _section(code: str) -> Section:
    name = REGION_NAMES[code]
    return Section(
        name,
        (
            Table(
                _T_(
                    f"{name.ky}: аялдар жана эркектер",
                    f"{name.ru}: женщины и мужчины",
                    f"{name.en}: women and men",
                ),
                sel(period="ref", soate=code),
                KEY_FIGURES,
                Items((MEN, WOMEN, GAP_YEARS)),
                stub=INDICATOR,
            ),
            Table(
                _T_(
                    f"{name.ky}: калк жынысы жана жаш курагы боюнча",
                    f"{name.ru}: население по полу и возрасту",
                    f"{name.en}: population by sex and age",
                ),
                sel("pop_jan1", "ref", soate=code),
                AGE_GROUPS,
                Items((BOTH, MEN, WOMEN, WOMEN_SHARE, WOMEN_PER_100_MEN)),
                stub=AGE,
            ),
            Chart(
                _T_(
                    f"{name.ky}: калктын жаш-жыныс пирамидасы",
                    f"{name.ru}: половозрастная пирамида населения",
                    f"{name.en}: age pyramid of the population",
                ),
                "pyramid",
                sel("pop_jan1", "ref", soate=code),
                Dim("age5", level="group,open"),
                Items((MEN, WOMEN)),
            ),
        ),
    )


REGIONS_CHAPTER = Chapter(
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    tuple(_section(code) for code in REGIONS),
)
