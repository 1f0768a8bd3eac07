"""Citizens abroad by the labour force survey, and the census 2022 benchmark.

Why beside the registered and the border-based measures: registered departures count only
those who de-register (a few thousand a year), the border measure only crossings the files
hold; a household survey asks the families left at home. The LFS migration module
(:mod:`ingest.sources.lfs_migration`) gives, for each sampled household, its usual members
at home or abroad; weighted by the design and adjusted for non-response, the members abroad
estimate the stock of residents abroad, with standard errors from the design (strata, PSUs)
by :mod:`indicators.methods.survey`. Its known gap, said in the definitions: households that
left whole are not in the sample, so the survey under-counts.

Estimates are in thousands with one decimal (the NSC's survey convention); each has its
standard error as a companion indicator ``<id>_se`` named in ``attributes["standard_error"]``
(the convention of issue 15's survey estimates), and the stock its 95 % confidence interval.
A year with several quarters of the module is their average, with the design of
:func:`indicators.methods.pooled_quarters` (each quarter a sample of its own).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import cast

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from indicators import cubes
from indicators.aggregates import with_standard_error
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import (
    Estimate,
    confidence_interval,
    nonresponse_adjusted_weights,
    pooled_quarters,
    survey_ratio,
    survey_total,
    totals_by,
)
from indicators.space import TOTAL
from indicators.spec import Spec, Text
from store import read
from store.models import IngestBatch
from store.models import SurveyMigrationMember as S

THOUSAND = 1000.0  # the stock is published in thousands (unit thousand_persons)
PERCENT = 100.0  # the share is per cent (unit percent)
CENSUS_YEAR = "2022"
# Citizens in labour migration counted by the population and housing census of 2022, as the
# NSC published it (964.6 thousand). A published figure, not computed: a benchmark.
CENSUS_2022_LABOUR_MIGRANTS_K = 964.6
DURATIONS = ((0, 5, "M_LT6"), (6, 11, "M6T11"), (12, 35, "Y1T2"), (36, None, "Y_GE3"))
NONE = "-"  # the domain of members at home
SEX = ("M", "F")

METHOD = Text(
    ky="Эмгек күчүн тандалма изилдөөнүн (ЭКТИ) миграция модулу: катмарланган эки баскычтуу "
    "тандалма (катмар — облус же шаар × шаар же айыл жери; биринчи баскычта эсептөө "
    "участоктору көлөмүнө жараша ыктымалдуулук менен, экинчисинде участоктогу үй чарбалары). "
    "Үй чарбасы өзүнүн чет өлкөдөгү туруктуу мүчөлөрү жөнүндө айтып берет. Салмак — "
    "тандалмага кирүү ыктымалдуулугуна тескери сан, катмардын ичинде жооп бербегендерге "
    "түзөтүлгөн. Стандарттык каталар тандалманын түзүлүшү боюнча (катмарлар, биринчи "
    "баскычтын бирдиктери) Тейлордун сызыктуулаштыруусу менен эсептелет. Бүт бойдон кеткен "
    "үй чарбалары тандалмага кирбейт, ошондуктан баа толук эмес.",
    ru="Миграционный модуль выборочного обследования рабочей силы (ОРС): стратифицированная "
    "двухступенчатая выборка (страта — область или город × городская или сельская "
    "местность; на первой ступени счётные участки с вероятностью, пропорциональной "
    "размеру, на второй — домохозяйства участка). Домохозяйство сообщает о своих обычных "
    "членах, находящихся за рубежом. Вес — величина, обратная вероятности попадания в "
    "выборку, скорректированная на неответы внутри страты. Стандартные ошибки — по дизайну "
    "выборки (страты, единицы первой ступени), линеаризацией Тейлора. Домохозяйства, "
    "выехавшие целиком, в выборку не попадают, поэтому оценка занижена.",
    en="Migration module of the labour force survey (LFS): a stratified two-stage sample "
    "(stratum: oblast or city × urban or rural; first stage enumeration areas with "
    "probability proportional to size, second stage households of the area). The household "
    "reports on its usual members who are abroad. The weight is the inverse of the "
    "probability of selection, adjusted for non-response within the stratum. Standard "
    "errors follow the design (strata, primary sampling units), by Taylor linearisation. "
    "Households that left the country whole are not in the sample, so the estimate falls "
    "short.",
)
STOCK_DIMS = ("country_group", "country", "purpose_abroad", "duration_abroad", "age_social", "sex")
STOCK = Spec(
    id="lfs_residents_abroad",
    topic="migration",
    name=Text(
        "Чет өлкөдөгү үй чарба мүчөлөрү (ЭКТИ)",
        "Члены домохозяйств, находящиеся за рубежом (ОРС)",
        "Household members abroad (LFS)",
    ),
    definition=Text(
        "Үй чарбаларынын чет өлкөдө жүргөн туруктуу мүчөлөрүнүн саны, эмгек күчүн тандалма "
        "изилдөөнүн баасы боюнча, миң адам: барган өлкөсү, максаты, чет өлкөдө болгон мөөнөтү "
        "(кеткенден бери толук айлар), жашы жана жынысы боюнча. Туруктуу калктын чет "
        "өлкөдөгү запасы; бүт бойдон кеткен үй чарбалары кирбейт.",
        "Число обычных членов домохозяйств, находящихся за рубежом, по оценке выборочного "
        "обследования рабочей силы, тыс. человек: по стране пребывания, цели, "
        "продолжительности пребывания (полных месяцев с отъезда), возрасту и полу. Запас "
        "постоянных жителей за рубежом; домохозяйства, выехавшие целиком, не учитываются.",
        "Usual members of households who are abroad, as estimated by the labour force "
        "survey, in thousands: by country of stay, purpose, time abroad (completed months "
        "since leaving), age and sex. The stock of residents abroad; households that left "
        "whole are not counted.",
    ),
    unit="thousand_persons",
    decimals=1,
    dimensions=STOCK_DIMS,
    source="labour_force_survey",
    estimate=True,
    methodology=METHOD,
)
SHARE = Spec(
    id="labour_migration_share",
    topic="migration",
    name=Text(
        "Эмгек миграциясынын үлүшү (ЭКТИ)",
        "Доля трудовой миграции (ОРС)",
        "Labour-migration share (LFS)",
    ),
    definition=Text(
        "Чет өлкөдөгү үй чарба мүчөлөрүнүн ичинен иштөө үчүн кеткендердин үлүшү, пайыз, "
        "эмгек күчүн тандалма изилдөөнүн баасы боюнча (эки салмактуу жыйындынын катышы).",
        "Доля уехавших на работу среди членов домохозяйств, находящихся за рубежом, в "
        "процентах, по оценке выборочного обследования рабочей силы (отношение двух "
        "взвешенных итогов).",
        "The share of those gone to work among household members abroad, per cent, as "
        "estimated by the labour force survey (a ratio of two weighted totals).",
    ),
    unit="percent",
    decimals=1,
    dimensions=("country_group", "sex"),
    additive=False,
    bounds=(0.0, 100.0),
    source="labour_force_survey",
    estimate=True,
    methodology=METHOD,
)
SPECS = [
    *with_standard_error(STOCK),
    Spec(
        id="lfs_residents_abroad_ci95",
        topic="migration",
        name=Text(
            "Чет өлкөдөгү үй чарба мүчөлөрү (ЭКТИ): 95 % ишеним аралыгы",
            "Члены домохозяйств за рубежом (ОРС): 95-процентный доверительный интервал",
            "Household members abroad (LFS): 95 % confidence interval",
        ),
        definition=Text(
            "Баанын 95 % ишеним аралыгынын төмөнкү жана жогорку чектери: баа ± 1,96 × "
            "стандарттык ката (нормалдык жакындатуу), миң адам.",
            "Нижняя и верхняя границы 95-процентного доверительного интервала оценки: "
            "оценка ± 1,96 × стандартная ошибка (нормальное приближение), тыс. человек.",
            "The lower and upper bounds of the estimate's 95 % confidence interval: the "
            "estimate ± 1.96 × its standard error (normal approximation), in thousands.",
        ),
        unit="thousand_persons",
        decimals=1,
        dimensions=(*STOCK_DIMS, "bound"),
        additive=False,
        source="labour_force_survey",
        estimate=True,
        methodology=METHOD,
    ),
    *with_standard_error(SHARE),
    Spec(
        id="census_labour_migrants",
        topic="migration",
        name=Text(
            "Эмгек миграциясындагы жарандар (2022-жылдагы каттоо)",
            "Граждане в трудовой миграции (перепись 2022 года)",
            "Citizens in labour migration (census 2022)",
        ),
        definition=Text(
            "2022-жылдагы калкты жана турак-жай фондун каттоодо эмгек миграциясында деп "
            "эсептелген Кыргыз Республикасынын жарандары, миң адам, УСКнын жарыяланган "
            "жыйынтыгы боюнча (964,6 миң). Салыштыруу үчүн чен: эсептелбейт, жарыяланган "
            "сан.",
            "Граждане Кыргызской Республики, учтённые переписью населения и жилищного фонда "
            "2022 года как находящиеся в трудовой миграции, тыс. человек, по опубликованным "
            "итогам НСК (964,6 тыс.). Ориентир для сравнения: не вычисляется, а берётся из "
            "публикации.",
            "Citizens of the Kyrgyz Republic counted by the 2022 population and housing census "
            "as being in labour migration, in thousands, as published by the NSC (964.6 "
            "thousand). A benchmark for comparison: a published figure, not computed.",
        ),
        unit="thousand_persons",
        decimals=1,
        dimensions=(),
        source="census_and_registers",
    ),
]


def _codes_by_age(session: Session) -> Callable[[np.ndarray], np.ndarray]:
    """Age → ``age_social`` code, from the codelist's bounds."""
    bands = [
        (int(c.attributes["min_age"]), c.attributes.get("max_age"), c.code)
        for c in read.codes(session, "age_social")
        if c.code != TOTAL
    ]
    lookup = np.full(121, NONE, dtype=object)
    for low, high, code in bands:
        lookup[low : (int(high) + 1 if high not in (None, "") else None)] = code
    return lambda ages: cast(np.ndarray, lookup[np.clip(ages, 0, 120)])


