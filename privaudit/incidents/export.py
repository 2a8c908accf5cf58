"""`incident export`: a printable timeline for a platform, a helpline or a lawyer.

Pure functions of the log's entries and its verification. Hashes, UTC times,
URLs and the user's words only: the log holds no imagery, and neither do these.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.incidents.log import Verification
from privaudit.incidents.platforms import Platform
from privaudit.incidents.timeline import MINOR_WARNING, Incident
from privaudit.render.csv import cell

FORMATS = ("html", "csv", "json")
__all__ = ["FORMATS", "MINOR_WARNING", "render"]
FIELDS = ("seq", "type", "time", "url", "platform", "handle", "status", "case_number", "note")


def render(
    items: Sequence[Incident],
    verification: Verification,
    platforms: Sequence[Platform],
    fmt: str,
    *,
    reviewed: str,
) -> str:
    rows = [e for i in items for e in [i.entry, *i.updates]]
    warn = any(i.minor for i in items)
    if fmt == "json":
        doc = {
            "format": "privaudit-incident-export",
            "version": 1,
            "verification": {"ok": verification.ok, "message": verification.message},
            "signing_key": verification.public_key,
            "minor_warning": MINOR_WARNING if warn else None,
            "entries": rows,
            "where_to_report": [_platform_dict(p) for p in platforms],
            "reporting_table_reviewed": reviewed,
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([*FIELDS, "attachments_sha256", "entry_ok"])
        for e in rows:
            values = [cell(str(e.get(f, ""))) for f in FIELDS]
            hashes = " ".join(a["sha256"] for a in e.get("attachments", []))
            writer.writerow([*values, hashes, "yes" if verification.ok else "NO"])
        return out.getvalue()
    if fmt == "html":
        from privaudit.incidents.export_html import render_html  # noqa: PLC0415

        return render_html(rows, verification, platforms, warn=warn, reviewed=reviewed)
    raise UsageError(
        _("unknown --format {fmt!r}; use one of: {formats}").format(
            fmt=fmt, formats=", ".join(FORMATS)
        )
    )


def _platform_dict(p: Platform) -> dict[str, Any]:
    return {"platform": p.name, "report": p.report, "how": p.how, "sources": list(p.sources)}
