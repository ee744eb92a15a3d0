"""The Starlette application: SPARQL 1.1 Protocol at ``/query``, prepared queries as REST, VoID,
and the browser pages. Every error, on every route, is one JSON shape::

    {"error": {"status": 400, "title": "Bad Request", "detail": "…"}}

Queries run in :class:`~.workers.WorkerPool` processes, so a slow one is stopped (504) without
taking the server down.
"""

from __future__ import annotations

import asyncio
import gzip
import html
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..iris import DEFAULT_BASE_IRI
from ..query import Catalog
from . import conneg, pages
from .protocol import FORM, QUERY, UPDATE, media_type
from .results import TITLES, Answer, Failure, Format, NotAcceptable, negotiate_request
from .workers import WorkerLimits, WorkerPool

__all__ = ["SECURITY_HEADERS", "ServerConfig", "TRUNCATED_HEADER", "create_app", "error_response", "wants_html"]

log = logging.getLogger("kgbuild.server")

#: Set on a response whose rows (or triples) were cut at ``--max-rows``; its value says where.
TRUNCATED_HEADER = "X-Result-Truncated"
MAX_BODY = 1 << 20  # a query text (or form body) larger than 1 MiB is refused
_STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                 ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".json": "application/json"}
#: a static file's name: a plain file name, or one in the vendor/ folder (ui/vendor.sh)
_STATIC_NAME = re.compile(r"(vendor/)?[A-Za-z0-9_-][A-Za-z0-9._-]*")

DEFAULT_QUERY = """# The server predeclares the standard prefixes (eo:, rdfs:, skos:, schema:, prov:, ...);
# the default graph holds every fact once; GRAPH ?g reaches the article graphs.
PREFIX eo: <https://w3id.org/kgbuild/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?mission ?organizer ?country ?date WHERE {
  ?mission a eo:ObservationMission ;
           eo:organizer/rdfs:label ?organizer ;
           eo:observes ?e .
  ?e eo:electionCountry/rdfs:label ?country .
  OPTIONAL { ?e eo:electionDate ?date }
}
ORDER BY ?country ?date
LIMIT 100
"""


@dataclass(frozen=True)
class ServerConfig:
    """What ``kgbuild serve`` was asked for."""

    store: str
    base_iri: str = DEFAULT_BASE_IRI
    timeout: float = 10.0
    max_rows: int = 10_000
    allow_service: bool = False
    cors: tuple[str, ...] = ()
    workers: int = 2
    #: MiB of data each query worker may use (0: no cap); a query past it gets 503
    worker_memory: int = 2048
    #: seconds a client has to send a request's headers, and then its body (408 and closed)
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    #: seconds an idle keep-alive connection stays open
    keep_alive: float = 5.0
    #: open connections at most, in all and from one address (more are answered 503 and closed)
    max_connections: int = 256
    max_connections_per_client: int = 32
    #: addresses or networks of reverse proxies whose ``X-Forwarded-For`` names the client (none:
    #: every request counts as its peer's address, whatever its headers say)
    trusted_proxies: tuple[str, ...] = ()


