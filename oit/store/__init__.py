"""The database: SQLite by default, any SQLAlchemy URL (config or OIT_DATABASE).

    database    the tables (scans, pages, links, documents, item results, screenshots, alert state), ScanStore
                (a running scan's pages and documents, written in batches), StoredSite (a stored crawl as the
                rules read it), open_engine (schema created and brought up to date), crash detection
    rendering   URL patterns that needed the browser, evidence screenshots, a page replaced by its rendering
    ledger      the fleet's nightly ledger

Nothing here imports the rest of oit: the scan writes through it, the watch side and the reports read from it.
`Engine` and `DatabaseError` (whatever the database or its driver raised) are the two SQLAlchemy names the rest of
oit may hold.
"""

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError as DatabaseError

from oit.store.database import ScanStore, StorageError, StoredSite, open_engine

__all__ = ["DatabaseError", "Engine", "ScanStore", "StorageError", "StoredSite", "open_engine"]
