"""How much of a page's entity and statement loss is the layout's.

`zhnews eval` scores a page's facts article by article, matched by headline: an
article the layout misses or splits loses every person, organization and
statement in it, however well the readers read them. This scores the same gold
twice: once as `zhnews eval` does (the whole pipeline on the page text), once
with the article bounds the gold gives (headline, kicker and subheadline as
annotated; the body is the page text from below the article's last heading line
to the next article's first, cut lines, credits and all, so paragraph repair and
byline reading still run as on a page). The difference per field is what layout costs.

    python benchmarks/layout_loss.py [GOLD.json ...]     # default: ../shared/examples

On benchmarks/heldout this reads held-out totals: like `zhnews eval --heldout`,
read the totals, never a page's errors (benchmarks/heldout/README.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import zhnews  # noqa: E402
from zhnews import evaluate  # noqa: E402
from zhnews.extraction import article_from_parts  # noqa: E402
from zhnews.model import Page  # noqa: E402
from zhnews.pipeline import annotate_page  # noqa: E402

FIELDS = ("articles", "byline.reporters", "people", "people.titles", "organizations", "statements",
          "statements.answers", "figures", "figures.indicator")


def _line_end(text: str, at: int) -> int:
    e = text.find("\n", at)
    return len(text) if e < 0 else e


def gold_bounds_page(gold_path: Path) -> dict:
    """The page as the gold's own article bounds cut it, read by the pipeline's
    article builder and annotators (everything but page segmentation)."""
    gold = evaluate.load_gold(gold_path)
    text = evaluate.resolve_input(gold_path, gold).read_text(encoding="utf-8")
    page = Page(input=str(gold_path), published=gold.get("published"), outlet=gold.get("outlet"), format="text")
    # each article's heading lines in page order: where its first one starts, where its last one ends
    spans, at = [], 0
    for g in gold["articles"]:
        first = last = None
        for h in (g.get("kicker"), g.get("headline"), g.get("subheadline")):
            k = text.find(h, at) if h else -1
            if k >= 0:
                first = k if first is None else first
                at = last = _line_end(text, k)
        spans.append((first, last))
    for n, (g, (first, last)) in enumerate(zip(gold["articles"], spans)):
        if last is None:
            continue  # no heading of the gold's found as written (a page opening mid-article): left out
        # the body runs to the next article's first heading line: a closing credit or note after
        # body_ends stays the article's, as on the page
        nxt = next((f for f, _ in spans[n + 1 :] if f is not None), len(text))
        line_start = text.rfind("\n", 0, nxt) + 1 if nxt < len(text) else nxt
        body = text[last:line_start].strip("\n")
        page.articles.append(article_from_parts(g.get("headline") or "", body, kicker=g.get("kicker"),
                                                subheadline=g.get("subheadline"), published=page.published,
                                                outlet=page.outlet))
    annotate_page(page)
    return page.to_dict()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("golds", nargs="*")
    a = ap.parse_args(argv)
    paths = [Path(p) for p in a.golds] or sorted((ROOT.parent / "shared" / "examples").glob("*.gold.json"))
    pipeline = evaluate.evaluate([str(p) for p in paths]).fields
    gold_of_input = {str(evaluate.resolve_input(p, evaluate.load_gold(p))): p for p in paths}
    bounded = evaluate.evaluate([str(p) for p in paths],
                                lambda inp: gold_bounds_page(gold_of_input[inp])).fields
    print(f"{len(paths)} pages: the pipeline on the page text vs the same readers on the gold's article bounds")
    print(f"{'field':<22}{'pipeline':>9}{'gold bounds':>13}{'layout costs':>14}")
    for f in FIELDS:
        if f in pipeline and f in bounded:
            p, b = pipeline[f].value, bounded[f].value
            if p is None or b is None:
                continue
            print(f"{f:<22}{p:>9.3f}{b:>13.3f}{b - p:>+14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
