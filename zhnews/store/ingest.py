"""Ingest an archive: files, folders, globs and JSONL → the knowledge base.

Inputs become work items by `zhnews.work` (the path `extract` and the Dask
runner take) and are extracted on `zhnews.workers.run_ordered` (the pool
`extract` uses), all cores by default; this process is the one writer. Results are written in submission order (so
person consolidation is the same on every run) in batches, one transaction
each: a batch is committed whole or not at all, and a process killed at any
moment leaves every committed page intact. Every input is identified by its
`source` (`WorkItem.page_source`: path, or URL / file#Lline for a JSONL
record) and its content hash:
content already in the base is skipped before extraction (re-ingest changes
nothing, an interrupted ingest resumes where it stopped), and a source that
comes back with other content replaces its old articles. An input that fails
is recorded in `ingest_errors` and the report, and the rest goes on.

Memory does not grow with the input or the base: inputs are read lazily, at
most a bounded window of them is in flight, and "is this content already
stored?" is asked of the database (the `pages.content_hash` index), a few
hundred hashes per query before extraction and once more per page at write
time (duplicates inside one run), never kept in a set. Progress is counted
in bytes of input, so nothing is read twice to count it first.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..errors import InputError, NotAnArticle, ZhnewsError, reason_for
from ..provenance import extractor_id
from ..read import Source
from ..work import (PAGE_JSON_SUFFIXES, Skipped, Unreadable, WorkItem, chunked, extract_item, find_inputs,
                    input_bytes, item_source, iter_items, read_line, readable)
from ..workers import default_jobs, run_ordered
from . import dedup, open_store
from .base import Store
from .people import Consolidator
from .writer import delete_page, page_dict, record_error, write_page

log = logging.getLogger(__name__)

# Articles per transaction: large enough that commit cost (an fsync in WAL
# mode) is noise, small enough that an interruption loses little work.
BATCH_ARTICLES = 500
# …and at most this many seconds of work per transaction, whatever the size.
MAX_BATCH_SECONDS = 2.0
# Inputs whose content hashes are looked up in the base with one query before
# extraction: one round trip per few hundred inputs instead of one per input…
LOOKUP_UNITS = 256
# …and at most this many bytes of them waiting for the lookup (files are read
# here to hash them, and hold their bytes until they are submitted).
LOOKUP_BYTES = 8 * 1024 * 1024
# Failure messages kept in the Report: every failure is counted, stored in
# table `ingest_errors` and passed to `on_error`, but an archive with a
# million bad lines must not fill memory with their messages.
MAX_REPORTED_ERRORS = 1000
# How zhnews.extraction.extract_record says a record is page furniture only
# (a 本版责编 / 版式设计 credit box the archive cut out as if it were an
# article). Matched on the reason text because the extractor raises a plain
# InputError; a dedicated exception class there would be sturdier.
FURNITURE_REASON = "record holds no article text"


@dataclass
class Report:
    inputs: int = 0
    pages: int = 0
    articles: int = 0
    skipped: int = 0
    furniture: int = 0  # records that are page furniture only (本版责编…): neither stored nor failed
    linked: int = 0  # stored articles that are near-copies of another (store/dedup.py): counted once
    failed: int = 0  # every failure; `errors` keeps the first MAX_REPORTED_ERRORS messages
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    outdated: int = 0  # pages of the base another extractor made, after this run

    def as_dict(self) -> dict:
        return {"inputs": self.inputs, "pages": self.pages, "articles": self.articles, "skipped": self.skipped,
                "furniture": self.furniture, "linked": self.linked, "failed": self.failed, "errors": [{"source": s, "error": e} for s, e in self.errors],
                "seconds": round(self.seconds, 3), "interrupted": self.interrupted, "outdated": self.outdated}

    def add_error(self, source: str, error: str) -> None:
        self.failed += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append((source, error))


# -- planning: inputs → work items (zhnews.work, the path extract and Dask take too)
def plan(paths: list[str]) -> list[Source | Unreadable]:
    """The inputs, discovered (page .json files named one by one included).
    Standard input has no name to key a page by, so it is refused."""
    sources = find_inputs(paths, page_json=True)
    return [Unreadable("-", "-", "standard input cannot be ingested; save it to a file")
            if isinstance(s, Source) and s.path is None else s for s in sources]


def outdated_pages(store: Store) -> int:
    """Pages of the base another extractor made (or one from before provenance
    was recorded): what `--reextract outdated` would redo given their inputs."""
    return int(store.scalar("SELECT COUNT(*) FROM pages WHERE extractor IS NULL OR extractor <> ?",
                            [extractor_id()]) or 0)


def stored_hashes(store: Store, hashes: list[str], min_page_id: int | None = None,
                  extractor: str | None = None) -> set[str]:
    """Which of these content hashes the base already holds (in pages with
    id ≥ min_page_id when given; made by `extractor` when given, so that pages
    an older extractor made count as not stored): an indexed query per
    LOOKUP_UNITS hashes."""
    found: set[str] = set()
    for i in range(0, len(hashes), LOOKUP_UNITS):
        part = hashes[i : i + LOOKUP_UNITS]
        sql = f"SELECT DISTINCT content_hash FROM pages WHERE content_hash IN ({', '.join('?' for _ in part)})"
        if min_page_id is not None:
            sql += " AND id >= ?"
            part = part + [min_page_id]
        if extractor is not None:
            sql += " AND extractor = ?"
            part = part + [extractor]
        found.update(r[0] for r in store.execute(sql, part).fetchall())
    return found


# -- extraction (in workers) --------------------------------------------------
class FurnitureOnly(ZhnewsError):
    """A record that holds page furniture only: skipped and counted, not an error."""


def record_to_page_dict(record: dict, defaults: dict) -> dict:
    """An article record {url, date, page, title, paragraphs} → a page dict of one article."""
    if not (record.get("paragraphs") or record.get("text")):
        raise ZhnewsError("an article record needs `paragraphs` (a list of strings) or `text`")
    try:
        from ..extraction import extract_record  # the shared extractor's record adapter
    except ImportError:
        extract_record = None
    page = None
    if extract_record is not None:
        try:
            page = extract_record(record)
        except ZhnewsError as e:
            if isinstance(e, NotAnArticle) or FURNITURE_REASON in str(e):
                raise FurnitureOnly(str(e)) from None
            # The archive already cut this item out of its page and the layout
            # rules find no article in it: keep the text as given.
            page = _fallback_record_page(record, defaults)
            if not any(a.text for a in page.articles):
                raise
            page.warnings.append(f"extractor: {e}; stored the record as given")
    else:
        page = _fallback_record_page(record, defaults)
    d = page.to_dict()
    for art in d["articles"]:
        art.setdefault("url", record.get("url"))
        if not art.get("url"):
            art["url"] = record.get("url")
    return d


def _fallback_record_page(record: dict, defaults: dict):
    from ..model import Article, Page, Paragraph
    from ..pipeline import annotate_page

    paras = record.get("paragraphs")
    if not isinstance(paras, list):
        paras = str(record.get("text") or "").split("\n")
    paras = [str(p).strip() for p in paras if str(p).strip()]
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(pos, pos + len(p)))
        pos += len(p) + 1
    date = record.get("date") if isinstance(record.get("date"), str) else None
    art = Article(headline=str(record.get("title") or record.get("headline") or "").strip(),
                  text="\n".join(paras), date=date, paragraphs=spans)
    page = Page(input=record.get("url"), articles=[art], published=date,
                outlet=record.get("outlet") or defaults.get("outlet"), format="jsonl")
    return annotate_page(page)


def _check_page_dict(d: dict) -> dict:
    arts = d.get("articles")
    if not isinstance(arts, list):
        raise ZhnewsError("not a zhnews page: no `articles` list")
    for a in arts:
        if not isinstance(a, dict) or not isinstance(a.get("text"), str):
            raise ZhnewsError("not an extracted page: an article has no `text` (a gold file?)")
    return d


def add_search_tokens(page: dict) -> dict:
    """Tokenizing is CPU work: done here in the worker, not in the one writer."""
    from .tokenize import index_text

    for art in page.get("articles") or []:
        art["_fts"] = (index_text(art.get("headline") or ""), index_text(art.get("text") or ""))
    return page


def extract_page(item: WorkItem, defaults: dict) -> dict:
    """One item → the page dict to store: a JSONL line is an article record
    or an extracted page, a `.json` file an extracted page, any other file a
    page to extract. --outlet/--date only fill in what a page does not say
    (writer.write_page), so they are not passed to the extractor."""
    if item.kind == "line":
        obj = read_line(item)
        if "articles" in obj:
            return _check_page_dict(obj)
        return record_to_page_dict(obj, defaults)
    if item.name.lower().endswith(PAGE_JSON_SUFFIXES):
        try:
            obj = json.loads(item_source(item).read_bytes().decode("utf-8", "replace"))
        except json.JSONDecodeError as e:
            raise ZhnewsError(f"not JSON ({e})") from None
        if not isinstance(obj, dict):
            raise ZhnewsError("not a zhnews page JSON object")
        return _check_page_dict(obj)
    return page_dict(extract_item(item))


def extract_task(task: tuple[dict, list[WorkItem]]) -> list[tuple[WorkItem, dict | None, str | None]]:
    """Worker entry point: (item, page, None), (item, None, message) or, for a
    furniture-only record, (item, None, Skipped(…)); never raises for one bad
    input. The item comes back without its bytes (not needed any more)."""
    defaults, items = task
    out = []
    for item in items:
        try:
            page, error = add_search_tokens(extract_page(item, defaults)), None
        except FurnitureOnly as e:
            page, error = None, Skipped(str(e))
        except ZhnewsError as e:
            page, error = None, _reason(item, e)
        except Exception as e:  # an extractor bug must not stop the archive
            page, error = None, f"internal error in extraction: {type(e).__name__}: {e}"
        item.data = None
        out.append((item, page, error))
    return out


def _reason(item: WorkItem, exc: ZhnewsError) -> str:
    """The message stored beside the item's source: without the item's name
    when the error names it already (under either of its names)."""
    if isinstance(exc, InputError) and exc.source in (item.name, item.source, item.page_source):
        return exc.reason
    return reason_for(item.page_source, exc)


# -- the writer -----------------------------------------------------------------
class _Writer:
    def __init__(self, store: Store, report: Report, batch_articles: int, force: bool = False,
                 on_error: Callable[[str, str], None] | None = None, extractor: str | None = None,
                 link_copies: bool = True, defaults: dict | None = None):
        self.store = store
        self.defaults = defaults or {}
        # With --reextract outdated: the current extractor id; pages another one
        # made are re-extracted and replace the old page of the same content.
        self.extractor = extractor
        self.link_copies = link_copies
        self.cons = Consolidator(store)
        self.report = report
        self.batch_articles = batch_articles
        self.force = force
        self.on_error = on_error
        # Id of the first page this run wrote: with --force, only content
        # stored at or after it is a duplicate of this run (ids only grow).
        self.first_page_id: int | None = None
        self.buffer: list[tuple[WorkItem | None, dict | None, str | None, str]] = []
        self.buffered_articles = 0
        self.last_flush = time.monotonic()

    def add(self, unit: WorkItem | None, page: dict | None, error: str | None, source: str) -> None:
        self.buffer.append((unit, page, error, source))
        self.buffered_articles += len(page["articles"]) if page else 0
        if (self.buffered_articles >= self.batch_articles
                or time.monotonic() - self.last_flush >= MAX_BATCH_SECONDS):
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        first_page_id = self.first_page_id
        try:
            counts = self._write_batch(savepoints=False)
        except _PageFailed:
            # Rolled back whole; again with a savepoint per page so that only the
            # bad page is left out (savepoints make FTS5 flush, hence not always).
            self.first_page_id = first_page_id
            counts = self._write_batch(savepoints=True)
        written_pages, written_articles, duplicates, furniture, errors = counts
        log.info("committed %d pages, %d articles (%d already stored, %d furniture, %d failed)",
                 written_pages, written_articles, duplicates, furniture, len(errors))
        # Counted only once committed: the report never claims uncommitted work.
        self.report.pages += written_pages
        self.report.articles += written_articles
        self.report.skipped += duplicates
        self.report.furniture += furniture
        for source, error in errors:
            self.report.add_error(source, error)
            if self.on_error is not None:
                self.on_error(source, error)
        self.buffer, self.buffered_articles = [], 0
        self.last_flush = time.monotonic()

    def _stored(self) -> set[str]:
        """Content hashes of this batch the base holds already — stored by an
        earlier batch of this run (the same content twice in the input) or by
        another writer since the look-ahead asked. The database remembers,
        not a set that grows with the input; with --force only this run's
        pages count."""
        hashes = [u.content_hash() for u, page, _, _ in self.buffer if page is not None]
        if self.force:
            if self.first_page_id is None:
                return set()
            return stored_hashes(self.store, hashes, self.first_page_id)
        return stored_hashes(self.store, hashes, extractor=self.extractor)

    def _write_batch(self, savepoints: bool) -> tuple[int, int, int, int, list[tuple[str, str]]]:
        written_pages = written_articles = duplicates = furniture = 0
        errors = []
        with self.store.transaction():
            self.cons.reset()
            stored = self._stored()  # inside the transaction: no writer can slip in between
            in_batch: set[str] = set()  # bounded by the batch
            written: list[int] = []  # page ids, for the near-duplicate links
            for unit, page, error, source in self.buffer:
                if isinstance(error, Skipped):  # a furniture-only record
                    self._drop_furniture(source)
                    furniture += 1
                    continue
                if error is None and (unit.content_hash() in stored or unit.content_hash() in in_batch):
                    duplicates += 1  # the same content twice in this run
                    continue
                if error is None:
                    if savepoints:
                        self.store.execute("SAVEPOINT page")
                    try:
                        if self.extractor is not None:
                            self._drop_outdated(unit.content_hash(), source)
                        n = write_page(self.store, self.cons, source, unit.content_hash(), page, self.defaults)
                    except Exception as e:  # bad values in one page: skip it, keep the batch
                        if not savepoints:
                            raise _PageFailed() from e
                        self.store.execute("ROLLBACK TO SAVEPOINT page")
                        self.store.execute("RELEASE SAVEPOINT page")
                        self.cons.reset()
                        error = f"cannot store: {type(e).__name__}: {e}"
                    else:
                        if savepoints:
                            self.store.execute("RELEASE SAVEPOINT page")
                        written.append(self.store.scalar("SELECT id FROM pages WHERE source = ?", [source]))
                        if self.first_page_id is None:
                            self.first_page_id = written[-1]
                        in_batch.add(unit.content_hash())
                        written_pages += 1
                        written_articles += n
                if error is not None:
                    record_error(self.store, source, error)
                    errors.append((source, error))
            if self.link_copies:
                self.report.linked += dedup.link_pages(self.store, written)
        return written_pages, written_articles, duplicates, furniture, errors

    def _drop_outdated(self, content_hash: str, source: str) -> None:
        """The pages an older extractor made of this content, stored under
        another source name (the file moved): the re-extracted page replaces
        them rather than standing beside them."""
        for r in self.store.query("SELECT id FROM pages WHERE content_hash = ? AND source <> ? "
                                  "AND (extractor IS NULL OR extractor <> ?)", [content_hash, source, self.extractor]):
            delete_page(self.store, self.cons, r["id"])

    def _drop_furniture(self, source: str) -> None:
        """A furniture-only record has nothing to store; a page an older
        zhnews stored for it (the credit line as an article) goes, and so
        does a failure recorded for it."""
        old = self.store.scalar("SELECT id FROM pages WHERE source = ?", [source])
        if old is not None:
            delete_page(self.store, self.cons, old)
        self.store.execute("DELETE FROM ingest_errors WHERE source = ?", [source])


class _PageFailed(Exception):
    """A page could not be written; the batch is rolled back and retried carefully."""


def _unstored(entries: Iterable, store: Store, report: Report, force: bool, bar,
              extractor: str | None = None, key: Callable = lambda item: item) -> Iterator:
    """The entries whose content the base does not hold yet, in order: one
    "already stored?" query per LOOKUP_UNITS of them (or LOOKUP_BYTES of
    their bytes); the others are counted as skipped. `key` finds an entry's
    WorkItem."""
    waiting: list = []
    nbytes = 0

    def drain() -> Iterator:
        known = set() if force else stored_hashes(store, [key(e).content_hash() for e in waiting],
                                                  extractor=extractor)
        for e in waiting:
            item = key(e)
            if item.content_hash() in known:
                report.skipped += 1
                bar.update(item.nbytes)
            else:
                yield e

    for e in entries:
        waiting.append(e)
        nbytes += len(key(e).data or b"")
        if len(waiting) >= LOOKUP_UNITS or nbytes >= LOOKUP_BYTES:
            yield from drain()
            waiting, nbytes = [], 0
    yield from drain()


def _progress_bar(total: int, unit: str, progress: bool | None):
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, unit_scale=unit == "B", unit_divisor=1024 if unit == "B" else 1000,
                disable=(not sys.stderr.isatty()) if progress is None else not progress,
                file=sys.stderr, dynamic_ncols=True)


def ingest(paths: list[str], db: str | None = None, jobs: int | None = None,
           batch_articles: int = BATCH_ARTICLES, force: bool = False, progress: bool | None = None,
           defaults: dict | None = None, on_error: Callable[[str, str], None] | None = None,
           reextract: bool = False, link_copies: bool = True) -> Report:
    """Ingest `paths` into the base at `db`; returns what was done.

    progress=None shows a bar (bytes of input) only on a terminal; on_error
    is called with (source, message) for every failed input once recorded.
    reextract=True re-extracts the inputs whose stored page another extractor
    (an older zhnews, other models or lexicons) made; the others stay as they are.
    link_copies=False stores near-copies unlinked (a benchmark base built by
    repeating one archive would otherwise be one archive and its copies)."""
    started = time.monotonic()
    jobs = jobs or default_jobs()
    defaults = {k: v for k, v in (defaults or {}).items() if v}
    report = Report()
    sources = plan(paths)
    store = open_store(db, create=True)
    current = extractor_id() if reextract else None
    writer = _Writer(store, report, batch_articles, force=force, on_error=on_error, extractor=current,
                     link_copies=link_copies, defaults=defaults)
    bar = _progress_bar(input_bytes(sources), "B", progress)

    def counted(items: Iterable) -> Iterator:
        for item in items:
            report.inputs += 1
            yield item

    items = readable(counted(iter_items(sources, read=True, absolute=True)),
                     lambda u: writer.add(None, None, u.reason, u.source))
    tasks = ((defaults, chunk) for chunk in chunked(_unstored(items, store, report, force, bar, current)))
    results = run_ordered(tasks, jobs, extract_task)
    try:
        for done in results:
            for item, page, error in done:
                writer.add(item, page, error, item.page_source)
            bar.update(sum(item.nbytes for item, _, _ in done))
            bar.set_postfix(articles=report.articles + writer.buffered_articles, errors=report.failed, refresh=False)
        writer.flush()
        bar.update(max(0, (bar.total or 0) - bar.n))  # trailing blank lines
        report.outdated = outdated_pages(store)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        results.close()  # an interrupt: the pool's queued work is cancelled, not waited for
        bar.close()
        store.close()
    report.seconds = time.monotonic() - started
    return report


def write_pages(pages: Iterable[tuple[str, str, dict]], db: str | None = None, force: bool = False,
                batch_articles: int = BATCH_ARTICLES, progress: bool | None = None, total: int | None = None,
                on_error: Callable[[str, str], None] | None = None, link_copies: bool = True) -> Report:
    """Already-extracted pages (source, content_hash, page dict) into the base
    with the ingest writer: same batching, dedup by content hash, page-level
    error isolation. `zhnews ingest --from-parquet` loads Dask output through
    it; the progress bar counts articles (a page without any counts 1) out of
    `total` when known."""
    started = time.monotonic()
    report = Report()
    store = open_store(db, create=True)
    writer = _Writer(store, report, batch_articles, force=force, on_error=on_error, link_copies=link_copies)
    bar = _progress_bar(total, "article", progress)

    def entries() -> Iterator[tuple[WorkItem, dict]]:
        for source, content_hash, page in pages:
            report.inputs += 1
            yield WorkItem(source, "page", nbytes=max(1, len(page.get("articles") or [])), _hash=content_hash), page

    try:
        for item, page in _unstored(entries(), store, report, force, bar, key=lambda e: e[0]):
            writer.add(item, page, None, item.source)
            bar.update(item.nbytes)
        writer.flush()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.close()
        store.close()
    report.seconds = time.monotonic() - started
    return report
