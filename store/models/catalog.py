"""The indicator catalog and the footnotes that travel with observations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base


class Indicator(Base):
    """A statistical indicator with a stable id that never changes meaning.

    ``dimensions`` names the codelists an observation's key is made of, in order, e.g.
    ``["soate", "sex", "age5"]``; ``unit_base`` is the base of a rate (1000 for "per 1,000
    population"), part of the definition rather than a constant in code.
    """

    __tablename__ = "indicator"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    topic: Mapped[str] = mapped_column(String(40), index=True)
    name_ky: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    definition_ky: Mapped[str] = mapped_column(Text, default="")
    definition_ru: Mapped[str] = mapped_column(Text, default="")
    definition_en: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(40))
    unit_base: Mapped[int] = mapped_column(Integer, default=1)
    decimals: Mapped[int] = mapped_column(Integer, default=0)
    dimensions: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(Text, default="")
    discontinued: Mapped[bool] = mapped_column(Boolean, default=False)
    replaced_by: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"), default=None)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Footnote(Base):
    """A footnote in three languages, shared by the observations it applies to."""

    __tablename__ = "footnote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_ky: Mapped[str] = mapped_column(Text)
    text_ru: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
