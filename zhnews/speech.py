"""Placeholder until the speech extractor lands (see its issue)."""

from .model import Article, Context


def annotate(article: Article, ctx: Context) -> None:
    return None
