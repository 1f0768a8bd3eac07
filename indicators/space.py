"""The index space of the computations: territorial units, settlement types, sexes, ages.

Microdata are aggregated by the database into dense numpy arrays over this space
(unit × settlement × sex × age); every indicator is then a sum, a ratio or a life table
over such arrays. Territories aggregate upwards by СОАТЕ prefix: an 8-digit unit belongs to
the 5-digit oblast or city of republican significance that begins it, and all to ``417``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

COUNTRY = "417"
SETTLEMENTS = ("U", "R")
SEXES = ("M", "F")
N_AGES = 101  # 0..99 and 100 = "100 and over"
TOTAL = "_T"


def region_of(unit: str) -> str:
    """The oblast or city of republican significance a unit lies in (itself for Osh city)."""
    return unit[:5]


@dataclass(frozen=True)
class Space:
    """The lowest territorial units that hold population, in a fixed order."""

    units: tuple[str, ...]

    @cached_property
    def unit_index(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.units)}

    @cached_property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted({region_of(u) for u in self.units}))

    def shape(self, *extra: int) -> tuple[int, ...]:
        return (len(self.units), len(SETTLEMENTS), len(SEXES), *extra)

    def territory_groups(self, levels: Sequence[str] = ("country", "region", "unit")) -> Grouping:
        """Country, regions and units as groups of units (a unit equal to its region once)."""
        groups: dict[str, list[int]] = {}
        if "country" in levels:
            groups[COUNTRY] = list(range(len(self.units)))
        if "region" in levels:
            for region in self.regions:
                groups[region] = [i for i, u in enumerate(self.units) if region_of(u) == region]
        if "unit" in levels:
            for i, unit in enumerate(self.units):
                groups.setdefault(unit, [i])
        return Grouping.of(groups, len(self.units))


@dataclass(frozen=True)
class Grouping:
    """Named groups of the members of one axis, as a 0/1 matrix (groups × members).

    Summing an array over groups is then one matrix product, exact for counts.
    """

    codes: tuple[str, ...]
    matrix: np.ndarray

    @classmethod
    def of(cls, groups: dict[str, list[int]], n_members: int) -> Grouping:
        matrix = np.zeros((len(groups), n_members))
        for row, members in enumerate(groups.values()):
            matrix[row, members] = 1.0
        return cls(tuple(groups), matrix)

    @classmethod
    def members_and_total(cls, codes: Sequence[str]) -> Grouping:
        """``_T`` plus each member on its own (sex, settlement, a categorical axis)."""
        groups = {TOTAL: list(range(len(codes)))}
        groups.update({code: [i] for i, code in enumerate(codes)})
        return cls.of(groups, len(codes))

    @classmethod
    def total_only(cls, n_members: int) -> Grouping:
        return cls.of({TOTAL: list(range(n_members))}, n_members)

    @classmethod
    def ranges(
        cls, bounds: Sequence[tuple[str, int, int | None]], n_members: int, total: bool = True
    ) -> Grouping:
        """Age groups from ``(code, first age, last age or None for open)``."""
        groups: dict[str, list[int]] = {TOTAL: list(range(n_members))} if total else {}
        for code, low, high in bounds:
            top = n_members - 1 if high is None else min(high, n_members - 1)
            groups[code] = list(range(low, top + 1))
        return cls.of(groups, n_members)


def expand(values: np.ndarray, groupings: Sequence[Grouping]) -> np.ndarray:
    """Sum ``values`` (one axis per grouping) into the groups of every axis."""
    result = values
    for axis, grouping in enumerate(groupings):
        result = np.moveaxis(np.tensordot(grouping.matrix, result, axes=([1], [axis])), 0, axis)
    return result
