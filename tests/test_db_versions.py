"""A knowledge base knows what made it (issue 16): every page records the zhnews
version and the fingerprint of the models and lexicons that extracted it; the
base records its schema and tokenizer versions; an older schema is migrated,
an index of another tokenizer is refused until rebuilt, and
`zhnews ingest --reextract outdated` redoes only what an older extractor made.

tests/fixtures/kb-v1/kb-v1.db was made by zhnews 0.2.0 (schema 1) from the two
pages in tests/fixtures/kb-v1/v1in, before this change: a real base of the
previous release, not one written by hand."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zhnews.provenance import extractor_id
from zhnews.store import StoreError, open_store
from zhnews.store.export import export_tables
from zhnews.store.schema import SCHEMA_VERSION
from zhnews.web.queries import article_record, article_view, page_image
from zhnews.store.ingest import ingest

FIX = Path(__file__).resolve().parent / "fixtures" / "kb-v1"
_counter = itertools.count()


@pytest.fixture(scope="module")
def make_db(tmp_path_factory):
    """A function returning a fresh, empty knowledge-base location."""
    base = tmp_path_factory.mktemp("kb")
    return lambda: str(base / f"kb{next(_counter)}.db")


@pytest.fixture()
def v1(tmp_path) -> Path:
    db = tmp_path / "kb-v1.db"
    shutil.copy(FIX / "kb-v1.db", db)
    return db


def _meta(db: Path) -> dict:
    with sqlite3.connect(db) as c:
        return dict(c.execute("SELECT key, value FROM zhnews_meta").fetchall())


def _zhnews(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhnews", *args], capture_output=True, text=True, timeout=300)


def test_the_fixture_is_a_schema_1_base():
    meta = _meta(FIX / "kb-v1.db")
    assert meta["schema_version"] == "1" and "tokenizer_version" not in meta


def test_a_reader_never_writes_an_old_base_and_says_what_to_do(v1):
    """Its index has the tokens of tokenizer 1 (no traditional fold): a search
    would miss traditional pages, so a reader refuses, names the fix, and writes
    nothing; `zhnews ingest --reindex` migrates and rebuilds."""
    before = hashlib.sha256(v1.read_bytes()).hexdigest()
    r = _zhnews("search", "煤炭", "--db", str(v1), "--count")
    assert r.returncode == 2 and "zhnews ingest --reindex" in r.stderr and "Traceback" not in r.stderr
    assert hashlib.sha256(v1.read_bytes()).hexdigest() == before  # read-only: never migrated by a reader
    assert _zhnews("ingest", "--reindex", "--db", str(v1)).returncode == 0
    assert _zhnews("search", "煤炭", "--db", str(v1), "--count").stdout.strip() == "1"


def test_writing_migrates_it_and_keeps_every_row(v1):
    with sqlite3.connect(v1) as c:
        counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("pages", "articles", "people", "statements", "figures")}
    store = open_store(str(v1))
    store.close()
    meta = _meta(v1)
    # migrated, and its index rebuilt with today's tokenizer in the same open
    assert (meta["schema_version"], meta["migrated_from"], meta["tokenizer_version"]) == (SCHEMA_VERSION, "1", "2")
    with sqlite3.connect(v1) as c:
        assert {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts
        cols = [r[1] for r in c.execute("PRAGMA table_info(pages)")]
        assert "zhnews_version" in cols and "extractor" in cols
        assert "regions" in [r[1] for r in c.execute("PRAGMA table_info(articles)")]  # schema 3
        assert c.execute("SELECT COUNT(*) FROM page_images").fetchone()[0] == 0
        assert c.execute("SELECT COUNT(*) FROM pages WHERE extractor IS NULL").fetchone()[0] == counts["pages"]
    assert _zhnews("search", "煤炭", "--db", str(v1), "--count").stdout.strip() == "1"


def test_reextract_outdated_redoes_only_what_an_older_extractor_made(v1):
    inputs = str(FIX / "v1in")
    r = _zhnews("ingest", inputs, "--db", str(v1), "--json", "--jobs", "1")
    report = json.loads(r.stdout)
    assert (report["pages"], report["skipped"], report["outdated"]) == (0, 2, 2)  # same content: kept, but flagged
    r = _zhnews("ingest", inputs, "--db", str(v1), "--json", "--jobs", "1", "--reextract", "outdated")
    report = json.loads(r.stdout)
    assert (report["pages"], report["outdated"]) == (2, 0), r.stderr
    with sqlite3.connect(v1) as c:
        rows = c.execute("SELECT zhnews_version, extractor, content_hash FROM pages").fetchall()
        assert len(rows) == 2 and {x[1] for x in rows} == {extractor_id()}  # replaced, not added beside
        assert len({x[2] for x in rows}) == 2
        assert c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    r = _zhnews("ingest", inputs, "--db", str(v1), "--json", "--jobs", "1", "--reextract", "outdated")
    assert json.loads(r.stdout)["pages"] == 0  # nothing outdated left: nothing redone
    assert _zhnews("search", "煤炭", "--db", str(v1), "--count").stdout.strip() == "1"


def _downgrade_to_schema_1(db: str) -> None:
    """The state a schema-1 base is in, made from a current one (for backends where no
    file of the previous release can be shipped: PostgreSQL)."""
    store = open_store(db)
    try:
        with store.transaction():
            store.execute("ALTER TABLE pages DROP COLUMN zhnews_version")
            store.execute("ALTER TABLE pages DROP COLUMN extractor")
            store.execute("ALTER TABLE articles DROP COLUMN regions")  # schema 3
            store.execute("DROP TABLE page_images")
            store.execute("DELETE FROM zhnews_meta WHERE key IN ('tokenizer_version', 'schema_version')")
            store.execute("INSERT INTO zhnews_meta (key, value) VALUES ('schema_version', '1')")
    finally:
        store.close()


def test_a_schema_1_base_is_migrated_on_any_backend(make_db):
    db = make_db()
    ingest([str(FIX / "v1in" / "shanxi-daily-2025-03-07.txt")], db=db, jobs=1, progress=False)
    _downgrade_to_schema_1(db)
    store = open_store(db)
    try:
        meta = store.meta()
        assert (meta["schema_version"], meta["tokenizer_version"]) == (SCHEMA_VERSION, "2")
        assert store.scalar("SELECT COUNT(*) FROM pages WHERE extractor IS NULL") == 1
    finally:
        store.close()
    report = ingest([str(FIX / "v1in" / "shanxi-daily-2025-03-07.txt")], db=db, jobs=1, progress=False,
                    reextract=True)
    assert (report.pages, report.outdated) == (1, 0)


def test_a_schema_2_base_is_migrated_and_then_keeps_regions(make_db, tmp_path):
    """Schema 2 → 3 on either backend: articles get `regions`, the base a
    `page_images` table; the articles already stored stay as they were (no
    regions), and a PDF ingested afterwards has its regions stored."""
    db = make_db()
    ingest([str(FIX / "v1in" / "shanxi-daily-2025-03-07.txt")], db=db, jobs=1, progress=False)
    store = open_store(db)
    try:
        with store.transaction():  # the state zhnews 0.3 (schema 2) leaves a base in
            store.execute("ALTER TABLE articles DROP COLUMN regions")
            store.execute("DROP TABLE page_images")
            store.execute("UPDATE zhnews_meta SET value = '2' WHERE key = 'schema_version'")
    finally:
        store.close()
    reader = open_store(db, readonly=True)  # read as it is, not migrated: every reader still works
    try:
        assert reader.meta()["schema_version"] == "2"
        counts = export_tables(reader, str(tmp_path / "csv"), "csv")
        assert counts["articles"] > 0 and "page_images" not in counts
        aid = reader.scalar("SELECT MIN(id) FROM articles")
        view = article_view(article_record(reader, aid))
        assert view["text"] and view["regions"] is None and view["region_images"] == []
        assert page_image(reader, aid, None) is None
    finally:
        reader.close()
    store = open_store(db)
    try:
        meta = store.meta()
        assert (meta["schema_version"], meta["migrated_from"]) == (SCHEMA_VERSION, "2")
        assert store.scalar("SELECT COUNT(*) FROM articles WHERE regions IS NULL") == \
            store.scalar("SELECT COUNT(*) FROM articles") > 0
        assert store.scalar("SELECT COUNT(*) FROM page_images") == 0
    finally:
        store.close()
    pdf = Path(__file__).resolve().parents[1] / "examples" / "rmrb-2026-01-29-p04.pdf"
    copy = tmp_path / pdf.name
    copy.write_bytes(pdf.read_bytes())
    assert ingest([str(copy)], db=db, jobs=1, progress=False).pages == 1
    store = open_store(db, readonly=True)
    try:
        stored = [json.loads(r["regions"]) for r in store.query("SELECT regions FROM articles WHERE regions IS NOT NULL")]
        assert stored and all(r and r[0]["page"] == 1 for r in stored)
    finally:
        store.close()


def _set_meta(db: str, key: str, value: str) -> None:
    store = open_store(db)
    try:
        with store.transaction():
            store.execute("UPDATE zhnews_meta SET value = ? WHERE key = ?", [value, key])
    finally:
        store.close()


def test_an_index_of_another_tokenizer_is_refused_until_rebuilt(make_db):
    db = make_db()
    ingest([str(FIX / "v1in")], db=db, jobs=1, progress=False)
    _set_meta(db, "tokenizer_version", "0")
    with pytest.raises(StoreError, match="tokenizer 0.*--reindex"):
        open_store(db)
    r = _zhnews("search", "煤炭", "--db", db)
    assert r.returncode == 2 and "--reindex" in r.stderr and "Traceback" not in r.stderr
    r = _zhnews("ingest", "--reindex", "--db", db)
    assert r.returncode == 0 and "3 articles" in r.stderr, r.stderr
    assert _zhnews("search", "煤炭", "--db", db, "--count").stdout.strip() == "1"
    assert _zhnews("search", "唐登杰", "--db", db, "--count").stdout.strip() == "1"


def test_a_newer_schema_is_refused_with_what_to_do(make_db):
    db = make_db()
    ingest([str(FIX / "v1in" / "shanxi-daily-2025-03-07.txt")], db=db, jobs=1, progress=False)
    _set_meta(db, "schema_version", "99")
    with pytest.raises(StoreError, match="schema version 99.*use the zhnews that made it"):
        open_store(db)


def test_a_traditional_page_is_found_with_a_simplified_query_and_back(make_db, tmp_path):
    """The index folds traditional characters to simplified (tokenizer 2): 山西 finds
    a page printed 山西, 煤炭 finds 煤炭, 臺灣/台湾 find each other."""
    from zhnews.traditional import to_traditional

    src = FIX / "v1in" / "shanxi-daily-2025-03-07.txt"
    trad = tmp_path / "shanxi-trad.txt"
    trad.write_text(to_traditional(src.read_text(encoding="utf-8")), encoding="utf-8")
    db = make_db()
    ingest([str(trad)], db=db, jobs=1, progress=False, link_copies=False)
    for q in ("转型发展", "轉型發展", "代表团", "代表團"):
        r = _zhnews("search", q, "--db", db, "--count")
        assert r.stdout.strip() == "1", (q, r.stdout, r.stderr)
