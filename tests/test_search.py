"""Chinese full-text search: 1-, 2-, 3- and 4-character words find exactly the
articles whose text contains them (checked against a plain substring scan of
the stored texts), results are ranked, and the filters narrow them."""

from __future__ import annotations

import pytest

from test_ingest import CORPUS, EXAMPLES, make_article, make_db, page_json  # noqa: F401  (fixture)
from zhnews.store import open_store
from zhnews.store.ingest import ingest
from zhnews.store.search import count, search
from zhnews.store.tokenize import index_text, query_terms

WORDS = ["山西", "煤炭", "两会", "拼多多", "新能源", "人工智能", "煤炭产量", "科技小院", "高质量发展", "煤", "湾"]


@pytest.fixture(scope="module")
def corpus_db(make_db):
    db = make_db()
    rep = ingest([str(CORPUS), str(EXAMPLES)], db=db, progress=False, defaults={"outlet": "人民日报"})
    assert rep.errors == []
    with open_store(db, readonly=True) as s:
        # A near-copy (the archive prints some articles on page 1 and on their
        # continuation page; the examples repeat archive articles) is found once:
        # as its kept article (store/dedup.py, tests/test_dedup.py).
        texts = {r["id"]: (r["headline"] or "") + "\n" + r["text"]
                 for r in s.query("SELECT id, headline, text FROM articles "
                                  "WHERE id NOT IN (SELECT article_id FROM article_links)")}
    return db, texts


@pytest.mark.parametrize("word", WORDS)
def test_search_finds_exactly_the_articles_containing_the_word(corpus_db, word):
    db, texts = corpus_db
    expected = {aid for aid, t in texts.items() if word in t}
    with open_store(db, readonly=True) as s:
        got = {h["article_id"] for h in search(s, word, limit=10_000)}
        assert count(s, word) == len(expected)
    assert got == expected
    if len(word) > 1:
        assert expected, f"the corpus should hold {word}"  # the test must be able to fail


def test_two_words_are_both_required(corpus_db):
    db, texts = corpus_db
    expected = {aid for aid, t in texts.items() if "山西" in t and "煤炭" in t}
    with open_store(db, readonly=True) as s:
        assert {h["article_id"] for h in search(s, "山西 煤炭", limit=1000)} == expected
    assert expected


