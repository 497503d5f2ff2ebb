"""At the top of a page a heading-like line runs on into the next only on the
break's own evidence (a pair running text writes together, a word across it),
however sure the continuation model is: a join there makes the page open in
the middle of an article."""

from zhnews import layout, line_roles

TOP = "保障供应，大型商超拿起数字化工具"
LEAD = "家乐福古北店店长张瑞卿，已经在店里住了两个多月。每天清晨，他都要查看各个品类的库存和线上订单。"
PAGE = "\n\n".join(["", TOP, LEAD,
                    "疫情期间，永辉生活App上线了一项特殊的功能，专门服务于社区团购的团长。", ""])


def test_the_model_alone_would_join_these_lines():
    units = layout.tokenize(PAGE)
    pair = (units[0].text[-1] + units[1].text[0]) in layout.BIGRAMS
    x = line_roles.continuation_features(units[0].text, units[1].text, pair, False, False)
    assert line_roles.continues_across(x, pair)
    assert not line_roles.continues_across(x, pair, sure_alone=False)


def test_the_page_opens_with_that_headline():
    drafts = layout.segment(PAGE)
    assert layout.split_heads(drafts[0].heads)[1] == TOP
    assert not drafts[0].continued
