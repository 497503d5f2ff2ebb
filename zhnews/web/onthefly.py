"""A pasted or uploaded page: extracted in the request, stored only on request.

The request's bytes go to the extractor as bytes or text, never as a path:
`zhnews.extract(str)` reads a file when the string names one, so pasted
"/etc/passwd" must not reach it. The upload's file name is reduced to a bare
name and used only as a label (and for the date/outlet hints a file name
gives, as on the command line).
"""

from __future__ import annotations

import hashlib
import os
import re

from ..errors import ZhnewsError

# Longest label kept from an uploaded file name.
MAX_NAME_CHARS = 120
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]+")


class UploadError(ZhnewsError):
    pass


def safe_name(name: str | None) -> str | None:
    """'C:\\x\\..\\rmrb-2026-01-29.txt' → 'rmrb-2026-01-29.txt' (a label, never opened)."""
    if not name:
        return None
    base = re.split(r"[/\\]", str(name))[-1]
    base = _UNSAFE_NAME.sub("", base).strip().lstrip(".")
    return base[:MAX_NAME_CHARS] or None


# PNG, JPEG and TIFF files start so, whatever a browser names them.
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def _kind(data: bytes, name: str | None) -> str:
    """An upload's format: its content when that says (a browser may send no
    useful name), else its name's suffix among the registered formats."""
    from .. import formats

    head = data[:1024].lstrip().lower()
    if data[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(IMAGE_MAGIC):
        return "image"  # a scanned page: OCR
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    suffix = os.path.splitext((name or "").lower())[1]
    return formats.kind_of(suffix) or "text"


def extract_bytes(data: bytes, name: str | None = None, date: str | None = None, outlet: str | None = None):
    """Bytes of a page (text in any encoding, e-paper HTML, PDF) → Page."""
    from ..extraction import extract_text
    from ..read import decode

    if not data.strip():
        raise UploadError("the page is empty: paste its text or choose a file")
    name = safe_name(name)
    kind = _kind(data, name)
    label = name or "<pasted page>"
    if kind != "text":
        from .. import formats

        try:
            reader = formats.reader(kind)
        except ImportError:
            raise UploadError(f"{label}: {kind.upper()} pages cannot be read by this build; paste the page's text") from None
        return reader(data, name=name, date=date, outlet=outlet)
    text, encoding = decode(data, label)
    return extract_text(text, name=name, date=date, outlet=outlet, encoding=encoding)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_page(db: str, data: bytes, page_dict: dict, name: str | None, lock) -> dict:
    """Write one extracted page into the base (one transaction, one writer at
    a time); the same content twice is stored once."""
    from ..store import open_store
    from ..store.people import Consolidator
    from ..store.writer import write_page

    digest = content_hash(data)
    source = f"upload:{digest[:16]}" + (f":{safe_name(name)}" if safe_name(name) else "")
    with lock:
        store = open_store(db, readonly=False)
        try:
            existing = store.scalar("SELECT id FROM pages WHERE content_hash = ?", [digest])
            created = existing is None
            if created:
                with store.transaction():
                    write_page(store, Consolidator(store), source, digest, page_dict)
                page_id = store.scalar("SELECT id FROM pages WHERE source = ?", [source])
            else:
                page_id = existing
            ids = [r["id"] for r in store.query("SELECT id FROM articles WHERE page_id = ? ORDER BY seq", [page_id])]
        finally:
            store.close()
    return {"page_id": page_id, "article_ids": ids, "created": created}
