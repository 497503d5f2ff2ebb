"""Scanned pages (PNG/JPEG/TIFF, image-only PDF) are read by OCR into the same
articles, people and figures as their text, and bad images get one clear line.

One example page is typeset, scanned (150 dpi grayscale JPEG, scripts/render_scan.py)
and read once as PNG and once as PDF; the full six-page table is benchmarks/ocr.py.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import load_script

from zhnews import evaluate
from zhnews.errors import InputError
from zhnews.formats import ocr
from zhnews.formats.image import MAX_IMAGE_PIXELS, extract_image
from zhnews.formats.pdf import extract_pdf

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "examples"
STEM = "shanxi-daily-2025-03-07"
_counter = itertools.count()
# How far (a share of the page) a scan's region may lie from the text layer's:
# ~1.3 characters of 9-point type on the A2 page; measured differences are at
# most 0.0064 (OCR boxes hug the ink, a text layer's include the line's ascent).
REGION_TOLERANCE = 0.01

pytestmark = pytest.mark.skipif(not ocr.available(), reason="tesseract not installed (scripts/setup.sh installs it)")


def _render_scan():
    return load_script("scripts/render_scan.py")


@pytest.fixture(scope="module")
def make_db(tmp_path_factory):
    """A fresh knowledge-base location (tests/test_postgres.py hands out PostgreSQL schemas instead)."""
    base = tmp_path_factory.mktemp("kb")
    return lambda: str(base / f"kb{next(_counter)}.db")


@pytest.fixture(scope="module")
def scanned():
    if not ocr.available():  # also when collected by tests/test_postgres.py
        pytest.skip("tesseract not installed")
    page = SHARED / f"{STEM}.txt" if (SHARED / f"{STEM}.txt").exists() else ROOT / "examples" / f"{STEM}.txt"
    png, pdf = _render_scan().render(page)
    return page, png, pdf


@pytest.fixture(scope="module")
def from_png(scanned):
    return extract_image(scanned[1], name=f"{STEM}.png")


def _scores(page_dict: dict, gold_path: Path, tmp_path: Path, name: str) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    copy = tmp_path / f"{name}.gold.json"
    copy.write_text(json.dumps({**gold, "input": name}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / name).write_bytes(b"")
    rep = evaluate.evaluate([str(copy)], extract_fn=lambda _p: page_dict)
    return {f: rep.fields[f].value for f in ("articles", "people", "figures")}


def _offsets_hold(page_dict: dict) -> int:
    n = 0
    for a in page_dict["articles"]:
        for items in a.values():
            if isinstance(items, list):
                for it in items:
                    if isinstance(it, dict) and {"start", "end", "text"} <= it.keys():
                        assert a["text"][it["start"]:it["end"]] == it["text"], it
                        n += 1
    return n


def test_scanned_png_meets_the_accuracy_bar(scanned, from_png, tmp_path):
    page, _, _ = scanned
    d = from_png.to_dict()
    assert d["format"] == "image" and "OCR" in d["warnings"][0]
    assert _offsets_hold(d) > 10
    gold = page.with_name(f"{STEM}.gold.json")
    if not gold.exists():
        pytest.skip("gold file not here (../shared/examples)")
    s = _scores(d, gold, tmp_path, f"{STEM}.png")
    assert s["articles"] >= 0.9 and s["people"] >= 0.85 and s["figures"] >= 0.8, s


def test_image_only_pdf_reads_like_the_png(scanned, from_png):
    pdf = extract_pdf(scanned[2], name=f"{STEM}.pdf")
    assert pdf.format == "ocr" and "OCR" in pdf.warnings[0]
    assert [a.headline for a in pdf.articles] == [a.headline for a in from_png.articles]
    assert [a.text for a in pdf.articles] == [a.text for a in from_png.articles]
    # the same pixels: the same places on the page, and a page image kept from each
    assert [a.regions for a in pdf.articles] == [a.regions for a in from_png.articles]
    assert [(im.width, im.height) for im in pdf.images] == [(im.width, im.height) for im in from_png.images]


def test_scan_regions_are_where_the_text_layer_prints_the_articles(scanned, from_png):
    """The scan was rasterized from a typeset PDF: the regions OCR gives each
    article (shares of the image) are those the PDF's own text layer gives
    (shares of the page in points), to within REGION_TOLERANCE."""
    from zhnews.formats.pdf_layout import overlap

    text_layer = extract_pdf(_render_scan().typeset_page(scanned[0]), name=f"{STEM}.pdf")
    printed = {a.headline.replace(" ", ""): a.regions for a in text_layer.articles}
    matched = 0
    for art in from_png.articles:
        want = printed.get(art.headline.replace(" ", ""))
        if want is None:
            continue  # a headline OCR misread: nothing to compare it with
        matched += 1
        assert len(art.regions) == len(want), art.headline
        for got, exp in zip(art.regions, want):
            assert got["page"] == exp["page"] == 1
            assert all(abs(got[k] - exp[k]) <= REGION_TOLERANCE for k in ("x0", "y0", "x1", "y1")), (got, exp)
    assert matched >= 2
    # and two articles' boxes never cover each other
    boxes = [(i, r) for i, a in enumerate(from_png.articles) for r in a.regions]
    for (i, a), (j, b) in itertools.combinations(boxes, 2):
        if i != j:
            assert not (overlap(a["x0"], a["x1"], b["x0"], b["x1"]) and overlap(a["y0"], a["y1"], b["y0"], b["y1"]))


def test_a_scan_keeps_a_downsized_page_image_for_the_base(scanned, from_png, make_db):
    """One WebP copy per page, its body type KEEP_BODY_PX high; not in the JSON
    output; stored in `page_images` by the writer and dropped with its page."""
    from PIL import Image

    from zhnews.formats.image import KEEP_BODY_PX
    from zhnews.store import open_store
    from zhnews.store.people import Consolidator
    from zhnews.store.writer import delete_page, page_dict, write_page

    scan = Image.open(io.BytesIO(scanned[1]))
    (im,) = from_png.images
    kept = Image.open(io.BytesIO(im.data))
    assert (kept.format, kept.size, im.page, im.mime) == ("WEBP", (im.width, im.height), 1, "image/webp")
    assert im.width < scan.width and abs(im.width / im.height - scan.width / scan.height) < 0.01
    assert len(im.data) < len(scanned[1]) / 2
    # body type: the scan's 9-point body at 150 dpi is ~18.75 px; kept at KEEP_BODY_PX, give or take
    assert abs(9 / 72 * 150 * im.width / scan.width - KEEP_BODY_PX) <= 2
    assert "images" not in from_png.to_dict() and b"RIFF" not in json.dumps(from_png.to_dict()).encode()

    store = open_store(make_db(), create=True)
    try:
        with store.transaction():
            write_page(store, Consolidator(store), "scan.png", "h", page_dict(from_png))
        row = store.query("SELECT page_id, page_no, width, height, mime, data FROM page_images")
        assert [(r["page_no"], r["width"], r["height"], r["mime"], bytes(r["data"])) for r in row] == \
            [(1, im.width, im.height, "image/webp", im.data)]
        regions = [json.loads(r["regions"]) for r in store.query("SELECT regions FROM articles ORDER BY seq")]
        assert regions == [a.regions for a in from_png.articles]
        with store.transaction():
            delete_page(store, Consolidator(store), row[0]["page_id"])
        assert store.scalar("SELECT COUNT(*) FROM page_images") == 0
    finally:
        store.close()


def test_the_article_view_shows_the_scan_region(from_png, tmp_path):
    """The web app: a scanned article's JSON has its regions and the URL of its
    region image, which is the page image cut to those regions; a text
    article has neither, its page no image and its region URL a 404."""
    from fastapi.testclient import TestClient
    from PIL import Image

    import zhnews
    from zhnews.store import open_store
    from zhnews.store.people import Consolidator
    from zhnews.store.writer import page_dict, write_page
    from zhnews.web.app import create_app

    db = str(tmp_path / "kb.db")
    store = open_store(db, create=True)
    try:
        with store.transaction():
            write_page(store, Consolidator(store), "scan.png", "h1", page_dict(from_png))
            write_page(store, Consolidator(store), "page.txt", "h2",
                       page_dict(zhnews.extract(str(ROOT / "examples" / f"{STEM}.txt"))))
        scan_ids = [r["id"] for r in store.query("SELECT id FROM articles WHERE page_id = 1 ORDER BY seq")]
        text_id = store.scalar("SELECT MIN(id) FROM articles WHERE page_id = 2")
    finally:
        store.close()
    (kept,) = from_png.images
    with TestClient(create_app(db)) as c:
        for aid, art in zip(scan_ids, from_png.articles):
            j = c.get(f"/api/articles/{aid}").json()
            assert j["regions"] == art.regions
            assert j["region_images"] == [{"page": 1, "url": f"/articles/{aid}/region.webp"}]
            r = c.get(j["region_images"][0]["url"])
            assert r.status_code == 200 and r.headers["content-type"] == "image/webp"
            crop = Image.open(io.BytesIO(r.content))
            # the page image cut to the regions' bounding box (plus its margin)
            w = (max(b["x1"] for b in art.regions) - min(b["x0"] for b in art.regions)) * kept.width
            h = (max(b["y1"] for b in art.regions) - min(b["y0"] for b in art.regions)) * kept.height
            assert w < crop.width <= w + 0.03 * kept.width and h < crop.height <= h + 0.03 * kept.width
            html = c.get(f"/articles/{aid}").text
            assert f'<img src="/articles/{aid}/region.webp"' in html
        j = c.get(f"/api/articles/{text_id}").json()
        assert j["regions"] is None and j["region_images"] == []
        assert c.get(f"/articles/{text_id}/region.webp").status_code == 404
        assert "<img" not in c.get(f"/articles/{text_id}").text


def test_ocr_normalizes_spacing_punctuation_and_quotes():
    assert ocr.normalize("本报北京电 ( 山西日报记者 杨文 ) 3月") == "本报北京电（山西日报记者杨文）3月"
    assert ocr.normalize("下降13 . 1 %，超过1,000 亿") == "下降13.1%，超过1,000亿"
    assert ocr.normalize("New York Times 说") == "New York Times说"
    assert ocr.normalize("本报北京1月26日电〈记者 魏哲哲 ) 最高") == "本报北京1月26日电（记者魏哲哲）最高"
    assert ocr.heading("一一今天全市进行一次抗原检测") == "今天全市进行一次抗原检测" and ocr.heading("一带一路") == "一带一路"
    pieces = ocr.pair_quotes_pieces([("他说”要", False), ("快”。又说”好", True), ("”", False)])
    assert pieces == [("他说“要", False), ("快”。又说“好", True), ("“", False)]


def test_a_dash_before_a_number_read_as_yi_is_a_dash():
    assert ocr.normalize("大型军用运输机运一20首飞") == "大型军用运输机运—20首飞"
    assert ocr.normalize("3月28日一4月30日") == "3月28日—4月30日"
    assert ocr.normalize("一一对应，第一次，一2") == "一一对应，第一次，一2"


def test_a_lone_underscore_between_chinese_characters_is_a_gap():
    assert ocr.normalize("韩勇出席 _ 胡衡华主持") == "韩勇出席胡衡华主持"
    assert ocr.normalize("填写____号，file_name") == "填写____号，file_name"


def test_a_heading_reread_adds_only_the_characters_the_page_reading_dropped():
    # the page reading dropped 开 and 委 beside phrase gaps; the line read alone
    # has them, but also misreads 暨 away, reads the gaps as marks, 耿爽 as 耿责
    assert ocr._merge_insertions("大会召 刘国中", "大会召开刘国中") == "大会召开 刘国中"
    assert ocr._merge_insertions("陕西省委常 会会议", "陕西省委常委会会议") == "陕西省委常委 会会议"
    assert ocr._merge_insertions("命名暨双拥", "命名双拥") == "命名暨双拥"
    assert ocr._merge_insertions("百年君宇志 信仰永传承", "百年君宇志“信仰永传承") == "百年君宇志 信仰永传承"
    assert ocr._merge_insertions("发言人耿爽主持", "发言人耿责主持") == "发言人耿爽主持"


_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv_line(words: list[tuple[str, float]], block: int = 1, top: int = 0, size: int = 20, left: int = 0) -> list[str]:
    """tesseract TSV rows of one line of `size`-pixel words, each `size` wide per character."""
    rows, x = [], left
    for i, (text, conf) in enumerate(words):
        w = size * len(text)
        rows.append(f"5\t1\t{block}\t1\t1\t{i + 1}\t{x}\t{top}\t{w}\t{size}\t{conf}\t{text}")
        x += w + size // 2
    return [f"4\t1\t{block}\t1\t1\t0\t{left}\t{top}\t{x - left}\t{size}\t-1\t"] + rows


def _tsv(words: list[tuple[str, float]]) -> str:
    return "\n".join([_TSV_HEADER] + _tsv_line(words)) + "\n"


def test_an_unsure_repeat_of_the_character_before_is_kept():
    # tesseract is unsure of the second of a doubled character (祁媛媛, 魏哲哲);
    # any other unsure word is noise
    words = [("委员", 96), ("祁", 84), ("媛", 79), ("媛", 1.8), ("不断", 95), ("续", 3), ("摸索", 95)]
    assert [ln.text for ln in ocr.lines_from_tsv(_tsv(words))] == ["委员祁媛媛不断摸索"]


def _heading_page(marks: bool, flat: bool = False):
    """A page image whose heading row holds three 30-pixel "characters"
    (blocks from top to bottom) at x 10, 80, 150, with a quotation mark (two
    short strokes in the top of the line) or a flat stroke (一) in the first
    gap; the body lines below are left blank."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (600, 300), 255)
    d = ImageDraw.Draw(im)
    for x in (10, 80, 150):
        d.rectangle((x, 5, x + 30, 35), fill=0)
    if marks:
        d.rectangle((52, 5, 54, 13), fill=0)
        d.rectangle((58, 5, 60, 13), fill=0)
    if flat:
        d.rectangle((50, 15, 70, 16), fill=0)
    return im


