"""Build zhnews/lexicons/char_stats.tsv: per character, how often it opens a
sentence and how often it ends a headline, for the layout's continuation model.

A line that ends on a character headlines often end on (会, 展, 作) and is followed
by one that sentences often open with (近, 记, 据) is a heading above a paragraph;
one ending mid-word (的, 进) before a character that rarely opens anything (位, 识)
is a column cut. Counts come from the same public corpora as continuation_pairs.txt
(人民日报 2026-01 titles and paragraphs, 人民日报 1998 NER sentences, CLUENER2020):
never from news-unlabeled.jsonl, which the held-out pages are built from.

    python scripts/build_char_stats.py ../shared/data zhnews/lexicons/char_stats.tsv
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bigrams import corpus_texts  # noqa: E402

MIN_COUNT = 20  # rarer characters get the table's default (no evidence either way)
SENTENCE_END = re.compile(r"[。！？!?]")


def main(data_dir: str, out: str) -> None:
    data = Path(data_dir)
    uni: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    title_final: Counter[str] = Counter()
    n_titles = 0
    with open(data / "rmrb-2026-01-unlabeled.jsonl", encoding="utf-8") as fh:
        for line in fh:
            title = (json.loads(line).get("title") or "").strip()
            if title:
                title_final[title[-1]] += 1
                n_titles += 1
    for text in corpus_texts(data):
        for sentence in SENTENCE_END.split(text):
            sentence = sentence.lstrip("”“’‘ \u3000")
            if sentence:
                initial[sentence[0]] += 1
        uni.update(text)
    total = sum(uni.values())
    rows = sorted((ch, c) for ch, c in uni.items() if c >= MIN_COUNT and not ch.isspace())
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Per character: occurrences; share of its occurrences opening a sentence (x1000); how much more often\n")
        fh.write("# headlines end on it than text uses it (lift x100: 100 = as often). Built by scripts/build_char_stats.py from ../shared/data: rmrb-2026-01-unlabeled.jsonl,\n")
        fh.write(f"# peoples-daily-1998-ner.dev.bio, cluener2020.train.jsonl ({n_titles} headlines). Columns: char, count, initial, title_final.\n")
        for ch, c in rows:
            lift = (title_final[ch] / n_titles) / (c / total)
            fh.write(f"{ch}\t{c}\t{round(1000 * initial[ch] / c)}\t{round(100 * lift)}\n")
    print(f"{len(rows)} characters -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