def _duration(months: np.ndarray) -> np.ndarray:
    codes = np.full(months.shape, NONE, dtype=object)
    for low, high, code in DURATIONS:
        codes[(months >= low) & (months <= (high if high is not None else 10**6))] = code
    return codes


class Members:
    """One year's responding members with their adjusted weights and design, as arrays (the
    catalog's estimates and the data requests' custom tables read the same)."""

    def __init__(self, rows: list[tuple[object, ...]], session: Session) -> None:
        households: dict[tuple[object, object], tuple[str, float, int]] = {}
        for _y, q, hh, stratum, _psu, weight, result, *_ in rows:
            households[q, hh] = (
                f"{q}|{stratum}",
                float(cast(float, weight)),
                int(cast(int, result)),
            )
        keys = list(households)
        adjusted = dict(
            zip(
                keys,
                nonresponse_adjusted_weights(
                    [households[k][1] for k in keys],
                    [households[k][0] for k in keys],
                    [households[k][2] for k in keys],
                ),
                strict=True,
            )
        )
        members = [r for r in rows if r[7] is not None and households[r[1], r[2]][2] == 1]
        design = pooled_quarters(
            [str(r[1]) for r in members],
            [adjusted[r[1], r[2]] for r in members],
            [str(r[3]) for r in members],
            [str(r[4]) for r in members],
        )
        self.weight, self.stratum, self.psu = design.weight, design.stratum, design.psu
        self.oblast = np.array([str(r[3])[:5] for r in members], dtype=object)
        abroad = np.array([bool(r[10]) for r in members])
        self.abroad = abroad.astype(float)
        self.sex = np.array([r[8] for r in members], dtype=object)
        self.country = np.array(
            [r[11] if a else NONE for r, a in zip(members, abroad, strict=True)], dtype=object
        )
        self.purpose = np.array(
            [r[13] if a else NONE for r, a in zip(members, abroad, strict=True)], dtype=object
        )
        months = np.array(
            [r[12] if a and r[12] is not None else -1 for r, a in zip(members, abroad, strict=True)]
        )
        self.duration = np.where(abroad, _duration(months), NONE)
        ages = np.array([int(cast(int, r[9])) for r in members])
        self.age = np.where(abroad, _codes_by_age(session)(ages), NONE)
        self.work = (self.purpose == "WORK").astype(float)

    def total(self, y: np.ndarray, domain: np.ndarray | None = None) -> dict[str, Estimate]:
        if domain is None:
            return {TOTAL: cast(Estimate, survey_total(y, self.weight, self.stratum, self.psu))}
        return cast(
            dict[str, Estimate], survey_total(y, self.weight, self.stratum, self.psu, domain)
        )


