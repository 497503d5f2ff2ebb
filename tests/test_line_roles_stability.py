"""layout13e: the continuation model's sureness and the pooled article-start model."""

import json
import re

from zhnews import layout, line_roles, line_roles_train

# A headline with a comma over its body's first line, which opens with a quote.
HEADLINE = "打通物流堵点，政策扶持要明确细则"
LEAD = "“现在我们的客户还是比较着急的。”市政协常委、一家集团的总裁告诉记者，其集团旗下的公司近来客户订单积压。"


def _x(prev: str, nxt: str) -> list[float]:
    pair = (prev[-1] + nxt[0]) in layout.BIGRAMS
    return line_roles.continuation_features(prev, nxt, pair, False, layout.heading_like(layout.tokenize(nxt)[0]))


def test_a_sure_join_into_a_line_opening_like_a_lead_needs_the_breaks_evidence():
    x = _x(HEADLINE, LEAD)
    weights, _ = line_roles._load(line_roles.CONTINUATION_PATH, line_roles.CONTINUATION_FEATURES)
    # the model alone is sure of a join here (a comma in the line, a sentence below) ...
    assert line_roles.probability(x, weights) >= line_roles.SURE_CONTINUATION
    assert x[line_roles.CONTINUATION_FEATURES.index("next_lead_open")] == 1.0
    # ... but nothing at the break says so, and the line below opens as a lead does
    assert not line_roles.continues_across(x, pair_in_list=False)


def test_the_headline_over_a_quoted_lead_stays_a_heading_on_a_page():
    page = "\n\n".join([
        "", "在“控得住”前提下加快经济恢复重振",
        "全市上下要坚持稳中求进，统筹疫情防控和经济社会发展，推动复工复产复商复市有序进行。",
        "相关市领导出席会议。",
        HEADLINE, LEAD,
        "当前，本市正恢复正常生产秩序。在此过程中，企业还面临哪些亟待解决的堵点问题？记者采访了多家企业。", ""])
    drafts = layout.segment(page)
    assert any(d.heads and d.heads[0].text == HEADLINE for d in drafts) or any(
        HEADLINE == p[0].text and flag for d in drafts for p, flag in zip(d.paragraphs, d.heading_flags))
    assert not any(HEADLINE in p[0].text and len(p) > 1 for d in drafts for p in d.paragraphs)


def test_the_shipped_article_start_model_pools_several_arrangements():
    doc = json.loads(line_roles.MODEL_PATH.read_text(encoding="utf-8"))
    assert line_roles_train.START_ARRANGEMENTS >= 3
    m = re.search(r"(\d+) heading runs the rule leaves open over (\d+) arrangements", doc["trained_on"])
    assert m and int(m.group(2)) == line_roles_train.START_ARRANGEMENTS
    # one arrangement gives ~4,400 rows (330 training articles once benchmarks/joins_dev.py
    # keeps its own out; 4,849 at seed 13 with all 392): the pool holds them all, far more
    # than the ~4,400 of a single arrangement
    assert int(m.group(1)) > 4000 * line_roles_train.START_ARRANGEMENTS