def test_quotation_marks_read_into_a_heading_without_marks_are_dropped():
    heading = ["4\t1\t1\t1\t1\t0\t10\t5\t170\t30\t-1\t",
               "5\t1\t1\t1\t1\t1\t10\t5\t30\t30\t95\t会议",
               "5\t1\t1\t1\t1\t2\t45\t5\t65\t30\t95\t”省委",
               "5\t1\t1\t1\t1\t3\t150\t5\t30\t30\t95\t主持"]
    body = [row for i in range(6) for row in _tsv_line([("正文正文", 95)] * 3, block=2 + i, top=60 + 30 * i)]
    tsv = "\n".join([_TSV_HEADER] + heading + body) + "\n"
    for marks, flat, want in ((False, False, "会议省委主持"), (True, False, "会议”省委主持"), (False, True, "会议省委主持")):
        heads = [ln.text for ln in ocr.lines_from_tsv(tsv, _heading_page(marks, flat)) if ln.size == 30]
        assert heads == [want], (marks, flat, heads)


def test_heading_pieces_with_unread_ink_between_are_read_as_one_line():
    from PIL import Image, ImageDraw

    from zhnews.formats.pdf_layout import Line

    im = Image.new("L", (700, 100), 255)
    d = ImageDraw.Draw(im)
    for x in range(10, 400, 40):  # characters from 10 to 400; tesseract read 10-150 and 290-400
        d.rectangle((x, 10, x + 30, 40), fill=0)
    for x in range(500, 620, 40):  # another headline beyond a blank gutter
        d.rectangle((x, 10, x + 30, 40), fill=0)

    def pieces():
        return [Line(10, 10, 150, 40, 30.0, "湖南省委"), Line(290, 10, 400, 40, 30.0, "许达哲"),
                Line(500, 10, 620, 40, 30.0, "另一标题"), Line(10, 60, 400, 75, 15.0, "正文" * 20)]

    joined = ocr._join_unread_gaps(pieces(), im, 15.0)
    assert [(ln.text, ln.x0, ln.x1) for ln in joined if ln.size == 30] == [("湖南省委许达哲", 10, 400), ("另一标题", 500, 620)]
    blank = Image.new("L", (700, 100), 255)
    assert len(ocr._join_unread_gaps(pieces(), blank, 15.0)) == 4


