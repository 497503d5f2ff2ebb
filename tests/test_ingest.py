"""Ingest: JSONL records, files and folders into the knowledge base; idempotent,
replacing changed pages, reporting bad inputs without stopping, refusing
foreign files. The backend comes from the `make_db` fixture, which
test_postgres.py overrides to run these same tests against PostgreSQL."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from zhnews.model import Article, Mention, Organization, Page, Person, Statement
from zhnews.store import StoreError, open_store
from zhnews.store.ingest import ingest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
if not CORPUS.exists():  # the checkout sits beside shared/ in /work
    CORPUS = Path("/work/shared/data/rmrb-2026-01-unlabeled.jsonl")
    EXAMPLES = Path("/work/shared/examples")

_counter = itertools.count()


@pytest.fixture(scope="module")
def make_db(tmp_path_factory):
    """A function returning a fresh, empty knowledge-base location."""
    base = tmp_path_factory.mktemp("kb")
    return lambda: str(base / f"kb{next(_counter)}.db")


def corpus_records(n: int | None = None) -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    return recs[:n] if n else recs


@functools.lru_cache(maxsize=1)
def furniture_urls() -> frozenset[str]:
    """URLs of corpus records that are page furniture only (本版责编 credit
    boxes): the extractor finds no article text in them, so ingest skips them.
    Asked of the extractor's own article builder, not a list."""
    from zhnews.extraction import article_from_parts

    out = set()
    for r in corpus_records():
        body = "\n".join(p for p in r.get("paragraphs") or [] if p and p.strip())
        title = (r.get("title") or "").strip()
        if title and body and not article_from_parts(title, body, published=r.get("date")).text:
            out.add(r["url"])
    return frozenset(out)


