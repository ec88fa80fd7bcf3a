"""The HTTP layer: routes, bearer token, body limit, error codes, and the uvicorn server.

:class:`Service` holds what was loaded at start (the arms, their batchers, the metrics, the
shadow summary); :func:`create_app` puts routes in front of it; :func:`make_server` wraps the
app in a uvicorn server that finishes in-flight requests on SIGTERM / SIGINT.

Every error is JSON, ``{"error": {"code": "R6xx", "message": "..."}}``, and no message, log
line or metric ever holds request text (bodies are parsed here, not by FastAPI's validation,
whose 422 answers quote the input).

``"explain": true`` in a ``/v1/redact`` or ``/v1/analyze`` request (off by default) adds to
each span ``redact explain --json``'s account of it (:func:`with_explanations`), computed by
the same arm through its batcher (op ``explain``). That account quotes the text, so it goes
into the response only: never into a log line or a metric.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from redactor.errors import RedactorError
from redactor.serve.arms import Arm, ShadowSummary, ab_arm, agreement, spans_of
from redactor.serve.batching import Batcher, Closed, QueueFull
from redactor.serve.metrics import Metrics
from redactor.serve.settings import ServeSettings
from redactor.span import Span
from redactor.transform.keys import SecretKey, load_key
from redactor.transform.replace import Replacement

log = logging.getLogger("redactor.serve")

TOKEN_ENV = "REDACTOR_API_TOKEN"
ROUTES = ("/health", "/ready", "/metrics", "/v1/redact", "/v1/analyze", "/v1/scan",
          "/v1/shadow")
OPEN_ROUTES = frozenset({"/health"})

# Stable error codes of the service (the library's own codes, R1xx-R5xx, pass through).
UNAUTHORIZED = "R601"
INVALID_JSON = "R602"
INVALID_FIELD = "R603"
EMPTY_BATCH = "R604"
NOT_A_STRING = "R605"
BODY_TOO_LARGE = "R606"
TOO_MANY_ITEMS = "R607"
OVERLOADED = "R608"
SHUTTING_DOWN = "R609"
NOT_FOUND = "R610"
METHOD_NOT_ALLOWED = "R611"
NOT_IN_SHADOW_MODE = "R612"
INTERNAL = "R699"


class ApiError(Exception):
    """An error answer: HTTP status, stable code, and a message that quotes no request text."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


# --------------------------------------------------------------------------- the service


