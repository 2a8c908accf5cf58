"""`checklist run` ends with what the answers changed in the score."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from privaudit.checklists.loader import builtin_checklists
from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.cli.checklist_score import checklist_score, score_change

NOW = datetime.now(UTC).replace(microsecond=0)
FRESH = timedelta(days=180)


def test_the_score_follows_the_answers() -> None:
    signal = next(c for c in builtin_checklists() if c.id == "signal")
    empty = AnswerBook()
    assert checklist_score([signal], empty, FRESH) is None  # nothing answered: no score
    yes = empty.with_answer("signal", signal.items[0].id, Recorded(Answer.YES, NOW))
    no = yes.with_answer("signal", signal.items[1].id, Recorded(Answer.NO, NOW))
    before, after = checklist_score([signal], yes, FRESH), checklist_score([signal], no, FRESH)
    assert before == 100
    assert after is not None and after < before
    assert score_change(before, after) == (
        f"Privacy-settings score for these platforms: 100 → {after}/100."
    )
    assert "first answers" in score_change(None, 100)
    assert "unchanged" in score_change(80, 80)
    assert "not scored" in score_change(None, None)
