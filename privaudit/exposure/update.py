"""`privaudit data update` for the breach catalogue and the passkeys directory.

Downloads go through the same validated path as the 2FA data
(`tfa.update.download`: https only, redirects checked, size bounded); a copy is
parsed in full before it replaces the stored one, so a bad download never
replaces a good copy. The HTTP client is passed in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from privaudit.exposure.breaches import MAX_CATALOGUE_BYTES, parse_breaches
from privaudit.exposure.passkeys import MAX_PASSKEYS_BYTES, parse_directory
from privaudit.exposure.store import save_download
from privaudit.i18n import _
from privaudit.tfa.dataset import DatasetError
from privaudit.tfa.update import check_url, download

if TYPE_CHECKING:
    import httpx

MIN_BREACHES: Final = 300
"""HIBP lists over 800 breaches; fewer than this is a partial or wrong answer."""
MIN_PASSKEYS: Final = 100
"""The directory lists about 260 services."""


@dataclass(frozen=True, slots=True)
class ExposureUpdate:
    kind: str
    path: Path
    entries: int


def _json(raw: bytes, where: str) -> object:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(
            _(
                "{where}: not valid JSON: the download is corrupt or partial"
                " (your current copy is unchanged)"
            ).format(where=where)
        ) from None


def update_breaches(
    client: httpx.Client, url: str, *, now: datetime, min_entries: int = MIN_BREACHES
) -> ExposureUpdate:
    def count(data: Any, where: str) -> int:
        return len(parse_breaches(data, where=where, min_entries=min_entries)[0])

    return _fetch_and_store(
        client, url, "breaches", "breach catalogue", "--breaches-url",
        max_bytes=MAX_CATALOGUE_BYTES, count=count, now=now,
    )  # fmt: skip


def update_passkeys(
    client: httpx.Client, url: str, *, now: datetime, min_entries: int = MIN_PASSKEYS
) -> ExposureUpdate:
    def count(data: Any, where: str) -> int:
        return len(parse_directory(data, where=where, min_entries=min_entries))

    return _fetch_and_store(
        client, url, "passkeys", "passkeys directory", "--passkeys-url",
        max_bytes=MAX_PASSKEYS_BYTES, count=count, now=now,
    )  # fmt: skip


def _fetch_and_store(
    client: httpx.Client,
    url: str,
    kind: str,
    what: str,
    setting: str,
    *,
    max_bytes: int,
    count: Callable[[Any, str], int],
    now: datetime,
) -> ExposureUpdate:
    """Check the URL, download under a size cap, validate (count raises on bad data), store."""
    url = check_url(url, what=what, setting=setting)
    raw = download(client, url, max_bytes=max_bytes, what=what, setting=setting)
    data = _json(raw, f"{what} from {url}")
    entries = count(data, f"{what} from {url}")
    path = save_download(kind, raw, data, url=url, fetched=now)
    return ExposureUpdate(kind, path, entries)
