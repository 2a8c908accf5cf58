"""The class summary in a real headless chromium: no CSP errors, no requests, fits a
projector, a phone and paper; screenshots are kept under pytest's tmp path."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.classroom.html import render_summary_html
from privaudit.classroom.summary import summarize
from tests.classroom.shares import class_of
from tests.report.browser import check_page, require_chromium


@pytest.fixture
def chromium() -> str:
    return require_chromium("the class summary")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("en", {"lang": "en"}),
        ("es", {"lang": "es"}),
        ("live", {"lang": "es", "refresh_seconds": 3600, "nonce": "bm9uY2Utb2YtdGhlLXRlc3Q="}),
    ],
)
def test_the_summary_renders_cleanly_in_chromium(
    chromium: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    options: dict[str, object],
) -> None:
    page = tmp_path / f"class-{name}.html"
    page.write_text(render_summary_html(summarize(class_of(14)), **options), "utf-8")  # type: ignore[arg-type]
    result = check_page(chromium, page, tmp_path)
    assert result.log.console == [], "the page broke its CSP or raised an error"
    assert result.log.failed == []
    assert result.log.requests == [page.resolve().as_uri()]
    for view in ("desktop", "phone", "print-a4", "print-letter"):
        assert result.facts[view]["fits"], f"the page scrolls sideways in the {view} view"
        assert result.facts[view]["wide"] == 0, f"something is cut off in the {view} view"
    for shot in result.screenshots.values():
        assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 5000
    with capsys.disabled():
        print(f"\nclass summary screenshots ({name}):", *result.screenshots.values())


@pytest.mark.slow
def test_the_live_page_shows_the_chart_and_the_gaps_above_the_fold(
    chromium: str, tmp_path: Path
) -> None:
    """A projector at 1280x720, and a page that reloads every 10 s: no scrolling to the gaps."""
    from tests.report.browser import Browser, evaluate, open_page

    page = tmp_path / "live.html"
    docs = class_of(14)
    for doc in docs:  # the most gaps a page shows (summary.MAX_GAPS), with long lessons
        doc["checks"] |= {"BR101": {"fail": "1"}, "PW103": {"warn": "2"}}
    summary = summarize(docs)
    assert len(summary.gaps) == 5
    html = render_summary_html(summary, lang="es", refresh_seconds=3600)
    page.write_text(html, "utf-8")
    browser = Browser(chromium, tmp_path / "chromium-profile")
    try:
        sid = open_page(browser, page.resolve().as_uri())
        metrics = {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False}
        browser.send("Emulation.setDeviceMetricsOverride", metrics, session=sid)
        bottoms = evaluate(
            browser,
            sid,
            """(() => ({
              chart: document.querySelector('.scores svg').getBoundingClientRect().bottom,
              gaps: document.querySelector('.gaps tr:last-child').getBoundingClientRect().bottom,
              width: document.documentElement.scrollWidth}))()""",
        )
    finally:
        browser.close()
    assert bottoms["chart"] <= 720 and bottoms["gaps"] <= 720, bottoms
    assert bottoms["width"] <= 1280
