"""The query side: full-text search with filters, person and organization
pages, figure series. Functions take an open Store and return plain dicts,
so the CLI, the web app and tests share them."""

from __future__ import annotations

import json

from ..periods import buckets
from . import dedup
from .base import Store
from .people import resolve_org_ids
from .tokenize import NormalizedText, normalize, query_strings

# Characters of context on each side of the first hit in a result snippet.
SNIPPET_CONTEXT = 40
DEFAULT_LIMIT = 20


def _filters(store: Store, date_from=None, date_to=None, outlet=None, person=None, org=None):
    # A near-copy counts once (store/dedup.py). On a base without links there is no
    # condition at all, so the unfiltered fast paths of search_page still apply.
    nd = dedup.not_duplicate(store)
    where, params = ([nd] if nd != dedup.NO_CONDITION else []), []
    if date_from:
        where.append("a.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.date <= ?")
        params.append(date_to)
    if outlet:
        where.append("(a.outlet = ? OR a.byline_outlet = ?)")
        params += [outlet, outlet]
    if person:
        if isinstance(person, int):
            where.append("a.id IN (SELECT article_id FROM article_people WHERE person_id = ?)")
        else:
            where.append("a.id IN (SELECT article_id FROM article_people WHERE name = ?)")
        params.append(person)
    if org:
        ids = resolve_org_ids(store, org)
        if not ids:
            where.append("1 = 0")
        else:
            where.append("a.id IN (SELECT article_id FROM article_organizations WHERE organization_id IN ("
                         + ", ".join("?" for _ in ids) + "))")
            params += ids
    return where, params


def snippet(text: str, query: str, context: int = SNIPPET_CONTEXT) -> str:
    """The text around the first hit of the query's first run (or the start).

    The hit is found in the normalized text (as search matched it) and
    mapped back through NormalizedText, so a "……" or "㎞" before it, which
    NFKC lengthens, does not shift the window off the hit."""
    runs = query_strings(query)
    norm = None
    hit = None
    for r in runs:
        pos = text.find(r)
        if pos >= 0 and r not in normalize(text[: pos + len(r) - 1]):
            # Written as normalized and nothing earlier normalizes to it: the
            # common case needs no map (building one is ~0.4 ms an article).
            hit = (pos, pos + len(r))
            break
        norm = norm or NormalizedText(text)
        pos = norm.normalized.find(r)
        if pos >= 0:
            hit = (norm.start(pos), norm.end(pos + len(r)))
            break
    if hit is None:
        return text[: 2 * context].replace("\n", " ")
    start, end = max(0, hit[0] - context), min(len(text), hit[1] + context)
    return (("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")).replace("\n", " ")


# A full-text query is ranked by bm25 only while it matches at most this many
# articles: bm25 scores every match (and first counts them all for its idf)
# and the sort needs every match's date, ~4 µs a match on the 1M-article
# benchmark base, so 5,000 matches rank in ~20 ms and keep a results page
# under 50 ms; the 508,049 matches of 发展 took 440 ms. Past the bound,
# results come newest-ingested first (article ids descending: the index's own
# order, no scoring, no sort) and the ranking is reported so callers say so.
# The same bound caps the count: up to it the bounded scan that decides the
# ranking counts the matches exactly; past it the count is exact only when the
# index knows it (one word, no filter), else an estimate, labelled as one.
MAX_RANKED = 5_000
# Filters that leave at most this many articles are applied first, each
# article then looked up in the index (~25 µs a probe): a one-day filter on
# the 1M base (432 articles) counts the matches of 发展 in 11 ms, where walking
# its 508,049 matches to find the day's took ~2 s.
MAX_PROBED = 2_000


def _plan(store: Store, query: str, filters: dict):
    """(fts fragment or None, filter WHERE list, filter params); fts is False
    when the query has nothing searchable (only punctuation)."""
    where, params = _filters(store, **filters)
    if not (query and query.strip()):
        return None, where, params
    fts = store.fts_select(query)
    return (fts if fts else False), where, params


def _and(where: list[str]) -> str:
    return "".join(" AND " + w for w in where)


def _matches_sql(fts, where: list[str]) -> str:
    return f"FROM {fts[0]}{_and(where)}"


