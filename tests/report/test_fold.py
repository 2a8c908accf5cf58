"""A folded line says what its accounts share (issue 11, MFA101 for unknown services)."""

from __future__ import annotations

import dataclasses
import json

from privaudit.model import SUMMARY_DETAIL


def test_unknown_services_fold_into_a_line_saying_what_is_unknown_and_what_to_do(cli) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(cli("demo", "--format", "json").out)
    unknown = [
        f for f in doc["findings"] if f["check_id"] == "MFA101" and f["status"] == "unanswered"
    ]
    assert len(unknown) >= 2
    assert len({f["message"] for f in unknown}) == len(unknown)  # each names its own domain
    (summary,) = {f["details"][SUMMARY_DETAIL] for f in unknown}

    out = " ".join(cli("demo").out.split())
    line = next(
        part for part in out.split("MFA101 ") if part.startswith(f"{len(unknown)} accounts")
    )
    assert summary in line
    assert "offers one" not in line  # the title claims the services offer 2FA: unknown here
    assert "we do not know if they offer 2-step login" in summary
    assert "privaudit mfa set NAME METHOD" in summary and not summary.endswith("…")


def test_folding_falls_back_to_the_title_when_summaries_differ() -> None:
    from privaudit.model import CheckMeta, Finding, Severity, Status
    from privaudit.render.common import folded
    from tests.report.samples import sample_report

    report = sample_report()
    meta = CheckMeta(
        id="ZZ101", name="zz", category="mfa", severity=Severity.LOW, title="T", why="w", fix="f"
    )
    rows = [
        Finding("ZZ101", Status.WARN, "A", "a one", details={SUMMARY_DETAIL: "same"}),
        Finding("ZZ101", Status.WARN, "B", "b one", details={SUMMARY_DETAIL: "same"}),
        Finding("ZZ101", Status.FAIL, "C", "c one", details={SUMMARY_DETAIL: "x"}),
        Finding("ZZ101", Status.FAIL, "D", "d one", details={SUMMARY_DETAIL: "y"}),
    ]
    report = dataclasses.replace(report, checks=(*report.checks, meta))
    by_status = {f.status: f.message for f in folded(rows, report)}
    assert by_status == {Status.WARN: "same", Status.FAIL: "T"}
