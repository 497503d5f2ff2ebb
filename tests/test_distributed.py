"""Extraction on a real Dask cluster (two worker processes) → Parquet → the knowledge base.

The Parquet rows must give back exactly what the local `zhnews extract --jobs 1`
prints for the same inputs, in input order, and load into the base like
`zhnews ingest` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from dask.distributed import LocalCluster

from zhnews import distributed
from zhnews.errors import ZhnewsError

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
PAGE = ROOT.parent / "shared" / "examples" / "rmrb-2026-01-27-p10.txt"


@pytest.fixture(scope="module")
def cluster():
    # dask's nanny sets its pre-spawn environment (PYTHONHASHSEED=6640, OMP/MKL/
    # OPENBLAS_NUM_THREADS=1, MALLOC_TRIM_THRESHOLD_) in this process's os.environ and
    # leaves it there: every later test's subprocess would run under it, not under the
    # user's environment (it once made a model retrain in a later test differ).
    saved = dict(os.environ)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
            yield c
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """20 real archive records with a broken line among them, and a whole page file."""
    d = tmp_path_factory.mktemp("inputs")
    with open(ARCHIVE, encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(20), fh)]
    lines.insert(7, '{"url": "x", "title": "半截\n')
    jsonl = d / "rmrb-2026-01.jsonl"
    jsonl.write_text("".join(lines), encoding="utf-8")
    return [str(jsonl), str(PAGE)]


@pytest.fixture(scope="module")
def local_pages(inputs) -> list[dict]:
    r = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", "--jobs", "1", "--format", "jsonl", *inputs],
                       capture_output=True, timeout=300)
    assert r.returncode == 2, r.stderr.decode()  # the broken line and page-furniture records
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


def test_cli_on_a_local_cluster_equals_local_run(cluster, inputs, local_pages, tmp_path):
    assert len(cluster.workers) == 2
    out = tmp_path / "parts"
    r = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", "--engine", "dask",
                        "--scheduler", cluster.scheduler_address, *inputs, "--out", str(out)],
                       capture_output=True, timeout=300)
    assert r.returncode == 2  # same exit as the local run: some inputs were refused
    err = r.stderr.decode()
    assert f"{inputs[0]}:8: not a JSON record" in err and "Traceback" not in err
    assert list(distributed.read_pages(str(out))) == local_pages
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["pages"] == len(local_pages)
    assert manifest["articles"] == sum(len(p["articles"]) for p in local_pages)
    assert manifest["inputs"] == 22 and manifest["errors"] >= 1
    errors = [json.loads(line)["error"] for line in (out / "_errors.jsonl").read_text().splitlines()]
    assert any(":8: not a JSON record" in e for e in errors)


def test_partitions_spread_over_both_workers(cluster, inputs, local_pages, tmp_path):
    out = tmp_path / "parts"
    summary = distributed.dask_extract(inputs, str(out), cluster.scheduler_address, partition_inputs=4)
    files = sorted(out.glob("part-*.parquet"))
    assert len(files) == summary["partitions"] == 6  # 22 inputs by 4
    assert summary["workers"] == 2
    assert list(distributed.read_pages(str(out))) == local_pages
    table = pq.read_table(files[0])
    for col in ("source", "content_hash", "page_input", "published", "outlet", "headline", "kicker",
                "subheadline", "byline", "date", "text", "people", "statements", "figures"):
        assert col in table.column_names
    row = table.slice(0, 1).to_pylist()[0]
    assert row["source"].startswith("http://paper.people.com.cn/")
    assert json.loads(row["byline"]).keys() >= {"reporters", "outlet"}
    # provenance survives the round trip
    for page in distributed.read_pages(str(out)):
        for art in page["articles"]:
            for f in art["figures"]:
                assert art["text"][f["start"]:f["end"]] == f["text"]


def test_load_into_the_knowledge_base_like_ingest(cluster, inputs, tmp_path):
    out = tmp_path / "parts"
    distributed.dask_extract(inputs, str(out), cluster.scheduler_address, partition_inputs=8)
    db = tmp_path / "kb.db"
    report = distributed.load_parquet(str(out), str(db))
    n_pages = sum(1 for _ in distributed.read_pages(str(out)))
    assert report["pages"] == n_pages and report["articles"] >= n_pages
    again = distributed.load_parquet(str(out), str(db))
    assert again["pages"] == 0 and again["skipped"] == n_pages  # resumable, no duplicates

    from zhnews.store import open_store
    from zhnews.store.ingest import ingest
    from zhnews.store.search import search

    store = open_store(str(db))
    try:
        assert store.scalar("SELECT COUNT(*) FROM articles") == report["articles"]
        first = next(distributed.read_pages(str(out)))
        hits = search(store, first["articles"][0]["headline"][:4])
        assert first["articles"][0]["headline"] in [h["headline"] for h in hits]
    finally:
        store.close()
    # the same archive ingested afterwards finds its pages already there (same source and hash)
    rep = ingest([inputs[0]], db=str(db), jobs=1, progress=False)
    assert rep.skipped >= n_pages - 1


def test_refuses_a_used_output_folder(cluster, inputs, tmp_path):
    out = tmp_path / "parts"
    distributed.dask_extract(inputs[1:], str(out), cluster.scheduler_address)
    with pytest.raises(ZhnewsError, match="already holds Parquet partitions"):
        distributed.dask_extract(inputs[1:], str(out), cluster.scheduler_address)


def test_unreachable_scheduler_is_a_clear_error(monkeypatch, inputs, tmp_path):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ZhnewsError, match="cannot reach the Dask scheduler"):
        distributed.dask_extract(inputs[1:], str(tmp_path / "o"), "tcp://127.0.0.1:9")


def test_load_refuses_a_folder_without_partitions(tmp_path):
    with pytest.raises(ZhnewsError, match="no part-"):
        distributed.load_parquet(str(tmp_path), str(tmp_path / "kb.db"))
    assert not (tmp_path / "kb.db").exists()


def test_furniture_only_records_are_skipped_alike_locally_and_on_dask(cluster, tmp_path):
    """One rule for both engines: furniture-only records are one summary line, not an error each."""
    from test_ingest import article_records, corpus_records, furniture_urls, write_jsonl

    furniture = [r for r in corpus_records() if r["url"] in furniture_urls()][:4]
    src = write_jsonl(tmp_path / "furn.jsonl", article_records(2) + furniture + article_records(3)[2:])
    local = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", "--jobs", "1", str(src)],
                           capture_output=True, timeout=300)
    out = tmp_path / "parts"
    dask = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", "--engine", "dask", "--scheduler",
                           cluster.scheduler_address, str(src), "--out", str(out)], capture_output=True, timeout=300)
    assert local.returncode == dask.returncode == 0, (local.stderr.decode(), dask.stderr.decode())
    assert local.stderr.decode().splitlines() == dask.stderr.decode().splitlines() == [
        "zhnews: 4 records hold only page furniture (本版责编, captions) and were skipped"]
    manifest = json.loads((out / "_manifest.json").read_text())
    assert (manifest["errors"], manifest["skipped"], manifest["pages"]) == (0, 4, 3)
    assert not (out / "_errors.jsonl").exists()
    assert [json.loads(line) for line in local.stdout.decode().splitlines()] == list(distributed.read_pages(str(out)))


def test_parquet_rows_carry_every_article_field():
    """Every field `zhnews extract` prints survives the Parquet row round trip, so a
    field added to Article cannot silently go missing on the Dask engine (deck and
    continued did)."""
    import zhnews

    page = zhnews.extract(PAGE.read_text(encoding="utf-8")).to_dict()
    assert page["articles"]
    back = distributed.rows_to_page(distributed.page_rows(0, str(PAGE), "h", None, page))
    assert back["articles"] == page["articles"]


def test_parquet_rows_carry_every_page_field():
    import zhnews

    page = zhnews.extract(PAGE.read_text(encoding="utf-8")).to_dict()
    back = distributed.rows_to_page(distributed.page_rows(0, str(PAGE), "h", None, page))
    assert {k: v for k, v in back.items() if k != "articles"} == {k: v for k, v in page.items() if k != "articles"}