def _bounded_count(store: Store, query: str, fts, where, params, bound: int) -> tuple[int, int | None]:
    """(matches seen, up to bound + 1; the id of the bound-th match in index
    order, or None when there are no more than bound)."""
    alone = None if where else store.fts_ids(query)
    if alone:  # the index and the articles are written in one transaction: no join needed
        sql, sql_params = alone
    else:
        sql = f"SELECT {store.fts_rowid} {_matches_sql(fts, where)} ORDER BY {store.fts_rowid}"
        sql_params = fts[1] + params
    ids = [r[0] for r in store.execute(sql + " LIMIT ?", sql_params + [bound + 1])]
    return len(ids), (ids[bound - 1] if len(ids) > bound else None)


def _estimate(store: Store, where, params, bound: int, last_id: int) -> tuple[int, bool]:
    """An estimate of the matches past the bound: the bound scaled by the
    share of the (filtered) articles the bounded scan covered (ids up to
    last_id)."""
    if not where:
        # Unfiltered, ids stand for articles: two index lookups, where counting
        # a million rows would cost more than the search itself.
        # (MIN and MAX in one statement would scan the table: SQLite seeks only for one.)
        lo, hi = store.scalar("SELECT MIN(id) FROM articles"), store.scalar("SELECT MAX(id) FROM articles")
        total, covered = hi - lo + 1, last_id - lo + 1
    else:
        total = store.scalar(f"SELECT COUNT(*) FROM articles a{_where(where)}", params)
        covered = store.scalar(f"SELECT COUNT(*) FROM articles a{_where(where)} AND a.id <= ?", params + [last_id])
    return max(bound + 1, round(bound * total / max(1, covered))), False


def _probed(store: Store, query: str, where: list[str], params: list) -> list[int] | None:
    """The matching ids when the filters leave at most MAX_PROBED articles
    and the backend can probe the index article by article; else None."""
    probe = store.fts_probe_select(query) if where else None
    if probe is None:
        return None
    n = store.scalar(f"SELECT COUNT(*) FROM (SELECT 1 FROM articles a{_where(where)} LIMIT ?) f",
                     params + [MAX_PROBED + 1])
    if n > MAX_PROBED:
        return None
    return [r[0] for r in store.execute(f"SELECT a.id FROM {probe[0]}{_and(where)}", probe[1] + params)]


def _probed_page(store: Store, query: str, ids: list[int], order: str, limit: int, offset: int) -> dict:
    """search_page's answer for a few probed matches: every one ranked here."""
    dates = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        dates.update(store.execute("SELECT id, date FROM articles WHERE id IN (" + ", ".join("?" for _ in chunk)
                                   + ")", chunk).fetchall())
    scores = store.fts_scores(query, ids) if order != "date" else {}
    ranked = sorted(ids, key=lambda i: (scores.get(i, 0.0), dates.get(i) or "", i), reverse=True)
    hits = [{"id": i, "score": scores.get(i, 0.0)} for i in ranked[offset:offset + limit]]
    return {"results": _rows(store, hits, query), "total": len(ids), "count_exact": True,
            "ranking": "date" if order == "date" else "bm25"}


def search_page(store: Store, query: str = "", date_from: str | None = None, date_to: str | None = None,
                outlet: str | None = None, person: str | int | None = None, org: str | None = None,
                limit: int = DEFAULT_LIMIT, offset: int = 0, order: str = "rank", exact: bool = False) -> dict:
    """One page of results with the total: {"results", "total", "count_exact",
    "ranking"}. ranking is "bm25" (order="rank" and at most MAX_RANKED
    matches, or exact=True), "newest-ingested" (order="rank" past
    MAX_RANKED: article ids descending) or "date" (order="date", or no
    query). exact=True ranks and counts every match whatever it costs."""
    filters = dict(date_from=date_from, date_to=date_to, outlet=outlet, person=person, org=org)
    fts, where, params = _plan(store, query, filters)
    # (probing pays only for a filter a user set: the near-copy condition alone
    # keeps nearly every article, and probing each of a small base's articles
    # cost 15–50 ms a query where the index answers in 2–5)
    user_filtered = any(filters.values())
    probed = _probed(store, query, where, params) if fts and not exact and user_filtered else None
    if probed is not None:
        return _probed_page(store, query, probed, order, limit, offset)
    total, count_exact, past_bound = _count(store, query, fts, where, params, exact, probe=user_filtered)
    if fts is False:
        return {"results": [], "total": 0, "count_exact": True, "ranking": "bm25"}
    if fts is None:
        sql = f"SELECT a.id, 0.0 AS score FROM articles a{_where(where)} ORDER BY a.date DESC, a.id DESC"
        return {"results": _page(store, sql, [], params, limit, offset, query), "total": total,
                "count_exact": True, "ranking": "date"}
    ranking = "date" if order == "date" else ("newest-ingested" if past_bound else "bm25")
    _, fts_params, score, score_params = fts
    if ranking == "bm25":
        sql = f"SELECT a.id, {score} AS score {_matches_sql(fts, where)} ORDER BY score DESC, a.date DESC, a.id DESC"
        sql_params = score_params
    elif ranking == "date":
        sql = f"SELECT a.id, 0.0 AS score {_matches_sql(fts, where)} ORDER BY a.date DESC, a.id DESC"
        sql_params = []
    else:
        sql = f"SELECT a.id, 0.0 AS score {_matches_sql(fts, where)} ORDER BY {store.fts_rowid} DESC"
        sql_params = []
    results = _page(store, sql, sql_params, fts_params + params, limit, offset, query)
    return {"results": results, "total": total, "count_exact": count_exact, "ranking": ranking}


