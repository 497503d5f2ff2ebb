"""People and their titles, read from real sentences of the genre."""

from __future__ import annotations

import pytest

from zhnews.entities import annotate
from zhnews.model import Article, Byline, Context


def read(text: str, **kw) -> dict[str, list[str]]:
    a = Article(headline=kw.pop("headline", "标题"), text=text, **kw)
    annotate(a, Context())
    return {p.name: p.titles for p in a.people}


def article(text: str, **kw) -> Article:
    a = Article(headline=kw.pop("headline", "标题"), text=text, **kw)
    annotate(a, Context())
    return a


def test_title_before_name_and_shared_title_in_list():
    got = read("山西代表团团长唐登杰、副团长金湘军回答记者提问。代表团副团长王拥军、罗清宇参加，张吉福主持。")
    assert got["唐登杰"] == ["山西代表团团长"]
    assert got["金湘军"] == ["副团长"]
    assert got["王拥军"] == ["代表团副团长"]
    assert got["罗清宇"] == ["代表团副团长"]  # the title written once for the list
    assert "张吉福" in got and got["张吉福"] == []


def test_title_after_name_and_one_person_per_article():
    a = article("唐登杰代表在回答人民日报记者提问时说，发展是第一要务。唐登杰谈到，要再接再厉。")
    people = {p.name: p for p in a.people}
    assert list(people) == ["唐登杰"]
    assert people["唐登杰"].titles == ["代表"]
    assert len(people["唐登杰"].mentions) == 2


def test_stacked_titles_split_on_enumeration_comma():
    got = read("中共中央政治局委员、中央外办主任王毅会见了来访的客人。")
    assert got["王毅"] == ["中共中央政治局委员", "中央外办主任"]


def test_long_organisational_title():
    got = read("“工作人员‘下沉’办公。”沈阳市人力资源和社会保障局企业养老保险处副处长齐卫军说。")
    assert got["齐卫军"] == ["沈阳市人力资源和社会保障局企业养老保险处副处长"]


def test_list_of_officials_each_with_title():
    got = read("省政协主席韩勇，省委常委梁桂、徐新荣、杨志斌，省人大常委会副主任刘小燕，省军区副政委戴振东出席会议。")
    assert got["韩勇"] == ["省政协主席"]
    assert got["梁桂"] == got["徐新荣"] == got["杨志斌"] == ["省委常委"]
    assert got["刘小燕"] == ["省人大常委会副主任"]
    assert got["戴振东"] == ["省军区副政委"]


def test_kinship_and_membership_roles():
    got = read(
        "深切缅怀中国共产党的早期领导人、山西党团组织创始人高君宇。"
        "北京大学高君宇学生党支部成员苏奇、高君宇侄外孙女刘亚平依次发言。"
    )
    assert got["苏奇"] == ["北京大学高君宇学生党支部成员"]
    assert got["刘亚平"] == ["高君宇侄外孙女"]
    assert "山西党团组织创始人" in got["高君宇"]
    assert "北京大学高君宇学生党支部成员" not in got["高君宇"]


def test_speech_verb_and_honorific_names_without_title():
    got = read("会议传达学习了《中共中央关于授予周永开、张桂梅同志和追授卢永根、张小娟同志“全国优秀共产党员”称号的决定》。")
    for name in ("周永开", "张桂梅", "卢永根", "张小娟"):
        assert name in got


def test_foreign_name_after_office():
    got = read("今天，日本首相安倍晋三和个别内阁成员向靖国神社供奉了祭品。")
    assert got.get("安倍晋三") == ["日本首相"]


def test_foreign_name_on_no_chinese_surname_ends_before_the_verb():
    got = read("王毅同伊斯兰合作组织秘书长塔哈会谈。美国总统特朗普会见了来访客人。")
    assert got.get("塔哈") == ["伊斯兰合作组织秘书长"]
    assert got.get("特朗普") == ["美国总统"]
    assert "塔哈会谈" not in got and "特朗普会见" not in got


