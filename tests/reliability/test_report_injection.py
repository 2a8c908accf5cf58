"""A crafted JSON report given to `report render`: no escape or format character
reaches any output, and a report that breaks the schema is refused (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from privaudit.render import render
from tests.report.samples import sample_with_new

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J\x1b[H"
FORMAT_CHARS = ["\U000e0041", "\u2064", "\u206a", "\u180e", "\u00ad", "\u202e", "\u200b"]
POISON = OSC52 + CLEAR + "".join(FORMAT_CHARS)
FORMATS = ["terminal", "json", "markdown", "html", "junit", "csv"]


def _poisoned() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(sample_with_new(), "json"))
    for check in data["checks"]:
        for key in ("title", "why", "fix", "origin"):
            check[key] = f"{check[key]}{POISON}"
    for finding in data["findings"]:
        for key in ("subject", "message", "fix"):
            finding[key] = f"{finding[key] or ''}{POISON}"
    # Categories are slugs in the schema: a poisoned one is refused (tested below).
    data["inputs"]["datasets"] = {f"2fa{POISON}": f"built-in{POISON}"}
    data["notices"] = [f"delete the export{POISON}"]
    data["tool"]["version"] += POISON
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_escape_or_format_character_reaches_any_format(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps(_poisoned()), encoding="utf-8")
    result = cli("report", "render", str(path), "--format", fmt)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    assert "]52;" not in result.out
    for ch in FORMAT_CHARS:
        assert ch not in result.out, f"U+{ord(ch):04X} reached the {fmt} output"
    assert "delete the export" in result.out or fmt in ("junit", "csv")


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["findings"][0].update(status="PWNED"), ".findings[0].status"),
        (lambda d: d["score"].update(value="100"), ".score.value"),
        (lambda d: d.update(checks="none"), ".checks"),
        (lambda d: d["score"]["categories"][0].update(category=f"x{OSC52}"), ".category"),
    ],
)
def test_a_report_breaking_the_schema_is_refused_naming_the_place(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, change: Any, where: str
) -> None:
    data = json.loads(render(sample_with_new(), "json"))
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("report", "render", str(path), "--format", "terminal")
    assert result.code == 2
    assert where in result.err
    assert "PWNED" not in result.err


def test_data_status_sanitises_what_the_stored_copy_says(cli) -> None:  # type: ignore[no-untyped-def]
    from privaudit.store.atomic import ensure_private_dir
    from privaudit.tfa.store import STORE_FORMAT, stored_path
    from tests.tfa.conftest import v3_entries

    path = stored_path()
    ensure_private_dir(path.parent)
    doc = {
        "format": STORE_FORMAT,
        "fetched": f"2026-11-30T00:00:00{CLEAR}",
        "url": f"https://mirror.example/{OSC52}all.json",
        "entries": "many",  # not a number: shown as 0, not a crash
        "sha256": "0" * 64,
        "data": v3_entries(3),
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli("data", "status")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out + result.err
    assert "https://mirror.example/all.json" in result.out
