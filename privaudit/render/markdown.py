"""Markdown: for a ticket, a wiki page or a printed handout."""

from __future__ import annotations

import re

from privaudit.model import Report, Status
from privaudit.plan import build_plan
from privaudit.render import RenderOptions
from privaudit.render.common import (
    OTHER_SECTIONS,
    STATUS_LABEL,
    category_rows,
    coverage_line,
    findings_with,
    input_lines,
    problem_groups,
    score_line,
)

# Enough to stop emphasis, code, links, tables, headings and HTML inside a line;
# every untrusted string is placed after a fixed prefix, never at a line start.
_SPECIAL = re.compile(r"([\\`*_\[\]|~#>])")
_STEP = re.compile(r"^(\d+)\.")  # "2. Open..." would start a numbered list


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (no links, emphasis, tables or HTML)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(r"\\\1", text)


def _step(text: str) -> str:
    return _STEP.sub(r"\1\\.", md(text))


def _plan(report: Report) -> list[str]:
    actions = build_plan(report)
    if not actions:
        return []
    steps = [f"{n}. {md(a.title)} (about {a.effort_minutes} min)" for n, a in enumerate(actions, 1)]
    return ["## Fix first", "", *steps, ""]


def _others(report: Report) -> list[str]:
    lines: list[str] = []
    for status, title in OTHER_SECTIONS:
        found = findings_with(report, status)
        if found:
            lines += [f"## {title}", ""]
            lines += [f"- {f.check_id} {md(f.subject)}: {md(f.message)}" for f in found]
            lines.append("")
    return lines


def render(report: Report, options: RenderOptions | None = None) -> str:
    lines: list[str] = ["# privaudit report", ""]
    if report.demo:
        lines += ["> **Demo:** sample data, not your accounts.", ""]
    lines += [f"**{md(score_line(report))}**", ""]
    lines += [f"- {md(line)}" for line in input_lines(report)]
    if report.score.coverage:
        lines.append(f"- {md(coverage_line(report))}")
    lines.append("")
    actions = build_plan(report)
    if actions:
        lines += ["## Fix first", ""]
        lines += [
            f"- **{n}.** {md(a.title)} (about {a.effort_minutes} min)"
            for n, a in enumerate(actions, 1)
        ]
        lines.append("")
    if report.score.categories:
        lines += [
            "| Category | Score | Grade | Pass | Warn | Fail | Not scored |",
            "|---|---:|:---:|---:|---:|---:|---:|",
        ]
        for cat, value, grade, p, w, f, ns in category_rows(report):
            lines.append(f"| {md(cat)} | {value} | {grade} | {p} | {w} | {f} | {ns} |")
        lines.append("")
    current = None
    for group in problem_groups(report):
        if group.severity is not current:
            current = group.severity
            lines += [f"## {current.value.capitalize()}", ""]
        meta = group.meta
        lines += [f"### {meta.id} {md(meta.title)}", ""]
        for finding in group.findings:
            new = " **NEW**" if report.is_new(finding) else ""
            lines.append(
                f"- **{STATUS_LABEL[finding.status]}**{new} {md(finding.subject)}:"
                f" {md(finding.message)}"
            )
            if finding.fix:
                # A fix may hold several lines (numbered steps): each goes after its own
                # list prefix, so no line of untrusted text ever starts a Markdown line.
                first, *rest = finding.fix.splitlines()
                lines.append(f"  - Fix: {md(first)}")
                lines += [f"    - {_step(step)}" for step in rest if step.strip()]
        lines += ["", f"*Why:* {md(meta.why)}", "", f"*Fix:* {md(meta.fix)}", ""]
    lines += _others(report)
    passed = findings_with(report, Status.PASS)
    if passed:
        lines += [f"{len(passed)} result(s) passed.", ""]
    for notice in report.notices:
        lines += [f"> **Note:** {md(notice)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