class Service:
    """The loaded arms, their batchers, metrics and (in shadow mode) the comparison summary."""

    def __init__(self, settings: ServeSettings, main: Arm, candidate: Arm | None = None,
                 key: SecretKey | None = None) -> None:
        self.settings = settings
        self.arms = {"main": main} | ({"candidate": candidate} if candidate else {})
        # The A/B hash needs a key that outlives the process: not an ephemeral one.
        self.ab_key = key if key is not None and not key.ephemeral else None
        self.metrics = Metrics()
        self.draining = False
        self._closed = False
        self.batchers = {name: self._batcher(arm) for name, arm in self.arms.items()}
        for name, arm in self.arms.items():
            self.metrics.info.labels(arm=name, policy=arm.policy.name,
                                     policy_sha256=arm.policy.sha256).set(1)
        self.shadow: ShadowSummary | None = None
        if settings.mode == "shadow" and candidate is not None:
            self.shadow = ShadowSummary(main.policy, candidate.policy, settings.shadow_window)

    @classmethod
    def load(cls, settings: ServeSettings) -> Service:
        """Load the key, the policies and every model now; any failure raises (fail closed)."""
        problems = settings.problems()
        if problems:
            from redactor.errors import PolicyError

            raise PolicyError("invalid serve options", problems)
        key = load_key(settings.key_file, ephemeral=settings.ephemeral_key)
        main = Arm.load("main", settings.policy, key, workers=settings.workers,
                        device=settings.device)
        candidate = None
        if settings.candidate_policy is not None:
            try:
                candidate = Arm.load("candidate", settings.candidate_policy, key,
                                     workers=settings.workers, device=settings.device)
            except BaseException:
                main.close()
                raise
        return cls(settings, main, candidate, key)

    def _batcher(self, arm: Arm) -> Batcher:
        s = self.settings

        def on_batch(op: str, n_texts: int, chars: int, seconds: float) -> None:
            self.metrics.batch_texts.labels(arm=arm.name, op=op).observe(n_texts)
            self.metrics.batch_seconds.labels(arm=arm.name, op=op).observe(seconds)

        return Batcher(arm.run, window=s.batch_window, max_texts=s.batch_texts,
                       max_chars=s.batch_chars, capacity=s.queue_texts, threads=s.workers,
                       on_batch=on_batch, name=f"batch-{arm.name}")

    @property
    def ready(self) -> bool:
        """Policies and models loaded, and not shutting down."""
        return not self.draining

    def choose(self, request_id: str | None, texts: Sequence[str]) -> Arm:
        """The arm that serves a request (the candidate only in A/B mode)."""
        if self.settings.mode == "ab":
            return self.arms[ab_arm(self.settings.ab_share, self.ab_key, request_id, texts)]
        return self.arms["main"]

    async def process(self, route: str, op: str, texts: list[str], request: Request
                      ) -> tuple[Arm, list[Any]]:
        """Run ``op`` on the texts with the arm chosen for this request, through its batcher."""
        arm = self.choose(request.headers.get("x-request-id"), texts)
        request.state.arm = arm.name
        results = await self.submit(arm.name, op, texts)
        m = self.metrics
        m.characters.labels(route=route, arm=arm.name).inc(sum(len(t) for t in texts))
        m.texts.labels(route=route, arm=arm.name).inc(len(texts))
        if op in ("redact", "analyze"):
            m.found(arm.name, [spans_of(op, r) for r in results])
        if self.shadow is not None and op in ("redact", "analyze"):
            self._shadow(op, texts, results)
        return arm, results

    async def submit(self, arm: str, op: str, texts: list[str]) -> list[Any]:
        """``op`` on the texts through the batcher of ``arm``; errors as :class:`ApiError`
        (library errors with their code, others by type only: never a message with text)."""
        batcher = self.batchers[arm]
        try:
            future = batcher.submit(op, texts)
        except QueueFull:
            raise ApiError(503, OVERLOADED, "the service is at capacity; retry later",
                           {"Retry-After": str(batcher.retry_after())}) from None
        except Closed:
            raise ApiError(503, SHUTTING_DOWN, "the service is shutting down",
                           {"Retry-After": "5"}) from None
        finally:
            self.metrics.queue.labels(arm=arm).set(batcher.depth)
        try:
            return await asyncio.wrap_future(future)
        except RedactorError as exc:  # library messages never quote text
            raise ApiError(500, exc.code, exc.message) from None
        except Exception as exc:  # its message could quote text: its type only
            log.error("%s failed on a batch (%s)", op, type(exc).__name__)
            raise ApiError(500, INTERNAL, f"internal error ({type(exc).__name__})") from None

    def _shadow(self, op: str, texts: list[str], served: list[Any]) -> None:
        """Run the candidate on the same texts off the response path and count agreement."""
        summary = self.shadow
        assert summary is not None
        try:
            future = self.batchers["candidate"].submit(op, texts)
        except (QueueFull, Closed):
            summary.count("dropped")
            self.metrics.shadow_requests.labels(result="dropped").inc()
            return

        def compare(done: Any) -> None:
            if done.cancelled() or done.exception() is not None:
                summary.count("failed")
                self.metrics.shadow_requests.labels(result="failed").inc()
                return
            counts: Counter[tuple[str, str]] = Counter()
            for mine, theirs in zip(served, done.result(), strict=True):
                counts.update(agreement(spans_of(op, mine), spans_of(op, theirs)))
            summary.add(len(texts), counts)
            self.metrics.shadow(counts)
            if self.settings.shadow_summary:
                try:
                    summary.write(self.settings.shadow_summary)
                except RedactorError as exc:
                    log.error("cannot write the shadow summary: %s", exc)

        future.add_done_callback(compare)

    def close(self) -> None:
        """Finish queued work (shadow runs included), stop workers, write the final summary.

        Calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        self.draining = True
        timeout = self.settings.shutdown_timeout
        for name in ("main", "candidate"):  # main first: it may still queue shadow work
            if name in self.batchers and not self.batchers[name].close(timeout):
                log.warning("the %s arm did not finish its queue in %.0f s", name, timeout)
        for arm in self.arms.values():
            arm.close()
        if self.shadow is not None and self.settings.shadow_summary:
            self.shadow.write(self.settings.shadow_summary, every=0)


# --------------------------------------------------------------------------- request bodies


@dataclass(frozen=True)
class RequestBody:
    """What a request asked for: its texts, whether it sent one ``"text"`` (answered with one
    result, not a list), and whether it asked for explanations (``"explain": true``)."""

    texts: list[str]
    single: bool
    explain: bool = False


async def read_texts(request: Request, max_body: int, max_items: int, *,
                     explain: bool = False) -> RequestBody:
    """The texts of a request body, whether it was a single ``{"text": ...}``, and (where the
    route explains, ``explain``) its optional boolean ``"explain"`` field.

    Errors name the field and the problem, never the value.
    """
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > max_body:
        raise _too_large(max_body)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            raise _too_large(max_body)
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks).decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(422, INVALID_JSON, "the request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(422, INVALID_JSON, f"the request body is not valid JSON ({exc.msg} at "
                       f"line {exc.lineno} column {exc.colno})") from None
    except (ValueError, RecursionError):  # a number too long, nesting too deep
        raise ApiError(422, INVALID_JSON, "the request body is not JSON this service reads "
                       "(a number too long or nesting too deep)") from None
    if not isinstance(body, dict):
        raise ApiError(422, INVALID_FIELD, f"the body must be a JSON object with \"text\" or "
                       f"\"texts\", not {_kind(body)}")
    extra = set(body) - {"text", "texts", *(("explain",) if explain else ())}
    if extra:  # not named: a client's field name could be text too
        raise ApiError(422, INVALID_FIELD, f"{len(extra)} unknown field(s); send only \"text\" "
                       "(one string) or \"texts\" (a list of strings)"
                       + (", and \"explain\"" if explain else ""))
    wants = body.get("explain", False)
    if not isinstance(wants, bool):
        raise ApiError(422, INVALID_FIELD, f"\"explain\" must be true or false, not "
                       f"{_kind(wants)}")
    if ("text" in body) == ("texts" in body):
        raise ApiError(422, INVALID_FIELD, "send exactly one of \"text\" (one string) or "
                       "\"texts\" (a list of strings)")
    if "text" in body:
        if not isinstance(body["text"], str):
            raise ApiError(422, INVALID_FIELD, f"\"text\" must be a string, not "
                           f"{_kind(body['text'])}")
        return RequestBody([_unicode(body["text"], "\"text\"")], True, wants)
    texts = body["texts"]
    if not isinstance(texts, list):
        raise ApiError(422, INVALID_FIELD, f"\"texts\" must be a list of strings, not "
                       f"{_kind(texts)}")
    if not texts:
        raise ApiError(422, EMPTY_BATCH, "\"texts\" is empty; send at least one string")
    if len(texts) > max_items:
        raise ApiError(413, TOO_MANY_ITEMS, f"\"texts\" holds {len(texts)} items; the limit "
                       f"is {max_items} (--max-items)")
    for i, item in enumerate(texts):
        if not isinstance(item, str):
            raise ApiError(422, NOT_A_STRING, f"texts[{i}] must be a string, not {_kind(item)}")
        _unicode(item, f"texts[{i}]")
    return RequestBody(texts, False, wants)


def _unicode(text: str, where: str) -> str:
    """``text`` if it is valid Unicode (JSON's ``\\ud800`` escapes can make it otherwise)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(422, INVALID_FIELD, f"{where} is not valid Unicode (an unpaired "
                       "surrogate)") from None
    return text


