"""The live page: the class summary as it stands, reloaded every few seconds.

The summary itself is the classroom renderer's (the same page `class summary`
writes); this adds the reload and the Content-Security-Policy header. The
policy allows nothing but the page's own style blocks, by their SHA-256, so a
reload without JavaScript (``<meta http-equiv="refresh">``) is the only
moving part.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from privaudit.classserver import share
from privaudit.i18n import Domain, current_language, use_language

_ = Domain("classserver").gettext

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

_WAITING_CSS = (
    "body{font:1.4rem/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;"
    "padding:0 1rem;color:#111;background:#fff}h1{font-size:2rem}"
)


@dataclass(frozen=True)
class LivePage:
    html: str
    csp: str


def style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(page: str) -> str:
    styles = " ".join(sorted({style_hash(css) for css in _STYLE.findall(page)})) or "'none'"
    return (
        f"default-src 'none'; style-src {styles}; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def waiting_page(refresh_seconds: int) -> str:
    title = html.escape(_("Class results"))
    waiting = html.escape(_("No results yet. They appear here as learners share them."))
    every = html.escape(
        _("This page reloads every {seconds} seconds.").format(seconds=refresh_seconds)
    )
    lang = html.escape(current_language())
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_WAITING_CSS}</style></head>"
        f"<body><main><h1>{title}</h1><p>{waiting}</p><p>{every}</p></main></body></html>\n"
    )


def live_page(docs: Sequence[Mapping[str, Any]], *, lang: str, refresh_seconds: int) -> LivePage:
    with use_language(lang):
        page = share.render_summary(docs) if docs else waiting_page(refresh_seconds)
    refresh = f'<meta http-equiv="refresh" content="{int(refresh_seconds)}">'
    head = _HEAD.search(page)
    page = page[: head.end()] + refresh + page[head.end() :] if head else refresh + page
    return LivePage(page, policy(page))
