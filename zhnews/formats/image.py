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
from dataclasses import dataclass

from ..errors import InputError
from ..model import Page
from . import ocr
from .positioned import MAX_PAGES, OCR_WARNING, check_date, page_from_lines
from .pdf_layout import Line, body_size

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
# The page image a knowledge base keeps (`keep_copy`) is scaled so that body
# type is this many pixels high: at 14 px CJK body text in a crop is clearly
# legible; at 11 px (0.6 of a 150 dpi scan) dense characters smear. Measured on
# the 山西日报 example scanned at 150 dpi (2482×3509 px, OCR body size 17 px):
# scale 0.82, 2044×2890 px, WebP 388 KB per A2 page (JPEG q60 531 KB, PNG 1,017 KB).
KEEP_BODY_PX = 14
KEEP_QUALITY = 60  # WebP quality: strokes stay sharp at 14 px; 75 adds ~10 % for no visible gain
KEEP_METHOD = 4  # WebP effort (0-6): 6 saves 2 % and takes twice as long (0.7 s)


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


@dataclass
class PageImage:
    """A downsized copy of one scanned page, kept so that a reader can see
    where an article came from (`Article.regions` are shares of the page, so
    they fit any size of it)."""

    page: int  # 1-based, as in the regions
    width: int
    height: int
    mime: str
    data: bytes


@dataclass
class ReadPages:
    lines: list[list[Line]]
    sizes: list[tuple[float, float]]  # each page's (width, height) in pixels, the lines' unit
    images: list[PageImage]


def _read_pages(grays, label: str) -> ReadPages:
    out = ReadPages([], [], [])
    for n, g in enumerate(grays, 1):
        lines = ocr.ocr_lines(g, label) if _has_ink(g) else []
        out.lines.append(lines)
        out.sizes.append(g.size)
        if lines:
            out.images.append(keep_copy(g, lines, n))
    if not any(_chinese(lines) for lines in out.lines):
        raise InputError(label, "no Chinese text recognized in the image (blank, a photo, or not a newspaper page)")
    return out


def keep_copy(gray, lines: list[Line], page_no: int) -> PageImage:
    """The page scaled so its body type is KEEP_BODY_PX high (never enlarged),
    as WebP at KEEP_QUALITY."""
    from PIL import Image

    body = body_size(lines) or KEEP_BODY_PX
    scale = min(1.0, KEEP_BODY_PX / body)
    small = gray if scale >= 1.0 else gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
                                                  Image.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, "WEBP", quality=KEEP_QUALITY, method=KEEP_METHOD)
    return PageImage(page_no, small.width, small.height, "image/webp", buf.getvalue())


def _chinese(lines: list[Line]) -> bool:
    return sum(1 for ln in lines for ch in ln.text if "\u4e00" <= ch <= "\u9fff") > 0


def extract_image(data: bytes, name: str | None = None, date: str | None = None, outlet: str | None = None) -> Page:
    label = name or "<image>"
    check_date(date, label)
    im = _open_image(data, label)
    read = _read_pages(_frames(im, label), label)
    return scanned_page(read, name, date, outlet, label, "image")


def scanned_page(read: ReadPages, name: str | None, date: str | None, outlet: str | None, label: str,
                 fmt: str) -> Page:
    """Pages read by OCR → Page, with the regions of its articles and its page images."""
    page = page_from_lines(read.lines, name, date, outlet, label, fmt=fmt, sizes=read.sizes)
    page.warnings.insert(0, OCR_WARNING)
    page.images = read.images
    return page


def ocr_pdf_pages(doc, label: str) -> ReadPages:
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


__all__ = ["MAX_IMAGE_PIXELS", "PageImage", "ReadPages", "extract_image", "keep_copy", "ocr_pdf_pages",
           "scanned_page"]
