"""People (and their titles) precision AND recall on hand-annotated unseen articles.

The development pages (../shared/examples) read people F1 near 1.0, so they
no longer show what the person finder misses on text nobody tuned on. This
script scores unseen articles against a hand annotation of their people and
titles (benchmarks/people_dev_gold.jsonl, ANNOTATION.md item 3), made by
reading the texts before looking at zhnews output for them: the 40 articles of
benchmarks/orgs_recall.py (seed 14) and three more batches drawn the same way
with seeds 15 and 16 (35 and 33 articles once stories the corpus carries twice
are dropped) and 17 (14 articles of news-unlabeled.jsonl alone: what is left of
its genres in the length range), all leaving out every record a held-out page
was built from, each split dev/check by its seed. Study errors on the "dev" half only; read the "check" half as
totals. Sets 2, 3 and 4 (`--set N`: GOLD2, GOLD3, GOLD4 below) draw on the held-out genres the sets
before them cover least; set 5 (`--set 5`, GOLD5) the genres where names stand alone most, with
人民日报 2026's international and sports pages.

    .venv/bin/python benchmarks/people_recall.py --list [--split dev]   # texts to annotate
    .venv/bin/python benchmarks/people_recall.py --score [--split dev] [-v]
    .venv/bin/python benchmarks/people_recall.py --pages --score [--split dev] [-v]
    .venv/bin/python benchmarks/people_recall.py --set 2 --score [--split dev] [-v]   # set 2 (GOLD2)
    .venv/bin/python benchmarks/people_recall.py --set 3 --list                        # set 3 (GOLD3), 4 (GOLD4), 5 (GOLD5)

`--pages` lays the articles out as pages the way benchmarks/heldout/build_pages.py
lays out the held-out ones (one 外交部 transcript a page, else PAGE_ARTICLES of one
genre, a share of paragraphs cut at a column end) and reads the pages, so what
the layout loses (an article or headline not found, a name cut at a column end)
counts too; articles are paired by `zhnews eval`'s headline matching.

Scoring is that of `zhnews eval` (zhnews/evaluate.py) for `people` (exact
names, one entry per person) and `people.titles` (a title counts when it
contains or is contained in a gold title of the same person). `-v` lists
misses and spurious items, and refuses to for the check half.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from zhnews.errors import InputError
from zhnews.evaluate import FileReport, _people, _score_people, match_articles
from zhnews.extraction import extract_record, extract_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402  (the shared article selection and command line)

GOLD = orgs_recall.HERE / "people_dev_gold.jsonl"
# Set 2 (`--set 2`, people_dev_gold2.jsonl): the genres the held-out pages are built from
# (build_pages.PLAN) that set 1 covers least (one jjsh, two gjwj and two 新民晚报 articles
# among 122, no 外交部 briefing past 1100 characters), drawn with orgs_recall.select_genres
# (an excerpt of whole paragraphs where an article is longer than MAX_LEN), leaving out
# every record of set 1; annotated before looking at zhnews output for them.
GOLD2 = orgs_recall.HERE / "people_dev_gold2.jsonl"
SET2_SEED = 1418
SET2_GENRES = {"中国共产党新闻网/人民网 gjwj": 4, "中国共产党新闻网/人民网 jjsh": 3, "中国共产党新闻网/人民网 ldhd": 3,
               "新民晚报": 2, "外交部": 2, "新华社": 2, "光明日报": 2, "中国共产党新闻网/人民网 gcdt": 2}
# Set 3 (`--set 3`, people_dev_gold3.jsonl; issue 14, after sets 1-2 had been studied): the
# genres the held-out pages draw on that sets 1-2 hold least against what the held-out pages take
# from them (jjsh 4 articles in 142, 新民晚报 4, commentary 5, gjwj 6, ldhd 8, CNKI 9, 光明日报 11),
# drawn like set 2, leaving out every record of sets 1-2 (known by its last and by its first
# 40 body characters: the corpus carries some stories twice with different endings).
GOLD3 = orgs_recall.HERE / "people_dev_gold3.jsonl"
SET3_SEED = 1419
SET3_GENRES = {"中国共产党新闻网/人民网 gjwj": 4, "中国共产党新闻网/人民网 jjsh": 3, "中国共产党新闻网/人民网 zypl": 3,
               "新民晚报": 3, "光明日报": 3, "中国共产党新闻网/人民网 ldhd": 2, "CNKI 报纸": 2}
# Set 4 (`--set 4`, people_dev_gold4.jsonl; drawn after set 3's dev half had been studied):
# the held-out genres richest in people that sets 1-3 leave records of (party and meeting news,
# 新华社 wires, 光明日报 features, press conferences, CNKI), drawn like set 3 and leaving out
# every record of sets 1-3.
GOLD4 = orgs_recall.HERE / "people_dev_gold4.jsonl"
SET4_SEED = 1420
SET4_GENRES = {"中国共产党新闻网/人民网 gcdt": 4, "新华社": 4, "光明日报": 4, "外交部": 2, "CNKI 报纸": 2}
# Set 5 (`--set 5`, people_dev_gold5.jsonl; issue 14, after sets 1-4 had been studied): the genres
# where names stand alone most (international news, 新民晚报 and 光明日报 features, leadership lists,
# 新华社 wires, 外交部 briefings) and, from 人民日报, the pages that carry international and sports news
# (RMRB_FOREIGN_PAGES: 03 国际/外事, 15 and 17 国际 and 体育 on the days the corpus holds; ldhd, 新华社 and
# 新民晚报 have fewer records left than asked), drawn like
# set 4 and leaving out every record of sets 1-4; annotated before running zhnews on them.
GOLD5 = orgs_recall.HERE / "people_dev_gold5.jsonl"
SET5_SEED = 1421
SET5_GENRES = {"中国共产党新闻网/人民网 gjwj": 8, "光明日报": 5, "新华社": 5, "中国共产党新闻网/人民网 ldhd": 4,
               "新民晚报": 3, "CNKI 报纸": 2, "外交部": 2}
RMRB_FOREIGN_PAGES = {"03": 8, "15": 3, "17": 2}
# orgs_recall's 40 articles (seed 14) hold few people (88): more batches drawn the
# same way, each leaving out the articles of the batches before it, as (seed,
# articles per news genre, 人民日报 articles). The last one takes news genres only,
# the corpus the held-out pages were built from.
MORE_BATCHES = ((15, orgs_recall.PER_NEWS_SOURCE, orgs_recall.N_RMRB),
                (16, orgs_recall.PER_NEWS_SOURCE, orgs_recall.N_RMRB),
                (17, 3, 0))


def select() -> list[dict]:
    """Every batch of annotated articles, each record with its `_split`."""
    out = orgs_recall.select()
    for seed, per_news, n_rmrb in MORE_BATCHES:
        out += orgs_recall.select(seed, frozenset(orgs_recall.body(r)[-40:] for r in out), per_news, n_rmrb)
    return out


def select2() -> list[dict]:
    """Set 2's articles (or excerpts), each with its `_split`."""
    earlier = frozenset(orgs_recall.body(r)[-40:] for r in select())
    return orgs_recall.select_genres(SET2_SEED, earlier, SET2_GENRES, 0)


