"""The terminal report (rich). Every untrusted string goes in as `Text`, never markup."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from privaudit.model import Report, Severity, Status
from privaudit.render import RenderOptions
from privaudit.render.common import (
    OTHER_SECTIONS,
    STATUS_LABEL,
    category_rows,
    findings_with,
    input_lines,
    problem_groups,
    score_line,
)

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
STATUS_STYLE = {
    Status.PASS: "green",
    Status.WARN: "yellow",
    Status.FAIL: "red",
    Status.ERROR: "magenta",
    Status.SKIP: "dim",
    Status.UNANSWERED: "blue",
}
GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "red", "F": "bold red"}


def make_console(options: RenderOptions, file: StringIO) -> Console:
    return Console(
        file=file,
        width=options.width,
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def _summary(report: Report) -> Panel:
    score = report.score
    grade_style = GRADE_STYLE.get(score.grade or "", "bold")
    head = Text()
    if report.demo:
        head.append("DEMO: sample data, not your accounts\n", style="bold reverse")
    head.append(score_line(report), style=grade_style)
    counts = report.counts()
    parts = [f"{counts[s]} {STATUS_LABEL[s].lower()}" for s in Status if counts[s]]
    body = Text("\n".join(input_lines(report)) + "\n" + ", ".join(parts))
    return Panel(Group(head, body), title="privaudit report", title_align="left", box=box.ROUNDED)


def _categories(report: Report) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    for name, justify in (
        ("Category", "left"),
        ("Score", "right"),
        ("Grade", "center"),
        ("Pass", "right"),
        ("Warn", "right"),
        ("Fail", "right"),
        ("Not scored", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for cat, value, grade, p, w, f, ns in category_rows(report):
        table.add_row(
            Text(cat),
            Text(value),
            Text(grade, style=GRADE_STYLE.get(grade, "")),
            Text(str(p)),
            Text(str(w)),
            Text(str(f)),
            Text(str(ns)),
        )
    return table


def _problems(console: Console, report: Report) -> None:
    current: Severity | None = None
    for group in problem_groups(report):
        if group.severity is not current:
            current = group.severity
            console.print()
            console.print(Text(current.value.upper(), style=SEVERITY_STYLE[current]))
        meta = group.meta
        console.print(
            Padding(Text.assemble((f"{meta.id} ", "bold"), (meta.title, "bold")), (0, 0, 0, 2))
        )
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=5, no_wrap=True)
        grid.add_column()
        for finding in group.findings:
            text = Text.assemble((finding.subject, "bold"), ": ", finding.message)
            if report.is_new(finding):
                text = Text.assemble(("NEW ", "bold reverse"), text)
            if finding.fix:
                text.append("\nFix: " + finding.fix)
            # A word longer than the column (a URL) runs on rather than being cut with "…".
            text.overflow = "fold"
            label = Text(STATUS_LABEL[finding.status], style=STATUS_STYLE[finding.status])
            grid.add_row(label, text)
        console.print(Padding(grid, (0, 0, 0, 4)))
        console.print(Padding(Text("Why: " + meta.why, style="dim"), (0, 0, 0, 4)))
        console.print(Padding(Text("Fix: " + meta.fix), (0, 0, 0, 4)))


def _others(console: Console, report: Report) -> None:
    for status, title in OTHER_SECTIONS:
        found = findings_with(report, status)
        if not found:
            continue
        console.print()
        console.print(Text(f"{title.upper()}: {len(found)}", style=f"{STATUS_STYLE[status]} bold"))
        for finding in found:
            line = Text.assemble(
                (f"{finding.check_id} ", "bold"), finding.subject, ": ", finding.message
            )
            console.print(Padding(line, (0, 0, 0, 2)))


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    out = StringIO()
    console = make_console(options, out)
    console.print(_summary(report))
    if report.score.categories:
        console.print(_categories(report))
    _problems(console, report)
    _others(console, report)
    console.print()
    passed = findings_with(report, Status.PASS)
    if passed:
        console.print(Text(f"{len(passed)} result(s) passed.", style="green"))
    for notice in report.notices:
        console.print(Text("Note: " + notice, style="bold"))
    # Padding fills lines with spaces; trailing blanks only clutter copies and diffs.
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
