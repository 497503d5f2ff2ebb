"""One extracted page (its `Page.to_dict()`) → rows, inside the caller's transaction.

Replacing is part of writing: a page whose source was ingested before with
other content loses its old articles (and everything hanging off them) in
the same transaction that adds the new ones, so a reader never sees both or
neither.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from .. import __version__
from ..provenance import extractor_id
from .base import Store
from .people import Consolidator


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def page_dict(page) -> dict:
    """A Page → the dict `write_page` stores: its to_dict() plus, for a scan,
    its downsized page images under `_images` (bytes, so never in JSON output)."""
    d = page.to_dict()
    if page.images:
        d["_images"] = [{"page": im.page, "width": im.width, "height": im.height, "mime": im.mime, "data": im.data}
                        for im in page.images]
    return d


def delete_page(store: Store, cons: Consolidator, page_id: int) -> None:
    arts = store.query("SELECT id, headline, text FROM articles WHERE page_id = ?", [page_id])
    ids = [a["id"] for a in arts]
    people: set[int] = set()
    for aid in ids:
        people.update(r["person_id"] for r in store.query(
            "SELECT person_id FROM article_people WHERE article_id = ?", [aid]))
    store.fts_delete([(a["id"], a["headline"], a["text"], None) for a in arts])
    store.execute("DELETE FROM pages WHERE id = ?", [page_id])  # articles and facts cascade
    cons.drop_orphans(people)


def write_page(store: Store, cons: Consolidator, source: str, content_hash: str, page: dict,
               defaults: dict | None = None) -> int:
    """Insert one page and its articles; returns the number of articles written."""
    defaults = defaults or {}
    old = store.scalar("SELECT id FROM pages WHERE source = ?", [source])
    if old is not None:
        delete_page(store, cons, old)
    published = page.get("published") or defaults.get("published")
    outlet = page.get("outlet") or defaults.get("outlet")
    page_id = store.insert_id(
        "INSERT INTO pages (source, content_hash, input, published, outlet, format, encoding, warnings, ingested_at, "
        "zhnews_version, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [source, content_hash, page.get("input"), published, outlet, page.get("format"),
         page.get("encoding"), _json(page.get("warnings") or []), now_iso(), __version__, extractor_id()],
    )
    store.executemany("INSERT INTO page_images (page_id, page_no, width, height, mime, data) VALUES (?, ?, ?, ?, ?, ?)",
                      [(page_id, im["page"], im["width"], im["height"], im["mime"], im["data"])
                       for im in page.get("_images") or []])
    fts = []
    for seq, art in enumerate(page.get("articles") or []):
        aid = _write_article(store, cons, page_id, seq, art, published, outlet, defaults)
        fts.append((aid, art.get("headline"), art.get("text") or "", art.get("_fts")))
    store.fts_insert(fts)
    store.execute("DELETE FROM ingest_errors WHERE source = ?", [source])
    return len(fts)


def _write_article(store: Store, cons: Consolidator, page_id: int, seq: int, art: dict,
                   published: str | None, outlet: str | None, defaults: dict) -> int:
    byline = art.get("byline") or {}
    text = art.get("text") or ""
    date = art.get("date") or published
    aid = store.insert_id(
        "INSERT INTO articles (page_id, seq, headline, subheadline, kicker, date, dateline_date, published, outlet, "
        "url, dateline, place, byline_outlet, reporters, correspondents, text, paragraphs, source_start, source_end, "
        "regions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [page_id, seq, art.get("headline"), art.get("subheadline"), art.get("kicker"), date, art.get("date"),
         published, outlet or byline.get("outlet"), art.get("url") or defaults.get("url"),
         byline.get("dateline"), byline.get("place"), byline.get("outlet"),
         _json(byline.get("reporters") or []), _json(byline.get("correspondents") or []), text,
         _json(art.get("paragraphs") or []), art.get("source_start"), art.get("source_end"),
         _json(art.get("regions"))],
    )

    # People: one appearance per name (an extractor may list a name twice).
    merged: dict[str, dict] = {}
    for p in art.get("people") or []:
        name = (p.get("name") or "").strip()
        if not name:
            continue
        m = merged.setdefault(name, {"titles": [], "mentions": [], "title_mentions": [], "source": p.get("source")})
        m["titles"] += [t for t in p.get("titles") or [] if t and t not in m["titles"]]
        m["mentions"] += p.get("mentions") or []
        m["title_mentions"] += p.get("title_mentions") or []
    pid_of: dict[str, int] = {}
    appearances, titles, mentions = [], [], []
    for name, p in merged.items():
        pid, reason = cons.person(name, p["titles"], aid)
        pid_of[name] = pid
        appearances.append((aid, pid, name, _json(p["titles"]), p["source"] or "body", reason))
        located = {}
        for tm in p["title_mentions"]:
            # Only offsets that really point at the title in the body (a title
            # read in the headline carries offsets into the headline).
            if _located(text, tm.get("title"), tm.get("start"), tm.get("end")):
                located.setdefault(tm["title"], (tm["start"], tm["end"]))
        for t in p["titles"]:
            s, e = located.get(t, (None, None))
            titles.append((aid, pid, t, date, s, e))
        for mt in p["mentions"]:
            if _located(text, mt.get("text"), mt.get("start"), mt.get("end")):
                mentions.append((aid, "person", pid, None, name, mt["text"], mt["start"], mt["end"]))
    store.executemany("INSERT INTO article_people (article_id, person_id, name, titles, source, link_reason) "
                      "VALUES (?, ?, ?, ?, ?, ?)", appearances)
    store.executemany("INSERT INTO titles (article_id, person_id, title, date, start_offset, end_offset) "
                      "VALUES (?, ?, ?, ?, ?, ?)", titles)

    orgs = {}
    for o in art.get("organizations") or []:
        name = (o.get("name") or "").strip()
        if not name:
            continue
        oid = cons.organization(name, o.get("canonical"), o.get("kind"))
        orgs[(oid, name)] = (aid, oid, name, o.get("kind"))
        for mt in o.get("mentions") or []:
            if _located(text, mt.get("text"), mt.get("start"), mt.get("end")):
                mentions.append((aid, "organization", None, oid, name, mt["text"], mt["start"], mt["end"]))
    store.executemany("INSERT INTO article_organizations (article_id, organization_id, name, kind) "
                      "VALUES (?, ?, ?, ?)", list(orgs.values()))

    places = []
    for pl in art.get("places") or []:
        name = (pl.get("name") or "").strip()
        if not name:
            continue
        places.append((aid, name, pl.get("resolved")))
        for mt in pl.get("mentions") or []:
            if _located(text, mt.get("text"), mt.get("start"), mt.get("end")):
                mentions.append((aid, "place", None, None, name, mt["text"], mt["start"], mt["end"]))
    store.executemany("INSERT INTO places (article_id, name, resolved) VALUES (?, ?, ?)", places)
    store.executemany("INSERT INTO mentions (article_id, entity, person_id, organization_id, name, text, "
                      "start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mentions)

    store.executemany(
        "INSERT INTO statements (article_id, seq, kind, speaker, person_id, asked_by, topic, verb, text, "
        "start_offset, end_offset, speaker_start, speaker_end, topic_start, topic_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, i, s.get("kind") or "said", s.get("speaker"), pid_of.get(s.get("speaker") or ""),
          s.get("asked_by"), s.get("topic"), s.get("verb"), s.get("text") or "", s.get("start"), s.get("end"),
          s.get("speaker_start"), s.get("speaker_end"), s.get("topic_start"), s.get("topic_end"))
         for i, s in enumerate(art.get("statements") or [])],
    )
    store.executemany(
        "INSERT INTO figures (article_id, text, value, unit, indicator, period, qualifier, change, comparison, "
        "period_from, period_to, start_offset, end_offset, indicator_start, indicator_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, f.get("text") or "", _number(f.get("value")), f.get("unit"), f.get("indicator"), f.get("period"),
          f.get("qualifier"), f.get("change"), f.get("comparison"),
          (f.get("period_range") or {}).get("from"), (f.get("period_range") or {}).get("to"),
          f.get("start"), f.get("end"), f.get("indicator_start"), f.get("indicator_end"))
         for f in art.get("figures") or []],
    )
    lists, items = [], []
    for i, lst in enumerate(art.get("lists") or []):
        lists.append((aid, i, lst.get("statement"), lst.get("start", 0), lst.get("end", 0)))
        items += [(aid, i, j, it.get("marker"), it.get("text") or "", it.get("start"), it.get("end"))
                  for j, it in enumerate(lst.get("items") or [])]
    store.executemany("INSERT INTO lists (article_id, seq, statement_seq, start_offset, end_offset) "
                      "VALUES (?, ?, ?, ?, ?)", lists)
    store.executemany("INSERT INTO list_items (article_id, list_seq, seq, marker, text, start_offset, end_offset) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)", items)
    return aid


def _located(text: str, item: str | None, start: Any, end: Any) -> bool:
    """The provenance invariant, checked before a row claims offsets."""
    return bool(item) and isinstance(start, int) and isinstance(end, int) and text[start:end] == item


def _number(v: Any) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def record_error(store: Store, source: str, error: str) -> None:
    store.execute("DELETE FROM ingest_errors WHERE source = ?", [source])
    store.execute("INSERT INTO ingest_errors (source, error, at) VALUES (?, ?, ?)", [source, error, now_iso()])
