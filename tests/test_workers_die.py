"""Issue 19 item 9: worker processes of `ingest` and `extract` end when their
parent is killed with SIGKILL (they waited on their queue for good before)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_ingest import article_records

REPO = Path(__file__).resolve().parents[1]
# Seconds for workers to appear, and then to be gone after the kill.
START_S = 60
GONE_S = 10


def _children(pid: int) -> set[int]:
    out = set()
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.add(int(d))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_workers_end_when_the_parent_is_killed(tmp_path, command):
    recs = [dict(r, url=f"{r['url']}#{k}") for k in range(4) for r in article_records()]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    args = (["ingest", str(src), "--db", str(tmp_path / "kb.db"), "-q"] if command == "ingest"
            else ["extract", str(src), "-o", str(tmp_path / "out.jsonl")])
    proc = subprocess.Popen([sys.executable, "-m", "zhnews.cli", *args, "--jobs", "2"], cwd=REPO,
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        end = time.monotonic() + START_S
        while time.monotonic() < end and proc.poll() is None:
            # the pool's workers (a spawn pool also has a resource tracker)
            workers = {c for c in _children(proc.pid)}
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert len(workers) >= 2 and proc.poll() is None, "no workers seen"
        time.sleep(0.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        end = time.monotonic() + GONE_S
        while time.monotonic() < end and any(_alive(w) for w in workers):
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        assert not left, f"workers still alive {GONE_S} s after the parent's SIGKILL: {left}"
    finally:
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass
