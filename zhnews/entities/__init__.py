"""Placeholder until the entities extractor lands (see its issue)."""

from ..model import Article, Context


def annotate(article: Article, ctx: Context) -> None:
    return None
