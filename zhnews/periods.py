"""Dated counts grouped into days, months or years, with the empty ones kept.

A person's appearances over time are read for their rhythm — a month of
silence says as much as a busy one — so the buckets are contiguous, and the
bucket size follows the span so that a chart has a readable number of bars
(a week of press conferences by day, a career by year).
"""

from __future__ import annotations

import datetime as dt

# Up to this many days apart, one bar per day (a month of daily issues).
DAY_SPAN_MAX = 45
# Up to this many months apart, one bar per month (five years); beyond, per year.
MONTH_SPAN_MAX = 60


def _date(s) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except (TypeError, ValueError):
        return None


def buckets(rows: list[dict], key: str = "date", count: str = "articles") -> tuple[str, list[dict]]:
    """rows: {date, articles} (any order, dates may repeat) → (granularity,
    [{"period": "2025-03", "articles": n}, ...]) from the first period to the last."""
    dated = [(d, int(r.get(count) or 0)) for r in rows if (d := _date(r.get(key))) is not None]
    if not dated:
        return "month", []
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    months = (last.year - first.year) * 12 + last.month - first.month
    if (last - first).days <= DAY_SPAN_MAX:
        unit, label = "day", lambda d: d.isoformat()
        periods = [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    elif months <= MONTH_SPAN_MAX:
        unit, label = "month", lambda d: f"{d.year:04d}-{d.month:02d}"
        periods = [f"{first.year + (first.month - 1 + i) // 12:04d}-{(first.month - 1 + i) % 12 + 1:02d}"
                   for i in range(months + 1)]
    else:
        unit, label = "year", lambda d: f"{d.year:04d}"
        periods = [f"{y:04d}" for y in range(first.year, last.year + 1)]
    totals = dict.fromkeys(periods, 0)
    for d, n in dated:
        totals[label(d)] += n
    return unit, [{"period": p, count: n} for p, n in totals.items()]
