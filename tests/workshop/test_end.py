"""The end of a real session: the anonymous share file, named by --share or asked for."""

from __future__ import annotations

import json
from pathlib import Path

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
