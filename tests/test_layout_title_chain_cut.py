"""Issue 13: a column cut inside a chain of titles ("市委副书记、市长、市") joins the next line."""

from zhnews import layout


def test_cut_title_chain_recognised():
    assert layout._cut_title_chain("市委副书记、市长、市")
    assert not layout._cut_title_chain("稳面积、稳产量、稳")  # no titles
    assert not layout._cut_title_chain("市委副书记、市长")  # no cut piece


def test_cut_title_chain_joined_on_a_page():
    text = ("\n\n上海召开疫情防控工作例会\n\n本报讯 连日来，市委、市政府每天晚上召开例会，就做好常态化疫情防控重点工作进行再部署。\n\n"
            "市委副书记、市长、市\n\n疫情防控工作领导小组组长龚正在会上作工作部署。市人大常委会主任蒋卓庆出席会议。\n")
    articles = layout.segment(text)
    assert len(articles) == 1
