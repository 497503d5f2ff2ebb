"""The person page a China-watcher reads (issue 18 item 11): one row per title
with first/last seen and counts (not one row per mention), appearances over
time, statements grouped by date, and the people and organizations most often
in the same articles — in the text command, the JSON API and the web page."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from test_ingest import make_article, make_db, page_json  # noqa: F401  (fixture)
from zhnews import kb_cli
from zhnews.periods import buckets
from zhnews.store import open_store
from zhnews.store.ingest import ingest
from zhnews.store.search import person_pages
from zhnews.web import create_app

# (date, text, titles, co-mentioned person, statement)
DAYS = [
    ("2025-01-05", "省委书记唐登杰主持召开省委常委会会议，省长金湘军出席。唐登杰强调，要坚定信心。",
     ["省委书记"], "金湘军", "要坚定信心。"),
    ("2025-01-05", "省委书记唐登杰在太原调研。唐登杰指出，要稳住工业。", ["省委书记"], None, "要稳住工业。"),
    ("2025-03-06", "山西代表团团长唐登杰、副团长金湘军回答记者提问。", ["山西代表团团长"], "金湘军", None),
    ("2025-06-20", "省委书记唐登杰会见客人。省委书记唐登杰表示欢迎。", ["省委书记"], None, None),
    ("2025-12-20", "省委书记唐登杰、省长金湘军出席会议。唐登杰说，明年要更好。", ["省委书记"], "金湘军", "明年要更好。"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, make_db):
    tmp = tmp_path_factory.mktemp("pages")
    pages = []
    for i, (date, text, titles, other, said) in enumerate(DAYS):
        people = {"唐登杰": titles}
        if other:
            people[other] = ["省长"] if "省长" in text else ["副团长"]
        art = make_article(f"会议{i}", text, date, people=people, orgs={"省委常委会": None} if "常委会" in text else
                           {"山西代表团": None} if "代表团" in text else None,
                           said={"唐登杰": said} if said else None)
        pages.append(str(page_json(tmp, f"p{i}", [art], date, "山西日报")))
    path = make_db()
    ingest(pages, db=path, jobs=1, progress=False)
    return path


def test_one_row_per_title_with_first_last_and_counts(db):
    with open_store(db, readonly=True) as s:
        (p,) = person_pages(s, "唐登杰")
    rows = {t["title"]: t for t in p["titles"]}
    assert set(rows) == {"省委书记", "山西代表团团长"}
    sec = rows["省委书记"]
    assert (sec["first_date"], sec["last_date"], sec["articles"]) == ("2025-01-05", "2025-12-20", 4)
    assert sec["mentions"] == 4
    with open_store(db, readonly=True) as s:
        text = s.query("SELECT text FROM articles WHERE id = ?", [sec["last"]["article_id"]])[0]["text"]
    assert text[sec["last"]["start_offset"]:sec["last"]["end_offset"]] == "省委书记"


def test_appearances_keep_empty_months():
    per, counts = buckets([{"date": "2025-01-05", "articles": 2}, {"date": "2025-03-06", "articles": 1},
                           {"date": "2025-12-20", "articles": 1}])
    assert per == "month" and len(counts) == 12 and counts[1] == {"period": "2025-02", "articles": 0}
    assert buckets([{"date": "2025-01-05", "articles": 1}, {"date": "2025-01-07", "articles": 1}])[1][1]["articles"] == 0
    assert buckets([{"date": "2001-01-05", "articles": 1}, {"date": "2025-01-07", "articles": 1}])[0] == "year"


def test_api_and_web_page(db):
    with TestClient(create_app(db)) as c:
        pid = c.get("/api/people", params={"q": "唐登杰"}).json()
        pid = next(p["person_id"] for p in (pid.get("people") or pid) if p["name"] == "唐登杰")
        j = c.get(f"/api/people/{pid}").json()
        html = c.get(f"/people/{pid}").text
    assert [g["date"] for g in j["statements_by_date"]] == ["2025-01-05", "2025-12-20"]
    assert [len(g["statements"]) for g in j["statements_by_date"]] == [2, 1]
    assert j["appearances"]["per"] == "month"
    assert sum(c["articles"] for c in j["appearances"]["counts"]) == len(DAYS)
    assert j["co_mentioned"][0]["name"] == "金湘军" and j["co_mentioned"][0]["articles"] == 3
    assert {o["name"] for o in j["co_organizations"]} >= {"省委常委会"}
    table = html.split('class="list person-titles"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 1 + 2, "one row per title (plus the header)"
    wide = html.split('<svg class="chart bars wide"', 1)[1].split("</svg>", 1)[0]
    bars = re.findall(r'<rect class="bar"[^>]*data-period="([^"]+)" data-count="(\d+)"', wide)
    narrow = html.split('<svg class="chart bars narrow"', 1)[1].split("</svg>", 1)[0]
    assert re.findall(r'<rect class="bar"[^>]*data-period="([^"]+)" data-count="(\d+)"', narrow) == bars
    assert bars[0] == ("2025-01", "2") and ("2025-02", "0") in bars and len(bars) == 12
    assert html.count('class="statement-date"') == 2
    assert "金湘军" in html.split("co-people", 1)[1] and "省委常委会" in html.split("co-orgs", 1)[1]


def test_text_command(db, capsys):
    assert kb_cli.main(["person", "唐登杰", "--db", db]) == 0
    out = capsys.readouterr().out
    titles = out.split("## Titles over time", 1)[1].split("##", 1)[0]
    assert [line.split()[0] for line in titles.strip().splitlines()[2:]] == ["省委书记", "山西代表团团长"]
    appearances = out.split("## Appearances (articles per month)", 1)[1].split("##", 1)[0]
    assert "2025-01" in appearances and "█" in appearances
    assert "省委常委会" in out.split("## Co-mentioned organizations", 1)[1]
    assert kb_cli.main(["person", "唐登杰", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["titles"][0]["mentions"] == 4
