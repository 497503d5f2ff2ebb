"""A wire's production credit ("新华社音视频部制作") closes its story as
"新华社国内部出品" does: the headline after it starts the next article."""

import zhnews
from zhnews import layout

PAGE = "\n\n".join([
    "",
    "国资央企2025年实现营业收入超过80万亿元",
    "1月28日，国务院新闻办公室举行新闻发布会，介绍2025年国资央企高质量发展情况。",
    "新华社音视频部制作",
    "国务院国资委：扎实推进国有经济布局优化和结构调整",
    "1月28日，国务院国资委有关负责人在发布会上介绍，将加快建设更多世界一流企业。",
    "",
])


def test_a_production_credit_closes_the_story():
    heads = [a.headline for a in zhnews.extract(PAGE).articles]
    assert heads == ["国资央企2025年实现营业收入超过80万亿元", "国务院国资委：扎实推进国有经济布局优化和结构调整"]


def test_made_by_needs_a_department_before_it():
    assert layout.PRODUCED_BY_RE.match("新华社音视频部制作")
    assert layout.PRODUCED_BY_RE.match("新华社国内部出品")
    assert not layout.PRODUCED_BY_RE.match("年画制作")