def _too_large(limit: int) -> ApiError:
    return ApiError(413, BODY_TOO_LARGE, f"the request body is over {limit} bytes (--max-body)")


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null", int: "a number", float: "a number"}.get(type(value), "a value")


# --------------------------------------------------------------------------- JSON shapes


def span_json(span: Span, action: str) -> dict[str, Any]:
    """One span as the API reports it (offsets into the text that was sent)."""
    return {"start": span.start, "end": span.end, "label": span.label,
            "recognizer": span.source, "score": round(span.score, 4), "action": action}


def with_explanations(result: dict[str, Any], trace: dict[str, Any]) -> dict[str, Any]:
    """``result`` (one text's answer) with ``redact explain --json``'s account of it: per span
    ``"explanation"`` (the recognizers and scores that reported it, their context words, the
    candidates dropped there and why, the overlap merge, the policy rule and threshold), and
    ``"overlap_strategy"`` and ``"dropped_elsewhere"`` for the text. It quotes the text."""
    decisions = {(d["start"], d["end"], d["label"]): d for d in trace["spans"]}
    spans = []
    for span in result["spans"]:
        decision = decisions.get((span["start"], span["end"], span["label"]))
        keep = ("reported_by", "merge", "dropped_here", "rule", "threshold")
        spans.append(span | {"explanation": None if decision is None
                             else {k: decision[k] for k in keep}})
    return result | {"spans": spans, "overlap_strategy": trace["overlap_strategy"],
                     "dropped_elsewhere": trace["dropped_elsewhere"]}


