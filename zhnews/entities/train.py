"""Train the name scorer (and rebuild the place lexicon) from public corpora.

    python -m zhnews.entities.train [--data ../shared/data] [--adcodes path/to/adcodes.csv]

Corpora (see shared/data/README.md): People's Daily 1998 NER (BIO, PER/LOC/ORG) and
CLUENER2020 (spans: name, organization, government, company, address, position, ...).
A fixed 20% of the sentences of each (every 5th) is held out: it is never trained on
and `benchmarks/bench_entities.py` reports the scorer on it. The unlabeled 人民日报
2026 articles only give background character frequencies.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path

from . import recognizer
from .lexicon import compound_surnames, single_surnames
from .people import DOTS

GLUED_MIN_COUNT = 5  # a pair seen fewer times says nothing
GLUED_MIN_SHARE = 0.12  # share of the surname character's occurrences that follow x
COMMON_WORD_MIN = 5  # seen this often in the labeled corpora, never in a name: a word
TRANSLIT_MIN_COUNT = 3  # a character seen fewer times in foreign names says nothing
TRANSLIT_MIN_LOGODDS = 1.5  # ...or when it is not clearly likelier there than in running text
HELD_OUT_EVERY = 5  # every 5th sentence is held out → a 20% test split
EPOCHS = 6
LEARNING_RATE = 0.2
L2 = 1e-6
PRUNE_BELOW = 0.02  # weights smaller than this change no decision; dropping them keeps the file small
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def load_pd1998(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        chars, tags = [], []
        for line in block.split("\n"):
            parts = line.split()
            if len(parts) != 2:
                continue
            chars.append(parts[0])
            tags.append(parts[1])
        if not chars:
            continue
        spans, start, kind = [], None, None
        for i, t in enumerate(tags + ["O"]):
            if t.startswith("B-") or t == "O" or (t.startswith("I-") and kind != t[2:]):
                if start is not None:
                    spans.append((start, i, kind))
                    start, kind = None, None
                if t.startswith("B-") or t.startswith("I-"):
                    start, kind = i, t[2:]
        out.append(("".join(chars), spans))
    return out


CLUENER_KINDS = {
    "name": "PER",
    "organization": "ORG",
    "government": "ORG",
    "company": "ORG",
    "address": "LOC",
    "position": "TITLE",
}


def load_cluener(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        spans = []
        for label, items in d.get("label", {}).items():
            kind = CLUENER_KINDS.get(label)
            if kind is None:
                continue
            for positions in items.values():
                for s, e in positions:  # inclusive at both ends
                    spans.append((s, e + 1, kind))
        out.append((d["text"], spans))
    return out


def split(sentences):
    train = [s for i, s in enumerate(sentences) if i % HELD_OUT_EVERY]
    held = [s for i, s in enumerate(sentences) if i % HELD_OUT_EVERY == 0]
    return train, held


def load_corpora(data: Path):
    pd = load_pd1998(data / "peoples-daily-1998-ner.dev.bio")
    cl = load_cluener(data / "cluener2020.train.jsonl")
    pd_train, pd_held = split(pd)
    cl_train, cl_held = split(cl)
    return {"pd_train": pd_train, "pd_held": pd_held, "cl_train": cl_train, "cl_held": cl_held}


def _han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


def char_stats(train, background_texts) -> dict:
    """Log-odds of each character being a surname / a given-name character vs running text."""
    sur, giv, total = Counter(), Counter(), Counter()
    for text, spans in train:
        total.update(text)
        for s, e, k in spans:
            name = text[s:e]
            if k == "PER" and 2 <= len(name) <= 4 and _han(name):
                sur[name[0]] += 1
                giv.update(name[1:])
    for t in background_texts:
        total.update(t)
    n_all = sum(total.values())
    n_sur, n_giv = sum(sur.values()), sum(giv.values())
    clip = recognizer.LOGODDS_CLIP

    def lo(c, counter, n):
        v = math.log((counter[c] + 0.1) / n) - math.log((total[c] + 1) / n_all)
        return round(max(-clip, min(clip, v)), 2)

    chars = set(total) | set(sur) | set(giv)
    # Pairs "x + surname" that are mostly one word (工程, 公司, 学习, 主任): a name
    # does not start on the second character of such a pair.
    surnames = single_surnames()
    pair, starts = Counter(), Counter()
    for t in [t for t, _ in train] + list(background_texts):
        for a, b in zip(t, t[1:]):
            if b in surnames:
                pair[a + b] += 1
    for text, spans in train:
        for s, e, k in spans:
            if k == "PER" and s > 0:
                starts[text[s - 1 : s + 1]] += 1
    glued = {
        ab: round(c / total[ab[1]], 2)
        for ab, c in pair.items()
        if c >= GLUED_MIN_COUNT and c / total[ab[1]] >= GLUED_MIN_SHARE and starts[ab] == 0
    }
    # Two-character words that start on a surname and were never a name (荣誉,
    # 周末, 高度): a two-character span equal to one needs a title before it.
    words2, in_name = Counter(), set()
    for text, spans in train:
        per = bytearray(len(text) + 1)
        for s, e, k in spans:
            if k == "PER":
                for q in range(s, e):
                    per[q] = 1
        for q in range(len(text) - 1):
            a, b = text[q], text[q + 1]
            if a in surnames and "\u4e00" <= b <= "\u9fff":
                if per[q] or per[q + 1]:
                    in_name.add(a + b)
                else:
                    words2[a + b] += 1
    pers = {w: 1 for w in in_name}
    common = sorted(w for w, c in words2.items() if c >= COMMON_WORD_MIN and w not in pers)
    # Characters of transliterated names (斯, 克, 尔, 娃): names with a middle dot or
    # with no Chinese surname, against running text; kept only when seen often
    # enough in such names to mean something (see people.py: _translit_names).
    foreign = Counter()
    compound = compound_surnames()
    for text, spans in train:
        for s, e, k in spans:
            name = text[s:e]
            if k != "PER" or len(name) < 2 or not all(_han(c) or c in DOTS for c in name):
                continue
            if any(d in name for d in DOTS) or (name[0] not in surnames and name[:2] not in compound):
                foreign.update(c for c in name if c not in DOTS)
    n_for = sum(foreign.values()) or 1
    translit = {
        c: lo(c, foreign, n_for)
        for c in foreign
        if foreign[c] >= TRANSLIT_MIN_COUNT and lo(c, foreign, n_for) >= TRANSLIT_MIN_LOGODDS
    }
    return {
        "common2": common,
        "translit": translit,
        "sur": {c: lo(c, sur, n_sur) for c in chars if sur[c] or total[c] >= 3},
        "giv": {c: lo(c, giv, n_giv) for c in chars if giv[c] or total[c] >= 3},
        "glued": glued,
    }


def candidates(text: str, surnames: set[str], compound: set[str]):
    """Every span that could be a name: a surname then 1–2 given characters."""
    n = len(text)
    for i, ch in enumerate(text):
        if ch in surnames:
            for length in (2, 3):
                if i + length <= n and _han(text[i : i + length]):
                    yield i, i + length
        if text[i : i + 2] in compound:
            for length in (3, 4):
                if i + length <= n and _han(text[i : i + length]):
                    yield i, i + length


def examples(sentences, stats, surnames, compound, context=True):
    for text, spans in sentences:
        gold = {(s, e) for s, e, k in spans if k == "PER"}
        for s, e in candidates(text, surnames, compound):
            yield recognizer.candidate_features(text, s, e, stats, context), (1 if (s, e) in gold else 0)


def train_lr(data, epochs=EPOCHS, seed=13) -> dict[str, float]:
    """Logistic regression by AdaGrad SGD on sparse binary features."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for feats, y in data:
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = p - y
            for f in feats:
                acc = g2.get(f, 1e-8) + grad * grad
                g2[f] = acc
                w[f] = w.get(f, 0.0) - LEARNING_RATE * (grad + L2 * w.get(f, 0.0)) / math.sqrt(acc)
    return {f: round(v, 3) for f, v in w.items() if abs(v) >= PRUNE_BELOW}


