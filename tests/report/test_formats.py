"""HTML, JUnit and CSV: escaping, structure and safety, beyond the golden files."""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import io
import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.model import CheckMeta, Severity, Status
from privaudit.render import RenderOptions, format_names, render
from privaudit.render.csv import cell
from privaudit.render.html import safe_url
from privaudit.scoring import compute_score
from tests.report.samples import HOSTILE, SAMPLE_TREND, WEAK, sample_report, sample_with_new


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def test_new_formats_are_registered() -> None:
    assert {"html", "junit", "csv"} <= set(format_names())


def test_html_escapes_every_field_and_runs_nothing() -> None:
    html = render(sample_report(), "html")
    page = parse(html)
    assert [t for t, _ in page.tags].count("script") == 0
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "vault&lt;1&gt;.json" in html
    assert "No second factor &lt;on&gt; the account" in html
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), "no event handlers"
        assert "style" not in attrs, "inline style attributes would need 'unsafe-inline'"


def test_html_csp_allows_exactly_its_own_style_sheet() -> None:
    html = render(sample_report(), "html")
    page = parse(html)
    csp = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    assert csp.startswith("default-src 'none';")
    assert "unsafe" not in csp
    (style,) = page.styles
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp


def test_html_loads_nothing_and_links_only_http() -> None:
    html = render(sample_report(), "html")
    for tag, attrs in parse(html).tags:
        assert tag not in ("img", "link", "iframe", "object", "embed", "script", "base")
        for name in ("src", "srcset", "action", "xlink:href"):
            assert name not in attrs
        if "href" in attrs:
            assert tag == "a"
            assert (attrs["href"] or "").startswith(("https://", "http://"))
            assert attrs.get("rel") == "noopener noreferrer"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://ok.test/a b") is None
    assert safe_url(" https://ok.test/ ") == "https://ok.test/"


def test_html_trend_only_with_history() -> None:
    assert "Score over time" not in render(sample_report(), "html")
    with_trend = render(sample_report(), "html", RenderOptions(trend=SAMPLE_TREND))
    assert with_trend.count("<polyline") == 2  # the run without a score breaks the line
    assert "last 4 runs" in with_trend


def test_html_without_any_score() -> None:
    meta = dataclasses.replace(WEAK, id="PW199")
    findings = (meta.finding(Status.ERROR, "X", "could not run"),)
    report = dataclasses.replace(
        sample_report(),
        checks=(meta,),
        findings=findings,
        score=compute_score(findings, {meta.id: meta}),
    )
    html = render(report, "html")
    assert "No score" in html
    assert "grade-None" not in html


def test_html_of_an_incomplete_audit_says_no_grade() -> None:
    # sample_report() leaves breaches unchecked: a score on what was checked, no grade.
    report = sample_report()
    assert report.score.value is not None
    assert report.score.grade is None
    html = render(report, "html")
    assert "no grade" in html
    assert "None" not in html


def test_junit_maps_statuses() -> None:
    root = ET.fromstring(render(sample_with_new(), "junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == (
        "7",
        "2",
        "1",
        "2",
    )
    cases = root.findall(".//testcase")
    assert len(cases) == 7

    def kind(case: ET.Element) -> str:
        children = {c.tag for c in case} - {"properties"}
        return next(iter(children), "pass")

    statuses = [
        next(p.get("value") for p in c.iter("property") if p.get("name") == "status") for c in cases
    ]
    expected = {
        "fail": "failure",
        "error": "error",
        "skip": "skipped",
        "unanswered": "skipped",
        "warn": "system-out",
        "pass": "pass",
    }
    assert [kind(c) for c in cases] == [expected[s or ""] for s in statuses]
    news = [c for c in cases if any(p.get("name") == "new" for p in c.iter("property"))]
    assert len(news) == 1


def test_junit_survives_characters_xml_cannot_hold() -> None:
    meta = CheckMeta(
        id="PW198", name="odd", category="passwords", severity=Severity.LOW,
        title="t\ufffe", why="w", fix="f",
    )  # fmt: skip
    findings = (meta.finding(Status.FAIL, "a\ufffeb", "m"),)
    report = dataclasses.replace(
        sample_report(), checks=(meta,), findings=findings,
        score=compute_score(findings, {meta.id: meta}),
    )  # fmt: skip
    ET.fromstring(render(report, "junit"))


def test_csv_round_trips_and_defuses_formulas() -> None:
    text = render(sample_report(), "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(sample_report().findings)
    hostile = next(r for r in rows if "HYPERLINK" in r["subject"])
    assert hostile["subject"] == "'" + HOSTILE
    assert hostile["message"].startswith("'-2+3")
    assert hostile["fix"].startswith("'@SUM")
    for row in rows:
        for value in row.values():
            assert not re.match(r"^\s*[=+\-@\t\r]", value or "")
    assert text.endswith("\r\n")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_cell_can_start_a_formula(value: str) -> None:
    out = cell(value)
    assert out == value or out == "'" + value
    stripped = out.lstrip(" \u00a0")
    assert not stripped.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"))


def test_hostile_text_stays_inert_in_every_new_format() -> None:
    report = sample_report()
    for fmt in ("html", "junit"):  # CSV carries text as data; its cells are tested above
        out = render(report, fmt)
        assert "<script>" not in out
        assert "\x1b" not in out
