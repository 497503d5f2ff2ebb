"""Many inputs: discovery, worker processes, streaming output, error report.

Work is streamed: at most `jobs × IN_FLIGHT_PER_JOB` inputs are being
extracted or waiting to be written at any time, so memory stays flat however
large a JSONL input is, and results come out in input order.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from .errors import InputError, ZhnewsError
from .read import Source, discover

# Tasks queued per worker: enough to keep every core busy while the writer
# catches up, small enough that memory does not grow with the input.
IN_FLIGHT_PER_JOB = 8


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Work items are (kind, payload, date, outlet); results (name, page_dict | None, error | None).
def _work(item: tuple) -> tuple[str, dict | None, str | None]:
    kind, payload, date, outlet = item
    from .extraction import extract_record, extract_source

    try:
        if kind == "record":
            name, record = payload
            page = extract_record(record, date=date, outlet=outlet)
            return name, page.to_dict(), None
        src = Source(payload, None if payload == "-" else Path(payload))
        page = extract_source(src, date=date, outlet=outlet)
        return payload, page.to_dict(), None
    except ZhnewsError as exc:
        return (payload[0] if kind == "record" else payload), None, str(exc)
    except Exception as exc:  # a bug of ours must not lose the other inputs
        name = payload[0] if kind == "record" else payload
        return name, None, f"{name}: internal error ({type(exc).__name__}: {exc})"


def _fail(errors: list[str], message: str) -> None:
    """Discovery errors are reported at once, like extraction errors."""
    errors.append(message)
    print(f"zhnews: {message}", file=sys.stderr)


def iter_work(inputs: list[str], date: str | None, outlet: str | None, errors: list[str]) -> Iterator[tuple]:
    for src in discover(inputs):
        if isinstance(src, InputError):
            _fail(errors, str(src))
            continue
        if src.kind == "jsonl":
            yield from _iter_jsonl(src, date, outlet, errors)
        else:
            yield ("file", src.name, date, outlet)


def _iter_jsonl(src: Source, date, outlet, errors: list[str]) -> Iterator[tuple]:
    try:
        fh = open(src.path, "rb") if src.path else sys.stdin.buffer
    except OSError as exc:
        _fail(errors, f"{src.name}: cannot read ({exc.strerror})")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            name = f"{src.name}:{lineno}"
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                _fail(errors, f"{name}: not a JSON record ({exc.__class__.__name__})")
                continue
            if not isinstance(record, dict):
                _fail(errors, f"{name}: not a JSON object")
                continue
            yield ("record", (name, record), date, outlet)


def run_ordered(items: Iterable[tuple], jobs: int, fn: Callable = _work) -> Iterator[tuple]:
    """Map fn over items in worker processes, bounded and in order."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    window = max(2, jobs * IN_FLIGHT_PER_JOB)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run_extract(args) -> int:
    from .cli import EXIT_INPUT, EXIT_OK, _err, render_text

    if args.engine == "dask":
        from .distributed import run_dask_extract

        return run_dask_extract(args)
    errors: list[str] = []
    work = list(iter_work(args.inputs, args.date, args.outlet, errors)) if len(args.inputs) == 1 and not _has_stream(args.inputs) else None
    single = work is not None and len(work) == 1 and work[0][0] == "file"
    fmt = args.format or ("json" if single else "jsonl")
    items = iter(work) if work is not None else iter_work(args.inputs, args.date, args.outlet, errors)
    jobs = args.jobs or (1 if single else default_jobs())
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    progress = None
    if not single and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="page", file=sys.stderr)
    n_ok = 0
    try:
        for name, page, error in run_ordered(items, jobs):
            if progress:
                progress.update(1)
            if error:
                errors.append(error)
                _err(error)
                continue
            n_ok += 1
            if fmt == "json":
                out.write(json.dumps(page, ensure_ascii=False, indent=2) + "\n")
            elif fmt == "jsonl":
                out.write(json.dumps(page, ensure_ascii=False) + "\n")
            else:
                out.write(render_text(page))
    finally:
        if progress:
            progress.close()
        if out is not sys.stdout:
            out.close()
    if not single and sys.stderr.isatty():
        _err(f"{n_ok} pages extracted, {len(errors)} inputs failed")
    return EXIT_INPUT if errors else EXIT_OK


def _has_stream(inputs: list[str]) -> bool:
    return any(i.lower().endswith((".jsonl", ".ndjson")) for i in inputs)
