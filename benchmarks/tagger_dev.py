"""Dev-fold runs of the entity tagger (issue 14): train on four fifths of the
training 80% and score the last fifth, so decoding constants and training
variants are chosen without reading the held-out 20%.

    python benchmarks/tagger_dev.py train --out /tmp/dev.crfsuite
    python benchmarks/tagger_dev.py score --model /tmp/dev.crfsuite [--per-bias 0.5 ...]
    python benchmarks/tagger_dev.py train --fold 1 --bies [PER ...] [--param c1=0.05 ...]
    python benchmarks/tagger_dev.py score --model f0.crfsuite f1.crfsuite f2.crfsuite --fold 0 1 2
    python benchmarks/tagger_dev.py train --fold 0 --set CLUSTER_OFFSETS=-2,-1,0,1,2   (and score with the same --set)

Several models with as many folds (each model trained on its fold's four
fifths) are scored each on its own dev fifth, and then pooled: the counts of
the folds added up before P/R/F1. Why: a dev fifth of People's Daily holds
~120–160 names, and one fold's PER F1 moved by ±.015–.02 between variants that
the other folds did not confirm (README, tagger section); three folds pooled
hold ~430.

The dev fold is `train.split` applied once more to each corpus's training 80%
(every 5th training sentence; --fold 1, 2 start that fifth at the 2nd, 3rd
training sentence: other dev folds), the split the README's variant table uses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhnews.entities import tagger, train, train_tagger  # noqa: E402


def dev_corpora(data: Path = train.DEFAULT_DATA, fold: int = 0) -> dict:
    c = train.load_corpora(data)
    pd_fit, pd_dev = _split(c["pd_train"], fold)
    cl_fit, cl_dev = _split(c["cl_train"], fold)
    return {"pd_fit": pd_fit, "pd_dev": pd_dev, "cl_fit": cl_fit, "cl_dev": cl_dev}


def fold_tables(c: dict) -> None:
    """Tables the tagger's features count on training names (name_positions, when
    tagger.NAME_POS_OFFSETS turns them on) from this fold's four fifths only, so
    the dev fifth's names are not in them."""
    if tagger.NAME_POS_OFFSETS:
        from zhnews.entities import name_positions

        tagger.NAME_POS_TABLE = name_positions.build(c["pd_fit"] + c["cl_fit"])
        tagger._lexicons.cache_clear()
        tagger._tag_shifted.cache_clear()


def _split(sentences, fold: int):
    """train.split with the dev fifth starting at sentence `fold` (0: train.split's own)."""
    every = train.HELD_OUT_EVERY
    return [x for i, x in enumerate(sentences) if (i - fold) % every], [x for i, x in enumerate(sentences) if (i - fold) % every == 0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("train", "score"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/tagger_dev.crfsuite"))
    ap.add_argument("--model", type=Path, nargs="*", default=[Path("/tmp/tagger_dev.crfsuite")], help="one model a fold (score)")
    ap.add_argument("--per-bias", type=float, nargs="*", default=[None])
    ap.add_argument("--bies", nargs="*", default=list(tagger.BIES_KINDS), help="kinds labelled B/I/E/S (train)")
    ap.add_argument("--algorithm", default="lbfgs", help="crfsuite's training algorithm (train)")
    ap.add_argument("--param", nargs="*", default=[], help="crfsuite parameters key=value (train)")
    ap.add_argument("--fold", type=int, nargs="*", default=[0], help="the dev fold(s): every 5th training sentence from this one")
    ap.add_argument("--silver", type=Path, default=None,
                    help="silver sentences to add to the training data (train): a jsonl of {text, spans}, or the shipped "
                         "zhnews/models/tagger_silver.jsonl ({p, a, b, spans}), see tagger_silver")
    ap.add_argument("--silver-copies", type=int, default=1, help="how many times the silver sentences are given (train)")
    ap.add_argument("--prune", type=float, nargs="*", default=[None],
                    help="score: each model also with its state weights under these magnitudes dropped (crf_prune)")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=V,...",
                    help="tagger constants for this run (train and score alike), e.g. CLUSTER_OFFSETS=-2,-1,0,1,2 "
                         "NAME_POS_OFFSETS=-1,0,1 CLUSTER_MIN_RANK=1000; a tuple when the default is one")
    args = ap.parse_args(argv)
    for x in args.set:
        name, value = x.split("=", 1)
        old = getattr(tagger, name)
        vals = tuple(int(v) for v in value.split(",") if v)
        setattr(tagger, name, vals if isinstance(old, tuple) else vals[0])
    if args.what == "train" and len(args.fold) != 1:
        ap.error("train takes one --fold")
    if args.what == "score" and len(args.model) != len(args.fold):
        ap.error("score takes one --model per --fold")
    if args.what == "train":
        c = dev_corpora(fold=args.fold[0])
        fold_tables(c)
        params = {k: float(v) if v.replace(".", "").replace("-", "").isdigit() else v for k, v in (x.split("=", 1) for x in args.param)}
        silver = []
        if args.silver:
            import json

            rows = [json.loads(x) for x in args.silver.open(encoding="utf-8")]
            if rows and "text" not in rows[0]:  # the shipped file's form ({p, a, b, spans}: the text read from the corpora)
                from zhnews.entities import silver_sentences

                silver = silver_sentences.load(args.silver)
            else:
                silver = [(x["text"], [tuple(s) for s in x["spans"]]) for x in rows]
        train_tagger.fit(
            c["pd_fit"] * train_tagger.PD_COPIES + train_tagger.with_places(c["cl_fit"]) + silver * args.silver_copies, args.out,
            bies=tuple(args.bies), algorithm=args.algorithm, params=params,
        )
        args.model = [args.out]
    pooled: dict[tuple, list[int]] = {}
    for model, fold in zip(args.model, args.fold):
        c = dev_corpora(fold=fold)
        fold_tables(c)
        for prune, bias in ((p, b) for p in args.prune for b in args.per_bias):
            path = model
            if prune is not None:
                path = model.with_name(f"{model.stem}.prune{prune}.crfsuite")
                path.write_bytes(train_tagger.prune(model.read_bytes(), prune))
                print(f"{model} pruned below {prune}: {path.stat().st_size / 1e6:.2f} MB", flush=True)
            tg = tagger.Tagger(path) if bias is None else tagger.Tagger(path, per_bias=bias)
            for name in ("pd_dev", "cl_dev"):
                res = train_tagger.evaluate(tg, c[name])
                r = res["PER"]
                add = pooled.setdefault((prune, bias, name), [0, 0, 0])
                for i, key in enumerate(("tp", "fp", "fn")):
                    add[i] += r[key]
                print(f"fold {fold} prune {prune} bias {bias} {name} PER P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} (gold {r['gold']}) | "
                      + " ".join(f"{k} {res[k]['F1']:.3f}" for k in ("ORG", "LOC", "TITLE", "ALL")), flush=True)
    if len(args.fold) > 1:
        for (prune, bias, name), (tp, fp, fn) in pooled.items():
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(f"pooled folds {' '.join(map(str, args.fold))} prune {prune} bias {bias} {name} PER P {p:.3f} R {r:.3f} "
                  f"F1 {2 * p * r / (p + r) if p + r else 0.0:.3f} (gold {tp + fn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
