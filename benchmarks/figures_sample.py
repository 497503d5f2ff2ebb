"""Print the figures of a seeded random sample of unseen 人民日报 articles for a person to judge.

The figure rules were tuned on the example pages; this shows what they do on
articles nobody tuned them on. Each figure is printed with its sentence, the
indicator, the period and the qualifier, so a reader can mark it right or wrong
(benchmarks/figures_silver.tsv holds such judgments; `--score` compares the
current output with it).

    .venv/bin/python benchmarks/figures_sample.py [--n 40] [--seed 7] [--tsv]
    .venv/bin/python benchmarks/figures_sample.py --score benchmarks/figures_silver.tsv
    .venv/bin/python benchmarks/figures_sample.py --score benchmarks/figures_test.tsv --lenient

figures_silver.tsv is what the indicator rules were tuned on (a dev set);
figures_test.tsv was judged later and is only scored, never tuned on.

`--genres` does the same for the other genres of ../shared/data/news-unlabeled.jsonl
(leadership news, 会见 reports, commentary, 外交部 transcripts, 新民晚报, CNKI,
光明日报, 新华社 …; not 政府工作报告), leaving out every record a held-out page
was built from (benchmarks/orgs_recall.py's `heldout_tails`). Its articles are
split dev/check by the seeded draw (the TSV's 6th column keeps each row's half,
since a later draw with other rules may pick other articles): study errors on dev
only, read check as totals.

    .venv/bin/python benchmarks/figures_sample.py --genres [--tsv]
    .venv/bin/python benchmarks/figures_sample.py --genres --score benchmarks/figures_genres.tsv --lenient --split dev
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from zhnews.errors import InputError
from zhnews.evaluate import indicator_match
from zhnews.extraction import extract_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402  (held-out records to leave out, record keys)

CORPUS = Path("/work/shared/data/rmrb-2026-01-unlabeled.jsonl")
GENRE_CORPUS = Path("/work/shared/data/news-unlabeled.jsonl")
SILVER = Path(__file__).with_name("figures_silver.tsv")
GENRE_SEED = 41
# A second draw (seed 42, 3 articles a genre) leaving out the first's articles: more
# text to study once the first dev half was nearly all right; a third and fourth (seeds
# 43, 44) once the first two dev halves were (.968, figures14f).
GENRE_MORE = ((42, 3), (43, 3), (44, 3))
# Articles of each genre and the figures one may hold: enough genres and
# articles for ~150 figures that a person can judge by reading every sentence
# (a 外交部 transcript or an economic feature holding 40 figures would be half the set).
GENRE_ARTICLES = 4
GENRE_MAX_FIGURES = 10
_SENT_END = re.compile(r"[。！？!?；;\n]")


def sentence_of(text: str, start: int, end: int) -> str:
    s = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    return text[s : m.end() if m else len(text)]


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample(records: list[dict], n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return rng.sample(records, min(n, len(records)))


def figures_of(record: dict):
    """(key, article text, figure) for every figure of one record; the key is
    the url, or source|date|title for records without one."""
    try:
        page = extract_record(record)
    except InputError:
        return
    for article in page.articles:
        for f in article.figures:
            yield orgs_recall.key_of(record), article.text, f


def genre_records() -> list[dict]:
    """Every record of GENRE_CORPUS no held-out page was built from: what a
    judged TSV's keys are looked up in (its 6th column holds each row's half,
    as the draw that printed it gave it)."""
    banned = orgs_recall.heldout_tails()
    return [r for r in load(GENRE_CORPUS) if orgs_recall.body(r)[-40:] not in banned]


def genre_sample() -> list[dict]:
    """The articles of every draw (genre_draw), each with its `_split`. A draw
    keeps articles by how many figures the rules of the day find in them, so it
    moves when the rules do: the judged rows keep the half their draw gave them."""
    out = genre_draw(GENRE_SEED, GENRE_ARTICLES)
    for seed, per_genre in GENRE_MORE:
        out += genre_draw(seed, per_genre, frozenset(orgs_recall.body(r)[-40:] for r in out))
    return out


def genre_draw(seed: int, per_genre: int, exclude: frozenset[str] = frozenset()) -> list[dict]:
    """`per_genre` articles of every genre of GENRE_CORPUS holding 1 to
    GENRE_MAX_FIGURES figures, none a held-out page was built from nor one whose
    last 40 body characters are in `exclude`, each with its `_split` (dev/check
    alternating in the seeded draw)."""
    banned = orgs_recall.heldout_tails() | exclude
    rng = random.Random(seed)
    records = [r for r in load(GENRE_CORPUS)
               if r["source"] not in orgs_recall.SKIP_SOURCES and orgs_recall.body(r)[-40:] not in banned]
    out, seen = [], set()
    for source in sorted({r["source"] for r in records}):
        pool = [r for r in records if r["source"] == source]
        rng.shuffle(pool)
        taken = 0
        for r in pool:
            tail = orgs_recall.body(r)[-40:]
            if taken == per_genre or tail in seen:
                continue
            if 1 <= len(list(figures_of(r))) <= GENRE_MAX_FIGURES:
                seen.add(tail)
                out.append(dict(r, _split="dev" if len(out) % 2 == 0 else "check"))
                taken += 1
    return out


def show(records: list[dict], tsv: bool) -> None:
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n") if tsv else None
    if out:
        out.writerow(["url", "figure", "start", "indicator", "sentence"])
    for rec in records:
        rows = list(figures_of(rec))
        if not rows:
            continue
        if not out:
            print(f"\n=== {rec.get('title')}  {orgs_recall.key_of(rec)}  {rec.get('_split', '')}")
        for url, text, f in rows:
            sent = sentence_of(text, f.start, f.end)
            if out:
                out.writerow([url, f.text, f.start, f.indicator or "", sent])
                continue
            print(f"  [{f.text}] value={f.value} unit={f.unit!r} qual={f.qualifier} "
                  f"ind={f.indicator!r} period={f.period!r}")
            print(f"      {sent}")


def score(silver: Path, records: list[dict], verbose: bool = True, lenient: bool = False,
          split: str | None = None) -> dict:
    """Precision of is_figure and of indicators against a hand-judged silver file.

    Silver rows: url, figure text, occurrence, is_figure (0/1), acceptable
    indicators separated by '|' ('-' = no indicator is right). A figure is keyed
    by its text and how often that text was written before it in the article,
    so the key does not move when other figures come or go. Indicators are
    counted three ways: right, none (missing where one was wanted) and junk
    (present and wrong: the worst case for a reader).
    """
    by_url = {orgs_recall.key_of(r): r for r in records}
    judged: dict[tuple[str, str, int], tuple[int, list[str]]] = {}
    urls: list[str] = []
    with open(silver, encoding="utf-8") as fh:
        for row in csv.reader((l for l in fh if not l.startswith("#")), delimiter="\t"):
            if not row or row[0] == "url":
                continue
            url, ftext, occ, is_fig, good, half = (row + [""] * 6)[:6]
            if split and half != split:
                continue
            judged[(url, ftext, int(occ))] = (int(is_fig), good.split("|") if good else [])
            if url not in urls:
                urls.append(url)
    n_pred = n_fig = n_ind = right = none = junk = unjudged = 0
    found: set = set()
    lines = []
    for url in urls:
        rec = by_url.get(url)
        if rec is None:
            continue
        for _, text, f in figures_of(rec):
            key = (url, f.text, text.count(f.text, 0, f.start))
            sent = sentence_of(text, f.start, f.end)[:70]
            if key not in judged:
                unjudged += 1
                lines.append(f"unjudged: {f.text} ind={f.indicator!r}  {sent}")
                continue
            is_fig, goods = judged[key]
            n_pred += 1
            if not is_fig:
                lines.append(f"not a figure: {f.text}  {sent}")
                continue
            n_fig += 1
            found.add(key)
            n_ind += 1
            pred = f.indicator or "-"
            if pred in goods or (lenient and pred != "-" and any(g != "-" and indicator_match(g, pred) for g in goods)):
                right += 1
            elif pred == "-":
                none += 1
                lines.append(f"no indicator: {f.text} silver={'|'.join(goods)!r}  {sent}")
            else:
                junk += 1
                lines.append(f"junk indicator: {f.text} pred={pred!r} silver={'|'.join(goods)!r}  {sent}")
    judged = {k: v for k, v in judged.items() if k[0] in by_url}
    urls = [u for u in urls if u in by_url]
    n_true = sum(1 for v in judged.values() if v[0] == 1)
    result = {
        "judged": len(judged), "true_figures": n_true, "predicted": n_pred,
        "is_figure_precision": n_fig / max(n_pred, 1), "recall": len(found) / max(n_true, 1),
        "indicator_right": right / max(n_ind, 1), "indicator_none": none / max(n_ind, 1),
        "indicator_junk": junk / max(n_ind, 1), "unjudged": unjudged,
    }
    if verbose:
        for line in lines:
            print(line)
        print()
    print(f"silver: {len(judged)} judged figures ({n_true} true) in {len(urls)} articles")
    print(f"is_figure precision {n_fig}/{n_pred} = {result['is_figure_precision']:.3f}   "
          f"recall {len(found)}/{n_true} = {result['recall']:.3f}   unjudged predictions {unjudged}")
    print(f"indicator right {right}/{n_ind} = {result['indicator_right']:.3f}   "
          f"none {none} ({result['indicator_none']:.3f})   junk {junk} ({result['indicator_junk']:.3f})")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tsv", action="store_true", help="one tab-separated row per figure")
    ap.add_argument("--score", type=Path, nargs="?", const=SILVER, help="score against a silver TSV")
    ap.add_argument("--quiet", action="store_true", help="with --score: totals only")
    ap.add_argument("--genres", action="store_true",
                    help="the other genres (news-unlabeled.jsonl, held-out records left out) instead of --corpus")
    ap.add_argument("--split", choices=("dev", "check"),
                    help="with --genres --score: one half; the check half prints totals only")
    ap.add_argument("--lenient", action="store_true",
                    help="with --score: an indicator is right by the evaluation's rule (containment/cover), not only verbatim")
    args = ap.parse_args()
    if args.genres:
        if not args.score:
            show(genre_sample(), args.tsv)
            return
        score(args.score, genre_records(), verbose=not args.quiet and args.split != "check", lenient=args.lenient,
              split=args.split)
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    records = load(args.corpus)
    if args.score:
        score(args.score, records, verbose=not args.quiet, lenient=args.lenient)
    else:
        show(sample(records, args.n, args.seed), args.tsv)


if __name__ == "__main__":
    main()
