"""Export: JSONL of articles with nested facts, CSV and Parquet of every table."""

from __future__ import annotations

import csv
import json

import pytest

from test_ingest import article_records, make_article, make_db, page_json, rows, write_jsonl  # noqa: F401
from zhnews.store import StoreError, open_store
from zhnews.store.export import EXPORT_TABLES, export_jsonl, export_tables, table_columns
from zhnews.store.ingest import ingest


@pytest.fixture(scope="module")
def small_db(make_db, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exp")
    db = make_db()
    art = make_article("山西代表团举行全体会议", "省委书记唐登杰主持会议。唐登杰说：“要把嘱托落到实处。”", "2025-03-06",
                       people={"唐登杰": ["省委书记"]}, orgs={"最高法": "最高人民法院"},
                       said={"唐登杰": "要把嘱托落到实处。"})
    ingest([str(page_json(tmp, "p", [art], "2025-03-07", "山西日报")),
            str(write_jsonl(tmp / "r.jsonl", article_records(20)))], db=db, jobs=1, progress=False)
    return db


def test_jsonl_has_every_article_with_facts(small_db, tmp_path):
    out = tmp_path / "a.jsonl"
    with open_store(small_db, readonly=True) as s, open(out, "w", encoding="utf-8") as fh:
        assert export_jsonl(s, fh) == 21
    arts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len({a["article_id"] for a in arts}) == 21
    tang = next(a for a in arts if a["headline"] == "山西代表团举行全体会议")
    assert tang["people"][0]["name"] == "唐登杰" and tang["people"][0]["titles"] == ["省委书记"]
    for m in tang["people"][0]["mentions"]:
        assert tang["text"][m["start"]:m["end"]] == m["text"]
    st = tang["statements"][0]
    assert tang["text"][st["start"]:st["end"]] == st["text"] == "要把嘱托落到实处。"
    assert tang["organizations"][0]["canonical"] == "最高人民法院"
    assert tang["outlet"] == "山西日报"
    recs = {r["url"] for r in article_records(20)}
    assert {a["url"] for a in arts if a["url"]} == recs


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_export_row_counts(small_db, tmp_path, fmt):
    with open_store(small_db, readonly=True) as s:
        counts = export_tables(s, str(tmp_path / "out"), fmt)
    assert set(counts) == set(EXPORT_TABLES)
    for table, n in counts.items():
        assert n == rows(small_db, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        path = tmp_path / "out" / f"{table}.{fmt}"
        if fmt == "csv":
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
            with open(path, encoding="utf-8-sig", newline="") as fh:
                data = list(csv.reader(fh))
            assert len(data) == n + 1
            assert data[0][0] == table_columns()[table][0][0]
        else:
            import pyarrow.parquet as pq

            t = pq.read_table(path)
            assert t.num_rows == n
    assert not list((tmp_path / "out").glob("*.part"))
    assert counts["articles"] == 21 and counts["people"] >= 1  # 唐登杰 + whoever the extractor finds


def test_parquet_types_and_values(small_db, tmp_path):
    import pyarrow.parquet as pq

    with open_store(small_db, readonly=True) as s:
        export_tables(s, str(tmp_path), "parquet", ["articles", "figures"])
    arts = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    assert {a["headline"] for a in arts} >= {"山西代表团举行全体会议"}
    figs = pq.read_table(tmp_path / "figures.parquet")
    assert str(figs.schema.field("value").type) == "double"


def test_unknown_table_and_cli(small_db, tmp_path, capsys):
    from zhnews import kb_cli

    with open_store(small_db, readonly=True) as s, pytest.raises(StoreError, match="unknown table"):
        export_tables(s, str(tmp_path), "csv", ["nope"])
    assert kb_cli.main(["export", "--format", "csv", "--db", small_db]) == 2  # needs --output
    assert kb_cli.main(["export", "--format", "jsonl", "--db", small_db, "-o", str(tmp_path / "x.jsonl")]) == 0
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 21
    assert kb_cli.main(["export", "--format", "parquet", "--db", small_db, "-o", str(tmp_path / "pq"),
                        "--tables", "people,titles"]) == 0
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["people.parquet", "titles.parquet"]


def test_csv_opens_in_excel_by_default_and_plain_utf8_on_request(small_db, tmp_path):
    from zhnews import kb_cli

    assert kb_cli.main(["export", "--format", "csv", "--db", small_db, "-o", str(tmp_path / "bom"),
                        "--tables", "articles"]) == 0
    data = (tmp_path / "bom" / "articles.csv").read_bytes()
    assert data.startswith("\ufeff".encode("utf-8")) and "山西代表团举行全体会议".encode("utf-8") in data
    assert kb_cli.main(["export", "--format", "csv", "--db", small_db, "-o", str(tmp_path / "plain"),
                        "--tables", "articles", "--csv-encoding", "utf-8"]) == 0
    assert (tmp_path / "plain" / "articles.csv").read_bytes() == data[3:]
