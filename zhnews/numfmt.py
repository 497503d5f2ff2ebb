"""Numbers shown the way Chinese reports write them: 14,298亿斤, 233.98万人次, 13.1%, 2.6倍.

Figures are stored as plain values (14298亿斤 is 1.4298e12 斤) so that they
sort, compare and chart; `str()` or `%g` of such a value prints `1.4298e+12`,
which no reader of the paper would recognise. The JSON keeps the exact value;
only what people read goes through here.
"""

from __future__ import annotations

import math

# The magnitudes Chinese reports count in, largest first: 2.2万亿元, 14,298亿斤, 1.5万张.
MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
# A value is shown in a magnitude only when that needs at most this many
# decimals — the way reports write round amounts (233.98万人次) — and exact
# counts stay whole numbers (375,604人, not 37.5604万人): no digit is lost.
SCALED_DECIMALS = 2
# Relative error a float division adds, with a wide margin (doubles: ~1e-16).
FLOAT_NOISE = 1e-12
# Decimals kept on an unscaled value: enough for 0.666667 (三分之二) without
# printing binary noise (13.100000000000001).
PLAIN_DECIMALS = 6
# Units that are never scaled: 13.1万% or 2.6万倍 is not how anyone writes them,
# and a year or an age is a label, not an amount.
UNSCALED_UNITS = ("%", "‰", "倍", "成", "年", "岁", "个百分点", "百分点")


def _plain(v: float, decimals: int, group: bool = True) -> str:
    """Thousands-grouped, trailing zeros dropped: 14298 → 14,298, 13.10 → 13.1."""
    s = f"{v:,.{decimals}f}" if group else f"{v:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def format_number(value: float | int | None, unit: str = "") -> str:
    """The value as a reader writes it, without the unit. Years and similar
    labels (unit 年 with a four-digit value) are not grouped: 2024年, not 2,024年."""
    if value is None:
        return ""
    v = float(value)
    if not math.isfinite(v):
        return str(value)
    unit = unit or ""
    if unit in UNSCALED_UNITS:
        return _plain(v, PLAIN_DECIMALS, group=unit not in ("年",))
    for size, word in MAGNITUDES:
        if abs(v) >= size and _has_decimals(v / size, SCALED_DECIMALS):
            return _plain(v / size, SCALED_DECIMALS) + word
    return _plain(v, PLAIN_DECIMALS)


def _has_decimals(x: float, decimals: int) -> bool:
    """x written with at most `decimals` decimals loses nothing. The tolerance
    is float noise only (a double holds ~16 digits; 1.4298e12 / 1e8 * 100 may
    come out as 1429800.0000000002), far below any digit a report prints."""
    scaled = x * 10 ** decimals
    return abs(scaled - round(scaled)) <= FLOAT_NOISE * max(1.0, abs(scaled))


def format_figure(value: float | int | None, unit: str = "", value_max: float | int | None = None,
                  qualifier: str | None = None) -> str:
    """A whole figure for display: qualifier, value (or range) and unit — 约14,298亿斤, 7至10天."""
    if value is None:
        return ""
    shown = format_number(value, unit)
    if value_max is not None and value_max != value:
        shown += "至" + format_number(value_max, unit)
    return f"{qualifier or ''}{shown}{unit or ''}"


def axis_scale(hi: float, unit: str = "") -> tuple[float, str]:
    """One magnitude for every label of a chart axis (so that ticks read
    0, 5,000, 10,000 with 亿斤 once above them, not 5e+03亿 each time)."""
    if (unit or "") not in UNSCALED_UNITS:
        for size, word in MAGNITUDES:
            if abs(hi) >= size:
                return size, word
    return 1.0, ""


def axis_decimals(step: float) -> int:
    """Decimals a tick step needs so that 0.25 steps are not printed as 0.2, 0.5."""
    if step <= 0 or step >= 1:
        return 0
    s = f"{step:.10f}".rstrip("0")
    return len(s.split(".")[1]) if "." in s else 0