_PHRASE_HEADLINES = """市政府常务会议召开 研究部署安全生产工作 李建国主持

本报讯（记者王晓明）市政府今天召开常务会议，研究部署当前安全生产工作。市长李建国主持会议。会议指出，要压紧压实各方责任，深入排查整治重大隐患，坚决遏制重特大事故发生。会议要求，各地各部门要强化底线思维，加强应急值守，确保人民群众生命财产安全。

全省农业农村工作会议召开 王志强出席并讲话 陈立新主持

本报讯（记者刘芳）全省农业农村工作会议今天召开。省委副书记王志强出席并讲话，副省长陈立新主持。会议强调，要毫不放松抓好粮食生产，稳住面积、主攻单产，扎实推进乡村全面振兴，持续增加农民收入。

区党委常委会召开会议 传达学习全国两会精神 张文华主持并讲话

本报讯（记者赵静）区党委常委会今天召开会议，传达学习全国两会精神，研究贯彻落实意见。区党委书记张文华主持并讲话。会议指出，要把思想和行动统一到党中央决策部署上来，奋力推动高质量发展取得新成效。
"""


def test_headlines_of_several_phrases_read_without_marks_in_their_gaps(tmp_path):
    # tesseract reads the gaps between headline phrases as quotation marks
    # (召开“研究部署…工作”李建国主持); the heading's own ink shows there are none
    src = tmp_path / "phrases.txt"
    src.write_text(_PHRASE_HEADLINES, encoding="utf-8")
    png, _pdf = _render_scan().render(src)
    page = extract_image(png, name="phrases.png").to_dict()
    want = [para.replace(" ", "") for para in _PHRASE_HEADLINES.split("\n\n")[::2]]
    assert [a["headline"] for a in page["articles"]] == want
    # the second reading of a heading puts back a character the page reading lost beside a gap
    from PIL import Image

    gray = Image.open(io.BytesIO(png)).convert("L")
    tsv, lang = ocr._run(ocr._png(gray), "phrases.png")
    lines = ocr.lines_from_tsv(tsv, gray)
    head = max((ln for ln in lines if "李建国" in ln.text), key=lambda ln: ln.size)
    head.text = head.text.replace("召开", "召 ")
    ocr.reread_headings(lines, gray, "phrases.png", lang)
    assert "召开" in head.text.replace(" ", ""), head.text


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width×height, with a token of image data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _image(kind: str, mode_fill) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    mode_fill().save(buf, kind)
    return buf.getvalue()


