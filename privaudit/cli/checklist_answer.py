"""`privaudit checklist answer PLATFORM ITEM ANSWER`: one answer, no prompt (scripts, trainers).

Stored exactly where `checklist run` stores its answers, so an audit reads both alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from privaudit.checklists.model import Answer, Recorded
from privaudit.errors import UsageError
from privaudit.text import sanitize

if TYPE_CHECKING:
    from privaudit.checklists.audit import ChecklistPlan
    from privaudit.checklists.model import Checklist

ANSWERS = {
    "yes": Answer.YES,
    "no": Answer.NO,
    "unsure": Answer.UNSURE,
    "na": Answer.NOT_APPLICABLE,
    "n/a": Answer.NOT_APPLICABLE,
}


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word.casefold(), list(choices), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""


def record_answer(
    plan: ChecklistPlan, platform: str, item: str, answer: str
) -> tuple[Checklist, str]:
    """Record and save one answer: its checklist and question; UsageError (exit 2) on a bad word."""
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.store.answers import save_answers  # noqa: PLC0415

    choice = ANSWERS.get(answer.strip().lower())
    if choice is None:
        raise UsageError(
            f"checklist answer: {sanitize(answer, max_length=20)!r} is not an answer;"
            " use yes, no, unsure or na"
        )
    known = {c.id: c for c in plan.checklists}
    key = platform.strip().lower()
    if key not in known:
        raise UsageError(
            f"checklist answer: no platform {sanitize(platform, max_length=40)!r}; "
            f"{_suggest(key, list(known))}see 'privaudit checklist list'"
        )
    checklist = known[key]
    items = {i.id: i for i in checklist.items}
    item_key = item.strip().lower()
    if item_key not in items:
        raise UsageError(
            f"checklist answer: {checklist.id} has no item {sanitize(item, max_length=40)!r}; "
            f"{_suggest(item_key, list(items))}its items: {', '.join(items)}"
        )
    book = plan.answers.with_answer(
        checklist.id, item_key, Recorded(choice, utc_now().replace(microsecond=0))
    )
    save_answers(book)
    return checklist, items[item_key].question.get(plan.lang)
