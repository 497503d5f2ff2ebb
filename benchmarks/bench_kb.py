"""Knowledge-base benchmark: ingest throughput and search latency on a large base.

The base is built from the 人民日报 corpus (shared/data/rmrb-2026-01-unlabeled.jsonl)
duplicated with new URLs until it holds --articles articles (100k by default).

Two ingest measurements:
  full   `zhnews ingest` of JSONL article records: extraction in worker
         processes + the single writer (what a user waits for);
  store  the same archive as already-extracted page JSON lines (one extraction
         of each corpus record, repeated): the writer alone (its ceiling).
Then search latency (p50/p95 over repeated queries of 1-, 2-, 3-, 4- and
5-character words, with and without filters) on the full base.

    .venv/bin/python benchmarks/bench_kb.py --articles 100000 [--db /tmp/kb.db] [--mode full|store|both]
    .venv/bin/python benchmarks/bench_kb.py --db /tmp/kb.db --search-only
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews.store import open_store  # noqa: E402
from zhnews.store.ingest import extract_units, ingest, iter_units  # noqa: E402
from zhnews.store.search import count, search  # noqa: E402

CORPUS = Path("/work/shared/data/rmrb-2026-01-unlabeled.jsonl")
if not CORPUS.exists():
    CORPUS = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"

QUERIES = {
    1: ["煤", "湾"],
    2: ["山西", "煤炭", "春节", "两会", "发展"],
    3: ["拼多多", "新能源", "农业农村", "数字化"],
    4: ["人工智能", "科技小院", "乡村振兴", "煤炭产量"],
    5: ["高质量发展", "新质生产力"],
}
REPEATS = 20


def build_archive(path: Path, n: int, pages: bool) -> int:
    """n article lines: records (pages=False) or extracted page dicts (pages=True)."""
    with open(CORPUS, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    lines = []
    if pages:
        units = [u for u in iter_units(__import__("zhnews.store.ingest", fromlist=["x"]).discover_inputs(
            [str(CORPUS)]), {}) if not isinstance(u, tuple)]
        for unit, page, _ in extract_units(units):
            if page is None:  # page furniture only (本版责编…): ingest skips it
                continue
            for a in page["articles"]:
                a["url"] = unit.source
            lines.append(page)
    else:
        lines = recs
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        copy = 0
        while written < n:
            for item in lines:
                if written >= n:
                    break
                if pages:
                    item = json.loads(json.dumps(item))
                    for a in item["articles"]:
                        a["url"] = f"{a['url']}#copy{copy}"
                    item["input"] = item["articles"][0]["url"] if item["articles"] else None
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
                    written += len(item["articles"])
                else:
                    out.write(json.dumps(dict(item, url=f"{item['url']}#copy{copy}"), ensure_ascii=False) + "\n")
                    written += 1
            copy += 1
    return written


def bench_ingest(archive: Path, db: str, jobs: int | None) -> dict:
    # The base repeats one archive on its own dates: linked as near-copies, every
    # repetition would count once and search would measure one archive.
    rep = ingest([str(archive)], db=db, jobs=jobs, progress=sys.stderr.isatty(), link_copies=False)
    assert not rep.errors, rep.errors[:3]
    return {"articles": rep.articles, "seconds": round(rep.seconds, 1),
            "articles_per_s": round(rep.articles / rep.seconds, 1)}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def bench_search(db: str) -> dict:
    out = {}
    with open_store(db, readonly=True) as s:
        n_articles = s.scalar("SELECT COUNT(*) FROM articles")
        dates = s.query("SELECT MIN(date) AS lo, MAX(date) AS hi FROM articles")[0]
        for label, kwargs in (("query", {}), ("query + date range", {"date_from": dates["hi"], "date_to": dates["hi"]}),
                              ("query, newest first", {"order": "date"})):
            for length, words in QUERIES.items():
                times, hits = [], []
                for _ in range(REPEATS):
                    for w in words:
                        t = time.perf_counter()
                        search(s, w, limit=20, **kwargs)
                        times.append((time.perf_counter() - t) * 1000)
                if label == "query":
                    hits = [count(s, w) for w in words]
                out[f"{label}, {length} chars"] = {
                    "p50_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
                    "matches": hits or None, "queries": len(times)}
    return {"articles_in_base": n_articles, "latency": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file or postgresql:// DSN for the full-ingest base (default: a temp file)")
    ap.add_argument("--mode", choices=("full", "store", "both"), default="both")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--search-only", action="store_true", help="only measure search on an existing --db")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="zhnews-bench-"))
    result: dict = {"cores": os.cpu_count(), "articles": args.articles}
    db = args.db or str(tmp / "kb.db")
    if not args.search_only:
        if args.mode in ("store", "both"):
            archive = tmp / "pages.jsonl"
            build_archive(archive, args.articles, pages=True)
            store_db = str(tmp / "kb-store.db") if args.mode == "both" else db
            result["ingest_store_only"] = bench_ingest(archive, store_db, args.jobs)
            print("store-only ingest:", result["ingest_store_only"], file=sys.stderr)
        if args.mode in ("full", "both"):
            archive = tmp / "records.jsonl"
            build_archive(archive, args.articles, pages=False)
            result["ingest_full"] = bench_ingest(archive, db, args.jobs)
            print("full ingest:", result["ingest_full"], file=sys.stderr)
        if args.mode == "store":
            pass
        elif args.mode == "both":
            os.remove(tmp / "kb-store.db") if not args.db else None
    search_db = db if args.mode != "store" or args.search_only else db
    result["search"] = bench_search(search_db)
    if not db.startswith("postgres"):
        result["db_size_mb"] = round(os.path.getsize(db) / 1e6, 1)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n| measure | p50 ms | p95 ms | matches |\n|---|---|---|---|")
    for k, v in result["search"]["latency"].items():
        print(f"| {k} | {v['p50_ms']} | {v['p95_ms']} | {v['matches'] or ''} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
