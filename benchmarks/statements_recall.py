"""Statements precision AND recall on hand-annotated unseen articles.

The development pages (../shared/examples) read statements F1 1.000, so they no
longer show what speech.py misses or invents on text nobody tuned on. This
script scores the statements of the 122 unseen articles of
benchmarks/people_recall.py (same selection, same dev/check split; none a
held-out page was built from) against a hand annotation
(benchmarks/statements_dev_gold.jsonl, ANNOTATION.md item 5), made by reading
each article before looking at zhnews output for it. Study errors on the
"dev" half only; read the "check" half as totals.

    .venv/bin/python benchmarks/statements_recall.py --list [--split dev]   # texts to annotate
    .venv/bin/python benchmarks/statements_recall.py --score [--split dev] [-v]
    .venv/bin/python benchmarks/statements_recall.py --list|--score ... --set 2|3
    .venv/bin/python benchmarks/statements_recall.py --pages --score [--set N] [--split dev] [-v]

A second set (`--set 2`, benchmarks/statements_dev_gold2.jsonl, seed 1502) was
drawn once set 1's dev half read 1.000: articles (or excerpts of whole
paragraphs, orgs_recall.excerpt) weighted to the genres that carry many
statements (外交部 transcripts, 新华社 and 新闻联播 wires, 领导活动 and 党建 reports,
人民日报 features), each holding at least MIN_CUES speech cues, leaving out the
held-out records and every article of set 1 (people_recall's selection).

A third set (`--set 3`, benchmarks/statements_dev_gold3.jsonl, seeds 1603 and 1604)
takes the shapes sets 1-2 cover least: 30 articles or excerpts of the news genres
(外交部 问/答 transcripts, 新民晚报/光明日报/CNKI features, gjwj/jjsh/gcdt reports, those
with a labelled turn, a pronoun or office speaker, 坦言/直言/透露/告诉记者 or a quote left
open at a paragraph end taken first), then 4 外交部 transcripts whose turns name the
asking outlet and 12 excerpts of long 人民日报 features; held-out records and sets 1-2
left out (select3).

`--pages` lays the articles out as pages and reads them (people_recall.py's page
builder: one 外交部 transcript a page, else four articles of one genre, paragraphs
cut at column ends), as the independent test reads pages: what the layout loses
(an article not found, a paragraph moved to the next article) counts too.

Scoring is that of `zhnews eval` (zhnews/evaluate.py `_score_statements`):
statements with a named speaker; said/quote on kind, speaker and opening;
answers on speaker, asked_by and topic cover. `-v` lists misses and spurious
statements, and refuses to for the check half.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from zhnews.evaluate import FileReport, _score_statements

sys.path.insert(0, str(Path(__file__).resolve().parent))
import orgs_recall  # noqa: E402  (the shared command line and gold reader)
from people_recall import page_people, predicted, select  # noqa: E402  (the article selection and its split)

GOLD = orgs_recall.HERE / "statements_dev_gold.jsonl"
GOLD2 = orgs_recall.HERE / "statements_dev_gold2.jsonl"
GOLD3 = orgs_recall.HERE / "statements_dev_gold3.jsonl"
SET2_SEED = 1502
# Set 2: articles per genre, weighted to where statements are (set 1 took two of each
# news genre and drew 人民日报 at random, so half its articles hold no statement).
SET2_GENRES = {"外交部": 8, "新华社": 8, "光明日报": 6, "中国共产党新闻网/人民网 gcdt": 6,
               "中国共产党新闻网/人民网 ldhd": 5, "新闻联播": 3, "CNKI 报纸": 4, "新民晚报": 4,
               "中国共产党新闻网/人民网 gjwj": 4, "中国共产党新闻网/人民网 jjsh": 4,
               "中国共产党新闻网/人民网 zypl": 2}
SET2_RMRB = 32
# A speech cue: a speech verb before a comma or colon, a colon quote, a transcript turn.
CUE = re.compile(r"(?:说|表示|指出|强调|认为|介绍|称|坦言|透露|谈到|告诉记者)[，,：:]|[：:]“|”[^。]{0,12}说|问[：:]|答[：:]")
MIN_CUES = 2  # an article with one cue or none holds at most one statement: little to learn from


def select2() -> list[dict]:
    """Set 2's articles (or excerpts), each with its `_split`: SET2_GENRES of the news
    genres and SET2_RMRB 人民日报 articles whose text holds MIN_CUES speech cues, none a
    held-out page or set 1 took."""
    banned = orgs_recall.heldout_tails() | {orgs_recall.body(r)[-40:] for r in select()}
    rng = random.Random(SET2_SEED)
    text = lambda r: "".join(p.strip() for p in r.get("paragraphs") or [] if p and p.strip())  # noqa: E731
    news = [r for r in orgs_recall._load(orgs_recall.NEWS) if orgs_recall.body(r)[-40:] not in banned]
    seen: set[str] = set()
    chosen = orgs_recall.take_genres(news, SET2_GENRES, rng, seen, keep=lambda e: len(CUE.findall(text(e))) >= MIN_CUES)
    rmrb = [r for r in orgs_recall._load(orgs_recall.RMRB)
            if orgs_recall.MIN_LEN <= len(orgs_recall.body(r)) <= orgs_recall.MAX_LEN
            and orgs_recall.body(r)[-40:] not in banned | seen and len(CUE.findall(orgs_recall.body(r))) >= MIN_CUES]
    chosen += [dict(r, _tail=orgs_recall.body(r)[-40:]) for r in rng.sample(rmrb, SET2_RMRB)]
    return _split_once(chosen, rng)



def _split_once(chosen: list[dict], rng: random.Random) -> list[dict]:
    """Half dev, half check by a seeded shuffle; 人民日报 prints some stories twice (two urls,
    one text), so the second copy is dropped after the split (as the gold was drawn)."""
    orgs_recall.split_halves(chosen, rng)
    tails, out = set(), []
    for r in chosen:
        if r["_tail"] not in tails:
            tails.add(r["_tail"])
            out.append(r)
    return out

# Set 3 (`--set 3`, statements_dev_gold3.jsonl, seed 1603): the shapes sets 1-2 cover least.
# Every article (or excerpt) holds MIN_CUES speech cues; within each genre those holding a SHAPE
# are taken first: a labelled turn (问：/答：/记者：/X：at a paragraph start), a speaker named by
# pronoun or office (他说，该负责人表示), a verb sets 1-2 rarely met (坦言/直言/透露/告诉记者) or a
# quote left open at a paragraph end (a quote spanning paragraphs). Genres weighted to 外交部
# transcripts, 新民晚报 and 光明日报 features, reported speech of gjwj/jjsh/gcdt (after sets 1-2,
# what is left of most genres is a few records); held-out records and sets 1 and 2 left out.
SET3_SEED = 1603
SET3_GENRES = {"外交部": 5, "新民晚报": 2, "光明日报": 5, "CNKI 报纸": 4, "新华社": 1, "新闻联播": 1,
               "中国共产党新闻网/人民网 gcdt": 3, "中国共产党新闻网/人民网 jjsh": 3,
               "中国共产党新闻网/人民网 gjwj": 3}
SET3_RMRB = 4
SHAPE = re.compile(r"(?:^|\n)(?:问|答|记者|[\u4e00-\u9fff]{2,4})[：:]|(?:他|她|该负责人|负责人)(?:说|表示|指出|认为|介绍|强调|坦言|直言)"
                   r"|坦言|直言|透露|告诉记者|[^”\n]“[^”\n]{8,}(?:\n|$)")


def select3() -> list[dict]:
    """Set 3's articles (or excerpts), each with its `_split` (see SET3_GENRES)."""
    banned = (orgs_recall.heldout_tails() | {orgs_recall.body(r)[-40:] for r in select()}
              | {r["_tail"] for r in select2()})
    rng = random.Random(SET3_SEED)
    lines = lambda r: "\n".join(p.strip() for p in r.get("paragraphs") or [] if p and p.strip())  # noqa: E731
    cued = lambda e: len(CUE.findall(lines(e))) >= MIN_CUES  # noqa: E731
    shaped = lambda e: cued(e) and SHAPE.search(lines(e)) is not None  # noqa: E731
    news = [r for r in orgs_recall._load(orgs_recall.NEWS) if orgs_recall.body(r)[-40:] not in banned]
    seen: set[str] = set()
    chosen = orgs_recall.take_genres(news, SET3_GENRES, rng, seen, keep=shaped)
    short = {g: n - sum(e["source"] == g for e in chosen) for g, n in SET3_GENRES.items()}
    chosen += orgs_recall.take_genres(news, {g: n for g, n in short.items() if n > 0}, rng, seen, keep=cued)
    rmrb = [r for r in orgs_recall._load(orgs_recall.RMRB)
            if orgs_recall.MIN_LEN <= len(orgs_recall.body(r)) <= orgs_recall.MAX_LEN
            and orgs_recall.body(r)[-40:] not in banned | seen and cued(r)]
    rmrb.sort(key=lambda r: not shaped(r))  # stable: the shaped ones first, in corpus order
    chosen += [dict(r, _tail=orgs_recall.body(r)[-40:]) for r in rmrb[:SET3_RMRB]]
    out = _split_once(chosen, rng)
    return out + _select3_more(banned | {r["_tail"] for r in out})


