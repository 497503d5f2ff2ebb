"""Search at archive scale: latency of a first result page + its count on a
1,000,000-article SQLite base, new code against the old exact path.

Building a million articles through `zhnews ingest` would take hours of
extraction; search only reads `articles` and the full-text index, so the base
is made by repetition instead: the 人民日报 corpus is ingested once (a real
base, real extraction), then its pages and articles are copied in bulk with
new ids, URLs and dates (copy k is shifted k days back, so a one-day filter
selects a realistic slice), and every copy's full-text rows are inserted from
token strings computed once per seed article. Built once into --db and reused
(the build is skipped when the file already holds --articles articles).

Each query is timed (after one untimed warm-up round) as a web search page
does it: first page of 20 results with snippets + the result count.
"baseline" is the code before this benchmark (`exact=True`: bm25 over every
match, COUNT(*) over every match); "scaled" is the default path (bounded
ranking, exact fast count or a labelled estimate); "api" is what
GET /api/search runs (scaled + the web's snippets). Run under nice; the
machine is shared.

    nice .venv/bin/python benchmarks/bench_search_scale.py --db /tmp/zhnews-search-1m.db [--articles 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_kb import CORPUS, pct  # noqa: E402
from zhnews.store import open_store  # noqa: E402
from zhnews.store.ingest import ingest  # noqa: E402
from zhnews.store.tokenize import index_text  # noqa: E402

# Every seed article is repeated ~2,300 times at 1M, so no word is truly rare:
# "rare" words are in one seed article (~2,300 matches) or in none.
QUERIES = {
    "2 chars": ["发展", "山西", "春节", "两会", "煤炭"],
    "3 chars": ["新能源", "高质量", "数字化", "碳达峰"],
    "4 chars": ["人工智能", "乡村振兴", "科技小院", "煤炭产量"],
    "rare word": ["拼多多", "航天员", "量子通信"],
    "2 chars, one-day filter": ["发展", "山西", "春节", "两会", "煤炭"],
}
REPEATS = 10
# Rows per executemany batch while building: big enough to amortize the
# Python loop, small enough to keep the build's memory flat.
BUILD_BATCH = 20_000


def build(db: str, n: int) -> None:
    """A base of `n` articles: the corpus ingested once, then copied."""
    if os.path.exists(db):
        with open_store(db, readonly=True) as s:
            have = n_articles(s)
        if have >= n:
            print(f"reusing {db} ({have:,} articles)", file=sys.stderr)
            return
        os.remove(db)
    rep = ingest([str(CORPUS)], db=db, progress=False)
    assert not rep.errors, rep.errors[:3]
    t0 = time.monotonic()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    seed_pages = conn.execute("SELECT MAX(id) FROM pages").fetchone()[0]
    seeds = conn.execute("SELECT id, headline, text FROM articles ORDER BY id").fetchall()
    stride = max(a for a, _, _ in seeds)
    tokens = [(aid, index_text(h or ""), index_text(t or "")) for aid, h, t in seeds]
    copies = -(-n // len(seeds))
    page_cols = "content_hash, input, published, outlet, format, encoding, warnings, ingested_at"
    art_cols = ("seq, headline, subheadline, kicker, dateline_date, published, outlet, dateline, place, "
                "byline_outlet, reporters, correspondents, text, paragraphs, source_start, source_end")
    conn.execute("BEGIN")
    written = len(seeds)
    for k in range(1, copies):
        take = min(len(seeds), n - written)
        if take <= 0:
            break
        last = seeds[take - 1][0]
        conn.execute(f"INSERT INTO pages (id, source, {page_cols}) SELECT id + ?, source || '#copy' || ?, "
                     f"{page_cols} FROM pages WHERE id <= ?", (k * seed_pages, k, seed_pages))
        conn.execute(f"INSERT INTO articles (id, page_id, date, url, {art_cols}) SELECT id + ?, page_id + ?, "
                     f"date(date, ?), url || '#copy' || ?, {art_cols} FROM articles WHERE id <= ?",
                     (k * stride, k * seed_pages, f"-{k} days", k, last))
        conn.executemany("INSERT INTO article_fts (rowid, headline, body) VALUES (?, ?, ?)",
                         [(aid + k * stride, h, b) for aid, h, b in tokens[:take]])
        written += take
        if k % 200 == 0:
            print(f"  {written:,} articles, {time.monotonic() - t0:.0f} s", file=sys.stderr)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    print(f"built {written:,} articles in {time.monotonic() - t0:.0f} s", file=sys.stderr)


def n_articles(store) -> int:
    return store.scalar("SELECT COUNT(*) FROM articles")


def runner(kind: str):
    """(store, word, **filters) → {"total", "count_exact", "ranking", …}:
    baseline = the old exact path, scaled = the store's default, api = what
    GET /api/search runs (scaled + its own snippets)."""
    from zhnews.store.search import search_page
    from zhnews.web.queries import search as api_search

    if kind == "api":
        return lambda s, w, **f: api_search(s, w, limit=20, **f)
    return lambda s, w, **f: search_page(s, w, limit=20, exact=kind == "baseline", **f)


def measure(db: str, kind: str, repeats: int) -> dict:
    search_page = runner(kind)
    out = {}
    with open_store(db, readonly=True) as s:
        # A typical day (the median date: ~430 articles), not the newest, which
        # only the last seed copy reaches.
        day = s.scalar("SELECT date FROM articles ORDER BY date LIMIT 1 OFFSET ?", [n_articles(s) // 2])
        for label, words in QUERIES.items():
            times, counts = [], {}
            filters = {"date_from": day, "date_to": day} if "filter" in label else {}
            for w in words:  # warm-up: the first query of a word reads its index pages from disk
                search_page(s, w, **filters)
            for _ in range(repeats):
                for w in words:
                    t = time.perf_counter()
                    page = search_page(s, w, **filters)
                    times.append((time.perf_counter() - t) * 1000)
                    counts[w] = (page["total"], page["count_exact"], page["ranking"])
            out[label] = {"p50_ms": round(pct(times, 50), 1), "p95_ms": round(pct(times, 95), 1),
                          "queries": len(times), "counts": counts}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "zhnews-search-1m.db"))
    ap.add_argument("--repeats", type=int, default=REPEATS)
    ap.add_argument("--baseline-repeats", type=int, default=3,
                    help="repeats of the old exact path (slow at this scale)")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    build(args.db, args.articles)
    with open_store(args.db, readonly=True) as s:
        n = n_articles(s)
    result = {"articles": n, "db_size_mb": round(os.path.getsize(args.db) / 1e6),
              "baseline": measure(args.db, "baseline", args.baseline_repeats),
              "scaled": measure(args.db, "scaled", args.repeats),
              "api": measure(args.db, "api", args.repeats)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n| {n:,} articles | baseline p50 / p95 ms | scaled p50 / p95 ms | API p50 / p95 ms "
          "| counts (scaled; ~ = estimate) |")
    print("|---|---:|---:|---:|---|")
    for label in QUERIES:
        b, s, a = (result[k][label] for k in ("baseline", "scaled", "api"))
        shown = ", ".join(f"{w} {'' if ex else '~'}{c:,}" for w, (c, ex, _) in s["counts"].items())
        print(f"| {label} | {b['p50_ms']} / {b['p95_ms']} | {s['p50_ms']} / {s['p95_ms']} | "
              f"{a['p50_ms']} / {a['p95_ms']} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