@pytest.mark.parametrize(
    "sentence, name",
    [
        # the name ends where a clause word, an adverb or a verb of running text starts
        ("1月26日，日本首相高市早苗在参加电视台节目时声称，这是事实。", "高市早苗"),
        ("哈萨克斯坦总统托卡耶夫在访问德国前夕接受采访。", "托卡耶夫"),
        ("我们很关注朝鲜最高领导人金正恩即将发表的新年贺词。", "金正恩"),
        ("萨尔瓦多总统布克尔已经抵达中国。", "布克尔"),
        ("萨尔瓦多总统布克尔正在中国进行国事访问。", "布克尔"),
        ("美国总统特朗普则表示，谈判仍有可能。", "特朗普"),
        ("美国总统特朗普警告称，如果对方不让步。", "特朗普"),
        ("国际宗教自由事务无任所大使布朗巴克称，这些措施有害。", "布朗巴克"),
        ("应老挝外长沙伦赛邀请，王毅将出席会议。", "沙伦赛"),
        ("芬兰总理奥尔波举行会谈。", "奥尔波"),
        ("洛钦还引用新加坡外长维文的表态称，那些国家很好。", "维文"),
        # nor inside a word of running text
        ("美国情报部门称正在监测朝鲜领导人金正恩手术后健康情况的报道。", "金正恩"),
        ("如习近平主席昨天会见柬埔寨首相洪森时指出的，中华民族是从苦难中走过来的。", "洪森"),
        ("国家主席习近平同尼泊尔总统班达里互致信函。", "班达里"),
        ("新德里消息：印度总理莫迪在27日举行的峰会上发表讲话。", "莫迪"),
        ("公司中试中心副经理郭鹏正与科研人员抓紧进行功能测试。", "郭鹏"),
    ],
)
def test_foreign_name_after_office_ends_before_running_text(sentence, name):
    got = read(sentence)
    assert name in got
    assert not [n for n in got if n.startswith(name) and n != name]


@pytest.mark.parametrize(
    "sentence, not_names",
    [
        ("采访中国驻美大使时称，中国政府很好。", {"时称"}),
        ("三方首次举办外长级别的会议。阿拉伯国家联盟外长理事会会议和伊斯兰合作组织秘书处。", {"级别", "级别的会议", "理事会", "理事会会议"}),
        ("主席就疫情向欧盟领导人致慰问电时表示，中方秉持人类命运共同体理念。", {"致慰问电时", "致慰问电"}),
        ("你已经注意到了中国驻韩国大使馆发言人的表态。", {"馆发言人的", "馆发言人"}),
        ("这归功于中国领导人深思熟虑的战略。", {"深思"}),
        ("正在对印度访问的斯里兰卡总理马欣达9日在接受采访时说。习近平主席同塞尔维亚总统武契奇通电话。",
         {"斯里兰卡", "塞尔维亚"}),
        ("这是五年来中国外长首次访韩。", {"首次访韩", "首次"}),
        # a common word of running text after a title is no name, nor a meeting's place
        ("拉布外交大臣明确表示不赞成将疫情政治化。俄总统、总理、外长相继表态。", {"明确", "相继"}),
        ("自两国领导人武汉会晤之后，双方在金砖国家领导人厦门会晤、巴西利亚会晤期间举办活动。", {"武汉", "厦门", "巴西利亚"}),
        # an organization's suffix is no given name ("科技师|范学院")
        ("临沧警方选取滇西科技师范学院、临沧市客运站开展宣传。", {"范学院"}),
    ],
)
def test_what_follows_a_foreign_office_is_not_always_a_name(sentence, not_names):
    assert not set(read(sentence)) & not_names


def test_common_surname_after_office_is_not_read_as_a_foreign_name():
    got = read("应国务院总理李强邀请，英国首相斯塔默将于1月28日至31日访华。")
    assert got.get("李强") == ["国务院总理"]
    assert "李强邀请" not in got


def test_dot_name_after_title_ends_before_the_verb():
    got = read("在公司总经理雅切克·拉塔尼克看来，这离不开双方的合作。")
    assert got.get("雅切克·拉塔尼克") == ["公司总经理"]


