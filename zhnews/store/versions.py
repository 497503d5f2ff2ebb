"""What a knowledge base was built with, checked when it is opened.

Two things make an old base wrong for new code without anyone noticing: a
schema the code no longer writes (migrated here, step by step, in one
transaction, from the versions `schema.MIGRATIONS` knows), and a search index
built by another tokenizer (its tokens no longer match the queries, and rows
can no longer be deleted from a contentless index: refused until
`zhnews ingest --reindex` rebuilds it). Read-only opens never write: an older
schema is read as it is (no query of the reader needs the new columns).
"""

from __future__ import annotations

from datetime import datetime, timezone

from . import schema
from .base import Store, StoreError
from .reindex import reindex as rebuild_index
from .tokenize import TOKENIZER_VERSION

# The tokenizer every base of schema 1 was built with (character bigrams plus a
# trailing unigram, no traditional → simplified fold: zhnews.store.tokenize as of 0.2.0).
SCHEMA_1_TOKENIZER = "1"


def set_meta(store: Store, items: dict[str, str]) -> None:
    store.set_meta(items)


def initial_meta() -> dict[str, str]:
    return {"schema_version": schema.SCHEMA_VERSION, "tokenizer_version": TOKENIZER_VERSION,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def check(store: Store, readonly: bool, reindex: bool = False) -> None:
    """Migrate an older schema (writable opens) and refuse a search index of
    another tokenizer unless the caller is about to rebuild it."""
    version = store.meta().get("schema_version")
    steps = schema.migration_steps(version)
    if steps is None:
        raise StoreError(f"{store.location} has zhnews schema version {version}; this zhnews "
                         f"({schema.SCHEMA_VERSION}) reads it and migrates from "
                         f"{', '.join(sorted(schema.MIGRATIONS)) or 'none'} — use the zhnews that made it")
    if steps and not readonly:
        with store.transaction():
            for step in steps:
                for stmt in step:
                    store.execute(schema.for_backend(stmt, store.backend))
            meta = {"schema_version": schema.SCHEMA_VERSION, "migrated_from": str(version),
                    "migrated_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            if "tokenizer_version" not in store.meta():
                meta["tokenizer_version"] = SCHEMA_1_TOKENIZER
            set_meta(store, meta)
        if store.meta().get("tokenizer_version") != TOKENIZER_VERSION:
            # a base being migrated is rewritten anyway: its index is rebuilt with
            # today's tokens too (its own transaction; if killed in between, the
            # next open asks for --reindex)
            rebuild_index(store)
    tok = store.meta().get("tokenizer_version") or SCHEMA_1_TOKENIZER
    if tok != TOKENIZER_VERSION and not reindex:
        raise StoreError(f"{store.location}: its search index was built with tokenizer {tok}, this zhnews "
                         f"tokenizes with {TOKENIZER_VERSION}; searches would miss and deletes would corrupt it. "
                         f"Rebuild it: zhnews ingest --reindex --db {store.location}")
