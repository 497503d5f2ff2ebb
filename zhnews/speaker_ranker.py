"""A trained speaker ranker for the statements the rules of `speech` find (issue 15).

The rules pick a speech cue's speaker from its own clause and resolve 他/她/
该负责人 only when one person could be meant. Issue 15 asked whether a learned
ranker over (candidate person × cue), with features of the sentence and the
paragraph, picks speakers better. This module holds the candidates, their
features and the scoring; `speaker_ranker_train.py` fits the weights
(`models/speaker_ranker.json`) and `benchmarks/bench_speaker_ranker.py` measures
rules vs ranker vs rules+ranker.

It is OFF by default: measured on the held-out pages it did not beat the rules
(README, "Trained speaker ranker"). The mode selects it for measurement:
  "off"    the rules alone;
  "alone"  the ranker decides every statement's speaker, without the rules'
           choice as a feature (the cues are still the ones the rules find);
  "unsure" rules + ranker: the ranker (its own weights, trained on such cues
           only, the rules' choice a feature) decides only where the rules are
           unsure: a pronoun (他, 她, 该负责人) at the cue, resolved or not;
  "fill"   rules + ranker, strictest: the "unsure" ranker names a speaker only
           for pronoun cues the rules left without one.
"""

from __future__ import annotations

import json
import math
import os
from . import recache as re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "models" / "speaker_ranker.json"
MODES = ("off", "alone", "unsure", "fill")
# Off by default (measured; see the module docstring). The environment variable
# lets the benchmark and a user switch it on without code changes.
ENV_MODE = "ZHNEWS_SPEAKER_RANKER"
DEFAULT_MODE = "off"

# How many paragraphs back (the cue's own included) candidates are gathered: a
# pronoun stands for someone named in this or the paragraph before (as the rules'
# PRONOUN_WINDOW_PARAS), one more gives the ranker a wrong candidate to reject.
WINDOW_PARAS = 3
# Distances are scaled by log1p(d) / log1p(DIST_SCALE): a page of text apart is 1.
DIST_SCALE = 1000
# Mention counts above this say nothing more about who the article is about.
MAX_COUNT = 8
# A name this near its sentence's start is the sentence's subject (room for a title in
# front; the rules' MAX_SUBJECT_OFFSET was this when the ranker was measured).
SUBJECT_OFFSET = 12

_PRONOUN = re.compile(r"(?:他|她|该负责人|该人士)$")
_UNNAMED = re.compile(r"(?:相关负责人|有关负责人|负责人|发言人)$")
_SENT_END = set("。！？!?\n")
# Before a name these make it an object or a companion, not a subject ("与王毅", "对布林肯").
_OBJECT_BEFORE = re.compile(r"[与和同对向跟给让使把被及、]$")

FEATURES = (
    "bias",
    "rules_choice",         # the rules named this person for the statement (weight 0 in "alone")
    "at_cue",               # the mention ends where the cue's speaker span is (name right before the verb)
    "same_sentence_before",  # named earlier in the cue's sentence
    "same_sentence_after",  # named after the cue in its sentence ("“…”，王毅说")
    "prev_sentence",        # named in the sentence before the cue's
    "sentence_subject",     # the first person named in the cue's sentence, near its start
    "prev_sentence_subject",  # the same in the sentence before: who a 他 opening a sentence stands for
    "same_paragraph",
    "dist_log",             # characters from the nearest mention to the cue (scaled)
    "rank_before",          # how many other candidates are named between it and the cue (scaled)
    "count_log",            # mentions in the article (scaled)
    "in_headline",
    "has_title",            # a title written right before or after the mention
    "object_before",        # "与X", "对X": a companion or an addressee
    "possessive_after",     # "X的": someone's, not someone
    "last_speaker",         # the speaker of the statement before
    "cue_pronoun_x_prev_subject",  # a 他/她 cue and the previous sentence's subject
    "cue_pronoun_x_nearest",       # a 他/她 cue and the nearest person before it
    "cue_unnamed_x_title",         # 该负责人/发言人 and a person with a title
)


