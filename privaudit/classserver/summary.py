"""The server's own pages: the one shown before any result, and a grade table
shown when no class summary renderer is installed. Large, high-contrast type:
they are meant for the projector."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from privaudit.i18n import Domain, current_language

_d = Domain("classserver")
_ = _d.gettext

_CSS = (
    "body{font:1.5rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:44rem;"
    "padding:0 1rem;color:#111;background:#fff}h1{font-size:2.2rem}"
    "h2{font-size:1.6rem}table{border-collapse:collapse}"
    "th,td{border:1px solid #555;padding:.3rem 1.2rem;text-align:left}"
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
        if learner not in latest or _round(doc) > _round(latest[learner]):
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


def _round(doc: Mapping[str, Any]) -> int:
    value = doc.get("round")
    return value if isinstance(value, int) else 0
