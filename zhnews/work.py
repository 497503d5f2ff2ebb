"""Inputs → work items: the one path from what a user names to units of work.

`zhnews extract`, `zhnews ingest` and the Dask runner all start here, so a
file, a folder, a glob, standard input or a JSONL archive is found, read,
cut and named the same way whichever command runs (issue 16: three copies of
this had drifted apart, and the rule that names a page in the knowledge base
was written twice). The items are plain data, cheap to pickle to a worker
process or a Dask worker; extraction of one item is `extract_item`.

One item is a file (read by the worker, or read here when the worker may not
see this disk or the caller needs its hash first), or one line of a JSONL
archive (parsed by the worker: parsing is most of a line's cost).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .read import Source, discover, jsonl_lines, record_too_large, scrub_surrogates

# JSONL records per task: one record is ~3k characters (a few ms of work), so
# a task per record would spend a large share on inter-process round trips;
# 32 amortizes them and still keeps a 2-core run balanced on small inputs.
RECORDS_PER_TASK = 32
# …and at most this many bytes of JSONL per task, so one task of unusually
# long records (a whole page per line) does not hold megabytes in flight.
BYTES_PER_TASK = 256 * 1024
# Page files an ingest takes as already-extracted zhnews pages.
PAGE_JSON_SUFFIXES = (".json",)


@dataclass
class WorkItem:
    """One unit of work. `name` is what messages call it (the path as given,
    `-`, or `archive.jsonl:12`); `source` is what the knowledge base keys its
    page by (see `page_source`)."""

    name: str
    kind: str  # "file" (the worker reads `path`) | "bytes" (`data` read already) | "line" (a raw JSONL line)
    path: str | None = None  # the file; for a line, its JSONL file; None for standard input
    lineno: int | None = None
    data: bytes | None = None
    nbytes: int = 0  # bytes of input it stands for (progress bars count these)
    url: str | None = None  # a record's own URL, set by the worker that parsed it
    _hash: str | None = None

    @property
    def source(self) -> str:
        """The input's own name in the base: the absolute path, `file#Lline`
        for a JSONL line, `-` for standard input."""
        if self.path is None:
            return self.name
        path = os.path.abspath(self.path)
        return f"{path}#L{self.lineno}" if self.kind == "line" else path

    @property
    def page_source(self) -> str:
        """The one page-identity rule of the knowledge base: a record's URL
        when it has one (the same article from two dumps is one page), else
        `source`. `ingest` and a Dask run's Parquet use it alike, so loading
        one and ingesting the other skip each other's work."""
        return self.url or self.source

    def content_hash(self) -> str:
        """sha256 of the line (stripped) or of the file's bytes: content
        already in the base is skipped before it is extracted."""
        if self._hash is None:
            if self.data is None:
                self.data = Source(self.name, Path(self.path)).read_bytes()
            data = self.data.strip() if self.kind == "line" else self.data
            self._hash = hashlib.sha256(data).hexdigest()
        return self._hash


class Skipped(str):
    """The message of an input with nothing to extract (a furniture-only
    record such as a 本版责编 box): counted and summed up, not reported as a
    failure, by every runner alike (`skipped_summary`)."""


def skipped_summary(n_skipped: int) -> str:
    """The one line that stands for all furniture-only records of a run."""
    return f"{n_skipped} records hold only page furniture (本版责编, captions) and were skipped"


@dataclass
class Unreadable:
    """An input that failed before any extraction (no such file, unreadable,
    a JSONL line over the size cap): reported and recorded, the run goes on."""

    name: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def find_inputs(paths: list[str], page_json: bool = False) -> list[Source | Unreadable]:
    """Files, folders, globs and `-` → sources (zhnews.read.discover);
    page_json=True also takes `.json` files named one by one (pages that
    `zhnews extract` wrote, for `zhnews ingest`)."""
    out: list[Source | Unreadable] = []
    for name in paths:
        if page_json and name.lower().endswith(PAGE_JSON_SUFFIXES) and os.path.isfile(name):
            out.append(Source(name, Path(name)))
            continue
        for s in discover([name]):
            out.append(Unreadable(s.source, s.source, s.reason) if isinstance(s, InputError) else s)
    return out


def input_bytes(sources: Iterable[Source | Unreadable]) -> int:
    """A progress bar's total: a stat per input, nothing read."""
    return sum(_size(s.path) for s in sources if isinstance(s, Source) and s.path is not None)


