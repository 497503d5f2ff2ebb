"""The fast lookups of the entities stage give exactly what the plain ones gave.

The entities stage was made ~3× faster by replacing regex alternations with
`lexicon.WordScanner`, length loops with per-character length indexes, and
feature strings with memoised weights. Each fast path is checked here against
the plain definition it replaced, on every position of the real example pages,
and the stage as a whole against the accuracy floors on the gold examples.
"""

from __future__ import annotations

import math
import re

import pytest

from conftest import SHARED_EXAMPLES, example_pages
from zhnews import figure_words
from zhnews.entities import lexicon, orgs, people, places, recognizer, titles


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in example_pages()]
    assert out, "no example pages"
    return out


# -- WordScanner against the regex alternation it replaced ---------------------------
def _word_sets():
    table, _ = places._index()
    suffixes, known, *_ = orgs._tables()
    starts = set(places.place_names()) | set(known) | {"中国", "中华", "国家", "全国", "中央", "中共", "自治区"}
    return {
        "places": set(table),
        "org suffixes (one-character words too)": set(suffixes),
        "org known names": set(known),
        "org starts": starts,
        "people names": {"习近平", "王毅", "李强", "赵乐际", "乐玉成", "刘国中", "刘国"},
    }


def test_scanner_finditer_equals_regex_alternation(texts):
    for label, words in _word_sets().items():
        scan = lexicon.WordScanner(words)
        rx = re.compile(lexicon.alternation(words))
        for t in texts:
            assert list(scan.finditer(t)) == [m.span() for m in rx.finditer(t)], label


def test_find_words_equals_regex_alternation(texts):
    # the per-article names of people.read: short sets, words inside others
    sets = [
        {"习近平", "王毅", "李强", "赵乐际", "乐玉成", "刘国中", "刘国"},
        {"山西", "山西省", "西省", "太原", "原市"},
        {"中", "中国", "国"},
    ]
    n = 0
    for words in sets:
        rx = re.compile(lexicon.alternation(words))
        for t in texts + ["刘国中刘国刘国中", "山西省太原市", "中国中国国中"]:
            want = [m.span() for m in rx.finditer(t)]
            assert lexicon.find_words(t, words) == want
            n += len(want)
    assert n > 20


def test_scanner_starts_equals_lookahead_regex(texts):
    suffixes = set(orgs._tables()[0])
    scan = lexicon.WordScanner(suffixes)
    rx = re.compile("(?=(" + lexicon.alternation(suffixes) + "))")
    for t in texts:
        got = list(scan.starts(t))
        assert got == [m.span(1) for m in rx.finditer(t)]
        assert got, "the suffix lexicon matched nothing on a real page"


def test_scanner_match_with_endpos_equals_regex_match(texts):
    words = _word_sets()["org starts"]
    scan = lexicon.WordScanner(words)
    rx = re.compile(lexicon.alternation(words))
    hits = 0
    for t in texts:
        for k in range(len(t)):
            for hi in (k + 2, k + 3, k + 6, len(t)):
                m = rx.match(t, k, hi)
                assert scan.match(t, k, hi) == (m.end() if m else None)
                hits += m is not None
    assert hits > 100


def test_scanner_at_the_end_of_the_text_and_empty_sets():
    scan = lexicon.WordScanner({"山西省", "山西", "太原市"})
    # a slice cut short by the end of the text is not a longer word
    assert list(scan.finditer("在山西")) == [(1, 3)]
    assert list(scan.finditer("山西省太原市")) == [(0, 3), (3, 6)]
    assert list(lexicon.WordScanner(set()).finditer("山西")) == []
    assert lexicon.WordScanner({"局", "公安局"}).match("市公安局", 1) == 4


# -- per-character length indexes against the plain length loops -----------------------
def _head_ending_plain(text, i, kin=False):
    j = i
    while j > 0 and text[j - 1] in " \u3000" and i - j < 3:
        j -= 1
    words = titles._KIN if kin else titles._TITLES
    for n in range(min(titles.MAX_HEAD, j), 0, -1):
        w = text[j - n : j]
        if w in words:
            if j != i and w not in titles.SPACED_TITLES:
                return None
            return j - n, j
    return None


def _head_starting_end_plain(text, i):
    for n in range(min(titles.MAX_HEAD, len(text) - i), 0, -1):
        if text[i : i + n] in titles._TITLES:
            return i + n
    return None


