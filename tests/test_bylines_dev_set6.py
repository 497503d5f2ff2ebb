"""benchmarks/bylines_dev.py set 6: the gold covers exactly the lines the selection draws, no
record of sets 1-5 or of a held-out page is drawn, and the sentence records are read as lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (DATA / "cluener2020.train.jsonl").exists(), reason="../shared/data not beside the repository")
def test_set6_gold_matches_the_draw():
    bd = load_script("benchmarks/bylines_dev.py")
    recs = bd.select6()
    gold = bd.read_gold(bd.GOLD6)
    drawn = {(bd.key_of(r), i) for r in recs for i, _, _ in r["_lines"]}
    assert set(gold) == drawn
    assert all(gold[(bd.key_of(r), i)]["text"] == t for r in recs for i, _, t in r["_lines"])
    earlier = {bd.key_of(r) for f in (bd.select, bd.select2, bd.select3, bd.select4, bd.select5) for r in f()}
    assert not earlier & {bd.key_of(r) for r in recs}
    assert {r["_split"] for r in recs} == {"dev", "check"}
    assert {r["source"] for r in recs} & set(bd.SENTENCE_SOURCES)
