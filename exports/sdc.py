"""Statistical disclosure control of frequency tables: primary and secondary suppression.

Primary suppression is the frequency rule: a count of at least one and fewer than
``min_count`` persons (default 3) is confidential (SDMX ``CONF_STATUS`` ``C``). Zero cells
are not sensitive and stay published. The rule is sdcTable's ``primarySuppression(type =
"freq", maxN = min_count - 1, allowZeros = FALSE)``; the default of 3 is tau-ARGUS' and
sdcTable's.

Secondary (complementary) suppression (``D``) makes sure no confidential cell can be worked
out from the published cells and the totals. Like sdcTable's SIMPLEHEURISTIC followed by an
audit, it works in two passes that repeat until the audit passes:

1. every equation of the table (a total and its parts, on any axis and any level of a
   hierarchy) that holds exactly one suppressed cell gets a second one: the cheapest
   published cell of that equation — an inner cell before a total, a small count before a
   large one, a zero only when nothing else is left;
2. the audit (:mod:`exports.audit`) bounds each suppressed cell by linear programming; a
   cell whose feasible interval is narrower than the protection margin gets one more
   complement from the equations around it (widening the search when those are used up).

Suppressing more cells only widens the other cells' intervals, so a cell that passed stays
passed, and the loop ends at the latest when everything is suppressed.

Tables taken from a release have been published already: their flags are kept (a cell the
release suppressed stays suppressed) and nothing more is hidden, but they are audited too.

Survey estimates (:func:`exports.survey.protect_survey`, apart so that the API, which
imports the rules, stays away from the computations) are weighted: a cell is not a count
of persons, so the frequency rule is applied to the *unweighted* sample count behind each
estimate (the NSC's and Eurostat's LFS practice: fewer than ``min_sample`` sampled persons,
30 by default, is not shown), and to its precision — a coefficient of variation above
``cv_suppress`` (50 %) is suppressed, above ``cv_flag`` (33.3 %) flagged of low reliability
(``OBS_STATUS`` ``U``). The weighted estimates add up like counts, so the same secondary
suppression and audit follow: a suppressed estimate cannot be worked out from its totals.
The sample counts stay inside; the file carries the estimate, its standard error and its
95 % confidence interval, in thousands with one decimal (as the catalog publishes them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from exports.audit import AuditReport, audit, feasible_intervals
from exports.constraints import additivity, total_depth
from exports.table import CONFIDENTIAL, Table


@dataclass(frozen=True)
class Rules:
    """The frequency threshold and the protection margin (see ``docs/CONFIGURATION.md``)."""

    min_count: int = 3
    margin: float = 3.0
    min_sample: int = 30
    cv_flag: float = 0.333
    cv_suppress: float = 0.5


@dataclass(frozen=True)
class Protection:
    """A protected table, how many cells each kind of suppression took, and the audit."""

    table: Table
    primary: int
    secondary: int
    report: AuditReport


class _Pattern:
    """A suppression pattern under construction over one table's equations."""

    def __init__(self, table: Table, primary: np.ndarray) -> None:
        self.values = table.values.ravel().astype(float)
        self.suppressed = primary.ravel().copy()
        self.matrix = additivity(table)
        self.rows = abs(self.matrix).tocsr()  # equation → its cells
        self.cols = self.rows.T.tocsr()  # cell → its equations
        depth = total_depth(table).ravel()
        # Cheapest first: a non-zero before a zero, an inner cell before a total, small first.
        self.order = np.lexsort((self.values, depth, self.values == 0))
        self.rank = np.empty_like(self.order)
        self.rank[self.order] = np.arange(len(self.order))

    def cells_of(self, row: int) -> np.ndarray:
        cells: np.ndarray = self.rows.indices[self.rows.indptr[row] : self.rows.indptr[row + 1]]
        return cells

    def rows_of(self, cell: int) -> np.ndarray:
        rows: np.ndarray = self.cols.indices[self.cols.indptr[cell] : self.cols.indptr[cell + 1]]
        return rows

    def cheapest(self, cells: np.ndarray) -> int | None:
        free = cells[~self.suppressed[cells]]
        return None if not len(free) else int(free[np.argmin(self.rank[free])])

    def close_singletons(self) -> None:
        """Give every equation with exactly one suppressed cell a second one."""
        while True:
            counts = self.rows @ self.suppressed.astype(np.int64)
            lonely = np.flatnonzero(counts == 1)
            if not len(lonely):
                return
            for row in lonely:
                cells = self.cells_of(int(row))
                if int(self.suppressed[cells].sum()) != 1:
                    continue  # changed by an earlier complement in this sweep
                choice = self.cheapest(cells)
                if choice is not None:
                    self.suppressed[choice] = True

    def complement_around(self, cell: int) -> bool:
        """Suppress the cheapest published cell near ``cell``; widen until one is found."""
        seen_rows: set[int] = set()
        frontier = {cell}
        while frontier:
            rows = {int(r) for c in frontier for r in self.rows_of(c)} - seen_rows
            if not rows:
                return False
            seen_rows |= rows
            cells = np.unique(np.concatenate([self.cells_of(r) for r in rows]))
            choice = self.cheapest(cells)
            if choice is not None:
                self.suppressed[choice] = True
                return True
            frontier = set(cells.tolist())
        return False

    def narrow(self, cells: np.ndarray, margin: float) -> list[int]:
        """The cells among ``cells`` whose feasible interval is narrower than ``margin``."""
        known = np.where(self.suppressed, 0.0, self.values)
        bounds = feasible_intervals(
            self.matrix, known, self.suppressed, cells.tolist(), margin=margin
        )
        return [cell for cell, (low, high) in bounds.items() if high - low < margin]


