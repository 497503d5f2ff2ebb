"""Development measure of joins, false joins and body bounds on pages printed
the way real pages are printed (issue 13).

The held-out set gives totals only; this builds pages whose errors can be read,
from articles no line-role model trained on: the news-unlabeled.jsonl articles
`line_roles_train.joins_dev_record` keeps out of training (every source) and
the 人民日报 archive rmrb-2026-01 but the issue dates line_roles_train reads (RMRB_TRAIN_DATES). Each
page holds several articles of one source, headline lines above each body, and
one of these printings:

- cut:       a share of the paragraphs cut once where a column ended, the cut
             aimed at the hard places (CUT_KINDS): right after a full stop,
             inside a number (1.5|万), inside a name (组长|龚正, 龚|正), before a
             closing quote, inside a dateline or a closing credit, leaving a
             short first or last piece, or anywhere;
- columns:   every paragraph wrapped at one column width of COLUMN_WIDTH
             characters, so every kind of cut happens where it falls;
- columns+indent: the same with each paragraph's first line indented "　　".
- heldout:   the held-out builder's printing (benchmarks/heldout/build_pages.py):
             blank lines, 40% of the paragraphs over 60 characters cut once,
             at least 10 characters from either end.

with a blank line between printed lines or without one (then, in plain
columns, a paragraph's end shows only as a line shorter than the column).

The articles are split in two halves by a seeded draw, `dev` (tune on it) and
`check` (report it). Scored: joins (each cut, by kind), false joins (a true
paragraph end of the construction read as joined), body bounds (body start
after the byline formula and after photo captions opening the record (`_body_first`:
a caption and its credit, "市民在北海公园……游览。" / "新华社记者  陈钟昊摄", are no body, as
ANNOTATION.md reads decks and sections_dev / bounds_dev gold read captions), body end),
articles (headlines).

    python benchmarks/joins_dev.py [--half dev|check|both] [--misses] [--keep DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

from zhnews import evaluate  # noqa: E402
from zhnews.byline import TRAILING_CREDIT_RE, match_dateline, parse_closing_credit  # noqa: E402
from zhnews.extraction import extract_text  # noqa: E402
from zhnews.line_roles_train import RMRB_TRAIN_DATES, corpus_records  # noqa: E402

SEED = 1313
RMRB = HERE.parents[1] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
PER_PAGE = (2, 5)
COLUMN_WIDTH = (10, 40)   # characters a printed column line holds (narrow tabloid .. broadsheet)
CUT_SHARE = 0.5           # paragraphs of a `cut` page cut once
MIN_CUT_LEN = 20          # shorter paragraphs are left whole on a `cut` page
MAX_ARTICLE_CHARS = 3000  # a page, not a book (政府工作报告)
JOIN_SIDE = 6             # as benchmarks/heldout/build_pages.py: characters kept each side of a cut
FALSE_JOIN_SIDE = 8       # as evaluate.FALSE_JOIN_CONTEXT
STOPS = "。！？!?"
NUMBER_NEXT = set("0123456789.．%％万亿千百")
CUT_KINDS = ("random", "after_stop", "in_number", "in_name", "before_quote", "in_dateline", "in_credit",
             "short_first", "short_last")
# Cuts inside a dateline or a closing credit: the byline reader takes the formula out of
# the body, so the cut shows in body.bounds, not as a join in the body text.
BOUNDS_KINDS = ("in_dateline", "in_credit")
PRINTINGS = ("cut", "cut-noblank", "columns", "columns-noblank", "columns-indent", "heldout")
HELDOUT_CUT_SHARE, HELDOUT_MIN_CUT_LEN, HELDOUT_CUT_MARGIN = 0.4, 60, 10  # as benchmarks/heldout/build_pages.py


def records(half: str, seed: int = SEED) -> list[dict]:
    """The articles of one half (`dev` / `check`), each with its source."""
    rows = [r for r in corpus_records(dev=True)]
    with RMRB.open(encoding="utf-8") as fh:
        for r in map(json.loads, fh):
            paras = [p.strip() for p in r.get("paragraphs", []) if p and p.strip()]
            # (not the issue dates the article-start model trains on: a measure of unseen text)
            if paras and not r["title"].startswith("本版责编") and r["date"] not in RMRB_TRAIN_DATES:
                rows.append({**r, "paragraphs": paras, "source": f"rmrb-{r.get('page')}"})
    by_source: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for r in rows:
        key = "".join(r["paragraphs"])[-40:]
        if key in seen:
            continue  # one copy of a story (the archive and the corpus carry some twice)
        seen.add(key)
        paras = [p.strip() for p in r["paragraphs"] if p and p.strip()]
        if paras and sum(map(len, paras)) <= MAX_ARTICLE_CHARS:
            by_source.setdefault(r["source"], []).append({**r, "paragraphs": paras})
    rng = random.Random(seed)
    out = []
    for source in sorted(by_source):
        pool = by_source[source]
        rng.shuffle(pool)
        out += pool[0::2] if half == "dev" else pool[1::2]
    return out


def _titles_and_surnames():
    from zhnews.layout import _titles_and_surnames as ts

    return ts()


def cut_candidates(p: str, kind: str, first: bool) -> list[int]:
    """Positions k (the cut falls between p[k-1] and p[k]) of one kind."""
    n = len(p)
    inner = range(2, n - 1)
    if kind == "random":
        return list(inner)
    if kind == "after_stop":
        return [k for k in inner if p[k - 1] in STOPS or (p[k - 1] == "”" and p[k - 2] in STOPS)]
    if kind == "in_number":
        return [k for k in inner if p[k - 1].isdigit() and p[k] in NUMBER_NEXT or p[k - 1] in ".．" and p[k].isdigit()]
    if kind == "in_name":
        titles, surnames = _titles_and_surnames()
        out = []
        for k in inner:
            if p[k] in surnames and any(p[:k].endswith(t) for t in titles if len(t) >= 2):
                out += [k, k + 1]  # 组长|龚正, 组长龚|正
        return [k for k in out if 2 <= k < n - 1]
    if kind == "before_quote":
        return [k for k in inner if p[k] == "”"]
    if kind == "in_dateline":
        bm = match_dateline(p) if first else None
        return [k for k in range(2, min(bm.end, n - 1))] if bm else []
    if kind == "in_credit":
        m = TRAILING_CREDIT_RE.search(p)
        if m:
            return [k for k in range(m.start("credit") + 1, m.end("credit") - 1) if 2 <= k < n - 1]
        return list(range(2, n - 1)) if parse_closing_credit(p) else []
    if kind == "short_first":
        return [k for k in inner if k <= 6]
    if kind == "short_last":
        return [k for k in inner if k >= n - 6]
    raise ValueError(kind)


def _bounds_kind(p: str, k: int, first: bool) -> str | None:
    """The kind of a cut at k that falls in a byline formula (any cut may)."""
    if first and (bm := match_dateline(p)) is not None and k < bm.end:
        return "in_dateline"
    m = TRAILING_CREDIT_RE.search(p)
    if (m and m.start("credit") < k) or parse_closing_credit(p):
        return "in_credit"
    return None


def _body_end(paras: list[str]) -> str:
    """The article's last body paragraph as ANNOTATION.md reads it: photo credits,
    closing credits and page furniture after the last sentence end the body before
    them, also glued to it ("……救治。本报记者左妍"); an author note stays in."""
    from zhnews import layout
    from zhnews.byline import names_look_real

    k = len(paras)
    while k > 1 and (parse_closing_credit(paras[k - 1]) or layout.CAPTION_RE.match(paras[k - 1])
                     or layout.FURNITURE_RE.match(paras[k - 1]) or layout.PRODUCED_BY_RE.match(paras[k - 1])
                     or layout.SOURCE_CLOSING_RE.match(paras[k - 1]) or layout.END_MARK_RE.match(paras[k - 1])):
        k -= 1
    last = paras[k - 1]
    m = TRAILING_CREDIT_RE.search(last)
    if m and (credit := parse_closing_credit(m.group("credit"))) and names_look_real(credit):
        last = last[: m.start("credit")].rstrip(" \u3000\xa0")
    return last


# A photo caption's text over its credit is no longer than this (characters).
MAX_CAPTION_TEXT = 100


def _body_first(paras: list[str]) -> int:
    """The index of the body's first paragraph: after the photo captions that open a
    record ("市民在北海公园……游览。" / "新华社记者  陈钟昊摄", also a credit alone), which are
    not body (ANNOTATION.md treats them as decks between headline and body; the lead's
    decision for issue 13, as sections_dev_gold.jsonl and bounds_dev_gold.jsonl read them)."""
    from zhnews import layout

    k = 0
    while k < len(paras) - 1:
        if layout.CAPTION_RE.match(paras[k]):
            k += 1  # a credit alone ("以上图片均为本报记者宋豪新摄")
        elif k + 2 < len(paras) and len(paras[k]) <= MAX_CAPTION_TEXT and layout.CAPTION_RE.match(paras[k + 1]):
            k += 2  # a caption and its credit
        else:
            break
    return k


def _join_string(p: str, k: int) -> str:
    return p[max(k - JOIN_SIDE, 0) : k + JOIN_SIDE]


def render(recs: list[dict], printing: str, rng: random.Random) -> tuple[str, list[dict]]:
    """Page text and gold skeletons (with `_kinds`, the kind of each `joined`
    cut, and `_ends`, the true paragraph boundaries as left|right context)."""
    blank = not printing.endswith("noblank")
    width = rng.randint(*COLUMN_WIDTH)
    indent = printing.endswith("indent")
    lines: list[str] = []
    golds = []
    for r in recs:
        paras = r["paragraphs"]
        heads = [(r.get("kicker") or "").strip(), r["title"].strip(), (r.get("subtitle") or "").strip()]
        lines += [h for h in heads if h]
        joined, kinds = [], []
        for i, p in enumerate(paras):
            if printing.startswith("columns"):
                pieces = [p[k : k + width] for k in range(0, len(p), width)]
                for k in range(width, len(p), width):
                    kind = _bounds_kind(p, k, i == 0) or "column"
                    if kind not in BOUNDS_KINDS:
                        joined.append(_join_string(p, k))
                    kinds.append(kind)
            elif printing == "heldout":
                # the held-out builder's cut: a share of the long paragraphs, anywhere but
                # HELDOUT_CUT_MARGIN characters from either end
                pieces = [p]
                if len(p) > HELDOUT_MIN_CUT_LEN and rng.random() < HELDOUT_CUT_SHARE:
                    k = rng.randint(HELDOUT_CUT_MARGIN, len(p) - HELDOUT_CUT_MARGIN)
                    kind = _bounds_kind(p, k, i == 0) or ("after_stop" if k in cut_candidates(p, "after_stop", False)
                                                          else "random")
                    pieces = [p[:k], p[k:]]
                    if kind not in BOUNDS_KINDS:
                        joined.append(_join_string(p, k))
                    kinds.append(kind)
            else:
                pieces = [p]
                if len(p) >= MIN_CUT_LEN and rng.random() < CUT_SHARE:
                    options = [(kind, c) for kind in CUT_KINDS if (c := cut_candidates(p, kind, i == 0))]
                    kind, cands = rng.choice(options)
                    k = rng.choice(cands)
                    kind = _bounds_kind(p, k, i == 0) or kind
                    pieces = [p[:k], p[k:]]
                    if kind not in BOUNDS_KINDS:
                        joined.append(_join_string(p, k))
                    kinds.append(kind)
            if indent:
                pieces[0] = "\u3000\u3000" + pieces[0]
            lines += pieces
        body_end = _body_end(paras)
        body_start = paras[_body_first(paras)]
        bm = match_dateline(body_start)
        if bm is not None:
            body_start = body_start[bm.end :].lstrip(" \u3000\xa0")
        # (a paragraph ending in a full stop: its end is certain, as for evaluate.false_joins;
        # the others — an in-article heading, a chart label — are counted apart)
        ends = [(evaluate.norm(a)[-FALSE_JOIN_SIDE:] + evaluate.norm(b)[:FALSE_JOIN_SIDE],
                 a.rstrip()[-1:] in evaluate.SENTENCE_END) for a, b in zip(paras, paras[1:])]
        golds.append({
            "headline": heads[1], "subheadline": heads[2] or None, "kicker": heads[0] or None,
            "body_starts": body_start[:30] if body_start else None, "body_ends": body_end[-20:],
            "joined": joined, "_kinds": kinds, "_ends": ends, "_source": r["source"],
        })
    sep = "\n\n" if blank else "\n"
    return sep.join(lines) + "\n", golds


def build(folder: Path, half: str, seed: int = SEED) -> list[Path]:
    rng = random.Random(f"{seed}-{half}")
    by_source: dict[str, list[dict]] = {}
    for r in records(half, seed):
        by_source.setdefault(r["source"], []).append(r)
    paths = []
    for printing in PRINTINGS:
        for source in sorted(by_source):
            pool = by_source[source][:]
            rng.shuffle(pool)
            k = 0
            while k < len(pool):
                n = rng.randint(*PER_PAGE)
                recs = pool[k : k + n]
                k += n
                text, golds = render(recs, printing, rng)
                name = f"{half}-{printing}-{len(paths):04d}"
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
                gold = {"input": f"{name}.txt", "published": recs[-1].get("date"), "outlet": None, "articles": golds}
                path = folder / f"{name}.gold.json"
                path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
                paths.append(path)
    return paths


def _layout_only(path: str) -> dict:
    return extract_text(Path(path).read_text(encoding="utf-8"), name=Path(path).name, annotate=False).to_dict()


def measure(paths: list[Path]) -> dict:
    """Scores of the pages: evaluate's fields, joins by kind and printing, false joins."""
    preds: dict[str, dict] = {}

    def extract(path: str) -> dict:
        preds[path] = _layout_only(path)
        return preds[path]

    report = evaluate.evaluate([str(p) for p in paths], extract)
    by_kind: Counter = Counter()
    found_kind: Counter = Counter()
    false_joins: list[str] = []
    soft_joins: list[str] = []
    missed: list[str] = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        printing = path.name.split("-", 1)[1].rsplit("-", 1)[0]
        pred = preds[str(path.with_name(gold["input"]))]
        texts = [evaluate.norm_paragraphs(a.get("text") or "", a.get("paragraphs") or []) for a in pred["articles"]]
        flats = [evaluate.norm(a.get("text") or "") for a in pred["articles"]]
        for a in gold["articles"]:
            for j, kind in zip(a["joined"], [k for k in a["_kinds"] if k not in BOUNDS_KINDS]):
                j = evaluate.norm(j)
                ok = any(j in f for f in flats) and all(t.count(j) == f.count(j) for t, f in zip(texts, flats))
                for key in (kind, f"printing:{printing}"):
                    by_kind[key] += 1
                    found_kind[key] += ok
                if not ok:
                    missed.append(f"{path.name} [{kind}] {j}")
            for e, certain in a["_ends"]:
                if any(e in t for t in texts):
                    (false_joins if certain else soft_joins).append(f"{path.name} {e}")
    fields = {name: report.fields[name] for name in ("articles", "body.bounds", "body.joins")}
    return {"fields": fields, "by_kind": by_kind, "found_kind": found_kind, "false_joins": false_joins, "soft_joins": soft_joins,
            "missed": missed, "report": report, "article_groups": article_groups(paths, report),
            "article_misses": article_misses(paths, report, preds)}


