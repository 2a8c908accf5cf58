"""Reports for the classroom tests: a fixed shape (checks, statuses, buckets, score, day)
realised with arbitrary free text, times within the day and counts within each bucket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from hypothesis import strategies as st

from privaudit.classroom.share import BUCKETS
from privaudit.model import (
    CategoryScore,
    CheckMeta,
    Coverage,
    Finding,
    InputSummary,
    Report,
    Score,
    Severity,
    SourceSummary,
    Status,
)
from privaudit.registry import builtin_checks

BUILTIN = {c.meta.id: c.meta for c in builtin_checks()}
BUILTIN_CATEGORIES = sorted({m.category for m in BUILTIN.values()})
GRADES = (None, "A", "B", "C", "D", "F")
AREAS = ("passwords", "breaches", "2fa", "privacy-settings")
RANGES = {"0": (0, 0), "1": (1, 1), "2": (2, 2), "3": (3, 3), "4": (4, 4), "5-9": (5, 9)}
RANGES["10+"] = (10, 40)


@dataclass(frozen=True)
class Shape:
    """Everything a share document may depend on."""

    day: date
    demo: bool
    accounts: str
    counts: dict[str, dict[Status, str]]
    score: Score
    plugin: CheckMeta


def plugin_meta(check_id: str, category: str, text: str) -> CheckMeta:
    return CheckMeta(
        id=check_id,
        name="plugin-check",
        category=category,
        severity=Severity.HIGH,
        title=text or "t",
        why=text or "w",
        fix=text or "f",
        references=("https://example.org/" + check_id,),
        origin="acme-plugin " + text[:20],
    )


percents = st.integers(0, 100)
coverage = st.tuples(st.sampled_from(AREAS), st.integers(0, 50), st.integers(0, 50)).map(
    lambda t: Coverage(t[0], min(t[1], t[2]), t[2])
)
category_scores = st.builds(
    CategoryScore,
    category=st.sampled_from(BUILTIN_CATEGORIES) | st.from_regex(r"\A[a-z]{3,10}\Z"),
    value=st.none() | percents,
    grade=st.sampled_from(GRADES),
    scored=st.integers(0, 60),
    not_scored=st.integers(0, 60),
)
scores = st.builds(
    Score,
    value=st.none() | percents,
    grade=st.sampled_from(GRADES),
    categories=st.lists(category_scores, max_size=6, unique_by=lambda c: c.category).map(tuple),
    errors=st.integers(0, 30),
    unanswered=st.integers(0, 30),
    skipped=st.integers(0, 30),
    coverage=st.lists(coverage, max_size=4, unique_by=lambda c: c.area).map(tuple),
)
buckets = st.dictionaries(st.sampled_from(list(Status)), st.sampled_from(BUCKETS[1:]), max_size=4)
shapes = st.builds(
    Shape,
    day=st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    demo=st.booleans(),
    accounts=st.sampled_from(BUCKETS),
    counts=st.dictionaries(st.sampled_from(sorted(BUILTIN)), buckets, max_size=8),
    score=scores,
    plugin=st.builds(
        plugin_meta,
        st.from_regex(r"\A[A-Z]{2,8}[0-9]{3,4}\Z").filter(lambda i: i not in BUILTIN),
        st.from_regex(r"\A[a-z]{3,12}\Z"),
        st.text(max_size=30),
    ),
)

# What a user or an export controls: labels, usernames, URLs, service names, notes.
free_text = st.text(min_size=1, max_size=40) | st.sampled_from(
    [
        "cAnArY-7f3b9e21-Pw!d0",
        "alice@example.org",
        "https://bank.example.com/login?user=alice",
        "Banco Popular (alice)",
        "note: PIN is 4321",
    ]
)


@dataclass
class Realised:
    report: Report
    texts: list[str]


@st.composite
def realise(draw: st.DrawFn, shape: Shape, fixed: str | None = None) -> Realised:
    """A report of `shape` with drawn free text (or `fixed` everywhere), times and exact counts."""
    texts: list[str] = []

    def text() -> str:
        value = fixed if fixed is not None else draw(free_text)
        texts.append(value)
        return value

    findings: list[Finding] = []
    for check_id, per in shape.counts.items():
        meta = BUILTIN[check_id]
        for status, bucket_ in per.items():
            low, high = RANGES[bucket_]
            for _ in range(draw(st.integers(low, high))):
                findings.append(
                    meta.finding(
                        status,
                        text(),
                        text(),
                        fix=draw(st.none() | st.just(text())),
                        details={text(): text(), "count": draw(st.integers(0, 10**6))},
                    )
                )
    for _ in range(draw(st.integers(0, 3))):
        findings.append(shape.plugin.finding(draw(st.sampled_from(list(Status))), text(), text()))
    draw(st.randoms()).shuffle(findings)
    offset = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
    start_utc = datetime.combine(shape.day, time(0, tzinfo=UTC)) + timedelta(
        seconds=draw(st.integers(0, 86_399))
    )
    low, high = RANGES[shape.accounts]
    report = Report(
        tool_version=text(),
        started_at=start_utc.astimezone(offset),
        finished_at=start_utc + timedelta(seconds=draw(st.integers(0, 86_400))),
        inputs=InputSummary(
            accounts=draw(st.integers(low, high)),
            sources=(SourceSummary(name=text(), format=text(), read=5, used=3),),
            datasets={text(): text()},
        ),
        checks=(*BUILTIN.values(), shape.plugin),
        findings=tuple(findings),
        score=shape.score,
        notices=(text(), text()),
        demo=shape.demo,
    )
    return Realised(report, texts)
