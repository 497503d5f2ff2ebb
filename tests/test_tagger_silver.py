"""The tagger's silver sentences: built from unlabeled news minus the held-out pages' stories."""

from __future__ import annotations

import pytest

from zhnews import line_roles_train as lrt
from zhnews.entities import tagger_silver

needs_data = pytest.mark.skipif(not lrt.CORPUS.exists(), reason="../shared/data not beside the repository")


def test_sentences_end_at_full_stops_and_keep_a_closing_quote():
    para = "他说：“我们来了。”会议指出，要坚持。短。最后一句没有句号"
    got = [para[a:b] for a, b in tagger_silver.sentences(para)]
    assert got == ["他说：“我们来了。”", "会议指出，要坚持。", "最后一句没有句号"]  # 短。 is under MIN_LEN


def test_vote_keeps_names_two_teachers_give_and_drops_a_sentence_one_alone_names():
    class Teacher:
        def __init__(self, spans):
            self.spans = spans

        def tag(self, text):
            return self.spans

    text = "省委书记王国生会见胡和平和张三。"
    view = {"text": text, "lac": [(4, 7), (9, 12)], "rules": [(4, 7), (9, 12)]}
    # ours cut 胡和平 short: the majority settles its bounds; 省委 (ORG) stays
    got = tagger_silver.select([view], Teacher([(0, 2, "ORG"), (4, 7, "PER"), (9, 10, "PER")]), "vote+names")
    assert got == [(text, [(0, 2, "ORG"), (4, 7, "PER"), (9, 12, "PER")])]
    # 张三 named by one teacher alone, overlapping no agreed name: the sentence is unsure
    assert tagger_silver.select([view], Teacher([(4, 7, "PER"), (9, 12, "PER"), (13, 15, "PER")]), "vote+names") == []


@needs_data
def test_no_record_of_the_held_out_pages_is_used():
    skip = lrt.heldout_keys()
    assert skip  # the held-out gold is there to exclude
    for r in tagger_silver.records():
        assert r.get("url") not in skip and r["title"].strip() not in skip


@needs_data
@pytest.mark.skipif(not tagger_silver.SILVER_PATH.exists(), reason="no silver sentences shipped")
def test_shipped_silver_sentences_are_found_in_the_corpora():
    got = tagger_silver.load()
    assert len(got) > 1000
    for text, spans in got:
        assert all(0 <= s < e <= len(text) and k in ("PER", "ORG", "LOC", "TITLE") for s, e, k in spans)
        assert any(k == "PER" for _, _, k in spans)  # SELECT keeps sentences with a name
