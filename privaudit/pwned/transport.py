"""How the range client reaches the API: httpcore connections on plain asyncio.

httpx's pool re-scans its connection list on every request and its default
network layer goes through anyio (cancel scopes, checkpoints, sniffio) on every
read and write; together that was ~70 % of an online audit's CPU. The range
client instead drives each httpcore connection (httpx's own HTTP/1.1 and HTTP/2
machinery, TLS with ALPN) from one worker, over this small asyncio backend.

The environment is honoured like httpx's clients do (`trust_env`): TLS roots
from SSL_CERT_FILE / SSL_CERT_DIR, and HTTP(S)_PROXY / ALL_PROXY / NO_PROXY; a
proxied run uses httpx's proxy transport instead of direct connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import ssl
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import httpcore


def is_local_host(host: str) -> bool:
    """localhost or a loopback address: plain http there never crosses a network."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def proxy_for(url: str) -> str | None:
    """The proxy the environment names for `url` (urllib's reading of *_proxy and
    no_proxy, as httpx and curl use them), or None for a direct connection."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if is_local_host(host):
        return None
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy:
        return None
    if urllib.request.proxy_bypass(host if parts.port is None else f"{host}:{parts.port}"):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def ssl_context() -> ssl.SSLContext:
    """Verified TLS with the roots the environment names, else the system's."""
    import httpx  # noqa: PLC0415

    return httpx.create_ssl_context(trust_env=True)


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError:
            raise httpcore.ReadTimeout("read timed out") from None
        except OSError as exc:
            raise httpcore.ReadError(type(exc).__name__) from None

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._writer.write(buffer)
            if self._writer.transport.get_write_buffer_size():
                async with asyncio.timeout(timeout):
                    await self._writer.drain()
        except TimeoutError:
            raise httpcore.WriteTimeout("write timed out") from None
        except OSError as exc:
            raise httpcore.WriteError(type(exc).__name__) from None

    async def aclose(self) -> None:
        self._writer.close()
        with contextlib.suppress(OSError, asyncio.CancelledError):
            await self._writer.wait_closed()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError:
            raise httpcore.ConnectTimeout("TLS handshake timed out") from None
        except ssl.SSLCertVerificationError:
            raise httpcore.ConnectError("the server's certificate is not trusted") from None
        except (OSError, ssl.SSLError) as exc:
            raise httpcore.ConnectError(type(exc).__name__) from None
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # an idle keep-alive socket with EOF: the server hung up
            return self._reader.at_eof()
        names = {"client_addr": "sockname", "server_addr": "peername"}
        return self._writer.get_extra_info(names.get(info, info))


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network layer on asyncio streams (no anyio per read and write)."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        del local_address, socket_options  # httpcore's interface; the range client sets neither
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        except TimeoutError:
            raise httpcore.ConnectTimeout("connect timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(type(exc).__name__) from None
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _Stream(reader, writer)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        del path, timeout, socket_options
        raise httpcore.ConnectError("unix sockets are not used by the range client")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