def redacted_json(result: Any) -> dict[str, Any]:
    """A ``Redacted`` result: the new text and every span with what was done to it."""
    done: dict[tuple[int, int], Replacement] = {(r.start, r.end): r for r in result.replacements}
    spans = [span_json(s, done[(s.start, s.end)].action if (s.start, s.end) in done else "keep")
             for s in result.spans]
    return {"text": result.text, "spans": spans}


# --------------------------------------------------------------------------- the app


def create_app(service: Service) -> FastAPI:
    """The FastAPI app in front of a loaded :class:`Service`."""
    settings = service.settings
    token = settings.api_token
    metrics = service.metrics

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        # uvicorn runs this after in-flight requests are answered (graceful shutdown)
        await asyncio.get_running_loop().run_in_executor(None, service.close)

    app = FastAPI(title="redactor", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)

    def error(exc: ApiError) -> JSONResponse:
        return error_response(metrics, exc)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 405:
            return error(ApiError(405, METHOD_NOT_ALLOWED, "method not allowed on this route"))
        if exc.status_code == 404:
            return error(ApiError(404, NOT_FOUND, "no such route"))
        return error(ApiError(exc.status_code, INTERNAL, "request failed"))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s on %s", type(exc).__name__, _route(request))
        return error(ApiError(500, INTERNAL, f"internal error ({type(exc).__name__})"))

    def described(arm: Arm, body: dict[str, Any]) -> JSONResponse:
        body |= {"policy": arm.policy.name, "policy_sha256": arm.policy.sha256, "arm": arm.name}
        return JSONResponse(body, headers={"X-Redactor-Arm": arm.name})

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        if not service.ready:
            raise ApiError(503, SHUTTING_DOWN, "the service is shutting down")
        return JSONResponse({"status": "ready", "arms": {
            name: {"policy": arm.policy.name, "policy_sha256": arm.policy.sha256,
                   "models": arm.engine.versions()}
            for name, arm in service.arms.items()}, "mode": settings.mode})

    @app.get("/metrics")
    async def prometheus() -> Response:
        for name, batcher in service.batchers.items():
            metrics.queue.labels(arm=name).set(batcher.depth)
        return Response(metrics.render(), media_type=metrics.content_type)

    async def explained(arm: Arm, body: RequestBody, out: list[dict[str, Any]]
                        ) -> list[dict[str, Any]]:
        if not body.explain:
            return out
        traces = await service.submit(arm.name, "explain", body.texts)
        return [with_explanations(result, trace)
                for result, trace in zip(out, traces, strict=True)]

    @app.post("/v1/redact")
    async def redact(request: Request) -> JSONResponse:
        body = await read_texts(request, settings.max_body, settings.max_items, explain=True)
        arm, results = await service.process("/v1/redact", "redact", body.texts, request)
        out = await explained(arm, body, [redacted_json(r) for r in results])
        return described(arm, out[0] if body.single else {"results": out})

    @app.post("/v1/analyze")
    async def analyze(request: Request) -> JSONResponse:
        body = await read_texts(request, settings.max_body, settings.max_items, explain=True)
        arm, results = await service.process("/v1/analyze", "analyze", body.texts, request)
        rule = arm.policy.rule_for
        out = await explained(arm, body, [
            {"spans": [span_json(s, rule(s.label).action) for s in spans]} for spans in results])
        return described(arm, out[0] if body.single else {"results": out})

    @app.post("/v1/scan")
    async def scan(request: Request) -> JSONResponse:
        body = await read_texts(request, settings.max_body, settings.max_items)
        texts, single = body.texts, body.single
        arm, results = await service.process("/v1/scan", "scan", texts, request)
        out = [{"findings": [{"start": s.start, "end": s.end, "label": s.label,
                              "score": round(s.score, 4), "recognizer": s.source}
                             for s in spans], "clean": not spans} for spans in results]
        summary = {"documents": len(texts), "finding_count": sum(len(s) for s in results),
                   "unchecked_labels": list(arm.scanner.unchecked_labels)}
        return described(arm, (out[0] if single else {"results": out}) | summary)

    @app.get("/v1/shadow")
    async def shadow() -> JSONResponse:
        if service.shadow is None:
            raise ApiError(404, NOT_IN_SHADOW_MODE, "the service is not in shadow mode")
        return JSONResponse(service.shadow.to_dict())

    app.add_middleware(GuardAndObserve, token=token, metrics=metrics)
    return app


