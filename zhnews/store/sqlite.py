"""The embedded backend: one SQLite file, no server.

Opening is careful because the file is the user's data: a file that is not
SQLite, or is SQLite but belongs to another program, is refused before
anything is written to it (we check the header, `PRAGMA application_id` and
our `zhnews_meta` table). Writes happen in explicit transactions on the real
file in WAL mode, so a process killed at any point leaves the last committed
batch intact and nothing half-written.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from . import schema
from .base import Store, StoreError
from .tokenize import index_text, query_terms

SQLITE_HEADER = b"SQLite format 3\x00"
# Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT_S = 30
# Page cache in KiB (negative = KiB for SQLite). The default 2 MB lets the big
# article inserts evict the index pages of pages.source / content_hash, and
# every new page then reads them back from disk: on a 100k-article base that
# made the pages insert 1 ms of a 2.4 ms article write.
CACHE_KIB = 256 * 1024
# bm25 column weights (headline, body): a word in the headline says more about
# what the article is about than one occurrence deep in the body.
BM25_WEIGHTS = (4.0, 1.0)


class SQLiteStore(Store):
    backend = "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once: one writer, no upgrade deadlock.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def fts_insert(self, rows):
        self.executemany(
            "INSERT INTO article_fts (rowid, headline, body) VALUES (?, ?, ?)",
            [(aid, *(tokens or (index_text(h or ""), index_text(t or "")))) for aid, h, t, tokens in rows],
        )

    def fts_delete(self, rows):
        # A contentless FTS5 table forgets a row only when told its tokens again.
        self.executemany(
            "INSERT INTO article_fts (article_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
            [(aid, index_text(h or ""), index_text(t or "")) for aid, h, t, _ in rows],
        )

    def fts_select(self, query):
        expr = match_expression(query)
        if not expr:
            return None
        w_head, w_body = BM25_WEIGHTS
        return (
            "article_fts JOIN articles a ON a.id = article_fts.rowid WHERE article_fts MATCH ?",
            [expr],
            f"-bm25(article_fts, {w_head}, {w_body})",
            [],
        )


def match_expression(query: str) -> str:
    """Each term a phrase of its bigrams, all terms required; a one-character
    term is a prefix query (see tokenize.bigrams)."""
    parts = []
    for grams in query_terms(query):
        if len(grams) == 1 and len(grams[0]) == 1:
            parts.append(f'"{grams[0]}"*')
        else:
            parts.append('"' + " ".join(grams) + '"')
    return " AND ".join(parts)


def open_sqlite(path: str, create: bool = False, readonly: bool = False) -> SQLiteStore:
    path = os.path.abspath(path)
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a knowledge-base file")
    exists = os.path.exists(path) and os.path.getsize(path) > 0
    if exists:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
        if head != SQLITE_HEADER:
            raise StoreError(f"{path} is not a SQLite database (it may be corrupt or another kind of file); "
                             "zhnews will not touch it — pass another --db")
    elif not create:
        raise StoreError(f"no knowledge base at {path}; build one with `zhnews ingest --db {path} PATH…`")
    elif not os.path.isdir(os.path.dirname(path)):
        raise StoreError(f"folder {os.path.dirname(path)} does not exist")

    mode = "ro" if readonly else ("rw" if exists else "rwc")
    try:
        conn = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    store = SQLiteStore(conn, path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if app_id == schema.APPLICATION_ID and "zhnews_meta" in tables:
            version = store.meta().get("schema_version")
            if version != schema.SCHEMA_VERSION:
                raise StoreError(f"{path} has zhnews schema version {version}, this zhnews reads "
                                 f"{schema.SCHEMA_VERSION}")
        elif app_id == 0 and not tables:
            if readonly or not create:
                raise StoreError(f"{path} is an empty SQLite file, not a knowledge base yet; run `zhnews ingest`")
        else:
            shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
            raise StoreError(f"{path} is a SQLite database of another program (application_id={app_id}, "
                             f"tables: {shown or 'none'}); zhnews will not modify it — pass another --db")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if not tables:
            _create(store)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is corrupt or not a zhnews knowledge base ({e}); "
                         "zhnews will not modify it") from None
    return store


def _create(store: SQLiteStore) -> None:
    with store.transaction():
        store.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        for stmt in schema.ddl("sqlite"):
            store.conn.execute(stmt)
        store.executemany("INSERT INTO zhnews_meta (key, value) VALUES (?, ?)", [
            ("schema_version", schema.SCHEMA_VERSION),
            ("created_at", datetime.now(timezone.utc).isoformat(timespec="seconds")),
            ("fts", "article_fts: contentless FTS5 over character bigrams (zhnews.store.tokenize)"),
        ])
