"""Stage: store. Articles and analysis results in one embedded SQLite file.

    >>> from corroborate.store import Store
    >>> with Store(":memory:") as store:
    ...     len(store)
    0
"""

from __future__ import annotations

from corroborate.store.sqlite import DEFAULT_DB, STORE_VERSION, AddResult, Store, StoreError

__all__ = ["DEFAULT_DB", "STORE_VERSION", "AddResult", "Store", "StoreError"]
