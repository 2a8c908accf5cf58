"""The end of a real session: the anonymous share file, named by --share or asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.cli.workshop_end import offer
from privaudit.model import Report
from tests.workshop.conftest import ScriptedTerminal


def test_share_named_on_the_command_line_is_written_without_asking(
    demo: Report, tmp_path: Path
) -> None:
    term = ScriptedTerminal([])
    offer(demo, tmp_path / "me.json", None)(term)
    assert term.prompts == []
    assert json.loads((tmp_path / "me.json").read_text())["kind"] == "privaudit-share"
    assert any(line.startswith("Share file ") for line in term.shown)


def test_a_name_that_is_not_a_share_file_is_refused_and_asked_again(
    demo: Report, tmp_path: Path
) -> None:
    other = tmp_path / "essay.txt"
    other.write_text("my essay")
    term = ScriptedTerminal([str(other), str(tmp_path / "share.json")])
    offer(demo, None, "ROOM-12")(term)
    assert other.read_text() == "my essay"
    assert len(term.prompts) == 2
    assert any("refusing to overwrite" in line for line in term.shown)
    assert (tmp_path / "share.json").is_file()


def test_enter_or_end_of_input_skips_the_share(demo: Report, tmp_path: Path) -> None:
    for replies in ([""], []):
        term = ScriptedTerminal(replies)
        offer(demo, None, None)(term)
        assert term.prompts == ["File name for the summary (Enter skips): "]
    assert list(tmp_path.iterdir()) == []


def test_the_take_home_page_is_offered_once_a_writer_exists(
    demo: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privaudit.cli import workshop_end

    written: list[tuple[Path, str]] = []

    def write_plan(report: Report, path: Path, fmt: str) -> None:
        assert report is demo
        written.append((path, fmt))

    monkeypatch.setattr(workshop_end, "take_home_writer", lambda: write_plan)
    term = ScriptedTerminal([str(tmp_path / "plan.md"), ""])
    offer(demo, None, None)(term)
    assert written == [(tmp_path / "plan.md", "md")]
    assert f"Your plan is in {tmp_path / 'plan.md'}." in term.shown
    assert term.prompts[0].startswith("File name for your plan to print")


def test_without_a_writer_the_take_home_page_is_not_offered(demo: Report) -> None:
    term = ScriptedTerminal([""])
    offer(demo, None, None)(term)
    assert not any("plan to print" in p for p in term.prompts)
