"""Photo captions opening an article (a 人民日报 record that opens with its photos:
"市民在北海公园……游览。" / "新华社记者  陈钟昊摄") are decks between headline and body,
not body (ANNOTATION.md; issue 13: the gold of sections_dev, bounds_dev and joins_dev
reads them so). A photo report whose caption is all there is keeps it as its body."""

import sys
from pathlib import Path

from zhnews.extraction import extract_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import joins_dev  # noqa: E402

HEAD = "北海琉璃阁院落开放"
CAPTION = "市民在北海公园“西天梵境”已对外开放区域游览。"
BODY = "北海之畔，琉璃生辉。1月22日，琉璃阁院落正式由北京市考古研究院移交给北海公园，成为开放区域。"


def _page(*lines: str) -> str:
    return "\n\n".join(["", *lines, ""])


def test_a_caption_and_its_photographer_credit_open_no_body():
    (a,) = extract_text(_page(HEAD, CAPTION, "新华社记者  陈钟昊摄", BODY), annotate=False).articles
    assert a.text.startswith("北海之畔")
    assert CAPTION in a.deck


def test_a_caption_over_a_supplied_photo_credit_opens_no_body():
    (a,) = extract_text(_page(HEAD, "舞蹈比赛参赛选手在表演。", "厄立特里亚高等教育与研究院孔子学院供图", BODY),
                        annotate=False).articles
    assert a.text.startswith("北海之畔")


def test_a_photo_report_keeps_its_caption_as_body():
    arts = extract_text(_page("图片报道", BODY, "新华社记者  陈钟昊摄", "另一篇报道的标题", BODY), annotate=False).articles
    assert arts[0].text.startswith("北海之畔")


def test_joins_dev_starts_the_body_after_opening_captions():
    paras = [CAPTION, "新华社记者  陈钟昊摄", "以上图片均为本报记者宋豪新摄", BODY, BODY]
    assert joins_dev._body_first(paras) == 3
    assert joins_dev._body_first([BODY, BODY]) == 0
    assert joins_dev._body_first([CAPTION, "新华社记者  陈钟昊摄"]) == 0  # (a photo report: its caption is its body)
