"""The order of the stages.

Reading and layout turn source bytes into articles; then each annotator takes
one article (and the page context) and adds its items in place. Annotators run
in this order because later ones read what earlier ones found: speech needs the
people, lists attach to statements, figures are independent.
"""

from __future__ import annotations

from . import entities, figures, lists, speech
from .model import Article, Context, Page

ANNOTATORS = (
    entities.annotate,
    speech.annotate,
    lists.annotate,
    figures.annotate,
)


def annotate_article(article: Article, ctx: Context) -> Article:
    for stage in ANNOTATORS:
        stage(article, ctx)
    return article


def annotate_page(page: Page) -> Page:
    ctx = Context(published=page.published, outlet=page.outlet, page=page)
    for article in page.articles:
        annotate_article(article, ctx)
    return page
