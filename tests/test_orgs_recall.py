"""benchmarks/orgs_recall.py: the hand-annotated recall set stays consistent with
the selection it was made from and never takes a held-out record."""

from __future__ import annotations

import pytest

from conftest import load_script

orgs_recall = load_script("benchmarks/orgs_recall.py")

pytestmark = pytest.mark.skipif(not orgs_recall.NEWS.exists(), reason="../shared/data not present")


@pytest.mark.parametrize("set_no", sorted(orgs_recall.SETS))
def test_gold_matches_the_selection_and_every_name_is_in_its_article(set_no):
    selected = {orgs_recall.key_of(r): r for r in orgs_recall.select_set(set_no)}
    gold = orgs_recall.read_gold(orgs_recall.SETS[set_no][0])
    assert set(gold) == set(selected)
    assert sorted(r["_split"] for r in selected.values()).count("dev") == (len(selected) + 1) // 2  # even ranks
    for key, g in gold.items():
        r = selected[key]
        text = (r.get("title") or "") + "\n" + "\n".join(p for p in r["paragraphs"] if p)
        for name in g["organizations"]:
            assert name in text, (key, name)


def test_no_held_out_record_is_selected():
    tails = orgs_recall.heldout_tails()
    assert len(tails) >= 60  # 63 articles on the 15 pages (some stories share a tail)
    for set_no in orgs_recall.SETS:
        # an excerpt (set 3) is known by its record's own tail
        assert not any((r.get("_tail") or orgs_recall.body(r)[-40:]) in tails for r in orgs_recall.select_set(set_no))


def test_the_second_set_shares_no_article_with_the_first_nor_the_silver_judgements():
    first = {orgs_recall.body(r)[-40:] for r in orgs_recall.select_set(1)}
    second = orgs_recall.select_set(2)
    assert len(second) == 40
    assert not any(orgs_recall.body(r)[-40:] in first for r in second)
    judged = orgs_recall.silver_urls()
    assert not any(r.get("url") in judged for r in second)


def test_the_third_set_takes_the_genres_asked_for_in_excerpts_and_no_earlier_record():
    earlier = {orgs_recall.body(r)[-40:] for k in (1, 2) for r in orgs_recall.select_set(k)}
    third = orgs_recall.select_set(3)
    assert len(third) == sum(orgs_recall.SET3_GENRES.values()) + orgs_recall.SETS[3][2] == 40
    assert len({orgs_recall.key_of(r) for r in third}) == 40
    assert not any(r["_tail"] in earlier for r in third)
    assert all(orgs_recall.MIN_LEN <= len(orgs_recall.body(r)) <= orgs_recall.MAX_LEN for r in third)
    reports = [r for r in third if r.get("source") == "政府工作报告"]
    assert len(reports) == orgs_recall.SET3_GENRES["政府工作报告"]  # every report ends alike: known by url, not tail
    judged = orgs_recall.silver_urls()
    assert not any(r.get("url") in judged for r in third)


def test_an_excerpt_is_whole_paragraphs_or_sentences_of_its_record():
    import random
    paras = ["甲" * 500 + "。", "乙" * 400 + "。", "丙" * 300 + "。丁" + "丁" * 300 + "。"]
    r = {"url": "u", "title": "t", "paragraphs": paras}
    e = orgs_recall.excerpt(r, random.Random(0))
    text = orgs_recall.body(e)
    assert len(text) <= orgs_recall.MAX_LEN and text in orgs_recall.body(r) and text.endswith("。")
    assert e["_tail"] == orgs_recall.body(r)[-40:]
    short = {"url": "v", "paragraphs": ["短" * 300]}
    assert orgs_recall.excerpt(short, random.Random(0))["paragraphs"] == short["paragraphs"]


def test_the_fourth_set_takes_its_genres_and_no_record_of_the_earlier_sets():
    earlier = [r for k in (1, 2, 3) for r in orgs_recall.select_set(k)]
    tails = {r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier}
    heads = {orgs_recall.body(r)[:40] for r in earlier}
    fourth = orgs_recall.select_set(4)
    assert len({orgs_recall.key_of(r) for r in fourth}) == len(fourth) == 36  # ldhd has 3 of the 7 asked left
    assert not any(r["_tail"] in tails or orgs_recall.body(r)[:40] in heads for r in fourth)
    by_source = {}
    for r in fourth:
        by_source[r["source"]] = by_source.get(r["source"], 0) + 1
    assert all(n <= orgs_recall.SET4_GENRES[s] for s, n in by_source.items())
    assert all(orgs_recall.MIN_LEN <= len(orgs_recall.body(r)) <= orgs_recall.MAX_LEN for r in fourth)