def decode(scorer: recognizer.NameScorer, text: str, threshold: float = 0.5) -> set[tuple[int, int]]:
    """Names in a sentence by the scorer alone: best length per start, no overlaps."""
    found = []
    for s, e in candidates(text, scorer.surnames, scorer.compound):
        p = scorer.score(text, s, e)
        if p >= threshold:
            found.append((p, s, e))
    found.sort(reverse=True)
    taken = [False] * (len(text) + 1)
    out = set()
    for p, s, e in found:
        if any(taken[s:e]):
            continue
        for k in range(s, e):
            taken[k] = True
        out.add((s, e))
    return out


def evaluate(scorer, sentences, threshold=0.5, han_only=False) -> dict:
    tp = fp = fn = 0
    for text, spans in sentences:
        gold = {(s, e) for s, e, k in spans if k == "PER" and (not han_only or _han(text[s:e]))}
        pred = decode(scorer, text, threshold)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "gold": tp + fn}


def build(data: Path = DEFAULT_DATA) -> recognizer.NameScorer:
    corpora = load_corpora(data)
    train = corpora["pd_train"] + corpora["cl_train"]
    background = []
    unl = data / "rmrb-2026-01-unlabeled.jsonl"
    if unl.exists():
        for line in unl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                background.extend(json.loads(line).get("paragraphs", []))
    stats = char_stats(train, background)
    surnames, compound = single_surnames(), compound_surnames()
    weights = train_lr(list(examples(train, stats, surnames, compound)))
    intrinsic = train_lr(list(examples(train, stats, surnames, compound, context=False)))
    return recognizer.NameScorer(weights, stats, surnames, compound, intrinsic)


