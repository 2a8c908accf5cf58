"""The answers store: atomic, private, timestamped; broken files are one clear error."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.checklists.model import Answer, AnswerBook, Freshness, Recorded, freshness
from privaudit.errors import InputError
from privaudit.store.answers import answers_path, load_answers, save_answers

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_round_trip_is_private_and_in_the_data_dir(isolated_home: Path) -> None:
    book = AnswerBook().with_answer("google", "two-step", Recorded(Answer.YES, NOW))
    book = book.with_answer("google", "devices", Recorded(Answer.NOT_APPLICABLE, NOW))
    path = save_answers(book)
    assert path == answers_path()
    assert path.is_relative_to(isolated_home / "data")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_answers() == book
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["answers"]["google"]["two-step"] == {
        "answer": "yes",
        "at": "2026-11-24T12:00:00Z",
    }


def test_no_file_means_no_answers() -> None:
    assert len(load_answers()) == 0


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b'{"format": 99, "answers": {}}',
        b'{"format": 1, "answers": {"g": {"i": {"answer": "maybe", "at": "2026-01-01T00:00Z"}}}}',
        b'{"format": 1, "answers": {"g": {"i": {"answer": "yes", "at": "yesterday"}}}}',
        b'{"format": 1, "answers": {"g": {"i": {"answer": "yes", "at": "2026-01-01T00:00:00"}}}}',
    ],
)
def test_a_broken_file_is_one_clear_line(content: bytes) -> None:
    path = answers_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_answers()
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_refuses_to_write_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("{}")
    path = answers_path()
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    with pytest.raises(InputError):
        save_answers(AnswerBook())
    assert target.read_text() == "{}"


def test_freshness_edges() -> None:
    day = timedelta(days=1)
    limit = timedelta(days=180)
    assert freshness(None, NOW, limit) is Freshness.MISSING
    assert freshness(Recorded(Answer.NO, NOW - 180 * day), NOW, limit) is Freshness.FRESH
    assert freshness(Recorded(Answer.NO, NOW - 181 * day), NOW, limit) is Freshness.STALE
    # An answer dated in the future is not trusted.
    assert freshness(Recorded(Answer.NO, NOW + 2 * day), NOW, limit) is Freshness.STALE


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True), st.text(min_size=1)),
        st.tuples(st.sampled_from(list(Answer)), st.integers(0, 10**8)),
        max_size=8,
    )
)
def test_any_book_round_trips(entries: dict[tuple[str, str], tuple[Answer, int]]) -> None:
    book = AnswerBook({k: Recorded(a, NOW - timedelta(seconds=s)) for k, (a, s) in entries.items()})
    save_answers(book)
    assert load_answers() == book
