"""What `media match` prints: a table (rich Text, never markup) or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from privaudit.i18n import N_, _
from privaudit.media.batch import Skipped
from privaudit.media.suspects import Verdict

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

_WORDS = {
    "no-match": N_("no match"),
    "too-flat": N_("too flat to compare (PDQ quality < 50)"),
    "unreadable": N_("could not read"),
    "undecoded": N_("not checked: no video decoder (pip install av); MD5/SHA-256 did not match"),
    "not-media": N_("not an image or video"),
}
_HEADERS = (
    N_("Suspect file"),
    N_("Result"),
    N_("Distance"),
    N_("Your label"),
    N_("Matched hash"),
)


def print_verdicts(
    env: Environment, verdicts: Sequence[Verdict], skipped: Skipped, fmt: str
) -> None:
    everything = [
        *verdicts,
        *(Verdict(p, "unreadable") for p in skipped.unreadable),
        *(Verdict(p, "not-media") for p in skipped.not_media),
    ]
    if fmt == "json":
        env.stdout.write(json.dumps([v.to_json() for v in everything], indent=2) + "\n")
        return
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    from privaudit.cli import ui  # noqa: PLC0415
    from privaudit.text import sanitize  # noqa: PLC0415

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in _HEADERS:
        table.add_column(_(header), overflow="fold")
    for v in everything:
        m = v.match
        table.add_row(
            Text(sanitize(v.path)),
            Text(
                _("MATCH ({confidence})").format(confidence=m.confidence)
                if m
                else _(_WORDS[v.outcome])
            ),
            Text(str(m.distance) if m else ""),
            Text(sanitize(m.entry.label or m.entry.id) if m else ""),
            Text(m.variant if m else ""),
        )
    out = ui.console(env)
    out.print(table)
    hits = sum(v.match is not None for v in verdicts)
    summary = _("{hits} of {total} file(s) match your fingerprints")
    out.print(Text(summary.format(hits=hits, total=len(everything))))
