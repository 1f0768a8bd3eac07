"""The Demographic Yearbook of the Kyrgyz Republic, as a spec: one module per chapter.

Chapters follow the NSC's yearbook: population, births, deaths, marriages and divorces,
internal and external migration, the other migration sources, then one section per oblast
and city of republican significance. Tables name indicators of the catalog; a table whose
indicator the release does not hold prints a plain notice saying so. A new chapter is a
module here and a line in :data:`PUBLICATION`.
"""

from __future__ import annotations

from publishing.spec import Publication
from publishing.spec import T as _T_
from publishing.specs.yearbook.births import BIRTHS
from publishing.specs.yearbook.deaths import DEATHS
from publishing.specs.yearbook.external_migration import EXTERNAL_MIGRATION
from publishing.specs.yearbook.internal_migration import INTERNAL_MIGRATION
from publishing.specs.yearbook.life_tables import LIFE_TABLES
from publishing.specs.yearbook.marriages import MARRIAGES
from publishing.specs.yearbook.methods import METHODS
from publishing.specs.yearbook.nationality import NATIONALITY_CHAPTER
from publishing.specs.yearbook.other_sources import OTHER_SOURCES
from publishing.specs.yearbook.population import POPULATION
from publishing.specs.yearbook.regions import REGIONAL

PUBLICATION = Publication(
    id="yearbook",
    title=_T_(
        "Кыргыз Республикасынын демографиялык жылдык жыйнагы",
        "Демографический ежегодник Кыргызской Республики",
        "Demographic Yearbook of the Kyrgyz Republic",
    ),
    subtitle=_T_("Статистикалык жыйнак", "Статистический сборник", "Statistical yearbook"),
    chapters=(
        POPULATION,
        NATIONALITY_CHAPTER,
        BIRTHS,
        DEATHS,
        LIFE_TABLES,
        MARRIAGES,
        INTERNAL_MIGRATION,
        EXTERNAL_MIGRATION,
        OTHER_SOURCES,
        REGIONAL,
        METHODS,
    ),
)
