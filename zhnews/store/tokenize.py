"""Character bigrams: how Chinese text becomes searchable without a segmenter.

SQLite's FTS5 `unicode61` tokenizer splits on spaces and punctuation only, so a
run of Chinese characters would be one giant token; a segmenter would miss
words it does not know (new names, new places). Overlapping bigrams ("山西煤炭"
→ "山西 西煤 煤炭") make every substring of two characters or more findable:
a query becomes the phrase of its own bigrams, which matches exactly where
the query's characters stand side by side. The same tokens feed PostgreSQL's
tsvector, so both backends find the same articles.
"""

from __future__ import annotations

import re
import unicodedata

# A "word run": letters, digits and CJK ideographs; anything else (punctuation,
# spaces, symbols) breaks a run so that no bigram spans "山西，煤炭".
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Full-width letters/digits to ASCII and lower case, as users type them."""
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[str]:
    return _RUN.findall(normalize(text))


def bigrams(text: str) -> list[str]:
    """Overlapping bigrams of every run, then the run's last character alone.

    The trailing unigram makes every character the first character of some
    token, so a one-character query is a prefix query ("煤*") that finds the
    character anywhere; it comes after the run's bigrams, so it never sits
    between two bigrams of one phrase."""
    out: list[str] = []
    for run in runs(text):
        if len(run) > 1:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return out


def index_text(text: str) -> str:
    """The space-separated token string stored in the full-text column."""
    return " ".join(bigrams(text))


def query_terms(query: str) -> list[list[str]]:
    """A user query → terms (whitespace-separated, all required), each term the
    list of its runs' bigrams. Punctuation inside a term splits it into runs
    that must all appear (not necessarily side by side)."""
    terms = []
    for raw in query.split():
        for run in runs(raw):
            if len(run) == 1:
                terms.append([run])
            else:
                terms.append([run[i : i + 2] for i in range(len(run) - 1)])
    return terms


def query_strings(query: str) -> list[str]:
    """The normalized runs of a query, for exact substring rechecks."""
    return [run for raw in query.split() for run in runs(raw)]
