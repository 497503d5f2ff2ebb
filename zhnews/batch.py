"""Many inputs: discovery, worker processes, streaming output, error report.

Work is streamed: at most `jobs × IN_FLIGHT_PER_JOB` tasks (each a few dozen
JSONL records or one file) are being extracted or waiting to be written at any
time, so memory stays flat however large a JSONL input is, and results come
out in input order.

The main process only cuts the input into lines and writes finished text:
JSON parsing, extraction and serialization all happen in the workers, so with
`--jobs N` the writer is never the bottleneck (profiled: parsing and dumping
in the parent capped 2 workers at 1.6× one).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from .errors import InputError, NotAnArticle, ZhnewsError
from .read import Source, discover, jsonl_lines, record_too_large, scrub_surrogates
from .workers import die_with_parent

# Tasks queued per worker: enough to keep every core busy while the writer
# catches up, small enough that memory does not grow with the input.
IN_FLIGHT_PER_JOB = 8
# JSONL records per task: one record is ~3k characters (a few ms of work), so
# a task per record would spend a large share on inter-process round trips;
# 32 amortizes them and still keeps a 2-core run balanced on small inputs.
RECORDS_PER_TASK = 32
# …and at most this many bytes of JSONL per task, so one task of unusually
# long records (a whole page per line) does not hold megabytes in flight.
BYTES_PER_TASK = 256 * 1024


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Loaded(Source):
    """A Source whose bytes were read already (standard input, or a file the
    Dask client read for a worker that cannot see the client's disk)."""

    def __init__(self, name: str, data: bytes):
        super().__init__(name, Path(name) if name != "-" else None)
        self._data = data

    def read_bytes(self) -> bytes:
        return self._data


def page_dict(page) -> dict:
    """Page.to_dict(); kept as a name for callers of the batch API."""
    return page.to_dict()



# Work items are (kind, payload, date, outlet):
#   ("record", (name, record_dict), …)   a parsed JSONL record
#   ("line", (name, raw_bytes), …)       a JSONL line the worker parses
#   ("file", path, …)                    a file the worker reads
#   ("bytes", (name, data), …)           a file's content read by the parent
# Results are (name, page_dict | None, error | None).
def _work(item: tuple) -> tuple[str, dict | None, str | None]:
    kind, payload, date, outlet = item
    from .extraction import extract_record, extract_source

    name = payload if kind == "file" else payload[0]
    try:
        if kind == "line":
            record = parse_line(name, payload[1])
            return name, page_dict(extract_record(record, date=date, outlet=outlet, where=name)), None
        if kind == "record":
            return name, page_dict(extract_record(payload[1], date=date, outlet=outlet, where=name)), None
        if kind == "bytes":
            src = _Loaded(name, payload[1])
        else:
            src = Source(payload, None if payload == "-" else Path(payload))
        return name, page_dict(extract_source(src, date=date, outlet=outlet)), None
    except NotAnArticle as exc:
        return name, None, Skipped(str(exc))
    except ZhnewsError as exc:
        return name, None, str(exc)
    except Exception as exc:  # a bug of ours must not lose the other inputs
        return name, None, f"{name}: internal error ({type(exc).__name__}: {exc})"


class Skipped(str):
    """The message of an input with nothing to extract (furniture-only
    records): counted and summed up, not reported as a failure — by the local
    run and the Dask run alike (`skipped_summary`), so both exit the same way."""


def skipped_summary(n_skipped: int) -> str:
    """The one line that stands for all furniture-only records of a run."""
    return f"{n_skipped} records hold only page furniture (本版责编, captions) and were skipped"


def parse_line(name: str, raw: bytes) -> dict:
    """One JSONL line → its record, or the InputError the user sees."""
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(name, f"not a JSON record ({exc.__class__.__name__})") from None
    except RecursionError:
        raise InputError(name, "not a JSON record (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError(name, "not a JSON object")
    return scrub_surrogates(record) if b"\\u" in raw else record


def render(page: dict, fmt: str) -> str:
    if fmt == "jsonl":
        return json.dumps(page, ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps(page, ensure_ascii=False, indent=2) + "\n"
    from .console import render_text

    return render_text(page)


def _work_rendered(task: tuple) -> list[tuple[str, str | None, str | None]]:
    """Worker entry point of `zhnews extract`: a chunk of items → their output text."""
    fmt, items = task
    out = []
    for item in items:
        name, page, error = _work(item)
        out.append((name, None if page is None else render(page, fmt), error))
    return out


def _fail(errors: list[str], message: str) -> None:
    """Discovery errors are reported at once, like extraction errors."""
    errors.append(message)
    print(f"zhnews: {message}", file=sys.stderr)


def iter_work(inputs: list[str], date: str | None, outlet: str | None, errors: list[str],
              parse: bool = True) -> Iterator[tuple]:
    """Inputs → work items, lazily. parse=False leaves JSONL lines raw
    ("line" items) for the workers to parse; standard input is read here,
    as JSONL when it starts with `{`, else as one page."""
    for src in discover(inputs):
        if isinstance(src, InputError):
            _fail(errors, str(src))
            continue
        if src.path is None:  # standard input
            stdin = sys.stdin.buffer
            head = stdin.peek(64)[:64].lstrip() if hasattr(stdin, "peek") else b""
            if head.startswith((b"{", b"\xef\xbb\xbf{")):
                yield from _iter_jsonl(src, date, outlet, errors, parse)
            else:
                yield ("bytes", ("-", src.read_bytes()), date, outlet)
        elif src.kind == "jsonl":
            yield from _iter_jsonl(src, date, outlet, errors, parse)
        else:
            yield ("file", src.name, date, outlet)


def _iter_jsonl(src: Source, date, outlet, errors: list[str], parse: bool = True) -> Iterator[tuple]:
    try:
        fh = open(src.path, "rb") if src.path else sys.stdin.buffer
    except OSError as exc:
        _fail(errors, f"{src.name}: cannot read ({exc.strerror})")
        return
    with fh:
        for lineno, raw in jsonl_lines(fh):
            name = f"{src.name}:{lineno}"
            if raw is None:
                _fail(errors, str(InputError(name, record_too_large())))
                continue
            if not raw.strip():
                continue
            if not parse:
                yield ("line", (name, raw), date, outlet)
                continue
            try:
                record = parse_line(name, raw)
            except InputError as exc:
                _fail(errors, str(exc))
                continue
            yield ("record", (name, record), date, outlet)


def chunked(items: Iterable[tuple], records: int = RECORDS_PER_TASK, size: int = BYTES_PER_TASK) -> Iterator[list[tuple]]:
    """Consecutive JSONL items grouped into tasks; a file is a task of its own
    (a PDF can take seconds, so it should not wait behind others)."""
    chunk: list[tuple] = []
    nbytes = 0
    for item in items:
        if item[0] in ("line", "record"):
            chunk.append(item)
            nbytes += len(item[1][1]) if item[0] == "line" else 0
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


def run_ordered(items: Iterable[tuple], jobs: int, fn: Callable = _work) -> Iterator[tuple]:
    """Map fn over items in worker processes, bounded and in order."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    window = max(2, jobs * IN_FLIGHT_PER_JOB)
    with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run_extract(args) -> int:
    from .console import EXIT_INPUT, EXIT_OK, _err

    if args.scheduler:
        _err("--scheduler needs --engine dask")
        return EXIT_INPUT
    if args.jobs is not None and args.jobs < 1:
        _err(f"--jobs {args.jobs}: must be at least 1")
        return EXIT_INPUT
    errors: list[str] = []
    work = list(iter_work(args.inputs, args.date, args.outlet, errors, parse=False)) if len(args.inputs) == 1 and not _has_stream(args.inputs) else None
    single = work is not None and len(work) == 1 and work[0][0] == "file"
    fmt = args.format or ("json" if single else "jsonl")
    items = iter(work) if work is not None else iter_work(args.inputs, args.date, args.outlet, errors, parse=False)
    jobs = args.jobs or (1 if single else default_jobs())
    try:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    except OSError as exc:
        _err(f"{args.out}: cannot write ({exc.strerror})")
        return EXIT_INPUT
    progress = None
    if not single and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="page", file=sys.stderr)
    n_ok = n_failed = n_skipped = 0  # counts, not lists: an archive may refuse millions of records
    tasks = ((fmt, chunk) for chunk in chunked(items))
    try:
        for results in run_ordered(tasks, jobs, _work_rendered):
            for name, text, error in results:
                if progress is not None:  # a tqdm bar without a total refuses bool()
                    progress.update(1)
                if isinstance(error, Skipped):
                    n_skipped += 1
                    continue
                if error:
                    n_failed += 1
                    _err(error)
                    continue
                n_ok += 1
                out.write(text)
    finally:
        if progress is not None:  # a tqdm bar without a total refuses bool()
            progress.close()
        if out is not sys.stdout:
            out.close()
    if n_skipped:
        _err(skipped_summary(n_skipped))
    if not single and sys.stderr.isatty():
        _err(f"{n_ok} pages extracted, {len(errors) + n_failed} inputs failed")
    return EXIT_INPUT if errors or n_failed else EXIT_OK


def _has_stream(inputs: list[str]) -> bool:
    return any(i == "-" or i.lower().endswith((".jsonl", ".ndjson")) for i in inputs)
