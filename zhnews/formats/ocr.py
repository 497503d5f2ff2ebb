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

import difflib
import io
import os
import re
import shutil
import subprocess
import tempfile
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
# Low, because it is just as unsure of real quotation marks (confidence ~28);
# a doubled character's second half is kept whatever its confidence (`_doubled`).
# Measured on the example scans (benchmarks/ocr.py): 0 keeps more noise (names
# read right 77 → 75 of 105, figures up 0.935 → 0.939), 20 loses characters
# (articles 0.808 → 0.769); 2–10 read alike.
MIN_WORD_CONF = 10
# A pixel darker than this (of 255) is ink.
INK_LEVEL = 128
# A quotation mark whose box holds a blank stripe at least this share of the
# box height wide is white space misread (its box only touches the characters
# either side; tesseract's boxes of marks are about one line high).
PHANTOM_GAP = 0.3
# A heading's quotation mark is ink in the top of its line, as tall as a
# quarter of it: on the example scans marks reach down to 0.32–0.35 of the
# line's ink height and are 0.26–0.29 of it tall; every other run of ink
# between blank columns reaches further down or is flat (一: 0.31 and 0.04).
MARK_TOP = 0.4
MARK_HEIGHT = 0.15
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
# A heading line is cut out for its second reading with this much margin
# (in sizes) around its box. Measured: 0.1 and 0.3 read alike; 0.6 takes in
# the lines above and below (articles 0.923 → 0.885).
REREAD_PAD = 0.3
# Two pieces of a heading row are one line tesseract read in part when this
# share of the columns between them holds ink (the unread gap measured 0.80;
# a column gutter holds none, a rule a few columns).
UNREAD_INK = 0.5

# A blank run inside a body line at least this many sizes wide is a space in
# print (记者　周皓　通讯员　闫姝, 本报记者　杨欢　罗水元): the characters of a
# justified line stand ~0.1 size apart, the typesetter's spaced digits
# (1 2 月) ~0.8. Read with the page, tesseract reads such gaps as marks
# (本报记者。”杨欢), drops the characters beside them and loses the space the
# byline and credit readers split names at (本报记者杨欢罗水元 → one name 杨欢罗).
SPACE_GAP = 1.0
WIDE_SPACE = "\u3000"
# Margin (in sizes) around a piece of a spaced line cut out for its reading:
# under half the leading, so the lines above and below stay out.
PIECE_PAD = 0.3
# A spaced line of at least this many pieces of at most this many characters
# is a list of names (`_name_list`): Chinese names are 2–4 characters, the
# credit words between them (本报记者, 通讯员) at most 4.
# Pieces of a credit line (`_join_credit_pieces`) are at most this many sizes
# apart (its spaces measured 2.3 sizes on the example scans).
EDGE_REACH = 4.0
# A middle dot read as a comma (`_middle_dots`): its ink is looked for this
# many sizes either side of the mark's box (tesseract's boxes of marks are off
# by a few pixels) and is less than that wide and tall, with DOT_CLEAR sizes
# of blank either side; it lies between DOT_MIDDLE and 1 - DOT_MIDDLE of the
# line's height. Measured on the example scans: the dot of 加思来提·麻合苏提 at
# 0.41–0.53 of it; commas and periods (~700) 0.66–0.94, but for boxes off by a
# character, where a stroke of the neighbour was taken (0.06–0.71).
DOT_REACH = 0.3
DOT_CLEAR = 0.2
DOT_MIDDLE = 0.35
_DOT_LIKE = frozenset("，,.。、")
# Blocks tesseract took for pictures (`_read_empty_blocks`) are read when
# EMPTY_MIN_HEIGHT to EMPTY_LINES body sizes tall, at least a size wide, with
# ink in EMPTY_INK of their columns (measured on the example scans: text
# blocks 17–77 px, 0.65–1.0 inked; rules 1–7 px; the pictures tesseract set
# aside there held type every time, the typeset pages having none).
EMPTY_MIN_HEIGHT = 0.7
EMPTY_LINES = 5
EMPTY_INK = 0.5
EMPTY_BLOCK_BASE = 1000
# A word of that reading that overlaps a word the page reading has by this
# share of its height and of the narrower one's width is the same word read
# twice (a page word's box can be a sliver of its ink).
EMPTY_OVERLAP = 0.3
# ...and a word of it whose middle is on the row of a line the page read at
# most this many body sizes high (a line box; two lines are taller), within
# EMPTY_ROW - 1 sizes of it up or down and EMPTY_ROW sizes beside it, is put
# into that line.
EMPTY_ROW = 1.5
LIST_PIECES = 3
LIST_PIECE_CHARS = 4

