"""Renderers: golden files, 80 columns, no ANSI off a TTY, hostile text stays text."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.model import Status
from privaudit.render import RenderOptions, format_names, get_renderer, render
from privaudit.render.markdown import md
from privaudit.serialize import report_from_dict, report_to_dict
from tests.samples import CHECKS, HOSTILE_LABEL, sample_report

ANSI = re.compile(r"\x1b\[")
SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "report-schema.json").read_text())


def test_terminal_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("report.terminal.txt", render(sample_report(), "terminal"))


def test_markdown_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("report.md", render(sample_report(), "markdown"))


def test_json_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("report.json", render(sample_report(), "json"))


def test_json_validates_against_the_published_schema() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(SCHEMA)
    Draft202012Validator(SCHEMA).validate(json.loads(render(sample_report(), "json")))


def test_json_round_trips() -> None:
    report = sample_report()
    again = report_from_dict(json.loads(render(report, "json")))
    assert report_to_dict(again) == report_to_dict(report)


@pytest.mark.parametrize("width", [80, 100, 60])
def test_terminal_fits_the_width(width: int) -> None:
    text = render(sample_report(), "terminal", RenderOptions(width=width))
    assert max(len(line) for line in text.splitlines()) <= width


def test_terminal_without_color_has_no_ansi() -> None:
    assert not ANSI.search(render(sample_report(), "terminal", RenderOptions(color=False)))


def test_terminal_with_color_styles_but_hostile_text_stays_literal() -> None:
    text = render(sample_report(), "terminal", RenderOptions(color=True, width=200))
    assert ANSI.search(text)  # colour is on...
    plain = ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", text))
    assert "[/bold]" in plain  # ...but the label's markup is shown, not applied
    assert "\u202e" not in text
    assert "\x07" not in text


def test_hostile_label_is_sanitised_in_every_format() -> None:
    for fmt in format_names():
        text = render(sample_report(), fmt)
        assert "\x1b" not in text, fmt
        assert "\u202e" not in text, fmt
        assert "\x07" not in text, fmt


def test_markdown_cannot_be_broken_out_of() -> None:
    text = render(sample_report(), "markdown")
    hostile_line = next(line for line in text.splitlines() if "Bank" in line)
    assert "<b>" not in hostile_line
    assert "\\|" in hostile_line  # a pipe cannot start a table cell


def test_demo_banner_in_human_formats() -> None:
    report = sample_report(demo=True)
    assert "DEMO" in render(report, "terminal")
    assert "Demo" in render(report, "markdown")
    assert json.loads(render(report, "json"))["demo"] is True


def test_errors_are_listed_as_not_checked_never_as_passes() -> None:
    text = render(sample_report(), "terminal")
    assert "COULD NOT CHECK" in text
    assert "2FA data unavailable" in text
    assert "1 could not be checked" in text


def test_unknown_format_is_a_usage_error() -> None:
    from privaudit.errors import UsageError

    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        get_renderer("yaml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=st.text(max_size=120), message=st.text(max_size=200))
def test_any_text_renders_without_crash_or_escape(label: str, message: str) -> None:
    finding = CHECKS[0].finding(Status.FAIL, label, message)
    hostile = dataclasses.replace(sample_report(), findings=(finding,))
    for fmt in ("terminal", "markdown", "json"):
        text = render(hostile, fmt, RenderOptions(width=80))
        assert "\x1b" not in text
        if fmt == "terminal":
            assert max(len(line) for line in text.splitlines()) <= 80


def test_markdown_escape_neutralises_syntax() -> None:
    assert md("*a* _b_ `c` [d](e) <i> | # ~") == (
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<i\\> \\| \\# \\~"
    )


@pytest.mark.parametrize(
    "text",
    [
        "uno de !@#$%^&*()",
        "Tom & Jerry &amp; &#38; &copy; a&b",
        "<script>alert(1)</script> <b> <http://evil.test> &lt;",
        "*a* _b_ `c` [d](e) ![i](j) | ~~s~~ \\ \\*",
    ],
)
def test_markdown_escape_shows_the_text_once_rendered_and_no_entity_in_the_file(
    text: str,
) -> None:
    """A CommonMark renderer shows exactly the text; the file has no "&amp;" of ours."""
    from markdown_it import MarkdownIt  # comes with rich

    escaped = md(text)
    rendered = MarkdownIt("commonmark").renderInline(escaped)
    assert "<" not in rendered.replace("<br />", "")
    assert html.unescape(rendered) == text
    assert escaped.count("&") == text.count("&")
    if "&" in text and ";" not in text:
        assert "&amp;" not in escaped


def test_hostile_label_constant_really_is_hostile() -> None:
    assert "\x1b" in HOSTILE_LABEL and "\u202e" in HOSTILE_LABEL
