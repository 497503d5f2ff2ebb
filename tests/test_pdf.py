"""Newspaper page PDFs: real article text typeset in 4–6 columns with larger
headlines (scripts/make_pdf_fixtures.py, at test time and as small saved
fixtures) must come back as the same articles the flat text gives; damaged,
protected and scanned PDFs give clear errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from conftest import load_script

import zhnews
from zhnews.errors import InputError
from zhnews.formats.pdf import extract_pdf
from zhnews.formats.pdf_layout import Line, layout

ROOT = Path(__file__).parent.parent
FIX = Path(__file__).parent / "fixtures"
PARITY = FIX / "parity"


def _typesetter():
    return load_script("scripts/make_pdf_fixtures.py")


TS = _typesetter()


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def text_page(stem: str):
    return zhnews.extract(str(PARITY / f"{stem}.txt"))


def by_headline(page) -> dict:
    return {norm(a.headline): a for a in page.articles}


def assert_same_articles(text_pg, pdf_pg) -> None:
    want, got = by_headline(text_pg), by_headline(pdf_pg)
    assert set(got) == set(want)
    for h, a in want.items():
        b = got[h]
        assert norm(b.text) == norm(a.text), h
        assert (b.kicker, b.subheadline) == (a.kicker, a.subheadline), h
        assert (b.byline.dateline, b.byline.place, b.byline.outlet, b.byline.reporters, b.byline.correspondents) == (
            a.byline.dateline, a.byline.place, a.byline.outlet, a.byline.reporters, a.byline.correspondents), h
        assert b.date == a.date, h
        assert len(b.paragraphs) == len(a.paragraphs), h
        for f in b.figures:
            assert b.text[f.start : f.end] == f.text


def test_saved_fixture_six_columns_matches_text():
    pdf = extract_pdf((FIX / "pdf" / "rmrb-2026-01-29-p04.pdf").read_bytes(), name="rmrb-2026-01-29-p04.pdf")
    assert pdf.format == "pdf" and pdf.published == "2026-01-29" and pdf.outlet == "人民日报"
    assert_same_articles(text_page("rmrb-2026-01-29-p04"), pdf)
    # page furniture (date line, 本版责编) is no article's text
    assert not any("责编" in a.text or "星期四" in a.text for a in pdf.articles)


def test_saved_fixture_outlet_from_bylines_and_subheadline():
    pdf = zhnews.extract(str(FIX / "pdf" / "shanxi-daily-2025-03-07.pdf"))
    assert pdf.outlet == "山西日报" and pdf.published == "2025-03-07"
    assert_same_articles(text_page("shanxi-daily-2025-03-07"), pdf)
    lead = pdf.articles[0]
    assert (lead.headline, lead.subheadline) == ("山西代表团代表接受中外媒体采访", "唐登杰金湘军回答记者提问")
    # the paragraph the printed columns cut is one paragraph again
    assert "新能源和清洁能源装机占比达到49.7%" in lead.text


def credit(a) -> list[str]:
    """The closing credits the text page printed after the body, as one line.
    (Reporters first: a line opening "本报通讯员" is read as the dateline
    "本报通讯" by byline.DATELINE_RE — reported to the lead.)"""
    if a.byline.raw or not (a.byline.reporters or a.byline.correspondents):
        return []
    parts = (["本报记者　" + "　".join(a.byline.reporters)] if a.byline.reporters else []) + (
        ["通讯员　" + "　".join(a.byline.correspondents)] if a.byline.correspondents else [])
    return ["　".join(parts)]


@pytest.mark.parametrize("columns", [4, 5, 6])
@pytest.mark.parametrize("embed, indent", [(False, "space"), (True, "offset")])
def test_article_running_across_columns(columns, embed, indent):
    """The 新民晚报 page (kickers, subheadlines, short stories) set at test time:
    every story spans all columns, so each runs across several of them."""
    stem = "xinmin-2022-04-03"
    src = Path("/work/shared/examples") / f"{stem}.txt"
    if not src.exists():
        pytest.skip("shared example page not available")
    text_pg = zhnews.extract(str(src))
    stories = [TS.Story(headline=a.headline, kicker=a.kicker, subheadline=a.subheadline,
                        paragraphs=[(a.byline.raw or "") + a.text.split("\n")[0]] + a.text.split("\n")[1:] + credit(a),
                        col=0, ncols=columns, head_size=18)
               for a in text_pg.articles]
    data = TS.typeset(stories, columns=columns, page_size=(842.0, 2400.0), embed_font=embed, indent=indent,
                      header="2022年4月3日　星期日")
    pdf = extract_pdf(data, name=f"{stem}.pdf")
    assert pdf.published == "2022-04-03"
    assert_same_articles(text_pg, pdf)
    kicked = [a for a in pdf.articles if a.kicker]
    assert kicked and all(a.kicker in {b.kicker for b in text_pg.articles} for a in kicked)


def test_stories_side_by_side_are_not_interleaved():
    """Two stories with headlines on the same row (cols 1–2 and 3–4): each
    keeps its own columns though their lines share the same baselines."""
    pg = text_page("rmrb-2026-01-29-p04")
    a, b = pg.articles[1], pg.articles[2]
    stories = [TS.Story(a.headline, [(a.byline.raw or "") + a.text], col=0, ncols=2, head_size=15),
               TS.Story(b.headline, [(b.byline.raw or "") + b.text.replace("\n", "")], col=2, ncols=2, head_size=15)]
    pdf = extract_pdf(TS.typeset(stories, columns=4, page_size=(595.0, 842.0)), name="p.pdf")
    got = by_headline(pdf)
    assert norm(got[norm(a.headline)].text) == norm(a.text)
    assert norm(got[norm(b.headline)].text) == norm(b.text.replace("\n", ""))


def test_layout_geometry_indents_and_column_breaks():
    """Lines as PyMuPDF reports them: a headline over two columns, a body
    paragraph cut mid-sentence by the column break, a new paragraph indented."""
    s = 9.0
    lines = [
        Line(40, 20, 200, 40, 20.0, "侵犯商标权犯罪向网络电商等新业态延展"),
        Line(36, 50, 150, 59, s, "　　检察机关将进一步紧跟新技术、新"),
        Line(36, 63.5, 150, 72.5, s, "业态发展，依法加大侵犯商标权犯"),
        Line(160, 50, 274, 59, s, "罪惩治力度，强化商标权刑事司法保护。"),
        Line(160, 63.5, 274, 72.5, s, "　　维护公平竞争的市场秩序。", ink_x0=178),
    ]
    (head, body), = layout(lines)[0]
    assert head.roles() == (None, "侵犯商标权犯罪向网络电商等新业态延展", None)
    assert body == [("检察机关将进一步紧跟新技术、新业态发展，依法加大侵犯商标权犯", False),
                    ("罪惩治力度，强化商标权刑事司法保护。", True), ("维护公平竞争的市场秩序。", False)]


def test_owner_password_only_pdf_is_read():
    doc = pymupdf.open(stream=(FIX / "pdf" / "rmrb-2026-01-29-p04.pdf").read_bytes(), filetype="pdf")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=pymupdf.PDF_PERM_PRINT)
    pdf = extract_pdf(data, name="rmrb-2026-01-29-p04.pdf")
    assert len(pdf.articles) == 6


def _bad(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        extract_pdf(data, name=name)
    assert reason in str(e.value), str(e.value)
    assert str(e.value).startswith(f"{name}: ")


def test_password_protected_pdf():
    _bad("encrypted.pdf", (FIX / "pdf" / "encrypted.pdf").read_bytes(), "PDF is encrypted (password-protected)")


def test_blank_scanned_pdf():
    """An image-only PDF is read by OCR (tests/test_ocr.py); a blank scan holds no text."""
    _bad("scan.pdf", (FIX / "pdf" / "scanned-page.pdf").read_bytes(), "no Chinese text recognized")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_pdf(cut):
    data = (FIX / "pdf" / "rmrb-2026-01-29-p04.pdf").read_bytes()
    _bad("cut.pdf", data[: int(len(data) * cut)], "broken or truncated PDF")


def test_broken_pdf():
    _bad("junk.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>> garbage garbage\n%%EOF\n", "broken or truncated PDF")
    _bad("text.pdf", "这不是PDF，只是改了扩展名的文本。".encode(), "not a PDF")
    _bad("empty.pdf", b"", "not a PDF")


def test_cli_pdf_and_error_exit(tmp_path):
    out = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(FIX / "pdf" / "shanxi-daily-2025-03-07.pdf"),
                          "--format", "json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["format"] == "pdf" and [a["headline"] for a in d["articles"]][1] == "百年君宇志 信仰永传承"
    out = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(FIX / "pdf" / "encrypted.pdf")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "password-protected" in out.stderr and "Traceback" not in out.stderr