# Half-width punctuation tesseract gives for the full-width marks Chinese text
# prints; converted only next to a CJK character (10.8, 1,000 stay).
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_HALF_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,:;?!()]|[,:;?!()](?=[{_CJK}])")
# （ read as 〈: an opening 〈 closed by ） (记者〈魏哲哲）).
_ANGLE_PAREN = re.compile("〈([^〈〉（）]*)）")
_DASH_START = re.compile("^(?:一一|——|--)[—一-]*")
# A dash between a Chinese character and a number read as 一 (运—20 → 运一20,
# 3月28日—4月 → 日一4月): 一 is not written before Arabic digits, a dash is
# (news-unlabeled and rmrb-2026-01: 8 such dashes, no 一). The 运—20 headline
# of an example scan was lost to it (benchmark articles 0.769 → 0.808).
_DASH_DIGIT = re.compile("(?<=[\u3400-\u9fff])一(?=[0-9])")
# A lone _ between Chinese characters: a gap between headline phrases read as a
# mark (出席　胡衡华 → 出席_胡衡华); print has none there (fill-in blanks are runs).
_STRAY_UNDERSCORE = re.compile(f"(?<=[{_CJK}])_(?=[{_CJK}])")
_QUOTE_MARKS = re.compile("[\u201c\u201d\"]")
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


def _run(png: bytes, label: str) -> tuple[str, str]:
    """The page read by the simplified model, or by the traditional one when
    the simplified model is unsure and the traditional one is surer (a page of
    a Hong Kong, Taiwan or older mainland paper: chi_sim reads its characters
    as look-alikes, and the traditional-page view then sees a simplified page).
    Returned with the model that read it."""
    tsv = _run_lang(png, label, LANG)
    conf = _mean_conf(tsv)
    if conf >= SIMPLIFIED_SURE_CONF or not _traditional_model():
        return tsv, LANG
    tra = _run_lang(png, label, LANG_TRADITIONAL)
    return (tra, LANG_TRADITIONAL) if _mean_conf(tra) > conf else (tsv, LANG)


def _run_lang(png: bytes, label: str, lang: str) -> str:
    return _tesseract(["stdin", "stdout", "-l", lang, "--psm", "3", "tsv"], label, lang, png)


