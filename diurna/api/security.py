"""Guards every request passes: a body size limit, a per-client rate limit, and headers that keep
the dashboard from running anything but its own bundled scripts."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse

# The dashboard loads only its own files: no inline script, no third-party origin, no framing.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                           "form-action 'self'")


@dataclass
class Limits:
    max_body_bytes: int = 2 * 1024 * 1024        # POST /api/code: a long article is ~100 kB
    max_ingest_bytes: int = 50 * 1024 * 1024     # POST /api/ingest uploads
    requests_per_minute: int = 600               # per client address, all endpoints
    code_per_minute: int = 30                    # per client address, POST /api/code (it parses text)


class RateLimiter:
    """A token bucket per (client, bucket name): `allow()` spends one token or says no."""

    def __init__(self):
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str, bucket: str, per_minute: int) -> bool:
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get((client, bucket), (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[(client, bucket)] = (tokens, now)
                return False
            self._buckets[(client, bucket)] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:      # bound memory under address-spraying clients
                self._buckets.clear()
            return True


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


class GuardMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, limits: Limits):
        super().__init__(app)
        self.limits = limits
        self.rate = RateLimiter()

    async def dispatch(self, request: Request, call_next):
        client = request.client.host if request.client else "unknown"
        path = request.url.path
        if not self.rate.allow(client, "all", self.limits.requests_per_minute):
            return _error(429, "too many requests: at most %d a minute" % self.limits.requests_per_minute)
        if path == "/api/code" and request.method == "POST" and \
                not self.rate.allow(client, "code", self.limits.code_per_minute):
            return _error(429, "too many coding requests: at most %d a minute" % self.limits.code_per_minute)
        if request.method in ("POST", "PUT", "PATCH"):
            limit = self.limits.max_ingest_bytes if path == "/api/ingest" else self.limits.max_body_bytes
            declared = request.headers.get("content-length")
            if declared is not None:
                try:
                    too_big = int(declared) > limit
                except ValueError:
                    return _error(400, "invalid Content-Length header")
                if too_big:
                    return _error(413, "request body over the limit of %d bytes" % limit)
            else:
                # No declared length (chunked): read it here, with the limit, before the endpoint does.
                body = bytearray()
                async for chunk in request.stream():
                    body.extend(chunk)
                    if len(body) > limit:
                        return _error(413, "request body over the limit of %d bytes" % limit)
                request._body = bytes(body)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
