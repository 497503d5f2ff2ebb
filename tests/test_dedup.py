"""Near-duplicate articles (issue 18 item 3): a copy of an article — the same
page from a second source, a front-page teaser, a continuation — is linked to
the full article of its outlet-day and counted once in search, people,
organizations and figures; the article page says where else it appeared."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_ingest import CORPUS, make_db, rows  # noqa: F401  (fixture)
from zhnews.store import dedup, open_store
from zhnews.store.ingest import ingest
from zhnews.store.search import count, org_pages, person_pages
from zhnews.web import create_app
from zhnews.web import queries

PAGE = next(p for d in (Path(__file__).resolve().parents[1].parent / "shared", Path("/work/shared"))
            if (p := d / "examples" / "rmrb-2026-01-29-p04.txt").exists())


def _day_articles(n: int = 3) -> list[str]:
    """n long articles of one day from the archive, with different headlines."""
    by_day: dict[str, dict[str, str]] = {}
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = "\n".join(r["paragraphs"])
            if len(text) > 600:
                by_day.setdefault(r["date"], {}).setdefault(r["title"], text)
    return next(list(d.values())[:n] for d in by_day.values() if len(d) >= n)


def test_copies_teasers_and_continuations_are_linked_other_articles_not():
    a, b, c = _day_articles()
    texts = {1: a, 2: b, 3: c, 4: a[: len(a) // 4], 5: a[len(a) // 2:], 6: a.replace("\n", "").replace("，", ",")}
    links, relinks = dedup.group(texts)
    assert set(links) == {4, 5, 6} and {of for of, _ in links.values()} == {1}
    assert not relinks
    # the full article arriving after its teaser is kept, and the teaser becomes its copy
    links, relinks = dedup.group({7: a}, kept_before={4: a[: len(a) // 4], 2: b})
    assert links == {4: (7, 1.0)} and relinks == {4: 7}


def _copy_of(page: Path, folder: Path) -> Path:
    """The same page from a second source: other line ends, so another file."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / page.name.replace(".txt", "-copy.txt")
    out.write_text(page.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def bases(tmp_path_factory, make_db):
    tmp = tmp_path_factory.mktemp("dedup")
    one, two = make_db(), make_db()
    shutil.copy(PAGE, tmp / PAGE.name)
    ingest([str(tmp / PAGE.name)], db=one, jobs=1, progress=False)
    rep = ingest([str(tmp / PAGE.name), str(_copy_of(PAGE, tmp / "mirror"))], db=two, jobs=1, progress=False)
    assert rep.pages == 2 and rep.linked > 0
    return one, two


def test_a_second_copy_of_a_page_counts_once(bases):
    one, two = bases
    with open_store(one, readonly=True) as s1, open_store(two, readonly=True) as s2:
        n_articles = s2.scalar("SELECT COUNT(*) FROM articles")
        assert n_articles == 2 * s1.scalar("SELECT COUNT(*) FROM articles")
        comparable = [r for r in s1.query("SELECT text FROM articles")
                      if len(dedup.shingles(r["text"])) >= dedup.MIN_SHINGLES]
        assert s2.scalar("SELECT COUNT(*) FROM article_links") == len(comparable) > 0
        for word in ("新能源汽车", "知识产权", "中央八项规定", "的"):
            assert count(s2, word) == count(s1, word) > 0, word
        for name in [r["name"] for r in s1.query("SELECT name FROM people ORDER BY id LIMIT 5")]:
            assert ([p["article_count"] for p in person_pages(s2, name)]
                    == [p["article_count"] for p in person_pages(s1, name)]), name
        for name in [r["name"] for r in s1.query("SELECT name FROM organizations ORDER BY id LIMIT 5")]:
            assert ([o["article_count"] for o in org_pages(s2, name)]
                    == [o["article_count"] for o in org_pages(s1, name)]), name
        assert len(queries.figures(s2)) == len(queries.figures(s1)) > 0


def test_article_page_says_where_else_it_appeared(bases):
    _, two = bases
    copy_id, kept_id = rows(two, "SELECT article_id, duplicate_of FROM article_links ORDER BY article_id")[0].values()
    with TestClient(create_app(two)) as c:
        copy = c.get(f"/articles/{copy_id}").text
        kept = c.get(f"/articles/{kept_id}").text
        assert c.get(f"/api/articles/{copy_id}").json()["copies"][0]["article_id"] == kept_id
    assert "counted once as" in copy and f'href="/articles/{kept_id}"' in copy
    assert "Also appeared as" in kept and f'href="/articles/{copy_id}"' in kept and "-copy.txt" in kept


def test_a_base_built_before_the_links_still_reads(bases, tmp_path):
    one, _ = bases
    if "://" in one:
        pytest.skip("a SQLite file copy")
    old = tmp_path / "old.db"
    shutil.copy(one, old)
    with open_store(str(old)) as s:
        s.execute("DROP TABLE article_links")
    with open_store(str(old), readonly=True) as s:
        assert not dedup.has_links(s) and count(s, "新能源汽车") > 0
        assert queries.article_record(s, 1)["copies"] == []


def test_keep_copies_stores_them_unlinked(bases, tmp_path, make_db):
    from zhnews import kb_cli

    one, _ = bases
    db = make_db()
    shutil.copy(PAGE, tmp_path / PAGE.name)
    args = ["ingest", str(tmp_path / PAGE.name), str(_copy_of(PAGE, tmp_path / "mirror")), "--db", db, "-j", "1", "-q"]
    assert kb_cli.main(args + ["--keep-copies"]) == 0
    with open_store(one, readonly=True) as s1, open_store(db, readonly=True) as s:
        assert count(s, "新能源汽车") == 2 * count(s1, "新能源汽车") > 0