def _tesseract(args: list[str], label: str, lang: str, stdin: bytes | None = None) -> str:
    if not available():
        raise InputError(label, "a scanned page needs OCR: install tesseract (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
    env = {**os.environ, "OMP_THREAD_LIMIT": OMP_THREADS}
    try:
        p = subprocess.run(["tesseract", *args], input=stdin, capture_output=True, env=env, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise InputError(label, f"OCR gave up after {TIMEOUT_S} s on this image") from None
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = err[-1] if err else f"exit code {p.returncode}"
        if lang in msg or "language" in msg.lower():
            msg += f" (apt-get install tesseract-ocr-{lang.replace('_', '-')})"
        raise InputError(label, f"OCR failed: {msg}")
    return p.stdout.decode("utf-8", "replace")


def _read_single_lines(images: list, label: str, lang: str) -> list[str]:
    """Each image read as one line of text (--psm 7), all in one tesseract run
    (a list file of images: the model loads once; 10 lines took 1.4 s, one
    run each 3.7 s)."""
    return [text for text, _ in _read_single_lines_conf(images, label, lang)]


def _read_single_lines_conf(images: list, label: str, lang: str) -> list[tuple[str, float]]:
    """`_read_single_lines` with each reading's mean word confidence (0–100,
    every word counted, the unsure ones dropped from the text too; -1 when
    it read nothing)."""
    tsv = _read_images(images, label, lang, "7")
    words: list[list[str]] = [[] for _ in images]
    confs: list[list[float]] = [[] for _ in images]
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) >= 12 and f[0] == "5" and f[11].strip() and f[1].isdigit() and 1 <= int(f[1]) <= len(images):
            confs[int(f[1]) - 1].append(max(0.0, _conf(f[10])))
            if _conf(f[10]) >= MIN_WORD_CONF:
                words[int(f[1]) - 1].append(f[11])
    return [(normalize(" ".join(w)), sum(c) / len(c) if c else -1.0) for w, c in zip(words, confs)]


def _read_images(images: list, label: str, lang: str, psm: str) -> str:
    """Images read in one tesseract run (a list file: the model loads once);
    the TSV's page number is the image's place in the list, from 1."""
    with tempfile.TemporaryDirectory(prefix="zhnews-ocr-") as tmp:
        paths = []
        for i, im in enumerate(images):
            paths.append(os.path.join(tmp, f"{i}.png"))
            im.save(paths[-1], compress_level=1)
        listing = os.path.join(tmp, "lines.txt")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")
        return _tesseract([listing, "stdout", "-l", lang, "--psm", psm, "tsv"], label, lang)


def _conf(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return -1.0


def normalize(text: str) -> str:
    """OCR text as print has it: no spaces between CJK characters or digits
    (tesseract spaces full-width digits apart), full-width punctuation."""
    text = _SPACE.sub("", text)
    text = _HALF_NEAR_CJK.sub(lambda m: _FULL[m.group()], text)
    text = _DASH_DIGIT.sub("—", text)
    text = _STRAY_UNDERSCORE.sub("", text)
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
        elif f[11].strip() and not _phantom(f[11], left, top, width, height, gray):
            words = by_line.get(key, [])
            if conf >= MIN_WORD_CONF or _doubled(f[11], words):
                by_line.setdefault(key, words).append((left, top, left + width, top + height, f[11]))
    out = []
    for key, words in by_line.items():
        words.sort()
        size = _size(words, heights.get(key))
        if gray is not None:
            _middle_dots(words, size, gray)
        out.append(_line(words, size))
    if gray is not None:
        _drop_heading_phantoms(out, gray)
    # a line of marks alone (”，) is specks or a misread rule, never text
    return _join_row_pieces([ln for ln in out if any(ch.isalnum() for ch in ln.text)])


def _middle_dots(words: list, size: float, gray) -> None:
    """A comma or period tesseract reads for the middle dot of a transcribed
    name (加思来提·麻合苏提 → 加思来提，麻合苏提), put right: between two Chinese
    characters, a mark whose ink near its box is one small blob (under
    DOT_REACH sizes wide and tall: not 一) with DOT_CLEAR sizes of blank
    either side (the dot stands alone in the middle of its square; a stroke
    of a neighbouring character does not), lying between DOT_MIDDLE and
    1 - DOT_MIDDLE of the height of its neighbours' ink — a comma's or
    period's ink sits lower."""
    tops = [w[1] for w in words if w[3] - w[1] <= (1 + SAME_SIZE) * size]
    if not tops:
        return
    # rows searched: the line's band with half a size to spare (boxes are
    # loose); the mark's height is then measured against its neighbours' ink
    y0 = max(0, round(median(tops) - size / 2))
    h = round(2 * size)
    reach, clear = round(DOT_REACH * size), round(DOT_CLEAR * size)
    for i in range(1, len(words) - 1):
        w = words[i]
        if w[4] not in _DOT_LIKE or not _IDEOGRAPHS.match(words[i - 1][4][-1:]) or not _IDEOGRAPHS.match(words[i + 1][4][:1]):
            continue
        x0, x1 = max(0, w[0] - reach - clear), w[2] + reach + clear
        px = gray.crop((x0, y0, x1, y0 + h)).load()
        runs: list[tuple[int, int, list[int]]] = []  # (first column, last column, ink rows) of each run of inked columns
        for x in range(x1 - x0):
            ys = [y for y in range(h) if px[x, y] < INK_LEVEL]
            if not ys:
                continue
            if runs and runs[-1][1] == x - 1:
                runs[-1] = (runs[-1][0], x, runs[-1][2] + ys)
            else:
                runs.append((x, x, ys))
        chars = [r for r in runs if max(r[2]) - min(r[2]) >= size / 2]
        if not chars:
            continue
        top = min(min(r[2]) for r in chars)
        height = max(max(r[2]) for r in chars) - top + 1
        dots = [r for j, r in enumerate(runs)
                if r[1] - r[0] < reach and max(r[2]) - min(r[2]) < reach
                and (j == 0 or r[0] - runs[j - 1][1] > clear) and (j == len(runs) - 1 or runs[j + 1][0] - r[1] > clear)
                and min(r[2]) - top >= DOT_MIDDLE * height and max(r[2]) - top <= (1 - DOT_MIDDLE) * height]
        if len(dots) == 1:
            words[i] = (*w[:4], "·")


def _drop_heading_phantoms(lines: list[Line], gray) -> None:
    """Quotation marks tesseract reads into the gaps between the phrases of a
    headline (会议　省委书记 → 会议”省委书记), taken out of a heading line
    whose image holds no quotation mark at all. In a heading they come glued
    to a character in one word box, so the word-box test (`_phantom`) cannot
    see them, and tesseract's character boxes of marks are off by a character;
    the line's own ink can tell: a mark is the one thing printed in the top of
    a line with nothing below it."""
    body = body_size(lines)
    for ln in lines:
        if ln.size >= HEAD_RATIO * body and _QUOTE_MARKS.search(ln.text) and not _mark_ink(gray, ln):
            ln.text = _QUOTE_MARKS.sub("", ln.text)


def _mark_ink(gray, ln: Line) -> bool:
    """Does the line's image hold a quotation mark: a run of inked columns
    (with blank columns either side) whose ink lies in the top MARK_TOP of the
    line's ink and is at least MARK_HEIGHT of it tall (一 is flat)?"""
    x0, y0, x1, y1 = round(ln.x0), round(ln.y0), round(ln.x1), round(ln.y1)
    if x1 <= x0 or y1 <= y0:
        return True
    px = gray.crop((x0, y0, x1, y1)).load()
    w, h = x1 - x0, y1 - y0
    cols = [[y for y in range(h) if px[x, y] < INK_LEVEL] for x in range(w)] + [[]]
    inked = [ys for ys in cols if ys]
    if not inked:
        return False
    top = min(ys[0] for ys in inked)
    height = max(ys[-1] for ys in inked) - top + 1
    hi = lo = -1  # highest and lowest ink row of the current run of inked columns
    for ys in cols:
        if ys:
            hi, lo = (ys[0], ys[-1]) if lo < 0 else (min(hi, ys[0]), max(lo, ys[-1]))
        elif lo >= 0:
            if lo - top < MARK_TOP * height and lo - hi + 1 >= MARK_HEIGHT * height:
                return True
            hi = lo = -1
    return False


def _doubled(text: str, words: list) -> bool:
    """An unsure word that repeats the character before it is that character
    doubled (祁媛媛, 魏哲哲): tesseract is unsure of the second of a pair
    (confidence 0–2 where the first reads ~80), not a speck; on the example
    scans keeping it put 祁媛媛 back (people 0.562 → 0.571)."""
    return bool(words) and len(text) == 1 and _IDEOGRAPHS.fullmatch(text) is not None and words[-1][4].endswith(text)


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
    if line_height and line_height > (1 + SAME_SIZE) * median(hs):
        return float(median(hs))  # a line box stretched like the odd word box: most boxes are lower
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


def _join_credit_pieces(lines: list[Line]) -> list[Line]:
    """Pieces of one credit line (本报记者　韩立新　钟明远　许) that tesseract
    gave as separate blocks, its spaces being as wide as a column gutter:
    a body piece is joined to the piece on its left in the same row (at most
    EDGE_REACH sizes away) when the two read as a credit (`_credit_like`:
    short parts of Chinese characters, a role word among them — a column's
    line beside a credit is longer or holds punctuation). Joined with a
    full-width space. (Where lines start does not tell: the typesetter sets
    every credit's names at the same x, three at one x on a test page.)"""
    from ..byline import ROLE_WORDS

    body = body_size(lines)
    pieces = sorted((ln for ln in lines if ln.size < HEAD_RATIO * body), key=lambda ln: ln.x0)
    gone: set[int] = set()
    for b in pieces:
        left = [a for a in pieces if id(a) not in gone and a is not b and a.x1 < b.x0 <= a.x1 + EDGE_REACH * b.size
                and abs(a.y0 - b.y0) < SAME_ROW * b.size and abs(a.size - b.size) <= SAME_SIZE * b.size]
        if not left:
            continue
        a = max(left, key=lambda a: a.x1)
        if _credit_like(a.text, b.text, ROLE_WORDS):
            a.text = a.text.rstrip(WIDE_SPACE) + WIDE_SPACE + b.text
            a.x1, a.y0, a.y1 = b.x1, min(a.y0, b.y0), max(a.y1, b.y1)
            gone.add(id(b))
    return [ln for ln in lines if id(ln) not in gone]


def _credit_like(left: str, right: str, roles) -> bool:
    """Do two pieces of a row read as one credit: every space-separated part
    of both Chinese characters only and at most LIST_PIECE_CHARS long (names
    and role words), and a byline role word (记者, 通讯员) among them."""
    parts = [p for t in (left, right) for p in t.split(WIDE_SPACE) if p]
    return (bool(parts) and all(len(p) <= LIST_PIECE_CHARS and _IDEOGRAPHS.fullmatch(p) for p in parts)
            and any(p.endswith(roles) for p in parts))


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
    tsv, lang = _run(_png(gray), label)
    tsv += _read_empty_blocks(tsv, gray, label, lang)
    lines = reread_headings(lines_from_tsv(tsv, gray), gray, label, lang)
    # credit pieces are joined once read: their spaces tell a credit from prose
    return _join_credit_pieces(reread_spaced(lines, _word_boxes(tsv), gray, label, lang))


def _read_empty_blocks(tsv: str, gray, label: str, lang: str) -> str:
    """Blocks tesseract set aside as pictures though they hold type: a word
    row with no text (confidence 95) over inked ground, one to EMPTY_LINES
    body lines tall (a headline's or a photo's box is taller, a rule lower).
    On the example scans they hold whole runs of body text (，温海运用自己 at
    the end of a line; 才能确保一个不漏？…志愿者温海是蒙山中学 over two). Each is
    cut out and read as a block of text (--psm 6), all in one tesseract run,
    and its rows are handed back in the page's TSV form and coordinates (a
    block numbered from EMPTY_BLOCK_BASE), for `lines_from_tsv` to take in."""
    heights = [int(f[9]) for f in (row.split("\t") for row in tsv.splitlines()[1:])
               if len(f) >= 12 and f[0] == "5" and _IDEOGRAPHS.fullmatch(f[11].strip()) and f[9].isdigit()]
    if not heights:
        return ""
    body = median(heights)
    boxes = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or f[11].strip():
            continue
        try:
            left, top, width, height = (int(v) for v in f[6:10])
        except ValueError:
            continue
        if (EMPTY_MIN_HEIGHT * body <= height <= EMPTY_LINES * body and width >= body
                and _inked_share(gray, left, left + width, top, top + height) >= EMPTY_INK):
            boxes.append((left, top, left + width, top + height))
    if not boxes:
        return ""
    pad = round(REREAD_PAD * body)
    crops, origins = [], []
    for x0, y0, x1, y1 in boxes:
        cx, cy = max(0, x0 - pad), max(0, y0 - pad)
        crops.append(gray.crop((cx, cy, x1 + pad, y1 + pad)))
        origins.append((cx, cy))
    try:
        read = _read_images(crops, label, lang, "6")
    except InputError:
        return ""
    # words the page reading has already (a box that reaches over read text)
    # are not taken twice
    read_words = [w for w in _word_boxes(tsv) if w[4] >= MIN_WORD_CONF]
    page_lines = []  # (left, top, right, bottom, key fields) of the page reading's lines
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) >= 12 and f[0] == "4":
            try:
                left, top, width, height = (int(v) for v in f[6:10])
            except ValueError:
                continue
            page_lines.append([left, top, left + width, top + height, f[1:5]])
    rows = [f for f in (row.split("\t") for row in read.splitlines()[1:])
            if len(f) >= 12 and f[0] in ("4", "5") and f[1].isdigit() and 1 <= int(f[1]) <= len(crops)]
    # lines of the blocks' reading in body type: a line in larger type (a
    # heading tesseract set aside) is left out — on its own it would start a
    # story of its own (a scan of the 山西日报 example in traditional
    # characters lost an article to one)
    body_lines = {tuple(f[1:5]) for f in rows if f[0] == "4" and f[9].isdigit() and int(f[9]) <= (1 + SAME_SIZE) * body}
    out = []
    for f in rows:
        try:
            left, top, width, height = (int(v) for v in f[6:10])
        except ValueError:
            continue
        n = int(f[1]) - 1
        left, top = left + origins[n][0], top + origins[n][1]
        if f[0] == "5" and tuple(f[1:5]) not in body_lines:
            continue
        if f[0] == "5" and any(overlap(left, left + width, w[0], w[2]) >= EMPTY_OVERLAP * min(width, w[2] - w[0])
                               and overlap(top, top + height, w[1], w[3]) >= EMPTY_OVERLAP * height for w in read_words):
            continue
        f[1], f[2] = "1", f"{EMPTY_BLOCK_BASE + n}.{f[2]}"
        if f[0] == "5":
            # a word on the row of a line the page read (one line high), beside
            # it or inside it, goes into that line, in its place by x
            # (the line then reaches over the word: the next word can join it)
            cy = top + height / 2
            near = [(abs(cy - (ln[1] + ln[3]) / 2), i) for i, ln in enumerate(page_lines)
                    if ln[3] - ln[1] <= EMPTY_ROW * body and ln[1] - (EMPTY_ROW - 1) * body <= cy <= ln[3] + (EMPTY_ROW - 1) * body
                    and ln[0] - EMPTY_ROW * body <= left + width / 2 <= ln[2] + EMPTY_ROW * body]
            if near:
                ln = page_lines[min(near)[1]]
                f[1:5] = ln[4]
                ln[0], ln[2] = min(ln[0], left), max(ln[2], left + width)
                # one body size high at the line's foot: this reading's boxes
                # are stretched too, and would change the line's size
                top, f[9] = round(ln[3] - body), str(round(body))
        f[6], f[7] = str(left), str(top)
        out.append("\t".join(f))
    return "".join(r + "\n" for r in out)


def _word_boxes(tsv: str) -> list[tuple[int, int, int, int, float]]:
    """Every word tesseract read: (left, top, right, bottom, confidence)."""
    out = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) >= 12 and f[0] == "5" and f[11].strip():
            try:
                left, top, width, height = (int(v) for v in f[6:10])
            except ValueError:
                continue
            out.append((left, top, left + width, top + height, max(0.0, _conf(f[10]))))
    return out


