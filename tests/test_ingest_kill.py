"""An ingest killed with SIGKILL at a random moment, several times, then run to
the end: no committed article is lost, none is duplicated, the file is sound.
This really starts and kills the `zhnews ingest` process (and its workers)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_ingest import article_records

REPO = Path(__file__).resolve().parents[1]
# Records in the archive: enough that an ingest runs for several seconds.
COPIES = 3
KILLS = 3


def _committed(db: Path) -> list[str]:
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return [r[0] for r in con.execute("SELECT url FROM articles")]
    except sqlite3.OperationalError:  # schema not created yet
        return []
    finally:
        con.close()


def _start(src: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "zhnews.kb_cli", "ingest", str(src), "--db", str(db), "--batch", "25", "-j", "2", "-q"],
        cwd=REPO, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_at_random_points_loses_nothing_duplicates_nothing(tmp_path):
    seed = int(os.environ.get("ZHNEWS_KILL_SEED", time.time()))
    rng = random.Random(seed)
    recs = []
    for copy in range(COPIES):
        for r in article_records():
            recs.append(dict(r, url=f"{r['url']}#copy{copy}"))
    src = tmp_path / "archive.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "kb.db"

    killed_mid_run = 0
    for _ in range(KILLS):
        before = set(_committed(db))
        proc = _start(src, db)
        # Wait for this run's first commit, then a random moment more.
        deadline = time.monotonic() + 60
        while len(_committed(db)) <= len(before) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its worker processes
            killed_mid_run += 1
        proc.wait(timeout=30)
        after = _committed(db)
        assert before <= set(after), f"seed {seed}: committed articles lost"
        assert len(after) == len(set(after)), f"seed {seed}: duplicates after a kill"
    assert killed_mid_run >= 1, "the ingest finished before it could be killed; make the archive larger"

    proc = _start(src, db)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    final = _committed(db)
    assert len(final) == len(set(final)) == len(recs), f"seed {seed}"
    assert set(final) == {r["url"] for r in recs}
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == len(recs)
    # The full-text index holds each article once: a word's hits equal its substring matches.
    n_fts = con.execute("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH '\"山西\"'").fetchone()[0]
    n_text = con.execute("SELECT COUNT(*) FROM articles WHERE instr(headline || char(10) || text, '山西') > 0"
                         ).fetchone()[0]
    assert n_fts == n_text > 0
    con.close()
