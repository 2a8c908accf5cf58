"""Where a learner stopped, so `privaudit workshop` can offer to resume.

Only the step number and the mode are kept: nothing about the person, their
accounts or their answers. One small JSON file in privaudit's state folder,
replaced atomically, deleted when the workshop ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from privaudit.paths import state_dir
from privaudit.store.atomic import ensure_private_dir, open_private, write_atomic

VERSION = 1


def state_file(practice: bool) -> Path:
    # One file per mode: pausing practice never moves the real session.
    return state_dir() / ("workshop-practice.json" if practice else "workshop.json")


def load_step(practice: bool, steps: int) -> int | None:
    """The step (1-based) to resume at, or None: nothing saved, or unreadable."""
    path = state_file(practice)
    if not path.is_file():
        return None
    ensure_private_dir(path.parent)
    try:
        fd = open_private(path, os.O_RDONLY)
        with os.fdopen(fd, "rb") as fh:
            data = json.loads(fh.read(4096))
    except (OSError, ValueError):
        return None  # a damaged file only loses the place, never the session
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    step = data.get("step")
    if not isinstance(step, int) or not 1 <= step <= steps:
        return None
    return step


def save_step(practice: bool, step: int) -> None:
    path = state_file(practice)
    ensure_private_dir(path.parent)
    write_atomic(path, json.dumps({"version": VERSION, "step": step}).encode("ascii"))


def clear(practice: bool) -> None:
    state_file(practice).unlink(missing_ok=True)
