"""Train the person-candidate classifier of issue 14 (models/person_candidates.json).

Rows are the tagger's PER spans the rules did not take (`PeopleReader._tagged`,
gathered with `PeopleReader.collect`), with `person_model.FEATURES`, from
development material only:

- examples: the pages of ../shared/examples, each read as `zhnews extract`
  reads it; a candidate is a name when its article's gold lists it;
- recall: the dev half of benchmarks/people_recall.py's hand-annotated unseen
  articles (its check half is never read here);
- pd98: the training 80 % of People's Daily 1998 NER (`train.load_corpora`'s
  pd_train; its held-out 20 % is benchmarks/bench_entities.py's and stays
  untouched), one sentence at a time; a candidate is a name when it is exactly
  a gold PER span. The tagger was trained on these sentences, so it proposes
  fewer wrong spans there than on unseen text: they get PD98_WEIGHT.

Logistic regression by full-batch gradient descent from zero weights
(`line_roles_train.fit`, classes balanced): deterministic, so a retrain writes
the same file (tested).

    python -m zhnews.entities.person_model_train [--check]
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path

import numpy as np

from .. import evaluate
from ..line_roles_train import check_or_write, fit
from . import person_model, recognizer, tagger, train
from .people import PeopleReader

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT.parent / "shared" / "examples"
BENCHMARKS = ROOT / "benchmarks"
# A candidate above this probability is a name. Classes are balanced in training
# (fit), so 0.5 is even odds; chosen on the development rows (see main's table).
THRESHOLD = 0.5
# The weight of a PD98 row against an article row (see the module doc).
PD98_WEIGHT = 0.2
L2 = 1e-3


def _reader() -> PeopleReader:
    r = PeopleReader(recognizer.load(), tagger.load())
    r.collect = []
    return r


def _with_reader(r: PeopleReader):
    import zhnews.entities as ent

    old = ent._reader
    ent._reader = r
    return old


def _article_rows(r: PeopleReader, articles: list, gold_people: list[set[str]]) -> list[tuple]:
    """(features, label, name) of every candidate collected while reading the
    articles; gold_people[k] are the names of article k."""
    rows = []
    by_text: dict[str, list] = {}
    for text, s, e, x in r.collect:
        by_text.setdefault(text, []).append((text[s:e], x))
    for a, names in zip(articles, gold_people):
        texts = [a.get("text") or ""] + [h for h in (a.get("kicker"), a.get("headline"), a.get("subheadline")) if h]
        for t in dict.fromkeys(texts):
            for name, x in by_text.get(t, ()):
                rows.append((x, float(evaluate.norm(name) in names), name))  # (as zhnews eval compares names)
    return rows


def example_rows(r: PeopleReader) -> list[tuple]:
    import zhnews

    rows = []
    for gp in sorted(glob.glob(str(EXAMPLES / "*.gold.json"))):
        gold = evaluate.load_gold(gp)
        r.collect = []
        old = _with_reader(r)
        try:
            page = zhnews.extract(str(evaluate.resolve_input(gp, gold))).to_dict()
        finally:
            _with_reader(old)
        arts = page["articles"]
        m = evaluate.match_articles(gold.get("articles", []), arts)
        golds = [set() for _ in arts]
        for g, p in m.items():
            golds[p] = set(evaluate._people(gold["articles"][g].get("people")))
        # an article the gold does not have: its candidates are no names of any gold article
        rows += _article_rows(r, arts, golds)
    return rows


def recall_rows(r: PeopleReader, split: str = "dev") -> list[tuple]:
    sys.path.insert(0, str(BENCHMARKS))
    import orgs_recall
    import people_recall
    from ..extraction import extract_record
    from ..errors import InputError

    gold = orgs_recall.read_gold(people_recall.GOLD)
    rows = []
    for rec in people_recall.select():
        if rec["_split"] != split or orgs_recall.key_of(rec) not in gold:
            continue
        names = set(evaluate._people(gold[orgs_recall.key_of(rec)]["people"]))
        r.collect = []
        old = _with_reader(r)
        try:
            arts = extract_record(rec).to_dict()["articles"]
        except InputError:
            arts = []
        finally:
            _with_reader(old)
        rows += _article_rows(r, arts, [names] * len(arts))
    return rows


def pd98_rows(r: PeopleReader, data: Path = train.DEFAULT_DATA) -> list[tuple]:
    corpora = train.load_corpora(data)
    rows = []
    for text, spans in corpora["pd_train"]:
        gold = {(s, e) for s, e, k in spans if k == "PER"}
        r.collect = []
        r.read(text)
        for t, s, e, x in r.collect:
            rows.append((x, float((s, e) in gold), t[s:e]))
    return rows


def data() -> dict[str, list]:
    r = _reader()
    return {"examples": example_rows(r), "recall": recall_rows(r), "pd98": pd98_rows(r)}


def stack(rows: list) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([row[0] for row in rows], dtype=float).reshape(-1, len(person_model.FEATURES))
    return x, np.array([row[1] for row in rows], dtype=float)


def confusion(rows: list, w, threshold: float) -> dict[str, int]:
    x, y = stack(rows)
    if not len(y):
        return {"n": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0, "rules_tp": 0, "rules_fp": 0}
    p = 1.0 / (1.0 + np.exp(-np.clip(x @ np.asarray(w), -30, 30)))
    pred = p >= threshold
    rule = x[:, person_model.INDEX["rule_ok"]] > 0
    pos = y > 0
    return {"n": int(len(y)), "tp": int((pred & pos).sum()), "fp": int((pred & ~pos).sum()),
            "fn": int((~pred & pos).sum()), "tn": int((~pred & ~pos).sum()),
            "rules_tp": int((rule & pos).sum()), "rules_fp": int((rule & ~pos).sum())}


def train_model(d: dict | None = None) -> dict:
    d = d or data()
    x, y = stack(d["examples"] + d["recall"] + d["pd98"])
    rw = np.concatenate([np.ones(len(d["examples"]) + len(d["recall"])), np.full(len(d["pd98"]), PD98_WEIGHT)])
    w = fit(x, y, rw, L2)
    return {
        "features": list(person_model.FEATURES),
        "weights": [round(float(v), 6) for v in w],
        "threshold": THRESHOLD,
        "trained_on": (
            f"tagger PER candidates the rules did not take: ../shared/examples ({len(d['examples'])} rows), "
            f"people_recall dev half ({len(d['recall'])}), PD98 training 80 % ({len(d['pd98'])}, weight {PD98_WEIGHT})"),
        "training_fit": {k: confusion(v, w, THRESHOLD) for k, v in d.items()},
    }


def main(argv: list[str]) -> int:
    doc = train_model()
    check = "--check" in argv
    same = check_or_write(person_model.MODEL_PATH, doc, check)
    if not check:
        print(doc["trained_on"], *(f"{k:10s} {v}" for k, v in doc["training_fit"].items()), sep="\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
