"""The words of a class summary, in the current language (domain ``classroom``)."""

from __future__ import annotations

from typing import Any

from privaudit.classroom import DOMAIN
from privaudit.classroom.share import SHARE_VERSION
from privaudit.classroom.summary import ClassSummary

_ = DOMAIN.gettext
ngettext = DOMAIN.ngettext


def _median(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def score_lines(summary: ClassSummary) -> list[str]:
    lines = []
    if summary.median is not None:
        lines.append(
            _("The middle score of the class is {score}.").format(score=_median(summary.median))
        )
    if summary.unscored:
        lines.append(
            ngettext(
                "{n} learner has no grade: their audit was incomplete.",
                "{n} learners have no grade: their audit was incomplete.",
                summary.unscored,
            ).format(n=summary.unscored)
        )
    return lines


def progress_line(summary: ClassSummary) -> str:
    progress = summary.progress
    if not progress.pairs:
        return _("No one has shared twice yet. Ask the class to share again at the end.")
    return ngettext(
        "{n} learner shared twice: {up} did better, {same} stayed the same, {down} did worse.",
        "{n} learners shared twice: {up} did better, {same} stayed the same, {down} did worse.",
        len(progress.pairs),
    ).format(n=len(progress.pairs), up=progress.improved, same=progress.same, down=progress.worse)


def page_texts(summary: ClassSummary) -> dict[str, Any]:
    days = ", ".join(summary.days)
    lead = ngettext("{n} learner shared", "{n} learners shared", summary.learners).format(
        n=summary.learners
    )
    if days:
        lead = _("{learners} ({days})").format(learners=lead, days=days)
    demo = ""
    if summary.demo:
        demo = ngettext(
            "{n} practice result (on the demo data), not counted.",
            "{n} practice results (on the demo data), not counted.",
            summary.demo,
        ).format(n=summary.demo)
    return {
        "title": _("Class results"),
        "lead": lead,
        "privacy": _(
            "Made from anonymous share files. They hold no names, accounts, sites or passwords."
        ),
        "demo": demo,
        "scores": _("How the class scored"),
        "chart": _("Latest score of each learner, by grade"),
        "grade": _("grade {grade}"),
        "score_lines": score_lines(summary),
        "progress": _("Before and after"),
        "progress_line": progress_line(summary),
        "progress_chart": _("First and last score of learners who shared twice"),
        "first": _("first share"),
        "last": _("last share"),
        "gaps": _("What to teach next"),
        "gap": _("Gap"),
        "learners": _("Learners"),
        "lesson": _("Next lesson"),
        "of": _("{n} of {total}"),
        "no_gaps": _("No common gaps. Well done!"),
        "footer": _("Made with privaudit class summary. Share format {version}.").format(
            version=SHARE_VERSION
        ),
    }
