"""Custom tables, built as :class:`exports.table.Table` from a release or from the microdata.

- ``source="release"``: a selection of one indicator's observations from a public release
  (:mod:`store.read`), with the release's own flags.
- ``source="microdata"``: a migration flow by breakdowns the releases do not publish
  (district × sex × five-year age group × reason, …), counted in SQL by
  :mod:`indicators.custom`, with every total of every hierarchy added here.

Both pass the embargo gate (:mod:`exports.embargo`) first, and both go on to disclosure
control (:func:`exports.sdc.protect`) before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import embargo
from exports.spec import COUNTRY, TableError, TableSpec
from exports.table import Dimension, Table
from indicators import custom
from l10n import in_every_language, texts
from store import read
from store.models import Release


def build(session: Session, spec: TableSpec, now: datetime) -> Table:
    """The table a spec describes, with every number it may hold — before disclosure control."""
    if spec.source == "release":
        return _from_release(session, spec, now)
    if spec.source == "microdata" and spec.indicator in custom.SURVEY:
        return _from_survey(session, spec, now)
    if spec.source == "microdata":
        return _from_microdata(session, spec, now)
    raise TableError(f"unknown source {spec.source!r}")


# ---------------------------------------------------------------- dimensions


def _codes(session: Session, codelist: str) -> list[read.CodeInfo]:
    return read.codes(session, codelist)


def _codelist_names(session: Session) -> dict[str, Mapping[str, str]]:
    return {c.id: c.name for c in read.codelists(session)}


def _dimension(
    session: Session,
    dim: str,
    codelist: str,
    codes: Sequence[str],
    parents: Mapping[str, Any],
    known: Sequence[read.CodeInfo] | None = None,
) -> Dimension:
    """A dimension with its labels; ``known``: the codelist's codes, if already read."""
    infos = {c.code: c for c in (_codes(session, codelist) if known is None else known)}
    return Dimension(
        id=dim,
        codelist=codelist,
        name=_codelist_names(session).get(codelist, {"en": dim}),
        codes=tuple(codes),
        parents=dict(parents),
        labels={c: dict(infos[c].label) if c in infos else {"en": c} for c in codes},
    )


def _flat_dimension(session: Session, dim: str, codelist: str) -> Dimension:
    """A total and its members, from the codelist (sex, age5, reason, migration type)."""
    codes = [c.code for c in _codes(session, codelist)]
    total = "_T"
    return _dimension(
        session, dim, codelist, codes, {c: None if c == total else total for c in codes}
    )


def _territory_dimension(session: Session, root: str) -> Dimension:
    """Root (country or oblast) → oblasts and cities → districts: every level of СОАТЕ."""
    units = custom.territorial_units(session, root)
    if not units:
        raise TableError(f"no territorial units in {root}")
    parents: dict[str, str | None] = {root: None}
    if root == COUNTRY:
        for region in sorted({u[:5] for u in units}):
            parents[region] = root
    for unit in units:
        parents.setdefault(unit, unit[:5] if root == COUNTRY else root)
    order = {c.code: c.sort_order for c in _codes(session, "soate")}
    codes = sorted(
        parents, key=lambda c: (c[:5] if c != COUNTRY else "", len(c), order.get(c, 0), c)
    )
    return _dimension(session, "soate", "soate", codes, parents)


def _period_dimension(periods: Sequence[str]) -> Dimension:
    return Dimension(
        id="period",
        codelist="period",
        name=in_every_language(lambda: str(texts.PERIOD)),
        codes=tuple(periods),
        parents={p: None for p in periods},
        labels={p: {lang: p for lang in ("ky", "ru", "en")} for p in periods},
    )


def add_totals(values: np.ndarray, dims: Sequence[Dimension]) -> None:
    """Fill every total of every hierarchy from the lowest cells, deepest level first."""
    for axis, dim in enumerate(dims):
        moved = np.moveaxis(values, axis, 0)
        for parent in sorted(dim.children, key=dim.level, reverse=True):
            children = [dim.index[c] for c in dim.children[parent]]
            moved[dim.index[parent]] = moved[children].sum(axis=0)


