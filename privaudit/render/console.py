"""The terminal report (rich). Every untrusted string goes in as `Text`, never markup."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from privaudit.i18n import _, ngettext
from privaudit.model import Finding, Report, Severity, Status
from privaudit.plan import and_list, build_plan
from privaudit.render import RenderOptions
from privaudit.render.common import (
    OTHER_SECTIONS,
    URL,
    category_rows,
    check_label,
    compact_problems,
    counts_line,
    coverage_line,
    findings_with,
    folded,
    input_lines,
    problem_checks,
    problem_groups,
    problems_by_account,
    score_line,
    severity_label,
    status_label,
    unanswered_line,
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
        head.append(_("DEMO: sample data, not your accounts") + "\n", style="bold reverse")
    head.append(score_line(report, sep="\n"), style=grade_style)
    lines = input_lines(report)
    if score.coverage:
        lines.append(coverage_line(report))
    body = Text("\n".join(lines) + "\n" + counts_line(report))
    title = _("privaudit report")
    return Panel(Group(head, body), title=title, title_align="left", box=box.ROUNDED)


def _fix(text: str) -> str:
    return _("Fix: {text}").format(text=text)


def _fix_indent() -> int:
    """A finding's own fix lines up under its message: after the badge column."""
    return 4 + _badge_width() + 1


def _fit(text: Text, indent: int) -> Padding:
    """Indented text whose wrapped lines stay within the width in characters too:
    combining marks take no cell but are one character each, so leave room for them."""
    extra = len(text.plain) - cell_len(text.plain)
    return Padding(text, (0, max(0, extra), 0, indent))


def _hang(head: Text, body: Text, head_width: int, indent: int) -> Padding:
    """`head` then `body`, whose wrapped lines hang under the body, not under the head."""
    grid = Table.grid()
    grid.add_column(width=head_width, no_wrap=True)
    grid.add_column()
    grid.add_row(head, body)
    extra = len(body.plain) - cell_len(body.plain)  # as in _fit
    return Padding(grid, (0, max(0, extra), 0, indent))


def _plan(console: Console, report: Report) -> None:
    actions = build_plan(report)
    if not actions:
        return
    console.print(Text(_("FIX FIRST"), style="bold"))
    width = len(f"{len(actions)}. ")
    for n, action in enumerate(actions, 1):
        minutes = "  " + _("(~{n} min)").format(n=action.effort_minutes)
        body = Text.assemble(action.title, (minutes, "dim"))
        console.print(_hang(Text(f"{n}. ", style="bold"), body, width, 2))


def _categories(report: Report) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    for name, justify in (
        (_("Category"), "left"),
        (_("Score"), "right"),
        (_("Grade"), "center"),
        (_("Pass"), "right"),
        (_("Warn"), "right"),
        (_("Fail"), "right"),
        (_("Not scored"), "right"),
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


def _print_block(
    console: Console, text: str, indent: int, options: RenderOptions, style: str = ""
) -> None:
    """Wrapped text whose URLs are never cut: each goes whole on its own line."""
    for line in text.splitlines():
        urls = URL.findall(line)
        rest = URL.sub("", line).rstrip(" :") if urls else line
        if rest.strip() or not urls:
            console.print(Padding(Text(rest, style=style), (0, 0, 0, indent)))
        for url in urls:
            link = Style(link=url) if options.links else Style()
            console.print(
                Text(" " * (indent + 2)) + Text(url, style=link),
                overflow="ignore",
                no_wrap=True,
                crop=False,
            )


def _finding_text(report: Report, finding: Finding, with_subject: bool) -> Text:
    text = Text()
    if report.is_new(finding):
        text.append(_("NEW") + " ", style="bold reverse")
    if with_subject:
        text.append(finding.subject, style="bold")
        text.append(": ")
    else:
        text.append(f"{finding.check_id} ", style="bold")
        item = finding.details.get("item")
        if isinstance(item, str) and "platform" in finding.details:
            text.append(f"{item}: ", style="bold")
    text.append(finding.message)
    return text


def _row(console: Console, label: Status, text: Text, indent: int) -> None:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=_badge_width(), no_wrap=True)
    grid.add_column()
    grid.add_row(Text(status_label(label), style=STATUS_STYLE[label]), text)
    console.print(Padding(grid, (0, 0, 0, indent)))


def _badge_width() -> int:
    """Room for the badges a row shows (PASS, WARN, FAIL, ERROR), in this language."""
    shown = (Status.PASS, Status.WARN, Status.FAIL, Status.ERROR)
    return max(5, *(cell_len(status_label(s)) for s in shown))


def _accounts(names: tuple[str, ...]) -> str:
    n = len(names)
    return ngettext("{n} account: {names}", "{n} accounts: {names}", n).format(
        n=n, names=", ".join(names)
    )


