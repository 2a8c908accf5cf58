"""JSON: the stable machine format (docs/report-schema.json)."""

from __future__ import annotations

from privaudit.model import Report
from privaudit.render import RenderOptions
from privaudit.render.jsonfmt import dumps_indented
from privaudit.serialize import report_to_dict


def render(report: Report, options: RenderOptions | None = None) -> str:
    return dumps_indented(report_to_dict(report), end="\n")
