"""Extraction on a Dask cluster → partitioned Parquet → the knowledge base.

    zhnews extract --engine dask --scheduler tcp://host:8786 archive/*.jsonl --out parts/
    zhnews ingest --from-parquet parts/ --db zhnews.db           # or a postgresql:// DSN

The client (this process) reads the inputs lazily and cuts them into
partitions of consecutive inputs; each partition is one task that extracts its
inputs on a worker and writes `part-NNNNNN.parquet` itself, so no article ever
passes through the client and a cluster of any size is not limited by it. At
most a few partitions per worker thread are in flight, so the client's memory
is flat whatever the archive size. The client reads file inputs and ships
their bytes, so workers need not see the client's disk; the output folder
must be one every worker can write (shared file system), as with any Dask
Parquet writer.

One row per article; page-level columns repeat on each article of a page,
facts are JSON strings (one schema for every partition, whatever the facts).
`read_pages()` gives back exactly the page dicts `zhnews extract --format jsonl`
prints, in input order.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from typing import Callable, Iterable, Iterator

from .errors import ZhnewsError

log = logging.getLogger(__name__)

# Inputs per partition: one partition is one task and one Parquet file. 500
# archive records are ~1.5M characters (seconds of work) — long enough that
# scheduling overhead is noise, short enough that a lost worker costs little.
PARTITION_INPUTS = 500
# …and at most this many bytes of input per partition: task arguments travel
# through the scheduler, which warns about (and slows on) multi-MB tasks.
PARTITION_BYTES = 4 * 1024 * 1024
# Partitions in flight per worker thread: one running, one queued, so a worker
# never idles while the client reads the next partition.
IN_FLIGHT_PER_THREAD = 2
# Seconds to wait for the scheduler before telling the user it is unreachable.
CONNECT_TIMEOUT = 10

ARTICLE_COLUMNS = ("headline", "subheadline", "kicker", "date", "text", "source_start", "source_end")
PAGE_COLUMNS = ("input", "published", "outlet", "format", "encoding", "script")
# Article fields stored as JSON text (nested, schema varies with the facts).
JSON_COLUMNS = ("byline", "deck", "continued", "paragraphs", "joins", "people", "organizations", "places",
                "statements", "figures", "lists", "regions")
# Article fields a page has only when they apply (Article.to_dict leaves them out otherwise).
OPTIONAL_COLUMNS = ("regions",)


def arrow_schema():
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    return pa.schema(
        [("seq", i), ("source", s), ("content_hash", s), ("url", s), ("warnings", s)]
        + [("page_" + c if c == "input" else c, s) for c in PAGE_COLUMNS]
        + [("article_seq", i)]
        + [(c, i if c.startswith("source_") else s) for c in ARTICLE_COLUMNS]
        + [(c, s) for c in JSON_COLUMNS]
    )


def page_rows(seq: int, source: str, content_hash: str, url: str | None, page: dict) -> list[dict]:
    """A page dict → its article rows (a page without articles keeps one row
    with article_seq = -1, so no page is lost)."""
    base = {"seq": seq, "source": source, "content_hash": content_hash, "url": url,
            "warnings": json.dumps(page.get("warnings") or [], ensure_ascii=False)}
    for c in PAGE_COLUMNS:
        base["page_input" if c == "input" else c] = page.get(c)
    rows = []
    for k, art in enumerate(page.get("articles") or []):
        row = dict(base, article_seq=k)
        for c in ARTICLE_COLUMNS:
            row[c] = art.get(c)
        for c in JSON_COLUMNS:
            row[c] = json.dumps(art.get(c), ensure_ascii=False)
        rows.append(row)
    return rows or [dict(base, article_seq=-1)]


def rows_to_page(rows: list[dict]) -> dict:
    """Inverse of page_rows: the page dict `zhnews extract` prints."""
    r0 = rows[0]
    page = {"input": r0["page_input"], "published": r0["published"], "outlet": r0["outlet"],
            "format": r0["format"], "encoding": r0["encoding"],
            "warnings": json.loads(r0["warnings"] or "[]"), "script": r0.get("script") or "simplified",
            "articles": []}
    for r in rows:
        if r["article_seq"] < 0:
            continue
        art = {c: r.get(c) for c in ARTICLE_COLUMNS}
        for c in JSON_COLUMNS:  # parts written before a field existed lack its column
            art[c] = json.loads(r[c]) if r.get(c) is not None else None
        for c in OPTIONAL_COLUMNS:
            if art[c] is None:
                del art[c]
        page["articles"].append(art)
    return page


# -- on the workers ---------------------------------------------------------------
def extract_partition(part: int, first_seq: int, items: list, out_dir: str,
                      date: str | None = None, outlet: str | None = None) -> dict:
    """Worker task: extract a partition's work items (zhnews.work) and write
    its Parquet file. Returns counts and the errors (one line each, as
    `zhnews extract` prints them). Pages are keyed by the knowledge base's
    own rule (`WorkItem.page_source`, `content_hash`), so loading the Parquet
    and ingesting the same archive skip each other's work."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .batch import Skipped, extract_one

    rows: list[dict] = []
    errors: list[str] = []
    pages = skipped = 0
    for k, item in enumerate(items):
        name, page, error = extract_one(item, date, outlet)
        if isinstance(error, Skipped):  # furniture only: counted, not an error (as in the local run)
            skipped += 1
            continue
        if error:
            errors.append(error)
            continue
        rows.extend(page_rows(first_seq + k, item.page_source, item.content_hash(), item.url, page))
        pages += 1
    path = os.path.join(out_dir, f"part-{part:06d}.parquet")
    tmp = path + ".tmp"
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)  # a reader never sees a half-written partition
    return {"part": part, "pages": pages, "articles": sum(1 for r in rows if r["article_seq"] >= 0),
            "skipped": skipped, "errors": errors, "worker": f"{socket.gethostname()}:{os.getpid()}"}


