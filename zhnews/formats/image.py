"""Scanned pages → Page: PNG/JPEG/TIFF files and image-only PDF pages, by OCR.

The image is checked before anything is decoded (its size is in the header:
a 200-megapixel file must be refused, not decoded into memory), decoded to
grayscale, read by `ocr` into positioned text lines, and from there goes the
same way as a text PDF (`positioned.page_from_lines`): the layout code finds columns,
headlines by their size and the reading order. The page says format "ocr" and
warns that its text was read by OCR; offsets point into that text as always.
"""

from __future__ import annotations

import io
import warnings

from ..errors import InputError
from ..model import Page
from . import ocr
from .positioned import MAX_PAGES, OCR_WARNING, check_date, page_from_lines
from .pdf_layout import Line

# A broadsheet page (600×850 mm) scanned at 300 dpi is ~71 million pixels;
# decoded grayscale that is 71 MB and tesseract needs a few times more. Past
# this an image is not one page at a sensible resolution, and a bomb-sized one
# would exhaust a worker's memory: refuse it from the header, before decoding.
MAX_IMAGE_PIXELS = 100_000_000
# Scans embedded in PDFs are rendered at their own resolution within these
# bounds: below 150 dpi 9-point body text is too small to read, above 300 dpi
# OCR only gets slower.
MIN_DPI, MAX_DPI = 150, 300
# A page whose lightest and darkest pixels differ by less than this (of 255)
# has no ink on it: a blank or empty scan, not worth an OCR run.
MIN_CONTRAST = 40


def _open_image(data: bytes, label: str):
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))  # reads the header only
        except Image.DecompressionBombError:
            raise InputError(label, f"image too large for one page (over {MAX_IMAGE_PIXELS // 1_000_000} megapixels)") from None
        except UnidentifiedImageError:
            raise InputError(label, "not an image this reader knows (PNG, JPEG or TIFF), or damaged beyond reading") from None
        except Exception as exc:  # noqa: BLE001 - Pillow's plugins raise assorted errors on bad headers
            raise InputError(label, f"broken image ({exc})") from None
    w, h = im.size
    if w * h > MAX_IMAGE_PIXELS:
        raise InputError(label, f"image too large for one page ({w}×{h} = {w * h / 1e6:.0f} megapixels > "
                                f"{MAX_IMAGE_PIXELS // 1_000_000}); scan at 300 dpi or less")
    return im


def _frames(im, label: str):
    """Each frame (page) of the image decoded to grayscale; a multi-page TIFF is many."""
    from PIL import ImageSequence

    n = getattr(im, "n_frames", 1)
    if n > MAX_PAGES:
        raise InputError(label, f"image has {n} pages; give newspaper pages (at most {MAX_PAGES})")
    try:
        for frame in ImageSequence.Iterator(im):
            yield frame.convert("L")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - truncated or corrupt image data
        raise InputError(label, f"broken or truncated image ({exc})") from None


def _has_ink(gray) -> bool:
    lo, hi = gray.getextrema()
    return hi - lo >= MIN_CONTRAST


def _read_pages(grays, label: str) -> list[list[Line]]:
    pages = [ocr.ocr_lines(g, label) if _has_ink(g) else [] for g in grays]
    if not any(_chinese(lines) for lines in pages):
        raise InputError(label, "no Chinese text recognized in the image (blank, a photo, or not a newspaper page)")
    return pages


def _chinese(lines: list[Line]) -> bool:
    return sum(1 for ln in lines for ch in ln.text if "\u4e00" <= ch <= "\u9fff") > 0


def extract_image(data: bytes, name: str | None = None, date: str | None = None, outlet: str | None = None) -> Page:
    label = name or "<image>"
    check_date(date, label)
    im = _open_image(data, label)
    pages = _read_pages(_frames(im, label), label)
    page = page_from_lines(pages, name, date, outlet, label, fmt="image")
    page.warnings.insert(0, OCR_WARNING)
    return page


def ocr_pdf_pages(doc, label: str) -> list[list[Line]]:
    """The pages of an image-only PDF, each rendered at its scan's resolution and read by OCR."""
    import pymupdf
    from PIL import Image

    def grays():
        for pg in doc:
            dpi = MIN_DPI
            for info in pg.get_images(full=True):
                rects = pg.get_image_rects(info[0])
                if rects and rects[0].width > 0:
                    dpi = max(dpi, round(info[2] / (rects[0].width / 72)))
            dpi = min(dpi, MAX_DPI)
            w, h = pg.rect.width * dpi / 72, pg.rect.height * dpi / 72
            if w * h > MAX_IMAGE_PIXELS:
                raise InputError(label, f"PDF page too large to read as an image ({w * h / 1e6:.0f} megapixels at {dpi} dpi)")
            pix = pg.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            yield Image.frombytes("L", (pix.width, pix.height), pix.samples)

    return _read_pages(grays(), label)


__all__ = ["MAX_IMAGE_PIXELS", "extract_image", "ocr_pdf_pages"]