class GuardAndObserve:
    """Bearer token check, then request counts and latency by route, status and arm.

    Plain ASGI: Starlette's ``@app.middleware("http")`` (BaseHTTPMiddleware) costs about a
    millisecond of CPU per request, as much as redacting a short text.
    """

    def __init__(self, app: Any, token: str | None, metrics: Metrics) -> None:
        self.app = app
        self.token = token
        self.metrics = metrics

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        route = scope["path"] if scope["path"] in ROUTES else "unmatched"
        status = 500

        async def observed_send(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if self.token and route not in OPEN_ROUTES and not _authorized(scope, self.token):
                denied = error_response(self.metrics, ApiError(
                    401, UNAUTHORIZED, "missing or wrong bearer token",
                    {"WWW-Authenticate": "Bearer"}))
                await denied(scope, receive, observed_send)
            else:
                await self.app(scope, receive, observed_send)
        finally:  # an unexpected error is answered 500 by the outer error middleware
            elapsed = time.perf_counter() - started
            arm = scope.get("state", {}).get("arm", "none")
            self.metrics.requests.labels(route=route, status=str(status), arm=arm).inc()
            self.metrics.latency.labels(route=route).observe(elapsed)
            log.info("%s %s %d %.1f ms arm=%s", scope["method"], route, status, elapsed * 1000,
                     arm)


def error_response(metrics: Metrics, exc: ApiError) -> JSONResponse:
    """The JSON answer of an error, counted by its code."""
    metrics.errors.labels(code=exc.code).inc()
    return JSONResponse({"error": {"code": exc.code, "message": exc.message}},
                        status_code=exc.status, headers=exc.headers)


def _route(request: Request) -> str:
    path = request.url.path
    return path if path in ROUTES else "unmatched"


def _authorized(scope: Any, token: str) -> bool:
    header = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
    scheme, _, given = header.decode("latin-1").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8"))


# --------------------------------------------------------------------------- the server


def make_server(service: Service) -> Any:
    """A uvicorn server for the service; on SIGTERM / SIGINT it stops listening, answers the
    requests in flight (up to ``shutdown_timeout``), then drains the queues and exits."""
    import uvicorn

    class DrainingServer(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            service.draining = True
            super().handle_exit(sig, frame)

        @contextmanager
        def capture_signals(self) -> Iterator[None]:
            # uvicorn re-raises SIGTERM after its graceful exit (status -15 / 143); a service
            # that finished every request it took exits 0 instead.
            with super().capture_signals():
                yield
                getattr(self, "_captured_signals", []).clear()

    settings = service.settings
    logging.getLogger("uvicorn.access").disabled = True  # its lines carry query strings
    grace: Any = settings.shutdown_timeout  # seconds, a float: 0 waits for nothing
    config = uvicorn.Config(create_app(service), host=settings.host, port=settings.port,
                            access_log=False, server_header=False, lifespan="on",
                            log_level="info", timeout_graceful_shutdown=grace)
    return DrainingServer(config)
