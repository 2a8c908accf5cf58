"""CSV of every result, for a spreadsheet: safe to open in Excel or LibreOffice.

A cell that starts with = + - @ (or a tab/CR, or their full-width forms) would
run as a formula ("CSV injection"): such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from privaudit.model import Report, Status
from privaudit.render import RenderOptions

COLUMNS = (
    "check_id",
    "check_name",
    "category",
    "severity",
    "status",
    "new",
    "subject",
    "message",
    "fix",
    "key",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def cell(value: str) -> str:
    """Neutralise a value a spreadsheet would evaluate as a formula."""
    stripped = value.lstrip(" \u00a0")
    if stripped.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(report: Report, options: RenderOptions | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    compared = report.new_keys is not None
    for finding in report.findings:
        meta = report.meta(finding.check_id)
        row = (
            finding.check_id,
            meta.name,
            meta.category,
            report.severity_of(finding).value,
            finding.status.value,
            ("yes" if report.is_new(finding) else "no") if compared else "",
            finding.subject,
            finding.message,
            "" if finding.status is Status.PASS else finding.fix or meta.fix,
            finding.key,
        )
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
