"""Observations being computed for a release, before they are written to the store.

Values stay raw (no rounding) here; only templates and writers round and format them. A value
is a finite number or, explicitly, not available (``None`` with status ``M``): a NaN or an
infinity reaching the frame is a defect of the computation and raises, instead of being
stored quietly as a missing value. Cells that the methods leave without a denominator
(:data:`indicators.methods.NOT_AVAILABLE`) are accepted only where the caller says so
(``not_available_ok``).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from indicators.space import TOTAL, Grouping, expand
from indicators.spec import Spec
from store.models import ObsStatus

Axis = tuple[str | None, Grouping]


def _with_total(code: str) -> list[str]:
    return [code, TOTAL] if code != TOTAL else [TOTAL]


@dataclass(frozen=True)
class Obs:
    indicator: str
    period: str
    dims: tuple[tuple[str, str], ...]
    value: float | None
    status: ObsStatus | None = None  # None: the release's default (provisional or normal)
    footnote: str | None = None  # a key of indicators.footnotes.FOOTNOTES

    @property
    def dim_key(self) -> str:
        return "|".join(f"{dim}={code}" for dim, code in self.dims)


class Frame:
    """Collects observations; each spec's dimensions fix the order of the key."""

    def __init__(self, specs: Sequence[Spec]) -> None:
        self.specs = {spec.id: spec for spec in specs}
        self.rows: list[Obs] = []
        self._seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], float | None] = {}

    def base(self, indicator: str) -> int:
        """The ``unit_base`` of ``indicator``: what its rates are per (1000, 10000, …)."""
        return self.specs[indicator].unit_base

    def add(
        self,
        indicator: str,
        period: str | int,
        dims: dict[str, str],
        value: float | None,
        status: ObsStatus | None = None,
        footnote: str | None = None,
    ) -> None:
        spec = self.specs[indicator]
        if set(dims) != set(spec.dimensions):
            raise ValueError(f"{indicator}: dimensions {sorted(dims)} != {spec.dimensions}")
        ordered = tuple((dim, dims[dim]) for dim in spec.dimensions)
        if value is not None and not np.isfinite(value):
            raise ValueError(f"{indicator} {period} {dims}: {value} is not a finite number")
        key = (indicator, str(period), ordered)
        if key in self._seen:
            # Cuts overlap at their totals (a region's births appear in the territorial cut
            # and in the cut by mother's age): keep one, and insist they agree.
            if self._seen[key] != value and not (
                value is not None and abs((self._seen[key] or 0.0) - value) < 1e-6
            ):
                raise ValueError(f"{key}: two computations disagree ({self._seen[key]}, {value})")
            return
        self._seen[key] = value
        self.rows.append(Obs(indicator, str(period), ordered, value, status, footnote))

    def add_cube(
        self,
        indicator: str,
        period: str | int,
        values: np.ndarray,
        axes: Sequence[Axis],
        fixed: dict[str, str] | None = None,
        footnote: str | None = None,
    ) -> None:
        """Add every cell of ``values`` summed into the groups of each axis.

        An axis named ``None`` is summed out (its grouping has the one code ``_T``) and does
        not appear in the key.
        """
        grouped = expand(values, [grouping for _, grouping in axes])
        self.add_grid(indicator, period, grouped, axes, fixed, footnote)

    def add_grid(
        self,
        indicator: str,
        period: str | int,
        grid: np.ndarray,
        axes: Sequence[Axis],
        fixed: dict[str, str] | None = None,
        footnote: str | None = None,
        *,
        not_available_ok: bool = False,
    ) -> None:
        """Add an already grouped array: one cell per combination of the axes' codes.

        ``not_available_ok``: the grid comes from a method called with ``on_zero="missing"``,
        whose :data:`~indicators.methods.NOT_AVAILABLE` cells (NaN) are added as explicit
        observations without a value and with status ``M``. Otherwise, and for infinities
        always, a non-finite cell raises.
        """
        for position, value in np.ndenumerate(grid):
            dims = {
                name: grouping.codes[p]
                for (name, grouping), p in zip(axes, position, strict=True)
                if name is not None
            }
            dims.update(fixed or {})
            if not_available_ok and np.isnan(value):
                self.add(indicator, period, dims, None, ObsStatus.MISSING, footnote)
            else:
                self.add(indicator, period, dims, float(value), footnote=footnote)

    def add_with_totals(
        self,
        indicator: str,
        rows: Iterable[tuple[str | int, dict[str, str], float]],
        rollups: dict[str, Callable[[str], list[str]]] | None = None,
    ) -> None:
        """Add counted cells and every total they belong to.

        Each row counts towards its own code and ``_T`` in every dimension (or the codes a
        ``rollups`` function gives, e.g. a district, its oblast and the country), so totals
        are sums of exactly the cells received.
        """
        rollups = rollups or {}
        cells: dict[tuple[str, tuple[tuple[str, str], ...]], float] = defaultdict(float)
        for period, dims, value in rows:
            names = list(dims)
            choices = [rollups.get(n, _with_total)(dims[n]) for n in names]
            for codes in itertools.product(*choices):
                cells[(str(period), tuple(zip(names, codes, strict=True)))] += value
        for (period, dims_key), value in cells.items():
            self.add(indicator, period, dict(dims_key), value)

    def __iter__(self) -> Iterator[Obs]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