def select3() -> list[dict]:
    """Set 3's articles (or excerpts), each with its `_split`."""
    earlier = select() + select2()
    tails = frozenset(r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier)
    heads = frozenset(orgs_recall.HEAD + orgs_recall.body(r)[:40] for r in earlier)
    return orgs_recall.select_genres(SET3_SEED, tails | heads, SET3_GENRES, 0)


def select4() -> list[dict]:
    """Set 4's articles (or excerpts), each with its `_split`."""
    earlier = select() + select2() + select3()
    tails = frozenset(r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier)
    heads = frozenset(orgs_recall.HEAD + orgs_recall.body(r)[:40] for r in earlier)
    return orgs_recall.select_genres(SET4_SEED, tails | heads, SET4_GENRES, 0)


def select5() -> list[dict]:
    """Set 5's articles (or excerpts), each with its `_split`."""
    earlier = select() + select2() + select3() + select4()
    tails = frozenset(r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier)
    heads = frozenset(orgs_recall.HEAD + orgs_recall.body(r)[:40] for r in earlier)
    banned = orgs_recall.heldout_tails() | tails | heads
    rng = random.Random(SET5_SEED)
    fresh = lambda r: orgs_recall.body(r)[-40:] not in banned and orgs_recall.HEAD + orgs_recall.body(r)[:40] not in banned  # noqa: E731
    news = [r for r in orgs_recall._load(orgs_recall.NEWS) if fresh(r)]
    seen: set[str] = set()
    chosen = orgs_recall.take_genres(news, SET5_GENRES, rng, seen)
    rmrb = [dict(r, source="人民日报 " + r["page"]) for r in orgs_recall._load(orgs_recall.RMRB)
            if r.get("page") in RMRB_FOREIGN_PAGES and fresh(r)
            and orgs_recall.MIN_LEN <= len(orgs_recall.body(r))]
    chosen += orgs_recall.take_genres(rmrb, {"人民日报 " + p: n for p, n in RMRB_FOREIGN_PAGES.items()}, rng, seen)
    return orgs_recall.split_halves(chosen, rng)


