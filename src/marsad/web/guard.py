"""What every request must pass before routing: a name this server answers to, and a URL and
headers of a sane size.

The Host check stops DNS rebinding. A web page the analyst visits can point its own name at
127.0.0.1 and then call this server as if it were its own origin (the Origin check on writes
sees the same name twice and passes); its requests still carry that foreign name in Host, so
answering only the names the server was started for shuts it out — for reads as for writes.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import error_response

# Path and query: far beyond any filter the page builds, far below what would hurt the server.
MAX_URL = 64 * 1024
MAX_HEADERS = 64 * 1024
# uvicorn's HTTP parser (h11) holds a request's head up to this many bytes; past it, it closes the
# connection mid-upload and the client sees a reset, not a status. Set well above MAX_URL and
# MAX_HEADERS so that an oversized request is read whole and answered 414 or 431 here.
READ_LIMIT = 1024 * 1024


def host_name(value: str) -> str:
    """A Host header or a --host/--allowed-host value → the bare name: 'Example.org.:8000' → 'example.org',
    '[::1]:8000' → '::1'; an unbracketed IPv6 address ('::1') stays as it is."""
    v = value.strip().lower()
    if v.startswith("["):
        return v[1:v.index("]")] if "]" in v else ""
    if v.count(":") == 1:
        v = v.split(":", 1)[0]
    return v.rstrip(".")


def is_loopback(host: str) -> bool:
    """localhost, 127.x.y.z, ::1 — with or without a port."""
    name = host_name(host)
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class RequestGuard:
    """ASGI middleware: refuses, in the API's error shape, a request addressed to a foreign name (421),
    one whose URL is too long (414) or whose headers are too large (431). Loopback names are always
    answered; `allowed_hosts` adds others."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = self.refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def answers(self, host: str) -> bool:
        return is_loopback(host) or host_name(host) in self.allowed

    def refusal(self, scope: Scope) -> ASGIApp | None:
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        host = next((v.decode("latin-1") for k, v in headers if k == b"host"), "")
        if not host:
            return error_response(400, "the request has no Host header", code="host_required")
        if not self.answers(host):
            # The name is not echoed: on a rebinding page it is the attacker's own anyway.
            return error_response(421, "this server does not answer to that name (Host header); if it is"
                                       " one of yours, start marsad serve with --allowed-host NAME",
                                  code="unknown_host")
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string") or b"")
        if target > MAX_URL:
            return error_response(414, f"the URL is {target:,} bytes; the most this server reads is {MAX_URL:,}",
                                  code="uri_too_long")
        size = sum(len(k) + len(v) for k, v in headers)
        if size > MAX_HEADERS:
            return error_response(431, f"the headers are {size:,} bytes; the most this server reads is"
                                       f" {MAX_HEADERS:,}", code="headers_too_large")
        return None
