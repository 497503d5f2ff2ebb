"""The trained speaker ranker of issue 15 (zhnews/speaker_ranker.py): its
candidates and features, its settings, and that retraining gives the shipped
weights. It is off by default (measured: README, "Trained speaker ranker")."""

from __future__ import annotations

import json

from conftest import assert_retrain_reproduces
from zhnews import speaker_ranker as R
from zhnews import speech
from zhnews.model import Article, Context, Mention, Person


def people(text: str, *names: str) -> list[Person]:
    out = []
    for n in names:
        spans = [k for k in range(len(text)) if text.startswith(n, k)]
        out.append(Person(name=n, mentions=[Mention(text=n, start=k, end=k + len(n)) for k in spans]))
    return out


def annotated(text: str, *names: str, headline: str = "测试"):
    art = Article(headline=headline, text=text, people=people(text, *names))
    speech.annotate(art, Context())
    return art, speech._Doc(art, Context())


def feats(c: R.Candidate) -> dict[str, float]:
    return dict(zip(R.FEATURES, c.x))


def test_off_unless_asked(monkeypatch):
    monkeypatch.delenv(R.ENV_MODE, raising=False)
    assert R.mode() == "off"
    monkeypatch.setenv(R.ENV_MODE, "sometimes")
    assert R.mode() == "off"  # an unknown setting is the default, not an error deep in extraction
    monkeypatch.setenv(R.ENV_MODE, "Fill")
    assert R.mode() == "fill"


def test_a_pronoun_after_a_meeting_sentence_has_both_people_as_candidates():
    text = "王毅同布林肯举行会谈。他说，中美关系正处在关键当口，双方应当相向而行，管控分歧。"
    art, doc = annotated(text, "王毅", "布林肯")
    st = next(s for s in art.statements if R.cue_word(text, s) == "他")
    assert R.unsure(text, st)
    c = {x.name: feats(x) for x in R.candidates(doc, st)}
    assert set(c) == {"王毅", "布林肯"}
    assert c["王毅"]["prev_sentence_subject"] == 1 and c["王毅"]["cue_pronoun_x_prev_subject"] == 1
    assert c["布林肯"]["object_before"] == 1 and c["布林肯"]["prev_sentence_subject"] == 0
    assert c["布林肯"]["cue_pronoun_x_nearest"] == 1 and c["王毅"]["cue_pronoun_x_nearest"] == 0
    assert c["王毅"]["at_cue"] == 0 and c["布林肯"]["at_cue"] == 0
    assert c["王毅"]["dist_log"] > c["布林肯"]["dist_log"]


def test_a_name_before_the_verb_is_at_the_cue_and_the_rules_choice():
    text = "张伟与李娜交流了工作体会。李娜表示，基层工作虽然辛苦，但是非常有意义，自己收获很大。"
    art, doc = annotated(text, "张伟", "李娜", headline="李娜：扎根基层")
    st = next(s for s in art.statements if s.speaker == "李娜")
    assert not R.unsure(text, st)
    c = {x.name: feats(x) for x in R.candidates(doc, st)}
    assert c["李娜"]["at_cue"] == 1 and c["李娜"]["rules_choice"] == 1 and c["李娜"]["dist_log"] == 0
    assert c["李娜"]["sentence_subject"] == 1 and c["李娜"]["in_headline"] == 1
    assert c["张伟"]["at_cue"] == 0 and c["张伟"]["rules_choice"] == 0 and c["张伟"]["in_headline"] == 0


def test_someones_relative_is_possessive():
    text = "记者见到了王芳的父亲。“孩子从小就喜欢画画，我们一直支持她。”他说，现在全家都为她高兴。"
    art, doc = annotated(text, "王芳")
    st = next(s for s in art.statements if R.cue_word(text, s) == "他")
    c = {x.name: feats(x) for x in R.candidates(doc, st)}
    assert c["王芳"]["possessive_after"] == 1


def test_an_unnamed_subject_is_not_left_to_the_ranker():
    # 相关负责人 most often stands for no named person: the ranker named one on the examples
    text = "省生态环境厅执法局局长李圣贵介绍了情况。相关负责人表示，执法的最终目的不是处罚，而是守住环境安全底线。"
    art, _ = annotated(text, "李圣贵")
    st = next(s for s in art.statements if R.cue_word(text, s) == "相关负责人")
    assert not R.unsure(text, st)


def test_fill_only_names_cues_the_rules_left_open(monkeypatch):
    text = "王毅会见布林肯。王毅指出，中美关系正处在关键当口。他说，双方应当相向而行，管控分歧，推动两国关系回到正轨。"
    monkeypatch.setenv(R.ENV_MODE, "off")
    rules, _ = annotated(text, "王毅", "布林肯")
    monkeypatch.setenv(R.ENV_MODE, "fill")
    filled, _ = annotated(text, "王毅", "布林肯")
    named = [s.speaker for s in rules.statements]
    assert None not in named  # the rules resolved this 他 (the last speaker) ...
    assert [s.speaker for s in filled.statements] == named  # ... so fill leaves it


def test_the_alone_ranker_never_reads_the_rules_choice():
    w, threshold = R.model("alone")
    assert w[R.FEATURES.index("rules_choice")] == 0.0
    assert 0 < threshold < 1


def test_features_match_the_shipped_model():
    doc = json.loads(R.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(doc["features"]) == R.FEATURES
    assert set(doc["models"]) == {"alone", "unsure"}
    for m in doc["models"].values():
        assert len(m["weights"]) == len(R.FEATURES)


def test_retraining_reproduces_the_shipped_weights():
    assert_retrain_reproduces("zhnews.speaker_ranker_train")
