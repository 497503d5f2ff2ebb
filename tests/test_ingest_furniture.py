"""Archive records that hold only page furniture (a 本版责编 / 版式设计 credit
box the archive cut out as if it were an article) are skipped and counted:
not stored as articles, not reported as failures, one summary clause instead
of an error line each."""

from __future__ import annotations

import json

from test_ingest import article_records, corpus_records, furniture_urls, make_db, rows, write_jsonl  # noqa: F401
from zhnews import kb_cli
from zhnews.store.ingest import ingest


def _furniture() -> list[dict]:
    return [r for r in corpus_records() if r["url"] in furniture_urls()]


def test_furniture_records_are_counted_not_stored_nor_failed(tmp_path, make_db):
    db = make_db()
    furn = _furniture()[:3]
    arts = article_records(4)
    src = write_jsonl(tmp_path / "page.jsonl", arts[:2] + furn + arts[2:])
    rep = ingest([str(src)], db=db, jobs=2, progress=False)
    assert (rep.pages, rep.articles, rep.furniture, rep.failed, rep.errors) == (4, 4, 3, 0, [])
    stored = {r["url"] for r in rows(db, "SELECT url FROM articles")}
    assert stored == {r["url"] for r in arts}
    assert rows(db, "SELECT COUNT(*) AS n FROM ingest_errors")[0]["n"] == 0
    # again: the articles are in the base, the furniture is counted again, nothing written
    rep = ingest([str(src)], db=db, jobs=1, progress=False)
    assert (rep.pages, rep.skipped, rep.furniture, rep.failed) == (0, 4, 3, 0)


def test_cli_says_it_in_one_summary_line(tmp_path, capsys):
    src = write_jsonl(tmp_path / "r.jsonl", _furniture() + article_records(2))
    db = str(tmp_path / "kb.db")
    assert kb_cli.main(["ingest", str(src), "--db", db, "-j", "1"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    n = len(furniture_urls())
    assert len(err) == 1, err
    assert "ingested 2 articles" in err[0] and f"{n} furniture-only records skipped" in err[0]
    assert err[0].endswith("0 failed")
    assert kb_cli.main(["ingest", str(src), "--db", db, "-j", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["furniture"], report["failed"], report["skipped"]) == (n, 0, 2)


def test_a_credit_line_stored_before_is_removed(tmp_path, make_db):
    """A base built by an older zhnews holds the credit box as an article under
    the record's URL; ingesting the record now removes it."""
    db = make_db()
    rec = _furniture()[0]
    old_page = {"input": rec["url"], "published": rec["date"], "outlet": "人民日报", "articles": [
        {"headline": rec["title"], "text": "\n".join(rec["paragraphs"]), "url": rec["url"]}]}
    (tmp_path / "old.jsonl").write_text(json.dumps(dict(old_page, url=rec["url"]), ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    ingest([str(tmp_path / "old.jsonl")], db=db, jobs=1, progress=False)
    assert rows(db, "SELECT COUNT(*) AS n FROM pages WHERE source = ?", [rec["url"]])[0]["n"] == 1
    rep = ingest([str(write_jsonl(tmp_path / "r.jsonl", [rec]))], db=db, jobs=1, progress=False)
    assert (rep.furniture, rep.failed) == (1, 0)
    assert rows(db, "SELECT COUNT(*) AS n FROM articles")[0]["n"] == 0
    assert rows(db, "SELECT COUNT(*) AS n FROM pages")[0]["n"] == 0


def test_a_record_without_any_text_is_still_a_failure(tmp_path, make_db):
    db = make_db()
    src = write_jsonl(tmp_path / "r.jsonl", [{"url": "x://blank", "title": "空白", "paragraphs": ["  ", ""]}])
    rep = ingest([str(src)], db=db, jobs=1, progress=False)
    assert (rep.furniture, rep.failed, rep.pages) == (0, 1, 0)
    assert "record has no text" in rep.errors[0][1]
