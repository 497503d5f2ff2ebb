"""E-paper HTML: the papers' markup for 引题/主题/副题/作者, 版面 pages with
outlines, encodings declared or not, the trafilatura fallback, clear errors.
Fixtures are small pages in the real markup with real article text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import zhnews
from zhnews.errors import InputError
from zhnews.formats.html import declared_encoding, extract_html

FIX = Path(__file__).parent / "fixtures" / "html"


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def load(name: str):
    return zhnews.extract(str(FIX / name))


def check_provenance(page) -> None:
    for a in page.articles:
        for f in a.figures:
            assert a.text[f.start : f.end] == f.text
        for s in a.statements:
            assert a.text[s.start : s.end] == s.text
        for p in a.people:
            for m in p.mentions:
                assert a.text[m.start : m.end] == m.text


def test_rmrb_article_page_reads_markup_and_body():
    page = load("rmrb-2026-01-29-p04-content.html")
    assert page.format == "html-rmrb"
    assert (page.published, page.outlet, page.encoding) == ("2026-01-29", "人民日报", "utf-8")
    (a,) = page.articles
    assert a.headline == "最高法知识产权法庭累计受理案件2.4万余件"
    assert a.kicker is None and a.subheadline is None  # empty <h3>/<h2>
    assert a.byline.dateline == "本报北京1月28日电" and a.byline.place == "北京"
    assert a.byline.reporters == ["魏哲哲"]  # p.sec "本报记者 魏哲哲" and the dateline's credit, once
    assert a.byline.outlet == "人民日报"
    assert a.date == "2026-01-28"
    assert a.text.startswith("最高人民法院28日发布的《最高人民法院知识产权法庭年度报告(2025)》")
    assert a.text.endswith("费率确定等作出积极探索。")
    assert len(a.text.split("\n")) == 3
    # the e-paper's enpproperty comment and the indent spaces are not text
    assert "enpproperty" not in a.text and "\u3000" not in a.text
    assert any(f.text == "18.7%" for f in a.figures)
    check_provenance(page)


def test_founder_page_declared_gb2312_is_read_as_gb18030():
    raw = (FIX / "gmrb-2026-01-28-p04-content.htm").read_bytes()
    assert declared_encoding(raw) == "gb18030"
    page = extract_html(raw, name="gmrb-2026-01-28-p04-content.htm")
    assert page.encoding == "gb18030" and page.format == "html-founder"
    assert page.outlet == "光明日报" and page.published == "2026-01-28"
    (a,) = page.articles
    assert a.headline == "董军同俄罗斯国防部长视频通话"
    assert a.byline.dateline == "新华社北京1月27日电" and a.byline.outlet == "新华社"
    assert a.byline.reporters == ["梅常伟"]
    assert a.text.startswith("国防部长董军27日同俄罗斯国防部长别洛乌索夫视频通话。")
    assert len(a.paragraphs) == 3


def test_undeclared_encoding_is_detected_and_subheadline_read():
    raw = (FIX / "sxrb-2025-03-07-undeclared.html").read_bytes()
    assert declared_encoding(raw) is None
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    page = extract_html(raw, name="sxrb-2025-03-07-undeclared.html")
    assert page.encoding == "gb18030"
    (a,) = page.articles
    assert (a.kicker, a.headline, a.subheadline) == (None, "山西代表团代表接受中外媒体采访", "唐登杰金湘军回答记者提问")
    assert a.byline.dateline == "本报北京电" and a.byline.reporters == ["杨文"]
    assert a.byline.outlet == "山西日报" and page.outlet == "山西日报"
    assert a.date == "2025-03-06"


def test_wrong_declared_charset_is_overruled_with_a_warning():
    markup = (FIX / "rmrb-2026-01-29-p04-content.html").read_text(encoding="utf-8")
    raw = markup.encode("gb18030")  # still says <meta charset="utf-8">
    page = extract_html(raw, name="mislabelled.html")
    assert page.encoding == "gb18030"
    assert any("declares charset utf-8" in w for w in page.warnings)
    assert page.articles[0].headline == "最高法知识产权法庭累计受理案件2.4万余件"


def test_kicker_and_subheadline_from_markup():
    markup = (FIX / "rmrb-2026-01-29-p04-content.html").read_text(encoding="utf-8")
    markup = markup.replace("<h3></h3>", "<h3>服务高水平对外开放</h3>").replace("<h2></h2>", "<h2>涉外案件年均增长18.7%</h2>")
    (a,) = extract_html(markup.encode("utf-8"), name="x.html").articles
    assert (a.kicker, a.headline, a.subheadline) == ("服务高水平对外开放", "最高法知识产权法庭累计受理案件2.4万余件", "涉外案件年均增长18.7%")
    assert "服务高水平对外开放" not in a.text.split("\n")[0][:10]


def test_xinhua_page():
    page = load("xinhua-news-cn-c.html")
    assert page.format == "html-xinhua"
    assert (page.published, page.outlet) == ("2026-01-27", "新华网")
    (a,) = page.articles
    assert norm(a.headline) == "日本北海道遭遇强降雪2000余名旅客滞留在机场"
    assert a.byline.dateline == "新华社东京1月27日电" and a.byline.place == "东京"
    assert a.byline.reporters == ["李子越", "陈泽安"]
    assert a.text.endswith("创下自1999年统计以来的最高纪录。")
    assert "责任编辑" not in a.text


def test_layout_page_lists_articles_with_outlines():
    page = load("rmrb-2026-01-29-p04-layout.html")
    assert page.format == "html-pagelist"
    assert page.published == "2026-01-29" and page.outlet == "人民日报"
    assert len(page.articles) == 6
    first = page.articles[0]
    assert first.headline == "全国查处违反中央八项规定精神问题290752起"
    assert first.url.endswith("content_30136475.html")
    assert first.outline == [[8.0, 60.0], [660.0, 60.0], [660.0, 330.0], [8.0, 330.0]]
    assert all(a.outline and len(a.outline) == 4 and a.text == "" for a in page.articles)
    d = page.to_dict()
    assert d["articles"][4]["outline"][2] == [992.0, 1010.0]
    assert "第04版" in page.warnings[0]


def test_layout_page_without_image_map_has_no_outlines():
    markup = (FIX / "rmrb-2026-01-29-p04-layout.html").read_text(encoding="utf-8")
    markup = re.sub(r"<map.*?</map>", "", markup, flags=re.S)
    page = extract_html(markup.encode("utf-8"), name="p.html")
    assert len(page.articles) == 6 and all(a.outline is None for a in page.articles)


def test_any_other_news_page_goes_to_trafilatura():
    page = load("generic-news-page.html")
    assert page.format == "html-trafilatura"
    assert page.published == "2026-01-27"  # the date printed above the text
    (a,) = page.articles
    assert a.headline == "田间地头结出科技硕果"
    assert a.text.startswith("不久前，“拼多多杯”第三届科技小院大赛总决赛")
    assert "首页" not in a.text and "版权所有" not in a.text
    assert "中国工程院院士张福锁说。" in a.text


def test_br_separated_paragraphs():
    paras = ["新华社北京1月27日电  （记者梅常伟）国防部长董军27日同俄罗斯国防部长别洛乌索夫视频通话。",
             "别洛乌索夫说，俄方愿同中方加强两军战略磋商，推动双方战略协作向更高水平迈进。"]
    markup = f'<html><body><div class="text_c"><h1>董军同俄罗斯国防部长视频通话</h1><div id="ozoom">{"<br/>".join(paras)}</div></div></body></html>'
    (a,) = extract_html(markup.encode("utf-8"), name="br.html").articles
    assert len(a.paragraphs) == 2 and a.byline.reporters == ["梅常伟"]


def test_truncated_article_page_still_reads_with_warning():
    raw = (FIX / "rmrb-2026-01-29-p04-content.html").read_bytes()
    cut = raw[: raw.index("据介绍".encode()) + 60]
    page = extract_html(cut, name="cut.html")
    assert any("truncated" in w for w in page.warnings)
    assert page.articles[0].text.startswith("最高人民法院28日发布的")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty input"),
        (b"   \n  ", "empty input"),
        ("这是一段没有任何标记的纯文本，被误存为网页。".encode(), "no HTML tags"),
        (b"<html><head><title>x</title></head><body><div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>",
         "malformed HTML: no article text found"),
        (b"<html><body><div class='article'><h1>\xe6\xa0\x87\xe9\xa2\x98</h1><div id='ozoom'></div></div>", "malformed HTML: no article text found"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_html_gives_clear_errors(data, reason):
    with pytest.raises(InputError) as e:
        extract_html(data, name="bad.html")
    assert reason in str(e.value) and str(e.value).startswith("bad.html: ")


def test_english_page_is_refused():
    body = "<p>" + "The quick brown fox jumps over the lazy dog near the river bank today. " * 10 + "</p>"
    markup = f'<html><body><div class="article"><h1>News</h1><div id="ozoom">{body}</div></div></body></html>'
    with pytest.raises(InputError, match="not a Chinese"):
        extract_html(markup.encode(), name="en.html")


def test_cli_extracts_html_and_reports_bad_html(tmp_path):
    out = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(FIX / "xinhua-news-cn-c.html"), "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["articles"][0]["byline"]["reporters"] == ["李子越", "陈泽安"]
    bad = tmp_path / "empty-page.html"
    bad.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(bad)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "malformed HTML" in out.stderr and "Traceback" not in out.stderr