def _follow_plain(text, e):
    if e >= len(text) or text[e] in people.NAME_END_CHARS:
        return "end"
    for n in range(min(people.MAX_FOLLOW, len(text) - e), 0, -1):
        w = text[e : e + n]
        if w in people.HONORS:
            return "honor"
        if w in people.VERBS:
            return "verb"
        if w in people.STOPS:
            return "stop"
    if titles.head_starting_at(text, e):
        return "title"
    if text[e] == "在":
        clause = re.match(r"[^，。；：！？,\n]*", text[e + 1 : e + 1 + people.MAX_ZAI_CLAUSE + 1]).group(0)
        k = e + 1 + len(clause)
        if len(clause) <= people.MAX_ZAI_CLAUSE and k < len(text) and text[k] in "，：:," and any(
                clause.endswith(v) for v in people.VERBS):
            return "verb"
    for w in sorted(people.ADVERBS, key=len, reverse=True):
        if text.startswith(w, e):
            return "verb" if _follow_plain(text, e + len(w)) == "verb" else None
    m = re.match(r"([\u4e00-\u9fff]{2,4})地|([\u4e00-\u9fff])着", text[e:])
    if m:
        # a manner word (兴奋地, 笑着): a lexicon word before 地 or a verb before 着, then a verb
        pos = figure_words.lexicon()[1]
        k = e + m.end()
        if (m.group(1) and pos.get(m.group(1)) or m.group(2) and pos.get(m.group(2), "")[:1] == "v") and (
                _follow_plain(text, k) == "verb" or pos.get(text[k : k + 2], "")[:1] == "v"):
            return "verb"
    m = re.match(r"(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚间?|凌晨)?", text[e:])
    if m:
        return "verb" if _follow_plain(text, e + m.end()) == "verb" else None
    if text[e] == "在":
        return "stop"
    return None


def test_indexed_lookups_equal_plain_loops(texts):
    found = {"head_end": 0, "head_start": 0, "stop": 0, "org_stop": 0, "follow": 0, "prefix": 0}
    for t in texts:
        for i in range(len(t) + 1):
            for kin in (False, True):
                h = titles.head_ending_at(t, i, kin)
                assert h == _head_ending_plain(t, i, kin), (i, kin)
                found["head_end"] += h is not None
            h = titles.head_starting_at(t, i)
            end = _head_starting_end_plain(t, i)
            if end is not None and (end >= len(t) or t[end] not in titles.NOT_TITLE_AFTER):
                assert h is not None and h[0] == i and h[1] >= end
                found["head_start"] += 1
            else:
                assert h is None
            plain = next((n for n in range(min(titles.MAX_STOP, i), 0, -1) if t[i - n : i] in titles.LEFT_STOPS), 0)
            assert titles._stop_ending_at(t, i) == plain
            found["stop"] += plain > 0
            plain = any(t[i - n : i] in orgs.ORG_LEFT_STOPS for n in range(min(orgs.MAX_STOP, i), 0, -1))
            assert orgs._stop_ending_at(t, i) == plain
            found["org_stop"] += plain
            f = people._follow(t, i)
            assert f == _follow_plain(t, i)
            found["follow"] += f not in (None, "end")
            prefix = t[max(0, i - 8) : i]
            plain = not prefix or prefix[-1] in titles.PLACE_END_CHARS or bool(titles.STATIONED_RE.search(prefix)) or any(
                prefix[-n:] in titles._PREFIX_ENDS for n in range(min(titles.MAX_PREFIX_END, len(prefix)), 0, -1)
            )
            assert titles.prefix_ok(prefix) == plain
            found["prefix"] += plain
    assert all(found.values()), found  # every lookup did find something on real pages


def test_candidate_name_ends_equal_the_plain_checks(texts):
    from zhnews import entities
    from zhnews.entities.recognizer import _all_han

    reader = entities.reader()
    sc = reader.scorer
    giv = sc.stats["giv"]
    n = 0
    for t in texts + ["王", "王小", "欧阳", "欧阳小明", "王·小", "王的明", "王\U00020000明"]:
        for i in range(len(t)):
            lengths = (3, 4) if t[i : i + 2] in sc.compound else (2, 3)
            plain = tuple(
                i + k
                for k in lengths
                if i + k <= len(t)
                and _all_han(t, i, i + k)
                and not any(c in people.NOT_GIVEN or c in people.FUNCTION_GIVEN or giv.get(c, 0.0) <= people.VETO_LOGODDS
                            for c in t[i + 1 : i + k])
                and people.ADDRESS_WORD not in t[i + 1 : i + k + 1]  # 王|先生: the form of address ends it
            )
            assert reader._spans(t, i) == plain, (t[i : i + 4], i)
            n += bool(plain)
    assert n > 1000


