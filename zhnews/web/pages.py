"""Server-rendered HTML pages. Each page calls the same query functions as
the JSON API (queries.py) and renders a Jinja2 template (autoescaped)."""

from __future__ import annotations

from html import escape
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from ..store.tokenize import normalize, query_strings
from ..store.writer import page_dict
from . import api, chart, highlight, queries, region
from .api import MAX_QUERY_CHARS, Text, blank, clean_date, store_of

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20

# Labels of the item types, in the order of the toggles.
TYPE_LABELS = {
    "person": "人物 person", "title": "职务 title", "org": "机构 organization", "place": "地名 place",
    "statement": "言论 statement", "topic": "提问 question", "figure": "数据 figure",
    "indicator": "指标 indicator", "list": "列举 list item",
}


def render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(name).render(request=request, ingest_enabled=request.app.state.ingest_enabled,
                                         type_labels=TYPE_LABELS, **ctx)
    return HTMLResponse(html, status_code=status)


def snippet_html(snippet: str, q: str) -> Markup:
    """The snippet with each query run marked (case/width-insensitively)."""
    runs = sorted({r for r in query_strings(q or "") if r}, key=len, reverse=True)
    # Per character, so that "…" (NFKC: "...") cannot shift the offsets.
    low = "".join(n if len(n := normalize(ch)) == 1 else ch for ch in snippet)
    if not runs:
        return Markup(escape(snippet))
    marks: list[tuple[int, int]] = []
    for r in runs:
        i = low.find(r)
        while i >= 0:
            if not any(a < i + len(r) and i < b for a, b in marks):
                marks.append((i, i + len(r)))
            i = low.find(r, i + len(r))
    out, pos = [], 0
    for a, b in sorted(marks):
        out.append(escape(snippet[pos:a]))
        out.append(f'<mark class="hit">{escape(snippet[a:b])}</mark>')
        pos = b
    out.append(escape(snippet[pos:]))
    return Markup("".join(out))


def article_body(view: dict) -> Markup:
    spans = [highlight.Span(it["id"], it["type"], it["start"], it["end"], it.get("kind")) for it in view["items"]]
    return Markup(highlight.render(view["text"], spans, view.get("paragraphs")))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: Text = "", date_from: Text = None, date_to: Text = None, outlet: Text = None,
         person: Text = None, org: Text = None,
         order: Annotated[str, Query(pattern="^(rank|date)$")] = "rank",
         page: Annotated[int, Query(ge=1, le=5000)] = 1):
    store = store_of(request)
    filters = {"date_from": clean_date(date_from, "date_from"), "date_to": clean_date(date_to, "date_to"),
               "outlet": blank(outlet), "person": blank(person), "org": blank(org)}
    searched = bool((q or "").strip()) or any(filters.values())
    result = prev_url = next_url = None
    if searched:
        result = queries.search(store, q or "", **filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                order=order)
        for r in result["results"]:
            r["snippet_html"] = snippet_html(r["snippet"], q or "")
        params = dict(request.query_params)
        if page > 1:
            prev_url = "/?" + urlencode({**params, "page": page - 1})
        # An estimated total may overshoot: a short page is the last one.
        if result["total"] > page * PAGE_SIZE and len(result["results"]) == PAGE_SIZE:
            next_url = "/?" + urlencode({**params, "page": page + 1})
    return render(request, "search.html", q=q or "", filters=filters, order=order, page=page, result=result,
                  prev_url=prev_url, next_url=next_url,
                  overview=queries.overview(store), page_size=PAGE_SIZE, title="搜索 Search")


@router.get("/search", include_in_schema=False)
def search_alias(request: Request) -> RedirectResponse:
    """Search lives on the home page; /search?q=… is what people type and bookmark."""
    query = request.url.query
    return RedirectResponse("/" + ("?" + query if query else ""), status_code=308)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: int):
    art = queries.article_record(store_of(request), article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    view = queries.article_view(art)
    return render(request, "article.html", views=[view], bodies=[article_body(view)], title=art["headline"],
                  stored=True)


@router.get("/articles/{article_id}/region.webp")
def article_region(request: Request, article_id: int, page: Annotated[int | None, Query(ge=1, le=10000)] = None):
    """The part of the scanned page the article was read from (web/region.py);
    404 when the base keeps no image of it (text, HTML, a text-layer PDF)."""
    found = queries.page_image(store_of(request), article_id, page)
    if found is None:
        raise HTTPException(404, f"no page image for article {article_id}")
    image, regions = found
    try:
        body = region.render(image, regions)
    except (ValueError, OSError) as e:  # a damaged stored image or region: say so, not 500
        raise HTTPException(404, f"the page image of article {article_id} cannot be cut: {e}") from None
    return Response(body, media_type="image/webp", headers={"cache-control": "private, max-age=3600"})


@router.get("/pages/{page_id}", response_class=HTMLResponse)
def page(request: Request, page_id: int):
    p = queries.page_articles(store_of(request), page_id)
    if p is None:
        raise HTTPException(404, f"no page {page_id}")
    return render(request, "page.html", p=p, title=p["source"])


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, q: Text = None):
    store = store_of(request)
    return render(request, "people.html", q=q or "", people=queries.people_index(store, blank(q)),
                  speakers=queries.unlinked_speakers(store, blank(q)), title="人物 People")


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person(request: Request, person_id: int):
    p = queries.person(store_of(request), person_id)
    if p is None:
        raise HTTPException(404, f"no person {person_id}")
    counts, per = p["appearances"]["counts"], p["appearances"]["per"]
    bars = chart.bars_svg(counts, per) + chart.bars_svg(counts, per, narrow=True)  # (CSS shows one)
    return render(request, "person.html", p=p, timeline=title_timeline(p["titles"]),
                  appearances=Markup(bars) if bars else None, title=p["name"])