def article_records(n: int | None = None) -> list[dict]:
    """The first n corpus records that hold article text (one article each)."""
    recs = [r for r in corpus_records() if r["url"] not in furniture_urls()]
    return recs[:n] if n else recs


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def mention_all(text: str, name: str) -> list[Mention]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(Mention(name, i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def make_article(headline: str, text: str, date: str, people: dict[str, list[str]] | None = None,
                 orgs: dict[str, str | None] | None = None, said: dict[str, str] | None = None) -> Article:
    """An article with people (name → titles), organizations (name → canonical)
    and statements (speaker → said text), all located in `text`."""
    art = Article(headline=headline, text=text, date=date)
    for name, titles in (people or {}).items():
        tms = []
        for t in titles:
            i = text.find(t)
            if i >= 0:
                tms.append({"title": t, "start": i, "end": i + len(t)})
        art.people.append(Person(name=name, titles=list(titles), mentions=mention_all(text, name),
                                 title_mentions=tms))
    for name, canonical in (orgs or {}).items():
        art.organizations.append(Organization(name=name, mentions=mention_all(text, name), canonical=canonical))
    for speaker, said_text in (said or {}).items():
        i = text.index(said_text)
        art.statements.append(Statement(kind="said", speaker=speaker, text=said_text, start=i, end=i + len(said_text)))
    return art


def page_json(tmp_path: Path, name: str, articles: list[Article], published: str, outlet: str = "人民日报") -> Path:
    page = Page(input=name, articles=articles, published=published, outlet=outlet)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(page.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def rows(db: str, sql: str, params=()) -> list[dict]:
    with open_store(db, readonly=True) as s:
        return s.query(sql, params)


# -- tests ------------------------------------------------------------------------------------
def test_jsonl_records_become_articles_once(tmp_path, make_db):
    db = make_db()
    recs = article_records(40)
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    rep = ingest([str(src)], db=db, jobs=2, batch_articles=7, progress=False)
    assert rep.errors == [] and rep.pages == 40 and rep.articles == 40
    got = rows(db, "SELECT url, headline, published FROM articles ORDER BY id")
    assert sorted(r["url"] for r in got) == sorted(r["url"] for r in recs)
    by_url = {r["url"]: r for r in recs}
    for r in got:
        assert r["published"] == by_url[r["url"]]["date"]

    again = ingest([str(src)], db=db, jobs=2, progress=False)
    assert (again.pages, again.articles, again.skipped) == (0, 0, 40)
    assert rows(db, "SELECT COUNT(*) AS n, MAX(id) AS m FROM articles")[0] == {"n": 40, "m": max(
        r["id"] for r in rows(db, "SELECT id FROM articles"))}


def test_changed_record_replaces_its_article(tmp_path, make_db):
    db = make_db()
    recs = article_records(5)
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    ingest([str(src)], db=db, jobs=1, progress=False)
    changed = dict(recs[2], paragraphs=["“十四五”时期，太原市新建城市公园二十八个，市民出门见绿。", "记者从太原市园林局获悉。"])
    write_jsonl(src, recs[:2] + [changed] + recs[3:])
    rep = ingest([str(src)], db=db, jobs=1, progress=False)
    assert (rep.pages, rep.skipped) == (1, 4)
    arts = rows(db, "SELECT text FROM articles WHERE url = ?", [recs[2]["url"]])
    assert len(arts) == 1 and "太原市新建城市公园" in arts[0]["text"]
    assert rows(db, "SELECT COUNT(*) AS n FROM articles")[0]["n"] == 5
    old_word = recs[2]["paragraphs"][0][:4]
    from zhnews.store.search import search
    with open_store(db, readonly=True) as s:
        hits = {h["url"] for h in search(s, "城市公园")}
        assert recs[2]["url"] in hits
        assert all(recs[2]["url"] != h["url"] for h in search(s, old_word)) or old_word in changed["paragraphs"][0]


def test_bad_inputs_are_reported_and_the_rest_ingested(tmp_path, make_db):
    db = make_db()
    recs = article_records(3)
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps(recs[0], ensure_ascii=False) + "\n{broken json\n[1, 2]\n"
                   + json.dumps({"url": "x://empty", "title": "空", "paragraphs": []}) + "\n"
                   + json.dumps(recs[1], ensure_ascii=False) + "\n", encoding="utf-8")
    rep = ingest([str(src), str(tmp_path / "missing.txt"), str(write_jsonl(tmp_path / "b.jsonl", recs[2:]))],
                 db=db, jobs=2, progress=False)
    assert rep.articles == 3
    failed = {s for s, _ in rep.errors}
    assert failed == {f"{src}#L2", f"{src}#L3", "x://empty", str(tmp_path / "missing.txt")}
    stored = {r["source"] for r in rows(db, "SELECT source FROM ingest_errors")}
    assert stored == failed


def test_corpus_and_examples_in_one_command(make_db):
    db = make_db()
    rep = ingest([str(CORPUS), str(EXAMPLES)], db=db, progress=False)
    assert rep.errors == [] and rep.furniture == len(furniture_urls()) > 0
    n = len(corpus_records()) - len(furniture_urls())
    urls = rows(db, "SELECT COUNT(*) AS n, COUNT(DISTINCT url) AS u FROM articles WHERE url IS NOT NULL")[0]
    assert urls == {"n": n, "u": n}
    pages = rows(db, "SELECT source FROM pages WHERE source NOT LIKE 'http%'")
    assert sorted(Path(p["source"]).name for p in pages) == sorted(p.name for p in EXAMPLES.glob("*.txt"))
    per_page = rows(db, "SELECT p.source, COUNT(a.id) AS n FROM pages p LEFT JOIN articles a ON a.page_id = p.id "
                        "GROUP BY p.source")
    assert all(r["n"] >= 1 for r in per_page)


def test_every_fact_points_into_its_article(make_db):
    db = make_db()
    ingest([str(CORPUS), str(EXAMPLES)], db=db, progress=False)
    texts = {r["id"]: r["text"] for r in rows(db, "SELECT id, text FROM articles")}
    checked = 0
    for table in ("mentions", "statements", "figures", "list_items"):
        for r in rows(db, f"SELECT article_id, text, start_offset, end_offset FROM {table}"):
            assert texts[r["article_id"]][r["start_offset"]:r["end_offset"]] == r["text"], (table, r)
            checked += 1
    for r in rows(db, "SELECT article_id, title, start_offset, end_offset FROM titles WHERE start_offset IS NOT NULL"):
        assert texts[r["article_id"]][r["start_offset"]:r["end_offset"]] == r["title"]
    assert checked > 100  # figures and statements at least are extracted from the corpus


def test_page_json_with_facts(tmp_path, make_db):
    db = make_db()
    text = "3月6日下午，山西代表团举行全体会议。省委书记唐登杰主持会议。唐登杰说：“要把总书记的嘱托落到实处。”"
    art = make_article("山西代表团举行全体会议", text, "2025-03-06", people={"唐登杰": ["省委书记"]},
                       orgs={"山西代表团": None}, said={"唐登杰": "要把总书记的嘱托落到实处。"})
    path = page_json(tmp_path, "p1", [art], "2025-03-07", outlet="山西日报")
    rep = ingest([str(path)], db=db, jobs=1, progress=False)
    assert rep.errors == [] and rep.articles == 1
    st = rows(db, "SELECT s.text, p.name FROM statements s JOIN people p ON p.id = s.person_id")
    assert st == [{"text": "要把总书记的嘱托落到实处。", "name": "唐登杰"}]
    assert rows(db, "SELECT title, date FROM titles") == [{"title": "省委书记", "date": "2025-03-06"}]
    assert rows(db, "SELECT outlet, published FROM articles") == [{"outlet": "山西日报", "published": "2025-03-07"}]


def test_outlet_default_fills_only_missing(tmp_path, make_db):
    db = make_db()
    a = page_json(tmp_path, "own", [make_article("甲", "太原市今日降雪。", "2025-01-02")], "2025-01-02",
                  outlet="山西日报")
    b = write_jsonl(tmp_path / "r.jsonl", corpus_records(1))
    ingest([str(a), str(b)], db=db, jobs=1, progress=False, defaults={"outlet": "人民日报"})
    got = {r["headline"]: r["outlet"] for r in rows(db, "SELECT headline, outlet FROM articles")}
    assert got["甲"] == "山西日报"
    assert got[corpus_records(1)[0]["title"]] == "人民日报"


# -- SQLite files that are not ours ------------------------------------------------------------
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_foreign_database_is_refused_untouched(tmp_path):
    foreign = tmp_path / "photos.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    con.execute("INSERT INTO photos (path) VALUES ('a.jpg')")
    con.commit()
    con.close()
    before = _digest(foreign)
    with pytest.raises(StoreError, match="another program"):
        ingest([str(write_jsonl(tmp_path / "r.jsonl", corpus_records(2)))], db=str(foreign), jobs=1, progress=False)
    assert _digest(foreign) == before
    assert not (tmp_path / "photos.db-wal").exists()


def test_sqlite_garbage_and_truncated_files_are_refused_untouched(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(junk), create=True)
    good = tmp_path / "good.db"
    ingest([str(write_jsonl(tmp_path / "r.jsonl", corpus_records(30)))], db=str(good), jobs=1, progress=False)
    with open_store(str(good)) as s:  # fold the WAL in, so the main file holds everything
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    broken = tmp_path / "broken.db"
    data = good.read_bytes()
    broken.write_bytes(data[:100] + b"\x00" * 4000 + data[4100: len(data) // 2])
    before = _digest(broken)
    with pytest.raises(StoreError):
        with open_store(str(broken), create=True) as s:
            s.query("SELECT COUNT(*) FROM articles")
    assert _digest(broken) == before


def test_sqlite_missing_base_for_queries(tmp_path):
    with pytest.raises(StoreError, match="no knowledge base"):
        open_store(str(tmp_path / "none.db"), readonly=True)
    assert not (tmp_path / "none.db").exists()


def test_cli_ingest_reports_and_exit_codes(tmp_path, capsys):
    from zhnews import kb_cli

    db = str(tmp_path / "cli.db")
    src = write_jsonl(tmp_path / "r.jsonl", article_records(3))
    assert kb_cli.main(["ingest", str(src), "--db", db, "-j", "1"]) == 0
    assert "ingested 3 articles" in capsys.readouterr().err
    assert kb_cli.main(["ingest", str(src), str(tmp_path / "nope"), "--db", db, "-j", "1",
                        "--errors", str(tmp_path / "err.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "3 inputs already in the base" in err and "nope: no such file or folder" in err
    assert json.loads((tmp_path / "err.jsonl").read_text(encoding="utf-8"))["source"].endswith("nope")
    shutil.copy(src, tmp_path / "x.jsonl")
    assert kb_cli.main(["search", "--db", str(tmp_path / "photos.db"), "山西"]) == 2


def test_a_page_that_cannot_be_stored_is_reported_and_the_batch_kept(tmp_path, make_db):
    db = make_db()
    good = page_json(tmp_path, "good", [make_article("春运首日", "铁路部门加开列车。", "2026-01-20")], "2026-01-20")
    bad = json.loads(good.read_text(encoding="utf-8"))
    bad["articles"][0]["figures"] = [{"text": "列车", "value": 1, "unit": "列", "start": "x", "end": None}]
    bad["input"] = "bad"
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    rep = ingest([str(good), str(tmp_path / "bad.json")], db=db, jobs=1, progress=False)
    assert rep.articles == 1 and [s for s, _ in rep.errors] == [str(tmp_path / "bad.json")]
    assert "cannot store" in rep.errors[0][1]
    assert rows(db, "SELECT headline FROM articles") == [{"headline": "春运首日"}]


def test_standard_input_is_refused_with_the_rest_ingested(tmp_path, make_db):
    """'-' has no name to key a page by: one error for it, the files beside it
    go in (the work-item path is shared with `extract`, which reads stdin)."""
    db = make_db()
    page = EXAMPLES / "shanxi-daily-2025-03-07.txt"
    rep = ingest(["-", str(page)], db=db, jobs=1, progress=False)
    assert rep.pages == 1 and rep.failed == 1
    assert rep.errors == [("-", "standard input cannot be ingested; save it to a file")]


def test_ingest_logs_each_commit(tmp_path, make_db, caplog):
    """Library code logs instead of printing: ZHNEWS_LOG=INFO shows this."""
    import logging

    with caplog.at_level(logging.INFO, logger="zhnews.store.ingest"):
        ingest([str(EXAMPLES / "shanxi-daily-2025-03-07.txt")], db=make_db(), jobs=1, progress=False)
    assert any("committed 1 pages, 2 articles" in r.getMessage() for r in caplog.records)