class ApiError(Exception):
    def __init__(self, status: int, title: str, detail: str, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.headers, self.extra = headers or {}, extra or {}


def error_response(status: int, detail: str, *, title: str | None = None, headers: dict[str, str] | None = None,
                   extra: dict[str, Any] | None = None) -> JSONResponse:
    """The one error shape of every route."""
    body = {"status": status, "title": title or TITLES.get(status, "Error"), "detail": detail, **(extra or {})}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _answer(out: Any) -> Any:
    if isinstance(out, Failure):
        headers = {"Retry-After": "5"} if out.status in (429, 503) else None
        raise ApiError(out.status, out.title, out.detail, headers=headers, extra=out.extra)
    return out


def _result_response(answer: Answer, cfg: ServerConfig) -> Response:
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers[TRUNCATED_HEADER] = f"max-rows={cfg.max_rows}"
    return Response(answer.body, media_type=answer.media_type, headers=headers)


def _pool(request: Request) -> WorkerPool:
    pool: WorkerPool = request.app.state.pool
    return pool


def _cfg(request: Request) -> ServerConfig:
    config: ServerConfig = request.app.state.config
    return config


# --- SPARQL 1.1 Protocol -------------------------------------------------------------------------
async def sparql_endpoint(request: Request) -> Response:
    """``/query``: the request goes to a worker as received (:func:`.jobs.run_sparql` reads it).

    Here only the method, the media type and the size are checked, in time independent of the
    request's length; reading the parameters and the query happens in the worker.
    """
    ctype, _ = media_type(request.headers.get("content-type", ""))
    body = b""
    if request.method == "POST":
        if ctype == UPDATE:
            raise ApiError(403, "Forbidden", "SPARQL updates are refused: this endpoint is read-only")
        if ctype not in (FORM, QUERY):
            raise ApiError(415, "Unsupported Media Type", f"POST body of type {ctype or '(none)'!r} is not a query; "
                           "send application/x-www-form-urlencoded (query=...) or application/sparql-query")
        body = await _body(request)
    cfg = _cfg(request)
    job = ("sparql", {
        "method": request.method, "query_string": request.scope.get("query_string", b""),
        "content_type": request.headers.get("content-type", ""), "body": body,
        "accept": request.headers.get("accept"), "max_rows": cfg.max_rows, "allow_service": cfg.allow_service,
        "base_iri": str(request.url.replace(query="", fragment="")),
    })
    out = _answer(await _pool(request).run(job, client=_client(request)))
    return _result_response(out, cfg)


async def _body(request: Request) -> bytes:
    """The request body: 413 past :data:`MAX_BODY`, 408 when it does not arrive within ``body_timeout``."""
    chunks, size = [], 0

    async def read() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise ApiError(413, "Content Too Large", f"the request body is larger than {MAX_BODY} bytes",
                               headers={"Connection": "close"})
            chunks.append(chunk)

    limit = _cfg(request).body_timeout
    try:
        await asyncio.wait_for(read(), timeout=limit)
    except TimeoutError:
        raise ApiError(408, "Request Timeout", f"the request body did not arrive within {limit:g} s",
                       headers={"Connection": "close"}) from None
    except ClientDisconnect:
        raise ApiError(400, "Bad Request", "the client closed the connection before sending its body") from None
    return b"".join(chunks)


def _client(request: Request) -> str:
    """Who sends the request, for the worker pool's fair share: the peer's address (behind a
    ``--trusted-proxy``, the client its ``X-Forwarded-For`` names)."""
    return request.client.host if request.client else ""


def _negotiate(form: str, request: Request, formats: list[str]) -> Format:
    """The format from the first usable ``format=`` value (a name, or media types as in Accept), else Accept."""
    try:
        return negotiate_request(form, request.headers.get("accept"), formats)
    except NotAcceptable as e:
        raise ApiError(406, "Not Acceptable", str(e)) from None


# --- prepared queries ----------------------------------------------------------------------------
def _catalog_json(catalog: Catalog) -> list[dict[str, Any]]:
    return [{**q.describe(), "href": f"/queries/{q.name}", "text": q.text} for q in catalog.values()]


async def list_queries(request: Request) -> Response:
    return JSONResponse(_catalog_json(request.app.state.catalog))


async def run_prepared(request: Request) -> Response:
    name = request.path_params["name"]
    catalog: Catalog = request.app.state.catalog
    if name not in catalog:
        raise ApiError(404, "Not Found", f"no prepared query {name!r}; known: {', '.join(catalog)}")
    pq = catalog[name]
    values: dict[str, str] = {}
    fmt_params = []
    for k, v in request.query_params.multi_items():
        if k == "format":
            fmt_params.append(v)
        elif k in values:
            raise ApiError(400, "Bad Request", f"parameter {k!r} is given more than once", extra={"parameter": k})
        else:
            values[k] = v
    fmt = _negotiate(pq.form, request, fmt_params)
    cfg = _cfg(request)
    job = ("prepared", {"name": name, "params": values, "format": fmt.name, "max_rows": cfg.max_rows})
    return _result_response(_answer(await _pool(request).run(job, client=_client(request))), cfg)


# --- VoID and pages ------------------------------------------------------------------------------
async def void(request: Request) -> Response:
    endpoint = str(request.url_for("sparql_endpoint"))
    body = _answer(await _pool(request).run(("void", {"endpoint": endpoint}), client=_client(request)))
    return Response(body, media_type="text/turtle; charset=utf-8")


async def query_page(request: Request) -> Response:
    """``/editor``: the SPARQL editor with the prepared queries beside it."""
    from ..vocab import QUERY_PREFIXES

    editor = request.app.state.static.has("yasgui.min.js")
    html = pages.query_page(_catalog_json(request.app.state.catalog), default_query=DEFAULT_QUERY, editor=editor,
                            prefixes=dict(QUERY_PREFIXES), base=_cfg(request).base_iri)
    return HTMLResponse(html)


async def home_page(request: Request) -> Response:
    """``/``: counts, the latest missions, the world map and the timeline."""
    data = _answer(await _pool(request).run(("overview", {}), client=_client(request)))
    return HTMLResponse(pages.home_page(data))


_FILTERS = ("country", "organizer", "year", "type", "q")


async def missions_page(request: Request) -> Response:
    """``/missions``: filters (``country``, ``organizer``, ``year``, ``type``), search (``q``), ``page``."""
    raw = request.query_params.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, "Bad Request", f"parameter 'page' = {raw!r} is not a page number (1, 2, ...)",
                       extra={"parameter": "page"})
    job: dict[str, Any] = {k: request.query_params.get(k) or None for k in _FILTERS}
    job["page"] = int(raw)
    data = _answer(await _pool(request).run(("filter", job), client=_client(request)))
    return HTMLResponse(pages.missions_page(data))


