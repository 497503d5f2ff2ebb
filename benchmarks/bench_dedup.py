"""Near-duplicate detection: exact shingle containment vs MinHash Jaccard.

Pairs are made from the 人民日报 archive (shared/data/rmrb-2026-01-unlabeled.jsonl):
  positives  each article against (a) a copy from another source: other line
             breaks and punctuation, 2% of characters changed; (b) a front-page
             teaser: its first 25% (at least 80 characters); (c) a continuation
             page: its last 60%;
             (d) the archive's own copies: same-day records with one headline
             (an article printed in full on page 1 and on its continuation page);
  negatives  every other pair of two articles of the same day (what the rule
             compares in a base: one outlet, one day).
Reports precision/recall of each method at its threshold and the time to
decide all pairs (sets/signatures built once per text, as in the store).

    .venv/bin/python benchmarks/bench_dedup.py [--articles 454] [--perms 128]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews.store.dedup import CONTAINMENT_MIN, MIN_SHINGLES, containment, shingles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
# Jaccard threshold of the MinHash method (the usual near-duplicate cut).
JACCARD_MIN = 0.8
# Share of characters changed in a copy from another source.
EDIT_RATE = 0.02


def load(n: int) -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    out = [{"date": r["date"], "title": r["title"], "text": "\n".join(r["paragraphs"])} for r in recs]
    return [r for r in out if len(shingles(r["text"])) >= MIN_SHINGLES * 3][:n]


def variants(text: str, rng: random.Random) -> dict[str, str]:
    chars = list(text.replace("\n", "").replace("，", ","))
    for i in rng.sample(range(len(chars)), int(len(chars) * EDIT_RATE)):
        chars[i] = "某"
    copy = "".join(chars)
    return {"copy": copy, "teaser": text[:max(80, len(text) // 4)], "continuation": text[len(text) * 2 // 5:]}


class MinHash:
    def __init__(self, perms: int, seed: int = 1):
        rng = np.random.default_rng(seed)
        self.p = (1 << 61) - 1
        self.a = rng.integers(1, self.p, perms, dtype=np.uint64)
        self.b = rng.integers(0, self.p, perms, dtype=np.uint64)

    def signature(self, sh: frozenset[int]) -> np.ndarray:
        h = np.fromiter((x & 0xFFFFFFFF for x in sh), dtype=np.uint64, count=len(sh))
        return ((np.outer(h, self.a) + self.b) % self.p).min(axis=0) if len(h) else np.zeros(len(self.a), np.uint64)

    @staticmethod
    def jaccard(x: np.ndarray, y: np.ndarray) -> float:
        return float((x == y).mean())


def score(decide, pos, neg) -> dict:
    t = time.perf_counter()
    tp = {k: sum(decide(a, b) for a, b in v) for k, v in pos.items()}
    fp = sum(decide(a, b) for a, b in neg)
    secs = time.perf_counter() - t
    found = sum(tp.values())
    total = sum(len(v) for v in pos.values())
    return {"precision": round(found / (found + fp), 4) if found + fp else None,
            "recall": round(found / total, 4), **{f"recall_{k}": round(tp[k] / len(pos[k]), 4) for k in pos},
            "false_positives": fp, "pairs": total + len(neg), "decide_s": round(secs, 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=454)
    ap.add_argument("--perms", type=int, default=128)
    args = ap.parse_args()
    rng = random.Random(18)
    arts = load(args.articles)
    texts = {i: a["text"] for i, a in enumerate(arts)}
    pos_ids = defaultdict(list)
    for i, a in enumerate(arts):
        for kind, t in variants(a["text"], rng).items():
            j = len(texts)
            texts[j] = t
            pos_ids[kind].append((i, j))
    by_day = defaultdict(list)
    for i, a in enumerate(arts):
        by_day[a["date"]].append(i)
    neg_ids = []
    for ids in by_day.values():
        for a, b in itertools.combinations(ids, 2):
            (pos_ids["archive"] if arts[a]["title"] == arts[b]["title"] else neg_ids).append((a, b))

    t = time.perf_counter()
    sets = {i: shingles(t) for i, t in texts.items()}
    build_sets = time.perf_counter() - t
    mh = MinHash(args.perms)
    t = time.perf_counter()
    sigs = {i: mh.signature(s) for i, s in sets.items()}
    build_sigs = time.perf_counter() - t

    def pairs(ids, table):
        return [(table[a], table[b]) for a, b in ids]

    def contained(a, b):
        return min(len(a), len(b)) >= MIN_SHINGLES and containment(a, b) >= CONTAINMENT_MIN

    out = {
        "articles": len(arts), "days": len(by_day), "texts": len(texts),
        "containment": dict(score(contained, {k: pairs(v, sets) for k, v in pos_ids.items()}, pairs(neg_ids, sets)),
                            threshold=CONTAINMENT_MIN, build_s=round(build_sets, 3)),
        "minhash": dict(score(lambda a, b: MinHash.jaccard(a, b) >= JACCARD_MIN,
                              {k: pairs(v, sigs) for k, v in pos_ids.items()}, pairs(neg_ids, sigs)),
                        threshold=JACCARD_MIN, perms=args.perms, build_s=round(build_sets + build_sigs, 3)),
        "max_negative_containment": round(max(containment(*p) for p in pairs(neg_ids, sets)), 3),
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
