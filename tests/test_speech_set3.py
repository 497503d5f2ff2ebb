"""benchmarks/statements_recall.py --set 3: the hand-annotated statements match the
selection they were made from and no article is a held-out record or one of sets 1-2;
and the statement forms read on its dev half (and set 2's), each written in the style
of the copy with other names and words."""

from __future__ import annotations

import pytest

import zhnews
from zhnews import speech
from zhnews.model import Article, Context
from conftest import load_script

statements_recall = load_script("benchmarks/statements_recall.py")
orgs_recall = statements_recall.orgs_recall


def _statements(body: str, headline: str = "标题") -> list[tuple[str, str | None, str]]:
    """(kind, speaker, first characters of text or topic) of each statement of a one-article page."""
    page = zhnews.extract(headline + "\n\n新华社北京1月27日电 " + body + "\n")
    return [(s.kind, s.speaker, (s.topic if s.kind == "answer" else s.text)[:4]) for a in page.articles for s in a.statements]


@pytest.mark.skipif(not orgs_recall.NEWS.exists(), reason="../shared/data not present")
def test_set3_gold_matches_the_selection_and_is_unseen():
    selected = {orgs_recall.key_of(r): r for r in statements_recall.select3()}
    gold = orgs_recall.read_gold(statements_recall.GOLD3)
    assert set(gold) == set(selected) and len(gold) >= 30
    for key, g in gold.items():
        r = selected[key]
        text = (r.get("title") or "") + "\n" + "".join(p.strip() for p in r["paragraphs"] if p)
        assert g["split"] == r["_split"]
        for st in g["statements"]:
            assert st["speaker"] in text, (key, st)
            assert (st.get("starts") or st.get("topic")).replace(" ", "") in text.replace(" ", ""), (key, st)
    banned = (orgs_recall.heldout_tails() | {orgs_recall.body(r)[-40:] for r in statements_recall.select()}
              | {r["_tail"] for r in statements_recall.select2()})
    assert not any(r["_tail"] in banned for r in selected.values())


def test_colon_quote_of_a_clause_opened_by_a_pronoun():
    # "……，他便公布了答案：“…”": 他 is the person the sentence before named
    got = _statements("社区党委书记陈立言指着几位同事问记者。没等记者回答，他便揭晓了谜底：“我们都剃了平头，连长度都一样。”")
    assert ("quote", "陈立言", "我们都剃") in got


def test_told_reporters_with_who_they_are():
    # "告诉随行记者团，…": 告诉 with the reporters told, not only 告诉记者
    got = _statements("米勒21日在专机上告诉随行记者团，对方决定暂停关税措施是“好兆头”。")
    assert ("said", "米勒", "对方决定") in got


def test_question_cue_broken_at_a_line_end():
    # a page may leave the line break between the asker and 问: "有记者\n问：…"
    art = Article(headline="测试", text="外交部发言人林海27日说，中方立场一贯。\n当日例行记者会上，有记者\n问：日本首相近日称，"
                  "日方将联合救助两国公民。外交部对此有何评论？\n林海说，需要提醒日方的是，中方立场明确。")
    speech.annotate(art, Context())
    assert [(s.speaker, s.topic[:4]) for s in art.statements if s.kind == "answer"] == [("林海", "日本首相")]


def test_words_written_right_after_a_name():
    # "24岁的X“…”。": the words closing the sentence are that person's
    got = _statements("从初登赛场的青涩少女，到如今从容应对的成熟球员，24岁的李晓彤“更清楚自己想怎么打、想成为什么风格的选手”。")
    assert ("quote", "李晓彤", "更清楚自") in got


def test_interview_answers_go_to_the_one_interviewed():
    # 问：/答： turns of a newspaper interview whose headline names no spokesperson: the
    # person the lead says is interviewed, not a photographer credited before it
    page = zhnews.extract("“我想把每一场比赛都当作新的开始”（对话运动员）\n\n本报记者  李明摄\n"
                          "冬奥会即将开幕，短道速滑名将张晓然将再次出战。近日，本报记者对话张晓然，听她讲述备战故事。\n"
                          "问：你在上个赛季多次受伤，是怎样调整过来的？\n答：受伤以后我休息了一段时间，也重新安排了训练计划。\n"
                          "问：你怎样看待外界的期待？\n答：期待是动力，也是压力。我希望把压力转化成能量。\n")
    got = [(s.speaker, s.topic[:4]) for a in page.articles for s in a.statements if s.kind == "answer"]
    assert got == [("张晓然", "你在上个"), ("张晓然", "你怎样看")]


def test_long_quote_right_after_the_verb_is_a_quote():
    # "表示“……”以及……": words as long as a speech are a quote, not the start of a said
    got = _statements("真主党领导人纳斯尔26日在视频讲话中说，如果对方发动打击，真主党“不会袖手旁观”。纳斯尔没有说明具体方式，表示“具体细节将取决于局势发展”以及真主党的利益。")
    assert ("quote", "纳斯尔", "具体细节") in got and not any(k == "said" and t.startswith("“") for k, _, t in got)


def test_quote_running_over_paragraphs():
    # each paragraph of a long quote opens with “ and only the last closes: one quote,
    # and the quotes after it are still read
    art = Article(headline="测试", text="村党支部书记王建国说：“这几年村里变化很大，大家的日子越过越好。\n"
                  "“今年我们还要再建一个合作社，带着乡亲们一起干。”\n"
                  "说起未来，村民李红梅也很有信心。“家门口就能上班，收入也稳定了。”李红梅说，她打算明年再扩大种植面积。")
    speech.annotate(art, Context())
    got = [(s.kind, s.speaker, s.text[:4]) for s in art.statements]
    assert ("quote", "王建国", "这几年村") in got and ("quote", "李红梅", "家门口就") in got


def test_interview_turns_labelled_by_surname():
    # "记者：……" / "刘：……": the one person of the article with that surname answers
    page = zhnews.extract("让非遗走进年轻人的生活\n\n本报记者 王芳\n国家级非遗代表性传承人刘德明从事剪纸艺术已有40年。日前，记者专访了刘德明。\n"
                          "记者：您是怎样走上剪纸这条路的？\n刘：小时候看奶奶剪窗花，觉得特别神奇，就跟着学了起来。\n"
                          "记者：现在的年轻人喜欢剪纸吗？\n刘：越来越多的年轻人来学，我很欣慰。\n")
    got = [(s.speaker, s.topic[:4]) for a in page.articles for s in a.statements if s.kind == "answer"]
    assert got == [("刘德明", "您是怎样"), ("刘德明", "现在的年")]


def test_quote_then_comma_then_speaker():
    # "“……”，X笑着说。": the speaker's clause after a comma; a short term inside a
    # sentence ("提出“两个毫不动摇”，X强调，") is no quote of X
    art = Article(headline="测试", text="村民李红梅今年种了十亩草莓。“家门口就能上班，收入也稳定了”，李红梅笑着说。\n"
                  "会议提出“两个毫不动摇”，王建国强调，要坚持改革。")
    speech.annotate(art, Context())
    got = [(s.kind, s.speaker, s.text[:4]) for s in art.statements]
    assert ("quote", "李红梅", "家门口就") in got and not any(k == "quote" and t.startswith("两个") for k, _, t in got)