#: the kinds of resource whose HTML is an exploring page (:mod:`.explore`), by path segment
PAGE_KINDS = {"country": pages.country_page, "organization": pages.organization_page,
              "election": pages.election_page, "article": pages.article_page}


async def _node_data(request: Request, kind: str, key: str | None = None) -> Any:
    key = key if key is not None else request.path_params["key"]
    try:
        return _answer(await _pool(request).run((kind, {"key": key}), client=_client(request)))
    except ApiError as e:
        if e.status == 400 and e.extra.get("parameter") == kind:
            raise ApiError(404, "Not Found", e.detail) from None
        raise


async def country_page(request: Request) -> Response:
    """``/country/{code}``: a country's page."""
    return HTMLResponse(pages.country_page(await _node_data(request, "country")))


async def organization_page(request: Request) -> Response:
    """``/organization/{key}``: an organization's page."""
    return HTMLResponse(pages.organization_page(await _node_data(request, "organization")))


async def election_page(request: Request) -> Response:
    """``/election/{cc}/{type}/{day}``: an election's page."""
    return HTMLResponse(pages.election_page(await _node_data(request, "election")))


async def article_page(request: Request) -> Response:
    """``/article/{key}``: an article's page, its facts marked in its sentences."""
    return HTMLResponse(pages.article_page(await _node_data(request, "article")))


async def _mission(request: Request, key: str | None = None) -> dict[str, Any]:
    key = key if key is not None else request.path_params["key"]
    try:
        data: dict[str, Any] = _answer(await _pool(request).run(("mission", {"key": key}), client=_client(request)))
        return data
    except ApiError as e:
        if e.status == 400 and e.extra.get("parameter") == "mission":
            raise ApiError(404, "Not Found", e.detail) from None
        raise


async def mission_page(request: Request) -> Response:
    return HTMLResponse(pages.mission_page(await _mission(request)))


async def resource(request: Request) -> Response:
    """The path of a resource IRI: its page for browsers, its description for RDF clients (:mod:`.conneg`)."""
    cfg, path = _cfg(request), request.url.path
    iri = conneg.resource_iri(cfg.base_iri, path)
    if iri is None:
        raise ApiError(404, "Not Found", f"{path} is not the path of a resource IRI under {cfg.base_iri}")
    fmt = conneg.choose(request.headers.get("accept"), request.query_params.get("format"))
    if fmt is None:
        offered = ", ".join(media for media, _ in conneg.FORMATS.values())
        raise ApiError(406, "Not Acceptable", f"none of the accepted types is offered; offered: {offered}")
    headers = {"Vary": "Accept", "Link": conneg.link_header(path, fmt)}
    mission = cfg.base_iri + "mission/"
    if fmt == "html" and iri.startswith(mission) and "/" not in iri[len(mission):]:
        page = pages.mission_page(await _mission(request, iri[len(mission):]))
        return HTMLResponse(page.replace("</head>", _alternate_links(path) + "</head>", 1), headers=headers)
    kind, _, key = iri[len(cfg.base_iri):].partition("/")
    # an election's key has three segments (election/{cc}/{type}/{day}), the others one
    if fmt == "html" and kind in PAGE_KINDS and key and key.count("/") == (2 if kind == "election" else 0):
        page = PAGE_KINDS[kind](await _node_data(request, kind, key))
        return HTMLResponse(page.replace("</head>", _alternate_links(path) + "</head>", 1), headers=headers)
    out = _answer(await _pool(request).run(("describe", {"iri": iri, "format": fmt}), client=_client(request)))
    if fmt == "html":
        local = partial(conneg.local_path, cfg.base_iri)
        return HTMLResponse(conneg.resource_page(out, path, local), headers=headers)
    return Response(out.body, media_type=out.media_type, headers=headers)


def _alternate_links(path: str) -> str:
    return "".join(f'<link rel="alternate" type="{t}" href="{html.escape(u)}">' for u, t in conneg.alternates(path, "html"))


async def mission_svg(request: Request) -> Response:
    return Response(pages.neighbourhood_svg(await _mission(request)), media_type="image/svg+xml")


