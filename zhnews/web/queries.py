"""What the web app reads from the knowledge base, beyond zhnews.store.search.

The store's query functions (search, person_pages, org_pages) are used where
they exist; this module adds what a browser needs and the store does not
give: one article with all its facts and stable ids (for highlighting), lists
to browse, figures with their row ids, and facet values for filter forms.
Every statement here is parameterized (`?` placeholders, values as params);
the only text spliced into SQL comes from constants in this file.

Articles from the base and pages extracted on the fly (upload/paste) both end
as the same "article view" dict, so one template renders both.
"""

from __future__ import annotations

import json
from typing import Any

from ..store import dedup
from ..store import search as store_search
from ..store.base import Store
from .highlight import Span, valid

# Rows shown on list pages; enough to browse, small enough to render fast.
LIST_LIMIT = 200
# Figures fetched for the explorer's table and chart.
FIGURE_LIMIT = 2000
# Characters of context either side of a search hit.
SNIPPET_CONTEXT = 40


def _contains(store: Store, column: str) -> str:
    """A substring test on `column` (a constant of this module) for either backend."""
    return f"instr({column}, ?) > 0" if store.backend == "sqlite" else f"strpos({column}, ?) > 0"


def _marks(values: list) -> str:
    return ", ".join("?" for _ in values)


def _json_list(value: Any) -> list:
    if not value:
        return []
    try:
        out = json.loads(value)
    except (TypeError, ValueError):
        return []
    return out if isinstance(out, list) else []


# -- overview and facets ---------------------------------------------------------
def overview(store: Store) -> dict:
    counts = {t: int(store.scalar(f"SELECT COUNT(*) FROM {t}") or 0)
              for t in ("pages", "articles", "people", "organizations", "statements", "figures")}
    span = store.query("SELECT MIN(date) AS first, MAX(date) AS last FROM articles")[0]
    outlets = store.query("SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL "
                          "GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT 100")
    recent = store.query("SELECT id AS article_id, date, outlet, headline FROM articles "
                         "ORDER BY date DESC, id DESC LIMIT 12")
    return {"counts": counts, "first_date": span["first"], "last_date": span["last"], "outlets": outlets,
            "recent": recent}


def search(store: Store, q: str = "", date_from: str | None = None, date_to: str | None = None,
           outlet: str | None = None, person: str | None = None, org: str | None = None,
           limit: int = 20, offset: int = 0, order: str = "rank", exact: bool = False) -> dict:
    filters = dict(date_from=date_from or None, date_to=date_to or None, outlet=outlet or None,
                   person=person or None, org=org or None)
    found = store_search.search_page(store, q or "", limit=limit, offset=offset, order=order, exact=exact,
                                     **filters)
    results = found["results"]
    if results and q:
        ids = [r["article_id"] for r in results]
        texts = {r["id"]: r["text"] or "" for r in store.query(
            f"SELECT id, text FROM articles WHERE id IN ({_marks(ids)})", ids)}
        for r in results:
            r["snippet"] = snippet(texts.get(r["article_id"], ""), q)
    return {"query": q, "total": found["total"], "count_exact": found["count_exact"], "ranking": found["ranking"],
            "offset": offset, "limit": limit, "results": results}


def snippet(text: str, q: str, context: int = SNIPPET_CONTEXT) -> str:
    """The store's snippet: the CLI, the JSON API and the web page show the same
    text around the same hit."""
    return store_search.snippet(text, q or "", context)


