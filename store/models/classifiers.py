"""Classifiers (codelists): state classifiers and the platform's own codelists.

Labels are data, stored in the three languages. A code may have several versions (rows
with the same code and different validity), because the state classifiers change: СОАТЕ
districts were renamed in 2023 and 2025 without changing their codes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base


class Codelist(Base):
    """One classifier, e.g. ``soate`` (territories) or ``country``."""

    __tablename__ = "codelist"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_ky: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text, default="")


class Code(Base):
    """One version of one code of a codelist, with its place in the hierarchy."""

    __tablename__ = "code"
    __table_args__ = (UniqueConstraint("codelist_id", "code", "valid_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    codelist_id: Mapped[str] = mapped_column(ForeignKey("codelist.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    parent_code: Mapped[str | None] = mapped_column(String(40), default=None)
    level: Mapped[str] = mapped_column(String(40), default="")
    valid_from: Mapped[date] = mapped_column(Date, default=date(1991, 1, 1))
    valid_to: Mapped[date | None] = mapped_column(Date, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    label_ky: Mapped[str] = mapped_column(String(300))
    label_ru: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300))
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    def label(self, lang: str) -> str:
        """The label in ``lang`` (ky, ru or en)."""
        return str(getattr(self, f"label_{lang}"))


class CodeMembership(Base):
    """A code's membership of a group in another codelist (a country in the CIS, say)."""

    __tablename__ = "code_membership"
    __table_args__ = (UniqueConstraint("codelist_id", "code", "group_codelist_id", "group_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    codelist_id: Mapped[str] = mapped_column(ForeignKey("codelist.id"))
    code: Mapped[str] = mapped_column(String(40))
    group_codelist_id: Mapped[str] = mapped_column(ForeignKey("codelist.id"))
    group_code: Mapped[str] = mapped_column(String(40))
