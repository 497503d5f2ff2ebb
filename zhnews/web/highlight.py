"""Stored offsets → HTML where every extracted item is a <mark> over exactly
its characters.

Why a module of its own: items overlap (a person inside a statement, a
figure inside a list item, a statement running across two paragraphs), and
naive insertion of tags at offsets produces crossing tags that browsers
"repair" into something that no longer matches the offsets. Here items are
properly nested: an item that would cross the end of an enclosing one (or of
its paragraph) is split into pieces. Every piece carries its own
data-start/data-end, so `text[start:end] == mark.textContent` holds for every
<mark>, and all pieces of one item share data-id.

Paragraphs are top-level <p> elements and the "\\n" between them is emitted
as a bare text node, so the container's textContent equals `text` exactly.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace
from html import escape

# When two items start at the same place, the longer one opens first (it is
# the container); at equal length this order decides (containers first).
TYPE_ORDER = {"statement": 0, "list": 1, "topic": 2, "indicator": 3, "title": 4, "org": 5, "place": 6,
              "person": 7, "figure": 8}


@dataclass
class Span:
    id: str
    type: str
    start: int
    end: int
    kind: str | None = None  # statement kind (answer/said/quote), org kind …
    # The whole item's range when this span is a piece of it (cut at a paragraph end).
    item_start: int | None = None
    item_end: int | None = None


def valid(span: Span, n: int) -> bool:
    return isinstance(span.start, int) and isinstance(span.end, int) and 0 <= span.start < span.end <= n


def paragraph_ranges(text: str, stored: list[dict] | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, heading) for each line of `text`; the heading flag comes
    from the stored paragraphs when one starts at the same offset."""
    headings = {p.get("start") for p in stored or [] if isinstance(p, dict) and p.get("heading")}
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), pos in headings))
        pos += len(line) + 1
    return out


def _open_tag(span: Span, start: int, end: int) -> str:
    item_start = span.start if span.item_start is None else span.item_start
    item_end = span.end if span.item_end is None else span.item_end
    attrs = [f'class="hl t-{escape(span.type)}"', f'data-id="{escape(span.id)}"', f'data-type="{escape(span.type)}"',
             f'data-start="{start}"', f'data-end="{end}"',
             f'data-item-start="{item_start}"', f'data-item-end="{item_end}"']
    if span.kind:
        attrs.append(f'data-kind="{escape(span.kind)}"')
    if start == item_start:
        attrs.append(f'id="{escape(span.id)}"')
    return "<mark " + " ".join(attrs) + ' tabindex="0">'


def _render_range(text: str, lo: int, hi: int, spans: list[Span]) -> str:
    """HTML for text[lo:hi] with `spans` (already clipped to [lo, hi]) nested."""
    heap = []
    for k, s in enumerate(spans):
        heapq.heappush(heap, (s.start, -s.end, TYPE_ORDER.get(s.type, 99), k, s.end, s))
    out: list[str] = []
    stack: list[int] = []  # end offsets of the open marks, innermost last
    pos = lo
    while heap or stack:
        next_start = heap[0][0] if heap else hi + 1
        if stack and stack[-1] <= next_start:
            end = stack.pop()
            out.append(escape(text[pos:end], quote=False))
            out.append("</mark>")
            pos = end
            continue
        start, _, order, k, end, span = heapq.heappop(heap)
        out.append(escape(text[pos:start], quote=False))
        pos = start
        limit = stack[-1] if stack else hi
        piece_end = min(end, limit)
        if piece_end < end:  # would cross the enclosing mark: the rest reopens after it
            heapq.heappush(heap, (piece_end, -end, order, k, end, span))
        out.append(_open_tag(span, start, piece_end))
        stack.append(piece_end)
    out.append(escape(text[pos:hi], quote=False))
    return "".join(out)


def render(text: str, spans: list[Span], paragraphs: list[dict] | None = None) -> str:
    """The article body as HTML: <p> per paragraph, marks nested inside.

    Spans with offsets outside the text are skipped (the caller lists them)."""
    n = len(text)
    good = [s for s in spans if valid(s, n)]
    parts = []
    for i, (lo, hi, heading) in enumerate(paragraph_ranges(text, paragraphs)):
        if i:
            parts.append("\n")
        inside = []
        for s in good:
            a, b = max(s.start, lo), min(s.end, hi)
            if a < b:
                inside.append(s if (a, b) == (s.start, s.end)
                              else replace(s, start=a, end=b, item_start=s.start, item_end=s.end))
        cls = "para heading" if heading else "para"
        parts.append(f'<p class="{cls}" data-start="{lo}" data-end="{hi}">{_render_range(text, lo, hi, inside)}</p>')
    return "".join(parts)
