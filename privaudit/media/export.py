"""Exports of the hash list: for hash-sharing services, spreadsheets and scripts.

`stopncii` keeps only what hash-sharing services take: the hash type, the
hash (PDQ as 64 lowercase hex for images, MD5 for videos, as StopNCII shares
them), PDQ quality and media type. No label, no file name, no crop hashes.
`csv` and `json` are the user's own full view (labels, sizes, all variants).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.media.fingerprint import Fingerprint
from privaudit.media.store import to_dict
from privaudit.render.csv import cell

FORMATS = ("stopncii", "csv", "json")


def stopncii_rows(entries: Sequence[Fingerprint]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for entry in entries:
        if entry.kind == "image" and entry.pdq is not None and entry.usable:
            rows.append(
                {
                    "media_type": "image",
                    "hash_type": "pdq",
                    "hash": entry.pdq,
                    "quality": entry.quality,
                }
            )
        elif entry.kind == "video":
            rows.append({"media_type": "video", "hash_type": "md5", "hash": entry.md5})
    return rows


def render(entries: Sequence[Fingerprint], fmt: str) -> str:
    if fmt == "stopncii":
        return json.dumps({"hashes": stopncii_rows(entries)}, indent=2) + "\n"
    if fmt == "json":
        return json.dumps([to_dict(e) for e in entries], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            ["id", "label", "kind", "size", "sha256", "md5", "pdq", "quality", "frames"]
        )
        for e in entries:
            writer.writerow(
                [
                    e.id,
                    cell(e.label),
                    e.kind,
                    e.size,
                    e.sha256,
                    e.md5,
                    e.pdq or "",
                    "" if e.quality is None else e.quality,
                    len(e.frames),
                ]
            )
        return out.getvalue()
    raise UsageError(
        _("unknown --format {fmt!r}; use one of: {formats}").format(
            fmt=fmt, formats=", ".join(FORMATS)
        )
    )
