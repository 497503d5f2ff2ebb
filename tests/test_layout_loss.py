"""benchmarks/layout_loss.py: the readers on the gold's own article bounds.

On the example pages the layout finds every article, so reading them on the
gold's bounds must give what the whole pipeline gives: a difference would mean
the script cuts articles differently from the page (and would mislead anyone
reading its held-out totals)."""

from pathlib import Path

import pytest

from conftest import load_script
from zhnews import evaluate

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "shared" / "examples").glob("*.gold.json"))


@pytest.mark.skipif(not EXAMPLES, reason="../shared/examples not beside the repository")
def test_gold_bounds_read_like_the_pipeline_where_layout_is_right():
    mod = load_script("benchmarks/layout_loss.py")
    paths = [str(p) for p in EXAMPLES]
    pipeline = evaluate.evaluate(paths).fields
    of_input = {str(evaluate.resolve_input(p, evaluate.load_gold(p))): p for p in EXAMPLES}
    bounded = evaluate.evaluate(paths, lambda inp: mod.gold_bounds_page(of_input[inp])).fields
    for f in ("articles", "byline.reporters", "people", "organizations", "statements", "figures"):
        assert bounded[f].value == pytest.approx(pipeline[f].value), f


def test_a_page_cut_on_gold_bounds_keeps_each_articles_closing_credit(tmp_path):
    mod = load_script("benchmarks/layout_loss.py")
    text = ("第一篇标题\n\n本报北京3月6日电  张三说，今年经济增长5%。\n\n（记者 李四）\n\n"
            "第二篇标题\n\n王五表示，明年还要努力。\n")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    gold = {"input": "p.txt", "articles": [
        {"headline": "第一篇标题", "body_ends": "今年经济增长5%。"},
        {"headline": "第二篇标题", "body_ends": "明年还要努力。"}]}
    gp = tmp_path / "p.gold.json"
    import json
    gp.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    page = mod.gold_bounds_page(gp)
    assert [a["headline"] for a in page["articles"]] == ["第一篇标题", "第二篇标题"]
    assert "李四" not in page["articles"][1]["text"]
    assert "李四" in page["articles"][0]["text"] or page["articles"][0]["byline"]["reporters"] == ["李四"]
