"""The JSON API and the server-rendered pages, over a base built by ingesting
the real example pages. Extraction quality is still moving, so these assert
structure and offsets (every highlight is exactly its stored characters),
not counts of people or figures."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from web_fixtures import build_db, parse_body
from zhnews.web import create_app

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(str(db))) as c:
        yield c


@pytest.fixture()
def writable(db, tmp_path):
    copy = tmp_path / "rw.db"
    shutil.copy(db, copy)
    with TestClient(create_app(str(copy), token=TOKEN, read_only=False)) as c:
        yield c, copy


def rows(db, sql, params=()):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql, params)]
    finally:
        con.close()


# -- reading ---------------------------------------------------------------------------
def test_stats_match_the_base(client, db):
    s = client.get("/api/stats").json()
    assert s["counts"]["articles"] == rows(db, "SELECT COUNT(*) AS n FROM articles")[0]["n"] > 0
    assert s["counts"]["figures"] == rows(db, "SELECT COUNT(*) AS n FROM figures")[0]["n"]
    assert s["ingest_enabled"] is False
    assert {o["outlet"] for o in s["outlets"]} <= {r["outlet"] for r in rows(db, "SELECT outlet FROM articles")}


def test_search_finds_terms_and_snippets_show_them(client, db):
    art = rows(db, "SELECT id, text FROM articles ORDER BY length(text) DESC LIMIT 1")[0]
    word = next(art["text"][i:i + 2] for i in range(len(art["text"]))
                if all("\u4e00" <= ch <= "\u9fff" for ch in art["text"][i:i + 2]))
    r = client.get("/api/search", params={"q": word}).json()
    assert r["total"] >= 1 and art["id"] in [x["article_id"] for x in r["results"]]
    for hit in r["results"]:
        assert word in hit["snippet"]
    page = client.get("/", params={"q": word}).text
    assert f'<mark class="hit">{word}</mark>' in page
    # /search?q=… (what people type) lands on the same results
    moved = client.get("/search", params={"q": word})
    assert moved.history and moved.history[0].status_code == 308
    assert f'<mark class="hit">{word}</mark>' in moved.text


def test_search_filters_and_bad_input(client, db):
    outlet = rows(db, "SELECT outlet, COUNT(*) n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
                      "ORDER BY n DESC LIMIT 1")[0]
    r = client.get("/api/search", params={"outlet": outlet["outlet"], "limit": 100}).json()
    assert r["total"] == outlet["n"]
    dates = sorted(x["date"] for x in rows(db, "SELECT date FROM articles WHERE date IS NOT NULL"))
    r = client.get("/api/search", params={"date_from": dates[-1], "date_to": dates[-1]}).json()
    assert r["total"] >= 1 and all(x["date"] == dates[-1] for x in r["results"])
    assert client.get("/api/search", params={"date_from": "yesterday"}).status_code == 400
    assert client.get("/", params={"date_from": "2025-13"}).status_code == 400
    assert client.get("/api/search", params={"q": "山" * 500}).status_code == 422
    assert client.get("/api/search", params={"limit": 10_000}).status_code == 422
    # Text that would be an injection if pasted into SQL is just a query.
    r = client.get("/api/search", params={"q": "' OR 1=1 --", "outlet": "x' OR '1'='1"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/search", params={"q": "，。！"}).json()["total"] == 0


def test_article_items_are_their_stored_offsets(client, db):
    for a in rows(db, "SELECT id, text FROM articles"):
        view = client.get(f"/api/articles/{a['id']}").json()
        assert view["text"] == a["text"]
        for it in view["items"]:
            assert a["text"][it["start"]:it["end"]] == it["text"], it
        n_items = {t: sum(1 for it in view["items"] if it["type"] == t) for t in ("statement", "figure")}
        stored = {"statement": rows(db, "SELECT COUNT(*) n FROM statements WHERE article_id = ?", [a["id"]])[0]["n"],
                  "figure": rows(db, "SELECT COUNT(*) n FROM figures WHERE article_id = ?", [a["id"]])[0]["n"]}
        problems = {t: sum(1 for p in view["problems"] if p["type"] == t) for t in stored}
        for t in stored:
            assert n_items[t] + problems[t] == stored[t]
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get("/api/articles/abc").status_code == 422


def test_article_page_marks_equal_offsets_and_text(client, db):
    """The HTML body, read back, is the stored text; each <mark> holds exactly
    text[data-start:data-end] and belongs to an item with those bounds."""
    checked = 0
    for a in rows(db, "SELECT id, text FROM articles"):
        html = client.get(f"/articles/{a['id']}").text
        body = parse_body(html)
        assert "".join(body.text) == a["text"]
        items = {it["id"]: it for it in client.get(f"/api/articles/{a['id']}").json()["items"]}
        covered: dict[str, set] = {}
        for m in body.marks:
            s, e = int(m["start"]), int(m["end"])
            assert a["text"][s:e] == m["content"], m
            it = items[m["id"]]
            assert (int(m["item-start"]), int(m["item-end"])) == (it["start"], it["end"])
            assert m["type"] == it["type"]
            covered.setdefault(m["id"], set()).update(range(s, e))
            checked += 1
        for iid, it in items.items():
            want = {i for i in range(it["start"], it["end"]) if a["text"][i] != "\n"}
            assert covered.get(iid) == want, iid
    assert checked > 0


def test_article_page_shows_byline_date_and_source(client, db):
    a = rows(db, "SELECT a.id, a.date, a.outlet, a.reporters, p.input, a.page_id FROM articles a JOIN pages p "
                 "ON p.id = a.page_id WHERE a.reporters <> '[]' LIMIT 1")[0]
    html = client.get(f"/articles/{a['id']}").text
    assert a["date"] in html and a["outlet"] in html
    assert "、".join(json.loads(a["reporters"])) in html
    assert f'href="/pages/{a["page_id"]}"' in html and a["input"] in html
    assert "/work/" not in html  # only the file's name, never the server's folders
    page = client.get(f"/api/pages/{a['page_id']}").json()
    assert a["id"] in [x["article_id"] for x in page["articles"]]


def test_people_and_speakers(client, db):
    people = client.get("/api/people").json()
    speakers = rows(db, "SELECT speaker, COUNT(*) n FROM statements WHERE speaker IS NOT NULL GROUP BY speaker "
                        "ORDER BY n DESC LIMIT 1")
    assert speakers, "the example pages hold statements with named speakers"
    name = speakers[0]["speaker"]
    s = client.get("/api/speakers", params={"name": name}).json()
    assert len(s["statements"]) == speakers[0]["n"]
    assert all(x["speaker"] == name for x in s["statements"])
    html = client.get("/speakers", params={"name": name}).text
    assert name in html and "<blockquote>" in html
    for p in people["people"][:5]:
        page = client.get(f"/api/people/{p['person_id']}").json()
        assert page["name"] == p["name"]
        assert page["article_count"] >= 1
        for t in page["titles_by_date"]:
            if t["start_offset"] is not None:
                text = rows(db, "SELECT text FROM articles WHERE id = ?", [t["article_id"]])[0]["text"]
                assert text[t["start_offset"]:t["end_offset"]] == t["title"]
        assert client.get(f"/people/{p['person_id']}").status_code == 200
    assert client.get("/api/people/999999").status_code == 404


def test_organizations(client, db):
    orgs = client.get("/api/organizations").json()["organizations"]
    for o in orgs[:5]:
        page = client.get(f"/api/organizations/{o['organization_id']}").json()
        assert page["name"] == o["name"]
        assert client.get(f"/organizations/{o['organization_id']}").status_code == 200
    assert client.get("/organizations").status_code == 200
    assert client.get("/api/organizations/999999").status_code == 404


def test_figures_filter_table_and_chart(client, db):
    unit = rows(db, "SELECT unit, COUNT(*) n FROM figures WHERE unit <> '' GROUP BY unit ORDER BY n DESC LIMIT 1")[0]
    r = client.get("/api/figures", params={"unit": unit["unit"]}).json()
    assert len(r["figures"]) == unit["n"]
    assert {f["unit"] for f in r["figures"]} == {unit["unit"]}
    assert r["series"]["unit"] == unit["unit"]
    for f in r["figures"]:
        text = rows(db, "SELECT text FROM articles WHERE id = ?", [f["article_id"]])[0]["text"]
        assert text[f["start_offset"]:f["end_offset"]] == f["text"]
    html = client.get("/figures", params={"unit": unit["unit"]}).text
    # the chart twice, wide and narrow (for a phone; the style sheet shows one), each every point
    assert html.count('<svg class="chart wide"') == html.count('<svg class="chart narrow"') == 1
    assert html.count('<circle class="point"') == 2 * len(r["series"]["points"]) > 0
    assert html.count('class="figure-link"') == len(r["figures"])
    ind = rows(db, "SELECT indicator FROM figures WHERE indicator IS NOT NULL LIMIT 1")[0]["indicator"]
    r = client.get("/api/figures", params={"indicator": ind}).json()
    assert r["figures"] and all(ind in f["indicator"] for f in r["figures"])
    assert client.get("/api/indicators").json()["indicators"]
    assert client.get("/api/figures", params={"sort": "drop table"}).status_code == 422


# -- pages from outside the base ---------------------------------------------------------------
def example_text() -> str:
    from web_fixtures import example_pages

    return example_pages()[0].read_text(encoding="utf-8")


def test_extract_on_the_fly_stores_nothing(client, db):
    before = rows(db, "SELECT COUNT(*) n FROM pages")[0]["n"]
    text = example_text()
    for kwargs in ({"json": {"text": text}},
                   {"content": text.encode("utf-8"), "headers": {"content-type": "text/plain; charset=utf-8"}},
                   {"files": {"file": ("page.txt", text.encode("gb18030"), "text/plain")}}):
        r = client.post("/api/extract", **kwargs)
        assert r.status_code == 200, r.text
        arts = r.json()["articles"]
        assert arts
        for a in arts:
            for it in a["items"]:
                assert a["text"][it["start"]:it["end"]] == it["text"]
    html = client.post("/extract", data={"text": text}).text
    assert 'class="body"' in html and "not stored" in html
    assert rows(db, "SELECT COUNT(*) n FROM pages")[0]["n"] == before


def test_request_text_never_becomes_a_path(client, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("本报北京3月6日电 机密内容不应被读取。" * 20, encoding="utf-8")
    r = client.post("/api/extract", json={"text": str(secret)})
    assert r.status_code == 422  # the path's characters are read as a (non-Chinese) page
    assert "机密" not in r.text
    r = client.post("/api/extract", files={"file": ("../../etc/passwd", b"root:x:0:0", "text/plain")})
    assert r.status_code == 422 and "root:x" not in r.text
    assert client.get("/static/..%2Fapp.py").status_code == 404
    assert client.get("/static/app.py").status_code == 404


def test_limits_and_headers(client):
    from zhnews.web.app import MAX_BODY_BYTES

    big = ("测试" * (MAX_BODY_BYTES // 3)).encode("utf-8")
    r = client.post("/api/extract", content=big, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert client.post("/api/extract", content=b"<x/>", headers={"content-type": "application/xml"}).status_code == 415
    assert client.post("/api/extract", json={"text": ""}).status_code == 422
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/api/docs").text
    assert "/api/search" in docs and "cdn" not in docs.lower()
    assert "/api/articles/{article_id}" in client.get("/api/openapi.json").json()["paths"]


# -- writing ------------------------------------------------------------------------------------
def test_read_only_server_refuses_ingest(client):
    r = client.post("/api/ingest", json={"text": example_text()}, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403


def test_ingest_with_token(writable):
    c, path = writable
    # A distinct page: the example with its first article's body changed.
    text = example_text().replace("。", "。新增一句话用于测试。", 1)
    assert c.post("/api/ingest", json={"text": text}).status_code == 401
    assert c.post("/api/ingest", json={"text": text}, headers={"authorization": "Bearer wrong-token-xxxxxxxx"}
                  ).status_code == 401
    before = rows(path, "SELECT COUNT(*) n FROM articles")[0]["n"]
    r = c.post("/api/ingest", json={"text": text, "name": "upload.txt"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["created"] and out["article_ids"]
    assert rows(path, "SELECT COUNT(*) n FROM articles")[0]["n"] == before + len(out["article_ids"])
    assert c.get(f"/api/articles/{out['article_ids'][0]}").status_code == 200
    again = c.post("/api/ingest", json={"text": text}, headers={"authorization": f"Bearer {TOKEN}"}).json()
    assert again["created"] is False and again["article_ids"] == out["article_ids"]
    # The form path: "store" without the right token stores nothing.
    html = c.post("/extract", data={"text": text.replace("测试", "检验"), "store": "1", "token": "nope"}).text
    assert "wrong token" in html


def test_token_rules(db):
    with pytest.raises(ValueError):
        create_app(str(db), token=TOKEN)  # a token with read_only=True
    with pytest.raises(ValueError):
        create_app(str(db), token="short", read_only=False)


def test_serve_cli_refuses_a_missing_base(tmp_path):
    r = subprocess.run([sys.executable, "-m", "zhnews.cli", "serve", str(tmp_path / "none.db")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "no knowledge base" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "zhnews.cli", "serve", "--help"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0 and "--token" in r.stdout
