"""Ingest an archive: files, folders, globs and JSONL → the knowledge base.

Extraction is CPU work and runs in worker processes (all cores by default);
this process is the one writer. Results are written in submission order (so
person consolidation is the same on every run) in batches, one transaction
each: a batch is committed whole or not at all, and a process killed at any
moment leaves every committed page intact. Every input is identified by its
`source` (path, or URL / file#line for a JSONL record) and its content hash:
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

import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..errors import NotAnArticle, ZhnewsError, reason_for
from ..provenance import extractor_id
from ..read import jsonl_lines, record_too_large, scrub_surrogates
from ..workers import die_with_parent
from . import dedup, open_store
from .base import Store
from .people import Consolidator
from .writer import delete_page, record_error, write_page

# Articles per transaction: large enough that commit cost (an fsync in WAL
# mode) is noise, small enough that an interruption loses little work.
BATCH_ARTICLES = 500
# …and at most this many seconds of work per transaction, whatever the size.
MAX_BATCH_SECONDS = 2.0
# JSONL records (one article each) sent to a worker at once: amortizes the
# pickling round trip; files go one by one (a PDF can take seconds).
RECORDS_PER_TASK = 32
# Tasks in flight per worker: keeps workers busy without reading the whole
# archive into memory ahead of the writer.
TASKS_IN_FLIGHT_PER_WORKER = 4
# Inputs whose content hashes are looked up in the base with one query before
# extraction: one round trip per few hundred inputs instead of one per input…
LOOKUP_UNITS = 256
# …and at most this many bytes of them waiting for the lookup (page .json
# files hold their text until they are submitted).
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

PAGE_JSON_SUFFIXES = (".json",)


@dataclass
class Unit:
    kind: str  # "file" | "pagejson" (a .json file) | "jsonl" (a line; the worker tells record from page)
    source: str
    content_hash: str
    path: str | None = None
    line: str | bytes | dict | None = None  # the JSON text of a record or page (a page dict for "page")
    defaults: dict = field(default_factory=dict)
    nbytes: int = 0  # bytes of input it stands for (progress)
    furniture: bool = False  # set by the worker: page furniture only, nothing to store


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


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- planning: inputs → units ------------------------------------------------
def discover_inputs(paths: list[str]) -> list:
    """zhnews.read.discover (files, folders, globs), plus explicit page .json files."""
    from ..errors import InputError
    from ..read import Source, discover

    out = []
    for name in paths:
        if name.lower().endswith(PAGE_JSON_SUFFIXES) and os.path.isfile(name):
            out.append(Source(name, __import__("pathlib").Path(name)))
        else:
            out.extend(discover([name]))
    return [x if not isinstance(x, InputError) else (x.source, x.reason) for x in out]


def input_bytes(sources: list) -> int:
    """The progress bar's total: a stat per input, nothing read."""
    n = 0
    for s in sources:
        if isinstance(s, tuple) or s.path is None:
            continue
        try:
            n += os.path.getsize(s.path)
        except OSError:
            pass
    return n


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


def iter_units(sources: list, defaults: dict) -> Iterator[Unit | tuple[str, str]]:
    for s in sources:
        if isinstance(s, tuple):  # discovery error: (source, reason)
            yield s
            continue
        path = os.path.abspath(str(s.path)) if s.path else None
        if s.path is None:
            yield (s.name, "standard input cannot be ingested; save it to a file")
        elif s.kind == "jsonl":
            yield from _jsonl_units(path, defaults)
        else:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as e:
                yield (path, f"cannot read ({e.strerror or e})")
                continue
            kind = "pagejson" if path.lower().endswith(PAGE_JSON_SUFFIXES) else "file"
            yield Unit(kind, path, _sha(data), path=path, line=data.decode("utf-8", "replace")
                       if kind == "pagejson" else None, defaults=defaults, nbytes=len(data))


