"""The JSON API (OpenAPI docs at /api/docs). The HTML pages call the same
functions in queries.py, so both always show the same data."""

from __future__ import annotations

import json
import re
import threading
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request

from ..errors import ZhnewsError
from ..numfmt import format_figure
from ..read import scrub_surrogates
from ..store.writer import page_dict
from . import onthefly, queries

router = APIRouter(prefix="/api", tags=["api"])

# Search terms longer than this are not a query someone typed.
MAX_QUERY_CHARS = 200
MAX_PAGE_SIZE = 100
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]


def store_of(request: Request):
    return request.app.state.stores.get()


def clean_date(value: str | None, field: str) -> str | None:
    """'' (an empty form field) → None; anything else must be YYYY-MM-DD."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise HTTPException(400, f"{field} must be a date like 2025-03-07, not {value!r}")
    return value


def blank(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else value


@router.get("/stats", summary="What the base holds: counts, date range, outlets")
def stats(request: Request):
    out = queries.overview(store_of(request))
    out["ingest_enabled"] = request.app.state.ingest_enabled
    return out


@router.get("/search", summary="Full-text search (all terms required) with filters; snippets around the first hit. "
                                "`count_exact` says whether `total` is exact or an estimate "
                                "(past store.search.MAX_RANKED = 5,000 matches); "
                                "`ranking` is bm25, date, or newest-ingested (too many matches to rank; "
                                "exact=true ranks and counts every match)")
def search(request: Request, q: Text = "", date_from: Text = None, date_to: Text = None, outlet: Text = None,
           person: Text = None, org: Text = None,
           order: Annotated[str, Query(pattern="^(rank|date)$")] = "rank",
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
           offset: Annotated[int, Query(ge=0, le=100000)] = 0, exact: bool = False):
    return queries.search(store_of(request), q or "", clean_date(date_from, "date_from"),
                          clean_date(date_to, "date_to"), blank(outlet), blank(person), blank(org),
                          limit=limit, offset=offset, order=order, exact=exact)


@router.get("/articles/{article_id}", summary="One article: text, byline, every fact with offsets, and `items` "
                                              "(what the article view highlights)")
def article(request: Request, article_id: int):
    art = queries.article_record(store_of(request), article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return queries.article_view(art)


@router.get("/pages/{page_id}", summary="A newspaper page as ingested and its articles")
def page(request: Request, page_id: int):
    out = queries.page_articles(store_of(request), page_id)
    if out is None:
        raise HTTPException(404, f"no page {page_id}")
    return out


@router.get("/people", summary="People (consolidated records) by name substring, most mentioned first; "
                                "plus speakers without a person record")
def people(request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=500)] = 200):
    store = store_of(request)
    return {"people": queries.people_index(store, blank(q), limit),
            "unlinked_speakers": queries.unlinked_speakers(store, blank(q), limit)}


@router.get("/people/{person_id}", summary="A person: titles over time, articles, statements, co-mentions")
def person(request: Request, person_id: int):
    out = queries.person(store_of(request), person_id)
    if out is None:
        raise HTTPException(404, f"no person {person_id}")
    return out


@router.get("/speakers", summary="Every statement by a speaker's name (with or without a person record)")
def speaker(request: Request, name: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)]):
    return queries.speaker(store_of(request), name.strip())


@router.get("/organizations", summary="Organizations by name or alias substring")
def organizations(request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=500)] = 200):
    return {"organizations": queries.orgs_index(store_of(request), blank(q), limit)}


@router.get("/organizations/{organization_id}", summary="An organization: aliases, articles, people, questions asked")
def organization(request: Request, organization_id: int):
    out = queries.organization(store_of(request), organization_id)
    if out is None:
        raise HTTPException(404, f"no organization {organization_id}")
    return out


@router.get("/figures", summary="Figures filtered by indicator/unit/period/dates/outlet, with a chart series "
                                 "(one unit)")
def figures(request: Request, indicator: Text = None, unit: Text = None, period: Text = None,
            date_from: Text = None, date_to: Text = None, outlet: Text = None, exact: bool = False,
            sort: Annotated[str, Query(pattern="^-?(date|value)$")] = "date",
            limit: Annotated[int, Query(ge=1, le=queries.FIGURE_LIMIT)] = 500):
    rows = queries.figures(store_of(request), blank(indicator), blank(unit), blank(period),
                           clean_date(date_from, "date_from"), clean_date(date_to, "date_to"), blank(outlet),
                           exact=exact, sort=sort, limit=limit)
    series = queries.chart_series(rows, blank(unit))
    for r in rows:  # `value` stays exact; `display` is how the page shows it (14,298亿斤)
        r["display"] = format_figure(r.get("value"), r.get("unit") or "", qualifier=r.get("qualifier"))
    return {"figures": rows, "series": {"unit": series["unit"], "other_units": series["other_units"],
                                        "points": [{k: p[k] for k in ("date", "value", "figure_id", "article_id")}
                                                   for p in series["points"]]}}


@router.get("/indicators", summary="Indicator × unit pairs with counts and date ranges")
def indicators(request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100):
    store = store_of(request)
    return {"indicators": queries.indicators(store, blank(q), limit), "units": queries.units(store)}


# -- pages from outside the base ----------------------------------------------------------------
async def read_page_input(request: Request) -> tuple[bytes, str | None, str | None, str | None, dict]:
    """The page from a request: JSON {text, name?, date?, outlet?}, a
    multipart form (file or text), or a raw text/plain body."""
    from .limits import MAX_PAGE_BYTES

    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    extra: dict = {}
    if ctype == "application/json":
        try:
            obj = scrub_surrogates(json.loads(await request.body()))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise HTTPException(400, "body is not JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise HTTPException(400, 'JSON body must be an object with "text" (the page)')
        data = obj["text"].encode("utf-8")
        name, date, outlet = obj.get("name"), obj.get("date"), obj.get("outlet")
    elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_PAGE_BYTES)
        upload = form.get("file")
        data, name = b"", None
        if upload is not None and not isinstance(upload, str):
            data = await upload.read(MAX_PAGE_BYTES + 1)
            name = upload.filename
        if not data.strip():
            text = form.get("text")
            data = scrub_surrogates(text).encode("utf-8") if isinstance(text, str) else b""
        date, outlet = form.get("date"), form.get("outlet")
        extra = {k: v for k, v in form.items() if isinstance(v, str) and k in ("store", "token")}
    elif ctype in ("text/plain", "", "application/octet-stream"):
        data = await request.body()
        name = request.query_params.get("name")
        date, outlet = request.query_params.get("date"), request.query_params.get("outlet")
    else:
        raise HTTPException(415, f"send the page as text/plain, JSON or a form, not {ctype}")
    if len(data) > MAX_PAGE_BYTES:
        raise HTTPException(413, f"the page is over {MAX_PAGE_BYTES // (1024 * 1024)} MB; a newspaper page is "
                                 "far smaller — split it")
    date = clean_date(date if isinstance(date, str) else None, "date")
    outlet = outlet.strip()[:50] or None if isinstance(outlet, str) else None
    return data, name if isinstance(name, str) else None, date, outlet, extra


# Pages extracted at once by one server. Extraction is CPU-bound Python (one
# core whatever the threads) and a 2 MB page holds ~200 MB while it runs, so
# more at once only adds memory and makes every request slower (issue 19:
# three 2 MB posts in parallel, 81 s and 1.45 GB).
EXTRACT_SLOTS = 2
# How long a request waits for a slot before it is told to come back: about
# the time of the largest page allowed (2 MB, a few seconds).
EXTRACT_WAIT_S = 10
_extract_slots = threading.BoundedSemaphore(EXTRACT_SLOTS)


def extract_page(data: bytes, name, date, outlet):
    """In a worker thread: at most EXTRACT_SLOTS at once, 503 when busy."""
    if not _extract_slots.acquire(timeout=EXTRACT_WAIT_S):
        raise HTTPException(503, "the server is extracting other pages; try again in a few seconds",
                            headers={"Retry-After": str(EXTRACT_WAIT_S)})
    try:
        return onthefly.extract_bytes(data, name=name, date=date, outlet=outlet)
    except ZhnewsError as e:
        raise HTTPException(422, str(e)) from None
    finally:
        _extract_slots.release()


def page_views(page) -> dict:
    d = page.to_dict()
    return {"page": {k: v for k, v in d.items() if k != "articles"},
            "articles": [queries.article_view(a) for a in d["articles"]]}


@router.post("/extract", summary="Extract a page in the request and return it with highlight items; "
                                 "nothing is stored")
async def extract(request: Request):
    from starlette.concurrency import run_in_threadpool

    data, name, date, outlet, _ = await read_page_input(request)
    page = await run_in_threadpool(extract_page, data, name, date, outlet)
    return page_views(page)


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


@router.post("/ingest", summary="Extract a page and store it (only when the server was started with a token; "
                                "send it as `Authorization: Bearer TOKEN`)")
async def ingest(request: Request, authorization: Annotated[str | None, Header()] = None):
    from starlette.concurrency import run_in_threadpool

    from .limits import check_token

    if not request.app.state.ingest_enabled:
        raise HTTPException(403, "this server is read-only: start it with --token to allow ingest")
    if not check_token(request.app, bearer(authorization)):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})
    data, name, date, outlet, _ = await read_page_input(request)
    page = await run_in_threadpool(extract_page, data, name, date, outlet)
    stored = await run_in_threadpool(onthefly.store_page, request.app.state.db, data, page_dict(page), name,
                                     request.app.state.stores.write_lock)
    return stored