def _bad(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        extract_image(data, name=name)
    assert str(e.value).startswith(f"{name}: ") and reason in str(e.value), str(e.value)


def test_blank_image():
    from PIL import Image

    _bad("blank.png", _image("PNG", lambda: Image.new("L", (1200, 1600), 255)), "no Chinese text recognized")


def test_photo_without_text():
    import numpy as np
    from PIL import Image

    noise = np.random.default_rng(7).integers(0, 256, (900, 1200), dtype=np.uint8)
    _bad("noise.jpg", _image("JPEG", lambda: Image.fromarray(noise)), "no Chinese text recognized")


def test_huge_image_refused_from_its_header():
    data = _png_header(20_000, 10_000)  # 200 megapixels; decoding it would take 200 MB+
    assert len(data) < 200
    _bad("huge.png", data, "image too large for one page")
    side = int(MAX_IMAGE_PIXELS ** 0.5) + 1
    _bad("just-over.png", _png_header(side, side), "megapixels")


def test_truncated_and_corrupt_tiff():
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 600), 255)
    ImageDraw.Draw(img).rectangle((100, 100, 700, 500), fill=0)
    tiff = _image("TIFF", lambda: img)
    _bad("cut.tif", tiff[: len(tiff) // 3], "truncated")
    _bad("junk.tiff", b"II*\x00" + b"\xff" * 200, "image")


def test_cli_reports_bad_images_and_extracts_the_rest(tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (600, 800), 255).save(blank)
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png_header(20_000, 10_000))
    cut = tmp_path / "cut.tiff"
    cut.write_bytes(_image("TIFF", lambda: Image.new("L", (500, 500), 0))[:300])
    text_page = ROOT / "examples" / f"{STEM}.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(blank), str(huge), str(text_page), str(cut)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("zhnews: ")]
    for bad, reason in ((blank, "no Chinese text"), (huge, "too large"), (cut, "truncated")):
        assert sum(str(bad) in ln and reason in ln for ln in lines) == 1, (bad, proc.stderr)
    pages = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.strip()]
    assert [p["input"] for p in pages] == [f"{STEM}.txt"]