def _stock_cells(
    year: Members, groups: dict[str, np.ndarray]
) -> Iterable[tuple[dict[str, str], Estimate]]:
    """The stock: its total and each one-way breakdown, for both sexes, men and women."""
    blank = dict.fromkeys(STOCK_DIMS, TOTAL)
    for sex, mask in ((TOTAL, None), *((s, year.sex == s) for s in SEX)):
        y = year.abroad if mask is None else year.abroad * mask
        yield {**blank, "sex": sex}, year.total(y)[TOTAL]
        for dim, codes in (
            ("country", year.country),
            ("purpose_abroad", year.purpose),
            ("duration_abroad", year.duration),
            ("age_social", year.age),
        ):
            for code, estimate in year.total(y, codes).items():
                if code != NONE:
                    yield {**blank, "sex": sex, dim: code}, estimate
        for group, estimate in totals_by(y, year.weight, year.stratum, year.psu, groups).items():
            yield {**blank, "sex": sex, "country_group": str(group)}, estimate


def _share_cells(
    year: Members, groups: dict[str, np.ndarray]
) -> Iterable[tuple[dict[str, str], Estimate]]:
    """The labour share among members abroad, by sex and country group."""
    for group, inside in ((TOTAL, None), *groups.items()):
        x = year.abroad if inside is None else year.abroad * inside
        if not x.any():
            continue
        y = year.work * x
        design = (year.weight, year.stratum, year.psu)
        yield (
            {"country_group": group, "sex": TOTAL},
            cast(Estimate, survey_ratio(y, x, *design, base=PERCENT)),
        )
        by_sex = cast(dict[str, Estimate], survey_ratio(y, x, *design, year.sex, base=PERCENT))
        for sex in SEX:
            if sex in by_sex:
                yield {"country_group": group, "sex": sex}, by_sex[sex]


