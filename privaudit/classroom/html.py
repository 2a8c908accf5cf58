"""The class summary as one self-contained HTML page: printed, projected, or served live.

A pure function of a ClassSummary (and the current language). The page loads
nothing: its CSP is `default-src 'none'` plus the hash (or the server's nonce) of
its one style sheet; the charts are inline SVG; every text is escaped by Jinja2.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

from privaudit.classroom.chart import bar_chart
from privaudit.classroom.lessons import lesson_for
from privaudit.classroom.summary import ClassSummary
from privaudit.classroom.texts import page_texts
from privaudit.csp import page_policy, style_hash
from privaudit.i18n import current_language, use_language

_CODE = re.compile(r"`([^`]+)`")
_NONCE = re.compile(r"^[A-Za-z0-9+/=_-]{16,128}$")


@cache
def _css() -> str:
    return (files("privaudit.classroom") / "templates" / "summary.css").read_text("utf-8")


def summary_csp(nonce: str | None = None) -> str:
    """The page's Content-Security-Policy (also for a server's header)."""
    return page_policy(style_hash(_css()) if nonce is None else f"'nonce-{nonce}'")


def codify(text: str) -> Markup:
    """Escaped text whose `backticked` commands are <code>; nothing else becomes markup."""
    out, last = [], 0
    for match in _CODE.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        out.append(f"<code>{escape(match.group(1))}</code>")
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))  # noqa: S704  # every part is escaped


@cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # noqa: PLC0415

    env = Environment(
        loader=PackageLoader("privaudit.classroom", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["codify"] = codify
    return env


def render_summary_html(
    summary: ClassSummary,
    *,
    lang: str | None = None,
    refresh_seconds: int | None = None,
    nonce: str | None = None,
) -> str:
    """The page; `refresh_seconds` reloads it (a live view), `nonce` replaces the style hash."""
    if nonce is not None and not _NONCE.match(nonce):
        raise ValueError("a CSP nonce is 16 to 128 base64 characters")
    if refresh_seconds is not None and not 1 <= refresh_seconds <= 3600:
        raise ValueError("refresh_seconds must be between 1 and 3600")
    with use_language(lang or current_language()):
        t = page_texts(summary)
        progress = summary.progress
        html = (
            _environment()
            .get_template("summary.html.j2")
            .render(
                lang=current_language(),
                summary=summary,
                t=t,
                css=_css(),
                csp=summary_csp(nonce),
                nonce=nonce,
                refresh=refresh_seconds,
                score_chart=bar_chart(
                    [("now", summary.bands)], title=t["chart"], grade_label=t["grade"]
                ),
                progress_chart=bar_chart(
                    [("before", progress.before), ("after", progress.after)],
                    title=t["progress_chart"],
                    grade_label=t["grade"],
                )
                if progress.pairs
                else None,
                gaps=[
                    {
                        "check_id": gap.check_id,
                        "name": lesson_for(gap.check_id).gap,
                        "lesson": lesson_for(gap.check_id).lesson,
                        "share": t["of"].format(n=gap.learners, total=summary.learners),
                    }
                    for gap in summary.gaps
                ],
            )
        )
    return str(html)
