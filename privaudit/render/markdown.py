"""Markdown: for a ticket, a wiki page or a printed handout."""

from __future__ import annotations

import re

from privaudit.i18n import _, ngettext
from privaudit.model import Report, Status
from privaudit.plan import build_plan
from privaudit.render import RenderOptions
from privaudit.render.common import (
    OTHER_SECTIONS,
    category_rows,
    coverage_line,
    findings_with,
    input_lines,
    problem_groups,
    score_line,
    severity_label,
    status_label,
)

# Enough to stop emphasis, code, links, tables, headings and HTML inside a line;
# every untrusted string is placed after a fixed prefix, never at a line start.
_SPECIAL = re.compile(r"([\\`*_\[\]|~#<>])")
# A bare "&" is literal in Markdown; only one that starts an entity ("&amp;")
# needs a backslash. Writing "&amp;" for every "&" shows raw in the file.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_STEP = re.compile(r"^(\d+)\.")  # "2. Open..." would start a numbered list


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (no links, emphasis, tables or HTML)."""
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))


def _step(text: str) -> str:
    return _STEP.sub(r"\1\\.", md(text))


def _others(report: Report) -> list[str]:
    lines: list[str] = []
    for status, title in OTHER_SECTIONS:
        found = findings_with(report, status)
        if found:
            lines += [f"## {_(title)}", ""]
            lines += [f"- {f.check_id} {md(f.subject)}: {md(f.message)}" for f in found]
            lines.append("")
    return lines


def render(report: Report, options: RenderOptions | None = None) -> str:
    lines: list[str] = ["# " + _("privaudit report"), ""]
    if report.demo:
        demo = _("**Demo:** sample data, not your accounts.")
        lines += [f"> {demo}", ""]
    lines += [f"**{md(score_line(report))}**", ""]
    lines += [f"- {md(line)}" for line in input_lines(report)]
    if report.score.coverage:
        lines.append(f"- {md(coverage_line(report))}")
    lines.append("")
    actions = build_plan(report)
    if actions:
        lines += ["## " + _("Fix first"), ""]
        lines += [
            f"- **{n}.** {md(a.title)} " + _("(about {n} min)").format(n=a.effort_minutes)
            for n, a in enumerate(actions, 1)
        ]
        lines.append("")
    if report.score.categories:
        heads = (_("Category"), _("Score"), _("Grade"), _("Pass"), _("Warn"), _("Fail"))
        lines += [
            "| " + " | ".join((*heads, _("Not scored"))) + " |",
            "|---|---:|:---:|---:|---:|---:|---:|",
        ]
        for cat, value, grade, p, w, f, ns in category_rows(report):
            lines.append(f"| {md(cat)} | {value} | {grade} | {p} | {w} | {f} | {ns} |")
        lines.append("")
    current = None
    for group in problem_groups(report):
        if group.severity is not current:
            current = group.severity
            lines += [f"## {severity_label(current).capitalize()}", ""]
        meta = group.meta
        lines += [f"### {meta.id} {md(meta.title)}", ""]
        for finding in group.findings:
            new = f" **{_('NEW')}**" if report.is_new(finding) else ""
            lines.append(
                f"- **{status_label(finding.status)}**{new} {md(finding.subject)}:"
                f" {md(finding.message)}"
            )
            if finding.fix:
                # A fix may hold several lines (numbered steps): each goes after its own
                # list prefix, so no line of untrusted text ever starts a Markdown line.
                first, *rest = finding.fix.splitlines()
                lines.append("  - " + _("Fix: {text}").format(text=md(first)))
                lines += [f"    - {_step(step)}" for step in rest if step.strip()]
        why = _("*Why:* {text}").format(text=md(meta.why))
        lines += ["", why, "", _("*Fix:* {text}").format(text=md(meta.fix)), ""]
    lines += _others(report)
    passed = findings_with(report, Status.PASS)
    if passed:
        n = len(passed)
        lines += [ngettext("{n} result passed.", "{n} results passed.", n).format(n=n), ""]
    for notice in report.notices:
        lines += ["> " + _("**Note:** {text}").format(text=md(notice)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