def _page(store: Store, sql: str, score_params: list, params: list, limit: int, offset: int, query: str) -> list:
    return _rows(store, store.query(sql + " LIMIT ? OFFSET ?", score_params + params + [int(limit), int(offset)]),
                 query)


def _rows(store: Store, hits: list[dict], query: str) -> list:
    """Result rows with snippets for hits ({"id", "score"}), in their order."""
    if not hits:
        return []
    ids = [h["id"] for h in hits]
    rows = {r["id"]: r for r in store.query(
        "SELECT id, date, outlet, headline, url, text FROM articles WHERE id IN (" + ", ".join("?" for _ in ids) + ")",
        ids)}
    out = []
    for h in hits:
        r = rows.get(h["id"])
        if r is None:
            continue  # replaced between the two statements (ingest --force): gone from this answer
        out.append({"article_id": r["id"], "date": r["date"], "outlet": r["outlet"], "headline": r["headline"],
                    "url": r["url"], "score": float(h["score"] or 0.0),
                    "snippet": snippet(r["text"] or "", query or "")})
    return out


def search(store: Store, query: str = "", date_from: str | None = None, date_to: str | None = None,
           outlet: str | None = None, person: str | int | None = None, org: str | None = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0, order: str = "rank", exact: bool = False) -> list[dict]:
    """Articles matching `query` (all whitespace-separated terms) and the
    filters, best first (order="rank") or newest first (order="date"); see
    search_page for what "best" means past MAX_RANKED matches."""
    return search_page(store, query, date_from, date_to, outlet, person, org, limit, offset, order, exact)["results"]


def count(store: Store, query: str = "", exact: bool = True, **filters) -> int:
    """How many articles match (same semantics as search); exact=False may
    answer an estimate past MAX_RANKED (see count_info)."""
    return count_info(store, query, exact=exact, **filters)[0]


def count_info(store: Store, query: str = "", exact: bool = False, **filters) -> tuple[int, bool]:
    """(number of matching articles, whether that number is exact)."""
    fts, where, params = _plan(store, query, filters)
    return _count(store, query, fts, where, params, exact, probe=any(filters.values()))[:2]


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def _count(store: Store, query: str, fts, where, params, exact: bool, probe: bool) -> tuple[int, bool, bool]:
    """(matches, whether exact, whether past MAX_RANKED) for a _plan; `probe`:
    the filters may be selective enough to look each article up."""
    if fts is False:
        return 0, True, False
    if fts is None:
        return int(store.scalar(f"SELECT COUNT(*) FROM articles a{_where(where)}", params)), True, False
    if exact:
        return int(store.scalar(f"SELECT COUNT(*) {_matches_sql(fts, where)}", fts[1] + params)), True, False
    probed = _probed(store, query, where, params) if probe else None
    if probed is not None:
        return len(probed), True, False
    if not where:
        known = store.fts_doc_count(query)
        if known is not None:
            return known, True, known > MAX_RANKED
    seen, last_id = _bounded_count(store, query, fts, where, params, MAX_RANKED)
    if last_id is None:
        return seen, True, False
    # more than MAX_RANKED: a small base still gets its exact count by probing
    probed = None if probe else _probed(store, query, where, params)
    if probed is not None:
        return len(probed), True, True
    return (*_estimate(store, where, params, MAX_RANKED, last_id), True)


