"""Rebuild the search index of a knowledge base from its articles.

Why a command of its own: the index holds tokens, not text, so when the
tokenizer changes (store/tokenize.py's TOKENIZER_VERSION) the old tokens can be
neither searched nor deleted correctly; the base refuses to open until it is
rebuilt. The rebuild reads every article back and indexes it anew in one
transaction: an interrupted rebuild leaves the old index and the old version
mark, never half of each.
"""

from __future__ import annotations

from .base import Store
from .tokenize import TOKENIZER_VERSION

BATCH = 2000  # articles read and indexed at a time (bounded memory)


def reindex(store: Store) -> int:
    """Rebuild the index; returns the number of articles indexed."""
    n = 0
    with store.transaction():
        store.fts_clear()
        last = 0
        while True:
            rows = store.query("SELECT id, headline, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", [last, BATCH])
            if not rows:
                break
            store.fts_insert([(r["id"], r["headline"], r["text"], None) for r in rows])
            n += len(rows)
            last = rows[-1]["id"]
        store.set_meta({"tokenizer_version": TOKENIZER_VERSION})
    return n
