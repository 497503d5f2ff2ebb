"""The base out again: JSONL (one article a line, its facts nested, in the
shape of SPEC.md plus ids), or CSV / Parquet (one file per table, the rows as
stored). Streams in chunks, so a base of millions of articles exports in
constant memory."""

from __future__ import annotations

import csv
import json
import os
import re
from typing import IO, Iterator

from . import schema
from .base import Store, StoreError

# Rows fetched and written per round trip.
CHUNK_ROWS = 2000
# Articles whose facts are fetched together for nested JSONL.
CHUNK_ARTICLES = 500

_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\n\);", re.S)
_COLUMN = re.compile(r"^\s+(\w+)\s+(\{ID\}|TEXT|BIGINT|INTEGER|DOUBLE PRECISION)", re.M)


def table_columns() -> dict[str, list[tuple[str, str]]]:
    """{table: [(column, SQL type)]} read from the schema text."""
    out = {}
    for name, body in _TABLE.findall(schema.TABLES):
        out[name] = [(c, "BIGINT" if t == "{ID}" else t) for c, t in _COLUMN.findall(body)]
    return out


EXPORT_TABLES = [t for t in table_columns() if t != "zhnews_meta"]


def _rows(store: Store, table: str, columns: list[str]) -> Iterator[list[tuple]]:
    order = "id" if "id" in columns else ", ".join(columns[:2])
    cur = store.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
    while True:
        rows = cur.fetchmany(CHUNK_ROWS)
        if not rows:
            return
        yield rows


# CSV files start with a UTF-8 byte-order mark by default: Excel on Windows reads a
# CSV without one in the system's ANSI code page, so Chinese text opens as mojibake;
# pandas, LibreOffice and Python's csv with encoding="utf-8-sig" read it either way.
CSV_ENCODING = "utf-8-sig"


def export_tables(store: Store, out_dir: str, fmt: str, tables: list[str] | None = None,
                  csv_encoding: str = CSV_ENCODING) -> dict[str, int]:
    """One file per table in `out_dir` (created if missing); returns rows per table."""
    cols = table_columns()
    tables = tables or EXPORT_TABLES
    unknown = [t for t in tables if t not in cols]
    if unknown:
        raise StoreError(f"unknown table(s): {', '.join(unknown)}; tables are {', '.join(EXPORT_TABLES)}")
    os.makedirs(out_dir, exist_ok=True)
    counts = {}
    for table in tables:
        have = set(store.columns(table))  # a base of an older schema lacks later columns and tables
        columns = [(c, t) for c, t in cols[table] if c in have]
        names = [c for c, _ in columns]
        if not names:
            continue
        path = os.path.join(out_dir, f"{table}.{fmt}")
        tmp = path + ".part"
        n = 0
        if fmt == "csv":
            with open(tmp, "w", encoding=csv_encoding, newline="") as fh:
                w = csv.writer(fh)
                w.writerow(names)
                for rows in _rows(store, table, names):
                    w.writerows(rows)
                    n += len(rows)
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            types = {"TEXT": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int64(),
                     "DOUBLE PRECISION": pa.float64()}
            arrow_schema = pa.schema([(c, types[t]) for c, t in columns])
            with pq.ParquetWriter(tmp, arrow_schema) as w:
                for rows in _rows(store, table, names):
                    w.write_table(pa.Table.from_pylist([dict(zip(names, r)) for r in rows], schema=arrow_schema))
                    n += len(rows)
        else:
            raise StoreError(f"unknown table format {fmt!r}")
        os.replace(tmp, path)  # a reader never sees a half-written file
        counts[table] = n
    return counts


