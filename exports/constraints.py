"""The additivity constraints of a table: one equation per parent × position on the other axes.

Row ``r`` of the matrix says ``cell(parent) - Σ cell(child) = 0`` for one hierarchy link of
one axis, every other axis held at one of its codes (totals included) — the linear system
an attacker knows when the table is published, and the one secondary suppression must keep
undetermined around every suppressed cell.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from exports.table import Table


def additivity(table: Table) -> sparse.csr_matrix:
    """The table's equations as a sparse matrix (equations × cells, entries +1 / −1)."""
    shape = table.shape
    cells = np.arange(table.size).reshape(shape)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    data: list[np.ndarray] = []
    n_rows = 0
    for axis, dim in enumerate(table.dims):
        moved = np.moveaxis(cells, axis, 0).reshape(len(dim.codes), -1)
        width = moved.shape[1]
        for parent, children in dim.children.items():
            ids = np.arange(n_rows, n_rows + width)
            rows.append(ids)
            cols.append(moved[dim.index[parent]])
            data.append(np.ones(width))
            for child in children:
                rows.append(ids)
                cols.append(moved[dim.index[child]])
                data.append(-np.ones(width))
            n_rows += width
    if not rows:
        return sparse.csr_matrix((0, table.size))
    return sparse.csr_matrix(
        (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_rows, table.size),
    )


def total_depth(table: Table) -> np.ndarray:
    """Per cell, on how many axes it is a total (0 for an inner cell)."""
    depth = np.zeros(table.shape, dtype=np.int64)
    for axis, dim in enumerate(table.dims):
        marks = np.array([dim.is_total(code) for code in dim.codes], dtype=np.int64)
        view = [1] * len(table.dims)
        view[axis] = len(dim.codes)
        depth = depth + marks.reshape(view)
    return depth
