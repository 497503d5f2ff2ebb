"""Search past MAX_RANKED matches: the count is exact or says it is an
estimate, and the ordering contract holds (bm25 for small result sets,
newest-ingested first past the bound, pages that tile the match set).

The bound is lowered on the real 人民日报 corpus base instead of building a
base of 10,000+ articles: the code paths are the same, only the constant
differs (benchmarks/bench_search_scale.py measures the real scale)."""

from __future__ import annotations

import pytest

from test_ingest import CORPUS, make_article, make_db, page_json  # noqa: F401  (fixture)
from zhnews.store import open_store
from zhnews.store import search as S
from zhnews.store.ingest import ingest

BOUND = 25


@pytest.fixture(scope="module")
def corpus_db(make_db):
    db = make_db()
    rep = ingest([str(CORPUS)], db=db, progress=False, defaults={"outlet": "人民日报"},
                 link_copies=False)  # ranking and count paths, not near-copies: every article counts
    assert rep.errors == []
    with open_store(db, readonly=True) as s:
        texts = {r["id"]: ((r["headline"] or "") + "\n" + r["text"], r["date"])
                 for r in s.query("SELECT id, headline, text, date FROM articles")}
    return db, texts


@pytest.fixture()
def small_bound(monkeypatch):
    monkeypatch.setattr(S, "MAX_RANKED", BOUND)


def containing(texts, word, date=None):
    return {aid for aid, (t, d) in texts.items() if word in t and (date is None or d == date)}


def test_small_result_sets_keep_bm25_and_exact_counts(corpus_db):
    db, texts = corpus_db
    with open_store(db, readonly=True) as s:
        for word in ("科技小院", "煤炭", "发展"):
            page = S.search_page(s, word, limit=10_000)
            full = S.search_page(s, word, limit=10_000, exact=True)
            assert (page["ranking"], page["count_exact"]) == ("bm25", True)
            assert page["total"] == len(containing(texts, word))
            assert [r["article_id"] for r in page["results"]] == [r["article_id"] for r in full["results"]]


def test_one_word_past_the_bound_exact_count_newest_first_pages_tile(corpus_db, small_bound):
    db, texts = corpus_db
    expected = containing(texts, "发展")
    assert len(expected) > 3 * BOUND  # else the test would not reach the new path
    with open_store(db, readonly=True) as s:
        first = S.search_page(s, "发展", limit=20)
        assert first["ranking"] == "newest-ingested"
        assert (first["total"], first["count_exact"]) == (len(expected), True)  # from the term's index entry
        got = []
        for offset in range(0, len(expected) + 20, 20):
            got += [r["article_id"] for r in S.search_page(s, "发展", limit=20, offset=offset)["results"]]
        assert got == sorted(expected, reverse=True)
        # exact=True is the old path: bm25 over every match
        full = S.search_page(s, "发展", limit=10_000, exact=True)
        assert (full["ranking"], full["total"]) == ("bm25", len(expected))
        assert [r["article_id"] for r in full["results"]] != got


def test_phrase_past_the_bound_is_a_labelled_estimate(corpus_db, small_bound):
    db, texts = corpus_db
    word = "高质量"
    truth = len(containing(texts, word))
    assert truth > BOUND + 1
    with open_store(db, readonly=True) as s:
        page = S.search_page(s, word)
        assert page["count_exact"] is False and page["total"] > BOUND
        assert truth / 2 <= page["total"] <= truth * 2  # the corpus is one month, ids in ingest order
        assert S.count_info(s, word) == (page["total"], False)
        assert S.count_info(s, word, exact=True) == (truth, True)
        assert S.count(s, word) == truth  # count() stays exact unless asked


def busiest_day(texts, word):
    dates = sorted({d for _, d in texts.values() if d})
    return max(dates, key=lambda d: len(containing(texts, word, d)))


def test_filtered_queries_past_the_bound(corpus_db, small_bound, monkeypatch):
    """Filters that leave many articles: the index is walked (bounded), past
    the bound newest first with an estimated count."""
    monkeypatch.setattr(S, "MAX_PROBED", 5)
    db, texts = corpus_db
    day = busiest_day(texts, "发展")
    expected = containing(texts, "发展", day)
    assert len(expected) > BOUND
    with open_store(db, readonly=True) as s:
        page = S.search_page(s, "发展", date_from=day, date_to=day, limit=1000)
        ids = [r["article_id"] for r in page["results"]]
        assert set(ids) == expected
        assert page["ranking"] == "newest-ingested" and ids == sorted(ids, reverse=True)
        assert page["count_exact"] is False  # no index shortcut under a filter: an estimate