def test_the_sixth_set_takes_its_genres_and_no_record_of_the_earlier_sets():
    earlier = [r for k in range(1, 6) for r in orgs_recall.select_set(k)]
    tails = {r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier}
    heads = {orgs_recall.body(r)[:40] for r in earlier}
    sixth = orgs_recall.select_set(6)
    assert len({orgs_recall.key_of(r) for r in sixth}) == len(sixth) == 30
    assert not any(r["_tail"] in tails or orgs_recall.body(r)[:40] in heads for r in sixth)
    by_source = {}
    for r in sixth:
        by_source[r.get("source", "rmrb")] = by_source.get(r.get("source", "rmrb"), 0) + 1
    assert by_source.pop("rmrb") == orgs_recall.SETS[6][2]
    assert by_source == orgs_recall.SET6_GENRES


def test_the_seventh_set_takes_its_genres_and_no_record_of_the_earlier_sets():
    earlier = [r for k in range(1, 7) for r in orgs_recall.select_set(k)]
    tails = {r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier}
    heads = {orgs_recall.body(r)[:40] for r in earlier}
    seventh = orgs_recall.select_set(7)
    assert len({orgs_recall.key_of(r) for r in seventh}) == len(seventh) == sum(orgs_recall.SET7_GENRES.values())
    assert not any(r["_tail"] in tails or orgs_recall.body(r)[:40] in heads for r in seventh)
    by_source = {}
    for r in seventh:
        by_source[r["source"]] = by_source.get(r["source"], 0) + 1
        least = orgs_recall.SET7_MIN_LEN_XINHUA if r["source"] == "新华社" else orgs_recall.MIN_LEN
        assert least <= len(orgs_recall.body(r)) <= orgs_recall.MAX_LEN
    assert by_source == orgs_recall.SET7_GENRES


def test_the_eighth_set_takes_only_articles_naming_its_kinds_and_no_record_of_the_earlier_sets():
    earlier = [r for k in range(1, 8) for r in orgs_recall.select_set(k)]
    tails = {r.get("_tail") or orgs_recall.body(r)[-40:] for r in earlier}
    heads = {orgs_recall.body(r)[:40] for r in earlier}
    eighth = orgs_recall.select_set(8)
    assert len({orgs_recall.key_of(r) for r in eighth}) == len(eighth) == 19  # what the genres had left, and 8 人民日报
    assert not any(r["_tail"] in tails or orgs_recall.body(r)[:40] in heads for r in eighth)
    assert all(orgs_recall.SET8_KINDS_RE.search(orgs_recall.body(r)) for r in eighth)
    by_source = {}
    for r in eighth:
        by_source[r.get("source", "rmrb")] = by_source.get(r.get("source", "rmrb"), 0) + 1
    assert by_source.pop("rmrb") == orgs_recall.SET8_N_RMRB
    assert all(n <= orgs_recall.SET8_GENRES[s] for s, n in by_source.items())


@pytest.mark.parametrize("set_no", (10, 11))
def test_sets_10_and_11_take_dense_articles_of_their_genres_and_no_record_of_the_earlier_sets(set_no):
    earlier = [r for k in range(1, set_no) for r in orgs_recall.select_set(k)]
    reports = {orgs_recall.key_of(r) for r in earlier if r.get("source") == "政府工作报告"}
    rest = [r for r in earlier if r.get("source") != "政府工作报告"]
    tails = {r.get("_tail") or orgs_recall.body(r)[-40:] for r in rest}
    heads = {orgs_recall.body(r)[:40] for r in rest}
    chosen = orgs_recall.select_set(set_no)
    assert len({orgs_recall.key_of(r) for r in chosen}) == len(chosen)
    assert not any(r["_tail"] in tails or orgs_recall.body(r)[:40] in heads for r in chosen)
    assert not any(orgs_recall.key_of(r) in reports for r in chosen)  # every report ends alike: known by url
    least = orgs_recall.SET_MIN_HITS[set_no]
    assert all(len(orgs_recall.SET10_ORG_RE.findall(orgs_recall.body(r))) >= least for r in chosen)
    by_source = {}
    for r in chosen:
        by_source[r.get("source", "rmrb")] = by_source.get(r.get("source", "rmrb"), 0) + 1
    assert by_source.pop("rmrb") == orgs_recall.SETS[set_no][2]
    assert all(n <= orgs_recall.SET_GENRES[set_no][s] for s, n in by_source.items())
