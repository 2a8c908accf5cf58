"""JUnit XML: one testcase per check result, so CI dashboards show an audit.

FAIL is a failure, ERROR an error, SKIP and UNANSWERED are skipped. WARN is not
a failure (it earns half credit in the score); it passes with a `status`
property and the message in system-out, so dashboards still show it.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET  # only for writing XML, never parsing

from privaudit.i18n import _
from privaudit.model import Report, Status
from privaudit.render import RenderOptions

# Characters XML 1.0 cannot carry at all (the model already drops most controls).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", text)


def render(report: Report, options: RenderOptions | None = None) -> str:
    counts = report.counts()
    duration = f"{max(0.0, (report.finished_at - report.started_at).total_seconds()):.3f}"
    stamp = report.started_at.isoformat(timespec="seconds")
    totals = {
        "tests": str(len(report.findings)),
        "failures": str(counts[Status.FAIL]),
        "errors": str(counts[Status.ERROR]),
        "skipped": str(counts[Status.SKIP] + counts[Status.UNANSWERED]),
        "time": duration,
    }
    root = ET.Element("testsuites", {"name": "privaudit", **totals})
    for category in sorted({m.category for m in report.checks}):
        ids = {m.id for m in report.checks if m.category == category}
        findings = [f for f in report.findings if f.check_id in ids]
        if not findings:
            continue
        sub = {s: sum(1 for f in findings if f.status is s) for s in Status}
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": f"privaudit.{category}",
                "tests": str(len(findings)),
                "failures": str(sub[Status.FAIL]),
                "errors": str(sub[Status.ERROR]),
                "skipped": str(sub[Status.SKIP] + sub[Status.UNANSWERED]),
                "time": "0",
                "timestamp": stamp,
            },
        )
        for finding in findings:
            meta = report.meta(finding.check_id)
            severity = report.severity_of(finding).value
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": f"privaudit.{category}.{meta.id}",
                    "name": _x(f"{meta.id} {meta.name}: {finding.subject}"),
                    "time": "0",
                },
            )
            props = ET.SubElement(case, "properties")
            for name, value in (
                ("status", finding.status.value),
                ("severity", severity),
                ("key", finding.key),
                *((("new", "true"),) if report.is_new(finding) else ()),
            ):
                ET.SubElement(props, "property", {"name": name, "value": value})
            message = _x(finding.message)
            fix = _x(finding.fix or meta.fix)
            # Element names, attributes and statuses are JUnit's; the text is for people.
            why = _("Why: {text}").format(text=_x(meta.why))
            body = f"{message}\n{why}\n" + _("Fix: {text}").format(text=fix)
            match finding.status:
                case Status.FAIL:
                    el = ET.SubElement(case, "failure", {"message": message, "type": severity})
                    el.text = body
                case Status.ERROR:
                    el = ET.SubElement(case, "error", {"message": message, "type": "could-not-run"})
                    el.text = message
                case Status.SKIP | Status.UNANSWERED:
                    why_skipped = f"{finding.status.value}: {message}"
                    ET.SubElement(case, "skipped", {"message": why_skipped})
                case Status.WARN:
                    ET.SubElement(case, "system-out").text = f"WARN: {body}"
                case Status.PASS:
                    pass
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
