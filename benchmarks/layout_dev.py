"""Development pages for the layout: built like the held-out ones, from the
articles the held-out set did not take.

benchmarks/heldout/ is blind: its errors are never read. Layout work needs pages
of the same genres whose errors *can* be read, and this builds them: the same
page builder (benchmarks/heldout/build_pages.py: one genre a page, column cuts,
kicker/headline/subheadline lines) on the rest of news-unlabeled.jsonl, with
another seed. Only the fields that construction knows are scored: articles
(headlines), body ends, joins and false joins. (Body starts are not: for dated
articles construction does not know where the byline formula ends.)

    python benchmarks/layout_dev.py [--pages-per-genre 3] [--misses] [--keep DIR] [--seed N]
    python benchmarks/layout_dev.py --long-titles [--misses] [--seed N]
    python benchmarks/layout_dev.py --undated [--misses] [--seed N]
    python benchmarks/layout_dev.py --seeds 1001-1012 [--misses] [--undated|--long-titles]

`--seeds A-B` builds the pages of every seed from A to B and prints one line a
seed and the totals pooled over them (joins and false joins are counted, not
averaged): one arrangement holds few joins of a kind, many show which kinds
matter. With `--misses` each seed's misses follow its line, headed by the seed.

`--undated` builds pages of UNDATED_PER_PAGE articles, one genre a page, from the
genres that print neither datelines nor closing credits (commentary, economy,
CNKI, 光明日报; UNDATED_GENRES), each article with no dateline in its first two
paragraphs and no closing credit or author note at its end: nothing but the
headlines themselves says where one article ends and the next begins (issue 13:
five articles of such a page came out as two). Every such article is used once.

`--long-titles` builds pages around the articles whose headline is longer than
`layout.MAX_HEADING_CHARS` (外交部 答记者问, leadership news; issue 13), of any
length and with or without a date, which the pages above mostly leave out: each
alone on a page (as a 外交部 transcript is) and each again at a random place
among LONG_NEIGHBOURS other articles of its genre; news-unlabeled.jsonl without
the held-out articles, and the 人民日报 archive.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "heldout"))

import build_pages  # noqa: E402

from zhnews import evaluate  # noqa: E402
from zhnews.line_roles_train import training_records  # noqa: E402

SEED = 4242
PER_PAGE = (3, 6)
FIELDS = ("articles", "body.joins", "headline.kicker", "headline.subheadline")
RMRB = HERE.parents[1] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
LONG_NEIGHBOURS = (1, 4)  # other articles on a page with a long headline
LONG_MAX_LEN = 2600       # as build_pages.MAX_LEN_TRANSCRIPT: a page, not a book
UNDATED_GENRES = ("中国共产党新闻网/人民网 zypl", "中国共产党新闻网/人民网 jjsh", "CNKI 报纸", "光明日报")
UNDATED_PER_PAGE = (4, 6)  # "several short articles in a row"


def build(folder: Path, pages_per_genre: int, seed: int = SEED) -> list[Path]:
    rng = random.Random(seed)
    by_source: dict[str, list[dict]] = {}
    for r in training_records():
        if r.get("date") and build_pages.MIN_LEN <= build_pages.article_len(r) <= 2600:
            by_source.setdefault(r["source"], []).append(r)
    golds = []
    for g, source in enumerate(sorted(by_source)):
        pool = build_pages.distinct(by_source[source])
        rng.shuffle(pool)
        k = 0
        for p in range(pages_per_genre):
            n = rng.randint(*PER_PAGE)
            records = pool[k : k + n]
            k += n
            if not records:
                break
            golds.append(_write(folder, f"dev-{g:02d}-{p}", records, rng, records[-1]["date"]))
    return golds


def _write(folder: Path, name: str, records: list[dict], rng: random.Random, published: str | None) -> Path:
    """A page of these records and its gold skeleton; the gold file's path."""
    text, articles = build_pages.render(records, rng)
    for a in articles:
        a.pop("body_starts")  # construction does not know where a byline formula ends
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = {"input": f"{name}.txt", "published": published, "outlet": None, "articles": articles}
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def _undated(r: dict) -> bool:
    """No dateline opens the article and no credit or author note closes it."""
    from zhnews.byline import TRAILING_CREDIT_RE, match_dateline, parse_author_note, parse_closing_credit
    from zhnews.layout import AUTHOR_NOTE_LINE_RE

    paras = build_pages.clean_paragraphs(r)
    last = paras[-1]
    return not (any(match_dateline(p) for p in paras[:2]) or parse_closing_credit(last) or parse_author_note(last)
                or TRAILING_CREDIT_RE.search(last) or AUTHOR_NOTE_LINE_RE.match(last))


def build_undated(folder: Path, pages_per_genre: int, seed: int = SEED) -> list[Path]:
    """Pages of the undated genres: several articles a page with no dateline or credit."""
    rng = random.Random(seed)
    by_source: dict[str, list[dict]] = {}
    for r in training_records():
        if r["source"] in UNDATED_GENRES and build_pages.MIN_LEN <= build_pages.article_len(r) <= 2600 and _undated(r):
            by_source.setdefault(r["source"], []).append(r)
    golds = []
    for g, source in enumerate(sorted(by_source)):
        pool = build_pages.distinct(by_source[source])
        rng.shuffle(pool)
        k = p = 0
        while k < len(pool) and p < pages_per_genre:
            n = rng.randint(*UNDATED_PER_PAGE)
            records = pool[k : k + n]
            k += n
            golds.append(_write(folder, f"undated-{g:02d}-{p}", records, rng, records[-1].get("date")))
            p += 1
    return golds


