"""The live class page: its security headers, its languages, and how it looks in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from privaudit.classserver.page import live_page, style_hash
from tests.classserver.conftest import Running, share_doc
from tests.i18n.english import english_lines
from tests.report.browser import (
    Browser,
    PageLog,
    evaluate,
    open_page,
    require_chromium,
    screenshot,
)

FACTS = """({text: document.body.innerText, lang: document.documentElement.lang,
  wide: document.documentElement.scrollWidth > innerWidth})"""
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL)


def _check_headers(response: httpx.Response) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert csp.startswith("default-src 'none';")
    assert "script-src" not in csp and "unsafe-inline" not in csp
    styles = STYLE.findall(response.text)
    assert styles
    for css in styles:
        assert style_hash(css) in csp
    assert "<script" not in response.text.lower()
    assert re.search(r'<meta http-equiv="refresh" content="\d+">', response.text)
    assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")


def test_the_page_is_served_with_a_strict_policy_before_and_after_results(serve: Any) -> None:
    run: Running = serve()
    for path in ("/", "/summary", "/?refresh=1"):
        _check_headers(httpx.get(run.url + path))
    run.post(share_doc(1, score=40))
    run.post(share_doc(2, score=90))
    page = httpx.get(run.url + "/")
    _check_headers(page)
    assert httpx.head(run.url + "/").content == b""


def test_the_waiting_page_has_no_english_left_in_spanish() -> None:
    page = live_page([], lang="es", refresh_seconds=10).html
    assert 'lang="es"' in page
    text = re.sub(r"<[^>]+>", "\n", page)
    assert english_lines(text) == []
    assert "Aún no hay resultados" in text


@pytest.fixture
def chromium() -> str:
    return require_chromium("the live page")


def _open(executable: str, url: str, shot: Path) -> tuple[PageLog, dict[str, Any]]:
    browser = Browser(executable, shot.parent / f"{shot.stem}-profile")
    try:
        metrics = {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
        sid = open_page(browser, url, metrics=metrics)
        facts: dict[str, Any] = evaluate(browser, sid, FACTS)
        screenshot(browser, sid, shot)
        return browser.page_log(), facts
    finally:
        browser.close()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_live_page_in_chromium_after_a_few_results(
    chromium: str, serve: Any, tmp_path: Path, lang: str
) -> None:
    run: Running = serve(lang=lang)
    for n, score in enumerate((35, 62, 71, 88, 95), start=1):
        assert run.post(share_doc(n, score=score)).status_code == 201
    assert run.post(share_doc(1, round_=2, score=80)).status_code == 201
    shot = tmp_path / f"class-page-{lang}.png"
    log, facts = _open(chromium, run.url + "/", shot)
    print(f"\nlive class page ({lang}) screenshot: {shot}")
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert shot.stat().st_size > 5000, "the screenshot looks empty"
    assert log.console == []  # a CSP violation would be logged here
    assert log.failed == []
    assert [u for u in log.requests if not u.endswith("/favicon.ico")] == [run.url + "/"]
    assert facts["lang"] == lang
    assert not facts["wide"]
    if lang == "es":
        assert english_lines(facts["text"], allowed=("privaudit",)) == []
