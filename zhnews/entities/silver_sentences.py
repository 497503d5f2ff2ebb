"""The tagger's silver sentences as training data: which records they come from,
how a paragraph is cut into sentences, and reading the shipped offsets back.

Why a module of its own: `train_tagger` reads the silver sentences and
`tagger_silver` (which builds them) trains its teacher with `train_tagger`;
keeping the data side here keeps the two out of an import circle.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .. import line_roles_train as lrt

# A sentence ends at these marks (kept with it); sentences of this many characters
# are taken (the gold corpora's sentences are 10-150 characters).
SENT_END = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』）)]?|[^。！？；!?;]+$")
MIN_LEN, MAX_LEN = 8, 160


def _paras(r: dict) -> list[str]:
    return [p.strip() for p in r.get("paragraphs", []) if p and p.strip()]


def records() -> list[dict]:
    """news-unlabeled minus the held-out pages' stories (and their copies), and
    rmrb-2026-01 minus the example pages, in file order."""
    skip = lrt.heldout_keys()
    news = [json.loads(x) for x in lrt.CORPUS.open(encoding="utf-8")]
    held = [r for r in news if r.get("url") in skip or r["title"].strip() in skip]
    tails = {"".join(_paras(r))[-40:] for r in held}
    out = [r for r in news if r not in held and "".join(_paras(r))[-40:] not in tails]
    examples = lrt.example_pages()
    for line in lrt.RMRB.open(encoding="utf-8"):
        r = json.loads(line)
        if (r.get("date"), str(r.get("page", "")).zfill(2)) not in examples:
            out.append(r)
    return out


def paragraphs() -> list[str]:
    seen, out = set(), []
    for r in records():
        for p in _paras(r)[:60]:  # a 政府工作报告 is a book
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


def sentences(para: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENT_END.finditer(para) if MIN_LEN <= len(m.group().strip()) <= MAX_LEN]


# The silver sentences the shipped tagger is trained on: one line a sentence,
# {"p": the first 16 hex digits of its paragraph's sha1, "a", "b": the sentence's
# place in the paragraph, "spans": [[start, end, kind], ...]} (offsets only: the
# text is read from ../shared/data at training time). Rebuilt by
# `python -m zhnews.entities.tagger_silver` (teacher: the tagger trained on the gold corpora alone).
SILVER_PATH = Path(__file__).resolve().parent.parent / "models" / "tagger_silver.jsonl"


def _key(para: str) -> str:
    import hashlib

    return hashlib.sha1(para.encode("utf-8")).hexdigest()[:16]


def load(path: Path = SILVER_PATH) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The silver sentences as (text, spans), their text read from the corpora."""
    if not path.exists():
        return []
    text_of = {_key(p): p for p in paragraphs()}
    out = []
    for line in path.open(encoding="utf-8"):
        x = json.loads(line)
        para = text_of.get(x["p"])
        if para is None:
            raise OSError(f"{path}: a paragraph of the silver sentences is not in the corpora (../shared/data changed?)")
        out.append((para[x["a"] : x["b"]], [tuple(s) for s in x["spans"]]))
    return out
