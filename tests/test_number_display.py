"""Figures are shown the way Chinese readers write them (issue 18 item 6):
14,298亿, 13.1, 2.6 — in the web tables, on the chart axis and on the command
line — while the JSON keeps the exact value."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from web_fixtures import build_db
from zhnews.numfmt import display_number, display_score
from zhnews.web import create_app
from zhnews.web.chart import svg

SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


@pytest.mark.parametrize("value,want", [
    (1.4298e12, "14,298亿"), (1.08e9, "10.8亿"), (1.67e10, "167亿"), (13.1, "13.1"), (2.6, "2.6"),
    (12000, "1.2万"), (150000, "15万"), (12345, "12,345"), (9876, "9,876"), (0.25, "0.25"),
    (-3.5, "-3.5"), (None, ""), (float("nan"), ""), (1e15, "10,000,000亿"), (12000000, "1,200万"),
])
def test_display_number(value, want):
    assert display_number(value) == want


def test_scores_never_print_in_scientific_notation():
    for v in (1.97156e-06, 0.5, 12.3456, 3e-12):
        s = display_score(v)
        assert not SCIENTIFIC.search(s) and float(s) > 0, s


def test_chart_axis_labels_and_unit_do_not_collide():
    points = [{"date": f"2025-0{m}-01", "value": v, "text": "x", "headline": "h", "article_id": 1,
               "start_offset": 0, "end_offset": 1, "indicator": "粮食产量"}
              for m, v in ((1, 1.4298e12), (2, 1.5e12), (3, 1.3e12))]
    out = svg(points, unit="斤")
    labels = re.findall(r'<text class="ylabel"[^>]*y="([0-9.]+)"[^>]*>([^<]*)<', out)
    assert labels and all(("亿" in t or t == "0") and not SCIENTIFIC.search(t) for _, t in labels)
    unit_y = float(re.search(r'<text class="unit"[^>]*y="([0-9.]+)"', out).group(1))
    top_label_y = min(float(y) for y, _ in labels)
    assert top_label_y - unit_y >= 12  # a line of text apart: the unit is drawn above, not over, the top label


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("kb"))


def test_web_tables_show_grouped_numbers(db):
    with TestClient(create_app(str(db))) as c:
        html = c.get("/figures", params={"unit": "吨"}).text
        assert "11.9亿" in html and "12亿" in html
        cells = re.findall(r'<td class="num">([^<]*)</td>', html)
        assert cells and not any(SCIENTIFIC.search(x) for x in cells)
        api = c.get("/api/figures", params={"unit": "吨"}).json()
        assert any(r["value"] == 1.19e9 for r in api["figures"])  # exact in the JSON


def test_cli_figures_table_shows_grouped_numbers(db):
    r = subprocess.run([sys.executable, "-m", "zhnews", "figures", "--db", str(db), "--indicator", "煤炭产量"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "11.9亿" in r.stdout and not SCIENTIFIC.search(r.stdout)
