"""After a dateline, a heading whose own words are already in the article
("特朗普：“大舰队”来了" under "美航母舰队逼近……") is left to the article-start
model (layout.HEADING_IN_STORY_SHARE) rather than always starting an article."""

from zhnews import layout, line_roles

WIRE = [
    "",
    "美航母舰队逼近 伊朗及盟友发严厉警告",
    "新华社德黑兰1月28日电 美国总统特朗普27日说，一支美国“大舰队”正驶向伊朗，伊朗及其盟友随即发出严厉警告。",
    "特朗普：“大舰队”来了",
    "特朗普当天在社交媒体上说，美国“大舰队”正在驶向伊朗，航母打击群已进入相关海域。",
    "美国：仍可谈",
    "美国官员表示，美方仍愿意同伊朗谈判，但伊朗必须作出让步。",
]


def test_the_wire_keeps_its_sections():
    drafts = layout.segment("\n\n".join(WIRE + [""]))
    assert [layout.split_heads(d.heads)[1] for d in drafts if d.heads] == ["美航母舰队逼近 伊朗及盟友发严厉警告"]


def test_the_share_counts_the_heading_words_found_in_the_article():
    units = layout.tokenize("\n\n".join(WIRE + [""]))
    cur = layout.Draft(heads=[units[0]], paragraphs=[[units[2]]])
    assert line_roles.heading_in_story(units, 3, 4, cur) >= layout.HEADING_IN_STORY_SHARE