def test_an_uploaded_scan_is_read_by_its_bytes(scanned, from_png):
    """The web upload knows a scan by its first bytes (a browser may send no
    useful name) and reads it through the same format registry."""
    from zhnews.web.onthefly import extract_bytes

    page = extract_bytes(scanned[1], name="upload")
    assert [a.headline for a in page.articles] == [a.headline for a in from_png.articles]


def test_a_traditional_scan_is_read_with_the_traditional_model(tmp_path):
    """The 山西日报 page in traditional characters, scanned: the simplified model
    is unsure of it (it reads look-alikes), so the traditional one reads it;
    the output is traditional and scores against the converted gold."""
    from test_traditional import _convert, _s2t

    table = _s2t()
    page = SHARED / f"{STEM}.txt"
    if not page.exists():
        pytest.skip("../shared/examples not found")
    trad = tmp_path / f"{STEM}.txt"
    trad.write_text(page.read_text(encoding="utf-8").translate(table), encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(_convert(json.loads((SHARED / f"{STEM}.gold.json").read_text(encoding="utf-8")), table),
                               ensure_ascii=False), encoding="utf-8")
    png, _ = _render_scan().render(trad)
    result = extract_image(png, name=f"{STEM}.png").to_dict()
    assert result["script"] == "traditional"
    scores = _scores(result, gold, tmp_path, f"{STEM}.png")
    assert scores["articles"] >= 0.9 and scores["people"] >= 0.85 and scores["figures"] >= 0.8, scores
    assert _offsets_hold(result) > 0


