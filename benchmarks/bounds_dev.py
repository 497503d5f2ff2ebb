"""Body bounds on held-out-style pages, against hand-annotated starts and ends (issue 13).

benchmarks/joins_dev.py reads body bounds from construction: the first paragraph
after the dateline formula, the last paragraph after credits that zhnews's own
patterns know. That cannot tell a deck line, a picture caption, a 本报记者 line
or a 责编 line zhnews does not know from body text. Here the bounds are read by
a person, as ANNOTATION.md item 1 says (`body_starts`: the first characters of
the body after the byline formula and after deck/summary lines; `body_ends`: the
last characters of the article before closing credits, photo credits, editor
lines), in benchmarks/bounds_dev_gold.jsonl, written from the records' text
before zhnews read them (a 【column】 tag opening a body is body, the held-out
annotators' convention, benchmarks/heldout/README.md).

Records: news-unlabeled.jsonl (the genres the held-out pages draw on), dated,
of the held-out builder's lengths (up to MAX_LEN characters), none a held-out
page was built from (orgs_recall.heldout_tails()); PER_GENRE drawn a genre by a
seeded shuffle, split in two halves by the same shuffle: `dev` (errors may be
read and rules written from it) and `check` (totals only). Pages are printed by
the held-out builder (build_pages.render: one genre a page, PER_PAGE articles,
blank lines, a share of long paragraphs cut once), RENDERS arrangements each.

    python benchmarks/bounds_dev.py --list [--half dev|check]     # records to annotate (no zhnews)
    python benchmarks/bounds_dev.py [--half dev|check|both] [--misses]   # --misses: dev only
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "heldout"))

import build_pages  # noqa: E402
import orgs_recall  # noqa: E402

GOLD = HERE / "bounds_dev_gold.jsonl"
SEED = 1314
PER_GENRE = 10  # records a genre (fewer where the genre has fewer unseen ones)
PER_PAGE = 4    # the held-out pages hold 4-6 articles
RENDERS = 3     # arrangements of each half: other neighbours and other cuts
MAX_LEN = 2600  # as build_pages.MAX_LEN_TRANSCRIPT: a page, not a book


def key_of(r: dict) -> str:
    return f"{r['source']}|{r.get('date')}|{r['title'].strip()}"


def records(half: str) -> list[dict]:
    """The records of one half, each genre's drawn in a seeded order."""
    tails = orgs_recall.heldout_tails()
    by_source: dict[str, list[dict]] = {}
    for r in build_pages.distinct([r for rs in build_pages.load().values() for r in rs]):
        paras = build_pages.clean_paragraphs(r)
        if (paras and r.get("date") and build_pages.MIN_LEN <= build_pages.article_len(r) <= MAX_LEN
                and "".join(paras)[-40:] not in tails):
            by_source.setdefault(r["source"], []).append(r)
    rng = random.Random(SEED)
    out = []
    for source in sorted(by_source):
        pool = sorted(by_source[source], key=key_of)
        rng.shuffle(pool)
        pool = pool[:PER_GENRE]
        out += pool[0::2] if half == "dev" else pool[1::2]
    return out


def read_gold() -> dict[str, dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return {g["key"]: g for g in map(json.loads, (ln for ln in fh if ln.strip() and not ln.startswith("#")))}


def list_records(half: str) -> None:
    for r in records(half):
        p = build_pages.clean_paragraphs(r)
        print(f"== {key_of(r)}  (n={len(p)})")
        for q in p[:2]:
            print("   F|", q[:90])
        for q in p[-2:]:
            print("   L|", q[-70:])


def pages(half: str, folder: Path) -> list[Path]:
    gold = read_gold()
    by_source: dict[str, list[dict]] = {}
    for r in records(half):
        if key_of(r) in gold:
            by_source.setdefault(r["source"], []).append(r)
    rng = random.Random(f"{SEED}-{half}")
    paths = []
    for k in range(RENDERS):
        for g, source in enumerate(sorted(by_source)):
            pool = by_source[source][:]
            rng.shuffle(pool)
            for i in range(0, len(pool), PER_PAGE):
                recs = pool[i : i + PER_PAGE]
                text, articles = build_pages.render(recs, rng)
                for a, r in zip(articles, recs):
                    a["body_starts"] = gold[key_of(r)]["body_starts"]
                    a["body_ends"] = gold[key_of(r)]["body_ends"]
                name = f"{half}-{k}-{g:02d}-{i // PER_PAGE}"
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
                page = {"input": f"{name}.txt", "published": recs[-1]["date"], "outlet": None, "articles": articles}
                path = folder / f"{name}.gold.json"
                path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
                paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("dev", "check", "both"), default="both")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    halves = ("dev", "check") if args.half == "both" else (args.half,)
    if args.list:
        for half in halves:
            list_records(half)
        return 0
    from zhnews import evaluate

    for half in halves:
        with tempfile.TemporaryDirectory() as tmp:
            paths = pages(half, Path(tmp))
            report = evaluate.evaluate([str(p) for p in paths])
            print(f"bounds_dev {half}: {len(paths)} pages ({RENDERS} arrangements)")
            for name in ("articles", "body.bounds", "body.joins"):
                s = report.fields[name]
                print(f"  {name:<12} {s.value:.3f}  (n={s.n})")
            print(f"  false joins  {report.false_joins}")
            if args.misses:
                if half != "dev":
                    print("  (misses are listed for the dev half only)")
                else:
                    for name in ("body.bounds", "body.joins", "articles"):
                        print(evaluate.format_misses(report, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
