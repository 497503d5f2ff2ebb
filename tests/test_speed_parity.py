"""The fast paths of issue 14's speed bar give exactly what the careful ones gave.

- `built_cache`: the word lexicon and the name model read back from the marshal
  cache equal what the data files build (values and key order), and a stale,
  corrupt or disabled cache only costs the build.
- The cheap cue scans in front of speech's question and answer regexes, orgs'
  reporter turns and byline's credit marks: every match of the costly regex
  holds the cue, so skipping texts without it loses none.
- `scan.finditer_from` (jump to the characters a match can start with, try the
  pattern there) against `finditer` for FIGURE_RE, PERIOD_RE and lists' markers.
- `lexicon._lines` (one read, one split) against reading the file line by line.
"""

from __future__ import annotations

import json
import random

import pytest

from conftest import example_pages
from zhnews import built_cache, figure_words, speech
from zhnews.entities import recognizer


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in example_pages()]
    assert out, "no example pages"
    return out


# -- built_cache ---------------------------------------------------------------------------
def test_cached_lexicon_equals_the_built_one_in_values_and_order(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path))
    built = figure_words.build_lexicon()
    for _ in range(2):  # the first call builds and stores, the second reads the file back
        figure_words.lexicon.cache_clear()
        logp, pos = figure_words.lexicon()
        assert list(logp.items()) == list(built[0].items())
        assert list(pos.items()) == list(built[1].items())
    assert len(list(tmp_path.glob("figure_words-*.marshal"))) == 1
    figure_words.lexicon.cache_clear()


def test_cached_name_model_equals_the_json(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path))
    path = recognizer.MODEL_PATH
    d = recognizer._read_model(path)
    for _ in range(2):
        got = built_cache.cached("name_scorer", (path, path), lambda: recognizer._read_model(path))
        assert json.dumps(got, sort_keys=False) == json.dumps(d, sort_keys=False)


def test_cache_follows_its_sources_and_survives_corruption(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(cache))
    src = tmp_path / "words.txt"
    src.write_text("甲\n乙\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return src.read_text(encoding="utf-8").split()

    assert built_cache.cached("t", [src], build) == ["甲", "乙"]
    assert built_cache.cached("t", [src], build) == ["甲", "乙"] and len(calls) == 1  # read back
    src.write_text("甲\n丙\n", encoding="utf-8")  # an edited source is never read from the old table
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 2
    for f in cache.glob("t-*.marshal"):
        f.write_bytes(b"\x00garbage")
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 3
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", "")  # off: always built, nothing written
    before = sorted(cache.iterdir())
    assert built_cache.cached("t", [src], build) == ["甲", "丙"] and len(calls) == 4
    assert sorted(cache.iterdir()) == before


def test_cache_keeps_a_few_tables_per_name(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(tmp_path / "c"))
    src = tmp_path / "s.txt"
    for i in range(built_cache.KEEP + 3):
        src.write_text(str(i), encoding="utf-8")
        assert built_cache.cached("t", [src], lambda: i) == i
    assert len(list((tmp_path / "c").glob("t-*.marshal"))) <= built_cache.KEEP


def test_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(blocker / "sub"))  # a directory under a file
    assert built_cache.cached("t", [blocker], lambda: [1, 2]) == [1, 2]


# -- speech cue scans ---------------------------------------------------------------------------
_QA_FORMS = [
    "新华社记者提问：今年的目标是什么？",
    "有记者问：这项政策何时出台？",
    "另有记者问道，外资如何进入",
    "有媒体询问：谈判进展如何？",
    "有人问，这是真的吗",
    "彭博社记者问：你对此有何评论？",
    "他在回答记者关于“关税”的提问时说，",
    "王毅就中美关系回答了中外记者的提问。他说，",
    "发言人就此答记者问时表示，",
    "外交部发言人回应说，",
]


def _qa_samples(texts: list[str], seed: int) -> list[str]:
    """The pages, the forms alone, and the forms inside stretches of the pages."""
    rng = random.Random(seed)
    samples = list(texts) + _QA_FORMS
    for t in texts:
        for _ in range(30):
            s = rng.randrange(len(t))
            samples.append(t[s : s + 200] + rng.choice(_QA_FORMS) + t[s : s + 50])
    return samples