def _compact(console: Console, report: Report) -> None:
    rows = compact_problems(report)
    if not rows:
        return
    console.print()
    heading = _("PROBLEMS BY ACCOUNT (--details for every message)")
    console.print(Text(heading, style="bold"))
    width = max(cell_len(severity_label(s).upper()) for s in Severity)
    for severity, names, labels in rows:
        who = names[0] if len(names) == 1 else _accounts(names)
        label = severity_label(severity).upper()
        line = Text.assemble((who, "bold"), ": ")
        line.append(", ".join(labels))
        console.print(_hang(Text(label, style=SEVERITY_STYLE[severity]), line, width + 1, 2))


def _settings(console: Console, report: Report, options: RenderOptions) -> None:
    """A checklist's "no" comes with its own steps and link: nothing else says them."""
    for name, found in problems_by_account(report):
        if not all("platform" in f.details for f in found):
            continue
        console.print()
        console.print(Padding(Text(name, style="bold"), (0, 0, 0, 2)))
        for finding in found:
            _row(console, finding.status, _finding_text(report, finding, False), 4)
            if finding.fix:
                _print_block(console, _fix(finding.fix), _fix_indent(), options)


def _by_account(console: Console, report: Report, options: RenderOptions) -> None:
    if not options.details:
        _compact(console, report)
        _settings(console, report, options)
        return
    for subject, found in problems_by_account(report):
        console.print()
        console.print(Padding(Text(subject, style="bold"), (0, 0, 0, 2)))
        for finding in found:
            _row(console, finding.status, _finding_text(report, finding, False), 4)
            if options.details and finding.fix:
                _print_block(console, _fix(finding.fix), _fix_indent(), options)


def _by_check(console: Console, report: Report, options: RenderOptions) -> None:
    current: Severity | None = None
    for group in problem_groups(report):
        if group.severity is not current:
            current = group.severity
            console.print()
            console.print(Text(severity_label(current).upper(), style=SEVERITY_STYLE[current]))
        meta = group.meta
        console.print(
            Padding(Text.assemble((f"{meta.id} ", "bold"), (meta.title, "bold")), (0, 0, 0, 2))
        )
        for finding in group.findings:
            _row(console, finding.status, _finding_text(report, finding, True), 4)
            if options.details and finding.fix:
                _print_block(console, _fix(finding.fix), _fix_indent(), options)


def _explanations(console: Console, report: Report, options: RenderOptions) -> None:
    metas = problem_checks(report)
    if not metas:
        return
    console.print()
    if not options.details:
        heading = _("HOW TO FIX (privaudit checks explain ID says why)")
        console.print(Text(heading, style="bold"))
        for meta in metas:
            _print_block(console, f"{meta.id} {check_label(meta)}: {meta.fix}", 2, options)
        return
    console.print(Text(_("WHAT THESE MEAN"), style="bold"))
    for meta in metas:
        console.print(Padding(Text.assemble((f"{meta.id} ", "bold"), meta.title), (0, 0, 0, 2)))
        _print_block(console, _("Why: {text}").format(text=meta.why), 4, options, style="dim")
        _print_block(console, _fix(meta.fix), 4, options)


def _others(console: Console, report: Report, options: RenderOptions) -> None:
    for status, title in OTHER_SECTIONS:
        found = findings_with(report, status)
        if not found:
            continue
        if status is Status.SKIP and not options.details:
            console.print()
            line = _("Skipped: {n} (--details lists them)").format(n=len(found))
            console.print(Text(line, style="dim"))
            continue
        console.print()
        heading = f"{_(title).upper()}: {len(found)}"
        console.print(Text(heading, style=f"{STATUS_STYLE[status]} bold"))
        if status is Status.UNANSWERED and not options.details:
            ask = unanswered_line(report)
            if ask:
                console.print(Padding(Text(ask), (0, 0, 0, 2)))
            found = [f for f in found if "platform" not in f.details]
        rows = (
            [(f.check_id, f.status, f.message, (f.subject,)) for f in found]
            if options.details
            else [(g.check_id, g.status, g.message, g.subjects) for g in folded(found, report)]
        )
        for check_id, _status, message, subjects in rows:
            n = len(subjects)
            who = (
                subjects[0]
                if n == 1
                else ngettext("{n} account ({names})", "{n} accounts ({names})", n).format(
                    n=n, names=and_list(subjects)
                )
            )
            row = Text.assemble((f"{check_id} ", "bold"), who, ": ", message)
            console.print(Padding(row, (0, 0, 0, 2)))


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    out = StringIO()
    console = make_console(options, out)
    console.print(_summary(report))
    _plan(console, report)
    if report.score.categories:
        console.print(_categories(report))
    if options.group_by == "check":
        _by_check(console, report, options)
    else:
        _by_account(console, report, options)
    _explanations(console, report, options)
    _others(console, report, options)
    console.print()
    passed = findings_with(report, Status.PASS)
    if passed:
        n = len(passed)
        line = ngettext("{n} result passed.", "{n} results passed.", n).format(n=n)
        console.print(Text(line, style="green"))
    for notice in report.notices:
        console.print(Text(_("Note: {text}").format(text=notice), style="bold"))
    # Padding fills lines with spaces; trailing blanks only clutter copies and diffs.
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