def article(store: Store, article_id: int) -> dict | None:
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    return rows[0] if rows else None


# -- people -------------------------------------------------------------------
def person_pages(store: Store, name: str, limit: int = 200) -> list[dict]:
    """Every person record called `name`: titles over time, articles,
    statements, co-mentioned people, and the evidence that kept records apart."""
    out = []
    # A near-copy of an article (store/dedup.py) is not a second appearance.
    nd_t, nd_a = dedup.not_duplicate(store, "t.article_id"), dedup.not_duplicate(store, "a.id")
    nd_ap, nd_o = dedup.not_duplicate(store, "ap.article_id"), dedup.not_duplicate(store, "o.article_id")
    for p in store.query("SELECT id, name, note FROM people WHERE name = ? ORDER BY id", [name]):
        pid = p["id"]
        titles_by_date = store.query(
            "SELECT t.date, t.title, t.article_id, t.start_offset, t.end_offset FROM titles t "
            f"WHERE t.person_id = ? AND {nd_t} ORDER BY t.date, t.article_id, t.start_offset", [pid])
        titles = title_rows(titles_by_date)
        articles = store.query(
            "SELECT a.id AS article_id, a.date, a.outlet, a.headline, a.url, ap.titles, ap.link_reason "
            "FROM article_people ap JOIN articles a ON a.id = ap.article_id "
            f"WHERE ap.person_id = ? AND {nd_a} ORDER BY a.date, a.id LIMIT ?", [pid, limit])
        for a in articles:
            a["titles"] = json.loads(a["titles"] or "[]")
        n_articles = store.scalar(f"SELECT COUNT(*) FROM article_people ap WHERE person_id = ? AND {nd_ap}", [pid])
        statements = store.query(
            "SELECT s.article_id, a.date, s.kind, s.text, s.topic, s.asked_by, s.start_offset, s.end_offset "
            "FROM statements s JOIN articles a ON a.id = s.article_id "
            f"WHERE s.person_id = ? AND {nd_a} ORDER BY a.date, s.article_id, s.seq LIMIT ?", [pid, limit])
        co = store.query(
            "SELECT o.person_id, o.name, COUNT(*) AS articles FROM article_people me "
            "JOIN article_people o ON o.article_id = me.article_id AND o.person_id <> me.person_id "
            f"WHERE me.person_id = ? AND {nd_o} GROUP BY o.person_id, o.name ORDER BY COUNT(*) DESC, o.name LIMIT 30", [pid])
        co_orgs = store.query(
            "SELECT o.id AS organization_id, o.name, COUNT(DISTINCT ao.article_id) AS articles "
            "FROM article_people ap JOIN article_organizations ao ON ao.article_id = ap.article_id "
            f"JOIN organizations o ON o.id = ao.organization_id WHERE ap.person_id = ? AND {nd_ap} "
            "GROUP BY o.id, o.name ORDER BY COUNT(DISTINCT ao.article_id) DESC, o.name LIMIT 30", [pid])
        per_date = store.query(
            "SELECT a.date, COUNT(*) AS articles FROM article_people ap JOIN articles a ON a.id = ap.article_id "
            f"WHERE ap.person_id = ? AND a.date IS NOT NULL AND {nd_a} GROUP BY a.date ORDER BY a.date", [pid])
        granularity, appearances = buckets(per_date)
        evidence = store.query(
            "SELECT person_id, other_person_id, article_id, kind, detail FROM person_evidence "
            "WHERE person_id = ? OR other_person_id = ? ORDER BY id", [pid, pid])
        out.append({"person_id": pid, "name": p["name"], "note": p["note"], "article_count": n_articles,
                    "titles": titles, "titles_by_date": titles_by_date, "articles": articles,
                    "statements": statements, "co_mentioned": co, "co_organizations": co_orgs,
                    "appearances": {"per": granularity, "counts": appearances}, "evidence": evidence})
    return out


