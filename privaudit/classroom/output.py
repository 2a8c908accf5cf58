"""Writing a share document: atomically, 0600, and never over a file that is not one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from privaudit.classroom import DOMAIN
from privaudit.classroom.learner import next_token, normalize_code, scope_for
from privaudit.classroom.share import KIND, MAX_SHARE_BYTES, build_share, dumps, utc_day
from privaudit.errors import InputError, UsageError
from privaudit.model import Report
from privaudit.store.atomic import check_output_path, write_atomic

_ = DOMAIN.gettext


def check_share_target(path: Path) -> Path:
    """Before the audit runs: refuse a target that is not a new path, an empty file or a share.

    A typo such as `--share report.html` must not replace the user's other work.
    """
    path = check_output_path(Path(path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return path
    if size == 0:
        return path
    if size <= MAX_SHARE_BYTES:
        try:
            doc = json.loads(path.read_bytes())
        except (OSError, ValueError):
            doc = None
        if isinstance(doc, dict) and doc.get("kind") == KIND:
            return path
    raise InputError(
        _(
            "refusing to overwrite {path}: it is not a privaudit share file; pick another name"
        ).format(path=path)
    )


def write_share(path: Path, doc: dict[str, Any]) -> None:
    write_atomic(check_share_target(path), dumps(doc))


def share_written(path: Path, day: str) -> str:
    """The one line `audit --share` prints: what the file holds and what it does not."""
    return _(
        "Share file {path} written: your score, grade, coverage and how many checks passed or"
        " failed on {day}. It has no account names, user names, sites, passwords or times."
    ).format(path=path, day=day)


def share_document(
    report: Report, code: str | None, *, folder: Path | None = None
) -> dict[str, Any]:
    """`report`'s share document, with this device's token for the class and its next
    round: what `--share FILE` writes and `--share-to URL` sends (one round for both)."""
    learner, round_ = next_token(scope_for(code, utc_day(report.started_at)), folder=folder)
    return build_share(report, learner=learner, round_=round_)


def share_report(
    report: Report, path: Path, code: str | None, *, folder: Path | None = None
) -> str:
    """Write `report`'s share document to `path`; the line to print."""
    doc = share_document(report, code, folder=folder)
    write_share(path, doc)
    return share_written(path, doc["day"])


def check_share_request(path: Path | None, code: str | None, *, output: Path | None = None) -> None:
    """`audit --share FILE [--code CODE]`, checked before any work is done; `output` is
    the report's --output, which must not be the same file."""
    if path is not None and output is not None and Path(path).resolve() == Path(output).resolve():
        raise UsageError(
            _("--share and --output name the same file; give the share file its own name")
        )
    if code is not None:
        if path is None:
            raise UsageError(
                _(
                    "--code goes with --share FILE or --share-to URL: it names the class"
                    " you share with"
                )
            )
        normalize_code(code)
    if path is not None:
        check_share_target(path)
