"""The disclosure audit: what an attacker can work out about each suppressed cell.

For every suppressed cell, the attacker's bounds are the minimum and the maximum of that
cell over all non-negative tables that agree with every published cell and satisfy the
table's additivity constraints — two linear programmes (``scipy.optimize.linprog``, HiGHS),
as tau-ARGUS and sdcTable audit a suppression pattern. A cell is protected when the
feasible interval is at least the protection margin wide; a cell whose interval has width
zero has been disclosed exactly.

The programmes are solved per connected group of suppressed cells (cells linked by a shared
equation); other groups do not constrain them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import inf

import numpy as np
from scipy import sparse
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from exports.constraints import additivity
from exports.table import CONFIDENTIAL, Table


@dataclass(frozen=True)
class Interval:
    """The attacker's bounds for one suppressed cell."""

    cell: int
    codes: tuple[str, ...]
    conf: str
    lower: float
    upper: float

    @property
    def width(self) -> float:
        return self.upper - self.lower


@dataclass(frozen=True)
class AuditReport:
    margin: float
    intervals: tuple[Interval, ...]

    @property
    def failures(self) -> tuple[Interval, ...]:
        return tuple(i for i in self.intervals if i.width < self.margin)

    @property
    def passed(self) -> bool:
        return not self.failures

    def summary(self) -> dict[str, object]:
        finite = [i.width for i in self.intervals if i.upper != inf]
        return {
            "margin": self.margin,
            "suppressed": len(self.intervals),
            "primary": sum(1 for i in self.intervals if i.conf == "C"),
            "secondary": sum(1 for i in self.intervals if i.conf == "D"),
            "passed": self.passed,
            "narrowest_width": min(finite) if finite else None,
        }


def feasible_intervals(
    matrix: sparse.csr_matrix,
    values: np.ndarray,
    unknown: np.ndarray,
    cells: Iterable[int] | None = None,
    margin: float | None = None,
) -> dict[int, tuple[float, float]]:
    """Bounds of each unknown cell (flat index) given the known ones and ``matrix · x = 0``.

    ``values`` holds the known cells (flat); ``unknown`` marks the cells the attacker does not
    see; ``cells`` limits which unknown cells to bound (default: all of them).

    Every solution a programme returns is a feasible table, so it also shows values the
    *other* cells can take. Exact bounds (``margin`` None) use that to skip the minimum when
    some solution already put the cell at zero. A screening call (``margin`` given) returns,
    for a cell whose solutions already span ``margin``, that proven sub-interval instead of
    solving for it — enough to decide "wide enough"; narrow cells always get exact bounds.
    """
    unknown_ids = np.flatnonzero(unknown.ravel())
    if not len(unknown_ids):
        return {}
    wanted = set(unknown_ids.tolist() if cells is None else cells)
    flat = values.ravel()
    known_ids = np.flatnonzero(~unknown.ravel())
    a_var = matrix[:, unknown_ids].tocsr()
    rhs = -(matrix[:, known_ids] @ flat[known_ids])
    touched = np.flatnonzero(a_var.getnnz(axis=1))
    a_var, rhs = a_var[touched], rhs[touched]
    out: dict[int, tuple[float, float]] = {}
    link = (abs(a_var).T @ abs(a_var)).tocsr()
    n_groups, group_of = connected_components(link, directed=False)
    for group in range(n_groups):
        members = np.flatnonzero(group_of == group)
        if not wanted.intersection(unknown_ids[members].tolist()):
            continue
        sub = a_var[:, members]
        rows = np.flatnonzero(sub.getnnz(axis=1))
        out.update(
            _group_bounds(sub[rows].tocsr(), rhs[rows], unknown_ids[members], wanted, margin)
        )
    return out


def _group_bounds(
    sub: sparse.csr_matrix,
    rhs: np.ndarray,
    ids: np.ndarray,
    wanted: set[int],
    margin: float | None,
) -> dict[int, tuple[float, float]]:
    n = len(ids)
    if sub.shape[0] == 0:  # in no equation: anything non-negative fits
        return {int(c): (0.0, inf) for c in ids if int(c) in wanted}
    seen_low = np.full(n, inf)
    seen_high = np.full(n, -inf)

    def solve(position: int, sign: float) -> tuple[int, float]:
        objective = np.zeros(n)
        objective[position] = sign
        result = linprog(objective, A_eq=sub, b_eq=rhs, bounds=(0, None), method="highs")
        if result.status == 0:
            np.minimum(seen_low, result.x, out=seen_low)
            np.maximum(seen_high, result.x, out=seen_high)
            return 0, float(result.fun) * sign
        return int(result.status), inf if sign < 0 else 0.0

    out: dict[int, tuple[float, float]] = {}
    for position, cell in enumerate(ids):
        if int(cell) not in wanted:
            continue
        if margin is not None and seen_high[position] - seen_low[position] >= margin:
            out[int(cell)] = (float(seen_low[position]), float(seen_high[position]))
            continue
        _status, upper = solve(position, -1.0)
        if seen_low[position] <= 0.0:
            lower = 0.0  # non-negativity, and a feasible table puts the cell at zero
        else:
            _status, lower = solve(position, 1.0)
        out[int(cell)] = (max(lower, 0.0), upper)
    return out


def audit(table: Table, margin: float) -> AuditReport:
    """Bound every suppressed cell of a protected table, as its reader could."""
    suppressed = np.isin(table.conf, CONFIDENTIAL)
    unknown = np.isnan(table.values) | suppressed
    matrix = additivity(table) if table.additive else sparse.csr_matrix((0, table.size))
    values = np.where(unknown, 0.0, table.values)
    bounds = feasible_intervals(matrix, values, unknown, np.flatnonzero(suppressed.ravel()))
    intervals = []
    for cell in sorted(bounds):
        position = np.unravel_index(cell, table.shape)
        codes = tuple(d.codes[i] for d, i in zip(table.dims, position, strict=True))
        lower, upper = bounds[cell]
        intervals.append(Interval(cell, codes, str(table.conf[position]), lower, upper))
    return AuditReport(margin, tuple(intervals))
