"""Dev-fold runs of the entity tagger (issue 14): train on four fifths of the
training 80% and score the last fifth, so decoding constants and training
variants are chosen without reading the held-out 20%.

    python benchmarks/tagger_dev.py train --out /tmp/dev.crfsuite
    python benchmarks/tagger_dev.py score --model /tmp/dev.crfsuite [--per-bias 0.5 ...]

The dev fold is `train.split` applied once more to each corpus's training 80%
(every 5th training sentence), the split the README's variant table uses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhnews.entities import tagger, train, train_tagger  # noqa: E402


def dev_corpora(data: Path = train.DEFAULT_DATA) -> dict:
    c = train.load_corpora(data)
    pd_fit, pd_dev = train.split(c["pd_train"])
    cl_fit, cl_dev = train.split(c["cl_train"])
    return {"pd_fit": pd_fit, "pd_dev": pd_dev, "cl_fit": cl_fit, "cl_dev": cl_dev}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("train", "score"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/tagger_dev.crfsuite"))
    ap.add_argument("--model", type=Path, default=Path("/tmp/tagger_dev.crfsuite"))
    ap.add_argument("--per-bias", type=float, nargs="*", default=[None])
    args = ap.parse_args(argv)
    c = dev_corpora()
    if args.what == "train":
        train_tagger.fit(c["pd_fit"] * train_tagger.PD_COPIES + train_tagger.with_places(c["cl_fit"]), args.out)
        args.model = args.out
    for bias in args.per_bias:
        tg = tagger.Tagger(args.model) if bias is None else tagger.Tagger(args.model, per_bias=bias)
        for name in ("pd_dev", "cl_dev"):
            r = train_tagger.evaluate(tg, c[name])["PER"]
            print(f"bias {bias} {name} PER P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} (gold {r['gold']})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
