"""The one seam to privaudit.classroom: parse and validate a body, name its
learner and round, render the class summary.

The server calls only these functions, so what it accepts is exactly what
`privaudit class summary` reads from files: the share schema, checked by
privaudit.classroom.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from privaudit.classroom.share import ShareError, parse_share

InvalidShare = ShareError
"""The body is not a share document; the message names a place, never a value."""


def parse(body: bytes) -> dict[str, Any]:
    return parse_share(body)


def learner_of(doc: Mapping[str, Any]) -> str | None:
    learner = doc.get("learner")
    return learner if isinstance(learner, str) else None


def round_of(doc: Mapping[str, Any]) -> int:
    value = doc.get("round")
    return value if isinstance(value, int) else 0


def render_summary(docs: Sequence[Mapping[str, Any]], *, refresh_seconds: int) -> str:
    """The class summary `privaudit class summary` writes, in the current language,
    reloading itself every `refresh_seconds`."""
    from privaudit.classroom.html import render_summary_html  # noqa: PLC0415
    from privaudit.classroom.summary import summarize  # noqa: PLC0415

    return render_summary_html(
        summarize([dict(doc) for doc in docs]), refresh_seconds=refresh_seconds
    )
