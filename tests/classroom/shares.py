"""Share documents for summary tests, made the way learners make them (build_share)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from privaudit.classroom.share import build_share, dumps
from tests.samples import sample_report


def token(n: int) -> str:
    return f"{n:032x}"


def share(
    *,
    score: int | None,
    learner: int | None = None,
    round_: int | None = None,
    day: str | None = None,
    checks: dict[str, dict[str, str]] | None = None,
    demo: bool = False,
) -> dict[str, Any]:
    doc = build_share(
        sample_report(demo=demo),
        learner=None if learner is None else token(learner),
        round_=round_,
    )
    doc["score"] = score
    # A scored share has the grade of its score (an incomplete audit: a test sets None).
    doc["grade"] = None if score is None else "FFFFFFDCBAA"[score // 10]
    if day is not None:
        doc["day"] = day
    if checks is not None:
        doc["checks"] = checks
    return doc


def write(folder: Path, docs: list[dict[str, Any]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, doc in enumerate(docs):
        path = folder / f"share-{i:03}.json"
        path.write_bytes(dumps(doc))
        paths.append(path)
    return paths


def class_of(size: int) -> list[dict[str, Any]]:
    """A class: scores spread over every band, a third shared twice, a few gaps in common."""
    docs = []
    for n in range(size):
        first = 30 + (n * 37) % 70
        checks = {
            "PW101": {"fail": "2", "pass": "1"} if n % 2 else {"pass": "3"},
            "MFA101": {"fail": "5-9"} if n % 3 else {"pass": "4"},
            "BR101": {"pass": "10+"},
            "CL101": {"fail": "1", "unanswered": "3"} if n % 4 == 0 else {"skip": "1"},
            "MFA150": {"warn": "1"},
        }
        docs.append(share(score=first, learner=n, round_=1, checks=checks))
        if n % 3 == 0:
            docs.append(share(score=min(100, first + 15), learner=n, round_=2, checks=checks))
    return docs


def as_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc)
