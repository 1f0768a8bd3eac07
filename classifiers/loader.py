"""Load the shipped classifiers into the store, idempotently.

The CSV files (and, for countries, pycountry + CLDR) are the source of truth; the database
mirrors them. Loading upserts on the store's identity of a code version (codelist, code,
valid_from): a new row is inserted, a changed label or attribute is updated in place (so the
row id, and anything pointing at it, survives), and a version no longer in the data is
deleted, so that a corrected start date does not leave a stale, overlapping version behind.
Running it twice changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.countries import (
    COUNTRY_CODELIST,
    GROUP_CODELIST,
    country_memberships,
    country_rows,
)
from classifiers.reference import DATA_DIR, CodeRow, check_code_rows, read_code_rows, read_csv
from store.models import Code, Codelist, CodeMembership

#: Codelists whose codes are not read from ``<id>.csv`` but built in Python.
BUILT_CODELISTS = {COUNTRY_CODELIST: country_rows}

_CODELIST_FIELDS = ("name_ky", "name_ru", "name_en", "version", "source")
_CODE_FIELDS = (
    "parent_code",
    "level",
    "valid_to",
    "sort_order",
    "label_ky",
    "label_ru",
    "label_en",
    "attributes",
)


def load_classifiers(session: Session, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Upsert every codelist, its codes and the country-group memberships.

    Returns the number of code versions of each codelist after the load. The caller owns the
    transaction (``with db.transaction() as session``); nothing is committed here.
    """
    codelists = read_csv(data_dir / "codelists.csv")
    for row in codelists:
        _upsert_codelist(session, row)
    session.flush()  # codes and memberships refer to the codelists

    counts: dict[str, int] = {}
    rows_by_codelist: dict[str, list[CodeRow]] = {}
    for row in codelists:
        codelist_id = row["id"]
        if codelist_id in BUILT_CODELISTS:
            rows = BUILT_CODELISTS[codelist_id](data_dir)
            check_code_rows(codelist_id, rows)
        else:
            rows = read_code_rows(codelist_id, data_dir)
        rows_by_codelist[codelist_id] = rows
        counts[codelist_id] = _sync_codes(session, codelist_id, rows)

    countries = {row.code for row in rows_by_codelist[COUNTRY_CODELIST]}
    groups = {row.code for row in rows_by_codelist[GROUP_CODELIST]}
    pairs = country_memberships(countries, data_dir)
    if unknown := {group for _, group in pairs} - groups:
        raise ValueError(f"country groups missing from {GROUP_CODELIST}.csv: {sorted(unknown)}")
    _sync_memberships(session, COUNTRY_CODELIST, GROUP_CODELIST, pairs)
    session.flush()
    return counts


def _upsert_codelist(session: Session, row: dict[str, str]) -> None:
    codelist = session.get(Codelist, row["id"])
    if codelist is None:
        session.add(Codelist(id=row["id"], **{name: row[name] for name in _CODELIST_FIELDS}))
        return
    for name in _CODELIST_FIELDS:
        if getattr(codelist, name) != row[name]:
            setattr(codelist, name, row[name])


def _code_values(row: CodeRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _CODE_FIELDS}


def _sync_codes(session: Session, codelist_id: str, rows: list[CodeRow]) -> int:
    """Make the stored versions of ``codelist_id`` equal ``rows``; return their number."""
    existing: dict[tuple[str, date], Code] = {
        (code.code, code.valid_from): code
        for code in session.scalars(select(Code).where(Code.codelist_id == codelist_id))
    }
    for row in rows:
        values = _code_values(row)
        stored = existing.pop(row.key, None)
        if stored is None:
            session.add(
                Code(codelist_id=codelist_id, code=row.code, valid_from=row.valid_from, **values)
            )
            continue
        for name, value in values.items():
            if getattr(stored, name) != value:
                # A new dict for attributes, so the JSON column sees the change.
                setattr(stored, name, dict(value) if name == "attributes" else value)
    for stale in existing.values():
        session.delete(stale)
    return len(rows)


def _sync_memberships(
    session: Session,
    codelist_id: str,
    group_codelist_id: str,
    pairs: set[tuple[str, str]],
) -> None:
    """Make the memberships of ``codelist_id`` codes in ``group_codelist_id`` equal ``pairs``."""
    stored = session.scalars(
        select(CodeMembership).where(
            CodeMembership.codelist_id == codelist_id,
            CodeMembership.group_codelist_id == group_codelist_id,
        )
    ).all()
    wanted = set(pairs)
    for membership in stored:
        pair = (membership.code, membership.group_code)
        if pair in wanted:
            wanted.discard(pair)
        else:
            session.delete(membership)
    session.add_all(
        CodeMembership(
            codelist_id=codelist_id,
            code=code,
            group_codelist_id=group_codelist_id,
            group_code=group_code,
        )
        for code, group_code in sorted(wanted)
    )