# Set 3, second draw (its own seed, so the first 30 articles and their split stay as
# annotated): 外交部 transcripts whose turns are labelled with the asking outlet
# ("法新社记者：") and excerpts of long 人民日报 features, the stories that quote
# ordinary people, each excerpt holding MIN_CUES speech cues and a SHAPE.
SET3_MORE_SEED = 1604
SET3_LABELLED = 4
SET3_FEATURES = 12
_OUTLET_TURN = re.compile(r"(?:^|\n)[^\n：:]{1,14}记者[：:]")


def _select3_more(banned: set[str]) -> list[dict]:
    rng = random.Random(SET3_MORE_SEED)
    lines = lambda r: "\n".join(p.strip() for p in r.get("paragraphs") or [] if p and p.strip())  # noqa: E731
    shaped = lambda e: len(CUE.findall(lines(e))) >= MIN_CUES and SHAPE.search(lines(e)) is not None  # noqa: E731
    news = [r for r in orgs_recall._load(orgs_recall.NEWS)
            if r["source"] == "外交部" and orgs_recall.body(r)[-40:] not in banned and len(_OUTLET_TURN.findall(lines(r))) >= 2]
    seen: set[str] = set()
    chosen = orgs_recall.take_genres(news, {"外交部": SET3_LABELLED}, rng, seen,
                                     keep=lambda e: len(_OUTLET_TURN.findall(lines(e))) >= 2)
    rmrb = [r for r in orgs_recall._load(orgs_recall.RMRB)
            if len(orgs_recall.body(r)) > orgs_recall.MAX_LEN and orgs_recall.body(r)[-40:] not in banned]
    rng.shuffle(rmrb)
    for r in rmrb:
        if len(chosen) == SET3_LABELLED + SET3_FEATURES:
            break
        e = orgs_recall.excerpt(r, rng)
        if e is not None and e["_tail"] not in seen and shaped(e):
            seen.add(e["_tail"])
            chosen.append(e)
    return orgs_recall.split_halves(chosen, rng)