def reread_spaced(lines: list[Line], words: list, gray, label: str, lang: str = LANG) -> list[Line]:
    """Body lines with a space in print (a blank run of SPACE_GAP sizes
    between inked pieces: credits, bylines, spaced subheads) read again piece
    by piece (each piece cut out and read as one line, all in one tesseract
    run) and, when that reading is surer than the page's (mean word
    confidence), taken with a full-width space between the pieces."""
    body = body_size(lines)
    todo: list[tuple[Line, list[tuple[int, int]], int, int]] = []
    for ln in lines:
        if ln.size >= HEAD_RATIO * body:
            continue
        y0, y1 = _band(ln, words)
        pieces = _ink_pieces(gray, round(ln.x0), round(ln.x1), y0, y1, SPACE_GAP * ln.size)
        if len(pieces) > 1:
            todo.append((ln, pieces, y0, y1))
    if not todo:
        return lines
    crops = []
    for ln, pieces, y0, y1 in todo:
        pad = round(PIECE_PAD * ln.size)
        crops += [gray.crop((max(0, a - pad), max(0, y0 - pad), b + pad, y1 + pad)) for a, b in pieces]
    try:
        readings = _read_single_lines_conf(crops, label, lang)
    except InputError:
        return lines  # the page's own reading stands
    i = 0
    for ln, pieces, y0, y1 in todo:
        got = readings[i:i + len(pieces)]
        i += len(pieces)
        page_confs = [w[4] for w in words if ln.x0 <= (w[0] + w[2]) / 2 <= ln.x1 and ln.y0 <= (w[1] + w[3]) / 2 <= ln.y1]
        confs = [c for _, c in got if c >= 0]
        if not confs or not all(t for t, _ in got):
            continue
        if not page_confs or sum(confs) / len(confs) > sum(page_confs) / len(page_confs):
            texts = [t for t, _ in got]
            ln.text = _spaced(texts)
            if _name_list(texts):
                ln.text += WIDE_SPACE
    return lines