def build_long_titles(folder: Path, seed: int = SEED) -> list[Path]:
    """Pages with a headline longer than layout.MAX_HEADING_CHARS: each such
    article alone, and again among other articles of its genre."""
    from zhnews.layout import MAX_HEADING_CHARS

    rng = random.Random(seed)
    records = training_records()
    with RMRB.open(encoding="utf-8") as fh:
        records += [{**r, "source": "rmrb"} for r in map(json.loads, fh)
                    if not r["title"].startswith("本版责编")]
    by_source: dict[str, list[dict]] = {}
    for r in build_pages.distinct(records):
        if build_pages.clean_paragraphs(r) and build_pages.article_len(r) <= LONG_MAX_LEN:
            by_source.setdefault(r["source"], []).append(r)
    golds = []
    for g, source in enumerate(sorted(by_source)):
        pool = by_source[source]
        long = [r for r in pool if len(r["title"].strip()) > MAX_HEADING_CHARS]
        short = [r for r in pool if len(r["title"].strip()) <= MAX_HEADING_CHARS]
        for k, r in enumerate(long):
            golds.append(_write(folder, f"long-{g:02d}-{k}-alone", [r], rng, r.get("date")))
            page = rng.sample(short, min(len(short), rng.randint(*LONG_NEIGHBOURS)))
            page.insert(rng.randint(0, len(page)), r)
            golds.append(_write(folder, f"long-{g:02d}-{k}-among", page, rng, r.get("date")))
    return golds


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages-per-genre", type=int, default=3)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--keep", help="write the pages here instead of a temporary folder")
    ap.add_argument("--long-titles", action="store_true",
                    help="pages around the articles with a headline longer than layout.MAX_HEADING_CHARS")
    ap.add_argument("--undated", action="store_true",
                    help="pages of several articles with no dateline or credit (commentary, economy, CNKI, 光明日报)")
    ap.add_argument("--seed", type=int, default=SEED,
                    help="another arrangement of the same articles (other neighbours and column cuts): "
                         "a rule found on one arrangement is checked on others")
    ap.add_argument("--seeds", help="A-B: every seed from A to B, one line a seed and the pooled totals")
    args = ap.parse_args(argv)
    if args.seeds:
        return _many_seeds(args)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        golds = _build(args, folder, args.seed)
        report = evaluate.evaluate([str(g) for g in golds])
        n_articles = sum(len(json.loads(g.read_text(encoding="utf-8"))["articles"]) for g in golds)
        print(f"development layout pages{' (long headlines)' if args.long_titles else ' (undated)' if args.undated else ''}: {len(golds)} pages, {n_articles} articles")
        for name in FIELDS:
            s = report.fields[name]
            print(f"  {name:<22} {s.value if s.value is not None else float('nan'):.3f}  (n={s.n})")
        print(f"  body.false_joins       {report.false_joins}")
        if args.misses:
            print(evaluate.format_misses(report, "articles"))
            print(evaluate.format_misses(report, "body.joins"))
    return 0


def _build(args, folder: Path, seed: int) -> list[Path]:
    if args.long_titles:
        return build_long_titles(folder, seed)
    if args.undated:
        return build_undated(folder, args.pages_per_genre if args.pages_per_genre != 3 else 99, seed)
    return build(folder, args.pages_per_genre, seed)


def _many_seeds(args) -> int:
    """`--seeds A-B`: a line a seed, then the totals pooled over the seeds."""
    first, _, last = args.seeds.partition("-")
    seeds = range(int(first), int(last or first) + 1)
    pooled: dict[str, evaluate.Score] = {}
    false_joins = n_articles = n_pages = 0
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(args.keep or tmp) / str(seed)
            folder.mkdir(parents=True, exist_ok=True)
            golds = _build(args, folder, seed)
            report = evaluate.evaluate([str(g) for g in golds])
        n_pages += len(golds)
        n_articles += report.fields["articles"].gold_total
        false_joins += report.false_joins
        for name in FIELDS:
            pooled.setdefault(name, evaluate.Score(kind=report.fields[name].kind)).add(report.fields[name])
        print(f"seed {seed}: " + "  ".join(f"{name} {report.fields[name].value:.3f}" for name in FIELDS[:2])
              + f"  false_joins {report.false_joins}")
        if args.misses:
            print(evaluate.format_misses(report, "articles"))
            print(evaluate.format_misses(report, "body.joins"))
    print(f"pooled over seeds {seeds.start}-{seeds.stop - 1}: {n_pages} pages, {n_articles} articles")
    for name in FIELDS:
        s = pooled[name]
        print(f"  {name:<22} {s.value if s.value is not None else float('nan'):.3f}  (n={s.n})")
    print(f"  body.false_joins       {false_joins}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
