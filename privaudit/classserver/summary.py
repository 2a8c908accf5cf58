"""The server's own page, shown before the first result arrives: large,
high-contrast type for the projector, reloading itself like the summary."""

from __future__ import annotations

import html

from privaudit.i18n import Domain, current_language

_ = Domain("classserver").gettext

_CSS = (
    "body{font:1.5rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:44rem;"
    "padding:0 1rem;color:#111;background:#fff}h1{font-size:2.2rem}"
)


def _document(title: str, body: str, refresh_seconds: int) -> str:
    lang = html.escape(current_language())
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="{int(refresh_seconds)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>\n"
    )


def waiting_page(refresh_seconds: int) -> str:
    waiting = html.escape(_("No results yet. They appear here as learners share them."))
    every = html.escape(
        _("This page reloads every {seconds} seconds.").format(seconds=refresh_seconds)
    )
    return _document(_("Class results"), f"<p>{waiting}</p><p>{every}</p>", refresh_seconds)
