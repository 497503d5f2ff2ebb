"""The character CRF: deterministic training, and the shipped model finds what rules cannot."""

from __future__ import annotations

import pytest

from zhnews.entities import tagger, train, train_tagger

pytest.importorskip("pycrfsuite")
CORPUS = train.DEFAULT_DATA / "cluener2020.train.jsonl"


def test_labels_and_spans_round_trip():
    spans = [(0, 3, "PER"), (4, 8, "ORG"), (8, 10, "TITLE")]
    assert tagger.spans_of(tagger.labels(12, spans, bies=())) == spans
    assert tagger.spans_of(tagger.labels(12, spans)) == spans


def test_bies_labels_mark_a_names_end_and_a_one_character_name():
    """Names are labelled B/I/E/S (tagger.BIES_KINDS): the last character of a
    name has a label of its own, so the CRF's transitions learn how long names
    are (汤白|露 was cut after two characters); two names side by side stay two."""
    assert "PER" in tagger.BIES_KINDS
    spans = [(0, 3, "PER"), (3, 4, "PER"), (4, 6, "PER"), (7, 10, "ORG")]
    got = tagger.labels(11, spans)
    assert got == ["B-PER", "I-PER", "E-PER", "S-PER", "B-PER", "E-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert tagger.spans_of(got) == spans


def test_a_name_span_is_cut_at_brackets_and_commas_not_at_dots_or_dashes():
    """A Viterbi name that runs across a bracket or comma is the names on either
    side (tagger.split_names); name dots, dashes and a lost character's ? stay."""
    text = "郭彪）保利·罗兰香谷，戈丁（diegogodin）约翰—格伦、张?志"
    spans = [(0, 10, "PER"), (11, 25, "PER"), (25, 30, "PER"), (31, 34, "PER"), (1, 3, "ORG")]
    got = tagger.split_names(text, spans)
    assert [text[s:e] for s, e, k in got if k == "PER"] == ["郭彪", "保利·罗兰香谷", "戈丁", "diegogodin", "约翰—格伦", "张?志"]
    assert (1, 3, "ORG") in got


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data not beside the repository")
def test_retraining_on_a_slice_is_deterministic(tmp_path):
    sents = train.load_cluener(CORPUS)[:300]
    a = train_tagger.fit(sents, tmp_path / "a.crfsuite", max_iterations=15)
    b = train_tagger.fit(sents, tmp_path / "b.crfsuite", max_iterations=15)
    assert a.read_bytes() == b.read_bytes()
    # and the model learned something from its own training data
    scores = train_tagger.evaluate(tagger.Tagger(a), sents)
    assert scores["ALL"]["F1"] > 0.1  # an untrained model scores 0


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_shipped_model_finds_a_name_standing_alone():
    tg = tagger.Tagger()
    text = "据悉，王建国昨天会见了来访的芬兰农林部长。"
    got = {(text[s:e], k) for s, e, k in tg.tag(text)}
    assert ("王建国", "PER") in got  # no title, list or speech verb vouches for it
    # (芬兰 its own LOC since the word features: jieba's 芬兰 ns, 农林部 nt; the c1 0.1
    # model of tag18 reads 芬兰农林部 as one organization, as CLUENER's government spans do)
    assert ("农林部", "ORG") in got or ("芬兰农林部", "ORG") in got


def test_offsets_survive_several_lines():
    tg = tagger.load()
    if tg is None:
        pytest.skip("model not built")
    text = "第一行。\n\n李明说，会议在上海召开。"
    for s, e, k in tg.tag(text):
        assert "\n" not in text[s:e]


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_reader_takes_tagger_names_the_rules_miss_and_keeps_its_filters():
    from zhnews.entities import recognizer
    from zhnews.entities.people import PeopleReader
    # (a name the shipped model tags and the rules leave: no title, list or speech verb vouches for it)
    text = "退休工人潘维军抱着孙女来到北京求医。殷殷嘱托记心间。"
    rules = {text[h.start : h.end] for h in PeopleReader(recognizer.load()).read(text)}
    both = {text[h.start : h.end] for h in PeopleReader(recognizer.load(), tagger.Tagger()).read(text)}
    assert "潘维军" in both and "潘维军" not in rules
    assert not any(n.startswith("殷殷") for n in both)


def test_word_features_mark_dictionary_words_at_their_ends():
    """The longest dictionary word starting / ending at each character, its length
    and part-of-speech group (N: a person jieba knows), and the inside of a longer
    word; one match does not hide another (工缴 is no word, 缴纳 is)."""
    text = "职工缴纳路甬祥说"
    got = tagger.word_features(text)
    assert got[0] == ["ws=2W"] and got[1] == ["we=2W"]
    assert got[2] == ["ws=2W"] and got[3] == ["we=2W"]
    assert got[4] == ["ws=3N"] and got[5] == ["wi"] and got[6] == ["we=3N"]
    assert got[7] == []
    assert all(set(w) <= set(f) for w, f in zip(got, tagger.features(text)))


def test_word_features_carry_a_frequency_band_when_asked(monkeypatch):
    """tagger.WORD_FREQ_BANDS (off in the shipped model) appends how common the
    word is (a: rarest .. d: commonest) to its group, and the numpy word tables
    have a slot for every group and band."""
    monkeypatch.setattr(tagger, "WORD_FREQ_BANDS", (-15.5, -14.0, -12.5))
    tagger._lexicons.cache_clear()
    try:
        assert tagger.word_features("职工缴纳路甬祥说")[4] == ["ws=3Nd"]
        assert tagger.word_features("还有王小姐")[2] == ["ws=3Nb"]  # a rare word listed as a person
        assert len(tagger.word_group_names()) == 16
    finally:
        tagger._lexicons.cache_clear()


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_word_tables_give_word_features_weights():
    """The numpy word look-up (hash table of word codes) adds, at each character,
    the weights of exactly the attributes word_features lists there."""
    import numpy as np

    tg = tagger.Tagger()
    labels, attrs, feats = tagger.read_model(tagger.MODEL_PATH)
    weight = {}
    for f in feats[feats["type"] == 0]:
        weight.setdefault(attrs[f["src"]], np.zeros(len(labels)))[f["dst"]] += f["weight"]
    assert any(a.startswith("ws=") for a in weight)
    for text in ["职工缴纳路甬祥说", "中华人民共和国国务院总理在北京会见", "𠀀中国人^民", "高", "在中国"]:
        s = "^^" + text + "$$"
        got = tg._tables.word_w[tg._tables.word_index(s)][2:-2]
        for i, names in enumerate(tagger.word_features(text)):
            want = sum((weight.get(a, np.zeros(len(labels))) for a in names), np.zeros(len(labels)))
            assert np.allclose(got[i], want), (text, i, names)


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_shipped_model_reads_dictionary_words():
    """The word features: common words of name-like characters are no names (the
    model before them tagged 松散 and 缴纳 PER here), and a person the dictionary
    knows is found standing alone."""
    tg = tagger.Tagger()

    def people(text):
        return [text[s:e] for s, e, k in tg.tag(text) if k == "PER"]

    assert people("拖沓、松散的会风必须改。") == []
    assert people("单位为职工缴纳的公积金增加。") == []
    # (the model of minfreq 1 no longer tags 路甬祥 in 会议由路甬祥主持, its
    # neighbours 李岚清 / 迟浩田 / 温家宝 it does)
    assert people("会议由李岚清主持。") == ["李岚清"]
    assert people("路甬祥出席了会议。") == ["路甬祥"]


# -- the numpy decoder against crfsuite (issue 14: the tagger on by default) ---------------
EDGES = [
    "据悉，王建国昨天会见了来访的芬兰农林部长。",
    "^$王^明$说，价格上涨3.5%，１２３件、ＡＢＣ公司和𠀀𠀁两人到场。",  # pad characters in the text, astral, full-width
    "约翰·史密斯和玛丽•安在 Apple Inc. 工作",
    "李",  # one character
    "  ",  # blank: no sequence
    "中共中央政治局常委、国务院总理李强在人民大会堂会见了美国国务卿布林肯。",
]


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_read_model_gives_the_weights_pycrfsuite_reads():
    import pycrfsuite

    labels, attrs, feats = tagger.read_model(tagger.MODEL_PATH)
    ref = pycrfsuite.Tagger()
    ref.open(str(tagger.MODEL_PATH))
    info = ref.info()
    assert labels == ref.labels()
    state = {(attrs[f["src"]], labels[f["dst"]]): float(f["weight"]) for f in feats if f["type"] == 0}
    trans = {(labels[f["src"]], labels[f["dst"]]): float(f["weight"]) for f in feats if f["type"] == 1}
    # info() reads a text dump, its weights rounded to 6 decimals
    for ours, theirs in ((state, info.state_features), (trans, info.transitions)):
        assert {k for k, v in ours.items() if round(v, 6)} == {k for k, v in theirs.items() if v}
        assert all(abs(ours[k] - v) <= 5e-7 for k, v in theirs.items())


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
@pytest.mark.parametrize("per_bias", [0.0, tagger.PER_BIAS])
def test_numpy_decoder_gives_crfsuites_labels(per_bias):
    """Tagger.tag (weights folded into tables, numpy Viterbi over all ranges at
    once) labels exactly as pycrfsuite does with `features`, line by line and
    for many ranges of one text decoded together; with the PER bias too
    (pycrfsuite then reads the patched model bytes)."""
    tg = tagger.Tagger(per_bias=per_bias)
    sents = list(EDGES)
    if CORPUS.exists():
        sents += [t for t, _ in train.load_cluener(CORPUS)[4::5][:400]]  # held-out sentences
    for s in sents:
        got = tagger.split_names(s, tg._tables.decode(s, [(0, len(s))])) if s.strip() else []  # the numpy path, whatever the length
        assert got == tg.tag_crfsuite(s) == tg.tag(s), s
    text = "\n".join(sents)
    import re

    clauses = [m.span() for m in re.finditer(r"[^，。！？；：、\n]+", text)]
    want = [(s + a, e + a, k) for a, b in clauses for s, e, k in tg.tag_crfsuite(text[a:b])]
    assert tg.tag_ranges(text, clauses) == want
    assert tg.tag_ranges(text, clauses[:2]) == [x for x in want if x[1] <= clauses[1][1]]  # short: crfsuite's path
    assert sum(k == "PER" for *_, k in want) > 20  # the comparison saw names


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_per_bias_moves_only_the_per_weights_of_the_bias_attribute():
    """with_per_bias adds to the weights of ("b", X-PER) for every PER label
    (B, I, E, S) and changes no other byte of the model file."""
    import numpy as np

    buf = tagger.MODEL_PATH.read_bytes()
    moved = tagger.with_per_bias(buf, 0.5)
    assert len(moved) == len(buf) and moved != buf
    labels, attrs, before = tagger.parse_model(buf)
    _, _, after = tagger.parse_model(moved)
    diff = np.flatnonzero(before["weight"] != after["weight"])
    assert sorted((attrs[before["src"][i]], labels[before["dst"][i]]) for i in diff) == [("b", "B-PER"), ("b", "E-PER"), ("b", "I-PER"), ("b", "S-PER")]
    assert np.allclose(after["weight"][diff] - before["weight"][diff], 0.5)
    off = tagger._feature_offset(buf)
    start, end = off + 20 * diff.min(), off + 20 * (diff.max() + 1)  # 20 bytes a feature record
    assert moved[:start] == buf[:start] and moved[end:] == buf[end:]
    assert tagger.with_per_bias(buf, 0.0) is buf


# names standing alone the tagger misses without PER_BIAS (the forms of
# ../shared/data/rmrb-2026-01-unlabeled.jsonl sentences, written anew; the
# model with B/I/E/S names finds the examples of the BIO model's time, 韩正表示,
# 省委书记娄勤俭主持, 主席黄莉新参加, without the bias)
# Names the model of 2026-12-06 03:15 took only with the bias. The model retrained
# on 0.10's lexicons (tag16) takes 齐兵, 龚雪, 郎剑锋 without it, and misses
# 李兴发 (种了十余亩猕猴桃的李兴发) and 埃斯特 (表妹埃斯特经营) either way.
# The model retrained on the 0.14.0 tree (org19's suffixes 首相府, 歌舞团 …) misses 科莫
# (纽约州州长科莫公开致谢…) at either bias; these three it takes only with the bias.
EXAMPLES_BIAS = [  # news-unlabeled sentences (records no held-out page uses)
    ("但席尔瓦外长说，在电信等公共招标方面将遵循欧洲规则，葡方欢迎所有外国投资。", "席尔瓦"),
    ("这是达契奇第一副总理兼外长时隔3年多再次访华。", "达契奇"),
    ("市领导马顺清、连茂君、孙文魁、李树起、金湘军和市政府秘书长孟庆松参加。", "金湘军"),
]
EXAMPLES_FOUND = [
    # needed the bias with tag18's model; the model retrained on the merged 0.13.0 tree takes them
    # without it (the 0.14.0 retrain takes 达契奇 again, with the bias only). (The c1 0.1
    # model cuts 阿布杜勒马吉德·特|本以58.15%… at any bias: 本以 reads as a word.)
    ("当日例行记者会上，有记者问：日本首相高市早苗称，一旦台湾发生危机，日美将联合救助两国公民。", "高市早苗"),
    ("景俊海指出，吉林省是中国汽车制造大省，中国一汽是中国汽车工业的摇篮。", "景俊海"),
    ("五年级学生孙书涵开心地说。", "孙书涵"),  # with the bias only before the silver sentences (tagger_silver)
    ("为了能教好孩子，齐兵没少下功夫。", "齐兵"),
    ("青年们的热情超出龚雪预期。", "龚雪"),
    ("以上照片均为郎剑锋提供", "郎剑锋"),
]


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_per_bias_takes_names_the_model_left_just_short():
    """The shipped tagger decodes with PER_BIAS (issue 14: recall was far under
    precision); without it these names are missed."""
    assert tagger.PER_BIAS > 0
    biased, plain = tagger.Tagger(), tagger.Tagger(per_bias=0.0)

    def people(tg, text):
        return [text[s:e] for s, e, k in tg.tag(text) if k == "PER"]

    for text, name in EXAMPLES_BIAS:
        assert name in people(biased, text) and name not in people(plain, text), text
    for text, name in EXAMPLES_FOUND:
        assert name in people(biased, text), text


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_shipped_model_labels_names_bies():
    """The shipped model labels names B/I/E/S (tagger.BIES_KINDS) and, without
    the PER bias, takes names the BIO model took only with it or cut short
    (黄莉|新 without the bias; 韩正, 娄勤俭, 花仁淑 missed)."""
    labels, _, _ = tagger.read_model(tagger.MODEL_PATH)
    assert {"B-PER", "I-PER", "E-PER", "S-PER"} <= set(labels) and "E-ORG" not in labels
    plain = tagger.Tagger(per_bias=0.0)
    for text, name in [
        ("会见时，韩正表示，双方合作保持强劲发展势头。", "韩正"),
        ("省委书记娄勤俭主持会议并讲话。", "娄勤俭"),
        ("村民花仁淑向书记反映了情况。", "花仁淑"),
        ("省政协主席黄莉新参加学习。", "黄莉新"),
    ]:
        assert [text[s:e] for s, e, k in plain.tag(text) if k == "PER"] == [name], text


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data not beside the repository")
def test_numpy_decoder_folds_cluster_and_name_position_features(tmp_path, monkeypatch):
    """The dev-fold variants (README, tagger section): character clusters at
    -2..2 and name-character positions at -1..1, off in the shipped model, are
    folded into the numpy decoder's character tables: the same labels as
    pycrfsuite with `features`."""
    from zhnews.entities import name_positions

    sents = train.load_cluener(CORPUS)
    monkeypatch.setattr(tagger, "CLUSTER_OFFSETS", (-2, -1, 0, 1, 2))
    monkeypatch.setattr(tagger, "NAME_POS_OFFSETS", (-1, 0, 1))
    monkeypatch.setattr(tagger, "NAME_POS_TABLE", name_positions.build(sents[:2000]))
    for f in (tagger._lexicons, tagger._tag_shifted):
        f.cache_clear()
    try:
        feats = tagger.features("据悉，王建国昨天会见了来访的芬兰农林部长。")
        assert any(x.startswith("q-2=") for x in feats[5]) and any(x.startswith("n0=") for row in feats for x in row)
        model = train_tagger.fit(sents[:400], tmp_path / "v.crfsuite", max_iterations=15)
        tg = tagger.Tagger(model, per_bias=0)
        assert any(a.startswith("q") for a in tagger.read_model(model)[1])
        for s, _ in sents[4::5][:200]:
            assert tagger.split_names(s, tg._tables.decode(s, [(0, len(s))])) == tg.tag_crfsuite(s), s
    finally:
        for f in (tagger._lexicons, tagger._tag_shifted):
            f.cache_clear()
