"""Issue 15: does the trained speaker ranker beat the speech rules?

Prints one table: statements P/R/F1 and statements.answers F1 on the example
pages and the held-out pages (totals only: benchmarks/heldout is blind, no
per-page miss is printed or read), for three settings of
ZHNEWS_SPEAKER_RANKER:

  off     the rules alone (the default)
  alone   the ranker decides every statement's speaker, without the rules' choice
  unsure  rules + ranker: the ranker decides only pronoun cues (他, 她, 该负责人)
  fill    rules + ranker: the ranker names only pronoun cues the rules left open

and how often each names the right speaker, a wrong one, or none on
development cues: the synthetic ones (news-unlabeled records outside the
held-out set and outside training, 他 in place of a name written before) and
the natural pronoun cues where rules and ranker disagreed, labelled by hand
(speaker_pronouns_dev.tsv).

    python benchmarks/bench_speaker_ranker.py [--no-dev]
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews import evaluate, speaker_ranker, speaker_ranker_train  # noqa: E402

NATURAL = ROOT / "benchmarks" / "speaker_pronouns_dev.tsv"
EXAMPLES = sorted(glob.glob(str(ROOT.parent / "shared" / "examples" / "*.gold.json")))
HELDOUT = sorted(glob.glob(str(ROOT / "benchmarks" / "heldout" / "*.gold.json")))


def _fmt(v: float | None) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def measure(mode: str, paths: list[str]) -> tuple[str, ...]:
    os.environ[speaker_ranker.ENV_MODE] = mode
    f = evaluate.evaluate(paths).fields
    s, a = f["statements"], f["statements.answers"]
    return (_fmt(s.precision), _fmt(s.recall), _fmt(s.f1), _fmt(a.f1), str(s.n))


def natural(modes: tuple[str, ...]) -> dict[str, list[int]]:
    """Per mode: [right, wrong, none] on the hand-labelled natural pronoun cues."""
    from zhnews.line_roles_train import training_records

    labels: dict[str, list[tuple[str, str, str]]] = {}
    for line in NATURAL.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            title, ctx, kind, speaker = line.split("\t")
            labels.setdefault(title, []).append((ctx, kind, speaker))
    out = {m: [0, 0, 0] for m in modes}
    records = [r for r in training_records() if r["title"] in labels]
    for mode in modes:
        os.environ[speaker_ranker.ENV_MODE] = mode
        for r in records:
            page = speaker_ranker_train._extract(speaker_ranker_train.page_text(r))
            for a in page.articles:
                for st in a.statements:
                    if not speaker_ranker.unsure(a.text, st):
                        continue
                    ctx = a.text[max(0, st.speaker_start - 24) : st.speaker_end].replace("\n", " ")
                    for c, kind, speaker in labels[r["title"]]:
                        if c == ctx and kind == st.kind:
                            k = 2 if st.speaker is None else (0 if st.speaker == speaker else 1)
                            out[mode][k] += 1
    return out


def main(argv: list[str]) -> int:
    saved = os.environ.get(speaker_ranker.ENV_MODE)
    print(f"{'setting':8s} {'pages':9s} {'P':>5s} {'R':>5s} {'F1':>5s} {'ansF1':>5s} {'n':>4s}")
    modes = ("off", "alone", "unsure", "fill")
    try:
        for mode in modes:
            for label, paths in (("examples", EXAMPLES), ("held-out", HELDOUT)):
                if paths:
                    print(f"{mode:8s} {label:9s} " + " ".join(f"{c:>5s}" for c in measure(mode, paths)))
        if "--no-dev" not in argv:
            print("\nnatural pronoun cues where the settings disagreed (hand-labelled): right / wrong / no speaker")
            for mode, (right, wrong, none) in natural(modes).items():
                print(f"{mode:8s} {right}/{wrong}/{none}")
    finally:
        if saved is None:
            os.environ.pop(speaker_ranker.ENV_MODE, None)
        else:
            os.environ[speaker_ranker.ENV_MODE] = saved
    if "--no-dev" not in argv:
        d = speaker_ranker_train.data()
        print("\ndevelopment cues: right / wrong / no speaker")
        for mode, sets in (("alone", ("dev_silver", "dev_synthetic")), ("unsure", ("dev_synthetic",))):
            w, threshold = speaker_ranker.model(mode)
            for k in sets:
                c = speaker_ranker_train.pick(d[k], w, threshold)
                print(f"{k:14s} n={c['n']:4d}  rules {c['rules_right']}/{c['rules_wrong']}/{c['rules_none']}"
                      f"  {mode} {c['ranker_right']}/{c['ranker_wrong']}/{c['ranker_none']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
