"""Issue 19 item 1: a running `zhnews serve` keeps answering while two
`zhnews ingest` processes write to the same base. Opening a reader must never
drop the writers' POSIX locks (a header read with open()/close() did, and the
ingest then deleted the WAL under the server: "database disk image is
malformed"). Real server process on loopback, real ingests, ≥ 2,000 requests."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from test_ingest import article_records, write_jsonl

REPO = Path(__file__).resolve().parents[1]
MIN_REQUESTS = 2000
CLIENT_THREADS = 16
# Clients join one by one while the ingests run, so the server opens new
# per-thread connections while the writers hold theirs (what broke the base).
STAGGER_S = 0.25
# Reads go on this long after the ingests end: a writer that wrongly believed
# itself the last connection deletes the WAL when it closes.
AFTER_S = 3
# Ingest runs at most (2 plus --force repeats) while reads are counted.
MAX_INGESTS = 8
# Whole test budget: ingests of ~150 records each take a few seconds here.
DEADLINE_S = 240


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "zhnews.cli", *args], cwd=REPO, **kw)


def _wait_up(url: str, proc: subprocess.Popen) -> None:
    end = time.monotonic() + 60
    while time.monotonic() < end:
        assert proc.poll() is None, proc.stderr.read().decode(errors="replace")
        try:
            if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not start")


def test_reads_during_two_ingests_never_fail(tmp_path):
    recs = article_records()
    half = len(recs) // 3
    seed = write_jsonl(tmp_path / "seed.jsonl", recs[:20])
    a = write_jsonl(tmp_path / "a.jsonl", recs[20 : 20 + half])
    b = write_jsonl(tmp_path / "b.jsonl", [dict(r, url=r["url"] + "#b") for r in recs[20 + half : 20 + 2 * half]])
    db = tmp_path / "kb.db"
    assert _cli("ingest", str(seed), "--db", str(db), "-q", "-j", "1").wait(120) == 0

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _cli("serve", str(db), "--port", str(port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ingests: list[subprocess.Popen] = []
    try:
        _wait_up(url, server)
        ids = [r["article_id"] for r in httpx.get(url + "/api/search", params={"q": "发展", "limit": 20}).json()["results"]]
        assert ids
        # One after the other: the first writer to close alone with the server
        # decides whether to delete the WAL; the second then writes a new one.
        done_at = 0.0
        during = 0  # requests sent while an ingest process was running

        def run_ingests() -> None:
            # a, b, then again with --force (articles replaced under the readers'
            # searches) until enough reads have overlapped a running ingest
            nonlocal done_at
            runs = 0
            while runs < 2 or (during < MIN_REQUESTS and runs < MAX_INGESTS):
                extra = ["--force"] if runs >= 2 else []
                proc = _cli("ingest", str((a, b)[runs % 2]), "--db", str(db), "-q", "-j", "1", "--batch", "10",
                            *extra, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                ingests.append(proc)
                proc.wait(DEADLINE_S)
                runs += 1
            done_at = time.monotonic()

        threading.Thread(target=run_ingests, daemon=True).start()
        count = 0
        errors: list[str] = []
        lock = threading.Lock()
        end = time.monotonic() + DEADLINE_S

        def client(k: int) -> None:
            nonlocal count, during
            paths = ["/api/search?q=发展", "/api/search?q=经济&limit=5", "/api/stats", f"/api/articles/{ids[k % len(ids)]}",
                     "/api/people?q=王", "/search?q=中国"]
            with httpx.Client(base_url=url, timeout=30, follow_redirects=True) as c:
                i = 0
                while time.monotonic() < end:
                    with lock:
                        if count >= MIN_REQUESTS and done_at and time.monotonic() > done_at + AFTER_S:
                            return
                        count += 1
                        during += any(p.poll() is None for p in ingests)
                    path = paths[(i + k) % len(paths)]
                    i += 1
                    try:
                        r = c.get(path)
                        if r.status_code != 200:
                            raise RuntimeError(f"{r.status_code} {r.text[:200]}")
                    except Exception as e:  # noqa: BLE001 — every failure is counted, not raised
                        with lock:
                            errors.append(f"{path}: {e}")

        threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENT_THREADS)]
        for t in threads:
            t.start()
            time.sleep(STAGGER_S)
        for t in threads:
            t.join()
        rcs = [p.wait(60) for p in ingests]
        assert rcs == [0] * len(ingests), [p.stderr.read().decode(errors="replace") for p in ingests]
        assert during >= MIN_REQUESTS, (during, count)
        assert not errors, f"{len(errors)} of {count} requests failed, first: {errors[:3]}"
        # the server still reads what the ingests wrote
        stats = httpx.get(url + "/api/stats").json()
        assert json.dumps(stats)
        n = int(subprocess.run([sys.executable, "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
                                ".execute('select count(*) from articles').fetchone()[0])", str(db)],
                               capture_output=True, text=True).stdout)
        assert n >= 20 + 2 * half - 5
        print(f"{count} requests, {during} while an ingest ran, {len(ingests)} ingests, 0 errors")
    finally:
        for p in ingests + [server]:
            if p.poll() is None:
                p.terminate()
                p.wait(30)
