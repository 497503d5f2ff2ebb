"""Character clusters learned from unlabeled text: features of the entity tagger.

    python -m zhnews.entities.char_clusters [--data ../shared/data] [--out zhnews/lexicons/char_clusters.tsv] [--check]

Why: the CRF learns a weight per character, and a name's characters are mostly
rare in the labelled corpora (a fifth of PD98 holds ~140 names); a character
that behaves like others in running text (the same left and right neighbours:
given-name characters, place suffixes, verbs) shares their cluster, and the
cluster's weight is learned from all of them — the classic word-cluster gain
for CRF taggers (Brown clusters), here for characters.

How: every character seen MIN_COUNT times gets a vector of how often each of the
CONTEXT most frequent characters (and a sentence edge, and "any other") stands
just left and just right of it; positive PMI of those counts; truncated SVD
(numpy, DIMS dimensions, rows normalised); k-means at each granularity of
GRANULARITIES (k-means++ seeded with SEED, Lloyd's iterations until nothing
moves or ITERATIONS). Deterministic: the text is read in file order, the
ordering of characters and contexts is by count then code point, the SVD's
signs are fixed, the random generator seeded.

Text (unlabeled only, never the held-out 20 %): news-unlabeled.jsonl minus the
records of the held-out pages (`line_roles_train.corpus_records`), the whole
rmrb-2026-01-unlabeled.jsonl, and the raw characters of the training 80 % of
People's Daily 1998 NER and CLUENER2020 (their labels are not read).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..lexicon import LEXICON_DIR, load_text

NAME = "char_clusters.tsv"
PATH = LEXICON_DIR / NAME
MIN_COUNT = 5  # rarer characters get no cluster: their ~10 contexts say little
CONTEXT = 1500  # context characters (most frequent first); the rest share one column
DIMS = 64  # SVD dimensions kept
GRANULARITIES = (32, 128, 512)  # coarse to fine: the coarse classes generalize, the fine ones discriminate
ITERATIONS = 60
SEED = 1416


def texts(data: Path) -> list[str]:
    """The unlabeled text the clusters are learned from, one string a paragraph or sentence."""
    from .. import line_roles_train
    from . import train

    out: list[str] = []
    for r in line_roles_train.corpus_records(dev=None):
        out.append(r.get("title") or "")
        out.extend(r["paragraphs"])
    with (data / "rmrb-2026-01-unlabeled.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append(r.get("title") or "")
            out.extend(p for p in r.get("paragraphs", []) if p)
    c = train.load_corpora(data)
    out.extend(t for t, _ in c["pd_train"])
    out.extend(t for t, _ in c["cl_train"])
    return [t.strip() for t in out if t and t.strip()]


def build(lines: list[str]):
    """{char: (cluster at each granularity)}."""
    import numpy as np

    counts = Counter(c for t in lines for c in t if not c.isspace())
    chars = sorted((c for c, n in counts.items() if n >= MIN_COUNT), key=lambda c: (-counts[c], c))
    ctx = chars[:CONTEXT]
    row = {c: i for i, c in enumerate(chars)}
    col = {c: i for i, c in enumerate(ctx)}
    other, edge = len(ctx), len(ctx) + 1
    width = len(ctx) + 2
    pairs = Counter()
    for t in lines:
        s = [c for c in t if not c.isspace()]
        for i, c in enumerate(s):
            r = row.get(c)
            if r is None:
                continue
            left = col.get(s[i - 1], other) if i else edge
            right = col.get(s[i + 1], other) if i + 1 < len(s) else edge
            pairs[r, left] += 1
            pairs[r, width + right] += 1
    m = np.zeros((len(chars), 2 * width))
    keys = sorted(pairs)
    rr, cc = np.array(keys).T
    m[rr, cc] = [pairs[k] for k in keys]
    total = m.sum()
    pmi = np.log(m * total / (m.sum(1, keepdims=True) * m.sum(0, keepdims=True) + 1e-300) + 1e-300)
    ppmi = np.where(m > 0, np.maximum(pmi, 0.0), 0.0)
    u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
    u = u[:, :DIMS] * s[:DIMS]
    u *= np.sign(u[np.abs(u).argmax(0), np.arange(u.shape[1])])  # a fixed sign per dimension
    u /= np.linalg.norm(u, axis=1, keepdims=True) + 1e-12
    out = {c: [] for c in chars}
    for k in GRANULARITIES:
        for c, lab in zip(chars, _kmeans(u, k)):
            out[c].append(int(lab))
    return {c: tuple(v) for c, v in out.items()}


def _kmeans(x, k: int):
    """Labels of Lloyd's k-means with k-means++ seeding (deterministic: seeded)."""
    import numpy as np

    rng = np.random.RandomState(SEED + k)
    n = len(x)
    k = min(k, n)  # (a small text: the tests' slice)
    centres = [x[rng.randint(n)]]
    d2 = ((x - centres[0]) ** 2).sum(1)
    for _ in range(1, k):
        centres.append(x[rng.choice(n, p=d2 / d2.sum())])
        d2 = np.minimum(d2, ((x - centres[-1]) ** 2).sum(1))
    c = np.array(centres)
    lab = None
    for _ in range(ITERATIONS):
        dist = (x**2).sum(1)[:, None] - 2 * x @ c.T + (c**2).sum(1)[None, :]
        new = dist.argmin(1)
        if lab is not None and (new == lab).all():
            break
        lab = new
        for j in range(k):
            members = x[lab == j]
            if len(members):
                c[j] = members.mean(0)
    # cluster ids renumbered by their first member in the table's order, so the ids do not depend on the seeding's order
    order = {}
    for v in lab.tolist():
        order.setdefault(v, len(order))
    return [order[v] for v in lab.tolist()]


def check_or_write(out: Path, text: str, check: bool) -> int:
    """With `check`: 0 when the file at `out` is exactly `text` (said), 1 when it
    differs; else write it. Shared by the tagger's table builders."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'reproduced byte for byte' if same else 'DIFFERS from a rebuilt table'}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"{out}: {text.count(chr(10))} lines, {len(text.encode()) / 1024:.0f} KB")
    return 0


def render(table: dict) -> str:
    head = (
        "# Character clusters (zhnews.entities.char_clusters; features of the entity tagger): char, then its\n"
        f"# k-means cluster at {', '.join(map(str, GRANULARITIES))} classes of PPMI left/right-neighbour vectors (SVD {DIMS} dims)\n"
        "# learned from news-unlabeled.jsonl minus the held-out pages' records, rmrb-2026-01-unlabeled.jsonl and the\n"
        "# raw text of the training 80 % of PD98 NER + CLUENER2020. Rebuilt by `python -m zhnews.entities.char_clusters`.\n"
    )
    return head + "".join(f"{c}\t" + "\t".join(map(str, v)) + "\n" for c, v in table.items())


@lru_cache(maxsize=1)
def load(name: str = NAME) -> dict[str, tuple[int, ...]]:
    """{char: clusters} (a missing file is an error, as every lexicon's). The
    header's lines open with "# "; "#" itself is a character of the table."""
    out = {}
    for line in load_text(name).split("\n"):
        if line and not line.startswith("# "):
            c, *v = line.split("\t")
            out[c] = tuple(int(x) for x in v)
    return out


def main(argv=None) -> int:
    from . import train

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=train.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=PATH)
    ap.add_argument("--check", action="store_true", help="rebuild into a temporary file and compare it with --out")
    args = ap.parse_args(argv)
    return check_or_write(args.out, render(build(texts(args.data))), args.check)


if __name__ == "__main__":
    raise SystemExit(main())
