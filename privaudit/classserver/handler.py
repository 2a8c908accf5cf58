"""One request to the class server: the share route, the page, and JSON refusals.

Everything about a submission that the request line and headers can decide
(path, rate, join code, content type, length) is decided before the body is
read, and for a client that sent ``Expect: 100-continue`` before it is sent.
"""

from __future__ import annotations

import contextlib
import json
import socket
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, Protocol, cast

from privaudit.classserver import codes, share
from privaudit.classserver.collection import Outcome

if TYPE_CHECKING:
    from privaudit.classserver.collection import Collection
    from privaudit.classserver.limits import RateLimiter
    from privaudit.classserver.options import Accepted, ServerOptions
    from privaudit.classserver.page import LivePage

JSON_TYPE = "application/json"
CODE_HEADER = "Privaudit-Join-Code"
SHARE_PATH = "/share"


@dataclass(frozen=True)
class Refusal(Exception):
    status: HTTPStatus
    error: str
    message: str
    headers: tuple[tuple[str, str], ...] = field(default=())


class Served(Protocol):
    """What the handler reads of its server (server.ClassServer)."""

    options: ServerOptions
    collection: Collection
    on_accept: Accepted | None
    post_limit: RateLimiter
    page_limit: RateLimiter

    def page(self) -> LivePage: ...


class ShareHandler(BaseHTTPRequestHandler):
    @property
    def served(self) -> Served:
        return cast("Served", self.server)

    protocol_version = "HTTP/1.1"  # for Expect: 100-continue; every answer closes
    server_version = "privaudit-class"
    sys_version = ""

    def setup(self) -> None:
        self.request.settimeout(self.served.options.timeout)
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """No request log: it would name each learner's address."""

    # --- answers -------------------------------------------------------------

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    def _json(
        self, status: HTTPStatus, payload: dict[str, Any], headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        body = json.dumps(payload, sort_keys=True).encode("utf-8") + b"\n"
        self._send(status, body, f"{JSON_TYPE}; charset=utf-8", headers)

    def _refuse(self, refusal: Refusal) -> None:
        self._json(
            refusal.status,
            {"error": refusal.error, "message": refusal.message},
            refusal.headers,
        )

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's own errors (a bad request line, headers too long) as JSON too."""
        status = HTTPStatus(code)
        text = message or explain or status.phrase
        self._json(status, {"error": "http", "message": text})

    # --- routes --------------------------------------------------------------

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path not in ("/", "/summary"):
            self._refuse(Refusal(HTTPStatus.NOT_FOUND, "not-found", "no such page"))
            return
        wait = self.served.page_limit.retry_after(self.client_address[0])
        if wait:
            self._refuse(_too_many(wait))
            return
        page = self.served.page()
        headers = (("Content-Security-Policy", page.csp), ("X-Frame-Options", "DENY"))
        self._send(HTTPStatus.OK, page.html.encode("utf-8"), "text/html; charset=utf-8", headers)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        try:
            length = self._check_request()
            doc, learner = self._read_document(length)
            outcome = self.served.collection.add(learner, doc)
        except Refusal as refusal:
            self._refuse(refusal)
            if refusal.status is HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
                self._discard_unread()
            return
        self._answer(outcome)

    def do_PUT(self) -> None:
        self._refuse(_not_allowed())

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    def handle_expect_100(self) -> bool:
        """A client that asks first hears "no" before it sends the body."""
        try:
            self._check_request()
        except Refusal as refusal:
            self._refuse(refusal)
            return False
        return super().handle_expect_100()

    # --- the share route -----------------------------------------------------

    def _check_request(self) -> int:
        """Everything decided from the request line and headers; the body's length.
        Run twice when the client sent Expect: 100-continue: the rate is counted once."""
        checked: int | None = getattr(self, "_checked_length", None)
        if checked is not None:
            return checked
        path = self.path.split("?", 1)[0].rstrip("/")
        if path != SHARE_PATH and not path.startswith(SHARE_PATH + "/"):
            raise Refusal(HTTPStatus.NOT_FOUND, "not-found", "send share documents to /share")
        wait = self.served.post_limit.retry_after(self.client_address[0])
        if wait:
            raise _too_many(wait)
        given = path[len(SHARE_PATH) + 1 :] or self.headers.get(CODE_HEADER, "")
        if not given:
            raise Refusal(
                HTTPStatus.UNAUTHORIZED,
                "no-code",
                f"give the join code in the {CODE_HEADER} header or as /share/CODE",
            )
        if not codes.matches(given, self.served.options.code):
            raise Refusal(HTTPStatus.FORBIDDEN, "wrong-code", "this is not the class's join code")
        content_type = self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if content_type != JSON_TYPE:
            raise Refusal(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "not-json", f"send {JSON_TYPE} documents only"
            )
        length = _content_length(self.headers.get("Content-Length"), self.headers)
        if length > self.served.options.max_body:
            raise Refusal(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                "too-large",
                f"a share document is at most {self.served.options.max_body} bytes",
            )
        self._checked_length = length
        return length

    def _read_document(self, length: int) -> tuple[dict[str, Any], str]:
        body = self.rfile.read(length)
        if len(body) != length:
            raise Refusal(HTTPStatus.BAD_REQUEST, "incomplete", "the body ended early")
        try:
            doc = share.parse(body)
        except share.InvalidShare as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, "invalid", str(exc)) from None
        learner = share.learner_of(doc)
        if learner is None:
            raise Refusal(
                HTTPStatus.BAD_REQUEST,
                "no-learner",
                "the document has no learner token: share with --share-to and --code",
            )
        return doc, learner

    def _answer(self, outcome: Outcome) -> None:
        if outcome in (Outcome.BEFORE, Outcome.AFTER):
            learners, after = self.served.collection.counts()
            if self.served.on_accept is not None:
                self.served.on_accept(outcome, learners, after)
            self._json(HTTPStatus.CREATED, {"status": "accepted", "as": outcome.value})
        elif outcome is Outcome.FULL:
            self._refuse(
                Refusal(HTTPStatus.SERVICE_UNAVAILABLE, "full", "the class has no room left")
            )
        else:
            message = (
                "this result was already received"
                if outcome is Outcome.DUPLICATE
                else "this device already shared a later result"
            )
            self._refuse(Refusal(HTTPStatus.CONFLICT, outcome.value, message))

    def _discard_unread(self) -> None:
        """Read a little of what the client is still sending, then close: closing with
        unread data makes the kernel reset the connection, and the client would see
        "connection reset" instead of the 413. Bounded in bytes and time, so an
        oversized body is never read whole."""
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(0.5)
            for _ in range(16):
                if not self.connection.recv(4096):
                    break


def _too_many(wait: int) -> Refusal:
    return Refusal(
        HTTPStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        f"too many requests from this device: wait {wait} s",
        (("Retry-After", str(wait)),),
    )


def _not_allowed() -> Refusal:
    return Refusal(
        HTTPStatus.METHOD_NOT_ALLOWED,
        "method",
        "only GET (the summary page) and POST (to /share) are answered",
        (("Allow", "GET, HEAD, POST"),),
    )


def _content_length(value: str | None, headers: Any) -> int:
    if headers.get("Transfer-Encoding"):
        raise Refusal(HTTPStatus.LENGTH_REQUIRED, "length", "send a Content-Length, not chunks")
    if value is None:
        raise Refusal(HTTPStatus.LENGTH_REQUIRED, "length", "send a Content-Length header")
    if not value.isascii() or not value.strip().isdigit():
        raise Refusal(HTTPStatus.BAD_REQUEST, "length", "Content-Length is not a number")
    return int(value)
