#!/usr/bin/env python
"""Pages as a scanner would hand them over: typeset, rasterized, compressed.

A flat example page is typeset as a multi-column PDF (make_pdf_fixtures.typeset,
the same typesetter the text-PDF tests use), each page rasterized at 150 dpi in
grayscale — what archive scans of newsprint are kept at — and JPEG-compressed
(the artefacts OCR has to read through), then handed back either as PNG (the
decoded JPEG, so both carry the same pixels) or as an image-only PDF with no
text layer. Tests make one page with it; benchmarks/ocr.py makes all six.

    python scripts/render_scan.py PAGE.txt OUT_DIR     # writes OUT_DIR/PAGE.png and OUT_DIR/PAGE.pdf
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdf_fixtures import Story, stories_from_text, typeset  # noqa: E402

DPI = 150
JPEG_QUALITY = 75  # a typical archive setting: visible ringing around strokes, text still clean to a reader
PAGE_SIZE = (1191.0, 1684.0)  # A2: the longest example page holds ~7,600 characters in 9 pt
COLUMNS = 6


def typeset_page(text_path: Path) -> bytes:
    """A flat example page → a text PDF, stories stacked across all columns."""
    stories = [
        Story(headline=a.headline, kicker=a.kicker, subheadline=a.subheadline, paragraphs=paras,
              col=0, ncols=COLUMNS, head_size=18)
        for a, paras in stories_from_text(Path(text_path), credits=True)
    ]
    return typeset(stories, columns=COLUMNS, page_size=PAGE_SIZE)


def scan_jpegs(pdf: bytes, dpi: int = DPI, quality: int = JPEG_QUALITY) -> list[tuple[bytes, tuple[float, float]]]:
    """Each page of a PDF as (grayscale JPEG bytes, page size in points)."""
    from PIL import Image

    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for pg in doc:
            pix = pg.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=quality)
            out.append((buf.getvalue(), (pg.rect.width, pg.rect.height)))
    return out


def image_pdf(scans: list[tuple[bytes, tuple[float, float]]]) -> bytes:
    """JPEG pages wrapped as a PDF with images only (no text layer)."""
    doc = pymupdf.open()
    for jpeg, (w, h) in scans:
        pg = doc.new_page(width=w, height=h)
        pg.insert_image(pg.rect, stream=jpeg)
    return doc.tobytes(garbage=4, deflate=True)


def png(jpeg: bytes) -> bytes:
    """The decoded JPEG as PNG (lossless from here on: same pixels as the PDF's image)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.open(io.BytesIO(jpeg)).save(buf, "PNG", optimize=False)
    return buf.getvalue()


def render(text_path: Path) -> tuple[bytes, bytes]:
    """A flat example page → (PNG bytes, image-only PDF bytes) of its scan."""
    scans = scan_jpegs(typeset_page(text_path))
    return png(scans[0][0]), image_pdf(scans)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    stem = src.name.rsplit(".", 1)[0]
    png_bytes, pdf_bytes = render(src)
    (out / f"{stem}.png").write_bytes(png_bytes)
    (out / f"{stem}.pdf").write_bytes(pdf_bytes)
    print(f"{out / stem}.png {len(png_bytes)} bytes, .pdf {len(pdf_bytes)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
