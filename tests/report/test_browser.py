"""The HTML report in a real headless chromium: loads clean, fits a phone and A4/Letter."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest

from privaudit.render import RenderOptions, render
from tests.conftest import run_privaudit
from tests.report.browser import (
    check_page,
    pdf_page_texts,
    pdf_pages,
    print_pdfs,
    require_chromium,
)
from tests.report.samples import SAMPLE_TREND, sample_with_new


@pytest.fixture
def chromium() -> str:
    return require_chromium("the HTML report")


def test_html_report_loads_without_errors_or_requests(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(sample_with_new(), "html", RenderOptions(trend=SAMPLE_TREND)), "utf-8")
    result = check_page(chromium, page, tmp_path)

    assert result.log.console == []
    assert result.log.failed == []
    assert result.log.requests == [page.resolve().as_uri()]
    for name, shot in result.screenshots.items():
        assert shot.stat().st_size > 5000, f"{name} screenshot looks empty"
        assert shot.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "report-a4.pdf").read_bytes().startswith(b"%PDF")
    for view in ("desktop", "phone", "print-a4", "print-letter"):
        facts = result.facts[view]
        assert facts["fits"], f"the page scrolls sideways in the {view} view"
        assert facts["wide"] == 0, f"{facts['wide']} element(s) are cut off in the {view} view"
    assert result.facts["desktop"]["trend"] == 1
    assert result.facts["desktop"]["tables"] >= 1


def test_the_checker_does_see_blocked_resources(chromium: str, tmp_path: Path) -> None:
    """The test above proves something only if a bad page fails it."""
    bad = render(sample_with_new(), "html").replace(
        "</main>",
        '<img src="http://127.0.0.1:9/x.png"><p style="color:red">x</p>'
        "<script>console.error('boom')</script></main>",
    )
    page = tmp_path / "bad.html"
    page.write_text(bad, "utf-8")
    result = check_page(chromium, page, tmp_path)
    assert result.log.console, "CSP violations went unnoticed"
    assert any("127.0.0.1:9" in url for url in result.log.requests) or result.log.failed


def test_the_demo_prints_in_at_most_six_pages_on_a4_and_letter(
    chromium: str, tmp_path: Path
) -> None:
    page = tmp_path / "demo.html"
    result = run_privaudit("demo", "--format", "html", "--output", str(page))
    assert result.code in (0, 1), result.err
    for paper, pdf in print_pdfs(chromium, page, tmp_path).items():
        assert pdf.startswith(b"%PDF")
        pages = pdf_pages(pdf)
        assert 1 <= pages <= 6, f"the demo prints on {pages} {paper} pages"


def _page_one_lines(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text(extraction_mode="layout")
    return [unicodedata.normalize("NFKC", line) for line in text.splitlines()]


def test_the_demo_prints_its_plan_and_score_on_page_one_with_no_word_split(
    chromium: str, tmp_path: Path
) -> None:
    page = tmp_path / "demo.html"
    assert run_privaudit("demo", "--format", "html", "--output", str(page)).code in (0, 1)
    doc = json.loads(run_privaudit("demo", "--format", "json").out)
    titles = [action["title"] for action in doc["plan"]]
    assert titles, "the demo has a plan"
    score = f"Score {doc['score']['value']}/100"
    for paper, pdf in print_pdfs(chromium, page, tmp_path).items():
        first = unicodedata.normalize("NFKC", pdf_page_texts(pdf)[0])
        assert "Fix first" in first, paper
        assert score in first, paper
        for title in titles:
            assert title in first, f"plan step not on page 1 of {paper}: {title}"
        # Each table cell's word whole on one line: a row starts with its whole name.
        starts = {line.split()[0] for line in _page_one_lines(pdf) if line.split()}
        names = {c["category"] for c in doc["score"]["categories"]}
        assert {"Category", *names} <= starts, f"a word split in a table cell on {paper}"
