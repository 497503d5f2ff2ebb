"""Statements precision AND recall on hand-annotated unseen articles.

The development pages (../shared/examples) read statements F1 1.000, so they no
longer show what speech.py misses or invents on text nobody tuned on. This
script scores the statements of the 122 unseen articles of
benchmarks/people_recall.py (same selection, same dev/check split; none a
held-out page was built from) against a hand annotation
(benchmarks/statements_dev_gold.jsonl, ANNOTATION.md item 5), made by reading
each article before looking at zhnews output for it. Study errors on the
"dev" half only; read the "check" half as totals.

    .venv/bin/python benchmarks/statements_recall.py --list [--split dev]   # texts to annotate
    .venv/bin/python benchmarks/statements_recall.py --score [--split dev] [-v]

Scoring is that of `zhnews eval` (zhnews/evaluate.py `_score_statements`):
statements with a named speaker; said/quote on kind, speaker and opening;
answers on speaker, asked_by and topic cover. `-v` lists misses and spurious
statements, and refuses to for the check half.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zhnews.evaluate import FileReport, _score_statements

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402  (the shared command line and gold reader)
from people_recall import predicted, select  # noqa: E402  (the article selection and its split)

GOLD = orgs_recall.HERE / "statements_dev_gold.jsonl"


def score(split: str | None, verbose: bool) -> dict[str, dict]:
    gold = orgs_recall.read_gold(GOLD)
    recs = [r for r in select()
            if orgs_recall.key_of(r) in gold and (split is None or r["_split"] == split)]
    rep = FileReport(gold_path=str(GOLD), input_path=str(orgs_recall.NEWS))
    for r in recs:
        _score_statements(rep, gold[orgs_recall.key_of(r)]["statements"], predicted(r, "statements"),
                          orgs_recall.key_of(r)[-50:])
    out = {}
    for field in ("statements", "statements.answers"):
        s = rep.scores[field]
        out[field] = {"precision": s.precision, "recall": s.recall, "f1": s.f1}
        print(f"{split or 'all'} {field}: articles {len(recs)}  gold {s.gold_total}  predicted {s.pred_total}  "
              f"found {s.gold_found}  right {s.pred_right}  P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  "
              f"F1 {s.f1 or 0:.3f}")
    if verbose:
        for m in rep.misses.get("statements", []):
            print(f"  {m}")
    return out


def main(argv: list[str] | None = None) -> int:
    return orgs_recall.main(argv, score_fn=score, doc=__doc__, select_fn=select)


if __name__ == "__main__":
    sys.exit(main())
