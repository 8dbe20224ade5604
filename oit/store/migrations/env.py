"""Alembic's environment: the revisions run on the connection oit.store.migrate hands over, inside its lock.

There is no alembic.ini: oit.store.migrate builds Alembic's Config in code and runs its commands itself, once per
process and database (README "Shared database (PostgreSQL)"). target_metadata is the tables of oit.store.database:
what a new revision is compared with (autogenerate) and what tests/oit/store/test_migrations.py checks the
migrated schema against.
"""

from alembic import context

from oit.store.database import metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("oit's migrations run through oit.store.migrate, on a connection it holds the lock of")

# render_as_batch: SQLite cannot ALTER a column or drop one; Alembic's batch mode copies the table instead, so a later
# revision written with op.batch_alter_table runs on SQLite and PostgreSQL alike.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
