"""Issue 19: hostile input and damaged bases — each case the probe reported,
on the real CLI, store and app (items 2 cap, 3, 4, 5, 6, 7, 8, 10)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from test_ingest import article_records, write_jsonl
from zhnews.read import MAX_PAGE_BYTES as MAX_RECORD_BYTES  # one record is capped like one page
from zhnews.store import StoreError, open_store
from zhnews.store import search as store_search
from zhnews.store.ingest import ingest
from zhnews.web import create_app
from zhnews.web.app import MAX_BODY_BYTES, SECURITY_HEADERS

REPO = Path(__file__).resolve().parents[1]


def zhnews(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhnews.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300, **kw)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kb")
    db = folder / "kb.db"
    ingest([str(write_jsonl(folder / "a.jsonl", article_records(30)))], db=str(db), jobs=1, progress=False)
    return db


# -- item 3: lone surrogates ---------------------------------------------------------------------
def test_lone_surrogate_in_a_record_is_replaced_and_later_records_survive(tmp_path):
    recs = article_records(3)
    lines = [json.dumps(recs[0], ensure_ascii=False),
             json.dumps(dict(recs[1], title="坏\ud800标题", paragraphs=["正文\udfff" + p for p in recs[1]["paragraphs"]])),
             json.dumps(recs[2], ensure_ascii=False)]
    src = tmp_path / "s.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = zhnews("extract", str(src), "-o", str(out), "--jobs", "1")
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 0, r.stderr
    pages = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(pages) == 3
    assert "\ufffd" in json.dumps(pages[1], ensure_ascii=False)


def test_lone_surrogate_in_a_json_body_is_not_a_500(base):
    with TestClient(create_app(str(base))) as c:
        r = c.post("/api/extract", content=b'{"text": "\\ud800\\u4e60\\u8fd1\\u5e73\\u4e3b\\u6301\\u4f1a\\u8bae\\u3002", '
                                           b'"name": "\\udc00x.txt"}',
                   headers={"content-type": "application/json"})
    assert r.status_code in (200, 422), r.text
    assert r.headers["x-content-type-options"] == "nosniff"


# -- item 2: one record is capped like one page ------------------------------------------------------
def test_record_over_the_cap_is_refused_and_the_next_is_read(tmp_path):
    recs = article_records(2)
    src = tmp_path / "big.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(recs[0], ensure_ascii=False) + "\n")
        fh.write(json.dumps({"url": "x", "paragraphs": ["长" * (MAX_RECORD_BYTES // 3 + 10)]}, ensure_ascii=False) + "\n")
        fh.write(json.dumps(recs[1], ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    r = zhnews("extract", str(src), "-o", str(out), "--jobs", "1")
    assert r.returncode == 2
    assert "big.jsonl:2" in r.stderr and "record too large" in r.stderr and "Traceback" not in r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    db = tmp_path / "kb.db"
    rep = ingest([str(src)], db=str(db), jobs=1, progress=False)
    assert any("record too large" in e for e in json.dumps(rep.as_dict(), ensure_ascii=False).split('"'))


# -- item 4: paths are file names, not URIs -----------------------------------------------------------
@pytest.mark.parametrize("name", ["kb#1.db", "kb%41.db", "kb?mode=ro.db"])
def test_db_path_with_uri_characters_is_that_file(tmp_path, name):
    recs = write_jsonl(tmp_path / "a.jsonl", article_records(2))
    r = zhnews("ingest", str(recs), "--db", str(tmp_path / name), "-q", "-j", "1")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db" or ".db" in p.name) == [name]
    assert open_store(str(tmp_path / name), readonly=True).scalar("SELECT count(*) FROM articles") == 2


# -- item 5: refused files are not touched ------------------------------------------------------------
def _foreign(path: Path, wal: bool = False, tables: bool = True) -> bytes:
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode = WAL")
    if tables:
        con.execute("CREATE TABLE notes (x)")
        con.execute("INSERT INTO notes VALUES (1)")
        con.commit()
    else:
        con.execute("PRAGMA user_version = 1")  # a non-empty SQLite file with no tables
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("wal,tables", [(False, True), (True, True), (False, False)])
def test_foreign_sqlite_file_is_refused_unchanged(tmp_path, wal, tables):
    path = tmp_path / "other.db"
    before = _foreign(path, wal, tables)
    with pytest.raises(StoreError, match="another program"):
        open_store(str(path), create=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal / -shm left


def _corrupt_copy(base: Path, dest: Path, rollback: bool) -> Path:
    con = sqlite3.connect(base)
    con.execute(f"VACUUM INTO '{dest}'")
    con.close()
    con = sqlite3.connect(dest)
    con.execute(f"PRAGMA journal_mode = {'DELETE' if rollback else 'WAL'}")
    con.close()
    data = bytearray(dest.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    # garble pages past the first (the header and schema stay readable)
    for k in range(3, len(data) // page - 1, 2):
        data[k * page + 8 : k * page + 200] = os.urandom(192)
    dest.write_bytes(bytes(data))
    return dest


def test_corrupt_rollback_base_is_refused_before_its_header_changes(base, tmp_path):
    bad = _corrupt_copy(base, tmp_path / "bad.db", rollback=True)
    before = bad.read_bytes()
    with pytest.raises(StoreError, match="corrupt"):
        open_store(str(bad), create=True)
    assert bad.read_bytes() == before


# -- item 10: serve refuses a base damaged past page 1 ------------------------------------------------
def test_serve_refuses_a_base_corrupt_past_page_one(base, tmp_path):
    bad = _corrupt_copy(base, tmp_path / "bad.db", rollback=False)
    with pytest.raises(StoreError, match="corrupt"):
        create_app(str(bad))
    r = zhnews("serve", str(bad), "--port", "1")
    assert r.returncode == 2 and "corrupt" in r.stderr and "Traceback" not in r.stderr


# -- item 6: an article replaced between the two statements of a search -------------------------------
def test_search_tolerates_articles_deleted_between_its_statements(base, tmp_path):
    copy = tmp_path / "copy.db"
    con = sqlite3.connect(base)
    con.execute(f"VACUUM INTO '{copy}'")
    con.close()
    store = open_store(str(copy), readonly=True)
    other = sqlite3.connect(copy, isolation_level=None)
    deleted = []

    def between(sql: str) -> None:  # runs as the second statement starts: the gap an ingest --force hits
        if "WHERE id IN (" in sql and not deleted:
            victim = other.execute("SELECT min(id) FROM articles").fetchone()[0]
            other.execute("DELETE FROM articles WHERE id = ?", [victim])
            deleted.append(victim)

    store.conn.set_trace_callback(between)
    hits = store_search.search(store, "", limit=50)
    store.conn.set_trace_callback(None)
    assert deleted and hits and deleted[0] not in [h["article_id"] for h in hits]
    store.close()
    other.close()


# -- items 7 and 8: the server's edges ------------------------------------------------------------------
def test_id_past_64_bits_is_404(base):
    with TestClient(create_app(str(base))) as c:
        for path in ("/api/articles/99999999999999999999", "/api/people/99999999999999999999",
                     "/articles/99999999999999999999", "/api/pages/-99999999999999999999"):
            r = c.get(path)
            assert r.status_code == 404, (path, r.status_code)
            assert r.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]


def test_chunked_body_over_the_limit_is_413_and_the_client_goes_on(base):
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(base)), host="127.0.0.1", port=port, log_level="error"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)

        def chunks():
            piece = b"x" * 65536
            for _ in range(MAX_BODY_BYTES // len(piece) + 4):
                yield piece

        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            r = c.post("/api/extract", content=chunks(), headers={"content-type": "text/plain"})
            assert r.status_code == 413, r.text
            for k, v in SECURITY_HEADERS.items():
                assert r.headers.get(k) == v
            assert c.get("/api/stats").status_code == 200  # the same client, next request
    finally:
        server.should_exit = True
        t.join(10)


def test_internal_error_response_carries_security_headers(base):
    app = create_app(str(base))

    @app.get("/api/_boom_for_test")
    def boom():
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/_boom_for_test")
    assert r.status_code == 500
    for k, v in SECURITY_HEADERS.items():
        assert r.headers.get(k) == v


# -- item 2: /api/extract work per request is bounded ---------------------------------------------------
def test_extract_is_refused_with_503_while_all_slots_are_busy(base, monkeypatch):
    from zhnews.web import api

    monkeypatch.setattr(api, "EXTRACT_WAIT_S", 0.2)
    page = "本报北京1月5日电（记者王明）国务院总理李强主持召开国务院常务会议。" * 20
    with TestClient(create_app(str(base))) as c:
        taken = [api._extract_slots.acquire(timeout=5) for _ in range(api.EXTRACT_SLOTS)]
        try:
            assert all(taken)
            r = c.post("/api/extract", content=page.encode(), headers={"content-type": "text/plain"})
            assert r.status_code == 503 and r.headers.get("retry-after")
        finally:
            for _ in taken:
                api._extract_slots.release()
        assert c.post("/api/extract", content=page.encode(), headers={"content-type": "text/plain"}).status_code == 200
