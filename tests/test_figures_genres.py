"""benchmarks/figures_sample.py --genres: the hand-judged figure set of the other
genres (benchmarks/figures_genres.tsv) stays keyed to the articles its draws pick,
never takes a held-out record, and keeps its scores."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import figures_sample  # noqa: E402  (benchmarks/ is no package)

orgs_recall = figures_sample.orgs_recall

pytestmark = pytest.mark.skipif(not figures_sample.GENRE_CORPUS.exists(), reason="../shared/data not present")
TSV = ROOT / "benchmarks" / "figures_genres.tsv"


def test_every_judged_article_is_a_non_held_out_record_of_one_half():
    by_key = {orgs_recall.key_of(r): r for r in figures_sample.genre_records()}
    tails = orgs_recall.heldout_tails()
    assert not any(orgs_recall.body(r)[-40:] in tails for r in by_key.values())
    rows = [l.split("\t") for l in TSV.read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#") and not l.startswith("url\t")]
    assert len(rows) >= 150
    assert {r[0] for r in rows} <= set(by_key)
    assert "政府工作报告" not in {by_key[r[0]]["source"] for r in rows}
    half = {}
    for r in rows:
        assert half.setdefault(r[0], r[5]) == r[5] and r[5] in ("dev", "check")


def test_no_held_out_record_is_drawn():
    tails = orgs_recall.heldout_tails()
    assert not any(orgs_recall.body(r)[-40:] in tails for r in figures_sample.genre_sample())


@pytest.mark.parametrize("split, floor", [("dev", 0.95), ("check", 0.90)])
def test_genre_indicators_keep_their_level(split, floor, capsys):
    # measured: dev .968, check .919 (before the rules were changed: .937 / .897 on the same rows);
    # with the draws of seeds 43, 44 (figures14f) dev .935, check .902, then dev .980 after its rules
    result = figures_sample.score(TSV, figures_sample.genre_records(), verbose=False, lenient=True, split=split)
    assert result["indicator_right"] >= floor
    assert result["is_figure_precision"] >= 0.97
