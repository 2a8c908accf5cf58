"""The class summary: many share documents in, one ClassSummary out (pure, no I/O).

One learner is one token (a document without a token counts alone); a result
made on the demo data is practice, counted apart and in none of the figures. Their
latest share (by day, then round, then the order given) feeds the score
distribution and the gaps; their first and last feed before/after.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from privaudit.classroom.share import dumps

BANDS: Final = (("0-59", "F"), ("60-69", "D"), ("70-79", "C"), ("80-89", "B"), ("90-100", "A"))
"""Score bands of the chart, one per grade (docs/scoring.md)."""
GAP_STATUSES: Final = ("fail", "warn")
MAX_GAPS: Final = 5


@dataclass(frozen=True, slots=True)
class Band:
    label: str
    grade: str
    learners: int


@dataclass(frozen=True, slots=True)
class Gap:
    check_id: str
    learners: int
    """Learners whose latest share has this check failing or warning."""


@dataclass(frozen=True, slots=True)
class Progress:
    """Learners who shared more than once: their first score against their last."""

    pairs: tuple[tuple[int, int], ...]
    before: tuple[Band, ...]
    after: tuple[Band, ...]

    @property
    def improved(self) -> int:
        return sum(1 for first, last in self.pairs if last > first)

    @property
    def same(self) -> int:
        return sum(1 for first, last in self.pairs if last == first)

    @property
    def worse(self) -> int:
        return sum(1 for first, last in self.pairs if last < first)


@dataclass(frozen=True, slots=True)
class ClassSummary:
    learners: int
    shares: int
    days: tuple[str, ...]
    demo: int
    """Practice results (made on the demo data): counted apart, in none of the figures."""
    bands: tuple[Band, ...]
    unscored: int
    """Learners whose latest share has no grade (an incomplete audit): never under "grade F"."""
    median: float | None
    progress: Progress
    gaps: tuple[Gap, ...]


def band_of(score: int) -> int:
    return max(0, min(4, (score - 50) // 10)) if score >= 60 else 0


def _bands(scores: Iterable[int]) -> tuple[Band, ...]:
    counts = [0] * len(BANDS)
    for score in scores:
        counts[band_of(score)] += 1
    return tuple(Band(label, grade, n) for (label, grade), n in zip(BANDS, counts, strict=True))


def _learners(docs: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Each learner's shares, oldest first; a repeated file counts once."""
    by_token: dict[str, list[tuple[str, int, int, dict[str, Any]]]] = {}
    alone: list[list[dict[str, Any]]] = []
    seen: set[bytes] = set()
    for index, doc in enumerate(docs):
        token = doc.get("learner")
        if token is None:
            alone.append([doc])
            continue
        key = dumps({k: v for k, v in doc.items() if k != "round"})  # shared again: a copy
        if key in seen:
            continue
        seen.add(key)
        by_token.setdefault(token, []).append((doc["day"], doc.get("round", 0), index, doc))
    ordered = [
        [entry[3] for entry in sorted(shares, key=lambda e: e[:3])] for shares in by_token.values()
    ]
    return ordered + alone


def _has_gap(doc: dict[str, Any], check_id: str, statuses: tuple[str, ...] = GAP_STATUSES) -> bool:
    counts = doc["checks"].get(check_id, {})
    return any(counts.get(status, "0") != "0" for status in statuses)


INFORMATIONAL: Final = frozenset({"MFA150"})
"""Built-in checks of INFO severity: worth knowing, never a gap to teach. Listed here,
not read from the registry, so a summary does not load every check (half a second);
tests/classroom/test_summary.py holds it equal to the registry's."""


def graded(doc: dict[str, Any]) -> int | None:
    """The score a summary counts: none without a grade, as an audit that could not
    check enough has a score of what it checked but no grade (docs/scoring.md)."""
    score, grade = doc["score"], doc["grade"]
    return None if score is None or grade is None else int(score)


def _pairs(learners: list[list[dict[str, Any]]]) -> tuple[tuple[int, int], ...]:
    """(first, last) score of each learner who shared more than once, both scored."""
    out = []
    for shares in learners:
        first, last = graded(shares[0]), graded(shares[-1])
        if len(shares) > 1 and first is not None and last is not None:
            out.append((first, last))
    return tuple(sorted(out))  # sorted: the order of the files tells nothing


def _gaps(latest: list[dict[str, Any]], informational: frozenset[str]) -> tuple[Gap, ...]:
    check_ids = sorted({cid for d in latest for cid in d["checks"]} - informational)
    found = [Gap(cid, sum(1 for d in latest if _has_gap(d, cid))) for cid in check_ids]
    failing = {
        g.check_id: sum(1 for d in latest if _has_gap(d, g.check_id, ("fail",))) for g in found
    }
    # Most learners first; among equals, the gap more of them fail (not merely warn).
    ranked = sorted(
        (g for g in found if g.learners),
        key=lambda g: (-g.learners, -failing[g.check_id], g.check_id),
    )
    return tuple(ranked[:MAX_GAPS])


def summarize(
    docs: Sequence[dict[str, Any]], *, informational: frozenset[str] | None = None
) -> ClassSummary:
    """The summary of validated share documents; `informational`: check ids never called a gap."""
    if informational is None:
        informational = INFORMATIONAL
    # Practice on the fake demo data would distort the median, the bands and the gaps.
    practice = {dumps({k: v for k, v in d.items() if k != "round"}) for d in docs if d["demo"]}
    learners = _learners([d for d in docs if not d["demo"]])
    latest = [shares[-1] for shares in learners]
    scores = [s for s in map(graded, latest) if s is not None]
    pairs = _pairs(learners)
    return ClassSummary(
        learners=len(learners),
        shares=sum(len(s) for s in learners),
        days=tuple(sorted({d["day"] for d in docs})),
        demo=len(practice),
        bands=_bands(scores),
        unscored=len(latest) - len(scores),
        median=statistics.median(scores) if scores else None,
        progress=Progress(
            pairs=pairs,
            before=_bands(first for first, _ in pairs),
            after=_bands(last for _, last in pairs),
        ),
        gaps=_gaps(latest, informational),
    )
