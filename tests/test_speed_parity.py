"""The fast paths of issue 14's speed bar give exactly what the careful ones gave.

- `built_cache`: the word lexicon and the name model read back from the marshal
  cache equal what the data files build (values and key order), and a stale,
  corrupt or disabled cache only costs the build.
"""

from __future__ import annotations

import json


from zhnews import built_cache, figure_words
from zhnews.entities import recognizer


# -- built_cache ---------------------------------------------------------------------------
def test_cached_lexicon_equals_the_built_one_in_values_and_order(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path))
    built = figure_words.build_lexicon()
    for _ in range(2):  # the first call builds and stores, the second reads the file back
        figure_words.lexicon.cache_clear()
        logp, pos = figure_words.lexicon()
        assert list(logp.items()) == list(built[0].items())
        assert list(pos.items()) == list(built[1].items())
    assert len(list(tmp_path.glob("figure_words-*.marshal"))) == 1
    figure_words.lexicon.cache_clear()


def test_cached_name_model_equals_the_json(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path))
    path = recognizer.MODEL_PATH
    d = recognizer._read_model(path)
    for _ in range(2):
        got = built_cache.cached("name_scorer", (path, path), lambda: recognizer._read_model(path))
        assert json.dumps(got, sort_keys=False) == json.dumps(d, sort_keys=False)


def test_cache_follows_its_sources_and_survives_corruption(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(cache))
    src = tmp_path / "words.txt"
    src.write_text("甲\n乙\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return src.read_text(encoding="utf-8").split()

    assert built_cache.cached("t", [src], build) == ["甲", "乙"]
    assert built_cache.cached("t", [src], build) == ["甲", "乙"] and len(calls) == 1  # read back
    src.write_text("甲\n丙\n", encoding="utf-8")  # an edited source is never read from the old table
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 2
    for f in cache.glob("t-*.marshal"):
        f.write_bytes(b"\x00garbage")
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 3
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", "")  # off: always built, nothing written
    before = sorted(cache.iterdir())
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 4
    assert sorted(cache.iterdir()) == before


def test_cache_keeps_a_few_tables_per_name(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path / "c"))
    src = tmp_path / "s.txt"
    for i in range(built_cache.KEEP + 3):
        src.write_text(str(i), encoding="utf-8")
        assert built_cache.cached("t", [src], lambda: i) == i
    assert len(list((tmp_path / "c").glob("t-*.marshal"))) <= built_cache.KEEP


def test_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(blocker / "sub"))  # a directory under a file
    assert built_cache.cached("t", [blocker], lambda: [1, 2]) == [1, 2]
