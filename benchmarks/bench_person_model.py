"""Where the rules plateau, is there anything to learn? (issue 14, people)

Measures the person-candidate classifier (`zhnews/entities/person_model.py`,
trained by `python -m zhnews.entities.person_model_train`) against the hand
filters it would replace, on the candidates themselves:

1. the tagger's PER spans the rules did not take (`PeopleReader._tagged`), per
   source: how many, how many are names of the gold, how many the hand filter
   takes right / wrong, how many the classifier takes right / wrong. Training
   sources (examples, people_recall dev, PD98 training 80 %) are fits; the
   people_recall check half is printed as totals only (never trained on);
2. with `--rejected`: the surname-initial spans the rules looked at and did not
   take (no name covers them, the scorer gives at least REJECTED_FLOOR, no word
   of the general lexicon): the pool a tagger-free classifier would choose
   from, and how many names of the gold are in it (development pages only);
3. with `--veto`: the rules' own names as candidates (first mentions, not the
   repeats), the same features plus the kind of evidence that took them, a
   model fitted on the development sources the same way: how many right and
   wrong names it would drop at a few thresholds, on the fits and on the
   people_recall check half (totals).

The end-to-end numbers (README) come from the usual commands with the settings:

    zhnews eval ../shared/examples/*.gold.json --heldout benchmarks/heldout/*.gold.json   # rules
    ZHNEWS_TAGGER=1 zhnews eval ...                           # + tagger, hand filters
    ZHNEWS_TAGGER=1 ZHNEWS_PERSON_MODEL=1 zhnews eval ...     # + tagger, classifier
    (same settings) python benchmarks/people_recall.py [--pages] --score

    .venv/bin/python benchmarks/bench_person_model.py [--rejected]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhnews.entities import people, person_model, person_model_train, recognizer, titles, train  # noqa: E402
from zhnews.entities.people import PeopleReader, _taken  # noqa: E402
from zhnews.line_roles_train import fit  # noqa: E402

REJECTED_FLOOR = 0.3  # the scorer's least q for a rejected span to count as a candidate


def candidates(show_check: bool = True) -> None:
    d = person_model_train.data()
    doc = person_model_train.train_model(d)
    w, t = doc["weights"], doc["threshold"]
    r = person_model_train._reader()
    if show_check:
        d["check (totals)"] = person_model_train.recall_rows(r, "check")
    print(f"{'tagger candidates':18s} {'rows':>5s} {'names':>6s}   {'hand filter right/wrong':>24s}   {'classifier right/wrong':>23s}")
    for k, rows in d.items():
        c = person_model_train.confusion(rows, w, t)
        print(f"{k:18s} {c['n']:5d} {c['tp'] + c['fn']:6d}   {c['rules_tp']:>15d} / {c['rules_fp']:<6d}   "
              f"{c['tp']:>14d} / {c['fp']:<6d}")


class _RejectedReader(PeopleReader):
    """The rules' reader that also records the surname-initial spans it did not take."""

    def read(self, text, extra_names=None):
        hits = super().read(text, extra_names)
        if self.collect is None:
            return hits
        taken = _taken(text, hits)
        sc = self.scorer
        for i, c in enumerate(text):
            if taken[i] or (i > 0 and taken[i - 1]) or not (c in sc.surnames or text[i : i + 2] in sc.compound):
                continue
            for e in self._spans(text, i):
                pos = self.lex_pos.get(text[i:e])
                if any(taken[i:e]) or (pos is not None and pos[:2] != "nr") or text[i:e] in self.common2:
                    continue
                if self._q(text, i, e) >= REJECTED_FLOOR:
                    self.collect.append((text, i, e, [0.0] * len(person_model.FEATURES)))
        return hits


def rejected() -> None:
    r = _RejectedReader(recognizer.load(), None)
    r.collect = []
    for k, rows in (("examples", person_model_train.example_rows(r)), ("recall dev", person_model_train.recall_rows(r))):
        names = {}
        for _, y, n in rows:
            names[n] = names.get(n, 0.0) or y
        print(f"rejected spans, {k}: rows {len(rows)}, distinct {len(names)}, names of the gold among them "
              f"{sum(1 for v in names.values() if v)}: {' '.join(sorted(n for n, v in names.items() if v))}")


EVIDENCE = ("title", "post", "honor", "verb", "turn", "model", "list", "dot", "translit", "author")
VETO_THRESHOLDS = (0.1, 0.2, 0.3)


class _RuleSpanReader(PeopleReader):
    """The rules' reader that records its own first mentions as candidates."""

    def read(self, text, extra_names=None):
        hits = super().read(text, extra_names)
        if self.collect is None:
            return hits
        mask = titles.protected_mask(text)
        for h in hits:
            if h.evidence in EVIDENCE:
                others = {x.end: x.start for x in hits if x is not h}
                x = people.candidate_features(self, text, h.start, h.end, True, others, mask)
                self.collect.append((text, h.start, h.end, x + [float(h.evidence == ev) for ev in EVIDENCE]))
        return hits


def veto() -> None:
    r = _RuleSpanReader(recognizer.load(), None)
    r.collect = []
    d = {"examples": person_model_train.example_rows(r), "recall": person_model_train.recall_rows(r), "pd98": []}
    for text, spans in train.load_corpora(train.DEFAULT_DATA)["pd_train"]:
        gold = {(s, e) for s, e, k in spans if k == "PER"}
        r.collect = []
        r.read(text)
        d["pd98"] += [(x, float((s, e) in gold), t[s:e]) for t, s, e, x in r.collect]
    x = np.array([row[0] for k in d for row in d[k]])
    y = np.array([row[1] for k in d for row in d[k]])
    rw = np.array([person_model_train.PD98_WEIGHT if k == "pd98" else 1.0 for k in d for _ in d[k]])
    w = fit(x, y, rw, person_model_train.L2)
    d["check (totals)"] = person_model_train.recall_rows(r, "check")
    print(f"{'rule names':18s} {'rows':>5s} {'wrong':>6s}   dropped right / wrong at p < " + ", ".join(map(str, VETO_THRESHOLDS)))
    for k, rows in d.items():
        xx, yy = np.array([row[0] for row in rows]), np.array([row[1] for row in rows])
        p = 1.0 / (1.0 + np.exp(-np.clip(xx @ w, -30, 30)))
        cells = [f"{int(((p < t) & (yy > 0)).sum())} / {int(((p < t) & (yy == 0)).sum())}" for t in VETO_THRESHOLDS]
        print(f"{k:18s} {len(rows):5d} {int((yy == 0).sum()):6d}   " + "   ".join(f"{c:>9s}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rejected", action="store_true", help="also the pool of spans the rules did not take")
    ap.add_argument("--veto", action="store_true", help="also the rules' own names as candidates to drop")
    args = ap.parse_args(argv)
    candidates()
    if args.rejected:
        rejected()
    if args.veto:
        veto()
    return 0


if __name__ == "__main__":
    sys.exit(main())