# --- static files (the bundled editor may be stored gzip-compressed) ------------------------------
class StaticFiles:
    """The files of ``kgbuild/server/static``; ``NAME.gz`` is served as ``NAME``."""

    def __init__(self) -> None:
        self.root = resources.files("kgbuild.server") / "static"
        self._cache: dict[str, tuple[bytes, bool]] = {}

    def _load(self, name: str) -> tuple[bytes, bool] | None:
        if name in self._cache:
            return self._cache[name]
        if not _STATIC_NAME.fullmatch(name):
            return None
        for fname, gz in ((name, False), (name + ".gz", True)):
            f = self.root.joinpath(*fname.split("/"))
            if f.is_file():
                self._cache[name] = (f.read_bytes(), gz)
                return self._cache[name]
        return None

    def has(self, name: str) -> bool:
        return self._load(name) is not None

    async def serve(self, request: Request) -> Response:
        name = request.path_params["name"]
        found = self._load(name)
        suffix = name[name.rfind("."):] if "." in name else ""
        if found is None or suffix not in _STATIC_TYPES:
            raise ApiError(404, "Not Found", f"no static file {name!r}")
        data, gz = found
        headers = {"Cache-Control": "public, max-age=3600", "Vary": "Accept-Encoding"}
        if gz:
            if "gzip" in request.headers.get("accept-encoding", ""):
                headers["Content-Encoding"] = "gzip"
            else:
                data = gzip.decompress(data)
        return Response(data, media_type=_STATIC_TYPES[suffix], headers=headers)


# --- errors --------------------------------------------------------------------------------------
def wants_html(request: Request) -> bool:
    """Whether the client prefers an HTML page to JSON (a browser navigating): ``text/html`` is in
    its Accept header, before any JSON type, and the path is none of the APIs."""
    if request.url.path.startswith(("/query", "/queries", "/.well-known", "/static")):
        return False
    accept = request.headers.get("accept", "").lower()
    html = accept.find("text/html")
    if html < 0:
        return False
    js = accept.find("json")
    return js < 0 or html < js


def _error(request: Request, status: int, detail: str, *, title: str | None = None,
           headers: dict[str, str] | None = None, extra: dict[str, Any] | None = None) -> Response:
    if wants_html(request):
        page = pages.error_page(status, title or TITLES.get(status, "Error"), detail)
        return HTMLResponse(page, status_code=status, headers=headers)
    return error_response(status, detail, title=title, headers=headers, extra=extra)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _error(request, exc.status, exc.detail, title=exc.title, headers=exc.headers, extra=exc.extra)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail
    if exc.status_code == 404:
        detail = f"no resource at {request.url.path} (see / for the overview, /editor, /queries, /query)"
    elif exc.status_code == 405:
        detail = f"method {request.method} is not allowed on {request.url.path}"
    return _error(request, exc.status_code, str(detail), headers=dict(exc.headers or {}))


async def _server_error(request: Request, exc: Exception) -> Response:
    """An exception no route expected: logged with its trace here, answered without its text
    (which may show paths, queries or data)."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    # this handler runs outside the middleware stack, so it adds the security headers itself
    return error_response(500, "the server failed to answer this request; its log has the details",
                          headers=dict(SECURITY_HEADERS))


#: headers on every response: the pages run only the server's own scripts and styles, load
#: nothing from elsewhere and cannot be framed; no response is sniffed into another type
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every response (errors included)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(config: ServerConfig, *, pool: WorkerPool | None = None) -> Starlette:
    """The ASGI application for ``config`` (its worker pool starts with the app's lifespan)."""
    limits = WorkerLimits(memory_mb=config.worker_memory or None, network=config.allow_service)
    pool = pool or WorkerPool(config.store, base_iri=config.base_iri, size=config.workers, timeout=config.timeout,
                              limits=limits)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.close()

    static = StaticFiles()
    routes = [
        Route("/", home_page, methods=["GET"]),
        Route("/editor", query_page, methods=["GET"]),
        Route("/query", sparql_endpoint, methods=["GET", "POST"]),
        Route("/queries", list_queries, methods=["GET"]),
        Route("/queries/{name}", run_prepared, methods=["GET"]),
        Route("/.well-known/void", void, methods=["GET"]),
        Route("/missions", missions_page, methods=["GET"]),
        Route("/mission/{key}.svg", mission_svg, methods=["GET"]),
        Route("/mission/{key}", resource, methods=["GET"]),
        Route("/static/{name:path}", static.serve, methods=["GET"]),
        Route("/ontology", resource, methods=["GET"]),
        Route("/dataset", resource, methods=["GET"]),
        Route("/catalog", resource, methods=["GET"]),
        # every other resource IRI path (conneg; for browsers, the pages of countries,
        # organizations, elections and articles); two non-empty segments at least, so that no
        # unknown path gains a trailing-slash redirect
        Route("/{kind}/{key}", resource, methods=["GET"]),
        Route("/{kind}/{key}/{rest:path}", resource, methods=["GET"]),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if config.cors:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=list(config.cors), allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Accept"], expose_headers=[TRUNCATED_HEADER],
        ))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error, Exception: _server_error},
    )
    app.state.config = config
    app.state.pool = pool
    app.state.catalog = Catalog.load()
    app.state.static = static
    return app

