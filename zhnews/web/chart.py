"""A figure series as an inline SVG, drawn on the server.

No chart library and no CDN: the app must work with no network, and a
scatter/line of a few hundred dated values is a few dozen lines of SVG. Each
point links to the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from ..numfmt import axis_decimals, axis_scale, format_figure

WIDTH, HEIGHT = 760, 320
# The phone version of a chart (`narrow=True`), sent beside the wide one and shown
# by the style sheet under 600px: drawn about a phone's width, so that it shows at
# ~1:1 with readable labels and every point on the screen (the wide one, kept at a
# readable 560px, left the later points off a 390px screen behind a sideways scroll).
NARROW_WIDTH, NARROW_HEIGHT = 360, 260
NARROW_MARGIN_LEFT = 56
NARROW_X_TICKS = 3
# Room for the axis labels (y values left, dates below); the top margin holds
# the unit line (亿斤) clear of the highest tick label below it.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 78, 18, 34, 44
# Baseline of the unit line: a 12px label sits between it and the top tick label.
UNIT_BASELINE = 14
Y_TICKS = 5
X_TICKS = 6


def _day(s: str) -> int | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]).toordinal()
    except ValueError:
        return None


def _nice_step(span: float, ticks: int) -> float:
    raw = span / max(ticks, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _anchor(i: int, n: int) -> str:
    """Edge labels grow inward so that they are not cut off by the frame."""
    return "start" if i == 0 else "end" if i == n - 1 else "middle"


def svg(points: list[dict], unit: str = "", title: str = "", narrow: bool = False) -> str:
    """points: dicts with date, value, text, headline, article_id, start_offset, end_offset.
    `narrow`: the phone version."""
    width, height = (NARROW_WIDTH, NARROW_HEIGHT) if narrow else (WIDTH, HEIGHT)
    left = NARROW_MARGIN_LEFT if narrow else MARGIN_LEFT
    pts = [(d, float(p["value"]), p) for p in points if (d := _day(p.get("date"))) is not None
           and p.get("value") is not None]
    if not pts:
        return ""
    pts.sort(key=lambda x: x[0])
    d0, d1 = pts[0][0], pts[-1][0]
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    vals = [v for _, v, _ in pts]
    lo, hi = min(0.0, min(vals)), max(vals)
    if hi == lo:
        hi = lo + 1
    step = _nice_step(hi - lo, Y_TICKS)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    pw = width - left - MARGIN_RIGHT
    ph = height - MARGIN_TOP - MARGIN_BOTTOM

    def x(d: float) -> float:
        return left + (d - d0) / (d1 - d0) * pw

    def y(v: float) -> float:
        return MARGIN_TOP + (1 - (v - lo) / (hi - lo)) * ph

    out = [f'<svg class="chart {"narrow" if narrow else "wide"}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(title or "figures over time")}" xmlns="http://www.w3.org/2000/svg">']
    out.append(f'<title>{escape(title)}</title>' if title else "")
    # y grid and labels: one magnitude for the whole axis, named once in the unit line
    scale, word = axis_scale(max(abs(lo), abs(hi)), unit)
    decimals = axis_decimals(step / scale)
    i = 0
    while (v := lo + i * step) <= hi + step / 2:
        yy = y(v)
        out.append(f'<line class="grid" x1="{left}" x2="{width - MARGIN_RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        out.append(f'<text class="ylabel" x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">'
                   f'{v / scale:,.{decimals}f}</text>')
        i += 1
    # x labels
    n = min(NARROW_X_TICKS if narrow else X_TICKS, max(2, d1 - d0 + 1))
    seen = set()
    for i in range(n):
        d = round(d0 + (d1 - d0) * i / (n - 1))
        label = dt.date.fromordinal(d).isoformat()
        if label in seen:
            continue
        seen.add(label)
        out.append(f'<text class="xlabel" x="{x(d):.1f}" y="{height - MARGIN_BOTTOM + 18}" '
                   f'text-anchor="{_anchor(i, n)}">{label}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - MARGIN_RIGHT}" y1="{y(lo):.1f}" y2="{y(lo):.1f}"/>')
    out.append(f'<text class="unit" x="{left - 6}" y="{UNIT_BASELINE}" text-anchor="end">'
               f'{escape(word + unit)}</text>')
    # A line says "the same quantity, later": only when every point measures one indicator.
    if len(pts) > 1 and len({p.get("indicator") for _, _, p in pts}) == 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(v):.1f}" for i, (d, v, _) in enumerate(pts))
        out.append(f'<path class="series" d="{path}"/>')
    for d, v, p in pts:
        href = f"/articles/{int(p['article_id'])}?hl={int(p['start_offset'])}-{int(p['end_offset'])}"
        shown = format_figure(v, unit, qualifier=p.get("qualifier"))
        tip = f"{p.get('date')} {p.get('indicator') or ''} {shown} ({p.get('text')}) — {p.get('headline') or ''}"
        out.append(f'<a href="{escape(href)}"><circle class="point" cx="{x(d):.1f}" cy="{y(v):.1f}" r="5">'
                   f'<title>{escape(tip)}</title></circle></a>')
    out.append("</svg>")
    return "".join(out)


TIMELINE_ROW = 26
TIMELINE_LABEL = 230  # px for the title column (about 14 Chinese characters)
TIMELINE_LABEL_CHARS = 14
# The phone layout: a phone screen (~350px of chart) cannot hold a 230px title
# column beside the bars at a readable size, and a chart wider than the screen
# hid every dot past its right edge. So each title sits on its own line above its
# bar, in a viewBox about a phone's width (drawn at ~1:1, labels stay 15-16px).
STACKED_WIDTH = 360
STACKED_ROW = 46
STACKED_LABEL_CHARS = 20


def timeline_svg(titles: list[dict], stacked: bool = False) -> str:
    """Each title a bar from the first to the last date it was seen with the
    person (a dot when seen once): positions over time at a glance. `stacked`:
    the phone layout, the title above its bar."""
    rows = [(t, _day(t["first_date"]), _day(t.get("last_date") or t["first_date"])) for t in titles]
    rows = [(t, a, b) for t, a, b in rows if a is not None and b is not None]
    if not rows:
        return ""
    d0 = min(a for _, a, _ in rows)
    d1 = max(b for _, _, b in rows)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    width, row, chars = (STACKED_WIDTH, STACKED_ROW, STACKED_LABEL_CHARS) if stacked else (WIDTH, TIMELINE_ROW, TIMELINE_LABEL_CHARS)
    top = 12 if stacked else MARGIN_TOP
    height = top + row * len(rows) + 30
    x0, x1 = (10, width - 10) if stacked else (TIMELINE_LABEL, WIDTH - MARGIN_RIGHT)

    def x(d: float) -> float:
        return x0 + (d - d0) / (d1 - d0) * (x1 - x0)

    out = [f'<svg class="chart timeline {"narrow" if stacked else "wide"}" viewBox="0 0 {width} {height}" role="img" '
           'aria-label="titles over time" xmlns="http://www.w3.org/2000/svg">']
    for i, (t, a, b) in enumerate(rows):
        label = t["title"] if len(t["title"]) <= chars else t["title"][:chars - 1] + "…"
        if stacked:
            y = top + i * row + row - 12  # the bar's middle; the title on the line above it
            out.append(f'<text class="tlabel" x="0" y="{y - 16:.1f}">{escape(label)}<title>{escape(t["title"])}</title></text>')
        else:
            y = top + i * row + row / 2
            out.append(f'<text class="tlabel" x="{x0 - 8}" y="{y + 5:.1f}" text-anchor="end">{escape(label)}'
                       f'<title>{escape(t["title"])}</title></text>')
        tip = f'{t["title"]}: {t["first_date"]} – {t.get("last_date")}, {t.get("articles")} article(s)'
        if b > a:
            out.append(f'<rect class="bar" x="{x(a):.1f}" y="{y - 7:.1f}" width="{max(x(b) - x(a), 2):.1f}" '
                       f'height="14" rx="3"><title>{escape(tip)}</title></rect>')
        else:
            out.append(f'<circle class="point" cx="{x(a):.1f}" cy="{y:.1f}" r="6"><title>{escape(tip)}</title></circle>')
    base = top + row * len(rows) + 18
    ticks = sorted({d0, d1, (d0 + d1) // 2})
    for i, d in enumerate(ticks):
        out.append(f'<text class="xlabel" x="{x(d):.1f}" y="{base}" text-anchor="{_anchor(i, len(ticks))}">'
                   f'{dt.date.fromordinal(d).isoformat()}</text>')
    out.append("</svg>")
    return "".join(out)


# Bar chart of appearances: the height of the plot area and the most x labels
# that fit under 760px without overlapping (a label is about 70px wide).
BARS_HEIGHT = 200
BARS_MAX_LABELS = 10
PER_WORD = {"day": "日", "month": "月", "year": "年"}
# A lone bar as wide as the chart reads as a block, not a count: cap the width.
BAR_MAX_WIDTH = 40


def bars_svg(counts: list[dict], per: str = "month", count: str = "articles", narrow: bool = False) -> str:
    """Articles per day/month/year as bars (empty periods keep their slot, so
    that silence is visible), each bar titled with its period and count.
    `narrow`: the phone version."""
    if not counts:
        return ""
    width, left = (NARROW_WIDTH, NARROW_MARGIN_LEFT) if narrow else (WIDTH, MARGIN_LEFT)
    top = max(int(c[count]) for c in counts) or 1
    step = _nice_step(top, 4) if top > 4 else 1
    hi = math.ceil(top / step) * step
    height = MARGIN_TOP + BARS_HEIGHT + MARGIN_BOTTOM
    pw = width - left - MARGIN_RIGHT
    slot = pw / len(counts)
    base = MARGIN_TOP + BARS_HEIGHT
    out = [f'<svg class="chart bars {"narrow" if narrow else "wide"}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="articles per {per}" xmlns="http://www.w3.org/2000/svg">']
    tick = 0
    while tick <= hi:
        yy = base - tick / hi * BARS_HEIGHT
        out.append(f'<line class="grid" x1="{left}" x2="{width - MARGIN_RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        out.append(f'<text class="ylabel" x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{tick:,}</text>')
        tick += step
    out.append(f'<text class="unit" x="{left - 6}" y="{UNIT_BASELINE}" text-anchor="end">篇/{PER_WORD.get(per, per)}</text>')
    every = max(1, math.ceil(len(counts) / (NARROW_X_TICKS if narrow else BARS_MAX_LABELS)))
    for i, c in enumerate(counts):
        n = int(c[count])
        x0 = left + i * slot
        h = n / hi * BARS_HEIGHT
        tip = f'{c["period"]}: {n} article{"" if n == 1 else "s"}'
        w = min(max(slot * 0.8, 1), BAR_MAX_WIDTH)
        out.append(f'<rect class="bar" x="{x0 + (slot - w) / 2:.1f}" y="{base - h:.1f}" width="{w:.1f}" '
                   f'height="{h:.1f}" data-period="{escape(c["period"])}" data-count="{n}"><title>{escape(tip)}</title></rect>')
        if i % every == 0:
            out.append(f'<text class="xlabel" x="{x0 + slot / 2:.1f}" y="{base + 18}" text-anchor="middle">'
                       f'{escape(c["period"])}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - MARGIN_RIGHT}" y1="{base}" y2="{base}"/>')
    out.append("</svg>")
    return "".join(out)
