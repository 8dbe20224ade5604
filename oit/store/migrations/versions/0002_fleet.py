"""The fleet: its nightly ledger (fleet_runs: one row per site and night, claimed under a lease) and the claim that
makes an alert go out once when two runs of a site overlap (alert_messages.claimed_until).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _text(length: int | None = None) -> sa.types.TypeEngine:
    """As in 0001: VARCHAR in SQLite, TEXT in PostgreSQL (a real site's URL can be longer than any limit)."""
    return (sa.String(length) if length else sa.Text()).with_variant(sa.Text(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "fleet_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("night", sa.Date, nullable=False),
        sa.Column("site_url", _text(2000), nullable=False),
        sa.Column("site_name", _text(500)),
        sa.Column("host", _text(255), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("queued_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
        sa.Column("worker", _text(255)),
        sa.Column("lease_until", sa.DateTime),
        sa.Column("started_at", sa.DateTime),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("scan_id", sa.Integer),
        sa.Column("error", _text()),
        sa.UniqueConstraint("night", "site_url"),
    )
    op.create_index("ix_fleet_runs_host", "fleet_runs", ["host"])
    with op.batch_alter_table("alert_messages") as table:  # batch: SQLite rebuilds what it cannot ALTER
        table.add_column(sa.Column("claimed_until", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("alert_messages") as table:
        table.drop_column("claimed_until")
    op.drop_index("ix_fleet_runs_host", "fleet_runs")
    op.drop_table("fleet_runs")
