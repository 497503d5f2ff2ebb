"""Mine Japanese family names for zhnews/lexicons/japanese_surnames.txt, and the rare
surnames of zhnews/lexicons/rare_surnames.txt.

    python scripts/build_name_classes.py [--data ../shared/data]
    python scripts/build_name_classes.py --rare-surnames [--data ../shared/data]

Prints the two-character family names of the Japanese people named in the TRAINING
splits of People's Daily 1998 NER and CLUENER2020 (`zhnews.entities.train.load_corpora`:
the held-out 20 % of each, which bench_entities scores, is never read): a PER span of
four or five Han characters, in a sentence that mentions Japan, whose first two
characters are no Chinese compound surname and whose characters do not read as a
Western transliteration (麦克阿瑟, 格林斯潘). Japanese names are rare there (six in the
training splits), so the lexicon adds the national ranking of the most common family
names; this script gives the corpus part of it.

--rare-surnames prints the single-character surnames of the 百家姓 that surnames.txt
lacks and that are rare characters: seen fewer than RARE_MAX times in the training
splits and the unlabeled 人民日报 2026 articles together, so not words of running text
(荀, 邴, 濮, 竺; not 水, 山, 东, which surnames.txt leaves out on purpose).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from zhnews.entities import recognizer
from zhnews.entities.lexicon import compound_surnames, single_surnames
from zhnews.entities.train import DEFAULT_DATA, _han, load_corpora

JAPAN_WORDS = ("日本", "日方", "日相")
# The single-character surnames of the 百家姓 (the classical text, in its order).
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭"
    "梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双"
    "闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空"
    "曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公岳帅缑亢况郈有琴归海晋楚闫法汝鄢涂钦商牟佘佴伯赏"
    "墨哈谯笪年爱阳佟"
)
# A character seen this often in the corpora is a word of running text too (水 1,443).
RARE_MAX = 30
# the translit table's mean log-odds at which the reader takes a run as a foreign name (people.T_TRANSLIT)
WESTERN_MEAN = 3.0


def mine(data: Path) -> list[str]:
    corpora = load_corpora(data)
    tl = recognizer.load().stats.get("translit", {})
    compound = compound_surnames()
    out: set[str] = set()
    for text, spans in corpora["pd_train"] + corpora["cl_train"]:
        if not any(w in text for w in JAPAN_WORDS):
            continue
        for s, e, kind in spans:
            name = text[s:e]
            if kind != "PER" or len(name) not in (4, 5) or not _han(name) or name[:2] in compound:
                continue
            if sum(tl.get(c, 0.0) for c in name) / len(name) >= WESTERN_MEAN / 2:
                continue
            out.add(name[:2])
    return sorted(out)


def rare_surnames(data: Path) -> list[str]:
    corpora = load_corpora(data)
    count: Counter = Counter()
    for text, _ in corpora["pd_train"] + corpora["cl_train"]:
        count.update(text)
    with open(data / "rmrb-2026-01-unlabeled.jsonl", encoding="utf-8") as f:
        for line in f:
            count.update("".join(json.loads(line).get("paragraphs") or []))
    known = single_surnames()
    return [c for c in dict.fromkeys(BAIJIAXING) if c not in known and count[c] < RARE_MAX]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rare-surnames", action="store_true")
    args = ap.parse_args()
    print("\n".join(rare_surnames(args.data) if args.rare_surnames else mine(args.data)))


if __name__ == "__main__":
    main()
