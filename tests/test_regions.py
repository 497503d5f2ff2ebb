"""Where an article is printed (issue 17): a positioned page (text PDF, scan)
gives every article its `regions` — its head and each column piece of its body
as shares of the page — the knowledge base keeps them (and a scan's page
image), and plain text has none.

The PDFs are typeset at test time (scripts/make_pdf_fixtures.py) from the real
example pages; where each story is printed is then read back from the PDF
itself (PyMuPDF's text search), not written into the test.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pymupdf
import pytest

import zhnews
from zhnews.formats.pdf import extract_pdf
from zhnews.formats.pdf_layout import Block, HeadGroup, Line, Story, story_boxes
from zhnews.store import open_store
from zhnews.store.ingest import ingest

from test_pdf import TS  # the typesetter of scripts/make_pdf_fixtures.py

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT.parent / "shared" / "examples", ROOT / "examples"]
_counter = itertools.count()




def _example(stem: str) -> Path:
    for d in EXAMPLES:
        if (d / f"{stem}.txt").exists():
            return d / f"{stem}.txt"
    pytest.skip(f"example page {stem} not here")


@pytest.fixture(scope="module")
def make_db(tmp_path_factory):
    base = tmp_path_factory.mktemp("kb")
    return lambda: str(base / f"kb{next(_counter)}.db")


@pytest.fixture(scope="module")
def side_by_side() -> bytes:
    """Two stories with headlines on one row (columns 1–2 and 3–4) above a third across all four."""
    pg = zhnews.extract(str(_example("rmrb-2026-01-29-p04")))
    a, b, c = pg.articles[1], pg.articles[2], pg.articles[3]
    stories = [TS.Story(a.headline, [(a.byline.raw or "") + a.text], col=0, ncols=2, head_size=15),
               TS.Story(b.headline, [(b.byline.raw or "") + b.text], col=2, ncols=2, head_size=15),
               TS.Story(c.headline, [(c.byline.raw or "") + c.text], col=0, ncols=4, head_size=15)]
    return TS.typeset(stories, columns=4, page_size=(595.0, 1684.0))


def _inside(rect: pymupdf.Rect, page: pymupdf.Page, boxes: list[dict], slack: float = 0.002) -> bool:
    """Is the printed rectangle inside one of the boxes (page shares)?"""
    x0, y0 = rect.x0 / page.rect.width, rect.y0 / page.rect.height
    x1, y1 = rect.x1 / page.rect.width, rect.y1 / page.rect.height
    return any(b["x0"] - slack <= x0 and b["y0"] - slack <= y0 and x1 <= b["x1"] + slack and y1 <= b["y1"] + slack
               for b in boxes)


def _overlap(a: dict, b: dict) -> float:
    return max(0.0, min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])) * max(0.0, min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]))


def _printed_lines(pg: pymupdf.Page) -> list[tuple[str, pymupdf.Rect]]:
    out = []
    for block in pg.get_text("dict")["blocks"]:
        for ln in block.get("lines", []):
            text = "".join(sp["text"] for sp in ln["spans"]).strip()
            if text:
                out.append((text, pymupdf.Rect(ln["bbox"])))
    return out


def test_a_pdf_article_says_where_it_is_printed(side_by_side):
    page = extract_pdf(side_by_side, name="p.pdf")
    assert len(page.articles) == 3
    with pymupdf.open(stream=side_by_side, filetype="pdf") as doc:
        pg = doc[0]
        lines = _printed_lines(pg)
        for art in page.articles:
            regions = art.to_dict()["regions"]
            assert regions and all(r["page"] == 1 for r in regions)
            assert all(0 <= r["x0"] < r["x1"] <= 1 and 0 <= r["y0"] < r["y1"] <= 1 for r in regions)
            # the headline is printed inside the article's first box (its head)
            head = pg.search_for(art.headline.replace(" ", "")[:6])
            assert head and any(_inside(h, pg, regions[:1]) for h in head), art.headline
            # every printed line of its body is inside its boxes, and outside every other article's
            own = [rect for text, rect in lines if len(text) >= 8 and text in art.text]
            assert len(own) > 5
            for rect in own:
                assert _inside(rect, pg, regions), (art.headline, rect)
                for other in page.articles:
                    if other is not art and not any(t in other.text for t, r in lines if r == rect):
                        assert not _inside(rect, pg, other.regions, slack=0.0), (other.headline, rect)
        # no article's box covers another's
        for a, b in itertools.combinations(page.articles, 2):
            assert all(_overlap(x, y) == 0 for x in a.regions for y in b.regions), (a.headline, b.headline)


def test_plain_text_and_html_have_no_regions():
    """Their output is what it was: no `regions` key at all."""
    text = zhnews.extract(str(_example("shanxi-daily-2025-03-07"))).to_dict()
    assert text["articles"] and all("regions" not in a for a in text["articles"])
    html = ROOT / "examples" / "rmrb-2026-01-29-p04-content.html"
    if html.exists():
        assert all("regions" not in a for a in zhnews.extract(str(html)).to_dict()["articles"])


def _block(x0, y0, x1, y1, size=10.0) -> Block:
    return Block([Line(x0, y, x1, y + size, size, "字" * 10) for y in range(int(y0), int(y1), int(size * 1.5))])


def test_one_box_per_column_piece():
    """A column the story fills is one box, even when a dropped line broke it
    into two blocks; a column it continues in lower down, under another
    story, is a box of its own — one box over both would take in the other story."""
    head = HeadGroup([Line(0, 0, 200, 30, 30.0, "标题")])
    left_top, left_rest = _block(0, 40, 95, 200), _block(0, 215, 95, 400)  # 15 apart: one line dropped
    right_top, right_low = _block(105, 40, 200, 200), _block(105, 600, 200, 700)  # another story in between
    boxes = story_boxes(Story(head, [right_low, left_rest, right_top, left_top]), 10.0)
    assert boxes[0] == (0, 0, 200, 30)
    assert boxes[1:] == [(0, 40, 95, left_rest.y1), (105, 40, 200, right_top.y1), (105, 600, 200, right_low.y1)]


def test_the_base_keeps_the_regions(make_db, side_by_side, tmp_path):
    """A text PDF's regions are stored with its articles (JSON, as extracted);
    it has no page image (only scans keep one); a text page stores none."""
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(side_by_side)
    text = tmp_path / "t.txt"
    text.write_bytes(_example("xinmin-2022-04-03").read_bytes())
    db = make_db()
    report = ingest([str(pdf), str(text)], db=db, jobs=1, progress=False)
    assert not report.errors, report.errors
    want = {a.headline: a.regions for a in extract_pdf(side_by_side, name="p.pdf").articles}
    store = open_store(db, readonly=True)
    try:
        rows = store.query("SELECT a.headline, a.regions, p.format FROM articles a JOIN pages p ON p.id = a.page_id")
        assert {r["headline"]: json.loads(r["regions"]) for r in rows if r["format"] == "pdf"} == want
        assert all(r["regions"] is None for r in rows if r["format"] == "text")
        assert store.scalar("SELECT COUNT(*) FROM page_images") == 0
    finally:
        store.close()


def test_regions_travel_through_a_cluster_run(side_by_side):
    """A Dask run's Parquet rows (zhnews.distributed) give back the regions
    of a PDF page, and a text page comes back without the key, as extracted."""
    from zhnews.distributed import page_rows, rows_to_page

    pdf = extract_pdf(side_by_side, name="p.pdf").to_dict()
    back = rows_to_page(page_rows(0, "p.pdf", "h", None, pdf))
    assert [a["regions"] for a in back["articles"]] == [a["regions"] for a in pdf["articles"]]
    text = zhnews.extract(str(_example("xinmin-2022-04-03"))).to_dict()
    assert all("regions" not in a for a in rows_to_page(page_rows(0, "t.txt", "h", None, text))["articles"])


def test_the_region_picture_is_the_page_cut_to_the_boxes_with_the_rest_faded():
    """Two columns of ink; the article is the left column's top and the right
    column's bottom (an L-shaped story): the picture spans both, the article's
    ink stays black, the neighbour's ink inside the picture is faded."""
    import io

    from PIL import Image, ImageDraw

    from zhnews.web.region import FADE, MARGIN, render

    page = Image.new("L", (1000, 1000), 255)
    d = ImageDraw.Draw(page)
    d.rectangle((100, 100, 400, 900), fill=0)
    d.rectangle((600, 100, 900, 900), fill=0)
    buf = io.BytesIO()
    page.save(buf, "WEBP", quality=90)
    regions = [{"page": 1, "x0": 0.1, "y0": 0.1, "x1": 0.4, "y1": 0.5},
               {"page": 1, "x0": 0.6, "y0": 0.5, "x1": 0.9, "y1": 0.9}]
    pic = Image.open(io.BytesIO(render({"width": 1000, "height": 1000, "data": buf.getvalue()}, regions))).convert("L")
    m = round(MARGIN * 1000)
    assert pic.size == (800 + 2 * m, 800 + 2 * m)  # x 100..900, y 100..900, plus the margin
    at = lambda x, y: pic.getpixel((x - 100 + m, y - 100 + m))  # noqa: E731 - page coordinates
    assert at(250, 300) < 40 and at(750, 700) < 40  # the article's ink
    faded = round(255 * FADE)
    assert abs(at(250, 700) - faded) < 20 and abs(at(750, 300) - faded) < 20  # the neighbour's, faded