def test_every_question_match_holds_the_cue(texts):
    found = 0
    for t in _qa_samples(texts, 7):
        for m in speech._QUESTION_RE.finditer(t):
            assert speech._QUESTION_CUE_RE.search(m.group()), m.group()
            found += 1
    assert found > 50


def test_every_answer_match_holds_an_answer_word(texts):
    lex = speech._lexicon()
    found = 0
    for t in _qa_samples(texts, 8):
        for m in lex.answer_re.finditer(t):
            assert "答" in m.group() or "回应" in m.group(), m.group()
            found += 1
    assert found > 20


def test_bare_credit_skips_only_lines_without_a_mark(texts):
    from zhnews import byline

    lines = [line for t in texts for line in t.split("\n")]
    lines += ["■本报记者 王明", "文/图 李华", "  图/文 张三  ", "本报记者 王明 摄影报道", "新华社记者 刘洋 报道",
              "◆ 赵四", "文／图：王五", "他说，这是一篇报道", "", "   ", "文", "图片"]
    for line in lines:
        assert byline._bare_credit(line) == byline.CREDIT_MARKS_RE.sub("", line.strip()).strip(), line


def test_every_turn_outlet_match_holds_its_colon(texts):
    from zhnews.entities import orgs

    found = 0
    for t in _qa_samples(texts, 9) + ["\n澎湃新闻记者：请问…", "彭博社记者:关于…", "《人民日报》记者：…"]:
        for m in orgs.TURN_OUTLET_RE.finditer(t):
            assert "记者：" in m.group() or "记者:" in m.group(), m.group()
            found += 1
    assert found >= 3


# -- scan.finditer_from ------------------------------------------------------------------------
def test_finditer_from_equals_finditer_for_figures_periods_and_list_markers(texts):
    from zhnews import figures, lists
    from zhnews.scan import finditer_from

    rng = random.Random(10)
    extra = ["一是加强，二是推进；（三）落实", "第一，首先要…其次是…此外，", "1.目标 2、任务 3．措施 12.5亿",
             "百分之三十五，千分之五，三分之一", "４５０万元、3至5万人、一两千名", "١.阿拉伯数字 ٢، ", "十八大以来",
             "“十四五”期间，十五五前两年", "2025年1至3月以来", "去年12月、今年3月份", "当月，同期", "近三年", "十年来、٣年以来"]
    samples = list(texts) + extra
    for t in texts:
        for _ in range(50):
            s = rng.randrange(len(t))
            samples.append(t[s : s + rng.randrange(1, 80)] + rng.choice(extra))
    n = 0
    for t in samples:
        for pattern, first in ((figures.FIGURE_RE, figures._FIGURE_FIRST_RE), (lists._MARKERS, lists._MARKER_FIRST_RE),
                               (figures.PERIOD_RE, figures._PERIOD_FIRST_RE)):
            plain = [(m.span(), m.groupdict()) for m in pattern.finditer(t)]
            assert [(m.span(), m.groupdict()) for m in finditer_from(pattern, first, t)] == plain, t
            n += len(plain)
    assert n > 500


# -- lexicon._lines -----------------------------------------------------------------------------
def test_lexicon_lines_equal_the_line_by_line_reading(tmp_path, monkeypatch):
    from zhnews import lexicon

    def plain(name):
        with open(lexicon.LEXICON_DIR / name, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                yield line

    names = sorted(p.name for p in lexicon.LEXICON_DIR.iterdir() if p.suffix in (".txt", ".tsv"))
    assert len(names) > 20
    for name in names:
        assert list(lexicon._lines(name)) == list(plain(name)), name
    odd = "a\n\n  \n# c\n  # d\n\t\u3000x\n\u3000\ne\r\nf\rg\n#\n \n last"
    (tmp_path / "odd.txt").write_text(odd, encoding="utf-8", newline="")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    assert list(lexicon._lines("odd.txt")) == list(plain("odd.txt")) == ["a", "\t\u3000x", "e", "f", "g", " last"]
