"""`privaudit checklist answer PLATFORM ITEM ANSWER`: one answer, no prompt (scripts, trainers).

Stored exactly where `checklist run` stores its answers, so an audit reads both alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from privaudit.checklists.model import Answer, Recorded
from privaudit.checklists.texts import _, language_notice
from privaudit.errors import UsageError
from privaudit.i18n import N_
from privaudit.text import sanitize

if TYPE_CHECKING:
    from privaudit.checklists.audit import ChecklistPlan

ANSWERS = {
    "yes": Answer.YES,
    "no": Answer.NO,
    "unsure": Answer.UNSURE,
    "na": Answer.NOT_APPLICABLE,
    "n/a": Answer.NOT_APPLICABLE,
}
# Spanish words too, so a Spanish-speaking trainer's script reads naturally.
ANSWERS_ES = {"si": Answer.YES, "sí": Answer.YES, "nose": Answer.UNSURE, "nosé": Answer.UNSURE}
LABELS = {
    Answer.YES: N_("yes"),
    Answer.NO: N_("no"),
    Answer.UNSURE: N_("not sure"),
    Answer.NOT_APPLICABLE: N_("not applicable"),
}


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word.casefold(), list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return _("did you mean {choices}? ").format(choices=_(" or ").join(repr(c) for c in close))


def record_answer(plan: ChecklistPlan, platform: str, item: str, answer: str) -> list[str]:
    """Record and save one answer; the lines to print. UsageError (exit 2) on a bad word."""
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.store.answers import save_answers  # noqa: PLC0415

    word = answer.strip().lower()
    choice = ANSWERS.get(word) or ANSWERS_ES.get(word.replace(" ", ""))
    if choice is None:
        raise UsageError(
            _("checklist answer: {answer} is not an answer; use yes, no, unsure or na").format(
                answer=repr(sanitize(answer, max_length=20))
            )
        )
    known = {c.id: c for c in plan.checklists}
    key = platform.strip().lower()
    if key not in known:
        raise UsageError(
            _(
                "checklist answer: no platform {platform}; {hint}see 'privaudit checklist list'"
            ).format(
                platform=repr(sanitize(platform, max_length=40)), hint=_suggest(key, list(known))
            )
        )
    checklist = known[key]
    items = {i.id: i for i in checklist.items}
    item_key = item.strip().lower()
    if item_key not in items:
        raise UsageError(
            _("checklist answer: {platform} has no item {item}; {hint}its items: {items}").format(
                platform=checklist.id,
                item=repr(sanitize(item, max_length=40)),
                hint=_suggest(item_key, list(items)),
                items=", ".join(items),
            )
        )
    book = plan.answers.with_answer(
        checklist.id, item_key, Recorded(choice, utc_now().replace(microsecond=0))
    )
    save_answers(book)
    question = items[item_key].question.get(plan.lang)
    notice = language_notice([checklist], plan.lang)
    line = f"{checklist.id} {item_key}: {_(LABELS[choice])} ({question})"
    return [notice, line] if notice else [line]