def _title(
    info: read.IndicatorInfo, dims: Sequence[Dimension], periods: Sequence[str]
) -> dict[str, str]:
    title = {}
    for lang in ("ky", "ru", "en"):
        parts = ", ".join(d.name.get(lang, d.id) for d in dims if d.id != "period")
        title[lang] = f"{info.name[lang]}: {parts}, {', '.join(periods)}"
    return title


# ---------------------------------------------------------------- sources


def _from_microdata(session: Session, spec: TableSpec, now: datetime) -> Table:
    try:
        years = [int(p) for p in spec.periods]
    except ValueError as error:
        raise TableError("periods of a microdata table are years") from error
    if not years:
        raise TableError("no period asked for")
    release = embargo.release_for_microdata(session, years, now)
    computed_at = session.scalar(select(Release.created_at).where(Release.id == release.id))
    info = read.indicator(session, spec.indicator)
    if info is None or spec.indicator not in {**custom.FLOWS, **custom.BORDER_FLOWS}:
        raise TableError(f"no custom table for {spec.indicator!r}")
    dims = [_period_dimension(spec.periods)]
    for name in spec.breakdowns:
        if name not in custom.BREAKDOWNS:
            raise TableError(f"breakdown {name!r} is not available")
        if name == "soate":
            dims.append(_territory_dimension(session, spec.territory))
        else:
            dims.append(_flat_dimension(session, name, custom.BREAKDOWNS[name]))
    values = np.zeros(tuple(len(d.codes) for d in dims))
    for p, year in enumerate(years):
        try:
            counts = (
                custom.border_flows(
                    session, spec.indicator, year, spec.breakdowns, as_of=computed_at
                )
                if spec.indicator in custom.BORDER_FLOWS
                else custom.migration_flows(
                    session, spec.indicator, year, spec.breakdowns, spec.territory
                )
            )
        except custom.CustomTableError as error:
            raise TableError(str(error)) from error
        for key, count in counts.cells.items():
            try:
                position = (p, *(d.index[c] for d, c in zip(dims[1:], key, strict=True)))
            except KeyError as error:
                raise TableError(f"a code outside the classifier: {error}") from error
            values[position] += count
    add_totals(values, dims)
    return Table(
        id=f"{spec.indicator}_custom",
        title=_title(info, dims, spec.periods),
        unit=info.unit,
        release_id=release.id,
        synthetic=release.synthetic,
        created_at=now,
        dims=tuple(dims),
        values=values,
        status=np.full(values.shape, "A", dtype=object),
        conf=np.full(values.shape, "F", dtype=object),
        additive=True,
        decimals=0,
        notes=(dict(info.definition),),
    )


def _survey_dimension(session: Session, name: str, codelist: str) -> Dimension:
    """A survey breakdown: its total and members (the oblasts and cities of СОАТЕ; the
    partition CIS / OTHER of the country groups, which add up; every code otherwise)."""
    infos = _codes(session, codelist)
    if name == "soate":
        members = [c.code for c in infos if len(c.code) == 5 and c.code.startswith(COUNTRY)]
        total = COUNTRY
    else:
        wanted = custom.SURVEY_GROUPS if name == "country_group" else None
        members = [
            c.code for c in infos if c.code != custom.TOTAL and (wanted is None or c.code in wanted)
        ]
        total = custom.TOTAL
    codes = [total, *members]
    dim = _dimension(
        session, name, codelist, codes, {c: None if c == total else total for c in codes}, infos
    )
    if total == custom.TOTAL and total not in {c.code for c in infos}:
        labels = {**dim.labels, total: in_every_language(lambda: str(texts.TOTAL))}
        dim = Dimension(dim.id, dim.codelist, dim.name, dim.codes, dim.parents, labels)
    return dim