def title_rows(mentions: list[dict]) -> list[dict]:
    """One row per title (a leader is 总书记 in hundreds of articles: that is
    one fact with a span, not hundreds of rows): first and last date seen, with
    the article and offsets of each, how many articles and mentions.
    `mentions` must be in date order."""
    rows: dict[str, dict] = {}
    for m in mentions:
        r = rows.get(m["title"])
        if r is None:
            r = rows[m["title"]] = {
                "title": m["title"], "first_date": m["date"], "last_date": m["date"], "articles": 0, "mentions": 0,
                "first": {k: m[k] for k in ("article_id", "start_offset", "end_offset")}, "_seen": set()}
        if m["date"] and (r["last_date"] is None or m["date"] >= r["last_date"]):
            r["last_date"] = m["date"]
            r["last"] = {k: m[k] for k in ("article_id", "start_offset", "end_offset")}
        if r["first_date"] is None and m["date"]:
            r["first_date"] = m["date"]
        r["mentions"] += 1
        r["_seen"].add(m["article_id"])
    out = []
    for r in rows.values():
        r["articles"] = len(r.pop("_seen"))
        r.setdefault("last", r["first"])
        out.append(r)
    return sorted(out, key=lambda r: (r["first_date"] or "9999", r["title"]))


# -- organizations ------------------------------------------------------------------
def org_pages(store: Store, name: str, limit: int = 200) -> list[dict]:
    out = []
    nd = dedup.not_duplicate(store, "ao.article_id")  # a near-copy is not a second article
    for oid in resolve_org_ids(store, name):
        org = store.query("SELECT id, name, kind FROM organizations WHERE id = ?", [oid])[0]
        aliases = [r["alias"] for r in store.query(
            "SELECT alias FROM org_aliases WHERE organization_id = ? ORDER BY alias", [oid])]
        as_written = store.query(
            "SELECT name, COUNT(*) AS articles FROM article_organizations ao "
            f"WHERE organization_id = ? AND {nd} GROUP BY name ORDER BY COUNT(*) DESC", [oid])
        articles = store.query(
            "SELECT DISTINCT a.id AS article_id, a.date, a.outlet, a.headline, a.url FROM article_organizations ao "
            f"JOIN articles a ON a.id = ao.article_id WHERE ao.organization_id = ? AND {nd} ORDER BY a.date, a.id LIMIT ?",
            [oid, limit])
        n_articles = store.scalar(
            f"SELECT COUNT(DISTINCT article_id) FROM article_organizations ao WHERE organization_id = ? AND {nd}", [oid])
        people = store.query(
            "SELECT ap.person_id, ap.name, COUNT(*) AS articles FROM article_organizations ao "
            "JOIN article_people ap ON ap.article_id = ao.article_id "
            f"WHERE ao.organization_id = ? AND {nd} GROUP BY ap.person_id, ap.name ORDER BY COUNT(*) DESC, ap.name LIMIT 30", [oid])
        out.append({"organization_id": oid, "name": org["name"], "kind": org["kind"], "aliases": aliases,
                    "as_written": as_written, "article_count": n_articles, "articles": articles, "people": people})
    return out


# -- figures --------------------------------------------------------------------------
FIGURE_SORTS = {
    "date": "a.date, a.id, f.start_offset",
    "date-desc": "a.date DESC, a.id DESC, f.start_offset",
    "value": "f.value, a.date",
    "value-desc": "f.value DESC, a.date",
    "indicator": "f.indicator, a.date",
}


def figures(store: Store, indicator: str | None = None, unit: str | None = None, date_from: str | None = None,
            date_to: str | None = None, outlet: str | None = None, sort: str = "date",
            limit: int = 1000, exact: bool = False) -> list[dict]:
    """Figure rows for an indicator (substring match unless exact) over time."""
    where, params = [], []
    if indicator:
        if exact:
            where.append("f.indicator = ?")
            params.append(indicator)
        else:
            where.append("strpos_placeholder")
            params.append(indicator)
    if unit is not None:
        where.append("f.unit = ?")
        params.append(unit)
    w2, p2 = _filters(store, date_from, date_to, outlet)
    where += w2
    params += p2
    contains = "instr(f.indicator, ?) > 0" if store.backend == "sqlite" else "strpos(f.indicator, ?) > 0"
    where = [contains if w == "strpos_placeholder" else w for w in where]
    if sort not in FIGURE_SORTS:
        raise ValueError(f"sort must be one of {', '.join(FIGURE_SORTS)}")
    sql = ("SELECT a.date, f.indicator, f.value, f.unit, f.text, f.qualifier, f.period, f.change, f.comparison, "
           "a.headline, a.outlet, f.article_id, f.start_offset, f.end_offset "
           "FROM figures f JOIN articles a ON a.id = f.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {FIGURE_SORTS[sort]} LIMIT ?"
    return store.query(sql, params + [int(limit)])
