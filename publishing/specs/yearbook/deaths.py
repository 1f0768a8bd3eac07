"""The yearbook's chapter: Deaths and mortality.

Deaths and the crude rate by territory, then mortality by age and sex, deaths by cause and
age, infant and child mortality, age-standardised rates and maternal mortality. Life
expectancy and the full life tables are the next chapter (:mod:`.life_tables`).
"""

from __future__ import annotations

from dataclasses import replace

from publishing.spec import (
    Chapter,
    Chart,
    Dim,
    Items,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    REGION_ROWS,
    SEXES,
    TERRITORY,
    YEARS,
    by_region,
)

CAUSE = _T_("Себеби", "Причина", "Cause")
CAUSES = Dim("cause", total=True)
LIFE_TABLE_AGES = Dim("age_lt")


def short_ages(dim: str, codes: tuple[str, ...], exact: bool = False) -> Items:
    """Age groups headed by their bounds alone ("0", "1–4", "85+"), the total as "Total";
    with ``exact``, by the exact age that starts each group ("15" for 15–19), as a life
    expectancy at that age is read.

    The codelist's labels ("1–4 года", "85 лет и старше") are too wide for nineteen columns
    across the page or for the first column of a life table; the table's title or stub says
    that the ages are in years.
    """
    items = []
    for code in codes:
        if code == "_T":
            label = _T_("Бардыгы", "Всего", "Total")
        else:
            text = _bounds(code)
            text = text.partition("–")[0].rstrip("+") if exact else text
            label = _T_(text, text, text)
        items.append(sel(label=label, **{dim: code}))
    return Items(tuple(items))


def _bounds(code: str) -> str:
    """The bounds of an SDMX-like age code: Y5T9 → 5–9, Y_GE85 → 85+, Y0 → 0."""
    if code.startswith("Y_GE"):
        return f"{code[4:]}+"
    low, _, high = code[1:].partition("T")
    return f"{low}–{high}" if high else low


