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

_d = Domain("classserver")
_ = _d.gettext

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

# Large, high-contrast type: the page is meant for the projector.
_CSS = (
    "body{font:1.5rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:44rem;"
    "padding:0 1rem;color:#111;background:#fff}h1{font-size:2.2rem}"
    "h2{font-size:1.6rem}table{border-collapse:collapse}"
    "th,td{border:1px solid #555;padding:.3rem 1.2rem;text-align:left}"
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


def _document(title: str, body: str) -> str:
    lang = html.escape(current_language())
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>\n"
    )


def waiting_page(refresh_seconds: int) -> str:
    waiting = html.escape(_("No results yet. They appear here as learners share them."))
    every = html.escape(
        _("This page reloads every {seconds} seconds.").format(seconds=refresh_seconds)
    )
    return _document(_("Class results"), f"<p>{waiting}</p><p>{every}</p>")


def grade_summary(docs: Sequence[Mapping[str, Any]]) -> str:
    """How many learners are at each grade (their latest share): the page the server
    shows when no summary renderer is installed."""
    latest: dict[str, Mapping[str, Any]] = {}
    for doc in docs:
        learner = str(doc.get("learner"))
        if learner not in latest or share.round_of(doc) > share.round_of(latest[learner]):
            latest[learner] = doc
    grades = [str(d.get("grade") or "?") for d in latest.values()]
    rows = "".join(
        f"<tr><th>{html.escape(g)}</th><td>{grades.count(g)}</td></tr>"
        for g in ("A", "B", "C", "D", "F", "?")
        if g in grades
    )
    shared = html.escape(
        _d.ngettext(
            "{n} learner has shared a result.", "{n} learners have shared a result.", len(latest)
        ).format(n=len(latest))
    )
    caption = html.escape(_("Learners at each grade (their latest result)"))
    table = f"<h2>{caption}</h2><table>{rows}</table>"
    return _document(_("Class results"), f"<p>{shared}</p>{table}")


def live_page(docs: Sequence[Mapping[str, Any]], *, lang: str, refresh_seconds: int) -> LivePage:
    with use_language(lang):
        page = share.render_summary(docs) if docs else waiting_page(refresh_seconds)
    refresh = f'<meta http-equiv="refresh" content="{int(refresh_seconds)}">'
    head = _HEAD.search(page)
    page = page[: head.end()] + refresh + page[head.end() :] if head else refresh + page
    return LivePage(page, policy(page))
