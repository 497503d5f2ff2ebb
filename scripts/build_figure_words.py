"""Build zhnews/lexicons/figure_protected_words.txt and figure_words.tsv from jieba's dictionary.

figure_words.tsv (word, frequency, part of speech) lets `zhnews.figure_words`
segment the few characters around a figure at run time without jieba (a dev
dependency only), so an indicator never starts or ends inside a word (足球小|将,
参|赛) and can be cut where a verb or particle begins.

figures strips one-character function words from the edges of an indicator
("履行率达" → "履行率", "在执行案件量" → "执行案件量"), but the same character ends
or starts many real words (产能, 行为, 人均, 在建). This lists those words so the
stripping leaves them whole. Run: .venv/bin/python scripts/build_figure_words.py
"""

import os
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "zhnews" / "lexicons"
MIN_FREQ = 3  # jieba counts; below this the entries are mostly segmentation noise
# figure_words.tsv: words of 1-4 characters seen at least this often. 5 keeps 133k of
# jieba's 349k entries (1.7 MB); rarer ones are mostly names and segmentation noise,
# and a missing word only falls back to single characters.
WORDS_MIN_FREQ = 5
WORDS_MAX_LEN = 4


def main() -> None:
    trail, lead = set(), set()
    for line in open(LEX / "indicator_words.txt", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        word, role = line.rstrip("\n").split("\t")[:2]
        if len(word) == 1 and role == "trail":
            trail.add(word)
        if len(word) == 1 and role == "lead":
            lead.add(word)
    function = trail | lead
    words = []
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split()[:2]
            if not 2 <= len(word) <= 3 or int(freq) < MIN_FREQ or any(c.isascii() for c in word):
                continue
            if not (word[-1] in trail or word[0] in lead):
                continue
            if all(c in function for c in word):
                continue  # 只是, 约为: function words themselves
            words.append(word)
    with open(LEX / "figure_protected_words.txt", "w", encoding="utf-8") as out:
        out.write(
            "# Words that start with a one-character lead word or end with a one-character trail\n"
            "# word of indicator_words.txt (产能, 行为, 人均, 在建): figures does not strip those\n"
            f"# characters from them. Source: jieba {jieba.__version__} dict.txt (MIT), words of 2-3\n"
            f"# characters with frequency >= {MIN_FREQ}; built by scripts/build_figure_words.py.\n"
        )
        for w in sorted(set(words)):
            out.write(w + "\n")
    print(len(set(words)), "words", file=sys.stderr)
    n = 0
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh, open(
        LEX / "figure_words.tsv", "w", encoding="utf-8"
    ) as out:
        out.write(
            f"# Words for segmenting the text around a figure: word <TAB> frequency <TAB> part of speech.\n"
            f"# Source: jieba {jieba.__version__} dict.txt (MIT), words of 1-{WORDS_MAX_LEN} characters with\n"
            f"# frequency >= {WORDS_MIN_FREQ}, no ASCII; built by scripts/build_figure_words.py.\n"
        )
        for line in fh:
            parts = line.split()
            if len(parts) < 3:
                continue
            word, freq, pos = parts[:3]
            if len(word) > WORDS_MAX_LEN or int(freq) < WORDS_MIN_FREQ or any(c.isascii() for c in word):
                continue
            out.write(f"{word}\t{freq}\t{pos}\n")
            n += 1
    print(n, "segmentation words", file=sys.stderr)


if __name__ == "__main__":
    main()
