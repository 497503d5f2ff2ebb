"""Figures read the way Chinese reports write them (issue 18 item 6): no
1.4298e+12 in the web table, no 1.5e+04亿 on a chart axis, and no digit lost
on the way (the shown number parses back to the exact stored value)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from web_fixtures import build_db
from zhnews.numfmt import format_figure, format_number
from zhnews.web import chart, create_app

WORDS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1}


def parse_shown(s: str) -> float:
    """Reads a shown number back (the inverse a reader does in their head)."""
    m = re.fullmatch(r"(-?[\d,]+(?:\.\d+)?)(万亿|亿|万|)", s)
    assert m, s
    return float(m.group(1).replace(",", "")) * WORDS[m.group(2)]


@pytest.mark.parametrize("value,unit,shown", [
    (1.4298e12, "斤", "14,298亿斤"), (13.1, "%", "13.1%"), (2.6, "倍", "2.6倍"),
    (2.2e12, "元", "2.2万亿元"), (2339800, "人次", "233.98万人次"), (375604, "人", "375,604人"),
    (1e7, "人", "1,000万人"), (13.100000000000001, "%", "13.1%"), (0.666667, "", "0.666667"),
    (7, "天", "7天"), (-50000, "元", "-5万元"),
])
def test_figures_read_like_the_paper(value, unit, shown):
    assert format_figure(value, unit) == shown


def test_ranges_and_qualifiers():
    assert format_figure(7, "天", value_max=10) == "7至10天"
    assert format_figure(1.08e9, "吨/年", qualifier="约") == "约10.8亿吨/年"
    assert format_figure(None, "吨") == ""


@pytest.mark.parametrize("value", [1.4298e12, 375604, 2339800, 12345678901, 0.5, 97000, 1e16 + 2e8])
def test_shown_number_is_exact(value):
    assert parse_shown(format_number(value)) == pytest.approx(value, rel=1e-12)


def _labels(svg: str, cls: str) -> list[tuple[float, str]]:
    return [(float(y), t) for y, t in re.findall(rf'<text class="{cls}" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)</text>', svg)]


def test_chart_axis_has_one_magnitude_and_the_unit_clear_of_the_labels():
    pts = [{"date": f"2025-0{i}-01", "value": v, "indicator": "粮食产量", "text": "x", "headline": "h",
            "article_id": 1, "start_offset": 0, "end_offset": 1} for i, v in enumerate((1.3908e12, 1.4130e12, 1.4298e12), 1)]
    svg = chart.svg(pts, "斤", "粮食产量")
    ticks = _labels(svg, "ylabel")
    assert ticks and not any("e+" in t or "亿" in t or "万" in t for _, t in ticks)
    assert [parse_shown(t) for _, t in ticks] == sorted(parse_shown(t) for _, t in ticks)
    (unit_y, unit_text), = _labels(svg, "unit")
    assert unit_text in ("万亿斤", "亿斤")
    top = min(y for y, _ in ticks)
    assert top - unit_y >= 12, "the unit line is drawn over the top tick label (12px text)"
    assert "14,298亿斤" in svg  # the point's tooltip


def test_small_steps_keep_their_decimals():
    pts = [{"date": f"2025-0{i}-01", "value": v, "indicator": "率", "text": "x", "article_id": 1,
            "start_offset": 0, "end_offset": 1} for i, v in enumerate((0.2, 0.5, 0.9), 1)]
    ticks = [t for _, t in _labels(chart.svg(pts, "%"), "ylabel")]
    assert len(set(ticks)) == len(ticks), ticks


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(str(build_db(tmp_path_factory.mktemp("kb"))))) as c:
        yield c


def test_web_table_and_json(client):
    r = client.get("/api/figures").json()
    big = [f for f in r["figures"] if f["value"] is not None and f["value"] >= 1e8]
    assert big, "the example pages hold figures in 亿 (10.8亿吨/年, 2.2万亿元)"
    for f in r["figures"]:
        if f["value"] is None:
            continue
        assert isinstance(f["value"], (int, float))  # exact in the JSON
        m = re.fullmatch(r"(\D*?)(-?[\d,.]+(?:万亿|亿|万)?)(.*)", f["display"])
        assert m and m.group(3) == (f["unit"] or ""), f["display"]
        assert parse_shown(m.group(2)) == pytest.approx(f["value"], rel=1e-9)
    html = client.get("/figures").text
    cells = re.findall(r'<td class="num" data-value="[^"]*">([^<]*)</td>', html)
    assert cells and not any("e+" in c for c in cells)
    assert {f["display"] for f in big} <= set(cells)
