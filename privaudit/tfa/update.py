"""`privaudit data update`: download, validate, then (and only then) replace the copy.

A failed, partial or corrupt download raises before anything is written, so a
good copy is never replaced by a bad one. The HTTP client is passed in.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from privaudit.errors import ServiceError, ServiceUnavailableError, UsageError
from privaudit.tfa.dataset import MAX_DATASET_BYTES, DatasetError, parse_services
from privaudit.tfa.store import save_download

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class UpdateResult:
    path: Path
    entries: int
    skipped: int
    fetched: datetime
    size: int


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, what: str = "2FA dataset", setting: str = "tfa.url") -> str:
    """Only https, or plain http to this machine (tests, local mirrors)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if parts is None or not host:
        raise UsageError(f"{what} URL {url!r} is not a URL; set {setting} to an https:// URL")
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)):
        return url
    raise UsageError(
        f"{what} URL {url!r} must use https:// (plain http only to localhost); fix {setting}"
    )


def download(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int = MAX_DATASET_BYTES,
    what: str = "2FA dataset",
    setting: str = "tfa.url",
) -> bytes:
    """The body of a 200 answer, within `max_bytes`; `what`/`setting` name it in errors."""
    import httpx  # noqa: PLC0415

    try:
        with client.stream("GET", url) as response:
            # a redirect must not leave https either
            check_url(str(response.url), what=what, setting=setting)
            if response.status_code != 200:
                raise ServiceUnavailableError(
                    f"{what} download from {url} failed: HTTP {response.status_code};"
                    f" check {setting} or try later (your current copy is unchanged)"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ServiceError(
                        f"{what} download from {url} is larger than"
                        f" {max_bytes // 2**20} MiB; refusing it (your current copy is unchanged)"
                    )
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise ServiceUnavailableError(
            f"{what} download from {url} failed ({type(exc).__name__}); check the network"
            " or try later (your current copy is unchanged)"
        ) from None
    return b"".join(chunks)


def update_dataset(
    client: httpx.Client, url: str, *, now: datetime, min_entries: int
) -> UpdateResult:
    url = check_url(url)
    raw = download(client, url)
    where = f"download from {url}"
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(
            f"{where}: not valid JSON: the download is corrupt or partial"
            " (your current copy is unchanged)"
        ) from None
    services, bad = parse_services(data, where=where, min_entries=min_entries)
    path = save_download(raw, data, url=url, fetched=now, entries=len(services))
    return UpdateResult(path, len(services), bad, now, len(raw))