def test_photo_credit_and_people_noun_before_name():
    got = read("本报记者 邹松摄")
    assert "邹松" in got and "邹松摄" not in got
    got = read("2024年，她介绍村民陈香兰去商场配送中心工作。")
    assert "陈香兰" in got


def test_people_nouns_vouch_for_a_name_but_not_for_a_word():
    assert "王建平" in read("快递员王建平每天要送两百多件包裹。")
    assert "孙立群" in read("骑手小哥孙立群学习操作无人机。")
    assert read("记者核对了考勤记录与工人陈述，数据一致。") == {}


def test_model_alone_before_punctuation_but_not_in_lists_or_verbs():
    assert "范曾" in read("这篇文章惹怒了范曾，他随后提起诉讼。")
    # a 、 list of route names, a verb as given name, a preposition as surname
    assert read("新线将连接京九、黄平、赣深等铁路。") == {}
    assert read("骏马在草原上，马疾驰而过。") == {}


def test_reporting_verbs_end_names_and_organizations_are_not_people():
    got = read("法国总统马克龙敦促各方保持克制。省卫健委提醒，市民要做好防护。")
    assert got.get("马克龙") == ["法国总统"]
    assert "卫健委" not in got


def test_transliterated_names_from_their_characters():
    got = read("俱乐部主教练佩特科维奇表示，球队状态正在恢复。")
    assert got.get("佩特科维奇") == ["俱乐部主教练"]
    got = read("网球选手萨莫拉诺说，这场比赛很艰难。")  # not the Chinese-looking tail 莫拉诺
    assert "萨莫拉诺" in got and "莫拉诺" not in got
    # places written with the same characters are no people
    assert read("他们游览了斯里兰卡的海滩，又去了加尔各答。") == {}


def test_model_alone_does_not_read_words_or_cut_them():
    # words the general lexicon knows, or that a span would cut, are no names
    # without a title or verb: 雷霆 (tagged as a name by jieba), 上周|辰辰, 周密|安排
    for text in ("各地要以雷霆之势整治违法行为。", "他说上周辰辰还在正常上课。", "这次活动周密安排，秩序井然。"):
        assert read(text) == {}, text


def test_forms_of_address_and_ordinary_words_are_not_people():
    got = read("女孩爸爸王先生告诉记者，学校和居委一直都在关心孩子。我们要始终牢记习近平总书记殷殷嘱托。")
    assert "王先生" not in got and "王先" not in got
    assert "殷殷" not in got
    assert got["习近平"] == ["总书记"]


def test_byline_people_have_role_and_source():
    a = article(
        "3月6日，纪念活动在娄烦县举行。",
        byline=Byline(reporters=["周皓"], correspondents=["闫姝"], raw="本报讯(记者 周皓 通讯员 闫姝)"),
    )
    people = {p.name: p for p in a.people}
    assert people["周皓"].titles == ["记者"] and people["周皓"].source == "byline"
    assert people["闫姝"].titles == ["通讯员"] and people["闫姝"].source == "byline"
    assert people["周皓"].mentions == []


def test_special_correspondent_role_from_raw_byline():
    a = article("市民应配合进行核酸采样检测。", byline=Byline(reporters=["潘高峰"], correspondents=["忻文轲"], raw="本报记者 潘高峰 特约通讯员 忻文轲"))
    assert {p.name: p.titles for p in a.people}["忻文轲"] == ["特约通讯员"]


def test_headline_names_run_together_are_split_by_body_names():
    a = article(
        "山西代表团团长唐登杰、副团长金湘军回答记者提问。",
        headline="山西代表团代表接受中外媒体采访",
        subheadline="唐登杰金湘军回答记者提问",
    )
    names = [p.name for p in a.people]
    assert names.count("唐登杰") == 1 and names.count("金湘军") == 1
    assert all(p.source == "body" for p in a.people)


