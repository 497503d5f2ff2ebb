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
totals.

    .venv/bin/python benchmarks/people_recall.py --list [--split dev]   # texts to annotate
    .venv/bin/python benchmarks/people_recall.py --score [--split dev] [-v]

Scoring is that of `zhnews eval` (zhnews/evaluate.py) for `people` (exact
names, one entry per person) and `people.titles` (a title counts when it
contains or is contained in a gold title of the same person). `-v` lists
misses and spurious items, and refuses to for the check half.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zhnews.errors import InputError
from zhnews.evaluate import FileReport, _people, _score_people
from zhnews.extraction import extract_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402  (the shared article selection and command line)

GOLD = orgs_recall.HERE / "people_dev_gold.jsonl"
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


def predicted(record: dict) -> list[dict]:
    """People of the record's article(s) as `zhnews extract` writes them."""
    try:
        page = extract_record(record)
    except InputError:
        return []
    return [p for a in page.to_dict()["articles"] for p in a.get("people") or []]


def score(split: str | None, verbose: bool) -> dict[str, float]:
    gold = orgs_recall.read_gold(GOLD)
    recs = [r for r in select()
            if orgs_recall.key_of(r) in gold and (split is None or r["_split"] == split)]
    rep = FileReport(gold_path=str(GOLD), input_path=str(orgs_recall.NEWS))
    for r in recs:
        _score_people(rep, _people(gold[orgs_recall.key_of(r)]["people"]), _people(predicted(r)),
                      orgs_recall.key_of(r)[-60:])
    out = {}
    for field in ("people", "people.titles"):
        s = rep.scores[field]
        out[field] = s
        print(f"{split or 'all'} {field}: articles {len(recs)}  gold {s.gold_total}  predicted {s.pred_total}  "
              f"found {s.gold_found}  right {s.pred_right}  P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  "
              f"F1 {s.f1 or 0:.3f}")
    if verbose:
        for field in ("people", "people.titles"):
            for m in rep.misses.get(field, []):
                print(f"  {field}\t{m}")
    return {f: {"precision": s.precision, "recall": s.recall, "f1": s.f1} for f, s in out.items()}


def main(argv: list[str] | None = None) -> int:
    return orgs_recall.main(argv, score_fn=score, doc=__doc__, select_fn=select)


if __name__ == "__main__":
    sys.exit(main())
