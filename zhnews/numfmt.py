"""Numbers as Chinese readers write them: 14,298亿, 13.1, 2.6, 1,200万.

Why one module: the web table, the chart axis and the command line each printed
figures their own way (`%g` gave 1.4298e+12, `.4g` gave 1.5e+04亿 on an axis).
Values stay exact in the JSON and the database; only what a person reads is
shortened, with the magnitude words reports use (万 = 10^4, 亿 = 10^8).
"""

from __future__ import annotations

import math

# Decimals shown after the magnitude word: "1.43万", "14,298.5亿". A figure quoted
# with more precision is still exact in the JSON.
MAX_DECIMALS = 2
# Below this, plain digits with grouping read better than 万 ("9,876", not "0.99万").
WAN = 1e4
YI = 1e8


def _plain(x: float, decimals: int = MAX_DECIMALS) -> str:
    """Grouped digits, trailing zeros dropped: 14298.0 → "14,298", 13.10 → "13.1"."""
    s = f"{x:,.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def display_number(v: float | int | None) -> str:
    """A value for reading; "" for None, NaN or infinity (never "nan")."""
    if v is None:
        return ""
    x = float(v)
    if math.isnan(x) or math.isinf(x):
        return ""
    a = abs(x)
    if a >= YI:
        return _plain(x / YI) + "亿"
    if a >= WAN * 10 or (a >= WAN and x == int(x) and int(x) % 1000 == 0):
        return _plain(x / WAN) + "万"
    return _plain(x, decimals=6 if a < 1 else MAX_DECIMALS)


def display_score(v: float | None) -> str:
    """A search relevance score: three significant digits, never scientific."""
    if v is None:
        return ""
    x = float(v)
    if x == 0 or math.isnan(x):
        return "0"
    digits = max(0, 2 - int(math.floor(math.log10(abs(x)))))
    return f"{x:.{min(digits, 12)}f}"
