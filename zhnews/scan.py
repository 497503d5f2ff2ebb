"""`pattern.finditer(text)`, faster for patterns whose matches all start with one
of a few characters.

Python's `re` finds where a match may start with a fast scan only when every
alternative of the pattern opens with a literal or a class; an alternation of
named groups (FIGURE_RE, lists' markers) is instead tried whole at every
position. `finditer_from` jumps with a one-character class (scanned at C speed)
to the positions where a match can start and tries the pattern there alone: on
the 人民日报 archive 4 % of the characters, 3–4× less time than the scan.
"""

from __future__ import annotations

from . import recache as re
from typing import Iterator


def finditer_from(pattern: re.Pattern, first: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text), when every match of `pattern` starts
    with a character `first` (a one-character class) matches and none is empty.
    pattern.match(text, i) sees the text before i (lookbehinds) as finditer does."""
    search, match = first.search, pattern.match
    pos = 0
    while True:
        c = search(text, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > c.start() else c.start() + 1  # (never loop on an empty match)