def _jsonl_units(path: str, defaults: dict) -> Iterator[Unit | tuple[str, str]]:
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield (path, f"cannot read ({e.strerror or e})")
        return
    with fh:
        blank = 0  # bytes of blank lines, counted with the next record
        for lineno, raw in jsonl_lines(fh):
            if raw is None:
                yield (f"{path}#L{lineno}", record_too_large())
                continue
            size = len(raw)
            raw = raw.strip()
            if not raw:
                blank += size
                continue
            # Parsing waits for the worker (it is most of the cost of a line);
            # the worker names the source (the record's URL) and the kind.
            yield Unit("jsonl", f"{path}#L{lineno}", _sha(raw), path=path, line=raw, defaults=defaults,
                       nbytes=size + blank)
            blank = 0


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


def _resolve_jsonl(unit: Unit) -> None:
    """A JSONL line → its kind (record | pagejson) and source (URL when it has one)."""
    try:
        text = unit.line.decode("utf-8") if isinstance(unit.line, bytes) else unit.line
        obj = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ZhnewsError(f"not a JSON line ({e})") from None
    except RecursionError:
        raise ZhnewsError("not a JSON line (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ZhnewsError("a JSONL line must be an object (a page or an article record)")
    obj = scrub_surrogates(obj)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    unit.kind = "pagejson" if "articles" in obj else "record"
    unit.source = url or unit.source
    unit.line = obj


def add_search_tokens(page: dict) -> dict:
    """Tokenizing is CPU work: done here in the worker, not in the one writer."""
    from .tokenize import index_text

    for art in page.get("articles") or []:
        art["_fts"] = (index_text(art.get("headline") or ""), index_text(art.get("text") or ""))
    return page


def extract_unit(unit: Unit) -> dict:
    if unit.kind == "jsonl":
        _resolve_jsonl(unit)
        if unit.kind == "record":
            return record_to_page_dict(unit.line, unit.defaults)
        return _check_page_dict(unit.line)
    if unit.kind == "record":
        return record_to_page_dict(json.loads(unit.line), unit.defaults)
    if unit.kind == "pagejson":
        try:
            obj = json.loads(unit.line)
        except json.JSONDecodeError as e:
            raise ZhnewsError(f"not JSON ({e})") from None
        if not isinstance(obj, dict):
            raise ZhnewsError("not a zhnews page JSON object")
        return _check_page_dict(obj)
    try:
        from .. import extract
        # --outlet/--date only fill in what a page does not say (writer.write_page).
        page = extract(unit.path)
    except ImportError as e:
        raise ZhnewsError(f"page extraction is not available in this build ({e})") from None
    return page.to_dict()


def extract_units(units: list[Unit]) -> list[tuple[Unit, dict | None, str | None]]:
    """Worker entry point: never raises for one bad input."""
    out = []
    for u in units:
        try:
            page = add_search_tokens(extract_unit(u))
            u.line = None  # not needed any more: don't pickle it back
            out.append((u, page, None))
        except FurnitureOnly:
            u.line, u.furniture = None, True
            out.append((u, None, None))
        except ZhnewsError as e:
            out.append((u, None, reason_for(u.source, e)))
        except Exception as e:  # an extractor bug must not stop the archive
            out.append((u, None, f"internal error in extraction: {type(e).__name__}: {e}"))
    return out


# -- the writer -----------------------------------------------------------------
class _Writer:
    def __init__(self, store: Store, report: Report, batch_articles: int, force: bool = False,
                 on_error: Callable[[str, str], None] | None = None, extractor: str | None = None,
                 link_copies: bool = True):
        self.store = store
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
        self.buffer: list[tuple[Unit | None, dict | None, str | None, str]] = []
        self.buffered_articles = 0
        self.last_flush = time.monotonic()

    def add(self, unit: Unit | None, page: dict | None, error: str | None, source: str) -> None:
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
        hashes = [u.content_hash for u, page, _, _ in self.buffer if page is not None]
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
                if unit is not None and unit.furniture:
                    self._drop_furniture(source)
                    furniture += 1
                    continue
                if error is None and (unit.content_hash in stored or unit.content_hash in in_batch):
                    duplicates += 1  # the same content twice in this run
                    continue
                if error is None:
                    if savepoints:
                        self.store.execute("SAVEPOINT page")
                    try:
                        if self.extractor is not None:
                            self._drop_outdated(unit.content_hash, source)
                        n = write_page(self.store, self.cons, source, unit.content_hash, page, unit.defaults)
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
                        in_batch.add(unit.content_hash)
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


class _Lookahead:
    """Units waiting for one "already stored?" query before they go on."""

    def __init__(self, store: Store, report: Report, force: bool, bar, forward: Callable[[Unit], None],
                 extractor: str | None = None):
        self.store, self.report, self.force, self.bar, self.forward = store, report, force, bar, forward
        self.extractor = extractor
        self.units: list[Unit] = []
        self.bytes = 0

    def add(self, unit: Unit) -> None:
        self.units.append(unit)
        self.bytes += len(unit.line) if isinstance(unit.line, (str, bytes)) else 0
        if len(self.units) >= LOOKUP_UNITS or self.bytes >= LOOKUP_BYTES:
            self.drain()

    def drain(self) -> None:
        units, self.units, self.bytes = self.units, [], 0
        known = set() if self.force else stored_hashes(self.store, [u.content_hash for u in units],
                                                       extractor=self.extractor)
        for u in units:
            if u.content_hash in known:
                self.report.skipped += 1
                self.bar.update(u.nbytes)
            else:
                self.forward(u)


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
    jobs = jobs or os.cpu_count() or 1
    defaults = {k: v for k, v in (defaults or {}).items() if v}
    report = Report()
    sources = discover_inputs(paths)

    pool = None
    if jobs > 1:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=die_with_parent)
    store = open_store(db, create=True)
    current = extractor_id() if reextract else None
    writer = _Writer(store, report, batch_articles, force=force, on_error=on_error, extractor=current,
                     link_copies=link_copies)
    bar = _progress_bar(input_bytes(sources), "B", progress)

    def handle(results: list[tuple[Unit, dict | None, str | None]]) -> None:
        for unit, page, error in results:
            writer.add(unit, page, error, unit.source)
        bar.update(sum(u.nbytes for u, _, _ in results))
        bar.set_postfix(articles=report.articles + writer.buffered_articles, errors=report.failed, refresh=False)

    pending: deque[Future] = deque()
    max_in_flight = jobs * TASKS_IN_FLIGHT_PER_WORKER
    chunk: list[Unit] = []

    def submit(units: list[Unit]) -> None:
        if pool is None:
            handle(extract_units(units))
            return
        pending.append(pool.submit(extract_units, units))
        while len(pending) >= max_in_flight or (pending and pending[0].done()):
            handle(pending.popleft().result())

    def forward(unit: Unit) -> None:
        nonlocal chunk
        chunk.append(unit)
        if unit.kind != "jsonl" or len(chunk) >= RECORDS_PER_TASK:
            submit(chunk)
            chunk = []

    lookahead = _Lookahead(store, report, force, bar, forward, extractor=current)
    try:
        for item in iter_units(sources, defaults):
            report.inputs += 1
            if isinstance(item, tuple):
                writer.add(None, None, item[1], item[0])
                continue
            lookahead.add(item)
        lookahead.drain()
        if chunk:
            submit(chunk)
        while pending:
            handle(pending.popleft().result())
        writer.flush()
        bar.update(max(0, (bar.total or 0) - bar.n))  # trailing blank lines
        report.outdated = outdated_pages(store)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.close()
        if pool is not None:
            pool.shutdown(wait=not report.interrupted, cancel_futures=True)
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

    def forward(unit: Unit) -> None:
        page, unit.line = unit.line, None
        writer.add(unit, page, None, unit.source)
        bar.update(unit.nbytes)

    lookahead = _Lookahead(store, report, force, bar, forward)
    try:
        for source, content_hash, page in pages:
            report.inputs += 1
            # A parsed page rides in `line` until it is written (a bounded look-ahead of them).
            lookahead.add(Unit("page", source, content_hash, line=page,
                               nbytes=max(1, len(page.get("articles") or []))))
        lookahead.drain()
        writer.flush()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.close()
        store.close()
    report.seconds = time.monotonic() - started
    return report
