"""The one seam to the share document (privaudit.classroom): parse and validate a
body, name its learner and round, build the document `--share` writes, render
the class summary.

Provisional stand-ins until privaudit.classroom lands; the server and the
client call only these functions.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from privaudit.errors import InputError
from privaudit.model import Report


class InvalidShare(InputError):
    """The body is not a share document; the message says where, never what."""


def parse(body: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidShare("not a privaudit share document (not JSON)") from None
    if not isinstance(doc, dict) or doc.get("kind") != "privaudit-share":
        raise InvalidShare("not a privaudit share document (at the top level)")
    return doc


def learner_of(doc: Mapping[str, Any]) -> str | None:
    learner = doc.get("learner")
    return learner if isinstance(learner, str) else None


def round_of(doc: Mapping[str, Any]) -> int:
    value = doc.get("round")
    return value if isinstance(value, int) else 0


def build(report: Report, *, code: str) -> dict[str, Any]:
    return {
        "kind": "privaudit-share",
        "schema_version": "1.0",
        "learner": "0" * 26 + code.lower(),
        "round": 1,
        "day": report.started_at.date().isoformat(),
        "score": report.score.value,
    }


def dumps(doc: Mapping[str, Any]) -> bytes:
    return (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def render_summary(docs: Sequence[Mapping[str, Any]]) -> str:
    items = "".join(f"<li>{html.escape(str(d.get('score')))}</li>" for d in docs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Class</title>"
        "<style>body{font-family:sans-serif}</style></head>"
        f"<body><main><ul>{items}</ul></main></body></html>"
    )
