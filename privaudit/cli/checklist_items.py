"""`privaudit checklist list PLATFORM...`: each item's id, answer and question.

The ids are what `privaudit checklist answer PLATFORM ITEM yes|no|unsure|na` takes,
so a trainer or a script can answer without prompts.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from privaudit.checklists.model import Freshness, freshness
from privaudit.checklists.texts import _
from privaudit.errors import UsageError
from privaudit.text import sanitize

if TYPE_CHECKING:
    from privaudit.checklists.audit import ChecklistPlan
    from privaudit.checklists.model import Checklist

ANSWER_HINT = "privaudit checklist answer PLATFORM ITEM yes|no|unsure|na"


def pick(plan: ChecklistPlan, names: Sequence[str]) -> list[Checklist]:
    """The named checklists, in the order given; a typo is exit 2 with the nearest name."""
    known = {c.id: c for c in plan.checklists}
    picked = []
    for name in names:
        key = name.strip().lower()
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = _("did you mean '{name}'? ").format(name=close[0]) if close else ""
            raise UsageError(
                _("no checklist {name!r}; {hint}see 'privaudit checklist list'").format(
                    name=sanitize(name, max_length=40), hint=hint
                )
            )
        picked.append(known[key])
    return picked


def _state(plan: ChecklistPlan, platform: str, item: str, now: datetime) -> str:
    recorded = plan.answers.get(platform, item)
    state = freshness(recorded, now, timedelta(days=plan.settings.stale_after_days))
    if recorded is None or state is Freshness.MISSING:
        return "-"
    answer = str(recorded.answer)
    return _("{answer} (stale)").format(answer=answer) if state is Freshness.STALE else answer


def item_rows(
    plan: ChecklistPlan, checklists: Sequence[Checklist], now: datetime
) -> list[dict[str, object]]:
    return [
        {
            "platform": cl.id,
            "item": item.id,
            "answer": _state(plan, cl.id, item.id, now),
            "severity": str(item.severity),
            "question": item.question.get(plan.lang),
        }
        for cl in checklists
        for item in cl.items
    ]


def item_columns() -> list[tuple[str, str]]:
    return [
        (_("Platform"), "platform"),
        # TRANSLATORS: the column of item ids, which `checklist answer` takes.
        (_("Item"), "item"),
        (_("Answer"), "answer"),
        (_("Question"), "question"),
    ]
