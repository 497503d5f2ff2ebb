"""Loading the data files in zhnews/lexicons/.

Lexicons are data, not code: one entry a line, `#` starts a comment line, a
tab separates columns. Each file's header says where its entries come from.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import ZhnewsError

LEXICON_DIR = Path(__file__).parent / "lexicons"


def _lines(name: str):
    # The whole file in one read and one split (C speed), then the entry test
    # without a stripped copy of every line: ~30 k lines are read at every
    # start-up. Same lines as iterating the file (universal newlines both ways).
    for line in load_text(name).split("\n"):
        c = line[:1]
        if not c or c == "#" or c.isspace() and (line.isspace() or line.lstrip().startswith("#")):
            continue  # blank, or a comment (after any indentation)
        yield line


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Every entry line as written (comments and blank lines left out)."""
    return tuple(_lines(name))


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """First column of every entry, in file order."""
    return tuple(line.split("\t")[0].strip() for line in _lines(name))


def load_text(name: str) -> str:
    """A lexicon file's whole text (for generated tables read in one split)."""
    try:
        return (LEXICON_DIR / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ZhnewsError(f"lexicon {name} is missing from {LEXICON_DIR}; reinstall zhnews") from None


def iter_table(name: str):
    """Every entry split on tabs, read as it goes and not kept (for the large
    word lists whose caller builds its own index)."""
    for line in _lines(name):
        yield tuple(col.strip() for col in line.split("\t"))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry split on tabs."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(name))
