"""What the file sources deliver: Sanarip Aimak household books, paper reports, border files.

Why these are separate from the event tables: the paper reports and the border files arrive
already counted (a local government reports "37 absent men"), so their rows are cells of a
table, not persons, and they are added up, never linked. Only the Sanarip Aimak extract is
microdata (one row per household-book member, the ПИН replaced by ``person_key``).

Codes follow the store's conventions: ``territory`` a СОАТЕ code (the 8-digit district
prefix when the ayil aimak itself is not in the classifier; the code as received stays in
``territory_raw``), ``country``/``citizenship`` ISO 3166-1 numeric, ``sex`` ``M``/``F``,
``age_group`` an ``age5`` code, ``purpose`` a ``purpose_of_trip`` code, ``direction`` a
``border_direction`` code. Each row carries its batch, so a batch can be audited or withdrawn.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base


class BorderCrossing(Base):
    """Crossings counted at ingest: date × checkpoint × direction × citizenship × sex × age ×
    purpose → ``crossings``.

    The border files are tens of millions of rows a year; the statistics only ever need these
    counts, so the rows are aggregated while streaming and never stored one by one. The same
    key may appear in several batches (files of overlapping periods): always sum.
    """

    __tablename__ = "border_crossing"
    __table_args__ = (Index("ix_border_crossing_date", "crossing_date", "checkpoint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    crossing_date: Mapped[date] = mapped_column(Date)
    checkpoint: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(5))
    citizenship: Mapped[str] = mapped_column(String(3))
    sex: Mapped[str] = mapped_column(String(1))
    age_group: Mapped[str] = mapped_column(String(10))
    purpose: Mapped[str] = mapped_column(String(12))
    crossings: Mapped[int] = mapped_column(Integer)


class HouseholdMember(Base):
    """A member of a household book (Sanarip Aimak), present or absent on ``reference_date``.

    ``absence_reason`` is a ``migration_reason`` code; the destination of an absent member
    is a country (``destination_country``) or, within the republic, a territory.
    """

    __tablename__ = "household_member"
    __table_args__ = (Index("ix_household_member_ref", "reference_date", "territory"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    reference_date: Mapped[date] = mapped_column(Date)
    territory: Mapped[str] = mapped_column(String(14))
    territory_raw: Mapped[str] = mapped_column(String(20))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    present: Mapped[bool] = mapped_column(Boolean)
    absence_reason: Mapped[str | None] = mapped_column(String(20))
    destination_country: Mapped[str | None] = mapped_column(String(3))
    destination_territory: Mapped[str | None] = mapped_column(String(14))
    absent_since: Mapped[date | None] = mapped_column(Date)


class _ReportCell:
    """Columns every keyed paper report shares: its batch, its period and its reporter.

    ``source_key`` identifies the cell (report, period, reporter, row key), so the same
    report keyed twice is recognised as a duplicate instead of counted twice.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    period: Mapped[str] = mapped_column(String(20), index=True)
    reporter: Mapped[str] = mapped_column(String(200))


class AbsentPopulationReport(_ReportCell, Base):
    """Local government's report: permanent population absent, by destination and reason."""

    __tablename__ = "report_absent_population"

    territory: Mapped[str] = mapped_column(String(14))
    territory_raw: Mapped[str] = mapped_column(String(20))
    destination_country: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(20))
    men: Mapped[int] = mapped_column(Integer)
    women: Mapped[int] = mapped_column(Integer)


class ForeignWorkerReport(_ReportCell, Base):
    """Ministry of Labour: quota and actual employment of foreign workers by enterprise."""

    __tablename__ = "report_foreign_worker"

    enterprise_tin: Mapped[str] = mapped_column(String(20))
    enterprise_name: Mapped[str] = mapped_column(String(300))
    territory: Mapped[str] = mapped_column(String(14))
    country: Mapped[str] = mapped_column(String(3))
    quota: Mapped[int] = mapped_column(Integer)
    employed_men: Mapped[int] = mapped_column(Integer)
    employed_women: Mapped[int] = mapped_column(Integer)


class ForeignStudentReport(_ReportCell, Base):
    """A university's or college's foreign students by country, sex and level of study."""

    __tablename__ = "report_foreign_student"

    institution: Mapped[str] = mapped_column(String(300))
    territory: Mapped[str] = mapped_column(String(14))
    level: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(3))
    men: Mapped[int] = mapped_column(Integer)
    women: Mapped[int] = mapped_column(Integer)


