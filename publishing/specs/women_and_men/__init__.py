"""Women and Men of the Kyrgyz Republic, as a spec: one module per chapter, by sex throughout.

The NSC's gender compendium: population, family formation, health and mortality, education,
work and pay, incomes and poverty, decision-making, crime and violence, migration, the oblasts,
and the annex of the UN Minimum Set of Gender Indicators. Every table puts men and women side
by side; the gender gaps are ratios (women per 100 men) and differences (years of life
expectancy) of two published values (:class:`publishing.spec.Gap`), and the generated sentences
quote them in each language from templates, so the wording is the spec's and the numbers the
release's. A new chapter is a module here and a line in :data:`PUBLICATION`; the definitions of
what the book prints follow as the template's annex.
"""

from __future__ import annotations

from publishing.spec import Publication
from publishing.spec import T as _T_
from publishing.specs.women_and_men.annex import ANNEX
from publishing.specs.women_and_men.crime import CRIME
from publishing.specs.women_and_men.decisions import DECISIONS
from publishing.specs.women_and_men.education import EDUCATION
from publishing.specs.women_and_men.family import FAMILY
from publishing.specs.women_and_men.health import HEALTH
from publishing.specs.women_and_men.income import INCOME
from publishing.specs.women_and_men.migration import MIGRATION
from publishing.specs.women_and_men.population import POPULATION
from publishing.specs.women_and_men.regions import REGIONS_CHAPTER
from publishing.specs.women_and_men.work import WORK

PUBLICATION = Publication(
    id="women_and_men",
    title=_T_(
        "Кыргыз Республикасындагы аялдар жана эркектер",
        "Женщины и мужчины Кыргызской Республики",
        "Women and Men of the Kyrgyz Republic",
    ),
    subtitle=_T_("Статистикалык жыйнак", "Статистический сборник", "Statistical compendium"),
    chapters=(
        POPULATION,
        FAMILY,
        HEALTH,
        EDUCATION,
        WORK,
        INCOME,
        DECISIONS,
        CRIME,
        MIGRATION,
        REGIONS_CHAPTER,
        ANNEX,
    ),
)
