"""Which OCR engine: RapidOCR (PP-OCRv4, onnxruntime) vs Debian's tesseract (chi_sim).

One example page is typeset and scanned (scripts/render_scan.py: 150 dpi,
grayscale, JPEG) and read by each engine in a fresh process; printed per engine:
character accuracy against the page's text layer (see `accuracy`), seconds, and the process's
peak resident memory. Run once to choose; the numbers are in the README.

    python benchmarks/ocr_engines.py [PAGE.txt] [--engines tesseract,rapidocr]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from render_scan import png, scan_jpegs, typeset_page  # noqa: E402

_WS = re.compile(r"\s+")

# Each engine reads IMAGE and prints its text as JSON; run as a child process so
# its peak memory is its own.
_CHILD = {
    "tesseract": """
import json, os, subprocess, sys
os.environ["OMP_THREAD_LIMIT"] = "1"  # as zhnews runs it: one thread per worker
out = subprocess.run(["tesseract", sys.argv[1], "-", "-l", "chi_sim", "--psm", "3", "tsv"],
                     capture_output=True, text=True, check=True).stdout
words = [r.split("\\t")[11] for r in out.splitlines()[1:] if r.count("\\t") >= 11]
print(json.dumps("".join(words)))
""",
    "rapidocr": """
import json, sys
from rapidocr_onnxruntime import RapidOCR
res, _ = RapidOCR()(sys.argv[1])
print(json.dumps("".join(r[1] for r in (res or []))))
""",
}


def accuracy(ocr: str, ref: str) -> tuple[float, float]:
    """(in order, as a bag): characters matched in reading order over the
    reference length — an engine that reads lines across column gutters loses
    here — and characters matched regardless of order (the recognizer alone)."""
    a, b = _WS.sub("", ocr), _WS.sub("", ref)
    sm = difflib.SequenceMatcher(None, b, a, autojunk=False)
    ordered = sum(m.size for m in sm.get_matching_blocks()) / max(len(b), 1)
    return ordered, sum((Counter(a) & Counter(b)).values()) / max(len(b), 1)


def run(engine: str, image: Path) -> tuple[str, float, float]:
    """(text, seconds, peak MB of the engine's processes)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]], capture_output=True, text=True)\n"
        "dt = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(p.stdout.strip()); print(dt); print(kb / 1024); sys.stderr.write(p.stderr[-2000:])\n"
    )
    p = subprocess.run([sys.executable, "-c", wrapper, _CHILD[engine], str(image)], capture_output=True, text=True, check=True)
    text, dt, mb = p.stdout.strip().splitlines()[-3:]
    return json.loads(text), float(dt), float(mb)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("page", nargs="?", default="/work/shared/examples/shanxi-daily-2025-03-07.txt")
    ap.add_argument("--engines", default="tesseract,rapidocr")
    args = ap.parse_args(argv)
    import pymupdf

    pdf = typeset_page(Path(args.page))
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        ref = "".join(pg.get_text() for pg in doc)
    jpeg, _ = scan_jpegs(pdf)[0]
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "page.png"
        image.write_bytes(png(jpeg))
        print(f"page {Path(args.page).name}: {len(_WS.sub('', ref))} characters, scanned 150 dpi grayscale JPEG")
        print(f"{'engine':<12}{'in order':>10}{'as bag':>8}{'s/page':>9}{'peak MB':>9}")
        for engine in args.engines.split(","):
            text, dt, mb = run(engine, image)
            ordered, bag = accuracy(text, ref)
            print(f"{engine:<12}{ordered:10.3f}{bag:8.3f}{dt:9.1f}{mb:9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
