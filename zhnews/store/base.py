"""What both backends share: one SQL dialect (`?` placeholders), rows as dicts,
explicit transactions, and the error users see when a base cannot be used."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..errors import ZhnewsError


class StoreError(ZhnewsError):
    """A knowledge base that cannot be opened or used; the message is for users."""


class Store:
    backend = "?"

    def __init__(self, conn: Any, location: str):
        self.conn = conn
        self.location = location

    # -- SQL --------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(sql), rows)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert_id(self, sql: str, params: Iterable[Any]) -> int:
        """INSERT … RETURNING id (SQLite ≥ 3.35 and PostgreSQL both have it)."""
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    # -- full text --------------------------------------------------------
    def fts_insert(self, rows: list[tuple[int, str, str]]) -> None:
        """rows: (article_id, headline, text, precomputed token strings or None)."""
        raise NotImplementedError

    def fts_delete(self, rows: list[tuple[int, str, str]]) -> None:
        raise NotImplementedError

    def fts_clear(self) -> None:
        """Forget the whole search index (before a rebuild with another tokenizer)."""
        raise NotImplementedError

    def fts_select(self, query: str) -> tuple[str, list, str, list] | None:
        """(FROM … WHERE fragment joining `articles a`, its params, score
        expression (higher = better), its params) for a full-text query, or
        None when the query has no searchable token."""
        raise NotImplementedError

    # The id of a match in fts_select's fragment, as the index orders it:
    # ORDER BY it (ASC or DESC) walks the index without sorting the matches.
    fts_rowid = "a.id"

    def fts_ids(self, query: str) -> tuple[str, list] | None:
        """(SELECT of the matching article ids in fts_rowid order, params)
        without the join to `articles`, when the index alone decides a match
        (None: use fts_select)."""
        return None

    def fts_probe_select(self, query: str) -> tuple[str, list] | None:
        """fts_select's FROM … WHERE fragment driven from `articles a` (each
        filtered article looked up in the index), or None when the backend's
        planner needs no such hint."""
        return None

    def fts_scores(self, query: str, ids: list[int]) -> dict[int, float]:
        """The score of each of `ids` (all matching `query`), higher = better."""
        raise NotImplementedError

    def fts_doc_count(self, query: str) -> int | None:
        """How many articles hold `query`, if the index knows it without
        visiting the matches (a one-word query); None otherwise."""
        return None

    def columns(self, table: str) -> list[str]:
        """The columns `table` has in this base ([] when it has no such table):
        a base of an older schema, read as it is, lacks what came later."""
        raise NotImplementedError

    # -- meta -------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.query("SELECT key, value FROM zhnews_meta")}

    def set_meta(self, items: dict[str, str]) -> None:
        """Write meta keys (inside the caller's transaction)."""
        keys = list(items)
        self.execute(f"DELETE FROM zhnews_meta WHERE key IN ({', '.join('?' for _ in keys)})", keys)
        self.executemany("INSERT INTO zhnews_meta (key, value) VALUES (?, ?)", list(items.items()))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
