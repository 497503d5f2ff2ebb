"""A heading-like line the continuation model leans to join carries its own
evidence of being a sentence a column cut (a pronoun, an aspect particle, a verb
of saying, a list of three, a photo's position note), and a line
written as a heading taken above on the page takes a sure join only with the
break's evidence (issue 13)."""

from zhnews import layout, line_roles

PLAIN = "应欧盟外交与安全政策高级代表"


def _x(prev: str, nxt: str, below_heading: bool = False) -> tuple[list[float], bool]:
    pair = (prev[-1] + nxt[0]) in layout.BIGRAMS
    return line_roles.continuation_features(prev, nxt, pair, below_heading, False), pair


def _leaning(x: list[float]) -> float:
    weights, _ = line_roles._load(line_roles.CONTINUATION_PATH, line_roles.CONTINUATION_FEATURES)
    return line_roles.probability(x, weights)


def test_marks_of_a_sentence():
    for text in ("离开奔巴岛后，我又随团队来到桑给巴尔主岛的米", "美国的一些议员放着自己国内的一堆问题不去",
                 "沈晓明说，今年是海南自由贸易港建设", "市领导喻云林、赵飞、陈浙闽、于立军、曹小",
                 "宁夏刺绣自治区级代表性传承人赵静（左）给游客"):
        assert line_roles.SENTENCE_MARK_RE.search(line_roles.QUOTED_RE.sub("", text)), text
    for text in ("我国竹产业年产值超五千二百亿元", "着力提升消费增长的内生动力", "“雪具也能寄快递，方便多了”", PLAIN):
        assert not line_roles.SENTENCE_MARK_RE.search(line_roles.QUOTED_RE.sub("", text)), text


def test_a_mark_is_evidence_only_where_the_model_leans_to_a_join():
    prev, nxt = "离开奔巴岛后，我又随团队来到桑给巴尔主岛的米", "卡拉富尼村。这里生活着约400名村民，几乎都靠河水生活。"
    x, pair = _x(prev, nxt)
    assert _leaning(x) >= 0.5 and not pair
    assert line_roles.continues_across(x, pair, sure_alone=False, prev_text=prev)
    assert not line_roles.continues_across(x, pair, sure_alone=False)  # without the line's own evidence
    head, body = "产业升级拓宽致富路", "行走在广西壮族自治区三江侗族自治县八江镇布央村的仙人山茶场，眼底绿意涌动。"
    x, pair = _x(head, body)
    assert not line_roles.continues_across(x, pair, sure_alone=False, prev_text=head)


def test_comma_parallel():
    assert line_roles.comma_parallel("抓紧上线，第一时间聆听企业声音", "保障供应，大型商超拿起数字化工具")
    assert line_roles.comma_parallel("鼓励不同区域，进行差别化试点", "既要大胆探索，又要观照全局")
    assert not line_roles.comma_parallel("这个元旦，在旅途中解锁冬日浪漫", "在北京，“博物馆里跨年夜”活动一经")
    assert not line_roles.comma_parallel("此物岭南没有，朋友一", "那时岭南没有，朋友二")  # too short to tell
    assert not line_roles.comma_parallel("保障供应大型商超拿起数字化工具", "抓紧上线，第一时间聆听企业声音")


def test_a_headline_shaped_like_the_first_is_not_joined_into_its_body():
    first, second = "抓紧上线，第一时间聆听企业声音", "保障供应，大型商超拿起数字化工具"
    page = "\n\n".join([
        "", first, "本报讯（记者 周楠）", "昨天下午，普陀区第二次重点项目集中签约仪式举行。会上，28个重点项目通过“云签约”方式集中签约。",
        "截至5月28日，这趟“云列车”纾困答疑回应率100%，还引进了28个重点项目。",
        second, "家乐福古北店店长张瑞卿，已经在店里住了两个多月。这段时间，他的手机几乎24小时不离手。",
        "疫情期间，永辉生活App上线了一项特殊的功能，专门解决母婴、老年人等群体的需求。", ""])
    heads = [layout.split_heads(d.heads)[1] for d in layout.segment(page) if d.heads]
    assert heads == [first, second]
