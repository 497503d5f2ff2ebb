"""Loading the data files in zhnews/lexicons/.

Lexicons are data, not code: one entry a line, `#` starts a comment line, a
tab separates columns. Each file's header says where its entries come from.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


def _lines(name: str):
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield line


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """First column of every entry, in file order."""
    return tuple(line.split("\t")[0].strip() for line in _lines(name))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry split on tabs."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(name))
