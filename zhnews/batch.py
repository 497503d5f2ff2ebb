"""`zhnews extract` over many inputs: pages out as text, in input order.

Items come from `zhnews.work` (the same path `ingest` and the Dask runner
take) and run on `zhnews.workers.run_ordered` (the same pool `ingest` uses).
The main process only cuts the input into lines and writes finished text:
JSON parsing, extraction and serialization all happen in the workers, so with
`jobs=N` the writer is never the bottleneck (profiled: parsing and dumping in
the parent capped 2 workers at 1.6× one).
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from .errors import NotAnArticle, ZhnewsError
from .work import Skipped, Unreadable, WorkItem, chunked, extract_item, readable, skipped_summary  # noqa: F401  (re-exported)
from .workers import run_ordered


def extract_one(item: WorkItem, date: str | None = None,
                outlet: str | None = None) -> tuple[str, dict | None, str | None]:
    """(name, page dict, None), or (name, None, message): never raises for
    one bad input, so the other inputs of the run go on."""
    name = item.name
    try:
        return name, extract_item(item, date=date, outlet=outlet).to_dict(), None
    except NotAnArticle as exc:
        return name, None, Skipped(str(exc))
    except ZhnewsError as exc:
        return name, None, str(exc)
    except Exception as exc:  # a bug of ours must not lose the other inputs
        return name, None, f"{name}: internal error ({type(exc).__name__}: {exc})"


def render(page: dict, fmt: str) -> str:
    if fmt == "jsonl":
        return json.dumps(page, ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps(page, ensure_ascii=False, indent=2) + "\n"
    from .console import render_text

    return render_text(page)


def _render_task(task: tuple) -> list[tuple[str, str | None, str | None]]:
    """Worker entry point: a chunk of items → their output text."""
    fmt, date, outlet, items = task
    out = []
    for item in items:
        with _collector_paused(not _frozen and not out):
            name, page, error = extract_one(item, date, outlet)
        out.append((name, None if page is None else render(page, fmt), error))
    _freeze_loaded()
    return out


_frozen = False


@contextmanager
def _collector_paused(loading: bool):
    """The cyclic collector off while `loading` (the process's first item, which
    loads the lexicons and models): their hundreds of thousands of new objects
    would otherwise set off collections that walk them, find nothing to free,
    and cost ~3 % of a one-record run (callgrind, issue 14). A collector the
    caller turned off stays off."""
    paused = loading and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _freeze_loaded() -> None:
    """Once the first task is done, the lexicons, models and compiled patterns are
    loaded, and they live as long as the process: gc.freeze() takes them out of the
    cyclic collector's walks. Its full collections (one or two an archive) and the one
    at exit then no longer visit those hundreds of thousands of objects (~1 % of an
    `extract` run: callgrind, issue 14). Output is unchanged: the collector only
    ever frees what nothing reaches."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def extract_many(items: Iterable[WorkItem | Unreadable], fmt: str = "jsonl", jobs: int = 1,
                 date: str | None = None, outlet: str | None = None,
                 on_unreadable: Callable[[str], None] | None = None) -> Iterator[tuple[str, str | None, str | None]]:
    """(name, rendered page, error) per item, in input order; an error that
    is a `Skipped` is a furniture-only record. Inputs that failed before
    extraction go to on_unreadable as soon as they are met."""

    report = (lambda u: on_unreadable(str(u))) if on_unreadable is not None else None
    tasks = ((fmt, date, outlet, chunk) for chunk in chunked(readable(items, report)))
    for results in run_ordered(tasks, jobs, _render_task):
        yield from results
