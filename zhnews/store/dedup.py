"""Near-duplicate articles: one story stored twice is linked, not counted twice.

The same article reaches a base more than once: two archives that overlap, a
front-page teaser (导读) that repeats the lead of an inside-page article, a
continuation (转第N版) that repeats its end. Within one outlet and one day, an
article whose text is mostly contained in a longer one is linked to it in
`article_links(article_id, duplicate_of, similarity)`; searches, people,
organizations and figures then count the longer one only, and the article page
lists the other copies.

Shingle containment rather than MinHash Jaccard: a teaser's Jaccard with its
full article is small (it is a tenth of it), containment is not — on the rmrb
archive MinHash finds 22% of copies, teasers and continuations, containment
99.5%, both without a false link (benchmarks/bench_dedup.py). One outlet-day
holds a few hundred articles, so the sets are built when a batch is written
and nothing but the links is stored.

The table is created on first use with CREATE TABLE IF NOT EXISTS, so a base
built before it needs no migration; readers treat a base without it as having
no links.
"""

from __future__ import annotations

import re
from collections import Counter

from .base import Store

# Characters per shingle: 5 Chinese characters rarely repeat by chance between
# two different articles of one day, while 2-3 character words do all the time.
SHINGLE_CHARS = 5
# Share of the shorter article's shingles found in the longer one. 0.8 keeps
# copies with edited words, a changed headline line or a dropped paragraph,
# and is far above what two different articles of one day share (at most 0.20
# in benchmarks/bench_dedup.py on the rmrb archive).
CONTAINMENT_MIN = 0.8
# One 5-gram in this many is kept (by hash value): the writer compares a
# quarter of the shingles, and containment over ≥ 10 sampled shingles is
# still far from the 0.2 two different articles share (bench_dedup).
SAMPLE_EVERY = 4
# Shorter texts are not compared: a one-line notice (本报讯 …) can be contained
# in a longer article without being a copy of it. Counted in sampled shingles
# (10 ≈ 40 5-grams ≈ 45 characters).
MIN_SHINGLES = 10
# Fewer characters cannot give MIN_SHINGLES shingles: not even read back.
MIN_CHARS = MIN_SHINGLES + SHINGLE_CHARS - 1
# Comparable articles one outlet-day may hold before linking skips that day.
# A daily paper prints a few hundred articles; thousands on one day mean the
# dates are not issue dates (one --date for a whole archive), where "same
# day" says nothing and pairwise comparison would cost the square of it.
MAX_DAY_ARTICLES = 3000

TABLE = ("CREATE TABLE IF NOT EXISTS article_links ("
         "article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, "
         "duplicate_of BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, "
         "similarity REAL NOT NULL)")
INDEX = "CREATE INDEX IF NOT EXISTS article_links_of ON article_links (duplicate_of)"