@dataclass
class Candidate:
    name: str
    start: int
    end: int
    x: list[float]


def mode() -> str:
    m = os.environ.get(ENV_MODE, DEFAULT_MODE).strip().lower()
    return m if m in MODES else DEFAULT_MODE


def cue_word(text: str, st) -> str:
    """What is written at the statement's speaker span: a name, 他, 该负责人…"""
    if st.speaker_start is None or st.speaker_end is None:
        return ""
    return text[st.speaker_start : st.speaker_end]


def unsure(text: str, st) -> bool:
    """Is the statement one whose speaker the rules could only infer: a pronoun
    (他, 她, 该负责人) at the cue, resolved or not? An unnamed subject (相关负责人,
    发言人) is not: it most often stands for no named person at all (ANNOTATION:
    no statement), and the training has no such cue, so the ranker named someone
    for it (two spurious statements on the examples, measured)."""
    w = cue_word(text, st)
    return bool(w) and _PRONOUN.fullmatch(w) is not None


def _sentence_start(text: str, p: int, floor: int) -> int:
    while p > floor and text[p - 1] not in _SENT_END:
        p -= 1
    return p


def _sentence_end(text: str, p: int, ceil: int) -> int:
    while p < ceil and text[p] not in _SENT_END:
        p += 1
    return p


def candidates(doc, st, prev_speaker: str | None = None) -> list[Candidate]:
    """The people a statement's speaker may be, one per name, each with FEATURES.

    `doc` is speech._Doc (text, paragraphs, the article's person mentions plus the
    names the rules read at cues)."""
    text = doc.text
    cue = st.speaker_start if st.speaker_start is not None else st.start
    cue_end = st.speaker_end if st.speaker_end is not None else cue
    word = text[cue:cue_end]
    pronoun = _PRONOUN.fullmatch(word) is not None if word else False
    unnamed = _UNNAMED.search(word) is not None if word else False
    pi = doc.para_of(cue)
    plo = doc.paras[pi][0] if doc.paras else 0
    phi = doc.paras[pi][1] if doc.paras else len(text)
    lo = doc.paras[max(0, pi - WINDOW_PARAS + 1)][0] if doc.paras else 0
    s0 = _sentence_start(text, cue, plo)
    s_end = _sentence_end(text, cue_end, phi)
    prev0 = _sentence_start(text, max(s0 - 1, lo), lo) if s0 > lo else s0
    mentions = [m for m in doc.names.anchored(lo, s_end + 1)]
    if st.speaker and word and _PRONOUN.fullmatch(word) is None and _UNNAMED.search(word) is None:
        # the rules' name at the cue is the whole name ("霍门迪说" → 珍妮弗·霍门迪)
        mentions = [m for m in mentions if (m[0], m[1]) != (st.speaker_start, st.speaker_end)]
        mentions.append((st.speaker_start, st.speaker_end, st.speaker))
    headline = (doc.article.headline or "") + (doc.article.subheadline or "")
    counts: dict[str, int] = {}
    for p in doc.article.people:
        counts[p.name] = len(p.mentions)
    by_name: dict[str, list[tuple[int, int]]] = {}
    for s, e, n in mentions:
        by_name.setdefault(n, []).append((s, e))
    before_ends = sorted(e for s, e, n in mentions if e <= cue)
    nearest_before = None
    best = -1
    for s, e, n in mentions:
        if e <= cue and e > best:
            best, nearest_before = e, n
    title_last = doc.lex.title_last
    # the subject of a sentence: the first person named in it, near its start
    first_in = {}
    for lo_, hi_ in ((s0, s_end), (prev0, s0)):
        firsts = sorted((a, n) for a, b, n in mentions if lo_ <= a < hi_)
        first_in[lo_] = firsts[0][1] if firsts and firsts[0][0] - lo_ <= SUBJECT_OFFSET else None
    out = []
    for name, spans in by_name.items():
        before = [(s, e) for s, e in spans if e <= cue]
        after = [(s, e) for s, e in spans if s >= cue_end]
        at = [(s, e) for s, e in spans if s >= cue and e <= cue_end] or ([] if pronoun or unnamed else
                                                                         [(s, e) for s, e in spans if e == cue])
        s, e = (at or before[-1:] or after[:1] or spans[:1])[0]
        d = 0 if at else (cue - e if e <= cue else s - cue_end)
        between = sum(1 for x in before_ends if x > e) if e <= cue else 0
        x = [0.0] * len(FEATURES)

        def put(f: str, v: float) -> None:
            x[FEATURES.index(f)] = float(v)

        put("bias", 1)
        put("rules_choice", st.speaker == name)
        put("at_cue", bool(at))
        put("same_sentence_before", any(a >= s0 for a, _ in before))
        put("same_sentence_after", any(b <= s_end for _, b in after))
        put("prev_sentence", any(prev0 <= a < s0 for a, _ in before))
        put("sentence_subject", first_in[s0] == name)
        put("prev_sentence_subject", s0 > prev0 and first_in[prev0] == name)
        put("same_paragraph", any(a >= plo for a, _ in spans))
        put("dist_log", math.log1p(max(d, 0)) / math.log1p(DIST_SCALE))
        put("rank_before", min(between, 4) / 4)
        put("count_log", math.log1p(min(counts.get(name, len(spans)), MAX_COUNT)) / math.log1p(MAX_COUNT))
        put("in_headline", name in headline)
        has_title = (s > 0 and text[s - 1] in title_last) or doc.lex.title_re.match(text, e) is not None
        put("has_title", has_title)
        put("object_before", _OBJECT_BEFORE.search(text, max(0, s - 1), s) is not None)
        put("possessive_after", text.startswith("的", e))
        put("last_speaker", prev_speaker == name)
        put("cue_pronoun_x_prev_subject", pronoun and x[FEATURES.index("prev_sentence_subject")] > 0)
        put("cue_pronoun_x_nearest", pronoun and name == nearest_before)
        put("cue_unnamed_x_title", unnamed and has_title)
        out.append(Candidate(name, s, e, x))
    out.sort(key=lambda c: c.start)
    return out


