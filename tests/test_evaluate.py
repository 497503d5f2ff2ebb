"""The scorer behind `zhnews eval`: real gold files scored against output
synthesized from the gold itself (must be perfect), then perturbed one fact at
a time (must drop by exactly the expected count)."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path

import pytest

from zhnews.evaluate import (
    FIELDS,
    EvalError,
    check_floors,
    evaluate,
    figure_is_neutral,
    format_misses,
    format_table,
    indicator_match,
    openings_aligned,
    org_match,
    topic_coverage,
)

EXAMPLES = Path(os.environ.get("ZHNEWS_EXAMPLES", "/work/shared/examples"))
GOLDS = sorted(EXAMPLES.glob("*.gold.json"))
SHANXI = EXAMPLES / "shanxi-daily-2025-03-07.gold.json"
PROVINCIAL = EXAMPLES / "provincial-2020-12-05.gold.json"

pytestmark = pytest.mark.skipif(not SHANXI.exists(), reason="shared/examples not available")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def synth(gold: dict) -> dict:
    """The output a perfect extractor would give, as far as the gold says:
    body = starts, each joined string, ends, one paragraph each."""
    arts = []
    for a in gold["articles"]:
        arts.append({
            "headline": a["headline"],
            "subheadline": a["subheadline"],
            "kicker": a["kicker"],
            "byline": copy.deepcopy(a["byline"]),
            "date": a["date"],
            "text": "\n".join([a["body_starts"], *a["joined"], a["body_ends"]]),
            "people": copy.deepcopy(a["people"]),
            "organizations": [{"name": o} for o in a["organizations"]],
            "statements": [
                dict(s, text=s.get("starts") or "回答内容", start=0, end=0) for s in a["statements"]
            ],
            "figures": [dict(f, start=0, end=0) for f in a["figures"]],
        })
    return {"input": gold["input"], "published": gold["published"], "outlet": gold["outlet"], "articles": arts}


def run(gold_path: Path, output: dict):
    return evaluate([str(gold_path)], lambda _p: output)


def counts(report, name):
    s = report.fields[name]
    return (s.tp, s.fp, s.fn) if s.kind == "prf" else (s.correct, s.total)


# --------------------------------------------------------------- perfect output


def test_every_gold_file_scores_perfect_on_its_own_synthesized_output():
    golds = {str(p): synth(load(p)) for p in GOLDS}
    report = evaluate(list(golds), lambda inp: golds[inp.replace(".txt", ".gold.json")])
    assert len(report.files) == len(GOLDS) == 6
    for name, _kind in FIELDS:
        assert report.fields[name].value == 1.0, (name, report.fields[name].to_dict())
    assert report.false_joins == 0
    assert counts(report, "articles") == (26, 0, 0)
    json.dumps(report.to_dict(), ensure_ascii=False)  # serializable


def test_default_input_resolution_and_page_object_with_to_dict(tmp_path):
    gold = load(SHANXI)
    shutil.copy(SHANXI.with_name("shanxi-daily-2025-03-07.txt"), tmp_path / "page.txt")
    gold["input"] = "page.txt"
    (tmp_path / "renamed.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    seen = []

    class FakePage:  # what zhnews.extract returns: an object with to_dict()
        def to_dict(self):
            return synth(gold)

    report = evaluate([str(tmp_path / "renamed.gold.json")], lambda p: seen.append(p) or FakePage())
    assert seen == [str(tmp_path / "page.txt")]
    assert report.fields["people"].f1 == 1.0


# --------------------------------------------------------------- perturbations


def test_dropping_one_person_costs_exactly_one_recall_point():
    gold = load(SHANXI)
    out = synth(gold)
    n = sum(len(a["people"]) for a in gold["articles"])
    dropped = out["articles"][0]["people"].pop(1)  # 唐登杰, two titles
    assert dropped["name"] == "唐登杰"
    r = run(SHANXI, out)
    assert counts(r, "people") == (n - 1, 0, 1)
    assert r.fields["people"].recall == pytest.approx((n - 1) / n)
    assert r.fields["people"].precision == 1.0
    # titles are scored over matched people only: the dropped person's don't count
    assert r.fields["people.titles"].value == 1.0
    assert r.fields["people.titles"].n == sum(len(p["titles"]) for a in gold["articles"] for p in a["people"]) - 2


def test_wrong_asked_by_turns_one_answer_into_a_miss_and_a_false_hit():
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["statements"][0]["asked_by"] = "新华社"  # gold: 人民日报
    r = run(SHANXI, out)
    assert counts(r, "statements") == (9, 1, 1)
    assert counts(r, "statements.answers") == (7, 1, 1)
    assert r.fields["statements.answers"].f1 == pytest.approx(7 / 8)


def test_wrong_unit_turns_one_figure_into_a_miss_and_a_false_hit():
    gold = load(SHANXI)
    out = synth(gold)
    fig = next(f for f in out["articles"][0]["figures"] if f["text"] == "13.1%")
    fig["unit"] = "吨"
    r = run(SHANXI, out)
    assert counts(r, "figures") == (22, 1, 1)
    assert counts(r, "figures.indicator") == (22, 22)


def test_split_joined_string_is_one_join_missed_by_newline_or_by_paragraph_offsets():
    gold = load(PROVINCIAL)
    total = sum(len(a["joined"]) for a in gold["articles"])
    out = synth(gold)
    art = out["articles"][0]
    j = gold["articles"][0]["joined"][0]  # 困和区域性整体贫困的重大
    art["text"] = art["text"].replace(j, j[:6] + "\n" + j[6:])
    assert counts(run(PROVINCIAL, out), "body.joins") == (total - 1, total)

    # Same break given only as paragraph offsets (text without newlines).
    out = synth(gold)
    art = out["articles"][0]
    art["text"] = art["text"].replace("\n", "")
    cut = art["text"].index(j) + 6
    art["paragraphs"] = [{"start": 0, "end": cut}, {"start": cut, "end": len(art["text"])}]
    assert counts(run(PROVINCIAL, out), "body.joins") == (total - 1, total)


def test_join_counted_missing_when_any_occurrence_crosses_a_break():
    # "阳市人力资源和社会保障局" occurs three times in its article; one broken
    # occurrence means the page's column break was not repaired there.
    gold = load(EXAMPLES / "rmrb-2026-01-27-p10.gold.json")
    out = synth(gold)
    art = out["articles"][0]
    art["text"] += "\n沈阳市人力资源\n和社会保障局工作人员"
    total = sum(len(a["joined"]) for a in gold["articles"])
    assert counts(run(EXAMPLES / "rmrb-2026-01-27-p10.gold.json", out), "body.joins") == (total - 1, total)


def test_renamed_headline_unmatches_the_article_and_all_its_facts():
    gold = load(SHANXI)
    out = synth(gold)
    second = gold["articles"][1]
    out["articles"][1]["headline"] = "娄烦县举行爱国主义教育主题活动"
    r = run(SHANXI, out)
    assert counts(r, "articles") == (1, 1, 1)
    n_people = len(second["people"])
    total_people = sum(len(a["people"]) for a in gold["articles"])
    assert counts(r, "people") == (total_people - n_people, n_people, n_people)
    assert counts(r, "organizations")[1:] == (3, 3)
    assert counts(r, "byline.correspondents") == (0, 1, 1)
    # accuracy fields are judged on matched articles only
    assert counts(r, "headline.kicker") == (1, 1)
    assert counts(r, "body.bounds") == (2, 2)
    # the unmatched gold article's joins are missed
    n_joins = sum(len(a["joined"]) for a in gold["articles"])
    assert counts(r, "body.joins") == (n_joins - len(second["joined"]), n_joins)
    assert r.files[0].unmatched_predicted == ["娄烦县举行爱国主义教育主题活动"]


def test_headline_with_kicker_glued_on_still_matches_by_containment():
    gold = load(EXAMPLES / "xinmin-2022-04-03.gold.json")
    out = synth(gold)
    art = next(a for a in out["articles"] if a["kicker"])
    art["headline"] = art["kicker"] + " " + art["headline"]
    r = run(EXAMPLES / "xinmin-2022-04-03.gold.json", out)
    assert counts(r, "articles") == (6, 0, 0)


def test_wrong_body_end_and_subheadline():
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["text"] += "\n(山西日报记者 杨文)"  # closing credit left in the body
    out["articles"][0]["subheadline"] = None
    r = run(SHANXI, out)
    assert counts(r, "body.bounds") == (3, 4)
    assert counts(r, "headline.subheadline") == (1, 2)


# --------------------------------------------------------------- figures


def test_ignored_bare_and_small_count_figures_are_neutral_but_others_are_false():
    gold = load(SHANXI)
    out = synth(gold)
    figs = out["articles"][0]["figures"]
    figs += [
        {"text": "2019年", "value": 2019, "unit": "年"},      # in figures_ignore
        {"text": "两次", "value": 2, "unit": "次"},            # small count in Chinese numerals
        {"text": "1.8亿", "value": 180000000, "unit": ""},    # bare magnitude
    ]
    assert run(SHANXI, out).fields["figures"].value == 1.0
    figs.append({"text": "99吨", "value": 99, "unit": "吨"})
    figs.append({"text": "十五个", "value": 15, "unit": "个"})
    assert counts(run(SHANXI, out), "figures") == (23, 2, 0)


def test_figure_value_tolerance_measure_word_and_text_overlap():
    gold = load(EXAMPLES / "mfa-presscon-2020-04-21.gold.json")
    out = synth(gold)
    figs = out["articles"][0]["figures"]
    figs[0].update(text="近2个小时", unit="小时")        # gold 2个小时 / 个小时
    figs[1].update(value=13.51)                          # gold 13.5: within 0.1%
    r = run(EXAMPLES / "mfa-presscon-2020-04-21.gold.json", out)
    assert counts(r, "figures") == (2, 0, 0)
    figs[1].update(value=13.6)                           # off by 0.7%
    assert counts(run(EXAMPLES / "mfa-presscon-2020-04-21.gold.json", out), "figures") == (1, 1, 1)


def test_duplicate_gold_figures_pair_by_indicator():
    gold = load(EXAMPLES / "xinmin-2022-04-03.gold.json")
    out = synth(gold)
    art = out["articles"][2]
    twins = [f for f in art["figures"] if f["text"] == "24小时"]
    assert [f["indicator"] for f in twins] == ["间隔", "间隔时间"]
    twins.reverse()  # predicted in the other order
    art["figures"] = [f for f in art["figures"] if f["text"] != "24小时"] + twins
    r = run(EXAMPLES / "xinmin-2022-04-03.gold.json", out)
    assert r.fields["figures.indicator"].value == 1.0


def test_neutral_figure_rule():
    assert figure_is_neutral({"text": "三个", "unit": "个"}, [])
    assert figure_is_neutral({"text": "十人", "unit": "人"}, [])
    assert not figure_is_neutral({"text": "十一人", "unit": "人"}, [])
    assert not figure_is_neutral({"text": "二百元", "unit": "元"}, [])
    assert not figure_is_neutral({"text": "3个", "unit": "个"}, [])
    assert not figure_is_neutral({"text": "2.6倍", "unit": ""}, [])
    assert figure_is_neutral({"text": "1至11月", "unit": "月"}, ["2025年1至11月"])


def test_indicator_rule():
    assert indicator_match("年均煤炭产量", "煤炭产量")
    assert indicator_match("煤炭产量", "山西煤炭产量")
    assert indicator_match("煤炭先进产能", "先进煤炭产能")  # 4 of 6 in order
    assert not indicator_match("能耗强度", "能源消费")
    assert not indicator_match("煤炭产量", "量")
    assert not indicator_match("煤炭产量", None)


# --------------------------------------------------------------- statements, orgs, titles


def test_said_opening_alignment_on_a_real_sentence():
    opening = "我们要始终牢记习近平总书记殷殷嘱托"
    assert openings_aligned(opening, "唐登杰谈到,我们要始终牢记习近平总书记殷殷嘱托,再接再厉")
    assert openings_aligned(opening, "习近平总书记殷殷嘱托,再接再厉、乘势而上")   # 7 chars late
    assert openings_aligned(opening, "我们要始终牢记习近平总书")                   # cut short
    assert not openings_aligned(opening, "再接再厉、乘势而上,因地制宜发展新质生产力")
    assert not openings_aligned(opening, "")


def test_said_statement_with_wrong_speaker_or_kind_is_not_matched():
    gold = load(EXAMPLES / "xinmin-2022-04-03.gold.json")
    out = synth(gold)
    st = out["articles"][1]["statements"][0]
    n = sum(len(a["statements"]) for a in gold["articles"])
    st["speaker"] = "左妍"
    assert counts(run(EXAMPLES / "xinmin-2022-04-03.gold.json", out), "statements") == (n - 1, 1, 1)
    st["speaker"], st["kind"] = "吴乾渝", "quote"
    assert counts(run(EXAMPLES / "xinmin-2022-04-03.gold.json", out), "statements") == (n - 1, 1, 1)


def test_answer_topic_coverage():
    topic = "山西如何协同推进传统产业改造升级、新兴产业培育壮大和未来产业前瞻布局,加快壮大新质生产力"
    assert topic_coverage(topic, "关于“" + topic + "”的提问") == 1.0
    assert topic_coverage(topic, topic.replace(",", "，")) == 1.0  # width folded
    cut = topic[: int(len(topic) * 0.7)]
    assert topic_coverage(topic, cut) < 0.8
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["statements"][0]["topic"] = cut
    assert counts(run(SHANXI, out), "statements.answers") == (7, 1, 1)


def test_organization_rule_and_plain_string_predictions():
    assert org_match("中央政治局", "中共中央政治局") > 0
    assert org_match("党中央", "中央") > 0            # 2 of 3
    assert org_match("省委常委会", "委") == 0          # covers 1/5
    assert org_match("省委", "中共山西省委员会") == 0  # not contained
    gold = load(PROVINCIAL)
    out = synth(gold)
    for a in out["articles"]:
        a["organizations"] = [o["name"] for o in a["organizations"]]
    assert run(PROVINCIAL, out).fields["organizations"].value == 1.0


def test_organizations_match_one_to_one():
    gold = load(EXAMPLES / "rmrb-2026-01-27-p10.gold.json")
    out = synth(gold)
    art = out["articles"][0]
    # "方大集团东北制药" covers both 方大集团 and 东北制药 but may match only one
    art["organizations"] = [o for o in art["organizations"] if o["name"] not in ("方大集团", "东北制药")]
    art["organizations"].append({"name": "方大集团东北制药"})
    r = run(EXAMPLES / "rmrb-2026-01-27-p10.gold.json", out)
    total = sum(len(a["organizations"]) for a in gold["articles"])
    assert counts(r, "organizations") == (total - 1, 0, 1)


def test_titles_contain_or_contained_and_names_normalized():
    gold = load(PROVINCIAL)
    out = synth(gold)
    people = out["articles"][0]["people"]
    people[0]["name"] = "张 富贵"                   # byline spacing
    people[0]["titles"] = ["记者"]                  # contained in 甘肃日报记者
    people[-1]["name"] = "加思来提·麻合苏提"         # gold writes ・
    people[2]["titles"] = ["甘肃省委书记", "主持人"]  # contains 省委书记; 主持人 is wrong
    r = run(PROVINCIAL, out)
    assert r.fields["people"].value == 1.0
    t = r.fields["people.titles"]
    assert (t.gold_found, t.gold_total) == (t.gold_total, t.gold_total)
    assert (t.pred_right, t.pred_total) == (t.pred_total - 1, t.pred_total)


# --------------------------------------------------------------- false joins


def test_false_joins_across_a_sentence_end_and_blank_line():
    page = SHANXI.with_name("shanxi-daily-2025-03-07.txt").read_text(encoding="utf-8")
    paras = [x for x in page.split("\n") if x.strip()]
    first, second = paras[3], paras[4]  # byline paragraph ends 主持。, next starts 唐登杰代表
    assert first.endswith("。")
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["text"] = first + "\n" + second
    out["articles"][0]["joins"] = []
    r = run(SHANXI, out)
    assert r.false_joins == 0 and r.predicted_joins == 0
    out["articles"][0]["text"] = first + second
    out["articles"][0]["joins"] = [len(first)]
    r = run(SHANXI, out)
    assert r.false_joins == 1 and r.predicted_joins == 1


def test_no_gold_join_crosses_a_certain_paragraph_end():
    # The false-join rule must never fire on a join the gold asks for.
    for p in GOLDS:
        out = synth(load(p))
        out["articles"] = [dict(a, text="".join(a["text"].split())) for a in out["articles"]]
        assert run(p, out).false_joins == 0, p.name


# --------------------------------------------------------------- errors, table, floors


def test_unparsable_gold_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.gold.json"
    bad.write_text('{"articles": [', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.gold\.json: not valid JSON \(line 1"):
        evaluate([str(bad)], lambda p: {})


def test_gold_without_headline_or_input_is_a_clear_error(tmp_path):
    g = tmp_path / "page.gold.json"
    g.write_text(json.dumps({"articles": [{"headline": ""}]}), encoding="utf-8")
    with pytest.raises(EvalError, match="page.gold.json: article 1 has no"):
        evaluate([str(g)], lambda p: {})
    g.write_text(json.dumps({"input": "page.txt", "articles": [{"headline": "标题"}]}), encoding="utf-8")
    with pytest.raises(EvalError, match="page.gold.json: input page not found"):
        evaluate([str(g)], lambda p: {})
    with pytest.raises(EvalError, match="gold file not found"):
        evaluate([str(tmp_path / "missing.gold.json")], lambda p: {})


def test_failing_extractor_is_recorded_not_raised():
    def boom(path):
        raise ValueError("layout failed")

    r = evaluate([str(SHANXI)], boom)
    assert r.fields["articles"].recall == 0.0
    assert "layout failed" in r.errors[0]
    assert any("layout failed" in f for f in check_floors(r, {"people": 0.0}))
    assert "ERROR" in format_table(r)


def test_format_table_and_floors():
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["people"].pop(1)
    r = run(SHANXI, out)
    table = format_table(r)
    lines = table.splitlines()
    assert lines[0].split()[:5] == ["field", "P", "R", "F1/acc", "n"]
    people_row = next(x for x in lines if x.startswith("people "))
    assert people_row.split()[1:5] == ["1.000", "0.947", "0.973", "19"]
    assert "body.false_joins: 0" in table
    assert "== " in format_table(r, per_file=True)
    assert check_floors(r, {"people": 0.95, "figures": 1.0}) == []
    fails = check_floors(r, {"people": 0.99, "nonsense": 0.5})
    assert fails[0] == "people: F1 0.973 < 0.99"
    assert fails[1].startswith("nonsense: unknown field")


def test_format_misses_names_the_dropped_person_and_filters_by_field():
    gold = load(SHANXI)
    out = synth(gold)
    out["articles"][0]["people"].pop(1)  # 唐登杰
    r = run(SHANXI, out)
    text = format_misses(r)
    assert "== misses: people (1)" in text
    assert f"{SHANXI.name}: missed: 唐登杰" in text
    assert "figures" not in text  # nothing else was wrong
    assert format_misses(r, "figures").strip() == "no misses in figures"
    assert format_misses(run(SHANXI, synth(gold))).strip() == "no misses"


def test_matching_is_maximum_not_just_greedy(tmp_path):
    # Greedy pairs 中央政治局 with 中共中央政治局 (best cover) and strands the
    # rest; the maximum matching pairs both gold names.
    (tmp_path / "p.txt").write_text("会议传达学习中央政治局常委会会议精神。\n", encoding="utf-8")
    gold = {"input": "p.txt", "articles": [{
        "headline": "省委常委会召开会议", "body_starts": "会议", "body_ends": "精神。",
        "organizations": ["中共中央政治局", "中央政治局常委会"]}]}
    (tmp_path / "p.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = {"articles": [{"headline": "省委常委会召开会议", "text": "会议传达学习中央政治局常委会会议精神。",
                         "organizations": [{"name": "中央政治局"}, {"name": "中共中央政治局委员会"}]}]}
    r = evaluate([str(tmp_path / "p.gold.json")], lambda p: out)
    assert counts(r, "organizations") == (2, 0, 0)


def test_a_cut_the_gold_lists_after_a_full_stop_is_no_false_join():
    # (the held-out builder cuts anywhere, right after a full stop too: joining that is right)
    from zhnews.evaluate import false_joins

    page = "\n\n标题\n\n习近平总书记强调：“抓好试点对改革全局意义重大。\n\n要认真谋划深入抓好各项改革试点。”\n\n下一段。\n"
    arts = [{"text": "习近平总书记强调：“抓好试点对改革全局意义重大。要认真谋划深入抓好各项改革试点。”\n下一段。"}]
    assert false_joins(page, arts) == 1
    assert false_joins(page, arts, ["全局意义重大。要认真谋划"]) == 0
    assert false_joins(page, arts, ["深入抓好各项改革"]) == 1
