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
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import schema, versions
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
    inode: tuple[int, int] | None = None
    _vocab = False

    def close(self) -> None:
        self.conn.close()
        with _live_lock:
            if self.inode is not None and _live.get(self.inode):
                _live[self.inode] -= 1
            self.inode = None

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

    def columns(self, table):
        return [r[1] for r in self.conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]

    def fts_insert(self, rows):
        self.executemany(
            "INSERT INTO article_fts (rowid, headline, body) VALUES (?, ?, ?)",
            [(aid, *(tokens or (index_text(h or ""), index_text(t or "")))) for aid, h, t, tokens in rows],
        )

    def fts_clear(self):
        self.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")

    def fts_delete(self, rows):
        # A contentless FTS5 table forgets a row only when told its tokens again.
        self.executemany(
            "INSERT INTO article_fts (article_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
            [(aid, index_text(h or ""), index_text(t or "")) for aid, h, t, _ in rows],
        )

    fts_rowid = "article_fts.rowid"

    def fts_doc_count(self, query):
        # A query of one bigram is one term of the index, whose document count
        # fts5vocab reads from the term's entry (a temp table: nothing is
        # written to the base, read-only connections can have it too).
        terms = query_terms(query)
        if len(terms) != 1 or len(terms[0]) != 1 or len(terms[0][0]) != 2:
            return None
        if not self._vocab:
            self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_vocab "
                              "USING fts5vocab(main, article_fts, row)")
            self._vocab = True
        return self.scalar("SELECT doc FROM temp.article_fts_vocab WHERE term = ?", [terms[0][0]])

    def fts_ids(self, query):
        expr = match_expression(query)
        return ("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid", [expr]) if expr else None

    def fts_probe_select(self, query):
        # CROSS JOIN keeps `articles` the outer loop: SQLite's planner would
        # otherwise walk every match of a common word to find a day's few.
        expr = match_expression(query)
        if not expr:
            return None
        return "articles a CROSS JOIN article_fts ON article_fts.rowid = a.id WHERE article_fts MATCH ?", [expr]

    def fts_scores(self, query, ids):
        # bm25 on a probe (rowid = ?) recomputes its idf over the whole index
        # for every row; "+rowid IN" keeps the index walk and filters it, so
        # the idf is computed once.
        if not ids:
            return {}
        w_head, w_body = BM25_WEIGHTS
        rows = self.execute(
            f"SELECT rowid, -bm25(article_fts, {w_head}, {w_body}) FROM article_fts WHERE article_fts MATCH ? "
            "AND +rowid IN (" + ", ".join("?" for _ in ids) + ")", [match_expression(query), *ids])
        return dict(rows.fetchall())

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


# The first 100 bytes of a SQLite file: magic, then (at 18/19) the journal format
# (2 = WAL) and (at 68) the application id, read before any connection exists.
HEADER_BYTES = 100
WAL_FORMAT = 2

# POSIX locks belong to a process and an inode, and closing *any* descriptor of
# the file drops them all: a header read with open() while this process holds a
# connection lets another process's ingest think it is alone and delete the WAL
# under our readers (issue 19). So the file is read only while no connection of
# this process has it open; later opens reuse that verdict.
_live: dict[tuple[int, int], int] = {}
_live_lock = threading.Lock()


def _inode(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _check_header(path: str, head: bytes) -> bool:
    """Refuse a file that is not a zhnews base from its header alone, before
    SQLite touches it (no journal-mode change, no -wal/-shm created). True
    when the header says journal mode WAL."""
    if head[: len(SQLITE_HEADER)] != SQLITE_HEADER or len(head) < HEADER_BYTES:
        raise StoreError(f"{path} is not a SQLite database (it may be corrupt or another kind of file); "
                         "zhnews will not touch it — pass another --db")
    app_id = int.from_bytes(head[68:72], "big", signed=True)
    if app_id != schema.APPLICATION_ID:
        what = "an empty SQLite database" if app_id == 0 else "a SQLite database"
        raise StoreError(f"{path} is {what} of another program (application_id={app_id}); "
                         "zhnews will not modify it — pass another --db")
    return head[18] == WAL_FORMAT and head[19] == WAL_FORMAT


def sqlite_uri(path: str, mode: str) -> str:
    """A file: URI with the path percent-encoded: '#', '?' and '%' in a file
    name are part of the name, not URI syntax."""
    return f"{Path(path).as_uri()}?mode={mode}"


def open_sqlite(path: str, create: bool = False, readonly: bool = False, reindex: bool = False) -> SQLiteStore:
    path = os.path.abspath(path)
    if os.path.isdir(path):
        raise StoreError(f"{path} is a folder, not a knowledge-base file")
    exists = os.path.exists(path) and os.path.getsize(path) > 0
    wal = True
    if exists:
        with _live_lock:
            key = _inode(path)
            if not _live.get(key):
                with open(path, "rb") as fh:
                    wal = _check_header(path, fh.read(HEADER_BYTES))
    elif not create:
        raise StoreError(f"no knowledge base at {path}; build one with `zhnews ingest --db {path} PATH…`")
    elif not os.path.isdir(os.path.dirname(path)):
        raise StoreError(f"folder {os.path.dirname(path)} does not exist")

    mode = "ro" if readonly else ("rw" if exists else "rwc")
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode), uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from None
    store = SQLiteStore(conn, path)
    try:
        if exists:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if app_id != schema.APPLICATION_ID or "zhnews_meta" not in tables:
                shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
                raise StoreError(f"{path} is a SQLite database of another program (application_id={app_id}, "
                                 f"tables: {shown or 'none'}); zhnews will not modify it — pass another --db")
            if not readonly and not wal:
                # Switching to WAL rewrites the header: only a base that checks out.
                check_integrity(store)
            versions.check(store, readonly=readonly, reindex=reindex)
        else:
            # Created in one rollback-journal transaction before WAL is set, so a
            # kill leaves either nothing or a whole empty base, never a file
            # without our application id that the next run would refuse.
            _create(store)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is corrupt or not a zhnews knowledge base ({e}); "
                         "zhnews will not modify it") from None
    with _live_lock:
        store.inode = _inode(path)
        _live[store.inode] = _live.get(store.inode, 0) + 1
    return store


def check_integrity(store: SQLiteStore) -> None:
    """Read every page (PRAGMA quick_check): corruption past the header is
    found here, before a server answers 500s or a writer changes the file."""
    try:
        rows = [r[0] for r in store.conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as e:
        rows = [str(e)]
    if rows != ["ok"]:
        raise StoreError(f"{store.location} is corrupt ({'; '.join(rows)[:200]}); zhnews will not use it — "
                         "restore a backup or rebuild it with `zhnews ingest`")


def _create(store: SQLiteStore) -> None:
    with store.transaction():
        store.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        for stmt in schema.ddl("sqlite"):
            store.conn.execute(stmt)
        versions.set_meta(store, dict(versions.initial_meta(),
                                      fts="article_fts: contentless FTS5 over character bigrams (zhnews.store.tokenize)"))