# -- one article -------------------------------------------------------------------
def article_record(store: Store, article_id: int) -> dict | None:
    """An article from the base as a Page-article dict (the shape of
    Article.to_dict()), with the base's ids added to people, orgs, facts."""
    rows = store.query(
        "SELECT a.*, p.source AS page_source, p.input AS page_input FROM articles a "
        "JOIN pages p ON p.id = a.page_id WHERE a.id = ?", [article_id])
    if not rows:
        return None
    a = rows[0]
    aid = a["id"]
    mentions = store.query("SELECT entity, person_id, organization_id, name, text, start_offset, end_offset "
                           "FROM mentions WHERE article_id = ? ORDER BY start_offset, id", [aid])
    people = []
    for p in store.query("SELECT person_id, name, titles, source, link_reason FROM article_people "
                         "WHERE article_id = ? ORDER BY name", [aid]):
        pid = p["person_id"]
        people.append({
            "person_id": pid, "name": p["name"], "titles": _json_list(p["titles"]), "source": p["source"],
            "link_reason": p["link_reason"],
            "mentions": [{"text": m["text"], "start": m["start_offset"], "end": m["end_offset"]}
                         for m in mentions if m["entity"] == "person" and m["person_id"] == pid],
            "title_mentions": [{"title": t["title"], "start": t["start_offset"], "end": t["end_offset"]}
                               for t in store.query(
                                   "SELECT title, start_offset, end_offset FROM titles WHERE article_id = ? "
                                   "AND person_id = ? AND start_offset IS NOT NULL ORDER BY start_offset",
                                   [aid, pid])],
        })
    orgs = []
    for o in store.query("SELECT ao.organization_id, ao.name, ao.kind, o.name AS canonical "
                         "FROM article_organizations ao JOIN organizations o ON o.id = ao.organization_id "
                         "WHERE ao.article_id = ? ORDER BY ao.name", [aid]):
        orgs.append({"organization_id": o["organization_id"], "name": o["name"], "kind": o["kind"],
                     "canonical": o["canonical"] if o["canonical"] != o["name"] else None,
                     "mentions": [{"text": m["text"], "start": m["start_offset"], "end": m["end_offset"]}
                                  for m in mentions if m["entity"] == "organization"
                                  and m["organization_id"] == o["organization_id"] and m["name"] == o["name"]]})
    places = []
    for pl in store.query("SELECT DISTINCT name, resolved FROM places WHERE article_id = ? ORDER BY name", [aid]):
        places.append({"name": pl["name"], "resolved": pl["resolved"],
                       "mentions": [{"text": m["text"], "start": m["start_offset"], "end": m["end_offset"]}
                                    for m in mentions if m["entity"] == "place" and m["name"] == pl["name"]]})
    statements = store.query(
        "SELECT id AS statement_id, seq, kind, speaker, person_id, asked_by, topic, verb, text, "
        "start_offset AS start, end_offset AS \"end\", speaker_start, speaker_end, topic_start, topic_end "
        "FROM statements WHERE article_id = ? ORDER BY seq", [aid])
    figures = store.query(
        "SELECT id AS figure_id, text, value, unit, indicator, period, qualifier, change, comparison, "
        "period_from, period_to, start_offset AS start, end_offset AS \"end\", indicator_start, indicator_end "
        "FROM figures WHERE article_id = ? ORDER BY start_offset, id", [aid])
    items = store.query("SELECT list_seq, seq, marker, text, start_offset AS start, end_offset AS \"end\" "
                        "FROM list_items WHERE article_id = ? ORDER BY list_seq, seq", [aid])
    lists = []
    for lst in store.query("SELECT seq, statement_seq, start_offset AS start, end_offset AS \"end\" FROM lists "
                           "WHERE article_id = ? ORDER BY seq", [aid]):
        lists.append({"start": lst["start"], "end": lst["end"], "statement": lst["statement_seq"],
                      "items": [{k: it[k] for k in ("marker", "text", "start", "end")}
                                for it in items if it["list_seq"] == lst["seq"]]})
    source = a["page_source"] or ""
    regions = _json_list(a.get("regions"))
    return {
        "article_id": aid, "page_id": a["page_id"], "seq": a["seq"],
        "headline": a["headline"], "subheadline": a["subheadline"], "kicker": a["kicker"],
        "date": a["date"], "dateline_date": a["dateline_date"], "published": a["published"], "outlet": a["outlet"],
        "url": a["url"],
        # Only the file's name: the server's folders are nobody's business.
        "source": a["page_input"] or source.replace("\\", "/").rsplit("/", 1)[-1],
        "byline": {"dateline": a["dateline"], "place": a["place"], "outlet": a["byline_outlet"],
                   "reporters": _json_list(a["reporters"]), "correspondents": _json_list(a["correspondents"])},
        "text": a["text"] or "", "paragraphs": _json_list(a["paragraphs"]),
        "people": people, "organizations": orgs, "places": places, "statements": statements,
        "figures": figures, "lists": lists,
        # Where else this article appeared (a near-copy on another page or from another source).
        "copies": dedup.other_copies(store, aid),
        # Where it is printed (PDF, scans; null for text) and, for a scan, the page images
        # those regions are cut from.
        "regions": regions or None,
        "region_images": region_images(store, aid, a["page_id"], regions),
    }


