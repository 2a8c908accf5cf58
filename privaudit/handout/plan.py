"""A report's fix-first plan as a page to take home (HTML to print, or Markdown).

`write_plan(report, path, fmt)` is the one entry point: `privaudit report plan`
and the workshop's last step call it. The page names services, never usernames
(a printed page can be left on a table), and holds no password, no hash and no
URL of the user's own accounts: only the plan's titles, why, the services and
the minutes each step takes, in the current language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from privaudit.errors import UsageError
from privaudit.handout.page import page
from privaudit.handout.texts import _, ngettext
from privaudit.model import Report
from privaudit.plan import Action, build_plan, short_name
from privaudit.render.markdown import md
from privaudit.store.atomic import check_output_path, write_atomic

FORMATS = ("html", "md")


def services(action: Action) -> list[str]:
    return list(dict.fromkeys(short_name(subject) for subject in action.accounts))


def _minutes(action: Action) -> str:
    n = action.effort_minutes
    return ngettext("about {n} minute", "about {n} minutes", n).format(n=n)


def _score_line(report: Report) -> str:
    day = report.started_at.date().isoformat()
    score = report.score
    if score.value is None:
        return _("Checked on {day}. Nothing could be scored yet.").format(day=day)
    if score.grade is None or not score.complete:
        return _("Checked on {day}. Score {value}/100 on what was checked; no grade yet.").format(
            day=day, value=score.value
        )
    return _("Checked on {day}. Score {value}/100, grade {grade}.").format(
        day=day, value=score.value, grade=score.grade
    )


def _texts() -> tuple[str, str, str, str]:
    return (
        _("Your privacy plan"),
        _("Do these in order, one a day if you like. Tick the box when it is done."),
        _("Nothing urgent was found. Keep one password per account, and 2-step login on."),
        _("Made with privaudit. This page holds no password."),
    )


def render_html(report: Report, actions: Sequence[Action]) -> str:
    title, lead, nothing, footer = _texts()
    items = Markup("").join(
        Markup(
            '<li><span class="box" aria-hidden="true"></span><div>'
            '<p class="q">{n}. {title}</p><p class="how">{why}</p>'
            '<p class="meta">{for_} {names} · {minutes}</p></div></li>\n'
        ).format(
            n=n,
            title=a.title,
            why=a.why,
            for_=_("For:"),
            names=", ".join(services(a)),
            minutes=_minutes(a),
        )
        for n, a in enumerate(actions, 1)
    )
    body = Markup(
        '<section class="sheet">\n<h1>{title}</h1>\n<p class="lead">{score}</p>\n<p>{lead}</p>\n'
        "{list}<footer>{footer}</footer>\n</section>\n"
    ).format(
        title=title,
        score=_score_line(report),
        lead=lead if actions else nothing,
        list=Markup('<ol class="ticks">\n{}</ol>\n').format(items) if actions else Markup(""),
        footer=footer,
    )
    return page(title, body)


def render_md(report: Report, actions: Sequence[Action]) -> str:
    title, lead, nothing, footer = _texts()
    lines = [f"# {md(title)}", "", md(_score_line(report)), "", md(lead if actions else nothing)]
    lines.append("")
    for a in actions:
        # Two trailing spaces: hard line breaks, so why and whom stay on lines of their own.
        lines.append(f"- [ ] {md(a.title)}  ")
        lines.append(f"  {md(a.why)}  ")
        lines.append(f"  {md(_('For:'))} {md(', '.join(services(a)))} · {md(_minutes(a))}")
    lines += ["", md(footer), ""]
    return "\n".join(lines)


def render(report: Report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(_("unknown plan format {fmt}; use html or md").format(fmt=repr(fmt)))
    actions = build_plan(report)
    return render_html(report, actions) if fmt == "html" else render_md(report, actions)


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, else the file's suffix (.md or .markdown), else html."""
    if fmt:
        return fmt
    return "md" if path.suffix.lower() in (".md", ".markdown") else "html"


def write_plan(report: Report, path: Path | str, fmt: str | None = None) -> Path:
    """Write the take-home plan of `report` to `path` (atomically, 0600) in the current
    language; `fmt` is html or md (default: from the suffix). Returns the path."""
    target = check_output_path(Path(path))
    text = render(report, format_for(target, fmt))
    write_atomic(target, text.encode("utf-8"))
    return target
