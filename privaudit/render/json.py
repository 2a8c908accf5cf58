"""JSON: the stable machine format (docs/report-schema.json)."""

from __future__ import annotations

import json

from privaudit.model import Report
from privaudit.render import RenderOptions
from privaudit.serialize import report_to_dict


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
