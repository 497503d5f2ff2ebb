"""Shared by the web tests: a knowledge base built from the real example
pages through the store's own ingest (no hand-made rows)."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
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


class BodyMarks(HTMLParser):
    """Reads the article body's HTML back: the text of the body and, for each
    <mark>, its data-* attributes and the text inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 inside <div class="body">
        self.text = []
        self.open: list[dict] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "mark":
                m = {k[5:]: v for k, v in a.items() if k.startswith("data-")}
                m["content"] = []
                self.open.append(m)
        elif tag == "div" and a.get("class") == "body":
            self.depth = 1
            self.text = []

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if tag == "mark":
            m = self.open.pop()
            m["content"] = "".join(m["content"])
            self.marks.append(m)

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            for m in self.open:
                m["content"].append(data)


def parse_body(html: str) -> BodyMarks:
    p = BodyMarks()
    p.feed(html)
    return p
