"""Byte-identity check for speed work: `zhnews extract` output of this tree on fixed inputs.

    python benchmarks/same_output.py write DIR [--pages PAGES_DIR]   # this tree's output into DIR
    python benchmarks/same_output.py compare DIR_A DIR_B              # same bytes? (exit 1 if not)

Inputs: the example pages (../shared/examples/*.txt), the 人民日报 archive and the news-unlabeled
records (../shared/data), and, with --pages, a folder of whole pages such as the layout_dev pages
(`python benchmarks/layout_dev.py --keep PAGES_DIR`; never the held-out pages). Each input set is
extracted by one `zhnews extract --jobs 1` process (and the archive once more with --jobs 2: the
parent must write results in input order whatever the workers do). A change meant only to make
extraction faster must leave every file the same, byte for byte.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _sets(pages: str | None) -> dict[str, tuple[list[str], int]]:
    examples = sorted(str(p) for p in (SHARED / "examples").glob("*.txt"))
    sets = {
        "examples": (examples, 1),
        "rmrb": ([str(SHARED / "data" / "rmrb-2026-01-unlabeled.jsonl")], 1),
        "rmrb-jobs2": ([str(SHARED / "data" / "rmrb-2026-01-unlabeled.jsonl")], 2),
        "news": ([str(SHARED / "data" / "news-unlabeled.jsonl")], 1),
    }
    if pages:
        sets["pages"] = (sorted(str(p) for p in Path(pages).glob("*.txt")), 1)
    return sets


def write(out: Path, pages: str | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, (inputs, jobs) in _sets(pages).items():
        dest = out / f"{name}.jsonl"
        cmd = [sys.executable, "-m", "zhnews.cli", "extract", "--format", "jsonl", "--jobs", str(jobs),
               *inputs, "-o", str(dest)]
        rc = subprocess.run(cmd, env=env, cwd=ROOT, stderr=subprocess.DEVNULL).returncode
        digest = hashlib.sha256(dest.read_bytes()).hexdigest()[:16]
        print(f"{name}: rc {rc}, {dest.stat().st_size:,} bytes, sha256 {digest}")


def compare(a: Path, b: Path) -> int:
    bad = 0
    for fa in sorted(a.glob("*.jsonl")):
        fb = b / fa.name
        if not fb.exists():
            print(f"{fa.name}: missing in {b}")
            bad += 1
            continue
        la, lb = fa.read_bytes().splitlines(), fb.read_bytes().splitlines()
        diff = [i for i, (x, y) in enumerate(zip(la, lb)) if x != y]
        same = not diff and len(la) == len(lb)
        print(f"{fa.name}: {'same' if same else f'DIFFERENT ({len(diff)} lines of {len(la)}, first {diff[:5]})'}")
        bad += not same
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out")
    w.add_argument("--pages", help="a folder of page .txt files (e.g. layout_dev.py --keep)")
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    a = p.parse_args(argv)
    if a.cmd == "write":
        write(Path(a.out), a.pages)
        return 0
    return compare(Path(a.a), Path(a.b))


if __name__ == "__main__":
    sys.exit(main())
