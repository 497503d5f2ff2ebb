"""`zhnews ingest` streams: memory does not grow with the input, duplicates are
found by asking the database (not a set of every hash seen), progress is
counted in bytes without reading the input twice, and only a bounded number
of failure messages is kept in memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_ingest import article_records, make_db, rows, write_jsonl  # noqa: F401
from zhnews.store import ingest as ingest_mod
from zhnews.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]

# Records in the small and the large run: the large one is 4× the small one.
SMALL_RECORDS = 10_000
# Peak RSS the parent may gain from 4× the input (MB): allocator noise. A set
# of content hashes costs ~180 bytes per record, 5.4 MB for the 30,000 extra
# records, so the old `seen` set fails this.
RSS_SLACK_MB = 2.0

_RUN = r"""
import json, resource, sys, time


def main():
    n, path, db = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    # The SQLite page cache is a fixed cap (zhnews.store.sqlite.CACHE_KIB, 256 MB)
    # that fills as the base grows; pinned small so that what is measured is
    # everything else the parent holds.
    import zhnews.store.sqlite as sq
    sq.CACHE_KIB = 2048
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"input": f"春运-{i}", "published": "2026-01-20", "outlet": "人民日报", "articles": [
                {"headline": f"春运第{i}趟加开列车", "text": f"铁路部门今日加开旅客列车{i}列，车站秩序井然。"}]},
                ensure_ascii=False) + "\n")
    from zhnews.store.ingest import ingest
    t = time.monotonic()
    rep = ingest([path], db=db, jobs=2, progress=False)
    print(json.dumps({"articles": rep.articles, "failed": rep.failed, "seconds": time.monotonic() - t,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
"""


def _peak_rss(tmp_path: Path, n: int) -> dict:
    script = tmp_path / "run_ingest.py"
    script.write_text(_RUN, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), str(n), str(tmp_path / f"in{n}.jsonl"),
                        str(tmp_path / f"kb{n}.db")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["articles"] == n and out["failed"] == 0
    return out


def test_parent_memory_is_flat_in_the_input_size(tmp_path):
    small = _peak_rss(tmp_path, SMALL_RECORDS)
    large = _peak_rss(tmp_path, 4 * SMALL_RECORDS)
    print(f"peak RSS of the parent: {small['maxrss_mb']:.1f} MB for {SMALL_RECORDS} records, "
          f"{large['maxrss_mb']:.1f} MB for {4 * SMALL_RECORDS}")
    assert large["maxrss_mb"] - small["maxrss_mb"] < RSS_SLACK_MB, (small, large)


def test_duplicates_inside_one_input_are_stored_once(tmp_path, make_db):
    db = make_db()
    recs = article_records(6)
    # the same lines again, far enough apart that both copies are in flight at once
    src = write_jsonl(tmp_path / "dup.jsonl", recs + recs[:4])
    rep = ingest([str(src)], db=db, jobs=2, batch_articles=3, progress=False)
    assert (rep.pages, rep.articles, rep.skipped, rep.failed) == (6, 6, 4, 0)
    assert rows(db, "SELECT COUNT(*) AS n, COUNT(DISTINCT content_hash) AS h FROM pages")[0] == {"n": 6, "h": 6}
    # --force re-extracts what the base holds, still storing each content once
    rep = ingest([str(src)], db=db, jobs=1, force=True, progress=False)
    assert (rep.pages, rep.skipped) == (6, 4)
    assert rows(db, "SELECT COUNT(*) AS n FROM articles")[0]["n"] == 6


def test_same_content_under_two_names_is_one_page(tmp_path, make_db):
    db = make_db()
    a = write_jsonl(tmp_path / "a.jsonl", article_records(3))
    (tmp_path / "b.jsonl").write_bytes(a.read_bytes())  # lines hash alike; records are keyed by URL
    rep = ingest([str(a), str(tmp_path / "b.jsonl")], db=db, jobs=1, progress=False)
    assert (rep.pages, rep.skipped) == (3, 3)


def test_progress_counts_bytes_to_the_end(tmp_path, capsys):
    from tqdm import tqdm

    src = write_jsonl(tmp_path / "r.jsonl", article_records(5))
    with open(src, "a", encoding="utf-8") as fh:
        fh.write("\n\n")  # blank lines count too
    ingest([str(src)], db=str(tmp_path / "kb.db"), jobs=1, progress=True)
    err = capsys.readouterr().err
    size = tqdm.format_sizeof(src.stat().st_size, divisor=1024)
    assert "100%" in err and f"| {size}/{size} [" in err


def test_failure_messages_are_capped_but_all_counted(tmp_path, monkeypatch, capsys):
    from zhnews import kb_cli

    monkeypatch.setattr(ingest_mod, "MAX_REPORTED_ERRORS", 3)
    src = tmp_path / "bad.jsonl"
    src.write_text("".join(f'{{"url": "x://{i}", "title": "半截\n' for i in range(8))
                   + json.dumps(article_records(1)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    db, errs = str(tmp_path / "kb.db"), tmp_path / "errors.jsonl"
    assert kb_cli.main(["ingest", str(src), "--db", db, "-j", "1", "--errors", str(errs)]) == 2
    err = capsys.readouterr().err
    assert "ingested 1 articles" in err and "8 failed" in err
    assert "… and 5 more failed inputs" in err
    assert len(errs.read_text(encoding="utf-8").splitlines()) == 8
    assert rows(db, "SELECT COUNT(*) AS n FROM ingest_errors")[0]["n"] == 8


def test_blank_input_finishes(tmp_path):
    src = tmp_path / "blank.jsonl"
    src.write_text("\n\n", encoding="utf-8")
    rep = ingest([str(src)], db=str(tmp_path / "kb.db"), jobs=1, progress=False)
    assert (rep.inputs, rep.pages, rep.failed) == (0, 0, 0)
