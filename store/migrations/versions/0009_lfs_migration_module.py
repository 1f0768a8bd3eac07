"""the labour force survey's migration module: one row per sampled household member
(issue 17, the survey-based measure of emigration)

Why: issue 17 sets a survey estimate of citizens abroad beside the registered and the
border-based measures. The module arrives as microdata (household roster with design weight,
stratum and PSU); one table, ``survey_migration_member``
(``store.models.reports.SurveyMigrationMember``). A new table only; downgrade drops it.
Numbered after main's 0008; another helper of issue 17 (the border measure) may take the same
number, in which case one of the two is renumbered when merged.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "survey_migration_member"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=False),
        sa.Column("survey_year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.String(length=24), nullable=False),
        sa.Column("stratum", sa.String(length=12), nullable=False),
        sa.Column("psu", sa.String(length=16), nullable=False),
        sa.Column("design_weight", sa.Float(), nullable=False),
        sa.Column("result", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("abroad", sa.Boolean(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("months_abroad", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["ingest_batch.id"], name=op.f(f"fk_{TABLE}_batch_id_ingest_batch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint("source_key", name=op.f(f"uq_{TABLE}_source_key")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_survey_migration_member_period", ["survey_year", "quarter"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index("ix_survey_migration_member_period")
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_batch_id"))
    op.drop_table(TABLE)
