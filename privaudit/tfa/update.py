"""`privaudit data update`: download, validate, then (and only then) replace the copy.

A failed, partial or corrupt download raises before anything is written, so a
good copy is never replaced by a bad one. The HTTP client is passed in.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from privaudit.errors import ServiceError, ServiceUnavailableError, UsageError
from privaudit.tfa.dataset import MAX_DATASET_BYTES, DatasetError, Service, load_builtin
from privaudit.tfa.review import Changes, validate_update
from privaudit.tfa.store import load_stored, save_download

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class UpdateResult:
    path: Path
    entries: int
    skipped: int
    fetched: datetime
    size: int
    changes: Changes


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """Only https, or plain http to this machine (tests, local mirrors)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if parts is None or not host:
        raise UsageError(f"2FA dataset URL {url!r} is not a URL; set tfa.url to an https:// URL")
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)):
        return url
    raise UsageError(
        f"2FA dataset URL {url!r} must use https:// (plain http only to localhost); fix tfa.url"
    )


MAX_REDIRECTS = 5


def download(client: httpx.Client, url: str, *, max_bytes: int = MAX_DATASET_BYTES) -> bytes:
    """GET `url`, following at most MAX_REDIRECTS redirects, each checked before it is
    followed (the client must not follow redirects itself)."""
    import httpx  # noqa: PLC0415

    try:
        request = client.build_request("GET", url)
        for _hop in range(MAX_REDIRECTS + 1):
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                if not response.has_redirect_location:
                    return _read_body(response, url, max_bytes)
                next_request = response.next_request
            finally:
                response.close()
            if next_request is None:
                break
            check_url(str(next_request.url))  # before connecting: a hop must not leave https
            request = next_request
        raise ServiceError(
            f"2FA dataset download from {url} redirected more than {MAX_REDIRECTS} times;"
            " check tfa.url (your current copy is unchanged)"
        )
    except httpx.HTTPError as exc:
        raise ServiceUnavailableError(
            f"2FA dataset download from {url} failed ({type(exc).__name__}); check the network"
            " or try later (your current copy is unchanged)"
        ) from None


def _read_body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    if response.status_code != 200:
        raise ServiceUnavailableError(
            f"2FA dataset download from {url} failed: HTTP {response.status_code};"
            " check tfa.url or try later (your current copy is unchanged)"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ServiceError(
                f"2FA dataset download from {url} is larger than"
                f" {max_bytes // 2**20} MiB; refusing it (your current copy is unchanged)"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def update_dataset(
    client: httpx.Client,
    url: str,
    *,
    now: datetime,
    min_entries: int,
    accept_changes: bool = False,
) -> UpdateResult:
    url = check_url(url)
    raw = download(client, url)
    data, services, bad, changes = validate_update(
        raw,
        where=f"download from {url}",
        min_entries=min_entries,
        previous=_current_services(),
        builtin=load_builtin().services,
        accept_changes=accept_changes,
    )
    path = save_download(raw, data, url=url, fetched=now, entries=len(services))
    return UpdateResult(path, len(services), bad, now, len(raw), changes)


def _current_services() -> tuple[Service, ...] | None:
    """The stored copy being replaced; None when there is none or it is unreadable."""
    try:
        stored = load_stored()
    except DatasetError:
        return None
    return stored.services if stored is not None else None
