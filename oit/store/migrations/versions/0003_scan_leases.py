"""A running scan's lease and PID namespace (scans.lease_until, scans.owner_ns): a scan is judged alive by its lease,
renewed while it runs, on another machine or in another container of the same host (which shares the host's name
but not its process numbers); by its process only in this host's own namespace.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("scans") as table:
        table.add_column(sa.Column("owner_ns", sa.String(40)))
        table.add_column(sa.Column("lease_until", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("scans") as table:
        table.drop_column("lease_until")
        table.drop_column("owner_ns")
