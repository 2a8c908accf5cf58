"""The take-home plan (issue 13.3): `write_plan(report, path, fmt)` and
`privaudit report plan`; services named, never usernames; Spanish; readable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from privaudit.handout.plan import services, write_plan
from privaudit.i18n import use_language
from privaudit.plan import build_plan
from privaudit.serialize import report_from_dict
from tests.i18n.english import english_lines


@pytest.fixture
def demo_json(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.json"
    assert cli("demo", "--format", "json", "--output", str(path)).code in (0, 1)
    return path


def test_write_plan_markdown_is_a_checklist_of_the_plan(demo_json: Path, tmp_path: Path) -> None:
    report = report_from_dict(json.loads(demo_json.read_text(encoding="utf-8")))
    out = write_plan(report, tmp_path / "plan.md")
    text = out.read_text(encoding="utf-8")
    actions = build_plan(report)
    assert 1 <= len(actions) <= 5
    assert text.count("\n- [ ] ") == len(actions)
    for action in actions:
        assert ", ".join(services(action)) in text
    assert "@" not in text  # services, never usernames
    assert out.stat().st_mode & 0o777 == 0o600


def test_write_plan_html_lists_each_action_with_a_box(demo_json: Path, tmp_path: Path) -> None:
    report = report_from_dict(json.loads(demo_json.read_text(encoding="utf-8")))
    out = write_plan(report, tmp_path / "plan.html", "html")
    page = out.read_text(encoding="utf-8")
    assert page.count('class="box"') == len(build_plan(report))
    assert "default-src 'none'" in page and "<script" not in page
    assert "@" not in re.sub(r"<style>.*?</style>", "", page, flags=re.S)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_plan_in_spanish(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    # A learner's report is made in their language (its findings say why in it).
    demo_json = tmp_path / "informe.json"
    assert cli("--lang", "es", "demo", "--format", "json", "--output", str(demo_json)).code in (
        0,
        1,
    )
    out = tmp_path / f"plan.{fmt}"
    result = cli("--lang", "es", "report", "plan", str(demo_json), "--output", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "Tu plan de privacidad" in text
    report = report_from_dict(json.loads(demo_json.read_text(encoding="utf-8")))
    with use_language("es"):
        titles = [a.title for a in build_plan(report)]
    for title in titles:  # the plan's own words, in the learner's language
        assert title.replace("<", "&lt;") in text or title in text
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        text = re.sub(r"<[^>]+>", "\n", text)
    brands = ["Gmail", "Dropbox", "Instagram", "PayPal", "Netflix", "Patreon", "GitHub"]
    assert english_lines(text, allowed=brands) == []


def test_report_plan_refuses_bad_input_in_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = cli("report", "plan", str(tmp_path / "nope.json"), "-o", str(tmp_path / "p.md"))
    assert missing.code == 2 and "Traceback" not in missing.err
    assert not (tmp_path / "p.md").exists()


def _page_text(out: Path) -> str:
    text = re.sub(r"<style>.*?</style>", "", out.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"<[^>]+>", "\n", text)


BRANDS = ["Gmail", "Dropbox", "Instagram", "PayPal", "Netflix", "Patreon", "GitHub", "Google"]


@pytest.mark.parametrize(("made_in", "asked"), [("en", "es"), ("es", "en"), ("en", None)])
def test_report_plan_is_one_language_the_reports(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_in: str, asked: str | None
) -> None:
    """The plan quotes the report's findings: it keeps their language, whatever
    --lang or the locale asks, and says so once when --lang asked for another."""
    report_json = tmp_path / "report.json"
    made = cli("--lang", made_in, "audit", "--demo", "--format", "json", "-o", str(report_json))
    assert made.code in (0, 1), made.err
    out = tmp_path / "plan.html"
    if asked is None:
        monkeypatch.setenv("LANG", "es_MX.UTF-8")  # the locale alone does not switch it
        result = cli("report", "plan", str(report_json), "--output", str(out))
    else:
        result = cli("report", "plan", str(report_json), "--output", str(out), "--lang", asked)
    assert result.code == 0, result.err
    text = _page_text(out)
    if made_in == "es":
        assert "Tu plan de privacidad" in text
        assert english_lines(text, allowed=BRANDS) == []
    else:
        assert "Your privacy plan" in text and "Tu plan" not in text
        assert "ofrece 2FA" not in text and " para " not in text
    notices = [line for line in result.err.splitlines() if "--lang" in line]
    assert len(notices) == (0 if asked is None else 1)
    assert "Traceback" not in result.err