def _printing(path: Path) -> str:
    return path.name.split("-", 1)[1].rsplit("-", 1)[0]


def article_groups(paths: list[Path], report) -> dict[str, evaluate.Score]:
    """The articles score by printing ("printing:cut") and by source ("source:rmrb-1"):
    a page holds one printing and one source, so its articles score is counted there."""
    groups: dict[str, evaluate.Score] = {}
    for path, rep in zip(paths, report.files):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = gold["articles"][0]["_source"] if gold["articles"] else "?"
        for key in (f"printing:{_printing(path)}", f"source:{source}"):
            groups.setdefault(key, evaluate.Score(kind=evaluate.PRF)).add(rep.scores["articles"])
    return groups


# Lines shown each side of an article-level error (`--misses`).
MISS_CONTEXT_LINES = 2
MISS_LINE_CHARS = 40


def _around(lines: list[str], text: str | None) -> list[str]:
    """The page lines around the first line holding `text` (a headline), marked ">>"."""
    key = evaluate.norm(text or "")[:12]
    at = next((k for k, line in enumerate(lines) if key and key in evaluate.norm(line)), None)
    if at is None:
        return ["      (not found on the page)"]
    return [f"    {'>>' if k == at else '  '} {lines[k][:MISS_LINE_CHARS]}"
            for k in range(max(at - MISS_CONTEXT_LINES, 0), min(at + MISS_CONTEXT_LINES + 1, len(lines)))]


