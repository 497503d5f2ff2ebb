"""benchmarks/bylines_dev.py sets 5 and 6 (sentence corpora among their records): the gold covers
exactly the lines the selection draws, no record of an earlier set or of a held-out page is drawn,
and the sentence records are read as lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (DATA / "cluener2020.train.jsonl").exists(), reason="../shared/data not beside the repository")
@pytest.mark.parametrize("n", [5, 6])
def test_gold_matches_the_draw(n):
    bd = load_script("benchmarks/bylines_dev.py")
    recs = getattr(bd, f"select{n}")()
    gold = bd.read_gold(getattr(bd, f"GOLD{n}"))
    drawn = {(bd.key_of(r), i) for r in recs for i, _, _ in r["_lines"]}
    assert set(gold) == drawn
    assert all(gold[(bd.key_of(r), i)]["text"] == t for r in recs for i, _, t in r["_lines"])
    selections = [bd.select] + [getattr(bd, f"select{k}") for k in range(2, n)]
    earlier = {bd.key_of(r) for f in selections for r in f()}
    assert not earlier & {bd.key_of(r) for r in recs}
    assert {r["_split"] for r in recs} == {"dev", "check"}
    assert {r["source"] for r in recs} & set(bd.SENTENCE_SOURCES)
