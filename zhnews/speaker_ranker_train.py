"""Train the speaker ranker of issue 15 (models/speaker_ranker.json).

Rows are (candidate person × speech cue) with `speaker_ranker.FEATURES`, from
three sources, none of them the held-out pages:

- gold: the statements of ../shared/examples, each predicted statement matched
  to its gold statement by kind and opening; the gold speaker is the label;
- silver: ../shared/data/news-unlabeled.jsonl minus the articles the held-out
  pages were built from (`line_roles_train.corpus_records`): cues where the
  rules are near certain (the name written right before the verb) label that
  name, the other candidates are negatives;
- synthetic: the same cues with the name replaced by 他 when a sentence or a
  clause opens with it and the name was written earlier; the label is the name.
  This is the case the rules are unsure of.

Two weight sets: "alone" (every cue, the rules' choice feature zeroed, so the
ranker stands on its own) and "unsure" (only pronoun / unnamed-subject cues:
the synthetic ones and those of the examples, the rules' choice a feature).

Records are split by a hash of the title: one in DEV_SHARE is kept for the
development measurement (`dev_rows`), never trained on. Logistic regression by
full-batch gradient descent from zero weights: deterministic, so a retrain
writes the same file (tested).

    python -m zhnews.speaker_ranker_train [--check]
"""

from __future__ import annotations

import glob
import sys
import zlib
from pathlib import Path

import numpy as np

from . import evaluate, speaker_ranker, speech
from .line_roles_train import check_or_write, corpus_records, fit
from .model import Context

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
DEV_SHARE = 5            # one record in 5 (by title hash) is development, not training
THRESHOLD = 0.5          # balanced classes: a candidate above even odds; never tuned on held-out
# Where a 他 can stand for a name: at a sentence's or a clause's opening.
PRONOUN_OPENERS = "。！？!?\n，,；;"


def is_dev(record: dict) -> bool:
    return zlib.crc32(record["title"].encode("utf-8")) % DEV_SHARE == 0


def page_text(record: dict) -> str:
    parts = [h.strip() for h in (record.get("kicker"), record["title"], record.get("subtitle")) if h and h.strip()]
    return "\n\n" + "\n\n".join(parts + record["paragraphs"]) + "\n"


def docs_of(page):
    """(article, speech._Doc) with the names the rules read at cues added, as
    speech.annotate has them when its hook runs."""
    ctx = Context(published=page.published, outlet=page.outlet, page=page)
    for a in page.articles:
        doc = speech._Doc(a, ctx)
        for st in a.statements:
            # speech.annotate adds the answers' and saids' names read at their cue (not a resolved 他)
            if st.kind != "quote" and st.speaker and speaker_ranker.cue_word(a.text, st) == st.speaker:
                doc.names.add(st.speaker, st.speaker_start, st.speaker_end)
        yield a, doc


def cue_rows(doc, statements, label_of) -> list[tuple]:
    """Per statement whose label is known (label_of(st) -> name or None) and
    among its candidates: (feature rows, labels, statement, candidates, label,
    is it a cue the rules are unsure of)."""
    out = []
    prev = None
    for st in statements:
        name = label_of(st)
        if name is not None and st.speaker_start is not None:
            cands = speaker_ranker.candidates(doc, st, prev)
            if any(c.name == name for c in cands):
                out.append(([c.x for c in cands], [float(c.name == name) for c in cands], st, cands, name,
                            speaker_ranker.unsure(doc.text, st)))
        if st.speaker:
            prev = st.speaker
    return out


def sure(text: str, st) -> bool:
    """The rules' near-certain cues: the name written right before the verb ("X说，")."""
    return bool(st.speaker and st.verb and speaker_ranker.cue_word(text, st) == st.speaker
                and text.startswith(st.verb, st.speaker_end))


def _extract(text: str):
    import zhnews

    return zhnews.extract(text)


def corpus_rows(records: list[dict]) -> dict[str, list]:
    """Silver and synthetic rows of the records."""
    silver, synthetic = [], []
    for r in records:
        text = page_text(r)
        page = _extract(text)
        for a, doc in docs_of(page):
            silver += cue_rows(doc, a.statements, lambda st, t=a.text: st.speaker if sure(t, st) else None)
            synthetic += _pronoun_variants(text, a)
    return {"silver": silver, "synthetic": synthetic}


def _pronoun_variants(page_text_: str, article) -> list:
    """Each sure cue opening a sentence whose speaker was named before, with the
    name replaced by 他 (one at a time): the rows of that cue in the re-extracted page."""
    t = article.text
    out = []
    for st in article.statements:
        if not sure(t, st) or st.speaker_start == 0 or t[st.speaker_start - 1] not in PRONOUN_OPENERS:
            continue
        if st.speaker not in t[: st.speaker_start]:
            continue
        a0, a1 = article.offsets[st.speaker_start], article.offsets[st.speaker_end - 1]
        if a0 < 0 or a1 < 0 or page_text_[a0 : a1 + 1] != st.speaker:
            continue
        variant = page_text_[:a0] + "他" + page_text_[a1 + 1 :]
        opening = st.text[:12]
        for a2, doc2 in docs_of(_extract(variant)):
            for st2 in a2.statements:
                if speaker_ranker.cue_word(a2.text, st2) == "他" and st2.text.startswith(opening):
                    out += cue_rows(doc2, a2.statements, lambda s, s2=st2, n=st.speaker: n if s is s2 else None)
    return out