def region_images(store: Store, article_id: int, page_id: int, regions: list) -> list[dict]:
    """One entry per page of the article's regions whose image the base keeps:
    {page, url} (the region cut from the page image, /articles/{id}/region.webp)."""
    pages = sorted({r.get("page") for r in regions if isinstance(r, dict) and isinstance(r.get("page"), int)})
    if not pages:
        return []
    kept = {r["page_no"] for r in store.query(
        f"SELECT page_no FROM page_images WHERE page_id = ? AND page_no IN ({_marks(pages)})", [page_id, *pages])}
    return [{"page": n, "url": f"/articles/{article_id}/region.webp" + (f"?page={n}" if n != pages[0] else "")}
            for n in pages if n in kept]


def page_image(store: Store, article_id: int, page_no: int | None) -> tuple[dict, list[dict]] | None:
    """(the stored page image row, the article's regions on that page) or None
    when the article has no regions there or the base keeps no image of it."""
    # `*`: a base of schema 2, read as it is, has no regions column (nor images)
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    regions = [r for r in _json_list(rows[0].get("regions")) if isinstance(r, dict)]
    if page_no is None and regions:
        page_no = min(r.get("page") or 1 for r in regions)
    mine = [r for r in regions if r.get("page") == page_no]
    if not mine:
        return None
    img = store.query("SELECT width, height, mime, data FROM page_images WHERE page_id = ? AND page_no = ?",
                      [rows[0]["page_id"], page_no])
    return (img[0], mine) if img else None


def page_articles(store: Store, page_id: int) -> dict | None:
    rows = store.query("SELECT id, source, input, published, outlet, format, ingested_at FROM pages WHERE id = ?",
                       [page_id])
    if not rows:
        return None
    p = rows[0]
    arts = store.query("SELECT id AS article_id, seq, headline, subheadline, kicker, date, url FROM articles "
                       "WHERE page_id = ? ORDER BY seq", [page_id])
    src = (p["source"] or "").replace("\\", "/")
    return {"page_id": p["id"], "source": p["input"] or src.rsplit("/", 1)[-1], "published": p["published"],
            "outlet": p["outlet"], "format": p["format"], "ingested_at": p["ingested_at"], "articles": arts}


# -- items: what gets highlighted ---------------------------------------------------------
ITEM_TYPES = ("person", "title", "org", "place", "statement", "topic", "figure", "indicator", "list")


