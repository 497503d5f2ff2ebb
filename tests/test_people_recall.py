"""benchmarks/people_recall.py: the hand-annotated people set stays consistent with
the selection it was made from, never takes a held-out record, and scores the way
`zhnews eval` scores people."""

from __future__ import annotations

import re

import pytest

from conftest import load_script

people_recall = load_script("benchmarks/people_recall.py")
orgs_recall = people_recall.orgs_recall

pytestmark = pytest.mark.skipif(not orgs_recall.NEWS.exists(), reason="../shared/data not present")


def test_gold_matches_the_selection_and_every_name_and_title_is_in_its_article():
    selected = {orgs_recall.key_of(r): r for r in people_recall.select()}
    gold = orgs_recall.read_gold(people_recall.GOLD)
    assert set(gold) == set(selected) and len(gold) == 122
    _names_occur(gold, selected)


def _names_occur(gold: dict, selected: dict) -> None:
    """Each gold article has its record's split, and every name and title of it is
    written in the record's headline or body."""
    for key, g in gold.items():
        r = selected[key]
        assert g["split"] == r["_split"]
        text = re.sub(r"\s", "", (r.get("title") or "") + "".join(p for p in r["paragraphs"] if p))
        for p in g["people"]:
            assert p["name"] in text, (key, p["name"])
            for t in p["titles"]:
                assert t in text, (key, p["name"], t)


def test_no_held_out_record_and_no_article_of_the_first_batch_twice():
    tails = orgs_recall.heldout_tails()
    recs = people_recall.select()
    ends = [orgs_recall.body(r)[-40:] for r in recs]
    assert not any(t in tails for t in ends)
    assert len(set(ends)) == len(ends)


def test_scores_like_zhnews_eval(capsys):
    got = people_recall.score("dev", False)
    assert set(got) == {"people", "people.titles"}
    assert 0.0 < got["people"]["recall"] <= 1.0
    assert "dev people:" in capsys.readouterr().out


def test_errors_are_listed_for_the_dev_half_only():
    with pytest.raises(SystemExit):
        people_recall.main(["--score", "--split", "check", "-v"])


def test_pages_mode_reads_the_articles_back_from_built_pages():
    recs = [r for r in people_recall.select() if r.get("source") == "新华社"][:4]
    got = people_recall.page_people(recs)
    assert len(got) == 4 and sum(bool(p) for p in got) >= 3  # people found in most articles of the page


def test_set2_matches_its_selection_takes_no_held_out_or_set1_record_and_names_occur(capsys):
    recs = people_recall.select2()
    selected = {orgs_recall.key_of(r): r for r in recs}
    gold = orgs_recall.read_gold(people_recall.GOLD2)
    assert set(gold) == set(selected) and len(gold) == 20
    banned = orgs_recall.heldout_tails() | {orgs_recall.body(r)[-40:] for r in people_recall.select()}
    assert not any(r["_tail"] in banned for r in recs)
    _names_occur(gold, selected)
    got = people_recall.score("dev", False, set_no=2)
    assert 0.0 < got["people"]["recall"] <= 1.0
    assert "set 2 dev people:" in capsys.readouterr().out