def iter_articles(store: Store) -> Iterator[dict]:
    """Articles with page metadata and nested facts, in id order."""
    last = 0
    while True:
        arts = store.query(
            "SELECT a.*, p.source AS page_source, p.input AS page_input FROM articles a "
            "JOIN pages p ON p.id = a.page_id WHERE a.id > ? ORDER BY a.id LIMIT ?", [last, CHUNK_ARTICLES])
        if not arts:
            return
        last = arts[-1]["id"]
        ids = [a["id"] for a in arts]
        marks = ", ".join("?" for _ in ids)

        def by_article(sql: str) -> dict[int, list[dict]]:
            out: dict[int, list[dict]] = {}
            for r in store.query(sql.format(marks=marks), ids):
                out.setdefault(r.pop("article_id"), []).append(r)
            return out

        people = by_article("SELECT article_id, person_id, name, titles, source, link_reason FROM article_people "
                            "WHERE article_id IN ({marks}) ORDER BY article_id, name")
        mentions = by_article("SELECT article_id, entity, person_id, organization_id, name, text, start_offset, "
                              "end_offset FROM mentions WHERE article_id IN ({marks}) ORDER BY article_id, id")
        orgs = by_article("SELECT ao.article_id, ao.organization_id, ao.name, o.name AS canonical, ao.kind "
                          "FROM article_organizations ao JOIN organizations o ON o.id = ao.organization_id "
                          "WHERE ao.article_id IN ({marks}) ORDER BY ao.article_id, ao.name")
        places = by_article("SELECT article_id, name, resolved FROM places WHERE article_id IN ({marks}) "
                            "ORDER BY article_id, id")
        statements = by_article("SELECT article_id, seq, kind, speaker, person_id, asked_by, topic, verb, text, "
                                "start_offset AS start, end_offset AS \"end\" FROM statements "
                                "WHERE article_id IN ({marks}) ORDER BY article_id, seq")
        figures = by_article("SELECT article_id, text, value, unit, indicator, period, qualifier, change, "
                             "comparison, start_offset AS start, end_offset AS \"end\" FROM figures "
                             "WHERE article_id IN ({marks}) ORDER BY article_id, start_offset")
        items = by_article("SELECT article_id, list_seq, marker, text, start_offset AS start, end_offset AS \"end\" "
                           "FROM list_items WHERE article_id IN ({marks}) ORDER BY article_id, list_seq, seq")
        lists = by_article("SELECT article_id, seq, statement_seq, start_offset AS start, end_offset AS \"end\" "
                           "FROM lists WHERE article_id IN ({marks}) ORDER BY article_id, seq")
        for a in arts:
            aid = a["id"]
            ment = mentions.get(aid, [])
            pe = []
            for p in people.get(aid, []):
                p["titles"] = json.loads(p["titles"] or "[]")
                p["mentions"] = [{"text": m["text"], "start": m["start_offset"], "end": m["end_offset"]}
                                 for m in ment if m["entity"] == "person" and m["person_id"] == p["person_id"]]
                pe.append(p)
            for o in orgs.get(aid, []):
                o["mentions"] = [{"text": m["text"], "start": m["start_offset"], "end": m["end_offset"]}
                                 for m in ment if m["entity"] == "organization" and m["name"] == o["name"]]
            art_lists = lists.get(aid, [])
            for lst in art_lists:
                lst["items"] = [dict((k, v) for k, v in it.items() if k != "list_seq")
                                for it in items.get(aid, []) if it["list_seq"] == lst["seq"]]
            out = {
                "article_id": aid, "source": a["page_source"], "url": a["url"], "published": a["published"],
                "outlet": a["outlet"], "headline": a["headline"], "subheadline": a["subheadline"],
                "kicker": a["kicker"], "date": a["date"],
                "byline": {"dateline": a["dateline"], "place": a["place"], "outlet": a["byline_outlet"],
                           "reporters": json.loads(a["reporters"] or "[]"),
                           "correspondents": json.loads(a["correspondents"] or "[]")},
                "text": a["text"], "people": pe, "organizations": orgs.get(aid, []),
                "places": places.get(aid, []), "statements": statements.get(aid, []),
                "figures": figures.get(aid, []), "lists": art_lists,
            }
            if a.get("regions"):  # PDF and scans only (a base before schema 3 has no such column)
                out["regions"] = json.loads(a["regions"])
            yield out


def export_jsonl(store: Store, fh: IO[str]) -> int:
    n = 0
    for art in iter_articles(store):
        fh.write(json.dumps(art, ensure_ascii=False) + "\n")
        n += 1
    return n
