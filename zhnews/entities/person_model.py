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
