"""How well page segmentation generalizes beyond the example pages.

Builds flat pages from the 人民日报 e-paper records in ../shared/data (every
article of one printed page, headline then paragraphs, as flat text), cuts a
share of the long paragraphs at a random column position, runs layout, and
reports headline precision/recall and how many cuts were joined back and how
many real paragraph ends were wrongly joined. The records carry no author
lines for features (the e-paper keeps them in separate markup), so this is
harsher than real page text, where a byline often follows the headline.

    .venv/bin/python benchmarks/layout_synthetic.py [../shared/data/rmrb-2026-01-unlabeled.jsonl]
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import zhnews

CUT_SHARE = 0.4  # share of long paragraphs cut in two, about what real pages show
MIN_CUT_LEN = 60  # a column holds ~60+ characters; shorter paragraphs rarely break
WS = re.compile(r"\s+")


def squash(s: str) -> str:
    return WS.sub("", s)


def measure(path: str) -> dict:
    pages = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["title"].startswith("本版责编"):
                continue
            pages[(r["date"], r["page"])].append(r)
    rng = random.Random(7)
    tp = fp = fn = 0
    cuts = cuts_joined = ends = ends_joined = 0
    for (date, _), records in sorted(pages.items()):
        lines, titles, cut_pairs, end_pairs = [], [], [], []
        for r in records:
            paras = [p.strip() for p in r["paragraphs"] if p.strip() and not p.startswith("版式设计")]
            if not paras:
                continue
            titles.append(squash(r["title"]))
            lines.append(r["title"].strip())
            for p in paras:
                if len(p) > MIN_CUT_LEN and rng.random() < CUT_SHARE:
                    k = rng.randint(10, len(p) - 10)
                    lines += [p[:k], p[k:]]
                    cut_pairs.append(squash(p[k - 6 : k + 6]))
                else:
                    lines.append(p)
                if p.endswith("。"):
                    end_pairs.append((squash(p[-6:]), len(lines)))
        text = "\n\n".join(lines)
        page = zhnews.extract(text, date=date, outlet="人民日报")
        got = [squash(a.headline) for a in page.articles]
        tp += sum(1 for t in titles if t in got)
        fn += sum(1 for t in titles if t not in got)
        fp += sum(1 for g in got if g not in titles)
        paragraphs = [squash(a.text[p.start : p.end]) for a in page.articles for p in a.paragraphs]
        joined_text = "\n".join(paragraphs)
        for c in cut_pairs:
            cuts += 1
            cuts_joined += c in joined_text
        for end, idx in end_pairs:
            if idx < len(lines):
                ends += 1
                nxt = squash(lines[idx])[:6]
                ends_joined += (end + nxt) in joined_text
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": len(pages),
        "headline_p": p,
        "headline_r": r,
        "headline_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "cuts": cuts,
        "cuts_joined": cuts_joined,
        "ends": ends,
        "ends_joined": ends_joined,
    }


def main(path: str) -> None:
    m = measure(path)
    print(f"pages: {m['pages']}  headlines: P {m['headline_p']:.3f}  R {m['headline_r']:.3f}  F1 {m['headline_f1']:.3f}")
    print(f"column cuts joined back: {m['cuts_joined']}/{m['cuts']} ({m['cuts_joined'] / max(m['cuts'], 1):.3f})")
    print(f"real paragraph ends wrongly joined: {m['ends_joined']}/{m['ends']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"))
