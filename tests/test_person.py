"""People and organizations across articles: one record per person with titles
over time, statements and co-mentioned people; two people with one name kept
apart with the evidence recorded; organization aliases resolved."""

from __future__ import annotations

import json

from test_ingest import make_article, make_db, page_json, rows  # noqa: F401  (fixture)
from zhnews.store import open_store
from zhnews.store.ingest import ingest
from zhnews.store.people import CONFLICT, NEUTRAL, PREFIX, STRONG, compare_titles
from zhnews.store.search import org_pages, person_pages


def _shanxi_pages(tmp_path):
    a1 = make_article(
        "山西省委常委会召开会议", "1月5日，省委书记唐登杰主持召开省委常委会会议。唐登杰强调，要坚定信心推动高质量发展。",
        "2025-01-05", people={"唐登杰": ["省委书记"]}, said={"唐登杰": "要坚定信心推动高质量发展。"})
    a2 = make_article(
        "山西代表团代表接受中外媒体采访",
        "山西代表团团长唐登杰、副团长金湘军回答记者提问。唐登杰说，山西将加快转型发展。",
        "2025-03-06", people={"唐登杰": ["山西代表团团长"], "金湘军": ["山西代表团副团长"]},
        said={"唐登杰": "山西将加快转型发展。"})
    a3 = make_article(
        "全省经济工作会议召开", "省委书记唐登杰、省长金湘军出席会议并讲话。", "2025-12-20",
        people={"唐登杰": ["省委书记"], "金湘军": ["省长"]})
    return [page_json(tmp_path, "d1", [a1], "2025-01-06", "山西日报"),
            page_json(tmp_path, "d2", [a2], "2025-03-07", "山西日报"),
            page_json(tmp_path, "d3", [a3], "2025-12-21", "山西日报")]


