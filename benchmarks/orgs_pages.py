"""Organizations of the hand-annotated sets read from pages, as the held-out set reads them.

`orgs_recall.py` extracts each annotated article alone (a record: headline and
paragraphs known), so it measures the organization finder. The held-out pages are
whole pages (benchmarks/heldout/build_pages.py: articles of one genre, a unit a line,
a share of long paragraphs cut where a column would end) where the reader must
first find the articles; an article missed, split or merged takes its organizations
with it. This script renders each set's articles the same way (build_pages.render,
one genre to a page, PER_PAGE articles, the set's own dev/check halves kept apart),
writes the pages and gold files (organizations only) to a temporary directory and
scores them with `zhnews.evaluate`: organizations and articles, per set and half.

    .venv/bin/python benchmarks/orgs_pages.py [--set 1 2 3 4] [--misses]   # --misses: dev halves only
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402

from zhnews import evaluate  # noqa: E402

PER_PAGE = 4  # the held-out pages hold 4-6 articles; 4 keeps a genre's few articles on whole pages
SEED = 1405


def write_pages(set_no: int, split: str, out: Path, rng: random.Random) -> list[Path]:
    """The pages of one half of one set, as (page, gold) files in `out`; the gold paths."""
    bp = orgs_recall.build_pages()
    gold = orgs_recall.read_gold(orgs_recall.SETS[set_no][0])
    recs = [dict(r, title=r.get("title") or "", source=r.get("source", "rmrb"))
            for r in orgs_recall.select_set(set_no) if orgs_recall.key_of(r) in gold and r["_split"] == split]
    by_source: dict[str, list[dict]] = {}
    for r in recs:
        by_source.setdefault(r["source"], []).append(r)
    paths = []
    for source in sorted(by_source):
        group = by_source[source]
        for i in range(0, len(group), PER_PAGE):
            page = group[i : i + PER_PAGE]
            text, articles = bp.render(page, rng)
            for a, r in zip(articles, page):
                a["organizations"] = gold[orgs_recall.key_of(r)]["organizations"]
            name = f"set{set_no}-{split}-{len(paths)}"
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
            doc = {"input": f"{name}.txt", "published": (page[0].get("date") or "2026-01-01")[:10], "outlet": None,
                   "articles": articles}
            path = out / f"{name}.gold.json"
            path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
            paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=int, nargs="+", choices=sorted(orgs_recall.SETS), default=sorted(orgs_recall.SETS))
    ap.add_argument("--misses", action="store_true", help="list organization misses of the dev halves")
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.set:
            for split in ("dev", "check"):
                rep = evaluate.evaluate([str(p) for p in write_pages(n, split, Path(tmp), rng)])
                fields = rep.fields
                o, a = fields["organizations"], fields["articles"]
                print(f"set {n} {split}: articles F1 {a.f1:.3f}  organizations gold {o.gold_total}  "
                      f"P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}")
                if args.misses and split == "dev":
                    print(evaluate.format_misses(rep, "organizations"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
