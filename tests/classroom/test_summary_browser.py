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
