"""Pages printed in traditional characters, read with the same models.

Papers of Hong Kong, Taiwan and Macao and older mainland pages use traditional
characters; the lexicons, the name scorer and the line-role models know
simplified ones. Such a page is read through a simplified *view*: every
character mapped one for one (lexicons/t2s_chars.tsv, from OpenCC), so the view
has the same length and every offset found on it is an offset into the page as
printed. After extraction, every string of the result is taken back from the
original at the place it was found, so names, titles, quotes and figures come
out as written (習近平, not 习近平), offsets unchanged.
"""

from __future__ import annotations

from . import recache as re

import dataclasses
from functools import lru_cache

from .lexicon import load_table
from .model import Page

# A page is read as traditional when at least this share of its Han characters
# exists only in traditional writing (國, 說, 們 …) and there are at least
# MIN_TRADITIONAL_CHARS of them: a simplified page has a handful at most (a 乾 in
# 乾隆, a 著 in 著名, both also simplified).
MIN_TRADITIONAL_SHARE = 0.03
MIN_TRADITIONAL_CHARS = 10
# Characters of a string's opening that locate it on the page when the string
# itself was cleaned (spaces collapsed) and is not written verbatim.
ANCHOR_CHARS = 4
# Occurrences of a cleaned string's opening tried; the one where most of its
# characters are found in order wins (a headline's words also occur in bodies).
MAX_ANCHORS = 20
# How far ahead the next character of a cleaned string may stand on the page:
# cleaning drops line breaks, a dateline or spaces between two characters, never
# a long stretch; a character not found that near is left as it is.
MAX_ALIGN_GAP = 64


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    return {ord(row[0]): row[1] for row in load_table("t2s_chars.tsv") if len(row) >= 2 and len(row[0]) == 1}


def simplified_table() -> dict[int, str]:
    """The one-for-one traditional → simplified map (str.translate form)."""
    return _table()


_HAN_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    return frozenset(map(chr, _table()))


def is_traditional(text: str) -> bool:
    # counted in C: every page passes here, and a Python loop over its characters
    # cost ~2 % of extraction. Which traditional characters occur (a set
    # intersection), then how often each (str.count): a simplified page holds none
    # or a few, and this costs ~40 % less than deleting them with str.translate.
    trad = sum(map(text.count, _traditional_chars().intersection(text)))
    if trad < MIN_TRADITIONAL_CHARS:
        return False
    han = len(text) - len(_HAN_RE.sub("", text))
    return trad >= MIN_TRADITIONAL_SHARE * max(han, 1)


@lru_cache(maxsize=1)
def _s2t() -> dict[int, str]:
    return {ord(row[0]): row[1] for row in load_table("s2t_chars.tsv") if len(row) >= 2 and len(row[0]) == 1}


def to_traditional(text: str) -> str:
    """A name the page does not print, in traditional characters (first
    candidate of each character: only for names, never for the page's text)."""
    return text.translate(_s2t())


def to_simplified(text: str) -> str:
    """The same text, one simplified character for each traditional one (same length)."""
    return text.translate(_table())


class _Back:
    """Takes strings found on the simplified view back to the original."""

    def __init__(self, view: str, original: str):
        self.view, self.original = view, original

    def exact(self, s: str) -> str | None:
        """s as written where it stands verbatim on the view, else None."""
        if not s or s.isascii():
            return s
        k = self.view.find(s)
        return self.original[k : k + len(s)] if k >= 0 else None

    def near(self, s: str) -> tuple[str, int]:
        """s cleaned on the way (a headline's runs of spaces made one): its
        characters matched in order from where its opening is written; with the
        number of characters found (0: nowhere)."""
        head = s.split()[0][:ANCHOR_CHARS] if s.split() else ""
        best, best_n, k, tries = s, 0, self.view.find(head) if head else -1, 0
        while k >= 0 and tries < MAX_ANCHORS:
            out, n = _aligned_count(s, self.view, self.original, k, len(self.view))
            if n > best_n:
                best, best_n = out, n
            k, tries = self.view.find(head, k + 1), tries + 1
        return best, best_n


def _aligned(text: str, view: str, original: str, lo: int, hi: int) -> str:
    return _aligned_count(text, view, original, lo, hi)[0]