def items_of(art: dict) -> tuple[list[dict], list[dict]]:
    """Every located item of an article dict → (items, problems).

    An item is {id, type, start, end, text, kind, label, record}; `record` is
    what the click panel shows. An item whose offsets are outside the text or
    do not point at its own text is a problem: listed, never highlighted."""
    text = art.get("text") or ""
    items: list[dict] = []
    problems: list[dict] = []
    counter = {"n": 0}

    def add(typ: str, start, end, written: str | None, label: str, record: dict, kind: str | None = None):
        counter["n"] += 1
        item = {"id": f"{typ}-{counter['n']}", "type": typ, "start": start, "end": end, "kind": kind,
                "text": written, "label": label, "record": record}
        if not valid(Span(item["id"], typ, start, end), len(text)):
            problems.append({**item, "problem": "offsets outside the article text"})
            return
        if written is not None and text[start:end] != written:
            problems.append({**item, "problem": "offsets do not point at the item's text"})
            return
        item["text"] = text[start:end]
        items.append(item)

    for p in art.get("people") or []:
        rec = {"name": p.get("name"), "titles": p.get("titles") or [], "person_id": p.get("person_id"),
               "source": p.get("source"), "link_reason": p.get("link_reason")}
        for m in p.get("mentions") or []:
            add("person", m.get("start"), m.get("end"), m.get("text"), p.get("name") or "", rec)
        for tm in p.get("title_mentions") or []:
            if tm.get("start") is None:
                continue
            add("title", tm.get("start"), tm.get("end"), tm.get("title"), f"{tm.get('title')} · {p.get('name')}",
                {"title": tm.get("title"), "of": p.get("name"), "person_id": p.get("person_id")})
    for o in art.get("organizations") or []:
        rec = {"name": o.get("name"), "canonical": o.get("canonical"), "kind": o.get("kind"),
               "organization_id": o.get("organization_id")}
        for m in o.get("mentions") or []:
            add("org", m.get("start"), m.get("end"), m.get("text"), o.get("name") or "", rec, o.get("kind"))
    for pl in art.get("places") or []:
        rec = {"name": pl.get("name"), "resolved": pl.get("resolved")}
        for m in pl.get("mentions") or []:
            add("place", m.get("start"), m.get("end"), m.get("text"), pl.get("name") or "", rec)
    for i, s in enumerate(art.get("statements") or []):
        rec = {"kind": s.get("kind"), "speaker": s.get("speaker"), "person_id": s.get("person_id"),
               "asked_by": s.get("asked_by"), "topic": s.get("topic"), "verb": s.get("verb"),
               "statement": i}
        add("statement", s.get("start"), s.get("end"), s.get("text"),
            f"{s.get('kind')}: {s.get('speaker') or '?'}", rec, s.get("kind"))
        if s.get("topic_start") is not None and s.get("topic_end") is not None:
            add("topic", s.get("topic_start"), s.get("topic_end"), s.get("topic"),
                f"question to {s.get('speaker') or '?'}", rec, s.get("kind"))
    for f in art.get("figures") or []:
        rec = {k: f.get(k) for k in ("text", "value", "unit", "indicator", "period", "qualifier", "change",
                                     "comparison", "value_max", "figure_id") if f.get(k) is not None}
        add("figure", f.get("start"), f.get("end"), f.get("text"), f"{f.get('text')} {f.get('indicator') or ''}".strip(),
            rec)
        if f.get("indicator_start") is not None and f.get("indicator_end") is not None:
            add("indicator", f.get("indicator_start"), f.get("indicator_end"), f.get("indicator"),
                f"indicator of {f.get('text')}", rec)
    for li, lst in enumerate(art.get("lists") or []):
        for it in lst.get("items") or []:
            add("list", it.get("start"), it.get("end"), it.get("text"), f"{it.get('marker') or ''} (list {li + 1})",
                {"marker": it.get("marker"), "list": li + 1, "statement": lst.get("statement")})
    return items, problems


def article_view(art: dict) -> dict:
    """An article dict plus its items and the counts per type (for toggles)."""
    items, problems = items_of(art)
    counts = {t: 0 for t in ITEM_TYPES}
    for it in items:
        counts[it["type"]] += 1
    return {**art, "items": items, "problems": problems, "type_counts": counts}


# -- people and organizations ---------------------------------------------------------------
def people_index(store: Store, q: str | None = None, limit: int = LIST_LIMIT) -> list[dict]:
    where, params = "", []
    if q:
        where, params = "WHERE " + _contains(store, "p.name"), [q]
    rows = store.query(
        "SELECT p.id AS person_id, p.name, p.note, COUNT(DISTINCT ap.article_id) AS articles FROM people p "
        f"LEFT JOIN article_people ap ON ap.person_id = p.id AND {dedup.not_duplicate(store, 'ap.article_id')} "
        f"{where} "
        "GROUP BY p.id, p.name, p.note ORDER BY COUNT(DISTINCT ap.article_id) DESC, p.name LIMIT ?",
        params + [int(limit)])
    if rows:
        ids = [r["person_id"] for r in rows]
        titles: dict[int, list[str]] = {}
        for t in store.query(f"SELECT person_id, title, COUNT(*) AS n FROM titles WHERE person_id IN ({_marks(ids)}) "
                             "GROUP BY person_id, title ORDER BY COUNT(*) DESC, title", ids):
            titles.setdefault(t["person_id"], []).append(t["title"])
        for r in rows:
            r["titles"] = titles.get(r["person_id"], [])[:4]
    return rows


