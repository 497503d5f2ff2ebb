"""Held-out pages typeset as PDF: do they score as their text does?

Each held-out page is typeset as a newspaper PDF page (scripts/make_pdf_fixtures.py:
stories stacked, columns balanced, headlines centred in larger type) from the
articles it was built from, and scored against the same gold as the text page.
The issue's bar: within 0.03 of the text on articles and body bounds. Only the
aggregate is printed (the set is blind).

    python benchmarks/heldout_pdf.py [--fields articles,body.bounds,...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks" / "heldout"))

import build_pages  # noqa: E402
from make_pdf_fixtures import Story, typeset  # noqa: E402

from zhnews import evaluate  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "heldout"
PAGE_SIZE = (1191.0, 1684.0)  # A2: a held-out page holds up to ~7,000 characters
COLUMNS = 6


def records_by_title() -> dict[str, dict]:
    """The corpus records by headline (many records carry no url)."""
    out = {}
    with build_pages.CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.setdefault(r["title"].strip(), r)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold-dir", default=str(HELDOUT),
                    help="another folder of pages built the same way (e.g. benchmarks/layout_dev.py --keep DIR)")
    ap.add_argument("--fields", default="articles,body.bounds,body.joins,byline.reporters,people,statements,figures")
    ap.add_argument("--keep", help="copy the PDFs here (development pages only: the held-out set is blind)")
    args = ap.parse_args(argv)
    records = records_by_title()
    golds = sorted(Path(args.gold_dir).glob("*.gold.json"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        pdf_golds, text_golds = [], []
        for g in golds:
            gold = json.loads(g.read_text(encoding="utf-8"))
            stories = []
            for a in gold["articles"]:
                r = records[a["headline"]]
                stories.append(Story(headline=r["title"].strip(), paragraphs=build_pages.clean_paragraphs(r),
                                     kicker=(r.get("kicker") or "").strip() or None,
                                     subheadline=(r.get("subtitle") or "").strip() or None,
                                     col=0, ncols=COLUMNS, head_size=18))
            stem = g.name[: -len(".gold.json")]
            (tmp_dir / f"{stem}.pdf").write_bytes(typeset(stories, columns=COLUMNS, page_size=PAGE_SIZE))
            pdf_gold = tmp_dir / f"{stem}.pdf.gold.json"
            pdf_gold.write_text(json.dumps({**gold, "input": f"{stem}.pdf"}, ensure_ascii=False), encoding="utf-8")
            pdf_golds.append(str(pdf_gold))
            if args.keep:
                shutil.copy(tmp_dir / f"{stem}.pdf", Path(args.keep) / f"{stem}.pdf")
            text_golds.append(str(g))
        text = evaluate.evaluate(text_golds).fields
        pdf = evaluate.evaluate(pdf_golds).fields
    print(f"pages: {len(golds)} from {args.gold_dir}; text vs the same pages typeset as PDF ({COLUMNS} columns)")
    print(f"{'field':<20}{'text':>8}{'pdf':>8}{'diff':>8}")
    worst = 0.0
    for name in args.fields.split(","):
        t, p = text[name].value, pdf[name].value
        if t is None or p is None:
            print(f"{name:<20}{'-':>8}{'-':>8}")
            continue
        worst = max(worst, abs(t - p)) if name in ("articles", "body.bounds") else worst
        print(f"{name:<20}{t:8.3f}{p:8.3f}{p - t:+8.3f}")
    print(f"largest gap on articles / body.bounds: {worst:.3f} (bar: 0.03)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
