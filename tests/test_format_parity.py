"""One article as flat text, as e-paper HTML (人民日报 markup) and as a
six-column PDF page gives the same headline, byline, body and facts, and
`zhnews eval` scores the formats within 0.02 of each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zhnews
from zhnews import evaluate

FIX = Path(__file__).parent / "fixtures"
TEXT = FIX / "parity" / "rmrb-2026-01-29-p04.txt"
HTML = FIX / "html" / "rmrb-2026-01-29-p04-content.html"
PDF = FIX / "pdf" / "rmrb-2026-01-29-p04.pdf"
HEADLINE = "最高法知识产权法庭累计受理案件2.4万余件"
TOLERANCE = 0.02


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def article(path: Path):
    page = zhnews.extract(str(path))
    (a,) = [a for a in page.articles if norm(a.headline) == norm(HEADLINE)]
    return page, a


def facts(a) -> dict:
    return {
        "people": sorted((p.name, tuple(p.titles)) for p in a.people),
        "orgs": sorted(o.name for o in a.organizations),
        "places": sorted(p.name for p in a.places),
        "statements": sorted((s.kind, s.speaker, norm(s.text), s.asked_by, norm(s.topic)) for s in a.statements),
        "figures": sorted((f.text, f.value, f.unit, f.indicator, f.period, f.qualifier) for f in a.figures),
    }


def same(x, y) -> None:
    (px, ax), (py, ay) = x, y
    assert (px.published, px.outlet) == (py.published, py.outlet)
    assert norm(ax.headline) == norm(ay.headline)
    assert (ax.kicker, ax.subheadline) == (ay.kicker, ay.subheadline)
    bx, by = ax.byline, ay.byline
    assert (bx.dateline, bx.place, bx.outlet, bx.reporters, bx.correspondents) == (
        by.dateline, by.place, by.outlet, by.reporters, by.correspondents)
    assert norm(bx.raw) == norm(by.raw)
    assert ax.date == ay.date
    assert norm(ax.text) == norm(ay.text)
    assert [norm(ax.text[p.start:p.end]) for p in ax.paragraphs] == [norm(ay.text[p.start:p.end]) for p in ay.paragraphs]
    assert facts(ax) == facts(ay)
    for a in (ax, ay):
        for f in a.figures:
            assert a.text[f.start:f.end] == f.text
        for s in a.statements:
            assert a.text[s.start:s.end] == s.text


def test_text_and_html():
    same(article(TEXT), article(HTML))


def test_text_and_pdf():
    same(article(TEXT), article(PDF))


def test_html_and_pdf():
    same(article(HTML), article(PDF))


def _scores(gold: Path, source: Path, only_gold_articles: bool) -> dict:
    def extract(_path: str) -> dict:
        d = zhnews.extract(str(source)).to_dict()
        if only_gold_articles:
            want = {norm(a["headline"]) for a in evaluate.load_gold(gold)["articles"]}
            d["articles"] = [a for a in d["articles"] if norm(a["headline"]) in want]
        return d

    report = evaluate.evaluate([str(gold)], extract_fn=extract)
    assert not report.errors, report.errors
    return {name: s.value for name, s in report.fields.items()}


def _within(a: dict, b: dict) -> None:
    for name in a:
        if a[name] is None or b[name] is None:
            assert a[name] is None and b[name] is None, name
        else:
            assert abs(a[name] - b[name]) <= TOLERANCE, (name, a[name], b[name])


def test_eval_one_article_three_formats():
    """The hand-made gold of the one article, scored on each format (the page
    formats keep only that article: the HTML page holds no other)."""
    gold = FIX / "parity" / "rmrb-2026-01-29-p04-ip-court.gold.json"
    t, h, p = (_scores(gold, src, True) for src in (TEXT, HTML, PDF))
    assert t["articles"] == 1.0
    _within(t, h)
    _within(t, p)
    _within(h, p)


@pytest.mark.parametrize("stem", ["rmrb-2026-01-29-p04", "shanxi-daily-2025-03-07"])
def test_eval_whole_page_text_and_pdf(stem):
    """The real gold of the whole page: the PDF page scores as the text does."""
    gold = FIX / "parity" / f"{stem}.gold.json"
    t = _scores(gold, FIX / "parity" / f"{stem}.txt", False)
    p = _scores(gold, FIX / "pdf" / f"{stem}.pdf", False)
    assert t["articles"] == p["articles"] == 1.0
    _within(t, p)
