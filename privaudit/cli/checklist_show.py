"""`checklist list` rows and `checklist show` text, in the chosen language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from privaudit.checklists.model import Freshness, freshness
from privaudit.checklists.texts import _, language_name, language_notice, untranslated
from privaudit.context import utc_now

if TYPE_CHECKING:
    from privaudit.checklists.audit import ChecklistPlan
    from privaudit.checklists.model import Checklist


def listing_columns() -> list[tuple[str, str]]:
    return [
        (_("Platform"), "platform"),
        (_("Name"), "name"),
        # TRANSLATORS: the column of check ids (CL101...).
        (_("Check"), "check_id"),
        (_("Items"), "items"),
        (_("Answered"), "answered"),
        # TRANSLATORS: answers so old that they are asked again.
        (_("Stale"), "stale"),
        (_("Languages"), "languages"),
    ]


def list_rows(plan: ChecklistPlan) -> tuple[list[dict[str, object]], str | None]:
    """One row per checklist, and a notice when some lack the chosen language."""
    now, stale_after = utc_now(), timedelta(days=plan.settings.stale_after_days)
    rows: list[dict[str, object]] = []
    for cl in plan.checklists:
        states = [freshness(plan.answers.get(cl.id, i.id), now, stale_after) for i in cl.items]
        rows.append(
            {
                "platform": cl.id,
                "name": cl.name.get(plan.lang),
                "check_id": cl.check_id,
                "category": cl.category,
                "items": len(cl.items),
                "answered": states.count(Freshness.FRESH),
                "stale": states.count(Freshness.STALE),
                "languages": list(cl.languages),
                "source": cl.source,
                "item_ids": [i.id for i in cl.items],
            }
        )
    notice = None
    if untranslated(plan.checklists, plan.lang):
        notice = _(
            "Checklists not translated into {language} yet are shown in English"
            " (see the Languages column)."
        ).format(language=language_name(plan.lang))
    return rows, notice


def show_checklists(console: Console, checklists: Sequence[Checklist], lang: str) -> None:
    """Each checklist's questions with why and how, for reading or printing."""
    notice = language_notice(checklists, lang)
    if notice:
        console.print(Text(notice, style="yellow"))
    for cl in checklists:
        console.print()
        console.print(Text.assemble((cl.name.get(lang), "bold"), f"  ({cl.check_id})"))
        if cl.settings_url:
            console.print(Text(_("Settings: ") + cl.settings_url, style="cyan"))
        for n, item in enumerate(cl.items, 1):
            console.print()
            console.print(Text(f"{n}. {item.question.get(lang)}", style="bold"))
            console.print(Text(_("Why it matters: ") + item.why.get(lang), style="italic"))
            console.print(Text(_("How to check and fix:")))
            console.print(Text(item.fix.get(lang)))
            if item.link:
                console.print(Text(_("Settings: ") + item.link, style="cyan"))
