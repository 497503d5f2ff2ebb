"""An article from body pieces whose paragraph structure a format knows.

`article_build.article_from_parts` joins every piece that does not end a
sentence onto the next, the right guess for flat text. A PDF knows more: a
piece cut by a column break continues (whatever its last character), and an
indented line starts a paragraph even after a piece without a full stop — an
in-article heading such as "感染者讲述". So the pieces come with a flag, and
everything else (datelines, credits, captions, furniture, headings, dates,
offsets) goes through the same layout units and `article_build.build_article`
as text.
"""

from __future__ import annotations

import bisect

from .. import dates, layout
from ..byline import parse_closing_credit
from ..article_build import build_article, take_non_body
from ..model import Article


def _merge_credits(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A closing credit the column break cut ("本报通讯员 刘诗寒 记者 杨欢" /
    "罗水元 孙云") is one credit again: names are not joined as prose."""
    out: list[tuple[str, bool]] = []
    for text, cont in pieces:
        if cont and out:
            both = out[-1][0] + " " + text
            if parse_closing_credit(both):
                out[-1] = (both, out[-1][1])
                continue
        out.append((text, cont))
    return out


def article_from_pieces(
    headline: str,
    pieces: list[tuple[str, bool]],
    kicker: str | None = None,
    subheadline: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> Article:
    """`pieces`: (text, continues) — continues=True when the piece carries on
    the paragraph before it (a column break cut it)."""
    pieces = _merge_credits(pieces)
    body = "\n".join(t for t, _ in pieces)
    starts = []
    pos = 0
    for t, _ in pieces:
        starts.append(pos)
        pos += len(t) + 1
    draft = layout.Draft(heads=[layout.Unit(h, 0, len(h), "line") for h in (kicker, headline, subheadline) if h])
    prev = None
    prev_piece = -1
    for u in layout.tokenize(body):
        piece = bisect.bisect_right(starts, u.start) - 1
        taken = take_non_body(draft, u)
        if taken:
            if taken == "byline":
                prev_piece = piece
            elif taken == "credit":
                prev = None
            continue
        if piece == prev_piece:
            # more of the same printed piece (text after a dateline, a wide gap)
            joined = prev is not None and not layout.ends_sentence(prev.text)
        else:
            joined = prev is not None and pieces[piece][1]
        if joined:
            draft.paragraphs[-1].append(u)
        else:
            draft.paragraphs.append([u])
            draft.heading_flags.append(layout.heading_like(u) and len(draft.paragraphs) > 1)
        prev = u
        prev_piece = piece
    art = build_article(draft, body, dates.parse_iso(published), outlet)
    art.kicker = layout.clean_heading(kicker) if kicker else None
    art.headline = layout.clean_heading(headline)
    art.subheadline = layout.clean_heading(subheadline) if subheadline else None
    return art
