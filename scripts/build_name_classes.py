"""Mine Japanese family names for zhnews/lexicons/japanese_surnames.txt.

    python scripts/build_name_classes.py [--data ../shared/data]

Prints the two-character family names of the Japanese people named in the TRAINING
splits of People's Daily 1998 NER and CLUENER2020 (`zhnews.entities.train.load_corpora`:
the held-out 20 % of each, which bench_entities scores, is never read): a PER span of
four or five Han characters, in a sentence that mentions Japan, whose first two
characters are no Chinese compound surname and whose characters do not read as a
Western transliteration (麦克阿瑟, 格林斯潘). Japanese names are rare there (six in the
training splits), so the lexicon adds the national ranking of the most common family
names; this script gives the corpus part of it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zhnews.entities import recognizer
from zhnews.entities.lexicon import compound_surnames
from zhnews.entities.train import DEFAULT_DATA, _han, load_corpora

JAPAN_WORDS = ("日本", "日方", "日相")
# the translit table's mean log-odds at which the reader takes a run as a foreign name (people.T_TRANSLIT)
WESTERN_MEAN = 3.0


def mine(data: Path) -> list[str]:
    corpora = load_corpora(data)
    tl = recognizer.load().stats.get("translit", {})
    compound = compound_surnames()
    out: set[str] = set()
    for text, spans in corpora["pd_train"] + corpora["cl_train"]:
        if not any(w in text for w in JAPAN_WORDS):
            continue
        for s, e, kind in spans:
            name = text[s:e]
            if kind != "PER" or len(name) not in (4, 5) or not _han(name) or name[:2] in compound:
                continue
            if sum(tl.get(c, 0.0) for c in name) / len(name) >= WESTERN_MEAN / 2:
                continue
            out.add(name[:2])
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    print("\n".join(mine(ap.parse_args().data)))


if __name__ == "__main__":
    main()