# Deaths by cause and age print in two tables of ten columns each (the page is too narrow
# for all nineteen): all ages and under 40, then 40 and over.
YOUNGER = short_ages(
    "age5", ("_T", "Y0T4", "Y5T9", "Y10T14", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39")
)
OLDER = short_ages(
    "age5",
    ("Y40T44", "Y45T49", "Y50T54", "Y55T59", "Y60T64", "Y65T69", "Y70T74", "Y75T79", "Y80T84",
     "Y_GE85")
)  # fmt: skip
URBAN_RURAL_SEXES = Items(
    (
        sel(urban_rural="U", sex="M", label=_T_("Шаар: эркектер", "Город: мужчины", "Urban: men")),
        sel(urban_rural="U", sex="F", label=_T_("Шаар: аялдар", "Город: женщины", "Urban: women")),
        sel(urban_rural="R", sex="M", label=_T_("Айыл: эркектер", "Село: мужчины", "Rural: men")),
        sel(urban_rural="R", sex="F", label=_T_("Айыл: аялдар", "Село: женщины", "Rural: women")),
    )
)


STANDARD = _T_(
    "Стандарт — Европалык стандарттык калк 2013 (ESP 2013, Евростат).",
    "Стандарт — Европейский стандарт населения 2013 года (ESP 2013, Евростат).",
    "Standard: the European Standard Population 2013 (ESP 2013, Eurostat).",
)
MATERNAL = _T_(
    "Өлүмүнүн негизги себеби ОЭК-10дун XV классына (кош бойлуулук, төрөт жана төрөттөн кийинки "
    "мезгил) кирген аялдар. Каттоо маалыматтары энелердин өлүмүн толук эмес чагылдырат: ДСУнун "
    "баалоолору жогору болушу мүмкүн.",
    "Женщины, основная причина смерти которых относится к классу XV МКБ-10 (беременность, роды "
    "и послеродовой период). Регистрационные данные недоучитывают материнские смерти: оценки "
    "ВОЗ могут быть выше.",
    "Women whose underlying cause of death lies in ICD-10 chapter XV (pregnancy, childbirth and "
    "the puerperium). Registration data undercount maternal deaths: WHO estimates can be "
    "higher.",
)


def _death_rates_by_age(who: str, sex: str) -> Table:
    """Age-specific death rates of one sex (or both) over the last five years."""
    titles = {
        "both": _T_(
            "Өлүмдүн жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты смертности",
            "Age-specific death rates",
        ),
        "men": _T_(
            "Эркектердин өлүмүнүн жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты смертности мужчин",
            "Age-specific death rates, men",
        ),
        "women": _T_(
            "Аялдардын өлүмүнүн жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты смертности женщин",
            "Age-specific death rates, women",
        ),
    }
    return Table(titles[who], sel("death_rate_age", sex=sex), LIFE_TABLE_AGES, YEARS, stub=AGE)


def _deaths_by_cause_and_age(sex: str, ages: Items) -> Table:
    """Deaths by ICD-10 chapter and five-year age group, of men or women, in the reference year."""
    who = _T_("эркектер", "мужчины", "men") if sex == "M" else _T_("аялдар", "женщины", "women")
    part = (
        _T_(
            "бардык жаштар жана 40 жашка чейин", "все возрасты и до 40 лет", "all ages and under 40"
        )
        if ages == YOUNGER
        else _T_("40 жаш жана андан улуу", "40 лет и старше", "40 years and over")
    )
    title = _T_(
        f"Өлгөндөр өлүмдүн себептери жана жаш курагы (жыл) боюнча: {who.ky} ({part.ky})",
        f"Умершие по причинам смерти и возрасту (лет): {who.ru} ({part.ru})",
        f"Deaths by cause and age (years): {who.en} ({part.en})",
    )
    return Table(title, sel("deaths", "ref", sex=sex), CAUSES, ages, stub=CAUSE)


DEATHS = Chapter(
    _T_("Өлүм", "Смертность", "Deaths and mortality"),
    (
        Section(
            _T_("Өлгөндөр", "Умершие", "Deaths"),
            (
                by_region(_T_("Өлгөндөр", "Число умерших", "Deaths"), "deaths"),
                by_region(
                    _T_(
                        "Өлүмдүн жалпы коэффициенти",
                        "Общий коэффициент смертности",
                        "Crude death rate",
                    ),
                    "crude_death_rate",
                ),
                Table(
                    _T_(
                        "Өлгөндөр өлүмдүн себептери боюнча (ОЭК-10 класстары)",
                        "Умершие по причинам смерти (классы МКБ-10)",
                        "Deaths by cause (ICD-10 chapters)",
                    ),
                    sel("deaths", "ref"),
                    CAUSES,
                    SEXES,
                    stub=CAUSE,
                ),
                Chart(
                    _T_(
                        "Төрөлүүнүн жана өлүмдүн жалпы коэффициенттери",
                        "Общие коэффициенты рождаемости и смертности",
                        "Crude birth and death rates",
                    ),
                    "line",
                    sel(),
                    YEARS,
                    Items((sel("crude_birth_rate"), sel("crude_death_rate"))),
                ),
                by_region(
                    _T_("Табигый өсүш", "Естественный прирост", "Natural increase"),
                    "natural_increase",
                ),
            ),
        ),
        Section(
            _T_(
                "Жаш курагы жана жынысы боюнча өлүм",
                "Смертность по полу и возрасту",
                "Mortality by age and sex",
            ),
            (
                _death_rates_by_age("both", "_T"),
                _death_rates_by_age("men", "M"),
                _death_rates_by_age("women", "F"),
                Table(
                    _T_(
                        "Шаар жана айыл жериндеги өлүмдүн жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты смертности городского и сельского населения",
                        "Age-specific death rates, urban and rural",
                    ),
                    sel("death_rate_age", "ref"),
                    LIFE_TABLE_AGES,
                    URBAN_RURAL_SEXES,
                    stub=AGE,
                ),
            ),
        ),
        Section(
            _T_(
                "Өлүмдүн себептери жана жаш курагы",
                "Причины смерти и возраст умерших",
                "Causes of death and age",
            ),
            (
                _deaths_by_cause_and_age("M", YOUNGER),
                _deaths_by_cause_and_age("M", OLDER),
                _deaths_by_cause_and_age("F", YOUNGER),
                _deaths_by_cause_and_age("F", OLDER),
            ),
        ),
        Section(
            _T_(
                "Ымыркайлардын жана балдардын өлүмү",
                "Младенческая и детская смертность",
                "Infant and child mortality",
            ),
            (
                by_region(
                    _T_(
                        "1 жашка чейин өлгөн балдар",
                        "Умершие в возрасте до 1 года",
                        "Deaths under age one",
                    ),
                    "infant_deaths",
                ),
                by_region(
                    _T_(
                        "Ымыркайлардын өлүмүнүн коэффициенти",
                        "Коэффициент младенческой смертности",
                        "Infant mortality rate",
                    ),
                    "infant_mortality_rate",
                ),
                Table(
                    _T_(
                        "1 жашка чейин өлгөн балдар өлүмдүн себептери боюнча",
                        "Умершие в возрасте до 1 года по причинам смерти",
                        "Deaths under age one by cause",
                    ),
                    sel("infant_deaths"),
                    CAUSES,
                    YEARS,
                    stub=CAUSE,
                    drop_empty=True,
                ),
                Table(
                    _T_(
                        "1 жашка чейин өлгөн балдар өлүмдүн себептери жана жынысы боюнча",
                        "Умершие в возрасте до 1 года по причинам смерти и полу",
                        "Deaths under age one by cause and sex",
                    ),
                    sel("infant_deaths", "ref"),
                    CAUSES,
                    SEXES,
                    stub=CAUSE,
                    drop_empty=True,
                ),
                by_region(
                    _T_(
                        "5 жашка чейинки балдардын өлүмүнүн коэффициенти",
                        "Коэффициент смертности детей в возрасте до 5 лет",
                        "Under-five mortality rate",
                    ),
                    "under_five_mortality_rate",
                ),
                Table(
                    _T_(
                        "5 жашка чейинки балдардын өлүмүнүн коэффициенти жынысы боюнча",
                        "Коэффициент смертности детей в возрасте до 5 лет по полу",
                        "Under-five mortality rate by sex",
                    ),
                    sel("under_five_mortality_rate", "ref"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                ),
            ),
        ),
        Section(
            _T_(
                "Өлүмдүн стандартташтырылган коэффициенттери",
                "Стандартизованные коэффициенты смертности",
                "Age-standardised death rates",
            ),
            (
                replace(
                    by_region(
                        _T_(
                            "Өлүмдүн стандартташтырылган коэффициенти",
                            "Стандартизованный коэффициент смертности",
                            "Age-standardised death rate",
                        ),
                        "standardised_death_rate",
                    ),
                    note=STANDARD,
                ),
                Table(
                    _T_(
                        "Өлүмдүн стандартташтырылган коэффициенти жынысы боюнча",
                        "Стандартизованный коэффициент смертности по полу",
                        "Age-standardised death rate by sex",
                    ),
                    sel("standardised_death_rate", "ref"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                    note=STANDARD,
                ),
                Table(
                    _T_(
                        "Өлүмдүн себептери боюнча стандартташтырылган коэффициенттер",
                        "Стандартизованные коэффициенты смертности по причинам смерти",
                        "Age-standardised death rates by cause",
                    ),
                    sel("standardised_death_rate", "ref"),
                    CAUSES,
                    SEXES,
                    stub=CAUSE,
                    note=STANDARD,
                ),
            ),
        ),
        Section(
            _T_("Энелердин өлүмү", "Материнская смертность", "Maternal mortality"),
            (
                replace(
                    by_region(
                        _T_(
                            "Энелердин өлүмүнүн катышы",
                            "Коэффициент материнской смертности",
                            "Maternal mortality ratio",
                        ),
                        "maternal_mortality_ratio",
                    ),
                    note=MATERNAL,
                ),
            ),
        ),
    ),
)
