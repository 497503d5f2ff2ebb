"""Shared by the web tests: a knowledge base built from the real example
pages through the store's own ingest (no hand-made rows)."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_DIRS = [REPO / "examples", Path("/work/shared/examples")]


def example_pages() -> list[Path]:
    seen: dict[str, Path] = {}
    for d in EXAMPLE_DIRS:
        if d.is_dir():
            for p in sorted(d.glob("*.txt")):
                seen.setdefault(p.name, p)
    return list(seen.values())


def build_db(folder: Path) -> Path:
    """Ingest every example page into folder/kb.db (a fresh copy of the pages,
    so the test never depends on where the examples live)."""
    from zhnews.store.ingest import ingest

    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for p in example_pages():
        shutil.copy(p, pages / p.name)
    db = folder / "kb.db"
    report = ingest([str(pages)], db=str(db), jobs=1, progress=False)
    assert report.pages >= 1 and not report.errors, report.as_dict()
    return db
