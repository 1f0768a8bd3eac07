"""nationality, stillbirths, age at death in days and the mother's marital status

Why: issue 14 asks for what the sources did not carry — the nationality (ethnic group) of
the census base and of every civil-registry and AIS ASB event, stillbirths (a table of their
own, so that they are never counted as live births), the age at death in days (neonatal and
perinatal mortality) and whether the mother of a child is in a registered marriage. Every new
column is nullable: rows loaded before this revision keep ``NULL`` (a base without nationality,
events from before the field), and readers group or sum over it as over any other column.

Plain ``ADD COLUMN`` on both SQLite and PostgreSQL (``batch_alter_table`` adds without
copying the table when nothing else changes), and a new table; downgrade drops them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> the columns this revision adds to it
COLUMNS: dict[str, tuple[tuple[str, sa.types.TypeEngine[object]], ...]] = {
    "census_population": (("nationality", sa.String(length=12)),),
    "migration_event": (("nationality", sa.String(length=12)),),
    "birth_event": (
        ("mother_nationality", sa.String(length=12)),
        ("mother_marital_status", sa.String(length=20)),
    ),
    "death_event": (("nationality", sa.String(length=12)), ("age_days", sa.Integer())),
    "marriage_event": (
        ("groom_nationality", sa.String(length=12)),
        ("bride_nationality", sa.String(length=12)),
    ),
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, type_ in columns:
                batch_op.add_column(sa.Column(name, type_, nullable=True))
    op.create_table(
        "stillbirth_event",
        sa.Column("mother_key", sa.String(length=64), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("territory", sa.String(length=14), nullable=False),
        sa.Column("settlement", sa.String(length=1), nullable=True),
        sa.Column("mother_birth_date", sa.Date(), nullable=True),
        sa.Column("mother_age", sa.Integer(), nullable=True),
        sa.Column("mother_nationality", sa.String(length=12), nullable=True),
        sa.Column("gestation_weeks", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["ingest_batch.id"],
            name=op.f("fk_stillbirth_event_batch_id_ingest_batch"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stillbirth_event")),
        sa.UniqueConstraint("source_key", name=op.f("uq_stillbirth_event_source_key")),
    )
    with op.batch_alter_table("stillbirth_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stillbirth_event_batch_id"), ["batch_id"], unique=False
        )
        batch_op.create_index("ix_stillbirth_event_date", ["event_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stillbirth_event", schema=None) as batch_op:
        batch_op.drop_index("ix_stillbirth_event_date")
        batch_op.drop_index(batch_op.f("ix_stillbirth_event_batch_id"))
    op.drop_table("stillbirth_event")
    for table, columns in reversed(COLUMNS.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _type in reversed(columns):
                batch_op.drop_column(name)
