"""Build the blind held-out pages from ../shared/data/news-unlabeled.jsonl.

Why this corpus: nothing in zhnews was written from it (the rules were tuned on
../shared/examples and checked on the 人民日报 archive rmrb-2026-01, which is
therefore not blind any more). Each page holds articles of one genre, laid out
the way the example pages are: a unit per line with blank lines between,
kicker / headline / subheadline lines above the body, and a share of the long
paragraphs cut in two where a printed column would end. The builder writes the
page and a gold skeleton (headline, kicker, subheadline, body_starts,
body_ends, joined — what it knows from construction); a person fills the rest
from the page text alone, following ../shared/ANNOTATION.md, before any system
output for the page is looked at.

    python benchmarks/heldout/build_pages.py [--force]

The output is deterministic (fixed seed, fixed selection order). It refuses to
overwrite a gold file that has been annotated unless --force is given.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "data" / "news-unlabeled.jsonl"
SEED = 20261205

CUT_SHARE = 0.4   # share of long paragraphs cut at a column end: about what the example pages show
MIN_CUT_LEN = 60  # a printed column holds ~60+ characters; shorter paragraphs rarely break
JOIN_SIDE = 6     # characters kept on each side of a cut in `joined` (ANNOTATION.md: ~12 around each cut)
MIN_LEN, MAX_LEN = 250, 1500       # article length in characters: pages annotators can finish exactly
MAX_LEN_TRANSCRIPT = 2600           # one 外交部 briefing is a page of its own

# (page code, source genre, how many pages, articles per page, paper named by the file, length cap)
PLAN = [
    ("ldhd", "中国共产党新闻网/人民网 ldhd", 2, 4, None, MAX_LEN),        # provincial leadership news
    ("gcdt", "中国共产党新闻网/人民网 gcdt", 1, 5, None, MAX_LEN),        # meetings, 会见, party news
    ("jjsh", "中国共产党新闻网/人民网 jjsh", 1, 4, None, MAX_LEN),        # economy and society
    ("gjwj", "中国共产党新闻网/人民网 gjwj", 1, 4, None, MAX_LEN),        # international, foreign voices
    ("zypl", "中国共产党新闻网/人民网 zypl", 2, 5, None, MAX_LEN),        # commentary: no datelines
    ("mfa", "外交部", 2, 1, None, MAX_LEN_TRANSCRIPT),                   # press-conference transcripts
    ("xinmin", "新民晚报", 1, 4, "新民晚报", MAX_LEN),
    ("cnki", "CNKI 报纸", 1, 4, None, MAX_LEN),
    ("gmrb", "光明日报", 2, 5, "光明日报", MAX_LEN),                      # features, reportage
    ("xinhua", "新华社", 2, 6, "新华社", MAX_LEN),                        # wires, press-conference wires
]


def load() -> dict[str, list[dict]]:
    by_source: dict[str, list[dict]] = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            by_source.setdefault(r["source"], []).append(r)
    return by_source


def clean_paragraphs(r: dict) -> list[str]:
    return [p.strip() for p in r.get("paragraphs", []) if p and p.strip()]


def article_len(r: dict) -> int:
    return sum(len(p) for p in clean_paragraphs(r))


def distinct(records: list[dict]) -> list[dict]:
    """One copy of a story: the corpus carries some twice (a 新华社 wire and the
    paper that ran it), and a page never prints the same story twice."""
    seen, out = set(), []
    for r in records:
        body = "".join(clean_paragraphs(r))
        key = body[-40:]
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def render(records: list[dict], rng: random.Random) -> tuple[str, list[dict]]:
    units: list[str] = []
    skeletons = []
    for r in records:
        paras = clean_paragraphs(r)
        kicker = (r.get("kicker") or "").strip() or None
        sub = (r.get("subtitle") or "").strip() or None
        title = r["title"].strip()
        if kicker:
            units.append(kicker)
        units.append(title)
        if sub:
            units.append(sub)
        joined = []
        for p in paras:
            if len(p) > MIN_CUT_LEN and rng.random() < CUT_SHARE:
                k = rng.randint(10, len(p) - 10)
                units += [p[:k], p[k:]]
                joined.append(p[k - JOIN_SIDE : k + JOIN_SIDE])
            else:
                units.append(p)
        skeletons.append({
            "headline": title,
            "subheadline": sub,
            "kicker": kicker,
            "byline": {"dateline": None, "place": None, "outlet": None, "reporters": [], "correspondents": []},
            "date": None,
            "body_starts": paras[0][:30],
            "body_ends": paras[-1][-20:],
            "joined": joined,
            "people": [],
            "organizations": [],
            "statements": [],
            "figures": [],
            "figures_ignore": [],
            "_url": r.get("url"),
            "_source": r["source"],
        })
    return "\n\n" + "\n\n".join(units) + "\n", skeletons


def main(argv: list[str]) -> int:
    force = "--force" in argv
    rng = random.Random(SEED)
    by_source = load()
    written = 0
    for code, source, n_pages, per_page, outlet, cap in PLAN:
        pool = [r for r in by_source[source]
                if r.get("date") and MIN_LEN <= article_len(r) <= cap and clean_paragraphs(r)]
        pool = distinct(pool)
        rng.shuffle(pool)
        for i in range(n_pages):
            records = sorted(pool[i * per_page : (i + 1) * per_page], key=lambda r: r["date"])
            if len(records) < per_page:
                print(f"{code}: only {len(records)} articles for page {i + 1}", file=sys.stderr)
            # The issue date: the day most of the page's articles carry (the latest on a tie).
            days = Counter(r["date"] for r in records)
            published = max(days, key=lambda d: (days[d], d))
            name = f"heldout-{code}-{published}" + ("" if n_pages == 1 else f"-p{i + 1}")
            text, articles = render(records, rng)
            gold_path = HERE / f"{name}.gold.json"
            if gold_path.exists() and not force:
                old = json.loads(gold_path.read_text(encoding="utf-8"))
                if any(a.get("people") or a.get("figures") for a in old.get("articles", [])):
                    print(f"{gold_path.name}: annotated, kept (use --force to rebuild)", file=sys.stderr)
                    continue
            (HERE / f"{name}.txt").write_text(text, encoding="utf-8")
            gold = {"input": f"{name}.txt", "published": published, "outlet": outlet, "articles": articles}
            gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written += 1
            print(f"{name}: {len(articles)} articles, {len(text)} characters")
    print(f"{written} pages written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