@lru_cache(maxsize=4)
def model(which: str) -> tuple[list[float], float]:
    """(weights, threshold) of the "alone" or the "unsure" ranker."""
    doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(doc["features"]) != FEATURES:
        raise ValueError(f"{MODEL_PATH.name}: features differ from speaker_ranker.FEATURES; retrain")
    m = doc["models"][which]
    return m["weights"], m["threshold"]


def score(x: list[float], weights: list[float]) -> float:
    z = sum(a * b for a, b in zip(x, weights))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best(cands: list[Candidate], weights: list[float]) -> tuple[Candidate | None, float]:
    top, top_p = None, 0.0
    for c in cands:
        p = score(c.x, weights)
        if p > top_p:
            top, top_p = c, p
    return top, top_p


def rank_speakers(doc, statements: list, which: str | None = None) -> None:
    """Set the speakers the ranker is asked to decide (MODE). Where its best
    candidate is below the threshold the statement keeps no speaker (gold counts
    speakerless statements neither right nor wrong, a wrong name costs)."""
    which = which or mode()
    if which == "off":
        return
    weights, threshold = model("unsure" if which == "fill" else which)
    prev = None
    for st in statements:
        asked = which == "alone" or (unsure(doc.text, st) and (which == "unsure" or st.speaker is None))
        # a transcript turn ("答：") names no one at the cue: the rules' turn order decides
        if st.speaker_start is not None and asked:
            top, p = best(candidates(doc, st, prev), weights)
            st.speaker = top.name if top is not None and p >= threshold else None
        if st.speaker:
            prev = st.speaker

