"""The core's own words in a Spanish report: headings, labels, plan, scores, counts.

The checks' and checklists' texts have catalogs of their own (domains `checks`
and `checklists`); here they are replaced by Spanish stand-ins, so any English
left is the core's (tests/i18n/test_demo_spanish.py checks the whole demo).
"""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from privaudit.i18n import use_language
from privaudit.model import Report
from privaudit.render import RenderOptions, render
from privaudit.serialize import report_from_dict
from tests.i18n.english import english_lines

# Brands and the demo's account labels are names, not English.
NAMES = ("Gmail", "Dropbox", "Instagram", "PayPal", "Netflix", "Patreon", "GitHub")
NAMES += ("Old forum", "Mobile carrier", "HIBP", "bitwarden-json", "vault.json")


def _stand_ins(report: Report) -> Report:
    def title(text: str) -> str:
        head, sep, _rest = text.partition(":")
        return f"{head}: texto de la revisión" if sep else "texto de la revisión"

    checks = tuple(
        dataclasses.replace(m, title=title(m.title), why="porque sí", fix="haz esto")
        for m in report.checks
    )
    titles = {m.title: title(m.title) for m in report.checks}
    findings = tuple(
        dataclasses.replace(
            f,
            # The runner names a check that had nothing to look at by its title.
            subject=titles.get(f.subject, f.subject),
            message="mensaje de la revisión",
            fix=f.fix and "haz aquello",
        )
        for f in report.findings
    )
    return dataclasses.replace(report, checks=checks, findings=findings)


@pytest.fixture
def spanish_demo(cli) -> Report:  # type: ignore[no-untyped-def]
    result = cli("demo", "--lang", "es", "--format", "json")
    assert result.code in (0, 1), result.err
    data = json.loads(result.out)
    assert data["lang"] == "es"
    return _stand_ins(report_from_dict(data))


def _text_of_html(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)
    html = re.sub(r'aria-label="([^"]*)"', r">\1<", html)  # read by screen readers
    return re.sub(r"<[^>]+>", "\n", html)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
@pytest.mark.parametrize("details", [False, True])
def test_no_english_from_the_core(spanish_demo: Report, fmt: str, details: bool) -> None:
    with use_language("es"):
        text = render(spanish_demo, fmt, RenderOptions(width=100, details=details))
    if fmt == "html":
        assert '<html lang="es">' in text
        text = _text_of_html(text)
    # Checklist item ids ("where-logged-in") are identifiers, like option names.
    text = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", " ", text)
    assert english_lines(text, allowed=NAMES) == []


def test_junit_text_for_people_is_spanish(spanish_demo: Report) -> None:
    with use_language("es"):
        xml = render(spanish_demo, "junit")
    assert "Por qué: porque sí" in xml
    assert "Qué hacer: haz" in xml
    assert "Why:" not in xml


def test_the_spanish_words_are_there(spanish_demo: Report) -> None:
    with use_language("es"):
        text = render(spanish_demo, "terminal", RenderOptions(width=100))
    for words in ("ARREGLA PRIMERO", "Categoría", "cuentas revisadas", "18\u00a0742 filtraciones"):
        assert words in text


def test_json_keeps_its_keys_and_enums_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    english = json.loads(cli("demo", "--format", "json").out)
    spanish = json.loads(cli("demo", "--lang", "es", "--format", "json").out)
    assert (english["lang"], spanish["lang"]) == ("en", "es")

    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return type(value).__name__

    assert shape(spanish) == shape(english)
    for key in ("counts", "score"):
        assert spanish[key]["categories" if key == "score" else "pass"] is not None
    assert spanish["score"]["categories"] == english["score"]["categories"]
    assert [f["status"] for f in spanish["findings"]] == [f["status"] for f in english["findings"]]
    assert spanish["plan"][0]["title"].startswith("Cambia la contraseña")
    assert spanish["inputs"]["sources"] == english["inputs"]["sources"]


def test_a_saved_report_renders_in_its_own_language(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "es.json"
    saved.write_text(cli("demo", "--lang", "es", "--format", "json").out, encoding="utf-8")
    shown = cli("report", "render", str(saved), "--format", "markdown")
    assert shown.code == 0, shown.err
    assert "## Arregla primero" in shown.out
    english = cli("report", "render", str(saved), "--format", "markdown", "--lang", "en")
    assert "## Fix first" in english.out
