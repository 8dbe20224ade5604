"""Baseline: the tables of the last oit before Alembic (scans, pages, links with their menu flag, documents, the text
cache, item results, screenshots, render patterns and the alert state).

A new database gets them here. A database made by an earlier oit (it has the tables but no alembic_version) is
adopted: the tables it lacks are created and the columns it lacks added with their defaults, as oit did on every open
before Alembic (e.g. links.nav, added after oit 2026-12), and Alembic then stamps it 0001. Nothing is dropped or
rewritten, so its history survives.

The tables are a frozen copy, not oit.store.database's: a later revision changes those, and this one must still build
the schema it started from.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _text(length: int) -> sa.types.TypeEngine:
    """VARCHAR(length) in SQLite as before (which does not enforce it); TEXT in PostgreSQL, which would refuse a
    2,001-character URL or a long Content-Type header of a real site and fail the scan's whole batch."""
    return sa.String(length).with_variant(sa.Text(), "postgresql")


BASELINE = sa.MetaData()
sa.Table(
    "sites",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", _text(2000), unique=True, nullable=False),
    sa.Column("name", _text(500)),
)
sa.Table(
    "scans",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), index=True, nullable=False),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),
    sa.Column("state", _text(20), default="running", nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("assessment_year", sa.Integer, nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("pages", sa.Integer, default=0, nullable=False),
    sa.Column("documents", sa.Integer, default=0, nullable=False),
    sa.Column("errors", sa.Integer, default=0, nullable=False),
    sa.Column("unchanged", sa.Integer, default=0, nullable=False),
    sa.Column("not_asked", sa.Integer, default=0, nullable=False),
    sa.Column("duration_s", sa.Float, default=0.0, nullable=False),
    sa.Column("result_json", sa.Text),
    sa.Column("kind", _text(20), default="scan", nullable=False),
    sa.Column("based_on", sa.Integer),
    sa.Column("owner_host", _text(255)),
    sa.Column("owner_pid", sa.Integer),
    sa.Column("owner_started", sa.Float),
)
sa.Table(
    "pages",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), index=True, nullable=False),
    sa.Column("url", _text(2000), nullable=False),
    sa.Column("final_url", _text(2000), nullable=False),
    sa.Column("status", sa.Integer),
    sa.Column("error", sa.Text),
    sa.Column("content_type", _text(200), default="", nullable=False),
    sa.Column("encoding", _text(50)),
    sa.Column("content_hash", _text(64)),
    sa.Column("title", sa.Text, default="", nullable=False),
    sa.Column("headings", sa.JSON, default=list, nullable=False),
    sa.Column("text", sa.Text, default="", nullable=False),
    sa.Column("html_z", sa.LargeBinary),
    sa.Column("depth", sa.Integer, default=0, nullable=False),
    sa.Column("tls_error", sa.Boolean, default=False, nullable=False),
    sa.Column("needs_browser", sa.Boolean, default=False, nullable=False),
    sa.Column("etag", _text(500)),
    sa.Column("last_modified", _text(100)),
    sa.Column("verified_at", sa.DateTime),
    sa.Column("changed_at", sa.DateTime),
    sa.Column("links_z", sa.LargeBinary),
    sa.UniqueConstraint("scan_id", "url"),
)
sa.Table(
    "links",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), index=True, nullable=False),
    sa.Column("from_url", _text(2000), nullable=False),
    sa.Column("url", _text(2000), nullable=False),
    sa.Column("label", sa.Text, default="", nullable=False),
    sa.Column("source", _text(20), default="a", nullable=False),
    sa.Column("external", sa.Boolean, default=False, nullable=False),
    sa.Column("nav", sa.Boolean, default=False, nullable=False),
)
sa.Table(
    "documents",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), index=True, nullable=False),
    sa.Column("url", _text(2000), nullable=False),
    sa.Column("final_url", _text(2000), nullable=False),
    sa.Column("status", sa.Integer),
    sa.Column("content_type", _text(200), default="", nullable=False),
    sa.Column("size", sa.Integer, default=0, nullable=False),
    sa.Column("content_hash", _text(64), index=True),
    sa.Column("text", sa.Text, default="", nullable=False),
    sa.Column("pages", sa.Integer),
    sa.Column("extractor", _text(50)),
    sa.Column("error", sa.Text),
    sa.Column("referrers", sa.JSON, default=list, nullable=False),
    sa.Column("link_texts", sa.JSON, default=list, nullable=False),
    sa.Column("ocr_pages", sa.Integer, default=0, nullable=False),
    sa.Column("method", _text(20)),
    sa.Column("quality", sa.Float),
    sa.Column("ocr_digits_untrusted", sa.Boolean, default=False, nullable=False),
    sa.Column("timeline_rows", sa.Integer),
    sa.Column("etag", _text(500)),
    sa.Column("last_modified", _text(100)),
    sa.Column("verified_at", sa.DateTime),
    sa.Column("changed_at", sa.DateTime),
    sa.UniqueConstraint("scan_id", "url"),
)
sa.Table(
    "document_texts",
    BASELINE,
    sa.Column("content_hash", _text(64), primary_key=True),
    sa.Column("version", _text(100), nullable=False),
    sa.Column("text", sa.Text, default="", nullable=False),
    sa.Column("pages", sa.Integer),
    sa.Column("extractor", _text(50)),
    sa.Column("method", _text(50)),
    sa.Column("error", sa.Text),
    sa.Column("details", sa.JSON, default=dict, nullable=False),
    sa.Column("created", sa.DateTime, nullable=False),
)
sa.Table(
    "item_results",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), index=True, nullable=False),
    sa.Column("code", _text(10), nullable=False),
    sa.Column("status", _text(10), nullable=False),
    sa.Column("result", sa.JSON, nullable=False),
)
sa.Table(
    "screenshots",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), index=True, nullable=False),
    sa.Column("url", _text(2000), nullable=False),
    sa.Column("codes", sa.JSON, default=list, nullable=False),
    sa.Column("image", sa.LargeBinary, nullable=False),
    sa.Column("taken", sa.DateTime, nullable=False),
    sa.UniqueConstraint("scan_id", "url"),
)
sa.Table(
    "render_patterns",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_url", _text(2000), index=True, nullable=False),
    sa.Column("pattern", _text(2000), nullable=False),
    sa.Column("learned", sa.DateTime, nullable=False),
    sa.UniqueConstraint("site_url", "pattern"),
)
sa.Table(
    "alert_facts",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_url", _text(2000), index=True, nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("fact", sa.JSON, nullable=False),
    sa.UniqueConstraint("site_url", "key"),
)
sa.Table(
    "alert_sites",
    BASELINE,
    sa.Column("site_url", _text(2000), primary_key=True),
    sa.Column("weighed_scan_id", sa.Integer),
    sa.Column("stale_warned_scan_id", sa.Integer),
)
sa.Table(
    "alert_messages",
    BASELINE,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_url", _text(2000), index=True, nullable=False),
    sa.Column("created", sa.DateTime, nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("delivered", sa.JSON, default=list, nullable=False),
    sa.Column("done", sa.Boolean, default=False, nullable=False),
    sa.Column("attempts", sa.Integer, default=0, nullable=False),
    sa.Column("last_error", sa.Text),
)


def upgrade() -> None:
    bind = op.get_bind()
    present = {name: {c["name"] for c in sa.inspect(bind).get_columns(name)} for name in _existing(bind)}
    BASELINE.create_all(bind, checkfirst=True)
    for table in BASELINE.sorted_tables:
        if table.name in present:  # made by an earlier oit: only what it lacks is added
            for column in table.columns:
                if column.name not in present[table.name]:
                    op.execute(
                        f"ALTER TABLE {bind.dialect.identifier_preparer.format_table(table)} ADD COLUMN {_column_sql(column, bind)}"
                    )


def downgrade() -> None:
    BASELINE.drop_all(op.get_bind())


def _existing(bind: sa.engine.Connection) -> list[str]:
    names = set(sa.inspect(bind).get_table_names())
    return [table.name for table in BASELINE.sorted_tables if table.name in names]


def _column_sql(column: sa.Column, bind: sa.engine.Connection) -> str:
    """The column as an earlier oit added a late one: its type and its model default (old rows get it), nullable,
    since SQLite cannot add a NOT NULL column without a default to a table that has rows."""
    preparer = bind.dialect.identifier_preparer
    sql = f"{preparer.format_column(column)} {column.type.compile(dialect=bind.dialect)}"
    scalar = column.default is not None and column.default.is_scalar
    default = column.default.arg if scalar else None  # type: ignore[union-attr]  # is_scalar: a ScalarElementColumnDefault
    if default is not None:
        sql += " DEFAULT " + str(sa.literal(default).compile(bind, compile_kwargs={"literal_binds": True}))
    return sql
