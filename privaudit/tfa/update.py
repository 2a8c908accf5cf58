"""`privaudit data update`: download (or read a local snapshot), validate, then (and
only then) replace the copy.

A failed, partial or corrupt download raises before anything is written, so a
good copy is never replaced by a bad one. The HTTP client is passed in. A local
snapshot (`--file PATH` or a `file://` URL) goes through the same validation as a
download: `store_validated` is the one door to the stored copy.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

from privaudit.errors import ServiceError, ServiceUnavailableError, UsageError
from privaudit.files import open_user_file
from privaudit.i18n import N_, _
from privaudit.tfa.dataset import MAX_DATASET_BYTES, DatasetError, Service, load_builtin
from privaudit.tfa.review import Changes, validate_update
from privaudit.tfa.store import load_stored, save_download

# What the downloads are called in messages (check_url's and download's `what`).
_NAMES = (N_("2FA dataset"), N_("breach catalogue"), N_("passkeys directory"), N_("HIBP API"))

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


def check_url(url: str, *, what: str = "2FA dataset", setting: str = "tfa.url") -> str:
    """Only https, or plain http to this machine (tests, local mirrors)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if parts is None or not host:
        raise UsageError(
            _("{what} URL {url!r} is not a URL; set {setting} to an https:// URL").format(
                what=_(what), url=url, setting=setting
            )
        )
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)):
        return url
    raise UsageError(
        _(
            "{what} URL {url!r} must use https:// (plain http only to localhost); fix {setting}"
        ).format(what=_(what), url=url, setting=setting)
    )


MAX_REDIRECTS = 5


def download(
    client: httpx.Client,
    url: str,
    *,
    max_bytes: int = MAX_DATASET_BYTES,
    what: str = "2FA dataset",
    setting: str = "tfa.url",
) -> bytes:
    """GET `url`, following at most MAX_REDIRECTS redirects, each checked before it is
    followed (the client must not follow redirects itself). `what` and `setting`
    name the data and where its URL comes from in errors."""
    import httpx  # noqa: PLC0415

    try:
        request = client.build_request("GET", url)
        for _hop in range(MAX_REDIRECTS + 1):
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                if not response.has_redirect_location:
                    return _read_body(response, url, max_bytes, what, setting)
                next_request = response.next_request
            finally:
                response.close()
            if next_request is None:
                break
            # before connecting: a hop must not leave https
            check_url(str(next_request.url), what=_(what), setting=setting)
            request = next_request
        raise ServiceError(
            _(
                "{what} download from {url} redirected more than {max_redirects}"
                " times; check {setting} (your current copy is unchanged)"
            ).format(what=_(what), url=url, max_redirects=MAX_REDIRECTS, setting=setting)
        )
    except httpx.HTTPError as exc:
        raise ServiceUnavailableError(
            _(
                "{what} download from {url} failed ({error}); check the network or"
                " try later (your current copy is unchanged)"
            ).format(what=_(what), url=url, error=type(exc).__name__)
        ) from None


def _read_body(
    response: httpx.Response, url: str, max_bytes: int, what: str, setting: str
) -> bytes:
    if response.status_code != 200:
        raise ServiceUnavailableError(
            _(
                "{what} download from {url} failed: HTTP {status_code}; check"
                " {setting} or try later (your current copy is unchanged)"
            ).format(what=_(what), url=url, status_code=response.status_code, setting=setting)
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ServiceError(
                _(
                    "{what} download from {url} is larger than {limit} MiB; refusing"
                    " it (your current copy is unchanged)"
                ).format(what=_(what), url=url, limit=max_bytes // 2**20)
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
    if is_file_url(url):
        return update_from_file(
            file_url_path(url), now=now, min_entries=min_entries, accept_changes=accept_changes
        )
    url = check_url(url)
    raw = download(client, url)
    return store_validated(
        raw,
        url=url,
        where=f"download from {url}",
        now=now,
        min_entries=min_entries,
        accept_changes=accept_changes,
    )


def is_file_url(url: str) -> bool:
    return url.strip()[:7].lower() == "file://"


def file_url_path(url: str) -> Path:
    """`file:///srv/2fa/all.json` -> that path; only this machine's files."""
    parts = urlsplit(url.strip())
    if parts.netloc not in {"", "localhost"}:
        raise UsageError(
            _(
                "2FA dataset URL {url!r} names another machine; a file:// URL"
                " must be a local file (file:///path/to/all.json)"
            ).format(url=url)
        )
    if not parts.path:
        raise UsageError(
            _("2FA dataset URL {url!r} has no path; use file:///path/to/all.json").format(url=url)
        )
    return Path(url2pathname(parts.path))


def update_from_file(
    path: Path, *, now: datetime, min_entries: int, accept_changes: bool = False
) -> UpdateResult:
    """Load a local 2fa.directory snapshot (an all.json saved earlier, an offline mirror)."""
    path = path.expanduser()
    with open_user_file(path, what="2FA dataset file", max_bytes=MAX_DATASET_BYTES + 1) as handle:
        raw = handle.read(MAX_DATASET_BYTES + 1)
    where = f"2FA dataset file {path}"
    if len(raw) > MAX_DATASET_BYTES:
        raise DatasetError(
            _(
                "{where}: larger than {limit} MiB; refusing it (your current copy is unchanged)"
            ).format(where=where, limit=MAX_DATASET_BYTES // 2**20)
        )
    url = path.resolve().as_uri()
    return store_validated(
        raw, url=url, where=where, now=now, min_entries=min_entries, accept_changes=accept_changes
    )


def store_validated(
    raw: bytes,
    *,
    url: str,
    where: str,
    now: datetime,
    min_entries: int,
    accept_changes: bool = False,
) -> UpdateResult:
    """Validate a dataset however it arrived (download or local file: the same checks,
    including the refusal of suspicious changes), then replace the stored copy."""
    data, services, bad, changes = validate_update(
        raw,
        where=where,
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
