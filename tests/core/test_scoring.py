"""The score's rules, pinned as properties."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.model import CheckMeta, Finding, Severity, Status
from privaudit.scoring import compute_score, grade_for

METAS = {
    f"TS{n:03d}": CheckMeta(
        id=f"TS{n:03d}",
        name=f"test-{n}",
        category=cat,
        severity=sev,
        title="t",
        why="w",
        fix="f",
    )
    for n, (cat, sev) in enumerate([(c, s) for c in ("alpha", "beta") for s in Severity], start=1)
}

findings_st = st.lists(
    st.builds(
        lambda cid, status, sev: Finding(cid, status, "subject", "message", severity=sev),
        st.sampled_from(sorted(METAS)),
        st.sampled_from(list(Status)),
        st.none() | st.sampled_from(list(Severity)),
    ),
    max_size=40,
)
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(findings_st)
def test_score_is_within_0_and_100(findings: list[Finding]) -> None:
    score = compute_score(findings, METAS)
    assert score.value is None or 0 <= score.value <= 100
    for cat in score.categories:
        assert cat.value is None or 0 <= cat.value <= 100


@SETTINGS
@given(findings_st, st.data())
def test_turning_a_pass_into_warn_or_fail_never_raises_the_score(
    findings: list[Finding], data: st.DataObject
) -> None:
    passes = [i for i, f in enumerate(findings) if f.status is Status.PASS]
    if not passes:
        return
    index = data.draw(st.sampled_from(passes))
    worse = data.draw(st.sampled_from([Status.WARN, Status.FAIL]))
    new_severity = data.draw(st.none() | st.sampled_from(list(Severity)))
    changed = list(findings)
    changed[index] = dataclasses.replace(findings[index], status=worse, severity=new_severity)
    before = compute_score(findings, METAS)
    after = compute_score(changed, METAS)
    if before.value is not None and after.value is not None:
        assert after.value <= before.value
    cat = METAS[findings[index].check_id].category
    b = next(c for c in before.categories if c.category == cat)
    a = next(c for c in after.categories if c.category == cat)
    if b.value is not None and a.value is not None:
        assert a.value <= b.value


@SETTINGS
@given(findings_st, st.sampled_from([Status.ERROR, Status.SKIP, Status.UNANSWERED]))
def test_errors_skips_and_unanswered_never_count_as_passes(
    findings: list[Finding], status: Status
) -> None:
    """Adding any number of not-scored results changes nothing but the counts."""
    extra = [Finding("TS004", status, "s", "m")] * 3
    before = compute_score(findings, METAS)
    after = compute_score([*findings, *extra], METAS)
    assert after.value == before.value


@SETTINGS
@given(findings_st)
def test_a_pass_can_only_raise_or_keep_the_score(findings: list[Finding]) -> None:
    before = compute_score(findings, METAS)
    after = compute_score([*findings, Finding("TS004", Status.PASS, "s", "m")], METAS)
    if before.value is not None:
        assert after.value is not None and after.value >= before.value


@SETTINGS
@given(findings_st)
def test_score_is_deterministic_and_order_independent(findings: list[Finding]) -> None:
    assert compute_score(findings, METAS) == compute_score(findings, METAS)
    assert compute_score(findings, METAS).value == compute_score(findings[::-1], METAS).value


def test_only_errors_give_no_score() -> None:
    score = compute_score([Finding("TS004", Status.ERROR, "s", "m")], METAS)
    assert score.value is None and score.grade is None and score.errors == 1


def test_warn_weighs_half_a_fail_and_info_is_not_scored() -> None:
    high = "TS004"  # alpha / high
    info = "TS001"  # alpha / info
    findings = [
        Finding(high, Status.PASS, "a", "m"),
        Finding(high, Status.WARN, "b", "m"),
        Finding(info, Status.FAIL, "c", "m"),
    ]
    assert compute_score(findings, METAS).value == 66  # 8 / (8 + 4), floored


def test_weights_follow_severity() -> None:
    findings = [
        Finding("TS005", Status.FAIL, "a", "m"),  # critical: 12
        Finding("TS002", Status.PASS, "b", "m"),  # low: 2
    ]
    assert compute_score(findings, METAS).value == int(100 * 2 / 14)


def test_grades() -> None:
    assert [grade_for(v) for v in (100, 90, 89, 80, 79, 70, 69, 60, 59, 0)] == list("AABBCCDDFF")


def test_a_category_whose_area_was_not_checked_has_no_grade() -> None:
    """Offline, no breach corpus: BR101 knows nothing; a site-breach warning alone
    must not grade the breach category F beside "breach status known for 0"."""

    def meta(check_id: str, category: str, severity: Severity) -> CheckMeta:
        return CheckMeta(
            id=check_id,
            name=check_id.lower(),
            category=category,
            severity=severity,
            title="t",
            why="w",
            fix="f",
        )

    metas = {
        "BR101": meta("BR101", "breach", Severity.HIGH),
        "EXP101": meta("EXP101", "breach", Severity.MEDIUM),
        "PW101": meta("PW101", "passwords", Severity.HIGH),
    }
    findings = [
        Finding("BR101", Status.SKIP, "Gmail", "offline"),
        Finding("EXP101", Status.WARN, "Gmail", "site breached after"),
        Finding("PW101", Status.PASS, "Gmail", "strong"),
    ]
    score = compute_score(findings, metas)
    breach = next(c for c in score.categories if c.category == "breach")
    passwords = next(c for c in score.categories if c.category == "passwords")
    assert breach.value == 0 and breach.grade is None
    assert passwords.grade == "A"
    assert score.grade is None and "breaches" in score.missing
