"""The person page a China-watcher reads (issue 18 item 11): one row per title
with first/last seen and a count, appearances by month, statements by date, and
the people and organizations most often in the same articles — on the web, in
the JSON API and as text, from a base the real ingest built."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from web_fixtures import build_db
from zhnews.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("kb"))


def _most_mentioned(client) -> dict:
    people = client.get("/api/people", params={"limit": 5}).json()
    rows = people.get("people") if isinstance(people, dict) else people
    top = max(rows, key=lambda r: r["articles"])
    return client.get(f"/api/people/{top['person_id']}").json()


def test_one_row_per_title_with_first_last_and_count(db):
    with TestClient(create_app(str(db))) as c:
        p = _most_mentioned(c)
        assert p["article_count"] >= 3
        titles = [t["title"] for t in p["titles"]]
        assert len(titles) == len(set(titles))  # one row per title, not one per mention
        assert len(p["titles_by_date"]) > len(titles)  # the mentions are still there for the API
        for t in p["titles"]:
            mentions = [m for m in p["titles_by_date"] if m["title"] == t["title"]]
            assert t["articles"] == len({m["article_id"] for m in mentions})
            assert t["first_date"] == min(m["date"] for m in mentions)
            assert t["last_date"] == max(m["date"] for m in mentions)
        html = c.get(f"/people/{p['person_id']}").text
        rows = re.findall(r"<table class=\"list titles\">.*?</table>", html, re.S)[0].count("<tr><td>")
        assert rows == len(titles)


def test_appearances_and_co_occurrence(db):
    with TestClient(create_app(str(db))) as c:
        p = _most_mentioned(c)
        assert sum(r["articles"] for r in p["appearances"]) == len(
            {a["article_id"] for a in p["articles"] if a["date"]})
        assert p["co_mentioned"] and p["co_organizations"]
        html = c.get(f"/people/{p['person_id']}").text
        assert 'class="chart appearances"' in html and html.count('class="bar"') >= 1
        dates = [s["date"] for s in p["statements"]]
        assert dates == sorted(dates)  # statements by date


def test_person_as_text_has_the_same_sections(db):
    with TestClient(create_app(str(db))) as c:
        name = _most_mentioned(c)["name"]
    r = subprocess.run([sys.executable, "-m", "zhnews", "person", name, "--db", str(db)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    for section in ("## Appearances by month", "## Titles over time", "## Statements",
                    "## Co-mentioned people", "## Co-mentioned organizations"):
        assert section in r.stdout
