"""The one worker pool: `extract` and `ingest` map work over it alike.

Work is streamed: at most `jobs × IN_FLIGHT_PER_JOB` tasks are running or
waiting to be consumed at any time, so memory stays flat however large the
input is, and results come back in input order (person consolidation and
output order are then the same on every run).

Workers are started with `spawn`, never `fork`: the parent may hold a
SQLite connection, a progress bar's thread or a web server's threads, and a
forked copy of those is undefined behaviour; a spawned worker imports zhnews
afresh (a fraction of a second, once per worker).

Workers end with the process that started them. A pool's workers wait on a
queue; when their parent is killed with SIGKILL no one tells them, and they
lived on (issue 19: still there 37 minutes after). Linux can send a signal at
the parent's death (PR_SET_PDEATHSIG); elsewhere, and as a backstop, a thread
notices that the parent changed (re-parenting).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

# Tasks in flight per worker: enough to keep every core busy while the
# consumer (a writer, a database) catches up, small enough that memory does
# not grow with the input.
IN_FLIGHT_PER_JOB = 8

# How often the backstop thread looks at the parent pid: a dead parent's
# workers are gone within this, and the check costs nothing at this rate.
PARENT_POLL_S = 1.0
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """ProcessPoolExecutor initializer: end this worker when its parent dies."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="zhnews-parent-watch", daemon=True).start()


def default_jobs() -> int:
    """All cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_ordered(tasks: Iterable, jobs: int, fn: Callable) -> Iterator:
    """fn over tasks in `jobs` worker processes (in this process when jobs
    is 1), bounded and in order. A finished head is handed back at once, so a
    consumer sees progress while later tasks still run. Closing the iterator
    (an interrupt, an error in the consumer) cancels what has not started."""
    if jobs <= 1:
        for task in tasks:
            yield fn(task)
        return
    window = max(2, jobs * IN_FLIGHT_PER_JOB)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent)
    finished = False
    try:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(fn, task))
            while len(pending) >= window or (pending and pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)
