"""A label typeset letter by letter ("服 务 电 话") stays inside the current article
(layout.LETTER_SPACED_RE), and "……电话" is no dateline "……电" (byline._DIAN_WORDS)."""

from zhnews import byline, layout

LINES = (
    "社区服务中心启用新场馆",
    "本报讯（记者 陈静）昨天，区社区服务中心新场馆正式启用，为居民提供政务办理、养老助餐、法律咨询等一站式服务。",
    "新场馆共设二十个服务窗口，工作日全天开放，周末上午开放。居民可通过线上平台预约办理业务，减少排队等候时间。",
    "咨 询 电 话",
    "中心的服务热线同步开通，工作人员将在工作时间内解答居民的各类问题，并做好记录和回访。",
)


def test_a_letter_spaced_label_starts_no_article():
    drafts = [d for d in layout.segment("\n\n".join(("",) + LINES + ("",))) if d.heads]
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["社区服务中心启用新场馆"]


def test_the_label_pattern():
    assert layout.LETTER_SPACED_RE.match("公 告 专 栏")
    assert not layout.LETTER_SPACED_RE.match("坚定信心 乘势而上")


def test_a_telephone_label_is_no_dateline():
    assert byline.match_dateline("声明公告登报电话") is None
    assert byline.match_dateline("本报北京电（记者 王明）").byline.dateline == "本报北京电"
    assert byline.match_dateline("新华社北京3月5日电").byline.dateline == "新华社北京3月5日电"