@router.get("/speakers", response_class=HTMLResponse)
def speaker(request: Request, name: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)]):
    s = queries.speaker(store_of(request), name.strip())
    return render(request, "speaker.html", s=s, title=s["name"])


@router.get("/organizations", response_class=HTMLResponse)
def organizations(request: Request, q: Text = None):
    return render(request, "orgs.html", q=q or "", orgs=queries.orgs_index(store_of(request), blank(q)),
                  title="机构 Organizations")


@router.get("/organizations/{organization_id}", response_class=HTMLResponse)
def organization(request: Request, organization_id: int):
    o = queries.organization(store_of(request), organization_id)
    if o is None:
        raise HTTPException(404, f"no organization {organization_id}")
    return render(request, "org.html", o=o, title=o["name"])


@router.get("/figures", response_class=HTMLResponse)
def figures(request: Request, indicator: Text = None, unit: Text = None, period: Text = None,
            date_from: Text = None, date_to: Text = None, outlet: Text = None, exact: bool = False,
            sort: Annotated[str, Query(pattern="^-?(date|value)$")] = "date"):
    store = store_of(request)
    f = {"indicator": blank(indicator), "unit": blank(unit), "period": blank(period),
         "date_from": clean_date(date_from, "date_from"), "date_to": clean_date(date_to, "date_to"),
         "outlet": blank(outlet)}
    rows = queries.figures(store, **f, exact=exact, sort=sort, limit=queries.FIGURE_LIMIT)
    series = queries.chart_series(rows, f["unit"])
    title = " · ".join(x for x in (f["indicator"], series["unit"]) if x)
    svg = (Markup(chart.svg(series["points"], series["unit"] or "", title)
                  + chart.svg(series["points"], series["unit"] or "", title, narrow=True))  # (CSS shows one)
           if series["points"] else None)
    return render(request, "figures.html", f=f, exact=exact, sort=sort, rows=rows, series=series, svg=svg,
                  indicators=queries.indicators(store, f["indicator"], limit=40), units=queries.units(store),
                  outlets=queries.overview(store)["outlets"], limit=queries.FIGURE_LIMIT, title="数据 Figures")


@router.get("/extract", response_class=HTMLResponse)
def extract_form(request: Request):
    return render(request, "extract.html", result=None, title="抽取 Try a page")


@router.post("/extract", response_class=HTMLResponse)
async def extract_post(request: Request):
    from starlette.concurrency import run_in_threadpool

    from .limits import check_token
    from .onthefly import store_page

    try:
        data, name, date, outlet, extra = await api.read_page_input(request)
        page = await run_in_threadpool(api.extract_page, data, name, date, outlet)
    except HTTPException as e:
        return render(request, "extract.html", status=e.status_code, result=None, error=e.detail,
                      title="抽取 Try a page")
    views = api.page_views(page)
    stored = None
    error = None
    if extra.get("store"):
        if not request.app.state.ingest_enabled:
            error = "this server is read-only; nothing was stored"
        elif not check_token(request.app, extra.get("token")):
            error = "wrong token; nothing was stored"
        else:
            stored = await run_in_threadpool(store_page, request.app.state.db, data, page_dict(page), name,
                                             request.app.state.stores.write_lock)
    bodies = [article_body(v) for v in views["articles"]]
    return render(request, "extract.html", result=views, views=views["articles"], bodies=bodies, stored=stored,
                  error=error, title="抽取 Try a page")


def title_timeline(titles: list[dict]) -> Markup | None:
    """Titles as bars from first to last date seen: positions over time. Both
    layouts are sent; the style sheet shows the stacked one on narrow screens."""
    rows = [t for t in titles if t.get("first_date")]
    if not rows:
        return None
    return Markup(chart.timeline_svg(rows) + chart.timeline_svg(rows, stacked=True))
