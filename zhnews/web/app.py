"""The web app: `create_app(db)` → a FastAPI app serving pages and a JSON API
over one knowledge base.

Safety is structural rather than checked route by route:
- the base is fixed when the app is made; nothing in a request names a file
  (static files and templates are read into memory at import);
- connections are opened read-only; the one writing path (POST /api/ingest)
  exists only when the app was started with a token and read_only=False;
- every request body is counted as it arrives and cut off past a limit;
- every SQL statement is parameterized (queries.py, zhnews.store.search).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..numfmt import format_figure
from ..store import StoreError, open_store
from .limits import MAX_PAGE_BYTES, check_token  # noqa: F401  (check_token: re-exported)

HERE = Path(__file__).resolve().parent
log = logging.getLogger("zhnews.web")
# The whole request may carry the page plus form fields and multipart framing.
MAX_BODY_BYTES = MAX_PAGE_BYTES + 64 * 1024
# A shorter shared secret can be guessed; tokens are compared in constant time.
MIN_TOKEN_CHARS = 16

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml"}
# Read once: a request path is looked up in this dict, never on disk.
STATIC_FILES = {p.name: (p.read_bytes(), STATIC_TYPES[p.suffix]) for p in sorted((HERE / "static").iterdir())
                if p.suffix in STATIC_TYPES}

SECURITY_HEADERS = {
    # Only our own scripts/styles; SVG charts and data blocks are inline markup, not script.
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class BodyTooLarge(Exception):
    pass


class SecurityHeaders:
    """ASGI middleware: SECURITY_HEADERS on every response this app sends,
    whatever answered (a route, an error handler, LimitBody's 413)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers") or []}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in have]
                message = dict(message, headers=list(message.get("headers") or []) + extra)
            await send(message)

        await self.app(scope, receive, with_headers)


class LimitBody:
    """ASGI middleware: refuse bodies over `limit` bytes, by Content-Length
    when given and by counting the chunks as they arrive otherwise."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    return await _too_large(self.limit, send)
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body") or b"")
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(self.limit, send)


async def _too_large(limit: int, send) -> None:
    body = json.dumps({"detail": f"request body too large (limit {limit // 1024} KB)"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class Stores:
    """One read-only connection per worker thread (SQLite connections are
    not shared across threads mid-query), and one lock for the writer."""

    def __init__(self, db: str):
        self.db = db
        self._local = threading.local()
        self._all: list = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def get(self):
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, readonly=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                try:
                    s.close()
                except Exception:
                    pass
            self._all.clear()


def make_templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    env.filters["figure"] = lambda f: format_figure(f.get("value"), f.get("unit") or "", f.get("value_max"),
                                                    f.get("qualifier"))
    return env


def create_app(db: str, token: str | None = None, read_only: bool = True) -> FastAPI:
    """The app over the base at `db` (a SQLite path or a PostgreSQL DSN).

    Ingest over HTTP exists only with a token and read_only=False; a token
    with read_only=True is a contradiction and refused."""
    if token is not None:
        if read_only:
            raise ValueError("a token enables ingest over HTTP; pass read_only=False with it")
        if len(token) < MIN_TOKEN_CHARS:
            raise ValueError(f"the token must be at least {MIN_TOKEN_CHARS} characters "
                             "(e.g. python -c 'import secrets; print(secrets.token_urlsafe())')")
    # Fail now, with the store's message, rather than on the first request;
    # a SQLite base is read through once, so damage past its first page is
    # found here and not as 500s later.
    first = open_store(db, readonly=True)
    try:
        if first.backend == "sqlite":
            from ..store.sqlite import check_integrity

            check_integrity(first)
    finally:
        first.close()

    from . import api, pages

    stores = Stores(db)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        stores.close()

    app = FastAPI(lifespan=lifespan, title="zhnews", version=__version__,
                  description="Chinese newspaper articles and their facts (people, titles, organizations, "
                              "statements, figures), every fact with offsets into its article's text.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.db = db
    app.state.token = token
    app.state.read_only = read_only
    app.state.ingest_enabled = token is not None and not read_only
    app.state.stores = stores
    app.state.templates = make_templates()

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_error(request: Request, exc: sqlite3.DatabaseError):
        # A base damaged after start-up (or by another program): say so, not 500.
        return _error(request, 503, f"the knowledge base cannot be read ({exc}); it may be corrupt — "
                                    "check it with `sqlite3 DB 'PRAGMA integrity_check'`")

    @app.exception_handler(OverflowError)
    async def id_out_of_range(request: Request, exc: OverflowError):
        # Only an id past 64 bits in a path reaches SQL unbounded: no such row.
        return _error(request, 404, "no such item (the id is out of range)")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # Answered by Starlette's outermost middleware, outside SecurityHeaders:
        # the headers are set here.
        log.exception("internal error on %s", request.url.path)
        response = _error(request, 500, "internal error")
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(request, 503, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        msg = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', [])[1:])}: {e.get('msg')}" for e in exc.errors())
        return _error(request, 422, msg or "invalid request")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        found = STATIC_FILES.get(name)
        if found is None:
            return _error(None, 404, "no such file")
        body, ctype = found
        return Response(body, media_type=ctype, headers={"cache-control": "public, max-age=3600"})

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        # Swagger UI and ReDoc load from a CDN; this page is drawn from the
        # same OpenAPI document on the server and works with no network.
        env = request.app.state.templates
        return HTMLResponse(env.get_template("docs.html").render(
            request=request, spec=app.openapi(), ingest_enabled=app.state.ingest_enabled, title="API"))

    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(LimitBody, limit=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)  # outermost: the 413 of LimitBody gets them too
    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict]:
    return [{"loc": list(e.get("loc", [])), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]


def _error(request: Request | None, status: int, message: str, headers: dict | None = None):
    if request is None or request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    env = request.app.state.templates
    html = env.get_template("error.html").render(status=status, message=message, request=request,
                                                 ingest_enabled=request.app.state.ingest_enabled)
    return HTMLResponse(html, status_code=status, headers=headers)