def test_headline_only_person_and_title():
    a = article("澎湃新闻记者：你能否介绍有关情况？\n耿爽：今天上午，两市举行视频交流会。", headline="外交部发言人耿爽主持例行记者会")
    people = {p.name: p for p in a.people}
    assert people["耿爽"].titles == ["外交部发言人"]
    assert people["耿爽"].mentions  # the transcript turn "耿爽：" in the body
    tm = people["耿爽"].title_mentions[0]
    assert tm["source"] == "headline" and tm["line"][tm["line_start"] : tm["line_end"]] == "外交部发言人"


@pytest.mark.parametrize(
    "text",
    [
        "省委书记林铎主持会议。",
        "最高法执行局局长黄文俊介绍，2025年民事裁判自动履行率达61.01%。",
        "市民政局副局长曾群强调，要做好困境儿童关爱。",
    ],
)
def test_mentions_point_into_text(text):
    a = article(text)
    assert a.people
    for p in a.people:
        for m in p.mentions:
            assert a.text[m.start : m.end] == m.text == p.name
        for tm in p.title_mentions:
            if "source" not in tm:
                assert a.text[tm["start"] : tm["end"]] == tm["title"]
            else:
                assert "start" not in tm


def test_name_length_chosen_by_the_verb_after_it():
    got = read("市民政局副局长曾群强调，要做好困境儿童关爱。")
    assert "曾群" in got and "曾群强" not in got


def test_every_mention_on_the_example_pages_is_grounded():
    """The provenance invariant on every real page: text[start:end] == mention."""
    import zhnews

    from conftest import example_pages

    n = 0
    for page_path in example_pages():
        page = zhnews.extract(str(page_path))
        for a in page.articles:
            for p in a.people:
                for m in p.mentions:
                    assert a.text[m.start : m.end] == m.text
                    # the name, or a later short form of it: the last part of a
                    # dotted name, or surname + title head ("习总书记" for 习近平)
                    assert m.text == p.name or p.name.endswith(m.text) or m.text[0] == p.name[0]
                    n += 1
            for o in a.organizations:
                for m in o.mentions:
                    assert a.text[m.start : m.end] == m.text
                    n += 1
            for pl in a.places:
                for m in pl.mentions:
                    assert a.text[m.start : m.end] == m.text
                    n += 1
    assert n > 100


def test_titles_in_brackets_after_the_name():
    got = read("嘉宾：王建国（中国人民大学教授）、刘晓燕（北京市发展和改革委员会副主任）")
    assert got.get("王建国") == ["中国人民大学教授"]
    assert got.get("刘晓燕") == ["北京市发展和改革委员会副主任"]
    got = read("李明（左一）在现场查看施工进度。张华（化名）说，他很满意。")
    assert got.get("李明") == [] and got.get("张华") == []  # a position in a photo, a note: no titles


def test_position_given_by_a_copula_clause():
    got = read("志愿者陈立是实验中学信息科的教师，他连夜设计了表格。刘强是山西省农业科学院研究员。")
    assert got.get("陈立") == ["志愿者", "实验中学信息科的教师"]
    assert got.get("刘强") == ["山西省农业科学院研究员"]
    # a description is no position
    assert read("张华是第一个到达现场的记者，他说。").get("张华") == []


def test_name_length_does_not_split_a_word_and_dot_names_stop_at_the_clause():
    got = read("质量部高级经理廖鑫展示着实时检测数据。")
    assert "廖鑫" in got and "廖鑫展" not in got  # 展示 is one word
    got = read("南非副总统特别经济顾问加迪贾·布朗对本报记者表示，非洲发展很快。")
    assert "加迪贾·布朗" in got and got["加迪贾·布朗"][-1].endswith("顾问")
    got = read("村民比特里兹·劳拉带着记者爬上自家木屋。")
    assert "比特里兹·劳拉" in got


def test_title_starts_after_the_verb_before_it():
    assert read("该杂志将发表中共中央总书记习近平的重要文章。")["习近平"] == ["中共中央总书记"]
    assert read("中国驻美国大使谢锋出席。")["谢锋"] == ["中国驻美国大使"]  # 驻 belongs to the title


