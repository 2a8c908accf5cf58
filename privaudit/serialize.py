"""Report <-> JSON-ready dicts, following docs/report-schema.json."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

from privaudit.errors import InputError
from privaudit.model import (
    COVERAGE_PHRASES,
    SCHEMA_VERSION,
    CategoryScore,
    CheckMeta,
    Coverage,
    Finding,
    InputSummary,
    Need,
    Report,
    Score,
    Severity,
    SourceSummary,
    Status,
)
from privaudit.plan import build_plan


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse_ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def meta_to_dict(meta: CheckMeta) -> dict[str, Any]:
    return {
        "id": meta.id,
        "name": meta.name,
        "category": meta.category,
        "severity": meta.severity.value,
        "title": meta.title,
        "why": meta.why,
        "fix": meta.fix,
        "references": list(meta.references),
        "needs": sorted(n.value for n in meta.needs),
        "origin": meta.origin,
    }


def finding_to_dict(report: Report, finding: Finding) -> dict[str, Any]:
    meta = report.meta(finding.check_id)
    out: dict[str, Any] = {
        "check_id": finding.check_id,
        "key": finding.key,
        "check_name": meta.name,
        "category": meta.category,
        "status": finding.status.value,
        "severity": report.severity_of(finding).value,
        "subject": finding.subject,
        "message": finding.message,
        "fix": finding.fix or meta.fix,
        "details": dict(finding.details),
    }
    # What the key is made from: the same in every language, so it is always there
    # (a report's shape does not change with its language).
    out["ref"] = finding.ref if finding.ref is not None else finding.subject
    if report.new_keys is not None:
        # Only in reports compared with the previous run (audit --since-last).
        out["new"] = report.is_new(finding)
    return out


def report_to_dict(report: Report) -> dict[str, Any]:
    score = report.score
    return {
        "schema_version": report.schema_version,
        "tool": {"name": "privaudit", "version": report.tool_version},
        "demo": report.demo,
        "lang": report.lang,
        "started_at": _ts(report.started_at),
        "finished_at": _ts(report.finished_at),
        "inputs": {
            "accounts": report.inputs.accounts,
            "sources": [
                {
                    "name": s.name,
                    "format": s.format,
                    "read": s.read,
                    "used": s.used,
                    "skipped": dict(s.skipped),
                }
                for s in report.inputs.sources
            ],
            "datasets": dict(report.inputs.datasets),
        },
        "score": {
            "value": score.value,
            "grade": score.grade,
            "errors": score.errors,
            "unanswered": score.unanswered,
            "skipped": score.skipped,
            "coverage": {c.area: {"checked": c.checked, "total": c.total} for c in score.coverage},
            "missing": list(score.missing),
            "categories": [
                {
                    "category": c.category,
                    "value": c.value,
                    "grade": c.grade,
                    "scored": c.scored,
                    "not_scored": c.not_scored,
                }
                for c in score.categories
            ],
        },
        "counts": {status.value: n for status, n in report.counts().items()},
        "incomplete": report.incomplete,
        "checks": [meta_to_dict(m) for m in report.checks],
        "findings": [finding_to_dict(report, f) for f in report.findings],
        "notices": list(report.notices),
        "plan": [
            {
                "title": a.title,
                "why": a.why,
                "accounts": list(a.accounts),
                "check_ids": list(a.check_ids),
                "effort_minutes": a.effort_minutes,
            }
            for a in build_plan(report)
        ],
    }


def validate_report(data: dict[str, Any], name: str) -> None:
    """Check a saved report against report-schema.json (shipped with the package).

    The message says where the report is wrong (a JSON path), never what it holds.
    An unsupported major version is left to `report_from_dict`, whose message says so.
    """
    import jsonschema  # noqa: PLC0415

    if str(data.get("schema_version", "")).split(".", 1)[0] != SCHEMA_VERSION.split(".", 1)[0]:
        return
    schema = json.loads(files("privaudit").joinpath("report-schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        raise InputError(
            f"{name}: not a valid privaudit JSON report (at {where or 'the top level'}:"
            f" {error.validator} rule broken); use a file written by"
            " 'privaudit audit --format json'"
        )


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a Report from its JSON form (for re-rendering a saved report)."""
    version = str(data.get("schema_version", ""))
    major = version.split(".", 1)[0]
    if major != SCHEMA_VERSION.split(".", 1)[0]:
        raise InputError(
            f"report schema version {version or '(missing)'} is not supported by this privaudit"
            f" (it reads {SCHEMA_VERSION.split('.')[0]}.x); re-run the audit or upgrade privaudit"
        )
    try:
        checks = tuple(
            CheckMeta(
                id=c["id"],
                name=c["name"],
                category=c["category"],
                severity=Severity(c["severity"]),
                title=c["title"],
                why=c["why"],
                fix=c["fix"],
                references=tuple(c.get("references", ())),
                needs=frozenset(Need(n) for n in c.get("needs", ())),
                origin=c.get("origin", "built-in"),
            )
            for c in data["checks"]
        )
        defaults = {m.id: m for m in checks}
        findings = tuple(
            Finding(
                check_id=f["check_id"],
                status=Status(f["status"]),
                subject=f["subject"],
                message=f["message"],
                severity=(
                    None
                    if Severity(f["severity"]) is defaults[f["check_id"]].severity
                    else Severity(f["severity"])
                ),
                fix=None if f.get("fix") == defaults[f["check_id"]].fix else f.get("fix"),
                details=f.get("details", {}),
                ref=f.get("ref"),
            )
            for f in data["findings"]
        )
        flagged = [f for f in data["findings"] if "new" in f]
        new_keys = frozenset(f["key"] for f in flagged if f["new"] is True) if flagged else None
        s = data["score"]
        score = Score(
            value=s["value"],
            grade=s["grade"],
            categories=tuple(
                CategoryScore(
                    category=c["category"],
                    value=c["value"],
                    grade=c["grade"],
                    scored=c["scored"],
                    not_scored=c["not_scored"],
                )
                for c in s["categories"]
            ),
            errors=s["errors"],
            unanswered=s["unanswered"],
            skipped=s["skipped"],
            coverage=tuple(
                Coverage(area, int(c["checked"]), int(c["total"]))
                for area, c in s.get("coverage", {}).items()
                if area in COVERAGE_PHRASES
            ),
            missing=tuple(str(m) for m in s.get("missing", ())),
        )
        inputs = data["inputs"]
        return Report(
            tool_version=data["tool"]["version"],
            started_at=_parse_ts(data["started_at"]),
            finished_at=_parse_ts(data["finished_at"]),
            inputs=InputSummary(
                accounts=inputs["accounts"],
                sources=tuple(
                    SourceSummary(
                        name=x["name"],
                        format=x["format"],
                        read=x["read"],
                        used=x["used"],
                        skipped=x.get("skipped", {}),
                    )
                    for x in inputs.get("sources", ())
                ),
                datasets=inputs.get("datasets", {}),
            ),
            checks=checks,
            findings=findings,
            score=score,
            notices=tuple(data.get("notices", ())),
            demo=bool(data.get("demo", False)),
            schema_version=version,
            new_keys=new_keys,
            lang=str(data.get("lang", "en")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(
            f"not a valid privaudit JSON report ({type(exc).__name__}: {exc}); "
            "use a file written by 'privaudit audit --format json'"
        ) from None
