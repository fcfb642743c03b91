"""ASGI middleware for bad input and safe pages: a body size limit, JSON-only API posts, security headers.

They are plain ASGI wrappers so they act before the framework reads a byte of the body.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1_000_000

# Pages load nothing from elsewhere and run no inline script, so a pasted <script> cannot run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


async def send_json_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not a Content-Length is sent.

    The body is read here first (it is at most ``max_bytes``) and handed on whole, so the
    framework never sees a request that is too large.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        message = f"the request body is over {self.max_bytes // 1_000_000} MB; check a shorter text"
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await send_json_error(send, 413, message)
            return
        chunks, size = [], 0
        while True:
            event = await receive()
            if event["type"] == "http.disconnect":
                return
            chunks.append(event.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await send_json_error(send, 413, message)
                return
            if not event.get("more_body", False):
                break
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replaying(whole, receive), send)


class RequireJSON:
    """POSTs to the JSON endpoints in ``paths`` must say ``Content-Type: application/json`` (415 otherwise)."""

    def __init__(self, app: ASGIApp, paths: frozenset[str] = frozenset({"/api/check"})) -> None:
        self.app, self.paths = app, paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in self.paths:
            content_type = dict(scope.get("headers", [])).get(b"content-type", b"").decode("latin-1")
            media_type = content_type.split(";")[0].strip().lower()
            if media_type != "application/json" and not media_type.endswith("+json"):
                shown = media_type or "none"
                await send_json_error(
                    send, 415, f"send the draft as JSON (Content-Type: application/json), not {shown}"
                )
                return
            event = await receive()  # the whole body: BodyLimit, outside this, read and replays it
            try:
                event.get("body", b"").decode("utf-8")
            except UnicodeDecodeError as err:
                await send_json_error(send, 400, f"the body is not valid UTF-8 (byte {err.start}); send UTF-8 JSON")
                return
            receive = _replaying(event, receive)
        await self.app(scope, receive, send)


def _replaying(first: Message, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return first

    return replay


class SecurityHeaders:
    """Headers that keep pasted text inert and the pages unframeable."""

    HEADERS = (
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(event: Message) -> None:
            if event["type"] == "http.response.start":
                event["headers"] = [*event.get("headers", []), *self.HEADERS]
            await send(event)

        await self.app(scope, receive, with_headers)
