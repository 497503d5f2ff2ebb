"""`zhnews ingest --from-parquet DIR`: a Dask extraction output folder into the
knowledge base, without extracting again; loading it twice changes nothing.

The Parquet folder is written by the same per-partition writer the cluster
workers run (`zhnews.distributed.extract_partition`), called here in-process:
no cluster is needed to make a real output folder. The backend comes from
`make_db` (test_postgres.py runs these against PostgreSQL too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_ingest import corpus_records, make_db, rows, write_jsonl  # noqa: F401
from zhnews import distributed, kb_cli
from zhnews.work import find_inputs, iter_items


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory) -> Path:
    """12 real archive records and one broken line, in partitions of 5 inputs."""
    d = tmp_path_factory.mktemp("dask")
    src = write_jsonl(d / "rmrb.jsonl", corpus_records(12))
    with open(src, "a", encoding="utf-8") as fh:
        fh.write('{"url": "x", "title": "半截\n')
    out = d / "parts"
    out.mkdir()
    items = iter_items(find_inputs([str(src)]), read=True)  # what the client of a Dask run ships
    seq = 0
    all_errors = []
    for part, chunk in enumerate(distributed.partitions(items, max_inputs=5)):
        res = distributed.extract_partition(part, seq, chunk, str(out))
        seq += len(chunk)
        all_errors += res["errors"]
    # what dask_extract leaves beside the partitions
    (out / "_errors.jsonl").write_text("".join(json.dumps({"error": e}, ensure_ascii=False) + "\n"
                                               for e in all_errors), encoding="utf-8")
    assert len(list(out.glob("part-*.parquet"))) == 3
    return out


def test_from_parquet_loads_then_reloads_as_a_no_op(parquet_dir, make_db, capsys):
    db = make_db()
    pages = list(distributed.read_pages(str(parquet_dir)))
    n_articles = sum(len(p["articles"]) for p in pages)
    assert n_articles >= 10  # the records that hold article text

    assert kb_cli.main(["ingest", "--from-parquet", str(parquet_dir), "--db", db]) == 0
    err = capsys.readouterr().err
    assert f"loaded {n_articles} articles from {len(pages)} pages (3 Parquet partitions)" in err
    assert "inputs had failed at extraction" in err and "_errors.jsonl" in err
    stored = rows(db, "SELECT a.id, a.headline, a.text, p.source, p.content_hash FROM articles a "
                      "JOIN pages p ON p.id = a.page_id ORDER BY a.id")
    assert [(r["headline"], r["text"]) for r in stored] == [
        (a["headline"], a["text"]) for p in pages for a in p["articles"]]
    # keyed like `zhnews ingest` keys the same records: by URL and the line's sha256
    urls = {r["url"] for r in corpus_records(12)}
    assert {r["source"] for r in stored} <= urls

    assert kb_cli.main(["ingest", "--from-parquet", str(parquet_dir), "--db", db, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["pages"], report["articles"], report["skipped"]) == (0, 0, len(pages))
    assert rows(db, "SELECT a.id, a.headline, a.text, p.source, p.content_hash FROM articles a "
                    "JOIN pages p ON p.id = a.page_id ORDER BY a.id") == stored

    from zhnews.store import open_store
    from zhnews.store.search import search

    with open_store(db, readonly=True) as s:
        word = pages[0]["articles"][0]["headline"][:4]
        assert pages[0]["articles"][0]["headline"] in [h["headline"] for h in search(s, word)]


def test_from_parquet_user_mistakes_are_one_line(tmp_path, parquet_dir, capsys):
    db = tmp_path / "kb.db"
    assert kb_cli.main(["ingest", "--from-parquet", str(tmp_path), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "no part-*.parquet files" in err and "Traceback" not in err
    assert not db.exists()  # nothing created for a wrong folder
    assert kb_cli.main(["ingest", "--from-parquet", str(tmp_path / "none"), "--db", str(db)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert kb_cli.main(["ingest", "some.jsonl", "--from-parquet", str(parquet_dir), "--db", str(db)]) == 2
    assert "input paths do not apply" in capsys.readouterr().err
    assert kb_cli.main(["ingest", "--from-parquet", str(parquet_dir), "--outlet", "人民日报", "--db", str(db)]) == 2
    assert "--outlet do not apply" in capsys.readouterr().err
    assert kb_cli.main(["ingest", "--db", str(db)]) == 2
    assert "give inputs to ingest" in capsys.readouterr().err
    assert not db.exists()
