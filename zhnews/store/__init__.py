"""The knowledge base: pages, articles and their facts in SQLite (default,
one file) or PostgreSQL (`--db postgresql://…`), with the same schema."""

from __future__ import annotations

import os

from .base import Store, StoreError

# Where the knowledge base lives when --db is not given.
DEFAULT_DB = "zhnews.db"


def default_db() -> str:
    return os.environ.get("ZHNEWS_DB") or DEFAULT_DB


def open_store(db: str | None = None, create: bool = False, readonly: bool = False, reindex: bool = False) -> Store:
    """Open (or with create=True, create) the base at a file path or a PostgreSQL DSN."""
    from .postgres import is_postgres_dsn, open_postgres
    from .sqlite import open_sqlite

    db = db or default_db()
    if is_postgres_dsn(db):
        return open_postgres(db, create=create, readonly=readonly, reindex=reindex)
    return open_sqlite(db, create=create, readonly=readonly, reindex=reindex)


__all__ = ["Store", "StoreError", "open_store", "default_db", "DEFAULT_DB"]
