"""The database: SQLite by default, any SQLAlchemy URL (config or OIT_DATABASE). Every table and all SQL live here:
the rest of oit calls these functions and never imports SQLAlchemy (import-linter contract "sql-in-store").

    database    the tables (scans, pages, links, documents, item results, screenshots, alert state), ScanStore
                (a running scan's pages and documents, written in batches), StoredSite (a stored crawl as the
                rules read it), open_engine (schema created and brought up to date), crash detection
    scans       stored scans and sites as the history reads them, what a scan failed to load, a recheck's base
    alerts      per site what was weighed and warned, confirmed facts, messages and their delivery claims
    rendering   URL patterns that needed the browser, evidence screenshots, a page replaced by its rendering
    jobs        the scheduler's stored jobs (APScheduler's table): a moved function's path rewritten
    ledger      the fleet's nightly ledger

Nothing here imports the rest of oit: the scan writes through it, the watch side and the reports read from it.
Two of SQLAlchemy's names are re-exported (not in __all__: they live in SQLAlchemy) for the rest of oit, which
never imports SQLAlchemy itself: `Engine` (what open_engine returns) and `DatabaseError` (whatever the database or
its driver raised).
"""

from sqlalchemy.engine import Engine as Engine

from oit.store.database import DatabaseError as DatabaseError
from oit.store.database import ScanStore, StorageError, StoredSite, open_engine

__all__ = ["ScanStore", "StorageError", "StoredSite", "open_engine"]
