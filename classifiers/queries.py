"""Reading classifiers back from the store, by date.

A code can have several versions (a district renamed in 2023 keeps its code), so every
question takes the date it is asked for: ``on=date(2022, 1, 1)`` gives the names valid then.
``on=None`` means "every version", which ingestion needs to match names from old files.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from store.models import Code, CodeMembership

SOATE = "soate"
SOATE_ROOT = "417"


def valid_on(on: date) -> ColumnElement[bool]:
    """SQL condition: the code version is valid on ``on`` (both ends inclusive)."""
    return and_(Code.valid_from <= on, or_(Code.valid_to.is_(None), Code.valid_to >= on))


def codes(session: Session, codelist_id: str, on: date | None = None) -> list[Code]:
    """The codes of a codelist valid on ``on`` (all versions if ``None``), in display order."""
    query = select(Code).where(Code.codelist_id == codelist_id)
    if on is not None:
        query = query.where(valid_on(on))
    return list(session.scalars(query.order_by(Code.sort_order, Code.code, Code.valid_from)))


def code_version(
    session: Session, codelist_id: str, code: str, on: date | None = None
) -> Code | None:
    """The version of ``code`` valid on ``on``; with ``None``, its latest version."""
    query = select(Code).where(Code.codelist_id == codelist_id, Code.code == code)
    if on is not None:
        query = query.where(valid_on(on))
    return session.scalars(query.order_by(Code.valid_from.desc()).limit(1)).first()


def children(
    session: Session, codelist_id: str, parent_code: str, on: date | None = None
) -> list[Code]:
    """The codes directly under ``parent_code`` valid on ``on`` (all versions if ``None``)."""
    query = select(Code).where(Code.codelist_id == codelist_id, Code.parent_code == parent_code)
    if on is not None:
        query = query.where(valid_on(on))
    return list(session.scalars(query.order_by(Code.sort_order, Code.code, Code.valid_from)))


def soate_children(
    session: Session, parent_code: str = SOATE_ROOT, on: date | None = None
) -> list[Code]:
    """СОАТЕ units directly under ``parent_code``: oblasts and cities under ``417``, etc."""
    return children(session, SOATE, parent_code, on)


def soate_tree(session: Session, on: date) -> dict[str, list[Code]]:
    """The СОАТЕ hierarchy valid on ``on`` as ``{parent code: [child codes]}``."""
    tree: dict[str, list[Code]] = {}
    for unit in codes(session, SOATE, on):
        if unit.parent_code is not None:
            tree.setdefault(unit.parent_code, []).append(unit)
    return tree


def group_members(
    session: Session, group_codelist_id: str, group_code: str, codelist_id: str = "country"
) -> list[str]:
    """Codes of ``codelist_id`` that belong to a group, e.g. the countries of the CIS."""
    query = select(CodeMembership.code).where(
        CodeMembership.codelist_id == codelist_id,
        CodeMembership.group_codelist_id == group_codelist_id,
        CodeMembership.group_code == group_code,
    )
    return sorted(session.scalars(query))
