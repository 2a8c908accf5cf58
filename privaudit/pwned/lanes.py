"""Lanes: what one range-client worker sends its requests through.

- `_ConnectionLane`: one worker's own HTTP/1.1 connection (httpcore's
  `AsyncHTTP11Connection` on `transport.AsyncioBackend`), kept alive and reopened
  when the server closes it: no pool to search, no lock, no ALPN per request.
- `_TransportLane`: an httpx transport shared by a group of workers. Used over
  HTTPS with HTTP/2 (each group's requests are streams on one connection, through
  httpx's own HTTP/2 and TLS handling), through a proxy, and for a test's
  MockTransport.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from privaudit.i18n import Domain

if TYPE_CHECKING:
    from ssl import SSLContext

    import httpcore
    import httpx

    from privaudit.pwned.options import ClientOptions

# Why a lookup failed ends up in BR101 findings: the checks' domain translates it.
_ = Domain("checks").gettext


class Reply(Protocol):
    status: int

    def header(self, name: str) -> str | None: ...
    def chunks(self) -> AsyncIterator[bytes]: ...
    async def close(self) -> None: ...


class Lane(Protocol):
    errors: tuple[type[Exception], ...]

    async def send(self, url: str, headers: dict[str, str], options: ClientOptions) -> Reply: ...
    def describe(self, exc: Exception, host: str, *, reading: bool) -> str: ...
    async def aclose(self) -> None: ...


def _timeouts(o: ClientOptions) -> dict[str, float]:
    return {"connect": o.connect_timeout, "read": o.read_timeout, "write": o.read_timeout,
            "pool": o.read_timeout}  # fmt: skip


def _describe(exc: Exception, host: str, reading: bool, timeout: type, protocol: type) -> str:
    if isinstance(exc, timeout):
        return _("{host} timed out").format(host=host)
    if "certificate" in str(exc).lower():
        return _(
            "the TLS certificate of {host} is not trusted (behind a proxy? set SSL_CERT_FILE)"
        ).format(host=host)
    if reading and isinstance(exc, protocol):
        return _("{host} closed the connection before the answer was complete").format(host=host)
    return _("could not reach {host}").format(host=host)


class _CoreReply:
    __slots__ = ("_headers", "_response", "status")

    def __init__(self, response: httpcore.Response) -> None:
        self._response = response
        self._headers = response.headers
        self.status = response.status

    def header(self, name: str) -> str | None:
        key = name.encode("ascii")
        for k, v in self._headers:
            if k.lower() == key:
                return v.decode("latin-1")
        return None

    def chunks(self) -> AsyncIterator[bytes]:
        return self._response.aiter_stream()

    async def close(self) -> None:
        await self._response.aclose()


class _ConnectionLane:
    def __init__(self, options: ClientOptions, *, ssl: SSLContext | None, backend: Any) -> None:
        import httpcore  # noqa: PLC0415  # only online runs load the HTTP stack

        parts = urlsplit(options.base_url)
        scheme = parts.scheme.encode("ascii")
        host = (parts.hostname or "").encode("idna")
        port = parts.port or (443 if scheme == b"https" else 80)
        self._httpcore = httpcore
        self._origin = httpcore.Origin(scheme, host, port)
        self._ssl = ssl
        self._backend = backend
        default = port == (443 if scheme == b"https" else 80)
        self._host_header = host if default else host + b":%d" % port
        self._base_path = parts.path.rstrip("/").encode("ascii")
        self._conn: httpcore.AsyncHTTP11Connection | None = None
        self._timeouts = _timeouts(options)
        self.errors: tuple[type[Exception], ...] = (
            httpcore.TimeoutException,
            httpcore.NetworkError,
            httpcore.ProtocolError,
            httpcore.UnsupportedProtocol,
        )

    async def send(self, url: str, headers: dict[str, str], options: ClientOptions) -> Reply:
        hc = self._httpcore
        o = self._origin
        target = self._base_path + url.encode("ascii")[url.find("/range/") :]
        fields = [(b"Host", self._host_header)]
        fields += [(k.encode("ascii"), v.encode("latin-1")) for k, v in headers.items()]
        request = hc.Request(
            b"GET",
            hc.URL(scheme=o.scheme, host=o.host, port=o.port, target=target),
            headers=fields,
            extensions={"timeout": self._timeouts},
        )
        conn = self._conn
        if conn is None or conn.is_closed() or conn.has_expired():
            self._conn = None
            if conn is not None:
                await conn.aclose()
            host = o.host.decode("ascii")
            timeout = self._timeouts["connect"]
            stream = await self._backend.connect_tcp(host, o.port, timeout=timeout)
            if self._ssl is not None:
                stream = await stream.start_tls(self._ssl, server_hostname=host, timeout=timeout)
            conn = self._conn = hc.AsyncHTTP11Connection(o, stream, keepalive_expiry=30.0)
        return _CoreReply(await conn.handle_async_request(request))

    def describe(self, exc: Exception, host: str, *, reading: bool) -> str:
        hc = self._httpcore
        return _describe(exc, host, reading, hc.TimeoutException, hc.RemoteProtocolError)

    async def aclose(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            await conn.aclose()


class _TransportReply:
    __slots__ = ("_response", "status")

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.status = response.status_code

    def header(self, name: str) -> str | None:
        value: str | None = self._response.headers.get(name)
        return value

    async def chunks(self) -> AsyncIterator[bytes]:
        if self._response.is_stream_consumed:  # a test's MockTransport answer, already read
            yield self._response.content
            return
        async for chunk in self._response.aiter_raw():
            yield chunk

    async def close(self) -> None:
        await self._response.aclose()


class _TransportLane:
    def __init__(self, transport: httpx.AsyncBaseTransport) -> None:
        import httpx  # noqa: PLC0415

        self._httpx = httpx
        self._transport = transport
        self._closed = False
        self.errors: tuple[type[Exception], ...] = (httpx.TransportError,)

    async def send(self, url: str, headers: dict[str, str], options: ClientOptions) -> Reply:
        request = self._httpx.Request(
            "GET", url, headers=headers, extensions={"timeout": _timeouts(options)}
        )
        return _TransportReply(await self._transport.handle_async_request(request))

    def describe(self, exc: Exception, host: str, *, reading: bool) -> str:
        hx = self._httpx
        return _describe(exc, host, reading, hx.TimeoutException, hx.RemoteProtocolError)

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            await self._transport.aclose()


def _http2_available() -> bool:
    try:
        import h2  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def lanes_for(
    o: ClientOptions, workers: int, factory: Callable[[], httpx.AsyncBaseTransport] | None
) -> list[Lane]:
    """One lane per worker (a transport lane is shared by a group of workers)."""
    https = o.base_url.startswith("https://")
    proxy = None
    if factory is None and o.trust_env:
        from privaudit.pwned.transport import proxy_for  # noqa: PLC0415

        proxy = proxy_for(o.base_url)
    http2 = https and _http2_available()
    if factory is not None or proxy is not None or http2:
        group = max(1, o.streams_per_connection if http2 and proxy is None else o.per_pool)
        make: Callable[[], Any] = factory or (lambda: _httpx_transport(o, proxy, http2, group))
        shared = [_TransportLane(make()) for _ in range(math.ceil(workers / group))]
        return [shared[i % len(shared)] for i in range(workers)]
    from privaudit.pwned.transport import AsyncioBackend, ssl_context  # noqa: PLC0415

    ssl, backend = (ssl_context() if https else None), AsyncioBackend()
    return [_ConnectionLane(o, ssl=ssl, backend=backend) for _ in range(workers)]


def _httpx_transport(
    o: ClientOptions, proxy: str | None, http2: bool, size: int
) -> httpx.AsyncBaseTransport:
    import httpx  # noqa: PLC0415

    from privaudit.pwned.transport import ssl_context  # noqa: PLC0415

    return httpx.AsyncHTTPTransport(
        verify=ssl_context(),
        limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
        http2=http2,
        proxy=proxy,
        trust_env=False,
    )
