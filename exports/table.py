"""The one table shape every export passes around: dimensions with hierarchies, and cells.

A :class:`Table` is a dense cube: one axis per dimension, every code of every axis present,
totals included. A dimension knows the parent of each of its codes *within the table*, which
is what makes the table's additivity constraints (a parent equals the sum of its children,
whatever the other axes) — the constraints secondary suppression and the audit reason with.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

import numpy as np

CONFIDENTIAL = ("C", "D")


@dataclass(frozen=True)
class Dimension:
    """One axis: its codes in display order, their parents and labels in ky/ru/en."""

    id: str
    codelist: str
    name: Mapping[str, str]
    codes: tuple[str, ...]
    parents: Mapping[str, str | None]
    labels: Mapping[str, Mapping[str, str]]

    @cached_property
    def index(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}

    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Parent code → its child codes in this table (codes without children are absent)."""
        out: dict[str, list[str]] = {}
        for code in self.codes:
            parent = self.parents.get(code)
            if parent is not None and parent in self.index:
                out.setdefault(parent, []).append(code)
        return out

    def level(self, code: str) -> int:
        """0 for a root, 1 for its children, …"""
        depth, parent = 0, self.parents.get(code)
        while parent is not None and parent in self.index:
            depth, parent = depth + 1, self.parents.get(parent)
        return depth

    def is_total(self, code: str) -> bool:
        return code in self.children

    def label(self, code: str, language: str) -> str:
        labels = self.labels.get(code, {})
        return labels.get(language) or labels.get("en") or code


@dataclass(frozen=True)
class Table:
    """A cube of values with SDMX flags per cell (``status`` OBS_STATUS, ``conf`` CONF_STATUS).

    ``values`` is ``nan`` where no number may be shown: not available, or suppressed (then
    ``conf`` is ``C`` or ``D``). ``additive`` says the hierarchies' sums hold (counts).
    ``unit`` is a unit code: the writers name it (and print the source line, the symbols and
    the numbers) through :mod:`l10n`, in the language of the file.
    """

    id: str
    title: Mapping[str, str]
    unit: str
    release_id: str | None
    synthetic: bool
    created_at: datetime
    dims: tuple[Dimension, ...]
    values: np.ndarray
    status: np.ndarray
    conf: np.ndarray
    additive: bool = True
    decimals: int = 0
    notes: tuple[Mapping[str, str], ...] = ()
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(d.codes) for d in self.dims)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape)) if self.dims else 1

    def with_cells(self, values: np.ndarray, conf: np.ndarray) -> Table:
        return replace(self, values=values, conf=conf)

    def cells(self) -> Iterator[tuple[tuple[str, ...], float | None, str, str]]:
        """``(codes, value or None, OBS_STATUS, CONF_STATUS)`` in row-major order."""
        for position in np.ndindex(*self.shape):
            value = float(self.values[position])
            codes = tuple(d.codes[i] for d, i in zip(self.dims, position, strict=True))
            yield (
                codes,
                None if np.isnan(value) else value,
                str(self.status[position]),
                str(self.conf[position]),
            )
