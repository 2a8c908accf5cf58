"""History, diff, trends and --since-last across several real audits."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from privaudit.paths import data_dir
from tests.history.exports import STRONG, STRONG_3, WEAK, write_export


def audit(cli, export: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = cli("audit", "--accounts", str(export), "--offline", "--no-input", "--quiet", *extra)
    assert result.code in (0, 1), result.err
    return result


def problems(report: dict) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    return {
        (f["check_id"], f["subject"]): f
        for f in report["findings"]
        if f["status"] in ("fail", "warn")
    }


def test_history_diff_and_since_last_across_runs(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "vault.json"
    write_export(export, {"Gmail": WEAK, "GitHub": STRONG})
    first = json.loads(audit(cli, export, "--format", "json").out)
    assert "new" not in first["findings"][0], "only compared reports carry 'new'"

    # Fix Gmail, add a weak Dropbox: one problem resolved, one new.
    write_export(export, {"Gmail": STRONG_3, "GitHub": STRONG, "Dropbox": WEAK})
    second = json.loads(audit(cli, export, "--format", "json", "--since-last").out)
    found = problems(second)
    weak_dropbox = found[("PW101", "Dropbox (dropbox@example.com)")]
    assert weak_dropbox["new"] is True
    assert found[("MFA101", "GitHub (github@example.com)")]["new"] is False
    assert all(f["new"] is False for f in second["findings"] if f["status"] == "pass")

    runs = json.loads(cli("history", "--format", "json").out)["runs"]
    assert [r["id"] for r in runs] == [1, 2]
    assert [r["score"] for r in runs] == [first["score"]["value"], second["score"]["value"]]
    assert {c["category"] for c in runs[0]["categories"]} == {
        c["category"] for c in first["score"]["categories"]
    }

    diff = json.loads(cli("diff", "--format", "json").out)
    assert (diff["from"]["id"], diff["to"]["id"]) == (1, 2)
    assert {(r["check_id"], r["subject"]) for r in diff["new"]} == {
        ("PW101", "Dropbox (dropbox@example.com)"),
        ("MFA101", "Dropbox (dropbox@example.com)"),
        # Dropbox was breached in 2012, and this export has no password date.
        ("EXP101", "Dropbox (dropbox@example.com)"),
    }
    assert ("PW101", "Gmail (gmail@example.com)") in {
        (r["check_id"], r["subject"]) for r in diff["resolved"]
    }
    assert ("MFA101", "Gmail (gmail@example.com)") in {
        (r["check_id"], r["subject"]) for r in diff["still_open"]
    }
    assert json.loads(cli("diff", "1", "2", "--format", "json").out) == diff

    text = cli("diff").out
    assert "New problems: 3" in text
    assert "Resolved: 1" in text
    assert "PW101 Dropbox (dropbox@example.com)" in text

    # A third run: the terminal chart and the HTML trend show three runs.
    html = audit(cli, export, "--format", "html").out
    assert "Score over time" in html
    assert "last 3 runs" in html
    chart = cli("history").out
    assert "3 runs. Score trend:" in chart
    assert "#3" in chart
    assert "\x1b" not in chart

    pruned = cli("history", "prune", "--keep", "1")
    assert pruned.code == 0
    assert "Deleted 2 runs" in pruned.out
    assert [r["id"] for r in json.loads(cli("history", "-f", "json").out)["runs"]] == [3]
    with sqlite3.connect(data_dir() / "history.sqlite3") as db:
        assert db.execute("SELECT COUNT(DISTINCT run_id) FROM run_results").fetchone() == (1,)


def test_since_last_in_every_human_format(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG})
    first = audit(cli, export, "--since-last", "--format", "markdown").out
    assert "first recorded run" in first
    write_export(export, {"Gmail": STRONG, "Dropbox": WEAK})
    saved = tmp_path / "report.json"
    audit(cli, export, "--since-last", "--format", "json", "--output", str(saved))
    # Re-rendering the saved JSON keeps the marks (each audit would record a new run).
    outputs = {
        fmt: cli("report", "render", str(saved), "--format", fmt).out
        for fmt in ("terminal", "markdown", "html", "csv", "junit")
    }
    assert "NEW Dropbox" in outputs["terminal"]
    assert "**NEW** Dropbox" in outputs["markdown"]
    assert '<span class="badge new">NEW</span><strong>Dropbox' in outputs["html"]
    assert ",yes,Dropbox (dropbox@example.com)," in outputs["csv"]
    assert '<property name="new" value="true" />' in outputs["junit"]


def test_demo_is_never_recorded(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo", "--format", "json").code in (0, 1)
    assert not (data_dir() / "history.sqlite3").exists()
    assert "No audits recorded yet" in cli("history").out
    assert cli("history", "-f", "json").out.strip().endswith('"runs": []\n}')


def test_history_commands_errors_are_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for args in (("diff",), ("history", "prune"), ("history", "-f", "xml")):
        result = cli(*args)
        assert result.code == 2, args
        assert result.err.count("\n") == 1
        assert "Traceback" not in result.err
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG})
    audit(cli, export)
    assert "only one run" in cli("diff").err
    missing = cli("diff", "1", "99")
    assert missing.code == 2
    assert "no run #99" in missing.err
    assert cli("audit", "--demo", "--since-last").code == 2


def test_bad_input_creates_no_history(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", "utf-8")
    result = cli("audit", "--accounts", str(bad), "--no-input")
    assert result.code == 2
    assert not (data_dir() / "history.sqlite3").exists()