def article_misses(paths: list[Path], report, preds: dict) -> list[str]:
    """Article-level errors with the page lines around them: a missed headline
    (two articles read as one, or a headline taken wrong) and a spurious one (an
    article split), each with its page's printing and source."""
    out = []
    for path, rep in zip(paths, report.files):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines = [line for line in Path(rep.input_path).read_text(encoding="utf-8").splitlines() if line.strip()]
        source = gold["articles"][0]["_source"] if gold["articles"] else "?"
        pred_heads = [a.get("headline") for a in preds[rep.input_path]["articles"]]
        for g, p in rep.articles:
            if p is None:
                out.append(f"MISSED {path.name} [{source}] {g}  (predicted: {' | '.join(map(str, pred_heads))})")
                out += _around(lines, g)
        for p in rep.unmatched_predicted:
            out.append(f"SPURIOUS {path.name} [{source}] {p}")
            out += _around(lines, p)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("dev", "check", "both"), default="dev")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--keep", help="write the pages here instead of a temporary folder")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    halves = ("dev", "check") if args.half == "both" else (args.half,)
    for half in halves:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(args.keep or tmp) / half
            folder.mkdir(parents=True, exist_ok=True)
            paths = build(folder, half, args.seed)
            m = measure(paths)
            n_art = sum(len(json.loads(p.read_text(encoding="utf-8"))["articles"]) for p in paths)
            print(f"joins_dev {half}: {len(paths)} pages, {n_art} articles")
            for name, s in m["fields"].items():
                print(f"  {name:<14} {s.value:.3f}  (n={s.n})")
            print(f"  false joins    {len(m['false_joins'])}  (paragraph ends without a full stop joined: "
                  f"{len(m['soft_joins'])})")
            for key in sorted(m["by_kind"]):
                print(f"    joins {key:<26} {m['found_kind'][key] / m['by_kind'][key]:.3f}  (n={m['by_kind'][key]})")
            for key, s in sorted(m["article_groups"].items()):
                print(f"    articles {key:<23} {s.value:.3f}  (tp/fp/fn {s.tp}/{s.fp}/{s.fn})")
            if args.misses:
                print("\n".join(["false joins:"] + m["false_joins"] + ["missed joins:"] + m["missed"]))
                print("\n".join(["article misses:"] + m["article_misses"]))
                print(evaluate.format_misses(m["report"], "body.bounds"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