def test_person_page_lists_every_article_with_titles_over_time(tmp_path, make_db):
    db = make_db()
    ingest([str(p) for p in _shanxi_pages(tmp_path)], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        pages = person_pages(s, "唐登杰")
    assert len(pages) == 1
    p = pages[0]
    assert p["article_count"] == 3
    assert [a["headline"] for a in p["articles"]] == ["山西省委常委会召开会议", "山西代表团代表接受中外媒体采访",
                                                      "全省经济工作会议召开"]
    titles = {t["title"]: (t["first_date"], t["last_date"], t["articles"]) for t in p["titles"]}
    assert titles == {"省委书记": ("2025-01-05", "2025-12-20", 2), "山西代表团团长": ("2025-03-06", "2025-03-06", 1)}
    assert [(t["date"], t["title"]) for t in p["titles_by_date"]] == [
        ("2025-01-05", "省委书记"), ("2025-03-06", "山西代表团团长"), ("2025-12-20", "省委书记")]
    assert [st["text"] for st in p["statements"]] == ["要坚定信心推动高质量发展。", "山西将加快转型发展。"]
    assert p["co_mentioned"] == [{"person_id": p["co_mentioned"][0]["person_id"], "name": "金湘军", "articles": 2}]
    # Each link says why it was made.
    assert all(a["link_reason"] for a in p["articles"])
    assert p["articles"][0]["link_reason"] == "new"


def test_same_name_different_people_are_kept_apart_with_evidence(tmp_path, make_db):
    db = make_db()
    a1 = make_article("高校科研成果转化提速", "北京大学教授王刚介绍，学校去年转化专利一百余项。", "2025-05-01",
                      people={"王刚": ["北京大学教授"]})
    a2 = make_article("县域经济加快发展", "云南省保山市副市长王刚表示，将推进特色产业发展。", "2025-06-01",
                      people={"王刚": ["云南省保山市副市长"]})
    a3 = make_article("产学研合作签约", "北京大学教授王刚与企业代表签署合作协议。", "2025-07-01",
                      people={"王刚": ["北京大学教授"]})
    ingest([str(page_json(tmp_path, f"w{i}", [a], a.date)) for i, a in enumerate([a1, a2, a3])],
           db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        pages = person_pages(s, "王刚")
    assert len(pages) == 2
    prof, official = pages
    assert [a["headline"] for a in prof["articles"]] == ["高校科研成果转化提速", "产学研合作签约"]
    assert [a["headline"] for a in official["articles"]] == ["县域经济加快发展"]
    assert prof["articles"][1]["link_reason"] == "title:北京大学教授"
    assert official["note"] and f"#{prof['person_id']}" in official["note"]
    ev = official["evidence"]
    assert len(ev) == 1 and ev[0]["kind"] == "conflicting-titles"
    assert "北京大学教授" in ev[0]["detail"] and "云南省保山市副市长" in ev[0]["detail"]


def test_title_comparison_rules():
    assert compare_titles({"省委书记"}, {"省委书记", "省长"})[0] == STRONG
    assert compare_titles({"外交部发言人"}, {"外交部"})[0] == STRONG
    assert compare_titles({"山西代表团团长"}, {"山西省委书记"}) == (PREFIX, "prefix:山西")
    assert compare_titles({"记者"}, {"山西省委书记"})[0] == NEUTRAL
    assert compare_titles(set(), {"山西省委书记"})[0] == NEUTRAL
    assert compare_titles({"北京大学教授"}, {"清华大学教授"})[0] == CONFLICT
    # offices of the central state are one career: 2020's 国务委员兼外长 is 2026's 外交部长
    assert compare_titles({"国务委员兼外长"}, {"中共中央政治局委员", "外交部长"})[0] == PREFIX
    # ...but a central office does not make a provincial or university one the same person
    assert compare_titles({"外交部长"}, {"清华大学教授"})[0] == CONFLICT
    assert compare_titles({"中联部部长"}, {"中共中央对外联络部部长"})[0] == PREFIX  # a short form of a central organ
    # 省委书记 does not say which province: it cannot conflict with 山西代表团团长.
    assert compare_titles({"省委书记"}, {"山西代表团团长"})[0] == NEUTRAL


def test_replaced_page_drops_people_no_longer_mentioned(tmp_path, make_db):
    db = make_db()
    art = make_article("春耕备耕", "农业农村部副部长张兴旺调研春耕。", "2026-02-01", people={"张兴旺": ["农业农村部副部长"]})
    path = page_json(tmp_path, "p", [art], "2026-02-01")
    ingest([str(path)], db=db, jobs=1, progress=False)
    assert [r["name"] for r in rows(db, "SELECT name FROM people")] == ["张兴旺"]
    art2 = make_article("春耕备耕", "各地抢抓农时推进春耕。", "2026-02-01")
    page_json(tmp_path, "p", [art2], "2026-02-01")  # same file, new content
    ingest([str(path)], db=db, jobs=1, progress=False)
    assert rows(db, "SELECT name FROM people") == []
    assert rows(db, "SELECT COUNT(*) AS n FROM titles")[0]["n"] == 0


def test_org_aliases_meet_on_one_record(tmp_path, make_db):
    db = make_db()
    arts = [
        make_article("春晚彩排", "中央广播电视总台春晚进行第一次彩排。", "2026-01-20", orgs={"中央广播电视总台": None}),
        make_article("节目单发布", "央视发布春晚节目单。", "2026-01-25", orgs={"央视": None}),
        make_article("典型案例", "最高法发布知识产权典型案例。", "2026-01-26", orgs={"最高法": "最高人民法院"}),
        make_article("司法解释", "最高人民法院发布司法解释。", "2026-01-27", orgs={"最高人民法院": None}),
    ]
    ingest([str(page_json(tmp_path, "p", arts, "2026-01-27"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        (cctv,) = org_pages(s, "央视")
        assert cctv["name"] == "中央广播电视总台" and cctv["article_count"] == 2
        assert {w["name"] for w in cctv["as_written"]} == {"央视", "中央广播电视总台"}
        (court,) = org_pages(s, "最高法")
        assert court["name"] == "最高人民法院" and court["article_count"] == 2
        assert org_pages(s, "中央广播电视总台")[0]["organization_id"] == cctv["organization_id"]
    assert rows(db, "SELECT COUNT(*) AS n FROM organizations")[0]["n"] == 2


def test_cli_person_and_org(tmp_path, make_db, capsys):
    from zhnews import kb_cli

    db = make_db()
    ingest([str(p) for p in _shanxi_pages(tmp_path)], db=db, jobs=1, progress=False)
    assert kb_cli.main(["person", "唐登杰", "--db", db]) == 0
    out = capsys.readouterr().out
    for head in ("山西省委常委会召开会议", "山西代表团代表接受中外媒体采访", "全省经济工作会议召开", "山西代表团团长", "金湘军"):
        assert head in out
    assert kb_cli.main(["person", "唐登杰", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["article_count"] == 3
    assert kb_cli.main(["person", "无此人", "--db", db]) == 1
    assert kb_cli.main(["org", "最高法", "--db", db]) == 1  # no article names it


def test_cli_person_text_shows_who_asked_and_about_what(tmp_path, capsys):
    """The press conference's answers as text carry the asking outlet and the topic, as the JSON does."""
    from pathlib import Path

    from zhnews import kb_cli

    page = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "mfa-presscon-2020-04-21.txt"
    db = str(tmp_path / "kb.db")
    assert kb_cli.main(["ingest", str(page), "--db", db, "-j", "1", "-q"]) == 0
    assert kb_cli.main(["person", "耿爽", "--db", db, "--format", "json"]) == 0
    answers = [s for s in json.loads(capsys.readouterr().out)[0]["statements"] if s["kind"] == "answer"]
    assert len(answers) >= 5
    assert kb_cli.main(["person", "耿爽", "--db", db]) == 0
    out = capsys.readouterr().out
    section = out.split("## Statements", 1)[1].split("##", 1)[0]
    header = section.strip().splitlines()[0].split()
    assert "asked_by" in header and "topic" in header
    answer_lines = [line for line in section.splitlines() if " answer " in line]
    assert len(answer_lines) == len(answers)
    for line, s in zip(answer_lines, answers):
        assert s["asked_by"] in line and s["topic"][:10] in line, line
