"""How well page segmentation generalizes beyond the example pages.

Builds flat pages from the 人民日报 e-paper records in ../shared/data (every
article of one printed page, headline then paragraphs, as flat text), cuts a
share of the long paragraphs at a random column position, runs layout, and
reports headline precision/recall and how many cuts were joined back and how
many real paragraph ends were wrongly joined. The records carry no author
lines for features (the e-paper keeps them in separate markup), so this is
harsher than real page text, where a byline often follows the headline.

    .venv/bin/python benchmarks/layout_synthetic.py [../shared/data/rmrb-2026-01-unlabeled.jsonl] [--indented] [--all-dates] [--misses] [--half dev|check|both]

The line-role models train on the pages of some issue dates of this archive
(zhnews.line_roles_train.RMRB_TRAIN_DATES); by default only the other dates are
measured, so the number is one the training did not see. --all-dates measures
every page (not comparable with the models' own numbers on unseen pages).
--misses prints, page by page, the headlines missed and the spurious ones.

--half dev|check measures one half of the pages (default both): a page's half is
fixed by a CRC of its issue date and page number (`half_of`), and the random cuts
are drawn for every page in the same order whatever half is measured, so each
page is laid out the same in a half as in the whole. Rules are written from the
dev half's misses only; the check half is read as totals, to say whether they
generalize.

With --indented the pages are laid out as text copied from print: every paragraph
hard-wrapped at a random width of 24-40 characters, its first line indented by two
full-width spaces, no blank lines; only the indent tells where a paragraph starts.
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

import zhnews
from zhnews.line_roles_train import RMRB_TRAIN_DATES

CUT_SHARE = 0.4  # share of long paragraphs cut in two, about what real pages show
MIN_CUT_LEN = 60  # a column holds ~60+ characters; shorter paragraphs rarely break
WS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")  # blanks and the zero-width characters headlines drop


def half_of(date: str, page) -> str:
    """A page's fixed half: a CRC of its issue date and page number, odd for check."""
    return "check" if zlib.crc32(f"{date} {page}".encode()) % 2 else "dev"


def squash(s: str) -> str:
    return WS.sub("", s)


def wrap(paragraph: str, width: int) -> list[str]:
    """Hard line ends every `width` characters, the first line indented: text
    copied from a PDF or a print layout, where only the indent marks a paragraph."""
    lines = [paragraph[k : k + width] for k in range(0, len(paragraph), width)]
    return ["\u3000\u3000" + lines[0]] + lines[1:]


def measure(path: str, indented: bool = False, all_dates: bool = False, misses: bool = False,
            half: str = "both") -> dict:
    pages = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["title"].startswith("本版责编") or (not all_dates and r["date"] in RMRB_TRAIN_DATES):
                continue
            pages[(r["date"], r["page"])].append(r)
    rng = random.Random(7)
    tp = fp = fn = 0
    cuts = cuts_joined = ends = ends_joined = 0
    measured = 0
    for (date, _), records in sorted(pages.items()):  # noqa: B007 - the page number names misses
        lines, titles, cut_pairs, end_pairs = [], [], [], []
        for r in records:
            paras = [p.strip() for p in r["paragraphs"] if p.strip() and not p.startswith("版式设计")]
            if not paras:
                continue
            titles.append(squash(r["title"]))
            lines.append(r["title"].strip())
            for p in paras:
                if indented:
                    width = rng.randint(24, 40)
                    wrapped = wrap(p, width)
                    lines += wrapped
                    for a, b in zip(wrapped, wrapped[1:]):
                        cut_pairs.append(squash(a[-6:] + b[:6]))
                    if p.endswith("。"):
                        end_pairs.append((squash(p[-6:]), len(lines)))
                    continue
                if len(p) > MIN_CUT_LEN and rng.random() < CUT_SHARE:
                    k = rng.randint(10, len(p) - 10)
                    lines += [p[:k], p[k:]]
                    cut_pairs.append(squash(p[k - 6 : k + 6]))
                else:
                    lines.append(p)
                if p.endswith("。"):
                    end_pairs.append((squash(p[-6:]), len(lines)))
        if half != "both" and half_of(date, _) != half:
            continue  # (after the draws: every page is cut the same whatever half is measured)
        measured += 1
        text = ("\n" if indented else "\n\n").join(lines)
        page = zhnews.extract(text, date=date, outlet="人民日报")
        got = [squash(a.headline) for a in page.articles]
        tp += sum(1 for t in titles if t in got)
        fn += sum(1 for t in titles if t not in got)
        fp += sum(1 for g in got if g not in titles)
        if misses and (set(titles) != set(got)):
            print(f"{date} p{_}: missed {[t for t in titles if t not in got]} spurious {[g for g in got if g not in titles]}")
        paragraphs = [squash(a.text[p.start : p.end]) for a in page.articles for p in a.paragraphs]
        joined_text = "\n".join(paragraphs)
        for c in cut_pairs:
            cuts += 1
            cuts_joined += c in joined_text
        for end, idx in end_pairs:
            if idx < len(lines):
                ends += 1
                nxt = squash(lines[idx])[:6]
                ends_joined += (end + nxt) in joined_text
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": measured,
        "headline_p": p,
        "headline_r": r,
        "headline_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "cuts": cuts,
        "cuts_joined": cuts_joined,
        "ends": ends,
        "ends_joined": ends_joined,
    }


def main(path: str, indented: bool = False, all_dates: bool = False, misses: bool = False, half: str = "both") -> None:
    m = measure(path, indented, all_dates, misses, half)
    print(("all dates, " if all_dates else "dates the line-role models did not train on, ")
          + ("" if half == "both" else f"{half} half, ")
          + ("hard-wrapped, indented paragraphs — " if indented else "column cuts — ")
          + f"pages: {m['pages']}  headlines: P {m['headline_p']:.3f}  R {m['headline_r']:.3f}  F1 {m['headline_f1']:.3f}")
    print(f"line breaks inside paragraphs joined back: {m['cuts_joined']}/{m['cuts']} ({m['cuts_joined'] / max(m['cuts'], 1):.3f})")
    print(f"real paragraph ends wrongly joined: {m['ends_joined']}/{m['ends']}")


if __name__ == "__main__":
    argv = sys.argv[1:]
    half = "both"
    if "--half" in argv:
        k = argv.index("--half")
        half = argv[k + 1]
        del argv[k : k + 2]
        if half not in ("dev", "check", "both"):
            sys.exit("--half takes dev, check or both")
    args = [a for a in argv if not a.startswith("--")]
    default = str(Path(__file__).resolve().parents[2] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl")
    main(args[0] if args else default, "--indented" in argv, "--all-dates" in argv, "--misses" in argv, half)