def test_no_match_across_punctuation_and_no_partial_phrase(tmp_path, make_db):
    db = make_db()
    arts = [make_article("能源保供", "今年山西，煤炭保供任务很重。", "2026-01-20"),
            make_article("山西煤炭", "山西煤炭产量稳居全国前列。", "2026-01-21")]
    ingest([str(page_json(tmp_path, "p", arts, "2026-01-21"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        assert [h["headline"] for h in search(s, "西煤")] == ["山西煤炭"]
        assert [h["headline"] for h in search(s, "山西煤炭产量")] == ["山西煤炭"]
        assert search(s, "煤炭山西") == []
        assert search(s, "，。") == []


def test_headline_hits_rank_first(tmp_path, make_db):
    db = make_db()
    arts = [make_article("冬季民生保障", "各地做好供暖工作，煤炭供应总体平稳，居民温暖过冬。", "2026-01-20"),
            make_article("煤炭供应总体平稳", "今冬以来，各地加强煤炭调运，电厂存煤处于高位。", "2026-01-20"),
            make_article("春运首日", "铁路部门加开列车，保障旅客出行。", "2026-01-20")]
    ingest([str(page_json(tmp_path, "p", arts, "2026-01-21"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        hits = search(s, "煤炭")
    assert [h["headline"] for h in hits] == ["煤炭供应总体平稳", "冬季民生保障"]
    assert hits[0]["score"] > hits[1]["score"]
    assert "煤炭" in hits[1]["snippet"]


def test_filters_date_outlet_person_org(tmp_path, make_db):
    db = make_db()
    p1 = page_json(tmp_path, "a", [
        make_article("总台春晚筹备就绪", "中央广播电视总台春节联欢晚会筹备就绪，导演于蕾介绍了节目。", "2026-01-20",
                     people={"于蕾": ["总导演"]}, orgs={"中央广播电视总台": None}),
    ], "2026-01-20", outlet="人民日报")
    p2 = page_json(tmp_path, "b", [
        make_article("央视发布春晚节目单", "央视今天发布节目单，总导演于蕾说节目突出创新。", "2026-01-25",
                     people={"于蕾": ["总导演"]}, orgs={"央视": None}),
        make_article("最高法发布典型案例", "最高法今天发布典型案例，涉及知识产权保护。", "2026-01-25",
                     orgs={"最高法": "最高人民法院"}),
    ], "2026-01-25", outlet="光明日报")
    ingest([str(p1), str(p2)], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        def heads(**kw):
            return sorted(h["headline"] for h in search(s, kw.pop("q", ""), **kw))

        assert heads(q="节目", date_from="2026-01-21") == ["央视发布春晚节目单"]
        assert heads(q="节目", date_to="2026-01-20") == ["总台春晚筹备就绪"]
        assert heads(outlet="光明日报") == sorted(["最高法发布典型案例", "央视发布春晚节目单"])
        assert heads(person="于蕾") == sorted(["央视发布春晚节目单", "总台春晚筹备就绪"])
        assert heads(org="央视") == heads(org="中央广播电视总台") == sorted(["央视发布春晚节目单", "总台春晚筹备就绪"])
        assert heads(org="最高人民法院") == heads(org="最高法") == ["最高法发布典型案例"]
        assert heads(org="不存在的机构") == []
        assert heads(q="典型案例", person="于蕾") == []


def test_tokens_and_queries():
    assert index_text("山西煤炭，GDP增长") == "山西 西煤 煤炭 炭 gd dp p增 增长 长"
    assert query_terms("煤炭 山西省") == [["煤炭"], ["山西", "西省"]]
    assert query_terms("ＧＤＰ") == [["gd", "dp"]]


def test_cli_search_table_and_json(corpus_db, capsys):
    import json

    from zhnews import kb_cli

    db, texts = corpus_db
    assert kb_cli.main(["search", "科技小院", "--db", db, "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["article_id"] for h in hits} == {aid for aid, t in texts.items() if "科技小院" in t}
    assert kb_cli.main(["search", "科技小院", "--db", db]) == 0
    assert "科技小院" in capsys.readouterr().out
    assert kb_cli.main(["search", "量子纠缠态密钥分发", "--db", db]) == 1


def test_figures_of_one_indicator_over_time(tmp_path, make_db, capsys):
    import csv
    import io

    from zhnews import kb_cli
    from zhnews.model import Figure
    from zhnews.store.search import figures

    db = make_db()
    arts = []
    for date, text, value in (("2025-03-06", "2019年以来，年均煤炭产量11.9亿吨。", 1.19e9),
                              ("2024-01-10", "去年全省煤炭产量13.78亿吨，同比增长5.1%。", 1.378e9),
                              ("2025-12-30", "今年煤炭产量预计12.7亿吨。", 1.27e9)):
        art = make_article("能源保供", text, date)
        num = text[text.index("产量") + 2: text.index("吨") + 1]
        i = text.index(num)
        art.figures.append(Figure(text=num, value=value, unit="吨", start=i, end=i + len(num), indicator="煤炭产量"))
        if "5.1%" in text:
            j = text.index("5.1%")
            art.figures.append(Figure(text="5.1%", value=5.1, unit="%", start=j, end=j + 4, indicator="增长"))
        arts.append(art)
    ingest([str(page_json(tmp_path, "f", arts, "2025-12-31"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        by_date = figures(s, "煤炭产量")
        assert [(r["date"], r["value"]) for r in by_date] == [
            ("2024-01-10", 1.378e9), ("2025-03-06", 1.19e9), ("2025-12-30", 1.27e9)]
        assert [r["value"] for r in figures(s, "煤炭", sort="value-desc")] == [1.378e9, 1.27e9, 1.19e9]
        assert figures(s, "产量", exact=True) == []
        texts = {r["article_id"]: r for r in s.query("SELECT id AS article_id, text FROM articles")}
        for r in by_date:
            assert texts[r["article_id"]]["text"][r["start_offset"]:r["end_offset"]] == r["text"]
    assert kb_cli.main(["figures", "--indicator", "煤炭产量", "--db", db, "--format", "csv", "--sort", "date-desc"]) == 0
    got = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [g["date"] for g in got] == ["2025-12-30", "2025-03-06", "2024-01-10"]
    assert kb_cli.main(["figures", "--indicator", "钢铁产量", "--db", db]) == 1


# -- snippets on text that NFKC lengthens ---------------------------------------------------------
SNIPPET_TEXT = ("国家铁路局消息……春运大幕开启。" + "各地铁路部门优化运输组织，增开夜间高铁，方便旅客出行。" * 3
                + "据测算，２０２６年春运期间全国铁路预计发送旅客５．４亿人次……其中科技小院专列开行１２０列。"
                + "铁路部门提醒旅客合理安排行程。" * 4)


@pytest.mark.parametrize("query, hit", [("科技小院", "科技小院"), ("2026年", "２０２６年"), ("120列", "１２０列"),
                                        ("人次", "人次")])
def test_snippet_shows_the_hit_after_text_nfkc_lengthens(query, hit):
    from zhnews.store.search import SNIPPET_CONTEXT, snippet

    snip = snippet(SNIPPET_TEXT, query)
    i = SNIPPET_TEXT.index(hit)
    expected = SNIPPET_TEXT[max(0, i - SNIPPET_CONTEXT): i + len(hit) + SNIPPET_CONTEXT]
    assert snip == "…" + expected + "…"


def test_normalized_offsets_map_back_to_the_original():
    from zhnews.store.tokenize import NormalizedText, normalize

    text = SNIPPET_TEXT + "㎞ ＡＩ ｅ\u0301clair ﷺ 가나 İstanbul 𝐀𝐁 end"
    nt = NormalizedText(text)
    assert nt.normalized == normalize(text)
    for size in (1, 2, 5):
        for pos in range(len(nt.normalized) - size + 1):
            s, e = nt.start(pos), nt.end(pos + size)
            assert nt.normalized[pos:pos + size] in normalize(text[s:e]), (pos, size)


def test_search_snippet_of_a_stored_article(tmp_path, make_db):
    db = make_db()
    art = make_article("春运铁路发送旅客创新高", SNIPPET_TEXT, "2026-02-01")
    ingest([str(page_json(tmp_path, "chunyun", [art], "2026-02-01"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        hits = search(s, "科技小院")
    assert len(hits) == 1 and "科技小院专列" in hits[0]["snippet"] and hits[0]["snippet"].startswith("…")


def test_one_snippet_function_for_the_cli_and_the_web():
    """The web and the JSON API show the store's snippet (issue 16: two snippet
    functions showed different text around different hits)."""
    from zhnews.store import search as store_search
    from zhnews.web import queries

    text = "……前言。山西煤炭产量12亿吨，煤炭先进产能超过10.8亿吨。"
    for q in ("煤炭", "煤炭 产能", "产能"):
        assert queries.snippet(text, q, context=4) == store_search.snippet(text, q, context=4)
