"""Scanned pages: the development examples typeset, scanned and read back by OCR.

Each ../shared/examples page is typeset and scanned by scripts/render_scan.py
(150 dpi grayscale JPEG) as a PNG and as an image-only PDF, extracted in a
fresh process (seconds and the peak resident memory of that process or its
tesseract, whichever is larger), and scored against the page's own gold.
Printed per page and in total: articles, people and figures F1, s/page, peak MB;
the form "text" is the typeset page before scanning (its text layer read, no
OCR): what layout alone gets, the ceiling for the scans.
The issue's bar: articles ≥ 0.9, people ≥ 0.85, figures ≥ 0.8, in both forms.

    python benchmarks/ocr.py [--examples DIR] [--pages N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from render_scan import image_pdf, png, scan_jpegs, typeset_page  # noqa: E402

from zhnews import evaluate  # noqa: E402

FIELDS = ("articles", "people", "figures")
BAR = {"articles": 0.9, "people": 0.85, "figures": 0.8}

# Extracts one page and prints the seconds taken and the peak RSS (MB) of this
# process or any child it waited for (tesseract).
_CHILD = """
import json, resource, sys, time
t = time.perf_counter()
import zhnews
page = zhnews.extract(sys.argv[1])
dt = time.perf_counter() - t
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(page.to_dict(), ensure_ascii=False))
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(dt, peak / 1024)
"""


def run_page(path: Path, out: Path) -> tuple[float, float]:
    p = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(out)], capture_output=True, text=True)
    if p.returncode != 0:
        out.write_text(json.dumps({"articles": []}), encoding="utf-8")
        print(f"  {path.name}: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else 'failed'}", file=sys.stderr)
        return float("nan"), float("nan")
    dt, mb = p.stdout.split()
    return float(dt), float(mb)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", default=str(ROOT.parent / "shared" / "examples"))
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages")
    ap.add_argument("--keep", help="copy the rendered PNG/PDF pages here")
    ap.add_argument("--only", default="", help="only pages whose name holds this")
    ap.add_argument("--forms", default="png,pdf,text",
                    help="png, pdf (image-only) and text (the same typeset page with its text layer: the ceiling)")
    args = ap.parse_args(argv)
    golds = sorted(Path(args.examples).glob("*.gold.json"))
    golds = [g for g in golds if args.only in g.name]
    if args.pages:
        golds = golds[: args.pages]
    rows = {"png": [], "pdf": [], "text": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for g in golds:
            gold = json.loads(g.read_text(encoding="utf-8"))
            stem = g.name[: -len(".gold.json")]
            text_pdf = typeset_page(evaluate.resolve_input(g, gold))
            scans = scan_jpegs(text_pdf)
            forms = (("png", png(scans[0][0])), ("pdf", image_pdf(scans)), ("text", text_pdf))
            for kind, data in forms:
                if kind not in args.forms.split(","):
                    continue
                page = tmp_dir / (f"{stem}.text.pdf" if kind == "text" else f"{stem}.{kind}")
                page.write_bytes(data)
                if args.keep:
                    Path(args.keep).mkdir(parents=True, exist_ok=True)
                    shutil.copy(page, Path(args.keep) / page.name)
                out = tmp_dir / f"{stem}.{kind}.json"
                dt, mb = run_page(page, out)
                gold_copy = tmp_dir / f"{stem}.{kind}.gold.json"
                gold_copy.write_text(json.dumps({**gold, "input": page.name}, ensure_ascii=False), encoding="utf-8")
                pred = json.loads(out.read_text(encoding="utf-8"))
                rep = evaluate.evaluate([str(gold_copy)], extract_fn=lambda _p, pred=pred: pred)
                rows[kind].append((stem, rep, dt, mb, str(gold_copy), pred))
        print(f"{'page':<32}{'form':>5}" + "".join(f"{f:>10}" for f in FIELDS) + f"{'s/page':>8}{'peak MB':>9}")
        ok = True
        for kind in [k for k in ("png", "pdf", "text") if rows[k]]:
            for stem, rep, dt, mb, _, _ in rows[kind]:
                vals = "".join(f"{_f1(rep.fields[f].value):>10}" for f in FIELDS)
                print(f"{stem:<32}{kind:>5}{vals}{dt:8.1f}{mb:9.0f}")
            preds = {gc: pred for _, _, _, _, gc, pred in rows[kind]}
            total = evaluate.evaluate(list(preds), extract_fn=None if not preds else _lookup(preds))
            vals = "".join(f"{_f1(total.fields[f].value):>10}" for f in FIELDS)
            secs = [r[2] for r in rows[kind]]
            peak = max(r[3] for r in rows[kind])
            print(f"{'TOTAL':<32}{kind:>5}{vals}{sum(secs) / len(secs):8.1f}{peak:9.0f}")
            if kind != "text":
                ok &= all((total.fields[f].value or 0) >= BAR[f] for f in FIELDS)
    print("bar (articles 0.9, people 0.85, figures 0.8):", "met" if ok else "NOT met")
    return 0


def _lookup(preds: dict):
    """Score saved outputs: the gold copy named the page; find its output by the page's name."""
    by_input = {Path(json.loads(Path(gc).read_text(encoding="utf-8"))["input"]).name: p for gc, p in preds.items()}
    return lambda path: by_input[Path(path).name]


def _f1(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
