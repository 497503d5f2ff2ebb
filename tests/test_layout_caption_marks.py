"""`caption_line` tests CAPTION_MARKS before CAPTION_RE (speed): it must read every
caption form the pattern reads, and nothing else."""

from zhnews import layout

CAPTIONS = ["（新华社记者 李明摄）", "唐克摄（影像中国）", "孔子学院供图", "（新华社发）", "资料照片",
            "图片：新华社", "照片：本报", "（本报记者 张三 摄）", "和子龙摄", "本版图片由受访者提供",
            "上图照片均为受访者提供"]
NOT_CAPTIONS = ["本报北京1月28日电", "会议强调，要推进高质量发展。", "图书馆开放时间延长", "摄影展在京开幕",
                "新华社发布消息称……"]


def test_caption_line_reads_what_the_pattern_reads():
    for text in CAPTIONS + NOT_CAPTIONS:
        assert layout.caption_line(text) == bool(layout.CAPTION_RE.match(text)), text
    assert all(map(layout.caption_line, CAPTIONS))

