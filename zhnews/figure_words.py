"""Word boundaries and parts of speech for the few characters around a figure.

An indicator cut at a character count or at a one-character stop word ends
inside words (3000名足球小|将, 队伍参|赛) and keeps verbs (年产值稳步, 开车).
Segmenting the clause lets `figures` cut only between words and tell a noun
phrase from a predicate. The dictionary is `lexicons/figure_words.tsv`, built
from jieba's at build time (jieba is a dev dependency only); segmentation is
jieba's own method, the most probable path through the word graph, over one
clause at a time, so it costs a few microseconds a figure.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from . import built_cache
from . import lexicon as lexicon_module
from .lexicon import iter_table, load_text

WORDS_FILE = "figure_words.tsv"
# Corrections to jieba's tags (参赛 n → v, 率 v → n) and words it lacks (占比).
OVERRIDES_FILE = "figure_pos_overrides.txt"
# Frequency given to an override word jieba lacks: that of a common word, so the
# segmentation keeps it whole (占比 rather than 占|比).
OVERRIDE_FREQ = 2000
MAX_WORD = 4  # the lexicon keeps words of 1-4 characters

# Parts of speech (jieba's tag set) that can make up a noun phrase naming what
# is measured: nouns, names, places, organisations, verbal and adjectival
# nouns (建设, 安全), abbreviations (年产), distinguishing words (国家级).
NOUNISH = frozenset("n nr nrt nrfg ns nt nz ng vn an j b s l i".split())
# Parts of speech that end a noun phrase: verbs, adverbs, prepositions,
# conjunctions, particles, pronouns, locatives, modal particles.
VERBAL = frozenset("v vd vg vi vq".split())
FUNCTION = frozenset("d p c u uj ul uz ug uv ud r rr rz f y e o ad df".split())


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, float], dict[str, str]]:
    """(log probability, part of speech) of every word.

    Built once per user and lexicon version, then read back in marshal form
    (`built_cache`: half the instructions of building it, in every process's
    start-up). Stored packed (`_packed_lexicon`), which loads faster than
    dicts; the dicts are rebuilt in the same key order."""
    logps, tags, pos = built_cache.cached(
        "figure_words", (Path(__file__), Path(lexicon_module.__file__), lexicon_module.LEXICON_DIR / WORDS_FILE,
                         lexicon_module.LEXICON_DIR / OVERRIDES_FILE), _packed_lexicon)
    logp = built_cache.unpack(logps)
    return logp, (built_cache.unpack(pos) if tags is None else dict(zip(logp, map(tags.__getitem__, pos))))


def _packed_lexicon() -> tuple[tuple | dict, list[str] | None, bytes | tuple | dict]:
    """build_lexicon() for the cache: the log probabilities packed
    (`built_cache.pack`), and the parts of speech as one byte a word indexing
    the ~60 distinct tags, in the same word order (marshal then reads one
    bytes object, not 133k short strings). Tags are (None, the packed dict)
    if their words are not in that order (they are: both follow the file)."""
    logp, pos = build_lexicon()
    tags = sorted(set(pos.values()))
    if list(pos) != list(logp) or len(tags) > 256:
        return built_cache.pack(logp), None, built_cache.pack(pos)
    index = {t: i for i, t in enumerate(tags)}
    return built_cache.pack(logp), tags, bytes(index[t] for t in pos.values())


def build_lexicon() -> tuple[dict[str, float], dict[str, str]]:
    """What lexicon() returns, built from the data files."""
    freq, pos = _words_table()
    for parts in iter_table(OVERRIDES_FILE):
        if len(parts) >= 2:
            freq.setdefault(parts[0], OVERRIDE_FREQ)
            pos[parts[0]] = parts[1]
    total = math.log(sum(freq.values()))
    return {w: math.log(f) - total for w, f in freq.items()}, pos


def _words_table() -> tuple[dict[str, int], dict[str, str]]:
    """figure_words.tsv as (frequency, part of speech) by word. Read in one
    split of the whole file (it is generated: three columns a row), since every
    process loads its 133k rows at start-up; a split a line took 0.06 s more."""
    rows = [line for line in load_text(WORDS_FILE).split("\n") if line and not line.startswith("#")]
    flat = "\t".join(rows).split("\t")
    if len(flat) != 3 * len(rows):  # a hand-edited row: the careful reading
        freq, pos = {}, {}
        for parts in iter_table(WORDS_FILE):
            if len(parts) >= 3:
                freq[parts[0]] = int(parts[1])
                pos[parts[0]] = parts[2]
        return freq, pos
    words = flat[0::3]
    return dict(zip(words, map(int, flat[1::3]))), dict(zip(words, flat[2::3]))


def segment(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of `text`, by the most probable segmentation."""
    logp, _ = lexicon()
    n = len(text)
    unknown = -25.0  # below any word's log probability: unknown characters stand alone
    best = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice = (best[i + 1][0] + logp.get(text[i], unknown), i + 1)
        for k in range(2, MAX_WORD + 1):
            j = i + k
            if j > n:
                break
            p = logp.get(text[i:j])
            if p is not None and best[j][0] + p > choice[0]:
                choice = (best[j][0] + p, j)
        best[i] = choice
    out = []
    i = 0
    while i < n:
        j = best[i][1]
        out.append((i, j))
        i = j
    return out


def pos_of(word: str) -> str:
    """jieba's part of speech of `word`; 'x' for punctuation, 'n' for an unknown
    Chinese character (mostly a piece of a name: 厄立特里亚)."""
    pos = lexicon()[1].get(word)
    if pos:
        return pos
    if word and all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return "n"
    return "eng" if word and all(ch.isascii() and ch.isalnum() for ch in word) else "x"
