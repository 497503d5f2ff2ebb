"""The part of a scanned page an article was read from, as a WebP image.

The base keeps a downsized copy of each scanned page (`page_images`) and every
article its `regions` on it (shares of the page's width and height). The
picture is the page cut to the regions' bounding box plus a margin, with what
lies inside that box but outside the article's own boxes (a neighbouring
story's column) faded, so the reader sees which lines the text came from.

WebP, like the stored copy: the crop of a story across a whole A2 scan
(1957×871 px) is 343 KB as WebP at quality 60, 512 KB as JPEG (q75), 791 KB as
PNG — a lossy page copy does not compress losslessly.
"""

from __future__ import annotations

import io

# White space kept around the regions, as a share of the page width: about 1.5
# characters of body type (a 9-point character is ~0.7 % of an A2 page's width).
MARGIN = 0.01
# How much of the way to white the page outside the article's boxes is drawn:
# still readable as context, plainly not the article.
FADE = 0.65


def render(image: dict, regions: list[dict]) -> bytes:
    """`image`: a page_images row (width, height, data); `regions`: the
    article's boxes on that page. Returns WebP bytes."""
    from PIL import Image

    from ..formats.image import KEEP_METHOD, KEEP_QUALITY  # the crop as sharp as the stored copy

    page = Image.open(io.BytesIO(bytes(image["data"])))
    page.load()
    page = page.convert("L")
    w, h = page.size
    boxes = [_pixels(r, w, h) for r in regions]
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        raise ValueError("no region with an area")
    m = round(MARGIN * w)
    left = max(0, min(b[0] for b in boxes) - m)
    top = max(0, min(b[1] for b in boxes) - m)
    right = min(w, max(b[2] for b in boxes) + m)
    bottom = min(h, max(b[3] for b in boxes) + m)
    crop = page.crop((left, top, right, bottom))
    mask = Image.new("L", crop.size, 0)
    for x0, y0, x1, y1 in boxes:
        pad = round(m / 2)
        mask.paste(255, (x0 - left - pad, y0 - top - pad, x1 - left + pad, y1 - top + pad))
    faded = Image.eval(crop, lambda v: round(v + (255 - v) * FADE))
    out = Image.composite(crop, faded, mask)
    buf = io.BytesIO()
    out.save(buf, "WEBP", quality=KEEP_QUALITY, method=KEEP_METHOD)
    return buf.getvalue()


def _pixels(r: dict, w: int, h: int) -> tuple[int, int, int, int]:
    def share(key: str) -> float:
        v = r.get(key)
        return min(max(float(v), 0.0), 1.0) if isinstance(v, (int, float)) else 0.0

    return (round(share("x0") * w), round(share("y0") * h), round(share("x1") * w), round(share("y1") * h))
