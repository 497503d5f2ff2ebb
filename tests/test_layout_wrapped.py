"""Article starts on pages cut or hard-wrapped the way joins_dev.py prints them (issue 13)."""

from zhnews.layout import segment


def _heads(text: str) -> list[str]:
    return [d.heads[0].text if d.heads else "" for d in segment(text)]


def test_a_dateline_cut_inside_its_words_is_read_across_the_line_end():
    text = ("我国实施2.4万个生态环境治理工程\n\n本报\n\n北京1月29日电  （记者寇江泽）记者从生态环境部获悉：成效显著。\n\n"
            "第二段说明情况。\n")
    drafts = segment(text)
    assert [d.heads[0].text for d in drafts] == ["我国实施2.4万个生态环境治理工程"]
    assert drafts[0].byline is not None and drafts[0].byline.byline.reporters == ["寇江泽"]


def test_a_line_filling_the_column_measure_is_no_headline():
    # printed 18 characters a line with blank lines between: "廖锡龙同志1959年1月从贵州省思南"
    # after a paragraph's end is the next paragraph's first line (joins_dev "columns")
    paras = ["新华社北京1月29日电  中国共产党的优秀党员，久经考验的忠诚的共产主义战士，我军现代后勤的杰出领导人，"
             "中央军委原委员、中国人民解放军原总后勤部部长廖锡龙同志，因病于2026年1月23日1时50分在北京逝世，"
             "享年85岁。29日，廖锡龙同志的遗体在北京八宝山革命公墓火化。",
             "廖锡龙同志1959年1月从贵州省思南县入伍，1963年2月加入中国共产党。先后任陆军第11军军长，"
             "成都军区副司令员、司令员。2002年10月任中央军委委员、总后勤部部长。"]
    lines = ["廖锡龙同志遗体在京火化"]
    for p in paras:
        lines += [p[k:k + 18] for k in range(0, len(p), 18)]
    assert _heads("\n\n".join(lines) + "\n") == ["廖锡龙同志遗体在京火化"]


def test_an_author_note_wrapped_over_three_lines_closes_its_article():
    text = ("专家谈外贸韧性（专家点评）\n要继续优化营商环境。\n（作者为商务部国际贸易经\n济合作研究院副研究员，本\n"
            "报记者罗珊珊采访整理）\n二〇二五年重点领域财政支出保障有力\n记者从财政部获悉，重点领域支出保障有力。\n")
    assert _heads(text) == ["专家谈外贸韧性（专家点评）", "二〇二五年重点领域财政支出保障有力"]
