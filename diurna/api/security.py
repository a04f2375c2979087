"""Guards every request passes, in this order, before any endpoint reads its body:

1. the Host header names this server (DNS rebinding: a page on evil.example whose name is made to
   resolve to 127.0.0.1 sends `Host: evil.example` and is refused);
2. unsafe methods (POST ...) come from this origin or from no browser page at all (a cross-site
   form post to /api/code would make any visited page a CPU drain);
3. the per-client rate limits (429 with Retry-After);
4. for uploads, the permission (the --allow-ingest flag and the bearer token): refused before a
   byte of the body is read;
5. the body size limit.

Every response, refusals included, carries headers that keep the dashboard from running anything
but its own bundled scripts.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

# The dashboard loads only its own files: no inline script, no third-party origin, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
UPLOAD_PATH = "/api/ingest"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass
class Limits:
    max_body_bytes: int = 2 * 1024 * 1024  # POST /api/code: a long article is ~100 kB
    max_ingest_bytes: int = 50 * 1024 * 1024  # POST /api/ingest uploads
    requests_per_minute: int = 600  # per client address, all endpoints
    code_per_minute: int = 30  # per client address, POST /api/code (it parses text)


class RateLimiter:
    """A token bucket per (client, bucket name): `wait()` spends one token, or says how many seconds
    until one is free."""

    def __init__(self):
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str, bucket: str, per_minute: int) -> float:
        """0 when the request may go ahead (a token was spent), else the seconds to wait."""
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get((client, bucket), (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[(client, bucket)] = (tokens, now)
                return (1.0 - tokens) / rate
            self._buckets[(client, bucket)] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # bound memory under address-spraying clients
                self._buckets.clear()
            return 0.0

    def allow(self, client: str, bucket: str, per_minute: int) -> bool:
        return self.wait(client, bucket, per_minute) == 0.0


def bearer_token_ok(authorization: Optional[str], token: Optional[str]) -> bool:
    """Whether an Authorization header carries `token` as a bearer token. The scheme is matched
    case-insensitively (RFC 7235: `bearer` is `Bearer`); the token in constant time."""
    if not authorization or not token:
        return False
    scheme, _, given = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8", "replace"), token.encode("utf-8"))


def upload_refusal(allow_ingest: bool, token: Optional[str], authorization: Optional[str]) -> Optional[tuple[int, str]]:
    """(status, message) when an upload may not be made, None when it may."""
    if not allow_ingest:
        return 403, "this server is read-only (start it with --allow-ingest to accept uploads)"
    if not bearer_token_ok(authorization, token):
        return 401, "a valid 'Authorization: Bearer TOKEN' header is required"
    return None


def host_name(host_header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower case: "[::1]:8000" -> "::1"."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts_for(bind: str, extra: tuple[str, ...] = ()) -> Optional[list[str]]:
    """The Host names a server bound to `bind` answers: the loopback names for a loopback address,
    the address itself otherwise, plus `extra` (--allowed-host). None (any) for a wildcard address
    with no names given: the machine's names are not known."""
    names = [host_name(name) for name in extra]
    if bind in LOOPBACK_NAMES:
        return list(LOOPBACK_NAMES) + names
    if bind in ("0.0.0.0", "::", ""):
        return names or None
    return [host_name(bind)] + names


def _error(status: int, message: str, headers: Optional[dict] = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _cross_site(request: Request) -> Optional[str]:
    """Why an unsafe request comes from another site's page, or None. Browsers say where a request
    comes from (Sec-Fetch-Site, Origin); clients that are not browsers (curl, scripts) send neither
    and are not a cross-site risk."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):
        return "a %s request from a browser page (Sec-Fetch-Site)" % fetch_site
    origin = request.headers.get("origin")
    if origin is None:
        return None
    parts = urlsplit(origin)
    if origin == "null" or not parts.netloc:
        return "a request from an opaque origin (Origin: null)"
    if parts.netloc.lower() != (request.headers.get("host") or "").lower():
        return "a request from another origin (%s)" % origin[:100]
    return None


class GuardMiddleware(BaseHTTPMiddleware):
    def __init__(
        self,
        app,
        limits: Limits,
        allowed_hosts: Optional[list[str]] = None,
        upload_gate: Optional[Callable[[Optional[str]], Optional[tuple[int, str]]]] = None,
    ):
        super().__init__(app)
        self.limits = limits
        self.allowed_hosts = None if allowed_hosts is None else {host_name(h) for h in allowed_hosts}
        self.upload_gate = upload_gate
        self.rate = RateLimiter()

    async def dispatch(self, request: Request, call_next):
        response = await self._refusal(request) or await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    async def _refusal(self, request: Request) -> Optional[Response]:
        """The response that refuses `request`, or None to let it through."""
        path, method = request.url.path, request.method
        if self.allowed_hosts is not None and host_name(request.headers.get("host", "")) not in self.allowed_hosts:
            return _error(
                400,
                "this server does not answer to the Host %r (DNS rebinding protection); start it with "
                "--allowed-host NAME to add a name" % (request.headers.get("host", "")[:100]),
            )
        if method not in SAFE_METHODS:
            reason = _cross_site(request)
            if reason:
                return _error(
                    403,
                    "refused: %s; the API accepts POSTs from its own dashboard and from non-browser clients" % reason,
                )
        refusal = self._rate_limited(request, path, method)
        if refusal is not None:
            return refusal
        if path == UPLOAD_PATH and method == "POST" and self.upload_gate is not None:
            denied = self.upload_gate(request.headers.get("authorization"))
            if denied:
                return _error(*denied)
        if method in ("POST", "PUT", "PATCH"):
            return await self._too_big(request, path)
        return None

    def _rate_limited(self, request: Request, path: str, method: str) -> Optional[Response]:
        client = request.client.host if request.client else "unknown"
        wait = self.rate.wait(client, "all", self.limits.requests_per_minute)
        if wait:
            return _error(
                429,
                "too many requests: at most %d a minute" % self.limits.requests_per_minute,
                {"Retry-After": str(max(1, math.ceil(wait)))},
            )
        if path == "/api/code" and method == "POST":
            wait = self.rate.wait(client, "code", self.limits.code_per_minute)
            if wait:
                return _error(
                    429,
                    "too many coding requests: at most %d a minute" % self.limits.code_per_minute,
                    {"Retry-After": str(max(1, math.ceil(wait)))},
                )
        return None

    async def _too_big(self, request: Request, path: str) -> Optional[Response]:
        limit = self.limits.max_ingest_bytes if path == UPLOAD_PATH else self.limits.max_body_bytes
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                return _error(400, "invalid Content-Length header")
            return _error(413, "request body over the limit of %d bytes" % limit) if too_big else None
        # No declared length (chunked): read it here, with the limit, before the endpoint does.
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                return _error(413, "request body over the limit of %d bytes" % limit)
        request._body = bytes(body)
        return None
