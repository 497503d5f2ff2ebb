"""benchmarks/statements_recall.py --set 2: the hand-annotated statements match the
selection they were made from, every string is in its article, and no article is a
held-out record or one of set 1 (people_recall's selection)."""

from __future__ import annotations

import pytest

from conftest import load_script

statements_recall = load_script("benchmarks/statements_recall.py")
orgs_recall = statements_recall.orgs_recall

pytestmark = pytest.mark.skipif(not orgs_recall.NEWS.exists(), reason="../shared/data not present")


def test_set2_gold_matches_the_selection_and_is_unseen():
    selected = {orgs_recall.key_of(r): r for r in statements_recall.select2()}
    gold = orgs_recall.read_gold(statements_recall.GOLD2)
    assert set(gold) == set(selected) and len(gold) >= 80
    assert sorted(r["_split"] for r in selected.values()).count("dev") == len(selected) // 2
    for key, g in gold.items():
        r = selected[key]
        text = (r.get("title") or "") + "\n" + "".join(p.strip() for p in r["paragraphs"] if p)
        assert g["split"] == r["_split"]
        for st in g["statements"]:
            assert st["speaker"].replace("·", "") in text.replace("·", ""), (key, st)
            assert (st.get("starts") or st.get("topic")) in text, (key, st)
    banned = orgs_recall.heldout_tails() | {orgs_recall.body(r)[-40:] for r in statements_recall.select()}
    assert not any(r["_tail"] in banned for r in selected.values())