def build_places(adcodes: Path, out: Path) -> int:
    """places.tsv from an adcode table (code,name,...): name, level, full path."""
    rows = {}
    for line in adcodes.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split(",")
        if len(parts) >= 2 and parts[0].isdigit():
            rows[parts[0][:6]] = parts[1]
    lines = []
    for code, name in sorted(rows.items()):
        if code.endswith("0000"):
            level, path = "province", name
        elif code.endswith("00"):
            prov = rows.get(code[:2] + "0000", "")
            level, path = "city", prov + name
        else:
            prov = rows.get(code[:2] + "0000", "")
            city = rows.get(code[:4] + "00", "")
            level, path = "county", prov + (city if city not in ("市辖区", "县", "") else "") + name
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        lines.append(f"{name}\t{level}\t{path}\t{code}")
    header = (
        "# Chinese administrative divisions (province, prefecture, county) with their full path.\n"
        "# Source: the adcodes table shipped in the MIT-licensed PyPI package cpca 0.5.5\n"
        "# (chinese_province_city_area_mapper, resources/adcodes.csv, 民政部 codes of 2020),\n"
        "# rebuilt by `python -m zhnews.entities.train --adcodes adcodes.csv`.\n"
        "# name\tlevel\tpath\tadcode\n"
    )
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--adcodes", type=Path, help="cpca's resources/adcodes.csv to rebuild places.tsv")
    args = ap.parse_args(argv)
    if not (args.data / "cluener2020.train.jsonl").exists():
        ap.error(f"no corpora under {args.data}")
    if args.adcodes:
        n = build_places(args.adcodes, Path(__file__).resolve().parent.parent / "lexicons" / "places.tsv")
        print(f"places.tsv: {n} divisions")
    scorer = build(args.data)
    recognizer.save(scorer)
    corpora = load_corpora(args.data)
    for name in ("pd_held", "cl_held"):
        print(name, evaluate(scorer, corpora[name]), "han-only:", evaluate(scorer, corpora[name], han_only=True))
    print(f"saved {recognizer.MODEL_PATH} ({recognizer.MODEL_PATH.stat().st_size} bytes, {len(scorer.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
