"""URLs whole in the terminal (OSC 8 where supported), anchors in HTML (http/https only)."""

from __future__ import annotations

import dataclasses

from privaudit.model import Status
from privaudit.render import RenderOptions, render
from privaudit.render.html import linkify
from tests.report.samples import CHECKS, sample_report

LONG = "https://support.example.com/en-us/articles/online-banking/two-step-verification-setup"


def _with_fix(fix: str):  # type: ignore[no-untyped-def]
    finding = CHECKS[0].finding(Status.FAIL, "Bank (sam)", "weak", fix=f"Turn it on.\nHow: {fix}")
    return dataclasses.replace(sample_report(), findings=(finding,))


def test_terminal_prints_a_long_url_whole_on_its_own_line() -> None:
    text = render(_with_fix(LONG), "terminal", RenderOptions(width=60, details=True))
    lines = [line.strip() for line in text.splitlines()]
    assert LONG in lines
    assert "…" not in text


def test_terminal_makes_osc8_links_only_when_asked() -> None:
    plain = render(_with_fix(LONG), "terminal", RenderOptions(width=80, details=True))
    assert "\x1b]8;" not in plain
    linked = render(
        _with_fix(LONG), "terminal", RenderOptions(width=80, details=True, color=True, links=True)
    )
    assert "\x1b]8;id=" in linked or f"\x1b]8;;{LONG}" in linked
    assert LONG in linked


def test_html_anchors_are_http_only_and_escaped() -> None:
    html = str(linkify(f"How: {LONG}. Or javascript:alert(1) <b>x</b>"))
    assert f'<a href="{LONG}" rel="noopener noreferrer">{LONG}</a>.' in html
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert 'href="http://a.test/&#34;onmouseover' not in str(
        linkify('http://a.test/"onmouseover=x')
    )


def test_html_report_links_the_fix_of_a_finding() -> None:
    html = render(_with_fix(LONG), "html", RenderOptions())
    assert f'<a href="{LONG}"' in html
    assert "<details" in html