def _spaced_line(blocks: list[tuple[int, int, bool]], size: int = 20):
    """A line image: each (x0, x1, tall) a block of ink, full height (a
    character) or a small square in the bottom corner (a comma or period)."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (400, 40), 255)
    d = ImageDraw.Draw(im)
    for x0, x1, tall in blocks:
        d.rectangle((x0, 10 if tall else 10 + size - 5, x1 - 1, 10 + size - 1), fill=0)
    return im


def test_a_spaced_line_is_cut_at_blanks_a_size_wide_between_characters_not_beside_marks():
    # 本报记者　杨欢: a blank over a size wide between two characters is a space
    im = _spaced_line([(10, 90, True), (120, 160, True), (200, 240, True)])
    assert ocr._ink_pieces(im, 0, 400, 10, 30, ocr.SPACE_GAP * 20) == [(10, 90), (120, 160), (200, 240)]
    # narrower blanks (a justified line, spaced digits) are not
    im = _spaced_line([(10, 90, True), (105, 160, True)])
    assert ocr._ink_pieces(im, 0, 400, 10, 30, ocr.SPACE_GAP * 20) == [(10, 160)]
    # a comma leaves most of its square blank: no space after it, however wide
    im = _spaced_line([(10, 90, True), (92, 97, False), (135, 175, True)])
    assert ocr._ink_pieces(im, 0, 400, 10, 30, ocr.SPACE_GAP * 20) == [(10, 175)]


def test_spaced_pieces_join_with_a_full_width_space_and_a_name_list_keeps_one_at_its_end():
    assert ocr._spaced(["本报记者", "王晓明", "李红"]) == "本报记者\u3000王晓明\u3000李红"
    assert ocr._spaced(["车身完整；", "电池无漏液"]) == "车身完整；电池无漏液"
    assert ocr._spaced(["本报北京1月28日电", "（记者"]) == "本报北京1月28日电\u3000（记者"
    # a list of names whose last is whole: the line break after it is a space too
    assert ocr._name_list(["本报记者", "王晓明", "李红"])
    # the last name broken over the line (刘 / 诗文), a line of prose, two pieces: no
    assert not ocr._name_list(["记者", "周强", "刘"])
    assert not ocr._name_list(["据新华社北京4月2日电（记者", "吴"])
    assert not ocr._name_list(["本报记者", "王晓明"])


_CREDIT_PAGE = """全市春季植树活动启动 各区推进绿化工作

