"""A large JSONL archive for scale runs, by repeating a real one.

    python benchmarks/make_corpus.py --size 1G -o /tmp/big.jsonl

Each copy of a record gets its own URL (`…#copy=N`), so the knowledge base
sees distinct pages (ingest skips content it already holds) while the text —
and so the extraction work — is the real archive's. Not for committing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(s: str) -> int:
    s = s.strip().upper().rstrip("B")
    unit = s[-1] if s and s[-1] in UNITS else ""
    return int(float(s[: len(s) - len(unit)]) * UNITS[unit])


def make(out: str, size: int | None = None, copies: int | None = None, source: Path = SOURCE) -> tuple[int, int]:
    """Write records until `size` bytes or `copies` copies; returns (records, bytes)."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = written = 0
    copy = 0
    with open(out, "w", encoding="utf-8") as fh:
        while True:
            if copies is not None and copy >= copies:
                break
            for r in records:
                rec = dict(r, url=f"{r.get('url') or 'record'}#copy={copy}") if copy else r
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                n += 1
                if size is not None and written >= size:
                    return n, written
            copy += 1
    return n, written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-o", "--out", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--size", help="target size, e.g. 1G, 200M")
    g.add_argument("--copies", type=int, help="number of copies of the source archive")
    p.add_argument("--source", type=Path, default=SOURCE)
    a = p.parse_args(argv)
    n, b = make(a.out, size=parse_size(a.size) if a.size else None, copies=a.copies, source=a.source)
    print(f"{a.out}: {n} records, {b / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
