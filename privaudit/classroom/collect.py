"""Reading the share files a trainer collected: all of them valid, or one clear error."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from privaudit.classroom import DOMAIN
from privaudit.classroom.share import MAX_SHARE_BYTES, ShareError, parse_share
from privaudit.errors import InputError

_ = DOMAIN.gettext


def read_share(path: Path) -> dict[str, Any]:
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(MAX_SHARE_BYTES + 1)
    except OSError as exc:
        raise InputError(
            _("cannot read share file {path}: {why}").format(path=path, why=exc.strerror)
        ) from None
    try:
        return parse_share(data)
    except ShareError as exc:
        raise InputError(
            _(
                "{path}: {problem}; leave it out, or ask for a new one"
                " made with `privaudit audit --share`"
            ).format(path=path, problem=exc)
        ) from None


def read_shares(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every file parsed and validated before anything is summarised or written."""
    return [read_share(path) for path in paths]
