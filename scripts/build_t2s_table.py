#!/usr/bin/env python
"""Build zhnews/lexicons/t2s_chars.tsv (traditional → simplified) and
s2t_chars.tsv (simplified → traditional, for names a page does not print, such
as an outlet's canonical name), one character for one, from OpenCC's character
tables (Apache-2.0).

    pip install opencc-python-reimplemented   # a dev dependency; its data files are read, not its code
    python scripts/build_t2s_table.py

Only single characters with a single-character simplified form are kept: the
reader converts a page character by character so that every offset found on the
simplified view is an offset into the page as printed. Phrase tables are left
out for the same reason (they change lengths).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "zhnews" / "lexicons" / "t2s_chars.tsv"
OUT_S2T = ROOT / "zhnews" / "lexicons" / "s2t_chars.tsv"
TABLES = ("TSCharacters.txt", "TWVariantsRev.txt", "HKVariantsRev.txt")


def opencc_dictionary() -> Path:
    import opencc

    return Path(opencc.__file__).resolve().parent / "dictionary"


def _pairs(name: str):
    for line in (opencc_dictionary() / name).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            src, dst = parts[0], parts[1].split(" ")[0]
            if len(src) == 1 and len(dst) == 1 and src != dst:
                yield src, dst


def build() -> dict[str, str]:
    """TSCharacters (traditional → simplified), then the Taiwan/Hong Kong variant
    tables (variant → standard traditional) taken on through it; a variant table
    never overrides TSCharacters (TWVariantsRev maps 台 → 臺, which would undo 臺 → 台)."""
    table: dict[str, str] = {}
    for src, dst in _pairs("TSCharacters.txt"):
        table.setdefault(src, dst)
    for name in TABLES[1:]:
        for src, dst in _pairs(name):
            if src not in table:
                table[src] = table.get(dst, dst)
    return {s: t for s, t in table.items() if s != t}


def build_s2t() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (opencc_dictionary() / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            src, dst = parts[0], parts[1].split(" ")[0]
            if len(src) == 1 and len(dst) == 1 and src != dst:
                table.setdefault(src, dst)
    return table


def main() -> None:
    s2t = build_s2t()
    lines = ["# Simplified → traditional, one for one: OpenCC's STCharacters table",
             "# (https://github.com/BYVoid/OpenCC, Apache-2.0), first candidate. Built by",
             "# scripts/build_t2s_table.py; used only for names a traditional page does not print."]
    lines += [f"{s}\t{t}" for s, t in sorted(s2t.items())]
    OUT_S2T.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT_S2T.relative_to(ROOT)}: {len(s2t)} characters")
    table = build()
    lines = ["# Traditional (and Taiwan/Hong Kong variant) characters → simplified, one for one.",
             "# Built by scripts/build_t2s_table.py from OpenCC's TSCharacters, TWVariantsRev and",
             "# HKVariantsRev tables (https://github.com/BYVoid/OpenCC, Apache-2.0): first candidate,",
             "# single characters only, so conversion keeps every offset."]
    lines += [f"{s}\t{t}" for s, t in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table)} characters")


if __name__ == "__main__":
    main()