def unlinked_speakers(store: Store, q: str | None = None, limit: int = LIST_LIMIT) -> list[dict]:
    """Speakers of statements that have no person record (the extractor named
    a speaker the people stage did not list): still worth a page."""
    where, params = "", []
    if q:
        where, params = " AND " + _contains(store, "speaker"), [q]
    return store.query(
        "SELECT speaker AS name, COUNT(*) AS statements, COUNT(DISTINCT article_id) AS articles FROM statements "
        f"WHERE person_id IS NULL AND speaker IS NOT NULL{where} GROUP BY speaker "
        "ORDER BY COUNT(*) DESC, speaker LIMIT ?", params + [int(limit)])


def person(store: Store, person_id: int) -> dict | None:
    name = store.scalar("SELECT name FROM people WHERE id = ?", [person_id])
    if name is None:
        return None
    page = next((p for p in store_search.person_pages(store, name) if p["person_id"] == person_id), None)
    if page is None:
        return None
    # The store's statement rows lack the speaker and the ids to link; add them.
    page["statements"] = store.query(
        "SELECT s.id AS statement_id, s.article_id, a.date, a.headline, a.outlet, s.kind, s.speaker, s.text, "
        "s.topic, s.asked_by, s.verb, s.start_offset, s.end_offset FROM statements s "
        "JOIN articles a ON a.id = s.article_id WHERE s.person_id = ? ORDER BY a.date, s.article_id, s.seq LIMIT ?",
        [person_id, LIST_LIMIT])
    page["statements_by_date"] = by_date(page["statements"])
    page["others_same_name"] = store.query("SELECT id AS person_id, note FROM people WHERE name = ? AND id <> ? "
                                           "ORDER BY id", [name, person_id])
    return page


def by_date(rows: list[dict]) -> list[dict]:
    """Rows already in date order → [{date, statements}] (one group per day, a
    press conference's answers read together)."""
    groups: list[dict] = []
    for r in rows:
        if not groups or groups[-1]["date"] != r.get("date"):
            groups.append({"date": r.get("date"), "statements": []})
        groups[-1]["statements"].append(r)
    return groups


def speaker(store: Store, name: str) -> dict:
    """Everything said by a name, for speakers with or without a person record."""
    records = store.query("SELECT id AS person_id, note FROM people WHERE name = ? ORDER BY id", [name])
    statements = store.query(
        "SELECT s.id AS statement_id, s.article_id, a.date, a.headline, a.outlet, s.kind, s.speaker, s.text, "
        "s.topic, s.asked_by, s.verb, s.start_offset, s.end_offset, s.person_id FROM statements s "
        "JOIN articles a ON a.id = s.article_id WHERE s.speaker = ? ORDER BY a.date, s.article_id, s.seq LIMIT ?",
        [name, LIST_LIMIT])
    return {"name": name, "records": records, "statements": statements}


def orgs_index(store: Store, q: str | None = None, limit: int = LIST_LIMIT) -> list[dict]:
    where, params = "", []
    if q:
        where = ("WHERE " + _contains(store, "o.name") + " OR o.id IN (SELECT organization_id FROM org_aliases "
                 "WHERE " + _contains(store, "alias") + ")")
        params = [q, q]
    return store.query(
        "SELECT o.id AS organization_id, o.name, o.kind, COUNT(DISTINCT ao.article_id) AS articles "
        "FROM organizations o LEFT JOIN article_organizations ao ON ao.organization_id = o.id "
        f"AND {dedup.not_duplicate(store, 'ao.article_id')} {where} "
        "GROUP BY o.id, o.name, o.kind ORDER BY COUNT(DISTINCT ao.article_id) DESC, o.name LIMIT ?",
        params + [int(limit)])


def organization(store: Store, organization_id: int) -> dict | None:
    name = store.scalar("SELECT name FROM organizations WHERE id = ?", [organization_id])
    if name is None:
        return None
    page = next((o for o in store_search.org_pages(store, name) if o["organization_id"] == organization_id), None)
    if page is None:
        return None
    names = sorted({name, *page["aliases"], *(w["name"] for w in page["as_written"])})
    # Questions this organization (as an outlet) asked at press conferences.
    page["questions"] = store.query(
        "SELECT s.id AS statement_id, s.article_id, a.date, a.headline, s.kind, s.speaker, s.person_id, s.topic, s.text, "
        "s.asked_by, s.start_offset, s.end_offset FROM statements s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.asked_by IN ({_marks(names)}) ORDER BY a.date, s.article_id, s.seq LIMIT ?",
        names + [LIST_LIMIT])
    page["co_organizations"] = store.query(
        "SELECT o.id AS organization_id, o.name, COUNT(DISTINCT b.article_id) AS articles "
        "FROM article_organizations a JOIN article_organizations b ON b.article_id = a.article_id "
        "AND b.organization_id <> a.organization_id JOIN organizations o ON o.id = b.organization_id "
        f"WHERE a.organization_id = ? AND {dedup.not_duplicate(store, 'a.article_id')} GROUP BY o.id, o.name "
        "ORDER BY COUNT(DISTINCT b.article_id) DESC, o.name LIMIT 30", [organization_id])
    return page


