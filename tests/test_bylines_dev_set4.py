"""benchmarks/bylines_dev.py set 4: the gold covers exactly the lines the selection draws (a
change to the net or the draw that would leave lines unannotated, or gold rows for lines no
longer drawn, fails), every record has its article row, and no record of sets 1-3 or of a
held-out page is drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news-unlabeled.jsonl"


@pytest.mark.skipif(not DATA.exists(), reason="../shared/data not beside the repository")
def test_set4_gold_matches_the_draw():
    bd = load_script("benchmarks/bylines_dev.py")
    recs = bd.select4()
    gold = bd.read_gold(bd.GOLD4)
    drawn = {(bd.key_of(r), i) for r in recs for i, _, _ in r["_lines"]}
    articles = {(bd.key_of(r), bd.ARTICLE_ROW) for r in recs}
    assert set(gold) == drawn | articles
    assert all(gold[k]["text"] == t for r in recs for i, _, t in r["_lines"] for k in [(bd.key_of(r), i)])
    earlier = {bd.key_of(r) for f in (bd.select, bd.select2, bd.select3) for r in f()}
    assert not earlier & {bd.key_of(r) for r in recs}
    assert {r["_split"] for r in recs} == {"dev", "check"}
