"""A Babel extractor for the built-in checklist files (the ``checklists`` domain).

Each checklist's name and every item's question, why and fix become one message,
keyed by the English text exactly as the loader builds it (same parsing, same
clean-up), so the catalog key and the text looked up at run time cannot drift.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from privaudit.checklists.loader import validate_bytes
from privaudit.checklists.texts import DOMAIN

# (line number, function name, message, translator comments), as Babel expects.
Extracted = tuple[int, str | None, str, list[str]]

_HINTS = {
    "name": "The platform's name as users know it.",
    "question": "A yes/no question: 'yes' must stay the safe answer.",
    "why": "Why it matters: one or two short, plain sentences.",
    "fix": "Numbered steps: keep the line breaks. Give menu names as the app shows"
    " them in the language, or the English name in quotes.",
}


def _line_of(lines: list[str], item_id: str) -> int:
    for number, line in enumerate(lines, 1):
        if line.replace(" ", "").startswith(f'id="{item_id}"'):
            return number
    return 1


def extract_toml(
    fileobj: IO[bytes],
    keywords: Collection[str],  # Babel's signature; a TOML file has none
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    raw = fileobj.read()
    where = str(getattr(fileobj, "name", "checklist"))
    checklist, problems = validate_bytes(raw, where, "built-in", DOMAIN)
    if checklist is None:
        raise ValueError(problems[0] if problems else f"{where}: not a checklist")
    lines = raw.decode("utf-8").splitlines()
    yield 1, None, checklist.name.en, [f"{checklist.id}: name. {_HINTS['name']}"]
    for item in checklist.items:
        line = _line_of(lines, item.id)
        for field in ("question", "why", "fix"):
            text = getattr(item, field).en
            yield line, None, text, [f"{checklist.id} {item.id}: {field}. {_HINTS[field]}"]