def _aligned_count(text: str, view: str, original: str, lo: int, hi: int) -> tuple[str, int]:
    """`text` (built from the view between lo and hi: slices joined, line breaks
    dropped) in original characters: each character is matched to the next
    equal one of the view, in order, and replaced by the original there."""
    out, j, matched = [], lo, 0
    for i, ch in enumerate(text):
        if ch.isspace() or ch.isascii():
            out.append(ch)  # spaces are collapsed or inserted by cleaning, digits never differ
            continue
        k = view.find(ch, j, min(hi, j + MAX_ALIGN_GAP + 1))
        if k < 0:
            # lost (text taken from elsewhere: the next column, a part read
            # out of order): find where the text goes on, anywhere in range
            k = view.find(text[i : i + ANCHOR_CHARS], lo, hi) if len(text) - i >= ANCHOR_CHARS else -1
        if k < 0:
            out.append(ch)
            continue
        out.append(original[k])
        matched += 1
        j = k + 1
    return "".join(out), matched


def restore(page: Page, view: str, original: str) -> Page:
    """Every string of an extraction of `view` as written in `original`."""
    page_back = _Back(view, original)
    if page.outlet:
        found = page_back.exact(page.outlet)
        page.outlet = found if found is not None else to_traditional(page.outlet)
    for art in page.articles:
        lo = art.source_start if art.source_start is not None else 0
        hi = art.source_end if art.source_end is not None else len(view)
        simp = art.text or ""
        trad = _aligned(simp, view, original, lo, hi)
        art_back = _Back(simp, trad)

        def back(s: str, _a=art_back) -> str:
            for side in (_a, page_back):  # verbatim first, in the article, then on the page
                r = side.exact(s)
                if r is not None:
                    return r
            (r1, n1), (r2, n2) = _a.near(s), page_back.near(s)
            if n1 or n2:
                return r1 if n1 >= n2 else r2
            return to_traditional(s)  # not printed on the page (an outlet's canonical name)

        _walk(art, back, trad)
        art.text = trad
    return page


def _walk(obj, back, text: str) -> None:
    """Put every string field of obj (and of the dataclasses and lists inside it)
    through `back`; a `text` with offsets is sliced from the restored article text."""
    for f in dataclasses.fields(obj):
        name = f.name
        v = getattr(obj, name)
        if name == "text" and hasattr(obj, "start") and isinstance(getattr(obj, "start", None), int):
            s, e = obj.start, getattr(obj, "end", None)
            if isinstance(e, int) and text[s:e] and len(text[s:e]) == len(v or ""):
                setattr(obj, name, text[s:e])
                continue
        setattr(obj, name, _value(v, back, text))


def _value(v, back, text):
    if isinstance(v, str):
        return back(v)
    if isinstance(v, list):
        return [_value(x, back, text) for x in v]
    if isinstance(v, dict):
        return {k: _value(x, back, text) for k, x in v.items()}
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        _walk(v, back, text)
    return v


class PartsView:
    """The known parts of one article (an archive record's title and body, an
    e-paper page's headline, author and paragraphs) read through the simplified
    view: `parts` to extract from, then `restore(page)` to report as printed."""

    def __init__(self, parts: list[str | None]):
        self.original_parts = parts
        self.active = is_traditional("\n".join(p for p in parts if p))
        self.parts = [to_simplified(p) if (p and self.active) else p for p in parts]

    def restore(self, page: Page) -> Page:
        if not self.active:
            return page
        return restore_whole(page, "\n".join(p for p in self.parts if p),
                             "\n".join(p for p in self.original_parts if p))


def restore_whole(page: Page, view: str, original: str) -> Page:
    """restore() for pages whose article offsets do not point into `view` (the
    joined parts of a record or an e-paper page, a PDF's lines): each article is
    aligned on the whole view."""
    kept = [(a.source_start, a.source_end) for a in page.articles]
    for a in page.articles:
        a.source_start, a.source_end = 0, len(view)
    restore(page, view, original)
    for a, (s, e) in zip(page.articles, kept):
        a.source_start, a.source_end = s, e
    page.script = "traditional"
    return page