# -- the name scorer against the plain sum over its features ------------------------------
def _sigmoid_of_sum(weights, feats):
    z = 0.0
    for f in feats:
        z += weights.get(f, 0.0)
    return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))


def test_scorer_is_bit_identical_to_the_feature_sum(texts):
    sc = recognizer.load()
    n = 0
    for t in texts:
        for i, c in enumerate(t):
            if c not in sc.surnames:
                continue
            for e in (i + 2, i + 3, i + 4):
                if e > len(t):
                    continue
                want = _sigmoid_of_sum(sc.weights, recognizer.candidate_features(t, i, e, sc.stats))
                alone = _sigmoid_of_sum(sc.intrinsic, recognizer.candidate_features(t, i, e, sc.stats, False))
                for _ in range(2):  # the first call fills the caches, the second reads them
                    got = sc.score(t, i, e)
                    assert got == want, (t[i:e], got, want)
                    assert sc.name_likeness(t, i, e) == alone
                for p in (0.5, 0.85, 0.95):
                    if not sc.can_reach(t, i, e, p):
                        assert want < p, (t[i:e], want, p)
                n += 1
    assert n > 1000


# -- the stage as a whole ------------------------------------------------------------------
@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(), reason="gold files are in ../shared/examples")
def test_entities_keep_their_accuracy_floors_on_the_gold_examples():
    from zhnews import evaluate

    report = evaluate.evaluate(sorted(str(p) for p in SHARED_EXAMPLES.glob("*.gold.json")))
    f = report.fields
    # the scores the stage had before it was made faster, as `zhnews eval` prints
    # them (three decimals): people 0.978 (109/2/3), titles recall 0.990, orgs 0.923
    assert round(f["people"].f1, 3) >= 0.978
    assert round(f["people.titles"].recall, 3) >= 0.99
    assert round(f["organizations"].f1, 3) >= 0.92


def test_vector_name_scores_equal_the_scalar_ones(texts):
    """q_reaches (the tagger's gate: every start of a text at once) asks exactly
    what _q asks of each 2- and 3-character all-CJK span, at several thresholds."""
    import numpy as np

    sc = recognizer.load()
    n = 0
    for t in texts + ["王", "王明", "^王明$", "李𠀀明说"]:
        starts = np.array([i for i, c in enumerate(t) if c in sc.surnames], dtype=np.int64)
        for p in (people.T_TAGGED, 0.5, 0.9):
            got = sc.q_reaches(t, starts, p).tolist()
            want = [
                any(
                    s + k <= len(t)
                    and recognizer._all_han(t, s, s + k)
                    and max(sc.score(t, s, s + k), sc.name_likeness(t, s, s + k)) >= p
                    for k in (2, 3)
                )
                for s in starts.tolist()
            ]
            assert got == want, t[:40]
            n += sum(want)
    assert n > 100


def test_stop_word_shortcut_equals_segmenting(texts):
    """orgs._stop_is_word answers without segmenting when no lexicon word runs
    over the stop's edges; it must give what segmenting the clause gives."""
    from zhnews import figure_words

    def plain(text, j, n, end):
        lo = max(0, end - orgs.MAX_ORG_LEN - orgs.MAX_STOP)
        cuts = [(lo + a, lo + b) for a, b in figure_words.segment(text[lo:end])]
        word = next(((a, b) for a, b in cuts if a < j <= b), None)
        if word is None or word == (j - n, j) or any(a == j - n for a, _ in cuts) and any(b == j for _, b in cuts):
            return True
        return figure_words.pos_of(text[word[0] : word[1]]) in orgs.STOP_WORD_POS

    checked = 0
    for t in texts:
        for end in range(1, len(t) + 1, 7):
            for j in range(max(1, end - orgs.MAX_ORG_LEN), end + 1):
                n = orgs._stop_len_ending_at(t, j)
                if n:
                    assert orgs._stop_is_word(t, j, n, end, []) == plain(t, j, n, end), (t[j - n : j], j, end)
                    checked += 1
    assert checked > 1000


def test_word_table_read_in_one_split_equals_the_careful_reading():
    from zhnews import figure_words
    from zhnews.lexicon import iter_table

    freq, pos = figure_words._words_table()
    careful_f, careful_p = {}, {}
    for parts in iter_table(figure_words.WORDS_FILE):
        if len(parts) >= 3:
            careful_f[parts[0]] = int(parts[1])
            careful_p[parts[0]] = parts[2]
    assert freq == careful_f and pos == careful_p and len(freq) > 100_000
