"""Alembic's migrations of oit's database (oit/store/migrate.py runs them; README "Shared database (PostgreSQL)").

env.py      runs the revisions on the connection oit/store/migrate.py hands it (or on OIT_DATABASE, for a
            developer's `alembic` command line)
versions/   one file per schema change, the first (0001) the schema of the last oit before Alembic
"""