# -- figures ----------------------------------------------------------------------------------
FIGURE_SORTS = {
    "date": "a.date, a.id, f.start_offset",
    "-date": "a.date DESC, a.id DESC, f.start_offset",
    "value": "f.value, a.date",
    "-value": "f.value DESC, a.date",
}


def figures(store: Store, indicator: str | None = None, unit: str | None = None, period: str | None = None,
            date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
            exact: bool = False, sort: str = "date", limit: int = FIGURE_LIMIT) -> list[dict]:
    """Figure rows with their ids and articles, filtered; indicator and period
    are substring filters unless exact. A near-copy's figures are its
    original's (store/dedup.py): not listed twice."""
    where, params = [dedup.not_duplicate(store, "f.article_id")], []
    if indicator:
        where.append("f.indicator = ?" if exact else _contains(store, "f.indicator"))
        params.append(indicator)
    if unit:
        where.append("f.unit = ?")
        params.append(unit)
    if period:
        where.append(_contains(store, "f.period"))
        params.append(period)
    if date_from:
        where.append("a.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.date <= ?")
        params.append(date_to)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    order = FIGURE_SORTS.get(sort, FIGURE_SORTS["date"])
    sql = ("SELECT f.id AS figure_id, a.date, f.indicator, f.value, f.unit, f.text, f.qualifier, f.period, "
           "f.change, f.comparison, a.headline, a.outlet, f.article_id, f.start_offset, f.end_offset "
           "FROM figures f JOIN articles a ON a.id = f.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ?"
    return store.query(sql, params + [int(limit)])


def indicators(store: Store, q: str | None = None, limit: int = 100) -> list[dict]:
    """Indicator × unit pairs with how often and over which dates they occur:
    the explorer's starting points (most reported first)."""
    where, params = f"WHERE f.indicator IS NOT NULL AND {dedup.not_duplicate(store, 'f.article_id')}", []
    if q:
        where += " AND " + _contains(store, "f.indicator")
        params.append(q)
    return store.query(
        "SELECT f.indicator, f.unit, COUNT(*) AS figures, COUNT(DISTINCT f.article_id) AS articles, "
        "MIN(a.date) AS first_date, MAX(a.date) AS last_date FROM figures f JOIN articles a ON a.id = f.article_id "
        f"{where} GROUP BY f.indicator, f.unit ORDER BY COUNT(DISTINCT f.article_id) DESC, COUNT(*) DESC, "
        "f.indicator LIMIT ?", params + [int(limit)])


def units(store: Store) -> list[dict]:
    return store.query("SELECT unit, COUNT(*) AS figures FROM figures WHERE unit IS NOT NULL AND unit <> '' "
                       "GROUP BY unit ORDER BY COUNT(*) DESC, unit LIMIT 200")


def chart_series(rows: list[dict], unit: str | None = None) -> dict:
    """The rows one chart can show honestly: one unit (the chosen one, else
    the most common), dated, with a value."""
    by_unit: dict[str, int] = {}
    for r in rows:
        if r.get("value") is not None and r.get("date"):
            by_unit[r.get("unit") or ""] = by_unit.get(r.get("unit") or "", 0) + 1
    if not by_unit:
        return {"unit": unit, "points": [], "other_units": []}
    chosen = unit if unit in by_unit else max(by_unit, key=lambda u: (by_unit[u], u))
    points = [r for r in rows if (r.get("unit") or "") == chosen and r.get("value") is not None and r.get("date")]
    return {"unit": chosen, "points": points, "other_units": sorted(u for u in by_unit if u != chosen)}