def _from_survey(session: Session, spec: TableSpec, now: datetime) -> Table:
    """Survey estimates (persons, weighted) by breakdowns, every total estimated with its own
    standard error; ``extra`` carries the standard errors and the unweighted sample counts
    that :func:`exports.sdc.protect_survey` needs — the counts never reach a file."""
    try:
        years = [int(p) for p in spec.periods]
    except ValueError as error:
        raise TableError("periods of a microdata table are years") from error
    if not years:
        raise TableError("no period asked for")
    release = embargo.release_for_microdata(session, years, now)
    computed_at = session.scalar(select(Release.created_at).where(Release.id == release.id))
    info = read.indicator(session, spec.indicator)
    if info is None:
        raise TableError(f"no custom table for {spec.indicator!r}")
    dims = [_period_dimension(spec.periods)]
    for name in spec.breakdowns:
        if name not in custom.SURVEY_BREAKDOWNS:
            raise TableError(f"breakdown {name!r} is not available")
        dims.append(_survey_dimension(session, name, custom.SURVEY_BREAKDOWNS[name]))
    shape = tuple(len(d.codes) for d in dims)
    values, errors, sample = np.zeros(shape), np.zeros(shape), np.zeros(shape, dtype=np.int64)
    for p, year in enumerate(years):
        try:
            result = custom.survey_abroad(
                session, spec.indicator, year, spec.breakdowns, as_of=computed_at
            )
        except custom.CustomTableError as error:
            raise TableError(str(error)) from error
        for key, (estimate, count) in result.cells.items():
            codes = tuple(
                COUNTRY if c == custom.TOTAL and d.id == "soate" else c
                for d, c in zip(dims[1:], key, strict=True)
            )
            try:
                position = (p, *(d.index[c] for d, c in zip(dims[1:], codes, strict=True)))
            except KeyError as error:
                raise TableError(f"a code outside the classifier: {error}") from error
            values[position], errors[position] = estimate.value, estimate.se
            sample[position] = count
    return Table(
        id=f"{spec.indicator}_custom",
        title=_title(info, dims, spec.periods),
        unit="persons",
        release_id=release.id,
        synthetic=release.synthetic,
        created_at=now,
        dims=tuple(dims),
        values=values,
        status=np.full(values.shape, "A", dtype=object),
        conf=np.full(values.shape, "F", dtype=object),
        additive=True,
        decimals=0,
        notes=tuple(dict(n) for n in (info.definition, info.methodology) if n),
        extra={"standard_error": errors, "sample": sample},
    )


def _from_release(session: Session, spec: TableSpec, now: datetime) -> Table:
    release = embargo.release_for_table(session, spec.release, now)
    info = read.indicator(session, spec.indicator)
    if info is None:
        raise TableError(f"unknown indicator {spec.indicator!r}")
    periods = list(spec.periods) or read.periods(session, release.id, info.id)
    rows = read.observations(session, release.id, info.id, periods, spec.where or None)
    if not rows:
        raise TableError("the selection holds no observations")
    seen = {r.period for r in rows}
    dims = [_period_dimension([p for p in periods if p in seen])]
    for dim in info.dimensions:
        codelist = info.codelists.get(dim, dim)
        keep = {r.dims[dim] for r in rows}  # the codes the selected observations take
        infos = _codes(session, codelist)
        ordered = [c.code for c in infos if c.code in keep]
        ordered += sorted(keep - set(ordered))
        parents = {c.code: c.parent_code for c in infos if c.code in keep}
        dims.append(_dimension(session, dim, codelist, ordered, parents, infos))
    shape = tuple(len(d.codes) for d in dims)
    values = np.full(shape, np.nan)
    status = np.full(shape, "M", dtype=object)
    conf = np.full(shape, "F", dtype=object)
    notes = set()
    for row in rows:
        position = (dims[0].index[row.period], *(d.index[row.dims[d.id]] for d in dims[1:]))
        values[position] = np.nan if row.value is None else row.value
        status[position], conf[position] = row.status, row.conf
        if row.footnote_id is not None:
            notes.add(row.footnote_id)
    footnotes = read.footnotes(session, notes)
    return Table(
        id=info.id,
        title=_title(info, dims, dims[0].codes),
        unit=info.unit,
        release_id=release.id,
        synthetic=release.synthetic,
        created_at=now,
        dims=tuple(dims),
        values=values,
        status=status,
        conf=conf,
        additive=info.additive,
        decimals=info.decimals,
        notes=(dict(info.definition), *(dict(f.text) for f in footnotes.values())),
    )
