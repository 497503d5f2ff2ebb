"""Plain-text tables for a terminal: the one printer of `zhnews eval`,
`search`, `person`, `org` and `figures`.

Widths are display widths: a CJK character takes two columns, so Chinese
headlines line up under their header (padding by len() shifts every row
after a Chinese cell).
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

# Columns are separated by this many spaces: enough to tell apart two numbers.
GAP = 2


def width(s: str) -> int:
    """Display width: CJK (wide and full-width) characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, w: int, right: bool = False) -> str:
    fill = " " * max(0, w - width(s))
    return fill + s if right else s + fill


def clip(s: str, w: int | None) -> str:
    """One line, at most `w` characters (… marks the cut)."""
    s = s.replace("\n", " ")
    return s if not w or len(s) <= w else s[: w - 1] + "…"


def render(columns: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = (),
           groups: Sequence[tuple[str, int]] = ()) -> str:
    """Header, a rule, then the rows; cells are strings already. `right`
    lists the columns aligned right (numbers); `groups` is an optional line
    above the header of (label, number of columns it spans), centred."""
    w = [max([width(c)] + [width(r[i]) for r in rows]) for i, c in enumerate(columns)]
    right = set(right)

    def line(cells: Sequence[str]) -> str:
        return (" " * GAP).join(pad(c, w[i], i in right) for i, c in enumerate(cells)).rstrip()

    out = []
    if groups:
        parts, k = [], 0
        for label, span in groups:
            span_w = sum(w[k:k + span]) + GAP * (span - 1)
            text = label if width(label) <= span_w else clip(label, span_w)
            left = (span_w - width(text)) // 2
            parts.append(" " * left + text + " " * (span_w - width(text) - left))
            k += span
        out.append((" " * GAP).join(parts).rstrip())
    out.append(line(columns))
    out.append((" " * GAP).join("-" * x for x in w))
    out += [line(r) for r in rows]
    return "\n".join(out)
