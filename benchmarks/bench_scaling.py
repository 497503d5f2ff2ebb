"""Time and peak memory of `extract` on one long input, at growing sizes: every
stage must be linear, so time/size and memory/size should stay flat.

    python benchmarks/bench_scaling.py                     # one-line pages of 10 KB, 100 KB, 1 MB, 5 MB
    python benchmarks/bench_scaling.py --sizes 10K,100K,1M # a quicker run
    python benchmarks/bench_scaling.py --record            # the same text as one JSONL record of short paragraphs

Why one line: a page without line breaks is one layout unit and one article, so
a stage that compares every name with every other, or rescans the text for each
hit, shows as time growing with the square of the size (issue 19: 2 MB took
27 s, 5 MB 390 s and 2.9 GB). The text is real: 人民日报 articles from
../shared/data joined end to end, so names, titles and figures are as dense as in
news copy. Each size runs in a fresh process (`python -m zhnews.cli extract`),
timed with its own CPU seconds and peak RSS, so one size's caches and heap do not
flatter the next.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
DEFAULT_SIZES = "10K,100K,1M,5M"
# Paragraph length of the --record input: short paragraphs make many layout
# units, the shape of the 100k-paragraph record the issue reported.
RECORD_PARAGRAPH_CHARS = 60
UNITS = {"K": 1000, "M": 1000 * 1000}


def parse_size(s: str) -> int:
    s = s.strip().upper().removesuffix("B")
    return int(float(s[:-1]) * UNITS[s[-1]]) if s[-1] in UNITS else int(s)


def corpus_text() -> str:
    parts = []
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            parts.append((r.get("title") or "") + "。" + "".join(r.get("paragraphs") or []))
    return "".join(parts)


def text_of_bytes(base: str, n_bytes: int) -> str:
    """The corpus repeated and cut to n_bytes of UTF-8, on one line."""
    out, size, k = [], 0, 0
    while size < n_bytes:
        chunk = base[k % len(base):][: max(1, (n_bytes - size) // 3 + 1)]
        out.append(chunk)
        size += len(chunk.encode("utf-8"))
        k += len(chunk)
    text = "".join(out)
    return text.encode("utf-8")[:n_bytes].decode("utf-8", "ignore")


def write_input(folder: Path, text: str, record: bool) -> Path:
    if record:
        paras = [text[i : i + RECORD_PARAGRAPH_CHARS] for i in range(0, len(text), RECORD_PARAGRAPH_CHARS)]
        p = folder / "long.jsonl"
        p.write_text(json.dumps({"url": "bench:long", "date": "2026-01-05", "title": "长文",
                                 "paragraphs": paras}, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        p = folder / "rmrb-2026-01-05-long.txt"
        p.write_text(text, encoding="utf-8")
    return p


def run_one(path: Path) -> dict:
    """One `zhnews extract` in a fresh process: wall s, CPU s, peak RSS (MB)."""
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(path), "--format", "jsonl",
                           "--jobs", "1", "-o", os.devnull],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"extract failed on {path}: {proc.stderr.strip()[:300]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far: sizes run smallest first.
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": after.ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated sizes (default {DEFAULT_SIZES})")
    ap.add_argument("--record", action="store_true", help="one JSONL record of short paragraphs instead of a page")
    args = ap.parse_args(argv)
    sizes = sorted(parse_size(s) for s in args.sizes.split(","))
    base = corpus_text()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = write_input(Path(tmp), text_of_bytes(base, n), args.record)
            r = run_one(path)
            rows.append((n, r))
            print(f"{n / 1e6:>8.2f} MB  wall {r['wall_s']:7.2f} s  cpu {r['cpu_s']:7.2f} s  "
                  f"cpu/MB {r['cpu_s'] / (n / 1e6):7.2f}  peak {r['peak_mb']:7.0f} MB", file=sys.stderr, flush=True)
    # Start-up (interpreter, imports, lexicons) is a constant that dominates
    # the small sizes; the cost of each further MB, between consecutive sizes,
    # is what stays flat when every stage is linear.
    print(f"\n| input ({'one JSONL record' if args.record else 'one-line page'}) | wall s | CPU s | peak RSS MB "
          "| CPU s per further MB | RSS MB per further MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    prev = None
    for n, r in rows:
        label = f"{n // 1000} KB" if n < 1_000_000 else f"{n / 1e6:g} MB"
        if prev is None:
            marg = "— | —"
        else:
            dmb = (n - prev[0]) / 1e6
            marg = f"{(r['cpu_s'] - prev[1]['cpu_s']) / dmb:.2f} | {(r['peak_mb'] - prev[1]['peak_mb']) / dmb:.0f}"
        print(f"| {label} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['peak_mb']:.0f} | {marg} |")
        prev = (n, r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