def groups_of(session: Session, year: Members) -> dict[str, np.ndarray]:
    """Country group → which members are in a country of it (CIS, EAEU; OTHER: outside the
    CIS), from the classifiers."""
    members = cubes.group_members(session, "country_group")
    masks = {
        g: np.isin(year.country, sorted(codes)) for g, codes in members.items() if g != "OTHER"
    }
    if "CIS" in masks:
        masks["OTHER"] = (year.country != NONE) & ~masks["CIS"]
    return masks


COLUMNS = (
    S.survey_year, S.quarter, S.household_id, S.stratum, S.psu, S.design_weight, S.result,
    S.line_no, S.sex, S.age, S.abroad, S.country, S.months_abroad, S.purpose,
)  # fmt: skip


def members(session: Session, year: int, finished_before: datetime | None = None) -> Members:
    """The responding members of ``year``; with ``finished_before``, only the rows of the
    batches loaded by then (what a release computed at that time saw)."""
    query = select(*COLUMNS).where(S.survey_year == year)
    if finished_before is not None:
        query = query.join(IngestBatch, IngestBatch.id == S.batch_id).where(
            IngestBatch.finished_at <= finished_before
        )
    return Members([tuple(r) for r in session.execute(query)], session)


def compute(ctx: Context, out: Frame) -> None:
    out.add("census_labour_migrants", CENSUS_YEAR, {}, CENSUS_2022_LABOUR_MIGRANTS_K)
    rows = ctx.session.execute(select(*COLUMNS).where(S.survey_year <= ctx.last_year)).all()
    by_year: dict[int, list[tuple[object, ...]]] = defaultdict(list)
    for row in rows:
        by_year[row[0]].append(tuple(row))
    for year_number, year_rows in sorted(by_year.items()):
        year = Members(year_rows, ctx.session)
        if not year.weight.size:
            continue
        period = str(year_number)
        groups = groups_of(ctx.session, year)
        for dims, estimate in _stock_cells(year, groups):
            out.add("lfs_residents_abroad", period, dims, estimate.value / THOUSAND)
            out.add("lfs_residents_abroad_se", period, dims, estimate.se / THOUSAND)
            low, high = confidence_interval(estimate)
            out.add("lfs_residents_abroad_ci95", period, {**dims, "bound": "LOWER"}, low / THOUSAND)
            out.add(
                "lfs_residents_abroad_ci95", period, {**dims, "bound": "UPPER"}, high / THOUSAND
            )
        for dims, estimate in _share_cells(year, groups):
            out.add("labour_migration_share", period, dims, estimate.value)
            out.add("labour_migration_share_se", period, dims, estimate.se)
