"""The database: SQLite by default, any SQLAlchemy URL (config or OIT_DATABASE).

    database    the tables (scans, pages, links, documents, item results, screenshots, alert state), ScanStore
                (a running scan's pages and documents, written in batches), StoredSite (a stored crawl as the
                rules read it), open_engine (schema created and brought up to date), crash detection

Nothing here imports the rest of oit: the scan writes through it, the watch side and the reports read from it.
"""

from oit.store.database import ScanStore, StorageError, StoredSite, open_engine

__all__ = ["ScanStore", "StorageError", "StoredSite", "open_engine"]
