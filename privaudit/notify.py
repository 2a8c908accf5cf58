"""`--notify URL`: POST the run's JSON summary to a webhook, with a timeout and retries.

The HTTP client is built by the CLI and passed in (httpx is imported only there).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from privaudit.errors import ServiceError, UsageError

if TYPE_CHECKING:
    import httpx

ATTEMPTS = 3
BACKOFF_SECONDS = 0.5
TIMEOUT_SECONDS = 10.0


def check_url(url: str) -> str:
    """Only http(s) webhooks; anything else is a usage error before the audit runs."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            "--notify needs an http:// or https:// URL, such as https://hooks.example.com/abc"
        )
    return url


def post_summary(
    client: httpx.Client,
    url: str,
    payload: dict[str, Any],
    *,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """POST `payload`; retry on network errors and 5xx/429. Returns the attempts used."""
    import httpx  # noqa: PLC0415

    body = json.dumps(payload, sort_keys=True).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "privaudit-notify"}
    problem = "no attempt made"
    for attempt in range(1, attempts + 1):
        try:
            response = client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            problem = type(exc).__name__
        else:
            if response.status_code < 300:
                return attempt
            problem = f"HTTP {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                break  # the receiver refused this request: retrying will not help
        if attempt < attempts:
            sleep(backoff * 2 ** (attempt - 1))
    raise ServiceError(
        f"the --notify webhook did not accept the summary ({problem}); check the URL and receiver"
    )
