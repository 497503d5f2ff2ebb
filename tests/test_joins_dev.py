"""The page maker of benchmarks/joins_dev.py: cuts aimed where they are hard,
printings with and without blank lines, halves apart from each other and from
the articles the line-role models train on."""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import joins_dev  # noqa: E402

from zhnews import line_roles_train  # noqa: E402

P = "本报北京1月27日电（记者丁怡婷）全国新增装机1.5万千瓦。“今年会更好。”他说，组长龚正在会上讲话。"


def test_cut_candidates_fall_where_their_kind_says():
    for k in joins_dev.cut_candidates(P, "after_stop", True):
        assert P[k - 1] in "。！？" or P[k - 2 : k] == "。”"
    assert any(P[k - 1] == "1" and P[k] == "." for k in joins_dev.cut_candidates(P, "in_number", True))
    assert all(P[k] == "”" for k in joins_dev.cut_candidates(P, "before_quote", True))
    assert all(k < P.index("）") + 1 for k in joins_dev.cut_candidates(P, "in_dateline", True))
    assert joins_dev.cut_candidates(P, "in_dateline", False) == []
    assert P.index("龚") in joins_dev.cut_candidates(P, "in_name", True)


def _rec(title, paras, source="s"):
    return {"title": title, "paragraphs": paras, "source": source}


def test_render_cut_and_columns_printings():
    recs = [_rec("全国新增装机创新高", [P, "第二段很短。"]), _rec("另一篇文章的标题", ["".join(chr(0x4e00 + 37 * k) for k in range(90)) + "。"])]
    text, golds = joins_dev.render(recs, "columns-noblank", random.Random(1))
    assert "\n\n" not in text
    lines = text.splitlines()
    width = max(len(x) for x in lines if x not in ("全国新增装机创新高", "另一篇文章的标题"))
    assert joins_dev.COLUMN_WIDTH[0] <= width <= joins_dev.COLUMN_WIDTH[1]
    flat = text.replace("\n", "")
    for g in golds:
        for j in g["joined"]:
            assert j in flat and j not in text  # a joined string crosses a printed line break
    assert golds[0]["body_starts"].startswith("全国新增装机")  # after the dateline formula
    assert golds[0]["_ends"][0][1] is True  # "……讲话。" then "第二段": a certain paragraph end
    text, golds = joins_dev.render(recs, "cut", random.Random(2))
    assert "\n\n" in text
    long = "".join(chr(0x4e00 + 41 * k) for k in range(200)) + "。"
    for seed in range(20):  # the held-out builder's cut: never within 10 characters of an end
        text, golds = joins_dev.render([_rec("标题", [long])], "heldout", random.Random(seed))
        pieces = text.split("\n\n")[1:]
        assert len(pieces) in (1, 2) and all(len(x.strip()) >= 10 for x in pieces)


def test_halves_are_disjoint_and_unseen_by_training():
    dev = {"".join(r["paragraphs"])[-40:] for r in joins_dev.records("dev")}
    check = {"".join(r["paragraphs"])[-40:] for r in joins_dev.records("check")}
    assert dev and check and not dev & check
    trained = {r["title"] for r in line_roles_train.training_records()}
    kept = line_roles_train.corpus_records(dev=True)
    assert kept and not {r["title"] for r in kept} & trained
    assert all(line_roles_train.joins_dev_record(r) for r in kept)


def test_body_end_leaves_out_credits_as_the_annotation_does():
    assert joins_dev._body_end(["第一段。", "妥善做好手术救治。本报记者左妍"]) == "妥善做好手术救治。"
    assert joins_dev._body_end(["第一段。", "最后一段。", "新华社记者陈晔华摄"]) == "最后一段。"
    assert joins_dev._body_end(["第一段。", "（作者为南京大学新闻传播学院教授）"]).startswith("（作者")