def test_later_mention_of_a_dotted_name_is_the_same_person():
    a = article("津巴布韦外长大卫·穆尚韦表示，双方将加强合作。穆尚韦说，津方感谢中方支持。")
    assert [p.name for p in a.people] == ["大卫·穆尚韦"]
    p = a.people[0]
    assert [(m.text, a.text[m.start : m.end]) for m in p.mentions] == [("大卫·穆尚韦",) * 2, ("穆尚韦",) * 2]


def test_dotted_names_end_before_an_adverb_and_titles_start_after_a_date():
    import zhnews

    page = "\n\n".join(["", "2020年1月20日外交部发言人耿爽主持例行记者会",
                        "众议院议长迈克·约翰逊尚未公开表态。参议院多数党领袖约翰·图恩则避免正面回应。"
                        "中共中央政治局委员杨洁篪会见了来访的客人。", ""])
    (a,) = zhnews.extract(page).articles
    names = {p.name: p for p in a.people}
    assert {"迈克·约翰逊", "约翰·图恩", "杨洁篪", "耿爽"} <= set(names)
    assert names["耿爽"].titles == ["外交部发言人"]


def test_a_clause_after_a_foreign_office_is_no_name():
    import zhnews

    page = "\n\n".join(["", "外交部发言人答记者问",
                        "美国驻德国大使就中国同有关国家合作公开发表评论。难道是这位美国驻澳大利亚大使太愚蠢？"
                        "日本首相安倍晋三会见了客人。", ""])
    (a,) = zhnews.extract(page).articles
    names = {p.name for p in a.people}
    assert "安倍晋三" in names and not names & {"就中国", "太愚蠢"}


def test_surname_and_title_head_is_the_titled_person():
    """One record per person: "王书记" after "省委书记王国强" is 王国强, and a
    statement it makes carries the full name."""
    import zhnews

    page = zhnews.extract("标题\n\n本报讯 省委书记王国强来到企业调研。\n\n王书记指出，要抓好安全生产。\n")
    a = page.articles[0]
    (p,) = a.people
    assert p.name == "王国强"
    assert [m.text for m in p.mentions] == ["王国强", "王书记"]
    for m in p.mentions:
        assert a.text[m.start:m.end] == m.text
    assert [s.speaker for s in a.statements] == ["王国强"]


def test_surname_and_title_head_stays_open_when_two_people_fit():
    import zhnews

    page = zhnews.extract("标题\n\n本报讯 市委书记王国强和县委书记王立新出席。王书记指出，要抓好安全生产。\n")
    for p in page.articles[0].people:
        assert all(m.text != "王书记" for m in p.mentions)


def test_the_tagger_is_off_by_default_and_zhnews_tagger_1_turns_it_on(monkeypatch):
    """A name standing alone (no title, list or speech verb) is read by the
    character CRF only when asked for (issue 14: its gain over the 0.5 rules is
    small for its cost, README)."""
    import zhnews.entities as ent

    text = "退休工人潘维军抱着孙女来到北京求医。"
    monkeypatch.setattr(ent, "_reader", None)
    monkeypatch.setenv("ZHNEWS_TAGGER", "1")
    assert "潘维军" in read(text)
    monkeypatch.setattr(ent, "_reader", None)
    monkeypatch.delenv("ZHNEWS_TAGGER", raising=False)
    assert "潘维军" not in read(text)
    monkeypatch.setattr(ent, "_reader", None)


def test_xian_is_a_given_name_character_unless_xiansheng_is_written():
    got = read("股份有限公司照明电器检测工程师李先林建议，加强管理。湖北省中西医结合医院呼吸与重症医学科主任张继先上报了病例。"
               "李先生说，这里很好。")
    assert {"李先林", "张继先"} <= set(got)
    assert not {"李先", "张继", "李先生"} & set(got)


def test_a_manner_word_between_name_and_verb():
    got = read("英国剑桥大学学者查尔斯·斯韦尼一针见血地指出，这是事实。")
    assert "查尔斯·斯韦尼" in got and not any(n.endswith("地") for n in got)
    got = read("来自河南的游客王倩兴奋地分享：“太好了。”")
    assert "王倩" in got and "王倩兴" not in got
