"""Page images → text lines with boxes, via Debian's tesseract (chi_sim).

Why tesseract and not RapidOCR (PP-OCRv4): measured on a scanned example page
(benchmarks/ocr_engines.py, README "Scanned pages (OCR)") tesseract read 0.81
of the characters in ~11 s with 115 MB, RapidOCR 0.18 in ~25 s with 880 MB —
its detector runs lines together across column gutters, tesseract finds the
columns itself. tesseract is a system package (scripts/setup.sh installs it),
called with TSV output: one row per recognized word with its box.

The lines handed back are the same `pdf_layout.Line`s a text PDF gives, in
pixels: the layout code only compares sizes and gaps with each other, so the
unit does not matter. A line's size is the height most of its word boxes have
(a CJK glyph's box is about the font size; tesseract gives some boxes twice
as tall or a few pixels high, so neither the tallest nor an average will do).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from functools import lru_cache
from statistics import median

from ..errors import InputError
from .pdf_layout import HEAD_RATIO, SAME_ROW, Line, body_size, overlap

LANG = "chi_sim"
# Traditional-character pages: read with the traditional model when it is surer.
LANG_TRADITIONAL = "chi_tra"
# Mean confidence (0–100) of the simplified model's Chinese words at or above
# which a page is taken as simplified without trying the traditional model.
# Measured on the 山西日报 and 人民日报 examples scanned at 150 dpi: simplified
# pages read ~92 with chi_sim (~87 with chi_tra); the same page in traditional
# characters ~84 with chi_sim and ~90 with chi_tra.
SIMPLIFIED_SURE_CONF = 88.0
# tesseract's own parallelism fights the worker pool (one process per core
# already): with OpenMP threads a page took 37 s here, with one 11 s.
OMP_THREADS = "1"
# A page that takes longer than this is not a newspaper page an OCR engine can
# read (a huge or pathological image): refuse it rather than hang a worker.
TIMEOUT_S = 300
# Words tesseract is this unsure of (0–100) are noise: speckles, photo texture.
# Low, because it is just as unsure of real quotation marks (confidence ~28).
MIN_WORD_CONF = 10
# A pixel darker than this (of 255) is ink.
INK_LEVEL = 128
# A quotation mark whose box holds a blank stripe at least this share of the
# box height wide is white space misread (its box only touches the characters
# either side; tesseract's boxes of marks are about one line high).
PHANTOM_GAP = 0.3
# Word boxes tesseract stretched over the line above are this much taller than
# the em and more (1.6–1.8× measured).
STRETCHED = 1.4
# Heading phrases of one row are one headline when their sizes differ by at
# most this share and the gap between them is at most HEAD_PHRASE_GAP sizes
# (a full-width space or two; a column gutter beside body type is not a heading).
SAME_SIZE = 0.15
HEAD_PHRASE_GAP = 3.0
# A piece of a body line this short (characters) that tesseract split off is
# joined to the line beside it when at most FRAGMENT_GAP ems away — well under
# a column gutter, and a line of marks in the gutter is dropped before.
FRAGMENT_CHARS = 3
FRAGMENT_GAP = 0.5

# Half-width punctuation tesseract gives for the full-width marks Chinese text
# prints; converted only next to a CJK character (10.8, 1,000 stay).
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_HALF_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,:;?!()]|[,:;?!()](?=[{_CJK}])")
# （ read as 〈: an opening 〈 closed by ） (记者〈魏哲哲）).
_ANGLE_PAREN = re.compile("〈([^〈〉（）]*)）")
_DASH_START = re.compile("^(?:一一|——|--)[—一-]*")
_QUOTES_ONLY = re.compile("[\u201c\u201d\u2018\u2019\"']+")
_IDEOGRAPHS = re.compile("[\u3400-\u9fff]+")
# tesseract puts a space between every word; print has one only between Latin words
_SPACE = re.compile(r"(?<![A-Za-z]) +| +(?![A-Za-z])")


def available() -> bool:
    return shutil.which("tesseract") is not None


def _mean_conf(tsv: str) -> float:
    """Mean confidence of the words holding Chinese characters (0 when none)."""
    confs = []
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if len(f) >= 12 and _IDEOGRAPHS.search(f[11]):
            try:
                c = float(f[10])
            except ValueError:
                continue
            if c >= 0:
                confs.append(c)
    return sum(confs) / len(confs) if confs else 0.0


@lru_cache(maxsize=1)
def _traditional_model() -> bool:
    """Whether tesseract has the traditional model (asked once per process)."""
    try:
        p = subprocess.run(["tesseract", "--list-langs"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANG_TRADITIONAL in p.stdout.decode("utf-8", "replace").split()


def _run(png: bytes, label: str) -> str:
    """The page read by the simplified model, or by the traditional one when
    the simplified model is unsure and the traditional one is surer (a page of
    a Hong Kong, Taiwan or older mainland paper: chi_sim reads its characters
    as look-alikes, and the traditional-page view then sees a simplified page)."""
    tsv = _run_lang(png, label, LANG)
    conf = _mean_conf(tsv)
    if conf >= SIMPLIFIED_SURE_CONF or not _traditional_model():
        return tsv
    tra = _run_lang(png, label, LANG_TRADITIONAL)
    return tra if _mean_conf(tra) > conf else tsv


def _run_lang(png: bytes, label: str, lang: str) -> str:
    if not available():
        raise InputError(label, "a scanned page needs OCR: install tesseract (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
    env = {**os.environ, "OMP_THREAD_LIMIT": OMP_THREADS}
    try:
        p = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3", "tsv"],
                           input=png, capture_output=True, env=env, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise InputError(label, f"OCR gave up after {TIMEOUT_S} s on this image") from None
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = err[-1] if err else f"exit code {p.returncode}"
        if lang in msg or "language" in msg.lower():
            msg += f" (apt-get install tesseract-ocr-{lang.replace('_', '-')})"
        raise InputError(label, f"OCR failed: {msg}")
    return p.stdout.decode("utf-8", "replace")


def normalize(text: str) -> str:
    """OCR text as print has it: no spaces between CJK characters or digits
    (tesseract spaces full-width digits apart), full-width punctuation."""
    text = _SPACE.sub("", text)
    text = _HALF_NEAR_CJK.sub(lambda m: _FULL[m.group()], text)
    return _ANGLE_PAREN.sub(r"（\1）", text)


_QUOTE = re.compile("[\u201c\u201d\"]")


def pair_quotes(text: str) -> str:
    """Double quotes of one paragraph alternate opening/closing: tesseract
    reads both as ” (or "); the speech annotator needs “……”."""
    n = 0

    def turn(_m) -> str:
        nonlocal n
        n += 1
        return "\u201c" if n % 2 else "\u201d"

    return _QUOTE.sub(turn, text)


def heading(text: str | None) -> str | None:
    """An OCR'd kicker, headline or subheadline: quotes paired, and the dash
    that opens a subheadline (——) read as 一一 dropped."""
    if not text:
        return text
    text = pair_quotes(_DASH_START.sub("", text))
    return text or None


def pair_quotes_pieces(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """`pair_quotes` over each paragraph of a story's body pieces (a piece
    flagged True continues the paragraph before it), lengths unchanged."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(pieces):
        j = i + 1
        while j < len(pieces) and pieces[j][1]:
            j += 1
        paired = pair_quotes("".join(t for t, _ in pieces[i:j]))
        pos = 0
        for t, cont in pieces[i:j]:
            out.append((paired[pos:pos + len(t)], cont))
            pos += len(t)
        i = j
    return out


def lines_from_tsv(tsv: str, gray=None) -> list[Line]:
    """tesseract TSV → lines: the words of each tesseract line, then heading
    pieces of one row joined into one line. A tesseract line is never cut at
    a gap: tesseract puts columns in separate blocks itself, and a wide gap
    inside a line is a word it could not read (cutting there orphaned the
    line's tail from its column)."""
    heights: dict[tuple, int] = {}
    by_line: dict[tuple, list[tuple[int, int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] not in ("4", "5"):
            continue
        try:
            conf = float(f[10])
            left, top, width, height = (int(v) for v in f[6:10])
        except ValueError:
            continue
        key = (f[1], f[2], f[3], f[4])
        if f[0] == "4":
            heights[key] = height
        elif f[11].strip() and conf >= MIN_WORD_CONF and not _phantom(f[11], left, top, width, height, gray):
            by_line.setdefault(key, []).append((left, top, left + width, top + height, f[11]))
    out = [_line(sorted(words), _size(words, heights.get(key))) for key, words in by_line.items()]
    # a line of marks alone (”，) is specks or a misread rule, never text
    return _join_row_pieces([ln for ln in out if any(ch.isalnum() for ch in ln.text)])


def _phantom(text: str, left: int, top: int, width: int, height: int, gray) -> bool:
    """A quotation mark tesseract reads into white space: the gap between two
    headline phrases, the full-width spaces of a credit (记者　张瑞). Its box
    reaches into the characters either side, with blank columns between them;
    a real mark's box is tight around its ink (the gap inside ” is a pixel or two)."""
    if gray is None or not _QUOTES_ONLY.fullmatch(text) or width < 2:
        return False
    box = gray.crop((left, top, left + width, top + height))
    px = box.load()
    run = best = 0
    for x in range(width):
        blank = all(px[x, y] >= INK_LEVEL for y in range(height))
        run = run + 1 if blank else 0
        best = max(best, run)
    return best >= PHANTOM_GAP * height


def _size(words: list, line_height: int | None) -> float:
    """The line's type size in pixels. tesseract stretches many word boxes
    ~1.6× up over the line above (in a short headline most of them) and
    shrinks a few to slivers; its line box is mostly the em, but now and then
    far too low. The line box is taken when the Chinese word boxes bear it
    out — some the same height, none between that and stretched — else the
    median Chinese word box."""
    hs = [w[3] - w[1] for w in words if _IDEOGRAPHS.fullmatch(w[4])] or [w[3] - w[1] for w in words]
    if line_height:
        same = [h for h in hs if abs(h - line_height) <= SAME_SIZE * line_height]
        between = [h for h in hs if (1 + SAME_SIZE) * line_height < h < STRETCHED * line_height]
        if same and not between:
            return float(line_height)
    return float(median(hs))


def _join_row_pieces(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line that tesseract gives as separate lines,
    joined: phrases of one headline side by side (百年君宇志　信仰永传承: the
    layout groups heading lines that overlap horizontally), and a character
    or two split off a body line (left alone, it breaks the column's block
    and its story's text lands under the wrong headline). Same row, same
    size; a heading gap of at most HEAD_PHRASE_GAP sizes, a fragment's of at
    most FRAGMENT_GAP."""
    if not lines:
        return lines
    body = body_size(lines)
    out: list[Line] = []
    for ln in sorted(lines, key=lambda ln: (ln.x0, ln.y0)):
        for prev in out:
            gap = ln.x0 - prev.x1
            same_size = abs(prev.size - ln.size) <= SAME_SIZE * ln.size
            if (same_size and abs(prev.y0 - ln.y0) < SAME_ROW * ln.size and ln.size >= HEAD_RATIO * body
                    and 0 <= gap <= HEAD_PHRASE_GAP * ln.size):
                prev.text = f"{prev.text} {ln.text}"
            elif _fragment_of(prev, ln) and gap <= FRAGMENT_GAP * max(prev.size, ln.size):
                # a fragment's own size is one box's guess: the line's stands
                prev.size = max((prev, ln), key=lambda x: len(x.text)).size
                prev.text += ln.text
            else:
                continue
            prev.x1, prev.y0, prev.y1 = max(prev.x1, ln.x1), min(prev.y0, ln.y0), max(prev.y1, ln.y1)
            break
        else:
            out.append(ln)
    return out


def _fragment_of(a: Line, b: Line) -> bool:
    """Is one of two lines a short piece of the other's row (inside its height)?"""
    short, long_ = (a, b) if len(a.text) <= len(b.text) else (b, a)
    if len(short.text) > FRAGMENT_CHARS:
        return False
    inside = overlap(short.y0, short.y1, long_.y0, long_.y1)
    return inside >= 0.5 * (short.y1 - short.y0)


def _line(words: list, size: float) -> Line:
    text = normalize(" ".join(w[4] for w in words))
    return Line(x0=words[0][0], y0=min(w[1] for w in words), x1=words[-1][2], y1=max(w[3] for w in words),
                size=size, text=text, ink_x0=words[0][0])


def ocr_lines(gray, label: str) -> list[Line]:
    """One page image (a grayscale PIL image) → its text lines."""
    buf = io.BytesIO()
    gray.save(buf, "PNG", compress_level=1)  # handed straight to tesseract: speed over size
    return lines_from_tsv(_run(buf.getvalue(), label), gray)


__all__ = ["available", "lines_from_tsv", "normalize", "heading", "ocr_lines", "pair_quotes", "pair_quotes_pieces"]
