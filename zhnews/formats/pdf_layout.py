"""A newspaper page's text lines with positions and sizes → articles in reading order.

Pure geometry, no PDF library: `pdf.py` reads the lines, this module decides.

1. The body size is the size most characters are set in; lines clearly larger
   are headings (引题/主题/副题), clearly smaller are page furniture and captions.
2. Body lines stack into column blocks: runs of lines in one column with
   ordinary leading between them, not crossed by a heading.
3. Heading lines that touch each other form one head group (kicker, headline,
   subheadline by size and order).
4. Each column block belongs to a head group: first the group whose bottom is
   just above the block and which overlaps it (the story starts right under
   its headline), then a group just above it anywhere (a headline narrower than
   its story), then the nearest overlapping group higher up (a story's columns
   continuing under a neighbour's).
5. Inside a story the blocks are read column by column, left to right, each top
   to bottom; a line indented by about two characters starts a paragraph, any
   other line continues the one before, also across a column break.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Headings are set at least this much larger than body text (subheadlines in
# the papers are ~1.3×, headlines 2–3×; bold body-size run-in heads stay body).
HEAD_RATIO = 1.15
# Below this share of the body size a line is furniture: date lines, 本版责编,
# photo credits (7pt against a 9–10pt body).
SMALL_RATIO = 0.85
# Vertical white space between two lines of one column block, in body sizes:
# leading is 0.3–0.8 em; a story break or a picture leaves more.
MAX_LEADING = 1.2
# On OCR'd pages a line the engine dropped leaves one line pitch (~1.7 em) more
# white: bridge that, still far below a story break (a headline, 4 em and more).
MAX_LEADING_SCANNED = 2.5
# A paragraph's first line starts two characters in (the genre's 空两格);
# 1.5 em leaves room for a line that starts with a lone half-width space.
INDENT_MIN = 1.5
# How far below a head group its story's first lines may start (a byline line
# or a rule sits between them), in body sizes.
CLAIM_REACH = 3.5
# Two heading lines belong to one group when this close vertically, in their
# own (smaller) size.
HEAD_GROUP_GAP = 1.6
# A heading line at least this share of the group's largest size is part of
# the headline: a text layer's sizes are exact; OCR's vary by ~10 %, while a
# kicker or subheadline is set at ~0.6 of the headline.
HEAD_SAME = 0.95
HEAD_SAME_SCANNED = 0.85
# Lines whose tops differ by less than this share of their size are one row.
SAME_ROW = 0.5
# Two blocks of one story's column this close (body sizes) are one piece of it
# on the page (`story_boxes`): a block break inside a column leaves at most a
# dropped line or a rule (MAX_LEADING_SCANNED); another story set in between is
# a headline plus its lines, well over this.
COLUMN_PIECE_GAP = CLAIM_REACH


@dataclass
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    text: str
    ink_x0: float | None = None  # where the first non-space character starts

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def y0(self) -> float:
        return self.lines[0].y0

    @property
    def y1(self) -> float:
        return self.lines[-1].y1


@dataclass
class HeadGroup:
    lines: list[Line]

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def y0(self) -> float:
        return min(ln.y0 for ln in self.lines)

    @property
    def y1(self) -> float:
        return max(ln.y1 for ln in self.lines)

    def roles(self, same: float = HEAD_SAME) -> tuple[str | None, str, str | None]:
        """(kicker, headline, subheadline): the largest type is the headline,
        smaller type above it the kicker, below it the subheadline. `same`:
        the share of the largest size still counted as the headline's."""
        top = max(ln.size for ln in self.lines)
        big = [ln for ln in self.lines if ln.size >= top * same]
        first, last = min(ln.y0 for ln in big), max(ln.y0 for ln in big)
        above = [ln for ln in self.lines if ln not in big and ln.y0 < first]
        below = [ln for ln in self.lines if ln not in big and ln.y0 > last]
        kicker = join_rows(above) or None
        sub = join_rows(below).lstrip("—－-– ") or None
        return kicker, join_rows(big), sub