def primary_cells(values: np.ndarray, min_count: int) -> np.ndarray:
    """The frequency rule: 0 < count < min_count (zero cells are not sensitive)."""
    return (values > 0) & (values < min_count)


def suppress(table: Table, primary: np.ndarray, margin: float) -> np.ndarray:
    """The suppression pattern: ``primary`` and the complements that protect it (see above)."""
    pattern = _Pattern(table, primary)
    pattern.close_singletons()
    unchecked = np.flatnonzero(pattern.suppressed)
    while len(unchecked):
        failing = pattern.narrow(unchecked, margin)
        if not failing:
            break
        before = pattern.suppressed.copy()
        for cell in failing:
            pattern.complement_around(cell)
        pattern.close_singletons()
        added = np.flatnonzero(pattern.suppressed & ~before)
        if not len(added):
            break  # nothing left to suppress; the audit reports the failure
        unchecked = np.union1d(np.array(failing), added)
    return pattern.suppressed.reshape(table.shape)


def protect(table: Table, rules: Rules, published: bool = False) -> Protection:
    """Suppress what must not be shown and prove it with the audit.

    ``published``: the table holds a release's observations, already public — keep its flags.
    """
    if "sample" in table.extra:  # survey estimates have their own rules
        raise ValueError("a table of survey estimates: use exports.survey.protect_survey")
    if published or not table.additive:
        conf = table.conf.copy()
        values = np.where(np.isin(conf, CONFIDENTIAL), np.nan, table.values)
        protected = table.with_cells(values, conf)
        return Protection(protected, 0, 0, audit(protected, rules.margin))
    primary = primary_cells(np.nan_to_num(table.values), rules.min_count)
    suppressed = suppress(table, primary, rules.margin)
    conf = np.where(primary, "C", np.where(suppressed, "D", "F")).astype(object)
    values = np.where(suppressed, np.nan, table.values)
    protected = table.with_cells(values, conf)
    return Protection(
        protected,
        int(primary.sum()),
        int((suppressed & ~primary).sum()),
        audit(protected, rules.margin),
    )
