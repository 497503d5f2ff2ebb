#!/usr/bin/env python
"""Typeset real article text as multi-column newspaper page PDFs (test fixtures).

A small newspaper typesetter: each story gets a span of columns; its 引题/
主题/副题 are set centred over the span in larger type, its body flows line by
line down the first column and on into the next (balanced columns), paragraphs
start with a two-character indent, and a story starts below whatever already
fills its columns. Page furniture (date line, 本版责编) is set in small type.
Text is set with PyMuPDF: either the PDF's reserved CJK font "china-s" (not
embedded: a page is a few KB) or PyMuPDF's bundled Droid Sans Fallback,
embedded as a subset (closer to real e-paper PDFs, larger).

    python scripts/make_pdf_fixtures.py            # rewrites tests/fixtures/pdf/*.pdf

Tests import `typeset()` from here to make pages on the fly.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path("/work/shared/examples")
OUT = ROOT / "tests" / "fixtures" / "pdf"

# Characters that may not start a line (CJK line-breaking rules, 避头点): they
# hang at the end of the previous line instead.
NO_LINE_START = frozenset("，。、；：？！）》」』”’…—%,.;:?!) ")
LINE_HEIGHT = 1.5  # body leading, in em
MARGIN = 36.0
GUTTER_EM = 1.2  # column gap, in body em
STORY_GAP_EM = 2.0  # white space between stacked stories, in body em


@dataclass
class Story:
    headline: str
    paragraphs: list[str]
    kicker: str | None = None
    subheadline: str | None = None
    col: int = 0  # first column
    ncols: int = 1  # columns spanned
    head_size: float = 18.0


@dataclass
class _Writer:
    page: pymupdf.Page
    font: pymupdf.Font | None  # None: the reserved "china-s" font
    tw: pymupdf.TextWriter | None = None
    ops: list = field(default_factory=list)

    def width(self, text: str, size: float) -> float:
        if self.font is None:
            return pymupdf.get_text_length(text, fontname="china-s", fontsize=size)
        return self.font.text_length(text, fontsize=size)

    def put(self, x: float, baseline: float, text: str, size: float) -> None:
        if self.font is None:
            self.page.insert_text((x, baseline), text, fontname="china-s", fontsize=size)
        else:
            if self.tw is None:
                self.tw = pymupdf.TextWriter(self.page.rect)
            self.tw.append((x, baseline), text, font=self.font, fontsize=size)

    def flush(self) -> None:
        if self.tw is not None:
            self.tw.write_text(self.page)
            self.tw = None


def break_lines(text: str, first_width: float, width: float, measure, indent: str) -> list[str]:
    """Greedy CJK line breaking with hanging punctuation."""
    lines: list[str] = []
    cur = indent
    limit = first_width
    for ch in text:
        if cur and measure(cur + ch) > limit and ch not in NO_LINE_START:
            lines.append(cur)
            cur, limit = "", width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def typeset(
    stories: list[Story],
    columns: int = 5,
    page_size: tuple[float, float] = (842.0, 1191.0),
    body_size: float = 9.0,
    header: str | None = None,
    footer: str | None = None,
    embed_font: bool = False,
    indent: str = "space",  # "space": two U+3000 characters; "offset": moved start, no characters
) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=page_size[0], height=page_size[1])
    w = _Writer(page, pymupdf.Font("cjk") if embed_font else None)
    gutter = GUTTER_EM * body_size
    col_w = (page_size[0] - 2 * MARGIN - (columns - 1) * gutter) / columns
    top = MARGIN
    if header:
        w.put(MARGIN, top + 8, header, 8)
        top += 8 + 2 * body_size
    fill = [top] * columns
    for st in stories:
        x0 = MARGIN + st.col * (col_w + gutter)
        span_w = st.ncols * col_w + (st.ncols - 1) * gutter
        y = max(fill[st.col : st.col + st.ncols])
        heads = [(st.kicker, st.head_size * 0.6), (st.headline, st.head_size), (st.subheadline and "——" + st.subheadline, st.head_size * 0.6)]
        for text, size in heads:
            if not text:
                continue
            for line in break_lines(text, span_w, span_w, lambda s, z=size: w.width(s, z), ""):
                y += size * 1.3
                w.put(x0 + (span_w - w.width(line, size)) / 2, y, line, size)
            y += size * 0.3
        y += body_size * 0.8
        measure = lambda s: w.width(s, body_size)  # noqa: E731
        lines: list[tuple[str, bool]] = []  # (text, paragraph start)
        ind_w = w.width("\u3000\u3000", body_size)
        for p in st.paragraphs:
            if indent == "space":
                pl = break_lines(p, col_w, col_w, measure, "\u3000\u3000")
            else:
                pl = break_lines(p, col_w - ind_w, col_w, measure, "")
            lines.extend((t, i == 0) for i, t in enumerate(pl))
        per_col = -(-len(lines) // st.ncols)
        lead = body_size * LINE_HEIGHT
        bottom = y
        for i, (text, first) in enumerate(lines):
            c, r = divmod(i, per_col)
            x = x0 + c * (col_w + gutter) + (ind_w if first and indent == "offset" else 0)
            base = y + (r + 1) * lead
            w.put(x, base, text, body_size)
            bottom = max(bottom, base)
        for c in range(st.col, st.col + st.ncols):
            fill[c] = bottom + STORY_GAP_EM * body_size
    if footer:
        w.put(MARGIN, page_size[1] - MARGIN, footer, 7)
    w.flush()
    if embed_font:
        doc.subset_fonts()
    return doc.tobytes(garbage=4, deflate=True)


# --------------------------------------------------------------------------- real pages as stories


def stories_from_text(path: Path, credits: bool = False) -> list[tuple[str, list[str]]]:
    """A flat page text → (headline, whole paragraphs) per article, using the
    project's own text extraction (its paragraph repair joins the column-cut
    paragraphs back), so the PDF carries exactly the article text.
    `credits`: put back, as a last line, the reporters a closing credit named
    (extraction takes the credit out of the text; a page printed without it
    loses its reporters, as the scanned-page benchmark did on 新民晚报)."""
    sys.path.insert(0, str(ROOT))
    import zhnews

    page = zhnews.extract(path.read_text(encoding="utf-8"), name=path.name)
    out = []
    for a in page.articles:
        raw = a.byline.raw
        paras = a.text.split("\n")
        if raw:
            paras[0] = raw + paras[0]
        if credits:
            named = [n for n in a.byline.reporters if not raw or n not in raw]
            helpers = [n for n in a.byline.correspondents if not raw or n not in raw]
            if named or helpers:
                line = ("本报记者  " + "  ".join(named) if named else "")
                line += ("  通讯员  " + "  ".join(helpers) if helpers else "")
                paras.append(line.strip())
        out.append((a, paras))
    return out


def rmrb_p04_stories(text_path: Path) -> list[Story]:
    """人民日报 2026-01-29 page 4, six columns: the lead story over four columns,
    the long feature down the right two, the short news stacked under the lead."""
    arts = stories_from_text(text_path)
    spans = [(0, 4), (0, 2), (2, 2), (0, 4), (4, 2), (0, 4)]
    stories = []
    for (a, paras), (col, n) in zip(arts, spans):
        stories.append(Story(headline=a.headline, kicker=a.kicker, subheadline=a.subheadline, paragraphs=paras,
                             col=col, ncols=n, head_size=20 if n >= 4 else 15))
    return stories


def page_text_with_bylines(text_path: Path) -> str:
    return text_path.read_text(encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rmrb = ROOT / "tests" / "fixtures" / "parity" / "rmrb-2026-01-29-p04.txt"
    data = typeset(rmrb_p04_stories(rmrb), columns=6, header="2026年1月29日　星期四　要闻　4",
                   footer="本版责编：张三　李四　版式设计：王五")
    (OUT / "rmrb-2026-01-29-p04.pdf").write_bytes(data)
    shanxi = ROOT / "tests" / "fixtures" / "parity" / "shanxi-daily-2025-03-07.txt"
    arts = stories_from_text(shanxi)
    stories = [Story(headline=a.headline, subheadline=a.subheadline, paragraphs=p, col=0, ncols=5, head_size=22)
               for a, p in arts[:1]]
    stories += [Story(headline=a.headline, subheadline=a.subheadline, paragraphs=p, col=1, ncols=4, head_size=16)
                for a, p in arts[1:]]
    data = typeset(stories, columns=5, page_size=(842.0, 1191.0), header="2025年3月7日　星期五", indent="offset")
    (OUT / "shanxi-daily-2025-03-07.pdf").write_bytes(data)
    # a scanned page: only an image, no text layer
    doc = pymupdf.open()
    pg = doc.new_page(width=595, height=842)
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 80), False)
    pix.clear_with(200)
    pg.insert_image(pymupdf.Rect(40, 40, 555, 802), pixmap=pix)
    (OUT / "scanned-page.pdf").write_bytes(doc.tobytes(garbage=4, deflate=True))
    # password-protected
    doc = pymupdf.open(stream=(OUT / "rmrb-2026-01-29-p04.pdf").read_bytes(), filetype="pdf")
    (OUT / "encrypted.pdf").write_bytes(doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner"))
    for f in sorted(OUT.glob("*.pdf")):
        print(f"{f.relative_to(ROOT)}  {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
