"""`privaudit checklist answer`: one answer without prompts, stored like `checklist run`."""

from __future__ import annotations

import json

import pytest

from privaudit.checklists.model import Answer
from privaudit.store.answers import answers_path, load_answers


def test_answer_is_stored_and_read_by_the_audit(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "answer", "google", "two-step", "yes")
    assert result.code == 0, result.err
    assert "2-Step Verification" in result.out
    recorded = load_answers().get("google", "two-step")
    assert recorded is not None and recorded.answer is Answer.YES
    assert cli("checklist", "answer", "Google", "recovery-info", "na").code == 0
    book = load_answers()
    assert book.get("google", "recovery-info").answer is Answer.NOT_APPLICABLE  # type: ignore[union-attr]
    assert book.get("google", "two-step") is not None  # earlier answers are kept
    listing = json.loads(cli("checklist", "list", "-f", "json").out)
    google = next(row for row in listing if row["platform"] == "google")
    assert google["answered"] == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gogle", "two-step", "yes"), "did you mean 'google'"),
        (("google", "two-stp", "yes"), "did you mean 'two-step'"),
        (("google", "two-step", "maybe"), "yes, no, unsure or na"),
        (("nosuchplatformatall", "two-step", "yes"), "checklist list"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "answer", *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not answers_path().exists()


def test_checklist_list_shows_the_item_ids_answer_takes(cli) -> None:  # type: ignore[no-untyped-def]
    overview = cli("checklist", "list")
    assert overview.code == 0
    assert "privaudit checklist list PLATFORM" in overview.out
    listing = json.loads(cli("checklist", "list", "-f", "json").out)
    google = next(row for row in listing if row["platform"] == "google")
    assert "two-step" in google["item_ids"] and len(google["item_ids"]) == google["items"]

    assert cli("checklist", "answer", "google", "two-step", "yes").code == 0
    table = cli("checklist", "list", "google", "x")
    assert table.code == 0, table.err
    assert "recovery-info" in table.out and "2-Step Verification" in table.out
    assert "privaudit checklist answer PLATFORM ITEM" in table.out
    rows = json.loads(cli("checklist", "list", "-f", "json", "google", "x").out)
    assert {r["platform"] for r in rows} == {"google", "x"}
    # Every id listed is one `checklist answer` accepts.
    for row in rows:
        assert cli("checklist", "answer", row["platform"], row["item"], "unsure").code == 0
    two_step = next(r for r in rows if r["item"] == "two-step")
    assert two_step["answer"] == "yes"


def test_checklist_list_of_a_typo_suggests_the_platform(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "list", "instgram")
    assert result.code == 2
    assert "did you mean 'instagram'" in result.err and result.out == ""
