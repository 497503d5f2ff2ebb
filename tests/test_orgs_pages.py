"""benchmarks/orgs_pages.py: the annotated sets rendered as pages keep every article,
its organizations and its half, one genre to a page."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import orgs_pages  # noqa: E402

orgs_recall = orgs_pages.orgs_recall

pytestmark = pytest.mark.skipif(not orgs_recall.NEWS.exists(), reason="../shared/data not present")


def test_pages_hold_the_half_s_articles_with_their_organizations(tmp_path):
    paths = orgs_pages.write_pages(4, "dev", tmp_path, random.Random(0))
    gold = orgs_recall.read_gold(orgs_recall.SETS[4][0])
    dev = {orgs_recall.key_of(r) for r in orgs_recall.select_set(4) if r["_split"] == "dev"}
    n_articles = 0
    for p in paths:
        doc = json.loads(p.read_text(encoding="utf-8"))
        text = (tmp_path / doc["input"]).read_text(encoding="utf-8").replace("\n\n", "")  # a column cut may split a name
        assert 1 <= len(doc["articles"]) <= orgs_pages.PER_PAGE
        assert len({a["_source"] for a in doc["articles"]}) == 1  # one genre to a page
        for a in doc["articles"]:
            n_articles += 1
            assert a["headline"] in text and a["body_starts"] in text
            for name in a["organizations"]:
                assert name in text or name in ("区政府", "省政府")
    assert n_articles == len(dev & set(gold))
