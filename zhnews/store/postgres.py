"""The server backend for teams: the same tables in PostgreSQL.

Full text uses the same character bigrams as SQLite, sent as a tsvector
literal built here (so no PostgreSQL text parser or locale decides what a
Chinese token is) and GIN-indexed. A tsquery of bigrams narrows the
candidates; a substring check on the normalized text then keeps only articles
where the query's characters stand side by side, as an FTS5 phrase would.
Writers take a transaction-level advisory lock so that consolidation of
people sees a consistent table even with several ingests running.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import defaultdict
from contextlib import contextmanager
from typing import Iterator

from . import schema, versions
from .base import Store, StoreError
from .tokenize import bigrams, fold_table, query_strings, query_terms

# Any constant identifies our lock among other programs' advisory locks.
ADVISORY_LOCK_KEY = schema.APPLICATION_ID
# PostgreSQL keeps at most 256 positions per lexeme and positions ≤ 16383.
MAX_POSITIONS = 256
MAX_POSITION = 16383


class PostgresStore(Store):
    backend = "postgres"

    def _sql(self, sql: str) -> str:
        # Our SQL is written with `?`; a literal % (LIKE 'x%') must not look like a placeholder.
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
            yield

    def columns(self, table):
        return [r["column_name"] for r in self.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", [table])]

    def fts_insert(self, rows):
        self.executemany(
            "INSERT INTO article_search (article_id, tsv) VALUES (?, CAST(? AS tsvector))",
            [(aid, tsvector_literal(h or "", t or "")) for aid, h, t, _ in rows],
        )

    def fts_clear(self):
        self.execute("DELETE FROM article_search")

    def fts_delete(self, rows):
        # article_search rows go with their article (ON DELETE CASCADE).
        return None

    def fts_select(self, query):
        tsq = tsquery_literal(query)
        if not tsq:
            return None
        runs = query_strings(query)
        checks = " AND ".join(
            "strpos(translate(lower(normalize(coalesce(a.headline, '') || ' ' || a.text, NFKC)), ?, ?), ?) > 0"
            for _ in runs
        )
        return (
            "article_search s JOIN articles a ON a.id = s.article_id "
            "WHERE s.tsv @@ CAST(? AS tsquery)" + (" AND " + checks if checks else ""),
            [tsq, *(x for r in runs for x in (*_fold_strings(r), r))],
            "ts_rank(s.tsv, CAST(? AS tsquery))",
            [tsq],
        )


@lru_cache(maxsize=1)
def _unfold() -> dict[str, str]:
    """simplified character → the traditional characters the fold maps to it."""
    out: dict[str, list[str]] = {}
    for k, v in sorted(fold_table().items()):
        out.setdefault(v, []).append(chr(k))
    return {v: "".join(ks) for v, ks in out.items()}


def _fold_strings(run: str) -> tuple[str, str]:
    """translate()'s two strings that fold, in SQL, just the traditional characters
    that could stand for this run's characters (the exact recheck then sees the text
    as the index did; a 4,000-character map on every row made searches 5× slower)."""
    src, dst = [], []
    unfold = _unfold()
    for ch in dict.fromkeys(run):
        for t in unfold.get(ch, ""):
            src.append(t)
            dst.append(ch)
    return "".join(src), "".join(dst)


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(headline: str, text: str) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    pos = 0
    for weight, part in (("A", headline), ("", text)):
        for gram in bigrams(part):
            pos = min(pos + 1, MAX_POSITION)
            slots = positions[gram]
            if len(slots) < MAX_POSITIONS:
                slots.append(f"{pos}{weight}")
    return " ".join(f"{_quote(g)}:{','.join(p)}" for g, p in positions.items())


def tsquery_literal(query: str) -> str:
    parts = []
    for grams in query_terms(query):
        if len(grams) == 1 and len(grams[0]) == 1:
            parts.append(_quote(grams[0]) + ":*")
        else:
            parts.append("(" + " & ".join(_quote(g) for g in grams) + ")")
    return " & ".join(parts)


_DSN = re.compile(r"^postgres(ql)?://")


def is_postgres_dsn(db: str) -> bool:
    return bool(_DSN.match(db))


def open_postgres(dsn: str, create: bool = False, readonly: bool = False, reindex: bool = False) -> PostgresStore:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency in pyproject
        raise StoreError("the PostgreSQL backend needs psycopg: pip install 'psycopg[binary]'") from None
    try:
        conn = psycopg.connect(dsn, autocommit=True)
    except psycopg.Error as e:
        raise StoreError(f"cannot connect to {_redact(dsn)}: {str(e).strip()}") from None
    store = PostgresStore(conn, _redact(dsn))
    try:
        tables = {r["table_name"] for r in store.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        if "zhnews_meta" in tables:
            versions.check(store, readonly=readonly, reindex=reindex)
        elif tables & {"pages", "articles", "people", "organizations"}:
            raise StoreError(f"{store.location} already has tables of another program "
                             f"({', '.join(sorted(tables)[:5])}); zhnews will not modify them — "
                             "use another database or schema")
        elif not create or readonly:
            raise StoreError(f"no knowledge base in {store.location}; build one with `zhnews ingest --db …`")
        else:
            _create(store)
    except StoreError:
        conn.close()
        raise
    except psycopg.Error as e:
        conn.close()
        raise StoreError(f"{store.location}: {str(e).strip()}") from None
    if readonly:
        conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    return store


def _create(store: PostgresStore) -> None:
    with store.transaction():
        for stmt in schema.ddl("postgres"):
            store.conn.execute(stmt)
        versions.set_meta(store, dict(versions.initial_meta(),
                                      fts="article_search.tsv: character bigrams (zhnews.store.tokenize), GIN index"))


def _redact(dsn: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", dsn)
