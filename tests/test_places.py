"""Places: administrative divisions resolved to their path."""

from __future__ import annotations

from zhnews.entities import annotate
from zhnews.entities.places import find_places
from zhnews.model import Article, Context


def test_county_resolved_to_its_province_and_city():
    got = {p.name: p for p in find_places("“百年君宇志 信仰永传承”——娄烦县爱国主义教育主题活动在娄烦县高君宇故居纪念馆广场举行。")}
    assert got["娄烦县"].resolved == "山西省太原市娄烦县"
    assert len(got["娄烦县"].mentions) == 2


def test_short_forms_of_provinces_and_cities():
    got = {p.name: p.resolved for p in find_places("华为油气矿山军团全球总部落户太原，山西营商环境持续改善。")}
    assert got["太原"] == "山西省太原市"
    assert got["山西"] == "山西省"


def test_ambiguous_district_resolved_by_the_province_named():
    got = {p.name: p.resolved for p in find_places("北京市朝阳区今天启动核酸筛查。")}
    assert got["朝阳区"] == "北京市朝阳区"
    got = {p.name: p.resolved for p in find_places("朝阳区今天启动核酸筛查。")}
    assert got["朝阳区"] is None  # 北京 and 长春 both have one


def test_countries_are_places():
    got = [p.name for p in find_places("菲律宾是中国友好近邻。")]
    assert "菲律宾" in got and "中国" in got


def test_person_names_are_not_places():
    a = Article(headline="标题", text="记者从湖南日报获悉，省委书记许达哲主持会议。")
    annotate(a, Context())
    for p in a.places:
        for m in p.mentions:
            assert a.text[m.start : m.end] == m.text
    assert "许达哲" not in [p.name for p in a.places]