# -- on the client --------------------------------------------------------------------
def partitions(items: Iterable, max_inputs: int = PARTITION_INPUTS,
               max_bytes: int = PARTITION_BYTES) -> Iterator[list]:
    """Consecutive work items, files among them: a partition is a Parquet
    file, and a few of them per worker keep the cluster busy."""
    part: list = []
    size = 0
    for item in items:
        part.append(item)
        size += len(item.data or b"")
        if len(part) >= max_inputs or size >= max_bytes:
            yield part
            part, size = [], 0
    if part:
        yield part


def dask_extract(inputs: list[str], out_dir: str, scheduler: str, date: str | None = None,
                 outlet: str | None = None, partition_inputs: int = PARTITION_INPUTS,
                 on_error: Callable[[str], None] | None = None,
                 on_partition: Callable[[dict], None] | None = None) -> dict:
    """Run the extraction of `inputs` on the cluster at `scheduler`, writing
    Parquet partitions into `out_dir`. Returns a summary (also written to
    `out_dir/_manifest.json`); each failed input's message goes to on_error
    (and the log) as it comes and to `_errors.jsonl`; on_partition gets each
    finished partition's counts; furniture-only records are counted in
    `skipped`, not errors."""
    from dask.distributed import Client, wait

    from .work import find_inputs, iter_items, readable

    out_dir = os.path.abspath(out_dir)
    if os.path.isfile(out_dir):
        raise ZhnewsError(f"{out_dir}: --out must be a folder for Parquet partitions, not a file")
    os.makedirs(out_dir, exist_ok=True)
    if any(f.startswith("part-") and f.endswith(".parquet") for f in os.listdir(out_dir)):
        raise ZhnewsError(f"{out_dir}: already holds Parquet partitions of another run; give an empty folder")
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ZhnewsError(f"cannot reach the Dask scheduler at {scheduler!r} ({type(exc).__name__}: {exc})") from None
    started = time.monotonic()
    run_id = uuid.uuid4().hex[:12]  # task keys unique per run, even from one client process
    errors: list[str] = []
    summary = {"inputs": 0, "pages": 0, "articles": 0, "partitions": 0, "errors": 0, "skipped": 0}
    workers: set[str] = set()
    err_path = os.path.join(out_dir, "_errors.jsonl")
    try:
        threads = max(1, sum(client.nthreads().values()))
        window = threads * IN_FLIGHT_PER_THREAD
        pending = set()
        seq = 0

        def collect(done) -> None:
            for fut in done:
                res = fut.result()  # a task that raised (worker bug, disk full) stops the run
                summary["pages"] += res["pages"]
                summary["articles"] += res["articles"]
                summary["skipped"] += res["skipped"]
                workers.add(res["worker"])
                for e in res["errors"]:
                    fail(e)
                log.info("partition %s: %s pages, %s articles", res["part"], res["pages"], res["articles"])
                if on_partition is not None:
                    on_partition(res)
                fut.release()

        def fail(message: str) -> None:
            errors.append(message)
            log.info("input failed: %s", message)
            if on_error is not None:
                on_error(message)

        # Files are read here: the workers may not see this disk.
        to_extract = readable(iter_items(find_inputs(inputs), read=True), lambda u: fail(str(u)))
        for part, items in enumerate(partitions(to_extract, partition_inputs)):
            pending.add(client.submit(extract_partition, part, seq, items, out_dir, date, outlet, pure=False,
                                      key=f"zhnews-extract-{run_id}-{part}"))
            seq += len(items)
            summary["partitions"] += 1
            while len(pending) >= window:
                done, pending = wait(pending, return_when="FIRST_COMPLETED")
                collect(done)
        if pending:
            done, _ = wait(pending)
            collect(done)
        summary["inputs"] = seq
    finally:
        client.close()
    summary["errors"] = len(errors)
    summary["workers"] = len(workers)  # worker processes that wrote partitions
    summary["seconds"] = round(time.monotonic() - started, 3)
    if errors:
        with open(err_path, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps({"error": e}, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "_manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=2)
    return summary


# -- reading the result back -----------------------------------------------------------
def part_files(parquet_dir: str) -> list[str]:
    if not os.path.isdir(parquet_dir):
        raise ZhnewsError(f"{parquet_dir}: no such folder")
    files = sorted(f for f in os.listdir(parquet_dir) if f.startswith("part-") and f.endswith(".parquet"))
    if not files:
        raise ZhnewsError(f"{parquet_dir}: holds no part-*.parquet files (not a `zhnews extract --engine dask` output)")
    return [os.path.join(parquet_dir, f) for f in files]


def iter_page_rows(parquet_dir: str) -> Iterator[tuple[str, str, str | None, dict]]:
    """(source, content_hash, url, page dict) in input order, one row group at
    a time (memory bounded by a partition's row group, not the dataset)."""
    import pyarrow.parquet as pq

    for path in part_files(parquet_dir):
        pf = pq.ParquetFile(path)
        group: list[dict] = []
        for rg in range(pf.num_row_groups):
            for r in pf.read_row_group(rg).to_pylist():
                if group and r["seq"] != group[0]["seq"]:
                    yield group[0]["source"], group[0]["content_hash"], group[0]["url"], rows_to_page(group)
                    group = []
                group.append(r)
        if group:
            yield group[0]["source"], group[0]["content_hash"], group[0]["url"], rows_to_page(group)


def read_pages(parquet_dir: str) -> Iterator[dict]:
    """The page dicts of a Parquet output, as `zhnews extract --format jsonl` prints them."""
    for _, _, _, page in iter_page_rows(parquet_dir):
        yield page


def load_parquet(parquet_dir: str, db: str | None = None, force: bool = False,
                 progress: bool | None = False, batch_articles: int | None = None) -> dict:
    """Load a `zhnews extract --engine dask` output into the knowledge base at
    `db` (SQLite path or postgresql:// DSN) with the store's own writer
    (`zhnews.store.ingest.write_pages`): same rows, people consolidation,
    full-text index and batching as `zhnews ingest`. Pages whose content is
    already in the base are skipped (unless force), so a load can be re-run
    after an interruption; a page that cannot be stored is reported in
    `failed`/`errors` and the rest is loaded."""
    import pyarrow.parquet as pq

    from .store.ingest import BATCH_ARTICLES, write_pages

    files = part_files(parquet_dir)  # fail before creating a base
    # Articles (rows) from the footers only: the progress bar's scale.
    total = sum(pq.ParquetFile(f).metadata.num_rows for f in files)

    def pages() -> Iterator[tuple[str, str, dict]]:
        for source, content_hash, url, page in iter_page_rows(parquet_dir):
            if url:
                for art in page["articles"]:
                    art.setdefault("url", url)
            yield source, content_hash, page

    rep = write_pages(pages(), db, force=force, progress=progress, total=total,
                      batch_articles=batch_articles or BATCH_ARTICLES)
    return {"pages": rep.pages, "articles": rep.articles, "skipped": rep.skipped, "partitions": len(files),
            "failed": rep.failed, "errors": [{"source": s, "error": e} for s, e in rep.errors],
            "interrupted": rep.interrupted}