def iter_items(sources: Iterable[Source | Unreadable], read: bool = False,
               absolute: bool = False) -> Iterator[WorkItem | Unreadable]:
    """Sources → work items, lazily, in input order.

    read=True reads files here (a Dask worker may not see this disk; an
    ingest hashes them before deciding to extract); absolute=True names files
    by their absolute path (the knowledge base's sources). Standard input is
    read here: as JSONL when it starts with `{`, else as one page."""
    for src in sources:
        if isinstance(src, Unreadable):
            yield src
        elif src.path is None:
            stdin = sys.stdin.buffer
            head = stdin.peek(64)[:64].lstrip() if hasattr(stdin, "peek") else b""
            if head.startswith((b"{", b"\xef\xbb\xbf{")):
                yield from _jsonl_items(src, stdin)
            else:
                data = src.read_bytes()
                yield WorkItem("-", "bytes", data=data, nbytes=len(data))
        elif src.kind == "jsonl":
            try:
                fh = open(src.path, "rb")
            except OSError as exc:
                yield _unreadable(src, absolute, f"cannot read ({exc.strerror or exc})")
                continue
            with fh:
                yield from _jsonl_items(src, fh)
        else:
            name = os.path.abspath(src.path) if absolute else src.name
            if not read:
                yield WorkItem(name, "file", path=str(src.path), nbytes=_size(src.path))
                continue
            try:
                data = Source(name, src.path).read_bytes()
            except InputError as exc:
                yield _unreadable(src, absolute, exc.reason)
                continue
            yield WorkItem(name, "bytes", path=str(src.path), data=data, nbytes=len(data))


def readable(items: Iterable[WorkItem | Unreadable],
             on_unreadable: Callable[[Unreadable], None] | None = None) -> Iterator[WorkItem]:
    """The items to extract; each input that failed before extraction goes to
    on_unreadable as it is met (each runner reports or records it its own way)."""
    for item in items:
        if isinstance(item, Unreadable):
            if on_unreadable is not None:
                on_unreadable(item)
        else:
            yield item


def _unreadable(src: Source, absolute: bool, reason: str) -> Unreadable:
    path = os.path.abspath(src.path) if src.path is not None else src.name
    return Unreadable(path if absolute else src.name, path, reason)


def _size(path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _jsonl_items(src: Source, fh) -> Iterator[WorkItem | Unreadable]:
    blank = 0  # bytes of blank lines, counted with the next record
    path = str(src.path) if src.path is not None else None
    for lineno, raw in jsonl_lines(fh):
        item = WorkItem(f"{src.name}:{lineno}", "line", path=path, lineno=lineno)
        if raw is None:
            yield Unreadable(item.name, item.source, record_too_large())
            continue
        if not raw.strip():
            blank += len(raw)
            continue
        item.data, item.nbytes = raw, len(raw) + blank
        blank = 0
        yield item


def parse_line(name: str, raw: bytes) -> dict:
    """One JSONL line → its object, or the InputError the user sees."""
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(name, f"not a JSON record ({exc.__class__.__name__})") from None
    except RecursionError:
        raise InputError(name, "not a JSON record (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise InputError(name, "not a JSON object")
    return scrub_surrogates(obj) if b"\\u" in raw else obj


def read_line(item: WorkItem) -> dict:
    """A line item → its parsed object; remembers the record's URL, which
    names its page in the base (`page_source`)."""
    obj = parse_line(item.name, item.data)
    url = obj.get("url")
    item.url = url if isinstance(url, str) and url else None
    return obj


class _Loaded(Source):
    """A Source whose bytes were read already (standard input, or a file read
    by the process that planned the work)."""

    def __init__(self, name: str, data: bytes):
        super().__init__(name, Path(name) if name != "-" else None)
        self._data = data

    def read_bytes(self) -> bytes:
        return self._data


def item_source(item: WorkItem) -> Source:
    """The Source a file item is read from: its bytes if read already."""
    if item.data is not None:
        return _Loaded(item.name, item.data)
    return Source(item.name, Path(item.path) if item.path else None)


def extract_item(item: WorkItem, date: str | None = None, outlet: str | None = None):
    """One item → its Page, in whichever process runs it. Raises
    NotAnArticle for furniture-only records and ZhnewsError for bad input."""
    from .extraction import extract_record, extract_source

    if item.kind == "line":
        return extract_record(read_line(item), date=date, outlet=outlet, where=item.name)
    return extract_source(item_source(item), date=date, outlet=outlet)


def chunked(items: Iterable[WorkItem], records: int = RECORDS_PER_TASK,
            size: int = BYTES_PER_TASK) -> Iterator[list[WorkItem]]:
    """Consecutive JSONL lines grouped into tasks; a file is a task of its own
    (a PDF can take seconds, so it should not wait behind others)."""
    chunk: list[WorkItem] = []
    nbytes = 0
    for item in items:
        if item.kind == "line":
            chunk.append(item)
            nbytes += len(item.data or b"")
            if len(chunk) >= records or nbytes >= size:
                yield chunk
                chunk, nbytes = [], 0
        else:
            if chunk:
                yield chunk
                chunk, nbytes = [], 0
            yield [item]
    if chunk:
        yield chunk
