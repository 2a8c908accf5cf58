"""Past runs and run-to-run diffs, for the terminal and as JSON. Pure functions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from io import StringIO
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from privaudit.i18n import N_, _, ngettext
from privaudit.render import RenderOptions
from privaudit.render.console import GRADE_STYLE, make_console
from privaudit.runs import RunResult, RunSummary
from privaudit.trends import RunDiff

SPARKS = "▁▂▃▄▅▆▇█"
HISTORY_JSON_VERSION = "1"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def sparkline(scores: Sequence[int | None]) -> str:
    """One character per run, 0-100 mapped onto eight heights; a gap for no score."""
    return "".join(" " if s is None else SPARKS[min(7, s * 8 // 101)] for s in scores)


def _bar(score: int | None, width: int = 12) -> Text:
    if score is None:
        return Text(_("no score"), style="dim")
    filled = round(width * score / 100)
    return Text("█" * filled + "░" * (width - filled) + f" {score:>3}")


def run_to_dict(run: RunSummary) -> dict[str, Any]:
    return {
        "id": run.id,
        "profile": run.profile,
        "started_at": run.started_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "tool_version": run.tool_version,
        "score": run.score,
        "grade": run.grade,
        "errors": run.errors,
        "unanswered": run.unanswered,
        "skipped": run.skipped,
        "counts": run.counts,
        "categories": [{"category": c, "value": v, "grade": g} for c, v, g in run.categories],
        "sources": None
        if run.sources is None
        else [
            {
                "name": s.name,
                "format": s.format,
                "read": s.read,
                "used": s.used,
                "skipped": s.skipped,
            }
            for s in run.sources
        ],
    }


def sources_cell(run: RunSummary) -> str:
    """Logins used from exports: `?` for runs recorded before sources were kept."""
    if run.sources is None:
        return "?"
    return str(sum(s.used for s in run.sources)) if run.sources else "-"


def sources_lines(runs: Sequence[RunSummary]) -> list[str]:
    """Which exports the runs audited, one line per distinct set: a table column would not
    fit 80 columns, and a weekly job audits the same files run after run."""
    groups: dict[str, list[int]] = {}
    for run in runs:
        if run.sources is None:
            label = _("not recorded (older privaudit)")
        elif not run.sources:
            label = _("no export (profile only)")
        else:
            label = ", ".join(f"{s.name} ({s.format})" for s in run.sources)
        groups.setdefault(label, []).append(run.id)
    return [
        ngettext(
            "Sources of run {runs}: {label}", "Sources of runs {runs}: {label}", len(ids)
        ).format(runs=", ".join(f"#{i}" for i in ids), label=label)
        for label, ids in groups.items()
    ]


def history_json(runs: Sequence[RunSummary]) -> str:
    data = {"history_version": HISTORY_JSON_VERSION, "runs": [run_to_dict(r) for r in runs]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def history_terminal(runs: Sequence[RunSummary], options: RenderOptions) -> str:
    out = StringIO()
    console = make_console(options, out)
    if not runs:
        console.print(Text(_("No audits recorded yet: run 'privaudit audit' first.")))
        return out.getvalue()
    scored = [r.score for r in runs if r.score is not None]
    n = len(runs)
    head = Text(ngettext("{n} run. Score trend: ", "{n} runs. Score trend: ", n).format(n=n))
    head.append(sparkline([r.score for r in runs]), style="bold")
    if scored:
        head.append(f"  {scored[0]} → {scored[-1]}")
    console.print(head)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for name, justify in (
        (_("Run"), "right"),
        (_("When (UTC)"), "left"),
        (_("Score"), "left"),
        (_("Grade"), "center"),
        (_("Fail"), "right"),
        (_("Warn"), "right"),
        (_("Errors"), "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column(_("Logins"), justify="right", no_wrap=True)
    for run in runs:
        table.add_row(
            Text(f"#{run.id}"),
            Text(_when(run.started_at)),
            _bar(run.score),
            Text(run.grade or "-", style=GRADE_STYLE.get(run.grade or "", "")),
            Text(str(run.counts.get("fail", 0))),
            Text(str(run.counts.get("warn", 0))),
            Text(str(run.errors)),
            Text(sources_cell(run)),
        )
    console.print(table)
    for line in sources_lines(runs):
        console.print(Text(line, style="dim"))
    profiles = sorted({r.profile for r in runs})
    if len(profiles) > 1:
        console.print(Text(_("Profiles: {names}").format(names=", ".join(profiles)), style="dim"))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def _result_dict(r: RunResult) -> dict[str, str]:
    return {
        "check_id": r.check_id,
        "key": r.key,
        "subject": r.subject,
        "status": r.status.value,
        "severity": r.severity.value,
    }


DIFF_SECTIONS = (
    ("new", N_("New problems")),
    ("resolved", N_("Resolved")),
    ("still_open", N_("Still open")),
    ("unknown", N_("Not checked in the later run (not counted as resolved)")),
)


def diff_json(diff: RunDiff, a: RunSummary, b: RunSummary) -> str:
    data: dict[str, Any] = {"history_version": HISTORY_JSON_VERSION}
    data["from"] = run_to_dict(a)
    data["to"] = run_to_dict(b)
    for name, _title in DIFF_SECTIONS:
        data[name] = [_result_dict(r) for r in getattr(diff, name)]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def diff_terminal(diff: RunDiff, a: RunSummary, b: RunSummary, options: RenderOptions) -> str:
    out = StringIO()
    console = make_console(options, out)

    def score(run: RunSummary) -> str:
        return _("no score") if run.score is None else _("score {n}").format(n=run.score)

    heading = _("Run #{a} ({a_when}, {a_score}) → run #{b} ({b_when}, {b_score})").format(
        a=a.id,
        a_when=_when(a.started_at),
        a_score=score(a),
        b=b.id,
        b_when=_when(b.started_at),
        b_score=score(b),
    )
    console.print(Text(heading, style="bold"))
    for name, title in DIFF_SECTIONS:
        items: tuple[RunResult, ...] = getattr(diff, name)
        if not items and name == "unknown":
            continue
        console.print(Text(f"{_(title)}: {len(items)}", style="bold"))
        for r in items:
            line = Text(f"  {r.check_id} ")
            line.append(r.subject)
            line.append(f"  ({r.status.value}, {r.severity.value})", style="dim")
            console.print(line)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
