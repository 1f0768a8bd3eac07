"""Everything the catalog's computations share: the years, the space, the estimates.

Built once per release; each cube is aggregated by the database once and reused by every
indicator that needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from indicators import cubes
from indicators.population import Estimates, cohort_component
from indicators.space import N_AGES, SEXES, Grouping, Space
from store import moves

AgeGroup = tuple[str, int, int | None]
AGE5: tuple[AgeGroup, ...] = (
    *((f"Y{a}T{a + 4}", a, a + 4) for a in range(0, 85, 5)),
    ("Y_GE85", 85, None),
)
AGE_LT: tuple[AgeGroup, ...] = (
    ("Y0", 0, 0),
    ("Y1T4", 1, 4),
    *((f"Y{a}T{a + 4}", a, a + 4) for a in range(5, 85, 5)),
    ("Y_GE85", 85, None),
)
FERTILE = tuple((code, low, high) for code, low, high in AGE5 if 15 <= low <= 45)
# The codes of the classifier ``marital_status`` (legal status), "not stated" last.
MARITAL_STATUSES = ("NEVER_MARRIED", "MARRIED", "WIDOWED", "DIVORCED", cubes.NOT_STATED)


@dataclass
class Context:
    """The inputs of one release computation."""

    session: Session
    last_year: int
    _cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def base(self) -> cubes.Base:
        return cubes.base_population(self.session)

    @property
    def space(self) -> Space:
        return self.base.space

    @cached_property
    def years(self) -> tuple[int, ...]:
        first = self.base.reference_date.year
        if self.last_year < first:
            raise cubes.DataError(f"period {self.last_year} is before the base year {first}")
        return tuple(range(first, self.last_year + 1))

    @cached_property
    def unmatched_moves(self) -> tuple[int, ...]:
        """Ids of the internal-move records whose other half is not loaded (not counted)."""
        return moves.unmatched_ids(self.session)

    @property
    def counted_moves(self) -> ColumnElement[bool]:
        """The condition every count of migration records uses (:func:`store.moves.counted`)."""
        return moves.counted(self.unmatched_moves)

    @cached_property
    def flows(self) -> cubes.Flows:
        return cubes.cohort_flows(self.session, self.space, self.years, self.counted_moves)

    @cached_property
    def estimates(self) -> Estimates:
        return cohort_component(self.base, self.flows)

    def cube(
        self,
        name: str,
        table: Any,
        keys: Sequence[tuple[Any, Sequence[str] | int]],
        *conditions: Any,
        sex: Any = None,
    ) -> np.ndarray:
        """A cached :func:`cubes.counts_by` array, by name."""
        if name not in self._cache:
            self._cache[name] = cubes.counts_by(
                self.session, self.space, self.years, table, keys, *conditions, sex=sex
            )
        result: np.ndarray = self._cache[name]
        return result

    def average_population(self, year: int) -> np.ndarray:
        return self.estimates.average(year)

    # Groupings used by many indicators.
    def territories(self, *levels: str) -> Grouping:
        return self.space.territory_groups(levels or ("country", "region", "unit"))

    @staticmethod
    def sexes() -> Grouping:
        return Grouping.members_and_total(SEXES)

    @staticmethod
    def settlements() -> Grouping:
        return Grouping.members_and_total(("U", "R"))

    @staticmethod
    def all_settlements() -> Grouping:
        return Grouping.total_only(2)

    @staticmethod
    def age5(total: bool = True) -> Grouping:
        return Grouping.ranges(AGE5, N_AGES, total=total)

    @staticmethod
    def ages() -> Grouping:
        return Grouping.members_and_total([str(a) for a in range(N_AGES)])
