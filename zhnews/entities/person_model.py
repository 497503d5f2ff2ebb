"""A trained person-candidate classifier: where the rules plateau, learn (issue 14).

The rule reader (`people.PeopleReader`) takes a name only where a title, a list,
a speech verb or a people noun vouches for it; the character CRF
(`tagger.py`) finds names standing alone, but the reader's hand filters on
the tagger's spans (`PeopleReader._tagged`) lose most of its gain. This
module scores each such candidate — a tagger PER span the rules did not take
— with a logistic model over what the rules know of it (the name scorer's
scores, the surname's corpus rate, the general lexicon's word for it, what
comes before and after it, how often it recurs, whether the hand filter would
take it) and keeps it when the model is sure enough.

Features are dense (`FEATURES`, in that order); the weights and the threshold
are `models/person_candidates.json`, written by
`python -m zhnews.entities.person_model_train` (deterministic: a retrain writes
the same file, tested).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "person_candidates.json"

# Few features on purpose: the development rows are few (tens of page candidates,
# ~150 PD98 ones), so each feature is a question the rules already ask.
FEATURES = (
    "bias",
    "q_logit",        # the name scorer: max(in context, name-likeness), as clipped log-odds
    "len2", "len3", "len4plus",
    "dotted", "translit", "han_surname",  # how the span is written (else: no surname start)
    "weak_surname",   # its first character is rarely a surname (WEAK_SURNAME_LOGODDS)
    "lex_none", "lex_nr", "lex_word",     # the general lexicon's entry for the span (nrt counts as a word)
    "recur2",         # written at least twice in the text
    "follow_vouch", "follow_end", "follow_none",  # what comes after it (verb/honor/title; punctuation)
    "before_vouch",   # a title or people noun right before it
    "list_beside",    # a 、 right before or after it
    "boundary_before",
    "inner_word",     # a word of the lexicon inside the given name (张|建设)
    "cut_or_cross",   # a lexicon word runs into its start or out of its end
    "rule_ok",        # the hand filter of PeopleReader._tagged would take it
)
INDEX = {f: k for k, f in enumerate(FEATURES)}
LOGIT_CLIP = 8.0  # the scorer's log-odds, clipped: one extreme score must not decide alone


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-LOGIT_CLIP, min(LOGIT_CLIP, math.log(p / (1 - p)))) / LOGIT_CLIP


def features(reader, text: str, s: int, e: int, rule_ok: bool, names: dict | None = None, mask=None) -> list[float]:
    """The dense feature row (FEATURES order) of text[s:e] as a person's name."""
    from . import titles
    from .people import DOTS, LIST_JOINERS, WEAK_SURNAME_LOGODDS, _follow, _noun_before

    x = [0.0] * len(FEATURES)

    def put(name: str, v: float = 1.0) -> None:
        x[INDEX[name]] = v

    sc = reader.scorer
    span = text[s:e]
    n = e - s
    put("bias")
    han = all("\u4e00" <= c <= "\u9fff" for c in span)
    if han and n <= 4:
        put("q_logit", _logit(max(sc.score(text, s, e), sc.name_likeness(text, s, e))))
    else:
        put("q_logit", -1.0)
    put("len2" if n == 2 else "len3" if n == 3 else "len4plus")
    if any(c in DOTS for c in span):
        put("dotted")
    elif n >= 3 and all(c in reader.translit for c in span):
        put("translit")
    elif span[0] in sc.surnames or span[:2] in sc.compound:
        put("han_surname")
    rate = reader.sur_lo.get(span[0])
    if rate is None or rate < WEAK_SURNAME_LOGODDS:
        put("weak_surname")
    pos = reader.lex_pos.get(span)
    put("lex_none" if pos is None else "lex_nr" if pos in ("nr", "nrfg") else "lex_word")
    if text.count(span) >= 2:
        put("recur2")
    f = _follow(text, e)
    put("follow_vouch" if f in ("verb", "honor", "title") else "follow_end" if f == "end" else "follow_none")
    if (mask is not None and titles.titles_before(text, s, 0, mask, names or {})) or _noun_before(text, s):
        put("before_vouch")
    if (s > 0 and text[s - 1] in LIST_JOINERS) or text[e : e + 1] in LIST_JOINERS:
        put("list_beside")
    if s == 0 or text[s - 1] in titles.BOUNDARY_CHARS:
        put("boundary_before")
    lp = reader.lex_pos
    if any(lp.get(span[k : k + m], "nr")[:2] != "nr" for m in (2, 3) for k in range(1, n - m + 1)):
        put("inner_word")
    if (s > 0 and text[s - 1 : s + 1] in reader.crossing) or reader._cut_penalty(text, e) > 0:
        put("cut_or_cross")
    if rule_ok:
        put("rule_ok")
    return x


class PersonModel:
    def __init__(self, weights: list[float], threshold: float):
        if len(weights) != len(FEATURES):
            raise ValueError(f"person model has {len(weights)} weights for {len(FEATURES)} features")
        self.weights = weights
        self.threshold = threshold

    def prob(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accept(self, x: list[float]) -> bool:
        return self.prob(x) >= self.threshold


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> PersonModel | None:
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if list(d["features"]) != list(FEATURES):
        raise ValueError(f"{path.name} was trained on other features: retrain (python -m zhnews.entities.person_model_train)")
    return PersonModel(d["weights"], d["threshold"])
