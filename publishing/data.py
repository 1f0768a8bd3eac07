"""What the publications read from the store: one release, its observations, labels, notes.

Every query of ``publishing`` lives in this module, so that moving to the shared read layer
(``store.read``, being written for the API) is a change of this one file. Publishing never
computes statistics: it reads the observations of a release as they are stored.

The embargo rule is ``store.visibility``: a book is built from a public release, or — for
staff printing ahead of the publication time — from an embargoed one when ``pre_release`` is
asked for explicitly (the build then writes it outside the public folder, see ``build.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import minimum_set
from store.models import (
    Code,
    ConfStatus,
    Footnote,
    Indicator,
    Observation,
    ObsStatus,
    Release,
)
from store.observations import dim_key, key_order, select_cells
from store.visibility import is_public, release_is_public

COUNTRY = "417"
TOTAL = "_T"


class PublishingError(Exception):
    """A publication cannot be built; the message says why."""


@dataclass(frozen=True)
class Obs:
    """One stored observation, as printed: raw value, status flags and footnote."""

    value: float | None
    status: str
    conf: str
    footnote_id: int | None

    @property
    def available(self) -> bool:
        return (
            self.value is not None
            and not math.isnan(self.value)
            and self.status != ObsStatus.MISSING.value
        )

    @property
    def confidential(self) -> bool:
        return self.conf != ConfStatus.FREE.value


def find_release(session: Session, release_id: str | None, pre_release: bool) -> Release:
    """The release to print: the named one, or the newest public one.

    An embargoed release is refused unless ``pre_release`` (staff printing before the
    publication time); a release that failed its checks has no publication time and is
    never printed.
    """
    now = datetime.now(UTC)
    if release_id is None:
        found = session.scalars(
            select(Release).where(is_public(now)).order_by(Release.published_at.desc()).limit(1)
        ).first()
        if found is None:
            raise PublishingError("no public release to print")
        return found
    release = session.get(Release, release_id)
    if release is None:
        raise PublishingError(f"no release {release_id}")
    if release.published_at is None:
        raise PublishingError(f"release {release_id} failed its checks and is never printed")
    if not release_is_public(release, now) and not pre_release:
        raise PublishingError(
            f"release {release_id} is under embargo until {release.published_at:%Y-%m-%d %H:%M}"
            " UTC; staff may print it with --pre-release"
        )
    return release


class ReleaseData:
    """The observations, indicators and labels of one release, loaded per indicator."""

    def __init__(self, session: Session, release: Release) -> None:
        self.session = session
        self.release = release
        self._obs: dict[str, dict[tuple[str, str], Obs]] = {}
        self._indicators: dict[str, Indicator] | None = None
        self._labels: dict[tuple[str, str], Code] = {}
        self._label_lists: set[str] = set()
        self._held: set[str] | None = None
        self._asked: dict[str, set[tuple[str, str]]] = {}
        self._last: dict[str, str | None] = {}
        self._years: list[str] | None = None
        self._dimensions: dict[str, tuple[tuple[str, str], ...]] = {}
        self._orders: dict[str, tuple[str, ...]] = {}
        self.resolved: dict[Any, Any] = {}  # (axis, lang) → entries, kept by tables.resolve

    @property
    def years(self) -> list[str]:
        """Years of the release's series, oldest first (the reference year last)."""
        if self._years is None:
            self._years = self._read_years()
        return list(self._years)

    def _read_years(self) -> list[str]:
        first, last = self.release.notes.get("years", [None, None])
        if first is not None:
            return [str(y) for y in range(int(first), int(last) + 1)]
        held = self.session.scalars(
            select(Observation.period).where(Observation.release_id == self.release.id).distinct()
        )
        ref = self.release.reference_period
        return sorted(p for p in held if len(p) == 4 and p <= ref) or [ref]

    def indicators(self) -> dict[str, Indicator]:
        if self._indicators is None:
            rows = self.session.scalars(select(Indicator)).all()
            self._indicators = {row.id: row for row in rows}
        return self._indicators

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicators()[indicator_id]

    def holds(self, indicator_id: str) -> bool:
        """Whether the release has any observation of the indicator."""
        if self._held is None:
            self._held = set(
                self.session.scalars(
                    select(Observation.indicator_id)
                    .where(Observation.release_id == self.release.id)
                    .distinct()
                )
            )
        return indicator_id in self._held

    def last_period(self, indicator_id: str) -> str | None:
        """The latest period of an indicator in this release, not after the reference year.

        Asked once per indicator (a book asks it for every cell of a ``last`` table).
        """
        if indicator_id not in self._last:
            self._last[indicator_id] = self.session.scalar(
                select(func.max(Observation.period)).where(
                    Observation.release_id == self.release.id,
                    Observation.indicator_id == indicator_id,
                    Observation.period <= self.release.reference_period,
                )
            )
        return self._last[indicator_id]

    def key_order(self, indicator_id: str) -> tuple[str, ...]:
        """The indicator's dimensions in the order of this release's key (it was written in)."""
        if indicator_id not in self._orders:
            self._orders[indicator_id] = key_order(
                self.session.connection(),
                self.release.id,
                indicator_id,
                self.indicator(indicator_id).dimensions or (),
            )
        return self._orders[indicator_id]

    def dim_key(self, indicator_id: str, dims: dict[str, str]) -> str:
        """The canonical key ``dim=code|…`` in the release's order; unnamed dims are totals."""
        dimensions = self._dimensions.get(indicator_id)
        if dimensions is None:
            dimensions = self._dimensions[indicator_id] = tuple(
                (dim, COUNTRY if dim == "soate" else TOTAL) for dim in self.key_order(indicator_id)
            )
        return "|".join(f"{dim}={dims.get(dim, default)}" for dim, default in dimensions)

    def observation(self, indicator_id: str, period: str, dim_key: str) -> Obs | None:
        asked = self._asked.get(indicator_id)
        if indicator_id not in self._obs or (asked is not None and (period, dim_key) not in asked):
            self._load(indicator_id)  # not prefetched: read the whole indicator once
        return self._obs[indicator_id].get((period, dim_key))

    def prefetch(self, cells: set[tuple[str, str, str]]) -> None:
        """Read just these (indicator, period, dim_key) cells, one query per indicator.

        The codes each dimension takes among the wanted cells go to the key index as ``IN``
        lists (with the periods), which reads a superset of the cells (the cross product of
        the lists: several times the cells at rayon detail); a row is matched to a wanted
        cell by its codes as they come from the driver, so only the cells asked for are
        turned into keys and observations.
        """
        by_indicator: dict[str, set[tuple[str, str]]] = {}
        for indicator, period, key in cells:
            if indicator in self.indicators():
                by_indicator.setdefault(indicator, set()).add((period, key))
        for indicator, wanted in by_indicator.items():
            dimensions = list(self.key_order(indicator))
            where: dict[str, set[str]] = {d: set() for d in dimensions}
            by_codes: dict[tuple[str, ...], tuple[str, str]] = {}
            for period, key in wanted:
                codes = []
                for part in key.split("|") if key else ():
                    dim, _, code = part.partition("=")
                    where[dim].add(code)
                    codes.append(code)
                by_codes[(*codes, period)] = (period, key)
            periods = {period for period, _ in wanted}
            n = len(dimensions)
            found = self._obs.setdefault(indicator, {})
            for row in self._select(indicator, dimensions, periods, where):
                cell = by_codes.get(row[: n + 1])
                if cell is not None:
                    found[cell] = _obs(row, n)
            self._asked.setdefault(indicator, set()).update(wanted)

    def _load(self, indicator_id: str) -> None:
        """Every cell of an indicator (one a prefetch did not foresee)."""
        dimensions = list(self.key_order(indicator_id))
        n = len(dimensions)
        self._obs[indicator_id] = {
            (row[n], dim_key(dimensions, row[:n])): _obs(row, n)
            for row in self._select(indicator_id, dimensions)
        }
        self._asked.pop(indicator_id, None)  # complete now

    def _select(
        self,
        indicator_id: str,
        dimensions: list[str],
        periods: set[str] | None = None,
        where: dict[str, set[str]] | None = None,
    ) -> Any:
        """The release's rows of an indicator: codes in key order, period, value, flags."""
        return select_cells(
            self.session.connection(),
            self.release.id,
            indicator_id,
            dimensions,
            periods,
            where,
            ordered=False,
        )

    def _load_labels(self, codelist: str) -> None:
        if codelist in self._label_lists:
            return
        end = date(int(self.release.reference_period[:4]), 12, 31)
        rows = self.session.scalars(
            select(Code)
            .where(Code.codelist_id == codelist, Code.valid_from <= end)
            .order_by(Code.valid_from)
        ).all()
        for row in rows:  # the newest version valid in the reference year wins
            if row.valid_to is None or row.valid_to >= date(end.year, 1, 1):
                self._labels[(codelist, row.code)] = row
        self._label_lists.add(codelist)

    def code(self, codelist: str, code: str) -> Code | None:
        self._load_labels(codelist)
        return self._labels.get((codelist, code))

    def codes(
        self, codelist: str, level: str | None = None, parent: str | None = None
    ) -> list[str]:
        """Codes of a codelist in their published order, optionally one level or one parent's."""
        self._load_labels(codelist)
        rows = [
            row
            for (cl, _), row in self._labels.items()
            if cl == codelist
            and (level is None or row.level in level.split(","))
            and (parent is None or row.parent_code == parent)
        ]
        return [row.code for row in sorted(rows, key=lambda r: (r.sort_order, r.code))]

    def minimum_set(self) -> tuple[dict[str, dict[str, str]], list[minimum_set.Resolution]]:
        """The UN Minimum Set of Gender Indicators against this release, as the API serves
        it (``/api/v1/catalog/minimum-set``): the domains' names and every item resolved."""
        domains = {key: dict(text) for key, text in minimum_set.DOMAINS.items()}
        return domains, minimum_set.resolve(self.session, self.release.id)

    def footnote(self, footnote_id: int, lang: str) -> str:
        row = self.session.get(Footnote, footnote_id)
        return "" if row is None else str(getattr(row, f"text_{lang}"))

    def summary(self) -> dict[str, Any]:
        """The release's identity as printed on the cover and the imprint page."""
        r = self.release
        return {
            "id": r.id,
            "period": r.reference_period,
            "status": r.status.value,
            "synthetic": r.synthetic,
            "created_at": r.created_at,
            "published_at": r.published_at,
            "public": release_is_public(r, datetime.now(UTC)),
            "revises": r.revises_id,
            "base_reference_date": r.notes.get("base_reference_date"),
        }


def _obs(row: Any, n: int) -> Obs:
    """The observation of a row of :func:`store.observations.select_cells` (n key codes)."""
    return Obs(row[n + 1], row[n + 2], row[n + 3], row[n + 4])
