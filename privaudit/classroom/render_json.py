"""The class summary as JSON: the same numbers as the page, names and lessons translated."""

from __future__ import annotations

import json
from typing import Any

from privaudit.classroom.lessons import lesson_for
from privaudit.classroom.summary import Band, ClassSummary
from privaudit.i18n import current_language, use_language

SUMMARY_KIND = "privaudit-class-summary"
SUMMARY_VERSION = "1.0"


def _bands(bands: tuple[Band, ...]) -> list[dict[str, Any]]:
    return [{"band": b.label, "grade": b.grade, "learners": b.learners} for b in bands]


def summary_to_dict(summary: ClassSummary, *, lang: str | None = None) -> dict[str, Any]:
    with use_language(lang or current_language()):
        progress = summary.progress
        return {
            "kind": SUMMARY_KIND,
            "version": SUMMARY_VERSION,
            "language": current_language(),
            "learners": summary.learners,
            "shares": summary.shares,
            "days": list(summary.days),
            "practice_results": summary.demo,
            "scores": {
                "bands": _bands(summary.bands),
                "median": summary.median,
                "unscored": summary.unscored,
            },
            "before_after": {
                "learners": len(progress.pairs),
                "improved": progress.improved,
                "same": progress.same,
                "worse": progress.worse,
                "first": _bands(progress.before),
                "last": _bands(progress.after),
                "pairs": [list(pair) for pair in progress.pairs],
            },
            "gaps": [
                {
                    "check_id": gap.check_id,
                    "learners": gap.learners,
                    "name": lesson_for(gap.check_id).gap,
                    "lesson": lesson_for(gap.check_id).lesson,
                }
                for gap in summary.gaps
            ],
        }


def render_summary_json(summary: ClassSummary, *, lang: str | None = None) -> str:
    return json.dumps(summary_to_dict(summary, lang=lang), indent=2, ensure_ascii=False) + "\n"
