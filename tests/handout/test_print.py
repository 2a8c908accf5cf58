"""Handouts print within their page budget in headless chromium, A4 and Letter
(issue 13 points 3 and 4): one platform a page, never split; the plan on one page."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from privaudit.checklists.loader import builtin_checklists
from privaudit.handout.plan import write_plan
from privaudit.i18n import use_language
from privaudit.serialize import report_from_dict
from tests.conftest import run_privaudit
from tests.report.browser import find_chromium, pdf_page_texts, print_pdfs

pytestmark = pytest.mark.slow


@pytest.fixture
def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip(
            "chromium is not installed (Debian: apt-get install chromium; .ci/install-system-deps"
            " does it in CI), so the handouts were not printed"
        )
    return found


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_checklist_prints_on_its_own_page(chromium: str, tmp_path: Path, lang: str) -> None:
    page = tmp_path / "handout.html"
    result = run_privaudit("--lang", lang, "handout", "--output", str(page))
    assert result.code == 0, result.err
    checklists = builtin_checklists()
    for paper, pdf in print_pdfs(chromium, page, tmp_path).items():
        pages = [_words(t) for t in pdf_page_texts(pdf)]
        assert len(pages) == len(checklists), f"{len(pages)} {paper} pages"
        with use_language(lang):
            for text, checklist in zip(pages, checklists, strict=True):
                # Its heading and its last question on the same page: not split.
                first, last = checklist.items[0], checklist.items[-1]
                assert _words(first.question.get()) in text, (paper, checklist.id)
                assert _words(last.question.get()) in text, (paper, checklist.id, "split")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_take_home_plan_prints_on_one_page(chromium: str, tmp_path: Path, lang: str) -> None:
    doc = json.loads(run_privaudit("demo", "--format", "json").out)
    report = report_from_dict(doc)
    page = tmp_path / "plan.html"
    with use_language(lang):
        write_plan(report, page)
    titles = [a["title"] for a in doc["plan"]]
    for paper, pdf in print_pdfs(chromium, page, tmp_path).items():
        pages = pdf_page_texts(pdf)
        assert len(pages) == 1, f"the plan prints on {len(pages)} {paper} pages"
        if lang == "en":
            for title in titles:
                assert _words(title) in _words(pages[0])
