"""Where in a name a character stands: features of the entity tagger.

    python -m zhnews.entities.name_positions [--data ../shared/data] [--out zhnews/lexicons/name_positions.tsv] [--check]

Why: the name scorer's given-name log-odds (`recognizer`, `giv`) pool every
given-name character; a name's length is decided by where its characters
stand — 小 and 晓 open two given characters, 明 and 华 close them, 军 is often a
one-character given name (汤白|露, 宋卫|平 were cut after two characters).

Counted on the PER spans of 2-3 Han characters that open on a single surname
in the training 80 % of People's Daily 1998 NER and CLUENER2020 (the held-out
20 % is never read): per character, the log-odds of being the first (a) or
second (z) of two given-name characters, or the only one (o), against its share
of all their text, discretised as the name scorer's buckets.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..lexicon import LEXICON_DIR, load_text

NAME = "name_positions.tsv"
PATH = LEXICON_DIR / NAME  # not shipped: the features are off (tagger.NAME_POS_OFFSETS)
MIN_SEEN = 2  # a position seen once says little: no tag


def build(sentences) -> dict[str, tuple[str, ...]]:
    from . import recognizer
    from .lexicon import single_surnames

    single = set(single_surnames())
    total = Counter()
    pos = {"a": Counter(), "z": Counter(), "o": Counter()}
    for text, spans in sentences:
        total.update(text)
        for s, e, k in spans:
            name = text[s:e]
            if k != "PER" or not 2 <= len(name) <= 3 or name[0] not in single or not all("\u4e00" <= c <= "\u9fff" for c in name):
                continue
            if len(name) == 2:
                pos["o"][name[1]] += 1
            else:
                pos["a"][name[1]] += 1
                pos["z"][name[2]] += 1
    n_all = sum(total.values())
    out: dict[str, list[str]] = {}
    for tag, counter in pos.items():
        n = sum(counter.values())
        for c in sorted(counter):
            if counter[c] >= MIN_SEEN:
                lo = math.log(counter[c] / n) - math.log((total[c] + 1) / n_all)
                out.setdefault(c, []).append(f"{tag}.{recognizer._bucket(lo)}")
    # which of the two given-name places the character prefers, and one given character against two
    for c in sorted(set(pos["a"]) | set(pos["z"]) | set(pos["o"])):
        a, z, o = pos["a"][c], pos["z"][c], pos["o"][c]
        if a + z >= MIN_SEEN:
            out.setdefault(c, []).append("r." + _ratio(math.log((a + 0.5) / (z + 0.5))))
        if a + z + o >= MIN_SEEN:
            out.setdefault(c, []).append("s." + _ratio(math.log((o + 0.5) / (a + z + 0.5))))
    return {c: tuple(v) for c, v in sorted(out.items())}


def _ratio(x: float) -> str:
    """A log ratio in five bins: strongly / mildly the second, even, mildly / strongly the first."""
    return "Z" if x <= -1.5 else "z" if x <= -0.5 else "m" if x < 0.5 else "a" if x < 1.5 else "A"


def render(table) -> str:
    head = (
        "# Name-character positions (zhnews.entities.name_positions; features of the entity tagger): char, then\n"
        "# <pos>.<log-odds bucket> for the first (a) / second (z) of two given-name characters or the only one (o),\n"
        "# counted on the training 80 % of PD98 NER + CLUENER2020. Rebuilt by `python -m zhnews.entities.name_positions`.\n"
    )
    return head + "".join(f"{c}\t{' '.join(v)}\n" for c, v in table.items())


@lru_cache(maxsize=1)
def load(name: str = NAME) -> dict[str, tuple[str, ...]]:
    """{char: tags}; a missing file is an error, as every lexicon's."""
    lines = load_text(name).split("\n")
    return {c: tuple(v.split()) for c, v in (x.split("\t", 1) for x in lines if x and not x.startswith("# "))}


def main(argv=None) -> int:
    from . import train

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=train.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=PATH)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    c = train.load_corpora(args.data)
    from .char_clusters import check_or_write

    return check_or_write(args.out, render(build(c["pd_train"] + c["cl_train"])), args.check)


if __name__ == "__main__":
    raise SystemExit(main())
