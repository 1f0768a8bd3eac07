"""aggregate tables by sex from ministries and surveys (education, labour, incomes, health,
decision-making, crime)

Why: issue 15 asks for "Women and Men" beyond demography. Those figures arrive as aggregated
tables by sex — one table, ``report_sex_aggregate``, holds the cells of all six sources (see
``store.models.reports.SexAggregateReport``). A new table only; downgrade drops it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "report_sex_aggregate"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("measure", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("subcategory", sa.String(length=40), nullable=False),
        sa.Column("territory", sa.String(length=14), nullable=False),
        sa.Column("men", sa.Float(), nullable=True),
        sa.Column("women", sa.Float(), nullable=True),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("men_se", sa.Float(), nullable=True),
        sa.Column("women_se", sa.Float(), nullable=True),
        sa.Column("total_se", sa.Float(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("reporter", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["ingest_batch.id"], name=op.f(f"fk_{TABLE}_batch_id_ingest_batch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint("source_key", name=op.f(f"uq_{TABLE}_source_key")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_period"), ["period"], unique=False)
        batch_op.create_index(
            "ix_report_sex_aggregate_measure", ["source", "measure", "period"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index("ix_report_sex_aggregate_measure")
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_period"))
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_batch_id"))
    op.drop_table(TABLE)