_NOT_TEXT = re.compile(r"[\W_]+")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's character 5-grams, without spaces and punctuation
    (a copy with other line breaks or full-width commas is the same text),
    keeping one in SAMPLE_EVERY by hash value. Both texts keep the same
    5-grams, so containment over the sample estimates the whole text's.
    Python's str hash changes between processes: sets are compared within
    one run only, never stored."""
    t = _NOT_TEXT.sub("", text or "")
    hashes = {hash(t[i:i + SHINGLE_CHARS]) for i in range(len(t) - SHINGLE_CHARS + 1)}
    return frozenset(h for h in hashes if h % SAMPLE_EVERY == 0)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & big) / len(small) if small else 0.0


def ensure_table(store: Store) -> None:
    store.execute(TABLE)
    store.execute(INDEX)


def has_links(store: Store) -> bool:
    """Does this base have the table (bases built before it do not)? Asked
    once per store object."""
    known = getattr(store, "_has_article_links", None)
    if known is None:
        if store.backend == "sqlite":
            known = bool(store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_links'"))
        else:
            known = bool(store.scalar("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                                      "AND table_name = 'article_links'"))
        if known:  # a base without it may get it from a writer later: ask again then
            store._has_article_links = True
    return known


NO_CONDITION = "1 = 1"


def not_duplicate(store: Store, column: str = "a.id") -> str:
    """SQL condition that keeps an article once: `column` is not a linked copy
    (an empty TRUE on bases without links)."""
    if not has_links(store):
        return NO_CONDITION
    return f"{column} NOT IN (SELECT article_id FROM article_links)"


def group(texts: dict[int, str], kept_before: dict[int, str] | None = None) -> tuple[dict, dict]:
    """New articles of one outlet-day against each other and against the
    articles kept before (`{id: text}`, not copies) → (links, relinks):
    links {copy id: (kept id, containment)} to insert, relinks {old kept id:
    new kept id} where a new article is the longer text (the full article
    arriving after its teaser). The longest text of a cluster is kept; ties go
    to the earlier id so that a re-run gives the same links."""
    sets = {aid: shingles(t) for aid, t in {**(kept_before or {}), **texts}.items()}
    links: dict[int, tuple[int, float]] = {}
    relinks: dict[int, int] = {}
    # Shingle → kept articles holding it: one pass over a new text's shingles
    # counts its overlap with every kept article at once (exact, and linear in
    # the text rather than in the day's articles).
    index: dict[int, list[int]] = {}
    kept: set[int] = set()

    def keep(aid: int) -> None:
        kept.add(aid)
        for sh in sets[aid]:
            index.setdefault(sh, []).append(aid)

    def rank(aid: int) -> tuple[int, int]:
        return -len(sets[aid]), aid

    for aid in kept_before or {}:
        if len(sets[aid]) >= MIN_SHINGLES:
            keep(aid)
    for aid in sorted(texts, key=rank):
        s = sets[aid]
        matches = []
        if len(s) >= MIN_SHINGLES:
            overlap = Counter(k for sh in s for k in index.get(sh, ()))
            matches = [(k, c) for k, n in overlap.items()
                       if k in kept and (c := n / min(len(s), len(sets[k]))) >= CONTAINMENT_MIN]
        longer = [(k, c) for k, c in matches if rank(k) < rank(aid)]
        if longer:
            links[aid] = max(longer, key=lambda m: (m[1], -m[0]))
            continue
        # The new one is the full text: what it contains (a teaser and a
        # continuation kept before it) become its copies.
        for k, c in matches:
            kept.discard(k)
            relinks[k] = aid
            links[k] = (aid, c)
        if len(s) >= MIN_SHINGLES:
            keep(aid)
    return links, relinks


def link_pages(store: Store, page_ids: list[int]) -> int:
    """Link the articles of the given pages (just written, inside the caller's
    transaction) to the articles of their outlet-day; returns how many of
    them are copies. Only the day's kept articles are read, so a day that
    the same archive filled a hundred times costs what one copy costs."""
    if not page_ids:
        return 0
    ensure_table(store)
    store._has_article_links = True
    marks = ", ".join("?" * len(page_ids))
    new = store.query(f"SELECT id, outlet, date, text FROM articles WHERE page_id IN ({marks}) "
                      "AND outlet IS NOT NULL AND date IS NOT NULL AND length(text) >= ?", [*page_ids, MIN_CHARS])
    by_day: dict[tuple[str, str], dict[int, str]] = {}
    for r in new:
        by_day.setdefault((r["outlet"], r["date"]), {})[r["id"]] = r["text"] or ""
    for (outlet, date), texts in sorted(by_day.items()):
        # No length() here: it would read every text of the day, copies included.
        where = (f"outlet = ? AND date = ? AND page_id NOT IN ({marks}) "
                 "AND id NOT IN (SELECT article_id FROM article_links)")
        params = [outlet, date, *page_ids]
        if len(texts) + store.scalar(f"SELECT COUNT(*) FROM articles WHERE {where}", params) > MAX_DAY_ARTICLES:
            continue
        before = {r["id"]: r["text"] for r in store.query(f"SELECT id, text FROM articles WHERE {where}", params)
                  if len(r["text"] or "") >= MIN_CHARS}
        links, relinks = group(texts, before)
        for old, now in relinks.items():
            store.execute("UPDATE article_links SET duplicate_of = ? WHERE duplicate_of = ?", [now, old])
        if links:
            store.executemany("INSERT INTO article_links (article_id, duplicate_of, similarity) VALUES (?, ?, ?) "
                              "ON CONFLICT (article_id) DO UPDATE SET duplicate_of = excluded.duplicate_of, "
                              "similarity = excluded.similarity",
                              [(aid, of, round(c, 3)) for aid, (of, c) in sorted(links.items())])
    return store.scalar(f"SELECT COUNT(*) FROM article_links l JOIN articles a ON a.id = l.article_id "
                        f"WHERE a.page_id IN ({marks})", list(page_ids))


def other_copies(store: Store, article_id: int) -> list[dict]:
    """Where else this article appeared: the kept article and its other copies,
    with their page source, for the article page."""
    if not has_links(store):
        return []
    kept = store.scalar("SELECT duplicate_of FROM article_links WHERE article_id = ?", [article_id]) or article_id
    rows = store.query(
        "SELECT a.id AS article_id, a.headline, a.date, a.outlet, p.input, p.source, a.url, "
        "l.similarity, (a.id = ?) AS kept FROM articles a JOIN pages p ON p.id = a.page_id "
        "LEFT JOIN article_links l ON l.article_id = a.id "
        "WHERE (a.id = ? OR l.duplicate_of = ?) AND a.id <> ? ORDER BY a.id",
        [kept, kept, kept, article_id])
    for r in rows:  # the file's name only: a server's folders are nobody's business
        r["source"] = r.pop("input") or (r["source"] or "").replace("\\", "/").rsplit("/", 1)[-1]
        r["kept"] = bool(r["kept"])
    return rows
