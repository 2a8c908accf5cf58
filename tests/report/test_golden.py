"""Every new format matches its golden file, rendered from one Report."""

from __future__ import annotations

import pytest

from privaudit.render import RenderOptions, render
from tests.report.samples import SAMPLE_TREND, sample_report, sample_with_new


@pytest.mark.parametrize(("fmt", "suffix"), [("html", "html"), ("junit", "xml"), ("csv", "csv")])
def test_format_golden(golden, fmt: str, suffix: str) -> None:  # type: ignore[no-untyped-def]
    golden(f"report.{suffix}", render(sample_report(), fmt))


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("html", "html"), ("junit", "xml"), ("csv", "csv"), ("json", "json"), ("markdown", "md")],
)
def test_since_last_golden(golden, fmt: str, suffix: str) -> None:  # type: ignore[no-untyped-def]
    golden(f"since-last.{suffix}", render(sample_with_new(), fmt))


def test_html_trend_golden(golden) -> None:  # type: ignore[no-untyped-def]
    html = render(sample_report(), "html", RenderOptions(trend=SAMPLE_TREND))
    golden("trend.html", html)


def test_renderers_are_pure() -> None:
    report = sample_report()
    for fmt in ("html", "junit", "csv"):
        assert render(report, fmt) == render(report, fmt)
