"""The end of a real session: the plan to print, and the anonymous share file, named by
--share or asked for."""

from __future__ import annotations

import json
from pathlib import Path

from privaudit.cli.workshop_end import offer
from privaudit.model import Report
from privaudit.plan import build_plan
from tests.workshop.conftest import ScriptedTerminal

PLAN_PROMPT = "File name for your plan to print, e.g. plan.html (Enter skips): "
SHARE_PROMPT = "File name for the summary (Enter skips): "


def test_share_named_on_the_command_line_is_written_without_asking(
    demo: Report, tmp_path: Path
) -> None:
    term = ScriptedTerminal([""])  # Enter: no plan page
    offer(demo, tmp_path / "me.json", None)(term)
    assert term.prompts == [PLAN_PROMPT]
    assert json.loads((tmp_path / "me.json").read_text())["kind"] == "privaudit-share"
    assert any(line.startswith("Share file") and "me.json" in line for line in term.shown)


def test_a_name_that_is_not_a_share_file_is_refused_and_asked_again(
    demo: Report, tmp_path: Path
) -> None:
    other = tmp_path / "essay.txt"
    other.write_text("my essay")
    term = ScriptedTerminal(["", str(other), str(tmp_path / "share.json")])
    offer(demo, None, "ROOM-12")(term)
    assert other.read_text() == "my essay"
    assert term.prompts == [PLAN_PROMPT, SHARE_PROMPT, SHARE_PROMPT]
    assert any("refusing to overwrite" in line for line in term.shown)
    assert (tmp_path / "share.json").is_file()


def test_enter_or_end_of_input_skips_the_share(demo: Report, tmp_path: Path) -> None:
    for replies in (["", ""], [""], []):
        term = ScriptedTerminal(replies)
        offer(demo, None, None)(term)
        assert term.prompts == [PLAN_PROMPT, SHARE_PROMPT]
    assert list(tmp_path.iterdir()) == []


def test_the_take_home_page_is_written_where_the_learner_says(demo: Report, tmp_path: Path) -> None:
    term = ScriptedTerminal([str(tmp_path / "plan.md"), ""])
    offer(demo, None, None)(term)
    page = tmp_path / "plan.md"
    assert (page.stat().st_mode & 0o777) == 0o600
    text = page.read_text(encoding="utf-8")
    assert "- [ ]" in text and build_plan(demo)[0].title in text
    assert f"Your plan is in {page}." in term.shown
    assert term.prompts == [PLAN_PROMPT, SHARE_PROMPT]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_enter_skips_the_take_home_page(demo: Report, tmp_path: Path) -> None:
    term = ScriptedTerminal(["", ""])
    offer(demo, None, None)(term)
    assert term.prompts == [PLAN_PROMPT, SHARE_PROMPT]
    assert list(tmp_path.iterdir()) == []
