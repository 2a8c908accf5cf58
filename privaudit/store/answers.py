"""The user's checklist answers, kept in the data folder.

One JSON file, written atomically (0600 in a 0700 folder) after every answer, so
a run stopped midway loses nothing and can be resumed. Answers hold no secrets,
but they describe a person's privacy settings: they stay private all the same.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.errors import InputError
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, verify_private_dir, write_atomic

STORE_FORMAT = 1
FILE_NAME = "checklist-answers.json"


def answers_path() -> Path:
    return data_dir() / FILE_NAME


def _bad(path: Path, what: str) -> InputError:
    return InputError(
        f"{path}: {what}; fix the file or move it away to start over"
        " (privaudit will then ask the questions again)"
    )


def _parse_time(text: Any, path: Path) -> datetime:
    if not isinstance(text, str):
        raise _bad(path, "an answer has no valid 'at' time")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _bad(path, "an answer has no valid 'at' time") from None
    if moment.tzinfo is None:
        raise _bad(path, "an answer time lacks a time zone")
    return moment.astimezone(UTC)


def parse_answers(data: Any, path: Path) -> AnswerBook:
    if not isinstance(data, dict) or data.get("format") != STORE_FORMAT:
        raise _bad(path, f"not a privaudit answers file (format {STORE_FORMAT})")
    platforms = data.get("answers")
    if not isinstance(platforms, dict):
        raise _bad(path, "'answers' must be an object")
    entries: dict[tuple[str, str], Recorded] = {}
    for platform, items in platforms.items():
        if not isinstance(items, dict):
            raise _bad(path, "each platform's answers must be an object")
        for item, entry in items.items():
            if not isinstance(entry, dict):
                raise _bad(path, "each answer must be an object")
            try:
                answer = Answer(str(entry.get("answer")))
            except ValueError:
                raise _bad(path, "an answer is not one of yes, no, unsure, n/a") from None
            entries[(str(platform), str(item))] = Recorded(
                answer, _parse_time(entry.get("at"), path)
            )
    return AnswerBook(entries)


def load_answers(path: Path | None = None) -> AnswerBook:
    """The stored answers; an empty book when there are none yet."""
    path = path or answers_path()
    if not verify_private_dir(path.parent):  # another user must not plant answers
        return AnswerBook()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return AnswerBook()
    except (IsADirectoryError, PermissionError):
        raise _bad(path, "cannot be read") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _bad(path, "not valid JSON") from None
    return parse_answers(data, path)


def dump_answers(book: AnswerBook) -> bytes:
    answers: dict[str, dict[str, dict[str, str]]] = {}
    for (platform, item), recorded in book:
        at = recorded.at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        answers.setdefault(platform, {})[item] = {"answer": recorded.answer.value, "at": at}
    text = json.dumps({"format": STORE_FORMAT, "answers": answers}, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def save_answers(book: AnswerBook, path: Path | None = None) -> Path:
    path = path or answers_path()
    ensure_private_dir(path.parent)
    write_atomic(path, dump_answers(book))
    return path
