"""Offsets → nested <mark> markup: overlapping and crossing items, items
across paragraphs, HTML-special characters, and offsets that do not fit."""

from __future__ import annotations

from web_fixtures import parse_body
from zhnews.web.highlight import Span, render

TEXT = "唐登杰说：“<山西>煤炭先进产能超过10.8亿吨/年&继续提升。”\n他表示，要坚持“两个毫不动摇”。"


def check(text, spans):
    html = '<div class="body">' + render(text, spans) + "</div>"
    body = parse_body(html)
    assert "".join(body.text) == text
    for m in body.marks:
        assert text[int(m["start"]):int(m["end"])] == m["content"]
    cover = {}
    for m in body.marks:
        cover.setdefault(m["id"], set()).update(range(int(m["start"]), int(m["end"])))
    for s in spans:
        if 0 <= s.start < s.end <= len(text):
            assert cover[s.id] == {i for i in range(s.start, s.end) if text[i] != "\n"}
    return html, body


def test_nested_and_crossing_items():
    stmt = TEXT.index("“<")
    fig = TEXT.index("10.8")
    spans = [Span("p", "person", 0, 3), Span("s", "statement", stmt + 1, TEXT.index("。”") + 1, "quote"),
             Span("o", "org", stmt + 2, stmt + 4),
             # crosses the end of the next span: must be split, not cross tags
             Span("i", "indicator", TEXT.index("煤炭"), fig + 2), Span("f", "figure", fig, fig + 8)]
    html, body = check(TEXT, spans)
    assert "&lt;<mark class=\"hl t-org\"" in html and "&gt;<mark class=\"hl t-indicator\"" in html and "&amp;继续" in html
    assert sum(1 for m in body.marks if m["id"] == "f") == 2  # split where the indicator ends


def test_item_across_paragraphs_is_split_per_paragraph():
    start = TEXT.index("继续")
    end = TEXT.index("两个")
    html, body = check(TEXT, [Span("s", "statement", start, end, "said")])
    pieces = [m for m in body.marks if m["id"] == "s"]
    assert len(pieces) == 2 and html.count(' id="s"') == 1
    assert all((int(m["item-start"]), int(m["item-end"])) == (start, end) for m in pieces)


def test_identical_ranges_and_bad_offsets():
    spans = [Span("a", "person", 0, 3), Span("b", "title", 0, 3), Span("x", "figure", 5, 999),
             Span("y", "figure", 7, 7), Span("z", "place", -1, 2)]
    html, body = check(TEXT, spans)
    assert {m["id"] for m in body.marks} == {"a", "b"}
