"""The query side: full-text search with filters, person and organization
pages, figure series. Functions take an open Store and return plain dicts,
so the CLI, the web app and tests share them."""

from __future__ import annotations

import json

from ..periods import buckets
from . import dedup
from .base import Store
from .people import resolve_org_ids
from .tokenize import NormalizedText, query_strings

# Characters of context on each side of the first hit in a result snippet.
SNIPPET_CONTEXT = 40
DEFAULT_LIMIT = 20


def _filters(store: Store, date_from=None, date_to=None, outlet=None, person=None, org=None):
    where, params = [dedup.not_duplicate(store)], []  # a near-copy counts once (store/dedup.py)
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
    norm = NormalizedText(text) if runs else None
    hit = None
    for r in runs:
        pos = norm.normalized.find(r)
        if pos >= 0:
            hit = (norm.start(pos), norm.end(pos + len(r)))
            break
    if hit is None:
        return text[: 2 * context].replace("\n", " ")
    start, end = max(0, hit[0] - context), min(len(text), hit[1] + context)
    return (("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")).replace("\n", " ")


def search(store: Store, query: str = "", date_from: str | None = None, date_to: str | None = None,
           outlet: str | None = None, person: str | int | None = None, org: str | None = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0, order: str = "rank") -> list[dict]:
    """Articles matching `query` (all whitespace-separated terms) and the
    filters, best first (order="rank") or newest first (order="date")."""
    where, params = _filters(store, date_from, date_to, outlet, person, org)
    score_params: list = []
    fts = store.fts_select(query) if query and query.strip() else None
    if query and query.strip() and fts is None:
        return []  # nothing searchable in the query (only punctuation)
    if fts:
        from_where, fts_params, score, score_params = fts
        sql = f"SELECT a.id, {score} AS score FROM {from_where}"
        params = fts_params + params
        if where:
            sql += " AND " + " AND ".join(where)
    else:
        sql = "SELECT a.id, 0.0 AS score FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
    if order == "date" or not fts:
        sql += " ORDER BY a.date DESC, a.id DESC"
    else:
        sql += " ORDER BY score DESC, a.date DESC, a.id DESC"
    sql += " LIMIT ? OFFSET ?"
    hits = store.query(sql, score_params + params + [int(limit), int(offset)])
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


def count(store: Store, query: str = "", **filters) -> int:
    """How many articles match (same semantics as search)."""
    where, params = _filters(store, **filters)
    fts = store.fts_select(query) if query and query.strip() else None
    if query and query.strip() and fts is None:
        return 0
    if fts:
        from_where, fts_params, _, _ = fts
        sql = f"SELECT COUNT(*) FROM {from_where}" + ("".join(" AND " + w for w in where))
        params = fts_params + params
    else:
        sql = "SELECT COUNT(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return int(store.scalar(sql, params))


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
