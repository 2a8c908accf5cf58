"""Lanes: what one range-client worker sends its requests through.

- `_ConnectionLane`: one httpcore connection, kept alive and reopened when the
  server closes it. Over HTTP/1.1 each worker has its own; over HTTP/2 a group
  of workers shares one (its streams are multiplexed). If a server offers only
  HTTP/1.1 over TLS, a shared lane opens one spare connection per busy worker.
- `_TransportLane`: an httpx transport (a proxy, or a test's MockTransport),
  shared by a few workers like a small pool.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ssl import SSLContext

    import httpcore
    import httpx

    from privaudit.pwned.options import ClientOptions


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
        return f"{host} timed out"
    if "certificate" in str(exc).lower():
        return f"the TLS certificate of {host} is not trusted (behind a proxy? set SSL_CERT_FILE)"
    if reading and isinstance(exc, protocol):
        return f"{host} closed the connection before the answer was complete"
    return f"could not reach {host}"


class _CoreReply:
    __slots__ = ("_done", "_headers", "_response", "status")

    def __init__(self, response: httpcore.Response, done: Callable[[], None] | None) -> None:
        self._response = response
        self._headers = response.headers
        self._done = done
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
        if self._done is not None:
            self._done()


class _ConnectionLane:
    def __init__(
        self, options: ClientOptions, *, http2: bool, ssl: SSLContext | None, backend: Any
    ) -> None:
        import httpcore  # noqa: PLC0415  # only online runs load the HTTP stack

        parts = urlsplit(options.base_url)
        scheme = parts.scheme.encode("ascii")
        host = (parts.hostname or "").encode("idna")
        port = parts.port or (443 if scheme == b"https" else 80)
        self._httpcore = httpcore
        self._origin = httpcore.Origin(scheme, host, port)
        self._ssl = ssl
        self._http2 = http2
        self._backend = backend
        default = port == (443 if scheme == b"https" else 80)
        self._host_header = host if default else host + b":%d" % port
        self._base_path = parts.path.rstrip("/").encode("ascii")
        self._conn: httpcore.AsyncHTTPConnection | None = None
        self._h1: httpcore.AsyncHTTP11Connection | None = None
        self._spares: list[httpcore.AsyncHTTPConnection] = []
        self._all: list[httpcore.AsyncHTTPConnection] = []
        self._timeouts = _timeouts(options)
        self.errors: tuple[type[Exception], ...] = (
            httpcore.TimeoutException,
            httpcore.NetworkError,
            httpcore.ProtocolError,
            httpcore.UnsupportedProtocol,
        )

    def _new(self, http2: bool) -> httpcore.AsyncHTTPConnection:
        conn = self._httpcore.AsyncHTTPConnection(
            self._origin, ssl_context=self._ssl, keepalive_expiry=30.0, http2=http2,
            network_backend=self._backend,
        )  # fmt: skip
        self._all.append(conn)
        return conn

    def _usable(self, conn: httpcore.AsyncHTTPConnection | None) -> bool:
        return conn is not None and not conn.is_closed() and not conn.has_expired()

    async def send(self, url: str, headers: dict[str, str], options: ClientOptions) -> Reply:
        hc = self._httpcore
        origin = self._origin
        target = self._base_path + url.encode("ascii")[url.find("/range/") :]
        fields = [(b"Host", self._host_header)]
        fields += [(k.encode("ascii"), v.encode("latin-1")) for k, v in headers.items()]
        request = hc.Request(
            b"GET",
            hc.URL(scheme=origin.scheme, host=origin.host, port=origin.port, target=target),
            headers=fields,
            extensions={"timeout": self._timeouts},
        )
        if not self._http2:
            return await self._send_http1(request)
        conn = self._conn
        if conn is None or not self._usable(conn):
            conn = self._conn = self._new(True)
        try:
            return _CoreReply(await conn.handle_async_request(request), None)
        except hc.ConnectionNotAvailable:
            pass  # HTTP/1.1 on a lane meant for HTTP/2 streams: use a spare connection
        while self._spares and not self._usable(self._spares[-1]):
            self._spares.pop()
        spare = self._spares.pop() if self._spares else self._new(False)
        response = await spare.handle_async_request(request)
        return _CoreReply(response, lambda: self._spares.append(spare))

    async def _send_http1(self, request: httpcore.Request) -> Reply:
        """One worker's own connection, driven directly: no connection wrapper, lock
        or ALPN step per request (a tenth of the client's CPU per request)."""
        conn = self._h1
        if conn is None or conn.is_closed() or conn.has_expired():
            if conn is not None:
                await conn.aclose()
            conn = self._h1 = None
            o = self._origin
            host = o.host.decode("ascii")
            timeout = self._timeouts["connect"]
            stream = await self._backend.connect_tcp(host, o.port, timeout=timeout)
            if self._ssl is not None:
                stream = await stream.start_tls(self._ssl, server_hostname=host, timeout=timeout)
            conn = self._h1 = self._httpcore.AsyncHTTP11Connection(o, stream, keepalive_expiry=30.0)
        return _CoreReply(await conn.handle_async_request(request), None)

    def describe(self, exc: Exception, host: str, *, reading: bool) -> str:
        hc = self._httpcore
        return _describe(exc, host, reading, hc.TimeoutException, hc.RemoteProtocolError)

    async def aclose(self) -> None:
        conns, self._all, self._spares, self._conn = self._all, [], [], None
        for conn in conns:
            await conn.aclose()
        if self._h1 is not None:
            h1, self._h1 = self._h1, None
            await h1.aclose()


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
    """One lane per worker (lanes may be shared between workers)."""
    https = o.base_url.startswith("https://")
    proxy = None
    if factory is None and o.trust_env:
        from privaudit.pwned.transport import proxy_for  # noqa: PLC0415

        proxy = proxy_for(o.base_url)
    if factory is not None or proxy is not None:
        make: Callable[[], Any] = factory or (lambda: _proxy_transport(o, proxy or "", https))
        pools = [_TransportLane(make()) for _ in range(math.ceil(workers / max(1, o.per_pool)))]
        return [pools[i % len(pools)] for i in range(workers)]
    from privaudit.pwned.transport import AsyncioBackend, ssl_context  # noqa: PLC0415

    ssl, backend = (ssl_context() if https else None), AsyncioBackend()
    if https and _http2_available():
        group = max(1, o.streams_per_connection)
        shared = [
            _ConnectionLane(o, http2=True, ssl=ssl, backend=backend)
            for _ in range(math.ceil(workers / group))
        ]
        return [shared[i % len(shared)] for i in range(workers)]
    return [_ConnectionLane(o, http2=False, ssl=ssl, backend=backend) for _ in range(workers)]


def _proxy_transport(o: ClientOptions, proxy: str, https: bool) -> httpx.AsyncBaseTransport:
    import httpx  # noqa: PLC0415

    from privaudit.pwned.transport import ssl_context  # noqa: PLC0415

    per_pool = min(o.per_pool, max(1, o.concurrency))
    return httpx.AsyncHTTPTransport(
        verify=ssl_context(),
        limits=httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool),
        http2=https and _http2_available(),
        proxy=proxy,
        trust_env=False,
    )