本报讯 今天上午，全市春季义务植树活动在滨江公园启动。市绿化局介绍，今年全市计划新增绿地一千二百公顷，新建口袋公园四十座，各区将结合城市更新推进街道绿化。活动现场，志愿者们挥锹铲土、扶苗浇水，一棵棵树苗在江边扎根。市绿化局负责人表示，植树活动将持续到四月底，市民可通过网上平台预约参加。据介绍，今年的植树点位覆盖全市十六个区，树种以香樟、银杏、水杉等乡土树种为主，兼顾景观效果和生态功能。市绿化局还将组织专业人员跟踪养护，确保新植苗木成活率达到百分之九十五以上。本报记者 韩立新 钟明远 许嘉 通讯员 戴思齐

全省农业农村工作会议召开 部署春耕生产

本报讯 全省农业农村工作会议今天召开。会议强调，要毫不放松抓好粮食生产，稳住面积、主攻单产，扎实推进乡村全面振兴，持续增加农民收入。会议要求，各地要抓紧做好春耕备耕，保障种子化肥供应，加强农田水利建设。会议还对高标准农田建设、农村人居环境整治、农产品质量安全监管等工作作出安排，要求各地压实责任、细化措施，确保各项任务落到实处。本报记者 范文涛 邵雨晴

区政府常务会议召开 研究部署安全生产工作