def _spaced(pieces: list[str]) -> str:
    """The pieces of a spaced line joined with a full-width space, but none
    beside a mark (a ；or ） tall enough to pass for a character: print puts
    no space after one)."""
    out = pieces[0]
    for p in pieces[1:]:
        out += (WIDE_SPACE if out[-1].isalnum() and (p[0].isalnum() or p[0] in "（(“《") else "") + p
    return out


def _name_list(pieces: list[str]) -> bool:
    """Is a spaced line a list of names (a credit: 本报记者　杨欢　罗水元　孙云,
    at least LIST_PIECES pieces of at most LIST_PIECE_CHARS characters) whose
    last name is whole (two characters or more), so that the line break after
    it is a space too? The layout glues the next line on with a space then;
    without one 孙云 and 江跃中 on the next line read as one name and the credit
    reader gives up on the whole list. A last piece of one character is half
    a name broken over the line (刘 / 诗寒)."""
    return (len(pieces) >= LIST_PIECES and all(len(p) <= LIST_PIECE_CHARS for p in pieces)
            and len(pieces[-1]) >= 2 and all(_IDEOGRAPHS.fullmatch(p) for p in pieces))


def _band(ln: Line, words: list) -> tuple[int, int]:
    """The rows of a line's characters: from the median top of its word boxes
    one size high (tesseract stretches boxes up or down by ~0.8 size, so the
    line's own box can be half a line off), one pixel of margin either way."""
    tops = [w[1] for w in words if ln.x0 <= (w[0] + w[2]) / 2 <= ln.x1 and ln.y0 <= (w[1] + w[3]) / 2 <= ln.y1
            and w[3] - w[1] <= (1 + SAME_SIZE) * ln.size]
    top = median(tops) if tops else ln.y1 - ln.size
    return max(0, round(top) - 1), round(top + ln.size) + 1


