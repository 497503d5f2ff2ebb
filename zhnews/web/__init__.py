"""Web UI and JSON API over the knowledge base (`zhnews serve`).

    >>> from zhnews.web import create_app
    >>> app = create_app("zhnews.db")           # read-only
"""

from __future__ import annotations


def create_app(db: str, token: str | None = None, read_only: bool = True):
    from .app import create_app as _create

    return _create(db, token=token, read_only=read_only)


__all__ = ["create_app"]