@dataclass
class Story:
    head: HeadGroup | None
    blocks: list[Block] = field(default_factory=list)

    def sort_key(self) -> tuple[float, float]:
        if self.head is not None:
            return (self.head.y0, self.head.x0)
        b = min(self.blocks, key=lambda b: (b.y0, b.x0))
        return (b.y0, b.x0)


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows (pieces of one printed line), top to bottom, each left to right."""
    out: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        if out and abs(out[-1][0].y0 - ln.y0) < SAME_ROW * max(ln.size, out[-1][0].size):
            out[-1].append(ln)
        else:
            out.append([ln])
    return [sorted(r, key=lambda ln: ln.x0) for r in out]


def join_rows(lines: list[Line]) -> str:
    """Heading text: pieces of one row joined with a space (the gap printed
    between two phrases), rows joined directly (a wrapped headline)."""
    return "".join(" ".join(ln.text.strip() for ln in r) for r in rows(lines)).strip()


def body_size(lines: list[Line]) -> float:
    counts: Counter[float] = Counter()
    for ln in lines:
        counts[round(ln.size * 2) / 2] += len(ln.text.strip())
    return counts.most_common(1)[0][0] if counts else 0.0


def split_kinds(lines: list[Line], size: float) -> tuple[list[Line], list[Line], list[Line]]:
    heads, body, small = [], [], []
    for ln in lines:
        if not ln.text.strip():
            continue
        if ln.size >= size * HEAD_RATIO:
            heads.append(ln)
        elif ln.size < size * SMALL_RATIO:
            small.append(ln)
        else:
            body.append(ln)
    return heads, body, small


def group_heads(heads: list[Line]) -> list[HeadGroup]:
    groups: list[HeadGroup] = []
    for ln in sorted(heads, key=lambda ln: (ln.y0, ln.x0)):
        best = None
        for g in groups:
            last = max(g.lines, key=lambda x: x.y1)
            gap = ln.y0 - last.y1
            near = gap <= HEAD_GROUP_GAP * min(ln.size, last.size)
            if near and overlap(g.x0, g.x1, ln.x0, ln.x1) > 0:
                best = g
        if best is None:
            groups.append(HeadGroup([ln]))
        else:
            best.lines.append(ln)
    return groups


def _crossed(a: Line, b: Line, heads: list[Line]) -> bool:
    """Is there a heading between two vertically consecutive lines of a column?"""
    for h in heads:
        if h.y0 >= a.y1 - 0.1 and h.y1 <= b.y0 + 0.1 and overlap(h.x0, h.x1, a.x0, a.x1) > 0:
            return True
    return False


def column_blocks(body: list[Line], heads: list[Line], size: float, max_leading: float = MAX_LEADING) -> list[Block]:
    blocks: list[Block] = []
    for r in rows(body):
        for ln in r:
            best = None
            for b in blocks:
                last = b.lines[-1]
                gap = ln.y0 - last.y1
                if gap < -0.3 * size or gap > max_leading * size:
                    continue
                ov = overlap(b.x0, b.x1, ln.x0, ln.x1)
                if ov < 0.5 * min(ln.width, b.x1 - b.x0):
                    continue
                if _crossed(last, ln, heads):
                    continue
                if best is None or last.y1 > best.lines[-1].y1:
                    best = b
            if best is None:
                blocks.append(Block([ln]))
            else:
                best.lines.append(ln)
    return blocks


def assign(blocks: list[Block], groups: list[HeadGroup], size: float, adopt: bool = False) -> list[Story]:
    """adopt: a block no head group above overlaps goes to the lowest head
    group above it anywhere, instead of a story without a headline. For OCR,
    where a dropped or misread line can still break a column into blocks: a
    page that opens mid-article is then read right only above its first headline."""
    stories = {id(g): Story(g) for g in groups}
    orphans: list[Block] = []
    reach = CLAIM_REACH * size
    for b in blocks:
        above = [g for g in groups if g.y1 <= b.y0 + 0.5 * size]
        near = [g for g in above if b.y0 - g.y1 <= reach]
        near_over = [g for g in near if overlap(g.x0, g.x1, b.x0, b.x1) > 0]
        if near_over:
            g = max(near_over, key=lambda g: g.y1)
        elif near:
            g = min(near, key=lambda g: (max(g.x0 - b.x1, b.x0 - g.x1, 0.0), -g.y1))
        else:
            over = [g for g in above if overlap(g.x0, g.x1, b.x0, b.x1) > 0]
            if not over and adopt:
                over = above
            g = max(over, key=lambda g: g.y1) if over else None
        if g is None:
            orphans.append(b)
        else:
            stories[id(g)].blocks.append(b)
    out = list(stories.values())
    if orphans:
        out.append(Story(None, orphans))
    return sorted((s for s in out if s.blocks or s.head is not None), key=Story.sort_key)


def same_column(a: Block, b: Block) -> bool:
    """Mostly the same x-range: punctuation hanging past a column's edge
    (避头点) must not tie it to its neighbour."""
    return overlap(a.x0, a.x1, b.x0, b.x1) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def reading_order(blocks: list[Block], size: float) -> list[Block]:
    """Columns left to right (blocks whose x-ranges overlap share a column),
    each top to bottom."""
    cols: list[list[Block]] = []
    for b in sorted(blocks, key=lambda b: b.x0):
        for c in cols:
            if same_column(c[0], b):
                c.append(b)
                break
        else:
            cols.append([b])
    return [b for c in cols for b in sorted(c, key=lambda b: b.y0)]


def story_body(blocks: list[Block], size: float) -> list[tuple[str, bool]]:
    """The story's body as pieces for `assemble.article_from_pieces`: one per
    paragraph per column, flagged True when it continues the paragraph of the
    piece before (the column break cut it: the first line of a column is not
    indented)."""
    ordered = reading_order(blocks, size)
    pieces: list[tuple[str, bool]] = []
    cur: str | None = None
    cont = False
    spaced = False  # the previous printed line ended in a space
    for b in ordered:
        # the column's left edge: the leftmost line start among its blocks
        left = min(x.x0 for x in ordered if same_column(x, b))
        for ri, r in enumerate(rows(b.lines)):
            raw = "".join(ln.text for ln in r)
            text = raw.strip(" \u3000\xa0\t")
            if not text:
                continue
            ink = r[0].ink_x0 if r[0].ink_x0 is not None else r[0].x0
            indent = (ink - left) >= INDENT_MIN * size
            if cur is None or indent or ri == 0:
                if cur is not None:
                    pieces.append((cur, cont))
                cont = cur is not None and not indent
                cur = text
            else:
                cur = _glue(cur, text, spaced or raw[:1].isspace())
            spaced = raw[-1:].isspace()
    if cur is not None:
        pieces.append((cur, cont))
    return pieces


def _glue(left: str, right: str, spaced: bool = False) -> str:
    """Two printed lines of one paragraph: CJK runs straight on; a space the
    line break fell on (between names in a credit, between Latin words) stays."""
    if spaced or (left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalpha()):
        return left + " " + right
    return left + right


def stories_of(lines: list[Line], scanned: bool = False) -> tuple[list[Story], list[Line], float]:
    """Lines of one page → (stories in reading order, furniture lines, body size).
    scanned: lines read by OCR (MAX_LEADING_SCANNED, `assign`'s adopt)."""
    size = body_size(lines)
    heads, body, small = split_kinds(lines, size)
    groups = group_heads(heads)
    blocks = column_blocks(body, heads, size, MAX_LEADING_SCANNED if scanned else MAX_LEADING)
    return assign(blocks, groups, size, adopt=scanned), small, size


def layout(lines: list[Line], scanned: bool = False) -> tuple[list[tuple[HeadGroup | None, list[tuple[str, bool]]]], list[Line], float]:
    """Lines of one page → ([(head group, body text)], furniture lines, body size)."""
    stories, small, size = stories_of(lines, scanned)
    return [(s.head, story_body(s.blocks, size) if s.blocks else []) for s in stories], small, size


Box = tuple[float, float, float, float]


def story_boxes(story: Story, size: float) -> list[Box]:
    """Where a story is printed, in the page's own units: its head group's box,
    then one box per column piece of its body in reading order — blocks of one
    column that follow each other within COLUMN_PIECE_GAP body sizes are one
    piece; a column the story continues in further down, under a neighbour's
    story, is a piece of its own (one box over both would take in the neighbour)."""
    boxes: list[Box] = []
    if story.head is not None:
        h = story.head
        boxes.append((h.x0, h.y0, h.x1, h.y1))
    prev: Block | None = None
    for b in reading_order(story.blocks, size):
        if prev is not None and same_column(prev, b) and b.y0 - boxes[-1][3] <= COLUMN_PIECE_GAP * size:
            x0, y0, x1, y1 = boxes[-1]
            boxes[-1] = (min(x0, b.x0), min(y0, b.y0), max(x1, b.x1), max(y1, b.y1))
        else:
            boxes.append((b.x0, b.y0, b.x1, b.y1))
        prev = b
    return boxes
