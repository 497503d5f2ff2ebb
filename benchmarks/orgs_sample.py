"""Print the organizations of a seeded random sample of unseen 人民日报 articles for a person to judge.

The organization rules were tuned on the example pages; this shows what they do
on articles nobody tuned them on (wrong left boundaries such as "战胜西南中心小学",
counted phrases such as "全国校园足球特色学校35所", generic descriptions). Each
predicted organization is printed with the sentence of its first mention, so a
reader can mark it right or wrong (benchmarks/orgs_silver.tsv holds such
judgments; `--score` compares the current output with it).

    .venv/bin/python benchmarks/orgs_sample.py [--n 65] [--seed 11] [--tsv]
    .venv/bin/python benchmarks/orgs_sample.py --score [benchmarks/orgs_silver.tsv]

Scoring: a silver row is (url, predicted name, correct 0/1, right name). The
right names of an article are the predicted names judged 1 plus the corrected
names of boundary errors. Precision = current predictions that are right names /
current predictions of the judged articles; recall = right names still predicted
/ right names. Recall here only counts organizations some version of the rules
found, so it measures what a filter loses, not what the finder misses.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from zhnews.errors import InputError
from zhnews.extraction import extract_record

CORPUS = Path("/work/shared/data/rmrb-2026-01-unlabeled.jsonl")
SILVER = Path(__file__).with_name("orgs_silver.tsv")
_SENT_END = re.compile(r"[。！？!?；;\n]")


def sentence_of(text: str, start: int, end: int) -> str:
    s = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    return text[s : m.end() if m else len(text)]


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample(records: list[dict], n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return rng.sample(records, min(n, len(records)))


def orgs_of(record: dict):
    """(url, article text, organization) for every organization of one record."""
    try:
        page = extract_record(record)
    except InputError:
        return
    for article in page.articles:
        for o in article.organizations:
            yield record.get("url", ""), article.text, o


def show(records: list[dict], tsv: bool) -> None:
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n") if tsv else None
    for rec in records:
        for url, text, o in orgs_of(rec):
            m = o.mentions[0] if o.mentions else None
            sent = sentence_of(text, m.start, m.end).strip() if m else ""
            if out:
                out.writerow([url, o.name, sent[:160]])
            else:
                print(f"{o.name}\t[{o.kind}]\t{sent[:160]}")


def read_silver(path: Path) -> dict[str, dict[str, tuple[int, str]]]:
    rows: dict[str, dict[str, tuple[int, str]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            url, name, ok = parts[0], parts[1], int(parts[2])
            right = parts[3] if len(parts) > 3 else ""
            rows.setdefault(url, {})[name] = (ok, right)
    return rows


def score(path: Path, records: list[dict], verbose: bool) -> dict[str, float]:
    silver = read_silver(path)
    by_url = {r.get("url"): r for r in records}
    tp = npred = 0
    gold_total = gold_found = 0
    for url, judged in silver.items():
        rec = by_url.get(url)
        if rec is None:
            continue
        right = {n for n, (ok, _) in judged.items() if ok}
        right |= {x for _, (ok, r) in judged.items() if not ok for x in r.split("|") if x}
        pred = {o.name for _, _, o in orgs_of(rec)}
        npred += len(pred)
        tp += len(pred & right)
        gold_total += len(right)
        gold_found += len(right & pred)
        if verbose:
            for n in sorted(pred - right):
                tag = "unjudged" if n not in judged else "wrong"
                print(f"  FP({tag})\t{n}\t{url}")
            for n in sorted(right - pred):
                print(f"  FN\t{n}\t{url}")
    p = tp / npred if npred else 0.0
    r = gold_found / gold_total if gold_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"articles {len(silver)}  predicted {npred}  right {tp}  precision {p:.3f}  recall {r:.3f} ({gold_found}/{gold_total})  F1 {f:.3f}")
    return {"precision": p, "recall": r, "f1": f}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=65)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--tsv", action="store_true")
    ap.add_argument("--score", nargs="?", const=str(SILVER), default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    records = load(CORPUS)
    if args.score:
        score(Path(args.score), records, args.verbose)
        return 0
    show(sample(records, args.n, args.seed), args.tsv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