SETS = {1: (GOLD, select), 2: (GOLD2, select2), 3: (GOLD3, select3), 4: (GOLD4, select4), 5: (GOLD5, select5)}


def predicted(record: dict, field: str = "people") -> list[dict]:
    """People (or another list `field`: statements_recall.py) of the record's
    article(s) as `zhnews extract` writes them."""
    try:
        page = extract_record(record)
    except InputError:
        return []
    return [p for a in page.to_dict()["articles"] for p in a.get(field) or []]


PAGE_ARTICLES = 4  # articles of one genre a page (build_pages.PLAN: 4-6; 外交部 1)
PAGE_SEED = 20261205  # the layout's random cuts (build_pages.SEED: any fixed seed)


def page_people(recs: list[dict], field: str = "people") -> list[list[dict]]:
    """People (or another list `field`: statements_recall.py --pages) of each record's
    article as read from pages built of the records: [] for an article the page
    reading did not find."""
    bp = orgs_recall.build_pages()
    rng = random.Random(PAGE_SEED)
    out: dict[int, list[dict]] = {}
    by_source: dict[str, list[int]] = {}
    for k, r in enumerate(recs):
        by_source.setdefault(r.get("source", "rmrb"), []).append(k)
    for source, idx in by_source.items():
        size = 1 if source == "外交部" else PAGE_ARTICLES
        for a in range(0, len(idx), size):
            group = [dict(recs[k], source=source) for k in idx[a : a + size]]
            text, skeletons = bp.render(group, rng)
            try:
                arts = extract_text(text, date=group[0].get("date")).to_dict()["articles"]
            except InputError:
                arts = []
            m = match_articles(skeletons, arts)
            for g, k in enumerate(idx[a : a + size]):
                out[k] = arts[m[g]].get(field) or [] if g in m else []
    return [out[k] for k in range(len(recs))]


def score(split: str | None, verbose: bool, pages: bool = False, set_no: int = 1) -> dict[str, float]:
    gold_path, select_fn = SETS[set_no]
    gold = orgs_recall.read_gold(gold_path)
    recs = [r for r in select_fn()
            if orgs_recall.key_of(r) in gold and (split is None or r["_split"] == split)]
    rep = FileReport(gold_path=str(gold_path), input_path=str(orgs_recall.NEWS))
    got = page_people(recs) if pages else [predicted(r) for r in recs]
    for r, p in zip(recs, got):
        _score_people(rep, _people(gold[orgs_recall.key_of(r)]["people"]), _people(p), orgs_recall.key_of(r)[-60:])
    out = {}
    for field in ("people", "people.titles"):
        s = rep.scores[field]
        out[field] = s
        print(f"{f'set {set_no} ' if set_no != 1 else ''}{split or 'all'}{' pages' if pages else ''} {field}: articles {len(recs)}  gold {s.gold_total}  predicted {s.pred_total}  "
              f"found {s.gold_found}  right {s.pred_right}  P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  "
              f"F1 {s.f1 or 0:.3f}")
    if verbose:
        for field in ("people", "people.titles"):
            for m in rep.misses.get(field, []):
                print(f"  {field}\t{m}")
    return {f: {"precision": s.precision, "recall": s.recall, "f1": s.f1} for f, s in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--pages", action="store_true")
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1, dest="set_no")
    args, rest = ap.parse_known_args(argv)
    return orgs_recall.main(rest, score_fn=lambda split, verbose: score(split, verbose, args.pages, args.set_no),
                            doc=__doc__, select_fn=SETS[args.set_no][1])


if __name__ == "__main__":
    sys.exit(main())