def test_few_filtered_articles_are_probed_and_fully_ranked(corpus_db, small_bound):
    """Filters that leave at most MAX_PROBED articles: each is looked up in
    the index; the count is exact and the order is the full path's bm25
    (score, then newest date, then id), page after page."""
    db, texts = corpus_db
    day = busiest_day(texts, "发展")
    expected = containing(texts, "发展", day)
    assert len(expected) > BOUND  # past MAX_RANKED, still ranked: few articles to probe
    with open_store(db, readonly=True) as s:
        assert S.count_info(s, "发展", date_from=day, date_to=day) == (len(expected), True)
        full = S.search_page(s, "发展", date_from=day, date_to=day, limit=1000, exact=True)["results"]
        pages = [S.search_page(s, "发展", date_from=day, date_to=day, limit=7, offset=o) for o in range(0, 70, 7)]
        assert all(p["ranking"] == "bm25" and p["total"] == len(expected) for p in pages)
        got = [r["article_id"] for p in pages for r in p["results"]]
        assert got == [r["article_id"] for r in full]
        assert [r["score"] for p in pages for r in p["results"]] == pytest.approx([r["score"] for r in full])
        by_date = S.search_page(s, "发展", date_from=day, date_to=day, limit=1000, order="date")
        week = S.search_page(s, "发展", date_from=min(d for _, d in texts.values() if d), date_to=day, limit=1000,
                             order="date")
        full_week = S.search_page(s, "发展", date_from=min(d for _, d in texts.values() if d), date_to=day,
                                  limit=1000, order="date", exact=True)
        assert [r["article_id"] for r in week["results"]] == [r["article_id"] for r in full_week["results"]]
        assert by_date["ranking"] == "date" and {r["article_id"] for r in by_date["results"]} == expected


def test_index_count_follows_replaced_articles(tmp_path, make_db, monkeypatch):
    """The one-word count comes from the index's term entry: an article
    replaced by `ingest --force` must leave it (contentless FTS5 deletes)."""
    monkeypatch.setattr(S, "MAX_RANKED", 1)
    db = make_db()
    arts = [make_article(f"山西新闻{i}", f"山西煤炭产量第{i}次增长。", "2026-01-20") for i in range(4)]
    ingest([str(page_json(tmp_path, "p", arts, "2026-01-20"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        assert S.count_info(s, "山西") == (4, True)
    arts = arts[:1] + [make_article(f"河北新闻{i}", "河北钢铁。", "2026-01-20") for i in range(3)]
    ingest([str(page_json(tmp_path, "p", arts, "2026-01-20"))], db=db, jobs=1, progress=False, force=True)
    with open_store(db, readonly=True) as s:
        assert S.count_info(s, "山西") == (1, True)
        assert S.count_info(s, "河北") == (3, True)


def test_cli_and_api_show_the_label(corpus_db, small_bound, capsys):
    from fastapi.testclient import TestClient

    from zhnews import kb_cli
    from zhnews.web import create_app

    db, texts = corpus_db
    truth = len(containing(texts, "高质量"))
    assert kb_cli.main(["search", "高质量", "--db", db, "--count"]) == 0
    assert capsys.readouterr().out.startswith("约 ")
    assert kb_cli.main(["search", "高质量", "--db", db, "--count", "--exact"]) == 0
    assert capsys.readouterr().out.strip() == str(truth)
    assert kb_cli.main(["search", "高质量", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("约 ")
    with TestClient(create_app(db)) as c:
        r = c.get("/api/search", params={"q": "高质量"}).json()
        assert r["count_exact"] is False and r["ranking"] == "newest-ingested"
        r = c.get("/api/search", params={"q": "高质量", "exact": "true"}).json()
        assert (r["count_exact"], r["total"], r["ranking"]) == (True, truth, "bm25")
        assert "约" in c.get("/", params={"q": "高质量"}).text
        assert "约" not in c.get("/", params={"q": "科技小院"}).text


@pytest.mark.parametrize("text, query", [
    ("山西煤炭产量增长", "煤炭"),
    ("ＧＤＰ增长，gdp再增长", "gdp"),        # full-width first: the verbatim hit is not the first
    ("……煤炭……煤炭", "煤炭"),                # NFKC lengthens the text before the hit
    ("Ｃｏｖｉｄ疫情", "covid"),              # only the normalized text holds it
])
def test_snippet_fast_path_agrees_with_the_offset_map(text, query):
    """The verbatim shortcut must show the same window as mapping the first
    normalized hit back through NormalizedText."""
    from zhnews.store.tokenize import NormalizedText

    norm = NormalizedText(text)
    pos = norm.normalized.find(query)
    start, end = norm.start(pos), norm.end(pos + len(query))
    assert S.snippet(text, query, context=2) == (
        ("…" if start > 2 else "") + text[max(0, start - 2):min(len(text), end + 2)]
        + ("…" if end + 2 < len(text) else ""))


@pytest.mark.parametrize("text, query", [
    ("山西煤炭产量增长", "煤炭"),
    ("ＧＤＰ增长，gdp再增长", "gdp"),
    ("……煤炭……煤炭", "煤炭"),
    ("Ｃｏｖｉｄ疫情", "covid"),
])
def test_web_snippet_fast_path_agrees_with_the_character_pass(text, query):
    from zhnews.store.tokenize import normalize
    from zhnews.web.queries import snippet

    low = "".join(n if len(n := normalize(ch)) == 1 else ch for ch in text)
    pos = low.find(query)
    assert pos >= 0
    start, end = max(0, pos - 2), min(len(text), pos + len(query) + 2)
    expected = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    assert snippet(text, query, context=2) == expected