SETS = {1: (GOLD, select), 2: (GOLD2, select2), 3: (GOLD3, select3)}


def score(split: str | None, verbose: bool, set_no: int = 1, pages: bool = False) -> dict[str, dict]:
    gold_path, select_fn = SETS[set_no]
    gold = orgs_recall.read_gold(gold_path)
    recs = [r for r in select_fn() if orgs_recall.key_of(r) in gold and (split is None or r["_split"] == split)]
    rep = FileReport(gold_path=str(gold_path), input_path=str(orgs_recall.NEWS))
    got = page_people(recs, "statements") if pages else [predicted(r, "statements") for r in recs]
    for r, p in zip(recs, got):
        _score_statements(rep, gold[orgs_recall.key_of(r)]["statements"], p, orgs_recall.key_of(r)[-50:])
    out = {}
    for field in ("statements", "statements.answers"):
        s = rep.scores[field]
        out[field] = {"precision": s.precision, "recall": s.recall, "f1": s.f1}
        print(f"{'' if set_no == 1 else f'set {set_no} '}{split or 'all'}{' pages' if pages else ''} {field}: articles {len(recs)}  gold {s.gold_total}  predicted {s.pred_total}  "
              f"found {s.gold_found}  right {s.pred_right}  P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  "
              f"F1 {s.f1 or 0:.3f}")
    if verbose:
        for m in rep.misses.get("statements", []):
            print(f"  {m}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--pages", action="store_true")
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1, dest="set_no")
    args, rest = ap.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return orgs_recall.main(rest, score_fn=lambda split, verbose: score(split, verbose, args.set_no, args.pages),
                            doc=__doc__, select_fn=SETS[args.set_no][1])


if __name__ == "__main__":
    sys.exit(main())
