"""The indicator catalog: one module per topic, each with ``SPECS`` and ``compute``.

Adding a topic is adding a module here and naming it in :data:`TOPICS`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from indicators.catalog import (
    crime,
    decision_making,
    education,
    fertility,
    health,
    income,
    labour,
    migration,
    mortality,
    nationality,
    nuptiality,
    other_sources,
    population,
    survey_migration,
    vital,
)
from indicators.context import Context
from indicators.frame import Frame
from indicators.spec import Spec

TOPICS: tuple[ModuleType, ...] = (
    population,
    vital,
    mortality,
    fertility,
    nuptiality,
    migration,
    other_sources,
    nationality,
    education,
    labour,
    income,
    health,
    decision_making,
    crime,
    survey_migration,
)


def all_specs() -> list[Spec]:
    return [spec for topic in TOPICS for spec in topic.SPECS]


def computations() -> list[Callable[[Context, Frame], None]]:
    return [topic.compute for topic in TOPICS]
