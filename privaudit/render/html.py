"""HTML: one self-contained page for people, on a phone, a screen or paper.

Rendered through a Jinja2 template with autoescaping: every string from the
report is escaped by the engine, never pasted into markup by hand. The page
loads nothing: its CSP is `default-src 'none'` plus the hash of its one inline
style sheet, and charts are inline SVG drawn from numbers computed here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

from markupsafe import Markup, escape

from privaudit.csp import page_policy, style_hash
from privaudit.i18n import _, catalog, current_language, ngettext
from privaudit.model import Report, Status, TrendPoint
from privaudit.plan import build_plan
from privaudit.render import RenderOptions
from privaudit.render.common import (
    OTHER_SECTIONS,
    URL,
    category_rows,
    count_phrase,
    coverage_line,
    findings_with,
    input_lines,
    problem_groups,
    score_line,
    severity_label,
    status_label,
)

GAUGE_RADIUS = 52


def safe_url(url: str) -> str | None:
    """Only http(s) links: no javascript:, data: or file: URLs in a report."""
    lowered = url.strip().lower()
    if lowered.startswith(("https://", "http://")) and not any(c.isspace() for c in url.strip()):
        return url.strip()
    return None


def linkify(text: str | None) -> Markup:
    """Escaped text whose http(s) URLs are anchors; nothing else becomes markup."""
    if not text:
        return Markup("")
    out: list[str] = []
    last = 0
    for match in URL.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        url = safe_url(match.group(0))
        shown = escape(match.group(0))
        out.append(
            f'<a href="{escape(url)}" rel="noopener noreferrer">{shown}</a>' if url else str(shown)
        )
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))  # noqa: S704  # every part above is escaped


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class Gauge:
    radius: int
    circumference: str
    dash: str | None
    grade: str
    label: str
    caption: str


def _gauge(report: Report) -> Gauge:
    score = report.score
    circumference = 2 * math.pi * GAUGE_RADIUS
    if score.value is None:
        return Gauge(GAUGE_RADIUS, f"{circumference:.2f}", None, "none", "–", _("no score"))
    return Gauge(
        GAUGE_RADIUS,
        f"{circumference:.2f}",
        f"{circumference * score.value / 100:.2f}",
        score.grade or "none",
        str(score.value),
        _("grade {grade}").format(grade=score.grade) if score.grade else _("no grade"),
    )


def _categories(report: Report) -> list[dict[str, Any]]:
    rows = []
    for name, value, grade, passed, warned, failed, not_scored in category_rows(report):
        rows.append(
            {
                "name": name,
                "value": value,
                "grade": grade,
                "css_grade": grade if grade in ("A", "B", "C", "D", "F") else "none",
                "width": int(value) if value.isdigit() else 0,
                "passed": passed,
                "warned": warned,
                "failed": failed,
                "not_scored": not_scored,
            }
        )
    return rows


def _trend(report: Report, earlier: tuple[TrendPoint, ...]) -> dict[str, Any] | None:
    """An SVG line chart of earlier runs plus this one; None without history."""
    if not earlier:
        return None
    points = [*earlier, TrendPoint(report.started_at, report.score.value)]
    width, height, left, right, top, bottom = 320, 120, 24, 312, 8, 100
    step = (right - left) / (len(points) - 1)

    def y(value: int) -> float:
        return bottom - (bottom - top) * value / 100

    lines: list[str] = []
    dots: list[tuple[str, str]] = []
    current: list[str] = []
    for i, point in enumerate(points):
        if point.score is None:  # a run with no score breaks the line
            if current:
                lines.append(" ".join(current))
            current = []
            continue
        x, yy = f"{left + i * step:.1f}", f"{y(point.score):.1f}"
        current.append(f"{x},{yy}")
        dots.append((x, yy))
    if current:
        lines.append(" ".join(current))
    scored = [p.score for p in points if p.score is not None]
    n = len(points)
    summary = ngettext("Score over the last {n} run", "Score over the last {n} runs", n).format(n=n)
    if scored:
        summary += _(": from {first} to {last} (lowest {low}, highest {high})").format(
            first=scored[0], last=scored[-1], low=min(scored), high=max(scored)
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": right,
        "y100": y(100),
        "y0": y(0),
        "lines": lines,
        "dots": dots,
        "first": _when(points[0].at)[:10],
        "last": _when(points[-1].at)[:10],
        "summary": summary,
    }


def _severities(report: Report) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    for group in problem_groups(report):
        if not sections or sections[-1]["name"] != group.severity.value:
            sections.append(
                {
                    "name": group.severity.value,
                    "title": severity_label(group.severity).capitalize(),
                    "groups": [],
                }
            )
        meta = group.meta
        sections[-1]["groups"].append(
            {
                "id": meta.id,
                "title": meta.title,
                "why": meta.why,
                "fix": meta.fix,
                "links": [u for u in (safe_url(r) for r in meta.references) if u],
                "findings": [
                    {
                        "status": f.status.value,
                        "label": status_label(f.status),
                        "new": report.is_new(f),
                        "subject": f.subject,
                        "message": f.message,
                        "fix": f.fix,
                    }
                    for f in group.findings
                ],
            }
        )
    return sections


def render(report: Report, options: RenderOptions | None = None) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # noqa: PLC0415

    options = options or RenderOptions()
    env = Environment(
        loader=PackageLoader("privaudit.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The current language's catalog; messages are formatted with str.format, as in code.
    env.install_gettext_translations(catalog(), newstyle=False)  # type: ignore[attr-defined]
    env.filters["linkify"] = linkify
    css = (files("privaudit.render") / "templates" / "report.css").read_text(encoding="utf-8")
    csp = page_policy(style_hash(css))
    counts = report.counts()
    html = env.get_template("report.html.j2").render(
        report=report,
        lang=current_language(),
        css=css,
        csp=csp,
        started=_when(report.started_at),
        score_text=score_line(report),
        gauge=_gauge(report),
        counts=[count_phrase(s, counts[s]) for s in Status if counts[s]],
        inputs=[*input_lines(report), *([coverage_line(report)] if report.score.coverage else [])],
        plan=build_plan(report),
        categories=_categories(report),
        trend=_trend(report, options.trend),
        severities=_severities(report),
        others=[
            {"title": _(title), "findings": findings_with(report, status)}
            for status, title in OTHER_SECTIONS
            if findings_with(report, status)
        ],
        passed=len(findings_with(report, Status.PASS)),
    )
    return str(html)
