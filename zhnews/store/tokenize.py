"""Character bigrams: how Chinese text becomes searchable without a segmenter.

SQLite's FTS5 `unicode61` tokenizer splits on spaces and punctuation only, so a
run of Chinese characters would be one giant token; a segmenter would miss
words it does not know (new names, new places). Overlapping bigrams ("山西煤炭"
→ "山西 西煤 煤炭") make every substring of two characters or more findable:
a query becomes the phrase of its own bigrams, which matches exactly where
the query's characters stand side by side. The same tokens feed PostgreSQL's
tsvector, so both backends find the same articles.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

# Stored in the base (zhnews_meta.tokenizer_version): raise it whenever the tokens
# of a text change, so that a base indexed by the old tokens is rebuilt, not used.
TOKENIZER_VERSION = "2"  # 2: traditional characters folded to simplified (normalize)

# A "word run": letters, digits and CJK ideographs; anything else (punctuation,
# spaces, symbols) breaks a run so that no bigram spans "山西，煤炭".
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Full-width letters/digits to ASCII and lower case, as users type them, and
    traditional characters to simplified (one for one): 臺灣 and 台湾 are the same
    word to a reader, so a page in either writing is found with a query in either."""
    return unicodedata.normalize("NFKC", text).lower().translate(fold_table())


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    from ..traditional import simplified_table

    return simplified_table()


def runs(text: str) -> list[str]:
    return _RUN.findall(normalize(text))


def bigrams(text: str) -> list[str]:
    """Overlapping bigrams of every run, then the run's last character alone.

    The trailing unigram makes every character the first character of some
    token, so a one-character query is a prefix query ("煤*") that finds the
    character anywhere; it comes after the run's bigrams, so it never sits
    between two bigrams of one phrase."""
    out: list[str] = []
    for run in runs(text):
        if len(run) > 1:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return out


def index_text(text: str) -> str:
    """The space-separated token string stored in the full-text column."""
    return " ".join(bigrams(text))


def query_terms(query: str) -> list[list[str]]:
    """A user query → terms (whitespace-separated, all required), each term the
    list of its runs' bigrams. Punctuation inside a term splits it into runs
    that must all appear (not necessarily side by side)."""
    terms = []
    for raw in query.split():
        for run in runs(raw):
            if len(run) == 1:
                terms.append([run])
            else:
                terms.append([run[i : i + 2] for i in range(len(run) - 1)])
    return terms


def query_strings(query: str) -> list[str]:
    """The normalized runs of a query, for exact substring rechecks."""
    return [run for raw in query.split() for run in runs(raw)]


# Characters that compose with their neighbours under NFKC although each is one
# character alone: Hangul conjoining / compatibility / half-width jamo.
_COMPOSING_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC))


@lru_cache(maxsize=1)
def _special_group() -> re.Pattern:
    """A character whose normalized form is not exactly one character (…→...,
    ㎞→km, ﷺ), or that may compose with its neighbours (combining marks,
    jamo; any astral character, to be safe), with the combining marks after
    it. Everything else normalizes to one character in place. Built once
    (~30 ms) from the running Python's Unicode tables, so it never drifts
    from `normalize`."""
    special, combining = [], []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.combining(ch):
            combining.append(cp)
        elif len(normalize(ch)) != 1:
            special.append(cp)
    special += [cp for lo, hi in _COMPOSING_RANGES for cp in range(lo, hi + 1)]
    cls = _char_class(sorted(set(special))) + "\U00010000-\U0010FFFF"
    marks = _char_class(combining)
    return re.compile(f"(?:[{cls}]|.(?=[{marks}]))[{marks}]*", re.DOTALL)


def _char_class(cps: list[int]) -> str:
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(f"\\U{cps[i]:08x}" if i == j else f"\\U{cps[i]:08x}-\\U{cps[j]:08x}")
        i = j + 1
    return "".join(out)


class NormalizedText:
    """`normalize(text)` with a map back to `text` offsets.

    Normalizing the whole text at once changes its length whenever one
    character becomes several (…… → ......), so offsets found in the
    normalized text would point elsewhere in the original. Here the text is
    normalized piece by piece: runs of characters that normalize one to one
    keep their offsets; every other character (with its combining marks)
    is a group of its own, and a position inside a group maps to the
    group's start (or, for an end offset, its end)."""

    def __init__(self, text: str):
        self.text = text
        pieces: list[str] = []
        # (normalized start, original start, normalized length, original length, one-to-one?)
        self._spans: list[tuple[int, int, int, int, bool]] = []
        pos = npos = 0
        for m in _special_group().finditer(text):
            if m.start() > pos:
                seg = normalize(text[pos : m.start()])
                self._spans.append((npos, pos, len(seg), m.start() - pos, True))
                pieces.append(seg)
                npos += len(seg)
            grp = normalize(m.group())
            self._spans.append((npos, m.start(), len(grp), m.end() - m.start(), False))
            pieces.append(grp)
            npos += len(grp)
            pos = m.end()
        if pos < len(text):
            seg = normalize(text[pos:])
            self._spans.append((npos, pos, len(seg), len(text) - pos, True))
            pieces.append(seg)
        self.normalized = "".join(pieces)
        self._starts = [sp[0] for sp in self._spans]

    def _span(self, npos: int) -> tuple[int, int, int, int, bool]:
        return self._spans[bisect_right(self._starts, npos) - 1]

    def start(self, npos: int) -> int:
        """Original offset of the character at normalized offset `npos`."""
        ns, os_, _, _, plain = self._span(npos)
        return os_ + (npos - ns) if plain else os_

    def end(self, npos: int) -> int:
        """Original end offset for a normalized (exclusive) end offset."""
        if npos <= 0:
            return 0
        ns, os_, _, olen, plain = self._span(npos - 1)
        return os_ + (npos - ns) if plain else os_ + olen