def _ink_pieces(gray, x0: int, x1: int, y0: int, y1: int, gap: float) -> list[tuple[int, int]]:
    """The runs of inked columns in x0..x1 (rows y0..y1) that blank runs of at
    least `gap` pixels separate, [(start, end)] with end exclusive — where
    the ink either side of the blank reaches over half the line's height: a
    mark (，。、”“) fills one corner of its square and leaves most of a size
    blank beside it (。” two), and print puts no space beside one (on the
    xinmin example scan 149 of 433 lines split at 1 size without this test,
    most beside a comma or quotation mark; 17 with it, all spaces in print)."""
    if x1 <= x0 or y1 <= y0:
        return []
    px = gray.crop((x0, y0, x1, y1)).load()
    h = y1 - y0
    cols = [[y for y in range(h) if px[x, y] < INK_LEVEL] for x in range(x1 - x0)]
    runs: list[list[int]] = []  # [start, end) of each run of inked columns
    for x, ys in enumerate(cols):
        if not ys:
            continue
        if runs and runs[-1][1] == x:
            runs[-1][1] = x + 1
        else:
            runs.append([x, x + 1])
    if not runs:
        return []
    pieces = [list(runs[0])]
    for (pa, pb), (a, b) in zip(runs, runs[1:]):
        # the ink beside the blank: the run of inked columns there, at most half a size of it
        if a - pb >= gap and _tall(cols, max(pa, pb - h // 2), pb, h) and _tall(cols, a, min(b, a + h // 2), h):
            pieces.append([a, b])
        else:
            pieces[-1][1] = b
    return [(x0 + a, x0 + b) for a, b in pieces]


def _tall(cols: list, a: int, b: int, h: int) -> bool:
    """Does the ink of columns a..b reach over at least half the band's height
    (a character does; a mark sits in one half)?"""
    ys = [y for ys in cols[max(0, a):b] for y in ys]
    return bool(ys) and max(ys) - min(ys) + 1 >= 0.5 * h


def _png(gray) -> bytes:
    buf = io.BytesIO()
    gray.save(buf, "PNG", compress_level=1)  # handed straight to tesseract: speed over size
    return buf.getvalue()


def reread_headings(lines: list[Line], gray, label: str, lang: str = LANG) -> list[Line]:
    """Each heading line read again on its own (tesseract --psm 7, one line),
    and the Chinese characters only that reading has added put in. Read with
    the page, tesseract drops characters of a headline next to the gaps
    between its phrases (召开　刘国中 → 召　刘国中, 常委会 → 常　会); read alone
    it keeps them, but misreads others the page read right (耿爽 → 耿责, 累计
    → 计) and reads the gaps as quotation marks: so only its insertions are
    taken. Measured on the example scans (benchmarks/ocr.py): articles 0.846 →
    0.885, people 0.601 → 0.621 (with the stray _ dropped 0.923 and 0.808:
    the same headline); taking its whole reading instead lost more than it
    gained (before the other fixes: articles 0.769 → 0.615)."""
    body = body_size(lines)
    lines = _join_unread_gaps(lines, gray, body)
    heads = [ln for ln in lines if ln.size >= HEAD_RATIO * body]
    if not heads:
        return lines
    crops = []
    for ln in heads:
        pad = round(REREAD_PAD * ln.size)
        crops.append(gray.crop((max(0, round(ln.x0) - pad), max(0, round(ln.y0) - pad), round(ln.x1) + pad, round(ln.y1) + pad)))
    try:
        readings = _read_single_lines(crops, label, lang)
    except InputError:
        return lines  # the page's own reading stands
    for ln, again in zip(heads, readings):
        ln.text = _merge_insertions(ln.text, again)
    return lines


def _join_unread_gaps(lines: list[Line], gray, body: float) -> list[Line]:
    """Two pieces of one heading row (same row, same size) with ink all along
    the gap between them: tesseract skipped the words there (湖南…精神 and
    态工作责任制许达哲 with 研究进一步落实意识形 unread between). Joined, so the
    second reading (`reread_headings`) reads the row whole; a column gutter
    between two headlines is blank."""
    heads = sorted((ln for ln in lines if ln.size >= HEAD_RATIO * body), key=lambda ln: (ln.y0, ln.x0))
    gone: set[int] = set()
    for i, a in enumerate(heads):
        if id(a) in gone:
            continue
        for b in heads[i + 1:]:
            if id(b) in gone or abs(b.y0 - a.y0) >= SAME_ROW * a.size or abs(a.size - b.size) > SAME_SIZE * a.size:
                continue
            if b.x0 > a.x1 and _inked_share(gray, a.x1, b.x0, min(a.y0, b.y0), max(a.y1, b.y1)) >= UNREAD_INK:
                a.text += b.text
                a.x1, a.y0, a.y1 = b.x1, min(a.y0, b.y0), max(a.y1, b.y1)
                gone.add(id(b))
    return [ln for ln in lines if id(ln) not in gone]


def _inked_share(gray, x0: float, x1: float, y0: float, y1: float) -> float:
    """Share of the columns x0..x1 with ink between y0 and y1."""
    box = (round(x0), round(y0), round(x1), round(y1))
    if box[2] <= box[0] or box[3] <= box[1]:
        return 0.0
    px = gray.crop(box).load()
    w, h = box[2] - box[0], box[3] - box[1]
    return sum(1 for x in range(w) if any(px[x, y] < INK_LEVEL for y in range(h))) / w


def _merge_insertions(text: str, again: str) -> str:
    """`text` with the Chinese characters `again` has where `text` has nothing
    (or only a space or mark); where the two readings differ otherwise, `text`."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, again, autojunk=False).get_opcodes():
        seg = text[i1:i2]
        if op == "insert" or (op == "replace" and not any(ch.isalnum() for ch in seg)):
            out.append("".join(_IDEOGRAPHS.findall(again[j1:j2])))
        out.append(seg)
    return "".join(out)


__all__ = ["available", "lines_from_tsv", "normalize", "heading", "ocr_lines", "pair_quotes", "pair_quotes_pieces"]
