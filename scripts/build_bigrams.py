"""Build zhnews/lexicons/continuation_pairs.txt: character pairs that tell a
column break inside a word.

A pair that straddles a line break, is common in running text and whose second
character rarely opens a sentence ("到"+"位", "在中"+"共", "的意"+"识") says
the printed column cut a sentence there. A heading's last character and its
paragraph's first make no such pair ("记"+"从", "球"+"最": 最 often opens a
sentence). Counts come from the public corpora in ../shared/data (人民日报
2026-01 e-paper paragraphs, 人民日报 1998 NER sentences, CLUENER2020 sentences).

    python scripts/build_bigrams.py ../shared/data zhnews/lexicons/continuation_pairs.txt
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_COUNT = 5  # rarer pairs are noise at this corpus size (~0.8M characters)
# Share of a character's occurrences that open a sentence, above which a line
# starting with it is as likely a new paragraph as a continuation: 这 0.26,
# 最 0.08 open sentences; 位 0.02, 共 0.02, 识 0.003 continue words.
MAX_SENTENCE_INITIAL = 0.06
CJK = re.compile(r"[\u4e00-\u9fff]+")
SENTENCE_END = re.compile(r"[。！？!?]")


def corpus_texts(data: Path):
    with open(data / "rmrb-2026-01-unlabeled.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            yield rec.get("title") or ""
            yield from rec.get("paragraphs") or []
    with open(data / "cluener2020.train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]
    chars: list[str] = []
    with open(data / "peoples-daily-1998-ner.dev.bio", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                chars.append(parts[0])
            elif chars:
                yield "".join(chars)
                chars = []
    if chars:
        yield "".join(chars)


def main(data_dir: str, out: str) -> None:
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for text in corpus_texts(Path(data_dir)):
        for sentence in SENTENCE_END.split(text):
            sentence = sentence.lstrip("”“’‘ \u3000")
            if sentence:
                initial[sentence[0]] += 1
        for run in CJK.findall(text):
            uni.update(run)
            bi.update(run[i : i + 2] for i in range(len(run) - 1))
    kept = sorted(
        (pair, c)
        for pair, c in bi.items()
        if c >= MIN_COUNT and initial[pair[1]] / uni[pair[1]] < MAX_SENTENCE_INITIAL
    )
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Character pairs that continue a word across a line break: seen >= %d times in running\n" % MIN_COUNT)
        fh.write("# text, second character opening < %.0f%% of its sentences. Built by scripts/build_bigrams.py\n" % (MAX_SENTENCE_INITIAL * 100))
        fh.write("# from ../shared/data: rmrb-2026-01-unlabeled.jsonl, peoples-daily-1998-ner.dev.bio,\n")
        fh.write("# cluener2020.train.jsonl. Columns: pair, count.\n")
        for pair, c in kept:
            fh.write(f"{pair}\t{c}\n")
    print(f"{len(kept)} pairs -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