class RefugeeReport(_ReportCell, Base):
    """UNHCR: refugees and asylum seekers by country of origin, sex and age group."""

    __tablename__ = "report_refugee"

    status: Mapped[str] = mapped_column(String(20))  # refugee | asylum_seeker
    country: Mapped[str] = mapped_column(String(3))
    age_group: Mapped[str] = mapped_column(String(10))  # UNHCR: Y0T4 Y5T11 Y12T17 Y18T59 Y_GE60
    men: Mapped[int] = mapped_column(Integer)
    women: Mapped[int] = mapped_column(Integer)


class SexAggregateReport(_ReportCell, Base):
    """A cell of an aggregate table by sex that a ministry or survey delivers (issue 15):
    education, labour, incomes and poverty, health, decision-making, crime and violence.

    Why one table for six sources: they all arrive as the same shape — a measure (``measure``,
    e.g. ``enrolment``, ``unemployment_rate``), up to two breakdown codes of the measure's
    codelists (``category``, ``subcategory``; ``_T`` when the row is their total), an
    optional territory (a СОАТЕ code; the country's ``417`` when national) and the values for
    men, women and both sexes. ``source`` is the adapter's name. Values are floats because
    rates, wages and survey estimates are not counts; the ``*_se`` columns hold the standard
    errors a survey gives with its estimates (``NULL`` for registers and where not given).
    For a measure "by sex of household head" (the poverty rate) ``men``/``women`` are the
    households headed by a man / a woman: the measure's definition says so.
    """

    __tablename__ = "report_sex_aggregate"
    __table_args__ = (Index("ix_report_sex_aggregate_measure", "source", "measure", "period"),)

    source: Mapped[str] = mapped_column(String(40))
    measure: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40), default="_T")
    subcategory: Mapped[str] = mapped_column(String(40), default="_T")
    territory: Mapped[str] = mapped_column(String(14), default="417")
    men: Mapped[float | None] = mapped_column(Float, default=None)
    women: Mapped[float | None] = mapped_column(Float, default=None)
    total: Mapped[float | None] = mapped_column(Float, default=None)
    men_se: Mapped[float | None] = mapped_column(Float, default=None)
    women_se: Mapped[float | None] = mapped_column(Float, default=None)
    total_se: Mapped[float | None] = mapped_column(Float, default=None)


class SurveyMigrationMember(Base):
    """A line of the labour force survey's migration module (LFS): one member of a sampled
    household, at home or abroad, or one sampled household that gave no interview.

    Why the whole roster and not only the members abroad: the design weights expand the
    responding households to all households, those with nobody abroad included, and the
    standard errors need every sampled PSU (a PSU whose households have nobody abroad still
    pulls an estimate's variance). So each responding household contributes one row per usual
    member (``line_no`` ≥ 1, ``abroad`` true or false), and a household that refused, was not
    met or was no household at all (``result`` 2, 3, 4) one row without a member
    (``line_no`` ``NULL``), which the non-response adjustment counts.

    Design: ``stratum`` is the oblast's СОАТЕ code and the type of area (``41702-U``), ``psu``
    the primary sampling unit (an enumeration area) within it, ``design_weight`` the inverse
    of the household's inclusion probability (before the non-response adjustment). Members
    abroad have ``country`` (ISO 3166-1 numeric), ``months_abroad`` (completed months since
    leaving) and ``purpose`` (a ``migration_reason`` code: WORK, STUDY, FAMILY, OTHER).
    ``household_id`` is the survey's own number of the household, not a personal identifier;
    the survey keeps no names, ПИН or passports, and the adapter refuses any that arrive.
    """

    __tablename__ = "survey_migration_member"
    __table_args__ = (Index("ix_survey_migration_member_period", "survey_year", "quarter"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    survey_year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    household_id: Mapped[str] = mapped_column(String(24))
    stratum: Mapped[str] = mapped_column(String(12))
    psu: Mapped[str] = mapped_column(String(16))
    design_weight: Mapped[float] = mapped_column(Float)
    result: Mapped[int] = mapped_column(Integer)  # 1 interview, 2 refusal, 3 no contact, 4 no HH
    line_no: Mapped[int | None] = mapped_column(Integer, default=None)
    sex: Mapped[str | None] = mapped_column(String(1), default=None)
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    abroad: Mapped[bool | None] = mapped_column(Boolean, default=None)
    country: Mapped[str | None] = mapped_column(String(3), default=None)
    months_abroad: Mapped[int | None] = mapped_column(Integer, default=None)
    purpose: Mapped[str | None] = mapped_column(String(20), default=None)
