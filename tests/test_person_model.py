"""The person-candidate classifier of issue 14 (opt-in: ZHNEWS_TAGGER=1 ZHNEWS_PERSON_MODEL=1)."""

import pytest
from conftest import assert_retrain_reproduces

from zhnews.entities import person_model, recognizer, tagger
from zhnews.entities.people import PeopleReader

# The tagger proposes a span in each; the hand filter of _tagged takes 马大为 and
# leaves 图木尔 (a tail of 布和图木尔, no surname start).
TAKEN = "马大为是这所学校的老师，他教了三十年书。"
LEFT = "图木尔在草原上放牧。"


@pytest.fixture(scope="module")
def tg():
    t = tagger.load()
    if t is None:
        pytest.skip("no tagger model")
    return t


def _names(reader: PeopleReader, text: str) -> list[str]:
    return [text[h.start : h.end] for h in reader.read(text)]


def _model(bias: float) -> person_model.PersonModel:
    w = [0.0] * len(person_model.FEATURES)
    w[person_model.INDEX["bias"]] = bias
    return person_model.PersonModel(w, 0.5)


def test_the_classifier_decides_the_tagger_candidates_instead_of_the_hand_filters(tg):
    hand = PeopleReader(recognizer.load(), tg)
    assert "马大为" in _names(hand, TAKEN) and "图木尔" not in _names(hand, LEFT)
    yes = PeopleReader(recognizer.load(), tg, _model(10.0))
    assert "图木尔" in _names(yes, LEFT)
    no = PeopleReader(recognizer.load(), tg, _model(-10.0))
    assert "马大为" not in _names(no, TAKEN)


def test_collected_rows_carry_the_hand_filters_decision(tg):
    r = PeopleReader(recognizer.load(), tg)
    r.collect = []
    r.read(TAKEN)
    r.read(LEFT)
    rows = {t[s:e]: x for t, s, e, x in r.collect}
    assert set(rows) == {"马大为", "图木尔"}
    assert all(len(x) == len(person_model.FEATURES) for x in rows.values())
    ok = person_model.INDEX["rule_ok"]
    assert rows["马大为"][ok] == 1.0 and rows["图木尔"][ok] == 0.0
    # the three-character span with a surname start, no lexicon entry
    assert rows["马大为"][person_model.INDEX["han_surname"]] == 1.0
    assert rows["马大为"][person_model.INDEX["lex_none"]] == 1.0


def test_a_model_of_other_features_is_refused(tmp_path):
    p = tmp_path / "m.json"
    p.write_text('{"features": ["bias"], "weights": [0.0], "threshold": 0.5}', encoding="utf-8")
    with pytest.raises(ValueError):
        person_model.load.__wrapped__(p)


def test_retraining_reproduces_the_shipped_weights():
    assert_retrain_reproduces("zhnews.entities.person_model_train")
