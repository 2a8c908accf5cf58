"""`privaudit handout`: checklists as a printable tick-box sheet, one platform a page.

Every text comes from the checklist model in the current language (the
``checklists`` catalog for the built-ins), the sheet's own words from the
``handout`` catalog: a Spanish handout is Spanish wherever a translation exists.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from privaudit.checklists.model import Checklist, Item
from privaudit.handout.links import safe_href, short_text
from privaudit.handout.page import link, page
from privaudit.handout.texts import _
from privaudit.render.markdown import md

FORMATS = ("html", "md")


def _steps(item: Item) -> list[str]:
    return [line.strip() for line in item.fix.get().splitlines() if line.strip()]


def _html_item(item: Item) -> Markup:
    parts = [Markup('<p class="q">{}</p>').format(item.question.get())]
    steps = " ".join(_steps(item))
    if steps:
        parts.append(Markup('<p class="how">{}</p>').format(steps))
    if item.link:
        parts.append(Markup('<p class="meta">{} {}</p>').format(_("Setting:"), link(item.link)))
    return Markup('<li><span class="box" aria-hidden="true"></span><div>{}</div></li>\n').format(
        Markup("").join(parts)
    )


def _html_sheet(checklist: Checklist) -> Markup:
    head = Markup("<h2>{}</h2>\n").format(checklist.name.get())
    where = (
        Markup('<p class="meta">{} {}</p>\n').format(
            _("Settings page:"), link(checklist.settings_url)
        )
        if checklist.settings_url
        else Markup("")
    )
    items = Markup("").join(_html_item(i) for i in checklist.items)
    return Markup('<section class="sheet">\n{}{}<ol class="ticks">\n{}</ol>\n</section>\n').format(
        head, where, items
    )


def render_html(checklists: Sequence[Checklist]) -> str:
    title = _("Privacy settings checklist")
    intro = Markup('<h1>{}</h1>\n<p class="lead">{}</p>\n').format(
        title,
        _(
            "Go through one app at a time. Open its settings, fix what the steps say, then"
            " tick the box."
        ),
    )
    sheets = Markup("").join(_html_sheet(c) for c in checklists)
    # The intro sits in the first sheet's page, not on a page of its own.
    return page(title, intro + sheets)


def _md_link(url: str) -> str:
    href = safe_href(url)
    return f"[{md(short_text(href))}](<{href}>)" if href else md(url)


def render_md(checklists: Sequence[Checklist]) -> str:
    lines = [
        f"# {md(_('Privacy settings checklist'))}",
        "",
        md(
            _(
                "Go through one app at a time. Open its settings, fix what the steps say,"
                " then tick the box."
            )
        ),
        "",
    ]
    for cl in checklists:
        lines += [f"## {md(cl.name.get())}", ""]
        if cl.settings_url:
            lines += [f"{md(_('Settings page:'))} {_md_link(cl.settings_url)}", ""]
        for item in cl.items:
            # Two trailing spaces: a hard line break, so the link keeps its own line.
            lines.append(f"- [ ] {md(item.question.get())}" + ("  " if item.link else ""))
            if item.link:
                lines.append(f"  {md(_('Setting:'))} {_md_link(item.link)}")
            lines += [f"  {md(step)}" for step in _steps(item)]
        lines.append("")
    return "\n".join(lines)


def render(checklists: Sequence[Checklist], fmt: str) -> str:
    return render_html(checklists) if fmt == "html" else render_md(checklists)
