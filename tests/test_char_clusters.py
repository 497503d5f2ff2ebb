"""Character clusters of unlabeled text (the entity tagger's cluster features)."""

from __future__ import annotations

import pytest

from zhnews.entities import char_clusters, train


def test_shipped_table_groups_characters_that_behave_alike():
    t = char_clusters.load()
    if not t:
        pytest.skip("cluster table not built")
    assert all(len(v) == len(char_clusters.GRANULARITIES) for v in t.values())
    for level, k in enumerate(char_clusters.GRANULARITIES):
        assert max(v[level] for v in t.values()) < k
    # surnames share a cluster at the middle granularity, and not with a verb
    assert t["王"][1] == t["李"][1] == t["张"][1] != t["说"][1]


CORPUS = train.DEFAULT_DATA / "cluener2020.train.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data not beside the repository")
def test_building_is_deterministic(tmp_path):
    lines = [t for t, _ in train.load_cluener(CORPUS)[:1500]]
    a = char_clusters.build(lines)
    b = char_clusters.build(lines)
    assert a == b and len(a) > 300
    assert char_clusters.render(a).count("\n") == len(a) + 4  # a line a character after the header


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data not beside the repository")
def test_name_positions_tell_first_from_second_given_characters():
    from zhnews.entities import name_positions

    t = name_positions.build(train.load_cluener(CORPUS) + train.load_pd1998(train.DEFAULT_DATA / "peoples-daily-1998-ner.dev.bio")[:5000])
    assert "r.A" in t["晓"]  # opens two given characters
    assert any(x in ("r.Z", "r.z") for x in t["华"])  # closes them
    from zhnews.errors import ZhnewsError

    with pytest.raises(ZhnewsError):  # not shipped: the features are off
        name_positions.load.__wrapped__()
