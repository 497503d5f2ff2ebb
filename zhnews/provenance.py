"""What made a record: the zhnews version and a fingerprint of its models and
lexicons.

Why: every improvement of the extractor changes what a page yields, and a
knowledge base built over months holds pages made by many versions. Each stored
page records `extractor_id()`, so `zhnews ingest --reextract outdated` can redo
exactly the pages an older extractor made, and a user can tell which numbers
came from which version. The fingerprint covers the data files (a retrained
model or a lexicon entry changes output as much as code does); the version
string covers the code.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__

PKG = Path(__file__).resolve().parent
# Data that decides extraction output: trained weights and lexicons.
DATA_DIRS = ("models", "lexicons")
FINGERPRINT_CHARS = 12  # enough to tell releases and retrainings apart


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """sha256 over the names and bytes of every model and lexicon file."""
    h = hashlib.sha256()
    for d in DATA_DIRS:
        for p in sorted((PKG / d).rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                h.update(str(p.relative_to(PKG)).encode("utf-8") + b"\0")
                h.update(p.read_bytes())
    return h.hexdigest()[:FINGERPRINT_CHARS]


def extractor_id() -> str:
    """"0.4.0+1a2b3c4d5e6f": the version and the data fingerprint."""
    return f"{__version__}+{data_fingerprint()}"
