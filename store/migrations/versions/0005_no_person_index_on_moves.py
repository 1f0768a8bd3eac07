"""no person_key index on migration_event

Why: no query reads registrations by person, and the index is the costliest one a Tunduk
load writes (pseudonymised keys are random, so every record lands on its own index page):
dropping it took a quarter off SQLite's share of the AIS ASB feed. De-duplication uses the
ingest ledger's natural key, which stays indexed. A linkage query that needs it can add it
back with its own migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("migration_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_migration_event_person_key"))


def downgrade() -> None:
    with op.batch_alter_table("migration_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_migration_event_person_key"), ["person_key"], unique=False
        )