def example_rows() -> list:
    """Rows of the example pages, labelled by their gold statements."""
    rows = []
    for gp in sorted(glob.glob(str(EXAMPLES / "*.gold.json"))):
        gold = evaluate.load_gold(gp)
        page = _extract(str(evaluate.resolve_input(gp, gold)))
        golds = [g for ga in gold.get("articles", []) for g in ga.get("statements") or [] if g.get("speaker")]
        for a, doc in docs_of(page):
            def label(st, golds=golds):
                p = {"kind": st.kind, "text": st.text, "asked_by": st.asked_by, "topic": st.topic}
                for g in golds:
                    if evaluate.statement_match(g, {**p, "speaker": g["speaker"]}):
                        return g["speaker"]
                return None
            rows += cue_rows(doc, a.statements, label)
    return rows


def stack(rows: list) -> tuple[np.ndarray, np.ndarray]:
    xs = [x for r in rows for x in r[0]]
    ys = [y for r in rows for y in r[1]]
    return np.array(xs, dtype=float).reshape(-1, len(speaker_ranker.FEATURES)), np.array(ys, dtype=float)


def pick(rows_: list, w, threshold: float) -> dict[str, int]:
    """Per cue: the ranker's pick right / wrong / none (below threshold), and the
    rules' pick right / wrong / none, for the development table."""
    c = {"n": len(rows_), "ranker_right": 0, "ranker_wrong": 0, "ranker_none": 0,
         "rules_right": 0, "rules_wrong": 0, "rules_none": 0}
    for xs, ys, st, cands, name, _ in rows_:
        p = 1.0 / (1.0 + np.exp(-(np.array(xs) @ np.array(w))))
        k = int(np.argmax(p))
        if p[k] < threshold:
            c["ranker_none"] += 1
        else:
            c["ranker_right" if cands[k].name == name else "ranker_wrong"] += 1
        if st.speaker is None:
            c["rules_none"] += 1
        else:
            c["rules_right" if st.speaker == name else "rules_wrong"] += 1
    return c


def data() -> dict[str, list]:
    records = corpus_records(dev=None)
    train = [r for r in records if not is_dev(r)]
    dev = [r for r in records if is_dev(r)]
    tr = corpus_rows(train)
    dv = corpus_rows(dev)
    ex = example_rows()
    return {"examples": ex, "examples_unsure": [r for r in ex if r[5]],
            "silver": tr["silver"], "synthetic": tr["synthetic"],
            "dev_silver": dv["silver"], "dev_synthetic": dv["synthetic"],
            "_records": [len(train), len(dev)]}


def train(d: dict | None = None) -> dict:
    d = d or data()
    rc = speaker_ranker.FEATURES.index("rules_choice")
    x, y = stack(d["examples"] + d["silver"] + d["synthetic"])
    x[:, rc] = 0.0  # the ranker alone: it never sees what the rules chose
    alone = fit(x, y)
    x, y = stack(d["examples_unsure"] + d["synthetic"])
    # a synthetic 他 always stands for a name written at least twice (before and at
    # the cue), so the mention count would learn the construction, not the text
    x[:, speaker_ranker.FEATURES.index("count_log")] = 0.0
    unsure = fit(x, y)
    out = {"features": list(speaker_ranker.FEATURES), "models": {}}
    for name, w, train_sets, dev_sets in (
            ("alone", alone, ("examples", "silver", "synthetic"), ("dev_silver", "dev_synthetic")),
            ("unsure", unsure, ("examples_unsure", "synthetic"), ("dev_synthetic",))):
        out["models"][name] = {
            "weights": [round(float(v), 6) for v in w],
            "threshold": THRESHOLD,
            "training_fit": {k: pick(d[k], w, THRESHOLD) for k in train_sets},
            "development": {k: pick(d[k], w, THRESHOLD) for k in dev_sets},
        }
    out["trained_on"] = (
        f"../shared/examples gold ({len(d['examples'])} cues, {len(d['examples_unsure'])} of them pronoun or "
        f"unnamed) + news-unlabeled minus the held-out articles, {d['_records'][0]} training records: "
        f"{len(d['silver'])} sure cues, {len(d['synthetic'])} pronoun variants; {d['_records'][1]} records "
        f"kept for development")
    return out


def main(argv: list[str]) -> int:
    doc = train()
    if "--check" in argv:
        return 0 if check_or_write(speaker_ranker.MODEL_PATH, doc, True) else 1
    check_or_write(speaker_ranker.MODEL_PATH, doc, False)
    print(doc["trained_on"])
    for name, m in doc["models"].items():
        for k, v in {**m["training_fit"], **m["development"]}.items():
            print(f"{name:7s} {k:16s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