本报讯 区政府今天召开常务会议，研究部署当前安全生产工作。会议指出，要压紧压实各方责任，深入排查整治重大隐患，坚决遏制重特大事故发生。会议要求，各部门要强化底线思维，加强应急值守，确保人民群众生命财产安全。会议还研究了城市更新、老旧小区改造等事项，要求有关部门加快项目进度，统筹做好资金保障和群众工作。本报记者 蔡永康 通讯员 杭晓丽
"""


def test_a_credit_set_with_wide_spaces_gives_every_name(tmp_path):
    # read with the page, tesseract reads the wide spaces of a credit as marks
    # and runs the names together (本报记者。”韩立新钟明远), or cuts the line
    # into blocks at them: the credit reader then finds few; the line read
    # piece by piece keeps the spaces, and its blocks are joined again
    src = tmp_path / "credit.txt"
    src.write_text(_CREDIT_PAGE, encoding="utf-8")
    png, _pdf = _render_scan().render(src)
    page = extract_image(png, name="credit.png").to_dict()
    names = {p["name"] for a in page["articles"] for p in a["people"]}
    # (the code before read 3 of these 6: 范文涛, 邵雨晴 and 蔡康)
    assert {"韩立新", "钟明远", "许嘉", "范文涛", "邵雨晴", "蔡永康"} <= names, names


def test_pieces_of_a_credit_row_are_joined_and_a_column_beside_it_is_not():
    from zhnews.formats.pdf_layout import Line

    def row():
        return [Line(100, 10, 170, 27, 17.0, "本报记者"), Line(210, 10, 300, 27, 17.0, "韩立新\u3000钟明远"),
                Line(340, 10, 360, 27, 17.0, "许"),
                # a column's line beside a credit, a gutter's width away
                Line(400, 10, 700, 27, 17.0, "会议强调，要毫不放松抓好粮食生产")]
    joined = ocr._join_credit_pieces(row())
    assert [ln.text for ln in joined] == ["本报记者\u3000韩立新\u3000钟明远\u3000许", "会议强调，要毫不放松抓好粮食生产"]
    assert joined[0].x1 == 360
    # no role word: two short pieces of prose side by side stay apart
    assert not ocr._credit_like("实处", "张三", ("记者", "通讯员"))
    assert ocr._credit_like("嘉\u3000通讯员", "戴思齐", ("记者", "通讯员"))


def test_a_comma_read_for_the_middle_dot_of_a_name_is_put_right():
    # 加思来提·麻合苏提: tesseract reads the dot as ，; its ink sits in the
    # middle of the line where a comma's sits at the bottom
    from PIL import Image, ImageDraw

    def page(dot_top: int):
        im = Image.new("L", (200, 60), 255)
        d = ImageDraw.Draw(im)
        for x in (14, 56):
            d.rectangle((x, 20, x + 19, 39), fill=0)
        d.rectangle((43, dot_top, 45, dot_top + 2), fill=0)
        return im

    def words():
        return [(14, 20, 34, 40, "提"), (40, 20, 50, 40, "，"), (56, 20, 76, 40, "麻")]

    for dot_top, want in ((28, "·"), (36, "，")):
        ws = words()
        ocr._middle_dots(ws, 20.0, page(dot_top))
        assert ws[1][4] == want, dot_top
    # beside a stroke of a neighbour (no blank either side) it is not a dot
    im = page(28)
    ImageDraw.Draw(im).rectangle((39, 20, 40, 39), fill=0)
    ws = words()
    ocr._middle_dots(ws, 20.0, im)
    assert ws[1][4] == "，"


def _type_line(text: str, size: int = 18, width: int = 600):
    """`text` set in the PDF's CJK font on one line, as a grayscale image
    (150 dpi-like: `size` pixels to the em), 20 pixels from the left."""
    import pymupdf
    from PIL import Image

    doc = pymupdf.open()
    pg = doc.new_page(width=width, height=3 * size)
    pg.insert_text((20, 2 * size), text, fontname="china-s", fontsize=size)
    pix = pg.get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def test_text_tesseract_set_aside_as_a_picture_is_read_into_its_line():
    # the page reading read 会议强调 and gave the rest of the row (from 强调 on) as a block
    # with no text (a "picture"): that block is read as text and its words go
    # into the line, in their place
    gray = _type_line("会议强调要毫不放松抓好粮食生产")
    size, top = 18, 23
    tsv = "\n".join([_TSV_HEADER,
                     f"4\t1\t1\t1\t1\t0\t20\t{top}\t72\t{size}\t-1\t",
                     f"5\t1\t1\t1\t1\t1\t20\t{top}\t36\t{size}\t95\t会议",
                     f"5\t1\t1\t1\t1\t2\t56\t{top}\t36\t{size}\t95\t强调",
                     f"4\t1\t2\t1\t1\t0\t56\t{top - 2}\t238\t{size + 4}\t-1\t",
                     f"5\t1\t2\t1\t1\t1\t56\t{top - 2}\t238\t{size + 4}\t95\t "]) + "\n"
    extra = ocr._read_empty_blocks(tsv, gray, "t.png", ocr.LANG)
    lines = ocr.lines_from_tsv(tsv + extra, gray)
    assert [ln.text for ln in lines] == ["会议强调要毫不放松抓好粮食生产"], [ln.text for ln in lines]
    # (the block reaches over 强调, which the page read already: not taken twice)


def test_a_line_box_as_tall_as_its_one_stretched_word_box_is_not_the_line_size():
    # a body line of 17-pixel characters whose line box tesseract stretched to
    # 31 like one word box: 17, not 31 (at 31 it reads as a headline)
    words = [(0, 4, 17, 21, "深化"), (20, 4, 37, 21, "市场"), (40, 0, 56, 31, "化"), (60, 4, 77, 21, "配置")]
    assert ocr._size(words, 31) == 17
    # a headline whose word boxes are mostly stretched above its line box keeps the line box
    head = [(0, 0, 30, 48, "百年"), (30, 0, 60, 48, "君宇"), (60, 18, 90, 48, "志")]
    assert ocr._size(head, 30) == 30
