"""Links a person can copy from paper: short text, whole target."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_TEXT = 42


def safe_href(url: str | None) -> str | None:
    """Only http(s) links with a host become anchors (DESIGN.md, HTML rules)."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def short_text(url: str) -> str:
    """'https://www.example.com/settings/security/' -> 'example.com/settings/security'.

    What is cut is the scheme, a leading www. and a trailing slash; a path still too
    long keeps its host and its last part, so the reader can find the page by eye.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    text = host + path
    if len(text) <= MAX_TEXT:
        return text
    last = path.rsplit("/", 1)[-1]
    short = f"{host}/…/{last}" if last else host
    return short if len(short) <= MAX_TEXT else host
